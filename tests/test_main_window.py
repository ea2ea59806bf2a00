"""The main window shows the package's plugins and problems, driven as a user would."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import renamed_elsewhere
from PySide6.QtCore import QEvent, QPoint, QRect, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDockWidget, QMessageBox, QTreeWidget, QWidget

from designer.gui.main_window import MainWindow


def _jump_to_first(window: MainWindow, code: str, where: str) -> None:
    """Open the first ``code`` problem from the Problems list, after checking the Where it shows."""
    row = next(r for r in window.problems_view.problem_items() if r.text(2) == code)
    assert row.text(1) == where
    window.jump_to_problem(row.data(0, Qt.ItemDataRole.UserRole))


def _underlined(editor, code: str) -> list[str]:
    """The text under each of the editor's problem marks for ``code``."""
    return [sel.cursor.selectedText() for sel in editor.extraSelections() if sel.format.toolTip().startswith(code)]


def _tree_texts(tree: QTreeWidget) -> list[str]:
    root = tree.topLevelItem(0)
    return [root.child(i).text(0) for i in range(root.childCount())]


def test_opening_the_example_lists_its_plugins(window: MainWindow, example_project: Path) -> None:
    assert window.open_path(example_project)
    tree = window.findChild(QTreeWidget, "projectTree")
    assert _tree_texts(tree) == [
        "settings.json",
        "manifest.json",
        "Lock toggle",
        "Meeting information",
        "Raise hand helper",
    ]
    assert "3 plugins, no errors" in window.status.text()
    assert window.problems_dock.windowTitle() == "Problems — none"
    assert "example" in window.windowTitle()


def test_a_project_in_the_home_folder_is_named_from_there(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The status bar and the overview say '~/my-branding/webapp2', not the whole path; a project
    outside the home folder keeps its whole path."""
    import shutil

    from conftest import EXAMPLE

    home = tmp_path / "home" / "alex"
    shutil.copytree(EXAMPLE, home / "my-branding", ignore=shutil.ignore_patterns(".plugin-designer"))
    monkeypatch.setenv("HOME", str(home))
    assert window.open_path(home / "my-branding")
    assert window.status.text() == "Opened ~/my-branding/webapp2: 3 plugins, no errors"
    assert window.details.toPlainText().startswith("~/my-branding/webapp2\n")
    monkeypatch.setenv("HOME", str(tmp_path / "elsewhere"))
    window.open_path(home / "my-branding")
    assert window.status.text().startswith(f"Opened {home / 'my-branding' / 'webapp2'}: ")


def test_the_view_menu_names_the_problems_switch_without_the_count(window: MainWindow, example_project: Path) -> None:
    """The dock's title carries the count; its View menu entry is the plain name of what it shows."""
    (example_project / "webapp2" / "manifest.json").write_text('{"brandingID": 1, "isSettingsBranded": false}')
    window.open_path(example_project)
    assert window.problems_dock.windowTitle() == "Problems (1)"
    entry = next(a for a in window.view_menu.actions() if a.isCheckable())
    assert entry.text() == "P&roblems" and entry.isChecked()
    entry.trigger()
    assert not window.problems_dock.isVisible()


def test_the_project_page_says_what_the_branding_id_is_for(window: MainWindow, example_project: Path) -> None:
    """The project's page said "brandingID: 1732492800000" and nothing more: a word and a number
    an administrator could not tell the use of (every upload needs a higher one)."""
    window.open_path(example_project)
    window.tree.setCurrentItem(window.tree.topLevelItem(0))
    shown = window.details.toPlainText()
    assert "Upload number (brandingID): 1732492800000. Each export gives the package a higher one" in shown
    (example_project / "webapp2/manifest.json").unlink()
    window.open_path(example_project)
    assert "Upload number (brandingID): none yet." in window.details.toPlainText()
    # A manifest that holds one behind a slip: "none yet" said there was none.
    (example_project / "webapp2/manifest.json").write_text(
        '{\n    "brandingID": 5,\n    "isSettingsBranded": True\n}\n'
    )
    window.open_path(example_project)
    assert "Upload number (brandingID): unknown: manifest.json cannot be read (line 3)." in window.details.toPlainText()


def test_the_project_page_says_where_to_go_next_in_the_menus_words(window: MainWindow, example_project: Path) -> None:
    """A new project opened on its page: a table and an upload number, and nothing said that the
    plugin in the tree is what to click to change it, nor where the preview and the export are."""
    import re

    window.open_path(example_project)
    window.tree.setCurrentItem(window.tree.topLevelItem(0))
    shown = " ".join(window.details.toPlainText().split())
    assert "Next: select a plugin on the left to change its name" in shown
    named = re.findall(r"(\w+) ▸ ([^;.]+?…?)(?= adds| shows| makes)", shown)
    assert [menu for menu, _ in named] == ["Plugin", "View", "File"]
    for menu_title, entry in named:  # each as the menu bar says it
        menu = next(a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == menu_title)
        assert entry in [a.text().replace("&", "") for a in menu.actions()], (menu_title, entry)


def test_the_project_pages_table_says_switched_on_as_the_form_does(window: MainWindow, example_project: Path) -> None:
    """The table's column read "Enabled by default" with "on"/"off", where the plugin form's tick
    box for the same setting reads "Switched on when the app starts"."""
    from PySide6.QtWidgets import QCheckBox

    window.open_path(example_project)
    window.tree.setCurrentItem(window.tree.topLevelItem(0))
    shown = window.details.toPlainText()
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("plugin", 0)))
    tick = window.plugin_page.findChild(QCheckBox, "enabledCheck")
    assert tick.text() in shown and "Enabled by default" not in shown
    first = shown.split(window.package.plugins[0].display_name, 1)[1].split()
    assert first[1] == ("yes" if tick.isChecked() else "no")  # after the plugin's id


def test_the_project_pages_table_says_appears_in_as_the_form_does(window: MainWindow, example_project: Path) -> None:
    """The column of where each plugin's buttons are was "Placement"; the form's field for it reads
    "Appears in", so a new user had two names for one setting."""
    from PySide6.QtWidgets import QLabel

    window.open_path(example_project)
    window.tree.setCurrentItem(window.tree.topLevelItem(0))
    shown = window.details.toPlainText()
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("plugin", 0)))
    field = next(label for label in window.plugin_page.findChildren(QLabel) if label.text() == "&Appears in")
    assert field.isVisibleTo(window.plugin_page)
    assert "Appears in" in shown.splitlines() and "Placement" not in shown


def test_the_project_pages_table_says_who_gets_each_plugin(window: MainWindow, example_project: Path) -> None:
    """An administrator adding a button "only hosts see" had to open each plugin's form to see who
    gets it; the table now says it ("Hosts only"), in the upload checklist's words."""
    window.open_path(example_project)
    window.tree.setCurrentItem(window.tree.topLevelItem(0))
    lines = window.details.toPlainText().splitlines()
    assert lines[lines.index("Appears in") + 1] == "For"
    rows = {p.display_name: lines[lines.index(p.display_name) + 4] for p in window.package.plugins}
    assert rows == {
        "Lock toggle": "Hosts only",
        "Meeting information": "Hosts and Guests",
        "Raise hand helper": "Hosts only",
    }


def test_the_project_page_does_not_scroll_sideways_when_its_table_fits(
    window: MainWindow, example_project: Path
) -> None:
    """At every odd width Qt laid the table out one pixel wider than the page: a sideways scroll
    bar came and went as the pane was resized (the Export dock open at 1280 x 800, say)."""
    window.resize(1280, 800)
    window.open_path(example_project)
    window.show()
    window.tree.setCurrentItem(window.tree.topLevelItem(0))
    page = window.details
    widths = (451, 517, 601, 733)
    for width in widths:
        page.setFixedWidth(width)
        QApplication.processEvents()
        assert page.horizontalScrollBar().maximum() == 0, width
    page.setFixedWidth(120)  # far too narrow for the table: it scrolls sideways, as it should
    QApplication.processEvents()
    assert page.horizontalScrollBar().maximum() > 0


def test_the_project_pages_table_names_the_id_as_the_form_does(window: MainWindow, example_project: Path) -> None:
    """The table's header read "id", a word of the files; the plugin form calls the field "Id"."""
    from PySide6.QtWidgets import QLabel

    window.open_path(example_project)
    window.tree.setCurrentItem(window.tree.topLevelItem(0))
    header = window.details.toPlainText().split("Lock toggle", 1)[0].split()
    assert "id" not in header
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("plugin", 0)))
    form_label = window.plugin_page.form.id  # the form's label for the same field
    label = next(w for w in window.plugin_page.findChildren(QLabel) if w.buddy() is form_label)
    assert label.text().replace("&", "") in header


def test_clicking_a_plugin_shows_its_details(window: MainWindow, qtbot, example_project: Path) -> None:
    window.open_path(example_project)
    tree = window.findChild(QTreeWidget, "projectTree")
    item = tree.topLevelItem(0).child(3)  # Meeting information
    rect = tree.visualItemRect(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    shown = window.details.toPlainText()
    assert "Meeting information" in shown
    assert "Conference menu item" in shown


def test_clicking_a_file_shows_its_text(window: MainWindow, qtbot, example_project: Path) -> None:
    window.open_path(example_project)
    tree = window.findChild(QTreeWidget, "projectTree")
    item = tree.topLevelItem(0).child(0)  # settings.json
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center())
    assert window.stack.currentWidget() is window.source_pane  # JSON opens in the source editor
    assert '"srcURL": "plugins/lock-toggle/lock-toggle.plugin.package.json"' in window.source_editor.toPlainText()


def test_problems_of_a_broken_package_are_listed_with_their_place(window: MainWindow, base_project: Path) -> None:
    settings = base_project / "webapp2" / "settings.json"
    settings.write_text(
        '{\n    "plugins": [\n        {"id": "rec-1.0", "srcURL": "plugins/rec/rec.plugin.package.json",}\n    ]\n}\n'
    )
    window.open_path(base_project)
    view = window.problems_view
    rows = list(view.problem_items())
    assert len(rows) == 1
    row = rows[0]
    assert view.topLevelItem(0).text(0) == "Package (1)"
    assert row.text(2) == "PD100"
    assert row.text(1) == "settings.json:3:74"  # the comma to remove
    assert "comma after the last entry" in row.text(0)
    assert window.problems_dock.windowTitle() == "Problems (1)"


def test_plugin_with_errors_is_marked_in_the_tree(window: MainWindow, base_project: Path) -> None:
    pkg_file = base_project / "webapp2/plugins/rec/rec.plugin.package.json"
    data = json.loads(pkg_file.read_text())
    data["participantRoles"] = []
    pkg_file.write_text(json.dumps(data, indent=4))
    window.open_path(base_project)
    tree = window.findChild(QTreeWidget, "projectTree")
    plugin_item = tree.topLevelItem(0).child(2)
    assert plugin_item.toolTip(0) == "1 error"
    codes = [row.text(2) for row in window.problems_view.problem_items()]
    assert codes == ["PD304"]
    assert window.problems_view.topLevelItem(0).text(0) == "Record (1)"


def test_opening_something_that_is_not_a_package_says_why(window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    notes = tmp_path / "notes.zip"
    notes.write_text("not a zip at all", encoding="utf-8")
    assert not window.open_path(notes)
    assert shown and "notes.zip" in shown[0]
    assert "notes.zip" in window.status.text()


def _open_folder_from_the_menu(window: MainWindow, folder: Path, monkeypatch, answer) -> list[tuple[str, str]]:
    """File ▸ Open Folder… on ``folder``; each question (and warning) the window shows is recorded
    (title, text) and answered with ``answer`` (OK)."""
    from PySide6.QtWidgets import QFileDialog

    asked: list[tuple[str, str]] = []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    monkeypatch.setattr(QMessageBox, "question", lambda _p, title, text, *a: asked.append((title, text)) or answer)
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _p, title, text, *a: asked.append((title, text)) or QMessageBox.StandardButton.Ok
    )
    next(a for a in window.findChildren(QAction) if a.text() == "Open &Folder…").trigger()
    return asked


