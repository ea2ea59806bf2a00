"""One-click repairs for problems that carry a :class:`~designer.core.problems.Fix`.

Why in the core: the CLI's ``check --fix`` and the GUI's Fix button must do exactly the same
thing. A fixer only edits the in-memory model (and pending texts); saving stays the caller's
choice, and the GUI wraps the call in one undo command.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .files import clash_key
from .model import BrandingPackage, Manifest, Settings, SettingsEntry, _listed_plugins, _load_plugin, text_bytes
from .problems import Fix, Problem, printable
from .wording import item_named

if TYPE_CHECKING:
    from .jsanalysis import Call

__all__ = ["FIXERS", "apply_fix", "create_missing_files", "fix_all", "new_branding_id"]


JS_SAFE_INTEGER = 2**53 - 1  # above it, JavaScript cannot tell a number from the next one


def new_branding_id(previous: object = None) -> int | str:
    """A millisecond timestamp, strictly above ``previous``; a string if ``previous`` was one.

    When ``previous`` is beyond what JavaScript counts exactly, one more would read as the same
    number to the clients (which then keep their cached branding): the timestamp is returned
    instead, which is below it, so it differs, and that is all the clients need.
    """
    now = int(time.time() * 1000)
    try:
        prev = int(str(previous)) if previous not in (None, "") else 0
    except ValueError:
        prev = 0
    value = max(now, prev + 1) if prev < JS_SAFE_INTEGER else now
    return str(value) if isinstance(previous, str) else value


def _make_hosts_only(pkg: BrandingPackage, fix: Fix) -> str:
    """PD517's answer: Guests goes from the plugin's 'Available to', the other roles stay.

    Why not more: hiding single items from guests needs code the person writes; taking the
    plugin from guests is the one change that is always right for a plugin guests cannot use.
    """
    plugin = pkg.plugins[fix.args["plugin"]]
    assert plugin.package is not None
    roles = [r for r in plugin.package.participant_roles or [] if r != "guest"]
    # A plugin for guests alone goes to hosts instead: with no role at all nobody would get it.
    plugin.package.participant_roles = roles or ["chair"]
    return f"Offer '{plugin.display_name}' to hosts {'only' if roles else 'instead of guests'}"


def _set_package_src(pkg: BrandingPackage, fix: Fix) -> str:
    """PD305's answer: the package file's srcURL names the source file that is there (its letter
    case, or a near spelling of the name beside it)."""
    plugin = pkg.plugins[fix.args["plugin"]]
    assert plugin.package is not None
    plugin.package.src_url = fix.args["value"]
    return f"Change the source of '{plugin.display_name}' to '{fix.args['value']}'"


def _rename_package_key(pkg: BrandingPackage, fix: Fix) -> str:
    """PD312's answer: a misspelt key of the package file ('menuitems') or of one of its menu items
    ('lable') becomes the one the app reads, in its place, and the plugin is read again with it.
    With no ``new``, the key goes instead: a slip beside the right key that holds the same.

    Why the package is read again from its JSON: the misspelt key's value sat in ``raw`` only;
    under its right name it becomes the model's field (the menu items, the label). The key keeps
    its position (the dict is rebuilt in order), so the save rewrites only the name, as for
    settings.json's plugin list (see :func:`_rename_settings_key`).
    """
    from .model import PluginPackage

    plugin = pkg.plugins[fix.args["plugin"]]
    assert plugin.package is not None
    old, new, item = fix.args["old"], fix.args["new"], fix.args.get("item")
    data = plugin.package.to_json()

    def renamed(obj: dict[str, Any]) -> dict[str, Any]:
        if new is None:
            return {k: v for k, v in obj.items() if k != old}
        return {(new if k == old else k): v for k, v in obj.items()}

    if item is None:
        data = renamed(data)
        where = f"the package file of '{plugin.display_name}'"
    else:
        sec, i = item
        menu = dict(data["menuItems"])
        menu[sec] = [renamed(x) if n == i else x for n, x in enumerate(menu[sec])]
        data = {**data, "menuItems": menu}
        where = f"menu item {i + 1} of '{plugin.display_name}'"
    plugin.package = PluginPackage.from_json(data)
    return f"Remove '{old}' from {where}" if new is None else f"Rename '{old}' to '{new}' in {where}"


def _set_package_name(pkg: BrandingPackage, fix: Fix) -> str:
    """PD314's answer: the plugin gets a name (made from its id) for Settings ▸ Plugins; PD102's
    for a name written as a number (``7``): the same, as text.

    Why the package is read again from its JSON: the model shows the number as "7" already (see
    ``model._as_text``), so setting the field to it would change nothing in the file.
    """
    from .model import PluginPackage

    plugin = pkg.plugins[fix.args["plugin"]]
    assert plugin.package is not None
    said = plugin.display_name
    plugin.package = PluginPackage.from_json({**plugin.package.to_json(), "name": fix.args["value"]})
    return f"Name the plugin '{said}' '{fix.args['value']}'"


def _remove_control_characters(pkg: BrandingPackage, fix: Fix) -> str:
    """PD315's answer: the control characters of a name, description or label gone (a tab or a
    line break in a name or label a space; a description keeps its own, see DESCRIPTION_LAYOUT)."""
    from .jstext import DESCRIPTION_LAYOUT, without_control_characters
    from .model import PluginPackage

    plugin = pkg.plugins[fix.args["plugin"]]
    assert plugin.package is not None
    said = printable(plugin.display_name)
    data = plugin.package.to_json()
    *above, last = fix.args["path"]
    holder = data = json.loads(json.dumps(data))  # (a copy, changed where the path leads)
    for step in above:
        holder = holder[step]
    allowed = DESCRIPTION_LAYOUT if fix.args["path"] == ["description"] else ""
    holder[last] = without_control_characters(holder[last], allowed)
    plugin.package = PluginPackage.from_json(data)
    path = fix.args["path"]
    what = f"the label of menu item {path[2] + 1}" if path[0] == "menuItems" else f"the {path[0]}"
    return f"Remove the control characters from {what} of '{said}'"


def _set_item_label(pkg: BrandingPackage, fix: Fix) -> str:
    """PD102's answer to a label written as a number (``42``): the same words as text ("42").

    Why the package is read again from its JSON: the model already shows the number as "42"
    (see ``model._as_text``), so setting the field to it would change nothing in the file.
    """
    from .model import PluginPackage

    plugin = pkg.plugins[fix.args["plugin"]]
    assert plugin.package is not None
    (sec, i), value = fix.args["item"], fix.args["value"]
    data = plugin.package.to_json()
    menu = dict(data["menuItems"])
    menu[sec] = [{**x, "label": value} if n == i else x for n, x in enumerate(menu[sec])]
    plugin.package = PluginPackage.from_json({**data, "menuItems": menu})
    return f"Write the label of menu item {i + 1} of '{plugin.display_name}' as text: \"{value}\""


def _set_allow_unload(pkg: BrandingPackage, fix: Fix) -> str:
    """PD102's answer to ``"allowUnload": "false"`` (text): the switch as true or false. Read again
    from its JSON, as a name is (see :func:`_set_package_name`): the model holds no text there."""
    from .model import PluginPackage

    plugin = pkg.plugins[fix.args["plugin"]]
    assert plugin.package is not None
    value = bool(fix.args["value"])
    plugin.package = PluginPackage.from_json({**plugin.package.to_json(), "allowUnload": value})
    return f"Write allowUnload of '{plugin.display_name}' as {str(value).lower()}"


def _set_entry_enabled(pkg: BrandingPackage, fix: Fix) -> str:
    """PD102's answer to an entry's ``"enabled": "false"`` (text): the switch as true or false, the
    step named as the form's tick box names it."""
    plugin = pkg.plugins[fix.args["index"]]
    plugin.entry.enabled = bool(fix.args["value"])
    if plugin.entry.enabled:
        return f"Switch '{plugin.display_name}' on when the app starts"
    return f"Leave '{plugin.display_name}' off when the app starts"


