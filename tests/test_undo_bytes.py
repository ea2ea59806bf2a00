"""Every kind of edit the window offers, one at a time: edit and save gives the files E; undo and
save gives the files as they were, byte for byte; redo and save gives E again. Meanwhile the
title's ``*`` follows the undo stack's saved state, the Edit menu names the step in the user's
words, the form shows the undone value at once and the Problems dock follows.

On the bundled example and on a package written by another editor (Windows line ends, tabs,
spaces before colons, no final newline)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import FIXTURES, snapshot
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)
from test_editing import retype, select_plugin, tick
from test_icon_editor import drag, show_file, use_tool

from designer.gui.main_window import MainWindow

LOCK_JS = "plugins/lock-toggle/lock-toggle.plugin.js"
HAND = "plugins/raise-hand-helper/hand.svg"


def _files(root: Path) -> dict[str, bytes]:
    """The project's files; the designer's own folder (trash, memory) is not the user's work."""
    return {k: v for k, v in snapshot(root).items() if ".plugin-designer/" not in k}


def _diff(a: dict[str, bytes], b: dict[str, bytes]) -> list[str]:
    return sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))


def _action(window: MainWindow, name: str):
    return window.findChild(type(window.save_action), name)


def _problems(window: MainWindow) -> list[str]:
    """The rows of the Problems dock, after the checks that follow an edit (as after a pause)."""
    window._recheck.stop()
    window._run_checks()
    view = window.problems_view
    return [" | ".join(row.text(c) for c in range(3)) for row in view.problem_items()]


def _odd(root: Path) -> None:
    """The project as another editor left it: CRLF, tabs, a space before each colon, no final newline."""
    for path in root.rglob("*"):
        if path.is_file():
            data = path.read_bytes().replace(b"    ", b"\t")
            if path.suffix == ".json":
                data = data.replace(b'": ', b'" :  ')
            path.write_bytes(data.rstrip(b"\n").replace(b"\n", b"\r\n"))


@pytest.fixture
def odd_project(tmp_path: Path) -> Path:
    import shutil

    dst = tmp_path / "odd"
    shutil.copytree(FIXTURES / "base", dst)
    _odd(dst)
    return dst


def _save(window: MainWindow, qtbot) -> None:
    qtbot.keySequence(window, "Ctrl+S")
    assert not window.isWindowModified()


def _undo(qtbot) -> None:
    qtbot.keySequence(QApplication.focusWidget(), "Ctrl+Z")


def _redo(qtbot) -> None:
    qtbot.keySequence(QApplication.focusWidget(), "Ctrl+Shift+Z")


def round_trip(
    window: MainWindow,
    qtbot,
    root: Path,
    edit: Callable[[], None],
    words: str,
    shown: Callable[[], object] | None = None,
) -> dict[str, bytes]:
    """Do ``edit`` and take it back and forth, checking the files, the title, the Edit menu, the
    form (``shown()`` reads what it shows: after undo as before the edit) and the Problems dock."""
    stack = window.editor.undo_stack
    start = _files(root)
    problems = _problems(window)
    before = shown() if shown else None
    assert not window.isWindowModified()
    count = stack.index()
    edit()
    window.editor.drop_unchanged_typing()
    assert stack.index() > count, "no undo step"
    assert window.isWindowModified()
    undo_text = _action(window, "undoAction").text()
    assert undo_text.startswith("&Undo ") and words in undo_text, undo_text
    after = shown() if shown else None
    after_problems = _problems(window)
    steps = stack.index() - count

    # Undo without saving: the saved state again, no star, the form and the dock as before.
    for _ in range(steps):
        _undo(qtbot)
    assert not window.isWindowModified()
    if steps == 1:
        assert _action(window, "redoAction").text() == undo_text.replace("&Undo", "&Redo", 1)
    if shown:
        assert shown() == before
    assert _problems(window) == problems
    for _ in range(steps):
        _redo(qtbot)
    assert window.isWindowModified()
    if shown:
        assert shown() == after
    assert _problems(window) == after_problems

    _save(window, qtbot)
    edited = _files(root)
    assert edited != start
    # Back to the saved state without saving in between: no star again.
    for _ in range(steps):
        _undo(qtbot)
    assert window.isWindowModified()
    for _ in range(steps):
        _redo(qtbot)
    assert not window.isWindowModified()
    # Undo past the save: a star, and the save writes the files as they were.
    for _ in range(steps):
        _undo(qtbot)
    assert window.isWindowModified()
    if shown:
        assert shown() == before
    assert _problems(window) == problems
    _save(window, qtbot)
    assert _files(root) == start, _diff(_files(root), start)
    for _ in range(steps):
        _redo(qtbot)
    assert window.isWindowModified()
    if shown:
        assert shown() == after
    _save(window, qtbot)
    assert _files(root) == edited, _diff(_files(root), edited)
    return edited


