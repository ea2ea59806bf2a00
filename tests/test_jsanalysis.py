"""designer.core.jsanalysis: what the static analysis sees in plugin sources (tree-sitter)."""

from __future__ import annotations

import pytest

from designer.core.jsanalysis import DYN, analyse, classify_request, url_host


def test_registration_keys_functions_and_id() -> None:
    info = analyse(
        "(function () {\n"
        "    function load() {}\n"
        "    var unload = () => {};\n"
        "    const api = window.PEX.pluginAPI;\n"
        "    api.registerPlugin({\n"
        "        id: 'x-1',\n"
        "        load,\n"
        "        unload: unload,\n"
        "        'go': function () {},\n"
        "        other() {},\n"
        "        n: 3\n"
        "    });\n"
        "})();\n"
    )
    assert info.syntax_errors == [] and info.leaks == []
    (reg,) = info.registrations
    assert (reg.line, reg.id_value, reg.id_line, reg.id_column) == (5, "x-1", 6, 13)
    assert {k: (v.kind, v.value) for k, v in reg.keys.items()} == {
        "id": ("other", None),
        "load": ("identifier", "load"),
        "unload": ("identifier", "unload"),
        "go": ("function", None),
        "other": ("function", None),
        "n": ("other", None),
    }
    assert set(info.functions) == {"load", "unload"}


def test_syntax_error_positions_are_one_based_characters() -> None:
    info = analyse("(function () {\n    var é = 'ü'; if (x {\n})();\n")
    assert info.syntax_errors
    line, col, _ = info.syntax_errors[0]
    assert line == 2 and col >= 1


def test_a_function_whose_closing_brace_was_deleted_is_reported_at_its_opening_line() -> None:
    """The '}' of an empty unload was deleted: the error was "'}' is missing here" on the file's
    last line, far from the function; a support engineer who does not write JavaScript could not
    find it. Now it is the line whose '{' is never closed."""
    source = (
        "(function () {\n"
        "    function load(participants$, conferenceDetails$) {}\n"
        "    function unload() {\n"
        "    function go() {\n"
        "        PEX.pluginAPI.sendRequest('/lock');\n"
        "    }\n"
        "    PEX.pluginAPI.registerPlugin({id: 'a', load: load, unload: unload, go: go});\n"
        "})();\n"
    )
    ((line, col, message),) = analyse(source).syntax_errors
    assert (line, col) == (3, 23)
    assert message == "this '{' is never closed: its '}' is missing"
    # Closed properly (the body on the next lines, indented): no error at all.
    assert analyse(source.replace("unload() {\n", "unload() {\n        x();\n    }\n")).syntax_errors == []


def test_leaks_are_top_level_declarations_only() -> None:
    info = analyse("var a = 1;\nlet b;\nfunction c() {}\nd = 4;\n(function () { var inner = 1; })();\n")
    assert [(n, line) for n, line, _ in info.leaks] == [("a", 1), ("b", 2), ("c", 3), ("d", 4)]
    assert analyse("'use strict';\n(() => { var x = 1; })();\n!function () { var y; }();\n").leaks == []


def test_string_values_follow_concatenation_templates_ternaries_and_variables() -> None:
    info = analyse(
        "(function () {\n"
        "  function f(p, locked) {\n"
        "    var r = locked ? '/unlock' : '/lock';\n"
        "    PEX.pluginAPI.sendRequest(r);\n"
        "    PEX.pluginAPI.sendRequest('/participants/' + p.uuid + '/mute');\n"
        "    PEX.pluginAPI.sendRequest(`/participants/${p.uuid}/dtmf`, {digits: '1'});\n"
        "  }\n"
        "})();\n"
    )
    paths = [c.args[0] for c in info.calls if c.member == "sendRequest"]
    assert paths == [["/unlock", "/lock"], [f"/participants/{DYN}/mute"], [f"/participants/{DYN}/dtmf"]]


