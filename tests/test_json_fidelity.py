"""Round-trip fidelity of saved JSON in the cases a tester found broken.

A save after an edit changes only the edited values: a member written twice is edited where it
counts, a moved element keeps its own text, a renamed key stays in its place, and undoing back to
an earlier version of a file writes that version's text again (escapes, number spelling, layout).
"""

from __future__ import annotations

import json
from pathlib import Path

from designer.core.checks import run_checks
from designer.core.fixes import fix_all
from designer.core.jsonfile import JsonDocument
from designer.core.model import MenuItem, load, save

SCRIPT = "(function(){function go(){}PEX.pluginAPI.registerPlugin({id:'%s',load:function(){},unload:function(){},go:go});})();\n"
MANIFEST = '{"brandingID": 1, "isSettingsBranded": true}\n'


def write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / "webapp2" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    return root


def package(pid: str, **extra: object) -> str:
    raw = {"id": pid, "name": pid.upper(), "version": 1, "srcURL": f"{pid}.plugin.js", "allowUnload": True}
    raw |= {"platforms": ["web"], "participantRoles": ["chair"], "menuItems": {}} | extra
    return json.dumps(raw, indent=2) + "\n"


# -- a member written twice: the last occurrence is the one that counts -------------------------


def test_an_edit_inside_a_duplicated_member_goes_to_the_last_occurrence() -> None:
    """The spans of the dead first copy used to stay known: a member only it had was patched
    there, and the live copy did not get it."""
    text = '{\n  "m": {"toolbar": [1]},\n  "m": {"conference": [2]}\n}\n'
    doc = JsonDocument(text)
    doc.apply({"m": {"conference": [2], "toolbar": [3]}})
    assert json.loads(doc.dumps()) == {"m": {"conference": [2], "toolbar": [3]}}
    assert doc.dumps() == text.replace('"conference": [2]', '"conference": [2], "toolbar": [3]')


def test_removing_a_duplicated_member_removes_every_occurrence() -> None:
    doc = JsonDocument('{"a": 1, "b": 2, "a": 3}')
    doc.apply({"b": 2})  # removing only the live "a" would bring the dead one back
    assert json.loads(doc.dumps()) == {"b": 2}
    doc = JsonDocument('{"a": 1, "b": 2, "a": 3}')
    doc.apply({"a": 3})  # "b" sits between the two "a" (the parsed key order is a, b)
    assert json.loads(doc.dumps()) == {"a": 3}
    assert doc.dumps() == '{"a": 1, "a": 3}'


def test_changing_the_placement_with_menu_items_written_twice_keeps_the_items(tmp_path: Path) -> None:
    """The package's menuItems written twice: the new placement went into the dead first copy and
    the reloaded plugin had no buttons."""
    text = (
        '{\n  "id": "a",\n  "name": "A",\n  "version": 1,\n  "srcURL": "a.plugin.js",\n  "allowUnload": true,\n'
        '  "platforms": ["web"],\n  "participantRoles": ["chair"],\n'
        '  "menuItems": {"toolbar": [{"label": "Old", "action": "go"}]},\n'
        '  "menuItems": {"conference": [{"label": "Go", "action": "go"}]}\n}\n'
    )
    root = write(
        tmp_path,
        {
            "manifest.json": MANIFEST,
            "settings.json": '{"plugins": [{"id": "a", "srcURL": "plugins/a/a.plugin.package.json", "enabled": true}]}\n',
            "plugins/a/a.plugin.package.json": text,
            "plugins/a/a.plugin.js": SCRIPT % "a",
        },
    )
    pkg = load(root)
    pp = pkg.plugins[0].package
    pp.menu_items = {"toolbar": pp.menu_items["conference"]}
    save(pkg)
    saved = (root / "webapp2/plugins/a/a.plugin.package.json").read_text()
    assert load(root).plugins[0].package.raw["menuItems"] == {"toolbar": [{"label": "Go", "action": "go"}]}
    assert saved == text.replace('"menuItems": {"conference"', '"menuItems": {"toolbar"')


def test_a_placement_added_with_menu_items_written_twice_is_saved(tmp_path: Path) -> None:
    """Only the dead first copy of menuItems had a "toolbar" list: the toolbar items were written
    into it, and the reloaded plugin had no toolbar button."""
    text = package("a").replace(
        '"menuItems": {}',
        '"menuItems": {"toolbar": [{"label": "Old", "action": "go"}]},\n'
        '  "menuItems": {"conference": [{"label": "Go", "action": "go"}]}',
    )
    root = write(
        tmp_path,
        {
            "manifest.json": MANIFEST,
            "settings.json": '{"plugins": [{"id": "a", "srcURL": "plugins/a/a.plugin.package.json", "enabled": true}]}\n',
            "plugins/a/a.plugin.package.json": text,
            "plugins/a/a.plugin.js": SCRIPT % "a",
        },
    )
    pkg = load(root)
    items = pkg.plugins[0].package.menu_items
    items["toolbar"] = [MenuItem(label="Bar", action="go")]
    save(pkg)
    assert load(root).plugins[0].package.raw["menuItems"] == {
        "conference": [{"label": "Go", "action": "go"}],
        "toolbar": [{"label": "Bar", "action": "go"}],
    }
    assert (
        '"toolbar": [{"label": "Old", "action": "go"}]'
        in (root / "webapp2/plugins/a/a.plugin.package.json").read_text()
    )


# -- a renamed key stays where it is --------------------------------------------------------------


def test_fix_renames_plugins_key_in_its_place(tmp_path: Path) -> None:
    """check --fix "Rename 'Plugins' to 'plugins'" used to move the list to the end of the file,
    on one line, with its escapes decoded."""
    settings = (
        '{\r\n\t"Plugins": [\r\n\t\t{\r\n\t\t\t"id": "a",\r\n\t\t\t"srcURL": "plugins/a/a.plugin.package.json",\r\n'
        '\t\t\t"enabled": true,\r\n\t\t\t"note": "caf\\u00e9"\r\n\t\t}\r\n\t],\r\n\t"theme": {"dark": true}\r\n}\r\n'
    )
    root = write(
        tmp_path,
        {
            "manifest.json": MANIFEST,
            "settings.json": settings,
            "plugins/a/a.plugin.package.json": package("a"),
            "plugins/a/a.plugin.js": SCRIPT % "a",
        },
    )
    pkg = load(root)
    assert "Rename 'Plugins' to 'plugins' in settings.json" in fix_all(pkg, run_checks)
    save(pkg)
    assert (root / "webapp2/settings.json").read_bytes().decode() == settings.replace('"Plugins"', '"plugins"')


def test_a_key_replaced_in_the_same_place_is_renamed_there() -> None:
    text = '{\n  "a": 1,\n  "old": {"x": 1e3, "s": "\\u00e9"},\n  "z": 2\n}\n'
    doc = JsonDocument(text)
    doc.apply({"a": 1, "new": {"x": 1000.0, "s": "é"}, "z": 2})
    assert doc.dumps() == text.replace('"old"', '"new"')
    doc.apply({"a": 1, "z": 2, "added": 3})  # not a rename: removed, and the new member goes last
    assert json.loads(doc.dumps()) == {"a": 1, "z": 2, "added": 3}
