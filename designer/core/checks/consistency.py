"""Package-level consistency: a fresh brandingID, no forgotten plugins, no case-twin files."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from designer.core.checks.context import Context
from designer.core.checks.settings import meant_package, unlisted_packages
from designer.core.files import hidden_character_problem, is_utf8, name_clashes, name_difference, windows_name_problem
from designer.core.jstext import shortened
from designer.core.model import BrandingPackage
from designer.core.problems import Fix, printable
from designer.core.state import load_state
from designer.core.zipnames import name_why

# What can make a name one the export leaves out (see zipnames.name_why); the rest is its business.
_LEFT_OUT = re.compile(r"[\x00-\x1f\x7f:\\]")


def _last_export(pkg: BrandingPackage) -> dict[str, object] | None:
    """What the project state file recorded about the last export; None when nothing was."""
    root = pkg.root
    if root is None:
        return None
    record = load_state(root.parent if root.name == "webapp2" else root).get("last_export")
    return record if isinstance(record, dict) else None


def last_branding_ids(record: dict[str, object] | None) -> set[str]:
    """The brandingID of the last export (``record``, from the project state file), as text.

    Why not the imported one too: right after an import the package is exactly what the server
    already has, so there is nothing a stale brandingID could hide; only edits made after an
    export and zipped by hand would stay cached in the clients.
    """
    if record is not None and record.get("brandingID") not in (None, ""):
        return {str(record["brandingID"])}
    return set()


def _changed_since_export(pkg: BrandingPackage, record: dict[str, object] | None) -> bool:
    """Whether the package differs from what the last export uploaded (brandingID aside); True
    when the export did not record it (made by an older version)."""
    stored = record.get("content") if record is not None else None
    if not isinstance(stored, str):
        return True
    from designer.core.fingerprint import content_fingerprint

    return content_fingerprint(pkg) != stored


def check(pkg: BrandingPackage, ctx: Context) -> None:
    names = pkg.names()
    if not ctx.exporting and pkg.manifest is not None and pkg.manifest.branding_id not in (None, ""):
        record = _last_export(pkg)  # read once for both questions
        if str(pkg.manifest.branding_id) in last_branding_ids(record) and _changed_since_export(pkg, record):
            doc = pkg.docs.get("manifest.json")
            ctx.report(
                "PD213",
                "manifest.json",
                f"The upload number (brandingID) is still {shortened(str(pkg.manifest.branding_id))}, the one of the last "
                "export. Clients keep their cached branding unless it changes: upload only ZIPs made with Export, which sets a "
                "new one, or use the fix.",
                "/brandingID" if doc is not None and isinstance(doc.data, dict) and "brandingID" in doc.data else "",
                fix=Fix("new-branding-id", "Set a new upload number"),
            )
    # With the list under a misspelt name (PD207) every package looks unlisted; renaming it lists them.
    if pkg.settings is not None and not any(p.code == "PD207" for p in ctx.problems):
        # A file an entry with a broken srcURL means is that entry's, not one more plugin: listing
        # it again would make a second entry with the same id (PD202).
        meant = {}
        unlisted = unlisted_packages(pkg)
        for index in range(len(pkg.plugins)):
            rel = meant_package(pkg, index)
            if rel is not None:
                meant.setdefault(rel, index)
        for rel in unlisted:
            if rel in meant:
                index = meant[rel]
                entry = pkg.plugins[index].entry
                path = pkg.plugins[index].package_path
                what = "which is not a plugin package file" if path and pkg.exists(path) else "which does not exist"
                ctx.report(
                    "PD205",
                    rel,
                    f"The plugin package {rel} is not in the plugin list (settings.json), whose entry "
                    f"'{shortened(entry.id)}' loads '{shortened(entry.src_url)}', {what}. Point that entry here.",
                    fix=Fix(
                        "set-settings-src",
                        f"Use '{shortened(rel)}' for '{shortened(entry.id)}'",
                        {"index": index, "value": rel},
                    ),
                )
                continue
            ctx.report(
                "PD205",
                rel,
                f"The plugin package {rel} is in the package, but the plugin list (settings.json) does not have it, so "
                "the app never loads it. Add it to the list, or delete the folder if it is not needed.",
                fix=Fix("list-package", "Add it to the plugin list", {"file": rel}),
            )
    # As the export and the import compare names (files.name_clashes): folders too, accents' encodings too.
    for other, part, rel in name_clashes(names):
        how = name_difference(other, part)
        if part != rel:
            ctx.report(
                "PD206",
                rel,
                f"The folder {part} (holding {rel}) and {other} differ only in {how}. Unpacked on Windows or macOS "
                "they are one folder, and the export refuses them; rename one of them.",
            )
            continue
        ctx.report(
            "PD206",
            rel,
            f"{rel} and {other} differ only in {how}. Unpacked on Windows or macOS one overwrites the other; "
            "rename or remove one of them.",
        )
    for rel, why, what in _named_once(names, windows_name_problem, shown=str):
        ctx.report(
            "PD214",
            rel,
            f"{what} {why}, so the ZIP cannot be unpacked on Windows (administrators often open branding ZIPs "
            "there) and the export refuses it. Rename it.",
        )
    for rel, why, what in _named_once(names, _left_out):
        # The export lists it among what it left out, after the check said nothing (and even called
        # such a file one "uploaded for nothing"); whatever refers to it breaks after the upload.
        ctx.report(
            "PD107",
            rel,
            f"{what} is left out of the export ({why}), so the upload will not have it. Rename it, and "
            "whatever refers to it.",
        )
    # The names escaped (printable): quoted as they are, a right-to-left override would turn the
    # rest of the message around too. No fix: the name may be what settings.json, a menu item or
    # the code names (and a name they build cannot be found), and the plain name is often that of
    # another file, the one it poses as.
    for rel, hidden, where in _named_once(names, hidden_character_problem):
        ctx.report(
            "PD215",
            rel,
            f"{where} contains an invisible {hidden} that can make the name look like something else. Rename it, "
            "and whatever refers to it, unless you meant it.",
        )


def _named_once(
    names: list[str], find: Callable[[str], tuple[str, str] | None], shown: Callable[[str], str] = printable
) -> Iterator[tuple[str, str, str]]:
    """(file, why, "The file F" or "The folder P (holding F)") for each file whose name ``find``
    flags ((the part of its path at fault, why) or None): a folder is said once, not once per
    file in it. Why one loop: the rules on names (PD214, PD107, PD215) each had their own copy."""
    said: set[str] = set()
    for rel in names:
        found = find(rel)
        if found is None or found[0] in said:
            continue
        part, why = found
        said.add(part)
        yield (
            rel,
            why,
            (f"The file {shown(rel)}" if part == rel else f"The folder {shown(part)} (holding {shown(rel)})"),
        )


def _left_out(rel: str) -> tuple[str, str] | None:
    """(the first part of ``rel``'s path the export leaves out for its name, why), or None."""
    if not _LEFT_OUT.search(rel) and (rel.isascii() or is_utf8(rel)):
        return None  # (the common case, answered at once)
    parts = rel.split("/")
    part = next(("/".join(parts[: i + 1]) for i in range(len(parts)) if name_why("/".join(parts[: i + 1]))), rel)
    why = name_why(part) or name_why(rel)
    return None if why is None else (part, why)