def test_opening_an_empty_folder_offers_to_start_a_project_there(
    window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    """A new user makes a folder for their plugins and opens it: "not a branding package" alone
    was a dead end; the window offers what the command line says (``new`` there)."""
    from designer.core.checks import run_checks
    from designer.core.model import load

    folder = tmp_path / "team_plugins"
    folder.mkdir()
    (folder / "notes.txt").write_bytes(b"ours\r\n")
    asked = _open_folder_from_the_menu(window, folder, monkeypatch, QMessageBox.StandardButton.Yes)
    assert [title for title, _ in asked] == ["Start a new project here?"]
    assert "no webapp2 folder, settings.json or manifest.json" in asked[0][1]
    assert "nothing else in the folder is changed" in asked[0][1]
    assert (folder / "webapp2" / "settings.json").is_file()
    assert (folder / "notes.txt").read_bytes() == b"ours\r\n"
    assert run_checks(load(folder)) == []
    assert _tree_texts(window.findChild(QTreeWidget, "projectTree"))[2] == "Hello message"
    assert window.package is not None and window.package.files.writable


def test_declining_a_project_in_an_empty_folder_writes_nothing(window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    asked = _open_folder_from_the_menu(window, tmp_path, monkeypatch, QMessageBox.StandardButton.Cancel)
    assert len(asked) == 1
    assert list(tmp_path.iterdir()) == []
    assert window.package is None
    assert "not a branding package" in window.status.text()


def test_opening_a_folder_holding_a_branding_zip_offers_to_open_the_zip(
    window: MainWindow, tmp_path: Path, example_project: Path, monkeypatch
) -> None:
    from designer.core.export import export_package
    from designer.core.model import load

    downloads = tmp_path / "downloads"
    downloads.mkdir()
    made = downloads / "branding.zip"
    export_package(example_project, made)
    before = made.read_bytes()
    asked = _open_folder_from_the_menu(window, downloads, monkeypatch, QMessageBox.StandardButton.Yes)
    assert [title for title, _ in asked] == ["Open the ZIP in this folder?"]
    assert "It holds the ZIP branding.zip." in asked[0][1]
    assert window.package is not None and not window.package.files.writable  # read-only, as it is
    assert len(window.package.plugins) == len(load(example_project).plugins)
    assert made.read_bytes() == before and sorted(p.name for p in downloads.iterdir()) == ["branding.zip"]


def test_welcome_screen_opens_the_example_and_remembers_it(qtbot, monkeypatch) -> None:
    from PySide6.QtWidgets import QListWidget, QPushButton

    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    assert win.stack.currentWidget().widget() is win.welcome  # in its scroll area
    opened: list[Path] = []
    monkeypatch.setattr(win, "open_path", lambda p, ask=True: opened.append(p) or True)
    qtbot.mouseClick(win.findChild(QPushButton, "exampleButton"), Qt.MouseButton.LeftButton)
    assert opened and (opened[0] / "webapp2" / "settings.json").is_file()
    # A copy of its own in the user data folder: edits there never change the shipped example.
    from designer.core.resources import resource

    assert opened[0].resolve() != resource("examples", "demo").resolve()
    assert os.environ["XDG_DATA_HOME"] in str(opened[0])
    monkeypatch.undo()
    assert win.open_path(opened[0])
    again = MainWindow()
    qtbot.addWidget(again)
    recent = again.findChild(QListWidget, "recentList")
    assert str(opened[0].resolve()) in recent.item(0).text()


def test_the_welcome_page_scrolls_only_when_it_cannot_fit(qtbot) -> None:
    """In its scroll area the welcome page kept the recent projects list at its full height, so a
    window 650 px tall (room for the page with a shorter list, as before) showed a scroll bar and
    the list's end below the window's edge. The list gives up height first; the page scrolls only
    below the height it needs, and then the list's end can be scrolled to."""
    from PySide6.QtWidgets import QListWidget, QScrollArea

    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1200, 650)
    win.show()
    qtbot.waitExposed(win)
    scroll = win.findChild(QScrollArea, "welcomeScroll")
    recent = win.findChild(QListWidget, "recentList")
    assert not scroll.verticalScrollBar().isVisible()
    bottom = recent.mapTo(scroll.viewport(), recent.rect().bottomLeft()).y()
    assert bottom < scroll.viewport().height(), "the end of the recent projects list was out of sight"
    win.resize(1200, 300)  # shorter than the page can be: it scrolls, down to the list's end
    qtbot.waitUntil(lambda: scroll.verticalScrollBar().isVisible())
    qtbot.keyClick(scroll.verticalScrollBar(), Qt.Key.Key_End)
    bottom = recent.mapTo(scroll.viewport(), recent.rect().bottomLeft()).y()
    assert 0 < bottom < scroll.viewport().height()


def test_new_project_from_the_file_menu(window: MainWindow, tmp_path: Path, monkeypatch) -> None:

    from designer.core.checks import run_checks
    from designer.core.model import load

    target = tmp_path / "team-plugins"
    monkeypatch.setattr("designer.gui.panes.new_project_dialog.ask_new_project", lambda parent: target)
    window.new_project()
    assert (target / "webapp2" / "settings.json").is_file()
    assert run_checks(load(target)) == []
    tree = window.findChild(QTreeWidget, "projectTree")
    assert _tree_texts(tree)[2] == "Hello message"


def test_the_new_projects_plugin_says_what_it_does_not_the_projects_name(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch
) -> None:
    """The starter plugin was given the project's name: beside a recipe's plugin the tree showed
    "Acme meetings" and "Mute all guests", and a new user took the first for the whole project."""
    from designer.cli import main
    from designer.gui.panes.recipe_wizard import RecipeWizard

    target = tmp_path / "Acme meetings"
    monkeypatch.setattr("designer.gui.panes.new_project_dialog.ask_new_project", lambda parent: target)
    window.new_project()
    tree = window.findChild(QTreeWidget, "projectTree")
    assert _tree_texts(tree) == ["settings.json", "manifest.json", "Hello message"]
    assert "Acme meetings" in window.details.toPlainText()  # the project keeps its own name
    folder = target / "webapp2/plugins/hello-message"
    assert sorted(p.name for p in folder.iterdir()) == [
        "hello-message.plugin.js",
        "hello-message.plugin.package.json",
        "icon.svg",
    ]
    package = json.loads((folder / "hello-message.plugin.package.json").read_text())
    assert (package["id"], package["name"]) == ("hello-message", "Hello message")
    assert package["menuItems"]["toolbar"][0]["label"] == "Hello message"
    assert "function showHelloMessage() {" in (folder / "hello-message.plugin.js").read_text()

    def add_mute_guests(wiz: RecipeWizard) -> int:
        wiz.show()
        wiz.choose("mute-guests")
        wiz.next()
        wiz.next()
        wiz.finish()
        return 1

    monkeypatch.setattr(RecipeWizard, "exec", add_mute_guests)
    window.findChild(QAction, "plugin_recipeAction").trigger()
    assert _tree_texts(tree)[2:] == ["Hello message", "Mute all guests"]
    assert window.save()
    assert main(["check", "--strict", str(target)]) == 0


def test_new_project_with_unsaved_edits_asks_before_creating_anything(
    window: MainWindow, tmp_path: Path, example_project: Path, monkeypatch
) -> None:
    window.open_path(example_project)
    window.editor.edit("x", lambda pkg: setattr(pkg.plugins[0].package, "name", "Changed"))
    chosen: list[str] = []
    target = tmp_path / "never-made"
    monkeypatch.setattr(
        "designer.gui.panes.new_project_dialog.ask_new_project", lambda parent: chosen.append("asked") or target
    )
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    window.new_project()
    assert not chosen and not target.exists()  # cancelled before the folder dialog, nothing written
    assert window.package.plugins[0].package.name == "Changed"


def test_appearance_choice_is_applied_and_remembered(window: MainWindow, qtbot) -> None:
    from PySide6.QtGui import QAction

    from designer.gui.app import saved_appearance

    window.findChild(QAction, "appearance_dark").trigger()
    assert saved_appearance() == "dark"
    qtbot.waitUntil(lambda: window.palette().window().color().lightness() < 80)
    assert window.palette().text().color().lightness() > 200
    window.findChild(QAction, "appearance_light").trigger()
    qtbot.waitUntil(lambda: window.palette().window().color().lightness() > 180)
    window.findChild(QAction, "appearance_system").trigger()
    assert saved_appearance() == "system"


def test_undo_history_lists_the_steps(window: MainWindow, base_project: Path) -> None:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QUndoView

    window.open_path(base_project)
    window.editor.set_field(0, "package", "name", "Recorder", "Change name of '{subject}' to 'Recorder'")
    window.findChild(QAction, "historyAction").trigger()
    view = window.findChild(QUndoView, "undoHistory")
    assert view.isVisible()
    texts = [view.model().index(i, 0).data() for i in range(view.model().rowCount())]
    assert texts == ["Opened", "Change name of 'Record' to 'Recorder'"]
    # A long step's name wraps inside the dock instead of running off its edge.
    assert view.wordWrap() and not view.horizontalScrollBar().isVisible()


def test_undo_history_from_the_edit_menu_takes_the_keyboard(window: MainWindow, qtbot, base_project: Path) -> None:
    """Edit ▸ Undo History opened the dock and left the keyboard behind in the tree."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QUndoView

    window.open_path(base_project)
    window.editor.set_field(0, "package", "name", "Recorder", "Change name of '{subject}' to 'Recorder'")
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.tree)
    QTimer.singleShot(100, lambda: qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_H))  # Undo &History
    qtbot.keyClick(window.tree, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)  # &Edit
    qtbot.waitUntil(lambda: window.findChild(QUndoView, "undoHistory") is not None)
    view = window.findChild(QUndoView, "undoHistory")
    qtbot.waitUntil(lambda: view.isVisible() and window.focusWidget() is view)
    window.activateWindow()  # (as the window manager does when the menu has closed)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view)
    qtbot.keyClick(view, Qt.Key.Key_Up)  # one step back: the name as it was
    assert window.package.plugins[0].display_name == "Record"


def test_start_paints_then_opens_the_package_and_sets_the_icon(qtbot, tmp_path: Path, example_project: Path) -> None:
    """``plugin-designer PATH``: the window first says what it is opening, then opens it after
    its first paint, and the application icon is set in the same step."""
    from PySide6.QtWidgets import QApplication

    from designer.gui.app import start

    project = tmp_path / "a <b> & c"
    example_project.rename(project)
    QApplication.setWindowIcon(QApplication.style().standardIcon(QApplication.style().StandardPixmap.SP_FileIcon))
    before = QApplication.windowIcon().cacheKey()
    win = start(str(project))
    qtbot.addWidget(win)
    assert win.package is None
    assert "Opening a <b> & c…" in win.details.toPlainText()  # the name as typed, not as markup
    assert win.menuBar().actions()[0].menu().actions() == []  # titles now, actions after the paint
    qtbot.waitUntil(lambda: win.package is not None)
    assert win.findChild(QAction, "exportAction") is not None
    assert _tree_texts(win.tree)[2:] == ["Lock toggle", "Meeting information", "Raise hand helper"]
    assert QApplication.windowIcon().cacheKey() != before
    assert max(s.width() for s in QApplication.windowIcon().availableSizes()) == 256
    win.close()


def test_a_file_no_pane_edits_is_shown_read_only_and_problems_point_into_it(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    from PySide6.QtWidgets import QPlainTextEdit

    notes = example_project / "webapp2" / "plugins" / "meeting-info" / "notes.txt"
    notes.write_text("first\nsecond\nthird\n", encoding="utf-8")
    assert window.findChild(QPlainTextEdit, "fileView") is None  # made when first needed
    window.open_path(example_project)
    item = window._find_tree_item(window.tree.topLevelItem(0), ("file", "plugins/meeting-info/notes.txt"))
    assert item is not None
    window.tree.setCurrentItem(item)
    view = window.findChild(QPlainTextEdit, "fileView")
    assert view is not None and window.stack.currentWidget() is view
    assert view.isReadOnly() and view.toPlainText() == "first\nsecond\nthird\n"
    assert view.font().fixedPitch() or view.fontInfo().fixedPitch()
    window._show_line(2)
    assert view.textCursor().selectedText() == "second"


def _fresh_process(code: str, tmp_path: Path) -> str:
    """What ``code`` prints in a new interpreter (offscreen, settings in ``tmp_path``): for what
    happens once per process, at start-up."""
    import os
    import subprocess
    import sys

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_the_app_uses_fusion_without_asking_the_style_first(tmp_path: Path) -> None:
    """make_app asks for Fusion on Qt's command line (asking app.style() first builds QStyle's enums)."""
    code = (
        "import sys\n"
        "from designer.gui.app import make_app\n"
        "app = make_app(['plugin-designer', 'extra'])\n"
        "print(app.style().name(), app.arguments()[1:])\n"
    )
    assert _fresh_process(code, tmp_path).split(None, 1) == ["fusion", "['extra']\n"]


def test_pyside_does_not_read_the_source_of_the_designer_modules(tmp_path: Path) -> None:
    """PySide's import hook reads every new module's source (inspect.getsource) unless its feature
    table already knows the module; designer.gui fills the table first (gui/feature_scan.py)."""
    import ast

    code = (
        "import inspect, sys\n"
        "import PySide6.QtWidgets\n"
        "read = []\n"
        "real = inspect.getsource\n"
        "inspect.getsource = lambda obj: read.append(getattr(obj, '__name__', '?')) or real(obj)\n"
        "import designer.gui.main_window, designer.gui.panes.source_editor, designer.core.model\n"
        "print(sorted(n for n in read if n.startswith('designer') or n in ('os', 'typing', 'pathlib')))\n"
    )
    # At most the packages and the module that fill the table are read (imported before it is filled).
    read = set(ast.literal_eval(_fresh_process(code, tmp_path).strip()))
    assert read <= {"designer", "designer.gui", "designer.gui.feature_scan"}, read


def test_the_tree_is_headed_by_the_project_name(window: MainWindow, example_project: Path, tmp_path: Path) -> None:
    from designer.core.export import export_package

    window.open_path(example_project / "webapp2")  # the webapp2 folder itself: still the project's name
    root = window.tree.topLevelItem(0)
    assert root.text(0) == "example" and root.toolTip(0).endswith("webapp2")
    zipped = tmp_path / "branding.zip"
    export_package(example_project, zipped)
    window.open_path(zipped)
    assert window.tree.topLevelItem(0).text(0) == "branding.zip (read-only)"
    # Its forms show, cannot be changed, and the page says why.
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("plugin", 0)))
    page = window.plugin_page
    assert page.read_only_note.isVisible() and "Import ZIP into a Folder" in page.read_only_note.text()
    assert not page.form.isEnabled() and page.form.name.text() == "Lock toggle"


def test_names_the_user_chose_are_shown_as_text_not_markup(
    window: MainWindow, example_project: Path, monkeypatch
) -> None:
    """A plugin called '<b>Bold</b> <img src=...>' must not be drawn bold, nor load a picture."""
    from PySide6.QtWidgets import QInputDialog, QLabel

    name = "<b>Bold</b> & <img src='/etc/passwd'>"
    window.open_path(example_project)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (name, True))
    window.plugin_actions["add"].trigger()
    title = window.plugin_page.title
    assert title.text() == name and title.textFormat() == Qt.TextFormat.PlainText
    assert name in window.status.text() and window.status.textFormat() == Qt.TextFormat.PlainText
    for label in ("idNote", "actionNote", "actionSyncNote"):
        assert window.findChild(QLabel, label).textFormat() == Qt.TextFormat.PlainText, label


def test_a_crash_the_preview_caught_marks_the_plugin_in_the_tree(window: MainWindow, example_project: Path) -> None:
    from designer.core.problems import make

    window.open_path(example_project)
    crash = make("PD800", "plugins/lock-toggle/lock-toggle.plugin.js", "Error: load broke", 3, 1, plugin="lock-toggle")
    window._preview_problems_changed([crash])
    item = window._find_tree_item(window.tree.topLevelItem(0), ("plugin", 0))
    assert item.toolTip(0) == "1 error"
    assert window.status.text().endswith("1 error")


def test_the_window_does_not_close_during_an_upload(window: MainWindow, example_project: Path) -> None:
    """Quitting mid-upload destroyed the running upload thread (Qt aborts the process)."""
    from types import SimpleNamespace

    window.open_path(example_project)
    window.show_export()
    window.export_pane.deploy_dialog = SimpleNamespace(busy=True)
    assert not window.close() and window.isVisible()
    assert "upload" in window.status.text()
    closed: list[bool] = []
    window.export_pane.deploy_dialog = SimpleNamespace(busy=False, close=lambda: closed.append(True))
    assert window.close()
    assert closed  # done with, the dialog goes with the window


def test_floating_docks_go_when_their_window_is_closed(window: MainWindow, qtbot, example_project: Path) -> None:
    """A dock floated with its title's button is a window of its own: the main window closed, the
    Problems and Export docks stayed on screen, for a project no longer open. A docked one (the
    Undo history here) goes with the window as before."""
    from PySide6.QtWidgets import QAbstractButton

    window.open_path(example_project)
    window.show_export()
    window.show_history()  # (left docked)
    docks = [window.problems_dock, window.export_dock]
    for dock in docks:
        qtbot.mouseClick(dock.findChild(QAbstractButton, "qt_dockwidget_floatbutton"), Qt.MouseButton.LeftButton)
        assert dock.isFloating() and dock.isVisible()
    assert window.close()
    assert not [dock.objectName() for dock in window.findChildren(QDockWidget) if dock.isVisible()]


def test_a_huge_plugin_name_is_shortened_where_it_is_only_shown(window: MainWindow, example_project: Path) -> None:
    """A 200,000-character name (valid JSON) froze the window while the overview laid it out."""
    package = example_project / "webapp2/plugins/lock-toggle/lock-toggle.plugin.package.json"
    package.write_text(package.read_text().replace('"name": "Lock toggle"', '"name": "' + "L" * 200_000 + '"'))
    window.open_path(example_project)
    item = window._find_tree_item(window.tree.topLevelItem(0), ("plugin", 0))
    assert len(item.text(0)) == 200 and item.text(0).endswith("…")
    assert len(window.details.toPlainText()) < 5000
    assert len(window.package.plugins[0].package.name) == 200_000  # the model keeps it whole


def test_the_welcome_buttons_have_mnemonics(qtbot) -> None:
    """Keyboard-only use: Alt+N, Alt+O, ... reach the welcome screen's actions."""
    from PySide6.QtWidgets import QPushButton

    win = MainWindow()
    qtbot.addWidget(win)
    texts = {b.objectName(): b.text() for b in win.findChildren(QPushButton)}
    letters = [
        texts[n].split("&", 1)[1][0].lower()
        for n in ("newButton", "openFolderButton", "openZipButton", "importZipButton", "exampleButton")
    ]
    assert len(set(letters)) == 5 and not set(letters) & set("fepv")  # not the menus' File/Edit/Plugin/View


def test_the_welcome_screen_starts_with_new_project_focused(qtbot) -> None:
    from PySide6.QtWidgets import QApplication

    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    # (the focus of this window: a window of an earlier test, not yet deleted, may hold it a while)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None and QApplication.focusWidget().window() is win)
    assert QApplication.focusWidget() is win.welcome.new_button
    assert _nameless(win) == []  # the recent-projects list too


@pytest.mark.parametrize("letter", [Qt.Key.Key_X, Qt.Key.Key_N])
def test_a_project_opened_from_the_welcome_screen_gives_the_keyboard_to_the_tree(
    qtbot, monkeypatch, tmp_path: Path, letter: Qt.Key
) -> None:
    """The welcome button went away with the welcome screen and took the keyboard with it: to
    nowhere (New project) or to the overview text (the example), where arrows scrolled."""
    from PySide6.QtWidgets import QApplication

    monkeypatch.setattr("designer.gui.panes.new_project_dialog.ask_new_project", lambda parent: tmp_path / "by-keys")
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is win.welcome.new_button)
    qtbot.keyClick(win.welcome.new_button, letter, Qt.KeyboardModifier.AltModifier)  # Open the e&xample, &New
    qtbot.waitUntil(lambda: win.package is not None)
    assert win.focusWidget() is win.tree
    assert win.tree.currentItem() is win.tree.topLevelItem(0)
    qtbot.keyClick(win.tree, Qt.Key.Key_Down)
    assert win.tree.currentItem().text(0) == "settings.json"
    assert win.stack.currentWidget() is win.source_pane  # the arrow chose a file, as in any tree


def test_importing_a_management_node_download_offers_the_missing_files(
    window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    """A ZIP with neither settings.json nor manifest.json: Yes writes both, and the project opens."""
    import zipfile

    with zipfile.ZipFile(tmp_path / "mn.zip", "w") as zf:
        zf.writestr("webapp2/themes/default/theme.css", b"a{}")
    asked: list[str] = []
    texts: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda _p, title, text, *a, **k: asked.append(title) or texts.append(text) or QMessageBox.StandardButton.Yes,
    )
    assert window.import_zip(tmp_path / "mn.zip", tmp_path / "p")
    assert asked == ["Create the missing files?"]
    # What will be written and why, in plain words: the ZIP has no plugins, so "the app would
    # ignore its plugins" said nothing true; the list the plugins added later go in does.
    (text,) = texts
    assert "would ignore its plugins" not in text
    assert "The ZIP has no settings.json and no manifest.json (the Management Node's default download" in text
    assert "settings.json, the list of plugins the app loads: empty for now, as the ZIP has no plugins" in text
    assert "manifest.json, which tells the app to use this package's settings (isSettingsBranded)" in text
    assert "its number (brandingID)" in text and "No leaves them out" in text
    web = tmp_path / "p" / "webapp2"
    assert json.loads((web / "settings.json").read_text()) == {"plugins": []}
    assert isinstance(json.loads((web / "manifest.json").read_text())["brandingID"], int)
    assert window.package is not None and "Imported mn.zip" in window.status.text()


