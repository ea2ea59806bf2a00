"""A hostile tester's files in the window: links out of the project, and other things a folder
can hold that a designer must neither follow nor lose."""

from __future__ import annotations

from pathlib import Path

import pytest

from designer.gui.main_window import MainWindow


@pytest.mark.parametrize("rel", ["settings.json", "manifest.json"])
def test_a_linked_settings_or_manifest_is_not_shown_from_outside_the_project(
    window: MainWindow, qtbot, base_project: Path, tmp_path: Path, rel: str
) -> None:
    """settings.json and manifest.json are always in the tree; a symbolic link standing there was
    followed when selected, showing (editable) a file from anywhere on the computer (/etc/passwd),
    while Problems said the designer does not follow it, and Save refused only after the typing."""
    outside = tmp_path / "outside.json"
    outside.write_text('{"secret": "NOT-IN-THE-PROJECT"}\n')
    (base_project / "webapp2" / rel).unlink()
    (base_project / "webapp2" / rel).symlink_to(outside)
    window.open_path(base_project)
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("file", rel)))
    shown = window.stack.currentWidget()
    assert shown is window.details
    assert "NOT-IN-THE-PROJECT" not in shown.toPlainText()
    assert f"{rel} is a symbolic link" in shown.toPlainText()
    assert window.source_pane is None or "NOT-IN-THE-PROJECT" not in window.source_editor.toPlainText()
    assert outside.read_text() == '{"secret": "NOT-IN-THE-PROJECT"}\n'
