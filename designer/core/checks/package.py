"""Plugin package files: structure, placement, who and where it loads, its source file."""

from __future__ import annotations

import json
from collections.abc import Container, Iterable
from typing import Any

from ..actionsync import missing_action_effect
from ..files import is_utf8, name_difference
from ..jsonfile import escape_pointer
from ..jstext import DESCRIPTION_LAYOUT, control_characters, shortened
from ..model import PLATFORMS, ROLES, BrandingPackage, Plugin, number_text
from ..problems import Fix, escaped, printable
from ..schemas import plain_key
from ..wording import PLATFORM_NAMES
from ..zipnames import name_why
from .context import Context, with_slashes

# The placements as the menu items editor names them (the file's menuItems keys say less).
_PLACEMENTS = {"toolbar": "toolbar button", "conference": "conference menu", "participants": "participant menu"}

# What people write for a role or a platform -> the word the app takes (SPEC 2), compared in
# lower case. Why: webapp2 calls hosts "chair", which nobody guesses, and the form's "Hosts",
# "Guests" or "Desktop app" are what people type by hand. Only names that can mean one thing:
# "mobile" (iOS or Android?) or "all" are left to the person.
_MEANT: dict[str, dict[str, str]] = {
    "participantRoles": {
        **{word: "chair" for word in ("chair", "chairs", "host", "hosts")},
        **{word: "guest" for word in ("guest", "guests")},
    },
    "platforms": {
        **{p: p for p in PLATFORMS},
        **{word: "web" for word in ("web app", "webapp", "browser")},
        **{word: "electron" for word in ("desktop", "desktop app")},
    },
}
_ALLOWED = {"participantRoles": ROLES, "platforms": PLATFORMS}
# Words for several of the app's values at once, which PD311 does not rewrite (it takes only names
# of one value): PD102 offers the list they stand for, saying which values it writes.
_GROUPS: dict[str, dict[str, list[str]]] = {
    "participantRoles": {
        word: list(ROLES) for word in ("all", "both", "everyone", "everybody", "anyone", "hosts and guests")
    },
    "platforms": {
        "mobile": ["ios", "android"],
        **{word: list(PLATFORMS) for word in ("all", "any", "everywhere", "all platforms")},
    },
}
_APP_WORDS = {
    "participantRoles": 'webapp2 calls hosts "chair" and guests "guest" (Hosts and Guests in the form)',
    "platforms": "webapp2 calls the platforms "
    + ", ".join(f'"{p}" ({PLATFORM_NAMES[p]})' for p in PLATFORMS[:-1])
    + f' and "{PLATFORMS[-1]}" ({PLATFORM_NAMES[PLATFORMS[-1]]})',
}


def meant_list(key: str, value: Any) -> list[str] | None:
    """The list of the app's words that ``value`` (participantRoles or platforms, as written)
    unambiguously means: ``"host"`` -> ``["chair"]``, ``["Host", "Guests"]`` -> ``["chair",
    "guest"]``, ``"Host, Guest"`` -> ``["chair", "guest"]``, ``["Web", "desktop"]`` -> ``["web",
    "electron"]``. None when it is right already (a list of the app's words) or when a value
    could mean something else, or nothing.
    """
    if isinstance(value, dict):
        return _ticked_names(key, value)
    words = [value] if isinstance(value, str) else value if isinstance(value, list) else None
    if not words or not all(isinstance(w, str) for w in words):
        return None
    if isinstance(value, list) and all(w in _ALLOWED[key] for w in words):
        return None  # (the app's words; a repeated one is PD102's)
    meant: list[str] = []
    for word in (part for w in words for part in w.split(",")):  # ("Host, Guest": one text for the list)
        found = _MEANT[key].get(" ".join(word.replace("-", " ").replace("_", " ").split()).casefold())
        if found is None:
            return None
        if found not in meant:
            meant.append(found)
    return meant


def _ticked_names(key: str, value: dict[str, Any]) -> list[str] | None:
    """The list an object of names set to true or false means (``{"web": true, "ios": false}`` ->
    ``["web"]``, as older tools wrote a row of tick boxes); None unless every value is true or
    false, at least one true, and every name true means one of the app's words.

    Why: the app reads a list and loads such a plugin nowhere; the schema's "a group of named
    values" said neither that nor the list meant."""
    if not value or not all(isinstance(on, bool) for on in value.values()):
        return None
    ticked = [name for name, on in value.items() if on]
    if ticked and all(name in _ALLOWED[key] for name in ticked):
        return ticked
    return meant_list(key, ticked)


# The keys the app reads that PD312 looks for misspellings of, and what is lost when one is
# misspelt. (id and srcURL are left to PD102, whose message names the look-alike key already.)
_PACKAGE_KEYS = {
    "name": "Settings > Plugins shows the plugin without a name",
    "description": "Settings > Plugins shows no description",
    "version": "the plugin has no version",
    "allowUnload": "users cannot switch the plugin off",
    "platforms": "the plugin loads nowhere",
    "participantRoles": "nobody gets the plugin",
    "menuItems": "the plugin adds no button or menu item",
}
_ITEM_KEYS = {
    "icon": "the item shows no icon",
    "label": "the item shows no label",
    "action": "clicking the item brings up the app's 'Oops' page",
}


# What a plugin's source (srcURL) names when it names no JavaScript, by the file's extension.
_NOT_JAVASCRIPT = {
    ".json": "a JSON file",
    ".svg": "an icon",
    ".png": "a picture",
    ".jpg": "a picture",
    ".jpeg": "a picture",
    ".gif": "a picture",
    ".webp": "a picture",
    ".ico": "a picture",
    ".html": "a web page",
    ".htm": "a web page",
    ".css": "a style sheet",
}


