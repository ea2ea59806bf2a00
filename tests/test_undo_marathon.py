"""An hour's work in one window, then every step undone and redone: the files on disk after each
undo (and a save) are the files as they were before that step, byte for byte."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import snapshot
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLineEdit, QListWidget, QPlainTextEdit, QPushButton
from test_editing import retype, select_plugin, tick
from test_icon_editor import click, drag, show_file, use_tool
from test_recipe_wizard import add_door_lock

from designer.gui.main_window import MainWindow

HAND = "plugins/raise-hand-helper/hand.svg"
LOCK_JS = "plugins/lock-toggle/lock-toggle.plugin.js"


def _files(root: Path) -> dict[str, bytes]:
    """The project's files; the designer's own folder (trash, memory) is not the user's work."""
    return {k: v for k, v in snapshot(root).items() if ".plugin-designer/" not in k}


def _diff(a: dict[str, bytes], b: dict[str, bytes]) -> list[str]:
    return sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))


def _undo_text(window: MainWindow) -> str:
    return window.findChild(type(window.save_action), "undoAction").text()


def _steps(window: MainWindow, qtbot) -> list[tuple[str, Callable[[], None]]]:
    def name() -> None:
        select_plugin(window, qtbot, 1)
        retype(qtbot, window.findChild(QLineEdit, "nameEdit"), "Meeting details")

    def version() -> None:
        retype(qtbot, window.findChild(QLineEdit, "versionEdit"), "1.5")

    def description() -> None:
        edit = window.findChild(QPlainTextEdit, "descriptionEdit")
        edit.setFocus()
        edit.selectAll()
        qtbot.keyClicks(edit, "Shows who is here")
        window.tree.setFocus()  # (the description is recorded when it is left)

    def role() -> None:
        tick(qtbot, window.findChild(QCheckBox, "role_guest"))

    def platform() -> None:
        tick(qtbot, window.findChild(QCheckBox, "platform_ios"))

    def switch_off() -> None:
        select_plugin(window, qtbot, 0)
        tick(qtbot, window.findChild(QCheckBox, "enabledCheck"))

    def add_item() -> None:
        qtbot.mouseClick(window.findChild(QPushButton, "addItemButton"), Qt.MouseButton.LeftButton)

    def label() -> None:
        retype(qtbot, window.findChild(QLineEdit, "labelEdit"), "Stop")

    def action() -> None:
        retype(qtbot, window.findChild(QLineEdit, "actionEdit"), "stopNow")

    def placement() -> None:
        combo = window.findChild(QComboBox, "placementCombo")
        combo.setCurrentIndex(combo.findData("participants"))
        combo.activated.emit(combo.currentIndex())

    def icon() -> None:
        combo = window.findChild(QComboBox, "iconCombo")
        combo.setCurrentIndex(combo.findData("unlock.svg#unlock"))  # (the new button started with lock.svg)
        combo.activated.emit(combo.currentIndex())

    def move_up() -> None:
        qtbot.mouseClick(window.findChild(QPushButton, "moveUpButton"), Qt.MouseButton.LeftButton)

    def remove_item() -> None:
        window.findChild(QListWidget, "menuItemsList").setCurrentRow(1)
        qtbot.mouseClick(window.findChild(QPushButton, "removeItemButton"), Qt.MouseButton.LeftButton)

    def draw() -> None:
        pane = show_file(window, HAND)
        use_tool(qtbot, pane, "rect")
        drag(qtbot, pane.canvas, (2, 2), (6, 6))

    def icon_id() -> None:
        window.icon_pane.rename_id("raised-hand")

    def typing() -> None:
        window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("file", LOCK_JS)))
        editor = window.source_editor
        editor.setFocus()
        cursor = editor.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        editor.setTextCursor(cursor)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.keyClicks(editor, "// one more line")

    def snippet() -> None:
        editor = window.source_editor
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.keyClicks(editor, "state")
        qtbot.keyClick(editor, Qt.Key.Key_Tab)
        qtbot.keyClick(editor, Qt.Key.Key_Escape)

    def rename_plugin() -> None:
        select_plugin(window, qtbot, 2)
        retype(qtbot, window.findChild(QLineEdit, "nameEdit"), "Hands up")

    def remove_plugin() -> None:
        select_plugin(window, qtbot, 1)
        window.remove_plugin()

    def switch_on() -> None:
        select_plugin(window, qtbot, 0)
        tick(qtbot, window.findChild(QCheckBox, "enabledCheck"))

    def fix() -> None:
        view = window.problems_view
        window._recheck.stop()
        window._run_checks()
        rows = [r for r in view.problem_items() if view.itemWidget(r, 3) is not None]
        assert rows, [r.text(0) for r in view.problem_items()]
        qtbot.mouseClick(view.itemWidget(rows[0], 3), Qt.MouseButton.LeftButton)

    def recipe() -> None:
        from designer.gui.panes.recipe_wizard import RecipeWizard

        original = RecipeWizard.exec
        RecipeWizard.exec = add_door_lock
        try:
            window.plugin_actions["recipe"].trigger()
        finally:
            RecipeWizard.exec = original

    def plugin_id() -> None:
        select_plugin(window, qtbot, 1)
        retype(qtbot, window.findChild(QLineEdit, "idEdit"), "hands-up")

    def allow_unload() -> None:
        tick(qtbot, window.findChild(QCheckBox, "allowUnloadCheck"))

    def move_plugin() -> None:
        select_plugin(window, qtbot, 1)
        window.tree.setFocus()
        qtbot.keyClick(window.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)

    def replace_all() -> None:
        from test_source_editor_by_hand import _replace_all

        window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("file", LOCK_JS)))
        window.source_editor.setFocus()
        assert _replace_all(window, qtbot, "subscriptions", "listeners")
        qtbot.keyClick(window.source_pane.find_bar.find_edit, Qt.Key.Key_Escape)

    def paint() -> None:
        pane = show_file(window, HAND)
        use_tool(qtbot, pane, "select")
        click(qtbot, pane.canvas, 8.5, 6)
        assert pane.canvas.selected is not None
        pane.set_paint("fill", "none")

    def delete_shape() -> None:
        pane = window.icon_pane
        pane.canvas.setFocus()
        qtbot.keyClick(pane.canvas, Qt.Key.Key_Delete)

    def new_icon() -> None:
        select_plugin(window, qtbot, 0)
        window.plugin_page.items.list.setCurrentRow(0)
        assert window.plugin_page.items.add_icon("draw", name="My Star")

    def builtin_icon() -> None:
        select_plugin(window, qtbot, 0)
        window.plugin_page.items.list.setCurrentRow(0)
        assert window.plugin_page.items.add_icon("builtin", name="star")

    def duplicate() -> None:
        select_plugin(window, qtbot, 0)
        window.duplicate_plugin()

    return [
        (n.__name__, n)
        for n in (
            name,
            version,
            description,
            role,
            platform,
            switch_off,
            add_item,
            label,
            action,
            placement,
            icon,
            move_up,
            remove_item,
            draw,
            icon_id,
            typing,
            snippet,
            rename_plugin,
            recipe,
            fix,
            remove_plugin,
            switch_on,
            plugin_id,
            allow_unload,
            move_plugin,
            replace_all,
            paint,
            delete_shape,
            new_icon,
            builtin_icon,
            duplicate,
        )
    ]


