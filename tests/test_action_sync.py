"""Menu item actions and the source's functions stay in step: create, rename, follow a rename in code."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QListWidget, QPushButton, QWidget
from test_editing import retype, select_plugin

from designer.core.actionsync import (
    action_state,
    add_action_function,
    give_placement_parameters,
    refit_placement_parameters,
    rename_action_function,
    retell_starter_comments,
    retell_starter_description,
    unmatched_keys,
)
from designer.core.jsanalysis import analyse
from designer.gui.main_window import MainWindow

SRC = "plugins/rec/rec.plugin.js"
BASE = """(function () {
    function load(participants$, conferenceDetails$) {}
    function record() {
        PEX.pluginAPI.sendRequest('/lock'); // record
    }
    PEX.pluginAPI.registerPlugin({
        id: 'rec-1.0',
        load: load,
        record: record
    });
})();
"""


def test_add_action_function_adds_a_stub_and_the_key() -> None:
    new = add_action_function(BASE, "stop", "participants")
    info = analyse(new)
    assert not info.syntax_errors
    assert "stop" in info.functions and "stop" in info.registrations[0].keys
    assert "    function stop(participant) {\n" in new
    assert action_state(new, "stop").function and action_state(new, "stop").registered
    assert add_action_function(new, "stop") == new  # nothing left to add
    with pytest.raises(ValueError):
        add_action_function("var x = 1;", "stop")


@pytest.mark.parametrize(
    ("registered", "expected"),
    [
        ("{id: 'rec-1.0', load: load}", "{ stop: stop, id: 'rec-1.0', load: load}"),
        ("{ id: 'rec-1.0', load: load }", "{ stop: stop, id: 'rec-1.0', load: load }"),
        ("{}", "{ stop: stop }"),
        ("{ }", "{ stop: stop }"),
        ("{\n    }", "{ stop: stop }"),
        ("{\n        id: 'rec-1.0',\n    }", "{\n        stop: stop,\n        id: 'rec-1.0',\n    }"),
    ],
)
def test_the_new_key_is_spaced_as_written_code(registered: str, expected: str) -> None:
    """Glued on after the brace, ``{id: 'x'}`` became ``{ stop: stop,id: 'x'}`` and ``{}`` became
    ``{ stop: stop,}``: code the user then tidied up by hand."""
    source = f"(function () {{\n    function load() {{}}\n    PEX.pluginAPI.registerPlugin({registered});\n}})();\n"
    new = add_action_function(source, "stop")
    assert f"PEX.pluginAPI.registerPlugin({expected});" in new
    assert not analyse(new).syntax_errors


def test_rename_touches_the_variable_only() -> None:
    source = BASE.replace("})();", "    var label = 'record'; x.record();\n})();")
    new = rename_action_function(source, "record", "startRecording")
    assert "function startRecording()" in new and "startRecording: startRecording" in new
    assert "// record" in new and "'record'" in new and "x.record()" in new
    assert unmatched_keys(new, ["record"]) == ["startRecording"]
    assert unmatched_keys(new, ["startRecording"]) == []
    with pytest.raises(ValueError):
        rename_action_function(BASE, "record", "load")


def _action_ui(win: QWidget):  # the window, or a page of it
    return (
        win.findChild(QLineEdit, "actionEdit"),
        win.findChild(QLabel, "actionSyncNote"),
        win.findChild(QPushButton, "actionSyncButton"),
    )


def test_create_function_button_is_one_undoable_step(window: MainWindow, qtbot, base_project: Path) -> None:  # noqa: F811
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    before = window.package.read_text(SRC)
    action, note, button = _action_ui(window)
    assert not button.isVisibleTo(window)  # 'record' has its function
    qtbot.mouseClick(window.findChild(QPushButton, "addItemButton"), Qt.MouseButton.LeftButton)
    retype(qtbot, action, "stopRecording")
    assert button.isVisibleTo(window) and button.text() == "Create the function 'stopRecording'"
    assert "no function for 'stopRecording'" in note.text()
    steps = window.editor.undo_stack.count()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.editor.undo_stack.count() == steps + 1
    assert window.editor.undo_stack.undoText() == "Create the function 'stopRecording' in rec.plugin.js"
    text = window.package.read_text(SRC)
    assert (
        "function stopRecording(participants, conferenceDetails) {" in text and "stopRecording: stopRecording," in text
    )
    assert not button.isVisibleTo(window)
    window.editor.undo_stack.undo()
    assert window.package.read_text(SRC) == before
    assert button.isVisibleTo(window)
    window.editor.undo_stack.redo()
    assert "function stopRecording(" in window.package.read_text(SRC)


def test_renaming_an_action_renames_its_function_in_one_step(window: MainWindow, qtbot, base_project: Path) -> None:  # noqa: F811
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    before = window.package.read_text(SRC)
    action, _note, button = _action_ui(window)
    steps = window.editor.undo_stack.count()
    retype(qtbot, action, "startRecording")
    assert window.editor.undo_stack.count() == steps + 1
    assert "rename function 'record' in rec.plugin.js" in window.editor.undo_stack.undoText()
    text = window.package.read_text(SRC)
    assert "function startRecording()" in text and "startRecording: startRecording" in text
    assert window.package.plugins[0].package.menu_items["toolbar"][0].action == "startRecording"
    assert button.text() == "Keep the code as it is"  # (see the test after this one)
    window.editor.undo_stack.undo()
    assert window.package.read_text(SRC) == before
    assert window.package.plugins[0].package.menu_items["toolbar"][0].action == "record"
    assert not button.isVisibleTo(window)


def test_a_rename_of_the_code_can_be_declined_and_stays_declined(window: MainWindow, qtbot, base_project: Path) -> None:  # noqa: F811
    """Renaming an action renamed its function in the source with no way to say no: the form offers
    "Keep the code as it is", which leaves one step that changes the item only, through undo and redo."""
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    before = window.package.read_text(SRC)
    action, note, button = _action_ui(window)
    stack = window.editor.undo_stack
    steps = stack.count()
    retype(qtbot, action, "startRecording")
    assert "function startRecording()" in window.package.read_text(SRC)
    assert button.isVisibleTo(window) and button.text() == "Keep the code as it is"
    assert note.text() == "Also renamed function 'record' to 'startRecording' in rec.plugin.js."
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    item = lambda: window.package.plugins[0].package.menu_items["toolbar"][0]  # noqa: E731
    assert window.package.read_text(SRC) == before
    assert item().action == "startRecording" and action.text() == "startRecording"
    assert stack.count() == steps + 1  # the declined rename is not in the history
    assert stack.undoText() == "Change action of 'Record' to 'startRecording' (the code kept 'record')"
    # The status bar says what happened, not the "Undone: ... rename ..." of the step it replaced.
    assert window.status.text() == (
        "Kept the code as it is: 'record' was not renamed. The item's action is now 'startRecording'."
    )
    # Remembered: the code's 'record' is not offered back ("Use 'record'" would undo the user's rename).
    assert button.text() != "Use 'record'" and "registers 'record'" not in note.text()
    stack.undo()
    assert item().action == "record" and window.package.read_text(SRC) == before
    assert not button.isVisibleTo(window)
    stack.redo()
    assert item().action == "startRecording" and window.package.read_text(SRC) == before
    assert button.text() != "Use 'record'"
    # The offer is for the last step only: it goes once another step follows, and comes back with its undo.
    stack.undo()
    retype(qtbot, action, "beginRecording")
    assert button.text() == "Keep the code as it is" and "function beginRecording()" in window.package.read_text(SRC)
    retype(qtbot, window.findChild(QLineEdit, "labelEdit"), "Go")
    assert not button.isVisibleTo(window)
    stack.undo()
    assert button.isVisibleTo(window) and button.text() == "Keep the code as it is"


def test_keeping_the_code_is_offered_only_in_the_plugin_whose_code_was_renamed(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """Another plugin's item of the same action was offered "Keep the code as it is" for a rename
    made in the first plugin's code (its note named the wrong file), and its click undid that rename."""
    window.open_path(example_project)
    select_plugin(window, qtbot, 0)
    action, note, button = _action_ui(window)
    lock_src = "plugins/lock-toggle/lock-toggle.plugin.js"
    assert action.text() == "toggleLock"
    retype(qtbot, action, "showMeetingInfo")  # (meeting-info's own action: its own function, in its own file)
    assert button.text() == "Keep the code as it is" and "function showMeetingInfo(" in window.package.read_text(
        lock_src
    )
    select_plugin(window, qtbot, 1)
    assert action.text() == "showMeetingInfo"
    assert not button.isVisibleTo(window) and "Also renamed" not in note.text()
    select_plugin(window, qtbot, 0)  # back where the rename was: still offered there
    assert button.isVisibleTo(window) and button.text() == "Keep the code as it is"
    assert note.text() == "Also renamed function 'toggleLock' to 'showMeetingInfo' in lock-toggle.plugin.js."
    assert window.package.plugins[0].package.menu_items["toolbar"][0].action == "showMeetingInfo"


