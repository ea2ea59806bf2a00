"""Shared helpers for checks: locating JSON pointers and reporting problems."""

from __future__ import annotations

from typing import Any

from .._records import Record
from ..jstext import shortened
from ..model import BrandingPackage
from ..problems import Fix, Problem, make
from ..schemas import validate

_LONG_MESSAGE = 1000  # characters; the longest sentence of ours with its quotes cut is far shorter


def _short_words(message: str) -> str:
    """``message`` with each run of more than 80 characters without a space cut (:func:`shortened`).

    Why: the checks cut what they quote, but a message may also pass on text of others (a
    parser's, a schema's) that quotes the file; no word of ours is that long, so such a run is
    always quoted text, and one huge name made the message as huge.
    """
    import re

    return re.sub(r"\S{81,}", lambda m: shortened(m.group()), message)


class Context(Record):
    """One check run: the package, the problems found so far, and what was read or parsed once."""

    __slots__ = ("pkg", "problems", "svg_cache", "exporting")

    def __init__(self, pkg: BrandingPackage, exporting: bool = False) -> None:
        self.pkg = pkg
        self.exporting = exporting  # the export asks: it replaces the brandingID (PD213 is moot)
        self.problems: list[Problem] = []
        # Parsed icons and sources by path, and what the checks work out once per run, by a kind prefix.
        self.svg_cache: dict[str, Any] = {}

    def where(self, rel: str, pointer: str, key: bool = False) -> tuple[int, int]:
        doc = self.pkg.docs.get(rel)
        if doc is None:
            return 0, 0
        return doc.position(pointer, key=key)

    def report(
        self,
        code: str,
        rel: str,
        message: str,
        pointer: str | None = None,
        *,
        key: bool = False,
        fix: Fix | None = None,
        plugin: str | None = None,
        line: int = 0,
        column: int = 0,
    ) -> None:
        if pointer is not None and not line:
            line, column = self.where(rel, pointer, key)
        if len(message) > _LONG_MESSAGE:
            message = _short_words(message)
        self.problems.append(make(code, rel, message, line, column, pointer or "", fix, plugin))

    def schema(
        self,
        kind: str,
        rel: str,
        value: Any,
        plugin: str | None = None,
        skip: frozenset[str] = frozenset(),
        fixes: dict[str, Fix] | None = None,
        words: dict[str, str] | None = None,
    ) -> bool:
        """Validate ``value``, the model's current content of ``rel``; report each error. True when valid.

        Why the model and not the file: after an edit or an undo that is not saved yet, the file
        on disk is out of date; positions still come from the file's text (the nearest one).
        ``skip``: top-level keys whose errors the caller reports itself, in plainer words and
        with a fix (``"host"`` in participantRoles), so the value is not reported twice. ``fixes``:
        the fix of an error at a pointer (a brandingID that is no number gets a new one); ``words``:
        the caller's plainer message for the error at a pointer (a label written as a number).
        """
        errors = validate(kind, value)
        for err in errors:
            if err.pointer.startswith("/") and err.pointer.split("/")[1] in skip:
                continue
            fix = (fixes or {}).get(err.pointer)
            message = (words or {}).get(err.pointer) or f"In {rel}: {err.message}"
            self.report("PD102", rel, message, err.pointer, key=err.at_key, fix=fix, plugin=plugin)
        return not errors


def with_slashes(pkg: BrandingPackage, url: str, base: str) -> str | None:
    """``url`` with its backslashes written as '/', when it has some and so finds a file of the
    package (relative to the file ``base``, '' for webapp2/); else None.

    Why: 'plugins\\rec\\rec.plugin.package.json' (typed on Windows) was said to be "outside the
    package or on another server", which it is not, with no Fix; browsers read a backslash in an
    address as '/', but the designer, the export's checks and other tools do not.
    """
    if "\\" not in url:
        return None
    slashed = url.replace("\\", "/")
    from ..files import normalize

    target = normalize(base, slashed)
    return slashed if target is not None and pkg.exists(target) else None
