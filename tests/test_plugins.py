"""Whole-plugin edits in the core: add, duplicate, remove, reorder; nothing on disk until save."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import snapshot

from designer.core.checks import run_checks
from designer.core.jsanalysis import analyse
from designer.core.model import load, save
from designer.core.plugins import add_plugin, duplicate_plugin, move_plugin, remove_plugin, unique_id


def test_add_plugin_is_checked_before_it_is_saved_and_written_on_save(base_project: Path) -> None:
    before = snapshot(base_project)
    pkg = load(base_project)
    plugin = add_plugin(pkg, "Say hello")
    assert plugin.entry.id == "say-hello" and plugin.package_path == "plugins/say-hello/say-hello.plugin.package.json"
    assert snapshot(base_project) == before  # nothing written yet
    assert run_checks(pkg) == []  # the unsaved files count for the checks
    written = save(pkg)
    assert written == [
        "plugins/say-hello/icon.svg",
        "plugins/say-hello/say-hello.plugin.js",
        "plugins/say-hello/say-hello.plugin.package.json",
        "settings.json",
    ]
    reloaded = load(base_project)
    assert [p.entry.id for p in reloaded.plugins] == ["rec-1.0", "say-hello"]
    assert run_checks(reloaded) == []


def test_unique_ids_never_clash_with_ids_or_folders(base_project: Path) -> None:
    pkg = load(base_project)
    assert unique_id(pkg, "rec") == "rec-2"  # the folder plugins/rec exists
    assert unique_id(pkg, "Rec 1.0") == "rec-1-0"
    add_plugin(pkg, "Hello")
    assert unique_id(pkg, "hello") == "hello-2"


def test_a_new_plugin_never_takes_a_folder_that_differs_only_in_case(base_project: Path) -> None:
    """A recipe "Raised hands" beside a hand-made `Raised-Hands/` folder went into `raised-hands/`:
    one folder on Windows and macOS (its files written over the other's), and an export refused."""
    folder = base_project / "webapp2" / "plugins" / "Raised-Hands"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    pkg = load(base_project)
    plugin = add_plugin(pkg, "Raised hands")
    assert plugin.entry.id == "raised-hands-2" and plugin.folder == "plugins/raised-hands-2"


def test_duplicate_renames_the_id_everywhere(example_project: Path) -> None:
    pkg = load(example_project)
    copy = duplicate_plugin(pkg, 0)
    assert copy.entry.id == copy.package.id == "lock-toggle-copy"
    assert copy.package.name == "Lock toggle (copy)"
    assert copy.folder == "plugins/lock-toggle-copy"
    info = analyse(pkg.read_bytes(copy.source_path))
    assert info.registrations[0].id_value == "lock-toggle-copy"
    assert run_checks(pkg) == []
    save(pkg)
    web = example_project / "webapp2" / "plugins"
    assert sorted(p.name for p in (web / "lock-toggle-copy").iterdir()) == sorted(
        p.name for p in (web / "lock-toggle").iterdir()
    )
    assert (web / "lock-toggle-copy/lock.svg").read_bytes() == (web / "lock-toggle/lock.svg").read_bytes()
    assert run_checks(load(example_project)) == []


def test_remove_moves_files_to_the_project_trash_on_save(example_project: Path) -> None:
    pkg = load(example_project)
    remove_plugin(pkg, 1)
    assert [p.entry.id for p in pkg.plugins] == ["lock-toggle", "raise-hand-helper"]
    assert not pkg.exists("plugins/meeting-info/info.svg")
    assert (example_project / "webapp2/plugins/meeting-info/info.svg").exists()  # not before save
    assert run_checks(pkg) == []
    written = save(pkg)
    assert "plugins/meeting-info/meeting-info.plugin.js" in written
    assert not (example_project / "webapp2/plugins/meeting-info").exists()
    trash = list((example_project / ".plugin-designer" / "trash").iterdir())
    assert len(trash) == 1
    assert (trash[0] / "plugins/meeting-info/info.svg").is_file()
    settings = json.loads((example_project / "webapp2/settings.json").read_text())
    assert [e["id"] for e in settings["plugins"]] == ["lock-toggle", "raise-hand-helper"]
    assert run_checks(load(example_project)) == []


def test_a_plugin_added_after_a_removal_does_not_take_the_removed_ones_folder(example_project: Path) -> None:
    """Its files would replace the pending deletions: the removed plugin's source was overwritten
    on save and never reached the trash."""
    original = (example_project / "webapp2/plugins/meeting-info/meeting-info.plugin.js").read_bytes()
    pkg = load(example_project)
    remove_plugin(pkg, 1)
    added = add_plugin(pkg, "Meeting info")
    assert added.folder != "plugins/meeting-info"
    save(pkg)
    trash = list((example_project / ".plugin-designer" / "trash").iterdir())
    assert (trash[0] / "plugins/meeting-info/meeting-info.plugin.js").read_bytes() == original
    assert run_checks(load(example_project)) == []


def test_move_changes_the_settings_order_only(example_project: Path) -> None:
    before = snapshot(example_project)
    pkg = load(example_project)
    assert move_plugin(pkg, 2, -1) == 1
    assert move_plugin(pkg, 0, -1) == 0  # already first: stays
    assert save(pkg) == ["settings.json"]
    after = snapshot(example_project)
    assert [e["id"] for e in json.loads(after["webapp2/settings.json"])["plugins"]] == [
        "lock-toggle",
        "raise-hand-helper",
        "meeting-info",
    ]
    assert {k: v for k, v in after.items() if "settings" not in k} == {
        k: v for k, v in before.items() if "settings" not in k
    }


def test_removed_plugin_is_not_exported(example_project: Path, tmp_path: Path) -> None:
    import zipfile

    from designer.core.export import plan_export, write_export

    pkg = load(example_project)
    remove_plugin(pkg, 2)
    write_export(plan_export(pkg), tmp_path / "out.zip")
    names = zipfile.ZipFile(tmp_path / "out.zip").namelist()
    assert not any("raise-hand-helper" in n for n in names)
    assert not (example_project / "webapp2/plugins/raise-hand-helper").exists()


def test_a_copy_of_a_copy_is_numbered(example_project: Path) -> None:
    pkg = load(example_project)
    first = duplicate_plugin(pkg, 0)
    second = duplicate_plugin(pkg, len(pkg.plugins) - 1)  # the copy, as the selection moves to it
    third = duplicate_plugin(pkg, 0)
    assert [p.display_name for p in (first, second, third)] == [
        "Lock toggle (copy)",
        "Lock toggle (copy 2)",
        "Lock toggle (copy 3)",
    ]
    assert [p.package.id for p in (first, second, third)] == [
        "lock-toggle-copy",
        "lock-toggle-copy-2",
        "lock-toggle-copy-3",
    ]
    assert [p.code for p in run_checks(pkg) if p.severity.value == "error"] == []


def _two_plugins_in_one_folder(root: Path) -> Path:
    web = root / "webapp2"
    suite = web / "plugins" / "suite"
    suite.mkdir(parents=True)
    (web / "manifest.json").write_text('{"brandingID": 1, "isSettingsBranded": true}\n')
    entries = [
        {"id": pid, "srcURL": f"plugins/suite/{pid}.plugin.package.json", "enabled": True} for pid in ("one", "two")
    ]
    (web / "settings.json").write_text(json.dumps({"plugins": entries}, indent=2) + "\n")
    for pid, icon in (("one", "one.svg#i"), ("two", "shared.svg#i")):
        package = {
            "id": pid,
            "name": pid.title(),
            "version": 1,
            "srcURL": f"{pid}.plugin.js",
            "allowUnload": True,
            "platforms": ["web"],
            "participantRoles": ["chair"],
            "menuItems": {"toolbar": [{"icon": icon, "label": pid, "action": "go"}]},
        }
        (suite / f"{pid}.plugin.package.json").write_text(json.dumps(package, indent=2) + "\n")
        source = "(function(){PEX.pluginAPI.registerPlugin({id:'%s',load:function(){},unload:function(){},go:function(){}});})();\n"
        (suite / f"{pid}.plugin.js").write_text(source % pid + ("// shared.svg#i too\n" if pid == "one" else ""))
    for name in ("one.svg", "shared.svg"):
        (suite / name).write_text('<svg xmlns="http://www.w3.org/2000/svg" id="i" viewBox="0 0 24 24"/>\n')
    (suite / "shared-data.json").write_text('{"used by": "two"}\n')
    return root


def test_removing_a_plugin_leaves_the_files_of_another_in_the_same_folder(tmp_path: Path) -> None:
    """Removing 'one' trashed the whole folder: 'two's package, source and data went with it."""
    project = _two_plugins_in_one_folder(tmp_path / "project")
    pkg = load(project)
    remove_plugin(pkg, 0)
    save(pkg)
    left = sorted(p.name for p in (project / "webapp2" / "plugins" / "suite").iterdir())
    assert left == ["shared-data.json", "shared.svg", "two.plugin.js", "two.plugin.package.json"]
    assert run_checks(load(project)) == []


def test_ids_and_icon_ids_from_unusual_names_are_short_and_keep_their_letters() -> None:
    """A 280-character name made a folder the file system refused (the project could not be saved
    any more); icon ids dropped ß, Ø, Ł and Æ ('strae'), where plugin ids spell them out."""
    from designer.core.jstext import MAX_ID_LENGTH, comment_text, safe_id
    from designer.core.svgimport import derive_icon_id

    long_id = safe_id("Record the meeting " * 20)
    assert len(long_id) <= MAX_ID_LENGTH and not long_id.endswith("-") and long_id.startswith("record-the-meeting")
    assert [derive_icon_id(n) for n in ("Straße.svg", "Ørsted.svg", "Łódź.svg", "Æble.svg")] == [
        "strasse",
        "orsted",
        "lodz",
        "aeble",
    ]
    assert derive_icon_id("1st.svg") == "icon-1st" and derive_icon_id("録音.svg").startswith("icon-")
    assert comment_text("Rec\u2028ord\rX\u2029</script>") == "Rec ord X <\\/script>"


def test_a_name_with_a_line_separator_makes_a_plugin_that_runs(tmp_path: Path) -> None:
    """U+2028 or a lone CR in the name ended the source's header comment early: two PD500."""
    from designer.core.newproject import plugin_files

    files = plugin_files("Rec\u2028ord\rX")
    source = next(v for k, v in files.items() if k.endswith(".js"))
    assert analyse(source).syntax_errors == []


def test_a_renamed_starter_takes_the_new_name_only_where_the_designer_wrote_the_old(tmp_path: Path) -> None:
    """The label, action, dialog title and first line follow the name while they are the
    designer's (see also tests/test_editing.py); what the user changed, and a recipe's plugin
    whose label the user chose equal to its name, stay."""
    from designer.core.newproject import create_project, plugin_files
    from designer.core.plugins import rename_plugin
    from designer.core.recipes import load_recipe, render

    src = "plugins/verify-project/verify-project.plugin.js"
    pkg = load(create_project(tmp_path / "a", "Verify project"))
    assert rename_plugin(pkg, 0, "Sûre 'que' </b>") == ["description", "action", "source", "label"]
    made = plugin_files("Sûre 'que' </b>", "verify-project")
    assert pkg.read_text(src) == made[src].decode()
    assert not analyse(pkg.read_text(src)).syntax_errors

    # The user's own action: the code and the action stay; the label still follows.
    pkg = load(create_project(tmp_path / "b", "Verify project"))
    item = pkg.plugins[0].package.menu_items["toolbar"][0]
    item.action = "sendToLobby"
    pkg.pending_texts[src] = pkg.read_text(src).replace("showVerifyProject", "sendToLobby")
    rename_plugin(pkg, 0, "Send to lobby")
    assert (item.label, item.action) == ("Send to lobby", "sendToLobby")
    assert "function sendToLobby() {" in pkg.read_text(src) and "title: 'Send to lobby'," in pkg.read_text(src)

    # A name the code already has: the action cannot follow, so neither the item nor the code changes it.
    pkg = load(create_project(tmp_path / "c", "Verify project"))
    taken = "function showLobby() {}\n    function unload()"
    pkg.pending_texts[src] = pkg.read_text(src).replace("function unload()", taken)
    rename_plugin(pkg, 0, "Lobby")
    assert pkg.plugins[0].package.menu_items["toolbar"][0].action == "showVerifyProject"
    text = pkg.read_text(src)
    assert "function showVerifyProject() {" in text and "showVerifyProject: showVerifyProject" in text

    # A recipe's plugin named and labelled "Send to lobby" by the user is not the starter.
    files = render(load_recipe("participant-action"), {"what": "transfer", "alias": "l@x"}, "pa")
    pkg = load(create_project(tmp_path / "d", files=files))
    item = pkg.plugins[0].package.menu_items["participants"][0]
    assert (pkg.plugins[0].package.name, item.label) == ("Send to lobby", "Send to lobby")
    source = pkg.read_text("plugins/pa/pa.plugin.js")
    assert rename_plugin(pkg, 0, "Lobby") == []
    assert (item.label, item.action) == ("Send to lobby", "sendToLobby")
    assert pkg.read_text("plugins/pa/pa.plugin.js") == source


def test_a_renamed_starter_takes_every_item_that_runs_its_function_along(tmp_path: Path) -> None:
    """Two items running the starter's function (the package file edited by hand): the rename
    renamed the function and the first item's action, and the second ran a function there no
    longer was (PD505, an error the rename made)."""
    import copy

    from designer.core.newproject import create_project
    from designer.core.plugins import rename_plugin

    pkg = load(create_project(tmp_path / "p", "Verify project"))
    items = pkg.plugins[0].package.menu_items["toolbar"]
    items.append(copy.deepcopy(items[0]))
    items[1].label = "Verify again"
    assert "action" in rename_plugin(pkg, 0, "Send to lobby")
    assert [(mi.label, mi.action) for mi in items] == [
        ("Send to lobby", "showSendToLobby"),
        ("Verify again", "showSendToLobby"),
    ]
    assert [p.code for p in run_checks(pkg)] == ["PD307"]  # (two items doing the same: as before the rename)


def test_a_plugin_whose_name_holds_a_lone_surrogate_is_duplicated(base_project: Path) -> None:
    """A name "Rec\\udfff" is valid JSON; the copy's package file was written with json.dumps, which
    wrote the surrogate raw, and Duplicate stopped with a UnicodeEncodeError."""
    package = base_project / "webapp2/plugins/rec/rec.plugin.package.json"
    package.write_text(package.read_text().replace('"name": "Record"', '"name": "Rec\\udfff"'))
    pkg = load(base_project)
    copy = duplicate_plugin(pkg, 0)
    save(pkg)
    assert '"name": "Rec\\udfff (copy)"' in (base_project / "webapp2" / copy.package_path).read_text()
    assert load(base_project).plugins[1].package.name == "Rec\udfff (copy)"


@pytest.mark.parametrize("quote", ['"', "`", "'"])
def test_a_renamed_id_keeps_the_quotes_the_source_writes_it_in(base_project: Path, quote: str) -> None:
    """A source whose strings are in double quotes (a linter's rule) got id: 'rec-2' in single
    quotes when the id was renamed: only the id itself may change."""
    from designer.core.plugins import rename_plugin_id

    js = base_project / "webapp2" / "plugins" / "rec" / "rec.plugin.js"
    text = js.read_text().replace("id: 'rec-1.0'", f"id: {quote}rec-1.0{quote}")
    js.write_text(text)
    pkg = load(base_project)
    assert rename_plugin_id(pkg, 0, "rec-\"2'`${x}") == ["package file", "settings.json", "source"]
    save(pkg)
    written = {'"': '"rec-\\"2\'`${x}"', "`": "`rec-\"2'\\`\\${x}`", "'": "'rec-\"2\\'`${x}'"}[quote]
    assert js.read_text() == text.replace(f"{quote}rec-1.0{quote}", written)
    assert analyse(js.read_bytes()).registrations[0].id_value == "rec-\"2'`${x}"


def test_a_copy_of_a_plugin_keeps_its_package_file_layout(base_project: Path) -> None:
    """The copy's package file was written afresh in the designer's layout (four spaces, LF, no
    byte-order mark, version 1.0 as 1.0 but the keys' spacing lost): a copy differs from the
    original in its id and name only."""
    path = base_project / "webapp2" / "plugins" / "rec" / "rec.plugin.package.json"
    text = "\ufeff" + path.read_text().replace("    ", "\t").replace("\n", "\r\n").replace(
        '"platforms": ["web", "electron", "ios", "android"]', '"platforms" : [ "web","ios" ]'
    ).replace('"Start and stop recording"', '"Start \\/ stop \\u00e9"')
    path.write_text(text, newline="")
    pkg = load(base_project)
    duplicate_plugin(pkg, 0)
    save(pkg)
    copy = base_project / "webapp2" / "plugins" / "rec-1-0-copy" / "rec.plugin.package.json"
    assert (
        copy.read_bytes()
        == text.replace('"rec-1.0"', '"rec-1-0-copy"', 1).replace('"Record"', '"Record (copy)"', 1).encode()
    )
    assert path.read_bytes() == text.encode()


UMD_SOURCE = """(function (root, factory) {
    root.RecPlugin = factory();
}(this, function () {
    var plugin = { id: 'rec-1.0', load: function () {}, unload: function () {}, record: function () {} };
    PEX.pluginAPI.registerPlugin(plugin);
    return plugin;
}));
"""


def test_renaming_or_copying_a_plugin_whose_registered_object_is_handed_on_changes_its_id(base_project: Path) -> None:
    """A UMD plugin returns the object it registers, so its keys cannot all be read; renaming its
    id (or Duplicate) stopped with "no single registerPlugin({...}) call to edit" though the id
    itself is written there plainly."""
    from designer.core.plugins import rename_plugin_id

    js = base_project / "webapp2" / "plugins" / "rec" / "rec.plugin.js"
    js.write_text(UMD_SOURCE)
    pkg = load(base_project)
    assert rename_plugin_id(pkg, 0, "rec-2") == ["package file", "settings.json", "source"]
    copy = duplicate_plugin(pkg, 0)
    save(pkg)
    assert js.read_text() == UMD_SOURCE.replace("'rec-1.0'", "'rec-2'")
    copied = base_project / "webapp2" / copy.source_path
    assert analyse(copied.read_bytes()).registrations[0].id_value == copy.package.id == "rec-2-copy"


def test_a_copy_of_a_plugin_that_shares_its_folder_has_the_icons_it_uses(tmp_path: Path) -> None:
    """Duplicate copied only the files a removal may take: an icon another plugin of the folder
    also uses (two's shared.svg) stayed behind, and the copy's button had no icon (PD518)."""
    project = _two_plugins_in_one_folder(tmp_path / "project")
    pkg = load(project)
    copy = duplicate_plugin(pkg, 1)
    save(pkg)
    folder = project / "webapp2" / copy.folder
    assert sorted(p.name for p in folder.iterdir()) == ["shared.svg", "two.plugin.js", "two.plugin.package.json"]
    assert [p.code for p in run_checks(load(project)) if p.severity.value != "info"] == []


def test_a_copy_of_a_plugin_outside_the_plugins_folder_has_its_icons(example_project: Path) -> None:
    """A plugin whose srcURL is custom/lock-toggle/… (any folder of webapp2/ may hold one) was
    copied without its icons: the copy's buttons had none."""
    web = example_project / "webapp2"
    (web / "custom").mkdir()
    (web / "plugins" / "lock-toggle").rename(web / "custom" / "lock-toggle")
    settings = web / "settings.json"
    settings.write_text(settings.read_text().replace('"plugins/lock-toggle/', '"custom/lock-toggle/'))
    pkg = load(example_project)
    assert run_checks(pkg) == []
    copy = duplicate_plugin(pkg, 0)
    save(pkg)
    assert copy.folder == "custom/lock-toggle-copy"
    assert sorted(p.name for p in (web / copy.folder).iterdir()) == sorted(
        p.name for p in (web / "custom" / "lock-toggle").iterdir()
    )
    assert run_checks(load(example_project)) == []


def test_removing_a_plugin_outside_the_plugins_folder_trashes_its_icons(example_project: Path) -> None:
    """Removing a plugin of custom/lock-toggle/ took its package and source only: its icons stayed
    in the project, and every export uploaded them for nothing."""
    web = example_project / "webapp2"
    (web / "custom").mkdir()
    (web / "plugins" / "lock-toggle").rename(web / "custom" / "lock-toggle")
    (web / "custom" / "notes.txt").write_text("kept\n")
    settings = web / "settings.json"
    settings.write_text(settings.read_text().replace('"plugins/lock-toggle/', '"custom/lock-toggle/'))
    pkg = load(example_project)
    remove_plugin(pkg, 0)
    save(pkg)
    assert [p.relative_to(web / "custom").as_posix() for p in (web / "custom").rglob("*")] == ["notes.txt"]
    trashed = {p.name for p in (example_project / ".plugin-designer" / "trash").rglob("*") if p.is_file()}
    assert {"lock.svg", "unlock.svg", "lock-toggle.plugin.js"} <= trashed


def test_a_copy_of_a_plugin_whose_code_is_in_another_folder_leaves_the_original_working(
    example_project: Path,
) -> None:
    """The package file's srcURL '../shared/lock-toggle.plugin.js': Duplicate left the code where it
    was, shared by both, and gave its registerPlugin the copy's id, so the original plugin no longer
    loaded (PD504). The copy now gets its own code, beside its package file."""
    web = example_project / "webapp2"
    (web / "plugins" / "shared").mkdir()
    code = web / "plugins" / "shared" / "lock-toggle.plugin.js"
    (web / "plugins" / "lock-toggle" / "lock-toggle.plugin.js").rename(code)
    package = web / "plugins" / "lock-toggle" / "lock-toggle.plugin.package.json"
    package.write_text(package.read_text().replace('"lock-toggle.plugin.js"', '"../shared/lock-toggle.plugin.js"'))
    before = code.read_bytes()
    pkg = load(example_project)
    assert run_checks(pkg) == []
    copy = duplicate_plugin(pkg, 0)
    save(pkg)
    assert code.read_bytes() == before
    assert copy.source_path == "plugins/lock-toggle-copy/lock-toggle.plugin.js"
    assert analyse((web / copy.source_path).read_bytes()).registrations[0].id_value == "lock-toggle-copy"
    assert run_checks(load(example_project)) == []


def test_a_copy_of_a_plugin_sharing_its_folder_with_its_code_elsewhere_has_one_source(tmp_path: Path) -> None:
    """In a folder shared with another plugin, the code outside it was also written under a name
    cut from its path ('plugins/suite-copy/hared/…')."""
    project = _two_plugins_in_one_folder(tmp_path / "project")
    suite = project / "webapp2" / "plugins" / "suite"
    (suite.parent / "shared").mkdir()
    (suite / "two.plugin.js").rename(suite.parent / "shared" / "two.plugin.js")
    package = suite / "two.plugin.package.json"
    package.write_text(package.read_text().replace('"two.plugin.js"', '"../shared/two.plugin.js"'))
    pkg = load(project)
    copy = duplicate_plugin(pkg, 1)
    save(pkg)
    folder = project / "webapp2" / copy.folder
    assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")) == [
        "shared.svg",
        "two.plugin.js",
        "two.plugin.package.json",
    ]
    assert [p.code for p in run_checks(load(project)) if p.severity.value != "info"] == []