def not_javascript(src: str) -> str | None:
    """What the file ``src`` is ("an icon", "a JSON file") when its name says it is no JavaScript,
    else None. (A plugin's source names its .js file; one named by slip, the package file itself
    or an icon, was told only that it "never calls registerPlugin", which named no way out.)"""
    dot = src.rfind(".")
    return _NOT_JAVASCRIPT.get(src[dot:].lower()) if dot > src.rfind("/") else None


def misspelt_key(written: str, known: Iterable[str], present: Container[str]) -> str | None:
    """The key of ``known`` that ``written`` is a slip of (another letter case, or a letter or two
    off: 'menuitems', 'lable', 'participantsRoles'), when that key itself is not ``present``; else None.

    Why so strict: packages carry keys of their own ('configuration', 'author') that the app
    ignores on purpose; only a near spelling of a key the app reads, which the file lacks, is a
    slip. A tie between two known keys says nothing sure, so it is no slip either.
    """
    if written in known:
        return None  # (most keys: asked first, before the import below, some 400 times a check)
    from .source import _edits

    low = written.casefold()
    found: list[tuple[int, str]] = []
    for key in known:
        if key in present:
            continue
        if key.casefold() == low:
            return key
        most = 0 if len(key) <= 3 else 1 if len(key) <= 5 else 2
        if most and abs(len(key) - len(low)) <= most and (d := _edits(low, key.casefold())) <= most:
            found.append((d, key))
    found.sort()
    return found[0][1] if found and (len(found) == 1 or found[1][0] > found[0][0]) else None


def shadowed_key(written: str, known: Iterable[str], present: Container[str]) -> str | None:
    """The key of ``known`` that ``written`` is another letter case of, when the object has that
    key as well ('menuitems' beside 'menuItems', 'Label' beside 'label'); else None.

    Why only the letter case: beside the right key, a key a letter or two off ('labels' beside
    'label') may be one of the package's own; two spellings of one word are a slip.
    """
    low = written.casefold()
    return next((k for k in known if k != written and k in present and k.casefold() == low), None)


def _holds(key: str, value: Any) -> str:
    """What the value of a package key holds, in a few words: "2 menu items", "'Record'"."""
    if key == "menuItems" and isinstance(value, dict):
        count = sum(len(v) for v in value.values() if isinstance(v, list))
        return f"{count} menu item{'' if count == 1 else 's'}"
    if isinstance(value, str):
        return f"the text '{shortened(value)}'"
    return shortened(json.dumps(value, ensure_ascii=False))


def _report_shadowed_key(
    plugin: Plugin,
    index: int,
    ctx: Context,
    place: tuple[str, dict[str, Any], str, list[object] | None],
    written: str,
    meant: str,
) -> None:
    """PD312 for a key written twice, in two letter cases ('menuItems' and 'menuitems'): the app
    reads the right one, and what the other holds is ignored, silently.

    Why no rename here: the right key is there, so a rename would clash with it (a file with the
    key twice, one value lost). The Fix removes the slip only when it holds the same as the right
    key: then nothing is lost. When they differ, only the person knows which buttons or label
    they want, so no Fix is offered and the message says where to move what they need.
    """
    ptr, obj, whose, item = place
    rel = plugin.package_path
    assert rel is not None
    slip, right = shortened(written), shortened(meant)
    same = obj[written] == obj[meant]
    if meant == "menuItems" and not same:
        what = f"{_holds(meant, obj[written])} under '{slip}' are ignored"
    else:
        what = f"'{slip}' ({_holds(meant, obj[written])}) is ignored"
    if same:
        advice = f"It holds the same as '{right}': remove it."
    elif meant == "menuItems":
        advice = f"Move the items you want from '{slip}' into '{right}', then remove '{slip}'."
    else:
        advice = f"Write the one you want under '{right}', then remove '{slip}'."
    ctx.report(
        "PD312",
        rel,
        f"{whose} has both '{right}' and '{slip}'. The app reads '{right}' only, spelt exactly so: {what}. {advice}",
        f"{ptr}/{escape_pointer(written)}",
        key=True,
        fix=Fix(
            "rename-package-key",
            f"Remove '{slip}'",
            {"plugin": index, "item": item, "old": written, "new": None},
        )
        if same
        else None,
        plugin=plugin.key,
    )


def package_json(plugin: Plugin, pkg: BrandingPackage) -> Any:
    """``plugin.package.to_json()``, the package file as edited, made once while a check lasts
    (:meth:`BrandingPackage.unchanging`); the caller reads it, never changes it.

    Why: the package checks and the icon checks (:func:`misspelt_icons`) each made it again from
    the model, every field of every menu item compared with what was read from the file.
    """
    assert plugin.package is not None
    return pkg.remembered(f"package json {id(plugin)}", plugin.package.to_json)


def misspelt_icons(plugin: Plugin, pkg: BrandingPackage) -> list[str]:
    """The icon references of the menu items the app misses only for a misspelt key (PD312): the
    items under 'menuitems' (or another slip of menuItems, when the file has no menuItems), and an
    item's icon under 'Icon' or 'icn'.

    Why: those icon files looked unused, so PD406 offered to delete them beside PD312's rename;
    deleted first, the items came back after the rename with no icon.
    """
    data = package_json(plugin, pkg) if plugin.package is not None else None
    if not isinstance(data, dict):
        return []
    menu = data.get("menuItems")
    if not isinstance(menu, dict):
        slip = next(
            (k for k in data if isinstance(k, str) and misspelt_key(k, _PACKAGE_KEYS, data) == "menuItems"), None
        )
        menu = data.get(slip) if slip is not None else None
    out: list[str] = []
    for items in menu.values() if isinstance(menu, dict) else ():
        for item in items if isinstance(items, list) else ():
            if isinstance(item, dict):
                out += [
                    v
                    for k, v in item.items()
                    if isinstance(v, str)
                    and (k == "icon" or (isinstance(k, str) and misspelt_key(k, _ITEM_KEYS, item) == "icon"))
                ]
    return out


