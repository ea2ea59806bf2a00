"""The window for someone on the keyboard alone or with a screen reader: every menu item has its
own Alt+letter and no two actions share keys where both work; every control a screen reader
reaches has a name to read out (its own, its text, or a label's); dialogs start, accept and
cancel from the keyboard.

The walks go over the real window and dialogs as a user sees them, so a control added later
without a name, or a menu item without a letter, fails here with its object name.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QSlider,
    QTextEdit,
    QWidget,
)

from designer.gui.main_window import MainWindow

_CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QPlainTextEdit,
    QTextEdit,
    QAbstractItemView,
    QSlider,
)


def _unnamed(root: QWidget) -> list[str]:
    """The shown controls under ``root`` a screen reader would announce by their kind alone
    ("combo box", "read-only text"): no accessible name, no text of their own, no label's buddy."""
    buddies = {id(label.buddy()) for label in root.findChildren(QLabel) if label.buddy() is not None}
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, _CONTROLS) or not widget.isVisible():
            continue
        if isinstance(widget.parentWidget(), (QComboBox, QAbstractSpinBox)):
            continue  # the text field inside an editable list or a number box: the box is what is named
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus and not isinstance(widget, QAbstractButton):
            continue  # never reached by the keyboard, nor read on its own
        text = widget.text() if isinstance(widget, QAbstractButton) else ""
        if widget.accessibleName() or text.replace("&", "").strip() or id(widget) in buddies:
            continue
        found.append(f"{type(widget).__name__} {widget.objectName() or '(no object name)'} in {_where(widget)}")
    return found


def _where(widget: QWidget) -> str:
    parent = widget.parentWidget()
    while parent is not None and not parent.objectName():
        parent = parent.parentWidget()
    return parent.objectName() if parent is not None else "(top)"


def _tree_items(window: MainWindow):
    stack = [window.tree.topLevelItem(0)]
    while stack:
        item = stack.pop(0)
        yield item
        stack.extend(item.child(i) for i in range(item.childCount()))


def _letter_clashes(texts: list[str], path: str) -> list[str]:
    """The item texts of one menu (``path``) with no Alt+letter, or with the letter of another."""
    found = []
    letters: dict[str, str] = {}
    for text in texts:
        letter = QKeySequence.mnemonic(text).toString()
        if not letter:
            found.append(f"{path} ▸ {text!r} has no Alt+letter")
        elif letter in letters:
            found.append(f"{path} ▸ {text!r} has {letter}, as {letters[letter]!r} has")
        else:
            letters[letter] = text
    return found


def _menu_clashes(menu: QMenu, path: str) -> list[str]:
    """Items of ``menu`` (and its submenus) with no Alt+letter, or with the letter of another item."""
    shown = [a for a in menu.actions() if not a.isSeparator() and a.isVisible()]
    found = _letter_clashes([a.text() for a in shown], path)
    for action in shown:
        if action.menu() is not None:
            found += _menu_clashes(action.menu(), f"{path} ▸ {action.text()}")
    return found


def test_every_menu_item_has_its_own_alt_letter(window: MainWindow, example_project: Path) -> None:
    """View ▸ Appearance's items had none: the keyboard reached them with the arrows only."""
    window.open_path(example_project)
    window.show_export()  # its dock's switch joins the View menu
    found = []
    letters: dict[str, str] = {}
    for top in window.menuBar().actions():
        letter = QKeySequence.mnemonic(top.text()).toString()
        assert letter and letter not in letters, (top.text(), letters)
        letters[letter] = top.text()
        found += _menu_clashes(top.menu(), top.text())
    assert found == []


def _scope(owner: QObject | None, context: Qt.ShortcutContext) -> QWidget | None:
    """The widget whose focus a key needs (None: anywhere in the window)."""
    if context in (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut):
        return None
    return owner if isinstance(owner, QWidget) else None