def test_api_members_actions_network_and_icons() -> None:
    info = analyse(
        "(function () {\n"
        "  PEX.pluginAPI.sendRequset('/lock');\n"
        "  var f = PEX.pluginAPI.dialOut;\n"
        "  PEX.actions$.ofType(PEX.actions.SEND_CHAT).subscribe(function () {});\n"
        "  fetch('https://api.example.com/v1?q=' + q);\n"
        "  var x = new XMLHttpRequest(); x.open('POST', 'http://plain.example.org/x');\n"
        "  new WebSocket('wss://' + host + '/socket');\n"
        "  window.open('https://docs.example.com');\n"
        "  var body = '<img src=\"https://img.example.net/a.png\">';\n"
        "  state$.next({icon: 'on.svg#on', label: 'On'});\n"
        "})();\n"
    )
    assert [(c.member, c.line, c.called) for c in info.calls] == [("sendRequset", 2, True), ("dialOut", 3, False)]
    assert info.actions == [("SEND_CHAT", 4, 35)]
    kinds = [(n.kind, n.line) for n in info.network]
    assert kinds == [("fetch", 5), ("XMLHttpRequest", 6), ("WebSocket", 7), ("window.open", 8), ("<img src>", 9)]
    assert [url_host(n.url) for n in info.network][:2] == [
        ("https:", "api.example.com"),
        ("http:", "plain.example.org"),
    ]
    assert url_host(info.network[2].url) == ("wss:", "(an address built at run time)")
    assert info.icons == [("on.svg#on", 10, 22)]


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/lock", ("conference", "lock")),
        ("lock", ("conference", "lock")),
        ("/muteguest", ("unknown", None)),
        (f"/participants/{DYN}/mute", ("participant", "mute")),
        ("/participants/mute", ("no-uuid", "mute")),
        ("/participants/1234/mute", ("no-uuid", "mute")),
        (f"/participants/{DYN}/fly", ("unknown", None)),
        (DYN, ("dynamic", None)),
        (f"/{DYN}", ("dynamic", None)),
    ],
)
def test_classify_request(path: str, expected: tuple[str, str | None]) -> None:
    assert classify_request(path) == expected


def test_analyse_never_raises_on_garbage() -> None:
    for text in ["", "\x00\xff", "(((((", "})", "`${", "/*", "'\\", "a" * 10000, "\ud800"]:
        info = analyse(text)
        assert all(line >= 1 and col >= 1 for line, col, _ in info.syntax_errors)


def test_a_nul_byte_in_a_string_or_comment_is_no_syntax_error() -> None:
    """Valid JavaScript (node parses it); tree-sitter's lexer stopped at the NUL and blamed the rest."""
    from designer.core.jsanalysis import analyse

    src = b"(function () {\n    // a \x00 here\n    var s = 'a\x00b';\n})();\n"
    assert analyse(src).syntax_errors == []


@pytest.mark.parametrize(
    ("source", "place"),
    [
        (b"var a = 1;\n\x00var b = 2;\n", (2, 1)),
        (b"/* \x00 */ var s = '\x00', r = /\x00/;\ns\x00;\n", (2, 2)),
        (b"var t = `a\x00${1 \x00}`;\n", (1, 16)),
    ],
)
def test_a_nul_byte_in_the_code_is_a_syntax_error(source: bytes, place: tuple[int, int]) -> None:
    """The browser rejects a file with a NUL outside text ("Invalid or unexpected token"); read
    as a space for tree-sitter's sake, it passed the check."""
    from designer.core.jsanalysis import analyse

    errors = analyse(source).syntax_errors
    assert [e[:2] for e in errors] == [place] and "NUL" in errors[0][2]


@pytest.mark.parametrize(
    "source",
    [
        # the API handed to an inner IIFE as a parameter
        "(function () {\n    function load() {}\n    (function (api) {\n"
        "        api.registerPlugin({id: 'a', load: load});\n    })(window.PEX.pluginAPI);\n})();\n",
        # a factory (UMD style): the receiver comes from a call the file does not resolve
        "(function (factory) {\n    factory(window.PEX.pluginAPI);\n})(function (api) {\n"
        "    function load() {}\n    api.registerPlugin({id: 'a', load: load});\n});\n",
    ],
    ids=["iife-parameter", "factory"],
)
def test_a_registration_through_a_handed_in_api_is_found(source: str) -> None:
    """Both were PD502 "never calls registerPlugin", an error, for working plugins."""
    (reg,) = analyse(source).registrations
    assert reg.id_value == "a" and set(reg.keys) == {"id", "load"}


def test_a_registration_with_spread_keys_the_file_does_not_spell_out_cannot_be_read() -> None:
    """{id, ...lifecycle, ...actions} gave PD505 and two PD508 errors for keys spread in at run time."""
    info = analyse(
        "(function (lifecycle) {\n    PEX.pluginAPI.registerPlugin({id: 'a', ...lifecycle});\n})(makeLifecycle());\n"
    )
    (reg,) = info.registrations
    assert reg.keys is None


def test_keys_spread_in_from_an_object_the_file_spells_out_are_read() -> None:
    """Why: ``{id, ...lifecycle}`` with ``var lifecycle = {load, unload}`` could not be checked at
    all (PD519), so a missing action or unload went unsaid in a plugin written so."""
    info = analyse(
        "(function () {\n    var lifecycle = {load: function () {}, unload: function () {}};\n"
        "    PEX.pluginAPI.registerPlugin({id: 'a', ...lifecycle});\n})();\n"
    )
    (reg,) = info.registrations
    assert reg.keys is not None and set(reg.keys) == {"id", "load", "unload"}
    assert reg.keys["load"].line == 2


