"""Round-trip fidelity of saved JSON in the cases a tester found broken.

A save after an edit changes only the edited values: a member written twice is edited where it
counts, a moved element keeps its own text, a renamed key stays in its place, and undoing back to
an earlier version of a file writes that version's text again (escapes, number spelling, layout).
"""

from __future__ import annotations

import json
from pathlib import Path

from conftest import snapshot
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLineEdit, QListWidget, QPushButton
from test_editing import retype, select_plugin, tick

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


def _one_plugin(tmp_path: Path, package_text: str) -> Path:
    """A project of one plugin 'a' whose package file is ``package_text``."""
    return write(
        tmp_path,
        {
            "manifest.json": MANIFEST,
            "settings.json": '{"plugins": [{"id": "a", "srcURL": "plugins/a/a.plugin.package.json", "enabled": true}]}\n',
            "plugins/a/a.plugin.package.json": package_text,
            "plugins/a/a.plugin.js": SCRIPT % "a",
        },
    )


def test_changing_the_placement_with_menu_items_written_twice_keeps_the_items(tmp_path: Path) -> None:
    """The package's menuItems written twice: the new placement went into the dead first copy and
    the reloaded plugin had no buttons."""
    text = (
        '{\n  "id": "a",\n  "name": "A",\n  "version": 1,\n  "srcURL": "a.plugin.js",\n  "allowUnload": true,\n'
        '  "platforms": ["web"],\n  "participantRoles": ["chair"],\n'
        '  "menuItems": {"toolbar": [{"label": "Old", "action": "go"}]},\n'
        '  "menuItems": {"conference": [{"label": "Go", "action": "go"}]}\n}\n'
    )
    root = _one_plugin(tmp_path, text)
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
    root = _one_plugin(tmp_path, text)
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


# -- a moved element keeps its own text ----------------------------------------------------------


def test_a_moved_element_keeps_its_own_text() -> None:
    """Moved elements were written with json.dumps: a multi-line entry on one line, escapes
    decoded, 1e3 as 1000.0."""
    a = '{"id": "a", "enabled": true}'
    b = '{\r\n\t\t\t"id": "b",\r\n\t\t\t"comment": "\\u00fcber",\r\n\t\t\t"order": 1e3\r\n\t\t}'
    text = '{\r\n\t"plugins": [\r\n\t\t' + a + ",\r\n\t\t" + b + "\r\n\t]\r\n}"
    doc = JsonDocument(text)
    old = json.loads(text)["plugins"]
    doc.apply({"plugins": [old[1], old[0]]})
    assert doc.dumps() == '{\r\n\t"plugins": [\r\n\t\t' + b + ",\r\n\t\t" + a + "\r\n\t]\r\n}"


def test_plugin_move_down_keeps_both_settings_entries_as_written(window, qtbot, tmp_path: Path) -> None:
    entry_b = (
        '\t\t{\r\n\t\t\t"id": "b",\r\n\t\t\t"srcURL": "plugins/b/b.plugin.package.json",\r\n\t\t\t"enabled": false,\r\n'
        '\t\t\t"comment": "\\u00fcber",\r\n\t\t\t"order": 1e3\r\n\t\t}'
    )
    entry_a = '\t\t{"id": "a", "srcURL": "plugins/a/a.plugin.package.json", "enabled": true}'
    settings = '{\r\n\t"plugins": [\r\n%s,\r\n%s\r\n\t]\r\n}'
    files = {"manifest.json": MANIFEST, "settings.json": settings % (entry_a, entry_b)}
    for p in "ab":
        files |= {f"plugins/{p}/{p}.plugin.package.json": package(p), f"plugins/{p}/{p}.plugin.js": SCRIPT % p}
    root = write(tmp_path, files)
    window.open_path(root)
    select_plugin(window, qtbot, 0)
    window.plugin_actions["down"].trigger()  # Plugin > Move Down
    qtbot.keySequence(window, "Ctrl+S")
    assert (root / "webapp2/settings.json").read_bytes().decode() == settings % (entry_b, entry_a)


def test_menu_item_move_up_keeps_the_items_as_written(window, qtbot, tmp_path: Path) -> None:
    first = '{"label": "First", "action": "go"}'
    second = '{\n        "label": "Caf\\u00e9 \\/ Bar",\n        "action": "go",\n        "weight": 1.10\n      }'
    text = package("a").replace('"menuItems": {}', '"menuItems": {"toolbar": [\n      %s,\n      %s\n    ]}')
    root = write(
        tmp_path,
        {
            "manifest.json": MANIFEST,
            "settings.json": '{"plugins": [{"id": "a", "srcURL": "plugins/a/a.plugin.package.json", "enabled": true}]}\n',
            "plugins/a/a.plugin.package.json": text % (first, second),
            "plugins/a/a.plugin.js": SCRIPT % "a",
        },
    )
    window.open_path(root)
    select_plugin(window, qtbot, 0)
    window.findChild(QListWidget, "menuItemsList").setCurrentRow(1)
    qtbot.mouseClick(window.findChild(QPushButton, "moveUpButton"), Qt.MouseButton.LeftButton)
    qtbot.keySequence(window, "Ctrl+S")
    assert (root / "webapp2/plugins/a/a.plugin.package.json").read_text() == text % (second, first)


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
    assert "Rename the plugin list 'Plugins' to 'plugins' in settings.json" in fix_all(pkg, run_checks)
    save(pkg)
    assert (root / "webapp2/settings.json").read_bytes().decode() == settings.replace('"Plugins"', '"plugins"')


