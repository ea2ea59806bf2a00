"""A scroll area's viewport, asked for so that PySide does not search every widget class for it.

Why: ``QAbstractScrollArea.viewport()`` hands Python a plain ``QWidget`` that Qt made itself, and
the first time PySide meets such an object it cannot tell its class from its type name: it tries
every subclass of QWidget in turn, which builds the Python side of each one (QWizard,
QFontDialog, QCalendarWidget, QRhiWidget... with all their enums): about 1 MiB that the window
keeps for good (bench/startup.py) and 10-40 ms, for classes the designer never uses.
``findChild`` with the class and Qt's own name for the viewport wraps the same widget as a plain
QWidget directly; while that wrapper is held, ``viewport()`` returns it without the search.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QScrollArea, QWidget

__all__ = ["HeldViewport", "follow_focus", "viewport_of"]


def viewport_of(area: QAbstractScrollArea) -> QWidget:
    """``area.viewport()``, without PySide's search through the widget classes (see the module)."""
    # Held while viewport() runs: the widget Qt made (and named) is then one PySide knows. A
    # viewport set with setViewport has another name, and was made in Python as what it is.
    held = area.findChild(QWidget, "qt_scrollarea_viewport", Qt.FindChildOption.FindDirectChildrenOnly)
    viewport = area.viewport()
    del held
    return viewport


class HeldViewport:
    """A scroll area's viewport, kept to be asked for often (each keystroke's painting, each row's
    width), and asked for again once its Python object is no longer valid.

    Why again: PySide does not see Qt delete a widget Qt made itself (a viewport), so the Python
    object of a dead one stays in its table, and a new widget at the same address is handed that
    object. When whatever that object belonged to before is collected, PySide marks it deleted,
    and the live viewport kept here then raised "Internal C++ object already deleted" (seen once
    in a full test run, in a list's row width). The widget itself is fine: asked for again, it
    comes with a Python object of its own.
    """

    __slots__ = ("_area", "_viewport")

    def __init__(self, area: QAbstractScrollArea) -> None:
        self._area = area
        self._viewport = viewport_of(area)

    def get(self) -> QWidget:
        """The viewport, through a Python object PySide still takes as alive."""
        if not shiboken6.isValid(self._viewport):
            self._viewport = viewport_of(self._area)
        return self._viewport


class _FocusFollower(QObject):
    """Scrolls its scroll area (its parent: it goes with it) to a field of the area's page that
    takes the keyboard while wholly out of sight (see :func:`follow_focus`)."""

    def __init__(self, area: QScrollArea) -> None:
        super().__init__(area)
        self._area = area
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._moved)

    def _moved(self, _old: QWidget | None, now: QWidget | None) -> None:
        if not shiboken6.isValid(self._area):
            return  # (the area is going: the keyboard leaves its fields as they are deleted, before this goes)
        page = self._area.widget()
        if now is None or page is None or not page.isAncestorOf(now):
            return
        view = viewport_of(self._area)
        if not view.rect().intersects(QRect(now.mapTo(view, QPoint(0, 0)), now.size())):
            self._area.ensureWidgetVisible(now)


def follow_focus(area: QScrollArea) -> None:
    """Scroll ``area`` to the field of its page that takes the keyboard, when none of it is in sight.

    Why: Tab scrolls to the field it goes to, but an Alt+letter (Alt+T, "Ac&tion"; Alt+F,
    "&Function name") put the keyboard in a field below the fold and left the page where it was:
    the user typed into a field they could not see. A field partly in sight (a click on it) stays
    where it is.
    """
    _FocusFollower(area)
