"""Bringing an SVG made elsewhere (Inkscape, Illustrator, Figma, a text editor, a stranger) into a plugin.

Why a pipeline of its own: the checker's "Sanitise icon" fix repairs a file already in the
package and must change as little as possible. An import starts from a file nobody has looked
at yet, so it may do more, and must *explain* more: it strips what drawing programs leave
behind (Inkscape's ``sodipodi:namedview``, Illustrator's private data, automatic ids such as
``path815``), runs the same allowlist sanitiser as the fix (:func:`designer.core.svg.sanitise_tree`),
repairs ids the checker would complain about, adds a ``viewBox`` and a root id, can make the
icon single-coloured (``currentColor``), and lists every removal in words a non-developer
understands. The result passes :func:`~designer.core.svg.read_svg` + :func:`~designer.core.svg.scan_svg`
without findings (except a missing viewBox that could not be worked out, which it says).

Parsing never resolves entities, never loads a DTD and never touches the network or the disk.
"""

from __future__ import annotations

import math
import posixpath
import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from typing import Any

from .jstext import safe_id
from .svg import (
    SVG_NS,
    XLINK_NS,
    SvgInfo,
    _local,
    is_id_name,
    read_svg,
    remove_element,
    sanitise_tree,
    scan_svg,
    style_text,
    symbol_elements,
    viewbox_from_size,
)
from .wording import counted

__all__ = [
    "APP_COLOUR",
    "CUT_OUT",
    "CUT_OUT_SHAPES",
    "OWN_COLOURS",
    "Paint",
    "SvgImport",
    "SvgImportError",
    "SvgSymbol",
    "cut_out_copy",
    "derive_icon_id",
    "import_svg",
    "internal_references",
    "is_valid_id",
    "svg_symbols",
]


