"""Adding, duplicating, removing and reordering whole plugins in a package, before saving.

Why here and not in the GUI: the designer's Plugins menu, the recipe wizard and the CLI all add
plugins; they must create the same files. Every function only changes the in-memory model
(new files as pending texts, removed ones as pending deletions), so the GUI can wrap each call
in one undoable command and nothing touches the disk until the user saves.

The window asks this module which plugin each problem is about as soon as a package opens;
the new plugin's files (core.newproject, and the fixes it loads) are imported by the functions
that write them, not with the module: some 0.2 MiB a window that adds no plugin never uses.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable

from .files import clash_key
from .jsonfile import JsonDocument
from .jstext import safe_id, shortened
from .model import _OBJECT, BrandingPackage, Plugin, PluginPackage, SettingsEntry, bytes_text

__all__ = [
    "problem_owner",
    "problem_owners",
    "add_plugin",
    "add_plugin_files",
    "cannot_add_plugins",
    "duplicate_plugin",
    "id_in_use",
    "misspelt_key",
    "move_plugin",
    "plugin_file_names",
    "remove_plugin",
    "rename_plugin",
]


def problem_owner(pkg: BrandingPackage, plugin_key: str | None, file: str, pointer: str = "") -> int | None:
    """The index of the plugin a problem is about: by its key, and among plugins that share one
    (the same id twice, PD202) the one whose settings entry (``/plugins/N``) or files hold it."""
    return _owner_among(pkg, [i for i, p in enumerate(pkg.plugins) if p.key == plugin_key], file, pointer)


def problem_owners(pkg: BrandingPackage) -> Callable[[str | None, str, str], int | None]:
    """:func:`problem_owner` for many problems of ``pkg`` at once: the plugins are gone through
    once, not once per problem.

    Why: the Problems list and the project tree ask it for every problem after every check; with
    100 plugins and 5,000 problems that was half a million plugin look-ups, a quarter of a second
    of each refresh while the window could not be used.
    """
    by_key: dict[str, list[int]] = {}
    for i, p in enumerate(pkg.plugins):
        by_key.setdefault(p.key, []).append(i)

    def owner(plugin_key: str | None, file: str, pointer: str = "") -> int | None:
        return _owner_among(pkg, by_key.get(plugin_key, []) if plugin_key is not None else [], file, pointer)

    return owner


def _owner_among(pkg: BrandingPackage, matches: list[int], file: str, pointer: str) -> int | None:
    """Which of the plugins ``matches`` (sharing the problem's key) a problem is about (see problem_owner)."""
    if len(matches) <= 1:
        return matches[0] if matches else None
    if file == "settings.json" and pointer.startswith("/plugins/"):
        entry = pointer.split("/")[2]
        if entry.isdigit() and int(entry) in matches:
            return int(entry)
    for i in matches:
        plugin = pkg.plugins[i]
        if file in (plugin.package_path, plugin.source_path) or (
            plugin.folder and file.startswith(plugin.folder + "/")
        ):
            return i
    return matches[0]


def _taken(pkg: BrandingPackage) -> tuple[set[str], set[str]]:
    ids = {p.entry.id for p in pkg.plugins if p.entry.id} | {
        p.package.id for p in pkg.plugins if p.package and p.package.id
    }
    folders = {n.split("/")[1] for n in pkg.names() if n.startswith("plugins/") and n.count("/") >= 2}
    folders |= {p.folder.split("/")[-1] for p in pkg.plugins if p.folder}
    # A removed plugin's folder too, until the save has moved its files to the trash: a new plugin
    # there would write over them (its files replace the pending deletions) and nothing reach the trash.
    folders |= {
        n.split("/")[1]
        for n, text in pkg.pending_texts.items()
        if text is None and n.startswith("plugins/") and n.count("/") >= 2
    }
    return ids, folders


def taken_keys(pkg: BrandingPackage) -> set[str]:
    """The plugin ids and folders of ``pkg`` as :func:`unique_id` compares them.

    Compared as the export compares names: a folder `Raised-Hands/` and a new `raised-hands/` are
    one folder on Windows and macOS (files written over each other) and the export refuses them.
    """
    ids, folders = _taken(pkg)
    return {clash_key(x) for x in ids | folders}


def unique_id(pkg: BrandingPackage, wanted: str, taken: set[str] | None = None) -> str:
    """``wanted`` made safe, with ``-2``, ``-3``... when a plugin id or folder already uses it.

    ``taken``: :func:`taken_keys` of ``pkg``, kept by a caller that asks for many ids in a row
    (check --fix renaming hundreds of copies of one plugin read every file name of the package
    again for each, in time growing with the square of their number).
    """
    if taken is None:
        taken = taken_keys(pkg)
    base = safe_id(wanted)
    candidate, n = base, 1
    while clash_key(candidate) in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def name_from_id(plugin_id: str) -> str:
    """A name for Settings ▸ Plugins made from a plugin's id: 'recording-plugin-1.0' gives
    'Recording', 'meetingInfo' 'Meeting info'; the id itself when nothing of it is left.

    Why: the id is what the person who wrote the plugin called it; without its version and the
    word 'plugin' (every entry of that list is one) it reads as a name.
    """
    words = re.sub(r"[-_. ]*v?\d+(\.\d+)*$", "", plugin_id.strip())
    words = re.sub(r"(^plugin[-_. ]+|[-_. ]+plugin$)", "", words, flags=re.IGNORECASE)
    words = re.sub(r"(?<=[a-z])([A-Z])(?=[a-z])", lambda m: " " + m[1].lower(), words)
    words = " ".join(re.split(r"[-_. ]+", words)).strip()
    if not words:
        return plugin_id.strip() or plugin_id
    return words[0].upper() + words[1:]


def id_in_use(pkg: BrandingPackage, files: dict[str, bytes]) -> str | None:
    """What in ``pkg`` already has the id or the folder of the new plugin made of ``files``, in
    plain words ("the plugin 'Send to lobby' has the id 'send-to-lobby' (settings.json)"); None
    when both are free.

    Why: ``plugin-designer new PROJECT`` adds a plugin whose id comes from the name the user
    typed. Given a suffix quietly (as the designer's forms do, where the id is shown), a script
    run twice would add a second copy of the plugin nobody asked for; and files written into a
    folder another plugin (or a leftover) has would mix with its files.
    """
    package_path = next(rel for rel in files if rel.endswith(".plugin.package.json"))
    new_id = JsonDocument(files[package_path].decode("utf-8")).data.get("id")
    folder = package_path.split("/")[1] if package_path.count("/") >= 2 else None
    key = clash_key(new_id) if isinstance(new_id, str) else None
    for plugin in pkg.plugins:
        for where, pid in (
            ("settings.json", plugin.entry.id),
            (plugin.package_path, plugin.package.id if plugin.package else None),
        ):
            if key is not None and isinstance(pid, str) and clash_key(pid) == key:
                return f"the plugin '{plugin.display_name}' has the id '{pid}' ({where})"
    if folder is None:
        return None
    _ids, folders = _taken(pkg)
    there = next((f for f in sorted(folders) if clash_key(f) == clash_key(folder)), None)
    return None if there is None else f"the folder plugins/{there}/ exists already"


def plugin_file_names(pkg: BrandingPackage, plugin: Plugin) -> list[str]:
    """Every file that belongs to ``plugin``: its folder, or just its package and source files.

    A folder that also holds another plugin (two package files side by side, or one in a
    subfolder) is not the plugin's to take: only its own package and source files and the
    icons no other plugin uses go, or removing one plugin would trash the other's files. The
    same in a folder outside plugins/ (custom/lock/), which may hold other files of the package.
    """
    folder = plugin.folder
    own = [n for n in (plugin.package_path, plugin.source_path) if n and pkg.exists(n)]
    if not folder:
        return own
    prefix = folder + "/"
    others = [p for p in pkg.plugins if p is not plugin]
    shared = any(f and f.startswith(prefix) for p in others for f in (p.package_path, p.source_path))
    if folder.startswith("plugins/") and not shared:
        return [n for n in pkg.names() if n.startswith(prefix)]
    icons = [n for n in pkg.names() if n.startswith(prefix) and n.lower().endswith(".svg") and n not in own]
    used_by_others = {n for p in others for n in icons if _uses_file(pkg, p, n)}
    return own + [n for n in icons if n not in used_by_others and _uses_file(pkg, plugin, n)]


def _uses_file(pkg: BrandingPackage, plugin: Plugin, rel: str) -> bool:
    """Whether a menu item of ``plugin`` has its icon in ``rel``, or its source names the file."""
    if plugin.package is not None:
        for _sec, _i, item in plugin.package.items():
            if item.icon and plugin.resolve(item.icon.partition("#")[0]) == rel:
                return True
    if plugin.source_path and pkg.exists(plugin.source_path):
        try:
            return rel.rsplit("/", 1)[-1] in bytes_text(pkg.read_bytes(plugin.source_path))
        except OSError:
            return False
    return False


def cannot_add_plugins(pkg: BrandingPackage, told: str = "its problem is listed under Problems") -> str | None:
    """Why no plugin can be added to ``pkg`` now, in plain words; None when one can. ``told``:
    where the user reads settings.json's problem (on the command line, "plugin-designer check").

    A settings.json that exists but cannot be read has no model to add an entry to: a new one
    would list only the added plugin and, saved over the old, drop every plugin it listed.
    """
    if pkg.settings is None and pkg.files.exists("settings.json"):
        return (
            f"settings.json cannot be read ({told}), so adding a plugin would "
            "replace it with a list of just the new one and drop the plugins it lists. Fix settings.json first."
        )
    # Readable, but its plugins are not a list ({"plugins": {"lock": {...}}}, or a bare [...]): the
    # model holds none of them, and the new list of one replaced them without a word.
    settings = pkg.settings
    whole = settings is not None and settings.original is _OBJECT  # (else the document is not an object)
    held = None if settings is None else settings.raw.get("plugins") if whole else settings.original
    if held not in (None, [], {}, "") and not (whole and isinstance(held, list)):
        return (
            f"settings.json does not hold its plugins as a list ({told}), so adding a plugin would "
            "replace what it holds with a list of just the new one. Fix settings.json first."
        )
    # Its list under a name the app does not read ("plugns", "Plugins": PD207): a new plugin went
    # into a new 'plugins' list beside it, and then the app loaded that one and none of the others.
    key = misspelt_key(pkg)
    if key is not None:
        return (
            f"settings.json lists its plugins under '{shortened(key)}', a name the app does not read ({told}), so "
            "a new plugin would go into a new 'plugins' list beside it, and the app would load only the new one. "
            f"Rename '{shortened(key)}' to 'plugins' first: the Fix of problem PD207 does it (its button in the "
            "Problems list, or 'plugin-designer check --fix' on the command line)."
        )
    return None


def misspelt_key(pkg: BrandingPackage) -> str | None:
    """The misspelt name settings.json holds its plugin list under ('plugns', 'Plugins'; PD207), or None."""
    if pkg.settings is None or pkg.settings.original is not _OBJECT:
        return None
    from .checks.settings import misspelt_plugins_key

    return misspelt_plugins_key(pkg.settings.raw)


def add_plugin_files(pkg: BrandingPackage, files: dict[str, bytes], enabled: bool = True) -> Plugin:
    """Add a plugin made of ``files`` (paths relative to webapp2/, one ``*.plugin.package.json``).

    The package file is parsed into the model and listed in settings.json; every file waits in
    ``pending_texts`` until the package is saved. Raises ValueError when
    :func:`cannot_add_plugins` says why not.
    """
    reason = cannot_add_plugins(pkg)
    if reason is not None:
        raise ValueError(reason)
    if pkg.settings is None:
        # No settings.json (a Management Node download, its creation declined): the one made lists
        # the plugins on disk too, as PD200's fix makes it. Made for the new plugin alone, it left
        # every other plugin unlisted (PD205), no longer loaded by the app.
        from .fixes import apply_fix
        from .problems import Fix

        apply_fix(pkg, Fix("create-settings", ""))
    package_path = next(rel for rel in files if rel.endswith(".plugin.package.json"))
    text = files[package_path].decode("utf-8")
    doc = JsonDocument(text)
    pkg.docs[package_path] = doc
    for rel, data in files.items():
        pkg.pending_texts[rel] = bytes_text(data)
    package = PluginPackage.from_json(doc.data)
    entry = SettingsEntry(id=package.id, src_url=package_path, enabled=enabled)
    plugin = Plugin(entry, package, package_path)
    pkg.plugins.append(plugin)
    return plugin


def add_plugin(pkg: BrandingPackage, name: str) -> Plugin:
    """A new working toolbar plugin called ``name`` (the same files ``plugin-designer new`` writes)."""
    from .newproject import plugin_files

    pid = unique_id(pkg, name)
    return add_plugin_files(pkg, plugin_files(name, pid))


def unused_name(pkg: BrandingPackage, wanted: str) -> str:
    """``wanted``, or ``wanted 2``, 3... when a plugin has that name already.

    Why: Add Plugin… offered "My plugin" again after the first one was added under that name,
    and the tree then listed two plugins nobody could tell apart.
    """
    taken = {p.display_name for p in pkg.plugins}
    candidate, n = wanted, 1
    while candidate in taken:
        n += 1
        candidate = f"{wanted} {n}"
    return candidate


def remove_plugin(pkg: BrandingPackage, index: int) -> Plugin:
    """Take a plugin out of settings.json and mark its files for the trash (on save).

    The files another entry still loads stay: a plugin listed twice (PD202), its second listing
    removed, lost its code with it and the listing left no longer loaded (PD305).
    """
    plugin = pkg.plugins[index]
    kept = {f for p in pkg.plugins if p is not plugin for f in (p.package_path, p.source_path) if f}
    for rel in [*plugin_file_names(pkg, plugin), plugin.package_path]:
        if rel and rel not in kept:
            pkg.pending_texts[rel] = None
    del pkg.plugins[index]
    return plugin


def _files_to_copy(pkg: BrandingPackage, plugin: Plugin) -> list[str]:
    """The files a copy of ``plugin`` needs: those a removal would take, and every icon of its
    folder it uses, also when another plugin uses it too or the folder is not under plugins/.

    Why not :func:`plugin_file_names` alone: it leaves out what removing the plugin must not
    take, and the copy's buttons then had no icons (PD518).
    """
    prefix = plugin.folder + "/" if plugin.folder else ""
    # (A source outside the folder is not copied to a path made of its own: see duplicate_plugin.)
    names = [n for n in plugin_file_names(pkg, plugin) if n.startswith(prefix)]
    icons = [n for n in pkg.names() if n.startswith(prefix) and n.lower().endswith(".svg") and n not in names]
    return names + [n for n in icons if _uses_file(pkg, plugin, n)]


def _copy_name(pkg: BrandingPackage, name: str) -> str:
    """``name (copy)``, or ``name (copy 2)``, 3... when a plugin has that name already."""
    base = re.sub(r" \(copy(?: \d+)?\)$", "", name)
    taken = {p.display_name for p in pkg.plugins}
    candidate, n = f"{base} (copy)", 1
    while candidate in taken:
        n += 1
        candidate = f"{base} (copy {n})"
    return candidate


def duplicate_plugin(pkg: BrandingPackage, index: int) -> Plugin:
    """A copy of a plugin in a new folder, with a new id everywhere the old one was written.

    The id changes in the package file, in settings.json and in the ``registerPlugin`` call of
    the source (when it was the same id), so the copy passes the same checks as the original.
    """
    original = pkg.plugins[index]
    if original.package is None or not original.package_path:
        raise ValueError(f"'{original.display_name}' has no readable package file to copy")
    old_id = original.package.id or original.entry.id or "plugin"
    # A copy of a copy is "X (copy 2)" with the id x-copy-2, not "X (copy) (copy)" and x-copy-copy.
    new_id = unique_id(pkg, re.sub(r"-copy(-\d+)?$", "", old_id) + "-copy")
    old_folder = original.folder or ""
    new_folder = posixpath.join(posixpath.dirname(old_folder), new_id) if old_folder else new_id
    files: dict[str, bytes] = {}
    for rel in _files_to_copy(pkg, original):
        tail = rel[len(old_folder) + 1 :] if old_folder else rel
        files[posixpath.join(new_folder, tail)] = pkg.read_bytes(rel)
    package_value = original.package.to_json()
    package_value = dict(package_value) if isinstance(package_value, dict) else {}
    package_value["id"] = new_id
    if isinstance(package_value.get("name"), str):
        package_value["name"] = _copy_name(pkg, package_value["name"])
    source = original.source_path
    if old_folder and source and not source.startswith(old_folder + "/") and pkg.exists(source):
        # Code outside the plugin's folder (srcURL "../shared/x.plugin.js"): shared with the copy, its
        # registerPlugin took the copy's id and the original no longer loaded (PD504). The copy gets its own.
        files[posixpath.join(new_folder, posixpath.basename(source))] = pkg.read_bytes(source)
        package_value["srcURL"] = posixpath.basename(source)
    tail = original.package_path[len(old_folder) + 1 :] if old_folder else original.package_path
    # The original's text with the new id and name, so the copy is laid out as the original is
    # (tabs, CRLF, a byte-order mark, escapes): written afresh, it differed in every line.
    # (Written as the JSON reader writes it: a lone surrogate the name holds, "\udfff", stays an
    # escape; json.dumps wrote it raw and the copy stopped with a UnicodeEncodeError.)
    doc = pkg.docs.get(original.package_path)
    doc = JsonDocument(doc.dumps()) if doc is not None else JsonDocument.new(package_value)
    doc.apply(package_value)
    files[posixpath.join(new_folder, tail)] = doc.dumps().encode("utf-8")
    copy = add_plugin_files(pkg, files, bool(original.entry.enabled))
    _rename_registered_id(pkg, copy, old_id, new_id)
    return copy


def _rename_registered_id(pkg: BrandingPackage, plugin: Plugin, old_id: str, new_id: str) -> bool:
    """Change the id passed to ``registerPlugin`` when it is ``old_id``; True when it was."""
    if not plugin.source_path or not pkg.exists(plugin.source_path):
        return False
    from .fixes import apply_fix
    from .jsanalysis import analyse
    from .problems import Fix

    try:
        info = analyse(pkg.read_bytes(plugin.source_path))
    except OSError:
        return False
    if len(info.registrations) == 1 and info.registrations[0].id_value == old_id:
        apply_fix(pkg, Fix("set-register-id", "", {"file": plugin.source_path, "value": new_id}))
        return True
    return False


def registered_id_follows(pkg: BrandingPackage, index: int) -> bool:
    """Whether the source registers the plugin under its package id (so a rename should follow)."""
    from .jsanalysis import analyse

    plugin = pkg.plugins[index]
    if plugin.package is None or not plugin.source_path or not pkg.exists(plugin.source_path):
        return False
    try:
        regs = analyse(pkg.read_bytes(plugin.source_path)).registrations
    except OSError:
        return False
    return len(regs) == 1 and regs[0].id_value == plugin.package.id


def rename_plugin_id(pkg: BrandingPackage, index: int, new_id: str) -> list[str]:
    """Give a plugin a new id in every place that used the old one; return those places.

    The settings.json entry and the source's ``registerPlugin`` call follow only when they had
    the same id as the package file: a deliberate difference is the user's to keep.
    """
    plugin = pkg.plugins[index]
    assert plugin.package is not None
    old = plugin.package.id
    plugin.package.id = new_id
    places = ["package file"]
    if plugin.entry.id == old:
        plugin.entry.id = new_id
        places.append("settings.json")
    if old and _rename_registered_id(pkg, plugin, old, new_id):
        places.append("source")
    return places


def rename_plugin(pkg: BrandingPackage, index: int, name: str) -> list[str]:
    """Give a plugin the name ``name``, and with it the starter plugin's parts that repeat its old
    name; return what followed ("description", "label", "action", "source").

    Why: the starter (core/newproject.py) writes its name into its description, its menu item's
    label, its action (``showVerifyProject``), its dialog's title and its header comment. Renamed
    "Send to lobby", it still said "Verify project" in all of them. Each part follows only while
    it is exactly what the designer wrote for the old name (the rule of
    :func:`retell_starter_description`); whatever the user changed stays. The action is renamed in
    the code too (function and registerPlugin key, :func:`rename_action_function`), or not at all.
    The label follows only in a plugin that still shows another of the starter's marks: a recipe's
    plugin may have been given a label equal to its name ("Send to lobby"), and that is the user's.
    Files and folders keep their names (the id, and so they, change only when asked).
    """
    from .actionsync import action_state, rename_action_function, retell_starter_description, retell_starter_name

    plugin = pkg.plugins[index]
    package = plugin.package
    if package is None:
        raise ValueError(f"'{plugin.display_name}' has no readable package file to rename")
    old = package.name if isinstance(package.name, str) else ""
    package.set_written("name", name)
    followed: list[str] = []
    if old == name:
        return followed
    description = retell_starter_description(package.description, old, name, None)
    if description != package.description:
        package.description = description
        followed.append("description")
    src = plugin.source_path
    source = None
    if src and pkg.files.writable and pkg.exists(src):
        try:
            source = pkg.read_text(src)
        except (OSError, KeyError, UnicodeDecodeError):
            source = None
    items = [item for _section, _i, item in package.items()]
    text = source
    from .newproject import starter_action

    old_action, new_action = starter_action(old), starter_action(name)
    # Every item that runs the starter's function follows it: one left behind (two items written
    # by hand with the same action) ran a function the rename had taken away.
    runs_it = [mi for mi in items if mi.action == old_action]
    if text is not None and runs_it and old_action != new_action and not any(mi.action == new_action for mi in items):
        state = action_state(text, old_action)
        if state.function and state.registered and not action_state(text, new_action).function:
            try:
                text = rename_action_function(text, old_action, new_action)
            except ValueError:
                pass  # the code would no longer match the items: the action stays as it is
            else:
                for mi in runs_it:
                    mi.action = new_action
                followed.append("action")
    if text is not None:
        text = retell_starter_name(text, [mi.action for mi in items if mi.action], old, name)
    if text is not None and text != source:
        assert src is not None
        pkg.pending_texts[src] = text
        followed.append("source")
    starter = bool(followed) or any(mi.action == old_action for mi in items)
    for mi in items:
        if starter and mi.label == old:
            mi.label = name
            followed.append("label")
    return followed


def move_plugin(pkg: BrandingPackage, index: int, delta: int) -> int:
    """Move a plugin up (-1) or down (+1) in settings.json's order; return its new index."""
    new = max(0, min(len(pkg.plugins) - 1, index + delta))
    pkg.plugins.insert(new, pkg.plugins.pop(index))
    return new
