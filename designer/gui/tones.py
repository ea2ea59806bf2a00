"""Coloured message boxes and texts (ready, blocked, note, error) in light and dark appearance.

Why one place: the export pane, the recipe wizard and the deploy dialog each had pastel boxes
and dark-red text written for a light window; in dark appearance those were glaring blocks and
unreadable lines. A tone names the meaning; the colours follow the palette the widget has.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

__all__ = ["box_style", "is_dark", "ring_colour", "text_colour", "text_style"]

# meaning -> (light: background, text, border), (dark: background, text, border)
_BOXES = {
    "ok": (("#e7f5ea", "#1b5e20", "#a5d6a7"), ("#1d3323", "#a5d6a7", "#2e6b3a")),
    "bad": (("#fdecea", "#8a1c1c", "#f5a9a3"), ("#3b1f1f", "#ffb4ab", "#7d3434")),
    "info": (("#eef3fb", "#1f3a5f", "#b8cbe8"), ("#1c2838", "#b8cbe8", "#35506e")),
    "note": (("#fff8e1", "#5d4200", "#ffe082"), ("#35301c", "#ffe082", "#6d5b1f")),
}
_TEXTS = {
    "ok": ("#1b5e20", "#81c784"),
    "bad": ("#8a1c1c", "#ff8a80"),
    "warn": ("#b71c1c", "#ff8a80"),
    "note": ("#6b4d00", "#ffd54f"),
    # A secondary line beside the main text: plain 'gray' was 4:1 on the light and the dark base,
    # and 3.1:1 on a selected row's tint. These are 4.9:1 and more on both.
    "quiet": ("#616161", "#a0a0a0"),
}


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def box_style(tone: str, palette: QPalette) -> str:
    """A style sheet for a message box of ``tone`` (ok, bad, info, note)."""
    background, text, border = _BOXES[tone][is_dark(palette)]
    return f"background:{background}; color:{text}; border:1px solid {border}; border-radius:6px; padding:8px;"


def text_colour(tone: str, palette: QPalette) -> str:
    """The colour of a text of ``tone`` (ok, bad, warn, note, quiet), for rich text's spans."""
    return _TEXTS[tone][is_dark(palette)]


def text_style(tone: str, palette: QPalette, bold: bool = False) -> str:
    """A style sheet for a line of text of ``tone`` (ok, bad, warn, note, quiet)."""
    return f"color:{text_colour(tone, palette)};" + (" font-weight:bold;" if bold else "")


def ring_colour(palette: QPalette) -> QColor:
    """The colour of a focus ring: the palette's highlight, lighter in dark appearance.

    Why lighter: a blue dark enough for white selected text on it (4.5:1) is under 3:1 on the
    dark window and buttons, the least a control's parts need: the ring round a focused tool
    button or the icon canvas hardly showed where the keyboard was.
    """
    colour = palette.color(QPalette.ColorRole.Highlight)
    return QColor(colour.lighter(140).rgb()) if is_dark(palette) else colour  # (in whole 8-bit steps, as drawn)