def test_a_key_replaced_in_the_same_place_is_renamed_there() -> None:
    text = '{\n  "a": 1,\n  "old": {"x": 1e3, "s": "\\u00e9"},\n  "z": 2\n}\n'
    doc = JsonDocument(text)
    doc.apply({"a": 1, "new": {"x": 1000.0, "s": "é"}, "z": 2})
    assert doc.dumps() == text.replace('"old"', '"new"')
    doc.apply({"a": 1, "z": 2, "added": 3})  # not a rename: removed, and the new member goes last
    assert json.loads(doc.dumps()) == {"a": 1, "z": 2, "added": 3}


# -- undo back to an earlier version writes that version's text -----------------------------------


def test_values_brought_back_are_written_as_the_file_had_them() -> None:
    text = (
        '{\n  "name": "Caf\\u00e9 \\/ Bar",\n  "version": 1.10,\n  "platforms": ["web", "electron"],\n'
        '  "list": [\n    {"n": "\\u00fc", "x": 1e3},\n    {"n": 2}\n  ]\n}\n'
    )
    original = json.loads(text)
    doc = JsonDocument(text)
    doc.apply({"name": "X", "version": 2, "platforms": [], "list": [{"n": 2}]})
    doc.apply(original)  # undo everything
    assert doc.dumps() == text
    doc.apply({"name": "X", "version": 2, "platforms": [], "list": [{"n": 2}]})
    doc.apply({**original, "name": "X"})  # undo all but the first edit
    assert doc.dumps() == text.replace('"Caf\\u00e9 \\/ Bar"', '"X"')


def test_undo_past_a_save_gives_the_original_bytes_back(window, qtbot, tmp_path: Path) -> None:
    """Undo and redo swap model snapshots; the JSON written for the restored model used to be a
    re-serialisation ("Caf\\u00e9 \\/ Bar" became "Café / Bar", 1.10 became 1.1)."""
    root = write(
        tmp_path,
        {
            "manifest.json": MANIFEST,
            "settings.json": '{\n  "plugins": [\n'
            '    {"id": "a", "srcURL": "plugins/a/a.plugin.package.json", "enabled": true},\n'
            '    {"id": "b", "srcURL": "plugins/b/b.plugin.package.json", "enabled": true, "note": "caf\\u00e9"}\n'
            "  ]\n}\n",
            "plugins/a/a.plugin.package.json": '{\n  "id": "a",\n  "name": "Caf\\u00e9 \\/ Bar",\n  "version": 1.10,\n'
            '  "srcURL": "a.plugin.js",\n  "allowUnload": true,\n  "platforms": ["web", "electron"],\n'
            '  "participantRoles": ["chair"],\n  "menuItems": {}\n}\n',
            "plugins/b/b.plugin.package.json": package("b"),
            "plugins/a/a.plugin.js": SCRIPT % "a",
            "plugins/b/b.plugin.js": SCRIPT % "b",
        },
    )
    before = snapshot(root)
    window.open_path(root)
    select_plugin(window, qtbot, 0)
    retype(qtbot, window.findChild(QLineEdit, "nameEdit"), "X")
    retype(qtbot, window.findChild(QLineEdit, "versionEdit"), "2")
    tick(qtbot, window.findChild(QCheckBox, "platform_web"))
    tick(qtbot, window.findChild(QCheckBox, "platform_electron"))
    select_plugin(window, qtbot, 1)
    window.plugin_actions["remove"].trigger()
    qtbot.keySequence(window, "Ctrl+S")
    assert snapshot(root) != before
    stack = window.editor.undo_stack
    while stack.canUndo():  # Edit > Undo to the start
        stack.undo()
    qtbot.keySequence(window, "Ctrl+S")
    after = {k: v for k, v in snapshot(root).items() if ".plugin-designer" not in k}
    assert after == before


values = st.recursive(
    st.none() | st.booleans() | st.integers(-1000, 1000) | st.floats(allow_nan=False, allow_infinity=False)
    | st.text("aé/ü\"\\", max_size=4),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text("ab", max_size=2), children, max_size=3),
    max_leaves=10,
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(
    old=st.dictionaries(st.text("abc", max_size=3), values, max_size=4),
    edits=st.lists(values, min_size=1, max_size=3),
    indent=st.sampled_from([2, "\t", None]),
)
def test_any_edits_undone_give_the_text_as_read(old, edits, indent) -> None:
    """Escapes (ensure_ascii, \\/), number spelling and layout come back after any edits."""
    text = json.dumps(old, indent=indent).replace("/", "\\/")
    doc = JsonDocument(text)
    for value in edits:
        doc.apply(value)
        assert json.loads(doc.dumps()) == value
    doc.apply(json.loads(text))
    assert doc.dumps() == text


