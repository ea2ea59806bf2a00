"""The Problems list: what is wrong, grouped by plugin, each with its place and a Fix button.

Why grouped: a package with five plugins can have dozens of notes; people fix one plugin at a
time, and a group header with the count tells them at a glance which plugin needs work.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from ..bidi import IsolatingDelegate, isolate_runs
from ..viewports import viewport_of

if TYPE_CHECKING:  # the core loads with the first package, after the window has painted
    from PySide6.QtCore import QEvent, QModelIndex, QPoint
    from PySide6.QtGui import QIcon, QKeyEvent, QResizeEvent
    from PySide6.QtWidgets import QStyleOptionViewItem

    from ...core.model import BrandingPackage
    from ...core.problems import Fix, Problem


_FIX_TEXT_WIDTH = 300  # pixels of a Fix button's text before it is shortened
_WHERE_WIDTH = 230  # pixels of the Where column at most
# Problems shown unfolded when a list opens: the groups, in order, while their problems together
# stay within this many (at least the first group); the other groups show as their title and
# count, unfolded with a click. Every problem row unfolded is laid out (its wrapped height is
# measured) and gets its Fix button: 5,000 of them froze the window for seconds at every check.
_UNFOLDED_ROWS = 200
_GROUP_ROLE = Qt.ItemDataRole.UserRole + 1  # a group header's plugin key ("" for the package)
_TITLE_ROLE = Qt.ItemDataRole.UserRole + 2  # a group header's title unfiltered ("Record (12)")
# Rows the list holds at most. Why: each row is measured for its wrapped text and most have a Fix
# button, a widget of its own; a JSON file of 20,000 names written twice (a 340 KB file) is one
# group of 20,000 problems, unfolded as the first group, which held the window for half a minute as
# it opened, and again after each pause in typing. Nobody reads past the first few hundred: the
# errors come first, and the rest show as those are fixed.
MOST_ROWS = 500
# The severities, in the order of the filter's toggles, each with its word there.
SEVERITIES = (("error", "Errors"), ("warning", "Warnings"), ("info", "Notes"))
_ALL_SEVERITIES = frozenset(s for s, _word in SEVERITIES)
# What a problem's row says of its kind to a screen reader, which reads no icon.
_SPOKEN_SEVERITY = {"error": "Error", "warning": "Warning", "info": "Note"}
# Milliseconds of a pause in typing in the filter before the list is filtered: each key filtered at
# once filtered 500 rows and laid the list out again for every letter of a word typed quickly.
FILTER_PAUSE = 150


# Where a place ("plugins/x/x.plugin.package.json:21:25") may break across lines: Qt wraps text
# at spaces and dashes only, and cut off the end of a file name wider than the Where column.
_BREAKS = re.compile(r"[/.:]")


# Where a Fix button's shortened title may be cut: between words, and a path's folders and parts.
_WORD_BREAKS = " /.-"


def _whole_words(title: str, elided: str) -> str:
    """``elided`` (``title`` shortened in the middle by Qt) cut where a word ends on both sides of
    its "…": Qt cut anywhere, and "Create the function action1" became "Create the f…tion action1",
    two halves of a word that said nothing. Only characters are taken away, so it still fits.
    As Qt left it when a side has no break to go back to (one long word)."""
    # Qt's "…" is the one with the title's start before it and its end after it: a title may hold
    # one of its own (a long title is shortened once to _FIX_TEXT_WIDTH, then again to the column),
    # which is no cut of this one, or which this one took the place of.
    for cut in (i for i, c in enumerate(elided) if c == "…"):
        left, right = elided[:cut], elided[cut + 1 :]
        if title.startswith(left) and title.endswith(right) and len(left) + len(right) < len(title):
            break
    else:
        return elided
    inside_left, inside_right = _inside_words(title, left, right)
    if inside_left:
        left = left[: max(left.rfind(c) for c in _WORD_BREAKS) + 1]
    if inside_right:
        found = [i for i in (right.find(c) for c in _WORD_BREAKS) if i >= 0]
        right = right[min(found) :] if found else ""
    if not left.strip() or not right.strip():
        return elided
    return f"{left}…{right}"


def _inside_words(title: str, left: str, right: str) -> tuple[bool, bool]:
    """Whether ``title``'s start ``left`` ends inside a word, and whether its end ``right`` starts
    inside one (the two sides of a "…" put in the middle of it)."""
    start = len(title) - len(right)  # where the right side begins in the title
    inside_left = bool(left) and left[-1] not in _WORD_BREAKS and title[len(left)] not in _WORD_BREAKS
    inside_right = bool(right) and right[0] not in _WORD_BREAKS and title[start - 1] not in _WORD_BREAKS
    return inside_left, inside_right


def _mid_word(title: str, shortened: str) -> bool:
    """Whether ``shortened`` (``title`` with a "…") cuts a word in two on either side of its "…"."""
    cut = shortened.find("…")
    if cut < 0:
        return False
    return any(_inside_words(title, shortened[:cut], shortened[cut + 1 :]))


def _name_kept(title: str, width: int, advance: Callable[[str], int], elide: Callable[[str, int], str]) -> str:
    """``title`` in ``width`` pixels with its last word whole (the name the user typed: "Create the
    function 'startRecordingOfTheMeeting'"), the words before it shortened from their end
    ("Create the… 'startRecordingOfTheMeeting'"); too narrow for the whole name, the first word and
    the name with its start and end ("Create… 'startRec…Meeting'"). "" when even that leaves too
    little of the name to read. Why: Qt's cut in the middle fell inside the name
    ("Create the func…rtRecording"), the one part of the title that tells the rows apart. A name made
    of words (a path) is cut only between them."""
    words = title.split(" ")
    if len(words) < 2:
        return ""
    last = words[-1]
    for keep in range(len(words) - 1, 0, -1):
        text = " ".join(words[:keep]) + ("… " if keep < len(words) - 1 else " ") + last
        if advance(text) <= width:
            return text
    head = words[0] + ("… " if len(words) > 2 else " ")
    name = _whole_words(last, elide(last, width - advance(head)))
    if len(name.replace("…", "").strip("'\"")) < 10:  # a few letters of a name say nothing
        return ""
    if _mid_word(last, name) and any(c in last.strip("'\"") for c in _WORD_BREAKS):
        return ""  # a path cut inside a folder's name ("'plugi….json'"): only one word is cut so
    return head + name


def outside_place(package: BrandingPackage | None, rel: str) -> tuple[str, str] | None:
    """A problem's file beside webapp2/ (PD110's ``../.plugin-designer``) as the user knows it:
    (short, whole): the project folder or the ZIP and the name there ("p/.plugin-designer",
    "branding.zip › .plugin-designer") and its whole path. None for a file in webapp2/.

    Why: the Where column showed "../.plugin-designer", a path from inside webapp2/ that no
    reader works out, for a file the designer shows nowhere (going there did nothing).
    """
    if package is None or not rel.startswith("../"):
        return None
    zip_path = getattr(package.files, "zip_path", None)
    if zip_path is not None:
        inside = posixpath.normpath(posixpath.join(str(getattr(package.files, "prefix", "")) or ".", rel))
        return f"{Path(zip_path).name} › {inside}", f"{zip_path} › {inside}"
    if package.root is None:
        return None
    path = Path(os.path.normpath(package.root / rel))
    project = getattr(package.files, "project", package.root.parent)
    return f"{project.name}/{os.path.relpath(path, project).replace(os.sep, '/')}", str(path)


def _place(problem: Problem, package: BrandingPackage | None) -> str:
    """The Where of ``problem``: its file, line and column, or a file beside webapp2/ as :func:`outside_place` says."""
    outside = outside_place(package, problem.file)
    return problem.location() if outside is None else outside[0]


def _group_title(name: str, count: int, listed: int) -> str:
    """A group's title: its name and how many problems it has ("Record (1201, 500 listed)")."""
    return f"{name} ({count})" if listed == count else f"{name} ({count}, {listed} listed)"


