"""The source highlighter: incremental colouring equals colouring from scratch; UTF-16 positions."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pygments.token import Token
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QPlainTextDocumentLayout, QToolButton

from designer.gui.highlight import SyntaxHighlighter, block_formats, language_for

BASE = (
    "/* a block\n * comment */\nconst a = `one ${b + `inner`}\ntwo`;\n"
    'let s = "x\\\ny"; // tail\nfunction f() { return /re/g; }\n'
)
PIECES = ["/*", "*/", "`", "${", "}", '"', "'", "\\", "\n", "//", "x", " ", "😀", "é", "{", "/"]


def _doc(text: str) -> QTextDocument:
    """A document laid out as the editor's is (without a layout Qt reports no edits)."""
    doc = QTextDocument()
    doc.setDocumentLayout(QPlainTextDocumentLayout(doc))
    doc.setPlainText(text)
    return doc


def _attach(doc: QTextDocument, name: str = "f.js") -> SyntaxHighlighter:
    """A highlighter on ``doc`` after its first full pass (Qt runs it from the event loop)."""
    hl = SyntaxHighlighter(doc, language_for(name))
    QCoreApplication.processEvents()
    return hl


def _fresh(text: str) -> list:
    doc = _doc(text)
    _attach(doc)
    return block_formats(doc)


edits = st.lists(
    st.tuples(st.floats(0, 1), st.integers(0, 3), st.lists(st.sampled_from(PIECES), max_size=4).map("".join)),
    min_size=1,
    max_size=12,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits)
def test_incremental_colouring_equals_colouring_from_scratch(qapp, steps) -> None:
    doc = _doc(BASE)
    _attach(doc)
    for where, remove, insert in steps:
        text = doc.toPlainText()
        at = round(where * len(text))
        # Positions are UTF-16 units: never split a surrogate pair.
        a = len(text[:at].encode("utf-16-le")) // 2
        b = len(text[: at + remove].encode("utf-16-le")) // 2
        cursor = QTextCursor(doc)
        cursor.setPosition(a)
        cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(insert)
    assert block_formats(doc) == _fresh(doc.toPlainText())


def test_states_carry_comments_templates_and_continued_strings(qapp) -> None:
    formats = _fresh(BASE)
    comment = "#6e6e6e"
    assert formats[1] == [(0, 13, comment)]  # the second line of the block comment
    assert formats[3][0][2] == "#067d17"  # "two`" is still inside the template literal
    assert formats[5][0] == (0, 2, "#067d17")  # 'y"' continues the string of the line before


def test_colours_after_an_emoji_are_not_shifted(qapp) -> None:
    line = "let s = '😀😀'; // note"
    doc = _doc(line)
    _attach(doc)
    spans = {colour: (start, length) for start, length, colour in block_formats(doc)[0]}
    assert spans["#067d17"] == (8, 6)  # two emoji are four UTF-16 units plus the quotes
    assert spans["#6e6e6e"] == (16, 7)  # the comment starts at UTF-16 offset 16, not 14


@pytest.mark.parametrize(
    ("name", "text", "line", "colour"),
    [
        ("a.svg", '<svg d="M0\n1 2">\n<!-- a\nb -->', 1, "#067d17"),
        ("a.svg", '<svg d="M0\n1 2">\n<!-- a\nb -->', 3, "#6e6e6e"),
        ("a.json", '{\n  "a": 1\n}', 1, "#0033b3"),
    ],
)
def test_svg_and_json(qapp, name: str, text: str, line: int, colour: str) -> None:
    doc = _doc(text)
    _attach(doc, name)
    assert block_formats(doc)[line][0][2] == colour


def test_dark_colours_differ(qapp) -> None:
    doc = _doc("// c")
    hl = _attach(doc)
    light = block_formats(doc)
    hl.set_dark(True)
    hl.rehighlight()
    assert block_formats(doc) != light


