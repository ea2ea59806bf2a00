"""Sizing windows to the screen they open on.

Why: a dialog's hand-picked size (760 x 620 for the recipe wizard) is larger than a 13-inch
laptop at 150 % shows (1366 x 768 is 911 x 512 logical pixels, less the panel): its buttons
(Next, Finish) opened below the bottom of the screen, out of reach. The wished size stays the
size on a roomy screen; a small one gets what it has room for, and the contents scroll.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from .stored_settings import store_setting

NO_LIMIT = (1 << 24) - 1  # Qt's QWIDGETSIZE_MAX: no maximum size (PySide6 does not export it)
# Left for the title bar and the window's frame, which the window's own size does not include.
FRAME_ROOM = QSize(16, 40)


def room_on_screen(widget: QWidget) -> QSize:
    """The largest size ``widget`` can have and still show whole, title bar included, on the
    screen it opens on (its parent's, or the primary screen)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:  # no screen at all (a headless start-up): nothing to fit
        return QSize(NO_LIMIT, NO_LIMIT)
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


def least_height_for_width(widget: QWidget, width: int) -> int:
    """The least height ``widget`` (a page in a resizable QScrollArea) needs at ``width``: what
    its ``heightForWidth`` answers, so the scroll area makes it no taller than the view.

    Why: a scroll area sizes a page whose rows wrap (word-wrapped text, wrapping buttons) by its
    height for width, and Qt's answer is the preferred height: a list or a tab of text at its full
    height. A window with room for the page with those shorter scrolled instead.
    """
    layout = widget.layout()
    return layout.totalMinimumHeightForWidth(width) if layout is not None else QWidget.heightForWidth(widget, width)


# QSettings: the main window's size and place when it last closed (Qt's saveGeometry: the screen
# it was on, its normal size and place, maximised or full screen).
WINDOW_PLACE_KEY = "windowGeometry"


def remember_place(window: QWidget, key: str = WINDOW_PLACE_KEY) -> None:
    """Keep ``window``'s size and place for :func:`restore_place` on the next run."""
    store_setting(key, window.saveGeometry())


def restore_place(window: QWidget, key: str = WINDOW_PLACE_KEY) -> bool:
    """Give ``window`` the size and place kept by :func:`remember_place`; False when none was kept.

    Why Qt's restoreGeometry: a place on a screen that has gone since (a monitor unplugged, a
    laptop off its dock) is moved onto one that is there, and a size too big for it is made
    smaller, so the window never opens out of sight.
    """
    saved = QSettings().value(key)
    return isinstance(saved, QByteArray) and not saved.isEmpty() and window.restoreGeometry(saved)