def _set_package_version(pkg: BrandingPackage, fix: Fix) -> str:
    """PD102's answer to ``"version": null``: an empty version, as the form's Version shows it."""
    plugin = pkg.plugins[fix.args["plugin"]]
    assert plugin.package is not None
    plugin.package.version = fix.args["value"]
    return f"Write the version of '{plugin.display_name}' as {'empty text' if not fix.args['value'] else fix.args['value']}"


def _set_package_description(pkg: BrandingPackage, fix: Fix) -> str:
    """PD102's answer to a description written as a list of lines (the lines as one text), as null
    (an empty one) or as a number (its text)."""
    plugin = pkg.plugins[fix.args["plugin"]]
    assert plugin.package is not None
    plugin.package.description = fix.args["value"]
    return f"Write the description of '{plugin.display_name}' as {'one text' if fix.args['value'] else 'empty text'}"


def _make_menu_item(pkg: BrandingPackage, fix: Fix) -> str:
    """PD102's answer to a menu item written as text (``"record"``): an item of the icon, label
    and action the fix names (see ``checks.package._item_written_as_text``)."""
    from .model import MenuItem

    plugin = pkg.plugins[fix.args["plugin"]]
    assert plugin.package is not None and plugin.package.menu_items is not None
    (sec, i), value = fix.args["item"], fix.args["value"]
    plugin.package.menu_items[sec][i] = MenuItem(value["action"], value["icon"], value["label"])
    return f"Make menu item {i + 1} of '{plugin.display_name}' an item labelled '{value['label']}'"


def _set_item_action(pkg: BrandingPackage, fix: Fix) -> str:
    """PD505's answer to an item's action no function can be named (``"record()"``) beside a
    registered key spelt nearly so: each item of the plugin running it runs that key instead."""
    plugin = next(p for p in pkg.plugins if p.package_path == fix.args["package"])
    assert plugin.package is not None
    old, new = fix.args["old"], fix.args["new"]
    for _sec, _i, mi in plugin.package.items():
        if mi.action == old:
            mi.action = new
    return f"Change action '{old}' of '{plugin.display_name}' to '{new}'"


def _list_lone_item(pkg: BrandingPackage, fix: Fix) -> str:
    """PD102's answer to a placement holding one item with no square brackets around it
    (``"toolbar": {"icon": ...}``): that item, in a list, keys and all."""
    from .model import MenuItem

    plugin = pkg.plugins[fix.args["plugin"]]
    assert plugin.package is not None and plugin.package.menu_items is not None
    sec = fix.args["section"]
    item = plugin.package.raw["menuItems"][sec]
    plugin.package.menu_items[sec] = [MenuItem.from_json(item)]
    from .wording import PLACEMENT_NAMES

    return f"Put the {PLACEMENT_NAMES.get(sec, sec).lower()} of '{plugin.display_name}' in a list"


def _set_package_list(pkg: BrandingPackage, fix: Fix) -> str:
    """PD311's answer: 'Available to' or 'Loads in' in the app's words (``"host"`` -> ``["chair"]``).

    Why through the model's field: the save then rewrites only that value in the file (see
    :meth:`JsonDocument.apply`), every other byte of the package file stays as it was.
    """
    from .schemas import plain_key

    plugin = pkg.plugins[fix.args["plugin"]]
    assert plugin.package is not None
    key, value = fix.args["key"], list(fix.args["value"])
    if key == "participantRoles":
        plugin.package.participant_roles = value
    else:
        plugin.package.platforms = value
    return f"Write {plain_key('package', key)} of '{plugin.display_name}' in the app's words: {', '.join(value)}"


def _create_settings(pkg: BrandingPackage, fix: Fix) -> str:
    pkg.settings = Settings(raw={"plugins": []})
    pkg.plugins.clear()
    for rel in plugins_to_list(pkg):
        plugin = _load_plugin(pkg, SettingsEntry(src_url=rel, enabled=True))
        plugin.entry.id = (plugin.package.id if plugin.package else None) or rel.split("/")[1]
        pkg.plugins.append(plugin)
    return "Create settings.json"


def plugins_to_list(pkg: BrandingPackage) -> list[str]:
    """The plugin package files a settings.json made for ``pkg`` lists (see the create-settings fix).

    Why apart: the import's question says how many plugins that file will list before it is
    written, and it must count what the fix then writes."""
    return [
        rel
        for rel in pkg.files.names()
        if rel.startswith("plugins/") and (rel.endswith(".plugin.package.json") or rel.endswith("/plugin.json"))
    ]


def _list_package(pkg: BrandingPackage, fix: Fix) -> str:
    rel = fix.args["file"]
    if pkg.settings is None:
        pkg.settings = Settings(raw={"plugins": []})
    plugin = _load_plugin(pkg, SettingsEntry(src_url=rel, enabled=True))
    plugin.entry.id = (plugin.package.id if plugin.package else None) or rel.split("/")[1]
    pkg.plugins.append(plugin)
    return f"Add {rel} to the plugin list (settings.json)"


def _rename_settings_key(pkg: BrandingPackage, fix: Fix) -> str:
    """'plugin' (or 'Plugins', ...) becomes 'plugins' in its place, and its entries load as plugins.

    The model keeps the key's position (the new dict is built in the old order); on save
    :meth:`JsonDocument.apply` sees one name replaced by another in the same place and rewrites
    only the name, so the list keeps its layout and escapes instead of going to the end of the
    file re-serialised.
    """
    assert pkg.settings is not None
    old = fix.args["key"]
    raw = pkg.settings.raw
    pkg.settings.raw = {("plugins" if k == old else k): v for k, v in raw.items()}
    pkg.plugins[:] = _listed_plugins(pkg)
    return f"Rename the plugin list '{old}' to 'plugins' in settings.json"


def _rename_settings_entry_key(pkg: BrandingPackage, fix: Fix) -> str:
    """PD216's answer: a misspelt key of a plugin list entry ('Enabled') becomes the one the app
    reads, in its place, and the entry is read again with it (its value becomes the model's
    field). The key keeps its position, so the save rewrites only the name (see
    :func:`_rename_settings_key`)."""
    plugin = pkg.plugins[fix.args["index"]]
    old, new = fix.args["old"], fix.args["new"]
    renamed = {(new if k == old else k): v for k, v in plugin.entry.to_json().items()}
    plugin.entry = SettingsEntry.from_json(renamed)
    return f"Rename '{old}' to '{new}' in the entry of '{plugin.display_name}' in settings.json"


def _create_manifest(pkg: BrandingPackage, fix: Fix) -> str:
    pkg.manifest = Manifest(branding_id=new_branding_id(), is_settings_branded=True)
    return "Create manifest.json"


