"""Typing help for the source editor: snippet tab stops, the snippet browser and completion.

Why tab stops are plain offsets moved by ``contentsChange`` and not QTextCursors: a cursor
selecting a placeholder collapses when the placeholder is typed over, so the stop would lose
its text. Offsets grow while the user types inside the current stop and shift when text is
typed before a stop; an edit across a stop's edge ends the snippet.
"""

from __future__ import annotations

import re
from itertools import compress
from operator import not_
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont, QFontDatabase, QKeyEvent, QPalette, QStandardItem, QStandardItemModel, QTextCursor
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...core import pexapi
from ...core.snippets import (
    CodeStyle,
    Expansion,
    Snippet,
    declares_again,
    expand,
    lines_needed,
    registers_again,
    search,
    snippet_style,
    unplaced_subscriptions,
    with_free_names,
    with_participant_named,
)
from ..screen_fit import resize_to_fit
from ..viewports import viewport_of
from .form_rows import ok_cancel

if TYPE_CHECKING:
    from .source_editor import SourceEditor

__all__ = ["CompletionHelper", "SnippetBrowser", "SnippetSession"]

INSERT_ROLE = Qt.ItemDataRole.UserRole + 1
# What the typed prefix is matched against: the name or path as shown. Not the inserted code, which
# for a participant request holds `' + participant.uuid + '` where the list shows <uuid>.
LABEL_ROLE = Qt.ItemDataRole.UserRole + 2
# Whether a function takes arguments (pexapi.takes_arguments); None for what is no function.
CALL_ROLE = Qt.ItemDataRole.UserRole + 3
# Whether the item is a request's path (its word, the one it replaces, is the path's characters).
PATH_ROLE = Qt.ItemDataRole.UserRole + 4


_WORD = re.compile(r"[\w$]*")  # letters of a name (any language's), digits, _ and $
_WORD_END = re.compile(r"[\w$]*$")
_PATH = re.compile(r"[\w/<>-]*")  # what a request's path is written with (``/participants/<uuid>/mute``)


def _units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def text_before_cursor(cursor: QTextCursor) -> str:
    """The cursor's line up to the cursor. Qt counts the column in UTF-16 units, Python in
    characters: slicing with Qt's column cut a line with an emoji too far (completion,
    indentation and snippet prefixes then read the wrong text)."""
    text = cursor.block().text()
    units = cursor.positionInBlock()
    if text.isascii():
        return text[:units]
    return text.encode("utf-16-le", "surrogatepass")[: 2 * units].decode("utf-16-le", "ignore")


def text_after_cursor(cursor: QTextCursor) -> str:
    """The cursor's line from the cursor on (see :func:`text_before_cursor` for why not a slice)."""
    text = cursor.block().text()
    units = cursor.positionInBlock()
    if text.isascii():
        return text[units:]
    return text.encode("utf-16-le", "surrogatepass")[2 * units :].decode("utf-16-le", "ignore")


