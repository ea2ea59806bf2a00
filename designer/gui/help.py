"""The Help menu's windows: the problem codes, the keyboard shortcuts and About.

Why generated: the problem codes come from the checker's own registry (``core.problems.CODES``,
which the README table is made from too) and the shortcuts from the window's actions at the
moment the list opens, so neither can say something the program no longer does.

Loaded when a Help item is first chosen, not at start-up.
"""

from __future__ import annotations

import html
import platform
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QStyle,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .focus_ring import ring_focus
from .screen_fit import resize_to_fit

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent

    from ..core.problems import Code

_T = TypeVar("_T", bound=QObject)
_SEVERITY_WORDS = {
    "error": "An error: the plugin (or the whole package) does not work as meant. The export refuses while "
    "errors remain.",
    "warning": "A warning: it works, but probably not as you meant, or not for everyone.",
    "info": "A note: worth knowing, but nothing is broken.",
}


def _words(query: str) -> list[str]:
    return [w for w in query.casefold().split() if w]


def _filter_rows(
    view: QTreeWidget,
    text: str,
    haystack: Callable[[QTreeWidgetItem], str],
    explain: Callable[[QTreeWidgetItem | None], None],
) -> int:
    """Hide the rows of a searchable Help list that lack a word of ``text`` (looked for in
    ``haystack(row)``, case-folded) and keep a shown row current: the first one when the current
    one went, none (and ``explain(None)``) when nothing matches. Returns how many rows are shown.

    Why one function: the Help lists (problem codes, guide terms) are searched and read alike.
    """
    words = _words(text)
    shown = 0
    first: QTreeWidgetItem | None = None
    for i in range(view.topLevelItemCount()):
        item = view.topLevelItem(i)
        found_in = haystack(item).casefold()
        hidden = not all(w in found_in for w in words)
        item.setHidden(hidden)
        if not hidden:
            shown += 1
            first = first or item
    current = view.currentItem()
    if current is None or current.isHidden():
        view.setCurrentItem(first)  # (None when nothing matches)
        if first is None:
            explain(None)
    return shown


