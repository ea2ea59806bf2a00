"""settings.json: present, well-formed, every entry pointing at a real, unique plugin."""

from __future__ import annotations

import itertools
from collections import Counter
from typing import Any

from ..files import clash_key, is_utf8, name_difference, normalize, not_a_file
from ..jsonfile import escape_pointer
from ..jstext import shortened
from ..model import BrandingPackage, not_a_package_file, package_files_on_disk
from ..problems import Fix
from ..wording import spelt_alike
from ..zipnames import name_why
from .context import Context, with_slashes

__all__ = ["check", "list_id_fix", "meant_package", "meant_package_reads", "unlisted_packages"]

REL = "settings.json"


def unlisted_packages(pkg: BrandingPackage) -> list[str]:
    """Plugin package files in the package that no settings.json entry points to."""
    return list(pkg.remembered("unlisted packages", lambda: _unlisted_packages(pkg)))


def _unlisted_packages(pkg: BrandingPackage) -> list[str]:
    # Compared ignoring case and accent encoding: a file an entry points to in another spelling
    # is that entry's (PD204 says so), not one more unlisted plugin.
    listed = {clash_key(p.package_path) for p in pkg.plugins if p.package_path}
    # A name that is not UTF-8 (a folder an old tool unpacked in Latin-1): the export leaves it out
    # (PD107), so pointing an entry at it ("plugins/r\\udce9c/…" written in settings.json) made
    # the check quiet and the upload list a plugin it did not have.
    return [rel for rel in package_files_on_disk(pkg) if clash_key(rel) not in listed and is_utf8(rel)]


class _Unlisted:
    """The unlisted package files, read once for every entry :func:`meant_package` asks about.

    Why: each entry whose srcURL finds nothing read and parsed every unlisted package file, so
    a settings.json pointing to thousands of moved folders took time in the square of their
    number (600 plugins: 15 s, 3,000: minutes); a check now reads each file once.
    """

    def __init__(self, pkg: BrandingPackage) -> None:
        import json

        self.files = unlisted_packages(pkg)
        self.by_id: dict[object, list[str]] = {}  # the package's id -> the files with it, in order
        self.loading: dict[str | None, list[str]] = {}  # the source a file names -> the files
        self.by_folder: dict[str, list[str]] = {}
        self.ids: list[tuple[str, object]] = []  # (file, id) of each: for an id no dict can hold
        for rel in self.files:
            self.by_folder.setdefault(rel.rsplit("/", 1)[0] + "/", []).append(rel)
            try:
                # (without the byte-order mark a Windows editor writes: the file was not read at
                # all, and an entry meaning it was offered a second entry with its id)
                data = json.loads(pkg.read_text(rel).removeprefix("\ufeff"))
            except (OSError, ValueError, UnicodeDecodeError, RecursionError):  # nested too deeply: not a package
                continue
            if not isinstance(data, dict):
                continue
            pid = data.get("id")
            self.ids.append((rel, pid))
            try:
                self.by_id.setdefault(pid, []).append(rel)
            except TypeError:  # a list or an object: equal to no settings id a dict can find
                pass
            src = data.get("srcURL")
            if isinstance(src, str):
                self.loading.setdefault(normalize(rel, src), []).append(rel)

    def with_id(self, wanted: object) -> list[str]:
        """The files whose package id equals ``wanted`` (as ``==`` says), in their order."""
        try:
            return list(self.by_id.get(wanted, ()))
        except TypeError:  # a settings id that is a list or an object
            return [rel for rel, pid in self.ids if pid == wanted]


def meant_package(pkg: BrandingPackage, index: int) -> str | None:
    """The unlisted package file the entry at ``index`` most likely means, when its srcURL finds
    nothing (the one with the entry's id, else the one with the nearest name: a typo) or finds
    the plugin's .js or another file that is no package file (the package that loads that
    file, else the one with the entry's id, else the only one in that folder)."""
    return meant_package_reads(pkg, index)[0]