# -- the edits ------------------------------------------------------------------------------------
def _choose(window: MainWindow, name: str, data: str | None) -> None:
    """Pick ``data`` in the combo box (None: the first entry, such as "No icon", when it is another)."""
    combo = window.findChild(QComboBox, name)
    index = 0 if data is None else combo.findData(data)
    assert index != combo.currentIndex()
    assert index >= 0, (data, [combo.itemData(i) for i in range(combo.count())])
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def _items(window: MainWindow) -> list[str]:
    box = window.findChild(QListWidget, "menuItemsList")
    return [box.item(i).text() for i in range(box.count())]


def _click(window: MainWindow, qtbot, name: str) -> None:
    button = window.findChild(QPushButton, name)
    assert button.isVisible() and button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _type_description(window: MainWindow, qtbot) -> None:
    edit = window.findChild(QPlainTextEdit, "descriptionEdit")
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "Records the meeting")
    window.tree.setFocus()  # (the description is recorded when it is left)


def _retyped(name: str, text: str) -> Callable[[MainWindow, object], None]:
    return lambda window, qtbot: retype(qtbot, window.findChild(QLineEdit, name), text)


def _ticked(name: str) -> Callable[[MainWindow, object], None]:
    return lambda window, qtbot: tick(qtbot, window.findChild(QCheckBox, name))


def _clicked(name: str) -> Callable[[MainWindow, object], None]:
    return lambda window, qtbot: _click(window, qtbot, name)


def _id_from_name(window: MainWindow, qtbot) -> None:
    retype(qtbot, window.findChild(QLineEdit, "nameEdit"), "Door Lock")
    _click(window, qtbot, "deriveIdButton")


def _second_item_up(window: MainWindow, qtbot) -> None:
    _click(window, qtbot, "addItemButton")
    _click(window, qtbot, "moveUpButton")


# name: (what the user does, words the Edit menu's Undo says, the field that shows it)
FORM_EDITS: dict[str, tuple[Callable[[MainWindow, object], None], str, str]] = {
    "name": (_retyped("nameEdit", "Recorder"), "'Recorder'", "nameEdit"),
    "id": (_retyped("idEdit", "recorder"), "recorder", "idEdit"),
    "version": (_retyped("versionEdit", "2.5"), "2.5", "versionEdit"),
    "description": (_type_description, "description", "descriptionEdit"),
    "source": (_retyped("sourceEdit", "other.js"), "other.js", "sourceEdit"),
    "enabled": (_ticked("enabledCheck"), "", "enabledCheck"),
    "allow unload": (_ticked("allowUnloadCheck"), "", "allowUnloadCheck"),
    "platform": (_ticked("platform_ios"), "", "platform_ios"),
    "role": (_ticked("role_guest"), "", "role_guest"),
    "id from name": (_id_from_name, "", "idEdit"),
    "add item": (_clicked("addItemButton"), "", "menuItemsList"),
    "remove item": (_clicked("removeItemButton"), "", "menuItemsList"),
    "reorder items": (_second_item_up, "", "menuItemsList"),
    "placement": (lambda w, q: _choose(w, "placementCombo", "participants"), "", "placementCombo"),
    "icon": (lambda w, q: _choose(w, "iconCombo", None), "", "iconCombo"),
    "label": (_retyped("labelEdit", "Go"), "'Go'", "labelEdit"),
    "label at run time": (_ticked("labelRuntimeCheck"), "", "labelRuntimeCheck"),
    "action": (_retyped("actionEdit", "goNow"), "goNow", "actionEdit"),
}


