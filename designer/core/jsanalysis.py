"""What a plugin's JavaScript does, read with tree-sitter (error-tolerant, no Node.js needed).

Why tree-sitter: plugin sources are often half-edited or broken, and the checker must still
find the ``registerPlugin`` call, the functions and the requests in the rest of the file. The
grammar is loaded lazily (only when there is JavaScript to look at) so ``check`` on packages
without sources, and the import of :mod:`designer.core`, stay fast.

:func:`analyse` returns plain data (:class:`JsInfo`): 1-based lines and columns (columns count
characters, not bytes), so the checks never touch tree-sitter nodes. It is a pure function of
the source's bytes, so results are remembered by content (see :func:`analyse`), and it may run
on a worker thread (the designer analyses big sources off the UI thread).
"""

from __future__ import annotations

import _thread
import bisect
import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any, NamedTuple

from ._records import Record
from .lineends import line_start, odd_breaks

__all__ = [
    "ACTIONS",
    "API_MEMBERS",
    "DIAL_PROTOCOLS",
    "DYN",
    "FUNCTION_NODE_TYPES",
    "LAYOUTS",
    "PEX_MEMBERS",
    "JsInfo",
    "Key",
    "Registration",
    "analyse",
    "analysed",
    "classify_request",
    "forget_analyses",
    "globals_written",
    "url_host",
]

# A part of a string that is only known at run time ('/participants/' + p.uuid + '/mute').
DYN = "\x00"

API_MEMBERS = (
    "registerPlugin",
    "createNewState",
    "sendRequest",
    "openTemplateDialog",
    "spotlightOnParticipant",
    "spotlightOffParticipant",
    "dialOut",
    "disconnectParticipant",
    "changeConferenceLayout",
    "transformConferenceLayout",
    "sendChatMessage",
)
# The members whose arguments the checks look at (PD532, PD533): what each one is (Call.shape).
_SHAPED = frozenset(
    {
        "sendRequest",
        "openTemplateDialog",
        "transformConferenceLayout",
        "dialOut",
        "spotlightOnParticipant",
        "spotlightOffParticipant",
        "disconnectParticipant",
        "sendChatMessage",
    }
)
# The members whose first argument is (or holds, for a request path) a participant's uuid (Call.uuid_params).
_UUID_FIRST = frozenset({"sendRequest", "spotlightOnParticipant", "spotlightOffParticipant", "disconnectParticipant"})
# The methods of an array that call their callback with each item first (see _Analyser._iterated_items).
_ITERATING = frozenset({"forEach", "map", "filter", "some", "every", "find", "findIndex", "flatMap"})
# What the app puts on window.PEX (the vendor guide's list).
PEX_MEMBERS = ("pluginAPI", "actions$", "actions", "conferenceQueryParams")
ACTIONS = (
    "SEND_CHAT_MESSAGE",
    "RECEIVE_CHAT_MESSAGE",
    "SELECT_EVENT",
    "PARTICIPANT_CONNECT_SUCCESS",
    "PARTICIPANT_DISCONNECT_SUCCESS",
)
LAYOUTS = ("1:0", "1:7", "2:21", "1:33", "4:0", "ac")
DIAL_PROTOCOLS = ("auto", "sip", "h323", "rtmp", "mssip")  # dialOut's second argument (SPEC 4)
CONFERENCE_REQUESTS = (
    "lock",
    "unlock",
    "muteguests",
    "unmuteguests",
    "set_guests_can_unmute",
    "transform_layout",
    "message",
    "clearallbuzz",
    "disconnect",
    "start_conference",
)
PARTICIPANT_REQUESTS = (
    "mute",
    "unmute",
    "video_muted",
    "video_unmuted",
    "buzz",
    "clearbuzz",
    "spotlighton",
    "spotlightoff",
    "role",
    "dtmf",
    "disconnect",
    "transfer",
    "overlaytext",
    "unlock",
    "allowrxpresentation",
    "denyrxpresentation",
)

_GLOBAL_PREFIXES = ("window.", "self.", "globalThis.", "top.", "parent.")
_WINDOW_HOLDERS = frozenset(("window", "self", "globalThis"))  # what a wrapper may be handed as the window
# The statements after which nothing more of their block runs (see _Analyser._cut_off), and the
# blocks whose statements run one after the other (a case of a switch is one).
_ENDS = frozenset({"return_statement", "throw_statement"})
_JUMP_STATEMENTS = _ENDS | {"break_statement", "continue_statement"}
_CASE_BLOCKS = ("statement_block", "program", "switch_case", "switch_default")
_FUNC_TYPES = frozenset({"function_expression", "arrow_function", "function", "generator_function"})
_NAMED_FUNC_DECLS = frozenset({"function_declaration", "generator_function_declaration"})
# Calls that give back the object they are given, with the same keys.
_KEEPING_KEYS = frozenset({"Object.freeze", "Object.seal", "Object.preventExtensions"})
_DECL_TYPES = frozenset(
    {
        "function_declaration",
        "generator_function_declaration",
        "class_declaration",
        "variable_declaration",
        "lexical_declaration",
    }
)
# Only for strings holding '<' and '=': a string, compiled (and cached by re) on first use.
_HTML_SRC = (
    r"(?i)<\s*(script|img|iframe|link|video|audio|source|embed|object)\b[^>]*?\s(?:src|href|data)\s*=\s*"
    r"[\"']?([^\"'\s>]+)"
)

_NET_CALL_ENDS = (b"fetch", b"open", b"sendBeacon")
_LANGUAGE: Any = None


class _FieldIds(dict[str, int]):
    """The grammar's number for each field name (``"object"``, ``"name"``...), looked up once.

    Why: ``node.child_by_field_name("object")`` compares the name with the grammar's field names
    at every call, two to four times as long as ``child_by_field_id``; the analysis asks some 400
    times per plugin source, about 1% of a 20-plugin ``check`` (bench/check_speed.py). (Only asked
    once a tree exists, so the grammar is loaded.)
    """

    def __missing__(self, name: str) -> int:
        fid = _LANGUAGE.field_id_for_name(name)
        if fid is None:
            raise KeyError(name)  # (a field the grammar does not have: a mistake in this module)
        self[name] = fid
        return fid