@settings(max_examples=200, deadline=None)
@given(
    items=st.lists(values, min_size=2, max_size=5, unique_by=lambda v: json.dumps(v, sort_keys=True)),
    order=st.randoms(use_true_random=False),
    indent=st.sampled_from([4, None]),
)
def test_moved_elements_keep_their_text(items, order, indent) -> None:
    text = json.dumps({"items": items}, indent=indent).replace("/", "\\/")
    moved = list(items)
    order.shuffle(moved)
    doc = JsonDocument(text)
    doc.apply({"items": moved})
    out = doc.dumps()
    assert json.loads(out) == {"items": moved}
    original = JsonDocument(text)
    for i in range(len(items)):
        sp = original.span(f"/items/{i}")
        assert original.text[sp.start : sp.end] in out


# -- JSON null where an object belongs: reported, and kept as written ---------------------------


def test_a_null_settings_json_is_reported_and_survives_an_export(tmp_path: Path) -> None:
    """null was read as {}: no problem was reported (a list or a number was), and the export
    wrote '{}' in its place."""
    from designer.core.export import export_package

    root = write(tmp_path, {"manifest.json": MANIFEST, "settings.json": "null"})
    found = [p for p in run_checks(load(root)) if p.code == "PD102"]
    assert [(p.file, p.line, p.column) for p in found] == [("settings.json", 1, 1)]
    assert "it is null" in found[0].message
    export_package(root, tmp_path / "out.zip", force=True)
    assert (root / "webapp2/settings.json").read_text() == "null"


def test_null_entries_stay_null_when_another_is_edited(tmp_path: Path) -> None:
    """A null settings entry or menu item became {} in the file at the next save of that file."""
    settings = '{"plugins": [null, {"id": "a", "srcURL": "plugins/a/a.plugin.package.json", "enabled": true}]}\n'
    menu = {"toolbar": [None, {"label": "Go", "action": "go"}]}
    root = _one_plugin(tmp_path, package("a", menuItems=menu))
    (root / "webapp2/settings.json").write_text(settings)
    pkg = load(root)
    found = {(p.file, p.pointer) for p in run_checks(pkg) if p.code == "PD102"}
    assert ("settings.json", "/plugins/0") in found
    assert ("plugins/a/a.plugin.package.json", "/menuItems/toolbar/0") in found
    plugin = pkg.plugins[1]
    plugin.entry.enabled = False
    plugin.package.name = "Renamed"
    save(pkg)
    assert (root / "webapp2/settings.json").read_text() == settings.replace("true", "false")
    saved = json.loads((root / "webapp2/plugins/a/a.plugin.package.json").read_text())
    assert saved["name"] == "Renamed" and saved["menuItems"] == menu


def test_an_id_with_a_lone_surrogate_is_written_as_its_escape(tmp_path: Path) -> None:
    """'"rec-\\ud800"' is valid JSON; the fixes that copy the id into settings.json and into
    registerPlugin wrote the raw surrogate, which no UTF-8 encoder takes: --fix and the Fix
    buttons stopped with a UnicodeEncodeError."""
    root = _one_plugin(tmp_path, package("a").replace('"id": "a"', '"id": "a-\\ud800"'))
    # (the code registering a third id: with the list's, the package file is the odd one out, and
    # the fixes give it the list's id instead of copying its own into the two others)
    script = root / "webapp2/plugins/a/a.plugin.js"
    script.write_text(SCRIPT % "b")
    pkg = load(root)
    assert {"PD203", "PD504"} <= {p.code for p in run_checks(pkg)}
    fix_all(pkg, run_checks)
    save(pkg)
    assert '"id": "a-\\ud800"' in (root / "webapp2/settings.json").read_text()
    assert "id:'a-\\ud800'" in (root / "webapp2/plugins/a/a.plugin.js").read_text()
    assert not {"PD203", "PD504"} & {p.code for p in run_checks(load(root))}


def test_a_save_leaves_a_settings_json_that_is_a_list_as_it_was(tmp_path: Path) -> None:
    """settings.json holding a list: a save of another file made the list the model's object, and
    the checks after it (the window runs them at once) stopped with an AttributeError."""
    root = write(tmp_path, {"manifest.json": MANIFEST, "settings.json": "[1, 2]\n"})
    pkg = load(root)
    pkg.manifest.branding_id = 5
    assert save(pkg) == ["manifest.json"]
    assert [p.file for p in run_checks(pkg) if p.code == "PD102"] == ["settings.json"]
    assert (root / "webapp2/settings.json").read_text() == "[1, 2]\n"