# Line terminators JavaScript and the editor count, and tree-sitter's rows do not (only LF).
ODD_BREAKS = {"lone CR": "\r", "U+2028": "\u2028", "U+2029": "\u2029", "CR and CRLF": "\r\n//\r"}


@pytest.mark.parametrize("brk", list(ODD_BREAKS.values()), ids=list(ODD_BREAKS))
def test_positions_count_lines_as_the_editor_shows_them(brk: str) -> None:
    """After a lone CR, U+2028 or U+2029 (in a comment: valid JavaScript) every line was short
    of the editor's by one per such character, so a problem's jump landed on another line."""
    from designer.core.lineends import LineEndings

    source = (
        f"(function () {{\n    // note{brk} more{brk}\n    function record() {{ PEX.pluginAPI.sendRequset('/x'); }}\n"
        "    var html = '<img src=\"https://img.example.com/a.png\">';\n"
        "    PEX.pluginAPI.registerPlugin({ id: 'x', load: record, unload: record, record: record });\n"
        "    if (x { }\n})();\n"
    )
    info = analyse(source)
    shown = LineEndings(source).shown.split("\n")  # the editor's lines

    def at(line: int, column: int) -> str:
        return shown[line - 1][column - 1 :]

    (call,) = [c for c in info.calls if c.member == "sendRequset"]
    assert at(call.line, call.column).startswith("sendRequset('/x')")
    key = info.registrations[0].keys["unload"]
    assert (
        at(key.line, key.column).startswith("unload: record") and at(key.value_line, key.value_column)[:6] == "record"
    )
    (net,) = info.network
    assert at(net.line, net.column).startswith("https://img.example.com/a.png")
    plain = analyse(LineEndings(source).shown)  # only LF: where tree-sitter and the editor agree
    assert info.syntax_errors and [at(line, col) for line, col, _ in info.syntax_errors] == [
        LineEndings(source).shown.split("\n")[line - 1][col - 1 :] for line, col, _ in plain.syntax_errors
    ]
    assert info.functions["record"] == call.line


@pytest.mark.parametrize(("head", "accent"), [("", ""), ("/*! (c) Ünïcode */", "\u00e9")], ids=["ASCII", "not ASCII"])
def test_positions_on_a_long_minified_line_are_counted_without_decoding_it_again_and_again(
    head: str, accent: str
) -> None:
    """Each position on a line was counted by decoding the line from its start up to it: the
    checks of a 5 MB minified source took 27 s (and closing the window waited for them). The
    bytes read for the positions now stay near the size of the source (they were some 6,000
    times it here), and the columns are the same characters as before."""

    class Counted(bytes):
        read = 0

        def __getitem__(self, key):  # noqa: ANN001, ANN204 - bytes' own
            out = super().__getitem__(key)
            if isinstance(key, slice):
                Counted.read += len(out)
            return out

    line = head + "".join(f"function f{i}(a){{return a+'{accent}{i}'}};" for i in range(12_000))
    data = line.encode("utf-8")
    info = analyse(Counted(data))
    assert len(info.leaks) == 12_000
    for name, row, column in info.leaks[::997]:
        assert row == 1 and line[column - 1 :].startswith(f"function {name}(")
    assert Counted.read < 50 * len(data)


@pytest.mark.parametrize("long_line", [False, True], ids=["short", "minified"])
def test_columns_on_the_first_line_start_after_a_byte_order_mark(long_line: bool) -> None:
    """The mark counted as a character: problems on line 1 were one column right of where the
    editor (and the browser, which drop the mark) show the text."""
    from designer.core.lineends import offset_of

    pad = "var a" + "é" * 9_000 + " = 1; " if long_line else ""  # (é: the columns are decoded)
    body = pad + "PEX.pluginAPI.sendRequset('/x'); function leak() {}\n"
    info = analyse("\ufeff" + body)
    (call,) = [c for c in info.calls if c.member == "sendRequset"]
    assert call.line == 1 and body[call.column - 1 :].startswith("sendRequset(")
    assert body[[c for n, _, c in info.leaks if n == "leak"][0] - 1 :].startswith("function leak")
    # and the fixes find the text at that place in the file as it is, mark included
    text = "\ufeff" + body
    assert text[offset_of(text, call.line, call.column) :].startswith("sendRequset(")