def test_no_two_commands_share_a_key_where_both_work(window: MainWindow, example_project: Path) -> None:
    """Qt runs neither of two shortcuts it finds for one key (it reports them ambiguous): each key
    of the window, its panes and its editors belongs to one command wherever the keyboard is."""
    window.open_path(example_project)
    window.show_export()
    window._ensure_source_pane()
    window._ensure_icon_pane()
    bound: dict[str, list[tuple[str, QWidget | None]]] = {}
    for action in window.findChildren(QAction):
        owners = [o for o in action.associatedObjects() if isinstance(o, QWidget) and not isinstance(o, QMenu)]
        for keys in action.shortcuts():
            for owner in owners or [None]:
                bound.setdefault(keys.toString(), []).append((action.text(), _scope(owner, action.shortcutContext())))
    for shortcut in window.findChildren(QShortcut):
        for keys in shortcut.keys():
            bound.setdefault(keys.toString(), []).append(
                (shortcut.whatsThis() or shortcut.objectName(), _scope(shortcut.parentWidget(), shortcut.context()))
            )
    assert "Ctrl+E" in bound and "F1" in bound  # (the walk sees the menus' keys)
    clashes = []
    for keys, uses in bound.items():
        for i, (text, scope) in enumerate(uses):
            for other, other_scope in uses[i + 1 :]:
                if text == other:
                    continue  # one command, reached in two places
                overlap = (
                    scope is None or other_scope is None or scope.isAncestorOf(other_scope) or scope is other_scope
                )
                overlap = overlap or other_scope.isAncestorOf(scope)
                if overlap:
                    clashes.append(f"{keys}: {text!r} and {other!r}")
    assert clashes == []


