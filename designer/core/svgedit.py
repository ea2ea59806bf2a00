"""Editing an SVG icon shape by shape: the operations behind the icon editor's canvas tools.

Why in the core and on lxml: what a drawing tool does to the file (add a rectangle, move a path,
recolour a circle, delete, restack) is format work that must not depend on Qt, and must change
only what the user touched. lxml keeps attribute order, comments, whitespace and namespaces,
and the text before and after the root element (XML declaration, comments) is carried over
verbatim, so a canvas edit shows up in the XML view as a small, readable change.

Elements are addressed by their *path*: the child indices from the root (``(0, 2)`` is the third
child of the root's first child). A path is stable between re-parses of the same text, which is
what the canvas needs across undo and redo.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from .svg import SVG_NS, TooManyAttributes, _local, parse_svg, safe_parser, symbol_elements, xml_error
from .svgsplice import _ATTR, _START_TAG, Spans

__all__ = [
    "DRAWABLE",
    "Matrix",
    "Shape",
    "SvgDocument",
    "SvgEditError",
    "format_number",
    "paint_of_element",
    "root_span",
    "set_root_attribute",
    "symbol_svg",
    "symbol_svgs",
    "xml_text",
]

# Elements the canvas can select, move, recolour and delete.
DRAWABLE = frozenset("path rect circle ellipse line polyline polygon text use image g".split())
# Containers whose content is not drawn where it stands (definitions, masks, sprite symbols).
_NOT_DRAWN = frozenset(
    "defs symbol clipPath mask pattern marker linearGradient radialGradient filter title desc metadata style".split()
)
_WRAPPED = DRAWABLE | {"switch"}
# Presentation properties: on an element with a class, they go into its style, because a class
# rule in a <style> (how Illustrator colours shapes) beats the attribute but not inline style.
_PRESENTATION = frozenset("fill stroke stroke-width opacity fill-opacity stroke-opacity".split())
_SPLICE_LIMIT = 1_000_000  # characters; bigger files are written out by lxml
_USED_ID = re.compile(r"#([^\s\"')]+)")  # the id after '#' in an href or a url(#...)
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Properties a shape takes from the groups and the <svg> around it: a copy takes them along.
_INHERITED = (
    "fill stroke stroke-width stroke-linecap stroke-linejoin stroke-miterlimit stroke-dasharray fill-rule"
    " fill-opacity stroke-opacity color font-family font-size font-weight text-anchor"
).split()
# SVG's own values of those (for a fragment that writes none, pasted where the <svg> writes one)
_INITIAL = {"fill": "black", "stroke": "none", "stroke-width": "1", "stroke-linecap": "butt"}
_INITIAL |= {"stroke-linejoin": "miter", "fill-rule": "nonzero", "fill-opacity": "1", "stroke-opacity": "1"}
_INITIAL |= {"stroke-dasharray": "none", "stroke-miterlimit": "4"}
_MASK_URL = re.compile(r"\s*url\(\s*#([^)\s]+)\s*\)\s*")  # a mask="url(#id)"


class SvgEditError(ValueError):
    """The text is not an SVG the canvas can edit (not well-formed, or not an <svg> root)."""

    def __init__(self, message: str, line: int = 0, column: int = 0) -> None:
        super().__init__(message)
        self.line = line
        self.column = column


@dataclass(frozen=True)
class Shape:
    """One selectable element: where it is, what it is and the ids it carries (its own and inside)."""

    path: tuple[int, ...]
    tag: str
    element_id: str | None
    ids: tuple[str, ...]


def format_number(value: float) -> str:
    """Short, exact-enough numbers for hand-readable SVG: ``2``, ``2.5``, ``-0.125``."""
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def xml_text(text: str) -> str:
    """``text`` without the characters an XML text cannot hold (control characters such as the
    line break a word processor copies as ``\x0b``): lxml refused the whole text for one."""
    return _NOT_XML.sub("", text)


def root_span(text: str) -> tuple[int, int]:
    """Where the root element starts and ends in ``text``: what lies outside (XML declaration,
    comments, processing instructions, DOCTYPE) is kept verbatim. Markup inside those comments
    (``<!-- <svg> -->``) is skipped, which a plain search for ``<`` would not do."""
    i, n = 0, len(text)
    while i < n:
        lt = text.find("<", i)
        if lt == -1:
            return n, n
        if text.startswith("<!--", lt):
            close = text.find("-->", lt + 4)
            i = n if close == -1 else close + 3
        elif text.startswith("<?", lt):
            close = text.find("?>", lt + 2)
            i = n if close == -1 else close + 2
        elif text.startswith("<!", lt):  # DOCTYPE, perhaps with an internal subset in [...]
            bracket, close = text.find("[", lt), text.find(">", lt)
            if bracket != -1 and bracket < close:
                close = text.find("]", bracket)
                close = text.find(">", close) if close != -1 else -1
            i = n if close == -1 else close + 1
        else:
            break
    start = lt
    end = len(text.rstrip())
    while True:  # trailing comments and processing instructions, from the end
        if text.endswith("-->", 0, end):
            opened = text.rfind("<!--", 0, end)
        elif text.endswith("?>", 0, end):
            opened = text.rfind("<?", 0, end)
        else:
            break
        if opened <= start:
            break
        end = len(text[:opened].rstrip())
    return start, end


def _canonical(root: Any, any_prefix: bool = False) -> bytes:
    """Canonical XML of ``root``, an entity used in a text (``&check;``, a node of its own in the
    tree) written as its reference; with ``any_prefix``, whichever prefixes name the namespaces.
    Why the entities: canonical XML has no such node and refused the whole tree, so every edit of
    an icon using one was written out by lxml (CDATA escaped, ``&#233;`` spelt out, quotes
    changed) instead of being spliced into the file's own text."""
    from lxml import etree

    if next(root.iter(etree.Entity), None) is not None:
        root = copy.deepcopy(root)
        for entity in list(root.iter(etree.Entity)):
            _entity_as_text(entity)
    if any_prefix:  # (C14N 2.0, slower: only when the first comparison failed)
        return str(etree.canonicalize(root, with_comments=True, rewrite_prefixes=True)).encode()
    return bytes(etree.tostring(root, method="c14n"))


def _entity_as_text(entity: Any, text: str | None = None) -> None:
    """Put ``text`` (by default the reference ``entity`` stands for) into the text around it, in its place."""
    parent, previous = entity.getparent(), entity.getprevious()
    written = (entity.text if text is None else text) + (entity.tail or "")
    if previous is not None:
        previous.tail = (previous.tail or "") + written
    else:
        parent.text = (parent.text or "") + written
    parent.remove(entity)  # (its tail with it: lxml keeps a node's tail on the node)


def _entity_text(content: str | None) -> str:
    """The characters an entity declared as ``content`` stands for ("a &amp; b": "a & b");
    "" for one declared outside the file or holding what cannot be read as text."""
    from lxml import etree

    if content is None:
        return ""
    try:
        return "".join(etree.fromstring(f"<x>{content}</x>".encode(), safe_parser()).itertext())
    except etree.XMLSyntaxError:
        return ""


def _shift_numbers(value: str, dx: float, dy: float) -> str:
    """``points`` moved by (dx, dy): numbers alternate x, y."""
    nums = [float(n) for n in _NUMBER.findall(value)]
    pairs = [f"{format_number(nums[i] + dx)},{format_number(nums[i + 1] + dy)}" for i in range(0, len(nums) - 1, 2)]
    return " ".join(pairs)


Matrix = tuple[float, float, float, float, float, float]  # SVG's matrix(a b c d e f)
_PATH_ARGS = {"m": 2, "l": 2, "h": 1, "v": 1, "c": 6, "s": 4, "q": 4, "t": 2, "a": 7, "z": 0}


_GEOMETRY = frozenset("x y width height rx ry r cx cy x1 y1 x2 y2".split())  # what _transformed multiplies


