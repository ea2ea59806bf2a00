"""Syntax colours for the source editor: pygments lexers run one line at a time.

Why per-line with a carried state (the Frescobaldi habit): lexing a whole 10,000-line file takes
about half a second, far too slow for every keystroke. Each text block stores a small integer
that stands for the pygments state stack at its end (inside a block comment, a template literal,
a string continued with a backslash, an SVG attribute running over several lines). A keystroke
re-lexes its own line; QSyntaxHighlighter moves on to the next line only while that integer
changes.

Pygments' own JavaScript and XML lexers match block comments and strings with one regular
expression over the whole text, which a line on its own cannot do, so the lexers below are
theirs with those rules turned into states. Pygments counts positions in Python characters;
Qt in UTF-16 code units, so an emoji (two units) must not shift the colours after it.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable
from functools import lru_cache

from pygments import unistring
from pygments.lexer import Lexer, RegexLexer, include
from pygments.lexers.javascript import JS_IDENT, JavascriptLexer
from pygments.token import (
    Comment,
    Error,
    Keyword,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Token,
    Whitespace,
    _TokenType,
)
from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextCursor, QTextDocument

__all__ = [
    "LONG_LINE",
    "PENDING",
    "Language",
    "LineJavascriptLexer",
    "SyntaxHighlighter",
    "block_formats",
    "language_for",
    "language_name",
]

PENDING = -2  # the state of a block not highlighted yet (see SyntaxHighlighter.limit)
# Lines longer than this are left uncoloured (minified code: one line of a megabyte or two).
# Pygments takes about a second per million characters and would do it again on every keystroke
# in that line; editors do the same (VS Code stops at 20,000 characters). The line passes the
# state it starts in on to the next line, so the lines after it are coloured as if it were not there.
LONG_LINE = 20_000


def _replace(rules: list, old: str, new: Iterable) -> list:
    """``rules`` with the rule whose pattern is ``old`` replaced by ``new`` (a list of rules)."""
    out: list = []
    found = False
    for rule in rules:
        if isinstance(rule, tuple) and rule[0] == old:
            out.extend(new)
            found = True
        else:
            out.append(rule)
    if not found:  # a pygments upgrade changed its rules: colour as before rather than fail
        return rules
    return out


# A JavaScript name, as pygments' JS_IDENT but with Python's own letter classes: pygments spells
# out every letter of Unicode, a pattern that takes 6 ms to compile, paid on the first click on
# a script (the editor colours it right away); this one takes under 1 ms. Letters, digits and "_"
# come from the Unicode tables of Python (newer than pygments' lists); the marks and connectors a
# name may go on with come from pygments. One difference: ² or ½ count as part of a name here
# (pygments shows them as errors, and so do the checks: JavaScript refuses them).
_JS_NAME = (
    r"(?:[$_]|[^\W\d]|\\u[a-fA-F0-9]{4})"
    r"(?:[$\w\u200c\u200d" + unistring.combine("Mn", "Mc", "Pc") + r"]|\\u[a-fA-F0-9]{4})*"
)


def _js_tokens() -> dict:
    tokens = {k: list(v) for k, v in JavascriptLexer.tokens.items()}
    tokens["commentsandwhitespace"] = _replace(
        tokens["commentsandwhitespace"], r"/\*.*?\*/", [(r"/\*", Comment.Multiline, "blockcomment")]
    )
    root = _replace(tokens["root"], r'"(\\\\|\\[^\\]|[^"\\])*"', [(r'"', String.Double, "dqs")])
    root = _replace(root, r"'(\\\\|\\[^\\]|[^'\\])*'", [(r"'", String.Single, "sqs")])
    tokens["root"] = _replace(root, JS_IDENT, [(_JS_NAME, Name.Other)])
    # Braces inside ${...} (an object literal, a function body) are counted: the first "}" ended the
    # interpolation, and the code after it was coloured as text of the template.
    tokens["interp-inside"] = [(r"\{", Punctuation, "interp-brace"), *tokens["interp-inside"]]
    tokens["interp-brace"] = [(r"\{", Punctuation, "#push"), (r"\}", Punctuation, "#pop"), include("root")]
    tokens["blockcomment"] = [
        (r"[^*]+", Comment.Multiline),
        (r"\*/", Comment.Multiline, "#pop"),
        (r"\*", Comment.Multiline),
    ]
    for name, quote, token in (("dqs", '"', String.Double), ("sqs", "'", String.Single)):
        tokens[name] = [
            (rf"[^{quote}\\\n]+", token),
            (r"\\.", token),  # DOTALL: a backslash before the line end continues the string
            (quote, token, "#pop"),
            (r"\n", Whitespace, "#pop"),  # an unterminated string ends with its line
        ]
    return tokens


class LineJavascriptLexer(RegexLexer):
    """Pygments' JavaScript lexer with block comments and strings as states."""

    name = "JavaScript (line by line)"
    flags = JavascriptLexer.flags
    tokens = _js_tokens()


