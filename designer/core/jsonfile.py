"""JSON documents that remember exactly how they were written.

Why: plugin packages are hand-written and then uploaded by administrators who diff them.
Re-serialising with ``json.dumps`` would reorder nothing but still rewrite indentation, line
endings, number spelling (``1.0`` -> ``1``), escapes and the final newline of every file we
touch. Instead a :class:`JsonDocument` keeps the original text plus the character span of
every value (addressed by JSON pointer) and applies each change as a small textual splice.
An untouched document saves byte for byte; an edited one differs only where the value did.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Mapping
from json.decoder import scanstring
from typing import Any, NamedTuple

from .lineends import line_col

__all__ = [
    "JsonDocument",
    "JsonSyntaxError",
    "Span",
    "escape_pointer",
    "repair_slips",
    "find_slip",
    "Slip",
    "SLIP_MESSAGES",
    "join_pointer",
    "split_pointer",
    "same_json",
]

# Compiled (and cached by re) on first use: only the span scan needs it, and a clean check never scans.
_NUMBER = r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?"
_WS = " \t\n\r"

# A Windows path pasted into a text ("C:\\plugins"): the decoder's "Invalid \\escape" named nothing
# a person pasting a path would recognise.
_BACKSLASH = "a backslash in a text must be written \\\\ in JSON (C:\\\\plugins, not C:\\plugins)"
# JavaScript's \' in a text ("Don\'t"), pasted from a script: the apostrophe was meant, not a backslash.
_APOSTROPHE = "an apostrophe needs no backslash in JSON: write it alone (Don't, not Don\\'t)"
# A line break in a text: mostly a closing quote forgotten at the end of the line.
_LINE_BREAK = (
    "a text value is not closed with a double quote before the end of this line "
    "(a line break inside a text is written \\n)"
)

# Said too when the decoder stopped just after a double quote that could be one typed inside a
# text ("Press "1""): then no repair is offered (see _typed_quote_before), and this is the other reading.
_QUOTE_HINT = '; or, if the double quote before it is part of the text, write it as \\" (Press \\"1\\", not Press "1")'
_QUOTE_STOPS = ("Expecting ',' delimiter", "Expecting ':' delimiter", "Expecting value", "Expecting property name")
# JavaScript's \x41 (a character by its code), which JSON does not have; or a path (C:\xampp).
# (This and the other patterns of this module are strings, compiled (and cached by re) on first use:
# they serve the repairs of broken files and the edits, which a clean `check` never makes; compiling
# them cost every run about 1.5 ms.)
_JS_HEX = r"\\x([0-9A-Fa-f]{2})"

# Plain-language explanations of the stdlib decoder's messages, for people who do not write JSON.
_PLAIN_MESSAGES = {
    "Expecting ',' delimiter": "a comma is missing here, or a quote or bracket before it is not closed",
    "Expecting ':' delimiter": "a colon ':' is missing between a name and its value",
    "Expecting property name enclosed in double quotes": (
        "a name in double quotes was expected here; a comma after the last entry is not allowed in JSON"
    ),
    "Expecting value": "a value was expected here (text in double quotes, a number, true, false, null, [ or {)",
    "Extra data": "there is more text after the end of the JSON content",
    "Unterminated string starting at": "a text value is not closed with a double quote",
    "Invalid control character at": "a text value contains a raw line break or tab; write it as \\n or \\t",
    "Invalid \\escape": _BACKSLASH,
    "Invalid \\uXXXX escape": "a \\u escape needs four hexadecimal digits (such as \\u00e9)",
    "Unexpected UTF-8 BOM": "the file starts with an invisible byte-order mark",
}


class JsonSyntaxError(ValueError):
    """The text is not JSON. ``line``/``column`` are 1-based and point at the first bad character."""

    def __init__(self, message: str, line: int, column: int, detail: str = "") -> None:
        super().__init__(f"{message} (line {line}, column {column})")
        self.message = message
        self.line = line
        self.column = column
        self.detail = detail


class Span(NamedTuple):
    """Where one value sits in the text: ``[start, end)`` character offsets.

    ``key_start`` is the offset of the member's name when the value is an object member, so a
    removal can take the name with it and a problem about a key can point at the key.
    (A named tuple, immutable like the frozen dataclass it was, made in a quarter of the time
    at each import by ``check``.)
    """

    start: int
    end: int
    key_start: int | None = None


def escape_pointer(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def join_pointer(base: str, *tokens: str | int) -> str:
    return base + "".join("/" + escape_pointer(str(t)) for t in tokens)


def split_pointer(pointer: str) -> list[str]:
    if not pointer:
        return []
    return [t.replace("~1", "/").replace("~0", "~") for t in pointer[1:].split("/")]


def _same_shape(old: Any, new: Any) -> bool:
    """Whether ``new`` is ``old`` edited (values changed, keys added after or removed, the keys
    both have in the same order): then it is patched in place. Another element (an item brought
    back by undo, after a save wrote another in its place) is written whole, in its own key order,
    not in the order of the one it replaces.

    Why added keys count as an edit: switching off a plugin whose entry had no ``enabled``, or
    labelling an item that had no ``label``, wrote the whole entry anew in the designer's layout
    (a one-line entry spread over five lines) where one member was added.
    """
    if isinstance(old, dict) and isinstance(new, dict):
        kept = [k for k in old if k in new]
        return bool(kept) and kept == [k for k in new if k in old] and list(new)[: len(kept)] == kept
    return type(old) is type(new)


def same_json(a: Any, b: Any) -> bool:
    """Equality that tells ``true`` from ``1`` and ``1`` from ``1.0``, as the text does.

    A value is the same as itself without a look inside. Why: the export compares each package
    file's text with the model's version of it, whose unedited parts are the very objects read
    from the file, and went through every menu item of every plugin to find them equal. (No
    value read from a file is NaN, the one that is not equal to itself: the reading refuses it.)
    """
    if a is b:
        return True
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same_json(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same_json(x, y) for x, y in zip(a, b, strict=False))
    return a == b


class _Scan:
    """State of one span scan (a plain class: a dataclass costs import time on every `check`)."""

    __slots__ = ("text", "spans", "duplicates", "dead", "order")

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans: dict[str, Span] = {}
        self.duplicates: list[tuple[str, int]] = []
        self.dead: list[tuple[str, int]] = []  # (pointer, offset of the name) of each occurrence a later one overrides
        self.order: list[str] = []  # each pointer as its span was recorded (see _scan_value)


def _skip_ws(text: str, i: int) -> int:
    n = len(text)
    while i < n and text[i] in _WS:
        i += 1
    return i


def _scan_value(s: _Scan, i: int, pointer: str, key_start: int | None) -> int:
    """Record the span of the value starting at ``i`` (already known to be valid JSON)."""
    text = s.text
    c = text[i]
    start = i
    if c == "{":
        i = _skip_ws(text, i + 1)
        # name -> where its latest occurrence starts, and which of s.order its value recorded
        seen: dict[str, tuple[int, int, int]] = {}
        if text[i] == "}":
            i += 1
        else:
            while True:
                kstart = i
                key, i = scanstring(text, i + 1)
                i = _skip_ws(text, i)
                i = _skip_ws(text, i + 1)  # the ':'
                child = join_pointer(pointer, key)
                if key in seen:
                    earlier, begin, end = seen[key]
                    s.duplicates.append((child, kstart))
                    s.dead.append((child, earlier))
                    # Only the last occurrence counts (as with json.loads): the spans inside the
                    # earlier, dead one must go, or an edit of a member the live value lacks would
                    # be spliced into the dead copy and lost on reload. Those its value recorded,
                    # not every span looked through: a file of 5,000 names and 5,000 duplicates
                    # took 2 s to open, and as long after each edit.
                    dead = child + "/"
                    for stale in s.order[begin:end]:
                        if stale.startswith(dead):
                            s.spans.pop(stale, None)
                begin = len(s.order)
                i = _scan_value(s, i, child, kstart)
                seen[key] = (kstart, begin, len(s.order))
                i = _skip_ws(text, i)
                if text[i] == ",":
                    i = _skip_ws(text, i + 1)
                    continue
                i += 1  # '}'
                break
    elif c == "[":
        i = _skip_ws(text, i + 1)
        if text[i] == "]":
            i += 1
        else:
            index = 0
            while True:
                i = _scan_value(s, i, join_pointer(pointer, index), None)
                index += 1
                i = _skip_ws(text, i)
                if text[i] == ",":
                    i = _skip_ws(text, i + 1)
                    continue
                i += 1
                break
    elif c == '"':
        _, i = scanstring(text, i + 1)
    elif text.startswith("true", i):
        i += 4
    elif text.startswith("false", i):
        i += 5
    elif text.startswith("null", i):
        i += 4
    else:
        m = re.compile(_NUMBER).match(text, i)
        if m is None:  # NaN / Infinity, which Python's json accepts
            m = re.compile(r"-?(?:Infinity|NaN)").match(text, i)
        assert m is not None
        i = m.end()
    # For duplicate keys the last one wins, as with json.loads.
    s.spans[pointer] = Span(start, i, key_start)
    s.order.append(pointer)
    return i


# How many lists and objects inside one another a document may have (a branding file has a few).
_DEEPEST = 100


class _TooDeep(RecursionError):
    """A document nested deeper than :data:`_DEEPEST`: a RecursionError, so every reader that
    takes the decoder's own RecursionError for "nested too deeply" takes this one the same way."""


def _deeper_than(data: Any, limit: int) -> bool:
    """Whether lists and objects lie more than ``limit`` inside one another in ``data``: one level
    at a time, with no recursion (a 16 MB settings.json: 60 ms, a seventh of its decoding)."""
    level = [data] if isinstance(data, (dict, list)) else []
    for _ in range(limit):
        if not level:
            return False
        level = [
            v
            for value in level
            for v in (value.values() if isinstance(value, dict) else value)
            if isinstance(v, (dict, list))
        ]
    return bool(level)


def _too_deep_at(text: str, limit: int) -> int:
    """The offset of the first bracket more than ``limit`` inside others in ``text`` (0: none)."""
    depth = 0
    in_string = escaped = False
    for i, c in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif c == "\\":
                escaped = True
            elif c == '"':
                in_string = False
        elif c == '"':
            in_string = True
        elif c in "[{":
            depth += 1
            if depth > limit:
                return i
        elif c in "]}":
            depth -= 1
    return 0