def _path_commands(d: str) -> list[tuple[str, list[float]]] | None:
    """Path data as (command, its numbers); None when it cannot be read. An arc's two flags are
    read as single digits, since they may be written without a space (``a1 1 0 011 1``)."""
    out: list[tuple[str, list[float]]] = []
    i, n = 0, len(d)
    while True:
        while i < n and (d[i].isspace() or d[i] == ","):
            i += 1
        if i >= n:
            break
        if d[i].lower() in _PATH_ARGS:
            out.append((d[i], []))
            i += 1
            continue
        if not out:
            return None
        command, args = out[-1]
        if command.lower() == "a" and len(args) % 7 in (3, 4):
            if d[i] not in "01":
                return None
            args.append(float(d[i]))
            i += 1
            continue
        m = _NUMBER.match(d, i)
        if m is None:
            return None
        args.append(float(m.group()))
        i = m.end()
    for command, args in out:
        count = _PATH_ARGS[command.lower()]
        if (count == 0 and args) or (count and (not args or len(args) % count)):
            return None
    return out


def _scaled_path(d: str, sx: float, sy: float, tx: float, ty: float) -> str | None:
    """Path data mapped by x·sx + tx, y·sy + ty (relative steps by the scale alone); None when it
    cannot be read, or holds a turned arc that a scale of two ratios would skew (a transform can)."""
    commands = _path_commands(d)
    if commands is None:
        return None
    f = format_number
    parts = []
    for index, (command, args) in enumerate(commands):
        low, absolute = command.lower(), command.isupper()
        out = []
        for k, value in enumerate(args):
            at = k % _PATH_ARGS[low] if low != "z" else 0
            move = absolute or (index == 0 and low == "m" and k < 2)  # a path's first m is a place
            if low == "a" and at in (0, 1):
                out.append(f(abs(value * (sx if at == 0 else sy))))
            elif low == "a" and at == 2:
                if sx != sy and value % 180:
                    return None
                out.append(f(value))
            elif low == "a" and at == 3:
                out.append(f(value))
            elif low == "a" and at == 4:
                out.append(f(1 - value if sx * sy < 0 else value))
            else:
                y_axis = low == "v" or (low not in ("h", "a") and k % 2 == 1) or (low == "a" and at == 6)
                scale, shift = (sy, ty) if y_axis else (sx, tx)
                out.append(f(value * scale + (shift if move else 0)))
        parts.append(command + " ".join(out))
    return " ".join(parts)


def _matrix_text(matrix: Matrix) -> str:
    """A transform as a person would write it: ``translate(2 3) scale(2)``, else ``matrix(…)``."""
    a, b, c, d, e, f = matrix
    n = format_number
    if b or c:
        return f"matrix({' '.join(n(v) for v in matrix)})"
    parts = [f"translate({n(e)} {n(f)})"] if e or f else []
    if (a, d) != (1, 1):
        parts.append(f"scale({n(a)})" if a == d else f"scale({n(a)} {n(d)})")
    return " ".join(parts)


def _transformed(el: Any, matrix: Matrix) -> bool:
    """Map ``el`` by ``matrix`` (see :meth:`SvgDocument.transform`); True when its own attributes
    took the change (its stroke keeps its width), False when a ``transform`` did (it scales too)."""
    a, b, c, d, e, f = matrix
    name = _local(el.tag)
    n = format_number
    # (a length in % or in units cannot simply be multiplied: such a shape takes a transform)
    numbers = all(_NUMBER.fullmatch(v.strip()) for k, v in el.attrib.items() if k in _GEOMETRY)
    plain = el.get("transform") is None and not b and not c and a > 0 and d > 0 and numbers

    def mapped(attr: str, scale: float, shift: float = 0.0) -> None:
        value = _num(el.get(attr)) * scale + shift
        if el.get(attr) is not None or value:  # (an x left out is 0, and stays left out)
            el.set(attr, n(value))

    if plain and name in ("rect", "image"):
        mapped("x", a, e)
        mapped("y", d, f)
        for attr, scale in (("width", a), ("height", d), ("rx", a), ("ry", d)):
            if el.get(attr) is not None:
                mapped(attr, scale)
        return True
    if plain and name == "circle" and a != d:  # stretched: an ellipse, its r in two
        attrs = [(k, v) for k, v in el.attrib.items()]
        el.attrib.clear()
        for key, value in attrs:
            for k, v in (("rx", value), ("ry", value)) if key == "r" else ((key, value),):
                el.set(k, v)
        el.tag = el.tag[: -len("circle")] + "ellipse"
        name = "ellipse"
    if plain and name in ("circle", "ellipse"):
        mapped("cx", a, e)
        mapped("cy", d, f)
        for attr, scale in (("r", a), ("rx", a), ("ry", d)):
            if el.get(attr) is not None:
                mapped(attr, scale)
        return True
    if plain and name == "line":
        for attr, scale, shift in (("x1", a, e), ("y1", d, f), ("x2", a, e), ("y2", d, f)):
            mapped(attr, scale, shift)
        return True
    if plain and name in ("polyline", "polygon"):
        nums = [float(v) for v in _NUMBER.findall(el.get("points") or "")]
        pairs = [f"{n(nums[i] * a + e)},{n(nums[i + 1] * d + f)}" for i in range(0, len(nums) - 1, 2)]
        el.set("points", " ".join(pairs))
        return True
    if plain and name == "path" and (data := _scaled_path(el.get("d") or "", a, d, e, f)) is not None:
        el.set("d", data)
        return True
    old = (el.get("transform") or "").strip()
    el.set("transform", f"{_matrix_text(matrix)} {old}".strip())
    return False


def _scaled_width(value: str, scale: float) -> str:
    """A stroke width ``scale`` times as wide (one that is not a plain number: as it is)."""
    if scale == 1 or not _NUMBER.fullmatch(value.strip()):
        return value
    return format_number(float(value) * scale)


def _wraps_several(el: Any) -> bool:
    """Whether the group ``el`` holds more than one drawn element (counted only until the second:
    a traced drawing's one group holds 50,000)."""
    count = 0
    for child in el:
        if _local(child.tag) in _WRAPPED:
            count += 1
            if count > 1:
                return True
    return False


