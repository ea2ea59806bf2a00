"""What the window leaves out once a project is open, checked and warmed up: bench/startup.py's
"ready", where its memory is measured against a bare Qt window (goal: at most 1.5 times).

Why in a fresh process: the other tests in this one load everything, and what counts is what a
user's window holds while they read it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

_READY = """
import sys
import time
from pathlib import Path

import PySide6.QtWidgets as widgets

from designer.gui.app import make_app, start

app = make_app()
win = start(sys.argv[1])
end = time.monotonic() + 60
while (win.package is None or win.source_pane is None) and time.monotonic() < end:
    app.processEvents()
    time.sleep(0.01)
print(win.package is not None, win.source_pane is not None)
print("designer.core.export" in sys.modules, win.export_dock is None)
print("designer.gui.panes.plugin_page" in sys.modules, win.plugin_page is None, "designer.core.newproject" in sys.modules)
print(sorted(name for name in ("QWizard", "QFontDialog", "QCalendarWidget") if name in vars(widgets)))
print("designer.gui.panes.welcome" in sys.modules, "QMessageBox" in vars(widgets))
win.tree.setCurrentItem(win._find_tree_item(win.tree.topLevelItem(0), ("plugin", 0)))
print(win.stack.currentWidget() is win.plugin_page, win.plugin_page.form.name.text() == win.package.plugins[0].display_name)
"""


def test_the_open_window_leaves_out_what_it_does_not_use(example_project: Path, tmp_path: Path) -> None:
    """No Export pane nor export code until File > Export…; no plugin form until a plugin is
    shown (the overview is on show), nor the new-plugin code; no welcome screen's code (the project
    is still remembered) nor QMessageBox until a question is asked; and no Python classes for Qt's widgets
    the designer never shows: asking a scroll area for its viewport made PySide build one for
    every widget class (QWizard, QFontDialog, ... with their enums), about 1 MiB (gui/viewports.py)."""
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
    )
    out = subprocess.run(
        [sys.executable, "-c", _READY, str(example_project)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == [
        "True True",
        "False True",
        "False True False",
        "[]",
        "False False",
        "True True",
    ], out.stdout + out.stderr
