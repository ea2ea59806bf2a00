"""A ring in the theme's highlight colour round a tool button or a read-only text view that has the keyboard
(and a form's text field of several lines framed, focus mark included, as its one-line fields are).

Why: Fusion shows a focused flat tool button as a faint tinted box (its edge about 1.7:1 against
the window in the light theme, 1.3:1 in the dark one), and in the dark theme that box looked
like the box of the checked tool beside it: a keyboard user could not tell the button Space
would press from the tool in use. The ring is the one the icon canvas draws round itself.

Why a proxy style set on the buttons and not a style sheet: a widget with a style sheet keeps
the palette it was polished with (see :mod:`~designer.gui.menu_button`), and the ring must take
the highlight colour of the theme in use after View ▸ Appearance.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, QRectF, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QPlainTextEdit,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QWidget,
)

from .tones import ring_colour

__all__ = ["RING", "FocusRingStyle", "ring_focus"]

RING = 2  # pixels: a tool button is about 21 px high, the canvas's 3 px would crowd its text


class FocusRingStyle(QProxyStyle):
    """The application's style, with a highlight-coloured ring inside the edge of a focused tool
    button or of a focused framed view (read-only text: see :func:`ring_focus`)."""

    def drawComplexControl(self, control, option, painter, widget=None) -> None:  # noqa: N802 - Qt's name
        super().drawComplexControl(control, option, painter, widget)
        if control == QStyle.ComplexControl.CC_ToolButton and option.state & QStyle.StateFlag.State_HasFocus:
            _ring(painter, option)

    def pixelMetric(self, metric, option=None, widget=None) -> int:  # noqa: N802 - Qt's name
        # A view's frame as wide as the ring: with Fusion's 1 px, its contents covered all of the
        # ring but a hairline.
        value = super().pixelMetric(metric, option, widget)
        if metric == QStyle.PixelMetric.PM_DefaultFrameWidth and isinstance(widget, QAbstractScrollArea):
            return max(value, RING)
        return value

    def drawPrimitive(self, element, option, painter, widget=None) -> None:  # noqa: N802 - Qt's name
        if element == QStyle.PrimitiveElement.PE_Frame and _is_field(widget):
            # A text field of several lines in a form (the description) framed as the one-line
            # fields beside it, focus mark included: Fusion draws its frame as a view's, which
            # shows no focus at all, and the caret alone was hard to find among the fields.
            super().drawPrimitive(QStyle.PrimitiveElement.PE_FrameLineEdit, option, painter, widget)
            return
        super().drawPrimitive(element, option, painter, widget)
        if (
            element == QStyle.PrimitiveElement.PE_Frame
            and option.state & QStyle.StateFlag.State_HasFocus
            and not (isinstance(widget, QPlainTextEdit) and not widget.isReadOnly())  # its caret shows it
        ):
            _ring(painter, option)


def _is_field(widget: QWidget | None) -> bool:
    """An editable text box of several lines that Tab leaves: a form's field, not an editor."""
    return isinstance(widget, QPlainTextEdit) and not widget.isReadOnly() and widget.tabChangesFocus()


def _ring(painter: QPainter, option: QStyleOption) -> None:
    painter.save()
    pen = QPen(ring_colour(option.palette), RING)
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    half = RING / 2
    painter.drawRect(QRectF(option.rect).adjusted(half, half, -half, -half))
    painter.restore()


def ring_focus(widgets: Iterable[QWidget], owner: QObject) -> None:
    """Give ``widgets`` (tool buttons, framed views) the ring; the style lives as long as ``owner``
    (keep it the widgets' parent).

    Why framed views too: Fusion draws a focused read-only text view (the Export pane's tabs, the
    summary page, the preview's log) exactly as an unfocused one, with no caret either, so Tab
    seemed to put the keyboard nowhere.
    """
    style = FocusRingStyle(QApplication.style().name())
    style.setParent(owner)
    for widget in widgets:
        widget.setStyle(style)
