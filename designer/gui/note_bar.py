"""Notes the window keeps on show, above the project tree and the editor, until they are read.

Why not the status bar: it is one line for what just happened, and the next message (the check
summary after every edit) replaced a note such as "another Plugin Designer window has unsaved
changes to this package" before the user had read it, when it was not already cut off at the
window's edge. A note here stays until the situation it tells of changes (the same key says
the news in its place; another project clears them all) or the user dismisses it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from .tones import box_style

__all__ = ["NoteBar"]


class NoteBar(QWidget):
    """A strip of notes, each with its Dismiss button; hidden while there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="noteBar")
        self._rows = QVBoxLayout(self)
        self._rows.setContentsMargins(4, 4, 4, 0)
        self._rows.setSpacing(4)
        self._notes: dict[str, tuple[QWidget, QLabel]] = {}
        self.hide()

    def say(self, key: str, text: str) -> None:
        """Show ``text`` as the note ``key``: in place of that key's note, when one is on show
        (the situation it told of has changed), else below the others."""
        if key in self._notes:
            row, label = self._notes[key]
            label.setText(text)
        else:
            row = QWidget(self)
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            label = QLabel(text, row, objectName="note", wordWrap=True)
            label.setTextFormat(Qt.TextFormat.PlainText)  # it quotes names and paths
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setStyleSheet(box_style("note", self.palette()))
            dismiss = QPushButton("Dismiss", row, objectName="dismissNote")
            dismiss.setToolTip("Hide this note")
            dismiss.clicked.connect(lambda: self.dismiss(key))
            line.addWidget(label, 1)
            line.addWidget(dismiss, 0, Qt.AlignmentFlag.AlignTop)
            self._rows.addWidget(row)
            self._notes[key] = (row, label)
        # The note is no Tab stop, its button is: a screen reader on "Dismiss" reads the note with it.
        row.findChild(QPushButton, "dismissNote").setAccessibleDescription(text)
        self.show()

    def dismiss(self, key: str) -> None:
        """Take the note ``key`` away (the user has read it, or it no longer holds)."""
        found = self._notes.pop(key, None)
        if found is None:
            return
        row = found[0]
        row.hide()  # (first: Qt moves the keyboard on from a Dismiss button that had it)
        row.deleteLater()
        if not self._notes:
            self.hide()

    def clear(self) -> None:
        """Take every note away: another project is open, and they were about the one before."""
        for key in list(self._notes):
            self.dismiss(key)

    def texts(self) -> list[str]:
        """The notes on show, top to bottom."""
        return [label.text() for _row, label in self._notes.values()]

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """Light or dark appearance switched: the boxes take the colours of the new one."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            for _row, label in self._notes.values():
                label.setStyleSheet(box_style("note", self.palette()))
