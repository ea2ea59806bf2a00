"""A new user's walk through the source editor with the bundled example: change what a button does,
break the code on purpose, and read what the designer says about it."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import EXAMPLE
from PySide6.QtWidgets import QPushButton

JS = "plugins/lock-toggle/lock-toggle.plugin.js"


def _example_with(tmp_path: Path, old: str, new: str) -> Path:
    """The example with the first ``old`` in Lock toggle's source replaced by ``new``."""
    project = tmp_path / "example"
    shutil.copytree(EXAMPLE, project)
    js = project / "webapp2" / JS
    js.write_text(js.read_text().replace(old, new, 1))
    return project


def test_the_fix_for_a_misspelt_action_key_shows_the_name_it_renames_to(window, qtbot, tmp_path: Path) -> None:
    """registerPlugin's 'toggleLock' misspelt 'toggleLok': the Fix button read "Rename 'toggleLok' to
    … in registerPlugin", the name it would write cut out. The button keeps both names now, and
    clicking it puts the right key back."""
    project = _example_with(tmp_path, "toggleLock: toggleLock", "toggleLok: toggleLock")
    window.open_path(project)
    buttons = [b for b in window.problems_view.findChildren(QPushButton) if b.objectName() == "fixButton"]
    assert len(buttons) == 1
    assert "'toggleLok'" in buttons[0].text() and "'toggleLock'" in buttons[0].text(), buttons[0].text()
    buttons[0].click()
    assert "        toggleLock: toggleLock,\n" in window.package.read_text(JS)
