"""Plugins built with a bundler or compiler check clean, but for what is really wrong with them.

Why: plugin authors who write TypeScript or modern JavaScript ship what webpack, rollup, esbuild,
tsc or Babel emit; they cannot edit that output line by line, and a false alarm (or a message
that tells them to do what their build already did) teaches them to ignore `check`. Each source
in tests/fixtures/bundled_js/ replaces the example's meeting-info plugin (same id and actions).
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from designer.core.checks import run_checks
from designer.core.model import load

BUNDLED = Path(__file__).resolve().parent / "fixtures" / "bundled_js"
JS = ("webapp2", "plugins", "meeting-info", "meeting-info.plugin.js")
NAMED = "is inside a wrapper function, but what that function returns is kept in 'meetingInfo'"
# What check says all the same, each a real finding: (code, line, words of the message).
EXPECTED: dict[str, list[tuple[str, int, str]]] = {
    # rollup's output.name and esbuild's --global-name keep the bundle's result in a global.
    "rollup_iife_named.js": [("PD501", 1, NAMED)],
    "esbuild_iife_minified_named.js": [("PD501", 1, NAMED)],
    # Babel's helpers at the top of the file are functions of the whole page: a second Babel-built
    # plugin replaces them with its own. (tsc's are written to be shared, and said nothing of.)
    "babel_preset_env.js": [("PD501", 3, "declares '_typeof', '_interopRequireDefault'")],
    # A getter in the registered object is a key no menu item uses (an info, true).
    "modern_syntax.js": [("PD507", 51, "registers 'version'")],
    # load subscribes and nothing unsubscribes (swc's unload empties its array of subscriptions
    # without unsubscribing them): switched off and on again, the handler runs twice (an info, true).
    "esbuild_iife_minified.js": [("PD535", 1, "subscribes to conferenceDetails$ (e) in load")],
    "swc.js": [("PD535", 13, "subscribes to conferenceDetails$ (c) in load")],
}


def _said(project: Path, text: str) -> list[tuple[str, int, str]]:
    project.joinpath(*JS).write_text(text, encoding="utf-8")
    return [
        (p.code, p.line, p.message) for p in run_checks(load(project)) if p.plugin == "meeting-info" or p.plugin is None
    ]


@pytest.mark.parametrize("name", sorted(p.name for p in BUNDLED.glob("*.js")))
def test_a_bundled_plugin_gets_only_its_real_problems(example_project: Path, name: str) -> None:
    said = _said(example_project, (BUNDLED / name).read_text(encoding="utf-8"))
    expected = EXPECTED.get(name, [])
    assert [(c, line) for c, line, _ in said] == [(c, line) for c, line, _ in expected], said
    for (_c, _l, message), (_, _, words) in zip(said, expected, strict=True):
        assert words in message


def test_the_wrapped_bundle_with_a_global_name_is_not_told_to_wrap_its_code(example_project: Path) -> None:
    (said,) = _said(example_project, (BUNDLED / "rollup_iife_named.js").read_text(encoding="utf-8"))
    assert said[0] == "PD501"
    assert "Put the code inside" not in said[2]
    assert "rollup's output.name" in said[2] and "esbuild's --global-name" in said[2]


def test_code_in_a_wrapper_whose_result_is_named_runs_as_the_plugin_loads(example_project: Path) -> None:
    """The body of var meetingInfo = (() => { ... })(); runs when the file does: a call to a
    function defined nowhere there fails the load (PD523), as in a plain wrapper."""
    body = (
        '    "use strict";\n'
        "    setUp();\n"
        "    console.log(later);\n"
        "    const later = 1;\n"
        "    function load() {}\n"
        "    function unload() {}\n"
        "    function showMeetingInfo() {}\n"
        "    return window.PEX.pluginAPI.registerPlugin({ id: 'meeting-info', load, unload, showMeetingInfo });\n"
    )
    said = _said(example_project, "var meetingInfo = (() => {\n" + body + "})();\n")
    by_code = {code: (line, message) for code, line, message in said}
    assert by_code["PD523"][0] == 3 and "setUp() here, as the plugin loads" in by_code["PD523"][1]
    assert by_code["PD526"][0] == 4 and "as the plugin loads" in by_code["PD526"][1]


def test_a_source_map_comment_of_half_a_megabyte_changes_nothing(example_project: Path) -> None:
    text = (BUNDLED / "esbuild_iife_minified.js").read_text(encoding="utf-8")
    a_map = {"version": 3, "sources": ["src/index.ts"], "sourcesContent": ["x" * 380_000], "mappings": "AAAA;" * 1000}
    data = base64.b64encode(json.dumps(a_map).encode()).decode()
    inline = text + "//# sourceMappingURL=data:application/json;charset=utf-8;base64," + data + "\n"
    assert len(inline) > 500_000
    plain = _said(example_project, text)
    assert [(c, line) for c, line, _ in plain] == [("PD535", 1)]  # (see EXPECTED)
    assert _said(example_project, inline) == plain
    assert _said(example_project, text + "//# sourceMappingURL=meeting-info.plugin.js.map\n") == plain
