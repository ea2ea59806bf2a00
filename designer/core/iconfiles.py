"""Adding an icon file to a plugin: where it goes, what it is called, what references it.

Why one function for every source (a new drawing, a built-in icon, an imported SVG): each must
land in the plugin's folder under a name that does not overwrite another file, with a root id
equal to its name, and hand back the ``file.svg#id`` reference a menu item uses. Written three
times, the three would drift; the id/reference rule is what makes icons appear at all.
"""

from __future__ import annotations

import posixpath

from .model import BrandingPackage, Plugin, text_bytes
from .svgedit import set_root_attribute

__all__ = ["add_icon_file", "blank_icon", "icon_name", "plugin_of_file"]


def blank_icon(icon_id: str) -> str:
    """An empty 24×24 icon with its id, ready for the canvas tools (which draw in the app's colour)."""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" id="{icon_id}" viewBox="0 0 24 24" width="24" height="24">\n</svg>\n'
    )


def plugin_of_file(pkg: BrandingPackage, rel: str) -> int | None:
    """The index of the plugin whose folder holds ``rel`` (the deepest folder wins)."""
    best: tuple[int, int] | None = None
    for index, plugin in enumerate(pkg.plugins):
        folder = plugin.folder
        if folder and rel.startswith(folder + "/") and (best is None or len(folder) > best[1]):
            best = (index, len(folder))
    return best[0] if best else None


def add_icon_file(pkg: BrandingPackage, plugin: Plugin, stem: str, text: str) -> tuple[str, str]:
    """Put ``text`` beside the plugin's package file as ``stem.svg`` (unsaved, like any edit).

    The root id becomes the file's stem, so ``stem.svg#stem`` is always the reference. Nothing is
    overwritten: when ``stem.svg`` exists with other content (or a name differing only in letter
    case, which clashes on Windows and macOS) the file becomes ``stem-2.svg`` with id ``stem-2``,
    and so on. An identical file already there is reused. Nothing is written until the package
    is saved: the file waits in ``pkg.pending_texts``, so checks and the preview already see it.

    A name already an id inside the drawing (a clip path 'mic' in mic.svg) is passed over too:
    two elements with one id make ``url(#mic)`` find the root instead.

    Returns (webapp2-relative path, reference for a menu item's ``icon``). Raises ValueError for
    a plugin without a package file.
    """
    rel, name, body, reused = _placed(pkg, plugin, stem, text)
    if not reused:
        pkg.pending_texts[rel] = body
    return rel, f"{name}.svg#{name}"


def icon_name(pkg: BrandingPackage, plugin: Plugin, stem: str, text: str) -> str:
    """The name (file stem and root id) :func:`add_icon_file` would give ``text`` as ``stem``,
    without adding it: ``stem``, or ``stem-2`` and so on when that is taken.

    Why: the import dialog says what the drawing's own id becomes before the user presses OK.
    """
    return _placed(pkg, plugin, stem, text)[1]


def _placed(pkg: BrandingPackage, plugin: Plugin, stem: str, text: str) -> tuple[str, str, str, bool]:
    """Where :func:`add_icon_file` puts ``text``: (path, name, text with the root id, whether an
    identical file is there already)."""
    if not plugin.package_path:
        raise ValueError(f"the plugin '{plugin.display_name}' has no package file to put an icon beside")
    base = posixpath.dirname(plugin.package_path)
    taken = {n.lower() for n in pkg.names()}
    inner = _inner_ids(text)
    n = 1
    while True:
        name = stem if n == 1 else f"{stem}-{n}"
        rel = posixpath.join(base, f"{name}.svg") if base else f"{name}.svg"
        if name in inner:  # a part of the drawing has that id: a second one breaks its url(#...)
            n += 1
            continue
        body = set_root_attribute(text, "id", name)
        if pkg.exists(rel):
            if pkg.read_bytes(rel) == text_bytes(body):
                return rel, name, body, True
        elif rel.lower() not in taken:
            return rel, name, body, False
        n += 1


def _inner_ids(text: str) -> set[str]:
    """The ids of the elements inside the root (the root's own is replaced): none when unreadable."""
    from lxml import etree

    from .svg import parse_svg

    try:
        root = parse_svg(text_bytes(text))
    except (etree.XMLSyntaxError, ValueError):
        return set()
    if root is None:
        return set()
    return {el.get("id") for el in root.iterdescendants("*") if el.get("id") is not None}