def _set_settings_branded(pkg: BrandingPackage, fix: Fix) -> str:
    assert pkg.manifest is not None
    pkg.manifest.is_settings_branded = True
    return "Mark the package as branded (isSettingsBranded)"


def _new_branding_id(pkg: BrandingPackage, fix: Fix) -> str:
    assert pkg.manifest is not None
    pkg.manifest.branding_id = new_branding_id(pkg.manifest.branding_id)
    return f"Set a new upload number (brandingID): {pkg.manifest.branding_id}"


def _set_settings_id(pkg: BrandingPackage, fix: Fix) -> str:
    entry = pkg.plugins[fix.args["index"]].entry
    old, entry.id = entry.id, fix.args["value"]
    return f"Change the id '{old}' in the plugin list (settings.json) to '{entry.id}'"


def _set_settings_enabled(pkg: BrandingPackage, fix: Fix) -> str:
    plugin = pkg.plugins[fix.args["index"]]
    plugin.entry.enabled = True
    return f"Switch '{plugin.display_name}' on when the app starts (enabled)"


def _set_settings_src(pkg: BrandingPackage, fix: Fix) -> str:
    plugin = pkg.plugins[fix.args["index"]]
    plugin.entry.src_url = fix.args["value"]
    pkg.plugins[fix.args["index"]] = _load_plugin(pkg, plugin.entry)
    return f"Load '{plugin.entry.id}' from the package file '{fix.args['value']}' (srcURL in settings.json)"


def _rename_plugin_id(pkg: BrandingPackage, fix: Fix) -> str:
    from .plugins import rename_plugin_id

    plugin = pkg.plugins[fix.args["index"]]
    places = rename_plugin_id(pkg, fix.args["index"], fix.args["value"])
    if plugin.entry.id != fix.args["value"]:  # the settings id was the clash, whatever the package says
        plugin.entry.id = fix.args["value"]
        places.append("settings.json")
    return f"Rename the id of '{plugin.display_name}' to '{fix.args['value']}' ({', '.join(places)})"


def _remove_settings_entry(pkg: BrandingPackage, fix: Fix) -> str:
    plugin = pkg.plugins.pop(fix.args["index"])
    return f"Remove the second '{plugin.entry.id}' from the plugin list (settings.json)"


def _set_icon_ref(pkg: BrandingPackage, fix: Fix) -> str:
    plugin = pkg.plugins[fix.args["plugin"]]
    assert plugin.package is not None and plugin.package.menu_items is not None
    item = plugin.package.menu_items[fix.args["section"]][fix.args["item"]]
    item.icon = fix.args["value"]
    # (named as the form's own icon step names it: one rule, see item_named)
    return f"Change icon of {item_named(item, fix.args['item'])} to '{item.icon}'"


def _add_svg_root_attribute(pkg: BrandingPackage, rel: str, name: str, value: str) -> None:
    """Insert ``name="value"`` right after ``<svg`` (or ``<prefix:svg``) of the root start tag.

    A textual edit leaves every other byte of the drawing as the author wrote it.
    """
    from .svgedit import set_root_attribute

    try:
        pkg.pending_texts[rel] = set_root_attribute(pkg.read_text(rel), name, value)
    except ValueError as exc:
        raise ValueError(f"{rel}: {exc}") from None


def _add_svg_root_id(pkg: BrandingPackage, fix: Fix) -> str:
    rel, new_id = fix.args["file"], fix.args["id"]
    _add_svg_root_attribute(pkg, rel, "id", new_id)
    return f"Add id '{new_id}' to {rel}"


def _sanitise_svg(pkg: BrandingPackage, fix: Fix) -> str:
    from .iconrefs import ids_in_use
    from .svg import sanitise_svg

    rel = fix.args["file"]
    text, lost = sanitise_svg(pkg.read_bytes(rel))
    if lost:
        used = ids_in_use(pkg, rel, text_bytes(text))
        lost = [i for i in lost if i in used]
    if lost:
        raise ValueError(f"sanitising {rel} would remove the ids {', '.join(lost)}")
    pkg.pending_texts[rel] = text
    return f"Sanitise {rel} (scripts, event handlers, outside links, DOCTYPE and entities removed)"


def _remove_svg_doctype(pkg: BrandingPackage, fix: Fix) -> str:
    """Only the DOCTYPE goes: comments, namespaces, the root tag's layout and the declared
    encoding stay byte for byte (the sanitiser would rewrite the whole file for it)."""
    from .svg import remove_doctype

    rel = fix.args["file"]
    try:
        pkg.pending_texts[rel] = remove_doctype(pkg.read_text(rel))
    except ValueError as exc:
        raise ValueError(f"{rel}: {exc}") from None
    return f"Remove the DOCTYPE of {rel}"


def _add_svg_viewbox(pkg: BrandingPackage, fix: Fix) -> str:
    rel, value = fix.args["file"], fix.args["value"]
    if not re.fullmatch(r"[0-9. -]+", value):
        raise ValueError(f"not a viewBox: {value!r}")
    _add_svg_root_attribute(pkg, rel, "viewBox", value)
    return f'Add viewBox="{value}" to {rel}'


def _registration(pkg: BrandingPackage, rel: str, keys_read: bool = True) -> tuple[bytes, Any]:
    """The one registerPlugin call of ``rel``; with ``keys_read`` False, also one whose other keys
    cannot be read (the id alone is changed then)."""
    from .jsanalysis import analyse

    data = pkg.read_bytes(rel)
    regs = analyse(data).registrations
    if len(regs) != 1 or (keys_read and regs[0].keys is None) or regs[0].open_brace < 0:
        raise ValueError(f"{rel}: no single registerPlugin({{...}}) call to edit")
    return data, regs[0]


def _set_register_id(pkg: BrandingPackage, fix: Fix) -> str:
    from .jstext import js_string

    rel, value = fix.args["file"], fix.args["value"]
    data, reg = _registration(pkg, rel, keys_read=False)
    if reg.id_span is None:
        raise ValueError(f"{rel}: the registered id is not a plain string")
    start, end = reg.id_span
    # In the quotes the code writes it in (a linter may ask for double quotes): only the id changes.
    quote = chr(data[start]) if data[start : start + 1] in (b"'", b'"', b"`") else "'"
    new = data[:start] + js_string(value, quote).encode("utf-8") + data[end:]
    pkg.pending_texts[rel] = new.decode("utf-8", "surrogatepass")
    return f"Change the id passed to registerPlugin in {rel} to '{value}'"