def test_the_missing_files_question_counts_the_plugins_it_will_list(
    window: MainWindow, tmp_path: Path, monkeypatch, base_project: Path
) -> None:
    """With only settings.json missing it is not said to be a Management Node download (which
    lacks both), and the question names how many plugins the new settings.json will list."""
    import zipfile

    web = base_project / "webapp2"
    with zipfile.ZipFile(tmp_path / "hand.zip", "w") as zf:
        for path in web.rglob("*"):
            if path.is_file() and path.name != "settings.json":
                zf.write(path, f"webapp2/{path.relative_to(web).as_posix()}")
    texts: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda _p, _t, text, *a, **k: texts.append(text) or QMessageBox.StandardButton.No
    )
    assert window.import_zip(tmp_path / "hand.zip", tmp_path / "p")
    (text,) = texts
    assert text.startswith("The ZIP has no settings.json.\n") and "manifest.json" not in text
    assert "the list of plugins the app loads: the ZIP's 1 plugin, so the app loads it." in text
    assert "No leaves it out; Problems then offers to create it." in text
    assert not (tmp_path / "p" / "webapp2" / "settings.json").exists()  # No: nothing written
    assert any(p.code == "PD200" and p.fix is not None for p in window.problems)


def test_a_file_that_is_not_utf8_says_so_in_plain_words(window: MainWindow, example_project: Path) -> None:
    rel = "plugins/lock-toggle/latin1.svg"
    (example_project / "webapp2" / rel).write_bytes(
        '<?xml version="1.0" encoding="ISO-8859-1"?>\n<svg xmlns="http://www.w3.org/2000/svg">\n<title>Café</title>\n</svg>\n'.encode(
            "latin-1"
        )
    )
    window.open_path(example_project)
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("file", rel)))
    assert window.stack.currentWidget() is window.details
    shown = window.details.toPlainText()
    # (it names its encoding: no byte to hunt for, and the Fix under Problems does the rest)
    assert "written in ISO-8859-1, not UTF-8" in shown and "'Save it as UTF-8'" in shown, shown


def test_a_source_deleted_by_another_program_is_a_problem_not_a_crash(
    window: MainWindow, example_project: Path
) -> None:
    window.open_path(example_project)
    (example_project / "webapp2/plugins/lock-toggle/lock-toggle.plugin.js").unlink()
    window._run_checks()  # raised FileNotFoundError from every re-check until File ▸ Reload
    assert any(p.file == "plugins/lock-toggle/lock-toggle.plugin.js" for p in window.problems)


def test_a_code_problem_shows_file_and_line_and_takes_the_keyboard_there(
    window: MainWindow, qtbot, base_project: Path
) -> None:
    """The Where column read 'plugins/rec/rec.plugi…' for both files; Enter on a code problem left
    the keyboard in the list, so typing never reached the code."""
    window.show()
    src = base_project / "webapp2" / "plugins/rec/rec.plugin.js"
    src.write_text(src.read_text().replace("function record(", "function record( ((", 1))
    window.open_path(base_project)
    problem = next(p for p in window.problems if p.code == "PD500")
    view = window.problems_view
    row = next(
        view.topLevelItem(i).child(j)
        for i in range(view.topLevelItemCount())
        for j in range(view.topLevelItem(i).childCount())
        if view.topLevelItem(i).child(j).data(0, Qt.ItemDataRole.UserRole) is problem
    )
    assert row.text(1).endswith(f".js:{problem.line}:{problem.column}") and row.toolTip(1) == problem.location()
    window.jump_to_problem(problem)
    qtbot.waitUntil(lambda: window.source_editor.hasFocus())


@pytest.mark.parametrize("brk", ["\r", "\u2028", "\u2029"], ids=["lone CR", "U+2028", "U+2029"])
def test_opening_a_problem_after_an_odd_line_break_goes_to_its_line(
    window: MainWindow, qtbot, base_project: Path, brk: str
) -> None:
    """The editor breaks the line at a lone CR, U+2028 and U+2029 (as JavaScript does), the
    checker counted only LF: the jump landed a line (or more) above the problem, and its
    underline was under other text."""
    window.show()
    src = base_project / "webapp2" / "plugins/rec/rec.plugin.js"
    text = src.read_bytes().decode("utf-8")
    text = text.replace("(function () {\n", f"(function () {{\n    // first{brk} second{brk} third\n", 1)
    src.write_bytes(text.replace("sendRequest(", "sendRequset(").encode("utf-8"))
    window.open_path(base_project)
    view = window.problems_view
    row = next(r for r in view.problem_items() if r.text(2) == "PD511")
    view.setFocus()
    view.setCurrentItem(row)
    qtbot.keyClick(view, Qt.Key.Key_Return)  # (as a double-click does)
    editor = window.source_editor
    qtbot.waitUntil(editor.hasFocus)
    cursor = editor.textCursor()  # at the misspelt name (the line selected, typing replaced it all)
    assert cursor.block().text().strip() == "PEX.pluginAPI.sendRequset('/lock');"
    assert cursor.block().text()[cursor.positionInBlock() :].startswith("sendRequset")
    underlined = _underlined(editor, "PD511")
    assert underlined == ["sendRequset"]


def test_a_dropped_file_of_a_package_opens_its_package(example_project: Path, tmp_path: Path) -> None:
    from designer.gui.main_window import _package_of

    web = example_project / "webapp2"
    assert _package_of(web / "settings.json") == web
    assert _package_of(web / "plugins/lock-toggle/lock.svg") == web
    assert _package_of(example_project) == example_project
    stray = tmp_path / "notes.txt"
    stray.write_text("x")
    assert _package_of(stray) == stray  # not a package's: said so when opened


def test_a_recent_project_that_is_gone_can_be_taken_off_the_list(qtbot, tmp_path: Path) -> None:
    from designer.gui.app import recent_projects, remember_project
    from designer.gui.panes.welcome import WelcomePane

    gone = tmp_path / "gone"
    gone.mkdir()
    remember_project(gone)
    gone.rmdir()
    pane = WelcomePane()
    qtbot.addWidget(pane)
    pane.show()
    item = next(pane.recent.item(i) for i in range(pane.recent.count()) if str(gone) in pane.recent.item(i).text())
    assert item.text().endswith("(not found)")
    pane._recent_menu(pane.recent.visualItemRect(item).center())
    pane.recent_menu.actions()[0].trigger()
    assert str(gone.resolve()) not in recent_projects()
    assert all(str(gone) not in pane.recent.item(i).text() for i in range(pane.recent.count()))
    pane.recent_menu.close()


def test_two_plugins_with_one_id_keep_their_problems_apart(window: MainWindow, example_project: Path) -> None:
    """Grouped by id, both plugins' problems went under one name and the tree marked the wrong one."""
    import json

    web = example_project / "webapp2"
    settings = json.loads((web / "settings.json").read_text())
    settings["plugins"][2]["id"] = settings["plugins"][0]["id"]  # a copy-paste slip
    (web / "settings.json").write_text(json.dumps(settings, indent=4))
    package = web / "plugins/raise-hand-helper/raise-hand-helper.plugin.package.json"
    data = json.loads(package.read_text())
    data["participantRoles"] = []
    package.write_text(json.dumps(data, indent=4))
    window.open_path(example_project)
    view = window.problems_view
    groups = [view.topLevelItem(i).text(0) for i in range(view.topLevelItemCount())]
    assert groups == ["Raise hand helper (3)"]
    root = window.tree.topLevelItem(0)
    marks = {root.child(i).text(0): root.child(i).toolTip(0) for i in range(2, root.childCount())}
    assert marks["Lock toggle"] == "No errors" and marks["Raise hand helper"] == "2 errors"
    roles = next(p for p in window.problems if p.code == "PD304")
    window.jump_to_problem(roles)
    assert window.stack.currentWidget() is window.plugin_page and window.plugin_page.index == 2


def test_deferred_menus_are_made_before_anything_needs_them(qtbot, example_project: Path) -> None:
    """start() shows the menu titles at the first paint and makes their actions right after; any
    use of an action before that makes them first."""
    win = MainWindow(defer_menus=True)
    qtbot.addWidget(win)
    titles = [a.text() for a in win.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&Plugin", "&View", "&Help"]
    assert win.menuBar().actions()[0].menu().actions() == []
    win.open_path(example_project)  # needs the Save action: makes the menus
    assert win.save_action.isEnabled()
    assert len(win.menuBar().actions()[0].menu().actions()) > 5
    win.finish_menus()  # once only
    assert len([a for a in win.menuBar().actions()[0].menu().actions() if a.text() == "&Save"]) == 1


def test_a_crash_the_preview_caught_blocks_the_export(window: MainWindow, example_project: Path) -> None:
    """The Export pane said "no errors" and wrote the ZIP while the preview showed the plugin
    bringing up the Oops page: it went by the checks' problems only."""
    from PySide6.QtWidgets import QLabel, QPushButton

    from designer.core.problems import make

    window.open_path(example_project)
    window.show_export()
    button = window.findChild(QPushButton, "exportButton")
    verdict = window.findChild(QLabel, "exportVerdict")
    assert button.isEnabled()
    crash = make("PD800", "plugins/lock-toggle/lock-toggle.plugin.js", "Error: load broke", 3, 1, plugin="lock-toggle")
    window._preview_problems_changed([crash])
    assert not button.isEnabled()
    assert "load broke" in verdict.text() or "1 error" in verdict.text(), verdict.text()
    window._preview_problems_changed([])  # the preview ran again and nothing crashed
    assert button.isEnabled()


def test_a_package_file_that_is_there_but_broken_is_not_called_missing(
    window: MainWindow, example_project: Path
) -> None:
    package = example_project / "webapp2/plugins/meeting-info/meeting-info.plugin.package.json"
    package.write_text(package.read_text().replace('"name"', '"name" "oops"', 1))
    window.open_path(example_project)
    window.tree.setCurrentItem(window.tree.topLevelItem(0))
    assert "(package file unreadable)" in window.details.toPlainText()
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("plugin", 1)))
    assert "is there but cannot be read" in window.details.toPlainText()
    package.unlink()
    window.open_path(example_project)
    window.tree.setCurrentItem(window.tree.topLevelItem(0))
    assert "(package file missing)" in window.details.toPlainText()


def _shown_whole(view, row, column: int, text: str) -> bool:
    """Whether ``text`` is what ``row``'s cell shows and fits in its text area, wrapped as the list
    wraps text (at spaces, dashes and the places it marks with zero-width spaces), and that cell
    is inside the list's visible area."""
    from PySide6.QtGui import QTextLayout, QTextOption
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    index = view.indexFromItem(row, column)
    view.scrollTo(index)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = view.visualRect(index)
    view.itemDelegate().initStyleOption(option, index)
    area = view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view)
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    width = area.width() - 2 * margin
    layout = QTextLayout(option.text, option.font)  # laid out as Qt's style lays out a cell's text
    wrap = QTextOption(Qt.AlignmentFlag.AlignLeft)
    wrap.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(wrap)
    layout.beginLayout()
    height, widest = 0.0, 0.0
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        height += line.height()
        widest = max(widest, line.naturalTextWidth())
    layout.endLayout()
    fits = widest <= width and height <= area.height()
    return option.text.replace("\u200b", "") == text and fits and view.viewport().rect().contains(option.rect)


@pytest.mark.parametrize("export_open", [False, True])
def test_a_long_problem_is_shown_whole_in_the_problems_list(
    qtbot, window: MainWindow, example_project: Path, export_open: bool
) -> None:
    """Messages were cut with "…" at the column's edge (whole only in the tooltip); with the Export
    dock open beside the list, the Code column went and the place was cut in the middle. Rows
    are as tall as their wrapped text now, and a Fix button sits at the top of its row."""
    (example_project / "webapp2/plugins/meeting-info/info.svg").unlink()  # PD400: a long message, with a fix
    window.resize(1280, 800)
    window.open_path(example_project)
    view = window.problems_view
    if export_open:  # and widened by the user: the list has about 600 px
        window.show_export()
        qtbot.waitUntil(lambda: window.export_dock.isVisible())

        def widened() -> bool:  # (once the dock is laid out: until then Qt ignores the new width)
            window.resizeDocks([window.export_dock], [680], Qt.Orientation.Horizontal)
            return view.width() < 640

        qtbot.waitUntil(widened)
    row = next(r for r in view.problem_items() if r.text(2) == "PD400")
    problem = row.data(0, Qt.ItemDataRole.UserRole)
    assert len(problem.message) > 150 and row.text(0) == problem.message
    assert row.text(1) == problem.location() and not view.isColumnHidden(2)
    qtbot.waitUntil(lambda: _shown_whole(view, row, 0, problem.message))
    assert _shown_whole(view, row, 1, problem.location())
    button = view.itemWidget(row, 3)
    cell = view.visualRect(view.indexFromItem(row, 3))
    assert cell.height() > button.sizeHint().height()  # several lines tall...
    assert button.geometry().top() == cell.top() and button.height() == button.sizeHint().height()  # ...not the button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not any(r.text(2) == "PD400" for r in view.problem_items()))  # it still fixes


def test_a_problems_list_480_px_wide_shows_each_code_and_a_readable_fix_button(
    qtbot, window: MainWindow, example_project: Path
) -> None:
    """Docked at the side, 480 px wide, the list hid the Code column (the code was nowhere to be
    seen) and cut "Enable 'Meeting information' in settings.json" down to "Enable…s.json".
    (PD209's fix is now "Switch it on when the app starts".)"""
    (example_project / "webapp2/plugins/meeting-info/info.svg").unlink()  # PD400: "Create 'info.svg'"
    settings = example_project / "webapp2/settings.json"
    data = json.loads(settings.read_text())
    data["plugins"][1]["enabled"] = False  # with allowUnload false: PD209, "Switch … on when the app starts"
    settings.write_text(json.dumps(data, indent=4))
    package = example_project / "webapp2/plugins/meeting-info/meeting-info.plugin.package.json"
    package.write_text(package.read_text().replace('"allowUnload": true', '"allowUnload": false'))
    window.resize(1280, 800)
    window.open_path(example_project)
    dock, view = window.problems_dock, window.problems_view
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)  # dragged to the side by the user
    dock.show()

    def narrowed() -> bool:
        window.resizeDocks([dock], [480], Qt.Orientation.Horizontal)
        return dock.width() == 480

    qtbot.waitUntil(narrowed)
    rows = {r.data(0, Qt.ItemDataRole.UserRole).code: r for r in view.problem_items()}
    assert {"PD400", "PD209"} <= set(rows)
    qtbot.waitUntil(lambda: view.viewport().width() < 480)
    for code, row in rows.items():  # in its own column, or under the place
        assert (not view.isColumnHidden(2) and row.text(2) == code) or row.text(1).endswith("\n" + code)
    for code in ("PD400", "PD209"):
        button = view.itemWidget(rows[code], 3)
        full = button.property("fullTitle")
        assert button.text() in (full, "Fix"), button.text()  # whole, or a plain "Fix" (its tooltip has it)
        assert full in button.toolTip()
        assert view.viewport().rect().contains(button.geometry())
    assert view.itemWidget(rows["PD400"], 3).text() == "Create 'info.svg'"
    qtbot.mouseClick(view.itemWidget(rows["PD209"], 3), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not any(r.text(2) == "PD209" for r in view.problem_items()))  # it still fixes


def test_the_empty_problems_list_of_the_welcome_page_has_no_sideways_scrollbar(qtbot) -> None:
    """On the welcome page of a 900 px window the empty Problems list showed a sideways
    scrollbar: its columns were set wider than the list until the first problems came."""
    from conftest import shown

    window = shown(qtbot, MainWindow(), 900, 600)
    view = window.problems_view
    qtbot.waitUntil(lambda: view.viewport().width() < 900)
    assert not view.horizontalScrollBar().isVisible()
    assert window.findChild(QWidget, "welcomePane").isVisible()


