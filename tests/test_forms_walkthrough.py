"""What a new user met adding a "Record" button to a plugin: a new item's icon, one wording for a
missing function, the "No button" placement, and a long name on a Fix button."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QListWidget, QPlainTextEdit, QPushButton, QWidget
from test_editing import retype, select_plugin, tick

from designer.core.newproject import create_project
from designer.gui.main_window import MainWindow

PKG = "plugins/my-plugin/my-plugin.plugin.package.json"


def _codes(window: MainWindow) -> list[str]:
    return [row.text(2) for row in window.problems_view.problem_items()]


def _add_item(window: MainWindow, qtbot) -> None:
    qtbot.mouseClick(window.findChild(QPushButton, "addItemButton"), Qt.MouseButton.LeftButton)


def _choose(qtbot, combo: QComboBox, placement: str | None) -> None:
    """Choose a placement with the keyboard, as a user does, then leave the box."""
    combo.setFocus()
    key = Qt.Key.Key_Down if combo.findData(placement) > combo.currentIndex() else Qt.Key.Key_Up
    while combo.currentData() != placement:
        qtbot.keyClick(combo, key)
    qtbot.keyClick(combo, Qt.Key.Key_Tab)


def test_a_new_toolbar_button_starts_with_the_plugins_icon_and_no_warning(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    """ "Add item" in a toolbar plugin gave the button no icon: its Icon box said "(set by the plugin
    while it runs)" and PD309 warned that it showed empty before the user had done anything. It
    starts with an icon of the plugin (here the one the first button uses), one undo step."""
    root = create_project(tmp_path / "p", "My plugin")
    window.open_path(root)
    select_plugin(window, qtbot, 0)
    qtbot.waitUntil(lambda: window.problems_dock.height() < 60)  # nothing to say yet
    stack = window.editor.undo_stack
    _add_item(window, qtbot)
    assert stack.count() == 1 and stack.undoText() == "Add a menu item to 'My plugin'"
    items = window.package.plugins[0].package.menu_items["toolbar"]
    assert [mi.icon for mi in items] == ["icon.svg#icon", "icon.svg#icon"]
    icon = window.findChild(QComboBox, "iconCombo")
    assert icon.currentText() == "icon.svg#icon" and not icon.itemIcon(icon.currentIndex()).isNull()
    qtbot.waitUntil(lambda: "PD505" in _codes(window))  # the new action has no function yet: that, and only that
    assert _codes(window) == ["PD505"]
    qtbot.keySequence(window, "Ctrl+Z")
    assert len(window.package.plugins[0].package.menu_items["toolbar"]) == 1


def test_a_toolbar_button_of_a_plugin_without_icons_gets_the_starter_star(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    """A plugin with no icon at all (event-only until now) gets the star a new plugin starts with,
    added with the button in one undo step, and saved as a file of the plugin."""
    root = tmp_path / "p"
    webapp2 = create_project(root, "My plugin")
    (webapp2 / "plugins/my-plugin/icon.svg").unlink()
    data = json.loads((webapp2 / PKG).read_text())
    data["menuItems"] = {}
    (webapp2 / PKG).write_text(json.dumps(data, indent=4))
    window.open_path(root)
    select_plugin(window, qtbot, 0)
    _choose(qtbot, window.findChild(QComboBox, "placementCombo"), "toolbar")
    stack = window.editor.undo_stack
    steps = stack.count()
    _add_item(window, qtbot)
    assert stack.count() == steps + 1
    assert window.package.plugins[0].package.menu_items["toolbar"][0].icon == "icon.svg#icon"
    assert window.findChild(QComboBox, "iconCombo").currentText() == "icon.svg#icon"
    qtbot.waitUntil(lambda: "PD505" in _codes(window))
    assert "PD309" not in _codes(window) and "PD400" not in _codes(window)
    qtbot.keySequence(window, "Ctrl+S")
    assert 'id="icon"' in (webapp2 / "plugins/my-plugin/icon.svg").read_text()
    qtbot.keySequence(window, "Ctrl+Z")  # the button and its star go together
    assert not window.package.exists("plugins/my-plugin/icon.svg")
    assert window.package.plugins[0].package.menu_items["toolbar"] == []


def test_a_new_menu_item_needs_no_icon_and_its_box_says_so(window: MainWindow, qtbot, example_project: Path) -> None:
    """A conference menu item shows its label: it starts without an icon, with no warning, and
    its Icon box does not claim that the plugin sets one while it runs."""
    window.open_path(example_project)
    select_plugin(window, qtbot, 1)  # Meeting information: the conference menu
    _add_item(window, qtbot)
    new = window.package.plugins[1].package.menu_items["conference"][-1]
    assert new.icon is None and new.label == "New item"
    assert window.findChild(QComboBox, "iconCombo").currentText() == "(no icon)"
    qtbot.waitUntil(lambda: "PD505" in _codes(window))
    assert _codes(window) == ["PD505"]


def test_the_form_and_the_problems_list_say_the_same_of_a_missing_function(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """The form said the click "would do nothing" and offered "Create function 'x' in the
    source"; PD505 said it "fails" and offered "Create the function x". In webapp2 the app calls
    what the registered object has under the name: nothing there, it throws, and an error in a
    plugin brings up the 'Oops' page. Both say that, and name the fix alike."""
    window.open_path(example_project)
    select_plugin(window, qtbot, 1)
    _add_item(window, qtbot)
    retype(qtbot, window.findChild(QLineEdit, "actionEdit"), "startRecording")
    qtbot.keyClick(window.findChild(QLineEdit, "actionEdit"), Qt.Key.Key_Tab)
    note = window.findChild(QLabel, "actionSyncNote").text()
    form_button = window.findChild(QPushButton, "actionSyncButton")
    effect = "clicking the item throws an error and brings up the app's 'Oops' page"
    assert note == f"meeting-info.plugin.js has no function for 'startRecording': {effect}."
    qtbot.waitUntil(lambda: "PD505" in _codes(window))
    row = next(r for r in window.problems_view.problem_items() if r.text(2) == "PD505")
    assert "so clicking it throws an error and brings up the app's 'Oops' page." in row.text(0)
    fix = window.problems_view.itemWidget(row, 3)
    assert form_button.text() == fix.property("fullTitle") == "Create the function 'startRecording'"
    qtbot.mouseClick(form_button, Qt.MouseButton.LeftButton)
    assert window.editor.undo_stack.undoText() == "Create the function 'startRecording' in meeting-info.plugin.js"
    qtbot.waitUntil(lambda: "PD505" not in _codes(window))


def test_no_button_shows_one_sentence_instead_of_dead_controls(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """With "No button" the greyed empty list, its greyed buttons and the item's fields stayed on
    screen. The page says in one sentence that the plugin has none and how to give it one."""
    window.open_path(example_project)
    select_plugin(window, qtbot, 0)
    combo = window.findChild(QComboBox, "placementCombo")
    area = window.findChild(QWidget, "menuItemsArea")
    dead = [window.findChild(QListWidget, "menuItemsList"), window.findChild(QPushButton, "addItemButton")]
    dead += [window.findChild(QComboBox, "iconCombo"), window.findChild(QLineEdit, "actionEdit")]
    assert all(w.isVisible() for w in dead)
    _choose(qtbot, combo, None)
    explain = window.findChild(QLabel, "placementExplanation")
    assert not area.isVisible() and not any(w.isVisible() for w in dead)
    assert explain.isVisible() and explain.text().startswith("This plugin has no button or menu item")
    assert "choose Toolbar button, Conference menu or Participant menu in 'Appears in'" in explain.text()
    _choose(qtbot, combo, "toolbar")  # its button comes back, and so do the controls
    assert all(w.isVisible() for w in dead)
    assert window.package.plugins[0].package.menu_items["toolbar"][0].action == "toggleLock"


def test_a_long_name_on_a_fix_button_stays_readable(qtbot, example_project: Path) -> None:
    """A Fix title ending in a long name was cut by Qt in the middle of the name ("Create the
    func…rtRecording"), before the column's width was even known. Shortened, the name stays whole
    with the words before it cut short, or keeps its start and end; the tooltip has the title."""
    from conftest import shown

    from designer.core.model import load
    from designer.core.problems import Fix, Problem, Severity
    from designer.gui.panes.problems_pane import ProblemsPane

    name = "startRecordingOfTheWholeMeetingNow"
    title = f"Create the function '{name}'"
    problems = [
        Problem("PD505", Severity.ERROR, "x.js", 1, 1, "A message long enough to wrap. " * 3, fix=Fix("x", title))
    ]
    view = shown(qtbot, ProblemsPane(), 1400, 300)
    view.show_problems(problems, load(example_project))
    button = view.itemWidget(next(view.problem_items()), 3)
    assert button.property("fullTitle") == title and title in button.toolTip()
    seen = set()
    for width in range(300, 1400, 20):
        view.resize(width, 300)
        qtbot.waitUntil(lambda w=width: view.width() == w)
        text = button.text()
        seen.add(text)
        if text in (title, "Fix"):
            continue
        assert text.startswith("Create") and text.endswith("Now'"), text
        shown_name = text[text.index("'") :]
        assert shown_name == f"'{name}'" or (shown_name.startswith("'start") and "…" in shown_name), text
    assert f"Create… '{name}'" in seen or f"Create the… '{name}'" in seen, seen
    assert any(t.count("…") == 2 for t in seen), seen  # and narrower, the name keeps its start and end


def _meeting_info_in_two_placements(window: MainWindow, qtbot, project: Path) -> None:
    """The example's Meeting information with an item in the participant menu too (PD301), on show."""
    pkg = project / "webapp2/plugins/meeting-info/meeting-info.plugin.package.json"
    data = json.loads(pkg.read_text())
    data["menuItems"]["participants"] = [{"icon": "info.svg#info", "label": "About them", "action": "aboutThem"}]
    pkg.write_text(json.dumps(data, indent=4))
    window.open_path(project)
    select_plugin(window, qtbot, 1)


def test_choosing_one_placement_for_a_plugin_with_items_in_two_keeps_every_item(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """A plugin with items in the conference menu and the participant menu (PD301) showed the first
    placement's items only; choosing "Participant menu", as PD301 asks, moved those there and threw
    the participant menu's own item away without a word. Every item goes to the chosen placement
    (its function given what the new place passes), one undo step, which gives both back."""
    _meeting_info_in_two_placements(window, qtbot, example_project)
    qtbot.waitUntil(lambda: "PD301" in _codes(window))
    stack = window.editor.undo_stack
    _choose(qtbot, window.findChild(QComboBox, "placementCombo"), "participants")
    items = window.package.plugins[1].package.menu_items
    assert list(items) == ["participants"]
    assert [mi.label for mi in items["participants"]] == ["Meeting information", "About them"]
    rows = window.findChild(QListWidget, "menuItemsList")
    assert [rows.item(i).text().split()[0] for i in range(rows.count())] == ["Meeting", "About"]
    qtbot.waitUntil(lambda: "PD301" not in _codes(window))
    assert stack.count() == 1
    stack.undo()
    items = window.package.plugins[1].package.menu_items
    assert {sec: [mi.label for mi in lst] for sec, lst in items.items()} == {
        "conference": ["Meeting information"],
        "participants": ["About them"],
    }


def test_items_come_back_again_after_their_return_from_no_button_is_undone(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """ "No button", then "Toolbar button" gave the items back; Ctrl+Z took them away with the
    toolbar, and choosing "Toolbar button" again gave an empty toolbar: the copy kept for coming
    back was used up by the step that had been undone."""
    window.open_path(example_project)
    select_plugin(window, qtbot, 1)
    placement = window.findChild(QComboBox, "placementCombo")
    _choose(qtbot, placement, None)
    _choose(qtbot, placement, "toolbar")
    qtbot.keySequence(window, "Ctrl+Z")
    assert window.package.plugins[1].package.menu_items == {}
    _choose(qtbot, placement, "toolbar")
    items = window.package.plugins[1].package.menu_items["toolbar"]
    assert [mi.label for mi in items] == ["Meeting information"]


def test_a_label_comes_back_again_after_its_return_from_the_plugin_is_undone(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """Ticking "Set by the plugin while it runs" and unticking it gave the label back; after Ctrl+Z
    the greyed field was empty, and unticking again gave "New item": the label kept for coming
    back was used up by the step that had been undone."""
    window.open_path(example_project)
    select_plugin(window, qtbot, 1)
    runtime = window.findChild(QCheckBox, "labelRuntimeCheck")
    tick(qtbot, runtime)
    tick(qtbot, runtime)
    qtbot.keySequence(window, "Ctrl+Z")
    assert window.findChild(QLineEdit, "labelEdit").text() == "Meeting information"  # greyed, what Untick gives
    tick(qtbot, runtime)
    assert window.package.plugins[1].package.menu_items["conference"][0].label == "Meeting information"


def test_items_put_aside_come_back_after_the_plugins_id_is_renamed(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """ "No button", a new id, then "Conference menu" gave an empty menu: the items put aside were
    kept under the plugin's old id."""
    window.open_path(example_project)
    select_plugin(window, qtbot, 1)
    placement = window.findChild(QComboBox, "placementCombo")
    _choose(qtbot, placement, None)
    retype(qtbot, window.findChild(QLineEdit, "idEdit"), "meeting-details")
    _choose(qtbot, placement, "conference")
    items = window.package.plugins[1].package.menu_items["conference"]
    assert [mi.label for mi in items] == ["Meeting information"]


def test_the_form_says_which_items_of_other_placements_it_does_not_list_and_gathers_them_where_shown(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """With items in two placements (PD301) the form listed the first placement's items only: the
    others were nowhere to be seen, and choosing the placement on show did nothing. It says what
    it does not list, and choosing the placement on show gathers every item there."""
    from PySide6.QtWidgets import QLabel

    _meeting_info_in_two_placements(window, qtbot, example_project)
    said = window.findChild(QLabel, "placementExplanation").text()
    assert "It also has 1 participant menu item, not listed here" in said, said
    combo = window.findChild(QComboBox, "placementCombo")
    assert combo.currentData() == "conference"
    combo.showPopup()  # the list opened, and the placement on show chosen again in it
    qtbot.keyClick(combo.view(), Qt.Key.Key_Return)
    items = window.package.plugins[1].package.menu_items
    assert {sec: [mi.label for mi in lst] for sec, lst in items.items()} == {
        "conference": ["Meeting information", "About them"]
    }
    assert "not listed here" not in window.findChild(QLabel, "placementExplanation").text()
    window.editor.undo_stack.undo()
    assert list(window.package.plugins[1].package.menu_items) == ["conference", "participants"]


def test_the_icon_list_offers_no_file_named_in_latin1(window: MainWindow, qtbot, base_project: Path) -> None:
    """An icon an old tool unpacked as b"caf\\xe9.svg" (Latin-1) was offered as 'caf.svg#rec'
    (Qt drops the byte): chosen, the item named a file that is not there. It is not offered: the
    export leaves it out (PD107, which says to rename it)."""
    import os

    folder = os.fsencode(base_project / "webapp2/plugins/rec")
    with open(folder + b"/caf\xe9.svg", "wb") as out:
        out.write((base_project / "webapp2/plugins/rec/rec.svg").read_bytes())
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    icon = window.findChild(QComboBox, "iconCombo")
    offered = [icon.itemText(i) for i in range(icon.count())]
    assert "rec.svg#rec" in offered and not any(text.startswith("caf") for text in offered), offered


def test_a_label_written_as_a_number_shows_as_the_file_holds_it(window: MainWindow, qtbot, base_project: Path) -> None:
    """``"label": 42`` in the package file showed in the form as "(set by the plugin while it runs)",
    the tick box ticked: what the file holds was nowhere. The form shows 42, and the file keeps
    it as it is until the user changes it."""
    pkg = base_project / "webapp2/plugins/rec/rec.plugin.package.json"
    pkg.write_text(pkg.read_text().replace('"label": "Record"', '"label": 42'))
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    rows = window.findChild(QListWidget, "menuItemsList")
    assert rows.item(0).text().startswith("42"), rows.item(0).text()
    assert window.findChild(QLineEdit, "labelEdit").text() == "42"
    assert not window.findChild(QCheckBox, "labelRuntimeCheck").isChecked()
    assert window.save()
    assert '"label": 42,' in pkg.read_text()


def test_a_problem_about_an_item_of_the_other_placement_shows_that_item(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """With items in two placements (PD301) the form lists one placement's items; a problem about
    the other's first item (its action empty) selected row 1 of the placement on show, another
    item, its Action focused. The form shows the other placement's items, that item selected."""
    pkg = example_project / "webapp2/plugins/meeting-info/meeting-info.plugin.package.json"
    data = json.loads(pkg.read_text())
    data["menuItems"]["participants"] = [{"icon": "info.svg#info", "label": "About them", "action": ""}]
    pkg.write_text(json.dumps(data, indent=4))
    window.open_path(example_project)
    view = window.problems_view
    row = next(r for r in view.problem_items() if r.text(2) == "PD102" and "'action' is empty" in r.text(0))
    view.setFocus()
    view.setCurrentItem(row)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    rows = window.findChild(QListWidget, "menuItemsList")
    assert rows.currentItem().text().startswith("About them"), rows.currentItem().text()
    assert window.findChild(QComboBox, "placementCombo").currentData() == "participants"
    assert window.focusWidget() is window.findChild(QLineEdit, "actionEdit")
    said = window.findChild(QLabel, "placementExplanation").text()
    assert "It also has 1 conference menu item, not listed here" in said, said
    assert list(window.package.plugins[1].package.menu_items) == ["conference", "participants"]  # only shown


def test_undo_of_a_change_to_the_other_placements_item_shows_that_item(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """Undo of a change to an item of the placement not on show (PD301) selected the row of the
    same number in the placement on show: the change was undone out of sight."""
    _meeting_info_in_two_placements(window, qtbot, example_project)
    rows = window.findChild(QListWidget, "menuItemsList")
    assert rows.currentItem().text().startswith("Meeting information")

    def relabel(pkg) -> None:
        pkg.plugins[1].package.menu_items["participants"][0].label = "Who they are"

    window.editor.edit("Change label", relabel)
    qtbot.keySequence(window, "Ctrl+Z")
    assert rows.currentItem().text().startswith("About them"), rows.currentItem().text()
    assert window.findChild(QLineEdit, "labelEdit").text() == "About them"


def test_a_name_written_as_a_number_shows_as_the_file_holds_it(window: MainWindow, qtbot, base_project: Path) -> None:
    """``"name": 7`` showed an empty Name, the page titled by the plugin's id. The form shows 7, and
    the file keeps it as it is until the user changes it."""
    pkg = base_project / "webapp2/plugins/rec/rec.plugin.package.json"
    pkg.write_text(pkg.read_text().replace('"name": "Record"', '"name": 7'))
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    assert window.findChild(QLineEdit, "nameEdit").text() == "7"
    assert window.save()
    assert '"name": 7,' in pkg.read_text()


def test_a_version_that_is_no_number_nor_text_shows_as_the_file_writes_it(
    window: MainWindow, qtbot, base_project: Path
) -> None:
    """``"version": true`` showed as "True" (Python's word), a list as Python writes one: the
    Version field shows what the file holds, ``true``."""
    pkg = base_project / "webapp2/plugins/rec/rec.plugin.package.json"
    pkg.write_text(pkg.read_text().replace('"version": 1.0', '"version": true'))
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    assert window.findChild(QLineEdit, "versionEdit").text() == "true"


def test_delete_in_the_list_of_items_removes_the_selected_one(window: MainWindow, qtbot, base_project: Path) -> None:
    """Delete pressed on a selected item of the list did nothing: only the Remove button, a Tab or
    two away, removed it. Delete removes it too, one undo step, the keyboard staying in the list."""
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    _add_item(window, qtbot)
    rows = window.findChild(QListWidget, "menuItemsList")
    rows.setFocus()
    rows.setCurrentRow(0)
    stack = window.editor.undo_stack
    steps = stack.count()
    qtbot.keyClick(rows, Qt.Key.Key_Delete)
    items = window.package.plugins[0].package.menu_items["toolbar"]
    assert [mi.label for mi in items] == ["New item"]
    assert stack.count() == steps + 1 and stack.undoText() == "Remove menu item 'Record' from 'Record'"
    assert rows.hasFocus()


def test_from_name_is_off_while_the_plugin_has_no_name(window: MainWindow, qtbot, base_project: Path) -> None:
    """With the Name empty, "From name" renamed the plugin's id to 'plugin' (in settings.json and the
    source's registerPlugin too): a name made from nothing. It is off until the plugin has a name."""
    pkg = base_project / "webapp2/plugins/rec/rec.plugin.package.json"
    pkg.write_text(pkg.read_text().replace('"name": "Record"', '"name": ""'))
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    derive = window.findChild(QPushButton, "deriveIdButton")
    assert not derive.isEnabled()
    name = window.findChild(QLineEdit, "nameEdit")
    name.setFocus()
    qtbot.keyClicks(name, "Recorder")
    assert derive.isEnabled()
    qtbot.mouseClick(derive, Qt.MouseButton.LeftButton)
    assert window.package.plugins[0].package.id == "recorder"
    for _ in range(len("Recorder")):
        qtbot.keyClick(name, Qt.Key.Key_Backspace)
    assert not derive.isEnabled()


def test_the_problem_of_a_plugin_without_a_name_takes_the_keyboard_to_its_name(
    window: MainWindow, qtbot, base_project: Path
) -> None:
    """PD314 for a package file with no name key went nowhere when activated: no field was focused.
    It goes to the Name, where the name is to be typed."""
    pkg = base_project / "webapp2/plugins/rec/rec.plugin.package.json"
    pkg.write_text(pkg.read_text().replace('    "name": "Record",\n', ""))
    window.open_path(base_project)
    view = window.problems_view
    row = next(r for r in view.problem_items() if r.text(2) == "PD314")
    view.setFocus()
    view.setCurrentItem(row)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.plugin_page
    assert window.focusWidget() is window.findChild(QLineEdit, "nameEdit")


def test_from_name_says_why_it_is_off(window: MainWindow, qtbot, base_project: Path) -> None:
    """Off for a plugin without a name, "From name" still said it makes an id from the name: its
    hover text says to type a name first."""
    pkg = base_project / "webapp2/plugins/rec/rec.plugin.package.json"
    pkg.write_text(pkg.read_text().replace('"name": "Record"', '"name": ""'))
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    derive = window.findChild(QPushButton, "deriveIdButton")
    assert "Type a name first" in derive.toolTip()
    qtbot.keyClicks(window.findChild(QLineEdit, "nameEdit"), "Rec")
    assert derive.toolTip().startswith("Make a safe id from the plugin's name")


def test_typing_a_number_label_or_name_again_writes_it_as_text(window: MainWindow, qtbot, base_project: Path) -> None:
    """A label stored as the number 42 shows as "42": selected and typed again as "42", the edit was
    lost (the file kept the number, PD102 stayed), since the text typed read as the one loaded. The
    same for a name stored as 7. What is typed is text, and is written as text."""
    pkg = base_project / "webapp2/plugins/rec/rec.plugin.package.json"
    pkg.write_text(pkg.read_text().replace('"label": "Record"', '"label": 42').replace('"name": "Record"', '"name": 7'))
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    for field, typed in (("labelEdit", "42"), ("nameEdit", "7")):
        edit = window.findChild(QLineEdit, field)
        edit.setFocus()
        edit.selectAll()
        qtbot.keyClicks(edit, typed)
        assert edit.text() == typed
    assert window.save()
    text = pkg.read_text()
    assert '"label": "42",' in text and '"name": "7",' in text, text
    qtbot.waitUntil(lambda: "PD102" not in _codes(window))


def test_a_label_or_item_that_is_no_text_is_not_shown_as_set_by_the_plugin(
    window: MainWindow, qtbot, base_project: Path
) -> None:
    """A label written as a list (``["Record"]``) and an item written as text (``"record"``) showed
    as "(set by the plugin while it runs)", the tick box ticked and the Label greyed: the file says
    neither. The row shows what the file holds, the Label is there to type into, and ticking the
    box writes null over the list (it kept the list: null read as what was loaded)."""
    pkg = base_project / "webapp2/plugins/rec/rec.plugin.package.json"
    data = json.loads(pkg.read_text())
    first = data["menuItems"]["toolbar"][0]
    data["menuItems"]["toolbar"] = [{**first, "label": ["Record"]}, "record"]
    pkg.write_text(json.dumps(data, indent=4))
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    rows = window.findChild(QListWidget, "menuItemsList")
    label = window.findChild(QLineEdit, "labelEdit")
    runtime = window.findChild(QCheckBox, "labelRuntimeCheck")
    assert [rows.item(i).text().split("  →  ")[0] for i in range(2)] == [
        '["Record"] (not text)',
        '"record" (not an item)',
    ]
    for row in (1, 0):
        rows.setCurrentRow(row)
        assert label.isEnabled() and not runtime.isChecked() and label.text() == ""
    tick(qtbot, runtime)
    assert window.save()
    assert json.loads(pkg.read_text())["menuItems"]["toolbar"][0]["label"] is None


def test_an_item_with_a_very_long_label_still_shows_its_action_in_the_list(
    window: MainWindow, qtbot, base_project: Path
) -> None:
    """A label of 5,000 letters (a paragraph pasted by mistake) made its row 5,000 letters wide: the
    list scrolled sideways and the row's action was out of sight. The row cuts the label short,
    its start and end kept, and the action shows."""
    pkg = base_project / "webapp2/plugins/rec/rec.plugin.package.json"
    pkg.write_text(pkg.read_text().replace('"label": "Record"', '"label": "' + "Start " + "L" * 5000 + ' end"'))
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    rows = window.findChild(QListWidget, "menuItemsList")
    text = rows.item(0).text()
    assert text.startswith("Start L") and text.endswith("L end  →  record") and "…" in text, len(text)
    assert rows.fontMetrics().horizontalAdvance(text) < rows.viewport().width()
    assert not rows.horizontalScrollBar().isVisible()
    assert window.findChild(QLineEdit, "labelEdit").text().endswith(" end")  # (the field holds it all)


def test_a_list_written_as_one_text_shows_no_box_ticked_says_why_and_a_tick_keeps_it(
    window: MainWindow, qtbot, base_project: Path
) -> None:
    """``"platforms": "web"`` and ``"participantRoles": "host"`` (one text, not a list): the app
    reads neither, so it loads the plugin nowhere and for nobody (PD311, the preview's log), but the
    form showed Web app and Hosts ticked. No box is ticked, a note under each row says why, and a
    tick writes the list the text means with the box ticked (the web the file named is kept)."""
    pkg = base_project / "webapp2/plugins/rec/rec.plugin.package.json"
    text = pkg.read_text().replace('["web", "electron", "ios", "android"]', '"web"')
    pkg.write_text(text.replace('["chair"]', '"host"'))
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    boxes = {name: window.findChild(QCheckBox, name) for name in ("platform_web", "platform_ios", "role_chair")}
    assert not any(box.isChecked() for box in boxes.values())
    note = window.findChild(QLabel, "platformsListNote")
    assert note.isVisible() and note.text() == (
        "'Loads in' is the text \"web\" in the file, not a list: the app does not read it, so the "
        "plugin loads nowhere. Write it as a list, or tick a box (the list then keeps Web app)."
    ), note.text()
    assert window.findChild(QLabel, "participantRolesListNote").isVisible()
    assert not window.findChild(QWidget, "formHint").isVisible()  # (the notes say more)
    tick(qtbot, boxes["platform_ios"])
    assert boxes["platform_web"].isChecked() and boxes["platform_ios"].isChecked()
    assert not note.isVisible()
    assert window.save()
    data = json.loads(pkg.read_text())
    assert (data["platforms"], data["participantRoles"]) == (["web", "ios"], "host")


def test_a_list_written_as_names_set_to_true_is_written_as_a_list_with_one_click(
    window: MainWindow, qtbot, base_project: Path
) -> None:
    """``"platforms": {"web": true, "ios": false}``: the form showed no box ticked and only "Tick at
    least one place", nothing about what the file holds. The note says it, and its button writes the
    list PD311's Fix writes, as one undo step named in the form's words."""
    pkg = base_project / "webapp2/plugins/rec/rec.plugin.package.json"
    pkg.write_text(pkg.read_text().replace('["web", "electron", "ios", "android"]', '{"web": true, "ios": false}'))
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    assert not window.findChild(QCheckBox, "platform_web").isChecked()
    note = window.findChild(QLabel, "platformsListNote")
    assert note.isVisible() and "each platform named with true or false" in note.text(), note.text()
    button = window.findChild(QPushButton, "platformsListFix")
    assert button.isVisible() and button.text() == "Write as a list: Web app"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.editor.undo_stack.undoText() == "Write 'Loads in' of 'Record' as a list: Web app"
    assert window.findChild(QCheckBox, "platform_web").isChecked() and not note.isVisible()
    assert window.save()
    assert '"platforms": ["web"],' in pkg.read_text()


def test_items_written_as_a_list_without_a_placement_go_where_the_user_chooses(
    window: MainWindow, qtbot, base_project: Path
) -> None:
    """``"menuItems": [{...}]`` (the items with no placement around them) showed as "No button", and
    choosing Toolbar button there, as PD300 says to, gave an empty toolbar: the item written by
    hand was gone. The form says the file lists it, and choosing a placement puts it there."""
    pkg = base_project / "webapp2/plugins/rec/rec.plugin.package.json"
    data = json.loads(pkg.read_text())
    data["menuItems"] = data["menuItems"]["toolbar"]
    pkg.write_text(json.dumps(data, indent=4))
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    combo = window.findChild(QComboBox, "placementCombo")
    assert combo.currentData() is None
    explain = window.findChild(QLabel, "placementExplanation").text()
    assert "lists 1 item without a placement" in explain, explain
    _choose(qtbot, combo, "toolbar")
    rows = window.findChild(QListWidget, "menuItemsList")
    assert [rows.item(i).text() for i in range(rows.count())] == ["Record  →  record"]
    assert window.save()
    assert json.loads(pkg.read_text())["menuItems"] == {
        "toolbar": [{"icon": "rec.svg#rec", "label": "Record", "action": "record"}]
    }


def test_a_label_with_line_breaks_is_one_line_in_the_list(window: MainWindow, qtbot, base_project: Path) -> None:
    """A label written by hand with line breaks ("Rec\\nord") made its row three lines tall in a
    list whose rows are all one line high, its action under the label; the app shows it on one line."""
    pkg = base_project / "webapp2/plugins/rec/rec.plugin.package.json"
    pkg.write_text(pkg.read_text().replace('"label": "Record"', '"label": "Rec\\nord\\u2028ing"'))
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    rows = window.findChild(QListWidget, "menuItemsList")
    assert rows.item(0).text() == "Rec ord ing  →  record"


def test_items_of_a_placement_the_app_does_not_know_are_not_said_to_be_none(
    window: MainWindow, qtbot, base_project: Path
) -> None:
    """``"menuItems": {"sidebar": [...]}`` showed 'Appears in: No button (works in the background)'
    and "This plugin has no button or menu item" above the very item listed. The form says the
    placement is none the app knows, and choosing one puts the items there."""
    pkg = base_project / "webapp2/plugins/rec/rec.plugin.package.json"
    data = json.loads(pkg.read_text())
    data["menuItems"] = {"sidebar": data["menuItems"]["toolbar"]}
    pkg.write_text(json.dumps(data, indent=4))
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    combo = window.findChild(QComboBox, "placementCombo")
    assert combo.currentIndex() == -1, combo.currentText()
    explain = window.findChild(QLabel, "placementExplanation").text()
    assert explain.startswith("'sidebar' is no placement the app knows"), explain
    _choose(qtbot, combo, "toolbar")
    assert window.save()
    assert json.loads(pkg.read_text())["menuItems"] == {
        "toolbar": [{"icon": "rec.svg#rec", "label": "Record", "action": "record"}]
    }


def test_an_item_without_label_or_action_is_named_by_its_place_in_undo_steps(
    window: MainWindow, qtbot, base_project: Path
) -> None:
    """An item with neither label nor action (written by hand: ``{"icon": ...}``) made the undo
    steps "Move menu item 'None' up" and "Remove menu item 'None' from 'Record'"."""
    pkg = base_project / "webapp2/plugins/rec/rec.plugin.package.json"
    data = json.loads(pkg.read_text())
    data["menuItems"]["toolbar"].append({"icon": "rec.svg#rec"})
    pkg.write_text(json.dumps(data, indent=4))
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    window.findChild(QListWidget, "menuItemsList").setCurrentRow(1)
    stack = window.editor.undo_stack
    qtbot.mouseClick(window.findChild(QPushButton, "moveUpButton"), Qt.MouseButton.LeftButton)
    assert stack.undoText() == "Move menu item 2 up"
    qtbot.mouseClick(window.findChild(QPushButton, "removeItemButton"), Qt.MouseButton.LeftButton)
    assert stack.undoText() == "Remove menu item 1 from 'Record'"


def test_a_long_plugin_name_does_not_push_the_form_sideways(window: MainWindow, qtbot, base_project: Path) -> None:
    """A name of 150 letters made the page's title as wide (in large bold letters): the whole page
    scrolled sideways, its field labels out of sight at the left. The title is cut short with "…"
    to the page's width, the whole name in its tooltip."""
    pkg = base_project / "webapp2/plugins/rec/rec.plugin.package.json"
    name = "Record " + "x" * 150
    pkg.write_text(pkg.read_text().replace('"name": "Record"', f'"name": "{name}"'))
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    page = window.plugin_page
    assert page.title.text() == name
    assert page.widget().minimumSizeHint().width() < page.viewport().width()
    qtbot.waitUntil(lambda: not page.horizontalScrollBar().isVisible())
    assert page.title.toolTip() == name and page.title.width() <= page.viewport().width()


def test_an_icon_that_is_no_reference_shows_as_written_and_choosing_none_writes_null(
    window: MainWindow, qtbot, base_project: Path
) -> None:
    """``"icon": 5`` showed in the Icon box as "(set by the plugin while it runs)", which the file does
    not say; choosing that entry then wrote nothing (null read as what was loaded), and the 5 stayed.
    The box shows what the file holds, and choosing no icon writes null."""
    pkg = base_project / "webapp2/plugins/rec/rec.plugin.package.json"
    pkg.write_text(pkg.read_text().replace('"icon": "rec.svg#rec"', '"icon": 5'))
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    icon = window.findChild(QComboBox, "iconCombo")
    assert icon.currentText() == "5 (not a reference)"
    icon.setFocus()
    qtbot.keyClick(icon, Qt.Key.Key_Up)
    assert icon.currentText() == "(set by the plugin while it runs)"
    assert window.save()
    assert json.loads(pkg.read_text())["menuItems"]["toolbar"][0]["icon"] is None


def test_an_icon_step_of_an_item_without_label_or_action_names_the_item(
    window: MainWindow, qtbot, base_project: Path
) -> None:
    """For an item with neither label nor action the step read "Change icon of '' to 'rec.svg#rec'"."""
    pkg = base_project / "webapp2/plugins/rec/rec.plugin.package.json"
    data = json.loads(pkg.read_text())
    data["menuItems"] = {"conference": [data["menuItems"]["toolbar"][0], {"icon": None}]}
    pkg.write_text(json.dumps(data, indent=4))
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    window.findChild(QListWidget, "menuItemsList").setCurrentRow(1)
    icon = window.findChild(QComboBox, "iconCombo")
    icon.setFocus()
    qtbot.keyClick(icon, Qt.Key.Key_Down)
    assert window.editor.undo_stack.undoText() == "Change icon of menu item 2 to 'rec.svg#rec'"


def test_an_id_written_as_a_number_shows_in_the_id_field_as_written(
    window: MainWindow, qtbot, base_project: Path
) -> None:
    """``"id": 7`` (or a list) showed an empty Id field, as if the file had no id at all: the field
    shows what the file holds, greyed under what is typed, and PD102's Fix gives it the list's id."""
    pkg = base_project / "webapp2/plugins/rec/rec.plugin.package.json"
    pkg.write_text(pkg.read_text().replace('"id": "rec-1.0"', '"id": 7'))
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    field = window.findChild(QLineEdit, "idEdit")
    assert (field.text(), field.placeholderText()) == ("", "7 (not text)")
    qtbot.waitUntil(lambda: "PD102" in _codes(window))
    [problem] = [p for p in window.problems if p.code == "PD102"]
    assert problem.fix is not None
    window.apply_fix(problem.fix)
    qtbot.waitUntil(lambda: field.text() == "rec-1.0")
    assert field.placeholderText() == ""


def test_a_list_written_as_one_unknown_text_is_kept_when_a_box_is_ticked(
    window: MainWindow, qtbot, base_project: Path
) -> None:
    """``"platforms": "mobile"`` (one text the form has no box for: iOS or Android?) showed no box
    ticked, rightly, but ticking iOS then wrote ``["ios"]``: the "mobile" the file named was lost.
    The text is kept, as a value of a list the form has no box for is, and the tick adds to it."""
    pkg = base_project / "webapp2/plugins/rec/rec.plugin.package.json"
    pkg.write_text(pkg.read_text().replace('["web", "electron", "ios", "android"]', '"mobile"'))
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    boxes = [window.findChild(QCheckBox, f"platform_{key}") for key in ("web", "electron", "ios", "android")]
    assert not any(box.isChecked() for box in boxes)
    assert window.findChild(QLabel, "platformsListNote").isVisible()  # ("mobile" is no place the app knows)
    tick(qtbot, boxes[2])
    assert window.editor.undo_stack.undoText() == "Change where 'Record' loads to: mobile, iOS"
    assert window.save()
    assert json.loads(pkg.read_text())["platforms"] == ["mobile", "ios"]


def test_ticking_set_by_the_plugin_on_an_item_written_as_text_writes_a_label_of_null(
    window: MainWindow, qtbot, base_project: Path
) -> None:
    """On an item written as text (``"toolbar": [..., "record"]``), ticking "Set by the plugin while
    it runs" wrote nothing (null read as the label loaded, and the item was kept as the text): the
    box unticked itself. The item becomes one whose label the plugin sets."""
    pkg = base_project / "webapp2/plugins/rec/rec.plugin.package.json"
    data = json.loads(pkg.read_text())
    data["menuItems"]["toolbar"].append("record")
    pkg.write_text(json.dumps(data, indent=4))
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    window.findChild(QListWidget, "menuItemsList").setCurrentRow(1)
    runtime = window.findChild(QCheckBox, "labelRuntimeCheck")
    tick(qtbot, runtime)
    assert runtime.isChecked()
    assert window.save()
    assert json.loads(pkg.read_text())["menuItems"]["toolbar"][1] == {"label": None}
    window.editor.undo_stack.undo()
    assert window.save()
    assert json.loads(pkg.read_text())["menuItems"]["toolbar"][1] == "record"


def test_a_long_label_of_wide_letters_does_not_scroll_a_narrow_list_sideways(
    window: MainWindow, qtbot, base_project: Path
) -> None:
    """Each half of a row was cut at 60 characters, which for wide letters (W; Chinese, Japanese or
    emoji, twice as wide as most Latin ones) is still wider than a narrow list: it scrolled
    sideways, the action out of sight. A row is cut to the list's width, its action kept."""
    from PySide6.QtWidgets import QStyleOptionViewItem

    pkg = base_project / "webapp2/plugins/rec/rec.plugin.package.json"
    pkg.write_text(pkg.read_text().replace('"label": "Record"', '"label": "' + "Wide " + "W" * 200 + '"'))
    window.resize(900, 700)
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    rows = window.findChild(QListWidget, "menuItemsList")
    qtbot.waitUntil(lambda: rows.horizontalScrollBar().maximum() == 0)
    option = QStyleOptionViewItem()
    option.initFrom(rows)
    rows.itemDelegate().initStyleOption(option, rows.model().index(0, 0))
    assert option.text.startswith("Wide W") and option.text.endswith("→  record"), option.text
    assert option.fontMetrics.horizontalAdvance(option.text) < rows.viewport().width()
    window.resize(800, 700)  # narrower still: cut again
    qtbot.waitUntil(lambda: rows.fontMetrics().horizontalAdvance(rows.item(0).text()) < rows.viewport().width())
    assert rows.horizontalScrollBar().maximum() == 0 and rows.item(0).text().endswith("→  record")


def test_an_action_that_is_no_text_shows_as_written(window: MainWindow, qtbot, base_project: Path) -> None:
    """``"action": 5`` showed as "(no action)" in the item's row and an empty Action field, which the
    file does not say (PD102 says it holds a number): both show what the file holds, and an action
    typed over it is written."""
    pkg = base_project / "webapp2/plugins/rec/rec.plugin.package.json"
    pkg.write_text(pkg.read_text().replace('"action": "record"', '"action": 5'))
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    rows = window.findChild(QListWidget, "menuItemsList")
    action = window.findChild(QLineEdit, "actionEdit")
    assert rows.item(0).text() == "Record  →  5 (not text)"
    assert (action.text(), action.placeholderText()) == ("", "5 (not text)")
    retype(qtbot, action, "record")
    qtbot.keyClick(action, Qt.Key.Key_Tab)
    assert rows.item(0).text() == "Record  →  record" and action.placeholderText() == ""
    assert window.save()
    assert json.loads(pkg.read_text())["menuItems"]["toolbar"][0]["action"] == "record"


def test_a_source_or_description_that_is_no_text_shows_as_written(
    window: MainWindow, qtbot, base_project: Path
) -> None:
    """``"srcURL": 5`` and ``"description": 5`` showed empty Source file and Description fields, as
    if the file had neither (the plugin does not load for want of a source): the fields show what
    the file holds, greyed under what is typed."""
    pkg = base_project / "webapp2/plugins/rec/rec.plugin.package.json"
    text = pkg.read_text().replace('"srcURL": "rec.plugin.js"', '"srcURL": 5')
    pkg.write_text(text.replace('"description": "Start and stop recording"', '"description": [5]'))
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    source = window.findChild(QLineEdit, "sourceEdit")
    description = window.findChild(QPlainTextEdit, "descriptionEdit")
    assert (source.text(), source.placeholderText()) == ("", "5 (not text)")
    assert (description.toPlainText(), description.placeholderText()) == ("", "[5] (not text)")
    retype(qtbot, source, "rec.plugin.js")
    assert source.placeholderText() == ""


def test_label_steps_of_an_item_without_label_or_action_name_the_item(
    window: MainWindow, qtbot, base_project: Path
) -> None:
    """For an item with neither label nor action, unticking "Set by the plugin while it runs" made
    the step "Change label of 'Record' to 'New item'", and typing a label "Change label of 'Record'
    to 'S'": 'Record' is the plugin, not the item. Both name the item by its place."""
    pkg = base_project / "webapp2/plugins/rec/rec.plugin.package.json"
    data = json.loads(pkg.read_text())
    data["menuItems"]["toolbar"] += [{}, {"label": ""}]
    pkg.write_text(json.dumps(data, indent=4))
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    rows = window.findChild(QListWidget, "menuItemsList")
    stack = window.editor.undo_stack
    rows.setCurrentRow(1)
    tick(qtbot, window.findChild(QCheckBox, "labelRuntimeCheck"))
    assert stack.undoText() == "Change label of menu item 2 to 'New item'"
    rows.setCurrentRow(2)
    label = window.findChild(QLineEdit, "labelEdit")
    label.setFocus()
    qtbot.keyClicks(label, "S")
    assert stack.undoText() == "Change label of menu item 3 to 'S'"


def test_a_placement_written_as_text_says_so_above_its_empty_list(
    window: MainWindow, qtbot, base_project: Path
) -> None:
    """``"toolbar": "record"`` (the placement's items written as one text) showed 'Toolbar button'
    over an empty list, as if the plugin had no button yet: the form says what the file holds, and
    the item added there takes its place."""
    pkg = base_project / "webapp2/plugins/rec/rec.plugin.package.json"
    data = json.loads(pkg.read_text())
    data["menuItems"] = {"toolbar": "record"}
    pkg.write_text(json.dumps(data, indent=4))
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    explain = window.findChild(QLabel, "placementExplanation").text()
    assert 'holds "record" in its place, not a list of items' in explain, explain
    _add_item(window, qtbot)
    assert "not a list" not in window.findChild(QLabel, "placementExplanation").text()
    assert window.save()
    assert isinstance(json.loads(pkg.read_text())["menuItems"]["toolbar"], list)


def test_the_list_still_cuts_its_rows_when_pyside_takes_its_viewport_for_deleted(
    window: MainWindow, qtbot, base_project: Path
) -> None:
    """PySide can hand a viewport the Python object of a dead widget that had its address, and mark
    it deleted later (see HeldViewport): the next check's refresh of the list raised "Internal C++
    object already deleted" in the middle of showing a plugin. The list asks for it again."""
    import shiboken6

    pkg = base_project / "webapp2/plugins/rec/rec.plugin.package.json"
    pkg.write_text(pkg.read_text().replace('"label": "Record"', '"label": "' + "Wide " + "W" * 200 + '"'))
    window.resize(900, 700)
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    rows = window.findChild(QListWidget, "menuItemsList")
    qtbot.waitUntil(lambda: rows.horizontalScrollBar().maximum() == 0)
    shiboken6.invalidate(rows.viewport())  # what PySide does to an object it took for another's
    window.resize(800, 700)  # narrower: each row cut again, to the width of the viewport asked anew
    qtbot.waitUntil(lambda: rows.fontMetrics().horizontalAdvance(rows.item(0).text()) < rows.viewport().width())
    retype(qtbot, window.findChild(QLineEdit, "labelEdit"), "Short")
    assert rows.item(0).text() == "Short  →  record"


def test_an_item_without_label_or_action_is_named_by_its_place_when_its_label_is_left_to_the_plugin(
    window: MainWindow, qtbot, base_project: Path
) -> None:
    """Ticking "Set by the plugin while it runs" on an item with neither label nor action (written by
    hand: ``{"icon": ..., "label": ""}``) made the step "Let 'Record' set the label of 'its item'
    while it runs" (and choosing no icon "... set the icon of 'its item'"), quoting words that name
    nothing, where every other step names it "menu item 2"."""
    pkg = base_project / "webapp2/plugins/rec/rec.plugin.package.json"
    data = json.loads(pkg.read_text())
    data["menuItems"]["toolbar"].append({"icon": "rec.svg#rec", "label": ""})
    pkg.write_text(json.dumps(data, indent=4))
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    window.findChild(QListWidget, "menuItemsList").setCurrentRow(1)
    tick(qtbot, window.findChild(QCheckBox, "labelRuntimeCheck"))
    assert window.editor.undo_stack.undoText() == "Let 'Record' set the label of menu item 2 while it runs"
    icon = window.findChild(QComboBox, "iconCombo")  # (its icon too, "set the icon of 'its item'")
    icon.setFocus()
    key = Qt.Key.Key_Down if icon.findData(None) > icon.currentIndex() else Qt.Key.Key_Up
    while icon.currentData() is not None:
        qtbot.keyClick(icon, key)
    assert window.editor.undo_stack.undoText() == "Let 'Record' set the icon of menu item 2 while it runs"
    window.findChild(QListWidget, "menuItemsList").setCurrentRow(0)
    tick(qtbot, window.findChild(QCheckBox, "labelRuntimeCheck"))
    assert window.editor.undo_stack.undoText() == "Let 'Record' set the label of 'Record' while it runs"


def test_the_keyboard_stays_on_the_row_written_as_a_list(window: MainWindow, qtbot, base_project: Path) -> None:
    """Pressed with the keyboard, "Write as a list" under 'Loads in' hid itself with its note, and Qt
    gave the keyboard to the next control still on: Hosts, under 'Available to', where the next
    Space unticked it. The keyboard goes to the first box ticked in the row just written."""
    pkg = base_project / "webapp2/plugins/rec/rec.plugin.package.json"
    pkg.write_text(pkg.read_text().replace('["web", "electron", "ios", "android"]', '"ios"'))
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    button = window.findChild(QPushButton, "platformsListFix")
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    ios = window.findChild(QCheckBox, "platform_ios")
    assert ios.isChecked() and not button.isVisible()
    qtbot.waitUntil(lambda: ios.hasFocus())


def test_the_tick_hint_stays_for_an_empty_row_beside_a_list_written_as_text(
    window: MainWindow, qtbot, base_project: Path
) -> None:
    """With ``"platforms": "web"`` (its note says why no box is ticked) and ``"participantRoles": []``,
    the hint "Tick at least one place and one group" went, as if the note said it all: nothing said
    that nobody gets the plugin. The hint stays while a row has no box ticked and no note."""
    pkg = base_project / "webapp2/plugins/rec/rec.plugin.package.json"
    text = pkg.read_text().replace('["web", "electron", "ios", "android"]', '"web"')
    pkg.write_text(text.replace('["chair"]', "[]"))
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    assert window.findChild(QLabel, "platformsListNote").isVisible()
    assert window.findChild(QWidget, "formHint").isVisible()


def test_a_switch_written_as_text_says_beside_the_box_what_the_app_does(
    window: MainWindow, qtbot, base_project: Path
) -> None:
    """``"allowUnload": "true"`` (in quotes) showed 'Users may switch it off' unticked with no word in
    the form; only the Problems dock said why. A note under the switches says what the file holds
    and that the app takes it for false, its button writes true as one undo step, and an undo
    brings the note back."""
    pkg = base_project / "webapp2/plugins/rec/rec.plugin.package.json"
    pkg.write_text(pkg.read_text().replace('"allowUnload": true', '"allowUnload": "true"'))
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    box = window.findChild(QCheckBox, "allowUnloadCheck")
    note = window.findChild(QLabel, "allowUnloadSwitchNote")
    assert not box.isChecked()
    assert note.isVisible() and note.text() == (
        "'Users may switch it off' is the text \"true\" in the file, not true or false: the app takes it for "
        "false, so users cannot switch the plugin off. Write true, as it means, or tick the box."
    ), note.text()
    assert not window.findChild(QLabel, "enabledSwitchNote").isVisible()
    button = window.findChild(QPushButton, "allowUnloadSwitchFix")
    assert button.isVisible() and button.text() == "Write true"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.editor.undo_stack.undoText() == "Write 'Users may switch it off' of 'Record' as true"
    assert box.isChecked() and not note.isVisible()
    window.editor.undo_stack.undo()
    assert not box.isChecked() and note.isVisible()
    window.editor.undo_stack.redo()
    assert window.save()
    assert '"allowUnload": true,' in pkg.read_text()


def test_a_switch_written_as_null_says_the_app_takes_it_for_false(
    window: MainWindow, qtbot, base_project: Path
) -> None:
    """``"enabled": null`` in the plugin list: the box unticked with no word of why; the note says
    the app takes it for false, and ticking the box writes true."""
    settings = base_project / "webapp2/settings.json"
    settings.write_text(settings.read_text().replace('"enabled": true', '"enabled": null'))
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    note = window.findChild(QLabel, "enabledSwitchNote")
    assert note.isVisible() and note.text().startswith(
        "'Switched on when the app starts' is null in the file, not true or false: the app takes it for false"
    ), note.text()
    tick(qtbot, window.findChild(QCheckBox, "enabledCheck"))
    assert not note.isVisible()
    assert window.save()
    assert '"enabled": true' in settings.read_text()


def test_an_icon_written_with_a_leading_dot_slash_is_one_entry_in_the_icon_box(
    window: MainWindow, qtbot, base_project: Path
) -> None:
    """``"icon": "./rec.svg#rec"`` was listed twice in the Icon box: as written, and as the plugin's
    icon ``rec.svg#rec``, one drawing under two names. It is one entry, spelt as the file has it
    and chosen, and the file keeps that spelling when saved."""
    pkg = base_project / "webapp2/plugins/rec/rec.plugin.package.json"
    pkg.write_text(pkg.read_text().replace('"icon": "rec.svg#rec"', '"icon": "./rec.svg#rec"'))
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    combo = window.findChild(QComboBox, "iconCombo")
    assert [combo.itemText(i) for i in range(combo.count())] == ["(set by the plugin while it runs)", "./rec.svg#rec"]
    assert combo.currentData() == "./rec.svg#rec" and not combo.itemIcon(1).isNull()
    assert window.editor.undo_stack.count() == 0
    retype(qtbot, window.findChild(QLineEdit, "labelEdit"), "Recorder")
    assert window.save()
    assert '"icon": "./rec.svg#rec",' in pkg.read_text() and '"label": "Recorder",' in pkg.read_text()


def test_add_item_keeps_the_one_item_a_placement_holds_without_a_list(
    window: MainWindow, qtbot, base_project: Path
) -> None:
    """``"toolbar": {"icon": ..., "action": "record"}`` (the square brackets forgotten): the form said
    "Add item writes one" and Add item wrote a list of the new button alone, the Record button written
    by hand gone. It says the item is kept, and Add item puts it first in the list, the new one after."""
    pkg = base_project / "webapp2/plugins/rec/rec.plugin.package.json"
    data = json.loads(pkg.read_text())
    data["menuItems"]["toolbar"] = data["menuItems"]["toolbar"][0]
    pkg.write_text(json.dumps(data, indent=4))
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    explain = window.findChild(QLabel, "placementExplanation")
    assert "one item there without square brackets" in explain.text(), explain.text()
    qtbot.mouseClick(window.findChild(QPushButton, "addItemButton"), Qt.MouseButton.LeftButton)
    assert window.findChild(QListWidget, "menuItemsList").count() == 2
    window.editor.undo_stack.undo()
    assert window.findChild(QListWidget, "menuItemsList").count() == 0
    assert "one item there without square brackets" in explain.text()
    window.editor.undo_stack.redo()
    assert window.save()
    toolbar = json.loads(pkg.read_text())["menuItems"]["toolbar"]
    assert toolbar[0] == {"icon": "rec.svg#rec", "label": "Record", "action": "record"}
    assert [item["action"] for item in toolbar] == ["record", "action1"]


def test_choosing_a_placement_takes_along_the_one_item_written_without_a_list(
    window: MainWindow, qtbot, base_project: Path
) -> None:
    """With ``"toolbar": {...}`` (one item, no square brackets), choosing Conference menu under
    'Appears in' gave an empty conference menu: the item written by hand was gone. It goes along."""
    pkg = base_project / "webapp2/plugins/rec/rec.plugin.package.json"
    data = json.loads(pkg.read_text())
    data["menuItems"]["toolbar"] = data["menuItems"]["toolbar"][0]
    pkg.write_text(json.dumps(data, indent=4))
    window.open_path(base_project)
    select_plugin(window, qtbot, 0)
    _choose(qtbot, window.findChild(QComboBox, "placementCombo"), "conference")
    assert window.findChild(QListWidget, "menuItemsList").count() == 1
    assert window.save()
    assert json.loads(pkg.read_text())["menuItems"] == {
        "conference": [{"icon": "rec.svg#rec", "label": "Record", "action": "record"}]
    }