def meant_package_reads(pkg: BrandingPackage, index: int) -> tuple[str | None, frozenset[str]]:
    """:func:`meant_package`, and the unlisted files whose listing could change what it says.

    Why: ``check --fix`` lists several packages, or points several entries at theirs, in one
    round only when none of them changes what another entry means (one listed file can leave
    a single candidate where there were two). Listing only takes files away from the unlisted
    ones; the answer stays unless one of the candidates it weighed, or the near name it found,
    goes.
    """
    plugin = pkg.plugins[index]
    if plugin.package_path is None:
        # No srcURL, or one outside the package: the one unlisted file with the entry's id is the
        # one meant. Listed beside it, it made a second entry with that id (PD202), whose fix
        # then renamed the plugin everywhere and left this entry as broken as it was.
        if not plugin.entry.id:
            return None, frozenset()
        found = pkg.remembered("unlisted packages read", lambda: _Unlisted(pkg))
        same_id = found.with_id(plugin.entry.id)
        return (same_id[0] if len(same_id) == 1 else None), frozenset(same_id)
    wrong_file = pkg.exists(plugin.package_path)
    if wrong_file and not not_a_package_file(pkg, plugin.package_path):
        return None, frozenset()
    if not wrong_file and pkg.case_match(plugin.package_path) is not None:
        return None, frozenset()  # its file is there, spelt otherwise (PD204): it means no other one
    import difflib  # only for a broken srcURL: a clean check does not import it

    found = pkg.remembered("unlisted packages read", lambda: _Unlisted(pkg))
    unlisted = found.files
    same_id = found.with_id(plugin.entry.id) if plugin.entry.id else []
    loads_it = list(found.loading.get(plugin.package_path, ()))
    weighed = frozenset(same_id) | frozenset(loads_it)
    if wrong_file:
        folder = plugin.package_path.rsplit("/", 1)[0] + "/"
        beside = list(found.by_folder.get(folder, ()))
        weighed |= frozenset(beside)
        for candidates in (loads_it, same_id, beside):
            if len(candidates) == 1:
                return candidates[0], weighed
        return None, weighed
    if len(same_id) == 1:
        return same_id[0], weighed
    near = difflib.get_close_matches(plugin.package_path, unlisted, n=1, cutoff=0.8)
    return (near[0], weighed | {near[0]}) if near else (None, weighed)


