"""Render docs/screenshot.png: the example project with one plugin selected and one problem to fix.

Why a script: the README picture should be what the designer really shows, and be easy to
remake after the window changes (``.venv/bin/python scripts/readme_screenshot.py``).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    from designer.gui.app import make_app
    from designer.gui.main_window import MainWindow

    app = make_app()
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "my-branding"
        shutil.copytree(ROOT / "resources" / "examples" / "demo", project)
        manifest = project / "webapp2" / "manifest.json"
        manifest.write_text(manifest.read_text().replace('"isSettingsBranded": true', '"isSettingsBranded": false'))
        win = MainWindow()
        win.resize(1280, 860)
        win.open_path(project)
        win.show()
        root = win.tree.topLevelItem(0)
        win.tree.setCurrentItem(root.child(2))  # Lock toggle
        for _ in range(10):
            app.processEvents()
        out = ROOT / "docs" / "screenshot.png"
        ok = win.grab().save(str(out))
        win.editor.undo_stack.setClean()
        win.close()
    print(f"wrote {out}" if ok else "could not write the screenshot")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
