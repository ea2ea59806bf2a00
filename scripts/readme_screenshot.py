"""Render docs/screenshot.png (the example project, one plugin selected, one problem to fix) and
docs/icon-editor.png (the icon editor on the example's hand icon).

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
    from designer.gui.app import apply_appearance, make_app, saved_appearance
    from designer.gui.main_window import MainWindow

    app = make_app()
    before = saved_appearance()
    apply_appearance("light")  # the README shows the light look, whatever this machine last chose
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
        hand = win._find_tree_item(root, ("file", "plugins/raise-hand-helper/hand.svg"))
        win.tree.setCurrentItem(hand)
        canvas = win.icon_pane.canvas
        canvas.select_path(canvas.shapes[0][0].path)  # a finger, to show the selection
        for _ in range(10):
            app.processEvents()
        ok = win.grab().save(str(ROOT / "docs" / "icon-editor.png")) and ok
        win.editor.undo_stack.setClean()
        win.close()
    apply_appearance(before)
    print(f"wrote {out} and docs/icon-editor.png" if ok else "could not write the screenshots")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