def _decode(text: str) -> tuple[Any, bool]:
    """The value of JSON ``text`` as :class:`JsonDocument` reads it, and whether an object in it
    has a name twice. Raises as :func:`json.loads` does, and :class:`_NotJson`; RecursionError
    (:class:`_TooDeep`) for one nested more than :data:`_DEEPEST` deep.

    Why a fixed depth: json.loads gives up at Python's recursion limit less the calls already
    under way, and the designer's own walks through a value (comparing, finding positions,
    describing changes) call themselves once or twice per level. A file nested 600 levels deep
    passed `check` and then ended `export` in a RecursionError traceback; one 980 deep loaded
    or not depending on how deep in the program it was read (the command line, the window).
    """
    found_duplicate = False

    def pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal found_duplicate
        obj = dict(pairs)  # what json.loads builds itself: the last duplicate wins, first position kept
        if len(obj) != len(pairs):
            found_duplicate = True
        return obj

    data = json.loads(
        text,
        object_pairs_hook=pairs_hook,
        parse_constant=_refuse_constant,
        parse_float=_finite_float,
        parse_int=_finite_int,
    )
    if text.count("[") + text.count("{") > _DEEPEST and _deeper_than(data, _DEEPEST):
        raise _TooDeep
    return data, found_duplicate


# A list or object that ends in a comma (the last plugin copied with its comma): the decoder wants
# another value or name, which sent people looking for a missing one (see JsonDocument._load).
_TRAILING_COMMA = "a comma after the last entry is not allowed in JSON; remove this comma"
_COMMENT_MESSAGE = "JSON does not allow comments (// or /* */); remove the comment"
_CURLY_DOUBLE = "\u201c\u201d\u201e"  # “ ” „
_CURLY_SINGLE = "\u2018\u2019\u201a"  # ‘ ’ ‚
_CURLY_MESSAGE = (
    'curly quotes (“ ” or ‘ ’, as Word and Outlook type them) are not allowed in JSON; use straight double quotes (")'
)


def _plain(msg: str, text: str = "", pos: int = -1) -> str:
    """The decoder's message in plain words; ``text[pos]`` (where it stopped) can say more.

    What people paste into JSON from JavaScript is the common case: a comment, a name or text
    in single quotes, a name without quotes. The decoder's own message for each ("a name in
    double quotes was expected") sends them looking for a comma.
    """
    here = text[pos : pos + 2] if 0 <= pos < len(text) else ""
    if here in ("//", "/*"):
        return _COMMENT_MESSAGE
    if here[:1] == "'":
        return "JSON needs double quotes around names and text, not single quotes"
    if here[:1] and here[:1] in _CURLY_DOUBLE + _CURLY_SINGLE:
        return _CURLY_MESSAGE
    first = here[:1]
    if first and (first.isalpha() or first in "_$"):
        if msg.startswith("Expecting property name"):
            return "a name must be in double quotes in JSON"
        if msg.startswith("Expecting value"):
            return "text must be in double quotes in JSON (only true, false and null go without)"
    if pos == len(text) and msg.startswith(_QUOTE_STOPS):
        # Nothing after where the decoder stopped: the file was cut short (a download or a copy
        # that stopped) or is empty. Its words for the next character sent people looking for a
        # typo, or a comma that was not there.
        if not text.strip():
            return "the file is empty: it holds no JSON at all"
        return "the file stops before the closing brackets (} or ]) of what it opened"
    if msg.startswith("Invalid control character") and first in ("\n", "\r"):
        return _LINE_BREAK
    if msg.startswith("Invalid \\escape") and here == "\\'":
        return _APOSTROPHE
    hex_code = re.compile(_JS_HEX).match(text, pos) if msg.startswith("Invalid \\escape") else None
    if hex_code is not None:
        return _hex_message(hex_code.group(), chr(int(hex_code.group(1), 16)))
    if msg.startswith("Invalid control character") and first not in ("\t", ""):
        # (NUL, ESC and the like: invisible in most editors, so the code point is named.)
        return f"a text value contains an invisible control character (U+{ord(first):04X}); remove it"
    for prefix, plain in _PLAIN_MESSAGES.items():
        if msg.startswith(prefix):
            return plain
    return msg


def _hex_message(code: str, char: str) -> str:
    """Both readings of a ``\\x41`` in a text: a path's backslash (``C:\\xampp``) or JavaScript's
    code of a character, which JSON writes as the character itself or as ``\\u0041``."""
    spelt = f"\\u{ord(char):04x}"
    written = f"the character itself ({char}) or {spelt}" if char.isprintable() and char != " " else spelt
    return f"{_BACKSLASH}; or, if {code} is JavaScript's code for a character, JSON has no \\x codes: write {written}"


def _start_of_line(text: str, pos: int) -> int:
    """Where the line holding ``pos`` starts (after a LF, a CR or a CRLF).

    Why the CR is looked for after the LF only: in a file without CRs (most), looking from the
    start read the whole text back for every value, and a save or an autosave of a big
    settings.json (thousands of values) took minutes, the window frozen meanwhile.
    """
    lf = text.rfind("\n", 0, pos)
    return max(lf, text.rfind("\r", lf + 1, pos)) + 1


def _trailing_comma(text: str, exc: json.JSONDecodeError) -> int | None:
    """Where the comma is when ``exc`` stopped at a ``]`` or ``}`` that a comma comes right
    before (blanks between them allowed); None for any other mistake.

    Why so narrow: the fix removes one byte the user did not point at, so it must be certain
    the comma is the whole mistake. ``[1,}`` (a bracket that does not match), ``{"a":1,]``, a
    comment after the comma (the decoder stops at the ``/``) and two commas in a row are not.
    """
    pos = exc.pos
    closer = text[pos : pos + 1]
    wanted = {"]": "Expecting value", "}": "Expecting property name"}.get(closer)
    if wanted is None or not exc.msg.startswith(wanted):
        return None
    comma = len(text[:pos].rstrip(_WS)) - 1
    if comma < 0 or text[comma] != "," or _comma_in_text(text, comma, pos):
        return None
    return comma


def _unescaped_quotes(text: str, start: int, stop: int) -> list[int]:
    """The offsets of the double quotes in ``text[start:stop]`` that no backslash escapes."""
    found, i = [], start
    while (i := text.find('"', i, stop)) >= 0:
        first = i
        while first > start and text[first - 1] == "\\":
            first -= 1
        if (i - first) % 2 == 0:
            found.append(i)
        i += 1
    return found


def _comma_in_text(text: str, comma: int, closer: int) -> bool:
    """Whether the comma before the bracket at ``closer`` could be inside a text cut short by a
    double quote typed in it (["",1,]"] is the text ,1,] with a double quote after its first
    character): two double quotes before it on its line (the text's opening one and the typed
    one), and the first after the bracket, on the same line, could end the text."""
    line_start = _start_of_line(text, comma)
    if len(_unescaped_quotes(text, line_start, comma)) < 2:
        return False
    brk = re.compile(_LINE_BREAK_CHARS).search(text, closer)
    after = _unescaped_quotes(text, closer, brk.start() if brk is not None else len(text))
    if not after or re.compile(_LINE_BREAK_CHARS).search(text, comma, closer):
        return False
    end = re.compile(_BLANKS).match(text, after[0] + 1).end()
    return end == len(text) or text[end] in _VALUE_ENDS


TRAILING_COMMA = "remove-trailing-comma"
MISSING_COMMA = "add-missing-comma"
SINGLE_QUOTES = "use-double-quotes"
CURLY_QUOTES = "straighten-quotes"
COMMENTS = "remove-comments"
BARE_NAMES = "quote-names"
CAPITALS = "lowercase-constants"
BACKSLASHES = "double-backslashes"
MISSING_COLON = "add-missing-colon"
CONTROLS = "escape-tabs-and-line-breaks"
MISSING_CLOSER = "add-missing-bracket"

# What each slip's PD100 says when its Fix is offered (the decoder's own words sent people
# looking in the wrong place), said at the slip: the comma to remove, where a comma is missing.
SLIP_MESSAGES = {
    TRAILING_COMMA: _TRAILING_COMMA,
    MISSING_COMMA: "a comma is missing between two entries; add a comma here",
    SINGLE_QUOTES: "JSON needs double quotes around names and text, not single quotes",
    CURLY_QUOTES: _CURLY_MESSAGE,
    COMMENTS: _COMMENT_MESSAGE,
    BARE_NAMES: "a name must be in double quotes in JSON",
    CAPITALS: "JSON writes true, false and null in small letters (not True, False or None)",
    BACKSLASHES: _BACKSLASH + "; double this backslash",
    MISSING_COLON: "a colon ':' is missing between a name and its value; add a colon here",
    CONTROLS: "a text value has a tab or a line break typed into it; JSON writes them as \\t and \\n",
    MISSING_CLOSER: "the file stops before its last closing bracket (} or ]); add it here, at the end",
}

# Where the next entry may start after a missing comma: a value, a name in quotes of any kind
# or none (the repairs after it make those right, or the Fix is not offered at all).
_ENTRY_START = r"""["'{\[\-0-9\u2018\u2019\u201a\u201c\u201d\u201eA-Za-z_$]"""


class Slip(NamedTuple):
    """One slip the decoder stopped at and its repair: ``text[start:end]`` becomes ``new``;
    ``at`` is where to point (the comma to remove, the place a comma is missing)."""

    kind: str
    at: int
    start: int
    end: int
    new: str


def _missing_comma(text: str, exc: json.JSONDecodeError) -> Slip | None:
    """Two entries with no comma between them (``"a": 1`` then ``"b": 2``, or ``}`` then ``{``
    between two plugins): the decoder has read a whole value and stops at the next entry."""
    if not exc.msg.startswith("Expecting ',' delimiter") or not re.compile(_ENTRY_START).match(text, exc.pos):
        return None
    end = len(text[: exc.pos].rstrip(_WS))  # just after the value before
    # A text after a blank that ends its entry ("web" "electron") is the next entry: for the
    # quote before it to be inside a text, that text would need a second one looking like an end.
    if _typed_quote_before(text, exc) and not (
        text[exc.pos] == '"' and exc.pos > end and _ends_entry(text, exc.pos, entry=True)
    ):
        return None
    return Slip(MISSING_COMMA, end, end, end, ",")


