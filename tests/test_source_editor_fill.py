"""A big file goes into the source editor in parts (issue 7: no stall over 50 ms opening 10,000 lines).

Why these tests: while the parts go in, the document holds only the first lines of the file.
Nothing may take that for the file: its text, an edit, a save, a search, a line number. Each test
acts in the middle of the fill (``filling()`` is asserted first) and checks that it acted on the
whole file, and that the file on disk is whole.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import open_in_editor
from PySide6.QtCore import QCoreApplication, QPoint, QPointF, Qt
from PySide6.QtGui import QTextCursor, QTextFormat, QWheelEvent
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from designer.gui import highlight
from designer.gui.panes import source_editor
from designer.gui.panes.source_editor import FILL_FIRST, FILL_FROM, Marker, SourcePane
from designer.gui.viewports import viewport_of

SRC = "plugins/rec/rec.plugin.js"
LINES = 5_000


def _code(lines: int = LINES, end: str = "\n") -> str:
    """``lines`` lines of JavaScript (a block comment across lines, a template string), joined by ``end``."""
    out = ["(function () {"]
    i = 0
    while len(out) < lines - 1:
        out += [f"    /* helper {i}", "     */", f"    const label{i} = `n ${{x}} {i}`; // 😀 café"]
        i += 1
    out = out[: lines - 1] + ["})();"]
    return end.join(out)


def _pane(qtbot) -> SourcePane:
    pane = SourcePane()
    qtbot.addWidget(pane)
    pane.resize(800, 600)
    pane.show()
    qtbot.waitExposed(pane)
    return pane


_shown = [0]


def _show_big(pane: SourcePane, text: str) -> None:
    """Show ``text`` as a file not shown before (one shown before gets its cursor back, for which
    the rest of it goes in at once)."""
    _shown[0] += 1
    pane.show_file(f"big{_shown[0]}.plugin.js", text, read_only=False)


def _filled(editor) -> None:
    """Let the event loop put the rest in and colour it, touching nothing that would hurry it."""
    while not editor.colouring_done():
        QCoreApplication.processEvents()
    QCoreApplication.processEvents()


# The same file as a user's disk may hold it: line endings, a BOM, U+2028 inside a line (a line
# break to Qt), emoji, with and without a last line break, an empty last line.
TEXTS = {
    "lf": _code(),
    "lf, ends with a line break": _code() + "\n",
    "lf, an empty last line": _code() + "\n\n",
    "crlf": _code(end="\r\n") + "\r\n",
    "mixed endings": _code().replace("\n", "\r\n", 700).replace("\n", "\r", 5) + "\r",
    "bom": "\ufeff" + _code(),
    "u+2028 in lines": _code().replace("helper 1", "helper\u20281") + "\n",
    "emoji at every line's end": _code().replace("\n", " 🎉\n"),
}


@pytest.mark.parametrize("text", TEXTS.values(), ids=TEXTS.keys())
def test_after_the_fill_the_document_is_the_file_exactly(qtbot, text: str, monkeypatch) -> None:
    """Filled in parts or put in at once, the editor holds the same lines, colours, line count, gutter
    and scroll range, and gives the file back byte for byte."""
    pane = _pane(qtbot)
    pane.show_file("big.plugin.js", text, read_only=False)
    editor = pane.editor
    lines = editor._doc.blockCount()
    assert editor.filling() and lines < LINES  # the first part only: the rest from the event loop
    margins = editor.viewportMargins()
    _filled(editor)
    assert not editor.filling() and editor.viewportMargins() == margins  # (as wide from the start)
    monkeypatch.setattr(source_editor, "FILL_FROM", 10**9)  # the same file put in at once
    whole = _pane(qtbot)
    whole.show_file("big.plugin.js", text, read_only=False)
    _filled(whole.editor)
    assert not whole.editor.filling()
    assert editor._doc.toRawText() == whole.editor._doc.toRawText()
    assert editor._doc.blockCount() == whole.editor._doc.blockCount()
    assert editor.viewportMargins() == whole.editor.viewportMargins()
    assert editor.verticalScrollBar().maximum() == whole.editor.verticalScrollBar().maximum()
    assert highlight.block_formats(editor._doc) == highlight.block_formats(whole.editor._doc)
    assert editor.text() == text and editor.shown_text() == whole.editor.shown_text()


def _selected_all(cursor: QTextCursor) -> str:
    cursor.select(QTextCursor.SelectionType.Document)
    return cursor.selectedText()


def test_a_big_file_reads_whole_at_once(qtbot) -> None:
    """Whatever asks for the text in the middle of the fill gets all of it (the rest goes in then)."""
    text = TEXTS["crlf"]
    pane = _pane(qtbot)
    for read in (
        lambda e: e.text(),
        lambda e: e.shown_text().replace("\n", "\r\n"),
        lambda e: e.toPlainText().replace("\n", "\r\n"),
        lambda e: e.document().toRawText().replace("\u2029", "\r\n"),
        lambda e: _selected_all(e.textCursor()).replace("\u2029", "\r\n"),
    ):
        _show_big(pane, text)
        assert pane.editor.filling()
        assert read(pane.editor) == text
        assert not pane.editor.filling() and pane.editor.blockCount() == LINES + 1
    _show_big(pane, text)
    assert pane.editor.blockCount() == LINES + 1  # (the line count too)
    assert pane.editor.colouring_done() is False  # the colours come after the fill
    _filled(pane.editor)
    assert pane.editor.text() == text


def test_a_small_file_goes_in_at_once(qtbot) -> None:
    pane = _pane(qtbot)
    text = _code(FILL_FROM)
    pane.show_file("small.plugin.js", text, read_only=False)
    assert not pane.editor.filling() and pane.editor._doc.blockCount() == FILL_FROM
    assert pane.editor._doc.toRawText().replace("\u2029", "\n") == text


def test_keys_find_go_to_line_and_markers_in_the_fill_act_on_the_whole_file(qtbot) -> None:
    pane = _pane(qtbot)
    editor = pane.editor
    text = _code()
    _show_big(pane, text)
    assert editor.filling()
    # Ctrl+End then typing: at the file's end, not at the end of the first part.
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, "x")
    assert editor.text() == text + "x"
    # Go to line: the last line is there to go to.
    _show_big(pane, text)
    assert editor.filling()
    editor.go_to_line(LINES)
    assert editor.textCursor().blockNumber() == LINES - 1
    # Find: a word only on the last line is found.
    _show_big(pane, text)
    assert editor.filling()
    pane.find_bar.open(False)
    pane.find_bar.find_edit.setText("})();")
    assert pane.find_bar.find()
    assert editor.textCursor().blockNumber() == LINES - 1 and editor.textCursor().selectedText() == "})();"
    pane.find_bar.close_bar()
    # Select All and Delete: everything goes, not the first part.
    _show_big(pane, text)
    assert editor.filling()
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    assert editor.text() == ""
    # A problem on the last line, set while the first part is in: underlined once it is shown.
    _show_big(pane, text)
    assert editor.filling() and editor._doc.blockCount() < LINES
    editor.set_markers([Marker(LINES, 1, "PD000: the last line")])
    assert editor.filling()  # (only the lines near the view are marked: no need of the rest yet)
    _filled(editor)
    editor.go_to_line(LINES)
    QCoreApplication.processEvents()
    underlined = [
        s.cursor.blockNumber() + 1
        for s in editor.extraSelections()
        if s.format.hasProperty(QTextFormat.Property.TextUnderlineStyle)
    ]
    assert underlined == [LINES]


def test_replacing_the_text_in_the_fill_replaces_the_whole_file(qtbot) -> None:
    """The window's undo, redo and fixes (replace_text) change the file, not its first part."""
    pane = _pane(qtbot)
    text = _code()
    pane.show_file("big.plugin.js", text, read_only=False)
    assert pane.editor.filling()
    changed = text.replace("})();", "})(); // done")
    pane.show_file("big.plugin.js", changed, read_only=False)  # (the same file: replace_text)
    assert pane.editor.text() == changed
    _filled(pane.editor)
    assert pane.editor.text() == changed and pane.editor._doc.blockCount() == LINES


