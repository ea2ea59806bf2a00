"""The source editor while typing: what is on screen, which changes count as edits, bracket partners.

Typing repaints only the lines whose colours changed (see ``_Layout`` in the editor), so the
screen test compares what the window shows (the offscreen platform's backing store) with a fresh
rendering of the same widget after every step: a line left unrepainted shows up as a difference.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import current_line_shown, open_in_editor, shown
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication, QPalette, QTextCursor, QTextFormat
from PySide6.QtWidgets import QWidget

from designer.gui.panes.source_editor import _CLOSE, _OPEN, SourcePane

LINES = "\n".join(f"const a{i} = 'x'; // c {i}" for i in range(200))


def _settle() -> None:
    for _ in range(3):
        QCoreApplication.processEvents()


def _open(qtbot, text: str = LINES, name: str = "a.js") -> SourcePane:
    pane = shown(qtbot, SourcePane(), 700, 400)
    pane.show_file(name, text, read_only=False)
    qtbot.waitUntil(pane.editor.colouring_done)
    pane.editor.setCursorWidth(0)  # no blinking cursor in the pictures
    pane.editor.setFocus()
    _settle()
    # A clean start: the first showing can leave a column of pixels of the current line behind.
    pane.editor.viewport().update()
    _settle()
    return pane


def _screen_is_fresh(pane: SourcePane) -> bool:
    """Whether the window's pixels equal a rendering of the widget from scratch."""
    _settle()
    shot = pane.screen().grabWindow(pane.winId()).toImage()
    fresh = pane.grab().toImage()
    return shot.convertToFormat(fresh.format()) == fresh


def _go(editor, line: int) -> None:
    cursor = editor.textCursor()
    cursor.setPosition(editor.document().findBlockByNumber(line).position())
    editor.setTextCursor(cursor)


def _last_visible_line(editor) -> int:
    return editor.cursorForPosition(editor.viewport().rect().bottomLeft()).blockNumber()


@pytest.fixture
def offscreen() -> None:
    if QGuiApplication.platformName() != "offscreen":
        pytest.skip("reads the window's pixels back from the offscreen platform")


def test_typing_repaints_every_line_that_changes_colour(qtbot, offscreen) -> None:
    pane = _open(qtbot)
    editor = pane.editor
    assert _screen_is_fresh(pane)
    _go(editor, 5)
    assert _screen_is_fresh(pane)  # the line numbers of the old and the new current line
    for keys in ("x", "/*", "*/", "`", "`"):  # a comment and a template literal recolour the lines below
        qtbot.keyClicks(editor, keys)
        assert _screen_is_fresh(pane), keys
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert _screen_is_fresh(pane)
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    assert _screen_is_fresh(pane)
    qtbot.keyClick(editor, Qt.Key.Key_Up)
    assert _screen_is_fresh(pane)


def _open_at(qtbot, line: int):
    """The pane with the generated file, the cursor on ``line`` and the screen settled."""
    pane = _open(qtbot)
    _go(pane.editor, line)
    _settle()
    return pane, pane.editor


def test_the_current_line_background_is_painted_under_the_text_not_as_a_selection(qtbot, offscreen) -> None:
    """Qt paints a line under a full-width extra selection twice (the selection, then the text
    clipped around it), which doubled the paint after each keystroke; the background is painted
    under the text instead, and follows the cursor from line to line."""
    pane, editor = _open_at(qtbot, 5)
    assert current_line_shown(editor)
    full_width = QTextFormat.Property.FullWidthSelection
    assert not any(s.format.property(full_width) for s in editor.extraSelections())
    qtbot.keyClick(editor, Qt.Key.Key_Down)
    assert current_line_shown(editor) and _screen_is_fresh(pane)  # the row it left is plain again
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert current_line_shown(editor) and _screen_is_fresh(pane)


def test_a_typed_character_redoes_nothing_that_did_not_change(qtbot, monkeypatch) -> None:
    """Each keystroke read the palette again to pick the current line's colour, and asked for the
    current line's row to be repainted whenever a bracket beside the cursor came or went; the
    palette is read when it changes, the row when the cursor leaves the line."""
    from designer.gui.panes import source_editor

    pane, editor = _open_at(qtbot, 5)
    palette_reads: list[int] = []
    real = source_editor.is_dark
    monkeypatch.setattr(source_editor, "is_dark", lambda palette: palette_reads.append(1) or real(palette))
    rows: list[int] = []
    monkeypatch.setattr(editor, "_update_row", lambda cursor: rows.append(cursor.blockNumber()))
    qtbot.keyClicks(editor, "f(a) + [b]")
    assert palette_reads == [] and rows == []
    qtbot.keyClick(editor, Qt.Key.Key_Down)
    assert rows == [5, 6]  # the row left and the row entered