def _reader(window: MainWindow, name: str) -> Callable[[], object]:
    def read() -> object:
        widget = window.findChild(QWidget, name)
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        if isinstance(widget, QComboBox):
            return widget.currentData()
        if isinstance(widget, QListWidget):
            return _items(window)
        return widget.text()

    return read


@pytest.mark.parametrize("project", ["example", "odd"])
@pytest.mark.parametrize("edit", list(FORM_EDITS))
def test_a_form_edit_undone_and_redone_byte_for_byte(
    window: MainWindow, qtbot, example_project: Path, odd_project: Path, project: str, edit: str
) -> None:
    root = example_project if project == "example" else odd_project
    window.open_path(root)
    select_plugin(window, qtbot, 1 if project == "example" else 0)  # (one whose button has a label)
    do, words, field = FORM_EDITS[edit]
    round_trip(window, qtbot, root, lambda: do(window, qtbot), words, _reader(window, field))


# -- edits of whole plugins, icons and sources ------------------------------------------------------
class Names:
    """Where one project's things are: the plugin the tests edit, its source, icon and action."""

    def __init__(self, project: str) -> None:
        if project == "example":
            self.plugin, self.folder, self.action = 1, "plugins/meeting-info/", "showMeetingInfo"
            self.js, self.svg, self.package = "meeting-info.plugin.js", "info.svg", "meeting-info.plugin.package.json"
        else:
            self.plugin, self.folder, self.action = 0, "plugins/rec/", "record"
            self.js, self.svg, self.package = "rec.plugin.js", "rec.svg", "rec.plugin.package.json"


def _tree_names(window: MainWindow) -> list[str]:
    top = window.tree.topLevelItem(0)
    return [top.child(i).text(0) for i in range(top.childCount())]


def _show(window: MainWindow, rel: str) -> None:
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("file", rel)))


def _rewrite(path: Path, old: bytes, new: bytes) -> None:
    data = path.read_bytes()
    assert old in data, (path, old)
    path.write_bytes(data.replace(old, new))


def _tree_key(window: MainWindow, qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    window.tree.setFocus()
    qtbot.keyClick(window.tree, key, modifier)


def _add_plugin(window: MainWindow, qtbot, monkeypatch, n: Names) -> None:
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Hand counter", True))
    window.plugin_actions["add"].trigger()


def _recipe(window: MainWindow, qtbot, monkeypatch, n: Names) -> None:
    from test_recipe_wizard import add_door_lock

    from designer.gui.panes.recipe_wizard import RecipeWizard

    monkeypatch.setattr(RecipeWizard, "exec", add_door_lock)
    window.plugin_actions["recipe"].trigger()


def _type_code(window: MainWindow, qtbot, monkeypatch, n: Names) -> None:
    _show(window, n.folder + n.js)
    editor = window.source_editor
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.Start)
    cursor.movePosition(cursor.MoveOperation.EndOfLine)
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "var a = 1;")


def _snippet(window: MainWindow, qtbot, monkeypatch, n: Names) -> None:
    _type_code(window, qtbot, monkeypatch, n)
    qtbot.keyClick(window.source_editor, Qt.Key.Key_Return)
    qtbot.keyClicks(window.source_editor, "state")
    qtbot.keyClick(window.source_editor, Qt.Key.Key_Tab)
    qtbot.keyClick(window.source_editor, Qt.Key.Key_Escape)


def _replace_all(window: MainWindow, qtbot, monkeypatch, n: Names) -> None:
    from test_source_editor_by_hand import _replace_all as replace_all

    _show(window, n.folder + n.js)
    window.source_editor.setFocus()
    assert replace_all(window, qtbot, "unload", "stop")
    qtbot.keyClick(window.source_pane.find_bar.find_edit, Qt.Key.Key_Escape)


def _comment(window: MainWindow, qtbot, monkeypatch, n: Names) -> None:
    _show(window, n.folder + n.js)
    editor = window.source_editor
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.Start)
    cursor.movePosition(cursor.MoveOperation.Down)
    cursor.movePosition(cursor.MoveOperation.Down, cursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)