def _show_again(window) -> None:
    """Select another file, then the big one again, as a file not shown before (see _show_big)."""
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("file", "settings.json")))
    window.source_pane.forget_files()
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("file", SRC)))


def _project(base_project: Path, text: str) -> tuple[Path, str]:
    """The fixture's plugin source with ``text`` after it (a valid plugin: it may be exported)."""
    path = base_project / "webapp2" / SRC
    newline = "\r\n" if "\r\n" in text else "\n"
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    text = bom + path.read_text(encoding="utf-8").replace("\n", newline) + text.removeprefix(bom)
    path.write_bytes(text.encode("utf-8"))
    return path, text


@pytest.mark.parametrize("text", [TEXTS["crlf"], TEXTS["mixed endings"], TEXTS["bom"]], ids=["crlf", "mixed", "bom"])
def test_saving_in_the_fill_writes_the_whole_file(window, qtbot, base_project: Path, text: str) -> None:
    """The worst that could happen: the first part taken for the user's edit and saved. Nothing is
    an edit (no undo step, no unsaved star), and a save then, or after typing, writes all of it."""
    path, text = _project(base_project, text)
    editor = open_in_editor(window, base_project, SRC)
    assert editor.filling()
    assert window.editor.undo_stack.count() == 0 and not window.isWindowModified()
    assert window.save()
    assert path.read_bytes() == text.encode("utf-8")
    assert editor.filling() or editor.text() == text
    _filled(editor)
    assert window.editor.undo_stack.count() == 0 and not window.isWindowModified()
    # Typed at the end in the middle of the next fill: saved with everything before it.
    _show_again(window)
    assert editor.filling()
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, "x")
    assert window.save()
    assert path.read_bytes() == (text + "x").encode("utf-8")


