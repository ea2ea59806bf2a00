"""Code snippets for the source editor: loading, searching and expanding tab stops.

Why the expander lives here, not in the editor: it is plain text work (``$1``, ``${2:default}``,
``$0``) that tests can check without a display, and the same data could feed other front ends.
A snippet body is a list of lines; expanding it indents every line after the first like the
line the cursor is on and returns the text plus where each tab stop ended up.

A name in capitals with a default (``${PLUGIN_ID:my-plugin}``, as code editors write their
variables) is what the editor knows of the plugin being edited, given to :func:`expand` as
``values`` (see :func:`plugin_values`): the snippet's default is used when it knows nothing. Why:
``id: 'my-plugin'`` and ``onClick: onClick``, kept as the snippet wrote them, were an id the package
does not have and a function the file does not make, so the plugin failed in the app.

A number used more than once (``${2:onClick}: $2``) is one tab stop with several ranges: the
first is where the cursor goes, the others mirror it. ``$0`` is where the cursor ends; without
one the end of the snippet is.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from typing import Any

from .indentation import unit_under
from .jstext import is_identifier
from .resources import resource

__all__ = [
    "PLACES",
    "CodeStyle",
    "Expansion",
    "Snippet",
    "TabStop",
    "as_snippets_write",
    "code_style",
    "declares_again",
    "expand",
    "find_prefix",
    "in_style",
    "lines_needed",
    "load_snippets",
    "needs_semicolon_before",
    "no_place_for_subscriptions",
    "no_statement_here",
    "plugin_values",
    "registers_again",
    "search",
    "snippet_style",
    "subscriptions_needed",
    "unplaced_subscriptions",
    "with_free_names",
    "with_participant_named",
]


# Where a snippet goes (its "place"), in the words the snippet browser shows after "Goes ". Why:
# the browser said what a snippet does, not where its code works: ``participant.uuid`` put in a
# toolbar button's function, or ``state$.next`` where no state$ is made, threw when clicked.
PLACES = {
    "file": "in an empty plugin source: it is the whole file",
    "iife": "inside the plugin's (function () { ... })(), beside its other functions, once",
    "top": "at the top of the plugin's (function () { ... })(), before its functions; register it as state$",
    "register": "once, at the end of the plugin's (function () { ... })(), after its functions",
    "load": "in load, where the plugin starts",
    "item": "in a menu item's function, run when the item is clicked",
    "participant-item": "in a participant menu item's function, which is given the participant",
    "state": "in a function that sees state$ (made by the 'state' or 'iife' snippet)",
}


@dataclass(frozen=True)
class Snippet:
    prefix: str
    name: str
    description: str
    body: tuple[str, ...]
    place: str = ""  # a key of PLACES

    @property
    def text(self) -> str:
        return "\n".join(self.body)

    @property
    def where(self) -> str:
        """Where the snippet goes, in words ("in load, where the plugin starts"); "" when unknown."""
        return PLACES.get(self.place, "")


@dataclass
class TabStop:
    """Tab stop ``number``: its ranges (start, end) in the expanded text; the first is the main one."""

    number: int
    ranges: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Expansion:
    text: str
    stops: list[TabStop]  # in visiting order: 1, 2, ... and $0 (the end) last


@cache
def load_snippets(language: str = "javascript") -> tuple[Snippet, ...]:
    """The snippets of ``language`` from resources/snippets/<language>.json."""
    path = resource("snippets", f"{language}.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return ()
    out = []
    for item in data.get("snippets", []):
        body = item["body"]
        out.append(
            Snippet(
                prefix=item["prefix"],
                name=item.get("name", item["prefix"]),
                description=item.get("description", ""),
                body=tuple(body if isinstance(body, list) else body.split("\n")),
                place=item.get("place", ""),
            )
        )
    return tuple(out)


def find_prefix(prefix: str, language: str = "javascript") -> Snippet | None:
    """The snippet whose prefix is exactly ``prefix``."""
    return next((s for s in load_snippets(language) if s.prefix == prefix), None)


def search(query: str, language: str = "javascript") -> list[Snippet]:
    """Snippets matching every word of ``query`` (anywhere in the prefix, a word run together as
    ``requnlock``; at a word's start in the name or description); prefix hits first.

    Why a word's start: 'lock' found 'registerPlugin block' first, and 'hand' would find 'handler'.
    """
    words = query.lower().split()
    snippets = load_snippets(language)
    if not words:
        return list(snippets)
    scored = []
    for i, s in enumerate(snippets):
        prefix, name, words_of = s.prefix.lower(), s.name.lower(), f"{s.name} {s.description}".lower()
        if all(w in prefix or _starts_a_word(w, words_of) for w in words):
            rank = 0 if prefix.startswith(words[0]) else 1 if _starts_a_word(words[0], name) else 2
            scored.append((rank, i, s))
    return [s for _, _, s in sorted(scored, key=lambda t: (t[0], t[1]))]


def _starts_a_word(word: str, text: str) -> bool:
    """Whether ``text`` has ``word`` at the start of one of its words (or ``word`` starts with no letter)."""
    if not word[:1].isalnum():
        return word in text  # ('$', '/mute', '(': code, written anywhere)
    return re.search(rf"(?<![^\W_]){re.escape(word)}", text) is not None


_TOKEN = re.compile(r"\\([$\\}])|\$(\d+)|\$\{(\d+)(:)?")


def _parse(body: str) -> list[tuple[str, int | None, str | None]]:
    """Split ``body`` into (literal, stop number, default) pieces."""
    pieces: list[tuple[str, int | None, str | None]] = []
    pos = 0
    literal: list[str] = []
    while pos < len(body):
        m = _TOKEN.search(body, pos)
        if m is None:
            literal.append(body[pos:])
            break
        literal.append(body[pos : m.start()])
        if m.group(1):  # an escaped $, \ or }
            literal.append(m.group(1))
            pos = m.end()
            continue
        if m.group(2) is not None:
            pieces.append(("".join(literal), int(m.group(2)), None))
            literal = []
            pos = m.end()
            continue
        number = int(m.group(3))
        i = m.end()
        default = ""
        if m.group(4):  # ${N:default}: up to the matching brace
            depth = 0
            chars = []
            while i < len(body):
                c = body[i]
                if c == "\\" and i + 1 < len(body):
                    chars.append(body[i + 1])
                    i += 2
                    continue
                if c == "{":
                    depth += 1
                elif c == "}":
                    if depth == 0:
                        break
                    depth -= 1
                chars.append(c)
                i += 1
            default = "".join(chars)
        pieces.append(("".join(literal), number, default))
        literal = []
        pos = i + 1 if i < len(body) and body[i] == "}" else i
    pieces.append(("".join(literal), None, None))
    return pieces


_VARIABLE = re.compile(r"\$\{([A-Z][A-Z_]*):((?:[^{}\\]|\\.)*)\}")


def _fill_variables(body: str, values: Mapping[str, str]) -> str:
    """``body`` with each ``${NAME:default}`` replaced by ``values[NAME]`` (escaped, so a ``$`` or a
    ``}`` in it stays text), or by its default when there is no value."""

    def value(m: re.Match[str]) -> str:
        known = values.get(m.group(1))
        if not known:
            return m.group(2)
        return re.sub(r"([$\\}])", r"\\\1", known)

    return _VARIABLE.sub(value, body)


def plugin_values(plugin_id: str | None, items: Iterable[tuple[str | None, str | None]]) -> dict[str, str]:
    """The values of a plugin's snippets (``PLUGIN_ID``, ``ACTION``, ``ICON``): its id and the
    action and icon of its first menu item (``items``: (action, icon) each) that has one; an
    action that is no JavaScript name is left out, as the code could not be written with it."""
    values = {"PLUGIN_ID": plugin_id} if _fits_quotes(plugin_id) else {}
    for action, icon in items:
        if "ACTION" not in values and isinstance(action, str) and is_identifier(action):
            values["ACTION"] = action
        if "ICON" not in values and _fits_quotes(icon):
            values["ICON"] = icon
    return values


def _fits_quotes(text: object) -> bool:
    """Whether ``text`` can go between the snippets' single quotes as it is (no quote, backslash
    or line break to escape)."""
    return isinstance(text, str) and bool(text) and not re.search(r"['\\\n\r\u2028\u2029]", text)


@dataclass(frozen=True)
class CodeStyle:
    """How a source writes its strings and declarations (see :func:`code_style`)."""

    quote: str = "'"  # the quote of its strings
    # How it declares a name: var; let (a file of let, no const); const (const for a name never
    # assigned again, let for the others).
    declare: str = "var"
    semicolons: bool = True  # whether it ends its statements with ';' (False: a file written without)
    arrows: bool = False  # whether its functions are arrow functions only (no 'function' anywhere)
    # With arrows, whether a function declared by name (function load() {) is written as a name
    # given an arrow (const load = () => {};), as a snippet is where it can (see snippet_style).
    named_arrows: bool = False


# A comment or a string, found in one pass (a regular expression literal is taken for code: a
# quote in one can only tip the count of a file's quotes).
_COMMENT_OR_STRING = re.compile(
    r"//[^\n]*|/\*.*?(?:\*/|\Z)|'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\"|`(?:[^`\\]|\\.)*`", re.DOTALL
)
_STYLE_READ_UP_TO = 64 * 1024  # (the strings of a source's first 64 KB tell its quotes well enough)


@lru_cache(maxsize=4)
def code_style(source: str) -> CodeStyle:
    """The style of ``source``: double quotes when its strings are nearly all in double quotes
    (a string holding the other quote, as ``"it's"``, tells nothing), ``const``/``let`` when it
    never writes ``var``, no semicolons when its lines nearly never end with one, arrows when it
    writes no ``function``; else, and in doubt, single quotes, var, semicolons and functions, as
    the snippets are written.

    Why: the snippets and the subscriptions array went into a file of "..." and const as 'x' and
    var, lines that the file's linter (quotes, no-var) and its author then changed by hand.
    """
    singles = doubles = 0
    code: list[str] = []  # (the code read, its strings as "" and its comments left out, line breaks kept)
    at = 0
    for m in _COMMENT_OR_STRING.finditer(source, 0, _STYLE_READ_UP_TO):
        text = m.group()
        code.append(source[at : m.start()])
        code.append(("" if text[0] == "/" else '""') + "\n" * text.count("\n"))
        at = m.end()
        if text[0] == "'" and '"' not in text:
            singles += 1
        elif text[0] == '"' and "'" not in text:
            doubles += 1
    code.append(source[at:_STYLE_READ_UP_TO])
    quote = '"' if doubles > 3 * singles else "'"
    declare = "var"
    if _WRITES_LET.search(source) and not _WRITES_VAR.search(source):
        declare = "const" if _WRITES_CONST.search(source) else "let"
    read = "".join(code)
    arrows = "=>" in read and not re.search(r"(?<![\w$.])function\b", _WRAPPER_FUNCTION.sub("", read))
    return CodeStyle(quote, declare, _ends_with_semicolons(read), arrows)


def _ends_with_semicolons(code: str) -> bool:
    """Whether ``code`` (strings and comments taken out) ends its statements with ';': False only
    when its lines that end a statement nearly never do (one in twenty), and there are a few.
    Why: a file written without semicolons (the 'standard' style) got snippets and fixes ending in
    ';', which its linter flagged line by line. In doubt (a short file), semicolons, as before."""
    semis = bare = 0
    for line in code.split("\n"):
        end = line.rstrip()[-1:]
        if end == ";":
            semis += 1
        elif end and (end in ")]\"'`" or end.isalnum() or end in "_$"):
            bare += 1
    return not (bare >= 3 and semis * 20 <= bare)


# The plugin's wrapper written as a function, at a line's start: ``(function () {``, ``!function(){``.
# Why it does not count: a plugin whose functions are all arrows is often wrapped in one.
_WRAPPER_FUNCTION = re.compile(r"^[;!(]*[ \t]*function[ \t]*\([ \t]*\)", re.MULTILINE)


_VAR = re.compile(r"\bvar(\s+)((?:\$\{\d+:)?([\w$]+))")


def in_style(code: str, style: CodeStyle) -> str:
    """``code`` (a snippet's body, with its ``$1`` and ``${2:x}``) written in ``style``: its
    single-quoted strings in double quotes (not one holding a double quote, as an HTML attribute:
    escaped, it read worse), ``var`` as the file declares names, and no ``;`` at a line's end in
    a file without them. Comments and other strings
    stay as they are."""
    if style == CodeStyle():
        return code
    if style.named_arrows:
        code = _declarations_as_arrows(code)
    out = []
    at = 0
    for m in _COMMENT_OR_STRING.finditer(code):
        out.append(_piece_in_style(code[at : m.start()], code, style, m.group()[0] == "/"))
        text = m.group()
        if style.quote == '"' and text[0] == "'" and '"' not in text and "\\'" not in text:
            text = f'"{text[1:-1]}"'
        out.append(text)
        at = m.end()
    out.append(_piece_in_style(code[at:], code, style, True))
    return "".join(out)


# A function declared at a line's start, its name maybe a placeholder (``function ${3:onClick}() {``).
_DECLARED_FUNCTION = re.compile(r"^([ \t]*)function[ \t]+((?:\$\{\d+:)?[\w$]+\}?)[ \t]*\(([^()]*)\)[ \t]*\{", re.M)


def _declarations_as_arrows(code: str) -> str:
    """``code`` with each function it declares at a line's start (``function load(a) {`` ...
    ``}`` at the same indentation) written as a name given an arrow (``var load = (a) => {`` ...
    ``};``; the var then declared as the file does). Why: the load and unload snippets wrote the
    one ``function load`` of a plugin of arrow functions only, which its author rewrote by hand."""
    out = []
    at = 0
    for m in _DECLARED_FUNCTION.finditer(code):
        indent, name, params = m.groups()
        close = re.compile(rf"^{re.escape(indent)}\}}", re.M).search(code, m.end())
        if m.start() < at or close is None:  # (a function inside one written already: left as it is)
            continue
        out += [code[at : m.start()], f"{indent}var {name} = ({params}) => {{", code[m.end() : close.end()], ";"]
        at = close.end()
    out.append(code[at:])
    return "".join(out)


# A statement's ';' at the end of its line (before the end of a placeholder, ``${1:var x = 1;}``,
# or the snippet's end stop, ``$0``, if there; the line ended with CRLF too: Make it do's code is
# written with the file's line ends before it is put in style).
_LINE_END_SEMICOLON = re.compile(r";(?=\}?[ \t]*(?:\$0|\$\{0\})?[ \t]*\r?(?:\n|\Z))")
_LINE_END_SEMICOLON_INSIDE = re.compile(r";(?=\}?[ \t]*(?:\$0|\$\{0\})?[ \t]*\r?\n)")
# An anonymous function given as a value (``function (subscription) {``), as an arrow writes it.
_ANONYMOUS_FUNCTION = re.compile(r"(?<![\w$.])function\s*\(([^()]*)\)\s*\{")


def _piece_in_style(piece: str, code: str, style: CodeStyle, line_may_end: bool) -> str:
    """``piece`` (code of ``code`` with no string or comment in it) in ``style``: its declarations
    (see :func:`_declared_in_style`), its anonymous functions as arrows in a file of arrows only
    (none of the snippets' uses ``this``: the same code), without the ';' ending its lines in a
    file written without them (``line_may_end``: the piece's end is a line's end or a comment, not
    a string that follows on its line)."""
    piece = _declared_in_style(piece, code, style)
    if style.arrows:
        piece = _ANONYMOUS_FUNCTION.sub(lambda m: f"({m.group(1)}) => {{", piece)
    if not style.semicolons:
        piece = (_LINE_END_SEMICOLON if line_may_end else _LINE_END_SEMICOLON_INSIDE).sub("", piece)
    return piece


def as_snippets_write(code: str) -> str:
    """``code`` as :func:`in_style` found it: its double-quoted strings that hold no single quote
    in single quotes, let and const as var, arrows as functions. Why: what the designer wrote in a file's style is
    still the designer's code (see behaviours.body_state), which a later choice may replace."""
    out = []
    at = 0
    for m in _COMMENT_OR_STRING.finditer(code):
        out.append(_as_written(code[at : m.start()]))
        text = m.group()
        out.append(f"'{text[1:-1]}'" if text[0] == '"' and "'" not in text else text)
        at = m.end()
    out.append(_as_written(code[at:]))
    return "".join(out)


def _as_written(piece: str) -> str:
    """A piece of code (no string or comment in it) with let and const as var, and arrows
    ``(x) => {`` as the ``function (x) {`` :func:`in_style` made them from."""
    piece = re.sub(r"\b(?:const|let)(?=\s+[\w$])", "var", piece)
    return re.sub(r"\(([^()]*)\) => \{", r"function (\1) {", piece)


def _declared_in_style(piece: str, code: str, style: CodeStyle) -> str:
    """``piece`` (code of ``code``, no string or comment in it) with each ``var`` as ``style``
    declares: let, or const for a name ``code`` never assigns again."""
    if style.declare == "var":
        return piece

    def keyword(m: re.Match[str]) -> str:
        name = re.escape(m.group(3))
        assigned = re.findall(rf"(?<![\w$.]){name}\s*(?:[-+*/%&|^]|\*\*|<<|>>>?|&&|\|\||\?\?)?=(?![=>])", code)
        stepped = re.search(rf"(?<![\w$.]){name}\s*(?:\+\+|--)|(?:\+\+|--)\s*{name}(?![\w$])", code)
        again = stepped or len(assigned) > 1 or not re.match(r"\s*=(?!=)", piece[m.end() :].lstrip("}"))
        return ("let" if style.declare == "let" or again else "const") + m.group(1) + m.group(2)

    return _VAR.sub(keyword, piece)


def expand(
    body: str | Snippet, indent: str = "", values: Mapping[str, str] | None = None, style: CodeStyle | None = None
) -> Expansion:
    """Expand ``body``: lines after the first get ``indent``; tab stops become ranges of the text;
    ``${NAME:default}`` takes ``values[NAME]`` when given (see :func:`plugin_values`); the code is
    written in ``style`` when given (see :func:`code_style`)."""
    if isinstance(body, Snippet):
        body = body.text
    body = _fill_variables(body, values or {})
    if style is not None:
        body = in_style(body, style)
    if indent:
        body = body.replace("\n", "\n" + indent)
    pieces = _parse(body)
    defaults: dict[int, str] = {}
    for _, number, default in pieces:
        if number is not None and default and number not in defaults:
            defaults[number] = default
    out: list[str] = []
    length = 0
    stops: dict[int, TabStop] = {}
    for literal, number, _default in pieces:
        out.append(literal)
        length += len(literal)
        if number is None:
            continue
        value = defaults.get(number, "")
        stops.setdefault(number, TabStop(number)).ranges.append((length, length + len(value)))
        out.append(value)
        length += len(value)
    if 0 not in stops:
        stops[0] = TabStop(0, [(length, length)])
    ordered = [stops[n] for n in sorted(stops) if n != 0] + [stops[0]]
    return Expansion("".join(out), ordered)


# The array the snippets keep their subscriptions in (``subscriptions.push(x$.subscribe(...))``),
# the lines that declare it and those of unload that release it, as the new plugin has them.
_KEPT_IN = re.compile(r"\bsubscriptions\s*[.=]")
_DECLARED = re.compile(r"\b(?:var|let|const)\s+(?:[\w$]+\s*,\s*)*subscriptions\b")  # (also var a, subscriptions;)
_DECLARATION = (
    "// What load listens to (subscriptions.push(....subscribe(...))), kept so that unload can stop",
    "// listening: switched off and on again, the plugin would otherwise hear everything twice.",
    "var subscriptions = [];",
)
_RELEASE = (
    "subscriptions.forEach(function (subscription) {",
    "\tsubscription.unsubscribe();",  # (\t: one more step of the file's indentation)
    "});",
    "subscriptions = [];",
)
_FUNCTION_LOAD = re.compile(r"^([ \t]*)(?:async\s+)?function\s+load\s*\(", re.MULTILINE)
# unload's first line, as a function, a key of registerPlugin's object (in quotes too), a method
# or a variable's value: function unload() {, unload: function () {, 'unload': () => {, unload() {,
# const unload = () => {, var unload = function () {; or the whole of an empty one on its line,
# function unload() {} (its group 2 the closing brace, where the release goes in). A comment may
# end the line.
_FUNCTION_UNLOAD = re.compile(
    r"^([ \t]*)(?:function\s+unload|['\"]?unload['\"]?\s*:\s*(?:function(?:\s+\w+)?|\(\s*\)\s*=>)|unload"
    r"|(?:const|let|var)\s+unload\s*=\s*(?:function(?:\s+\w+)?|\(\s*\)\s*=>))"
    r"(?:\s*\(\s*\))?\s*\{[ \t]*(?:(?://[^\n]*)?\r?$|(\})[ \t]*[,;]?[ \t]*\r?$)",
    re.MULTILINE,
)
_WRITES_VAR = re.compile(r"\bvar\s+[\w$\[{]")
_WRITES_LET = re.compile(r"\b(?:let|const)\s+[\w$\[{]")
_WRITES_CONST = re.compile(r"\bconst\s+[\w$\[{]")
_RELEASED = re.compile(r"\bsubscriptions\s*\.\s*forEach\b")
_USE_STRICT = re.compile(r"^([ \t]*)(['\"])use strict\2;?[ \t]*(?://[^\n]*)?\r?$", re.MULTILINE)


def lines_needed(snippet: Snippet, source: str, line: int, unit: str = "    ") -> list[tuple[int, int, str]]:
    """What else to write so that the ``subscriptions`` array ``snippet`` uses exists and is
    released, when ``source`` does not declare it: (a line's number, the column in it, the text to
    write there: whole lines above it at column 0, or the release inside an empty ``unload() {}``),
    last in the file first, so that each place holds while they are written in turn. ``line``: the
    line the snippet goes on; ``unit``: the file's indentation step.

    Why: the snippets keep what they subscribe to, so that ``unload`` stops listening (a plugin
    switched off and on again in the app's settings heard everything twice). Put in a plugin that
    has no such array, ``subscriptions.push(...)`` threw a ReferenceError as the plugin loaded.
    The declaration goes above the snippet when the snippet is a function of the wrapper (``load``,
    ``unload``), else above the ``function load`` around it, else below ``'use strict';``, else at
    the top of the wrapper (see :func:`_top_of_wrapper`): in the wrapper, where load and unload
    both see it. The release goes first in ``function unload() {``
    (unless the snippet is that function).
    """
    if snippet.place == "file" or not _KEPT_IN.search(snippet.text):
        return []
    is_unload = snippet.text.startswith("function unload(")
    return subscriptions_needed(source, line, unit, above=snippet.place == "iife", release=not is_unload)


def subscriptions_needed(
    source: str, line: int, unit: str = "    ", above: bool = False, release: bool = True
) -> list[tuple[int, int, str]]:
    """:func:`lines_needed` for code on ``line`` that uses ``subscriptions`` (what PD523's fix
    "Declare subscriptions" writes): nothing when ``source`` declares it; else its declaration,
    above ``line`` itself with ``above`` (a function of the wrapper goes there), and with
    ``release`` its release at the top of unload, unless the file releases it already."""
    if _DECLARED.search(source):
        return []
    lines = source.split("\n")
    line = min(max(line, 0), len(lines) - 1)
    unload = _FUNCTION_UNLOAD.search(source)
    at = source.count("\n", 0, unload.start()) if unload is not None else None
    declaration = _declaration_at(above, source, lines, line, at)
    if declaration is None:
        return []  # (no release either: it would throw in unload; the checks say what is not declared)
    out = [declaration]
    if unload is not None and release and not _RELEASED.search(source):
        step = unit_under(unload.group(1), unit)  # (spaces under an unload of spaces in a file of tabs)
        body = "".join(unload.group(1) + step + text.replace("\t", step) + "\n" for text in _RELEASE)
        if unload.group(2) is None:
            out.append((at + 1, 0, body))
        else:  # (function unload() {}: the release goes between the braces, on lines of its own)
            out.append((at, unload.start(2) - unload.start(), "\n" + body + unload.group(1)))
    style = code_style(source)
    # (the file's semicolons and arrows; its quotes: none written. Its declarations below.)
    out = [(number, column, in_style(text, replace(style, declare="var"))) for number, column, text in out]
    if not style.semicolons:
        out = [(number, column, _guarded(text, lines, number, column)) for number, column, text in out]
    if style.declare != "var":
        # (the one var of a file of const and let, which linters' no-var flags; not const: unload empties it)
        out = [(number, column, text.replace("var subscriptions", "let subscriptions")) for number, column, text in out]
    from .lineends import newline_of

    nl = newline_of(source.encode("utf-8", "surrogatepass"))  # (a CRLF file's: LF alone made mixed line ends)
    return sorted(((number, column, text.replace("\n", nl)) for number, column, text in out), reverse=True)


def _guarded(text: str, lines: list[str], number: int, column: int) -> str:
    """``text`` (whole lines written without semicolons, to go at ``column`` of line ``number`` of
    ``lines``) with a ';' after its last statement when the code that follows it starts with
    ``(``, ``[`` or a template's backtick: without one, JavaScript reads the two as one statement
    (``subscriptions = []`` then ``[a, b].forEach(...)`` became ``[][a, b]...``), which throws.
    Why: the first line of a block needs no guard in a file without semicolons, and the array and
    its release go right above such a line."""
    after = lines[number][column:] if column else ""
    following = next((t for t in [after, *lines[number + (1 if column else 0) :]] if t.strip()), "")
    if not needs_semicolon_before(following):
        return text
    body = text.rstrip()
    return body + ";" + text[len(body) :]


def needs_semicolon_before(following: str) -> bool:
    """Whether code written without semicolons must end with one when ``following`` (the code
    after it) comes next: it starts with ``(``, ``[`` or a template's backtick, which JavaScript
    would read as going on with the statement before (see :func:`_guarded`)."""
    return following.lstrip().startswith(("(", "[", "`"))


def written_for(
    snippet: Snippet,
    source: str,
    indent: str,
    file_unit: str,
    values: Mapping[str, str] | None,
    following: str,
    line: int | None = None,
) -> Expansion:
    """``snippet`` as written into ``source`` on a line indented ``indent``: a level of the file's
    (``file_unit``, spaces under a line of spaces in a file of tabs), its quotes, declarations and
    semicolons, and one semicolon more in a file without them when ``following`` (the code after
    it) would be read as going on with it. Why one function: the editor's Tab and PD523's "Write
    the snippet" fix each did these steps, written twice. ``line`` (0-based), where it goes: the
    names it declares are made free there (see :func:`with_free_names`)."""
    from .indentation import reindented

    text = (
        snippet.text
        if line is None
        else with_free_names(with_participant_named(snippet, source, line), source, line).text
    )
    unit = unit_under(indent, file_unit)
    if unit != "    ":  # (the snippets are written with four spaces a level)
        text = "\n".join(reindented(text.split("\n"), unit))
    style = snippet_style(source, following)
    expansion = expand(text, indent, values, style)
    if not style.semicolons and needs_semicolon_before(following):
        expansion.text += ";"
    return expansion


# A name a snippet declares as a placeholder (``var ${1:value} = ...``), which the user may rename.
_DECLARED_PLACEHOLDER = re.compile(r"\b(?:var|let|const)\s+\$\{(\d+):([\w$]+)\}")


def with_free_names(snippet: Snippet, source: str, line: int) -> Snippet:
    """``snippet`` with each name it declares as a placeholder (``var ${1:value}``) made free on
    ``line`` (0-based) of ``source``: ``value2``, ``value3``, ... (``state2$``) when a block around
    that line declares it already. Why: 'queryparams' written twice in one function of a file of const wrote
    ``const value`` twice, a syntax error that stopped the whole plugin (as var, the second
    silently replaced the first)."""
    text = snippet.text
    for m in _DECLARED_PLACEHOLDER.finditer(snippet.text):
        name = m.group(2)
        if not _names_a_word(name, source) or len(source) > _WRAPPER_SEARCHED_UP_TO:
            continue  # (the usual case: no parse)
        if not _declared_around(source, line, name):
            continue
        stem, sign = (name[:-1], "$") if name.endswith("$") else (name, "")  # (state2$: an observable's $ stays last)
        free = next(f"{stem}{n}{sign}" for n in range(2, 1000) if not _names_a_word(f"{stem}{n}{sign}", source))
        text = text.replace(m.group(0), m.group(0)[: -len(name) - 1] + free + "}")
    return snippet if text == snippet.text else replace(snippet, body=tuple(text.split("\n")))


def with_participant_named(snippet: Snippet, source: str, line: int) -> Snippet:
    """``snippet`` (one of a participant menu item's function) with ``participant`` as the function
    around ``line`` (0-based) of ``source`` names the participant it is given: its first parameter
    (``function mute(person)``: ``person.uuid``). Why: the snippet's ``participant.uuid`` put in such
    a function threw a ReferenceError each time the item was clicked, and no check said so."""
    if snippet.place != "participant-item" or "participant.uuid" not in snippet.text:
        return snippet
    if len(source) > _WRAPPER_SEARCHED_UP_TO:
        return snippet
    given = _first_parameter(source, line)
    if given is None or given == "participant":
        return snippet
    return replace(snippet, body=tuple(text.replace("participant.uuid", f"{given}.uuid") for text in snippet.body))


def _first_parameter(source: str, line: int) -> str | None:
    """The name of the first parameter of the plugin's function whose body holds the start of
    ``line`` (0-based) of ``source``: the outermost function around it but the plugin's wrapper
    (``(function () { ... })()``), not a callback inside it (``.then(function (response) {``); None
    when there is none, it takes no plain name first, or a function around takes ``participant``."""
    from .jsanalysis import FUNCTION_NODE_TYPES

    found = _node_at_line(source, line)
    if found is None:
        return None
    node = found[0]
    around = []  # (the functions whose bodies hold the line, the innermost first)
    while node is not None:
        if node.type == "statement_block" and node.parent is not None and node.parent.type in FUNCTION_NODE_TYPES:
            around.append(node.parent)
        node = node.parent
    if around and _called_at_once(around[-1]):
        around.pop()  # (the wrapper)
    if not around or any("participant" in _parameter_names(f) for f in around):
        return None
    if around[-1].parent is not None and around[-1].parent.type == "arguments":
        return None  # (a callback at the plugin's top, x.then(function (response) {: no menu item's function)
    params = around[-1].child_by_field_name("parameters") or around[-1].child_by_field_name("parameter")
    first = params if params is not None and params.type == "identifier" else None
    if params is not None and first is None:
        first = next((c for c in params.named_children if c.type != "comment"), None)
    return first.text.decode("utf-8", "replace") if first is not None and first.type == "identifier" else None


def _called_at_once(function: Any) -> bool:
    """Whether ``function`` of the syntax tree is called where it is written: ``(function () {...})()``."""
    node = function
    while node.parent is not None and node.parent.type == "parenthesized_expression":
        node = node.parent
    up = node.parent
    return up is not None and up.type == "call_expression" and up.child_by_field_name("function") == node


def _names_a_word(name: str, source: str) -> bool:
    return re.search(rf"(?<![\w$]){re.escape(name)}(?![\w$])", source) is not None


def _declared_around(source: str, line: int, name: str) -> bool:
    """Whether a block holding the start of ``line`` (0-based; any block, from the innermost out to
    the file's top) declares ``name``, or the function whose body it is takes it as a parameter: a
    ``const`` of it there is a syntax error."""
    from .jsanalysis import FUNCTION_NODE_TYPES

    found = _node_at_line(source, line)
    if found is None:
        return False
    node = found[0]
    while node is not None:
        if node.type in ("statement_block", "program") and any(_declares(child, name) for child in node.named_children):
            return True
        if node.type in FUNCTION_NODE_TYPES and name in _parameter_names(node):
            return True
        node = node.parent
    return False


def _parameter_names(function: Any) -> set[str]:
    """The names a function of the syntax tree takes (``(value)``, ``value =>``, ``{value}``, ``...rest``)."""
    params = function.child_by_field_name("parameters") or function.child_by_field_name("parameter")
    return _pattern_names(params) if params is not None else set()


def _pattern_names(node: Any) -> set[str]:
    """The names a parameter, or a list or pattern of them, declares (not its defaults' names)."""
    if node.type in ("identifier", "shorthand_property_identifier_pattern"):
        return {node.text.decode("utf-8", "replace")}
    if node.type in ("assignment_pattern", "object_assignment_pattern"):
        return _pattern_names(node.child_by_field_name("left"))
    if node.type == "pair_pattern":
        return _pattern_names(node.child_by_field_name("value"))
    if node.type in ("formal_parameters", "object_pattern", "array_pattern", "rest_pattern"):
        return set().union(*(_pattern_names(c) for c in node.named_children))
    return set()


def snippet_style(source: str, following: str) -> CodeStyle:
    """The style a snippet is written in, in ``source`` before ``following`` (the code after it):
    the file's (see :func:`code_style`), and in a file of arrow functions only, the functions it
    declares (load, unload) as names given an arrow, ``const load = (...) => {...};``, unless the
    registerPlugin call that names them runs before them: above them in the file, or too far
    below to tell. Why: the load and unload snippets were a plugin of arrows' only ``function``,
    which its author rewrote by hand; and a const is not set yet when code above it reads it (a
    ReferenceError), where a function declaration is hoisted."""
    style = code_style(source)
    if style.arrows and (_NAMES_REGISTER.search(following) or not _NAMES_REGISTER.search(source)):
        style = replace(style, named_arrows=True)
    return style


_NAMES_REGISTER = re.compile(r"\bregisterPlugin\b")


def registers_again(snippet: Snippet, source: str) -> str:
    """Why ``snippet`` must not go into ``source``, in words; "" when it may. Why: 'iife' or
    'register' written into a plugin that registers one already was a second plugin inside the
    first, registering again each time its code ran (the check's PD523 says the same of the word)."""
    from .jsanalysis import analyse

    if snippet.place not in ("file", "register") or not _NAMES_REGISTER.search(source):
        return ""
    if len(source) <= _WRAPPER_SEARCHED_UP_TO and not analyse(source).registrations:
        return ""  # (a big source is not analysed on the spot: a bundle took seconds; it names registerPlugin)
    return (
        f"'{snippet.prefix}' writes the snippet '{snippet.name}', which registers a plugin, and this file "
        "registers one already: a second plugin would go inside it"
    )


def declares_again(snippet: Snippet, source: str, line: int) -> str:
    """Why ``snippet`` must not go on ``line`` (0-based) of ``source``, in words: it declares a
    function (``function load(``) that the code around that line (the function body it is in, or
    the file's top) declares already; "" when it may. Why: 'load' then Tab in a plugin with a load
    wrote a second one, which silently took the first one's place, its code no longer run; in a
    file of const, a second 'const load' stopped the whole plugin (a syntax error), as 'state'
    did with a second 'const state$'."""
    named = re.match(r"function ([\w$]+)\(|var ([\w$]+) = ", snippet.text)
    if named is None or len(source) > _WRAPPER_SEARCHED_UP_TO:
        return ""
    name = named.group(1) or named.group(2)
    if named.group(1) and (own := _registered_otherwise(source, name)):
        return (
            f"'{snippet.prefix}' writes the function {name}, but the plugin registers its own {name} (line {own}): "
            f"this one would never run. Write the snippet's lines in that one"
        )
    if not re.search(rf"(?:\bfunction\s+|\b(?:var|let|const)\s+){re.escape(name)}(?![\w$])", source):
        return ""  # (declared nowhere: the usual case, no parse)
    # (a value, state$, also where a function around declares it: a second one inside hid the
    # one registered, so that state$.next changed a state the app never saw)
    first = _declared_beside(source, line, name, outward=bool(named.group(2)))
    if first is None:
        return ""
    if named.group(2):
        return (
            f"'{snippet.prefix}' declares {name}, which the code here declares already (line {first + 1}): a second "
            f"declaration would hide or replace it (beside it, as a const or let, stop the plugin). Use the one there"
        )
    return (
        f"'{snippet.prefix}' writes the function {name}, which the code here has already (line {first + 1}): a "
        f"second one would take its place, its code no longer run. Write the snippet's lines inside that one, or "
        f"delete it first"
    )


def _registered_otherwise(source: str, name: str) -> int | None:
    """The line (1-based) of the key ``name`` of the plugin's registerPlugin call when it registers
    something else than the function called ``name``: a function written there (``load: function
    () {...}``, ``load() {...}``) or another name (``load: start``); None else. Why: the load
    snippet written beside such a plugin's functions was never called, and nothing said so."""
    from .jsanalysis import analyse

    n = re.escape(name)
    key_or_method = (
        rf"(?<![\w$.])['\"]?{n}['\"]?\s*:(?!\s*{n}(?![\w$]))"  # (not load: load)
        rf"|^[ \t]*(?:async\s+)?{n}\s*\([^()]*\)\s*\{{"
    )
    if not re.search(key_or_method, source, re.MULTILINE):
        return None  # (the usual plugin, load: load or { load }: no parse)
    for registration in analyse(source).registrations:
        key = (registration.keys or {}).get(name)
        if key is not None and not (key.kind == "identifier" and key.value == name):
            return key.line
    return None


def _declared_beside(source: str, line: int, name: str, outward: bool = False) -> int | None:
    """The line (0-based) where the function body holding ``line`` (or the file's top, or the
    plugin's wrapper) declares ``name`` (a function, var, let or const), or with ``outward`` one of
    the bodies around it; None when none does."""
    from .jsanalysis import FUNCTION_NODE_TYPES

    found = _node_at_line(source, line)
    if found is None:
        return None
    scope, at = found
    while True:
        while scope.parent is not None and not (
            scope.type == "statement_block" and scope.parent.type in FUNCTION_NODE_TYPES and scope.start_byte < at
        ):
            scope = scope.parent
        found = next((child.start_point[0] for child in scope.named_children if _declares(child, name)), None)
        if found is not None or not outward or scope.parent is None:
            return found
        scope = scope.parent


def _declares(statement: Any, name: str) -> bool:
    """Whether a statement of the syntax tree declares ``name``: as a function, or a var, let or
    const, also exported (``export function load``: a module's load was not seen, and a second went
    in). Why the lengths first: a node's text costs a tenth of a millisecond, and a plugin's
    thousands of statements were read at each key typed in the snippet browser's search."""
    if statement.type == "export_statement":
        declaration = statement.child_by_field_name("declaration")
        return declaration is not None and _declares(declaration, name)
    if statement.type == "function_declaration":
        names = [statement.child_by_field_name("name")]
    elif statement.type in ("lexical_declaration", "variable_declaration"):
        names = [d.child_by_field_name("name") for d in statement.named_children if d.type == "variable_declarator"]
    else:
        return False
    size = len(name.encode("utf-8", "surrogatepass"))
    return any(
        n is not None and n.end_byte - n.start_byte == size and n.text.decode("utf-8", "replace") == name for n in names
    )


def unplaced_subscriptions(snippet: Snippet, source: str) -> str:
    """Why ``snippet`` goes into ``source`` without the ``subscriptions`` array it uses, when
    :func:`lines_needed` wrote none (see :func:`no_place_for_subscriptions`); "" when the source
    declares it or the snippet uses none. Why: the snippet went in alone, unsaid, and the check
    then said subscriptions was defined nowhere."""
    if snippet.place == "file" or not _KEPT_IN.search(snippet.text) or _DECLARED.search(source):
        return ""
    return no_place_for_subscriptions(source)


def no_place_for_subscriptions(source: str) -> str:
    """Why :func:`subscriptions_needed` writes nothing in ``source``, in words for the fix's
    message. Why: "declared already, or there is no wrapper function" was neither true nor of help
    in a plugin whose wrapper was there but never closed."""
    from .jsanalysis import analyse

    if _DECLARED.search(source):
        return "subscriptions is declared already"
    if len(source) > _WRAPPER_SEARCHED_UP_TO:  # (not analysed on the spot: a bundle of megabytes took seconds)
        return (
            "the source is too big (256 KB and up, as a build's output is) to be searched for a sure place: write "
            "var subscriptions = []; at the top of the plugin's wrapper function yourself"
        )
    info = analyse(source)
    if info.syntax_errors:
        return (
            "the source has a syntax error (the Problems list says where): fix it first, so that the array "
            "can go inside the plugin's wrapper function"
        )
    if info.registrations and not any(
        _in_a_function(source, reg.line - 1, reg.column - 1) for reg in info.registrations
    ):
        return (
            "the plugin's code is not inside a wrapper function ((function () { ... })() around it all): at the "
            "file's top the array would be a global of the page, shared with every plugin that does the same, "
            "each one's unload releasing the others' subscriptions. Put the code in such a wrapper first (a build "
            "tool writes one with its output format 'iife'): then the array can go at its top"
        )
    return (
        "it knows no place surely inside the plugin's wrapper function ((function () { ... })() around "
        "registerPlugin), where load and unload both see it: write var subscriptions = []; at the top of that "
        "function yourself (at the file's top, the array would be the page's, shared with other plugins)"
    )


def _declaration_at(
    above: bool, source: str, lines: list[str], line: int, unload: int | None
) -> tuple[int, int, str] | None:
    """Where and what :func:`subscriptions_needed` writes to declare ``subscriptions``; None when
    it knows no place surely in the wrapper (``unload``: the line of unload, which must see it)."""
    if not above:
        found = list(_FUNCTION_LOAD.finditer("\n".join(lines[:line])))
        if found:
            line = source.count("\n", 0, found[-1].start())
        else:
            found = _top_of_wrapper(source, line, unload)
            # (else below an indented 'use strict', which stands first in a wrapper; not below the
            # file's own, on its first line: outside the wrapper, the array was the page's)
            strict = next((m for m in _USE_STRICT.finditer(source) if m.group(1)), None)
            if found is not None or strict is None:
                return found
            return _below(source.count("\n", 0, strict.start()), strict, lines)
    rows = _body_rows(source, line)
    if rows is None:
        return None  # (at the file's top: the array would be the page's, see no_place_for_subscriptions)
    if unload is not None and not rows[0] <= unload <= rows[1]:
        # In a function that does not hold unload ('load' typed inside another function): there,
        # unload's release threw a ReferenceError; at the top of the wrapper both see it.
        return _top_of_wrapper(source, line, unload)
    indent = re.match(r"[ \t]*", lines[line]).group()
    while line > 0 and lines[line - 1].lstrip().startswith(("//", "/*", "*")):
        line -= 1  # (above the comment that says what the function is, not between them)
    return line, 0, "".join(indent + text + "\n" for text in _DECLARATION) + "\n"


# How big a source :func:`_top_of_wrapper` parses: a bundle (a megabyte took a second and more, at
# each move in the snippet browser) is a build's output, no place to write code into by hand.
_WRAPPER_SEARCHED_UP_TO = 256 * 1024


@lru_cache(maxsize=4)
def _top_of_wrapper(source: str, line: int, unload: int | None) -> tuple[int, int, str] | None:
    """Where and what declares ``subscriptions`` in a plugin with no ``function load`` above
    ``line`` (load written as a key of registerPlugin's object, a method or an arrow function):
    the top of the function whose body holds the registerPlugin call (the plugin's
    ``(function () { ... })()``, ``(() => { ... })()``, ``!function () { ... }()``), below its
    'use strict' if it has one, set there before any of that body runs and seen by everything it
    registers. None when ``line`` or unload is outside that body, the call is at the file's top
    (the array would be the page's, shared with every other plugin), the code around it does not
    parse, or the body's first line holds code (a bundle's one-liner).

    Why: such a plugin had no place for the array, so the snippet went in without it and the
    check then said subscriptions was defined nowhere. (Kept for the last few texts: the snippet
    browser asks at each move in its list, and parsing 200 KB takes a fifth of a second.)
    """
    from .jsanalysis import FUNCTION_NODE_TYPES, analyse

    if len(source) > _WRAPPER_SEARCHED_UP_TO:
        return None
    lines = source.split("\n")
    registrations = analyse(source).registrations
    if len(registrations) != 1:
        return None
    reg = registrations[0]
    if reg.line > len(lines):
        return None
    at = len(
        "\n".join(lines[: reg.line - 1] + [lines[reg.line - 1][: reg.column - 1]]).encode("utf-8", "surrogatepass")
    )
    block = _tree(source).root_node.descendant_for_byte_range(at, at + 1)
    while block is not None and not (block.type == "statement_block" and block.parent.type in FUNCTION_NODE_TYPES):
        if block.type == "ERROR" or block.is_missing:
            return None
        block = block.parent
    if block is None or block.has_error:
        return None
    first, last = block.start_point[0], block.end_point[0]
    if not all(first < n < last for n in (line, unload) if n is not None):
        return None
    after = lines[first].encode("utf-8", "surrogatepass")[block.start_point[1] + 1 :].strip()
    if after and not after.startswith(b"//"):
        return None  # (code after the { on its line: nowhere to put whole lines)
    top = next((n for n in block.named_children if n.type != "comment"), None)
    if top is not None and top.type == "expression_statement" and top.named_children[0].type == "string":
        # A directive must stay first (above it, 'use strict' is a plain string): below it, when
        # it is 'use strict' on a line of its own.
        strict = _USE_STRICT.match(lines[top.start_point[0]])
        return _below(top.start_point[0], strict, lines) if strict and top.start_point[0] == top.end_point[0] else None
    below = next(text for text in lines[first + 1 : last] if text.strip())  # (the call's line, at least)
    indent = below[: len(below) - len(below.lstrip(" \t"))]
    gap = "\n" if lines[first + 1].strip() else ""  # (a blank line before the code that was first)
    return first + 1, 0, "".join(indent + text + "\n" for text in _DECLARATION) + gap


def _in_a_function(source: str, line: int, column: int = 0) -> bool:
    """Whether ``column`` (characters) of ``line`` (both 0-based) is inside the body of a function,
    so that a ``var`` written there is that function's, not a global of the page (a minified
    plugin's line starts outside its wrapper); see :func:`_body_rows`.

    Why: a plugin with no wrapper function ("use strict"; then its functions, as Babel and tsc
    write it) got its subscriptions array above load, at the file's top: a global that every
    plugin doing the same shared, each one's unload releasing the others' subscriptions.
    """
    return _body_rows(source, line, column) is not None


_ANYWHERE = (0, 1 << 62)  # (what _body_rows says where the parse cannot tell)


@lru_cache(maxsize=4)
def _body_rows(source: str, line: int, column: int = 0) -> tuple[int, int] | None:
    """The first and last lines of the innermost function body holding ``column`` of ``line``;
    None at the file's top. Where the parse cannot say (a syntax error around it, a source too big
    to parse here), every line: the code that asks wrote its lines there before it asked."""
    from .jsanalysis import FUNCTION_NODE_TYPES

    if len(source) > _WRAPPER_SEARCHED_UP_TO:
        return _ANYWHERE
    lines = source.split("\n")
    before = "".join(text + "\n" for text in lines[:line]) + lines[line][:column] if line < len(lines) else source
    at = len(before.encode("utf-8", "surrogatepass"))
    node = _tree(source).root_node.descendant_for_byte_range(at, at)
    while node is not None:
        if node.type == "ERROR" or node.is_missing:
            return _ANYWHERE
        if node.type == "statement_block" and node.parent.type in FUNCTION_NODE_TYPES and node.start_byte < at:
            return node.start_point[0], node.end_point[0]
        node = node.parent
    return None


@lru_cache(maxsize=2)
def _tree(source: str) -> Any:
    """The syntax tree of ``source``, kept for the last two. Why: a snippet typed with Tab asks
    :func:`_body_rows` then :func:`_top_of_wrapper` about the same text, and each parsed it (a
    10,000-line plugin takes some 40 ms to parse)."""
    from .jsanalysis import parse_tree

    return parse_tree(source.encode("utf-8", "surrogatepass"))


def _node_at_line(source: str, line: int) -> tuple[Any, int] | None:
    """(the innermost node of ``source``'s syntax tree at the start of line ``line``, that start's
    byte offset); lines are 0-based, split at LF; None past the last line."""
    lines = source.split("\n")
    if line >= len(lines):
        return None
    at = len("".join(text + "\n" for text in lines[:line]).encode("utf-8", "surrogatepass"))
    return _tree(source).root_node.descendant_for_byte_range(at, at), at


def _below(row: int, strict: re.Match[str], lines: list[str]) -> tuple[int, int, str]:
    """The declaration of ``subscriptions`` below the line ``row``, the 'use strict' ``strict`` matched,
    at its indentation, a blank line above it and one below (code right below it read as part of it)."""
    gap = "\n" if row + 1 < len(lines) and lines[row + 1].strip() else ""
    return row + 1, 0, "\n" + "".join(strict.group(1) + text + "\n" for text in _DECLARATION) + gap


# What comes before the '{' of a block, not an object (also 'catch {' with no (error), and a class's
# 'static {': taken for an object's, a snippet there was refused).
_BLOCK_BEFORE = re.compile(r"(?:[{};)]|=>|(?<![\w$.])(?:else|try|catch|finally|do|static))\Z")


def no_statement_here(before: str) -> str:
    """Why a snippet (each is a statement, or a block of them) cannot start after ``before`` (the
    code up to where it would go), in words; "" when it can. Why: Tab after ``load`` on the line
    below ``registerPlugin({`` (or after ``id: 'x',``) wrote ``function load(...) {...}`` among
    the object's keys, a syntax error that stopped the whole plugin."""
    code = _code_end(before)
    if why := _in_a_class_or_switch(code):
        return why
    last = code[-1:]
    if last == "{":
        if not _BLOCK_BEFORE.search(_code_end(code[:-1])) and _code_end(code[:-1]):
            return "it is right after the '{' of an object ({ id: ..., load: ... }), where only its keys go"
        return ""
    if last and last in ",([=?":
        return f"it follows '{last}', inside an object, a list or a call, where only values go"
    if operator := _OPERATOR_AT_END.search(code):
        return f"it follows '{operator.group()}', in the middle of an expression, where only a value goes"
    return ""


# An operator that a value must follow, ending the code before a snippet (a line ending 'a &&' or
# 'a +'), or the '.' before a member's name ('details.'; not a number's, '1.', nor a spread's):
# not ++ or -- (a statement ends after them) nor the => of an arrow. Why: a snippet typed on
# the line below went in as that value, then its ';' and its block: a syntax error.
_OPERATOR_AT_END = re.compile(r"(?:&&|\|\||(?<![+])\+|(?<![-])-|(?<![=-])>|[*%<&|^!~]|(?<![\d.])\.)\Z")


_CLASS_HEAD = re.compile(r"(?<![\w$.])class(?:\s+[\w$]+)?(?:\s+extends\s[^{};]+)?\s*\Z")
_CASE_LABEL = re.compile(r"(?<![\w$.])(?:case\b|default\s*:)")


def _in_a_class_or_switch(code: str) -> str:
    """Why no statement goes at the end of ``code``, when the brace around it (the innermost one
    left open) is a class's body or a switch's before its first ``case``; "" else. Why: Tab after
    ``load`` there wrote the snippet where only methods, or case labels, go: a syntax error that
    stopped the whole plugin, as among an object's keys."""
    blanked = _COMMENT_OR_STRING.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), code)
    brace = _innermost_open_brace(blanked)
    if brace is None:
        return ""
    head = _code_end(blanked[:brace])
    if _CLASS_HEAD.search(head):
        return "it is in a class's body (class X { ... }), where only its methods and fields go"
    if head.endswith(")") and re.search(r"(?<![\w$.])switch\s*\Z", head[: _opening_paren(head)]):
        if not _CASE_LABEL.search(blanked, brace):
            return "it is in a switch before its first case, where only 'case ...:' and 'default:' go"
    return ""


def _innermost_open_brace(code: str) -> int | None:
    """Where the last ``{`` of ``code`` that no ``}`` closes is; None when every one is closed."""
    depth = 0
    for at in range(len(code) - 1, -1, -1):
        if code[at] == "}":
            depth += 1
        elif code[at] == "{":
            if not depth:
                return at
            depth -= 1
    return None


def _opening_paren(code: str) -> int:
    """Where the ``(`` that the ``)`` ending ``code`` closes is (0 when none does)."""
    depth = 0
    for at in range(len(code) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(code[at], 0)
        if not depth:
            return at
    return 0


def _code_end(text: str) -> str:
    """``text`` without the blanks and comments at its end (``// ...`` on its last lines, ``/* */``)."""
    for _ in range(100):  # (a comment a line: enough above any code)
        text = text.rstrip()
        if text.endswith("*/") and "/*" in text:
            text = text[: text.rfind("/*")]
            continue
        start = text.rfind("\n") + 1
        comment = next((m for m in _COMMENT_OR_STRING.finditer(text, start) if m.group().startswith("//")), None)
        if comment is None:
            return text
        text = text[: comment.start()]
    return text