def _rename_registered_key(pkg: BrandingPackage, fix: Fix) -> str:
    """Rename one key of the object given to registerPlugin in place (``openHelpPag: openHelpPage``
    becomes ``openHelpPage: openHelpPage``): adding the right key beside the misspelt one left the
    typo behind as a key nothing uses."""
    from .jstext import is_identifier

    rel, old, new = fix.args["file"], fix.args["old"], fix.args["new"]
    if not is_identifier(new):
        raise ValueError(f"not a JavaScript name: {new!r}")
    data, reg = _registration(pkg, rel)
    key = reg.keys.get(old)
    if key is None:
        raise ValueError(f"{rel}: registerPlugin has no key {old!r} any more")
    if new in reg.keys:
        raise ValueError(f"{rel}: registerPlugin has {new!r} already")
    from .lineends import offset_of

    text = data.decode("utf-8", "surrogatepass")
    where = offset_of(text, key.line, key.column)  # lines as the analysis counts them (a lone CR ends one)
    if where is None:
        raise ValueError(f"{rel}: the key {old!r} is no longer at line {key.line}")
    at = len(text[:where].encode("utf-8", "surrogatepass"))
    name = old.encode("utf-8")
    quote = data[at : at + 1]
    start = at + 1 if quote in (b"'", b'"') else at
    if data[start : start + len(name)] != name or (
        start > at and data[start + len(name) : start + len(name) + 1] != quote
    ):
        raise ValueError(f"{rel}: the key {old!r} is no longer at line {key.line}")
    end = start + len(name) + (1 if start > at else 0)
    # A shorthand key ({ showInf }) names its value too: it becomes "showInfo: showInf", keeping
    # the function it registers (renamed alone it would name a function that is not there). Not a
    # method (showInf() {...}) nor a key given later (plugin.showInf = ...): they hold their own
    # function, and "showInfo: showInf() {" was a syntax error that stopped the whole plugin.
    shorthand = data[end:].lstrip()[:1] in (b",", b"}", b"")
    replacement = f"{new}: {old}" if shorthand else new
    data = data[:start] + replacement.encode("utf-8") + data[start + len(name) :]
    pkg.pending_texts[rel] = data.decode("utf-8", "surrogatepass")
    return f"Rename {old} to {new} in the registerPlugin call of {rel}"


def _add_registered_key(pkg: BrandingPackage, fix: Fix) -> str:
    """Insert ``key: value,`` (``key,`` in an object of shorthand keys) as the first entry of the
    object given to registerPlugin."""
    from .jstext import is_identifier, js_string

    rel, key = fix.args["file"], fix.args["key"]
    if not (is_identifier(key) or key == "state$"):
        raise ValueError(f"not a JavaScript name: {key!r}")
    if "string" in fix.args:
        from .snippets import code_style

        value = js_string(fix.args["string"], code_style(pkg.read_text(rel)).quote)  # (as the file writes its strings)
    elif fix.args.get("value"):
        value = fix.args["value"]
        if not (is_identifier(value) or value == "state$"):
            raise ValueError(f"not a JavaScript name: {value!r}")
    else:
        value = "function () {}"
    from .lineends import newline_of

    data, reg = _registration(pkg, rel)
    if key in reg.keys:
        return f"{key} is already registered in {rel}"
    at = reg.open_brace
    nl = newline_of(data)
    written = f"{key}: {value}"
    if value == key and is_identifier(key):
        # A function under its own name is written as the object's keys are: ``load`` among
        # shorthand keys (``{ id: 'x', unload }``), where ``load: load`` read as a slip.
        from .actionsync import _written_entry
        from .jsanalysis import parse_tree

        written = _written_entry(data, parse_tree(data), at, key)
    entry = f"{nl}{reg.indent}{written}," if reg.indent is not None else f" {written},"
    pkg.pending_texts[rel] = (data[:at] + entry.encode("utf-8") + data[at:]).decode("utf-8", "surrogatepass")
    return f"Register {key} in {rel}"


def _create_action(pkg: BrandingPackage, fix: Fix) -> str:
    """The form's *Create function*: a stub with the placement's parameters, registered."""
    from .actionsync import add_action_function

    rel, action = fix.args["file"], fix.args["action"]
    pkg.pending_texts[rel] = add_action_function(pkg.read_text(rel), action, fix.args.get("placement"))
    from .actionsync import create_function_title

    return f"{create_function_title(action)} in {rel}"


def _create_icon_file(pkg: BrandingPackage, fix: Fix) -> str:
    """A missing icon file made again, as a star with the id the menu item asks for: the button
    shows and the check passes, and the icon editor (or another icon) takes it from there."""
    from .newproject import placeholder_icon
    from .svgimport import is_valid_id

    rel, icon_id = fix.args["file"], fix.args["id"]
    if pkg.exists(rel):
        return f"{rel} exists already"
    if not is_valid_id(icon_id):
        raise ValueError(f"'{icon_id}' cannot be an SVG id")
    pkg.pending_texts[rel] = placeholder_icon(icon_id)
    return f"Create {rel} with a placeholder icon"


def _call_at(data: bytes, member: str, fix: Fix) -> Call | None:
    """The call of ``PEX.pluginAPI.<member>`` in ``data`` at the line and column the check gave
    ``fix``, or None when the file has none there any more."""
    from .jsanalysis import analyse

    at = (fix.args["line"], fix.args["column"])
    return next((c for c in analyse(data).calls if c.member == member and (c.line, c.column) == at), None)


def _expand_snippet(pkg: BrandingPackage, fix: Fix) -> str:
    """PD523's answer to a snippet's prefix left alone on a line (``preqmute``): the snippet
    written in its place, as Tab after the prefix writes it in the source editor (its defaults,
    the plugin's id, action and icon, the line's indentation, and the subscriptions array it
    needs when the file has none: see :func:`designer.core.snippets.lines_needed`)."""
    from .indentation import indent_unit
    from .jsanalysis import analyse
    from .lineends import lone_crs_as_lf, newline_of, with_lone_crs_of
    from .snippets import find_prefix, lines_needed, plugin_values, written_for

    rel, prefix = fix.args["file"], fix.args["prefix"]
    snippet = find_prefix(prefix)
    if snippet is None:
        raise ValueError(f"there is no snippet '{prefix}'")
    original = pkg.read_bytes(rel)
    data = lone_crs_as_lf(original)  # (the lines the checks count; written back with the CRs)
    at = (fix.args["line"], fix.args["column"])
    span = next((s for word, *place, s in analyse(data).lone_names if word == prefix and tuple(place) == at), None)
    if span is None:
        raise ValueError(f"{rel}: '{prefix}' is no longer alone on line {fix.args['line']}")
    start = data.rfind(b"\n", 0, span[0]) + 1
    indent = data[start : span[0]].decode("utf-8", "replace")
    plugin = next((p for p in pkg.plugins if p.source_path == rel), None)
    items = [(mi.action, mi.icon) for _s, _i, mi in plugin.package.items()] if plugin and plugin.package else []
    values = plugin_values(plugin.package.id if plugin and plugin.package else None, items)
    whole = data.decode("utf-8", "replace")
    following = data[span[1] :].decode("utf-8", "replace")
    line = data.count(b"\n", 0, span[0])
    text = written_for(
        snippet, whole, indent if not indent.strip() else "", indent_unit(whole), values, following, line=line
    ).text
    text = text.replace("\n", newline_of(data))  # (the file's line ends: LF alone in a CRLF file mixed them)
    _put_bytes(pkg, rel, data, span[0], span[1], text)
    source = pkg.pending_texts[rel]
    needed = lines_needed(snippet, source, data.count(b"\n", 0, span[0]), indent_unit(source))
    if needed:
        source = _with_lines(source, needed)
    pkg.pending_texts[rel] = with_lone_crs_of(original.decode("utf-8", "surrogatepass"), source)
    return f"Write the snippet '{snippet.name}' in {rel}"