def _report_misspelt_keys(plugin: Plugin, index: int, data: dict[str, Any], ctx: Context) -> bool:
    """PD312: a key of the package file or of a menu item written nearly as one the app reads.
    Returns whether one was a slip of 'menuItems' (its PD312 says the plugin adds no button, so
    PD300 would say it twice)."""
    rel = plugin.package_path
    assert rel is not None
    name = shortened(plugin.display_name)
    # (where, the object, the keys the app reads in it, who has it, the fix's item: [section, index])
    places: list[tuple[str, dict[str, Any], dict[str, str], str, list[object] | None]] = [
        ("", data, _PACKAGE_KEYS, f"'{name}'", None)
    ]
    menu = data.get("menuItems")
    if isinstance(menu, dict):
        for sec, items in menu.items():
            if isinstance(items, list):
                places += [
                    (f"/menuItems/{sec}/{i}", item, _ITEM_KEYS, f"Menu item {i + 1} of '{name}'", [sec, i])
                    for i, item in enumerate(items)
                    if isinstance(item, dict)
                ]
    menu_slip = False
    for ptr, obj, known, whose, item in places:
        for written in obj:
            if not isinstance(written, str):
                continue
            if (meant := shadowed_key(written, known, obj)) is not None:
                _report_shadowed_key(plugin, index, ctx, (ptr, obj, whose, item), written, meant)
                continue
            if (meant := misspelt_key(written, known, obj)) is None:
                continue
            menu_slip = menu_slip or (meant == "menuItems" and not ptr)
            ctx.report(
                "PD312",
                rel,
                f"{whose} has the key '{shortened(written)}', which the app does not read: it reads '{meant}', "
                f"spelt exactly so. As written, {known[meant]}. Rename the key to '{meant}'.",
                f"{ptr}/{escape_pointer(written)}",
                key=True,
                fix=Fix(
                    "rename-package-key",
                    f"Rename '{shortened(written)}' to '{meant}'",
                    {"plugin": index, "item": item, "old": written, "new": meant},
                ),
                plugin=plugin.key,
            )
    return menu_slip


def check(pkg: BrandingPackage, ctx: Context) -> None:
    for index, plugin in enumerate(pkg.plugins):
        if plugin.package is not None and plugin.package_path:
            _check_one(plugin, index, ctx)


def _report_no_id(plugin: Plugin, index: int, data: dict[str, Any], ctx: Context) -> None:
    """PD102 for a package file whose id is missing, empty or not text (``7``, ``["rec"]``: no id
    the app can find the plugin by, and they too had only the schema's words), with a fix: the id the plugin list (settings.json) gives the plugin, when no other plugin has it,
    or else one made from the plugin's name.

    Why: the schema's words ("'id' is empty") said what, not what to do, and no Fix was offered,
    while the list nearly always still names the plugin by the id the file lost.
    """
    from collections import Counter

    from ..plugins import taken_keys, unique_id

    rel = plugin.package_path
    assert rel is not None
    # The ids in use and the ids and folders taken, once per check run: worked out for each
    # plugin, 1,000 plugins without an id took four seconds to check.
    cache = ctx.svg_cache

    def ids_of(p: Plugin) -> set[str]:
        return {i for i in (p.entry.id, p.package.id if p.package is not None else None) if isinstance(i, str)}

    used = cache.get("no-id:used")
    if used is None:
        used = cache["no-id:used"] = Counter(i for p in ctx.pkg.plugins for i in ids_of(p))
    listed = plugin.entry.id
    name = plugin.display_name
    if isinstance(listed, str) and listed and used[listed] == (listed in ids_of(plugin)):
        value, how = listed, f"Use the plugin list's id '{shortened(listed)}' in the package file"
    else:
        taken = cache.get("no-id:taken")
        if taken is None:
            taken = cache["no-id:taken"] = taken_keys(ctx.pkg)
        value = unique_id(ctx.pkg, name if isinstance(name, str) and name else "plugin", taken)
        how = f"Give it the id '{value}', made from its name"
    written = "id" in data
    held = data.get("id")
    said = "no id" if not written else "an empty id" if held in ("", None) else f"{_written(held)} as its id, not text"
    ctx.report(
        "PD102",
        rel,
        f"The package file of '{shortened(name)}' has {said}. The app finds a "
        "plugin's entry in settings.json and its code by that id, so without one the plugin does not load.",
        "/id" if written else "",
        fix=Fix("rename-plugin-id", how, {"index": index, "value": value}),
        plugin=plugin.key,
    )


def _report_no_name(plugin: Plugin, index: int, data: dict[str, Any], ctx: Context) -> None:
    """PD314 for a package file with no name, or one of spaces only, with a fix: a name made
    from the plugin's id.

    Why: the name is what Settings ▸ Plugins shows beside the plugin's switch (the guide lists it
    among the required fields); without it the designer shows the id, so nothing looked wrong
    here, while the app's users saw a switch with no words. (A name that is no text: PD102; null
    is none, as for an id.)
    """
    written = data.get("name")
    if written is not None and not (isinstance(written, str) and not written.strip()):
        return
    from ..plugins import name_from_id  # (here: a clean check never needs that module)

    rel = plugin.package_path
    assert rel is not None and plugin.package is not None
    pid = next((i for i in (plugin.package.id, plugin.entry.id) if isinstance(i, str) and i.strip()), None)
    fix = None
    if pid is not None:
        value = name_from_id(pid)
        fix = Fix("set-package-name", f"Name it '{shortened(value)}'", {"plugin": index, "value": value})
    ctx.report(
        "PD314",
        rel,
        f"'{shortened(plugin.display_name)}' has {'no name' if written is None else 'an empty name'} in its package "
        "file. The app's Settings ▸ Plugins shows a plugin's name beside its switch: users would see a switch with "
        "no words and could not tell which plugin it turns off. Give it a name in its form.",
        "/name",  # (missing: placed at the object, and the form's Name gets the focus)
        fix=fix,
        plugin=plugin.key,
    )


