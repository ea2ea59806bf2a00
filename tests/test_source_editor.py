"""The source editor in the window: typing is undoable, problems are marked, save writes the file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import open_in_editor
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from designer.gui.main_window import MainWindow
from designer.gui.panes.source_editor import SourcePane
from designer.gui.viewports import viewport_of

SRC = "plugins/rec/rec.plugin.js"


def _open_source(window: MainWindow, project: Path):
    editor = open_in_editor(window, project, SRC)
    assert window.stack.currentWidget() is window.source_pane
    assert not editor.isReadOnly()
    return editor


def _type_at_end_of_line(qtbot, editor, line: int, text: str) -> None:
    block = editor.document().findBlockByNumber(line - 1)
    cursor = editor.textCursor()
    cursor.setPosition(block.position() + block.length() - 1)
    editor.setTextCursor(cursor)
    editor.setFocus()
    qtbot.keyClicks(editor, text)


def test_typing_a_syntax_error_marks_it_and_fixing_it_clears_it(window: MainWindow, qtbot, base_project: Path) -> None:
    editor = _open_source(window, base_project)
    assert editor.markers == []
    _type_at_end_of_line(qtbot, editor, 5, " (((")
    assert window.package.pending_texts[SRC].splitlines()[4].endswith(" (((")
    qtbot.waitUntil(lambda: editor.markers != [], timeout=3000)
    assert any(m.error for m in editor.markers)
    assert any(
        s.format.underlineStyle() == s.format.UnderlineStyle.SpellCheckUnderline for s in editor.extraSelections()
    )
    for _ in range(4):
        qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: editor.markers == [], timeout=3000)


def test_undo_in_the_window_restores_the_text(window: MainWindow, qtbot, base_project: Path) -> None:
    editor = _open_source(window, base_project)
    before = editor.toPlainText()
    _type_at_end_of_line(qtbot, editor, 3, " // note")
    assert editor.toPlainText() != before
    assert window.editor.undo_stack.count() == 1  # the keystrokes merged into one step
    # in the tree's and the form's words, not the file's path
    assert window.editor.undo_stack.text(0) == "Edit the code of 'Record'"
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == before
    assert SRC not in window.package.pending_texts or window.package.pending_texts[SRC] == before
    window.editor.undo_stack.redo()
    assert editor.toPlainText().splitlines()[2].endswith(" // note")


def test_save_writes_the_edited_file(window: MainWindow, qtbot, base_project: Path) -> None:
    editor = _open_source(window, base_project)
    _type_at_end_of_line(qtbot, editor, 1, " // saved")
    assert window.isWindowModified()
    assert window.save()
    on_disk = (base_project / "webapp2" / SRC).read_text()
    assert on_disk.splitlines()[0] == "(function () { // saved"
    assert not window.isWindowModified()


def test_undo_after_saving_typed_text_writes_the_old_text_back(window: MainWindow, qtbot, base_project: Path) -> None:
    editor = _open_source(window, base_project)
    path = base_project / "webapp2" / SRC
    before = path.read_bytes()
    _type_at_end_of_line(qtbot, editor, 1, " // saved")
    assert window.save() and path.read_bytes() != before
    window.editor.undo_stack.undo()
    assert window.isWindowModified() and editor.toPlainText() == before.decode()
    assert window.save() and path.read_bytes() == before
    window.editor.undo_stack.redo()
    assert window.save() and path.read_text().splitlines()[0] == "(function () { // saved"


def test_modelled_json_is_read_only(window: MainWindow, base_project: Path) -> None:
    window.open_path(base_project)
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("file", "settings.json")))
    assert window.source_editor.isReadOnly()
    assert window.source_pane.note.isVisibleTo(window.source_pane)


def test_replace_comment_and_snippets_are_greyed_in_a_read_only_file(
    window: MainWindow, qtbot, base_project: Path
) -> None:
    """Ctrl+H in settings.json offered Replace and Replace all, which did nothing, without a word."""
    from PySide6.QtWidgets import QToolButton

    window.open_path(base_project)
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("file", "settings.json")))
    editor, bar = window.source_editor, window.source_pane.find_bar
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    qtbot.keyClick(editor, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    buttons = [b for b in bar.findChildren(QToolButton) if b.text() in ("Replace", "Replace all")]
    assert bar.isVisible() and len(buttons) == 2
    assert not any(w.isEnabled() for w in (bar.replace_edit, *buttons))
    assert bar.replace_edit.placeholderText() == "Read-only file"
    qtbot.keyClicks(bar.find_edit, "enabled")
    assert bar.count.text().endswith(("match", "matches")) and not bar.count.text().startswith("0")  # found
    # Nor does the right-click menu offer what changes the text (Cut and Paste are greyed by Qt).
    actions = window.source_pane.actions_
    assert not actions["comment"].isEnabled() and not actions["snippets"].isEnabled()
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("file", SRC)))
    assert not editor.isReadOnly()
    assert all(w.isEnabled() for w in (bar.replace_edit, *buttons))
    assert bar.replace_edit.placeholderText() == "Replace with"
    assert actions["comment"].isEnabled() and actions["snippets"].isEnabled()


def test_editing_helpers(qtbot) -> None:
    pane = SourcePane()
    qtbot.addWidget(pane)
    pane.show()
    editor = pane.editor
    pane.show_file("a.js", "function f() {\n    return 1;\n}\n", read_only=False)
    edited: list[str] = []
    editor.sig_edited.connect(lambda: edited.append(editor.text()))
    cursor = editor.textCursor()
    cursor.setPosition(len("function f() {"))
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # auto-indent after a brace
    assert editor.toPlainText().splitlines()[1] == "    "
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # soft tabs
    assert editor.toPlainText().splitlines()[1] == "        "
    editor.select_line(3)
    editor.toggle_comment()
    assert editor.toPlainText().splitlines()[2] == "    // return 1;"
    editor.toggle_comment()
    assert editor.toPlainText().splitlines()[2] == "    return 1;"
    cursor = editor.textCursor()
    cursor.setPosition(len("function f("))
    editor.setTextCursor(cursor)
    assert len(editor.extraSelections()) == 2  # both brackets (the current line is painted under the text)
    pane.find_bar.open(replace=True)
    pane.find_bar.find_edit.setText("return")
    assert pane.find_bar.count.text() == "1 match"
    pane.find_bar.regex.setChecked(True)
    pane.find_bar.find_edit.setText(r"re(\w+)")
    pane.find_bar.replace_edit.setText(r"RE\1")
    assert pane.find_bar.replace_all() == 1
    assert "REturn 1;" in editor.toPlainText()
    assert edited and edited[-1] == editor.text()
    editor.replace_text(editor.toPlainText().replace("REturn", "return"))
    assert "return 1;" in editor.toPlainText()
    size = editor.font().pointSizeF()
    editor.zoom(2)
    assert editor.font().pointSizeF() > size
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    editor.go_to_line(2)
    assert editor.textCursor().blockNumber() == 1


def test_a_command_in_the_editor_is_an_undo_step_of_its_own(window: MainWindow, qtbot, base_project: Path) -> None:
    editor = _open_source(window, base_project)
    before = editor.toPlainText()
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_End)
    qtbot.keyClicks(editor, " // note")
    typed = editor.toPlainText()
    qtbot.keyClick(editor, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(3):
        qtbot.keyClick(editor, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    commented = editor.toPlainText()
    qtbot.keyClicks(editor, "x")  # typing after the command: a new step again
    stack = window.editor.undo_stack
    code = "the code of 'Record'"
    assert [stack.text(i) for i in range(stack.count())] == [
        f"Edit {code}",
        f"Toggle comment in {code}",
        f"Edit {code}",
    ]
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == commented
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == typed  # the comment is gone, the typing before it is kept
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == before


def test_switching_files_shows_each_files_own_text(window: MainWindow, qtbot, example_project: Path) -> None:
    """Taking the old file's colours off used to count as an edit, and the editor then put the old
    file's text back into the new one."""
    root = example_project / "webapp2"
    files = [
        "plugins/lock-toggle/lock-toggle.plugin.js",
        "plugins/meeting-info/meeting-info.plugin.js",
        "plugins/lock-toggle/lock.svg",
        "plugins/lock-toggle/lock-toggle.plugin.js",
        "settings.json",
    ]
    window.open_path(example_project)
    for rel in files:
        window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("file", rel)))
        editor = window.source_editor
        assert editor.documentTitle() == rel
        if rel != "settings.json":  # written from the forms: shown as the model has it
            assert editor.text() == (root / rel).read_text(encoding="utf-8"), rel
    assert window.editor.undo_stack.count() == 0 and not window.isWindowModified()


