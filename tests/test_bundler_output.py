"""Plugins built with a bundler or compiler check clean, but for what is really wrong with them.

Why: plugin authors who write TypeScript or modern JavaScript ship what webpack, rollup, esbuild,
tsc or Babel emit; they cannot edit that output line by line, and a false alarm (or a message
that tells them to do what their build already did) teaches them to ignore `check`. Each source
in tests/fixtures/bundled_js/ replaces the example's meeting-info plugin (same id and actions).
"""

from __future__ import annotations

from pathlib import Path

from designer.core.checks import run_checks
from designer.core.model import load

JS = ("webapp2", "plugins", "meeting-info", "meeting-info.plugin.js")


def _said(project: Path, text: str) -> list[tuple[str, int, str]]:
    project.joinpath(*JS).write_text(text, encoding="utf-8")
    return [
        (p.code, p.line, p.message) for p in run_checks(load(project)) if p.plugin == "meeting-info" or p.plugin is None
    ]


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