def _declare_subscriptions(pkg: BrandingPackage, fix: Fix) -> str:
    """PD523's answer to ``subscriptions.push(...)`` (a snippet's code pasted) in a plugin that
    declares no such array: the array declared in the wrapper, released at the top of unload, as
    a snippet brings them (see :func:`designer.core.snippets.subscriptions_needed`)."""
    from .indentation import indent_unit
    from .lineends import lone_crs_as_lf, with_lone_crs_of
    from .snippets import no_place_for_subscriptions, subscriptions_needed

    rel = fix.args["file"]
    original = pkg.read_text(rel)
    source = lone_crs_as_lf(original)  # (the lines the checks count; written back with the CRs)
    needed = subscriptions_needed(source, fix.args["line"] - 1, indent_unit(source))
    if not needed:
        raise ValueError(f"{rel}: {no_place_for_subscriptions(source)}")
    written = _with_lines(source, needed)
    pkg.pending_texts[rel] = with_lone_crs_of(original, written)
    return f"Declare subscriptions in {rel}"


def _with_lines(source: str, needed: list[tuple[int, int, str]]) -> str:
    """``source`` with each (line number, column, text) of ``needed`` written there (the last in
    the file first, so that each place holds)."""
    lines = source.split("\n")
    for number, column, more in needed:
        lines[number] = lines[number][:column] + more + lines[number][column:]
    return "\n".join(lines)


def _put_bytes(pkg: BrandingPackage, rel: str, data: bytes, start: int, end: int, new: str) -> None:
    """``data`` (the bytes of ``rel``) with ``start:end`` written as ``new``, pending for the save."""
    pkg.pending_texts[rel] = (data[:start] + new.encode("utf-8") + data[end:]).decode("utf-8", "surrogatepass")


def _rename_api_member(pkg: BrandingPackage, fix: Fix) -> str:
    from .jsanalysis import API_MEMBERS

    rel, old, new = fix.args["file"], fix.args["old"], fix.args["new"]
    if new not in API_MEMBERS:
        raise ValueError(f"{new} is not a PEX.pluginAPI function")
    data = pkg.read_bytes(rel)
    call = _call_at(data, old, fix)
    if call is None or data[call.span[0] : call.span[1]] != old.encode("utf-8"):
        raise ValueError(f"{rel}: PEX.pluginAPI.{old} is no longer at line {fix.args['line']}")
    _put_bytes(pkg, rel, data, *call.span, new)
    return f"Use PEX.pluginAPI.{new} instead of {old} in {rel}"


def _set_call_argument(pkg: BrandingPackage, fix: Fix) -> str:
    """One argument of a PEX.pluginAPI call written again (PD532: a layout given as a text, a
    protocol in capitals), found where the check saw it and only while its text is the same."""
    rel, member, index = fix.args["file"], fix.args["member"], fix.args["argument"]
    data = pkg.read_bytes(rel)
    call = _call_at(data, member, fix)
    if call is None or index >= len(call.arg_spans):
        raise ValueError(f"{rel}: the call of {member} is no longer at line {fix.args['line']}")
    start, end = call.arg_spans[index]
    if data[start:end] != fix.args["old"].encode("utf-8"):
        raise ValueError(f"{rel}: {member}'s argument on line {fix.args['line']} has changed")
    _put_bytes(pkg, rel, data, start, end, fix.args["new"])
    return f"{fix.title} in {rel}"


def _set_svg_ref(pkg: BrandingPackage, fix: Fix) -> str:
    """Point url(#old) / href="#old" inside one SVG at the existing id that differs only in case."""
    rel, old, new = fix.args["file"], fix.args["old"], fix.args["new"]
    if old.lower() != new.lower():
        raise ValueError(f"'{new}' is not '{old}' in another letter case")
    from .iconrefs import apply_edits, svg_reference_edits  # the references a rename of the id changes

    text = pkg.read_text(rel)
    pkg.pending_texts[rel] = apply_edits(text, svg_reference_edits(text, old, new, with_id=False))
    return f"Use '#{new}' instead of '#{old}' in {rel}"


def _rename_pex_action(pkg: BrandingPackage, fix: Fix) -> str:
    from .jsanalysis import ACTIONS

    rel, old, new = fix.args["file"], fix.args["old"], fix.args["new"]
    if new not in ACTIONS:
        raise ValueError(f"{new} is not a PEX.actions event")
    text = pkg.read_text(rel)
    from .lineends import offset_of

    line, col = fix.args["line"], fix.args["column"]
    at = offset_of(text, line, col)  # lines as the analysis counts them (a lone CR ends one)
    if at is None:
        raise ValueError(f"{rel} has no line {line}")
    if text[at : at + len(old)] != old:
        raise ValueError(f"{rel}: PEX.actions.{old} is no longer at line {line}")
    pkg.pending_texts[rel] = text[:at] + new + text[at + len(old) :]
    return f"Use PEX.actions.{new} instead of {old} in {rel}"


def _remove_dead_duplicate(pkg: BrandingPackage, fix: Fix) -> str:
    """The ignored earlier copies of a name written twice go from the text; the file keeps its layout.

    The document is replaced, not edited: the old one stays in the undo step's snapshot (undo
    brings the copy back, also after a save). It is read afresh from the edited text, whose
    values are then the ones it writes again (see JsonDocument._known_text), not the text with
    the copy in it.
    """
    from .jsonfile import JsonDocument, split_pointer

    rel, pointer = fix.args["file"], fix.args["pointer"]
    name = split_pointer(pointer)[-1] if pointer else ""
    doc = pkg.docs.get(rel)
    if doc is None or not any(p == pointer for p, _ in doc.duplicates):
        return f"'{name}' is written only once in {rel}"
    edited = JsonDocument(doc.dumps())
    edited.remove_dead_duplicates(pointer)
    pkg.docs[rel] = JsonDocument(edited.dumps())
    return f"Remove the ignored earlier '{name}' from {rel}"


def _save_as_utf8(pkg: BrandingPackage, fix: Fix) -> str:
    """PD103's answer for a file in UTF-16 (Notepad's "Unicode"), or read as Windows-1252 when a
    person says so, and PD407's for an icon in the encoding it declares: the same text, as UTF-8;
    a JSON file is read again in place (settings.json's plugins come back), as one undo step."""
    from .lineends import utf16_text, windows_1252_text
    from .model import bytes_text, reread_json

    rel = fix.args["file"]
    data = pkg.read_bytes(rel)
    encoding = fix.args.get("encoding")
    if encoding == "declared":  # an icon in the encoding its <?xml ...?> names: that names UTF-8 now (PD407)
        from .svg import as_utf8_text

        converted = as_utf8_text(data)
        text = converted[0] if converted is not None else None
    else:
        text = windows_1252_text(data) if encoding == "cp1252" else utf16_text(data)
    if text is None:
        raise ValueError(f"{rel} cannot be read so any more: {fix.title}")
    if rel.lower().endswith(".json") and reread_json(pkg, rel, text) and rel in pkg.modelled_files():
        pkg.pending_texts.pop(rel, None)  # (the model writes it now, from the document just read)
    else:
        pkg.pending_texts[rel] = bytes_text(text.encode("utf-8", "surrogatepass"))
    return f"Save {rel} as UTF-8"


def _delete_file(pkg: BrandingPackage, fix: Fix) -> str:
    """A leftover file goes (to the project's trash on save, and undo brings it back)."""
    rel = fix.args["file"]
    pkg.pending_texts[rel] = None
    return f"Delete {rel}"