def test_opening_a_script_loads_no_xml_or_json_lexer() -> None:
    """The source editor is loaded on the first click on a file, and that click waits for it:
    pygments' XML lexer sits in its HTML module, which loads the CSS, Scala and Ruby lexers too.
    They come with the first SVG or JSON file shown, not with a plugin's script."""
    code = (
        "import sys\n"
        "from designer.gui.highlight import language_for\n"
        "language_for('a.plugin.js').lex_line('var a = 1;', 0)\n"
        "print(sorted(m for m in ('pygments.lexers.html', 'pygments.lexers.data') if m in sys.modules))\n"
        "language_for('a.svg')\n"
        "print('pygments.lexers.html' in sys.modules)\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split("\n")[:2] == ["[]", "True"], out.stdout


@pytest.mark.parametrize(
    "name", ["café", "cafe\u0301", "名前", "Ωmega", "x\u203fy", "\\u0041bc", "_$x1", "ὀδύσσεια", "\u0915\u093e\u092e"]
)
def test_names_in_any_script_are_coloured_as_one_name(name: str) -> None:
    """Names are matched with Python's letter classes (faster to build than pygments' list of every
    letter): a name in any script, with combining marks or \\u escapes, is still one name."""
    language = language_for("a.plugin.js")
    spans, _state = language.lex_line(f"var {name} = 1;", 0)
    assert [(start, token) for start, _length, token in spans if start == 4] == [(4, Token.Name.Other)]
    assert [length for start, length, _token in spans if start == 4] == [len(name.encode("utf-16-le")) // 2]


def test_a_smart_quote_is_still_shown_as_an_error() -> None:
    """Code pasted from a word processor: a curly quote is no name (JavaScript refuses it)."""
    spans, _state = language_for("a.plugin.js").lex_line("var a = \u201chello\u201d;", 0)
    assert (8, 1, Token.Error) in spans


def _contrast(a, b) -> float:
    """The WCAG contrast ratio of two QColors."""

    def luminance(c) -> float:
        channels = [v / 255 for v in (c.red(), c.green(), c.blue())]
        r, g, b = (v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("dark", [False, True])
def test_every_colour_of_code_is_readable_on_the_editors_background(qapp, dark: bool) -> None:
    """Comments were #6e6e6e on white (3.4:1) and #7a7e85 on the dark editor (4.0:1), an SVG's
    ``<?xml …?>`` line #9e880d on white (3.5:1): under the 4.5:1 text needs, and less on the
    current line's tint. Every colour of JavaScript, JSON and SVG is 4.5:1 on both now."""
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QApplication

    from designer.gui.app import dark_palette

    palette = dark_palette() if dark else QApplication.style().standardPalette()
    backgrounds = [palette.color(QPalette.ColorRole.Base), QColor("#2a2d33" if dark else "#eef3fb")]  # + current line
    texts = {
        "f.js": "/* block */\n// line\nconst a = `t ${b}`; let s = 'x', n = 1.5, r = /re/g;\n"
        "function f() { if (typeof a === 'x' && true) { return new Error(null); } }\n",
        "f.json": '{\n  "a": 1, "b": "x", "c": true, "d": null\n}\n',
        "f.svg": '<?xml version="1.0"?>\n<!-- note -->\n<svg id="a" viewBox="0 0 24 24">&amp;<path d="M0 0"/></svg>\n',
    }
    colours = set()
    for name, text in texts.items():
        doc = _doc(text)
        hl = SyntaxHighlighter(doc, language_for(name), dark=dark)
        QCoreApplication.processEvents()
        colours |= {colour for line in block_formats(doc) for _start, _length, colour in line}
        del hl
    assert len(colours) >= 6
    low = {c: [round(_contrast(QColor(c), b), 2) for b in backgrounds] for c in colours}
    assert not {c: r for c, r in low.items() if min(r) < 4.5}, low


def _colours_by_line(pane) -> list[list[tuple[int, int, str]]]:
    """The colours of each line of the file on show, a U+2028 inside a block ending a line as it
    does in a file opened afresh (positions from that line's start)."""
    out = []
    lines = pane.editor.document().toRawText().split("\u2029")
    for line, spans in zip(lines, block_formats(pane.editor.document()), strict=True):
        start = 0
        for part in line.split("\u2028"):
            end = start + len(part)
            out.append([(a - start, n, c) for a, n, c in spans if start <= a < end])
            start = end + 1
    return out


def test_a_line_separator_put_in_by_replace_all_ends_the_line_in_colours(qtbot) -> None:
    """Replace all with a U+2028 (LINE SEPARATOR, pasted into the Replace box) left the comment
    before it coloured on past it, and a string after it too, as if the line went on: JavaScript
    ends a line there, and so does the file opened again. Its colours are now those."""
    from conftest import shown
    from PySide6.QtGui import QGuiApplication

    from designer.gui.panes.source_editor import SourcePane

    pane = shown(qtbot, SourcePane(), 600, 300)
    pane.show_file("a.plugin.js", "var a = 1; // note X here\nvar b = 'X still';\n", read_only=False)
    editor = pane.editor
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    bar = pane.find_bar
    qtbot.keyClicks(bar.find_edit, "X")
    QGuiApplication.clipboard().setText("\u2028")
    qtbot.keyClick(bar.replace_edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert bar.replace_edit.text() == "\u2028"
    qtbot.mouseClick(
        next(b for b in bar.findChildren(QToolButton) if b.text() == "Replace all"), Qt.MouseButton.LeftButton
    )
    assert editor.text() == "var a = 1; // note \u2028 here\nvar b = '\u2028 still';\n"
    qtbot.waitUntil(editor.colouring_done)
    again = shown(qtbot, SourcePane(), 600, 300)
    again.show_file("a.plugin.js", editor.text(), read_only=False)
    qtbot.waitUntil(again.editor.colouring_done)
    assert _colours_by_line(pane) == block_formats(again.editor.document())