class SvgImportError(ValueError):
    """The file cannot be imported; ``line``/``column`` (1-based, 0 = unknown) say where it breaks."""

    def __init__(self, message: str, line: int = 0, column: int = 0, file_name: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.file_name = file_name


@dataclass
class SvgImport:
    """What :func:`import_svg` made of a file.

    ``removed`` and ``notes`` are plain-language lines for the import dialog: ``removed`` says
    what was taken out, ``notes`` what was changed or could not be done (a renamed id, no
    viewBox). ``lost_ids`` are ids of ``keep_ids`` that the result no longer has because the
    element holding them was unsafe or editor data: menu items using them would show no icon.
    ``colours`` are the paints the drawing uses (before any change, the most used first);
    ``details`` the keys of those that :data:`CUT_OUT` cuts out of the rest (see
    :func:`_cut_plan`: the light ones, else the dark colours drawn on another one) and
    ``detail_shapes`` how many shapes are painted so; ``cut_out`` counts the shapes cut out
    (a dark detail that lies on nothing is not cut: it takes the app's colour); and
    ``cut_out_blocked`` says why the details cannot be cut out ("" when they can, or when
    there are none).
    """

    text: str
    root_id: str
    removed: list[str]
    converted_colours: int
    viewbox_added: bool
    notes: list[str] = field(default_factory=list)
    lost_ids: list[str] = field(default_factory=list)
    colours: list[Paint] = field(default_factory=list)
    cut_out: int = 0
    cut_out_blocked: str = ""
    details: list[str] = field(default_factory=list)
    detail_shapes: int = 0

    @property
    def can_cut_out(self) -> bool:
        """Whether the drawing has details on other colours that :data:`CUT_OUT` can cut out."""
        return not self.cut_out_blocked and bool(self.details) and len(self.details) < len(self.colours)


@dataclass(frozen=True)
class SvgSymbol:
    """One ``<symbol id>`` of a sprite file: an icon a menu item can name as ``file.svg#id``."""

    id: str
    title: str | None
    view_box: str | None


def is_valid_id(value: str) -> bool:
    """Whether ``value`` can be an icon id: the rule the checker's PD422 applies (no spaces, no leading digit).

    Why :func:`is_id_name` itself: a copy of its first pattern refused what it accepts besides
    (an accent typed on macOS, Hindi's vowel signs), so Rename id… refused ids the checks pass.
    """
    return is_id_name(value)


def derive_icon_id(file_name: str) -> str:
    """An id for an icon from its file name: ``"My Icon (1).svg"`` -> ``"my-icon-1"``.

    Why ASCII, lower case and hyphens: the id ends up after ``#`` in menu item references and
    in URLs, where anything else is a typo waiting to happen. Never empty; never starts with a
    digit (``"1st.svg"`` -> ``"icon-1st"``), so it is always a valid XML name.
    """
    base = posixpath.basename(file_name.replace("\\", "/"))
    stem = re.sub(r"(?i)\.svgz?$", "", base)
    if stem == base:
        stem = posixpath.splitext(base)[0] or base
    # The plugin id's letters (Straße -> strasse, Ørsted -> orsted), not a plain NFKD strip that
    # dropped ß, Ø, Ł and Æ; and its length limit, so a long file name still makes a usable id.
    slug = safe_id(stem)
    if slug.startswith("plugin") and not re.search(r"(?i)plugin", stem):
        # 'plugin' is safe_id's word for a name with no Latin letters ('録音.svg' -> 'icon-' and
        # the short suffix that tells it from '会議.svg'); no name at all: 'icon'.
        return "icon" + slug[len("plugin") :]
    return "icon-" + slug if slug[0].isdigit() else slug


# -- what drawing programs leave behind --------------------------------------------------------

_EDITOR_NAMESPACES = {
    "http://www.inkscape.org/namespaces/inkscape": "Inkscape",
    "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd": "Inkscape",
    "http://inkscape.sourceforge.net/DTD/sodipodi-0.dtd": "Inkscape",
    "http://www.bohemiancoding.com/sketch/ns": "Sketch",
    "http://www.serif.com/": "Affinity",
    "http://www.figma.com/figma/ns": "Figma",
    "http://www.corel.com/coreldraw/odm/2003": "CorelDRAW",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "document metadata",
    "http://creativecommons.org/ns#": "document metadata",
    "http://purl.org/dc/elements/1.1/": "document metadata",
}
_DEFAULT_PREFIX = {
    "http://www.inkscape.org/namespaces/inkscape": "inkscape",
    "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd": "sodipodi",
    "http://inkscape.sourceforge.net/DTD/sodipodi-0.dtd": "sodipodi",
    "http://www.bohemiancoding.com/sketch/ns": "sketch",
    "http://www.serif.com/": "serif",
}


def _editor_of(ns: str) -> str | None:
    if not ns:
        return None
    if ns.startswith("http://ns.adobe.com/"):
        return "Illustrator"
    return _EDITOR_NAMESPACES.get(ns)


def _ns(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def _prefix(el: Any, ns: str) -> str:
    for p, uri in (el.nsmap or {}).items():
        if uri == ns and p:
            return p
    return _DEFAULT_PREFIX.get(ns, "")


def _listing(names: Iterable[str], limit: int = 5) -> str:
    items = list(names)
    return ", ".join(items[:limit]) + (", ..." if len(items) > limit else "")


class _EditorData:
    """Per drawing program: the elements and attributes of its own that were removed."""

    def __init__(self) -> None:
        self.elements: dict[str, int] = {}
        self.attributes: dict[str, int] = {}  # prefix -> count

    def line(self, editor: str) -> str:
        parts = [f"{n} {q} elements" if n > 1 else q for q, n in self.elements.items()]
        parts += [f"{counted(n, p + ':* attribute')}" for p, n in self.attributes.items()]
        what = {"document metadata": editor, "drawing program": "drawing program notes"}.get(
            editor, f"{editor} editor data"
        )
        return f"{what} ({', '.join(parts)})"


def _strip_editor_data(root: Any, removed: list[str], dropped_ids: list[str]) -> None:
    """Remove the drawing programs' private elements and attributes, and ``<metadata>``."""
    editors: dict[str, _EditorData] = {}
    metadata_lines: list[int] = []
    layer_names = 0
    # What is inside a removed element is passed over. Kept as a set of the removed elements'
    # nodes, not found by walking each element's ancestors: that walk was a third of a second
    # for a traced drawing of 50,000 shapes. (The list holds every element's proxy, so lxml
    # hands out the same objects when a removed element's descendants are listed.)
    elements = [el for el in root.iter() if isinstance(el.tag, str)]
    gone: set[int] = set()

    def remove(el: Any) -> None:
        gone.update(id(e) for e in el.iter())
        remove_element(el)

    for el in elements:
        if id(el) in gone:
            continue
        ns, name = _ns(el.tag), _local(el.tag)
        editor = _editor_of(ns)
        if el is not root:
            if editor is None and name == "foreignObject" and "ns.adobe.com" in (el.get("requiredExtensions") or ""):
                editor = "Illustrator"  # the <switch> branch only Illustrator reads back
            if editor is None and name == "desc" and (el.text or "").strip().lower().startswith("created with"):
                editor = "Sketch" if "sketch" in (el.text or "").lower() else "drawing program"
            if editor is not None:
                qname = f"{_prefix(el, ns)}:{name}" if _prefix(el, ns) else name
                data = editors.setdefault(editor, _EditorData())
                data.elements[qname] = data.elements.get(qname, 0) + 1
                dropped_ids.extend(e.get("id") for e in el.iter() if isinstance(e.tag, str) and e.get("id"))
                remove(el)
                continue
            if name == "metadata" and ns in ("", SVG_NS):
                metadata_lines.append(el.sourceline or 0)
                dropped_ids.extend(e.get("id") for e in el.iter() if isinstance(e.tag, str) and e.get("id"))
                remove(el)
                continue
        for attr in list(el.attrib):
            ans = _ns(attr)
            aeditor = _editor_of(ans)
            if aeditor is not None:
                data = editors.setdefault(aeditor, _EditorData())
                prefix = _prefix(el, ans) or "?"
                data.attributes[prefix] = data.attributes.get(prefix, 0) + 1
                del el.attrib[attr]
            elif attr == "data-name":  # Illustrator's layer names, of no use to a browser
                layer_names += 1
                del el.attrib[attr]
    if metadata_lines:
        where = f" (line {metadata_lines[0]})" if len(metadata_lines) == 1 and metadata_lines[0] else ""
        removed.append(f"document metadata (a <metadata> element){where}")
    for editor, data in editors.items():
        removed.append(data.line(editor))
    if layer_names:
        removed.append(f"layer names from the drawing program ({counted(layer_names, 'data-name attribute')})")


# -- ids and references inside the file --------------------------------------------------------

_URL_ID = r"url\(\s*(['\"]?)#([^'\")\s]+)\1\s*\)"


def _is_href(attr: str) -> bool:
    return attr == "href" or attr == f"{{{XLINK_NS}}}href"


def internal_references(root: Any) -> dict[str, int]:
    """Every id the parsed SVG ``root`` refers to itself (``href="#x"``, ``url(#x)``), with how often.

    Why public: an id that the drawing uses internally (a gradient, a clip path) must survive
    any clean-up, and the GUI warns before an edit removes one (:func:`designer.core.iconrefs.id_uses`).
    """
    out: dict[str, int] = {}
    xlink_href = f"{{{XLINK_NS}}}href"
    # Written for speed: an import looks three times, and a traced drawing has 50,000 elements
    # whose values hold no reference. Counted in the order the ids are met (hrefs of an element
    # before its url()s), as callers list them in that order.
    for el in root.iter("*"):
        items = el.attrib.items()
        texts = [v for a, v in items if "url(" in v and a != "href" and a != xlink_href]
        for a, v in items:
            if (a == "href" or a == xlink_href) and v.startswith("#") and len(v) > 1:
                out[v[1:]] = out.get(v[1:], 0) + 1
        if _local(el.tag) == "style" and "url(" in (css := style_text(el)):
            texts.append(css)
        for text in texts:
            for m in re.finditer(_URL_ID, text):
                out[m.group(2)] = out.get(m.group(2), 0) + 1
    return out


def _replace_refs(root: Any, old: str, new: str | None) -> int:
    """Point ``#old`` references at ``#new``; with ``new`` None, ``url(#old)`` becomes ``none``."""
    count = 0
    pattern = re.compile(r"url\(\s*(['\"]?)#" + re.escape(old) + r"\1\s*\)")

    def sub(text: str) -> str:
        nonlocal count
        out, n = pattern.subn(lambda m: "none" if new is None else f"url(#{new})", text)
        count += n
        return out

    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for a, v in list(el.attrib.items()):
            if _is_href(a):
                if v == "#" + old and new is not None:
                    el.set(a, "#" + new)
                    count += 1
            elif "url(" in v:
                el.set(a, sub(v))
        if _local(el.tag) == "style" and "url(" in style_text(el):
            _edit_style(el, sub)
    return count


def _edit_style(el: Any, edit: Callable[[str], str]) -> None:
    """``edit`` applied to each piece of the CSS of the ``<style>`` ``el``: its text, and the text
    after each comment in it. Why each: the text alone is the CSS up to the first comment, and a
    reference after one was neither renamed with its id nor turned to the app's colour."""
    if el.text:
        el.text = edit(el.text)
    for child in el:
        if child.tail:
            child.tail = edit(child.tail)


# Words programs number their ids with, whatever the element: layer1 (Inkscape), Page-1 (Sketch)...
_GENERATED_WORDS = frozenset({"layer", "svg", "base", "namedview", "metadata", "defs", "page", "group", "artboard"})


def _is_generated_id(tag: str, value: str) -> bool:
    """Ids a drawing program makes up (``path815``, ``g10``, ``layer1``, ``XMLID_12_``, ``clip0_1_2``)."""
    m = re.fullmatch(r"([A-Za-z]+)-?\d+(?:[-_]\d+)*", value)
    if m and m.group(1).lower() in {tag.lower(), *_GENERATED_WORDS}:
        return True
    return bool(
        re.fullmatch(r"(?:XMLID|SVGID)_\d+_", value)
        or re.fullmatch(r"(?:Layer|Ebene|Calque|Capa|Livello|Laag|Warstwa)_\d+", value)
        or re.fullmatch(r"(?:clip|paint|filter|mask|pattern|image)\d+(?:_[A-Za-z0-9]+)*", value)
    )


def _unique(wanted: str, taken: set[str]) -> str:
    candidate, n = wanted, 1
    while candidate in taken:
        n += 1
        candidate = f"{wanted}-{n}"
    return candidate


def _repair_ids(
    root: Any, file_name: str, keep: set[str], removed: list[str], notes: list[str]
) -> tuple[str, list[str]]:
    """Give the root a valid id and leave no id the checker would report (PD420-PD422).

    Returns the root id and the kept ids that stayed invalid (the caller asked to keep them).
    """
    # Repeated ids: a reference finds the first one, so the copies' ids are dead weight.
    seen: set[str] = set()
    repeated: dict[str, int] = {}
    for el in root.iter():
        if not isinstance(el.tag, str) or el.get("id") is None:
            continue
        eid = el.get("id")
        if eid in seen:
            repeated[eid] = repeated.get(eid, 0) + 1
            del el.attrib["id"]
        else:
            seen.add(eid)
    if repeated:
        removed.append(
            f"{counted(sum(repeated.values()), 'repeated id')} ({_listing(repeated)}); "
            "only the first element with an id counts, so the copies lost theirs"
        )
    # Ids that are not valid names: rename what something needs, drop the rest.
    refs = internal_references(root)
    ids = {el.get("id") for el in root.iter() if isinstance(el.tag, str) and el.get("id") is not None}
    dropped_invalid: list[str] = []
    kept_invalid: list[str] = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        eid = el.get("id")
        if eid is None or is_valid_id(eid):
            continue
        if eid in keep and el is not root:
            kept_invalid.append(eid)
            continue
        if el is root or eid in refs or _local(el.tag) == "symbol":
            new = _unique(derive_icon_id(file_name) if el is root else derive_icon_id(eid), ids)
            el.set("id", new)
            ids.add(new)
            _replace_refs(root, eid, new)
            notes.append(f"renamed the id '{eid}' to '{new}' (an id cannot hold spaces or start with a digit)")
        else:
            del el.attrib["id"]
            dropped_invalid.append(eid)
    ids = {el.get("id") for el in root.iter() if isinstance(el.tag, str) and el.get("id") is not None}
    if dropped_invalid:
        removed.append(f"ids that are not valid names and nothing used ({_listing(repr(i) for i in dropped_invalid)})")
    # The root's id: the one a menu item names (file.svg#id). A program's own (svg5, Layer_1)
    # gives way to one from the file name unless something uses it.
    root_id = root.get("id")
    generated = root_id if root_id and root_id not in keep | set(refs) and _is_generated_id("svg", root_id) else None
    if not root_id or generated:
        ids.discard(generated)
        root_id = _unique(derive_icon_id(file_name), ids)
        root.set("id", root_id)
        if generated and generated != root_id:
            notes.append(f"replaced the drawing program's id '{generated}' of the drawing with '{root_id}'")
    ids.add(root_id)
    # References to ids that are not in the file: a case slip is repointed, the rest removed.
    lower = {i.lower(): i for i in ids}
    for ref in list(internal_references(root)):
        if ref in ids:
            continue
        case = lower.get(ref.lower())
        if case:
            _replace_refs(root, ref, case)
            notes.append(f"pointed the references to '#{ref}' at '#{case}' (letter case)")
            continue
        _replace_refs(root, ref, None)
        for el in list(root.iter()):
            if not isinstance(el.tag, str):
                continue
            for a, v in list(el.attrib.items()):
                if _is_href(a) and v == "#" + ref:
                    if _local(el.tag) == "use":
                        remove_element(el)
                        break
                    del el.attrib[a]
        removed.append(f"references to '#{ref}', which is not in the file (they showed nothing)")
    # Ids the drawing program made up and nothing uses: clutter in the icon picker.
    refs = internal_references(root)
    generated = []
    for el in root.iter():
        if not isinstance(el.tag, str) or el is root or _local(el.tag) == "symbol":
            continue
        eid = el.get("id")
        if eid and eid not in keep and eid not in refs and _is_generated_id(_local(el.tag), eid):
            generated.append(eid)
            del el.attrib["id"]
    if generated:
        removed.append(
            f"{counted(len(generated), 'automatic id')} from the drawing program that nothing uses "
            f"({_listing(generated)})"
        )
    return root_id, kept_invalid


# -- viewBox ------------------------------------------------------------------------------------

_UNIT_PX = {"": 1.0, "px": 1.0, "in": 96.0, "cm": 96 / 2.54, "mm": 96 / 25.4, "pt": 96 / 72, "pc": 16.0}


def _number(value: float) -> str:
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return text or "0"


def _viewbox_from_units(root: Any) -> str | None:
    """'0 0 W H' from width/height in absolute units (24mm, 0.25in): user units are CSS pixels."""
    dims = []
    for name in ("width", "height"):
        m = re.fullmatch(r"\s*([0-9]*\.?[0-9]+)\s*(px|in|cm|mm|pt|pc)?\s*", root.get(name) or "")
        if not m or float(m.group(1)) <= 0:
            return None
        dims.append(_number(float(m.group(1)) * _UNIT_PX[m.group(2) or ""]))
    return f"0 0 {dims[0]} {dims[1]}"


# -- single colour --------------------------------------------------------------------------------

# CSS's named colours and their values: a name is a colour to count and to tell light from dark.
_NAMED_RGB = dict(
    pair.split(":")
    for pair in """
    aliceblue:f0f8ff antiquewhite:faebd7 aqua:00ffff aquamarine:7fffd4 azure:f0ffff beige:f5f5dc bisque:ffe4c4
    black:000000 blanchedalmond:ffebcd blue:0000ff blueviolet:8a2be2 brown:a52a2a burlywood:deb887 cadetblue:5f9ea0
    chartreuse:7fff00 chocolate:d2691e coral:ff7f50 cornflowerblue:6495ed cornsilk:fff8dc crimson:dc143c cyan:00ffff
    darkblue:00008b darkcyan:008b8b darkgoldenrod:b8860b darkgray:a9a9a9 darkgreen:006400 darkgrey:a9a9a9
    darkkhaki:bdb76b darkmagenta:8b008b darkolivegreen:556b2f darkorange:ff8c00 darkorchid:9932cc darkred:8b0000
    darksalmon:e9967a darkseagreen:8fbc8f darkslateblue:483d8b darkslategray:2f4f4f darkslategrey:2f4f4f
    darkturquoise:00ced1 darkviolet:9400d3 deeppink:ff1493 deepskyblue:00bfff dimgray:696969 dimgrey:696969
    dodgerblue:1e90ff firebrick:b22222 floralwhite:fffaf0 forestgreen:228b22 fuchsia:ff00ff gainsboro:dcdcdc
    ghostwhite:f8f8ff gold:ffd700 goldenrod:daa520 gray:808080 green:008000 greenyellow:adff2f grey:808080
    honeydew:f0fff0 hotpink:ff69b4 indianred:cd5c5c indigo:4b0082 ivory:fffff0 khaki:f0e68c lavender:e6e6fa
    lavenderblush:fff0f5 lawngreen:7cfc00 lemonchiffon:fffacd lightblue:add8e6 lightcoral:f08080 lightcyan:e0ffff
    lightgoldenrodyellow:fafad2 lightgray:d3d3d3 lightgreen:90ee90 lightgrey:d3d3d3 lightpink:ffb6c1
    lightsalmon:ffa07a lightseagreen:20b2aa lightskyblue:87cefa lightslategray:778899 lightslategrey:778899
    lightsteelblue:b0c4de lightyellow:ffffe0 lime:00ff00 limegreen:32cd32 linen:faf0e6 magenta:ff00ff maroon:800000
    mediumaquamarine:66cdaa mediumblue:0000cd mediumorchid:ba55d3 mediumpurple:9370db mediumseagreen:3cb371
    mediumslateblue:7b68ee mediumspringgreen:00fa9a mediumturquoise:48d1cc mediumvioletred:c71585
    midnightblue:191970 mintcream:f5fffa mistyrose:ffe4e1 moccasin:ffe4b5 navajowhite:ffdead navy:000080
    oldlace:fdf5e6 olive:808000 olivedrab:6b8e23 orange:ffa500 orangered:ff4500 orchid:da70d6 palegoldenrod:eee8aa
    palegreen:98fb98 paleturquoise:afeeee palevioletred:db7093 papayawhip:ffefd5 peachpuff:ffdab9 peru:cd853f
    pink:ffc0cb plum:dda0dd powderblue:b0e0e6 purple:800080 rebeccapurple:000000 red:ff0000 rosybrown:bc8f8f
    royalblue:4169e1 saddlebrown:8b4513 salmon:fa8072 sandybrown:f4a460 seagreen:2e8b57 seashell:fff5ee
    sienna:a0522d silver:c0c0c0 skyblue:87ceeb slateblue:6a5acd slategray:708090 slategrey:708090 snow:fffafa
    springgreen:00ff7f steelblue:4682b4 tan:d2b48c teal:008080 thistle:d8bfd8 tomato:ff6347 turquoise:40e0d0
    violet:ee82ee wheat:f5deb3 white:ffffff whitesmoke:f5f5f5 yellow:ffff00 yellowgreen:9acd32
    """.split()
)
_NAMED_COLOURS = frozenset(_NAMED_RGB)
_COLOUR_FUNCTION = r"(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\([^()]*\)"
_HEX = r"#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})"
_DECLARATION = r"(?<![\w-])(fill|stroke)(\s*:\s*)([^;!}]*?)(\s*(?:!important\s*)?(?:;|}|$))"


def _is_solid_colour(value: str) -> bool:
    """A colour that paints (``#1e1e1e``, ``rgb(...)``, ``black``); not none, currentColor, url(#...), transparent."""
    v = value.strip()
    low = v.lower()
    return bool(
        re.fullmatch(_HEX, v) or re.fullmatch(_COLOUR_FUNCTION, low) or (low in _NAMED_COLOURS and low != "transparent")
    )


def _to_current_color(root: Any, gradients: bool = False) -> int:
    """Replace solid fill/stroke colours by ``currentColor``, so the app can colour the icon.

    Masks and clip paths are left alone: in a mask white means "visible", and a clip path's
    colour does not show, so changing them would break the drawing or inflate the count.
    With ``gradients``, a gradient paint (``url(#g)``) becomes ``currentColor`` too,
    and the gradients nothing uses any more are removed: "the app's colour" means the whole
    icon, and a gradient left as it was kept its own colours in a recoloured icon. (A pattern
    stays: it is mostly a picture, removed by the import, and would become a filled square.)
    """
    count = 0
    paint_servers = {
        el.get("id")
        for el in root.iter("*")
        if gradients and el.get("id") and _local(el.tag) in ("linearGradient", "radialGradient")
    }
    used_before = internal_references(root) if paint_servers else {}

    def convertible(value: str) -> bool:
        m = re.match(_URL_ID, value.strip()) if paint_servers else None
        return _is_solid_colour(value) or (m is not None and m.group(2) in paint_servers)

    def sub_css(text: str) -> str:
        nonlocal count

        def one(m: re.Match[str]) -> str:
            nonlocal count
            if not convertible(m.group(3)):
                return m.group(0)
            count += 1
            return f"{m.group(1)}{m.group(2)}currentColor{m.group(4)}"

        return re.sub(_DECLARATION, one, text)

    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if any(_local(a.tag) in ("mask", "clipPath") for a in el.iterancestors()) or _local(el.tag) in (
            "mask",
            "clipPath",
        ):
            continue
        for attr in ("fill", "stroke"):
            value = el.get(attr)
            if value is not None and convertible(value):
                el.set(attr, "currentColor")
                count += 1
        style = el.get("style")
        if style and ("fill" in style or "stroke" in style):
            el.set("style", sub_css(style))
        if _local(el.tag) == "style" and ("fill" in (css := style_text(el)) or "stroke" in css):
            _edit_style(el, sub_css)
    while paint_servers:  # (a gradient may take its stops from another one: that one goes next)
        used = internal_references(root)
        unused = [
            el for el in root.iter("*") if el.get("id") in paint_servers & set(used_before) and el.get("id") not in used
        ]
        for el in unused:
            paint_servers.discard(el.get("id"))
            remove_element(el)
        if not unused:
            break
    return count


# -- how many colours: the paints a drawing really uses -----------------------------------------

APP_COLOUR = "app"  # every colour becomes currentColor: the app draws the whole icon in its colour
CUT_OUT = "cut-out"  # currentColor, and the light details cut out of it (they show what is behind)
OWN_COLOURS = "own"  # the colours stay as they are

_LIGHT = 0.6  # relative luminance from which a colour is a "light" detail (#cccccc and lighter, yellow)
_SHAPES = frozenset({"path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan", "textPath"})
_NOT_DRAWN = frozenset(
    {
        "defs", "clipPath", "mask", "pattern", "marker", "symbol", "style", "title", "desc", "metadata",
        "linearGradient", "radialGradient", "filter", "script",
    }
)  # fmt: skip
_CSS_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_SIMPLE_SELECTOR = re.compile(r"\s*([A-Za-z][\w-]*|\*)?((?:[.#][\w-]+)*)\s*")


@dataclass(frozen=True)
class Paint:
    """One paint a drawing really uses: a colour, ``currentColor`` or a gradient.

    ``key`` tells paints apart (``#1565c0`` for ``#1565C0`` and ``rgb(21, 101, 192)`` alike,
    ``currentColor``, ``url(#id)``); ``words`` name it for a non-developer ("blue (#1565C0)",
    "white", "a gradient (blue to white)") and ``name`` in one word or two ("blue", "gradient");
    ``light`` is a near-white colour (light enough to be the usual cut-out detail);
    ``shapes`` counts the shapes painted with it (0: a style rule the designer cannot follow).
    """

    key: str
    words: str
    name: str
    light: bool
    shapes: int


def _channel(text: str, scale: float = 255.0) -> float:
    text = text.strip()
    value = float(text[:-1]) / 100 if text.endswith("%") else float(text) / scale
    return min(1.0, max(0.0, value))


def _colour_rgba(value: str) -> tuple[float, float, float, float] | None:
    """``value`` as red, green, blue and alpha from 0 to 1; None when it is no colour the designer reads."""
    v = value.strip().lower()
    v = "#" + _NAMED_RGB[v] if v in _NAMED_RGB else v
    try:
        if re.fullmatch(_HEX, v):
            digits = v[1:]
            if len(digits) in (3, 4):
                digits = "".join(c * 2 for c in digits)
            parts = [int(digits[i : i + 2], 16) / 255 for i in range(0, len(digits), 2)]
            return (parts[0], parts[1], parts[2], parts[3] if len(parts) == 4 else 1.0)
        m = re.fullmatch(r"(rgba?|hsla?)\(([^()]*)\)", v)
        if m is None:
            return None
        args = [a for a in re.split(r"[\s,/]+", m.group(2).strip()) if a]
        if len(args) not in (3, 4):
            return None
        alpha = _channel(args[3], 1.0) if len(args) == 4 else 1.0
        if m.group(1).startswith("rgb"):
            return (_channel(args[0]), _channel(args[1]), _channel(args[2]), alpha)
        import colorsys

        hue = float(args[0].removesuffix("deg")) / 360 % 1.0
        red, green, blue = colorsys.hls_to_rgb(hue, _channel(args[2], 100.0), _channel(args[1], 100.0))
        return (red, green, blue, alpha)
    except ValueError:
        return None


def _luminance(rgb: tuple[float, float, float, float]) -> float:
    """The relative luminance of WCAG: 0 for black, 1 for white (yellow is light, blue is dark)."""

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2])