def _most_serious(problems: list[Problem], most: int) -> set[int]:
    """The ids of the ``most`` problems the list holds: errors first, then warnings, then notes,
    each in the checks' order (by file and line).

    Why one pass per severity, not a sort: sorted by a key that asks each problem its rank, the
    5,000 problems of a package of 100 broken plugins took a tenth of each check's refresh."""
    if len(problems) <= most:
        return {id(p) for p in problems}
    from ...core.problems import Severity

    out: set[int] = set()
    for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO):
        for p in problems:
            if p.severity is severity:
                out.add(id(p))
                if len(out) == most:
                    return out
    return out


def _same_place(problem: Problem) -> tuple[str, str | None, str, str, int, int]:
    """What tells a problem apart from the others across checks, its message aside (a message may
    name the plugin, renamed since): its code, plugin and place."""
    return (problem.code, problem.plugin, problem.file, problem.pointer, problem.line, problem.column)


def _haystack(problem: Problem) -> str:
    """What the filter's words are looked for in: the message, the code and the place (file, line)."""
    return _folded(f"{problem.message}\n{problem.code}\n{problem.location()}")


def _folded(text: str) -> str:
    """``text`` in any case, each accented letter one character (NFC).

    Why: a file from a Mac ZIP is named with a letter plus a separate accent ('Café.svg' in NFD);
    'café' typed on another keyboard, one character, found nothing of it."""
    import unicodedata

    return unicodedata.normalize("NFC", text.casefold())


def _more_text(more: int, listed: int, filtered: bool) -> str:
    """The last row's text of a list past :data:`MOST_ROWS`: ``more`` problems not listed (those the
    filter matches when ``filtered``)."""
    which = "matching " if filtered else ""
    return (
        f"{more:,} more {which}{'problem is' if more == 1 else 'problems are'} not listed here: the list "
        f"holds the first {listed:,}, errors first. They are listed as these are fixed; "
        "plugin-designer check lists them all."
    )


def _place_text(problem: Problem, package: BrandingPackage | None, narrow: bool) -> str:
    """The Where cell of ``problem``: its place, and in a narrow list (no Code column) its code under it."""
    return "\n".join(t for t in (_place(problem, package), problem.code if narrow else "") if t)


class _Wrapped(IsolatingDelegate):
    """Cells whose text wraps at their column's width, text and icon at the top.

    Why the width is given here: Qt measures a row's height without the column's width, so a
    wrapped message got the height of one line and was cut off below it. At the top: in a row
    several lines tall, the place, the code and the severity icon stay beside the message's
    first line.
    """

    def __init__(self, view: QTreeWidget) -> None:
        super().__init__(view, quoted=True)
        self._view = view
        self._button_height = 0  # a Fix button's, measured when first needed
        # Sizes measured, by (column, width, text, header or row): a cell's wrapped size depends
        # on nothing else while the font stays (see ProblemsPane.changeEvent). Why: each layout of
        # the list measured every row unfolded again, a tenth of a millisecond per cell, and a check
        # that changed one plugin's problems laid out the hundreds of rows of the others again.
        self.sizes: dict[tuple[int, int, str, bool], QSize] = {}

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:  # noqa: N802 - Qt's name
        super().initStyleOption(option, index)  # (names in Arabic or Hebrew laid out on their own)
        if index.column() == 1:  # a place: a path that may break after each / . or : too
            # (its folders and file named in Arabic or Hebrew kept in order: see bidi)
            option.text = self._fitted(_BREAKS.sub("\\g<0>\u200b", isolate_runs(index.data() or "")), option)
            # A narrow list's code goes under the place (see _place_text): Qt's own displayText turns
            # "\n" into a line separator, this text set here must too, or the code was drawn glued to
            # the line number ("….plugin.js:34:30PD517") and the row had no room for it.
            option.text = option.text.replace("\n", "\u2028")
        if not self._button_height:
            self._button_height = QPushButton("Fix").sizeHint().height()
        # A row of one line is as tall as its Fix button: its text and icon in the middle, level
        # with the button's text, as they were before rows wrapped.
        middle = option.rect.height() <= self._button_height + 1
        vertical = Qt.AlignmentFlag.AlignVCenter if middle else Qt.AlignmentFlag.AlignTop
        option.displayAlignment = Qt.AlignmentFlag.AlignLeft | vertical
        option.decorationAlignment = Qt.AlignmentFlag.AlignHCenter | vertical

    def _fitted(self, text: str, option: QStyleOptionViewItem) -> str:
        """``text`` with each part too wide for the cell on a line of its own (a folder's name longer
        than the column) breakable after every character.

        Why: Qt wraps only where a break is allowed, and drew such a part past the column's edge, up
        to the next column's text ("…/recordingstreamingcontrolpanel" ran into the code, its end cut off).
        """
        from PySide6.QtWidgets import QStyle  # (see ProblemsPane._severity_icon: not at start-up)

        margin = self._view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self._view) + 1
        room = option.rect.width() - 2 * margin - 1  # (a pixel to spare: Qt's text widths are fractions)
        if room <= 0:
            return text
        advance = option.fontMetrics.horizontalAdvance
        # Each part with the character it may break after ("recordingstreamingcontrolpanel/"):
        # a line ends with it, so it must fit with the part.
        parts = re.split("(?<=[\u200b\n -])", text)
        return "".join(p if advance(p.rstrip("\u200b\n ")) <= room else "\u200b".join(p) for p in parts)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802 - Qt's name
        view = self._view
        width = view.columnWidth(index.column())
        if view.header().visualIndex(index.column()) == 0:  # the tree's column: less its indentation
            depth = 1 if view.rootIsDecorated() else 0
            parent = index.parent()
            while parent.isValid():
                depth, parent = depth + 1, parent.parent()
            width -= depth * view.indentation()
        key = (index.column(), width, index.data() or "", index.parent().isValid())
        size = self.sizes.get(key)
        if size is not None:
            return QSize(size)
        from PySide6.QtWidgets import QStyleOptionViewItem  # (its type costs ~1 ms: not at start-up)

        sized = QStyleOptionViewItem(option)
        sized.rect = QRect(0, 0, max(width, 1), option.rect.height() or 1)
        size = super().sizeHint(sized, index)
        if len(self.sizes) > 50_000:  # (widths and texts come and go: the cache is not kept for ever)
            self.sizes.clear()
        self.sizes[key] = QSize(size)
        return size

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> None:  # noqa: N802 - Qt's name
        """A Fix button at the top of its cell, as tall as a button (not as its row, several lines
        tall for a long message). (Its maximum height would do it, but Qt caps the row at it.)"""
        rect = option.rect
        editor.setGeometry(rect.x(), rect.y(), rect.width(), min(rect.height(), editor.sizeHint().height()))