def test_the_problems_dock_is_folded_on_the_welcome_page_and_comes_back_with_problems(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """With nothing open the Problems dock took a third of the window, full height and empty; it
    is folded to its header as for a project with no problems, and the first problems unfold it."""
    assert window.findChild(QWidget, "welcomePane").isVisible()
    assert window.problems_dock.isVisible()
    qtbot.waitUntil(lambda: window.problems_dock.height() < 60)
    (example_project / "webapp2" / "manifest.json").unlink()  # PD3xx: a problem to list
    assert window.open_path(example_project)
    assert window.problems_view.problem_items()
    qtbot.waitUntil(lambda: window.problems_dock.height() > 150)


def _fix_texts_at_widths(qtbot, example_project: Path, titles: list[str], widths: range):
    """(title, the text of its Fix button) for each of ``titles`` at each of ``widths`` of a Problems
    list holding one problem per title (a wrapping message, so the Fix column is what gives way)."""
    from conftest import shown

    from designer.core.model import load
    from designer.core.problems import Fix, Problem, Severity
    from designer.gui.panes.problems_pane import ProblemsPane

    problems = [
        Problem("PD505", Severity.ERROR, "settings.json", 1, 1, "A message long enough to wrap. " * 3, fix=Fix("x", t))
        for t in titles
    ]
    view = shown(qtbot, ProblemsPane(), 900, 300)
    view.show_problems(problems, load(example_project))
    for width in widths:
        view.resize(width, 300)
        qtbot.waitUntil(lambda w=width: view.width() == w)
        for row, title in zip(view.problem_items(), titles, strict=True):
            yield title, view.itemWidget(row, 3).text()


def test_a_shortened_fix_button_is_cut_between_words(qtbot, example_project: Path) -> None:
    """Beside the Export dock the Fix column is narrow, and "Create the function action1" showed
    as "Create the f…tion action1": halves of a word. Shortened, a title is cut where words (or a
    path's folders) end, at every width of the list."""
    titles = ["Create the function action1", "Use 'plugins/lock-toggle/lock-toggle.plugin.package.json'"]
    breaks = " /.-"
    shortened = set()
    for title, text in _fix_texts_at_widths(qtbot, example_project, titles, range(420, 900, 10)):
        if text in (title, "Fix"):
            continue
        shortened.add(text)
        left, right = text.split("…")
        assert title.startswith(left) and title.endswith(right), text
        assert left[-1] in breaks or title[len(left)] in breaks, text
        assert right[0] in breaks or title[len(title) - len(right) - 1] in breaks, text
    assert "Create the … action1" in shortened, shortened  # (the widths do shorten them)


def test_a_long_fix_title_is_cut_between_words_and_again_between_words_in_a_narrow_column(
    qtbot, example_project: Path
) -> None:
    """A title wider than a button may be (300 px) was first shortened by Qt anywhere ("…the f…tion"),
    and in a narrow column that first "…" was taken for the cut being made, which then stayed
    inside a word. Every "…" shown is between words (or a path's folders) of the title."""
    titles = [
        "Create the functions showMeetingInformation and toggleTheLockOfTheMeetingRoom in the source",
        "Use 'plugins/lock-toggle/lock-toggle.plugin.package.json' instead of the listed file",
    ]
    breaks = " /.-"
    seen = set()
    for title, text in _fix_texts_at_widths(qtbot, example_project, titles, range(420, 1400, 10)):
        if text == "Fix":
            continue
        seen.add(text)
        pieces = text.split("…")
        assert len(pieces) > 1 and title.startswith(pieces[0]) and title.endswith(pieces[-1]), text
        at = len(pieces[0])  # where the piece before a "…" ends in the title
        for piece in pieces[1:]:
            start = title.find(piece, at) if piece is not pieces[-1] else len(title) - len(piece)
            assert start >= at, text
            before, after = title[at - 1 : at], title[at : at + 1]
            assert before in breaks or after in breaks or not before, text  # (the cut ends a word...)
            first, last = title[start : start + 1], title[start - 1 : start]
            assert first in breaks or last in breaks or not first, text  # (...and goes on at one)
            at = start + len(piece)
    assert len(seen) > 2, seen  # (the widths do shorten them)


def test_a_fix_and_a_new_icon_are_said_in_the_status_bar(
    qtbot, window: MainWindow, example_project: Path, monkeypatch
) -> None:
    """After a Fix button the problem's row just went, and a built-in icon picked in the form
    went into the project, with no word in the status bar (which says what other actions did)."""
    from PySide6.QtWidgets import QDialog

    from designer.gui.panes.icon_sources import IconGalleryDialog

    (example_project / "webapp2/plugins/meeting-info/info.svg").unlink()  # PD400, with a fix
    window.open_path(example_project)
    view = window.problems_view
    row = next(r for r in view.problem_items() if r.text(2) == "PD400")
    qtbot.mouseClick(view.itemWidget(row, 3), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not any(r.text(2) == "PD400" for r in view.problem_items()))  # checked again...
    fixed = "Fixed: Create plugins/meeting-info/info.svg with a placeholder icon. Undo with Ctrl+Z."
    assert window.status.text() == fixed  # ...and still said

    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("plugin", 0)))
    monkeypatch.setattr(IconGalleryDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(IconGalleryDialog, "selected_name", lambda self: "record")
    items = window.plugin_page.items
    items.list.setCurrentRow(0)
    next(a for a in items.icon_add.menu().actions() if a.objectName() == "addIcon_builtin").trigger()
    assert items.icon.currentData() == "record.svg#record"
    assert window.status.text() == (
        "Added icon record.svg to 'Lock toggle'. Not saved yet: Ctrl+S writes it into the project."
    )


def test_the_icon_dialogs_of_an_items_new_icon_say_the_item_gets_the_icon(
    qtbot, window: MainWindow, example_project: Path, monkeypatch
) -> None:
    """From a menu item's "New icon ▾" the gallery's button said "Add to plugin" and the import's
    "Import": as if the item still had to be pointed at the icon in the Icon box afterwards. From
    the icon editor's "Add icon ▾" they add the icon to the plugin only, and say so."""
    from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog

    from designer.gui.panes.icon_sources import IconGalleryDialog, ImportSvgDialog

    said: list[str] = []

    def answer(self) -> QDialog.DialogCode:
        self.show()
        said.append(self.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).text())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(IconGalleryDialog, "exec", answer)
    monkeypatch.setattr(ImportSvgDialog, "exec", answer)
    svg = example_project / "dot.svg"
    svg.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><circle cx="12" cy="12" r="8"/></svg>')
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(svg), "")))
    window.open_path(example_project)
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("plugin", 1)))
    items = window.plugin_page.items
    for key in ("builtin", "import"):
        next(a for a in items.icon_add.menu().actions() if a.objectName() == f"addIcon_{key}").trigger()
    assert said == ["Add and use for this item", "Import and use for this item"]
    window.tree.setCurrentItem(
        window._find_tree_item(window.tree.topLevelItem(0), ("file", "plugins/meeting-info/info.svg"))
    )
    pane = window.icon_pane
    for name in ("builtinIconsAction", "importSvgAction"):
        next(a for a in pane.findChildren(QAction) if a.objectName() == name).trigger()
    assert said[2:] == ["Add to plugin", "Import"]
    assert window.editor.undo_stack.count() == 0  # (each cancelled: nothing added)


def test_the_import_dialog_says_what_the_drawings_own_id_becomes(
    qtbot, window: MainWindow, example_project: Path, monkeypatch
) -> None:
    """Imported from a menu item's "New icon ▾", hostile.svg's root id 'bad' became 'hostile'
    without a word. The dialog says so before OK, with the name the item will refer to (another
    one when hostile.svg is taken), and follows the file name as it is typed."""
    from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QLineEdit

    from designer.gui.panes.icon_sources import ImportSvgDialog

    said: list[str] = []

    def answer(self) -> QDialog.DialogCode:
        self.show()
        summary = self.findChild(QLabel, "importSummary")
        said.append(summary.text())
        name = self.findChild(QLineEdit, "importName")
        if said[1:]:  # the second time: the user names the file themselves
            name.selectAll()
            qtbot.keyClicks(name, "Shield")
            said.append(summary.text())
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ImportSvgDialog, "exec", answer)
    svg = example_project / "hostile.svg"
    svg.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" id="bad" viewBox="0 0 24 24"><circle cx="12" cy="12" r="8"/></svg>'
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(svg), "")))
    window.open_path(example_project)
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("plugin", 1)))
    items = window.plugin_page.items
    importing = next(a for a in items.icon_add.menu().actions() if a.objectName() == "addIcon_import")
    importing.trigger()
    assert (
        "Its id 'bad' becomes 'hostile', the file's name: the name a menu item refers to, as hostile.svg#hostile."
        in (said[0])
    )
    item = window.package.plugins[1].package.menu_items["conference"][0]
    assert item.icon == "hostile.svg#hostile"
    assert 'id="hostile"' in window.package.read_text("plugins/meeting-info/hostile.svg")
    svg.write_text(svg.read_text().replace('r="8"', 'r="6"'))  # another drawing, its id 'bad' too
    importing.trigger()  # hostile.svg is taken now (the same name the dialog starts with)
    assert "Its id 'bad' becomes 'hostile-2', the file's name" in said[1]
    assert (
        "Its id 'bad' becomes 'shield', the file's name: the name a menu item refers to, as shield.svg#shield."
        in (said[2])
    )
    assert window.package.plugins[1].package.menu_items["conference"][0].icon == "shield.svg#shield"
    window.editor.undo_stack.setClean()


def test_the_problems_columns_give_the_message_the_room(qtbot, window: MainWindow, example_project: Path) -> None:
    """The Fix column was 400 px of nothing on a big screen while messages were cut short, and
    was pushed off a small one. Now the message takes what the others leave."""
    from PySide6.QtWidgets import QPushButton

    (example_project / "webapp2/plugins/meeting-info/info.svg").unlink()  # PD400, with a fix
    window.open_path(example_project)
    view = window.problems_view
    header = view.header()
    for width in (1024, 1440):
        window.resize(width, 800)
        qtbot.waitUntil(lambda: header.length() <= view.viewport().width())  # no sideways scrolling
        buttons = [view.itemWidget(row, 3) for row in view.problem_items()]
        assert any(isinstance(b, QPushButton) for b in buttons)
        widest = max(b.sizeHint().width() for b in buttons if b is not None)
        assert widest <= header.sectionSize(3) <= widest + 60
        assert header.sectionSize(0) > header.sectionSize(1)


def test_another_plugin_opens_at_the_top_of_its_page(qtbot, window: MainWindow, example_project: Path) -> None:
    window.open_path(example_project)
    window.resize(1024, 500)
    top = window.tree.topLevelItem(0)
    window.tree.setCurrentItem(window._find_tree_item(top, ("plugin", 0)))
    page = window.plugin_page
    bar = page.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())  # the user scrolled down to the menu items
    window.tree.setCurrentItem(window._find_tree_item(top, ("plugin", 1)))
    assert bar.value() == 0


def test_the_export_dock_reaches_down_beside_the_problems(qtbot, window: MainWindow, example_project: Path) -> None:
    """Under a full-width Problems dock, a laptop screen left the Export dock's "What changed" two lines tall."""
    window.resize(1024, 640)
    window.open_path(example_project)
    window.show_export()
    qtbot.waitUntil(lambda: window.export_dock.isVisible())
    export, problems = window.export_dock.geometry(), window.problems_dock.geometry()
    assert export.bottom() >= problems.bottom() - 2 and export.left() >= problems.right()
    view = window.problems_view  # narrower now: the message keeps about half of it
    assert view.header().sectionSize(0) >= view.viewport().width() // 3


def test_the_plugin_page_fields_start_in_one_column(window: MainWindow, example_project: Path) -> None:
    """The fields of "About the plugin", of the menu items and "Appears in" started at three places."""
    from PySide6.QtWidgets import QComboBox, QLineEdit

    window.open_path(example_project)
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("plugin", 0)))
    page = window.plugin_page
    body = page.widget()
    fields = [
        page.findChild(QLineEdit, "nameEdit"),
        page.findChild(QComboBox, "placementCombo"),
        page.findChild(QLineEdit, "actionEdit"),
    ]
    assert len({f.mapTo(body, f.rect().topLeft()).x() for f in fields}) == 1


def test_a_laptop_screen_shows_the_menu_items_fields_without_scrolling(
    qtbot, window: MainWindow, example_project: Path
) -> None:
    """At 1280x800 the item's Icon, Label and Action were below the fold: a blank strip under
    "Available to" and a 160 px item list, empty under the one item. The list is as tall as its
    rows now (three at least, eight at most, then it scrolls)."""
    from PySide6.QtWidgets import QPushButton

    window.resize(1280, 800)
    window.open_path(example_project)
    qtbot.mouseClick(
        window.tree.viewport(),
        Qt.MouseButton.LeftButton,
        pos=window.tree.visualItemRect(window._find_tree_item(window.tree.topLevelItem(0), ("plugin", 0))).center(),
    )
    page = window.plugin_page
    viewport = page.viewport()

    def on_show(widget) -> bool:
        top_left = widget.mapTo(viewport, widget.rect().topLeft())
        return widget.isVisible() and viewport.rect().contains(QRect(top_left, widget.size()))

    qtbot.waitUntil(lambda: on_show(page.items.label))
    assert page.verticalScrollBar().value() == 0
    assert on_show(page.items.icon) and on_show(page.items.action)
    items = page.items.list
    row = items.sizeHintForRow(0)
    assert items.count() == 1 and items.height() <= 3 * row + 2 * items.frameWidth()
    add = page.findChild(QPushButton, "addItemButton")
    for count in range(2, 11):
        qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
        assert items.count() == count
        assert items.height() == 2 * items.frameWidth() + min(max(count, 3), 8) * row, count
    assert items.verticalScrollBar().maximum() > 0  # ten items: the list scrolls


def test_the_description_box_grows_with_its_text_and_a_note_takes_one_line(
    qtbot, window: MainWindow, example_project: Path
) -> None:
    """The description box was three lines tall for a one-line description and scrolled for a
    fourth; the note under a refused id took a row twice its height."""
    window.resize(1280, 800)
    window.open_path(example_project)
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("plugin", 1)))
    form = window.plugin_page.form
    box, bar = form.description, form.description.verticalScrollBar()
    line = box.fontMetrics().lineSpacing()
    assert box.document().lineCount() == 1 and box.height() < 3 * line
    heights = []
    for lines in (4, 6, 9):
        box.setFocus()
        box.selectAll()
        for i in range(lines):
            if i:
                qtbot.keyClick(box, Qt.Key.Key_Return)
            qtbot.keyClicks(box, f"Line {i}")
        qtbot.waitUntil(lambda lines=lines: box.document().lineCount() == lines)
        heights.append(box.height())
        assert bar.maximum() == (0 if lines <= 6 else lines - 6), lines  # every line on show, up to six
    assert heights[0] < heights[1] == heights[2]
    for role in form.roles.values():
        if role.isChecked():
            qtbot.mouseClick(role, Qt.MouseButton.LeftButton, pos=QPoint(8, role.height() // 2))
    form.id.setFocus()
    form.id.selectAll()
    qtbot.keyClicks(form.id, window.package.plugins[0].entry.id)
    qtbot.keyClick(form.id, Qt.Key.Key_Return)
    for note in (form.id_note, form.hint):  # ("Tick at least one place and one group, ...")
        qtbot.waitUntil(note.isVisible)
        qtbot.waitUntil(lambda note=note: note.height() < 2 * line)


def test_a_problem_about_a_missing_list_or_a_null_label_gives_the_keyboard_to_its_control(
    qtbot, window: MainWindow, example_project: Path
) -> None:
    """PD303 for a package with no platforms list jumped to line 1 of the JSON; PD309 on a null
    label focused the greyed Label field, so the keyboard stayed in Problems."""
    import json

    from PySide6.QtWidgets import QApplication, QCheckBox

    package = example_project / "webapp2/plugins/meeting-info/meeting-info.plugin.package.json"
    data = json.loads(package.read_text())
    del data["platforms"]
    (item,) = data["menuItems"]["conference"]
    item["icon"] = item["label"] = None
    package.write_text(json.dumps(data, indent=4) + "\n")
    window.open_path(example_project)
    view = window.problems_view
    for code, name in (("PD303", "platform_"), ("PD309", "labelRuntimeCheck")):
        row = next(r for r in view.problem_items() if r.text(2) == code)
        view.setFocus()
        view.itemActivated.emit(row, 0)
        focused = QApplication.focusWidget()
        assert isinstance(focused, QCheckBox) and focused.objectName().startswith(name), (code, focused)


def test_the_problems_list_takes_its_rows_in_one_go(qtbot, window: MainWindow, example_project: Path) -> None:
    """Rows added one by one to the visible list made 700 problems take seconds to show, and each
    re-check while typing in a broken project froze the window."""
    from designer.core.problems import make

    window.open_path(example_project)
    view = window.problems_view
    problems = [
        make("PD306", f"plugins/{p}/{p}.plugin.package.json", f"item {i}", i + 1, 1, plugin=p)
        for p in ("lock-toggle", "meeting-info", "raise-hand-helper")
        for i in range(40)
    ]
    inserted: list[int] = []
    view.model().rowsInserted.connect(lambda parent, first, last: inserted.append(last - first + 1))
    view.show_problems(problems, window.package)
    assert inserted == [3]  # the three groups, their rows already in them
    assert sum(1 for _ in view.problem_items()) == 120
    assert all(view.topLevelItem(i).isExpanded() for i in range(3))


def test_ctrl_shift_m_takes_the_keyboard_to_the_first_problem(window: MainWindow, qtbot, base_project: Path) -> None:
    """A dock is not in the Tab order: without a shortcut a keyboard user could not reach the list."""
    src = base_project / "webapp2" / "plugins/rec/rec.plugin.js"
    src.write_text(src.read_text().replace("function record(", "function record( ((", 1))
    window.open_path(base_project)
    window.problems_dock.hide()
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    view = window.problems_view
    qtbot.waitUntil(view.hasFocus)
    assert window.problems_dock.isVisible()
    first = view.currentItem()
    assert first is view.topLevelItem(0).child(0) and first.data(0, Qt.ItemDataRole.UserRole) in window.problems
    # Enter on it goes to the problem's place, as a double-click does
    jumped: list[object] = []
    view.sig_jump.connect(jumped.append)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert jumped == [view.currentItem().data(0, Qt.ItemDataRole.UserRole)]


def test_each_alt_letter_of_the_plugin_page_reaches_one_field(window: MainWindow, qtbot, example_project: Path) -> None:
    """Alt+V opened the View menu before the Version field, and Alt+I went to the Id, then to the
    Icon: a letter two controls share takes two presses, and the first lands somewhere else."""
    from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel

    window.open_path(example_project)
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("plugin", 0)))
    page = window.plugin_page
    texts = [a.text() for a in window.menuBar().actions()]
    texts += [w.text() for w in page.findChildren(QLabel) if w.buddy() is not None and w.isVisibleTo(page)]
    texts += [w.text() for w in page.findChildren(QAbstractButton) if w.isVisibleTo(page)]
    letters = [t.replace("&&", "").split("&", 1)[1][0].lower() for t in texts if "&" in t.replace("&&", "")]
    assert len(letters) >= 12 and sorted(letters) == sorted(set(letters))
    alt = Qt.KeyboardModifier.AltModifier
    for letter, field in (
        (Qt.Key.Key_R, page.form.version),
        (Qt.Key.Key_I, page.form.id),
        (Qt.Key.Key_C, page.items.icon),
    ):
        for _ in range(2):  # the same field again: not a second control sharing the letter
            qtbot.keyClick(QApplication.focusWidget() or window, letter, alt)
            assert QApplication.focusWidget() is field


