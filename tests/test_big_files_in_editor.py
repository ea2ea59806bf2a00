"""Whole libraries pasted into a plugin (100,000 lines, megabytes): the editor does only what is on show.

Why: PySide keeps a copy of every extra selection it is given (and its text cursor, which the
document moves along at each edit as long as it lives): the 12,500 problem markers of a
100,000-line library cost a second at each check and, kept, 30 s when the next file went in.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QTextCursor, QTextFormat

from designer.gui.panes.source_editor import MARKED_MARGIN, Marker, SourcePane
from designer.gui.viewports import viewport_of


def _lines(n: int) -> str:
    return "".join(f"var value{i} = {i};\n" for i in range(n))


def _underlined_lines(editor) -> list[int]:
    return sorted(
        s.cursor.blockNumber() + 1
        for s in editor.extraSelections()
        if s.format.hasProperty(QTextFormat.Property.TextUnderlineStyle)
    )


def test_problem_markers_are_drawn_near_the_view_and_follow_it(qtbot) -> None:
    pane = SourcePane()
    qtbot.addWidget(pane)
    pane.resize(800, 600)
    pane.show()
    pane.show_file("big.plugin.js", _lines(5_000), read_only=False)
    editor = pane.editor
    editor.set_markers([Marker(line, 5, f"PD000: line {line}") for line in range(1, 5_001)])
    shown = _underlined_lines(editor)
    assert shown[0] == 1 and len(shown) < 2 * MARKED_MARGIN + 100  # not 5,000
    top, bottom = editor._visible_lines()
    assert set(range(top + 1, bottom + 2)) <= set(shown)  # every line on show is underlined
    # Scrolled to the end, the markers there are drawn; hovering still finds every marker's message.
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    QCoreApplication.processEvents()
    shown = _underlined_lines(editor)
    assert shown[-1] == 5_000 and len(shown) < 2 * MARKED_MARGIN + 100
    top, bottom = editor._visible_lines()
    assert set(range(top + 1, bottom + 1)) <= set(shown)
    # The find bar's marks too: those near the view, not the first 2,000 of the file.
    pane.find_bar.open(False)
    pane.find_bar.find_edit.setText("value")
    pane.find_bar.update_count()
    marked = [
        s.cursor.blockNumber() for s in editor.extraSelections() if s.format.background().color().name() == "#fce8a0"
    ]
    assert marked and min(marked) >= top - MARKED_MARGIN - 1 and max(marked) == 4_999


def test_a_big_source_is_read_once_before_its_worker_parses_it(window, qtbot, base_project: Path, monkeypatch) -> None:
    """Opening a project read a big source once to see that it needed the worker, and again to give
    the worker its bytes: two reads of megabytes before the window showed the project."""
    from designer.core.files import DirFiles
    from designer.gui.source_analysis import BIG_SOURCE

    src = "plugins/rec/rec.plugin.js"
    path = base_project / "webapp2" / src
    filler = "".join(f"    var table{i} = {i};\n" for i in range(BIG_SOURCE // 20))
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "(function () {", "(function () {\n    var readOnce = 1;\n" + filler, 1
        )
    )
    # (a text no other test analysed: the memo would spare it the worker)
    reads: list[str] = []
    real = DirFiles.read_bytes
    monkeypatch.setattr(DirFiles, "read_bytes", lambda self, rel: reads.append(rel) or real(self, rel))
    window.open_path(base_project)
    assert window.source_analysis is not None  # the worker has its bytes
    assert reads.count(src) == 1
    qtbot.waitUntil(lambda: window.source_analysis is None and not window._unchecked, timeout=20_000)


def _fresh_formats(text: str) -> list:
    """The colours of ``text`` coloured from scratch, in a pane of its own."""
    from designer.gui.highlight import block_formats

    pane = SourcePane()
    pane.show_file("fresh.plugin.js", text, read_only=False)
    while not pane.editor.colouring_done():
        QCoreApplication.processEvents()
    return block_formats(pane.editor.document())


def _words_pane(qtbot) -> tuple[SourcePane, str]:
    """A pane showing 3,000 lines, two of each three with the word 'word' three times, coloured."""
    lines = [f"var word{i} = 'word'; // word {i}" if i % 3 else f"/* plain {i} */ call(other);" for i in range(3_000)]
    text = "\n".join(lines) + "\n"
    return _shown_pane(qtbot, text), text


def _opened_pane(qtbot, text: str, name: str = "big.plugin.js") -> SourcePane:
    """A pane showing ``text`` as the file ``name``, just opened (its colouring still to come)."""
    pane = SourcePane()
    qtbot.addWidget(pane)
    pane.resize(800, 600)
    pane.show()
    pane.show_file(name, text, read_only=False)
    return pane


def _shown_pane(qtbot, text: str, name: str = "big.plugin.js") -> SourcePane:
    """A pane showing ``text`` as the file ``name``, all of it coloured."""
    pane = _opened_pane(qtbot, text, name)
    qtbot.waitUntil(pane.editor.colouring_done, timeout=20_000)
    return pane


def test_replace_all_changes_only_the_matches_and_colours_their_lines_afterwards(qtbot, monkeypatch) -> None:
    """Replace all took the text from the first match to the last as one new text: Qt built every
    line in between again and the highlighter went over all of them in the same stall (10 s on a
    100,000-line library), the lines off screen left without colours. Now the lines without a
    match keep theirs, and the changed lines are coloured afterwards as a colouring from scratch
    would colour them."""
    from designer.gui.highlight import block_formats

    pane, text = _words_pane(qtbot)
    editor = pane.editor
    before = block_formats(editor.document())
    bar = pane.find_bar
    bar.open(True)
    # A replacement that changes what the lines after it are: a backtick opens a template string,
    # the next one closes it, so lines change colours without a match on them.
    bar.find_edit.setText("word")
    bar.replace_edit.setText("w`o")
    edits: list[str] = []
    real = QTextCursor.insertText
    monkeypatch.setattr(QTextCursor, "insertText", lambda self, new: edits.append(new) or real(self, new))
    assert bar.replace_all() == 2_000 * 3
    assert len(edits) == 2_000  # one edit per line (each lays the line out again: minified code has one line)
    assert editor.shown_text() == text.replace("word", "w`o")
    now = block_formats(editor.document())
    unmatched = range(0, 3_000, 3)
    assert [now[i] for i in unmatched] == [before[i] for i in unmatched]  # not rebuilt: colours kept
    qtbot.waitUntil(editor.colouring_done, timeout=20_000)
    assert block_formats(editor.document()) == _fresh_formats(editor.shown_text())


def test_brackets_are_not_matched_on_a_line_too_long_to_colour(qtbot) -> None:
    """Minified code: matching the bracket at the cursor read the whole line (megabytes) at each
    keystroke and repainted it marked; on an ordinary line of the same file they are matched."""
    from designer.gui.highlight import LONG_LINE

    body = "".join(f"f{i}(a[{i}]);" for i in range(LONG_LINE // 8))
    text = "var short = (1 + 2);\n(function(){" + body + "})();\n"
    pane = SourcePane()
    qtbot.addWidget(pane)
    pane.show()
    pane.show_file("min.plugin.js", text, read_only=False)
    editor = pane.editor
    qtbot.waitUntil(editor.colouring_done)

    def marked_brackets(pos: int) -> list[int]:
        cursor = editor.textCursor()
        cursor.setPosition(pos)
        editor.setTextCursor(cursor)
        return sorted(
            s.cursor.selectionStart()
            for s in editor.extraSelections()
            if s.format.background().color().name() == "#c8e6c9"
        )

    assert marked_brackets(text.index("(")) == [text.index("("), text.index(")")]  # the short line: matched
    long_start = text.index("\n") + 1
    assert marked_brackets(long_start) == []  # the long line's "(" and its partner at the end: not marked


def test_taking_back_a_replace_all_colours_the_lines_afterwards(qtbot, monkeypatch) -> None:
    """The window's undo of a Replace all puts the old text back (replace_text): the highlighter
    lexed and went over every line of it in that stall. They are coloured afterwards, as from scratch."""
    from designer.gui import highlight

    pane, text = _words_pane(qtbot)
    editor = pane.editor
    pane.find_bar.open(True)
    pane.find_bar.find_edit.setText("word")
    pane.find_bar.replace_edit.setText("w`o")
    pane.find_bar.replace_all()
    qtbot.waitUntil(editor.colouring_done, timeout=20_000)
    lexed: list[str] = []
    language = highlight.language_for("x.js")
    real = language.lex_line
    monkeypatch.setattr(language, "lex_line", lambda line, state: lexed.append(line) or real(line, state))
    editor.replace_text(text)  # what the window's undo does
    assert lexed == [] and editor.shown_text() == text
    qtbot.waitUntil(editor.colouring_done, timeout=20_000)
    assert highlight.block_formats(editor.document()) == _fresh_formats(text)


def _chars_on_show(editor) -> tuple[int, int]:
    from PySide6.QtCore import QPoint

    view = viewport_of(editor)
    last = QPoint(view.width() - 1, view.height() - 1)
    return editor.cursorForPosition(QPoint(0, 0)).position(), editor.cursorForPosition(last).position()


def _minified_pane(qtbot) -> tuple[SourcePane, str]:
    """A pane showing a minified file: one wrapped line of 100,000 characters with "mark" every 50,
    coloured and painted (Qt has laid the line out). The pane and the line."""
    line = ("mark" + "." * 46) * 2_000
    pane = _shown_pane(qtbot, line + "\n", "min.plugin.js")
    assert pane.editor.lineWrapMode() == pane.editor.LineWrapMode.WidgetWidth
    QCoreApplication.processEvents()
    return pane, line


def test_find_marks_and_markers_in_a_minified_line_cover_the_view_and_follow_it(qtbot) -> None:
    """A minified file is one line: near the view, counted in lines, was the whole file, and typing a
    word in the find bar made 2,000 marks in a 2 MB line (0.5-1.9 s, and closing the bar 0.3 s)."""
    pane, line = _minified_pane(qtbot)
    editor = pane.editor
    pane.find_bar.open(False)
    qtbot.keyClicks(pane.find_bar.find_edit, "mark")
    pane.find_bar.update_count()
    assert pane.find_bar.count.text() == "2000 matches"

    def marked() -> list[int]:
        return sorted(
            s.cursor.selectionStart()
            for s in editor.extraSelections()
            if s.format.background().color().name() == "#fce8a0"
        )

    def check_view() -> None:
        QCoreApplication.processEvents()
        top, bottom = _chars_on_show(editor)
        shown = marked()
        assert {at for at in range(0, len(line), 50) if top <= at <= bottom} <= set(shown)
        assert shown and bottom - top < 20_000
        # (the rows on show and some above and below; not the line's 2,000)
        assert shown[0] >= top - 20_000 and shown[-1] <= bottom + 20_000, (top, bottom, shown[0], shown[-1])

    check_view()
    scroll = editor.verticalScrollBar()
    for value in (scroll.maximum() // 2, scroll.maximum() // 2 + 30, scroll.maximum()):
        scroll.setValue(value)  # (dragged)
        check_view()
    assert pane.find_bar.count.text() == "2000 matches"
    # Problem markers in such a line: only those near the view are underlined.
    pane.find_bar.close_bar()
    editor.set_markers([Marker(1, column, f"PD000: at {column}") for column in range(1, len(line), 50)])
    QCoreApplication.processEvents()
    top, bottom = _chars_on_show(editor)
    underlined = sorted(
        s.cursor.selectionStart()
        for s in editor.extraSelections()
        if s.format.hasProperty(QTextFormat.Property.TextUnderlineStyle)
    )
    assert {at for at in range(0, len(line), 50) if top <= at <= bottom} <= set(underlined)
    assert underlined[0] >= top - 20_000 and len(underlined) < 1_000
    scroll.setValue(0)
    QCoreApplication.processEvents()
    top, bottom = _chars_on_show(editor)
    assert top == 0 and bottom > 0
    underlined = [
        s.cursor.selectionStart()
        for s in editor.extraSelections()
        if s.format.hasProperty(QTextFormat.Property.TextUnderlineStyle)
    ]
    assert {at for at in range(0, len(line), 50) if at <= bottom} <= set(underlined)


def test_the_markers_of_a_minified_line_read_its_text_once(qtbot, monkeypatch) -> None:
    """Each problem marker read its line's text (and measured it in UTF-16 up to the marker): on a
    2 MB minified line, 3 ms a marker, half a second for the ones near the view."""
    from PySide6.QtGui import QTextBlock

    pane = SourcePane()
    qtbot.addWidget(pane)
    pane.resize(800, 600)
    pane.show()
    line = ("bad" + "." * 47) * 2_000 + "\U0001f600x"  # (an emoji: two UTF-16 units)
    pane.show_file("min.plugin.js", line + "\n", read_only=False)
    editor = pane.editor
    qtbot.waitUntil(editor.colouring_done)
    QCoreApplication.processEvents()
    reads: list[int] = []
    real = QTextBlock.text
    monkeypatch.setattr(QTextBlock, "text", lambda block: reads.append(block.blockNumber()) or real(block))
    editor.set_markers([Marker(1, column, f"PD000: at {column}") for column in range(1, 5_000, 50)])
    assert reads.count(0) <= 2
    underlined = sorted(
        (s.cursor.selectionStart(), s.cursor.selectionEnd())
        for s in editor.extraSelections()
        if s.format.hasProperty(QTextFormat.Property.TextUnderlineStyle)
    )
    assert underlined[:2] == [(0, 3), (50, 53)]  # (the word at each marker)
    # After the emoji, a marker's place counts it as two units, as Qt does.
    monkeypatch.undo()
    editor.set_markers([Marker(1, len(line), "PD000: the last")])
    editor.moveCursor(QTextCursor.MoveOperation.End)
    QCoreApplication.processEvents()
    (sel,) = [s for s in editor.extraSelections() if s.format.hasProperty(QTextFormat.Property.TextUnderlineStyle)]
    assert (sel.cursor.selectionStart(), sel.cursor.selectionEnd()) == (len(line), len(line) + 1)


def test_replace_all_in_a_minified_line_leaves_laying_it_out_to_the_paint(qtbot) -> None:
    """Marking the matches again right after Replace all had Qt lay the edited line out at once to
    find the rows of the old marks and the new (0.4 s on 2 MB), in the same turn as the replacing:
    the paint lays it out in a turn of its own, and the marks follow it."""
    pane, line = _minified_pane(qtbot)
    editor = pane.editor
    bar = pane.find_bar
    bar.open(True)
    qtbot.keyClicks(bar.find_edit, "mark")
    qtbot.keyClicks(bar.replace_edit, "marks")
    assert bar.replace_all() == 2_000
    assert bar.count.text() == "replaced in 2000 places (2000 matches now)"
    assert editor.document().firstBlock().layout().lineCount() == 0  # (not laid out by the marks)
    qtbot.waitUntil(lambda: not editor._marks_waiting and not editor._marks_after_paint.isActive())
    QCoreApplication.processEvents()
    top, bottom = _chars_on_show(editor)
    marked = {
        s.cursor.selectionStart() for s in editor.extraSelections() if s.format.background().color().name() == "#fce8a0"
    }
    assert {at for at in range(0, 2_000 * 51, 51) if top <= at <= bottom} <= marked
    assert editor.toPlainText() == line.replace("mark", "marks") + "\n"


@pytest.mark.parametrize(
    ("find", "replace", "python", "regex"),
    [
        # A line break in the new text: the line it breaks is coloured again too.
        (r"'(\w+)'", r"\n'$1'", r"\n'\1'", True),
        # ... and a backtick that opens a template string running on over the lines below: new lines
        # among coloured ones, each run of colouring cut short by its time (a run that settled
        # left the new lines after it uncoloured, and moved the limit back over coloured ones).
        (r"'(\w+)'", r"\n`$1", r"\n`\1", True),
        # Matches across lines: the lines joined (the file one line shorter for each).
        (r"\+\n/\*", "+ /*", "+ /*", True),
        # A character of two UTF-16 units in the new text, after one in the lines.
        ("word", "w\U0001f600rd", "w\U0001f600rd", False),
        # The same text for every match of an expression that has groups (no $1 in the replacement).
        (r"wo(r)d", "w`o", "w`o", True),
        # A Windows line break (\r\n: two characters, one line break in the editor), by expression
        # and pasted: the matches after the first were each replaced one more character further on.
        (r"'(\w+)'", r"\r\n'$1'", r"\n'\1'", True),
        ("word", "a\r\nb", "a\nb", False),
    ],
)
def test_replace_all_with_line_breaks_and_wide_characters_colours_as_from_scratch(
    qtbot, find: str, replace: str, python: str, regex: bool
) -> None:
    """Replace all asks Qt only where a span's new text has a line break in it which lines it
    changed (three calls into Qt per span were most of its time in a 100,000-line file). Lines
    broken, joined, and written with an emoji before and in the new text: the text is what
    Python's own replacement gives, and the lines are coloured as a fresh colouring colours them."""
    import re

    from designer.gui.highlight import block_formats

    lines = []
    for i in range(1_500):
        if i % 3 == 0:
            lines.append(f"/* plain {i} \U0001f600 */ call(other);")
        elif i % 3 == 1:
            lines.append(f"var word{i} = '\U0001f600word' + 'word'; // word {i}")
        else:
            lines.append(f"let x{i} = word +")
    text = "\n".join(lines) + "\n"
    pane = _shown_pane(qtbot, text)
    bar = pane.find_bar
    bar.open(True)
    bar.regex.setChecked(regex)
    bar.find_edit.setText(find)
    bar.replace_edit.setText(replace)
    pattern = re.compile(find if regex else re.escape(find), re.IGNORECASE | re.MULTILINE)
    expected, count = pattern.subn(python, text)
    assert count > 400
    assert bar.replace_all() == count
    assert pane.editor.shown_text() == expected
    qtbot.waitUntil(pane.editor.colouring_done, timeout=20_000)
    assert block_formats(pane.editor.document()) == _fresh_formats(expected)


