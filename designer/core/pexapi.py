"""The PEX plugin API as data (resources/api/pexip.json): completion lists and hover docs.

Why heuristics instead of type inference: plugin sources are small and written from recipes;
``participant.``, ``p.``, ``conferenceDetails.`` and ``details.`` are what they call these
objects, so the word before the dot decides which properties are offered. The editor asks
:func:`completions` with the text of the line up to the cursor (and the whole text for the
functions the file defines) and :func:`hover_doc` with the word under the mouse.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from .hostonly import HOST_ONLY_API, HOST_ONLY_CONFERENCE, HOST_ONLY_PARTICIPANT
from .resources import resource

__all__ = [
    "Completion",
    "api",
    "completions",
    "file_functions",
    "hover_doc",
    "local_completions",
    "request_paths",
    "takes_arguments",
]

PARTICIPANT_NAMES = frozenset({"participant", "p", "part", "person", "member", "participant_", "who", "user"})
CONFERENCE_NAMES = frozenset({"conferenceDetails", "details", "conference", "conf", "cd", "conferenceDetail"})
# What openTemplateDialog's promise gives (the snippets call it dialogRef); and a menu state (state$,
# lockState$): names a developer gives them, so their members are offered after the dot.
DIALOG_NAMES = frozenset({"dialogRef", "dialog", "ref", "dialogReference", "dlg"})
_STATE_NAME = re.compile(r"[\w$]*[sS]tate\$")


@dataclass(frozen=True)
class Completion:
    label: str  # what the list shows first (a name or a path)
    insert: str  # what replaces the typed prefix
    detail: str  # signature or type
    doc: str  # one line
    kind: str  # function, property, action, path, member, local


def takes_arguments(c: Completion) -> bool | None:
    """Whether the function ``c`` names takes arguments; None when ``c`` is no function (a
    property, a path, a variable).

    Why: accepting a function wrote its name only, where a code editor writes ``name()`` with the
    cursor between the parentheses (after them when there is nothing to pass). Read from the
    signature shown beside it (``sendRequest(path, payload?)``, ``close()``, a local ``f(a)``).
    """
    if c.kind == "path" or not c.detail.startswith(c.label + "("):
        return None
    return not c.detail[len(c.label) + 1 :].lstrip().startswith(")")


@cache
def api() -> dict[str, Any]:
    return json.loads(resource("api", "pexip.json").read_text(encoding="utf-8"))


def _hosts_only(doc: str, host_only: bool) -> str:
    """``doc`` saying "(hosts only)" when what it describes is refused to guests (core.hostonly).

    Why: four requests said so and the others, as host-only (/lock, /muteguests, a participant's
    /role, dialOut, ...), did not, so they read as open to everyone; a plugin for guests built
    from them failed, and only the check (PD517) said why afterwards.
    """
    if not host_only or "hosts only" in doc:
        return doc
    return f"{doc[:-1]} (hosts only)." if doc.endswith(".") else f"{doc} (hosts only)"


def _participant_requests() -> list[tuple[str, str | None, str]]:
    return [
        (n, payload, _hosts_only(doc, n in HOST_ONLY_PARTICIPANT)) for n, payload, doc in api()["participant_requests"]
    ]


def request_paths() -> list[tuple[str, str, str]]:
    """(path, payload or "", doc) of every sendRequest path; participant paths with ``<uuid>``."""
    out = [
        (p, payload or "", _hosts_only(doc, p.lstrip("/") in HOST_ONLY_CONFERENCE))
        for p, payload, doc in api()["conference_requests"]
    ]
    out += [(f"/participants/<uuid>/{n}", payload or "", doc) for n, payload, doc in _participant_requests()]
    return out


UUID_PLACEHOLDER = "participant.uuid"


def _with_uuid(path: str, quote: str) -> str:
    """A participant path as code inside a string opened with ``quote``: ``<uuid>`` became the
    text "<uuid>" in the request (it failed at run time, PD516); now the string is closed around
    :data:`UUID_PLACEHOLDER`, which the editor selects for the user to replace, as the snippets do."""
    if "<uuid>" not in path:
        return path
    code = "${" + UUID_PLACEHOLDER + "}" if quote == "`" else f"{quote} + {UUID_PLACEHOLDER} + {quote}"
    return path.replace("<uuid>", code)


def _pex() -> list[Completion]:
    return [Completion(m["name"], m["name"], m["signature"], m["doc"], "member") for m in api()["pex"]]


def _plugin_api() -> list[Completion]:
    return [
        Completion(f["name"], f["name"], f["signature"], _hosts_only(f["doc"], f["name"] in HOST_ONLY_API), "function")
        for f in api()["pluginAPI"]
    ]


def _actions() -> list[Completion]:
    return [Completion(a["name"], a["name"], "PEX.actions." + a["name"], a["doc"], "action") for a in api()["actions"]]


def _props(kind: str) -> list[Completion]:
    return [Completion(name, name, typ, doc, "property") for name, typ, doc in api()[kind]]


# A JavaScript name: letters of any language (función, 静音, as the menu item form allows), _ and $.
_NAME = r"(?:[^\W\d]|\$)[\w$]*"
_FUNC_RE = re.compile(
    rf"\bfunction\s*\*?\s*({_NAME})\s*\(([^)]*)\)"
    rf"|\b(?:const|let|var)\s+({_NAME})\s*=\s*(?:async\s+)?(?:function\b[^(]*\(([^)]*)\)|\(([^)]*)\)\s*=>|({_NAME})\s*=>)"
)


# What is no code: comments, strings, template literals and regular expressions (one on a line; a
# ``/`` is taken for one only where a value may start, see _code_only). An unclosed string runs to
# the end of its line, an unclosed comment or template to the end of the text.
_NOT_CODE = re.compile(
    r"//[^\n]*|/\*.*?(?:\*/|\Z)"
    r"|'[^'\\\n]*(?:\\.[^'\\\n]*)*'?|\"[^\"\\\n]*(?:\\.[^\"\\\n]*)*\"?|`[^`\\]*(?:\\.[^`\\]*)*`?"
    r"|/(?![*/])[^/\\\n\[]*(?:(?:\\.|\[[^\]\\\n]*(?:\\.[^\]\\\n]*)*\])[^/\\\n\[]*)*/",
    re.DOTALL,
)
# After these a "/" starts a regular expression, not a division (``a / b / c``).
_REGEX_AFTER = re.compile(r"(?:^|[(,=:\[!&|?{};+\-*%<>~^]|\b(?:return|typeof|case|do|else|in|of|new|void|throw))\s*$")
_NOT_NEWLINE = re.compile(r"[^\n]")


def _code_only(text: str) -> str:
    """``text`` with its comments, strings and regular expressions turned into spaces (line breaks,
    and so positions and line numbers, stay): what the file's names are read from.

    Why: ``// function old() {}`` left commented out, or a function's code in a string, was
    offered by Ctrl+Space as one of the file's functions, and choosing it called a function that
    does not exist. (About 12 ms for 10,000 lines: a search per string, not a look at each character.)
    """
    out: list[str] = []
    done = at = 0
    search = _NOT_CODE.search
    while (m := search(text, at)) is not None:
        start, found = m.start(), m.group()
        if found[0] == "/" and found[1] not in "/*" and _REGEX_AFTER.search(text, max(0, start - 12), start) is None:
            at = start + 1  # a division: its "/" only is passed over
            continue
        out += (text[done:start], " " * len(found) if "\n" not in found else _NOT_NEWLINE.sub(" ", found))
        done = at = m.end()
    out.append(text[done:])
    return "".join(out)


def file_functions(text: str) -> list[Completion]:
    """Functions the source defines (``function f(a)``, ``const f = (a) => ...``), in order, once each
    (not those in its comments and strings)."""
    return _functions_in(_code_only(text))


def _functions_in(text: str) -> list[Completion]:
    """:func:`file_functions` of a text without comments and strings (see :func:`_code_only`)."""
    seen: dict[str, Completion] = {}
    line, counted = 1, 0  # lines counted up to ``counted`` (counting from the start each time was quadratic)
    for m in _FUNC_RE.finditer(text):
        name = m.group(1) or m.group(3)
        params = next((g for g in (m.group(2), m.group(4), m.group(5), m.group(6)) if g is not None), "")
        if name and name not in seen:
            line += text.count("\n", counted, m.start())
            counted = m.start()
            params = " ".join(params.split())
            seen[name] = Completion(name, name, f"{name}({params})", f"defined in this file, line {line}", "local")
    return list(seen.values())


# Where the file's other names are declared: ``var/let/const x`` (the first name of each; a later
# ``, y`` and destructuring are not read), and the parameters of functions and arrow functions.
_VAR_RE = re.compile(rf"\b(?:const|let|var)\s+({_NAME})")
_FUNCTION_PARAMS = re.compile(rf"function\b\s*\*?\s*(?:{_NAME})?\s*\(([^)]*)\)")
_ARROW_PARAMS = re.compile(rf"(?:\(([^()]*)\)|(?<![\w$])({_NAME}))\s*$")  # (searched before each =>)
_PARAM = re.compile(rf"^\s*(?:\.\.\.)?\s*({_NAME})\s*(?:=.*)?$", re.DOTALL)


def file_names(text: str) -> list[Completion]:
    """The variables the source declares and the parameters of its functions (not its functions,
    see :func:`file_functions`), in order, once each. Any scope: telling scopes apart would need a
    parser on every keystroke of completion."""
    return _names_in(_code_only(text))


def _names_in(text: str) -> list[Completion]:
    """:func:`file_names` of a text without comments and strings (see :func:`_code_only`)."""
    seen: dict[str, Completion] = {}
    found = [(m.start(), m.group(1), "variable") for m in _VAR_RE.finditer(text)]
    lists = [(m.start(), m.group(1)) for m in _FUNCTION_PARAMS.finditer(text)]
    # Arrow functions from their "=>" (literal text the search finds fast), the parameters before it.
    at = text.find("=>")
    while at >= 0:
        m = _ARROW_PARAMS.search(text, max(0, at - 200), at)
        if m is not None:
            lists.append((m.start(), m.group(1) if m.group(1) is not None else m.group(2)))
        at = text.find("=>", at + 2)
    for start, params in lists:
        for part in params.split(","):
            p = _PARAM.match(part)
            if p is not None:
                found.append((start, p.group(1), "parameter"))
    found.sort(key=lambda f: f[0])
    line, counted = 1, 0
    for at, name, kind in found:
        if name in seen or name in _KEYWORDS:
            continue
        line += text.count("\n", counted, at)
        counted = at
        seen[name] = Completion(name, name, kind, f"a {kind} in this file, line {line}", "local")
    return list(seen.values())


_KEYWORDS = frozenset(("function", "async", "await", "return", "this", "new", "typeof"))

LOOK_BACK = 400  # characters before the cursor that completion looks at (a request path, a dotted name)
_IN_REQUEST = re.compile(r"sendRequest\s*\(\s*(['\"`])((?:(?!\1).)*)$")
_IN_REQUEST_TAIL = re.compile(r"sendRequest\s*\(.*\+\s*(['\"`])((?:(?!\1).)*)$")  # '/participants/' + uuid + '/
# `/participants/${uuid}/mu: in a template string, what follows the uuid is a participant request's own part.
_IN_TEMPLATE_TAIL = re.compile(r"sendRequest\s*\(\s*`/participants/\$\{[^`]*\}(/[^`$]*)?$")
_DOTTED = re.compile(rf"((?:{_NAME}\s*(?:\[[^\]]*\])?\s*\.\s*)*)({_NAME})?$")
_REQUEST_NAME_TYPED = re.compile(r"/participants/([a-z_]+)")
# ``PEX.actions$.ofType(PEX.actions.X).sub``: a member of what ofType gives (one level of calls inside).
_OF_TYPE_MEMBER = re.compile(rf"\bactions\$\s*\.\s*ofType\s*\((?:[^()]|\([^()]*\))*\)\s*\.\s*({_NAME})?$")
# A number the cursor is in or after (``3.1``, ``.5``, ``0x1F``, ``1_000``, ``1e5``): a digit not in a name
_NUMBER_TAIL = re.compile(r"(?<![\w$.])\.?\d[\w$.]*$")


def _qualifier_items(chain: list[str]) -> list[Completion] | None:
    """Completions after ``a.b.`` given ``chain`` == ["a", "b"]; None when nothing is known."""
    if chain and chain[0] in ("window", "self", "globalThis"):  # window.PEX is PEX (the demo writes it so)
        chain = chain[1:]
    if not chain:
        return None
    last = chain[-1]
    if chain == ["PEX"]:
        return _pex()
    if last == "pluginAPI":
        return _plugin_api()
    if last == "actions" and (len(chain) == 1 or chain[-2] == "PEX"):
        return _actions()
    base = re.sub(r"\[.*$", "", last)
    if last in PARTICIPANT_NAMES or (base == "participants" and last != base):
        return _props("participant")
    if last in CONFERENCE_NAMES:
        return _props("conference")
    if last in DIALOG_NAMES:
        return _props("dialog")
    if _STATE_NAME.fullmatch(last):
        return _props("state")
    # Observables, named with a final $ (participants$, conferenceDetails$, close$): what they are
    # called with. Why: after ``PEX.actions$.`` nothing was offered, not even ofType.
    if last == "actions$" and (len(chain) == 1 or chain[-2] == "PEX"):
        return _props("actions$")
    if last.endswith("$"):
        return _props("observable")
    return None


def local_completions(text: str) -> list[Completion]:
    """The source's own functions, then its other variables and parameters, once each (``PEX`` is
    no variable of the file's): what a bare word is completed with after ``PEX``.

    Reading them takes about 20 ms on a 10,000-line file, so the editor keeps them while the user
    types the same word (see :func:`completions`'s ``local``).
    """
    code = _code_only(text)  # (once: both read it)
    items = _functions_in(code)
    named = {"PEX"} | {c.label for c in items}
    return items + [c for c in _names_in(code) if c.label not in named]


def completions(
    line_before: str,
    text: str | Callable[[], str] = "",
    local: Callable[[], list[Completion]] | None = None,
) -> tuple[str, list[Completion]]:
    """What to offer with ``line_before`` (the line up to the cursor): (typed prefix, items).

    Inside a ``sendRequest('...`` string: the REST paths. After ``X.`` for a known X: its
    members. Otherwise (Ctrl+Space on a bare word): ``PEX``, the file's functions, then its
    variables and parameters (the participant/conference names are not guessed); an empty list means nothing to offer.
    ``text`` (the whole source, or a function returning it) is only read in that last case;
    ``local``, when given, returns the file's own names instead (:func:`local_completions` of the
    text, remembered by the caller).
    Only the last LOOK_BACK characters of the line count: the patterns below search backwards
    from the cursor, which on a megabyte of minified code took seconds per keystroke.
    """
    line_before = line_before[-LOOK_BACK:]
    m = _IN_TEMPLATE_TAIL.search(line_before)
    if m:  # (the whole path, below, would offer what starts with the uuid's own code: nothing)
        return _participant_tails(m.group(1) or "")
    m = _IN_REQUEST.search(line_before)
    if m:
        typed = m.group(2)
        quote = m.group(1)
        items = [
            Completion(p, _with_uuid(p, quote), payload or "no payload", doc, "path")
            for p, payload, doc in request_paths()
        ]
        fitting = [c for c in items if c.label.startswith(typed)]
        if not fitting and (named := _REQUEST_NAME_TYPED.fullmatch(typed)) is not None:
            # "/participants/mu": the request's name typed where its path puts the uuid. Offered
            # by that name, the uuid still written in: the list closed, as no path began so.
            fitting = [
                Completion(f"/participants/{c.label.rpartition('/')[2]}", c.insert, c.detail, c.doc, "path")
                for c in items
                if c.label.startswith("/participants/<uuid>/" + named.group(1))
            ]
        return typed, fitting or items
    m = _IN_REQUEST_TAIL.search(line_before)
    if m:
        return _participant_tails(m.group(2))
    if _NUMBER_TAIL.search(line_before):
        # No name goes on a number: Ctrl+Space after ``x = 3.1`` offered PEX and the file's
        # functions, after ``0x1F`` the names starting with "x1F".
        return "", []
    m = _OF_TYPE_MEMBER.search(line_before)
    if m:  # what ofType(...) gives is an observable too (its one call is not read by _DOTTED)
        return m.group(1) or "", _props("observable")
    m = _DOTTED.search(line_before)
    typed = (m.group(2) or "") if m else ""
    chain_text = m.group(1) if m else ""
    if chain_text:
        chain = [part.strip() for part in chain_text.split(".") if part.strip()]
        items = _qualifier_items(chain)
        if items is None:
            return typed, []
        return typed, items
    if m is not None and line_before[: m.start()].rstrip().endswith("."):
        # A member of something unknown (``createNewState({}).``, ``3.``): the file's functions
        # and PEX are no members of it.
        return typed, []
    items = [Completion("PEX", "PEX", "PEX", "The Infinity Connect plugin API object.", "member")]
    if local is not None:
        return typed, items + local()
    return typed, items + local_completions(text() if callable(text) else text)


def _participant_tails(typed: str) -> tuple[str, list[Completion]]:
    """The part of a participant request after its uuid (``/mute``), for ``typed`` so far."""
    tails = [(f"/{n}", payload or "no payload", doc) for n, payload, doc in _participant_requests()]
    items = [Completion(p, p, payload, doc, "path") for p, payload, doc in tails]
    return typed, [c for c in items if c.label.startswith(typed)] or items


_UUID_TYPED = re.compile(r"/participants/[^/'\"`]+/")


def _path_named(label: str, typed: str, word: str) -> bool:
    """Whether ``word``, after ``typed`` in a request's string, is the last part of the path
    ``label`` ("/lock"; "/participants/<uuid>/mute" after "/participants/abc/"). Why: hovering a
    path in the code said nothing, where completion describes it."""
    if typed + word == label:
        return True
    head, _, name = label.rpartition("/")
    return name == word and head == "/participants/<uuid>" and _UUID_TYPED.fullmatch(typed) is not None


def hover_doc(line: str, column: int) -> str:
    """A short doc for the identifier at ``column`` of ``line`` ("" when there is none)."""
    start = column
    while start > 0 and (line[start - 1].isalnum() or line[start - 1] in "_$"):
        start -= 1
    end = column
    while end < len(line) and (line[end].isalnum() or line[end] in "_$"):
        end += 1
    word = line[start:end]
    if not word:
        return ""
    typed, items = completions(line[:start])
    for c in items:
        if c.kind == "path":  # a request's name in its string: what the completion list says of it
            if _path_named(c.label, typed, word):
                return f"{c.label} — {c.detail}\n{c.doc}"
            continue
        if c.label == word and c.kind != "local":
            return f"{c.detail} — {c.doc}" if c.kind == "property" else f"{c.detail}\n{c.doc}"
    if word == "PEX":
        return "PEX — The Infinity Connect plugin API object."
    if not line[:start].rstrip().endswith("."):  # what the app gives load, wherever it is named so
        for name, what, doc in api()["load_arguments"]:
            if word == name:
                return f"{name} — {what}\n{doc}"
    return ""
