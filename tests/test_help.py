"""The Help menu: problem codes, keyboard shortcuts and About, driven as a user would."""

from __future__ import annotations

import platform
import shutil
from importlib.metadata import version
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPushButton
from test_main_window import _nameless

from designer.core.problems import CODES
from designer.gui.main_window import MainWindow
from designer.gui.viewports import viewport_of


def _help_action(window: MainWindow, name: str) -> QAction:
    """The Help menu's item ``name`` (its objectName), as the menu shows it."""
    window.finish_menus()
    help_menu = window.menuBar().actions()[-1].menu()
    assert window.menuBar().actions()[-1].text() == "&Help"
    action = next(a for a in help_menu.actions() if a.objectName() == name)
    assert action.isEnabled()
    return action


def _dialog(window: MainWindow, name: str) -> QDialog:
    dialog = window.findChild(QDialog, name)
    assert dialog is not None and dialog.isVisible()
    return dialog


def _fits_a_laptop_screen(dialog: QDialog) -> None:
    assert dialog.frameGeometry().width() <= 1280 and dialog.frameGeometry().height() <= 800


def _listed_codes(dialog: QDialog) -> list[str]:
    view = dialog.list
    return [
        view.topLevelItem(i).text(0) for i in range(view.topLevelItemCount()) if not view.topLevelItem(i).isHidden()
    ]


