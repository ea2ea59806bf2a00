"""Which menu items (and plugin sources) use which icon, and renaming an icon id everywhere at once.

Why: an icon id lives in three kinds of places that nothing ties together. The SVG holds
``id="lock"``, the package file's menu items say ``"icon": "lock.svg#lock"`` and the plugin's
JavaScript may switch icons at run time with ``state$.next({icon: 'lock.svg#lock'})``. Renaming
the id in one place and not the others leaves a button without a picture, found only in a
meeting. These functions let the GUI show where an id is used, warn before an edit would break
one of those uses, and rename an id in every place as one change.

Like :mod:`designer.core.fixes`, everything here only edits the in-memory package (menu items
through the model, so the package JSON keeps its formatting; other files as pending texts) and
each text edit replaces just the characters of the id, so a save changes nothing else.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from .lineends import line_cols
from .model import BrandingPackage, Plugin, bytes_text, text_bytes
from .svg import read_svg
from .svgimport import internal_references, is_valid_id
from .wording import counted

__all__ = [
    "IconRef",
    "SourceIconRef",
    "apply_edits",
    "icon_choices",
    "icon_references",
    "id_uses",
    "ids_in_use",
    "rename_icon_id",
    "resolve_icon",
    "source_icon_references",
    "svg_reference_edits",
]


@dataclass(frozen=True)
class IconRef:
    """One menu item's icon: ``pkg.plugins[plugin_index].package.menu_items[section][item_index]``.

    ``file`` is the webapp2-relative path the reference resolves to and ``icon_id`` its
    fragment ("" when the reference names no ``#id``).
    """

    plugin_index: int
    section: str
    item_index: int
    label: str | None
    file: str
    icon_id: str


@dataclass(frozen=True)
class SourceIconRef:
    """A string literal ``'file.svg#id'`` in a plugin's JavaScript (a run-time icon for ``state$``).

    ``source`` is the webapp2-relative path of the JS file, ``line``/``column`` (1-based) the
    position of the literal's opening quote.
    """

    plugin_index: int
    source: str
    line: int
    column: int
    file: str
    icon_id: str


def icon_choices(pkg: BrandingPackage, plugin: Plugin) -> list[str]:
    """Every ``file.svg#id`` the plugin can reference: each id of each SVG in its folder.

    Here, not in the form only: the checks offer the first of them to an item whose icon is no
    reference at all (``"icon": 5``)."""
    from .files import is_utf8
    from .svg import symbol_elements

    folder = plugin.folder
    if not folder:
        return []
    out: list[str] = []
    for rel in pkg.names():
        if not rel.startswith(folder + "/") or not rel.lower().endswith(".svg"):
            continue
        if not is_utf8(rel):
            # A name an old tool unpacked in Latin-1 (b"caf\\xe9.svg"): Qt showed it as 'caf.svg', a
            # file not there, and the export leaves it out anyway (PD107 says to rename it).
            continue
        try:
            info = read_svg(pkg.read_text(rel).encode("utf-8"))
        except (OSError, UnicodeDecodeError):
            continue
        if not info.ok:
            continue
        local = rel[len(folder) + 1 :]
        ids = [info.root_id] if info.root_id else []
        ids += [el.get("id") for el in symbol_elements(info.tree) if el.get("id") != info.root_id]
        out += [f"{local}#{i}" for i in ids]
    return out


def resolve_icon(plugin: Plugin, ref: str) -> tuple[str | None, str]:
    """``(file, id)`` of an icon reference as the app resolves it: relative to the package file.

    The same resolution as the icon checks (``Plugin.resolve`` of the part before ``#``);
    ``file`` is None when the reference leaves the package or names another server.
    """
    file_part, _, frag = ref.partition("#")
    return plugin.resolve(file_part), frag


def icon_references(pkg: BrandingPackage, svg_rel: str | None = None) -> list[IconRef]:
    """Every menu item icon of the package, or only those into the SVG ``svg_rel``, in plugin order."""
    out: list[IconRef] = []
    for index, plugin in enumerate(pkg.plugins):
        if plugin.package is None or not plugin.package_path:
            continue
        for sec, i, item in plugin.package.items():
            if not item.icon:
                continue
            target, frag = resolve_icon(plugin, item.icon)
            if target is None or (svg_rel is not None and target != svg_rel):
                continue
            out.append(IconRef(index, sec, i, item.label, target, frag))
    return out


# A quoted JS string holding "<path>.svg#<id>" and nothing else (no escapes, one line).
_JS_ICON = r"""(['"`])([^'"`\\\r\n]*?\.[sS][vV][gG])#([^'"`\\\s]*)\1"""


def _source_matches(
    pkg: BrandingPackage, svg_rel: str, icon_id: str | None
) -> dict[str, tuple[str, list[tuple[int, re.Match[str]]]]]:
    """Per JS file: its text and the (plugin index, match) of the literals naming ``svg_rel``
    (and ``icon_id``); the text comes along so callers need not read the file again."""
    out: dict[str, tuple[str, list[tuple[int, re.Match[str]]]]] = {}
    for index, plugin in enumerate(pkg.plugins):
        src = plugin.source_path
        if not src or src in out or not pkg.exists(src):
            continue
        try:
            text = bytes_text(pkg.read_bytes(src))
        except OSError:
            continue
        if ".svg#" not in text.lower():
            continue
        found = [
            (index, m)
            for m in re.finditer(_JS_ICON, text)
            if plugin.resolve(m.group(2)) == svg_rel and (icon_id is None or m.group(3) == icon_id)
        ]
        if found:
            out[src] = (text, found)
    return out


def source_icon_references(pkg: BrandingPackage, svg_rel: str, icon_id: str | None = None) -> list[SourceIconRef]:
    """The string literals in the plugins' JavaScript that name ``svg_rel`` (and ``icon_id``)."""
    out: list[SourceIconRef] = []
    for src, (text, found) in _source_matches(pkg, svg_rel, icon_id).items():
        # As the editor shows the file (a lone CR or U+2028 ends a line there, a BOM is no column);
        # its line ends found once, not once per string (see line_cols)
        places = line_cols(text, [m.start() for _index, m in found])
        for (index, m), (line, column) in zip(found, places, strict=True):
            out.append(SourceIconRef(index, src, line, column, svg_rel, m.group(3)))
    return out


def _plugin_name(pkg: BrandingPackage, index: int) -> str:
    return pkg.plugins[index].display_name


def id_uses(pkg: BrandingPackage, svg_rel: str, icon_id: str, svg_after: bytes | None = None) -> list[str]:
    """Plain-language list of what uses ``svg_rel#icon_id``: menu items, plugin code, the file itself.

    For the GUI's warning before an edit removes or renames the id ("used by the menu item
    'Lock meeting' of Lock toggle"). ``svg_after``: the file as the edit leaves it, whose own
    references are the ones that count; a ``<use href="#dot">`` deleted along with the dot is
    no use of it, and asking about it was a needless question.
    """
    out = []
    for ref in icon_references(pkg, svg_rel):
        if ref.icon_id == icon_id:
            what = f"the menu item '{ref.label}'" if ref.label else f"a {ref.section} menu item"
            out.append(f"{what} of {_plugin_name(pkg, ref.plugin_index)}")
    for sref in source_icon_references(pkg, svg_rel, icon_id):
        out.append(f"the code of {_plugin_name(pkg, sref.plugin_index)} ({sref.source}, line {sref.line})")
    if svg_after is not None or pkg.exists(svg_rel):
        try:
            info = read_svg(svg_after if svg_after is not None else pkg.read_bytes(svg_rel))
        except OSError:
            info = None
        if info is not None and info.ok and info.tree is not None:
            n = internal_references(info.tree).get(icon_id, 0)
            if n:
                out.append(f"{counted(n, 'reference')} inside {svg_rel.rsplit('/', 1)[-1]}")
    return out


def ids_in_use(pkg: BrandingPackage, svg_rel: str, svg_after: bytes) -> set[str]:
    """The ids of ``svg_rel`` that something uses: a menu item, a plugin's code, or a reference
    inside ``svg_after`` (the file as an edit leaves it).

    Why: the sanitiser reports every id on what it removes, and Inkscape gives its page settings
    (``<sodipodi:namedview id="namedview7">``) one that nothing uses; refusing the clean-up for
    any of them left every Inkscape icon with a script or handler without its fix.
    """
    used = {ref.icon_id for ref in icon_references(pkg, svg_rel)}
    used.update(sref.icon_id for sref in source_icon_references(pkg, svg_rel))
    info = read_svg(svg_after)
    if info.ok and info.tree is not None:
        used.update(internal_references(info.tree))
    return used


# -- renaming inside the SVG text ------------------------------------------------------------------

_TOKEN = re.compile(
    r"""
    (?P<comment><!--.*?-->)
    |<!\[CDATA\[(?P<cdata>.*?)\]\]>
    |(?P<pi><\?.*?\?>)
    |(?P<doctype><!DOCTYPE(?:[^\[>]*\[.*?\]\s*>|[^>]*>))
    |</(?P<end>[^\s>]+)\s*>
    |<(?P<name>[^\s/>!?]+)(?P<attrs>(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(?P<empty>/?)>
    """,
    re.S | re.X,
)
_ATTR = re.compile(r"""([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def svg_reference_edits(text: str, old: str, new: str, with_id: bool = True) -> list[tuple[int, int, str]]:
    """(start, end, replacement) for every ``href="#old"``, ``url(#old)`` and ``#old`` style
    selector in an SVG's text, and (``with_id``) the id attribute of the first element with
    ``id="old"``, which must then exist. Comments, text and CDATA outside <style> are left alone.

    Apply them with :func:`apply_edits`. Also used by the PD420 fix, which repoints references
    at an existing id without renaming anything.
    """
    edits: list[tuple[int, int, str]] = []
    url = re.compile(r"url\(\s*(?:['\"]|&quot;|&apos;)?#(" + re.escape(old) + r")(?:['\"]|&quot;|&apos;)?\s*\)")
    selector = re.compile(r"#(" + re.escape(old) + r")(?![\w-])")

    def css(start: int, chunk: str) -> None:
        depth = 0
        pos = 0
        for m in re.finditer(r"[{}]", chunk + "{"):
            part = chunk[pos : m.start()]
            for u in url.finditer(part):
                edits.append((start + pos + u.start(1), start + pos + u.end(1), new))
            if depth == 0:  # selectors: outside any { } block
                for s in selector.finditer(part):
                    edits.append((start + pos + s.start(1), start + pos + s.end(1), new))
            depth = max(0, depth + (1 if m.group(0) == "{" else -1))
            pos = m.end()

    renamed = False
    in_style = False
    last = 0
    for tok in _TOKEN.finditer(text):
        if in_style and tok.start() > last:
            css(last, text[last : tok.start()])
        last = tok.end()
        if tok.group("cdata") is not None:
            if in_style:
                css(tok.start("cdata"), tok.group("cdata"))
            continue
        if tok.group("end") is not None:
            if tok.group("end").rsplit(":", 1)[-1] == "style":
                in_style = False
            continue
        name = tok.group("name")
        if name is None:
            continue
        base = tok.start("attrs")
        for a in _ATTR.finditer(tok.group("attrs")):
            key = a.group(1)
            group = 2 if a.group(2) is not None else 3
            raw = a.group(group)
            start, end = base + a.start(group), base + a.end(group)
            value = html.unescape(raw)
            if key == "id" and with_id and not renamed and value == old:
                edits.append((start, end, new))
                renamed = True
            elif key.rsplit(":", 1)[-1] == "href" and value == "#" + old:
                edits.append((start, end, "#" + new))
            elif "url(" in raw:
                for u in url.finditer(raw):
                    edits.append((start + u.start(1), start + u.end(1), new))
        if name.rsplit(":", 1)[-1] == "style" and not tok.group("empty"):
            in_style = True
    if with_id and not renamed:
        raise ValueError(f"the id '{old}' could not be found in the text of the file")
    return edits


def apply_edits(text: str, edits: list[tuple[int, int, str]]) -> str:
    """``text`` with each (start, end, replacement) applied, from the end so offsets stay valid."""
    for start, end, replacement in sorted(set(edits), reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


def rename_icon_id(pkg: BrandingPackage, svg_rel: str, old: str, new: str) -> int:
    """Rename the id ``old`` of ``svg_rel`` to ``new`` everywhere; return how many places changed.

    Changes, in memory only (the caller saves): the id attribute and the file's own references
    to it (``href="#old"``, ``xlink:href="#old"``, ``url(#old)``, ``#old`` style selectors);
    every menu item icon that named ``…svg_rel#old`` (through the model, keeping how the item
    spelled the file); and the ``'…file.svg#old'`` string literals in the plugins' JavaScript
    that resolve to ``svg_rel``. Raises ValueError when ``new`` is not a valid id, already
    exists in the file, ``old`` is not in it, or the file cannot be read as SVG.
    """
    if not is_valid_id(new):
        raise ValueError(f"'{new}' is not a valid id: use letters, digits, '-', '_' or '.', starting with a letter")
    data = pkg.read_bytes(svg_rel)
    info = read_svg(data)
    if not info.ok:
        raise ValueError(f"{svg_rel} cannot be read as SVG: {info.error}")
    if old not in info.ids:
        raise ValueError(f"{svg_rel} has no id '{old}'")
    if new == old:
        return 0
    if new in info.ids:
        raise ValueError(f"{svg_rel} already has an element with the id '{new}'")
    text = bytes_text(data)
    edits = svg_reference_edits(text, old, new)
    new_text = apply_edits(text, edits)
    check = read_svg(text_bytes(new_text))
    if not check.ok or new not in check.ids:  # the text scan and the parser disagree: change nothing
        raise ValueError(f"the id '{old}' of {svg_rel} could not be renamed safely")
    js_edits = {
        src: (text, [(m.start(3), m.end(3), new) for _index, m in found])
        for src, (text, found) in _source_matches(pkg, svg_rel, old).items()
    }
    pkg.pending_texts[svg_rel] = new_text
    count = len(set(edits))
    for ref in icon_references(pkg, svg_rel):
        if ref.icon_id != old:
            continue
        package = pkg.plugins[ref.plugin_index].package
        assert package is not None and package.menu_items is not None
        item = package.menu_items[ref.section][ref.item_index]
        assert item.icon is not None
        item.icon = item.icon.partition("#")[0] + "#" + new
        count += 1
    for src, (text, spans) in js_edits.items():
        pkg.pending_texts[src] = apply_edits(text, spans)
        count += len(spans)
    return count