def test_a_project_dropped_on_the_code_opens_instead_of_typing_its_url(
    window: MainWindow, qtbot, base_project: Path, example_project: Path
) -> None:
    from PySide6.QtCore import QMimeData, QPoint, QPointF, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    window.show()
    editor = _open_source(window, base_project)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(example_project))])
    args = (Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    for kind in (QDragEnterEvent, QDragMoveEvent):  # as a drag from a file manager arrives
        QApplication.sendEvent(editor.viewport(), kind(QPoint(20, 20), *args))
    QApplication.sendEvent(editor.viewport(), QDropEvent(QPointF(20, 20), *args))
    assert "file://" not in editor.toPlainText()
    qtbot.waitUntil(lambda: window.package.files.root == example_project / "webapp2")  # (once the drop is over)


def test_toggle_comment_leaves_a_cursor_in_the_indentation_where_it_was(qtbot) -> None:
    pane = SourcePane()
    qtbot.addWidget(pane)
    pane.show_file("c.plugin.js", "    var locked = false;\n", read_only=False)
    editor = pane.editor
    for column in (0, 2):
        cursor = editor.textCursor()
        cursor.setPosition(column)
        editor.setTextCursor(cursor)
        editor.toggle_comment()
        assert editor.textCursor().positionInBlock() == column  # it moved by the 3 inserted characters
        assert editor.toPlainText().startswith("    // var locked")
        editor.toggle_comment()
        assert editor.textCursor().positionInBlock() == column
    cursor.setPosition(8)  # before "locked", after the comment mark
    editor.setTextCursor(cursor)
    editor.toggle_comment()
    assert editor.textCursor().positionInBlock() == 11  # moves with its character


def _find_bar_on(qtbot, text: str):
    pane = SourcePane()
    qtbot.addWidget(pane)
    pane.show()
    pane.show_file("r.plugin.js", text, read_only=False)
    bar = pane.find_bar
    bar.open(replace=True)
    bar.regex.setChecked(True)
    return pane, bar


def test_replacing_line_starts_comments_every_line_out_as_code_editors_do(qtbot) -> None:
    """^ replaced with "// " said "0 matches (it only matches empty text)" and changed nothing."""
    pane, bar = _find_bar_on(qtbot, "one\ntwo\n")
    bar.find_edit.setText("^")
    assert bar.count.text() == "3 matches"
    bar.replace_edit.setText("// ")
    qtbot.mouseClick(next(b for b in bar._buttons if b.text() == "Replace all"), Qt.MouseButton.LeftButton)
    assert pane.editor.toPlainText() == "// one\n// two\n// "
    assert bar.count.text().startswith("replaced in 3 places")


def test_enter_steps_through_empty_matches_and_replace_puts_text_at_the_one_selected(qtbot) -> None:
    """Enter goes on from an empty match (the cursor is on it) instead of staying there."""
    pane, bar = _find_bar_on(qtbot, "one\ntwo\nsix")
    editor = pane.editor
    bar.find_edit.setText("$")
    for expected in (3, 7, 11, 3):
        qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return)
        assert editor.textCursor().position() == expected and not editor.textCursor().hasSelection()
    assert bar.count.text().startswith("1 of 3 matches")
    bar.replace_edit.setText(";")
    qtbot.keyClick(bar.replace_edit, Qt.Key.Key_Return)
    assert editor.toPlainText() == "one;\ntwo\nsix"
    assert editor.textCursor().position() == 8  # on the next one
    cursor = editor.textCursor()
    cursor.setPosition(1)  # a place no match was selected at: Replace goes to the next one first
    editor.setTextCursor(cursor)
    qtbot.keyClick(bar.replace_edit, Qt.Key.Key_Return)
    assert editor.toPlainText() == "one;\ntwo\nsix"
    assert editor.textCursor().position() == 4


