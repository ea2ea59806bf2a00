"""Editing a package through the forms, as a user would: type, click, undo, save, fix."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, open_in_editor, snapshot
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QAction, QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
)

from designer.core.checks import run_checks
from designer.core.model import load
from designer.gui.main_window import MainWindow


def select_plugin(window: MainWindow, qtbot, index: int) -> None:
    tree = window.findChild(QTreeWidget, "projectTree")
    item = tree.topLevelItem(0).child(2 + index)
    tree.scrollToItem(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center())
    assert window.stack.currentWidget() is window.plugin_page


def tick(qtbot, box: QCheckBox) -> None:
    """Click the box itself (a check box row may be much wider than its box and text)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def retype(qtbot, edit: QLineEdit, text: str) -> None:
    """Replace the text of ``edit`` as a user would: click into it, then type. Each key goes to
    wherever the keyboard is by then, as a real keyboard's would (typed straight into ``edit``,
    the keys reached it even after the field had lost the keyboard to the project tree)."""
    edit.setFocus()
    assert QApplication.focusWidget() is edit
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    for ch in text:
        qtbot.keyClick(QApplication.focusWidget(), ch)
    assert QApplication.focusWidget() is edit
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_typing_a_name_saves_only_that_value(window: MainWindow, qtbot, example_project: Path) -> None:
    window.open_path(example_project)
    select_plugin(window, qtbot, 1)
    before = snapshot(example_project)
    name = window.findChild(QLineEdit, "nameEdit")
    retype(qtbot, name, "Meeting details")
    assert window.isWindowModified()
    assert window.editor.undo_stack.count() == 1  # typing letter by letter is one undo step
    assert window.editor.undo_stack.undoText() == "Change name of 'Meeting information' to 'Meeting details'"
    qtbot.keySequence(window, "Ctrl+S")
    assert not window.isWindowModified()
    after = snapshot(example_project)
    rel = "webapp2/plugins/meeting-info/meeting-info.plugin.package.json"
    assert after[rel] == before[rel].replace(b'"name": "Meeting information"', b'"name": "Meeting details"')
    assert {k: v for k, v in after.items() if k != rel} == {k: v for k, v in before.items() if k != rel}
    tree = window.findChild(QTreeWidget, "projectTree")
    qtbot.waitUntil(lambda: tree.topLevelItem(0).child(3).text(0) == "Meeting details")


def test_the_save_message_goes_with_the_first_change_after_the_save(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """ "Saved 1 file" stayed on the status bar through the edits made after it, beside a title
    that said there were unsaved changes again. An undo back past the save takes it off too."""
    window.open_path(example_project)
    select_plugin(window, qtbot, 1)
    name = window.findChild(QLineEdit, "nameEdit")
    retype(qtbot, name, "Meeting details")
    qtbot.keySequence(window, "Ctrl+S")
    assert window.status.text() == "Saved 1 file"
    window.findChild(QLineEdit, "versionEdit").setFocus()  # (the name's typing is one step: a new one starts)
    retype(qtbot, name, "Meeting notes")
    assert window.isWindowModified() and window.status.text() == ""
    qtbot.keySequence(window, "Ctrl+S")
    assert window.status.text() == "Saved 1 file"
    window.editor.undo_stack.undo()  # (the status bar then says what was undone)
    assert window.isWindowModified() and "Saved" not in window.status.text()


def test_undo_back_to_the_start_restores_identical_files(window: MainWindow, qtbot, example_project: Path) -> None:
    before = snapshot(example_project)
    window.open_path(example_project)
    select_plugin(window, qtbot, 0)
    tick(qtbot, window.findChild(QCheckBox, "role_guest"))
    tick(qtbot, window.findChild(QCheckBox, "platform_ios"))
    retype(qtbot, window.findChild(QLineEdit, "versionEdit"), "2.5")
    tick(qtbot, window.findChild(QCheckBox, "enabledCheck"))
    window.save()
    changed = snapshot(example_project)
    pkg = json.loads(changed["webapp2/plugins/lock-toggle/lock-toggle.plugin.package.json"])
    assert pkg["participantRoles"] == ["chair", "guest"]
    assert pkg["platforms"] == ["web", "electron", "android"]
    assert pkg["version"] == 2.5
    assert json.loads(changed["webapp2/settings.json"])["plugins"][0]["enabled"] is False
    while window.editor.undo_stack.canUndo():
        qtbot.keySequence(window, "Ctrl+Z")
    window.save()
    assert snapshot(example_project) == before
    assert not window.isWindowModified()


def test_menu_items_add_rename_and_placement(window: MainWindow, qtbot, base_project: Path) -> None:
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    qtbot.mouseClick(window.findChild(QPushButton, "addItemButton"), Qt.MouseButton.LeftButton)
    items = window.findChild(QListWidget, "menuItemsList")
    assert items.count() == 2 and items.currentRow() == 1
    retype(qtbot, window.findChild(QLineEdit, "labelEdit"), "Stop")
    retype(qtbot, window.findChild(QLineEdit, "actionEdit"), "stopRecording")
    icon = window.findChild(QComboBox, "iconCombo")
    assert icon.findData("rec.svg#rec") > 0
    icon.setCurrentIndex(icon.findData("rec.svg#rec"))
    icon.activated.emit(icon.currentIndex())
    placement = window.findChild(QComboBox, "placementCombo")
    placement.setCurrentIndex(placement.findData("participants"))
    placement.activated.emit(placement.currentIndex())
    window.save()
    data = json.loads((base_project / "webapp2/plugins/rec/rec.plugin.package.json").read_text())
    assert data["menuItems"] == {
        "participants": [
            {"icon": "rec.svg#rec", "label": "Record", "action": "record"},
            {"icon": "rec.svg#rec", "label": "Stop", "action": "stopRecording"},
        ]
    }


def test_after_add_item_what_is_typed_names_the_new_item(window: MainWindow, qtbot, base_project: Path) -> None:
    """After "Add item" the keyboard stayed on the button: typing "Stop" went nowhere, and the
    label field, once clicked, still held "New item" to select first. Now what is typed names
    the new item, one undo step after the one that added it."""
    window.resize(900, 600)
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    add = window.findChild(QPushButton, "addItemButton")
    page = window.plugin_page
    qtbot.waitUntil(lambda: page.verticalScrollBar().maximum() > 0)
    # Scrolled as a user does, until the button shows at the bottom of the page: the new
    # item's Label, below it, is then out of sight.
    bottom = add.mapTo(page.widget(), add.rect().bottomLeft()).y()
    page.verticalScrollBar().setValue(bottom - page.viewport().height() + 4)
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    label = window.findChild(QLineEdit, "labelEdit")
    assert QApplication.focusWidget() is label and label.selectedText() == "New item"

    def in_sight() -> bool:
        top = label.mapTo(page.viewport(), QPoint(0, 0)).y()
        return 0 <= top and top + label.height() <= page.viewport().height()

    assert in_sight()  # the page scrolled to it
    for ch in "Stop":
        qtbot.keyClick(QApplication.focusWidget(), ch)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    items = window.package.plugins[0].package.menu_items["toolbar"]
    assert [mi.label for mi in items] == ["Record", "Stop"]
    assert window.findChild(QListWidget, "menuItemsList").item(1).text().startswith("Stop")
    undo = window.findChild(QAction, "undoAction")
    assert undo.text() == "&Undo Change label of 'New item' to 'Stop'"
    window.editor.undo_stack.undo()
    assert [mi.label for mi in window.package.plugins[0].package.menu_items["toolbar"]] == ["Record", "New item"]
    window.editor.undo_stack.setClean()


def test_the_label_being_typed_stays_in_sight_when_the_problems_dock_grows_back(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    """A new project has no problems, so the Problems dock is folded to its header. "Add item"
    brings two (no function, no icon), the dock grows back, and the page got shorter under the
    Label the keyboard was in: what was typed went into a field out of sight."""
    from designer.core.newproject import create_project

    create_project(tmp_path / "p")
    window.resize(900, 600)
    window.open_path(tmp_path / "p")
    select_plugin(window, qtbot, 0)
    page = window.plugin_page
    add = window.findChild(QPushButton, "addItemButton")
    label = window.findChild(QLineEdit, "labelEdit")
    qtbot.waitUntil(lambda: window.problems_dock.height() < 60)  # folded: no problems
    page.ensureWidgetVisible(add)
    height = page.viewport().height()
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.viewport().height() < height)  # the dock is back
    assert QApplication.focusWidget() is label
    top = label.mapTo(page.viewport(), QPoint(0, 0)).y()
    assert 0 <= top and top + label.height() <= page.viewport().height()
    window.editor.undo_stack.setClean()


def test_a_field_scrolled_away_from_does_not_pull_the_page_back_when_the_window_grows(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """With the keyboard still in the plugin's Name, the user scrolled down to the menu items and
    made the window wider: the page jumped back up to Name (kept in sight at every resize)."""
    window.resize(900, 480)
    window.open_path(example_project)
    select_plugin(window, qtbot, 0)
    page = window.plugin_page
    name = window.findChild(QLineEdit, "nameEdit")
    qtbot.mouseClick(name, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is name)
    bar = page.verticalScrollBar()
    # The page settles a few turns of the event loop after it is shown (it grows by a line's height
    # then); the user drags to the bottom of the page as it then is.
    for _ in range(10):
        QApplication.processEvents()
    bar.setValue(bar.maximum())  # (dragged to the bottom: Name is out of sight above)
    assert name.mapTo(page.viewport(), QPoint(0, name.height())).y() <= 0
    window.resize(1100, 480)
    qtbot.waitUntil(lambda: page.viewport().width() > 700)
    QApplication.processEvents()
    assert bar.value() == bar.maximum() > 0  # where the user left it (the page is shorter for the width)
    assert name.mapTo(page.viewport(), QPoint(0, name.height())).y() <= 0


def test_the_starter_description_follows_the_name_and_the_placement(window: MainWindow, qtbot, tmp_path: Path) -> None:
    """A new project's plugin renamed "Send to lobby" and moved to the participant menu said
    "My plugin: a toolbar button." to users in Settings > Plugins; a description the user wrote
    stays theirs."""
    from designer.core.newproject import create_project

    create_project(tmp_path / "p")
    window.open_path(tmp_path / "p")
    select_plugin(window, qtbot, 0)
    description = window.findChild(QPlainTextEdit, "descriptionEdit")
    assert description.toPlainText() == "Hello message: a toolbar button."
    retype(qtbot, window.findChild(QLineEdit, "nameEdit"), "Send to lobby")
    assert description.toPlainText() == "Send to lobby: a toolbar button."
    placement = window.findChild(QComboBox, "placementCombo")
    placement.setCurrentIndex(placement.findData("participants"))
    placement.activated.emit(placement.currentIndex())
    assert description.toPlainText() == "Send to lobby: a participant menu item."
    window.editor.undo_stack.undo()  # the move, with its description
    assert description.toPlainText() == "Send to lobby: a toolbar button."
    window.editor.undo_stack.undo()  # the typed name (one step), with its description
    assert description.toPlainText() == "Hello message: a toolbar button."
    window.editor.undo_stack.redo()
    window.editor.undo_stack.redo()
    description.setFocus()
    description.selectAll()
    qtbot.keyClicks(description, "Sends a participant back to the lobby.")
    retype(qtbot, window.findChild(QLineEdit, "nameEdit"), "Lobby")
    placement.setCurrentIndex(placement.findData("conference"))
    placement.activated.emit(placement.currentIndex())
    window.save()
    package = json.loads((tmp_path / "p/webapp2/plugins/hello-message/hello-message.plugin.package.json").read_text())
    assert (package["name"], package["description"]) == ("Lobby", "Sends a participant back to the lobby.")


def test_the_starter_follows_its_new_name_in_one_step(window: MainWindow, qtbot, tmp_path: Path) -> None:
    """A new project's plugin, named "Verify project" after its folder and renamed "Send to lobby",
    kept 'Verify project → showVerifyProject', a window titled "Verify project" and a first line
    saying so. Now each follows the name in the same undo step, while it is still as the designer
    made it; the files keep their names (the id has its own "From name")."""
    from designer.core.newproject import create_project, plugin_files

    root = tmp_path / "verify-project"
    create_project(root, "Verify project")
    before = snapshot(root)
    window.open_path(root)
    select_plugin(window, qtbot, 0)
    label, action = window.findChild(QLineEdit, "labelEdit"), window.findChild(QLineEdit, "actionEdit")
    assert (label.text(), action.text()) == ("Verify project", "showVerifyProject")
    name = window.findChild(QLineEdit, "nameEdit")
    retype(qtbot, name, "Send to lobby")
    qtbot.keyClick(name, Qt.Key.Key_Tab)  # leave the field
    assert (label.text(), action.text()) == ("Send to lobby", "showSendToLobby")
    assert window.editor.undo_stack.count() == 1
    assert window.editor.undo_stack.undoText() == "Change name of 'Verify project' to 'Send to lobby'"
    # said, as the parts that followed are out of sight of the name field (the code in another file)
    assert (
        window.status.text()
        == "Renamed to 'Send to lobby'; its description, menu item's label, action and code followed."
    )
    qtbot.keySequence(window, "Ctrl+S")
    after = snapshot(root)
    assert set(after) == set(before)  # no file or folder renamed, none added
    # What the designer makes for "Send to lobby", with the plugin's id (and so its files) kept.
    for rel, data in plugin_files("Send to lobby", "verify-project").items():
        assert after["webapp2/" + rel] == data, rel
    assert after["webapp2/settings.json"] == before["webapp2/settings.json"]

    qtbot.keySequence(window, "Ctrl+Z")  # one step takes all of it back
    assert (name.text(), label.text(), action.text()) == ("Verify project", "Verify project", "showVerifyProject")
    qtbot.keySequence(window, "Ctrl+S")
    assert snapshot(root) == before

    # What the user changed stays theirs: the label, and the window's text (so its title too).
    retype(qtbot, label, "Lobby")
    window.tree.setCurrentItem(
        window._find_tree_item(window.tree.topLevelItem(0), ("file", "plugins/verify-project/verify-project.plugin.js"))
    )
    editor = window.source_editor
    editor.setFocus()
    editor.setTextCursor(editor.document().find("Hello from this plugin."))
    qtbot.keyClicks(editor, "Welcome to the lobby.")
    select_plugin(window, qtbot, 0)
    retype(qtbot, name, "Move to lobby")
    qtbot.keyClick(name, Qt.Key.Key_Tab)
    assert (label.text(), action.text()) == ("Lobby", "showMoveToLobby")
    assert window.status.text() == "Renamed to 'Move to lobby'; its description, action and code followed."
    qtbot.keySequence(window, "Ctrl+S")
    rel = "webapp2/plugins/verify-project/verify-project"
    package = json.loads((root / f"{rel}.plugin.package.json").read_text())
    assert package["menuItems"] == {
        "toolbar": [{"icon": "icon.svg#icon", "label": "Lobby", "action": "showMoveToLobby"}]
    }
    assert package["description"] == "Move to lobby: a toolbar button."
    source = (root / f"{rel}.plugin.js").read_text()
    assert source.splitlines()[0] == "// Move to lobby: a toolbar button that shows a short message."
    assert "title: 'Verify project',\n            body: '<p>Welcome to the lobby.</p>'" in source
    assert "function showMoveToLobby() {" in source and "showMoveToLobby: showMoveToLobby" in source
    assert "showVerifyProject" not in source


def test_a_moved_starter_action_takes_what_its_new_place_passes(window: MainWindow, qtbot, tmp_path: Path) -> None:
    """Moved from the toolbar to the conference menu and on to the participant menu, the starter's
    action kept ``(conferenceDetails)``: the participant the app passes went by that name. A
    parameter list the designer wrote now follows the place; one the user's code uses stays."""
    from designer.core.newproject import create_project

    root = tmp_path / "p"
    create_project(root, "My plugin")
    source = root / "webapp2/plugins/my-plugin/my-plugin.plugin.js"
    window.open_path(root)
    select_plugin(window, qtbot, 0)
    combo = window.findChild(QComboBox, "placementCombo")

    def choose(placement: str) -> None:
        combo.setFocus()
        while combo.currentData() != placement:
            qtbot.keyClick(combo, Qt.Key.Key_Down)
        qtbot.keyClick(combo, Qt.Key.Key_Tab)  # leave it: the next choice is a step of its own

    choose("conference")
    qtbot.keySequence(window, "Ctrl+S")
    in_conference = source.read_text()
    assert "    function showMyPlugin(conferenceDetails) {\n" in in_conference
    choose("participants")
    qtbot.keySequence(window, "Ctrl+S")
    text = source.read_text()
    assert "    function showMyPlugin(participant) {\n" in text and "conferenceDetails)" not in text.split("unload")[0]
    assert text == in_conference.replace("showMyPlugin(conferenceDetails)", "showMyPlugin(participant)").replace(
        "a conference menu item", "a participant menu item"
    ).replace("clicked.", "clicked for a participant.")
    qtbot.keySequence(window, "Ctrl+Z")  # one step back: the conference menu, its parameter with it
    assert combo.currentData() == "conference"
    qtbot.keySequence(window, "Ctrl+S")
    assert source.read_text() == in_conference

    # The user's code reads the conference details: its parameter stays as it is.
    window.tree.setCurrentItem(
        window._find_tree_item(window.tree.topLevelItem(0), ("file", "plugins/my-plugin/my-plugin.plugin.js"))
    )
    editor = window.source_editor
    editor.setFocus()
    cursor = editor.document().find("window.PEX.pluginAPI.openTemplateDialog")
    cursor.movePosition(cursor.MoveOperation.StartOfBlock)
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, "if (conferenceDetails.locked) return;")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    select_plugin(window, qtbot, 0)
    choose("participants")
    qtbot.keySequence(window, "Ctrl+S")
    text = source.read_text()
    assert "function showMyPlugin(conferenceDetails) {\nif (conferenceDetails.locked) return;\n" in text


def test_invalid_or_duplicate_action_is_refused_with_a_reason(window: MainWindow, qtbot, base_project: Path) -> None:
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    qtbot.mouseClick(window.findChild(QPushButton, "addItemButton"), Qt.MouseButton.LeftButton)
    action = window.findChild(QLineEdit, "actionEdit")
    retype(qtbot, action, "record")
    assert "already uses 'record'" in window.findChild(QLabel, "actionNote").text()
    retype(qtbot, action, "class")
    assert "not a JS keyword" in window.findChild(QLabel, "actionNote").text()
    retype(qtbot, action, "eval")  # no function may be called so in strict code
    assert "not a JS keyword" in window.findChild(QLabel, "actionNote").text()
    for taken in ("id", "load", "state$"):  # registerPlugin's own keys: a second 'id' broke the plugin
        retype(qtbot, action, taken)
        assert f"'{taken}' is a name the app gives its own meaning" in window.findChild(QLabel, "actionNote").text()
    pkg = window.package.plugins[0].package
    assert [mi.action for mi in pkg.menu_items["toolbar"]] == ["record", "action1"]


def test_fix_button_applies_one_undoable_fix(window: MainWindow, qtbot, tmp_path: Path) -> None:
    project = tmp_path / "p"
    shutil.copytree(FIXTURES / "base", project)
    manifest = project / "webapp2/manifest.json"
    manifest.write_text('{\n    "brandingID": 1700000000000,\n    "isSettingsBranded": false\n}\n')
    window.open_path(project)
    assert window.status.text().endswith("1 error")
    view = window.problems_view
    (row,) = view.problem_items()
    assert row.text(2) == "PD211"
    button = view.itemWidget(row, 3)
    assert button.text() == "Mark the package as branded"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not list(view.problem_items()))
    assert window.editor.undo_stack.undoText() == "Mark the package as branded (isSettingsBranded)"
    assert window.problems_dock.windowTitle() == "Problems — none"
    assert window.status.text().endswith("no errors") or not window.status.text().startswith("Opened")
    window.save()
    assert manifest.read_text() == '{\n    "brandingID": 1700000000000,\n    "isSettingsBranded": true\n}\n'
    assert run_checks(load(project)) == []
    qtbot.keySequence(window, "Ctrl+Z")
    qtbot.waitUntil(lambda: len(list(view.problem_items())) == 1)