def _xml_lexer() -> type[RegexLexer]:
    """Pygments' XML lexer with comments, CDATA and attribute values as states (SVG paths span lines).

    Built when the first SVG is shown, not at import. Why: pygments keeps its XML lexer in its
    HTML module, which loads the CSS, Scala and Ruby lexers with it (about 6 ms), and opening a
    plugin's script, the usual first file, must not wait for them.
    """
    from pygments.lexers.html import XmlLexer

    tokens = {k: list(v) for k, v in XmlLexer.tokens.items()}
    root = _replace(tokens["root"], r"<!--.*?-->", [(r"<!--", Comment.Multiline, "xmlcomment")])
    tokens["root"] = _replace(root, r"\<\!\[CDATA\[.*?\]\]\>", [(r"<!\[CDATA\[", Comment.Preproc, "cdata")])
    attr = _replace(tokens["attr"], r'".*?"', [(r'"', String, ("#pop", "dqattr"))])
    tokens["attr"] = _replace(attr, r"'.*?'", [(r"'", String, ("#pop", "sqattr"))])
    tokens["xmlcomment"] = [
        (r"[^-]+", Comment.Multiline),
        (r"-->", Comment.Multiline, "#pop"),
        (r"-", Comment.Multiline),
    ]
    tokens["cdata"] = [(r"[^\]]+", Comment.Preproc), (r"\]\]>", Comment.Preproc, "#pop"), (r"\]", Comment.Preproc)]
    tokens["dqattr"] = [(r'[^"]+', String), (r'"', String, "#pop")]
    tokens["sqattr"] = [(r"[^']+", String), (r"'", String, "#pop")]
    return type(
        "LineXmlLexer", (RegexLexer,), {"name": "XML (line by line)", "flags": XmlLexer.flags, "tokens": tokens}
    )


def _json_lexer() -> type[Lexer]:
    """Pygments' JSON lexer, imported when the first JSON file is shown (see :func:`_xml_lexer`)."""
    from pygments.lexers.data import JsonLexer

    return JsonLexer


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_BRACKET = re.compile(r"[()\[\]{}]")
_BLANK = str.maketrans("()[]{}", "      ")
Span = tuple[int, int, _TokenType]  # (UTF-16 start, UTF-16 length, token type)