def test_a_function_renamed_in_code_is_offered_in_the_form(window: MainWindow, qtbot, base_project: Path) -> None:  # noqa: F811
    window.open_path(base_project)
    renamed = rename_action_function(window.package.read_text(SRC), "record", "doRecord")

    def mutate(pkg) -> None:
        pkg.pending_texts[SRC] = renamed

    window.editor.edit("Edit source", mutate)
    select_plugin(window, qtbot, 0)
    _action, note, button = _action_ui(window)
    assert button.isVisibleTo(window) and button.text() == "Use 'doRecord'"
    assert "registers 'doRecord'" in note.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.package.plugins[0].package.menu_items["toolbar"][0].action == "doRecord"
    assert not button.isVisibleTo(window)
    window.editor.undo_stack.undo()
    assert window.package.plugins[0].package.menu_items["toolbar"][0].action == "record"
    assert button.isVisibleTo(window)


SCOPED = """(function () {
    function toggleLock() { return 1; }
    function onKey(toggleLock) { return toggleLock(); }
    function other() { var toggleLock = 2; return toggleLock; }
    function payload() { return {toggleLock}; }
    function call() { return toggleLock(); }
    PEX.pluginAPI.registerPlugin({ id: 'x', load: load, unload: unload, 'toggleLock': toggleLock });
})();
"""


@pytest.mark.parametrize("action", ["función", "静音"])
def test_a_non_ascii_action_gets_its_function_and_key(base_project: Path, action: str) -> None:
    """Letters of any language make a JavaScript name: the stub, the registerPlugin key and a
    rename write it as it is, and the checks (and the app) find the function."""
    from designer.core.checks import run_checks
    from designer.core.model import load, save

    made = add_action_function(BASE, action, "toolbar")
    assert f"    function {action}(participants, conferenceDetails) {{\n" in made
    assert f"        {action}: {action},\n" in made and not analyse(made).syntax_errors
    renamed = rename_action_function(BASE, "record", action)
    assert f"function {action}() {{" in renamed and f"        {action}: {action}\n" in renamed
    pkg = load(base_project)
    pkg.pending_texts[SRC] = rename_action_function(pkg.read_text(SRC), "record", action)
    pkg.plugins[0].package.menu_items["toolbar"][0].action = action
    save(pkg)
    assert run_checks(load(base_project)) == []


