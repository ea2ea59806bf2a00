"""Reading SVG icons safely and listing the ids a ``file.svg#id`` reference can use.

Why lxml with this parser configuration: icons come from strangers' ZIPs. The parser never
resolves entities (billion-laughs, file disclosure), never loads a DTD, never touches the
network and refuses huge trees, yet still reports the line and column of a syntax error.
"""

from __future__ import annotations

import re
from typing import Any

from ._records import Record
from .lineends import byte_position, line_col, line_cols, newline_of, odd_breaks
from .wording import counted, plural

__all__ = [
    "MAX_ATTRIBUTES",
    "SvgFinding",
    "SvgInfo",
    "TooManyAttributes",
    "as_utf8",
    "as_utf8_text",
    "doctype_span",
    "harmless_doctype",
    "not_svg_kind",
    "not_svg_message",
    "parse_svg",
    "read_svg",
    "remove_doctype",
    "remove_element",
    "safe_parser",
    "sanitise_svg",
    "sanitise_tree",
    "scan_svg",
    "shown_position",
    "style_text",
    "viewbox_from_size",
    "viewbox_problem",
    "xml_error",
]

SVG_NS = "http://www.w3.org/2000/svg"


def safe_parser() -> Any:
    from lxml import etree

    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=False,
    )


# Attributes one element may have. An icon's elements have a handful; lxml reads an element's
# attribute values one search at a time, so 50,000 attributes on one <svg> (a 1 MB file) took
# twenty seconds of every check, and as long again in the icon editor.
MAX_ATTRIBUTES = 1000
# Below this size no element can have more than MAX_ATTRIBUTES attributes worth counting
# (each takes at least four bytes): small files, nearly all of them, are not walked for it.
_ATTRIBUTES_COUNTED_FROM = 4 * MAX_ATTRIBUTES


class TooManyAttributes(ValueError):
    """An element with more than :data:`MAX_ATTRIBUTES` attributes; ``line`` is the element's."""

    def __init__(self, tag: str, count: int, line: int) -> None:
        super().__init__(
            f"the element <{tag}> has {count:,} attributes (an icon's elements have a handful; "
            f"more than {MAX_ATTRIBUTES:,} are not read)"
        )
        self.line = line


def parse_svg(data: bytes) -> Any:
    """``data`` parsed with :func:`safe_parser` (None for no element); raises lxml's
    ``XMLSyntaxError``, or ``ValueError`` (:class:`TooManyAttributes` among them) for data that
    cannot or may not be read.

    Why one function: every reader of an icon (the checks, the icon editor, its pictures) must
    refuse the same files, or the one that does not freezes on them.
    """
    from lxml import etree

    root = etree.fromstring(data, safe_parser())
    if root is not None and len(data) > _ATTRIBUTES_COUNTED_FROM:
        for el in root.iter("*"):
            n = len(el.attrib)
            if n > MAX_ATTRIBUTES:
                raise TooManyAttributes(etree.QName(el).localname, n, el.sourceline or 1)
    return root


class SvgInfo(Record):
    """What :func:`read_svg` found: the ids a reference can use, or why the file cannot be read."""

    __slots__ = (
        "ok",
        "error",
        "line",
        "column",
        "root_tag",
        "root_id",
        "ids",
        "duplicate_ids",
        "has_doctype",
        "has_viewbox",
        "tree",
    )

    def __init__(
        self, ok: bool, error: str = "", line: int = 0, column: int = 0, root_tag: str = "", tree: Any = None
    ) -> None:
        self.ok = ok
        self.error = error
        self.line = line
        self.column = column
        self.root_tag = root_tag
        self.root_id: str | None = None
        self.ids: dict[str, int] = {}  # id -> line of first element with it
        self.duplicate_ids: list[tuple[str, int]] = []
        self.has_doctype = False
        self.has_viewbox = False
        self.tree = tree  # the lxml root element, for deeper checks

    def id_case_match(self, wanted: str) -> str | None:
        """The id that differs from ``wanted`` only in letter case or in how an accent is encoded."""
        from .files import clash_key

        key = clash_key(wanted)
        return next((i for i in self.ids if clash_key(i) == key), None)


# libxml2's words for the usual slips, in plain words (the rest are passed on as they are). The
# patterns stay strings: only a broken icon needs them, and the re module compiles (and caches)
# them then, not at every import of this module by `check`.
_EXPLOSION = r"amplification|[Dd]etected an entity reference loop"  # libxml2 on entities that multiply
_XML_ERRORS = (
    (
        r"Opening and ending tag mismatch: (\S+) line (\d+) and ([^\s,]+)",
        "the <{0}> that starts on line {1} is not closed before </{2}>; end it with '/>' or add </{0}> where it ends",
    ),
    (r"Premature end of data in tag (\S+)", "the file ends before <{0}> is closed"),
    (r"EndTag: '</' not found", "the file ends before its last element is closed"),
    (r"Excessive depth in document: (\d+)", "elements are nested more than {0} deep"),
    (r"Start tag expected, '<' not found", "there is no XML here (no element starts with '<')"),
    (r"Document is empty", "the file is empty"),
    (r"Attribute (\S+) redefined", "the attribute {0} is written twice in one element"),
    (r"AttValue: \\?\" or ' expected", "an attribute's value is not in quotes"),
    (r"xmlParseEntityRef: no name|EntityRef: expecting ';'", "a '&' that is not part of an entity (write &amp;)"),
    (r"^expected '>'", "an end tag is not written as </name> (no space after '</', '>' at its end)"),
    (r"^expected '='", "an attribute has no '=' between its name and its value"),
    (
        r"String not closed expecting",
        "a value in the <?xml ...?> declaration or the DOCTYPE is not closed with its quote",
    ),
    (r"String not started expecting", "a value in the <?xml ...?> declaration or the DOCTYPE is not in quotes"),
    (
        r"xmlns(?::\S+)?: '(.*)' is not a valid URI",
        "the namespace address '{0}' is not valid (an SVG's is xmlns=\"http://www.w3.org/2000/svg\"; "
        "is a quote missing?)",
    ),
    (
        r"xmlParsePI : no target name|ParsePI: PI \S+ (?:space expected|never end)",
        "a '<?' does not start a valid <?xml ...?> declaration or processing instruction",
    ),
    (r"Extra content at the end of the document", "there is more after the end of the root element"),
    (
        _EXPLOSION,
        "its entity definitions expand far too much (a 'billion laughs' attack?); the DOCTYPE must go",
    ),
    (
        r"Resource limit exceeded|XML_PARSE_HUGE|[Hh]uge input",
        "it goes beyond the reader's safety limits (an enormous attribute, text or nesting)",
    ),
    (
        r"Document labelled UTF-16 but has UTF-8 content|[Ee]ncoding",
        "its text encoding cannot be read as declared",
    ),
    # Slips of hand-written and pasted SVG (an HTML entity, a namespace prefix never declared, a
    # '<' in a value, a control character) were shown in libxml2's own words.
    (
        r"Namespace prefix (\S+) (?:for \S+ )?on (\S+) is not defined",
        "the prefix '{0}:' (on <{1}>) is used without being declared; add xmlns:{0}=\"...\" to the <svg> element",
    ),
    (
        r"Entity '([^']+)' not defined",
        "&{0}; is not an XML entity (HTML names such as &nbsp; are not XML); write the character itself or "
        "its number, such as &#160;",
    ),
    (r"Unescaped '<' not allowed in attributes? values?", "an attribute's value holds a '<' (write &lt;)"),
    (
        r"Char 0x[0-9A-Fa-f]+ out of allowed range|PCDATA invalid Char value|invalid character in attribute value",
        "it holds a control character that XML does not allow (such as NUL); remove it",
    ),
    (
        r"xmlParseCharRef: invalid xmlChar value|character reference out of bounds",
        "a character reference (&#...;) names a character that XML does not allow",
    ),
    (r"Double hyphen within comment", "a comment holds '--', which XML does not allow inside <!-- -->"),
    (r"CData section not finished", "a <![CDATA[ section is not closed with ]]>"),
    (r"Comment not terminated", "a comment <!-- is not closed with -->"),
    (r"Sequence ']]>' not allowed in content", "the text ']]>' is not allowed in XML text (write ]]&gt;)"),
    (
        r"error parsing attribute name|attributes construct error",
        'an attribute is not written as name="value" (a space missing between two, or a name that starts with a digit)',
    ),
    (r"Specification mandates value for attribute (\S+)", 'the attribute {0} has no value (write {0}="...")'),
    (r"StartTag: invalid element name", "a '<' is not followed by an element name (write &lt; for a '<' in text)"),
    (
        r"XML declaration allowed only at the start",
        "the <?xml ...?> declaration must come first in the file, with nothing before it (not even a space)",
    ),
    (
        r"Unsupported version|Malformed declaration expecting version",
        'its <?xml ...?> declaration is not valid; it should read <?xml version="1.0"?>',
    ),
)


