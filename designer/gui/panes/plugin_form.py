"""What the metadata form and the menu items editor share: they follow one plugin of the package.

Why a base class: both show the plugin at ``index`` (settings order) of the package being
edited, refresh when it changes, and go blank (disabled) when its package file cannot be read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from ..undo_keys import is_undo_key, window_undo_menu

if TYPE_CHECKING:
    from ...core.model import Plugin
    from ..commands import ModelEditor

__all__ = ["PluginForm"]


class PluginForm(QWidget):
    """A pane over the plugin at ``index``; subclasses fill the widgets in :meth:`refresh`."""

    def __init__(self, editor: ModelEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.index = 0
        self._focus_runs: dict[QWidget, int] = {}

    def route_undo_to_window(self) -> None:
        """Ctrl+Z in a field undoes the last step of the window, as everywhere else.

        Why: a text field has an undo of its own, which Qt gives the shortcut to while the field
        has focus. It put the field's old text back behind the window's back, which the form then
        recorded as one more step ("Change name of 'X' to 'X'"). Subclasses call this once their
        fields exist.
        """
        for field in self.findChildren(QLineEdit) + self.findChildren(QPlainTextEdit):
            field.installEventFilter(self)
            field.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            field.customContextMenuRequested.connect(lambda pos, f=field: self._field_menu(f, pos))

    def _field_menu(self, field: QLineEdit | QPlainTextEdit, pos: QPoint) -> None:
        """A field's right-click menu, its Undo and Redo being the window's, as Ctrl+Z is (see
        :func:`window_undo_menu`)."""
        # (the Id and Action fields' typing not recorded yet is the field's own to undo, as with Ctrl+Z)
        own = isinstance(field, QLineEdit) and bool(field.property("recordsWhenLeft")) and field.isModified()
        window_undo_menu(field, self.editor.undo_stack, pos, own)

    def merge_while_focused(self, *choosers: QWidget) -> None:
        """The changes each of ``choosers`` makes while it keeps the keyboard merge into one undo step.

        Why: a combo box (a spin box) changes its value at each Up/Down key and each turn of the
        mouse wheel. Stepping from "Toolbar button" to "Participant menu" went through the items
        between, one undo step each, and Ctrl+Z went back one item instead of to where the user
        started. The steps merge as typing in a text field does (the same ``merge_key`` of
        :meth:`ModelEditor.edit`); :meth:`merge_key` adds how many times the chooser has lost
        the keyboard, so a change after leaving it (or after its list popped up and was picked
        from) is a step of its own.
        """
        for chooser in choosers:
            self._focus_runs[chooser] = 0
            chooser.installEventFilter(self)

    def merge_key(self, chooser: QWidget, field: str) -> str:
        """The merge key for a change ``chooser`` makes to ``field`` (see :meth:`merge_while_focused`);
        ``field`` names what is changed (plugin, item and attribute), so that another field, item
        or plugin starts a new step."""
        return f"{field}#{self._focus_runs.get(chooser, 0)}"

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.FocusOut and obj in self._focus_runs:
            self._focus_runs[obj] += 1
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            # The Id and Action fields record their value only when left: typing not recorded yet
            # is undone in the field itself. Sent to the window, Ctrl+Z threw the typing away and
            # undid an earlier, unrelated step too.
            if isinstance(obj, QLineEdit) and obj.property("recordsWhenLeft") and obj.isModified():
                return super().eventFilter(obj, event)
            if is_undo_key(event):
                event.ignore()  # not the field's: the shortcut goes on to the window's Undo/Redo
                return True
        return super().eventFilter(obj, event)

    def show_plugin(self, index: int) -> None:
        self.index = index
        self.refresh()

    def refresh(self) -> None:
        raise NotImplementedError

    def shown_plugin(self) -> Plugin | None:
        """The plugin on show, enabling the pane; None (and the pane disabled) when it has no
        readable package file or the index is out of range."""
        plugins = self.editor.package.plugins
        if not 0 <= self.index < len(plugins) or plugins[self.index].package is None:
            self.setEnabled(False)
            return None
        self.setEnabled(True)
        return plugins[self.index]