# What each slip's fixer says it did: "<this> on line 6 of settings.json" (for one slip, for more).
_SLIP_DONE = {
    "remove-trailing-comma": ("Remove the comma after the last entry",) * 2,
    "add-missing-comma": ("Add the missing comma", "Add the missing commas"),
    "use-double-quotes": ("Replace the single quotes with double quotes",) * 2,
    "straighten-quotes": ("Replace the curly quotes with straight quotes",) * 2,
    "remove-comments": ("Remove the comment", "Remove the comments"),
    "quote-names": ("Put the name in double quotes", "Put the names in double quotes"),
    "lowercase-constants": ("Write true, false and null in small letters",) * 2,
    "double-backslashes": ("Double the backslash", "Double the backslashes"),
    "add-missing-colon": ("Add the missing colon", "Add the missing colons"),
    "escape-tabs-and-line-breaks": (
        "Write the tab or line break as \\t or \\n",
        "Write the tabs and line breaks as \\t and \\n",
    ),
    "add-missing-bracket": ("Add the missing bracket",) * 2,
}


def _repair_slips(pkg: BrandingPackage, fix: Fix) -> str:
    """PD100's answer when a slip people make by hand (see :data:`_SLIP_DONE`) is the file's
    first mistake: the raw text loses that slip (and each slip of the same kind met next), every
    other byte stays, and the file is read again in place, so its plugins come back as one undo
    step. Several kinds of slip in one file are one Fix each, offered one after another.

    When another kind of mistake is left, the slips still go (they are certain) and the file
    keeps its PD100, now at that mistake: the text is saved as it is, for the person to finish.
    """
    from .jsonfile import repair_slips
    from .lineends import line_cols
    from .model import reread_json

    rel, kind = fix.args["file"], fix.kind
    old = pkg.read_text(rel)
    text, done, left = repair_slips(old, kind)
    if not done:
        raise ValueError(f"{rel} has no such mistake any more: {fix.title}")
    body = old[1:] if old.startswith("\ufeff") else old
    lines = sorted({line for line, _col in line_cols(body, [at for _, at in done])})  # (read once, not per repair)
    where = f"line {lines[0]}" if len(lines) == 1 else "lines " + ", ".join(map(str, lines[:-1])) + f" and {lines[-1]}"
    said = f"{_SLIP_DONE[kind][len(done) > 1]} on {where} of {rel}"
    if reread_json(pkg, rel, text) and rel in pkg.modelled_files():
        pkg.pending_texts.pop(rel, None)  # (the model writes it now, from the document just read)
        return said
    # A plugin found on disk while settings.json cannot be read is in no model: its text is saved as it is.
    pkg.pending_texts[rel] = text
    if left is None:
        return said
    return f"{said}; it still cannot be read: line {left.line}: {left.message}"


FIXERS: dict[str, Callable[[BrandingPackage, Fix], str]] = {
    **dict.fromkeys(_SLIP_DONE, _repair_slips),
    "remove-dead-duplicate": _remove_dead_duplicate,
    "delete-file": _delete_file,
    "save-as-utf8": _save_as_utf8,
    "set-svg-ref": _set_svg_ref,
    "rename-pex-action": _rename_pex_action,
    "set-call-argument": _set_call_argument,
    "sanitise-svg": _sanitise_svg,
    "remove-svg-doctype": _remove_svg_doctype,
    "add-svg-viewbox": _add_svg_viewbox,
    "set-register-id": _set_register_id,
    "add-registered-key": _add_registered_key,
    "rename-registered-key": _rename_registered_key,
    "create-action": _create_action,
    "rename-api-member": _rename_api_member,
    "expand-snippet": _expand_snippet,
    "declare-subscriptions": _declare_subscriptions,
    "create-settings": _create_settings,
    "list-package": _list_package,
    "rename-settings-key": _rename_settings_key,
    "rename-settings-entry-key": _rename_settings_entry_key,
    "create-manifest": _create_manifest,
    "set-settings-branded": _set_settings_branded,
    "new-branding-id": _new_branding_id,
    "set-settings-id": _set_settings_id,
    "set-settings-src": _set_settings_src,
    "set-settings-enabled": _set_settings_enabled,
    "remove-settings-entry": _remove_settings_entry,
    "rename-plugin-id": _rename_plugin_id,
    "set-package-src": _set_package_src,
    "set-icon-ref": _set_icon_ref,
    "add-svg-root-id": _add_svg_root_id,
    "create-icon-file": _create_icon_file,
    "make-hosts-only": _make_hosts_only,
    "set-package-list": _set_package_list,
    "rename-package-key": _rename_package_key,
    "remove-control-characters": _remove_control_characters,
    "set-allow-unload": _set_allow_unload,
    "set-entry-enabled": _set_entry_enabled,
    "set-package-version": _set_package_version,
    "set-item-label": _set_item_label,
    "make-menu-item": _make_menu_item,
    "list-lone-item": _list_lone_item,
    "set-item-action": _set_item_action,
    "set-package-description": _set_package_description,
    "set-package-name": _set_package_name,
}


def apply_fix(pkg: BrandingPackage, fix: Fix) -> str:
    """Apply one fix to the model; return a description for the undo stack / CLI output."""
    return FIXERS[fix.kind](pkg, fix)


_CREATE_FIXES = {
    "settings.json": Fix("create-settings", "Create settings.json"),
    "manifest.json": Fix("create-manifest", "Create manifest.json"),
}


def create_missing_files(root: Path, missing: list[str]) -> list[str]:
    """Write the ``missing`` settings.json and manifest.json of the project at ``root`` (a ZIP
    just imported without them, as a Management Node default download comes); what was done.

    Why here: the CLI's ``import --create-missing`` and the window's import make the same files.
    """
    from .files import not_a_file
    from .model import load, save

    pkg = load(root)
    # A folder (or pipe) of that name stays where it is: the file cannot be written over it, and
    # trying failed the whole import with "Is a directory" (the other file not made either).
    web = pkg.root if pkg.root is not None else root / "webapp2"
    done = [
        apply_fix(pkg, fix) for name, fix in _CREATE_FIXES.items() if name in missing and not_a_file(web / name) is None
    ]
    save(pkg)
    return done


def fix_all(pkg: BrandingPackage, run: Callable[[BrandingPackage], list[Problem]], rounds: int = 200) -> list[str]:
    """Apply fixes until none is left; a fix that is not for a ``batch`` (deleting a file) is
    left to a person. Returns what was done, in the order it was done.

    Each round applies, in the checks' order, every fix that touches nothing an earlier fix of
    the round touches (see :func:`_touches`), then checks again. Why not one fix per round:
    each round re-checks the whole package, and a package of 3,000 plugins with one slip each
    took minutes (and stopped after ``rounds`` fixes with most of them left). Why not every fix
    at once: a fix can change what the next one should be (indices shift when an entry goes,
    an id taken by one rename changes the next), so a fix that may touch what another reads
    waits for the next round, and a fix that may touch anything goes alone (but for runs of
    renames or removals of copies, see :func:`_run_of_one_kind`). The files written are the
    ones fixing one problem per round writes.
    """
    done: list[str] = []
    for _ in range(rounds):
        fixable = [p for p in run(pkg) if p.fix is not None and p.fix.batch]
        if not fixable:
            break
        chosen = _run_of_one_kind(pkg, fixable) or _independent(pkg, fixable)
        if chosen[0].fix.kind == "remove-settings-entry":  # type: ignore[union-attr]
            chosen.reverse()  # (the later entries first: each index still names its entry)
        taken: set[str] | None = None  # (the ids and folders, kept through a run of renames)
        for n, problem in enumerate(chosen):
            fix = problem.fix
            assert fix is not None
            if fix.kind == "rename-plugin-id" and len(chosen) > 1:
                if taken is None:
                    from .plugins import taken_keys

                    taken = taken_keys(pkg)
                if n:
                    fix = _rename_afresh(pkg, fix, taken)
            done.append(apply_fix(pkg, fix))
            if taken is not None and fix.kind == "rename-plugin-id":
                taken.add(clash_key(fix.args["value"]))  # (a rename adds its id; it moves no folder)
    return done