# What may follow the closing quote of a text value (blanks before it): the next entry, the end
# of its list or object, the end of its line; and of a name: its colon.
_VALUE_ENDS = ",]}\r\n"
_NAME_ENDS = ":"
# A double quote (not escaped), a comma or a colon, then an opening quote: what separates entries
# (see _quote_inside).
_BETWEEN_ENTRIES = r"""(?<!\\)"[ \t]*[,:][ \t]*["\u201c\u201e\u201a\u2018']"""
# The rest of a text on its line up to a double quote no backslash escapes. Atomic, as a
# lookahead that captures the run and a reference that takes it: on a line with no such quote, the
# expression gave back one character at a time to try again, and a 40 KB line of single-quoted
# entries (a repair asks at each one) took ten seconds to open. (Not possessive quantifiers, *+ and
# ++: Python 3.10, which the package supports, has none, and re.compile raised "multiple repeat".)
_TO_QUOTE_ON_LINE = r'(?=((?:[^"\\\r\n]+|\\[^\r\n])*))\1"'


def _quote_inside(text: str, quote: int, pos: int, ends: str) -> bool:
    """Whether the double quote at ``quote``, which the decoder took as the end of a text (or a
    name), could as well be a double quote typed inside it (``"Press "1""``): there is one more
    double quote later on its line, after ``pos``, that could end it (only blanks, then one of
    ``ends``, the end of the line or of the file after it).

    Why: the repairs after such a quote (a comma or a colon added after it, the rest of the text
    read as values) made one text two entries, or another text, and the file then read."""
    if text[quote : quote + 1] != '"':
        return False
    i = quote + 1
    while (m := re.compile(_TO_QUOTE_ON_LINE).match(text, i)) is not None:
        i = m.end()
        if i <= pos:
            continue
        if any(_whole_entry_at(text, m.end() - 1) for m in re.compile(_BETWEEN_ENTRIES).finditer(text, quote, i)):
            # A quote, a comma or colon, a quote ("web", “electron”, "ios"): entries of a one-line
            # list or object, not one text with quotes typed in it (no such Fix was offered then).
            return False
        after = re.compile(_BLANKS).match(text, i).end()
        if after == len(text) or text[after] in ends:
            return True
    return False


def _whole_entry_at(text: str, start: int) -> bool:
    """Whether the quote at ``start`` opens a whole name or text that ends its entry (only blanks,
    then a comma, colon, closing bracket or the line's end after its closing quote).

    Why: '"",\'\'“"' (the text ,''“ with a double quote typed after its first character) has a
    quote, a comma and a quote in it, yet '' is followed by “, not by what follows an entry; taken
    as entries, the single quotes, a colon and the curly quote were all "repaired" into a second
    entry (hypothesis found it)."""
    opening = text[start]
    closers = '\u201c\u201d"' if opening in _CURLY_DOUBLE + '"' else "\u2018\u2019'"
    found = _closing(text, start, closers)
    if found is None:
        return False
    after = re.compile(_BLANKS).match(text, found[0] + 1).end()
    return after == len(text) or text[after] in _VALUE_ENDS + _NAME_ENDS


def _typed_quote_before(text: str, exc: json.JSONDecodeError) -> bool:
    """Whether the double quote just before where the decoder stopped (blanks and at most one
    comma or colon between, on the same line) could be one typed inside a text or a name (see
    :func:`_quote_inside`). The decoder took it as the end of the text,
    and read what the person wrote after it as the next entry, a name's value or the bracket
    after a last comma: every repair from there on is a guess."""
    i = exc.pos
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    sep = text[i - 1 : i] if text[i - 1 : i] in (",", ":") else ""
    if sep:
        i -= 1
        while i > 0 and text[i - 1] in " \t":
            i -= 1
    quote = i - 1
    if quote < 0 or text[quote] != '"':
        return False
    # After a colon, or where a colon was wanted, the quote ended a name: the longer name
    # would end before its colon; anywhere else it ended a text value.
    name = sep == ":" or (not sep and exc.msg.startswith("Expecting ':' delimiter"))
    return _quote_inside(text, quote, exc.pos, _NAME_ENDS if name else _VALUE_ENDS)


_READ_VALUE = json.JSONDecoder(parse_constant=lambda _: None).raw_decode


def _ends_entry(text: str, pos: int, entry: bool) -> bool:
    """Whether a whole value (``entry``: or a name, its colon and a value) starts at ``pos`` and
    ends its entry on its line: only blanks, then a comma, a closing bracket or the line's end.
    Then what follows a text cannot be the rest of it (a second quote inside it would have to
    look like the end of an entry too)."""
    try:
        value, end = _READ_VALUE(text, pos)
        colon = re.compile(_BLANKS).match(text, end).end()
        if entry and isinstance(value, str) and text[colon : colon + 1] == ":":
            value, end = _READ_VALUE(text, _skip_ws(text, colon + 1))
    except (ValueError, RecursionError):
        return False
    after = re.compile(_BLANKS).match(text, end).end()
    return after == len(text) or text[after] in _VALUE_ENDS


def _closing(text: str, start: int, closers: str) -> tuple[int, str] | None:
    """Where the quoted text opened at ``start`` ends (the offset of its closing quote, the first
    of ``closers`` not escaped with a backslash, on the same line), and its body as JSON writes
    it inside double quotes: a double quote escaped, a JavaScript ``\\'`` as a plain ``'``.
    None when the line ends first (where it was meant to end is a guess)."""
    out: list[str] = []
    i, n = start + 1, len(text)
    while i < n:
        c = text[i]
        if c in closers:
            return i, "".join(out)
        if c in "\r\n":
            return None
        if c == "\\":
            if i + 1 >= n:
                return None
            out.append("'" if text[i + 1] == "'" else text[i : i + 2])
            i += 2
            continue
        out.append('\\"' if c == '"' else c)
        i += 1
    return None


def _single_quotes(text: str, exc: json.JSONDecodeError) -> Slip | None:
    """A name or a text in single quotes, as JavaScript writes them (``'id': 'x'``): the same in
    double quotes, a double quote inside escaped. (``'it's'`` ends at the apostrophe: what is
    left after it does not read, so no Fix is offered.)"""
    pos = exc.pos
    if text[pos : pos + 1] != "'" or not exc.msg.startswith(("Expecting property name", "Expecting value")):
        return None
    found = _closing(text, pos, "'")
    if found is None or _typed_quote_before(text, exc):
        return None
    end, body = found
    return Slip(SINGLE_QUOTES, pos, pos, end + 1, f'"{body}"')


def _curly_quotes(text: str, exc: json.JSONDecodeError) -> Slip | None:
    """A name or a text in typographic quotes (“id”: “x”), as Word and Outlook turn the quotes of
    a file copied through them: the same in straight double quotes. Only where a name or a value
    starts: inside a text, curly quotes are the author's and stay."""
    pos = exc.pos
    opening = text[pos : pos + 1]
    if not opening or opening not in _CURLY_DOUBLE + _CURLY_SINGLE:
        return None
    if not exc.msg.startswith(("Expecting property name", "Expecting value")):
        return None
    found = _closing(text, pos, '\u201c\u201d"' if opening in _CURLY_DOUBLE else "\u2018\u2019'")
    if found is None or _typed_quote_before(text, exc):
        return None
    end, body = found
    # Closed by a straight quote ("“x""), after a straight one on its line: the straight one after
    # “ may be the end of a text cut short by a double quote typed inside it (["",[“"] was the
    # text ,[“ with a double quote after its first character); so when it could end that text
    # (a name: its colon after it), as the closing quote of a text after a colon cannot.
    # The same when the curly text is closed by a curly quote and a straight one follows later
    # on the line ('{"name": "",‚‘“"}' is the text ,‚‘“ with a double quote typed after its first
    # character; ‚‘ read as a name, a colon added and “" straightened made a second entry).
    line_start = _start_of_line(text, pos)
    before = _unescaped_quotes(text, line_start, pos)
    if before:
        line_end = text.find("\n", pos)
        later = _unescaped_quotes(text, pos, len(text) if line_end < 0 else line_end)
        if later:  # (``end`` itself when the closing quote is a straight one)
            name = text[before[-1] + 1 : pos].strip(_WS).startswith(":")
            after = re.compile(_BLANKS).match(text, later[0] + 1).end()
            if after == len(text) or text[after] in (_NAME_ENDS if name else _VALUE_ENDS):
                return None
    return Slip(CURLY_QUOTES, pos, pos, end + 1, f'"{body}"')


def _comment(text: str, exc: json.JSONDecodeError) -> Slip | None:
    """A ``//`` or ``/* */`` comment, as JavaScript (and many a sample) has them: it goes. A line
    that held only the comment goes whole, with its line end; after an entry, the comment goes
    with the blanks before it; before one, with the blanks after it. So the file reads as if
    the comment had never been written, and nothing else moves."""
    pos, n = exc.pos, len(text)
    if text.startswith("//", pos):
        end = pos + 2
        while end < n and text[end] not in "\r\n":
            end += 1
    elif text.startswith("/*", pos):
        end = text.find("*/", pos + 2) + 2
        if end < 2:
            return None  # never closed: where it was meant to end is a guess
    else:
        return None
    line_start = _start_of_line(text, pos)
    line_end = end
    while line_end < n and text[line_end] in " \t":
        line_end += 1
    ends_line = line_end >= n or text[line_end] in "\r\n"
    if not ends_line:
        return Slip(COMMENTS, pos, pos, line_end, "")
    start = pos
    while start > line_start and text[start - 1] in " \t":
        start -= 1
    if start > line_start:
        return Slip(COMMENTS, pos, start, line_end, "")
    stop = line_end + (2 if text.startswith("\r\n", line_end) else 1 if line_end < n else 0)
    return Slip(COMMENTS, pos, line_start, stop, "")


_BARE_NAME = r"[A-Za-z_$][A-Za-z0-9_$]*(?=[ \t]*:)"


def _bare_name(text: str, exc: json.JSONDecodeError) -> Slip | None:
    """A name without quotes, as JavaScript allows (``id: "x"``): the same name in double quotes.
    Only a plain name followed by its colon: anything else there is more than missing quotes."""
    if not exc.msg.startswith("Expecting property name"):
        return None
    m = re.compile(_BARE_NAME).match(text, exc.pos)
    if m is None:
        return None
    return Slip(BARE_NAMES, exc.pos, exc.pos, m.end(), f'"{m.group()}"')


_CONSTANTS = {"True": "true", "TRUE": "true", "False": "false", "FALSE": "false"}
_CONSTANTS.update(dict.fromkeys(("None", "Null", "NULL"), "null"))
_CAPITAL_WORD = r"(?:True|TRUE|False|FALSE|None|Null|NULL)(?![A-Za-z0-9_$])"