def _shown_texts(data: dict[str, Any]) -> list[tuple[list[str | int], str, Any, str]]:
    """The texts of a package file the app shows: (their path in the JSON, how a message names
    them, the value written, the control characters they may hold)."""
    texts: list[tuple[list[str | int], str, Any, str]] = [
        (["name"], "its name", data.get("name"), ""),
        (["description"], "its description", data.get("description"), DESCRIPTION_LAYOUT),
    ]
    menu = data.get("menuItems")
    for sec, items in menu.items() if isinstance(menu, dict) else ():
        for i, item in enumerate(items if isinstance(items, list) else ()):
            if isinstance(item, dict):
                one = "toolbar button" if sec == "toolbar" else f"{_PLACEMENTS.get(sec, sec)} item"
                where = f"the label of its {one} {i + 1}"
                texts.append((["menuItems", sec, i, "label"], where, item.get("label"), ""))
    return texts


def _report_control_characters(plugin: Plugin, index: int, data: dict[str, Any], ctx: Context) -> None:
    """PD315 for a name, description or menu item label holding a control character (an ESC, a
    NUL, a bell; a tab or a line break but in a description), with a fix that removes them.

    Why: such a name (`new --name $'a\\x1b[31mb'`, a paste from a terminal or a log) checked clean,
    while the app shows the characters as boxes or garbled text in its menus and Settings ▸ Plugins.
    """
    rel = plugin.package_path
    assert rel is not None
    for path, what, text, allowed in _shown_texts(data):
        found = control_characters(text, allowed) if isinstance(text, str) else []
        if not found:
            continue
        some, them, boxes = (
            ("a control character", "it", "a box") if len(found) == 1 else ("control characters", "them", "boxes")
        )
        ctx.report(
            "PD315",
            rel,
            f"'{printable(shortened(plugin.display_name))}' has {some} in {what} ({', '.join(map(escaped, found))}): "
            f"invisible here, the app shows {them} as {boxes} or garbled text. Remove {them}.",
            "/" + "/".join(escape_pointer(str(step)) for step in path),
            fix=Fix("remove-control-characters", "Remove the control characters", {"plugin": index, "path": path}),
            plugin=plugin.key,
        )


def meant_switch(written: Any) -> bool | None:
    """The switch a value written where the app reads true or false plainly means: the text "true"
    or "false" (in quotes, in any case; "yes" or "no", "on" or "off" too), or the number 1 or 0, as tools that write numbers for
    switches make it; None for any other."""
    if isinstance(written, str) and written.strip().casefold() in ("true", "false", "yes", "no", "on", "off"):
        return written.strip().casefold() in ("true", "yes", "on")
    if isinstance(written, int) and not isinstance(written, bool) and written in (0, 1):
        return written == 1
    return None


def switch_written(written: Any) -> str:
    """What a switch holds (see :func:`meant_switch`) and what the app expects instead, in words."""
    if isinstance(written, str):
        return f"the text {_written(written)}: the app expects true or false there, without quotes"
    return f"{_written(written)}: the app expects true or false there"


def _written(value: Any) -> str:
    """A JSON value as a message names it: "the number 42", "true", ``["a"]`` (cut short)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"the number {number_text(value)}"
    return shortened(json.dumps(value, ensure_ascii=False))


def _text_meant(value: Any) -> str | None:
    """The text a name or a label written as another JSON value plainly means: a number or
    true/false as the app shows it ("42", "true"), the one text of a list of one (``["Record"]``,
    square brackets as the platforms have them); None for text, null and anything else."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return number_text(value)
    if isinstance(value, list) and len(value) == 1 and isinstance(value[0], str):
        return value[0]
    return None


