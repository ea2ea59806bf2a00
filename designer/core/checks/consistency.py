"""Package-level consistency: a fresh brandingID, no forgotten plugins, no case-twin files."""

from __future__ import annotations

import json
from pathlib import Path

from designer.core.checks.context import Context
from designer.core.model import BrandingPackage
from designer.core.problems import Fix

STATE_FILE = (".plugin-designer", "state.json")


def _is_package_file(rel: str) -> bool:
    return rel.startswith("plugins/") and (
        rel.endswith(".plugin.package.json") or rel.rsplit("/", 1)[-1] == "plugin.json"
    )


def last_branding_id(pkg: BrandingPackage) -> object:
    """The brandingID last exported or imported (project state file), or None."""
    root = pkg.root
    if root is None:
        return None
    project = root.parent if root.name == "webapp2" else root
    path = Path(project, *STATE_FILE)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data.get("last_branding_id") if isinstance(data, dict) else None


def check(pkg: BrandingPackage, ctx: Context) -> None:
    names = pkg.files.names()
    if pkg.manifest is not None and pkg.manifest.branding_id not in (None, ""):
        last = last_branding_id(pkg)
        if last not in (None, "") and str(last) == str(pkg.manifest.branding_id):
            doc = pkg.docs.get("manifest.json")
            ctx.report(
                "PD213",
                "manifest.json",
                f"brandingID is still {pkg.manifest.branding_id}, the value of the last export or import. Clients "
                "keep their cached branding unless it changes; export sets a new one, or use the fix.",
                "/brandingID" if doc is not None and isinstance(doc.data, dict) and "brandingID" in doc.data else "",
                fix=Fix("new-branding-id", "Set a new brandingID"),
            )
    if pkg.settings is not None:
        listed = {p.package_path for p in pkg.plugins if p.package_path}
        listed_lower = {p.lower() for p in listed}
        for rel in names:
            if _is_package_file(rel) and rel not in listed and rel.lower() not in listed_lower:
                ctx.report(
                    "PD205",
                    rel,
                    f"The plugin package {rel} is in the package, but settings.json does not list it, so the app never "
                    "loads it. Add it to settings.json, or delete the folder if it is not needed.",
                )
    by_lower: dict[str, list[str]] = {}
    for rel in names:
        by_lower.setdefault(rel.lower(), []).append(rel)
    for group in by_lower.values():
        if len(group) > 1:
            for rel in group[1:]:
                ctx.report(
                    "PD206",
                    rel,
                    f"{rel} and {group[0]} differ only in letter case. Unpacked on Windows or macOS one overwrites the "
                    "other; rename or remove one of them.",
                )