def _plain_xml_error(message: str) -> str:
    message = " ".join(message.split())  # one line: the CLI prints file:line:col: message
    message = re.sub(r", line \d+, column \d+$", "", message)  # the problem gives its place
    for pattern, plain in _XML_ERRORS:
        found = re.search(pattern, message)
        if found:
            return plain.format(*found.groups())
    return message.rstrip(".")


# Line ends libxml2 does not count (it counts LF only) and the editor does: a lone CR, U+2028, U+2029.
_ODD_BREAKS = rb"\r(?!\n)|\xe2\x80[\xa8\xa9]"


def shown_position(data: bytes, line: int, column: int) -> tuple[int, int]:
    """libxml2's ``line`` and ``column`` (LF-counted lines, characters, line 1 after a byte order
    mark) as the editor shows them, where a lone CR, U+2028 and U+2029 end lines too.

    Why: in an icon saved with lone CRs every error was on line 1, at a column far past its end.
    """
    if not odd_breaks(data):
        return line, column
    text = data.decode("utf-8", "replace")
    at = _parser_offset(text, line, column)
    return (line, column) if at is None else line_col(text, at)


def _parser_offset(text: str, line: int, column: int) -> int | None:
    """The index in ``text`` of libxml2's ``line`` and ``column`` (LF-counted); None past the end."""
    start = 1 if text.startswith("\ufeff") else 0
    for _ in range(line - 1):
        found = text.find("\n", start)
        if found == -1:
            return None
        start = found + 1
    return min(start + max(column, 1) - 1, len(text))


def _end_tag_position(data: bytes, line: int, column: int) -> tuple[int, int]:
    """Where the end tag of a "tag mismatch" starts (its '<'), as the editor shows it.

    Why: libxml2 gives the place just after the end tag's '>', so "<g> is closed by </svg>"
    pointed one column past the tag, or at the start of the next line's text. When that place
    does not follow a '>' (a libxml2 counting otherwise), its own place is said, as for any error.
    """
    text = data.decode("utf-8", "replace")
    at = _parser_offset(text, line, column)
    if at is not None and text[at - 1 : at] == ">":
        begin = text.rfind("</", 0, at)  # an end tag holds no '<' of its own: this is its start
        if begin != -1:
            return line_col(text, begin)
    return shown_position(data, line, column)


def _shown_lines(data: bytes, root: Any) -> None:
    """Give every node of ``root`` (parsed from ``data``) the line the editor shows its start tag
    ending on: ``sourceline`` counts LF only, so after a lone CR or a U+2028 it was lines too high.

    The lines come from a second parse of ``data`` with those ends written as LF (only for a
    file that has them); when it does not give the same nodes, the lines stay as they were.
    """
    from lxml import etree

    try:
        again = etree.fromstring(re.sub(_ODD_BREAKS, b"\n", data), safe_parser())
    except (etree.XMLSyntaxError, ValueError):
        return
    if again is None:
        return
    nodes, others = ([*r.itersiblings(preceding=True), *r.iter(), *r.itersiblings()] for r in (root, again))
    if len(nodes) != len(others):
        return
    for node, other in zip(nodes, others, strict=True):
        if node.sourceline is not None and other.sourceline is not None:
            node.sourceline = other.sourceline


def xml_error(data: bytes, exc: Any) -> tuple[str, int, int]:
    """libxml2's syntax error ``exc`` in ``data`` as (plain words, line, column) the editor shows.

    Why one place: the Problems list and the banner over the icon canvas each turned the error
    into words and a place of their own, and the banner said libxml2's ("error parsing
    attribute name") at the place just past a mismatched end tag while the list said it plainly.
    """
    msg = exc.msg or ""
    line, col = exc.position if exc.position else (exc.lineno or 0, 0)
    text = data.decode("utf-8", "replace") if re.search(_EXPLOSION, msg) else ""
    span = doctype_span(text) if text else None
    opened = _left_open(data, msg)
    if span is not None:
        # An entity explosion is placed where libxml2 was expanding (line 1, column 7, inside
        # <?xml ...?>, for the classic file): the DOCTYPE defining the entities is what must go.
        line, col = line_col(text, span[0])
    elif opened is not None:
        line, col = opened
    elif (unclosed := _unclosed_tag(data, msg, line, col)) is not None:
        return unclosed
    elif (quote := _open_quote(data, msg, line, col)) is not None:
        return quote
    elif msg.startswith(("Blank needed here", "parsing XML declaration")) and _in_declaration(data, line, col):
        return "the <?xml ...?> declaration is not closed with ?>", *shown_position(data, line or 1, col or 1)
    elif msg.startswith("Invalid bytes in character encoding") and (not_utf8 := _not_utf8(data)) is not None:
        return not_utf8
    elif msg.startswith("Opening and ending tag mismatch"):
        msg = _start_tag_line(data, msg, line or 1, col or 1)
        line, col = _end_tag_position(data, line or 1, col or 1)
        return _plain_xml_error(msg), line, col
    else:
        line, col = shown_position(data, line or 1, col or 1)
    return _plain_xml_error(exc.msg or str(exc)), line, col


# The labels a browser reads as Windows-1252 (the Encoding Standard): 0x80-0x9f are '€', '“', ...
_READ_AS_1252 = {"latin-1", "iso8859-1", "ascii", "cp1252"}


# The encoding an icon's <?xml ...?> declaration names (group 1).
_DECLARED_ENCODING = rb"\s*<\?xml[^>]*?encoding\s*=\s*[\"']([^\"']*)"


def as_utf8_text(data: bytes) -> tuple[str, str] | None:
    """(the icon's text, its <?xml ...?> declaration naming UTF-8; the encoding it was in) when
    ``data`` is no UTF-8 but reads whole as its declaration or its UTF-16 byte-order mark says,
    as a browser reads it; else None (UTF-8 already, or unreadable: PD403).

    Why: such an icon works in the app, but the designer edits UTF-8 text only and could not open
    it. Written as this text in UTF-8, the declaration changed with it, it reads the same.
    """
    import codecs

    from .lineends import utf16_text

    try:
        data.decode("utf-8")
        return None
    except UnicodeDecodeError:
        pass
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        text, encoding = utf16_text(data), "UTF-16"
    else:
        declared = re.match(_DECLARED_ENCODING, data)
        if declared is None:
            return None
        encoding = declared.group(1).decode("ascii", "replace")
        try:
            codec = codecs.lookup(encoding).name
        except LookupError:
            return None
        text = None
        for name in ("cp1252", "latin-1") if codec in _READ_AS_1252 else (codec,):
            try:
                text = data.decode(name)
                break
            except UnicodeDecodeError:
                continue
    if text is None:
        return None
    text = re.sub(r"""\A(\s*<\?xml[^>]*?encoding\s*=\s*["'])[^"']*""", r"\g<1>UTF-8", text, count=1)
    return text, encoding