class SvgDocument:
    """An SVG text parsed for editing; :meth:`to_text` gives the edited text back."""

    def __init__(self, text: str, fidelity: bool = True) -> None:
        """``fidelity``: remember where each node lies so :meth:`to_text` changes only what an
        edit changed (svgsplice); False for a document only read or drawn, never written back."""
        from lxml import etree

        data = text.encode("utf-8", "surrogateescape")
        try:
            root = parse_svg(data)
        except etree.XMLSyntaxError as exc:
            raise SvgEditError(*xml_error(data, exc)) from None  # the Problems list's words and place
        except TooManyAttributes as exc:
            raise SvgEditError(str(exc), exc.line, 1) from None
        except ValueError as exc:
            raise SvgEditError(str(exc), 1, 1) from None
        if root is None or _local(root.tag) != "svg":
            raise SvgEditError("the file's root element is not <svg>", 1, 1)
        self.root = root
        start, end = root_span(text)
        self._prolog = text[:start]
        self._epilog = text[end:]
        # Where each node of the text lies, so an edit rewrites only what it changed (svgsplice).
        # Not for the rare icon of a megabyte and more: lxml's own text, as before.
        self._spans = Spans(text, root, start) if fidelity and len(text) <= _SPLICE_LIMIT else None
        self._body = text[start:end]
        # The parser reads CRLF (and a lone CR) as LF; such a file gets its line endings back on
        # the way out (a shape added to a lone-CR icon came on a line ending in LF).
        crlf = text.count("\r\n")
        lf, cr = text.count("\n") - crlf, text.count("\r") - crlf
        self._newline = "\r" if cr > lf and cr > crlf else "\r\n" if crlf > lf else "\n"
        self._ns = root.tag[1:].split("}", 1)[0] if root.tag.startswith("{") else ""

    # -- reading --------------------------------------------------------------------------------
    def to_text(self) -> str:
        """The edited text: the original wherever the edit did not reach (see svgsplice)."""
        from lxml import etree

        if self._spans is not None:
            body = self._spans.write(self.root, self._newline)
            if body is not None and (body == self._body or self._reads_back(self._prolog + body + self._epilog)):
                return self._prolog + body + self._epilog  # (nothing changed: the text it was read from)
        body = etree.tostring(self.root, encoding="unicode")
        if self._newline != "\n":
            body = body.replace("\n", self._newline)
        return self._prolog + body + self._epilog

    def _reads_back(self, text: str) -> bool:
        """Whether ``text`` parses into the edited tree (canonical XML compared): the check that
        keeps a splice that went wrong from reaching the file."""
        from lxml import etree

        try:
            again = etree.fromstring(text.encode("utf-8", "surrogateescape"), safe_parser())
            if _canonical(again) == _canonical(self.root):
                return True
            # The same names under other prefixes: an element written "svg:g" in a file that also
            # makes SVG the default namespace, once moved, is a "g" to lxml; the text keeps its own.
            return _canonical(again, any_prefix=True) == _canonical(self.root, any_prefix=True)
        except Exception:  # noqa: BLE001 - any doubt: lxml's own text instead
            return False

    @property
    def root_id(self) -> str | None:
        return self.root.get("id")

    def view_box(self) -> tuple[float, float, float, float]:
        """The drawing area in user units: the viewBox, else width/height, else 24×24."""
        nums = [float(n) for n in _NUMBER.findall(self.root.get("viewBox") or "")]
        if len(nums) == 4 and nums[2] > 0 and nums[3] > 0:
            return nums[0], nums[1], nums[2], nums[3]
        size = []
        for name in ("width", "height"):
            m = re.fullmatch(r"\s*([0-9]*\.?[0-9]+)\s*(px)?\s*", self.root.get(name) or "")
            size.append(float(m.group(1)) if m and float(m.group(1)) > 0 else 24.0)
        return 0.0, 0.0, size[0], size[1]

    def element(self, path: tuple[int, ...]) -> Any:
        el = self.root
        for i in path:
            el = el[i]
        return el

    def path_of(self, el: Any) -> tuple[int, ...]:
        out: list[int] = []
        while el is not self.root:
            parent = el.getparent()
            out.append(parent.index(el))
            el = parent
        return tuple(reversed(out))

    def shapes(self) -> list[Shape]:
        """Selectable elements in drawing order (later ones are drawn on top)."""
        return [shape for shape, _el in self.shape_elements()]

    def shape_elements(self) -> list[tuple[Shape, Any]]:
        """:meth:`shapes` with their lxml elements (indexing by path is linear per step in lxml).

        Groups (and ``<switch>``, which Illustrator wraps drawings in) are descended into when
        they only wrap the drawing (an Inkscape layer, a Figma frame): what the user sees as one
        shape is then one shape on the canvas.
        """
        out: list[tuple[Shape, Any]] = []

        def visit(parent: Any, prefix: tuple[int, ...]) -> None:
            # Written for speed (a traced drawing is 50,000 shapes, walked on every redraw): a
            # shape without children carries only its own id, so only a group's are searched.
            for i, el in enumerate(parent):
                tag = el.tag
                name = tag.rpartition("}")[2] if isinstance(tag, str) else ""
                if name == "switch":
                    visit(el, (*prefix, i))
                    continue
                if not name or name in _NOT_DRAWN or name not in DRAWABLE:
                    continue
                path = (*prefix, i)
                if name == "g" and not el.get("transform") and _wraps_several(el):
                    visit(el, path)
                    continue
                own = el.get("id")
                if len(el):
                    ids = tuple(e.get("id") for e in el.iter() if isinstance(e.tag, str) and e.get("id"))
                else:
                    ids = (own,) if own else ()
                out.append((Shape(path, name, own, ids), el))

        visit(self.root, ())
        return out

    def symbols(self) -> list[str]:
        return [el.get("id") for el in symbol_elements(self.root)]

    # -- editing --------------------------------------------------------------------------------
    def _make(self, tag: str) -> Any:
        from lxml import etree

        return etree.Element(f"{{{self._ns}}}{tag}" if self._ns else tag, nsmap=None)

    def add(self, tag: str, attrs: dict[str, str], text: str | None = None) -> tuple[int, ...]:
        """Append a new element at the top of the drawing, indented like its siblings."""
        el = self._make(tag)
        for key, value in attrs.items():
            el.set(key, value)
        if text is not None:
            el.text = xml_text(text)
        self._append(self.root, el)
        return self.path_of(el)

    def translate(self, path: tuple[int, ...], dx: float, dy: float) -> None:
        """Move an element by (dx, dy) in its own coordinate system.

        Plain shapes get new coordinates (the file stays as a person would write it); paths,
        groups and anything already transformed get a ``translate()`` in front of their transform.
        """
        if dx == 0 and dy == 0:
            return
        el = self.element(path)
        with self._cut_outs_following(el):
            self._translate(el, dx, dy)

    def _translate(self, el: Any, dx: float, dy: float) -> None:
        name = _local(el.tag)
        fx, fy = format_number, format_number

        def shift(attr: str, d: float) -> None:
            if d:  # an axis that does not move is left as written (or absent)
                el.set(attr, fx(_num(el.get(attr)) + d))

        if el.get("transform") is None and name in ("rect", "image", "use", "text"):
            shift("x", dx)
            shift("y", dy)
            if name == "text":
                # Inkscape places each line by its <tspan>'s own x and y, which a browser draws it
                # at (Qt's drawing ignores them): moved with the text's, the app showed it unmoved.
                for part in el.iter("{*}tspan", "tspan"):
                    for attr, d in (("x", dx), ("y", dy)):
                        if d and part.get(attr) is not None:
                            part.set(attr, _NUMBER.sub(lambda m, d=d: fx(float(m.group()) + d), part.get(attr)))
        elif el.get("transform") is None and name in ("circle", "ellipse"):
            shift("cx", dx)
            shift("cy", dy)
        elif el.get("transform") is None and name == "line":
            for a, d in (("x1", dx), ("y1", dy), ("x2", dx), ("y2", dy)):
                shift(a, d)
        elif el.get("transform") is None and name in ("polyline", "polygon"):
            el.set("points", _shift_numbers(el.get("points") or "", dx, dy))
        else:
            old = (el.get("transform") or "").strip()
            # A translate in front (this method's own, or the file's) takes the move: a rotated
            # group got one more translate() per arrow key, in front of the last.
            m = re.match(r"translate\(\s*(" + _NUMBER.pattern + r")[\s,]+(" + _NUMBER.pattern + r")\s*\)\s*", old)
            if m:
                moved = f"translate({fx(float(m.group(1)) + dx)} {fy(float(m.group(2)) + dy)})"
                rest = old[m.end() :]
                el.set("transform", f"{moved} {rest}" if rest else moved)
            else:
                el.set("transform", f"translate({fx(dx)} {fy(dy)})" + (f" {old}" if old else ""))

    def transform(self, path: tuple[int, ...], matrix: Matrix) -> None:
        """Map an element by the affine ``matrix`` (SVG's ``a b c d e f``) in its own coordinate
        system: a resize handle's drag, or a paste into an icon of another size.

        As :meth:`translate` does, a plain shape gets new values of the attributes it has (a
        rectangle's x, y, width and height, a circle's r, a path's data), so the file stays as a
        person would write it; what cannot say the change so (a group, a text, a rotation) gets
        the matrix in front of its ``transform``. The stroke keeps its width either way only
        when the attributes take the change (see :func:`_transformed`).
        """
        el = self.element(path)
        with self._cut_outs_following(el):
            _transformed(el, matrix)

    def set_attributes(self, path: tuple[int, ...], values: dict[str, str | None]) -> None:
        """Set (or remove, with None) presentation attributes so that the change shows.

        A ``style`` property of the same name would override the attribute, so it goes. On an
        element with a ``class`` (whose <style> rule would also win), the value is written into
        ``style`` instead, which beats class rules.
        """
        el = self.element(path)
        with self._cut_outs_following(el):
            self._set_attributes(el, values)

    @staticmethod
    def _set_attributes(el: Any, values: dict[str, str | None]) -> None:
        for key, value in values.items():
            parts = [p.strip() for p in (el.get("style") or "").split(";") if p.strip()]
            kept = [p for p in parts if p.split(":", 1)[0].strip() != key]
            to_style = value is not None and bool(el.get("class")) and key in _PRESENTATION
            if to_style:
                el.attrib.pop(key, None)
                kept.append(f"{key}:{value}")
            elif value is None:
                el.attrib.pop(key, None)
            else:
                el.set(key, value)
            if kept != parts:  # the style changed: rewrite it (or drop it when empty)
                if kept:
                    el.set("style", ";".join(kept))
                else:
                    del el.attrib["style"]

    def paint_of(self, path: tuple[int, ...], key: str, inherited: bool = False) -> str | None:
        """The value of a presentation property as written on the element (style first), if any.

        ``inherited``: else as written on its nearest ancestor that writes it, which is what the
        shape is drawn with (most icons write their fill or stroke once, on the ``<svg>``).
        """
        return paint_of_element(self.element(path), key, inherited)

    def elements(self, paths: Sequence[tuple[int, ...]]) -> dict[tuple[int, ...], Any]:
        """The elements at ``paths``, found in one walk of the shapes (:meth:`element` walks the
        children up to each one: all of a traced drawing's 20,000 took seconds)."""
        wanted = set(paths)
        return {shape.path: el for shape, el in self.shape_elements() if shape.path in wanted}

    def text_run(self, path: tuple[int, ...]) -> Any | None:
        """The element holding all the words of the text at ``path``: the text itself, or its one
        <tspan> (Inkscape writes even one line so). None when the words are in several parts
        (lines or styled runs), which one line of text cannot replace without losing them."""
        el = self.element(path)
        children = [c for c in el if isinstance(c.tag, str)]
        if not children:
            return el
        only = children[0]
        blank = not (el.text or "").strip() and not (only.tail or "").strip()
        if len(children) == 1 and blank and not any(isinstance(c.tag, str) for c in only):
            return only
        return None

    def set_text(self, path: tuple[int, ...], text: str) -> None:
        """Replace the words of a text, in its :meth:`text_run` (so a tspan keeps its place and style)."""
        run = self.text_run(path)
        if run is None:
            raise ValueError("the text is in several parts; change it in the XML")
        for child in list(run):
            run.remove(child)  # comments, say: the text replaces all it says
        run.text = xml_text(text)

    def delete(self, path: tuple[int, ...]) -> None:
        """Remove an element with its trailing whitespace, so no blank line is left behind.

        A shape cut out of the drawing (see :meth:`_cut_outs_of`) takes its hole with it.
        """
        el = self.element(path)
        for _shape, hole, _fill, _stroke in self._cut_outs_of(el):
            self._remove(hole)
        masks = [m.group(1) for part in el.iter("*") if (m := _MASK_URL.fullmatch(part.get("mask") or ""))]
        found = self._cut_out_mask(el)
        self._remove(el)
        if found is not None and found[0] is not self.root and not any(isinstance(c.tag, str) for c in found[0]):
            # The cut-out group's last shape went: an empty masked group draws nothing, yet it and
            # its mask stayed in the exported icon (and Qt warned on each redraw of its mask).
            masks.append(found[1].get("id"))
            self._remove(found[0])
        for name in masks:
            self._remove_unused_mask(name)

    def _remove_unused_mask(self, name: str) -> None:
        """Remove the cut-out mask ``name`` when nothing names it any more (its masked group was
        deleted), and the <defs> it leaves empty: an orphan mask is a hidden copy of the drawing
        the exported icon would still carry. A mask something still uses, or one written by hand
        (not the import's), stays."""
        from lxml import etree

        if name in _USED_ID.findall(etree.tostring(self.root, encoding="unicode")):
            return
        for mask in self.root.iter("{*}mask", "mask"):
            first = next((c for c in mask if isinstance(c.tag, str)), None)
            if mask.get("id") != name or first is None or not _is_cut_out_mask(mask, first):
                continue
            defs = mask.getparent()
            self._remove(mask)
            if _local(defs.tag) == "defs" and len(defs) == 0 and not (defs.text or "").strip() and not defs.attrib:
                self._remove(defs)
            return

    @staticmethod
    def _remove(el: Any) -> None:
        parent = el.getparent()
        prev = el.getprevious()
        if prev is not None:
            prev.tail = el.tail
        elif len(parent) == 1:
            kept = parent.text if (parent.text or "").strip() else ""
            parent.text = (kept or "") + (el.tail or "") or None
        parent.remove(el)

    def restack(self, path: tuple[int, ...], delta: int) -> tuple[int, ...]:
        """Move an element ``delta`` places up (+, drawn later: in front) or down (-) among the
        drawable siblings; returns its new path.

        Under a cut-out, its copy in the mask changes place too: a white detail sent behind the
        shape it was cut out of is covered by it, no longer a hole in it.
        """
        el = self.element(path)
        parent = el.getparent()
        siblings = [c for c in parent if _local(c.tag) in DRAWABLE]
        pos = siblings.index(el)
        target = max(0, min(len(siblings) - 1, pos + delta))
        if target == pos:
            return path
        other = siblings[target]
        found = self._cut_out_mask(el)
        paints = {id(shape): (f, st) for shape, _c, f, st in self._cut_outs_of(found[0], found)} if found else {}
        # The element changes place; each place keeps its whitespace. (Swapping the two tails was
        # right for one place only: moved past the last shape by two, the last one's tail, the
        # line break before </svg>, ended up in the middle and the shapes after it lost their indent.)
        tails = [c.tail for c in parent]
        parent.remove(el)
        parent.insert(parent.index(other) + (1 if delta > 0 else 0), el)
        for child, tail in zip(parent, tails, strict=True):
            child.tail = tail
        if found and paints:
            self._restack_cut_out(found[0], found[1], paints)
        return self.path_of(el)

    # -- copy, paste, duplicate -------------------------------------------------------------------
    def fragment(self, paths: Sequence[tuple[int, ...]]) -> str:
        """The elements at ``paths`` as an SVG of their own, for the clipboard.

        Why more than the elements: pasted into another icon they must draw as they do here, so
        each takes the transforms of the groups around it (in a ``<g>``) and the paint they give
        it (written on it), the ``<svg>``'s paint goes on the fragment's (see :meth:`paste`), and
        the definitions they name (a gradient's ``url(#…)``, a ``<use>``'s ``href``) come along
        in a ``<defs>``.
        """
        from lxml import etree

        from .svgimport import _Styles, internal_references

        has_rules = next(self.root.iter("{*}style", "style"), None) is not None
        styles = _Styles(self.root, _INHERITED) if has_rules else None
        out = etree.Element(self.root.tag, nsmap=self.root.nsmap)
        out.set("viewBox", " ".join(format_number(v) for v in self.view_box()))
        for key in _INHERITED:
            if (value := _written_paint(self.root, key)) is not None:
                out.set(key, value)
        out.text = "\n  "
        parts = []
        for path in sorted(paths):
            el = self.element(path)
            made = copy.deepcopy(el)
            made.tail = "\n  "
            self._spell_out_entities(made)
            self._set_attributes(made, self._from_groups(el, styles))
            around = [a.get("transform") for a in el.iterancestors() if a is not self.root and a.get("transform")]
            if around:  # (innermost first: the outermost is written first)
                group = etree.SubElement(out, f"{{{self._ns}}}g" if self._ns else "g")
                group.set("transform", " ".join(reversed(around)))
                out.remove(group)
                group.append(made)
                made.tail = None
                group.tail = "\n  "
                made = group
            parts.append(made)
        defined = {e.get("id") for part in parts for e in part.iter("*") if e.get("id")}
        named = []
        while True:  # the definitions named, and those they name (a gradient's href to another)
            holder = etree.Element("holder")
            holder.extend(copy.deepcopy(e) for e in (*parts, *named))
            wanted = [i for i in internal_references(holder) if i not in defined]
            found = [e for i in wanted if (e := self._by_id(i)) is not None]
            defined.update(wanted)
            if not found:
                break
            named.extend(copy.deepcopy(e) for e in found)
        if named:
            defs = etree.SubElement(out, f"{{{self._ns}}}defs" if self._ns else "defs")
            defs.text = "\n    "
            for el in named:
                el.tail = "\n    "
                defs.append(el)
            named[-1].tail = "\n  "
            defs.tail = "\n  "
        if any(e.get("class") for part in parts for e in part.iter("*")):
            # The <style> rules paint what they name by class: the icon pasted into may have none
            # (see :meth:`_paint_of_classes`).
            for style in self.root.iter("{*}style", "style"):
                made = copy.deepcopy(style)
                made.tail = "\n  "
                out.append(made)
        out.extend(parts)
        out[-1].tail = "\n"
        return etree.tostring(out, encoding="unicode") + "\n"

    def _spell_out_entities(self, el: Any) -> None:
        """The entities ``el`` uses (``&check;``) as the characters the icon declares for them.
        Why: a reference means nothing without the declaration, which stays in this icon's
        DOCTYPE; the copy held it bare, and no icon (this one included) could paste it.
        One declared outside the file (SYSTEM) is left out, as the import leaves it out."""
        from lxml import etree

        if next(el.iter(etree.Entity), None) is None:
            return
        dtd = self.root.getroottree().docinfo.internalDTD
        declared = {e.name: e.content for e in dtd.iterentities()} if dtd is not None else {}
        for entity in list(el.iter(etree.Entity)):
            _entity_as_text(entity, _entity_text(declared.get(entity.name)))

    def _from_groups(self, el: Any, styles: Any = None) -> dict[str, str | None]:
        """The properties of :data:`_INHERITED` that ``el`` takes from the groups around it (not
        the ``<svg>``): what it must write itself to look the same outside them. ``styles``: the
        icon's ``<style>`` rules (svgimport's ``_Styles``), which paint a group by its class as
        Illustrator writes them (``<g class="st0">``)."""

        def painted(part: Any, key: str) -> str | None:  # (inline style, then the rules, then the attribute)
            if key in _written_paint_in_style(part) or styles is None:
                return _written_paint(part, key)
            return styles.from_rules(part, key) or part.get(key)

        found: dict[str, str | None] = {}
        for key in _INHERITED:
            if painted(el, key) is not None:
                continue
            for group in el.iterancestors():
                if group is self.root:
                    break
                if (value := painted(group, key)) is not None:
                    found[key] = value
                    break
        return found

    def _by_id(self, name: str) -> Any | None:
        return next((e for e in self.root.iter("*") if e.get("id") == name), None)

    def _ids(self) -> set[str]:
        return {e.get("id") for e in self.root.iter("*") if e.get("id")}

    def paste(self, fragment: str, dx: float, dy: float) -> list[tuple[int, ...]]:
        """Add the drawn elements of the SVG ``fragment`` (see :meth:`fragment`) on top of the
        drawing, moved by (dx, dy), with the definitions they name; return their paths.

        The fragment comes from the clipboard, so from anywhere: it goes through the sanitiser
        as an import does (scripts, handlers and outside links never reach the icon). An id it
        brings that the icon already uses is renamed, with the references to it: two elements
        with one id draw one of them twice. A definition the icon already holds alike is used,
        not copied. Raises :class:`SvgEditError` when there is nothing to draw in it.
        """
        from lxml import etree

        from .svg import XLINK_NS, remove_element, sanitise_tree
        from .svgimport import _replace_refs, _unique, internal_references

        try:
            root = parse_svg(fragment.encode("utf-8", "surrogateescape"))
        except (etree.XMLSyntaxError, ValueError):
            raise SvgEditError("the clipboard holds no SVG drawing") from None
        if root is None or _local(root.tag) != "svg":
            raise SvgEditError("the clipboard holds no SVG drawing")
        sanitise_tree(root)
        for use in [e for e in root.iter("{*}use", "use") if not (e.get("href") or e.get(f"{{{XLINK_NS}}}href"))]:
            remove_element(use)  # its outside link was removed: it shows nothing (as an import does)
        drawn = [c for c in root if isinstance(c.tag, str) and _local(c.tag) in _WRAPPED]
        if not drawn:
            raise SvgEditError("the clipboard holds no shape to paste")
        refs = internal_references(root)
        inside = {id(e) for part in drawn for e in part.iter("*")}
        defs = [e for e in root.iter("*") if id(e) not in inside and e.get("id") in refs and e is not root]
        defs = [e for e in defs if not any(a in defs for a in e.iterancestors())]  # (a gradient in a <defs>)
        taken = self._ids()
        theirs = {e.get("id") for e in root.iter("*") if e.get("id")}
        for el in [e for part in (*drawn, *defs) for e in part.iter("*") if e.get("id")]:
            old = el.get("id")
            same = self._by_id(old)
            if el in defs and same is not None and _drawn_alike(same, el):
                defs.remove(el)  # (the icon holds it already: the references find it)
                continue
            new = _unique(old, taken | (theirs - {old}))
            taken.add(new)
            if new != old:
                theirs.add(new)
                el.set("id", new)
                _replace_refs(root, old, new)
        for el in (e for part in (*drawn, *defs) for e in part.iter()):
            if isinstance(el.tag, str) and el.tag.startswith(f"{{{SVG_NS}}}") and self._ns != SVG_NS:
                el.tag = f"{{{self._ns}}}{_local(el.tag)}" if self._ns else _local(el.tag)
        if defs:
            self._definitions().extend(self._laid_out(defs, self._definitions()))
        # What the fragment's <svg> paints with (its icon's, else SVG's own): written on each shape
        # that does not write its own, where this icon's <svg> paints otherwise.
        theirs_paint = {k: v for k in _INHERITED if (v := _written_paint(root, k) or _INITIAL.get(k)) is not None}
        fitted = self._fitted(root, dx, dy)
        self._paint_of_classes(root, drawn)
        mine = {k: _written_paint(self.root, k) or _INITIAL.get(k) for k in theirs_paint}
        given = {k: v for k, v in theirs_paint.items() if v != mine[k]}
        paths = []
        for el in drawn:
            self._set_attributes(el, {k: v for k, v in given.items() if _written_paint(el, k) is None})
            el.tail = None
            self._append(self.root, el)
            if fitted is None:
                self._translate(el, dx, dy)
            elif _transformed(el, fitted):  # the attributes took the size, not the stroke's width
                width = _written_paint(el, "stroke-width") or theirs_paint["stroke-width"]
                wider = _scaled_width(width, fitted[0])
                if wider != width and (_written_paint(el, "stroke") or mine["stroke"]) != "none":
                    self._set_attributes(el, {"stroke-width": wider})
            paths.append(self.path_of(el))
        return paths

    def _paint_of_classes(self, fragment: Any, drawn: list[Any]) -> None:
        """Write on each pasted element with a ``class`` the paint the fragment's ``<style>`` rules
        give it, where this icon's rules would give another (in its ``style``, which beats them).

        Why: Illustrator paints by class (``.cls-1{fill:#e30}``); pasted into an icon without that
        rule, a shape came out black, and into one with a ``.cls-1`` of its own, in that colour.
        Pasted back into its own icon, nothing is written.
        """
        from .svgimport import _Styles

        if not any(e.get("class") for part in drawn for e in part.iter("*")):
            return
        keys = (*_INHERITED, "opacity")
        theirs, mine = _Styles(fragment, keys), _Styles(self.root, keys)
        for el in (e for part in drawn for e in part.iter("*") if e.get("class")):
            inline = _written_paint_in_style(el)
            values = {
                k: v
                for k in keys
                if k not in inline and (v := theirs.from_rules(el, k)) is not None and v != mine.from_rules(el, k)
            }
            self._set_attributes(el, dict(values))

    def _fitted(self, fragment: Any, dx: float, dy: float) -> Matrix | None:
        """The map that takes shapes copied from the icon of ``fragment``'s viewBox to the same
        place in this one, then (dx, dy) on; None when the two icons' viewBoxes are alike.

        Why: a shape copied from a 24×24 icon kept its numbers in a 48×48 one, a quarter of its
        size in a corner. Its viewBox is fitted into this one as an ``<img>`` of it would be
        (scaled alike both ways, centred: SVG's ``xMidYMid meet``), so it keeps its shape too.
        """
        nums = [float(n) for n in _NUMBER.findall(fragment.get("viewBox") or "")]
        if len(nums) != 4 or nums[2] <= 0 or nums[3] <= 0:
            return None  # (a drawing program's SVG without one: its numbers are taken as they are)
        x0, y0, w0, h0 = nums
        x1, y1, w1, h1 = self.view_box()
        scale = min(w1 / w0, h1 / h0)
        if (x0, y0, w0, h0) == (x1, y1, w1, h1):
            return None
        e = x1 + (w1 - w0 * scale) / 2 - x0 * scale
        f = y1 + (h1 - h0 * scale) / 2 - y0 * scale
        return (scale, 0.0, 0.0, scale, e + dx, f + dy)

    def _definitions(self) -> Any:
        """The icon's first ``<defs>`` (one is made first thing in the drawing when it has none)."""
        found = next((c for c in self.root if isinstance(c.tag, str) and _local(c.tag) == "defs"), None)
        if found is not None:
            return found
        defs = self._make("defs")
        first = next((c for c in self.root if isinstance(c.tag, str)), None)
        if first is None:
            self._append(self.root, defs)
        else:
            first.addprevious(defs)
            defs.tail = self.root.text if (self.root.text or "").strip() == "" and self.root.text else "\n  "
        return defs

    @staticmethod
    def _laid_out(elements: list[Any], parent: Any) -> list[Any]:
        """``elements`` indented as the children of ``parent``, one a line."""
        base = parent.tail if (parent.tail or "").strip() == "" and parent.tail else "\n  "
        unit = "  "
        for el in elements:
            el.tail = base + unit
        if len(parent):
            parent[-1].tail = base + unit
        else:
            parent.text = base + unit
        elements[-1].tail = base
        return elements

    def _append(self, parent: Any, el: Any) -> None:
        """Append ``el`` as the last child of ``parent``, indented like its siblings (see :meth:`add`)."""
        if len(parent):
            self._insert_after(parent[-1], el)
        else:
            parent.text = (parent.text or "") if (parent.text or "").strip() else "\n  "
            el.tail = "\n"
            parent.append(el)

    @staticmethod
    def _insert_after(anchor: Any, el: Any) -> None:
        """Put ``el`` just after its sibling-to-be ``anchor``, on a line of its own indented as
        ``anchor`` is (what followed ``anchor`` follows ``el`` now)."""
        prev = anchor.getprevious()
        indent = (prev.tail if prev is not None else anchor.getparent().text) or ""
        el.tail = anchor.tail
        anchor.tail = indent if indent.strip() == "" and indent else "\n  "
        anchor.addnext(el)

    def duplicate(self, moves: Sequence[tuple[tuple[int, ...], float, float]]) -> list[tuple[int, ...]]:
        """A copy of each element at a path, moved by its (dx, dy) in its own units, drawn just in
        front of it (in the same group); return the copies' paths.

        Ids in a copy are fresh (the references inside it follow); what it names outside itself
        (a gradient in the ``<defs>``) it names still. A copy of a shape cut out of the drawing
        (see :meth:`_cut_outs_of`) gets its own hole in the mask, as the original has.
        """
        from .svgimport import _replace_refs, _unique

        taken = self._ids()
        made = []
        for el, dx, dy in [(self.element(p), dx, dy) for p, dx, dy in sorted(moves)]:
            found = self._cut_out_mask(el)
            paints = {id(s): (f, st) for s, _c, f, st in self._cut_outs_of(found[0], found)} if found else {}
            twin = copy.deepcopy(el)
            for part in [e for e in twin.iter("*") if e.get("id")]:
                old = part.get("id")
                new = _unique(old, taken)
                taken.add(new)
                part.set("id", new)
                _replace_refs(twin, old, new)
            self._insert_after(el, twin)
            self._translate(twin, dx, dy)
            if found and paints:
                for a, b in zip(el.iter("*"), twin.iter("*"), strict=True):
                    if id(a) in paints:
                        paints[id(b)] = paints[id(a)]
                self._restack_cut_out(found[0], found[1], paints)
            made.append(twin)
        return [self.path_of(el) for el in made]

    # -- cut-outs: the mask an import cuts light details with (svgimport.cut_out_copy) -------------
    def _cut_out_mask(self, el: Any) -> tuple[Any, Any] | None:
        """The group above ``el`` that a cut-out mask masks, and that mask; None when there is none.

        A cut-out mask is the one :func:`~designer.core.svgimport.import_svg` writes: in user
        units, a white rectangle first (everything shows), then copies of the shapes painted
        black (cut) or white. A mask written by hand is left alone.
        """
        for group in el.iterancestors():
            m = _MASK_URL.fullmatch(group.get("mask") or "")
            if m is None:
                continue
            mask = next((e for e in self.root.iter("{*}mask", "mask") if e.get("id") == m.group(1)), None)
            first = next((c for c in mask if isinstance(c.tag, str)), None) if mask is not None else None
            if first is None or not _is_cut_out_mask(mask, first):
                return None
            return group, mask
        return None

    def _cut_out_masks(self) -> list[tuple[Any, Any]]:
        """Every group a cut-out mask masks, with that mask (see :meth:`_cut_out_mask`)."""
        masks = {e.get("id"): e for e in self.root.iter("{*}mask", "mask")}
        out = []
        for group in self.root.iter():
            m = _MASK_URL.fullmatch(group.get("mask") or "") if isinstance(group.tag, str) else None
            mask = masks.get(m.group(1)) if m is not None else None
            first = next((c for c in mask if isinstance(c.tag, str)), None) if mask is not None else None
            if first is not None and _is_cut_out_mask(mask, first):
                out.append((group, mask))
        return out

    def _cut_outs_of(self, el: Any, found: tuple[Any, Any] | None = None) -> list[tuple[Any, Any, str, str]]:
        """The copies of ``el``'s shapes (itself or those inside it) in its cut-out mask: for each,
        (the shape, its copy, the copy's fill and stroke). Empty when the shape is not under one.

        A copy is found by being the copy the import would make of the shape as it is now
        (:func:`~designer.core.svgimport.cut_out_copy`), whatever its paint; so this is asked
        before an edit changes the shape. ``found``: the masked group and its mask, when ``el`` is
        that group.
        """
        from .svgimport import CUT_OUT_SHAPES, cut_out_copy

        found = found or self._cut_out_mask(el)
        if found is None:
            return []
        group, mask = found
        made = [
            (shape, cut_out_copy(shape, group, "none", "none"))
            for shape in el.iter("*")
            if _local(shape.tag) in CUT_OUT_SHAPES
        ]
        if not made:
            return []
        wanted = [(shape, _bare(c)[0]) for shape, c in made]
        # Only the copies whose shape has the same attributes (but its style) are compared whole:
        # an arrow key on a traced drawing of 20,000 cut shapes took 0.7 s to compare them all.
        quick = {_shape_attributes(c) for _shape, c in made}
        parts = [c for c in mask if isinstance(c.tag, str)][1:]  # (after the white rectangle)
        copies = [(c, _bare(c)) for c in parts if _shape_attributes(c) in quick]
        out = []
        for shape, sig in wanted:
            match = next((i for i, (_c, (other, _f, _s)) in enumerate(copies) if other == sig), None)
            if match is not None:
                found_copy, (_sig, fill, stroke) = copies.pop(match)
                out.append((shape, found_copy, fill, stroke))
        return out

    @contextmanager
    def _cut_outs_following(self, el: Any) -> Iterator[None]:
        """Let the edit in the ``with`` block change ``el``, then make its copies in the cut-out
        mask again from what it became: a white detail moved (or widened) takes its hole along,
        and a cut-out shape that no longer fills (or strokes) no longer cuts there."""
        before = self._cut_outs_of(el)
        yield
        if not before:
            return
        group = self._cut_out_mask(el)
        for shape, old, fill, stroke in before:
            new = _copy_for(shape, group[0] if group else self.root, fill, stroke)
            _replace_keeping_lines(old, new)

    @staticmethod
    def _restack_cut_out(group: Any, mask: Any, paints: dict[int, tuple[str, str]]) -> None:
        """Write the mask's copies again in the drawing's new order: from the first shape that is
        cut, each shape's copy (one that had none: white, it covers what lies below)."""
        from .svgimport import CUT_OUT_SHAPES

        shapes = [e for e in group.iter("*") if _local(e.tag) in CUT_OUT_SHAPES and e is not group]
        cuts = [i for i, e in enumerate(shapes) if "black" in paints.get(id(e), ())]
        parts = [c for c in mask if isinstance(c.tag, str)]
        indent = parts[0].tail if parts else None
        for old in parts[1:]:
            mask.remove(old)
        for shape in shapes[cuts[0] :] if cuts else []:
            fill, stroke = paints.get(id(shape)) or _mask_paints(shape, "white", "none")
            made = _copy_for(shape, group, fill, stroke)
            _lay_out_holders(made, indent or "")
            made.tail = indent
            mask[len(mask) - 1].tail = indent
            mask.append(made)
        if len(mask):
            mask[len(mask) - 1].tail = parts[-1].tail if parts else None

    def set_root_id(self, value: str) -> None:
        self.root.set("id", value)


