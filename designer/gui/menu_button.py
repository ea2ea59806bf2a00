"""A button that opens its menu on click, for toolbars and form rows ("Add icon ▾", "New icon ▾").

Why a class of its own: Qt's small menu arrow sits on the last letter of a short label, and the
usual cure (a style sheet hiding ``::menu-indicator``) makes the button keep the palette it was
polished with, so it stays light after a switch to dark (and the reverse).
"""

from __future__ import annotations

from PySide6.QtWidgets import QStyle, QStyleOptionToolButton, QStylePainter, QToolButton

__all__ = ["MenuButton"]


class MenuButton(QToolButton):
    """A button that opens its menu on click, drawn without Qt's small arrow (its text ends in "▾").

    Why not a style sheet (``::menu-indicator { image: none }``): a widget with a style sheet
    keeps the palette it was polished with, so after View ▸ Appearance these buttons showed the
    old theme's colours. This draws exactly what QToolButton draws, minus the arrow.
    """

    def __init__(self, text: str, name: str) -> None:
        super().__init__(objectName=name, text=text)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        # A screen reader read the arrow as part of the name ("Fill, down-pointing small triangle");
        # that it opens a menu, it says from the button's role.
        self.setAccessibleName(text.removesuffix("▾").strip())

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        painter = QStylePainter(self)
        option = QStyleOptionToolButton()
        self.initStyleOption(option)
        option.features &= ~QStyleOptionToolButton.ToolButtonFeature.HasMenu
        painter.drawComplexControl(QStyle.ComplexControl.CC_ToolButton, option)
