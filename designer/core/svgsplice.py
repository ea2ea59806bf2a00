"""Write an edited SVG back into its original text, changing only the parts that changed.

Why: lxml serialises a tree its own way. Moving one rectangle on the canvas used to rewrite the
whole file: a CDATA style sheet came back escaped, ``&#233;`` as a literal character, single
quotes as double quotes, attributes that run over several lines on one line, namespaces declared
through DOCTYPE entities expanded. Round-trip fidelity is the designer's promise, so the text of
every node the edit did not touch is kept byte for byte: an element whose attributes changed
gets a new start tag in which only those attributes are rewritten (in their own quotes), a new
element is serialised by lxml, a removed one takes its own text with it, and the text between
nodes is the original wherever lxml's value of it is unchanged.

How: :class:`Spans` scans the original text once (elements, comments, processing instructions,
entity references, in document order, as lxml's ``iter()`` yields them) and records where each
node and each piece of text between nodes lies. :meth:`Spans.write` walks the edited tree and
takes the original text of what is unchanged. The result is checked: parsed again it must give
the same tree as the edited one (canonical XML), else the caller falls back to lxml's own text.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["Spans"]

_ATTR = re.compile(r"""(\s+)([^\s=/>]+)(\s*=\s*)(["'])(.*?)\4""", re.S)
_NAME_END = re.compile(r"[\s/>]")
_START_TAG = re.compile(r"""<[^\s/>!?][^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>""")
_ENTITY = re.compile(r"&([A-Za-z_:][\w.\-:]*);")
_PREDEFINED = frozenset(("amp", "lt", "gt", "quot", "apos"))
_SKIPPED = (("<!--", "-->", True), ("<![CDATA[", "]]>", False), ("<?", "?>", True))  # (opener, closer, a node?)
_XML_NS = "http://www.w3.org/XML/1998/namespace"


class _Node:
    """Where one node of the original text lies, and what lxml read there."""

    __slots__ = ("start", "tag_end", "close", "end", "self_closing", "children", "inner", "after", "read")

    def __init__(self, start: int) -> None:
        self.start = start  # "<" of the start tag (or of the comment, PI; "&" of an entity)
        self.tag_end = start  # just after the start tag's ">"
        self.close = start  # "<" of the end tag (the node's end when it has none)
        self.end = start  # just after the node
        self.self_closing = False
        self.children: list[_Node] = []
        self.inner = ""  # the original text from the start tag to the first child (or end tag)
        self.after = ""  # the original text from this node to the next one (or the parent's end tag)
        self.read: tuple[Any, ...] = ()  # what lxml read: tag, text, tail, attributes, a comment's text


def _scan(text: str, start: int) -> list[_Node] | None:
    """The nodes of the root element starting at ``start``, in document order; None if unsure."""
    nodes: list[_Node] = []
    stack: list[_Node] = []
    i, n = start, len(text)

    def leaf(at: int, end: int) -> None:
        node = _Node(at)
        node.tag_end = node.close = node.end = end
        stack[-1].children.append(node)
        nodes.append(node)

    while i < n:
        lt = text.find("<", i)
        if lt == -1:
            return None
        if stack:  # entity references lxml keeps as nodes (not &amp; or &#233;) in the text before
            for m in _ENTITY.finditer(text, i, lt):
                if m.group(1) not in _PREDEFINED:
                    leaf(m.start(), m.end())
        skipped = next((sk for sk in _SKIPPED if text.startswith(sk[0], lt)), None)
        if skipped is not None:  # a comment, CDATA section or processing instruction
            opener, closer, is_node = skipped
            close = text.find(closer, lt + len(opener))
            if close == -1 or not stack:
                return None
            if is_node:  # CDATA is text, not a node
                leaf(lt, close + len(closer))
            i = close + len(closer)
        elif text.startswith("</", lt):
            close = text.find(">", lt)
            if close == -1 or not stack:
                return None
            node = stack.pop()
            node.close, node.end = lt, close + 1
            if not stack:
                return nodes
            i = close + 1
        elif text.startswith("<!", lt):
            return None
        else:
            m = _START_TAG.match(text, lt)  # up to its ">", quoted attribute values skipped
            if m is None:
                return None
            j = m.end() - 1
            node = _Node(lt)
            node.tag_end = j + 1
            node.self_closing = text[j - 1] == "/"
            if stack:
                stack[-1].children.append(node)
            nodes.append(node)
            if node.self_closing:
                node.close = node.end = j + 1
                if not stack:
                    return nodes
            else:
                stack.append(node)
            i = j + 1
    return None


def _texts(text: str, node: _Node) -> None:
    """Fill in the original text inside ``node`` and after each of its children."""
    kids = node.children
    node.inner = text[node.tag_end : kids[0].start if kids else node.close]
    for k, child in enumerate(kids):
        child.after = text[child.end : kids[k + 1].start if k + 1 < len(kids) else node.close]


class Spans:
    """The original text of a parsed SVG root, node by node (see the module docstring)."""

    def __init__(self, text: str, root: Any, start: int) -> None:
        self.text = text
        self.nodes: dict[Any, _Node] = {}
        self._keep: list[Any] = []  # lxml hands out the same node object only while one is alive
        scanned = _scan(text, start)
        found = list(root.iter())
        self.ok = scanned is not None and len(scanned) == len(found)
        if not self.ok or scanned is None:
            return
        for el, node in zip(found, scanned, strict=True):
            element = isinstance(el.tag, str)
            looks = text.startswith("<", node.start) and not text.startswith(("<!--", "<?"), node.start)
            if element != looks:
                self.ok = False
                return
            attrib = tuple(el.attrib.items()) if element else ()
            node.read = (el.tag, el.text, el.tail, attrib)
            if element:
                _texts(text, node)
            self.nodes[el] = node
        self._keep = found

    def write(self, root: Any, newline: str) -> str | None:
        """The root element's text after the edits; None when it cannot be written this way."""
        if not self.ok:
            return None
        try:
            return self._emit(root, newline)
        except Exception:  # noqa: BLE001 - any surprise: the caller writes lxml's own text
            return None

    def _fresh(self, el: Any, newline: str) -> str:
        """A node the edit made: lxml's text of it, without namespaces its parent declares."""
        from lxml import etree

        out = etree.tostring(el, encoding="unicode", with_tail=False)
        parent = el.getparent()
        if isinstance(el.tag, str) and parent is not None:
            head_end = out.find(">")
            head = out[:head_end]
            for prefix, uri in (parent.nsmap or {}).items():
                decl = f' xmlns="{uri}"' if prefix is None else f' xmlns:{prefix}="{uri}"'
                head = head.replace(decl, "", 1)
            out = head + out[head_end:]
        return out.replace("\n", newline) if newline != "\n" else out

    def _emit(self, el: Any, newline: str) -> str:
        node = self.nodes.get(el)
        if node is None:
            return self._fresh(el, newline)
        text = self.text
        tag, was_text, _tail, attrib = node.read
        if not isinstance(el.tag, str):  # a comment, processing instruction or entity reference
            return text[node.start : node.end] if (el.tag, el.text) == (tag, was_text) else self._fresh(el, newline)
        if el.tag != tag:
            return self._fresh(el, newline)
        same = tuple(el.attrib.items()) == attrib
        start = text[node.start : node.tag_end] if same else self._start_tag(el, node, newline)
        children = list(el)
        if node.self_closing and not children and el.text is None:
            return start
        if node.self_closing:  # it gained content: an open tag and an end tag
            start = start[: start.rindex("/")].rstrip() + ">"
            name_end = _NAME_END.search(text, node.start + 1)
            end_tag = f"</{text[node.start + 1 : name_end.start() if name_end else node.start + 1]}>"
        else:
            end_tag = text[node.close : node.end]
        parts = [start, node.inner if el.text == was_text else self._escaped(el.text, newline)]
        for child in children:
            parts.append(self._emit(child, newline))
            cnode = self.nodes.get(child)
            same_tail = cnode is not None and child.tail == cnode.read[2]
            parts.append(cnode.after if same_tail and cnode is not None else self._escaped(child.tail, newline))
        parts.append(end_tag)
        return "".join(parts)

    @staticmethod
    def _escaped(value: str | None, newline: str) -> str:
        if not value:
            return ""
        out = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        return out.replace("\n", newline) if newline != "\n" else out

    def _start_tag(self, el: Any, node: _Node, newline: str) -> str:
        """The original start tag with only the changed attributes rewritten (in their quotes),
        the removed ones taken out and the new ones added at the end."""
        raw = self.text[node.start : node.tag_end]
        found = _NAME_END.search(raw, 1)
        name_end = found.start() if found else len(raw) - 1
        body_end = raw.rindex("/") if node.self_closing else len(raw) - 1
        nsmap = el.nsmap or {}
        old = dict(node.read[3])
        new = dict(el.attrib.items())
        out = [raw[:name_end]]
        seen: set[str] = set()
        pos = name_end
        for m in _ATTR.finditer(raw, name_end, body_end):
            out.append(raw[pos : m.start()])
            pos = m.end()
            qname = m.group(2)
            if qname == "xmlns" or qname.startswith("xmlns:"):
                out.append(m.group(0))
                continue
            key = _clark(qname, nsmap)
            seen.add(key)
            if key not in new:
                continue  # removed, with the space before it
            if new[key] == old.get(key):
                out.append(m.group(0))
            else:
                quote = m.group(4)
                out.append(m.group(1) + qname + m.group(3) + quote + _attr_value(new[key], quote) + quote)
        out.append(raw[pos:body_end])
        for key, value in new.items():
            if key not in seen:
                out.append(f' {_qname(key, nsmap)}="{_attr_value(value, chr(34))}"')
        out.append("/>" if node.self_closing else ">")
        return "".join(out)


def _clark(qname: str, nsmap: dict[Any, str]) -> str:
    prefix, _, local = qname.rpartition(":")
    if not prefix:
        return qname  # attributes without a prefix have no namespace
    if prefix == "xml":
        return f"{{{_XML_NS}}}{local}"
    if prefix not in nsmap:
        raise KeyError(prefix)
    return f"{{{nsmap[prefix]}}}{local}"


def _qname(key: str, nsmap: dict[Any, str]) -> str:
    if not key.startswith("{"):
        return key
    uri, local = key[1:].split("}", 1)
    if uri == _XML_NS:
        return f"xml:{local}"
    prefix = next((p for p, u in nsmap.items() if u == uri and p), None)
    if prefix is None:
        raise ValueError(uri)
    return f"{prefix}:{local}"


def _attr_value(value: str, quote: str) -> str:
    out = value.replace("&", "&amp;").replace("<", "&lt;")
    out = out.replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    return out.replace(quote, "&quot;" if quote == '"' else "&apos;")
