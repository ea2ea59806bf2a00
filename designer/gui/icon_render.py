"""Icons drawn the way the web app draws them: one colour, at a given size.

Why one module: the menu items' icon picker, the icon editor's preview strip and the built-in
icon gallery all show the same thing, and each rendering parses the SVG, so they share one
cache. The icon editor's canvas draws through :func:`renderable_svg` too, so every picture of
an icon in the designer follows the same rule about what a file may pull in.
"""

from __future__ import annotations

import base64
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap

if TYPE_CHECKING:
    from PySide6.QtSvg import QSvgRenderer

__all__ = ["remember_drawing", "render_as_written", "render_icon", "renderable_svg", "renderable_tree"]

_RASTER_DATA = re.compile(r"^\s*data:image/(?:png|jpe?g|gif|webp)\s*;\s*base64\s*,(.*)$", re.IGNORECASE | re.DOTALL)
_RASTER_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a")
_MARK = "data-pd-picture"  # a data- attribute: the sanitiser keeps it
_MAX_STOPS = 1000  # stops of one gradient the drawing copy keeps (see renderable_tree)
# Masks read by their opacity (the attribute, or the property in a style), which Qt does not know.
_ALPHA_MASKS = "//*[local-name()='mask'][@mask-type='alpha' or contains(translate(@style, ' ', ''), 'mask-type:alpha')]"
# A fill, stroke or color declaration of a colour (not none, inherit or a url()).
_SOLID_PAINT = r"(?<![\w-])(fill|stroke|color)\s*:\s*(?!\s*(?:none|inherit|url\())[^;]+"
_CROWDED_GRADIENTS = f"//*[contains(local-name(), 'Gradient')][count(*) > {_MAX_STOPS}]"


def _embedded_picture(href: str) -> bool:
    """Whether ``href`` is a picture carried inside the file (a base64 PNG, JPEG, GIF or WebP).

    The bytes are checked, not the label: Qt picks an image reader by content, and an SVG
    labelled ``image/png`` would be drawn as an SVG, with its own outside references.
    """
    if not href.startswith("data:"):
        # Qt takes an href for inline data only when it starts with exactly "data" (no space
        # before it, lower case); anything else, "DATA:..." or " data:..." included, it opens as
        # a file path. Such a picture is left out of the drawing.
        return False
    m = _RASTER_DATA.match(href)
    if m is None:
        return False
    head = "".join(m.group(1)[:64].split())[:24]
    try:
        data = base64.b64decode(head + "=" * (-len(head) % 4))
    except ValueError:
        return False
    return data.startswith(_RASTER_MAGIC) or (data[:4] == b"RIFF" and data[8:12] == b"WEBP")


def renderable_svg(data: bytes) -> bytes:
    """The SVG as the designer draws it: nothing in it can make Qt read another file.

    Why: QSvgRenderer loads what an ``<image>`` names by path (and Qt's XML reader expands the
    entities lxml leaves alone), so a hostile icon could show the user's own files in the
    canvas or a thumbnail. The drawing is made from a copy cleaned by the core's sanitiser (the
    same allowlist as the checker's fix and the import): only same-document ``#id`` links, no
    DOCTYPE or entities, nothing outside the root element. Pictures embedded as base64 PNG,
    JPEG, GIF or WebP stay, as the web app draws them. The user's text is never changed; this
    is for drawing only. Empty bytes when the text is not well-formed XML.
    """
    from ..core.svg import read_svg

    info = read_svg(data)
    if not info.ok or info.tree is None:
        return b""
    return renderable_tree(info.tree)


def renderable_tree(root: object) -> bytes:
    """:func:`renderable_svg` of a parsed SVG root, for callers that hold one already.

    The tree is cleaned in place (so give it a throw-away copy): the canvas draws every
    drag step this way, without writing its document out and parsing it again.
    """
    from lxml import etree

    from ..core.svg import MAX_DRAWN, XLINK_NS, drawn_size, remove_element, sanitise_tree

    # The sanitiser drops every <image>; an embedded picture passes through it as a <rect>
    # (so its other attributes are vetted like any shape's) and gets its picture back after.
    # Elements are found by lxml (in C), not by a Python loop over all of them: a drawing can
    # hold 100,000 shapes and only its pictures, marks and <use>s matter here.
    marked = f"descendant-or-self::*[@{_MARK}]"
    for el in root.xpath(marked):
        del el.attrib[_MARK]  # only this function's marks may come back as pictures
    pictures: list[tuple[str, str, str]] = []  # (tag, href attribute, href)
    for el in root.iter("{*}image"):
        for attr in ("href", f"{{{XLINK_NS}}}href"):
            href = el.get(attr)
            if href is not None and _embedded_picture(href):
                el.set(_MARK, str(len(pictures)))
                pictures.append((el.tag, attr, href))
                el.tag = el.tag[: -len("image")] + "rect"
                break
    sanitise_tree(root)
    for el in root.xpath(marked):
        tag, attr, href = pictures[int(el.get(_MARK))]
        del el.attrib[_MARK]
        el.tag = tag
        el.set(attr, href)
    for mask in root.xpath(_ALPHA_MASKS):
        _read_by_lightness(mask)
    # Qt reads a gradient's stops in time that grows with the square of their number: 100,000
    # stops in a 2 MB file froze the icon editor for 20 seconds. A real gradient has a handful.
    for gradient in root.xpath(_CROWDED_GRADIENTS):
        for stop in gradient.xpath("*[local-name()='stop']")[_MAX_STOPS:]:
            gradient.remove(stop)
    too_many = drawn_size(root)[0] > MAX_DRAWN  # PD431: drawn with its copies, it would take minutes
    uses = list(root.iter("{*}use"))
    looped: set[Any] = set()
    if uses and not too_many:
        by_id = {el.get("id"): el for el in root.iter("*") if el.get("id") is not None}
        # (all found before any goes: a use left out would end the loop of another one, drawn then)
        looped = {el for el in uses if _copies_itself(el, by_id)}
    for el in uses:
        target = el.get("href") or el.get(f"{{{XLINK_NS}}}href") or ""
        # (an outside link removed leaves it with nothing to draw, and Qt would warn)
        if too_many or len(target) < 2 or el in looped:
            remove_element(el)
    return etree.tostring(root)