def _not_utf8(data: bytes) -> tuple[str, int, int] | None:
    """(plain words, line, column) for an icon that is not UTF-8 though it declares no other
    encoding (or declares UTF-8); None when it names another one or is UTF-16.

    Why: an icon saved in Latin-1 that declared nothing was "its text encoding cannot be read as
    declared", with no byte to look for: XML without a declaration must be UTF-8.
    """
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in data[:4]:
        return None  # UTF-16 (libxml2 tells it by its first bytes): not about UTF-8
    declared = re.match(_DECLARED_ENCODING, data)
    if declared and declared.group(1).lower().replace(b"_", b"-") not in (b"utf-8", b"utf8"):
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        byte = f"byte 0x{data[exc.start]:02x}"
        words = (
            f"its <?xml ...?> declaration says UTF-8, but it is not UTF-8 text ({byte})"
            if declared
            else f"it is not UTF-8 text ({byte}), and it declares no other encoding"
        )
        return (words, *byte_position(data, exc.start))
    return None


def _start_tag_line(data: bytes, message: str, line: int, column: int) -> str:
    """libxml2's "tag mismatch" ``message`` with the line of the start tag left open as the editor
    shows it.

    Why: the message says on which line the element left open starts, and libxml2 counts lines at
    LF only; in an icon saved with lone CRs that line was 1 for every element. The start tag is
    the last one of that name on libxml2's line before the end tag (at ``line``, ``column``).
    """
    found = re.search(r"mismatch: (\S+) line (\d+) ", message)
    if found is None or not odd_breaks(data):
        return message
    text = data.decode("utf-8", "replace")
    start = _parser_offset(text, int(found.group(2)), 1)
    if start is None:
        return message
    stop = text.find("\n", start)
    stop = len(text) if stop == -1 else stop
    end = _parser_offset(text, line, column)
    at = text.rfind("<" + found.group(1), start, stop if end is None else min(stop, end))
    if at == -1:
        return message
    return message[: found.start(2)] + str(line_col(text, at)[0]) + message[found.end(2) :]


# The first bytes of the pictures and documents drawing programs also export: saved under an
# .svg name by mistake, they were "not UTF-8 text" or "no XML here", advice about text.
_NOT_SVG = (
    (b"\x89PNG\r\n\x1a\n", "PNG picture"),
    (b"\xff\xd8\xff", "JPEG picture"),
    (b"GIF87a", "GIF picture"),
    (b"GIF89a", "GIF picture"),
    (b"II*\x00", "TIFF picture"),
    (b"MM\x00*", "TIFF picture"),
    (b"%PDF-", "PDF document (as Illustrator's .ai files are)"),
)


def not_svg_kind(data: bytes) -> str | None:
    """What a file named .svg is when its bytes are a picture or a PDF ("PNG picture"), else None."""
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WebP picture"
    return next((kind for magic, kind in _NOT_SVG if data.startswith(magic)), None)


def not_svg_message(kind: str) -> str:
    """Why a picture named .svg is no icon, and what to do, in the words of the other messages."""
    return f"it is a {kind}, not an SVG drawing (only its name ends in .svg); export the icon as SVG"


def _unclosed_tag(data: bytes, message: str, line: int, column: int) -> tuple[str, int, int] | None:
    """A start tag whose '>' or '/>' is missing, as (plain words, line, column of its end).

    libxml2 reads the next tag's '<' as one more attribute and says "error parsing attribute
    name" there, on the next line: the words and the place pointed away from the tag left open.
    """
    if not re.match(r"error parsing attribute name|attributes construct error", message):
        return None
    text = data.decode("utf-8", "replace")
    at = _parser_offset(text, line or 1, column or 1)
    if at is not None and text[at : at + 1] == "/":  # a '/' without its '>': look past it
        rest = text[at + 1 :]
        at += 1 + len(rest) - len(rest.lstrip())
    if at is None or text[at : at + 1] != "<":
        return None
    opened = text.rfind("<", 0, at)
    name = re.match(r"<([^\s/>!?<]+)", text[opened:]) if opened != -1 else None
    if name is None:
        return None
    end = len(text[:at].rstrip())  # just after its last attribute: where the '/>' belongs
    return (
        f"<{name.group(1)}> is not closed: end it with '/>' (or '>' when other elements go inside)",
        *line_col(text, end),
    )


def _open_quote(data: bytes, message: str, line: int, column: int) -> tuple[str, int, int] | None:
    """An attribute value whose closing quote is missing, as (plain words, line, column of its quote).

    The value runs on to the next tag, and libxml2 says "Unescaped '<' not allowed in attributes
    values" there, on a later line: the quote left open is what to fix.
    """
    if not message.startswith("Unescaped '<' not allowed in attribute"):
        return None
    text = data.decode("utf-8", "replace")
    at = _parser_offset(text, line or 1, column or 1)
    if at is None:
        return None
    quote = max(text.rfind('"', 0, at), text.rfind("'", 0, at))
    name = re.search(r"([^\s=<>\"']+)\s*=\s*$", text[:quote]) if quote != -1 else None
    if name is None or "\n" not in text[quote:at]:
        return None
    mark = text[quote]
    return (f"the value of {name.group(1)}= is not closed with its quote ({mark})", *line_col(text, quote))


def _in_declaration(data: bytes, line: int, column: int) -> bool:
    """Whether libxml2's place is inside a <?xml ...?> declaration that has no '?>' before it."""
    text = data.decode("utf-8", "replace").lstrip("\ufeff")
    at = _parser_offset(text, line or 1, column or 1)
    return at is not None and text.startswith("<?xml") and "?>" not in text[:at]


def _left_open(data: bytes, message: str) -> tuple[int, int] | None:
    """Where the comment or CDATA section left open starts, for libxml2's error about it, which
    it places at the end of the file (it read on to the end looking for the close)."""
    opener, closer = (
        ("<!--", "-->")
        if message.startswith("Comment not terminated")
        else ("<![CDATA[", "]]>")
        if message.startswith("CData section not finished")
        else ("", "")
    )
    if not opener:
        return None
    text = data.decode("utf-8", "replace")
    at = text.find(opener)
    while at != -1:
        end = text.find(closer, at + len(opener))
        if end == -1:
            return line_col(text, at)
        at = text.find(opener, end + len(closer))
    return None


def read_svg(data: bytes) -> SvgInfo:
    """Parse ``data`` without resolving anything external; never raises on bad input."""
    from lxml import etree

    kind = not_svg_kind(data)
    if kind is not None:
        return SvgInfo(False, not_svg_message(kind), 1, 1)
    try:
        root = parse_svg(data)
    except etree.XMLSyntaxError as exc:
        return SvgInfo(False, *xml_error(data, exc))
    except TooManyAttributes as exc:
        return SvgInfo(False, str(exc), exc.line, 1)
    except ValueError as exc:  # e.g. unicode strings with encoding declaration
        return SvgInfo(False, str(exc), 1, 1)
    if root is None:
        return SvgInfo(False, "the file is empty", 1, 1)
    if odd_breaks(data):
        _shown_lines(data, root)
    tag = etree.QName(root).localname if isinstance(root.tag, str) else ""
    info = SvgInfo(True, root_tag=tag, tree=root)
    info.root_id = root.get("id")
    info.has_viewbox = root.get("viewBox") is not None
    info.has_doctype = bool(root.getroottree().docinfo.doctype)
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        eid = el.get("id")
        if eid is None:
            continue
        if eid in info.ids:
            info.duplicate_ids.append((eid, el.sourceline or 0))
        else:
            info.ids[eid] = el.sourceline or 0
    return info


