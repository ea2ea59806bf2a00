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

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

__all__ = ["viewport_of"]


def viewport_of(area: QAbstractScrollArea) -> QWidget:
    """``area.viewport()``, without PySide's search through the widget classes (see the module)."""
    # Held while viewport() runs: the widget Qt made (and named) is then one PySide knows. A
    # viewport set with setViewport has another name, and was made in Python as what it is.
    held = area.findChild(QWidget, "qt_scrollarea_viewport", Qt.FindChildOption.FindDirectChildrenOnly)
    viewport = area.viewport()
    del held
    return viewport