def _tab_round(qtbot, start) -> list:
    """Every widget Tab stops at, from ``start`` round to it again (Ctrl+Tab out of code and the
    canvas, where Tab indents or picks shapes)."""
    from PySide6.QtWidgets import QApplication

    seen = []
    for _ in range(80):
        widget = QApplication.focusWidget()
        seen.append(widget)
        trapped = type(widget).__name__ in ("SourceEditor", "IconCanvas")
        qtbot.keyClick(
            widget, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier if trapped else Qt.KeyboardModifier.NoModifier
        )
        if QApplication.focusWidget() is start:
            return seen
    raise AssertionError(f"Tab never came back to {start}: {seen[-5:]}")


def test_tab_stops_only_where_the_keyboard_shows(window: MainWindow, qtbot, example_project: Path) -> None:
    """The plugin page and the icon's preview strip are scroll areas: each was a Tab stop of its
    own that showed nothing, so one press of Tab seemed lost (and the page's fields came after it)."""
    from PySide6.QtWidgets import QScrollArea

    window.open_path(example_project)
    window.tree.setFocus()
    qtbot.waitUntil(window.tree.hasFocus)
    root = window.tree.topLevelItem(0)
    window.tree.setCurrentItem(window._find_tree_item(root, ("plugin", 0)))
    stops = _tab_round(qtbot, window.tree)
    assert window.plugin_page.form.name in stops and window.problems_view in stops
    assert [w.objectName() for w in stops if isinstance(w, QScrollArea)] == []
    window.tree.setCurrentItem(window._find_tree_item(root, ("file", "plugins/lock-toggle/lock.svg")))
    stops = _tab_round(qtbot, window.tree)
    assert window.icon_pane.canvas in stops and window.icon_pane.rename_button in stops
    assert [w.objectName() for w in stops if isinstance(w, QScrollArea)] == []


_DEMO_PLUGINS = ("lock-toggle", "meeting-info", "raise-hand-helper")


def _misregister_every_plugin(project: Path) -> None:
    """Each example plugin registers itself under a wrong id: three problems, each with a Fix."""
    for name in _DEMO_PLUGINS:
        js = project / "webapp2" / "plugins" / name / f"{name}.plugin.js"
        js.write_text(js.read_text().replace(f"id: '{name}'", f"id: '{name}-x'"))


def _three_problems_with_the_keyboard_on_them(window: MainWindow, qtbot, project: Path):
    """``project`` with three PD504s opened, and Ctrl+Shift+M pressed in the tree; the list."""
    _misregister_every_plugin(project)
    window.open_path(project)
    view = window.problems_view
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(view.hasFocus)
    return view


def test_tab_from_a_problem_reaches_its_own_fix_button(window: MainWindow, qtbot, example_project: Path) -> None:
    """The Fix buttons were Tab stops in the list's order: Tab from the third problem went to the
    first one's Fix, so Space fixed another problem; Enter on a Fix jumped instead of fixing."""
    from PySide6.QtWidgets import QApplication

    view = _three_problems_with_the_keyboard_on_them(window, qtbot, example_project)
    rows = list(view.problem_items())
    assert [r.text(2) for r in rows] == ["PD504"] * 3
    while view.currentItem() is not rows[2]:
        qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    button = QApplication.focusWidget()
    assert button is view.itemWidget(rows[2], 3)
    assert "Change the id in the source to 'raise-hand-helper'" in button.toolTip()
    qtbot.keyClick(button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(list(view.problem_items())) == 2)
    assert [p.plugin for p in window.problems] == ["lock-toggle", "meeting-info"]
    assert window.package.read_text("plugins/raise-hand-helper/raise-hand-helper.plugin.js").count(
        "id: 'raise-hand-helper'"
    )
    # From a Fix, Tab leaves the list rather than walking every other Fix button
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    view.setCurrentItem(next(view.problem_items()))
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    fix = QApplication.focusWidget()
    assert fix is view.itemWidget(view.currentItem(), 3)
    qtbot.keyClick(fix, Qt.Key.Key_Tab)
    assert not view.isAncestorOf(QApplication.focusWidget()) and not view.hasFocus()


def test_after_a_fix_the_keyboard_stays_in_the_problems_at_the_next_one(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """The Fix button goes with the list's old rows, and the keyboard fell to the project tree."""
    from PySide6.QtWidgets import QApplication

    view = _three_problems_with_the_keyboard_on_them(window, qtbot, example_project)
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)  # fixes the first of three
    qtbot.waitUntil(lambda: len(list(view.problem_items())) == 2)
    qtbot.waitUntil(view.hasFocus)
    assert view.currentItem().data(0, Qt.ItemDataRole.UserRole).plugin == "meeting-info"
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)  # and the next, without moving
    qtbot.waitUntil(lambda: len(list(view.problem_items())) == 1)
    qtbot.waitUntil(view.hasFocus)
    assert view.currentItem().data(0, Qt.ItemDataRole.UserRole).plugin == "raise-hand-helper"
    assert [p.plugin for p in window.problems] == ["raise-hand-helper"]


@pytest.mark.parametrize("rel", ["settings.json", "plugins/lock-toggle/lock-toggle.plugin.js"])
def test_ctrl_tab_leaves_the_source_editor_where_tab_indents(
    window: MainWindow, qtbot, example_project: Path, rel: str
) -> None:
    """Tab indents in code, so without Ctrl+Tab a keyboard user could never leave the editor.
    (A source the user can type in too: QPlainTextEdit refused to move the focus out of one.)"""
    from conftest import open_in_editor

    editor = open_in_editor(window, example_project / "webapp2", rel)
    assert editor.isReadOnly() == (rel == "settings.json")
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    before = editor.toPlainText()
    qtbot.keyClick(editor, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not editor.hasFocus())
    assert editor.toPlainText() == before
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    qtbot.keyClick(editor, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: not editor.hasFocus())
    assert editor.toPlainText() == before


def _nameless(root) -> list[str]:
    """Controls a screen reader would announce without a name ("button", "minus", "edit")."""
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit

    out = []
    for cls in (QAbstractButton, QLineEdit, QAbstractSpinBox, QAbstractItemView, QComboBox):
        for w in root.findChildren(cls):
            inner = isinstance(w, QLineEdit) and isinstance(w.parent(), (QAbstractSpinBox, QComboBox))
            if (
                not w.isVisibleTo(root)
                or inner
                or w.objectName().startswith("qt_")
                or cls is QAbstractItemView
                and w.inherits("QHeaderView")
            ):
                continue
            name = QAccessible.queryAccessibleInterface(w).text(QAccessible.Text.Name)
            if not any(c.isalpha() for c in name):
                out.append(f"{type(w).__name__} {w.objectName()!r} {name!r}")
    return out


def test_every_control_has_a_name_a_screen_reader_can_say(window: MainWindow, qtbot, example_project: Path) -> None:
    """'✕', '−' and '+' buttons and fields without a label beside them were read out without a name."""
    root = example_project / "webapp2"
    window.open_path(root)
    assert _nameless(window) == []
    js = sorted(p.relative_to(root).as_posix() for p in root.rglob("*.plugin.js"))[0]
    window.show_file(js)
    window.source_editor.setFocus()  # (the keyboard stays in the tree when a file is chosen there)
    qtbot.waitUntil(window.source_editor.hasFocus)
    qtbot.keyClick(window.source_editor, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)  # find and replace
    qtbot.waitUntil(window.source_pane.find_bar.isVisible)
    assert _nameless(window) == []
    window.show_file(sorted(p.relative_to(root).as_posix() for p in root.rglob("*.svg"))[0])
    assert _nameless(window) == []
    window.show_export()
    assert _nameless(window) == []


def test_a_recent_project_that_is_gone_can_be_taken_off_with_the_keyboard(qtbot, tmp_path: Path, monkeypatch) -> None:
    """It was greyed and could not be selected: only a right-click could remove it."""
    from designer.gui.app import recent_projects, remember_project
    from designer.gui.panes.welcome import WelcomePane

    kept, gone, also_gone = tmp_path / "kept", tmp_path / "gone", tmp_path / "also-gone"
    for folder in (kept, gone, also_gone):
        folder.mkdir()
        remember_project(folder)
    gone.rmdir()
    also_gone.rmdir()
    pane = WelcomePane()
    qtbot.addWidget(pane)
    pane.show()
    pane.activateWindow()
    pane.recent.setFocus()
    qtbot.waitUntil(pane.recent.hasFocus)
    rows = [pane.recent.item(i).text() for i in range(pane.recent.count())]
    pane.recent.setCurrentRow(next(i for i, t in enumerate(rows) if str(gone) in t))
    qtbot.keyClick(pane.recent, Qt.Key.Key_Delete)
    assert str(gone.resolve()) not in recent_projects() and str(kept.resolve()) in recent_projects()
    assert pane.recent.currentItem() is not None  # the keyboard stays in the list
    # Enter on the other one asks, and Yes takes it off too
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    opened: list[str] = []
    pane.sig_open_path.connect(opened.append)
    rows = [pane.recent.item(i).text() for i in range(pane.recent.count())]
    pane.recent.setCurrentRow(next(i for i, t in enumerate(rows) if str(also_gone) in t))
    qtbot.keyClick(pane.recent, Qt.Key.Key_Return)
    assert asked and "no longer exists" in asked[0] and opened == []
    assert str(also_gone.resolve()) not in recent_projects() and str(kept.resolve()) in recent_projects()


def test_a_problem_on_the_first_line_after_a_byte_order_mark_is_underlined_where_it_is(
    window: MainWindow, qtbot, base_project: Path
) -> None:
    """The mark (which the editor does not show) counted as a column: the underline sat one
    character right of the misspelt name."""
    src = base_project / "webapp2" / "plugins/rec/rec.plugin.js"
    src.write_bytes(b"\xef\xbb\xbfPEX.pluginAPI.sendRequset('/x'); " + src.read_bytes())
    window.open_path(base_project)
    view = window.problems_view
    problem = next(r for r in view.problem_items() if r.text(2) == "PD511").data(0, Qt.ItemDataRole.UserRole)
    assert (problem.line, problem.column) == (1, 15)
    window.jump_to_problem(problem)
    editor = window.source_editor
    qtbot.waitUntil(editor.hasFocus)
    underlined = _underlined(editor, "PD511")
    assert underlined == ["sendRequset"]


@pytest.mark.parametrize(
    ("rel", "data", "code", "where", "line", "mark"),
    [
        # The JSON decoder counts LF only: in a file whose lines end with a lone CR (old Mac
        # editors) the mistake was reported on line 1, at a column past its end.
        (
            "settings.json",
            b'{\r    "plugins": [\r        {"id": "rec-1.0", "srcURL": "plugins/rec/rec.plugin.package.json"}\r'
            b"    ],\r    'note': 1\r}\r",
            "PD100",
            "settings.json:5:5",
            "    'note': 1",
            "'",
        ),
        # libxml2 counts lines at LF only: an icon's onclick was reported on line 1 (the <svg> line).
        (
            "plugins/rec/evil.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">\r  <g>\r'
            b'    <rect width="4" height="4" onclick="x()"/>\r  </g>\r</svg>\r',
            "PD413",
            "plugins/rec/evil.svg:3:32",
            '    <rect width="4" height="4" onclick="x()"/>',
            "onclick",
        ),
    ],
    ids=["json", "svg"],
)
def test_a_problem_in_a_file_of_lone_cr_line_ends_is_underlined_where_it_is(
    window: MainWindow, qtbot, base_project: Path, rel: str, data: bytes, code: str, where: str, line: str, mark: str
) -> None:
    """The jump selected another line, and the underline sat under other text."""
    (base_project / "webapp2" / rel).write_bytes(data)
    window.open_path(base_project)
    _jump_to_first(window, code, where=where)
    editor = window.source_editor
    qtbot.waitUntil(editor.hasFocus)
    cursor = editor.textCursor()
    assert cursor.block().text() == line and line[cursor.positionInBlock() :].startswith(mark)
    assert _underlined(editor, code) == [mark]


def test_a_source_that_is_not_utf8_names_the_line_the_problem_names(window: MainWindow, base_project: Path) -> None:
    """Lines counted at LF only: in a file of lone CRs the bad byte was said to be on line 1, and
    the problem's place (file:line:col) said the same."""
    src = base_project / "webapp2" / "plugins/rec/rec.plugin.js"
    src.write_bytes(b"(function () {\r  var a = 1;\r  var s = '\xe9';\r})();\r")
    window.open_path(base_project)
    _jump_to_first(window, "PD103", where="plugins/rec/rec.plugin.js:3:12")
    assert window.stack.currentWidget() is window.details
    assert "not UTF-8 text (byte 0xe9 on line 3," in window.details.toPlainText()


def _press(qtbot, key, mods=Qt.KeyboardModifier.NoModifier):
    """``key`` on the widget that has the keyboard, as a user presses it; where the keyboard is then."""
    from PySide6.QtWidgets import QApplication

    qtbot.keyClick(QApplication.focusWidget(), key, mods)
    return QApplication.focusWidget()


_TAB, _BACK = Qt.Key.Key_Tab, Qt.Key.Key_Backtab
_SHIFT, _CTRL = Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.ControlModifier


def _from_tree(window: MainWindow, qtbot, item: tuple[str, object]) -> None:
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), item))
    window.tree.setFocus()
    qtbot.waitUntil(window.tree.hasFocus)


@pytest.mark.parametrize("export_open", [False, True])
def test_tab_goes_from_the_tree_to_the_plugin_page_then_to_problems(
    window: MainWindow, qtbot, example_project: Path, export_open: bool
) -> None:
    """The pages are made after the Problems dock, so Tab from the tree went to Problems first
    and the plugin form came after it; now: tree, page, Problems, Export, tree again."""
    window.open_path(example_project)
    if export_open:
        window.show_export()
    _from_tree(window, qtbot, ("plugin", 0))
    page = window.plugin_page
    assert _press(qtbot, _TAB) is page.form.name
    assert _press(qtbot, _TAB) is page.form.version  # the page's own order within it (as read: the
    assert _press(qtbot, _TAB) is page.form.id  # version is beside the name)
    assert _press(qtbot, _BACK, _SHIFT) is page.form.version
    assert _press(qtbot, _BACK, _SHIFT) is page.form.name
    assert _press(qtbot, _BACK, _SHIFT) is window.tree
    last = _press(qtbot, _BACK, _SHIFT)  # round the other way: the last stop of the last region
    assert window.export_pane.isAncestorOf(last) if export_open else last is window.problems_view, last
    page.items.action.setFocus()
    qtbot.waitUntil(page.items.action.hasFocus)
    assert _press(qtbot, _TAB) is page.items.make_button  # the Action's "Make it do ▾"
    assert _press(qtbot, _TAB) is window.problems_view  # (the page's last stop)
    assert _press(qtbot, _BACK, _SHIFT) is page.items.make_button
    _press(qtbot, _TAB)
    after = _press(qtbot, _TAB)
    if export_open:
        assert after is window.export_pane.branding_edit or window.export_pane.isAncestorOf(after), after
        for _ in range(30):
            if after is window.tree:
                break
            after = _press(qtbot, _TAB)
    assert after is window.tree