def test_every_control_of_the_window_has_a_name_a_screen_reader_reads(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """The export pane's texts under its tabs, the summary page of the project, a plugin or a file:
    each was read out as "read-only text" with nothing to say what it held."""
    window.open_path(example_project)
    window.show_export()
    found: set[str] = set()
    for item in _tree_items(window):
        window.tree.setCurrentItem(item)
        found.update(_unnamed(window))
    for tab in range(window.export_pane.tabs.count()):
        window.export_pane.tabs.setCurrentIndex(tab)
        found.update(_unnamed(window))
    assert sorted(found) == []


def test_every_fix_button_is_read_out_with_its_whole_title(window: MainWindow, qtbot, example_project: Path) -> None:
    """The column shortens a Fix button's text (often to "Fix", on every row alike): a screen
    reader said "Fix" with nothing to tell which change it makes; it reads the whole title now."""
    for name in ("lock-toggle", "meeting-info", "raise-hand-helper"):
        js = example_project / "webapp2" / "plugins" / name / f"{name}.plugin.js"
        js.write_text(js.read_text().replace(f"id: '{name}'", f"id: '{name}-x'"))
    window.open_path(example_project)
    view = window.problems_view
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    button = QApplication.focusWidget()
    assert isinstance(button, QAbstractButton) and button.objectName() == "fixButton"
    assert (
        button.accessibleName()
        == f"Change the id in the source to '{view.currentItem().data(0, Qt.ItemDataRole.UserRole).plugin}'"
    )
    assert _unnamed(window.problems_view) == []


def test_every_control_of_the_dialogs_has_a_name_a_screen_reader_reads(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """The dialogs' fields and lists as a screen reader reaches them: the recipe wizard at each of
    its steps for every recipe, the icon dialogs, Deploy, New Project, the Help windows, and the source
    editor's Find/Replace bar."""
    from designer.core.recipes import list_recipes
    from designer.gui.help import AboutDialog, GuideTermsDialog, ProblemCodesDialog, ShortcutsDialog
    from designer.gui.panes.deploy_dialog import DeployDialog
    from designer.gui.panes.icon_sources import IconGalleryDialog, ImportSvgDialog
    from designer.gui.panes.new_project_dialog import NewProjectDialog
    from designer.gui.panes.recipe_wizard import RecipeWizard
    from designer.gui.panes.source_assist import SnippetBrowser

    window.open_path(example_project)
    found: set[str] = set()

    def check(dialog: QWidget) -> None:
        qtbot.addWidget(dialog)
        dialog.show()
        found.update(f"{type(dialog).__name__}: {w}" for w in _unnamed(dialog))
        dialog.close()

    for recipe in list_recipes():
        wizard = RecipeWizard(window.package, window.editor, window)
        qtbot.addWidget(wizard)
        wizard.show()
        wizard.choose(recipe.name)
        for _step in range(3):
            found.update(f"recipe {recipe.name}: {w}" for w in _unnamed(wizard))
            if wizard.next_button.isVisible() and wizard.next_button.isEnabled():
                wizard.next()
        wizard.reject()
    svg = example_project / "webapp2" / "plugins" / "lock-toggle" / "lock.svg"
    for dialog in (
        IconGalleryDialog(window),
        ImportSvgDialog(svg, svg.read_bytes(), set(), window),
        DeployDialog(window.package, window),
        NewProjectDialog(window),
        ShortcutsDialog(window),
        ProblemCodesDialog(window),
        GuideTermsDialog(window),
        AboutDialog(window),
        SnippetBrowser(window),
    ):
        check(dialog)
    window.tree.setCurrentItem(
        window._find_tree_item(window.tree.topLevelItem(0), ("file", "plugins/lock-toggle/lock-toggle.plugin.js"))
    )
    window.source_pane.find_bar.open(True)  # Ctrl+H: find and replace
    found.update(_unnamed(window.source_pane))
    assert sorted(found) == []


def _ringed(widget: QWidget) -> bool:
    """A line in the theme's highlight colour all round the widget's edge, two pixels in."""
    image = widget.grab().toImage()
    ring = widget.palette().highlight().color()
    w, h = image.width(), image.height()
    return all(image.pixelColor(x, y) == ring for x, y in ((1, h // 2), (w - 2, h // 2), (w // 2, 1), (w // 2, h - 2)))


def test_a_read_only_view_with_the_keyboard_has_a_ring_in_light_and_dark(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """Fusion drew the Export pane's "What changed" (and the other read-only texts: the summary
    page, a file shown as text, the preview's log, Help's explanations) the same with the keyboard
    in it as without, and with no caret: Tab seemed to put the keyboard nowhere."""
    window.open_path(example_project)
    window.show_export()
    view = window.export_pane.changes_view
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    try:
        for scheme in ("light", "dark"):
            window.findChild(QAction, f"appearance_{scheme}").trigger()
            window.tree.setFocus()
            qtbot.waitUntil(window.tree.hasFocus)
            assert not _ringed(view), scheme
            for _ in range(60):
                qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
                if QApplication.focusWidget() in (view, window.tree):
                    break
            assert QApplication.focusWidget() is view and _ringed(view), scheme
        window.tree.setCurrentItem(window.tree.topLevelItem(0))  # the project's summary page
        window.details.setFocus()
        qtbot.waitUntil(window.details.hasFocus)
        assert _ringed(window.details)
        # With no problems the list is folded to its header: Ctrl+Shift+M (or Tab) to it showed nothing.
        view = window.problems_view
        assert window.problems == [] and view.height() < 3 * view.header().height()
        qtbot.keyClick(
            window.details, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        )
        qtbot.waitUntil(view.hasFocus)
        assert _ringed(view) and view.header().isVisible()
        assert view.height() >= view.header().sizeHint().height() + 2 * view.frameWidth()  # the header whole
    finally:
        window.findChild(QAction, "appearance_system").trigger()


def test_removing_the_last_menu_item_leaves_the_keyboard_on_add_item(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """Remove turned itself off with the last item gone, and Qt gave the keyboard to "New icon",
    for an item no longer there: a keyboard user pressed Space again and got an icon dialog."""
    window.open_path(example_project)
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("plugin", 2)))
    items = window.plugin_page.findChild(QWidget, "menuItemsList")
    assert items.count() == 1
    items.setFocus()
    qtbot.waitUntil(items.hasFocus)
    qtbot.keyClick(items, Qt.Key.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    remove = QApplication.focusWidget()
    assert remove.objectName() == "removeItemButton"
    qtbot.keyClick(remove, Qt.Key.Key_Space)
    assert items.count() == 0 and not remove.isEnabled()
    assert QApplication.focusWidget().objectName() == "addItemButton"
    # Nothing of the removed item is left in the greyed fields (a screen reader read them out)
    page = window.plugin_page
    fields = [page.findChild(QWidget, n) for n in ("iconCombo", "labelEdit", "actionEdit", "labelRuntimeCheck")]
    assert [f.isEnabled() for f in fields] == [False] * 4
    assert (fields[0].count(), fields[1].text(), fields[2].text(), fields[3].isChecked()) == (0, "", "", False)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)  # the next Space adds one again
    assert items.count() == 1


def test_moving_an_item_to_the_top_leaves_the_keyboard_on_the_list(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """Move up turned itself off with the item at the top, and Qt gave the keyboard to the Icon
    list: a keyboard user's next arrow key changed the item's icon. The keyboard goes to the list
    of items, on the moved item; the same at the bottom for Move down."""
    window.open_path(example_project)
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("plugin", 2)))
    page = window.plugin_page
    items = page.findChild(QWidget, "menuItemsList")
    qtbot.mouseClick(page.findChild(QWidget, "addItemButton"), Qt.MouseButton.LeftButton)
    assert items.count() == 2 and items.currentRow() == 1
    first, second = items.item(0).text(), items.item(1).text()
    for name, row in (("moveUpButton", 0), ("moveDownButton", 1)):
        button = page.findChild(QWidget, name)
        button.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(button.hasFocus)
        qtbot.keyClick(button, Qt.Key.Key_Space)
        assert items.currentRow() == row and not button.isEnabled()
        assert QApplication.focusWidget() is items, QApplication.focusWidget().objectName()
    assert [items.item(0).text(), items.item(1).text()] == [first, second]  # up, then down again


def test_keyboard_shortcuts_list_the_problems_keys_and_each_works_as_listed(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """Enter, Tab to a Fix and F1 on a problem were in no list a keyboard user could find: Help ▸
    Keyboard Shortcuts lists them under Problems now (and Ctrl+F to the filter), and each key,
    pressed as listed, does so."""
    from PySide6.QtWidgets import QDialog

    for name in ("lock-toggle", "meeting-info", "raise-hand-helper"):
        js = example_project / "webapp2" / "plugins" / name / f"{name}.plugin.js"
        js.write_text(js.read_text().replace(f"id: '{name}'", f"id: '{name}-x'"))
    window.open_path(example_project)
    window.show_shortcuts()
    dialog = window.findChild(QDialog, "shortcutsDialog")
    listed = {command: keys for area, command, keys in dialog.rows() if area == "Problems"}
    dialog.close()
    assert set(listed) == {
        "Go to the problem",
        "To the problem's Fix (Enter or Space applies it)",
        "What the problem's code means",
        "Filter the problems (Escape clears it, Down comes back)",
    }
    view = window.problems_view

    def press(command: str) -> None:
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        view.setFocus()
        qtbot.waitUntil(view.hasFocus)
        view.setCurrentItem(next(view.problem_items()))
        keys = QKeySequence(listed[command])[0]
        qtbot.keyClick(view, keys.key(), keys.keyboardModifiers())

    press("Filter the problems (Escape clears it, Down comes back)")
    assert QApplication.focusWidget() is window.problems_filter.field
    press("To the problem's Fix (Enter or Space applies it)")
    assert QApplication.focusWidget() is view.itemWidget(view.currentItem(), 3)
    press("Go to the problem")
    assert QApplication.focusWidget() is window.source_editor
    assert window._file_on_show() == "plugins/lock-toggle/lock-toggle.plugin.js"
    press("What the problem's code means")
    codes = window.findChild(QDialog, "problemCodesDialog")
    qtbot.waitUntil(codes.isVisible)
    assert codes.list.currentItem().text(0) == "PD504"
    codes.close()


def test_a_file_shown_read_only_has_the_ring_where_an_editable_one_has_its_caret(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """settings.json is written from the forms and shown read-only, with no caret: Tab from the
    tree into it changed nothing on screen. A file the editor edits keeps its caret and no ring."""
    window.open_path(example_project)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    root = window.tree.topLevelItem(0)
    for rel, read_only in (("settings.json", True), ("plugins/lock-toggle/lock-toggle.plugin.js", False)):
        window.tree.setCurrentItem(window._find_tree_item(root, ("file", rel)))
        window.tree.setFocus()
        qtbot.waitUntil(window.tree.hasFocus)
        editor = window.source_editor
        assert not _ringed(editor)
        qtbot.keyClick(window.tree, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is editor and editor.isReadOnly() is read_only
        assert _ringed(editor) is read_only, rel


def test_the_description_box_is_framed_as_the_one_line_fields_and_shows_the_keyboard_as_they_do(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """Tab from the Id field into the description box: its frame takes the focus colour of a
    one-line field with the keyboard, and gives it back when Tab goes on.

    Why: Fusion framed the several-line box as a view, which shows no focus at all; among the
    fields of the form only its caret, a thin line at the end of the text, said where typing went."""
    from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

    window.open_path(example_project)
    window.tree.setCurrentItem(window.tree.topLevelItem(0).child(2))
    name = window.findChild(QLineEdit, "nameEdit")
    box = window.findChild(QPlainTextEdit, "descriptionEdit")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)

    def edge(widget: QWidget) -> tuple[str, str]:
        """The colours of the frame's left and top edges, halfway along."""
        image = widget.grab().toImage()
        return image.pixelColor(0, image.height() // 2).name(), image.pixelColor(image.width() // 2, 0).name()

    try:
        for scheme in ("light", "dark"):
            window.findChild(QAction, f"appearance_{scheme}").trigger()
            name.setFocus()
            qtbot.waitUntil(name.hasFocus)
            focused = edge(name)
            assert edge(box) != focused, scheme
            qtbot.keyClick(name, Qt.Key.Key_Tab)  # Version
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # Id
            unfocused = edge(name)
            assert unfocused != focused
            for _ in range(4):
                if box.hasFocus():
                    break
                qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            assert box.hasFocus(), scheme
            assert edge(box) == focused, scheme
            qtbot.keyClick(box, Qt.Key.Key_Tab)
            assert not box.hasFocus() and edge(box) == unfocused, scheme
    finally:
        window.findChild(QAction, "appearance_system").trigger()


def test_the_undo_history_closes_from_the_keyboard_as_it_opened(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """Edit ▸ Undo History opened a dock that only its title bar's cross closed, out of the
    keyboard's reach: the View menu has its switch, with a letter of its own, as the Export and
    Preview panes have theirs."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QUndoView

    window.open_path(example_project)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.tree)
    QTimer.singleShot(100, lambda: qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_H))  # Undo &History
    qtbot.keyClick(window.tree, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)  # &Edit
    qtbot.waitUntil(lambda: window.findChild(QUndoView, "undoHistory") is not None)
    dock = window.history_dock
    qtbot.waitUntil(dock.isVisible)
    switch = dock.toggleViewAction()
    assert switch in window.view_menu.actions() and _menu_clashes(window.view_menu, "View") == []
    letter = QKeySequence.mnemonic(switch.text())[0].key()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dock.widget())
    QTimer.singleShot(100, lambda: qtbot.keyClick(QApplication.activePopupWidget(), letter))
    qtbot.keyClick(dock.widget(), Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)  # &View
    qtbot.waitUntil(lambda: not dock.isVisible())
    assert QApplication.focusWidget() is window.tree  # the keyboard is not left nowhere


def _opened_menu_items(button: QWidget, qtbot) -> list[str]:
    """The clickable items of ``button``'s menu, opened with Space as a keyboard user opens it."""
    from PySide6.QtCore import QTimer

    seen: list[list[str]] = []

    def look() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(10, look)
            return
        seen.append([a.text() for a in menu.actions() if not a.isSeparator() and a.isVisible() and a.isEnabled()])
        menu.close()

    button.setFocus()
    QTimer.singleShot(0, look)
    qtbot.keyClick(button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bool(seen))
    return seen[0]


def _menu_button_clashes(window: MainWindow, qtbot) -> list[str]:
    """The clickable items of each shown "… ▾" button's menu that have no Alt+letter or the
    letter of another item of that menu."""
    from designer.gui.menu_button import MenuButton

    found = []
    for button in window.findChildren(MenuButton):
        if not button.isVisible() or not button.isEnabled():
            continue
        found += _letter_clashes(_opened_menu_items(button, qtbot), button.objectName())
    return found


def test_every_item_of_the_drop_down_buttons_has_its_own_alt_letter(
    window: MainWindow, qtbot, example_project: Path, tmp_path: Path
) -> None:
    """New icon ▾, Add icon ▾, Fill ▾, Stroke ▾ and Make it do ▾ opened menus with no letters: a
    keyboard user went through them with the arrows only, as the menu bar's are not."""
    from PySide6.QtWidgets import QComboBox
    from test_editing import select_plugin

    from designer.core.newproject import create_project

    window.open_path(example_project)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    root = window.tree.topLevelItem(0)
    found = []
    for shown in (("plugin", 0), ("file", "plugins/lock-toggle/lock.svg")):
        window.tree.setCurrentItem(window._find_tree_item(root, shown))
        found += _menu_button_clashes(window, qtbot)
    create_project(tmp_path / "new", "Send to lobby")  # its item's code is the designer's: Make it do offers all
    window.open_path(tmp_path / "new")
    select_plugin(window, qtbot, 0)
    combo = window.plugin_page.findChild(QComboBox, "placementCombo")
    combo.setFocus()
    while combo.currentData() != "participants":
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    found += _menu_button_clashes(window, qtbot)
    assert found == []


def test_a_screen_reader_hears_a_plugins_mark_in_the_tree(window: MainWindow, qtbot, example_project: Path) -> None:
    """The tree shows a plugin's errors as a red mark (its count in the tooltip, for the mouse): a
    screen reader said "Lock toggle" alike for a plugin with errors and one without. Each plugin's
    item now tells, as its description, what the mark says."""
    from PySide6.QtGui import QAccessible

    js = example_project / "webapp2" / "plugins" / "lock-toggle" / "lock-toggle.plugin.js"
    js.write_text(js.read_text().replace("id: 'lock-toggle'", "id: 'lock-toggle-x'"))
    window.open_path(example_project)
    tree = QAccessible.queryAccessibleInterface(window.tree)
    items = [tree.child(i) for i in range(tree.childCount())]
    heard = {
        item.text(QAccessible.Text.Name): item.text(QAccessible.Text.Description)
        for item in items
        if item is not None and item.role() == QAccessible.Role.TreeItem
    }
    assert heard["Lock toggle"] == "1 error"
    assert heard["Meeting information"] == heard["Raise hand helper"] == "No errors"


def test_a_screen_reader_hears_whether_a_problem_is_an_error(window: MainWindow, qtbot, example_project: Path) -> None:
    """Only the icon at the start of a problem's row told an error from a warning or a note: a
    screen reader read the message alone. Each problem's row says its kind as its description."""
    from PySide6.QtGui import QAccessible

    for name in ("lock-toggle", "meeting-info"):
        js = example_project / "webapp2" / "plugins" / name / f"{name}.plugin.js"
        js.write_text(js.read_text().replace(f"id: '{name}'", f"id: '{name}-x'"))
    window.open_path(example_project)
    listed = QAccessible.queryAccessibleInterface(window.problems_view)
    cells = [listed.child(i) for i in range(listed.childCount())]
    heard = [
        cell.text(QAccessible.Text.Description)
        for cell in cells
        if cell is not None and cell.text(QAccessible.Text.Name).startswith("registerPlugin in ")
    ]
    assert heard == ["Error", "Error"]


def test_a_sprites_list_of_symbols_has_a_name_a_screen_reader_reads(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """Selecting a sprite (an SVG of several symbols) shows the list of its symbols under the
    canvas: a screen reader announced it as "list" alone (its words were in a tooltip)."""
    sprite = example_project / "webapp2" / "plugins" / "lock-toggle" / "sprite.svg"
    sprite.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg">'
        '<symbol id="one" viewBox="0 0 24 24"><rect x="2" y="2" width="20" height="20"/></symbol>'
        '<symbol id="two" viewBox="0 0 24 24"><circle cx="12" cy="12" r="10"/></symbol></svg>'
    )
    window.open_path(example_project)
    window.tree.setCurrentItem(
        window._find_tree_item(window.tree.topLevelItem(0), ("file", "plugins/lock-toggle/sprite.svg"))
    )
    symbols = window.icon_pane.findChild(QWidget, "symbolList")
    qtbot.waitUntil(symbols.isVisible)
    assert _unnamed(window.icon_pane) == []


def test_a_notes_dismiss_button_is_read_out_with_the_note(qtbot) -> None:
    """The notes above the tree are no Tab stops, only their Dismiss buttons are: a screen reader
    on one said "Dismiss" with nothing of the note it takes away, two notes alike. Each button
    tells its note as its description, and the news when a note says it in its place."""
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import QPushButton

    from designer.gui.note_bar import NoteBar

    bar = NoteBar()
    qtbot.addWidget(bar)
    bar.say("other window", "Another window has unsaved changes to this package.")
    bar.say("recovery", "Unsaved changes were kept after a crash.")
    bar.show()

    def heard() -> list[tuple[str, str]]:
        said = [QAccessible.queryAccessibleInterface(b) for b in bar.findChildren(QPushButton, "dismissNote")]
        return [(s.text(QAccessible.Text.Name), s.text(QAccessible.Text.Description)) for s in said]

    assert heard() == [
        ("Dismiss", "Another window has unsaved changes to this package."),
        ("Dismiss", "Unsaved changes were kept after a crash."),
    ]
    bar.say("other window", "Another window closed without saving its changes.")
    assert heard()[0] == ("Dismiss", "Another window closed without saving its changes.")


def test_an_alt_letter_brings_its_field_into_sight(window: MainWindow, qtbot, example_project: Path) -> None:
    """Tab scrolls the plugin page to the field it goes to, but Alt+T ("Ac&tion") put the keyboard
    in the Action field below the fold of a short window and left the page where it was: the user
    typed into a field they could not see. The page scrolls to it now."""
    from PySide6.QtCore import QPoint, QRect

    from designer.gui.viewports import viewport_of

    window.resize(900, 480)
    window.open_path(example_project)
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("plugin", 0)))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page = window.plugin_page
    action = page.findChild(QWidget, "actionEdit")
    view = viewport_of(page)

    def in_sight(widget: QWidget) -> bool:
        return view.rect().contains(QRect(widget.mapTo(view, QPoint(0, 0)), widget.size()))

    assert page.verticalScrollBar().value() == 0 and not in_sight(action)  # (the window is short enough)
    window.tree.setFocus()
    qtbot.waitUntil(window.tree.hasFocus)
    qtbot.keyClick(window.tree, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is action
    assert in_sight(action)
    qtbot.keyClick(action, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # "&Name", at the top again
    assert QApplication.focusWidget() is page.findChild(QWidget, "nameEdit") and in_sight(QApplication.focusWidget())


def test_an_alt_letter_brings_its_field_into_sight_in_the_recipe_wizard(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """As on the plugin page: Alt+F ("&Function name") in a short recipe wizard left the field
    below the fold, typed into unseen."""
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QScrollArea

    from designer.gui.panes.recipe_wizard import RecipeWizard
    from designer.gui.viewports import viewport_of

    window.open_path(example_project)
    wizard = RecipeWizard(window.package, window.editor, window)
    qtbot.addWidget(wizard)
    wizard.resize(760, 420)
    wizard.show()
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow)
    wizard.choose("participant-action")
    wizard.next()
    area = next(a for a in wizard.findChildren(QScrollArea) if a.isVisible())
    view = viewport_of(area)
    function = wizard.findChild(QWidget, "recipe_action")

    def in_sight(widget: QWidget) -> bool:
        return view.rect().contains(QRect(widget.mapTo(view, QPoint(0, 0)), widget.size()))

    assert not in_sight(function)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is function and in_sight(function)
    wizard.reject()