def _colour_name(rgb: tuple[float, float, float, float]) -> str:
    """A colour in everyday words ("blue", "light grey", "white"): what a designer calls it."""
    import colorsys

    hue, lightness, saturation = colorsys.rgb_to_hls(rgb[0], rgb[1], rgb[2])
    if saturation < 0.15 or lightness > 0.96 or lightness < 0.06:
        if lightness > 0.93:
            return "white"
        if lightness < 0.12:
            return "black"
        return "light grey" if lightness > 0.7 else "dark grey" if lightness < 0.3 else "grey"
    degrees = hue * 360
    bounds = ((15, "red"), (45, "orange"), (70, "yellow"), (165, "green"), (195, "turquoise"), (255, "blue"))
    name = next((n for top, n in bounds if degrees < top), "")
    name = name or ("purple" if degrees < 290 else "pink" if degrees < 345 else "red")
    return f"light {name}" if lightness > 0.75 else f"dark {name}" if lightness < 0.25 else name


def _declarations(text: str) -> dict[str, str]:
    """``fill: red; stroke: none`` as {"fill": "red", "stroke": "none"} (the last one counts)."""
    out: dict[str, str] = {}
    for part in text.split(";"):
        name, colon, value = part.partition(":")
        if colon:
            out[name.strip().lower()] = re.sub(r"\s*!\s*important\s*$", "", value.strip(), flags=re.IGNORECASE)
    return out


