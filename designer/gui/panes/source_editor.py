"""The source editor: a plain-text editor for plugin JavaScript, JSON and SVG files.

Why its own undo is off: every keystroke becomes part of the window's undo stack (one merged
"Edit file" step), so Ctrl+Z undoes typing and form edits in one history, and the window
pushes the restored text back here with :meth:`SourceEditor.replace_text`. An edit made in one
go by a command (Replace all, Toggle Comment, Indent, Paste, a snippet) is reported with
:attr:`SourceEditor.edit_label` set, so the window makes it an undo step of its own.

Why colouring a big file is done in batches: colouring 10,000 lines takes about half a
second; the first lines are coloured at once and the rest in batches from a timer, so the
window never stops answering.
"""

from __future__ import annotations

import functools
import re
import sys
import time
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from itertools import compress, count, islice, pairwise
from operator import ne

try:  # The expression's parse tree (slice_cuts): private modules of re, named so since Python 3.11.
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # Python 3.10 (Ubuntu 22.04), whose names these were
    import sre_constants as _sre
    import sre_parse as _sre_parse

from pygments.token import Comment, String
from PySide6.QtCore import SIGNAL, SLOT, QEvent, QObject, QPoint, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QFontDatabase,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPalette,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextOption,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextDocumentLayout,
    QPlainTextEdit,
    QTextEdit,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ...core import pexapi
from ...core.indentation import unit_under
from ...core.lineends import LineEndings
from ...core.snippets import Snippet, find_prefix
from ...core.wording import counted
from ..flow_toolbar import FlowLayout
from ..focus_ring import ring_focus
from ..highlight import LONG_LINE, PENDING, SyntaxHighlighter, language_for, language_name
from ..search_limit import TooSlow, end_limit, limit_running, time_limit
from ..tones import box_style, is_dark
from ..viewports import HeldViewport, viewport_of
from .source_assist import CompletionHelper, SnippetBrowser, SnippetSession, text_after_cursor, text_before_cursor

__all__ = ["FindBar", "Marker", "SourceEditor", "SourcePane", "expand_replacement"]

FIRST_LINES = 300  # coloured at once when a file opens
# Problem markers and find marks are extra selections only on the lines this far above and below
# the view; scrolling beyond them makes the list again (see SourceEditor._marked_lines).
MARKED_MARGIN = 200
# In a line longer than LONG_LINE (minified code, wrapped), only its rows on show and this many rows
# above and below: the whole file can be that one line (see SourceEditor._long_windows).
MARKED_ROWS = 40
# A snippet's placeholders (see SourceEditor._show_selections), {dark: {current: colour}}: a tint
# apart from the current line's background, the one Tab went to stronger.
_SNIPPET_TINTS = {
    False: {False: QColor("#e2e6ee"), True: QColor("#c9d9f6")},
    True: {False: QColor("#3a3f4a"), True: QColor("#2f4d78")},
}
_SNIPPET_GAP_TINTS = {
    False: {False: QColor("#a9b3c6"), True: QColor("#5f86d0")},
    True: {False: QColor("#6b7385"), True: QColor("#6f9be0")},
}
# The find bar's thin mark of an empty match, {dark: colour}: the found marks' yellow, made stronger
# to show as a bar two pixels wide.
_FOUND_GAP_TINTS = {False: QColor("#c89b00"), True: QColor("#e0b84a")}
# The find bar's In selection range (see SourceEditor.show_scope), {dark: tint}: apart from the
# current line's blue, the find marks' yellow and the snippets' grey-blue.
_SCOPE_TINTS = {False: QColor("#eeeae0"), True: QColor("#35332d")}
ZOOM_LARGEST = 72  # points: Ctrl++ stops there (Ctrl+- at 6)
# How Qt connects a document to its highlighter (see SourceEditor._put_text_uncoloured).
_CONTENTS_CHANGE = "contentsChange(int,int,int)"
_REFORMAT = "_q_reformatBlocks(int,int,int)"
BATCH_LINES = 400  # then this many per timer tick (about 25 ms of lexing on a quiet machine),
BATCH_TIME = 0.015  # or fewer: a batch stops when this many seconds are up (see SyntaxHighlighter.deadline)
# A file of more than FILL_FROM lines goes into the editor in parts (see SourceEditor._set_plain_text):
# its first FILL_FIRST lines at once, then FILL_LINES lines (at most FILL_CHARS characters, whole
# lines) per turn of the event loop, each part some 6 ms of Qt's work on 10,000 lines of code.
FILL_FROM = 3000
FILL_FIRST = 1000  # (at least FIRST_LINES: those are coloured before the rest is in, the rest after)
FILL_LINES = 2000
FILL_CHARS = 100_000
_OPEN = {"(": ")", "[": "]", "{": "}"}
# The part of a word (a name's letters, digits, _ and $) before and after the cursor.
_WORD_BEFORE, _WORD_AFTER = re.compile(r"[\w$]*$"), re.compile(r"[\w$]*")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_CLOSE = {v: k for k, v in _OPEN.items()}
# Every byte but the pair's two brackets: what bytes.translate drops to leave only the brackets.
_NOT_PAIR = {o + c: bytes(b for b in range(256) if b not in (ord(o), ord(c))) for o, c in _OPEN.items()}
_PAIR_PASSES = 16  # balanced pairs removed by string replacement, one nesting level per pass
# Keys that start a new run of typing (an undo step of its own): a new line and the cursor's moves.
_NEW_RUN = frozenset(
    (
        Qt.Key.Key_Return,
        Qt.Key.Key_Enter,
        Qt.Key.Key_Left,
        Qt.Key.Key_Right,
        Qt.Key.Key_Up,
        Qt.Key.Key_Down,
        Qt.Key.Key_Home,
        Qt.Key.Key_End,
        Qt.Key.Key_PageUp,
        Qt.Key.Key_PageDown,
        Qt.Key.Key_Tab,
        Qt.Key.Key_Backtab,
    )
)
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter  # line numbers
# The margin's mark of a line with a problem: error?, then (on light, on dark). The dark ones are
# the underlines' own: the light red was a dim dot on the dark margin (under 3:1).
_GUTTER_MARKS = {True: ("#d01b1b", "#f75464"), False: ("#d8a000", "#e0b000")}
_MOD = Qt.KeyboardModifier
# The modifiers of a key that just types its character (see keyPressEvent).
_TYPING_MODS = frozenset(
    (_MOD.NoModifier, _MOD.ShiftModifier, _MOD.KeypadModifier, _MOD.ShiftModifier | _MOD.KeypadModifier)
)
_PAINT, _TOOLTIP = QEvent.Type.Paint, QEvent.Type.ToolTip  # (looked up once: the viewport's every event asks)
_PAIR = {c: re.compile(re.escape(c) + "|" + re.escape(_OPEN.get(c) or _CLOSE[c])) for c in (*_OPEN, *_CLOSE)}


@dataclass(frozen=True)
class Place:
    """The cursor and the scroll position in a file (see :meth:`SourcePane.show_file`)."""

    length: int  # the document's characterCount(): the same text, most likely, when it is equal
    anchor: int
    position: int
    line: int  # 0-based
    x: int
    y: int


@dataclass(frozen=True)
class Marker:
    """A problem shown in the editor: 1-based line and column (0: the whole line)."""

    line: int
    column: int
    message: str
    error: bool = True


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class _Utf16Offsets:
    """Qt's offsets (UTF-16 units) of Python indexes in one text, each in a bisect.

    Why: only a character beyond U+FFFF (an emoji) takes two units, so an offset is the index plus
    the count of those before it. Finding them once along the text replaced encoding the text up
    to each match: the find bar's count of "participant" in a 100,000-line file (62,500 matches)
    took 0.9 s, at every key typed in the find box.
    """

    def __init__(self, text: str) -> None:
        self._astral = [] if text.isascii() else [m.start() for m in _ASTRAL.finditer(text)]

    def __call__(self, index: int) -> int:
        return index + bisect_left(self._astral, index) if self._astral else index

    @property
    def identity(self) -> bool:
        """Whether each offset is the index itself (no character beyond U+FFFF in the text)."""
        return not self._astral


def _spans_between(spans: list[tuple[int, int]], low: int, high: int) -> list[tuple[int, int]]:
    """The ``spans`` (sorted, none overlapping: the find bar's matches) from ``low`` to ``high``.

    Why by bisection: the marks near the view were picked from all 200,000 matches of "p" in a
    100,000-line file one by one, 50 ms each time the count ended or the view scrolled far.
    """
    i = bisect_left(spans, (low, -1))
    if i and spans[i - 1][1] >= low:  # (the one before may reach in; those before it end sooner)
        i -= 1
    return spans[i : bisect_right(spans, (high, sys.maxsize))]


def _line_end(text: str, start: int, lines: int, chars: int) -> int:
    """The index of the line break ending the ``lines``-th line from ``start`` (a line's start), or
    an earlier one past ``chars`` characters from ``start``; ``len(text)`` when the text ends first."""
    at = start - 1
    for _ in range(lines):
        at = text.find("\n", at + 1)
        if at < 0:
            return len(text)
        if at - start >= chars:
            break
    return at


def longest_line(text: str) -> tuple[int, int] | None:
    """(1-based number, length) of the first line longer than LONG_LINE characters, or None."""
    if len(text) <= LONG_LINE:
        return None
    # A line that long holds a whole one of these windows, so when each holds a line break there is
    # none (a few finds in C: splitting a 10,000-line file into lines was 5 ms of the stall of opening it).
    step = LONG_LINE // 2
    if all(text.find("\n", i, i + step) >= 0 for i in range(0, len(text) - step + 1, step)):
        return None
    for number, line in enumerate(text.split("\n"), 1):
        if len(line) > LONG_LINE:
            return number, len(line)
    return None


# An edit in the document costs Qt about as much as building this many lines again (replace_shown):
# changed lines this close together go in as one range.
RUN_COST = 10