def test_switching_files_closing_and_exporting_in_the_fill(window, qtbot, base_project: Path, tmp_path: Path) -> None:
    text = TEXTS["lf"]
    path, text = _project(base_project, text)
    editor = open_in_editor(window, base_project, SRC)
    assert editor.filling()
    # Another file, then back: whole, nothing an edit.
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("file", "settings.json")))
    assert not editor.filling() and editor.documentTitle() == "settings.json"
    assert window.editor.undo_stack.count() == 0
    _show_again(window)
    assert editor.filling()
    assert window.editor.undo_stack.count() == 0
    # Export in the middle of the fill: the ZIP has the whole file.
    window.show_export()
    window.export_pane.path_edit.setText(str(tmp_path / "out.zip"))
    assert window.export_pane.export(), window.export_pane.verdict.text()
    import zipfile

    with zipfile.ZipFile(tmp_path / "out.zip") as zf:
        entry = next(n for n in zf.namelist() if n.endswith(SRC))
        assert zf.read(entry) == text.encode("utf-8")
    # Closing the window in the middle of a fill: nothing asked, nothing written.
    _show_again(window)
    assert editor.filling() and window.editor.undo_stack.count() == 0
    assert window.close()
    QCoreApplication.processEvents()
    assert path.read_bytes() == text.encode("utf-8")


def test_the_first_part_is_on_screen_at_once(qtbot) -> None:
    """The first screen shows the file's first lines before the rest is in, with the gutter's width for all of them."""
    pane = _pane(qtbot)
    text = _code()
    pane.show_file("big.plugin.js", text, read_only=False)
    editor = pane.editor
    assert editor.filling() and FILL_FIRST <= editor._doc.blockCount() < LINES
    assert editor.firstVisibleBlock().blockNumber() == 0
    assert editor.firstVisibleBlock().text() == "(function () {"
    assert editor.viewportMargins().left() == editor.gutter_width(LINES)


def _turns(editor) -> list[tuple[bool, int]]:
    """(filling, gutter width) after each turn of the event loop until the file is in and coloured."""
    seen = []
    while not editor.colouring_done() and len(seen) < 1_000:
        QCoreApplication.processEvents()
        seen.append((editor.filling(), editor.viewportMargins().left()))
    return seen


@pytest.fixture
def parts(monkeypatch) -> list[int]:
    """The line count of each part of a file put in after its first (see SourceEditor._put_part)."""
    from designer.gui.panes.source_editor import SourceEditor

    seen: list[int] = []
    real = SourceEditor._put_part
    monkeypatch.setattr(SourceEditor, "_put_part", lambda self, part: seen.append(part.count("\n")) or real(self, part))
    return seen