def follow_cut_outs(before: str, after: str) -> str | None:
    """``after`` with the cut-out copy of each shape an edit of the XML changed made again from
    what the shape became, as the canvas's edits do (see ``SvgDocument._cut_outs_following``);
    None when there is nothing to follow (or ``before`` or ``after`` is no readable SVG).

    Why: a white knob moved by typing its new ``cx`` in the XML left its hole where it was: a
    hole in the door with nothing there, the knob drawn unseen in the door's colour, and the
    copy, no longer the knob's, never followed a canvas edit again. Only a change to the shapes'
    own attributes is followed, when every element is where it was and the copy itself is as it
    was: a copy written by hand, or shapes added, removed or moved in the XML, are left as typed.
    """
    if "mask" not in after:
        return None  # (most icons: nothing cut out, nothing parsed)
    try:
        old, new = SvgDocument(before), SvgDocument(after)
    except SvgEditError:
        return None
    if [e.tag for e in old.root.iter()] != [e.tag for e in new.root.iter()]:
        return None
    followed = False
    for group, mask in old._cut_out_masks():
        new_group = new.element(old.path_of(group))
        if new_group.get("mask") != group.get("mask"):
            continue
        for shape, old_copy, fill, stroke in old._cut_outs_of(group, (group, mask)):
            new_shape, new_copy = new.element(old.path_of(shape)), new.element(old.path_of(old_copy))
            if _same_element(shape, new_shape) or not _same_element(old_copy, new_copy):
                continue
            made = _copy_for(new_shape, new_group, fill, stroke)
            _replace_keeping_lines(new_copy, made)
            followed = True
    if not followed:
        return None
    text = new.to_text()
    return text if text != after else None


