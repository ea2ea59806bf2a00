"""All checks of a branding package, one module per concern.

Each module exposes ``check(pkg, ctx)`` (svgsafety a second one) which appends :class:`Problem` objects to
``ctx.problems``. They never raise on bad input: a check that cannot look further because a
file is broken simply stops there (the broken file is already reported by the loader).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from ..model import SLIP_FIXES, BrandingPackage, Plugin, found_on_disk
from ..problems import Problem, make
from . import consistency, icons, jsonfiles, manifest, package, settings, source, svgsafety
from .context import Context

__all__ = ["problems_json", "run_checks", "unread_plugin_list"]

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


def run_checks(pkg: BrandingPackage, exporting: bool = False, in_window: bool = False) -> list[Problem]:
    """Every problem of ``pkg``, sorted by file, line and severity.

    ``exporting``: for the export's own gate, which leaves out PD213 (whether the brandingID is
    still the last export's: the export writes a new one, and finding out reads every file).
    ``in_window``: for the designer window, which leaves PD213 out too. Why: the window's way to
    upload is its Export (or Deploy), which always writes a new brandingID, so after an export
    the note came back with every edit, about a number the next Export replaces anyway (the
    Export pane says that the edits are not uploaded yet). It is for a folder uploaded without
    the designer's export: ``check`` (by hand or in CI) still says it.
    """
    exporting = exporting or in_window
    ctx = Context(pkg, exporting)
    ctx.problems.extend(pkg.load_problems)
    with pkg.unchanging():  # the checks only read the model
        _run(_CHECKS, pkg, ctx)
        why = unread_plugin_list(pkg)
        if why is not None:
            ctx.problems.extend(_found_on_disk(pkg, exporting, why))
    # (The pointer too: in a settings.json not yet saved every entry is at line 0, and the same
    # clash of copies of one plugin, reported for each, was taken for one problem.)
    unique = {(p.code, p.file, p.line, p.column, p.pointer, p.message): p for p in ctx.problems}
    return sorted(unique.values(), key=Problem.sort_key)


def _run(checks: tuple[Callable[[BrandingPackage, Context], None], ...], pkg: BrandingPackage, ctx: Context) -> None:
    for check in checks:
        try:
            check(pkg, ctx)
        except OSError as exc:  # a file vanished or is unreadable mid-check: say so, never crash
            ctx.problems.append(
                make("PD105", _rel(pkg, exc.filename), f"A file cannot be read: {exc.strerror or exc}.")
            )


# What is checked of the plugins found on disk while settings.json gives the app no plugin list:
# each plugin's own files, nothing about settings.json or the package as a whole (checked once already).
_PLUGIN_CHECKS = (
    jsonfiles.check,
    package.check,
    icons.check,
    svgsafety.check,
    source.check,
    svgsafety.check_unnamed,
)
_FOUND_ON_DISK = "Found on disk, not through settings.json (which {why}): "


def unread_plugin_list(pkg: BrandingPackage) -> str | None:
    """Why settings.json gives the app no list of plugins to load, as a message words it: "cannot
    be read" (not valid JSON), "has no plugin list the app reads" (valid JSON, but the list is under a misspelt
    name, PD207, "plugins" is no list, or the file is no object: only the list, say), "is missing"
    (PD200, whose fix makes one listing the plugins on disk); None when the list is read.

    Why: in these cases the checks look at the plugins found on disk instead (see
    :func:`_found_on_disk`), and the CLI's summary counts those, not the none the app loads. (A
    missing settings.json gave "0 plugins checked" and hid every plugin's own problems until it
    was made again.)
    """
    if not pkg.exists("settings.json"):
        return "is missing"
    if pkg.settings is None:
        return "cannot be read"
    if not isinstance(pkg.settings_json(), dict):
        return "has no plugin list the app reads"  # (only the list, without {"plugins": ...} around it)
    raw = pkg.settings.raw
    if "plugins" in raw:
        return None if isinstance(raw["plugins"], list) else "has no plugin list the app reads"
    from .settings import misspelt_plugins_key

    return "has no plugin list the app reads" if misspelt_plugins_key(raw) is not None else None


def _found_on_disk(pkg: BrandingPackage, exporting: bool, why: str) -> list[Problem]:
    """The problems of the plugins in the plugins folder, while settings.json cannot be read or
    has no plugin list the app reads (``why``, see :func:`unread_plugin_list`).

    Why: the app then loads no plugin, and the check said only that; each plugin's own problems
    (its package file, source, icons) came up one round later, after settings.json was fixed.
    Each says it was found on disk (a plugin with no problem adds nothing, so a broken settings.json
    alone still gets one line). Most fixes edit the plugins of the model, which has none until
    settings.json can be read: such a problem keeps no fix and names settings.json as the file to
    fix first (``fix_waits_for``), so the Problems pane says why its Fix is not there. A slip in a
    package file (PD100: a comma after the last entry, ...) keeps its fix: that is a repair of the
    file's text alone (see :func:`~designer.core.fixes._repair_slips`), needing no plugin in the model.
    Nothing about settings.json itself is said again (a package file 'not listed in settings.json'
    is only the unreadable file's doing).
    """
    view = found_on_disk(pkg)
    if not view.plugins:
        return []
    ctx = Context(view, exporting)
    ctx.problems.extend(view.load_problems)
    with view.unchanging():
        _run(_PLUGIN_CHECKS, view, ctx)
    out: list[Problem] = []
    for p in ctx.problems:
        if p.file in ("settings.json", "manifest.json"):
            continue  # (checked with the package itself)
        message = _FOUND_ON_DISK.format(why=why) + p.message
        # (a UTF-16 file saved as UTF-8 is a repair of its text alone too)
        if p.fix is not None and (p.code == "PD100" and p.fix.kind in SLIP_FIXES or p.fix.kind == "save-as-utf8"):
            out.append(replace(p, message=message))
        else:
            out.append(replace(p, message=message, fix=None, fix_waits_for="settings.json" if p.fix else ""))
    return out


def problems_json(pkg: BrandingPackage, problems: list[Problem]) -> list[dict[str, Any]]:
    """``problems`` of ``pkg`` as ``check --json`` gives them (and export's and deploy's ``errors``):
    ``plugin`` the plugin's id, ``plugin_file`` its package file (relative to webapp2/); both null
    for the package as a whole.

    Why not the problem's own ``plugin``: that is the key the window finds the plugin by, the id
    settings.json gives it, else its package file's path. While settings.json cannot be read (or
    lists a plugin without an id) scripts got a path where the README promises an id. The id is now
    the one settings.json gives, else the one the package file gives (null when neither gives one),
    and the path has a field of its own.
    """
    owners: dict[Any, Plugin] = {plugin.key: plugin for plugin in pkg.plugins}
    if unread_plugin_list(pkg) is not None and any(p.plugin is not None and p.plugin not in owners for p in problems):
        for plugin in found_on_disk(pkg).plugins:  # (the plugins the checks found on disk: keyed by their path)
            owners.setdefault(plugin.key, plugin)
    out = []
    for p in problems:
        doc = p.to_json()
        owner = owners.get(p.plugin) if p.plugin is not None else None
        if owner is not None:
            doc["plugin"] = _plugin_id(owner)
        doc["plugin_file"] = owner.package_path if owner is not None else None
        out.append(doc)
    return out


def _plugin_id(plugin: Plugin) -> Any:
    """The id of ``plugin``: settings.json's, else its package file's (a text), else None."""
    if plugin.entry.id not in (None, ""):
        return plugin.entry.id
    own = plugin.package.id if plugin.package is not None else None
    return own if isinstance(own, str) and own.strip() else None


def _rel(pkg: BrandingPackage, filename: object) -> str:
    """The package-relative name of a file an OSError names (or the package itself)."""
    root = pkg.root
    name = str(filename or "")
    if root is not None and name.startswith(str(root) + os.sep):
        return name[len(str(root)) + 1 :].replace(os.sep, "/")
    return name or pkg.files.label