def _common_prefix(a: str, b: str) -> int:
    """The length of the longest common prefix of ``a`` and ``b``.

    Halving slices compared in C: a character-by-character loop takes 0.2 s on a 2 MB file.
    """
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[lo:mid] == b[lo:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _common_suffix(a: str, b: str, floor: int) -> int:
    """How many characters ``a`` and ``b`` share at their ends, leaving ``floor`` characters of each alone."""
    lo, hi = 0, min(len(a), len(b)) - floor
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[len(a) - mid : len(a) - lo] == b[len(b) - mid : len(b) - lo]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def line_units_text(text: str, start: int, end: int) -> str:
    """``text`` from UTF-16 offset ``start`` to ``end`` (the lexer's spans count in UTF-16 units)."""
    if text.isascii():
        return text[start:end]
    return text[_index(text, start) : _index(text, end)]


def _state_above(block: QTextBlock) -> int:
    """The lexer state the line above ``block`` ended in (0 at the top, or where none was set)."""
    above = block.previous()
    return max(0, above.userState()) if above.isValid() else 0


def _code_text(code_only: Callable[[str, int], tuple[str, int]], chunk: str, state: int) -> tuple[str, int]:
    """``code_only`` of each line of ``chunk`` (joined by U+2029) read from ``state`` on, and the state after them."""
    out = []
    for line in chunk.split("\u2029"):
        line, state = code_only(line, state)
        out.append(line)
    return "\u2029".join(out), state


def _index(text: str, units: int) -> int:
    """The Python index in ``text`` of the UTF-16 offset ``units``."""
    return len(text.encode("utf-16-le")[: 2 * units].decode("utf-16-le", "ignore"))


# What ends a line in a file (see core.lineends) and not in the text the editor shows.
_ODD_BREAK = re.compile("[\r\u2028\u2029]")


class _Gutter(QWidget):
    def __init__(self, editor: SourceEditor) -> None:
        super().__init__(editor)
        self.editor = editor
        self.setObjectName("sourceGutter")
        # It paints every pixel of what it is asked to: when the view scrolls by a line, Qt moves
        # the pixels already there and asks for the new row only (not the whole column).
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(self.editor.gutter_width(), 0)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.editor.paint_gutter(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            text = self.editor.marker_text_at(event.pos().y())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)


class _Layout(QPlainTextDocumentLayout):
    """Qt's plain-text layout, repainting only the lines an edit changed (not the whole view).

    Why: the highlighter recolours the edited line while the edit is being reported, so Qt merges
    "this line's colours changed" (the line's position and its length) into the edit's range.
    Qt's layout then takes removed plus added characters as the reach of the change, which ends
    on the next line, so it drops every line's layout and repaints the whole view on almost every
    keystroke (a plain editor repaints the one line). When the text now in the changed range lies
    in one line and the line count stayed, this hands Qt the range it would get without colours:
    it lays out that line again and repaints it (or everything, if its height changed). When a
    keystroke recolours the lines below it too (``/*``, a backtick), the ones on screen are laid
    out and repainted and the others are left to be laid out when they are shown, as Qt does.
    Colouring passes from the batch timer are not edits and go to Qt unchanged.

    An edit that adds or removes lines (Enter, Backspace at a line start) makes Qt repaint the
    whole view; the lines above the edit have not moved, so only the view from the edited line
    down is repainted (``repaint_from``).
    """

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._doc = document  # not self.document() in documentChanged: with PySide 6.11 that crashes the highlighter
        self._blocks = document.blockCount()
        self.visible: Callable[[], tuple[int, int]] | None = None
        # Whether an edit that starts in a line may repaint only from that line down (the user's
        # edit, at or below the top of the view), and the repaint itself (see documentChanged).
        self.partial: Callable[[QTextBlock], bool] | None = None
        self.repaint_from: Callable[[QTextBlock], None] | None = None
        # Set by the editor's contentsChange slot (one Python call per keystroke, not two): the
        # layout hears of that edit right after the signal.
        self.edited = False

    def documentChanged(self, pos: int, removed: int, added: int) -> None:  # noqa: N802 - Qt's name
        doc = self._doc
        count = doc.blockCount()
        edited, self.edited = self.edited, False
        if edited and added > 0 and count == self._blocks:
            block = doc.findBlock(pos)
            last = doc.findBlock(pos + added - 1)
            if block == last:
                removed = 0
            elif block.isValid() and last.isValid() and self.visible is not None:
                self._lines_changed(block, last)
                return
        if edited and count != self._blocks and self.partial is not None and self.repaint_from is not None:
            block = doc.findBlock(pos)
            if self.partial(block):
                # Qt's own handling, without its "repaint everything": the size (the scroll bar's
                # range) is said again here and the view repainted from the edited line down.
                self.blockSignals(True)
                try:
                    super().documentChanged(pos, removed, added)
                finally:
                    self.blockSignals(False)
                self._blocks = count
                self.documentSizeChanged.emit(self.documentSize())
                self.repaint_from(doc.findBlock(pos))
                return
        super().documentChanged(pos, removed, added)
        self._blocks = count

    def _lines_changed(self, block: QTextBlock, last: QTextBlock) -> None:
        """Lines ``block`` to ``last`` have new colours (the text of all but one is as it was).

        Qt would drop their layouts and repaint the whole view; the lines on screen are laid
        out and repainted one by one instead, the others are laid out when they are shown.
        """
        assert self.visible is not None
        top, bottom = self.visible()
        while True:
            if top <= block.blockNumber() <= bottom:
                super().documentChanged(block.position(), 0, block.length())
            else:
                block.clearLayout()
            if block == last:
                return
            block = block.next()


class SourceEditor(QPlainTextEdit):
    """Line numbers, current line, brackets, indentation, comments, zoom, problem markers."""

    sig_edited = Signal()  # the user changed the text (read it with text(): a big file costs ~1 ms)
    sig_long_line = Signal()  # a paste made a line too long to colour: the view now wraps (see long_line)
    sig_said = Signal(str)  # a word for the status bar (why a command did nothing here)
    # The view scrolled, before the editor's marks follow it: the find bar marks the lines come on
    # show first, so the marks are built once (see _scrolled).
    sig_view_moved = Signal()
    sig_undo = Signal(bool)  # Ctrl+Z (False) or Ctrl+Y / Ctrl+Shift+Z (True) typed here: for the window's history

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        document = QTextDocument(self)
        self._layout = layout = _Layout(document)
        layout.visible = self._visible_lines
        layout.partial = self._partial_repaint
        layout.repaint_from = self._repaint_from
        document.setDocumentLayout(layout)
        self.setDocument(document)
        # Kept: the painting of every keystroke wanted it five times (a look-up each).
        self._held_viewport = HeldViewport(self)
        # The document, for what only paints what is on show while a big file is still going in
        # (see _set_plain_text); everything else asks document(), which puts the rest in first.
        self._doc = document
        self.setObjectName("sourceEditor")
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        # When a long line is wrapped (see _fit_long_lines), it breaks at the edge of the view, not
        # at a space: Qt's search for a space takes time that grows with the square of a run
        # without one, and a 500 KB base64 string (an inline picture) froze the window for 8 s.
        self.setWordWrapMode(QTextOption.WrapMode.WrapAnywhere)
        # Every line is code, read left to right: a comment or a string in Arabic or Hebrew at the
        # start of a line made Qt lay the whole line out right to left ('//' and the indentation
        # went to its right end). Its words still run right to left inside the line.
        option = document.defaultTextOption()
        option.setTextDirection(Qt.LayoutDirection.LeftToRight)
        document.setDefaultTextOption(option)
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.setUndoRedoEnabled(False)  # the window's undo stack holds the edits
        self.setTabStopDistance(4 * self.fontMetrics().horizontalAdvance(" "))
        self.highlighter: SyntaxHighlighter | None = None
        self.markers: list[Marker] = []
        self._found: list[tuple[int, int]] = []  # the find bar's matches, marked in the text (see show_found)
        self._found_gaps: list[int] = []  # where the marks of empty matches are painted (see _paint_gaps)
        self._found_left = False  # a mark an edit touched was left out of _found, not yet off the screen
        # The find bar's In selection range, tinted (see show_scope): its cursor follows the edits.
        self._scope: QTextCursor | None = None
        self._wheel_turn = 0  # Ctrl+wheel turned by less than a notch so far (see wheelEvent)
        self._selection_key: tuple | None = None
        self._marked = (0, 0)  # the lines whose markers and find marks are extra selections (see _marked_lines)
        # Of those, the lines longer than LONG_LINE: (start, end, first, last) document positions of
        # each and of the part of it that is marked (see _long_windows).
        self._windows: list[tuple[int, int, int, int]] = []
        # The marks wait for the paint to lay out a line too long to mark whole (see _waits_for_paint).
        self._marks_waiting = False
        self._marks_after_paint = QTimer(self, singleShot=True, interval=0)
        self._marks_after_paint.timeout.connect(self._mark_after_paint)
        # The code-only text of the lines bracket matching read before the cursor's line, (first, last,
        # state) -> (text, state after), and after it, (first, state) -> (last, text, state after).
        self._code_memo: dict[tuple[int, int, int], tuple[str, int]] = {}
        self._code_tails: dict[tuple[int, int], tuple[int, str, int]] = {}
        self._dark = is_dark(self.palette())  # (read once per change of palette, not per keystroke)
        # The current line's background, painted under the text (see _paint_current_line), and where
        # it was last put: a cursor that follows edits, so the row it leaves can be repainted.
        self._line_colour: QColor | None = None
        self._line_at: QTextCursor | None = None
        self._gutter_key: tuple | None = None
        self._endings = LineEndings("")  # the file's own line endings and BOM (core.lineends)
        self.long_line: tuple[int, int] | None = None  # (number, length) of a line too long to colour
        self._applying = False
        self._bulk = False  # replace_spans() is changing many places at once
        # Lines whose text changed while the highlighter was deaf (replace_spans): coloured again
        # from the batch timer.
        self._recolour: list[int] = []
        self._recolour_count = 0  # the line count when they were listed (see _shift_recolour)
        self._loading = False  # load() is putting a file's text in (see _cursor_moved)
        self.indent_unit = "    "  # one level of indentation as the file on show writes it (see load)
        self._edited = False  # the text changed since the last contentsChanged (see _contents_change)
        # While sig_edited is emitted: the name of the command that made the edit ("Replace all"),
        # None for typing. The window merges typing into one undo step and gives a command its own.
        self.edit_label: str | None = None
        self._step: str | None = None  # the command running in edit_step(), which reports once at its end
        # Called before a command (edit_step) or the window (load, replace_text) changes the text:
        # typing the window has not read yet (it reads it lazily) must be read as it is before.
        self.before_edit: Callable[[], None] | None = None
        self._step_edited = False
        self._gutter = _Gutter(self)
        self._batch = QTimer(self, interval=0)
        # Lines a keystroke left uncoloured (off screen) are coloured once typing pauses.
        self._later = QTimer(self, singleShot=True, interval=150)
        self._later.timeout.connect(self._batch.start)
        self._attach = QTimer(self, singleShot=True, interval=0)
        self._attach.timeout.connect(self._attach_later)
        # A big file's text still to go in (see _set_plain_text): the whole text as shown, where the
        # part not yet in starts (a line break), and its line count.
        self._fill_text: str | None = None
        self._fill_at = 0
        self._fill_lines = 0
        self._filling = False  # a part is going in now (what its signals run must not ask for the rest)
        self._fill_units: int | None = None  # the whole text's characterCount() (see _whole_length)
        # Where put_back() puts the cursor and the view once the part of the file holding it is in.
        self._pending_place: Place | None = None
        self._fill = QTimer(self, interval=0)
        self._fill.timeout.connect(self._fill_step)
        self.language_name: str | None = None
        self._batch.timeout.connect(self._colour_batch)
        self.blockCountChanged.connect(self._update_margins)
        self.updateRequest.connect(self._update_gutter)
        self.cursorPositionChanged.connect(self._cursor_moved)
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        # (actionTriggered: the user's scrolling only, not a value set by the code)
        self.verticalScrollBar().actionTriggered.connect(self._forget_place)
        self.horizontalScrollBar().actionTriggered.connect(self._forget_place)
        self.document().contentsChanged.connect(self._contents_changed)
        self.document().contentsChange.connect(self._contents_change)
        self.snippet: SnippetSession | None = None  # the tab stops of the snippet being filled in
        # What the snippets' ${PLUGIN_ID:…}, ${ACTION:…} and ${ICON:…} are for the file on show (the
        # window knows its plugin: core.snippets.plugin_values); None: the snippets' own defaults.
        self.snippet_values: Callable[[], dict[str, str]] | None = None
        # The extra selections of _update_selections, kept to put the snippet's marks beside them
        # without building them again at each key typed into a placeholder (see _mark_snippet).
        self._base_selections: list[QTextEdit.ExtraSelection] = []
        self._snippet_marked: tuple | None = None  # the snippet's marks on show (SnippetSession.marks)
        # Its empty placeholders, (position, current): an extra selection of nothing paints nothing.
        self._snippet_gaps: list[tuple[int, bool]] = []
        # The run of typing the keystrokes belong to: the window merges a run into one undo step.
        # Enter and moving the cursor (keys, a click, the next tab stop) start a new one, so Ctrl+Z
        # takes back the last line typed, not everything typed since the file was opened.
        self.typing_run = 0
        # Where the text the last replace_text() put in ends (None: nothing since, or another file
        # shown): where an undo or redo puts the cursor (see show_replaced).
        self._replaced_end: int | None = None
        self.completion = CompletionHelper(self)
        self._update_margins()

    # -- text ---------------------------------------------------------------------------------
    def load(self, name: str, text: str) -> None:
        """Show ``text`` (the file ``name``); colours the first lines now and the rest in batches.

        A big file's first lines go in now and the rest on the next turns of the event loop (see
        :meth:`_set_plain_text`)."""
        if self.before_edit is not None:
            self.before_edit()  # (typing to take reads the text: the rest of a big file is put in first)
        # The rest of the last file, if a big one was still going in, is not put in: nothing reads it
        # now (where it was shown is known without it: see place). It took a second for 100,000 lines.
        self._drop_fill()
        endings = LineEndings(text)
        self.snippet = None
        self._replaced_end = None
        self.language_name = language_name(name)
        self._batch.stop()
        self._recolour = []
        # Not an edit, any of it: taking the old colours off reports "contents changed" too, and a
        # listener reading text() then would still see the old file.
        self._applying = self._loading = True
        try:
            self._endings = endings
            self._fit_long_lines(endings.shown)  # first: laying the text out again would take as long
            if self.highlighter is not None:
                self.setPlainText("")  # the old colours go with the old lines, not block by block
                self.highlighter.setDocument(None)
                self.highlighter.deleteLater()
                self.highlighter = None
            if self.language_name is None:
                self._set_plain_text(endings.shown)
            else:
                self._put_text_uncoloured(endings.shown)
        finally:
            self._applying = self._loading = False
        self.setDocumentTitle(name)
        from ...core.indentation import indent_unit

        # Tab, Enter after a brace and Indent step in as the file does: in a file indented with
        # tabs (or two spaces) they put four spaces, a mix the user's linter flags line by line.
        self.indent_unit = indent_unit(endings.shown)
        self._selection_key = None
        self._attach.stop()
        if self.language_name is not None:
            # A big file gets its colours from the next turn of the event loop, so putting the
            # text in and building the lexer are not one long stall.
            if self._doc.blockCount() > FIRST_LINES:
                self._attach.start()
            else:
                self._attach_highlighter()
        self._update_selections()

    @property
    def _viewport(self) -> QWidget:
        """The viewport, where the text and its marks are painted (see HeldViewport)."""
        return self._held_viewport.get()

    def _put_text_uncoloured(self, text: str) -> None:
        """``setPlainText(text)`` under a new highlighter that colours nothing yet (no lexer, limit 0).

        Why this way: a highlighter given a document that holds text goes over every line of it on
        the next turn of the event loop (QSyntaxHighlighter's delayed "rehighlight"), and one
        present while the text goes in goes over every line then; either is a Python call per
        line, some 30 ms of stall for 10,000 lines, only to mark lines it leaves for the batches.
        So the highlighter is given the document while it is empty, and is deaf to the change
        that puts the text in: Qt's own connection of the two (a private slot, named as Qt names
        it) is cut for that one call. :meth:`_attach_highlighter` then colours from the top.
        If this Qt has no such connection, Qt goes over the lines as before: slower, same colours.
        """
        doc = self._doc
        if not doc.isEmpty():
            self.setPlainText("")
        hl = self.highlighter = SyntaxHighlighter(self, None, self._dark)
        hl.on_defer = self._later.start
        hl.setDocument(doc)  # (empty: nothing for Qt to go over later)
        hl.limit = 0
        cut = QObject.disconnect(doc, SIGNAL(_CONTENTS_CHANGE), hl, SLOT(_REFORMAT))
        try:
            self._set_plain_text(text)
        finally:
            if cut:
                QObject.connect(doc, SIGNAL(_CONTENTS_CHANGE), hl, SLOT(_REFORMAT))

    def _set_plain_text(self, text: str) -> None:
        """``setPlainText(text)``, the gutter made as wide as the new line count needs first; a file
        of more than FILL_FROM lines in parts: its first FILL_FIRST lines now, the rest from a timer.

        Why the gutter first: widening it once the text is in (1 line to 10,000: two digits more)
        resizes the view and lays out its lines again, some 5 ms of the stall of opening a big file.

        Why in parts: Qt takes 25-30 ms to put 10,000 lines in a document, most of the stall of
        opening such a file, and each part of 2,000 lines some 6 ms. Until the last part is in,
        the editor shows the lines it has, and everything that reads or changes the text, moves
        to a line or takes a key or a click first puts the rest in at once (:meth:`finish_fill`):
        :meth:`document`, :meth:`textCursor`, :meth:`blockCount` and :meth:`toPlainText` do,
        so no caller sees a part of the file as its text, nor takes it for an edit.
        """
        lines = text.count("\n") + 1
        self._set_margin(self.gutter_width(lines))
        first = _line_end(text, 0, FILL_FIRST, len(text)) if lines > FILL_FROM else len(text)
        if first == len(text):
            self.setPlainText(text)
            return
        # (the rest known first: the gutter stays as wide as the whole file's line count needs)
        self._fill_text, self._fill_at, self._fill_lines, self._fill_units = text, first, lines, None
        self._filling = True
        try:
            self.setPlainText(text[:first])
        finally:
            self._filling = False
        self._fill.start()

    def _fill_step(self) -> None:
        """Put the next part of a big file in (see :meth:`_set_plain_text`)."""
        text = self._fill_text
        if text is None:
            self._fill.stop()
            return
        if self._attach.isActive():
            return  # (the first lines' colours first, in a turn of their own: see load)
        end = _line_end(text, self._fill_at + 1, FILL_LINES, FILL_CHARS)
        self._put_part(text[self._fill_at : end])
        self._fill_at = end
        if end >= len(text):
            self._fill_done()
        elif self._pending_place is not None and self._holds(self._pending_place):
            self._put_back(self._pending_place)

    def _drop_fill(self) -> None:
        """Forget the rest of a big file still to go in, and where the view was to go in it."""
        self._fill_text = None
        self._pending_place = None
        self._fill.stop()

    def finish_fill(self) -> None:
        """Put the rest of a big file in now (see :meth:`_set_plain_text`); nothing when it is all in."""
        if self._fill_text is None or self._filling:
            return
        self._put_part(self._fill_text[self._fill_at :])
        self._fill_done()

    def _put_part(self, part: str) -> None:
        """Add ``part`` (a line break, then whole lines) at the end of the text: not an edit, and
        the highlighter deaf to it (as to the first part, see :meth:`_put_text_uncoloured`)."""
        doc = self._doc
        cursor = QTextCursor(doc)
        cursor.movePosition(QTextCursor.MoveOperation.End)
        hl = self.highlighter
        cut = hl is not None and QObject.disconnect(doc, SIGNAL(_CONTENTS_CHANGE), hl, SLOT(_REFORMAT))
        self._filling = self._applying = self._bulk = True
        try:
            cursor.insertText(part)
        finally:
            self._filling = self._applying = self._bulk = False
            if cut:
                QObject.connect(doc, SIGNAL(_CONTENTS_CHANGE), hl, SLOT(_REFORMAT))

    def _fill_done(self) -> None:
        """The last part is in: the colouring goes on past the first part, the marks are made again,
        and the cursor and the view go where put_back() was asked to put them."""
        self._fill_text = None
        self._fill.stop()
        if self._pending_place is not None:
            self._put_back(self._pending_place)
        hl = self.highlighter
        if hl is not None and hl.limit is not None and hl.language is not None:
            self._batch.start()  # (the lines past the first part went in unseen by the highlighter)
        # Made on the lines that were in: a problem's underline further down, the brackets' partners.
        self._update_selections(force=True)

    def filling(self) -> bool:
        """Whether a big file's text is still going in (see :meth:`_set_plain_text`)."""
        return self._fill_text is not None

    def place(self) -> Place:
        """Where the cursor and the view are in this file (see :meth:`put_back`). A big file still
        going in is not put in whole for it: its length is the whole text's, and a place put_back()
        is waiting to go to is that place."""
        if self._pending_place is not None:
            return self._pending_place
        cursor = QPlainTextEdit.textCursor(self)
        return Place(
            self._whole_length(),
            cursor.anchor(),
            cursor.position(),
            cursor.blockNumber(),
            self.horizontalScrollBar().value(),
            self.verticalScrollBar().value(),
        )

    def put_back(self, place: Place) -> None:
        """Put the cursor (``place.anchor`` to ``place.position``) and the scroll bars back where
        :meth:`place` saw them in this file.

        A text of another length (changed meanwhile, by undo or another program) gets the cursor
        at the start of the same line (or the last one) instead: an old position could fall inside
        a character there.

        A big file still going in (see :meth:`_set_plain_text`) gets them once the part holding
        the place is in; until then the view shows the top. Why: the rest put in at once here was
        the stall of opening the file whole (a second for 100,000 lines), and everything that reads
        the text or takes a key puts the rest in first anyway, and with it the cursor (see
        :meth:`_fill_done`).
        """
        self._pending_place = None
        if self._fill_text is not None and not self._holds(place):
            self._pending_place = place
            return
        self._put_back(place)

    def _forget_place(self) -> None:
        """The user has scrolled or clicked: the place put_back() was waiting to go to is not gone to.

        Why: coming back to a big file shows its top until the part holding the old place is in; a
        page scrolled meanwhile jumped back to the old place a moment later, and a click on a line on
        show put the cursor on a line of the old place instead, thousands of lines down.
        """
        self._pending_place = None

    def _holds(self, place: Place) -> bool:
        """Whether the part of a big file already in holds ``place`` (not on the last line in: a part
        yet to come would lengthen it), the view's scroll position included."""
        doc = self._doc
        if self._fill_text is None:
            return True
        if place.length == self._whole_length():
            inside = max(place.anchor, place.position) < doc.lastBlock().position()
        else:
            inside = place.line < doc.blockCount() - 1
        return inside and 0 <= place.y <= self.verticalScrollBar().maximum()

    def _whole_length(self) -> int:
        """The document's ``characterCount()``, or what it will be once a big file is all in."""
        text = self._fill_text
        if text is None:
            return self._doc.characterCount()
        if self._fill_units is None:
            self._fill_units = (len(text) if text.isascii() else _utf16(text)) + 1
        return self._fill_units

    def _put_back(self, place: Place) -> None:
        self._pending_place = None
        doc = self._doc
        cursor = QPlainTextEdit.textCursor(self)
        if place.length == self._whole_length():
            cursor.setPosition(place.anchor)
            cursor.setPosition(place.position, QTextCursor.MoveMode.KeepAnchor)
        else:
            cursor.setPosition(doc.findBlockByNumber(min(place.line, doc.blockCount() - 1)).position())
        self.setTextCursor(cursor)
        self.horizontalScrollBar().setValue(place.x)  # scroll bars keep a value within their range
        self.verticalScrollBar().setValue(place.y)

    # What asks for the text (or moves in it) gets all of it: see _set_plain_text.
    def document(self) -> QTextDocument:
        if self._fill_text is not None and not self._filling:
            self.finish_fill()
        return self._doc

    def textCursor(self) -> QTextCursor:  # noqa: N802 - Qt's name
        if self._fill_text is not None and not self._filling:
            self.finish_fill()
        return QPlainTextEdit.textCursor(self)

    def blockCount(self) -> int:  # noqa: N802 - Qt's name
        if self._fill_text is not None and not self._filling:
            self.finish_fill()
        return self._doc.blockCount()

    def toPlainText(self) -> str:  # noqa: N802 - Qt's name
        self.finish_fill()
        return super().toPlainText()

    def find(self, *args) -> bool:
        self.finish_fill()
        return super().find(*args)

    def moveCursor(self, *args) -> None:  # noqa: N802 - Qt's name
        self.finish_fill()
        super().moveCursor(*args)

    def selectAll(self) -> None:  # noqa: N802 - Qt's name
        self.finish_fill()
        super().selectAll()

    def insertPlainText(self, text: str) -> None:  # noqa: N802 - Qt's name
        self.finish_fill()
        super().insertPlainText(text)

    def appendPlainText(self, text: str) -> None:  # noqa: N802 - Qt's name
        self.finish_fill()
        super().appendPlainText(text)

    def setPlainText(self, text: str) -> None:  # noqa: N802 - Qt's name
        if not self._filling:  # (the text is replaced whole: a rest still to go in would follow it)
            self._drop_fill()
        super().setPlainText(text)

    def clear(self) -> None:
        self._drop_fill()
        super().clear()

    def inputMethodEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.finish_fill()
        super().inputMethodEvent(event)

    def _attach_highlighter(self) -> None:
        """Give the highlighter its lexer and colour the first lines (the rest in batches, once a big
        file's text is all in: see :meth:`_fill_done`)."""
        hl = self.highlighter
        if hl is None or hl.language is not None:
            return
        language = language_for(self.documentTitle())
        if language is None:
            return
        hl.language = language
        hl.limit = FIRST_LINES
        hl.horizon = self._horizon()
        first = self._doc.begin()
        if first.isValid():
            hl.rehighlightBlock(first)
        self._batch.start()

    def _attach_later(self) -> None:
        """:meth:`_attach_highlighter` of a big file, on the turn of the event loop after load(); and
        the brackets at the cursor marked, which load() left for the lexer to tell from brackets in strings."""
        self._attach_highlighter()
        self._update_selections()

    def shown_text(self) -> str:
        """The text as shown, lines joined with ``\\n``: exactly, unlike ``toPlainText()``, which
        also turns non-breaking spaces into spaces and U+2028 into line breaks."""
        return self.document().toRawText().replace("\u2029", "\n")

    def text(self) -> str:
        """The text as it is kept in the package: each untouched line with its own ending, the BOM kept."""
        return self._endings.to_raw(self.shown_text())

    def mixed_endings(self) -> bool:
        """Whether the file has more than one kind of line ending. Then :meth:`text` gives each line
        its ending by comparing with the text it gave last, so the window reads it after every edit."""
        return self._endings.mixed

    def replace_text(self, text: str) -> None:
        """Change the text to ``text`` (the file's own, as :meth:`text` gives) by replacing only the
        part that differs (undo, redo, a fix).

        The cursor stays where it was when that part is elsewhere; only the changed lines are
        coloured again.
        """
        if self.before_edit is not None:
            self.before_edit()
        self._endings = LineEndings(text)
        self.replace_shown(self._endings.shown)
        self._fit_long_lines(self._endings.shown)
        from ...core.indentation import indent_unit

        # (the file changed under the editor: a formatter run outside took it from four spaces to
        # two, and Enter, Tab and snippets went on putting four)
        self.indent_unit = indent_unit(self._endings.shown)

    def show_replaced(self, show: bool = True) -> None:
        """The cursor to the end of the text the last :meth:`replace_text` put in, in view (``show``
        False: only forget where that was).

        For the window's undo and redo. Why: a step undone out of sight (a line typed at the top,
        Ctrl+Z at the bottom) changed nothing on screen, the cursor left where it was.
        """
        end, self._replaced_end = self._replaced_end, None
        if end is None or not show:
            return
        cursor = self.textCursor()
        cursor.setPosition(min(end, self._doc.characterCount() - 1))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def show_change(self, before: str) -> None:
        """The cursor to the end of what differs from ``before`` (the file's own text, as
        :meth:`text` gives, before an undo or redo), in view, as :meth:`show_replaced` does.

        For the window's undo and redo of a step in a file that was not on show: the file is shown
        as it was left, and its changed line stayed out of sight.
        """
        text, old = self.shown_text(), LineEndings(before).shown
        if text == old:
            return
        end = len(text) - _common_suffix(old, text, _common_prefix(old, text))
        self._replaced_end = _utf16(text[:end])
        self.show_replaced()

    def _fit_long_lines(self, text: str) -> None:
        """Wrap the lines of a file that has one longer than LONG_LINE (minified code), else none.

        Why: unwrapped, Qt lays out and paints such a line as one row of a million glyphs, which
        makes every keystroke take more than half a second on a 2 MB line; wrapped, only its rows
        on screen are painted. Code is read best unwrapped, so only such files are wrapped.
        """
        self.long_line = longest_line(text)
        mode = QPlainTextEdit.LineWrapMode.WidgetWidth if self.long_line else QPlainTextEdit.LineWrapMode.NoWrap
        if self.lineWrapMode() != mode:
            self.setLineWrapMode(mode)
        # Such a line, wrapped, is taller than any screen (LONG_LINE characters: hundreds of rows).
        # Its scroll bar is there before the text goes in: else Qt lays the text out at the width
        # without it, finds it needed and lays it all out again, a second each on a 5 MB line.
        scroll = Qt.ScrollBarPolicy.ScrollBarAlwaysOn if self.long_line else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        if self.verticalScrollBarPolicy() != scroll:
            self.setVerticalScrollBarPolicy(scroll)

    def replace_shown(self, text: str, label: str | None = None) -> None:
        """:meth:`replace_text` for text as shown (lines joined with ``\\n``).

        With ``label`` it is the user's edit (Replace all), reported as one step of that name; the
        cursor and the view are then left to the caller (the text around them changed).
        """
        old = self.shown_text()
        if old == text:
            return
        start = _common_prefix(old, text)
        same_end = _common_suffix(old, text, start)
        end_old, end_new = len(old) - same_end, len(text) - same_end
        a = _utf16(old[:start])
        if label is None:
            self._replaced_end = a + _utf16(text[start:end_new])
        with self.edit_step(label) if label is not None else nullcontext():  # (None: not the user's edit)
            if label is not None and _ODD_BREAK.search(text, start, end_new):
                # A lone CR, U+2028 or U+2029 the user put in (Replace all) ends a line in the file, as
                # the checks count lines and as the file opened again shows it: a line of its own
                # here too, its ending kept. Why: Qt kept a U+2028 inside its line, so every problem
                # below was underlined a line too high, and wrote a U+2029 as a plain line break.
                # (After the step began: the typing before it is read with the endings before it.)
                self._endings = LineEndings(self._endings.to_raw(text))
                text = self._endings.shown  # (as long: each of them is one "\n" now)
            self._replace_range(old, text, start, end_old, end_new, a, applying=label is None)

    def _replace_range(
        self, old: str, text: str, start: int, end_old: int, end_new: int, a: int, applying: bool
    ) -> None:
        """Put ``text[start:end_new]`` in place of ``old[start:end_old]`` (``a``: ``start`` in Qt's
        units); ``applying``: not the user's edit (an undo, a fix), which is not reported.

        Many lines (Replace all, its undo in a big file): the highlighter is deaf to the edit and
        the lines are coloured again from the batch timer. Why: it went over each of them in this
        stall, and so did the layout's own loop (see _Layout).
        """
        hl = self.highlighter
        many = hl is not None and hl.language is not None and text.count("\n", start, end_new) > BATCH_LINES
        if many and self._replace_lines(old, text, start, end_old, end_new, applying):
            return
        doc = self.document()
        cursor = QTextCursor(doc)
        cursor.setPosition(a)
        cursor.setPosition(a + _utf16(old[start:end_old]), QTextCursor.MoveMode.KeepAnchor)
        cut = many and QObject.disconnect(doc, SIGNAL(_CONTENTS_CHANGE), hl, SLOT(_REFORMAT))
        self._applying = applying
        self._bulk = many
        try:
            cursor.insertText(text[start:end_new])
        finally:
            self._applying = self._bulk = False
            if cut:
                QObject.connect(doc, SIGNAL(_CONTENTS_CHANGE), hl, SLOT(_REFORMAT))
        if many:
            first = doc.findBlock(a).blockNumber()
            self._recolour = sorted(set(self._recolour).union(range(first, cursor.blockNumber() + 1)))
            self._recolour_count = doc.blockCount()
            self._batch.start()

    def _replace_lines(self, old: str, text: str, start: int, end_old: int, end_new: int, applying: bool) -> bool:
        """Change the lines of ``old`` (the text shown) from ``start`` to ``end_old`` that differ from
        ``text``'s (to ``end_new``), one edit per run of changed lines, when both have as many lines
        there (the undo or redo of a Replace all that put in or took out no line break) and the runs
        are few for the lines they span; else False (then the whole range is replaced at once).

        Why: Qt built every line between the first and last difference again, about 0.5 s in a
        100,000-line library also when only 1,250 of them changed (undo of a Replace all of a rare
        word); the lines in between are now left alone (0.1 s there), and the changed ones coloured
        again from the batch timer, as :meth:`replace_spans` does. Not when runs are close: an edit
        costs Qt as much as building RUN_COST lines, so a word on every eighth line ("participant")
        is not faster this way. Each edit keeps only the part of its lines that differs, so a cursor
        on a changed line stays where it was unless the change is at it.
        """
        top = old.rfind("\n", 0, start) + 1  # the start of the line of the first difference
        after = old.find("\n", end_old)  # and the end of the line of the last one (the same in text)
        tail = len(old) - after if after >= 0 else 0
        before, now = old[top : len(old) - tail].split("\n"), text[top : len(text) - tail].split("\n")
        if len(before) != len(now):
            return False
        runs: list[list[int]] = []  # [first, last + 1] of each run of changed lines
        for i in compress(count(), map(ne, before, now)):  # (the lines compared in C: 100,000 in 5 ms)
            if runs and runs[-1][1] == i:
                runs[-1][1] = i + 1
            elif len(runs) * RUN_COST > i + 1_000:
                return False  # runs this close are slower one by one than all lines at once
            else:
                runs.append([i, i + 1])
        doc = self.document()
        hl = self.highlighter
        first = old.count("\n", 0, top)
        cursor = QTextCursor(doc)
        move, put, keep = cursor.setPosition, cursor.insertText, QTextCursor.MoveMode.KeepAnchor
        line = doc.findBlockByNumber
        changed: list[int] = []
        cut = hl is not None and QObject.disconnect(doc, SIGNAL(_CONTENTS_CHANGE), hl, SLOT(_REFORMAT))
        self._applying, self._bulk = applying, True
        try:
            cursor.beginEditBlock()
            for i, j in runs:
                a, b = "\n".join(before[i:j]), "\n".join(now[i:j])
                same = _common_prefix(a, b)
                end = _common_suffix(a, b, same)
                cut_a, cut_b = len(a) - end, len(b) - end
                at = line(first + i).position() + (same if a.isascii() else _utf16(a[:same]))
                move(at)
                move(at + (cut_a - same if a.isascii() else _utf16(a[same:cut_a])), keep)
                put(b[same:cut_b])
                changed.extend(range(first + i, first + j))
            cursor.endEditBlock()
        finally:
            self._applying = self._bulk = False
            if cut:
                QObject.connect(doc, SIGNAL(_CONTENTS_CHANGE), hl, SLOT(_REFORMAT))
        self._recolour = sorted(set(self._recolour).union(changed))
        self._recolour_count = doc.blockCount()
        self._batch.start()
        return True

    def replace_spans(self, spans: list[tuple[int, int, str]], label: str) -> None:
        """Replace each (start, end) of the text (UTF-16 positions, in order, not overlapping) with
        its new text: the user's edit ``label`` (Replace all), one step.

        Why match by match, not the text from the first match to the last (:meth:`replace_shown`):
        Qt built every line in between again and the highlighter coloured each one in the same
        stall, 10 s for a word on every eighth line of a 100,000-line library. Here Qt changes only
        the matches, and the lines they are on are coloured again from the batch timer, those on
        show first (:meth:`_colour_batch`); the highlighter is deaf to the edit meanwhile.
        """
        doc = self.document()
        cursor = QTextCursor(doc)
        hl = self.highlighter
        changed: list[int] = []
        cut = hl is not None and QObject.disconnect(doc, SIGNAL(_CONTENTS_CHANGE), hl, SLOT(_REFORMAT))
        self._bulk = True
        try:
            with self.edit_step(label):
                cursor.beginEditBlock()
                # (Looked up once: three calls into Qt per span are most of the time, 37,500 spans
                # for a word on every eighth line of a 100,000-line library.)
                move, line_of, put = cursor.setPosition, cursor.blockNumber, cursor.insertText
                keep = QTextCursor.MoveMode.KeepAnchor
                shift = 0
                for start, end, new in spans:
                    if "\r" in new:
                        # Qt puts in one line break for "\r\n": counted as two characters, the
                        # spans after it were each replaced one character further on.
                        new = new.replace("\r\n", "\n")
                    move(start + shift)
                    # The line the span starts on, unless its new text has no line break in it (the
                    # common case): then that is the line the cursor ends on after it (asked then).
                    first = -1 if new.isprintable() else line_of()
                    move(end + shift, keep)
                    put(new)
                    if first < 0:
                        changed.append(line_of())
                    else:
                        changed.extend(range(first, line_of() + 1))
                    shift += (len(new) if new.isascii() else _utf16(new)) - (end - start)
                cursor.endEditBlock()
        finally:
            self._bulk = False
            if cut:
                QObject.connect(doc, SIGNAL(_CONTENTS_CHANGE), hl, SLOT(_REFORMAT))
        if hl is not None:
            self._recolour = sorted(set(self._recolour).union(changed))
            self._recolour_count = doc.blockCount()
            self._batch.start()

    @contextmanager
    def edit_step(self, label: str) -> Iterator[None]:
        """Report the edits made inside as one :attr:`sig_edited` with :attr:`edit_label` ``label``.

        Why: the window merges typing into one undo step per file; a command (Replace all, Toggle
        Comment, Paste) is a step of its own, so Ctrl+Z takes back the command and not the typing
        before it. Nested steps report with the outermost one's name.
        """
        if self._step is not None:
            yield
            return
        if self.before_edit is not None:
            self.before_edit()  # the typing before the command is a step of its own, without it
        self._step, self._step_edited = label, False
        try:
            yield
        finally:
            edited = self._step_edited
            self._step, self._step_edited = None, False
            if edited:
                self.edit_label = label
                try:
                    self.sig_edited.emit()
                finally:
                    self.edit_label = None

    def _contents_changed(self) -> None:
        # The document also says "changed" for new colours (the highlighter's passes); only a
        # change that contentsChange reported first is an edit (reading the text to compare
        # would cost a millisecond per keystroke in a 10,000-line file).
        edited, self._edited = self._edited, False
        if edited and not self._applying and not self.isReadOnly():
            if self._step is not None:
                self._step_edited = True  # reported once when the command ends (edit_step)
            else:
                self.sig_edited.emit()

    def _contents_change(self, pos: int, removed: int, added: int) -> None:
        # Qt reports an edit of the text here, before contentsChanged; colours set by the
        # highlighter live in the line layouts and never come this way.
        self._layout.edited = not self._bulk  # (many lines changed at once: Qt's own handling, see _Layout)
        if not self._applying:
            self._edited = True
        if self._recolour and not self._bulk:
            self._shift_recolour(pos)
        if self._code_memo or self._code_tails:
            self._moved_code(pos, removed, added)
        self.completion.contents_change(pos, removed, added)
        if self._found:
            # The find bar's marks move with the text until it counts again (when the typing pauses):
            # kept where they were, a cursor move after lines were deleted marked other text and
            # gave Qt places past the end of the file. A mark the edit touched is left off.
            shift, cut = added - removed, pos + removed
            kept = [(a, b) if b <= pos else (a + shift, b + shift) for a, b in self._found if b <= pos or a >= cut]
            self._found_left |= len(kept) < len(self._found)  # (still painted: the next count takes it off)
            self._found = kept
            # (the thin bars of empty matches too: painted where they were, they stood on other text)
            self._found_gaps = [a if a <= pos else a + shift for a in self._found_gaps if a <= pos or a >= cut]
        # Runs before the highlighter's own slot (connected first): how far this edit colours now.
        if removed != added and self.highlighter is not None and self.highlighter.horizon is not None:
            self.highlighter.horizon = self._horizon()
        if self.snippet is not None and not self.snippet.contents_change(pos, removed, added):
            self.snippet = None
            # (its marks go after the edit: the selections are not changed while Qt makes it)
            QTimer.singleShot(0, self, self._mark_snippet)
        if added > LONG_LINE and self.long_line is None and not self._applying:
            QTimer.singleShot(0, self, self._check_pasted_lines)  # after the edit: the layout is busy with it

    def _shift_recolour(self, pos: int) -> None:
        """Lines added or removed at ``pos`` before the lines replace_spans() changed were all coloured
        again: the numbers of those below move with them (those removed are gone)."""
        count = self.document().blockCount()
        delta, self._recolour_count = count - self._recolour_count, count
        if delta:
            at = self.document().findBlock(pos).blockNumber()
            self._recolour = [n + delta if n > at else n for n in self._recolour if not at < n <= at - delta]

    def _check_pasted_lines(self) -> None:
        """A paste of more than LONG_LINE characters: wrap the view if it made a line that long."""
        if self.long_line is None:
            self._fit_long_lines(self.shown_text())
            if self.long_line is not None:
                self.sig_long_line.emit()

    # -- snippets and completion -------------------------------------------------------------
    def is_javascript(self) -> bool:
        return self.language_name == "javascript"

    def insert_snippet(self, snippet: Snippet, replace: int = 0) -> None:
        """Insert ``snippet`` at the cursor (over the ``replace`` characters before it, or the
        selection) and select its first stop.

        Chosen in the browser (Ctrl+J) with the cursor in or at a word, the snippet no longer goes
        between its letters (``lo|ad`` -> ``lo<snippet>ad``). Every snippet is a statement or a
        block of them, so what a user expects depends on the word: alone on its line, it is what
        they typed to look for the snippet (or a start of it), and the snippet takes its place, as
        a chosen completion takes its word's; in other code (``x.lo|ad();``) it is part of a
        statement that the snippet must not break, so the snippet goes on a fresh line below,
        indented as Enter at the end of that line would indent it. So it does after other code of
        its line (``x();|``, ``f(|)``); before a line's code, it goes on a line of its own above it.
        """
        from ...core.snippets import (
            declares_again,
            lines_needed,
            no_statement_here,
            registers_again,
            unplaced_subscriptions,
            written_for,
        )

        self.leave_snippet()
        source = self.shown_text()  # (once: a copy of the whole file, some 30 ms on 100,000 lines)
        cursor = self.textCursor()
        refused = registers_again(snippet, source) or declares_again(snippet, source, cursor.blockNumber())
        if refused:
            self.sig_said.emit(f"{refused}. Nothing was written.")
            return
        needed = lines_needed(snippet, source, cursor.blockNumber(), self.indent_unit)
        unplaced = "" if needed else unplaced_subscriptions(snippet, source)
        indent, lead, trail = self._snippet_place(cursor, replace)
        if why := no_statement_here(self._text_before(cursor.selectionStart())):
            self.sig_said.emit(f"'{snippet.prefix}' was not written: {why}, and its code would break the file.")
            return
        values = self.snippet_values() if self.snippet_values is not None else None
        expansion = written_for(
            snippet,
            source,
            indent,
            self.indent_unit,
            values,
            self._text_after(cursor.selectionEnd()),
            line=cursor.blockNumber(),
        )
        with self.edit_step(f"Insert snippet '{snippet.prefix}'"):
            for number, column, lines in needed:  # (the subscriptions array; above the snippet, its cursor moves down)
                block = self.document().findBlockByNumber(number)
                at = QTextCursor(block)
                at.setPosition(block.position() + _utf16(block.text()[:column]))
                at.insertText(lines)
            cursor.removeSelectedText()
            if lead:
                cursor.insertText(lead)
            start = cursor.position()
            cursor.insertText(expansion.text + trail)
        self.snippet = SnippetSession(self, start, expansion)
        if not self.snippet.move(1):
            self.leave_snippet()
        self._mark_snippet()
        self.setFocus()
        if unplaced:
            self.sig_said.emit(
                f"'{snippet.prefix}' uses a subscriptions array, which was not written with it: {unplaced}."
            )

    def _snippet_place(self, cursor: QTextCursor, replace: int = 0) -> tuple[str, str, str]:
        """Select with ``cursor`` what a snippet written there replaces (see :meth:`insert_snippet`)
        and say how it goes in: (its lines' indentation, what goes before it, what goes after it)."""
        line = cursor.block().text()
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        lead = ""  # what goes before the snippet: a line break and indentation, or the indentation
        trail = ""  # and after it: a line break and indentation, before code that follows on its line
        if replace:
            cursor.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor, replace)
        elif not cursor.hasSelection():
            before, after = text_before_cursor(cursor), text_after_cursor(cursor)
            head = _WORD_BEFORE.search(before).group()  # (each matches, maybe nothing)
            tail = _WORD_AFTER.match(after).group()
            if not line.strip():
                # An empty line: the snippet takes the place of its indentation and starts at it. At
                # the line's start (Home, a click left of it) the first line went in unindented, the
                # others indented, and the line's spaces after the last one.
                cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
                cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
                lead = indent
            elif (head or tail) and not before[: len(before) - len(head)].strip() + after[len(tail) :].strip():
                at = cursor.position()
                cursor.setPosition(at - _utf16(head))
                cursor.setPosition(at + _utf16(tail), QTextCursor.MoveMode.KeepAnchor)
            elif head or tail or before.strip():
                # (also after code, "x();|" or "f(|)": the snippet went in there, "x();var value = …")
                cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
                if self._code_before(line).rstrip()[-1:] in _OPEN:
                    indent += unit_under(indent, self.indent_unit)
                lead = "\n" + indent
            elif after.strip():
                # Before the code of its line ("    |'use strict';"): on a line of its own above it.
                # The code went after the snippet's last line ("}'use strict';").
                cursor.setPosition(cursor.block().position() + _utf16(indent))
                trail = "\n" + indent
        return indent, lead, trail

    def snippet_refused_here(self) -> str:
        """Why no snippet goes where the cursor is (among an object's keys, in a class's body, in a
        switch before its first case), in words; "" when one may. Why: the snippet browser said
        nothing of it, and the snippet chosen there was then refused."""
        from ...core.snippets import no_statement_here

        cursor = QTextCursor(self.textCursor())
        self._snippet_place(cursor)
        return no_statement_here(self._text_before(cursor.selectionStart()))

    def _text_before(self, pos: int, length: int = 4000) -> str:
        """The last ``length`` characters (UTF-16 units) of the text before ``pos``, lines ended with LF."""
        cursor = QTextCursor(self._doc)
        cursor.setPosition(pos)
        cursor.setPosition(max(0, pos - length), QTextCursor.MoveMode.KeepAnchor)
        return cursor.selectedText().replace("\u2029", "\n")

    def _text_after(self, pos: int, length: int = 4000) -> str:
        """The first ``length`` characters (UTF-16 units) of the text after ``pos``, lines ended with LF."""
        cursor = QTextCursor(self._doc)
        cursor.setPosition(pos)
        cursor.setPosition(min(pos + length, self._doc.characterCount() - 1), QTextCursor.MoveMode.KeepAnchor)
        return cursor.selectedText().replace("\u2029", "\n")

    def _cursor_moved(self) -> None:
        # (one slot for the two: a Python call costs a few microseconds of every keystroke)
        if self._loading:
            return  # (load() marks the line and the brackets once the text is in)
        self._update_selections()
        if self.snippet is not None:
            self._left_snippet()
        if self.snippet is not None or self._snippet_marked is not None:
            self._mark_snippet()

    def _left_snippet(self) -> None:
        """The cursor went elsewhere (a click, the arrows): the snippet is done, its copies filled in.

        Why: the session lived on, so the copy of a repeated stop (``${2:onClick}: $2``) kept its
        default in the saved file, and Tab forty lines further down jumped back into the snippet.
        """
        if (
            self.snippet is not None
            and not self.snippet.mirroring
            and not self.snippet.contains(self.textCursor().position())
        ):
            self.leave_snippet()

    def leave_snippet(self) -> None:
        if self.snippet is not None:
            session, self.snippet = self.snippet, None
            session.finish()
            self._mark_snippet()

    def _mark_snippet(self) -> None:
        """Show the snippet's placeholders where they are now, or no more once it ended; nothing is
        done when they did not move (the cursor's moves call this at every key)."""
        if (self.snippet.marks() if self.snippet is not None else None) != self._snippet_marked:
            self._show_selections()

    def _show_selections(self) -> None:
        """Give Qt the extra selections: those of _update_selections and the snippet's placeholders
        (a tint, stronger on the one Tab went to), made anew as they move with the typing: a
        selection's cursor collapses when its text is typed over, see SnippetSession)."""
        marks = self._snippet_marked = self.snippet.marks() if self.snippet is not None else None
        gaps = [(a, current) for a, b, current in marks or () if a == b]
        if gaps or self._snippet_gaps:
            self._viewport.update()  # (drawn by viewportEvent: Qt paints no selection of nothing)
        self._snippet_gaps = gaps
        if not marks:
            self.setExtraSelections(self._base_selections)
            return
        end = self._doc.characterCount() - 1
        tints = _SNIPPET_TINTS[self._dark]
        selections = list(self._base_selections)
        for a, b, current in marks:
            if a < b <= end:
                sel = QTextEdit.ExtraSelection()
                sel.format.setBackground(tints[current])
                sel.cursor = QTextCursor(self._doc)
                sel.cursor.setPosition(a)
                sel.cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
                selections.append(sel)
        self.setExtraSelections(selections)

    def _paint_gaps(self, area: QRect, bars: Iterable[tuple[int, QColor]], width: int) -> None:
        """A thin bar ``width`` pixels wide at each position of ``bars`` in the part ``area`` of the
        view being painted: an empty placeholder waiting (``function ($1)``), as code editors mark
        it, or empty text the find bar found (``^``, ``$``, ``\\b``), a place Replace puts its
        text at, which a mark of the text found has nothing to show on. Only the bars in ``area``
        (a cursor blink paints one line, and ``^`` finds hundreds on the lines marked)."""
        end = self._doc.characterCount() - 1
        painter = QPainter(self._viewport)
        for pos, colour in bars:
            cursor = QTextCursor(self._doc)
            cursor.setPosition(min(pos, end))
            rect = self.cursorRect(cursor)
            if rect.bottom() >= area.top() and rect.top() <= area.bottom():
                painter.fillRect(QRect(rect.left() - 1, rect.top(), width, rect.height()), colour)
        painter.end()

    def _code_before(self, line: str) -> str:
        """``line`` (the text before the cursor) without a ``//`` or ``/* */`` comment at its end.

        Why: Enter after ``if (x) { // when locked`` did not indent the next line, as the line
        did not end with the brace. The colouring's lexer tells a comment from ``//`` in a
        string (``'https://…'``).
        """
        hl = self._lexer()
        if hl is None or "/" not in line or len(line) > LONG_LINE:
            return line
        spans, _state = hl.language.lex_line(line, _state_above(self.textCursor().block()))
        end = _utf16(line)
        for start, length, kind in reversed(spans):
            if kind not in Comment and line_units_text(line, start, start + length).strip():
                break
            end = start
        return line_units_text(line, 0, end)

    def _in_comment_or_string(self) -> bool:
        """Whether the text just before the cursor is in a comment or a string (not a template's ``${}``).

        Why: the list opened after every dot, so a comment ending in "the participant." took
        Enter as "choose uuid" and the line break was lost.
        """
        return self.text_kind_at_cursor() is not None

    def text_kind_at_cursor(self) -> str | None:
        """ "comment" or "string" when the text just before the cursor is in one (a template's
        ``${}`` is code), else None. Read from the colouring's lexer: the line up to the cursor,
        starting in the state the line above ended in."""
        hl = self._lexer()
        cursor = self.textCursor()
        before = text_before_cursor(cursor)
        if hl is None or not before or len(before) > LONG_LINE:
            return None
        spans, _state = hl.language.lex_line(before, _state_above(cursor.block()))
        if not spans or spans[-1][0] + spans[-1][1] < _utf16(before):
            return None
        kind = spans[-1][2]
        if kind in Comment:
            return "comment"
        return "string" if kind in String and kind not in String.Interpol else None

    def _snippet_prefix(self) -> Snippet | None:
        cursor = self.textCursor()
        if cursor.hasSelection() or not self.is_javascript():
            return None
        before = text_before_cursor(cursor)
        m = re.search(r"(?<![\w$.])[A-Za-z_$][\w$]*$", before)
        if m is None or re.match(r"[\w$]", text_after_cursor(cursor)):
            return None  # (inside ``load|er`` the word is "loader": the snippet went between its letters)
        # Only a word where a statement could start: "load: load" + Tab indented nothing and put
        # the load snippet in the middle of an object.
        head = before[: m.start()].rstrip(" \t")
        return find_prefix(m.group()) if not head or head[-1] in ";{" else None

    def open_snippet_browser(self) -> SnippetBrowser | None:
        """Ctrl+J: the snippet browser; the chosen snippet is inserted at the cursor."""
        if self.isReadOnly() or not self.is_javascript():
            return None
        dialog = SnippetBrowser(self)
        dialog.accepted.connect(lambda: dialog.chosen is not None and self.insert_snippet(dialog.chosen))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind == _PAINT:
            if self._line_colour is not None:
                self._paint_current_line(event.rect())
            done = super().viewportEvent(event)
            if self._snippet_gaps:
                tints = _SNIPPET_GAP_TINTS[self._dark]
                self._paint_gaps(event.rect(), ((pos, tints[now]) for pos, now in self._snippet_gaps), 3)
            if self._found_gaps:
                colour = _FOUND_GAP_TINTS[self._dark]
                self._paint_gaps(event.rect(), ((pos, colour) for pos in self._found_gaps), 2)
            if self._marks_waiting:
                self._marks_waiting = False
                self._marks_after_paint.start()
            elif self._windows and not self._marks_after_paint.isActive() and self._left_window():
                # Zoomed, or the window resized: other text is on the rows on show of a line too
                # long to mark whole, at the same scroll position (the marks were left elsewhere).
                self._marks_after_paint.start()
            return done
        if kind == _TOOLTIP:
            shown = self._info_at(self.cursorForPosition(event.pos()), event.pos().x())
            if shown:
                QToolTip.showText(event.globalPos(), shown, self._viewport)
                return True
        return super().viewportEvent(event)

    def _info_at(self, cursor: QTextCursor, x: int) -> str:
        """What the text at ``x`` on ``cursor``'s line tells when hovered: the messages of the
        problems underlined there, and the signature and description of an API name."""
        doc = ""
        if self.is_javascript():
            text = cursor.block().text()
            column = len(text_before_cursor(cursor))
            doc = pexapi.hover_doc(text, column) if self._over_word(cursor, text, column, x) else ""
        return "\n\n".join(t for t in (self._marker_text_under(cursor, x), doc) if t)

    def show_info_at_cursor(self) -> str:
        """Show Info at Cursor (Ctrl+I): what hovering the text at the caret tells, as a tooltip
        under it; returns what it shows.

        Why: a problem's message and an API name's description were shown on hover only: with the
        keyboard alone, an underline said something was wrong here and nothing said what.
        """
        caret = self.cursorRect()
        shown = self._info_at(self.textCursor(), caret.center().x()) or "No problem or API name at the cursor."
        QToolTip.showText(self._viewport.mapToGlobal(caret.bottomLeft()), shown, self._viewport)
        return shown

    def _marker_text_under(self, cursor: QTextCursor, x: int) -> str:
        """The messages of the problems whose wavy underline is under the mouse (at ``x`` on ``cursor``'s line).

        Why: the underline said "something is wrong here" and hovering it said nothing (the
        message was set on the underline's format, which Qt shows for no extra selection); only
        the dot in the line numbers had it.
        """
        line = cursor.blockNumber() + 1
        found = []
        for marker in self.markers:
            if marker.line != line:
                continue
            sel = self._marker_selection(marker, False)
            if sel is None:
                continue
            edge = QTextCursor(sel.cursor)
            edge.setPosition(sel.cursor.selectionStart())
            left = self.cursorRect(edge).left()
            edge.setPosition(sel.cursor.selectionEnd())
            if left <= x <= self.cursorRect(edge).left():
                found.append(marker.message)
        return "\n".join(found)

    def _over_word(self, cursor: QTextCursor, text: str, column: int, x: int) -> bool:
        """Whether ``x`` lies on the word at ``column``: Qt gives the nearest position, so the mouse
        far right of a line's end, or over the "(" after a name, found that name's doc."""
        start = end = column
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_$"):
            start -= 1
        while end < len(text) and (text[end].isalnum() or text[end] in "_$"):
            end += 1
        if start == end:
            return False
        edge = QTextCursor(cursor.block())
        edge.setPosition(cursor.block().position() + _utf16(text[:start]))
        left = self.cursorRect(edge).left()
        edge.setPosition(cursor.block().position() + _utf16(text[:end]))
        return left <= x <= self.cursorRect(edge).left()

    # -- batch colouring ------------------------------------------------------------------------
    def _horizon(self) -> int:
        """The last line a keystroke colours at once (the rest is coloured from the batch timer)."""
        lines = self._viewport.height() // max(1, self.fontMetrics().height())
        first = self.firstVisibleBlock().blockNumber()
        return max(first + lines + 20, QPlainTextEdit.textCursor(self).blockNumber() + 20)

    def _partial_repaint(self, block: QTextBlock) -> bool:
        """Whether lines added or removed from ``block`` on leave the view above it as it was: an
        edit of the user's (not a new file or the window's undo, which Qt repaints whole) that
        starts at or below the top of the view."""
        return not self._applying and block.isValid() and block.blockNumber() >= self.firstVisibleBlock().blockNumber()

    def _repaint_from(self, block: QTextBlock) -> None:
        """Repaint the view (and the line numbers) from ``block``'s line down."""
        top = max(0, int(self.blockBoundingGeometry(block).translated(self.contentOffset()).top()))
        height = self._viewport.height()
        if top < height:
            area = QRect(0, top, self._viewport.width(), height - top)
            self._viewport.update(area)
            self.updateRequest.emit(area, 0)  # what Qt says with its own repaints (the gutter listens)

    def _visible_lines(self) -> tuple[int, int]:
        """The first and last line on screen (block numbers)."""
        bottom = self.cursorForPosition(QPoint(0, self._viewport.height() - 1)).blockNumber()
        return self.firstVisibleBlock().blockNumber(), bottom

    def _colour_batch(self) -> None:
        hl = self.highlighter
        if hl is None:
            self._batch.stop()
            return
        hl.deadline = time.perf_counter() + BATCH_TIME
        try:
            self._colour_next_batch()
        finally:
            hl.deadline = None

    def _colour_next_batch(self) -> None:
        if self._fill_text is not None:
            self._batch.stop()  # (started again once a big file's text is all in: see _fill_done)
            return
        hl = self.highlighter
        if self._recolour:
            self._colour_changed_lines()
            return
        if hl is not None and hl.limit is None and hl.dirty:
            # Lines a keystroke (or Replace all) left for later: the first run of them.
            self._colour_lines_from(hl.take_dirty())
            if not hl.dirty and hl.limit is None:  # (a batch cut short by its time: a limit)
                self._batch.stop()
            return
        if hl is None or hl.limit is None:
            self._batch.stop()
            return
        start = hl.limit
        count = self.document().blockCount()
        hl.limit = start + BATCH_LINES if start + BATCH_LINES < count else None
        hl.frontier = True  # (every line from the limit on is uncoloured: see SyntaxHighlighter.deadline)
        try:
            self._colour_lines_from(start)
        finally:
            hl.frontier = False
        if hl.limit is None and not hl.dirty:
            self._batch.stop()

    def _colour_changed_lines(self) -> None:
        """Colour again up to BATCH_LINES of the lines replace_spans() changed, those on show first.

        Each is lexed from the state the line above ends in; a line whose end state changes
        carries on to the next (as a keystroke does), so the colours come out as a colouring of the
        whole file from scratch would give them.
        """
        hl = self.highlighter
        lines = self._recolour
        count = self.document().blockCount()
        if hl is None or hl.language is None:
            self._recolour = []
            return
        top, bottom = self._lines_on_show()
        # Those on show, else the first: a slice of the sorted list, taken out as one. Why not a pass
        # over the list (what is on show, what is left): with 100,000 lines changed those passes
        # took a batch's whole time, which then coloured one line, and the colours took minutes.
        first = bisect_left(lines, top)
        if first == len(lines) or lines[first] > bottom:
            first = 0
        now = lines[first : first + BATCH_LINES]
        self._recolour = lines[:first] + lines[first + len(now) :]
        # A line followed by another of them is marked as not coloured: the colouring of the first of
        # a run of them then carries on through the run in one pass of Qt's (a line's state changed:
        # the next one is coloured too), and past it only as far as the carried state changes. Why: a
        # pass per line coloured each line twice (the next one too, to see its state stay) and laid
        # each out apart: 40 s after a Replace all on every line of a 100,000-line file, four times a
        # colouring of the whole file.
        find, limit = self._doc.findBlockByNumber, count if hl.limit is None else min(count, hl.limit)
        for n, after in pairwise(now):
            if after == n + 1 and after < limit:
                find(n).setUserState(PENDING)
        deadline = hl.deadline
        for i, n in enumerate(now):
            if i and now[i - 1] == n - 1:
                continue  # (coloured by its run's pass, or left by it for later: see SyntaxHighlighter.dirty)
            # Until the batch's time is up (a run at least): 400 lines took 90 ms after a Replace
            # all in a 100,000-line file. The rest wait for the next batch.
            if i and deadline is not None and time.perf_counter() > deadline:
                self._recolour = lines[:first] + lines[first + i :]
                break
            if n < count and (hl.limit is None or n < hl.limit):  # (lines from the limit on: coloured in turn)
                self._colour_lines_from(n)

    def _colour_lines_from(self, start: int) -> None:
        """Colour up to BATCH_LINES lines from line ``start`` (further only while the carried state changes)."""
        hl = self.highlighter
        assert hl is not None
        block = self.document().findBlockByNumber(start)
        hl.horizon = start + BATCH_LINES
        hl.deadline_from = start
        try:
            if block.isValid():
                hl.rehighlightBlock(block)
        finally:
            hl.horizon = self._horizon()

    def _lexer(self) -> SyntaxHighlighter | None:
        """The highlighter when it has its lexer (a big file gets it a turn of the event loop after it
        opens), for what reads the code through it: strings and comments told from code."""
        hl = self.highlighter
        return hl if hl is not None and hl.language is not None else None

    def colouring_done(self) -> bool:
        if self._fill_text is not None or self._attach.isActive() or self._recolour:
            return False
        return self.highlighter is None or (self.highlighter.limit is None and not self.highlighter.dirty)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._dark = is_dark(self.palette())
        if event.type() == QEvent.Type.PaletteChange and self.highlighter is not None:
            dark = self._dark
            if dark != self.highlighter.dark:
                self.highlighter.set_dark(dark)
                self.highlighter.limit = 0
                self.highlighter.rehighlight()  # cheap: every block is left for the batches
                self._batch.start()
            self._update_selections(force=True)

    # -- keys -----------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if self._fill_text is not None:
            self.finish_fill()  # (a key acts on the whole file: Ctrl+A, Ctrl+End, typing at the end)
        typed = event.text()
        if len(typed) == 1 and typed.isprintable() and event.modifiers() in _TYPING_MODS and not self.isReadOnly():
            # A character typed, most keystrokes: none of the keys handled below (they all come with
            # Ctrl or Alt, or type no printable character), so straight to the typing.
            completing = self.completion.popup_visible()
            if not (typed in _CLOSE and (self.completion.step_over(typed) or self._type_closing(event))):
                QPlainTextEdit.keyPressEvent(self, event)
            if self.snippet is not None:
                self.snippet.follow()
                self._mark_snippet()
            self._after_key(typed, event.key(), completing)
            return
        # Undo and redo belong to the window (one history for typing and form edits). Qt gives
        # their keys to an editable editor rather than to the window's shortcuts; they are handed
        # on here. Why not by refusing them in event() (ShortcutOverride): overriding event()
        # puts a Python call in front of every event the editor gets, seven per keystroke.
        if event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo):
            self.sig_undo.emit(event.matches(QKeySequence.StandardKey.Redo))
            return
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and mods & Qt.KeyboardModifier.ControlModifier:
            # Tab indents here, so Ctrl+Tab / Ctrl+Shift+Tab is the keyboard's way out of the editor
            # (as in Qt Creator and most IDEs); without it a keyboard user is trapped in the source.
            # QWidget's own step: QPlainTextEdit's refuses to move while the text can be edited.
            QWidget.focusNextPrevChild(self, key == Qt.Key.Key_Tab and not mods & Qt.KeyboardModifier.ShiftModifier)
            return
        if self.isReadOnly():
            super().keyPressEvent(event)
            return
        if key in _NEW_RUN:
            self._new_run()
        completing = self.completion.popup_visible()
        if completing and key in (
            Qt.Key.Key_Return,
            Qt.Key.Key_Enter,
            Qt.Key.Key_Tab,
            Qt.Key.Key_Backtab,
            Qt.Key.Key_Escape,
        ):
            event.ignore()  # the completer's popup takes these
            return
        if key == Qt.Key.Key_Space and mods == Qt.KeyboardModifier.ControlModifier:
            self.completion.show(explicit=True)
            return
        if self.snippet is not None:
            if key == Qt.Key.Key_Tab and mods == Qt.KeyboardModifier.NoModifier:
                if not self.snippet.move(1):
                    self.leave_snippet()
                return
            if key == Qt.Key.Key_Backtab:
                self.snippet.move(-1)
                return
            if key == Qt.Key.Key_Escape:
                self.leave_snippet()
                return
        if key == Qt.Key.Key_Tab and mods == Qt.KeyboardModifier.NoModifier and (snip := self._snippet_prefix()):
            self.insert_snippet(snip, replace=len(snip.prefix))
            return
        self._key_press(event, key, mods)
        if self.snippet is not None:
            self.snippet.follow()  # (a Backspace, Delete or paste in a stop)
            self._mark_snippet()
        self._after_key(event.text(), key, completing)

    def _after_key(self, typed: str, key: int, completing: bool) -> None:
        """Open, refresh or close the completion list after the key ``key`` typed ``typed``."""
        if typed == ".":
            if not self._in_comment_or_string():
                self.completion.show()
        elif typed in ("'", '"', "`") and "sendRequest(" in self.textCursor().block().text():
            self.completion.show(paths_only=True)
        elif (
            typed == "/"
            and not completing
            and "${" in (line := self.textCursor().block().text())
            and "sendRequest(" in line
        ):
            self.completion.show(paths_only=True)  # `/participants/${p.uuid}/: the request's own part
        elif completing:
            in_path = self.completion.prefix.startswith("/")  # a REST path: /participants/<uuid>/…
            if (
                typed
                and (typed.isalnum() or typed in "_$/" or in_path and typed in "<>-")
                or key == Qt.Key.Key_Backspace
            ):
                self.completion.show()
            elif typed or key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_End):
                self.completion.completer.popup().hide()

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """Ctrl and the wheel zoom as Ctrl++ and Ctrl+- do, a notch a point, in any file.

        Why: Qt zoomed a read-only file on its own, without widening the line numbers' margin
        ("10" and up drawn cut off) or the tab stops, and without end; an editable one not at all.
        """
        if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            super().wheelEvent(event)
            return
        self._wheel_turn += event.angleDelta().y()
        steps = int(self._wheel_turn / 120)  # (a touchpad turns by less than a notch at a time)
        self._wheel_turn -= steps * 120
        if steps:
            self.zoom(steps)
        event.accept()

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # (a cursor put at the end of the lines in so far would move on as the rest goes in)
        self._forget_place()  # (the click is on what is on show: the view stays)
        self.finish_fill()
        self._new_run()  # the cursor goes elsewhere: what is typed there is a new undo step
        super().mousePressEvent(event)

    def _new_run(self) -> None:
        """Start a new run of typing (see :attr:`typing_run`). The typing so far is read first, as
        it is before this key changes the text: it is the last run's undo step."""
        if self.before_edit is not None:
            self.before_edit()
        self.typing_run += 1

    def _key_press(self, event: QKeyEvent, key: int, mods) -> None:
        if key == Qt.Key.Key_Tab and mods == Qt.KeyboardModifier.NoModifier:
            cursor = self.textCursor()
            if cursor.hasSelection() and not self._within_line(cursor):
                self._indent_selection(1)
            else:
                # A selection within one line is replaced by the indentation, as in VS Code (the
                # whole line was indented); one covering its line, or more lines, indents them.
                start = QTextCursor(cursor)
                start.setPosition(cursor.selectionStart())
                column = start.positionInBlock()
                step = len(self.indent_unit)
                cursor.insertText("\t" if self.indent_unit == "\t" else " " * (step - column % step))
            return
        if key == Qt.Key.Key_Backtab:
            self._indent_selection(-1)
            return
        # Shift+Enter too: Qt would put a U+2028 line separator into the file, not a line break.
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and mods in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.ShiftModifier,
        ):
            cursor = self.textCursor()
            # Over a selection, the new line follows the text before the selection and the text after
            # it follows the new line, whichever way it was made: selected downwards, the indentation
            # came from the line it ended on (after "{", a line at the margin).
            head = QTextCursor(cursor)
            head.setPosition(cursor.selectionStart())
            end = cursor.selectionEnd()
            cursor.setPosition(head.position())
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            line = text_before_cursor(head)
            indent = line[: len(line) - len(line.lstrip(" \t"))]
            opened = self._code_before(line).rstrip()[-1:]
            if opened in _OPEN:
                after = text_after_cursor(cursor)
                if after.lstrip(" \t").startswith(_OPEN[opened]):
                    # Between a pair ({|}): the closing one goes to a line of its own under the
                    # opening line, the cursor on an indented empty line between them. Only the
                    # spaces before the closing one are replaced: an edit reaching past it would
                    # end the snippet whose tab stop holds the pair.
                    spaces = len(after) - len(after.lstrip(" \t"))
                    cursor.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.KeepAnchor, spaces)
                    cursor.insertText("\n" + indent + unit_under(indent, self.indent_unit))
                    here = cursor.position()
                    cursor.insertText("\n" + indent)
                    cursor.setPosition(here)
                    self.setTextCursor(cursor)
                    self.ensureCursorVisible()
                    return
                indent += unit_under(indent, self.indent_unit)  # (spaces under a line of spaces in a file of tabs)
            if line and not line.strip(" \t") and not cursor.hasSelection() and not cursor.block().text().strip():
                # A line of nothing but the indentation Enter gave it: left as it is, each empty line
                # of a block kept its spaces in the saved file (code editors take them off).
                cursor.setPosition(cursor.block().position(), QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText("\n" + indent)
            self.ensureCursorVisible()
            return
        if (key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.textCursor().hasSelection()) or event.matches(
            QKeySequence.StandardKey.Cut
        ):
            # A selection deleted (Ctrl+A, Delete) or cut is an undo step of its own: it was merged
            # with the line typed next, so Ctrl+Z took both back at once.
            with self.edit_step("Cut" if event.matches(QKeySequence.StandardKey.Cut) else "Delete"):
                super().keyPressEvent(event)
            return
        if event.text() in _CLOSE and self._type_closing(event):
            return
        if (
            key == Qt.Key.Key_Home
            and mods in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier)
            # (a line wrapped into rows: Qt's own Home, to the row's start; not every line of a file
            # shown wrapped, most of them one row)
            and self.textCursor().block().layout().lineCount() <= 1
        ):
            # To the line's code first, then to its very start (as code editors do): Home on an
            # indented line went to the start of the indentation, before the spaces.
            cursor = self.textCursor()
            text = cursor.block().text()
            code = len(text) - len(text.lstrip(" \t"))  # (spaces and tabs: one UTF-16 unit each)
            column = 0 if cursor.positionInBlock() == code else code
            mode = QTextCursor.MoveMode.KeepAnchor if mods else QTextCursor.MoveMode.MoveAnchor
            cursor.setPosition(cursor.block().position() + column, mode)
            self.setTextCursor(cursor)
            return
        if key == Qt.Key.Key_Backspace and mods == Qt.KeyboardModifier.NoModifier:
            cursor = self.textCursor()
            before = text_before_cursor(cursor)
            if not cursor.hasSelection() and before and not before.strip(" "):
                # Back to the previous level as the file steps in: in a file indented with two
                # spaces, Backspace took four (two levels) at a time.
                step = len(self.indent_unit) if self.indent_unit != "\t" else 4
                remove = (len(before) - 1) % step + 1
                cursor.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor, remove)
                cursor.removeSelectedText()
                return
        super().keyPressEvent(event)

    @staticmethod
    def _within_line(cursor: QTextCursor) -> bool:
        """Whether ``cursor``'s selection lies in one line and is not all of it."""
        doc = cursor.document()
        block = doc.findBlock(cursor.selectionStart())
        if block != doc.findBlock(cursor.selectionEnd()):
            return False
        return (
            cursor.selectionStart() > block.position() or cursor.selectionEnd() < block.position() + block.length() - 1
        )

    def _type_closing(self, event: QKeyEvent) -> bool:
        """A closing bracket typed first on its line: it goes under the line that opened it.

        Why: Enter after ``{`` indents the next line, so the ``}`` typed there stayed one level
        too deep (as in any code editor, the line moves back to its opening line's indent).
        False when the key is left to the usual typing (text before it on the line, a selection).
        """
        cursor = self.textCursor()
        before = text_before_cursor(cursor)
        if cursor.hasSelection() or not before or before.strip(" \t"):
            return False
        super().keyPressEvent(event)  # typed as usual, then the indentation before it adjusted
        cursor = self.textCursor()
        closing = cursor.position() - 1
        if not self._is_code(closing, event.text()):
            return True  # in a comment or a template's text: typed as it is
        partner = self._find_partner(closing, event.text())
        if partner is None:  # nothing opens it: one level of the file's back (a tab, or its spaces)
            indent = before[:-1] if before.endswith("\t") else before[: max(0, len(before) - len(self.indent_unit))]
        else:
            opener = self.document().findBlock(partner).text()
            indent = opener[: len(opener) - len(opener.lstrip(" \t"))]
        if indent != before:
            line = cursor.block().position()
            cursor.setPosition(line)
            cursor.setPosition(line + len(before), QTextCursor.MoveMode.KeepAnchor)  # spaces: one unit each
            cursor.insertText(indent)
            cursor.movePosition(QTextCursor.MoveOperation.Right)
            self.setTextCursor(cursor)
        return True

    def _selected_blocks(self) -> tuple[int, int]:
        cursor = self.textCursor()
        doc = self.document()
        first = doc.findBlock(cursor.selectionStart()).blockNumber()
        last_block = doc.findBlock(cursor.selectionEnd())
        last = last_block.blockNumber()
        if cursor.hasSelection() and last > first and cursor.selectionEnd() == last_block.position():
            last -= 1  # a selection ending at a line start does not take that line
        return first, last

    @staticmethod
    def _files_dragged(event) -> bool:
        """A drag of files (a project folder, a ZIP) from a file manager: for the window to open."""
        data = event.mimeData()
        return data.hasUrls() and any(url.isLocalFile() for url in data.urls())

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self._files_dragged(event):
            event.acceptProposedAction()  # taken here and handed to the window on drop
            return
        super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self._files_dragged(event):
            event.acceptProposedAction()
            return
        super().dragMoveEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """Files dropped here open as a drop anywhere else in the window does (their file:// URL
        was typed into the code)."""
        if self._files_dragged(event):
            window = self.window()
            if window is not self and window.acceptDrops():
                window.dropEvent(event)
            else:
                event.ignore()
            return
        # Text dropped (or moved within the file) is an undo step of its own, as a paste is. Why here
        # and not in insertFromMimeData alone: Qt makes the drop (the move's removal too) inside an
        # edit block of its own, and the document reports it once that ends, after the Paste step
        # had ended, as typing merged with the line typed before it.
        with self.edit_step("Drop"):
            super().dropEvent(event)

    def insertFromMimeData(self, source) -> None:  # noqa: N802 - Qt's name
        # A paste arrives in one piece: an undo step of its own, not part of the typing before it.
        self.finish_fill()  # (a drop: the text it goes in is all of it)
        text = source.text() if source.hasText() else ""
        if "\u2028" in text or "\u2029" in text:
            self.put_text(text, "Paste")  # (Qt would keep a U+2028 inside its line: see put_text)
            self.ensureCursorVisible()
            return
        with self.edit_step("Paste"):
            super().insertFromMimeData(source)

    def put_text(self, new: str, label: str) -> None:
        """Put ``new`` in place of the selection as the step ``label``, the cursor after it.

        A lone CR, U+2028 or U+2029 in it (pasted, or in a replacement) ends a line here as it does
        for the checks and in the file opened again, its ending kept (see :meth:`replace_shown`). Why:
        Qt keeps a U+2028 inside its line, and every problem below it was underlined a line too high.
        """
        cursor = self.textCursor()
        new = _one_break(new)
        if not _ODD_BREAK.search(new):
            with self.edit_step(label):
                cursor.insertText(new)
            self.setTextCursor(cursor)
            return
        text = self.shown_text()
        a, b = _index(text, cursor.selectionStart()), _index(text, cursor.selectionEnd())
        self.replace_shown(text[:a] + new + text[b:], label)
        cursor = self.textCursor()
        cursor.setPosition(_utf16(text[:a] + new))  # (each of them is one "\n" now: as long)
        self.setTextCursor(cursor)

    def delete_selection(self, label: str) -> None:
        """Cut (``label`` "Cut") or delete the selection as an undo step of its own."""
        with self.edit_step(label):
            if label == "Cut":
                self.cut()
            else:
                self.textCursor().removeSelectedText()

    def _edit_lines(self, label: str, change: Callable[[list[str]], list[str]]) -> None:
        """Apply ``change(lines) -> new lines`` to the selected lines as one edit (one undo step ``label``).

        Afterwards a selection covers all the lines again, so doing it twice (Ctrl+/ Ctrl+/)
        gives the text back; a plain cursor stays on its text, not selecting the line (the next
        key would replace it).
        """
        first, last = self._selected_blocks()
        doc = self.document()
        here = self.textCursor()
        had_selection = here.hasSelection()
        start = doc.findBlockByNumber(first).position()  # a number: the block itself changes with the edit
        end = doc.findBlockByNumber(last)
        lines = [doc.findBlockByNumber(n).text() for n in range(first, last + 1)]
        new = change(lines)
        if new == lines:
            return
        column = here.positionInBlock()
        cursor = QTextCursor(doc)
        cursor.setPosition(start)
        cursor.setPosition(end.position() + end.length() - 1, QTextCursor.MoveMode.KeepAnchor)
        with self.edit_step(label):
            cursor.insertText("\n".join(new))
        if had_selection:
            end = doc.findBlockByNumber(first + len(new) - 1)
            cursor.setPosition(start)
            cursor.setPosition(end.position() + end.length() - 1, QTextCursor.MoveMode.KeepAnchor)
        else:
            # The same character as before: text was added or removed at one place of the line; a
            # cursor before that place stays, one at or after it moves with its character (at it:
            # after the "// " written there, not before it) but not back past that place.
            changed_at = _utf16(lines[0][: _common_prefix(lines[0], new[0])])
            moved = column if column < changed_at else column + _utf16(new[0]) - _utf16(lines[0])
            cursor.setPosition(start + min(max(changed_at if column >= changed_at else 0, moved), _utf16(new[0])))
        self.setTextCursor(cursor)

    def _indent_selection(self, direction: int) -> None:
        def change(lines: list[str]) -> list[str]:
            if direction > 0:
                return [self.indent_unit + ln if ln.strip() else ln for ln in lines]
            # One tab, or up to a level of spaces: a line indented with tabs (a file from another
            # editor) was left as it was.
            step = len(self.indent_unit) if self.indent_unit != "\t" else 4
            return [ln[1:] if ln.startswith("\t") else ln[min(step, len(ln) - len(ln.lstrip(" "))) :] for ln in lines]

        self._edit_lines("Indent" if direction > 0 else "Outdent", change)

    def toggle_comment(self) -> None:
        """Ctrl+/: comment the selected lines out with ``//`` (JavaScript) or ``<!-- -->`` (an SVG's
        XML), or back in. Why the XML too: Ctrl+/ did nothing in an SVG, where the way to try an
        icon without a shape is to comment the shape out. JSON has no comments: said, not done."""
        if self.isReadOnly():
            return
        if self.language_name == "xml":
            self._toggle_xml_comment()
            return
        if not self.is_javascript():
            kind = "JSON has" if self.language_name == "json" else "This kind of file has"
            self.sig_said.emit(f"{kind} no comments: Ctrl+/ changes nothing in {self.documentTitle()}.")
            return

        def change(lines: list[str]) -> list[str]:
            code = [ln for ln in lines if ln.strip()]
            if code and all(ln.lstrip().startswith("//") for ln in code):
                return [re.sub(r"^(\s*)// ?", r"\1", ln, count=1) for ln in lines]
            if not code and len(lines) == 1:
                return [lines[0] + "// "]  # an empty line: a comment begins there, to type into
            indent = min((len(ln) - len(ln.lstrip()) for ln in code), default=0)
            return [ln[:indent] + "// " + ln[indent:] if ln.strip() else ln for ln in lines]

        empty = not self.textCursor().hasSelection() and not self.textCursor().block().text().strip()
        self._edit_lines("Toggle comment", change)
        if empty:  # (Ctrl+/ on an empty line did nothing; now the cursor waits after the "// ")
            cursor = self.textCursor()
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
            self.setTextCursor(cursor)

    def _toggle_xml_comment(self) -> None:
        """One ``<!-- … -->`` around the selected lines (the start before the first one's text, the
        end after the last one's), or off again when they are one comment already."""
        said: list[str] = []

        def change(lines: list[str]) -> list[str]:
            code = [i for i, ln in enumerate(lines) if ln.strip()]
            if not code:
                return lines
            first, last = code[0], code[-1]
            out = list(lines)
            head, tail = lines[first].lstrip(), lines[last].rstrip()
            if head.startswith("<!--") and tail.endswith("-->") and (first < last or len(head) >= 7):
                indent = lines[first][: len(lines[first]) - len(head)]
                out[first] = indent + re.sub(r"^<!-- ?", "", head)
                out[last] = re.sub(r" ?-->$", "", out[last].rstrip())
                return out
            if any("--" in lines[i] for i in code):
                # (an XML comment cannot hold "--": commented out around one, the file would break)
                said.append("These lines hold a comment (or '--') already: XML cannot comment them out again.")
                return lines
            indent = lines[first][: len(lines[first]) - len(head)]
            out[first] = indent + "<!-- " + head
            out[last] = out[last].rstrip() + " -->"
            return out

        self._edit_lines("Toggle comment", change)
        if said:
            self.sig_said.emit(said[0])

    def ask_line(self) -> QInputDialog:
        """Ctrl+G: ask for a line number, then :meth:`go_to_line` it.

        Opened with ``open()`` like the snippet browser, not ``QInputDialog.getInt``: no nested
        event loop while the window waits for the answer.
        """
        dialog = QInputDialog(self, objectName="goToLineDialog")
        dialog.setWindowTitle("Go to line")
        dialog.setInputMode(QInputDialog.InputMode.IntInput)
        dialog.setLabelText(f"Line (1–{self.blockCount()}):")
        # Any number past the end too, and 0 (go_to_line keeps it within the file): with the file's
        # last line as the box's limit, of "999" typed in a 301-line file the box refused the second
        # 9, and Enter went to line 9; Enter on 0 did nothing, the dialog left open.
        dialog.setIntRange(0, 2_147_483_647)
        dialog.setIntValue(self.textCursor().blockNumber() + 1)
        dialog.intValueSelected.connect(self.go_to_line)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def go_to_line(self, line: int) -> None:
        """Put the cursor at the start of ``line`` (1-based, kept within the file) in the middle of the view."""
        block = self.document().findBlockByNumber(max(0, min(line, self.blockCount()) - 1))
        cursor = self.textCursor()
        cursor.setPosition(block.position())
        self.setTextCursor(cursor)
        self.centerCursor()

    def show_place(self, line: int, column: int) -> None:
        """A problem's place: the cursor at ``column`` (1-based characters, as its mark counts them)
        of ``line``, in the middle of the view; a problem about the whole line (column 0) selects it.

        Why not the line selected always: the keyboard goes to the code, and the "," typed where
        "a comma is missing at the end of this line" replaced the whole line.
        """
        block = self.document().findBlockByNumber(line - 1)
        if column <= 0 or not block.isValid():
            self.select_line(line)
            return
        text = block.text()
        cursor = self.textCursor()
        cursor.setPosition(block.position() + _utf16(text[: min(column - 1, len(text))]))
        self.setTextCursor(cursor)
        self.centerCursor()

    def select_line(self, line: int) -> None:
        """Select ``line`` (1-based) and scroll to it."""
        block = self.document().findBlockByNumber(line - 1)
        if block.isValid():
            cursor = self.textCursor()
            cursor.setPosition(block.position())
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            self.setTextCursor(cursor)
            self.centerCursor()

    def set_show_whitespace(self, on: bool) -> None:
        option = self.document().defaultTextOption()
        flags = option.flags()
        flag = QTextOption.Flag.ShowTabsAndSpaces
        option.setFlags(flags | flag if on else flags & ~flag)
        self.document().setDefaultTextOption(option)

    def zoom(self, steps: int) -> None:
        """Ctrl++ / Ctrl+-: the text ``steps`` points larger or smaller; 0 (Ctrl+0) its normal size.
        Why Ctrl+0: after zooming in a few times the only way back was Ctrl+- pressed as often.
        The cursor's line stays on show if it was: the first line on show stays where it is, so
        zooming in pushed a line near the bottom out of sight, the typing going on unseen there."""
        on_show = self._viewport.rect().contains(self.cursorRect())
        size = self.font().pointSizeF()
        if steps > 0 and size < ZOOM_LARGEST:
            # (up to a largest size, as down to 6 pt: held down, Ctrl++ grew the text without end)
            self.zoomIn(min(steps, int(ZOOM_LARGEST - size)))
        elif steps < 0 and size > 6:
            self.zoomOut(-steps)
        elif steps == 0:
            self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.setTabStopDistance(4 * self.fontMetrics().horizontalAdvance(" "))
        self._update_margins()
        if on_show:
            self.ensureCursorVisible()

    # -- markers and selections -------------------------------------------------------------------
    def show_found(self, found: list[tuple[int, int]]) -> None:
        """Mark the find bar's matches, (start, end) in document positions; [] takes the marks away.

        Why: the bar said "36 matches" and nothing in the text showed where they were until Enter
        selected one of them. (At most FOUND_SHOWN are marked, near the view: each is an extra selection, see _marked_lines.)
        """
        if found != self._found or self._found_left:
            self._found, self._found_left = found, False
            self._update_selections(force=True)

    def show_scope(self, scope: tuple[int, int] | None) -> None:
        """Tint the find bar's In selection range (start, end: document positions); None takes it away.

        Why: nothing showed which lines the search kept to once the selection was gone (the first
        Enter selects a match), so they were to be remembered. Nothing is done when the tint is
        there already: its cursor follows typing in the range by itself, and the bar says the range
        at every edit (text put in at its start is in it, and the tint's cursor would leave it out).
        """
        shown = (self._scope.selectionStart(), self._scope.selectionEnd()) if self._scope is not None else None
        if scope == shown:
            return
        self._scope = None
        if scope is not None:
            self._scope = QTextCursor(self._doc)
            self._scope.setPosition(scope[0])
            self._scope.setPosition(scope[1], QTextCursor.MoveMode.KeepAnchor)
        self._update_selections(force=True)

    def set_markers(self, markers: list[Marker]) -> None:
        if markers == self.markers:
            return
        self.markers = markers
        self._update_selections()
        self._gutter.update()

    def marker_text_at(self, y: int) -> str:
        block = self.firstVisibleBlock()
        while block.isValid():
            top = self.blockBoundingGeometry(block).translated(self.contentOffset()).top()
            if top > y:
                break
            if y < top + self.blockBoundingRect(block).height():
                line = block.blockNumber() + 1
                return "\n".join(m.message for m in self.markers if m.line == line)
            block = block.next()
        return ""

    def _marker_selection(
        self, marker: Marker, dark: bool, lines: dict[int, tuple[str, _Utf16Offsets]] | None = None
    ) -> QTextEdit.ExtraSelection | None:
        """The wavy underline of ``marker``; ``lines`` keeps the text of each line read (and its UTF-16
        offsets) for the next marker: each read a 2 MB minified line again, 3 ms a marker there."""
        block = self._doc.findBlockByNumber(marker.line - 1)
        if not block.isValid():
            return None
        read = lines.get(marker.line) if lines is not None else None
        if read is None:
            text = block.text()
            read = (text, _Utf16Offsets(text))
            if lines is not None:
                lines[marker.line] = read
        text, units = read
        cursor = QTextCursor(block)
        col = marker.column - 1
        if marker.column <= 0 or col >= len(text):
            start = len(text) - len(text.lstrip()) if marker.column <= 0 or not text.strip() else len(text) - 1
            end = len(text)
        else:
            start = col
            m = re.match(r"\w+|\S", text[col:])
            end = col + (m.end() if m else 1)
        if start >= end:
            start, end = max(0, len(text) - 1), len(text)
        cursor.setPosition(block.position() + units(start))
        cursor.setPosition(block.position() + units(end), QTextCursor.MoveMode.KeepAnchor)
        sel = QTextEdit.ExtraSelection()
        sel.cursor = cursor
        sel.format.setUnderlineStyle(sel.format.UnderlineStyle.SpellCheckUnderline)
        colour = ("#f75464" if dark else "#d01b1b") if marker.error else ("#e0b000" if dark else "#b08000")
        sel.format.setUnderlineColor(QColor(colour))
        sel.format.setToolTip(marker.message)
        return sel

    def _update_selections(self, force: bool = False) -> None:
        """Current line, matching brackets and markers; skipped when none of them changed.

        The selections' cursors follow edits by themselves, so typing on the same line with no
        bracket beside the cursor needs no new list (setting it repaints the whole viewport).
        A big file just loaded has its brackets marked once its lexer is there (it tells a
        bracket in a string from code): its first line is often the ``(`` of its IIFE, and
        looking for that one's partner without the lexer, twice, was 10 ms of the stall of opening it.
        """
        dark = self._dark
        here = QPlainTextEdit.textCursor(self)
        brackets = not self._attach.isActive() and self._fill_text is None  # (partners: in the whole file)
        matched = self._matching_brackets(here) if brackets else []
        first, last = self._marked = self._marked_lines()
        windows = self._long_windows(first, last) if self._found or self.markers or self._scope else []
        # (in a line too long to mark whole, the row at the top: its positions move as the user types)
        row = self.verticalScrollBar().value() if windows else None
        key = (here.blockNumber(), tuple(matched) if brackets else None, id(self.markers), dark, first, last, row)
        old, self._selection_key = self._selection_key, key
        if key == old and not force:
            return
        if force or old is None or old[0] != key[0] or old[3] != dark or self._line_at is None:
            # Not on a line too long to colour: painting that background costs 0.1 s a keystroke on 2 MB.
            here.clearSelection()
            if self._line_at is not None:
                self._update_row(self._line_at)  # the row it leaves
            self._line_at = None
            self._line_colour = None
            if here.block().length() <= LONG_LINE:
                self._line_colour = QColor("#2a2d33" if dark else "#eef3fb")
                self._line_at = here
                self._update_row(here)
        if self._waits_for_paint():
            self._marks_waiting, self._selection_key = True, None
            return
        selections: list[QTextEdit.ExtraSelection] = []
        doc = self._doc
        low = doc.findBlockByNumber(first).position()
        end_block = doc.findBlockByNumber(last)
        high = end_block.position() + end_block.length() if end_block.isValid() else doc.characterCount()
        self._windows = windows
        if self._scope is not None:  # (first: the find marks are drawn over it)
            selections += self._scope_selections(low, high)
        near = _spans_between(self._found, low, high)
        for a, b, keep_from, keep_to in windows:
            near = [
                (start, end) for start, end in near if start >= b or end < a or keep_from <= end and start <= keep_to
            ]
        # A found word in the text's own colour on the mark: in its syntax colour, a keyword, a
        # string or a number was 2.5:1 on the dark mark (a comment 1.7:1), a comment 2.8:1 on the light one.
        found_ink = self.palette().text().color()
        gaps = [start for start, end in near[:FOUND_SHOWN] if start == end]
        if gaps or self._found_gaps:
            self._viewport.update()  # (drawn by viewportEvent: Qt paints no selection of nothing)
        self._found_gaps = gaps
        for start, end in near[:FOUND_SHOWN]:
            if start == end:  # (a bar, painted by viewportEvent)
                continue
            sel = QTextEdit.ExtraSelection()
            sel.format.setBackground(QColor("#6b5a1e" if dark else "#fce8a0"))
            sel.format.setForeground(found_ink)
            sel.cursor = QTextCursor(self._doc)
            sel.cursor.setPosition(start)
            sel.cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selections.append(sel)
        for pos in matched:
            sel = QTextEdit.ExtraSelection()
            sel.format.setBackground(QColor("#3b514d" if dark else "#c8e6c9"))
            sel.cursor = QTextCursor(self._doc)
            sel.cursor.setPosition(pos)
            sel.cursor.setPosition(pos + 1, QTextCursor.MoveMode.KeepAnchor)
            selections.append(sel)
        lines: dict[int, tuple[str, _Utf16Offsets]] = {}
        for marker in self.markers:
            if not first < marker.line <= last + 1 or not self._in_windows(marker):  # (1-based lines)
                continue
            sel = self._marker_selection(marker, dark, lines)
            if sel is not None:
                selections.append(sel)
        self._base_selections = selections
        self._show_selections()

    def _scope_selections(self, low: int, high: int) -> list[QTextEdit.ExtraSelection]:
        """The tint of In selection's range from ``low`` to ``high`` (the marked lines), and in a line
        too long to mark whole, its part that is marked (see _long_windows): a tint over a 2 MB line
        takes a tenth of a second to paint. The current line is left out: Qt paints the tint over
        its background (see _paint_current_line), and the line the cursor was on no longer showed."""
        pieces = [(max(self._scope.selectionStart(), low), min(self._scope.selectionEnd(), high))]
        for a, b, keep_from, keep_to in self._windows:
            pieces = [
                part
                for start, end in pieces
                for part in ((start, min(end, a)), (max(start, keep_from), min(end, keep_to)), (max(start, b), end))
            ]
        if self._line_at is not None:
            line = self._line_at.block()
            a, b = line.position(), line.position() + line.length()
            pieces = [part for start, end in pieces for part in ((start, min(end, a)), (max(start, b), end))]
        selections = []
        for start, end in pieces:
            if start < end:
                sel = QTextEdit.ExtraSelection()
                sel.format.setBackground(_SCOPE_TINTS[self._dark])
                sel.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
                sel.cursor = QTextCursor(self._doc)
                sel.cursor.setPosition(start)
                sel.cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                selections.append(sel)
        return selections

    def _marked_lines(self) -> tuple[int, int]:
        """The lines (block numbers) whose problem markers and find marks are extra selections: those
        on show and MARKED_MARGIN above and below.

        Why not every line: PySide keeps a copy of every extra selection it is given, and its cursor
        with it, which the document then moves along at each edit for as long as it lives: the
        12,500 markers of a 100,000-line library made each check's new list cost a second and a
        later file put into the editor 30 s (every line it added moved them all). The ones on
        show are all that is painted; scrolling past the margin makes the list again
        (:meth:`_scrolled`).
        """
        top, bottom = self._lines_on_show()
        return max(0, top - MARKED_MARGIN), bottom + MARKED_MARGIN

    def marked_span(self) -> tuple[int, int]:
        """Document positions of the start and the end of the lines whose find marks are shown (see
        _marked_lines): the find bar marks these first, before it has counted the whole file."""
        return self._span_of_lines(*self._marked_lines())

    def shown_span(self, above: int = 0) -> tuple[int, int]:
        """Document positions of the start of the first line on show (or of the line ``above`` lines
        above it) and of the end of one at or below the last (see _lines_on_show)."""
        first, last = self._lines_on_show()
        return self._span_of_lines(max(0, first - above), last)

    def _span_of_lines(self, first: int, last: int) -> tuple[int, int]:
        """Document positions of the start of line ``first`` and of the end of line ``last`` (the
        document's end when there is no such line)."""
        end_block = self._doc.findBlockByNumber(last)
        end = end_block.position() + end_block.length() if end_block.isValid() else self._doc.characterCount()
        return self._doc.findBlockByNumber(first).position(), end

    def _rows_on_show(self) -> int:
        """How many rows the view shows, a part-row at its bottom included (a line takes one at least)."""
        return self._viewport.height() // max(1, self.fontMetrics().height()) + 1

    def _lines_on_show(self) -> tuple[int, int]:
        """The first line on screen and one at or below the last (each line takes a row at least).

        Why not :meth:`_visible_lines`: the line at the view's bottom is found by laying out the
        lines down to it, 0.4 s a keystroke when a 2 MB minified line is on show.
        """
        rows = self._rows_on_show()
        first = self.firstVisibleBlock().blockNumber()
        return first, first + rows

    def _long_windows(self, first: int, last: int) -> list[tuple[int, int, int, int]]:
        """The lines longer than LONG_LINE among lines ``first`` to ``last``, each as (start, end, first,
        last): the document positions of the line and of its part whose marks are extra selections,
        its rows on show and MARKED_ROWS rows above and below (the first rows of a line below the
        view's top, the last of one above it).

        Why: near the view was counted in lines, and a minified file is one line: typing a word in
        the find bar made 2,000 marks in it, Replace all froze the window 2 s and closing the bar
        0.3 s (Qt finds the row of each mark, row by row, in a line of 10,000 rows).
        """
        doc = self._doc
        block = doc.findBlockByNumber(first)
        end_block = doc.findBlockByNumber(last)
        high = end_block.position() + end_block.length() if end_block.isValid() else doc.characterCount()
        if not block.isValid() or high - block.position() <= LONG_LINE:  # (no room for a long line)
            return []
        top = self.firstVisibleBlock()
        rows = self._rows_on_show()
        windows = []
        for number in range(first, last + 1):
            if not block.isValid():
                break
            if block.length() > LONG_LINE:
                if number == top.blockNumber():
                    row = self.verticalScrollBar().value() - top.firstLineNumber()  # (wrapped: rows)
                    span = self._row_span(block, max(0, row - MARKED_ROWS), row + rows + MARKED_ROWS)
                elif number > top.blockNumber():
                    span = self._row_span(block, 0, rows + MARKED_ROWS)
                else:
                    span = self._row_span(block, -MARKED_ROWS, -1)
                windows.append((block.position(), block.position() + block.length(), *span))
            block = block.next()
        return windows

    def _waits_for_paint(self) -> bool:
        """Whether the marks wait for the next paint: a line too long to mark whole is on show and Qt
        has not laid it out since an edit (see _mark_after_paint).

        Why: a new list of marks has Qt find the rows of the old ones and the new, which lays such a
        line out (0.4 s on 2 MB) in the same turn as the edit: Replace all froze the window for the
        replacing, the count and that. The paint lays it out anyway, in a turn of its own; the old
        marks, moved along by the edit, are painted until the new ones follow.
        """
        if self.long_line is None or self._marks_after_paint.isActive() or not self.isVisible():
            return False
        block = self.firstVisibleBlock()
        for _ in range(self._rows_on_show()):
            if not block.isValid():
                break
            if block.length() > LONG_LINE and not block.layout().lineCount():
                return True
            block = block.next()
        return False

    def _mark_after_paint(self) -> None:
        """The marks that waited for a paint (see _waits_for_paint); a line the paint left unlaid out
        is then marked at once (the timer running says so)."""
        self._marks_after_paint.start()
        try:
            self._update_selections(force=True)
        finally:
            self._marks_after_paint.stop()

    def _row_span(self, block: QTextBlock, first: int, last: int) -> tuple[int, int]:
        """Document positions of the start of row ``first`` and the end of row ``last`` of ``block``
        (wrapped; below 0: counted from its last row), clipped to it.

        Read from the rows Qt laid out for the last paint; a line it has not laid out since an edit
        gets its rows guessed from the view's width: asking Qt lays out a 2 MB line (0.4 s).
        """
        layout = block.layout()
        count = layout.lineCount()
        if count:
            first, last = (n + count if n < 0 else n for n in (first, last))
            top = layout.lineAt(min(max(first, 0), count - 1))
            bottom = layout.lineAt(min(max(last, 0), count - 1))
            start, end = top.textStart(), bottom.textStart() + bottom.textLength()
        else:
            width = max(1, self.fontMetrics().horizontalAdvance("x"))
            columns = max(1, self._viewport.width() // width)
            rows = block.length() // columns + 1
            first, last = (n + rows if n < 0 else n for n in (first, last))
            start, end = first * columns, (last + 1) * columns
        position, length = block.position(), block.length()
        return position + min(max(start, 0), length), position + min(max(end, 0), length)

    def _in_windows(self, marker: Marker) -> bool:
        """Whether ``marker`` is on a line that is not too long, or in the part of one that is marked
        (see _long_windows): each marker reads its line's text, 2 MB on a minified file."""
        if not self._windows:
            return True
        block = self._doc.findBlockByNumber(marker.line - 1)
        at = block.position() + max(0, marker.column - 1)
        for start, end, first, last in self._windows:
            if start <= at < end:
                return first <= at <= last
        return True

    def _scrolled(self) -> None:
        """The view scrolled: the markers and find marks follow when it leaves the lines they cover,
        or the part of a line too long to mark whole (see _long_windows).

        Why the find bar first (sig_view_moved): it marks the matches near the view anew as the
        view passes its marks; the editor built its marks with the old ones before, and with many
        matches a line that was two builds (50-70 ms each) at every pass. Now the bar's build holds
        for the lines on show and this one is skipped."""
        self.sig_view_moved.emit()
        if not (self.markers or self._found or self._scope):
            return
        first, last = self._marked
        top, bottom = self._lines_on_show()
        if top < first or bottom > last or self._left_window():
            self._update_selections()

    def _left_window(self) -> bool:
        """Whether rows on show of the line at the view's top are outside the part of it marked."""
        if not self._windows:
            return False
        block = self.firstVisibleBlock()
        position = block.position()
        for start, _end, first, last in self._windows:
            if start == position:
                row = self.verticalScrollBar().value() - block.firstLineNumber()
                rows = self._rows_on_show()
                shown_from, shown_to = self._row_span(block, row, row + rows)
                return shown_from < first or shown_to > last
        return False

    def _row_rect(self, cursor: QTextCursor) -> QRectF | None:
        """The row of ``cursor``'s line in the viewport, from the text's left edge to the right end (a
        wrapped line: the row the cursor is in), or None when the line is hidden."""
        block = cursor.block()
        if not block.isValid() or not block.isVisible():
            return None
        offset = self.contentOffset()
        geometry = self.blockBoundingGeometry(block)
        top = geometry.top() + offset.y()
        width = self._viewport.width()
        if self.lineWrapMode() == QPlainTextEdit.LineWrapMode.NoWrap:  # one row, after the document's margin
            left = offset.x() + self._doc.documentMargin()
            return QRectF(left, top, width - left, geometry.height())
        line = block.layout().lineForTextPosition(cursor.positionInBlock())
        if line.isValid():  # (from the line's left edge, after the document's margin, as Qt's selections)
            left = offset.x() + line.x()
            return QRectF(left, top + line.y(), width - left, line.height())
        return QRectF(0, top, width, self.blockBoundingRect(block).height())

    def _update_row(self, cursor: QTextCursor) -> None:
        row = self._row_rect(cursor)
        if row is not None:
            self._viewport.update(row.toAlignedRect())

    def _paint_current_line(self, area: QRect) -> None:
        """Fill the current line's row with its background, under the text Qt paints next.

        Why not a full-width extra selection, as Qt's examples do: Qt paints the line under one in two
        passes (the selection, then the text clipped to a region), and the line being typed in is
        always under it; this way the paint after a keystroke takes about a tenth less.
        """
        row = self._row_rect(QPlainTextEdit.textCursor(self))
        if row is None or not row.intersects(QRectF(area)):
            return
        # Qt keeps the view's right margin clear of full-width selections: the same edge here.
        doc = self._doc
        widest = max(float(self._viewport.width()), doc.documentLayout().documentSize().width())
        edge = self.contentOffset().x() + widest - doc.documentMargin() + self.cursorWidth() + 1  # (QRect.right() + 1)
        row.setRight(min(row.right(), edge))
        painter = QPainter(self._viewport)
        painter.fillRect(row, self._line_colour)
        painter.end()

    def _matching_brackets(self, cursor: QTextCursor | None = None) -> list[int]:
        """Document positions of the bracket at (or just before) ``cursor`` (the text cursor) and its partner."""
        doc = self.document()
        cursor = self.textCursor() if cursor is None else cursor
        if cursor.block().length() > LONG_LINE:
            # Minified code: finding the partner read the whole line (megabytes) at every keystroke
            # and cursor move, and marking it repainted that line, about half a second each time.
            return []
        pos = cursor.position()
        for at in (pos, pos - 1):
            ch = doc.characterAt(at) if at >= 0 else ""
            if (ch in _OPEN or ch in _CLOSE) and self._is_code(at, ch):
                partner = self._find_partner(at, ch)
                return [at, partner] if partner is not None else [at]
        return []

    def _is_code(self, at: int, ch: str) -> bool:
        """Whether the bracket ``ch`` at ``at`` is code, not text in a string, a comment or a regular
        expression (those have no partner and are no partner: see :meth:`_code_lines`)."""
        block = self.document().findBlock(at)
        line = self._code_lines(block.text(), block.position())
        offset = at - block.position()
        return (line[offset] if line.isascii() else line[_index(line, offset)]) == ch

    def _code_lines(self, chunk: str, first: int) -> str:
        """``chunk`` (whole lines from document position ``first``, joined by U+2029) with the
        brackets in strings, comments and regular expressions blanked, as the colouring's lexer
        tells them (its spans are cached per line, so lines already coloured cost a look-up).

        Why: in ``if (s === ')')`` the ``(`` was matched to the ``)`` in the string, and a brace
        in a string above a ``}`` typed on its own line put that ``}`` under the wrong line.
        """
        hl = self._lexer()
        if hl is None:
            return chunk
        return _code_text(hl.language.code_only, chunk, _state_above(self.document().findBlock(first)))[0]

    def _chunk_code(self, here: QTextBlock, first: int, last: int) -> str:
        """:meth:`_code_lines` of the whole lines from document position ``first`` to ``last``, the
        first or the last of which is ``here``; the code of the other lines is remembered until an
        edit reaches them (see :meth:`_moved_code`).

        Why: each keystroke beside a bracket with no partner read the 20,000 characters around it
        again (half a millisecond in a 10,000-line file) although only its own line had changed.
        """
        hl = self._lexer()
        start, end = here.position(), here.position() + here.length() - 1
        if hl is None or not (first == start or last == end):
            return self._code_lines(self._text_between(first, last), first)
        state = _state_above(self.document().findBlock(first))
        code_only = hl.language.code_only
        if first == start:  # this line, then the ones after it
            line, state = code_only(here.text(), state)
            return line if last == end else line + "\u2029" + self._tail_code(end + 1, last, state)
        before, state = self._lines_code(first, start - 1, state)  # the ones before it, then this line
        return before + "\u2029" + code_only(here.text(), state)[0]

    def _text_between(self, first: int, last: int) -> str:
        """The document's text from position ``first`` to ``last`` (lines joined by U+2029)."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(first)
        cursor.setPosition(last, QTextCursor.MoveMode.KeepAnchor)
        return cursor.selectedText()

    def _lines_code(self, first: int, last: int, state: int, remember: bool = True) -> tuple[str, int]:
        """The code-only text of the whole lines from ``first`` to ``last`` read from ``state`` on,
        and the state after them: remembered (see :meth:`_chunk_code`) unless ``remember`` is False."""
        key = (first, last, state)
        found = self._code_memo.get(key) if remember else None
        if found is None:
            hl = self._lexer()
            assert hl is not None
            found = _code_text(hl.language.code_only, self._text_between(first, last), state)
            if not remember:
                return found
            if len(self._code_memo) >= 2:  # (the near and the far scan)
                self._code_memo.clear()
            self._code_memo[key] = found
        return found

    def _tail_code(self, first: int, last: int, state: int) -> str:
        """:meth:`_lines_code` of the lines from ``first`` (the one after the cursor's) to ``last``,
        remembered by where they start and cut or extended to ``last``: the near and the far scan
        share them, and so do the keystrokes of a line that grows above them (the scan's end is
        counted from that line's start, so it moves back into them as the line grows).
        """
        found = self._code_tails.get((first, state))
        if found is None or found[0] < last:
            if found is None:
                found = (first - 1, "", state)  # (no lines yet: extended by all of them below)
            done, text, end_state = found
            more, end_state = self._lines_code(done + 1, last, end_state, remember=False)
            found = (last, more if done < first else text + "\u2029" + more, end_state)
            if len(self._code_tails) >= 2:
                self._code_tails.clear()
            self._code_tails[first, state] = found
        done, text, _state = found
        if done == last:
            return text
        doc = self.document()
        lines = doc.findBlock(last).blockNumber() - doc.findBlock(first).blockNumber() + 1
        return "\u2029".join(text.split("\u2029", lines)[:lines])

    def _moved_code(self, pos: int, removed: int, added: int) -> None:
        """The remembered lines (see :meth:`_lines_code`) after an edit: moved along when the edit is
        before them, forgotten when it touches them (their line breaks included)."""
        delta = added - removed
        kept = {}
        for (first, last, state), found in self._code_memo.items():
            if pos > last:
                kept[first, last, state] = found
            elif pos + removed < first:
                kept[first + delta, last + delta, state] = found
        self._code_memo = kept
        tails = {}
        for (first, state), (last, text, end_state) in self._code_tails.items():
            if pos > last:
                tails[first, state] = (last, text, end_state)
            elif pos + removed < first:
                tails[first + delta, state] = (last + delta, text, end_state)
        self._code_tails = tails

    def _find_partner(self, at: int, ch: str, limit: int = 20_000) -> int | None:
        """The position of the bracket matching ``ch`` at ``at``, scanning the lines within ``limit`` characters.

        Most partners are near, so the lines within 2,000 characters are tried first.
        """
        near = self._scan_partner(at, ch, min(limit, 2_000))
        return near if near is not None or limit <= 2_000 else self._scan_partner(at, ch, limit)

    def _scan_partner(self, at: int, ch: str, limit: int) -> int | None:
        """:meth:`_find_partner` within ``limit`` characters.

        The lines are read in one piece and a line is searched bracket by bracket only when the
        depth can reach zero in it (it has at least as many closing brackets as are open), so an
        unmatched ``(`` costs a few string operations, not a Python loop over every bracket.
        """
        forward = ch in _OPEN
        other = _OPEN[ch] if forward else _CLOSE[ch]
        doc = self.document()
        here = doc.findBlock(at)
        if forward:
            first = here.position()
            last_block = doc.findBlock(first + limit)
            last = (last_block.position() + last_block.length() if last_block.isValid() else doc.characterCount()) - 1
        else:
            first = doc.findBlock(max(0, here.position() + here.length() - 1 - limit)).position()
            last = here.position() + here.length() - 1
        chunk = self._chunk_code(here, first, last)
        if not self._has_partner(chunk, at - (first if forward else here.position()), ch, forward):
            return None
        lines = chunk.split("\u2029")
        if not forward:
            lines.reverse()
        pattern = _PAIR[ch]
        base = first if forward else last + 1  # forward: this line's start; backward: the next line's
        depth = 0
        for text in lines:
            units = len(text) if text.isascii() else _utf16(text)
            if not forward:
                base -= units + 1
            closing = text.count(other)
            if depth > closing:  # the depth cannot get back to zero within this line
                depth += text.count(ch) - closing
            else:
                hits = [(m.start(), m.group()) for m in pattern.finditer(text)]
                # A character beyond the BMP (an emoji) is two UTF-16 units: a bracket's offset is
                # its index plus the number of them before it (re-encoding the line up to each
                # bracket took minutes on a minified line with one emoji).
                astral = [m.start() for m in _ASTRAL.finditer(text)] if units != len(text) else []
                for index, c in hits if forward else reversed(hits):
                    pos = base + index + (bisect_left(astral, index) if astral else 0)
                    if (forward and pos < at) or (not forward and pos > at):
                        continue
                    depth += 1 if c == ch else -1
                    if depth == 0:
                        return pos
            if forward:
                base += units + 1
        return None

    @staticmethod
    def _has_partner(chunk: str, units: int, ch: str, forward: bool) -> bool:
        """Whether the bracket ``ch`` has a partner in ``chunk`` (``units``: its UTF-16 offset in its line).

        The brackets of ``ch``'s kind after it (before it, going back) with every balanced pair
        removed are some closing then some opening ones; its partner is among them when there
        is a closing one first (an opening one last). String operations only, no Python loop
        per bracket, so an unmatched bracket is cheap.
        """
        if forward:
            line = chunk.split("\u2029", 1)[0]
            start = units if line.isascii() else _index(line, units)
            rest = chunk[start + 1 :]
        else:
            line = chunk.rsplit("\u2029", 1)[-1]
            start = len(chunk) - len(line) + (units if line.isascii() else _index(line, units))
            rest = chunk[:start]
        if chunk[start] != ch:  # in a string or a comment: no partner
            return False
        opening = ch if forward else _CLOSE[ch]
        pair = opening + _OPEN[opening]
        # Bytes, not a regular expression: five times faster, and this runs for every bracket the
        # cursor meets (20,000 characters when it has no partner). A character beyond ASCII is
        # bytes >= 0x80 in UTF-8, never a bracket, so it is dropped with the rest.
        brackets = rest.encode("utf-8", "surrogatepass").translate(None, _NOT_PAIR[pair]).decode("ascii")
        for _ in range(_PAIR_PASSES):
            if pair not in brackets:
                return brackets.startswith(pair[1]) if forward else brackets.endswith(pair[0])
            brackets = brackets.replace(pair, "")
        # Deeper nesting than that (minified code, or a file of nothing but brackets): one pass per
        # level would be quadratic, so count the depth instead, once along the brackets left.
        depth = 0
        inner = pair[0] if forward else pair[1]
        for c in brackets if forward else reversed(brackets):
            depth += 1 if c == inner else -1
            if depth < 0:  # a bracket nothing after (before) it closes: the partner
                return True
        return False

    # -- gutter -----------------------------------------------------------------------------------
    def gutter_width(self, lines: int = 0) -> int:
        """The gutter's width for the numbers of ``lines`` lines (default: the file's, all of a big
        one's lines while they go in: see :meth:`_set_plain_text`)."""
        count = lines or (self._fill_lines if self._fill_text is not None else self._doc.blockCount())
        digits = len(str(max(1, count)))
        return 14 + self.fontMetrics().horizontalAdvance("9") * max(3, digits)

    def _update_margins(self, _count: int = 0) -> None:
        self._set_margin(self.gutter_width())

    def _set_margin(self, width: int) -> None:
        """The gutter's width ``width``; nothing when it has it. Why: each time it is set, Qt lays out
        the view's parts again, a few ms of each part of a big file going in (see _set_plain_text)."""
        if self.viewportMargins().left() != width:
            self.setViewportMargins(width, 0, 0, 0)

    def _update_gutter(self, rect: QRect, dy: int) -> None:
        if dy:
            self._gutter.scroll(0, dy)
            return
        # Lines do not wrap, so the numbers only change with the first line, the line count or
        # the current line; typing within a line repaints the text, not the gutter.
        key = (
            self.firstVisibleBlock().blockNumber(),
            self._doc.blockCount(),
            QPlainTextEdit.textCursor(self).blockNumber(),
        )
        if key == self._gutter_key:
            return
        old, self._gutter_key = self._gutter_key, key
        width = self._gutter.width()
        if old is not None and old[0] == key[0] and (old[1] == key[1] or self._numbers_stay(min(old[1], key[1]))):
            # The current line moved (and lines were added or removed below the top one, whose rows
            # keep their numbers): only its number and the one it left change colour. Qt may
            # have asked for the two lines' repaints separately, and only the first saw the change.
            for number in (old[2], key[2]):
                block = self._doc.findBlockByNumber(number)
                if block.isValid():
                    r = self.blockBoundingGeometry(block).translated(self.contentOffset()).toAlignedRect()
                    self._gutter.update(0, r.y(), width, r.height())
            return
        self._gutter.update(0, rect.y(), width, rect.height())

    def _numbers_stay(self, count: int) -> bool:
        """Whether every row of the gutter shows the number it showed before lines were added or
        removed below the first one on screen, ``count`` being the smaller of the two line counts.

        Each line is one row (lines do not wrap), so a row shows the same number as long as that
        line exists: only rows past line ``count`` can change, and those are below the view when
        line ``count`` comes after as many lines as fit in it. (Counted from the font's height, not
        from the lines' layouts: asking those lays out the screen, which a new file leaves to its
        first paint. A line is never lower than the font, so at most this many fit.)
        """
        first = self.firstVisibleBlock().blockNumber()
        if count - 1 <= first or self.lineWrapMode() != QPlainTextEdit.LineWrapMode.NoWrap:
            return False  # (a file just put in: from one line to all of its own)
        rows = self._rows_on_show()
        return count - 1 > first + rows

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        r = self.contentsRect()
        self._gutter.setGeometry(QRect(r.left(), r.top(), self.viewportMargins().left(), r.height()))
        self._keep_cursor_in_view(event.oldSize().height() - event.size().height())

    def _keep_cursor_in_view(self, shrunk: int) -> None:
        """The cursor's line, in view before the editor got ``shrunk`` pixels shorter, still in view.

        Why: a "}" deleted near the bottom brought up the Problems list, which took its height from
        the editor, and the line being typed on went out of sight under the list.
        """
        if shrunk <= 0:
            return
        row = self.cursorRect()
        if (
            row.top() >= 0
            and row.bottom() <= self._viewport.height() + shrunk
            and not self._viewport.rect().contains(row)
        ):
            self.ensureCursorVisible()

    def paint_gutter(self, event) -> None:
        painter = QPainter(self._gutter)
        pal = self.palette()
        area = event.rect()
        painter.fillRect(area, pal.color(QPalette.ColorRole.AlternateBase))
        marked = {}
        for m in self.markers:
            marked[m.line] = marked.get(m.line, False) or m.error
        current = QPlainTextEdit.textCursor(self).blockNumber()
        block = self.firstVisibleBlock()
        offset = self.contentOffset()
        top = round(self.blockBoundingGeometry(block).translated(offset).top())
        if area.top() > top and self.lineWrapMode() == QPlainTextEdit.LineWrapMode.NoWrap:
            # A few rows (the current line's, after Enter): from the first line in them, not from
            # the top of the view, asking each line above for its height on the way.
            found = self.cursorForPosition(QPoint(0, area.top())).block()
            if found.isValid() and found.blockNumber() > block.blockNumber():
                top += round(self.blockBoundingGeometry(found).top() - self.blockBoundingGeometry(block).top())
                block = found
        height = self.fontMetrics().height()
        width = self._gutter.width()
        # Looked up once, not per line: a repaint of the whole column draws some fifty numbers.
        first, last = area.top(), area.bottom()
        other, own = pal.color(QPalette.ColorRole.PlaceholderText), pal.color(QPalette.ColorRole.Text)
        painter.setPen(other)
        while block.isValid() and top <= last:
            bottom = top + round(self.blockBoundingRect(block).height())
            if block.isVisible() and bottom >= first:
                number = block.blockNumber()
                if number + 1 in marked:
                    error = marked[number + 1]
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(QColor(_GUTTER_MARKS[error][self._dark]))
                    painter.drawEllipse(3, top + (height - 7) // 2, 7, 7)
                    painter.setPen(other)
                if number == current:
                    painter.setPen(own)
                painter.drawText(0, top, width - 4, height, _RIGHT, str(number + 1))
                if number == current:
                    painter.setPen(other)
            block = block.next()
            top = bottom
        painter.end()


RECOUNT_DELAY_MS = 150
# Matches the find bar counts in one turn of the event loop (some 20 ms), the rest in the turns after;
# text that is searched for as written, COUNT_CHARS at most a turn too, and a regular expression
# COUNT_REGEX_CHARS ([a-z]+Zq: some 15 ms on 100,000; \s+$ 25 ms), on to a character no match takes
# in (see slice_cuts).
COUNT_SLICE = 5000
COUNT_CHARS = 500_000
COUNT_REGEX_CHARS = 100_000
# Replace all makes one edit of the lines from its first match to its last when more than this share
# of them have a match, else an edit per line with a match (see FindBar.replace_all). Why this share:
# Qt takes some 17 µs an edit and 5 µs a line it builds anew, and colouring a line again takes some
# 80 µs, whichever way it was changed (measured on 100,000 lines).
ONE_EDIT_SHARE = 0.875
# Matches Replace all finds in one turn of the event loop (some 30 ms, 80 with $1 in the replacement),
# the rest in the turns after (see FindBar.replace_all).
REPLACE_SLICE = 20_000
FOUND_SHOWN = 2000  # matches of the find bar marked in the text at most (of those near the view)
# Matches the count keeps for the marks, those on the lines near the view (a minified line of
# megabytes is one line), and how often it notes where it is, for "k of n" (see _Counting).
FOUND_KEPT = 50_000
MARKS_ABOVE = 20  # lines above the view whose find marks are looked for (the view scrolled up past them: again)
CHECK_EVERY = 1024
NEAR_SLICES = 2  # slices of the count (see _Counting) searched for them at most, before the rest
# A slice of the count that took longer than SLOW_SLICE_S (a slow expression, not one the time limit
# stops) makes the next ones search fewer characters, SLICE_TARGET_S's worth, down to SLICE_FLOOR;
# SLOW_IN_A_ROW still slow then (or that cannot be cut) end the count (see FindBar._count_more).
# (Not one: a pause of the machine, shared with other work, made a slice of 10 ms take 0.1 s.)
SLOW_SLICE_S = 0.1
SLICE_TARGET_S = 0.03
SLICE_FLOOR = 1_000
SLOW_IN_A_ROW = 3
# JavaScript's (and VS Code's) references in a replacement: $$, $& and $0 (the match), $1..$99, $<name>.
_DOLLAR_REF = re.compile(r"\$(?:(\$)|([&0])|(\d{1,2})|<(\w+)>)")


def expand_replacement(m: re.Match, template: str) -> str:
    """``template`` for the match ``m``, with JavaScript's ``$1`` / ``$&`` and Python's ``\\1`` both.

    Why both: a developer who writes plugins writes ``'$1'`` in ``String.replace`` and in VS Code's
    Replace box; it was put in as the two characters "$1". ``\\1`` and ``\\g<name>`` still work.
    A group the expression does not have raises ``IndexError`` (said where the count is).
    """
    return compile_replacement(template)(m)


def compile_replacement(template: str) -> Callable[[re.Match], str]:
    """:func:`expand_replacement` of ``template``, read once for all the matches it is used for.

    Why: read again at each match, and each of its parts by ``re``'s own parser, a replacement
    with ``$1`` on every line of a 100,000-line file took 6 s of Replace all.
    """
    chunks: list[str] = []  # the text before each $ reference (\\1, \\n: Python's, as before)
    refs: list[tuple[str | None, ...]] = []
    cases: list[str] = []  # the case changes of each $ reference (see _change_case)
    chunk: list[str] = []
    case = ""
    last = 0
    # (one pass for both: in "\\$1" the backslash takes the "$", in "\\\\$1" the "\\" before it)
    for part in _REPLACEMENT_PART.finditer(template):
        chunk.append(template[last : part.start()])
        last = part.end()
        if part.group() in _CASE_CHANGES:
            case += part.group()[1]
        elif part.group().startswith("\\"):
            chunk.append(_backslash_pair(part))
        else:
            chunks.append("".join(chunk))
            chunk = []
            refs.append(part.groups()[2:])
            cases.append(case)
            case = ""
    chunk.append(template[last:])
    chunks.append("".join(chunk))
    # (a part without a backslash is itself: re's parser is not asked about it at each match)
    plain = ["\\" not in chunk for chunk in chunks]

    def expand(m: re.Match) -> str:
        out = [chunks[0] if plain[0] else m.expand(chunks[0])]
        for i, ref in enumerate(refs, 1):
            out.append(_change_case(_dollar_text(m, *ref), cases[i - 1]))
            out.append(chunks[i] if plain[i] else m.expand(chunks[i]))
        return "".join(out)

    return expand


# A backslash and the character after it (so "\\0" typed is a backslash, then "0"), or \0 alone: not
# an octal escape such as \012, which Python reads on (see _backslash_pair); else a $ reference.
_REPLACEMENT_PART = re.compile(rf"\\(?:(0)(?![0-7])|(\$)|.)|{_DOLLAR_REF.pattern}", re.DOTALL)


# VS Code's case changes of the $ reference after them: \u / \l its first character upper / lower
# case, \U / \L all of it. Why: "get_name" to "getName" is _(\w) replaced with \u$1 there; here it
# said "cannot replace: bad escape \u".
_CASE_CHANGES = frozenset(("\\u", "\\l", "\\U", "\\L"))


def _change_case(text: str, changes: str) -> str:
    """``text`` with ``changes`` (u, l, U, L: see _CASE_CHANGES) made in turn: u and l change the
    next character, U and L all the rest (so \\u\\L$1 makes "hELLO" "Hello")."""
    if not changes:
        return text
    out = []
    at = 0
    for change in changes:
        if at >= len(text):
            break
        upper = change in "uU"
        end = at + 1 if change in "ul" else len(text)
        out.append(text[at:end].upper() if upper else text[at:end].lower())
        at = end
    out.append(text[at:])
    return "".join(out)


def _backslash_pair(pair: re.Match) -> str:
    """A backslash and the character after it (see _REPLACEMENT_PART) as re's template has it.

    ``\\0`` is the whole match, ``\\g<0>``. Why: ``\\1`` is the first group, ``$0`` and ``$&`` the whole
    match, but Python reads ``\\0`` as the character U+0000, put in the code unseen (a browser stops
    at it). ``\\$`` is a dollar, as in VS Code: ``\\$1`` said "bad escape (end of pattern)".
    """
    zero, dollar = pair.group(1, 2)
    return r"\g<0>" if zero else "$" if dollar else pair.group()


def _dollar_text(m: re.Match, dollar: str | None, whole: str | None, number: str | None, name: str | None) -> str:
    """What a ``$`` reference of a replacement (see _DOLLAR_REF) stands for in the match ``m``."""
    if dollar or whole:
        return "$" if dollar else m.group()
    if number:
        rest = ""
        if int(number) > m.re.groups and len(number) == 2:
            number, rest = number[0], number[1]  # $10 with fewer groups: $1 then "0", as JavaScript does
        if int(number) > m.re.groups:
            raise IndexError(f"invalid group reference {number}")
        return (m.group(int(number)) or "") + rest
    if name in m.re.groupindex:
        return m.group(name) or ""
    raise IndexError(f"unknown group name '{name}'")


# JavaScript's named group (?<name>…) and its backreference \k<name>; an escaped character and a
# [class] are skipped whole, so "\(?<a>" and "[(?<a>]" stay as they are.
_JS_NAMES = re.compile(r"\\k<(\w+)>|\\.|\[(?:\\.|[^\]\\])*\]|\(\?<(?![=!])(\w+)>", re.DOTALL)


def python_regex(pattern: str) -> str:
    """``pattern`` with JavaScript's ``(?<name>…)`` and ``\\k<name>`` written as Python's.

    Why: a developer writes a named group as in their code (and in VS Code); Python calls it an
    invalid expression, while the replacement already takes JavaScript's ``$<name>`` for it.
    """

    def python(m: re.Match) -> str:
        backref, group = m.group(1), m.group(2)
        return f"(?P={backref})" if backref else f"(?P<{group}>" if group else m.group()

    return _JS_NAMES.sub(python, pattern)


# Flags for the whole expression, such as "(?i)" or "(?s)(?x)": re takes them at its start only.
_GLOBAL_FLAGS = re.compile(r"(?:\(\?[aiLmsux]+\))*")


def whole_word(pattern: str) -> str:
    """``pattern`` (a Python expression) matching a whole JavaScript name only: not next to a letter,
    a digit, ``_`` or ``$`` (so "details" is not found in "details$"). An edge of the match that is
    no such character is one already, as in VS Code: ``load(`` was not found in ``load(a)``.

    Why the flags apart: "(?i)foo" wrapped whole said "invalid expression: global flags not at the
    start". With verbose's flag a "#" comment would take in what follows: it ends at a line break.
    """
    flags = _GLOBAL_FLAGS.match(pattern).group()
    rest = pattern[len(flags) :] + ("\n" if "x" in flags else "")
    return rf"{flags}(?:(?<![\w$])|(?![\w$]))(?:{rest})(?:(?![\w$])|(?<![\w$]))"


_LINE_BREAK = ord("\n")
# The classes of characters re's parser writes as categories (\d, \s, \w and the others), as written:
# whether one holds a character is asked of re itself (any other category: as if it did).
_CATEGORIES = {
    _sre.CATEGORY_DIGIT: re.compile(r"\d"),
    _sre.CATEGORY_NOT_DIGIT: re.compile(r"\D"),
    _sre.CATEGORY_SPACE: re.compile(r"\s"),
    _sre.CATEGORY_NOT_SPACE: re.compile(r"\S"),
    _sre.CATEGORY_WORD: re.compile(r"\w"),
    _sre.CATEGORY_NOT_WORD: re.compile(r"\W"),
}
# What a slice of the count may end after (see _Counting, slice_cuts): a line break, else the
# commonest characters of code (minified too) that have no other case.
_SLICE_CUTS = "\n;,}) "


def slice_cuts(pat: re.Pattern) -> str:
    """The characters of _SLICE_CUTS that no match of ``pat`` (nor what its lookaheads read) can take
    in: as after a line break, a search that stops after one and goes on from
    there finds the same matches.

    Why others than the line break: a minified line of 6 MB was one slice of the count, and
    ``[a-z]+Zq`` typed in the find box held the window 0.6 s a key; and an expression that takes
    in line breaks (``\\s+$``) was counted all at once, 0.25 s a key on 100,000 lines.
    """
    try:
        parsed = _sre_parse.parse(pat.pattern, pat.flags)
        return "".join(c for c in _SLICE_CUTS if not _may_take_a_break(parsed, parsed.state.flags, char=ord(c)))
    except Exception:  # (a Python whose private parse tree differs: the search is counted at once, as before)
        return ""


def _may_take_a_break(items, flags: int, behind: bool = False, char: int = _LINE_BREAK) -> bool:
    """Whether the parsed expression ``items`` (with ``flags``) may match a line break (``char``: that
    character), or holds a ``$`` outside multi-line mode, which matches before the last line break of
    a slice too (an element not known: yes). ``behind``: in a lookbehind, which reads the text before,
    there already."""
    repeats = (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", None))  # (3.11+)
    for op, av in items:
        if op is _sre.AT:  # (an anchor reads the characters beside it)
            if av is _sre.AT_END and not flags & re.MULTILINE and char == _LINE_BREAK:
                return True
        elif op in (_sre.LITERAL, _sre.NOT_LITERAL, _sre.ANY, _sre.IN):
            if not behind and _takes_a_break(op, av, flags, char):
                return True
        elif op is _sre.GROUPREF:  # (it matches what its group took)
            continue
        elif op in repeats or op in (_sre.ASSERT, _sre.ASSERT_NOT):
            inner_behind = behind or op not in repeats and av[0] < 0
            if _may_take_a_break(av[-1], flags, inner_behind, char):
                return True
        elif op is _sre.SUBPATTERN:
            _group, add, drop, sub = av
            if _may_take_a_break(sub, (flags | add) & ~drop, behind, char):
                return True
        elif op is _sre.BRANCH or op is _sre.GROUPREF_EXISTS:
            branches = av[1] if op is _sre.BRANCH else [sub for sub in av[1:] if sub is not None]
            if any(_may_take_a_break(branch, flags, behind, char) for branch in branches):
                return True
        elif op is getattr(_sre, "ATOMIC_GROUP", None):  # (3.11+)
            if _may_take_a_break(av, flags, behind, char):
                return True
        else:
            return True
    return False


def _takes_a_break(op, av, flags: int, char: int = _LINE_BREAK) -> bool:
    """Whether the parsed character (a literal, one but a literal, any, a class) may be a line break
    (``char``: that character, one with no other case)."""
    if op is _sre.LITERAL:
        return av == char
    if op is _sre.NOT_LITERAL:
        return av != char
    if op is _sre.ANY:
        return char != _LINE_BREAK or bool(flags & re.DOTALL)
    return _class_takes_a_break(av, char)


def _class_takes_a_break(items, char: int = _LINE_BREAK) -> bool:
    """Whether the parsed class ``[...]`` ``items`` holds the line break (``char``: that character)."""
    negated = bool(items) and items[0][0] is _sre.NEGATE
    holds = False
    for op, av in items[negated:]:
        if op is _sre.LITERAL:
            holds = av == char
        elif op is _sre.RANGE:
            holds = av[0] <= char <= av[1]
        elif op is _sre.CATEGORY:
            holds = av not in _CATEGORIES or _CATEGORIES[av].match(chr(char)) is not None
        else:
            holds = True  # (not known: as if it did)
        if holds:
            break
    return holds != negated


class _Counting:
    """A count of the find bar's matches under way, a slice at a time (see FindBar.update_count)."""

    def __init__(
        self,
        pat: re.Pattern,
        text: str,
        units: _Utf16Offsets,
        lo: int,
        hi: int,
        chars: int | None,
        cuts: str = "\n",
        kept: tuple[int, int] | None = None,
    ) -> None:
        """``units``: Qt's offsets in ``text``. ``chars``: no match takes in one of ``cuts`` (a line
        break for text searched for as written, or an expression that takes in none, see
        slice_cuts), so a step searches this many characters, on to the next of them, and the next
        step goes on from there; None (or no ``cuts``): a step goes on until it has counted its
        matches or the text ends. ``kept``: the matches starting there (Python indexes in ``text``)
        are kept in ``spans``, FOUND_KEPT at most; None: all of them.

        Why not every match kept: ``.`` in a 5 MB file kept 5 million spans and starts, some 800 MB.
        The count keeps the marks near the view, and where every CHECK_EVERY-th match starts, from
        which the matches before one are counted again (see index_of).
        """
        self.pat, self.text, self.lo, self.at, self.hi = pat, text, lo, lo, hi
        self.chars, self.cuts = chars if cuts else None, cuts
        self._cut = re.compile(f"[{re.escape(cuts)}]") if cuts else None
        self.total = 0
        self.spans: list[tuple[int, int]] = []  # document positions (UTF-16 units)
        self.kept = kept if kept is not None else (lo, hi)
        self.kept_reach = self.kept[1]  # where the matches kept end: the first one left out (FOUND_KEPT)
        self._keep_most = FOUND_KEPT if kept is not None else sys.maxsize
        self._checks_at, self._checks_k = array("q"), array("q")  # a match's start, how many came before
        self._prev_empty: int | None = None  # the last match counted, when it was empty (its place)
        self._check_due = 0  # the number of matches counted at which the next place is noted
        self.units = units
        self._counted_empty: int | None = None  # where the last step stopped on an empty match
        self._empty_at_hi = _empty_at_end_counts(text, lo, hi)
        self._slow = 0  # steps in a row that were slow and could not be made smaller (see took)

    def step(self, most: int) -> bool:
        """Count up to ``most`` more matches (empty ones too: ``^`` is a place to put text at); True
        once all are counted.

        The next step goes on from the end of the last match counted, as finditer itself does
        (which does not find an empty match again where it found one).
        """
        units, spans, total = self.units, self.spans, self.total
        same = units.identity  # (no conversion: 200,000 matches counted in half the time)
        keep_from, keep_to = self.kept
        keep_most, prev_empty = self._keep_most, self._prev_empty
        check = self._check_due
        counted = 0
        end = self.hi
        if self.chars is not None:  # (a word found nowhere: 3 MB searched without a match took 0.15 s)
            cut = self._cut.search(self.text, self.at + self.chars, self.hi)
            end = cut.end() if cut else self.hi
        again, self._counted_empty = self._counted_empty, None
        for m in self.pat.finditer(self.text, self.at, end):
            a, b = span = m.span()
            # (at a slice's end, $ or \Z matched an end the text has not: the next slice sees it)
            if a == b and (a == again or a == end and (end < self.hi or not self._empty_at_hi)):
                continue
            # (not after an empty match at the same place: a search from there would find it first)
            if total >= check and a != prev_empty:
                self._checks_at.append(a)
                self._checks_k.append(total)
                check = total + CHECK_EVERY
            if keep_from <= a <= keep_to:
                if len(spans) < keep_most:
                    spans.append(span if same else (units(a), units(b)))
                elif self.kept_reach > a:
                    self.kept_reach = a
            total += 1
            counted += 1
            prev_empty = a if a == b else None
            if counted == most:
                self.at = b
                self._counted_empty = a if a == b else None
                self.total, self._prev_empty, self._check_due = total, prev_empty, check
                return False
        self.at = end
        self.total, self._prev_empty, self._check_due = total, prev_empty, check
        return end == self.hi

    def took(self, seconds: float) -> bool:
        """A step took ``seconds``: when that is slow (SLOW_SLICE_S), the next ones search fewer
        characters (SLICE_TARGET_S's worth, SLICE_FLOOR at least); False once SLOW_IN_A_ROW steps
        that could not be made smaller were slow."""
        if seconds <= SLOW_SLICE_S:
            self._slow = 0
            if seconds < SLICE_TARGET_S / 3 and self.chars is not None and self.chars < COUNT_REGEX_CHARS:
                self.chars = min(COUNT_REGEX_CHARS, 2 * self.chars)  # (quick again: back up, see FindBar.update_count)
        elif self.chars is not None and self.chars > SLICE_FLOOR:
            self.chars = max(SLICE_FLOOR, int(self.chars * SLICE_TARGET_S / seconds))
        else:
            self._slow += 1
        return self._slow < SLOW_IN_A_ROW

    def noted_before(self, at: int) -> int:
        """The last match start noted (every CHECK_EVERY-th) at or before ``at``; else where the count began."""
        i = bisect_right(self._checks_at, at) - 1
        return self._checks_at[i] if i >= 0 else self.lo

    def index_of(self, start: int) -> int | None:
        """How many matches come before the one starting at ``start`` (a Python index in the text),
        counted again from the place noted before it; None when none starts there."""
        i = bisect_right(self._checks_at, start) - 1
        at, k = (self._checks_at[i], self._checks_k[i]) if i >= 0 else (self.lo, 0)
        for m in _matches(self.pat, self.text, self.lo, self.hi, at):
            if m.start() >= start:
                return k if m.start() == start else None
            k += 1
        return None


def _time_limited(default: object = None) -> Callable:
    """A FindBar method that runs the user's expression, stopped once it takes too long (see
    search_limit): it returns ``default`` then and the bar says so. Inside another one (find counts
    too) the outer method's limit holds and it says so."""

    def wrap(method: Callable) -> Callable:
        takes = method.__code__.co_argcount - 1

        @functools.wraps(method)
        def limited(self: FindBar, *args, **kwargs):
            args = args[:takes]  # (a signal's own arguments, textChanged's text: left out, as Qt does for a slot)
            if limit_running():
                return method(self, *args, **kwargs)
            try:
                with time_limit():
                    return method(self, *args, **kwargs)
            except TooSlow:
                end_limit()
                self._too_slow()
                return default

        return limited

    return wrap


class FindBar(QWidget):
    """Find (Ctrl+F) and replace (Ctrl+H) in the editor, with a regular-expression option."""

    def __init__(self, editor: SourceEditor) -> None:
        super().__init__()
        self.setObjectName("findBar")
        self.editor = editor
        self.find_edit = QLineEdit(placeholderText="Find", objectName="findText", clearButtonEnabled=True)
        self.replace_edit = QLineEdit(placeholderText="Replace with", objectName="replaceText")
        # No label beside them: the placeholder vanishes once typed in, so screen readers get a name.
        self.find_edit.setAccessibleName("Find")
        self.replace_edit.setAccessibleName("Replace with")
        self.regex = QCheckBox("Regular expression", objectName="findRegex")
        # Off by default, as in code editors: "lock" finds "Lock" too (it found only "lock", and a
        # search for a name written with another case said "0 matches").
        self.match_case = QCheckBox("Match case", objectName="findMatchCase")
        # A name alone, not the names it is part of: renaming "locked" changed "isLocked" too.
        self.whole_word = QCheckBox("Whole word", objectName="findWholeWord")
        # Only the lines selected when it was ticked (or when Ctrl+H came over lines): renaming a
        # variable in one function meant Replace one by one, Replace all changing the whole file.
        self.in_selection = QCheckBox("In selection", objectName="findInSelection")
        self._scope: tuple[QTextCursor, QTextCursor] | None = None  # its start and end, moved by edits
        self.key_actions = [*self._option_keys(), self._replace_all_key()]
        self.count = QLabel(objectName="findCount")
        buttons = []
        # (Each says its keys: only the ✕ did, and Enter, Shift+Enter and F3 were told nowhere.)
        for text, slot, tip in (
            ("Previous", lambda: self.find(backward=True), "Previous match (Shift+Enter, Shift+F3)"),
            ("Next", self.find, "Next match (Enter, F3)"),
            ("Replace", self.replace_one, "Replace the match selected and select the next (Enter in the Replace box)"),
            ("Replace all", self.replace_all, "Replace every match, one undo step (Ctrl+Alt+Enter)"),
            ("✕", self.close_bar, "Close (Esc)"),
        ):
            b = QToolButton(text=text, toolTip=tip)
            if text == "✕":  # a screen reader would say "multiplication x"
                b.setAccessibleName("Close find bar")
            b.clicked.connect(slot)
            b.installEventFilter(self)  # Enter presses it (see eventFilter)
            buttons.append(b)
        self._buttons = buttons
        self._replace_buttons = buttons[2:4]
        # Rows that wrap: in one row, at a large font (15 pt) the bar was wider than a laptop at
        # 150 % and squeezed the Find and Replace boxes to "Fi…" and "R…".
        row = FlowLayout(self, spacing=6, stretch=True)
        row.setContentsMargins(4, 2, 4, 2)
        for w in (
            self.find_edit,
            buttons[0],
            buttons[1],
            self.match_case,
            self.whole_word,
            self.in_selection,
            self.regex,
            self.count,
            self.replace_edit,
            *buttons[2:],
        ):
            row.addWidget(w)
        self.find_edit.textChanged.connect(self.update_count)
        self.find_edit.returnPressed.connect(self.find)
        self.find_edit.installEventFilter(self)  # Shift+Enter: the previous match (see eventFilter)
        self.regex.toggled.connect(self._regex_toggled)
        self.match_case.toggled.connect(self.update_count)
        self.whole_word.toggled.connect(self.update_count)
        self.in_selection.toggled.connect(self._scope_toggled)
        self.replace_edit.returnPressed.connect(self.replace_one)
        self.replace_edit.textChanged.connect(self._replacement_changed)
        # Typing in the file with the bar open recounts once the typing pauses, not per key: a
        # count searches the whole text, about 3 ms a key in a 10,000-line file against 0.2 ms for
        # the key itself. What the bar's own buttons change is counted at once (they call it).
        self._recount = QTimer(self, singleShot=True, interval=RECOUNT_DELAY_MS)
        self._recount.timeout.connect(self.update_count)
        # The count last done (how many, and where to count again from for "k of n"); None once the
        # text, the search or its options change (see _say_which).
        # (contentsChange: edits of the text only, not the colours, which contentsChanged reports too)
        self._counted: _Counting | None = None
        # The search counted (its expression, and a slice's characters and cuts: see _Counting), and
        # the document positions of the lines its marks were found on (see _view_moved).
        self._search: tuple[re.Pattern, int, str] | None = None
        self._marks_for: tuple[int, int] | None = None
        self._shown: str | None = None  # the text shown, as last read (see _text)
        self._units: tuple[str, _Utf16Offsets] | None = None  # a text and its offsets (see _text_units)
        # A count of many matches goes on a slice per turn (see update_count); _which is the match
        # Enter selected meanwhile, said as "k of n" once counted.
        self._counting: _Counting | None = None
        self._which: tuple[int, bool] | None = None
        self._given_up: _Counting | None = None  # a count too slow to go on with (see _count_more)
        # The characters a step of the count of an expression searched last (see _Counting.took): the
        # next expression, one more key typed, is counted from there. Why: the first step of each
        # count searched COUNT_REGEX_CHARS, and typing a slow expression held the window 0.4 s a key.
        self._regex_chars = COUNT_REGEX_CHARS
        self._count_next = QTimer(self, singleShot=True, interval=0)
        self._count_next.timeout.connect(self._count_more)
        # A Replace all under way: the text it replaces in, its matches still to find and those found
        # (see replace_all); the number it replaced, said with the count of what is left (_replaced).
        self._replacing: _Replacing | None = None
        self._replace_next = QTimer(self, singleShot=True, interval=0)
        self._replace_next.timeout.connect(self._replace_more)
        self._replaced: int | None = None
        self._said_on: tuple[int, int] | None = None  # the selection "k of n" is said for
        self._invalid = ""  # what re said was wrong with the expression in the find box
        self._taken: str | None = None  # the selection last put in the find box, as written
        self._empty_at: int | None = None  # the cursor's position on an empty match Enter went to
        self._following = False  # whether the editor's signals below reach the bar (see _follow_editor)

    def _option_keys(self) -> list[QAction]:
        """Alt+C, Alt+W, Alt+R and Alt+L tick the options (as in VS Code), said in their tooltips;
        SourcePane makes them work in the code too (see key_actions). Actions, not the boxes' own Alt+letters: those
        take the keyboard to the box, and the next letter typed for the find box ticked it again.
        Off while the bar is hidden (see _follow_editor): its options are out of sight then."""
        actions = []
        for box, key, tip in (
            (self.match_case, "C", "Match case ({key})"),
            (self.whole_word, "W", "Whole word ({key}): a name alone, not inside a longer one"),
            (
                self.regex,
                "R",
                "Regular expression ({key}), as JavaScript writes them: $1 and $<name> in the replacement",
            ),
            (self.in_selection, "L", "In selection ({key}): only the lines selected when it was ticked"),
        ):
            keys = QKeySequence(f"Alt+{key}")
            box.setToolTip(tip.format(key=keys.toString(QKeySequence.SequenceFormat.NativeText)))
            action = QAction(f"Find: {box.text()} on or off", self, shortcut=keys, enabled=False)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(box.click)
            self.addAction(action)
            actions.append(action)
        return actions

    def _replace_all_key(self) -> QAction:
        """Ctrl+Alt+Enter: Replace all, as in VS Code (it was reached only by Tab after Tab), with the
        Replace box on show only: after Ctrl+F it would put in a replacement typed before, unseen."""
        action = QAction("Replace All Matches", self, enabled=False)
        action.setShortcuts([QKeySequence("Ctrl+Alt+Return"), QKeySequence("Ctrl+Alt+Enter")])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda: self.replace_edit.isVisible() and self.replace_all())
        self.addAction(action)
        return action

    def _follow_editor(self, on: bool) -> None:
        """Hear the editor's text and cursor (``on``: the bar is shown), or stop hearing them.

        Why only while shown: three Python calls on every keystroke of a file nobody searches in
        showed in the keystroke's time. A text changed meanwhile is read afresh when the bar shows.
        """
        if on == self._following:
            return
        self._following = on
        for action in self.key_actions:
            action.setEnabled(on)
        editor, doc = self.editor, self.editor.document()
        pairs = (
            (editor.cursorPositionChanged, self._cursor_moved),
            (editor.selectionChanged, self._cursor_moved),  # (Right on a match: the cursor stays put)
            # (contentsChanged reports the colours put in at idle time too: the bar counted the whole
            # file again once they were in, and what it said of the match selected went)
            (doc.contentsChange, self._forget_starts),
            (editor.sig_view_moved, self._view_moved),
        )
        for signal, slot in pairs:
            signal.connect(slot) if on else signal.disconnect(slot)
        # (the text may change while the bar is hidden, unheard: see _text)
        self._counted = self._shown = self._units = None

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self._follow_editor(True)
        super().showEvent(event)
        self._show_scope()

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self._follow_editor(False)
        self._stop_counting()
        super().hideEvent(event)
        self._show_scope()

    def _text(self) -> str:
        """The editor's text shown, read once until it changes: read at each key typed in the find
        box, a 100,000-line file's took 30 ms of it. With the bar hidden, read each time: its edits
        are not heard then, and F3 after typing in the file searched the text as it was before."""
        if self._shown is None or not self._following:
            self._shown = self.editor.shown_text()
        return self._shown

    def _text_units(self, text: str) -> _Utf16Offsets:
        """Qt's offsets in ``text`` (the text shown, see _text), found once per text: found again
        for each count, they took 33 ms of each key typed in the find box in a 100,000-line file
        with accents (twice for a count that goes on)."""
        if self._units is None or self._units[0] is not text:
            self._units = (text, _Utf16Offsets(text))
        return self._units[1]

    def _forget_starts(self) -> None:
        """The text changed: what was counted is forgotten, and counted anew once the typing pauses."""
        self._counted = self._shown = self._units = self._empty_at = None
        self._stop_counting()  # (what it counted in is no longer the text)
        self._show_scope()  # (text put in at its start: the tint's own cursor leaves it out)
        if self.isVisible():
            self._recount.start()

    def _too_slow(self) -> None:
        """A search stopped by its time limit: nothing counted nor marked, and the bar says why.

        Why: ``(a+)+$`` against a long line of a's froze the window for good, Python's re going
        through every way of splitting them.
        """
        self._stop_counting()
        self._counted = self._search = None
        self._mark([])
        self.show()  # (F3 with the bar closed: said where it can be read, the keyboard left in the code)
        self.count.setText("this expression takes too long: simplify it")

    def _stop_counting(self) -> None:
        """No count nor Replace all goes on (the text, the search or its options changed)."""
        self._count_next.stop()
        self._replace_next.stop()
        self._counting = self._which = self._said_on = self._replacing = self._replaced = None
        self._given_up = None

    def open(self, replace: bool) -> None:
        self.show()
        for w in (self.replace_edit, *self._replace_buttons):
            w.setVisible(replace)
        selected = self.editor.textCursor().selectedText()
        # Over lines, the search keeps to them; else to the whole file again.
        self.in_selection.setChecked("\u2029" in selected)
        if self.in_selection.isChecked():
            self._scope_toggled(True)  # (ticked already: the lines selected now)
        if selected and "\u2029" not in selected:
            # With "Regular expression" ticked the selection is searched for as written: "load("
            # was taken as an expression, said "invalid expression" and found nothing.
            self._taken = selected
            self.find_edit.setText(re.escape(selected) if self.regex.isChecked() else selected)
        self.find_edit.setFocus()
        self.find_edit.selectAll()
        self.update_count()

    def _regex_toggled(self, on: bool) -> None:
        """The selection taken into the box, while it is there as taken, written for the search now
        made: escaped as an expression, as written as text. What the user typed stays as typed.

        Why: ``load(`` went in as ``load\\(`` with the box ticked; unticked, the backslash was
        searched for too and nothing was found.
        """
        taken = self._taken
        if taken is not None and self.find_edit.text() == (taken if on else re.escape(taken)):
            self.find_edit.setText(re.escape(taken) if on else taken)  # (counted: see textChanged)
            return
        self.update_count()

    def set_read_only(self, read_only: bool) -> None:
        """Replace greyed out while the file shown is read-only (settings.json, a file in a ZIP).

        Why: Ctrl+H there offered Replace and Replace all, which did nothing, without a word.
        """
        for w in (self.replace_edit, *self._replace_buttons):
            w.setEnabled(not read_only)
        self.replace_edit.setPlaceholderText("Read-only file" if read_only else "Replace with")

    def close_bar(self) -> None:
        # In selection unticked: F3 with the bar closed kept to the lines once selected, with nothing
        # on screen to say so (the bar opens with it ticked by what is selected then, see open).
        self.in_selection.setChecked(False)
        self._stop_counting()
        self.hide()
        self.editor.show_found([])
        self.editor.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        """Shift+Enter in the find box goes to the previous match (Enter: the next), as in code editors;
        the box took it as Enter and went forwards. Enter on a button presses it, as in a dialog: a
        tool button takes only Space, and Enter on Next or Replace did nothing."""
        if event.type() != QEvent.Type.KeyPress or event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return super().eventFilter(obj, event)
        if obj is self.find_edit and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.find(backward=True)
            return True
        if obj in self._buttons and obj.isEnabled():
            obj.click()
            return True
        return super().eventFilter(obj, event)

    def _scope_toggled(self, on: bool) -> None:
        """In selection ticked: the selection is where the search keeps to from now on (its start
        stays before text put in at it, its end after); unticked, the whole file. The range is tinted."""
        self._scope = None
        cursor = self.editor.textCursor()
        if on and cursor.hasSelection():
            start, end = QTextCursor(self.editor.document()), QTextCursor(self.editor.document())
            start.setPosition(cursor.selectionStart())
            start.setKeepPositionOnInsert(True)
            end.setPosition(cursor.selectionEnd())
            self._scope = (start, end)
        elif on:  # (nothing selected: ticked, it would search the whole file without a word)
            self.in_selection.setChecked(False)
            self._finish_count()  # (else the count, going on, would write over what this says)
            self.count.setText("select the lines to search in first")
            return
        self._show_scope()
        self.update_count()

    def _show_scope(self) -> None:
        """Tint In selection's range in the text while the bar is open (see SourceEditor.show_scope)."""
        on = self._scope is not None and self.in_selection.isChecked() and self.isVisible()
        self.editor.show_scope((self._scope[0].position(), self._scope[1].position()) if on else None)

    def _bounds(self, text: str) -> tuple[int, int]:
        """Where the search starts and ends in ``text`` (the text shown): the whole of it, or In selection's lines."""
        if self._scope is None or not self.in_selection.isChecked():
            return 0, len(text)
        start, end = (c.position() for c in self._scope)
        return (start, end) if text.isascii() else (_index(text, start), _index(text, end))

    def find_again(self, backward: bool = False) -> None:
        """F3 / Shift+F3: the next (previous) match of what the find box holds; the bar opens
        when it holds nothing yet."""
        if not self.find_edit.text():
            self.open(False)
            return
        self.find(backward=backward)

    def pattern(self) -> re.Pattern | None:
        text = self.find_edit.text()
        if not text:
            return None
        try:
            flags = re.MULTILINE if self.match_case.isChecked() else re.MULTILINE | re.IGNORECASE
            pattern = python_regex(text) if self.regex.isChecked() else re.escape(text)
            if self.whole_word.isChecked():
                pattern = whole_word(pattern)
            return re.compile(pattern, flags)
        except re.error as e:
            self._invalid = e.msg  # (said where the count is: see update_count)
            return None

    def _replacement_changed(self) -> None:
        """A new replacement clears a "cannot replace" message; the count itself does not depend on
        it (and stays current on its own), so the file is not searched again for every key."""
        if self.count.text().startswith("cannot replace"):
            self.update_count()

    @_time_limited()
    def update_count(self, *, replaced: int | None = None) -> None:
        """Count and mark the matches of what the find box holds (``replaced``: by Replace all, in so
        many places, said with the count).

        Why a slice at a time: the first key typed in the find box of a 100,000-line file took 0.4 s,
        its 62,500 matches all counted and marked before the key showed. The first COUNT_SLICE are
        counted at once (all of them, in most files); with more, the matches on show are marked, the
        bar says "5000+ matches", and the count goes on in the turns after, the typing in between.
        """
        self._recount.stop()
        self._stop_counting()
        self._replaced = replaced
        pat = self.pattern() if self.find_edit.text() else None
        if pat is None and self.find_edit.text() and self.regex.isChecked():
            # What is wrong, as re says it (its position left out: counted in the expression as re
            # got it); "invalid expression" alone left the user to guess which bracket was missing.
            self.count.setText(f"invalid expression: {self._invalid}")
            self.editor.show_found([])
            self._counted = self._search = None
            return
        if pat is None:
            self._counted = self._search = None
            self._mark([])
            self.count.setText("")
            return
        text = self._text()
        chars = self._slice_chars()
        self._search = (pat, chars, slice_cuts(pat))
        near = self._near_view(text)
        self._counting = _Counting(pat, text, self._text_units(text), *self._bounds(text), chars, self._search[2], near)
        if self._count_more():
            self._mark_near()

    @_time_limited()
    def count_all(self) -> None:
        """Count the matches now, all of them (for what says how many are left at once)."""
        self.update_count()
        self._finish_count()

    @_time_limited()
    def _finish_count(self) -> None:
        """The rest of the count under way, now."""
        while self._counting is not None:
            self._count_more()

    @_time_limited(False)
    def _count_more(self) -> bool:
        """Count the next slice of matches; True while there are more to count (the next turn does)."""
        counting = self._counting
        if counting is None:
            return False
        started = time.monotonic()
        done = counting.step(COUNT_SLICE)
        took = time.monotonic() - started
        going_on = counting.took(took)
        if self.regex.isChecked() and counting.chars is not None:
            self._regex_chars = counting.chars
        if not done and not going_on:
            self._give_up(counting)
            return False
        if not done:
            so_far = counting.total
            self.count.setText(self._after_replacing(f"{so_far}+ matches" if so_far else "counting…"))
            self._count_next.start()
            return True
        self._counting, self._counted = None, counting
        self._mark_counted(counting)
        n = counting.total
        self.count.setText(self._after_replacing(counted(n, "match", "matches") if n else ""))
        which, self._which = self._which, None
        if which is not None:
            self._say_which(*which)
        return False

    def _give_up(self, counting: _Counting) -> None:
        """Stop a count whose slices stay slow (SLOW_SLICE_S) however small: the bar says how many it
        found, the marks near the view and Enter go on working.

        Why: an expression slow but not stopped by the time limit held the window up to a second at
        every slice of the count, the typing waiting between them, for as long as the count went on.
        """
        self._counting, self._which, self._given_up = None, None, counting
        so_far = f"{counting.total}+ matches" if counting.total else "no match yet"
        said = f"{so_far}, too slow to count on"
        # (not in _after_replacing's brackets: "(75+ matches, too slow to count on now)" read badly)
        done = f"replaced in {counted(self._replaced, 'place')}; " if self._replaced is not None else ""
        self.count.setText(done + said)

    def _after_replacing(self, left: str) -> str:
        """What the count says (``left``; "" for none), after what Replace all did, until the search changes.

        Why: "0 matches" alone, after Replace all, read as if nothing was found.
        """
        if self._replaced is None:
            return left or "0 matches"
        return f"replaced in {counted(self._replaced, 'place')}" + (f" ({left} now)" if left else "")

    def _near_view(self, text: str) -> tuple[int, int]:
        """The lines from MARKS_ABOVE above the first on show to the last marked below them (see
        SourceEditor.marked_span) as Python indexes in ``text`` (the text shown), within the search's
        bounds. Not from the first line marked, MARKED_MARGIN above the view: with ten matches a
        line, the FOUND_SHOWN marked were all above the view, none on show."""
        low, high = self.editor.shown_span(MARKS_ABOVE)[0], self.editor.marked_span()[1]
        if not text.isascii():
            low, high = _index(text, low), _index(text, high)
        lo, hi = self._bounds(text)
        return max(low, lo), min(high, hi)

    def _mark_found(self, text: str, spans: list[tuple[int, int]], low: int, high: int) -> None:
        """Mark ``spans``, the matches found from ``low`` to ``high`` (Python indexes in ``text``), the
        part of the text noted in _marks_for."""
        units = self._text_units(text)
        self._marks_for = (units(low), units(high))
        self._mark(spans)

    def _mark_counted(self, counting: _Counting) -> None:
        """Mark the matches the count kept, those near the view when it started; or, the view moved
        on meanwhile, those near it now."""
        low, high = self._near_view(counting.text)
        if counting.kept[0] <= low and high <= counting.kept[1]:
            self._mark_found(counting.text, counting.spans, counting.kept[0], counting.kept_reach)
        else:
            self._mark_near()

    def _view_moved(self) -> None:
        """The view scrolled past the lines whose matches are marked: those near it now are.

        Why: the count keeps only the marks near the view (see _Counting); scrolled, the marks of
        the lines come on show stayed missing.
        """
        if self._search is None or self._marks_for is None:
            return
        low, high = self.editor.shown_span()
        if low < self._marks_for[0] or high > self._marks_for[1]:
            self._mark_near()

    @_time_limited()
    def _mark_near(self) -> None:
        """Mark the matches on the lines on show (and near them): while the rest are being counted,
        and when the view moves on."""
        if self._search is None:
            return
        pat, chars, cuts = self._search
        text = self._text()
        low, high = self._near_view(text)
        near = _Counting(pat, text, self._text_units(text), low, high, chars, cuts)
        # A few slices at most (see _Counting): a minified line of 6 MB on show is all of it, searched
        # whole at each key typed ([a-z]+Zq: 0.45 s); marks further on come with the count.
        for _ in range(NEAR_SLICES):
            if near.step(FOUND_SHOWN - len(near.spans)) or len(near.spans) == FOUND_SHOWN:
                break
        self._mark_found(text, near.spans, low, near.at)

    def _mark(self, spans: list[tuple[int, int]]) -> None:
        """Mark ``spans`` (document positions) in the editor while the bar is open
        (see SourceEditor.show_found)."""
        self.editor.show_found(spans if self.isVisible() else [])

    def _select(self, text: str, m: re.Match) -> None:
        cursor = self.editor.textCursor()
        a = _utf16(text[: m.start()])
        cursor.setPosition(a)
        cursor.setPosition(a + _utf16(m.group()), QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        # (an empty match, such as ^, selects nothing: Replace puts its text at the cursor only there)
        self._empty_at = a if m.start() == m.end() else None

    @_time_limited(False)
    def find(self, backward: bool = False) -> bool:
        """Select the next match after the selection (``backward``: the last one before it), going
        round the end of the file; False when there is none. The scan stops at the match it wants
        (Enter in the find box of a 100,000-line file listed all 62,500 matches first)."""
        pat = self.pattern()
        if pat is None:
            return False
        text = self._text()
        cursor = self.editor.textCursor()
        here = _index(text, cursor.selectionStart() if backward else cursor.selectionEnd())
        lo, hi = self._bounds(text)
        # In selection, from the selection itself (or from outside it): its first match (last), not round.
        selection = (_index(text, cursor.selectionStart()), _index(text, cursor.selectionEnd()))
        anew = (lo, hi) != (0, len(text)) and (not lo <= here <= hi or selection == (lo, hi))
        if anew:
            here = hi if backward else lo
        # (an empty match, such as ^, is at the cursor once selected: the next one is after it)
        on = None if anew else selection
        cuts, noted = slice_cuts(pat), self._count_of(pat, text, lo, hi)
        if backward:
            chosen = _match_before(pat, text, lo, hi, here, cuts, noted)
            wrapped = chosen is None
            chosen = chosen or _match_before(pat, text, lo, hi, hi + 1, cuts, noted)
        else:
            chosen = _match_after(pat, text, lo, hi, here, on, cuts, noted)
            wrapped = chosen is None
            chosen = chosen or next(_matches(pat, text, lo, hi), None)
        if chosen is None:
            return False
        self._select(text, chosen)
        self._say_which(chosen.start(), wrapped=not anew and wrapped)
        return True

    def _count_of(self, pat: re.Pattern, text: str, lo: int, hi: int) -> _Counting | None:
        """The count done of ``pat`` in ``text`` from ``lo`` to ``hi``, if it is the one last done."""
        done = self._counted
        if done is None or done.text is not text or (done.lo, done.hi) != (lo, hi):
            return None
        return done if (done.pat.pattern, done.pat.flags) == (pat.pattern, pat.flags) else None

    def _say_which(self, start: int, wrapped: bool) -> None:
        """ "2 of 7 matches" for the match at ``start`` (a Python index in the text shown), and whether
        the search went round the end of the file to it.

        Why: Enter went from the last match back to the first without a word, so a developer stepping
        through a file's matches could not tell when they had seen them all, nor which one was selected.
        """
        if self._replacing is not None:
            return  # (a count now would stop Replace all: the count after it says how many are left)
        if self._given_up is not None:
            return  # (counted again, it would be as slow: the bar goes on saying so)
        if self._counted is None and self._counting is None:
            self.update_count()  # (the text changed since the count: counted again now)
        if self._counting is not None:
            self._which = (start, wrapped)  # (said once counted)
            return
        k = self._counted.index_of(start) if self._counted is not None else None
        if k is None:
            return
        n = self._counted.total
        said = f"{k + 1} of {counted(n, 'match', 'matches')}"
        if wrapped and n > 1:
            said += " (from the top again)" if k == 0 else " (from the end again)"
        self.count.setText(said)
        cursor = self.editor.textCursor()
        self._said_on = (cursor.selectionStart(), cursor.selectionEnd())

    def _cursor_moved(self) -> None:
        """The cursor off the match the bar says it is on ("2 of 7"): the bar says how many there are.

        Why: "2 of 7 matches" stayed with the cursor moved away, clicked elsewhere or the selection
        grown, and read as where the developer was.
        """
        self._which = None  # (nor the match Enter went to while counting, once counted)
        cursor = self.editor.textCursor()
        if cursor.hasSelection() or cursor.position() != self._empty_at:
            self._empty_at = None
        if self._said_on is None:
            return
        cursor = self.editor.textCursor()
        if (cursor.selectionStart(), cursor.selectionEnd()) != self._said_on:
            self._said_on = None
            n = self._counted.total if self._counted is not None else 0
            self.count.setText(counted(n, "match", "matches"))

    def _expand(self, m: re.Match) -> str:
        return expand_replacement(m, self.replace_edit.text()) if self.regex.isChecked() else self.replace_edit.text()

    def _bad_replacement(self, error: Exception) -> None:
        """A replacement such as ``\\2`` with no group 2: say so where the count is, change nothing."""
        message = error.msg if isinstance(error, re.error) else str(error)
        self.count.setText(f"cannot replace: {_plain_escape_error(message)}")

    @_time_limited()
    def selected_match(self) -> re.Match | None:
        """The match the selection shows, matched in the whole text.

        Why not the selected text alone: a lookaround (``var(?= locked)``) needs the text around
        it, and a match across lines needs ``\\n`` where the selection has U+2029.
        """
        pat = self.pattern()
        cursor = self.editor.textCursor()
        if pat is None or not cursor.hasSelection() and cursor.position() != self._empty_at:
            return None
        text = self._text()
        start = _index(text, cursor.selectionStart())
        lo, hi = self._bounds(text)
        m = pat.match(text, start, hi) if lo <= start and (start < hi or _empty_at_end_counts(text, lo, hi)) else None
        if m is None or _utf16(text[: m.end()]) != cursor.selectionEnd():
            return None
        return m

    def _step_name(self, places: int | None = None) -> str:
        """The undo step's name: what was replaced with what (and how often, for Replace all). Why:
        "Undo Replace all" in the Edit menu did not say which of several replacements it takes back."""
        from ...core.jstext import shortened

        find, repl = shortened(self.find_edit.text(), 40), shortened(self.replace_edit.text(), 40)
        name = f"Replace '{find}' with '{repl}'" if repl else f"Delete '{find}'"
        return f"{name} ({counted(places, 'place')})" if places is not None else name

    def replace_one(self) -> None:
        if self.editor.isReadOnly():
            return
        if (m := self.selected_match()) is not None:
            try:
                new = self._expand(m)
            except (re.error, IndexError) as e:
                self._bad_replacement(e)
                return
            # (the cursor after the new text: the next match is looked for from there)
            self.editor.put_text(new, self._step_name())
            self.update_count()
        self.find()

    def replace_all(self) -> int:
        """Replace every match as one undo step; the number replaced (0 while the matches of a big
        file are still being found: the rest are found in the turns after, then replaced at once).

        Why in slices: the 400,000 matches of ``(\\w)`` replaced with ``$1$1`` in a 10,000-line file
        held the window 1.7 s, finding them and working out each one's new text. The text is
        read once: an edit (or another search) meanwhile stops it, nothing replaced.
        """
        pat = self.pattern()
        if pat is None or self.editor.isReadOnly():
            return 0
        self._stop_counting()  # (counted again once replaced)
        text = self.editor.shown_text()
        try:
            self._replacing = self._replacements(pat, text)
        except re.error as e:
            self._bad_replacement(e)
            return 0
        return self._replace_more()

    def _replace_more(self) -> int:
        """Find the next slice of Replace all's matches; once all are found, replace them (their number)."""
        replacing = self._find_to_replace()
        if replacing is None:
            return 0
        self._replacing = None
        self._replace_found(replacing)
        self.update_count(replaced=replacing.count or None)  # (what is left, said with what was done)
        return replacing.count

    @_time_limited()
    def _find_to_replace(self) -> _Replacing | None:
        """The next slice of Replace all's matches (see replace_all): the Replace all once all are found, else None."""
        replacing = self._replacing
        if replacing is None:
            return None
        try:
            done = replacing.take(REPLACE_SLICE)
        except (re.error, IndexError) as e:
            self._replacing = None
            self._bad_replacement(e)
            return None
        if not done:
            self.count.setText(f"replacing… ({counted(replacing.count, 'match', 'matches')} found)")
            self._replace_next.start()
            return None
        return replacing

    def _replace_found(self, replacing: _Replacing) -> None:
        """Replace the matches ``replacing`` found in its text, the editor's text shown, as one undo step.

        Why two ways: matches on (nearly) every line, such as ``$2$1`` on each of a library's
        100,000, go in as one edit of the text built here, from the first match to the last (0.5 s,
        where an edit per line took 1.7 s); matches further apart, such as a word on every eighth
        line, as one edit per line with a match (0.1 s, where the one edit took 0.5 s and left every
        line between them to colour again). See ONE_EDIT_SHARE.
        """
        if not replacing.count:
            return
        text, starts, ends = replacing.text, replacing.starts, replacing.ends
        lines = text.count("\n", starts[0], ends[-1]) + 1
        # (a lone CR, U+2028 or U+2029 put in: the editor makes it a line of its own, see replace_shown)
        if replacing.odd or len(starts) > 1 and len(starts) > ONE_EDIT_SHARE * lines:
            self._replace_keeping_place(replacing)
        else:
            offset = _Utf16Offsets(text)
            spans = [(offset(a), offset(b), new) for a, b, new in zip(starts, ends, replacing.news, strict=True)]
            self.editor.replace_spans(spans, self._step_name(replacing.count))

    def _replacements(self, pat: re.Pattern, text: str) -> _Replacing:
        """A Replace all of the matches of ``pat`` in ``text``, the empty ones too (``^`` replaced with
        "// " comments every line out, as in VS Code, Sublime Text and Notepad++), found as asked
        for (see _Replacing.take). A bad replacement (``$2`` with one group) raises then."""
        template = self.replace_edit.text()
        if not self.regex.isChecked() or ("$" not in template and "\\" not in template):
            # The same new text for every match: worked out once, not for each of the 62,500
            # matches of a 100,000-line file.
            return _Replacing(pat, text, *self._bounds(text), _one_break(template), self._slice_chars())
        expand = compile_replacement(template)
        return _Replacing(pat, text, *self._bounds(text), lambda m: _one_break(expand(m)), self._slice_chars())

    def _slice_chars(self) -> int:
        """The characters a slice of a search searches (see _Counting): for an expression, as many as
        the last count's came to."""
        return self._regex_chars if self.regex.isChecked() else COUNT_CHARS

    def _replace_keeping_place(self, replacing: _Replacing) -> None:
        """Replace the matches ``replacing`` found in its text as one edit, the cursor (and the
        selection) on the same text as before and the same lines on show. Why: the lines from the
        first match to the last are built anew, which left the cursor after the last one."""
        editor, text = self.editor, replacing.text
        cursor = editor.textCursor()
        anchor, position = cursor.anchor(), cursor.position()
        top = editor.firstVisibleBlock().position()
        new_text = replacing.new_text()
        new_units = _Utf16Offsets(new_text)

        def place(units: int) -> int:
            """Where the text at Qt's position ``units`` is after the edit (inside a match: its start)."""
            at = units if text.isascii() else _index(text, units)
            return new_units(replacing.place(at))

        editor.replace_shown(new_text, self._step_name(replacing.count))
        cursor = editor.textCursor()
        cursor.setPosition(place(anchor))
        cursor.setPosition(place(position), QTextCursor.MoveMode.KeepAnchor)
        editor.setTextCursor(cursor)
        if editor.lineWrapMode() == QPlainTextEdit.LineWrapMode.NoWrap:  # (wrapped, it scrolls by rows)
            editor.verticalScrollBar().setValue(editor.document().findBlock(place(top)).blockNumber())


class _Replacing:
    """A Replace all under way (see FindBar.replace_all): the matches it finds a slice at a time, and
    the new text of each line with one, from its first match to its last, built as they are found.

    Why not every match kept until the edit: ``.`` replaced with ``x`` kept a start, an end and a
    new text for each character, some 120 bytes a match (600 MB for a 5 MB file).
    """

    def __init__(
        self, pat: re.Pattern, text: str, lo: int, hi: int, new: str | Callable[[re.Match], str], chars: int
    ) -> None:
        """``new``: the text put in for every match, or what works it out for each one. ``chars``: a
        slice searches this many characters at most, on to the next character no match takes in (see
        _Counting); where there is none, until it has found its matches.

        Why: a slow expression the count counted in slices (some 25 ms each) was searched for in
        one go, stopped by the time limit, Replace all saying it took too long."""
        self.pat, self.text, self.lo, self.hi, self.new = pat, text, lo, hi, new
        cuts = slice_cuts(pat)
        self._cut = re.compile(f"[{re.escape(cuts)}]") if cuts else None
        self._chars = chars
        self._empty_at_hi = _empty_at_end_counts(text, lo, hi)
        self.count = 0  # the matches found
        self.odd = False  # a new text holds a lone CR, U+2028 or U+2029
        # Each line's span (Python indexes in ``text``) and its new text, the last still being built.
        self.starts, self.ends, self.news = array("q"), array("q"), []
        self._pieces: list[str] = []  # the new text so far of the line span being built
        self._open = (0, 0)  # and its span
        self._line_break = -1  # the first line break after the last match (or the text's length)
        self._shifts: array | None = None  # how far the text after each line span moves (see place)
        self._pending = self._found(lo)

    def _found(self, start: int) -> Iterator[tuple[int, int, str] | None]:
        """(start, end, new text) of each match from ``start`` (a place a search may go on from, see
        _resume_at) on, and None after each stretch of text searched (see __init__)."""
        text, hi, new, at = self.text, self.hi, self.new, start
        same = isinstance(new, str)
        while True:
            end = hi
            if self._cut is not None and (cut := self._cut.search(text, at + self._chars, hi)) is not None:
                end = cut.end()
            for m in self.pat.finditer(text, at, end):
                a, b = m.span()
                # (empty at a stretch's end, which re takes for the text's: the next stretch finds it)
                if a == end and (end < hi or not self._empty_at_hi):
                    continue
                yield a, b, new if same else new(m)
            if end == hi:
                return
            at = end
            yield None

    def take(self, most: int) -> bool:
        """Find up to ``most`` more matches (in a stretch of the text at most, see __init__) and put
        their new text in their lines'; True once all are found."""
        text, pieces, line_break = self.text, self._pieces, self._line_break
        start, end = self._open
        joined = len(pieces)  # (the pieces of earlier slices are joined already)
        last_new = None
        taken, stretched = 0, False
        for found in islice(self._pending, most):
            if found is None:
                stretched = True
                break
            a, b, new = found
            if new is not last_new:  # (checked once for a replacement that is the same every time)
                self.odd = self.odd or _ODD_BREAK.search(new) is not None
                last_new = new
            if a <= line_break:  # (the line of the match before: after it on the line's new text)
                pieces += (text[end:a], new)
            else:
                self._close(start, end)
                start, pieces[:], joined = a, [new], 0
            end = b
            if b > line_break:
                line_break = text.find("\n", b)
                if line_break < 0:
                    line_break = len(text)
            taken += 1
        # (one piece a slice for the line still being built: a minified line's 5 million matches
        # are as many pieces otherwise)
        if len(pieces) > joined + 1:
            pieces[joined:] = ["".join(pieces[joined:])]
        self._line_break, self._open, self.count = line_break, (start, end), self.count + taken
        done = taken < most and not stretched
        if done:  # (the last line's new text too)
            self._close(start, end)
        return done

    def _close(self, start: int, end: int) -> None:
        """The line span being built (from ``start`` to ``end``) is done: kept with its new text."""
        if self._pieces:
            self.starts.append(start)
            self.ends.append(end)
            self.news.append("".join(self._pieces))
            self._pieces.clear()

    def new_text(self) -> str:
        """The text with every match replaced (once all are found)."""
        pieces, last = [], 0
        for a, b, new in zip(self.starts, self.ends, self.news, strict=True):
            pieces += (self.text[last:a], new)
            last = b
        pieces.append(self.text[last:])
        return "".join(pieces)

    def place(self, at: int) -> int:
        """Where the character at ``at`` (a Python index in the text) is in the new text; inside a
        match, where the match's new text starts. The matches of the line it is in are found again
        (only their lines' spans are kept)."""
        i = bisect_right(self.starts, at) - 1  # the last line span starting at or before it
        if i < 0:
            return at
        shift = self._shift_before(i)
        if at >= self.ends[i]:
            return at + shift + len(self.news[i]) - (self.ends[i] - self.starts[i])
        cuts = slice_cuts(self.pat)
        for found in self._found(_resume_at(self.text, cuts, self.lo, self.starts[i])):
            if found is None:
                continue
            a, b, new = found
            if a < self.starts[i]:
                continue
            if a > at:
                break
            if at < b:
                return a + shift
            shift += len(new) - (b - a)
        return at + shift

    def _shift_before(self, i: int) -> int:
        """How far the text before line span ``i`` (after the one before it) moves."""
        if self._shifts is None:
            self._shifts, total = array("q"), 0
            for a, b, new in zip(self.starts, self.ends, self.news, strict=True):
                self._shifts.append(total)
                total += len(new) - (b - a)
        return self._shifts[i]


def _plain_escape_error(message: str) -> str:
    """re's message about a replacement's backslash in plain words (any other message as it is).

    Why: "bad escape (end of pattern)" for a backslash at the end, and "bad escape \\q", spoke of a
    pattern (the replacement is none) and did not say what to write instead.
    """
    if message == "bad escape (end of pattern)":
        return "it ends with a lone \\ (write \\\\ for a backslash)"
    if message.startswith("bad escape "):
        escape = message.removeprefix("bad escape ")
        return f"{escape} means nothing in a replacement (\\\\ is a backslash, \\$ a dollar, \\n a line break)"
    return message


def _one_break(new: str) -> str:
    """``new`` with each CRLF in it as one line break, "\\n", as in the text shown: the file writes it
    with its own ending (Qt made one line break of it, counted as two characters)."""
    return new.replace("\r\n", "\n") if "\r" in new else new


def _empty_at_end_counts(text: str, lo: int, hi: int) -> bool:
    """Whether an empty match at ``hi``, the end of the part of ``text`` searched from ``lo``, is one.

    Why not always: lines selected for In selection end at the next line's start, where ``^`` (and
    ``$`` of an empty line) belong to the line after, which Replace all changed too; mid-line, re
    takes ``hi`` for the end of the text, and ``$`` and ``\\b`` matched there. At a line's end they are
    what they are in the whole text (as in VS Code, which leaves the next line's start out too).
    """
    return hi == len(text) or text[hi] == "\n" and (hi == lo or text[hi - 1] != "\n")


def _resume_at(text: str, cuts: str, lo: int, at: int, noted: _Counting | None = None) -> int:
    """Where a search may start, at or before ``at``, and find from there the matches a search from
    ``lo`` finds: just after the last of ``cuts`` before ``at`` (see slice_cuts), or at the last
    match start ``noted`` by the count before ``at``, else ``lo``.

    Why the count's too: an expression that can take in every cut (``\\W``) was searched from the
    top of the file at each Enter."""
    last = max((text.rfind(c, lo, at) for c in cuts), default=-1)
    start = last + 1 if last >= 0 else lo
    return max(start, noted.noted_before(at)) if noted is not None else start


def _match_after(
    pat: re.Pattern,
    text: str,
    lo: int,
    hi: int,
    here: int,
    on: tuple[int, int] | None,
    cuts: str,
    noted: _Counting | None = None,
) -> re.Match | None:
    """The first match of ``pat`` (searched from ``lo`` to ``hi``) starting at ``here`` or after, not
    the span ``on``; None when there is none. Why from the line of ``here`` (``cuts``): Enter near the
    end of a 10,000-line file went through its 600,000 matches of ``e`` from the top."""
    for m in _matches(pat, text, lo, hi, _resume_at(text, cuts, lo, here, noted)):
        if m.start() >= here and m.span() != on:
            return m
    return None


def _match_before(
    pat: re.Pattern, text: str, lo: int, hi: int, here: int, cuts: str, noted: _Counting | None = None
) -> re.Match | None:
    """The last match of ``pat`` (searched from ``lo`` to ``hi``) starting before ``here``; None when
    there is none. Searched back from ``here`` in ever longer stretches (see _match_after)."""
    end, size = here, 64
    while True:
        start = _resume_at(text, cuts, lo, max(lo, end - size), noted)
        last = None
        for m in _matches(pat, text, lo, hi, start):
            if m.start() >= end:
                break
            last = m
        if last is not None or start == lo:
            return last
        end, size = start, size * 2


def _matches(pat: re.Pattern, text: str, lo: int, hi: int, start: int | None = None) -> Iterator[re.Match]:
    """The matches of ``pat`` in ``text`` from ``lo`` to ``hi`` (see _empty_at_end_counts), those from
    ``start`` on (a place _resume_at gave) when given."""
    found = pat.finditer(text, lo if start is None else start, hi)
    return found if _empty_at_end_counts(text, lo, hi) else (m for m in found if m.start() < hi)


class SourcePane(QWidget):
    """The editor with its find bar and its keyboard shortcuts."""

    #: Keys the editor handles itself, not through an action: Help ▸ Keyboard Shortcuts lists
    #: them with the actions' (see :func:`designer.gui.help.shortcut_groups`). Why: Tab indents
    #: here, and the way out of the editor was told nowhere a keyboard user could find it.
    KEYS_HELP = (
        ("Leave the editor (Tab indents)", "Ctrl+Tab"),
        ("Leave the editor backwards", "Ctrl+Shift+Tab"),
        ("Complete the name being typed", "Ctrl+Space"),
        # (A snippet's prefix, such as iife or register, was said only in the README.)
        ("Write the snippet whose prefix is before the cursor (iife, register, ...)", "Tab"),
        ("In a snippet: its next, previous placeholder", "Tab, Shift+Tab"),
        ("Leave the snippet's placeholders", "Esc"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourcePane")
        self.setAccessibleName("Source editor")  # (Help ▸ Keyboard Shortcuts lists its keys under it)
        self.editor = SourceEditor()
        # Said by a screen reader on entering the text, where Tab does not move on.
        self.editor.setAccessibleDescription("Tab indents; Ctrl+Tab and Ctrl+Shift+Tab leave the editor")
        # A file shown read-only (settings.json, manifest.json: written from the forms) has no caret:
        # Tab to it changed nothing on screen. The ring shows only where no caret does.
        ring_focus([self.editor], self)
        self.find_bar = FindBar(self.editor)
        self.find_bar.hide()
        self.addActions(self.find_bar.key_actions)  # (Alt+C, ... in the code too)
        self._file_note = ""  # what the window says about the file shown (read-only, why)
        self.editor.sig_long_line.connect(self._show_note)
        self.note = QLabel(objectName="sourceNote", wordWrap=True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)  # it quotes names the user chose
        self.note.setStyleSheet(box_style("note", self.palette()))
        self.note.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.note)
        layout.addWidget(self.editor)
        layout.addWidget(self.find_bar)
        # Where the cursor and the view were in each file shown before, so coming back to a file
        # finds it as it was left. Kept while the pane lives.
        self._places: dict[str, Place] = {}
        self.actions_: dict[str, QAction] = {}
        for key, text, shortcuts, slot in (
            ("find", "Find…", [QKeySequence.StandardKey.Find], lambda: self.find_bar.open(False)),
            ("find_next", "Find Next", [QKeySequence("F3")], lambda: self.find_bar.find_again()),
            ("find_previous", "Find Previous", [QKeySequence("Shift+F3")], lambda: self.find_bar.find_again(True)),
            ("replace", "Replace…", [QKeySequence("Ctrl+H")], lambda: self.find_bar.open(True)),
            # Not the bound method itself: triggered(bool) would hand it ``checked`` as an argument.
            ("goto", "Go to Line…", [QKeySequence("Ctrl+G")], lambda: self.editor.ask_line()),
            ("comment", "Toggle Comment", [QKeySequence("Ctrl+/")], self.editor.toggle_comment),
            ("snippets", "Insert Snippet…", [QKeySequence("Ctrl+J")], self.editor.open_snippet_browser),
            ("info", "Show Info at Cursor", [QKeySequence("Ctrl+I")], self.editor.show_info_at_cursor),
            ("complete", "Complete", [], lambda: self.editor.completion.show(explicit=True)),
            ("zoom_in", "Zoom In", [QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")], lambda: self.editor.zoom(1)),
            ("zoom_out", "Zoom Out", [QKeySequence("Ctrl+-")], lambda: self.editor.zoom(-1)),
            ("zoom_reset", "Normal Size", [QKeySequence("Ctrl+0")], lambda: self.editor.zoom(0)),
            ("whitespace", "Show Whitespace", [QKeySequence("Ctrl+Shift+W")], None),
        ):
            action = QAction(text, self, objectName=f"source_{key}Action")
            action.setShortcuts(shortcuts)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            if slot is None:
                action.setCheckable(True)
                action.toggled.connect(self.editor.set_show_whitespace)
            else:
                action.triggered.connect(slot)
            self.addAction(action)
            self.actions_[key] = action
        self.editor.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.editor.customContextMenuRequested.connect(self._context_menu)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.PaletteChange:  # the note's box in the new theme's colours
            self.note.setStyleSheet(box_style("note", self.palette()))
        super().changeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Esc in the code (which the editor leaves to its parent) closes the find bar, as in code
        editors: Enter in the bar takes the keyboard to a match in the code, and the bar stayed open
        there, its marks on the text, until its ✕ or Esc back in its box."""
        if event.key() == Qt.Key.Key_Escape and self.find_bar.isVisible():
            self.find_bar.close_bar()
            return
        super().keyPressEvent(event)

    def _context_menu(self, pos) -> None:
        self.editor.finish_fill()  # (Select All, Cut, Delete: on the whole file)
        menu = self.editor.createStandardContextMenu()
        for a in list(menu.actions()):
            if a.objectName() in ("edit-undo", "edit-redo") or a.text().replace("&", "").startswith(("Undo", "Redo")):
                menu.removeAction(a)
            elif a.objectName() in ("edit-cut", "edit-delete"):
                # An undo step of its own, as with the keys (see SourceEditor._key_press).
                a.triggered.disconnect()
                label = "Cut" if a.objectName() == "edit-cut" else "Delete"
                a.triggered.connect(lambda _checked=False, label=label: self.editor.delete_selection(label))
        menu.addSeparator()
        for action in self.actions_.values():
            menu.addAction(action)
        # Deleted by Qt as it closes, not through ``menu`` afterwards: a menu Qt made, kept through
        # its run, could be held through a Python object PySide marks deleted meanwhile (see
        # HeldViewport), and each right-click then left its menu behind.
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.exec(viewport_of(self.editor).mapToGlobal(pos))

    def forget_files(self) -> None:
        """Forget the files shown so far and where the cursor was in each: another project opens.

        Why: they are known by their names in the package, which the next project's files share
        (every copy of the example has plugins/lock-toggle/…): its file opened at the line the
        cursor had in the last project's, and the same file shown last took the new text as a
        change of the old one's instead of a file of its own.
        """
        self._places.clear()
        self.editor.setDocumentTitle("")

    def show_file(self, name: str, text: str, read_only: bool, note: str = "") -> None:
        """Show ``text`` of ``name``; the same file again only takes the changed part of the text."""
        old = self.editor.documentTitle()
        if old == name:
            self.editor.replace_text(text)
        else:
            if old:
                self._places[old] = self._place()
            self.editor.load(name, text)
            self.editor.set_markers([])
            self.find_bar.in_selection.setChecked(False)  # (the lines were the last file's)
            if name in self._places:
                self._restore(self._places[name])
        self.editor.setReadOnly(read_only)
        self.find_bar.set_read_only(read_only)
        # (greyed in the right-click menu of an SVG or JSON file: its snippets are JavaScript)
        # (and in a read-only file, with Toggle Comment: offered, they did nothing)
        self.actions_["snippets"].setEnabled(self.editor.is_javascript() and not read_only)
        self.actions_["comment"].setEnabled(not read_only)
        # Without a name a screen reader said only "editable text", here and as the icon page's XML view.
        self.editor.setAccessibleName(f"Text of {name.rsplit('/', 1)[-1]}")
        self._file_note = note
        self._show_note()

    def _show_note(self) -> None:
        """The caller's note on the file, and whether a line is too long to colour."""
        note = self._file_note
        if self.editor.long_line is not None:
            number, length = self.editor.long_line
            long_note = (
                f"Line {number} has {length:,} characters (minified code?): it is wrapped to fit and shown "
                "without colours, and typing in it is slow."
            )
            note = f"{note}\n{long_note}" if note else long_note
        self.note.setText(note)
        self.note.setVisible(bool(note))

    def current_file(self) -> str:
        return self.editor.documentTitle()

    def _place(self) -> Place:
        return self.editor.place()

    def _restore(self, place: Place) -> None:
        """Put the cursor and the view back as :meth:`_place` saw them (see SourceEditor.put_back)."""
        self.editor.put_back(place)
