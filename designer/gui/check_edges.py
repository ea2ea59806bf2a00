"""A check box's edge that shows in dark appearance.

Why: Fusion draws the edge of a check box's box in the window's colour made darker, on the base
colour; in dark appearance both are near black (#282828 on #202020, 1.1:1), so an unticked box
("Guests" under Available to, "Snap to grid" when off, an unticked item of a menu) could not be
seen at all, only its words. The edge is drawn again in the palette's grey of secondary text
(its placeholder text, as the source editor's line numbers), which stands out on the base.

Why a proxy style for the whole application and not a style sheet: a widget with a style sheet
keeps the palette it was polished with (see :mod:`~designer.gui.menu_button`), and the boxes must
follow View ▸ Appearance. Set only when the dark appearance is chosen (see ``apply_appearance``):
naming QStyle's enums before the window's first paint costs time, and in light appearance
Fusion's own edge shows well.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

from .tones import is_dark

__all__ = ["CheckEdgeStyle", "use_check_edges"]


class CheckEdgeStyle(QProxyStyle):
    """The application's style, with a check box's edge in the secondary text's grey when dark."""

    def drawPrimitive(  # noqa: N802 - Qt's name
        self, element: QStyle.PrimitiveElement, option: QStyleOption, painter: QPainter, widget: QWidget | None = None
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if (
            element == QStyle.PrimitiveElement.PE_IndicatorCheckBox
            and is_dark(option.palette)
            and not _keyboard_focus(option)  # Fusion's edge in the highlight colour shows that
        ):
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.setPen(option.palette.color(QPalette.ColorRole.PlaceholderText))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(option.rect.adjusted(0, 0, -1, -1))
            painter.restore()


def _keyboard_focus(option: QStyleOption) -> bool:
    focus = QStyle.StateFlag.State_HasFocus | QStyle.StateFlag.State_KeyboardFocusChange
    return option.state & focus == focus


def use_check_edges(app: QApplication) -> None:
    """Make :class:`CheckEdgeStyle` the application's style (once)."""
    if not isinstance(app.style(), CheckEdgeStyle):
        app.setStyle(CheckEdgeStyle(app.style().name()))