def test_the_rest_goes_in_on_the_next_turns_and_is_coloured_right_after(qtbot, parts: list[int], monkeypatch) -> None:
    """Part by part (nothing puts the rest in at once meanwhile: the colouring waits for it), the
    gutter as wide as the whole file needs from the start (10,000 lines: five digits), the colours
    from the turns right after the last part (not after a pause), nothing taken for an edit, and
    the bracket at the cursor marked once the file is in."""
    monkeypatch.setattr(source_editor, "BATCH_TIME", 10**6)  # (batches of BATCH_LINES, however slow the machine)
    pane = _pane(qtbot)
    editor = pane.editor
    edits: list[str | None] = []
    editor.sig_edited.connect(lambda: edits.append(editor.edit_label))
    text = _code(10_000)
    pane.show_file("big.plugin.js", text, read_only=False)
    width = editor.gutter_width(10_000)
    assert editor.viewportMargins().left() == width > editor.gutter_width(FILL_FIRST)
    seen = _turns(editor)
    assert len(parts) >= 4 and max(parts) <= source_editor.FILL_LINES and sum(parts) + FILL_FIRST == 10_000
    assert all(w == width for _filling, w in seen)
    filled = next(i for i, (filling, _width) in enumerate(seen) if not filling)
    assert len(seen) - filled < 10_000 // source_editor.BATCH_LINES + 5  # (a batch per turn)
    assert edits == [] and editor.text() == text
    # The "(" of the IIFE at the cursor (its partner, 10,000 lines down, is too far to look for).
    bracket = [
        s.cursor.selectionStart() for s in editor.extraSelections() if s.format.background().color().name() == "#c8e6c9"
    ]
    assert bracket == [0]


def test_the_window_lets_the_rest_go_in_part_by_part(window, qtbot, base_project: Path, parts: list[int]) -> None:
    """Opening a big file from the tree: nothing the window does meanwhile puts the rest in at once,
    and none of it is an edit."""
    path, text = _project(base_project, _code(10_000))
    editor = open_in_editor(window, base_project, SRC)
    _turns(editor)
    assert len(parts) >= 4 and max(parts) <= source_editor.FILL_LINES
    assert window.editor.undo_stack.count() == 0 and window.package.deferred_file() is None
    assert editor.text() == text == path.read_text(encoding="utf-8")


def test_coming_back_to_a_big_file_puts_the_cursor_back_without_waiting_for_the_rest(qtbot) -> None:
    """Coming back to a big file never puts the rest in at once (a second for 100,000 lines): a
    place near the top is in the first part and the view goes there at once; one further down (the
    cursor, or the view) once the part holding it is in. Either way the cursor and the view end up
    where they were."""
    pane = _pane(qtbot)
    editor = pane.editor
    text = _code()
    # (the cursor's line, the view's first line, whether the view is there at once)
    for line, top, at_once in ((20, 15, True), (LINES - 10, LINES - 15, False), (20, LINES - 100, False)):
        pane.show_file("big.plugin.js", text, read_only=False)
        _filled(editor)
        place = _go(editor, line, top)
        pane.show_file("other.plugin.js", "x\n", read_only=False)
        pane.show_file("big.plugin.js", text, read_only=False)
        assert editor.filling()
        assert (_where(editor) == place) is at_once
        _filled(editor)
        assert _where(editor) == place
        assert editor.text() == text
        pane.show_file("other.plugin.js", "x\n", read_only=False)


