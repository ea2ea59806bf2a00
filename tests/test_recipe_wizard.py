"""The recipe wizard, driven as a user would: gallery, form with messages, files, Finish, Undo."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QWidget,
)

from designer.cli import main
from designer.core.model import load
from designer.core.plugins import unique_id
from designer.core.recipes import list_recipes, load_recipe, render
from designer.gui.commands import ModelEditor
from designer.gui.main_window import MainWindow
from designer.gui.panes.recipe_wizard import RecipeWizard

EDGE = 'Say "hi" it\'s \\ </script>\nnext ☃'


def add_door_lock(wiz: RecipeWizard) -> int:
    """A stand-in for the wizard's ``exec``: the lock-toggle recipe named "Door lock", finished."""
    wiz.choose("lock-toggle")
    wiz.next()
    wiz.set_answers({"name": "Door lock"})
    wiz.next()
    wiz.finish()
    return 1


@pytest.fixture
def wizard(qtbot, base_project: Path) -> RecipeWizard:
    pkg = load(base_project)
    wiz = RecipeWizard(pkg, ModelEditor(pkg))
    qtbot.addWidget(wiz)
    wiz.show()
    return wiz


def click(qtbot, wiz: RecipeWizard, name: str) -> None:
    button = wiz.findChild(QPushButton, name)
    assert button.isVisible() and button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_gallery_lists_every_recipe(wizard: RecipeWizard) -> None:
    gallery = wizard.findChild(QListWidget, "recipeGallery")
    assert wizard.objectName() == "recipeWizard"
    assert [gallery.item(i).text() for i in range(gallery.count())] == [r.title for r in list_recipes()]
    assert gallery.currentRow() == 0 and wizard.findChild(QPushButton, "recipeNext").isEnabled()
    assert not wizard.findChild(QPushButton, "recipeBack").isEnabled()
    texts = " ".join(label.text() for label in gallery.findChildren(QLabel))
    assert "Adds a button in the toolbar" in texts and "for Hosts and Guests" in texts


def test_the_gallery_names_the_menu_as_the_form_does(qtbot, wizard: RecipeWizard) -> None:
    """The layout chooser was "a meeting menu item" in the gallery and its questions, then sat
    under "Appears in: Conference menu" in the form it made: two names for one menu, and a new
    user looked for a meeting menu the form does not offer."""
    from designer.gui.panes.menu_items_editor import PLACEMENT_CHOICES

    menu = dict((key, text) for key, text, _ in PLACEMENT_CHOICES)["conference"].lower()
    gallery = wizard.findChild(QListWidget, "recipeGallery")
    texts = " ".join(label.text() for label in gallery.findChildren(QLabel))
    assert "meeting menu" not in texts.lower()
    assert f"A {menu} item that opens a dialog" in texts and f"Adds an item in the {menu}" in texts
    wizard.choose("layout-chooser")
    click(qtbot, wizard, "recipeNext")
    questions = " ".join(label.text() for label in wizard.form_page.findChildren(QLabel))
    assert f"The text of the item in the {menu}." in questions and "meeting menu" not in questions.lower()


