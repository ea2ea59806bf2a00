"""``plugin-designer new DIR``: a valid one-plugin project to start from.

The generated plugin is a working toolbar button (it shows a dialog), so a new user sees
something happen in the preview at once, and ``check --strict`` passes on it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from itertools import islice
from pathlib import Path

from .files import (
    atomic_write,
    inside_package_refusal,
    unusable_folder_refusal,
    whole_folder,
    windows_name_problem,
)
from .fixes import new_branding_id
from .jstext import comment_text, control_characters, js_string, safe_id, safe_identifier
from .problems import printable

__all__ = [
    "create_project",
    "file_in_the_way",
    "folder_name_refusal",
    "folder_refusal",
    "free_project_name",
    "new_project_refusal",
    "no_place_for_a_project",
    "project_name_refusal",
    "STARTER_NAME",
    "placeholder_icon",
    "plugin_files",
    "starter_action",
]

# What the starter plugin of a new project is called (New Project, and ``new DIR`` without
# --name): what its button does, not the project's name. Named after the project, it sat in the
# tree as "Acme meetings" beside "Mute all guests" once a recipe was added, and was taken for the
# whole project. Its id, folder, file names, action and label all follow from it.
STARTER_NAME = "Hello message"

_ICON = """<svg xmlns="http://www.w3.org/2000/svg" id="{id}" viewBox="0 0 24 24" width="24" height="24" fill="currentColor">
    <path d="M12 2l2.9 6.9L22 9.5l-5.5 4.8L18.2 22 12 18.3 5.8 22l1.7-7.7L2 9.5l7.1-.6z"/>