def test_empty_matches_are_marked_with_a_thin_bar(qtbot) -> None:
    pane, bar = _find_bar_on(qtbot, "var a = b;\nlet c = d;\n")
    editor = pane.editor
    bar.find_edit.setText(r"\b")
    assert bar.count.text() == "12 matches"  # each side of the 6 words
    assert len(editor._found_gaps) == 12
    before = editor.grab().toImage()
    bar.find_edit.setText("zzz")
    assert editor._found_gaps == []
    assert editor.grab().toImage() != before  # the bars were drawn, and are gone


def test_undo_and_redo_keys_in_the_editor_go_to_the_window(window: MainWindow, qtbot, base_project: Path) -> None:
    """Ctrl+Z and the redo keys typed in the editor step the window's history (the editor has none)."""
    from PySide6.QtGui import QKeySequence

    editor = _open_source(window, base_project)
    before = editor.toPlainText()
    _type_at_end_of_line(qtbot, editor, 3, " // note")
    typed = editor.toPlainText()
    for redo in (QKeySequence("Ctrl+Shift+Z"), QKeySequence(QKeySequence.StandardKey.Redo)):
        qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert editor.toPlainText() == before and not window.isWindowModified()
        combo = redo[0]
        qtbot.keyClick(editor, combo.key(), combo.keyboardModifiers())
        assert editor.toPlainText() == typed and window.isWindowModified(), redo.toString()
    window.source_pane.editor.setReadOnly(True)  # a file the forms write: the keys still reach the window
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == before