def _replace_keeping_lines(old: Any, new: Any) -> None:
    """Put the cut-out copy ``new`` where ``old`` was, with ``old``'s line breaks and indents (the
    blank text and tails of its parts): a copy made again is written as the one it replaces."""
    for old_part, new_part in zip(old.iter(), new.iter(), strict=False):
        if not (new_part.text or "").strip():
            new_part.text = old_part.text if not (old_part.text or "").strip() else new_part.text
        new_part.tail = old_part.tail
    old.getparent().replace(old, new)


def _same_element(a: Any, b: Any) -> bool:
    """Whether two elements are written alike (their attributes, text and children; not the tail)."""
    from lxml import etree

    return bool(etree.tostring(a, with_tail=False) == etree.tostring(b, with_tail=False))


def _drawn_alike(a: Any, b: Any) -> bool:
    """Whether two elements say the same (tags, attributes, words; not whitespace or the namespace
    declarations, which the sanitiser tidies away): a definition pasted back into its own icon."""
    if a.tag != b.tag or dict(a.attrib) != dict(b.attrib) or (a.text or "").strip() != (b.text or "").strip():
        return False
    kids_a, kids_b = [c for c in a if isinstance(c.tag, str)], [c for c in b if isinstance(c.tag, str)]
    return len(kids_a) == len(kids_b) and all(_drawn_alike(x, y) for x, y in zip(kids_a, kids_b, strict=True))


