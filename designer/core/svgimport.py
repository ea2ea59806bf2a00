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

import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .jstext import safe_id
from .svg import (
    _NAME,
    SVG_NS,
    XLINK_NS,
    SvgInfo,
    _local,
    read_svg,
    remove_element,
    sanitise_tree,
    scan_svg,
    symbol_elements,
    viewbox_from_size,
)
from .wording import counted

__all__ = [
    "SvgImport",
    "SvgImportError",
    "SvgSymbol",
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
    """

    text: str
    root_id: str
    removed: list[str]
    converted_colours: int
    viewbox_added: bool
    notes: list[str] = field(default_factory=list)
    lost_ids: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class SvgSymbol:
    """One ``<symbol id>`` of a sprite file: an icon a menu item can name as ``file.svg#id``."""

    id: str
    title: str | None
    view_box: str | None


def is_valid_id(value: str) -> bool:
    """Whether ``value`` can be an icon id: the rule the checker's PD422 applies (no spaces, no leading digit)."""
    return bool(_NAME.match(value))


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
        if el.text and "url(" in el.text and _local(el.tag) == "style":
            texts.append(el.text)
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
        if _local(el.tag) == "style" and el.text and "url(" in el.text:
            el.text = sub(el.text)
    return count


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

_NAMED_COLOURS = frozenset(
    """
    aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown
    burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan
    darkgoldenrod darkgray darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred
    darksalmon darkseagreen darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink
    deepskyblue dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold
    goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ivory khaki lavender lavenderblush
    lawngreen lemonchiffon lightblue lightcoral lightcyan lightgoldenrodyellow lightgray lightgreen lightgrey
    lightpink lightsalmon lightseagreen lightskyblue lightslategray lightslategrey lightsteelblue lightyellow lime
    limegreen linen magenta maroon mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen
    mediumslateblue mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream mistyrose moccasin
    navajowhite navy oldlace olive olivedrab orange orangered orchid palegoldenrod palegreen paleturquoise
    palevioletred papayawhip peachpuff peru pink plum powderblue purple rebeccapurple red rosybrown royalblue
    saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue slateblue slategray slategrey snow
    springgreen steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke yellow yellowgreen
    """.split()
)
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


def _to_current_color(root: Any) -> int:
    """Replace solid fill/stroke colours by ``currentColor``, so the app can colour the icon.

    Masks and clip paths are left alone: in a mask white means "visible", and a clip path's
    colour does not show, so changing them would break the drawing or inflate the count.
    """
    count = 0

    def sub_css(text: str) -> str:
        nonlocal count

        def one(m: re.Match[str]) -> str:
            nonlocal count
            if not _is_solid_colour(m.group(3)):
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
            if value is not None and _is_solid_colour(value):
                el.set(attr, "currentColor")
                count += 1
        style = el.get("style")
        if style and ("fill" in style or "stroke" in style):
            el.set("style", sub_css(style))
        if _local(el.tag) == "style" and el.text and ("fill" in el.text or "stroke" in el.text):
            el.text = sub_css(el.text)
    return count


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


def import_svg(data: bytes, file_name: str, keep_ids: Iterable[str] = (), to_current_color: bool = False) -> SvgImport:
    """Make a safe, tidy icon of ``data`` (the bytes of ``file_name``); raise :class:`SvgImportError`
    when it is not well-formed XML or not SVG.

    ``keep_ids`` are ids something outside the file uses (menu items of the plugin the icon
    replaces): they are never removed as clutter, and :attr:`SvgImport.lost_ids` says if one
    was on unsafe content and had to go. ``to_current_color`` turns solid fill and stroke
    colours into ``currentColor`` so the app draws the icon in its own colour.
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
    converted = _to_current_color(root) if to_current_color else 0
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
    return SvgImport(text, root_id, removed, converted, viewbox_added, notes, lost_ids)


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