def test_tab_reaches_the_source_editor_and_ctrl_tab_goes_on_to_problems(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """Tab from the tree went to Problems, and the code came last, after the Problems list."""
    window.open_path(example_project)
    _from_tree(window, qtbot, ("file", "plugins/lock-toggle/lock-toggle.plugin.js"))
    editor = window.source_editor
    assert _press(qtbot, _TAB) is editor
    before = editor.toPlainText()
    assert _press(qtbot, _TAB, _CTRL) is window.problems_view  # Tab itself indents there (not pressed here)
    assert _press(qtbot, _BACK, _SHIFT) is editor
    assert editor.toPlainText() == before
    assert _press(qtbot, _BACK, _CTRL | _SHIFT) is window.tree


@pytest.mark.parametrize("export_open", [False, True])
def test_tab_walks_the_icon_editor_canvas_first_between_tree_and_problems(
    window: MainWindow, qtbot, example_project: Path, export_open: bool
) -> None:
    """The XML view came first on the icon page, and the canvas only after the header and the
    toolbar. Now: the canvas, its toolbar (on two rows when the buttons do not fit), its zoom
    controls, the header's buttons, then the XML view, between the tree and Problems; Tab still
    picks shapes in the canvas, and Ctrl+Tab leaves it."""
    from PySide6.QtWidgets import QToolButton

    window.open_path(example_project)
    if export_open:
        window.show_export()
    _from_tree(window, qtbot, ("file", "plugins/lock-toggle/lock.svg"))
    pane = window.icon_pane
    assert _press(qtbot, _TAB) is pane.canvas  # the page's first stop
    assert _press(qtbot, _TAB) is pane.canvas and pane.canvas.selected is not None  # a shape picked
    toolbar = [pane.toolbar.widgetForAction(a) for a in pane.tool_actions.values()]
    toolbar += [pane.text_edit, pane.fill_button, pane.stroke_button, pane.width_spin]
    toolbar += [pane.toolbar.widgetForAction(a) for a in pane.edit_actions.values()]  # (a shape is selected)
    assert all(w.isVisible() for w in toolbar)  # every one, the window narrow or not (a second row)
    assert [_press(qtbot, _TAB, _CTRL)] + [_press(qtbot, _TAB) for _ in toolbar[1:]] == toolbar
    zoom = [pane.findChild(QToolButton, n) for n in ("zoomOutButton", "zoomInButton", "zoomFitButton")]
    assert [_press(qtbot, _TAB) for _ in range(4)] == [pane.snap_check, *zoom]
    assert [_press(qtbot, _TAB) for _ in range(2)] == [pane.rename_button, pane.add_icon_button]
    assert _press(qtbot, _TAB) is window.source_editor  # the XML view, lent to the icon editor
    assert _press(qtbot, _TAB, _CTRL) is window.problems_view
    # and the other way round
    assert _press(qtbot, _BACK, _SHIFT) is window.source_editor
    assert _press(qtbot, _BACK, _CTRL | _SHIFT) is pane.add_icon_button
    pane.snap_check.setFocus()
    qtbot.waitUntil(pane.snap_check.hasFocus)
    assert _press(qtbot, _BACK, _SHIFT) is toolbar[-1]
    toolbar[0].setFocus()
    qtbot.waitUntil(toolbar[0].hasFocus)
    assert _press(qtbot, _BACK, _SHIFT) is pane.canvas
    assert _press(qtbot, _BACK, _CTRL | _SHIFT) is window.tree
    last = _press(qtbot, _BACK, _SHIFT)  # round the other way: the last stop of the last region
    assert window.export_pane.isAncestorOf(last) if export_open else last is window.problems_view, last


def stale_fix_button(window: MainWindow, example_project: Path) -> tuple[str, str, QWidget]:
    """Open the example with a PD511 (a misspelt API call) in a source, then add a first line to the
    source, the Fix's button clicked before the checks ran again: (the source, its text before the
    line, the button)."""
    rel = "plugins/lock-toggle/lock-toggle.plugin.js"
    source = example_project / "webapp2" / rel
    source.write_text(source.read_text().replace("pluginAPI.sendRequest", "pluginAPI.sendReqest"))
    window.open_path(example_project)
    view = window.problems_view
    row = next(r for r in view.problem_items() if r.text(2) == "PD511")
    button = view.itemWidget(row, 3)
    text = window.package.read_text(rel)
    window.editor.edit_text("Add a line", rel, "// a new first line\n" + text)  # checks run 150 ms later
    return rel, text, button


def test_a_fix_made_stale_by_an_edit_says_so_and_changes_nothing(
    qtbot, window: MainWindow, example_project: Path
) -> None:
    """An edit moves the code the Fix was made for, and the Fix is clicked before the checks ran
    again: the fixer's "no longer at line 40" escaped the button as a traceback."""
    rel, text, button = stale_fix_button(window, example_project)
    view = window.problems_view
    steps = window.editor.undo_stack.count()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.status.text().startswith("Could not fix: ")
    assert "'Use sendRequest' no longer applies" in window.status.text()
    assert window.editor.undo_stack.count() == steps and window.package.read_text(rel) == "// a new first line\n" + text
    row = next(r for r in view.problem_items() if r.text(2) == "PD511")  # checked again: at its new line
    assert row.text(1).endswith(":41:30")
    # said as it is: checked again already (not "are checked again", left there for good)
    from designer.core.wording import counted

    shown = len(list(view.problem_items()))
    assert window.status.text().endswith(
        f"Nothing was changed; the problems are up to date now ({counted(shown, 'problem')})."
    )


def test_a_fix_clicked_twice_before_the_checks_ran_again_is_applied_once(
    qtbot, window: MainWindow, example_project: Path
) -> None:
    """Two quick clicks on "Remove this second 'lock-toggle' entry" (a double-click): the second
    one, on the list not yet checked again, removed the entry that had moved into its place,
    another plugin's."""
    settings = example_project / "webapp2" / "settings.json"
    data = json.loads(settings.read_text())
    data["plugins"].insert(2, dict(data["plugins"][0]))
    settings.write_text(json.dumps(data, indent=4))
    window.open_path(example_project)
    view = window.problems_view
    row = next(r for r in view.problem_items() if r.text(2) == "PD202")
    button = view.itemWidget(row, 3)
    assert button.property("fullTitle") == "Remove this second 'lock-toggle' entry"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # before the checks run again (150 ms)
    ids = [p.entry.id for p in window.package.plugins]
    assert ids == ["lock-toggle", "meeting-info", "raise-hand-helper"]
    assert window.editor.undo_stack.count() == 1
    assert window.status.text().startswith("Could not fix: 'Remove this second 'lock-toggle' entry' no longer applies")
    assert not any(r.text(2) == "PD202" for r in view.problem_items())  # checked again: the list is current


def test_a_fix_clicked_while_big_sources_are_checked_again_waits_for_the_list(
    qtbot, window: MainWindow, example_project: Path
) -> None:
    """With a big source just edited the checks finish on another thread: a Fix clicked before
    then is not applied, and the status bar says to click it again (not that it no longer applies)."""
    from designer.gui.source_analysis import BIG_SOURCE

    settings = example_project / "webapp2" / "settings.json"
    data = json.loads(settings.read_text())
    data["plugins"].insert(2, dict(data["plugins"][0]))
    settings.write_text(json.dumps(data, indent=4))
    rel = "plugins/meeting-info/meeting-info.plugin.js"
    source = example_project / "webapp2" / rel
    source.write_text(source.read_text() + "\n" + "// padding\n" * (BIG_SOURCE // 11 + 1))
    window.open_path(example_project)
    qtbot.waitUntil(lambda: window.source_analysis is None and bool(window.problems))
    view = window.problems_view
    button = view.itemWidget(next(r for r in view.problem_items() if r.text(2) == "PD202"), 3)
    window.editor.edit_text("Add a line", rel, "// a new first line\n" + window.package.read_text(rel))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.status.text().startswith("Not fixed yet: the problems are being checked again")
    assert len(window.package.plugins) == 4 and window.editor.undo_stack.count() == 1
    qtbot.waitUntil(lambda: window.source_analysis is None and window.background_checks is None)
    # The list is up to date now: "click Fix again once the list is up to date" stayed in the
    # status bar regardless; now it says what the checks found.
    from designer.core.wording import counted

    shown = len(list(view.problem_items()))
    assert window.status.text() == (
        f"Not fixed: the problems are up to date now ({counted(shown, 'problem')}). Click Fix again if it is still listed."
    )
    button = view.itemWidget(next(r for r in view.problem_items() if r.text(2) == "PD202"), 3)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert [p.entry.id for p in window.package.plugins] == ["lock-toggle", "meeting-info", "raise-hand-helper"]


def test_tab_skips_the_controls_of_a_dock_hidden_behind_another_docks_tab(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """Export and another dock shared one place as tabs (as Export and Preview do): Tab from the
    Export pane went on into the hidden dock's controls, and the keyboard vanished from sight
    for as many presses as that dock had controls."""
    from PySide6.QtWidgets import QApplication

    window.open_path(example_project)
    window.tree.setFocus()
    qtbot.waitUntil(window.tree.hasFocus)
    qtbot.keyClick(window.tree, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # File ▸ Export…
    qtbot.waitUntil(window.export_pane.export_button.hasFocus)
    window.show_history()  # Edit ▸ Undo History, then dragged onto the Export dock's title bar:
    window.tabifyDockWidget(window.export_dock, window.history_dock)
    window.export_dock.raise_()  # Export is the tab on show
    qtbot.waitUntil(lambda: window.history_dock.visibleRegion().isEmpty())
    qtbot.waitUntil(lambda: not window.export_dock.visibleRegion().isEmpty())
    window.export_pane.export_button.setFocus()
    qtbot.waitUntil(window.export_pane.export_button.hasFocus)
    stops = _tab_round(qtbot, window.export_pane.export_button)
    assert window.history_dock.widget() not in stops
    assert window.tree in stops and window.export_pane.export_button in stops
    assert QApplication.focusWidget() is window.export_pane.export_button


def test_lists_and_search_fields_of_the_plugin_page_dialogs_and_history_have_names(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """The menu items list, the recipe gallery, the icon gallery's search field and list and the
    undo history were read out as "list" or "edit", with no name a screen reader could say."""
    from designer.core.model import load
    from designer.gui.commands import ModelEditor
    from designer.gui.panes.icon_sources import IconGalleryDialog
    from designer.gui.panes.recipe_wizard import RecipeWizard

    window.open_path(example_project)
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("plugin", 0)))
    assert window.plugin_page.isVisible()
    assert _nameless(window.plugin_page) == []
    window.show_history()
    assert _nameless(window.history_dock) == []
    pkg = load(example_project)
    for dialog in (RecipeWizard(pkg, ModelEditor(pkg)), IconGalleryDialog()):
        qtbot.addWidget(dialog)
        dialog.show()
        assert _nameless(dialog) == [], type(dialog).__name__


def test_the_platform_and_role_boxes_say_which_row_they_are_in(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """Tabbing onto "Hosts" a screen reader said "Hosts, check box": the row's label ("Available
    to") was tied to none of the boxes, so nothing said what the box was about."""
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import QCheckBox

    window.open_path(example_project)
    _from_tree(window, qtbot, ("plugin", 0))
    said = {}
    for _ in range(20):
        widget = _press(qtbot, _TAB)
        if isinstance(widget, QCheckBox):
            said[widget.text()] = QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)
        if widget.objectName() == "role_guest":
            break
    assert said["Web app"] == "Loads in: Web app" and said["Android"] == "Loads in: Android"
    assert said["Hosts"] == "Available to: Hosts" and said["Guests"] == "Available to: Guests"
    assert said["Users may switch it off"] == "Users may switch it off"  # a box with no row label: its text
    box = window.plugin_page.form.roles["guest"]
    assert box.hasFocus() and not box.isChecked()
    qtbot.keyClick(box, Qt.Key.Key_Space)  # and it still ticks as before
    assert box.isChecked() and "guest" in window.package.plugins[0].package.participant_roles


def test_the_snippet_browser_svg_import_and_recipe_files_lists_have_names(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """Ctrl+J's search field and list, the SVG import's list of what it removed and the recipe
    wizard's list of files were read out as "edit" and "list", with no name."""
    from PySide6.QtWidgets import QApplication, QListWidget

    from designer.core.model import load
    from designer.gui.commands import ModelEditor
    from designer.gui.panes.icon_sources import ImportSvgDialog
    from designer.gui.panes.recipe_wizard import RecipeWizard
    from designer.gui.panes.source_assist import SnippetBrowser

    window.open_path(example_project)
    _from_tree(window, qtbot, ("file", "plugins/lock-toggle/lock-toggle.plugin.js"))
    editor = _press(qtbot, _TAB)
    assert editor is window.source_editor
    qtbot.keyClick(editor, Qt.Key.Key_J, _CTRL)  # Insert Snippet…
    browser = window.findChild(SnippetBrowser)
    qtbot.waitUntil(lambda: browser.isVisible() and browser.search.hasFocus())
    assert _nameless(browser) == []
    qtbot.keyClick(browser.search, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not browser.isVisible())

    svg = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><script>x()</script><path d="M1 1h2"/></svg>'
    imported = ImportSvgDialog(example_project / "x.svg", svg, set())
    qtbot.addWidget(imported)
    imported.show()
    assert imported.removed.count() and _nameless(imported) == []

    pkg = load(example_project)
    wizard = RecipeWizard(pkg, ModelEditor(pkg))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.activateWindow()
    gallery = wizard.findChild(QListWidget, "recipeGallery")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is gallery)
    wizard.choose("lock-toggle")
    qtbot.keyClick(gallery, Qt.Key.Key_Return)  # Next: the questions
    qtbot.waitUntil(lambda: wizard.findChild(QListWidget, "recipeFiles") is not None)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # Next: the files
    files = wizard.findChild(QListWidget, "recipeFiles")
    qtbot.waitUntil(files.isVisible)
    assert files.count() and _nameless(wizard) == []


def test_alt_v_then_e_hides_and_shows_the_export_pane(window: MainWindow, qtbot, example_project: Path) -> None:
    """The View menu's switch for the Export dock had no Alt+letter ("Export"): from the
    keyboard only the arrow keys reached it."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    window.open_path(example_project)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.tree)
    qtbot.keyClick(window.tree, Qt.Key.Key_E, _CTRL)  # File ▸ Export…
    qtbot.waitUntil(window.export_dock.isVisible)
    for shown in (False, True):
        window.activateWindow()  # (as the window manager does when a menu has closed)
        qtbot.waitUntil(window.isActiveWindow)
        QTimer.singleShot(100, lambda: qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_E))
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)  # &View
        qtbot.waitUntil(lambda shown=shown: window.export_dock.isVisible() is shown)


def test_tab_skips_the_tab_bar_qt_keeps_out_of_sight_when_one_docked_tab_is_left(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """Export and another dock shared one place as tabs; with Export closed the other stays, and
    Qt moves the bar of their tabs out of the window without hiding it: Tab stopped on it, and
    the keyboard vanished from sight for one press."""
    from PySide6.QtWidgets import QTabBar

    window.open_path(example_project)
    window.show_export()
    window.show_history()
    window.tabifyDockWidget(window.export_dock, window.history_dock)  # dragged onto Export
    window.export_dock.close()  # its ✕: the history is left alone in that place
    qtbot.waitUntil(lambda: not window.history_dock.visibleRegion().isEmpty())
    parked = [b for b in window.findChildren(QTabBar) if b.parentWidget() is window and b.isVisible()]
    qtbot.waitUntil(lambda: all(b.visibleRegion().isEmpty() for b in parked))
    _from_tree(window, qtbot, ("plugin", 0))
    stops = _tab_round(qtbot, window.tree)
    assert window.history_dock.widget() in stops
    assert [w for w in stops if w.visibleRegion().isEmpty()] == []  # each one on show


def test_the_fix_for_a_host_only_request_offered_to_guests_unticks_guests(
    qtbot, window: MainWindow, example_project: Path
) -> None:
    """PD517 had no Fix button: the lock button offered to guests too now gets 'Offer it to
    hosts only', which leaves Hosts ticked under 'Available to' and the warning goes."""
    from PySide6.QtWidgets import QCheckBox

    package = example_project / "webapp2/plugins/lock-toggle/lock-toggle.plugin.package.json"
    package.write_text(package.read_text().replace('"chair"\n', '"chair", "guest"\n'))
    window.open_path(example_project)
    view = window.problems_view
    row = next(r for r in view.problem_items() if r.text(2) == "PD517")
    button = view.itemWidget(row, 3)
    assert button is not None, "no Fix button"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not any(r.text(2) == "PD517" for r in view.problem_items()))
    assert window.status.text() == "Fixed: Offer 'Lock toggle' to hosts only. Undo with Ctrl+Z."
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("plugin", 0)))
    guests, hosts = window.findChild(QCheckBox, "role_guest"), window.findChild(QCheckBox, "role_chair")
    assert window.plugin_page.isVisible() and hosts.isChecked() and not guests.isChecked()


def test_the_plugin_that_nobody_can_switch_on_is_said_in_the_forms_words(
    qtbot, window: MainWindow, example_project: Path
) -> None:
    """PD209 said 'enabled: false' and 'allowUnload: false', words of the files; the form shows
    them as two tick boxes, and the message now names those (the file's key in brackets)."""
    from PySide6.QtWidgets import QCheckBox

    settings = example_project / "webapp2/settings.json"
    data = json.loads(settings.read_text())
    data["plugins"][1]["enabled"] = False
    settings.write_text(json.dumps(data, indent=4))
    package = example_project / "webapp2/plugins/meeting-info/meeting-info.plugin.package.json"
    package.write_text(package.read_text().replace('"allowUnload": true', '"allowUnload": false'))
    window.open_path(example_project)
    (row,) = [r for r in window.problems_view.problem_items() if r.text(2) == "PD209"]
    message = row.data(0, Qt.ItemDataRole.UserRole).message
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("plugin", 1)))
    switched_on = window.findChild(QCheckBox, "enabledCheck")
    may_switch_off = window.findChild(QCheckBox, "allowUnloadCheck")
    assert switched_on.isVisible() and not switched_on.isChecked() and not may_switch_off.isChecked()
    assert f"'{switched_on.text()}' (enabled in settings.json)" in message
    assert f"'{may_switch_off.text()}' (allowUnload in its package file)" in message
    assert ": false" not in message


