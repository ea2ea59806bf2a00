"""Tab and Shift+Tab through the main window's regions in reading order.

Why not Qt's own order: Qt appends each new widget to the end of the window's focus chain, and
the pages on the right (plugin form, source editor, icon editor, package overview) are made
when first shown, after the Problems dock. Tab from the project tree then went to the Problems
list before the page the user was looking at. Why not ``QWidget.setTabOrder``: it moves widgets
inside the one chain, and a page's own controls (the icon editor's toolbar, canvas and XML
view; the source editor lent to the icon editor and back) came out in a scrambled order. Here
the chain is left as it is and only read: within a region its order holds, and the regions
come one after the other. A page whose own order is not the order its widgets were made in
gives its parts as regions of their own (the icon editor: canvas first, the XML view last).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QDockWidget,
    QLineEdit,
    QTabBar,
    QWidget,
)

from .viewports import viewport_of


def _inner_part(widget: QWidget) -> bool:
    """A part of a compound control that Tab reaches through the control itself: a scroll
    area's viewport, a spin box's or a drop-down's text field, a tab widget's bar (Qt names
    its own parts ``qt_...``), the arrows a tab bar shows when its tabs do not fit (buttons for
    the mouse: the arrow keys move between the tabs, and scroll them into view).

    Why not ``focusProxy()``, which is how Qt tells: on PySide 6.11 calling it on a viewport
    (whose proxy is its own scroll area) left the wrappers damaged, and the window crashed
    later in the project tree's header.
    """
    if widget.objectName().startswith("qt_"):
        return True
    parent = widget.parentWidget()
    if isinstance(parent, QAbstractScrollArea) and viewport_of(parent) is widget:
        return True  # one given by setViewport (the icon canvas's), which has no qt_ name
    if isinstance(parent, QTabBar) and widget.objectName() in ("ScrollLeftButton", "ScrollRightButton"):
        return True  # Tab stopped on the right one in a narrow Export dock (a tab's own button stays)
    return isinstance(widget, QLineEdit) and isinstance(parent, (QAbstractSpinBox, QComboBox))


def _tab_flag() -> Qt.FocusPolicy:
    """The focus policy a Tab stop needs, as Qt's own Tab reads it (on macOS, by default, only
    text fields and lists are Tab stops)."""
    all_controls = QGuiApplication.styleHints().tabFocusBehavior() == Qt.TabFocusBehavior.TabFocusAllControls
    return Qt.FocusPolicy.TabFocus if all_controls else Qt.FocusPolicy.StrongFocus


def _out_of_sight(widget: QWidget, window: QWidget, hidden: dict[int, bool]) -> bool:
    """Whether ``widget`` is in (or is) a part of the window that Qt keeps out of sight by
    moving it out of the window rather than hiding it: a dock that shares its place with others
    as tabs and is not the tab on show, or the bar of those tabs when one dock is left.

    Why this test: such a part still counts as shown, so its controls were Tab stops the user
    could not see (Export and Preview share one place). Only the window's own children are
    asked: a control scrolled out of a scroll area's view is out of sight too, but Tab there
    scrolls it into view. ``hidden`` remembers the answer for each part met.
    """
    part = widget
    while part is not None and part.parentWidget() is not window:
        part = part.parentWidget()
    if part is None or isinstance(part, QDockWidget) and part.isFloating():
        return False
    key = id(part)
    if key not in hidden:
        hidden[key] = part.visibleRegion().isEmpty()
    return hidden[key]


def _give_back(widgets: Sequence[QWidget]) -> None:
    """Each of ``widgets`` the Python child of its own parent again (see :func:`tab_target`):
    ``children()`` makes what it returns the children of the widget it is called on."""
    parents: dict[int, QWidget] = {}
    for widget in widgets:
        parent = widget.parentWidget()
        if parent is not None:
            parents.setdefault(id(parent), parent)
    for parent in parents.values():
        parent.children()


def tab_target(window: QWidget, regions: Sequence[QWidget | None], forward: bool) -> QWidget | None:
    """The widget Tab (``forward``) or Shift+Tab should move the keyboard to from ``window``'s
    focus widget, or None when there is nowhere else to go.

    ``regions`` are the window's parts in reading order (None: not made yet); widgets in none
    of them come after the last, in the window's focus-chain order. Within a region the chain's
    order is kept. A Tab stop is what Qt's own Tab stops at: shown, enabled, with a focus policy
    that takes Tab, in this window (a floating dock is a window of its own and has its own Tab);
    a compound control (spin box, tab widget) is one stop, where setFocus sends the keyboard on.
    Unlike Qt's, a dock behind another dock's tab has none (see :func:`_out_of_sight`).
    """
    areas = [r for r in regions if r is not None and r.isVisibleTo(window)]

    def region_of(widget: QWidget) -> int:
        for index, area in enumerate(areas):
            if area is widget or area.isAncestorOf(widget):
                return index
        return len(areas)

    flag = _tab_flag()
    current = window.focusWidget()
    while current is not None and _inner_part(current) and current.parentWidget() is not None:
        current = current.parentWidget()  # a tab widget's bar: where the tab widget stands
    current_key: tuple[int, int] | None = None
    stops: list[tuple[tuple[int, int], QWidget]] = []
    # Why the chain's end is found first and the window never asked for as "next": PySide makes
    # what nextInFocusChain() returns a Python child of the widget it was called on. The window
    # became the child of its last widget; once that widget went (the plugin page of a project
    # opened before), the window's menus went with it in Python ("Internal C++ object (QMenu)
    # already deleted" at View ▸ Preview). :func:`_give_back` undoes it for the widgets read.
    last = window.previousInFocusChain()
    read: list[QWidget] = []
    out_of_sight: dict[int, bool] = {}
    widget = window.nextInFocusChain()
    position = 0
    while widget is not None and widget is not window:
        read.append(widget)
        position += 1
        if widget is current:
            current_key = (region_of(widget), position)
        if (
            not widget.isWindow()
            and widget.window() is window
            and widget.isVisibleTo(window)
            and widget.isEnabled()
            and (widget.focusPolicy() & flag) == flag
            and not _inner_part(widget)
            and not _out_of_sight(widget, window, out_of_sight)
        ):
            key = (region_of(widget), position)
            stops.append((key, widget))
            if widget is current:
                current_key = key
        if widget is last:
            break
        widget = widget.nextInFocusChain()
    _give_back(read)
    stops = [(key, stop) for key, stop in stops if stop is not current]
    if not stops:
        return None
    stops.sort(key=lambda entry: entry[0])
    if current_key is None:  # nothing has the keyboard yet: the first stop, or the last going back
        return stops[0][1] if forward else stops[-1][1]
    if forward:
        return next((stop for key, stop in stops if key > current_key), stops[0][1])
    return next((stop for key, stop in reversed(stops) if key < current_key), stops[-1][1])