def _is_cut_out_mask(mask: Any, first: Any) -> bool:
    """Whether ``mask`` (whose first element is ``first``) is the import's cut-out mask: in user
    units, a white rectangle first."""
    return mask.get("maskUnits") == "userSpaceOnUse" and _local(first.tag) == "rect" and first.get("fill") == "white"


def _shape_attributes(mask_copy: Any) -> tuple[tuple[str, str], ...]:
    """The attributes of the shape a cut-out copy holds (inside its groups), but its style."""
    inner = mask_copy
    while _local(inner.tag) == "g" and len(inner) == 1:
        inner = inner[0]
    return tuple(sorted((k, v) for k, v in inner.attrib.items() if k != "style"))


def _bare(mask_copy: Any) -> tuple[tuple[object, ...], str, str]:
    """A cut-out copy without its paint, layout and namespace prefixes, to compare with another;
    and its fill and stroke."""
    from .svgimport import _declarations

    inner = mask_copy
    while _local(inner.tag) == "g" and len(inner) == 1:
        inner = inner[0]
    style = _declarations(inner.get("style") or "")
    kept = ";".join(f"{k}:{v}" for k, v in style.items() if k not in ("fill", "stroke") and (k, v) != _HIDDEN)
    parts: list[object] = []
    for part in mask_copy.iter():
        attrs = sorted((k, v) for k, v in part.attrib.items() if not (part is inner and k == "style"))
        text = (part.text or "").strip() and part.text
        tail = (part.tail or "").strip() and part.tail if part is not mask_copy else ""
        parts.append((_local(part.tag) if isinstance(part.tag, str) else part.tag, tuple(attrs), text, tail))
    parts.append(kept)
    return tuple(parts), style.get("fill", "none"), style.get("stroke", "none")