# Fixes that change the list of entries or the ids, which a run of them (see _run_of_one_kind)
# may still make together: each only for its own entry.
_RUNS = frozenset({"rename-plugin-id", "remove-settings-entry"})


def _run_of_one_kind(pkg: BrandingPackage, fixable: list[Problem]) -> list[Problem]:
    """The first fixes of ``fixable`` while they are all renames of plugins that share an id
    (PD202), or all removals of a plugin listed again (PD202), each for an entry and files of
    its own; empty when the first fix is of neither kind.

    Why: a package holding many copies of one plugin (a folder copied 300 times and listed,
    ids unchanged) took one round, a check of the whole package, for each copy, and stopped at
    ``rounds`` with the rest left. One at a time, the next problem after such a fix is the next
    copy's (settings.json's entries come in order and the fix adds no other), so a run of them
    is what one at a time does: a rename takes the id :func:`~designer.core.plugins.unique_id`
    gives once the earlier renames are made (see :func:`_rename_afresh`), and the removals go
    from the last entry back, so that each index still names the entry it was found on. Any
    other fix in between ends the run.
    """
    kind = fixable[0].fix.kind if fixable[0].fix is not None else None
    if kind not in _RUNS:
        return []
    chosen: list[Problem] = []
    touched: set[str] = set()
    for problem in fixable:
        fix = problem.fix
        index = fix.args.get("index") if fix is not None else None
        if fix is None or fix.kind != kind or not isinstance(index, int) or not 0 <= index < len(pkg.plugins):
            break
        plugin = pkg.plugins[index]
        keys = {f"entry:{index}"}
        if kind == "rename-plugin-id":  # (removals all name one package file: the first entry's, which stays)
            keys |= {f"plugin:{_home(plugin.package_path or plugin.key)}"}
            keys |= {f"file:{rel}" for rel in (plugin.package_path, plugin.source_path) if rel}
        if not touched.isdisjoint(keys):
            break
        chosen.append(problem)
        touched |= keys
    return chosen or fixable[:1]


def _rename_afresh(pkg: BrandingPackage, fix: Fix, taken: set[str]) -> Fix:
    """``fix`` (a rename of a plugin whose id another one has) with the new id its check would
    offer now that the earlier renames of the round are made: the one the check offered is the
    same for every copy (the first free one when it looked). ``taken``: the ids and folders now."""
    from .plugins import unique_id

    shared = pkg.plugins[fix.args["index"]].entry.id
    if not isinstance(shared, str) or not shared:
        raise ValueError(f"the plugin list's entry {fix.args['index']} has no id to rename")
    return Fix(fix.kind, fix.title, {**fix.args, "value": unique_id(pkg, shared, taken)}, fix.batch)


# Fixes that can change what any other fix would be: settings.json as a whole, the list of
# entries (indices move), every id and folder (a new unique id), which entry means which
# unlisted package file. (Runs of the two in _RUNS go together: see _run_of_one_kind.)
_ALONE = frozenset({"rename-settings-key", "remove-settings-entry", "rename-plugin-id"})
# Fixes of manifest.json's values, which no other fix reads: one of them a round.
_MANIFEST = frozenset({"create-manifest", "set-settings-branded", "new-branding-id"})
_WHOLE_FILES = frozenset({"settings.json", "manifest.json"})


def _independent(pkg: BrandingPackage, fixable: list[Problem]) -> list[Problem]:
    """The first of ``fixable`` and each later one that touches nothing an earlier one touches
    (applied or held back: held back, it comes first next round, as it would one at a time).

    A fix that may touch anything (:func:`_touches` says None) ends the round: alone when it
    is first, else first of the next round.
    """
    chosen: list[Problem] = []
    touched: set[str] = set()
    with pkg.unchanging():  # (nothing is applied before all are chosen)
        known = _Round(pkg)
        for problem in fixable:
            keys = _touches(pkg, problem, known)
            if keys is None:
                if not chosen:
                    chosen.append(problem)
                break
            if not chosen or touched.isdisjoint(keys):
                chosen.append(problem)
            touched |= keys
    return chosen


class _Round:
    """What :func:`_touches` looks up for every fix of a round, found once.

    ``ids``: each settings id (in any letter case) -> the entries with it. :meth:`meant`: the
    package file an entry whose srcURL finds nothing means, and the files that answer weighed
    (see :func:`~designer.core.checks.settings.meant_package_reads`); :meth:`weighing`: the
    entries that weighed a file.
    """

    def __init__(self, pkg: BrandingPackage) -> None:
        self.pkg = pkg
        self.ids: dict[str, list[int]] = {}
        for at, plugin in enumerate(pkg.plugins):
            if isinstance(plugin.entry.id, str):
                self.ids.setdefault(plugin.entry.id.casefold(), []).append(at)
        self._meant: list[tuple[str | None, frozenset[str]]] | None = None
        self._weighing: dict[str, set[int]] = {}

    def _find_meant(self) -> list[tuple[str | None, frozenset[str]]]:
        if self._meant is None:
            from .checks.settings import meant_package_reads

            self._meant = [meant_package_reads(self.pkg, at) for at in range(len(self.pkg.plugins))]
            for at, (_found, weighed) in enumerate(self._meant):
                for rel in weighed:
                    self._weighing.setdefault(rel, set()).add(at)
        return self._meant

    def meant(self, index: int) -> tuple[str | None, frozenset[str]]:
        return self._find_meant()[index]

    def weighing(self, rel: str) -> set[int]:
        self._find_meant()
        return self._weighing.get(rel, set())