class _CountedBytes(bytes):
    """A source that counts the bytes the analysis copies out of it."""

    copied = 0

    def __getitem__(self, key):  # type: ignore[override]
        part = super().__getitem__(key)
        if isinstance(key, slice):
            _CountedBytes.copied += len(part)
        return part


def test_a_long_chain_of_calls_is_read_once_not_once_per_call(monkeypatch) -> None:
    """a()()()… or p.then(f).then(f)…: each call of the chain holds every call before it, and
    the analysis copied each one's text to look for PEX in it: 100,000 calls took 50 seconds
    (and tree-sitter's query, past 32,767 levels, took seconds per thousand more)."""
    from designer.core import jsanalysis

    real_init = jsanalysis._Analyser.__init__
    monkeypatch.setattr(jsanalysis._Analyser, "__init__", lambda self, data: real_init(self, _CountedBytes(data)))
    for chain in ("()" * 5000, ".then(f)" * 5000):
        source = f"(function () {{ var x = a{chain}; }})();\n".encode()
        _CountedBytes.copied = 0
        info = jsanalysis._analyse(source)
        assert info.syntax_errors == []
        assert _CountedBytes.copied < 20 * len(source)  # it was about 5,000 times the source


def test_a_plugin_registered_thousands_of_times_is_checked_in_one_pass(monkeypatch) -> None:
    """Each registerPlugin call looked up every place its keys' names are defined, scanning the
    whole file each time: 3,000 calls took over a minute. The places are found once per name."""
    from designer.core import jsanalysis

    looked_up: list[object] = []
    real = jsanalysis._Analyser._binding
    monkeypatch.setattr(jsanalysis._Analyser, "_binding", lambda self, n: looked_up.append(n) or real(self, n))
    # (go is declared where the calls cannot see it: the case that needs the full look-up)
    register = "PEX.pluginAPI.registerPlugin({id: 'a', go: go});\n"
    source = ("(function () { function go() {} })();\n" + register * 300).encode()
    info = jsanalysis._analyse(source)
    assert len(info.registrations) == 300
    assert len(looked_up) < 20 * 300  # it was over 300 for each of the 300 calls


def test_an_unclosed_run_of_brackets_is_not_queried_as_one_flat_node(monkeypatch) -> None:
    """tree-sitter leaves ``var d = ((((…`` unclosed as one flat node with a child per bracket,
    and its query takes time growing with the square of them there: a 1 MB line of them made
    `check` run for a quarter of an hour. The query now never meets such a node whole, and finds
    the same functions, calls and declarations."""
    from designer.core import jsanalysis

    asked: list[int] = []
    real = jsanalysis._query_cursor

    class Cursor:
        def __init__(self) -> None:
            self.cursor = real()

        def captures(self, node: object) -> object:
            asked.append(node.child_count)  # type: ignore[attr-defined]
            return self.cursor.captures(node)

    monkeypatch.setattr(jsanalysis, "_query_cursor", Cursor)
    head = "function before(a) { return new Foo(a); }\nvar kept = before(1);\n"
    for opener in ("(", "[", "{", "`${"):
        asked.clear()
        info = jsanalysis._analyse((head + "var d = " + opener * 20_000 + "\n").encode())
        assert info.syntax_errors, opener
        assert "before" in info.functions and "kept" in info.variables, opener
        assert max(asked) < 2_000, opener  # it was the whole run: over 20,000 children


def test_a_file_that_is_one_syntax_error_is_reported_at_its_unclosed_bracket() -> None:
    """tree-sitter makes no program of a file whose run of brackets is never closed, and the error
    was reported at line 1, column 1 ("unexpected '// My plugin…'"), the file's first comment."""
    from designer.core import jsanalysis

    head = "// My plugin\n(function () {\n    var a = 1;\n})();\n"
    for opener in ("(", "["):
        info = jsanalysis._analyse((head + "var d = " + opener * 60 + ";\n").encode())
        assert info.syntax_errors[0] == (5, 9, f"'{opener}' is never closed"), opener


class _CountedScans:
    """The ``re`` module as jsanalysis uses it, counting the searches through a whole source."""

    def __init__(self, source: bytes) -> None:
        import re

        self._re, self._source, self.scans = re, source, 0

    def __getattr__(self, name: str) -> object:
        return getattr(self._re, name)

    def _counted(self, name: str, pattern: object, string: object, *args: object) -> object:
        if isinstance(string, bytes) and len(string) == len(self._source):
            self.scans += 1
        return getattr(self._re, name)(pattern, string, *args)

    def finditer(self, pattern: object, string: object, *args: object) -> object:
        return self._counted("finditer", pattern, string, *args)

    def search(self, pattern: object, string: object, *args: object) -> object:
        return self._counted("search", pattern, string, *args)