def _shown_brackets(editor) -> list[int]:
    """Document positions of the brackets shown highlighted (the one at the cursor and its partner)."""
    return sorted(s.cursor.selectionStart() for s in editor.extraSelections() if s.cursor.selectedText() in "()")


def test_a_partner_far_away_is_found_without_reading_the_lines_between_on_every_keystroke(qtbot, monkeypatch) -> None:
    """A bracket with no partner near it had the 20,000 characters after it read again on every
    keystroke beside it; the code of the lines other than the cursor's is remembered until an edit
    reaches them, and a partner typed there is found."""
    pane = shown(qtbot, SourcePane(), 700, 400)
    pane.show_file("b.plugin.js", "\n".join(f"const a{i} = '(';  // ( {i}" for i in range(2000)), read_only=False)
    qtbot.waitUntil(pane.editor.colouring_done)
    editor = pane.editor
    language = editor.highlighter.language
    read: list[str] = []
    real = language.code_only
    monkeypatch.setattr(language, "code_only", lambda line, state: read.append(line) or real(line, state))
    _go(editor, 5)
    opening = editor.textCursor().position()
    qtbot.keyClicks(editor, "(")
    assert _shown_brackets(editor) == [opening]  # (the brackets in the strings and comments are none)
    assert len(read) > 500
    read.clear()
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    qtbot.keyClicks(editor, "(")
    assert _shown_brackets(editor) == [opening] and len(read) < 5  # its own line
    _go(editor, 300)
    cursor = editor.textCursor()
    closing = cursor.position()
    cursor.setPosition(closing + 1, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, ")")  # a partner 295 lines below, typed over the "c" of "const" (no line moves)
    cursor = editor.textCursor()
    cursor.setPosition(opening + 1)
    editor.setTextCursor(cursor)
    assert _shown_brackets(editor) == [opening, closing]
    # More typed on the line between two brackets: the scan ends 45 characters earlier in the lines
    # below, which are still those read for the first bracket.
    _go(editor, 20)
    qtbot.keyClicks(editor, "(")
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    qtbot.keyClicks(editor, "x" * 45)
    read.clear()
    qtbot.keyClicks(editor, "(")
    here = editor.textCursor().position() - 1
    assert _shown_brackets(editor) == [here, closing + 46] and len(read) < 5


class _Paints(QObject):
    """An event filter that notes ``what`` of each painted rectangle into ``seen``."""

    def __init__(self, seen: list[int], what) -> None:  # noqa: ANN001 - a small lambda
        super().__init__()
        self.seen, self.what = seen, what

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            self.seen.append(self.what(event.rect()))
        return False


def test_a_keystroke_repaints_its_line_not_the_view(qtbot) -> None:
    pane, editor = _open_at(qtbot, 5)
    heights: list[int] = []

    paints = _Paints(heights, lambda rect: rect.height())
    editor.viewport().installEventFilter(paints)
    qtbot.keyClicks(editor, "le")  # "const" is coloured, and the line's colours move right
    _settle()
    editor.viewport().removeEventFilter(paints)
    line = editor.blockBoundingRect(editor.textCursor().block()).height()
    assert heights and max(heights) < 2 * line


def test_a_new_line_and_a_scroll_repaint_a_few_line_numbers_not_the_column(qtbot, offscreen) -> None:
    """Enter keeps every row's number below the first line on screen (only two change colour),
    and scrolling by a line moves the numbers already drawn: the whole column was drawn again
    each time, a third of an Enter's time in a big file."""
    pane, editor = _open_at(qtbot, 5)
    heights: list[int] = []

    paints = _Paints(heights, lambda rect: rect.height())
    gutter = editor.findChild(QWidget, "sourceGutter")
    gutter.installEventFilter(paints)
    line = editor.blockBoundingRect(editor.textCursor().block()).height()
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Backspace):
        heights.clear()
        qtbot.keyClick(editor, key)
        _settle()
        assert heights and sum(heights) <= 2 * line + 2, key
        assert _screen_is_fresh(pane), key
    heights.clear()
    editor.verticalScrollBar().setValue(editor.verticalScrollBar().value() + 1)
    _settle()
    assert heights and sum(heights) <= 2 * line + 2
    gutter.removeEventFilter(paints)
    assert _screen_is_fresh(pane)