def _draw(window: MainWindow, qtbot, monkeypatch, n: Names) -> None:
    pane = show_file(window, n.folder + n.svg)
    use_tool(qtbot, pane, "rect")
    drag(qtbot, pane.canvas, (2, 2), (6, 6))


def _rename_id(window: MainWindow, qtbot, monkeypatch, n: Names) -> None:
    from PySide6.QtWidgets import QInputDialog

    pane = show_file(window, n.folder + n.svg)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("picture", True))
    _click(window, qtbot, "renameIdButton")
    assert pane.canvas.doc.root.get("id") == "picture"


def _add_id(window: MainWindow, qtbot, monkeypatch, n: Names) -> None:
    show_file(window, n.folder + n.svg)
    _click(window, qtbot, "addIdButton")


def _fix(window: MainWindow, qtbot, monkeypatch, n: Names) -> None:
    view = window.problems_view
    _problems(window)
    rows = [r for r in view.problem_items() if view.itemWidget(r, 3) is not None]
    assert len(rows) == 1, [r.text(0) for r in view.problem_items()]
    qtbot.mouseClick(view.itemWidget(rows[0], 3), Qt.MouseButton.LeftButton)


def _sync(window: MainWindow, qtbot, monkeypatch, n: Names) -> None:
    select_plugin(window, qtbot, n.plugin)
    _click(window, qtbot, "actionSyncButton")


def _create_function(window: MainWindow, qtbot, monkeypatch, n: Names) -> None:
    _click(window, qtbot, "addItemButton")
    retype(qtbot, window.findChild(QLineEdit, "actionEdit"), "goNow")
    _click(window, qtbot, "actionSyncButton")


def _new_icon(how: str) -> Callable[[MainWindow, object, object, Names], None]:
    def add(window: MainWindow, qtbot, monkeypatch, n: Names) -> None:
        select_plugin(window, qtbot, n.plugin)
        window.plugin_page.items.list.setCurrentRow(0)
        assert window.plugin_page.items.add_icon(how, name="star" if how == "builtin" else "My Star")

    return add


def _on_plugin(keys: tuple) -> Callable[[MainWindow, object, object, Names], None]:
    def press(window: MainWindow, qtbot, monkeypatch, n: Names) -> None:
        select_plugin(window, qtbot, n.plugin)
        _tree_key(window, qtbot, *keys)

    return press


def _tree(window: MainWindow) -> Callable[[], object]:
    """The plugins the tree lists, after the pause that follows an edit (the tree is filled then)."""

    def read() -> object:
        _problems(window)
        return _tree_names(window)

    return read


def _code(window: MainWindow) -> Callable[[], object]:
    """The text the source editor shows (once it is on show; the source's text before)."""
    js = Names("example" if window.package.plugins[0].key == "lock-toggle" else "odd")
    rel = js.folder + js.js

    def read() -> object:
        if window.source_pane is not None and window.stack.currentWidget() is window.source_pane:
            assert window.source_pane.current_file() == rel
            return window.source_editor.text()
        return window.package.read_text(rel)

    return read


def _icon(window: MainWindow) -> Callable[[], object]:
    """The text of the icon the canvas shows (once it is on show; the icon's text before)."""
    n = Names("example" if window.package.plugins[0].key == "lock-toggle" else "odd")

    def read() -> object:
        if window.stack.currentWidget() is window.icon_pane:
            assert window.icon_pane.canvas.text == window.source_editor.text()
            return window.icon_pane.canvas.text
        return window.package.read_text(n.folder + n.svg)

    return read


def _no_id(root: Path, n: Names) -> None:
    path = root / "webapp2" / n.folder / n.svg
    _rewrite(path, f' id="{n.svg[:-4]}"'.encode(), b"")


def _script(root: Path, n: Names) -> None:
    path = root / "webapp2" / n.folder / n.svg
    _rewrite(path, b"</svg>", b"<script>alert(1)</script></svg>")


def _function_renamed(root: Path, n: Names) -> None:
    _rewrite(root / "webapp2" / n.folder / n.js, n.action.encode(), b"goLater")