def check(pkg: BrandingPackage, ctx: Context) -> None:
    for folder, why in pkg.files.unreadable_folders():
        # Its files looked missing ("no such file in the package"), and the export left them out unsaid.
        ctx.report(
            "PD105",
            folder,
            f"The folder {folder}/ cannot be read ({why}), so nothing in it can be checked and the export "
            "cannot put its files in the ZIP. Make it readable (its owner can change its permissions).",
        )
    for rel, what in pkg.files.special_files():
        if rel in (REL, "manifest.json"):
            continue  # said with what the app makes of it (PD200, PD210)
        ctx.report(
            "PD107",
            rel,
            f"{rel} is {what}, not a file, so the export leaves it out and the upload will not have it. Put "
            "the file itself there, or remove it.",
        )
    for link in pkg.files.links():
        ctx.report(
            "PD106",
            link,
            f"{link} is a symbolic link. The export leaves links out (one could point anywhere on this computer), "
            "so the upload will not have it; put the file itself here.",
        )
    if not pkg.exists(REL):
        linked = REL in pkg.files.links()  # a made-up settings.json must not replace the link
        there = not_a_file(pkg.root / REL) if pkg.root is not None else None  # nor a folder or a pipe
        if linked:
            why = (
                "settings.json is a symbolic link, which the designer and the export do not follow, so the app "
                "will not load any plugin. Put the file itself here."
            )
        elif there:
            why = f"settings.json is {there}, not a file, so the app will not load any plugin. Put the file there."
        else:
            why = "There is no settings.json in the package, so the app will not load any plugin."
        fix = None if linked or there else Fix("create-settings", "Create settings.json listing the plugins found")
        ctx.report("PD200", REL, why, fix=fix)
        return
    if pkg.settings is None:
        return  # unreadable: reported by the loader
    ctx.schema("settings", REL, pkg.settings_json(), **_switches_as_text(pkg))
    _misspelt_plugins_key(pkg, ctx)
    ids = entry_ids(ctx)
    holders: dict[str, list[int]] = {}  # each id two entries have -> those entries, in order
    for index, plugin in enumerate(pkg.plugins):
        if plugin.entry.id and ids[plugin.entry.id] > 1:
            holders.setdefault(plugin.entry.id, []).append(index)
    seen: set[str] = set()
    offered: dict[str, str] = {}  # each shared id -> the new id its copies are offered (see _own_id_fix)
    for index, plugin in enumerate(pkg.plugins):
        entry, ptr = plugin.entry, f"/plugins/{index}"
        name = plugin.display_name
        if entry.id and ids[entry.id] > 1:
            if entry.id in seen:
                first = pkg.plugins[holders[entry.id][0]]
                if first.package_path == plugin.package_path:  # the same plugin listed twice
                    fix = Fix(
                        "remove-settings-entry", f"Remove this second '{shortened(entry.id)}' entry", {"index": index}
                    )
                    why = "is listed twice in settings.json"
                    todo = "Remove the second entry."
                else:  # two plugins: one of them needs an id of its own
                    fix = _own_id_fix(pkg, entry.id, index, ids, holders[entry.id], offered)
                    todo = "Give one of them an id of its own (Id, in its form)."
                    # Verbatim copies: their names tell them apart no more than their ids; their folders do.
                    if first.display_name == name:
                        wheres = [_folder(p.package_path) for p in (first, plugin)]
                        if wheres[0] == wheres[1]:  # two package files in one folder: "plugins/rec/ and plugins/rec/"
                            wheres = [shortened(p.package_path or "") or wheres[0] for p in (first, plugin)]
                        why = f"belongs to two plugins named '{shortened(name)}' in settings.json ({' and '.join(wheres)})"
                    else:
                        why = f"belongs to both '{shortened(first.display_name)}' and '{shortened(name)}' in settings.json"
                ctx.report(
                    "PD202",
                    REL,
                    f"The id '{shortened(entry.id)}' {why}; the app keeps only one of them. {todo}",
                    ptr + "/id",
                    fix=fix if plugin.package is not None or fix.kind != "rename-plugin-id" else None,
                    plugin=plugin.key,
                )
            seen.add(entry.id)
        _report_misspelt_entry_keys(plugin, index, ctx)
        if not entry.src_url:
            continue  # schema error already says it is missing
        if plugin.package_path is None:
            slashed = with_slashes(pkg, entry.src_url, "")
            if slashed is not None:
                ctx.report(
                    "PD201",
                    REL,
                    f"The plugin '{shortened(name)}' points to '{shortened(entry.src_url)}', written with backslashes: web "
                    "addresses take '/', and the designer cannot follow this one to the package file. Write it with '/'.",
                    ptr + "/srcURL",
                    fix=Fix("set-settings-src", f"Use '{shortened(slashed)}'", {"index": index, "value": slashed}),
                    plugin=plugin.key,
                )
                continue
            ctx.report(
                "PD201",
                REL,
                f"The plugin '{shortened(name)}' points to '{shortened(entry.src_url)}', which is outside the package or on another "
                "server. The package file it loads (srcURL) must be inside webapp2/, such as "
                "plugins/<folder>/<name>.plugin.package.json.",
                ptr + "/srcURL",
                plugin=plugin.key,
            )
            continue
        if (left_out := name_why(plugin.package_path)) is not None and pkg.exists(plugin.package_path):
            # A folder an old tool unpacked in Latin-1, named with a JSON escape ("r\\udce9c"): found
            # here, left out of the ZIP (PD107 says so of the folder), so the upload lists a plugin
            # it does not have.
            ctx.report(
                "PD201",
                REL,
                f"The plugin '{shortened(name)}' points to '{shortened(entry.src_url)}', which the export leaves "
                f"out: {left_out}. After the upload the app finds no such file. Rename the folder or file, and "
                "the srcURL here.",
                ptr + "/srcURL",
                plugin=plugin.key,
            )
            continue
        if not_a_package_file(pkg, plugin.package_path):
            meant = meant_package(pkg, index)
            kind = "JavaScript source" if plugin.package_path.lower().endswith(".js") else "file"
            ctx.report(
                "PD208",
                REL,
                f"The plugin '{shortened(name)}' points to '{shortened(entry.src_url)}', a {kind}, not a plugin package file, "
                "so the app loads nothing for this entry. The plugin list names each plugin's package file (its name "
                "ends in .plugin.package.json), and that file names the plugin's JavaScript."
                + (f" Point it to {meant}." if meant else ""),
                ptr + "/srcURL",
                fix=Fix("set-settings-src", f"Use '{shortened(meant)}'", {"index": index, "value": meant})
                if meant
                else None,
                plugin=plugin.key,
            )
            continue
        if not pkg.exists(plugin.package_path):
            actual = pkg.case_match(plugin.package_path)
            if actual:
                how = name_difference(plugin.package_path, actual)
                ctx.report(
                    "PD204",
                    REL,
                    f"The plugin '{shortened(name)}' points to '{shortened(entry.src_url)}', but the file is called '{shortened(actual)}'. "
                    f"The names differ in {how}, which matters on the web server.",
                    ptr + "/srcURL",
                    fix=Fix(
                        "set-settings-src",
                        f"Use '{shortened(actual)}'"
                        if how == "letter case"
                        else "Use the file's spelling",  # what it would name looks the same as what is there
                        {"index": index, "value": actual},
                    ),
                    plugin=plugin.key,
                )
            else:
                meant = meant_package(pkg, index)
                ctx.report(
                    "PD201",
                    REL,
                    f"The plugin '{shortened(name)}' points to '{shortened(entry.src_url)}', but there is no such file in the package."
                    + (f" The unlisted {meant} is probably the one meant." if meant else ""),
                    ptr + "/srcURL",
                    fix=Fix("set-settings-src", f"Use '{shortened(meant)}'", {"index": index, "value": meant})
                    if meant
                    else None,
                    plugin=plugin.key,
                )
            continue
        if entry.enabled is False and plugin.package is not None and not plugin.package.allow_unload:
            # Off by default, and allowUnload false takes the switch away: nobody can turn it on. So
            # does no allowUnload at all (the guide: users may switch a plugin where it is true), as
            # the form, the preview and the upload checklist read it.
            ctx.report(
                "PD209",
                REL,
                f"The plugin '{shortened(name)}' has both 'Switched on when the app starts' (enabled in settings.json) "
                "and 'Users may switch it off' (allowUnload in its package file) unticked, so it is off and users "
                "cannot switch it on either: nobody ever gets it. Tick 'Switched on when the app starts', or tick "
                "'Users may switch it off' so users can switch it on themselves.",
                ptr + "/enabled",
                fix=Fix("set-settings-enabled", "Switch it on when the app starts", {"index": index}),
                plugin=plugin.key,
            )
        pkg_id = plugin.package.id if plugin.package else None
        if pkg_id and entry.id and pkg_id != entry.id:
            # (only when another entry has the package file's id, or the code agrees with the list:
            # see list_id_fix)
            copied = bool(ids[pkg_id])
            agrees = not copied and _source_registers(ctx, plugin, entry.id)
            own = list_id_fix(ctx, index, source_agrees=agrees) if copied or agrees else None
            why = (
                f" '{shortened(pkg_id)}' is the id of another plugin in the list."
                if copied
                else f" Its code (registerPlugin) says '{shortened(entry.id)}' too."
            )
            ctx.report(
                "PD203",
                REL,
                f"The plugin '{shortened(name)}' has the id '{shortened(entry.id)}' in the plugin list (settings.json) but "
                f"'{shortened(pkg_id)}' in its package file. They must match."
                + spelt_alike(entry.id, pkg_id)
                + (why if own else ""),
                ptr + "/id",
                fix=own
                or Fix(
                    "set-settings-id",
                    f"Use the package file's id '{shortened(pkg_id)}' in the plugin list",
                    {"index": index, "value": pkg_id},
                ),
                plugin=plugin.key,
            )