def test_the_marks_of_a_minified_line_follow_a_zoom_and_a_resize(qtbot) -> None:
    """Ctrl+- or a wider window puts other text on the rows on show at the same scroll position: the
    find marks and problem markers, made for the text on show before, were missing from the view
    until it was scrolled."""
    pane, line = _minified_pane(qtbot)
    editor = pane.editor
    pane.find_bar.open(False)
    qtbot.keyClicks(pane.find_bar.find_edit, "mark")
    pane.find_bar.update_count()
    editor.set_markers([Marker(1, column, f"PD000: at {column}") for column in range(1, len(line), 50)])
    editor.verticalScrollBar().setValue(editor.verticalScrollBar().maximum() // 2)

    def check_view() -> None:
        for _ in range(5):
            QCoreApplication.processEvents()
        top, bottom = _chars_on_show(editor)
        on_show = {at for at in range(0, len(line), 50) if top <= at <= bottom - 4}
        marked = {s.cursor.selectionStart() for s in editor.extraSelections() if s.format.background().style()}
        underlined = {
            s.cursor.selectionStart()
            for s in editor.extraSelections()
            if s.format.hasProperty(QTextFormat.Property.TextUnderlineStyle)
        }
        assert on_show and on_show <= marked and on_show <= underlined

    check_view()
    editor.setFocus()
    for _ in range(3):
        qtbot.keyClick(editor, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    check_view()
    pane.resize(1400, 900)
    check_view()


def test_undo_of_a_replace_all_of_a_rare_word_changes_only_its_lines(qtbot, monkeypatch) -> None:
    """The window's undo and redo of a Replace all (replace_text) put in the whole text from the first
    change to the last, Qt building every line between again (0.5 s in a 100,000-line library for a
    word on 1,250 lines): now only the changed part of each changed line. The file comes back byte for
    byte, the cursor on an unchanged line stays put, and the colours come out as a fresh colouring,
    also when a change opens a template string over the lines after it."""
    from designer.gui.highlight import block_formats

    lines = [
        f"var name{i} = 'word'; // note {i}" if i % 50 == 7 else f"call(other, {i}); // plain" for i in range(3_000)
    ]
    old = "\r\n".join(lines) + "\r\n"  # (the file's own line endings come back too)
    new = old.replace("'word'", "`wo'")
    pane = _opened_pane(qtbot, old)
    editor = pane.editor
    qtbot.waitUntil(editor.colouring_done, timeout=20_000)
    cursor = editor.textCursor()
    cursor.setPosition(editor.document().findBlockByNumber(1_500).position() + 5)
    editor.setTextCursor(cursor)
    edits: list[str] = []
    real = QTextCursor.insertText
    monkeypatch.setattr(QTextCursor, "insertText", lambda self, new: edits.append(new) or real(self, new))
    for text, piece in ((new, "`wo"), (old, "'word")):
        edits.clear()
        editor.replace_text(text)  # what the window's undo and redo do
        assert edits == [piece] * 60 and editor.text() == text
        assert (editor.textCursor().blockNumber(), editor.textCursor().positionInBlock()) == (1_500, 5)
        qtbot.waitUntil(editor.colouring_done, timeout=20_000)
        assert block_formats(editor.document()) == _fresh_formats(text.replace("\r\n", "\n"))


def test_undo_of_a_replace_all_on_close_lines_puts_the_range_in_at_once(qtbot, monkeypatch) -> None:
    """Changed lines close together (a word on every other line) go in as one range: one edit per
    line costs Qt more there than building all the lines between again."""
    pane, text = _words_pane(qtbot)
    editor = pane.editor
    new = text.replace("'word'", "'other'")
    edits: list[str] = []
    real = QTextCursor.insertText
    monkeypatch.setattr(QTextCursor, "insertText", lambda self, new: edits.append(new) or real(self, new))
    editor.replace_text(new)
    assert len(edits) == 1 and editor.text() == new


@pytest.mark.parametrize("edit", ["lines deleted above", "line breaks typed above", "replace all adding lines"])
def test_edits_above_the_colouring_in_progress_leave_no_line_with_wrong_colours(qtbot, edit: str) -> None:
    """A file is coloured in batches from the top, each from the line where the last one stopped,
    which was kept as a number while lines came and went above it. Lines deleted above it pulled
    lines not coloured yet under it: the next batch began below them, and they stayed without
    colours for good. Lines put in above it (Enter, a Replace all adding lines) pushed coloured
    lines past it: the next batch stopped on its first line, which kept its state, leaving the
    lines up to the next batch uncoloured and those Replace all had changed in their old colours."""
    from designer.gui.highlight import block_formats

    text = "".join(f"    /* helper {i}\n     */\n    var value{i} = 'text {i}'; // line {i}\n" for i in range(1_000))
    pane = _opened_pane(qtbot, text)
    editor = pane.editor
    hl = editor.highlighter
    while hl.language is None or hl.limit is not None and hl.limit < 1_200:  # (batch by batch)
        QCoreApplication.processEvents()
    assert hl.limit is not None and hl.limit < 2_500  # coloured down to there, the rest to come
    editor.setFocus()
    if edit == "replace all adding lines":
        bar = pane.find_bar
        bar.open(True)
        bar.find_edit.setText("/* helper")
        bar.replace_edit.setText("/*x\nhelper")
        assert bar.replace_all() == 1_000
        assert editor.document().blockCount() == 4_001
    else:
        cursor = editor.textCursor()
        cursor.setPosition(editor.document().findBlockByNumber(500).position())
        if edit == "lines deleted above":  # lines 501 to 600, selected as a user does
            cursor.setPosition(editor.document().findBlockByNumber(600).position(), QTextCursor.MoveMode.KeepAnchor)
        editor.setTextCursor(cursor)
        for _ in range(1 if edit == "lines deleted above" else 100):
            qtbot.keyClick(editor, Qt.Key.Key_Delete if edit == "lines deleted above" else Qt.Key.Key_Return)
        assert editor.document().blockCount() == (2_901 if edit == "lines deleted above" else 3_101)
    qtbot.waitUntil(editor.colouring_done, timeout=20_000)
    assert block_formats(editor.document()) == _fresh_formats(editor.shown_text())


def test_replace_all_on_every_line_is_one_edit_keeping_the_cursor_and_the_view(qtbot, monkeypatch) -> None:
    """Replace all with ``$2$1`` on every line of a library: an edit per line (1.7 s of Qt's work on
    100,000 lines, and re reading the replacement again at each match, 6 s more) and the colours
    took 40 s to come back. Now one edit, one step, the cursor on the same text and the same lines
    on show, coloured afterwards as from scratch."""
    import re

    from designer.gui.highlight import block_formats

    text = "".join(f"    var value{i} = '{i}'; // line {i}\n" for i in range(3_000))
    pane = _shown_pane(qtbot, text)
    editor = pane.editor
    editor.go_to_line(2_001)
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.MoveAnchor, len("    var valu"))
    editor.setTextCursor(cursor)
    top = editor.verticalScrollBar().value()
    assert top > 1_000
    bar = pane.find_bar
    bar.open(True)
    bar.regex.setChecked(True)
    bar.find_edit.setText(r"(\w+?)(\d+) =")
    bar.replace_edit.setText("$2_$1 =")
    edits: list[str] = []
    real = QTextCursor.insertText
    monkeypatch.setattr(QTextCursor, "insertText", lambda self, new: edits.append(new) or real(self, new))
    steps: list[str | None] = []
    editor.sig_edited.connect(lambda: steps.append(editor.edit_label))
    bar.replace_all()  # (found in stretches of the text, then replaced at once)
    qtbot.waitUntil(lambda: bar._replacing is None)
    expected = re.sub(r"(\w+?)(\d+) =", r"\2_\1 =", text)
    assert editor.shown_text() == expected
    assert len(edits) == 1
    assert steps == ["Replace '(\\w+?)(\\d+) =' with '$2_$1 =' (3000 places)"]
    cursor = editor.textCursor()
    assert cursor.blockNumber() == 2_000 and cursor.block().text().startswith("    var 2000_value =")
    assert cursor.positionInBlock() == len("    var ")  # (it was inside the match: now at its start)
    assert editor.verticalScrollBar().value() == top
    qtbot.waitUntil(editor.colouring_done, timeout=20_000)
    assert block_formats(editor.document()) == _fresh_formats(expected)


def _found_marks(editor) -> list[int]:
    """The lines (0-based) with a find mark (the light theme's mark colour)."""
    return sorted(
        s.cursor.blockNumber() for s in editor.extraSelections() if s.format.background().color().name() == "#fce8a0"
    )


def test_a_word_found_everywhere_in_a_big_file_is_counted_while_the_user_types(qtbot) -> None:
    """The first key typed in the find box of a 100,000-line file took about 0.6 s: its 62,500
    matches were all counted and marked before the key showed. Now the matches on show are marked
    at once, the bar says "5000+ matches" while it counts the rest a slice at a time, and the count,
    Enter's "k of n" and the marks come right in the end; an edit meanwhile is counted too."""
    pane = SourcePane()
    qtbot.addWidget(pane)
    pane.resize(800, 600)
    pane.show()
    qtbot.waitExposed(pane)
    pane.show_file("big.plugin.js", "lock(1); lock(2);\n" * 6_000, read_only=False)
    editor = pane.editor
    editor.go_to_line(3_001)  # (the middle: not among the first matches counted)
    bar = pane.find_bar
    bar.open(False)
    qtbot.keyClicks(bar.find_edit, "lock")
    assert bar.count.text() == "5000+ matches"
    top = editor.firstVisibleBlock().blockNumber()
    assert 2_900 < top < 3_000 and set(range(top, top + 10)) <= set(_found_marks(editor))
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return)  # the next match after the cursor
    assert (editor.textCursor().blockNumber(), editor.textCursor().selectedText()) == (3_000, "lock")
    qtbot.waitUntil(lambda: bar.count.text() == "6001 of 12000 matches")
    # Text typed in the file while the bar counts: the count that follows takes it in.
    bar.find_edit.setText("lock(")
    assert bar.count.text() == "5000+ matches"
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, "lock(3)")
    qtbot.waitUntil(lambda: bar.count.text() == "12001 matches")
    editor.verticalScrollBar().setValue(editor.verticalScrollBar().maximum())
    QCoreApplication.processEvents()
    assert 6_000 in _found_marks(editor)
    # Replace all says what is left at once, counted whole.
    bar.open(True)
    bar.replace_edit.setText("open(")
    assert bar.replace_all() == 12001
    assert bar.count.text() == "replaced in 12001 places"
    # Enter while counting, then the cursor moved away before the count ends: no "k of n" for it.
    qtbot.waitUntil(lambda: not bar._recount.isActive())  # (Replace all's edit counted again first)
    bar.find_edit.setText("open")
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return)
    assert bar.count.text() == "5000+ matches"
    qtbot.keyClick(editor, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: bar.count.text() == "12001 matches")