class Language:
    """One lexer plus the table that turns its state stacks into small integers.

    State 0 is the root stack; every other stack seen gets the next integer, so the same stack
    always has the same number within a run (the table is shared by every document).
    """

    def __init__(self, name: str, lexer: Lexer) -> None:
        self.name = name
        self.lexer = lexer
        self.stateful = isinstance(lexer, RegexLexer)
        self._stacks: list[tuple[str, ...]] = [("root",)]
        self._ids: dict[tuple[str, ...], int] = {("root",): 0}
        self.lex_line = lru_cache(maxsize=50_000)(self._lex_line)
        self.code_only = lru_cache(maxsize=50_000)(self._code_only)

    def state_id(self, stack: tuple[str, ...]) -> int:
        found = self._ids.get(stack)
        if found is None:
            found = self._ids[stack] = len(self._stacks)
            self._stacks.append(stack)
        return found

    def _lex_line(self, text: str, state: int) -> tuple[tuple[Span, ...], int]:
        """The coloured spans of one line (UTF-16 positions) and the state at its end.

        A U+2028 (LINE SEPARATOR) in it ends a line there, as in JavaScript and as when the file is
        opened (see core.lineends), though Qt keeps it inside the block: one pasted or put in by
        Replace all left a ``//`` comment or a string before it coloured on past it.
        """
        if "\u2028" in text:
            return self._lex_parts(text.split("\u2028"), state)
        if self.stateful:
            raw, stack = self._regex_tokens(text + "\n", self._stacks[state] if 0 <= state < len(self._stacks) else ())
            end_state = self.state_id(stack)
        else:
            raw, end_state = list(self.lexer.get_tokens_unprocessed(text)), 0
        return _spans(text, raw), end_state

    def _lex_parts(self, parts: list[str], state: int) -> tuple[tuple[Span, ...], int]:
        """:meth:`lex_line` of the lines ``parts`` (a line split at its U+2028s), one after the other
        from ``state``, as spans of the whole line."""
        spans: list[Span] = []
        start = 0
        for part in parts:
            found, state = self.lex_line(part, state)
            spans.extend((start + a, n, kind) for a, n, kind in found)
            start += _utf16_length(part) + 1  # (the separator: one UTF-16 unit)
        return tuple(spans), state

    def _code_only(self, text: str, state: int) -> tuple[str, int]:
        """``text`` with each bracket inside a string, a template's text, a comment or a regular
        expression turned into a space (positions stay), and the state at its end.

        What bracket matching reads: a ``)`` in ``')'`` is no partner of the ``(`` before it. From
        the colouring's own spans (cached per line), not a second lexer. A line too long to colour
        is taken as it is, passing its state on (as the highlighter does).
        """
        if len(text) > LONG_LINE:
            return text, state
        spans, end_state = self.lex_line(text, state)
        if _BRACKET.search(text) is None:
            return text, end_state
        inert = [
            (a, a + n) for a, n, kind in spans if kind in Comment or (kind in String and kind not in String.Interpol)
        ]
        if not inert:
            return text, end_state
        if _ASTRAL.search(text) is not None:  # spans count UTF-16 units: back to Python indexes
            index = []
            for i, ch in enumerate(text):
                index.append(i)
                if ord(ch) > 0xFFFF:
                    index.append(i)
            index.append(len(text))
            inert = [(index[a], index[b]) for a, b in inert]
        out = []
        done = 0
        for a, b in inert:
            out.append(text[done:a])
            out.append(text[a:b].translate(_BLANK))
            done = b
        out.append(text[done:])
        return "".join(out), end_state

    def _regex_tokens(self, text: str, stack: tuple[str, ...]) -> tuple[list, tuple[str, ...]]:
        """Pygments' RegexLexer loop, returning the state stack it ends with."""
        lexer = self.lexer
        tokendefs = lexer._tokens
        statestack = list(stack) or ["root"]
        statetokens = tokendefs[statestack[-1]]
        out: list = []
        pos = 0
        end = len(text)
        while pos < end:
            for rexmatch, action, new_state in statetokens:
                m = rexmatch(text, pos)
                if not m:
                    continue
                if action is not None:
                    if type(action) is _TokenType:
                        out.append((pos, action, m.group()))
                    else:
                        out.extend(action(lexer, m))
                pos = m.end()
                if new_state is not None:
                    if isinstance(new_state, tuple):
                        for s in new_state:
                            if s == "#pop":
                                if len(statestack) > 1:
                                    statestack.pop()
                            elif s == "#push":
                                statestack.append(statestack[-1])
                            else:
                                statestack.append(s)
                    elif isinstance(new_state, int):
                        if abs(new_state) >= len(statestack):
                            del statestack[1:]
                        else:
                            del statestack[new_state:]
                    elif new_state == "#push":
                        statestack.append(statestack[-1])
                    statetokens = tokendefs[statestack[-1]]
                break
            else:
                if text[pos] == "\n":  # pygments resets to the root at an unmatched line end
                    statestack = ["root"]
                    statetokens = tokendefs["root"]
                else:
                    out.append((pos, Error, text[pos]))
                pos += 1
        return out, tuple(statestack)


