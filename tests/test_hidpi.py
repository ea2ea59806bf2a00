"""The designer on screens that are not 100 %: a laptop at 150 %, a 4K monitor at 200 %.

Why in a new interpreter: Qt reads ``QT_SCALE_FACTOR`` once, when the application starts, and
the test session's own application runs at 100 %, where a picture drawn without the screen's
pixel ratio looks the same as one drawn with it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _at_scale(scale: str, code: str, tmp_path: Path) -> str:
    """What ``code`` prints in a new offscreen interpreter whose screen is at ``scale``."""
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        QT_SCALE_FACTOR=scale,
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        PYTHONPATH=str(ROOT),
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    return out.stdout


OPEN_ICON = """
import shutil, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from designer.gui.main_window import MainWindow
app = QApplication([])
shutil.copytree({example!r}, {project!r})
window = MainWindow()
window.remembers_projects = False
window.resize(1200, 800)
window.show()
window.open_path(Path({project!r}))
root = window.tree.topLevelItem(0)
window.tree.setCurrentItem(window._find_tree_item(root, ("file", "plugins/lock-toggle/lock.svg")))
for _ in range(10):
    app.processEvents()
"""


def test_the_icon_size_strip_is_drawn_sharp_on_a_200_percent_screen(tmp_path: Path) -> None:
    """The 16-48 px strip and the menu placements are drawn with the screen's pixels: on a 200 %
    screen a 16 px icon drawn with 16 pixels and blown up looked blurred, hiding the very detail
    the strip is there to show."""
    code = OPEN_ICON.format(example=str(ROOT / "resources/examples/demo"), project=str(tmp_path / "demo")) + (
        "from designer.gui.panes.icon_editor import IconPreviewStrip\n"
        "strip = window.findChild(IconPreviewStrip)\n"
        "for label in (*strip.swatches, strip.placements):\n"
        "    pix = label.pixmap()\n"
        "    print(label.objectName(), label.devicePixelRatioF(), pix.devicePixelRatio(), pix.width())\n"
    )
    rows = [line.split() for line in _at_scale("2", code, tmp_path).splitlines()]
    assert [r[0] for r in rows] == ["previewLight", "previewDark", "previewPlacements"]
    for name, screen, drawn, _width in rows:
        assert float(screen) == 2.0
        assert float(drawn) == 2.0, f"{name} drawn at {drawn}x on a 2x screen"
    assert int(rows[2][3]) == 940  # 470 logical px, two pixels each