def test_thousands_of_registered_names_defined_nowhere_are_looked_for_in_a_few_passes(monkeypatch) -> None:
    """Each registered name that is no declared function was looked for with three searches of
    the whole file (its definitions, `var name =`, `window.name`): a 1 MB source registering
    names it never defines took seconds, growing with the square of its size. The file's names
    are now listed once; the answers stay the same."""
    from designer.core import jsanalysis

    names = [f"handler{k}" for k in range(2000)]
    source = (
        "(function () {\n"
        "  var obj = {}; obj.dotted = 1; window.glob = function () {};\n"
        "  PEX.pluginAPI.registerPlugin({\n    id: 'big',\n"
        + "".join(f"    {n}: {n},\n" for n in names)
        + "    late: late,\n    glob: glob,\n    dotted: dotted,\n    función: función,\n    known: known,\n"
        "  });\n"
        "  var late = function () {};\n"
        "  function known() {}\n"
        "})();\n"
    ).encode()
    counted = _CountedScans(source)
    monkeypatch.setattr(jsanalysis, "re", counted)
    keys = jsanalysis._analyse(source).registrations[0].keys
    assert keys is not None
    assert [keys[n].missing for n in names] == ["nowhere"] * len(names)
    assert keys["dotted"].missing == "nowhere"  # obj.dotted is no global
    assert keys["función"].missing == "nowhere"  # a name with other letters: looked for on its own
    assert (keys["late"].missing, keys["late"].missing_line) == ("var", 3 + len(names) + 8)
    assert keys["glob"].missing is None  # window.glob = ...: a global made at run time
    assert keys["known"].missing is None
    assert counted.scans < 50  # it was three for each of the 2,000 names


