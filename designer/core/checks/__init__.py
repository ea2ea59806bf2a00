"""All checks of a branding package, one module per concern.

Each module exposes ``check(pkg, ctx)`` (svgsafety a second one) which appends :class:`Problem` objects to
``ctx.problems``. They never raise on bad input: a check that cannot look further because a
file is broken simply stops there (the broken file is already reported by the loader).
"""

from __future__ import annotations

import os

from ..model import BrandingPackage
from ..problems import Problem, make
from . import consistency, icons, jsonfiles, manifest, package, settings, source, svgsafety
from .context import Context

__all__ = ["run_checks"]

# In this order: the safety scan of SVGs nothing names comes last, after the icon and source
# checks have fully scanned every SVG they name.
_CHECKS = (
    jsonfiles.check,
    settings.check,
    manifest.check,
    package.check,
    icons.check,
    svgsafety.check,
    source.check,
    consistency.check,
    svgsafety.check_unnamed,
)


def run_checks(pkg: BrandingPackage, exporting: bool = False) -> list[Problem]:
    """Every problem of ``pkg``, sorted by file, line and severity.

    ``exporting``: for the export's own gate, which leaves out PD213 (whether the brandingID is
    still the last export's: the export writes a new one, and finding out reads every file).
    """
    ctx = Context(pkg, exporting)
    ctx.problems.extend(pkg.load_problems)
    with pkg.unchanging():  # the checks only read the model
        for check in _CHECKS:
            try:
                check(pkg, ctx)
            except OSError as exc:  # a file vanished or is unreadable mid-check: say so, never crash
                ctx.problems.append(
                    make("PD105", _rel(pkg, exc.filename), f"A file cannot be read: {exc.strerror or exc}.")
                )
    # (The pointer too: in a settings.json not yet saved every entry is at line 0, and the same
    # clash of copies of one plugin, reported for each, was taken for one problem.)
    unique = {(p.code, p.file, p.line, p.column, p.pointer, p.message): p for p in ctx.problems}
    return sorted(unique.values(), key=Problem.sort_key)


def _rel(pkg: BrandingPackage, filename: object) -> str:
    """The package-relative name of a file an OSError names (or the package itself)."""
    root = pkg.root
    name = str(filename or "")
    if root is not None and name.startswith(str(root) + os.sep):
        return name[len(str(root)) + 1 :].replace(os.sep, "/")
    return name or pkg.files.label