def _keep_code(window: MainWindow, qtbot, monkeypatch, n: Names) -> None:
    retype(qtbot, window.findChild(QLineEdit, "actionEdit"), "goNow")
    assert window.findChild(QPushButton, "actionSyncButton").text() == "Keep the code as it is"
    _click(window, qtbot, "actionSyncButton")


def _import_svg(window: MainWindow, qtbot, monkeypatch, n: Names) -> None:
    drawn = Path(window.package.root).parent.parent / "outside.svg"  # (beside the project)
    drawn.write_bytes(
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"'
        b' width="48" height="48" onload="alert(1)">\r\n  <path inkscape:label="x" d="M0 0h48v48z"/>\r\n</svg>'
    )
    assert window._icon_adder().import_svg(n.plugin, drawn, ask=False)


Do = Callable[[MainWindow, object, object, Names], None]
# name: (the project as the user had it, or None; what the user does; words of the Edit menu's Undo;
# what shows it)
WINDOW_EDITS: dict[str, tuple[Callable[[Path, Names], None] | None, Do, str, Callable[[MainWindow], Callable]]] = {
    "add plugin": (None, _add_plugin, "'Hand counter'", _tree),
    "add from recipe": (None, _recipe, "Door lock", _tree),
    "duplicate": (None, _on_plugin((Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)), "Duplicate", _tree),
    "remove": (None, _on_plugin((Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)), "Remove", _tree),
    "move": (None, _on_plugin((Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)), "Move", _tree),
    "type code": (None, _type_code, "Edit the code", _code),
    "snippet": (None, _snippet, "snippet", _code),
    "replace all": (None, _replace_all, "Replace", _code),
    "comment": (None, _comment, "omment", _code),
    "draw": (None, _draw, "", _icon),
    "rename icon id": (None, _rename_id, "'picture', also in 1 menu item", _icon),
    "add icon id": (_no_id, _add_id, "Add id", _icon),
    "new icon": (None, _new_icon("draw"), "", _tree),
    "built-in icon": (None, _new_icon("builtin"), "", _tree),
    "sanitise fix": (_script, _fix, "Sanitise", _tree),
    "create function": (None, _create_function, "goNow", _code),
    "keep the code": (None, _keep_code, "the code kept", lambda w: _reader(w, "actionEdit")),
    "import svg": (None, _import_svg, "", _tree),
    "use function": (_function_renamed, _sync, "goLater", lambda w: _reader(w, "actionEdit")),
}


@pytest.mark.parametrize(
    ("edit", "project"),
    [(e, p) for e in WINDOW_EDITS for p in ("example", "odd") if (e, p) != ("move", "odd")],  # (odd: one plugin)
)
def test_a_window_edit_undone_and_redone_byte_for_byte(
    window: MainWindow, qtbot, monkeypatch, example_project: Path, odd_project: Path, project: str, edit: str
) -> None:
    root = example_project if project == "example" else odd_project
    names = Names(project)
    prepare, do, words, shown = WINDOW_EDITS[edit]
    if prepare:
        prepare(root, names)
    window.open_path(root)
    select_plugin(window, qtbot, names.plugin)
    round_trip(window, qtbot, root, lambda: do(window, qtbot, monkeypatch, names), words, shown(window))


def test_edits_made_before_a_save_as_are_undone_in_the_new_folder(
    window: MainWindow, qtbot, monkeypatch, example_project: Path, tmp_path: Path
) -> None:
    from test_save_as import _choose as choose_folder
    from test_save_as import _menu_action

    window.open_path(example_project)
    start = _files(example_project)
    select_plugin(window, qtbot, 1)
    retype(qtbot, window.findChild(QLineEdit, "nameEdit"), "Meeting details")
    tick(qtbot, window.findChild(QCheckBox, "role_guest"))
    target = tmp_path / "copy"
    choose_folder(monkeypatch, target)
    _menu_action(window, "Save As…").trigger()
    assert window.package.root == target / "webapp2"
    assert not window.isWindowModified()
    edited = _files(target)
    assert _files(example_project) == start  # (the old folder is as it was)
    assert _action(window, "undoAction").text() == "&Undo Change who gets 'Meeting details' to: Hosts"
    _undo(qtbot)
    assert window.isWindowModified()
    _undo(qtbot)
    assert window.plugin_page.findChild(QLineEdit, "nameEdit").text() == "Meeting information"
    _save(window, qtbot)
    assert _files(target) == start, _diff(_files(target), start)
    _redo(qtbot)
    assert window.isWindowModified()
    _redo(qtbot)
    assert window.plugin_page.findChild(QCheckBox, "role_guest").isChecked() is False
    _save(window, qtbot)
    assert _files(target) == edited, _diff(_files(target), edited)
    assert _files(example_project) == start