def _form_fits(page) -> list[str]:
    """What of the plugin page is cut off: a sideways scroll bar, a control past its right edge,
    or a control narrower than its text (a tick box, a button) or than a short word (a field)."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit

    cut = ["sideways scroll bar"] if page.horizontalScrollBar().isVisible() else []
    room = page.viewport().width()
    for w in page.widget().findChildren(QWidget):
        if not w.isVisibleTo(page) or not isinstance(w, QAbstractButton | QLineEdit | QComboBox):
            continue
        right = w.mapTo(page.viewport(), QPoint(w.width(), 0)).x()
        least = 60 if isinstance(w, QLineEdit | QComboBox) else w.sizeHint().width()
        if right > room or w.width() < least:
            cut.append(f"{w.objectName() or type(w).__name__}: {w.width()} px wide, right edge {right} of {room}")
    return cut


@pytest.mark.parametrize("size", [(1024, 700), (1280, 800)])
def test_the_plugin_form_beside_the_export_dock_is_not_cut_off(
    qtbot, example_project: Path, size: tuple[int, int], monkeypatch
) -> None:
    """With the Export dock open at 1024x700 the form was squeezed to 280 px of a 480 px layout,
    Version and "Make it do" cut off behind a sideways scroll bar; at 1280x800 it still scrolled
    sideways. Now its rows wrap, the dock starts narrower, and everything shows."""
    from conftest import shown

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    window = shown(qtbot, MainWindow(), *size)  # the window as big as the screen
    window.open_path(example_project)
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("plugin", 0)))
    page = window.plugin_page
    qtbot.waitUntil(lambda: page.isVisible() and page.viewport().width() > 500)  # the form as it opens
    window.export_action.trigger()
    dock = window.export_dock
    qtbot.waitUntil(lambda: dock.isVisible())

    # The window laid out with the dock: the layout requests the dock's showing posted, done now.
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    assert window.width() == size[0]  # the window did not grow past the screen
    for pos in (0, page.verticalScrollBar().maximum()):  # top and bottom of the page
        page.verticalScrollBar().setValue(pos)
        assert _form_fits(page) == []


def test_going_back_several_steps_in_the_undo_history_says_how_many(
    window: MainWindow, qtbot, base_project: Path
) -> None:
    """A click three steps back said "Undone: <the earliest step>" only, as if that one alone had gone."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QUndoView

    window.open_path(base_project)
    for name in ("One", "Two", "Three"):
        window.editor.set_field(0, "package", "name", name, f"Change name of '{{subject}}' to '{name}'")
    window.findChild(QAction, "historyAction").trigger()
    view = window.findChild(QUndoView, "undoHistory")

    def click(row: int) -> None:
        rect = view.visualRect(view.model().index(row, 0))
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    click(1)
    assert window.package.plugins[0].display_name == "One"
    assert window.status.text() == "Undone 2 steps: back to just after Change name of 'Record' to 'One'"
    click(0)
    assert window.status.text() == "Undone: Change name of 'Record' to 'One'"
    click(3)
    assert window.status.text() == "Redone 3 steps, up to Change name of 'Two' to 'Three'"
    click(2)
    click(0)
    assert window.status.text() == "Undone 2 steps: back to the package as it was opened"


def test_tab_skips_the_scroll_arrows_of_the_export_panes_tabs(window: MainWindow, qtbot, example_project: Path) -> None:
    """On a small screen the Export dock opens narrow and its tabs (What changed, Upload
    checklist, settings.json, manifest.json) do not fit: Qt adds two arrows to scroll them,
    and Tab stopped on the right one, a button for the mouse (the arrow keys move between
    the tabs once the tab bar has the keyboard). Now Tab goes from the tabs to what they show."""
    from PySide6.QtWidgets import QToolButton

    window.resize(1024, 700)
    window.open_path(example_project)
    window.show_export()
    bar = window.export_pane.tabs.tabBar()
    qtbot.waitUntil(lambda: any(b.isVisible() for b in bar.findChildren(QToolButton)))  # the tabs do not fit
    _from_tree(window, qtbot, ("plugin", 0))
    stops = _tab_round(qtbot, window.tree)
    assert bar in stops and window.export_pane.tabs.currentWidget() in stops
    assert [w for w in stops if isinstance(w, QToolButton) and w.parentWidget() is bar] == []
    # the next stop after the tabs is what the tab on show shows
    assert stops[stops.index(bar) + 1] is window.export_pane.tabs.currentWidget()


def test_the_export_panes_buttons_have_alt_letters_of_their_own(
    window: MainWindow, qtbot, example_project: Path, monkeypatch
) -> None:
    """Export ZIP, Deploy… and Choose… had no Alt+letter (E, P and H are the menu bar's): the
    keyboard reached them only by Tab. Now X, Y and O, which neither the menus nor the plugin
    form beside the pane use."""
    from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLabel

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    window.open_path(example_project)
    window.show_export()
    _from_tree(window, qtbot, ("plugin", 0))
    pane, page = window.export_pane, window.plugin_page
    pane.may_export = lambda: False  # (nothing written, no dialog left open)
    texts = [a.text() for a in window.menuBar().actions()]
    for part in (page, pane):
        texts += [w.text() for w in part.findChildren(QLabel) if w.buddy() is not None and w.isVisibleTo(part)]
        texts += [w.text() for w in part.findChildren(QAbstractButton) if w.isVisibleTo(part)]
    letters = [t.replace("&&", "").split("&", 1)[1][0].lower() for t in texts if "&" in t.replace("&&", "")]
    assert sorted(letters) == sorted(set(letters)), sorted(letters)
    choose = pane.findChild(QAbstractButton, "choosePathButton")
    for letter, button in (
        (Qt.Key.Key_X, pane.export_button),
        (Qt.Key.Key_Y, pane.deploy_button),
        (Qt.Key.Key_O, choose),
    ):
        with qtbot.waitSignal(button.clicked, timeout=2000):
            qtbot.keyClick(QApplication.focusWidget(), letter, Qt.KeyboardModifier.AltModifier)
    # Behind another dock's tab the pane is out of sight: its letters do nothing there
    window.show_history()
    window.tabifyDockWidget(window.export_dock, window.history_dock)
    window.history_dock.raise_()
    qtbot.waitUntil(lambda: window.export_dock.visibleRegion().isEmpty())
    _from_tree(window, qtbot, ("plugin", 0))
    qtbot.keyClick(window.tree, Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)
    assert not pane.export_button.isDown()  # (a letter Qt takes presses the button at once)
    qtbot.keyClick(window.tree, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is window.tree


def test_the_loads_in_and_available_to_labels_name_their_first_tick_box(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """The two rows' labels were tied to the row holding the tick boxes, which takes no keyboard:
    no tick box had them as its label. Now each labels its row's first box (Web app, Hosts)."""
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import QCheckBox

    window.open_path(example_project)
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("plugin", 0)))
    for title, first in (("Loads in", "platform_web"), ("Available to", "role_chair")):
        box = window.plugin_page.findChild(QCheckBox, first)
        relations = QAccessible.queryAccessibleInterface(box).relations(QAccessible.Relation.Label)
        assert [iface.text(QAccessible.Text.Name) for iface, _kind in relations] == [title]


def test_a_file_of_the_same_name_in_another_project_opens_at_its_start(
    window: MainWindow, qtbot, example_project: Path, tmp_path: Path
) -> None:
    """The source pane knew files by their names in the package, which every copy of the example
    shares: the next project's file opened at the line the cursor had in the last one's."""
    import shutil

    from conftest import open_in_editor
    from PySide6.QtGui import QTextCursor

    rel = "plugins/lock-toggle/lock-toggle.plugin.js"
    other = tmp_path / "other"
    shutil.copytree(example_project, other)
    editor = open_in_editor(window, example_project, rel)
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Down, n=20)
    editor.setTextCursor(cursor)
    assert editor.textCursor().blockNumber() == 20
    editor = open_in_editor(window, other, rel)
    assert editor.documentTitle() == rel and editor.textCursor().blockNumber() == 0
    # Within one project, coming back to a file still finds it as it was left.
    cursor.setPosition(editor.document().findBlockByNumber(12).position())
    editor.setTextCursor(cursor)
    window.tree.setCurrentItem(window.tree.topLevelItem(0))
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("file", rel)))
    assert window.source_editor.textCursor().blockNumber() == 12


def test_a_place_never_runs_into_the_code_column(qtbot) -> None:
    """In a narrow Problems dock a part of a place wider than the Where column (a long plugin
    folder's name) was drawn past the column's edge, up to the code ("…controlpanel/PD202"),
    its end cut off. At every width, nothing of a place is drawn in the last pixels before the
    Code column: such a part breaks inside, onto the next line."""
    from conftest import shown
    from PySide6.QtGui import QColor

    from designer.core.problems import Problem, Severity
    from designer.gui.panes.problems_pane import ProblemsPane

    folder = "plugins/recordingstreamingcontrolpanel/recordingstreamingcontrolpanel.plugin.package.json"
    problems = [
        Problem("PD517", Severity.WARNING, "plugins/lock-toggle/lock-toggle.plugin.js", 40, 30, "Refused for guests."),
        Problem("PD202", Severity.ERROR, folder, 120, 15, "A message long enough to wrap. " * 2),
    ]
    view = shown(qtbot, ProblemsPane(), 900, 400)
    view.show_problems(problems, None)
    checked = 0
    for width in range(480, 900, 7):
        view.resize(width, 400)
        qtbot.waitUntil(lambda w=width: view.width() == w)
        if view.isColumnHidden(2):
            continue
        image = view.viewport().grab().toImage()
        edge = view.header().sectionViewportPosition(2)
        rows = [view.visualItemRect(row) for row in view.problem_items()]
        inked = [
            (x, y)
            for rect in rows
            for y in range(rect.top(), rect.bottom())
            for x in (edge - 2, edge - 1)
            if QColor(image.pixel(x, y)).lightness() < 150
        ]
        assert not inked, (width, inked[:3])
        checked += 1
    assert checked > 40


def test_right_after_undoing_a_move_the_tree_the_form_and_remove_agree_on_the_plugin(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """Undoing "Move plugin up" left the tree as it was until the checks ran again (a pause, longer
    for a big source checked on a worker): the form already showed the plugin now first, the tree
    still highlighted the one moved back, and Plugin ▸ Remove pressed then removed the one the form
    showed, not the one highlighted. The tree follows the undo at once."""
    from test_editing import select_plugin

    window.open_path(example_project)
    select_plugin(window, qtbot, 1)  # Meeting information
    window.move_plugin(-1)
    qtbot.keySequence(window, "Ctrl+Z")
    root = window.tree.topLevelItem(0)
    assert [root.child(i).text(0) for i in range(2, root.childCount())] == [
        "Lock toggle",
        "Meeting information",
        "Raise hand helper",
    ]
    assert window.tree.currentItem().text(0) == "Meeting information"
    window.plugin_actions["remove"].trigger()
    assert [p.display_name for p in window.package.plugins] == ["Lock toggle", "Raise hand helper"]


def test_a_file_name_that_is_not_utf8_is_shown_as_the_problem_names_it(window, example_project: Path) -> None:
    """A file called b"caf\\xe9.svg" (Latin-1, from an old drive): the tree and the Problems list's
    Where showed "caf.svg" (Qt drops the byte), a file that is not there, while the message named
    "caf\\udce9.svg" (now "caf\\xe9.svg", the byte it holds, as check prints it)."""
    folder = os.fsencode(example_project / "webapp2/plugins/lock-toggle")
    with open(folder + b"/caf\xe9.svg", "wb") as out:
        out.write(b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M0 0h4"/></svg>')
    window.open_path(example_project)
    lock = window.tree.topLevelItem(0).child(2)
    assert [lock.child(i).text(0) for i in range(lock.childCount())].count("caf\\xe9.svg") == 1
    (row,) = [r for r in window.problems_view.problem_items() if r.text(2) == "PD107"]
    assert "caf\\xe9.svg" in row.text(0) and row.text(1) == "plugins/lock-toggle/caf\\xe9.svg"


def test_a_project_folder_whose_name_is_not_utf8_is_not_remembered_as_another(
    window, example_project: Path, tmp_path: Path
) -> None:
    """Opening b"proj\\xff" (a folder named on an old Latin-1 system) put "proj" in the recent
    projects (Qt's settings drop the byte): a click there opened another project, or none."""
    import shutil

    from designer.gui.app import recent_projects

    odd = Path(os.fsdecode(os.fsencode(tmp_path) + b"/proj\xff"))
    shutil.copytree(example_project, odd)
    other = tmp_path / "proj"
    shutil.copytree(example_project, other)
    window.open_path(odd)
    assert window.package is not None and str(other.resolve()) not in recent_projects()
    # ... nor named "proj" at the top of the tree and in the window's title (Qt drops the byte there too)
    assert window.tree.topLevelItem(0).text(0) == "proj\\xff"
    assert window.windowTitle().startswith("proj\\xff")
    window.open_path(other)
    assert recent_projects()[0] == str(other.resolve())


def test_right_click_on_a_plugin_in_the_tree_opens_the_plugin_menu_for_it(window, qtbot, example_project: Path) -> None:
    """The project tree had no menu at all: Duplicate, Remove and Move were in the menu bar alone."""
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication, QMenu

    from designer.gui.viewports import viewport_of

    window.open_path(example_project)
    tree = window.tree
    item = tree.topLevelItem(0).child(3)  # the second plugin, not the one chosen
    assert item.data(0, Qt.ItemDataRole.UserRole) == ("plugin", 1)
    menu = window._menus["plugin"]
    at = tree.visualItemRect(item).center()
    with qtbot.waitSignal(menu.aboutToShow):  # (what a right-click, or the Menu key, sends)
        QApplication.sendEvent(
            viewport_of(tree), QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, viewport_of(tree).mapToGlobal(at))
        )
    assert window.selected_plugin() == 1 and isinstance(menu, QMenu) and menu.isVisible()
    duplicate = window.plugin_actions["duplicate"]
    assert duplicate in menu.actions() and duplicate.isEnabled()
    menu.close()


def test_the_title_bar_names_the_project_as_the_tree_does(
    window: MainWindow, qtbot, example_project: Path, tmp_path: Path
) -> None:
    """Opened by its webapp2 folder (File ▸ Open Folder… on it, or a drop), the title bar said
    "webapp2 — Plugin Designer" for every project while the tree named it; a ZIP opened
    read-only did not say so there. Edited, it carries the modified marker."""
    from designer.core.export import export_package

    window.open_path(example_project / "webapp2")
    assert window.windowTitle() == "example[*] — Plugin Designer" and not window.isWindowModified()
    zipped = tmp_path / "branding.zip"
    export_package(example_project, zipped)
    window.open_path(zipped)
    assert window.windowTitle() == "branding.zip (read-only)[*] — Plugin Designer"
    window.open_path(example_project)
    assert window.windowTitle() == "example[*] — Plugin Designer"
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("plugin", 0)))
    name = window.plugin_page.form.name
    name.setFocus()
    name.end(False)
    qtbot.keyClicks(name, " 2")
    qtbot.waitUntil(window.isWindowModified)


