"""Keep menu item actions and the source's functions in step (the form's action field).

Why edits go through tree-sitter nodes and not a text search: renaming ``raise`` must not touch
``'raise'`` in a string, ``// raise`` in a comment or ``obj.raise``; the parse tree says which
occurrences are the variable. Every helper takes the source text and returns the new text
(or raises ValueError with a sentence for the user); the form applies it in one undo step
together with the menu item change.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .jsanalysis import Registration, _parser, analyse
from .jstext import is_identifier

__all__ = ["ActionState", "action_state", "add_action_function", "rename_action_function", "unmatched_keys"]

RESERVED_KEYS = frozenset({"id", "load", "unload", "state$", "state"})


@dataclass(frozen=True)
class ActionState:
    function: bool  # the source defines a function (or variable) with the action's name
    registered: bool  # registerPlugin has a key with the action's name
    editable: bool  # exactly one registerPlugin({...}) call, so keys can be added


def _registration(source: str) -> Registration | None:
    regs = analyse(source).registrations
    return regs[0] if len(regs) == 1 and regs[0].keys is not None and regs[0].open_brace >= 0 else None


@lru_cache(maxsize=8)
def _facts(source: str) -> tuple[frozenset[str], frozenset[str], tuple[tuple[str, str], ...] | None]:
    """(names defined, keys of any registerPlugin, the single editable registration's (key, kind)s).

    Cached by text: the form asks after every edit of the package, and parsing a 10,000-line
    source takes about 100 ms.
    """
    info = analyse(source)
    regs = info.registrations
    reg = regs[0] if len(regs) == 1 and regs[0].keys is not None and regs[0].open_brace >= 0 else None
    registered = frozenset(k for r in regs if r.keys for k in r.keys)
    keys = tuple((k, key.kind) for k, key in reg.keys.items()) if reg is not None else None
    return frozenset(info.functions) | frozenset(info.variables), registered, keys


def action_state(source: str, action: str) -> ActionState:
    names, registered, keys = _facts(source)
    return ActionState(action in names, action in registered, keys is not None)


def unmatched_keys(source: str, actions: list[str]) -> list[str]:
    """Keys registerPlugin has that no menu item uses (a function renamed in the code)."""
    keys = _facts(source)[2] or ()
    return [k for k, kind in keys if k not in RESERVED_KEYS and k not in actions and kind != "other"]


_PARAMS = {
    "participants": "participant",
    "conference": "conferenceDetails",
    "toolbar": "participants, conferenceDetails",
}


def _line_start(data: bytes, at: int) -> int:
    return data.rfind(b"\n", 0, at) + 1


def add_action_function(source: str, action: str, placement: str | None = None) -> str:
    """``source`` with a stub ``function action(...) {}`` before registerPlugin and the key registered."""
    if not is_identifier(action):
        raise ValueError(f"'{action}' is not a JavaScript function name")
    reg = _registration(source)
    if reg is None:
        raise ValueError("the source has no single registerPlugin({...}) call to add the action to")
    state = action_state(source, action)
    data = source.encode("utf-8", "surrogatepass")
    nl = "\r\n" if "\r\n" in source else "\n"
    edits: list[tuple[int, int, str]] = []
    if not state.registered:
        entry = f"{nl}{reg.indent}{action}: {action}," if reg.indent is not None else f" {action}: {action},"
        edits.append((reg.open_brace, reg.open_brace, entry))
    if not state.function:
        tree = _parser().parse(data)
        node = tree.root_node.descendant_for_byte_range(reg.open_brace - 1, reg.open_brace)
        while node is not None and node.type != "expression_statement" and node.parent is not None:
            node = node.parent
        at = _line_start(data, node.start_byte if node is not None else reg.open_brace)
        line = data[at : data.find(b"\n", at) if b"\n" in data[at:] else len(data)].decode("utf-8", "replace")
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        params = _PARAMS.get(placement or "", "")
        stub = (
            f"{indent}function {action}({params}) {{{nl}"
            f"{indent}    // runs when the menu item is clicked{nl}"
            f"{indent}}}{nl}{nl}"
        )
        edits.append((at, at, stub))
    for start, end, text in sorted(edits, reverse=True):
        data = data[:start] + text.encode("utf-8") + data[end:]
    return data.decode("utf-8", "surrogatepass")


def rename_action_function(source: str, old: str, new: str) -> str:
    """``source`` with the variable ``old`` renamed to ``new`` (declaration, uses, registerPlugin key)."""
    if not is_identifier(new):
        raise ValueError(f"'{new}' is not a JavaScript function name")
    info = analyse(source)
    if new in info.functions or new in info.variables:
        raise ValueError(f"the source already has a '{new}'")
    data = source.encode("utf-8", "surrogatepass")
    old_b = old.encode("utf-8")
    tree = _parser().parse(data)
    spans: list[tuple[int, int, str]] = []
    reg = _registration(source)
    key_line = reg.keys[old].line if reg is not None and reg.keys and old in reg.keys else None
    stack = [tree.root_node]
    while stack:
        node = stack.pop()
        if node.end_byte - node.start_byte == len(old_b) and data[node.start_byte : node.end_byte] == old_b:
            t = node.type
            if t == "identifier":
                spans.append((node.start_byte, node.end_byte, new))
            elif t == "shorthand_property_identifier":  # {raise} in registerPlugin: keep the key in step
                spans.append((node.start_byte, node.end_byte, new))
            elif t == "property_identifier" and node.parent is not None and node.parent.type == "pair":
                if node.start_point[0] + 1 == key_line and node.parent.child_by_field_name("key") == node:
                    spans.append((node.start_byte, node.end_byte, new))
            continue
        if node.child_count and node.start_byte < node.end_byte and old_b in data[node.start_byte : node.end_byte]:
            stack.extend(node.children)
    if not spans:
        raise ValueError(f"the source has no '{old}' to rename")
    for start, end, text in sorted(set(spans), reverse=True):
        data = data[:start] + text.encode("utf-8") + data[end:]
    return data.decode("utf-8", "surrogatepass")