def test_id_rename_keeps_settings_in_step(window: MainWindow, qtbot, base_project: Path) -> None:
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    retype(qtbot, window.findChild(QLineEdit, "nameEdit"), "Recorder Plus!")
    qtbot.mouseClick(window.findChild(QPushButton, "deriveIdButton"), Qt.MouseButton.LeftButton)
    assert window.editor.undo_stack.undoText() == (
        "Rename id of 'Recorder Plus!' from 'rec-1.0' to 'recorder-plus' (package file, settings.json and source)"
    )
    window.save()
    settings = json.loads((base_project / "webapp2/settings.json").read_text())
    assert settings["plugins"][0]["id"] == "recorder-plus"
    package = json.loads((base_project / "webapp2/plugins/rec/rec.plugin.package.json").read_text())
    assert package["id"] == "recorder-plus"
    assert "id: 'recorder-plus'," in (base_project / "webapp2/plugins/rec/rec.plugin.js").read_text()
    assert run_checks(load(base_project)) == []
    qtbot.keySequence(window, "Ctrl+Z")
    window.save()
    assert "id: 'rec-1.0'," in (base_project / "webapp2/plugins/rec/rec.plugin.js").read_text()


def test_closing_with_unsaved_changes_asks(window: MainWindow, qtbot, base_project: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    retype(qtbot, window.findChild(QLineEdit, "nameEdit"), "Changed")
    asked: list[str] = []

    def answer(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", answer)
    assert not window.close()
    assert asked == [
        "Save your changes to \u201cproject\u201d first?\n\nNot saved yet: plugins/rec/rec.plugin.package.json. "
        "Discard throws these changes away."
    ]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Save)
    assert window.close()
    assert json.loads((base_project / "webapp2/plugins/rec/rec.plugin.package.json").read_text())["name"] == "Changed"


def test_two_plugin_package_from_nothing_using_only_the_designer(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch
) -> None:
    """The issue's promise: a person who does not write JSON builds a two-plugin package."""
    from PySide6.QtWidgets import QInputDialog

    from designer.cli import main

    target = tmp_path / "team"
    monkeypatch.setattr("designer.gui.panes.new_project_dialog.ask_new_project", lambda parent: target)
    window.new_project()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Mute guests", True))
    window.findChild(QAction, "plugin_addAction").trigger()
    assert window.stack.currentWidget() is window.plugin_page
    assert window.findChild(QLineEdit, "nameEdit").text() == "Mute guests"
    tick(qtbot, window.findChild(QCheckBox, "role_guest"))  # hosts only
    retype(qtbot, window.findChild(QLineEdit, "labelEdit"), "Mute all guests")
    placement = window.findChild(QComboBox, "placementCombo")
    placement.setCurrentIndex(placement.findData("conference"))
    placement.activated.emit(placement.currentIndex())
    assert all(row.text(2) != "PD301" for row in window.problems_view.problem_items())
    qtbot.keySequence(window, "Ctrl+S")
    assert not window.isWindowModified()
    settings = json.loads((target / "webapp2/settings.json").read_text())
    assert [e["id"] for e in settings["plugins"]] == ["hello-message", "mute-guests"]
    package = json.loads((target / "webapp2/plugins/mute-guests/mute-guests.plugin.package.json").read_text())
    assert package["participantRoles"] == ["chair"]
    assert package["menuItems"] == {
        "conference": [{"icon": "icon.svg#icon", "label": "Mute all guests", "action": "showMuteGuests"}]
    }
    assert main(["check", str(target), "--strict"]) == 0


def test_add_plugin_offers_a_name_no_plugin_has(window: MainWindow, example_project: Path, monkeypatch) -> None:
    """Add Plugin… offered "My plugin" again once a plugin had that name: two in the tree, alike."""
    from PySide6.QtWidgets import QInputDialog

    window.open_path(example_project)
    offered: list[str] = []

    def answer(*args, **kwargs):
        offered.append(kwargs["text"])
        return kwargs["text"], True

    monkeypatch.setattr(QInputDialog, "getText", answer)
    for _ in range(3):
        window.findChild(QAction, "plugin_addAction").trigger()
    assert offered == ["My plugin", "My plugin 2", "My plugin 3"]
    names = [p.display_name for p in window.package.plugins]
    assert names[-3:] == offered and len(set(names)) == len(names)


def test_remove_plugin_and_undo_after_saving_restores_its_files(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    before = snapshot(example_project)
    window.open_path(example_project)
    select_plugin(window, qtbot, 1)
    window.findChild(QAction, "plugin_removeAction").trigger()
    assert [p.entry.id for p in window.package.plugins] == ["lock-toggle", "raise-hand-helper"]
    window.save()
    assert not (example_project / "webapp2/plugins/meeting-info").exists()
    qtbot.keySequence(window, "Ctrl+Z")
    window.save()
    after = snapshot(example_project)
    assert {k: v for k, v in after.items() if not k.startswith(".plugin-designer")} == before
    assert any(k.startswith(".plugin-designer/trash/") for k in after)  # the removed copy stays in the trash


def test_duplicate_then_undo_after_saving_leaves_no_copy(window: MainWindow, qtbot, example_project: Path) -> None:
    before = snapshot(example_project)
    window.open_path(example_project)
    select_plugin(window, qtbot, 0)
    window.findChild(QAction, "plugin_duplicateAction").trigger()
    assert window.package.plugins[-1].entry.id == "lock-toggle-copy"
    tree = window.findChild(QTreeWidget, "projectTree")
    assert tree.currentItem().text(0) == "Lock toggle (copy)"
    window.save()
    assert (example_project / "webapp2/plugins/lock-toggle-copy/lock.svg").is_file()
    qtbot.keySequence(window, "Ctrl+Z")
    window.save()
    after = {k: v for k, v in snapshot(example_project).items() if not k.startswith(".plugin-designer")}
    assert after == before
    qtbot.waitUntil(lambda: window.tree.topLevelItem(0).childCount() == 5)
    select_plugin(window, qtbot, 0)
    window.findChild(QAction, "plugin_downAction").trigger()
    assert [p.entry.id for p in window.package.plugins] == ["meeting-info", "lock-toggle", "raise-hand-helper"]


def test_double_click_on_a_problem_focuses_its_field(window: MainWindow, qtbot, base_project: Path) -> None:
    pkg_file = base_project / "webapp2/plugins/rec/rec.plugin.package.json"
    pkg_file.write_text(pkg_file.read_text().replace('"action": "record"', '"action": ""'))
    window.open_path(base_project)
    view = window.problems_view
    row = next(r for r in view.problem_items() if r.text(2) == "PD102")
    view.setCurrentItem(row)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.plugin_page
    assert window.focusWidget() is window.findChild(QLineEdit, "actionEdit")


def test_double_click_on_a_file_problem_goes_to_its_place(window: MainWindow, qtbot, base_project: Path) -> None:
    svg = base_project / "webapp2/plugins/rec/rec.svg"
    svg.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" id="rec" viewBox="0 0 24 24">\n  <script>x()</script>\n</svg>\n'
    )
    window.open_path(base_project)
    row = next(r for r in window.problems_view.problem_items() if r.text(2) == "PD412")
    window.problems_view.itemActivated.emit(row, 0)
    view = window.source_editor  # an SVG opens in the icon editor, its XML in the source editor
    assert window.stack.currentWidget() is window.icon_pane
    assert window.source_pane.parent() is window.icon_pane.xml_holder
    cursor = view.textCursor()  # at the problem's column, nothing selected for the next key to replace
    assert cursor.block().text() == "  <script>x()</script>" and not cursor.hasSelection()
    assert cursor.block().text()[cursor.positionInBlock() :].startswith("<script>")


def _fixable_cases() -> list[str]:
    from test_checks import FIXABLE

    return sorted(FIXABLE)


@pytest.mark.parametrize("name", _fixable_cases())
def test_every_fix_button_resolves_its_problem(name: str, window: MainWindow, qtbot, tmp_path: Path) -> None:
    """Click the Fix button of each fixable broken package: the problem goes; undo brings it back."""
    from broken_cases import POSITIVE, make_webapp2

    case = next(c for c in POSITIVE if c.name == name)
    root = make_webapp2(tmp_path / "p" / "webapp2", case.mutate)
    window.open_path(root)
    view = window.problems_view
    row = next(r for r in view.problem_items() if view.itemWidget(r, 3) is not None)
    fixed_code = row.text(2)
    before = [r.text(2) for r in view.problem_items()]
    qtbot.mouseClick(view.itemWidget(row, 3), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: [r.text(2) for r in view.problem_items()] != before)
    after = [r.text(2) for r in view.problem_items()]
    assert after.count(fixed_code) < before.count(fixed_code)
    window.save()
    assert fixed_code not in {p.code for p in run_checks(load(root))}
    qtbot.keySequence(window, "Ctrl+Z")
    qtbot.waitUntil(lambda: [r.text(2) for r in view.problem_items()] == before)


def test_an_edit_that_fails_leaves_no_undo_step(window: MainWindow, qtbot, example_project: Path) -> None:
    window.open_path(example_project)
    before = window.package.plugins[0].display_name

    def broken(pkg) -> None:
        pkg.plugins[0].package.name = "half done"
        raise ValueError("no")

    with pytest.raises(ValueError):
        window.editor.edit("Broken edit", broken)
    assert window.editor.undo_stack.count() == 0 and not window.isWindowModified()
    assert window.package.plugins[0].display_name == before


def test_a_file_the_forms_write_is_shown_as_save_will_write_it(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    window.open_path(example_project)
    index = 0
    rel = window.package.plugins[index].package_path
    window.editor.set_field(index, "package", "name", "Hands up", "Rename {subject}")
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("file", rel)))
    assert '"name": "Hands up"' in window.source_editor.text()
    window.editor.undo_stack.undo()
    assert '"name": "Hands up"' not in window.source_editor.text()
    assert window.source_editor.text() == (example_project / "webapp2" / rel).read_text()


