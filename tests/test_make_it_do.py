"""The form's "Make it do ▾": a menu item's action written from a list, without JavaScript.

A fresh user who renamed the starter plugin "Send to lobby" and moved it to the participant
menu could not make it do anything but say "Hello" without writing code. Now the Action row
offers what the item can do; the code is written by designer/core/behaviours.py (the same code
the "Participant action" recipe makes), as one undo step, and only over code the designer wrote.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QLabel, QLineEdit, QPushButton, QToolButton
from test_editing import retype, select_plugin

from designer.cli import main
from designer.core.actionsync import add_action_function
from designer.core.behaviours import BEHAVIOURS, Details, action_body, body_state, write_behaviour
from designer.core.jsanalysis import analyse
from designer.core.newproject import create_project, plugin_files
from designer.core.recipes import load_recipe, render
from designer.gui.main_window import MainWindow

SRC = "plugins/send-to-lobby/send-to-lobby.plugin.js"
STARTER = plugin_files("Send to lobby")[SRC].decode()


# -- the core: what may be replaced, and what is written ------------------------------------------


def test_the_designers_own_bodies_are_recognised_and_nothing_else() -> None:
    assert body_state(STARTER, "showSendToLobby").wrote == "starter"  # "Hello from this plugin."
    stub = add_action_function(STARTER, "kick", "participants")
    assert body_state(stub, "kick").wrote == "stub"
    assert body_state(stub.replace("// runs when the menu item is clicked", ""), "kick").wrote == "empty"
    assert body_state(STARTER, "nothing").state == "missing"
    for key in BEHAVIOURS:  # each one written, with texts of the user's own, is still the designer's
        details = Details(
            confirm=True, question="Sûre? 'x' \\ </p>", alias="a@b", url="https://x.org/?a='1'", title="T", message="M"
        )
        placement = "participants" if BEHAVIOURS[key].for_participant else "toolbar"
        written = write_behaviour(STARTER, "showSendToLobby", key, details, placement, "send-to-lobby")
        assert not analyse(written).syntax_errors, key
        assert body_state(written, "showSendToLobby").wrote == key, key
        changed = re.sub(r"(function showSendToLobby\(\w*\) \{\n)", r"\1        console.log('mine');\n", written)
        assert changed != written
        assert body_state(changed, "showSendToLobby").state == "user", key
    edited = STARTER.replace("Hello from this plugin.", "Hello, world.")
    assert body_state(edited, "showSendToLobby").state == "user"
    with pytest.raises(ValueError, match=r"'showSendToLobby' \(line 15\) has been changed by hand"):
        write_behaviour(edited, "showSendToLobby", "mute", Details(), "participants")


TAB_SOURCE = (
    "(function () {\n\tfunction load() {\n\t\treturn 1;\n\t}\n"
    "\tPEX.pluginAPI.registerPlugin({\n\t\tid: 'a',\n\t\tload: load,\n\t\tunload: function () {}\n\t});\n})();\n"
)


@pytest.mark.parametrize("unit", ["\t", "  ", "    "], ids=["tabs", "two-spaces", "four-spaces"])
def test_code_the_designer_writes_is_indented_as_the_source_is(unit: str) -> None:
    """A function for a new action, and what "Make it do" writes in it, came indented with four
    spaces in sources indented with tabs or two spaces: every such line a linter's complaint."""
    source = TAB_SOURCE.replace("\t", unit)
    stub = add_action_function(source, "doIt", "participants")
    assert (
        f"\n{unit}function doIt(participant) {{\n{unit}{unit}// runs when the menu item is clicked\n{unit}}}\n" in stub
    )
    done = write_behaviour(stub, "doIt", "mute", Details(), "participants")
    body = done.split("function doIt(participant) {\n", 1)[1].split(f"\n{unit}}}\n", 1)[0]
    leads = {line[: len(line) - len(line.lstrip(" \t"))] for line in body.splitlines() if line.strip()}
    assert leads <= {unit * n for n in range(2, 6)} and unit * 3 in leads, leads
    assert body_state(done, "doIt").wrote == "mute"  # still known as the designer's, so it may be replaced
    assert "unmute" in write_behaviour(done, "doIt", "unmute", Details(), "participants")
    assert not analyse(done).syntax_errors