class _Styles:
    """The fill, stroke and color an element paints with: its style, the <style> rules, its attributes,
    what it inherits. Rules with selectors other than a tag, class or id (``g > path``) cannot be
    followed element by element: their colours are listed apart, so they are still counted."""

    def __init__(self, root: Any, keys: Collection[str] = ("fill", "stroke", "color")) -> None:
        """``keys``: the properties followed (a shape copied out of the icon takes all its paint)."""
        # (specificity, order, tag, the .class and #id marks, declarations), the weakest first
        self.rules: list[tuple[tuple[int, int, int], int, str, tuple[str, ...], dict[str, str]]] = []
        self.unfollowed: list[str] = []  # paint values of rules the designer cannot match to elements
        for style in root.iter("{*}style", "style"):
            css = re.sub(r"/\*.*?\*/", "", "".join(style.itertext()), flags=re.DOTALL)
            for m in _CSS_RULE.finditer(css):
                decls = {k: v for k, v in _declarations(m.group(2)).items() if k in keys}
                for selector in m.group(1).split(",") if decls else ():
                    simple = _SIMPLE_SELECTOR.fullmatch(selector)
                    if simple is None or not selector.strip():
                        self.unfollowed.extend(v for k, v in decls.items() if k != "color")
                        continue
                    tag = simple.group(1) or "*"
                    marks = tuple(re.findall(r"[.#][\w-]+", simple.group(2)))
                    ids = sum(1 for x in marks if x[0] == "#")
                    specificity = (ids, len(marks) - ids, 0 if tag == "*" else 1)
                    self.rules.append((specificity, len(self.rules), tag, marks, decls))
        self.rules.sort(key=lambda rule: rule[:2])

    def own(self, el: Any, name: str) -> str | None:
        """The value ``el`` itself sets for the property ``name`` (None: it inherits)."""
        style = el.get("style")
        inline = _declarations(style).get(name) if style and name in style else None
        if inline is not None:
            return inline
        found = self.from_rules(el, name)
        return found if found is not None else el.get(name)

    def from_rules(self, el: Any, name: str) -> str | None:
        """The value the <style> rules give ``el`` for the property ``name`` (None: they give none)."""
        if not self.rules:
            return None
        classes = (el.get("class") or "").split()
        found = None
        for _specificity, _order, tag, marks, decls in self.rules:
            if name not in decls or (tag != "*" and tag != _local(el.tag)):
                continue
            if all((m[1:] in classes) if m[0] == "." else el.get("id") == m[1:] for m in marks):
                found = decls[name]  # sorted by weight: the last match wins
        return found