def test_help_problem_codes_lists_every_code_and_finds_one_by_its_code_or_words(window: MainWindow, qtbot) -> None:
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F1)  # Help ▸ Problem Codes…
    dialog = _dialog(window, "problemCodesDialog")
    assert _help_action(window, "problemCodesAction").shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    assert _listed_codes(dialog) == list(CODES)  # the registry the checker and the README use
    _fits_a_laptop_screen(dialog)
    assert _nameless(dialog) == []
    qtbot.waitUntil(dialog.search.hasFocus)

    qtbot.keyClicks(dialog.search, "pd506")
    assert _listed_codes(dialog) == ["PD506"]
    row = dialog.list.topLevelItem(list(CODES).index("PD506"))
    assert [row.text(c) for c in range(4)] == ["PD506", "error", CODES["PD506"].title, ""]
    assert dialog.count.text() == f"1 of {len(CODES)} codes match “pd506”."
    # Enter goes to the list, Enter again to the explanation, which a screen reader then reads.
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert dialog.list.hasFocus() and dialog.list.currentItem() is row
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.explanation.hasFocus()  # (Enter did not close the dialog)
    text = dialog.explanation.toPlainText()
    assert text.startswith(f"PD506 — {CODES['PD506'].title}") and CODES["PD506"].why in text
    assert "No one-click fix" in text

    dialog.search.clear()
    qtbot.keyClicks(dialog.search, "settings missing")
    assert "PD200" in _listed_codes(dialog) and "PD506" not in _listed_codes(dialog)
    qtbot.keyClick(dialog.search, Qt.Key.Key_Down)
    dialog.list.setCurrentItem(dialog.list.topLevelItem(list(CODES).index("PD200")))
    assert dialog.list.currentItem().text(3) == "yes" and "one-click fix" in dialog.explanation.toPlainText()
    dialog.search.clear()
    qtbot.keyClicks(dialog.search, "no such thing")
    assert _listed_codes(dialog) == [] and dialog.count.text() == "No code matches “no such thing”."
    qtbot.keyClick(dialog.search, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_f1_on_a_problem_opens_problem_codes_at_its_code(window: MainWindow, qtbot, example_project: Path) -> None:
    """From the Problems list (Ctrl+Shift+M, then F1), the explanation of that problem's code."""
    plugin = example_project / "webapp2" / "plugins" / "lock-toggle"
    shutil.copy(plugin / "lock.svg", plugin / "left-over.svg")  # PD406: an icon nothing uses
    window.open_path(example_project)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    view = window.problems_view
    qtbot.waitUntil(view.hasFocus)
    assert view.currentItem().text(2) == "PD406"
    assert "F1" in view.currentItem().toolTip(0)
    qtbot.keyClick(view, Qt.Key.Key_F1)
    dialog = _dialog(window, "problemCodesDialog")
    assert dialog.list.currentItem().text(0) == "PD406"
    qtbot.waitUntil(dialog.list.hasFocus)  # the keyboard on it: Enter reads the explanation
    assert dialog.explanation.toPlainText().startswith("PD406 — Icon file not used")
    dialog.close()


def test_a_problems_right_click_menu_explains_its_code(window: MainWindow, qtbot, example_project: Path) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMenu

    plugin = example_project / "webapp2" / "plugins" / "lock-toggle"
    shutil.copy(plugin / "lock.svg", plugin / "left-over.svg")  # PD406
    window.open_path(example_project)
    view = window.problems_view
    row = next(view.problem_items())
    offered: list[str] = []

    def choose() -> None:  # the user picks "What PD406 means" in the menu that opened
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(10, choose)
            return
        offered.extend(a.text() for a in menu.actions())
        chosen = next(a for a in menu.actions() if a.text().startswith("What PD406 means"))
        menu.setActiveAction(chosen)
        qtbot.keyClick(menu, Qt.Key.Key_Return)

    QTimer.singleShot(0, choose)
    view.customContextMenuRequested.emit(view.visualItemRect(row).center())
    assert offered == ["Go to the problem\tEnter", "What PD406 means\tF1"]
    dialog = _dialog(window, "problemCodesDialog")
    assert dialog.list.currentItem().text(0) == "PD406"


def test_help_keyboard_shortcuts_lists_the_windows_own_keys(window: MainWindow, qtbot) -> None:
    """Read from the window's actions when it opens: a new action with keys is listed, by its menu."""
    _help_action(window, "shortcutsAction").trigger()
    dialog = _dialog(window, "shortcutsDialog")
    save = QKeySequence(QKeySequence.StandardKey.Save).toString(QKeySequence.SequenceFormat.NativeText)
    rows = dialog.rows()
    assert ("File", "Save", save) in rows
    assert ("View", "Preview", "Ctrl+Shift+P") in rows
    assert ("Plugin", "Duplicate (in Project)", "Ctrl+D") in rows  # its keys work in the project tree
    assert ("Source editor", "Go to Line…", "Ctrl+G") in rows  # listed before any file was opened
    assert ("Icon canvas", "Rectangle", "R") in rows
    assert ("Icon canvas", "Zoom in", "Ctrl+= or Ctrl++") in rows  # every row says what its keys do
    assert [row for row in rows if not row[1].strip()] == []
    assert ("Help", "Problem Codes…", "F1") in rows
    _fits_a_laptop_screen(dialog)
    assert _nameless(dialog) == []
    qtbot.waitUntil(dialog.filter.hasFocus)
    qtbot.keyClicks(dialog.filter, "save")
    assert dialog.rows() == [("File", "Save", save), ("File", "Save As…", "Ctrl+Shift+S")]  # (Save As is listed too)
    dialog.close()

    extra = QAction("Say Hello", window, shortcut=QKeySequence("Ctrl+Alt+H"))
    window.view_menu.addAction(extra)
    _help_action(window, "shortcutsAction").trigger()
    dialog.filter.clear()
    assert ("View", "Say Hello", "Ctrl+Alt+H") in dialog.rows()


def test_help_about_names_the_version_qt_python_and_licence(window: MainWindow, qtbot) -> None:
    from PySide6 import __version__ as pyside
    from PySide6.QtCore import qVersion

    _help_action(window, "aboutAction").trigger()
    dialog = _dialog(window, "aboutDialog")
    shown = dialog.findChild(QLabel, "aboutText").text()
    for part in (
        f"Plugin Designer {version('pexip-plugin-designer')}",
        f"Qt {qVersion()}, PySide6 {pyside}, Python {platform.python_version()}",
        "Licence: MIT",
    ):
        assert part in shown
    _fits_a_laptop_screen(dialog)
    assert _nameless(dialog) == []
    qtbot.mouseClick(dialog.findChild(QPushButton, "aboutCopy"), Qt.MouseButton.LeftButton)  # for a bug report
    assert f"Qt {qVersion()}" in QApplication.clipboard().text()


def test_keyboard_shortcuts_tell_the_way_out_of_the_source_editor_and_it_works(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """Tab indents in the source editor and picks shapes on the icon canvas; Ctrl+Tab, the way
    out, was in no list a keyboard user could find (nor said by a screen reader in the code)."""
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import QApplication

    window.open_path(example_project)
    _help_action(window, "shortcutsAction").trigger()
    dialog = _dialog(window, "shortcutsDialog")
    qtbot.waitUntil(dialog.filter.hasFocus)
    qtbot.keyClicks(dialog.filter, "leave")
    rows = dialog.rows()
    assert ("Source editor", "Leave the editor (Tab indents)", "Ctrl+Tab") in rows
    assert ("Source editor", "Leave the editor backwards", "Ctrl+Shift+Tab") in rows
    assert ("Icon canvas", "Leave the canvas (Tab selects a shape)", "Ctrl+Tab") in rows
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)

    window.tree.setCurrentItem(
        window._find_tree_item(window.tree.topLevelItem(0), ("file", "plugins/lock-toggle/lock-toggle.plugin.js"))
    )
    window.tree.setFocus()
    qtbot.waitUntil(window.tree.hasFocus)
    qtbot.keyClick(window.tree, Qt.Key.Key_Tab)
    editor = window.source_editor
    assert QApplication.focusWidget() is editor
    described = QAccessible.queryAccessibleInterface(editor).text(QAccessible.Text.Description)
    assert "Ctrl+Tab" in described
    keys = QKeySequence(next(k for _, c, k in rows if c == "Leave the editor (Tab indents)"))[0]
    qtbot.keyClick(editor, keys.key(), keys.keyboardModifiers())  # as listed
    assert QApplication.focusWidget() is not editor and QApplication.focusWidget() is window.problems_view


def test_the_help_windows_go_when_their_window_is_closed(window: MainWindow, qtbot, example_project: Path) -> None:
    """Help's windows are top-level windows of their own: the main window closed (File ▸ Quit, or
    from code), they stayed on screen, for a project no longer open, as the Deploy dialog did."""
    window.open_path(example_project)
    names = {
        "problemCodesAction": "problemCodesDialog",
        "guideTermsAction": "guideTermsDialog",
        "shortcutsAction": "shortcutsDialog",
        "aboutAction": "aboutDialog",
    }
    for action in names:
        _help_action(window, action).trigger()
    dialogs = [_dialog(window, name) for name in names.values()]
    assert window.close()
    assert not [d.objectName() for d in dialogs if d.isVisible()]


def test_problem_codes_shows_the_one_click_fix_column_whole_in_a_narrow_dialog(window: MainWindow, qtbot) -> None:
    """On a small screen (the dialog 780 px wide) the Problem column's fixed 520 px pushed "One-click
    fix" behind a sideways scroll bar, its heading cut to "One-click f"; the titles give way now."""
    window.show_problem_codes()
    dialog = _dialog(window, "problemCodesDialog")
    for width in (780, 1000):
        dialog.resize(width, 600)
        qtbot.waitUntil(lambda w=width: dialog.width() == w)
        view, header = dialog.list, dialog.list.header()
        view.executeDelayedItemsLayout()
        room = viewport_of(view).width()
        assert header.sectionViewportPosition(3) + header.sectionSize(3) <= room, width
        assert header.sectionSize(3) >= header.fontMetrics().horizontalAdvance("One-click fix"), width
        assert not view.horizontalScrollBar().isVisible(), width
        assert header.sectionSize(2) >= 300, width  # the titles keep most of the room


def test_keyboard_shortcuts_list_the_icon_canvas_keys_the_readme_names(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """Help ▸ Keyboard Shortcuts gave the icon canvas only Ctrl+Tab and the tool letters: Tab to pick
    a shape, Ctrl+A, the arrows, Del, Enter and Esc (all in the README) were nowhere in the window."""
    from test_icon_editor_keys import THREE, open_svg

    pane = open_svg(window, example_project, THREE)
    _help_action(window, "shortcutsAction").trigger()
    dialog = _dialog(window, "shortcutsDialog")
    listed = {command: keys for area, command, keys in dialog.rows() if area == "Icon canvas"}
    assert listed["Select the next shape"] == "Tab"
    assert listed["Select the previous shape"] == "Shift+Tab"
    assert listed["Move the selection a grid cell (with Shift: 4)"] == "Left, Right, Up, Down"
    assert listed["Draw the tool's shape in the middle (a path: end it)"] == "Enter"
    assert listed["Cancel the drag, else deselect"] == "Esc"
    dialog.close()

    for command in ("Select every shape", "Delete the selection"):  # the keys do as listed
        typed = QKeySequence(listed[command])[0]
        qtbot.keyClick(pane.canvas, typed.key(), typed.keyboardModifiers())
    text = window.package.read_text(pane.rel)
    assert "<rect" not in text and "<circle" not in text and "<line" not in text


def test_keyboard_shortcuts_say_tab_writes_a_snippet_in_the_source_editor(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """Tab after a snippet's prefix (iife, register, ...) and Tab / Esc in its placeholders were in
    the README only: Help ▸ Keyboard Shortcuts said of Tab that it indents, so nobody found them."""
    from conftest import open_in_editor

    editor = open_in_editor(window, example_project, "plugins/lock-toggle/lock-toggle.plugin.js")
    _help_action(window, "shortcutsAction").trigger()
    dialog = _dialog(window, "shortcutsDialog")
    listed = {command: keys for area, command, keys in dialog.rows() if area == "Source editor"}
    dialog.close()
    assert listed["In a snippet: its next, previous placeholder"] == "Tab, Shift+Tab"
    assert listed["Leave the snippet's placeholders"] == "Esc"

    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "preqmute")
    typed = QKeySequence(listed["Write the snippet whose prefix is before the cursor (iife, register, ...)"])[0]
    qtbot.keyClick(editor, typed.key(), typed.keyboardModifiers())  # as listed
    assert editor.snippet is not None and "preqmute" not in editor.toPlainText()
    left = QKeySequence(listed["Leave the snippet's placeholders"])[0]
    qtbot.keyClick(editor, left.key(), left.keyboardModifiers())
    assert editor.snippet is None


def test_keyboard_shortcuts_list_the_icon_canvas_clipboard_keys(window: MainWindow, example_project: Path) -> None:
    from test_icon_editor_keys import THREE, open_svg

    open_svg(window, example_project, THREE)
    _help_action(window, "shortcutsAction").trigger()
    dialog = _dialog(window, "shortcutsDialog")
    listed = {command: keys for area, command, keys in dialog.rows() if area == "Icon canvas"}
    assert listed["Copy the selected shapes"].startswith("Ctrl+C")
    assert listed["Cut the selected shapes"].startswith("Ctrl+X")
    assert listed["Paste shapes (one grid cell on)"].startswith("Ctrl+V")
    assert listed["Duplicate the selected shapes"] == "Ctrl+D"
    dialog.close()
