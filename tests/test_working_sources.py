"""Working plugin sources stay free of JavaScript problems.

Why: each rule about plugin sources (syntax the browser refuses though the parser accepts it,
names that leak into the web app) is only useful while it never fires on code that works; a
false alarm teaches people to ignore the checker. This collects about forty sources that load
in the browser without an error (the recipes with their default answers, the bundled example,
the fixture, the snippet skeleton, the benchmark's generated plugins and hand-written sources in
the styles found in the wild: tests/fixtures/working_js/) and checks each of them as the
source of a plugin.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path

from designer.core.checks import run_checks
from designer.core.model import load
from designer.core.recipes import list_recipes, render
from designer.core.snippets import expand, find_prefix

ROOT = Path(__file__).resolve().parent.parent
WORKING = Path(__file__).resolve().parent / "fixtures" / "working_js"
JS = ("webapp2", "plugins", "rec", "rec.plugin.js")
# The codes of the rules about what the source itself is: its syntax, the names it leaks or
# assigns without declaring them (or that are the browser's own), or uses before their let.
SOURCE_CODES = {"PD500", "PD521", "PD524", "PD525", "PD526"}
# What is said all the same: the old-style fixture gives the browser's own onbeforeunload, name and
# status values by their bare names. That works, but replaces them for the whole web app (PD525).
EXPECTED = {"working_js/sloppy_old_style.js": ["PD525 14:9", "PD525 15:9", "PD525 16:9"]}


def _bench_sources(tmp: Path) -> Iterator[tuple[str, str]]:
    spec = importlib.util.spec_from_file_location("check_speed_for_sources", ROOT / "bench" / "check_speed.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = bench
    try:
        spec.loader.exec_module(bench)
        web = bench.generate(tmp / "bench", n_plugins=8)
    finally:
        sys.modules.pop(spec.name, None)
    for js in sorted(web.glob("webapp2/plugins/*/*.js")):
        yield f"bench {js.name}", js.read_text(encoding="utf-8")


def working_sources(tmp: Path) -> list[tuple[str, str]]:
    """(what it is, source text) of every working source."""
    out: list[tuple[str, str]] = []
    for path in sorted(WORKING.glob("*.js")):
        out.append((f"working_js/{path.name}", path.read_text(encoding="utf-8")))
    for recipe in list_recipes():
        for name, data in render(recipe, {}, "x").items():
            if name.endswith(".js"):
                out.append((f"recipe {recipe.name}", data.decode("utf-8")))
    for js in sorted((ROOT / "resources" / "examples" / "demo").glob("webapp2/plugins/*/*.js")):
        out.append((f"example {js.name}", js.read_text(encoding="utf-8")))
    out.append(("fixture rec.plugin.js", (Path(__file__).parent / "fixtures" / "base").joinpath(*JS).read_text()))
    skeleton = find_prefix("iife")
    assert skeleton is not None
    out.append(("snippet iife", expand(skeleton).text))
    out.extend(_bench_sources(tmp))
    return out


def test_there_are_enough_working_sources(tmp_path: Path) -> None:
    assert len(working_sources(tmp_path)) >= 30


def test_no_working_source_gets_a_source_problem(base_project: Path, tmp_path: Path) -> None:
    found: dict[str, list[str]] = {}
    for what, text in working_sources(tmp_path):
        base_project.joinpath(*JS).write_text(text, encoding="utf-8")
        said = [
            f"{p.code} {p.line}:{p.column} {p.message}"
            for p in run_checks(load(base_project))
            if p.code in SOURCE_CODES
        ]
        expected = EXPECTED.get(what, [])
        if [x.split(" ", 2)[:2] for x in said] != [e.split(" ") for e in expected]:
            found[what] = said
    assert found == {}


def test_the_bundled_example_checks_clean_of_source_problems(example_project: Path) -> None:
    assert [p for p in run_checks(load(example_project)) if p.code in SOURCE_CODES] == []


def test_only_the_sources_that_never_unsubscribe_are_told_their_load_keeps_listening(
    base_project: Path, tmp_path: Path
) -> None:
    """PD535 (load subscribes, and nothing unsubscribes) is said of the working sources whose load
    subscribes to what the app gives it and that say unsubscribe nowhere, and of no other: not of
    the recipes, the example, the skeleton snippet, nor of released_by_a_helper.js, whose unload
    releases everything through a helper (the plugin may be switched off: allowUnload is true)."""
    told = {}
    for what, text in working_sources(tmp_path):
        base_project.joinpath(*JS).write_text(text, encoding="utf-8")
        said = [f"{p.line}:{p.column}" for p in run_checks(load(base_project)) if p.code == "PD535"]
        if said:
            told[what] = said
            assert "unsubscribe" not in text, what
    assert told == {
        "working_js/arrows_and_classes.js": ["23:9"],
        "working_js/generators_and_getters.js": ["17:9"],
        "working_js/iife_with_params.js": ["7:9"],
        "working_js/loops_and_labels.js": ["8:9"],
    }