def test_a_removed_plugin_and_typed_code_come_back_after_a_save_as(
    window: MainWindow, qtbot, monkeypatch, example_project: Path, tmp_path: Path
) -> None:
    """Files the Save As left out (a removed plugin's) or wrote changed (the code) are written back."""
    from test_save_as import _choose as choose_folder
    from test_save_as import _menu_action

    window.open_path(example_project)
    start = _files(example_project)
    n = Names("example")
    _type_code(window, qtbot, monkeypatch, n)
    _draw(window, qtbot, monkeypatch, n)
    select_plugin(window, qtbot, 2)
    _tree_key(window, qtbot, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    steps = window.editor.undo_stack.index()
    choose_folder(monkeypatch, tmp_path / "copy")
    _menu_action(window, "Save As…").trigger()
    edited = _files(tmp_path / "copy")
    assert not any("raise-hand" in rel for rel in edited)
    for _ in range(steps):
        _undo(qtbot)
    _save(window, qtbot)
    assert _files(tmp_path / "copy") == start, _diff(_files(tmp_path / "copy"), start)
    for _ in range(steps):
        _redo(qtbot)
    _save(window, qtbot)
    assert _files(tmp_path / "copy") == edited, _diff(_files(tmp_path / "copy"), edited)


def _chain(window: MainWindow, qtbot, monkeypatch, n: Names) -> list[Callable[[], None]]:
    """Fifty edits of every kind, in the order a user may make them."""
    steps: list[Callable[[], None]] = []
    for round_ in range(5):

        def plugin(round_: int = round_) -> None:
            select_plugin(window, qtbot, n.plugin)
            retype(qtbot, window.findChild(QLineEdit, "nameEdit"), f"Name {round_}")

        steps += [
            plugin,
            lambda r=round_: retype(qtbot, window.findChild(QLineEdit, "versionEdit"), f"2.{r}"),
            lambda: tick(qtbot, window.findChild(QCheckBox, "role_guest")),
            lambda: tick(qtbot, window.findChild(QCheckBox, "platform_android")),
            lambda: _click(window, qtbot, "addItemButton"),
            lambda r=round_: retype(qtbot, window.findChild(QLineEdit, "labelEdit"), f"Label {r}"),
            lambda: _click(window, qtbot, "moveUpButton"),
            lambda: _type_code(window, qtbot, monkeypatch, n),
            lambda: _draw(window, qtbot, monkeypatch, n),
            lambda: _on_plugin((Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier))(window, qtbot, monkeypatch, n),
        ]
    return steps


@pytest.mark.parametrize("project", ["example", "odd"])
def test_fifty_mixed_edits_undone_and_redone(
    window: MainWindow, qtbot, monkeypatch, example_project: Path, odd_project: Path, project: str
) -> None:
    """Saved now and then; undone to the start and redone to the end, the title's star saying
    at every step whether the window holds what was saved last."""
    root = example_project if project == "example" else odd_project
    n = Names(project)
    window.open_path(root)
    stack = window.editor.undo_stack
    start = _files(root)
    saved_at: dict[int, dict[str, bytes]] = {0: start}
    for i, step in enumerate(_chain(window, qtbot, monkeypatch, n), 1):
        count = stack.index()
        step()
        window.editor.drop_unchanged_typing()
        assert stack.index() == count + 1, (i, [stack.text(k) for k in range(count, stack.count())])
        if i % 15 == 0:
            _save(window, qtbot)
            saved_at[stack.index()] = _files(root)
    _save(window, qtbot)
    saved_at[stack.index()] = end = _files(root)
    top = stack.index()
    assert top == 50
    last_saved = top
    while stack.canUndo():
        _undo(qtbot)
        assert window.isWindowModified() == (stack.index() != last_saved)
        if stack.index() in saved_at:
            _save(window, qtbot)
            last_saved = stack.index()
            assert _files(root) == saved_at[stack.index()], (
                stack.index(),
                _diff(_files(root), saved_at[stack.index()]),
            )
    assert _files(root) == start
    assert _problems(window) == _problems_of(root)
    while stack.canRedo():
        _redo(qtbot)
        assert window.isWindowModified() == (stack.index() != last_saved)
    _save(window, qtbot)
    assert _files(root) == end, _diff(_files(root), end)


def _problems_of(root: Path) -> list[str]:
    """The Problems dock of a window that opens ``root`` afresh."""
    other = MainWindow()
    try:
        other.open_path(root)
        return _problems(other)
    finally:
        other.close()
        other.deleteLater()


def test_code_typed_just_before_a_save_as_is_undone_there(
    window: MainWindow, qtbot, monkeypatch, odd_project: Path, tmp_path: Path
) -> None:
    from test_save_as import _choose as choose_folder

    window.open_path(odd_project)
    start = _files(odd_project)
    _type_code(window, qtbot, monkeypatch, Names("odd"))
    choose_folder(monkeypatch, tmp_path / "copy")
    qtbot.keySequence(window.source_editor, "Ctrl+Shift+S")
    assert window.package.root == tmp_path / "copy" / "webapp2"
    assert b"var a = 1;" in _files(tmp_path / "copy")["webapp2/plugins/rec/rec.plugin.js"]
    _undo(qtbot)
    assert "var a = 1;" not in window.source_editor.text()
    assert window.isWindowModified()
    _save(window, qtbot)
    assert _files(tmp_path / "copy") == start, _diff(_files(tmp_path / "copy"), start)


def test_a_step_undone_before_a_save_as_is_redone_there(
    window: MainWindow, qtbot, monkeypatch, example_project: Path, tmp_path: Path
) -> None:
    from test_save_as import _choose as choose_folder

    window.open_path(example_project)
    n = Names("example")
    _type_code(window, qtbot, monkeypatch, n)
    select_plugin(window, qtbot, 2)
    _tree_key(window, qtbot, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    _save(window, qtbot)
    both = _files(example_project)
    _undo(qtbot)
    choose_folder(monkeypatch, tmp_path / "copy")
    qtbot.keySequence(window, "Ctrl+Shift+S")
    assert "webapp2/plugins/raise-hand-helper/hand.svg" in _files(tmp_path / "copy")
    assert _action(window, "redoAction").text() == "&Redo Remove plugin 'Raise hand helper'"
    _redo(qtbot)
    assert window.isWindowModified()
    _save(window, qtbot)
    assert _files(tmp_path / "copy") == both, _diff(_files(tmp_path / "copy"), both)


def test_an_item_removed_and_put_back_in_a_compact_package_file_after_saves(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """Found by the random user (test_undo_soak): in a package file written without spaces whose
    description holds "lock, mute", an item given a new icon, saved, removed, saved and put back
    by Ctrl+Z was written back with ', ' between its members, not as it was."""
    from test_undo_marathon import _written_differently

    _written_differently(example_project, "compact json")
    window.open_path(example_project)
    select_plugin(window, qtbot, 1)
    window.findChild(QListWidget, "menuItemsList").setCurrentRow(0)
    assert window.plugin_page.items.add_icon("builtin", name="star")
    select_plugin(window, qtbot, 1)
    qtbot.keySequence(window, "Ctrl+S")
    before = _files(example_project)
    window.findChild(QListWidget, "menuItemsList").setCurrentRow(0)
    qtbot.mouseClick(window.findChild(QPushButton, "removeItemButton"), Qt.MouseButton.LeftButton)
    qtbot.keySequence(window, "Ctrl+S")
    qtbot.keySequence(window, "Ctrl+Z")
    qtbot.keySequence(window, "Ctrl+S")
    assert _files(example_project) == before, _diff(_files(example_project), before)