def test_an_ordinary_plugin_source_is_searched_not_indexed_word_by_word(tmp_path, monkeypatch) -> None:
    """Listing every word of a source (for files asking about thousands of names) was done for
    any file that asked about one: 7 of the 20 sources of the check benchmark's package, 5 ms of
    a 30 ms check. A source asking about a few names is searched; the index comes after that."""
    import importlib.util

    from conftest import ROOT

    from designer.core import jsanalysis

    spec = importlib.util.spec_from_file_location("check_speed", ROOT / "bench" / "check_speed.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)  # type: ignore[union-attr]
    root = bench.generate(tmp_path)
    made: list[int] = []

    class Counted(jsanalysis._WordIndex):
        def __init__(self, data: bytes) -> None:
            made.append(len(data))
            super().__init__(data)

    monkeypatch.setattr(jsanalysis, "_WordIndex", Counted)
    sources = sorted(root.rglob("*.plugin.js"))
    assert len(sources) == 20
    for path in sources:
        jsanalysis.analyse(path.read_text())
    assert made == []
    many = (
        "(function () {\n"
        + "".join(f"    PEX.pluginAPI.registerPlugin({{id: 'p{i}', x{i}: x{i}}});\n" for i in range(60))
        + "})();\n"
    )
    jsanalysis.analyse(many)
    assert len(made) == 1  # a file asking about many names is indexed once


def test_names_declared_in_every_function_of_minified_code_are_settled_without_asking_each_declaration(
    monkeypatch,
) -> None:
    """Minified code declares ``e`` in thousands of functions and gives it a value in thousands of
    places: each place asked every declaration of ``e`` where its scope is, so a 260 KB bundle
    took 16 s to check (0.1 s before the undeclared-name rules). The scopes are found once per
    declaration now, however many places give the name a value. (Counted, not timed.)"""
    from designer.core import jsanalysis

    asked: list[int] = []
    real = jsanalysis._function_of
    monkeypatch.setattr(jsanalysis, "_function_of", lambda node, *up: asked.append(1) or real(node, *up))
    n = 400
    source = "(function(){" + "".join(
        f"function f{i}(a){{var e=a;for(var j=0;j<3;j++){{e+=j}}return e}}" for i in range(n)
    )
    info = jsanalysis.analyse(source + "})();")
    assert info.syntax_errors == [] and info.undeclared == [] and info.globals_made == []
    assert len(asked) < 20 * n


def test_names_that_are_parameters_of_every_function_of_minified_code_are_settled_without_asking_each_one(
    monkeypatch,
) -> None:
    """``function t(e, t, n) { ... n = o ... }`` thousands of times: each line giving ``n`` a value
    went through every parameter ``n`` of the file (3 s for 300 KB, 0.2 s before). Each name's
    declarations are gone through once now. (Counted, not timed.)"""
    from designer.core import jsanalysis

    looked_at: list[int] = []

    class Counted(list):
        def __iter__(self):
            for item in super().__iter__():
                looked_at.append(1)
                yield item

    real = jsanalysis._Analyser._bindings
    monkeypatch.setattr(jsanalysis._Analyser, "_bindings", lambda self, name: Counted(real(self, name)))
    n = 400
    body = "".join(f"function t{i}(e,t,n){{var r=e;for(var o in t)r+=o,n=o;return r}}" for i in range(n))
    info = jsanalysis.analyse("!function(){" + body + "}();")
    assert info.syntax_errors == [] and info.undeclared == [] and info.globals_made == []
    assert len(looked_at) < 20 * n


@pytest.mark.parametrize("name", ["ñ", "café", "合計"])
def test_a_name_in_another_script_used_before_its_let_is_found_far_down_a_long_wrapper_too(name: str) -> None:
    """A block longer than 64 KB is read word by word for its names; a word was ASCII letters only,
    so 'café' used above its let there was not found (it was near the block's start)."""
    body = f"    console.log({name});\n    let {name} = 1;\n"
    near = analyse("(function () {\n" + body + "})();\n").early_uses
    padding = "    function pad() { return 1; }\n" * 2500
    far = analyse("(function () {\n" + padding + body + "})();\n").early_uses
    assert [(n, line) for n, line, *_ in near] == [(name, 2)]
    assert [(n, line) for n, line, *_ in far] == [(name, 2502)]


@pytest.mark.parametrize(
    ("old", "new", "quote"),
    [
        ("label: 'Unlock meeting' }", "label: 'Unlock meeting }", "'"),  # a closing quote deleted
        ("icon: 'unlock.svg#unlock',", "icon: 'unlock.svg#unlock,", "'"),  # ... before another text on the line
        ("? '/unlock' : '/lock';", '? "/unlock : "/lock";', '"'),
    ],
)
def test_a_text_whose_closing_quote_is_missing_is_said_so(old: str, new: str, quote: str) -> None:
    """A quote deleted from a label: the error said "unexpected \\"Unlock meeting'\\"", text cut from
    the middle of the line that told a non-developer nothing. It says the quotes on that line do
    not pair up. A line whose quotes pair up (an apostrophe inside "...") is left as it was."""
    from conftest import EXAMPLE

    source = (EXAMPLE / "webapp2/plugins/lock-toggle/lock-toggle.plugin.js").read_text()
    assert old in source
    line = next(n for n, text in enumerate(source.split("\n"), 1) if old in text)
    errors = analyse(source.replace(old, new, 1)).syntax_errors
    assert errors[0][0] == line
    assert errors[0][2] == f"the quotes ({quote}) on this line do not pair up: one is missing, or one too many"
    fine = analyse("var a = \"it's\" + 'x' y;\n").syntax_errors
    assert fine and "quotes" not in fine[0][2]


@pytest.mark.parametrize("key", ["id: 'lock-toggle',", "load: load,", "unload: unload,", "toggleLock: toggleLock,"])
def test_a_comma_missing_after_an_entry_of_registerplugin_is_said_at_its_line(key: str) -> None:
    """A comma forgotten after a line of registerPlugin's object (the usual slip when adding an
    action): the error was "unexpected 'unload: unload'" on the next line, which is right as it
    is. It now says that a comma is missing at the end of the line before."""
    from conftest import EXAMPLE

    source = (EXAMPLE / "webapp2/plugins/lock-toggle/lock-toggle.plugin.js").read_text()
    lines = source.split("\n")
    line = next(n for n, text in enumerate(lines, 1) if text.strip() == key)
    ((at, column, message),) = analyse(source.replace(key, key.rstrip(","), 1)).syntax_errors
    assert (at, column) == (line, len(lines[line - 1]))  # just after the entry (no comma now), where it goes
    assert message == "a comma (,) is missing at the end of this line, before the next entry"
    # The entries written on one line: no line to point at, said as before.
    assert analyse("f({a: 1 b: 2});\n").syntax_errors[0][2].startswith("unexpected")


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        ("function unload()", "fuction unload()", "'fuction' is not a JavaScript word: did you mean 'function'?"),
        (
            "function showLockStatus()",
            "funtion showLockStatus()",
            "'funtion' is not a JavaScript word: did you mean 'function'?",
        ),
        (
            "var request = isLocked",
            "retrun request = isLocked",
            "'retrun' is not a JavaScript word: did you mean 'return'?",
        ),
        ("var locked = false;", "vra locked = false;", "'vra' is not a JavaScript word: did you mean 'var'?"),
        (
            "function unload()",
            "Function unload()",
            "'Function' is not a JavaScript word here: did you mean 'function' (in small letters)?",
        ),
        ("} else {", "} esle {", "'esle' is not a JavaScript word: did you mean 'else'?"),
    ],
)
def test_a_misspelt_javascript_word_is_named_with_the_word_meant(old: str, new: str, said: str) -> None:
    """ "fuction unload() {" was "unexpected 'unload'" and "';' is missing here": nothing said that
    the word before it was misspelt. It is now the one error of that line, at the word, with the
    word meant."""
    from conftest import EXAMPLE

    source = (EXAMPLE / "webapp2/plugins/lock-toggle/lock-toggle.plugin.js").read_text()
    assert old in source
    line = next(n for n, text in enumerate(source.split("\n"), 1) if old in text)
    broken = source.replace(old, new, 1)
    column = broken.split("\n")[line - 1].index(new.split()[0] if new[0] != "}" else "esle") + 1
    errors = analyse(broken).syntax_errors
    assert [e for e in errors if e[0] == line] == [(line, column, said)]