</svg>
"""

_SOURCE = """// {name}: a toolbar button that shows a short message.
// Everything sits inside this wrapper so nothing leaks into the rest of the app.
(function () {{
    'use strict';

    // What load listens to (subscriptions.push(....subscribe(...))), kept so that unload can stop
    // listening: switched off and on again, the plugin would otherwise hear everything twice.
    var subscriptions = [];

    // Called by the app when the plugin is switched on.
    function load(participants$, conferenceDetails$) {{
    }}

    // Called when the button is pressed.
    function {action}() {{
        window.PEX.pluginAPI.openTemplateDialog({{
            title: {title},
            body: '<p>Hello from this plugin.</p>'
        }});
    }}

    // Called when the plugin is switched off: stop listening, and clean up here.
    function unload() {{
        subscriptions.forEach(function (subscription) {{
            subscription.unsubscribe();
        }});
        subscriptions = [];
    }}

    // Tell the app about this plugin. The id must match the package file.
    window.PEX.pluginAPI.registerPlugin({{
        id: {id},
        load: load,
        unload: unload,
        {action}: {action}
    }});
}})();
"""


def placeholder_icon(icon_id: str) -> str:
    """The star a new plugin starts with, carrying ``icon_id``: what a missing icon file is
    made again as (fix PD400), so the button shows until the user draws or picks its icon."""
    return _ICON.format(id=icon_id)


def starter_action(name: str) -> str:
    """The action (function name) the starter plugin called ``name`` is made with: "showVerifyProject".

    One rule for making it and for telling it apart later: renamed, the plugin's action follows
    the name only while it is still this (see :func:`designer.core.plugins.rename_plugin`).
    """
    return safe_identifier("show " + name) if name else "showMessage"


def _json(value: object) -> bytes:
    return (json.dumps(value, indent=4, ensure_ascii=False) + "\n").encode("utf-8")


def plugin_files(name: str, plugin_id: str | None = None, label: str | None = None) -> dict[str, bytes]:
    """Files of one new toolbar plugin, keyed by path relative to webapp2/."""
    pid = plugin_id or safe_id(name)
    folder = safe_id(pid)
    action = starter_action(name)
    icon = "icon"
    package = {
        "id": pid,
        "name": name,
        "description": f"{name}: a toolbar button.",
        "version": 1.0,
        "srcURL": f"{folder}.plugin.js",
        "allowUnload": True,
        "platforms": ["web", "electron", "ios", "android"],
        "participantRoles": ["chair", "guest"],
        "menuItems": {"toolbar": [{"icon": f"{icon}.svg#{icon}", "label": label or name, "action": action}]},
    }
    source = _SOURCE.format(name=comment_text(name), action=action, title=js_string(name), id=js_string(pid))
    base = f"plugins/{folder}/"
    return {
        base + f"{folder}.plugin.package.json": _json(package),
        base + f"{folder}.plugin.js": source.encode("utf-8"),
        base + f"{icon}.svg": _ICON.format(id=icon).encode("utf-8"),
    }


def create_project(target: Path, name: str = STARTER_NAME, files: dict[str, bytes] | None = None) -> Path:
    """Create ``target/webapp2`` with settings, manifest and one plugin; return webapp2/.

    ``files`` (e.g. a recipe's) replaces the default toolbar plugin. Refuses to write into a
    folder that already holds a webapp2 package.
    """
    root = target / "webapp2"
    in_the_way = file_in_the_way(target)
    if in_the_way is not None:
        raise FileExistsError(in_the_way)
    inside = inside_package_refusal(target, "a new project")
    if inside is not None:
        raise FileExistsError(inside)
    if root.exists() and any(root.iterdir()):
        raise FileExistsError(f"{root} already exists and is not empty")
    if target.is_symlink() and not target.exists():
        raise FileExistsError(f"{target} is a symbolic link to {os.readlink(target)}, which does not exist")
    files = dict(files) if files is not None else plugin_files(name)
    package_path = next(k for k in files if k.endswith(".plugin.package.json"))
    pid = json.loads(files[package_path])["id"]
    files["settings.json"] = _json({"plugins": [{"id": pid, "srcURL": package_path, "enabled": True}]})
    files["manifest.json"] = _json({"brandingID": new_branding_id(), "isSettingsBranded": True})
    # Written whole into a hidden folder, then renamed into place: a designer killed half way (or a
    # full disk) leaves no project that does not load, only that folder, named as an import's so
    # that the next import, Save As or new project there sweeps it away.
    final = root if target.is_dir() else target
    made = [p for p in (final.parent, *final.parent.parents) if not os.path.lexists(p)]
    try:
        with whole_folder(final) as tmp:  # (an empty webapp2 folder in the way: checked above)
            web = tmp if final == root else tmp / "webapp2"
            for rel, data in files.items():
                atomic_write(web / rel, data)
    except BaseException:
        for folder in made:  # innermost first; only the empty folders made here
            try:
                folder.rmdir()
            except OSError:
                break
        raise
    return root


def file_in_the_way(target: Path) -> str | None:
    """What to do about a file where the project needs a folder (``target/webapp2``, or ``target``
    or one of its parents), naming it; None when there is none.

    Why: writing under such a file failed with "Not a directory" alone, naming neither the file
    nor the way out (``new d`` with a file called ``d/webapp2``).
    """
    root = target / "webapp2"
    if root.is_file():
        return (
            f"{root} is a file, where the project's webapp2 folder goes; rename or move that file, "
            "or name another folder for the project"
        )
    file = next((p for p in (target, *target.parents) if p.is_file()), None)
    if file is not None:
        return f"{file} is a file, not a folder; name a folder for the project elsewhere"
    return None


# More entries than this right in a folder: a downloads or photos folder, not one made for plugins.
_MOST_ENTRIES_BESIDE_A_PROJECT = 1000


def no_place_for_a_project(folder: Path) -> str | None:
    """Why a project should not be started right in ``folder`` though one could be (it is the home
    folder, the top of a drive, or holds more than 1,000 files and folders), else None.

    Why: opening such a folder by mistake offered "Start a new project here?", and Yes put a
    webapp2 folder among everything else there; a project wants a folder of its own.
    """
    try:
        where = folder.resolve()
        if where == Path.home().resolve():
            return "it is your home folder"
        if where.parent == where:
            return "it is the top of the file system" if where.anchor == "/" else f"it is the top of the drive {where}"
        with os.scandir(where) as entries:
            crowded = sum(1 for _ in islice(entries, _MOST_ENTRIES_BESIDE_A_PROJECT + 1))  # (not all of them)
    except (OSError, RuntimeError):
        return None  # (starting the project then says what is wrong with the folder)
    if crowded > _MOST_ENTRIES_BESIDE_A_PROJECT:
        return f"it holds more than {_MOST_ENTRIES_BESIDE_A_PROJECT:,} files and folders"
    return None


# The longest folder name most file systems take (ext4, APFS, NTFS: 255 bytes or UTF-16 units).
_MOST_NAME_BYTES = 255


def project_name_refusal(name: str) -> str | None:
    """Why ``name`` cannot be a project folder's name, in plain words, else None. The one rule of
    the New Project dialog (which takes the name typed without its end spaces) and ``new DIR``.

    Why one rule: ``new CON`` (or ``x:y``, ``dot.``) made a project the dialog refuses, one a
    colleague on Windows cannot unpack.
    """
    if not name:
        return "Type a name for the project."
    if name in (".", ".."):
        return f"'{name}' is not a name a folder can have; type another name."
    for bad, what in (("/", "a slash (/)"), ("\\", "a backslash (\\)"), (":", "a colon (:)")):
        if bad in name:
            return f"The name has {what}, which a folder name cannot have; type it without."
    control = next(iter(control_characters(name)), None)  # (C1 too: U+009B is a terminal's ESC [)
    if control is not None:
        return f"The name has an invisible control character (U+{ord(control):04X}); type it without."
    windows = windows_name_problem(name)
    if windows is not None:  # a project is zipped, mailed and unpacked on Windows too
        return f"The name {windows[1]}; type another name."
    if name.startswith("."):
        return "A name that starts with a dot makes a hidden folder, which file windows do not show; type another name."
    if len(name.encode("utf-8", "surrogatepass")) > _MOST_NAME_BYTES:
        return "The name is too long for a folder: most computers take at most 255 letters (fewer in other scripts)."
    return None


def folder_name_refusal(folder: Path) -> str | None:
    """Why ``new`` or ``import -o`` makes no project folder called as ``folder`` is (the rule of the
    New Project and Import dialogs), naming the name; None for a good name, and for ``.`` or ``..``
    (a folder that is there already)."""
    name = folder.name
    if name in ("", ".", ".."):
        return None
    why = project_name_refusal(name)
    if why is None:
        return None
    # (printable: the name with a line break or an ESC it is refused for broke the line, or
    # recoloured the terminal)
    return f"cannot create a project folder called '{printable(name)}': {why[0].lower()}{why[1:]}"


def folder_refusal(place: Path | None, name: str, target_refusal: Callable[[Path], str | None]) -> str | None:
    """Why a project folder called ``name`` cannot be made in the folder ``place`` (None: no place
    chosen yet), in plain words naming the folder, else None; ``target_refusal`` says what is
    wrong with the project folder ``place / name`` itself, by the rules of what is made there (a
    new project, an import, a copy of the project).

    Why before anything is written: the New Project, Import and Save As dialogs show this as the
    user types and keep their button off, so a name the file system refuses, a folder that
    already holds files or a place the user may not write to is said there, not after a click.
    """
    why = project_name_refusal(name.strip())
    if why is not None:
        return why
    if place is None:
        return "Choose where to put the project."
    if not place.is_absolute():
        return f"{place} is not a whole path (such as {Path.home()}); use Browse… to choose the place."
    # A place typed that does not exist yet is made with the project (as the import, New Project
    # and Save As make missing parents): what decides is the nearest folder that exists.
    there = next((p for p in (place, *place.parents) if os.path.lexists(p)), None)
    if there is None or not there.is_dir():
        what = "a symbolic link that leads nowhere" if there is not None and there.is_symlink() else "a file"
        return f"{there or place} is {what}, not a folder; use Browse… to choose another place."
    if not os.access(there, os.W_OK | os.X_OK):
        return f"You have no permission to create folders in {there}; choose another place."
    try:
        return target_refusal(place / name.strip())
    except OSError as exc:
        # A place typed with a folder name longer than the file system takes (or a path too long
        # for it as a whole): looking at it raised, the dialog said nothing and kept its button on.
        return f"{place} cannot be used ({exc.strerror or exc}); type a shorter place, or use Browse… to choose one."


def new_project_refusal(place: Path | None, name: str) -> str | None:
    """Why the new project ``name`` cannot be made in ``place`` (see :func:`folder_refusal`), else None."""
    return folder_refusal(
        place,
        name,
        lambda target: (
            inside_package_refusal(target, "a new project")
            or unusable_folder_refusal(target, "type another name or choose another place")
        ),
    )


def free_project_name(place: Path, name: str) -> str:
    """``name``, or "``name`` 2", "``name`` 3", ... : the first that is no folder holding files in
    ``place`` yet. Why: the dialog offers "My branding" again for a second project, and a name it
    prefills should not be refused before the user has typed a letter."""
    candidate, n = name, 1
    while n < 1000 and unusable_folder_refusal(place / candidate, "") is not None:
        n += 1
        candidate = f"{name} {n}"
    return candidate