def _touches(pkg: BrandingPackage, problem: Problem, known: _Round) -> frozenset[str] | None:
    """What the fix of ``problem`` reads or writes, and what the check that offers it read:
    files, the plugin (its settings entry and its files), settings entries and the ids set;
    None when it may touch anything.

    Kept on the safe side: a plugin gets one fix per round (a fix can raise the plugin's next
    problem), and an id is the business of one fix per round (two entries given one id would
    clash, where one at a time the second would have been given another). A fix that gives an
    entry an id another entry has goes alone: it makes a clash whose fix reads every id. A fix
    that makes a plugin load (listing its package, pointing its entry at it) touches the files
    the package names too: the plugin's problems with them come up only then.
    """
    fix = problem.fix
    assert fix is not None
    if fix.kind in _ALONE or fix.kind not in FIXERS:
        return None
    if fix.kind == "list-package":
        return _listing_touches(pkg, fix.args.get("file"), known)
    if fix.kind in _MANIFEST:
        return frozenset({"file:manifest.json"})
    if fix.kind == "create-settings":
        # It lists every package file it finds, so it goes with fixes of no plugin's files (the
        # manifest's): a missing settings.json and manifest.json are made in one round.
        plugin_files = [name for name in pkg.names() if name.startswith("plugins/")]
        return frozenset(
            {
                "file:settings.json",
                *(f"file:{rel}" for rel in plugin_files),
                *(f"plugin:{_home(rel)}" for rel in plugin_files),
            }
        )
    index = fix.args.get("index", fix.args.get("plugin"))
    if fix.args.get("file") in _WHOLE_FILES or (problem.file in _WHOLE_FILES and index is None):
        return None  # settings.json or manifest.json as a whole
    keys: set[str] = set()
    if problem.plugin and problem.file not in _WHOLE_FILES:  # (settings.json's: by the entry, below)
        keys.add(f"plugin:{_home(problem.file)}")  # (a folder: copies sharing an id are plugins of their own)
    for rel in (problem.file, fix.args.get("file")):
        if isinstance(rel, str) and rel and rel not in _WHOLE_FILES:
            keys.add(f"file:{rel}")
    if index is not None:
        if not isinstance(index, int) or not 0 <= index < len(pkg.plugins):
            return None
        plugin = pkg.plugins[index]
        keys |= {f"entry:{index}", f"plugin:{_home(plugin.package_path or plugin.key)}", f"file:{plugin.package_path}"}
        if fix.kind == "set-settings-id":
            first = problem.pointer == f"/plugins/{index}/id"  # (PD203's, or PD202's for this entry)
            return _id_touches(pkg, index, fix.args.get("value"), keys, known.ids, first)
        if fix.kind == "set-settings-src":
            return _pointing_touches(pkg, index, fix.args.get("value"), keys, known)
        if fix.kind == "set-icon-ref":
            value = fix.args.get("value")
            target = plugin.resolve(value.split("#", 1)[0]) if isinstance(value, str) else None
            keys.add(f"file:{target}")
    return frozenset(keys)


def _id_touches(
    pkg: BrandingPackage, index: int, new: object, keys: set[str], ids: dict[str, list[int]], first: bool
) -> frozenset[str] | None:
    """:func:`_touches` of giving entry ``index`` the id ``new``.

    Ids in the keys: ``set:X`` for giving an entry the id X, or asking whether an entry has
    it; ``free:X:k`` for entry k giving X up (whoever asks whether X is taken has one for each
    entry with it). Giving an entry its package's id (PD203, and PD202's fix for the entry it is
    about, ``first``) asks only whether that id is taken: copies of one plugin whose entries
    kept one id get theirs back together. PD202's fix for another entry with the shared id
    weighed all of them, and their packages' ids.
    """
    old = pkg.plugins[index].entry.id
    if not isinstance(old, str) or not isinstance(new, str):
        return None
    if len(ids.get(new.casefold(), ())) > (new.casefold() == old.casefold()):
        return None  # it makes a clash
    keys |= _asking(new, ids) | {f"free:{old.casefold()}:{index}"}
    own = pkg.plugins[index].package
    if first and own is not None and own.id == new:
        return frozenset(keys)
    keys |= _asking(old, ids)
    for at in ids.get(old.casefold(), ()):
        plugin = pkg.plugins[at]
        keys |= {f"entry:{at}", f"plugin:{_home(plugin.package_path or plugin.key)}"}
        other = plugin.package.id if plugin.package is not None else None
        if isinstance(other, str):
            keys |= _asking(other, ids)
    return frozenset(keys)


def _home(rel: str) -> str:
    """The plugin folder (plugins/<name>) a file is in; the file itself when it is in none."""
    parts = rel.split("/")
    return "/".join(parts[:2]) if len(parts) > 2 and parts[0] == "plugins" else rel


def _asking(value: str, ids: dict[str, list[int]]) -> set[str]:
    """The keys of asking whether an entry has the id ``value`` (see :func:`_id_touches`)."""
    folded = value.casefold()
    return {f"set:{folded}", *(f"free:{folded}:{at}" for at in ids.get(folded, ()))}


def _pointing_touches(
    pkg: BrandingPackage, index: int, value: object, keys: set[str], known: _Round
) -> frozenset[str] | None:
    """:func:`_touches` of pointing entry ``index`` at the package file ``value``: that file
    and what it names, and, when it is an unlisted file the entry means, the files that answer
    weighed; alone when another entry weighed one of them too (its answer could change)."""
    plugin = pkg.plugins[index]
    if not isinstance(value, str) or plugin.package_path is None:
        return None
    if value != pkg.case_match(plugin.package_path):  # not just the file's own spelling (PD204)
        meant, weighed = known.meant(index)
        if meant != value or any(known.weighing(rel) != {index} for rel in weighed):
            return None
        keys |= {f"unlisted:{rel}" for rel in weighed}
    named = _named_files(pkg, value)
    if named is None:
        return None
    keys |= {f"file:{value}", *(f"file:{rel}" for rel in named)}
    return frozenset(keys)


def _listing_touches(pkg: BrandingPackage, rel: object, known: _Round) -> frozenset[str] | None:
    """:func:`_touches` of listing the package file ``rel`` in settings.json: the file, what it
    names, and the id the new entry gets (its package's, else its folder's); alone when an
    entry has that id, or when an entry weighed the file to find the one it means.

    Listings may go together: each adds its entry at the end, in the order one at a time would.
    """
    if not isinstance(rel, str) or rel.count("/") < 2 or known.weighing(rel):
        return None
    data = _package_json(pkg, rel)  # (not loaded: settings.json does not list it)
    if data is None:
        return None
    own = data.get("id")
    if own is not None and not isinstance(own, str):
        return None
    wanted = {x.casefold() for x in (own, rel.split("/")[1]) if x}
    named = _named_files(pkg, rel, data)
    if not wanted.isdisjoint(known.ids) or named is None:
        return None
    return frozenset(
        {
            f"file:{rel}",
            f"unlisted:{rel}",
            *(f"file:{name}" for name in named),
            *(f"set:{i}" for i in wanted),
            f"plugin:{_home(rel)}",
        }
    )


def _package_json(pkg: BrandingPackage, rel: str) -> dict[str, Any] | None:
    """The package file ``rel`` as a JSON object; None when it cannot be read as one."""
    from .jsonfile import JsonDocument

    try:
        data = JsonDocument(pkg.read_text(rel)).data
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _named_files(pkg: BrandingPackage, rel: str, data: dict[str, Any] | None = None) -> set[str] | None:
    """The files the package file ``rel`` names (its source, its icons), as package paths;
    None when it cannot be read as a package. ``data``: its JSON when the caller has read it."""
    from .model import Plugin, PluginPackage

    if data is None:
        data = _package_json(pkg, rel)
        if data is None:
            return None
    try:
        plugin = Plugin(SettingsEntry(src_url=rel, enabled=True), PluginPackage.from_json(data), rel)
        named = {plugin.source_path}
        for items in (plugin.package.menu_items or {}).values() if plugin.package else ():
            for item in items:
                if isinstance(item.icon, str):
                    named.add(plugin.resolve(item.icon.partition("#")[0]))
    except (TypeError, ValueError, AttributeError):
        return None
    return {name for name in named if name}
