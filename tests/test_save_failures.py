"""Save in the window when the disk changed under it: a message naming the file, never a traceback,
and the edits kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox


@pytest.fixture
def warnings(monkeypatch) -> list[tuple[str, str]]:
    """The warnings the window shows, as (title, text), answered OK."""
    shown: list[tuple[str, str]] = []

    def warning(parent, title, text, *a, **k):
        shown.append((str(title), str(text)))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warning)
    return shown


def test_a_folder_where_settings_json_was(window, example_project: Path, warnings) -> None:
    """settings.json (with unsaved edits) replaced by a folder by another program: Save raised
    IsADirectoryError while working out what to write, outside the "Cannot save" handling."""
    window.open_path(example_project)
    window.editor.set_field(1, "entry", "enabled", False, "switch off")
    settings = example_project / "webapp2/settings.json"
    settings.unlink()
    settings.mkdir()
    assert window.save() is False
    assert [title for title, _ in warnings] == ["Cannot save"]
    assert str(settings) in warnings[0][1]
    assert window.isWindowModified() and window.package.plugins[1].entry.enabled is False
    window.editor.undo_stack.setClean()