def _no_area(el: Any) -> bool:
    """A shape whose fill cannot show: a line, or a path of one straight segment ("M8 12h8").

    Why: hand-written icons draw their lines as strokes and leave the fill as it is (black), so
    "black" was counted as a colour the drawing never shows."""
    name = _local(el.tag)
    if name == "line":
        return True
    if name == "path":
        return bool(re.fullmatch(r"\s*[Mm][^A-Za-z]*[LlHhVv][^A-Za-z]*", el.get("d") or ""))
    if name == "polyline":
        return len(re.findall(r"[-+]?(?:\d*\.\d+|\d+\.?)(?:[eE][-+]?\d+)?", el.get("points") or "")) <= 4
    return False


@dataclass
class _Drawn:
    """A shape as drawn: its element and the keys of its fill and stroke paints (None: no paint)."""

    el: Any
    fill: str | None
    stroke: str | None


class _ColourScan:
    """Every shape of a drawing with its paints, and why its light details could not be cut out."""

    def __init__(self, root: Any) -> None:
        self.root = root
        self.styles = _Styles(root)
        self.by_id = {el.get("id"): el for el in root.iter("*") if el.get("id")}
        self.drawn: list[_Drawn] = []
        self.words: dict[str, str] = {}
        self.names: dict[str, str] = {}
        self._keys: dict[tuple[str, str], Any] = {}
        self._used: set[int] = set()  # the elements <use> drew, looked at
        self.light: dict[str, bool] = {}
        self.cannot_cut: str | None = None
        self._visit(root, {"fill": "black", "stroke": "none", "color": "currentColor"}, 0, nested=False)
        for value in self.styles.unfollowed:
            if (key := self._key(value, "currentColor")) is not None:
                self.words.setdefault(key, "")
                self.cannot_cut = self.cannot_cut or "its colours are set by style rules the designer cannot follow"
        if _view_box(root) is None:
            box = "it has no viewBox" if root.get("viewBox") is None else "its viewBox cannot be read"
            self.cannot_cut = self.cannot_cut or box

    def _key(self, value: str, color: str) -> str | None:
        """The paint ``value`` as a key (see :class:`Paint`), remembering its words; None for no paint."""
        known = self._keys.get((value, color), self)
        if known is not self:  # (a traced drawing paints 50,000 shapes with a handful of values)
            return known  # type: ignore[return-value]
        key = self._keys[(value, color)] = self._new_key(value, color)
        return key

    def _new_key(self, value: str, color: str) -> str | None:
        v = value.strip()
        low = v.lower()
        if low in ("", "none", "transparent"):
            return None
        if low == "currentcolor":
            if color.strip().lower() == "currentcolor":
                self.words.setdefault("currentColor", "the app's colour (currentColor)")
                self.names.setdefault("currentColor", "app's colour")
                self.light.setdefault("currentColor", False)
                return "currentColor"
            return self._key(color, "currentColor")
        m = re.match(_URL_ID, v)
        if m is not None:
            target = self.by_id.get(m.group(2))
            if target is not None and _local(target.tag) in ("linearGradient", "radialGradient", "pattern"):
                key = f"url(#{m.group(2)})"
                if key not in self.words:
                    stops = [self.styles.own(s, "stop-color") or "black" for s in target.iter("{*}stop", "stop")]
                    rgbs = [c for c in map(_colour_rgba, stops) if c is not None]
                    self.light[key] = bool(rgbs) and all(_luminance(c) >= _LIGHT for c in rgbs)
                    names = list(dict.fromkeys(_colour_name(c) for c in rgbs))
                    what = "a gradient" if "Gradient" in target.tag else "a pattern"
                    self.words[key] = f"{what} ({' to '.join(names[:: max(1, len(names) - 1)])})" if names else what
                    self.names[key] = what.split()[-1]
                return key
            rest = v[m.end() :].strip()
            return self._key(rest, color) if rest else None  # the fallback paints when the target is gone
        rgba = _colour_rgba(v)
        if rgba is None:
            self.words.setdefault(v, v)
            self.light.setdefault(v, False)
            return v
        if rgba[3] == 0:
            return None
        key = "#" + "".join(f"{round(c * 255):02x}" for c in rgba[:3])
        if key not in self.words:
            name = _colour_name(rgba)
            self.words[key] = name if low == name else f"{name} ({v})"
            self.names[key] = name
            self.light[key] = _luminance(rgba) >= _LIGHT
        return key

    def _visit(self, el: Any, inherited: dict[str, str], depth: int, nested: bool) -> None:
        name = _local(el.tag)
        if depth > 300 or (name in _NOT_DRAWN and depth):  # (the parser allows 256 levels)
            return
        values = {}
        for prop in ("color", "fill", "stroke"):
            own = self.styles.own(el, prop)
            values[prop] = inherited[prop] if own is None or own.strip().lower() == "inherit" else own
        if name == "svg" and depth:
            nested = True
        if name in _SHAPES and ((el.text or "").strip() or name not in ("text", "tspan", "textPath")):
            fill = None if _no_area(el) else self._key(values["fill"], values["color"])
            drawn = _Drawn(el, fill, self._key(values["stroke"], values["color"]))
            self.drawn.append(drawn)
            if nested and (drawn.fill or drawn.stroke):
                self.cannot_cut = self.cannot_cut or "it has a drawing inside its drawing (an <svg> in the <svg>)"
        if name == "text" and any(isinstance(c.tag, str) for c in el):
            self.cannot_cut = self.cannot_cut or "it has text in several styles"
        if name == "use":
            target = self.by_id.get((el.get("href") or el.get(f"{{{XLINK_NS}}}href") or "").removeprefix("#"))
            # each part drawn again is looked at once: <use>s of <use>s of ... multiply like entities
            if target is not None and id(target) not in self._used:
                self._used.add(id(target))
                self.cannot_cut = self.cannot_cut or "it draws parts of itself again (<use>)"
                wrapper_values = dict(values)
                if _local(target.tag) == "symbol":
                    for child in target:
                        if isinstance(child.tag, str):
                            self._visit(child, wrapper_values, depth + 1, nested)
                else:
                    self._visit(target, wrapper_values, depth + 1, nested)
            return
        for child in el:
            if isinstance(child.tag, str):
                self._visit(child, values, depth + 1, nested)
        if depth == 0:
            for symbol in el.iter("{*}symbol", "symbol"):
                self.cannot_cut = self.cannot_cut or "it is a sprite of several icons"
                for child in symbol:
                    if isinstance(child.tag, str):
                        self._visit(child, values, 2, True)

    def paints(self) -> list[Paint]:
        """The paints, most used first (then in the order they are drawn)."""
        counts: dict[str, int] = {key: 0 for key in self.words}
        for drawn in self.drawn:
            for key in {drawn.fill, drawn.stroke} - {None}:
                counts[key] = counts.get(key, 0) + 1
        ordered = sorted(counts, key=lambda k: -counts[k])  # a stable sort: ties stay in drawing order
        return [
            Paint(k, self.words.get(k) or k, self.names.get(k) or k, self.light.get(k, False), counts[k])
            for k in ordered
        ]