def _lock_toggle() -> str:
    from conftest import EXAMPLE

    return (EXAMPLE / "webapp2/plugins/lock-toggle/lock-toggle.plugin.js").read_text()


def _line_of(source: str, text: str) -> int:
    return next(n for n, line in enumerate(source.split("\n"), 1) if text in line)


QUOTES = "the quotes (') on this line do not pair up: one is missing, or one too many"
STRAY = "this '}' closes nothing: remove it, or look for a missing '{' above"
DOT = "the line ends with '.': a name is missing after it"


def test_the_errors_that_follow_from_an_unclosed_quote_are_folded_into_it() -> None:
    """A label's closing quote deleted: the clear "quotes do not pair up" was followed by four
    more errors down to the end of the file ("unexpected 'function toggleLock'", "')' is missing
    here", ...), all from the one quote. They are dropped; an error of its own further down stays."""
    source = _lock_toggle()
    line = _line_of(source, "label: 'Unlock meeting' }")
    broken = source.replace("label: 'Unlock meeting' }", "label: 'Unlock meeting }", 1)
    assert [(at, message) for at, _col, message in analyse(broken).syntax_errors] == [(line, QUOTES)]
    # A second slip below, on its own: still said, at its line.
    other = _line_of(source, "        subscriptions = [];")
    both = broken.replace("        subscriptions = [];", "        subscriptions = [;", 1)
    errors = analyse(both).syntax_errors
    assert [(at, message) for at, _col, message in errors][0] == (line, QUOTES)
    assert [at for at, _col, _message in errors] == [line, other]


def test_an_extra_closing_brace_is_reported_where_it_is() -> None:
    """An extra '}' after load's was reported 4 lines below, at the next function ("unexpected
    'function toggleLock'"), with three more errors after it. It is now said at the '}' itself.
    A '}' indented otherwise than its '{' line that closes what it should is not blamed, and an
    error of its own below the extra '}' stays."""
    source = _lock_toggle()
    line = _line_of(source, "        }));") + 2
    broken = source.replace("        }));\n    }\n", "        }));\n    }\n    }\n", 1)
    assert analyse(broken).syntax_errors == [(line, 5, STRAY)]
    other = _line_of(broken, "        subscriptions = [];")
    both = broken.replace("        subscriptions = [];", "        subscriptions = [;", 1)
    assert [(at, message) for at, _col, message in analyse(both).syntax_errors][:1] == [(line, STRAY)]
    assert other in [at for at, _col, _message in analyse(both).syntax_errors]
    odd = "if (a &&\n        b) {\n    go();\n}\nfoo(;\n"
    assert [(at, "closes nothing" in message) for at, _col, message in analyse(odd).syntax_errors] == [(5, False)]


@pytest.mark.parametrize(
    ("old", "new", "word"),
    [
        ("subscribe(function (details)", "subscribe(fucntion (details)", "fucntion"),
        (".then(function (response)", ".then(fuction (response)", "fuction"),
        ("forEach(function (subscription)", "forEach(funtion (subscription)", "funtion"),
    ],
)
def test_a_misspelt_function_in_a_calls_arguments_is_named(old: str, new: str, word: str) -> None:
    """subscribe(fucntion (details) {...}): the error was "unexpected 'Boolean(details && details.loc'"
    on the next line, which names no misspelling. It is now the file's one error, at the word."""
    source = _lock_toggle()
    line = _line_of(source, old)
    broken = source.replace(old, new, 1)
    column = broken.split("\n")[line - 1].index(word) + 1
    info = analyse(broken)
    assert info.syntax_errors == [(line, column, f"'{word}' is not a JavaScript word: did you mean 'function'?")]
    assert analyse("f(fuction () {});\n").syntax_errors == [
        (1, 3, "'fuction' is not a JavaScript word: did you mean 'function'?")
    ]
    # A method of that name in an object is JavaScript: an error elsewhere does not blame it.
    errors = analyse("var o = { fuction(x) { return x; } };\nf(;\n").syntax_errors
    assert [at for at, _col, _message in errors] == [2] and "fuction" not in errors[0][2]