def test_the_form_writes_what_the_recipe_writes() -> None:
    """One generator: the recipe's action body is the one "Make it do" writes (and recognises)."""
    recipe = load_recipe("participant-action")
    files = render(recipe, {"what": "disconnect"}, "pa")
    source = files["plugins/pa/pa.plugin.js"].decode()
    assert body_state(source, "disconnectParticipant").wrote == "disconnect"
    body = action_body("disconnect", plugin="pa", action="disconnectParticipant", indent="        ", confirm=True,
                       question="Disconnect this person from the meeting?")  # fmt: skip
    assert body in source
    written = write_behaviour(
        STARTER, "showSendToLobby", "disconnect", Details(confirm=True, question="Q"), "participants", "pa"
    )
    assert (
        action_body("disconnect", plugin="pa", action="showSendToLobby", indent="        ", confirm=True, question="Q")
        in written
    )


def test_a_participant_action_gives_the_function_its_participant() -> None:
    source = STARTER.replace("function showSendToLobby()", "var showSendToLobby = function () {}; function old()")
    source = source.replace("title: 'Send to lobby',", "title: 'Send to lobby',").replace("\n", "\r\n")
    written = write_behaviour(source, "showSendToLobby", "mute", Details(), "participants")
    assert "var showSendToLobby = function (participant) {\r\n" in written and "\n" not in written.replace("\r\n", "")
    arrow = STARTER.replace("function showSendToLobby() {", "var showSendToLobby = p => {").replace(
        "        });\n    }\n", "        });\n    };\n", 1
    )
    assert not analyse(arrow).syntax_errors
    assert "sendRequest('/participants/' + p.uuid + '/mute')" in write_behaviour(
        arrow, "showSendToLobby", "mute", Details(), "participants"
    )
    with pytest.raises(ValueError, match="only in a participant's menu"):
        write_behaviour(STARTER, "showSendToLobby", "mute", Details(), "toolbar")


# -- the form ----------------------------------------------------------------------------------------


def _open(window: MainWindow, qtbot: Any, tmp_path: Path, placement: str = "participants") -> None:
    create_project(tmp_path / "p", "Send to lobby")
    window.open_path(tmp_path / "p")
    select_plugin(window, qtbot, 0)
    combo = window.findChild(QComboBox, "placementCombo")
    combo.setFocus()
    while combo.currentData() != placement:
        qtbot.keyClick(combo, Qt.Key.Key_Down)


def _menu(window: MainWindow, qtbot: Any, pick: str | None = None) -> list[tuple[str, str, bool]]:
    """Open "Make it do ▾" with a click; (object name, text, enabled) of its lines; click ``pick``'s line."""
    button = window.findChild(QToolButton, "makeItDoButton")
    assert button.isVisible() and button.isEnabled()
    seen: list[tuple[str, str, bool]] = []

    def look() -> None:
        menu = button.menu()
        if not menu.isVisible():
            QTimer.singleShot(10, look)
            return
        seen.extend((a.objectName(), a.text(), a.isEnabled()) for a in menu.actions() if not a.isSeparator())
        chosen = next((a for a in menu.actions() if a.objectName() == f"makeItDo_{pick}"), None)
        if chosen is None:
            menu.close()
            return
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(chosen).center())

    QTimer.singleShot(0, look)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(seen))
    return seen