def test_undo_and_redo_say_what_they_did(window: MainWindow, qtbot, example_project: Path) -> None:
    window.open_path(example_project)
    window.editor.set_field(0, "package", "name", "Hands up", "Rename {subject}")
    text = window.editor.undo_stack.text(0)
    window.editor.undo_stack.undo()
    assert window.status.text() == f"Undone: {text}"
    window.editor.undo_stack.redo()
    assert window.status.text() == f"Redone: {text}"
    # undo twice, redo, then a new edit: the stack has as many steps as before, but it is no redo
    window.editor.set_field(0, "package", "name", "Hands down", "Rename {subject}")
    window.editor.undo_stack.undo()
    window.editor.undo_stack.undo()
    window.editor.undo_stack.redo()
    window.status.setText("")
    window.editor.set_field(0, "package", "version", "2.0", "Change {subject}")
    assert not window.status.text().startswith("Redone")


def test_icon_choices_offer_root_ids_and_sprite_symbols_only(window: MainWindow, qtbot, base_project: Path) -> None:
    """The icon picker lists each SVG's root id and each ``<symbol>`` of a sprite (in any
    namespace), not the ids of the shapes inside them."""
    folder = base_project / "webapp2" / "plugins" / "rec"
    (folder / "sprite.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:s="http://www.w3.org/2000/svg">\n'
        '  <defs><symbol id="play" viewBox="0 0 24 24"><path id="play-shape" d="M8 5v14l11-7z"/></symbol></defs>\n'
        '  <s:symbol id="stop" viewBox="0 0 24 24"><rect width="12" height="12"/></s:symbol>\n'
        '  <symbol viewBox="0 0 24 24"><rect width="1" height="1"/></symbol>\n'
        '  <g id="not-a-symbol"/>\n'
        "</svg>\n",
        encoding="utf-8",
    )
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    icon = window.findChild(QComboBox, "iconCombo")
    offered = [icon.itemData(i) for i in range(icon.count()) if isinstance(icon.itemData(i), str)]
    assert "rec.svg#rec" in offered
    assert [o for o in offered if o.startswith("sprite.svg")] == ["sprite.svg#play", "sprite.svg#stop"]