def _copies_itself(use: Any, by_id: dict[str, Any]) -> bool:
    """Whether the copy ``use`` makes holds ``use`` again, directly or through other copies.

    Why: browsers leave such a copy out and draw the rest; Qt throws the whole drawing away (with
    a warning), and the canvas and the thumbnails showed nothing of the icon.
    """
    from ..core.svg import XLINK_NS

    around = {use, *use.iterancestors()}
    seen: set[Any] = set()
    todo = [use]
    while todo:
        el = todo.pop()
        href = el.get("href") or el.get(f"{{{XLINK_NS}}}href") or ""
        target = by_id.get(href[1:]) if href.startswith("#") else None
        if target is None or target in seen:
            continue
        if target in around:
            return True
        seen.add(target)
        todo.extend(target.iter("{*}use"))
    return False


def _read_by_lightness(mask: Any) -> None:
    """An alpha mask (``mask-type="alpha"``) made into the lightness mask Qt draws it as: its
    solid paints become white, so their opacity alone (the opacities stay) decides, as in a browser.

    Why: Qt reads every mask by its lightness, and Figma and Eva Icons mask every icon with a
    near-black shape and ``mask-type="alpha"``: the designer showed them at an eighth of their
    strength, while the app shows them solid. (A gradient's paint is left as it is.)
    """
    mask.set("fill", "#fff")  # what the mask's shapes without a paint of their own inherit
    for el in mask.iter("*"):
        for attr in ("fill", "stroke", "color"):
            if el is not mask and _solid(el.get(attr)):
                el.set(attr, "#fff")
        style = el.get("style")
        if style and ("fill" in style or "stroke" in style or "color" in style):
            el.set("style", re.sub(_SOLID_PAINT, r"\1:#fff", style))


def _solid(paint: str | None) -> bool:
    """Whether ``paint`` is a colour (not none, a gradient's url() or an inherited value)."""
    return paint is not None and paint.strip() not in ("", "none", "inherit") and "url(" not in paint


_DRAWINGS: dict[bytes, bytes] = {}  # an icon's text -> its drawing copy, the newest last
_KEEP_DRAWINGS = 8


def remember_drawing(data: bytes, safe: bytes) -> None:
    """Keep ``safe``, the :func:`renderable_tree` of ``data``, for the preview of the same text.

    Why: the canvas and the preview strip both draw the icon on show, and cleaning a traced
    drawing of 50,000 shapes takes a third of a second each time; the canvas cleans its copy
    first and hands the result over, so the preview does not clean the same bytes again.
    """
    _DRAWINGS.pop(data, None)
    _DRAWINGS[data] = safe
    while len(_DRAWINGS) > _KEEP_DRAWINGS:
        del _DRAWINGS[next(iter(_DRAWINGS))]


@lru_cache(maxsize=64)
def _prepared(data: bytes, element_id: str) -> tuple[bytes, str]:
    """The safe SVG to draw ``element_id`` of ``data`` from, and the id to draw ("" = all of it).

    Why cached apart from :func:`render_icon`: the icon editor's preview shows one text in ten
    colours and sizes; this parse and clean-up is the same for all of them.
    """
    from ..core.svg import read_svg

    symbol = _symbol_drawings(data).get(element_id) if element_id and b"<symbol" in data else None
    if symbol is not None:  # Qt draws nothing for a <symbol> by id: draw it as <use> would
        data, element_id = symbol, ""
    known = _DRAWINGS.get(data)
    if known is not None and not element_id:
        return known, ""
    info = read_svg(data)
    if not info.ok or info.tree is None:
        return b"", ""
    by_id = element_id if element_id and element_id != info.root_id else ""
    if known is None:
        known = renderable_tree(info.tree)  # drawn without anything the file names outside itself
        remember_drawing(data, known)
    return known, by_id