def _lay_out_holders(el: Any, indent: str, unit: str = "  ") -> None:
    """One group of a cut-out copy per line, as the import writes them (``indent``: the line
    break and spaces before ``el``; none, and the copy stays on one line)."""
    if "\n" not in indent or _local(el.tag) != "g" or len(el) != 1:
        return
    el.text = indent + unit
    el[0].tail = indent
    _lay_out_holders(el[0], indent + unit, unit)


_HIDDEN = ("visibility", "hidden")  # on a copy whose shape paints nothing: see _copy_for


def _copy_for(shape: Any, top: Any, fill: str, stroke: str) -> Any:
    """The cut-out copy of ``shape`` after an edit, its paints were ``fill`` and ``stroke``.

    A shape that now paints nothing ("No colour") must not cut, but a copy painted ``none``
    forgets whether it cut (black) or covered (white): set back to "App colour", the knob came
    back white in the mask, its hole gone. So such a copy keeps its colour and is hidden
    (``visibility:hidden``, which draws nothing in the mask); painted again, it shows its colour.
    """
    from .svgimport import cut_out_copy

    now = _mask_paints(shape, fill, stroke)
    if now != ("none", "none") or (fill, stroke) == ("none", "none"):
        return cut_out_copy(shape, top, *now)
    made = cut_out_copy(shape, top, fill, stroke)
    inner = made
    while _local(inner.tag) == "g" and len(inner) == 1:
        inner = inner[0]
    inner.set("style", f"{inner.get('style')};{':'.join(_HIDDEN)}")
    return made


def _mask_paints(shape: Any, fill: str, stroke: str) -> tuple[str, str]:
    """The copy's paints after an edit of ``shape``: as they were, but ``none`` where the shape no
    longer paints, and the copy's colour where it now paints what it did not (a stroke added)."""
    colour = "black" if "black" in (fill, stroke) else "white"
    out = []
    for key, was in (("fill", fill), ("stroke", stroke)):
        own = None
        for part in (shape.get("style") or "").split(";"):
            name, _, value = part.partition(":")
            if name.strip() == key and value.strip():
                own = value.strip()
        own = (own if own is not None else shape.get(key) or "").strip().lower()
        if own in ("none", "transparent"):
            out.append("none")
        elif own and was == "none":
            out.append(colour)
        else:
            out.append(was)
    return out[0], out[1]


def paint_of_element(el: Any, key: str, inherited: bool = False) -> str | None:
    """:meth:`SvgDocument.paint_of` of the element ``el`` (see :meth:`SvgDocument.elements`)."""
    value = _written_paint(el, key)
    while inherited and (value is None or value.strip() in ("", "inherit")):
        el = el.getparent()
        if el is None:
            return None
        value = _written_paint(el, key)
    return value


def _written_paint(el: Any, key: str) -> str | None:
    """A presentation property as written on ``el`` alone: its style first, else its attribute."""
    for part in (el.get("style") or "").split(";"):
        name, _, value = part.partition(":")
        if name.strip() == key and value.strip():
            return value.strip()
    return el.get(key)


def _written_paint_in_style(el: Any) -> set[str]:
    """The properties ``el``'s own ``style`` sets (they beat any rule)."""
    return {p.partition(":")[0].strip() for p in (el.get("style") or "").split(";") if p.partition(":")[2].strip()}


def _num(value: str | None) -> float:
    m = _NUMBER.match((value or "").strip())
    return float(m.group(0)) if m else 0.0


_ROOT_TAG = re.compile(r"<(?:[\w.\-]+:)?svg(?=[\s/>])")