def _search_layout(dialog: QDialog, search: QLineEdit) -> tuple[QVBoxLayout, QDialogButtonBox]:
    """The layout of a searchable Help dialog with its "Search:" row, and its Close button box
    (for the caller to add last). Close is never the default: Enter in the list or the search is
    theirs."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    close = buttons.button(QDialogButtonBox.StandardButton.Close)
    close.setAutoDefault(False)
    close.setDefault(False)
    layout = QVBoxLayout(dialog)
    row = QHBoxLayout()
    label = QLabel("&Search:")
    label.setBuddy(search)
    row.addWidget(label)
    row.addWidget(search, 1)
    layout.addLayout(row)
    return layout, buttons


class _List(QTreeWidget):
    """A flat list whose Enter goes on (to the explanation) instead of closing the dialog."""

    def __init__(self, on_enter: Callable[[QTreeWidgetItem], None], **kwargs: object) -> None:
        super().__init__(**kwargs)
        self._on_enter = on_enter

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem() is not None:
            self._on_enter(self.currentItem())
            return
        super().keyPressEvent(event)


class _Search(QLineEdit):
    """The search field: Down (or Enter) takes the keyboard to the list of what matches."""

    def __init__(self, target: QTreeWidget, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self._target = target

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            visible = [self._target.topLevelItem(i) for i in range(self._target.topLevelItemCount())]
            visible = [i for i in visible if not i.isHidden()]
            if visible:
                if self._target.currentItem() is None or self._target.currentItem().isHidden():
                    self._target.setCurrentItem(visible[0])
                self._target.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().keyPressEvent(event)


class _ExplainedList(QDialog):
    """A searchable list whose selected row is explained below it: Help ▸ Problem Codes and
    Help ▸ Guide Terms. Subclasses fill ``self.list`` and say what a row means in :meth:`_explain`."""

    list: _List
    explanation: QTextBrowser

    def _explain(self, item: QTreeWidgetItem | None) -> None:
        raise NotImplementedError

    def _enter(self, item: QTreeWidgetItem) -> None:
        """Enter or a double-click on a row: its explanation, with the keyboard (a screen reader reads it)."""
        self._explain(item)
        self.explanation.setFocus(Qt.FocusReason.OtherFocusReason)

    def _list_over_explanation(self, explanation_name: str, sizes: list[int]) -> QSplitter:
        """The list (filled) above the explanation of its current row, in a splitter."""
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAlternatingRowColors(True)
        self.list.currentItemChanged.connect(lambda item, _old: self._explain(item))
        self.list.itemDoubleClicked.connect(lambda item, _column: self._enter(item))
        self.explanation = QTextBrowser(objectName=explanation_name)
        self.explanation.setAccessibleName("Explanation")
        ring_focus([self.explanation], self)  # read-only: no caret shows where the keyboard is
        self.explanation.setOpenLinks(False)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.list)
        split.addWidget(self.explanation)
        split.setSizes(sizes)
        split.setChildrenCollapsible(False)
        return split


class ProblemCodesDialog(_ExplainedList):
    """Help ▸ Problem Codes: every code, searchable, with its explanation.

    objectName ``problemCodesDialog``; :meth:`show_code` selects one (F1 on a problem).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from ..core.problems import CODES

        self.setObjectName("problemCodesDialog")
        self.setWindowTitle("Problem codes")
        self.codes: dict[str, Code] = dict(CODES)
        self.list = _List(self._enter, objectName="codeList")
        self.search = _Search(self.list, objectName="codeSearch")
        self.search.setPlaceholderText("Search: a code such as PD506, or words such as icon or registerPlugin")
        self.search.setAccessibleName("Search problem codes")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.count = QLabel(objectName="codeCount")
        self.list.setAccessibleName("Problem codes")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHeaderLabels(["Code", "Severity", "Problem", "One-click fix"])
        self.list.setColumnWidth(0, 70)
        self.list.setColumnWidth(1, 90)
        # The problem's title takes the room there is and "One-click fix" keeps its own: a fixed 520 px
        # pushed that column out of a dialog narrower than about 830 px (a small screen), behind a
        # sideways scroll bar, its heading cut to "One-click f".
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        icons = {
            "error": QStyle.StandardPixmap.SP_MessageBoxCritical,
            "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
            "info": QStyle.StandardPixmap.SP_MessageBoxInformation,
        }
        for c in self.codes.values():
            item = QTreeWidgetItem([c.code, c.severity.value, c.title, "yes" if c.fixable else ""])
            item.setIcon(1, self.style().standardIcon(icons[c.severity.value]))
            item.setToolTip(2, c.why)
            item.setData(0, Qt.ItemDataRole.UserRole, c.code)
            self.list.addTopLevelItem(item)
        split = self._list_over_explanation("codeExplanation", [340, 160])
        layout, buttons = _search_layout(self, self.search)
        layout.addWidget(self.count)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)
        resize_to_fit(self, 900, 600)
        self.list.setCurrentItem(self.list.topLevelItem(0))
        self._filter("")

    def _filter(self, text: str) -> None:
        def haystack(item: QTreeWidgetItem) -> str:
            c = self.codes[item.data(0, Qt.ItemDataRole.UserRole)]
            return " ".join([c.code, c.severity.value, c.title, c.why, "one-click fix fixable" if c.fixable else ""])

        shown = _filter_rows(self.list, text, haystack, self._explain)
        total = len(self.codes)
        if not _words(text):
            self.count.setText(f"{total} problem codes. Enter or a double-click on one reads its explanation.")
        elif shown:
            self.count.setText(f"{shown} of {total} codes match “{text.strip()}”.")
        else:
            self.count.setText(f"No code matches “{text.strip()}”.")

    def _explain(self, item: QTreeWidgetItem | None) -> None:
        if item is None:
            self.explanation.clear()
            return
        c = self.codes[item.data(0, Qt.ItemDataRole.UserRole)]
        if c.fixable:
            fix = (
                "Often has a <b>one-click fix</b>: when the designer can tell what was meant, the problem has a "
                "<i>Fix</i> button in the Problems list (Ctrl+Z undoes it), and <code>plugin-designer check "
                "--fix</code> applies it."
            )
        else:
            fix = (
                "No one-click fix: double-click the problem in the Problems list (or press Enter on it) to go to "
                "the place to change."
            )
        self.explanation.setHtml(
            f"<h3>{html.escape(c.code)} — {html.escape(c.title)}</h3>"
            f"<p>{html.escape(_SEVERITY_WORDS[c.severity.value])}</p>"
            f"<p><b>Why it matters:</b> {html.escape(c.why)}</p>"
            f"<p>{fix}</p>"
        )

    def show_code(self, code: str | None) -> None:
        """Open with ``code`` selected (all codes listed) and the keyboard on it; None: as it was left."""
        if code is not None:
            self.search.clear()
            for i in range(self.list.topLevelItemCount()):
                item = self.list.topLevelItem(i)
                if item.data(0, Qt.ItemDataRole.UserRole) == code:
                    self.list.setCurrentItem(item)
                    self.list.scrollToItem(item, QAbstractItemView.ScrollHint.PositionAtCenter)
                    break
        self.show()
        self.raise_()
        self.activateWindow()
        (self.list if code is not None else self.search).setFocus(Qt.FocusReason.OtherFocusReason)