_WARM_UP = """
import sys, time
from pathlib import Path
from designer.gui.app import make_app
from designer.gui.main_window import MainWindow

app = make_app()
window = MainWindow()
window.show()
window.open_path(Path(sys.argv[1]))
editor = "designer.gui.panes.source_editor"
print(editor in sys.modules, "pygments.lexers.javascript" in sys.modules)
print(window.source_pane is None)
end = time.monotonic() + 20
while window.source_pane is None and time.monotonic() < end:
    app.processEvents()
    time.sleep(0.01)
pane = window.source_pane
print(editor in sys.modules, "pygments.lexers.javascript" in sys.modules, pane is not None)
print(window.stack.currentWidget() is not pane, pane.current_file() == "", pane.editor.toPlainText() == "")
"""


def test_the_editor_is_loaded_while_the_window_waits_for_the_first_click(example_project: Path) -> None:
    """Opening a project leaves the source editor out (the window paints fast); a moment later,
    with no click, its code and the JavaScript lexer are loaded and the editor is built, hidden
    and holding no file, so the first file clicked only puts its text in."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", _WARM_UP, str(example_project)],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parent.parent,
        env=env,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split("\n")[:4] == ["False False", "True", "True True True", "True True True"], (
        out.stdout + out.stderr
    )


def test_undo_and_redo_of_typing_out_of_sight_show_where_it_was(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """Ctrl+Z far below a line typed at the top took the typing away out of sight: the cursor and
    the view stayed where they were, and nothing on screen changed. Undo and redo now put the
    cursor where the text changed, in view, as code editors do."""
    editor = open_in_editor(window, example_project, "plugins/lock-toggle/lock-toggle.plugin.js")
    editor.setFocus()
    first_line = editor.document().findBlockByNumber(0).text()
    _type_at_end_of_line(qtbot, editor, 1, " // note")
    qtbot.keyClick(editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert editor.firstVisibleBlock().blockNumber() > 0  # the first line is out of sight
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.document().findBlockByNumber(0).text() == first_line
    cursor = editor.textCursor()
    assert (cursor.blockNumber(), cursor.positionInBlock()) == (0, len(first_line))
    assert editor.firstVisibleBlock().blockNumber() == 0
    qtbot.keyClick(editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    cursor = editor.textCursor()
    assert (cursor.blockNumber(), cursor.positionInBlock()) == (0, len(first_line + " // note"))
    assert editor.firstVisibleBlock().blockNumber() == 0


def test_zooming_in_keeps_the_cursors_line_on_show(qtbot) -> None:
    """Ctrl++ (or Ctrl and the wheel) with the cursor on a line near the bottom of the view grew the
    lines above it until it went out of sight, the typing going on where it could not be seen."""
    from conftest import shown

    pane = shown(qtbot, SourcePane(), 600, 300)
    pane.show_file("a.plugin.js", "".join(f"var line{n} = {n};\n" for n in range(200)), read_only=False)
    editor = pane.editor
    editor.setFocus()
    viewport = viewport_of(editor)
    row = editor.fontMetrics().height()
    cursor = editor.textCursor()
    cursor.setPosition(editor.document().findBlockByNumber(viewport.height() // row - 2).position())
    editor.setTextCursor(cursor)
    assert viewport.rect().contains(editor.cursorRect())
    top = editor.firstVisibleBlock().blockNumber()
    pane.actions_["zoom_in"].trigger()
    assert viewport.rect().contains(editor.cursorRect())
    for _ in range(6):
        editor.zoom(2)
        assert viewport.rect().contains(editor.cursorRect())
    pane.actions_["zoom_reset"].trigger()
    assert viewport.rect().contains(editor.cursorRect())
    # A cursor out of view before the zoom is left where it is: the view is not pulled to it.
    cursor.setPosition(editor.document().findBlockByNumber(150).position())
    editor.setTextCursor(cursor)
    editor.verticalScrollBar().setValue(top)
    editor.zoom(1)
    assert editor.firstVisibleBlock().blockNumber() == top


def test_ctrl_i_says_what_the_underline_at_the_cursor_means(
    window: MainWindow, qtbot, example_project: Path, monkeypatch
) -> None:
    """A problem's message (and an API name's description) showed only when the mouse hovered
    the underline: on the keyboard alone, Enter on the problem put the cursor on the underline
    and nothing said what was wrong there. Ctrl+I shows it under the cursor."""
    from PySide6.QtWidgets import QApplication, QToolTip

    shown: list[str] = []
    monkeypatch.setattr(QToolTip, "showText", lambda _pos, text, *_a: shown.append(text))
    js = example_project / "webapp2" / "plugins" / "lock-toggle" / "lock-toggle.plugin.js"
    js.write_text(js.read_text().replace("id: 'lock-toggle'", "id: 'lock-toggle-x'"))
    window.open_path(example_project)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(window.problems_view.hasFocus)
    qtbot.keyClick(window.problems_view, Qt.Key.Key_Return)
    editor = window.source_editor
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor)
    qtbot.waitUntil(lambda: editor.markers != [])
    qtbot.keyClick(editor, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert shown == [editor.markers[0].message] and "'lock-toggle-x'" in shown[0]
    qtbot.keyClick(editor, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)  # the comment on line 1
    qtbot.keyClick(editor, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert shown[1] == "No problem or API name at the cursor."
    assert editor.toPlainText() == window.package.read_text(
        "plugins/lock-toggle/lock-toggle.plugin.js"
    )  # (no "i" typed)


def _contrast(a, b) -> float:
    """The WCAG contrast ratio of two QColors."""

    def luminance(c) -> float:
        channels = [v / 255 for v in (c.red(), c.green(), c.blue())]
        r, g, b = (v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _found_text_contrasts(editor, background: str) -> list[tuple[str, float]]:
    """Each found word's text, with the contrast of its letters (the mark's own colour, else the
    syntax colour there) on the find mark's ``background``."""
    seen = []
    for sel in editor.extraSelections():
        if sel.format.background().color().name() != background:
            continue
        start, block = sel.cursor.selectionStart(), sel.cursor.block()
        at = start - block.position()
        colour = editor.palette().text().color()
        for span in block.layout().formats():
            if (
                span.start <= at < span.start + span.length
                and span.format.foreground().style() != Qt.BrushStyle.NoBrush
            ):
                colour = span.format.foreground().color()
        if sel.format.foreground().style() != Qt.BrushStyle.NoBrush:
            colour = sel.format.foreground().color()
        seen.append((sel.cursor.selectedText(), _contrast(colour, sel.format.background().color())))
    return seen