def test_a_new_line_repaints_the_view_from_its_line_down(qtbot, offscreen) -> None:
    """Lines above an Enter (or a Backspace joining two lines) do not move: Qt repainted the whole
    view with all its colours on each of them."""
    pane, editor = _open_at(qtbot, 10)
    tops: list[int] = []

    paints = _Paints(tops, lambda rect: rect.top())
    editor.viewport().installEventFilter(paints)
    line_top = editor.cursorRect().top()
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Backspace, Qt.Key.Key_Return):
        tops.clear()
        qtbot.keyClick(editor, key)
        _settle()
        assert tops and min(tops) >= line_top - 1, key
        assert _screen_is_fresh(pane), key
    editor.viewport().removeEventFilter(paints)
    qtbot.keyClicks(editor, "/*")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # a new line in a comment that colours the lines below it
    assert _screen_is_fresh(pane)


def test_lines_recoloured_below_the_view_show_their_new_colours(qtbot, offscreen) -> None:
    pane = _open(qtbot)
    editor = pane.editor
    bottom = _last_visible_line(editor)
    _go(editor, bottom)
    before = editor.verticalScrollBar().value()
    qtbot.keyClicks(editor, "/*")  # every line below the view is a comment now
    assert editor.verticalScrollBar().value() == before
    assert _screen_is_fresh(pane)
    editor.verticalScrollBar().setValue(before + 10)
    assert _screen_is_fresh(pane)
    line = editor.document().findBlockByNumber(bottom + 5)
    assert {r.format.fontItalic() for r in line.layout().formats()} == {True}  # comment colours
    qtbot.keyClicks(editor, "*/")
    editor.verticalScrollBar().setValue(before + 20)
    assert _screen_is_fresh(pane)


def test_only_changes_of_the_text_are_edits(qtbot) -> None:
    pane = _open(qtbot)
    editor = pane.editor
    edited: list[str] = []
    editor.sig_edited.connect(lambda: edited.append(editor.text()))
    editor.highlighter.rehighlight()  # new colours only
    pal = editor.palette()
    pal.setColor(QPalette.ColorRole.Base, Qt.GlobalColor.black)
    editor.setPalette(pal)  # dark colours, coloured again in batches
    qtbot.waitUntil(editor.colouring_done)
    editor.replace_text(LINES.replace("a1 ", "b1 "))  # the window's undo: not the user's edit
    pane.show_file("a.js", LINES, read_only=False)
    _settle()
    assert edited == []
    _go(editor, 3)
    qtbot.keyClicks(editor, "y")
    _settle()
    assert edited == [editor.text()] and editor.text().splitlines()[3].startswith("yconst a3")
    editor.setReadOnly(True)
    QTextCursor(editor.document()).insertText("z")
    _settle()
    assert len(edited) == 1


def test_typing_a_character_over_itself_changes_nothing_in_the_window(window, qtbot, base_project: Path) -> None:
    editor = open_in_editor(window, base_project, "plugins/rec/rec.plugin.js")
    cursor = editor.textCursor()
    cursor.setPosition(len("(func"))
    cursor.setPosition(len("(funct"), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    editor.setFocus()
    qtbot.keyClicks(editor, "t")  # an edit of the document, the same text
    assert window.editor.undo_stack.count() == 0 and not window.isWindowModified()
    qtbot.keyClicks(editor, "xy")
    assert window.editor.undo_stack.count() == 1  # the keystrokes merge into one step
    assert window.package.pending_texts["plugins/rec/rec.plugin.js"].startswith("(functxyion ()")


def _reference_partner(text: str, index: int) -> int | None:
    """The partner of the bracket at Python index ``index``, as a UTF-16 position (a plain walk)."""
    ch = text[index]
    forward = ch in _OPEN
    other = _OPEN[ch] if forward else _CLOSE[ch]
    depth = 0
    order = range(index, len(text)) if forward else range(index, -1, -1)
    for i in order:
        if text[i] == ch:
            depth += 1
        elif text[i] == other:
            depth -= 1
            if depth == 0:
                return len(text[:i].encode("utf-16-le")) // 2
    return None


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(["(", ")", "{", "}", "[", "]", "a", " ", "\n", "😀", "é"]), max_size=60).map("".join))
def test_bracket_partners(qapp, text: str) -> None:
    pane = SourcePane()
    try:
        editor = pane.editor
        editor.load("a.txt", text)
        for index, ch in enumerate(text):
            if ch in _OPEN or ch in _CLOSE:
                at = len(text[:index].encode("utf-16-le")) // 2
                assert editor._find_partner(at, ch) == _reference_partner(text, index), (text, index)
    finally:
        pane.deleteLater()