# -- keyboard shortcuts ----------------------------------------------------------------------


def _plain_text(text: str) -> str:
    """A menu text without its mnemonic ("&Save" -> "Save", "Fish && chips" -> "Fish & chips")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _keys(sequences: Iterable[QKeySequence]) -> str:
    shown = [s.toString(QKeySequence.SequenceFormat.NativeText) for s in sequences if not s.isEmpty()]
    return " or ".join(dict.fromkeys(s for s in shown if s))


def _area(widget: QWidget | None) -> str:
    """Where in the window a widget is, in its own words: its accessible name or its dock's title,
    or the nearest container's that has one."""
    while widget is not None:
        if widget.accessibleName():
            return widget.accessibleName()
        if isinstance(widget, QDockWidget) and widget.windowTitle():
            return widget.windowTitle()
        if widget.isWindow():
            break
        widget = widget.parentWidget()
    return "Window"


def _menu_path(menu: QMenu, window: QWidget) -> str:
    """ "View ▸ Appearance" for a submenu."""
    names = [_plain_text(menu.title())]
    parent = menu.parentWidget()
    while isinstance(parent, QMenu) and parent is not window:
        names.insert(0, _plain_text(parent.title()))
        parent = parent.parentWidget()
    return " ▸ ".join(names)


def _descendants(root: QObject, kind: type[_T]) -> list[_T]:
    """Every object of type ``kind`` under ``root``, in ``root.findChildren(kind)``'s order.

    Why not findChildren: PySide keeps each object it returns as a Python child of ``root`` for
    as long as ``root`` lives, also after the object itself is deleted. Called on the main window
    each time Help ▸ Keyboard Shortcuts opens, that kept every widget of every project shown so
    far (a plugin page's hundred-odd) in memory for the rest of the session.
    """
    found: list[_T] = []
    for child in root.children():
        if isinstance(child, kind):
            found.append(child)
        found.extend(_descendants(child, kind))
    return found


def shortcut_groups(window: QWidget) -> list[tuple[str, list[tuple[str, str]]]]:
    """(group, [(command, keys)]) for every action and QShortcut of ``window`` that has keys.

    Menu actions come first, by menu in the menu bar's order; an action whose keys work only in
    one part of the window says where ("in Project"). The others (the source editor's, the icon
    canvas's, ...) are grouped by that part's name.
    """
    groups: dict[str, list[tuple[str, str]]] = {}
    listed: set[int] = set()

    def add(group: str, command: str, keys: str) -> None:
        row = (command, keys)
        if row not in groups.setdefault(group, []):
            groups[group].append(row)

    def only_in(action: QAction) -> str:
        if action.shortcutContext() not in (
            Qt.ShortcutContext.WidgetShortcut,
            Qt.ShortcutContext.WidgetWithChildrenShortcut,
        ):
            return ""
        places = [_area(o) for o in action.associatedObjects() if isinstance(o, QWidget) and not isinstance(o, QMenu)]
        return f" (in {', '.join(dict.fromkeys(places))})" if places else ""

    def walk(menu: QMenu) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu())
                continue
            if action.isSeparator():
                continue
            keys = _keys(action.shortcuts())
            if keys:
                listed.add(id(action))
                add(_menu_path(menu, window), _plain_text(action.text()) + only_in(action), keys)

    menu_bar = getattr(window, "menuBar", None)
    if menu_bar is not None:
        for top in menu_bar().actions():
            if top.menu() is not None:
                walk(top.menu())
    for action in _descendants(window, QAction):
        if id(action) in listed or action.isSeparator():
            continue
        keys = _keys(action.shortcuts())
        if not keys:
            continue
        widgets = [o for o in action.associatedObjects() if isinstance(o, QWidget) and not isinstance(o, QMenu)]
        owner = widgets[0] if widgets else action.parent() if isinstance(action.parent(), QWidget) else None
        add(_area(owner), _plain_text(action.text()), keys)
    for shortcut in _descendants(window, QShortcut):
        keys = _keys(shortcut.keys())
        if keys:
            what = shortcut.whatsThis() or shortcut.objectName() or "(no description)"
            add(_area(shortcut.parentWidget()), what, keys)
    # Keys a control handles itself (Ctrl+Tab out of the code, where Tab indents): its KEYS_HELP,
    # each command with its key or its keys (the arrows).
    for widget in _descendants(window, QWidget):
        for command, keys in getattr(type(widget), "KEYS_HELP", ()):
            add(_area(widget), command, _keys(QKeySequence(k) for k in ((keys,) if isinstance(keys, str) else keys)))
    return list(groups.items())


