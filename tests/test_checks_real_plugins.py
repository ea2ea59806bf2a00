"""Checks against code written the way real plugins are: what breaks in the app is reported,
with its line, and what works is left alone.

Each test stands for a plugin style found while hunting false alarms and missed breakages
(bundler output, TypeScript helpers, icons named at run time, ...); the fixture is the small
base project with its source (or an icon) replaced.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from designer.core.checks import run_checks
from designer.core.model import load
from designer.core.problems import Problem

JS = ("webapp2", "plugins", "rec", "rec.plugin.js")

REGISTER = (
    "    PEX.pluginAPI.registerPlugin({\n"
    "        id: 'rec-1.0',\n"
    "        load: load,\n"
    "        unload: unload,\n"
    "        record: record\n"
    "    });\n"
)


def _problems(project: Path, source: str) -> list[Problem]:
    project.joinpath(*JS).write_text(source)
    return run_checks(load(project))


def _codes(problems: list[Problem]) -> list[tuple[str, int]]:
    return [(p.code, p.line) for p in problems]


def test_await_in_a_function_not_marked_async_is_a_syntax_error(base_project: Path) -> None:
    """The browser rejects the whole file ("await is only valid in async functions"); tree-sitter
    parses it without complaint, so the check passed a plugin that never loads. The usual slip:
    await inside a forEach callback of an async function."""
    problems = _problems(
        base_project,
        "(function () {\n"
        "    function load() {}\n"
        "    function unload() {}\n"
        "    async function record(participants) {\n"
        "        participants.forEach((p) => {\n"
        "            await PEX.pluginAPI.sendRequest('/participants/' + p.uuid + '/mute');\n"
        "        });\n"
        "    }\n" + REGISTER + "})();\n",
    )
    (error,) = [p for p in problems if p.code == "PD500"]
    assert (error.line, error.column) == (6, 13)
    assert "async" in error.message and "line 5" in error.message


def test_await_in_async_functions_methods_and_arrows_is_fine(base_project: Path) -> None:
    problems = _problems(
        base_project,
        "(function () {\n"
        "    const api = window.PEX.pluginAPI;\n"
        "    const load = async () => { await api.sendRequest('/lock'); };\n"
        "    const tools = { async unload() { for await (const x of []) { await x; } } };\n"
        "    class Rec { async go(ps) { for (const p of ps) { await api.sendRequest('/unlock'); } } }\n"
        "    async function record(ps) { await new Rec().go(ps); await (async function () {})(); }\n"
        "    var unload = tools.unload;\n"
        "    const awaited = { await: 1 }.await;\n" + REGISTER + "})();\n",
    )
    assert [p for p in problems if p.code == "PD500"] == []


def _body(register: str = REGISTER) -> str:
    return "    function load() {}\n    function unload() {}\n    function record() {}\n" + register


def test_a_wrapper_function_that_is_never_called_is_reported(base_project: Path) -> None:
    """``(function () { ... });`` (the closing () forgotten) defines the plugin and never runs it,
    so it never registers; the check saw the registerPlugin call and passed it."""
    problems = _problems(base_project, "(function () {\n" + _body() + "});\n")
    (error,) = [p for p in problems if p.code == "PD502"]
    assert error.line == 5 and "line 1" in error.message and "})();" in error.message


def test_registering_inside_a_function_nothing_calls_is_reported(base_project: Path) -> None:
    source = "(function () {\n" + _body("    function register() {\n" + REGISTER + "    }\n") + "})();\n"
    problems = _problems(base_project, source)
    (error,) = [p for p in problems if p.code == "PD502"]
    assert error.line == 6 and "register" in error.message and "line 5" in error.message


def test_registering_in_a_function_that_is_called_or_handed_on_is_fine(base_project: Path) -> None:
    for wrap in (
        "    function register() {\n" + REGISTER + "    }\n    register();\n",
        "    function register() {\n" + REGISTER + "    }\n    document.addEventListener('load', register);\n",
        "    setTimeout(function () {\n" + REGISTER + "    });\n",
    ):
        for start, end in (("(function () {\n", "})();\n"), ("!function () {\n", "}();\n"), ("(() => {\n", "})();\n")):
            problems = _problems(base_project, start + _body(wrap) + end)
            assert [p for p in problems if p.code == "PD502"] == [], start + wrap


STATEFUL = (
    "(function () {\n"
    "    var state$ = PEX.pluginAPI.createNewState({});\n"
    "    function load(participants$, conference$) {\n"
    "        conference$.subscribe(function (c) {\n"
    "            state$.next({ icon: %s, label: 'Record' });\n"
    "        });\n"
    "    }\n"
    "    function unload() {}\n"
    "    function record() {}\n"
    "    PEX.pluginAPI.registerPlugin({ id: 'rec-1.0', load: load, unload: unload, record: record, state$: state$ });\n"
    "})();\n"
)


def test_icons_the_code_picks_with_a_condition_or_builds_from_parts_are_checked(base_project: Path) -> None:
    """``icon: c.locked ? 'a.svg#a' : 'b.svg#b'`` and ``'icons/' + 'stop' + '.svg#stop'`` were not
    read at all, so a missing file there passed the check and the button lost its icon."""
    for value, column in (
        ("c.locked ? 'rec.svg#rec' : 'stop.svg#stop'", 60),
        ("'st' + 'op.svg#stop'", 33),
    ):
        problems = _problems(base_project, STATEFUL % value)
        found = [(p.line, p.column) for p in problems if p.code == "PD518" and "stop.svg" in p.message]
        assert found == [(5, column)], value


def test_icons_known_only_at_run_time_are_not_guessed_at(base_project: Path) -> None:
    for value in ("c.locked ? 'rec.svg#rec' : c.icon", "'icons/' + c.name + '.svg#x'", "`${c.name}.svg#rec`"):
        assert [p for p in _problems(base_project, STATEFUL % value) if p.code == "PD518"] == [], value


def test_an_icon_whose_name_the_code_builds_is_not_called_a_leftover(base_project: Path) -> None:
    """PD406 called 'unlock.svg' unused ("Delete it if it is a leftover", with a Delete button)
    when the code builds the name from parts ('icons/' + name + '.svg#' + name): deleting it
    would break the plugin. A file whose name the code does not hold at all is still named."""
    folder = base_project / "webapp2" / "plugins" / "rec"
    (folder / "icons").mkdir()
    for name in ("unlock", "old"):
        (folder / "icons" / f"{name}.svg").write_text(
            f'<svg xmlns="http://www.w3.org/2000/svg" id="{name}" viewBox="0 0 24 24"><path d="M1 1h2"/></svg>\n'
        )
    value = "'icons/' + NAMES[c.locked] + '.svg#' + NAMES[c.locked]"
    source = STATEFUL.replace("    var state$", "    var NAMES = { true: 'unlock', false: 'rec' };\n    var state$")
    problems = _problems(base_project, source % value)
    assert [p.file for p in problems if p.code == "PD406"] == ["plugins/rec/icons/old.svg"]


TS_HELPERS = (
    '"use strict";\n'
    "var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {\n"
    "    return new (P || (P = Promise))(function (resolve) { resolve(generator); });\n"
    "};\n"
    "var __generator = (this && this.__generator) || function (thisArg, body) { return body; };\n"
)


def test_typescript_helpers_at_the_top_are_not_called_leaks(base_project: Path) -> None:
    """TypeScript puts ``var __awaiter = (this && this.__awaiter) || function ...`` above the
    compiled code: made to be shared between scripts (each reuses the one already there), so
    they clash with nothing. PD501 failed `check --strict` on every such plugin. Other names at
    the top are still named."""
    wrapped = "(function () {\n" + _body() + "})();\n"
    assert [p for p in _problems(base_project, TS_HELPERS + wrapped) if p.code == "PD501"] == []
    (leak,) = [p for p in _problems(base_project, TS_HELPERS + "var api = 1;\n" + wrapped) if p.code == "PD501"]
    assert leak.line == 6 and "'api'" in leak.message and "__awaiter" not in leak.message


def test_import_and_export_statements_are_syntax_errors_in_a_plugin(base_project: Path) -> None:
    """A bundle built as an ES module (rollup's default format, esbuild --format=esm) ends with
    ``export { ... }`` or starts with ``import``: the app loads plugins as plain scripts, where
    the browser rejects those lines and with them the whole file. The check passed it."""
    wrapped = "(function () {\n" + _body() + "})();\n"
    for source, line in (
        (wrapped + "export { load as default };\n", 12),
        ("import { x } from './x.js';\n" + wrapped, 1),
        (wrapped + "export default 1;\n", 12),
    ):
        (error,) = [p for p in _problems(base_project, source) if p.code == "PD500"]
        assert error.line == line and "module" in error.message and "iife" in error.message, source
    dynamic = "(function () {\n" + _body() + "    import('./extra.js').then(() => {});\n})();\n"
    assert [p for p in _problems(base_project, dynamic) if p.code == "PD500"] == []


def _registering_after(head: str) -> str:
    """The plugin in a function whose body starts with ``head``, its call to registerPlugin left as %s."""
    return "(function () {\n" + head + _body(REGISTER.replace("PEX.pluginAPI.registerPlugin", "%s")) + "})();\n"


def test_register_plugin_taken_out_by_destructuring_or_brackets_is_seen(base_project: Path) -> None:
    """``const { registerPlugin } = window.PEX.pluginAPI; registerPlugin({...})`` and
    ``window['PEX'].pluginAPI['registerPlugin']({...})`` were "never calls registerPlugin", an
    error on working plugins; a misspelt member taken out the same way was not reported."""
    for head, call in (
        ("    const { registerPlugin, sendRequest: send } = window.PEX.pluginAPI;\n", "registerPlugin"),
        ("    var api = window.PEX.pluginAPI, registerPlugin = api.registerPlugin;\n", "registerPlugin"),
        ("", "window['PEX'].pluginAPI['registerPlugin']"),
        ("", 'PEX["pluginAPI"].registerPlugin'),
    ):
        source = _registering_after(head) % call
        problems = _problems(base_project, source)
        assert [p.code for p in problems if p.code.startswith("PD5")] == [], source
    source = _registering_after("    const { openDialog } = PEX.pluginAPI;\n    openDialog({});\n")
    problems = _problems(base_project, source % "PEX.pluginAPI.registerPlugin")
    assert [(p.code, p.line, p.column) for p in problems if p.code.startswith("PD5")] == [("PD511", 2, 13)]


def test_register_plugin_called_in_brackets_on_a_name_holding_the_api_is_seen(base_project: Path) -> None:
    """``var api = window.PEX.pluginAPI; api['registerPlugin']({...})`` (as minifiers and
    Closure-style code write it) was "never calls registerPlugin", an error on a working plugin;
    a misspelt member called so is still reported."""
    for head, call in (
        ("    var api = window.PEX.pluginAPI;\n", "api['registerPlugin']"),
        ("    const api = window['PEX']['pluginAPI'];\n", 'api["registerPlugin"]'),
    ):
        source = _registering_after(head) % call
        problems = _problems(base_project, source)
        assert [p.code for p in problems if p.code.startswith("PD5")] == [], source
    source = _registering_after("    var api = PEX.pluginAPI;\n    api['openDialog']({});\n")
    problems = _problems(base_project, source % "PEX.pluginAPI.registerPlugin")
    assert [(p.code, p.line) for p in problems if p.code.startswith("PD5")] == [("PD511", 3)]


def _sprite(inner: str) -> str:
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">\n'
        '<symbol id="rec" viewBox="0 0 24 24"><path id="shape" d="M1 1h2"/></symbol>\n'
        f'<symbol id="stop" viewBox="0 0 24 24"><path id="shape" d="M2 2h2"/>{inner}</symbol>\n'
        "</svg>\n"
    )


def test_a_sprite_whose_symbols_repeat_an_inner_id_nothing_refers_to_is_fine(base_project: Path) -> None:
    """Sprites copied from the app (many <symbol>s) repeat inner ids such as 'shape': the icons are
    found by their symbols' ids, so nothing goes wrong, yet PD421 failed `check --strict`. A
    repeated id that something refers to (href="#shape") may draw the wrong shape: still said."""
    svg = base_project / "webapp2" / "plugins" / "rec" / "rec.svg"
    source = base_project.joinpath(*JS).read_text()
    svg.write_text(_sprite(""))
    assert [p for p in _problems(base_project, source) if p.code == "PD421"] == []
    svg.write_text(_sprite('<use xlink:href="#shape"/>'))
    assert [(p.code, p.line) for p in _problems(base_project, source) if p.code == "PD421"] == [("PD421", 3)]

    svg.write_text(_sprite(""))
    pkg = base_project / "webapp2" / "plugins" / "rec" / "rec.plugin.package.json"
    pkg.write_text(pkg.read_text().replace("rec.svg#rec", "rec.svg#shape"))
    (said,) = [p for p in _problems(base_project, source) if p.code == "PD421"]
    assert said.file == "plugins/rec/rec.plugin.package.json" and said.line == 13 and "lines 2 and 3" in said.message


def test_declaring_a_name_twice_with_let_or_const_or_a_const_with_no_value_is_a_syntax_error(
    base_project: Path,
) -> None:
    """``let count = 0;`` pasted in twice, or ``const mode;`` with its value not yet written: the
    browser rejects the whole file ("Identifier 'count' has already been declared", "Missing
    initializer in const declaration"), but tree-sitter parses both and the check passed them."""
    for extra, line, word in (
        ("    let count = 0;\n    var x;\n    let count = 1;\n", 4, "count"),
        ("    const mode;\n", 2, "mode"),
        ("    const load = 1;\n", 3, "load"),
        ("    switch (x) { case 1: let y; break; default: const y = 2; }\n", 2, "y"),
    ):
        source = "(function () {\n" + extra + _body() + "})();\n"
        (error,) = [p for p in _problems(base_project, source) if p.code == "PD500"]
        assert error.line == line and f"'{word}'" in error.message, extra


def test_the_same_name_in_different_blocks_or_with_var_twice_is_fine(base_project: Path) -> None:
    extra = (
        "    var a = 1; var a = 2;\n"
        "    let b = 1;\n"
        "    if (a) { let b = 2; const c = 3; }\n"
        "    for (const c of [1]) { const d = c; }\n"
        "    for (let i = 0; i < 2; i++) { let i2 = i; }\n"
        "    for (let i = 0; i < 2; i++) {}\n"
        "    function f(e) { let b = e; try { f(); } catch (e) { let b; } }\n"
        "    const { x, y } = {};\n"
    )
    source = "(function () {\n" + extra + _body() + "})();\n"
    assert [p for p in _problems(base_project, source) if p.code == "PD500"] == []


def test_letting_someone_in_from_the_waiting_room_and_presentation_rights_are_known_requests(
    base_project: Path,
) -> None:
    """'/participants/<uuid>/unlock' lets a participant in from the waiting room of a locked
    meeting, 'allowrxpresentation'/'denyrxpresentation' let them see the presentation or not,
    '/start_conference' starts the meeting for the guests waiting: all in the client REST API,
    yet PD515 said "which the conference does not know" and failed `check --strict`. They are
    for hosts, so a plugin offered to guests is told so (PD517)."""
    body = (
        "    function record(participants) {\n"
        "        participants.forEach(function (p) {\n"
        "            if (p.serviceType === 'waiting_room') PEX.pluginAPI.sendRequest('/participants/' + p.uuid + '/unlock');\n"
        "            PEX.pluginAPI.sendRequest('/participants/' + p.uuid + (p.rxPresentation ? '/denyrxpresentation' : '/allowrxpresentation'));\n"
        "        });\n"
        "        PEX.pluginAPI.sendRequest('/start_conference');\n"
        "    }\n"
    )
    source = "(function () {\n    function load() {}\n    function unload() {}\n" + body + REGISTER + "})();\n"
    assert [p.code for p in _problems(base_project, source) if p.code.startswith("PD5")] == []
    pkg = base_project / "webapp2" / "plugins" / "rec" / "rec.plugin.package.json"
    pkg.write_text(pkg.read_text().replace('["chair"]', '["chair", "guest"]'))
    (guests,) = [p for p in _problems(base_project, source) if p.code == "PD517"]
    assert "waiting room" in guests.message and "start the meeting" in guests.message


def test_assigning_to_a_name_declared_nowhere_in_strict_code_is_an_error(base_project: Path) -> None:
    """``'use strict'`` (written by hand, or by every bundler) turns ``count = 0`` without a var
    into a ReferenceError when the line runs, and the app shows its 'Oops' page; the check was
    silent. Said once per name, at its first assignment."""
    strict = (
        "(function () {\n"
        "    'use strict';\n"
        "    function load() { count = 0; }\n"
        "    function unload() { count = 1; }\n"
        "    function record() {}\n" + REGISTER + "})();\n"
    )
    (error,) = [p for p in _problems(base_project, strict) if p.code == "PD521"]
    assert (error.line, error.column) == (3, 23) and "'count'" in error.message and "var count" in error.message
    in_class = strict.replace("    'use strict';\n", "    class Tally { reset() { total = 0; } }\n")
    assert [(p.code, p.line) for p in _problems(base_project, in_class) if p.code == "PD521"] == [("PD521", 2)]


def test_giving_a_value_to_a_name_the_browser_window_has_is_said_to_replace_it_not_to_throw(
    base_project: Path,
) -> None:
    """``stop = true`` or ``onload = ...`` without a declaration: window already has ``stop`` and
    ``onload``, so even strict code throws nothing there; the line replaces the browser's own for
    the whole web app. PD521 called it a ReferenceError (the 'Oops' page) and PD524 a new global;
    both were wrong, and ``name``, ``status`` and every ``on...`` name were not mentioned at all."""
    body = (
        "    function load() { focus = 1; stop = true; find = 'x'; name = 'n'; status = 's'; }\n"
        "    function unload() { onload = function () {}; let blur; blur = 1; }\n"
        "    function record(fetch) { fetch = null; onmessageerror = null; }\n"
    )
    for head in ("    'use strict';\n", ""):
        source = "(function () {\n" + head + body + REGISTER + "})();\n"
        problems = [p for p in _problems(base_project, source) if p.code in ("PD521", "PD524", "PD525")]
        first = 2 + bool(head)
        # (At most five per source are said.)
        assert [(p.code, p.line, p.column, p.message.split("'")[3]) for p in problems] == [
            ("PD525", first, 23, "focus"),
            ("PD525", first, 34, "stop"),
            ("PD525", first, 47, "find"),
            ("PD525", first, 59, "name"),
            ("PD525", first, 71, "status"),
        ], head
        assert problems[1].severity.value == "warning"
        assert "replaces the browser's own window.stop" in problems[1].message and "let stop;" in problems[1].message
        assert "ReferenceError" not in problems[1].message
    # An event handler: the message says what it replaces and the way to listen without doing so.
    alone = "(function () {\n    function load() { onload = function () {}; }\n" + _body().split("\n", 1)[1]
    (handler,) = [p for p in _problems(base_project, alone + "})();\n") if p.code in ("PD521", "PD524", "PD525")]
    assert (handler.code, handler.line, handler.column) == ("PD525", 2, 23)
    assert "window.addEventListener('load', ...)" in handler.message
    # onClick is no handler of window (they are all lower case): in strict code it throws.
    strict = "(function () {\n    'use strict';\n    function f() { onClick = 1; }\n" + _body() + "})();\n"
    said = [(p.code, p.line) for p in _problems(base_project, strict) if p.code in ("PD521", "PD524", "PD525")]
    assert said == [("PD521", 3)]
    # At the top of the file, outside the wrapper, PD501's rule is the one that speaks.
    top = "onload = null;\n(function () {\n" + _body() + "})();\n"
    assert [p.code for p in _problems(base_project, top) if p.code in ("PD501", "PD524", "PD525")] == ["PD501"]


_NAME_CODES = ("PD501", "PD521", "PD524", "PD525", "PD527", "PD528")


def test_giving_a_value_to_a_read_only_name_of_the_browser_window_throws_in_strict_code_and_does_nothing_otherwise(
    base_project: Path,
) -> None:
    """``top = 0``, ``closed = true``, ``history = []`` without a declaration: window's top, closed
    and history have no setter. Strict code throws a TypeError there (the 'Oops' page); sloppy code
    quietly keeps the browser's own, so ``history.push(x)`` fails later. PD521 called it a
    ReferenceError and PD524 a new global; ``document``, ``navigator`` and ``window`` were not looked
    at, nor ``self``, which can be replaced (PD525) for the whole web app."""
    body = (
        "    function load(r) { top = 0; closed = true; ({ history } = r); }\n"
        "    function unload() { document = null; navigator = {}; self = this; }\n"
        "    function record() {}\n"
    )
    for head, code in (("    'use strict';\n", "PD527"), ("", "PD528")):
        source = "(function () {\n" + head + body + REGISTER + "})();\n"
        problems = [p for p in _problems(base_project, source) if p.code in _NAME_CODES]
        first = 2 + bool(head)
        assert [(p.code, p.line, p.column, p.message.split("'")[3]) for p in problems] == [
            (code, first, 24, "top"),
            (code, first, 33, "closed"),
            (code, first, 51, "history"),
            (code, first + 1, 25, "document"),
            (code, first + 1, 42, "navigator"),
            ("PD525", first + 1, 58, "self"),
        ], head
        top = problems[0]
        assert "the browser's own window.top, which cannot be changed" in top.message
        assert "let myTop;" in top.message and "ReferenceError" not in top.message
        if code == "PD527":
            assert top.severity.value == "error" and "throws a TypeError" in top.message
        else:
            assert top.severity.value == "warning" and "the line does nothing" in top.message
    # At the top of the file too, where it leaks nothing (PD501 is not the rule that speaks).
    said = [(p.code, p.line) for p in _problems(base_project, "history = [];\n(function () {\n" + _body() + "})();\n")]
    assert [c for c in said if c[0] in _NAME_CODES] == [("PD528", 1)]


_TOP_CODES = ("PD500", "PD501", "PD525", "PD527", "PD528", "PD529")


def test_a_let_const_class_or_function_named_top_document_or_undefined_at_the_top_of_the_file_is_refused(
    base_project: Path,
) -> None:
    """At the top of a plain script (no wrapper function), ``let top``, ``const document``,
    ``class window {}`` or ``function location() {}`` (and undefined, NaN, Infinity) would declare
    a name the browser's window keeps and cannot give up: the browser refuses the whole file, so
    the plugin never loads. Only PD501 ("names leak") spoke, as for any other name."""
    source = (
        "let top = 1, shown = 0;\n"
        "const { document, x } = {};\n"
        "class window {}\n"
        "async function location() {}\n"
        "function* NaN() {}\n"
        "(function () {\n" + _body() + "})();\n"
    )
    problems = [p for p in _problems(base_project, source) if p.code in _TOP_CODES]
    assert [(p.code, p.line, p.column) for p in problems] == [
        ("PD501", 1, 1),  # (shown and x: names of the plugin's own, which do leak)
        ("PD529", 1, 5),
        ("PD529", 2, 9),
        ("PD529", 3, 7),
        ("PD529", 4, 16),
        ("PD529", 5, 11),
    ]
    leak, refused = problems[:2]
    assert "'shown', 'x'" in leak.message and "'top'" not in leak.message
    assert refused.severity.value == "error"
    assert "declares 'top' with let here, at the top of the file" in refused.message
    assert "the browser's own window.top" in refused.message
    assert "the browser refuses the whole file, so the plugin never loads" in refused.message
    assert "with const" in problems[2].message and "with class" in problems[3].message
    assert "with function" in problems[4].message and "a value of JavaScript itself" in problems[5].message
    # Inside the wrapper function, or as a var (which declares nothing: the window has the name), or
    # with a name the window lets a script take (name, status, history), nothing is refused.
    fine = (
        "var top;\n"
        "let name = 'x', status = 1;\n"
        "function history() {}\n"
        "(function () {\n"
        "    let top = 1; const document = {}; class window {} function location() {}\n" + _body() + "})();\n"
    )
    assert [p.code for p in _problems(base_project, fine) if p.code in ("PD500", "PD529")] == []


def test_a_var_at_the_top_of_the_file_with_a_read_only_name_of_the_window_gives_its_value_to_nothing(
    base_project: Path,
) -> None:
    """``var history = [];`` at the top of a plain script declares nothing (the window has a
    history already) and its value goes to the browser's own, which cannot be changed: nothing
    happens in sloppy code (PD528), a TypeError in strict code (PD527). So does any later
    ``history = ...``, which the var seemed to declare. Only PD501 spoke, as for a name that leaks."""
    body = "var history = [];\nvar top;\nfunction keep(x) { top = x; }\n(function () {\n" + _body() + "})();\n"
    for head, code in (("'use strict';\n", "PD527"), ("", "PD528")):
        problems = [p for p in _problems(base_project, head + body) if p.code in _TOP_CODES]
        first = 1 + bool(head)
        assert [(p.code, p.line, p.column, p.message.split("'")[3]) for p in problems] == [
            (code, first, 5, "history"),
            ("PD501", first + 2, 1, "keep"),  # (var top and var history leak nothing: the window has them)
            (code, first + 2, 20, "top"),
        ], head
        assert "the browser's own window.history, which cannot be changed" in problems[0].message
        assert "declares 'history' with var here, at the top of the file, where that declares nothing" in (
            problems[0].message
        )
        assert "gives 'top' a value here without declaring it" in problems[2].message


def test_read_only_names_of_the_browser_window_declared_by_the_plugin_or_written_as_properties_are_left_alone(
    base_project: Path,
) -> None:
    for extra in (
        "    'use strict';\n    function f(r) { let top = 0; top = r.top; const { closed } = r; }\n",
        "    'use strict';\n    function f(history, o) { history = []; o.document = 1; window.name = 'x'; }\n",
        "    'use strict';\n    var navigator;\n    function f() { navigator = 1; for (const top of []) {} }\n",
        "    'use strict';\n    function f() { location = '/'; location.hash = 'x'; }\n",
        "    function f(o) { with (o) { top = 1; } }\n",
    ):
        source = "(function () {\n" + extra + _body() + "})();\n"
        assert [p for p in _problems(base_project, source) if p.code in _NAME_CODES] == [], extra


def test_a_let_const_or_class_name_used_before_its_declaration_in_the_same_function_is_an_error(
    base_project: Path,
) -> None:
    """``console.log(x); let x = 1;``: until the ``let`` has run, using ``x`` throws a
    ReferenceError (the app's 'Oops' page), every time that code runs; the check was silent.
    Said at the use, with the declaration's line and when it runs: as the plugin loads (the
    wrapper, load) or each time the function runs."""
    source = (
        "(function () {\n"
        "    console.log(early);\n"
        "    let early = 1;\n"
        "    new Tally();\n"
        "    class Tally {}\n"
        "    function load() {\n"
        "        show({ total });\n"
        "        let total = 0;\n"
        "    }\n"
        "    function unload() {}\n"
        "    const record = () => { count++; let count = 0; const n = n + 1; };\n" + REGISTER + "})();\n"
    )
    problems = [p for p in _problems(base_project, source) if p.code == "PD526"]
    assert [(p.line, p.column, p.message.split("'")[3]) for p in problems] == [
        (2, 17, "early"),
        (4, 9, "Tally"),
        (7, 16, "total"),
        (11, 28, "count"),
        (11, 62, "n"),
    ]
    assert all(p.severity.value == "error" for p in problems)
    assert "before its declaration on line 3 has run" in problems[0].message
    # (one wording for a let, a const and a class: "Declare 'Base' (with its value)" read oddly for a class)
    assert problems[1].message.endswith("Move the declaration of 'Tally' above this line.")
    assert "ReferenceError as the plugin loads" in problems[0].message
    assert "ReferenceError as the plugin loads" in problems[2].message  # (in load)
    assert "ReferenceError each time record() runs" in problems[3].message
    assert "before its declaration on this line has run" in problems[4].message
    # The same far above the declaration, in a long wrapper (read word by word rather than searched).
    padding = "    function pad() { return early; }\n" * 2500
    long = source.replace("    let early = 1;\n", padding + "    let early = 1;\n")
    far = [p for p in _problems(base_project, long) if p.code == "PD526"]
    assert [(p.line, p.column) for p in far] == [(2, 17), (2504, 9), (2507, 16), (2511, 28), (2511, 62)]
    assert "before its declaration on line 2503 has run" in far[0].message


def test_uses_above_a_let_that_may_run_later_or_not_at_all_are_not_called_early(base_project: Path) -> None:
    """A use above the ``let`` that runs only later (a callback, a nested function, a timer) or
    maybe not (a branch, after a return), or a name declared again in an inner function, does not
    surely throw: nothing is said."""
    source = (
        "(function () {\n"
        "    function load() {\n"
        "        setTimeout(function () { fine; }, 1);\n"
        "        var later = () => fine + ok;\n"
        "        if (Math.random()) { fine; }\n"
        "        Math.random() && fine;\n"
        "        function inner() { let fine = 0; return fine; }\n"
        "        const o = { fine: 1 }; o.fine = 2; // fine\n"
        "        let fine = 1, ok = 2;\n"
        "        let tally = new Tally(), more = fine + ok;\n"
        "        class Tally { make() { return new Tally(); } }\n"
        "    }\n"
        "    function unload() { return; let_me; let let_me; }\n"
        "    function record() {}\n" + REGISTER + "})();\n"
    )
    assert [(p.line, p.column) for p in _problems(base_project, source) if p.code == "PD526"] == [(10, 25)]


def test_an_if_condition_or_the_left_of_a_condition_runs_surely_and_is_called_early(base_project: Path) -> None:
    """``if (ok)``, ``ok && go()`` and ``ok ? a : b`` above ``let ok`` read ``ok`` whenever they run
    (only the branch or the right side may not): a ReferenceError, the 'Oops' page. The check
    counted the condition with its branches and said nothing."""
    source = (
        "(function () {\n"
        "    function load() {\n"
        "        if (ready) { go(); }\n"
        "        armed && go();\n"
        "        const label = (mode > 1) ? 'a' : 'b';\n"
        "        if (Math.random()) { later; } else if (later2) { go(); }\n"
        "        let ready = true, armed = false, mode = 2, later = 0, later2 = 0;\n"
        "    }\n"
        "    function go() {}\n"
        "    function unload() {}\n"
        "    function record() {}\n" + REGISTER + "})();\n"
    )
    problems = [p for p in _problems(base_project, source) if p.code == "PD526"]
    assert [(p.line, p.column, p.message.split("'")[3]) for p in problems] == [
        (3, 13, "ready"),
        (4, 9, "armed"),
        (5, 24, "mode"),
    ]
    assert all("ReferenceError as the plugin loads" in p.message for p in problems)


def test_a_class_whose_extends_computed_keys_or_static_parts_use_a_name_declared_below_is_an_error(
    base_project: Path,
) -> None:
    """``class Panel extends Base {}`` above ``class Base {}`` runs ``Base`` as the class is
    declared, and so do its computed keys, static fields and static blocks: each throws a
    ReferenceError (the 'Oops' page) as the plugin loads; the check was silent. Said once per name,
    at its first use."""
    source = (
        "(function () {\n"
        "    class Panel extends Base {}\n"
        "    class Dialog extends Base {}\n"
        "    class Tally {\n"
        "        static [KEY] = 0;\n"
        "        static count = start;\n"
        "        static { log(unit); }\n"
        "        [NAME]() {}\n"
        "    }\n"
        "    class Base {}\n"
        "    const KEY = 'k', NAME = 'n';\n"
        "    let start = 1, unit = 'px';\n"
        "    function log() {}\n"
        "    function load() {}\n"
        "    function unload() {}\n"
        "    function record() {}\n" + REGISTER + "})();\n"
    )
    problems = [p for p in _problems(base_project, source) if p.code == "PD526"]
    assert [(p.line, p.column, p.message.split("'")[3]) for p in problems] == [
        (2, 25, "Base"),
        (5, 17, "KEY"),
        (6, 24, "start"),
        (7, 22, "unit"),
        (8, 10, "NAME"),
    ]
    assert all("ReferenceError as the plugin loads" in p.message for p in problems)
    assert "before its declaration on line 10 has run" in problems[0].message
    # A class written as a value, and a let in the static block itself (the block runs as the class does).
    source = (
        "(function () {\n"
        "    const Row = class extends Cell {};\n"
        "    class Tally { static { show(inner); let inner = 1; } }\n"
        "    class Cell {}\n"
        "    function show() {}\n"
        "    function load() {}\n"
        "    function unload() {}\n"
        "    function record() {}\n" + REGISTER + "})();\n"
    )
    problems = [p for p in _problems(base_project, source) if p.code == "PD526"]
    assert [(p.line, p.column, p.message.split("'")[3]) for p in problems] == [(2, 31, "Cell"), (3, 33, "inner")]
    assert all("ReferenceError as the plugin loads" in p.message for p in problems)
    assert "before its declaration on this line has run" in problems[1].message


def test_a_class_that_extends_itself_throws_as_it_is_declared(base_project: Path) -> None:
    """``class A extends A {}``, ``class A extends mix(A)`` and ``const B = class extends B {}``:
    the extends part runs while the class's own name cannot be used yet, so the declaration throws
    a ReferenceError (the 'Oops' page), as the plugin loads or each time its function runs. The
    check was silent. The advice is not "move the declaration above": a class cannot build on itself."""
    source = (
        "(function () {\n"
        "    class Base {}\n"
        "    class Panel extends Panel {}\n"
        "    class Dialog extends mix(Base, Dialog) {}\n"
        "    const Row = class extends Row {};\n"
        "    function load() { let Cell = class Cell extends Cell {}; }\n"
        "    function mix(a) { return a; }\n"
        "    function unload() {}\n"
        "    function record() {}\n" + REGISTER + "})();\n"
    )
    problems = [p for p in _problems(base_project, source) if p.code == "PD526"]
    assert [(p.line, p.column, p.message.split("'")[3]) for p in problems] == [
        (3, 25, "Panel"),
        (4, 36, "Dialog"),
        (5, 31, "Row"),
        (6, 53, "Cell"),
    ]
    assert all(p.severity.value == "error" for p in problems)
    assert all("a class cannot build on itself" in p.message for p in problems)
    assert all("ReferenceError as the plugin loads" in p.message for p in problems[:3])
    assert "After extends, name the class that 'Panel' builds on" in problems[0].message
    assert "Move the declaration" not in problems[0].message
    # A class's own name, given to a const or let of the same name, is no use of it; extending
    # another class, or itself only in a branch or a callback that may never run, throws nothing.
    source = (
        "(function () {\n"
        "    const Base = class Base {};\n"
        "    let Panel = class Panel extends Base {};\n"
        "    class Tally extends (Math.random() ? Base : Tally) {}\n"
        "    class Cell extends mix(() => Cell) {}\n"
        "    class Grid extends Base { static make() { return new Grid(); } }\n"
        "    function mix() { return Base; }\n"
        "    function load() {}\n"
        "    function unload() {}\n"
        "    function record() {}\n" + REGISTER + "})();\n"
    )
    assert [(p.line, p.column) for p in _problems(base_project, source) if p.code == "PD526"] == []


def test_a_class_whose_own_computed_member_name_uses_it_throws_as_it_is_declared(base_project: Path) -> None:
    """``class A { [A.key]() {} }``: the names in [ ] are worked out while the class is made, before
    ``A`` has its value, so declaring the class throws a ReferenceError (the 'Oops' page), as the
    plugin loads or each time its function runs. The check was silent. Its name in a method's body
    or in a static field's value (both run once the class exists), in a function written in the
    key, in a branch of it, or as a text, throws nothing."""
    source = (
        "(function () {\n"
        "    class Menu { [Menu.id]() {} }\n"
        "    class Tag { static [String(Tag)] = 1; }\n"
        "    function record() {\n"
        "        class Row { get [Row]() { return 1; } }\n"
        "    }\n"
        "    function unload() {}\n"
        "    function load() {}\n" + REGISTER + "})();\n"
    )
    problems = [p for p in _problems(base_project, source) if p.code == "PD526"]
    assert [(p.line, p.column, p.message.split("'")[3]) for p in problems] == [
        (2, 19, "Menu"),
        (3, 32, "Tag"),
        (5, 26, "Row"),
    ]
    assert all(p.severity.value == "error" for p in problems)
    assert "in a member name written in [ ] in the class 'Menu' itself" in problems[0].message
    assert "ReferenceError as the plugin loads" in problems[0].message
    assert "ReferenceError each time record() runs" in problems[2].message
    assert "Move the declaration" not in problems[0].message
    source = (
        "(function () {\n"
        "    const key = 'open';\n"
        "    class Menu { [key]() { return Menu; } static made = Menu; static ['Menu'] = 1; }\n"
        "    class Tag { [(() => Tag)()]() {} [window.x ? Tag : key]() {} [key.Tag]() {} }\n"
        "    function load() {}\n"
        "    function unload() {}\n"
        "    function record() {}\n" + REGISTER + "})();\n"
    )
    assert [(p.line, p.column) for p in _problems(base_project, source) if p.code == "PD526"] == []


def test_a_class_part_that_runs_only_when_called_or_constructed_is_not_called_early(base_project: Path) -> None:
    """An instance field's value runs at ``new``, a method's body when it is called, a callback in
    a static block later, and a class in a function when that function runs: none of them surely
    runs before the declaration below, so nothing is said."""
    source = (
        "(function () {\n"
        "    class Tally {\n"
        "        each = later;\n"
        "        run() { return later; }\n"
        "        static make() { return new Base(); }\n"
        "        static { setTimeout(() => later); if (Math.random()) { later; } }\n"
        "        constructor() { this.x = later; }\n"
        "    }\n"
        "    function load() { class Inner extends Base {} }\n"
        "    let later = 1, ok = 2;\n"
        "    class Base {}\n"
        "    function unload() {}\n"
        "    function record() {}\n" + REGISTER + "})();\n"
    )
    assert [(p.line, p.column) for p in _problems(base_project, source) if p.code == "PD526"] == []


def test_a_use_in_a_part_that_optional_chaining_or_a_condition_may_skip_is_not_called_early(
    base_project: Path,
) -> None:
    """``o?.[x]`` does not read ``x`` when ``o`` is null, nor ``o?.f(x)``, ``a || x``, ``a ||= x``,
    ``c ? x : y`` or a destructuring default ``{ p = x }`` in every case: a use there may not run
    before the ``let x`` below, so it is no sure ReferenceError. The check called ``o?.[x]``,
    ``o?.f(x)`` and ``a ||= x`` one."""
    source = (
        "(function () {\n"
        "    function load(o, a, c, f) {\n"
        "        o?.[x]; o?.a[x]; o?.f(x); f?.(x); o?.a.b(x).c[x]; o?.[0][x];\n"
        "        a && x; a || x; a ?? x; c ? x : x;\n"
        "        a ||= x; a &&= x; a ??= x;\n"
        "        const { p = x } = o, [q = x] = o;\n"
        "        let x = 1;\n"
        "    }\n"
        "    function unload() {}\n"
        "    function record() {}\n" + REGISTER + "})();\n"
    )
    assert [(p.line, p.column) for p in _problems(base_project, source) if p.code == "PD526"] == []


def test_a_default_that_surely_runs_and_uses_a_name_not_yet_declared_is_an_error(base_project: Path) -> None:
    """``let { a = b } = {}; let b;``: the value written out has no ``a``, so the default runs with
    the declaration and reads ``b`` before its ``let``; ``function f(a = b, b)``: parameters get
    their values from left to right, so the default, whenever it runs, reads a ``b`` that has none
    yet. Both throw a ReferenceError (the 'Oops' page); the check was silent."""
    source = (
        "(function () {\n"
        "    function load() {\n"
        "        const { mode = fallback } = {}, [first, second = fallback] = [1];\n"
        "        const fallback = 'x';\n"
        "    }\n"
        "    function unload() {}\n"
        "    function record(delay = timeout, timeout) {}\n"
        "    const show = (text = text) => text;\n" + REGISTER + "})();\n"
    )
    problems = [p for p in _problems(base_project, source) if p.code == "PD526"]
    assert [(p.line, p.column, p.message.split("'")[3]) for p in problems] == [
        (3, 24, "fallback"),
        (7, 29, "timeout"),
        (8, 26, "text"),
    ]
    assert all(p.severity.value == "error" for p in problems)
    assert "before its declaration on line 4 has run" in problems[0].message
    assert "ReferenceError as the plugin loads" in problems[0].message
    param = problems[1].message
    assert "in a parameter's default value" in param and "from left to right" in param
    assert "Each time record() is called without a value for that parameter" in param
    assert "put 'timeout' before it in the list of parameters" in param
    assert "Each time show() is called" in problems[2].message


def test_a_default_that_may_not_run_or_uses_a_name_that_has_its_value_is_not_called_early(
    base_project: Path,
) -> None:
    """A destructuring default runs only when the value lacks that part: with the part written out,
    a value the check cannot see, a ...spread or a computed key, nothing is sure. A parameter's
    default may use the parameters before it, and a function written in it runs later."""
    source = (
        "(function () {\n"
        "    function load(o) {\n"
        "        const { a = later } = { a: 1 }, { b = later } = o, { c = later } = { ...o };\n"
        "        const { d = later } = { ['d']: 1 }, [e = later] = [1], [f = later] = [...o], { g: { h = later } } = { g: {} };\n"
        "        const { i = () => later } = {};\n"
        "        let later = 1;\n"
        "    }\n"
        "    function unload(first, second = first, third = () => fourth, fourth) {}\n"
        "    function record(x = y => y) {}\n" + REGISTER + "})();\n"
    )
    assert [(p.line, p.column) for p in _problems(base_project, source) if p.code == "PD526"] == []


def test_a_use_that_runs_whatever_optional_chaining_skips_is_still_an_error(base_project: Path) -> None:
    """What a ``?.`` cannot skip still runs: the name before it, a part in parentheses closed before
    it, the name read by ``||=``: each above its ``let`` is a ReferenceError."""
    source = (
        "(function () {\n"
        "    function load(o, a) {\n"
        "        (o?.a)[y]; w?.[0]; o[v]?.x; z ||= 1; u?.(1);\n"
        "        let y = 1, w = 2, v = 3, z = 4, u = 5;\n"
        "    }\n"
        "    function unload() {}\n"
        "    function record() {}\n" + REGISTER + "})();\n"
    )
    said = [(p.line, p.column, p.message.split("'")[3]) for p in _problems(base_project, source) if p.code == "PD526"]
    assert said == [(3, 16, "y"), (3, 20, "w"), (3, 30, "v"), (3, 37, "z"), (3, 46, "u")]


def test_a_use_after_a_break_continue_return_or_throw_in_its_block_never_runs_so_is_not_called_early(
    base_project: Path,
) -> None:
    """Code below a jump in the same block never runs, so a use there of a let declared below it
    throws nothing; the check called it a ReferenceError after ``break`` and ``continue``."""
    source = (
        "(function () {\n"
        "    function load(list) {\n"
        "        for (const p of list) { if (p) { continue; } break; show(mark); let mark = p; }\n"
        "        while (list) { continue; show(last); let last = 1; }\n"
        "        done: { break done; show(late); let late = 2; }\n"
        "        show(early); { break_me(); } let early = 3;\n"
        "    }\n"
        "    function unload() { throw new Error('x'); show(gone); let gone; }\n"
        "    function record() {}\n" + REGISTER + "})();\n"
    )
    said = [(p.line, p.column, p.message.split("'")[3]) for p in _problems(base_project, source) if p.code == "PD526"]
    assert said == [(6, 14, "early")]


def test_a_let_in_one_case_of_a_switch_used_where_it_has_not_run_is_an_error(base_project: Path) -> None:
    """A let or const in one case of a switch belongs to the whole switch: a use in an earlier case,
    or in a later case that a ``break`` separates from it, runs before the declaration whenever the
    switch goes to that case, and throws a ReferenceError (the 'Oops' page). The check did not look
    inside switch statements."""
    source = (
        "(function () {\n"
        "    function load() {}\n"
        "    function unload() {}\n"
        "    function record(kind, p) {\n"
        "        switch (kind) {\n"
        "            case 'mute':\n"
        "                send(uuid);\n"
        "                break;\n"
        "            case 'unmute':\n"
        "                log(name); const uuid = p.uuid, name = p.name, who = name;\n"
        "                send(uuid);\n"
        "                break;\n"
        "            default:\n"
        "                send(role); let role = p.role;\n"
        "                log(who);\n"
        "        }\n"
        "    }\n"
        "    function send() {}\n"
        "    function log() {}\n" + REGISTER + "})();\n"
    )
    problems = [p for p in _problems(base_project, source) if p.code == "PD526"]
    assert [(p.line, p.column, p.message.split("'")[3]) for p in problems] == [
        (7, 22, "uuid"),
        (10, 21, "name"),
        (14, 22, "role"),
        (15, 21, "who"),
    ]
    assert all(p.severity.value == "error" for p in problems)
    earlier, same, default, later = (p.message for p in problems)
    assert "before its declaration on this line has run" in default
    assert "before its declaration on line 10 has run" in earlier
    assert "each time the switch comes to this case" in earlier and "above the switch" in earlier
    assert "each time the switch comes to this case" in same and "above this line" in same
    assert "in an earlier case of the switch" in later and "the break on line 12" in later
    assert "above the switch" in later


def test_uses_of_a_switch_case_let_that_may_have_run_are_not_called_early(base_project: Path) -> None:
    """Nothing is said where the declaration may have run (a case it falls through to), where the
    use may not run (inside an if, a callback, after a break) or belongs to another name."""
    source = (
        "(function () {\n"
        "    function load() {}\n"
        "    function unload() {}\n"
        "    function record(kind) {\n"
        "        switch (kind) {\n"
        "            case 0: if (kind) { a; } setTimeout(() => a); break; a;\n"
        "            case 1: let a = 1; a;\n"
        "            case 2: a; { let b = 2; } break;\n"
        "            case 3: { let b = 3; b; } b = 4;\n"
        "        }\n"
        "        switch (kind) { case 1: a; }\n"
        "    }\n" + REGISTER + "})();\n"
    )
    assert [(p.line, p.column) for p in _problems(base_project, source) if p.code == "PD526"] == []


def test_names_given_a_value_in_the_cases_of_a_switch_are_checked_as_anywhere_else(base_project: Path) -> None:
    """Inside ``switch`` cases an undeclared name is a ReferenceError in strict code (PD521) and a
    global otherwise (PD524); a let in a block of one case declares nothing for the others, and a
    let of the switch itself (shared by all its cases) is one, but used in a later case past a
    ``break`` it has not run (PD526)."""
    body = (
        "    function load() {}\n"
        "    function unload() {}\n"
        "    function record(k) {\n"
        "        switch (k) {\n"
        "            case 1: count = 1; break;\n"
        "            case 2: { let x; } x = 2; break;\n"
        "            case 3: let y; break;\n"
        "            default: y = 3; for (key in k) {}\n"
        "        }\n"
        "    }\n"
    )
    for head, code in (("    'use strict';\n", "PD521"), ("", "PD524")):
        source = "(function () {\n" + head + body + REGISTER + "})();\n"
        problems = [p for p in _problems(base_project, source) if p.code in ("PD521", "PD524", "PD526")]
        first = 6 + bool(head)
        assert [(p.code, p.line, p.column, p.message.split("'")[3]) for p in problems] == [
            (code, first, 21, "count"),
            (code, first + 1, 32, "x"),
            ("PD526", first + 3, 22, "y"),
            (code, first + 3, 34, "key"),
        ], head


def test_use_strict_after_a_hashbang_line_makes_the_file_strict(base_project: Path) -> None:
    """A ``#!/usr/bin/env node`` line is no statement: the 'use strict' below it is still the
    file's directive, so ``count = 0`` without a declaration throws a ReferenceError (PD521). The
    check read the file as sloppy code and called it a global (PD524)."""
    source = (
        "#!/usr/bin/env node\n"
        "'use strict';\n"
        "(function () {\n"
        "    function load() { count = 0; }\n"
        "    function unload() {}\n"
        "    function record() {}\n" + REGISTER + "})();\n"
    )
    said = [(p.code, p.line, p.column) for p in _problems(base_project, source) if p.code in ("PD521", "PD524")]
    assert said == [("PD521", 4, 23)]
    # Without the directive the same file is sloppy: a global, as before.
    sloppy = source.replace("'use strict';\n", "// no directive\n")
    said = [(p.code, p.line) for p in _problems(base_project, sloppy) if p.code in ("PD521", "PD524")]
    assert said == [("PD524", 4)]


def test_assignments_to_declared_or_global_names_or_in_sloppy_code_are_not_called_undeclared(
    base_project: Path,
) -> None:
    for extra in (
        "    'use strict';\n    var count;\n    function f() { count = 1; }\n",
        "    'use strict';\n    function f() { let n; n = 2; for (const k in {}) {} }\n",
        "    'use strict';\n    window.total = 0;\n    function f() { total = 1; }\n",
        "    'use strict';\n    function f(p) { p = 1; try {} catch (e) { e = 2; } }\n",
        "    'use strict';\n    function f() { location = '/'; name = 'x'; }\n",
        "    function f() { count = 1; }\n",
    ):
        source = "(function () {\n" + extra + _body() + "})();\n"
        assert [p for p in _problems(base_project, source) if p.code == "PD521"] == [], extra


def test_in_strict_code_a_name_declared_only_inside_another_function_is_still_undeclared(base_project: Path) -> None:
    """``var count`` inside load() does not declare the ``count`` that unload() gives a value:
    in strict code that line throws a ReferenceError when it runs. The check passed any name
    declared anywhere in the file, so it said nothing."""
    strict = (
        "(function () {\n"
        "    'use strict';\n"
        "    function load() { var count = 0; let shown = 1; function helper(step) { step = 2; } }\n"
        "    function unload() { count = 1; shown += 1; step = 3; }\n"
        "    function record() {}\n" + REGISTER + "})();\n"
    )
    said = [(p.line, p.column, p.message.split("'")[3]) for p in _problems(base_project, strict) if p.code == "PD521"]
    assert said == [(4, 25, "count"), (4, 36, "shown"), (4, 48, "step")]


def test_in_strict_code_names_declared_in_a_scope_around_the_line_are_not_undeclared(base_project: Path) -> None:
    extra = (
        "    'use strict';\n"
        "    var total;\n"
        "    function outer(step) {\n"
        "        function inner() { total = 1; step = 2; later = 3; helper = null; Tally = null; }\n"
        "        var later;\n"
        "        function helper() {}\n"
        "        class Tally {}\n"
        "        inner();\n"
        "    }\n"
        "    function each(list) { for (const k in list) { k = 1; } try {} catch (e) { e = 2; } }\n"
        "    function block() { let shown; if (shown) { shown = 1; } let { a, b: c } = {}; [a, c] = [c, a]; }\n"
    )
    source = "(function () {\n" + extra + _body() + "})();\n"
    assert [p for p in _problems(base_project, source) if p.code in ("PD521", "PD524")] == []


def test_in_strict_code_a_global_another_plugin_of_the_package_leaves_on_the_page_is_not_undeclared(
    base_project: Path,
) -> None:
    """``counter = 1`` in strict code, where another plugin of the package declares ``var counter``
    at its top or writes ``window.total = 0``: the page has those globals, so the line throws
    nothing; PD521 called it a ReferenceError. A name no plugin declares still is one."""
    import shutil

    plugins = base_project / "webapp2" / "plugins"
    shutil.copytree(plugins / "rec", plugins / "help")
    package = plugins / "help" / "rec.plugin.package.json"
    package.write_text(package.read_text().replace('"rec-1.0"', '"help-1.0"'))
    (plugins / "help" / "rec.plugin.js").write_text(
        "var counter = 0;\n(function () {\n    window.total = 0;\n"
        + _body(REGISTER.replace("rec-1.0", "help-1.0"))
        + "})();\n"
    )
    settings = base_project / "webapp2" / "settings.json"
    settings.write_text(
        '{"plugins": [{"id": "rec-1.0", "srcURL": "plugins/rec/rec.plugin.package.json", "enabled": true},'
        ' {"id": "help-1.0", "srcURL": "plugins/help/rec.plugin.package.json", "enabled": true}]}\n'
    )
    source = "(function () {\n    'use strict';\n    function bump() { counter++; total += 1; other = 2; }\n"
    problems = _problems(base_project, source + _body() + "})();\n")
    said = [(p.file, p.line, p.message.split("'")[3]) for p in problems if p.code in ("PD521", "PD524")]
    assert said == [("plugins/rec/rec.plugin.js", 3, "other")]


def test_a_misspelt_member_of_pex_is_reported_where_it_is_written(base_project: Path) -> None:
    """``PEX.pluginApi.sendRequest`` (lower-case i), ``PEX.action$.ofType`` and
    ``PEX.conferenceQueryParam.alias`` read a property of undefined: a TypeError when the line
    runs, and the app shows its 'Oops' page. The check said nothing about them."""
    for line, wrong, right in (
        ("        PEX.pluginApi.sendRequest('/lock');\n", "pluginApi", "pluginAPI"),
        (
            "        window.PEX.action$.ofType(PEX.actions.SELECT_EVENT).subscribe(function () {});\n",
            "action$",
            "actions$",
        ),
        ("        var alias = PEX.conferenceQueryParam.alias;\n", "conferenceQueryParam", "conferenceQueryParams"),
    ):
        body = "    function load() {}\n    function unload() {}\n    function record() {\n" + line + "    }\n"
        problems = _problems(base_project, "(function () {\n" + body + REGISTER + "})();\n")
        (error,) = [p for p in problems if p.code == "PD522"]
        assert error.line == 5 and f"PEX.{wrong}" in error.message and f"PEX.{right}" in error.message, wrong
        assert error.column == line.index(wrong) + 1


def test_members_of_pex_the_guide_names_and_unlike_names_are_not_reported(base_project: Path) -> None:
    """Only a slip of a letter or two is an error: PEX.plugins or PEX.conference may be members the
    guide does not name (it names four), and were called misspellings of pluginAPI and
    conferenceQueryParams."""
    body = (
        "    function load() {}\n    function unload() {}\n    function record() {\n"
        "        var q = PEX.conferenceQueryParams, a = window.PEX.actions$, b = PEX.actions.SELECT_EVENT;\n"
        "        var v = PEX.version || PEX.somethingElse || PEX.plugins || PEX.plugin || PEX.conference;\n"
        "    }\n"
    )
    problems = _problems(base_project, "(function () {\n" + body + REGISTER + "})();\n")
    assert [p for p in problems if p.code == "PD522"] == []


def test_a_misnamed_event_is_matched_by_its_words_not_its_letters(base_project: Path) -> None:
    """PEX.actions.CHAT_MESSAGE_RECEIVED was answered "Did you mean SEND_CHAT_MESSAGE?", with a
    one-click fix that made the plugin listen to the user's own messages instead; the words say
    RECEIVE_CHAT_MESSAGE. Where the words fit two events equally, nothing is guessed."""
    for wrong, right in (
        ("CHAT_MESSAGE_RECEIVED", "RECEIVE_CHAT_MESSAGE"),
        ("MESSAGE_RECEIVED", "RECEIVE_CHAT_MESSAGE"),
        ("CHAT_MESSAGE_SENT", "SEND_CHAT_MESSAGE"),
        ("EVENT_SELECTED", "SELECT_EVENT"),
        ("RECEIVE_CHAT_MESAGE", "RECEIVE_CHAT_MESSAGE"),
        ("PARTICIPANT_LEFT", None),
    ):
        listen = "PEX.actions$.ofType(PEX.actions." + wrong + ").subscribe(function () {});"
        body = "    function load() { " + listen + " }\n    function unload() {}\n    function record() {}\n"
        problems = _problems(base_project, "(function () {\n" + body + REGISTER + "})();\n")
        (said,) = [p for p in problems if p.code == "PD514"]
        if right is None:
            assert said.fix is None and "Did you mean" not in said.message, wrong
        else:
            assert said.fix is not None and said.fix.args["new"] == right, wrong
            assert f"Did you mean {right}?" in said.message, wrong


def test_a_syntax_error_is_not_followed_by_guesses_about_the_code_it_swallowed(base_project: Path) -> None:
    """An unclosed `${` swallows the rest of the file into the template: the check then said the
    registered 'record' was "defined only inside another function or block", which is not so.
    The syntax error is the problem; what the broken tree seems to say after it is not reported."""
    source = (
        "(function () {\n"
        "    var s = `abc ${ x;\n"
        "    function load() {}\n    function unload() {}\n    function record() {}\n" + REGISTER + "})();\n"
    )
    codes = {p.code for p in _problems(base_project, source) if p.code.startswith("PD5")}
    assert codes == {"PD500"}


def test_a_registered_key_written_in_brackets_is_read_or_left_alone(base_project: Path) -> None:
    """``{ [ACTION]: record }`` with ``const ACTION = 'record'`` (or ``['record']: record``) was
    "registerPlugin has no 'record'", an error with a fix that would register it twice. A key in
    brackets is read when the file says its value, and otherwise the keys count as unreadable
    (PD519, a note), as with ``...spread``."""
    for head, key in (
        ("    const ACTION = 'record';\n", "[ACTION]: record"),
        ("", "['record']: record"),
        ("", "['rec' + 'ord']() {}"),
    ):
        register = REGISTER.replace("record: record", key)
        problems = _problems(base_project, "(function () {\n" + head + _body(register) + "})();\n")
        assert [p.code for p in problems if p.code.startswith("PD5")] == [], key
    register = REGISTER.replace("record: record", "[window.name]: record")
    problems = _problems(base_project, "(function () {\n" + _body(register) + "})();\n")
    assert [p.code for p in problems if p.code.startswith("PD5")] == ["PD519"]


def _icon(folder: Path, name: str, icon_id: str) -> None:
    (folder / name).write_text(
        f'<svg xmlns="http://www.w3.org/2000/svg" id="{icon_id}" viewBox="0 0 24 24"><path d="M1 1h2"/></svg>\n'
    )


def test_an_icon_written_as_a_url_with_percent_escapes_is_the_file_it_names(base_project: Path) -> None:
    """'my%20icon.svg#x' is a web address: the browser asks for it and the web server serves
    'my icon.svg'. The check looked for a file literally called 'my%20icon.svg' (PD400) and,
    finding the real one unused, offered to delete it (PD406) though the button shows it."""
    folder = base_project / "webapp2" / "plugins" / "rec"
    _icon(folder, "my icon.svg", "x")
    package = folder / "rec.plugin.package.json"
    package.write_text(package.read_text().replace('"rec.svg#rec"', '"my%20icon.svg#x"'))
    problems = _problems(base_project, STATEFUL % "c.locked ? 'my%20icon.svg#x' : 'rec.svg#rec'")
    assert [(p.code, p.file) for p in problems if p.code in ("PD400", "PD406", "PD518")] == []


def test_a_file_named_as_its_percent_escaped_reference_is_explained_not_deleted(base_project: Path) -> None:
    """A file literally named 'my%20icon.svg' is not what the app loads for 'my%20icon.svg#x'
    (it asks for 'my icon.svg'): PD400 says why, and PD406 never offers to delete the file the
    item means."""
    folder = base_project / "webapp2" / "plugins" / "rec"
    _icon(folder, "my%20icon.svg", "x")
    package = folder / "rec.plugin.package.json"
    package.write_text(package.read_text().replace('"rec.svg#rec"', '"my%20icon.svg#x"'))
    problems = _problems(base_project, STATEFUL % "'rec.svg#rec'")
    (missing,) = [p for p in problems if p.code == "PD400"]
    assert "'my%20icon.svg' is there" in missing.message and "'my icon.svg'" in missing.message
    assert [p.file for p in problems if p.code == "PD406"] == []


def test_registering_after_a_return_or_throw_or_inside_if_false_is_reported(base_project: Path) -> None:
    """A registerPlugin left below a 'return;' (or a throw) kept while testing, or inside
    'if (false)', never runs; the check passed it and the plugin never registered."""
    for stop, stop_line, word in (
        ("    return;\n", 5, "return on line 5"),
        ("    throw new Error('not yet');\n", 5, "throw on line 5"),
    ):
        problems = _problems(base_project, "(function () {\n" + _body(stop + REGISTER) + "})();\n")
        (error,) = [p for p in problems if p.code == "PD502"]
        assert error.line == stop_line + 1 and word in error.message, stop
    problems = _problems(
        base_project, "(function () {\n" + _body("    if (false) {\n" + REGISTER + "    }\n") + "})();\n"
    )
    (error,) = [p for p in problems if p.code == "PD502"]
    assert error.line == 6 and "if on line 5" in error.message and "always false" in error.message


def test_registering_after_a_return_that_may_not_run_is_fine(base_project: Path) -> None:
    for wrap in (
        "    if (!window.PEX) return;\n" + REGISTER,
        "    if (true) {\n" + REGISTER + "    }\n",
        "    if (PEX.pluginAPI) {\n" + REGISTER + "    } else { throw new Error('no API'); }\n",
        "    register();\n    return;\n    function register() {\n" + REGISTER + "    }\n",
        "    try { x(); } catch (e) { return; }\n" + REGISTER,
    ):
        problems = _problems(base_project, "(function () {\n" + _body(wrap) + "})();\n")
        assert [p for p in problems if p.code == "PD502"] == [], wrap


def test_calling_at_load_a_function_defined_nowhere_is_reported(base_project: Path) -> None:
    """``init();`` straight in the wrapper with no init anywhere (renamed, or never written) throws
    a ReferenceError as the plugin loads and the app shows its 'Oops' page; the check said nothing."""
    for call, column in (("    init();\n", 5), ("    var ready = setUp(PEX.pluginAPI);\n", 17)):
        problems = _problems(base_project, "(function () {\n" + call + _body() + "})();\n")
        (warning,) = [p for p in problems if p.code == "PD523"]
        assert (warning.line, warning.column) == (2, column), call
        assert "ReferenceError" in warning.message and "'Oops' page" in warning.message
    problems = _problems(base_project, "startPlugin();\n(function () {\n" + _body() + "})();\n")
    assert [(p.code, p.line) for p in problems if p.code == "PD523"] == [("PD523", 1)]


def test_calls_that_may_not_run_or_to_names_something_defines_are_not_reported(base_project: Path) -> None:
    for code in (
        "    init();\n    function init() {}\n",  # declared later: hoisted
        "    var init = function () {};\n    init();\n",
        "    setTimeout(function () { later(); });\n",  # in a callback: may never run
        "    if (ready) { go(); }\n    ok && go();\n",
        "    try { go(); } catch (e) {}\n",
        "    if (typeof go === 'function') { go(); }\n    go();\n",
        "    window.go = function () {};\n    go();\n",
        "    getComputedStyle(document.body);\n    addEventListener('load', function () {});\n",
        "    $('#x');\n    _.map([], String);\n    Map();\n",  # libraries and the browser's own
        "    obj.go();\n",  # a property
        "    (function (go) { go(); })(function () {});\n",
    ):
        problems = _problems(base_project, "var ready, ok, obj = {};\n(function () {\n" + code + _body() + "})();\n")
        assert [p for p in problems if p.code == "PD523"] == [], code


def test_a_method_called_at_load_on_an_object_defined_nowhere_is_reported(base_project: Path) -> None:
    """Babel's async functions without their runtime (``regeneratorRuntime.mark(...)`` straight in
    the wrapper) and ``helpers.setUp()`` with no helpers anywhere throw a ReferenceError as the
    plugin loads; PD523 named only plain calls, and the check passed both."""
    code = (
        "    var fetchStatus = _asyncToGenerator(regeneratorRuntime.mark(function _callee() {}));\n"
        "    var ready = helpers.setUp(PEX.pluginAPI).then(go);\n"
    )
    problems = _problems(base_project, "(function () {\n" + code + _body() + "})();\n")
    found = [(p.line, p.column, p.message) for p in problems if p.code == "PD523"]
    assert [f[:2] for f in found] == [(2, 41), (3, 17)]
    assert (
        "calls regeneratorRuntime.mark(...) here, as the plugin loads, but defines no regeneratorRuntime" in found[0][2]
    )
    assert "bundle regenerator-runtime with the plugin" in found[0][2]
    assert "calls helpers.setUp(...) here" in found[1][2] and "regenerator" not in found[1][2]


def test_methods_of_objects_the_browser_or_the_file_has_are_not_reported(base_project: Path) -> None:
    for code in (
        "    localStorage.getItem('x');\n    history.back();\n    console.log(document.title);\n",
        "    var helpers = { setUp: function () {} };\n    helpers.setUp();\n",
        "    helpers?.setUp();\n    maybe?.a.b();\n",  # written for an object that may be missing
        "    if (typeof helpers !== 'undefined') { helpers.setUp(); }\n    helpers.setUp();\n",
        "    setTimeout(function () { later.go(); });\n",  # in a callback: may never run
        "    module.exports = {};\n    exports.x();\n    $.ajax({});\n    _.map([]);\n    Rx.of(1);\n",
        "    window.helpers = {};\n    helpers.setUp();\n",
    ):
        problems = _problems(base_project, "(function () {\n" + code + _body() + "})();\n")
        assert [p for p in problems if p.code == "PD523"] == [], code


def test_a_function_another_plugin_of_the_package_leaves_on_the_page_is_not_reported(base_project: Path) -> None:
    """A top-level function of another plugin in the package is on the page (a leak PD501 names),
    so calling it is no ReferenceError; a name no plugin defines still is."""
    import shutil

    plugins = base_project / "webapp2" / "plugins"
    shutil.copytree(plugins / "rec", plugins / "help")
    package = plugins / "help" / "rec.plugin.package.json"
    package.write_text(package.read_text().replace('"rec-1.0"', '"help-1.0"'))
    (plugins / "help" / "rec.plugin.js").write_text(
        "function shared() {}\n" + "(function () {\n" + _body(REGISTER.replace("rec-1.0", "help-1.0")) + "})();\n"
    )
    settings = base_project / "webapp2" / "settings.json"
    settings.write_text(
        '{"plugins": [{"id": "rec-1.0", "srcURL": "plugins/rec/rec.plugin.package.json", "enabled": true},'
        ' {"id": "help-1.0", "srcURL": "plugins/help/rec.plugin.package.json", "enabled": true}]}\n'
    )
    problems = _problems(base_project, "(function () {\n    shared();\n    other();\n" + _body() + "})();\n")
    assert [(p.file, p.line) for p in problems if p.code == "PD523"] == [("plugins/rec/rec.plugin.js", 3)]


def test_a_request_is_suggested_only_when_one_slip_away(base_project: Path) -> None:
    """'/end_conference' got "Did you mean '/start_conference'?", the opposite of what was meant, and
    '/set_message_text' got '/message': a suggestion is made only for a slip of a letter or two
    ('/muteguest', '/participants/' + uuid + '/mut'); otherwise the known requests are listed."""
    said = {}
    for path in ("'/end_conference'", "'/set_message_text'", "'/muteguest'", "'/participants/' + uuid + '/mut'"):
        source = (
            "(function () {\n" + _body() + f"    var uuid = 'x';\n    PEX.pluginAPI.sendRequest({path});\n" + "})();\n"
        )
        found = [p.message for p in _problems(base_project, source) if p.code == "PD515"]
        assert len(found) == 1, (path, found)
        said[path] = found[0]
    assert "Did you mean" not in said["'/end_conference'"] and "start_conference" not in said["'/end_conference'"]
    assert (
        "Did you mean" not in said["'/set_message_text'"] and "Conference requests are" in said["'/set_message_text'"]
    )
    assert "Did you mean '/muteguests'?" in said["'/muteguest'"]
    assert "Did you mean '/participants/' + participant.uuid + '/mute'?" in said["'/participants/' + uuid + '/mut'"]


def test_a_function_another_plugin_puts_on_window_is_not_reported(base_project: Path) -> None:
    """The usual way for a plugin in its own wrapper to share a function is ``window.helper =
    function () {...}``: it is on the page for the others, so calling it is no ReferenceError.
    PD523 named only another plugin's top-level declarations and warned on these."""
    import shutil

    plugins = base_project / "webapp2" / "plugins"
    shutil.copytree(plugins / "rec", plugins / "help")
    package = plugins / "help" / "rec.plugin.package.json"
    package.write_text(package.read_text().replace('"rec-1.0"', '"help-1.0"'))
    settings = base_project / "webapp2" / "settings.json"
    settings.write_text(
        '{"plugins": [{"id": "help-1.0", "srcURL": "plugins/help/rec.plugin.package.json", "enabled": true},'
        ' {"id": "rec-1.0", "srcURL": "plugins/rec/rec.plugin.package.json", "enabled": true}]}\n'
    )
    for write in ("window.shared = function () {};", "window['shared'] = load;", "globalThis.shared = load;"):
        (plugins / "help" / "rec.plugin.js").write_text(
            "(function () {\n    " + write + "\n" + _body(REGISTER.replace("rec-1.0", "help-1.0")) + "})();\n"
        )
        problems = _problems(base_project, "(function () {\n    shared();\n    other();\n" + _body() + "})();\n")
        assert [(p.file, p.line) for p in problems if p.code == "PD523"] == [("plugins/rec/rec.plugin.js", 3)], write


def test_the_fix_for_a_file_named_as_its_escaped_reference_loads_that_file(base_project: Path) -> None:
    """With 'my%20icon.svg' (the drawing) there, the fix of 'my%20icon.svg#x' was 'Create
    'my%20icon.svg'', which drew a star as 'my icon.svg' and left the drawing unused. The fix now
    points the item at the file as it is named ('%25' spells '%' in a web address)."""
    from designer.core.fixes import apply_fix
    from designer.core.model import save

    folder = base_project / "webapp2" / "plugins" / "rec"
    _icon(folder, "my%20icon.svg", "x")
    package = folder / "rec.plugin.package.json"
    package.write_text(package.read_text().replace('"rec.svg#rec"', '"my%20icon.svg#x"'))
    base_project.joinpath(*JS).write_text(STATEFUL % "'rec.svg#rec'")
    pkg = load(base_project)
    (missing,) = [p for p in run_checks(pkg) if p.code == "PD400"]
    assert missing.fix is not None and missing.fix.title == "Use the file 'my%20icon.svg'"
    apply_fix(pkg, missing.fix)
    save(pkg)
    assert '"my%2520icon.svg#x"' in package.read_text()
    assert not (folder / "my icon.svg").exists()
    after = run_checks(load(base_project))
    assert [p.code for p in after if p.code in ("PD400", "PD402", "PD406")] == []


def test_a_syntax_error_says_what_the_preview_shows(base_project: Path) -> None:
    """The check said a syntax error made the plugin 'do nothing' while the Preview showed the
    app's 'Oops' page for its users: a support engineer could not tell which fault crashed the
    app. Both now say the error can bring up the 'Oops' page."""
    source = "(function () {\n    function load() {\n    function unload() {}\n" + REGISTER + "})();\n"
    (error,) = [p for p in _problems(base_project, source) if p.code == "PD500"]
    assert "'Oops' page" in error.message and "does nothing" not in error.message


def test_break_continue_and_return_where_the_browser_refuses_them_are_syntax_errors(base_project: Path) -> None:
    """``break`` in a forEach callback (meant to end the loop), ``continue`` in a switch, a label
    that is not there, a ``return`` left at the top of the file: the browser rejects the whole
    file ("Illegal break statement", "Illegal return statement"), but tree-sitter parses them and
    the check passed a plugin that never loads."""
    for extra, line, column, words in (
        ("    [1, 2].forEach(function (n) {\n        if (n) break;\n    });\n", 3, 16, "forEach"),
        ("    switch (1) { case 1: continue; }\n", 2, 26, "'continue' works only inside a loop"),
        ("    outer: for (;;) { for (;;) { break outr; } }\n", 2, 34, "'outr'"),
        ("    done: { continue done; }\n", 2, 13, "not on a loop"),
    ):
        source = "(function () {\n" + extra + _body() + "})();\n"
        (error,) = [p for p in _problems(base_project, source) if p.code == "PD500"]
        assert (error.line, error.column) == (line, column) and words in error.message, extra
    source = "(function () {\n" + _body() + "})();\nreturn;\n"
    (error,) = [p for p in _problems(base_project, source) if p.code == "PD500"]
    assert (error.line, error.column) == (12, 1) and "outside any function" in error.message


def test_let_named_let_and_parameters_named_twice_where_forbidden_are_syntax_errors(base_project: Path) -> None:
    """``let let = 1``, and a parameter named twice in an arrow function, a method, strict code
    or beside a default value: the browser rejects the whole file ("let is disallowed as a
    lexically bound name", "Duplicate parameter name not allowed in this context"); tree-sitter
    parses them and the check was silent."""
    for extra, line, column, words in (
        ("    let let = 1;\n", 2, 9, "'let' cannot be the name"),
        ("    const pick = (p, p) => p;\n", 2, 22, "arrow function"),
        ("    const o = { go(a, b, a) {} };\n", 2, 26, "method"),
        ("    function two(a, a) { 'use strict'; }\n", 2, 21, "strict code"),
        ("    function two(a, { b, a }) {}\n", 2, 26, "destructured"),
    ):
        source = "(function () {\n" + extra + _body() + "})();\n"
        (error,) = [p for p in _problems(base_project, source) if p.code == "PD500"]
        assert (error.line, error.column) == (line, column) and words in error.message, extra
    strict = "(function () {\n    'use strict';\n    function two(a, a) {}\n" + _body() + "})();\n"
    (error,) = [p for p in _problems(base_project, strict) if p.code == "PD500"]
    assert (error.line, error.column) == (3, 21) and "'a' is named twice" in error.message


def test_jumps_with_somewhere_to_go_and_names_sloppy_code_allows_are_fine(base_project: Path) -> None:
    extra = (
        "    var let = 1;\n"
        "    function two(a, a) { return a; }\n"
        "    outer: for (var i = 0; i < 2; i++) { for (;;) { if (i) continue outer; break outer; } }\n"
        "    done: { if (let) break done; }\n"
        "    switch (let) { case 1: break; default: }\n"
        "    [1].forEach(function (n) { for (const m of [n]) { if (m) continue; } return; });\n"
        "    const o = { get a() { return 1; }, set a(v) { this.v = v; }, continue: 1 };\n"
        "    o.break = o.continue;\n"
    )
    source = "(function () {\n" + extra + _body() + "})();\n"
    assert [p for p in _problems(base_project, source) if p.code == "PD500"] == []


def test_a_name_given_a_value_in_sloppy_code_with_no_declaration_around_it_is_a_global_warning(
    base_project: Path,
) -> None:
    """``count = 0`` with no var/let/const in any function around it: outside strict mode the
    plugin works, but the name becomes a global variable of the whole web app, shared with the
    app and every other plugin (the reason for the guide's wrapper function); the check was
    silent. Said once per name, at its first such line, also when another function declares it."""
    sloppy = (
        "(function () {\n"
        "    function load() { count = 0; }\n"
        "    function unload() { count = 1; var other; }\n"
        "    function record() { other = 2; }\n" + REGISTER + "})();\n"
    )
    said = [p for p in _problems(base_project, sloppy) if p.code == "PD524"]
    assert [(p.line, p.column) for p in said] == [(2, 23), (4, 25)]
    assert "'count'" in said[0].message and "global variable" in said[0].message and "let count" in said[0].message
    assert said[0].severity.value == "warning"


def test_assignments_to_names_declared_around_them_or_global_on_purpose_are_no_global_warning(
    base_project: Path,
) -> None:
    source = (
        "(function (api) {\n"
        "    var count;\n"
        "    function load(participants$) { count = 0; participants$ = null; later = 1; var later; }\n"
        "    function unload() { try { count = 1; } catch (e) { e = null; } }\n"
        "    function record() { window.shared = 1; shared = 2; if (typeof maybe === 'undefined') maybe = 3; }\n"
        "    function inner() { let x; if (x) { x = 1; } onresize = null; name = 'x'; PEX = window.PEX; }\n"
        "    PEX.pluginAPI.registerPlugin({ id: 'rec-1.0', load: load, unload: unload, record: record });\n"
        "})(window.PEX.pluginAPI);\n"
    )
    assert [p for p in _problems(base_project, source) if p.code in ("PD521", "PD524")] == []
    # 'use strict': a ReferenceError (PD521), not a global (for the typeof-guarded one too).
    strict = source.replace("    var count;\n", "    'use strict';\n")
    said = [(p.code, p.message.split("'")[3]) for p in _problems(base_project, strict) if p.code in ("PD521", "PD524")]
    assert said == [("PD521", "count"), ("PD521", "maybe")]
    # At the top of the file, PD501 already says the name leaks.
    top = "count = 0;\n(function () {\n" + _body() + "})();\n"
    assert [p.code for p in _problems(base_project, top) if p.code in ("PD501", "PD524")] == ["PD501"]


def test_counting_looping_and_destructuring_into_undeclared_names_are_reported_like_plain_assignments(
    base_project: Path,
) -> None:
    """``hits++``, ``total += n``, ``for (key in o)`` and ``[first, rest] = f()`` give a name a
    value as ``x = 1`` does: with no declaration around them, sloppy code makes (or needs) a global
    of the whole web app and strict code throws a ReferenceError. Only ``x = 1`` was looked at, so
    the checks were silent about all of these. Each name is said once, where it is written first."""
    body = (
        "    function tick() { hits++; --left; total += 2; seen ||= true; }\n"
        "    function walk(o) { for (key in o) {} for (item of [o]) {} }\n"
        "    function split() { [first, second] = [1, 2]; ({ size, kind: type } = {}); }\n"
    )
    source = "(function () {\n" + body + _body() + "})();\n"
    said = [(p.line, p.column, p.message.split("'")[3]) for p in _problems(base_project, source) if p.code == "PD524"]
    # (At most five per source are said.)
    assert said == [(2, 23, "hits"), (2, 33, "left"), (2, 39, "total"), (2, 51, "seen"), (3, 29, "key")]
    rest = "(function () {\n" + body.split("\n", 1)[1] + _body() + "})();\n"
    said = [(p.line, p.column, p.message.split("'")[3]) for p in _problems(base_project, rest) if p.code == "PD524"]
    assert said == [(2, 29, "key"), (2, 47, "item"), (3, 25, "first"), (3, 32, "second"), (3, 53, "size")]
    strict = "(function () {\n    'use strict';\n" + body + _body() + "})();\n"
    said = [(p.line, p.message.split("'")[3]) for p in _problems(base_project, strict) if p.code in ("PD521", "PD524")]
    assert said == [(3, "hits"), (3, "left"), (3, "total"), (3, "seen"), (4, "key")]


def test_a_name_only_counted_up_in_sloppy_code_is_said_to_throw_unless_a_global_exists_not_to_make_one(
    base_project: Path,
) -> None:
    """``hits++`` reads ``hits`` before it changes it: with no declaration and no line giving it a
    first value, it makes no global but throws a ReferenceError (unless another script has one).
    PD524 said "this creates a global variable" there, and its example ``let hits;`` would have
    counted from NaN. A name some line does give a first value (``total = 0``) is said where that
    line makes the global."""
    body = "    function tick() { hits++; total += 2; }\n    function reset() { total = 0; }\n"
    source = "(function () {\n" + body + _body() + "})();\n"
    said = [p for p in _problems(base_project, source) if p.code == "PD524"]
    assert [(p.line, p.column, p.message.split("'")[3]) for p in said] == [(2, 23, "hits"), (3, 24, "total")]
    assert "ReferenceError" in said[0].message and "let hits = 0;" in said[0].message
    assert "creates a global" not in said[0].message and said[0].severity.value == "warning"
    assert "creates a global variable 'total'" in said[1].message


def test_counting_looping_and_destructuring_into_declared_or_global_names_is_no_global(base_project: Path) -> None:
    extra = (
        "    var hits = 0, total;\n"
        "    function tick(step) { hits++; total += step; step--; let left = 2; --left; if (left) { left -= 1; } }\n"
        "    function walk(o) { for (var k in o) {} for (const item of [o]) {} for (let i = 0; i < 2; i++) {} }\n"
        "    function split() { let a, b; [a, b] = [b, a]; var size; ({ size } = {}); }\n"
        "    function guarded() { if (typeof count === 'undefined') count = 0; count++; window.shared = 0; shared++; }\n"
        "    function browser() { location += '#top'; name += '!'; onresize = null; }\n"
    )
    source = "(function () {\n" + extra + _body() + "})();\n"
    assert [p for p in _problems(base_project, source) if p.code in ("PD521", "PD524")] == []
    # In strict code only the typeof-guarded name throws (at its first assignment, as before).
    strict = source.replace("(function () {\n", "(function () {\n    'use strict';\n")
    assert [(p.code, p.line) for p in _problems(base_project, strict) if p.code in ("PD521", "PD524")] == [("PD521", 7)]
    evaluated = "(function () {\n    eval('');\n    function tick() { hits++; for (key in {}) {} [a] = [1]; }\n"
    assert [p for p in _problems(base_project, evaluated + _body() + "})();\n") if p.code in ("PD521", "PD524")] == []
    # At the top of the file, outside the wrapper, PD501's rule is the one that speaks.
    top = "for (key in {}) {}\nhits++;\n[a] = [1];\n(function () {\n" + _body() + "})();\n"
    assert [p for p in _problems(base_project, top) if p.code == "PD524"] == []


def test_a_global_another_plugin_of_the_package_leaves_on_the_page_is_no_new_global(base_project: Path) -> None:
    """``counter = 1`` in one plugin, where another plugin of the package declares ``var counter``
    at its top (a leak PD501 names there): the name is already a global of the page, so this line
    creates none; a name no plugin declares still does."""
    import shutil

    plugins = base_project / "webapp2" / "plugins"
    shutil.copytree(plugins / "rec", plugins / "help")
    package = plugins / "help" / "rec.plugin.package.json"
    package.write_text(package.read_text().replace('"rec-1.0"', '"help-1.0"'))
    (plugins / "help" / "rec.plugin.js").write_text(
        "var counter = 0;\n" + "(function () {\n" + _body(REGISTER.replace("rec-1.0", "help-1.0")) + "})();\n"
    )
    settings = base_project / "webapp2" / "settings.json"
    settings.write_text(
        '{"plugins": [{"id": "rec-1.0", "srcURL": "plugins/rec/rec.plugin.package.json", "enabled": true},'
        ' {"id": "help-1.0", "srcURL": "plugins/help/rec.plugin.package.json", "enabled": true}]}\n'
    )
    source = "(function () {\n    function bump() { counter = 1; other = 2; }\n" + _body() + "})();\n"
    problems = _problems(base_project, source)
    assert [(p.file, p.line, p.column) for p in problems if p.code == "PD524"] == [("plugins/rec/rec.plugin.js", 2, 36)]


def test_giving_arguments_a_new_value_in_a_sloppy_function_is_no_global_warning(base_project: Path) -> None:
    """``arguments = [].slice.call(arguments)`` (an old idiom) changes the function's own
    ``arguments``, which every function that is not an arrow has (an arrow uses its enclosing
    function's): PD524 said it made a global variable of the whole web app, and suggested
    ``let arguments;``."""
    source = (
        "(function () {\n"
        "    function load() { arguments = [].slice.call(arguments); arguments.length++; }\n"
        "    function unload() { var later = () => { [arguments] = [[]]; }; later(); }\n"
        "    function record() {}\n" + REGISTER + "})();\n"
    )
    assert [p for p in _problems(base_project, source) if p.code in ("PD521", "PD524")] == []
    # An arrow straight in the wrapper still uses the wrapper's arguments: no warning there either.
    wrapped = source.replace(
        "    function record() {}\n", "    var f = () => { arguments = 1; };\n    function record() {}\n"
    )
    assert [p for p in _problems(base_project, wrapped) if p.code in ("PD521", "PD524")] == []


def test_giving_arguments_or_eval_a_value_in_strict_code_is_a_syntax_error_not_an_undeclared_name(
    base_project: Path,
) -> None:
    """Strict code may not give ``arguments`` or ``eval`` a value: the browser refuses the whole
    file. PD521 said 'arguments' was declared nowhere, that the line would throw a ReferenceError
    when it ran, and to write ``var arguments;`` (refused too)."""
    source = (
        "(function () {\n"
        "    'use strict';\n"
        "    function load() { arguments = [].slice.call(arguments); }\n"
        "    function unload() { eval = null; }\n"
        "    function record() {}\n" + REGISTER + "})();\n"
    )
    problems = [p for p in _problems(base_project, source) if p.code in ("PD500", "PD521", "PD524")]
    assert [(p.code, p.line, p.column) for p in problems] == [("PD500", 3, 23), ("PD500", 4, 25)]
    assert "'arguments' cannot be given a value in strict code" in problems[0].message
    assert "let args = Array.from(arguments);" in problems[0].message and "var arguments" not in problems[0].message


MINIFIED = (
    '!function(e){"use strict";var n=e.PEX.pluginAPI,t=n.createNewState({}),o=null;'
    "function i(e,i){o=i.subscribe(function(e){t.next({label:e.locked?'Unlock':'Lock'})})}"
    "function r(){o&&o.unsubscribe()}function u(){n.%s('/lock')}"
    'n.registerPlugin({id:"rec-1.0",load:i,unload:r,record:u,state$:t})}(%s);\n'
)


def test_a_minified_plugin_handed_the_window_as_a_parameter_is_read_through_it(base_project: Path) -> None:
    """Minifiers write ``!function(e){var n=e.PEX.pluginAPI,t=n.createNewState({})...}(window)``:
    the state it made and registered was "never created" (PD510, a false alarm), and the calls
    through ``n`` went unchecked, so a misspelt API function passed."""
    for window in ("window", "self", "globalThis", "this"):
        problems = _problems(base_project, MINIFIED % ("sendRequest", window))
        assert [p for p in problems if p.code.startswith("PD5")] == [], window
    problems = _problems(base_project, MINIFIED % ("sendRequst", "window"))
    assert [p.code for p in problems if p.code.startswith("PD5")] == ["PD511"]
    problems = _problems(base_project, MINIFIED % ("sendRequst", "this"))
    assert [p.code for p in problems if p.code.startswith("PD5")] == ["PD511"]


LOADS = {
    # (the registered load as a function of the file, a function in the call, a method in the call)
    "declared": ("    function load(participants$) {\n%s    }\n", "load: load"),
    "in the call": ("", "load: function (participants$) {\n%s    }"),
    "a method": ("", "load(participants$) {\n%s    }"),
}


@pytest.mark.parametrize("style", LOADS)
def test_calling_in_the_registered_load_a_function_defined_nowhere_is_reported(base_project: Path, style: str) -> None:
    """RxJS code copied in: ``participants$.pipe(filter(...))`` or ``actions$.pipe(ofType(...))``
    in load, with no filter or ofType on the page (the app's RxJS operators are not globals),
    throws a ReferenceError as the plugin starts and brings up the 'Oops' page; the check looked
    only at the code of the file and its wrapper, and said nothing."""
    before, key = LOADS[style]
    call = "        participants$.pipe(filter(Boolean)).subscribe(function () {});\n"
    source = (
        "(function () {\n" + (before % call if before else "") + "    function unload() {}\n"
        "    function record() { missing(); }\n"  # (an action: throws at each click, said so)
        "    PEX.pluginAPI.registerPlugin({ id: 'rec-1.0', "
        + (key if before else key % call)
        + ", unload: unload, record: record });\n})();\n"
    )
    warnings = [p for p in _problems(base_project, source) if p.code == "PD523"]
    (warning,) = [p for p in warnings if "filter()" in p.message]
    assert "as the plugin loads" in warning.message
    assert warning.line == next(i for i, line in enumerate(source.splitlines(), 1) if "filter(" in line)
    (pressed,) = [p for p in warnings if "missing()" in p.message]
    assert "each time the button 'Record' is pressed" in pressed.message


def test_calls_in_load_that_may_not_run_or_in_functions_not_registered_as_load_are_not_reported(
    base_project: Path,
) -> None:
    for code in (
        "        participants$.subscribe(function () { later(); });\n",  # a callback: may never run
        "        if (participants$.ready) { maybe(); }\n",
        "        helper();\n        function helper() {}\n",
        "        try { risky(); } catch (e) {}\n",
    ):
        source = (
            "(function () {\n    function load(participants$) {\n" + code + "    }\n"
            "    function start() { notYet(); }\n    function unload() {}\n    function record() {}\n"
            + REGISTER
            + "})();\n"
        )
        assert [p for p in _problems(base_project, source) if p.code == "PD523"] == [], code


def test_a_state_made_through_the_api_kept_on_an_object_is_created(base_project: Path) -> None:
    """A class handed the API keeps it as this.api and makes its state with
    this.api.createNewState({}); the registered state$ was "never created" (PD510, a false alarm).
    A state$ made nowhere is still said."""
    source = (
        "(() => {\n"
        "    class Recorder {\n"
        "        constructor(api) { this.api = api; this.state$ = this.api.%s({}); }\n"
        "        record() { this.state$.next({ label: 'Stop' }); }\n"
        "    }\n"
        "    const rec = new Recorder(window.PEX.pluginAPI);\n"
        "    PEX.pluginAPI.registerPlugin({ id: 'rec-1.0', load() {}, unload() {}, record: () => rec.record(),\n"
        "        state$: rec.state$ });\n"
        "})();\n"
    )
    assert _codes(_problems(base_project, source % "createNewState")) == []
    assert _codes(_problems(base_project, source % "makeState")) == [("PD510", 8)]


def test_a_request_or_layout_given_to_a_helper_is_checked_where_the_caller_writes_it(base_project: Path) -> None:
    """``function req(p) { return PEX.pluginAPI.sendRequest(p); }`` called as
    ``req('participnts/' + uuid + '/mute')``, and a layout handed to a helper that puts it in
    {layout}: the request the conference does not know and the layout it refuses went unsaid, as
    the check saw only the helper's parameter. Each is now said on the caller's line, where the
    text is written; a value the caller knows only at run time stays unjudged."""
    body = (
        "    function load() {}\n    function unload() {}\n"
        "    function req(p) { return PEX.pluginAPI.sendRequest(p); }\n"
        "    function send(path) { return req(path); }\n"
        "    const layout = (layout) => PEX.pluginAPI.transformConferenceLayout({ layout });\n"
        "    function record(participant, choice) {\n"
        "        req('participnts/' + participant.uuid + '/mute');\n"
        "        send('/lock');\n"
        "        layout('5:7');\n"
        "        layout('1:7');\n"
        "        layout(choice);\n"
        "    }\n"
    )
    problems = _problems(base_project, "(function () {\n" + body + REGISTER + "})();\n")
    said = {p.code: p for p in problems if p.code in ("PD513", "PD515")}
    assert [(p.code, p.line, p.column) for p in problems] == [("PD515", 8, 13), ("PD513", 10, 16)]
    assert "participnts/…/mute" in said["PD515"].message and "'5:7'" in said["PD513"].message


def _in_the_participant_menu(project: Path) -> None:
    """The base project's item moved from the toolbar to the participant menu."""
    package = project / "webapp2" / "plugins" / "rec" / "rec.plugin.package.json"
    package.write_text(package.read_text().replace('"toolbar"', '"participants"'))


def test_a_whole_participant_given_where_its_uuid_goes_is_reported(base_project: Path) -> None:
    """The participant menu's action gets the participant itself; the guide's functions take its
    uuid (spotlightOnParticipant(participant.uuid)) and a request path holds the uuid. Given the
    participant, spotlightOnParticipant(participant) spotlighted nobody and '/participants/' + p +
    '/mute' asked for '/participants/[object Object]/mute', and check said nothing. A parameter
    whose .uuid its function reads is a participant too, wherever the function is used."""
    _in_the_participant_menu(base_project)
    source = (
        "(function () {\n"
        "    function load() {}\n    function unload() {}\n"
        "    function spot(p) { if (p && p.uuid) { PEX.pluginAPI.spotlightOffParticipant(p); } }\n"
        "    function record(participant) {\n"
        "        PEX.pluginAPI.spotlightOnParticipant(participant);\n"
        "        PEX.pluginAPI.sendRequest(`/participants/${participant}/mute`);\n"
        "    }\n"
        "    PEX.pluginAPI.registerPlugin({ id: 'rec-1.0', load, unload, record, spot });\n"
        "})();\n"
    )
    problems = _problems(base_project, source)
    assert _codes(problems) == [("PD532", 4), ("PD532", 6), ("PD516", 7), ("PD507", 9)]
    off, on, path = problems[:3]
    assert "gives spotlightOnParticipant participant, which is the whole participant" in on.message
    assert "spotlightOnParticipant(participant.uuid)" in on.message and "spotlightOffParticipant(p.uuid)" in off.message
    assert path.column == 52 and "'[object Object]'" in path.message and "participant.uuid" in path.message
    assert on.fix is not None and on.fix.title == "Use participant.uuid"


def test_a_uuid_or_a_participant_made_a_uuid_first_is_no_whole_participant(base_project: Path) -> None:
    """What the guide writes, a helper handed the uuid, a parameter made the uuid before it is
    used, and a toolbar action's own parameter (the app gives it something else) are left alone."""
    _in_the_participant_menu(base_project)
    source = (
        "(function () {\n"
        "    function load() {}\n    function unload() {}\n"
        "    function spot(uuid) { PEX.pluginAPI.spotlightOnParticipant(uuid); }\n"
        "    function off(p) { p = p.uuid || p; PEX.pluginAPI.spotlightOffParticipant(p); }\n"
        "    function record(participant) {\n"
        "        PEX.pluginAPI.disconnectParticipant(participant.uuid);\n"
        "        PEX.pluginAPI.sendRequest('/participants/' + participant.uuid + '/mute');\n"
        "        spot(participant.uuid);\n"
        "        off(participant);\n"
        "    }\n"
        "    PEX.pluginAPI.registerPlugin({ id: 'rec-1.0', load, unload, record });\n"
        "})();\n"
    )
    assert _codes(_problems(base_project, source)) == []


def test_a_member_of_pex_named_in_other_words_is_said_with_the_one_meant(base_project: Path) -> None:
    """PEX.conferenceQueryParameters, PEX.queryParams and PEX.API are undefined: reading from them
    brings up the 'Oops' page, and check passed them (more than two letters off the member meant).
    Their words name it; a name with other words (PEX.apiVersion) is not guessed at."""
    for wrong, right in (
        ("conferenceQueryParameters", "conferenceQueryParams"),
        ("queryParams", "conferenceQueryParams"),
        ("urlParams", "conferenceQueryParams"),
        ("API", "pluginAPI"),
    ):
        body = (
            f"    function load() {{}}\n    function unload() {{}}\n    function record() {{ return PEX.{wrong}.x; }}\n"
        )
        problems = _problems(base_project, "(function () {\n" + body + REGISTER + "})();\n")
        (error,) = [p for p in problems if p.code == "PD522"]
        assert (error.line, error.column) == (4, 36) and f"Did you mean PEX.{right}?" in error.message, wrong
    body = "    function load() {}\n    function unload() {}\n    function record() { return PEX.apiVersion; }\n"
    assert _codes(_problems(base_project, "(function () {\n" + body + REGISTER + "})();\n")) == []


def test_reading_from_a_member_of_pex_the_guide_does_not_name_is_warned_of(base_project: Path) -> None:
    """PEX.conferenceDetails.locked and PEX.participants.forEach(...) throw where the app has no
    such member, and check said nothing: the warning names the members the guide gives and, for
    the participants and the meeting's details, where they come from (load's arguments). A member
    the code looks for first (PEX.plugins && ..., if (PEX.x), ?.) or only reads is left alone."""
    body = (
        "    function load() {}\n    function unload() {}\n"
        "    function record() {\n"
        "        if (PEX.conferenceDetails.locked) { PEX.participants.forEach(function () {}); }\n"
        "        var v = PEX.version, w = PEX.build?.number, p = PEX.plugins && PEX.plugins.list();\n"
        "        if (PEX.extra) { PEX.extra.go(); }\n"
        "    }\n"
    )
    problems = _problems(base_project, "(function () {\n" + body + REGISTER + "})();\n")
    assert [(p.code, p.line, p.column) for p in problems] == [("PD534", 5, 17), ("PD534", 5, 49)]
    details, participants = problems
    assert "PEX.conferenceDetails" in details.message and "conferenceDetails$.subscribe" in details.message
    assert "pluginAPI, actions$, actions and conferenceQueryParams" in participants.message
    assert "participants$.subscribe" in participants.message


def test_calls_through_a_name_given_pex_itself_are_checked(base_project: Path) -> None:
    """``const pex = PEX;`` (not window.PEX) hid every call and member read through it: a misspelt
    API function, a request the conference does not know and a misspelt member of PEX passed."""
    body = (
        "    const pex = PEX;\n"
        "    function load() {}\n    function unload() {}\n"
        "    function record() { pex.pluginAPI.sendRequst('/lock'); pex.pluginAPI.sendRequest('/lokc'); pex.pluginApi.x(); }\n"
    )
    problems = _problems(base_project, "(function () {\n" + body + REGISTER + "})();\n")
    assert [(p.code, p.line, p.column) for p in problems] == [("PD511", 5, 39), ("PD515", 5, 74), ("PD522", 5, 100)]


def test_a_layout_brought_in_by_a_spread_of_an_object_is_checked(base_project: Path) -> None:
    """transformConferenceLayout({ ...defaults }) with const defaults = { layout: '5:7' } asked for
    a layout that does not exist, unsaid. The last layout written wins, as in JavaScript, and one a
    spread of something only the run knows may replace is not judged."""
    body = (
        "    const defaults = { layout: '5:7' }, fine = { layout: '1:7' };\n"
        "    function load() {}\n    function unload() {}\n"
        "    function record(options) {\n"
        "        PEX.pluginAPI.transformConferenceLayout({ ...defaults });\n"
        "        PEX.pluginAPI.transformConferenceLayout({ ...defaults, layout: '4:0' });\n"
        "        PEX.pluginAPI.transformConferenceLayout({ layout: '9:9', ...fine });\n"
        "        PEX.pluginAPI.transformConferenceLayout({ layout: '9:9', ...options });\n"
        "    }\n"
    )
    problems = _problems(base_project, "(function () {\n" + body + REGISTER + "})();\n")
    assert [(p.code, p.line) for p in problems] == [("PD513", 6)] and "'5:7'" in problems[0].message


def test_a_request_or_layout_kept_in_a_table_of_the_file_is_checked(base_project: Path) -> None:
    """sendRequest(REQUESTS.lock) with const REQUESTS = { lock: '/lokc' }: the request the
    conference does not know went unsaid, and so did a layout kept so. An entry the code changes,
    or one a spread of something only the run knows may bring, is not judged."""
    body = (
        "    const REQUESTS = { lock: '/lokc', big: '5:7' }, LATER = { lock: '/lokc' }, MORE = { lock: '/lokc', ...window.extra };\n"
        "    function load() {}\n    function unload() {}\n"
        "    function record() {\n"
        "        PEX.pluginAPI.sendRequest(REQUESTS.lock);\n"
        "        PEX.pluginAPI.transformConferenceLayout({ layout: REQUESTS.big });\n"
        "        LATER.lock = '/lock';\n"
        "        PEX.pluginAPI.sendRequest(LATER.lock);\n"
        "        PEX.pluginAPI.sendRequest(MORE.lock);\n"
        "    }\n"
    )
    problems = _problems(base_project, "(function () {\n" + body + REGISTER + "})();\n")
    assert [(p.code, p.line) for p in problems] == [("PD515", 6), ("PD513", 7)]


def test_an_address_kept_in_a_constant_is_said_where_its_quotes_are(base_project: Path) -> None:
    """const HOOK = 'http://hooks.example.com/x' and fetch(HOOK) lines below: PD602 said "Type
    your real address in its place, between the quotes on line 8", the line of fetch(HOOK), where
    there are no quotes; PD601 pointed there too. Both now point at the text, as for an address a
    helper's caller gives (post('http://...')) or a dialOut helper's (dial('rec@example.com'))."""
    body = (
        "    const HOOK = 'http://hooks.example.com/x';\n"
        "    function load() {}\n    function unload() {}\n"
        "    function post(url) { return fetch(url); }\n"
        "    function dial(who) { PEX.pluginAPI.dialOut(who, 'auto', 'guest', function () {}); }\n"
        "    function record() {\n"
        "        fetch(HOOK);\n"
        "        post('http://other.example.com/y');\n"
        "        dial('rec@example.com');\n"
        "    }\n"
    )
    problems = _problems(base_project, "(function () {\n" + body + REGISTER + "})();\n")
    placed = [(p.code, p.line, p.column) for p in problems if p.code in ("PD601", "PD602")]
    assert placed == [("PD601", 2, 18), ("PD602", 2, 18), ("PD601", 9, 14), ("PD602", 9, 14), ("PD602", 10, 14)]
    assert all(f"between the quotes on line {p.line} " in p.message for p in problems if p.code == "PD602")


def test_an_event_named_through_a_constant_or_a_helper_is_checked_and_fixed_where_written(
    base_project: Path,
) -> None:
    """PEX.actions[EVENT] with const EVENT = 'CHAT_RECEIVED', PEX.actions['...'] and a helper
    on(name, fn) that subscribes to PEX.actions[name]: an event that does not exist never fires,
    and check passed all three. Each is said where its text is written, and its fix renames it there."""
    from designer.core.fixes import apply_fix

    body = (
        "    const EVENT = 'CHAT_RECEIVED';\n"
        "    function on(name, fn) { return PEX.actions$.ofType(PEX.actions[name]).subscribe(fn); }\n"
        "    function load() {\n"
        "        PEX.actions$.ofType(PEX.actions[EVENT]).subscribe(function () {});\n"
        "        PEX.actions$.ofType(PEX.actions['SELECTED_EVENT']).subscribe(function () {});\n"
        "        on('PARTICIPANT_CONNECTED', function () {});\n"
        "        on('SELECT_EVENT', function () {});\n"
        "    }\n"
        "    function unload() {}\n    function record(x) { on(x, function () {}); }\n"
    )
    # (and PD535 at line 5: load subscribes and nothing unsubscribes, true, and not this test's matter)
    problems = [
        p for p in _problems(base_project, "(function () {\n" + body + REGISTER + "})();\n") if p.code != "PD535"
    ]
    assert [(p.code, p.line, p.column) for p in problems] == [("PD514", 2, 20), ("PD514", 6, 42), ("PD514", 7, 13)]
    pkg = load(base_project)
    for problem in [p for p in run_checks(pkg) if p.code != "PD535"]:
        assert problem.fix is not None
        apply_fix(pkg, problem.fix)
    fixed = pkg.pending_texts["plugins/rec/rec.plugin.js"]
    for event in ("'RECEIVE_CHAT_MESSAGE'", "['SELECT_EVENT']", "on('PARTICIPANT_CONNECT_SUCCESS'"):
        assert event in fixed
    assert [p.code for p in run_checks(pkg)] == ["PD535"]


def test_a_text_every_caller_of_a_helper_gives_where_an_object_goes_is_reported(base_project: Path) -> None:
    """setLayout('1:7') for function setLayout(l) { transformConferenceLayout(l); } changes no
    layout (it takes {layout: '1:7'}), show('hello') for openTemplateDialog(o) opens an empty
    dialog, dial(..., 'SIP') dials nobody: check passed all three, seeing only the parameter. A
    parameter whose callers give different things (or the run's values) is not judged."""
    body = (
        "    function load() {}\n    function unload() {}\n"
        "    function setLayout(l) { PEX.pluginAPI.transformConferenceLayout(l); }\n"
        "    function show(o) { PEX.pluginAPI.openTemplateDialog(o); }\n"
        "    function dial(alias, protocol) { PEX.pluginAPI.dialOut(alias, protocol, 'guest', function () {}); }\n"
        "    function layout(l) { PEX.pluginAPI.transformConferenceLayout(l); }\n"
        "    function record(choice) {\n"
        "        setLayout('1:7');\n        show('hello');\n        dial('rec@acme.io', 'SIP');\n"
        "        layout({ layout: '1:7' });\n        layout(choice);\n"
        "    }\n"
    )
    problems = _problems(base_project, "(function () {\n" + body + REGISTER + "})();\n")
    assert [(p.code, p.line) for p in problems] == [("PD532", 4), ("PD532", 5), ("PD532", 6)]
    wrap = problems[0].fix
    assert wrap is not None and wrap.args["new"] == "{layout: l}"


def test_an_icon_set_through_a_constant_or_a_table_is_checked_where_it_is_written(base_project: Path) -> None:
    """state$.next({ icon: ICONS.off }) with const ICONS = { off: 'rec.svg#recc' } (or icon: GONE
    with const GONE = 'gone.svg#x'): the button lost its icon, and check said nothing. The icon
    that exists is not said."""
    body = (
        "    const ICONS = { on: 'rec.svg#rec', off: 'rec.svg#recc' }, GONE = 'gone.svg#x';\n"
        "    const state$ = PEX.pluginAPI.createNewState({});\n"
        "    function load() {}\n    function unload() {}\n"
        "    function record() {\n"
        "        state$.next({ icon: ICONS.on, label: 'Stop' });\n"
        "        state$.next({ icon: ICONS.off, label: 'Record' });\n"
        "        state$.next({ icon: GONE, label: 'Gone' });\n"
        "    }\n"
        "    PEX.pluginAPI.registerPlugin({ id: 'rec-1.0', load, unload, record, state$ });\n"
    )
    problems = _problems(base_project, "(function () {\n" + body + "})();\n")
    assert [(p.code, p.line, p.column) for p in problems] == [("PD518", 2, 45), ("PD518", 2, 70)]
    assert "'recc'" in problems[0].message and "gone.svg" in problems[1].message


def test_a_request_path_a_helper_builds_and_gives_back_is_checked(base_project: Path) -> None:
    """sendRequest(pathFor(participant, 'mutte')) with function pathFor(p, what) { return
    '/participants/' + p.uuid + '/' + what; }: the request the conference does not know went
    unsaid. Built with each call's own arguments; a helper that does more than give back a text
    is not guessed at."""
    body = (
        "    function load() {}\n    function unload() {}\n"
        "    function pathFor(p, what) { return '/participants/' + p.uuid + '/' + what; }\n"
        "    const conf = (name) => `/${name}`;\n"
        "    function either(x) { if (x) { return '/lock'; } return '/lokc'; }\n"
        "    function record(participant) {\n"
        "        PEX.pluginAPI.sendRequest(pathFor(participant, 'mutte'));\n"
        "        PEX.pluginAPI.sendRequest(pathFor(participant, 'mute'));\n"
        "        PEX.pluginAPI.sendRequest(conf('lokc'));\n"
        "        PEX.pluginAPI.sendRequest(conf('unlock'));\n"
        "        PEX.pluginAPI.sendRequest(either(participant));\n"
        "    }\n"
    )
    problems = _problems(base_project, "(function () {\n" + body + REGISTER + "})();\n")
    assert [(p.code, p.line) for p in problems] == [("PD515", 8), ("PD515", 10)]
    assert "'/participants/…/mutte'" in problems[0].message and "Did you mean '/lock'?" in problems[1].message


def test_requests_and_layouts_gone_through_with_foreach_are_checked(base_project: Path) -> None:
    """['/lokc', '/unlock'].forEach(p => sendRequest(p)) and LAYOUTS.map(layout =>
    transformConferenceLayout({ layout })) with const LAYOUTS = ['1:7', '5:7']: the request and
    the layout that do not exist went unsaid. Each is said where its text is written; an array the
    code changes, or the participants the app gives, are not judged."""
    body = (
        "    const LAYOUTS = ['1:7', '5:7'], LATER = ['/lock'];\n"
        "    function load() {}\n    function unload() {}\n"
        "    function record(participants) {\n"
        "        ['/lokc', '/unlock'].forEach((p) => PEX.pluginAPI.sendRequest(p));\n"
        "        LAYOUTS.map(function (layout) { return PEX.pluginAPI.transformConferenceLayout({ layout }); });\n"
        "        LATER[0] = '/unlock';\n"
        "        LATER.forEach((p) => PEX.pluginAPI.sendRequest(p));\n"
        "        participants.forEach((p) => PEX.pluginAPI.sendRequest(p));\n"
        "    }\n"
    )
    problems = _problems(base_project, "(function () {\n" + body + REGISTER + "})();\n")
    assert [(p.code, p.line, p.column) for p in problems] == [("PD513", 2, 29), ("PD515", 6, 10)]


def test_the_uuid_of_a_same_named_parameter_inside_is_no_sign_of_a_whole_participant(base_project: Path) -> None:
    """function spot(p) { list.forEach(function (p) { log(p.uuid); }); spotlightOnParticipant(p); }
    was told it gives a whole participant: the .uuid read is of the inner function's own p."""
    body = (
        "    function load() {}\n    function unload() {}\n"
        "    function spot(p) {\n"
        "        [].forEach(function (p) { console.log(p.uuid); });\n"
        "        PEX.pluginAPI.spotlightOnParticipant(p);\n"
        "    }\n"
        "    function record(participant) { spot(participant.uuid); }\n"
    )
    assert _codes(_problems(base_project, "(function () {\n" + body + REGISTER + "})();\n")) == []


def test_a_leftover_word_or_unknown_call_in_a_button_or_unload_is_reported_when_it_surely_runs(
    base_project: Path,
) -> None:
    """``preqmute`` typed to bring a snippet in, without the Tab that expands it, and a call of a
    helper never written, in the function a button runs: each press throws a ReferenceError and
    the app shows its 'Oops' page (the guide: plugin errors are treated as crashes); the check
    looked only at what runs as the plugin loads and said nothing."""
    source = (
        "(function () {\n"
        "    'use strict';\n"
        "    function load() {}\n"
        "    function unload() { cleanUp(); }\n"
        "    function record() {\n"
        "        preqmute\n"
        "        recordd;\n"
        "        if (window.x) { maybe(); }\n"
        "        setTimeout(function () { later(); }, 10);\n"
        "        console.log(typeof optional === 'undefined' ? 1 : optional);\n"
        "        document;\n"
        "        arguments;\n"
        "    }\n"
        "    PEX.pluginAPI.registerPlugin({ id: 'rec-1.0', load: load, unload: unload, record: record });\n"
        "})();\n"
    )
    said = {p.line: p.message for p in _problems(base_project, source) if p.code == "PD523"}
    assert sorted(said) == [4, 6, 7]
    assert "calls cleanUp() here, as the plugin is switched off" in said[4]
    assert "the word preqmute alone" in said[6] and "each time the button 'Record' is pressed" in said[6]
    assert "prefix of the snippet" in said[6] and "press Tab" in said[6]
    assert "the word recordd alone" in said[7] and "prefix of the snippet" not in said[7]


def test_a_word_alone_that_the_file_or_the_browser_defines_is_not_reported(base_project: Path) -> None:
    for code in ("        var ready = true;\n        ready;\n", "        location;\n", "        helper;\n"):
        source = (
            "(function () {\n"
            "    function helper() {}\n"
            "    function load() {}\n"
            "    function unload() {}\n"
            "    function record() {\n" + code + "    }\n"
            "    PEX.pluginAPI.registerPlugin({ id: 'rec-1.0', load: load, unload: unload, record: record });\n"
            "})();\n"
        )
        assert [p for p in _problems(base_project, source) if p.code == "PD523"] == [], code


def test_the_fix_of_a_snippet_prefix_left_alone_writes_the_snippet_in_its_place(base_project: Path) -> None:
    """What Tab after the prefix does in the source editor, from the Problems list (or a Fix
    button) for a user who never pressed it: the snippet, indented as the line, with the plugin's
    own values; the rest of the file as it was."""
    from designer.core.fixes import apply_fix
    from designer.core.model import save
    from designer.core.snippets import expand, find_prefix, plugin_values

    source = (
        "(function () {\n"
        "    function load() {}\n"
        "    function unload() {}\n"
        "    function record() {\n"
        "        statenext;\n"
        "    }\n"
        "    PEX.pluginAPI.registerPlugin({ id: 'rec-1.0', load: load, unload: unload, record: record });\n"
        "})();\n"
    )
    (problem,) = [p for p in _problems(base_project, source) if p.code == "PD523"]
    assert problem.fix is not None and problem.fix.title == "Write the statenext snippet"
    pkg = load(base_project)
    apply_fix(pkg, problem.fix)
    save(pkg)
    written = base_project.joinpath(*JS).read_text()
    values = plugin_values("rec-1.0", [("record", "rec.svg#rec")])  # (the fixture's item)
    snippet = expand(find_prefix("statenext"), indent="        ", values=values).text
    assert "rec.svg#rec" in snippet
    assert written == source.replace("statenext;", snippet)
    assert "statenext" not in written
    # (the fix finds the word where the check saw it, or says it moved)
    with pytest.raises(ValueError, match="no longer alone"):
        apply_fix(load(base_project), problem.fix)


_KEEPS_LISTENING = (
    "(function () {\n"
    "    'use strict';\n"
    "    var count = 0;\n"
    "    function load(participants$, conferenceDetails$) {\n"
    "        participants$.subscribe(function (ps) { count = ps.length; });\n"
    "        window.PEX.actions$.ofType(window.PEX.actions.RECEIVE_CHAT_MESSAGE).subscribe(function (a) {\n"
    "            console.log(a.payload.payload, count);\n"
    "        });\n"
    "        if (count) { conferenceDetails$.subscribe(function () {}); }\n"
    "    }\n"
    "    function unload() {\n"
    "        count = 0;\n"
    "    }\n"
    "    function record() {\n"
    "        var mine = { subscribe: function () {} };\n"
    "        mine.subscribe();\n"
    "    }\n" + REGISTER + "})();\n"
)


def test_a_plugin_whose_load_subscribes_and_that_never_unsubscribes_is_told_once(base_project: Path) -> None:
    """load subscribed to participants$ and PEX.actions$ and nothing unsubscribed: switched off in
    the app's settings, the plugin went on listening, and switched on again each handler ran twice
    (the preview's log said 'still open after unload'; check said nothing). One note (PD535), at
    the first subscription, naming what load subscribes to for sure (not what a condition may
    skip, nor a subscribe of the plugin's own object in a button's function)."""
    (said,) = [p for p in _problems(base_project, _KEEPS_LISTENING) if p.code == "PD535"]
    assert (said.severity.value, said.line, said.column, said.plugin) == ("info", 5, 9, "rec-1.0")
    assert said.message.startswith(
        "'Record' subscribes to participants$ and window.PEX.actions$.ofType(window.PEX.actions.RECEIVE_CHAT_MESSAGE)"
        " in load, but nothing in its source unsubscribes: switched off in the app's settings, it keeps listening"
    )
    assert "subscriptions.forEach(s => s.unsubscribe()) in unload" in said.message
    # Kept (as the snippets write it) but never released: only the release is asked for.
    kept = _KEEPS_LISTENING.replace("        participants$.subscribe(", "        held.push(participants$.subscribe(")
    kept = kept.replace("count = ps.length; });", "count = ps.length; }));").replace(
        "        window.PEX", "        held[1] = window.PEX"
    )
    (said,) = [p for p in _problems(base_project, kept) if p.code == "PD535"]
    assert said.message.endswith(
        "each handler runs twice. Release what load keeps in unload, for example: "
        "subscriptions.forEach(s => s.unsubscribe())."
    )
    # Released in unload: nothing to say.
    released = _KEEPS_LISTENING.replace(
        "        count = 0;\n", "        count = 0;\n        x.forEach(function (s) { s.unsubscribe(); });\n"
    )
    released = released.replace("    var count = 0;\n", "    var count = 0;\n    var x = [];\n")
    assert [p for p in _problems(base_project, released) if p.code == "PD535"] == []
    # A plugin users cannot switch off is never unloaded: nothing to say either.
    package = base_project / "webapp2" / "plugins" / "rec" / "rec.plugin.package.json"
    package.write_text(package.read_text().replace('"allowUnload": true', '"allowUnload": false'))
    assert [p.code for p in _problems(base_project, _KEEPS_LISTENING) if p.code.startswith("PD5")] == []


def test_a_bundles_load_is_told_what_its_parameters_are_when_it_keeps_listening(base_project: Path) -> None:
    """Minified, load's parameters are c and e: the note says which the app gives it."""
    source = (
        "!function(){function v(t,e){e.subscribe(function(n){})}function x(){}function r(){}"
        "window.PEX.pluginAPI.registerPlugin({id:'rec-1.0',load:v,unload:x,record:r})}();\n"
    )
    (said,) = [p for p in _problems(base_project, source) if p.code == "PD535"]
    assert said.message.startswith("'Record' subscribes to conferenceDetails$ (e) in load,"), said.message


def test_the_fix_of_a_listening_snippets_prefix_brings_the_subscriptions_array_it_uses(base_project: Path) -> None:
    """'onreceivechatmessage' left alone in load, in a plugin with no subscriptions array: PD523's
    fix wrote subscriptions.push(...), a ReferenceError as the plugin loads (the 'Oops' page).
    It writes the array too, and its release in unload, as Tab in the source editor does."""
    from designer.core.fixes import apply_fix
    from designer.core.model import save

    source = (
        "(function () {\n"
        "    'use strict';\n"
        "    function load() {\n"
        "        onreceivechatmessage\n"
        "    }\n"
        "    function unload() {\n"
        "    }\n"
        "    function record() {}\n" + REGISTER + "})();\n"
    )
    (problem,) = [p for p in _problems(base_project, source) if p.code == "PD523"]
    assert problem.fix is not None
    pkg = load(base_project)
    apply_fix(pkg, problem.fix)
    save(pkg)
    written = base_project.joinpath(*JS).read_text()
    assert written.index("    var subscriptions = [];\n\n    function load() {") > 0
    assert "        subscriptions.push(PEX.actions$.ofType(PEX.actions.RECEIVE_CHAT_MESSAGE).subscribe(" in written
    assert "    function unload() {\n        subscriptions.forEach(function (subscription) {\n" in written
    assert [p.code for p in run_checks(load(base_project)) if p.code.startswith("PD5")] == []


def test_the_snippets_code_pasted_without_its_subscriptions_array_gets_it_declared(base_project: Path) -> None:
    """subscriptions.push(...) pasted (as the snippets write it) into a plugin without the array:
    PD523 said the line throws, and offered nothing. Its fix declares the array in the wrapper and
    releases it at the top of unload, unless the code pasted there releases it already."""
    from designer.core.fixes import apply_fix
    from designer.core.model import save

    pasted = "        subscriptions.push(participants$.subscribe(function (ps) { console.log(ps.length); }));\n"
    for unload in (
        "    function unload() {\n    }\n",
        "    function unload() {\n        subscriptions.forEach(function (s) { s.unsubscribe(); });\n    }\n",
    ):
        source = (
            "(function () {\n    'use strict';\n    // Starts the plugin.\n    function load(participants$) {\n"
            + pasted
            + "    }\n"
            + unload
            + "    function record() {}\n"
            + REGISTER
            + "})();\n"
        )
        (problem,) = [p for p in _problems(base_project, source) if p.code == "PD523"]
        assert problem.fix is not None and problem.fix.title == "Declare subscriptions"
        pkg = load(base_project)
        apply_fix(pkg, problem.fix)
        save(pkg)
        written = base_project.joinpath(*JS).read_text()
        assert (
            "    var subscriptions = [];\n\n    // Starts the plugin.\n    function load(participants$) {\n" in written
        )
        assert written.count("unsubscribe();") == 1, written
        assert [p.code for p in run_checks(load(base_project)) if p.code.startswith("PD5")] == []


def test_a_function_written_twice_in_one_block_is_said(base_project: Path) -> None:
    """Two function load in one wrapper (a load snippet typed beside one, or a copy left in): the
    browser keeps the second for every call, the first one's code never runs, and no check said
    so. Said at the second, with the first one's line; a function of the same name inside another
    function, or two in different functions, is no such problem."""
    body = (
        "    function load(participants$) {\n"  # line 2
        "        console.log('first');\n"
        "    }\n"
        "    function unload() {\n"
        "        function helper() {}\n"
        "    }\n"
        "    function record() {\n"
        "        function helper() {}\n"
        "        function load() {}\n"
        "    }\n"
        "    function load() {\n"  # line 12
        "    }\n"
    )
    problems = _problems(base_project, "(function () {\n" + body + REGISTER + "})();\n")
    twice = [p for p in problems if p.code == "PD536"]
    assert [(p.line, p.column) for p in twice] == [(12, 14)], problems
    assert "writes the function load a second time here (the first is on line 2)" in twice[0].message
    assert twice[0].severity.value == "warning"