def _go(editor, line: int, top: int) -> tuple[int, int, int]:
    """Select three characters in ``line`` and scroll the view to ``top``; where that is (see _where)."""
    cursor = editor.textCursor()
    cursor.setPosition(editor.document().findBlockByNumber(line).position() + 4)
    cursor.setPosition(cursor.position() + 3, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    editor.verticalScrollBar().setValue(top)
    return _where(editor)


def _where(editor) -> tuple[int, int, int]:
    """The selection and the view's first line, as the view has them (not putting the rest in)."""
    cursor = QPlainTextEdit.textCursor(editor)
    return cursor.anchor(), cursor.position(), editor.verticalScrollBar().value()


def test_a_place_far_down_a_big_file_is_gone_back_to_part_way_and_kept_through_keys_and_switches(qtbot) -> None:
    """The place is gone back to as soon as the part holding it is in, before the rest; leaving the
    file before that keeps it for the next time; a key typed before that is typed there."""
    pane = _pane(qtbot)
    editor = pane.editor
    text, place = _back_to_a_place_far_down(pane)
    pane.show_file("other.plugin.js", "x\n", read_only=False)  # left before it got there
    pane.show_file("big.plugin.js", text, read_only=False)
    while _where(editor) != place:
        assert editor.filling()
        QCoreApplication.processEvents()
    assert editor.filling()  # there while the rest still goes in
    _filled(editor)
    assert _where(editor) == place and editor.text() == text
    pane.show_file("other.plugin.js", "x\n", read_only=False)
    pane.show_file("big.plugin.js", text, read_only=False)
    assert editor.filling() and _where(editor) != place
    editor.setFocus()
    qtbot.keyClicks(editor, "Z")  # replaces the three characters selected there
    line = editor.document().findBlockByNumber(6_000).text()
    assert line == text.split("\n")[6_000][:4] + "Z" + text.split("\n")[6_000][7:]
    assert not editor.filling() and editor.text().count("Z") == 1


def _back_to_a_place_far_down(pane: SourcePane) -> tuple[str, tuple[int, int, int]]:
    """A big file left with the cursor and the view far down, then shown again: its top on show
    while the part holding that place is still to go in. The text, and the place."""
    editor = pane.editor
    text = _code(12_000)
    pane.show_file("big.plugin.js", text, read_only=False)
    _filled(editor)
    place = _go(editor, 6_000, 5_990)
    pane.show_file("other.plugin.js", "x\n", read_only=False)
    pane.show_file("big.plugin.js", text, read_only=False)
    assert editor.filling() and _where(editor) == (0, 0, 0)
    return text, place


def test_a_click_on_a_big_file_on_its_way_back_to_a_place_goes_where_it_was_clicked(qtbot) -> None:
    """The top of the file is on show until the part holding the old place is in: a click on its
    fourth line put the cursor on a line near the old place instead (6,000 lines down)."""
    pane = _pane(qtbot)
    editor = pane.editor
    text, _place = _back_to_a_place_far_down(pane)
    line = editor.blockBoundingGeometry(editor._doc.findBlockByNumber(3)).translated(editor.contentOffset())
    qtbot.mouseClick(viewport_of(editor), Qt.MouseButton.LeftButton, pos=QPoint(40, int(line.center().y())))
    _filled(editor)
    assert QPlainTextEdit.textCursor(editor).blockNumber() == 3
    assert editor.verticalScrollBar().value() == 0 and editor.text() == text


def test_scrolling_a_big_file_on_its_way_back_to_a_place_is_not_undone_when_the_place_comes_in(qtbot) -> None:
    """A turn of the mouse wheel while the old place is still to come: the view stayed where the
    wheel took it for a moment, then jumped back to the old place."""
    pane = _pane(qtbot)
    editor = pane.editor
    _back_to_a_place_far_down(pane)
    view = viewport_of(editor)
    at = QPointF(view.rect().center())
    wheel = QWheelEvent(
        at,
        view.mapToGlobal(at),
        QPoint(),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view, wheel)
    scrolled = editor.verticalScrollBar().value()
    assert scrolled > 0
    _filled(editor)
    assert _where(editor) == (0, 0, scrolled)


@pytest.mark.parametrize(
    "text", [_code(2_000), _code(2_000).replace("/* helper 7", "`helper 7")], ids=["code", "open template"]
)
def test_batches_cut_short_by_their_time_colour_every_line_as_one_colouring_does(qtbot, text: str, monkeypatch) -> None:
    """A batch stops when its time is up (BATCH_TIME; the longest stall of opening a big file on a
    busy machine), and the next one carries on from the line it stopped at: with no time at all
    (each batch colours its first line only), every line ends up coloured as when all of them are
    coloured in one go, across block comments and a template string that runs to the file's end."""
    monkeypatch.setattr(source_editor, "BATCH_TIME", 0.0)
    short = _pane(qtbot)
    short.show_file("short.plugin.js", text, read_only=False)
    qtbot.waitUntil(short.editor.colouring_done, timeout=60_000)  # (a batch that stops for good never is)
    monkeypatch.setattr(source_editor, "BATCH_TIME", 10**6)
    monkeypatch.setattr(source_editor, "BATCH_LINES", 10**6)
    whole = _pane(qtbot)
    whole.show_file("whole.plugin.js", text, read_only=False)
    _filled(whole.editor)
    assert short.editor.shown_text() == whole.editor.shown_text()
    assert highlight.block_formats(short.editor._doc) == highlight.block_formats(whole.editor._doc)
    assert [b for b in highlight.block_formats(short.editor._doc)[-3:] if b]  # (coloured to the end)


def test_lines_recoloured_after_replace_all_in_batches_cut_short_colour_as_one_colouring_does(
    qtbot, monkeypatch
) -> None:
    """After Replace all, the changed lines are coloured again in batches that stop when their time
    is up (400 lines took 90 ms in a 100,000-line file). With no time at all (one line a batch),
    the colours still come out as a fresh colouring of the new text gives them, with comments
    turned into template strings that run on over the lines below."""
    text = _code(2_000)
    short = _pane(qtbot)
    short.show_file("short.plugin.js", text, read_only=False)
    _filled(short.editor)
    monkeypatch.setattr(source_editor, "BATCH_TIME", 0.0)
    bar = short.find_bar
    bar.open(replace=True)
    qtbot.keyClicks(bar.find_edit, "/* helper")
    qtbot.keyClicks(bar.replace_edit, "`helper")
    assert bar.replace_all() == 666
    recoloured = []
    while not short.editor.colouring_done():  # one line a batch: many batches, each a turn of its own
        recoloured.append(len(short.editor._recolour))
        QCoreApplication.processEvents()
    assert len(recoloured) > 100 and recoloured == sorted(recoloured, reverse=True)
    monkeypatch.setattr(source_editor, "BATCH_TIME", 10**6)
    monkeypatch.setattr(source_editor, "BATCH_LINES", 10**6)
    whole = _pane(qtbot)
    whole.show_file("whole.plugin.js", text.replace("/* helper", "`helper"), read_only=False)
    _filled(whole.editor)
    assert short.editor.shown_text() == whole.editor.shown_text()
    assert highlight.block_formats(short.editor._doc) == highlight.block_formats(whole.editor._doc)


@pytest.mark.parametrize("edit", ["line breaks typed above", "lines joined above", "replace all while colouring"])
def test_lines_left_for_later_are_coloured_after_lines_above_them_come_and_go(qtbot, monkeypatch, edit: str) -> None:
    """Lines whose colouring a batch left for later (its time up, or beyond the lines a keystroke
    colours) were kept by number: Enter or Backspace above them before they were coloured (or a
    Replace all putting in line breaks while a big file was still being coloured) left the line
    next to each coloured instead, and the line itself uncoloured for good."""
    monkeypatch.setattr(source_editor, "BATCH_TIME", 0.0)  # (one line a batch)
    short = _pane(qtbot)
    short.show_file("short.plugin.js", _code(3_000), read_only=False)
    editor = short.editor
    bar = short.find_bar
    if edit == "replace all while colouring":
        for _ in range(50):
            QCoreApplication.processEvents()
        bar.open(replace=True)
        qtbot.keyClicks(bar.find_edit, "/* helper")
        bar.replace_edit.setText("/*x\nhelper")
        assert bar.replace_all() == 1_000
    else:
        _filled(editor)
        bar.open(replace=True)
        qtbot.keyClicks(bar.find_edit, "/* helper 6")
        qtbot.keyClicks(bar.replace_edit, "`helper")
        assert bar.replace_all() == 111  # (6, 60-69 and 600-699)
        for _ in range(30):
            QCoreApplication.processEvents()
        editor.setFocus()
        cursor = editor.textCursor()
        cursor.setPosition(editor.document().findBlockByNumber(5).position())
        editor.setTextCursor(cursor)
        key = Qt.Key.Key_Return if edit == "line breaks typed above" else Qt.Key.Key_Backspace
        for _ in range(3):
            qtbot.keyClick(editor, key)
    assert not editor.colouring_done()
    _filled(editor)
    monkeypatch.setattr(source_editor, "BATCH_TIME", 10**6)
    monkeypatch.setattr(source_editor, "BATCH_LINES", 10**6)
    whole = _pane(qtbot)
    whole.show_file("whole.plugin.js", editor.shown_text(), read_only=False)
    _filled(whole.editor)
    assert highlight.block_formats(editor._doc) == highlight.block_formats(whole.editor._doc)
