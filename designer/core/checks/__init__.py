"""All checks of a branding package, one module per concern.

Each module exposes ``check(pkg, ctx)`` which appends :class:`Problem` objects to
``ctx.problems``. They never raise on bad input: a check that cannot look further because a
file is broken simply stops there (the broken file is already reported by the loader).
"""

from __future__ import annotations

from ..model import BrandingPackage
from ..problems import Problem
from . import consistency, icons, manifest, package, settings, source, svgsafety
from .context import Context

__all__ = ["run_checks"]

_MODULES = (settings, manifest, package, icons, svgsafety, source, consistency)


def run_checks(pkg: BrandingPackage) -> list[Problem]:
    """Every problem of ``pkg``, sorted by file, line and severity."""
    ctx = Context(pkg)
    ctx.problems.extend(pkg.load_problems)
    for module in _MODULES:
        module.check(pkg, ctx)
    unique = {(p.code, p.file, p.line, p.column, p.message): p for p in ctx.problems}
    return sorted(unique.values(), key=Problem.sort_key)