def _no_texts(plugin: Plugin, data: Any, index: int, ctx: Context) -> tuple[dict[str, str], dict[str, Fix]]:
    """PD102's words and fix, by pointer, for a name or a menu item's label that is no text but
    plainly means one (``"label": 42``, see :func:`_text_meant`), for a menu item's icon that
    is no text (``"icon": 5``), and for what an older tool wrote in a field's place: a switch as
    "false" or 0, a description, version or source as null.

    Why: the schema's words ("'label' should be text ..., but it is a number") named neither the
    item nor a way out, while the text the user meant is plain: the same words in quotes. An icon
    has no such plain meaning: its words say what a reference looks like, and its fix uses the
    plugin's first icon. ``data``: the package file's JSON as edited.
    """
    p, name = plugin.package, plugin.display_name
    assert p is not None
    words: dict[str, str] = {}
    fixes: dict[str, Fix] = {}
    written = data.get("name") if isinstance(data, dict) else None
    if (meant := _text_meant(written)) is not None:
        words["/name"] = (
            f"The package file of '{shortened(p.id or name)}' has {_written(written)} as its name, not text: "
            f'Settings ▸ Plugins shows a name written in double quotes. Write "{shortened(meant)}".'
        )
        fixes["/name"] = Fix("set-package-name", f'Write "{shortened(meant)}"', {"plugin": index, "value": meant})
    written = data.get("allowUnload") if isinstance(data, dict) else None
    if (meant_bool := meant_switch(written)) is not None:
        # ("false" in quotes, or 0: where the app reads true or false; the switch it meant is plain)
        words["/allowUnload"] = (
            f"The package file of '{shortened(p.id or name)}' has allowUnload as {switch_written(written)}. "
            f"Write {str(meant_bool).lower()}."
        )
        fixes["/allowUnload"] = Fix(
            "set-allow-unload", f"Write {str(meant_bool).lower()}", {"plugin": index, "value": meant_bool}
        )
    elif isinstance(data, dict) and "allowUnload" in data and not isinstance(written, bool):
        # (null, or text that says no switch: the app takes anything but true for false, as the
        # form's box and the preview show it; false says so plainly and keeps what the app does)
        words["/allowUnload"] = (
            f"The package file of '{shortened(p.id or name)}' has allowUnload as "
            f"{'the text ' if isinstance(written, str) else ''}{_written(written)}, not true or "
            "false: the app takes it for false, so users cannot switch the plugin off. Write false, or tick "
            "'Users may switch it off' in its form."
        )
        fixes["/allowUnload"] = Fix("set-allow-unload", "Write false", {"plugin": index, "value": False})
    written = data.get("description") if isinstance(data, dict) else None
    if isinstance(written, list) and written and all(isinstance(line, str) for line in written):
        # (lines as a list: the Description box holds them one under another)
        from ..wording import counted

        words["/description"] = (
            f"The package file of '{shortened(p.id or name)}' has its description as a list of "
            f"{counted(len(written), 'text')}, not one text: Settings ▸ Plugins shows a description written in "
            "double quotes. Write them as one text, a line each."
        )
        fixes["/description"] = Fix(
            "set-package-description",
            "Write them as one text, a line each",
            {"plugin": index, "value": "\n".join(written)},
        )
    elif isinstance(data, dict) and "description" in data and (written is None or _text_meant(written) is not None):
        # (null, as tools that write every field of an object leave an unset one; or a number)
        meant = _text_meant(written) or ""
        words["/description"] = (
            f"The package file of '{shortened(p.id or name)}' has {_written(written)} as its description, not text: "
            f'Settings ▸ Plugins shows a description written in double quotes. Write "{shortened(meant)}".'
        )
        fixes["/description"] = Fix(
            "set-package-description", f'Write "{shortened(meant)}"', {"plugin": index, "value": meant}
        )
    if isinstance(data, dict) and data.get("srcURL", "x") in (None, "") and plugin.package_path:
        folder = plugin.package_path.rpartition("/")[0]
        if found := _free_script(ctx, plugin, folder):
            held = "null" if data["srcURL"] is None else "an empty text"
            script = found.rsplit("/", 1)[-1]
            words["/srcURL"] = (
                f"The package file of '{shortened(p.id or name)}' has {held} as its source file (srcURL): the app "
                f"has no code to run, and the plugin never starts. '{shortened(script)}' is the one script beside it."
            )
            fixes["/srcURL"] = Fix("set-package-src", f"Use '{shortened(script)}'", {"plugin": index, "value": script})
    if isinstance(data, dict) and "version" in data and data["version"] is None:
        # (null, as tools that write every field of an object leave an unset one: no version, "")
        words["/version"] = (
            f"The package file of '{shortened(p.id or name)}' has null as its version: the app expects a number "
            '(1.0) or text there. Write "" for none.'
        )
        fixes["/version"] = Fix("set-package-version", 'Write ""', {"plugin": index, "value": ""})
    choices: list[str] | None = None
    for sec, i, mi in p.items():
        item = mi.to_json()
        if isinstance(item, str):
            if choices is None:
                choices = _icons_of(plugin, ctx)
            _item_written_as_text(plugin, index, sec, i, item, choices, words, fixes)
        item = item if isinstance(item, dict) else {}
        written = item.get("label")
        if (meant := _text_meant(written)) is not None:
            ptr = f"/menuItems/{sec}/{i}/label"
            words[ptr] = (
                f"Menu item {i + 1} of '{shortened(name)}' has {_written(written)} as its label, not text: the app "
                f"expects a label in double quotes (or null, when the plugin sets it while it runs). "
                f'Write "{shortened(meant)}".'
            )
            fixes[ptr] = Fix(
                "set-item-label",
                f'Write "{shortened(meant)}"',
                {"plugin": index, "item": [sec, i], "value": meant},
            )
        written = item.get("icon")
        if written is not None and not isinstance(written, str):
            if choices is None:
                choices = _icons_of(plugin, ctx)
            ptr = f"/menuItems/{sec}/{i}/icon"
            words[ptr] = (
                f"Menu item {i + 1} of '{shortened(name)}' has {_written(written)} as its icon, not a reference to one: "
                "the app expects an SVG file of the plugin and the id of the drawing in it, in double quotes, as "
                "'file.svg#id' (or null, when the plugin sets it while it runs). "
                + (
                    f"Use '{shortened(choices[0])}', the plugin's first icon, or choose another in its form."
                    if choices
                    else "The plugin has no icon yet: add one with New icon in its form."
                )
            )
            if choices:
                where = {"plugin": index, "section": sec, "item": i, "value": choices[0]}
                fixes[ptr] = Fix("set-icon-ref", f"Use '{shortened(choices[0])}'", where)
    return words, fixes


def _icons_of(plugin: Plugin, ctx: Context) -> list[str]:
    """The plugin's icon references, read only for an item that needs one offered (see _no_texts)."""
    from ..iconrefs import icon_choices

    return icon_choices(ctx.pkg, plugin)


def _item_written_as_text(
    plugin: Plugin,
    index: int,
    sec: str,
    i: int,
    text: str,
    choices: list[str],
    words: dict[str, str],
    fixes: dict[str, Fix],
) -> None:
    """PD102's words and fix for a menu item written as text (``"toolbar": ["record"]``): the Fix
    makes it an item with that label, that action when the text can be one, and for a toolbar
    button the plugin's first icon (a button is only its icon).

    Why: the schema's words said the item "should be a group of named values", and PD306 and PD309
    said it had no action and no icon, none with a way out; the form showed an empty item.
    """
    from ..actionsync import RESERVED_KEYS
    from ..jstext import is_identifier

    action = text.strip() if is_identifier(text.strip()) and text.strip() not in RESERVED_KEYS else None
    icon = choices[0] if sec == "toolbar" and choices else None
    ptr = f"/menuItems/{sec}/{i}"
    words[ptr] = (
        f"Menu item {i + 1} of '{shortened(plugin.display_name)}' is the text \"{shortened(text)}\", not an item: the "
        'app reads an item as {"icon": "file.svg#id", "label": "…", "action": "…"}, and cannot show this one.'
    )
    value = {"icon": icon, "label": text, "action": action}
    title = (
        f"Make it an item that runs '{shortened(action)}'"
        if action
        else f"Make it an item labelled '{shortened(text)}'"
    )
    fixes[ptr] = Fix("make-menu-item", title, {"plugin": index, "item": [sec, i], "value": value})