class ProblemsPane(QTreeWidget):
    """objectName ``problemsList``; ``sig_fix`` asks the window to apply a fix, ``sig_fix_all`` every
    fix of one problem code (the code), ``sig_jump`` to show a place, ``sig_explain`` to explain a
    problem code (Help ▸ Problem Codes at that code).

    The filter (:meth:`set_filter`, typed in a :class:`ProblemsFilter` above the list) hides the
    rows it does not match; ``sig_filtered`` says the rows on show changed (see ``shown_count``),
    ``sig_counted`` gives each severity's count of a new list (for the filter's toggles), and
    ``sig_find`` asks for the filter's field (Ctrl+F in the list)."""

    sig_fix = Signal(object)
    sig_fix_all = Signal(str)
    sig_import = Signal()
    sig_jump = Signal(object)
    sig_explain = Signal(str)
    sig_find = Signal()
    sig_filtered = Signal()
    sig_counted = Signal(object)

    #: Listed by Help ▸ Keyboard Shortcuts (see SourcePane.KEYS_HELP): the keys the list handles
    #: itself were in no list, so Tab to a problem's Fix was found only by chance.
    KEYS_HELP = (
        ("Go to the problem", "Enter"),
        ("To the problem's Fix (Enter or Space applies it)", "Tab"),
        ("What the problem's code means", "F1"),
        ("Filter the problems (Escape clears it, Down comes back)", "Ctrl+F"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemsList")
        self.setAccessibleName("Problems")
        self._package: BrandingPackage | None = None
        self.setHeaderLabels(["Problem", "Where", "Code", "Fix"])
        self.setColumnWidth(0, 500)
        self.setColumnWidth(1, _WHERE_WIDTH + 10)
        self.setColumnWidth(2, 70)
        # Messages and places are wrapped onto as many lines as they need, each row as tall as its
        # text: cut short with "…" at the column's edge, a message could only be read whole in its
        # tooltip, and a narrow dock (Export open beside it) showed little more than its start.
        # (No sideways scrolling and no "…": set with the first problems, see _fit_columns.)
        self.setWordWrap(True)
        # Off from the start, not only once the first problems fit the columns: on the welcome
        # page of a 900 px window the empty list showed a sideways scrollbar, for columns set
        # wider than the list before any project was open.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setUniformRowHeights(False)
        self._delegate = _Wrapped(self)
        self.setItemDelegate(self._delegate)
        self.header().sectionResized.connect(self._column_resized)
        self.itemActivated.connect(self._activated)
        self.itemExpanded.connect(self._group_unfolded)
        # Buttons of the rows of folded groups, made when the group is unfolded (see show_problems):
        # group key -> (row, make the button).
        self._pending_buttons: dict[str, list[tuple[QTreeWidgetItem, Callable[[], QPushButton]]]] = {}
        self._folded: dict[str, bool] = {}  # group key -> folded, as the user left it in a long list
        self._new_buttons: dict[str, list[tuple[QTreeWidgetItem, Callable[[], QPushButton]]]] = {}
        # What is on show, to keep the groups a check left as they were: group key -> (title, its
        # problems, header), the keys in order, and whether the package was writable.
        self._shown_groups: dict[str, tuple[str, tuple[Problem, ...], QTreeWidgetItem]] = {}
        self._shown_order: list[str] = []
        self._writable = False
        self._places_narrow = False  # whether the rows' places show their codes (see _fit_columns)
        self._fitted: tuple[int, str] | None = None  # what the columns were last fitted for (_fitting)
        # The filter, kept for the window's session (across checks and projects): the words a row
        # must all hold (see _haystack) and the severities shown.
        self._filter_words: tuple[str, ...] = ()
        self._filter_severities = _ALL_SEVERITIES
        self._haystacks: dict[int, str] = {}  # id of a problem of the list -> its _haystack
        self._unlisted: list[Problem] = []  # the problems past MOST_ROWS (counted by the last row)
        self._more: tuple[QTreeWidgetItem, int] | None = None  # that last row, and how many rows are listed
        self._no_match: QTreeWidgetItem | None = None  # the row saying the filter hides every problem
        self.shown_count = 0  # problem rows the filter leaves on show (all of them when not filtering)
        self.after_fix: QWidget | None = None  # where Tab from a row's button goes (see focusNextPrevChild)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)

    def _column_resized(self, _column: int, _old: int, _new: int) -> None:
        """Rows are as tall as their text at the columns' widths: when a width changes, they are
        laid out again (Qt keeps the heights it measured first, and a narrower column cut the
        text off)."""
        self.scheduleDelayedItemsLayout()

    def _severity_icon(self, severity: str) -> QIcon:
        """The style's icon for a severity.

        Why QStyle is named only here: PySide builds a class's Python enums when a module first
        names it, and QStyle's are the biggest of any widget class (about 5 ms); the pane is made
        before the window's first paint, its first problem arrives after it.
        """
        from PySide6.QtWidgets import QStyle

        pixmap = QStyle.StandardPixmap
        by_severity = {
            "error": pixmap.SP_MessageBoxCritical,
            "warning": pixmap.SP_MessageBoxWarning,
            "info": pixmap.SP_MessageBoxInformation,
        }
        return self.style().standardIcon(by_severity[severity])

    def _fit_columns(self) -> None:
        """The message takes what the other columns leave, and the Fix column is as wide as its
        widest button. Fixed widths left an empty Fix column 400 px wide on a big screen while
        messages were cut short, and pushed Fix off a small one behind a sideways scrollbar.
        (Set with the first problems, not at start-up: naming QHeaderView's enums costs time
        before the window's first paint.)"""
        from PySide6.QtWidgets import QHeaderView

        header = self.header()
        if header.stretchLastSection():
            header.setStretchLastSection(False)
            header.setMinimumSectionSize(40)
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            self.setTextElideMode(Qt.TextElideMode.ElideNone)
            self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # (the rows of groups whose buttons were made: those of folded groups are not, see show_problems)
        with_buttons = [
            head.child(j)
            for head in (self.topLevelItem(i) for i in range(self.topLevelItemCount()))
            if head.data(0, _GROUP_ROLE) not in self._pending_buttons
            for j in range(head.childCount())
        ]
        buttons = [b for b in (self.itemWidget(row, 3) for row in with_buttons) if isinstance(b, QPushButton)]
        metrics = self.fontMetrics()
        widest = max(
            (min(metrics.horizontalAdvance(b.property("fullTitle")), _FIX_TEXT_WIDTH) + 24 for b in buttons), default=0
        )
        # In a narrow dock (the Export dock open beside it, or the list docked at the side) the
        # message keeps about half the width (it wraps onto more lines); below 480 px the Code
        # column goes and each code is shown under its place instead (gone, it was nowhere to
        # be seen but in a tooltip).
        room = max(viewport_of(self).width(), 200)
        narrow = room < 480
        self.setColumnHidden(2, narrow)
        if narrow != self._places_narrow:  # (rows made since are made as the others: see _group_head)
            self._places_narrow = narrow
            # One layout for all the places changed below, not one measure of a row per place: set
            # one by one, each row's wrapped height was measured again (seconds for 5,000 problems).
            self.scheduleDelayedItemsLayout()
            for row in self.problem_items():
                place = _place_text(row.data(0, Qt.ItemDataRole.UserRole), self._package, narrow)
                if row.text(1) != place:
                    row.setText(1, place)
        where = max(110, min(_WHERE_WIDTH + 10, room // 4))
        fix = max(header.sectionSizeHint(3), min(widest + 8, room * 3 // 10))
        texts = [self._fix_text(b.property("fullTitle"), fix - 24, b.property("shortTitle")) for b in buttons]
        if texts:  # as wide as the texts shown (some just "Fix"): the message gets the rest
            fix = min(fix, max(header.sectionSizeHint(3), max(metrics.horizontalAdvance(t) for t in texts) + 32))
        self.setColumnWidth(1, where)
        # The Code column as wide as a code and its header at the font in use: a fixed 64 px cut
        # "PD523" to "PD52" at 16 pt.
        self.setColumnWidth(2, max(64, header.sectionSizeHint(2), metrics.horizontalAdvance("PD000") + 24))
        self.setColumnWidth(3, fix)
        for b, text in zip(buttons, texts, strict=True):
            b.setText(text)
        self._fitted = self._fitting()

    def _fitting(self) -> tuple[int, str]:
        """What the columns were fitted for besides the rows (see show_problems): the list's width and font."""
        return viewport_of(self).width(), self.font().key()

    def _fix_text(self, title: str, width: int, short: str | None = None) -> str:
        """A Fix button's text in ``width`` pixels (at most ``_FIX_TEXT_WIDTH``; a button's text
        cannot wrap): whole; shortened in the middle between words while most of it still shows (a
        path's file name is at its end, which Qt's own cutting at the right dropped); with its last
        word whole when that cut falls inside it, or when it is a quoted name (see _name_kept);
        else just "Fix". Why: in a narrow dock the middle of "Enable 'Acme branding' in
        settings.json" left "Enable…s.json", which said nothing; the row's message says what the
        fix does, and the tooltip has its whole title. ``short``: the button's own word instead of
        "Fix" (one that fixes nothing must not say "Fix")."""
        metrics = self.fontMetrics()
        width = min(width, _FIX_TEXT_WIDTH)
        full = metrics.horizontalAdvance(title)
        if full <= width:
            return title
        # "Most of it": of what a button may show at all, so a title longer than that is shortened
        # to the button too (it became just "Fix", however wide the column).
        if width >= min(full, _FIX_TEXT_WIDTH) * 0.85:
            cut = _whole_words(title, metrics.elidedText(title, Qt.TextElideMode.ElideMiddle, width))
            if not _mid_word(title, cut):
                return cut
        elif not title.endswith(("'", '"')):  # (a quoted name at the end is worth keeping, see below)
            return short or "Fix"
        # The last word would be cut in two, or it is a quoted name: kept readable (see _name_kept).
        return (
            _name_kept(
                title,
                width,
                metrics.horizontalAdvance,
                lambda text, room: metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, max(room, 0)),
            )
            or short
            or "Fix"
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """Another font or style: the rows' sizes measured with the old one are measured again."""
        from PySide6.QtCore import QEvent

        if event.type() in (
            QEvent.Type.FontChange,
            QEvent.Type.StyleChange,
            QEvent.Type.ApplicationFontChange,
            QEvent.Type.LayoutDirectionChange,
        ):
            self._delegate.sizes.clear()
            self.scheduleDelayedItemsLayout()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        # Fitted once already (see _fit_columns), and for another width (taller or shorter, the
        # columns stay as they are: each fit measured the text of every Fix button again).
        if not self.header().stretchLastSection() and self._fitted != self._fitting():
            self._fit_columns()

    def show_problems(
        self, problems: list[Problem], package: BrandingPackage | None, owners: list[int | None] | None = None
    ) -> None:
        """Fill the list. The rows are made first and handed to the view in one go, with painting
        held: added one by one to the visible list, 700 problems took seconds (the view laid itself
        out after each row), and every pause while typing in a broken project froze the window.

        A group whose problems are the same as on show (same plugin, same title, equal problems)
        is kept as it is, rows, buttons and all: only the groups an edit changed are made again.
        Why: every check after an edit or a Fix made all rows again, 5,000 of them in a package
        of 100 broken plugins, where an edit changes the problems of one plugin at most.

        A long list (over ``_UNFOLDED_ROWS`` problems) opens with the groups that fit in that many
        unfolded and the others folded to their title and count; a group the user folded or
        unfolded stays so at the next check. Why: all unfolded, 5,000 problems froze the window
        for seconds when the project opened and again after every check, while the rows were
        measured and given their Fix buttons; and a wall of 5,000 rows hid which plugins need
        work, which the groups' titles and counts tell at a glance.

        ``owners``: each problem's plugin (its index, None for the package), as
        :func:`~designer.core.plugins.problem_owners` tells, when the caller has them already (the
        window counts each plugin's errors for the project tree with them): not looked up twice.

        The problem the keyboard is on stays current when its row is kept or an equal problem is
        listed again (its plugin's group made again); when it is gone (fixed), the one now in its
        place in the list is current if the keyboard was in the list."""
        writable = package is not None and package.files.writable
        same_context = package is self._package and writable == self._writable
        self._package, self._writable = package, writable  # (places beside webapp2/: see outside_place)
        from PySide6.QtWidgets import QApplication

        from ...core.plugins import problem_owners

        # The keyboard in the list (on a row or its Fix button) stays in it, at the same place: a
        # Fix applied with Space left it on the project tree (its button went with the old rows).
        focus = QApplication.focusWidget()
        kept = focus is self or (focus is not None and self.isAncestorOf(focus))
        current = self.currentItem()
        current_problem = current.data(0, Qt.ItemDataRole.UserRole) if current is not None else None
        current_group, nth = None, 0
        if current_problem is not None:
            current_group = current.parent().data(0, _GROUP_ROLE)
            place = _same_place(current_problem)
            before = (current.parent().child(j) for j in range(current.parent().indexOfChild(current)))
            nth = sum(_same_place(r.data(0, Qt.ItemDataRole.UserRole)) == place for r in before)
        # (of those shown; only the keyboard's place needs it: a pass over the 500 rows at each check)
        at = next((i for i, row in enumerate(self.shown_problem_items()) if row is current), 0) if kept else 0
        if self.topLevelItemCount() and self._long_list():  # a long list on show: its groups as the user left them
            for i in range(self.topLevelItemCount()):
                head = self.topLevelItem(i)
                if head.data(0, _GROUP_ROLE) is not None:  # (not the last row's note of problems not listed)
                    self._folded[head.data(0, _GROUP_ROLE)] = not head.isExpanded()

        plugins = package.plugins if package is not None else []
        owner = problem_owners(package) if package is not None else None
        # By plugin (its place in settings.json), not by key: two plugins with the same id (PD202)
        # were one group, with both plugins' problems under one name.
        if owners is None:
            owners = [owner(p.plugin, p.file, p.pointer) if owner is not None and p.plugin else None for p in problems]
        by_owner: dict[int | None, list[Problem]] = {}
        for p, key in zip(problems, owners, strict=True):
            by_owner.setdefault(key, []).append(p)
        order: list[int | None] = [None, *range(len(plugins))]  # package-wide first, then settings order
        listed = _most_serious(problems, MOST_ROWS)
        # (group key, title and count, its problems listed) of each group, in the order shown
        groups = [
            (
                "" if k is None else f"{k}:{plugins[k].key}",
                _group_title("Package" if k is None else plugins[k].display_name, len(found), len(rowed)),
                rowed,
            )
            for k in order
            if (found := by_owner.get(k)) and (rowed := tuple(p for p in found if id(p) in listed))
        ]
        shown = self._shown_groups if same_context else {}
        kept_heads = [g for g, title, found in groups if shown.get(g, (None, None, None))[:2] == (title, found)]
        if kept_heads != [g for g in self._shown_order if g in kept_heads]:
            kept_heads = []  # the plugins were reordered: all made again (the order is that of settings.json)
        icons: dict[str, QIcon] = {}

        def icon(severity: str) -> QIcon:
            if severity not in icons:
                icons[severity] = self._severity_icon(severity)
            return icons[severity]

        long_list = len(problems) > _UNFOLDED_ROWS
        if not long_list:
            self._folded.clear()  # (a short list shows every group unfolded, as it always did)
        heads: list[tuple[QTreeWidgetItem, bool | None]] = []  # each group's header; unfolded (None: kept as is)
        unfolded_rows = 0
        for group, title, found in groups:
            if group in kept_heads:
                head = shown[group][2]
                unfolded = None
            else:
                head = self._group_head(group, title, found, package, icon)
                if not long_list:
                    unfolded = True
                elif group in self._folded:
                    unfolded = not self._folded[group]
                else:  # the first groups, while they fit
                    unfolded = not heads or unfolded_rows + len(found) <= _UNFOLDED_ROWS
            if unfolded or (unfolded is None and head.isExpanded()):
                unfolded_rows += len(found)
            heads.append((head, unfolded))
        more = len(problems) - len(listed)
        # The last row of a list past MOST_ROWS kept with the groups kept (_apply_filter says its
        # count): taken away and added again, the view laid out all its rows again at every check.
        shown_note = self._more[0] if self._more is not None and kept_heads else None
        note = (shown_note or self._more_note(more, len(listed), icon)) if more else None
        self._unlisted = [p for p in problems if id(p) not in listed] if more else []
        self._haystacks = {}
        self._more = (note, len(listed)) if note is not None else None
        self._no_match = None  # (taken with the other rows below, or made again by _apply_filter)
        self.setUpdatesEnabled(False)
        try:
            self.blockSignals(True)  # (the buttons of unfolded groups are made below, in one go)
            try:
                if kept_heads:
                    for i in reversed(range(self.topLevelItemCount())):
                        item = self.topLevelItem(i)
                        if item is not note and item.data(0, _GROUP_ROLE) not in kept_heads:
                            self.takeTopLevelItem(i)  # (gone with its rows and their buttons; an old note too)
                    self._insert_new_heads(heads)
                else:
                    self.clear()
                    self.addTopLevelItems([head for head, _unfolded in heads])
                if note is not None and note is not shown_note:
                    self.addTopLevelItem(note)
                    note.setFirstColumnSpanned(True)
                for head, unfolded in heads:
                    if unfolded is not None:
                        head.setFirstColumnSpanned(True)
                        head.setExpanded(unfolded)
            finally:
                self.blockSignals(False)
            self._pending_buttons = {g: b for g, b in self._pending_buttons.items() if g in kept_heads}
            self._pending_buttons.update(self._new_buttons)
            self._new_buttons = {}
            for head, unfolded in heads:
                if unfolded:
                    self._make_buttons(head)
            # The same groups as on show, the same buttons: the columns fit them already (at this
            # width: a resize fits them again). Why: it measured the text of every button again.
            same_rows = kept_heads == self._shown_order and all(u is None for _head, u in heads)
            if not same_rows or self._fitted != self._fitting():
                self._fit_columns()
            self._apply_filter()
        finally:
            self.setUpdatesEnabled(True)
        from collections import Counter

        by_severity = Counter(p.severity for p in problems)  # (not .value of each: an enum's is slow)
        counts = {severity: 0 for severity in _ALL_SEVERITIES}
        for severity, n in by_severity.items():
            counts[severity.value] += n
        self.sig_counted.emit(counts)
        self._shown_groups = {
            g: (title, found, head) for (g, title, found), (head, _u) in zip(groups, heads, strict=True)
        }
        self._shown_order = [g for g, _title, _found in groups]
        self.executeDelayedItemsLayout()  # the Fix buttons in place now, not at the next paint
        # (the current row itself when its group was kept: else it is gone, deleted with its group)
        again = self._problem_row(current if current_group in kept_heads else None, current_problem, nth)
        if again is not None:
            if kept and not again.parent().isExpanded():
                again.parent().setExpanded(True)  # (its buttons made: see _group_unfolded)
            if again is not self.currentItem():
                self.setCurrentItem(again)
            if kept:
                self.setFocus(Qt.FocusReason.OtherFocusReason)
        elif kept:
            rows = list(self.shown_problem_items())  # (a fixed problem's next one the filter shows)
            if rows:
                row = rows[min(at, len(rows) - 1)]
                if not row.parent().isExpanded():
                    row.parent().setExpanded(True)  # (its buttons made: see _group_unfolded)
                self.setCurrentItem(row)  # the next problem, where the fixed one was
            self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _insert_new_heads(self, heads: list[tuple[QTreeWidgetItem, bool | None]]) -> None:
        """Put the groups made again (``unfolded`` not None) among the kept ones, each run of
        neighbours in one insertion.

        Why: each insertion has the view lay out all its rows and move every Fix button; a plugin
        removed in the middle of 80 makes the groups of all the plugins after it again, and one
        insertion each held the window for a third of a second."""
        run: list[QTreeWidgetItem] = []
        for i, (head, unfolded) in enumerate([*heads, (None, None)]):  # (a last kept one ends the last run)
            if unfolded is not None:
                run.append(head)
            elif run:
                self.insertTopLevelItems(i - len(run), run)
                run = []

    def _problem_row(
        self, row: QTreeWidgetItem | None, problem: Problem | None, nth: int = 0
    ) -> QTreeWidgetItem | None:
        """``row`` (kept with its group, or None) when the filter shows it, else the row the filter
        shows of a problem equal to ``problem`` (its group made again), or else the ``nth`` of the
        same code at the same place (its message may name the plugin, renamed: ``nth`` is how many
        such came before it); None when there is none.

        Why: a check that made the current problem's group again (an edit in its plugin) left
        the keyboard on another problem, or none, though the problem was still there."""
        if problem is None:
            return None
        if row is not None and not row.isHidden():
            return row

        place = _same_place(problem)
        same, alike = None, []
        for r in self.shown_problem_items():
            other = r.data(0, Qt.ItemDataRole.UserRole)
            if other == problem:
                same = r
                break
            if _same_place(other) == place:
                alike.append(r)
        return same or (alike[min(nth, len(alike) - 1)] if alike else None)

    def _group_head(
        self,
        group: str,
        title: str,
        found: tuple[Problem, ...],
        package: BrandingPackage | None,
        icon: Callable[[str], QIcon],
    ) -> QTreeWidgetItem:
        """A group's header (``title``, with its count) with its problems' rows (their buttons
        waiting in ``_new_buttons``)."""
        worst = min(found, key=lambda p: p.severity.rank).severity
        head = QTreeWidgetItem([title, "", "", ""])
        head.setData(0, _GROUP_ROLE, group)
        head.setData(0, _TITLE_ROLE, title)
        head.setIcon(0, icon(worst.value))
        font = head.font(0)
        font.setBold(True)
        head.setFont(0, font)
        writable = package is not None and package.files.writable
        rows = []
        buttons: list[tuple[QTreeWidgetItem, Callable[[], QPushButton]]] = []
        for p in found:
            # Whole, wrapped where the column ends: the file's name and the line are what tell
            # problems apart ("plugins/lock-toggle/lock-toggle.plugi…" hid both).
            outside = outside_place(package, p.file)
            row = QTreeWidgetItem([p.message, _place_text(p, package, self._places_narrow), p.code, ""])
            row.setToolTip(1, p.location() if outside is None else outside[1])
            row.setIcon(0, icon(p.severity.value))
            row.setData(0, Qt.ItemDataRole.AccessibleDescriptionRole, _SPOKEN_SEVERITY[p.severity.value])
            go = (
                "Double-click or press Enter to go there"
                if outside is None
                else "The file is outside webapp2/, not shown in the designer: Enter names it in the status bar"
            )
            row.setToolTip(0, f"{p.message} ({p.code})\n\n{go}; F1 tells what {p.code} means.")
            row.setToolTip(2, f"F1 or right-click: what {p.code} means")
            row.setData(0, Qt.ItemDataRole.UserRole, p)
            rows.append(row)
            if p.fix is not None and package is not None:
                fix = p.fix
                make = (
                    (lambda fix=fix: self._fix_button(fix)) if writable else (lambda fix=fix: self._import_button(fix))
                )
                buttons.append((row, make))
            elif p.fix_waits_for:
                buttons.append((row, lambda rel=p.fix_waits_for: self._first_button(rel)))
        head.addChildren(rows)
        self._new_buttons[group] = buttons
        return head

    def _more_note(self, more: int, listed: int, icon: Callable[[str], QIcon]) -> QTreeWidgetItem:
        """The last row of a list past :data:`MOST_ROWS`: how many problems it leaves out, and where
        to see them all."""
        note = QTreeWidgetItem([_more_text(more, listed, False), "", "", ""])
        note.setIcon(0, icon("info"))
        return note

    def _long_list(self) -> bool:
        """Whether the list on show has more problems than are unfolded at first (see show_problems)."""
        return sum(self.topLevelItem(i).childCount() for i in range(self.topLevelItemCount())) > _UNFOLDED_ROWS

    def _make_buttons(self, head: QTreeWidgetItem) -> bool:
        """Give the rows of ``head``'s group their buttons, if they have none yet; whether any were made."""
        made = False
        for row, make in self._pending_buttons.pop(head.data(0, _GROUP_ROLE), []):
            self.setItemWidget(row, 3, make())
            made = True
        return made

    def _group_unfolded(self, head: QTreeWidgetItem) -> None:
        """A folded group unfolded (a click, the keyboard, or a problem in it shown): its rows get
        their Fix buttons now, and the Fix column fits them."""
        if head.parent() is None and self._make_buttons(head):
            self._fit_columns()

    def _fix_button(self, fix: Fix) -> QPushButton:
        # A long title ("Use 'plugins/…/x.plugin.package.json'") is shortened where it tells least
        # (see _fix_text), instead of being cut at both ends by the column; the tooltip has it whole.
        # Its whole title is kept (fullTitle): cut here by Qt, it was cut inside the name, and
        # _fit_columns could only shorten that cut further.
        button = self._row_button(
            fix.title, "fixButton", f"Fix it: {fix.title}. Undo with Ctrl+Z.", lambda: self.sig_fix.emit(fix)
        )
        button.setText(self._fix_text(fix.title, _FIX_TEXT_WIDTH))
        return button

    def _import_button(self, fix: Fix) -> QPushButton:
        """A fixable problem of a read-only ZIP: its button imports the ZIP first.

        Why: the row had no button at all, so nothing said the problem had a one-click fix once
        the ZIP was an editable folder; the status bar's word on importing was soon replaced.
        """
        return self._row_button(
            "Import to fix…",
            "importToFixButton",
            f"This ZIP is read-only, so it cannot be fixed here ('{fix.title}'). Import it into a folder "
            "(File ▸ Import ZIP into a Folder…) to get an editable copy; the ZIP is left as it is.",
            self.sig_import.emit,
        )

    def _first_button(self, rel: str) -> QPushButton:
        """A problem whose fix waits until ``rel`` (settings.json) can be read: its button goes to
        that file's problem.

        Why: a plugin found on disk while settings.json cannot be read is in no model for its fix
        to edit, and its row had no button at all, as if nothing could be done about it; the
        answer is in the list already, at settings.json.
        """
        button = self._row_button(
            f"Fix {rel} first",
            "fixFirstButton",
            f"This problem has a one-click fix, but it changes the plugin as {rel} lists it, and {rel} "
            f"gives the designer no plugin list yet. Fix {rel} first (its problem is in this list: the "
            "button goes there); then this problem gets its Fix button.",
            lambda: self._select_file_problem(rel),
        )
        # In a narrow dock, not "Fix" (as a Fix button's shortened text): this one fixes nothing.
        button.setProperty("shortTitle", f"{rel} first")
        return button

    def _select_file_problem(self, rel: str) -> None:
        """The keyboard on the first problem of ``rel``, shown (nothing when it has none left)."""
        row = next((r for r in self.problem_items() if r.data(0, Qt.ItemDataRole.UserRole).file == rel), None)
        if row is not None:
            self.setCurrentItem(row)
            self.scrollToItem(row)
            self.setFocus(Qt.FocusReason.OtherFocusReason)

    @staticmethod
    def _row_button(title: str, object_name: str, tip: str, pressed: Callable[[], object]) -> QPushButton:
        """The button in a problem's row (a Fix button, Import to fix, or Fix settings.json first)."""
        button = QPushButton(title)
        button.setProperty("fullTitle", title)  # shortened again to the column by _fit_columns
        # What a screen reader says: the whole title, not the text the column has room for (most
        # often just "Fix", the same on every row, with nothing to tell what it would change).
        button.setAccessibleName(title)
        button.setObjectName(object_name)
        button.setToolTip(tip)
        button.clicked.connect(lambda _checked=False: pressed())
        # Reached from its own row (Tab: see focusNextPrevChild), not as a stop of its own in the
        # Tab order; Enter presses it as Space does (Enter went on to the list and jumped instead).
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setAutoDefault(True)
        return button

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 - Qt's names
        """Tab from a problem goes to that problem's Fix button (Tab again leaves the list, to
        ``after_fix`` when it is shown: the filter); Shift+Tab from the button back to its row.

        Why: the buttons were stops of their own in the Tab order, in the list's order, so Tab
        from the third problem went to the first one's Fix, and Space fixed a problem other than
        the one the keyboard was on. Why ``after_fix``: the buttons come last in the window's
        focus chain (made after everything else), so Tab from one skipped the filter that Tab
        from a row without a Fix reaches.
        """
        from PySide6.QtWidgets import QApplication

        focus = QApplication.focusWidget()
        if focus is not None and focus is not self and viewport_of(self).isAncestorOf(focus):  # a row's button
            after = self.after_fix
            if not next:
                self.setFocus(Qt.FocusReason.BacktabFocusReason)
                return True
            if after is not None and after.isVisible() and after.isEnabled():
                after.setFocus(Qt.FocusReason.TabFocusReason)
                return True
        row = self.currentItem() if next and self.hasFocus() else None
        button = self.itemWidget(row, 3) if row is not None else None
        if isinstance(button, QPushButton) and button.isEnabled():
            self.scrollToItem(row)
            self.updateEditorGeometries()  # a row scrolled into view gets its button shown now
            button.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return super().focusNextPrevChild(next)

    def problem_items(self) -> Iterator[QTreeWidgetItem]:
        """Every problem row, in the order shown (group headers left out), those the filter hides too."""
        for i in range(self.topLevelItemCount()):
            head = self.topLevelItem(i)
            for j in range(head.childCount()):
                yield head.child(j)

    def shown_problem_items(self) -> Iterator[QTreeWidgetItem]:
        """The problem rows the filter leaves on show, in order (those of folded groups too)."""
        return (row for row in self.problem_items() if not row.isHidden())

    @property
    def filtering(self) -> bool:
        """Whether the filter hides anything: words typed, or a severity switched off."""
        return bool(self._filter_words) or self._filter_severities != _ALL_SEVERITIES

    def set_filter(self, text: str, severities: frozenset[str]) -> None:
        """Show only the problems whose message, code or place holds every word of ``text`` (any
        case), of the ``severities`` given ("error", "warning", "info").

        Why the rows are hidden, not made again: a package of 100 broken plugins lists 500 rows
        (of 5,000 problems), each measured and most with a Fix button; made again at each pause in
        typing, the window froze. Hidden, each group keeps its rows, buttons and folding.
        """
        words = tuple(_folded(text).split())
        if (words, severities) == (self._filter_words, self._filter_severities):
            return
        self._filter_words, self._filter_severities = words, frozenset(severities)
        self._apply_filter()

    def _matches(self, problem: Problem) -> bool:
        """Whether ``problem`` passes the filter."""
        if problem.severity.value not in self._filter_severities:
            return False
        if not self._filter_words:
            return True
        text = self._haystacks.get(id(problem))
        if text is None:
            text = self._haystacks[id(problem)] = _haystack(problem)
        return all(word in text for word in self._filter_words)

    def _apply_filter(self) -> None:
        """Hide the rows the filter leaves out (and a group left with none), count the problems not
        listed that it matches in the last row, and say so with ``sig_filtered``."""
        filtering = self.filtering
        shown = 0
        current = self.currentItem()
        updates = self.updatesEnabled()
        self.setUpdatesEnabled(False)
        try:
            for i in range(self.topLevelItemCount()):
                head = self.topLevelItem(i)
                if head.data(0, _GROUP_ROLE) is None:
                    continue  # (the last rows: problems not listed, none matching)
                in_group = 0
                for j in range(head.childCount()):
                    row = head.child(j)
                    hide = filtering and not self._matches(row.data(0, Qt.ItemDataRole.UserRole))
                    if row.isHidden() != hide:  # (each change lays the list out again, later)
                        row.setHidden(hide)
                    in_group += not hide
                if head.isHidden() != (in_group == 0):
                    head.setHidden(in_group == 0)
                title = head.data(0, _TITLE_ROLE)
                if in_group < head.childCount():  # "Record (12, 3 shown)": its count stays that of the check
                    title = f"{title[:-1]}, {in_group:,} shown)"
                if head.text(0) != title:
                    head.setText(0, title)
                shown += in_group
            more = 0
            if self._more is not None:
                note, listed = self._more
                more = sum(self._matches(p) for p in self._unlisted) if filtering else len(self._unlisted)
                text = _more_text(more, listed, filtering)
                if note.text(0) != text:
                    note.setText(0, text)
                if note.isHidden() != (more == 0):  # (as each row's: Qt lays out all rows at each)
                    note.setHidden(more == 0)
            self._say_no_match(filtering and shown == 0 and more == 0 and self.topLevelItemCount() > 0)
        finally:
            self.setUpdatesEnabled(updates)
        self.shown_count = shown
        if current is not None and current.isHidden():
            # The keyboard on a row now hidden: Qt's arrow keys went on from it, off the rows shown.
            first = next(self.shown_problem_items(), None)
            if first is not None:
                self.setCurrentItem(first)
        self.sig_filtered.emit()

    def _say_no_match(self, say: bool) -> None:
        """A row saying that the filter hides every problem (``say``), or none."""
        if say and self._no_match is None:
            self._no_match = QTreeWidgetItem(
                ["No problem matches the filter. Escape in the filter's field clears it.", "", "", ""]
            )
            self.addTopLevelItem(self._no_match)
            self._no_match.setFirstColumnSpanned(True)
        elif not say and self._no_match is not None:
            self.takeTopLevelItem(self.indexOfTopLevelItem(self._no_match))
            self._no_match = None

    def focus_first_shown(self) -> None:
        """The keyboard on the list, on the first problem the filter shows (its group unfolded)."""
        row = next(self.shown_problem_items(), None)
        if row is not None:
            if not row.parent().isExpanded():
                row.parent().setExpanded(True)  # (its buttons made: see _group_unfolded)
            self.setCurrentItem(row)
            self.scrollToItem(row)
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Ctrl+F: to the filter's field (see ProblemsFilter), as in the source editor's find."""
        from PySide6.QtGui import QKeySequence

        if event.matches(QKeySequence.StandardKey.Find):
            self.sig_find.emit()
            return
        super().keyPressEvent(event)

    def _context_menu(self, pos: QPoint) -> None:
        """Right-click on a problem: go there, or read what its code means."""
        from PySide6.QtWidgets import QMenu

        item = self.itemAt(pos)
        problem = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        if problem is None:
            return
        self.setCurrentItem(item)
        menu = QMenu(self)
        menu.addAction("Go to the problem\tEnter", lambda: self.sig_jump.emit(problem))
        alike = self._fixable_alike(problem)
        if alike > 1:
            menu.addAction(f"Fix all {alike} {problem.code} problems", lambda: self.sig_fix_all.emit(problem.code))
        menu.addAction(f"What {problem.code} means\tF1", lambda: self.sig_explain.emit(problem.code))
        menu.exec(viewport_of(self).mapToGlobal(pos))
        menu.deleteLater()

    def _fixable_alike(self, problem: Problem) -> int:
        """How many problems of ``problem``'s code (listed or past MOST_ROWS) have a fix that
        ``check --fix`` applies too; 0 when ``problem``'s own has none, or its project cannot be
        written. Why only those: a fix that deletes a file is left to a person, one at a time.

        Why offer them together: 120 buttons whose function is missing took 120 clicks, each
        with a check of the whole package before the next Fix button could be trusted."""
        if problem.fix is None or not problem.fix.batch or not self._writable:
            return 0
        listed = (row.data(0, Qt.ItemDataRole.UserRole) for row in self.problem_items())
        return sum(p.code == problem.code and p.fix is not None and p.fix.batch for p in (*listed, *self._unlisted))

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        problem = item.data(0, Qt.ItemDataRole.UserRole)
        if problem is not None:  # group headers carry none
            self.sig_jump.emit(problem)


class _FilterField(QLineEdit):
    """The filter's text field: Escape clears it and goes back to the list, Down goes to the first
    problem shown (``sig_escape``, ``sig_down``)."""

    sig_escape = Signal()
    sig_down = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            self.sig_escape.emit()
            return
        if event.key() == Qt.Key.Key_Down and not event.modifiers():
            self.sig_down.emit()
            return
        super().keyPressEvent(event)


class ProblemsFilter(QWidget):
    """objectName ``problemsFilter``: the row above the Problems list that filters it, a text field
    (``problemsFilterEdit``: words of the message, the code or the file) and a toggle for each
    severity with its count (``problemsFilter_error``, ``_warning``, ``_info``).

    Why: a package can have hundreds or thousands of problems, and nothing helped find the ones
    someone cares about (a code, a file, the errors only). It filters the rows the list already
    has (see :meth:`ProblemsPane.set_filter`) after a pause in typing, and keeps its words and
    toggles across checks and projects, as long as the window is open.

    Tab order (the list is added to the dock first): the list, then this row, field first. The list is what
    View ▸ Go to Problems and Tab from the page reach, and each problem's Fix is reached from its
    row; the filter comes after them, and Ctrl+F in the list goes straight to its field.
    """

    def __init__(self, view: ProblemsPane, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemsFilter")
        self._view = view
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 2)
        row.setSpacing(4)
        self.field = _FilterField()
        self.field.setObjectName("problemsFilterEdit")
        self.field.setPlaceholderText("Filter problems (text or code, e.g. PD505)")
        self.field.setAccessibleName("Filter problems")
        self.field.setToolTip(
            "Shows only the problems whose message, code or file holds every word typed (any case).\n"
            "Escape clears it; Down goes to the first problem shown; Ctrl+F in the list comes back here."
        )
        self.field.setClearButtonEnabled(True)
        self.field.setMinimumWidth(120)
        row.addWidget(self.field, 1)
        self.toggles: dict[str, QToolButton] = {}
        for severity, word in SEVERITIES:
            toggle = QToolButton()
            toggle.setObjectName(f"problemsFilter_{severity}")
            toggle.setCheckable(True)
            toggle.setChecked(True)
            toggle.setAutoRaise(True)
            toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            toggle.setProperty("word", word)
            toggle.toggled.connect(self._toggled)
            row.addWidget(toggle)
            self.toggles[severity] = toggle
        self._counts = dict.fromkeys(_ALL_SEVERITIES, 0)
        self._iconed = False  # (the style's icons: set with the first counts, after the first paint)
        self._show_counts()
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(FILTER_PAUSE)
        self._pause.timeout.connect(self._changed)
        self.field.textChanged.connect(lambda _text: self._pause.start())
        self.field.sig_escape.connect(self._clear_and_leave)
        self.field.sig_down.connect(self._to_list)
        view.sig_find.connect(self.focus_field)
        view.after_fix = self.field
        view.sig_counted.connect(self._counted)

    def severities(self) -> frozenset[str]:
        """The severities whose toggle is on."""
        return frozenset(s for s, toggle in self.toggles.items() if toggle.isChecked())

    def focus_field(self) -> None:
        """The keyboard in the field, its words selected (typing replaces them)."""
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def _changed(self) -> None:
        self._pause.stop()  # (a toggle, Escape or Down filters at once, with the words typed so far)
        self._view.set_filter(self.field.text(), self.severities())

    def _toggled(self, _on: bool) -> None:
        self._changed()
        self._show_counts()  # (its tooltip says whether they are shown)

    def _clear_and_leave(self) -> None:
        self.field.clear()
        self._changed()
        self._view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _to_list(self) -> None:
        self._changed()
        self._view.focus_first_shown()

    def _counted(self, counts: dict[str, int]) -> None:
        self._counts = counts
        if not self._iconed:
            from PySide6.QtGui import QIcon

            self._iconed = True
            for severity, toggle in self.toggles.items():
                # Switched off, its icon greyed: the frame of a checked tool button alone was hard
                # to tell from a flat one in the dark theme.
                base = self._view._severity_icon(severity)
                icon = QIcon()
                for size in (16, 32):
                    icon.addPixmap(base.pixmap(size), QIcon.Mode.Normal, QIcon.State.On)
                    icon.addPixmap(base.pixmap(size, QIcon.Mode.Disabled), QIcon.Mode.Normal, QIcon.State.Off)
                toggle.setIcon(icon)
        self._show_counts()

    def _show_counts(self) -> None:
        """Each toggle's word and count ("Errors 3"; just "3" beside its icon when the words would
        leave the field too narrow for its placeholder, in a narrow dock)."""
        metrics = self.fontMetrics()
        words = sum(
            metrics.horizontalAdvance(f"{toggle.property('word')} {self._counts.get(s, 0):,}") + 34
            for s, toggle in self.toggles.items()
        )
        narrow = self._iconed and self.width() < metrics.horizontalAdvance(self.field.placeholderText()) + 40 + words
        for severity, toggle in self.toggles.items():
            word, count = toggle.property("word"), self._counts.get(severity, 0)
            toggle.setText(f"{count:,}" if narrow else f"{word} {count:,}")
            toggle.setAccessibleName(f"{word}: {count:,}")
            on = "shown; click to hide them" if toggle.isChecked() else "hidden; click to show them"
            toggle.setToolTip(f"{word.lower()} ({count:,}) {on}".capitalize())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._show_counts()