def test_in_selection_ticked_with_nothing_selected_says_so_in_a_big_file_too(qtbot) -> None:
    """The count of a word with many matches, going on after the key, wrote over "select the lines
    to search in first" at once."""
    pane = SourcePane()
    qtbot.addWidget(pane)
    pane.resize(800, 600)
    pane.show()
    pane.show_file("big.plugin.js", "lock(1); lock(2);\n" * 6_000, read_only=False)
    bar = pane.find_bar
    bar.open(False)
    qtbot.keyClicks(bar.find_edit, "lock")
    bar.in_selection.click()
    qtbot.waitUntil(lambda: not bar._count_next.isActive())  # (the count done, had it gone on)
    assert not bar.in_selection.isChecked() and bar.count.text() == "select the lines to search in first"


def test_the_colours_coming_in_do_not_make_the_find_bar_count_again(qtbot) -> None:
    """Lines coloured in idle time told the bar the text had changed: once the colouring ended it
    counted the whole file again (0.4 s in a 100,000-line file) and its "1 of n" went."""
    pane = SourcePane()
    qtbot.addWidget(pane)
    pane.resize(800, 600)
    pane.show()
    pane.show_file("big.plugin.js", "lock(1); lock(2);\n" * 6_000, read_only=False)
    editor = pane.editor
    bar = pane.find_bar
    bar.open(False)
    qtbot.keyClicks(bar.find_edit, "lock")
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bar.count.text() == "1 of 12000 matches")
    editor.verticalScrollBar().setValue(editor.verticalScrollBar().maximum() // 2)  # (more lines to colour)
    qtbot.waitUntil(editor.colouring_done, timeout=20_000)
    assert not bar._recount.isActive()  # (no count again on its way)
    assert bar.count.text() == "1 of 12000 matches"


def test_a_regular_expression_in_a_big_file_is_counted_a_slice_at_a_time_as_plain_text_is(qtbot) -> None:
    """Typing a regular expression in the find box of a big file held the window until the whole
    text was searched (``[a-z]+Zq`` in a 100,000-line file: 0.3 s a key); text searched for as
    written went a slice at a time. Now an expression that cannot match a line break goes the same
    way, and one that can (``\\s+$``) too, its slices cut after a character it cannot match (";")."""
    pane = SourcePane()
    qtbot.addWidget(pane)
    pane.resize(800, 600)
    pane.show()
    text = "var value = lock(1);\n" * 40_000 + "lockdown(2);  \n"
    pane.show_file("big.plugin.js", text, read_only=False)
    bar = pane.find_bar
    bar.open(False)
    bar.regex.setChecked(True)
    qtbot.keyClicks(bar.find_edit, r"lock\w+")
    assert bar.count.text() == "counting…"  # (the key shown before the whole text was searched)
    qtbot.waitUntil(lambda: bar.count.text() == "1 match")
    bar.find_edit.setText(r"\s+$")  # (a match may take in line breaks, not a ";")
    assert bar.count.text() == "counting…"
    qtbot.waitUntil(lambda: bar.count.text() == "1 match")


@pytest.mark.parametrize(
    ("expression", "within"),
    [
        *(
            (e, True)
            for e in (r"\w+", r"^\w", r"\);$", r"(?<=\n)v", r"a(?=r)|\bk\b", r"[^\n]{3}$", r"\d*", r"(?<=\n)\Z")
        ),
        *(
            (e, False)
            for e in (
                r"(?s)2\);.",
                r"\s+v",
                "[^a]{9}",
                r"1;(?=\n\n)",
                r"[\x00-\x7f]x",
                r"(?:(?s:.))b",
                r"(?-m:1;$)",
                r"(?<=(?-m:;$))",
            )
        ),
    ],
)
def test_a_regular_expression_counted_in_slices_finds_what_one_search_finds(expression: str, within: bool) -> None:
    """Slices that end at a line break change nothing: the count is that of one search of the text."""
    import re

    from designer.gui.panes import source_editor

    text = "var a = 1;\n\nvar kb = 2;\nx\n" * 5 + "end"
    pat = re.compile(expression, re.MULTILINE)
    assert ("\n" in source_editor.slice_cuts(pat)) == within  # (it cannot take in a line break)
    units = source_editor._Utf16Offsets(text)
    counting = source_editor._Counting(pat, text, units, 0, len(text), 7 if within else None)
    while not counting.step(3):
        pass
    assert counting.spans == [m.span() for m in pat.finditer(text)]


def test_a_minified_line_is_counted_a_slice_at_a_time(qtbot) -> None:
    """A 2 MB line was one slice: "counting…" was not shown before all of it had been searched."""
    pane = SourcePane()
    qtbot.addWidget(pane)
    pane.show()
    pane.show_file("min.plugin.js", "/* bundle */\n" + "if(a.load){b=call(e,1)};" * 80_000 + "\n", read_only=False)
    bar = pane.find_bar
    bar.open(False)
    bar.regex.setChecked(True)
    qtbot.keyClicks(bar.find_edit, r"[a-z]+Zq")
    assert bar.count.text() == "counting…"
    qtbot.waitUntil(lambda: bar.count.text() == "0 matches")


@pytest.mark.parametrize(
    ("expression", "cuts"),
    [
        (r"\w+", "\n;,}) "),
        (r"[a-z]+Zq", "\n;,}) "),
        (r"\b", "\n;,}) "),
        (r"(?<=;)b\b", "\n;,}) "),
        (r"\d*", "\n;,}) "),
        (r"a(?=,)", "\n;}) "),
        (r"a(?!;)", "\n,}) "),
        (r"[^;]+", ";"),
        (r"\S+", "\n "),
        (r"\W", ""),
        (r"e\s", ";,})"),
        (r"\s+$", ";,})"),
        (r"(\w+)\s*=\s*\1;", ",})"),
        (r"call\(e,\d\)", "\n;} "),
        (r"(?s:.)", ""),
        (r".", "\n"),
        (r"(?-m:;$)", ",}) "),
        (r"(?-m:\s*$)", ";,})"),
        (r"\bend\Z", "\n;,}) "),
        (r"[\x00-\x2f]+", ";}"),
    ],
)
def test_a_text_cut_after_what_no_match_takes_in_finds_what_one_search_finds(expression: str, cuts: str) -> None:
    import re

    from designer.gui.panes import source_editor

    text = "x\n" + "if(a.load){b=call(e,1)}; a;b(c, 22); e = e;  \n" * 9 + "\n\nend"
    pat = re.compile(expression, re.MULTILINE)
    assert source_editor.slice_cuts(pat) == cuts
    units = source_editor._Utf16Offsets(text)
    counting = source_editor._Counting(pat, text, units, 0, len(text), 5, cuts)
    steps = 1
    while not counting.step(3):
        steps += 1
    assert counting.spans == [m.span() for m in pat.finditer(text)]
    assert cuts in ("", "\n") or steps > 10  # (cut many times)


def test_a_minified_line_on_show_is_not_searched_whole_for_its_marks_at_each_key(qtbot) -> None:
    """With the 2 MB line on show, its marks were looked for in all of it at each key typed (the
    lines on show are all of it): [a-z]+Zq held the window as long as before it was counted in slices."""
    pane = SourcePane()
    qtbot.addWidget(pane)
    pane.resize(800, 600)
    pane.show()
    line = "if(a.load){b=call(e,1)};" * 80_000 + "endZq;"
    pane.show_file("min.plugin.js", line + "\n", read_only=False)
    bar = pane.find_bar
    bar.open(False)
    bar.regex.setChecked(True)
    qtbot.keyClicks(bar.find_edit, r"[a-z]+Zq")
    assert bar.count.text() == "counting…"
    assert pane.editor._found == []  # (its one match, at the line's end, not found yet)
    qtbot.waitUntil(lambda: bar.count.text() == "1 match")
    assert pane.editor._found == [(len(line) - 6, len(line) - 1)]


def test_replace_all_of_many_matches_finds_them_in_slices_then_makes_one_edit(qtbot) -> None:
    """Replace all of the 400,000 letters of a 10,000-line file with ``$1$1`` held the window 1.7 s,
    finding them all and working out each one's new text. Now they are found a slice per turn of the
    event loop, the bar saying so, then replaced in one edit, one undo step, exactly."""
    import re

    text = "".join(f"  v{i} = f(a);\n" for i in range(10_000))
    pane = _shown_pane(qtbot, text)
    editor, bar = pane.editor, pane.find_bar
    bar.open(True)
    bar.regex.setChecked(True)
    bar.find_edit.setText(r"(\w)")
    bar.replace_edit.setText("$1$1")
    steps: list[str | None] = []
    editor.sig_edited.connect(lambda: steps.append(editor.edit_label))
    assert bar.replace_all() == 0  # (not yet)
    assert bar.count.text().startswith("replacing… (20000 matches found)")
    assert editor.shown_text() == text
    expected = re.sub(r"(\w)", r"\1\1", text)
    qtbot.waitUntil(lambda: editor.shown_text() == expected, timeout=20_000)
    n = len(re.findall(r"\w", text))
    assert steps == [f"Replace '(\\w)' with '$1$1' ({n} places)"]
    qtbot.waitUntil(lambda: bar.count.text() == f"replaced in {n} places ({2 * n} matches now)", timeout=20_000)


def test_typing_while_replace_all_finds_its_matches_stops_it(qtbot) -> None:
    """The text Replace all read is no longer the text once typed in: nothing is replaced then."""
    text = "".join(f"  v{i} = f(a);\n" for i in range(10_000))
    pane = _shown_pane(qtbot, text)
    editor, bar = pane.editor, pane.find_bar
    bar.open(True)
    bar.regex.setChecked(True)
    bar.find_edit.setText(r"\w")
    bar.replace_edit.setText("x")
    assert bar.replace_all() == 0
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.keyClicks(editor, "// ")
    qtbot.waitUntil(lambda: not bar._recount.isActive() and bar._counting is None, timeout=20_000)
    assert editor.shown_text() == "// " + text
    assert not bar.count.text().startswith("replac")


class _Tally:
    """A compiled expression that counts the matches it hands out (a stand-in for bar.pattern())."""

    def __init__(self, pat) -> None:
        self.pat, self.pattern, self.flags, self.handed = pat, pat.pattern, pat.flags, 0

    def finditer(self, *args):
        for m in self.pat.finditer(*args):
            self.handed += 1
            yield m

    def match(self, *args):
        self.handed += 1
        return self.pat.match(*args)

    def search(self, *args):
        self.handed += 1
        return self.pat.search(*args)


def test_enter_near_the_end_of_a_big_file_looks_at_the_matches_near_the_cursor_only(qtbot, monkeypatch) -> None:
    """Enter (and Shift+Enter) went through every match from the top of the file to the cursor:
    600,000 of them for ``e`` near the end of a 10,000-line file. Now it searches from the line it
    is on (and back line by line), the bar saying which match as before."""
    text = "".join(f"  let e{i} = e(e, e, e, e, e, e, e, e, e, e, e, e, e);\n" for i in range(10_000))
    pane = _shown_pane(qtbot, text)
    editor, bar = pane.editor, pane.find_bar
    bar.open(False)
    bar.find_edit.setText("e")
    qtbot.waitUntil(lambda: bar._counting is None, timeout=20_000)
    n = text.count("e")
    assert bar.count.text() == f"{n} matches"
    tally = _Tally(bar.pattern())
    monkeypatch.setattr(bar, "pattern", lambda: tally)
    editor.go_to_line(9_990)
    bar.find()
    at = editor.textCursor().selectionStart()
    assert at == text.index("e", editor.document().findBlockByNumber(9_989).position())
    assert bar.count.text() == f"{text.count('e', 0, at) + 1} of {n} matches"
    bar.find(backward=True)
    assert editor.textCursor().selectionStart() == text.rindex("e", 0, at)
    assert bar.count.text() == f"{text.count('e', 0, at)} of {n} matches"
    editor.moveCursor(QTextCursor.MoveOperation.End)
    bar.find()  # (round the end: the first one)
    assert editor.textCursor().selectionStart() == text.index("e")
    assert bar.count.text() == f"1 of {n} matches (from the top again)"
    bar.find(backward=True)  # (round the start: the last one)
    assert editor.textCursor().selectionStart() == text.rindex("e")
    assert bar.count.text() == f"{n} of {n} matches (from the end again)"
    assert tally.handed < 1_000


def test_a_match_on_every_character_is_counted_without_keeping_every_match(qtbot) -> None:
    """``.`` in a big file kept every match's start and span (5 million of each in a 5 MB file,
    some 800 MB). Now the count keeps the marks near the view and a place every so many matches:
    the marks follow the view, and Enter says which match it is on as before."""
    import tracemalloc

    text = "let x = 1;\n" * 50_000
    pane = _shown_pane(qtbot, text)
    editor, bar = pane.editor, pane.find_bar
    bar.open(False)
    bar.regex.setChecked(True)
    tracemalloc.start()
    try:
        bar.find_edit.setText(".")
        qtbot.waitUntil(lambda: bar._counting is None, timeout=60_000)
        kept, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    n = len(text) - text.count("\n")
    assert bar.count.text() == f"{n} matches"
    assert kept < 10_000_000  # (every match kept: some 60 MB)
    assert editor._found[:2] == [(0, 1), (1, 2)]
    editor.go_to_line(40_001)
    line_start = 40_000 * len("let x = 1;\n")
    qtbot.waitUntil(lambda: (line_start, line_start + 1) in editor._found)
    bar.find()
    assert editor.textCursor().selectionStart() == line_start
    assert bar.count.text() == f"{40_000 * 10 + 1} of {n} matches"


def test_another_file_shown_while_replace_all_finds_its_matches_is_left_alone(qtbot) -> None:
    text = "".join(f"  v{i} = f(a);\n" for i in range(10_000))
    pane = _shown_pane(qtbot, text)
    bar = pane.find_bar
    bar.open(True)
    bar.regex.setChecked(True)
    bar.find_edit.setText(r"\w")
    bar.replace_edit.setText("x")
    assert bar.replace_all() == 0
    other = "const w = 1;\n" * 3
    pane.show_file("other.plugin.js", other, read_only=False)
    qtbot.waitUntil(lambda: not bar._replace_next.isActive() and bar._counting is None, timeout=20_000)
    assert pane.editor.shown_text() == other
    pane.show_file("big.plugin.js", text, read_only=False)
    assert pane.editor.shown_text() == text


def test_enter_while_replace_all_finds_its_matches_does_not_stop_it(qtbot) -> None:
    """F3 or Enter in the find box while the bar said "replacing…" stopped Replace all without a word
    (the count it started again took its place): nothing was replaced."""
    import re

    text = "".join(f"  v{i} = f(a);\n" for i in range(10_000))
    pane = _shown_pane(qtbot, text)
    editor, bar = pane.editor, pane.find_bar
    bar.open(True)
    bar.regex.setChecked(True)
    bar.find_edit.setText(r"\w")
    bar.replace_edit.setText("x")
    assert bar.replace_all() == 0
    bar.find_again()
    expected = re.sub(r"\w", "x", text)
    qtbot.waitUntil(lambda: editor.shown_text() == expected, timeout=20_000)


def test_enter_with_an_expression_that_takes_in_any_cut_goes_on_from_the_count(qtbot, monkeypatch) -> None:
    """``\\W`` can take in every character a search goes on after (a line break, ``;``, a space...):
    Enter near the end of a 10,000-line file searched from the top again. Now from the place the
    count noted last before the cursor."""
    import re

    text = "".join(f"  let e{i} = e(e, e);\n" for i in range(10_000))
    pane = _shown_pane(qtbot, text)
    editor, bar = pane.editor, pane.find_bar
    bar.open(False)
    bar.regex.setChecked(True)
    bar.find_edit.setText(r"\W")
    qtbot.waitUntil(lambda: bar._counting is None, timeout=20_000)
    n = len(re.findall(r"\W", text))
    assert bar.count.text() == f"{n} matches"
    tally = _Tally(bar.pattern())
    monkeypatch.setattr(bar, "pattern", lambda: tally)
    editor.go_to_line(9_990)
    bar.find()
    at = editor.document().findBlockByNumber(9_989).position()
    assert editor.textCursor().selectionStart() == at
    before = len(re.findall(r"\W", text[:at]))
    assert bar.count.text() == f"{before + 1} of {n} matches"
    bar.find(backward=True)
    assert editor.textCursor().selectionStart() == at - 1
    assert tally.handed < 5_000


def test_scrolling_past_the_marked_lines_builds_the_marks_once(qtbot, monkeypatch) -> None:
    """Scrolled past the lines whose find marks are drawn, in a file with many matches on every line,
    the editor built its marks again (with the bar's old ones) and then the bar, with the marks near
    the view: twice, some 50-70 ms each time. Now once, with the marks of the lines come on show."""
    text = "".join(f"  let e{i} = e(e, e, e, e, e, e, e, e, e, e);\n" for i in range(5_000))
    pane = _shown_pane(qtbot, text)
    editor, bar = pane.editor, pane.find_bar
    bar.open(False)
    bar.find_edit.setText("e")
    qtbot.waitUntil(lambda: bar._counting is None, timeout=20_000)
    built: list[int] = []
    real = editor._show_selections
    monkeypatch.setattr(editor, "_show_selections", lambda: built.append(1) or real())
    editor.verticalScrollBar().setValue(3_000)
    assert len(built) == 1
    line = editor.document().findBlockByNumber(3_000).position()
    assert (line + 6, line + 7) in editor._found  # (the e of e3000, on show)


def test_a_count_whose_slices_stay_slow_searches_less_then_stops(qtbot, monkeypatch) -> None:
    """An expression slow but not stopped by the time limit held the window up to a second at every
    slice of the count, for as long as it went on. Now a slow slice makes the next ones search fewer
    characters, and slices still slow end the count, the bar saying so; Enter goes on working.
    (A clock on which every slice takes half a second stands in for the slow expression.)"""
    from types import SimpleNamespace

    import designer.gui.panes.source_editor as source_editor

    text = "".join(f"  let e{i} = e(e, e, e, e);\n" for i in range(10_000))
    pane = _shown_pane(qtbot, text)
    editor, bar = pane.editor, pane.find_bar
    ticks = iter(range(1_000_000))
    slow = SimpleNamespace(monotonic=lambda: next(ticks) / 4, perf_counter=source_editor.time.perf_counter)
    monkeypatch.setattr(source_editor, "time", slow)
    bar.open(False)
    bar.regex.setChecked(True)
    bar.find_edit.setText(r"e\(")
    assert bar._counting is not None and bar._counting.chars < source_editor.COUNT_REGEX_CHARS
    qtbot.waitUntil(lambda: bar._counting is None, timeout=20_000)
    said = bar.count.text()
    assert said.endswith("+ matches, too slow to count on")
    assert bar._counted is None and editor._found  # (the marks near the view stay)
    editor.go_to_line(5_001)
    bar.find()
    at = editor.document().findBlockByNumber(5_000).position() + text.split("\n")[5_000].index("e(")
    assert editor.textCursor().selectionStart() == at
    assert bar._counting is None and bar.count.text() == said  # (not counted again, as slow)
    bar.find_edit.setText("")
    assert bar.count.text() == ""


def test_replace_all_of_a_match_on_every_character_keeps_no_list_of_them(qtbot, monkeypatch) -> None:
    """Replace all of ``.`` with ``x`` kept every match (its start, end and new text) until it made
    the edit: some 120 bytes a match, 600 MB for a 5 MB file. Now the new text is built line by line
    as the matches are found: still one edit, one undo step, the text exactly right, the cursor on
    the same text."""
    import re
    import tracemalloc

    text = "let x = 1;\n" * 50_000
    pane = _shown_pane(qtbot, text)
    editor, bar = pane.editor, pane.find_bar
    editor.go_to_line(40_001)
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.MoveAnchor, 4)
    editor.setTextCursor(cursor)
    bar.open(True)
    bar.regex.setChecked(True)
    bar.find_edit.setText(".")
    qtbot.waitUntil(lambda: bar._counting is None, timeout=60_000)
    bar.replace_edit.setText("x")
    steps: list[str | None] = []
    editor.sig_edited.connect(lambda: steps.append(editor.edit_label))
    n = len(text) - text.count("\n")
    expected = re.sub(".", "x", text)
    peaks: list[int] = []  # (up to the edit: the editor's own work on the lines comes after)
    real = editor.replace_shown
    monkeypatch.setattr(
        editor, "replace_shown", lambda *a: peaks.append(tracemalloc.get_traced_memory()[1]) or real(*a)
    )
    tracemalloc.start()
    try:
        bar.replace_all()
        qtbot.waitUntil(lambda: bar._replacing is None, timeout=60_000)
    finally:
        tracemalloc.stop()
    assert editor.shown_text() == expected
    assert len(peaks) == 1 and peaks[0] < 10_000_000  # (every match kept: some 100 MB)
    assert steps == [f"Replace '.' with 'x' ({n} places)"]
    cursor = editor.textCursor()
    assert (cursor.blockNumber(), cursor.positionInBlock()) == (40_000, 4)