def set_root_attribute(text: str, name: str, value: str) -> str:
    """``text`` with ``name="value"`` on the root <svg> start tag, every other byte as it was.

    A textual edit, for fixes and for naming a new icon file: the value of an attribute already
    there is replaced, else the attribute goes right after ``<svg``. Comments before the root
    (which may mention ``<svg>`` too) are skipped. Raises ValueError when there is no <svg> root.
    """
    start = _ROOT_TAG.match(text, root_span(text)[0])
    if start is None:
        raise ValueError("the file has no <svg> root element")
    # The attributes one by one, their values skipped whole: a '>' or a "name=" inside a value
    # ("Next > last") is not the end of the tag nor the attribute, and a second id came in.
    tag = _START_TAG.match(text, start.start())
    end = tag.end() if tag is not None else len(text)
    attr = next((m for m in _ATTR.finditer(text, start.end(), end) if m.group(2) == name), None)
    if attr is not None:
        return text[: attr.start(5)] + value + text[attr.end(5) :]
    return f'{text[: start.end()]} {name}="{value}"{text[start.end() :]}'


def symbol_svg(data: bytes, symbol_id: str) -> bytes | None:
    """A stand-alone SVG drawing the sprite symbol ``symbol_id``, as ``file.svg#id`` shows it.

    Why: renderers (Qt's among them) draw nothing for a ``<symbol>`` asked for by id; the app
    shows it through ``<use>``, in the symbol's own viewBox. The copy keeps the file's
    definitions and styles, so gradients and classes still apply. None when there is no such
    symbol or the data is not readable.
    """
    from lxml import etree

    try:
        root = parse_svg(data)
    except (etree.XMLSyntaxError, ValueError):
        return None
    symbol = next((el for el in root.iter() if _local(el.tag) == "symbol" and el.get("id") == symbol_id), None)
    return None if symbol is None else _drawing_of_symbol(root, symbol)


def symbol_svgs(data: bytes) -> dict[str, bytes]:
    """:func:`symbol_svg` of every symbol of a sprite, from one reading of it ({} if unreadable).

    Why: the icon editor draws a picture of each symbol, again after each key typed in the XML;
    reading a sprite of a hundred symbols once per symbol took a second per key. Each drawing
    holds its own symbol only, so a picture cached by its bytes is drawn again only when its
    symbol (or a definition it may use) changed.

    A symbol that uses more than :data:`MAX_USED_IN_A_PICTURE` other symbols and definitions
    (through symbols that use others in turn) gets no drawing: each drawing carries all it uses,
    and a sprite of 1,000 symbols each using the next made 47 MB of drawings, seven seconds after
    every key typed. No real icon comes near that.
    """
    from lxml import etree

    try:
        root = parse_svg(data)
    except (etree.XMLSyntaxError, ValueError):
        return {}
    out: dict[str, bytes] = {}
    bare: dict[int, tuple[Any, set[str]]] = {}
    uses = _Uses(root)
    for el in symbol_elements(root):
        name = el.get("id")
        if name in out:
            continue
        drawing = _drawing_of_symbol(root, el, bare, uses)
        if drawing is not None:
            out[name] = drawing
    return out


MAX_USED_IN_A_PICTURE = 100  # symbols and definitions one symbol's picture may carry (see symbol_svgs)


class _Uses:
    """The symbols of one reading of a sprite by id, and the ids each one uses, worked out once
    each: every symbol's drawing asks for those of the symbols it uses."""

    def __init__(self, root: Any) -> None:
        self.root = root
        self.by_id = {s.get("id"): s for s in symbol_elements(root)}
        self._direct: dict[str, list[str]] = {}
        self._beside: dict[str, bool] = {}

    def direct(self, name: str) -> list[str]:
        """The ids the symbol ``name`` names itself ([] for an id that is no symbol)."""
        found = self._direct.get(name)
        if found is None:
            from lxml import etree

            symbol = self.by_id.get(name)
            found = [] if symbol is None else _USED_ID.findall(etree.tostring(symbol, encoding="unicode"))
            self._direct[name] = found
        return found

    def beside(self, name: str) -> bool:
        """Whether the symbol ``name`` sits outside the root's ``<defs>``/``<style>`` (whose copies
        bring along the symbols in them)."""
        found = self._beside.get(name)
        if found is None:
            root = self.root
            found = not any(
                a.getparent() is root and _local(a.tag) in ("defs", "style") for a in self.by_id[name].iterancestors()
            )
            self._beside[name] = found
        return found


def _drawing_of_symbol(
    root: Any, symbol: Any, bare: dict[int, tuple[Any, set[str]]] | None = None, uses: _Uses | None = None
) -> bytes | None:
    """The drawing of ``symbol`` alone; ``bare`` keeps, for a call that draws every symbol, each
    ``<defs>`` and ``<style>`` of the root (by position) with no symbols in it, made once, and the
    ids of the symbols it had. With ``uses`` (that call's), None when the symbol uses more than
    :data:`MAX_USED_IN_A_PICTURE` others (see :func:`symbol_svgs`).

    Why ``bare``: a sprite's ``<defs>`` holds all its symbols, and most symbols use none of the
    others; copying every symbol for each drawing, then removing them, took two seconds after each
    key typed in the icon editor's XML for a sprite of 1,000 symbols.
    """
    from lxml import etree

    ns = root.tag[1:].split("}", 1)[0] if isinstance(root.tag, str) and root.tag.startswith("{") else ""
    out = etree.Element(f"{{{ns}}}svg" if ns else "svg", nsmap={None: ns} if ns else None)
    view_box = symbol.get("viewBox") or root.get("viewBox")
    if view_box:
        out.set("viewBox", view_box)
    for attr in ("fill", "stroke", "stroke-width", "stroke-linecap", "stroke-linejoin", "color"):
        value = symbol.get(attr) or root.get(attr)
        if value:
            out.set(attr, value)
    group = etree.SubElement(out, f"{{{ns}}}g" if ns else "g")
    for child in symbol:
        group.append(copy.deepcopy(child))
    # The file's definitions and styles, without the other symbols (the app's sprite keeps all
    # of them in one <defs>, and each drawing held the whole sprite), unless this one uses them.
    wanted = set(_USED_ID.findall(etree.tostring(group, encoding="unicode")))
    beside: list[Any] = []  # symbols it uses that are not in a <defs> or <style> of the root
    if wanted:
        found = _symbols_used(root, wanted, uses)
        if found is None:
            return None
        wanted, beside = found
    # (found by lxml: a sprite's thousands of symbols beside each other were walked for each one)
    for at, el in enumerate(root.iterchildren("{*}defs", "{*}style")):
        if bare is None:
            group.addprevious(_without_symbols(el, wanted))
            continue
        if at not in bare:
            bare[at] = (_without_symbols(el, set()), {s.get("id") for s in el.iter("{*}symbol")})
        empty, ids = bare[at]
        group.addprevious(_without_symbols(el, wanted) if wanted & ids else copy.deepcopy(empty))
    if beside:
        defs = etree.Element(f"{{{ns}}}defs" if ns else "defs")
        defs.extend(copy.deepcopy(s) for s in beside)
        group.addprevious(defs)
    return etree.tostring(out)


def _without_symbols(el: Any, wanted: set[str]) -> Any:
    """A copy of ``el`` without the symbols in it whose id is not in ``wanted``."""
    kept = copy.deepcopy(el)
    for other in list(kept.iter("{*}symbol")):  # (found by lxml, as in symbol_elements)
        if other.get("id") not in wanted:
            other.getparent().remove(other)
    return kept


def _symbols_used(root: Any, wanted: set[str], uses: _Uses | None = None) -> tuple[set[str], list[Any]] | None:
    """``wanted`` with the ids the symbols it names use in turn, and those symbols that sit
    outside the root's ``<defs>``/``<style>`` (beside the one drawn, as hand-made sprites put them).
    With ``uses`` (a call drawing every symbol), None once there are more than
    :data:`MAX_USED_IN_A_PICTURE` of them.

    Why: a symbol drawn with ``<use href="#dot"/>`` of another symbol showed without the dot,
    which only the copies of the ``<defs>`` brought along.
    """
    limit = None if uses is None else MAX_USED_IN_A_PICTURE
    if uses is None:
        uses = _Uses(root)
    seen: set[str] = set()
    todo = list(wanted)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        if limit is not None and len(seen) > limit:
            return None
        todo += uses.direct(name)
    return seen, [s for name, s in uses.by_id.items() if name in seen and uses.beside(name)]
