"""Ctrl+Z and Ctrl+Shift+Z in a field that edits the package go to the window's Undo and Redo.

Why: a text field (a spin box's too) has an undo of its own, which Qt gives the shortcut to while
the field has the keyboard. Once the field's value is recorded as a step of the window, that undo
has nothing left to take back (a spin box forgets it when it shows the value it took), so Ctrl+Z
did nothing at all, or put the old text back behind the window's back.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit

__all__ = ["UndoKeysToWindow", "is_undo_key"]


def is_undo_key(event: QKeyEvent) -> bool:
    """Whether ``event`` is Undo or Redo (Ctrl+Z, Ctrl+Y, Ctrl+Shift+Z and the platform's own)."""
    return any(event.matches(k) for k in (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)) or (
        event.keyCombination().toCombined() == QKeySequence("Ctrl+Shift+Z")[0].toCombined()
    )


class UndoKeysToWindow(QObject):
    """Event filter: the Undo and Redo keys of the fields it is installed on go on to the window,
    except while a field holds typing it has not handed on yet (its own undo takes that back)."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and is_undo_key(event):
            edit = obj.lineEdit() if isinstance(obj, QAbstractSpinBox) else obj
            if isinstance(edit, QLineEdit) and edit.isModified():
                return False
            event.ignore()  # not the field's: the shortcut goes on to the window's Undo/Redo
            return True
        return super().eventFilter(obj, event)
