"""Render docs/screenshot.png (the example project, one plugin selected, one problem to fix) and
docs/icon-editor.png (the icon editor on the example's hand icon).

Why a script: the README picture should be what the designer really shows, and be easy to
remake after the window changes (``.venv/bin/python scripts/readme_screenshot.py``).

Why a home folder of its own: the project is a copy of the example at ``~/my-branding``, as a
user's would be, so the status bar says "Opened ~/my-branding/webapp2" (a copy in a temporary
folder showed that folder's random /tmp name). Taking the pictures adds nothing to the
developer's recent projects.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


@contextmanager
def _home(home: Path) -> Iterator[None]:
    """``home`` as the user's home folder (``Path.home()``, ``~``) until the end of the block."""
    saved = os.environ.get("HOME")
    os.environ["HOME"] = str(home)
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("HOME", None)
        else:
            os.environ["HOME"] = saved


def render(out_dir: Path) -> dict[str, str]:
    """Write screenshot.png and icon-editor.png into ``out_dir``; return each picture's status bar
    text (what a reader sees at the bottom of it)."""
    from designer.gui.app import apply_appearance, make_app, saved_appearance
    from designer.gui.main_window import MainWindow

    app = make_app()
    before = saved_appearance()
    shown: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp, _home(Path(tmp) / "home"):
        apply_appearance("light")  # the README shows the light look, whatever this machine last chose
        project = Path.home() / "my-branding"
        shutil.copytree(ROOT / "resources" / "examples" / "demo", project)
        manifest = project / "webapp2" / "manifest.json"
        manifest.write_text(manifest.read_text().replace('"isSettingsBranded": true', '"isSettingsBranded": false'))
        win = MainWindow()
        win.remembers_projects = False  # a picture, not a project the developer opened
        win.resize(1280, 860)
        win.open_path(project)
        win.show()
        root = win.tree.topLevelItem(0)
        win.tree.setCurrentItem(root.child(2))  # Lock toggle
        for _ in range(10):
            app.processEvents()
        for name in ("screenshot.png", "icon-editor.png"):
            if name == "icon-editor.png":
                hand = win._find_tree_item(root, ("file", "plugins/raise-hand-helper/hand.svg"))
                win.tree.setCurrentItem(hand)
                canvas = win.icon_pane.canvas
                canvas.select_path(canvas.shapes[0][0].path)  # a finger, to show the selection
                for _ in range(10):
                    app.processEvents()
            if not win.grab().save(str(out_dir / name)):
                raise OSError(f"could not write {out_dir / name}")
            shown[name] = win.status.text()
        win.editor.undo_stack.setClean()
        win.close()
        win.deleteLater()
    apply_appearance(before)
    return shown


def main() -> int:
    out = ROOT / "docs"
    try:
        render(out)
    except OSError as exc:
        print(f"could not write the screenshots: {exc}")
        return 1
    print(f"wrote {out / 'screenshot.png'} and {out / 'icon-editor.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