def test_wizard_creates_the_same_files_as_the_core_and_undo_removes_them(qtbot, wizard: RecipeWizard) -> None:
    pkg = wizard.package
    before = len(pkg.plugins)
    wizard.choose("send-dtmf")
    click(qtbot, wizard, "recipeNext")
    label = wizard.findChild(QLineEdit, "recipe_label")
    label.clear()
    qtbot.keyClicks(label, "Tones")
    action = wizard.findChild(QLineEdit, "recipe_action")
    action.setText("not valid")
    error = wizard.findChild(QLabel, "recipe_action_error")
    assert error.isVisibleTo(wizard) and "cannot be used as a function name" in error.text()
    assert not wizard.findChild(QPushButton, "recipeNext").isEnabled()
    action.setText("sendTones")
    assert not error.isVisibleTo(wizard)
    wizard.findChild(QLineEdit, "recipe_prompt").setText(EDGE)
    click(qtbot, wizard, "recipeNext")
    files_list = wizard.findChild(QListWidget, "recipeFiles")
    answers = {"label": "Tones", "action": "sendTones", "prompt": EDGE}
    pid = unique_id(pkg, "Send keypad tones")
    expected = render(load_recipe("send-dtmf"), answers, pid)
    shown = [files_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(files_list.count())]
    assert shown == list(expected)
    # Sizes as the export and import say them ("2 KB"): "(1,873 bytes)" read as a programmer's figure.
    said = [files_list.item(i).text() for i in range(files_list.count())]
    assert all(t.endswith(" KB)") and "bytes" not in t for t in said), said
    assert "nothing to worry about" in wizard.findChild(QLabel, "recipeNotes").text()
    click(qtbot, wizard, "recipeFinish")
    assert len(pkg.plugins) == before + 1
    for rel, data in expected.items():
        assert pkg.read_bytes(rel) == data
    assert pkg.plugins[-1].entry.id == pid
    stack = wizard.editor.undo_stack
    assert stack.count() == 1 and "from a recipe" in stack.text(0)
    stack.undo()
    assert len(pkg.plugins) == before
    assert all(not pkg.exists(rel) for rel in expected)


def test_wizard_matches_the_cli_for_the_same_answers(qtbot, wizard: RecipeWizard, tmp_path: Path) -> None:
    wizard.choose("mute-guests")
    click(qtbot, wizard, "recipeNext")
    wizard.findChild(QCheckBox, "recipe_confirm").click()
    wizard.findChild(QLineEdit, "recipe_name").setText("Quiet please")
    click(qtbot, wizard, "recipeNext")
    click(qtbot, wizard, "recipeFinish")
    assert (
        main(
            [
                "new",
                str(tmp_path / "cli"),
                "--recipe",
                "mute-guests",
                "--set",
                "confirm=no",
                "--set",
                "name=Quiet please",
            ]
        )
        == 0
    )
    cli_root = tmp_path / "cli/webapp2"
    for rel in ("plugins/quiet-please/quiet-please.plugin.js", "plugins/quiet-please/quiet-please.plugin.package.json"):
        assert wizard.package.read_bytes(rel) == (cli_root / rel).read_bytes()


def test_wizard_shows_the_network_note_for_the_webhook(qtbot, wizard: RecipeWizard) -> None:
    wizard.choose("webhook")
    click(qtbot, wizard, "recipeNext")
    method = wizard.findChild(QComboBox, "recipe_method")
    method.setCurrentIndex(method.findData("GET"))
    click(qtbot, wizard, "recipeNext")
    notes = wizard.findChild(QLabel, "recipeNotes").text()
    assert "PD600" in notes and "hooks.example.com" in notes
    click(qtbot, wizard, "recipeBack")
    click(qtbot, wizard, "recipeBack")
    wizard.choose("spotlight")
    click(qtbot, wizard, "recipeNext")
    assert wizard.findChild(QLineEdit, "recipe_on_label") is not None


