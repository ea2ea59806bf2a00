"""Package-level consistency: a fresh brandingID, no forgotten plugins, no case-twin files."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from designer.core.checks.context import Context
from designer.core.checks.settings import meant_package, unlisted_packages
from designer.core.checks.source import source_info
from designer.core.files import hidden_character_problem, is_utf8, name_clashes, name_difference, windows_name_problem
from designer.core.jstext import shortened
from designer.core.model import BrandingPackage, Plugin
from designer.core.problems import Fix, printable
from designer.core.state import load_state
from designer.core.zipnames import excluded_why, name_why

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
    _code_left_out(pkg, ctx)
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
                if not entry.src_url:
                    loads = "does not say which package file it loads (srcURL)"
                elif path is None:
                    loads = f"loads '{shortened(entry.src_url)}', which is outside the package or on another server"
                elif pkg.exists(path):
                    loads = f"loads '{shortened(entry.src_url)}', which is not a plugin package file"
                else:
                    loads = f"loads '{shortened(entry.src_url)}', which does not exist"
                ctx.report(
                    "PD205",
                    rel,
                    f"The plugin package {rel} is not in the plugin list (settings.json), whose entry "
                    f"'{shortened(entry.id)}' {loads}. Point that entry here.",
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
    _shared_names(pkg, ctx)
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


# How a plugin puts a name on the page (top_names' words of jsanalysis): in a message, and whether
# the browser lets no other script of the page declare the name again (let, const, class).
_HOW = {
    "let": "declares '{n}' with let{where}",
    "const": "declares '{n}' with const{where}",
    "class": "declares the class '{n}'{where}",
    "var": "declares '{n}' with var{where}",
    "function": "declares the function '{n}'{where}",
    "assignment": "gives '{n}' a value{here} without declaring it",
}
_LEXICAL = ("let", "const", "class")
_WRAP = "Put each plugin's code inside (function () { ... })(); where its names are its own, or rename"


def _shared_names(pkg: BrandingPackage, ctx: Context) -> None:
    """PD530 / PD531: a name two plugins that load together both put on the page, outside any
    wrapper function (each plugin's source is a plain script of the same page).

    Why: each file's own check (PD501) only says its names "can clash"; when another plugin does
    declare the same name, with let, const or class on either side, the browser refuses whichever
    file loads second ("Identifier 'x' has already been declared", ECMAScript's
    GlobalDeclarationInstantiation) and that plugin silently never loads; with var, function or a
    value given without declaring it (x = 1) on both sides, one plugin quietly uses the other's
    variable or function. Duplicating a plugin that is not wrapped made such a pair.

    Only the plugins switched on at start (enabled) and whose platforms meet; a file the browser
    refuses anyway (PD500, PD529) declares nothing. Once per pair of plugins, in each of the two
    files, at its first such name, naming the other file's line: a copied plugin shares all its
    names, and one line per name said the same thing many times. A pair with a PD530 gets no
    PD531 (the refused file shares nothing). The load order
    is the app's business (neither the guide nor settings.json promises one): "whichever loads second".
    """
    loaded: list[tuple[Plugin, str, dict[str, tuple[int, int, str]]]] = []
    done: set[str] = set()
    for plugin in pkg.plugins:
        src = plugin.source_path
        if plugin.entry.enabled is False or plugin.package is None or not src or src in done:
            continue
        done.add(src)
        info = source_info(ctx, src) if pkg.exists(src) else None
        if info is None or info.syntax_errors or info.refused_names or not (info.top_names or info.globals_made):
            continue
        names = {name: (line, col, how) for name, line, col, how in info.top_names}
        for name, line, col in info.globals_made:
            names.setdefault(name, (line, col, "assignment"))
        loaded.append((plugin, src, names))
    if len(loaded) < 2:
        return
    holders: dict[str, list[int]] = {}
    for i, (_p, _s, names) in enumerate(loaded):
        for name in names:
            holders.setdefault(name, []).append(i)
    # (plugin, other plugin, PD530 or PD531) -> the names, in order of the first plugin's lines
    pairs: dict[tuple[int, int, str], list[str]] = {}
    for name, where in holders.items():
        for x, i in enumerate(where):
            for j in where[x + 1 :]:
                code = _clash(loaded[i][2][name][2], loaded[j][2][name][2])
                if code is not None and _meet(loaded[i][0], loaded[j][0]):
                    pairs.setdefault((i, j, code), []).append(name)
                    pairs.setdefault((j, i, code), []).append(name)
    for (i, j, code), clashing in sorted(pairs.items()):
        if code == "PD531" and (i, j, "PD530") in pairs:
            continue  # (the browser refuses one of the two files: it shares nothing with the other)
        plugin, src, names = loaded[i]
        other, other_src, other_names = loaded[j]
        clashing.sort(key=lambda n: names[n][:2])
        n = clashing[0]
        line, col, how = names[n]
        other_line, _c, other_how = other_names[n]
        sn, me, them = shortened(n), shortened(plugin.display_name), shortened(other.display_name)
        also = ""
        if len(clashing) > 1:
            more = ", ".join(f"'{shortened(m)}'" for m in clashing[1:4]) + (", ..." if len(clashing) > 4 else "")
            also = f" They share {more} the same way."
        mine = _HOW[how].format(n=sn, where=" here, at the top of the file", here=" here")
        if how == "assignment":
            mine += " (so it is a name of the whole page)"
        said = (
            f"The source of '{me}' {mine}, and the plugin '{them}' "
            f"{_HOW[other_how].format(n=sn, where=' at the top of its file', here='')} too "
            f"({other_src} line {other_line}).{also} "
        )
        if code == "PD530":
            said += (
                "Both load into the same page, where a name declared with let, const or class cannot be declared a "
                'second time: the browser refuses whichever of the two files loads second ("Identifier '
                f"'{sn}' has already been declared\"), so that plugin never loads. {_WRAP} '{sn}' in one of them."
            )
        else:
            said += (
                f"Both load into the same page and share this one '{sn}': whichever sets it last replaces the other's "
                "value or function, so one plugin ends up using the other's instead of its own. "
                f"{_WRAP} '{sn}' in one of them."
            )
        ctx.report(code, src, said, plugin=plugin.key, line=max(line, 1), column=max(col, 1))


def _clash(how: str, other: str) -> str | None:
    """PD530 when the browser refuses one of two scripts declaring a name so (``how`` and
    ``other``: top_names' words), PD531 when one replaces the other's, None when neither: a let
    or const given a value by the other's x = 1 is the same variable (no such refusal), and two
    x = 1 are PD524's (each already said to make a global shared with every other plugin)."""
    if how in _LEXICAL or other in _LEXICAL:
        return None if "assignment" in (how, other) else "PD530"
    if how == other == "assignment":
        return None
    return "PD531"


def _meet(plugin: Plugin, other: Plugin) -> bool:
    """Whether two plugins can load in the same app: their platforms (web, desktop, iOS, Android)
    have one in common (a plugin with none loads nowhere: PD303)."""
    mine = plugin.package.platforms if plugin.package is not None else None
    theirs = other.package.platforms if other.package is not None else None
    return bool(mine and theirs and not set(mine).isdisjoint(theirs))


def _code_left_out(pkg: BrandingPackage, ctx: Context) -> None:
    """PD107 for a plugin's code that the export leaves out for its name (hidden, an editor backup):
    the plugin is checked and previewed, but the upload does not have it. (Its package file goes
    in whatever its name: the export writes it from the model.)

    Why: ``.record.plugin.js`` passed every check, ran in the preview, and the export left it out
    of the ZIP without a word at check time, so after the upload the plugin did not load.
    """
    for plugin in pkg.plugins:
        package, code = plugin.package_path, plugin.source_path
        if package and code and (why := excluded_why(code)) is not None and pkg.exists(code):
            ctx.report(
                "PD107",
                package,
                f"The export leaves out the code {code} of '{shortened(plugin.display_name)}': {why}. After the "
                "upload the plugin does not load. Rename the file, and its srcURL here.",
                "/srcURL",
                plugin=plugin.key,
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
