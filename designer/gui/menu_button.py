"""A button that opens its menu on click, for toolbars and form rows ("Add icon ▾", "New icon ▾").

Why a class of its own: Qt's small menu arrow sits on the last letter of a short label, and the
usual cure (a style sheet hiding ``::menu-indicator``) makes the button keep the palette it was
polished with, so it stays light after a switch to dark (and the reverse).
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu, QStyle, QStyleOptionToolButton, QStylePainter, QToolButton

__all__ = ["MenuButton", "give_letters"]


def give_letters(menu: QMenu) -> None:
    """Give each clickable item of ``menu`` without an Alt+letter one no other item has: the first
    letter of one of its words if one is free, else another of its letters.

    Why: a menu filled as it opens (Make it do ▾: its items depend on where the item appears) has
    texts from elsewhere, with no "&"; without letters a keyboard user went through it with the
    arrows only. An item already marked keeps its letter; greyed lines that only tell get none.
    """
    items = [a for a in menu.actions() if not a.isSeparator() and a.isVisible() and a.isEnabled()]
    taken = {QKeySequence.mnemonic(a.text()).toString() for a in items} - {""}
    for action in items:
        text = action.text()
        if QKeySequence.mnemonic(text).toString():
            continue
        starts = [i for i, c in enumerate(text) if c.isalnum() and (i == 0 or text[i - 1] == " ")]
        others = [i for i, c in enumerate(text) if c.isalnum() and i not in starts]
        free = next((i for i in starts + others if f"Alt+{text[i].upper()}" not in taken), None)
        if free is not None:
            action.setText(f"{text[:free]}&{text[free:]}")
            taken.add(f"Alt+{text[free].upper()}")


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