def test_found_words_are_readable_on_the_find_mark_in_dark_and_light(
    qtbot, window: MainWindow, example_project: Path
) -> None:
    """In dark appearance the find mark (#6b5a1e) took the words found in their syntax colours: a
    keyword 2.5:1, a string or a number 2.5:1, a comment 1.7:1, where text needs 4.5. The words
    found are now written in the editor's text colour on the mark, in both appearances."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QApplication

    editor = open_in_editor(window, example_project, "plugins/lock-toggle/lock-toggle.plugin.js")
    bar = window.source_pane.find_bar
    try:
        for scheme, mark in (("dark", "#6b5a1e"), ("light", "#fce8a0")):
            window.findChild(QAction, f"appearance_{scheme}").trigger()
            QApplication.processEvents()
            for word in ("function", "lock", "Called"):  # a keyword; in strings and names; in comments
                editor.setFocus()
                qtbot.keyClick(editor, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
                bar.find_edit.selectAll()
                qtbot.keyClicks(bar.find_edit, word)
                qtbot.waitUntil(lambda mark=mark: bool(_found_text_contrasts(editor, mark)))
                low = [(text, round(ratio, 2)) for text, ratio in _found_text_contrasts(editor, mark) if ratio < 4.5]
                assert not low, (scheme, low)
    finally:
        window.findChild(QAction, "appearance_system").trigger()


def test_undo_and_redo_of_typing_in_another_file_show_where_it_was(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """Ctrl+Z in one file of a line typed in another switched to that file, but its cursor went back
    where it was before (the top), not to the line that changed. Both undo and redo now put the cursor
    on the change and in view, as they do within one file."""
    lock = "plugins/lock-toggle/lock-toggle.plugin.js"
    editor = open_in_editor(window, example_project, lock)
    editor.setFocus()
    line = 60
    old = editor.document().findBlockByNumber(line - 1).text()
    _type_at_end_of_line(qtbot, editor, line, " // note")
    # (as between a user's keys: the window notes what the step shows, for its redo)
    qtbot.waitUntil(lambda: hasattr(window.editor.undo_stack.command(0), "shown_after"))
    qtbot.keyClick(editor, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    other = "plugins/meeting-info/meeting-info.plugin.js"
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("file", other)))
    assert window.source_pane.current_file() == other
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.source_pane.current_file() == lock
    cursor = editor.textCursor()
    assert (cursor.blockNumber(), cursor.positionInBlock()) == (line - 1, len(old))
    assert viewport_of(editor).rect().contains(editor.cursorRect())
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("file", other)))
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.source_pane.current_file() == lock
    cursor = editor.textCursor()
    assert (cursor.blockNumber(), cursor.positionInBlock()) == (line - 1, len(old + " // note"))
    assert viewport_of(editor).rect().contains(editor.cursorRect())


@pytest.mark.parametrize("separator", ["\u2028", "\u2029"], ids=["U+2028", "U+2029"])
def test_problems_after_a_line_separator_put_in_by_replace_all_are_marked_on_their_own_line(
    window: MainWindow, qtbot, base_project: Path, separator: str
) -> None:
    """Replace all with a U+2028 (or U+2029) pasted into the Replace box: the checks count it as the
    end of a line, as JavaScript does, and the editor kept it inside its line, so every problem
    below it was underlined on the line above its own, and the gutter's numbers disagreed with the
    Problems list. The lines are now those of the file opened again; the file keeps the separator."""
    from PySide6.QtGui import QGuiApplication

    editor = _open_source(window, base_project)
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    bar = window.source_pane.find_bar
    qtbot.keyClicks(bar.find_edit, "conferenceDetails$")
    QGuiApplication.clipboard().setText(separator + "conferenceDetails$")
    qtbot.keyClick(bar.replace_edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert bar.replace_all() == 1
    written = window.package.pending_texts[SRC]
    assert written == (base_project / "webapp2" / SRC).read_text().replace(
        "conferenceDetails$", separator + "conferenceDetails$"
    )
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Escape)
    assert editor.blockCount() == len(written.replace(separator, "\n").split("\n"))  # (+1 line, numbered)
    number = next(i for i, line in enumerate(editor.toPlainText().split("\n")) if "sendRequest" in line) + 1
    _type_at_end_of_line(qtbot, editor, number, " @")
    qtbot.waitUntil(lambda: editor.markers != [], timeout=3000)
    problems = {p.line for p in window._all_problems() if p.file == SRC and p.line > 0}
    assert problems == {m.line for m in editor.markers}
    underlined = {
        s.cursor.blockNumber() + 1
        for s in editor.extraSelections()
        if s.format.underlineStyle() == s.format.UnderlineStyle.SpellCheckUnderline
    }
    assert number in underlined and underlined <= problems


@pytest.mark.parametrize(("find", "expected"), [("^", "// a\n// b\nc\n"), ("$", "a// \nb// \nc\n")])
def test_empty_matches_in_selection_keep_to_the_lines_selected(qtbot, find: str, expected: str) -> None:
    """Lines selected end at the next line's start: ^ and $ matched there too, the next line changed."""
    pane = SourcePane()
    qtbot.addWidget(pane)
    pane.show()
    pane.show_file("r.plugin.js", "a\nb\nc\n", read_only=False)
    cursor = pane.editor.textCursor()
    cursor.setPosition(4, QTextCursor.MoveMode.KeepAnchor)  # lines 1 and 2, as dragged over them
    pane.editor.setTextCursor(cursor)
    bar = pane.find_bar
    bar.regex.setChecked(True)
    bar.open(replace=True)
    assert bar.in_selection.isChecked()
    bar.find_edit.setText(find)
    assert bar.count.text() == "2 matches"
    bar.replace_edit.setText("// ")
    assert bar.replace_all() == 2
    assert pane.editor.toPlainText() == expected