@pytest.mark.parametrize(
    "text",
    [
        "(" * 3000 + ")" * 3000,  # one bracket kind nested deeper than the replacement passes go
        "[({" * 1000 + "})]" * 1000,  # three kinds interleaved
        "x = (" * 40 + "\n" + ")" * 39,  # one short: the outermost has no partner
        "(a\n" * 200 + "😀" + ")\n" * 200,
    ],
)
def test_bracket_partners_of_deeply_nested_code(qapp, text: str) -> None:
    """Minified code can nest thousands deep: partners are still right, found in linear time
    (one replacement pass per level made a 20,000-bracket line take half a second per cursor move)."""
    pane = SourcePane()
    try:
        editor = pane.editor
        editor.load("deep.js", text)
        indexes = [i for i, ch in enumerate(text) if ch in _OPEN or ch in _CLOSE]
        for index in [*indexes[:3], *indexes[len(indexes) // 2 : len(indexes) // 2 + 2], *indexes[-3:]]:
            at = len(text[:index].encode("utf-16-le")) // 2
            assert editor._find_partner(at, text[index]) == _reference_partner(text, index), index
    finally:
        pane.deleteLater()


def test_typing_keeps_every_byte_it_did_not_touch(window, qtbot, base_project: Path) -> None:
    """A BOM, mixed line endings, a non-breaking space and a U+2028/U+2029 inside strings all
    survive a keystroke and a save (Qt's plain text would have rewritten each of them)."""
    rel = "plugins/rec/rec.plugin.js"
    path = base_project / "webapp2" / rel
    original = path.read_bytes().decode("utf-8")
    head = "\ufeff// intro\r\nvar a = 'x\u00a0y';\rvar b = 'p\u2028q';\nvar c = 'r\u2029s';\r\n"
    path.write_bytes((head + original).encode("utf-8"))
    editor = open_in_editor(window, base_project, rel)
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    editor.setFocus()
    qtbot.keyClicks(editor, "// end")
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)  # a line break, not U+2028
    qtbot.keyClicks(editor, "x")
    assert window.save()
    written = path.read_bytes().decode("utf-8")
    newline = "\r\n" if original.count("\r\n") >= original.count("\n") - original.count("\r\n") else "\n"
    assert written.startswith(head + original.rstrip("\r\n"))
    assert written.endswith("// end" + newline + "x") or written.endswith("// end" + newline + "x" + newline)
    assert "\u2028" not in written[len(head) :]


def test_replace_all_keeps_non_breaking_spaces(window, qtbot, base_project: Path) -> None:
    rel = "plugins/rec/rec.plugin.js"
    path = base_project / "webapp2" / rel
    path.write_bytes(("var label = 'Start\u00a0recording';\n" + path.read_text(encoding="utf-8")).encode("utf-8"))
    editor = open_in_editor(window, base_project, rel)
    bar = window.source_pane.find_bar
    bar.find_edit.setText("label")
    bar.replace_edit.setText("caption")
    assert bar.replace_all() >= 1
    assert window.save()
    assert path.read_text(encoding="utf-8").startswith("var caption = 'Start\u00a0recording';\n")
    assert editor.shown_text().startswith("var caption = 'Start\u00a0recording';")


def _count_text_reads(monkeypatch) -> list[int]:
    """Every read of the editor's whole text (its cost grows with the file: 2 ms for 10,000 lines)."""
    from designer.gui.panes.source_editor import SourceEditor

    reads: list[int] = []
    text = SourceEditor.text
    monkeypatch.setattr(SourceEditor, "text", lambda self: reads.append(1) or text(self))
    return reads


def test_typing_in_the_window_reads_the_text_when_something_needs_it(
    window, qtbot, base_project: Path, monkeypatch
) -> None:
    """The window used to copy the whole text into the model on every keystroke, ten times the
    cost of the keystroke in a big file; now the keystrokes that merge into one undo step leave
    it in the editor until the model is read (here the recovery copy; also the checks, a save)."""
    from designer.core.recovery import read_recovery

    rel = "plugins/rec/rec.plugin.js"
    editor = open_in_editor(window, base_project, rel)
    reads = _count_text_reads(monkeypatch)
    editor.setFocus()
    qtbot.keyClicks(editor, "// one")
    qtbot.keyClicks(editor, " // two")  # (not Enter: a new line starts a new undo step)
    assert len(reads) == 1  # the first keystroke, to compare with the model's text
    assert window.isWindowModified() and window.editor.undo_stack.count() == 1
    window.autosave()
    recovery = read_recovery(base_project / "webapp2")
    assert recovery is not None and recovery.writes[rel].decode().startswith("// one // two(function")
    assert len(reads) == 2
    qtbot.keyClicks(editor, "!")
    assert window.package.pending_texts[rel].startswith("// one // two!(function")
    assert window.editor.undo_stack.count() == 1
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not window.isWindowModified() and not editor.text().startswith("//")
    window.editor.undo_stack.redo()
    assert editor.text().startswith("// one // two!(function")


def test_typing_after_the_saved_state_is_marked_is_a_step_of_its_own(window, qtbot, base_project: Path) -> None:
    """Keystrokes whose text the model has not read yet belong to the step before the saved state
    (marked here without a read, as after an export); the next one is a new, unsaved step."""
    rel = "plugins/rec/rec.plugin.js"
    editor = open_in_editor(window, base_project, rel)
    editor.setFocus()
    qtbot.keyClicks(editor, "ab")
    window.editor.undo_stack.setClean()
    assert not window.isWindowModified()
    qtbot.keyClicks(editor, "c")
    assert window.isWindowModified() and window.editor.undo_stack.count() == 2
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.text().startswith("ab(function") and not window.isWindowModified()
    assert window.package.pending_texts[rel].startswith("ab(function")


def test_a_file_of_mixed_line_endings_saves_the_same_whether_read_while_typing_or_not(
    window, qtbot, base_project: Path, tmp_path: Path
) -> None:
    """Each line keeps its own ending by comparing the text with the one read before, so a file of
    mixed endings is read on every keystroke: reading it only when typing pauses would give a
    line joined and split again back its old ending or not, depending on when the checks ran."""
    import shutil

    rel = "plugins/rec/rec.plugin.js"
    path = base_project / "webapp2" / rel
    path.write_bytes(b"// a\r\n// b\r// c\r\n" + path.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
    other = tmp_path / "other"
    shutil.copytree(base_project, other)
    saved = []
    for project, read_between in ((base_project, True), (other, False)):
        editor = open_in_editor(window, project, rel)
        _go(editor, 1)
        editor.setFocus()
        qtbot.keyClick(editor, Qt.Key.Key_End)
        qtbot.keyClicks(editor, "!")
        qtbot.keyClick(editor, Qt.Key.Key_Delete)  # "// b!// c"
        if read_between:
            assert window.package.pending_texts[rel].startswith("// a\r\n// b!// c\r\n")  # as the checks do
        qtbot.keyClick(editor, Qt.Key.Key_Return)  # and apart again
        assert window.save()
        saved.append((project / "webapp2" / rel).read_bytes())
    assert saved[0] == saved[1]
    assert saved[0].startswith(b"// a\r\n// b!")


def test_typing_goes_on_when_pyside_takes_the_viewport_for_deleted(qtbot) -> None:
    """PySide can mark the Python object the editor kept for its viewport deleted while the widget
    lives on (see HeldViewport): every keystroke's painting then raised. It is asked for again."""
    import shiboken6

    pane = _open(qtbot)
    editor = pane.editor
    _go(editor, 3)
    shiboken6.invalidate(editor.viewport())
    qtbot.keyClicks(editor, "xyz")
    _settle()
    assert editor.document().findBlockByNumber(3).text().startswith("xyzconst a3")
    assert _screen_is_fresh(pane)