def test_a_slow_slice_now_and_then_does_not_end_the_count(qtbot, monkeypatch) -> None:
    """One slow slice among fast ones (the machine busy with other work a moment) ended the count,
    the bar saying it was too slow to count on. Now only slices slow in a row do. (A clock on
    which every other slice takes half a second, the slices as small as they go.)"""
    from itertools import chain, cycle
    from types import SimpleNamespace

    import designer.gui.panes.source_editor as source_editor

    text = "".join(f"  let e{i} = e(e, e, e, e);\n" for i in range(10_000))
    pane = _shown_pane(qtbot, text)
    bar = pane.find_bar
    ticks = chain.from_iterable(cycle([(0, 0), (0, 0.5)]))  # (a slice's start, its end)
    now = [0.0]
    slow = SimpleNamespace(monotonic=lambda: now.__setitem__(0, now[0] + next(ticks)) or now[0])
    slow.perf_counter = source_editor.time.perf_counter
    monkeypatch.setattr(source_editor, "time", slow)
    bar.open(False)
    bar.regex.setChecked(True)
    bar.find_edit.setText(r"e\(")
    qtbot.waitUntil(lambda: bar._counting is None, timeout=20_000)
    assert bar.count.text() == "10000 matches"


def test_the_next_key_of_a_slow_expression_is_counted_in_the_smaller_slices(qtbot, monkeypatch) -> None:
    """The count of each key typed in the find box began with a slice of 100,000 characters, so typing
    a slow expression held the window up to a second a key, the slices made smaller for the rest of
    that count only. Now the next count begins where the last one came to, and grows back once its
    slices are quick. (A clock on which every slice takes a quarter of a second, then a real one.)"""
    from types import SimpleNamespace

    import designer.gui.panes.source_editor as source_editor

    text = "".join(f"  let e{i} = e(e, e, e, e);\n" for i in range(10_000))
    pane = _shown_pane(qtbot, text)
    bar = pane.find_bar
    ticks = iter(range(1_000_000))
    real_time = source_editor.time
    monkeypatch.setattr(
        source_editor, "time", SimpleNamespace(monotonic=lambda: next(ticks) / 4, perf_counter=real_time.perf_counter)
    )
    bar.open(False)
    bar.regex.setChecked(True)
    bar.find_edit.setText(r"e\(")
    qtbot.waitUntil(lambda: bar._counting is None, timeout=20_000)
    steps: list[int | None] = []
    real_step = source_editor._Counting.step
    monkeypatch.setattr(
        source_editor._Counting, "step", lambda self, most: steps.append(self.chars) or real_step(self, most)
    )
    bar.find_edit.setText(r"e\(e")
    assert steps and all(chars == source_editor.SLICE_FLOOR for chars in steps)  # (the marks near the view too)
    monkeypatch.setattr(source_editor, "time", real_time)
    bar.find_edit.setText(r"e\(e,")
    qtbot.waitUntil(lambda: bar._counting is None, timeout=20_000)
    assert bar.count.text() == "10000 matches"
    assert bar._regex_chars > source_editor.SLICE_FLOOR


