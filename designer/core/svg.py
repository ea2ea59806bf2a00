"""Reading SVG icons safely and listing the ids a ``file.svg#id`` reference can use.

Why lxml with this parser configuration: icons come from strangers' ZIPs. The parser never
resolves entities (billion-laughs, file disclosure), never loads a DTD, never touches the
network and refuses huge trees, yet still reports the line and column of a syntax error.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["SvgInfo", "read_svg", "safe_parser"]

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


@dataclass
class SvgInfo:
    ok: bool
    error: str = ""
    line: int = 0
    column: int = 0
    root_tag: str = ""
    root_id: str | None = None
    ids: dict[str, int] = field(default_factory=dict)  # id -> line of first element with it
    duplicate_ids: list[tuple[str, int]] = field(default_factory=list)
    has_doctype: bool = False
    has_viewbox: bool = False
    tree: Any = None  # the lxml root element, for deeper checks

    def id_case_match(self, wanted: str) -> str | None:
        low = wanted.lower()
        return next((i for i in self.ids if i.lower() == low), None)


def read_svg(data: bytes) -> SvgInfo:
    """Parse ``data`` without resolving anything external; never raises on bad input."""
    from lxml import etree

    try:
        root = etree.fromstring(data, safe_parser())
    except etree.XMLSyntaxError as exc:
        line, col = exc.position if exc.position else (exc.lineno or 0, 0)
        msg = exc.msg or str(exc)
        return SvgInfo(False, msg, line or 1, (col or 0) + 1)
    except ValueError as exc:  # e.g. unicode strings with encoding declaration
        return SvgInfo(False, str(exc), 1, 1)
    if root is None:
        return SvgInfo(False, "the file is empty", 1, 1)
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
