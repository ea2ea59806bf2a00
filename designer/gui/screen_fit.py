"""Sizing windows to the screen they open on.

Why: a dialog's hand-picked size (760 x 620 for the recipe wizard) is larger than a 13-inch
laptop at 150 % shows (1366 x 768 is 911 x 512 logical pixels, less the panel): its buttons
(Next, Finish) opened below the bottom of the screen, out of reach. The wished size stays the
size on a roomy screen; a small one gets what it has room for, and the contents scroll.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# Left for the title bar and the window's frame, which the window's own size does not include.
FRAME_ROOM = QSize(16, 40)


def room_on_screen(widget: QWidget) -> QSize:
    """The largest size ``widget`` can have and still show whole, title bar included, on the
    screen it opens on (its parent's, or the primary screen)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:  # no screen at all (a headless start-up): nothing to fit
        return QSize(16777215, 16777215)
    return screen.availableGeometry().size() - FRAME_ROOM


def resize_to_fit(widget: QWidget, width: int, height: int) -> None:
    """``widget.resize(width, height)``, made smaller where the screen has less room, but never
    below the size its contents need (a window smaller than that would be cut off anyway)."""
    room = room_on_screen(widget)
    least = widget.minimumSizeHint()
    widget.resize(
        max(least.width(), min(width, room.width())),
        max(least.height(), min(height, room.height())),
    )