# -- safety ------------------------------------------------------------------------------------

XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"

_FE = (
    "feBlend feColorMatrix feComponentTransfer feComposite feConvolveMatrix feDiffuseLighting "
    "feDisplacementMap feDistantLight feDropShadow feFlood feFuncA feFuncB feFuncG feFuncR feGaussianBlur "
    "feMerge feMergeNode feMorphology feOffset fePointLight feSpecularLighting feSpotLight feTile feTurbulence"
)
ALLOWED_ELEMENTS = frozenset(
    (
        "svg g defs symbol use path rect circle ellipse line polyline polygon text tspan textPath title desc "
        "linearGradient radialGradient stop clipPath mask pattern marker filter style switch " + _FE
    ).split()
)
ALLOWED_ATTRIBUTES = frozenset(
    """
    id class style viewBox width height x y x1 y1 x2 y2 cx cy r rx ry d points transform fill fill-opacity
    fill-rule stroke stroke-width stroke-linecap stroke-linejoin stroke-miterlimit stroke-dasharray
    stroke-dashoffset stroke-opacity opacity color display visibility overflow clip-path clip-rule clipPathUnits
    mask mask-type maskUnits maskContentUnits preserveAspectRatio version baseProfile href gradientUnits
    gradientTransform spreadMethod fx fy fr offset stop-color stop-opacity patternUnits patternContentUnits
    patternTransform markerWidth markerHeight markerUnits refX refY orient marker-start marker-mid marker-end
    filter filterUnits primitiveUnits in in2 result stdDeviation dx dy mode operator k1 k2 k3 k4 values type
    tableValues slope intercept amplitude exponent kernelMatrix order divisor bias targetX targetY
    edgeMode kernelUnitLength preserveAlpha surfaceScale diffuseConstant specularConstant specularExponent
    lighting-color azimuth elevation pointsAtX pointsAtY pointsAtZ limitingConeAngle flood-color
    flood-opacity radius scale xChannelSelector yChannelSelector baseFrequency numOctaves seed stitchTiles
    font-family font-size font-style font-weight font-variant text-anchor dominant-baseline
    alignment-baseline letter-spacing word-spacing text-decoration writing-mode textLength lengthAdjust
    startOffset method spacing rotate vector-effect shape-rendering color-interpolation
    color-interpolation-filters image-rendering paint-order enable-background pathLength space lang
    requiredFeatures requiredExtensions systemLanguage focusable role aria-hidden aria-label
    """.split()
)
_NAME = re.compile(r"^[^\W\d][\w.\-]*\Z")  # (\Z: "$" lets a final line break by)


def is_id_name(text: str) -> bool:
    """Whether ``text`` is an id ``file.svg#id`` can name reliably (PD422's rule): a letter or ``_``
    first, then letters, digits, ``_ . -`` and accents. Accents are combining marks, which ``\\w``
    leaves out: an id typed on macOS ("cafe" + U+0301) or in Hindi (vowel signs) was refused."""
    if _NAME.match(text):
        return True
    if not text or _NAME.match(text[0]) is None:
        return False
    import unicodedata

    return all(ch.isalnum() or ch in "_.-" or unicodedata.category(ch)[0] == "M" for ch in text)


def _what_is_wrong(text: str) -> str:
    """Why ``text`` is no id :func:`is_id_name` accepts, in a few words ("it holds '#'").

    Why: PD422 said "no spaces; it must not start with a digit" of every id, also of one with
    neither, such as 'icon#1', and the user was left to guess.
    """
    if not text:
        return "it is empty"
    if _NAME.match(text[0]) is None:
        return f"it starts with '{text[0]}'"
    import unicodedata

    bad = next((ch for ch in text if not (ch.isalnum() or ch in "_.-" or unicodedata.category(ch)[0] == "M")), text[0])
    if bad in "\r\n\u2028\u2029\x85":
        return "it holds a line break"
    return "it holds a space" if bad.isspace() else f"it holds '{bad}'"


# Patterns for what few icons hold (url(...), links, data: addresses) stay strings: the re module
# compiles (and caches) them on first use, not at every import of this module by `check`.
_URL_REF = r"(?i)url\(\s*['\"]?([^'\")\s]*)"
_SCRIPT_URL = r"(?i)^\s*(javascript|vbscript|data\s*:\s*text/html)\s*:?"
_RASTER_DATA = r"(?i)^\s*data:image/(png|jpe?g|gif|webp);"
# CSS functions that load a picture from a bare string: image-set("x.png" 1x) needs no url().
_URL_FUNCTIONS = r"(?i)(?<![\w-])(?:-webkit-)?(?:image-set|image|cross-fade|element|src)\("
_CSS_ESCAPE = r"\\(?:([0-9a-fA-F]{1,6})[ \t\n\r\f]?|(\n)|(.))"


def _css_plain(text: str) -> str:
    """CSS text as a browser reads it: escapes decoded (``u\\72l(`` is ``url(``, ``@\\69mport``
    is ``@import``), so the checks below see what the style really does.

    Comments are left in: a comment between two letters splits a name (``u/**/rl(`` is not a
    url()), and taking them out could join the text on either side of a string into one.
    """
    if "\\" not in text:
        return text

    def decode(m: re.Match[str]) -> str:
        if m.group(1) is not None:
            code = int(m.group(1), 16)
            return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"
        return "" if m.group(2) is not None else m.group(3)

    return re.sub(_CSS_ESCAPE, decode, text, flags=re.S)


def style_text(el: Any) -> str:
    """The CSS of a ``<style>`` element as a browser reads it: its text and the text after each
    of its children. Why: a comment (or an instruction) splits the text, and the checks and the
    sanitiser read only what came before it, so an outside address written after one passed."""
    return (el.text or "") + "".join(child.tail or "" for child in el)


class SvgFinding(Record):
    """One thing :func:`scan_svg` found in an icon."""

    __slots__ = ("code", "line", "column", "detail", "sanitisable", "rename")

    def __init__(self, code: str, line: int, column: int, detail: str, sanitisable: bool = True) -> None:
        self.code = code  # PD410-PD430
        self.line = line
        self.column = column
        self.detail = detail  # plain-language description of what was found
        self.sanitisable = sanitisable  # the sanitiser removes it
        self.rename: tuple[str, str] | None = None  # PD420: (referenced id, existing id differing only in case)


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def symbol_elements(root: Any) -> list[Any]:
    """The ``<symbol id="...">`` elements under ``root`` (an lxml element), in document order.

    Why one function: a sprite's symbols are icons in three places (the menu item's icon
    choices, the icon editor's sprite view and the import of a sprite), and they must agree on
    what counts as one: a ``symbol`` element in any namespace, with a non-empty id.
    """
    # Found by lxml (in C): a traced drawing holds 50,000 shapes and no symbol, and a Python test
    # of each element took a tenth of a second, twice on every redraw of the icon editor.
    return [el for el in root.iter("{*}symbol") if el.get("id")]


def _prolog(data: bytes) -> bytes:
    """The bytes before the root element (where a DOCTYPE and its entities live)."""
    m = re.search(rb"<(?![?!])", data)
    if m is None:
        return data
    # An internal subset may itself contain "<!ENTITY": skip past the DOCTYPE's "]>".
    end = data.find(b"]>", 0)
    start = m.start()
    if end != -1 and data.find(b"<!DOCTYPE", 0, start) != -1 and end > start:
        m2 = re.search(rb"<(?![?!])", data[end:])
        return data[: end + (m2.start() if m2 else 0)]
    return data[:start]


def _refs(value: str) -> list[str]:
    """url(...) targets in an attribute or style value."""
    return re.findall(_URL_REF, value)


