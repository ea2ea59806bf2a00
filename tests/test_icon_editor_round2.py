"""The icon editor's second walkthrough, driven as a user would: a short screen, deleting several
shapes, renaming a sprite's symbol, unreadable SVGs nothing uses, the pointer's position."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication
from test_icon_editor import HAND, at, show_file


def test_the_pointer_position_stands_apart_from_the_zoom_level(qtbot, window, example_project: Path) -> None:
    """The pointer's position ran into the zoom level: "x 12  y 298.67100%" read as one number."""
    window.open_path(example_project)
    pane = show_file(window, HAND)
    window.resize(1200, 800)
    window.show()
    qtbot.mouseMove(pane.canvas.viewport(), pos=at(pane.canvas, 12.3, 20.67))
    assert pane.position.text().startswith("x ")
    QApplication.processEvents()  # the row lays itself out again for the longer text
    gap = pane.zoom_level.geometry().left() - pane.position.geometry().right()
    # At least as far apart as x is from y within the position ("x 12  y 21": two spaces).
    assert gap >= pane.position.fontMetrics().horizontalAdvance("  "), gap