def test_make_it_do_writes_the_function_and_ctrl_z_takes_it_back_in_one_step(
    window: MainWindow, qtbot: Any, tmp_path: Path
) -> None:
    _open(window, qtbot, tmp_path)
    before = window.package.read_text(SRC)
    steps = window.editor.undo_stack.count()
    lines = _menu(window, qtbot, "mute")
    offered = [name.removeprefix("makeItDo_") for name, _text, on in lines if on]
    assert offered == list(BEHAVIOURS)  # every participant action, a web page and a message
    assert lines[0] == ("makeItDoNote", "When 'Send to lobby' is clicked:", False)
    text = window.package.read_text(SRC)
    assert "sendRequest('/participants/' + participant.uuid + '/mute')" in text
    assert "function showSendToLobby(participant) {" in text and "Hello from this plugin" not in text
    assert text.splitlines()[0] == "// Send to lobby: a participant menu item made with 'Make it do'."
    assert window.editor.undo_stack.count() == steps + 1
    assert window.editor.undo_stack.undoText() == "Make 'Send to lobby' do: mute their microphone"
    # The starter is for guests too: only hosts can mute someone else, and the form says so.
    note = window.findChild(QLabel, "behaviourNote")
    assert note.isVisibleTo(window) and "only hosts can mute another participant" in note.text()
    # The menu now shows what it does.
    assert ("makeItDo_mute", "&Mute their microphone", True) in _menu(window, qtbot)
    window.save()
    assert main(["check", "--strict", str(tmp_path / "p")]) == 0

    action = window.findChild(QLineEdit, "actionEdit")  # Ctrl+Z in a field undoes the window's last step
    window.activateWindow()
    action.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is action)
    qtbot.keyClick(action, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.package.read_text(SRC) == before
    assert window.editor.undo_stack.count() == steps + 1 and window.editor.undo_stack.index() == steps
    assert not note.isVisibleTo(window)


def test_what_needs_an_answer_asks_for_it_and_can_be_changed_again(
    window: MainWindow, qtbot: Any, tmp_path: Path
) -> None:
    _open(window, qtbot, tmp_path)
    _menu(window, qtbot, "transfer")
    dialog = window.findChild(QDialog, "makeItDoDialog")
    assert dialog.isVisible() and "Infinity has no 'send to lobby'" in " ".join(
        label.text() for label in dialog.findChildren(QLabel)
    )
    write = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Write the code")
    assert not write.isEnabled() and dialog.findChild(QLabel, "makeItDoProblem").text() == "Fill in the meeting."
    qtbot.keyClicks(dialog.findChild(QLineEdit, "makeItDo_alias"), "lobby@example.com")
    assert write.isEnabled()
    steps = window.editor.undo_stack.count()
    qtbot.mouseClick(write, Qt.MouseButton.LeftButton)
    text = window.package.read_text(SRC)
    assert "var meeting = {conference_alias: 'lobby@example.com', role: 'guest'};" in text
    assert "Move this person to the other meeting?" in text  # asks first: moving someone is not undone
    assert window.editor.undo_stack.count() == steps + 1
    # Still the designer's code: something else may replace it.
    _menu(window, qtbot, "disconnect")
    dialog = window.findChildren(QDialog, "makeItDoDialog")[-1]
    qtbot.mouseClick(
        next(b for b in dialog.findChildren(QPushButton) if b.text() == "Write the code"), Qt.MouseButton.LeftButton
    )
    text = window.package.read_text(SRC)
    assert "conference_alias" not in text and "'/disconnect'" in text


def test_code_written_by_hand_is_never_overwritten(window: MainWindow, qtbot: Any, tmp_path: Path) -> None:
    _open(window, qtbot, tmp_path)
    _menu(window, qtbot, "mute")
    mine = window.package.read_text(SRC).replace("showProblem(answer.result);", "showProblem(answer.result); // mine")
    window.editor.edit_text("Typing", SRC, mine)
    steps = window.editor.undo_stack.count()
    lines = _menu(window, qtbot, "disconnect")
    assert all(not on and name == "makeItDoNote" for name, _text, on in lines), lines
    said = " ".join(text for _name, text, _on in lines)
    assert "The code of 'showSendToLobby' was changed by hand (send-to-lobby.plugin.js, line 15)." in said
    assert "never writes over code written by hand" in said
    assert window.package.read_text(SRC) == mine and window.editor.undo_stack.count() == steps


def test_an_item_without_a_function_gets_one_that_works_in_one_step(
    window: MainWindow, qtbot: Any, tmp_path: Path
) -> None:
    _open(window, qtbot, tmp_path)
    qtbot.mouseClick(window.findChild(QPushButton, "addItemButton"), Qt.MouseButton.LeftButton)
    retype(qtbot, window.findChild(QLineEdit, "actionEdit"), "makeHost")
    before = window.package.read_text(SRC)
    steps = window.editor.undo_stack.count()
    _menu(window, qtbot, "make_host")
    text = window.package.read_text(SRC)
    info = analyse(text)
    assert "makeHost" in info.functions and "makeHost" in info.registrations[0].keys
    assert "'/participants/' + participant.uuid + '/role', {role: 'chair'}" in text
    assert window.editor.undo_stack.count() == steps + 1
    window.editor.undo_stack.undo()
    assert window.package.read_text(SRC) == before


def test_a_new_item_is_named_after_what_it_is_made_to_do_and_a_users_label_stays(
    window: MainWindow, qtbot: Any, tmp_path: Path
) -> None:
    """A new user added an item to the participant menu and made it mute: each participant's menu
    then offered "New item", which muted them. Still called "New item", it takes the words of what
    it does, in the same step; a label the user wrote is never replaced."""
    from PySide6.QtWidgets import QListWidget

    _open(window, qtbot, tmp_path)
    add = window.findChild(QPushButton, "addItemButton")
    label = window.findChild(QLineEdit, "labelEdit")
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    retype(qtbot, label, "Quiet please")
    _menu(window, qtbot, "video_muted")
    assert window.package.plugins[0].package.menu_items["participants"][-1].label == "Quiet please"
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    assert label.text() == "New item"
    steps = window.editor.undo_stack.count()
    _menu(window, qtbot, "mute")
    items = window.package.plugins[0].package.menu_items["participants"]
    assert items[-1].label == "Mute" and label.text() == "Mute"
    rows = window.findChild(QListWidget, "menuItemsList")
    assert rows.item(rows.count() - 1).text().startswith("Mute  →  ")
    assert window.editor.undo_stack.count() == steps + 1
    window.editor.undo_stack.undo()
    assert window.package.plugins[0].package.menu_items["participants"][-1].label == "New item"


def test_a_toolbar_button_is_offered_what_needs_no_participant(window: MainWindow, qtbot: Any, tmp_path: Path) -> None:
    _open(window, qtbot, tmp_path, placement="toolbar")
    lines = _menu(window, qtbot, "message")
    assert [name for name, _text, on in lines if on] == ["makeItDo_web_page", "makeItDo_message", "makeItDo_recipes"]
    assert any("participant menu" in text for _name, text, on in lines if not on)
    dialog = window.findChild(QDialog, "makeItDoDialog")
    assert dialog.findChild(QLineEdit, "makeItDo_title").text() == "Send to lobby"
    qtbot.keyClicks(dialog.findChild(QLineEdit, "makeItDo_message"), "Back in <5> minutes")
    qtbot.keyClick(dialog.findChild(QLineEdit, "makeItDo_message"), Qt.Key.Key_Return)
    text = window.package.read_text(SRC)
    assert "body: '<p>Back in &lt;5&gt; minutes<\\/p>'" in text
    window.save()
    assert main(["check", "--strict", str(tmp_path / "p")]) == 0
    package = json.loads((tmp_path / "p/webapp2/plugins/send-to-lobby/send-to-lobby.plugin.package.json").read_text())
    assert package["menuItems"]["toolbar"][0]["action"] == "showSendToLobby"


def test_a_toolbar_button_that_should_mute_all_guests_is_shown_the_way_to_the_recipes(
    window: MainWindow, qtbot: Any, tmp_path: Path
) -> None:
    """A toolbar button's "Make it do ▾" offered a web page or a message and said mute and the
    rest are for the participant menu: someone making "mute all guests" found a dead end. The
    menu now says meeting-wide actions are recipes and opens them."""
    from designer.gui.panes.recipe_wizard import RecipeWizard

    _open(window, qtbot, tmp_path, placement="toolbar")
    opened: list[str] = []

    def answer() -> None:
        wizard = next(
            (w for w in QApplication.topLevelWidgets() if isinstance(w, RecipeWizard) and w.isVisible()), None
        )
        if wizard is None:
            QTimer.singleShot(10, answer)
            return
        opened.append(wizard.windowTitle())
        wizard.choose("mute-guests")
        qtbot.mouseClick(wizard.findChild(QPushButton, "recipeNext"), Qt.MouseButton.LeftButton)
        qtbot.mouseClick(wizard.findChild(QPushButton, "recipeNext"), Qt.MouseButton.LeftButton)
        qtbot.mouseClick(wizard.findChild(QPushButton, "recipeFinish"), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)
    lines = _menu(window, qtbot, "recipes")
    assert any("whole meeting" in text for _name, text, on in lines if not on)
    qtbot.waitUntil(lambda: bool(opened) and len(window.package.plugins) == 2)
    assert opened == ["Add a plugin from a recipe"]
    assert window.package.plugins[1].display_name == "Mute all guests"


def test_the_starters_first_line_says_what_wrote_it_and_still_follows_a_move() -> None:
    """It said "a toolbar button that shows a short message" over code that mutes someone."""
    from designer.core.actionsync import retell_starter_comments

    written = write_behaviour(STARTER, "showSendToLobby", "message", Details(title="T", message="M"), "toolbar")
    assert written.splitlines()[0] == "// Send to lobby: a toolbar button made with 'Make it do'."
    moved = retell_starter_comments(written, "conference")
    assert moved.splitlines()[0] == "// Send to lobby: a conference menu item made with 'Make it do'."


def test_the_menu_shows_a_label_with_an_ampersand_as_it_is(window: MainWindow, qtbot: Any, tmp_path: Path) -> None:
    """A menu takes '&' for the mark of its Alt+letter: the item 'Q&A' was named 'QA' in the
    menu's first line, its A underlined."""
    _open(window, qtbot, tmp_path)
    retype(qtbot, window.findChild(QLineEdit, "labelEdit"), "Q&A")
    assert window.package.plugins[0].package.menu_items["participants"][0].label == "Q&A"
    _menu(window, qtbot)
    first = window.findChild(QToolButton, "makeItDoButton").menu().actions()[0]
    assert first.iconText() == "When 'Q&A' is clicked:"  # the text as the menu shows it, marks taken out


def test_an_action_that_cannot_be_a_function_name_is_said_as_such(
    window: MainWindow, qtbot: Any, tmp_path: Path
) -> None:
    """An action such as 'show-it' (a package file edited by hand) was said to have "no single
    registerPlugin call", though the source had one."""
    create_project(tmp_path / "p", "Send to lobby")
    package = tmp_path / "p" / "webapp2" / "plugins/send-to-lobby/send-to-lobby.plugin.package.json"
    data = json.loads(package.read_text())
    (section,) = data["menuItems"]
    data["menuItems"][section][0]["action"] = "show-it"
    package.write_text(json.dumps(data, indent=4))
    window.open_path(tmp_path / "p")
    select_plugin(window, qtbot, 0)
    lines = _menu(window, qtbot)
    said = " ".join(text for _name, text, _on in lines)
    assert all(not on for _name, _text, on in lines) and "registerPlugin" not in said
    assert "'show-it' cannot be the name of a function" in said


def test_the_web_address_field_shows_its_whole_example(window: MainWindow, qtbot: Any, tmp_path: Path) -> None:
    """The dialog was as narrow as its labels: "https://www.example.com/" showed as "https://www.examp"."""
    _open(window, qtbot, tmp_path, placement="toolbar")
    _menu(window, qtbot, "web_page")
    dialog = window.findChild(QDialog, "makeItDoDialog")
    qtbot.waitExposed(dialog)
    url = dialog.findChild(QLineEdit, "makeItDo_url")
    assert url.placeholderText() == "https://www.example.com/"
    room = url.contentsRect().width() - url.textMargins().left() - url.textMargins().right() - 8  # frame and padding
    assert url.fontMetrics().horizontalAdvance(url.placeholderText()) < room
    dialog.reject()


@pytest.mark.parametrize("placement", ["toolbar", "conference", "participants"])
def test_what_a_placement_passes_is_said_without_programmers_words(
    window: MainWindow, qtbot: Any, tmp_path: Path, placement: str
) -> None:
    """It said "The action receives that participant (uuid, name, role, ...)" and "(locked, guestsMuted, ...)"."""
    _open(window, qtbot, tmp_path, placement)
    shown = window.findChild(QLabel, "placementExplanation").text()
    assert shown.startswith(("A button", "An entry")) and "The action is told " in shown
    assert not re.search(r"uuid|[a-z][A-Z]", shown), shown  # no field names such as guestsMuted


def test_the_note_on_moving_someone_says_it_in_the_words_of_the_menu(
    window: MainWindow, qtbot: Any, tmp_path: Path
) -> None:
    """The menu says "Move them to another meeting"; the note under it said "only hosts can transfer a participant"."""
    _open(window, qtbot, tmp_path)
    _menu(window, qtbot, "transfer")
    dialog = window.findChild(QDialog, "makeItDoDialog")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "makeItDo_alias"), "lobby@example.com")
    qtbot.keyClick(dialog.findChild(QLineEdit, "makeItDo_alias"), Qt.Key.Key_Return)
    note = window.findChild(QLabel, "behaviourNote")
    assert note.isVisibleTo(window)
    assert "but only hosts can move a participant to another meeting: a guest who tries" in note.text()