def _view_box(root: Any) -> tuple[float, float, float, float] | None:
    """The root's viewBox as numbers; None when it has none or one that draws nothing."""
    try:
        x, y, width, height = (float(n) for n in re.split(r"[\s,]+", (root.get("viewBox") or "").strip()))
    except ValueError:
        return None
    return (x, y, width, height) if width > 0 and height > 0 else None


def _mask_paint(key: str | None, light: set[str] | frozenset[str]) -> str:
    return "none" if key is None else "black" if key in light else "white"


_PATH_TOKEN = re.compile(r"([MmLlHhVvCcSsQqTtAaZz])|([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)")
_LENGTH = re.compile(r"\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*$")  # a number of user units
_PATH_ARGS = {"M": 2, "L": 2, "H": 1, "V": 1, "C": 6, "S": 4, "Q": 4, "T": 2, "A": 7, "Z": 0}


def _path_points(d: str) -> list[tuple[float, float]]:
    """Every point a path's data names (ends and control points, absolute): its box holds the path."""
    points: list[tuple[float, float]] = []
    x = y = sx = sy = 0.0
    command, args = "", []
    at = 0
    while (m := _PATH_TOKEN.search(d, at)) is not None:
        at = m.end()
        if m.group(1):
            command, args = m.group(1), []
            if command in "Zz":
                x, y = sx, sy
            continue
        if not command or command in "Zz":
            return points  # numbers before any command: the rest does not draw
        if command in "Aa" and len(args) in (3, 4) and m.group(2)[:1] in "01" and len(m.group(2)) > 1:
            # An arc's flags are one digit each, written without a space by optimisers
            # (``a2 2 0 014 0``: flags 0 and 1, then 4): read as the number 14, the arc and
            # every point after it were lost, and a detail lying on the base seemed beside it.
            at = m.start() + 1
            args.append(float(m.group(2)[0]))
            continue
        args.append(float(m.group(2)))
        upper, rel = command.upper(), command.islower()
        if len(args) < _PATH_ARGS[upper]:
            continue
        ox, oy = (x, y) if rel else (0.0, 0.0)
        if upper == "H":
            x = args[0] + (x if rel else 0.0)
        elif upper == "V":
            y = args[0] + (y if rel else 0.0)
        elif upper == "A":
            rx, ry = abs(args[0]), abs(args[1])
            points += [(x - rx, y - ry), (x + rx, y + ry)]
            x, y = args[5] + ox, args[6] + oy
            points += [(x - rx, y - ry), (x + rx, y + ry)]
        else:
            points += [(args[i] + ox, args[i + 1] + oy) for i in range(0, len(args) - 2, 2)]
            x, y = args[-2] + ox, args[-1] + oy
        points.append((x, y))
        if upper == "M":
            sx, sy = x, y
            command = "l" if rel else "L"  # more pairs after a move are lines
        args = []
    return points