def test_the_bars_of_empty_matches_move_with_the_text_typed_before_the_count_again(qtbot) -> None:
    pane, bar = _find_bar_on(qtbot, "one\ntwo\n")
    editor = pane.editor
    bar.find_edit.setText("^")
    assert editor._found_gaps == [0, 4, 8]
    cursor = editor.textCursor()
    cursor.setPosition(2)
    editor.setTextCursor(cursor)
    editor.setFocus()
    qtbot.keyClicks(editor, "ne")
    assert editor._found_gaps == [0, 6, 10]  # (at once: the count again waits for a pause in the typing)
    qtbot.waitUntil(lambda: not bar._recount.isActive())
    assert editor._found_gaps == [0, 6, 10]


def test_lines_commented_out_by_replacing_their_starts_come_back_with_one_undo(
    window: MainWindow, qtbot, base_project: Path
) -> None:
    editor = _open_source(window, base_project)
    before = editor.toPlainText()
    bar = window.source_pane.find_bar
    bar.open(replace=True)
    bar.regex.setChecked(True)
    bar.find_edit.setText("^")
    bar.replace_edit.setText("// ")
    assert bar.replace_all() == before.count("\n") + 1  # (each line, the empty last one too, as in VS Code)
    assert all(line.startswith("// ") for line in editor.toPlainText().split("\n"))
    assert window.package.pending_texts[SRC] == editor.text()
    places = before.count("\n") + 1
    assert window.editor.undo_stack.undoText() == f"Replace '^' with '// ' ({places} places) in the code of 'Record'"
    window.editor.undo_stack.undo()
    assert editor.toPlainText() == before


