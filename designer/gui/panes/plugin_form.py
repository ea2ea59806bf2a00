"""What the metadata form and the menu items editor share: they follow one plugin of the package.

Why a base class: both show the plugin at ``index`` (settings order) of the package being
edited, refresh when it changes, and go blank (disabled) when its package file cannot be read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

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