def _capital_constant(text: str, exc: json.JSONDecodeError) -> Slip | None:
    """``True``, ``False`` or ``None`` (as Python writes them, or in capitals) where a value goes:
    the JSON word in small letters. JSON has no other word it could mean."""
    if not exc.msg.startswith("Expecting value"):
        return None
    m = re.compile(_CAPITAL_WORD).match(text, exc.pos)
    if m is None:
        return None
    return Slip(CAPITALS, exc.pos, exc.pos, m.end(), _CONSTANTS[m.group()])


def _missing_colon(text: str, exc: json.JSONDecodeError) -> Slip | None:
    """A name and its value with no colon between them (``"id" "x"``): the colon goes right
    after the name. Only when the value starts on the name's line: a name with a line break
    after it has lost more than its colon (its value and comma, most likely)."""
    pos = exc.pos
    if not exc.msg.startswith("Expecting ':' delimiter") or not re.compile(_ENTRY_START).match(text, pos):
        return None
    end = pos
    while end > 0 and text[end - 1] in " \t":
        end -= 1
    if text[end - 1 : end] != '"':
        return None
    # A number or a text there must end its entry on the line: after a double quote inside a
    # name ("say "1"": 1) it does not, and a colon, then a comma, made two entries of one name.
    value = re.compile(_SCALAR).match(text, pos)
    if value is not None and not re.compile(_SCALAR_END).match(text, value.end()):
        return None
    # Any other value too, when the name could go on to a later double quote and its colon
    # ("a "true": 1, "a "“b”": 1): the curly quotes and commas repaired after it split the name.
    if _typed_quote_before(text, exc) and not _ends_entry(text, pos, entry=False):
        return None
    return Slip(MISSING_COLON, end, end, end, ":")


_SCALAR = _NUMBER + r'|"(?:[^"\\\r\n]|\\.)*"'
_SCALAR_END = r"[ \t]*(?:[,}\r\n]|$)"


def _string_start(text: str, pos: int) -> int:
    """Where the text value that ``pos`` is inside opens: the decoder read everything before
    ``pos``, so it is the last double quote before it that no backslash escapes (a quote after
    an odd number of backslashes is escaped)."""
    i = pos
    while True:
        quote = text.rfind('"', 0, i)
        first = quote
        while first > 0 and text[first - 1] == "\\":
            first -= 1
        if quote < 0 or (quote - first) % 2 == 0:
            return quote
        i = first


# A text's body up to its closing quote or the end of its line; a backslash and what it escapes.
_BODY = r'(?:[^"\\\r\n]|\\.)*'
_ESCAPED = r"(?s)\\(.)"
# The rest of a text up to its closing quote, across lines.
_TO_QUOTE = r'(?s)(?=((?:[^"\\]+|\\.)*))\1"'  # (atomic: see _TO_QUOTE_ON_LINE)


# Up to the first \b, \f, \n, \r or \t of a text, each backslash paired with what it escapes.
_TO_LETTER_ESCAPE = r"(?s)(?=((?:[^\\]+|\\[^bfnrt])*))\1\\[bfnrt]"  # (atomic: see _TO_QUOTE_ON_LINE)


def _has_letter_escape(body: str) -> bool:
    """Whether ``body`` (of a text) has ``\\b``, ``\\f``, ``\\n``, ``\\r`` or ``\\t``: in a Windows
    path (``C:\\new``) they are backslashes too, but they read, so whether they were meant is a guess.

    One regular expression, not a loop over the escapes: repair_slips asks it once per backslash
    repaired, and a line of 5,000 bad escapes (``"\\u\\u\\u...``) took 7 s to open, bigger ones minutes."""
    return re.compile(_TO_LETTER_ESCAPE).match(body) is not None


def _bad_escape(text: str, exc: json.JSONDecodeError) -> Slip | None:
    """A backslash that starts no JSON escape (``\\p``, ``\\d``, ``\\U``, ``\\x``, a ``\\u`` with
    no hexadecimal digit after it), as a Windows path pasted in writes them (``C:\\plugins``):
    doubled, it is the backslash the person typed. Valid escapes stay, and a text that also has
    one of ``\\n``, ``\\t``, ... gets no Fix (see :func:`_has_letter_escape`)."""
    pos = exc.pos
    if exc.msg.startswith("Invalid \\escape"):
        if text[pos + 1 : pos + 2] == "'":
            return None  # JavaScript's \' ("Don\'t"): doubled, the text would show the backslash
        at = pos
    elif exc.msg.startswith("Invalid \\uXXXX escape") and text[pos - 1 : pos + 1] == "\\u":
        if text[pos + 1 : pos + 2] in tuple("0123456789abcdefABCDEF"):
            return None  # a \u escape with a digit missing: which one is a guess
        if text[pos + 1 : pos + 2] == "{":
            return None  # JavaScript's \u{1F600}: the character was meant, not a backslash
        at = pos - 1
    else:
        return None
    start = _string_start(text, at)
    if start < 0:
        return None
    body = re.compile(_BODY).match(text, start + 1).group()
    if _has_letter_escape(body):
        return None
    if re.compile(_JS_HEX).match(text, at) and not _clearly_path(body, at - start - 1):
        return None  # JavaScript's \x41 ("A") as much as a path's \x41: which one is a guess
    return Slip(BACKSLASHES, at, at, at + 1, "\\\\")


# A drive in a text ("C:\" or "C:\\"): a Windows path.
_DRIVE = r"[A-Za-z]:\\"


def _clearly_path(body: str, at: int) -> bool:
    """Whether the text ``body`` (as written between its quotes) is clearly a Windows path, so
    that its backslash at ``at`` is one and not JavaScript's ``\\x41``: it has a drive (``C:\\``)
    or starts as a network share (``\\\\server``), or another backslash separates a folder
    (``htdocs\\plugins\\x41``: one before a name that no escape of JSON or JavaScript starts)."""
    if re.compile(_DRIVE).search(body) or body.startswith("\\\\"):
        return True
    for m in re.compile(_ESCAPED).finditer(body):
        c = m.group(1)
        if m.start() == at:
            continue
        if c == "\\":  # a backslash written as JSON wants it, before a folder's name
            if body[m.end() : m.end() + 1].isalnum():
                return True
            continue
        if (
            not (c.isalnum() or c in "_$.-")
            or c in "bfnrtu"
            or (c == "x" and re.compile(_JS_HEX).match(body, m.start()))
        ):
            continue
        return True
    return False


_LINE_REST = r"[ \t,}\]]*"


def _raw_in_string(text: str, exc: json.JSONDecodeError) -> Slip | None:
    """A text the decoder read to the end of its line (or of the file) without its closing quote.

    Either a tab or a line break typed inside a text: it becomes ``\\t`` or ``\\n`` when the text
    clearly goes on: after a line break, more than blanks before the next double quote, and that
    quote closes it (only blanks, then a comma, a bracket or the end of a line after it). Or a Windows path ending in a backslash (``"C:\\plugins\\",``):
    that backslash escapes the closing quote, and doubled, it is a backslash again; only when the
    text has another backslash (a path), no other escaped quote, and nothing but a comma or
    brackets after it on its line. When both could be meant, no Fix; a line break with neither
    is mostly a closing quote forgotten (where it goes is a guess: no Fix either).
    """
    msg, pos = exc.msg, exc.pos
    if msg.startswith("Unterminated string starting at"):
        start, stop, raw = pos, len(text), ""
    elif msg.startswith("Invalid control character at") and text[pos : pos + 1] in ("\t", "\r", "\n"):
        start, stop, raw = _string_start(text, pos), pos, text[pos]
    else:
        return None
    lone = None
    if raw != "\t" and start >= 0:
        body = text[start + 1 : stop]
        quote = body.rfind('"')
        if (
            quote > 0
            and body.count('"') == 1
            and "\\" in body[: quote - 1]
            and re.compile(_LINE_REST).fullmatch(body, quote + 1)
            and not _has_letter_escape(body)
        ):
            at = start + quote  # the backslash before the quote
            lone = Slip(BACKSLASHES, at, at, at + 1, "\\\\")
    typed = None
    close = re.compile(_TO_QUOTE).match(text, pos) if raw else None
    if close is not None and (raw == "\t" or text[pos : close.end() - 1].strip(_WS)):
        after = re.compile(_BLANKS).match(text, close.end()).end()
        if after == len(text) or text[after] in ",}]\r\n":
            end = pos + 2 if text.startswith("\r\n", pos) else pos + 1
            typed = Slip(CONTROLS, pos, pos, end, "\\t" if raw == "\t" else "\\n")
    if lone is not None and typed is not None:
        return None
    return lone or typed


_BRACKETS = r'(?s)"(?:[^"\\]|\\.)*"|[\[\]{}]'
_LINE_BREAK_CHARS = r"\r\n|\r|\n"


def _missing_closer(text: str, exc: json.JSONDecodeError) -> Slip | None:
    """The file stops before its last ``}`` or ``]`` (its last line deleted, or cut off): the
    bracket of the one object or list left open goes at the end, on a line of its own indented
    as its opening line when that spans lines. Only when exactly one is open: with two, which
    goes where is a guess."""
    if not exc.msg.startswith("Expecting ',' delimiter") or exc.pos != len(text):
        return None
    still_open: list[int] = []
    for m in re.compile(_BRACKETS).finditer(text):
        c = m.group()
        if c in ("{", "["):
            still_open.append(m.start())
        elif c in ("}", "]"):
            still_open.pop()
    if len(still_open) != 1:
        return None
    opener = still_open[0]
    closer = "}" if text[opener] == "{" else "]"
    last = len(text.rstrip(_WS))  # just after the last value
    if not re.compile(_LINE_BREAK_CHARS).search(text, opener, last):  # all on one line: the bracket right after it
        return Slip(MISSING_CLOSER, last, last, last, closer)
    line = _start_of_line(text, opener)
    indent = re.compile(_BLANKS).match(text, line).group()
    brk = re.compile(_LINE_BREAK_CHARS).search(text, last)
    if brk is not None:  # on the line after the last one, ending as that one does
        return Slip(MISSING_CLOSER, brk.end(), brk.end(), brk.end(), indent + closer + brk.group())
    nl = re.compile(_LINE_BREAK_CHARS).search(text, opener).group()
    return Slip(MISSING_CLOSER, last, last, last, nl + indent + closer)


# The finders of the slips other than a comma after the last entry, tried in turn.
_FINDERS = (
    _missing_comma,
    _single_quotes,
    _curly_quotes,
    _comment,
    _bare_name,
    _capital_constant,
    _missing_colon,
    _bad_escape,
    _raw_in_string,
    _missing_closer,
)