def test_menu_action_opens_the_wizard_and_adds_one_undoable_plugin(qtbot, base_project: Path, monkeypatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    window = MainWindow()
    qtbot.addWidget(window)
    action = window.findChild(QAction, "plugin_recipeAction")
    assert not action.isEnabled()
    assert window.open_path(base_project)
    assert action.isEnabled()
    before = len(window.package.plugins)

    monkeypatch.setattr(RecipeWizard, "exec", add_door_lock)
    action.trigger()
    assert [p.display_name for p in window.package.plugins][-1] == "Door lock"
    assert window.isWindowModified()
    window.editor.undo_stack.undo()
    assert len(window.package.plugins) == before
    window.editor.undo_stack.redo()
    window.save()
    settings = json.loads((base_project / "webapp2/settings.json").read_text())
    assert settings["plugins"][-1]["id"] == "door-lock"
    assert main(["check", "--strict", str(base_project)]) == 0


def test_empty_project_to_exported_zip_with_three_recipe_plugins(qtbot, tmp_path: Path, monkeypatch) -> None:
    """The issue's promise: no code typed, three recipe plugins, an exported ZIP with zero problems."""
    import zipfile

    from PySide6.QtWidgets import QFileDialog

    from designer.core.checks import run_checks

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    project = tmp_path / "team"
    monkeypatch.setattr("designer.gui.panes.new_project_dialog.ask_new_project", lambda parent: project)
    win.new_project()
    for name in ("lock-toggle", "send-dtmf", "layout-chooser"):
        opened: list[RecipeWizard] = []

        def run_wizard(wiz: RecipeWizard, name: str = name, opened: list = opened) -> int:
            opened.append(wiz)
            wiz.show()  # exec() would block the test; the pages are driven the same way
            wiz.choose(name)
            click(qtbot, wiz, "recipeNext")
            click(qtbot, wiz, "recipeNext")
            click(qtbot, wiz, "recipeFinish")
            return 1

        monkeypatch.setattr(RecipeWizard, "exec", run_wizard)
        win.findChild(QAction, "plugin_recipeAction").trigger()
        assert opened, name
    assert len(win.package.plugins) == 4
    win.save()
    out = tmp_path / "upload.zip"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    win.show_export()
    pane = win.export_pane
    qtbot.mouseClick(pane.findChild(QPushButton, "exportButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(out.exists)
    names = zipfile.ZipFile(out).namelist()
    assert sum(n.endswith(".plugin.package.json") for n in names) == 4
    unpacked = tmp_path / "unpacked"
    zipfile.ZipFile(out).extractall(unpacked)
    errors = [p for p in run_checks(load(unpacked)) if p.severity.value != "info"]
    assert errors == []
    assert main(["check", str(unpacked), "--strict"]) == 0


def test_a_text_whose_switch_is_off_is_greyed_and_may_stay_empty(qtbot, wizard: RecipeWizard) -> None:
    wizard.choose("query-auto-action")
    click(qtbot, wizard, "recipeNext")
    switch = wizard.findChild(QCheckBox, "recipe_announce")
    text = wizard.findChild(QLineEdit, "recipe_announce_text")
    switch.setChecked(True)
    text.clear()
    assert text.isEnabled() and not wizard.findChild(QPushButton, "recipeNext").isEnabled()
    switch.setChecked(False)
    assert not text.isEnabled() and wizard.findChild(QPushButton, "recipeNext").isEnabled()
    assert not wizard.findChild(QLabel, "recipe_announce_text_error").isVisibleTo(wizard)


def test_enter_presses_what_the_step_offers_and_buttons_have_mnemonics(qtbot, wizard: RecipeWizard) -> None:
    wizard.choose("lock-toggle")
    assert wizard.next_button.isDefault() and wizard.next_button.text() == "&Next >"
    click(qtbot, wizard, "recipeNext")
    click(qtbot, wizard, "recipeNext")
    assert wizard.finish_button.isDefault() and not wizard.next_button.isDefault()
    assert wizard.finish_button.text() == "&Add plugin" and wizard.back_button.text() == "< &Back"


def test_the_questions_take_the_keyboard_and_enter_goes_on_to_add_the_plugin(qtbot, wizard: RecipeWizard) -> None:
    """After Next the keyboard sat on the form's scroll area, a Tab stop that showed nothing."""
    from PySide6.QtWidgets import QApplication, QScrollArea

    wizard.activateWindow()
    gallery = wizard.findChild(QListWidget, "recipeGallery")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is gallery)
    wizard.choose("lock-toggle")
    qtbot.keyClick(gallery, Qt.Key.Key_Return)
    name = wizard.findChild(QLineEdit, "recipe_name")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is name)
    qtbot.keyClicks(name, "Team lock")  # over the suggested name, which is selected
    assert name.text() == "Team lock"
    stops = []
    for _ in range(len(wizard.fields) + 3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        stops.append(QApplication.focusWidget())
    assert not [w for w in stops if isinstance(w, QScrollArea)]
    while QApplication.focusWidget() is not name:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClick(name, Qt.Key.Key_Return)  # Next: the files
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # Add plugin
    assert wizard.result() == wizard.DialogCode.Accepted
    assert wizard.package.plugins[wizard.added_index].display_name == "Team lock"


def _mnemonic(text: str) -> str:
    from PySide6.QtGui import QKeySequence

    key = QKeySequence.mnemonic(text)
    assert not key.isEmpty(), f"no Alt+letter in {text!r}"
    return key.toString().removeprefix("Alt+").lower()


def test_alt_and_a_letter_goes_to_each_question(qtbot, wizard: RecipeWizard) -> None:
    """Every question has its own Alt+letter (from its words, none twice on a page, none of the
    buttons'), which takes the keyboard to its field; a yes/no question's also ticks it."""
    from PySide6.QtWidgets import QApplication

    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is wizard.gallery)
    buttons = {_mnemonic(b.text()) for b in (wizard.back_button, wizard.next_button, wizard.finish_button)}
    # A choice, a yes/no, a text its yes/no switches off, and a question whose word starts are taken.
    for name in ("chat-keyword", "query-auto-action"):
        wizard.choose(name)
        click(qtbot, wizard, "recipeNext")
        labels = {label.buddy(): label.text() for label in wizard.form_page.findChildren(QLabel) if label.buddy()}
        letters = {}
        for f in wizard.fields:
            text = f.widget.text() if isinstance(f.widget, QCheckBox) else labels.get(f.widget, "")
            assert text.replace("&", "").startswith(f.param.label), (name, text)
            letters[f.widget] = _mnemonic(text)
        assert len(set(letters.values())) == len(letters), (name, letters)
        assert not set(letters.values()) & buttons, name
        for widget, letter in letters.items():
            if not widget.isEnabled():  # (a text its yes/no question switched off)
                continue
            was = widget.isChecked() if isinstance(widget, QCheckBox) else None
            qtbot.keyClick(QApplication.focusWidget(), letter, Qt.KeyboardModifier.AltModifier)
            assert QApplication.focusWidget() is widget, (name, letter)
            if was is not None:  # ticked (or unticked): tick it back as it was
                qtbot.waitUntil(lambda w=widget, was=was: w.isChecked() != was)
                qtbot.keyClick(widget, Qt.Key.Key_Space)
                assert widget.isChecked() == was
        click(qtbot, wizard, "recipeBack")


def test_every_recipe_gets_a_letter_for_each_question_none_twice(wizard: RecipeWizard) -> None:
    """The letters of every recipe's page, as the wizard chooses them (building each page to look
    takes a second per recipe: the questions are checked by rendering the recipe)."""
    from designer.gui.panes.form_rows import with_mnemonics

    buttons = [b.text() for b in (wizard.back_button, wizard.next_button, wizard.finish_button)]
    for recipe in list_recipes():
        letters = [_mnemonic(t) for t in with_mnemonics([p.label for p in recipe.parameters], buttons)]
        assert len(set(letters)) == len(letters), (recipe.name, letters)
        assert not set(letters) & {"b", "n", "a"}, recipe.name


def test_participant_action_texts_follow_the_choice_until_the_user_changes_them(qtbot, wizard: RecipeWizard) -> None:
    """Choosing "Disconnect them" in "What it does" makes the item's text "Disconnect", its icon
    the remove-participant one and asks first; a text the user typed stays theirs."""
    wizard.choose("participant-action")
    click(qtbot, wizard, "recipeNext")
    what = wizard.findChild(QComboBox, "recipe_what")
    label = wizard.findChild(QLineEdit, "recipe_label")
    icon = wizard.findChild(QComboBox, "recipe_icon")
    confirm = wizard.findChild(QCheckBox, "recipe_confirm")
    alias = wizard.findChild(QLineEdit, "recipe_alias")
    guests = wizard.findChild(QCheckBox, "recipe_guests")
    assert (label.text(), icon.currentData(), confirm.isChecked()) == ("Mute", "mute", False)
    assert not alias.isEnabled() and guests.isEnabled() and not icon.itemIcon(icon.currentIndex()).isNull()

    what.setFocus()
    while what.currentData() != "disconnect":
        qtbot.keyClick(what, Qt.Key.Key_Down)
    assert (label.text(), icon.currentData(), confirm.isChecked()) == ("Disconnect", "participant-remove", True)
    assert wizard.findChild(QLineEdit, "recipe_question").text() == "Disconnect this person from the meeting?"
    assert not guests.isEnabled()  # Infinity refuses guests a disconnect, whoever it is for

    qtbot.keyClick(what, Qt.Key.Key_Down)  # "Move them to another meeting (such as a lobby room)"
    assert what.currentData() == "transfer" and alias.isEnabled() and label.text() == "Send to lobby"
    label.clear()
    qtbot.keyClicks(label, "Lobby please")
    what.setCurrentIndex(what.findData("make_host"))
    assert label.text() == "Lobby please" and icon.currentData() == "crown" and not confirm.isChecked()

    answers = wizard.answers()
    click(qtbot, wizard, "recipeNext")
    assert "nothing to worry about" in wizard.findChild(QLabel, "recipeNotes").text()
    click(qtbot, wizard, "recipeFinish")
    pid = unique_id(load(wizard.package.root), answers["name"])
    files = render(load_recipe("participant-action"), answers, pid)
    for rel, data in files.items():
        assert wizard.package.read_text(rel).encode("utf-8") == data
    package = json.loads(files[f"plugins/{pid}/{pid}.plugin.package.json"])
    assert package["menuItems"]["participants"][0] == {
        "icon": "crown.svg#crown",
        "label": "Lobby please",
        "action": "makeHost",
    }


def test_the_heading_says_who_gets_the_plugin_as_the_answers_do(qtbot, wizard: RecipeWizard) -> None:
    """It said "for Hosts" with "Guests get it too" ticked."""
    wizard.choose("participant-action")
    click(qtbot, wizard, "recipeNext")
    label = next(q for q in wizard.form_page.findChildren(QLabel) if q.text().startswith("<h3>Participant action"))

    def heading() -> str:  # as it reads on screen
        document = QTextDocument()
        document.setHtml(label.text())
        return document.toPlainText()

    assert heading().endswith("Adds an item in a participant's menu, for Hosts.")
    guests = wizard.findChild(QCheckBox, "recipe_guests")
    qtbot.mouseClick(guests, Qt.MouseButton.LeftButton, pos=guests.rect().topLeft() + QPoint(8, guests.height() // 2))
    assert guests.isChecked()
    assert heading().endswith("Adds an item in a participant's menu, for Hosts and Guests.")
    what = wizard.findChild(QComboBox, "recipe_what")
    what.setFocus()
    while what.currentData() != "disconnect":  # Infinity refuses guests a disconnect: not asked, not given
        qtbot.keyClick(what, Qt.Key.Key_Down)
    assert not guests.isEnabled() and heading().endswith("menu, for Hosts.")
    answers = wizard.answers()
    assert json.loads(render(load_recipe("participant-action"), answers, "pa")["plugins/pa/pa.plugin.package.json"])[
        "participantRoles"
    ] == ["chair"]


def test_each_recipe_row_is_as_tall_as_its_text(qtbot, wizard: RecipeWizard) -> None:
    """The rows were as tall as their text wrapped to its narrowest: half empty at the dialog's width."""
    qtbot.waitExposed(wizard)
    gallery = wizard.findChild(QListWidget, "recipeGallery")
    for row in range(gallery.count()):
        item = gallery.item(row)
        shown = gallery.itemWidget(item)
        text = max(shown.findChildren(QLabel), key=lambda label: len(label.text()))
        needed = text.heightForWidth(text.width())
        assert needed <= text.height()  # nothing cut off
        assert gallery.visualItemRect(item).height() <= max(64, needed + 24), item.text()  # nor half empty


def test_a_tick_box_question_has_no_blank_line_under_its_explanation(qtbot, wizard: RecipeWizard) -> None:
    """A tick box's one-line explanation ("Show a short question first, …") took two lines'
    room, so a blank line stood between it and the next question, as under no other question."""
    qtbot.waitExposed(wizard)
    wizard.choose("mute-guests")
    click(qtbot, wizard, "recipeNext")
    qtbot.waitUntil(wizard.findChild(QCheckBox, "recipe_confirm").isVisible)

    def top(name: str) -> int:
        return wizard.findChild(QWidget, name).mapTo(wizard, QPoint(0, 0)).y()

    def explanation_bottom(key: str) -> int:
        hint = next(f.hint for f in wizard.fields if f.param.key == key)
        return hint.mapTo(wizard, QPoint(0, hint.height())).y()

    after_text = top("recipe_mute_label") - explanation_bottom("name")  # a text question's
    after_box = top("recipe_confirm_text") - explanation_bottom("confirm")  # the tick box's
    assert after_box == after_text
    for field in wizard.fields:
        assert field.hint.height() == field.hint.heightForWidth(field.hint.width()), field.param.key


def test_the_function_name_question_says_it_can_be_left_as_it_is(qtbot, wizard: RecipeWizard) -> None:
    """A host who has never written JavaScript, asked for a "Function name" with only what a
    function is for, could not tell whether the recipe needed a name of theirs; it does not."""
    asked = [r.name for r in list_recipes() if any(p.type == "identifier" for p in r.parameters)]
    assert len(asked) >= 10
    for name in asked:
        wizard.choose(name)
        click(qtbot, wizard, "recipeNext")
        field = next(f for f in wizard.fields if f.param.type == "identifier")
        assert field.hint.isVisible() and field.hint.text().startswith("You can leave this as it is."), name
        click(qtbot, wizard, "recipeBack")


def test_a_name_pasted_from_two_lines_is_one_line_but_a_question_keeps_its_lines(qtbot, wizard: RecipeWizard) -> None:
    """A name pasted with its line break went into the package as "Lay\\nout" (the field shows no
    break); now the wizard's one-line fields make it a space, as the plugin form does."""
    wizard.choose("send-dtmf")
    click(qtbot, wizard, "recipeNext")
    clipboard = QApplication.clipboard()
    for key, pasted, shown in (("name", "Lay\nout\n", "Lay out"), ("prompt", "Which?\nDigits.", "Which?\nDigits.")):
        field = wizard.findChild(QLineEdit, f"recipe_{key}")
        field.setFocus()
        field.selectAll()
        clipboard.setText(pasted)
        qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        assert field.text() == shown
    click(qtbot, wizard, "recipeNext")
    click(qtbot, wizard, "recipeFinish")
    package = json.loads(wizard.package.read_bytes("plugins/lay-out/lay-out.plugin.package.json"))
    assert package["name"] == "Lay out"


def test_a_recipe_added_twice_is_offered_a_name_no_plugin_has(qtbot, wizard: RecipeWizard) -> None:
    """The wizard offered "Lock meeting" again once a plugin had that name: the second got the
    id lock-meeting-2 but the same name, and the tree and the app's Settings ▸ Plugins listed two
    plugins nobody could tell apart (Add Plugin… offers "My plugin 2")."""
    pkg = wizard.package
    for name in ("lock-toggle", "participant-action"):
        wizard.choose(name)
        click(qtbot, wizard, "recipeNext")
        click(qtbot, wizard, "recipeNext")
        click(qtbot, wizard, "recipeFinish")
        wizard = RecipeWizard(pkg, wizard.editor)
        qtbot.addWidget(wizard)
        wizard.show()
    wizard.choose("lock-toggle")
    click(qtbot, wizard, "recipeNext")
    assert wizard.findChild(QLineEdit, "recipe_name").text() == "Lock meeting 2"
    click(qtbot, wizard, "recipeBack")
    wizard.choose("participant-action")
    click(qtbot, wizard, "recipeNext")
    fields = {f.param.key: f.widget for f in wizard.fields}  # (the first recipe's form goes later)
    name, what = fields["name"], fields["what"]
    assert name.text() == "Mute a participant 2"
    what.setCurrentIndex(what.findData("unmute"))  # a name no plugin has yet: as suggested
    assert name.text() == "Unmute a participant"
    what.setCurrentIndex(what.findData("mute"))  # back: still the one no plugin has
    assert name.text() == "Mute a participant 2"
    click(qtbot, wizard, "recipeNext")
    click(qtbot, wizard, "recipeFinish")
    names = [p.display_name for p in pkg.plugins]
    assert len(set(names)) == len(names), names
