"""What changed between two versions of a JSON file, in words a non-developer reads.

Why: the export's "What changed" showed a unified diff of the JSON text. A person who renamed a
menu label wants to read "conference menu › item 1 › label: 'Meeting information' → 'About this
meeting'", not hunt for a ``-``/``+`` pair among braces. The line diff stays below it for those
who want the text.
"""

from __future__ import annotations

import json
from typing import Any

from .wording import PLATFORM_NAMES

__all__ = ["describe_changes"]

_NAMES = {
    "menuItems": "menu items",
    "conference": "conference menu",
    "toolbar": "toolbar",
    "participants": "participant menu",
    "participantRoles": "available to",
    "platforms": "loads in",
    "allowUnload": "users may switch it off",
    "srcURL": "source",
    "enabled": "on by default",
    "isSettingsBranded": "isSettingsBranded",
}
# The values of a package file's lists as the form's tick boxes name them: an administrator who
# unticked "Guests" read "roles: 'chair', 'guest' → 'chair'", words the form never shows.
_VALUE_NAMES = {
    "participantRoles": {"chair": "Hosts", "guest": "Guests"},
    "platforms": PLATFORM_NAMES,
}
_MAX_LINES = 12


def describe_changes(before: Any, after: Any) -> list[str]:
    """Plain lines for the values that differ (at most a dozen; a last line says how many more)."""
    out: list[str] = []
    _walk(before, after, (), out)
    if len(out) > _MAX_LINES:
        return out[: _MAX_LINES - 1] + [f"… and {len(out) - _MAX_LINES + 1} more changes"]
    return out


def _walk(a: Any, b: Any, path: tuple[Any, ...], out: list[str]) -> None:
    if _same(a, b):
        return
    if isinstance(a, dict) and isinstance(b, dict):
        for key in a:
            if key not in b:
                out.append(f"{_where((*path, key))}: removed (was {_short(a[key])})")
        for key, value in b.items():
            if key not in a:
                out.append(f"{_where((*path, key))}: added, {_short(value)}")
            else:
                _walk(a[key], value, (*path, key), out)
        return
    if isinstance(a, list) and isinstance(b, list):
        if all(not isinstance(v, (dict, list)) for v in (*a, *b)):  # platforms, roles: the values
            names = _VALUE_NAMES.get(path[0]) if len(path) == 1 else None
            if names is not None and all(isinstance(v, str) and v in names for v in (*a, *b)):
                empty = "nobody" if path[0] == "participantRoles" else "nowhere"
                was, now = (", ".join(names[v] for v in side) or empty for side in (a, b))
                out.append(f"{_where(path)}: {was} → {now}")
            else:
                out.append(f"{_where(path) if path else 'the list'}: {_short(a)} → {_short(b)}")
        elif (keyed := _by_id(a)) is not None and (b_keyed := _by_id(b)) is not None:
            _walk_by_id(keyed, b_keyed, path, out)
        elif len(a) == len(b):
            for i, (x, y) in enumerate(zip(a, b, strict=True)):
                _walk(x, y, (*path, i), out)
        elif (spliced := _spliced(a, b)) is not None:  # entries added or removed in one place: named
            start, gone, new = spliced
            out += [f"{_where((*path, start + i))}: removed (was {_named(v)})" for i, v in enumerate(gone)]
            out += [f"{_where((*path, start + i))}: added, {_named(v)}" for i, v in enumerate(new)]
        else:
            what = _where(path) if path else "the list"
            out.append(f"{what}: {_count(len(a))} → {_count(len(b))}")
        return
    out.append(f"{_where(path) if path else 'the file'}: {_short(a)} → {_short(b)}")


def _by_id(items: list[Any]) -> dict[str, Any] | None:
    """The entries by their id, when each is an object with an id of its own (settings.json's plugins).

    Why: matched by their place, a plugin removed (or added above the others) read as "3 entries →
    2 entries", or as every entry below it changing its id, hiding what else changed.
    """
    if not all(isinstance(v, dict) and isinstance(v.get("id"), str) for v in items):
        return None
    keyed = {v["id"]: v for v in items}
    return keyed if len(keyed) == len(items) else None


def _walk_by_id(a: dict[str, Any], b: dict[str, Any], path: tuple[Any, ...], out: list[str]) -> None:
    for key in a:
        if key not in b:
            out.append(f"{_where((*path, _short(key)))}: removed")
    for key in b:
        if key not in a:
            out.append(f"{_where((*path, _short(key)))}: added")
    kept_before, kept_after = [k for k in a if k in b], [k for k in b if k in a]
    if kept_before != kept_after:  # the order of settings.json is the order the app loads them in
        out.append(f"{_where((*path, 'order'))}: {', '.join(map(_short, a))} → {', '.join(map(_short, b))}")
    for key in kept_after:
        _walk(a[key], b[key], (*path, _short(key)), out)


def _spliced(a: list[Any], b: list[Any]) -> tuple[int, list[Any], list[Any]] | None:
    """(where, the entries removed, those added) when ``b`` is ``a`` with entries removed or added
    in one place (a menu item added at the end, one removed from the middle), else None.

    Why: "conference menu: 1 entry → 2 entries" said neither which item came nor which went, and a
    removal read as every item after it changing.
    """
    short = min(len(a), len(b))
    head = 0
    while head < short and _same(a[head], b[head]):
        head += 1
    tail = 0
    while tail < short - head and _same(a[len(a) - 1 - tail], b[len(b) - 1 - tail]):
        tail += 1
    if head + tail != short:
        return None
    return head, a[head : len(a) - tail], b[head : len(b) - tail]


def _named(value: Any) -> str:
    """An entry said by what names it (a menu item's label, a plugin's name or id), else as it is."""
    if isinstance(value, dict):
        for key in ("label", "name", "id"):
            if isinstance(value.get(key), str):
                return _short(value[key])
    return _short(value)


def _same(a: Any, b: Any) -> bool:
    return type(a) is type(b) and json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)


def _where(path: tuple[Any, ...]) -> str:
    parts = [f"item {p + 1}" if isinstance(p, int) else _NAMES.get(p, p) for p in path]
    if len(parts) > 1 and parts[0] == "menu items":
        parts = parts[1:]  # "conference menu › item 1" says it already
    return " › ".join(parts)


def _count(n: int) -> str:
    return f"{n} entr{'y' if n == 1 else 'ies'}"


def _short(value: Any) -> str:
    if isinstance(value, str):
        return repr(value if len(value) <= 60 else value[:57] + "…")
    if isinstance(value, bool) or value is None:
        return {True: "yes", False: "no", None: "empty (null)"}[value]
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list):
        return ", ".join(_short(v) for v in value[:4]) + (" …" if len(value) > 4 else "") if value else "none"
    return "{…}"