def _repeated_values(plugin: Plugin, data: Any, index: int, words: dict[str, str], fixes: dict[str, Fix]) -> None:
    """PD102's words and Fix for a role or platform list naming a value twice (``["web", "ios",
    "web"]``): the list with each value once, in its first place.

    Why: the schema's words ("lists the same value more than once") named neither the value nor a
    way out, while what was meant is plain."""
    for key in _ALLOWED:
        value = data.get(key) if isinstance(data, dict) else None
        if not isinstance(value, list) or not all(v in _ALLOWED[key] for v in value):
            continue  # (other words than the app's: PD311's, or the schema's for an unknown one)
        once = list(dict.fromkeys(value))
        if len(once) == len(value):
            continue
        again = next(v for i, v in enumerate(value) if v in value[:i])
        times = "twice" if value.count(again) == 2 else f"{value.count(again)} times"
        words[f"/{key}"] = (
            f"{plain_key('package', key)} of '{shortened(plugin.display_name)}' lists \"{again}\" {times}; once is "
            f"enough. Write {json.dumps(once)}."
        )
        fixes[f"/{key}"] = Fix(
            "set-package-list", f"Write {json.dumps(once)}", {"plugin": index, "key": key, "value": once}
        )


def _lists_not_read(plugin: Plugin, data: Any, index: int, words: dict[str, str], fixes: dict[str, Fix]) -> None:
    """PD102's words and Fix for a role or platform list written as null (as tools that write every
    field leave an unset one) or as a text standing for several values ("mobile", "all"): the list
    meant, every value for null, as a new plugin has it.

    Why: the schema's words ("should be a list ([...]), but it is null") said neither that the
    plugin then loads nowhere (or goes to nobody) nor what to write, while PD311 rewrites the names
    of one value with a click."""
    for key in _ALLOWED:
        if not isinstance(data, dict) or key not in data:
            continue
        written = data[key]
        if isinstance(written, (list, dict)):
            continue  # (the schema's words name the item; PD311 takes names set to true or false)
        if written is None:
            value: list[str] | None = list(_ALLOWED[key])
            why = f"{'every platform' if key == 'platforms' else 'Hosts and Guests'}, as a new plugin has"
        else:
            value = _group_meant(key, written) if isinstance(written, str) else None
            why = f"what {_written(written)} stands for"
        held = "null" if written is None else not_a_list(written)
        said = f"{plain_key('package', key)} of '{shortened(plugin.display_name)}' is {held}: the app does not read it"
        if value is None:  # (words the app does not know, "phones": what they mean is the person's to say)
            words[f"/{key}"] = f"{said}, so {_NOT_READ[key]}. Tick the boxes in its form: that writes a list."
            continue
        words[f"/{key}"] = (
            f"{said}, so {_NOT_READ[key]}. Write {json.dumps(value)} ({why}), or tick the boxes in its form."
        )
        fixes[f"/{key}"] = Fix(
            "set-package-list", f"Write {json.dumps(value)}", {"plugin": index, "key": key, "value": value}
        )


def _lone_items(plugin: Plugin, data: Any, index: int, words: dict[str, str], fixes: dict[str, Fix]) -> None:
    """PD102's words and Fix for a placement holding one item with no square brackets around it
    (``"toolbar": {"icon": ..., "action": "record"}``): that item in a list.

    Why: the schema's words ("should be a list ([...]), but it is a group of named values") named
    no way out, while PD406 offered to delete the icon that very item names."""
    menu = data.get("menuItems") if isinstance(data, dict) else None
    for sec, item in menu.items() if isinstance(menu, dict) else ():
        if sec not in _PLACEMENTS or not isinstance(item, dict) or not item.keys() & {"icon", "label", "action"}:
            continue
        words[f"/menuItems/{sec}"] = (
            f"The {_PLACEMENTS[sec]} of '{shortened(plugin.display_name)}' is one item written without square "
            "brackets around it: the app reads a list of items there, and shows none. Put it in a list."
        )
        fixes[f"/menuItems/{sec}"] = Fix("list-lone-item", "Put it in a list", {"plugin": index, "section": sec})


def _group_meant(key: str, text: str) -> list[str] | None:
    """The list a text naming values of ``key`` means when one of its parts stands for several
    (``"mobile"``: ios and android, ``"web, mobile"``); None when none does (PD311's, if a name of
    one value) or a part means nothing the app knows."""
    meant: list[str] = []
    grouped = False
    for part in text.split(","):
        word = " ".join(part.replace("-", " ").replace("_", " ").split()).casefold()
        group = _GROUPS[key].get(word)
        grouped |= group is not None
        values = group or ([_MEANT[key][word]] if word in _MEANT[key] else None)
        if values is None:
            return None
        meant += [v for v in values if v not in meant]
    return meant if grouped else None


def _not_the_apps_words(key: str, written: Any) -> str:
    """What PD311 says a role or platform list holds ("is ...", "holds ..."), and why the app takes
    none of it."""
    text = shortened(json.dumps(written, ensure_ascii=False))
    if isinstance(written, dict):
        what = "platform" if key == "platforms" else "role"
        where = "the platforms the plugin loads in" if key == "platforms" else "the roles that get the plugin"
        return (
            f"is {text}: each {what} named with true or false, which the app does not read (it wants a list of "
            f"{where}), so {_NOT_READ[key]}"
        )
    if isinstance(written, str) and all(part.strip() in _ALLOWED[key] for part in written.split(",")):
        # ("web" is the app's word: "which the app does not know" and "calls the platforms "web"" disagreed)
        return f"is {not_a_list(written)}, which the app does not read, so {_NOT_READ[key]}"
    if isinstance(written, list):  # (only the values in other words: "web" beside "Electron" is known)
        others = [v for v in written if v not in _ALLOWED[key]]
        text = ", ".join(shortened(json.dumps(v, ensure_ascii=False)) for v in others)
        return f"holds {text}, which the app does not know: {_APP_WORDS[key]}"
    return f"is {text}, which the app does not know: {_APP_WORDS[key]}"