def _source_registers(ctx: Context, plugin: Any, wanted: str) -> bool:
    """Whether the plugin's source registers itself once, with the id ``wanted`` (its analysis is
    the source check's, made once per run)."""
    from .source import source_info

    src = plugin.source_path
    if not src or not ctx.pkg.exists(src):
        return False
    info = source_info(ctx, src)
    return info is not None and len(info.registrations) == 1 and info.registrations[0].id_value == wanted


def entry_ids(ctx: Context) -> Counter[str]:
    """The ids of the plugin list's entries, counted once per check run (the checks only read the
    model): PD203's and PD504's fix asks of each plugin whether another entry has an id, and
    listing the others for each of 2,000 plugins took 1.6 s of a check."""
    ids = ctx.svg_cache.get("entry-ids")
    if ids is None:
        ids = ctx.svg_cache["entry-ids"] = Counter(p.entry.id for p in ctx.pkg.plugins if p.entry.id)
    return ids


def list_id_fix(ctx: Context, index: int, source_agrees: bool = False) -> Fix | None:
    """The fix that gives the package file of the plugin at ``index`` its settings.json id, when the
    package file's own id is another listed plugin's (a package file copied from that plugin), or
    when ``source_agrees``: the code registers the list's id too, so the package file is the one
    that differs (a case slip, 'Lock-Toggle'), and one edit there puts all three in step instead
    of two (the list's and the code's) taking the package file's.

    Why: PD203's and PD504's fixes spread the package file's id (the list's and the source's follow
    it), which here listed two plugins under one id: the next fix (PD202) then made up a third id,
    and the id the list and the source agreed on was lost. None when the ids agree, or when the
    list's id is not this plugin's alone either.
    """
    plugin = ctx.pkg.plugins[index]
    own = plugin.package.id if plugin.package is not None else None
    listed = plugin.entry.id
    if not (isinstance(own, str) and own and listed and own != listed):
        return None
    ids = entry_ids(ctx)  # (this plugin's entry counts once for ``listed``, never for ``own``)
    if ids[listed] > 1 or (not ids[own] and not source_agrees):
        return None
    return Fix(
        "rename-plugin-id",
        f"Use the plugin list's id '{shortened(listed)}' in the package file",
        {"index": index, "value": listed},
    )