def doctype_span(text: str) -> tuple[int, int] | None:
    """Where the DOCTYPE of an SVG's text is: (start, end) of ``<!DOCTYPE ... >`` (an internal
    subset ``[...]`` and quoted ids included), or None when it has none before the root."""
    m = re.search(r"<!DOCTYPE\b", text)
    root = re.search(r"<(?![?!])", text)
    if m is None or (root is not None and root.start() < m.start()):
        return None
    i, depth, quote = m.end(), 0, ""
    while i < len(text):
        c = text[i]
        if quote:
            quote = "" if c == quote else quote
        elif c in "\"'":
            quote = c
        elif c == "[":
            depth += 1
        elif c == "]":
            depth -= 1
        elif c == ">" and depth <= 0:
            return m.start(), i + 1
        i += 1
    return None


# <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
# as Illustrator and Inkscape write it (or a bare <!DOCTYPE svg>): browsers never fetch the DTD.
# (This and the patterns of _place below stay strings, compiled on first use: most icons have no
# DOCTYPE and nothing to report.)
_PLAIN_DOCTYPE = (
    r"<!DOCTYPE\s+[\w:.-]+(?:\s+PUBLIC\s+(?:\"[^\"]*\"|'[^']*')\s+([\"'])https?://www\.w3\.org/[^\"'\s]*\1)?\s*>"
)


def harmless_doctype(text: str) -> bool:
    """Whether the SVG's DOCTYPE is the standard public one (or a bare one): no internal subset,
    no entities, nothing but the W3C's own DTD named. SPEC 5b: real icons have them, accept them."""
    span = doctype_span(text)
    return span is not None and re.fullmatch(_PLAIN_DOCTYPE, text[span[0] : span[1]]) is not None


def remove_doctype(text: str) -> str:
    """``text`` without its DOCTYPE, every other character as it was; a DOCTYPE alone on its
    line goes with that line's end."""
    span = doctype_span(text)
    if span is None:
        raise ValueError("no DOCTYPE to remove")
    start, end = span
    line_start = text.rfind("\n", 0, start) + 1
    rest = re.match(r"[ \t]*(\r\n|\n|\r)?", text[end:])
    assert rest is not None
    if not text[line_start:start].strip() and rest.group(1):
        return text[:line_start] + text[end + rest.end() :]
    return text[:start] + text[end:]


_MASKED = r"(?s)<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>"
_TAG_START = r"<([A-Za-z_][\w.:-]*)"


