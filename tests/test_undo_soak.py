"""A random user in one window: a seeded random sequence of edits through the window's own entry
points (forms, buttons, the source editor, the icon canvas, Problems' Fix buttons), saves in
between. After each step the window has not raised and the form shows the model's values; at the
end, undo all the way and save gives the project's files as they were, byte for byte (none left
over, none missing), and redo all the way and save gives the files as they were after the last step.

Why a seeded loop rather than hypothesis: one window per run is the costly part, and a seed names
a failing run exactly, its steps printed as they go (shown when it fails). CI runs the fixed few
below; ``UNDOSOAK_SEEDS=1-200 UNDOSOAK_STEPS=100`` runs more and longer ones, ``UNDOSOAK_HOW=crlf``
(or another way of :func:`test_undo_marathon._written_differently`) on the example written so.
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import snapshot
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
)
from test_editing import select_plugin, tick
from test_icon_editor import drag, use_tool

from designer.core.lineends import LineEndings
from designer.core.model import PLATFORMS, ROLES
from designer.gui.main_window import MainWindow
from designer.gui.panes.metadata_form import format_version
from designer.gui.viewports import viewport_of

STEPS = int(os.environ.get("UNDOSOAK_STEPS", "40"))
NAMES = [
    "Hands up",
    "Lock",
    "Meeting details",
    "Ünïcode — name",
    "x",
    "Join & leave",
    'a"b\\c',
    "שלום",
    "😀 smile",
    "  spaced  ",
    "",
]
VERSIONS = ["1.0.1", "2.0", "0.9-beta", "", "1", "abc", "1.0.0.0"]
TEXTS = ["// note", "const a = 1;", "\n", "'é'", "{", "\t"]

SVGS = [
    '<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48"><rect x="4" y="4" width="40" height="40" '
    'fill="#1a73e8"/><circle cx="24" cy="24" r="8" fill="#fff"/></svg>',
    '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" '
    'onload="alert(1)"><script>x()</script><path d="M4 4h16v16H4z"/></svg>\n',
]


def _seeds() -> list[int]:
    spec = os.environ.get("UNDOSOAK_SEEDS")
    if not spec:
        return [1, 2, 3]
    first, _, last = spec.partition("-")
    return list(range(int(first), int(last or first) + 1))


def _files(root: Path) -> dict[str, bytes]:
    """The project's files; the designer's own folder (trash, memory) is not the user's work."""
    return {k: v for k, v in snapshot(root).items() if ".plugin-designer/" not in k}


def _diff(a: dict[str, bytes], b: dict[str, bytes]) -> list[str]:
    return sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))


def _settle(window: MainWindow) -> None:
    """The checks and the tree refill that follow an edit after a pause, now."""
    window.editor.drop_unchanged_typing()
    if window._recheck.isActive():
        window._recheck.stop()
        window._run_checks()


def _shown_matches_the_model(window: MainWindow) -> None:
    """What the pane on show displays is what the model holds (and a save would write)."""
    _settle(window)
    pkg = window.package
    page = window.stack.currentWidget()
    if page is window.plugin_page:
        index = window.selected_plugin()
        assert index is not None and index < len(pkg.plugins), index
        plugin = pkg.plugins[index]
        p = plugin.package
        assert window.findChild(QLineEdit, "nameEdit").text() == (p.name or "")
        assert window.findChild(QLineEdit, "versionEdit").text() == format_version(p.version)
        shown = window.findChild(QPlainTextEdit, "descriptionEdit").toPlainText()
        assert shown == LineEndings(p.description or "").shown
        assert window.findChild(QCheckBox, "enabledCheck").isChecked() == bool(plugin.entry.enabled)
        assert window.findChild(QCheckBox, "allowUnloadCheck").isChecked() == bool(p.allow_unload)
        for key in PLATFORMS:
            shown = window.findChild(QCheckBox, f"platform_{key}").isChecked()
            assert shown == (key in (p.platforms or [])), (key, p.platforms)
        for key in ROLES:
            shown = window.findChild(QCheckBox, f"role_{key}").isChecked()
            assert shown == (key in (p.participant_roles or [])), (key, p.participant_roles)
        items = list((p.menu_items or {}).values())
        first = items[0] if items else []
        lst = window.findChild(QListWidget, "menuItemsList")
        assert lst.count() == len(first)
        row = lst.currentRow()
        if 0 <= row < len(first):
            item = first[row]
            # (a refused name too: the field goes back to the item's action, the note says why)
            assert window.findChild(QLineEdit, "actionEdit").text() == (item.action or "")
            if item.label is not None:
                assert window.findChild(QLineEdit, "labelEdit").text() == item.label
    elif page is window.icon_pane:
        assert page.canvas.text == pkg.read_text(page.rel)
        assert window.source_editor.text() == pkg.read_text(page.rel)
    elif window.source_pane is not None and page is window.source_pane:
        assert window.source_editor.text() == pkg.read_text(window.source_pane.current_file())