def _utf16_length(text: str) -> int:
    """The length of ``text`` in UTF-16 code units (an emoji counts two), as Qt counts positions."""
    return len(text) + len(_ASTRAL.findall(text))


def _spans(text: str, raw: list) -> tuple[Span, ...]:
    """Merge pygments tokens into spans of the line ``text``, in UTF-16 code units."""
    n = len(text)
    spans: list[list] = []
    for pos, ttype, value in raw:
        if pos >= n or not value:
            continue
        stop = min(n, pos + len(value))
        if spans and spans[-1][2] is ttype and spans[-1][1] == pos:
            spans[-1][1] = stop
        else:
            spans.append([pos, stop, ttype])
    if _ASTRAL.search(text) is None:
        return tuple((a, b - a, t) for a, b, t in spans)
    units = [0] * (n + 1)  # units[i]: UTF-16 offset of Python index i
    acc = 0
    for i, ch in enumerate(text):
        units[i] = acc
        acc += 2 if ord(ch) > 0xFFFF else 1
    units[n] = acc
    return tuple((units[a], units[b] - units[a], t) for a, b, t in spans)


_LANGUAGES: dict[str, Language] = {}
_SUFFIXES = {".js": "javascript", ".mjs": "javascript", ".json": "json", ".svg": "xml", ".xml": "xml"}


def language_name(name: str) -> str | None:
    """The language key ("javascript", "json" or "xml") of a file name, without building its lexer."""
    return _SUFFIXES.get("." + name.rsplit(".", 1)[-1].lower()) if "." in name else None


def language_for(name: str) -> Language | None:
    """The language of a file name (by suffix), or None when it is not one we colour."""
    key = language_name(name)
    if key is None:
        return None
    if key not in _LANGUAGES:
        lexer = LineJavascriptLexer if key == "javascript" else _json_lexer() if key == "json" else _xml_lexer()
        _LANGUAGES[key] = Language(key, lexer(stripnl=False, ensurenl=False))
    return _LANGUAGES[key]


# token type -> (light colour, dark colour, bold, italic); a type without an entry uses its parent's.
# Each 4.5:1 at least on the editor's background and on the current line's (comments and an SVG's
# <?xml ?> line were 3.0 to 4.0:1 on them).
_STYLE: dict[_TokenType, tuple[str, str, bool, bool]] = {
    Keyword: ("#0033b3", "#cf8e6d", True, False),
    Keyword.Constant: ("#0033b3", "#cf8e6d", False, False),
    Name.Builtin: ("#00627a", "#56a8f5", False, False),
    Name.Exception: ("#00627a", "#56a8f5", False, False),
    Name.Tag: ("#0033b3", "#d5b778", False, False),
    Name.Attribute: ("#174ad4", "#bababa", False, False),
    Name.Entity: ("#871094", "#c77dbb", False, False),
    String: ("#067d17", "#6aab73", False, False),
    String.Regex: ("#871094", "#c77dbb", False, False),
    String.Interpol: ("#0037a6", "#cf8e6d", True, False),
    Number: ("#1750eb", "#2aacb8", False, False),
    Comment: ("#6e6e6e", "#909499", False, True),
    Comment.Preproc: ("#7d6b0a", "#b3ae60", False, False),
    Operator.Word: ("#0033b3", "#cf8e6d", True, False),
    Error: ("#d01b1b", "#f75464", False, False),
}