def _folder(package_path: str | None) -> str:
    """Where a plugin's package file is, as the user sees it in the tree: its folder ("plugins/rec/")."""
    if not package_path:
        return "a file outside the package"
    folder = package_path.rpartition("/")[0]
    return f"{shortened(folder)}/" if folder else "the top of webapp2/"


def _own_id_fix(
    pkg: BrandingPackage, shared: str, index: int, taken: Counter[str], holders: list[int], offered: dict[str, str]
) -> Fix:
    """The fix for the entry at ``index`` whose id ``shared`` another plugin's entry also has.

    Why not always rename: the usual cause is a copied entry whose id was not changed, while its
    package file (and source) carry the plugin's own id. Renaming the plugin to a made-up id
    then changes three files and leaves the copy-paste slip in place; pointing the settings
    entry back at its package's id is the one-line repair (the same as PD203's). Only when the
    entry's package really has the shared id (or its own id is taken too) is a new id needed.
    ``taken``: the entries' ids (counted), ``holders``: the entries with ``shared``, both made
    once per check (made for each clash, 3,000 copies of one plugin took time in the square of
    their number); ``offered``: the new id found for ``shared`` in this check, the same for every
    copy (each found it again, reading every file name of the package).
    """
    for at in itertools.chain([index], (i for i in holders if i != index)):
        own = pkg.plugins[at].package.id if pkg.plugins[at].package is not None else None
        if isinstance(own, str) and own and own != shared and own not in taken:
            where = "this entry's" if at == index else f"the '{shortened(pkg.plugins[at].display_name)}' entry's"
            return Fix(
                "set-settings-id",
                f"Change {where} id to '{shortened(own)}', its package's id",
                {"index": at, "value": own},
            )
    # Imported here: plugins brings newproject and fixes along, which a check has no other use for.
    from ..plugins import unique_id

    new_id = offered.get(shared) or offered.setdefault(shared, unique_id(pkg, shared))
    return Fix("rename-plugin-id", f"Rename this one to '{shortened(new_id)}'", {"index": index, "value": new_id})