def type_keys(widget, text: str) -> None:
    """Type ``text`` into ``widget`` key by key, as a keyboard does (QTest's own keyClicks knows
    Latin-1 letters only and aborts the interpreter on others)."""
    for ch in text:
        if ch == "\n":
            QTest.keyClick(widget, Qt.Key.Key_Return)
        elif ch == "\t":
            QTest.keyClick(widget, Qt.Key.Key_Tab)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def retype(edit: QLineEdit, text: str) -> None:
    """Replace the text of ``edit`` as a user would: click into it, select all, type, Enter."""
    edit.setFocus()
    edit.selectAll()
    QTest.keyClick(edit, Qt.Key.Key_Delete)
    type_keys(edit, text)
    QTest.keyClick(edit, Qt.Key.Key_Return)


class RandomUser:
    """One random step at a time; each says whether it could be done (a removed item needs one)."""

    def __init__(self, window: MainWindow, qtbot, rng: random.Random) -> None:
        self.w = window
        self.qtbot = qtbot
        self.rng = rng
        self.log: list[str] = []

    # -- helpers ---------------------------------------------------------------------------
    def plugins(self):
        return self.w.package.plugins

    def pick_plugin(self) -> int | None:
        count = len(self.plugins())
        if not count:
            return None
        index = self.rng.randrange(count)
        select_plugin(self.w, self.qtbot, index)
        return index

    def pick_item(self) -> int | None:
        if self.pick_plugin() is None:
            return None
        lst = self.w.findChild(QListWidget, "menuItemsList")
        if not lst.isVisible() or lst.count() == 0:
            return None
        row = self.rng.randrange(lst.count())
        lst.setCurrentRow(row)
        return row

    def click(self, name: str) -> bool:
        button = self.w.findChild(QPushButton, name)
        if not button.isEnabled() or not button.isVisible():
            return False
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        return True

    def choose(self, combo_name: str, data) -> bool:
        combo = self.w.findChild(QComboBox, combo_name)
        i = combo.findData(data)
        if i < 0 or i == combo.currentIndex() or not combo.isEnabled():
            return False
        combo.setCurrentIndex(i)
        combo.activated.emit(i)
        return True

    def tree_file(self, rel: str) -> None:
        w = self.w
        w.tree.setCurrentItem(w._find_tree_item(w.tree.topLevelItem(0), ("file", rel)))

    def svgs(self) -> list[str]:
        return [r for r in self.w.package.names() if r.endswith(".svg") and r.startswith("plugins/")]

    # -- steps ------------------------------------------------------------------------------
    def name(self) -> bool:
        if self.pick_plugin() is None:
            return False
        retype(self.w.findChild(QLineEdit, "nameEdit"), self.rng.choice(NAMES))
        return True

    def version(self) -> bool:
        if self.pick_plugin() is None:
            return False
        retype(self.w.findChild(QLineEdit, "versionEdit"), self.rng.choice(VERSIONS))
        return True

    def description(self) -> bool:
        if self.pick_plugin() is None:
            return False
        edit = self.w.findChild(QPlainTextEdit, "descriptionEdit")
        edit.setFocus()
        edit.selectAll()
        type_keys(edit, self.rng.choice(NAMES))
        self.w.tree.setFocus()  # (the description is recorded when it is left)
        return True

    def toggle(self) -> bool:
        if self.pick_plugin() is None:
            return False
        name = self.rng.choice(
            ["enabledCheck", "allowUnloadCheck"] + [f"platform_{k}" for k in PLATFORMS] + [f"role_{k}" for k in ROLES]
        )
        box = self.w.findChild(QCheckBox, name)
        if not box.isEnabled() or not box.isVisible():
            return False
        tick(self.qtbot, box)
        return True

    def add_item(self) -> bool:
        return self.pick_plugin() is not None and self.click("addItemButton")

    def remove_item(self) -> bool:
        return self.pick_item() is not None and self.click("removeItemButton")

    def move_item(self) -> bool:
        return self.pick_item() is not None and self.click(self.rng.choice(["moveUpButton", "moveDownButton"]))

    def placement(self) -> bool:
        if self.pick_plugin() is None:
            return False
        return self.choose("placementCombo", self.rng.choice(["toolbar", "conference", "participants", None]))

    def label(self) -> bool:
        if self.pick_item() is None:
            return False
        edit = self.w.findChild(QLineEdit, "labelEdit")
        if not edit.isEnabled():
            return False
        retype(edit, self.rng.choice(NAMES))
        return True

    def action(self) -> bool:
        if self.pick_item() is None:
            return False
        retype(
            self.w.findChild(QLineEdit, "actionEdit"),
            self.rng.choice(["go", "stopNow", "toggle2", "ünï", "$x", "_", "a b", ""]),
        )
        return True

    def icon(self) -> bool:
        if self.pick_item() is None:
            return False
        combo = self.w.findChild(QComboBox, "iconCombo")
        choices = [combo.itemData(i) for i in range(combo.count()) if combo.itemData(i)]
        return bool(choices) and self.choose("iconCombo", self.rng.choice(choices))

    def add_plugin(self) -> bool:
        name = self.rng.choice(NAMES)
        original = QInputDialog.getText
        QInputDialog.getText = staticmethod(lambda *a, **k: (name, True))
        try:
            self.w.add_plugin()
        finally:
            QInputDialog.getText = original
        return True

    def duplicate_plugin(self) -> bool:
        if self.pick_plugin() is None:
            return False
        self.w.duplicate_plugin()
        return True

    def remove_plugin(self) -> bool:
        if len(self.plugins()) < 2 or self.pick_plugin() is None:
            return False
        self.w.remove_plugin()
        return True

    def move_plugin(self) -> bool:
        index = self.pick_plugin()
        if index is None:
            return False
        delta = self.rng.choice([-1, 1])
        if not 0 <= index + delta < len(self.plugins()):
            return False
        self.w.tree.setFocus()
        key = Qt.Key.Key_Up if delta < 0 else Qt.Key.Key_Down
        self.qtbot.keyClick(self.w.tree, key, Qt.KeyboardModifier.AltModifier)
        return True

    def plugin_id(self) -> bool:
        if self.pick_plugin() is None:
            return False
        retype(self.w.findChild(QLineEdit, "idEdit"), self.rng.choice(["hands-up", "p2", "lock-it", "", "Ünï", "a b"]))
        return True

    def type_source(self) -> bool:
        if not self.source_js():
            return False
        editor = self.w.source_editor
        if self.rng.random() < 0.4:
            for _ in range(self.rng.randrange(1, 6)):
                self.qtbot.keyClick(editor, Qt.Key.Key_Backspace)
        else:
            type_keys(editor, self.rng.choice(TEXTS))
        self.w.tree.setFocus()
        return True

    def new_icon(self) -> bool:
        if self.pick_item() is None:
            return False
        items = self.w.plugin_page.items
        how = self.rng.choice(["draw", "builtin"])
        return bool(items.add_icon(how, name=self.rng.choice(["My Star", "hand"]) if how == "draw" else "star"))

    def draw(self) -> bool:
        svgs = self.svgs()
        if not svgs:
            return False
        self.tree_file(self.rng.choice(svgs))
        pane = self.w.icon_pane
        if self.w.stack.currentWidget() is not pane or pane.read_only:
            return False
        tool = self.rng.choice(["rect", "select"])
        use_tool(self.qtbot, pane, tool)
        a = (self.rng.randrange(1, 20), self.rng.randrange(1, 20))
        b = (a[0] + self.rng.randrange(2, 4), a[1] + self.rng.randrange(2, 4))
        drag(self.qtbot, pane.canvas, a, b)
        return True

    def rename_icon(self) -> bool:
        svgs = self.svgs()
        if not svgs:
            return False
        self.tree_file(self.rng.choice(svgs))
        pane = self.w.icon_pane
        if self.w.stack.currentWidget() is not pane or not pane._rename_target():
            return False
        pane.rename_id(self.rng.choice(["pic", "icon-a", "raised"]))
        return True

    def delete_shape(self) -> bool:
        svgs = self.svgs()
        if not svgs:
            return False
        self.tree_file(self.rng.choice(svgs))
        pane = self.w.icon_pane
        if self.w.stack.currentWidget() is not pane:
            return False
        pane.canvas.setFocus()
        self.qtbot.keyClick(pane.canvas, Qt.Key.Key_Tab)
        self.qtbot.keyClick(pane.canvas, Qt.Key.Key_Delete)
        return True

    def label_runtime(self) -> bool:
        if self.pick_item() is None:
            return False
        box = self.w.findChild(QCheckBox, "labelRuntimeCheck")
        if not box.isEnabled():
            return False
        tick(self.qtbot, box)
        return True

    def derive_id(self) -> bool:
        return self.pick_plugin() is not None and self.click("deriveIdButton")

    def nudge_shape(self) -> bool:
        """Select a shape with Tab and move it with the arrow keys (Shift: four cells)."""
        svgs = self.svgs()
        if not svgs:
            return False
        self.tree_file(self.rng.choice(svgs))
        pane = self.w.icon_pane
        if self.w.stack.currentWidget() is not pane or pane.read_only:
            return False
        use_tool(self.qtbot, pane, "select")
        pane.canvas.setFocus()
        for _ in range(self.rng.randrange(1, 3)):
            self.qtbot.keyClick(pane.canvas, Qt.Key.Key_Tab)
        key = self.rng.choice([Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down])
        mod = self.rng.choice([Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier])
        self.qtbot.keyClick(pane.canvas, key, mod)
        return True

    def type_xml(self) -> bool:
        """Type into an icon's XML beside the canvas (an attribute's value or between elements)."""
        svgs = self.svgs()
        if not svgs:
            return False
        self.tree_file(self.rng.choice(svgs))
        editor = self.w.source_editor
        if self.w.stack.currentWidget() is not self.w.icon_pane or editor.isReadOnly():
            return False
        editor.setFocus()
        text = editor.toPlainText()
        cursor = editor.textCursor()
        cursor.setPosition(text.rfind("</svg>") if "</svg>" in text else len(text))
        editor.setTextCursor(cursor)
        type_keys(editor, self.rng.choice(['<circle cx="5" cy="5" r="2"/>', "\n", "<!-- x -->"]))
        self.w.tree.setFocus()
        return True

    def source_js(self) -> bool:
        """Show one of the package's JavaScript files in the source editor, the cursor somewhere in it."""
        sources = [r for r in self.w.package.names() if r.endswith(".js")]
        if not sources:
            return False
        self.tree_file(self.rng.choice(sources))
        editor = self.w.source_editor
        if editor.isReadOnly():
            return False
        editor.setFocus()
        cursor = editor.textCursor()
        cursor.setPosition(self.rng.randrange(len(editor.toPlainText()) + 1))
        editor.setTextCursor(cursor)
        return True

    def type_save_type(self) -> bool:
        """Type, Ctrl+S, type on in the same place: the typing after the save is a step apart."""
        if not self.source_js():
            return False
        editor = self.w.source_editor
        type_keys(editor, "a")
        self.qtbot.keySequence(editor, "Ctrl+S")
        type_keys(editor, "b")
        self.w.tree.setFocus()
        return True

    def cut_paste(self) -> bool:
        """Select a few characters, cut them, paste them elsewhere (two steps of their own)."""
        if not self.source_js():
            return False
        editor = self.w.source_editor
        for _ in range(self.rng.randrange(1, 8)):
            self.qtbot.keyClick(editor, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
        self.qtbot.keySequence(editor, "Ctrl+X")
        self.qtbot.keyClick(editor, Qt.Key.Key_Down)
        self.qtbot.keySequence(editor, "Ctrl+V")
        self.w.tree.setFocus()
        return True

    def recipe(self) -> bool:
        from test_recipe_wizard import add_door_lock

        from designer.gui.panes.recipe_wizard import RecipeWizard

        original = RecipeWizard.exec
        RecipeWizard.exec = add_door_lock
        try:
            self.w.plugin_actions["recipe"].trigger()
        finally:
            RecipeWizard.exec = original
        return True

    def history_jump(self) -> bool:
        """A click on a row of Edit ▸ Undo History: many steps back or forward at once."""
        from PySide6.QtWidgets import QUndoView

        stack = self.w.editor.undo_stack
        if stack.count() < 2:
            return False
        self.w.show_history()
        view = self.w.findChild(QUndoView, "undoHistory")
        row = self.rng.randrange(stack.count() + 1)
        index = view.model().index(row, 0)
        view.scrollTo(index)
        self.qtbot.mouseClick(viewport_of(view), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
        assert stack.index() == row
        return True

    def import_icon(self) -> bool:
        """Import an SVG from another program for an item, the import dialog answered Import."""
        import tempfile

        from PySide6.QtWidgets import QDialog

        from designer.gui.panes.icon_sources import ImportSvgDialog

        if self.pick_item() is None:
            return False
        folder = Path(tempfile.mkdtemp(prefix="undosoak-"))
        path = folder / self.rng.choice(["Drawing 1.svg", "bell.svg"])
        path.write_text(self.rng.choice(SVGS), encoding="utf-8")
        original = ImportSvgDialog.exec
        ImportSvgDialog.exec = lambda dialog: QDialog.DialogCode.Accepted
        try:
            return bool(self.w.plugin_page.items.add_icon("import", name=str(path)))
        finally:
            ImportSvgDialog.exec = original

    def source_file(self) -> bool:
        """Type another source file name, or the one the package had, into Source file."""
        index = self.pick_plugin()
        if index is None:
            return False
        old = self.plugins()[index].package.src_url or ""
        retype(self.w.findChild(QLineEdit, "sourceEdit"), self.rng.choice([old + "x", "other.js", old]))
        return True

    def undo_redo(self) -> bool:
        """Ctrl+Z or Ctrl+Shift+Z wherever the keyboard is, as a user going back and forth does."""
        stack = self.w.editor.undo_stack
        redo = self.rng.random() < 0.4
        if not (stack.canRedo() if redo else stack.canUndo()):
            return False
        self.qtbot.keySequence(QApplication.focusWidget() or self.w, "Ctrl+Shift+Z" if redo else "Ctrl+Z")
        return True

    def fix(self) -> bool:
        _settle(self.w)
        self.w._run_checks()
        view = self.w.problems_view
        rows = [r for r in view.problem_items() if view.itemWidget(r, 3) is not None]
        if not rows:
            return False
        row = self.rng.choice(rows)
        print("  fix:", row.text(0), row.text(1), row.text(2))
        self.qtbot.mouseClick(view.itemWidget(row, 3), Qt.MouseButton.LeftButton)
        return True

    def steps(self) -> list[Callable[[], bool]]:
        return [
            self.name,
            self.version,
            self.description,
            self.toggle,
            self.toggle,
            self.add_item,
            self.remove_item,
            self.move_item,
            self.placement,
            self.label,
            self.action,
            self.icon,
            self.add_plugin,
            self.duplicate_plugin,
            self.remove_plugin,
            self.move_plugin,
            self.plugin_id,
            self.type_source,
            self.type_source,
            self.new_icon,
            self.draw,
            self.rename_icon,
            self.delete_shape,
            self.fix,
            self.label_runtime,
            self.derive_id,
            self.nudge_shape,
            self.type_xml,
            self.undo_redo,
            self.undo_redo,
            self.type_save_type,
            self.cut_paste,
            self.recipe,
            self.history_jump,
            self.import_icon,
            self.source_file,
        ]


def _save(window: MainWindow, qtbot) -> None:
    qtbot.keySequence(window, "Ctrl+S")
    assert not window.isWindowModified()


def _one_step_back_and_forth(window: MainWindow, qtbot, root: Path, before: dict[str, bytes], name: str) -> None:
    """The step just made, saved, undone and saved (the files as before it), redone and saved."""
    _save(window, qtbot)
    after = _files(root)
    qtbot.keySequence(QApplication.focusWidget() or window, "Ctrl+Z")
    _shown_matches_the_model(window)
    _save(window, qtbot)
    assert _files(root) == before, (name, _diff(_files(root), before))
    qtbot.keySequence(QApplication.focusWidget() or window, "Ctrl+Shift+Z")
    _shown_matches_the_model(window)
    _save(window, qtbot)
    assert _files(root) == after, (name, _diff(_files(root), after))


def run_user(window: MainWindow, qtbot, root: Path, seed: int, steps: int = STEPS) -> list[str]:
    """``steps`` random steps on the project at ``root`` (open in ``window``), then the undo and redo
    checks; the names of the steps done."""
    rng = random.Random(seed)
    user = RandomUser(window, qtbot, rng)
    stack = window.editor.undo_stack
    start = _files(root)
    done: list[str] = []
    choices = user.steps()
    while len(done) - done.count("save") < steps:
        step = rng.choice(choices)
        checked = rng.random() < 0.2 and step.__name__ not in ("undo_redo", "history_jump")
        if checked:  # this one step undone and redone on its own, each with a save, below
            _save(window, qtbot)
            before = _files(root)
        count = stack.index()
        did = step()
        if did:
            done.append(step.__name__)
        print(step.__name__, did, window.selected_plugin(), [stack.text(i) for i in range(count, stack.index())])
        steps_made = 2 if step.__name__ in ("cut_paste", "type_save_type") else 1
        steps_made = stack.count() if step.__name__ == "history_jump" else steps_made
        assert abs(stack.index() - count) <= steps_made, "one user action, one undo step"
        assert window.isWindowModified() == (not stack.isClean())
        _shown_matches_the_model(window)
        if checked and stack.index() == count + 1:
            _one_step_back_and_forth(window, qtbot, root, before, step.__name__)
        if rng.random() < 0.15:
            _save(window, qtbot)
            done.append("save")
    while stack.canRedo():  # (the last steps may have been undone: the end is the last step done)
        stack.redo()
    _save(window, qtbot)
    end = _files(root)
    # Undo half way, save there (an undo past the saves made above), then all the way.
    for _ in range(stack.index() // 2):
        print("undo", stack.text(stack.index() - 1))
        qtbot.keySequence(QApplication.focusWidget() or window, "Ctrl+Z")
    _shown_matches_the_model(window)
    _save(window, qtbot)
    while stack.canUndo():
        stack.undo()
        _shown_matches_the_model(window)
    _save(window, qtbot)
    now = _files(root)
    assert now == start, (seed, done, _diff(now, start))
    while stack.canRedo():
        stack.redo()
        _shown_matches_the_model(window)
    _save(window, qtbot)
    now = _files(root)
    assert now == end, (seed, done, _diff(now, end))
    return done


@pytest.fixture
def answered(monkeypatch) -> list[str]:
    """Every question the window asks, answered Yes (and recorded); a warning fails the run."""
    asked: list[str] = []

    def question(parent, title, text, *a, **k):
        asked.append(str(text))
        return QMessageBox.StandardButton.Yes

    def warning(parent, title, text, *a, **k):
        raise AssertionError(f"warning shown: {title}: {text}")

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "warning", warning)
    return asked


@pytest.mark.parametrize("seed", _seeds())
def test_a_random_user_undone_and_redone(
    window: MainWindow, qtbot, example_project: Path, answered: list[str], seed: int
) -> None:
    how = os.environ.get("UNDOSOAK_HOW")
    if how:
        from test_undo_marathon import _written_differently

        _written_differently(example_project, how)
    window.open_path(example_project)
    done = run_user(window, qtbot, example_project, seed)
    assert len([d for d in done if d != "save"]) == STEPS