class SyntaxHighlighter(QSyntaxHighlighter):
    """Colours one document in ``language``; ``dark`` picks the colours for a dark background.

    ``limit``: blocks from this number on are left uncoloured (state :data:`PENDING`) so the
    editor can colour a big file in batches; ``None`` colours everything. A block never coloured
    at all (state -1, as a new file's blocks are) keeps that state instead: then a first
    colouring from the top stops at the limit rather than walking every block of the file to
    mark it (Qt goes on to the next block while a block's state changes). The limit is kept as a
    text cursor at its line's start, which Qt moves along with every edit, as ``dirty`` is (see
    below). Why: kept as a number, lines put in above it while the file was still being coloured
    (Enter, a Replace all adding lines) pushed coloured lines past it, and the first batch, whose
    first line kept its state, stopped there: the lines up to the next batch stayed uncoloured,
    and lines Replace all had changed kept the colours of their old text. Lines deleted above it
    pulled uncoloured lines under it, which no batch coloured any more.

    ``language`` may be None until the editor has built the lexer; only blocks under the limit
    are lexed, so a highlighter with ``limit`` 0 never needs it.

    ``horizon``: when not None (the editor sets it to "the last visible line plus a margin"), a
    keystroke that changes the carried state (typing ``/*`` or a backtick) re-lexes lines only up
    to that number; the first line beyond keeps its old state so Qt stops there, and ``dirty``
    (the first line of each run so left) tells the editor where to carry on from a timer. Without
    this, typing an opening backtick re-lexes the rest of a 10,000-line file on every keystroke.
    Why every run, not the first one's line alone: Replace all colours many changed lines, each of
    whose runs may stop at its horizon; carrying on from the first run's line alone left the lines
    after a later run with the colours of the text before the change whenever the first run's
    colouring settled before it reached them (a backtick and a line break put in on every line).
    Each is kept as a text cursor at the line's start, which Qt moves along with every edit, and
    :meth:`take_dirty` reads its line then. Why not the line's number: a line break typed or
    deleted above it (or a Replace all) before it was coloured left the number on the line next to
    it, and that line uncoloured for good.

    ``deadline`` (a :func:`time.perf_counter` value; the editor sets it for each batch of colouring
    from its timer) ends a batch early: a line reached after it, other than the batch's first
    (``deadline_from``), is left for the next batch: as a line beyond the limit is when the batch
    colours the file the first time (``frontier``), else as a line beyond the horizon is.
    Why: a batch of BATCH_LINES took 25 ms on a quiet machine and 50 ms on a busy one, the longest
    stall of opening a big file; a batch now stops when its time is up, however fast the machine.
    """

    def __init__(self, parent: QTextDocument | QObject, language: Language | None, dark: bool = False) -> None:
        super().__init__(parent)
        self.language = language
        self._limit: QTextCursor | None = None  # (see limit)
        self.horizon: int | None = None
        self.dirty: list[QTextCursor] = []  # lines left for later (see horizon), moved along by edits
        self.deadline: float | None = None
        self.deadline_from = 0
        self.frontier = False  # the batch colours the file the first time, from the limit on (see deadline)
        self.on_defer: Callable[[], None] | None = None  # called when a line was left for later
        self._formats: dict[_TokenType, QTextCharFormat | None] = {}
        self.dark = dark

    @property
    def limit(self) -> int | None:
        """The first line left uncoloured for the batches, or None (see the class)."""
        return None if self._limit is None else self._limit.blockNumber()

    @limit.setter
    def limit(self, number: int | None) -> None:
        # (None also for a line past the last: there is nothing to leave, and a line typed there
        # later is coloured as it is typed)
        block = self.document().findBlockByNumber(number) if number is not None else None
        self._limit = QTextCursor(block) if block is not None and block.isValid() else None

    @property
    def dirty_from(self) -> int | None:
        """The first line left for later (see ``horizon``), or None."""
        return min(map(_carried_from, self.dirty)) if self.dirty else None

    def take_dirty(self) -> int:
        """The first line left for later (see ``horizon``), no longer left (there must be one)."""
        lines = [_carried_from(cursor) for cursor in self.dirty]
        first = min(lines)
        self.dirty = [cursor for cursor, line in zip(self.dirty, lines, strict=True) if line != first]
        return first

    def _leave_for_later(self) -> None:
        """Mark the current line as one to carry on colouring from (see ``horizon``)."""
        block = self.currentBlock()
        if not self.dirty or self.dirty[-1].position() != block.position():  # (the same line, key after key)
            self.dirty.append(QTextCursor(block))

    def set_dark(self, dark: bool) -> None:
        """Switch colours; the caller re-highlights (the editor does it in batches)."""
        self.dark = dark
        self._formats.clear()

    def format_for(self, ttype: _TokenType) -> QTextCharFormat | None:
        if ttype in self._formats:
            return self._formats[ttype]
        t = ttype
        while t not in _STYLE and t is not Token:
            t = t.parent
        fmt = None
        if t in _STYLE:
            light, dark, bold, italic = _STYLE[t]
            fmt = QTextCharFormat()
            fmt.setForeground(QColor(dark if self.dark else light))
            if bold:
                fmt.setFontWeight(QFont.Weight.Bold)
            if italic:
                fmt.setFontItalic(True)
        self._formats[ttype] = fmt
        return fmt

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        number = self.currentBlock().blockNumber()
        if self._limit is not None and number >= self._limit.blockNumber() or self.language is None:
            if self.currentBlockState() != -1:
                self.setCurrentBlockState(PENDING)
            return
        if self.horizon is not None and number > self.horizon:
            # Beyond the horizon: keep the old state (Qt stops the cascade) and colour it later.
            self._leave_for_later()
            self.setCurrentBlockState(self.currentBlockState())
            if self.on_defer is not None:
                self.on_defer()
            return
        if self.deadline is not None and number > self.deadline_from and time.perf_counter() > self.deadline:
            if self.frontier:
                # Time is up in a batch colouring the file the first time: the limit moves up to
                # this line (every line from here on is uncoloured).
                self.limit = number
                if self.currentBlockState() != -1:
                    self.setCurrentBlockState(PENDING)
            else:
                # Time is up in a batch colouring lines again (after Replace all, or left for later):
                # carried on from this line, as from beyond the horizon. Not the limit: the lines
                # from here on are coloured, and a run of them whose colours settle would have
                # left uncoloured the new lines Replace all puts among them.
                self._leave_for_later()
                self.setCurrentBlockState(self.currentBlockState())
            return
        state = self.previousBlockState()
        if len(text) > LONG_LINE:
            self.setCurrentBlockState(state if state >= 0 else 0)
            return
        spans, end_state = self.language.lex_line(text, state if state >= 0 else 0)
        for start, length, ttype in spans:
            fmt = self.format_for(ttype)
            if fmt is not None:
                self.setFormat(start, length, fmt)
        self.setCurrentBlockState(end_state)


def _carried_from(cursor: QTextCursor) -> int:
    """The line to carry on colouring from, of a line left for later (see SyntaxHighlighter.horizon):
    the cursor's, or the next one when an edit left the cursor inside a line (text typed at its
    start, or deleted across it: the edited line is coloured with the edit, not the lines after)."""
    return cursor.blockNumber() + (cursor.positionInBlock() > 0)


def block_formats(document: QTextDocument) -> list[list[tuple[int, int, str]]]:
    """Every block's highlight as (start, length, colour) lists: what tests compare."""
    out = []
    block = document.begin()
    while block.isValid():
        ranges = block.layout().formats()
        out.append(sorted((r.start, r.length, r.format.foreground().color().name()) for r in ranges))
        block = block.next()
    return out