@pytest.mark.parametrize(
    "source",
    [
        "fuction (x) {\n    go(x);\n}\n",
        "fuction unload() {\n    go();\n}\n",
        "(function () {\n    fuction (e) {\n        go(e);\n    }\n})();\n",
    ],
)
def test_a_misspelt_function_is_no_call_of_a_function_defined_nowhere(source: str) -> None:
    """ "fuction (x) {" read as a call of fuction: beside "'fuction' is not a JavaScript word" it was
    also PD523 (a function called when the plugin loads is defined nowhere), which sent people
    looking for a function named fuction. The syntax error explains the word; no PD523 for it."""
    info = analyse(source)
    assert [message for _line, _col, message in info.syntax_errors] == [
        "'fuction' is not a JavaScript word: did you mean 'function'?"
    ]
    assert info.unknown_calls == []
    assert [n for n, *_ in analyse("(function () {\n    go();\n})();\n").unknown_calls] == ["go"]


def test_a_line_ending_with_a_dot_is_said_so() -> None:
    """ "PEX.pluginAPI." still being typed, above a comment and "function unload() {": the file said
    "uses PEX.pluginAPI.function" and "unexpected 'unload'" on the next line. It says the line
    ends with '.' and a name is missing after it, at the dot; "function" is no member used."""
    source = _lock_toggle()
    line = _line_of(source, "// Called when the plugin is switched off")
    broken = source.replace(
        "    // Called when the plugin is switched off",
        "    PEX.pluginAPI.\n    // Called when the plugin is switched off",
        1,
    )
    info = analyse(broken)
    assert info.syntax_errors == [(line, 18, DOT)]
    assert "function" not in [c.member for c in info.calls]
    # A call written on two lines ("PEX.pluginAPI." and the name below) is JavaScript: no error.
    assert analyse("PEX.pluginAPI.\n    sendRequest('/lock');\n").syntax_errors == []
    # A dot at a line's end with the error elsewhere: not blamed.
    errors = analyse("var a = b.\n    c;\nf(;\n").syntax_errors
    assert [(at, message == DOT) for at, _col, message in errors] == [(3, False)]


def test_what_load_keeps_listening_to_is_only_what_it_surely_subscribes_to_from_the_app() -> None:
    """kept_listening (PD535) lists the subscriptions the registered load surely makes on its own
    parameters or PEX.actions$.ofType(...), in a file that never unsubscribes: not one a condition
    or a callback may skip, not one of a helper load calls (not followed), not a parameter given
    another value (p$ = p$.pipe(take(1)): maybe not the app's any more), nothing in a function
    that is not load, and nothing at all once the file says unsubscribe."""

    def kept(body: str, register: str = "load: load, unload: unload") -> list[tuple[str, int, int, bool]]:
        source = f"(function () {{\n{body}    function unload() {{}}\n"
        source += f"    PEX.pluginAPI.registerPlugin({{ id: 'x', {register} }});\n}})();\n"
        return analyse(source).kept_listening

    load = "    function load(participants$, details$) {\n%s    }\n"
    assert kept(load % "        details$.subscribe(function () {});\n") == [
        ("conferenceDetails$ (details$)", 3, 9, False)
    ]
    chat = "        window.PEX.actions$.ofType(window.PEX.actions.SELECT_EVENT).subscribe(() => {});\n"
    assert kept(load % chat) == [("window.PEX.actions$.ofType(window.PEX.actions.SELECT_EVENT)", 3, 9, False)]
    held = "        var a = participants$.subscribe(f);\n        b.push(details$.subscribe(f));\n"
    assert [k[-1] for k in kept(load % held)] == [True, True]  # (kept, never released)
    for skipped in (
        "        if (window.x) { participants$.subscribe(function () {}); }\n",
        "        setTimeout(function () { participants$.subscribe(function () {}); });\n",
        "        participants$ = participants$.pipe(x);\n        participants$.subscribe(function () {});\n",
        "        var mine = { subscribe: function () {} };\n        mine.subscribe();\n",
        "        listen(participants$);\n",
    ):
        assert kept(load % skipped + "    function listen(p$) { p$.subscribe(function () {}); }\n") == [], skipped
    assert kept(load % "        participants$.subscribe(function () {});\n", "load: unload, unload: load") == []
    said = "        participants$.subscribe(function () {});\n        // unsubscribe: never\n"
    assert kept(load % said) == []