def not_a_list(written: Any) -> str:
    """A role or platform list written as no list, as the checks, the preview and the form say it:
    'the text "web", not a list', '{"web": true}, not a list'."""
    text = shortened(json.dumps(written, ensure_ascii=False))
    return f"the text {text}, not a list" if isinstance(written, str) else f"{text}, not a list"


_NOT_READ = {"platforms": "the plugin loads nowhere", "participantRoles": "nobody gets the plugin"}


def _check_one(plugin: Plugin, index: int, ctx: Context) -> None:
    rel = plugin.package_path
    assert rel is not None and plugin.package is not None
    p, name, key = plugin.package, plugin.display_name, plugin.key
    # The package as edited (``raw`` is what was read from disk, until the next save).
    data = package_json(plugin, ctx.pkg)
    meant = {k: m for k in _MEANT if isinstance(data, dict) and (m := meant_list(k, data.get(k))) is not None}
    # (null, a number or a list: no id either)
    no_id = isinstance(data, dict) and not (isinstance(data.get("id"), str) and data["id"] != "")
    # (the schema's own words for a missing or empty id named no way out: see _report_no_id)
    words, fixes = _no_texts(plugin, data, index, ctx)
    _repeated_values(plugin, data, index, words, fixes)
    _lists_not_read(plugin, data, index, words, fixes)
    _lone_items(plugin, data, index, words, fixes)
    # (null: no name, PD314's with its Fix, not the schema's words with none)
    schema_data = {**data, "id": "x"} if no_id else data
    if isinstance(data, dict) and "name" in data and data["name"] is None:
        schema_data = {**schema_data, "name": ""}
    ctx.schema("package", rel, schema_data, key, skip=frozenset(meant), fixes=fixes, words=words)
    data = data if isinstance(data, dict) else {}
    if no_id:
        _report_no_id(plugin, index, data, ctx)
    _report_no_name(plugin, index, data, ctx)
    _report_control_characters(plugin, index, data, ctx)
    menu_slip = _report_misspelt_keys(plugin, index, data, ctx)
    for k, value in meant.items():
        ctx.report(
            "PD311",
            rel,
            f"{plain_key('package', k)} of '{shortened(name)}' {_not_the_apps_words(k, data[k])}. Write "
            f"{json.dumps(value)}{' (in square brackets: the app wants a list, even of one)' if isinstance(data[k], str) else ''}.",
            f"/{k}",
            fix=Fix("set-package-list", f"Write {json.dumps(value)}", {"plugin": index, "key": k, "value": value}),
            plugin=key,
        )

    sections = p.sections
    if (p.menu_items is None or not sections) and not menu_slip:
        ctx.report(
            "PD300",
            rel,
            f"'{shortened(name)}' adds no menu item or button. That is fine for a plugin that only reacts to events; "
            "otherwise choose a placement (toolbar, conference menu or participant menu).",
            "/menuItems" if p.menu_items is not None else "",
            plugin=key,
        )
    elif len(sections) > 1:
        ctx.report(
            "PD301",
            rel,
            f"'{shortened(name)}' has items in more than one placement ({', '.join(_PLACEMENTS.get(s, s) for s in sections)}); "
            "a plugin may use only one: toolbar buttons, conference menu items or participant menu items. Choose "
            "one under 'Appears in' in its form: all of its items go there.",
            f"/menuItems/{sections[1]}",
            key=True,
            plugin=key,
        )
    for sec in sections:
        items = (p.menu_items or {}).get(sec, [])
        raw = data["menuItems"].get(sec) if isinstance(data.get("menuItems"), dict) else None
        if not items and isinstance(raw, list):
            ctx.report(
                "PD302",
                rel,
                f"'{shortened(name)}' chooses the placement '{_PLACEMENTS.get(sec, sec)}' but lists no item in it, so "
                "nothing appears.",
                f"/menuItems/{sec}",
                plugin=key,
            )
    seen_actions: set[str] = set()
    for sec, i, mi in p.items():
        ptr = f"/menuItems/{sec}/{i}"
        item = mi.to_json()
        if not isinstance(item, dict):
            continue  # not an object at all: PD102 says so (an action, an icon: it has none of them)
        if not mi.action and item.get("action") in (None, ""):
            ctx.report(
                "PD306",
                rel,
                f"Menu item {i + 1} of '{shortened(name)}' has no action, so {missing_action_effect()}. "
                "Give it one in the plugin's form: the item's Action, or 'Make it do' beside it.",
                ptr,
                plugin=key,
            )
        elif mi.action in seen_actions:
            ctx.report(
                "PD307",
                rel,
                f"Menu item {i + 1} of '{shortened(name)}' uses the action '{shortened(mi.action)}' like an earlier item; both would do the same.",
                ptr + "/action",
                plugin=key,
            )
        if mi.action:
            seen_actions.add(mi.action)
        label = item.get("label")
        # (With no icon either, PD309 says the item shows empty: one problem for one cause.)
        if sec != "toolbar" and isinstance(label, str) and not label.strip() and mi.icon:
            # (A toolbar label is only the hover tip; in a menu it is the item's words.)
            where = "conference menu" if sec == "conference" else "participant menu"
            ctx.report(
                "PD310",
                rel,
                f"Item {i + 1} in the {where} of '{shortened(name)}' has an empty label, so the menu shows it with no words. "
                "Give it a label (or mark it as set by the plugin while it runs).",
                ptr + "/label",
                plugin=key,
            )
        if item and "icon" not in item and "label" not in item:
            ctx.report(
                "PD308",
                rel,
                f"Menu item {i + 1} of '{shortened(name)}' has neither an icon nor a label; it shows as an empty button "
                "unless the plugin sets them while it runs (then mark both as set by the plugin while it runs).",
                ptr,
                plugin=key,
            )

    # Missing counts as empty: the app (and the preview) offer a plugin only on the platforms and
    # to the roles listed, so without the list it never shows either (SPEC 5.7).
    if "platforms" not in data or (isinstance(data["platforms"], list) and not data["platforms"]):
        ctx.report(
            "PD303",
            rel,
            f"'{shortened(name)}' has nothing ticked under 'Loads in', so it loads nowhere. Tick at least one of Web app, "
            "Desktop app, iOS, Android."
            if "platforms" in data
            else f"'{shortened(name)}' has no 'Loads in' list (platforms), so it loads nowhere. Tick at least one of "
            "Web app, Desktop app, iOS, Android under 'Loads in'.",
            "/platforms",  # (missing: placed at the object, and the form's tick boxes get the focus)
            plugin=key,
        )
    if "participantRoles" not in data or (isinstance(data["participantRoles"], list) and not data["participantRoles"]):
        ctx.report(
            "PD304",
            rel,
            f"'{shortened(name)}' has nothing ticked under 'Available to', so nobody gets it. Tick Hosts, Guests, or both."
            if "participantRoles" in data
            else f"'{shortened(name)}' has no 'Available to' list (participantRoles), so nobody gets it. Tick Hosts, "
            "Guests, or both under 'Available to'.",
            "/participantRoles",
            plugin=key,
        )
    if p.src_url:
        src = plugin.source_path
        what = not_javascript(src) if src is not None and ctx.pkg.exists(src) else None
        if src is not None and what is not None:
            if src == rel:
                what = "this package file itself"
            found = _free_script(ctx, plugin, src.rpartition("/")[0])
            ctx.report(
                "PD313",
                rel,
                f"The source of '{shortened(name)}' (srcURL) is '{shortened(p.src_url)}', {what}, not the plugin's "
                "JavaScript, so the plugin never starts. Name its .js file here"
                + (f": '{shortened(found.rsplit('/', 1)[-1])}' is in the same folder." if found else "."),
                "/srcURL",
                fix=_use_source(index, p.src_url, src, found, rel),
                plugin=key,
            )
        elif src is None and (slashed := with_slashes(ctx.pkg, p.src_url, rel)) is not None:
            ctx.report(
                "PD305",
                rel,
                f"The source of '{shortened(name)}' is '{shortened(p.src_url)}', written with backslashes: web addresses "
                "take '/', and the designer cannot follow this one to the file. Write it with '/'.",
                "/srcURL",
                fix=Fix("set-package-src", f"Use '{shortened(slashed)}'", {"plugin": index, "value": slashed}),
                plugin=key,
            )
        elif src is None:
            ctx.report(
                "PD305",
                rel,
                f"The source of '{shortened(name)}' is '{shortened(p.src_url)}', which is outside the package or on another server.",
                "/srcURL",
                plugin=key,
            )
        elif (left_out := name_why(src)) is not None and ctx.pkg.exists(src):
            # (a file an old tool unpacked in Latin-1, named with a JSON escape: run here, left out of the ZIP)
            ctx.report(
                "PD305",
                rel,
                f"The source of '{shortened(name)}' is '{shortened(p.src_url)}', which the export leaves out: "
                f"{left_out}. After the upload the plugin never starts. Rename the file, and the srcURL here.",
                "/srcURL",
                plugin=key,
            )
        elif not ctx.pkg.exists(src):
            from .icons import near_file

            actual = ctx.pkg.case_match(src)
            near = None if actual else near_file(ctx, src, ".js")
            if actual:
                hint = (
                    f" A file '{shortened(actual.rsplit('/', 1)[-1])}' exists; the names differ in "
                    f"{name_difference(src, actual)}, which matters on the web server."
                )
            elif near:
                hint = f" A file named '{shortened(near.rsplit('/', 1)[-1])}' is in the same folder: probably the one meant."
            else:
                hint = ""
            found = actual or near
            ctx.report(
                "PD305",
                rel,
                f"The source file '{shortened(p.src_url)}' of '{shortened(name)}' is not in the package.{hint}",
                "/srcURL",
                fix=_use_source(index, p.src_url, src, found, rel),
                plugin=key,
            )


def _free_script(ctx: Context, plugin: Plugin, folder: str) -> str | None:
    """The one script in ``folder`` no other plugin runs, which a Fix may offer as ``plugin``'s
    source; None when there is none or more than one.

    Why not another plugin's .js: two plugins sharing a folder, the Fix pointed this one at the
    other's code (both then ran it). Only a single free one is sure."""
    theirs = {q.source_path for q in ctx.pkg.plugins if q is not plugin}
    scripts = [
        n
        for n in ctx.pkg.names()
        if n.rpartition("/")[0] == folder and n.lower().endswith(".js") and n not in theirs and is_utf8(n)
    ]
    return scripts[0] if len(scripts) == 1 else None


def _use_source(index: int, src_url: str, src: str | None, found: str | None, rel: str) -> Fix | None:
    """The Fix pointing a package's srcURL at ``found`` (PD305, PD313), written in the author's way
    of writing the path and with the file's own spelling; None when there is no file to offer."""
    if not found:
        return None
    from .icons import relative_ref

    return Fix(
        "set-package-src",
        f"Use '{shortened(found.rsplit('/', 1)[-1])}'",
        {"plugin": index, "value": relative_ref(src_url, src, found, rel)},
    )
