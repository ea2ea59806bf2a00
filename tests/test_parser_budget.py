"""The JavaScript parser has a budget: a source it would loop on forever gets PD500, not a hang.

Why: one CI run hung for minutes in the fuzz test of the checks; tree-sitter has known inputs it
never finishes (tree-sitter issues #3393, #4405), and in a C loop that holds the GIL nothing else
can stop it: `check` never returned and the window froze. The budget is counted in tree-sitter's
progress reports, never in time, so the same source gives the same problems on any machine.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from designer.core import actionsync, jsanalysis
from designer.core.checks import run_checks
from designer.core.jsanalysis import analyse, parse_within_budget
from designer.core.model import load

SRC = "plugins/lock-toggle/lock-toggle.plugin.js"


@pytest.fixture
def no_budget(monkeypatch):
    """A budget so small that the parser gives up at its first progress report."""
    monkeypatch.setattr(jsanalysis, "_PROGRESS_BASE", 0)
    monkeypatch.setattr(jsanalysis, "_PROGRESS_PER_BYTE", 0)
    jsanalysis.forget_analyses()
    yield
    jsanalysis.forget_analyses()


def _reports(data: bytes) -> int:
    """How many progress reports tree-sitter makes while parsing ``data`` (no budget)."""
    count = 0

    def progress(_offset: int, _has_error: bool) -> bool:
        nonlocal count
        count += 1
        return False

    jsanalysis._parser().parse(lambda offset, _point: data[offset:], progress_callback=progress)
    return count


@pytest.mark.parametrize(
    "data",
    [
        b"a" + b"()" * 20_000,
        b"f(" + b"," * 30_000,
        b"f" + b"(" * 20_000,
        b"`" + b"${" * 5_000,
        b")" * 20_000 + b"}" * 20_000,
        b"'" * 15_000 + b'"' * 15_000,
        b"(function(){ " + b"if (x { var = ; " * 2_000 + b"})();",
        b" ".join([b"(function () {", b"})();", b"{", b"(", b"'", b"`", b"/"] * 2_000),
    ],
    ids=["calls", "commas", "open-brackets", "template", "closers", "quotes", "slips", "tokens"],
)
def test_the_most_broken_sources_we_could_write_stay_well_within_the_budget(data: bytes) -> None:
    """The budget must never cut short a parse that would end: these are the sources with the most
    progress reports per byte we found; each stays under a third of the limit, and parses whole."""
    limit = jsanalysis._PROGRESS_BASE + int(len(data) * jsanalysis._PROGRESS_PER_BYTE)
    assert 0 < _reports(data) < limit / 3
    tree, gave_up = parse_within_budget(data)
    assert gave_up is None and tree.root_node.end_byte == len(data)


def test_every_example_source_parses_whole_within_the_budget() -> None:
    sources = sorted((ROOT / "resources" / "examples").rglob("*.plugin.js"))
    assert len(sources) >= 3
    for path in sources:
        tree, gave_up = parse_within_budget(path.read_bytes())
        assert gave_up is None, path
        assert not tree.root_node.has_error, path


def test_a_parse_past_its_budget_is_reported_as_pd500_where_the_parser_stopped(
    example_project: Path, no_budget
) -> None:
    problems = run_checks(load(example_project))
    mine = [p for p in problems if p.file.endswith(SRC)]
    assert [p.code for p in mine] == ["PD500"], [(p.code, p.message) for p in mine]
    (p,) = mine
    assert "too tangled for the checker to read" in p.message and "'Lock toggle'" in p.message
    # Where tree-sitter was when it gave up: a real position in the file, not line 0 or past the end.
    lines = (example_project / "webapp2" / SRC).read_text(encoding="utf-8").split("\n")
    assert 1 <= p.line <= len(lines) and 1 <= p.column <= len(lines[p.line - 1]) + 1
    # The other sources (each parsed within the same tiny budget) give up too, each on its own.
    assert {q.file for q in problems if "too tangled" in q.message} == {
        q.file for q in problems if q.file.endswith(".plugin.js")
    }


def test_edits_that_need_the_tree_refuse_a_source_the_parser_gave_up_on(example_project: Path, no_budget) -> None:
    """The action sync walks the tree to place a stub; an empty tree would have put it anywhere."""
    source = (example_project / "webapp2" / SRC).read_text(encoding="utf-8")
    assert analyse(source).syntax_errors
    with pytest.raises(ValueError, match="registerPlugin"):
        actionsync.add_action_function(source, "newAction")
    assert actionsync.hidden_global(source, "PEX") is None


def test_the_cli_check_finishes_on_a_source_tree_sitter_would_loop_on(tmp_path: Path) -> None:
    """In a fresh process (no memo, no monkeypatch): a budget of one report ends the parse of a
    source, and `check` prints PD500 and exits 1, instead of waiting for the parse to end."""
    script = (
        "import sys\n"
        "from designer.core import jsanalysis\n"
        "jsanalysis._PROGRESS_BASE, jsanalysis._PROGRESS_PER_BYTE = 1, 0\n"
        "from designer.cli import main\n"
        "sys.exit(main(['check', sys.argv[1]]))\n"
    )
    project = tmp_path / "p"
    subprocess.run([sys.executable, "-m", "designer", "new", str(project)], check=True, cwd=ROOT, capture_output=True)
    run = subprocess.run([sys.executable, "-c", script, str(project)], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 1, run.stderr
    assert "PD500" in run.stdout and "too tangled" in run.stdout, run.stdout