def test_replace_all_searches_a_stretch_of_the_text_a_turn_as_the_count_does(qtbot) -> None:
    """Replace all searched the whole text at once until it had 20,000 matches: a slow expression
    the count had counted in slices of 25 ms was stopped by the time limit there, the bar saying
    'this expression takes too long: simplify it'. Now a slice searches a stretch of the text as a
    slice of the count does, and replaces what one search would."""
    import re

    text = "".join(f"  let v{i} = f(a, b);\n" for i in range(10_000))
    pane = _shown_pane(qtbot, text)
    editor, bar = pane.editor, pane.find_bar
    bar.open(True)
    bar.regex.setChecked(True)
    bar.find_edit.setText(r"v9\d*(?= )|^$")
    bar.replace_edit.setText("w")
    assert bar.replace_all() == 0  # (1,112 matches: not a slice's 20,000, but a stretch's)
    assert bar.count.text() == "replacing… (111 matches found)"  # (v9, v90… and v900…)
    expected = re.sub(r"v9\d*(?= )|^$", "w", text, flags=re.M)
    qtbot.waitUntil(lambda: editor.shown_text() == expected, timeout=20_000)
    qtbot.waitUntil(lambda: bar.count.text() == "replaced in 1112 places", timeout=20_000)


def test_a_count_too_slow_after_replace_all_says_both_plainly(qtbot, monkeypatch) -> None:
    """After Replace all, a count too slow to go on with said 'replaced in 10000 places (5000+
    matches, too slow to count on now)'. Now what was replaced, then what is left. (A clock on
    which every slice takes a quarter of a second.)"""
    from types import SimpleNamespace

    import designer.gui.panes.source_editor as source_editor

    text = "".join(f"  let e{i} = e(e, e, e, e);\n" for i in range(10_000))
    pane = _shown_pane(qtbot, text)
    bar = pane.find_bar
    ticks = iter(range(1_000_000))
    slow = SimpleNamespace(monotonic=lambda: next(ticks) / 4, perf_counter=source_editor.time.perf_counter)
    monkeypatch.setattr(source_editor, "time", slow)
    bar.open(True)
    bar.regex.setChecked(True)
    bar.find_edit.setText(r"e\(")
    bar.replace_edit.setText("e(")
    bar.replace_all()
    qtbot.waitUntil(lambda: bar._replacing is None and bar._counting is None, timeout=20_000)
    assert bar.count.text().startswith("replaced in 10000 places; ")
    assert bar.count.text().endswith("+ matches, too slow to count on")


def test_replace_all_in_one_edit_keeps_a_cursor_after_an_emoji_above_the_matches(qtbot) -> None:
    """Replace all made as one edit put a cursor before the first match at its place counted in
    characters, not in Qt's units: after an emoji (two units) it went one to the left."""
    text = "😀 x\n" + "a;\n" * 200
    pane = _shown_pane(qtbot, text, "a.plugin.js")
    editor, bar = pane.editor, pane.find_bar
    cursor = editor.textCursor()
    cursor.setPosition(3)  # (after "😀 ")
    editor.setTextCursor(cursor)
    bar.open(True)
    bar.find_edit.setText("a")
    bar.replace_edit.setText("bb")
    assert bar.replace_all() == 200
    assert editor.shown_text() == "😀 x\n" + "bb;\n" * 200
    assert editor.textCursor().position() == 3
