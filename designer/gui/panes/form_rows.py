"""One way to lay out a form row with a widget beside its field (a button, a check box).

Why: the forms have several such rows (the id with *From name*, the icon with *New icon*, the label
with *Set by the plugin*); each needs the field to take the room and the label's mnemonic
(``&Id``) to focus the field, not the widget beside it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QWidget

__all__ = ["add_row_with_side"]


def add_row_with_side(form: QFormLayout, text: str, field: QWidget, side: QWidget) -> None:
    row = QHBoxLayout()
    row.addWidget(field, 1)
    row.addWidget(side)
    label = QLabel(text)
    label.setBuddy(field)
    form.addRow(label, row)