def _place(data: bytes, placed: list[tuple[SvgFinding, int, str | None]], names: list[str]) -> None:
    """Move each finding to its element's start tag ("<name") or to its attribute ("onclick=").

    The start tags are found in the text in document order and matched to the elements by their
    count and names; when they do not match (entities that expand to elements, odd encodings)
    the findings keep lxml's line.
    """
    text = data.decode("utf-8", "replace")
    masked = re.sub(_MASKED, lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    span = doctype_span(masked)
    if span is not None:
        masked = masked[: span[0]] + re.sub(r"[^\n]", " ", masked[span[0] : span[1]]) + masked[span[1] :]
    starts = [(m.start(), m.group(1)) for m in re.finditer(_TAG_START, masked)]
    if [_local(q.rsplit(":", 1)[-1]) for _at, q in starts] != names:
        return
    places = []
    for _finding, k, attr in placed:
        at = starts[k][0]
        if attr is not None:
            local = _local(attr)
            end = re.compile(_START_TAG_END).match(masked, at)
            tag = masked[at : end.end()] if end else masked[at : at + 4096]
            hit = re.search(r"[\s]((?:[\w.-]+:)?" + re.escape(local) + r")\s*=", tag)
            if hit is not None:
                at += hit.start(1)
        places.append(at)
    # As the editor shows it (a BOM, a lone CR); the line ends found once for all the findings.
    for (finding, _k, _attr), (line, column) in zip(placed, line_cols(text, places), strict=True):
        finding.line, finding.column = line, column


def _on_id_attributes(root: Any, on_ids: list[tuple[SvgFinding, str, int]]) -> list[tuple[SvgFinding, int, str | None]]:
    """Each finding about an id, with the index of its element (the first or the second element
    with that id) and the attribute ``id``, for :func:`_place`. Why: lxml's line is where the start
    tag ends, and Inkscape writes one attribute a line, so an id was said some lines below it."""
    wanted = {(i, n) for _f, i, n in on_ids}
    seen: dict[str, int] = {}
    found: dict[tuple[str, int], int] = {}
    k = 0
    for el in root.iter("*"):
        eid = el.get("id")
        if eid is not None:
            n = seen.get(eid, 0)
            seen[eid] = n + 1
            if (eid, n) in wanted:
                found[(eid, n)] = k
        k += 1
    return [(f, found[(i, n)], "id") for f, i, n in on_ids if (i, n) in found]


_START_TAG_END = r"""<[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>"""


def as_utf8(data: bytes) -> bytes:
    """``data`` in UTF-8 when it is UTF-16 (by its byte order mark, kept as U+FEFF), else as it is.

    Why: the scans below look for ``<!ENTITY`` and for start tags in the bytes; in a UTF-16 icon
    (Notepad's "Unicode") they found none, and an external entity was only a warning.
    """
    from .lineends import utf16_text

    text = utf16_text(data)
    return data if text is None else b"\xef\xbb\xbf" + text.encode("utf-8")


def scan_svg(data: bytes, info: SvgInfo) -> list[SvgFinding]:
    """Unsafe content, broken internal references and doubtful ids of a parsed SVG."""
    out: list[SvgFinding] = []
    if not info.ok or info.tree is None:
        return out
    data = as_utf8(data)
    prolog = _prolog(data)
    if info.has_doctype or b"<!DOCTYPE" in prolog:
        ent = prolog.find(b"<!ENTITY")
        if ent != -1:
            line, col = byte_position(data, ent)
            out.append(SvgFinding("PD411", line, col, "<!ENTITY ...> lines in the DOCTYPE at its top"))
        elif not harmless_doctype(prolog.decode("utf-8", "replace")):
            line, col = byte_position(data, max(prolog.find(b"<!DOCTYPE"), 0))
            out.append(SvgFinding("PD410", line, col, "it starts with a DOCTYPE"))
    root = info.tree
    node = root.getprevious()
    while node is not None:
        if not isinstance(node.tag, str) and getattr(node, "target", "") == "xml-stylesheet":
            out.append(
                SvgFinding(
                    "PD415", node.sourceline or 1, 1, "an xml-stylesheet instruction loads an outside style sheet"
                )
            )
        node = node.getprevious()
    ids = info.ids
    lower_ids = {i.lower(): i for i in ids}
    # (id, line, where, index of the element, attribute or None): a url(#id) or href="#id"
    internal: list[tuple[str, int, str, int, str | None]] = []
    # (finding, index of its element among the elements, attribute or None): placed afterwards
    # at the start tag or attribute itself (lxml's line is where a start tag ends).
    placed: list[tuple[SvgFinding, int, str | None]] = []

    def attribute(name: str, line: int, attr: str, value: str) -> None:
        """The findings of one attribute of the element <name> (reported at ``line``)."""
        aname = _local(attr)
        low = value.strip().lower()
        if aname.lower().startswith("on"):
            out.append(SvgFinding("PD413", line, 1, f'the attribute {aname}="{value[:40]}" on <{name}>'))
            return
        if aname == "href" or aname == "src":
            if re.match(_SCRIPT_URL, value) or low.startswith("javascript:"):
                out.append(SvgFinding("PD414", line, 1, f'<{name} {aname}="{value[:40]}">'))
            elif value.startswith("#"):
                internal.append((value[1:], line, f"<{name} href>", k, attr))
            elif name == "image" and re.match(_RASTER_DATA, value):
                pass  # an embedded picture, not an outside resource
            elif value.strip():
                what = (
                    "loads" if name in ("use", "image", "feImage", "script", "style", "animate", "set") else "links to"
                )
                out.append(SvgFinding("PD415", line, 1, f"<{name}> {what} '{value[:60]}'"))
            return
        if "\\" in value:
            value = _css_plain(value)
            low = value.strip().lower()
        if "(" in value and re.search(_URL_FUNCTIONS, value):  # most values have no "(": no search
            out.append(SvgFinding("PD415", line, 1, f"{aname} loads an outside picture (image-set or a like function)"))
        if "url(" in low or "javascript:" in low:
            if "javascript:" in low:
                out.append(SvgFinding("PD414", line, 1, f"a javascript: address in {aname}"))
            for ref in _refs(value):
                if ref.startswith("#"):
                    internal.append((ref[1:], line, f"{aname}=url(#...)", k, attr))
                elif ref and not re.match(_RASTER_DATA, ref):
                    out.append(SvgFinding("PD415", line, 1, f"{aname} loads '{ref[:60]}'"))

    names: list[str] = []  # the elements' names, in order (k below indexes them)
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        k = len(names)
        name = _local(el.tag)
        names.append(name)
        line = el.sourceline or 1
        first = len(out)
        if name == "script":
            out.append(SvgFinding("PD412", line, 1, "a <script> element"))
        elif name == "foreignObject":
            out.append(SvgFinding("PD416", line, 1, "HTML in a <foreignObject> element"))
        elif name == "style" and (text := style_text(el)):
            css = _css_plain(text)
            if re.search(_URL_FUNCTIONS, css):
                out.append(
                    SvgFinding("PD415", line, 1, "a <style> loads an outside picture (image-set or a like function)")
                )
            if "@import" in css.lower():
                out.append(SvgFinding("PD415", line, 1, "a <style> with @import loads an outside style sheet"))
            if re.search(_SCRIPT_URL, css) or "javascript:" in css.lower():
                out.append(SvgFinding("PD414", line, 1, "a javascript: address in a <style>"))
            for ref in _refs(css):
                if ref.startswith("#"):
                    internal.append((ref[1:], line, "a style", k, None))
                elif ref:
                    out.append(SvgFinding("PD415", line, 1, f"a <style> loads '{ref[:60]}'"))
        if len(out) > first:  # (rare: no generator for the many elements and attributes with nothing)
            placed.extend((f, k, None) for f in out[first:])
        # <set attributeName="href" to="https://…"> inside an <image> loads that picture as surely
        # as the <image>'s own href: each value it gives is looked at as an href.
        animated_href = name in ("animate", "set") and el.get("attributeName", "").rsplit(":", 1)[-1] == "href"
        for attr, value in el.attrib.items():
            if (
                "(" not in value
                and ":" not in value
                and "\\" not in value
                and attr[0] != "{"
                and attr not in ("href", "src")
                and attr[:2].lower() != "on"
                and not animated_href
            ):
                # The many plain values (x="3", d="M0 0h2") that attribute() has nothing to say
                # of: no call for them (a traced drawing has 200,000, scanned on every check).
                continue
            before = len(out)
            if animated_href and attr in ("to", "from", "by", "values"):
                for one in value.split(";"):
                    attribute(name, line, "href", one.strip())
            else:
                attribute(name, line, attr, value)
            if len(out) > before:
                placed.extend((f, k, attr) for f in out[before:])
    seen_missing: set[str] = set()
    for ref_id, line, where, k, attr in internal:
        if ref_id in ids or ref_id in seen_missing or not ref_id:
            continue
        seen_missing.add(ref_id)
        case = lower_ids.get(ref_id.lower())
        hint = f"; there is '{case}', which differs only in letter case" if case else ""
        finding = SvgFinding("PD420", line, 1, f"{where} refers to '#{ref_id}', which is not in the file{hint}", False)
        finding.rename = (ref_id, case) if case else None
        out.append(finding)
        placed.append((finding, k, attr))
    # A repeated id matters only where something in the file refers to it: sprites copied from the
    # app repeat inner ids ('shape' in every <symbol>) that nothing uses, and the icons, found by
    # their symbols' own ids, draw fine (SPEC 5b: accept them).
    referenced = {ref_id for ref_id, *_ in internal}
    dup_names: dict[str, int] = {}
    for dup, line in info.duplicate_ids:
        if dup in referenced:
            dup_names.setdefault(dup, line)
    on_ids: list[tuple[SvgFinding, str, int]] = []  # (finding, id, which element with it: 0 first, 1 second)
    for dup, line in list(dup_names.items())[:5]:
        more = (
            f" (and {len(dup_names) - 5} more repeated ids)" if len(dup_names) > 5 and dup == list(dup_names)[4] else ""
        )
        out.append(SvgFinding("PD421", line, 1, f"the id '{dup}' is used again here{more}", False))
        on_ids.append((out[-1], dup, 1))
    bad = [(i, ln) for i, ln in ids.items() if not is_id_name(i)]
    for i, ln in bad[:5]:
        out.append(
            SvgFinding(
                "PD422",
                ln,
                1,
                f"the id '{i}' is not a valid name: {_what_is_wrong(i)} (an id is letters, digits, '_', '.' "
                "and '-', not starting with a digit)",
                False,
            )
        )
        on_ids.append((out[-1], i, 0))
    if on_ids:
        placed.extend(_on_id_attributes(root, on_ids))
    if placed:
        _place(data, placed, names)
    size, culprit = drawn_size(root)
    if size > MAX_DRAWN:
        line = (culprit.sourceline if culprit is not None else root.sourceline) or 1
        out.append(
            SvgFinding("PD431", line, 1, f"its <use> elements copy shapes into more than {MAX_DRAWN:,} shapes", False)
        )
    # Each <symbol> has its own viewBox (the elements are looked at only when the root has none).
    viewbox = root.get("viewBox")
    if _local(root.tag) == "svg" and viewbox is None and not any(_local(el.tag) == "symbol" for el in root.iter()):
        out.append(SvgFinding("PD430", root.sourceline or 1, 1, "the <svg> element has no viewBox", False))
    elif _local(root.tag) == "svg" and viewbox is not None and (why := viewbox_problem(viewbox)) is not None:
        out.append(SvgFinding("PD430", root.sourceline or 1, 1, why, False))
    return out


_SVG_NUMBER = r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?"
_VIEWBOX = re.compile(
    rf"\s*({_SVG_NUMBER})(?:\s*,\s*|\s+)({_SVG_NUMBER})(?:\s*,\s*|\s+)({_SVG_NUMBER})(?:\s*,\s*|\s+)({_SVG_NUMBER})\s*"
)


def viewbox_problem(value: str) -> str | None:
    """What is wrong with a root ``viewBox`` value as browsers read it (the end of a sentence that
    starts "the icon"), or None.

    Why: ``viewBox="0 0 0 0"``, a negative size or three numbers passed the checks (only a missing
    viewBox was said), while browsers draw nothing of an icon whose viewBox is 0 wide or high and
    ignore one that is not four numbers with a positive size, so the icon does not scale.
    """
    m = _VIEWBOX.fullmatch(value)
    if m is None:
        return f"has the viewBox '{value.strip()[:40]}', which is not four numbers (x, y, width, height): browsers ignore it"
    width, height = float(m.group(3)), float(m.group(4))
    if width < 0 or height < 0:
        return f"has the viewBox '{value.strip()}', whose width or height is below 0: browsers ignore it"
    if width == 0 or height == 0:
        return f"has the viewBox '{value.strip()}', whose width or height is 0: browsers draw nothing of the icon"
    return None


MAX_DRAWN = 100_000  # elements an icon may make Qt or a browser draw, each <use> counting its copy
_MAX_USE_DEPTH = 200


def drawn_size(root: Any, limit: int = MAX_DRAWN) -> tuple[int, Any]:
    """How many elements drawing ``root`` takes, a ``<use>`` counting as a copy of what it names.

    Why: a 1 KB file of ``<use>`` elements that copy groups of ``<use>`` elements can ask for ten
    million shapes; drawing it froze the designer for a minute, and would freeze the meeting page.
    Returns (the count, capped at ``limit + 1``; the ``<use>`` whose copy took the count over
    ``limit``, or None). A file without ``<use>`` is not counted (0): its size is its own.
    """
    if next(root.iter("{*}use", "use"), None) is None:
        return 0, None
    by_id: dict[str, Any] = {}
    for el in root.iter():
        if isinstance(el.tag, str) and el.get("id") is not None:
            by_id[el.get("id")] = el  # the last one, as Qt and browsers find it
    memo: dict[Any, int] = {}
    active: set[Any] = set()
    culprit: list[Any] = []

    def weight(el: Any, depth: int) -> int:
        found = memo.get(el)
        if found is not None:
            return found
        if depth > _MAX_USE_DEPTH:
            return limit + 1
        if el in active:
            return 0  # a <use> that copies itself draws nothing more
        active.add(el)
        total = 1
        for child in el:
            if isinstance(child.tag, str):
                total += weight(child, depth + 1)
                if total > limit:
                    if not culprit and _local(child.tag) == "use":
                        culprit.append(child)  # the copy that took the count over
                    break
        if total <= limit and _local(el.tag) == "use":
            href = el.get("href") or el.get(f"{{{XLINK_NS}}}href") or ""
            target = by_id.get(href[1:]) if href.startswith("#") else None
            if target is not None:
                total += weight(target, depth + 1)
                if total > limit and not culprit:
                    culprit.append(el)
        active.discard(el)
        memo[el] = total = min(total, limit + 1)
        return total

    return weight(root, 0), (culprit[0] if culprit else None)


def viewbox_from_size(info: SvgInfo) -> str | None:
    """'0 0 W H' from the root's numeric width/height (px or unitless), else None."""
    root = info.tree
    if root is None:
        return None
    dims = []
    for name in ("width", "height"):
        m = re.fullmatch(r"\s*([0-9]*\.?[0-9]+)\s*(px)?\s*", root.get(name) or "")
        if not m or float(m.group(1)) <= 0:
            return None
        dims.append(m.group(1))
    return f"0 0 {dims[0]} {dims[1]}"


def _safe_value(el_name: str, attr: str, value: str) -> bool:
    if attr in ("href", "src"):
        low = value.strip().lower()
        if "javascript:" in low or "vbscript:" in low or "data:text/html" in low:
            return False
        return value.startswith("#") or (el_name == "image" and bool(re.match(_RASTER_DATA, value)))
    if ":" not in value and "(" not in value and "\\" not in value:
        return True  # what is refused below needs a scheme (':'), a function call ('(') or an escape
    value = _css_plain(value)
    low = value.strip().lower()
    if "javascript:" in low or "vbscript:" in low or "data:text/html" in low or "expression(" in low:
        return False
    if re.search(_URL_FUNCTIONS, value):
        return False
    if "url(" in low:
        return all(r.startswith("#") or not r or re.match(_RASTER_DATA, r) for r in _refs(value))
    return True


def sanitise_svg(data: bytes) -> tuple[str, list[str]]:
    """A clean copy of an SVG: allowlisted elements and attributes only, no DOCTYPE or entities.

    Every id on a kept element stays, so ``file.svg#id`` references keep working. Returns the
    new text and the ids that were on removed elements (empty in practice; the caller can
    refuse to apply the result when a referenced id would be lost). Raises ValueError when
    ``data`` is not well-formed XML.
    """
    from lxml import etree

    info = read_svg(data)
    if not info.ok or info.tree is None:
        raise ValueError(f"the SVG cannot be read: {info.error}")
    lost = sanitise_tree(info.tree)
    text = etree.tostring(info.tree, encoding="unicode")
    decl = '<?xml version="1.0" encoding="UTF-8"?>\n' if data.lstrip().startswith(b"<?xml") else ""
    text = decl + text + "\n"
    # The file's own line ending and byte-order mark: the parser reads CRLF as LF and drops the
    # mark, and a file written on Windows came back with every line changed. (A CR in a text or
    # a value is written &#13;, never bare.)
    newline = newline_of(data)
    if newline != "\n":
        text = text.replace("\n", newline)
    return ("\ufeff" + text if data.startswith(b"\xef\xbb\xbf") else text), lost


def _qname(el_or_attr: str, prefix: str | None) -> str:
    """``prefix:local`` as the author wrote it, for messages."""
    local = _local(el_or_attr)
    return f"{prefix}:{local}" if prefix else local


class _Removals:
    """Collects what the sanitiser removed and words it once, merging repeats of the same thing."""

    __slots__ = ("events", "attrs")

    def __init__(self) -> None:
        self.events: dict[str, list[int]] = {}  # description -> lines (0: no line)
        self.attrs: dict[str, int] = {}  # harmless attributes an icon does not use -> count

    def add(self, what: str, line: int = 0) -> None:
        self.events.setdefault(what, []).append(line)

    def lines(self) -> list[str]:
        out = []
        for what, lines in self.events.items():
            known = [ln for ln in lines if ln]
            if not known:
                out.append(what if len(lines) == 1 else f"{what} ({len(lines)} times)")
            elif len(lines) == 1:
                out.append(f"{what} (line {known[0]})")
            elif len(set(known)) == 1:
                out.append(f"{what} ({len(lines)} times, line {known[0]})")
            elif len(lines) <= 5:
                out.append(f"{what} (lines {', '.join(str(ln) for ln in known)})")
            else:
                out.append(f"{what} ({len(lines)} times, first on line {known[0]})")
        if self.attrs:
            names = list(self.attrs)
            shown = ", ".join(names[:6]) + (", ..." if len(names) > 6 else "")
            total = sum(self.attrs.values())
            out.append(f"{counted(total, 'attribute')} an icon does not use ({shown})")
        return out


def _describe_prolog(root: Any, rec: _Removals) -> None:
    """What sits outside the root element (DOCTYPE, entities, instructions) and is not kept."""
    from lxml import etree

    docinfo = root.getroottree().docinfo
    dtd = docinfo.internalDTD
    entities = list(dtd.iterentities()) if dtd is not None else []
    if entities:
        names = ", ".join(e.name for e in entities[:5]) + (", ..." if len(entities) > 5 else "")
        rec.add(f"a DOCTYPE declaring {counted(len(entities), 'entity', 'entities')} ({names})")
        for ent in entities:
            if ent.system_url:
                url = ent.system_url
                # Long enough for a file path under a home or temporary folder; a cut one says so.
                shown = url if len(url) <= 120 else url[:119] + "…"
                rec.add(f"an external entity '{ent.name}' pointing at {shown}")
    elif docinfo.doctype:
        url = docinfo.system_url
        rec.add(f"a DOCTYPE that refers to {url[:80]}" if url else "a DOCTYPE")
    for step in ("getprevious", "getnext"):
        node = getattr(root, step)()
        while node is not None:
            if node.tag is etree.Comment:
                rec.add("a comment outside the drawing", node.sourceline or 0)
            elif node.tag is etree.PI:
                if node.target == "xml-stylesheet":
                    href = node.get("href") or ""
                    what = (
                        f"an xml-stylesheet instruction that loads '{href[:60]}'"
                        if href
                        else ("an xml-stylesheet instruction (an outside style sheet)")
                    )
                    rec.add(what, node.sourceline or 0)
                else:
                    rec.add(f"a processing instruction <?{node.target}?>", node.sourceline or 0)
            node = getattr(node, step)()


def _describe_attribute(el_name: str, attr: str, qname: str, value: str, rec: _Removals, line: int) -> None:
    low = value.strip().lower()
    if attr.lower().startswith("on"):
        rec.add(f'an event handler {qname}="{value[:40]}" on <{el_name}>', line)
    elif "javascript:" in low or "vbscript:" in low:
        rec.add(f"a javascript: address in {qname} on <{el_name}>", line)
    elif "data:text/html" in low or "expression(" in low:
        rec.add(f"embedded code in {qname} on <{el_name}>", line)
    elif attr in ("href", "src") and value.strip() and not value.startswith("#"):
        if low.startswith("data:"):
            rec.add(f"an embedded data address in {qname} on <{el_name}>", line)
        else:
            rec.add(f"an external link to {value.strip()[:60]} on <{el_name}>", line)
    elif "url(" in low and not _safe_value(el_name, attr, value):
        outside = [r for r in _refs(value) if r and not r.startswith("#")]
        rec.add(f"an outside resource '{(outside or [value])[0][:60]}' in {qname} on <{el_name}>", line)
    else:
        rec.attrs[qname] = rec.attrs.get(qname, 0) + 1


def _describe_element(el: Any, name: str, ids: list[str], rec: _Removals) -> None:
    if name == "script":
        what = "a <script> element"
    elif name == "foreignObject":
        what = "a <foreignObject> element (embedded HTML)"
    elif name == "image":
        href = el.get("href") or el.get(f"{{{XLINK_NS}}}href") or ""
        if href.strip() and not href.strip().lower().startswith("data:"):
            what = f"an <image> element that loads {href.strip()[:60]}"
        else:
            what = "an <image> element (a picture inside the icon)"
    else:
        what = f"a <{_qname(el.tag, el.prefix)}> element"
    if ids:
        shown = ", ".join(f"'{i}'" for i in ids[:3]) + (", ..." if len(ids) > 3 else "")
        what += f" (it held the {plural(len(ids), 'id')} {shown})"
    rec.add(what, el.sourceline or 0)


def remove_element(el: Any) -> None:
    """Take ``el`` out of its parent, keeping the text that followed it (lxml stores it on ``el``)."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    prev = el.getprevious()
    if tail:
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def sanitise_tree(root: Any, removed: list[str] | None = None) -> list[str]:
    """Clean a parsed SVG in place; return the ids lost with removed elements.

    The one implementation of the allowlist, shared by :func:`sanitise_svg` (the checker's fix)
    and the icon import. When ``removed`` is given, plain-language lines about everything taken
    out (including the DOCTYPE and instructions outside ``root``, which a caller drops by
    serialising only ``root``) are appended to it.
    """
    from lxml import etree

    rec = _Removals()
    if removed is not None:
        _describe_prolog(root, rec)
    lost: list[str] = []

    def drop(el: Any, describe: bool = True) -> None:
        parent = el.getparent()
        if parent is None:
            return
        if isinstance(el.tag, str):
            ids = [e.get("id") for e in el.iter() if isinstance(e.tag, str) and e.get("id")]
            lost.extend(ids)
            if removed is not None and describe:
                _describe_element(el, _local(el.tag), ids, rec)
        elif removed is not None:
            if el.tag is etree.Entity:
                rec.add(f"the entity reference {el.text}", el.sourceline or 0)
            else:
                rec.add(f"a processing instruction <?{getattr(el, 'target', '')}?>", el.sourceline or 0)
        remove_element(el)

    # What each distinct tag and attribute name means, worked out once: an icon repeats a handful
    # of them, and a drawing of 100,000 shapes spent most of its clean-up splitting the same names.
    tags: dict[str, tuple[str, str]] = {}
    attrs: dict[str, tuple[str, str, bool]] = {}
    dropped = [False]
    # An attribute may hold a reference to an entity of the DOCTYPE (Illustrator writes
    # style="&st0;"). lxml reads its value expanded (what the checks below see) but writes the
    # reference back, and the DOCTYPE does not survive: each kept value is set again as plain text.
    dtd = root.getroottree().docinfo.internalDTD
    expand = dtd is not None and next(iter(dtd.iterentities()), None) is not None

    def drop_once(el: Any, describe: bool = True) -> None:
        dropped[0] = True
        drop(el, describe)

    for el in list(root.iter()):
        # Only after a drop can an element of the list have left the tree with an ancestor.
        if dropped[0] and el is not root and not any(a is root for a in el.iterancestors()):
            continue  # already removed with an ancestor
        tag = el.tag
        if not isinstance(tag, str):
            if tag is not etree.Comment:
                drop_once(el)  # entities and processing instructions
            continue
        known = tags.get(tag)
        if known is None:
            known = tags[tag] = (_local(tag), tag[1:].split("}", 1)[0] if tag.startswith("{") else "")
        name, ns = known
        if name == "a" and ns in ("", SVG_NS):
            # Keep the drawing inside a link, drop the link: a group of shapes, or in a text a
            # <tspan> (a <g> is no text content: browsers dropped the linked words).
            in_text = any(_local(a.tag) in ("text", "tspan", "textPath") for a in el.iterancestors())
            name = "tspan" if in_text else "g"
            el.tag = f"{{{ns}}}{name}" if ns else name
            if removed is not None:
                rec.add("a link around part of the drawing (the drawing stays)", el.sourceline or 0)
        if el is root and (name != "svg" or ns not in ("", SVG_NS)):
            # A root that is not <svg> (a <script> or a <style> on its own) cannot be taken out:
            # it becomes an <svg> without text, and its children are vetted as usual.
            if removed is not None:
                rec.add(f"the root element <{name}> (an icon's root is <svg>; it was made one)", el.sourceline or 0)
            el.tag = f"{{{SVG_NS}}}svg" if ns else "svg"
            el.text = None
            name, ns = "svg", (SVG_NS if ns else "")
        if el is not root and (name not in ALLOWED_ELEMENTS or ns not in ("", SVG_NS)):
            drop_once(el)
            continue
        if name == "style" and (text := style_text(el)):
            css = _css_plain(text)
            if "@import" in css.lower() or not _safe_value("style", "", text):
                if removed is not None:
                    why = (
                        "loads an outside style sheet (@import)"
                        if "@import" in css.lower()
                        else "runs code or loads an outside resource"
                    )
                    rec.add(f"a <style> element that {why}", el.sourceline or 0)
                drop_once(el, describe=False)
                continue
        for attr in list(el.attrib):
            meaning = attrs.get(attr)
            if meaning is None:
                aname = _local(attr)
                ans = attr[1:].split("}", 1)[0] if attr.startswith("{") else ""
                allowed = (
                    (ans == "" and (aname in ALLOWED_ATTRIBUTES or aname.startswith(("data-", "aria-"))))
                    or (ans == XLINK_NS and aname in ("href", "title"))
                    or (ans == XML_NS and aname in ("space", "lang"))
                ) and not aname.lower().startswith("on")
                meaning = attrs[attr] = (aname, ans, allowed)
            aname, ans, allowed = meaning
            value = el.attrib[attr]
            if expand and allowed and _safe_value(name, aname, value):
                el.set(attr, value)
                continue
            if not allowed or not _safe_value(name, aname, value):
                if removed is not None:
                    prefix = "xml" if ans == XML_NS else next((p for p, u in el.nsmap.items() if u == ans and p), None)
                    _describe_attribute(name, aname, _qname(attr, prefix), el.attrib[attr], rec, el.sourceline or 0)
                del el.attrib[attr]
    etree.cleanup_namespaces(root)
    if removed is not None:
        removed.extend(rec.lines())
    return lost