def find_slip(text: str, exc: json.JSONDecodeError) -> Slip | None:
    """The slip ``exc`` (the decoder's first mistake in ``text``) is, with its repair; None
    when it is none of the slips people make by hand (or its repair is not certain)."""
    comma = _trailing_comma(text, exc)
    if comma is not None:
        return Slip(TRAILING_COMMA, comma, comma, comma + 1, "")
    for finder in _FINDERS:
        slip = finder(text, exc)
        if slip is not None:
            return slip
    return None


def repair_slips(
    text: str, kind: str | None = None, budget: int = 30_000_000
) -> tuple[str, list[tuple[str, int]], JsonSyntaxError | None]:
    """``text`` with each slip (:func:`find_slip`) repaired, front to back, for as long as the
    first mistake the decoder meets is one (of ``kind`` when given); the (kind, offset in
    ``text`` without its byte-order mark) of each repaired, and the mistake left after them
    (None: the text now reads).

    Why the raw text: a file that cannot be read has no values to change. Every other byte
    (blanks, line ends, a byte-order mark) stays; nothing is changed unless it is certain.
    Why one at a time: each repair is only known to be right once the decoder has read
    everything before it, and one slip (an entry pasted with single quotes) hides the next.
    Why a ``budget`` (characters read, all attempts together): each repair reads the text
    again (up to the mistake, and the mistake's line) and copies it, so a large file with
    thousands of slips took seconds to open; past it the repairs
    stop, and the mistake left is the next slip (no Fix is offered for what was not read).
    """
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text[len(bom) :]
    done: list[tuple[str, int]] = []
    shift = 0  # how much longer the repairs so far made the text (they all lie before the next)
    spent = 0
    while spent < budget:
        try:
            _decode(body)
        except json.JSONDecodeError as exc:
            spent += exc.pos + 1  # (what the decoder read; each copy of the text costs far less)
            # and the mistake's line, which the finders read (a text's body is read to its end to
            # tell a path from escapes): one line of 20,000 pasted backslashes took minutes.
            line_end = body.find("\n", exc.pos)
            spent += (len(body) if line_end < 0 else line_end) - body.rfind("\n", 0, exc.pos)
            slip = find_slip(body, exc)
            if slip is not None and (kind is None or slip.kind == kind):
                done.append((slip.kind, slip.at - shift))
                body = body[: slip.start] + slip.new + body[slip.end :]
                # The repaired copy of the whole text counts too (a copy costs a small part of a
                # read): 80,000 comment lines at the top of a 0.9 MB file were each cut from a new
                # copy, the decoder reading just the first line each time, and took 20 seconds.
                spent += len(body) // 16
                shift += len(slip.new) - (slip.end - slip.start)
                continue
        except (_NotJson, RecursionError):
            pass
        else:
            return bom + body, done, None
        break
    try:
        JsonDocument(body)
    except JsonSyntaxError as left:
        return bom + body, done, left
    return bom + body, done, None  # (not reached: the decoder has just refused this text)


class _MovedSpans(Mapping[str, Span]):
    """The spans of a document after values were replaced one after another, each before the
    ones replaced already (as :meth:`JsonDocument.apply` goes through a list: from its end).

    Why: the spans after a replaced value move by the change in length; moving all of them at
    each change made saving a settings.json with thousands of changed entries take time in the
    square of its length. Here the spans as they were (``base``) stay, each change is noted
    (where its old value ended, and how much longer it made the text), and a span is moved by
    the changes before it when it is asked for. The spans of a new value (``fresh``) are where
    the text was when it was put in: only the changes made after it (all before it) move them.
    """

    def __init__(self, base: dict[str, Span]) -> None:
        self._base = base
        self._fresh: dict[str, tuple[int, Span]] = {}
        self._ends: list[int] = []  # minus where each replaced value ended (increasing: each is before the last)
        self._sums = [0]  # _sums[k]: the change in length of the first k replacements
        self._first = -1  # where the last replaced value starts; -1: none yet
        # Each object or array replaced whole -> the last replacement of it: the spans inside it
        # from before then are gone (looked up by a span's ancestors, not found by going
        # through every span, which each replaced entry of a long list did).
        self._gone: dict[str, int] = {}

    def before(self, sp: Span) -> bool:
        """Whether the value at ``sp`` lies before every value replaced so far."""
        return self._first < 0 or sp.end <= self._first

    def replace(self, pointer: str, sp: Span, length: int, new: dict[str, Span], container: bool) -> None:
        """The value at ``pointer`` (at ``sp``, before all replaced so far) is now ``length``
        characters long, with the spans ``new``; ``container``: the old one was an object or array."""
        self._base.pop(pointer, None)
        self._fresh.pop(pointer, None)
        when = len(self._ends)
        if container:  # (a string or a number has no spans inside)
            self._gone[pointer] = when
        for p, s in new.items():
            self._fresh[p] = (when, s)
        self._ends.append(-sp.end)
        self._sums.append(self._sums[-1] + length - (sp.end - sp.start))
        self._first = sp.start

    def _moved(self, offset: int) -> int:
        """Where ``offset`` of the text before the replacements is now (not inside one of them)."""
        return offset + self._sums[-1] - self._sums[bisect_left(self._ends, -offset)]

    def _there(self, pointer: str, when: int) -> bool:
        """Whether the span at ``pointer`` noted by replacement ``when`` (-1: one of ``base``) is
        still there: no object or array around it was replaced after it."""
        if not self._gone:
            return True
        gone = self._gone
        if gone.get("", -1) > when:
            return False
        at = pointer.find("/", 1)
        while at > 0:
            if gone.get(pointer[:at], -1) > when:
                return False
            at = pointer.find("/", at + 1)
        return True

    def _fresh_there(self, pointer: str) -> tuple[int, Span] | None:
        fresh = self._fresh.get(pointer)
        return fresh if fresh is not None and self._there(pointer, fresh[0]) else None

    def __getitem__(self, pointer: str) -> Span:
        fresh = self._fresh_there(pointer)
        if fresh is not None:
            when, s = fresh
            d = self._sums[-1] - self._sums[when + 1]
            return Span(s.start + d, s.end + d, s.key_start + d if s.key_start is not None else None)
        if not self._there(pointer, -1):
            raise KeyError(pointer)
        s = self._base[pointer]
        return Span(self._moved(s.start), self._moved(s.end), None if s.key_start is None else self._moved(s.key_start))

    def __contains__(self, pointer: object) -> bool:
        if not isinstance(pointer, str):
            return False
        return self._fresh_there(pointer) is not None or (pointer in self._base and self._there(pointer, -1))

    def __iter__(self) -> Iterator[str]:
        yield from (p for p in self._base if p not in self._fresh and self._there(p, -1))
        yield from (p for p, (when, _s) in self._fresh.items() if self._there(p, when))

    def __len__(self) -> int:
        return sum(1 for _ in self)


def _replaced(node: Any, tokens: list[str], value: Any) -> Any:
    """A copy of ``node`` with ``value`` at ``tokens`` (a pointer's, which must exist); only the
    containers on the way are copied, so ``node`` itself is left as it was."""
    if not tokens:
        return value
    token, rest = tokens[0], tokens[1:]
    if isinstance(node, dict) and token in node:
        copy = dict(node)
        copy[token] = _replaced(node[token], rest, value)
        return copy
    if isinstance(node, list) and token.isdigit() and int(token) < len(node) and str(int(token)) == token:
        items = list(node)
        items[int(token)] = _replaced(node[int(token)], rest, value)
        return items
    raise KeyError(token)


_BLANKS = r"[ \t]*"


class _NotJson(ValueError):
    """``NaN``, ``Infinity`` or ``-Infinity``: Python's json reads them, a browser's does not."""


def _refuse_constant(name: str) -> Any:
    raise _NotJson(name)


def _finite_float(text: str) -> float:
    """A number too large for a double (``1e400``) reads as Infinity, which cannot be written back."""
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise _NotJson(text)
    return value


def _finite_int(text: str) -> int:
    """An integer too large for a double reads as Infinity in a browser too; past 4,300 digits
    Python refuses to read it at all (ValueError, a traceback), so the length is looked at first."""
    if len(text) > 330:  # 2**1024 has 309 digits: anything longer is Infinity
        raise _NotJson(text)
    value = int(text)
    try:
        float(value)
    except OverflowError:
        raise _NotJson(text) from None
    return value


# Only a document with NaN or Infinity needs them: strings, compiled (and cached by re) then.
_STRING = r'"(?:[^"\\]|\\.)*"'
_CONSTANT = r"-?Infinity|NaN"


def _constant_position(text: str, token: str) -> int:
    """Offset of the first ``token`` (NaN, Infinity, 1e400) outside a string (the decoder does not say where)."""
    blanked = re.sub(_STRING, lambda m: " " * len(m.group()), text)
    found = re.search(_CONSTANT, blanked) if token in ("NaN", "Infinity", "-Infinity") else None
    if found is None:
        at = blanked.find(token)
        return max(at, 0)
    return found.start()


def _text(value: Any, ascii: bool = False, **options: Any) -> str:
    """``value`` as JSON text, non-ASCII written as itself (as ``\\u`` escapes with ``ascii``), save
    a lone surrogate (``"\\ud800"`` in a file reads as one): written raw, no UTF-8 encoder takes it
    and the save stopped with a traceback, so it is written back as the escape it came from."""
    out = json.dumps(value, ensure_ascii=ascii, **options)
    if out.isascii() or not re.search(_SURROGATE, out):  # the usual case
        return out
    return re.sub(_SURROGATE, lambda m: f"\\u{ord(m.group()):04x}", out)


_SURROGATE = "[\ud800-\udfff]"
# A '/' written raw: after no backslash, or after an even number of them (escaped backslashes).
_RAW_SLASH = r"(?<!\\)(?:\\\\)*/"
# A \u escape of a character past ASCII (\u00e9, \u2019), as Python's json.dump writes them all.
_NON_ASCII_ESCAPE = r"\\u(?:00[89a-fA-F]|0[1-9a-fA-F][0-9a-fA-F]|[1-9a-fA-F][0-9a-fA-F]{2})[0-9a-fA-F]"


def _key(value: Any) -> str:
    """A string equal for two values exactly when :func:`same_json` says they are equal (``true``
    is not ``1``, ``1`` is not ``1.0``, key order counts)."""
    return json.dumps(value, ensure_ascii=False)