@lru_cache(maxsize=4)
def _symbol_drawings(data: bytes) -> dict[str, bytes]:
    """The drawing of each symbol of the sprite ``data``, from one reading of it.

    Why: the form's icon list draws every symbol of a sprite, and reading the whole sprite for
    each one held the window for a minute when a plugin with a sprite of 3,000 symbols was picked.
    """
    from ..core.svgedit import symbol_svgs

    return symbol_svgs(data)


@lru_cache(maxsize=8)
def _renderer(safe: bytes) -> QSvgRenderer:
    """Qt's parsed drawing of ``safe``: the preview strip draws one icon ten times (colours, sizes)."""
    from PySide6.QtSvg import QSvgRenderer

    return QSvgRenderer(safe)


@lru_cache(maxsize=64)
def _shape(data: bytes, element_id: str, size: int, dpr: float = 1.0) -> QImage | None:
    """The icon drawn ``size`` logical px square (at ``dpr``) in its own colours, to paint in one colour after.

    Why apart from :func:`render_icon`: the preview strip shows each size in two or three
    colours, and drawing a traced icon of 50,000 shapes takes 30 ms; the colour is laid on
    the drawn pixels (as before), so each size is drawn once. None when there is nothing to
    draw this way (a broken file, or an id the file lacks: :func:`render_icon` says so).
    """
    safe, by_id = _prepared(data, element_id)
    if not safe:
        return None
    renderer = _renderer(safe)
    if not renderer.isValid() or (by_id and not renderer.elementExists(by_id)):
        return None
    image = _blank(size, dpr)
    _paint(renderer, by_id, image, size)
    return image


def _paint(renderer: QSvgRenderer, by_id: str | None, image: QImage, size: int) -> None:
    """Draw the drawing (or its element ``by_id``) on ``image``, ``size`` logical px square."""
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if by_id:
        renderer.render(painter, by_id, QRectF(0, 0, size, size))
    else:
        renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()


def _blank(size: int, dpr: float) -> QImage:
    """A transparent picture ``size`` logical px square with ``dpr`` pixels per logical pixel."""
    physical = max(1, round(size * dpr))
    image = QImage(physical, physical, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(dpr)  # painters draw in logical pixels, 0..size
    image.fill(Qt.GlobalColor.transparent)
    return image


@lru_cache(maxsize=512)
def render_icon(data: bytes, element_id: str, colour: str, size: int = 32, dpr: float = 1.0) -> QPixmap:
    """The icon (or the sprite symbol ``element_id``) in ``colour``, ``size`` px square.

    Single-colour icons (``currentColor``) are what the app recolours for its light and dark
    toolbars; painting every pixel in one colour shows exactly that. ``dpr`` is the screen's
    device pixel ratio (the widget's ``devicePixelRatioF()``): the picture is drawn with that
    many pixels per logical pixel, or a 16 px icon on a 200 % screen is a 16 px drawing blown up
    to 32 and looks blurred, which is exactly the detail the size strip is there to judge.
    """
    shape = _shape(data, element_id, size, dpr)
    if shape is not None:
        image = shape.copy()
        image.setDevicePixelRatio(dpr)
        painter = QPainter(image)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
        painter.fillRect(QRectF(0, 0, size, size), QColor(colour))
        painter.end()
        return QPixmap.fromImage(image)
    image = _blank(size, dpr)
    safe, by_id = _prepared(data, element_id)
    if safe and by_id and _renderer(safe).isValid():
        # A reference to an id the file lacks: the app draws nothing, so no picture here
        # either, but a question mark that says so.
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = painter.font()
        font.setPixelSize(max(8, int(size * 0.8)))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor(colour))
        painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, "?")
        painter.end()
    return QPixmap.fromImage(image)


def render_as_written(data: bytes, element_id: str, colour: str, size: int = 32, dpr: float = 1.0) -> QPixmap:
    """The icon (or the sprite symbol ``element_id``) in the colours its file gives, ``currentColor``
    drawn in ``colour``.

    Why apart from :func:`render_icon`, which paints every pixel in one colour: the import
    dialog shows what it will write, and a white detail kept in white, or a colour kept as it
    was, looked the same there as one flattened into the app's colour.
    """
    from lxml import etree
    from PySide6.QtSvg import QSvgRenderer

    from ..core.svg import safe_parser

    image = _blank(size, dpr)
    safe, by_id = _prepared(data, element_id)
    if not safe:
        return QPixmap.fromImage(image)
    root = etree.fromstring(safe, safe_parser())
    if root.get("color") is None:  # the file's own colour for currentColor wins, as in a browser
        root.set("color", colour)
    renderer = QSvgRenderer(etree.tostring(root))
    if renderer.isValid() and (not by_id or renderer.elementExists(by_id)):
        _paint(renderer, by_id, image, size)
    return QPixmap.fromImage(image)