def _box(el: Any, root: Any) -> tuple[float, float, float, float] | None:
    """The box a shape covers (left, top, right, bottom), at least; None when the designer cannot
    tell (a transform on the way, text, a shape it does not measure)."""
    if any(a.get("transform") for a in (el, *el.iterancestors()) if a is not root):
        return None
    name = _local(el.tag)

    def n(attr: str) -> float:
        m = _LENGTH.match(el.get(attr) or "0")
        if m is None:
            raise ValueError(attr)
        return float(m.group(1))

    try:
        if name == "rect":
            return n("x"), n("y"), n("x") + n("width"), n("y") + n("height")
        if name in ("circle", "ellipse"):
            rx = n("r") if name == "circle" else n("rx")
            ry = n("r") if name == "circle" else n("ry")
            return n("cx") - rx, n("cy") - ry, n("cx") + rx, n("cy") + ry
        if name == "line":
            return min(n("x1"), n("x2")), min(n("y1"), n("y2")), max(n("x1"), n("x2")), max(n("y1"), n("y2"))
    except ValueError:
        return None
    if name in ("polyline", "polygon", "path"):
        if name == "path":
            points = _path_points(el.get("d") or "")
        else:
            nums = [float(v) for v in re.findall(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?", el.get("points") or "")]
            points = list(zip(nums[::2], nums[1::2], strict=False))
        if points:
            xs, ys = [p[0] for p in points], [p[1] for p in points]
            return min(xs), min(ys), max(xs), max(ys)
    return None


def _overlap(a: tuple[float, float, float, float] | None, b: tuple[float, float, float, float] | None) -> bool:
    """Whether two boxes meet; an unknown box (None) may meet anything."""
    if a is None or b is None:
        return True
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _cut_plan(scan: _ColourScan, paints: list[Paint]) -> tuple[list[str], int, dict[int, frozenset[str]]]:
    """Which paints are details to cut out, how many shapes are painted with them, and which
    paints of which shapes (by ``id()`` of the element) the cut-out cuts.

    The light colours (white, near white) are the details when there are any: a white knob on a
    door, always cut where it is drawn. A drawing without one (black with dark grey details,
    navy with black) has its details in another dark colour: every colour but the one the
    drawing starts with (its base, the first shape painted) is a detail, cut out only where a
    shape lies on a shape drawn before it in another colour, as far as their boxes tell. Why not
    everywhere: a dark part beside the others (an arrow next to a phone) is meant to show, and
    a cut-out there is a hole in nothing; it takes the app's colour instead.
    """
    lights = [p.key for p in paints if p.light]
    if lights and len(lights) == len(paints):
        return [], 0, {}  # a white drawing: cut out of nothing, it would vanish
    if lights:
        keys = frozenset(lights)
        cuts = {id(d.el): keys for d in scan.drawn if d.fill in keys or d.stroke in keys}
        return lights, len(cuts), cuts
    base = next((d.fill or d.stroke for d in scan.drawn if d.fill or d.stroke), None)
    details = [p.key for p in paints if p.key != base and p.shapes]
    if base is None or not details:
        return [], 0, {}
    keys = frozenset(details)
    cuts: dict[int, frozenset[str]] = {}
    painted = 0
    below = _Boxes(_view_box(scan.root) or (0.0, 0.0, 24.0, 24.0))
    for drawn in scan.drawn:
        own = frozenset(k for k in (drawn.fill, drawn.stroke) if k is not None)
        if not own:
            continue
        box = _box(drawn.el, scan.root)
        if own & keys:
            painted += 1
            if below.meets(box, own):
                cuts[id(drawn.el)] = keys
        below.add(box, own)
    return details, painted, cuts


class _Boxes:
    """The boxes of the shapes drawn so far, by place: which one a new shape lies on is found
    among those near it. Why: a traced drawing of 20,000 shapes in two dark colours compared
    each with all before it, 47 s. What cannot be placed (no box, or a box over a large part of
    the drawing) is compared with every new shape, up to a budget; past it a shape is taken to
    lie on another, as one the designer cannot measure is."""

    _CELLS = 32
    _BUDGET = 200_000

    def __init__(self, view_box: tuple[float, float, float, float]) -> None:
        self.x, self.y = view_box[0], view_box[1]
        self.w, self.h = view_box[2] / self._CELLS, view_box[3] / self._CELLS
        self.cells: dict[tuple[int, int], list[tuple[frozenset[str], tuple[float, float, float, float]]]] = {}
        self.wide: list[tuple[frozenset[str], tuple[float, float, float, float] | None]] = []
        self.budget = self._BUDGET

    def _span(self, box: tuple[float, float, float, float]) -> tuple[range, range] | None:
        def cell(value: float, origin: float, size: float) -> int:
            return max(-1, min(self._CELLS, math.floor((value - origin) / size)))

        cols = range(cell(box[0], self.x, self.w), cell(box[2], self.x, self.w) + 1)
        rows = range(cell(box[1], self.y, self.h), cell(box[3], self.y, self.h) + 1)
        return (cols, rows) if len(cols) * len(rows) <= 16 else None

    def add(self, box: tuple[float, float, float, float] | None, paints: frozenset[str]) -> None:
        span = self._span(box) if box is not None and all(map(math.isfinite, box)) else None
        if span is None:
            self.wide.append((paints, box))
            return
        for col in span[0]:
            for row in span[1]:
                self.cells.setdefault((col, row), []).append((paints, box))  # type: ignore[arg-type]

    def meets(self, box: tuple[float, float, float, float] | None, own: frozenset[str]) -> bool:
        """Whether ``box`` meets the box of a shape drawn before in another paint."""
        span = self._span(box) if box is not None and all(map(math.isfinite, box)) else None
        near = [self.wide] + ([self.cells.get((c, r), []) for c in span[0] for r in span[1]] if span else [])
        if span is None:
            near += list(self.cells.values())
        for entries in near:
            self.budget -= len(entries)
            if self.budget < 0:
                return True
            if any(paints - own and _overlap(box, other) for paints, other in entries):
                return True
        return False


def _cut_out(root: Any, scan: _ColourScan, root_id: str, cuts: dict[int, frozenset[str]]) -> int:
    """Cut the light details out of the rest of the drawing; returns how many shapes are cut out.

    The drawing goes into a group with a mask: white (shown) everywhere, black (cut) where a
    light shape lies on top, then white again where a coloured shape is drawn over that, as the
    file stacks them. Why a cut-out and not a fixed white: the app draws its dark toolbar's icons
    in a light colour, and a white knob on a white door vanishes; a hole shows the toolbar behind
    it on light and dark alike. Why the shapes stay in the drawing (in the app's colour): their
    ids and the file's structure stay as they were, and the icon editor shows them.
    """
    from lxml import etree

    first = next((i for i, d in enumerate(scan.drawn) if id(d.el) in cuts), None)
    box = _view_box(root)
    if first is None or box is None:
        return 0
    x, y, width, height = box
    ns = root.tag[: -len("svg")]
    mask_id = _unique(f"{root_id}-cut-out", set(scan.by_id))
    # the viewBox and as much again all round: strokes and shapes that stick out are cut as well
    area = {
        "x": _number(x - width),
        "y": _number(y - height),
        "width": _number(3 * width),
        "height": _number(3 * height),
    }
    mask = etree.Element(ns + "mask", {"id": mask_id, "maskUnits": "userSpaceOnUse", **area})
    etree.SubElement(mask, ns + "rect", {**area, "fill": "white"})
    for drawn in scan.drawn[first:]:
        cut = cuts.get(id(drawn.el), frozenset())
        mask.append(cut_out_copy(drawn.el, root, _mask_paint(drawn.fill, cut), _mask_paint(drawn.stroke, cut)))
    drawing = [c for c in root if not (isinstance(c.tag, str) and _local(c.tag) in ("defs", "style", "title", "desc"))]
    position = root.index(drawing[0]) if drawing else len(root)
    group = etree.Element(ns + "g", {"mask": f"url(#{mask_id})"})
    for child in drawing:
        group.append(child)
    defs = etree.Element(ns + "defs")
    defs.append(mask)
    root.insert(position, group)
    root.insert(position, defs)
    return len(cuts)


CUT_OUT_SHAPES = _SHAPES  # the elements a cut-out mask holds a copy of


def cut_out_copy(el: Any, top: Any, fill: str, stroke: str) -> Any:
    """The copy of the shape ``el`` that a cut-out mask holds, painted ``fill`` and ``stroke``
    (``black`` cuts, ``white`` shows, ``none``).

    The copy sits in groups that repeat what each ancestor of ``el`` below ``top`` (the masked
    group, or the root while importing) does to it: its transform, clip path, opacity, widths...
    Why public: the icon editor makes the same copy again when the shape is moved or changed
    (:mod:`designer.core.svgedit`), so the hole goes where the shape goes; and it finds a
    shape's copy by comparing it with the one this function would make.
    """
    from copy import deepcopy

    from lxml import etree

    ns = el.tag[: -len(_local(el.tag))]
    outer: Any = None
    holder: Any = None
    ancestors = []
    for ancestor in el.iterancestors():
        if ancestor is top:
            break
        ancestors.append(ancestor)
    for ancestor in reversed(ancestors):
        group = etree.Element(ns + "g", nsmap=el.nsmap)  # its transform, clip path, opacity, widths...
        for attr, value in ancestor.attrib.items():
            if attr not in ("id", "filter") and not _is_href(attr):
                group.set(attr, value)
        if holder is None:
            outer = group
        else:
            holder.append(group)
        holder = group
    copy = deepcopy(el)
    copy.tail = None
    for part in copy.iter("*"):
        part.attrib.pop("id", None)
    copy.attrib.pop("fill", None)
    copy.attrib.pop("stroke", None)
    kept = [f"{k}:{v}" for k, v in _declarations(copy.get("style") or "").items() if k not in ("fill", "stroke")]
    copy.set("style", ";".join([*kept, f"fill:{fill};stroke:{stroke}"]))
    if holder is None:
        return copy
    holder.append(copy)
    return outer


# -- layout ----------------------------------------------------------------------------------------

_TEXTUAL = frozenset({"text", "tspan", "textPath", "style", "title", "desc"})


def _indent(el: Any, level: int = 0, unit: str = "  ") -> None:
    """One element per line, two spaces per level; text content (where spaces count) is left alone."""
    children = list(el)
    if not children or _local(el.tag) in _TEXTUAL:
        return
    if (el.text and el.text.strip()) or any(c.tail and c.tail.strip() for c in children):
        return  # mixed content: its whitespace may be part of what it shows
    inner = "\n" + unit * (level + 1)
    el.text = inner
    for child in children:
        child.tail = inner
        if isinstance(child.tag, str):
            _indent(child, level + 1, unit)
    children[-1].tail = "\n" + unit * level


def _in_svg_namespace(root: Any, notes: list[str]) -> Any:
    """A root without ``xmlns`` is not an SVG to a browser: move every unqualified element into it."""
    from lxml import etree

    if root.tag.startswith("{"):
        return root
    nsmap = {None: SVG_NS, **{p: u for p, u in (root.nsmap or {}).items() if p}}
    new_root = etree.Element(f"{{{SVG_NS}}}{root.tag}", nsmap=nsmap)
    for k, v in root.attrib.items():
        new_root.set(k, v)
    new_root.text = root.text
    for child in list(root):
        new_root.append(child)
    for el in new_root.iter():
        if isinstance(el.tag, str) and not el.tag.startswith("{"):
            el.tag = f"{{{SVG_NS}}}{el.tag}"
    notes.append('added the SVG namespace (xmlns="http://www.w3.org/2000/svg") the file was missing')
    return new_root


def _order_root_attributes(root: Any) -> None:
    """``id`` first and ``viewBox`` next to ``width``/``height``: the attributes people look for."""
    items = list(root.attrib.items())
    first = [(k, v) for k, v in items if k == "id"]
    rest = [(k, v) for k, v in items if k not in ("id", "viewBox")]
    vb = [(k, v) for k, v in items if k == "viewBox"]
    root.attrib.clear()
    for k, v in first + vb + rest:
        root.set(k, v)


# -- the pipeline ------------------------------------------------------------------------------------


def _unreadable(info: SvgInfo, what: str, file_name: str = "") -> SvgImportError:
    """The parser's complaint, with its position said once (libxml2 repeats it in the message)."""
    msg = re.sub(r",?\s*line \d+, column \d+\s*$", "", info.error or "not well-formed") or info.error
    return SvgImportError(
        f"{what} cannot be read as SVG: {msg} (line {info.line}, column {info.column})",
        info.line,
        info.column,
        file_name,
    )


# The first bytes of the pictures people take for icons, to name them instead of saying "no XML".
_PICTURE_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG picture"),
    (b"\xff\xd8\xff", "a JPEG photo"),
    (b"GIF87a", "a GIF picture"),
    (b"GIF89a", "a GIF picture"),
    (b"BM", "a BMP picture"),
    (b"%PDF", "a PDF document"),
    (b"\x00\x00\x01\x00", "an ICO icon"),
    (b"II*\x00", "a TIFF picture"),
    (b"MM\x00*", "a TIFF picture"),
)


def _parse(data: bytes, file_name: str) -> Any:
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        kind: str | None = "a WebP picture"
    else:
        kind = next((what for magic, what in _PICTURE_MAGIC if data.startswith(magic)), None)
    if kind is not None:
        raise SvgImportError(
            f"{file_name} is {kind}, not an SVG drawing. Icons must be SVG: export it as SVG from your drawing "
            "program, or pick one of the built-in icons",
            1,
            1,
            file_name,
        )
    if data[:2] == b"\x1f\x8b":
        raise SvgImportError(
            f"{file_name} is a compressed SVG (.svgz): save it as a plain SVG in your drawing program", 1, 1, file_name
        )
    if not data.strip():
        raise SvgImportError(f"{file_name} is empty", 1, 1, file_name)
    info = read_svg(data)
    if not info.ok or info.tree is None:
        raise _unreadable(info, file_name, file_name)
    ns = info.tree.tag[1:].split("}", 1)[0] if info.tree.tag.startswith("{") else ""
    if info.root_tag != "svg" or ns not in ("", SVG_NS):
        raise SvgImportError(
            f"{file_name} is XML but not an SVG drawing (its main element is <{info.root_tag}>"
            + (f" in the namespace {ns}" if ns and info.root_tag == "svg" else "")
            + ")",
            info.tree.sourceline or 1,
            1,
            file_name,
        )
    return info.tree


def import_svg(
    data: bytes,
    file_name: str,
    keep_ids: Iterable[str] = (),
    to_current_color: bool = False,
    colours: str | None = None,
) -> SvgImport:
    """Make a safe, tidy icon of ``data`` (the bytes of ``file_name``); raise :class:`SvgImportError`
    when it is not well-formed XML or not SVG.

    ``keep_ids`` are ids something outside the file uses (menu items of the plugin the icon
    replaces): they are never removed as clutter, and :attr:`SvgImport.lost_ids` says if one
    was on unsafe content and had to go. ``to_current_color`` turns solid fill and stroke
    colours into ``currentColor`` so the app draws the icon in its own colour (``colours`` =
    :data:`APP_COLOUR`); ``colours`` = :data:`CUT_OUT` does that and cuts the light details
    (white, near-white) out of the rest, so they still show; :data:`OWN_COLOURS` keeps them.
    """
    from lxml import etree

    root = _parse(data, file_name)
    keep = set(keep_ids)
    removed: list[str] = []
    notes: list[str] = []
    dropped_ids: list[str] = []
    _strip_editor_data(root, removed, dropped_ids)
    lost = sanitise_tree(root, removed)
    root = _in_svg_namespace(root, notes)
    root_id, kept_invalid = _repair_ids(root, file_name, keep, removed, notes)
    if kept_invalid:
        notes.append(
            f"kept the ids {_listing(repr(i) for i in kept_invalid)} as asked, although they are not valid names"
        )
    viewbox_added = False
    sprite = any(_local(el.tag) == "symbol" for el in root.iter())
    if root.get("viewBox") is None:
        vb = viewbox_from_size(SvgInfo(True, tree=root)) or _viewbox_from_units(root)
        if vb:
            root.set("viewBox", vb)
            viewbox_added = True
        elif not sprite:
            size = " ".join(f'{a}="{root.get(a)}"' for a in ("width", "height") if root.get(a) is not None)
            notes.append(
                "the drawing has no viewBox and none could be worked out from its size "
                f"({size or 'it gives none'}), so it may not scale to the button; "
                'add one such as viewBox="0 0 24 24"'
            )
    mode = colours or (APP_COLOUR if to_current_color else OWN_COLOURS)
    scan = _ColourScan(root)
    paints = scan.paints()
    blocked = scan.cannot_cut or ""
    cut = 0
    details, detail_shapes, cuts = _cut_plan(scan, paints)
    if mode == CUT_OUT:
        cut = _cut_out(root, scan, root_id, cuts) if not blocked else 0
        if blocked and details:
            what = "light details" if any(p.light for p in paints) else "details in other colours"
            notes.append(f"its {what} could not be cut out ({blocked}): they take the app's colour too")
    converted = _to_current_color(root, gradients=True) if mode in (APP_COLOUR, CUT_OUT) else 0
    for el in [el for el in root.iter() if _local(el.tag) in ("defs", "use")]:
        if _local(el.tag) == "use" and not (el.get("href") or el.get(f"{{{XLINK_NS}}}href")):
            remove_element(el)  # its outside link was removed: it shows nothing
        elif _local(el.tag) == "defs" and len(el) == 0 and not (el.text or "").strip() and not el.attrib:
            remove_element(el)  # an empty <defs/> left by the editor
    etree.cleanup_namespaces(root)
    _order_root_attributes(root)
    _indent(root)
    root.tail = None
    text = etree.tostring(root, encoding="unicode")
    had_decl = data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<?xml")
    text = ('<?xml version="1.0" encoding="UTF-8"?>\n' if had_decl else "") + text + "\n"
    out = text.encode("utf-8")
    checked = read_svg(out)
    if not checked.ok:  # cannot happen with the sanitiser; refuse rather than hand back a broken icon
        raise SvgImportError(f"{file_name} could not be converted into a readable icon.", 1, 1, file_name)
    findings = scan_svg(out, checked)
    unsafe = [f for f in findings if f.sanitisable]
    if unsafe:  # cannot happen with the allowlist; refuse rather than hand back an unsafe icon
        raise SvgImportError(f"{file_name} could not be made safe: {unsafe[0].detail}", unsafe[0].line, 1, file_name)
    notes.extend(f.detail for f in findings if f.code != "PD430")
    present = set(checked.ids)
    lost_ids = sorted({i for i in (*dropped_ids, *lost) if i in keep and i not in present})
    if lost_ids:
        were = "id " + repr(lost_ids[0]) + " was" if len(lost_ids) == 1 else f"ids {_listing(map(repr, lost_ids))} were"
        notes.append(f"the {were} on content that had to be removed; menu items that use it will show no icon")
    return SvgImport(
        text, root_id, removed, converted, viewbox_added, notes, lost_ids, paints, cut, blocked, details, detail_shapes
    )


def svg_symbols(data: bytes) -> list[SvgSymbol]:
    """Every ``<symbol id>`` of a sprite file in document order, so each can be picked as an icon.

    A menu item names one as ``sprite.svg#id``; the checker accepts any element id there
    (checks/icons.py looks the fragment up among all ids), so each symbol is a usable icon.
    Raises :class:`SvgImportError` when the file is not readable XML.
    """
    info = read_svg(data)
    if not info.ok or info.tree is None:
        raise _unreadable(info, "the file")
    out: list[SvgSymbol] = []
    for el in symbol_elements(info.tree):
        title = next((c for c in el if isinstance(c.tag, str) and _local(c.tag) == "title"), None)
        text = " ".join("".join(title.itertext()).split()) if title is not None else ""
        out.append(SvgSymbol(el.get("id"), text or None, el.get("viewBox")))
    return out