def type_into(qtbot, edit: QLineEdit, text: str) -> None:
    """Like test_editing.retype, for any script: a character beyond ASCII comes as an input
    method's commit, as a Chinese or Japanese keyboard (or a dead key for ó) gives it."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    for ch in text:
        if ch.isascii():
            qtbot.keyClick(edit, ch)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(ch)
            QApplication.sendEvent(edit, event)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_the_form_takes_an_action_named_in_any_language(window: MainWindow, qtbot, base_project: Path) -> None:  # noqa: F811
    """The action field let only A-Z, digits, _ and $ be typed: 'función' lost its 'ó' and '静音'
    could not be typed at all. Now what JavaScript takes is taken, and the rest still is not."""
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    action, _note, button = _action_ui(window)
    qtbot.mouseClick(window.findChild(QPushButton, "addItemButton"), Qt.MouseButton.LeftButton)
    type_into(qtbot, action, "función")
    assert window.package.plugins[0].package.menu_items["toolbar"][1].action == "función"
    assert button.isVisibleTo(window) and button.text() == "Create the function 'función'"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    text = window.package.read_text(SRC)
    assert "function función(participants, conferenceDetails) {" in text and "función: función," in text
    select_plugin(window, qtbot, 0)
    window.findChild(QListWidget, "menuItemsList").setCurrentRow(0)
    type_into(qtbot, action, "静音")  # 'record' renamed, in the code too
    text = window.package.read_text(SRC)
    assert "function 静音()" in text and "静音: 静音" in text and "record" not in text.replace("// record", "")
    assert [p.code for p in window.problems if p.file == SRC] == []
    type_into(qtbot, action, "a b-c😀")  # what no JavaScript name has cannot be typed
    assert action.text() == "abc"
    note = window.findChild(QLabel, "actionNote")
    type_into(qtbot, action, "class")
    assert "not a JS keyword" in note.text() and "of any language" in note.text()
    assert [mi.action for mi in window.package.plugins[0].package.menu_items["toolbar"]] == ["abc", "función"]


def test_renaming_an_action_renames_only_what_means_it() -> None:
    """A parameter or local variable of the same name in an inner function is another thing, a
    shorthand property elsewhere keeps its key, and a quoted registerPlugin key follows."""
    from designer.core.actionsync import rename_action_function

    out = rename_action_function(SCOPED, "toggleLock", "lockMeeting")
    assert "function lockMeeting() { return 1; }" in out
    assert "function onKey(toggleLock) { return toggleLock(); }" in out  # its own parameter
    assert "var toggleLock = 2; return toggleLock;" in out  # its own variable
    assert "return {toggleLock: lockMeeting};" in out  # the payload's key stays
    assert "function call() { return lockMeeting(); }" in out
    assert "'lockMeeting': lockMeeting" in out


def test_a_rename_that_an_inner_name_would_capture_is_refused() -> None:
    from designer.core.actionsync import rename_action_function

    source = SCOPED.replace(
        "function call() { return toggleLock(); }", "function call(lockMeeting) { return toggleLock(); }"
    )
    with pytest.raises(ValueError, match="its own 'lockMeeting'"):
        rename_action_function(source, "toggleLock", "lockMeeting")


def test_a_stub_goes_inside_the_wrapper_even_when_registration_is_kept_in_a_variable() -> None:
    from designer.core.actionsync import add_action_function

    source = "\ufeff(function () {\r\n    var plugin = PEX.pluginAPI.registerPlugin({\r\n        id: 'x'\r\n    });\r\n})();\r\n"
    out = add_action_function(source, "lockNow", "toolbar")
    assert out.startswith("\ufeff(function () {")  # the byte order mark first, the stub inside
    assert out.index("function lockNow(") > out.index("(function () {")
    assert out.index("function lockNow(") < out.index("var plugin")


def test_placement_parameters_go_only_to_action_functions_that_take_none() -> None:
    source = (
        "(function () {\n"
        "    function lower() { go(); }\n"
        "    var spot = function ( ) {};\n"
        "    const arrow = () => 1;\n"
        "    function mine(who) {}\n"
        "    function lowerer() {}\n"
        "    PEX.pluginAPI.registerPlugin({id: 'a', lower: lower, spot: spot, arrow: arrow, mine: mine});\n"
        "})();\n"
    )
    out = give_placement_parameters(source, ["lower", "spot", "arrow", "mine"], "participants")
    assert out == (
        source.replace("lower()", "lower(participant)")
        .replace("function ( )", "function (participant)")
        .replace("() =>", "(participant) =>")
    )
    assert give_placement_parameters(source, ["lower"], None) == source  # event-only: nothing is passed
    assert "lower(conferenceDetails)" in give_placement_parameters(source, ["lower"], "conference")


def test_placement_parameters_hide_no_outer_name_and_skip_other_functions() -> None:
    """An outer ``participant`` read by the action would be hidden by a new parameter of that name,
    and a same-named function inside another function is not the one registered."""
    source = (
        "(function () {\n"
        "    var participant = {uuid: 'me'};\n"
        "    function lower() { send(participant.uuid); }\n"
        "    function spot() {}\n"
        "    function helper() { function spot() {} return spot; }\n"
        "    PEX.pluginAPI.registerPlugin({id: 'a', lower: lower, spot: spot});\n"
        "})();\n"
    )
    out = give_placement_parameters(source, ["lower", "spot"], "participants")
    assert out == source.replace("    function spot() {}\n", "    function spot(participant) {}\n", 1)


def test_the_starter_comments_follow_the_placement_and_nothing_else_changes() -> None:
    from designer.core.newproject import plugin_files

    files = plugin_files("Hands", "hands")
    source = next(v for k, v in files.items() if k.endswith(".js")).decode()
    moved = retell_starter_comments(source, "conference")
    assert moved.startswith("// Hands: a conference menu item that shows a short message.\n")
    assert "// Called when the menu item is clicked.\n" in moved
    assert retell_starter_comments(moved, "toolbar") == source  # and back again
    mine = "// My own words: a toolbar button.\n(function () {})();\n"
    assert retell_starter_comments(mine, "participants") == mine


def test_the_starter_description_is_retold_and_nothing_else() -> None:
    said = "My plugin: a toolbar button."
    assert retell_starter_description(said, "My plugin", "Send to lobby", None) == "Send to lobby: a toolbar button."
    moved = retell_starter_description(said, "My plugin", "My plugin", "participants")
    assert moved == "My plugin: a participant menu item."
    assert retell_starter_description(moved, "My plugin", "My plugin", "toolbar") == said  # and back again
    assert retell_starter_description(said, "Other name", "X", "conference") == said  # not the starter's words
    mine = "Sends a participant back to the lobby."
    assert retell_starter_description(mine, "My plugin", "X", "conference") == mine
    assert retell_starter_description(None, "My plugin", "X", "conference") is None


def test_parameters_the_designer_gave_follow_the_placement_and_the_users_stay() -> None:
    """``(conferenceDetails)`` given in the conference menu became the participant's name in the
    participant menu; its uses in code "Make it do" wrote follow it, there and back again."""
    from designer.core.behaviours import Details, write_behaviour

    source = (
        "(function () {\n"
        "    function a(conferenceDetails) {}\n"
        "    function b(conferenceDetails) { console.log(conferenceDetails.locked); }\n"  # the user's code uses it
        "    function c(details) {}\n"  # the user's list
        "    function d( participants,conferenceDetails ) {}\n"  # the toolbar's, in the conference menu
        "    var participant = 1;\n"
        "    var e = function (conferenceDetails) { return participant; };\n"  # reads an outer name
        "    PEX.pluginAPI.registerPlugin({id: 'x', a: a, b: b, c: c, d: d, e: e});\n"
        "})();\n"
    )
    actions = ["a", "b", "c", "d", "e"]
    out = refit_placement_parameters(source, actions, "conference", "participants")
    assert out == source.replace("function a(conferenceDetails)", "function a(participant)")
    assert refit_placement_parameters(out, actions, "participants", "conference") == source
    # Back from event-only (the items were parked): any placement's list is the designer's.
    assert "function d(participant)" in refit_placement_parameters(source, actions, None, "participants")
    assert refit_placement_parameters(source, actions, "conference", None) == source  # event-only: nothing passed
    assert "function a(participants, conferenceDetails)" in refit_placement_parameters(
        source, ["a"], "conference", "toolbar"
    )

    starter = (
        "(function () {\n    function go() {\n    }\n    PEX.pluginAPI.registerPlugin({id: 'x', go: go});\n})();\n"
    )
    muting = write_behaviour(starter, "go", "mute", Details(), "participants")
    assert "function go(participant) {" in muting and "participant.uuid" in muting
    on_toolbar = refit_placement_parameters(muting, ["go"], "participants", "toolbar")
    assert "function go(participants, conferenceDetails) {" in on_toolbar and "participants.uuid" in on_toolbar
    assert "participant.uuid" not in on_toolbar and not analyse(on_toolbar).syntax_errors
    assert refit_placement_parameters(on_toolbar, ["go"], "toolbar", "participants") == muting
    mine = muting.replace("showProblem(answer.result);", "showProblem(answer.result); // mine")
    assert refit_placement_parameters(mine, ["go"], "participants", "toolbar") == mine  # the user's body


def test_a_source_whose_lines_end_in_a_lone_cr_is_edited_as_one_ending_in_lf(base_project: Path) -> None:  # noqa: F811
    """A classic-Mac source (lines ending in CR alone) is one line to tree-sitter: the stub went
    above the wrapper (a global name), the key onto the line of '{', and both ended in LF."""
    from designer.core.fixes import apply_fix
    from designer.core.model import load
    from designer.core.problems import Fix

    source = BASE.replace("\n", "\r")
    new = add_action_function(source, "stop", "participants")
    assert new == add_action_function(BASE, "stop", "participants").replace("\n", "\r")
    assert not analyse(new).leaks and not analyse(new).syntax_errors

    path = base_project / "webapp2" / SRC
    path.write_bytes(source.encode())
    pkg = load(base_project)
    apply_fix(pkg, Fix("add-registered-key", "Register go", {"file": SRC, "key": "go"}))
    path.write_bytes(BASE.encode())
    lf = load(base_project)
    apply_fix(lf, Fix("add-registered-key", "Register go", {"file": SRC, "key": "go"}))
    assert pkg.pending_texts[SRC] == lf.pending_texts[SRC].replace("\n", "\r")


@pytest.mark.parametrize("width", [1200, 900])
def test_the_sync_note_is_as_tall_as_its_text(window: MainWindow, qtbot, base_project: Path, width: int) -> None:  # noqa: F811
    """The note beside 'Create function' sat in a form row with an empty "" label and no widget of
    its own, which the form did not lay out at its width: a wrapped note had one line's height,
    its second line cut off."""
    window.resize(width, 800)
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    action, note, button = _action_ui(window)
    qtbot.mouseClick(window.findChild(QPushButton, "addItemButton"), Qt.MouseButton.LeftButton)
    retype(qtbot, action, "stopRecordingAndTellEveryoneInTheMeetingAboutIt")
    assert note.isVisibleTo(window) and note.wordWrap()
    assert note.heightForWidth(note.width()) > note.fontMetrics().lineSpacing() * 1.5  # it wraps
    qtbot.waitUntil(lambda: note.height() == note.heightForWidth(note.width()), timeout=2000)


def test_a_long_action_name_does_not_make_the_window_wider_than_the_screen(
    window: MainWindow,
    qtbot,
    base_project: Path,  # noqa: F811
) -> None:
    """The plugin page asks the window for the width its form needs (so a dock gives way); the
    'Create the function' button naming a 50-letter action asked for 980 px, and a 1024 px window
    with the Export dock grew to 1460 px. Now the page scrolls sideways for such a button."""
    window.resize(1024, 700)
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    action, _note, button = _action_ui(window)
    qtbot.mouseClick(window.findChild(QPushButton, "addItemButton"), Qt.MouseButton.LeftButton)
    retype(qtbot, action, "stopRecordingAndTellEveryoneInTheMeetingAboutItRightNowPlease")
    assert button.isVisibleTo(window)  # (its name cut short since: see test_editing's long action name)
    window.export_action.trigger()
    assert window.export_dock.isVisible()
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)  # laid out with the dock
    assert window.minimumSizeHint().width() <= 1024 and window.width() == 1024


@pytest.mark.parametrize("name", ["PEX", "console"])
def test_an_action_cannot_take_a_name_the_plugin_reads_from_the_app(
    window: MainWindow,
    qtbot,
    base_project: Path,
    name: str,  # noqa: F811
) -> None:
    """A function 'PEX' is hoisted over the app's PEX: PEX.pluginAPI.registerPlugin failed and
    the plugin never loaded. Renaming, or naming a new item, so is refused in words."""
    src = base_project / "webapp2" / SRC
    src.write_bytes(src.read_bytes().replace(b"function record() {", b"function record() {\n        console.log('r');"))
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    before = window.package.read_text(SRC)
    action, _note, _button = _action_ui(window)
    note = window.findChild(QLabel, "actionNote")
    steps = window.editor.undo_stack.count()
    retype(qtbot, action, name)
    assert window.package.read_text(SRC) == before
    assert window.package.plugins[0].package.menu_items["toolbar"][0].action == "record"
    assert window.editor.undo_stack.count() == steps
    assert f"rec.plugin.js uses '{name}' from the browser or the app (line " in note.text()
    qtbot.mouseClick(window.findChild(QPushButton, "addItemButton"), Qt.MouseButton.LeftButton)
    retype(qtbot, action, name)
    assert [mi.action for mi in window.package.plugins[0].package.menu_items["toolbar"]] == ["record", "action1"]
    assert "Choose another action name" in note.text()
    with pytest.raises(ValueError, match="would hide it"):
        add_action_function(before, name)
    with pytest.raises(ValueError, match="would hide it"):
        rename_action_function(before, "record", name)
    assert add_action_function(before, "sendRequest")  # a member of PEX.pluginAPI hides nothing


def test_an_action_written_inside_register_plugin_is_its_function(
    window: MainWindow, qtbot, base_project: Path
) -> None:  # noqa: F811
    """``registerPlugin({ record() {...} })``: the form said the item would do nothing and offered
    to create 'record' (a stub no key ran); renaming the action left the code behind."""
    src = base_project / "webapp2" / SRC
    text = src.read_text()
    text = text.replace("    function record() {\n        PEX.pluginAPI.sendRequest('/lock');\n    }\n", "")
    text = text.replace(
        "        record: record\n", "        record() {\n            PEX.pluginAPI.sendRequest('/lock');\n        }\n"
    )
    src.write_text(text)
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    before = window.package.read_text(SRC)
    action, _note, button = _action_ui(window)
    assert not button.isVisibleTo(window)
    from designer.core.behaviours import body_state

    assert body_state(before, "record").state == "user"  # Make it do leaves it alone, and says so
    retype(qtbot, action, "lock")
    assert window.package.read_text(SRC) == before.replace("        record() {", "        lock() {")
    assert window.package.plugins[0].package.menu_items["toolbar"][0].action == "lock"
    assert button.text() == "Keep the code as it is"  # (no offer to create 'lock': the key is its function)
    window.editor.undo_stack.undo()
    assert window.package.read_text(SRC) == before
    assert window.package.plugins[0].package.menu_items["toolbar"][0].action == "record"


def test_renaming_an_action_whose_function_is_missing_renames_its_key(
    window: MainWindow, qtbot, base_project: Path
) -> None:  # noqa: F811
    """registerPlugin has 'record' but no function yet: renamed in the form, the key stayed
    behind and the form offered to 'Use' the old name the user had just renamed away from."""
    src = base_project / "webapp2" / SRC
    src.write_text(
        src.read_text().replace("    function record() {\n        PEX.pluginAPI.sendRequest('/lock');\n    }\n", "")
    )
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    before = window.package.read_text(SRC)
    action, note, button = _action_ui(window)
    assert button.text() == "Create the function 'record'"
    retype(qtbot, action, "startRec")
    assert window.package.read_text(SRC) == before.replace("record: record", "startRec: startRec")
    assert window.package.plugins[0].package.menu_items["toolbar"][0].action == "startRec"
    assert window.editor.undo_stack.undoText().endswith("rename registerPlugin key 'record' in rec.plugin.js")
    assert button.isVisibleTo(window) and button.text() == "Keep the code as it is"  # (see the test below)
    assert "Use 'record'" not in button.text() and "registers 'record'" not in note.text()
    window.editor.undo_stack.undo()
    assert window.package.read_text(SRC) == before
    assert window.package.plugins[0].package.menu_items["toolbar"][0].action == "record"


def test_a_refused_action_name_is_explained_within_the_page_width(
    window: MainWindow,
    qtbot,
    base_project: Path,  # noqa: F811
) -> None:
    """The action's note stood on one line: the refusal of 'PEX' (a sentence of 150 characters)
    ran off the right of a 1024 px window and had to be scrolled sideways to be read."""
    from designer.gui.panes.plugin_page import PluginPage

    window.resize(1024, 700)
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    action, _note, _button = _action_ui(window)
    note = window.findChild(QLabel, "actionNote")
    retype(qtbot, action, "PEX")
    assert "from the browser or the app" in note.text()
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    page = window.findChild(PluginPage)
    assert page.horizontalScrollBar().maximum() == 0
    assert note.geometry().right() <= page.viewport().width()


def test_keeping_the_code_is_remembered_for_the_open_project_only(
    window: MainWindow, qtbot, base_project: Path, tmp_path: Path
) -> None:
    """The choice "Keep the code as it is" belongs to the project it was made in: another project
    with a plugin of the same key whose item uses the new name, and whose code registers the old
    one, is still offered "Use 'record'" (each project's page has its own memory of the choice)."""
    other = tmp_path / "other"
    shutil.copytree(base_project, other)
    package = other / "webapp2" / "plugins" / "rec" / "rec.plugin.package.json"
    package.write_text(package.read_text().replace('"action": "record"', '"action": "startRecording"'))
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    action, note, button = _action_ui(window)
    retype(qtbot, action, "startRecording")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # Keep the code as it is
    assert button.text() != "Use 'record'"
    window.open_path(other, ask=False)
    select_plugin(window, qtbot, 0)
    action, note, button = _action_ui(window.plugin_page)  # (not the last project's page, deleted later)
    assert action.text() == "startRecording"
    assert button.isVisibleTo(window) and button.text() == "Use 'record'"
    assert note.text() == (
        "rec.plugin.js has no 'startRecording' but registers 'record', which no item uses (renamed in the code?)."
    )


def test_renaming_an_action_with_only_its_key_says_the_key_was_renamed_and_offers_to_keep_it(
    window: MainWindow, qtbot, base_project: Path
) -> None:
    """An action registered in registerPlugin with no function yet: renaming it renames the key in
    the code, and the form said only "Create the function", as if the code had not changed."""
    src = base_project / "webapp2" / SRC
    src.write_text(
        BASE.replace("    function record() {\n        PEX.pluginAPI.sendRequest('/lock'); // record\n    }\n", "")
    )
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    before = window.package.read_text(SRC)
    action, note, button = _action_ui(window)
    assert button.text() == "Create the function 'record'"
    # (registered, not defined: the plugin throws as it loads, not at a click; PD506's words)
    assert note.text() == (
        "rec.plugin.js has no function for 'record': the plugin throws an error as the app loads it, before any "
        "click, and brings up the app's 'Oops' page."
    )
    retype(qtbot, action, "startRecording")
    assert "startRecording: startRecording" in window.package.read_text(SRC)
    assert button.isVisibleTo(window) and button.text() == "Keep the code as it is"
    assert note.text() == (
        "Also renamed registerPlugin key 'record' to 'startRecording' in rec.plugin.js. It has no function "
        "'startRecording' yet: the plugin throws an error as the app loads it, before any click, and brings up "
        "the app's 'Oops' page."
    )
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.package.read_text(SRC) == before
    assert window.package.plugins[0].package.menu_items["toolbar"][0].action == "startRecording"
    assert button.text() == "Create the function 'startRecording'"  # the code's 'record' is not offered back


def test_a_new_function_goes_above_the_comment_on_register_plugin(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """The stub went between registerPlugin and the comment above it ("// Tell the app about this
    plugin."), which then read as the new function's comment. Ctrl+Z gives the file back byte for byte."""
    src = "plugins/meeting-info/meeting-info.plugin.js"
    window.open_path(example_project)
    select_plugin(window, qtbot, 1)
    before = window.package.read_text(src)
    action, _note, button = _action_ui(window)
    qtbot.mouseClick(window.findChild(QPushButton, "addItemButton"), Qt.MouseButton.LeftButton)
    retype(qtbot, action, "showAgenda")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    text = window.package.read_text(src)
    assert (
        "    function showAgenda(conferenceDetails) {\n"
        "        // runs when the menu item is clicked\n"
        "    }\n"
        "\n"
        "    // Tell the app about this plugin. The id must match the package file.\n"
        "    window.PEX.pluginAPI.registerPlugin({\n"
        "        showAgenda: showAgenda,\n"
    ) in text
    window.editor.undo_stack.undo()
    assert window.package.read_text(src) == before


def test_only_the_comment_lines_right_above_register_plugin_stay_with_it() -> None:
    source = BASE.replace("    }\n    PEX.pluginAPI", "    } // record\n    // register\n    PEX.pluginAPI")
    new = add_action_function(source, "stop")
    assert "    } // record\n\n    function stop() {" in new and "    }\n\n    // register\n    PEX.pluginAPI" in new


def test_a_new_key_is_quoted_as_the_others_and_a_new_function_set_apart_from_the_code_above(
    window: MainWindow, qtbot, base_project: Path
) -> None:  # noqa: F811
    """In ``{'id': 'rec-1.0', 'load': load}`` the new key went in unquoted (``stop: stop``), and the
    function went right under the ``};`` above it: code the user then tidied up by hand."""
    path = base_project / "webapp2" / SRC
    path.write_text(
        "(function () {\n"
        "    var load = function (participants$, conferenceDetails$) {\n"
        "        console.log('loaded');\n"
        "    };\n"
        "    PEX.pluginAPI.registerPlugin({\n"
        "        'id': 'rec-1.0',\n"
        "        'load': load\n"
        "    });\n"
        "})();\n",
        encoding="utf-8",
    )
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    action, _note, button = _action_ui(window)
    retype(qtbot, action, "stopRecording")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    text = window.package.read_text(SRC)
    assert (
        "    };\n"
        "\n"
        "    function stopRecording(participants, conferenceDetails) {\n"
        "        // runs when the menu item is clicked\n"
        "    }\n"
        "\n"
        "    PEX.pluginAPI.registerPlugin({\n"
        "        'stopRecording': stopRecording,\n"
        "        'id': 'rec-1.0',\n"
    ) in text
    assert not analyse(text).syntax_errors
    assert not button.isVisibleTo(window)  # the quoted key registers it


@pytest.mark.parametrize(
    ("registered", "key"),
    [
        ('{"id": "x", load: load, "unload": u}', '"stop": stop'),  # most keys quoted: as they are
        ("{'id': 'x', load: load, unload: u}", "stop: stop"),  # most plain
        ("{}", "stop: stop"),
    ],
)
def test_the_new_key_is_written_as_most_keys_are(registered: str, key: str) -> None:
    source = f"(function () {{\n    function load() {{}}\n    PEX.pluginAPI.registerPlugin({registered});\n}})();\n"
    new = add_action_function(source, "stop")
    assert f"registerPlugin({{ {key}" in new
    assert action_state(new, "stop").registered


@pytest.mark.parametrize(
    ("registered", "expected"),
    [
        ("{ id: 'x', load, unload }", "{ stop, id: 'x', load, unload }"),  # shorthand stays shorthand
        ("{\n        id: 'x',\n        load,\n    }", "{\n        stop,\n        id: 'x',\n        load,\n    }"),
        ("{ id: 'x', load: load, unload }", "{ stop: stop, id: 'x', load: load, unload }"),  # as many: spelt out
        ("{ id: 'x', load: load, unload: unload }", "{ stop: stop, id: 'x', load: load, unload: unload }"),
    ],
)
def test_a_new_key_in_an_object_of_shorthand_keys_is_shorthand(registered: str, expected: str) -> None:
    """``{ load, unload }`` got ``stop: stop``: a key written otherwise than all the others, which
    read as a slip the user then tidied up by hand."""
    source = (
        "(function () {\n    function load() {}\n    function unload() {}\n"
        f"    PEX.pluginAPI.registerPlugin({registered});\n}})();\n"
    )
    new = add_action_function(source, "stop")
    assert f"PEX.pluginAPI.registerPlugin({expected});" in new
    assert action_state(new, "stop").function and action_state(new, "stop").registered
    assert not analyse(new).syntax_errors


def test_a_rename_keeps_each_registration_in_its_own_style() -> None:
    """The item's action names registerPlugin's key: renamed, the key follows in every
    registerPlugin object, shorthand staying shorthand. With two calls (one for each platform),
    ``{ stop }`` became ``{ stop: halt }``: the key the item no longer named, the item broken.
    A shorthand that is no registration keeps its key, which only ``key: function`` can say."""
    source = (
        "(function () {\n    function load() {}\n    var stop = function () {};\n"
        "    var payload = { stop };\n"
        "    if (window.x) {\n        PEX.pluginAPI.registerPlugin({ id: 'x', load, stop });\n"
        "    } else {\n        PEX.pluginAPI.registerPlugin({ id: 'x', load: load, stop: stop });\n    }\n})();\n"
    )
    new = rename_action_function(source, "stop", "halt")
    assert "PEX.pluginAPI.registerPlugin({ id: 'x', load, halt });" in new
    assert "PEX.pluginAPI.registerPlugin({ id: 'x', load: load, halt: halt });" in new
    assert "var payload = { stop: halt };" in new and "var halt = function" in new
    assert not analyse(new).syntax_errors


def test_the_checks_register_a_function_in_the_objects_own_style(base_project: Path) -> None:  # noqa: F811
    """PD505's and PD508's "Register the existing function" wrote ``record: record`` and
    ``unload: unload`` into ``{ id: 'rec-1.0', load }``: keys unlike all the others."""
    from designer.core.checks import run_checks
    from designer.core.fixes import apply_fix
    from designer.core.model import load

    path = base_project / "webapp2" / SRC
    path.write_text(
        BASE.replace("        load: load,\n        record: record\n", "        load\n").replace(
            "    function record() {", "    function unload() {}\n    function record() {"
        )
    )
    pkg = load(base_project)
    fixes = [p.fix for p in run_checks(pkg) if p.code in ("PD505", "PD508") and p.fix is not None]
    assert sorted(f.title for f in fixes) == ["Register the existing function unload", "Register the function 'record'"]
    for fix in sorted(fixes, key=lambda f: f.title):  # (each reads the text the one before wrote)
        apply_fix(pkg, fix)
    text = pkg.read_text(SRC)
    assert "registerPlugin({\n        record,\n        unload,\n        id: 'rec-1.0',\n        load\n    });" in text
    assert not analyse(text).syntax_errors


def test_a_variable_inside_another_function_is_not_offered_as_the_items_function(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """An action named as a variable of another function ('rows', inside showMeetingInfo) was
    said to have "the function but not registered", and Register the function 'rows' wrote
    ``rows: rows`` into registerPlugin, where no 'rows' is seen: PD506 at once, and the plugin
    failed when loaded. Not offered: 'rows' is no function the item can run."""
    source = (example_project / "webapp2/plugins/meeting-info/meeting-info.plugin.js").read_text()
    assert not action_state(source, "rows").function  # local to showMeetingInfo
    assert action_state(source, "latestDetails").function and action_state(source, "escapeHtml").function
    window.open_path(example_project)
    select_plugin(window, qtbot, 1)
    retype(qtbot, window.findChild(QLineEdit, "actionEdit"), "rows")
    button = window.findChild(QPushButton, "actionSyncButton")
    assert "Register" not in button.text()
    assert "has the function" not in window.findChild(QLabel, "actionSyncNote").text()


def test_an_action_renamed_to_a_name_the_code_has_says_why_its_function_kept_its_name(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """Renaming an item's action to 'rows' (a variable of another function) changed the item and
    left the function as it was without a word; the form then offered to "use" the old name, as
    if the rename had been forgotten. The status bar says why the code kept it."""
    src = example_project / "webapp2/plugins/meeting-info/meeting-info.plugin.js"
    before = src.read_bytes()
    window.open_path(example_project)
    select_plugin(window, qtbot, 1)
    retype(qtbot, window.findChild(QLineEdit, "actionEdit"), "rows")
    qtbot.keyClick(window.findChild(QLineEdit, "actionEdit"), Qt.Key.Key_Return)
    said = window.status.text()
    assert "'rows'" in said and "keeps its name" in said and "already has a 'rows'" in said, said
    window.save()
    assert src.read_bytes() == before


def test_a_function_added_to_a_source_with_lone_cr_line_ends_is_indented_as_it_is() -> None:
    """The indentation was read from lines split at LF only: a source indented with tabs, its
    lines ending in a lone CR (classic Mac), was one line to it, and the new function's body
    came indented with a tab and four spaces."""
    from designer.core.actionsync import add_action_function
    from designer.core.indentation import indent_unit

    source = (
        "(function () {\r\t'use strict';\r\tfunction load() {\r\t\treturn 1;\r\t}\r"
        "\tPEX.pluginAPI.registerPlugin({\r\t\tid: 'x',\r\t\tload: load,\r\t\tunload: function () {}\r\t});\r})();\r"
    )
    assert indent_unit(source) == "\t"
    out = add_action_function(source, "doThing", "toolbar")
    assert "function doThing(participants, conferenceDetails) {\r\t\t// runs when the menu item is clicked\r\t}" in out


def test_no_function_is_written_outside_a_wrapper_function_left_unclosed() -> None:
    """*Create function* in a plugin whose (function () { ... })() was never closed (a syntax error
    the Problems list shows): the parse lumps the file into one broken piece, and the function went
    in at the file's first line, outside the wrapper, a global of the page once the error was fixed.
    It says why it cannot, and writes nothing."""
    from designer.core.actionsync import add_action_function

    closed = (
        "(function () {\n    function load() {}\n    PEX.pluginAPI.registerPlugin({\n        id: 'x',\n"
        "        load: load,\n        unload: function () {}\n    });\n})();\n"
    )
    assert "    function raiseHand(participant) {\n" in add_action_function(closed, "raiseHand", "participants")
    with pytest.raises(ValueError, match="syntax error around its registerPlugin call"):
        add_action_function(closed.replace("})();\n", ""), "raiseHand", "participants")


@pytest.mark.parametrize(
    "entry",
    [
        "record() {\n            PEX.pluginAPI.sendRequest('/lock');\n        }",
        "record: function () {\n            PEX.pluginAPI.sendRequest('/lock');\n        }",
        "'record': () => {\n            PEX.pluginAPI.sendRequest('/lock');\n        }",
    ],
    ids=["method", "key", "quoted-arrow"],
)
def test_an_action_written_in_registerplugin_s_object_gets_the_placement_s_parameters(entry: str) -> None:
    """An item's function written in registerPlugin's object itself (record() { ... }, record:
    function () { ... }), as many plugins write them: moved to the participant menu, it kept no
    parameter, unlike a function declared beside it, so the participant the app passes was out of
    reach. It gets the placement's parameters too, and only the registered one does."""
    from designer.core.actionsync import give_placement_parameters

    source = (
        "(function () {\n    var other = { record() {} };\n    PEX.pluginAPI.registerPlugin({\n        id: 'rec-1.0',\n"
        "        load: function () {},\n        unload: function () {},\n        " + entry + "\n    });\n})();\n"
    )
    out = give_placement_parameters(source, ["record"], "participants")
    written = entry.replace("()", "(participant)", 1)
    assert out == source.replace(entry, written)


@pytest.mark.parametrize(
    ("load", "written"),
    [
        ("load() {}", "raiseHand(participant) {\n{body}\n        },"),
        ("load: function () {}", "raiseHand: function (participant) {\n{body}\n        },"),
        ("'load': () => {}", "'raiseHand': (participant) => {\n{body}\n        },"),
    ],
    ids=["methods", "functions", "quoted-arrows"],
)
def test_a_function_created_for_a_plugin_that_writes_its_functions_in_registerplugin_is_written_there(
    load: str, written: str
) -> None:
    """*Create function* in a plugin whose functions are all written in registerPlugin's object
    (load() {...}, unload() {...}) put a lone function declaration above the call and a key
    naming it, unlike anything else in the file. It is written as the object's other functions
    are, and the form's "Make it do" then fills it in as it does a function declared beside it."""
    from designer.core.actionsync import add_action_function
    from designer.core.behaviours import Details, body_state, write_behaviour

    unload = load.replace("load", "unload")
    source = (
        "(function () {\n    PEX.pluginAPI.registerPlugin({\n        id: 'x',\n        "
        + load
        + ",\n        "
        + unload
        + "\n    });\n})();\n"
    )
    out = add_action_function(source, "raiseHand", "participants")
    entry = written.replace("{body}", "            // runs when the menu item is clicked")
    assert out == source.replace("({\n", "({\n        " + entry + "\n", 1)
    assert body_state(out, "raiseHand").state == "designer"
    assert "participant.uuid + '/mute'" in write_behaviour(out, "raiseHand", "mute", Details(), "participants")


def test_a_comment_among_registerplugin_s_functions_does_not_change_how_a_new_one_is_written() -> None:
    """A comment in registerPlugin's object (// Called when switched on.) was taken for an entry
    that is no function written there, so the new function went above the call after all."""
    from designer.core.actionsync import add_action_function

    source = (
        "(function () {\n    PEX.pluginAPI.registerPlugin({\n        id: 'x',\n        // Called when switched on.\n"
        "        load() {},\n        unload() {}\n    });\n})();\n"
    )
    out = add_action_function(source, "raiseHand", "participants")
    assert out.startswith("(function () {\n    PEX.pluginAPI.registerPlugin({\n        raiseHand(participant) {\n"), out


def test_a_function_created_in_a_plugin_of_arrow_functions_is_an_arrow_function() -> None:
    """*Create function* in a plugin whose functions are all const name = () => {...} wrote a
    function declaration, the one in the file. It writes const raiseHand = (participant) => {...};
    as the others are, which "Make it do" then fills in as it does a declared one."""
    from designer.core.actionsync import add_action_function
    from designer.core.behaviours import Details, body_state, write_behaviour

    source = (
        "(() => {\n    const load = () => {};\n    const unload = () => {};\n\n"
        "    PEX.pluginAPI.registerPlugin({ id: 'x', load, unload });\n})();\n"
    )
    out = add_action_function(source, "raiseHand", "participants")
    stub = "    const raiseHand = (participant) => {\n        // runs when the menu item is clicked\n    };\n\n"
    assert out == source.replace("    PEX.", stub + "    PEX.").replace("({ id", "({ raiseHand, id")
    assert body_state(out, "raiseHand").state == "designer"
    assert "participant.uuid + '/mute'" in write_behaviour(out, "raiseHand", "mute", Details(), "participants")
    mixed = source.replace("const unload = () => {};", "function unload() {}")
    assert "    function raiseHand(participant) {\n" in add_action_function(mixed, "raiseHand", "participants")


def test_a_function_created_in_a_minified_plugin_goes_inside_its_wrapper() -> None:
    """*Create function* in a minified plugin, all on one line in its !function(){...}(): the new
    function went above the line, at the file's top, outside the wrapper (a global of the page,
    which PD501 warns of). It goes inside the wrapper, right before the registerPlugin call, and
    "Make it do" then fills it in as it does another."""
    from designer.core.actionsync import add_action_function
    from designer.core.behaviours import body_state

    source = '!function(){"use strict";function l(){}PEX.pluginAPI.registerPlugin({id:"x",load:l})}();'
    out = add_action_function(source, "raiseHand", "participants")
    assert out.startswith('!function(){"use strict";function l(){}function raiseHand(participant) {\n'), out
    assert out.endswith('}\nPEX.pluginAPI.registerPlugin({ raiseHand: raiseHand, id:"x",load:l})}();'), out
    assert analyse(out).syntax_errors == [] and body_state(out, "raiseHand").state == "designer"