def misspelt_plugins_key(raw: dict[str, Any]) -> str | None:
    """The name a settings.json object has its list of plugins under when that name is not
    'plugins' ('plugin', 'Plugins'), or None. (Also asked by the checks of the plugins found on
    disk: the app loads none of the list, so they are looked at as the files on disk.)"""
    if "plugins" in raw:
        return None
    import difflib

    lists = [k for k, v in raw.items() if isinstance(k, str) and isinstance(v, list)]
    near = [k for k in lists if k.lower() == "plugins"] or difflib.get_close_matches("plugins", lists, n=1, cutoff=0.7)
    return near[0] if near else None


def _misspelt_plugins_key(pkg: BrandingPackage, ctx: Context) -> None:
    """PD207: the list of plugins is there, under a name the app does not read ('plugin', 'Plugins')."""
    key = misspelt_plugins_key(pkg.settings.raw if pkg.settings is not None else {})
    if key is not None:
        ctx.report(
            "PD207",
            REL,
            f"settings.json lists plugins under '{shortened(key)}', but the app reads only 'plugins' (all lower case, with an s), "
            "so it loads none of them.",
            "/" + key,
            key=True,
            fix=Fix("rename-settings-key", f"Rename '{shortened(key)}' to 'plugins'", {"key": key}),
        )


# The optional keys of a plugin list entry that PD216 looks for misspellings of, with what the app
# reads them for. (id and srcURL are required: PD102 names a look-alike of either already.)
_ENTRY_KEYS = {"enabled": "whether the plugin is on when the app starts"}


def _switches_as_text(pkg: BrandingPackage) -> dict[str, dict[str, Any]]:
    """PD102's words and Fix for an entry's ``"enabled": "false"`` (in quotes, as hand-written
    plugin lists have it) or ``0``: the switch as true or false, as :func:`ctx.schema` takes them.

    Why: the schema's words ("should be true or false, but it is text") named no way out, while
    the package file's allowUnload written so has one."""
    words: dict[str, str] = {}
    fixes: dict[str, Fix] = {}
    from .package import meant_switch, switch_written

    for index, plugin in enumerate(pkg.plugins):
        written = plugin.entry.raw.get("enabled")
        if plugin.entry.enabled is not None or (switch := meant_switch(written)) is None:
            continue
        meant = str(switch).lower()
        words[f"/plugins/{index}/enabled"] = (
            f"The entry of '{shortened(plugin.display_name)}' in the plugin list has 'Switched on when the app "
            f"starts' (enabled) as {switch_written(written)}. Write {meant}."
        )
        fixes[f"/plugins/{index}/enabled"] = Fix(
            "set-entry-enabled", f"Write {meant}", {"index": index, "value": meant == "true"}
        )
    return {"words": words, "fixes": fixes}


def _report_misspelt_entry_keys(plugin: Any, index: int, ctx: Context) -> None:
    """PD216: a key of the plugin's settings.json entry written nearly as one the app reads
    ('Enabled', 'enable').

    Why: '"Enabled": false' passed check without a word, while the app reads only 'enabled', so a
    plugin meant to start switched off started on (and the export's checklist said so).
    """
    from .package import misspelt_key

    for written in plugin.entry.raw:
        if not isinstance(written, str) or (meant := misspelt_key(written, _ENTRY_KEYS, plugin.entry.raw)) is None:
            continue
        ctx.report(
            "PD216",
            REL,
            f"The entry of '{shortened(plugin.display_name)}' in the plugin list has the key '{shortened(written)}', "
            f"which the app does not read: it reads '{meant}', spelt exactly so, for {_ENTRY_KEYS[meant]}. "
            f"Rename the key to '{meant}'.",
            f"/plugins/{index}/{escape_pointer(written)}",
            key=True,
            fix=Fix(
                "rename-settings-entry-key",
                f"Rename '{shortened(written)}' to '{meant}'",
                {"index": index, "old": written, "new": meant},
            ),
            plugin=plugin.key,
        )
