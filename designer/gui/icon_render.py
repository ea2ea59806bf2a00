"""Icons drawn the way the web app draws them: one colour, at a given size.

Why one module: the menu items' icon picker, the icon editor's preview strip and the built-in
icon gallery all show the same thing, and each rendering parses the SVG, so they share one
cache.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap

__all__ = ["render_icon"]


@lru_cache(maxsize=512)
def render_icon(data: bytes, element_id: str, colour: str, size: int = 32) -> QPixmap:
    """The icon (or the sprite symbol ``element_id``) in ``colour``, ``size`` px square.

    Single-colour icons (``currentColor``) are what the app recolours for its light and dark
    toolbars; painting every pixel in one colour shows exactly that.
    """
    from PySide6.QtSvg import QSvgRenderer

    from ..core.svg import read_svg
    from ..core.svgedit import symbol_svg

    symbol = symbol_svg(data, element_id) if element_id and b"<symbol" in data else None
    if symbol is not None:  # Qt draws nothing for a <symbol> by id: draw it as <use> would
        data, element_id = symbol, ""
    renderer = QSvgRenderer(data)
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    if renderer.isValid():
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        root_id = read_svg(data).root_id if element_id else None
        if element_id and element_id != root_id and not renderer.elementExists(element_id):
            # A reference to an id the file lacks: the app draws nothing, so no picture here
            # either, but a question mark that says so.
            font = painter.font()
            font.setPixelSize(max(8, int(size * 0.8)))
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(QColor(colour))
            painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, "?")
            painter.end()
            return QPixmap.fromImage(image)
        if element_id and element_id != root_id:
            renderer.render(painter, element_id, QRectF(0, 0, size, size))
        else:
            renderer.render(painter, QRectF(0, 0, size, size))
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
        painter.fillRect(image.rect(), QColor(colour))
        painter.end()
    return QPixmap.fromImage(image)