class ShortcutsDialog(QDialog):
    """Help ▸ Keyboard Shortcuts: the window's keys, read from its actions when it opens.

    objectName ``shortcutsDialog``. :meth:`refresh` reads them again (a pane made since adds its own).
    """

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle("Keyboard shortcuts")
        self._window = window
        self.list = QTreeWidget(objectName="shortcutList")
        self.list.setAccessibleName("Keyboard shortcuts")
        self.list.setHeaderLabels(["Command", "Keys"])
        self.list.setColumnWidth(0, 420)
        self.list.setUniformRowHeights(True)
        self.filter = _Search(self.list, objectName="shortcutSearch")
        self.filter.setPlaceholderText("Search: a command such as save, or a key such as Ctrl+S")
        self.filter.setAccessibleName("Search keyboard shortcuts")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter)
        note = QLabel(
            "In the source editor, Tab and Shift+Tab also move between a snippet's placeholders; Esc leaves them."
        )
        note.setWordWrap(True)
        layout, buttons = _search_layout(self, self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        resize_to_fit(self, 640, 620)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        for group, rows in shortcut_groups(self._window):
            head = QTreeWidgetItem([group, ""])
            font = head.font(0)
            font.setBold(True)
            head.setFont(0, font)
            head.addChildren([QTreeWidgetItem([command, keys]) for command, keys in rows])
            self.list.addTopLevelItem(head)
            head.setFirstColumnSpanned(True)
            head.setExpanded(True)
        self._filter(self.filter.text())
        if self.list.topLevelItemCount():
            self.list.setCurrentItem(self.list.topLevelItem(0))

    def rows(self) -> list[tuple[str, str, str]]:
        """(group, command, keys) as listed, the hidden ones left out."""
        out = []
        for i in range(self.list.topLevelItemCount()):
            head = self.list.topLevelItem(i)
            for j in range(head.childCount()):
                item = head.child(j)
                if not item.isHidden():
                    out.append((head.text(0), item.text(0), item.text(1)))
        return out

    def _filter(self, text: str) -> None:
        words = _words(text)
        for i in range(self.list.topLevelItemCount()):
            head = self.list.topLevelItem(i)
            any_shown = False
            for j in range(head.childCount()):
                item = head.child(j)
                haystack = f"{head.text(0)} {item.text(0)} {item.text(1)}".casefold()
                item.setHidden(not all(w in haystack for w in words))
                any_shown = any_shown or not item.isHidden()
            head.setHidden(not any_shown)


# -- about ----------------------------------------------------------------------------------


def about_text() -> str:
    """What Help ▸ About says, as plain lines (the Copy button copies them for a bug report)."""
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    from .. import __version__

    summary, licence = "", ""
    try:
        from importlib.metadata import metadata

        meta = metadata("pexip-plugin-designer")
        summary = meta.get("Summary") or ""
        licence = meta.get("License-Expression") or meta.get("License") or ""
    except Exception:  # a source tree that was never installed: no metadata to read
        pass
    lines = [f"Plugin Designer {__version__}"]
    if summary:
        lines.append(summary)
    lines.append(f"Qt {qVersion()}, PySide6 {pyside_version}, Python {platform.python_version()}")
    lines.append(f"Running on {platform.system()} {platform.release()} ({platform.machine()})")
    if licence:
        lines.append(f"Licence: {licence}")
    return "\n".join(lines)


class AboutDialog(QDialog):
    """Help ▸ About Plugin Designer: the version, what it runs on and the licence (objectName ``aboutDialog``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle("About Plugin Designer")
        text = about_text()
        first, *rest = text.split("\n")
        self.text = QLabel(objectName="aboutText")
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setText(f"<h2>{html.escape(first)}</h2>" + "".join(f"<p>{html.escape(line)}</p>" for line in rest))
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self._plain = text
        icon = QLabel()
        app_icon = QApplication.windowIcon()
        if not app_icon.isNull():
            icon.setPixmap(app_icon.pixmap(64, 64))
        copy = QPushButton("&Copy version details", objectName="aboutCopy")
        copy.setToolTip("Copy these lines, to paste into a bug report")
        copy.clicked.connect(lambda: QApplication.clipboard().setText(self._plain))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.text, 1, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row)
        layout.addWidget(buttons)
        buttons.button(QDialogButtonBox.StandardButton.Close).setFocus()
        self.resize(520, 280)


# -- the guide's terms -----------------------------------------------------------------------


class GuideTermsDialog(_ExplainedList):
    """Help ▸ Guide Terms: each term of the vendor's plugin guide and where it is in the designer
    (objectName ``guideTermsDialog``), searchable by the guide's words or the designer's; the
    selected term is explained in full below the list."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from ..core.guideterms import GUIDE_TERMS

        self.setObjectName("guideTermsDialog")
        self.setWindowTitle("The plugin guide's terms in the designer")
        self.terms = list(GUIDE_TERMS)
        self.list = _List(self._enter, objectName="guideTermList")
        self.list.setAccessibleName("The plugin guide's terms")
        self.list.setHeaderLabels(["In the guide", "In the designer"])
        self.list.setColumnWidth(0, 260)
        for index, term in enumerate(self.terms):
            item = QTreeWidgetItem([term.term, term.where])
            item.setToolTip(1, term.where)
            item.setData(0, Qt.ItemDataRole.UserRole, index)
            self.list.addTopLevelItem(item)
        split = self._list_over_explanation("guideTermExplanation", [380, 120])
        self.search = _Search(self.list, objectName="guideTermSearch")
        self.search.setPlaceholderText(
            "Search: a word of the guide such as allowUnload, or of the designer such as Hosts"
        )
        self.search.setAccessibleName("Search the guide's terms")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.count = QLabel(objectName="guideTermCount")  # what the search found: nothing said it found nothing
        note = QLabel(
            "The guide is Pexip's “Creating and deploying Infinity Connect plugins”. Each row names a term as the "
            "guide writes it and the place in the designer where you set or see it."
        )
        note.setWordWrap(True)
        layout, buttons = _search_layout(self, self.search)
        layout.addWidget(note)
        layout.addWidget(self.count)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)
        resize_to_fit(self, 900, 640)
        self.list.setCurrentItem(self.list.topLevelItem(0))
        self._filter("")

    def rows(self) -> list[tuple[str, str, str]]:
        """(guide term, designer place, meaning) of the rows shown, in order."""
        out = []
        for i in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(i)
            if not item.isHidden():
                out.append(tuple(self.terms[item.data(0, Qt.ItemDataRole.UserRole)]))
        return out

    def _filter(self, text: str) -> None:
        shown = _filter_rows(
            self.list, text, lambda item: " ".join(self.terms[item.data(0, Qt.ItemDataRole.UserRole)]), self._explain
        )
        total = len(self.terms)
        if not _words(text):
            self.count.setText(f"{total} terms of the guide. Enter or a double-click on one reads its explanation.")
        elif shown:
            self.count.setText(f"{shown} of {total} terms match “{text.strip()}”.")
        else:
            self.count.setText(
                f"No term matches “{text.strip()}”: try one word of the guide (menuItems) or of the designer (Toolbar)."
            )

    def _explain(self, item: QTreeWidgetItem | None) -> None:
        if item is None:
            self.explanation.clear()
            return
        term = self.terms[item.data(0, Qt.ItemDataRole.UserRole)]
        self.explanation.setHtml(
            f"<h3>{html.escape(term.term)}</h3>"
            f"<p><b>In the designer:</b> {html.escape(term.where)}</p>"
            f"<p>{html.escape(term.meaning)}</p>"
        )