def test_removing_the_second_listing_of_a_plugin_keeps_its_files(example_project: Path) -> None:
    """A plugin listed twice in settings.json (PD202) and its second listing removed in the tree:
    its code went to the trash with it, and the listing left had no code (PD305)."""
    settings = example_project / "webapp2" / "settings.json"
    data = json.loads(settings.read_text())
    data["plugins"].append(dict(data["plugins"][0]))
    settings.write_text(json.dumps(data, indent=4))
    before = snapshot(example_project / "webapp2" / "plugins")
    pkg = load(example_project)
    remove_plugin(pkg, 3)
    save(pkg)
    assert snapshot(example_project / "webapp2" / "plugins") == before
    assert [e["id"] for e in json.loads(settings.read_text())["plugins"]] == [
        "lock-toggle",
        "meeting-info",
        "raise-hand-helper",
    ]
    assert run_checks(load(example_project)) == []


def test_a_plugin_added_to_a_package_without_settings_json_leaves_the_others_listed(example_project: Path) -> None:
    """With no settings.json (a Management Node download, its creation declined), Add Plugin made
    one listing the new plugin alone: the three plugins on disk were no longer loaded (PD205)."""
    (example_project / "webapp2" / "settings.json").unlink()
    pkg = load(example_project)
    add_plugin(pkg, "New one")
    save(pkg)
    listed = json.loads((example_project / "webapp2" / "settings.json").read_text())["plugins"]
    assert [e["id"] for e in listed] == ["lock-toggle", "meeting-info", "raise-hand-helper", "new-one"]
    assert [p.code for p in run_checks(load(example_project))] == []