_FIELD = _FieldIds()
_QUERY: Any = None
# The grammar and the query are made once, whichever thread asks first. (_thread, not threading:
# `check` would import threading, a millisecond and a half, for two locks.)
_LOAD_LOCK = _thread.allocate_lock()
# Bare node types only: patterns with fields and child types (``name: (identifier)``) take
# three times as long to compile, for no faster run; the few field checks are made in Python.
_QUERY_SOURCE = """
(function_declaration) @function
(generator_function_declaration) @function
(variable_declarator) @declarator
(class_declaration) @class
(assignment_expression) @assignment
(augmented_assignment_expression) @update
(update_expression) @update
(for_in_statement) @for_in
(call_expression) @call
(new_expression) @new
(formal_parameters) @params
(expression_statement (identifier) @lone)
"""
# Rare nodes are found from their text instead of by the query (members, strings, pairs are
# most of a file's nodes; capturing them all would double the cost of the analysis).
# (Patterns start with a literal so the regex engine can skip ahead quickly; word boundaries
# and letter case are settled afterwards, which is several times faster on typical sources.)
_PEX_TEXT = re.compile(rb"PEX")
# What every object has from Object.prototype (Plugin.toString is a function).
_OBJECT_MEMBERS = frozenset(
    {"constructor", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString", "toString", "valueOf"}
)
_PATTERN_KEYS = ("property_identifier", "identifier", "shorthand_property_identifier_pattern")
_PLUGIN_API_TEXT = re.compile(rb"pluginAPI")
# An event handler attribute of HTML written in a string: onclick="..." (or '...').
_HANDLER_ATTR = re.compile(rb"""\bon[a-zA-Z]+\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_ATTR_TEXT = re.compile(rb"=")  # checked against _ATTR_NAME on the lower-cased text before it
_ATTR_NAME = rb"(?:src|href|data)\s*$"
_ICON_TEXT = re.compile(rb"icon")


def _word_byte(b: bytes) -> bool:
    return bool(b) and (b.isalnum() or b in (b"_", b"$"))


def _identifiers_in(node: Any) -> Iterator[Any]:
    """The identifier nodes in ``node`` (itself included), first in the file first; with a list,
    not recursion, so deeply nested code cannot exhaust Python's stack."""
    stack = [node]
    while stack:
        n = stack.pop()
        if n.type == "identifier":
            yield n
        elif n.child_count:
            stack.extend(reversed(n.children))


def _by_start(node: Any) -> int:
    return node.start_byte


def _query_cursor() -> Any:
    global _QUERY
    from tree_sitter import Query, QueryCursor

    with _LOAD_LOCK:
        if _QUERY is None:
            _QUERY = Query(_LANGUAGE, _QUERY_SOURCE)
    cursor = QueryCursor(_QUERY)
    # Past a depth of 32,767 tree-sitter's cursor loses count and takes seconds per thousand
    # levels (a()()()… 80,000 calls deep: a minute), finding no more; real code is never near.
    cursor.set_max_start_depth(_MAX_QUERY_DEPTH)
    return cursor


_MAX_QUERY_DEPTH = 30_000
# What _QUERY_SOURCE captures, by node type (for a node :func:`_captures` does not query itself).
_CAPTURED = {
    "function_declaration": "function",
    "generator_function_declaration": "function",
    "variable_declarator": "declarator",
    "class_declaration": "class",
    "assignment_expression": "assignment",
    "augmented_assignment_expression": "update",
    "update_expression": "update",
    "for_in_statement": "for_in",
    "call_expression": "call",
    "new_expression": "new",
    "formal_parameters": "params",
}
# A node with a syntax error and this many children is queried child by child (see _captures).
_SPLIT_FROM = 1000


def _captures(node: Any) -> dict[str, list[Any]]:
    """The query's captures under ``node`` (and the node itself), by capture name.

    Why child by child for a big node with an error: tree-sitter's error recovery leaves an
    unclosed run of brackets (``f((((((…``, ``${${${…``) as one flat node with a child per
    bracket, and its query cursor takes time growing with the square of those children on such
    a node: 80,000 of them, six seconds; a 1 MB line of them, many minutes of a `check` that
    seemed hung. Each child alone is quick, and together they hold the same captures.
    """
    if not node.has_error or node.child_count < _SPLIT_FROM:
        if node.end_byte - node.start_byte >= _CHUNKED_FROM:
            return _captures_by_range(node)
        found: dict[str, list[Any]] = _query_cursor().captures(node)
        return found
    out: dict[str, list[Any]] = {}
    name = _CAPTURED.get(node.type)
    if name is not None:
        out[name] = [node]
    for child in node.children:
        for key, nodes in _captures(child).items():
            out.setdefault(key, []).extend(nodes)
    return out


def _captures_by_range(node: Any) -> dict[str, list[Any]]:
    """:func:`_captures` of a big node, a range of its bytes at a time; a node found in two
    ranges (it spans both) counted once.

    Why: one query over a 5 MB source kept the GIL for over a second, the window frozen while a
    worker thread analysed it (see designer/gui/source_analysis.py); between two ranges the UI
    thread takes it back. The captures are the same, in the order of the ranges."""
    out: dict[str, list[Any]] = {}
    seen: set[tuple[str, int]] = set()
    for start in range(node.start_byte, node.end_byte, _CAPTURE_RANGE):
        cursor = _query_cursor()
        cursor.set_byte_range(start, min(start + _CAPTURE_RANGE, node.end_byte))
        found: dict[str, list[Any]] = cursor.captures(node)
        for key, nodes in found.items():
            kept = out.setdefault(key, [])
            for n in nodes:
                if (key, n.id) not in seen:
                    seen.add((key, n.id))
                    kept.append(n)
    return out


_CAPTURE_RANGE = 128 * 1024  # bytes a query of a big node covers at a time (about 30 ms)


def _parser() -> Any:
    """A tree-sitter parser for JavaScript; the grammar is loaded once, on first use.

    The grammar's binary is loaded directly: the package's ``__init__`` imports
    ``importlib.resources`` (~20 ms) only to offer query files we do not use.
    """
    from tree_sitter import Parser

    with _LOAD_LOCK:
        if _LANGUAGE is None:
            _load_language()
    return Parser(_LANGUAGE)


# tree-sitter reports its progress every hundred steps or so: about once per 150 bytes of plugin
# code, once per 20 bytes in the most broken code we could write (``f(,,,,``, ``a()()()``, runs
# of quotes; see tests/test_parser_budget.py), so the limit is ten times that. A parse still going
# after it is in one of the parser's endless error-recovery loops (tree-sitter issues #3393,
# #4405: a few bytes of broken code that never finish parsing); see parse_within_budget.
_PROGRESS_BASE = 5_000
_PROGRESS_PER_BYTE = 0.5


def parse_within_budget(data: bytes) -> tuple[Any, int | None]:
    """The syntax tree of ``data``, and the byte offset where the parser gave up, if it did (the
    tree is then an empty program's).

    Why: tree-sitter has had inputs it loops on forever, holding the GIL, so that `check` hung and
    the window froze with no way to stop it; the progress callback is the one handle on that loop,
    and it is only offered when the source is read through a callback.
    """
    parser = _parser()
    limit = _PROGRESS_BASE + int(len(data) * _PROGRESS_PER_BYTE)
    reports = 0
    where = 0

    def progress(offset: int, _has_error: bool) -> bool:
        nonlocal reports, where
        reports += 1
        where = offset
        return reports > limit

    if len(data) < _CHUNKED_FROM:

        def read(offset: int, _point: Any) -> bytes:
            return data if offset == 0 else data[offset:]

    else:
        # Big sources in chunks: each read is a moment where the UI thread can take the GIL back
        # while a worker thread parses (tree-sitter keeps it otherwise: half a second for 2 MB).

        def read(offset: int, _point: Any) -> bytes:
            return data[offset : offset + _CHUNK]

    try:
        return parser.parse(read, progress_callback=progress), None
    except ValueError:
        if reports <= limit:
            raise
        return _parser().parse(b""), min(where, len(data))


def parse_tree(data: bytes) -> Any:
    """The syntax tree of ``data``; an empty program's when the parser gives up on it (see
    :func:`parse_within_budget`), so that a walk over it finds nothing rather than hangs."""
    return parse_within_budget(data)[0]


def _load_language() -> None:
    global _LANGUAGE
    from tree_sitter import Language

    if _LANGUAGE is None:
        lang: Any = None
        try:
            import importlib.machinery
            import importlib.util
            import os
            import sys

            mod = sys.modules.get("tree_sitter_javascript._binding")
            if mod is None:
                spec = importlib.util.find_spec("tree_sitter_javascript")
                folder = (spec.submodule_search_locations or [None])[0] if spec else None
                if folder:
                    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
                    name = next(
                        f for f in sorted(os.listdir(folder)) if f.startswith("_binding") and f.endswith(suffixes)
                    )
                    path = os.path.join(folder, name)
                    loader = importlib.machinery.ExtensionFileLoader("tree_sitter_javascript._binding", path)
                    bspec = importlib.util.spec_from_file_location(
                        "tree_sitter_javascript._binding", path, loader=loader
                    )
                    assert bspec is not None
                    mod = importlib.util.module_from_spec(bspec)
                    loader.exec_module(mod)
            if mod is not None:
                lang = Language(mod.language())
        except Exception:  # noqa: BLE001 - any trouble: fall back to the ordinary import
            lang = None
        if lang is None:
            import tree_sitter_javascript

            lang = Language(tree_sitter_javascript.language())
        _LANGUAGE = lang


# The words of JavaScript a misspelling of which is named (see _misspelt_keywords); short ones only
# with two letters swapped ("vra"), or any other short name would pass for one ("val" for var).
_KEYWORDS = (
    "function",
    "return",
    "typeof",
    "instanceof",
    "const",
    "else",
    "async",
    "await",
    "throw",
    "catch",
    "finally",
    "switch",
    "case",
    "break",
    "continue",
    "delete",
    "while",
    "var",
    "let",
    "new",
)
# The patterns below for syntax errors and rare shapes stay strings, compiled (and cached by re) on
# first use: a clean `check` needs none of them, and compiling them cost every run about a millisecond.
# The last word before a syntax error, at a statement's start (after "}" too: "} esle {"), and
# only spaces between it and the error.
_WORD_BEFORE = r"(?:^|[;{}]|^\s*\}?)\s*([A-Za-z_$][\w$]*)\s*$"
# A word followed by a parameter list and "{", as "function (x) {" is: "fuction (x) {" in a call's
# arguments (see _misspelt_functions).
_FUNCTION_LIKE = rb"(?<![\w$.])([A-Za-z_$][\w$]*)[ \t]*\([^()\n]*\)\s*\{"
# The code before a syntax error ends with a line that ends with "." (the comments below it, and
# one word of the next line, "function" read as the name after the dot, between): a name not typed
# yet (see _dangling_dots).
_DANGLING_DOT = rb"(?<=[A-Za-z_$)\]])(\.)[ \t\r]*(?://[^\n]*)?\n(?:[ \t\r\n]|//[^\n]*)*([A-Za-z_$][\w$]*)?[ \t]*\Z"
# How many times the source is parsed again to tell the errors that follow from one cause from the
# others (see _Analyser._causes): each costs a parse, and only a source with a syntax error pays it.
_REPARSES = 6


def _keyword_meant(word: str) -> str | None:
    """The JavaScript word ``word`` is a misspelling of ("fuction": "function"), or None."""
    if word in _KEYWORDS:
        return None
    lower = word.lower()
    if lower in _KEYWORDS:
        return lower
    if len(word) <= 4:
        return next((k for k in _KEYWORDS if len(k) == len(word) and sorted(k) == sorted(lower)), None)
    import difflib  # (only for a file with a syntax error: a clean check never loads it)

    close = difflib.get_close_matches(lower, _KEYWORDS, n=1, cutoff=0.8)
    return close[0] if close else None


def _misspelt_said(word: str, meant: str) -> str:
    """What a syntax error at the misspelt ``word`` says (``meant`` the JavaScript word meant)."""
    if word.lower() == meant:
        return f"'{word}' is not a JavaScript word here: did you mean '{meant}' (in small letters)?"
    return f"'{word}' is not a JavaScript word: did you mean '{meant}'?"


def _open_quote(text: str) -> tuple[str, int] | None:
    """The quote (' or ") left open at the end of the line ``text`` and where it opens, read as the
    browser reads it (a backslash escapes; // ends the code), or None (a template's ` may go on:
    not judged)."""
    quote = None
    opened = 0
    i = 0
    while i < len(text):
        c = text[i]
        if quote is not None:
            if c == "\\":
                i += 1
            elif c == quote:
                quote = None
        elif c in "'\"":
            quote, opened = c, i
        elif c == "`" or text.startswith(("//", "/*"), i):
            return None
        i += 1
    return None if quote is None else (quote, opened)


def _quote_closed(lines: list[bytes], line: int) -> bytes | None:
    """The source of ``lines`` with the quote left open on ``line`` closed before the brackets and
    punctuation that end the line ("'Unlock meeting });" becomes "'Unlock meeting' });")."""
    text = lines[line - 1].decode("utf-8", "replace")
    opened = _open_quote(text)
    if opened is None:
        return None
    quote, at = opened
    end = at + 1 + re.search(r"[\s)\]};,]*$", text[at + 1 :]).start()  # type: ignore[union-attr]
    return b"\n".join([*lines[: line - 1], (text[:end] + quote + text[end:]).encode(), *lines[line:]])


def _line_replaced(lines: list[bytes], line: int, col: int, word: str, meant: str) -> bytes:
    """The source of ``lines`` with ``word`` at ``line``, ``col`` (1-based, in characters) replaced with ``meant``."""
    text = lines[line - 1].decode("utf-8", "replace")
    text = text[: col - 1] + meant + text[col - 1 + len(word) :]
    return b"\n".join([*lines[: line - 1], text.encode(), *lines[line:]])


class _Cause(NamedTuple):
    """One slip that syntax errors may follow from (see _Analyser._causes)."""

    said: tuple[int, int, str]  # the error that names it
    fixed: bytes  # the source with the slip undone
    must_help: bool  # whether undoing it must first prove it, by clearing errors
    misspelt: str | None = None  # the misspelt word it names (no call of a function: PD523)
    not_name: tuple[int, int] | None = None  # where a word read as the name after a "." is none


def _error_lines(data: bytes) -> set[int] | None:
    """The lines of the syntax errors the parse of ``data`` makes (see _Analyser._causes); None
    when the parser gives up on it."""
    tree, gave_up = parse_within_budget(data)
    if gave_up is not None:
        return None
    if not tree.root_node.has_error:
        return set()
    again = _Analyser(data)
    again._errors(tree.root_node)
    return {e[0] for e in again.info.syntax_errors}


# An object's entry (``unload: unload``, ``'go': go``) at the start of a syntax error (see _missing_comma).
_ENTRY = r"""\s*(?:[\w$]+|'[^'\n]*'|"[^"\n]*")\s*:(?!:)"""


class Key(Record):
    """One key of the object passed to ``registerPlugin``."""

    __slots__ = (
        "name",
        "line",
        "column",
        "kind",
        "value",
        "value_line",
        "value_column",
        "missing",
        "missing_line",
        "missing_what",
    )

    def __init__(self, name: str, line: int, column: int, kind: str, value: str | None = None) -> None:
        self.name = name
        self.line = line
        self.column = column
        self.kind = kind  # "function" (inline), "identifier", "other"
        self.value = value  # the identifier's name when kind == "identifier"
        self.value_line, self.value_column = line, column  # where the registered value starts
        # Why the value is surely no function when registerPlugin runs (see _Analyser._unbound):
        # "nowhere" (no such name in the file), "scope" (only inside another function or
        # block), "const"/"let"/"var"/"assignment"/"class" (made only after the call, in the
        # same function), "value" (a variable holding a literal that is no function, made once),
        # "overwritten" (a function declaration that a later line of its function replaces with
        # a literal before the call: var x = false; function x() {}), or the literal itself
        # ("a string", "a number", "null", ...). None: nothing sure to say.
        self.missing: str | None = None
        self.missing_line = 0  # the line of the definition "scope", "const"... and "value" refer to
        self.missing_what = ""  # "overwritten": what the function is replaced with ("a boolean")


class Registration(Record):
    """A ``registerPlugin`` call and what its object literal holds."""

    __slots__ = (
        "line",
        "column",
        "keys",
        "id_value",
        "id_line",
        "id_column",
        "id_span",
        "open_brace",
        "indent",
        "damaged",
        "unreached",
        "cut_off",
        "known_keys",
        "unknown_parts",
    )

    def __init__(self, line: int, column: int, keys: dict[str, Key] | None) -> None:
        self.line = line
        self.column = column
        self.keys = keys  # None: the argument is not an object literal we can read
        self.id_value: str | None = None
        self.id_line = 0
        self.id_column = 0
        self.id_span: tuple[int, int] | None = None  # byte range of the id's value, for fixes
        # A syntax error among the object's own entries (a missing comma): keys after it may be
        # unread, so "no unload" or "no action" would be guesses (PD500 reports the error itself).
        self.damaged = False
        self.open_brace = -1  # byte offset just after the object's "{", for fixes
        self.indent: str | None = None  # indentation of the first key when it starts its own line
        # The call sits in a function that never runs (see _Analyser._never_runs): the line where
        # that function starts and its name ("" for a wrapper function missing its closing ()).
        self.unreached: tuple[int, str] | None = None
        # The call comes after a statement that surely stops the code before it (see
        # _Analyser._cut_off): that statement's line and what it is ("return", "throw", "if").
        self.cut_off: tuple[int, str] | None = None
        # keys None as part of the object is not written out in the file (Object.assign(base, {...})):
        # the keys of the parts that are (what can be checked), and the code of those that are not.
        self.known_keys: dict[str, Key] | None = None
        self.unknown_parts: tuple[str, ...] = ()


class Call(Record):
    """A call of (or reference to) a ``PEX.pluginAPI`` member."""

    __slots__ = (
        "member",
        "line",
        "column",
        "called",
        "args",
        "layout",
        "assigned_to",
        "span",
        "shape",
        "arg_spans",
        "result_member",
        "given_at",
        "uuid_params",
    )

    def __init__(
        self,
        member: str,
        line: int,
        column: int,
        called: bool,
        args: list[list[str]] | None = None,
        span: tuple[int, int] = (0, 0),
    ) -> None:
        self.member = member
        self.line = line
        self.column = column
        self.called = called
        self.args = [] if args is None else args  # possible string values of each argument
        self.layout: list[str] | None = None  # transformConferenceLayout: possible values of {layout}
        self.assigned_to: str | None = None  # createNewState: the variable receiving the result
        self.span = span  # byte range of the member's name, for fixes
        # _SHAPED members: what each argument is, ("object", its keys or None when some key is
        # known only at run time), ("string", None) for a text written out, ("name", None) for a
        # variable whose value there the file does not say for sure, ("spread", None) for a ...spread
        # (the last one kept: see _up_to_spread), or ("other", None).
        self.shape: list[tuple[str, frozenset[str] | None]] | None = None
        # _SHAPED members: the byte range of each argument, for the fixes of PD532.
        self.arg_spans: list[tuple[int, int]] = []
        # The member of the call's result the code reads at once (openTemplateDialog(...).close$), or None.
        self.result_member: str | None = None
        # The parameters of named functions standing where the first argument wants a participant's
        # uuid (see _Analyser._uuid_parameters): (the function, the parameter's number, whether the
        # function reads .uuid of it, its name, line, column), for the checks to tell a participant from a uuid.
        self.uuid_params: list[tuple[str, int, bool, str, int, int]] = []
        # A request or layout a helper's caller gives it (req('/lokc') for function req(p) {
        # sendRequest(p) }): the value -> (line, column) of the caller's argument, where it is written.
        self.given_at: dict[str, tuple[int, int]] = {}


class StateSet(Record):
    """A ``state$.next({...})`` call (or the first value given to ``createNewState``): what the
    plugin's code shows on its items while the meeting runs, instead of the package's icon and label."""

    __slots__ = ("variable", "line", "column", "icons", "labels")

    def __init__(
        self, variable: str, line: int, column: int, icons: list[str] | None, labels: list[str] | None
    ) -> None:
        self.variable = variable  # the state's variable (the createNewState call's assigned_to)
        self.line = line
        self.column = column
        # The possible values of its icon: and label: (DYN marks parts known only at run time);
        # None when it has no such key, or its value is no object literal the file spells out.
        self.icons = icons
        self.labels = labels


class NetRef(Record):
    """A place where the source contacts a server."""

    __slots__ = ("kind", "url", "line", "column", "written_at")

    def __init__(self, kind: str, url: str, line: int, column: int) -> None:
        self.kind = kind  # fetch, XMLHttpRequest, WebSocket, window.open, <img src>, ...
        self.url = url  # with DYN for parts built at run time
        self.line = line
        self.column = column
        # Where the address's text is written, when not in the call itself (const HOOK = '...' or
        # a helper's caller): (line, column), for the messages that send the user to its quotes.
        self.written_at = (line, column)


class JsInfo(Record):
    """Everything :func:`analyse` found in one source."""

    __slots__ = (
        "syntax_errors",
        "leaks",
        "registrations",
        "functions",
        "variables",
        "calls",
        "actions",
        "network",
        "icons",
        "undeclared",
        "pex_members",
        "unknown_calls",
        "unknown_objects",
        "unknown_when",
        "lone_names",
        "globals_made",
        "globals_needed",
        "globals_replaced",
        "read_only_written",
        "early_uses",
        "refused_names",
        "top_names",
        "named_wrappers",
        "used_wrappers",
        "state_sets",
        "kept_listening",
        "functions_twice",
    )

    def __init__(self) -> None:
        self.syntax_errors: list[tuple[int, int, str]] = []
        self.leaks: list[tuple[str, int, int]] = []  # top-level declarations
        self.registrations: list[Registration] = []
        self.functions: dict[str, int] = {}  # name -> line
        self.variables: dict[str, int] = {}  # non-function declarations
        self.calls: list[Call] = []
        self.actions: list[tuple[str, int, int]] = []  # PEX.actions.X
        self.network: list[NetRef] = []
        self.icons: list[tuple[str, int, int]] = []  # icon: 'x.svg#id' strings
        # Names given a value in strict code but declared nowhere (a ReferenceError when it runs).
        self.undeclared: list[tuple[str, int, int]] = []
        # Members of PEX the guide does not name (PEX.pluginApi, PEX.action$): (name, line, column,
        # whether the code reads from it or calls it there: PEX.conferenceDetails.locked, not PEX.version ||).
        self.pex_members: list[tuple[str, int, int, bool]] = []
        # Functions called when the plugin loads (straight in the wrapper or at the top) that no
        # line of the file defines: (name, line, column). A ReferenceError unless another script does.
        self.unknown_calls: list[tuple[str, int, int]] = []
        # The same for the object of a method called when the plugin loads (regeneratorRuntime of
        # regeneratorRuntime.mark(...)): (name, what is called, line, column).
        self.unknown_objects: list[tuple[str, str, int, int]] = []
        # Of those, the ones made not as the plugin loads but in another function given to
        # registerPlugin (a button's action, unload): (line, column) -> that registered key.
        self.unknown_when: dict[tuple[int, int], str] = {}
        # A name alone as a statement (``preqmute``: a snippet's prefix typed, never expanded),
        # declared nowhere, where it surely runs: (name, line, column, the statement's byte span:
        # what a snippet written in its place replaces); when in unknown_when.
        self.lone_names: list[tuple[str, int, int, tuple[int, int]]] = []
        # Names given a value in sloppy code where no enclosing scope declares them: each quietly
        # becomes a global variable of the web app. (name, line, column), at the first such line.
        self.globals_made: list[tuple[str, int, int]] = []
        # Names only changed in sloppy code (x++, x += 1, x ||= 1), never given a first value by a
        # line that would make the global: a ReferenceError unless another script has that global,
        # and that global changed if it does. (name, line, column), at the first such line.
        self.globals_needed: list[tuple[str, int, int]] = []
        # Names the browser's window already has (focus, name, onload: see _WINDOW_NAMES) given a
        # value in a function, no declaration around: the line replaces the browser's own for the
        # whole web app (no ReferenceError, strict or not). (name, line, column), at the first such line.
        self.globals_replaced: list[tuple[str, int, int]] = []
        # Names of the browser's window that cannot be changed (top, closed, history: see
        # _WINDOW_READ_ONLY) given a value with no declaration around: a TypeError in strict code,
        # nothing at all in sloppy code. (name, line, column, strict?, given by a var at the top of the
        # file, which declares nothing there?), at the first such line of each.
        self.read_only_written: list[tuple[str, int, int, bool, bool]] = []
        # Uses of a let, const or class name that surely run before its declaration in the same
        # block (its "temporal dead zone"): a ReferenceError each time. (name, line, column, the
        # declaration's line, when it runs: "load" as the plugin loads or starts, else the name
        # of the function around it, "" for one without a name; for a let in a case of a switch,
        # "case" when used above it in its case, "earlier" in an earlier case, "skipped" in a later
        # case the switch only comes to without running the let, "extends" in what the class being
        # declared extends (class A extends A {}), "default" in a parameter's default value (the name
        # is that parameter or a later one: function f(a = b, b) {}), "key" in a computed member
        # name of that class's own body (class A { [A.x]() {} }), else ""; for "skipped", the
        # (line, word) of the break, continue,
        # return or throw that ends the let's case), first in the file first.
        self.early_uses: list[tuple[str, int, int, int, str, str, tuple[int, str] | None]] = []
        # Names of the window a let, const, class or function at the top of the file declares, where
        # the browser refuses them (top, document, undefined: see _UNDECLARABLE) and so the whole
        # file: (name, line, column, "let", "const", "class" or "function").
        self.refused_names: list[tuple[str, int, int, str]] = []
        # Each name the file puts on the page at its top, outside any wrapper function, once, at its
        # first declaration: (name, line, column, "let", "const", "class", "var", "function", or
        # "assignment" for x = 1 in sloppy code with no declaration of x in the file). For the
        # cross-file check of names two plugins both declare (PD530, PD531): leaks gives whole
        # statements ("a, {b, c}") for PD501's message, not each name and how it is declared.
        self.top_names: list[tuple[str, int, int, str]] = []
        # The leaks (as named there) that only keep what a wrapper function returns: var
        # meetingInfo = (() => { ... })();, the global name a build tool gives a bundle. PD501 says
        # so: the code is wrapped already, and "put it inside a wrapper" misled.
        self.named_wrappers: list[str] = []
        # The names of named_wrappers that the rest of the file uses (helpers in one wrapper handed
        # to another: var Helpers = (function () {...})(); (function (h) {...})(Helpers);), where
        # taking the name away would break the code that reads it.
        self.used_wrappers: list[str] = []
        # What the code gives the variables createNewState made (state$.next({icon, label})), in
        # the file's order: the preview and the form say which items' looks the code sets.
        self.state_sets: list[StateSet] = []
        # What the registered load surely subscribes to (one of its parameters, participants$, or
        # PEX.actions$.ofType(...)) in a file that never unsubscribes from anything: (what, as the
        # code writes it, line, column, whether the code keeps what subscribe gives back: given to
        # a call, subscriptions.push(...), or to a name). Switched off and on again, the plugin
        # hears it twice (PD535).
        self.kept_listening: list[tuple[str, int, int, bool]] = []
        # Functions declared a second time in the same block (function load twice): the browser
        # takes the last one and the first one's code never runs, silently. (name, line, column of
        # the second one, the first one's line), first in the file first.
        self.functions_twice: list[tuple[str, int, int, int]] = []


def _norm_dotted(name: str) -> str:
    changed = True
    while changed:
        changed = False
        for p in _GLOBAL_PREFIXES:
            if name.startswith(p):
                name, changed = name[len(p) :], True
    return name


class _Analyser:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.info = JsInfo()
        self.decls: dict[str, list[Any]] = {}  # name -> value nodes of declarators/assignments
        # Names a function declaration or a var/let/const declares somewhere in the file, and
        # those declarations (the function declarations and declarators).
        self._declarations: dict[str, list[Any]] = {}
        self._declaration_scopes: dict[str, tuple[list[int], list[int]]] = {}  # (see _declared_around)
        self._binding_scopes: dict[str, tuple[list[int], list[int]]] = {}  # (see _bound_around)
        self._read_only_said: set[tuple[str, bool]] = set()  # (see _read_only_written)
        self.aliases: dict[str, str] = {}  # variable -> dotted global it holds (api = PEX.pluginAPI)
        self._destructurings: list[tuple[Any, Any]] = []  # (pattern, value) of const { a } = value
        # Parameters of a wrapper function called with the browser's window: !function (e) {...}(window)
        self._window_params: set[str] = set()
        self.calls: list[Any] = []
        # Where each object literal whose keys make up a registered object starts (see _object_parts).
        self._registered_parts: set[int] = set()
        self._lone: list[Any] = []  # names alone as statements (see _lone_words)
        self.news: list[Any] = []
        self.members: list[Any] = []
        self.strings: list[Any] = []
        self.pairs: list[Any] = []
        self._declared: dict[bytes, list[int]] | None = None  # function name -> offsets of its declarations
        self._memo: dict[
            Any, Any
        ] = {}  # _bindings (by str) and _after_dot_or_quote (by bytes), per name; _changed_elsewhere (by ("changed", name))
        self._global_write: bool | None = None
        self._strict_bodies: dict[int, bool] = {}  # function body (or file) -> strict? (see _strict)
        # Names let and const declare in a block: (name node, its declarator's end, the declaration,
        # the block), from _declared_twice, for _early_uses.
        self._lets: list[tuple[Any, int, Any, Any]] = []
        # var top = 1, var history = [] at the top of the file: (name, declarator), from _top_level.
        self._window_vars: list[tuple[Any, Any]] = []
        self._typeofs: set[str] | None = None  # the names the file asks about with typeof (see _asked_with_typeof)
        self._words: _WordIndex | None = None  # the file's names, found in one pass (see _word_index)
        self._searches = 0  # questions about names answered by searching the file (see _indexed)
        # Where each line starts, when the source breaks lines where tree-sitter does not count them.
        self._starts = _line_starts(data) if odd_breaks(data) else None
        self._ascii = data.isascii()  # then a byte is a character: columns need no decoding
        # A byte order mark is no character anyone sees: the editor and the browser drop it, so
        # line 1's columns start after it (they were one too far right there).
        self._bom = 1 if data.startswith(b"\xef\xbb\xbf") else 0
        self._marks: dict[int, list[tuple[int, int]]] = {}  # long line's start -> (byte, characters before it)
        self._parse_errors: set[tuple[int, int, str]] = set()  # the syntax errors the parse itself made (_errors)
        # Line -> (column, word, the JavaScript word meant) of a misspelt word said (_misspelt_keywords).
        self._misspelt: dict[int, tuple[int, str, str]] = {}
        self._misspelt_words: set[str] = set()  # the misspelt words said (no calls of a function: PD523)
        # Places (line, column) of a word the parse read as a name after a line ending in "." that is
        # none (see _dangling_dots): "function" in "PEX.pluginAPI.\n function unload() {".
        self._not_names: set[tuple[int, int]] = set()
        # Each node's parent, by Node.id, from one walk of a tree found to be deep, and the names
        # (identifiers) by (start, end) byte, from the same walk (see _up and _walk).
        self._parents: dict[int, Any] | None = None
        self._names_at: dict[tuple[int, int], Any] = {}
        self._climb = 0  # how many steps the climb going on has taken (see _up)
        self._ups = 0  # how many parents have been asked for (see _up)
        self._climb_from = self._climb_at = -1  # the ids of the node it last asked about and of its parent

    # -- positions -----------------------------------------------------------------------
    def pos(self, node: Any) -> tuple[int, int]:
        """1-based line and column (in characters) where ``node`` starts, counted as JavaScript
        and the designer's editor count them: a lone CR, U+2028 and U+2029 end a line too.

        Why: tree-sitter's rows count only LF, so after such a character the line was short of
        the one the editor (and the browser's error messages) show, and a double-click on the
        problem selected another line. Sources without them keep tree-sitter's row (the common,
        fast case).
        """
        if self._starts is not None:
            return self.at(node.start_byte)
        row, col = node.start_point
        return row + 1, self._column(node.start_byte - col, node.start_byte) if col else 1

    def at(self, offset: int) -> tuple[int, int]:
        """:meth:`pos` of a byte offset."""
        data = self.data
        if self._starts is None:
            start = data.rfind(b"\n", 0, offset) + 1
            line = data.count(b"\n", 0, start) + 1
        else:
            import bisect

            line = bisect.bisect_right(self._starts, offset)
            start = self._starts[line - 1]
        return line, self._column(start, offset)

    def line_of(self, node: Any) -> int:
        """The 1-based line ``node`` starts on (see :meth:`pos`)."""
        if self._starts is None:
            return node.start_point[0] + 1
        import bisect

        return bisect.bisect_right(self._starts, node.start_byte)

    def _column(self, start: int, offset: int) -> int:
        """The 1-based column, in characters, of byte ``offset`` on the line that starts at ``start``.

        Why not decoding the line up to ``offset`` each time: minified code is one line of
        megabytes, and the analysis asks for tens of thousands of positions on it; a check of a
        5 MB source took 27 s doing that. ASCII needs no decoding (a byte is a character); other
        text is counted from the nearest of the marks laid along a long line the first time it
        is asked about (the characters before each are known).
        """
        if self._ascii:
            return offset - start + 1
        data = self.data
        bom = self._bom if start == 0 else 0
        if offset - start <= _MARK_STEP:
            return max(1, len(data[start:offset].decode("utf-8", "replace")) + 1 - bom)
        marks = self._marks.get(start)
        if marks is None:
            marks = self._marks[start] = _line_marks(data, start)
        i = min((offset - start) // _MARK_STEP, len(marks) - 1)
        while marks[i][0] > offset:  # a mark moved forward to a character's first byte
            i -= 1
        at, chars = marks[i]
        return chars + len(data[at:offset].decode("utf-8", "replace")) + 1 - bom

    def text(self, node: Any) -> str:
        return self.data[node.start_byte : node.end_byte].decode("utf-8", "replace")

    # -- the walk ------------------------------------------------------------------------
    def run(self, tree: Any) -> JsInfo:
        root = self._root = tree.root_node
        self._top_level(root)
        if root.has_error:
            self._errors(root)
        if b"await" in self.data:
            self._awaits(root)
        # One C-level query finds every node of interest; walking all nodes in Python costs 10x.
        caps = _captures(root)
        by_start = _by_start
        declared = self._declarations
        for node in sorted(caps.get("function", ()), key=by_start):
            n = node.child_by_field_id(_FIELD["name"])
            if n is not None and n.type == "identifier":
                name = self.text(n)
                declared.setdefault(name, []).append(node)
                self.info.functions.setdefault(name, self.line_of(n))
        for node in sorted(caps.get("declarator", ()), key=by_start):
            n = node.child_by_field_id(_FIELD["name"])
            if n is not None and n.type == "identifier":
                name = self.text(n)
                declared.setdefault(name, []).append(node)
                self._declare(name, node.child_by_field_id(_FIELD["value"]), n)
            elif n is not None and n.type == "object_pattern":
                # (Read once the wrapper's parameters are known: const { pluginAPI } = PEXRef.)
                self._destructurings.append((n, node.child_by_field_id(_FIELD["value"])))
        self._assignments = sorted(caps.get("assignment", ()), key=by_start)
        for node in self._assignments:
            n = node.child_by_field_id(_FIELD["left"])
            if n is not None and n.type == "identifier":
                self._declare(self.text(n), node.child_by_field_id(_FIELD["right"]), n)
        self._writes = self._written_names(caps)
        self._declared_twice(caps.get("declarator", ()), caps.get("function", ()))
        self._early_uses(caps.get("declarator", ()), caps.get("class", ()))
        self._early_defaults(caps.get("params", ()))
        self._parameters_twice(caps.get("params", ()))
        if b"return" in self.data or b"break" in self.data or b"continue" in self.data:
            self._jumps(root)
        self._strict_names_written()
        # (All of them found by now: _top_level, _errors, _awaits, _declared_twice, _parameters_twice, _jumps,
        # _strict_names_written.)
        self.info.syntax_errors.sort()
        if self.info.syntax_errors:
            self._misspelt_keywords()
            if self._parse_errors and self._starts is None and len(self.data) < _CHUNKED_FROM:
                self._causes(root)
        self.calls = sorted(caps.get("call", ()), key=by_start)
        self._lone = sorted(caps.get("lone", ()), key=by_start)
        self._iife_aliases()
        self.news = sorted(caps.get("new", ()), key=by_start)
        self.members = self._around(root, _PEX_TEXT, ("member_expression",), outermost=True)
        # (actions.RECEIVE_CHAT_MESAGE after const { actions } = PEX: read as PEX.actions.X is.)
        held = [a for a, t in self.aliases.items() if a != "PEX" and t in ("PEX", "PEX.actions", "PEX.pluginAPI")]
        if held:
            found = {(m.start_byte, m.end_byte): m for m in self.members}
            for a in held:
                for m in self._around(root, re.compile(re.escape(a.encode())), ("member_expression",), outermost=True):
                    found.setdefault((m.start_byte, m.end_byte), m)
            self.members = sorted(found.values(), key=_by_start)
        self.strings = self._around(root, _ATTR_TEXT, ("string", "template_string"))
        self.pairs = self._around(root, _ICON_TEXT, ("pair",))
        self._finish()
        if self._not_names:
            info = self.info
            info.calls = [c for c in info.calls if (c.line, c.column) not in self._not_names]
            info.pex_members = [m for m in info.pex_members if m[1:3] not in self._not_names]
            info.actions = [a for a in info.actions if a[1:] not in self._not_names]
        self._undeclared()
        self._calls_to_nothing()
        if self._lone:
            self._lone_words()
        if b"subscribe" in self.data and b"unsubscribe" not in self.data:
            self._kept_listening()
        return self.info

    def _is_window(self, node: Any) -> bool:
        """Whether ``node`` is the browser's window: ``window``, ``self``, ``globalThis``, or
        ``this`` outside every function (a UMD wrapper's ``}(this, function () {...}))``)."""
        if node.type == "identifier":
            return self.text(node) in _WINDOW_HOLDERS
        if node.type != "this":
            return False
        up = node.parent
        while up is not None and up.type not in _FUNC_TYPES and up.type != "class_body":
            up = up.parent
        return up is None

    def _iife_aliases(self) -> None:
        """``(function (api) { api.registerPlugin(...) })(window.PEX.pluginAPI)``: the parameter
        holds PEX (or part of it), as ``var api = PEX.pluginAPI`` would. Without this the
        registration went unseen and a working plugin got "never calls registerPlugin"."""
        for call in self.calls:
            fn = call.child_by_field_id(_FIELD["function"])
            while fn is not None and fn.type == "parenthesized_expression" and fn.named_child_count:
                fn = fn.named_children[0]
            if fn is None or fn.type not in ("function_expression", "function", "arrow_function"):
                continue
            params, args = fn.child_by_field_id(_FIELD["parameters"]), call.child_by_field_id(_FIELD["arguments"])
            if params is None or args is None:
                continue
            for param, arg in zip(params.named_children, args.named_children, strict=False):
                if arg.type not in ("member_expression", "identifier", "this"):
                    continue
                if param.type == "object_pattern":  # (function ({ pluginAPI }) { ... })(window.PEX)
                    self._destructurings.append((param, arg))
                    continue
                if param.type != "identifier":
                    continue
                if self._is_window(arg) and self.text(param) not in _WINDOW_HOLDERS:
                    # !function (e) { e.PEX.pluginAPI... }(window), as minifiers write it. Why: the
                    # calls through e.PEX went unseen, and its state$ was "never created" (PD510).
                    self._window_params.add(self.text(param))
                    continue
                value = self.dotted(arg) if arg.type == "member_expression" else _norm_dotted(self.text(arg))
                if value and (value == "PEX" or value.startswith("PEX.")) and self.text(param) != "PEX":
                    self.aliases.setdefault(self.text(param), value)
        # var api = PEXRef.pluginAPI inside (function (PEXRef) {...})(window.PEX): api was taken for
        # "PEXRef.pluginAPI" before the parameter was known; followed now to PEX.pluginAPI. Why:
        # the calls through such a name went unchecked (a deprecated or misspelt member passed).
        for _ in range(3):
            changed = False
            for name, target in list(self.aliases.items()):
                head, dot, rest = target.partition(".")
                if head in self._window_params and (rest == "PEX" or rest.startswith("PEX.")):
                    self.aliases[name] = rest  # (n = e.PEX.pluginAPI, e being the window)
                    changed = True
                    continue
                held = self.aliases.get(head)
                if held is not None and head not in (name, "PEX") and (held == "PEX" or held.startswith("PEX.")):
                    self.aliases[name] = held + dot + rest
                    changed = True
            if not changed:
                break
        for pattern, value in self._destructurings:
            self._destructured(pattern, value)

    def _around(
        self, root: Any, pattern: re.Pattern[bytes], types: tuple[str, ...], outermost: bool = False
    ) -> list[Any]:
        """The nodes of ``types`` that enclose a match of ``pattern`` (the innermost one, or the
        outermost of a chain of them), in document order, each once."""
        found: dict[int, Any] = {}
        data = self.data
        if pattern is _ATTR_TEXT:
            low = data.lower()
            if b"src" not in low and b"href" not in low and b"data" not in low:
                return []
            attr = re.compile(_ATTR_NAME)
            starts = [m.start() for m in pattern.finditer(low) if attr.search(low, max(0, m.start() - 12), m.start())]
        else:
            n = len(pattern.pattern)
            starts = [
                m.start()
                for m in pattern.finditer(data)
                if not _word_byte(data[m.start() - 1 : m.start()])
                and not _word_byte(data[m.start() + n : m.start() + n + 1])
            ]
        for start in starts:
            node = root.descendant_for_byte_range(start, start + 1)
            depth = 0
            while node is not None and node.type not in types and depth < 6:
                node, depth = node.parent, depth + 1
            if node is None or node.type not in types:
                continue
            if outermost:
                while node.parent is not None and node.parent.type in types:
                    node = node.parent
            found.setdefault(node.start_byte * 7919 + node.end_byte, node)
        return sorted(found.values(), key=_by_start)

    def _errors(self, root: Any) -> None:
        """ERROR and MISSING nodes, descending only into subtrees that hold one."""
        errors = self.info.syntax_errors
        first = len(errors)
        stack = [root]
        while stack and len(errors) < 20:
            node = stack.pop()
            if node.is_missing:
                line, col = self.pos(node)
                opener = self._unclosed_brace(line) if node.type == "}" else None
                if opener is not None:
                    errors.append((*opener, "this '{' is never closed: its '}' is missing"))
                else:
                    errors.append((line, col, f"'{node.type}' is missing here"))
                continue
            if node.type == "ERROR" and not any(c.has_error for c in node.children):
                # Only the innermost ERROR: an outer one often spans the whole wrapper function.
                if node is root and self._unclosed(node):
                    continue
                line, col = self.pos(node)
                comma = self._missing_comma(node, line, col)
                if comma is not None:
                    errors.append((*comma, "a comma (,) is missing at the end of this line, before the next entry"))
                    continue
                unpaired = self._unpaired_quote(line)
                if unpaired is not None:
                    errors.append(
                        (
                            line,
                            col,
                            f"the quotes ({unpaired}) on this line do not pair up: one is missing, or one too many",
                        )
                    )
                    continue
                snippet = (self.text(node).strip().splitlines() or [""])[0][:30]  # (CR, U+2028... end it too)
                quote = '"' if "'" in snippet else "'"  # not ''My plugin'' around a string of the code
                errors.append((line, col, f"unexpected {quote}{snippet}{quote}" if snippet else "unexpected text"))
                continue
            stack.extend(reversed([c for c in node.children if c.has_error]))
        self._parse_errors = set(errors[first:])

    def _awaits(self, root: Any) -> None:
        """``await`` outside an async function: a syntax error for the browser, which rejects the
        whole file ("await is only valid in async functions"), while tree-sitter parses it.

        Why: the usual slip (``await`` in the ``forEach`` callback of an async function, or in a
        function someone forgot to mark async) passed the check, and the plugin never loaded.
        """
        data = self.data
        errors = self.info.syntax_errors
        at = data.find(b"await")
        while at != -1 and len(errors) < 20:
            node = root.descendant_for_byte_range(at, at + 5)
            at = data.find(b"await", at + 5)
            if node is None or node.type != "await" or node.parent is None:
                continue  # a word inside a name, string or comment, or 'await' used as a name
            holder = node.parent
            if holder.type != "await_expression" and not (
                holder.type == "for_in_statement" and holder.child_by_field_id(_FIELD["left"]) is not None
            ):
                continue
            fn = holder.parent
            while fn is not None and fn.type not in _AWAIT_SCOPES:
                fn = fn.parent
            if fn is not None and fn.type != "class_static_block" and any(c.type == "async" for c in fn.children):
                continue
            line, col = self.pos(node)
            if fn is None:
                what = "'await' outside any function; 'await' only works inside a function marked async"
            else:
                what = (
                    f"'await' in a function that is not marked async: the one starting on line {self.line_of(fn)} "
                    "needs async before it"
                )
            errors.append((line, col, what))

    def _declared_twice(self, declarators: Any, functions: Any) -> None:
        """A name declared twice in one block where one of them is ``let``, ``const`` (or a
        function beside those), and a ``const`` with no value: errors the browser rejects the whole
        file for ("Identifier 'x' has already been declared", "Missing initializer in const
        declaration") while tree-sitter parses them. Why: pasting ``let count = 0;`` in twice, or
        leaving ``const mode;`` to be finished later, passed the check and the plugin never loaded.

        Only names in the very same block are compared (nothing about scopes is guessed), so a
        name used again in an inner block, a loop or a catch is never called a clash.
        """
        errors = self.info.syntax_errors
        seen: dict[tuple[int, str], tuple[bool, Any]] = {}  # (block, name) -> (lexical?, first name node)
        named: list[tuple[Any, Any, bool, int]] = []  # (name node, declaration, lexical?, its declarator's end)
        for d in declarators:
            decl = self._up(d)
            n = d.child_by_field_id(_FIELD["name"])
            if decl is None or n is None or n.type != "identifier":
                continue
            lexical = decl.type == "lexical_declaration"
            if lexical and n.end_byte - n.start_byte == 3 and self.data[n.start_byte : n.end_byte] == b"let":
                line, col = self.pos(n)
                errors.append((line, col, "'let' cannot be the name of a let or const variable: give it another name"))
            if lexical and decl.child_count and decl.children[0].type == "const":
                if d.child_by_field_id(_FIELD["value"]) is None and (
                    (up := self._up(decl)) is None or up.type != "for_in_statement"
                ):
                    line, col = self.pos(n)
                    name = self.text(n)
                    errors.append((line, col, f"const '{name}' is given no value; write const {name} = ...;"))
            named.append((n, decl, lexical, d.end_byte))
        for f in functions:
            n = f.child_by_field_id(_FIELD["name"])
            if n is not None and n.type == "identifier":
                named.append((n, f, False, 0))
        named.sort(key=lambda x: x[0].start_byte)
        lets = self._lets
        for n, decl, lexical, end in named:
            block = self._up(decl)
            if block is None or block.type not in ("program", "statement_block", "switch_case", "switch_default"):
                continue  # (for (let i ...), export ...: a scope of their own, or nothing to compare)
            if block.type in ("switch_case", "switch_default") and self._up(block) is not None:
                block = self._up(block)  # the cases of a switch share one block
            if lexical:
                lets.append((n, end, decl, block))  # (for _early_uses: the blocks found once, here)
            key = (block.id, self.text(n))
            first = seen.get(key)
            if first is None:
                seen[key] = (lexical, n)
            elif lexical or first[0]:
                line, col = self.pos(n)
                errors.append(
                    (
                        line,
                        col,
                        f"'{self.text(n)}' is declared a second time (first on line {self.line_of(first[1])}), and with "
                        "let or const a name may be declared only once in a block: give one of them another name",
                    )
                )
            elif decl.type == first[1].parent.type == "function_declaration":
                line, col = self.pos(n)
                self.info.functions_twice.append((self.text(n), line, col, self.line_of(first[1])))

    def _parameters_twice(self, lists: Any) -> None:
        """A parameter name written twice where the browser forbids it: in an arrow function or a
        method, in strict code, or beside a default value, a ``...rest`` or a destructured
        parameter. The browser rejects the whole file ("Duplicate parameter name not allowed in
        this context"), while tree-sitter parses it. Why: ``(event, event) => ...`` or a copied
        ``function (p, p)`` in a 'use strict' plugin passed the check and the plugin never loaded.

        A plain ``function (a, a)`` in sloppy code is allowed (the last one wins), so it is left alone.
        """
        for params in lists:
            if params.named_child_count < 2:
                continue  # (most lists: nothing to compare)
            names: list[Any] = []
            simple = True
            for c in params.named_children:
                if c.type == "identifier":
                    names.append(c)
                elif c.type != "comment":
                    simple = False
                    self._pattern_names(c, names)
            seen: dict[str, Any] = {}
            twice = None
            for n in names:
                name = self.text(n)
                if name in seen:
                    twice = (seen[name], n)
                    break
                seen[name] = n
            if twice is None:
                continue
            fn = params.parent
            if fn is None:
                continue
            if not (fn.type in ("arrow_function", "method_definition") or not simple or self._strict(params)):
                body = fn.child_by_field_id(_FIELD["body"])
                if body is None or body.type != "statement_block" or not self._says_use_strict(body):
                    continue
            first, second = twice
            line, col = self.pos(second)
            where = (
                "an arrow function"
                if fn.type == "arrow_function"
                else "a method"
                if fn.type == "method_definition"
                else "a function with a default value, a ...rest or a destructured parameter"
                if not simple
                else "strict code ('use strict')"
            )
            self.info.syntax_errors.append(
                (
                    line,
                    col,
                    f"the parameter '{self.text(second)}' is named twice in one list (first at column "
                    f"{self.pos(first)[1]}), which {where} does not allow: give each parameter its own name",
                )
            )

    def _pattern_names(self, node: Any, out: list[Any]) -> None:
        """The names a destructuring pattern (or a default or ...rest) of a parameter list binds.

        With a list of the patterns still to read, not recursion: a pattern nested a thousand
        deep (``var {a: {a: {a: ...}}} = o``) exhausted Python's stack and the check crashed."""
        todo = [node]
        while todo:
            node = todo.pop()
            t = node.type
            if t in ("identifier", "shorthand_property_identifier_pattern"):
                out.append(node)
            elif t in ("assignment_pattern", "object_assignment_pattern"):
                left = node.child_by_field_id(_FIELD["left"])
                if left is not None:
                    todo.append(left)
            elif t == "pair_pattern":
                value = node.child_by_field_id(_FIELD["value"])
                if value is not None:
                    todo.append(value)
            elif t in ("object_pattern", "array_pattern", "rest_pattern"):
                todo.extend(reversed(node.named_children))  # (the first popped first: the file's order)

    def _jumps(self, root: Any) -> None:
        """``break``, ``continue`` and ``return`` where the browser refuses them: a break with
        no loop or switch around it in its own function, a continue with no loop, a label that
        no statement around it has, a return outside any function. The browser rejects the whole
        file ("Illegal break statement", "Illegal return statement") while tree-sitter parses it.

        Why: the usual slip is ``break`` in a ``forEach`` callback, meant to end the loop, or a
        ``return`` left at the top of a file after its wrapper function was removed; the check
        passed both and the plugin never loaded. Nothing inside a syntax error tree-sitter
        already found is judged (that error comes first).
        """
        data = self.data
        errors = self.info.syntax_errors
        functions: list[tuple[int, int]] | None = None  # (start, end) of the outermost functions
        for word, at in _words_at(data, _JUMPS):
            if len(errors) >= 20:
                return
            if word == b"return":
                # Most words are returns, nearly all inside a function: settled by the offset alone.
                if functions is None:
                    functions = _outermost_functions(root)
                i = bisect.bisect_right(functions, (at, len(data))) - 1
                if i >= 0 and functions[i][0] <= at < functions[i][1]:
                    continue
            node = root.descendant_for_byte_range(at, at + len(word))
            stmt = node.parent if node is not None else None
            if node is None or node.type != _JUMPS[word][0] or stmt is None or stmt.type != _JUMPS[word][1]:
                continue  # a word inside a name, string or comment, or a property named so
            label = None
            if word != b"return" and stmt.named_child_count:
                label_node = stmt.named_children[0]
                label = self.text(label_node) if label_node.type == "statement_identifier" else None
            what = self._jump_target(stmt, word, label)
            if what is None:
                continue
            line, col = self.pos(node)
            errors.append((line, col, what))

    def _jump_target(self, stmt: Any, word: bytes, label: str | None) -> str | None:
        """Why the jump ``stmt`` has nowhere to go (see :meth:`_jumps`), or None when it has."""
        up = stmt.parent
        while up is not None and up.type != "program":
            t = up.type
            if t == "ERROR":
                return None
            if word == b"return":
                if t in FUNCTION_NODE_TYPES:
                    return None
                if t == "class_static_block":
                    return "'return' is not allowed in a class's static block"
            elif t in _AWAIT_SCOPES:
                break  # out of its own function: a loop further out does not count
            elif label is None:
                if t in _LOOPS or (word == b"break" and t == "switch_statement"):
                    return None
            elif t == "labeled_statement" and any(
                c.type == "statement_identifier" and self.text(c) == label for c in up.children
            ):
                body = up.named_children[-1]
                while body.type == "labeled_statement" and body.named_child_count:
                    body = body.named_children[-1]
                if word == b"break" or body.type in _LOOPS:
                    return None
                return (
                    f"'continue {label}' names a label that is not on a loop: continue works only with a loop's label"
                )
            up = up.parent
        if up is None or (up.type == "program" and up.has_error):
            return None  # (at the top of a file with a syntax error, it may have been cut from its function)
        if word == b"return":
            return (
                "'return' outside any function: the plugin's file runs as a script, where return works only "
                "inside a function (keep the code inside its (function () { ... })(); wrapper)"
            )
        if label is not None:
            return (
                f"'{word.decode()} {label}' names the label '{label}', but no statement around it in the same "
                "function has that label"
            )
        where = "a loop or a switch" if word == b"break" else "a loop"
        hint = (
            ": a loop around this function, or a forEach calling it, does not count; to leave the function early, "
            "use return"
            if up.type != "program"
            else ""
        )
        return f"'{word.decode()}' works only inside {where} of the same function, and here there is none{hint}"

    def _says_use_strict(self, block: Any) -> bool:
        """Whether the statement block (or program) ``block`` starts with the directive 'use strict'.

        A ``#!/usr/bin/env node`` line above it (kept by bundlers of command-line tools) is no
        statement: the directive after it still makes the file strict (it was read as sloppy code,
        so PD524 called a name that throws a ReferenceError there a global).
        """
        for i in range(block.named_child_count):  # (not named_children: it makes a node of every statement)
            stmt = block.named_child(i)
            if stmt.type == "comment" or stmt.type == "hash_bang_line":
                continue
            if stmt.type != "expression_statement" or not stmt.named_child_count:
                return False
            e = stmt.named_child(0)
            if e.type != "string":
                return False
            if self._string_text(e) == "use strict" and "\\" not in self.text(e):
                return True
        return False

    def _misspelt_keywords(self) -> None:
        """A syntax error just after a misspelt JavaScript word ("fuction unload() {", "retrun x",
        "} esle {"): that line's errors become one, at the word, naming the word meant.

        Why: it was "unexpected 'unload'" and "';' is missing here", and nothing said that the word
        before them was misspelt; a name followed by a name is never JavaScript, so the word is
        surely wrong.
        """
        if self._starts is not None:  # (lone CRs and the like: lines counted otherwise)
            return
        errors = self.info.syntax_errors
        lines = self.data.split(b"\n", max(e[0] for e in errors))
        said: dict[int, tuple[int, int, str]] = {}
        texts: dict[int, str] = {}
        for line, col, _message in errors:
            if line in said or line > len(lines):
                continue
            text = texts.get(line)
            if text is None:
                text = texts[line] = lines[line - 1].decode("utf-8", "replace")
            # Searched from the last ; { or } before the error (where a match starts): a line of
            # thousands of errors (let a; let a; ...) was searched whole for each, minutes for 40 KB.
            end = col - 1
            start = max(text.rfind(";", 0, end), text.rfind("{", 0, end), text.rfind("}", 0, end), 0)
            m = re.compile(_WORD_BEFORE).search(text, start, end)
            if m is None or (meant := _keyword_meant(m.group(1))) is None:
                continue
            word = m.group(1)
            self._misspelt[line] = (m.start(1) + 1, word, meant)
            said[line] = (line, m.start(1) + 1, _misspelt_said(word, meant))
            self._misspelt_words.add(word)
        if said:
            errors[:] = sorted([e for e in errors if e[0] not in said] + list(said.values()))
            self._parse_errors = {e for e in self._parse_errors if e[0] not in said} | set(said.values())

    # -- errors that follow from one slip ---------------------------------------------------
    def _causes(self, root: Any) -> None:
        """Fold the syntax errors that follow from one slip into the one error that names it: an
        unclosed quote, a misspelt word, a "}" that closes nothing, a line ending in "." with the
        name after it not typed yet.

        Why: tree-sitter recovers from one slip by guessing, and its guesses report more errors
        further down ("unexpected 'function toggleLock'", "')' is missing here", ... after a label's
        closing quote was deleted 18 lines above); a non-developer fixed the wrong lines or gave
        up. Each slip is checked by undoing it and parsing again: the errors that go away with it
        follow from it and are dropped; those that stay are independent and kept.
        """
        errors = self.info.syntax_errors
        lines = self.data.split(b"\n")
        made = sorted(e for e in errors if e in self._parse_errors and e[0] <= len(lines))
        if not made:
            return
        causes: list[_Cause] = []
        for e in made:
            line = e[0]
            if e[2].startswith("the quotes ("):
                fixed = _quote_closed(lines, line)
                if fixed is not None:
                    causes.append(_Cause(e, fixed, False))
            elif line in self._misspelt:
                col, word, meant = self._misspelt[line]
                causes.append(_Cause(e, _line_replaced(lines, line, col, word, meant), False))
        causes += self._misspelt_functions(lines)
        causes += self._dangling_dots(lines, made)
        causes += self._stray_braces(root, lines, made[0][0])
        before = len({e[0] for e in made})
        seen: set[tuple[int, int]] = set()
        for cause in sorted(causes, key=lambda c: c.said)[:_REPARSES]:
            said = cause.said
            if said[:2] in seen:
                continue
            left = _error_lines(cause.fixed)
            if left is None or (cause.must_help and len(left) >= before):
                continue  # (undoing it does not help: not the slip)
            seen.add(said[:2])
            line = said[0]
            keep = [e for e in errors if e not in self._parse_errors or e[0] < line or (e[0] > line and e[0] in left)]
            errors[:] = sorted([*keep, said])
            self._parse_errors = (self._parse_errors & set(keep)) | {said}
            if cause.misspelt is not None:
                self._misspelt_words.add(cause.misspelt)
            if cause.not_name is not None:
                self._not_names.add(cause.not_name)

    def _offset(self, lines: list[bytes], line: int, col: int) -> int:
        """The byte offset of 1-based ``line`` and ``col`` (in characters), ``lines`` the source's."""
        start = sum(len(t) + 1 for t in lines[: line - 1])
        return start + len(lines[line - 1].decode("utf-8", "replace")[: col - 1].encode())

    def _misspelt_functions(self, lines: list[bytes]) -> list[_Cause]:
        """ "fuction (x) {" where a function is written (in a call's arguments: subscribe(fucntion
        (details) {...})), said as a misspelt "function" (see _causes).

        Why: _misspelt_keywords looks only at a statement's start; in a call's arguments the
        misspelling was "unexpected 'Boolean(details && details.loc'" on the next line, or
        "unexpected 'fuction ()'", which names no misspelling.
        """
        out = []
        data = self.data
        for m in re.compile(_FUNCTION_LIKE).finditer(data):
            word = m.group(1).decode()
            if abs(len(word) - 8) > 2 or word == "function" or _keyword_meant(word) != "function":
                continue
            line, col = self.at(m.start(1))
            if line in self._misspelt:
                continue
            fixed = data[: m.start(1)] + b"function" + data[m.end(1) :]
            out.append(_Cause((line, col, _misspelt_said(word, "function")), fixed, True, misspelt=word))
        return out

    def _dangling_dots(self, lines: list[bytes], made: list[tuple[int, int, str]]) -> list[_Cause]:
        """A syntax error just after a line that ends with "." ("PEX.pluginAPI." still being
        typed): said at the dot (see _causes), and the word the parse read as the name after it
        ("function" of the next line) is no name used.

        Why: it was "uses PEX.pluginAPI.function, which the app does not have" and "unexpected
        'unload'" on the next line, which said nothing about the line being typed.
        """
        out = []
        data = self.data
        found: set[int] = set()
        for line, col, _message in made:
            at = self._offset(lines, line, col)
            m = re.compile(_DANGLING_DOT).search(data, max(0, at - 2000), at)
            if m is None or m.start(1) in found:
                continue
            found.add(m.start(1))
            dot_line, dot_col = self.at(m.start(1))
            fixed = data[: m.start(1)] + b" " + data[m.end(1) :]
            said = (dot_line, dot_col, "the line ends with '.': a name is missing after it")
            out.append(_Cause(said, fixed, True, not_name=self.at(m.start(2)) if m.group(2) else None))
        return out

    def _stray_braces(self, root: Any, lines: list[bytes], first: int) -> list[_Cause]:
        """The '}' that closes nothing, above the first syntax error (see _causes): a '}' first on its
        line that the parse paired with a '{' on a line indented otherwise (the '{' of the wrapper
        function, closed early), the two nearest the error.

        Why: an extra '}' was reported at the next function ("unexpected 'function toggleLock'"),
        lines below it, and nothing pointed at the '}' itself.
        """
        out = []
        starts = [0]
        for text in lines[: first - 1]:
            starts.append(starts[-1] + len(text) + 1)
        for i in range(min(first, len(lines)) - 1, -1, -1):
            text = lines[i]
            code = text.lstrip(b" \t")
            if not code.startswith(b"}"):
                continue
            indent = len(text) - len(code)
            at = starts[i] + indent
            node = root.descendant_for_byte_range(at, at + 1)
            if node is None or node.type != "}" or node.start_byte != at:
                continue
            opener = node.parent
            if opener is None or opener.type != "ERROR":
                if opener is None or opener.start_byte >= at:
                    continue
                row = opener.start_point[0]
                if row >= len(lines) or len(lines[row]) - len(lines[row].lstrip(b" \t")) == indent:
                    continue
            said = (i + 1, indent + 1, "this '}' closes nothing: remove it, or look for a missing '{' above")
            out.append(_Cause(said, self.data[:at] + b" " + self.data[at + 1 :], True))
            if len(out) == 2:
                break
        return out

    def _missing_comma(self, node: Any, line: int, col: int) -> tuple[int, int] | None:
        """Where the comma goes (line and column just after the entry above) when the ERROR ``node``
        at ``line``, ``col`` is an object's entry (``unload: unload``) first on its line and the line
        of code above ends with no comma; None otherwise.

        Why: a comma forgotten after a line of registerPlugin's object (adding an action) was
        "unexpected 'unload: unload'" on the next line, which is right as it is.
        """
        if self._starts is not None or not re.compile(_ENTRY).match(self.text(node)):
            return None
        lines = self.data.split(b"\n", line)[: line - 1]
        if len(lines) < line - 1 or lines[-1:] == [] or lines[-1][: col - 1].strip():
            return None  # (an entry after others on its own line: no line above to point at)
        above = next(
            (
                n
                for n in range(line - 2, -1, -1)
                if lines[n].strip() and not lines[n].lstrip().startswith((b"//", b"*", b"/*"))
            ),
            None,
        )
        if above is None:
            return None
        code = lines[above].decode("utf-8", "replace").rstrip()
        if "//" in code or code.endswith((",", "{", "(", "[", ";", ":", "+", "-", "*", "/", "=", "&", "|", "?", ".")):
            return None
        return above + 1, len(code) + 1

    def _unpaired_quote(self, line: int) -> str | None:
        """The quote (' or ") left open at the end of ``line`` (1-based), read as the browser reads
        it (a backslash escapes; // ends the code), or None (a template's ` may go on: not judged).

        Why: a label's closing quote deleted was "unexpected \"Unlock meeting'\"", text cut from the
        middle of the line that told a non-developer nothing about a missing quote.
        The answer is kept per line: each syntax error of a line asks it, and a line of 5,000
        errors (``f(a = b, b)`` written 5,000 times) read its 55,000 characters for each.
        """
        if self._starts is not None:  # (lone CRs and the like: lines counted otherwise)
            return None
        key = ("unpaired quote", line)
        if key not in self._memo:
            lines = self.data.split(b"\n", line)
            opened = None if len(lines) < line else _open_quote(lines[line - 1].decode("utf-8", "replace"))
            self._memo[key] = None if opened is None else opened[0]
        return self._memo[key]

    def _unclosed_brace(self, missing_line: int) -> tuple[int, int] | None:
        """Line and column of the '{' a missing '}' belongs to, judged by indentation, or None.

        Why: tree-sitter notices a missing '}' where the file ends ("'}' is missing here" on the
        last line), far below the function whose '}' was deleted; someone who does not write
        JavaScript had no way to find it. In indented code the culprit is the first line ending
        in '{' whose next non-blank line is not indented further and does not close it.
        """
        if self._starts is not None:  # (lone CRs and the like: lines counted otherwise; keep the parser's place)
            return None
        lines = self.data.decode("utf-8", "replace").split("\n")[: missing_line - 1]
        indents = [len(t) - len(t.lstrip(" \t")) if t.strip() else -1 for t in lines]
        comments = [t.lstrip().startswith(("//", "*", "/*")) for t in lines]
        openers = [i for i, t in enumerate(lines) if t.rstrip().endswith("{") and not comments[i]]
        for i in openers:
            following = next((j for j in range(i + 1, len(lines)) if indents[j] >= 0), None)
            if following is None:
                continue
            if indents[following] <= indents[i] and not lines[following].lstrip().startswith("}"):
                return i + 1, len(lines[i].rstrip())
        # Its body indented, but the '}' after its last line deleted: the first line of code back at
        # the '{' line's indentation (or left of it) is no '}' ("function toggleLock(...) {" with
        # "function unload() {" next at its indentation). Why: "'}' is missing here" on the file's
        # last line, 18 lines below the function, sent people to the wrong end of the file.
        for i in openers:
            back = next(
                (j for j in range(i + 1, len(lines)) if 0 <= indents[j] <= indents[i] and not comments[j]), None
            )
            if back is not None and not lines[back].lstrip().startswith("}"):
                return i + 1, len(lines[i].rstrip())
        return None

    def _unclosed(self, root: Any) -> bool:
        """Say where a file that is one syntax error as a whole (tree-sitter could not make a
        program of it) goes wrong, when a bracket among its top-level tokens is never closed; True
        when said.

        Why: such a file was reported at line 1, column 1 ("unexpected '// My plugin…'"), its
        first comment, however far below the unclosed ``foo((`` was; that sent people to the wrong
        end of the file.
        """
        closers = {")": "(", "]": "[", "}": "{"}
        stack: list[Any] = []
        for child in root.children:
            t = child.type
            if t in ("(", "[", "{"):
                stack.append(child)
            elif t in closers and stack and stack[-1].type == closers[t]:
                stack.pop()
        if not stack:
            return False
        line, col = self.pos(stack[0])
        self.info.syntax_errors.append((line, col, f"'{stack[0].type}' is never closed"))
        return True

    def stray_nul(self, root: Any, original: bytes) -> None:
        """A NUL outside a string, template or comment (read as a space for the parse) is a syntax
        error: the browser rejects the file ("Invalid or unexpected token"); the check passed it."""
        at = original.find(b"\0")
        while at != -1:
            node = root.descendant_for_byte_range(at, at + 1)
            while node is not None and node.type not in _TEXT_NODES:
                node = None if node.type == "template_substitution" else node.parent  # ${...} is code
            if node is None:
                line, col = self.at(at)
                self.info.syntax_errors.append((line, col, "an invisible NUL character, allowed only inside text"))
                self.info.syntax_errors.sort()
                return  # one is enough: the browser rejects the file either way
            # (Past the text; a template's ${...} parts are code, so its NULs are looked at one by one.)
            at = original.find(b"\0", at + 1 if node.type == "template_string" else max(node.end_byte, at + 1))

    def _declare(self, name: str, value: Any, name_node: Any) -> None:
        self.decls.setdefault(name, []).append(value)
        if value is not None and value.type in _FUNC_TYPES:
            self.info.functions.setdefault(name, self.line_of(name_node))
        else:
            self.info.variables.setdefault(name, self.line_of(name_node))
            if value is not None and value.type in ("member_expression", "subscript_expression"):
                self.aliases[name] = self.dotted(value) or _norm_dotted(self.text(value))
            elif value is not None and value.type == "identifier" and self.text(value) == "PEX":
                # const pex = PEX, as const pex = window.PEX: its calls and members went unchecked.
                self.aliases[name] = "PEX"

    def _destructured(self, pattern: Any, value: Any) -> None:
        """``const { registerPlugin, sendRequest: send } = window.PEX.pluginAPI``: each name holds
        that member, as ``var send = PEX.pluginAPI.sendRequest`` would, and a member the app does
        not have is a use of it. Why: the registration made this way went unseen ("never calls
        registerPlugin", an error on a working plugin), and a misspelt member passed."""
        if value is None:
            return
        target = self.dotted(value) if value.type != "identifier" else _norm_dotted(self.text(value))
        target = self.aliases.get(target, target) if target else target
        if target == "PEX":
            # const { pluginAPI, actions$ } = window.PEX: each name holds that member of PEX. Why:
            # the calls made through it (pluginAPI.changeConferenceLayout, a misspelt member, a
            # layout or request path that does not exist) went unchecked.
            for c in pattern.named_children:
                if c.type == "shorthand_property_identifier_pattern":
                    key = local = c
                elif c.type == "pair_pattern":
                    key, local = c.child_by_field_id(_FIELD["key"]), c.child_by_field_id(_FIELD["value"])
                else:
                    continue
                if key is None or local is None or key.type not in _PATTERN_KEYS:
                    continue
                member = self.text(key)
                if member not in PEX_MEMBERS:  # const { pluginApi } = PEX: undefined, said as PD522
                    self.info.pex_members.append((member, *self.pos(key), False))
                elif local.type in ("identifier", "shorthand_property_identifier_pattern"):
                    self.aliases[self.text(local)] = "PEX." + member
                elif local.type == "object_pattern" and member == "pluginAPI":
                    self._api_names(local)  # const { pluginAPI: { sendRequest } } = PEX
            return
        if target != "PEX.pluginAPI":
            return
        self._api_names(pattern)

    def _api_names(self, pattern: Any) -> None:
        """Each name of ``pattern`` (``{ registerPlugin, sendRequest: send }``) holds that member of
        PEX.pluginAPI; a member the app does not have is a use of it."""
        for c in pattern.named_children:
            key = local = None
            if c.type == "shorthand_property_identifier_pattern":
                key = local = c
            elif c.type == "object_assignment_pattern":
                key = local = c.child_by_field_id(_FIELD["left"])
            elif c.type == "pair_pattern":
                key, local = c.child_by_field_id(_FIELD["key"]), c.child_by_field_id(_FIELD["value"])
            if key is None or local is None or key.type not in _PATTERN_KEYS:
                continue
            member = self.text(key)
            if local.type in ("identifier", "shorthand_property_identifier_pattern"):
                self.aliases[self.text(local)] = "PEX.pluginAPI." + member
            line, col = self.pos(key)
            # (No span for a shorthand name: renaming it in place would rename the variable too.)
            span = (key.start_byte, key.end_byte) if key is not local else (0, 0)
            self.info.calls.append(Call(member, line, col, False, span=span))

    def _top_level(self, root: Any) -> None:
        top: list[tuple[Any, str]] = []  # (name node, how it is declared) for top_names
        assigned: list[Any] = []  # the x of x = 1 statements (top_names when the file declares no x)
        for child in root.children:
            t = child.type
            if t in _DECL_TYPES:
                names = []
                n = child.child_by_field_id(_FIELD["name"])
                if n is not None:
                    if self.text(n) in _UNDECLARABLE and n.type == "identifier":
                        self._refused(n, child)  # (class top {}, function window() {}: not a leak)
                        continue
                    else:
                        names.append(self.text(n))
                        top.append((n, "class" if t == "class_declaration" else "function"))
                word = "var" if t == "variable_declaration" else child.children[0].type if child.children else ""
                shared = 0
                for d in child.children:
                    if d.type == "variable_declarator":
                        dn = d.child_by_field_id(_FIELD["name"])
                        if dn is not None and self._shared_helper(self.text(dn), d.child_by_field_id(_FIELD["value"])):
                            shared += 1
                        elif dn is not None and t == "lexical_declaration" and self._refused_in(dn, child):
                            shared += 1  # (let top = 1: said as refused, not as a leak; the other names are)
                            if dn.type != "identifier":
                                found: list[Any] = []
                                self._pattern_names(dn, found)
                                kept = [x for x in found if self.text(x) not in _UNDECLARABLE]
                                names.extend(self.text(x) for x in kept)
                                top.extend((x, word) for x in kept)
                        elif dn is not None and t == "variable_declaration" and self.text(dn) in _WINDOW_READ_ONLY:
                            # var history = []: the window has it already, so the var declares nothing and
                            # its value is given to the browser's own (read_only_written, from _undeclared).
                            shared += 1
                            if d.child_by_field_id(_FIELD["value"]) is not None:
                                self._window_vars.append((dn, d))
                        elif dn is not None:
                            names.append(self.text(dn))
                            found = []
                            self._pattern_names(dn, found)
                            top.extend((x, word) for x in found)
                if shared and not names:
                    continue
                line, col = self.pos(child)
                self.info.leaks.append((", ".join(names) or self.text(child)[:20], line, col))
                if names and t in ("variable_declaration", "lexical_declaration") and not shared:
                    if all(
                        self._wrapper_call(d.child_by_field_id(_FIELD["value"]))
                        for d in child.named_children
                        if d.type == "variable_declarator"
                    ):
                        self.info.named_wrappers.append(", ".join(names))
                        data = self.data
                        if any(
                            not (child.start_byte <= at < child.end_byte)
                            for n in names
                            for _, at in _words_at(data, [n.encode()])
                        ):
                            self.info.used_wrappers.append(", ".join(names))
            elif t in ("import_statement", "export_statement"):
                # Why: a bundle built as an ES module (rollup's default format) has these, and the
                # app loads plugins as plain scripts, where the browser rejects the whole file.
                word = "import" if t == "import_statement" else "export"
                line, col = self.pos(child)
                self.info.syntax_errors.append(
                    (
                        line,
                        col,
                        f"'{word}' works only in a JavaScript module, and the app loads plugins as plain scripts: "
                        "build the plugin as one script, with rollup's format 'iife' or esbuild's --format=iife",
                    )
                )
            elif t == "expression_statement" and child.named_child_count:
                e = child.named_children[0]
                if e.type == "assignment_expression":
                    left = e.child_by_field_id(_FIELD["left"])
                    if left is not None and left.type == "identifier" and self.text(left) not in _WINDOW_READ_ONLY:
                        line, col = self.pos(child)
                        self.info.leaks.append((self.text(left), line, col))
                        if e.child_by_field_id(_FIELD["operator"]) is None:  # (x = 1; x += 1 reads x first)
                            assigned.append(left)
        if top or assigned:
            self._top_names(top, assigned, root)

    def _top_names(self, top: list[tuple[Any, str]], assigned: list[Any], root: Any) -> None:
        """Fill top_names of JsInfo from the top of the file's declarations (``top``: name node,
        how it is declared) and its x = 1 statements (``assigned``: their x): each name once, at
        its first declaration; an x = 1 only in sloppy code and when the file declares no x there
        (then it gives the declared one its value)."""
        seen: set[str] = set()
        out = self.info.top_names
        for node, word in top:
            name = self.text(node)
            if name not in seen:
                seen.add(name)
                line, col = self.pos(node)
                out.append((name, line, col, word))
        if assigned and not self._strict(assigned[0].parent):
            for node in assigned:
                name = self.text(node)
                if name not in seen:
                    seen.add(name)
                    line, col = self.pos(node)
                    out.append((name, line, col, "assignment"))
        out.sort(key=lambda r: (r[1], r[2]))

    def _refused_in(self, pattern: Any, statement: Any) -> bool:
        """Note each name of a let or const at the top of the file (``pattern``: a name or a
        destructuring of ``statement``) the browser refuses to declare there (:meth:`_refused`);
        whether there was one."""
        found: list[Any] = []
        self._pattern_names(pattern, found)
        refused = [n for n in found if self.text(n) in _UNDECLARABLE]
        for n in refused:
            self._refused(n, statement)
        return bool(refused)

    def _refused(self, name: Any, statement: Any) -> None:
        """Note ``name``, declared by ``statement`` (let, const, class or function) at the top of
        the file, as one the browser refuses (refused_names of JsInfo)."""
        word = statement.children[0].type if statement.children else ""
        if statement.type == "class_declaration":
            word = "class"
        elif statement.type != "lexical_declaration":
            word = "function"
        line, col = self.pos(name)
        self.info.refused_names.append((self.text(name), line, col, word))

    def _shared_helper(self, name: str, value: Any) -> bool:
        """``var __awaiter = (this && this.__awaiter) || function ...``: a helper TypeScript (and
        tslib-style bundles) write at the top of a script, made to be shared: each script reuses
        the one already on the page. Why not a leak (PD501): it clashes with nothing, and calling it
        one failed `check --strict` on every compiled TypeScript plugin."""
        while value is not None and value.type == "parenthesized_expression" and value.named_child_count:
            value = value.named_children[-1]
        if value is None or value.type != "binary_expression" or not name.startswith("__"):
            return False
        op, left = value.child_by_field_id(_FIELD["operator"]), value.child_by_field_id(_FIELD["left"])
        while left is not None and left.type == "parenthesized_expression" and left.named_child_count:
            left = left.named_children[-1]
        if op is None or op.type != "||" or left is None:
            return False
        return re.fullmatch(r"this\s*&&\s*this\." + re.escape(name), self.text(left)) is not None

    # -- values --------------------------------------------------------------------------
    def dotted(self, node: Any) -> str | None:
        """'window.PEX.pluginAPI.sendRequest' for a chain of plain names, else None."""
        parts: list[str] = []
        while node is not None and node.type in ("member_expression", "subscript_expression"):
            if node.type == "subscript_expression":
                # window['PEX'].pluginAPI['registerPlugin']: a quoted name is a plain name too.
                index = node.child_by_field_id(_FIELD["index"])
                if index is None or index.type != "string":
                    return None
                parts.append(self._string_text(index))
            else:
                prop = node.child_by_field_id(_FIELD["property"])
                if prop is None:
                    return None
                parts.append(self.text(prop))
            node = node.child_by_field_id(_FIELD["object"])
        if node is None or node.type not in ("identifier", "this"):
            return None
        head = self.text(node)
        if head in self._window_params and parts and parts[-1] == "PEX":
            head = "window"  # (e.PEX.pluginAPI in !function (e) {...}(window))
        elif head in self.aliases and (parts or self.aliases[head].startswith("PEX.pluginAPI.")):
            # (A bare name is followed only to a member of the API: registerPlugin(...) after
            # const { registerPlugin } = PEX.pluginAPI.)
            head = self.aliases[head]
        parts.append(head)
        return _norm_dotted(".".join(reversed(parts)))

    def strings_of(self, node: Any, depth: int = 0, env: dict[str, list[str]] | None = None) -> list[str]:
        """The possible values of a string expression; DYN marks parts known only at run time.
        ``env``: the values of a helper's parameters in one call of it (see :meth:`_returned_strings`)."""
        if node is None or depth > 4:
            return [DYN]
        t = node.type
        if t == "string":
            return [self._string_text(node)]
        if t == "template_string":
            # `/participants/${uuid}/${muted ? 'unmute' : 'mute'}`: each value a ${...} the file
            # spells out can have, as for '...' + (a ? 'x' : 'y'). Why: a misspelt request or
            # host written so went unsaid.
            outs = [""]
            for c in node.children:
                if c.type == "string_fragment":
                    outs = [o + self.text(c) for o in outs]
                elif c.type == "template_substitution":
                    inner = c.named_children[-1] if c.named_child_count else None
                    parts = self.strings_of(inner, depth + 1, env) if inner is not None else [DYN]
                    outs = [o + x for o in outs for x in parts][:16]
                elif c.type == "escape_sequence":
                    outs = [o + _unescape(self.text(c)) for o in outs]
            return outs
        if t == "parenthesized_expression" and node.named_child_count:
            return self.strings_of(node.named_children[-1], depth + 1, env)
        if t == "binary_expression" and node.child_by_field_id(_FIELD["operator"]) is not None:
            if self.text(node.child_by_field_id(_FIELD["operator"])) == "+":
                left = self.strings_of(node.child_by_field_id(_FIELD["left"]), depth + 1, env)
                right = self.strings_of(node.child_by_field_id(_FIELD["right"]), depth + 1, env)
                return [a + b for a in left for b in right][:16]
        if t == "ternary_expression":
            return (
                self.strings_of(node.child_by_field_id(_FIELD["consequence"]), depth + 1, env)
                + self.strings_of(node.child_by_field_id(_FIELD["alternative"]), depth + 1, env)
            )[:16]
        if t in ("identifier", "shorthand_property_identifier"):
            if env is not None and self.text(node) in env:
                return env[self.text(node)]
            values = self.decls.get(self.text(node), [])
            if len(values) == 1 and values[0] is not None:
                return self.strings_of(values[0], depth + 1)
        if t == "member_expression" and (held := node.child_by_field_id(_FIELD["object"])) is not None:
            # REQUESTS.lock with const REQUESTS = { lock: '/lokc' }: that entry's values. Why: a
            # request or layout kept in such a table went unchecked.
            table = self._object_of(held) if held.type == "identifier" else None
            prop = node.child_by_field_id(_FIELD["property"])
            if table is not None and prop is not None and not self._changed_elsewhere(self.text(held)):
                values = self._pair_strings(table, self.text(prop))
                if values is not None:
                    return values[:16]
        if t == "call_expression" and env is None:
            returned = self._returned_strings(node, depth)
            if returned is not None:
                return returned
        if t == "subscript_expression":
            # layouts[i] with const layouts = ['1:0', '1:7'] (or a table { big: '1:7' }): any of
            # them. Why: a layout or request that does not exist in such a list went unsaid.
            held = node.child_by_field_id(_FIELD["object"])
            table = self._object_of(held) if held is not None and held.type == "identifier" else None
            if table is None and held is not None and held.type == "identifier":
                values = self.decls.get(self.text(held), [])
                table = values[0] if len(values) == 1 and values[0] is not None and values[0].type == "array" else None
            if table is not None:
                items = [c.child_by_field_id(_FIELD["value"]) if c.type == "pair" else c for c in table.named_children]
                if items and all(c is not None and c.type in ("string", "template_string") for c in items):
                    return [v for c in items for v in self.strings_of(c, depth + 1)][:16]
        return [DYN]

    def _returned_strings(self, call: Any, depth: int) -> list[str] | None:
        """The texts a call of a helper gives back (``pathFor(p, 'mutte')`` for function pathFor(p,
        what) { return '/participants/' + p.uuid + '/' + what; }), made with this call's own
        arguments; None for anything but a function of the file declared once whose body is one
        ``return`` of a text (or an arrow function's text).

        Why: a request path or layout built inside a helper went unchecked (a misspelt request).
        """
        callee, args = call.child_by_field_id(_FIELD["function"]), call.child_by_field_id(_FIELD["arguments"])
        if callee is None or args is None or callee.type != "identifier":
            return None
        name = self.text(callee)
        found = self._declarations.get(name, [])
        if len(found) != 1 or len(self.decls.get(name, [])) > (found[0].type == "variable_declarator"):
            return None  # (declared twice, or given another value somewhere)
        fn = found[0] if found[0].type in _NAMED_FUNC_DECLS else found[0].child_by_field_id(_FIELD["value"])
        if fn is None or (fn.type not in _FUNC_TYPES and fn.type not in _NAMED_FUNC_DECLS):
            return None
        body = fn.child_by_field_id(_FIELD["body"])
        if body is not None and body.type == "statement_block":
            statements = [c for c in body.named_children if c.type != "comment"]
            if len(statements) != 1 or statements[0].type != "return_statement" or not statements[0].named_child_count:
                return None
            body = statements[0].named_children[0]
        params = fn.child_by_field_id(_FIELD["parameters"]) or fn.child_by_field_id(_FIELD["parameter"])
        listed = [] if params is None else [params] if params.type == "identifier" else params.named_children
        given = [a for a in args.named_children if a.type != "comment"]
        if body is None or any(p.type != "identifier" for p in listed if p.type != "comment"):
            return None  # (a default or a pattern: what each name holds is not this simple)
        if any(a.type == "spread_element" for a in given):
            return None
        names = [self.text(p) for p in listed if p.type != "comment"]
        env = {n: self.strings_of(given[i], depth + 1) if i < len(given) else [DYN] for i, n in enumerate(names)}
        return self.strings_of(body, depth + 1, env)

    def _string_text(self, node: Any) -> str:
        out = []
        for c in node.children:
            if c.type == "string_fragment":
                out.append(self.text(c))
            elif c.type == "escape_sequence":
                out.append(_unescape(self.text(c)))
        return "".join(out)

    def _object_of(self, node: Any, depth: int = 0) -> Any:
        if node is None or depth > 3:
            return None
        if node.type == "object":
            return node
        if node.type == "parenthesized_expression" and node.named_child_count:
            return self._object_of(node.named_children[-1], depth + 1)
        if node.type == "identifier":
            values = self.decls.get(self.text(node), [])
            if len(values) == 1:
                return self._object_of(values[0], depth + 1)
        return None

    # -- after the walk ------------------------------------------------------------------
    def _finish(self) -> None:
        info = self.info
        data = self.data
        # (api.x and api['x']: a minifier writes the call to a member the second way.)
        aliases = tuple(
            f"{a}{sep}".encode() for a, target in self.aliases.items() if target.startswith("PEX") for sep in ".["
        )
        members = {a.encode() for a, target in self.aliases.items() if target.startswith("PEX.pluginAPI.")}
        for node in self.calls:
            fn = node.child_by_field_id(_FIELD["function"])
            if fn is None:
                continue
            # A long callee (a()()()…, x.then().then()…) is not read: each call of such a chain
            # holds all the calls before it, and reading them all took minutes (quadratic).
            ftext = data[fn.start_byte : fn.end_byte] if fn.end_byte - fn.start_byte <= 256 else None
            if ftext is not None and not (
                b"PEX" in ftext
                or ftext.endswith(_NET_CALL_ENDS)
                or ftext.endswith((b".registerPlugin", b".createNewState"))
                or (aliases and ftext.startswith(aliases))
                or ftext in members
            ):
                continue  # most calls: cheap to rule out by their text
            name = self.dotted(fn)
            if name is None:
                continue
            args_node = node.child_by_field_id(_FIELD["arguments"])
            args = [a for a in args_node.named_children if a.type != "comment"] if args_node is not None else []
            line, col = self.pos(node)
            if name.endswith(".registerPlugin") and not name.startswith("PEX."):
                # api.registerPlugin(...) with api handed in some way the file does not show (a
                # factory, a module loader): nothing else has that method, so it is the plugin's
                # registration; calling it "never registers" would be a false alarm.
                info.registrations.append(self._registration(line, col, args[0] if args else None, node))
                continue
            if name.endswith(".createNewState") and not name.startswith("PEX."):
                # this.api.createNewState({}) with the API handed in as registerPlugin's above: the
                # plugin's state. Why: its registered state$ was "never created" (PD510).
                info.calls.append(Call("createNewState", line, col, True))
                continue
            if name.startswith("PEX.pluginAPI.") and name.count(".") == 2:
                member = name.rsplit(".", 1)[1]
                prop = fn.child_by_field_id(_FIELD["property"])
                pl, pc = self.pos(prop) if prop is not None else (line, col)
                if member == "registerPlugin":
                    info.registrations.append(self._registration(line, col, args[0] if args else None, node))
                if fn.type == "identifier" and member not in API_MEMBERS:
                    continue  # a name taken out by destructuring: said once, where it is taken out
                args = _up_to_spread(args)
                call = Call(member, pl, pc, True)
                call.args = [self._given_strings(a, call.given_at) for a in args[:2]]
                if prop is not None:
                    call.span = (prop.start_byte, prop.end_byte)
                if member in _UUID_FIRST and args and args[0].type != "spread_element":
                    call.uuid_params = self._uuid_parameters(member, args[0])
                if member in _SHAPED:
                    call.shape = [self._shape_of(a) for a in args]
                    call.arg_spans = [(a.start_byte, a.end_byte) for a in args]
                    parent = node.parent
                    if (
                        parent is not None
                        and parent.type == "member_expression"
                        and parent.child_by_field_id(_FIELD["object"]) == node
                        and (prop_node := parent.child_by_field_id(_FIELD["property"])) is not None
                    ):
                        call.result_member = self.text(prop_node)
                    elif member == "openTemplateDialog":
                        call.result_member = self._kept_result_member(node)
                if member in ("transformConferenceLayout", "changeConferenceLayout") and args:
                    obj = self._object_of(args[0])
                    if obj is not None:
                        call.layout = self._pair_strings(obj, "layout", call.given_at)
                if member == "createNewState":
                    parent = node.parent
                    if parent is not None and parent.type in ("variable_declarator", "assignment_expression"):
                        target = parent.child_by_field_id(_FIELD["name"]) or parent.child_by_field_id(_FIELD["left"])
                        if target is not None and target.type == "identifier":
                            call.assigned_to = self.text(target)
                info.calls.append(call)
            elif name == "fetch" and args:
                self._net("fetch", args[0], line, col)
            elif name == "open" and args:
                self._net("window.open", args[0], line, col)
            elif name == "navigator.sendBeacon" and args:
                self._net("sendBeacon", args[0], line, col)
            elif name.endswith(".open") and len(args) >= 2:
                method = self.strings_of(args[0])
                if any(m.upper() in ("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD") for m in method):
                    self._net("XMLHttpRequest", args[1], line, col)
        for node in self.news:
            ctor = node.child_by_field_id(_FIELD["constructor"])
            name = self.dotted(ctor) if ctor is not None else None
            args_node = node.child_by_field_id(_FIELD["arguments"])
            args = args_node.named_children if args_node is not None else []
            if name in ("WebSocket", "EventSource") and args:
                line, col = self.pos(node)
                self._net(name, args[0], line, col)
        seen_calls = {(c.line, c.column) for c in info.calls}
        for node in self.members:
            parent = node.parent
            if (
                parent is not None
                and parent.type == "member_expression"
                and parent.child_by_field_id(_FIELD["object"]) == node
            ):
                continue  # only the longest chain
            name = self.dotted(node)
            if not name:
                continue
            if name.startswith("PEX.pluginAPI.") and name.count(".") >= 2:
                prop_node = node
                while (
                    prop_node.child_by_field_id(_FIELD["object"]) is not None
                    and _chained(prop_node)
                    and self.dotted(prop_node.child_by_field_id(_FIELD["object"])) not in ("PEX.pluginAPI", None)
                ):
                    prop_node = prop_node.child_by_field_id(_FIELD["object"])
                prop = prop_node.child_by_field_id(_FIELD["property"])
                if prop is None:
                    continue
                line, col = self.pos(prop)
                if (line, col) not in seen_calls:
                    info.calls.append(Call(self.text(prop), line, col, False, span=(prop.start_byte, prop.end_byte)))
            elif name.startswith("PEX.") and name.split(".")[1] not in PEX_MEMBERS:
                target = node
                while (
                    target.child_by_field_id(_FIELD["object"]) is not None
                    and _chained(target)
                    and self.dotted(target.child_by_field_id(_FIELD["object"])) not in ("PEX", None)
                ):
                    target = target.child_by_field_id(_FIELD["object"])
                prop = target.child_by_field_id(_FIELD["property"])
                if prop is not None:
                    line, col = self.pos(prop)
                    info.pex_members.append((self.text(prop), line, col, _read_from(target)))
            elif name == "PEX.actions" and (sub := node.parent) is not None and sub.type == "subscript_expression":
                if sub.child_by_field_id(_FIELD["object"]) == node:
                    self._computed_actions(sub)
            elif name.startswith("PEX.actions.") and name.count(".") >= 2:
                member = name.split(".")[2]
                target = node
                while (
                    target.child_by_field_id(_FIELD["object"]) is not None
                    and _chained(target)
                    and self.dotted(target.child_by_field_id(_FIELD["object"])) not in ("PEX.actions", None)
                ):
                    target = target.child_by_field_id(_FIELD["object"])
                prop = target.child_by_field_id(_FIELD["property"])
                if prop is not None:
                    line, col = self.pos(prop)
                    info.actions.append((member, line, col))
        self._state_sets()
        for node in self.strings:
            raw = self.text(node)
            if "<" not in raw or "=" not in raw:
                continue
            for m in re.finditer(_HTML_SRC, raw):
                url = m.group(2)
                if node.type == "template_string":
                    url = re.sub(r"\$\{[^}]*\}?", DYN, url)
                line, col = self.at(node.start_byte + len(raw[: m.start(2)].encode("utf-8", "surrogatepass")))
                info.network.append(NetRef(f"<{m.group(1).lower()} src>", url, line, col))
        for node in self.pairs:
            key = node.child_by_field_id(_FIELD["key"])
            value = node.child_by_field_id(_FIELD["value"])
            if key is None or value is None or self.text(key).strip("'\"") != "icon":
                continue
            for v, at in self._icon_values(value):
                if ".svg" in v.lower():
                    line, col = self.pos(at)
                    info.icons.append((v, line, col))
        if b"pluginAPI" in data:
            self._inline_handler_calls()
        info.calls.sort(key=lambda c: (c.line, c.column))
        info.network.sort(key=lambda n: (n.line, n.column))

    def _inline_handler_calls(self) -> None:
        """The PEX.pluginAPI calls in the on... attributes of the HTML the code writes (the body
        of openTemplateDialog, as the guide shows it: onclick="window.PEX.pluginAPI.transform...").
        Why: a misspelt function or a layout the conference does not know there made a dialog
        button that did nothing, and the check, which read the attribute as text, passed it.
        Only handlers written out plainly (no ${...} or escapes) are read; their calls get no
        fixes (a fix would write quotes inside the HTML's own)."""
        for node in self._around(self._root, _PLUGIN_API_TEXT, ("string", "template_string")):
            raw = self.data[node.start_byte : node.end_byte]
            for m in _HANDLER_ATTR.finditer(raw):
                which = 1 if m.group(1) is not None else 2
                code = m.group(which)
                if b"pluginAPI" not in code or b"\\" in code or b"${" in code:
                    continue
                start = node.start_byte + m.start(which)
                for c in _analyse(code).calls:
                    if not c.called or c.span == (0, 0):
                        continue
                    line, col = self.at(start + c.span[0])
                    call = Call(c.member, line, col, True, c.args)
                    call.layout, call.shape = c.layout, c.shape
                    self.info.calls.append(call)

    def _state_sets(self) -> None:
        """The icons and labels given to each state createNewState made (``var state$ =
        PEX.pluginAPI.createNewState({})``): its first value, then each ``state$.next({...})``.
        Only calls of the variable's own name are read; one a value the file does not spell out
        (``state$.next(look)`` with ``look`` made at run time) is kept with no icon or label."""
        info = self.info
        made = [c for c in info.calls if c.member == "createNewState" and c.assigned_to]
        if not made:
            return
        names = {c.assigned_to.encode() + b".next": c.assigned_to for c in made if c.assigned_to}
        out: list[StateSet] = []
        for node in self.calls:
            fn = node.child_by_field_id(_FIELD["function"])
            if fn is None or fn.end_byte - fn.start_byte > 256:
                continue
            callee = self.data[fn.start_byte : fn.end_byte]
            variable = names.get(callee)
            if variable is None and callee.endswith(b"createNewState"):  # (its first value)
                parent = node.parent
                target = None
                if parent is not None and parent.type in ("variable_declarator", "assignment_expression"):
                    target = parent.child_by_field_id(_FIELD["name"]) or parent.child_by_field_id(_FIELD["left"])
                variable = self.text(target) if target is not None and target.type == "identifier" else None
            if variable is None or variable not in names.values():
                continue
            args_node = node.child_by_field_id(_FIELD["arguments"])
            args = [a for a in args_node.named_children if a.type != "comment"] if args_node is not None else []
            obj = self._object_of(args[0]) if args else None
            icons = labels = None
            if obj is not None:
                icons, labels = self._pair_strings(obj, "icon"), self._pair_strings(obj, "label")
                if icons is None and labels is None:
                    # A participant menu's state is one look per participant: {[p.uuid]: {icon, label}}.
                    for pair in obj.named_children:
                        inner = (
                            self._object_of(pair.child_by_field_id(_FIELD["value"])) if pair.type == "pair" else None
                        )
                        if inner is not None:
                            i, lab = self._pair_strings(inner, "icon"), self._pair_strings(inner, "label")
                            icons = (icons or []) + i if i is not None else icons
                            labels = (labels or []) + lab if lab is not None else labels
            line, col = self.pos(node)
            out.append(StateSet(variable, line, col, icons, labels))
        info.state_sets = out  # (self.calls is in the file's order)

    def _icon_values(self, node: Any, depth: int = 0) -> list[tuple[str, Any]]:
        """The icons an ``icon:`` value can be, each with the node to point at; parts known only
        at run time leave a value out (nothing sure can be said of it).

        Why more than plain strings: ``icon: on ? 'stop.svg#stop' : 'rec.svg#rec'`` and
        ``'icons/' + 'stop' + '.svg#stop'`` are how plugins switch icons through state$, and a
        missing file there passed the check while the button lost its icon.
        """
        if node is None or depth > 4:
            return []
        t = node.type
        if t == "string":
            return [(self._string_text(node), node)]
        if t == "parenthesized_expression" and node.named_child_count:
            return self._icon_values(node.named_children[-1], depth + 1)
        if t == "ternary_expression":
            return self._icon_values(node.child_by_field_id(_FIELD["consequence"]), depth + 1) + self._icon_values(
                node.child_by_field_id(_FIELD["alternative"]), depth + 1
            )
        if t in ("binary_expression", "template_string"):
            return [(v, node) for v in self.strings_of(node) if DYN not in v]
        if t in ("identifier", "shorthand_property_identifier", "member_expression"):
            # icon: ICONS.off with const ICONS = { off: 'rec.svg#recc' }, or a helper's parameter:
            # each icon pointed at where its text is written. Why: a missing one passed unsaid.
            found = []
            for v in dict.fromkeys(self._given_strings(node)):
                at = self._written_offset(v) if DYN not in v else None
                if at is not None:
                    found.append((v, self._root.descendant_for_byte_range(at, at + 1) or node))
            return found
        return []

    def _net(self, kind: str, arg: Any, line: int, col: int) -> None:
        given: dict[str, tuple[int, int]] = {}
        for url in self._given_strings(arg, given):
            ref = NetRef(kind, url, line, col)
            ref.written_at = given.get(url) or self._written_at(arg, url) or (line, col)
            self.info.network.append(ref)

    def _written_at(self, arg: Any, text: str) -> tuple[int, int] | None:
        """Where the text ``text``, which the argument ``arg`` (a name, a table's entry) holds, is
        written in quotes: its first place in the file; None when ``arg`` is the text itself or
        the text is built at run time. Why: PD602 said "between the quotes on line 5", the line of
        fetch(HOOK), where no quotes are."""
        if arg.type in ("string", "template_string"):
            return None
        at = self._written_offset(text)
        return None if at is None else self.at(at)

    def _written_offset(self, text: str) -> int | None:
        """The byte offset of the first quote of the first place the file writes ``text`` in
        quotes, or None (a text built at run time, or not found)."""
        if DYN in text or not text:
            return None
        if self._memo.get("texts-looked-for", 0) >= 64:
            return None  # (a bundle of thousands of such calls: each search reads the whole file)
        self._memo["texts-looked-for"] = self._memo.get("texts-looked-for", 0) + 1
        raw = text.encode("utf-8", "surrogatepass")
        found = [at for q in (b"'", b'"', b"`") if (at := self.data.find(q + raw + q)) >= 0]
        return min(found) if found else None

    def _computed_actions(self, sub: Any) -> None:
        """The events ``PEX.actions[EVENT]`` may name (const EVENT = '...', or the text a helper's
        caller gives: on('CHAT_RECEIVED', ...) for PEX.actions[name]), each where its text is
        written. Why: an event that does not exist named so never fired, and check said nothing."""
        index = sub.child_by_field_id(_FIELD["index"])
        if index is None:
            return
        for value in dict.fromkeys(self._given_strings(index)):
            if index.type == "string":
                at: int | None = index.start_byte
            else:
                at = self._written_offset(value)
            if at is not None:  # (else a text built at run time, or written where it cannot be named)
                self.info.actions.append((value, *self.at(at + 1)))  # (the text, after its quote)

    def _given_strings(self, arg: Any, at: dict[str, tuple[int, int]] | None = None, depth: int = 0) -> list[str]:
        """The possible values of ``arg`` (as :meth:`strings_of`); for a parameter whose value only
        the run knows, the values the file's calls of its function give it, through two helpers at most,
        each value's place among them kept in ``at`` (the first place it is given, to report it there).

        Why: fetch(url) in a helper, postJson(WEBHOOK, body), a request or a layout made in a helper
        (function req(p) { return PEX.pluginAPI.sendRequest(p); } ... req('participnts/' + uuid + '/mute'))
        hid a plain http: webhook, a misspelt request and a layout that does not exist.
        """
        values = self.strings_of(arg)
        if (
            arg.type not in ("identifier", "shorthand_property_identifier")
            or depth > 1
            or any(v != DYN for v in values)
        ):
            return values
        handed = []
        for a in self._handed_to_parameter(arg) or self._iterated_items(arg):
            given = self._given_strings(a, at, depth + 1)
            handed.extend(given)
            if at is not None:
                for v in given:
                    if v not in at:
                        at[v] = self._written_at(a, v) or self.pos(a)  # (post(WEBHOOK): the constant's text)
        return handed[:16] or values

    def _iterated_items(self, ident: Any) -> list[Any]:
        """The texts of an array the file spells out that ``ident``, the first parameter of a
        callback of forEach, map and the like, goes through (['/lock', '/unlock'].forEach(p => ...),
        or a constant holding such an array); [] for anything else.

        Why: sendRequest(p) in such a callback hid a misspelt request among them."""
        fn, index = self._parameter_of(ident)
        holder = fn.parent if fn is not None and index == 0 else None
        call = holder.parent if holder is not None and holder.type == "arguments" else None
        callee = call.child_by_field_id(_FIELD["function"]) if call is not None else None
        if callee is None or callee.type != "member_expression" or holder.named_children[:1] != [fn]:
            return []
        method = callee.child_by_field_id(_FIELD["property"])
        if method is None or self.text(method) not in _ITERATING:
            return []
        array = callee.child_by_field_id(_FIELD["object"])
        if array is not None and array.type == "identifier" and not self._changed_elsewhere(self.text(array)):
            values = self.decls.get(self.text(array), [])
            array = values[0] if len(values) == 1 else None
        if array is None or array.type != "array":
            return []
        items = [c for c in array.named_children if c.type != "comment"]
        return items if all(c.type in ("string", "template_string") for c in items) else []

    def _calls_named(self, name: str) -> list[Any]:
        """The file's calls of a plain name (``req(...)``), from one pass over the calls for all
        names (a pass for each parameter asked about was quadratic in a bundle of helpers)."""
        if "calls-by-name" not in self._memo:
            by_name: dict[str, list[Any]] = {}
            for call in self.calls:
                callee = call.child_by_field_id(_FIELD["function"])
                if callee is not None and callee.type == "identifier":
                    by_name.setdefault(self.text(callee), []).append(call)
            self._memo["calls-by-name"] = by_name
        return self._memo["calls-by-name"].get(name, [])

    def _parameter_of(self, ident: Any, kinds: frozenset[str] = _FUNC_TYPES | _NAMED_FUNC_DECLS) -> tuple[Any, int]:
        """The function (of one of ``kinds``) whose plain parameter ``ident`` is, read in its body,
        and the parameter's number; (None, -1) when it is none."""
        name = self.text(ident)
        fn = ident.parent
        while fn is not None:  # (the function whose parameter it is: maybe not the nearest one)
            if fn.type in kinds:
                params = fn.child_by_field_id(_FIELD["parameters"]) or fn.child_by_field_id(_FIELD["parameter"])
                listed = [] if params is None else [params] if params.type == "identifier" else params.named_children
                listed = [p for p in listed if p.type != "comment"]
                index = next((i for i, p in enumerate(listed) if p.type == "identifier" and self.text(p) == name), None)
                if index is not None:
                    return fn, index
            fn = fn.parent
        return None, -1

    def _participant_parameter(self, ident: Any) -> tuple[str, int, bool, str] | None:
        """(the function's name, the parameter's number, whether the function reads ``.uuid`` of it,
        the parameter's name)
        for an identifier that is a plain parameter of a named function (a function declared or
        kept in a variable, or a method or entry of an object, named by its key), else None.

        Why: given to spotlightOnParticipant or put in a request path where a uuid goes, a parameter
        that is the participant itself (the argument a participant menu's action gets, or one whose
        .uuid the function reads) does nothing; the checks tell it from a uuid by these two facts.
        """
        kinds = _FUNC_TYPES | _NAMED_FUNC_DECLS | {"method_definition"}
        fn, index = self._parameter_of(ident, kinds)
        if fn is None:
            return None
        named = fn.child_by_field_id(_FIELD["name"])
        holder = fn.parent
        if named is None and holder is not None and holder.type in ("variable_declarator", "pair"):
            named = holder.child_by_field_id(_FIELD["name"] if holder.type == "variable_declarator" else _FIELD["key"])
        if named is None or named.type not in ("identifier", "property_identifier", "string"):
            return None
        body = fn.child_by_field_id(_FIELD["body"])
        if body is None:
            return None
        word = rb"(?<![\w$.])" + re.escape(self.text(ident).encode())
        if re.compile(word + rb"\s*(?:=(?![=>])|\+\+|--)").search(self.data, body.start_byte, body.end_byte):
            return None  # (p = p.uuid || p: what it holds where it is used, only the run knows)
        size = len(self.text(ident).encode())
        reads_uuid = any(  # (of this parameter: not of a same-named one of a function inside)
            (n := self._root.descendant_for_byte_range(m.start(), m.start() + size)) is not None
            and n.type == "identifier"
            and self._parameter_of(n, kinds)[0] == fn
            for m in re.compile(word + rb"\s*\??\.\s*uuid\b").finditer(self.data, body.start_byte, body.end_byte)
        )
        return self.text(named).strip("'\""), index, reads_uuid, self.text(ident)

    def _uuid_parameters(self, member: str, arg: Any) -> list[tuple[str, int, bool, str, int, int]]:
        """For :attr:`Call.uuid_params`: the parameters standing where ``member``'s first argument
        ``arg`` wants a participant's uuid (the argument itself for spotlightOnParticipant and the
        like; a name joined into a sendRequest path, '/participants/' + p + '/mute')."""
        if member == "sendRequest":
            held = self._held_value(arg) if arg.type == "identifier" else None
            path = held if held is not None else arg
            if b"participants" not in self.data[path.start_byte : path.end_byte]:
                return []
            names = self._joined_names(path)
        else:
            names = [arg] if arg.type == "identifier" else []
        out = []
        for name in names:
            found = self._participant_parameter(name)
            if found is not None:
                out.append((*found, *self.pos(name)))
        return out

    def _joined_names(self, node: Any, depth: int = 0) -> list[Any]:
        """The plain names joined into a text: the operands of ``+`` and the ``${...}`` of a template."""
        if depth > 8:
            return []
        if node.type == "identifier":
            return [node]
        if node.type == "parenthesized_expression" and node.named_child_count:
            return self._joined_names(node.named_children[-1], depth + 1)
        if node.type == "binary_expression":
            op = node.child_by_field_id(_FIELD["operator"])
            if op is None or self.text(op) != "+":
                return []
            parts = (node.child_by_field_id(_FIELD["left"]), node.child_by_field_id(_FIELD["right"]))
            return [n for part in parts if part is not None for n in self._joined_names(part, depth + 1)]
        if node.type == "template_string":
            subs = [
                c.named_children[-1] for c in node.children if c.type == "template_substitution" and c.named_child_count
            ]
            return [s for s in subs if s.type == "identifier"]
        return []

    def _handed_to_parameter(self, ident: Any) -> list[Any]:
        """The arguments the file's calls of a named function give its parameter ``ident`` (read
        in that function's body), or [] when ``ident`` is no plain parameter of a named function."""
        fn, index = self._parameter_of(ident)
        if fn is None:
            return []
        named = fn.child_by_field_id(_FIELD["name"])
        if named is None and fn.parent is not None and fn.parent.type == "variable_declarator":
            named = fn.parent.child_by_field_id(_FIELD["name"])
        if named is None or named.type != "identifier":
            return []
        handed = []
        for call in self._calls_named(self.text(named)):
            args = call.child_by_field_id(_FIELD["arguments"])
            if args is None:
                continue
            given = [a for a in args.named_children if a.type != "comment"]
            if index < len(given) and given[index].type != "spread_element":
                handed.append(given[index])
        return handed

    def _shape_of(self, node: Any, depth: int = 0) -> tuple[str, frozenset[str] | None]:
        """What an argument is, for :attr:`Call.shape`: an object literal (the file's own, or the one
        a variable declared once holds) with its keys, a text written out, or something else; for
        a parameter of a helper, what every call of the helper in the file gives it, when that is
        one and the same (a text: setLayout('1:7') for transformConferenceLayout(l))."""
        while node.type == "parenthesized_expression" and node.named_child_count:
            node = node.named_children[-1]
        if node.type in ("string", "template_string"):
            return ("string", None)
        if node.type == "spread_element":
            return ("spread", None)  # (arguments from an array: how many, and what, only the run knows)
        held = node.type == "identifier"
        value = self._held_value(node) if held else node
        if value is None:
            handed = {self._shape_of(a, depth + 1) for a in self._handed_to_parameter(node)} if depth < 2 else set()
            return (
                handed.pop() if len(handed) == 1 and next(iter(handed))[0] in ("string", "object") else ("name", None)
            )
        obj = self._object_of(value)
        if obj is None:
            return ("other", None)
        if held and self._changed_elsewhere(self.text(node)):
            return ("object", None)  # (body.digits = ... after const body = {}: its keys are the run's)
        keys: set[str] = set()
        for c in obj.named_children:
            if c.type == "comment":
                continue
            key = c.child_by_field_id(_FIELD["key"]) if c.type in ("pair", "method_definition") else c
            if key is None or c.type not in ("pair", "method_definition", "shorthand_property_identifier"):
                return ("object", None)  # ...spread, a computed key: the keys are known only when it runs
            if key.type == "computed_property_name":
                return ("object", None)
            keys.add(self.text(key).strip("'\""))
        return ("object", frozenset(keys))

    def _held_value(self, ident: Any) -> Any:
        """The value the variable ``ident`` (an argument) holds where it is read, when that is
        sure: the declaration of the name whose scope holds ``ident`` is the nearest one there,
        gives it that value and no assignment changes it; else None.

        Why not :meth:`_object_of` (or :meth:`strings_of`) alone: they look the name up in the
        whole file, so a parameter ``body`` (``uuid``, ``protocol``) read the value some other
        function declares under that name, and PD532 told a plugin that works that it sends no
        digits (gives an object for a uuid, dials a protocol Infinity does not know).
        """
        name = self.text(ident)
        around = [
            (scope.start_byte if scope is not None else -1, kind, value)
            for kind, scope, _node, _line, value in self._bindings(name)
            if kind != "assignment" and (scope is None or scope.start_byte <= ident.start_byte < scope.end_byte)
        ]
        if not around or any(kind == "assignment" for kind, *_ in self._bindings(name)):
            return None
        nearest = max(around, key=lambda b: b[0])
        if [b[0] for b in around].count(nearest[0]) > 1 or nearest[1] not in ("var", "let", "const"):
            return None
        return nearest[2]

    def _kept_result_member(self, call: Any) -> str | None:
        """``close$`` when the promise ``call`` gives back is kept in a variable and close$ is
        read from that variable (``const p = ...openTemplateDialog({...}); p.close$``), else None.

        Why: PD533 saw only close$ read from the call itself, so a plugin that first kept the
        promise in a variable got no warning and brought up the 'Oops' page. Only a variable
        whose value is surely the promise where close$ is read counts (no other assignment, no
        parameter of the same name in between, see :meth:`_held_value`), so a ``.then(ref =>
        ref.close$)`` or ``await``ed dialog is never taken for the promise.
        """
        parent = call.parent
        if parent is None or parent.type != "variable_declarator":
            return None
        value, target = parent.child_by_field_name("value"), parent.child_by_field_name("name")
        if value is None or target is None or target.type != "identifier" or value.start_byte != call.start_byte:
            return None
        for start, end in self._places(self.text(target).encode()):
            n = self._root.descendant_for_byte_range(start, end)
            if n is None or n.type != "identifier" or n.start_byte == target.start_byte or (p := n.parent) is None:
                continue
            if p.type != "member_expression" or p.child_by_field_name("object") != n:
                continue
            prop = p.child_by_field_name("property")
            if prop is None or self.text(prop) != "close$":
                continue
            held = self._held_value(n)
            if held is not None and (held.start_byte, held.end_byte) == (call.start_byte, call.end_byte):
                return "close$"
        return None

    def _changed_elsewhere(self, name: str) -> bool:
        """Whether the code gives the variable ``name`` a key (``name.digits = ...``,
        ``name['digits'] = ...``) or hands it to a call that may (``Object.assign(name, ...)``):
        then the keys its literal was written with are not all it has when it is used."""
        key = ("changed", name)
        if key not in self._memo:
            self._memo[key] = self._find_changed(name)
        return bool(self._memo[key])

    def _find_changed(self, name: str) -> bool:
        for start, end in self._places(name.encode()):
            n = self._root.descendant_for_byte_range(start, end)
            if n is None or n.type != "identifier" or (p := n.parent) is None:
                continue
            if p.type == "arguments" and p.parent is not None and p.parent.type == "call_expression":
                callee = p.parent.child_by_field_id(_FIELD["function"])
                if callee is None or self.text(callee).rsplit(".", 1)[-1] not in _SHAPED:
                    return True
            if p.type in ("member_expression", "subscript_expression") and p.child_by_field_id(_FIELD["object"]) == n:
                q = p.parent
                if q is not None and q.type in ("assignment_expression", "augmented_assignment_expression"):
                    if q.child_by_field_id(_FIELD["left"]) == p:
                        return True
        return False

    def _pair_strings(
        self, obj: Any, wanted: str, at: dict[str, tuple[int, int]] | None = None, depth: int = 0
    ) -> list[str] | None:
        """The possible values of the key ``wanted`` of the object literal ``obj``, or None when it
        has none (or it may come from a ...spread the file does not spell out). As in JavaScript, the
        last one written wins, one a ...spread of an object the file spells out brings in too.

        Why the spreads: transformConferenceLayout({ ...defaults }) with const defaults = { layout:
        '5:7' } asked for a layout that does not exist, unsaid."""
        found: list[str] | None = None
        for c in obj.named_children:
            if c.type == "pair":
                key = c.child_by_field_id(_FIELD["key"])
                if key is not None and self.text(key).strip("'\"") == wanted:
                    value = c.child_by_field_id(_FIELD["value"])
                    found = self.strings_of(value) if value is None else self._given_strings(value, at)
            elif c.type == "shorthand_property_identifier" and self.text(c) == wanted:
                found = self._given_strings(c, at)  # ({layout}: the variable's values)
            elif c.type == "spread_element" and c.named_child_count:
                inner = self._object_of(c.named_children[0]) if depth < 3 else None
                if inner is None:
                    found = None  # (what it brings in, only the run knows)
                elif (spread := self._pair_strings(inner, wanted, at, depth + 1)) is not None:
                    found = spread
        return found

    def _registration(self, line: int, col: int, arg: Any, call: Any = None) -> Registration:
        reg = Registration(line, col, None)
        if call is not None:
            reg.unreached = self._never_runs(call)
            reg.cut_off = None if reg.unreached else self._cut_off(call)
        unknown: list[str] = []
        parts = self._object_parts(arg, unknown)
        if not parts:
            return reg
        self._registered_parts.update(o.start_byte for o, _holder in parts)
        obj = parts[0][0]
        reg.open_brace = obj.start_byte + 1
        reg.damaged = any(c.type == "ERROR" or c.is_missing for c in obj.children)
        first = obj.named_children[0] if obj.named_child_count else None
        if first is not None:
            # (Lines found by their breaks: tree-sitter's rows do not count a lone CR.)
            start = line_start(self.data, first.start_byte)
            if start > obj.start_byte:  # the first key starts its own line
                lead = self.data[start : first.start_byte].decode("utf-8", "replace")
                reg.indent = lead if not lead.strip() else None
        keys: dict[str, Key] = {}
        unread = False
        for part, holder in parts:
            unread = self._read_keys(part, holder, reg, keys, call, 0, unknown) or unread
        reg.keys = None if unread or unknown else keys
        if unknown and not unread:
            reg.known_keys, reg.unknown_parts = keys, tuple(unknown)
        return reg

    def _object_parts(self, arg: Any, unknown: list[str], depth: int = 0) -> list[tuple[Any, str | None]]:
        """The object literals whose keys make up the object given to registerPlugin, each with the
        variable holding it (None for one written in the call), first the one new keys go into.

        Why: ``var plugin = {...}; plugin.record = ...; registerPlugin(plugin)`` and
        ``registerPlugin(Object.assign({id}, lifecycle, handlers))`` are common ways to write a
        working plugin; the first was told "registerPlugin has no 'record'" (an error, export
        blocked), the second could not be checked at all, so a missing action went unsaid. A part of
        Object.assign the file does not spell out (``base``, a parameter) goes into ``unknown`` (its
        code), the others are read: their keys are what can be checked."""
        node = arg
        while node is not None and node.type == "parenthesized_expression" and node.named_child_count:
            node = node.named_children[-1]
        if node is None:
            return []
        obj = self._object_of(node)
        if obj is not None:
            return [(obj, self.text(node) if node.type == "identifier" else None)]
        if node.type == "identifier" and depth < 3:
            # var plugin = Object.assign({}, base, {...}); registerPlugin(plugin): its parts, as
            # written in the call. Why: it could not be read (PD519), so a name defined nowhere in
            # its load, or a missing action, passed.
            values = self.decls.get(self.text(node), [])
            return self._object_parts(values[0], unknown, depth + 1) if len(values) == 1 else []
        if node.type != "call_expression":
            return []
        fn, args = node.child_by_field_id(_FIELD["function"]), node.child_by_field_id(_FIELD["arguments"])
        if fn is None or args is None:
            return []
        if self.text(fn) in _KEEPING_KEYS:
            # registerPlugin(Object.freeze({...})): the object with its keys as written. Why: it
            # was "cannot be read" (PD519), so a missing or misspelt action there passed.
            given = [a for a in args.named_children if a.type != "comment"]
            return self._object_parts(given[0], unknown, depth + 1) if len(given) == 1 and depth < 3 else []
        if self.text(fn) not in ("Object.assign", "window.Object.assign"):
            return []
        parts: list[tuple[Any, str | None]] = []
        for a in args.named_children:
            if a.type == "comment":
                continue
            o = self._object_of(a)
            if o is None:  # a part the file does not spell out: its keys are known only when it runs
                unknown.append(self.text(a))
                continue
            parts.append((o, self.text(a) if a.type == "identifier" else None))
        return parts

    def _read_keys(
        self,
        obj: Any,
        holder: str | None,
        reg: Registration,
        keys: dict[str, Key],
        call: Any,
        depth: int,
        unknown: list[str] | None = None,
    ) -> bool:
        """Add the keys of the object literal ``obj`` (held in the variable ``holder``, whose keys
        given later with ``holder.key = ...`` count too) to ``keys``; True when some key's name is
        known only when the code runs (a key in brackets, a spread of something not spelt out:
        with ``unknown``, the spread's code goes there instead, see :meth:`_object_parts`)."""
        unread = False  # a key in brackets whose name the file does not say
        for c in obj.named_children:
            t = c.type
            if t == "pair":
                k, v = c.child_by_field_id(_FIELD["key"]), c.child_by_field_id(_FIELD["value"])
                if k is None:
                    continue
                if k.type == "computed_property_name":
                    computed = self._computed_key(k)
                    if computed is None:
                        unread = True
                        continue
                    name = computed
                else:
                    name = self._string_text(k) if k.type == "string" else self.text(k)
                self._add_key(name, k, v, reg, keys, call)
            elif t == "shorthand_property_identifier":
                name = self.text(c)
                kl, kc = self.pos(c)
                keys[name] = Key(name, kl, kc, "identifier", name)
                if call is not None and name != "id":
                    entry = keys[name]
                    entry.missing, entry.missing_line, entry.missing_what = self._unbound(name, c, call)
            elif t == "method_definition":
                n = c.child_by_field_id(_FIELD["name"])
                if n is not None:
                    name = self._computed_key(n) if n.type == "computed_property_name" else self.text(n)
                    if name is None:
                        unread = True
                        continue
                    kl, kc = self.pos(n)
                    keys[name] = Key(name, kl, kc, "function")
            elif t == "spread_element":
                # {...lifecycle, ...actions}: read when the file spells the spread object out
                # (const actions = { record }), else its keys are known only when it runs: said as
                # "cannot be read" (PD519), not as load, unload and actions missing (false errors).
                inner = c.named_children[0] if c.named_child_count else None
                spread = self._object_of(inner) if depth < 3 else None
                if spread is None or spread is obj:
                    if unknown is not None and inner is not None and spread is None:
                        unknown.append(self.text(inner))
                    else:
                        unread = True
                    continue
                held = self.text(inner) if inner is not None and inner.type == "identifier" else None
                unread = self._read_keys(spread, held, reg, keys, call, depth + 1, unknown) or unread
        if holder is not None:
            unread = self._keys_given_later(holder, reg, keys, call) or unread
        return unread

    def _add_key(self, name: str, k: Any, v: Any, reg: Registration, keys: dict[str, Key], call: Any) -> None:
        """One ``name: value`` (or ``holder.name = value``) of the registered object, at key ``k``."""
        kl, kc = self.pos(k)
        if v is not None and v.type in _FUNC_TYPES:
            keys[name] = Key(name, kl, kc, "function")
        elif v is not None and v.type == "identifier":
            keys[name] = Key(name, kl, kc, "identifier", self.text(v))
        else:
            keys[name] = Key(name, kl, kc, "other")
        if v is not None and name != "id":
            key = keys[name]
            key.value_line, key.value_column = self.pos(v)
            if v.type in _NOT_CALLABLE:
                key.missing = _NOT_CALLABLE[v.type]
            elif v.type == "identifier" and call is not None:
                key.missing, key.missing_line, key.missing_what = self._unbound(self.text(v), v, call)
            elif v.type == "member_expression" and call is not None and self._no_such_member(v):
                key.value, key.missing = self.text(v), "no-member"
                key.missing_line = self.line_of(self._object_of(v.child_by_field_id(_FIELD["object"])))
        if name == "id" and v is not None:
            values = self.strings_of(v)
            if len(values) == 1 and DYN not in values[0]:
                reg.id_value = values[0]
                reg.id_line, reg.id_column = self.pos(v)
                reg.id_span = (v.start_byte, v.end_byte)

    def _no_such_member(self, v: Any) -> bool:
        """Whether ``v`` (``Plugin.recrod``) reads a key that the object literal in its variable
        (``var Plugin = { record: ... }``, made once, given no keys whose names are known only when
        it runs) surely lacks, so it is undefined. Why: ``record: Plugin.recrod`` passed, and the
        click (or switching the plugin off, for ``unload: Plugin.unlaod``) brought up the 'Oops' page."""
        holder, prop = v.child_by_field_id(_FIELD["object"]), v.child_by_field_id(_FIELD["property"])
        if holder is None or prop is None or holder.type != "identifier" or prop.type != "property_identifier":
            return False
        obj = self._object_of(holder)
        if obj is None:
            return False
        keys: dict[str, Key] = {}
        unread = self._read_keys(obj, self.text(holder), Registration(0, 0, None), keys, None, 1)
        return not unread and self.text(prop) not in keys and self.text(prop) not in _OBJECT_MEMBERS

    def _handed_on(self, holder: str) -> bool:
        """Whether the variable ``holder`` is used otherwise than to read or give one of its keys, to
        declare it or to hand it to registerPlugin (or spread it in): passed to another function
        (``Object.assign(plugin, {...})``, ``extend(plugin)``), kept under another name, returned.
        Why: such code may give the object keys this file does not spell out, and "has no
        'record'" would then be a false error on a working plugin."""
        for _, at in _words_at(self.data, [holder.encode()]):
            node = self._root.descendant_for_byte_range(at, at + len(holder))
            if node is None or node.type not in ("identifier", "shorthand_property_identifier"):
                continue  # (the word inside a string or comment, or a key named so: { Plugin: 1 })
            up = node.parent
            if up is None:
                return True
            if (
                up.type in ("member_expression", "subscript_expression")
                and up.child_by_field_id(_FIELD["object"]) == node
            ):
                continue
            if up.type == "variable_declarator" and up.child_by_field_id(_FIELD["name"]) == node:
                continue
            if up.type == "spread_element":
                continue
            if up.type == "arguments" and up.parent is not None:
                fn = up.parent.child_by_field_id(_FIELD["function"])
                name = self.text(fn) if fn is not None else ""
                if name.endswith("registerPlugin") or (
                    name.endswith("Object.assign") and up.named_children and up.named_children[0] != node
                ):
                    continue
            return True
        return False

    def _keys_given_later(self, holder: str, reg: Registration, keys: dict[str, Key], call: Any) -> bool:
        """Keys given to the object in the variable ``holder`` with ``holder.key = value`` (or
        ``holder['key'] = value``); True when one is given a name known only when it runs, or
        when the object may be given keys some other way (see _handed_on)."""
        unread = self._handed_on(holder)
        for node in self._assignments:
            left = node.child_by_field_id(_FIELD["left"])
            if left is None or left.type not in ("member_expression", "subscript_expression"):
                continue
            target = left.child_by_field_id(_FIELD["object"])
            if target is None or target.type != "identifier" or self.text(target) != holder:
                continue
            if left.type == "member_expression":
                prop = left.child_by_field_id(_FIELD["property"])
                name = self.text(prop) if prop is not None else None
            else:
                index = left.child_by_field_id(_FIELD["index"])
                values = self.strings_of(index) if index is not None else []
                name = values[0] if len(values) == 1 and DYN not in values[0] else None
                prop = index
            if name is None or prop is None:
                unread = True
                continue
            self._add_key(name, prop, node.child_by_field_id(_FIELD["right"]), reg, keys, call)
        return unread

    def _computed_key(self, node: Any) -> str | None:
        """The name of a key written in brackets (``[ACTION]`` with ``const ACTION = 'record'``,
        ``['record']``) when the file says it, else None. Why: such keys were skipped, and the
        action they register was "not registered", an error with a fix that registered it twice."""
        inner = node.named_children[0] if node.named_child_count else None
        values = self.strings_of(inner) if inner is not None else []
        return values[0] if len(values) == 1 and DYN not in values[0] else None

    # -- is a registered name a function when registerPlugin runs? -------------------------
    def _never_runs(self, node: Any) -> tuple[int, str] | None:
        """The function around ``node`` that surely never runs, as (its line, its name), or None.

        Two shapes are sure: a wrapper function written as a statement of its own but never called
        (``(function () { ... });``, the closing ``()`` forgotten), and a function declaration
        whose name appears nowhere else in the file. Why: a registerPlugin call in either passed
        the check, yet the plugin never registered and its buttons never appeared.
        """
        fn = node.parent
        while fn is not None:
            if fn.type in ("function_expression", "function", "arrow_function"):
                up = fn.parent
                while up is not None and up.type in ("parenthesized_expression", "unary_expression"):
                    up = up.parent
                if up is not None and up.type == "expression_statement":
                    return self.line_of(fn), ""
            elif fn.type in ("function_declaration", "generator_function_declaration"):
                n = fn.child_by_field_id(_FIELD["name"])
                if n is not None:
                    word = re.escape(self.data[n.start_byte : n.end_byte])
                    if len(re.findall(rb"(?<![\w$])" + word + rb"(?![\w$])", self.data)) == 1:
                        return self.line_of(fn), self.text(n)
            fn = fn.parent
        return None

    def _cut_off(self, node: Any, jumps: frozenset[str] = _ENDS) -> tuple[int, str] | None:
        """The statement that surely keeps ``node`` from running, as (its line, "return", "throw"
        or "if"; "break" or "continue" too with ``jumps`` = _JUMP_STATEMENTS), or None.

        Sure means: a ``return`` or ``throw`` written straight before it in the same block (not
        one inside an ``if``, which may not run), or an ``if`` whose condition is written as
        false (``if (false)``, ``if (0)``, minified ``if (!1)``). Why: a registerPlugin left
        below a ``return;`` kept while testing passed the check, yet the plugin never registered.
        The search stops at a function declaration: it is hoisted, so code above the ``return``
        may still call it. With _JUMP_STATEMENTS (for PD526) a ``break`` or ``continue`` before it
        counts as well, and so does a jump before it in its case of a switch.
        """
        blocks = _CASE_BLOCKS if jumps is _JUMP_STATEMENTS else ("statement_block", "program")
        cur = node
        while (up := self._up(cur)) is not None:
            if cur.type in ("function_declaration", "generator_function_declaration"):
                return None
            if up.type in blocks:
                sibling = self._first_jump(up, jumps)
                if sibling is not None and sibling.start_byte < cur.start_byte:
                    return self.line_of(sibling), sibling.type.split("_", 1)[0]
            elif up.type == "if_statement" and up.child_by_field_id(_FIELD["consequence"]) == cur:
                test = up.child_by_field_id(_FIELD["condition"])
                inner = test.named_children[0] if test is not None and test.named_child_count == 1 else None
                if inner is not None and self.text(inner).replace(" ", "") in ("false", "0", "!1", "null"):
                    return self.line_of(up), "if"
            cur = up
        return None

    def _first_jump(self, block: Any, jumps: frozenset[str]) -> Any:
        """The first statement of ``block`` that is one of ``jumps``, or None; found once per block.

        Why: _cut_off asks it for every call and every early use in the block, and reading the
        block's statements each time made a file of 5,000 calls (``g1(); g2(); ...``) take seconds
        to check, minutes for bigger ones: the window froze on each edit of such a file."""
        key = ("first jump", block.id, jumps)
        if key not in self._memo:
            self._memo[key] = next((st for st in block.named_children if st.type in jumps), None)
        return self._memo[key]

    def _unbound(self, name: str, ref: Any, call: Any) -> tuple[str | None, int, str]:
        """Why ``name``, read at ``ref`` in the object given to registerPlugin (``call``), is
        surely not a function at that moment, the line that shows it and (for "overwritten")
        what it holds instead; (None, 0, "") when it is, or may be.

        Why so careful: a false alarm on a working plugin teaches users to ignore the checker.
        So only what the file itself proves is reported: a name defined nowhere in it (and no
        browser function), defined only inside another function or block, made by const, let,
        var or an assignment only after the call in the same function (so still undefined, or
        a ReferenceError, when the call runs), or a variable made once from a literal that is
        no function. Function declarations are hoisted, so they are settled unless a line of
        their own function surely replaces them first (:meth:`_overwritten`); a definition in an
        outer function may run before a call that is itself deferred; anything that could define
        globals behind the file's back (window.x = ..., eval, with) ends the question.
        """
        if self._declared_function_visible(name, ref):
            return self._overwritten(name, ref, call)
        if self._given_a_value_before(name, ref, call):
            return _MAY_BE_A_FUNCTION  # what the search below would conclude, without its scans of the file
        if (
            name in _BROWSER_GLOBALS
            or name in _WINDOW_FUNCTIONS
            or self._global_writes()
            or self._global_property(name.encode())
        ):
            return _MAY_BE_A_FUNCTION  # window.load = ... or this['load']: a global made at run time
        bindings = self._bindings(name)
        if not bindings:
            return "nowhere", 0, ""
        at = ref.start_byte
        visible = [b for b in bindings if b[1] is None or b[1].start_byte <= at < b[1].end_byte]
        if not visible:
            return "scope", bindings[0][3], ""
        if any(kind in ("param", "import") for kind, *_rest in visible):
            return _MAY_BE_A_FUNCTION  # given by whoever calls the function
        if any(kind == "function" for kind, *_rest in visible):
            return self._overwritten(name, ref, call, bindings)  # hoisted, unless replaced
        before = [b for b in visible if b[2].end_byte <= call.start_byte and (b[0] == "assignment" or b[4] is not None)]
        if before:
            value = before[0][4]
            if len(bindings) == 1 and value is not None and value.type in _NOT_CALLABLE:
                return "value", before[0][3], ""  # var load = {}; and never anything else
            return _MAY_BE_A_FUNCTION  # made, and given a value, before the call
        home = _function_of(call)
        if any(_function_of(b[2]) != home for b in visible):
            return _MAY_BE_A_FUNCTION  # made in an outer function: the call may well run later
        first = min(visible, key=lambda b: b[2].start_byte)
        return first[0], first[3], ""

    def _written_names(self, caps: dict[str, list[Any]]) -> list[tuple[Any, Any]]:
        """(name, expression) for every plain name a line gives a value to, first in the file first:
        ``x = 1``, ``x += 1`` (and -=, ||=, ...), ``x++``, ``--x``, ``for (x in o)`` / ``for (x of o)``
        without var/let/const, and each name of a destructuring assignment (``[a, b] = f()``,
        ``({ a } = o)``). The expression is the assignment, update or loop (for scope questions).

        Why all of them: each gives the name a value as ``x = 1`` does, so an undeclared one makes a
        global in sloppy code and throws in strict code; only ``x = 1`` was looked at."""
        out: list[tuple[Any, Any]] = []

        def add_left(node: Any) -> None:  # a plain name, or each name of a destructuring pattern
            left = node.child_by_field_id(_FIELD["left"])
            if left is None:
                return
            if left.type == "identifier":
                out.append((left, node))
            elif left.type in ("array_pattern", "object_pattern"):
                names: list[Any] = []
                self._pattern_names(left, names)
                out.extend((n, node) for n in names)

        for node in self._assignments:
            add_left(node)
        for node in caps.get("update", ()):
            target = node.child_by_field_id(
                _FIELD["left" if node.type == "augmented_assignment_expression" else "argument"]
            )
            while target is not None and target.type == "parenthesized_expression" and target.named_child_count == 1:
                target = target.named_children[0]
            if target is not None and target.type == "identifier":
                out.append((target, node))
        for node in caps.get("for_in", ()):
            if node.child_by_field_id(_FIELD["kind"]) is not None or any(
                c.type in ("var", "let", "const") for c in node.children[:3]
            ):
                continue  # for (var k in o), for (const k of o): declared there
            add_left(node)
        out.sort(key=lambda w: w[0].start_byte)
        return out

    def _early_uses(self, declarators: list[Any], classes: list[Any]) -> None:
        """Uses of a let, const or class name before its declaration, in the straight-line code
        of the same block (``console.log(x); let x = 1;``, ``const n = n + 1;``): until the
        declaration has run the name exists but cannot be read or given a value, and each such
        line throws a ReferenceError (the app's 'Oops' page). Why: the check was silent, and a
        line moved above the ``let`` it needs is the usual way to get there.

        Only what surely runs before the declaration: a use in a statement of the declaration's
        own block (or in the declaration's value), not inside a condition, a loop, a callback or
        a nested function (those may run later, when the name has its value), nor after a
        ``return``, ``throw``, ``break`` or ``continue`` (it never runs). A let in a case of a
        ``switch`` belongs to the whole switch: a use in a statement of an earlier case (or above
        it in its own) runs first whenever the switch comes to that case, and so does one in a
        later case when a jump ends the declaration's case before it (the switch can only come
        there without running the declaration). Each name is looked for as a whole word in the text from its block's start to
        its declaration: most are settled by that one search. A block longer than _LONG_STRETCH
        (a bundle's wrapper, declaring thousands of names) is read word by word once for all its
        names instead: searching from its start to each of them took time in the square of its length.
        """
        decls = list(self._lets)  # (name node, end of the search, declaration, block)
        for d in declarators:  # (destructured: let { a, b } = o; _declared_twice leaves them out)
            n = d.child_by_field_id(_FIELD["name"])
            if n is None or n.type not in ("object_pattern", "array_pattern"):
                continue
            statement = self._up(d)
            if statement is not None and statement.type == "lexical_declaration" and self._up(statement) is not None:
                names: list[Any] = []
                self._pattern_names(n, names)
                decls.extend((name, d.end_byte, statement, self._up(statement)) for name in names)
        for c in classes:
            n = c.child_by_field_id(_FIELD["name"])
            if n is not None and self._up(c) is not None:
                # (Its own extends part runs while the name cannot be used yet: class A extends A {}.)
                heritage = next((h for h in c.named_children if h.type == "class_heritage"), None)
                decls.append((n, c.start_byte if heritage is None else heritage.end_byte, c, self._up(c)))
        data, root = self.data, self._root
        found: list[tuple[int, tuple[str, int, int, int, str, str, tuple[int, str] | None]]] = []
        long: dict[int, tuple[Any, dict[bytes, list[tuple[Any, int, Any]]]]] = {}  # block -> its names
        for name, end, statement, block in decls:
            if block.type in ("switch_case", "switch_default"):
                block = self._up(block)  # (a class, a destructuring: the cases share the switch's block)
            if block is None or block.type not in ("program", "statement_block", "switch_body") or block.has_error:
                continue
            raw = data[name.start_byte : name.end_byte]
            if statement.start_byte - block.start_byte > _LONG_STRETCH:
                if block.type != "switch_body":
                    long.setdefault(block.id, (block, {}))[1].setdefault(raw, []).append((name, end, statement))
                continue
            stretches = [(block.start_byte, name.start_byte), (name.end_byte, end)]
            jump = self._switch_exit(statement, block) if block.type == "switch_body" else None
            if jump is not None and block.end_byte - jump.end_byte <= _LONG_STRETCH:
                stretches.append((jump.end_byte, block.end_byte))  # the later cases
            for start, stop in stretches:
                at = data.find(raw, start, stop)
                while at >= 0:
                    after = at + len(raw)
                    if not _word_byte(data[at - 1 : at]) and not _word_byte(data[after : after + 1]):
                        use = root.descendant_for_byte_range(at, after)
                        if self._surely_runs_early(use, at, after, block, statement, jump):
                            found.append((at, self._early(use, name, statement, jump)))
                            break
                    at = data.find(raw, after, stop)
                else:
                    continue
                break
        for block, names in long.values():
            stop = max(end for entries in names.values() for _n, end, _s in entries)
            # Each name's declarations not found yet, by where their search ends (their statements'
            # order), and the first whose search has not ended before the word being read. Whether
            # a word surely runs before a declaration after it is the same question for each such
            # declaration (see _surely_runs_early), so it is asked once, not once per declaration:
            # 10,000 lines of "let a;" asked it 50 million times (minutes).
            pending = {
                raw: [sorted(((i, *e) for i, e in enumerate(entries)), key=lambda e: e[2]), 0]
                for raw, entries in names.items()
            }
            for m in re.compile(_NAME_RUN).finditer(data, block.start_byte, stop):
                state = pending.get(m.group())
                if state is None:
                    continue
                entries, lo = state
                at, after = m.span()
                while lo < len(entries) and entries[lo][2] < after:
                    lo += 1  # (the word is past the end of their search, and so are those after it)
                state[1] = lo
                use = None
                hit: list[tuple[int, Any, int, Any]] = []
                keep: list[tuple[int, Any, int, Any]] = []
                k = lo
                while k < len(entries) and entries[k][3].start_byte <= at:  # the word is in their statement
                    entry = entries[k]
                    k += 1
                    if at != entry[1].start_byte:
                        if use is None:
                            use = root.descendant_for_byte_range(at, after)
                        if self._surely_runs_early(use, at, after, block, entry[3]):
                            hit.append(entry)
                            continue
                    keep.append(entry)
                if k < len(entries):  # declared after the word
                    if use is None:
                        use = root.descendant_for_byte_range(at, after)
                    if self._surely_runs_early(use, at, after, block, entries[k][3]):
                        hit.extend(entries[k:])
                        del entries[k:]
                if hit:
                    entries[lo:k] = keep
                    for _i, name, _end, statement in sorted(hit, key=lambda e: e[0]):
                        found.append((at, self._early(use, name, statement)))
        for c in classes:
            self._own_name_in_keys(c, found)
        self.info.early_uses = [e for _at, e in sorted(found, key=lambda f: f[0])]

    def _own_name_in_keys(
        self, cls: Any, found: list[tuple[int, tuple[str, int, int, int, str, str, tuple[int, str] | None]]]
    ) -> None:
        """Add to ``found`` (as _early_uses does, case "key") the first use of the name of the
        class ``cls`` declares in a computed member name of its own body (``class A { [A.x]() {}
        }``): the browser works those names out while it makes the class, before the name has its
        value, so declaring the class throws a ReferenceError. Why: the check was silent, as it was
        for ``class A extends A``. Only a use the key surely runs (not in a function written in it,
        nor in a branch: see _statement_running); a method's body or a field's value is no key."""
        name = cls.child_by_field_id(_FIELD["name"])
        body = cls.child_by_field_id(_FIELD["body"])
        if name is None or body is None or name.type != "identifier":
            return
        data, raw = self.data, self.data[name.start_byte : name.end_byte]
        if data.find(b"[", body.start_byte, body.end_byte) < 0:
            return  # (most classes: no computed names)
        for member in body.named_children:
            key = next((k for k in member.children if k.type == "computed_property_name"), None)
            if key is None:
                continue
            at = data.find(raw, key.start_byte, key.end_byte)
            while at >= 0:
                after = at + len(raw)
                use = self._root.descendant_for_byte_range(at, after)
                if (
                    use is not None
                    and use.type == "identifier"
                    and use.start_byte == at
                    and use.end_byte == after
                    and self._statement_running(use, stop=key) is not None
                ):
                    fn = _function_of(cls)
                    when = (
                        "load"
                        if fn is None or fn.type == "program" or self._is_wrapper(fn)
                        else self._function_name(fn)
                    )
                    line, col = self.pos(use)
                    found.append((at, (self.text(name), line, col, self.line_of(name), when, "key", None)))
                    return
                at = data.find(raw, after, key.end_byte)

    def _early_defaults(self, lists: Any) -> None:
        """A parameter's default value that uses that parameter or one after it (``function f(a = b,
        b)``, ``(a = a) => ...``): parameters get their values from left to right, so whenever the
        default runs (the function is called without that argument) the name has none yet and it
        throws a ReferenceError (the app's 'Oops' page). Why: the check was silent, and such a
        default can never work: each time it is used, it throws.

        Only a use the default surely runs (not inside a function written in it, nor in a branch).
        """
        data = self.data
        found = []
        for params in lists:
            if data.find(b"=", params.start_byte, params.end_byte) < 0:
                continue  # (most lists: no default)
            entries = [c for c in params.named_children if c.type != "comment"]
            later: dict[str, Any] = {}  # name -> its node, for this parameter and those after it
            for param in reversed(entries):
                names: list[Any] = []
                self._pattern_names(param, names)
                for n in names:
                    later[self.text(n)] = n
                value = param.child_by_field_id(_FIELD["right"]) if param.type == "assignment_pattern" else None
                if value is None:
                    continue
                # Each name in the value, looked up among the later parameters' names: searching
                # the value for each later name instead took seconds for a generated function of
                # 5,000 parameters (function f(a0 = a1, a1 = a2, ...)), each default read 5,000 times.
                said: set[str] = set()
                for use in _identifiers_in(value):
                    name = self.text(use)
                    declared = later.get(name)
                    if (
                        declared is not None
                        and name not in said
                        and not (use.parent.type == "class" and use.parent.child_by_field_id(_FIELD["name"]) == use)
                        and self._statement_running(use, stop=param) is not None
                    ):
                        said.add(name)
                        line, col = self.pos(use)
                        fn = params.parent
                        runs = self._function_name(fn) if fn is not None else ""
                        found.append((use.start_byte, (name, line, col, self.line_of(declared), runs, "default", None)))
        if found:
            early = self.info.early_uses + [e for _at, e in found]
            self.info.early_uses = sorted(early, key=lambda e: (e[1], e[2]))

    def _switch_exit(self, statement: Any, body: Any) -> Any:
        """The first ``break``, ``continue``, ``return`` or ``throw`` written as a statement of a
        case of the switch ``body`` after the declaration ``statement`` (in its case or a later
        one), or None: past it, the switch comes to a case only by going there, without running
        the declaration."""
        key = ("switch exits", body.id)
        found = self._memo.get(key)
        if found is None:  # (once per switch: one with thousands of cases may declare as many names)
            jumps = [
                st
                for c in body.named_children
                if c.type in ("switch_case", "switch_default")
                for st in c.named_children
                if st.type in _JUMP_STATEMENTS
            ]
            found = self._memo[key] = ([j.start_byte for j in jumps], jumps)
        starts, jumps = found
        i = bisect.bisect_right(starts, statement.start_byte)
        return jumps[i] if i < len(jumps) else None

    def _surely_runs_early(self, use: Any, at: int, after: int, block: Any, statement: Any, jump: Any = None) -> bool:
        """Whether the node ``use`` found at ``at``..``after`` (before the end of the declaration
        ``statement`` of its name, or in a switch past the ``jump`` that ends the declaration's
        case: :meth:`_switch_exit`) is a use of that name that surely runs when a statement of
        ``block`` (of a case of the switch ``block``) before the declaration, the declaration
        itself, or a statement of a case after ``jump`` does."""
        if use is None or use.start_byte != at or use.end_byte != after:
            return False
        if use.type not in ("identifier", "shorthand_property_identifier"):
            return False  # (a property, a key, a label, a word in a string or a comment)
        up = use.parent
        if up is not None and up.type == "class" and up.child_by_field_id(_FIELD["name"]) == use:
            return False  # (const C = class C {}: the class's own name, no use of the const)
        if (
            up is not None
            and up.type in _WRITES
            and up.child_by_field_id(_FIELD["argument" if up.type == "update_expression" else "left"]) == use
        ):
            use = up  # (giving it a value throws too: x = 1; let x;)
        ran = self._statement_running(use, block)
        if ran is None:
            return False
        home = ran.parent.parent if block.type == "switch_body" else ran.parent  # (a case's, the switch's)
        if jump is not None and at >= jump.end_byte:
            if home != block or ran.parent.start_byte < jump.start_byte:
                return False  # (in the case the jump ends: after it, it never runs)
        elif ran != statement if at >= statement.start_byte else home != block:
            return False
        return self._cut_off(use, _JUMP_STATEMENTS) is None

    def _early(
        self, use: Any, name: Any, statement: Any, jump: Any = None
    ) -> tuple[str, int, int, int, str, str, tuple[int, str] | None]:
        """The early_uses entry of ``use``, a use of the declared ``name`` (declared by
        ``statement``; past the ``jump`` that ends its case of a switch, when given)."""
        line, col = self.pos(use)
        ran = self._statement_running(use)
        fn = _function_of(ran if ran is not None else use, self._up)  # (a class's static part runs with the class)
        when = "load" if fn is None or fn.type == "program" or self._is_wrapper(fn) else self._function_name(fn)
        case = ""
        if jump is not None and use.start_byte >= jump.end_byte:
            case = "skipped"
        elif self._in_own_heritage(use, name, statement):
            case = "extends"
        elif statement.parent is not None and statement.parent.type in ("switch_case", "switch_default"):
            case = "case" if ran is not None and ran.parent == statement.parent else "earlier"
        exit = (self.line_of(jump), jump.type.split("_", 1)[0]) if case == "skipped" else None
        return self.text(name), line, col, self.line_of(name), when, case, exit

    def _in_own_heritage(self, use: Any, name: Any, statement: Any) -> bool:
        """Whether ``use`` is in the extends part of the very class that declares ``name``
        (``class A extends A {}``) or is the value ``name`` is declared with (``const B = class
        extends B {}``): what the message says to do differs (a class cannot build on itself)."""
        cur = self._up(use)
        while cur is not None and cur.type != "class_heritage":
            if cur.type in _FUNCTION_SCOPES or cur == statement:
                return False
            cur = self._up(cur)
        cls = self._up(cur) if cur is not None else None
        if cls is None:
            return False
        if cls == statement:
            return True
        up = self._up(cls)
        return (
            cls.type == "class"
            and up is not None
            and up.type == "variable_declarator"
            and up.child_by_field_id(_FIELD["name"]) == name
        )

    def _function_name(self, fn: Any) -> str:
        """The name the function ``fn`` is called by: its own, or the variable or key it is given
        to ("load" for the plugin's load, which runs as it starts); "" when it has none."""
        n = fn.child_by_field_id(_FIELD["name"])
        up = fn.parent
        if n is None and up is not None and up.type in ("variable_declarator", "pair"):
            n = up.child_by_field_id(_FIELD["name" if up.type == "variable_declarator" else "key"])
        return self.text(n) if n is not None and n.type in ("identifier", "property_identifier") else ""

    def _strict_names_written(self) -> None:
        """``arguments = ...`` or ``eval = ...`` (or ++, +=, a for-in, a destructuring) in strict
        code: a syntax error, so the browser refuses the whole file.

        Why here: PD521 called it a name 'declared nowhere' that throws a ReferenceError when the
        line runs, and said to declare it with ``var arguments;``, itself refused in strict code.
        """
        for left, node in self._writes:
            name = self.text(left)
            if name in _STRICT_NAMES and self._strict(node):
                line, col = self.pos(left)
                self.info.syntax_errors.append(
                    (
                        line,
                        col,
                        f"'{name}' cannot be given a value in strict code ('use strict'): keep the value in "
                        + (
                            "a variable of your own, for example: let args = Array.from(arguments);"
                            if name == "arguments"
                            else "a variable of your own"
                        ),
                    )
                )

    def _undeclared(self) -> None:
        """Assignments (any of :meth:`_written_names`) in strict code (``'use strict'``, a class
        body) to a name that no function or block around them declares: a ReferenceError when the
        line runs, which brings up the app's 'Oops' page. Why: ``count = 0`` without a ``var`` works in sloppy code, and the same plugin with
        'use strict' at the top (as every bundler writes it) broke with the check silent.

        Only what the file proves: a name declared in a function or block around the line, a name
        of the browser's own, or anything that may make globals at run time (window.x = ..., eval)
        is left alone; sloppy code (where the name quietly becomes a global: PD524) too. A name
        declared only inside another function is no declaration here: the line still throws (it
        was left alone while anything in the file declared it).

        A name the browser's window already has (``focus = ...``, ``name = ...``, ``onload = ...``:
        :data:`_WINDOW_NAMES`, :func:`_window_handler`) throws nothing, strict or not: the line
        replaces the browser's own for the whole web app (globals_replaced). Why: PD521 called
        ``stop = true`` in strict code a ReferenceError that never comes, and PD524 said it made a
        new global where it breaks one the app may use.
        """
        seen: set[str] = set()
        changed: list[tuple[str, Any]] = []  # (name, where) of x++ and x += 1 making a global, in order
        for left, node in self._writes:
            name = self.text(left)
            if name in seen:
                continue
            if name in _WINDOW_READ_ONLY:
                self._read_only_written(name, left, node)
                continue
            if name in _BROWSER_GLOBALS and name not in _WINDOW_NAMES:
                continue
            browser = name in _WINDOW_NAMES or _window_handler(name)
            if not browser and _HANDLER_FORM.fullmatch(name):
                continue  # (perhaps the handler of an event _WINDOW_EVENTS does not list: onmessageerror)
            if self._declared_around(name, node):
                continue  # (the common case, settled without asking whether the code is strict)
            if browser:
                if not (self._at_top_of_file(node) or self._bound_around(name, node) or self._global_writes()):
                    seen.add(name)
                    line, col = self.pos(left)
                    self.info.globals_replaced.append((name, line, col))
                continue
            strict = self._strict(node)
            if strict and name in _STRICT_NAMES:
                continue  # (a syntax error: _strict_names_written)
            if not strict:
                if self._makes_a_global(name, node):
                    if node.type in _CHANGES:
                        changed.append((name, left))  # (said below: x = 0 elsewhere may make the global)
                        continue
                    seen.add(name)
                    line, col = self.pos(left)
                    self.info.globals_made.append((name, line, col))
                continue
            if self._global_writes() or self._global_property(name.encode()):
                seen.add(name)
                continue
            if self._bound_around(name, node):
                continue  # (a parameter, catch, class or for-loop name around it)
            seen.add(name)
            line, col = self.pos(left)
            self.info.undeclared.append((name, line, col))
        if changed:
            self._changed_globals(changed, seen)
        if self._window_vars:
            for left, node in self._window_vars:
                self._read_only_written(self.text(left), left, node)
            self.info.read_only_written.sort(key=lambda r: (r[1], r[2]))

    def _read_only_written(self, name: str, left: Any, node: Any) -> None:
        """Note ``top = 1`` (``left`` in the write ``node``) when ``name`` is one of the window's
        properties that cannot be changed (:data:`_WINDOW_READ_ONLY`) and nothing around declares
        it: the first such line in strict code (a TypeError there) and the first in sloppy code
        (where the line quietly does nothing), each once per name.

        Why: PD521 called it a ReferenceError and PD524 a new global; neither happens. Strict code
        throws a TypeError (the 'Oops' page when the line runs), and sloppy code keeps the browser's
        own: ``history = []`` then ``history.push(x)`` fails one line later, far from its cause.
        ``document``, ``navigator`` and ``window`` were not looked at at all. Also said at the top of
        the file (nothing leaks there: _top_level leaves them out of PD501). Left alone when a
        ``with`` or ``eval`` may give the name another meaning (:meth:`_global_writes`).
        """
        if self._global_writes() or any(
            kind != "assignment"
            and not (kind == "var" and scope is not None and scope.type == "program")
            and (scope is None or scope.start_byte <= node.start_byte < scope.end_byte)
            for kind, scope, _n, _line, _value in self._bindings(name)
        ):
            return  # (a var at the top of the file declares nothing: the window has the name already)
        strict = self._strict(node)
        done = self._read_only_said
        if (name, strict) in done:
            return
        done.add((name, strict))
        line, col = self.pos(left)
        self.info.read_only_written.append((name, line, col, strict, node.type == "variable_declarator"))

    def _changed_globals(self, changed: list[tuple[str, Any]], seen: set[str]) -> None:
        """Say where ``x++`` / ``x += 1`` (in sloppy code, no declaration around) first changes a
        global: as one made here (PD524's globals_made) when a line of the file gives ``x`` a first
        value with no declaration around it either (``x = 0``, ``for (x in o)``, also at the top of
        the file) and so makes that global; else as one that must already be there
        (globals_needed). Why apart: ``x++`` reads ``x`` first, so on its own it makes no global but
        throws a ReferenceError when nothing has one; "this creates a global" was wrong there.
        """
        made: set[str] = set()
        for left, node in self._writes:
            if node.type not in _CHANGES:
                name = self.text(left)
                if not self._declared_around(name, node) and not self._bound_around(name, node):
                    made.add(name)
        for name, left in changed:
            if name in seen:
                continue
            seen.add(name)
            line, col = self.pos(left)
            (self.info.globals_made if name in made else self.info.globals_needed).append((name, line, col))
        self.info.globals_made.sort(key=lambda g: (g[1], g[2]))

    def _bound_around(self, name: str, node: Any) -> bool:
        """Whether a declaration of ``name`` of any kind (var, let, const, function, class,
        parameter, catch, import) has a scope that holds ``node``: then ``node`` gives that one a
        value, and neither makes a global nor throws."""
        scopes = self._binding_scopes.get(name)
        if scopes is None:
            ranges = [
                (0, len(self.data) + 1) if scope is None else (scope.start_byte, scope.end_byte)
                for kind, scope, _node, _line, _value in self._bindings(name)
                if kind != "assignment"
            ]
            scopes = self._binding_scopes[name] = _spans(ranges)
        return _holds(scopes, node.start_byte)

    def _declared_around(self, name: str, node: Any) -> bool:
        """Whether a function declaration or a var, let or const of ``name`` is in scope at ``node``.

        Why the scopes once per name, then a binary search: minified code declares ``e`` in
        thousands of functions and gives it a value in thousands of places, and asking every
        declaration at every place took seconds (16 s for 260 KB).
        """
        scopes = self._declaration_scopes.get(name)
        if scopes is None:
            scopes = self._declaration_scopes[name] = self._scopes_of(name)
        return _holds(scopes, node.start_byte)

    def _scopes_of(self, name: str) -> tuple[list[int], list[int]]:
        """The scopes of ``name``'s function declarations and var, let and const (see
        :func:`_spans`). A declaration with no scope holds the whole file."""
        ranges: list[tuple[int, int]] = []
        for d in self._declarations.get(name, ()):
            decl = self._up(d)
            if d.type == "variable_declarator" and decl is not None and decl.type != "variable_declaration":
                scope = _block_of(d, self._up)  # let, const
            else:
                scope = _function_of(decl if d.type == "variable_declarator" else d, self._up)
            ranges.append((0, len(self.data) + 1) if scope is None else (scope.start_byte, scope.end_byte))
        return _spans(ranges)

    def _makes_a_global(self, name: str, node: Any) -> bool:
        """Whether the assignment ``node`` (in sloppy code) gives ``name`` a value that no
        enclosing function or block declares (var, let, const, function, class, parameter, catch),
        so that it quietly becomes a global variable of the whole web app.

        Why a warning: the plugin works, but the name is shared with the app and every other
        plugin (the reason the guide puts each plugin in a wrapper function); two plugins using
        the same name, or the app using it, break each other. Left alone: PEX, the browser's own
        names, ``x = ...`` (or ``x++``, ``for (x in o)``...) in a statement at the top of the file
        (outside any wrapper: PD501 says what leaks there), names asked about with ``typeof`` or
        written as ``window.x`` (a global on purpose), and files that may make globals in bulk
        (eval, with).
        """
        if name == "PEX" or (name == "arguments" and _has_own_arguments(node)):
            return False
        if self._at_top_of_file(node):
            return False  # (PD501's)
        if self._bound_around(name, node):
            return False
        if self._global_writes() or self._global_property(name.encode()):
            return False
        return not self._asked_with_typeof(name)

    def _at_top_of_file(self, node: Any) -> bool:
        """Whether the assignment (or update, or for-in loop) ``node`` is a statement of the file
        itself, outside any wrapper function: what PD501 says leaks into the app."""
        statement = node if node.type == "for_in_statement" else node.parent
        while statement is not None and statement.type == "parenthesized_expression":
            statement = statement.parent
        return statement is not None and statement.parent == self._root

    def _asked_with_typeof(self, name: str) -> bool:
        """Whether the file asks about ``name`` with ``typeof`` (the names found in one pass, kept)."""
        if self._typeofs is None:
            self._typeofs = {
                m.decode("utf-8", "replace") for m in re.findall(rb"\btypeof\s*\(?\s*([^\s()=!;,&|]+)", self.data)
            }
        return name in self._typeofs

    def _calls_to_nothing(self) -> None:
        """Calls, made when the plugin loads, of a function that nothing in the file defines.

        Why: ``init();`` straight in the wrapper, with ``init`` renamed or never written, throws a
        ReferenceError as the plugin loads, and the app shows its 'Oops' page; the check said
        nothing. Only what the file proves: the call is a plain name (not a property), it surely
        runs when the file does (a statement of the file or of its wrapper, not in a condition,
        a try, a callback or after a return), the name is no parameter, variable, function or
        assignment anywhere in the file, no function of the browser, not asked about with
        ``typeof`` and not put on window by the file. Names starting with a capital, $ or _
        (Map, jQuery's $, lodash's _) are left alone: the browser or a library may have them.
        """
        seen: set[str] = set()
        roots: dict[int, tuple[Any, bool, Any]] = {}  # (see _chain_root)
        optional_chains = b"?." in self.data
        for call in self.calls:
            called = call.child_by_field_id(_FIELD["function"])
            if called is None:
                continue
            fn, optional, first = _chain_root(called, roots, optional_chains)
            if fn is None or fn.type != "identifier" or optional:
                continue
            # The name called itself (init(), or f()() of f), or the object of a method (a.b()).
            method = first is not None and first.type != "call_expression"
            name = self.text(fn)
            if name in seen or not self._may_be_undefined(name) or (method and name in _WINDOW_OBJECTS):
                continue
            when = self._surely_runs(call, name)
            if when is None:
                continue  # (a later call of the same name may still run on load)
            seen.add(name)
            if self._defined_somewhere(name):
                continue
            line, col = self._said_unknown(fn, when)
            if method:
                self.info.unknown_objects.append((name, self.text(first)[:60], line, col))
            else:
                self.info.unknown_calls.append((name, line, col))

    def _may_be_undefined(self, name: str) -> bool:
        """Whether a name used by the code may be defined nowhere (asked of the uses of PD523): no
        name the file declares, none of the browser's, lower case at the start (Map, jQuery's $,
        lodash's _ are left alone: the browser or a library may have them), and no misspelt
        keyword the syntax error names ("fuction (e) {": no function meant)."""
        return not (
            name in self._declarations
            or not name[:1].islower()
            or name in self._misspelt_words
            or name in _BROWSER_GLOBALS
            or name in _WINDOW_NAMES
            or name in _BROWSER_FUNCTIONS
        )

    def _surely_runs(self, node: Any, name: str) -> str | None:
        """When ``node``, a use of ``name``, surely runs: "" as the plugin loads, or the registered
        key whose function runs it (see :meth:`_runs_when`); None when it may not run (cut off,
        in a condition, a callback, ...) or ``name`` is a parameter of a function around it."""
        when = self._runs_when(node)
        if when is None or self._cut_off(node) is not None:
            return None
        if self._parameter_around(node, name):
            return None  # (load's participants$.subscribe(...): said at once, without a search of the file)
        return when

    def _defined_somewhere(self, name: str) -> bool:
        """Whether ``name`` may be defined after all (asked of the uses of PD523 that surely run):
        put on window by the file, bound anywhere in it, or asked about with typeof."""
        if self._global_writes() or self._global_property(name.encode()) or self._bindings(name):
            return True
        return self._asked_with_typeof(name)

    def _said_unknown(self, node: Any, when: str) -> tuple[int, int]:
        """Where ``node`` is (line, column), its ``when`` kept for the message when not at load."""
        line, col = self.pos(node)
        if when:
            self.info.unknown_when[(line, col)] = when
        return line, col

    def _lone_words(self) -> None:
        """A name alone as a statement, declared nowhere, on a line that surely runs (as the plugin
        loads or when a registered function is called): reading it throws a ReferenceError.

        Why: ``preqmute`` typed to bring a snippet in, without the Tab that expands it, stayed in
        a button's function, and each press brought up the 'Oops' page; the check said nothing.
        The same care as :meth:`_calls_to_nothing`: only names nothing in the file declares, no
        name of the browser's, none asked about with ``typeof`` or put on window by the file."""
        for node in self._lone:
            name = self.text(node)
            if name == "arguments" or not self._may_be_undefined(name) or name in _WINDOW_OBJECTS:
                continue
            when = self._surely_runs(node, name)
            if when is None or self._defined_somewhere(name):
                continue
            line, col = self._said_unknown(node, when)
            statement = node.parent
            self.info.lone_names.append((name, line, col, (statement.start_byte, statement.end_byte)))

    def _kept_listening(self) -> None:
        """The subscriptions the registered load surely makes to what the app gives it (its
        parameters, participants$ and conferenceDetails$) or to ``PEX.actions$.ofType(...)``, in a
        file where nothing unsubscribes (asked only then): see :attr:`JsInfo.kept_listening`.

        Why: a plugin switched off and on again in the app's settings kept running while off, then
        ran each handler twice. Only what surely runs straight in load is said (not in a callback,
        a condition or a helper), and nothing when the file says ``unsubscribe`` anywhere: what it
        does with it is not followed, so a plugin that releases its subscriptions is never told to.
        """
        for call in self.calls:
            fn = call.child_by_field_id(_FIELD["function"])
            if fn is None or fn.type != "member_expression":
                continue
            prop, obj = fn.child_by_field_id(_FIELD["property"]), fn.child_by_field_id(_FIELD["object"])
            if prop is None or obj is None or self.text(prop) != "subscribe":
                continue
            statement = self._statement_running(call)
            if statement is None or self._cut_off(call) is not None:
                continue
            load = statement.parent.parent
            if load is None or self._registered_as(load) != "load":
                continue
            if obj.type == "identifier":
                what = self._load_parameter(load, self.text(obj))
                if what is None:
                    continue
            elif self._actions_of_type(obj):
                what = " ".join(self.text(obj).split())
            else:
                continue
            line, col = self.pos(call)
            up = call.parent
            kept = up is not None and up.type in ("arguments", "variable_declarator", "assignment_expression")
            self.info.kept_listening.append((what, line, col, kept))

    def _load_parameter(self, load: Any, name: str) -> str | None:
        """What the app gives load as its parameter ``name``: "participants$" for the first,
        "conferenceDetails$" for the second, with the name written when it is another (a bundle's
        "c"): "conferenceDetails$ (c)"; None when ``name`` is none of them."""
        params = load.child_by_field_id(_FIELD["parameters"])
        given = [self.text(p) if p.type == "identifier" else None for p in params.named_children] if params else []
        if any(self.text(node) == name for node, _expression in self._writes):
            return None  # (given another value somewhere, p$ = p$.pipe(take(1)): maybe not the app's any more)
        for meant, written in zip(("participants$", "conferenceDetails$"), given, strict=False):
            if written == name:
                return meant if written == meant else f"{meant} ({written})"
        return None

    def _actions_of_type(self, node: Any) -> bool:
        """Whether ``node`` is ``PEX.actions$.ofType(...)`` (``window.PEX``, a PEX held in a name)."""
        if node.type != "call_expression":
            return False
        fn = node.child_by_field_id(_FIELD["function"])
        if fn is None or fn.type != "member_expression":
            return False
        prop = fn.child_by_field_id(_FIELD["property"])
        return prop is not None and self.text(prop) == "ofType" and self.dotted(fn) == "PEX.actions$.ofType"

    def _parameter_around(self, node: Any, name: str) -> bool:
        """Whether ``name`` is a plain parameter of a function around ``node``: what most calls in
        a registered load are made on (``participants$.subscribe(...)``). Why asked first: each
        such name had :meth:`_bindings` search the whole file, a tenth of a clean check's time."""
        up = node.parent
        while up is not None:
            if up.type in _FUNC_TYPES or up.type in _NAMED_FUNC_DECLS or up.type == "method_definition":
                params = up.child_by_field_id(_FIELD["parameters"]) or up.child_by_field_id(_FIELD["parameter"])
                if params is not None and (
                    (params.type == "identifier" and self.text(params) == name)
                    or any(p.type == "identifier" and self.text(p) == name for p in params.named_children)
                ):
                    return True
            up = up.parent
        return False

    def _runs_when(self, node: Any) -> str | None:
        """When ``node`` surely runs: "" as the plugin loads (it runs whenever its statement does,
        and that statement is one of the file, of its wrapper function ((function () { ... })(),
        !function () { ... }(), an arrow) or of the registered load); the key of registerPlugin's
        object whose function runs it (a button's action, "unload") whenever the app calls that;
        None when nothing is sure."""
        statement = self._statement_running(node)
        if statement is None:
            return None
        around = statement.parent.parent
        if statement.parent.type == "program" or self._is_wrapper(around):
            return ""
        key = self._registered_as(around)
        return "" if key == "load" else key

    def _registered_as(self, fn: Any) -> str | None:
        """The key under which ``fn`` is given to registerPlugin (``load: load`` naming the file's
        one function of that name, ``onClick: function () {...}`` or ``load() {...}`` written in
        the call), or None: the app runs it as the plugin starts (load) or when that key is called
        (a button's action). Why: ``pipe(filter(...))`` in load, filter never defined (RxJS's
        operators are not on the page), brought up the 'Oops' page at every start, and a leftover
        ``preqmute()`` in a button's function at every press; the check said nothing."""
        if fn is None:
            return None
        key = ("registered as", fn.id)  # (asked once per call in the function: answered once)
        if key not in self._memo:
            self._memo[key] = self._registered_key(fn)
        return self._memo[key]

    def _registered_key(self, fn: Any) -> str | None:
        """:meth:`_registered_as` of a function (not None), worked out ("load" first when the file's
        function is given under several keys)."""
        holder = fn.parent
        if fn.type == "method_definition" or (fn.type in _FUNC_TYPES and holder is not None and holder.type == "pair"):
            key = (
                fn.child_by_field_id(_FIELD["name"])
                if fn.type == "method_definition"
                else holder.child_by_field_id(_FIELD["key"])
            )
            obj = holder if fn.type == "method_definition" else holder.parent
            if key is None or key.type not in ("property_identifier", "string") or not self._registered_object(obj):
                return None
            return self.text(key).strip("'\"")
        if fn.type in _NAMED_FUNC_DECLS:
            named = fn.child_by_field_id(_FIELD["name"])
        elif fn.type in _FUNC_TYPES and holder is not None and holder.type == "variable_declarator":
            named = holder.child_by_field_id(_FIELD["name"])
        else:
            return None
        if named is None or len(self._declarations.get(self.text(named), ())) != 1:
            return None
        name = self.text(named)
        keys = [
            k.name
            for r in self.info.registrations
            if r.keys
            for k in r.keys.values()
            if k.kind == "identifier" and k.value == name
        ]
        return "load" if "load" in keys else (keys[0] if keys else None)

    def _registered_object(self, obj: Any) -> bool:
        """Whether ``obj`` is the object literal written in a registerPlugin call, or the one a
        registration reads through a name (``var plugin = {...}; registerPlugin(plugin)``: its
        load, run as the plugin starts, threw a ReferenceError at a name defined nowhere, unsaid)."""
        if obj is None or obj.type != "object":
            return False
        args = obj.parent
        call = args.parent if args is not None and args.type == "arguments" else None
        callee = call.child_by_field_id(_FIELD["function"]) if call is not None else None
        if callee is not None and self.text(callee).endswith("registerPlugin"):
            return True
        # (or one of the objects Object.assign makes it of: registerPlugin(Object.assign({id}, {load() {...}})))
        return obj.start_byte in self._registered_parts

    def _statement_running(self, node: Any, block: Any = None, stop: Any = None) -> Any:
        """The statement (an expression, a var, let or const, a class) of a block or of the file
        that surely runs ``node`` whenever it runs, or None: ``node`` is in a branch of a condition
        (``a && f()``, an ``if``: not the condition itself, nor the left of the ``&&``), a part a ``?.`` may skip (``o?.[x]``, ``o?.f(x)``, ``a ||= x``),
        a callback, a nested function, a loop, on the left of ``=``, or in a class part that runs
        later (a method's body, an instance field's value). A class's ``extends``, computed keys,
        static fields and static blocks run as the class is declared, so a statement of a static
        block is run by the class's own statement (unless the static block's is ``block``, the
        block asked about). With ``stop``, the part of ``stop`` (an ancestor of ``node``) that surely
        runs ``node`` whenever it runs."""
        cur = node
        while True:
            up = self._up(cur)
            if up is None:
                return None
            if up == stop:
                return cur
            t = up.type
            if t == "program" or t == "statement_block" or t == "switch_case" or t == "switch_default":
                # (an if is reached here only from its condition, which runs whenever the if does)
                if (
                    cur.type != "expression_statement"
                    and cur.type not in _STATEMENTS_RUN
                    and cur.type != "if_statement"
                ):
                    return None
                if t != "statement_block" or up == block or self._up(up).type != "class_static_block":
                    return cur
                cur = self._up(up)  # (a static block runs as its class is declared)
                continue
            if t == "binary_expression":
                op = up.child_by_field_id(_FIELD["operator"])
                if op is None or (self.text(op) in ("&&", "||", "??") and up.child_by_field_id(_FIELD["left"]) != cur):
                    return None  # (the right of a && may not run; its left always does)
            elif t == "if_statement" or t == "ternary_expression":
                if up.child_by_field_id(_FIELD["condition"]) != cur:
                    return None  # (a branch may not run; the condition always does)
            elif t in _CHAIN_PARTS:
                if up.child_by_field_id(
                    _FIELD["function" if t == "call_expression" else "object"]
                ) != cur and _optional(up):
                    return None
            elif t == "assignment_expression" or t == "augmented_assignment_expression":
                if up.child_by_field_id(_FIELD["right"]) != cur:
                    return None
                op = up.child_by_field_id(_FIELD["operator"])
                if op is not None and op.type in ("||=", "&&=", "??="):
                    return None
            elif t == "method_definition":
                if up.child_by_field_id(_FIELD["name"]) != cur:
                    return None  # (its key runs with the class or object, its body when called)
            elif t == "field_definition":
                if up.child_by_field_id(_FIELD["property"]) != cur and not any(c.type == "static" for c in up.children):
                    return None  # (an instance field's value runs at each new)
            elif t == "object_assignment_pattern" or t == "assignment_pattern":
                if up.child_by_field_id(_FIELD["right"]) != cur:
                    return None
                declarator = self._default_surely_used(up)
                if declarator is None:
                    return None  # (a default runs only when the value lacks that part)
                cur = declarator  # (let { a = b } = {}: the default runs with the declaration)
                continue
            elif t not in _RUNS_WITH_PARENT and t not in _DECLARATIONS:
                return None
            cur = up

    def _default_surely_used(self, default: Any) -> Any:
        """The declarator of ``default`` (``a = b`` in ``let { a = b } = {}`` or ``let [x, a = b] =
        [1]``: a part of the pattern itself, not of a pattern inside it) when its value is written
        out and surely lacks that part, so the default always runs with the declaration; else None.

        Why only then: with any other value (``= options``) the default runs only when the value has
        no such part, which the check cannot know."""
        pattern = default.parent
        declarator = pattern.parent if pattern is not None else None
        if pattern is not None and pattern.type == "pair_pattern":
            declarator = pattern.parent.parent if pattern.parent is not None else None
            pattern = pattern.parent
        if (
            pattern is None
            or declarator is None
            or declarator.type != "variable_declarator"
            or declarator.child_by_field_id(_FIELD["name"]) != pattern
        ):
            return None
        value = declarator.child_by_field_id(_FIELD["value"])
        if value is None:
            return None
        if pattern.type == "object_pattern" and value.type == "object":
            part = default if default.type == "object_assignment_pattern" else default.parent
            key = part.child_by_field_id(_FIELD["left" if part == default else "key"])
            if key is None or key.type not in ("shorthand_property_identifier_pattern", "property_identifier"):
                return None  # (a computed or quoted key: nothing sure)
            wanted = self.text(key)
            for c in value.named_children:
                if c.type == "comment":
                    continue
                k = c.child_by_field_id(_FIELD["key"]) if c.type in ("pair", "method_definition") else c
                if c.type in ("spread_element",) or k is None:
                    return None
                if k.type not in ("property_identifier", "shorthand_property_identifier", "string"):
                    return None  # (a computed key may be that one)
                if (self._string_text(k) if k.type == "string" else self.text(k)) == wanted:
                    return None
            return declarator
        if pattern.type == "array_pattern" and value.type == "array" and default.parent == pattern:
            at = sum(1 for c in pattern.children if c.type == "," and c.start_byte < default.start_byte)
            items = [c for c in value.named_children if c.type != "comment"]
            commas = sum(1 for c in value.children if c.type == ",")
            if any(c.type == "spread_element" for c in items) or commas not in (len(items) - 1, len(items)):
                return None  # (a ...spread, or holes: [ , , ])
            return declarator if at >= len(items) else None
        return None

    def _wrapper_call(self, value: Any) -> bool:
        """Whether ``value`` (a var's) is a call of a wrapper function: ``(() => { ... })()``."""
        while value is not None and value.type in ("parenthesized_expression", "unary_expression"):
            value = value.named_children[-1] if value.named_child_count else None
        if value is None or value.type != "call_expression":
            return False
        fn = value.child_by_field_id(_FIELD["function"])
        while fn is not None and fn.type == "parenthesized_expression" and fn.named_child_count:
            fn = fn.named_children[0]
        return self._is_wrapper(fn)

    def _is_wrapper(self, fn: Any) -> bool:
        """Whether ``fn`` is a function called at once by a statement of the file itself: the
        whole statement, or the value of a var at the top (``var meetingInfo = (() => { ... })();``,
        the global name rollup's output.name and esbuild's --global-name give a bundle). Why the
        latter: its body runs as the plugin loads all the same, and was taken for a function run
        later (a call to a function defined nowhere went unsaid, a let used too early was said to
        throw "each time this function runs")."""
        if fn is None or fn.type not in ("function_expression", "function", "arrow_function"):
            return False
        cur = fn
        while cur.parent is not None and cur.parent.type == "parenthesized_expression":
            cur = cur.parent
        call = cur.parent
        if call is None or call.type != "call_expression" or call.child_by_field_id(_FIELD["function"]) != cur:
            return False
        up = call.parent
        while up is not None and up.type in ("parenthesized_expression", "unary_expression"):
            up = up.parent
        if up is not None and up.type == "variable_declarator":
            up = up.parent
            return up is not None and up.type in _DECL_TYPES and up.parent is not None and up.parent.type == "program"
        return (
            up is not None
            and up.type == "expression_statement"
            and up.parent is not None
            and up.parent.type == "program"
        )

    def _strict(self, node: Any) -> bool:
        """Whether ``node`` is in strict code: a class body, or a function (or the file) whose
        first statements hold the directive 'use strict'.

        Each function body's answer is kept (strictness is inherited, so it holds for everything
        in it): every assignment asks, and asking again from each one up to the file's top cost
        several times the search it served.
        """
        known = self._strict_bodies
        bodies = []  # the function bodies (and the file) passed on the way up, none strict
        p = self._up(node)
        strict = False
        while p is not None:
            if p.type == "class_body":
                strict = True
                break
            if p.type == "program" or (
                p.type == "statement_block" and (fn := self._up(p)) is not None and fn.type in _AWAIT_SCOPES
            ):
                found = known.get(p.id)
                if found is not None:
                    strict = found
                    break
                bodies.append(p.id)
                if self._says_use_strict(p):
                    strict = True
                    break
            p = self._up(p)
        for body in bodies:
            known[body] = strict
        return strict

    def _global_writes(self) -> bool:
        """Whether the file may put names on the global object in bulk (eval, with, assign)."""
        if self._global_write is None:
            self._global_write = re.search(_GLOBAL_WRITE, self.data) is not None
        return self._global_write

    def _global_property(self, raw: bytes) -> bool:
        """Whether the file writes or reads ``window.name`` / ``this['name']`` (a global made at run time)."""
        if not self._after_dot_or_quote(raw):
            return False
        if self._indexed(raw):
            return raw in self._word_index().global_properties
        word = re.escape(raw)
        return (
            re.search(
                rb"\b(?:window|self|globalThis|this|top|parent)\s*(?:\.\s*"
                + word
                + rb"(?![\w$])|\[\s*['\"`]"
                + word
                + rb"['\"`])",
                self.data,
            )
            is not None
        )

    def _overwritten(
        self, name: str, ref: Any, call: Any, bindings: list[tuple[str, Any, Any, int, Any]] | None = None
    ) -> tuple[str | None, int, str]:
        """Whether a function declaration of ``name``, visible at ``ref``, is surely replaced by a
        value that is no function before ``ref`` is read: ``var locked = false; function locked()
        {}`` registers ``false`` (the declaration is made first, when the function starts, and the
        var line runs after it).

        Said only when proven: the replacing line is the last one in the calling function that
        gives the name a value, it runs unconditionally before the registration (a statement of a
        block that holds the registration, in the same function), it gives a literal that is no
        function, and nothing else (a parameter, a let, an inner function, eval, window.name) can
        give the name a value. A first look at the values the walk saw given to the name keeps the
        common case (a declared function, never assigned) as fast as before.
        """
        # The declarators and assignments the walk found: no value given to the name before the
        # registration, nothing can have replaced the function (the common case, at once).
        if not any(v is not None and v.start_byte < ref.start_byte for v in self.decls.get(name, ())):
            return _MAY_BE_A_FUNCTION
        raw = name.encode()
        home = _function_of(call)
        if home is None or _function_of(ref) != home or self._global_writes() or self._global_property(raw):
            return _MAY_BE_A_FUNCTION
        if bindings is None:
            bindings = self._bindings(name)
        at = ref.start_byte
        visible = [b for b in bindings if b[1] is None or b[1].start_byte <= at < b[1].end_byte]
        declared = [b for b in visible if b[1] is not None]
        if not any(b[0] == "function" and _in_body_of(b[2], home) for b in declared):
            return _MAY_BE_A_FUNCTION
        if any(b[0] not in ("function", "var") or b[1] != home for b in declared):
            return _MAY_BE_A_FUNCTION  # a parameter, let, class or import of the same name, or an inner one
        # Every line inside the calling function that gives the name a value (var x; gives none).
        inside = [
            b
            for b in bindings
            if (b[0] == "assignment" or (b[0] == "var" and b[1] == home))
            and home.start_byte <= b[2].start_byte < home.end_byte
        ]
        givers = [b for b in inside if b[0] == "assignment" or b[4] is not None]
        if not givers:
            return _MAY_BE_A_FUNCTION
        if any(_function_of(b[2]) != home for b in inside):
            return _MAY_BE_A_FUNCTION  # an inner function may give it a value at any moment
        _kind, _scope, node, line, value = max(givers, key=lambda b: b[2].start_byte)
        if value is None or value.type not in _NOT_CALLABLE or node.end_byte > at:
            return _MAY_BE_A_FUNCTION
        statement = node.parent  # var x = ...; or x = ...;
        if statement is None or statement.type not in ("variable_declaration", "expression_statement"):
            return _MAY_BE_A_FUNCTION  # inside a condition (a && (x = 1)) or a list (x = 1, y = 2)
        block = statement.parent
        if block is None or block.type not in ("program", "statement_block"):
            return _MAY_BE_A_FUNCTION
        if not (block.start_byte <= at < block.end_byte):
            return _MAY_BE_A_FUNCTION  # in a block the registration is not in (if (...) { x = 1; })
        return "overwritten", line, _NOT_CALLABLE[value.type]

    def _declared_function_visible(self, name: str, ref: Any) -> bool:
        """Whether a function declaration of ``name`` is in scope at ``ref``: the common case (a
        plugin registers the functions it declares) settled without the scans of the whole file
        that :meth:`_unbound` makes otherwise, which cost a fifth of a check's time."""
        if self._declared is None:
            self._declared = {}
            for m in _FUNCTION_DECLARATION.finditer(self.data):
                self._declared.setdefault(m.group(1), []).append(m.start(1))
        word = name.encode()
        for at in self._declared.get(word, ()):
            n = self._root.descendant_for_byte_range(at, at + len(word))
            found = self._binding(n) if n is not None and n.type == "identifier" else None
            if found is not None and found[0] == "function":
                scope = found[1]
                if scope is None or scope.start_byte <= ref.start_byte < scope.end_byte:
                    return True
        return False

    def _given_a_value_before(self, name: str, ref: Any, call: Any) -> bool:
        """Whether ``var/let/const name = <not a literal>`` comes before the call, in scope at
        ``ref`` (``var state$ = PEX.pluginAPI.createNewState(...)``): the common case of a registered
        variable, settled as :meth:`_unbound` would settle it (made and given a value before)."""
        key = ("declared", name)
        spans = self._memo.get(key)
        if spans is None:  # (once per name: a file may register the same names thousands of times)
            raw = name.encode()
            if self._indexed(raw):
                spans = [(at, at + len(raw)) for at in self._word_index().declared.get(raw, ())]
            else:
                pattern = rb"\b(?:var|let|const)\s+(" + re.escape(raw) + rb")\s*="
                spans = [m.span(1) for m in re.finditer(pattern, self.data)]
            self._memo[key] = spans
        for start, end in spans:
            if end > call.start_byte:
                break
            n = self._root.descendant_for_byte_range(start, end)
            found = self._binding(n) if n is not None and n.type == "identifier" else None
            if found is None or found[0] not in ("var", "let", "const") or found[3] is None:
                continue
            scope, node, value = found[1], found[2], found[3]
            in_scope = scope is None or scope.start_byte <= ref.start_byte < scope.end_byte
            if in_scope and node.end_byte <= call.start_byte and value.type not in _NOT_CALLABLE:
                return True
        return False

    def _after_dot_or_quote(self, raw: bytes) -> bool:
        """Whether ``raw`` appears after a '.' or a quote (spaces between allowed): the only way
        ``window.name`` or ``this['name']`` can be written, checked before the slower full pattern."""
        found = self._memo.get(raw)
        if found is None:
            found = self._memo[raw] = self._scan_after_dot_or_quote(raw)
        return found

    def _scan_after_dot_or_quote(self, raw: bytes) -> bool:
        if self._indexed(raw):
            # Inside a longer name raw has a letter before it: only a name that starts with raw counts.
            after = self._word_index().after_dot_or_quote
            i = bisect.bisect_left(after, raw)
            return i < len(after) and after[i].startswith(raw)
        data = self.data
        for m in re.finditer(re.escape(raw), data):
            i = m.start() - 1
            while i >= 0 and data[i] in b" \t\r\n":
                i -= 1
            if i >= 0 and data[i] in b".'\"`":
                return True
        return False

    def _bindings(self, name: str) -> list[tuple[str, Any, Any, int, Any]]:
        """Every place ``name`` is defined: (kind, scope node or None for everywhere, the
        defining node, its line, the value given there or None).

        Kept per name: each registration asks for the names it registers, and a file calling
        registerPlugin 3,000 times scanned for 'record' 3,000 times (over a minute)."""
        found = self._memo.get(name)
        if found is None:
            found = self._memo[name] = self._scan_bindings(name)
        return found

    def _scan_bindings(self, name: str) -> list[tuple[str, Any, Any, int, Any]]:
        out: list[tuple[str, Any, Any, int, Any]] = []
        root = self._root
        raw = name.encode()
        places = self._places(raw)
        if self._parents is None and len(places) > _PLACES_BEFORE_WALK:
            # (Each look-up below goes down from the root: a name written 20,000 times in
            # something nested 20,000 deep, a={b:a={b:..., took a minute. One walk finds them all.)
            self._walk()
        walked = self._parents is not None
        for start, end in places:
            if walked:
                n = self._names_at.get((start, end))
                if n is None:
                    continue
            else:
                n = root.descendant_for_byte_range(start, end)
                if n is None or n.type not in _NAME_NODES:
                    continue
                if n.start_byte != start or n.end_byte != end:
                    continue  # part of a longer name (é in aé: the byte before is no ASCII letter)
            found = self._binding(n)
            if found is not None:
                kind, scope, node, value = found
                out.append((kind, scope, node, self.line_of(node), value))
        return out

    def _places(self, raw: bytes) -> list[tuple[int, int]]:
        """Where ``raw`` stands as a whole word (no name character just before or after it)."""
        if self._indexed(raw):  # such a word is one of the runs the index has found
            return [(at, at + len(raw)) for at in self._word_index().places.get(raw, ())]
        data = self.data
        ident = re.compile(_IDENT_BYTE)
        # The name's own bytes first (a literal: fast to find), then the character before it.
        return [
            m.span()
            for m in re.finditer(re.escape(raw) + rb"(?![\w$])", data)
            if not (m.start() and ident.match(data, m.start() - 1))
        ]

    def _indexed(self, raw: bytes) -> bool:
        """Whether to answer a question about the name ``raw`` from :meth:`_word_index` rather than
        by searching the file for it.

        Why not always: listing every word of the file costs as much as a few dozen searches
        (0.7 ms for a 200-line source), and most files ask about a handful of names, so a clean
        20-plugin `check` got 5 ms slower. The index is made once a file has needed more
        searches than that; a file registering thousands of names still gets look-ups.
        """
        if self._words is None:
            self._searches += 1
            if self._searches <= _SEARCHES_BEFORE_INDEX:
                return False
        return re.compile(_PLAIN_NAME).fullmatch(raw) is not None

    def _word_index(self) -> _WordIndex:
        """The file's names and what stands before them, found in one pass each, on first need.

        Why: a file registering thousands of names that are defined nowhere (or only after the
        call) had each name looked for with scans of the whole file, three per name: a 1 MB source
        took seconds. Each question about a plain ASCII name is now a look-up; the rare name with
        other characters (función) is still searched for on its own.
        """
        if self._words is None:
            self._words = _WordIndex(self.data)
        return self._words

    def _ancestors(self, node: Any) -> list[Any]:
        """The nodes around ``node``, the file's first and its parent last.

        Why not ``.parent`` over and over: tree-sitter finds a node's parent by going down from
        the root, so climbing a pattern nested 5,000 deep took 5,000 such descents, each as long
        (2 s for one name of ``var {a: {a: ...}} = o``); going down once, noting each node, is one."""
        out: list[Any] = []
        if self._parents is not None:  # (the tree was walked: climb)
            cur = self._parents.get(node.id)
            while cur is not None:
                out.append(cur)
                cur = self._parents.get(cur.id)
            out.reverse()
            return out if not out or out[0] == self._root else []
        cur = self._root
        while cur is not None and cur != node:
            out.append(cur)
            cur = cur.child_with_descendant(node)
        return out if cur is not None else []

    def _up(self, node: Any) -> Any:
        """``node.parent``, from one walk of the tree once a climb has shown it to be deep.

        Why: tree-sitter finds a node's parent by going down from the root, so each step of a climb
        costs as much as the node is deep, and climbing from 5,000 levels down (``f(a = b, b)``
        written 5,000 times in a row is a call of a call of ...) took seconds. A climb going on
        past _CLIMB_BEFORE_WALK steps has the whole tree walked once, noting each node's parent, and
        so does a node found that deep by :meth:`_deep` (for the checks that take one step up from
        each of many nodes); real code, never that deep, keeps asking tree-sitter (the walk costs
        more than its climbs).
        """
        parents = self._parents
        if parents is None:
            nid = node.id
            self._climb = self._climb + 1 if nid == self._climb_at or nid == self._climb_from else 1
            self._ups = ups = self._ups + 1
            if self._climb <= _CLIMB_BEFORE_WALK and (ups < 64 or ups & (ups - 1) or not self._deep(node)):
                p = node.parent
                self._climb_from, self._climb_at = nid, (-1 if p is None else p.id)
                return p
            parents = self._walk()
        return parents.get(node.id)

    def _deep(self, node: Any) -> bool:
        """Whether ``node`` is more than _CLIMB_BEFORE_WALK levels deep. Asked of the 64th, 128th,
        256th... node whose parent is wanted, for the checks that take one step up from each of
        many nodes (each let of ``{ let v; { let v; ...`` nested 6,000 deep: 7 s)."""
        steps = 0
        while node is not None and steps <= _CLIMB_BEFORE_WALK:
            node, steps = node.parent, steps + 1
        return node is not None

    def _walk(self) -> dict[int, Any]:
        """Each node's parent by its id, and the names by (start, end), in one walk of the tree."""
        parents: dict[int, Any] = {}
        names = self._names_at
        cursor = self._root.walk()
        above: list[Any] = []  # the nodes above the cursor's
        while True:
            node = cursor.node
            if above:
                parents[node.id] = above[-1]
            if node.type in _NAME_NODES:
                names[(node.start_byte, node.end_byte)] = node
            if cursor.goto_first_child():
                above.append(node)
                continue
            while not cursor.goto_next_sibling():
                if not cursor.goto_parent():
                    self._parents = parents
                    return parents
                above.pop()

    def _binding(self, n: Any) -> tuple[str, Any, Any, Any] | None:
        """(kind, scope, node, value) when the identifier ``n`` defines its name, else None."""
        up = self._up
        p = up(n)
        if p is None:
            return None
        t = p.type
        is_name = p.child_by_field_id(_FIELD["name"]) == n
        if t in ("function_declaration", "generator_function_declaration") and is_name:
            return "function", _function_of(p, up), p, None
        if t == "class_declaration" and is_name:
            return "class", _block_of(p, up), p, p
        if t in ("function_expression", "function", "generator_function", "class") and is_name:
            return "param", p, p, None  # its own name, seen only inside it
        if t in ("import_specifier", "namespace_import", "import_clause"):
            return "import", None, p, None
        if t == "arrow_function" and p.child_by_field_id(_FIELD["parameter"]) == n:
            return "param", p, p, None
        if t == "catch_clause" and p.child_by_field_id(_FIELD["parameter"]) == n:
            return "param", p, p, None
        if t == "assignment_expression" and p.child_by_field_id(_FIELD["left"]) == n:
            return "assignment", None, p, p.child_by_field_id(_FIELD["right"])
        # Destructuring: up through the patterns to what declares them.
        top, child = p, n
        above = self._ancestors(p) if t in _PATTERNS else []
        while top is not None and top.type in _PATTERNS:
            if top.type in ("pair_pattern", "assignment_pattern", "object_assignment_pattern"):
                if top.type == "pair_pattern" and top.child_by_field_id(_FIELD["value"]) != child:
                    return None
                if top.type != "pair_pattern" and top.child_by_field_id(_FIELD["left"]) != child:
                    return None  # a default value is a use, not a definition
            top, child = (above.pop() if above else None), top
        if top is None:
            return None
        if top.type == "formal_parameters":
            return "param", up(top), up(top), None
        if top.type == "variable_declarator" and top.child_by_field_id(_FIELD["name"]) == child:
            decl = up(top)
            value = top.child_by_field_id(_FIELD["value"])
            if value is not None and child != n:
                value = top  # destructured: it has a value, which is no literal of its own
            if decl is not None and decl.type == "variable_declaration":
                return "var", _function_of(decl, up), top, value
            kind = self.text(decl.children[0]) if decl is not None and decl.children else "let"
            return (kind if kind in ("let", "const") else "let"), _block_of(top, up), top, value
        if top.type == "for_in_statement" and top.child_by_field_id(_FIELD["left"]) == child:
            kinds = [self.text(c) for c in top.children[:3] if c.type in ("var", "let", "const")]
            if not kinds:
                return "assignment", None, top, None
            return "param", (_function_of(top, up) if kinds[0] == "var" else top), top, None
        if top.type in ("catch_clause", "arrow_function"):
            return "param", top, top, None
        if top.type == "assignment_expression" and top.child_by_field_id(_FIELD["left"]) == child:
            return "assignment", None, top, None
        return None


class _WordIndex:
    """The runs of ASCII name characters of one source, for :meth:`_Analyser._word_index`.

    ``places``: each run -> where it starts (a plain name written as a whole word is one of them);
    ``declared``: name -> where ``var/let/const name =`` gives it a value; ``after_dot_or_quote``:
    the runs written after a '.' or a quote, sorted (for prefix look-ups); ``global_properties``:
    the names written as ``window.name`` or ``this['name']`` (and self, globalThis, top, parent).
    Each is what the search for one name finds (see the callers), for every name at once.
    """

    __slots__ = ("places", "declared", "after_dot_or_quote", "global_properties")

    def __init__(self, data: bytes) -> None:
        self.places: dict[bytes, list[int]] = {}
        for m in re.finditer(rb"[\w$]+", data):
            self.places.setdefault(m.group(), []).append(m.start())
        self.declared: dict[bytes, list[int]] = {}
        # (Lookaheads: the matches may overlap, as the searches for single names could.)
        for m in re.finditer(rb"\b(?=(?:var|let|const)\s+([\w$]+)\s*=)", data):
            self.declared.setdefault(m.group(1), []).append(m.start(1))
        self.after_dot_or_quote = sorted({m.group(1) for m in re.finditer(rb"[.'\"`][ \t\r\n]*([\w$]+)", data)})
        self.global_properties = {
            m.group(1) or m.group(2)
            for m in re.finditer(
                rb"\b(?=(?:window|self|globalThis|this|top|parent)\s*"
                rb"(?:\.\s*([\w$]+)|\[\s*['\"`]([\w$]+)['\"`]))",
                data,
            )
        }


_MAY_BE_A_FUNCTION: tuple[str | None, int, str] = (None, 0, "")
_NOT_CALLABLE = {  # literal -> how a message names it
    "string": "a string",
    "template_string": "a string",
    "number": "a number",
    "null": "null",
    "undefined": "undefined",
    "true": "a boolean",
    "false": "a boolean",
    "object": "an object",
    "array": "an array",
    "regex": "a regular expression",
}
# What changes a name's value after reading it (see _Analyser._changed_globals).
_CHANGES = frozenset({"update_expression", "augmented_assignment_expression"})
_PATTERNS = frozenset(
    {
        "object_pattern",
        "array_pattern",
        "pair_pattern",
        "assignment_pattern",
        "object_assignment_pattern",
        "rest_pattern",
    }
)
_FUNCTION_SCOPES = frozenset(
    {
        "program",
        "function_declaration",
        "generator_function_declaration",
        "function_expression",
        "function",
        "generator_function",
        "arrow_function",
        "method_definition",
        "class_static_block",
    }
)
_BLOCK_SCOPES = frozenset(
    {"program", "statement_block", "for_statement", "for_in_statement", "switch_body", "class_body"}
)
# The names of the browser's window that a plugin's own variable is likely to share, and that a
# bare ``focus = ...`` in the plugin replaces for the whole page without an error, strict or not
# (the globals_replaced of JsInfo). From the HTML standard's Window interface and its
# WindowOrWorkerGlobalScope mixin (html.spec.whatwg.org, "The Window object" and "Timers"): its
# methods, which are writable, and its attributes that are writable (name, status, opener) or
# [Replaceable] (self, length, event, origin, innerWidth, ...: assigning replaces them). Left out: the
# attributes that cannot be replaced (_WINDOW_READ_ONLY), location (assigning it navigates, on
# purpose: _BROWSER_GLOBALS) and the event handlers, matched by _window_handler. Registering one of
# the functions is odd, not broken (see _unbound).
_WINDOW_FUNCTIONS = frozenset(
    "alert confirm prompt open close print focus blur stop find scroll scrollTo scrollBy moveTo moveBy "
    "resizeTo resizeBy postMessage getComputedStyle getSelection matchMedia requestAnimationFrame "
    "cancelAnimationFrame requestIdleCallback cancelIdleCallback setTimeout setInterval clearTimeout "
    "clearInterval queueMicrotask fetch atob btoa structuredClone createImageBitmap reportError "
    "addEventListener removeEventListener dispatchEvent captureEvents releaseEvents".split()
)
# The links of a method call's chain before its first name (see _calls_to_nothing).
_CHAIN_LINKS = frozenset({"member_expression", "subscript_expression", "call_expression", "parenthesized_expression"})


def _chain_root(
    node: Any, known: dict[int, tuple[Any, bool, Any]], optional_chains: bool = True
) -> tuple[Any, bool, Any]:
    """The node a chain of calls and properties starts from (``a`` of ``a.b(x).c[0]``; ``node``
    itself when it is no chain, None when a link has no start), whether a link of it is a ``?.``
    (``a?.b()`` is written for an ``a`` that may be missing), and the link right above the start
    (``a.b`` or ``a(x)``; None when ``node`` is no chain).

    ``known`` keeps the answer of every link walked, by node id: each call of a chain of 5,000
    (``a()()()…``, ``p.then(f).then(f)…``) holds every call before it, and walking each one
    down to its start took minutes.

    ``optional_chains`` False: the file has no ``?.`` at all, so no link's children are looked
    through for one (most files; each link's children were made as Python objects only to be
    told apart from ``?.``).
    """
    path: list[tuple[Any, bool]] = []
    root: Any = node
    optional = False
    first: Any = None
    while root is not None and root.type in _CHAIN_LINKS:
        found = known.get(root.id)
        if found is not None:
            root, optional, first = found
            break
        link = optional_chains and any(child.type == "optional_chain" for child in root.children)
        path.append((root, link))
        root = root.child_by_field_id(_FIELD["function" if root.type == "call_expression" else "object"])
    else:
        if path:
            first = path[-1][0]
    for link_node, link in reversed(path):
        optional = optional or link
        known[link_node.id] = (root, optional, first)
    return root, optional, first


# Objects of the browser (and of module loaders and bundlers' wrappers) a plugin may call a method
# of by their bare name (localStorage.getItem(...)), besides _WINDOW_NAMES and _BROWSER_GLOBALS.
_WINDOW_OBJECTS = frozenset(
    "localStorage sessionStorage history navigator location document console performance crypto screen "
    "customElements indexedDB caches speechSynthesis visualViewport external clientInformation chrome "
    "trustedTypes scheduler cookieStore navigation top parent opener frames module exports process".split()
)
_WINDOW_NAMES = _WINDOW_FUNCTIONS | frozenset(
    "self name status defaultStatus opener length event origin frames parent screen performance "
    "innerWidth innerHeight outerWidth outerHeight scrollX scrollY pageXOffset pageYOffset "
    "screenX screenY screenLeft screenTop devicePixelRatio".split()
)
# The window's properties that cannot be changed, from the HTML standard's Window interface and
# its WindowOrWorkerGlobalScope, WindowLocalStorage and WindowSessionStorage mixins: the readonly
# attributes that are neither [Replaceable] nor [PutForwards] (location is: it navigates), so they
# have a getter and no setter. Giving one a value by its bare name throws a TypeError in strict code
# and does nothing in sloppy code (read_only_written of JsInfo).
_WINDOW_READ_ONLY = frozenset(
    "window document top closed history navigation customElements frameElement navigator "
    "originAgentCluster localStorage sessionStorage isSecureContext crossOriginIsolated".split()
)
# The names a let, const, class or function at the top of a plain script may not declare: the
# window's [LegacyUnforgeable] attributes (window, document, location, top: HTML's Window interface)
# and the language's undefined, NaN and Infinity are properties of the global object that cannot be
# redefined, so the browser refuses the whole script (ECMAScript GlobalDeclarationInstantiation:
# HasRestrictedGlobalProperty, a SyntaxError; CanDeclareGlobalFunction, a TypeError). A var of one
# is allowed (it declares nothing: the name is the window's own).
_UNDECLARABLE = frozenset({"window", "document", "location", "top", "undefined", "NaN", "Infinity"})
# The events whose handler on window (``onload``, ``onresize``: see _window_handler) a plugin is
# likely to set by its bare name, from the HTML standard's WindowEventHandlers and
# GlobalEventHandlers: replacing one drops the handler the web app may have put there.
_WINDOW_EVENTS = frozenset(
    "load unload beforeunload error resize scroll focus blur message hashchange popstate storage online "
    "offline pagehide pageshow keydown keyup keypress click dblclick contextmenu mousedown mouseup "
    "mousemove mouseover mouseout wheel pointerdown pointerup pointermove touchstart touchend touchmove "
    "input change submit beforeprint afterprint unhandledrejection languagechange visibilitychange "
    "devicemotion deviceorientation orientationchange".split()
)
# An event handler's form: on and lower-case letters (onload, onbeforeunload; onClick is none).
_HANDLER_FORM = re.compile(r"on[a-z]+")


def _window_handler(name: str) -> bool:
    """Whether ``name`` is the handler of an event on window: onload, onresize (_WINDOW_EVENTS)."""
    return name[:2] == "on" and name[2:] in _WINDOW_EVENTS


# Names a plugin may give a value by their bare name without a word from the check: PEX, the
# language's own globals and location (assigning it navigates, on purpose). Also the names of the
# window's objects that a plugin may read or call by their bare names (see _unbound and
# _calls_to_nothing): giving self a value is said as for _WINDOW_NAMES, and giving window,
# document or navigator one as for _WINDOW_READ_ONLY (see _undeclared).
_BROWSER_GLOBALS = frozenset(
    "Function Object Array String Number Boolean Symbol Date Promise Error JSON Math Reflect Proxy "
    "parseInt parseFloat isNaN isFinite encodeURIComponent decodeURIComponent encodeURI decodeURI "
    "console PEX window self globalThis document navigator location".split()
)
# Other functions of the browser (or of a module loader) a plugin may call by their bare name
# (see _calls_to_nothing; the window's own are _WINDOW_FUNCTIONS).
_BROWSER_FUNCTIONS = frozenset(
    "escape unescape require define importScripts setImmediate clearImmediate eval isSecureContext "
    "showOpenFilePicker showSaveFilePicker".split()
)
# What gives a name a value (see _Analyser._surely_runs_early).
_WRITES = frozenset({"assignment_expression", "augmented_assignment_expression", "update_expression"})
# Statements that run their expression when reached (see _runs_when).
_DECLARATIONS = frozenset({"lexical_declaration", "variable_declaration"})
# Nodes whose parts all run when they do (a call's callee and arguments, an array's items, ...).
_RUNS_WITH_PARENT = frozenset(
    {
        "expression_statement",
        "variable_declarator",
        "arguments",
        "member_expression",
        "subscript_expression",
        "parenthesized_expression",
        "await_expression",
        "sequence_expression",
        "spread_element",
        "array",
        "object",
        "pair",
        "template_substitution",
        "template_string",
        "new_expression",
        "unary_expression",
        "computed_property_name",
        "class",  # (its body: _statement_running lets through only the parts run as the class is)
        "class_heritage",
        "class_body",
        "class_declaration",
    }
)
# Statements that run their expression when reached, besides expression statements.
_STATEMENTS_RUN = _DECLARATIONS | {"class_declaration"}
# The links of a chain a ``?.`` may cut short (see _optional).
_CHAIN_PARTS = frozenset({"member_expression", "subscript_expression", "call_expression"})
_IDENT_BYTE = rb"[\w$]"  # (this and the two name patterns below: strings, compiled on first use)
_SEARCHES_BEFORE_INDEX = 32  # see _Analyser._indexed
# A climb of more steps than this has the tree walked once (see _Analyser._up); no real plugin is
# nested that deep. A name written more times than _PLACES_BEFORE_WALK too (see _scan_bindings).
_CLIMB_BEFORE_WALK = 256
_PLACES_BEFORE_WALK = 256
_NAME_NODES = ("identifier", "shorthand_property_identifier_pattern")  # what _scan_bindings looks for
_LONG_STRETCH = 64 * 1024  # a block's bytes before a declaration, past which it is read word by word (_early_uses)
# (Non-ASCII bytes too: a name in another script, café or ñ, is a run of its UTF-8 bytes.)
_NAME_RUN = rb"[\w$\x80-\xff]+"
_PLAIN_NAME = rb"[\w$]+"  # a name of ASCII letters, digits, _ and $ only (fullmatch)
# "function name(" (a declaration, or a named function expression: _binding tells them apart).
# (Bytes from 0x80 up: the UTF-8 of a non-ASCII letter, as in function función() or 静音.)
_FUNCTION_DECLARATION = re.compile(rb"function\s*\*?\s*([A-Za-z_$\x80-\xff][\w$\x80-\xff]*)\s*\(")
# window.name = / self['name'] = (not ==, not =>): see globals_written.
# (A bytes pattern, compiled on first use like _GLOBAL_WRITE.)
_GLOBAL_PROPERTY_WRITE = (
    rb"\b(?:window|self|globalThis|top|parent)\s*(?:\.\s*([A-Za-z_$][\w$]*)|\[\s*['\"`]([A-Za-z_$][\w$]*)['\"`]\s*\])"
    rb"\s*=(?![=>])"
)
# with (...), eval(...), or properties put on the global object in bulk: any name may come from them.
# (A bytes pattern compiled on first use: most registered names are settled before it is needed.)
_GLOBAL_WRITE = rb"\b(?:with|eval)\s*\(|(?:defineProperty|assign)\s*\(\s*(?:window|self|globalThis)\b"


# (A pattern, compiled when a source first needs it: compiling costs every `check` a tenth of a ms.)
_LINE_BREAK = rb"\r\n?|\n|\xe2\x80[\xa8\xa9]"


_MARK_STEP = 1024  # bytes between two marks along a long line (see _Analyser._column)


def _line_marks(data: bytes, start: int) -> list[tuple[int, int]]:
    """(byte offset, characters from ``start`` to it) about every _MARK_STEP bytes from ``start``
    to the line's LF, each offset on a character's first byte (never inside its UTF-8)."""
    end = data.find(b"\n", start)
    end = len(data) if end < 0 else end
    marks = [(start, 0)]
    at, chars = start, 0
    for step in range(start + _MARK_STEP, end, _MARK_STEP):
        while step < end and 0x80 <= data[step] < 0xC0:  # a continuation byte: the character starts before
            step += 1
        if step <= at:
            continue
        chars += len(data[at:step].decode("utf-8", "replace"))
        marks.append((step, chars))
        at = step
    return marks


def _line_starts(data: bytes) -> list[int]:
    """The byte offset of each line's start, lines ended by CRLF, LF, CR, U+2028 or U+2029 (as
    JavaScript ends them, and as the editor shows them: see :mod:`designer.core.lineends`)."""
    return [0, *(m.end() for m in re.finditer(_LINE_BREAK, data))]


def _optional(chain: Any) -> bool:
    """Whether a ``?.`` in the chain ``chain`` (``o?.a.b``, ``o?.[i]``, ``f?.(x)``) may end it
    before its last link: then that link's index or arguments may not run. A part in parentheses
    is a chain of its own (``(o?.a)[i]`` reads ``i``)."""
    while chain is not None and chain.type in _CHAIN_PARTS:
        for c in chain.children:
            if c.type == "optional_chain":
                return True
        chain = chain.child_by_field_id(_FIELD["function" if chain.type == "call_expression" else "object"])
    return False


def _read_from(node: Any) -> bool:
    """Whether the code reads a member of ``node``'s value or calls it (``node.x``, ``node[i]``,
    ``node()``) with no ``?.`` in between: what throws when the value is undefined."""
    parent = node.parent
    if parent is None or parent.type not in ("member_expression", "subscript_expression", "call_expression"):
        return False
    field = _FIELD["function" if parent.type == "call_expression" else "object"]
    if parent.child_by_field_id(field) != node:
        return False
    return not any(c.type == "optional_chain" for c in parent.children)


def _chained(node: Any) -> bool:
    """Whether the object of the member expression ``node`` is itself a member expression (not
    the name that starts the chain: api.x with api = PEX.pluginAPI, actions.X after const
    { actions } = PEX, where the name alone stands for the PEX member it holds)."""
    return node.child_by_field_id(_FIELD["object"]).type != "identifier"


def _parent(node: Any) -> Any:
    return node.parent


def _function_of(node: Any, up: Callable[[Any], Any] = _parent) -> Any:
    """The function (or the whole program) ``node`` runs in: where var and function names live.
    ``up``: how to find a node's parent (the analyser's :meth:`_Analyser._up` in a deep tree)."""
    p = up(node)
    while p is not None and p.type not in _FUNCTION_SCOPES:
        p = up(p)
    return p


# Names strict code may not give a value to (each write is a syntax error).
_STRICT_NAMES = frozenset({"arguments", "eval"})


def _spans(ranges: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """``ranges`` (start, end) as their starts in order and, for each, the furthest end of it and
    the ranges before it: what :func:`_holds` searches.

    Why: a name declared in thousands of functions (minified code's ``e``, ``t``, ``n``) was
    asked about each declaration at each of thousands of lines giving it a value.
    """
    ranges = sorted(ranges)
    return [start for start, _ in ranges], list(itertools.accumulate((end for _, end in ranges), max))


def _holds(spans: tuple[list[int], list[int]], at: int) -> bool:
    """Whether one of the ranges of ``spans`` (:func:`_spans`) holds the byte ``at``: of those
    that start at or before it, the one reaching furthest does if any does."""
    starts, reach = spans
    before = bisect.bisect_right(starts, at)
    return before > 0 and reach[before - 1] > at


def _has_own_arguments(node: Any) -> bool:
    """Whether ``node`` runs in a function that is not an arrow (or in an arrow inside one).

    Why: every such function has its own ``arguments``, so ``arguments = [].slice.call(arguments)``
    (an old idiom) changes that, not a global of the web app.
    """
    fn = _function_of(node)
    while fn is not None and fn.type == "arrow_function":
        fn = _function_of(fn)
    return fn is not None and fn.type not in ("program", "class_static_block")


def _words_at(data: bytes, words: Iterable[bytes]) -> list[tuple[bytes, int]]:
    """(word, offset) of each of ``words`` standing alone in ``data`` (no name character just
    before or after), in order. Why not one regex with \\b and alternatives: it has no literal to
    skip ahead to, and took most of the time of the search it served; find() runs at C speed."""
    out: list[tuple[bytes, int]] = []
    for word in words:
        n = len(word)
        at = data.find(word)
        while at != -1:
            if not _word_byte(data[at - 1 : at] if at else b"") and not _word_byte(data[at + n : at + n + 1]):
                out.append((word, at))
            at = data.find(word, at + n)
    out.sort(key=lambda x: x[1])
    return out


def _outermost_functions(root: Any) -> list[tuple[int, int]]:
    """(start, end) byte offsets of the functions not inside another one, in order: a ``return`` within one of them is in a function (see _Analyser._jumps).

    Why from the top down: a plugin is one wrapper function, so this visits a handful of nodes,
    where walking up from each of hundreds of returns cost a tenth of the analysis.
    """
    out: list[tuple[int, int]] = []
    stack = [root]
    while stack:
        node = stack.pop()
        for c in node.named_children:
            if c.type in FUNCTION_NODE_TYPES:
                out.append((c.start_byte, c.end_byte))
            elif c.named_child_count:
                stack.append(c)
    out.sort()
    return out


def _in_body_of(node: Any, function: Any) -> bool:
    """Whether ``node`` is a statement of ``function``'s own body (not of a block inside it)."""
    p = node.parent
    if p is None:
        return False
    return p == function or (p.type == "statement_block" and p.parent == function)


def _block_of(node: Any, up: Callable[[Any], Any] = _parent) -> Any:
    """The block ``node`` is in: where let, const and class names live (``up``: see _function_of)."""
    p = up(node)
    while p is not None and p.type not in _BLOCK_SCOPES and p.type not in _FUNCTION_SCOPES:
        p = up(p)
    return p


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}


def _up_to_spread(args: list[Any]) -> list[Any]:
    """A call's arguments up to its first ``...spread`` (kept, as an argument the run fills).

    Why: what follows a spread lands at a place only the run knows, so ``dialOut(...dest, 'SIP')``
    was judged as if 'SIP' were the protocol (the second argument), and a Fix would have written
    it in small letters: a slip that may not be one, "repaired" where it may do harm.
    """
    for i, a in enumerate(args):
        if a.type == "spread_element":
            return args[: i + 1]
    return args


def _unescape(seq: str) -> str:
    body = seq[1:]
    if not body:
        return ""
    if body[0] in _ESCAPES and len(body) == 1:
        return _ESCAPES[body[0]]
    if body[0] in "xu":
        digits = body[1:].strip("{}")
        try:
            return chr(int(digits, 16))
        except ValueError:
            return ""
    if body[0] in "\r\n\u2028\u2029":
        return ""
    return body


# Analyses by source bytes, oldest first. Why: the designer re-runs the checks after every edit,
# and the form, the fixes and the action sync ask about the same sources again; a source that did
# not change is not parsed again (a 10,000-line source takes about 100 ms). Bounded by the bytes
# of source kept as keys. Callers never change a JsInfo, so the same one can be handed out.
_MEMO: dict[bytes, JsInfo] = {}
_MEMO_LIMIT = 16 * 1024 * 1024
_memo_bytes = 0
_MEMO_LOCK = _thread.allocate_lock()
# From this size on the parser reads the source in chunks (see parse_within_budget); below it,
# one read of the whole source is faster.
_CHUNKED_FROM = 256 * 1024
_CHUNK = 8192
# What PD500 says where the parser gave up on a source (see parse_within_budget).
_GAVE_UP = (
    "the code from here on is too tangled for the checker to read: a bracket, brace or quote is "
    "probably missing or extra near here"
)


def analyse(source: str | bytes) -> JsInfo:
    """Everything the checks need to know about one plugin source; never raises on bad input.

    The same bytes give the same (shared, never modified) result without parsing again.
    """
    data = source.encode("utf-8", "surrogatepass") if isinstance(source, str) else source
    with _MEMO_LOCK:
        found = _MEMO.get(data)
    if found is not None:
        return found
    info = _analyse(data)
    _remember(data, info)
    return info


def globals_written(source: bytes) -> set[str]:
    """The names a source puts on the page as properties of the global object (``window.helper =
    ...``, ``globalThis['helper'] = ...``).

    Why: a plugin in its own wrapper shares a function with the others this way; another plugin
    calling ``helper()`` as it loads is then no ReferenceError (PD523), as it is for a top-level
    declaration of the other file.
    """
    return {(m.group(1) or m.group(2)).decode("utf-8", "replace") for m in re.finditer(_GLOBAL_PROPERTY_WRITE, source)}


def analysed(source: bytes) -> bool:
    """Whether :func:`analyse` has this source's result at hand (it would not parse)."""
    with _MEMO_LOCK:
        return source in _MEMO


def forget_analyses() -> None:
    """Drop every remembered analysis (benchmarks measure a first analysis with this)."""
    global _memo_bytes
    with _MEMO_LOCK:
        _MEMO.clear()
        _memo_bytes = 0


def _remember(data: bytes, info: JsInfo) -> None:
    """Keep ``info``; the oldest analyses go while the sources held pass the limit, never the
    newest (the designer parses a big source on a worker so the checks find it here next)."""
    global _memo_bytes
    with _MEMO_LOCK:
        if data in _MEMO:
            return
        _MEMO[data] = info
        _memo_bytes += len(data)
        while _memo_bytes > _MEMO_LIMIT and len(_MEMO) > 1:
            oldest = next(iter(_MEMO))
            _memo_bytes -= len(oldest)
            del _MEMO[oldest]


# Every kind of node that makes a function of its own (its own scope, its own ``this``, its own
# "async" or not). One list: the action sync (actionsync.py) walks the same scopes.
FUNCTION_NODE_TYPES = frozenset(
    {
        "function_declaration",
        "function_expression",
        "function",
        "arrow_function",
        "method_definition",
        "generator_function_declaration",
        "generator_function",
    }
)
# Where break and continue go (see _Analyser._jumps): the loops, and the statement each jump word makes.
_LOOPS = frozenset({"for_statement", "for_in_statement", "while_statement", "do_statement"})
_JUMPS = {
    b"break": ("break", "break_statement"),
    b"continue": ("continue", "continue_statement"),
    b"return": ("return", "return_statement"),
}
# What decides whether ``await`` may be used inside it (see _Analyser._awaits).
_AWAIT_SCOPES = FUNCTION_NODE_TYPES | {"class_static_block"}
# Where a NUL is JavaScript text, not code (see _Analyser.stray_nul).
_TEXT_NODES = frozenset({"string", "template_string", "comment", "regex", "html_comment"})


def _analyse(data: bytes) -> JsInfo:
    original = data
    if b"\0" in data:
        # A NUL is fine inside a JavaScript string or comment, but tree-sitter's lexer stops at it
        # and reports syntax errors that are not there; a space keeps every position the same.
        data = data.replace(b"\0", b" ")
    tree, gave_up = parse_within_budget(data)
    analyser = _Analyser(data)
    info = analyser.run(tree)
    if gave_up is not None:
        info.syntax_errors.append((*analyser.at(gave_up), _GAVE_UP))
        info.syntax_errors.sort()
    if original is not data:
        analyser.stray_nul(tree.root_node, original)
    return info


def url_host(url: str) -> tuple[str, str] | None:
    """(scheme, host) of an absolute URL pattern; None for same-origin or unknown ones."""
    m = re.match(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*:)?//([^/?#\s]*)", url)
    if not m:
        return None
    scheme = (m.group(1) or "").lower()
    if scheme and scheme not in ("http:", "https:", "ws:", "wss:"):
        return None
    host = m.group(2).rsplit("@", 1)[-1]
    if not host or host.startswith(DYN):
        host = "(an address built at run time)"
    else:
        host = host.split(DYN, 1)[0] + ("…" if DYN in host else "")
    return scheme, host


def classify_request(path: str) -> tuple[str, str | None]:
    """Classify a possible ``sendRequest`` path.

    Returns (kind, detail): ``("conference", name)``, ``("participant", name)``,
    ``("no-uuid", name)`` (a participant request whose uuid is not built at run time),
    ``("unknown", None)`` or ``("dynamic", None)`` when too little is known to judge.
    """
    if not path or path.startswith(DYN):
        return "dynamic", None
    p = path.split("?", 1)[0]
    if not p.startswith("/"):
        p = "/" + p
    segs = p.split("/")[1:]
    if len(segs) == 1:
        name = segs[0]
        if DYN in name:
            return "dynamic", None
        return ("conference", name) if name in CONFERENCE_REQUESTS else ("unknown", None)
    if segs[0] != "participants":
        return ("dynamic", None) if DYN in segs[0] else ("unknown", None)
    if len(segs) == 2:
        if DYN in segs[1]:
            return "dynamic", None
        return ("no-uuid", segs[1]) if segs[1] in PARTICIPANT_REQUESTS else ("unknown", None)
    if len(segs) != 3:
        return ("dynamic", None) if DYN in p else ("unknown", None)
    uuid, name = segs[1], segs[2]
    if DYN in name:
        return "dynamic", None
    if name not in PARTICIPANT_REQUESTS:
        return "unknown", None
    if DYN not in uuid:
        return "no-uuid", name
    return "participant", name