def test_make_it_do_in_a_source_whose_lines_end_in_a_lone_cr() -> None:
    """A classic-Mac source (lines ending in CR alone): the body got LF lines and, the line of the
    function found by LF alone, the indentation of the file's first line."""
    files = plugin_files("Send to lobby", "send-to-lobby")
    source = files[SRC].decode().replace("\n", "\r")
    out = write_behaviour(source, "showSendToLobby", "mute", Details(), "participants")
    assert "\n" not in out and not analyse(out).syntax_errors
    assert body_state(out, "showSendToLobby").wrote == "mute"
    lf = write_behaviour(source.replace("\r", "\n"), "showSendToLobby", "mute", Details(), "participants")
    assert out == lf.replace("\n", "\r")


def test_the_starters_first_comment_follows_in_crlf_and_lone_cr_files_too() -> None:
    """Split at LF alone, a CRLF file's first line kept its CR (so "...button." never matched) and
    a lone-CR file was one line: the first comment kept saying "a toolbar button"."""
    from designer.core.actionsync import retell_starter_comments

    source = plugin_files("Send to lobby", "send-to-lobby")[SRC].decode()
    moved = retell_starter_comments(source, "participants")
    assert moved != source
    for nl in ("\r\n", "\r"):
        assert retell_starter_comments(source.replace("\n", nl), "participants") == moved.replace("\n", nl)


