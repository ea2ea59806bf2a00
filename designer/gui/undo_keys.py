"""Ctrl+Z and Ctrl+Shift+Z in a field that edits the package go to the window's Undo and Redo.

Why: a text field (a spin box's too) has an undo of its own, which Qt gives the shortcut to while
the field has the keyboard. Once the field's value is recorded as a step of the window, that undo
has nothing left to take back (a spin box forgets it when it shows the value it took), so Ctrl+Z
did nothing at all, or put the old text back behind the window's back.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit, QPlainTextEdit

__all__ = ["UndoKeysToWindow", "is_undo_key", "window_undo_menu"]


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


def window_undo_menu(field: QLineEdit | QPlainTextEdit, stack: QUndoStack, pos: QPoint, own: bool = False) -> None:
    """``field``'s right-click menu at ``pos``, its Undo and Redo being ``stack``'s (the window's), as
    Ctrl+Z is; ``own``: the field's own instead (typing it has not handed on yet).

    Why: the field's own Undo put its old text back behind the window's back (recorded as one
    more step, or the window's step dropped with nothing to redo), or undid nothing at all once
    the typing was a step of the window.
    """
    menu = field.createStandardContextMenu()
    if not own:
        for name, step, able in (
            ("edit-undo", stack.undo, stack.canUndo()),
            ("edit-redo", stack.redo, stack.canRedo()),
        ):
            mine = menu.findChild(QAction, name)
            if mine is None:
                continue
            action = QAction(mine.text(), menu, objectName=f"window-{name}", enabled=able)
            action.setShortcut(mine.shortcut())
            action.triggered.connect(step)
            menu.insertAction(mine, action)
            menu.removeAction(mine)
    menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    menu.popup(field.mapToGlobal(pos))  # (as the field's own menu: not a nested event loop)