def test_undoing_several_steps_past_a_save_restores_every_file(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """Each step's picture of the files must survive a save: undoing back past a step whose file
    was saved since has to bring that file back too (a new file goes, a changed one returns)."""
    root = example_project / "webapp2"
    before = snapshot(root)
    window.open_path(example_project)
    editor = window.editor
    js = "plugins/lock-toggle/lock-toggle.plugin.js"
    editor.edit("A: label", lambda pkg: setattr(pkg.plugins[1].package.menu_items["conference"][0], "label", "Info"))
    editor.edit_text("B: code", js, window.package.read_text(js).replace("function", "function /*b*/", 1))
    editor.edit("C: new file", lambda pkg: pkg.pending_texts.__setitem__("plugins/lock-toggle/extra.svg", "<svg/>"))
    assert window.save()
    assert snapshot(root) != before
    for _ in range(3):
        window.editor.undo_stack.undo()
    assert window.save()
    after = snapshot(root)
    assert after == before, sorted(k for k in set(after) | set(before) if after.get(k) != before.get(k))
    for _ in range(3):  # and forward again: the saved state comes back
        window.editor.undo_stack.redo()
    assert window.save()
    assert "/*b*/" in (root / js).read_text(encoding="utf-8") and (root / "plugins/lock-toggle/extra.svg").exists()


def test_switching_a_label_to_run_time_and_back_keeps_its_text(window: MainWindow, qtbot, base_project: Path) -> None:
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    label = window.findChild(QLineEdit, "labelEdit")
    retype(qtbot, label, "Mute everyone")
    runtime = window.findChild(QCheckBox, "labelRuntimeCheck")
    tick(qtbot, runtime)
    item = window.package.plugins[0].package.menu_items["toolbar"][0]
    assert item.label is None and not label.isEnabled() and label.text() == "Mute everyone"
    # in the tick box's words ("Set by the plugin while it runs"), not "to set at run time"
    assert window.editor.undo_stack.undoText() == "Let 'Record' set the label of 'Mute everyone' while it runs"
    tick(qtbot, runtime)
    assert window.package.plugins[0].package.menu_items["toolbar"][0].label == "Mute everyone"
    assert label.isEnabled() and label.text() == "Mute everyone"


def test_unticking_set_by_the_plugin_lets_the_next_keys_name_the_item(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """A recipe's toggle button has its label set by the plugin; unticking that gave the field
    "New item" with the keyboard still on the tick box, so the label the user then typed went
    nowhere, or after "New item" ("New itemLock the room"). Now the keys go over "New item"."""
    window.open_path(example_project)
    select_plugin(window, qtbot, 0)  # lock-toggle: its label is set by the plugin while it runs
    label = window.findChild(QLineEdit, "labelEdit")
    runtime = window.findChild(QCheckBox, "labelRuntimeCheck")
    assert runtime.isChecked() and not label.isEnabled()
    tick(qtbot, runtime)
    assert label.isEnabled() and label.text() == "New item"
    qtbot.waitUntil(label.hasFocus)
    qtbot.keyClicks(QApplication.focusWidget(), "Lock the room")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert window.package.plugins[0].package.menu_items["toolbar"][0].label == "Lock the room"


def test_the_set_by_the_plugin_box_explains_itself_without_programmers_words(
    window: MainWindow, qtbot, base_project: Path
) -> None:
    """Its hover tip said "Leave the label empty (null) so the plugin's state$ sets it": two words of
    code for an administrator who only wondered what the tick box does."""
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    tip = window.findChild(QCheckBox, "labelRuntimeCheck").toolTip()
    assert "null" not in tip and "state$" not in tip
    assert "while the meeting runs" in tip and "Untick it to write one here." in tip


def test_event_only_and_back_gives_the_items_back(window: MainWindow, qtbot, base_project: Path) -> None:
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    before = [mi.to_json() for mi in window.package.plugins[0].package.menu_items["toolbar"]]
    placement = window.findChild(QComboBox, "placementCombo")
    placement.setCurrentIndex(placement.findText("No button (works in the background)"))
    placement.activated.emit(placement.currentIndex())
    assert window.package.plugins[0].package.menu_items == {}  # an empty object: null is not valid
    window.save()
    assert "PD102" not in {p.code for p in window.problems}
    placement.setCurrentIndex(placement.findData("conference"))
    placement.activated.emit(placement.currentIndex())
    assert window.package.plugins[0].package.menu_items is not None
    assert [mi.to_json() for mi in window.package.plugins[0].package.menu_items["conference"]] == before
    assert window.findChild(QListWidget, "menuItemsList").count() == len(before)


def test_an_id_another_plugin_has_is_refused_with_a_reason(window: MainWindow, qtbot, example_project: Path) -> None:
    window.open_path(example_project)
    select_plugin(window, qtbot, 1)
    edit = window.findChild(QLineEdit, "idEdit")
    before = edit.text()
    retype(qtbot, edit, window.package.plugins[0].entry.id)
    note = window.findChild(QLabel, "idNote")
    assert note.isVisible() and "each plugin needs its own" in note.text()
    assert edit.text() == before and window.package.plugins[1].package.id == before
    assert window.editor.undo_stack.count() == 0
    retype(qtbot, edit, "meeting-info-2")
    assert not note.isVisible() and window.package.plugins[1].package.id == "meeting-info-2"


def _typing_in(window: MainWindow, qtbot, project: Path, field: str, text: str) -> QLineEdit:
    """The first plugin's ``field`` with ``text`` typed over its value, still focused (not left)."""
    window.open_path(project)
    select_plugin(window, qtbot, 0)
    edit = window.findChild(QLineEdit, field)
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    return edit


def test_an_id_still_being_typed_is_saved_by_ctrl_s(window: MainWindow, qtbot, example_project: Path) -> None:
    """The Id field records its value when it loses focus; Ctrl+S while typing must not lose it."""
    edit = _typing_in(window, qtbot, example_project, "idEdit", "lock-it")
    qtbot.keyClick(edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    package = json.loads((example_project / "webapp2/plugins/lock-toggle/lock-toggle.plugin.package.json").read_text())
    assert package["id"] == "lock-it"
    assert not window.isWindowModified()


def test_ctrl_z_in_a_field_undoes_the_window_step(window: MainWindow, qtbot, example_project: Path) -> None:
    """Not the field's own undo, which put its old text back and recorded that as one more step."""
    name = _typing_in(window, qtbot, example_project, "nameEdit", "Locker")
    assert window.package.plugins[0].package.name == "Locker" and window.editor.undo_stack.count() == 1
    qtbot.keyClick(name, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.package.plugins[0].package.name == "Lock toggle" and name.text() == "Lock toggle"
    assert window.editor.undo_stack.index() == 0 and not window.isWindowModified()
    qtbot.keyClick(name, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.package.plugins[0].package.name == "Locker"


def _place(window: MainWindow, where: str | None) -> None:
    placement = window.findChild(QComboBox, "placementCombo")
    placement.setCurrentIndex(
        placement.findData(where) if where else placement.findText("No button (works in the background)")
    )
    placement.activated.emit(placement.currentIndex())


def test_items_given_back_once_and_only_to_their_own_plugin(window: MainWindow, qtbot, example_project: Path) -> None:
    """What event-only took away is kept by plugin, not by place in the list, and given back once."""
    window.open_path(example_project)
    select_plugin(window, qtbot, 1)  # Meeting information: one conference item
    _place(window, None)
    window.move_plugin(-1)  # now first: its old place belongs to Lock toggle
    select_plugin(window, qtbot, 1)  # Lock toggle
    _place(window, None)
    _place(window, "toolbar")
    assert [mi.action for _s, _i, mi in window.package.plugins[1].package.items()] == ["toggleLock"]
    select_plugin(window, qtbot, 0)  # Meeting information again
    _place(window, "conference")
    assert [mi.action for _s, _i, mi in window.package.plugins[0].package.items()] == ["showMeetingInfo"]
    window.findChild(QListWidget, "menuItemsList").setCurrentRow(0)
    window.findChild(QPushButton, "removeItemButton").click()
    _place(window, "toolbar")  # no items now, and none come back
    assert list(window.package.plugins[0].package.items()) == []


def test_a_label_left_to_the_plugin_comes_back_to_its_own_item(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    window.open_path(example_project)
    select_plugin(window, qtbot, 1)
    window.findChild(QPushButton, "addItemButton").click()  # a second item below
    items = window.findChild(QListWidget, "menuItemsList")
    items.setCurrentRow(0)
    runtime = window.findChild(QCheckBox, "labelRuntimeCheck")
    tick(qtbot, runtime)  # "Meeting information" is now set by the plugin
    window.findChild(QPushButton, "moveDownButton").click()
    assert items.currentRow() == 1
    tick(qtbot, runtime)
    labels = [mi.label for _s, _i, mi in window.package.plugins[1].package.items()]
    assert labels == ["New item", "Meeting information"]


def test_the_version_field_shows_what_is_saved_and_refuses_infinity(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    window.open_path(example_project)
    select_plugin(window, qtbot, 0)
    version = window.findChild(QLineEdit, "versionEdit")
    retype(qtbot, version, "1.10")
    assert window.package.plugins[0].package.version == 1.1 and version.text() == "1.1"  # as the file has it
    retype(qtbot, version, "1e999")  # infinity: JSON has no such number (saving raised)
    assert window.package.plugins[0].package.version == "1e999"
    assert window.save()
    assert (
        '"version": "1e999"'
        in (example_project / "webapp2/plugins/lock-toggle/lock-toggle.plugin.package.json").read_text()
    )


def test_a_version_of_hundreds_of_digits_is_kept_as_typed(window: MainWindow, qtbot, example_project: Path) -> None:
    """A whole number past a double's range (Infinity to a browser) stopped the form with an
    OverflowError; it is kept as the text typed, as 1e999 is, and the file reads back."""
    window.open_path(example_project)
    select_plugin(window, qtbot, 0)
    retype(qtbot, window.findChild(QLineEdit, "versionEdit"), "9" * 320)
    assert window.package.plugins[0].package.version == "9" * 320
    assert window.save()
    assert not load(example_project).load_problems


def test_ctrl_z_while_typing_an_id_undoes_the_typing_only(window: MainWindow, qtbot, example_project: Path) -> None:
    """The Id field records its value when left; Ctrl+Z before that undoes the typing in the field
    (sent to the window, it threw the typing away and undid an earlier, unrelated step too)."""
    window.open_path(example_project)
    select_plugin(window, qtbot, 1)
    ios = window.findChild(QCheckBox, "platform_ios")
    tick(qtbot, ios)  # an earlier step: iOS off
    assert "ios" not in window.package.plugins[1].package.platforms
    edit = window.findChild(QLineEdit, "idEdit")
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "meeting-xyz")
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert edit.text() == "meeting-info"
    assert "ios" not in window.package.plugins[1].package.platforms  # the earlier step stays
    assert window.package.plugins[1].package.id == "meeting-info"
    retype(qtbot, edit, "meeting-facts")  # recorded on Return: Ctrl+Z now undoes it in the window
    assert window.package.plugins[1].package.id == "meeting-facts"
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.package.plugins[1].package.id == "meeting-info"


def test_plugin_shortcuts_act_from_the_tree_not_while_typing(window: MainWindow, qtbot, example_project: Path) -> None:
    """Ctrl+Delete in the Name field deletes a word (it removed the whole plugin); in the project
    tree it removes the selected plugin."""
    window.show()
    window.open_path(example_project)
    select_plugin(window, qtbot, 1)
    name = window.findChild(QLineEdit, "nameEdit")
    name.setFocus()
    name.setCursorPosition(0)
    qtbot.keyClick(name, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert len(window.package.plugins) == 3 and name.text() == "information"
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert [p.entry.id for p in window.package.plugins] == ["lock-toggle", "raise-hand-helper"]
    window.editor.undo_stack.setClean()


def test_a_tick_changes_only_its_value_in_the_list(window: MainWindow, qtbot, example_project: Path) -> None:
    """The list was rebuilt from the boxes: a platform the form has no box for was dropped, the
    list re-sorted, and a box unticked and ticked again moved its value to the end."""
    path = example_project / "webapp2/plugins/lock-toggle/lock-toggle.plugin.package.json"
    data = json.loads(path.read_text())
    data["platforms"] = ["electron", "web", "macos"]
    data["participantRoles"] = ["guest", "chair"]
    path.write_text(json.dumps(data, indent=4) + "\n")
    before = path.read_text()
    window.open_path(example_project)
    select_plugin(window, qtbot, 0)
    tick(qtbot, window.findChild(QCheckBox, "platform_ios"))
    tick(qtbot, window.findChild(QCheckBox, "role_guest"))
    tick(qtbot, window.findChild(QCheckBox, "role_guest"))
    assert window.save()
    after = json.loads(path.read_text())
    assert after["platforms"] == ["electron", "web", "macos", "ios"]
    assert after["participantRoles"] == ["guest", "chair"]
    roles = before[before.index('"participantRoles"') :]
    assert path.read_text().endswith(roles)  # written as it was


def test_a_tick_keeps_the_lists_entries_that_are_not_text(window: MainWindow, qtbot, example_project: Path) -> None:
    """A platform ticked in a list holding a 5 (or null, an object) wrote the list without them:
    entries the user never touched were lost (the checks go on naming them as they are)."""
    path = example_project / "webapp2/plugins/lock-toggle/lock-toggle.plugin.package.json"
    data = json.loads(path.read_text())
    data["platforms"] = ["web", 5, "electron", None]
    data["participantRoles"] = [{"role": "chair"}, "chair"]
    path.write_text(json.dumps(data, indent=4) + "\n")
    window.open_path(example_project)
    select_plugin(window, qtbot, 0)
    tick(qtbot, window.findChild(QCheckBox, "platform_ios"))
    tick(qtbot, window.findChild(QCheckBox, "role_guest"))
    assert window.save()
    after = json.loads(path.read_text())
    assert after["platforms"] == ["web", 5, "electron", None, "ios"]
    assert after["participantRoles"] == [{"role": "chair"}, "chair", "guest"]
    qtbot.keySequence(window, "Ctrl+Z")
    qtbot.keySequence(window, "Ctrl+Z")
    assert window.save()
    assert json.loads(path.read_text())["platforms"] == ["web", 5, "electron", None]


def test_moving_a_button_to_the_participant_menu_gives_its_function_the_participant(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch
) -> None:
    """A new plugin is a toolbar button with ``function showMessage()``; moved to the participant
    menu it kept no parameter, so code using the participant threw when the item was clicked."""
    from PySide6.QtWidgets import QInputDialog

    target = tmp_path / "team"
    monkeypatch.setattr("designer.gui.panes.new_project_dialog.ask_new_project", lambda parent: target)
    window.new_project()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Hands", True))
    window.findChild(QAction, "plugin_addAction").trigger()
    plugin = window.package.plugins[-1]
    action = plugin.package.menu_items["toolbar"][0].action
    source = plugin.source_path
    before = window.package.read_text(source)
    assert f"function {action}() {{" in before
    placement = window.findChild(QComboBox, "placementCombo")
    placement.setCurrentIndex(placement.findData("participants"))
    placement.activated.emit(placement.currentIndex())
    assert f"function {action}(participant) {{" in window.package.read_text(source)
    moved = window.package.read_text(source)
    assert moved.startswith("// Hands: a participant menu item that shows a short message.")  # was "a toolbar button"
    assert "// Called when the menu item is clicked for a participant." in moved
    assert window.save()
    assert f"function {action}(participant) {{" in (target / "webapp2" / source).read_text()
    window.editor.undo_stack.undo()  # one step: the move and the parameter go together
    assert window.package.read_text(source) == before
    assert "toolbar" in window.package.plugins[-1].package.menu_items


def test_an_unused_icon_goes_with_its_fix_button_and_comes_back_with_undo(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    project = tmp_path / "p"
    shutil.copytree(FIXTURES / "base", project)
    leftover = project / "webapp2/plugins/rec/old.svg"
    leftover.write_text('<svg xmlns="http://www.w3.org/2000/svg" id="old" viewBox="0 0 24 24"/>\n')
    window.open_path(project)
    view = window.problems_view
    (row,) = view.problem_items()
    assert row.text(2) == "PD406" and view.itemWidget(row, 3).text() == "Delete old.svg"
    qtbot.mouseClick(view.itemWidget(row, 3), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not list(view.problem_items()))
    assert window._find_tree_item(window.tree.topLevelItem(0), ("file", "plugins/rec/old.svg")) is None
    window.save()
    assert not leftover.exists()
    qtbot.keySequence(window, "Ctrl+Z")
    qtbot.waitUntil(lambda: [r.text(2) for r in view.problem_items()] == ["PD406"])
    window.save()
    assert leftover.exists()  # back from the project's trash


def _arrow(qtbot, combo: QComboBox, key: Qt.Key, times: int) -> None:
    """Step through ``combo`` with the keyboard, as a user does: into it, then Up/Down."""
    combo.setFocus()
    assert QApplication.focusWidget() is combo
    for _ in range(times):
        qtbot.keyClick(QApplication.focusWidget(), key)


def test_arrowing_through_the_placement_is_one_undo_step(window: MainWindow, qtbot, base_project: Path) -> None:
    """Toolbar, Down three times, Ctrl+Z once: back at the toolbar (it went back one item at a time)."""
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    before = snapshot(base_project)
    placement = window.findChild(QComboBox, "placementCombo")
    assert placement.currentData() == "toolbar"
    _arrow(qtbot, placement, Qt.Key.Key_Down, 3)
    assert (
        placement.currentText() == "No button (works in the background)"
        and window.package.plugins[0].package.menu_items == {}
    )
    undo = window.findChild(QAction, "undoAction")
    assert undo.text() == "&Undo Show 'Record' in: No button (works in the background)"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.package.plugins[0].package.sections == ["toolbar"] and placement.currentData() == "toolbar"
    assert not window.editor.undo_stack.canUndo() and not window.isWindowModified()
    window.save()
    assert snapshot(base_project) == before


def test_turning_the_wheel_over_the_placement_is_one_undo_step(window: MainWindow, qtbot, base_project: Path) -> None:
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    placement = window.findChild(QComboBox, "placementCombo")
    at = QPointF(placement.rect().center())
    for _ in range(2):  # two notches down: Participant menu
        notch = QWheelEvent(
            at, placement.mapToGlobal(at), QPoint(), QPoint(0, -120), Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False,
        )  # fmt: skip
        QApplication.sendEvent(placement, notch)
    assert placement.currentData() == "participants" and window.editor.undo_stack.count() == 1
    window.findChild(QAction, "undoAction").trigger()
    assert window.package.plugins[0].package.sections == ["toolbar"] and placement.currentData() == "toolbar"


def test_another_field_or_leaving_the_combo_starts_a_new_undo_step(
    window: MainWindow, qtbot, base_project: Path
) -> None:
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    placement = window.findChild(QComboBox, "placementCombo")
    icon = window.findChild(QComboBox, "iconCombo")
    assert icon.currentData() == "rec.svg#rec" and icon.itemData(icon.currentIndex() - 1) is None
    undo = window.findChild(QAction, "undoAction")
    stack = window.editor.undo_stack
    _arrow(qtbot, placement, Qt.Key.Key_Down, 2)  # participants
    _arrow(qtbot, icon, Qt.Key.Key_Up, 1)  # another field: a step of its own
    assert stack.count() == 2 and undo.text() == "&Undo Remove the icon of 'Record'"
    qtbot.keyClick(icon, Qt.Key.Key_Down)  # and back, still in the combo: the same step, now of no change
    assert stack.count() == 1 and undo.text() == "&Undo Show 'Record' in: Participant menu"
    qtbot.keyClick(icon, Qt.Key.Key_Up)
    _arrow(qtbot, placement, Qt.Key.Key_Up, 0)
    _arrow(qtbot, icon, Qt.Key.Key_Down, 1)  # the combo left and entered again: a new step
    assert stack.count() == 3 and undo.text() == "&Undo Change icon of 'Record' to 'rec.svg#rec'"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.package.plugins[0].package.menu_items["participants"][0].icon is None
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.package.plugins[0].package.menu_items["participants"][0].icon == "rec.svg#rec"
    assert undo.text() == "&Undo Show 'Record' in: Participant menu"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.package.plugins[0].package.sections == ["toolbar"] and not stack.canUndo()


def test_an_ampersand_in_a_step_shows_in_the_edit_menu(window: MainWindow, qtbot, base_project: Path) -> None:
    """Renamed 'Q&A', the menu said "Undo Change name … 'QA'": the & was taken for an Alt+letter mark."""
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    name = window.findChild(QLineEdit, "nameEdit")
    name.selectAll()
    qtbot.keyClicks(name, "Q&A")
    qtbot.keyClick(name, Qt.Key.Key_Tab)
    undo = window.findChild(QAction, "undoAction")
    assert undo.text().startswith("&Undo ") and undo.text().endswith("'Q&&A'"), undo.text()
    undo.trigger()
    redo = window.findChild(QAction, "redoAction")
    assert redo.text().startswith("&Redo ") and redo.text().endswith("'Q&&A'") and undo.text() == "&Undo"


def test_typing_a_letter_and_taking_it_back_leaves_no_undo_step(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """Typing "a", then Backspace, changes nothing: Edit > Undo offers nothing and the window is clean,
    also when the package had been saved with an earlier edit."""
    window.open_path(example_project)
    select_plugin(window, qtbot, 0)
    undo = window.findChild(QAction, "undoAction")
    name = window.findChild(QLineEdit, "nameEdit")
    name.setFocus()
    name.end(False)
    qtbot.keyClick(name, "a")
    assert window.isWindowModified() and undo.isEnabled()
    qtbot.keyClick(name, Qt.Key.Key_Backspace)
    assert not undo.isEnabled() and undo.text() == "&Undo"
    assert not window.isWindowModified()
    assert not window.status.text().startswith("Undone")
    tick(qtbot, window.findChild(QCheckBox, "enabledCheck"))
    qtbot.keySequence(window, "Ctrl+S")
    name.setFocus()
    name.end(False)
    qtbot.keyClicks(name, "ab")
    qtbot.keyClick(name, Qt.Key.Key_Backspace)
    qtbot.keyClick(name, Qt.Key.Key_Backspace)
    assert not window.isWindowModified() and name.text() == "Lock toggle"
    assert undo.text() == "&Undo Leave 'Lock toggle' off when the app starts"


def test_typing_again_after_going_to_another_field_is_a_new_undo_step(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """Name typed, Tab to the next field, back to the name and typed again: two steps, and
    Ctrl+Z takes away only the second typing (it took both)."""
    window.open_path(example_project)
    select_plugin(window, qtbot, 0)
    name = window.findChild(QLineEdit, "nameEdit")
    name.setFocus()
    name.end(False)
    qtbot.keyClicks(name, " on")
    qtbot.keyClick(name, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not name
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is name
    name.end(False)
    qtbot.keyClicks(name, " off")
    undo = window.findChild(QAction, "undoAction")
    assert undo.text() == "&Undo Change name of 'Lock toggle on' to 'Lock toggle on off'"
    qtbot.keyClick(name, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert name.text() == "Lock toggle on" and window.package.plugins[0].package.name == "Lock toggle on"
    assert undo.text() == "&Undo Change name of 'Lock toggle' to 'Lock toggle on'"


def test_typing_in_a_source_after_going_elsewhere_is_a_new_undo_step(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    editor = open_in_editor(window, example_project, "plugins/lock-toggle/lock-toggle.plugin.js")
    before = editor.toPlainText()
    editor.setFocus()
    qtbot.keyClicks(editor, "ab")
    window.tree.setFocus()  # (a look at the project, then back to the code)
    editor.setFocus()
    qtbot.keyClicks(editor, "cd")
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == "ab" + before
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == before and not window.isWindowModified()


def test_typing_a_letter_in_the_code_and_taking_it_back_leaves_no_undo_step(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    editor = open_in_editor(window, example_project, "plugins/lock-toggle/lock-toggle.plugin.js")
    undo = window.findChild(QAction, "undoAction")
    editor.setFocus()
    qtbot.keyClick(editor, "a")
    assert window.isWindowModified() and undo.isEnabled()
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: not window.isWindowModified())  # (once the typing pauses)
    assert not undo.isEnabled() and undo.text() == "&Undo"
    assert not window.status.text().startswith("Undone")


def test_undoing_a_plugin_move_keeps_that_plugin_on_show(window: MainWindow, qtbot, example_project: Path) -> None:
    """Lock toggle moved down, then Ctrl+Z: Lock toggle is back on top and still the one on show
    (the page showed Meeting information, the plugin that had taken its place)."""
    window.open_path(example_project)
    select_plugin(window, qtbot, 0)
    name = window.findChild(QLineEdit, "nameEdit")
    window.findChild(QAction, "plugin_downAction").trigger()
    assert name.text() == "Lock toggle" and window.tree.currentItem().text(0) == "Lock toggle"
    window.tree.setFocus()
    qtbot.keySequence(window, "Ctrl+Z")
    assert [p.entry.id for p in window.package.plugins][0] == "lock-toggle"
    qtbot.waitUntil(lambda: window.tree.currentItem().text(0) == "Lock toggle" and name.text() == "Lock toggle")
    qtbot.keySequence(window, "Ctrl+Shift+Z")
    assert [p.entry.id for p in window.package.plugins][1] == "lock-toggle"
    qtbot.waitUntil(lambda: window.tree.currentItem().text(0) == "Lock toggle" and name.text() == "Lock toggle")
    assert window.tree.currentItem().data(0, Qt.ItemDataRole.UserRole) == ("plugin", 1)
    # Undo of a removal shows the plugin that comes back (not its neighbour, which moved down one).
    select_plugin(window, qtbot, 0)
    window.findChild(QAction, "plugin_removeAction").trigger()
    window._run_checks()
    assert window.tree.currentItem().text(0) == "Lock toggle"
    window.tree.setFocus()
    qtbot.keySequence(window, "Ctrl+Z")
    window._run_checks()  # (the tree is filled again after the checks, as after a pause in the typing)
    assert window.tree.currentItem().text(0) == "Meeting information" and name.text() == "Meeting information"


def test_the_edit_menu_names_tick_box_and_label_edits_in_the_forms_words(
    window: MainWindow, qtbot, base_project: Path
) -> None:
    """Not the file's words ("Change platforms of 'Record' to web, electron", "… roles … chair"),
    nor "Change switched on at start of 'Record' to 'off'", nor a label of no named item."""
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    undo = window.findChild(QAction, "undoAction")
    tick(qtbot, window.findChild(QCheckBox, "platform_ios"))
    assert undo.text() == "&Undo Change where 'Record' loads to: Web app, Desktop app, Android"
    tick(qtbot, window.findChild(QCheckBox, "role_guest"))
    assert undo.text() == "&Undo Change who gets 'Record' to: Hosts, Guests"
    tick(qtbot, window.findChild(QCheckBox, "enabledCheck"))
    assert undo.text() == "&Undo Leave 'Record' off when the app starts"
    tick(qtbot, window.findChild(QCheckBox, "enabledCheck"))
    assert undo.text() == "&Undo Switch 'Record' on when the app starts"
    tick(qtbot, window.findChild(QCheckBox, "allowUnloadCheck"))
    assert undo.text() == "&Undo Stop users from switching 'Record' off"
    retype(qtbot, window.findChild(QLineEdit, "labelEdit"), "Tape")
    assert undo.text() == "&Undo Change label of 'Record' to 'Tape'"


def test_the_edit_menu_names_the_menu_item_whose_action_or_label_changed(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """The Edit menu said "Undo Change action of 'Lock toggle' to 'stopNow'": the plugin, not which of
    its items (the label's step names the item); so did giving back a label set at run time."""
    window.open_path(example_project)
    select_plugin(window, qtbot, 0)
    undo = window.findChild(QAction, "undoAction")
    qtbot.mouseClick(window.findChild(QPushButton, "addItemButton"), Qt.MouseButton.LeftButton)
    retype(qtbot, window.findChild(QLineEdit, "labelEdit"), "Stop")
    retype(qtbot, window.findChild(QLineEdit, "actionEdit"), "stopNow")
    assert undo.text() == "&Undo Change action of 'Stop' to 'stopNow'"
    window.findChild(QListWidget, "menuItemsList").setCurrentRow(0)  # "(set by the plugin while it runs) → toggleLock"
    retype(qtbot, window.findChild(QLineEdit, "actionEdit"), "lockIt")
    assert undo.text() == "&Undo Change action of 'toggleLock' to 'lockIt' and rename function 'toggleLock' in " + (
        "lock-toggle.plugin.js"
    )
    tick(qtbot, window.findChild(QCheckBox, "labelRuntimeCheck"))
    assert undo.text() == "&Undo Change label of 'lockIt' to 'New item'"


def test_undoing_a_menu_item_move_keeps_that_item_selected(window: MainWindow, qtbot, base_project: Path) -> None:
    """'New item' moved up, then Ctrl+Z: it goes back down and stays the item on show (the fields
    showed 'Record', the item that had taken its place)."""
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    items = window.findChild(QListWidget, "menuItemsList")
    label = window.findChild(QLineEdit, "labelEdit")
    qtbot.mouseClick(window.findChild(QPushButton, "addItemButton"), Qt.MouseButton.LeftButton)
    up = window.findChild(QPushButton, "moveUpButton")
    qtbot.mouseClick(up, Qt.MouseButton.LeftButton)
    assert items.currentRow() == 0 and label.text() == "New item"
    qtbot.keyClick(up, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [mi.label for mi in window.package.plugins[0].package.menu_items["toolbar"]] == ["Record", "New item"]
    assert items.currentRow() == 1 and label.text() == "New item"
    qtbot.keyClick(items, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert items.currentRow() == 0 and label.text() == "New item"


def test_undoing_a_duplicate_or_an_added_plugin_goes_back_to_the_plugin_on_show(
    window: MainWindow, qtbot, example_project: Path, monkeypatch
) -> None:
    """Ctrl+Z after Duplicate showed the package's overview page: now the plugin that was on show."""
    window.open_path(example_project)
    select_plugin(window, qtbot, 1)
    name = window.findChild(QLineEdit, "nameEdit")
    window.findChild(QAction, "plugin_duplicateAction").trigger()
    assert window.tree.currentItem().text(0) == "Meeting information (copy)"
    window.tree.setFocus()
    qtbot.keySequence(window, "Ctrl+Z")
    window._run_checks()  # (the tree is filled again after the checks, as after a pause)
    assert window.tree.currentItem().text(0) == "Meeting information"
    assert window.stack.currentWidget() is window.plugin_page and name.text() == "Meeting information"
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Second", True))
    select_plugin(window, qtbot, 2)
    window.findChild(QAction, "plugin_addAction").trigger()
    assert window.tree.currentItem().text(0) == "Second"
    window.tree.setFocus()
    qtbot.keySequence(window, "Ctrl+Z")
    window._run_checks()
    assert window.tree.currentItem().text(0) == "Raise hand helper" and name.text() == "Raise hand helper"


def test_typing_on_after_ctrl_z_goes_where_the_undone_typing_was(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """After Ctrl+Z the description box's cursor went to its start (the name field's to its end),
    so the next letters landed far from where the user was typing."""
    from PySide6.QtGui import QTextCursor

    window.open_path(example_project)
    select_plugin(window, qtbot, 0)
    description = window.findChild(QPlainTextEdit, "descriptionEdit")
    before = description.toPlainText()
    description.setFocus()
    description.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(description, " More")
    qtbot.keyClick(description, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(description, " Less")
    assert description.toPlainText() == before + " Less"
    name = window.findChild(QLineEdit, "nameEdit")
    name.setFocus()
    name.setCursorPosition(4)
    qtbot.keyClicks(name, "XY")
    qtbot.keyClick(name, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(name, "Z")
    assert name.text() == "LockZ toggle" and window.package.plugins[0].package.name == "LockZ toggle"
    select_plugin(window, qtbot, 1)
    label = window.findChild(QLineEdit, "labelEdit")
    label.setFocus()
    label.setCursorPosition(7)
    qtbot.keyClicks(label, "XY")
    qtbot.keyClick(label, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(label, "Z")
    assert label.text() == "MeetingZ information"


def test_redo_selects_the_plugin_or_menu_item_it_brings_back(
    window: MainWindow, qtbot, base_project: Path, monkeypatch
) -> None:
    """Redo of 'Add plugin' left the tree on the plugin shown before, and redo of 'Add menu item'
    left the list on another item: now the one that comes back is selected, as after the add."""
    from PySide6.QtWidgets import QInputDialog

    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    items = window.findChild(QListWidget, "menuItemsList")
    label = window.findChild(QLineEdit, "labelEdit")
    qtbot.mouseClick(window.findChild(QPushButton, "addItemButton"), Qt.MouseButton.LeftButton)
    assert items.currentRow() == 1 and label.text() == "New item"
    items.setFocus()
    qtbot.keySequence(window, "Ctrl+Z")
    assert items.count() == 1 and label.text() == "Record"
    qtbot.keySequence(window, "Ctrl+Shift+Z")
    assert items.count() == 2 and items.currentRow() == 1 and label.text() == "New item"
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Second", True))
    window.findChild(QAction, "plugin_addAction").trigger()
    assert window.tree.currentItem().text(0) == "Second"
    window.tree.setFocus()
    qtbot.keySequence(window, "Ctrl+Z")
    window._run_checks()  # (the tree is filled again after the checks, as after a pause)
    assert window.tree.currentItem().text(0) == "Record"
    qtbot.keySequence(window, "Ctrl+Shift+Z")
    window._run_checks()
    assert window.tree.currentItem().text(0) == "Second"
    assert window.findChild(QLineEdit, "nameEdit").text() == "Second"


def test_undoing_an_added_plugin_whose_file_is_open_shows_the_plugin_on_show_before(
    window: MainWindow, qtbot, base_project: Path, monkeypatch
) -> None:
    """A plugin added, its source opened in the editor, Ctrl+Z: the package overview page came up.
    Now the plugin that was on show before the add."""
    from PySide6.QtWidgets import QInputDialog

    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Second", True))
    window.findChild(QAction, "plugin_addAction").trigger()
    added = window.tree.currentItem()
    source = next(added.child(i) for i in range(added.childCount()) if added.child(i).text(0).endswith(".js"))
    window.tree.setCurrentItem(source)
    assert window.stack.currentWidget() is window.source_pane
    window.tree.setFocus()
    qtbot.keySequence(window, "Ctrl+Z")
    window._run_checks()
    assert [p.display_name for p in window.package.plugins] == ["Record"]
    assert window.tree.currentItem().text(0) == "Record"
    assert window.stack.currentWidget() is window.plugin_page


def _choose_from_context_menu(qtbot, field, name: str) -> list[str]:
    """Right-click ``field`` and choose the entry whose text starts with ``name``; return the
    menu's entries as shown."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMenu

    shown: list[str] = []

    def choose() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):  # (not open yet: the field opens it when its events come)
            QTimer.singleShot(10, choose)
            return
        shown.extend(a.text() for a in menu.actions() if not a.isSeparator())
        action = next(a for a in menu.actions() if a.text().replace("&", "").startswith(name))
        assert action.isEnabled()
        action.trigger()
        menu.close()

    from PySide6.QtGui import QContextMenuEvent

    QTimer.singleShot(0, choose)
    # What the windowing system sends on a right-click (offscreen Qt sends none for a mouse click).
    target = field.viewport() if isinstance(field, QPlainTextEdit) else field
    QApplication.sendEvent(
        target, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(10, 8), target.mapToGlobal(QPoint(10, 8)))
    )
    qtbot.waitUntil(lambda: bool(shown))
    return shown


def test_a_fields_right_click_undo_and_redo_are_the_windows(window: MainWindow, qtbot, base_project: Path) -> None:
    """The right-click menu's Undo in the name field or the description box was the field's own:
    it put the old text back as one more step of the window ("Change name … to 'Record'"), which
    Edit ▸ Undo then had to take back too. Now it undoes the window's last step, as Ctrl+Z does."""
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    name = window.findChild(QLineEdit, "nameEdit")
    stack = window.editor.undo_stack
    retype(qtbot, name, "Tape")
    assert window.package.plugins[0].display_name == "Tape" and stack.count() == 1
    menu = _choose_from_context_menu(qtbot, name, "Undo")
    assert "Cut" in " ".join(menu).replace("&", "")  # the field's other entries are still there
    assert window.package.plugins[0].display_name == "Record" and name.text() == "Record"
    assert stack.index() == 0 and stack.count() == 1  # undone, not one more step
    _choose_from_context_menu(qtbot, name, "Redo")
    assert window.package.plugins[0].display_name == "Tape" and stack.index() == 1
    description = window.findChild(QPlainTextEdit, "descriptionEdit")
    before = window.package.plugins[0].package.description
    description.setFocus()
    qtbot.keyClicks(description, " More.")
    assert window.package.plugins[0].package.description != before and stack.count() == 2
    _choose_from_context_menu(qtbot, description, "Undo")
    assert window.package.plugins[0].package.description == before and description.toPlainText() == (before or "")
    assert stack.index() == 1 and stack.count() == 2


def test_a_letter_typed_and_taken_back_leaves_no_undo_step_when_typing_goes_on_elsewhere(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    editor = open_in_editor(window, example_project, "plugins/lock-toggle/lock-toggle.plugin.js")
    before = editor.toPlainText()
    editor.setFocus()
    qtbot.keyClick(editor, "a")
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    # On at once, before the typing pauses: the arrow starts a new run of typing (a step of its own).
    qtbot.keyClick(editor, Qt.Key.Key_Down)
    qtbot.keyClicks(editor, "b")
    qtbot.wait(400)  # (the typing pauses)
    undo = window.findChild(QAction, "undoAction")
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == before and not window.isWindowModified()
    assert not undo.isEnabled()  # no second step that changes nothing
    # The same when the keyboard goes to a form field and types there.
    qtbot.keyClick(editor, "a")
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("plugin", 0)))
    name = window.plugin_page.form.name
    name.setFocus()
    qtbot.keyClicks(name, "x")
    qtbot.keyClick(name, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not window.isWindowModified() and not undo.isEnabled()


def test_menu_items_changed_while_another_file_was_on_show_are_listed_when_the_plugin_is_shown_again(
    window: MainWindow, qtbot, base_project: Path
) -> None:
    """Items added, one moved and another removed, then two Ctrl+Z while settings.json is on show:
    back on the plugin, its list shows the items (it stopped with a StopIteration, the list stale)."""
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    items = window.findChild(QListWidget, "menuItemsList")
    add = window.findChild(QPushButton, "addItemButton")
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.findChild(QPushButton, "moveUpButton"), Qt.MouseButton.LeftButton)
    items.setCurrentRow(0)
    qtbot.mouseClick(window.findChild(QPushButton, "removeItemButton"), Qt.MouseButton.LeftButton)
    assert [items.item(i).text() for i in range(items.count())] == ["New item  →  action2", "New item  →  action1"]
    tree = window.findChild(QTreeWidget, "projectTree")
    tree.setCurrentItem(window._find_tree_item(tree.topLevelItem(0), ("file", "settings.json")))
    tree.setFocus()
    for _ in range(2):
        qtbot.keyClick(tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    select_plugin(window, qtbot, 0)
    actions = [mi.action for mi in window.package.plugins[0].package.menu_items["toolbar"]]
    assert [items.item(i).text().rsplit("→  ", 1)[-1] for i in range(items.count())] == actions
    assert len(actions) == 3


def test_a_label_left_to_the_plugin_is_said_in_the_forms_words_everywhere(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """The list's row said "(label set at run time)" beside a tick box "Set by the plugin while it
    runs" and an Icon box "(set by the plugin while it runs)": three names for one thing. The icon
    editor's "Used by" put the words in quotes, as if the label were that text."""
    window.open_path(example_project)
    select_plugin(window, qtbot, 0)  # Lock toggle: its label and icon are set while it runs
    row = window.findChild(QListWidget, "menuItemsList").item(0).text()
    assert row == "(set by the plugin while it runs)  →  toggleLock"
    assert window.findChild(QComboBox, "iconCombo").currentText() == "(set by the plugin while it runs)"
    assert window.findChild(QCheckBox, "labelRuntimeCheck").text().lower() in row.lower()
    select_plugin(window, qtbot, 1)  # Meeting information: an icon of its own, the label as typed
    tick(qtbot, window.findChild(QCheckBox, "labelRuntimeCheck"))
    window.tree.setCurrentItem(
        window._find_tree_item(window.tree.topLevelItem(0), ("file", "plugins/meeting-info/info.svg"))
    )
    users = window.findChild(QLabel, "iconUsers")
    qtbot.waitUntil(lambda: "Used by" in users.text())
    assert "Conference menu (set by the plugin while it runs) of Meeting information" in users.text()
    window.editor.undo_stack.setClean()


def test_typing_at_the_end_of_a_description_keeps_its_special_spaces_and_line_breaks(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    """The description box gave back its text with every no-break space turned into a space (the
    French "Démarrer : …" then broke before its colon in Settings > Plugins), CRLF and U+2028
    turned into LF: a letter typed at its end rewrote the rest of it too."""
    from PySide6.QtGui import QTextCursor

    project = tmp_path / "p"
    shutil.copytree(FIXTURES / "base", project)
    path = project / "webapp2" / "plugins" / "rec" / "rec.plugin.package.json"
    written = '"D\\u00e9marrer\\u00a0: l\\u2019enregistrement\\r\\nArr\\u00eater\\u2028\\tfin"'
    text = path.read_text().replace('"Start and stop recording"', written)
    path.write_text(text)
    window.open_path(project)
    select_plugin(window, qtbot, 0)
    description = window.findChild(QPlainTextEdit, "descriptionEdit")
    description.setFocus()
    description.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(description, " !")
    window.save()
    typed = "Démarrer\u00a0: l’enregistrement\r\nArrêter\u2028\tfin !"
    assert json.loads(path.read_text())["description"] == typed
    # (As escapes, as the file writes its other accents: see test_added_keys_keep_layout.)
    assert path.read_text() == text.replace(written, json.dumps(typed))
    window.editor.undo_stack.undo()
    window.save()
    assert path.read_text() == text  # as it was, escapes and all


def test_a_field_shown_for_another_item_starts_at_the_start_of_its_text(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """A label longer than its field showed its end ("eeting information") when its plugin was
    chosen: the cursor was put where the text differed from the last item's, at its end."""
    window.open_path(example_project)
    select_plugin(window, qtbot, 1)
    label = window.findChild(QLineEdit, "labelEdit")
    window.tree.setFocus()
    select_plugin(window, qtbot, 0)
    select_plugin(window, qtbot, 1)
    assert label.text() == "Meeting information" and not label.hasFocus()
    assert label.cursorPosition() == 0


def test_letting_the_plugin_set_a_buttons_icon_is_named_as_the_label_tick_box_names_it(
    window: MainWindow, qtbot, base_project: Path
) -> None:
    """Edit ▸ Undo said "Change icon of 'Record' to set by the plugin while it runs"."""
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    icon = window.findChild(QComboBox, "iconCombo")
    assert window.findChild(QComboBox, "placementCombo").currentData() == "toolbar"
    _arrow(qtbot, icon, Qt.Key.Key_Up, 1)
    assert window.findChild(QAction, "undoAction").text() == (
        "&Undo Let 'Record' set the icon of 'Record' while it runs"
    )


def test_a_second_paragraph_typed_in_the_description_is_named_as_a_change_of_the_description(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """Edit ▸ Undo read "Undo Second paragraph …'" after a line break was typed in the description
    (Qt takes the part of a step's name after a line break as the menu's words), and Undo History
    listed the whole first paragraph: the step's name quoted the whole description."""
    window.open_path(example_project)
    select_plugin(window, qtbot, 1)
    description = window.findChild(QPlainTextEdit, "descriptionEdit")
    description.setFocus()
    qtbot.keyClick(description, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(description, Qt.Key.Key_Return)
    qtbot.keyClicks(description, "Second paragraph.")
    undo = window.findChild(QAction, "undoAction").text()
    assert undo.startswith("&Undo Change description of 'Meeting information' to 'Shows a short")
    assert "\n" not in window.editor.undo_stack.text(0) and len(undo) < 120
    assert "Second paragraph." in window.package.plugins[1].package.description  # the text itself whole


def test_a_label_on_two_lines_is_named_whole_by_edit_undo(window: MainWindow, qtbot, example_project: Path) -> None:
    """A menu item whose label in the package file holds a line break ("Meeting\\ninformation"), or
    one pasted so, made Edit ▸ Undo read "Undo information' to 'Info'" after the label was retyped:
    Qt takes what follows a line break in a step's name as the menu's words."""
    pkg = example_project / "webapp2/plugins/meeting-info/meeting-info.plugin.package.json"
    text = pkg.read_text()
    pkg.write_text(text.replace('"label": "Meeting information"', '"label": "Meeting\\ninformation"'))
    window.open_path(example_project)
    select_plugin(window, qtbot, 1)
    retype(qtbot, window.findChild(QLineEdit, "labelEdit"), "Info")
    assert window.findChild(QAction, "undoAction").text() == "&Undo Change label of 'Meeting information' to 'Info'"
    assert window.editor.undo_stack.text(0) == "Change label of 'Meeting information' to 'Info'"  # (Undo History)


def test_a_line_break_pasted_into_a_one_line_field_does_not_reach_the_file(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """A label copied with its line break ("Record⏎", a line of a document) was written to the
    package file as "Record\\n", and a name pasted from two lines kept the break between them:
    the fields are one line, and the app shows these texts on one. A break inside becomes a
    space; one at either end goes."""
    window.open_path(example_project)
    select_plugin(window, qtbot, 1)
    for field, pasted in (("labelEdit", "Record\n"), ("nameEdit", "Meeting\r\ninfo")):
        edit = window.findChild(QLineEdit, field)
        QApplication.clipboard().setText(pasted)
        edit.setFocus()
        edit.selectAll()
        qtbot.keySequence(edit, "Ctrl+V")
    plugin = window.package.plugins[1].package
    assert plugin.menu_items["conference"][0].label == "Record"
    assert plugin.name == "Meeting info"
    assert window.findChild(QLineEdit, "nameEdit").cursorPosition() == len("Meeting info")


def _checks_done(window: MainWindow) -> bool:
    return not window._recheck.isActive() and window.background_checks is None and window.source_analysis is None


@pytest.mark.parametrize("field_name", ["idEdit", "actionEdit"])
def test_typing_in_a_field_recorded_when_left_outlasts_the_checks(
    window: MainWindow, qtbot, example_project: Path, field_name: str
) -> None:
    """The Id and Action fields record their text when left. Typed into just after another edit
    (the name, then Tab to the Id), the checks that edit started showed the form again when they
    finished, a moment later: the field went back to the old id and the typing was gone."""
    window.open_path(example_project)
    select_plugin(window, qtbot, 0)
    window.plugin_page.items.list.setCurrentRow(0)
    name = window.findChild(QLineEdit, "nameEdit")
    name.setFocus()
    name.end(False)
    qtbot.keyClicks(name, " X")
    field = window.findChild(QLineEdit, field_name)
    old = field.text()
    field.setFocus()
    field.end(False)
    qtbot.keyClicks(field, "Now")
    assert window._recheck.isActive()  # (the name's checks are still to come)
    qtbot.waitUntil(lambda: _checks_done(window))
    assert field.text() == old + "Now" and field.isModified()
    qtbot.keyClick(field, Qt.Key.Key_Tab)  # left: recorded
    plugin = window.package.plugins[0]
    recorded = plugin.package.id if field_name == "idEdit" else plugin.package.menu_items["toolbar"][0].action
    assert recorded == old + "Now"
    window.editor.undo_stack.setClean()


def test_add_plugin_with_a_name_pasted_from_two_lines_names_it_on_one_line(
    window: MainWindow, example_project: Path, monkeypatch
) -> None:
    """A name pasted into Add Plugin…'s box with its line break ("Lay⏎out") went into the package
    as "Lay\\nout", shown on one line everywhere: the break is a space, as in the plugin's form."""
    from PySide6.QtWidgets import QInputDialog

    window.open_path(example_project)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Lay\nout\r\n", True))
    window.findChild(QAction, "plugin_addAction").trigger()
    assert window.package.plugins[-1].display_name == "Lay out"
    assert window.findChild(QLineEdit, "nameEdit").text() == "Lay out"
    assert "'Lay out'" in window.status.text()


def test_a_new_project_that_fails_half_way_leaves_nothing_behind(tmp_path: Path, monkeypatch) -> None:
    """A full disk stopped `new` (or New Project) after a few files; those stayed, the next try was
    refused ("already exists and is not empty") and the folder held a project that did not load.
    Now what was made goes again, and the next try makes the whole project."""
    import errno

    from designer.core import newproject
    from designer.core.model import load

    real, written = newproject.atomic_write, []

    def full_after_two(path: Path, data: bytes) -> None:
        if len(written) == 2:
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        written.append(path)
        real(path, data)

    monkeypatch.setattr(newproject, "atomic_write", full_after_two)
    target = tmp_path / "p"
    with pytest.raises(OSError, match="No space left"):
        newproject.create_project(target)
    assert len(written) == 2 and not target.exists()
    (tmp_path / "q").mkdir()
    (tmp_path / "q" / "notes.txt").write_text("mine")
    written.clear()
    with pytest.raises(OSError):
        newproject.create_project(tmp_path / "q")
    assert [p.name for p in (tmp_path / "q").iterdir()] == ["notes.txt"]  # the user's own file stays
    monkeypatch.setattr(newproject, "atomic_write", real)
    assert load(newproject.create_project(target)).plugins


def _tree_shows(window: MainWindow) -> object:
    return window.tree.currentItem().data(0, Qt.ItemDataRole.UserRole)


def test_undo_and_redo_of_another_plugins_form_edit_go_to_that_plugin(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """A name changed in one plugin's form, another plugin selected, Ctrl+Z: the other plugin's
    form stayed on screen and only the status bar said what was undone. Now the tree and the form
    go to the plugin the undo (and the redo) changed."""
    window.open_path(example_project)
    select_plugin(window, qtbot, 1)
    name = window.findChild(QLineEdit, "nameEdit")
    retype(qtbot, name, "Meeting details")
    QApplication.processEvents()  # (the window idles between the user's actions)
    select_plugin(window, qtbot, 0)
    window.tree.setFocus()
    qtbot.keySequence(window, "Ctrl+Z")
    assert _tree_shows(window) == ("plugin", 1)
    assert window.stack.currentWidget() is window.plugin_page and name.text() == "Meeting information"
    select_plugin(window, qtbot, 2)
    window.tree.setFocus()
    qtbot.keySequence(window, "Ctrl+Shift+Z")
    assert _tree_shows(window) == ("plugin", 1)
    assert window.stack.currentWidget() is window.plugin_page and name.text() == "Meeting details"


def test_redo_of_a_new_icon_shows_the_icon_again(window: MainWindow, qtbot, example_project: Path, monkeypatch) -> None:
    """Plugin ▸ New Icon, Ctrl+Z, another plugin selected, Ctrl+Shift+Z: the icon came back in
    the tree but the other plugin's form stayed on screen. Now the new icon is shown, as after
    the add."""
    from PySide6.QtWidgets import QInputDialog

    window.open_path(example_project)
    select_plugin(window, qtbot, 0)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Star", True))
    window.findChild(QAction, "plugin_new_iconAction").trigger()
    added = _tree_shows(window)
    assert added[0] == "file" and added[1].endswith("star.svg")
    assert window.stack.currentWidget() is window.icon_pane
    QApplication.processEvents()
    window.tree.setFocus()
    qtbot.keySequence(window, "Ctrl+Z")
    assert not window.package.exists(added[1])
    select_plugin(window, qtbot, 2)
    window.tree.setFocus()
    qtbot.keySequence(window, "Ctrl+Shift+Z")
    assert _tree_shows(window) == added
    assert window.stack.currentWidget() is window.icon_pane


def test_undo_of_typing_in_another_file_shows_that_file(window: MainWindow, qtbot, example_project: Path) -> None:
    """Code typed in one plugin's source, another plugin selected, Ctrl+Z: the typing was taken
    back out of sight. Now the source comes on show, with the text as it was."""
    rel = "plugins/lock-toggle/lock-toggle.plugin.js"
    editor = open_in_editor(window, example_project, rel)
    before = editor.toPlainText()
    editor.setFocus()
    qtbot.keyClicks(editor, "ab")
    QApplication.processEvents()
    select_plugin(window, qtbot, 1)
    window.tree.setFocus()
    qtbot.keySequence(window, "Ctrl+Z")
    assert _tree_shows(window) == ("file", rel)
    assert window.stack.currentWidget() is window.source_pane and editor.toPlainText() == before


def test_undo_of_a_change_on_show_leaves_the_keyboard_where_it_is(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """The place of a step is gone to only when it is not on show: undo in the form it changed
    keeps the keyboard in its field."""
    window.open_path(example_project)
    select_plugin(window, qtbot, 1)
    name = window.findChild(QLineEdit, "nameEdit")
    retype(qtbot, name, "Meeting details")
    name.setFocus()
    qtbot.keyClick(name, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert name.text() == "Meeting information" and QApplication.focusWidget() is name
    assert _tree_shows(window) == ("plugin", 1)


def test_undo_of_a_plugin_move_made_while_another_is_on_show_goes_to_the_moved_plugin(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """Lock toggle moved down, another plugin selected, Ctrl+Z: the tree reordered out of sight
    and stayed on the other plugin. Now it shows Lock toggle back in its place, and so does redo."""
    window.open_path(example_project)
    select_plugin(window, qtbot, 0)
    name = window.findChild(QLineEdit, "nameEdit")
    window.findChild(QAction, "plugin_downAction").trigger()
    QApplication.processEvents()
    select_plugin(window, qtbot, 2)
    window.tree.setFocus()
    qtbot.keySequence(window, "Ctrl+Z")
    assert [p.entry.id for p in window.package.plugins][0] == "lock-toggle"
    assert _tree_shows(window) == ("plugin", 0) and name.text() == "Lock toggle"
    select_plugin(window, qtbot, 2)
    window.tree.setFocus()
    qtbot.keySequence(window, "Ctrl+Shift+Z")
    assert _tree_shows(window) == ("plugin", 1) and name.text() == "Lock toggle"


def test_the_unsaved_changes_question_names_the_project_and_its_files(
    window: MainWindow, qtbot, example_project: Path, monkeypatch
) -> None:
    """ "Save your changes to this package first?" named neither the project nor what was changed:
    with another project about to open (or the window closing), nothing said which one would be
    written, nor that a source typed in or a plugin removed was among the changes."""
    from PySide6.QtWidgets import QMessageBox

    editor = open_in_editor(window, example_project, "plugins/raise-hand-helper/raise-hand-helper.plugin.js")
    editor.textCursor().insertText("// typed\n")
    select_plugin(window, qtbot, 0)
    retype(qtbot, window.findChild(QLineEdit, "nameEdit"), "Lock it")
    asked: list[str] = []

    def answer(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", answer)
    assert not window.open_path(example_project)
    assert asked == [
        "Save your changes to \u201cexample\u201d first?\n\nNot saved yet: plugins/lock-toggle/lock-toggle.plugin.package.json, "
        "plugins/raise-hand-helper/raise-hand-helper.plugin.js. Discard throws these changes away."
    ]


def test_an_items_action_still_shows_after_a_plugin_without_items_was_shown(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """Found by the random user (test_undo_soak): a plugin with no items shown between two looks at
    another plugin's first item left that item's Action field empty, its action still in the file
    (and leaving the field said "An action must be a function name")."""
    window.open_path(example_project)
    select_plugin(window, qtbot, 0)
    window.findChild(QListWidget, "menuItemsList").setCurrentRow(0)
    qtbot.mouseClick(window.findChild(QPushButton, "removeItemButton"), Qt.MouseButton.LeftButton)
    select_plugin(window, qtbot, 1)
    action = window.findChild(QLineEdit, "actionEdit")
    assert action.text() == "showMeetingInfo"
    select_plugin(window, qtbot, 0)
    assert action.text() == ""
    select_plugin(window, qtbot, 1)
    assert action.text() == "showMeetingInfo"


def test_ctrl_z_in_the_id_field_that_takes_its_plugin_away(window: MainWindow, qtbot, example_project: Path) -> None:
    """Found by the random user (test_undo_soak): Ctrl+Z in the Id field of a plugin just duplicated
    took the copy away, and the field, left, recorded its text for a plugin no longer there
    (IndexError)."""
    window.open_path(example_project)
    select_plugin(window, qtbot, 2)
    window.duplicate_plugin()
    assert window.selected_plugin() == 3
    field = window.findChild(QLineEdit, "idEdit")
    field.setFocus()
    qtbot.keySequence(field, "Ctrl+Z")
    window.tree.setFocus()
    assert len(window.package.plugins) == 3
    assert not window.editor.undo_stack.canUndo()


def test_undo_of_an_added_plugin_while_its_source_is_on_show_goes_back_to_the_icon(
    window: MainWindow, qtbot, example_project: Path, monkeypatch
) -> None:
    """Found by the random user (test_undo_soak): an icon on show, a plugin added and its source
    typed in, then two Ctrl+Z: the plugin's form, shown for a moment as the icon editor took the
    source editor back, looked for the plugin just taken away (IndexError, and at times a crash
    of the whole app in PySide's error report)."""
    from PySide6.QtWidgets import QInputDialog

    window.open_path(example_project)
    window.tree.setCurrentItem(
        window._find_tree_item(window.tree.topLevelItem(0), ("file", "plugins/raise-hand-helper/hand.svg"))
    )
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("Abc", True)))
    window.add_plugin()
    js = window.package.plugins[3].source_path
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("file", js)))
    editor = window.source_editor
    editor.setFocus()
    qtbot.keyClicks(editor, "// hi")
    window.tree.setFocus()
    qtbot.keySequence(window, "Ctrl+Z")
    qtbot.keySequence(window, "Ctrl+Z")
    assert len(window.package.plugins) == 3
    assert window.stack.currentWidget() is window.icon_pane
    assert window.tree.currentItem().text(0) == "hand.svg"


def test_an_emptied_action_field_gets_the_action_back(window: MainWindow, qtbot, example_project: Path) -> None:
    """Found by the random user (test_undo_soak): the Action field emptied and Enter pressed (or the
    field left) recorded nothing and said nothing, and went on showing no action over the one the
    file still had."""
    window.open_path(example_project)
    select_plugin(window, qtbot, 0)
    window.findChild(QListWidget, "menuItemsList").setCurrentRow(0)
    field = window.findChild(QLineEdit, "actionEdit")
    for leave in ("enter", "tree"):
        field.setFocus()
        field.selectAll()
        qtbot.keyClick(field, Qt.Key.Key_Delete)
        if leave == "enter":
            qtbot.keyClick(field, Qt.Key.Key_Return)
        else:
            window.tree.setFocus()
        assert field.text() == "toggleLock", leave
    assert window.package.plugins[0].package.menu_items["toolbar"][0].action == "toggleLock"
    assert window.editor.undo_stack.count() == 0


def test_a_refused_action_or_id_goes_back_to_the_file_and_the_reason_stays(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """The Id and Action fields refuse a name the same way: the field shows the value the file
    still has, the note beside it says which name was refused and why, and that note stays while
    the same plugin and item are on show (leaving the field, the checks showing the form again),
    going only with a name taken or another plugin or item shown. The Action field kept the
    refused text (until the form was next shown, when it went back without a word), and the Id's
    reason vanished as soon as the field was left."""
    window.open_path(example_project)
    select_plugin(window, qtbot, 1)
    other_id = window.package.plugins[0].entry.id
    id_field, id_note = window.findChild(QLineEdit, "idEdit"), window.findChild(QLabel, "idNote")
    retype(qtbot, id_field, other_id)
    qtbot.keyClick(id_field, Qt.Key.Key_Tab)  # left after Enter
    assert id_field.text() == "meeting-info" == window.package.plugins[1].package.id
    assert id_note.isVisible() and f"'{other_id}' is the id of" in id_note.text()

    lst = window.findChild(QListWidget, "menuItemsList")
    lst.setCurrentRow(0)
    action, action_note = window.findChild(QLineEdit, "actionEdit"), window.findChild(QLabel, "actionNote")
    kept = window.package.plugins[1].package.menu_items["conference"][0].action
    for refused in ("class", "eval"):
        retype(qtbot, action, refused)
        qtbot.keyClick(action, Qt.Key.Key_Tab)
        assert action.text() == kept == window.package.plugins[1].package.menu_items["conference"][0].action
        assert (
            action_note.isVisible()
            and f"'{refused}'" in action_note.text()
            and "not a JS keyword" in action_note.text()
        )
    assert window.editor.undo_stack.count() == 0

    window.plugin_page.form.refresh()  # as when the checks finish
    window.plugin_page.items.refresh()
    assert id_note.isVisible() and action_note.isVisible() and action.text() == kept

    retype(qtbot, action, kept + "Now")  # a name taken: its reason is gone
    assert (
        not action_note.isVisible()
        and window.package.plugins[1].package.menu_items["conference"][0].action == kept + "Now"
    )
    retype(qtbot, action, "class")
    select_plugin(window, qtbot, 0)  # another plugin: neither old reason is said of it
    assert not id_note.isVisible() and not action_note.isVisible()


def test_undo_and_redo_show_the_item_and_the_field_they_change(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """Undo of a change to the third item's label, made while another item (or another plugin)
    was on show, put the label back with the list on the first item and the page at its top: the
    change happened out of sight, and the form seemed to have undone nothing."""
    from PySide6.QtWidgets import QWidget

    from designer.gui.viewports import viewport_of

    window.resize(1024, 600)
    window.open_path(example_project)
    select_plugin(window, qtbot, 1)
    page, lst = window.plugin_page, window.plugin_page.items.list
    add = window.findChild(QPushButton, "addItemButton")
    for _ in range(2):
        qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    lst.setCurrentRow(2)
    label = window.findChild(QLineEdit, "labelEdit")
    label.setFocus()
    label.selectAll()
    qtbot.keyClicks(label, "Third")
    qtbot.keyClick(label, Qt.Key.Key_Tab)

    def shown(field: QWidget) -> bool:
        view = viewport_of(page)
        return view.rect().contains(field.mapTo(view, field.rect().center()))

    def labels() -> list[str | None]:
        return [mi.label for mi in window.package.plugins[1].package.menu_items["conference"]]

    lst.setCurrentRow(0)
    page.verticalScrollBar().setValue(0)
    window.tree.setFocus()
    qtbot.keySequence(window, "Ctrl+Z")
    assert labels()[2] == "New item"
    assert lst.currentRow() == 2 and label.text() == "New item" and shown(label)
    qtbot.keySequence(window, "Ctrl+Shift+Z")
    assert lst.currentRow() == 2 and label.text() == "Third" == labels()[2]

    select_plugin(window, qtbot, 0)  # from another plugin
    window.tree.setFocus()
    qtbot.keySequence(window, "Ctrl+Z")
    assert page.index == 1 and lst.currentRow() == 2 and label.text() == "New item" and shown(label)
    assert QApplication.focusWidget() is window.tree  # (the keyboard stays where it was)


def test_a_long_name_id_or_label_pasted_keeps_the_undo_item_short(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """A name, an id or a label of a thousand letters (a paragraph pasted by mistake) made Edit ▸
    Undo an item a thousand letters wide, and the status bar's "Undone: …" the same: only the
    version and the description were cut short in a step's name. Now every quoted value is, its
    start and end kept."""
    from PySide6.QtGui import QGuiApplication

    window.open_path(example_project)
    select_plugin(window, qtbot, 1)
    undo = window.findChild(QAction, "undoAction")
    long_text = "b" + "a" * 998 + "z"
    for field in ("nameEdit", "idEdit", "labelEdit", "actionEdit"):
        edit = window.findChild(QLineEdit, field)
        edit.setFocus()
        edit.selectAll()
        QGuiApplication.clipboard().setText(long_text)
        qtbot.keySequence(edit, "Ctrl+V")
        qtbot.keyClick(edit, Qt.Key.Key_Return)
        assert edit.text() == long_text, field
        assert len(undo.text()) < 200 and "'baaa" in undo.text() and "aaz'" in undo.text(), (field, undo.text()[:200])
    window.tree.setFocus()
    qtbot.keySequence(window, "Ctrl+Z")
    assert len(window.status.text()) < 220
    plugin = window.package.plugins[1].package
    assert plugin.name == plugin.id == plugin.menu_items["conference"][0].label == long_text  # (the file: all of it)


def test_a_function_name_pasted_with_spaces_or_a_line_break_around_it_is_taken(
    window: MainWindow, qtbot, base_project: Path
) -> None:
    """A name copied from the code comes with what is around it: a line break (a whole line
    copied), spaces or a tab. Pasted into the Action field, nothing happened, not a word said,
    where the Id and Label fields take the name without them."""
    from PySide6.QtGui import QGuiApplication

    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    action = window.findChild(QLineEdit, "actionEdit")
    for pasted, name in (("startRec\n", "startRec"), ("  stopRec\t", "stopRec"), ("\r\nfunção \n", "função")):
        action.setFocus()
        action.selectAll()
        QGuiApplication.clipboard().setText(pasted)
        qtbot.keySequence(action, "Ctrl+V")
        assert action.text() == name, repr(pasted)
        qtbot.keyClick(action, Qt.Key.Key_Return)
        assert window.package.plugins[0].package.menu_items["toolbar"][0].action == name == action.text()


def test_a_name_of_spaces_only_is_shown_as_no_name(window: MainWindow, qtbot, base_project: Path) -> None:
    """A name emptied to its spaces (or a tab) made the plugin's row in the tree, the page's title
    and the messages blank, where an empty name shows the plugin's id: the row could hardly be
    seen, let alone told from another."""
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    retype(qtbot, window.findChild(QLineEdit, "nameEdit"), "   ")
    assert window.package.plugins[0].package.name == "   "  # (the file: as typed)
    window._run_checks()
    row = window.tree.topLevelItem(0).child(2)
    assert row.text(0) == "rec-1.0" == window.plugin_page.title.text()
    assert window.package.plugins[0].display_name == "rec-1.0"


def test_an_id_typed_with_spaces_around_it_shows_as_written(window: MainWindow, qtbot, base_project: Path) -> None:
    """The id is written without the spaces typed (or pasted) around it, but the field went on
    showing them: the form said ' my-rec ' over a file that says 'my-rec'."""
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    edit = window.findChild(QLineEdit, "idEdit")
    retype(qtbot, edit, " my-rec ")
    assert window.package.plugins[0].package.id == "my-rec" == edit.text()
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert edit.text() == "my-rec"


@pytest.mark.parametrize(
    ("typed", "written"), [("2024_1", "2024_1"), ("١٢", "١٢"), ("0x10", "0x10"), (" 3 ", 3), ("2.50", 2.5)]
)
def test_a_version_only_python_reads_as_a_number_is_kept_as_typed(
    window: MainWindow, qtbot, example_project: Path, typed: str, written: object
) -> None:
    """Python reads more as numbers than JSON writes: '2024_1' typed became the version 20241 and
    '١٢' (Arabic digits) 12, changing what the user typed. Such a version is kept as its text."""
    from PySide6.QtGui import QGuiApplication

    window.open_path(example_project)
    select_plugin(window, qtbot, 0)
    field = window.findChild(QLineEdit, "versionEdit")
    field.setFocus()
    field.selectAll()
    QGuiApplication.clipboard().setText(typed)  # (pasted: a test's keys are Latin-1 only)
    qtbot.keySequence(field, "Ctrl+V")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    version = window.package.plugins[0].package.version
    assert version == written and type(version) is type(written)


def test_why_a_removed_plugins_id_or_action_was_refused_is_not_said_of_the_next(
    window: MainWindow, qtbot, example_project: Path, monkeypatch
) -> None:
    """A plugin removed, the one after it took its place in the list and its page showed the notes
    of the removed one: "'lock-toggle' is the id of 'Lock toggle'" under the next plugin's id."""
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.open_path(example_project)
    select_plugin(window, qtbot, 1)
    retype(qtbot, window.findChild(QLineEdit, "idEdit"), window.package.plugins[0].entry.id)
    retype(qtbot, window.findChild(QLineEdit, "actionEdit"), "class")
    id_note, action_note = window.findChild(QLabel, "idNote"), window.findChild(QLabel, "actionNote")
    assert id_note.isVisible() and action_note.isVisible()
    window.findChild(QAction, "plugin_removeAction").trigger()
    assert window.plugin_page.index == 1 and window.package.plugins[1].display_name == "Raise hand helper"
    assert not id_note.isVisible() and not action_note.isVisible()


def test_a_version_cleared_and_saved_is_a_number_again_when_typed(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """The version keeps the type the file gives it, and clearing the field on the way to a new
    number must not make it a string for good; but a save in between did (the file then said
    "version": ""), and 2.5 typed after it went into the file as the string "2.5"."""
    window.open_path(example_project)
    select_plugin(window, qtbot, 0)
    version = window.findChild(QLineEdit, "versionEdit")
    version.setFocus()
    version.selectAll()
    qtbot.keyClick(version, Qt.Key.Key_Delete)
    assert window.save()
    retype(qtbot, version, "2.5")
    assert window.package.plugins[0].package.version == 2.5
    assert window.save()
    text = (example_project / "webapp2/plugins/lock-toggle/lock-toggle.plugin.package.json").read_text()
    assert '"version": 2.5,' in text


def test_a_long_action_name_keeps_the_form_from_scrolling_sideways(
    window: MainWindow, qtbot, base_project: Path
) -> None:
    """A function name of 255 letters (pasted) went whole into the notes under the Action field
    ("Also renamed function 'record' to '…'", "has no function for '…'") and onto the button beside
    them: a line that cannot wrap, 1,600 px wide, and the whole form scrolled sideways, its labels
    out of sight. The names are cut short there, as in the Problems list."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QGuiApplication

    window.resize(1100, 700)
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    page = window.plugin_page
    action = window.findChild(QLineEdit, "actionEdit")
    sync_note, sync_button = (
        window.findChild(QLabel, "actionSyncNote"),
        window.findChild(QPushButton, "actionSyncButton"),
    )

    def paste_action(name: str) -> None:
        action.setFocus()
        action.selectAll()
        QGuiApplication.clipboard().setText(name)
        qtbot.keySequence(action, "Ctrl+V")
        qtbot.keyClick(action, Qt.Key.Key_Return)
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)

    paste_action("startTheRecording" * 15)  # the code's function follows: "Also renamed …"
    assert sync_note.isVisible() and "Also renamed function 'record' to 'startTheRec" in sync_note.text()
    assert page.horizontalScrollBar().maximum() == 0
    qtbot.mouseClick(window.findChild(QPushButton, "addItemButton"), Qt.MouseButton.LeftButton)
    paste_action("stopTheRecording" * 15)  # no function of that name: "Create the function '…'"
    assert sync_button.isVisible() and sync_button.text().startswith("Create the function 'stopTheRec")
    assert page.horizontalScrollBar().maximum() == 0
    assert window.package.plugins[0].package.menu_items["toolbar"][1].action == "stopTheRecording" * 15
    paste_action("startTheRecording" * 15)  # the first item's: refused, the note says why
    assert window.findChild(QLabel, "actionNote").isVisible()
    assert page.horizontalScrollBar().maximum() == 0


def test_a_long_id_refused_keeps_the_form_from_scrolling_sideways(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """The note on a refused id quoted the id and the other plugin's name whole: an id of 255
    letters, a line that cannot wrap, and the whole form scrolled sideways."""
    from PySide6.QtCore import QEvent

    window.resize(1100, 700)
    window.open_path(example_project)
    select_plugin(window, qtbot, 0)
    long_id = "lock-toggle-" + "x" * 243
    retype(qtbot, window.findChild(QLineEdit, "idEdit"), long_id)
    select_plugin(window, qtbot, 1)
    retype(qtbot, window.findChild(QLineEdit, "idEdit"), long_id)
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    note = window.findChild(QLabel, "idNote")
    assert note.isVisible() and "'lock-toggle-xxx" in note.text() and "each plugin needs its own" in note.text()
    assert window.plugin_page.horizontalScrollBar().maximum() == 0
    assert window.package.plugins[1].package.id == "meeting-info"


def test_control_characters_pasted_into_a_one_line_field_do_not_reach_the_file(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """A name or label pasted from a terminal or a log with an ESC, a bell or a tab in it went into
    the package file as it was: invisible in the form, boxes or garbled text in the app (PD315).
    They go as line breaks do (a tab becomes a space)."""
    window.open_path(example_project)
    select_plugin(window, qtbot, 1)
    for field, pasted in (("labelEdit", "Rec\x1b[0mord"), ("nameEdit", "Meeting\tinfo\x07")):
        edit = window.findChild(QLineEdit, field)
        QApplication.clipboard().setText(pasted)
        edit.setFocus()
        edit.selectAll()
        qtbot.keySequence(edit, "Ctrl+V")
    plugin = window.package.plugins[1].package
    assert plugin.menu_items["conference"][0].label == "Rec[0mord"
    assert plugin.name == "Meeting info"
    assert "PD315" not in [p.code for p in window.problems]


def test_a_pasted_name_of_5000_letters_still_says_what_followed_it(window: MainWindow, qtbot, tmp_path: Path) -> None:
    """A starter plugin renamed by pasting 5,000 letters made the status bar's message as long: the
    bar cut it short, and "…its description, menu item's label, action and code followed" was only
    in its tooltip. The message quotes the name cut short, and says it all."""
    from designer.core.newproject import create_project

    root = tmp_path / "verify-project"
    create_project(root, "Verify project")
    window.open_path(root)
    select_plugin(window, qtbot, 0)
    name = window.findChild(QLineEdit, "nameEdit")
    name.setFocus()
    name.selectAll()
    QApplication.clipboard().setText("Send " + "x" * 5000 + " lobby")
    qtbot.keySequence(name, "Ctrl+V")
    said = window.status.text()
    assert said.startswith("Renamed to 'Send x") and said.endswith("action and code followed."), said
    assert len(said) < 150, len(said)


def test_undo_and_redo_keep_an_ampersand_when_pyside_takes_their_actions_for_deleted(
    window: MainWindow, qtbot, base_project: Path
) -> None:
    """Undo and Redo are actions Qt makes (the undo group's): PySide can mark the Python objects
    kept for them deleted while they live on (see HeldViewport), and the menu then said "Undo
    Change label … 'QA'", Qt's own text with the '&' taken for an Alt+letter. Asked for anew."""
    import shiboken6

    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    for name in ("undoAction", "redoAction"):
        shiboken6.invalidate(window.findChild(QAction, name))
    retype(qtbot, window.findChild(QLineEdit, "labelEdit"), "Q&A")
    assert "'Q&&A'" in window.findChild(QAction, "undoAction").text()
    window.findChild(QAction, "undoAction").trigger()
    assert "'Q&&A'" in window.findChild(QAction, "redoAction").text()
    assert window.findChild(QAction, "undoAction").text() == "&Undo"