def _walk(value: Any, pointer: str = "") -> Any:
    """Every (pointer, value) of a decoded document, the root first."""
    yield pointer, value
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _walk(v, join_pointer(pointer, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _walk(v, join_pointer(pointer, i))


_Known = dict[str, list[tuple[str, str, str]]]  # value key -> (pointer, source text, line indent)


def _known_texts(text: str, data: Any) -> _Known:
    """The source text of every value of one version of a document, by value."""
    scan = _Scan(text)
    _scan_value(scan, _skip_ws(text, 0), "", None)
    indent = re.compile(r"[ \t]*")
    out: _Known = {}
    for pointer, value in _walk(data):
        sp = scan.spans.get(pointer)
        if sp is None or value is None or isinstance(value, int):  # true, false, null, 12: one spelling only
            continue
        line = _start_of_line(text, sp.start)
        out.setdefault(_key(value), []).append((pointer, text[sp.start : sp.end], indent.match(text, line).group()))
    return out


def _reindent(snippet: str, old: str, new: str) -> str:
    """``snippet`` (written on lines indented from ``old``) moved to lines indented from ``new``.
    Safe on any JSON: a string cannot hold a raw line break, so every line start is layout."""
    if old == new:
        return snippet
    parts = re.split(r"(\r\n|\r|\n)", snippet)
    for i in range(2, len(parts), 2):
        if parts[i].startswith(old):
            parts[i] = new + parts[i][len(old) :]
    return "".join(parts)


def _cut_range(text: str, begin: int, end: int, container: Span | None) -> tuple[int, int]:
    """What to cut from ``text`` to remove ``[begin, end)`` (a member or an element) with one comma
    next to it; the only one of its ``container`` leaves that empty (``None``: it is never the only one)."""
    before = begin - 1
    while text[before] in _WS:
        before -= 1
    if text[before] == ",":  # not the first: from the end of the previous value
        prev_end = before
        while text[prev_end - 1] in _WS:
            prev_end -= 1
        return prev_end, end
    after = _skip_ws(text, end)
    if text[after] == ",":  # the first of several: up to the next one
        return begin, _skip_ws(text, after + 1)
    if container is None:
        raise ValueError("no comma on either side of the member to remove")
    if text[container.start + 1 : begin] == " " == text[end : container.end - 1]:
        return container.start + 2, container.end - 1  # '[ x ]' leaves '[ ]', as Jackson writes an empty one
    return container.start + 1, container.end - 1


def _start(sp: Span) -> int:
    """Sort key: a span's place in the text."""
    return sp.start


class JsonDocument:
    """Parsed JSON plus its exact text; edits splice the text and re-parse.

    ``data`` is the decoded value; do not mutate it directly, call :meth:`set`, :meth:`remove`
    or :meth:`apply` so the text stays the source of truth.
    """

    def __init__(self, text: str) -> None:
        self.bom = text.startswith("\ufeff")
        self._load(text[1:] if self.bom else text)
        # The text as read (indexed on first use) and the old elements of the arrays being
        # changed: a value equal to one of theirs is written as they wrote it (see _known_text).
        self._origin = (self.text, self.data)
        self._origin_known: _Known | None = None
        self._moving: _Known = {}

    # -- parsing ---------------------------------------------------------------------------
    def _load(self, text: str) -> None:
        try:
            data, found_duplicate = _decode(text)
        except json.JSONDecodeError as exc:
            # Lines as the editor shows them: the decoder counts LF only (a lone CR or a U+2028 in
            # a string before the mistake put it lines above it).
            comma = _trailing_comma(text, exc)
            if comma is not None:
                # Said at the comma, the one character to remove (and the Fix's line), not at the
                # ] or } after it where the decoder stopped, a line further down.
                line, column = line_col(text, comma)
                raise JsonSyntaxError(_TRAILING_COMMA, line, column, exc.msg) from None
            line, column = line_col(text, exc.pos)
            message = _plain(exc.msg, text, exc.pos)
            if exc.msg.startswith(_QUOTE_STOPS) and _typed_quote_before(text, exc):
                message += _QUOTE_HINT
            raise JsonSyntaxError(message, line, column, exc.msg) from None
        except _NotJson as exc:
            token = str(exc)
            pos = _constant_position(text, token)
            line, column = line_col(text, pos)
            shown = token if len(token) <= 24 else f"{token[:12]}…({len(token)} digits)"
            if token in ("NaN", "Infinity", "-Infinity"):
                message = f"{token} is not a JSON value (a browser cannot read this file); write a number or null"
            else:
                message = f"the number {shown} is too large to be read (it would become Infinity); write a smaller one"
            raise JsonSyntaxError(message, line, column, f"{shown} is not a finite number") from None
        except RecursionError:
            line, column = line_col(text, _too_deep_at(text, _DEEPEST))
            message = (
                f"the JSON is nested too deeply to read (more than {_DEEPEST} lists or objects inside one another)"
            )
            raise JsonSyntaxError(message, line, column) from None
        self.text = text
        self.data: Any = data
        # The spans (and line starts) are found on first use: a clean `check` never asks for a
        # position, and the scan is the slowest part of loading a document. A document with a
        # duplicated name is scanned now, since the loader reports each duplicate's position.
        self._spans: dict[str, Span] | _MovedSpans | None = None
        self._duplicates: list[tuple[str, int]] = []
        self._dead: list[tuple[str, int]] = []
        self._starts: list[int] | None = None
        self._shown_starts: list[int] | None = None  # with U+2028 and U+2029 (line_col); the rest edits by _starts
        if found_duplicate:
            self._scan()

    def _scan(self) -> dict[str, Span]:
        scan = _Scan(self.text)
        _scan_value(scan, _skip_ws(self.text, 0), "", None)
        self._spans = scan.spans
        self._duplicates = scan.duplicates
        self._dead = scan.dead
        return scan.spans

    @property
    def spans(self) -> Mapping[str, Span]:
        """The span of every value, by JSON pointer."""
        return self._spans if self._spans is not None else self._scan()

    @property
    def duplicates(self) -> list[tuple[str, int]]:
        """(pointer, offset of the name) of every member written twice in the same object."""
        return self._duplicates

    @property
    def _line_starts(self) -> list[int]:
        if self._starts is None:
            self._starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", self.text)]
        return self._starts

    @classmethod
    def parse(cls, text: str) -> JsonDocument:
        return cls(text)

    @classmethod
    def new(cls, value: Any, indent: str = "    ", newline: str = "\n") -> JsonDocument:
        """A fresh document written in our house style (used for files we create)."""
        text = _text(value, indent=indent)
        return cls(text.replace("\n", newline) + newline)

    # -- style detection -------------------------------------------------------------------
    @property
    def newline(self) -> str:
        """The line ending new lines should use: the one the file uses most (a lone CR too, as
        classic Mac editors write: a member added to such a file came on a line ending in LF)."""
        crlf = self.text.count("\r\n")
        lf = self.text.count("\n") - crlf
        cr = self.text.count("\r") - crlf
        if cr > lf and cr > crlf:
            return "\r"
        return "\r\n" if crlf > lf else "\n"

    @property
    def indent_unit(self) -> str | None:
        """One level of indentation as written (tab, 2 spaces...), ``None`` for one-line JSON."""
        kept = getattr(self, "_kept_unit", None)
        if kept is not None:
            return kept
        for m in re.finditer(r"(?:\r\n|\n|\r)([ \t]+)\S", self.text):
            return m.group(1)
        return None

    @property
    def _ascii(self) -> bool:
        """Whether the file as read writes every character past ASCII as a ``\\u`` escape (it has
        some, and no other): Python's json.dump does, and a value with an accent written raw into
        such a file (the only 'é' in it not '\\u00e9') broke a style a script keeps."""
        found: bool | None = getattr(self, "_escapes_all", None)
        if found is None:
            text = self._origin[0]
            found = self._escapes_all = text.isascii() and re.search(_NON_ASCII_ESCAPE, text) is not None
        return found

    @property
    def _slashes_escaped(self) -> bool:
        """Whether the file as read writes every '/' as ``\\/`` (it has some, and no other): PHP's
        json_encode does, and a value with a slash written raw into such a file broke its style,
        as an accent would in a file of ``\\u`` escapes (see :attr:`_ascii`). (A '/' can only be
        in a text: JSON has no comments.)"""
        found: bool | None = getattr(self, "_escapes_slashes", None)
        if found is None:
            text = self._origin[0]
            found = self._escapes_slashes = "\\/" in text and re.search(_RAW_SLASH, text) is None
        return found

    def _written(self, value: Any, **options: Any) -> str:
        """``value`` as JSON text, its escapes as the file writes them (see :attr:`_ascii`)."""
        out = _text(value, self._ascii, **options)
        return out.replace("/", "\\/") if "/" in out and self._slashes_escaped else out

    def _colon(self) -> str:
        """The colon after a name as the file writes it, the blanks before it included: Java's
        Jackson writes ``"id" : "x"``, and a member added to such a file came as ``"id": "x"``."""
        m = re.search(r'"([ \t]*):([ \t]*)', self.text)
        return (m.group(1) + ":" + m.group(2)) if m else ": "

    # -- positions ------------------------------------------------------------------------
    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset (offset counts the BOM out), lines as the
        editor shows them: a U+2028 or U+2029 (allowed raw in a JSON string) ends one there too."""
        starts = self._shown_starts
        if starts is None:
            starts = self._line_starts
            if "\u2028" in self.text or "\u2029" in self.text:
                starts = [0] + [m.end() for m in re.finditer("\r\n|\r|\n|\u2028|\u2029", self.text)]
            self._shown_starts = starts
        line = bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1

    def span(self, pointer: str) -> Span | None:
        return self.spans.get(pointer)

    def nearest_span(self, pointer: str) -> Span:
        """The span of ``pointer`` or of its closest existing parent (for missing keys)."""
        tokens = split_pointer(pointer)
        while True:
            p = join_pointer("", *tokens)
            if p in self.spans:
                return self.spans[p]
            if not tokens:
                return Span(0, 0)
            tokens.pop()

    def position(self, pointer: str, key: bool = False) -> tuple[int, int]:
        """Line/column of the value at ``pointer`` (of its name with ``key=True``)."""
        sp = self.nearest_span(pointer)
        off = sp.key_start if key and sp.key_start is not None else sp.start
        return self.line_col(off)

    def get(self, pointer: str, default: Any = None) -> Any:
        node = self.data
        for tok in split_pointer(pointer):
            if isinstance(node, dict) and tok in node:
                node = node[tok]
            elif isinstance(node, list) and tok.isdigit() and int(tok) < len(node):
                node = node[int(tok)]
            else:
                return default
        return node

    def dumps(self) -> str:
        return ("\ufeff" if self.bom else "") + self.text

    # -- editing --------------------------------------------------------------------------
    def _line_indent(self, offset: int) -> str:
        """The blanks that start the line ``offset`` is on (``offset`` starts a token).

        Found by looking back from ``offset``, not in a table of line starts: that table is made
        again after every edit, and saving a settings.json with thousands of entries changed
        made it once per change (the longer the file, the longer each time).
        """
        text = self.text
        start = _start_of_line(text, offset)
        return re.compile(_BLANKS).match(text, start).group()

    def _inline_comma(self) -> str:
        # Commas inside the file's strings do not count: a description reading "lock, mute" in a
        # file written {"a":1,"b":2} made a menu item put back by an undo come as {"a":1, "b":2}.
        # (strings blanked only when there is such a comma at all: a big compact file, read quickly)
        spaced = re.search(r",[ \t]", self.text) is not None
        outside = re.sub(_STRING, '""', self.text) if spaced else self.text
        if spaced and re.search(r",[ \t]", outside):
            return ", "
        if re.search(r",[^\s]", outside):
            return ","
        # No comma to go by ({"x":1}): the colon's spacing tells the style. Why: a member added
        # to a file written as {"x":1} came out {"x":1, "new":2}, in nobody's style.
        return "," if self._colon() == ":" else ", "

    def _render(self, value: Any, base_indent: str, compact: bool = False) -> str:
        unit = self.indent_unit
        if unit is None or compact:
            return self._written(value, separators=(self._inline_comma(), self._colon()))
        out = self._written(value, indent=unit, separators=(",", self._colon()))
        # (The file's line ending is counted only for a value on several lines: counting it in a
        # long file for each short value changed cost as much as the rest of a save.)
        return out.replace("\n", self.newline + base_indent) if "\n" in out else out

    def _known_text(self, value: Any, pointer: str, indent: str, anywhere: bool = True) -> str | None:
        """The source text the file has (or had) for a value equal to ``value``, to write it again.

        Why: a value that comes back (undo to before a save, an entry moved up or down) must be
        written as it was, with its escapes (``\\u00e9``, ``\\/``), number spelling (``1.10``,
        ``1e3``) and layout, not re-serialised. The texts searched are the file as read and the
        old elements of the arrays being changed (a moved element, perhaps edited since the file
        was read). Preferred: the same place, then the same indentation, then one line; other
        indentation is shifted. ``anywhere=False`` takes only a text from the same place.
        """
        if value is None or isinstance(value, int):  # true, false, null, 12: one spelling only
            return None
        if self._origin_known is None:
            self._origin_known = _known_texts(*self._origin)
        known = [self._origin_known, self._moving]
        key = _key(value)
        found = [c for k in known for c in k.get(key, ()) if anywhere or c[0] == pointer]
        if not found:
            return None
        best = min(
            range(len(found)),
            key=lambda i: (found[i][0] != pointer, found[i][2] != indent, bool(re.search(r"[\r\n]", found[i][1])), i),
        )
        _, text, old_indent = found[best]
        return _reindent(text, old_indent, indent)

    def _short_lists_on_one_line(self) -> bool:
        """True when the file's first non-empty list of plain values is written on one line.

        Why: a text or a number becoming a list (``"host"`` -> ``["chair"]``) has no layout of
        its own to keep; in a file that writes ``"platforms": ["web", "ios"]`` it went on four
        lines, in nobody's style. (Asked only then, so no save of a large file pays for it.)
        """
        for pointer, sp in self.spans.items():
            value = self.get(pointer)
            if isinstance(value, list) and value and not any(isinstance(v, (dict, list)) for v in value):
                return not re.compile(_LINE_BREAK_CHARS).search(self.text, sp.start, sp.end)
        return False

    def _no_layout_for_a_list(self, old: Any, sp: Span) -> bool:
        """Whether ``old`` (at ``sp``) gives a list written in its place no layout to keep: a text,
        a number, or an object written on one line (``{"web": true}``, which became a list over
        three lines in a file that writes its lists on one)."""
        return not isinstance(old, list) and not (isinstance(old, dict) and self._opens_on_its_line(sp))

    def _render_known(self, value: Any, pointer: str, base_indent: str, compact: bool = False) -> str:
        known = self._known_text(value, pointer, base_indent)
        return known if known is not None else self._render(value, base_indent, compact)

    def _replace_value(self, pointer: str, sp: Span, new: str) -> None:
        """Put ``new`` (the text of one JSON value) in place of the value at ``pointer`` (``sp``).

        Why not :meth:`_splice`: that reads the whole document again (its value and the span of
        every value in it), and saving a settings.json of 3,000 entries with a thousand ids
        changed did that a thousand times (minutes). Here only ``new`` is read, the values
        around it are copied along the way to it (``data`` of an earlier version stays as it
        was), and the spans after it are moved when asked for (see :class:`_MovedSpans`). The
        result is the one :meth:`_splice` gives; a document with a name written twice, and the
        root, take that way.
        """
        if not pointer or self._duplicates or self._dead:
            self._splice(sp.start, sp.end, new)
            return
        try:
            value, found_duplicate = _decode(new)
            data = _replaced(self.data, split_pointer(pointer), value)
        except (ValueError, KeyError, RecursionError):
            found_duplicate, data = True, None
        old = self.get(pointer)
        text = self.text[: sp.start] + new + self.text[sp.end :]
        scan = _Scan(text)
        if found_duplicate or _scan_value(scan, sp.start, pointer, sp.key_start) != sp.start + len(new):
            self._splice(sp.start, sp.end, new)
            return
        spans = self.spans
        if not isinstance(spans, _MovedSpans) or not spans.before(sp):
            spans = _MovedSpans(dict(spans.items()))
        spans.replace(pointer, sp, len(new), scan.spans, isinstance(old, (dict, list)))
        unit = self.indent_unit  # the style is the file's as it was read (see _splice)
        self.text, self.data, self._spans = text, data, spans
        self._starts = self._shown_starts = None
        self._kept_unit = unit

    def _splice(self, start: int, end: int, new: str) -> None:
        # The style is the file's as it was read: an edit that empties an object (the first
        # step of renaming its only key) must not make the next insertion a one-liner.
        unit, self._kept_unit = self.indent_unit, None
        self._load(self.text[:start] + new + self.text[end:])
        self._kept_unit = unit

    def set(self, pointer: str, value: Any) -> None:
        """Replace the value at ``pointer`` or add it (as the last member / element)."""
        if pointer in self.spans:
            if same_json(self.get(pointer), value):
                return
            sp = self.spans[pointer]
            old = self.get(pointer)
            compact = (
                isinstance(value, list) and self._no_layout_for_a_list(old, sp) and self._short_lists_on_one_line()
            )
            self._replace_value(pointer, sp, self._render_known(value, pointer, self._line_indent(sp.start), compact))
            return
        tokens = split_pointer(pointer)
        if not tokens:
            raise KeyError(pointer)
        parent = join_pointer("", *tokens[:-1])
        container = self.get(parent)
        if isinstance(container, dict):
            self._insert(parent, tokens[-1], value)
        elif isinstance(container, list) and tokens[-1] in (str(len(container)), "-"):
            self._insert(parent, None, value)
        else:
            raise KeyError(pointer)

    def _insert(self, parent: str, key: str | None, value: Any) -> None:
        container = self.get(parent)
        psp = self.spans[parent]
        children = [
            join_pointer(parent, k) for k in (container if isinstance(container, dict) else range(len(container)))
        ]
        at = join_pointer(parent, key if key is not None else len(children))
        nl = self.newline
        # In the text's order: a duplicated name keeps its first place among the keys but sits
        # where its last occurrence is.
        spans = sorted((self.spans[c] for c in children), key=_start)
        prefix = "" if key is None else self._written(key) + self._member_colon(spans)
        if children:
            last = spans[-1]
            first_start = spans[0].key_start if spans[0].key_start is not None else spans[0].start
            between = self.text[psp.start + 1 : first_start]
            if "\n" in between or "\r" in between:
                indent = self._line_indent(first_start)
                compact = not re.search(r"[\r\n]", self.text[last.start : last.end]) and self.text[last.start] in "[{"
                new = "," + nl + indent + prefix + self._render_known(value, at, indent, compact=compact)
            elif self._opens_on_its_line(last):
                # "[ {" ... "}, {" ... "} ]" (Jackson): a list of objects written on several
                # lines from the bracket's own line; the newcomer after "}, " in the same layout
                # (it came on one line, in a file with none such).
                indent = self._line_indent(last.start)
                new = self._sibling_comma(spans) + prefix + self._render_known(value, at, indent)
            else:
                # Siblings written on one line: keep the newcomer on that line too, after a comma
                # spaced as theirs are ('["web","ios"]' in a file that also writes '["a", "b"]').
                new = self._sibling_comma(spans) + prefix + self._render_known(value, at, "", compact=True)
            self._splice(last.end, last.end, new)
            return
        # Empty container: open it up in the document's style.
        unit = self.indent_unit
        if unit is None:
            body = prefix + self._render_known(value, at, "")
        else:
            outer = self._line_indent(psp.start)
            inner = outer + unit
            body = nl + inner + prefix + self._render_known(value, at, inner) + nl + outer
        self._splice(psp.start + 1, psp.end - 1, body)

    def _member_colon(self, spans: list[Span]) -> str:
        """The colon of a member added to the object whose members are ``spans`` (in the text's
        order), spaced as its last member's is: a file may write '"plugins" : [' at the top (the
        first colon, which :meth:`_colon` goes by) and '"id": "x"' in its entries."""
        if spans and spans[-1].key_start is not None:
            _, key_end = scanstring(self.text, spans[-1].key_start + 1)
            colon = self.text[key_end : spans[-1].start]
            if not re.compile(_LINE_BREAK_CHARS).search(colon):
                return colon
        return self._colon()

    def _opens_on_its_line(self, sp: Span) -> bool:
        """Whether the value at ``sp`` is an object or list spread over several lines."""
        return self.text[sp.start] in "[{" and bool(re.compile(_LINE_BREAK_CHARS).search(self.text, sp.start, sp.end))

    def _sibling_comma(self, spans: list[Span]) -> str:
        """The separator between two siblings written on one line (``"}, {"``: ``", "``), from the
        last two of ``spans`` (in the text's order) when there are two, else the file's (a lone
        sibling has none to go by)."""
        if len(spans) > 1:
            prev, last = spans[-2], spans[-1]
            between = self.text[prev.end : last.key_start if last.key_start is not None else last.start]
            if not re.compile(_LINE_BREAK_CHARS).search(between):
                return between
        return self._inline_comma()

    def remove(self, pointer: str) -> None:
        """Delete an object member or array element together with its separator.

        A member written twice goes with all its occurrences: removing only the live (last) one
        would bring the dead one back to life on reload.
        """
        if pointer not in self.spans or not pointer:
            raise KeyError(pointer)
        tokens = split_pointer(pointer)
        parent = join_pointer("", *tokens[:-1])
        self._remove_one(pointer, parent)
        while isinstance(self.get(parent), dict) and pointer in self.spans:
            self._remove_one(pointer, parent)

    def remove_dead_duplicates(self, pointer: str) -> int:
        """Delete the earlier occurrences of a member written more than once (``pointer`` as in
        :attr:`duplicates`), each with its comma; the last one, the one in use, stays. How many went.

        Why: JSON readers (the browser's as well as ours) use the last occurrence and ignore the
        others, so removing them changes nothing the app sees, only the text a person reads.
        The rest of the file keeps its layout, byte for byte.
        """
        # All cut in one text, the last first (a cut leaves the text before it as it was), and read
        # once: read again after each cut, 5,000 copies of a name took a minute to remove.
        dead = sorted({offset for p, offset in self._dead if p == pointer}, reverse=True)
        if not dead:
            return 0
        text = self.text
        for key_start in dead:
            _, i = scanstring(text, key_start + 1)
            i = _skip_ws(text, _skip_ws(text, i) + 1)  # past the ':'
            start, stop = _cut_range(text, key_start, _scan_value(_Scan(text), i, "", None), None)
            text = text[:start] + text[stop:]
        self._splice(0, len(self.text), text)
        return len(dead)

    def _remove_many(self, parent: str, pointers: list[str]) -> None:
        """Remove the members or elements ``pointers`` of ``parent``, leaving the text that
        :meth:`remove` leaves when called for each of them in turn.

        Why not that: each removal read the whole file again, so a save or an export that drops
        5,000 entries of a list took three minutes (5,000 names of an object, over one). As in
        :meth:`remove_dead_duplicates`, they are cut from one text, the last first (a cut leaves
        the text before it as it was), and the text is read once. A name written more than once
        goes the one-by-one way: each of its copies is found by reading the file again.
        """
        written_twice = {p for p, _offset in self._dead}
        if len(pointers) < 2 or any(p in written_twice for p in pointers):
            for p in pointers:
                self.remove(p)
            return
        spans = [self.spans[p] for p in pointers]  # (a KeyError for one not there, as remove raises)
        cuts = sorted(((sp.key_start if sp.key_start is not None else sp.start), sp.end) for sp in spans)
        container = self.spans[parent]
        text, end = self.text, container.end
        for begin, stop in reversed(cuts):
            start, after = _cut_range(text, begin, stop, Span(container.start, end))
            text = text[:start] + text[after:]
            end -= after - start
        self._splice(0, len(self.text), text)

    def _remove_one(self, pointer: str, parent: str) -> None:
        """Cut the value at ``pointer`` (with its name) and one comma next to it, found in the text
        rather than from the sibling list: with a duplicated name the parsed key order is not the
        order in the text (the first position is kept, the last value is used)."""
        sp = self.spans[pointer]
        begin = sp.key_start if sp.key_start is not None else sp.start
        self._cut(begin, sp.end, self.spans[parent])

    def _cut(self, begin: int, end: int, container: Span | None) -> None:
        """Cut ``[begin, end)`` (a member or an element) with one comma next to it; the only one of
        its ``container`` leaves that empty (``None``: it is never the only one)."""
        start, stop = _cut_range(self.text, begin, end, container)
        self._splice(start, stop, "")

    def _rename_in_place(self, old: dict[str, Any], new: dict[str, Any], pointer: str) -> None:
        """Members renamed where they stand: when ``new`` has exactly ``old``'s keys in ``old``'s
        order except that some names are replaced by new ones (``Plugins`` -> ``plugins``, a
        menu item's placement ``conference`` -> ``toolbar``), only those names are rewritten.
        Removing the old member and adding the new one would move it to the end and write its
        value afresh (its layout, escapes and number spelling lost)."""
        gone = [k for k in old if k not in new]
        came = [k for k in new if k not in old]
        if not gone or len(gone) != len(came):
            return
        renames = dict(zip(gone, came, strict=True))
        if [renames.get(k, k) for k in old] != list(new):
            return
        for k in gone:  # the spans are found again after each splice
            sp = self.spans.get(join_pointer(pointer, k))
            if sp is None or sp.key_start is None:
                continue
            _, key_end = scanstring(self.text, sp.key_start + 1)
            self._splice(sp.key_start, key_end, self._written(renames[k]))

    def _apply_list(self, old: list[Any], new: list[Any], pointer: str) -> None:
        """Array elements matched by value, not by place: an element that is still there keeps
        its text (removing the first of two items must not rewrite the second into the first's
        place, with the first one's key order). Runs from the end, so indices ahead stay valid."""
        # The old elements' texts, so that one removed here and inserted there (a move) is written
        # as it was; the outer arrays' stay known while an inner one is changed.
        outer = self._moving
        self._moving = {k: list(v) for k, v in outer.items()}
        for i, x in enumerate(old):
            sp = self.spans.get(join_pointer(pointer, i))
            if sp is not None and x is not None and not isinstance(x, int):
                entry = (join_pointer(pointer, i), self.text[sp.start : sp.end], self._line_indent(sp.start))
                self._moving.setdefault(_key(x), []).append(entry)
        try:
            self._apply_list_elements(old, new, pointer)
        finally:
            self._moving = outer

    def _apply_list_elements(self, old: list[Any], new: list[Any], pointer: str) -> None:
        import difflib

        a = [json.dumps(x, sort_keys=True) for x in old]
        b = [json.dumps(x, sort_keys=True) for x in new]
        known = set(a)
        for tag, i1, i2, j1, j2 in reversed(difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()):
            if tag == "equal":
                continue
            same = 0
            if tag == "replace":  # patched in place: an edited element; a moved one is inserted whole
                while (
                    same < min(i2 - i1, j2 - j1)
                    and b[j1 + same] not in known
                    and _same_shape(old[i1 + same], new[j1 + same])
                ):
                    same += 1
            # One changed element for another: patched in place, the last first (as the runs
            # are), so each edit is before the ones made (see _MovedSpans).
            for k in reversed(range(same)):
                self.apply(new[j1 + k], join_pointer(pointer, i1 + k))
            self._remove_many(pointer, [join_pointer(pointer, i) for i in range(i2 - 1, i1 + same - 1, -1)])
            added = new[j1 + same : j2]
            at = i1 + same
            if at >= len(self.get(pointer)):
                for v in added:
                    self._insert(pointer, None, v)
            else:
                for v in reversed(added):
                    self._insert_before(pointer, at, v)

    def _insert_before(self, parent: str, index: int, value: Any) -> None:
        """Insert ``value`` into the array at ``parent`` before its element ``index``, in the
        array's own layout (one per line, all on one line, or objects spread over lines from
        the bracket's line on)."""
        psp = self.spans[parent]
        child = self.spans[join_pointer(parent, index)]
        first = self.spans[join_pointer(parent, 0)]
        between = self.text[psp.start + 1 : first.start]
        if "\n" in between or "\r" in between:
            indent = self._line_indent(child.start)
            compact = not re.search(r"[\r\n]", self.text[child.start : child.end]) and isinstance(value, (dict, list))
            at = join_pointer(parent, index)
            new = self._render_known(value, at, indent, compact=compact) + "," + self.newline + indent
        else:
            # The comma as the elements next to it are spaced (see _insert): two neighbours, not all.
            count = len(self.get(parent))
            pair = (index - 1, index) if index else (0, 1)
            comma = self._sibling_comma([self.spans[join_pointer(parent, i)] for i in pair if i < count])
            at = join_pointer(parent, index)
            if self._opens_on_its_line(child):  # "[ {" ... "}, {" (Jackson): see _insert
                new = self._render_known(value, at, self._line_indent(child.start)) + comma
            else:
                new = self._render_known(value, at, "", compact=True) + comma
        self._splice(child.start, child.start, new)

    def apply(self, new: Any, pointer: str = "") -> None:
        """Make the document equal ``new`` with the fewest, smallest splices.

        Members that are equal keep their text; new members go last; removed ones go with
        their separators. Object key order of existing members is never changed. A value that
        equals what the file as read held at the same place gets that text back whole (undo
        past a save writes the file as it was, not a re-serialisation of it).
        """
        old = self.get(pointer)
        if same_json(old, new):
            return
        sp = self.spans.get(pointer)
        if sp is not None:
            indent = self._line_indent(sp.start)
            known = self._known_text(new, pointer, indent, anywhere=False)
            if known is not None:
                self._replace_value(pointer, sp, known)
                return
        if isinstance(old, dict) and isinstance(new, dict) and pointer in self.spans:
            self._rename_in_place(old, new, pointer)
            self._remove_many(pointer, [join_pointer(pointer, k) for k in self.get(pointer) if k not in new])
            members = [(k, v, join_pointer(pointer, k)) for k, v in new.items()]
            if all(child in self.spans for _k, _v, child in members):
                # Only changes, no new member: the last first, as a list's elements are, so each
                # edit is before the ones made (see _MovedSpans). In the object's order, an entry
                # with two values changed (its id and 'enabled') made every span of the file move
                # at once, and saving thousands of such entries took time in the square of them.
                starts = {child: self.spans[child].start for _k, _v, child in members}
                for _k, v, child in sorted(members, key=lambda m: starts[m[2]], reverse=True):
                    self.apply(v, child)
                return
            for k, v in new.items():
                child = join_pointer(pointer, k)
                if child in self.spans:
                    self.apply(v, child)
                else:
                    self._insert(pointer, k, v)
            return
        if isinstance(old, list) and isinstance(new, list) and pointer in self.spans:
            self._apply_list(old, new, pointer)
            return
        if pointer:
            self.set(pointer, new)
        else:
            sp = self.spans[""]
            self._splice(sp.start, sp.end, self._render_known(new, "", ""))
