"""Render the application icon's PNG sizes (and a Windows .ico) from icons/app/plugin-designer.svg.

Why a script: the SVG is the one drawing we edit; desktop environments, window managers and
PyInstaller want bitmaps at fixed sizes. Run it after changing the SVG and commit the output:

    .venv/bin/python packaging/render_icons.py

Uses Qt's QSvgRenderer (the same renderer the app uses), so the bitmaps match what Qt draws.
The .ico holds every size as an embedded PNG (readable by Windows Vista and later).
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
APP_ICONS = ROOT / "icons" / "app"
SVG = APP_ICONS / "plugin-designer.svg"
SIZES = (16, 32, 48, 64, 128, 256)


def png_path(size: int) -> Path:
    return APP_ICONS / f"plugin-designer-{size}.png"


def render(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    # Straight (not premultiplied) alpha in the file; no gamma/time chunks, so the output is reproducible.
    if not image.convertToFormat(QImage.Format.Format_ARGB32).save(buf, "PNG"):
        raise RuntimeError(f"could not encode the {size}px icon")
    buf.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICO file whose entries are PNG images (width/height byte 0 means 256)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    entries = b""
    payload = b""
    offset = 6 + 16 * len(pngs)
    for size, png in sorted(pngs.items()):
        dim = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset + len(payload))
        payload += png
    return header + entries + payload


def main() -> int:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"render_icons: cannot read {SVG}", file=sys.stderr)
        return 1
    pngs = {size: render(renderer, size) for size in SIZES}
    for size, png in pngs.items():
        png_path(size).write_bytes(png)
        print(f"wrote {png_path(size).relative_to(ROOT)}")
    ico = APP_ICONS / "plugin-designer.ico"
    ico.write_bytes(ico_bytes(pngs))
    print(f"wrote {ico.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