class SnippetSession:
    """The tab stops of one inserted snippet, in document positions (UTF-16)."""

    def __init__(self, editor: SourceEditor, start: int, expansion: Expansion) -> None:
        self.editor = editor
        text = expansion.text
        # [stop][range] = [start, end] in document positions
        self.stops: list[list[list[int]]] = [
            [[start + _units(text[:a]), start + _units(text[:b])] for a, b in stop.ranges] for stop in expansion.stops
        ]
        self.current = -1
        self.mirroring = False

    def contents_change(self, pos: int, removed: int, added: int) -> bool:
        """Move the stops for an edit; False when the edit crossed a stop's edge (the session ends)."""
        if removed == added and not self.mirroring:
            return True  # a format change (highlighter) or a same-length replacement
        delta = added - removed
        end = pos + removed
        for i, stop in enumerate(self.stops):
            for j, r in enumerate(stop):
                a, b = r
                active = i == self.current and j == 0
                if end < a or (end == a and not (active and pos == a)):
                    r[0] += delta
                    r[1] += delta
                elif pos >= a and end <= b:
                    r[1] += delta
                elif pos >= b:
                    continue
                elif not self.mirroring:
                    return False
        return True

    def move(self, step: int) -> bool:
        """Select the next (``step`` 1) or previous (-1) stop; False when the last stop ($0) was reached."""
        self._mirror()
        target = self.current + step
        if target < 0:
            target = 0
        if target >= len(self.stops):
            return False
        self.current = target
        a, b = self.stops[target][0]
        cursor = self.editor.textCursor()
        cursor.setPosition(a)
        cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        return target < len(self.stops) - 1

    def follow(self) -> None:
        """After a key: the copies of the current stop take what was typed into it, as it is typed.

        Why: the copies changed only when Tab left the stop, so while typing 'room' over
        ``var ${1:value} ... if ($1)`` the code read ``if (value)``, which looked like a mistake.
        """
        if 0 <= self.current < len(self.stops) and len(self.stops[self.current]) > 1:
            self._mirror()

    def _mirror(self) -> None:
        """Copy the text of the current stop into its other ranges (``${2:onClick}: $2``)."""
        if not (0 <= self.current < len(self.stops)) or len(self.stops[self.current]) < 2:
            return
        doc = self.editor.document()
        a, b = self.stops[self.current][0]
        cursor = QTextCursor(doc)
        cursor.setPosition(a)
        cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
        value = cursor.selectedText()
        self.mirroring = True
        try:
            for r in self.stops[self.current][1:]:
                cursor = QTextCursor(doc)
                cursor.setPosition(r[0])
                cursor.setPosition(r[1], QTextCursor.MoveMode.KeepAnchor)
                if cursor.selectedText() != value:
                    start = r[0]
                    cursor.insertText(value)
                    # (an empty copy was moved past the text written into it, as text typed before it)
                    r[0], r[1] = start, start + _units(value)
        finally:
            self.mirroring = False

    def finish(self) -> None:
        self._mirror()

    def marks(self) -> tuple[tuple[int, int, bool], ...]:
        """What the editor marks on screen: every placeholder and its copies as (start, end, current),
        not the end ($0, the last stop), which is where the cursor goes and holds nothing to fill in.

        Why: nothing showed where Tab would go next, nor which other places a name typed would
        change, so a user filling in a snippet could not tell what was left of it.
        """
        current = self.current
        return tuple((a, b, i == current) for i, stop in enumerate(self.stops[:-1]) for a, b in stop)

    def contains(self, pos: int) -> bool:
        """Whether ``pos`` lies within the inserted snippet (from its first stop to its last)."""
        ranges = [r for stop in self.stops for r in stop]
        return bool(ranges) and min(a for a, _b in ranges) <= pos <= max(b for _a, b in ranges)