def _shown_matches_the_model(window: MainWindow) -> None:
    """What the pane on show displays is what the model holds (and a save would write)."""
    if window._recheck.isActive():  # the tree is filled again after the checks, as after a pause
        window._recheck.stop()
        window._run_checks()
    pkg = window.package
    page = window.stack.currentWidget()
    if page is window.plugin_page:
        index = window.selected_plugin()
        item = window.tree.currentItem()
        stack = window.editor.undo_stack
        assert index is not None and index < len(pkg.plugins), (
            index,
            item and item.text(0),
            [p.display_name for p in pkg.plugins],
            stack.text(stack.index()),
        )
        plugin = pkg.plugins[index]
        assert window.findChild(QLineEdit, "nameEdit").text() == (plugin.package.name or "")
        assert window.findChild(QCheckBox, "enabledCheck").isChecked() == (plugin.entry.enabled is not False)
        items = sum(len(v) for v in (plugin.package.menu_items or {}).values())
        assert window.findChild(QListWidget, "menuItemsList").count() == items
    elif page is window.icon_pane:
        assert page.canvas.text == pkg.read_text(page.rel)
        assert window.source_editor.text() == pkg.read_text(page.rel)
    elif window.source_pane is not None and page is window.source_pane:
        assert window.source_editor.text() == pkg.read_text(window.source_pane.current_file())


def _work(window: MainWindow, qtbot, root: Path, save_every: int) -> tuple[list[dict[str, bytes] | None], list[str]]:
    """Do every step, saving after every ``save_every``-th; the files after each save (None where
    there was none) and the Undo action's text after each step."""
    stack = window.editor.undo_stack
    states: list[dict[str, bytes] | None] = [_files(root)]
    names = []
    for n, (label, step) in enumerate(_steps(window, qtbot), 1):
        count = stack.index()
        step()
        window.editor.drop_unchanged_typing()
        steps = 2 if label == "snippet" else 1  # (the typed prefix, then the snippet that replaces it)
        assert stack.index() == count + steps, (label, [stack.text(i) for i in range(count, stack.count())])
        text = _undo_text(window)
        names.append(text)
        assert text.startswith("&Undo ") and len(text) > 8, (label, text)
        _shown_matches_the_model(window)
        if n % save_every == 0:
            qtbot.keySequence(window, "Ctrl+S")
            assert not window.isWindowModified(), label
            states.append(_files(root))
            assert states[-1] != states[-2], label
        else:
            states.append(None)
    return states, names


