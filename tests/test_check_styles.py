"""Checks on plugins written in the styles real authors use (issue #5).

Why: a package that passes ``check`` must work, and a plugin that works must not be nagged. Each
test stands for a style found while writing small working plugins the way different authors do
(the registered object built in a variable, merged with Object.assign or spread in, PEX taken
apart by destructuring or handed to the wrapper) and then breaking them as plugins break in the
field. The fixture is the small base project with its source replaced.
"""

from __future__ import annotations

from pathlib import Path

from designer.core.checks import run_checks
from designer.core.fixes import apply_fix
from designer.core.model import load, save
from designer.core.problems import Problem

JS = ("webapp2", "plugins", "rec", "rec.plugin.js")


def _problems(project: Path, source: str) -> list[Problem]:
    project.joinpath(*JS).write_text(source, encoding="utf-8")
    return run_checks(load(project))


def _codes(problems: list[Problem]) -> list[tuple[str, int]]:
    return [(p.code, p.line) for p in problems]


def test_renaming_a_misspelt_method_keeps_it_a_method(base_project: Path) -> None:
    """The fix wrote 'record: recrod() {', a syntax error that stopped the whole plugin."""
    problems = _problems(
        base_project,
        "(function () {\n    PEX.pluginAPI.registerPlugin({\n        id: 'rec-1.0',\n        load() {},\n"
        "        unload() {},\n        async recrod() {\n            await PEX.pluginAPI.sendRequest('/lock');\n"
        "        }\n    });\n})();\n",
    )
    (missing,) = [p for p in problems if p.code == "PD505"]
    pkg = load(base_project)
    apply_fix(pkg, missing.fix)
    save(pkg)
    assert "        async record() {\n" in base_project.joinpath(*JS).read_text(encoding="utf-8")
    assert _codes(run_checks(load(base_project))) == []