class SnippetBrowser(QDialog):
    """Ctrl+J: a searchable list of snippets with their descriptions; Enter inserts the chosen one."""

    def __init__(self, parent: QWidget | None = None, language: str = "javascript") -> None:
        super().__init__(parent)
        self.setObjectName("snippetBrowser")
        self.setWindowTitle("Insert Snippet")
        self.language = language
        self.chosen: Snippet | None = None
        self.search = QLineEdit(objectName="snippetSearch", placeholderText="Search snippets", clearButtonEnabled=True)
        self.search.setAccessibleName("Search snippets")  # its hint is no name: it goes as you type
        self.list = QListWidget(objectName="snippetList")
        self.list.setAccessibleName("Snippets")
        self.detail = QLabel(objectName="snippetDetail", wordWrap=True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setMinimumHeight(60)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # The code as the editor will write it, in the editor's font: in the dialog's proportional
        # font its indentation and alignment did not look like the code that went in.
        # Wrapped, and never wider than the dialog (a name too long for a line is cut at its edge):
        # at its length, a long line widened the dialog at each move in the list, up to the screen's width.
        self.preview = QLabel(objectName="snippetPreview", wordWrap=True)
        self.preview.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.preview.setFont(self._code_font())
        buttons = ok_cancel(self, "Insert")
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.preview)
        layout.addWidget(buttons)
        self.search.textChanged.connect(self.fill)
        self.search.installEventFilter(self)
        self.list.currentItemChanged.connect(self._show_detail)
        self.list.itemActivated.connect(lambda _item: self.accept())
        # Wide enough for the longest names with their prefixes; a narrower window elides them
        # (the detail below has it whole) rather than scrolling the list sideways.
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        resize_to_fit(self, 680, 480)
        self.fill()

    def fill(self, query: str = "") -> None:
        self.list.clear()
        # Greyed where it does not go (the reason is under the description): chosen, it would be refused.
        grey = self.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        for s in search(query, self.language):
            item = QListWidgetItem(f"{s.name}    [{s.prefix}]")
            item.setData(Qt.ItemDataRole.UserRole, s)
            item.setToolTip(s.description)
            if refusal := self._refusal(s):
                item.setForeground(grey)
                # (the grey said nothing to a screen reader, nor why to the mouse: the reason goes with it)
                item.setToolTip(s.description + refusal)
                item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, refusal.strip())
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self.detail.setText("No snippet matches.")
            self.preview.clear()

    def _show_detail(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        s: Snippet = item.data(Qt.ItemDataRole.UserRole)
        # As the editor will write it: with the plugin's own id, action and icon (they showed
        # 'my-plugin' and onClick here, and the plugin's own went in).
        values = getattr(self.parent(), "snippet_values", None)
        text = self._file_text()
        style = self._style()
        line = self.parent().textCursor().blockNumber() if text is not None else 0
        shown = with_free_names(with_participant_named(s, text, line), text, line) if text is not None else s
        preview = expand(shown, "", values() if values is not None else None, style).text.splitlines()
        more = "\n…" if len(preview) > 4 else ""
        goes = f"\nGoes {s.where}." if s.where else ""
        # (said before it is chosen: chosen, the editor writes nothing and says so)
        goes += self._refusal(s) or self._brings(s)  # (not for a snippet refused: nothing comes with it, nor it)
        self.detail.setText(f"{s.description}{goes}\nType '{s.prefix}' then Tab.")
        self.preview.setText("\n".join(preview[:4]) + more)

    def _code_font(self) -> QFont:
        """The editor's font (fixed, zoomed as the editor is); the system's fixed font without one."""
        editor = self.parent()
        return (
            editor.font()
            if hasattr(editor, "is_javascript")
            else QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        )

    def _refusal(self, s: Snippet) -> str:
        """Why the editor would refuse ``s`` where its cursor is, as a line of the detail ("\\nNot
        here: ..."); "" when it goes in. Why: only the snippets that go nowhere here were greyed, and
        a second load or plugin skeleton was offered as any other until its detail was read. (Kept
        for each snippet: the file and the cursor do not change while the browser is open.)"""
        if not hasattr(self, "_refusals"):
            self._refusals: dict[str, str] = {}
        if s.prefix not in self._refusals:
            self._refusals[s.prefix] = self._refusal_now(s)
        return self._refusals[s.prefix]

    def _refusal_now(self, s: Snippet) -> str:
        """:meth:`_refusal`, worked out."""
        if why := self._refused_here():
            return f"\nNot here: {why}, and its code would break the file."
        text = self._file_text()
        if text is None:
            return ""
        if s.place in ("file", "register") and (refused := registers_again(s, text)):
            return f"\nNot in this file: {refused}."
        if refused := declares_again(s, text, self.parent().textCursor().blockNumber()):
            return f"\nNot here: {refused}."
        return ""

    def _refused_here(self) -> str:
        """Why no snippet goes where the editor's cursor is (see SourceEditor.snippet_refused_here),
        asked once: the cursor does not move while the browser is open."""
        if not hasattr(self, "_refused"):
            editor = self.parent()
            self._refused = editor.snippet_refused_here() if hasattr(editor, "snippet_refused_here") else ""
        return self._refused

    def _file_text(self) -> str | None:
        """The text of the editor's file (None without one), read once: it does not change while
        the browser is open, and a big file's text costs time at each move in the list."""
        if not hasattr(self, "_text"):
            editor = self.parent()
            self._text = editor.shown_text() if hasattr(editor, "shown_text") else None
        return self._text

    def _style(self) -> CodeStyle | None:
        """The style the snippets are written in at the editor's cursor (see snippet_style; None
        without a file), worked out once: it is the same for every snippet, and each move in the
        list read the whole file's style again, and copied the code after the cursor."""
        if not hasattr(self, "_style_here"):
            text = self._file_text()
            self._style_here = snippet_style(text, self._following()) if text is not None else None
        return self._style_here

    def _following(self) -> str:
        """The code after the editor's cursor, where the snippet goes (see snippet_style)."""
        editor = self.parent()
        return editor._text_after(editor.textCursor().position()) if hasattr(editor, "_text_after") else ""

    def _brings(self, s: Snippet) -> str:
        """What the editor writes besides ``s`` in its file, in words: the subscriptions array, when
        the file has none (see lines_needed). Why: the preview showed the snippet alone, and the
        lines that came with it above load and in unload were a surprise."""
        editor = self.parent()
        if "subscriptions" not in s.text or not hasattr(editor, "shown_text"):
            return ""  # (asked first: the file's text is not read at each move in the list)
        text = self._file_text() or ""
        needed = lines_needed(s, text, editor.textCursor().blockNumber())
        if not needed:
            # (and where none can go, why: chosen, the snippet goes in alone and the status bar says so)
            unplaced = unplaced_subscriptions(s, text)
            return (
                f"\nThis plugin has no subscriptions array, which it uses, and it does not come: {unplaced}."
                if unplaced
                else ""
            )
        release = ", and its release at the top of unload" if len(needed) > 1 else ""
        return f"\nThis plugin has no subscriptions array, which it uses: the array comes too{release}."

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        if (
            obj is self.search
            and event.type() == QKeyEvent.Type.KeyPress
            and event.key()
            in (
                Qt.Key.Key_Down,
                Qt.Key.Key_Up,
                Qt.Key.Key_PageDown,
                Qt.Key.Key_PageUp,
            )
        ):
            self.list.keyPressEvent(event)  # arrows move the list while typing the search
            return True
        return super().eventFilter(obj, event)

    def accept(self) -> None:
        item = self.list.currentItem()
        self.chosen = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        super().accept()


class _Row:
    """A name offered in the completion list, with what filtering and showing it needs, worked out
    once per list rather than on every keystroke."""

    __slots__ = ("ascii", "completion", "lower", "text")

    def __init__(self, c: pexapi.Completion) -> None:
        self.completion = c
        self.lower = c.label.lower()
        self.ascii = c.label.isascii()
        self.text = f"{c.label}    {c.detail}" if c.detail != c.label else c.label  # as the list shows it


class CompletionHelper:
    """The QCompleter popup of the editor: PEX API members, properties, REST paths, local functions."""

    def __init__(self, editor: SourceEditor) -> None:
        self.editor = editor
        self.model = QStandardItemModel(editor)
        self.completer = QCompleter(self.model, editor)
        self.completer.setObjectName("sourceCompleter")
        self.completer.setWidget(editor)
        self.completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        # Any part of a name, as code editors match: "layout" finds transformConferenceLayout and
        # "dis" canDisconnect (only names starting so were found). Those that start so come first.
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setCompletionRole(LABEL_ROLE)
        self.completer.setMaxVisibleItems(12)
        self.completer.popup().setObjectName("sourceCompletions")
        # One line of text per row: the list asks one row for its height, not each of a thousand.
        self.completer.popup().setUniformItemSizes(True)
        self.completer.activated[QModelIndex].connect(
            lambda index: self.insert(index.data(INSERT_ROLE), index.data(CALL_ROLE), bool(index.data(PATH_ROLE)))
        )
        self.prefix = ""
        # Where the "(" and ")" an accepted function got are (see step_over), while both are there.
        self._parens: list[int] | None = None
        # The file's own names (pexapi.local_completions), read when a bare word is first completed
        # and kept while only that word changes (see contents_change): reading them took about
        # 20 ms of every keystroke typed with the list open in a 10,000-line file.
        self._local: list[pexapi.Completion] | None = None
        self._word = [0, 0]  # where that word is, from its start to the cursor (document positions)
        # Why the next ones: typing with the list open over a file's thousand names filtered and
        # sorted them all, filled the model again and measured every row on most keystrokes (p95
        # about 15 ms in bench/keystroke.py). The names are filtered from the last matches while
        # the typed word only grows, the model is kept while the completer's own filter of it
        # shows what a new one would, and the rows are measured only when they may have changed.
        self._offered: tuple[list[pexapi.Completion], list[_Row]] | None = None  # (names offered, their rows)
        self._pool: tuple[str, list[_Row]] | None = None  # (typed, the rows of those it matched)
        self._shown: list[_Row] = []  # what the model holds, in its order
        self._widths: dict[str, int] = {}  # the list's width by the typed prefix, for the model as it is
        # The rows last measured, all shown: (their ids, the rows, the widest one's width).
        self._measured: tuple[set[int], list[_Row], int] | None = None
        self._widths_font = ""  # the popup's font those were measured with

    def contents_change(self, pos: int, removed: int, added: int) -> None:
        """An edit of the text (the editor's contentsChange): the file's names are kept when it only
        typed or deleted letters of the word they were read at, and read again after any other."""
        if self._parens is not None:
            opening, closing = self._parens
            if pos + removed <= opening:
                self._parens = [opening + added - removed, closing + added - removed]
            elif pos > opening and pos + removed <= closing:
                self._parens[1] += added - removed
            elif pos <= closing:
                self._parens = None  # the edit took one of them
        if self._local is None:
            return
        start, end = self._word
        if start <= pos and pos + removed <= end and added <= 64:
            cursor = QTextCursor(self.editor.document())
            cursor.setPosition(pos)
            cursor.setPosition(pos + added, QTextCursor.MoveMode.KeepAnchor)
            if _WORD.fullmatch(cursor.selectedText()):
                self._word[1] = end + added - removed
                return
        self._local = None

    def _local_names(self) -> list[pexapi.Completion]:
        if self._local is None:
            self._local = pexapi.local_completions(self.editor.toPlainText())
            cursor = self.editor.textCursor()
            word = _WORD_END.search(text_before_cursor(cursor))
            here = cursor.position()
            self._word = [here - _units(word.group() if word else ""), here]
        return self._local

    def popup_visible(self) -> bool:
        return self.completer.popup().isVisible()

    def items(self) -> list[pexapi.Completion]:
        """What the completer offers at the cursor now (with the typed prefix in ``self.prefix``)."""
        cursor = self.editor.textCursor()
        line = text_before_cursor(cursor)  # (Qt's column is in UTF-16 units)
        self.prefix, found = pexapi.completions(line, local=self._local_names)
        return found

    def show(self, explicit: bool = False, paths_only: bool = False) -> bool:
        """Open (or refresh) the popup at the cursor; False when there is nothing to offer.

        ``paths_only``: a quote was typed, which means something only inside ``sendRequest('``.
        """
        if not self.editor.is_javascript():
            return False
        found = self.items()
        if paths_only and not any(c.kind == "path" for c in found):
            found = []
        if found and (where := self.editor.text_kind_at_cursor()) is not None:
            # In a comment nothing, in a string only a request's path: Ctrl+Space in "// the
            # participant." listed the participant's properties, and in 'hel' the file's helpers.
            found = [c for c in found if c.kind == "path"] if where == "string" else []
        if not found:
            self.completer.popup().hide()
            return False
        if not self.popup_visible():  # (a new list: its font, style or screen may have changed since)
            self._widths.clear()
            self._measured = None
        typed = self.prefix.lower()
        rows = self._matches(found, typed)
        # The model is kept when the completer's own filter of it leaves these rows in this order
        # (typing "helper1" after "h" in a file of helpers): only a different order or a wider
        # list (Backspace) rebuilds it.
        changed = rows != [r for r in self._shown if typed in r.lower or not r.ascii]
        if changed:
            self._shown = rows
            items = []
            for r in rows:
                c = r.completion
                item = QStandardItem(r.text)
                item.setData(c.insert, INSERT_ROLE)
                item.setData(c.label, LABEL_ROLE)
                item.setData(pexapi.takes_arguments(c), CALL_ROLE)
                item.setData(c.kind == "path", PATH_ROLE)
                item.setToolTip(c.doc)
                item.setEditable(False)
                items.append(item)
            self.model.clear()
            # In one go: row by row, the completer's own filter took each new row in on its own.
            self.model.invisibleRootItem().appendRows(items)
        self.completer.setCompletionPrefix(self.prefix)
        count = self.completer.completionCount()
        if count == 0:
            self.completer.popup().hide()
            return False
        popup = self.completer.popup()
        popup.setCurrentIndex(self.completer.completionModel().index(0, 0))
        # cursorRect() is in the viewport's coordinates, complete() takes the editor's: the
        # viewport starts right of the line numbers.
        rect = self.editor.cursorRect().translated(viewport_of(self.editor).pos())
        rect.setWidth(self._list_width(rows, count, changed))
        self.completer.complete(rect)
        return True

    def _matches(self, found: list[pexapi.Completion], typed: str) -> list[_Row]:
        """The rows of ``found`` the completer's filter can keep for ``typed`` (lower case), those
        that start with it first, else in ``found``'s order.

        Only these go in the model (it filters them again, exactly as before; a name beyond ASCII
        is left to it, whose case rules may differ from Python's): a model of every name in a
        10,000-line file cost a quarter of a second per keystroke. While the same names are
        offered and the typed word only grew, the last matches are filtered, not every name.
        """
        if self._offered is None or found != self._offered[0]:  # (the same names: the same rows)
            self._offered = (found, [_Row(c) for c in found])
            self._pool = None
        pool = self._pool
        rows = pool[1] if pool is not None and pool[0] in typed else self._offered[1]
        rows = [r for r in rows if typed in r.lower or not r.ascii]  # (what the completer's filter can keep)
        self._pool = (typed, rows)
        first = [r.lower.startswith(typed) for r in rows]
        return list(compress(rows, first)) + list(compress(rows, map(not_, first)))

    def _list_width(self, rows: list[_Row], count: int, changed: bool) -> int:
        """The list's width: its widest row (what ``sizeHintForColumn(0)`` says) and the scroll
        bar, at least 360. Rows are measured only when that may differ from the last time: it
        measures every row, 7 ms for a thousand, on what were most keystrokes.

        The same model and prefix show the same rows, so a width is kept by prefix until the model
        is filled again (Backspace back to "he" finds it). Rows that are all shown and among those
        last measured need no measuring either when they were no wider than the least width
        (typing "helper1" after "h": fewer rows are never wider), or when they are the same rows.
        """
        popup = self.completer.popup()
        bar = popup.verticalScrollBar().sizeHint().width()
        least = 360 - bar  # (a row no wider leaves the list at 360)
        font = popup.font().key()
        if font != self._widths_font:
            self._measured = None
        if changed or font != self._widths_font:
            self._widths.clear()
            self._widths_font = font
        width = self._widths.get(self.prefix)
        if width is None:
            # (the completer's filter left out a name beyond ASCII when it shows fewer: not known which)
            ids = {id(r) for r in rows} if count == len(rows) else None
            last = self._measured
            if ids is not None and last is not None and ids <= last[0] and (last[2] <= least or ids == last[0]):
                width = last[2]
            else:
                width = popup.sizeHintForColumn(0)
                # (the rows themselves are kept too: an id stands for its row only while it lives)
                self._measured = (ids, rows, width) if ids is not None else None
            self._widths[self.prefix] = width
        return max(360, width + bar)

    def insert(self, text: str, call: bool | None = None, path: bool = False) -> None:
        """Put the chosen ``text`` in place of the word at the cursor (the typed prefix and the rest
        of the word after the cursor: of a request's path when ``path``); a function (``call`` not
        None) gets its parentheses, the cursor between them when it takes arguments (``call``), as
        code editors do, unless a ``(`` follows the word already. A snippet's placeholder being typed
        passes it on to its copies at once: they changed only at the next key.

        Why the whole word: chosen inside ``sendRe|quest('/lock')``, the name went before the rest
        of the old one, with parentheses of its own: ``sendRequest()quest('/lock')``.
        """
        cursor = self.editor.textCursor()
        rest = (_PATH if path else _WORD).match(text_after_cursor(cursor)).group()
        end = cursor.position() + _units(rest)  # (positions in UTF-16 units, as Qt counts them)
        cursor.setPosition(end - _units(rest) - _units(self.prefix))
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        start = cursor.selectionStart()
        parens = call is not None and self.editor.document().characterAt(cursor.selectionEnd()) != "("
        cursor.insertText(text + "()" if parens else text)
        if parens and call:  # (a path chosen between them keeps the ")" to step over)
            cursor.movePosition(QTextCursor.MoveOperation.Left)
            self._parens = [cursor.position() - 1, cursor.position()]
        at = text.find(pexapi.UUID_PLACEHOLDER)
        if at >= 0:  # a participant request: the uuid expression is selected, ready to be replaced
            cursor.setPosition(start + at)  # (a path is ASCII: Python and Qt count alike)
            cursor.setPosition(start + at + len(pexapi.UUID_PLACEHOLDER), QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.completer.popup().hide()
        if self.editor.snippet is not None:
            self.editor.snippet.follow()

    def step_over(self, typed: str) -> bool:
        """``)`` typed right before the ``)`` an accepted function got: the cursor steps over it.

        Why: the editor adds no closing brackets of its own, so a user typing ``'hi')`` between the
        parentheses of ``sendChatMessage()`` would have written ``sendChatMessage('hi'))``.
        """
        cursor = self.editor.textCursor()
        if typed != ")" or self._parens is None or cursor.hasSelection() or cursor.position() != self._parens[1]:
            return False
        opening, closing = self._parens
        inside = QTextCursor(self.editor.document())
        inside.setPosition(opening + 1)
        inside.setPosition(closing, QTextCursor.MoveMode.KeepAnchor)
        between = inside.selectedText()
        if between.count("(") > between.count(")"):
            return False  # ``f(1`` typed inside: this ")" is f's
        self._parens = None
        cursor.movePosition(QTextCursor.MoveOperation.Right)
        self.editor.setTextCursor(cursor)
        return True
