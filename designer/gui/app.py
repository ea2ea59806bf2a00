"""QApplication set-up and the two ways to start the GUI: a window, or a screenshot.

Why here: one place decides the application name (settings/recovery paths), the icon and the
style, so the interactive app, the ``screenshot`` command and the tests look the same.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

APP_NAME = "Plugin Designer"
ORG_NAME = "PluginDesigner"


def app_icon() -> QIcon:
    from ..core.resources import icons_dir

    icon = QIcon()
    for size in (16, 32, 48, 64, 128, 256):
        png = icons_dir() / "app" / f"plugin-designer-{size}.png"
        if png.exists():
            icon.addFile(str(png), QSize(size, size))
    svg = icons_dir() / "app" / "plugin-designer.svg"
    if icon.isNull() and svg.exists():
        icon.addFile(str(svg))
    return icon


def make_app(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    QApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationDisplayName(APP_NAME)
    app.setWindowIcon(app_icon())
    return app


def run(path: str | None) -> int:
    app = make_app()
    from .main_window import MainWindow

    win = MainWindow()
    if path:
        win.open_path(Path(path))
    win.show()
    return app.exec()


def screenshot(path: str | None, output: Path, pane: str | None = None, size: str = "1280x800") -> int:
    """Render the window offscreen and save it as PNG (README images, tests)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = make_app()
    from .main_window import MainWindow

    w, _, h = size.partition("x")
    win = MainWindow()
    win.resize(int(w), int(h))
    if path:
        win.open_path(Path(path))
    if pane:
        win.show_pane(pane)
    win.show()
    for _ in range(5):
        app.processEvents()
    ok = win.grab().save(str(output))
    win.close()
    if not ok:
        print(f"plugin-designer: could not write {output}", file=sys.stderr)
        return 2
    print(f"saved {output}")
    return 0
