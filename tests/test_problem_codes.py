"""The registry of problem codes says which problems the checks offer a one-click fix for.

Help ▸ Problem Codes and the README table show it; this keeps it true to the checks' code.
"""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

from designer.core.checks import svgsafety
from designer.core.problems import CODES

CHECKS = ROOT / "designer" / "core" / "checks"


def _report_calls() -> tuple[dict[str, bool], set[tuple[str, str]]]:
    """Every report(...) call of the checks: per constant code, whether any passes a fix; and the
    (file, function) of calls whose code is a variable and that pass a fix."""
    fixable: dict[str, bool] = {}
    variable: set[tuple[str, str]] = set()

    def visit(node: ast.AST, path: Path, function: str) -> None:
        for child in ast.iter_child_nodes(node):
            inner = child.name if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)) else function
            if isinstance(child, ast.Call):
                func = child.func
                fix: ast.expr | None = None
                if isinstance(func, ast.Name) and func.id == "report":  # source.py's (code, message, line, col, fix)
                    fix = child.args[4] if len(child.args) > 4 else None
                elif not (isinstance(func, ast.Attribute) and func.attr == "report"):  # ctx.report: fix= only
                    visit(child, path, inner)
                    continue
                fix = next((k.value for k in child.keywords if k.arg == "fix"), fix)
                offers = fix is not None and not (isinstance(fix, ast.Constant) and fix.value is None)
                code = child.args[0] if child.args else None
                if isinstance(code, ast.Constant) and isinstance(code.value, str):
                    fixable[code.value] = fixable.get(code.value, False) or offers
                elif offers:
                    variable.add((path.name, function))
            visit(child, path, inner)

    for path in sorted(CHECKS.glob("*.py")):
        visit(ast.parse(path.read_text(encoding="utf-8")), path, "")
    return fixable, variable


def test_the_registry_says_which_problems_have_a_one_click_fix() -> None:
    found, variable = _report_calls()
    # Two calls take their code from a variable: source.py's report() passing its caller's fix
    # on, and the SVG checks, which fix every unsafe part (PD410-PD416) by sanitising, and add the
    # missing viewBox (PD430) or the id a url(#id) meant (PD420).
    assert variable == {("source.py", "report"), ("svgsafety.py", "check_svg")}
    svg = set(svgsafety._TITLES) | {"PD420", "PD430"}
    # PD100 comes from the loader (model.py), which offers to repair the slips of editing by hand.
    offered = {code for code, fix in found.items() if fix} | svg | {"PD100"}
    assert offered <= set(CODES)
    assert {c.code for c in CODES.values() if c.fixable} == offered