def _contrast(a: Any, b: Any) -> float:
    """The WCAG contrast ratio of two QColors."""

    def luminance(c: Any) -> float:
        channels = [v / 255 for v in (c.red(), c.green(), c.blue())]
        r, g, b = (v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _notes_contrast(button: QToolButton, qtbot: Any) -> float:
    """Open ``button``'s menu with Space; the best contrast of its lines, all of them lines that
    only tell, against the menu's background."""
    seen: list[float] = []

    def look() -> None:
        menu = button.menu()
        if not menu.isVisible():
            QTimer.singleShot(10, look)
            return
        assert [a.isEnabled() for a in menu.actions()] == [False] * 3  # what it says, nothing to pick
        image = menu.grab().toImage()
        inside = [image.pixelColor(x, y) for x in range(20, image.width() - 20) for y in range(4, image.height() - 4)]
        background = image.pixelColor(image.width() - 4, image.height() // 2)
        seen.append(max(_contrast(c, background) for c in inside))
        menu.close()

    QTimer.singleShot(0, look)
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bool(seen))
    return seen[0]


def test_the_menus_lines_that_tell_are_readable_in_light_and_dark(
    window: MainWindow, qtbot: Any, example_project: Path
) -> None:
    """The lines of Make it do ▾ that only tell (code written by hand is never overwritten, and
    where to change it) were greyed as a command that cannot be chosen: #bebebe on white in the
    light appearance, 1.9:1, hard to read. They are drawn in the theme's grey of secondary text."""
    from PySide6.QtGui import QAction

    window.open_path(example_project)
    select_plugin(window, qtbot, 0)  # Lock toggle: its action's code was written by hand
    button = window.findChild(QToolButton, "makeItDoButton")
    try:
        for scheme in ("light", "dark"):
            window.findChild(QAction, f"appearance_{scheme}").trigger()
            assert _notes_contrast(button, qtbot) >= 3.0, scheme
    finally:
        window.findChild(QAction, "appearance_system").trigger()


def test_make_it_do_writes_with_the_file_s_quotes_and_declarations_and_replaces_it_later() -> None:
    """Make it do ▾ wrote 'x' and var into a plugin of double quotes and const (the linter's quotes
    and no-var flags). It writes as the file does (a string holding a double quote, an HTML
    attribute, stays in single quotes), and what it wrote so is still the designer's code, which
    another choice replaces."""
    source = (
        '(() => {\n    "use strict";\n\n    const load = () => {};\n    const unload = () => {};\n\n'
        '    window.PEX.pluginAPI.registerPlugin({ id: "x", load, unload });\n})();\n'
    )
    details = Details(confirm=True, question="Remove them?")
    out = write_behaviour(source, "kick", "disconnect", details, "participants")
    assert 'const why = (problem && (problem.message || problem.result)) || problem || "no reason given";' in out
    assert 'const buttonId = "plugin-kick-confirm";' in out and '\'" class="dialog-button blue-action-button">' in out
    assert "var " not in out and analyse(out).syntax_errors == []
    assert body_state(out, "kick").state == "designer"
    again = write_behaviour(out, "kick", "mute", Details(), "participants")
    assert '"/mute"' in again and "/disconnect" not in again


def test_the_menu_quotes_a_very_long_label_cut_short(window: MainWindow, qtbot: Any, tmp_path: Path) -> None:
    """A label of 5,000 letters (pasted by mistake) made the menu's first line "When '…' is clicked:"
    5,000 letters long: the menu was far wider than the screen. The label is cut short there."""
    _open(window, qtbot, tmp_path)
    label = window.findChild(QLineEdit, "labelEdit")
    label.setFocus()
    label.selectAll()
    QApplication.clipboard().setText("Move " + "x" * 5000)
    qtbot.keyClick(label, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert window.package.plugins[0].package.menu_items["participants"][0].label.endswith("x" * 5000)
    lines = _menu(window, qtbot)
    assert lines[0][1].startswith("When 'Move x") and len(lines[0][1]) < 80, len(lines[0][1])