def _steps_back(window: MainWindow, name: str) -> int:
    return 2 if name.startswith("&Undo Insert snippet") else 1


def _written_differently(root: Path, how: str) -> None:
    """The example as another editor may have left it: Windows line ends, or tabs for indentation."""
    for path in root.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if how == "crlf":
                data = data.replace(b"\n", b"\r\n")
            elif how == "tabs":
                data = data.replace(b"    ", b"\t")
            elif how == "compact json" and path.suffix == ".json":
                data = json.dumps(json.loads(data), separators=(",", ":")).encode()
            elif how == "two-space json" and path.suffix == ".json":
                data = json.dumps(json.loads(data), indent=2, ensure_ascii=False).encode()
            elif how == "no final newline":
                data = data.rstrip(b"\n")
            elif how == "bom":
                data = b"\xef\xbb\xbf" + data
            path.write_bytes(data)


@pytest.mark.parametrize(
    "how", ["as shipped", "crlf", "tabs", "compact json", "two-space json", "no final newline", "bom"]
)
def test_an_hours_work_undone_and_redone_step_by_step(
    window: MainWindow, qtbot, example_project: Path, how: str
) -> None:
    root = example_project
    _written_differently(root, how)
    window.open_path(example_project)
    stack = window.editor.undo_stack
    states, names = _work(window, qtbot, root, 1)
    assert len(names) == 31
    for i in range(len(states) - 1, 0, -1):
        for _ in range(_steps_back(window, names[i - 1])):
            redo_text = _undo_text(window).replace("&Undo", "&Redo", 1)
            qtbot.keySequence(QApplication.focusWidget() or window, "Ctrl+Z")  # wherever the keyboard is
            assert window.findChild(type(window.save_action), "redoAction").text() == redo_text
        _shown_matches_the_model(window)
        qtbot.keySequence(window, "Ctrl+S")
        now = _files(root)
        assert now == states[i - 1], (i, names[i - 1], _diff(now, states[i - 1]))
        assert stack.canRedo()
    for i in range(1, len(states)):
        for _ in range(_steps_back(window, names[i - 1])):
            qtbot.keySequence(QApplication.focusWidget() or window, "Ctrl+Shift+Z")
        assert _undo_text(window) == names[i - 1]
        _shown_matches_the_model(window)
        qtbot.keySequence(window, "Ctrl+S")
        now = _files(root)
        assert now == states[i], (i, names[i - 1], _diff(now, states[i]))


def test_the_same_work_with_few_saves_undoes_to_the_start_and_redoes_to_the_end(
    window: MainWindow, qtbot, example_project: Path, tmp_path: Path
) -> None:
    """Undo and redo across unsaved steps and saves alike; saves made while going back in between."""
    root = example_project
    window.open_path(example_project)
    stack = window.editor.undo_stack
    states, names = _work(window, qtbot, root, 4)
    qtbot.keySequence(window, "Ctrl+S")
    end = _files(root)
    for i in range(len(states) - 1, 0, -1):
        for _ in range(_steps_back(window, names[i - 1])):
            stack.undo()
        _shown_matches_the_model(window)
        if i % 3 == 0:
            qtbot.keySequence(window, "Ctrl+S")
            if states[i - 1] is not None:
                assert _files(root) == states[i - 1], (i, names[i - 1], _diff(_files(root), states[i - 1]))
    assert not stack.canUndo()
    qtbot.keySequence(window, "Ctrl+S")
    assert _files(root) == states[0], _diff(_files(root), states[0])
    while stack.canRedo():
        stack.redo()
        _shown_matches_the_model(window)
        if stack.index() % 5 == 0:
            qtbot.keySequence(window, "Ctrl+S")
    qtbot.keySequence(window, "Ctrl+S")
    assert _files(root) == end, _diff(_files(root), end)


def test_the_same_work_taken_back_and_forth_in_the_undo_history(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """A click in Edit ▸ Undo History goes back (or forward) many steps at once, past saves."""
    from PySide6.QtWidgets import QUndoView

    root = example_project
    window.open_path(example_project)
    stack = window.editor.undo_stack
    states, _names = _work(window, qtbot, root, 5)
    qtbot.keySequence(window, "Ctrl+S")
    end = _files(root)
    window.show_history()
    view = window.findChild(QUndoView, "undoHistory")

    def click_row(row: int) -> None:
        index = view.model().index(row, 0)
        view.scrollTo(index)
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
        assert stack.index() == row
        _shown_matches_the_model(window)

    middle = 10  # (saved after the tenth step)
    click_row(0)
    qtbot.keySequence(window, "Ctrl+S")
    assert _files(root) == states[0], _diff(_files(root), states[0])
    click_row(stack.count())
    qtbot.keySequence(window, "Ctrl+S")
    assert _files(root) == end, _diff(_files(root), end)
    click_row(middle)
    qtbot.keySequence(window, "Ctrl+S")
    assert _files(root) == states[middle], _diff(_files(root), states[middle])