def test_a_project_opened_by_its_webapp2_folder_is_one_recent_project_named_as_itself(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """Opened by its webapp2 folder (or a file of it dropped on the window), a project was listed in
    Recent projects as "webapp2 — …/example/webapp2", beside "example — …/example" when it had
    also been opened by its folder: two entries for one project, one named like every other."""
    from designer.gui.app import recent_projects
    from designer.gui.panes.welcome import WelcomePane

    window.open_path(example_project / "webapp2")
    window.open_path(example_project)
    window.open_path(example_project / "webapp2")
    same = [p for p in recent_projects() if p.startswith(str(example_project.resolve()))]
    assert same == [str(example_project.resolve())]
    pane = WelcomePane()
    qtbot.addWidget(pane)
    assert pane.recent.item(0).text() == f"example    —    {example_project.resolve()}"


def test_the_window_opens_as_big_and_where_it_was_closed_maximised_too(qtbot) -> None:
    """Each start put the window back at its first size in the middle of the main screen, whatever
    the user had made of it (moved to the other screen, enlarged, maximised). Where it was is
    kept; a screen that has gone since is Qt's to fit (it moves the window onto one that is
    there). Windows made by tests and the screenshot command keep no place."""
    from PySide6.QtCore import QSettings

    from designer.gui import app
    from designer.gui.screen_fit import WINDOW_PLACE_KEY

    QSettings().remove(WINDOW_PLACE_KEY)
    try:
        first = app.start(None)
        qtbot.addWidget(first)
        qtbot.waitExposed(first)
        first.setGeometry(60, 50, 640, 480)
        placed = first.geometry()
        assert first.close()
        second = app.start(None)
        qtbot.addWidget(second)
        qtbot.waitExposed(second)
        assert second.geometry() == placed
        second.showMaximized()
        qtbot.waitUntil(second.isMaximized)
        assert second.close()
        third = app.start(None)
        qtbot.addWidget(third)
        qtbot.waitUntil(third.isMaximized)
        third.showNormal()
        qtbot.waitUntil(lambda: third.geometry() == placed)  # (maximised, its normal place kept too)
        assert third.close()
        kept = QSettings().value(WINDOW_PLACE_KEY)
        other = MainWindow()  # (a window not from start: remembers nothing)
        qtbot.addWidget(other)
        other.setGeometry(10, 10, 500, 400)
        other.close()
        assert QSettings().value(WINDOW_PLACE_KEY) == kept
    finally:
        QSettings().remove(WINDOW_PLACE_KEY)


def test_a_folder_dropped_on_the_window_asks_only_once_the_drop_has_ended(
    window: MainWindow, qtbot, example_project: Path, tmp_path: Path, monkeypatch
) -> None:
    """A project dropped on the window with edits unsaved asked "Save your changes…?" inside the
    drop itself: on Windows the file manager the folder came from stays frozen mid-drag (its
    drop not answered) for as long as the question is on show. The drop is answered first."""
    import shutil

    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    other = tmp_path / "other"
    shutil.copytree(example_project, other)
    window.open_path(example_project)
    window.editor.edit("a change", lambda pkg: None)  # (an unsaved edit: the question comes)
    assert window.isWindowModified()
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Discard
    )
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(other))])
    drop = QDropEvent(
        QPointF(40, 40), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    window.dropEvent(drop)
    assert drop.isAccepted() and asked == []  # the drop is over before anything is asked
    qtbot.waitUntil(lambda: window.package is not None and window.package.root == other / "webapp2")
    assert len(asked) == 1 and "example" in asked[0]


def test_file_open_recent_lists_the_projects_opened_and_opens_one(
    window: MainWindow, qtbot, example_project: Path, tmp_path: Path, monkeypatch
) -> None:
    """With a project open, the recent projects were out of reach: they were listed only on the
    welcome screen, which does not come back. File ▸ Open Recent lists them, newest first; one
    that has gone since asks to be taken off the list, as on the welcome screen."""
    import shutil

    from PySide6.QtWidgets import QMenu

    from designer.gui.app import recent_projects

    other = tmp_path / "R&D"
    shutil.copytree(example_project, other)
    window.open_path(other)
    window.open_path(example_project)
    window.finish_menus()
    menu = window.findChild(QMenu, "recentMenu")
    assert menu.title() == "Open Recen&t"  # (R is Reload's, C Close Project's)
    menu.aboutToShow.emit()
    mine = [a for a in menu.actions() if str(tmp_path.resolve()) in a.text().replace("&&", "&")]
    assert [a.text() for a in mine] == [
        f"example — {example_project.resolve()}",
        f"R&&D — {str(other.resolve()).replace('&', '&&')}",
    ]
    mine[1].trigger()
    assert window.package.root == other / "webapp2" and recent_projects()[0] == str(other.resolve())
    shutil.rmtree(example_project)
    menu.aboutToShow.emit()
    gone = next(a for a in menu.actions() if a.text().startswith("example — "))
    assert gone.text().endswith("(not found)")
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    gone.trigger()
    assert asked == [f"{example_project.resolve()} no longer exists (moved, renamed or deleted). Take it off the list?"]
    assert str(example_project.resolve()) not in recent_projects() and window.package.root == other / "webapp2"


def test_file_close_project_goes_back_to_the_welcome_screen(
    window: MainWindow, qtbot, example_project: Path, tmp_path: Path, monkeypatch
) -> None:
    """There was no way to close a project but closing the window: the welcome screen (New, Open,
    the recent projects) never came back. File ▸ Close Project (Ctrl+W) asks about unsaved
    edits as quitting does, then shows it, with nothing of the project left on show."""
    window.finish_menus()
    close = window.findChild(QAction, "closeProjectAction")
    assert not close.isEnabled()  # nothing open yet
    window.open_path(example_project)
    root = window.tree.topLevelItem(0)
    for shown in (
        ("plugin", 0),
        ("file", "plugins/lock-toggle/lock.svg"),
        ("file", "plugins/lock-toggle/lock-toggle.plugin.js"),
    ):
        window.tree.setCurrentItem(window._find_tree_item(root, shown))  # the form, the icon, the code
    window.show_export()
    assert close.isEnabled() and close.shortcut().matches(Qt.Key.Key_W | Qt.KeyboardModifier.ControlModifier)
    window.editor.set_field(0, "package", "name", "Renamed", "rename")
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append(a[1]) or QMessageBox.StandardButton.Cancel
    )
    close.trigger()
    assert asked == ["Unsaved changes"] and window.package is not None  # Cancel: still open
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    close.trigger()
    assert window.package is None and window.editor is None
    assert window.stack.currentWidget() is window._welcome_page and window.welcome.isVisible()
    assert window.tree.topLevelItemCount() == 0 and window.problems_dock.windowTitle() == "Problems — none"
    assert window.windowTitle() == "Plugin Designer" and not window.isWindowModified()
    assert not window.export_dock.isVisible()
    assert not any(a.isEnabled() for a in (window.save_action, window.export_action, window.preview_action, close))
    assert window.status.text() == "Closed example."
    for keys in ("Ctrl+S", "Ctrl+Z", "Ctrl+E", "Ctrl+W"):  # nothing to act on, nothing breaks
        qtbot.keySequence(window, keys)
    assert window.autosave() and window.package is None
    item = window.welcome.recent.item(0)
    assert item.data(Qt.ItemDataRole.UserRole) == str(example_project.resolve())
    window.welcome.recent.itemActivated.emit(item)  # opened again from the list: as it is on disk
    assert window.package.plugins[0].display_name == "Lock toggle" and close.isEnabled()


def test_close_project_waits_for_an_upload_as_quitting_does(window: MainWindow, example_project: Path) -> None:
    """Closing the project mid-upload would leave the upload of a project no longer open (its
    brandingID to be kept in a folder the window has let go): refused, as quitting is."""
    from types import SimpleNamespace

    window.open_path(example_project)
    window.show_export()
    window.export_pane.deploy_dialog = SimpleNamespace(busy=True)
    assert not window.close_project() and window.package is not None
    assert window.status.text() == (
        "An upload to the Management Node is running: close the project when it has finished."
    )
    closed: list[bool] = []
    window.export_pane.deploy_dialog = SimpleNamespace(busy=False, close=lambda: closed.append(True))
    assert window.close_project() and closed and window.package is None


def test_several_projects_dropped_open_the_first_and_say_so(
    window: MainWindow, qtbot, example_project: Path, tmp_path: Path
) -> None:
    """Two project folders dropped at once: the first opened and the other was left without a
    word, as if the drop had missed it. The status bar names what was left."""
    import shutil

    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    other = tmp_path / "other"
    shutil.copytree(example_project, other)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in (example_project, other)])
    window.dropEvent(
        QDropEvent(
            QPointF(40, 40), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        )
    )
    qtbot.waitUntil(lambda: window.package is not None)
    assert window.package.root == example_project / "webapp2"
    assert window.status.text().endswith(
        " One project opens at a time: other, dropped with it, was left; drop it on its own to open it."
    )


def test_a_folder_whose_webapp2_is_a_file_is_not_offered_a_project_that_cannot_be_made(
    window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    """A folder holding a file called webapp2 was offered "Start a new project here?", and Yes
    then failed: the question offered what could not be done. Now only why, naming the file."""
    folder = tmp_path / "downloads"
    folder.mkdir()
    (folder / "webapp2").write_text("keep me")
    asked = _open_folder_from_the_menu(window, folder, monkeypatch, QMessageBox.StandardButton.Yes)
    assert asked == [
        (
            "Cannot start a project here",
            f"{folder} is not a project, and none can be started in it: {folder / 'webapp2'} is a file, where the "
            "project's webapp2 folder goes; rename or move that file, or name another folder for the project.",
        )
    ]
    assert os.listdir(folder) == ["webapp2"] and (folder / "webapp2").read_text() == "keep me"
    assert window.package is None


@pytest.mark.parametrize("kind", ["home", "crowded"])
def test_the_home_folder_or_a_crowded_one_is_not_offered_as_a_project(
    window: MainWindow, tmp_path: Path, monkeypatch, kind: str
) -> None:
    """Opening the home folder (or a folder of thousands of files) by mistake offered "Start a
    new project here?": Yes put a webapp2 folder among everything else there. Now it says why
    not, and offers a project in a folder of its own inside it, asked as New Project asks it."""
    folder = tmp_path / "me"
    folder.mkdir()
    if kind == "home":
        monkeypatch.setenv("HOME", str(folder))
        (folder / "notes.txt").write_text("ours")
        why = "it is your home folder"
    else:
        for n in range(1200):
            (folder / f"photo{n}.jpg").write_bytes(b"")
        why = "it holds more than 1,000 files and folders"
    places: list[Path] = []
    monkeypatch.setattr(
        "designer.gui.panes.new_project_dialog.ask_new_project",
        lambda parent, place=None: places.append(place) or folder / "My branding",
    )
    asked = _open_folder_from_the_menu(window, folder, monkeypatch, QMessageBox.StandardButton.Yes)
    assert [title for title, _ in asked] == ["Start a project in a folder of its own?"]
    assert why in asked[0][1] and "Start a new project in a new folder inside it?" in asked[0][1]
    assert not (folder / "webapp2").exists()
    assert places == [folder]
    assert window.package is not None and window.package.root == folder / "My branding" / "webapp2"


def test_a_project_folder_named_with_the_modified_mark_shows_its_whole_name_in_the_title(
    window, example_project: Path, tmp_path: Path
) -> None:
    """A folder called "Team [*] plugins" showed as "Team  plugins" in the title bar (and "Team *
    plugins" with an edit unsaved): Qt takes "[*]" for the place of its unsaved mark."""
    import shutil

    folder = tmp_path / "Team [*] plugins"
    shutil.copytree(example_project, folder)
    window.open_path(folder)
    assert window.windowHandle().title() == "Team [*] plugins — Plugin Designer"
    window.editor.edit("a change", lambda pkg: None)
    assert window.isWindowModified()
    assert window.windowHandle().title() == "Team [*] plugins* — Plugin Designer"


def test_coming_back_to_the_window_reads_again_what_another_window_saved(
    window: MainWindow, qtbot, example_project: Path, tmp_path: Path
) -> None:
    """Another window (or the command line) renamed a plugin and exported the project: coming back,
    this window still showed the old name, and its Export pane compared the old files with the
    new export ("changed: name 'Renamed' → 'Lock toggle'") and its brandingID ("previous:") was
    the older one. With nothing unsaved it reads the project again; with edits, it says so."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from designer.core.export import export_package
    from designer.core.model import load

    window.open_path(example_project)
    window.show_export()
    # (another plugin on show: the package file of the one on show is watched, and was read again)
    window.tree.setCurrentItem(window.tree.topLevelItem(0).child(_tree_texts(window.tree).index("Meeting information")))
    renamed_elsewhere(example_project)
    done = export_package(load(example_project), tmp_path / "there.zip")
    QApplication.sendEvent(window, QEvent(QEvent.Type.WindowActivate))
    qtbot.waitUntil(lambda: "Renamed elsewhere" in _tree_texts(window.tree))
    assert "changed outside the designer" in window.status.text()
    assert window.tree.currentItem().text(0) == "Meeting information"  # (where the user was)
    assert window.export_pane.previous_label.text() == f"previous: {done.branding_id}"
    assert window.export_pane.changes_view.toPlainText().startswith("Nothing changed since the last export")


def test_coming_back_with_unsaved_edits_keeps_them_and_says_what_changed_outside(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    window.open_path(example_project)
    window.editor.edit("a change", lambda pkg: setattr(pkg.plugins[1].package, "name", "Mine"))
    renamed_elsewhere(example_project)
    QApplication.sendEvent(window, QEvent(QEvent.Type.WindowActivate))
    qtbot.waitUntil(lambda: "changed outside the designer" in window.status.text())
    assert "Your unsaved changes are kept" in window.status.text()
    assert window.isWindowModified() and window.package.plugins[1].package.name == "Mine"


def test_saving_over_a_file_changed_elsewhere_asks_only_when_it_was_edited_here(
    window: MainWindow, qtbot, example_project: Path, monkeypatch
) -> None:
    """Another window renamed a plugin and saved; this one, with an edit of another plugin, then
    saved: asked about "these files … after you began editing them here", it listed the other
    plugin's package file, never edited here, whose older version Save would put back. Now that
    one is left as it is, unasked; one edited here too is asked about."""
    from designer.core.model import load

    window.open_path(example_project)
    window.editor.edit("mine", lambda pkg: setattr(pkg.plugins[1].package, "name", "Mine"))
    lock = renamed_elsewhere(example_project)
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda _p, _t, text, *a: asked.append(text) or QMessageBox.StandardButton.Cancel
    )
    index = next(i for i, p in enumerate(window.package.plugins) if p.entry.id == "lock-toggle")
    window.editor.edit("mine too", lambda pkg: setattr(pkg.plugins[index].package, "description", "Mine"))
    assert window.save() is False
    assert len(asked) == 1 and "since this window read them" in asked[0]
    assert f"\n{lock.package_path}\n" in asked[0], asked[0]
    window.editor.undo_stack.undo()
    assert window.save() is True  # (edited here no more: left as the other window wrote it, no question)
    assert len(asked) == 1, asked
    assert load(example_project).plugins[index].package.name == "Renamed elsewhere"


def test_a_folder_of_no_place_for_a_project_that_cannot_be_written_offers_none_inside(
    window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    """A user (not root) opening / by mistake was offered a project in a new folder inside it,
    which the New Project dialog then refused: nothing could come of Yes. Now it says so at once."""
    import designer.gui.main_window as main_window

    folder = tmp_path / "me"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    real_access = os.access
    monkeypatch.setattr(main_window.os, "access", lambda p, mode: False if Path(p) == folder else real_access(p, mode))
    monkeypatch.setattr(
        "designer.gui.panes.new_project_dialog.ask_new_project",
        lambda *a, **k: pytest.fail("no project can be made inside it"),
    )
    asked = _open_folder_from_the_menu(window, folder, monkeypatch, QMessageBox.StandardButton.Yes)
    assert [title for title, _ in asked] == ["Cannot start a project here"]
    assert "it is your home folder" in asked[0][1] and "you may not make folders in it" in asked[0][1]
    assert not (folder / "webapp2").exists() and window.package is None


def test_a_project_folder_named_in_another_encoding_is_said_as_the_title_says_it(
    window: MainWindow, example_project: Path, tmp_path: Path
) -> None:
    """A project folder named on a Latin-1 share ("proj" and the byte 0xE5): the title said
    "proj\\xe5", the status bar "Opened …/proj�/webapp2", Qt's stand-in for a byte it cannot show."""
    import shutil

    folder = Path(os.fsdecode(os.fsencode(tmp_path) + b"/proj\xe5"))
    try:
        shutil.copytree(example_project, folder)
    except OSError:  # (a file system that takes only UTF-8 names: macOS's)
        pytest.skip("this file system takes no such name")
    window.open_path(folder)
    said = window.status.text()
    assert said.startswith("Opened ") and "proj\\xe5/webapp2:" in said, ascii(said)
    assert "\udce5" not in said and "proj\\xe5" in window.windowTitle()


def test_the_menus_still_work_when_pyside_takes_them_for_deleted(window, qtbot, example_project: Path) -> None:
    """The menu bar's menus and File ▸ Open Recent were menus Qt made (addMenu with a title):
    PySide can mark the Python objects kept for them deleted while they live on (see HeldViewport),
    and then Ctrl+E raised "Internal C++ object already deleted" before the Export pane's switch
    was in the View menu, a right-click on a plugin opened no menu and Open Recent stayed empty."""
    import shiboken6
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QMenu

    from designer.gui.viewports import viewport_of

    window.open_path(example_project)
    window.finish_menus()

    def menu_titled(title: str) -> QMenu:
        return next(a.menu() for a in window.menuBar().actions() if a.text() == title)

    for title in ("&View", "&Plugin"):
        shiboken6.invalidate(menu_titled(title))
    shiboken6.invalidate(window.findChild(QMenu, "recentMenu"))
    window.export_action.trigger()
    assert "&Export Pane" in [a.text() for a in menu_titled("&View").actions()]
    tree = window.tree
    at = tree.visualItemRect(tree.topLevelItem(0).child(3)).center()
    with qtbot.waitSignal(menu_titled("&Plugin").aboutToShow):
        QApplication.sendEvent(
            viewport_of(tree), QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, viewport_of(tree).mapToGlobal(at))
        )
    assert menu_titled("&Plugin").isVisible() and window.selected_plugin() == 1
    menu_titled("&Plugin").close()
    recent = window.findChild(QMenu, "recentMenu")
    recent.aboutToShow.emit()  # (what opening it sends)
    assert [a.text() for a in recent.actions()][0] == f"example — {example_project.resolve()}"