def test_an_expression_that_takes_too_long_is_stopped_and_the_editor_stays_usable(qtbot, monkeypatch) -> None:
    from designer.gui import search_limit

    monkeypatch.setattr(search_limit, "SEARCH_LIMIT_S", 0.2)
    text = "const a = 1;\n" + "a" * 27 + "!\n"
    pane, bar = _find_bar_on(qtbot, text)
    bar.find_edit.setText("(a+)+$")  # (catastrophic backtracking: 2**27 ways to split the a's)
    assert bar.count.text() == "this expression takes too long: simplify it"
    assert pane.editor._found == []
    assert not bar.find()
    bar.replace_edit.setText("b")
    assert bar.replace_all() == 0
    assert bar.count.text() == "this expression takes too long: simplify it"
    assert pane.editor.toPlainText() == text
    bar.find_edit.setText("const")  # (a simpler one is searched as ever)
    assert bar.count.text() == "1 match"
    assert bar.find()
    assert pane.editor.textCursor().selectedText() == "const"


def test_f3_with_the_bar_closed_shows_it_to_say_the_expression_takes_too_long(qtbot, monkeypatch) -> None:
    """F3 with the bar closed held the window a second and then did nothing, its reason said in the
    hidden bar."""
    from designer.gui import search_limit

    monkeypatch.setattr(search_limit, "SEARCH_LIMIT_S", 0.2)
    pane, bar = _find_bar_on(qtbot, "const a = 1;\n" + "a" * 27 + "!\n")
    bar.find_edit.setText("(a+)+$")
    bar.close_bar()
    assert not bar.isVisible()
    pane.find_bar.find_again()
    assert bar.isVisible()
    assert bar.count.text() == "this expression takes too long: simplify it"
