"""The JSON files the forms write: names written twice in one object (PD101)."""

from __future__ import annotations

from ..jsonfile import split_pointer
from ..jstext import shortened
from ..model import BrandingPackage
from ..problems import Fix
from .context import Context


def check(pkg: BrandingPackage, ctx: Context) -> None:
    """PD101 for every name written again in the same object, at the later one (the one in use).

    Why a check and not a problem found once when loading: the fix removes the ignored copy from
    the document in the model, and the problem must go with it (and come back with undo).
    """
    files: dict[str, str | None] = {}
    if pkg.manifest is not None:
        files["manifest.json"] = None
    if pkg.settings is not None:
        files["settings.json"] = None
    for plugin in pkg.plugins:
        if plugin.package is not None and plugin.package_path:
            files.setdefault(plugin.package_path, plugin.key)
    for rel, plugin_key in files.items():
        doc = pkg.docs.get(rel)
        if doc is None or not doc.duplicates:
            continue
        for pointer, offset in doc.duplicates:
            line, col = doc.line_col(offset)
            name = split_pointer(pointer)[-1]
            ctx.report(
                "PD101",
                rel,
                f"'{shortened(name)}' is written twice in {rel}; only the last one is used.",
                pointer,
                line=line,
                column=col,
                fix=Fix(
                    "remove-dead-duplicate",
                    f"Remove the ignored earlier '{shortened(name)}'",
                    {"file": rel, "pointer": pointer},
                ),
                plugin=plugin_key,
            )
