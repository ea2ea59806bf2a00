"""Loading and saving the model: nothing the user did not change may change on disk."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLE, snapshot
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from designer.core import files as files_mod
from designer.core.model import PLATFORMS, ROLES, MenuItem, load, save

# A package written the way published ones are: tabs, CRLF, no final newline, a string brandingID,
# unknown keys, a "configuration" object, version 1.0 as a number.
ODD_PACKAGE = (
    '{\r\n\t"id": "anon",\r\n\t"name": "Anonymizer",\r\n\t"version": 1.0,\r\n\t"srcURL": "anon.plugin.js",\r\n'
    '\t"allowUnload": false,\r\n\t"platforms": ["web"],\r\n\t"participantRoles": ["chair"],\r\n'
    '\t"configuration": {"mask": "***", "list": [1, 2.50, true]},\r\n'
    '\t"menuItems": {"participants": [{"icon": null, "label": null, "action": "anonymize", "extra": 1}]}\r\n}'
)


@pytest.fixture
def odd_project(tmp_path: Path) -> Path:
    root = tmp_path / "odd" / "webapp2"
    (root / "plugins" / "anonymizer").mkdir(parents=True)
    (root / "manifest.json").write_bytes(b'{\n\t"brandingID": "10000000",\n\t"isSettingsBranded": true\n}')
    (root / "settings.json").write_bytes(
        b'{"theme": {"colour": "#123456"},  "plugins": [{"id": "anon", "srcURL": '
        b'"plugins/anonymizer/anonymizer.plugin.package.json", "enabled": false, "note": "kept"}], "z": 1}  \n'
    )
    (root / "plugins/anonymizer/anonymizer.plugin.package.json").write_bytes(ODD_PACKAGE.encode())
    (root / "plugins/anonymizer/anon.plugin.js").write_bytes(b"(function(){})();\r\n")
    (root / "images").mkdir()
    (root / "images/logo.png").write_bytes(bytes(range(256)))
    return tmp_path / "odd"


@pytest.mark.parametrize("which", ["example", "odd"])
def test_saving_an_untouched_package_writes_nothing(which: str, example_project: Path, odd_project: Path) -> None:
    project = example_project if which == "example" else odd_project
    before = snapshot(project)
    mtimes = {p: p.stat().st_mtime_ns for p in project.rglob("*") if p.is_file()}
    pkg = load(project)
    assert save(pkg) == []
    assert snapshot(project) == before
    assert {p: p.stat().st_mtime_ns for p in project.rglob("*") if p.is_file()} == mtimes


def test_model_reads_every_field(odd_project: Path) -> None:
    pkg = load(odd_project)
    (plugin,) = pkg.plugins
    assert plugin.entry.id == "anon" and plugin.entry.enabled is False
    p = plugin.package
    assert p is not None
    assert (p.id, p.name, p.version, p.src_url, p.allow_unload) == ("anon", "Anonymizer", 1.0, "anon.plugin.js", False)
    assert p.platforms == ["web"] and p.participant_roles == ["chair"]
    assert p.section == "participants"
    (item,) = p.menu_items["participants"]
    assert (item.icon, item.label, item.action) == (None, None, "anonymize")
    assert plugin.source_path == "plugins/anonymizer/anon.plugin.js"
    assert pkg.manifest is not None and pkg.manifest.branding_id == "10000000"


def test_an_edit_changes_only_the_edited_bytes(odd_project: Path) -> None:
    before = snapshot(odd_project)
    pkg = load(odd_project)
    pkg.plugins[0].package.name = "Anonymiser"
    pkg.plugins[0].package.menu_items["participants"][0].label = "Hide name"
    assert save(pkg) == ["plugins/anonymizer/anonymizer.plugin.package.json"]
    after = snapshot(odd_project)
    rel = "webapp2/plugins/anonymizer/anonymizer.plugin.package.json"
    expected = ODD_PACKAGE.replace('"Anonymizer"', '"Anonymiser"').replace('"label": null', '"label": "Hide name"')
    assert after[rel] == expected.encode()
    assert {k: v for k, v in after.items() if k != rel} == {k: v for k, v in before.items() if k != rel}


def test_settings_edit_keeps_other_settings_and_unknown_entry_keys(odd_project: Path) -> None:
    pkg = load(odd_project)
    pkg.plugins[0].entry.enabled = True
    assert save(pkg) == ["settings.json"]
    text = (odd_project / "webapp2/settings.json").read_text()
    assert text == (
        '{"theme": {"colour": "#123456"},  "plugins": [{"id": "anon", "srcURL": '
        '"plugins/anonymizer/anonymizer.plugin.package.json", "enabled": true, "note": "kept"}], "z": 1}  \n'
    )


def test_adding_a_menu_item_uses_documented_key_order(base_project: Path) -> None:
    pkg = load(base_project)
    pkg.plugins[0].package.menu_items["toolbar"].append(MenuItem(action="stop", icon="rec.svg#rec", label="Stop"))
    save(pkg)
    reloaded = load(base_project)
    items = reloaded.plugins[0].package.menu_items["toolbar"]
    assert [i.action for i in items] == ["record", "stop"]
    assert list(items[1].raw) == ["icon", "label", "action"]


def test_failed_write_leaves_the_old_file_and_no_temp_file(base_project: Path, monkeypatch) -> None:
    before = snapshot(base_project)
    pkg = load(base_project)
    pkg.plugins[0].package.name = "Changed"

    def boom(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(files_mod.os, "replace", boom)
    with pytest.raises(OSError, match="disk full"):
        save(pkg)
    assert snapshot(base_project) == before  # no half-written file, no .tmp left behind


def test_zip_is_read_only(tmp_path: Path) -> None:
    import zipfile

    z = tmp_path / "b.zip"
    with zipfile.ZipFile(z, "w") as zf:
        for p in (EXAMPLE / "webapp2").rglob("*"):
            if p.is_file():
                zf.write(p, "webapp2/" + p.relative_to(EXAMPLE / "webapp2").as_posix())
    pkg = load(z)
    assert len(pkg.plugins) == 3
    pkg.plugins[0].package.name = "x"
    with pytest.raises(PermissionError, match="read-only"):
        save(pkg)


# -- random edits: save + reload gives the same model -------------------------------------------------
text_st = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
edit_st = st.one_of(
    st.tuples(st.just("name"), text_st),
    st.tuples(st.just("description"), text_st),
    st.tuples(st.just("version"), st.one_of(st.floats(0, 100, allow_nan=False).map(lambda f: round(f, 2)), text_st)),
    st.tuples(st.just("allow_unload"), st.booleans()),
    st.tuples(st.just("platforms"), st.lists(st.sampled_from(PLATFORMS), unique=True)),
    st.tuples(st.just("participant_roles"), st.lists(st.sampled_from(ROLES), unique=True)),
    st.tuples(st.just("label"), st.one_of(st.none(), text_st)),
    st.tuples(st.just("icon"), st.one_of(st.none(), text_st)),
    st.tuples(st.just("add_item"), text_st),
    st.tuples(st.just("remove_item"), st.integers(0, 3)),
    st.tuples(st.just("enabled"), st.booleans()),
    st.tuples(st.just("settings_id"), text_st),
    st.tuples(st.just("branding_id"), st.integers(0, 2**53)),
)


def _apply(pkg, plugin_index: int, edit) -> None:
    kind, value = edit
    plugin = pkg.plugins[plugin_index % len(pkg.plugins)]
    pp = plugin.package
    items = next(iter(pp.menu_items.values()))
    if kind in ("label", "icon"):
        if items:
            setattr(items[0], kind, value)
    elif kind == "add_item":
        items.append(MenuItem(action="a" + str(len(items)), icon=None, label=value))
    elif kind == "remove_item":
        if value < len(items):
            del items[value]
    elif kind == "enabled":
        plugin.entry.enabled = value
    elif kind == "settings_id":
        plugin.entry.id = value
    elif kind == "branding_id":
        pkg.manifest.branding_id = value
    else:
        setattr(pp, kind, value)


def _model(pkg) -> list:
    out: list = [pkg.manifest.branding_id, pkg.manifest.is_settings_branded]
    for p in pkg.plugins:
        pp = p.package
        items = [(s, mi.icon, mi.label, mi.action) for s, _, mi in pp.items()]
        out.append(
            (p.entry.id, p.entry.src_url, p.entry.enabled, pp.id, pp.name, pp.description, pp.version, pp.src_url,
             pp.allow_unload, pp.platforms, pp.participant_roles, items)
        )  # fmt: skip
    return out


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(st.tuples(st.integers(0, 2), edit_st), min_size=1, max_size=8))
def test_random_edits_save_and_reload_to_the_same_model(edits, tmp_path_factory) -> None:
    project = tmp_path_factory.mktemp("h") / "p"
    shutil.copytree(EXAMPLE, project)
    pkg = load(project)
    for index, edit in edits:
        _apply(pkg, index, edit)
    expected = _model(pkg)
    save(pkg)
    assert _model(pkg) == expected
    assert _model(load(project)) == expected
    assert save(load(project)) == []  # a second save of the reloaded package writes nothing
    for f in project.rglob("*"):
        assert not f.name.endswith(".tmp"), f


def test_no_temp_files_in_package_after_save(example_project: Path) -> None:
    pkg = load(example_project)
    pkg.plugins[1].package.description = "New words"
    save(pkg)
    leftovers = [n for n in os.listdir(example_project / "webapp2/plugins/meeting-info") if n.endswith(".tmp")]
    assert leftovers == []


def test_an_unreadable_file_is_a_problem_not_a_crash(base_project: Path, monkeypatch) -> None:
    from designer.core.checks import run_checks
    from designer.core.files import DirFiles

    real = DirFiles.read_bytes

    def read(self, rel: str) -> bytes:
        if rel.endswith((".package.json", ".svg")):
            raise PermissionError(13, "Permission denied", str(self.root / rel))
        return real(self, rel)

    monkeypatch.setattr(DirFiles, "read_bytes", read)
    problems = run_checks(load(base_project))
    # The icon is uploaded too, so the safety scan of the folder's SVGs says it cannot be read either.
    assert [(p.code, p.file) for p in problems] == [
        ("PD105", "plugins/rec/rec.plugin.package.json"),
        ("PD105", "plugins/rec/rec.svg"),
    ]
    assert all("Permission denied" in p.message for p in problems)


def test_unreadable_icon_during_checks_is_reported(base_project: Path, monkeypatch) -> None:
    from designer.core.checks import run_checks
    from designer.core.files import DirFiles

    real = DirFiles.read_bytes

    def read(self, rel: str) -> bytes:
        if rel.endswith(".svg"):
            raise PermissionError(13, "Permission denied", str(self.root / rel))
        return real(self, rel)

    monkeypatch.setattr(DirFiles, "read_bytes", read)
    problems = run_checks(load(base_project))
    assert ("PD105", "plugins/rec/rec.svg") in [(p.code, p.file) for p in problems]


def test_a_file_deleted_after_loading_is_named_by_the_check(base_project: Path) -> None:
    """The real read of a file gone from the disk (another program deleted it after the package
    was opened): its error names the file, which the problem gives relative to webapp2/."""
    from designer.core.checks import run_checks

    pkg = load(base_project)
    (base_project / "webapp2" / "plugins" / "rec" / "rec.svg").unlink()
    problems = [p for p in run_checks(pkg) if p.code == "PD105"]
    assert [(p.file, p.line) for p in problems] == [("plugins/rec/rec.svg", 0)]
    assert "No such file or directory" in problems[0].message


def test_a_symbolic_link_is_reported_and_never_written_over(base_project: Path, tmp_path: Path) -> None:
    """A shared settings.json linked into the project: the export leaves links out, the checks say
    so, and no fix or save replaces the link with a file of its own."""
    from designer.core.checks import run_checks
    from designer.core.fixes import fix_all

    root = base_project / "webapp2"
    shared = tmp_path / "shared-settings.json"
    (root / "settings.json").rename(shared)
    (root / "settings.json").symlink_to(shared)
    (root / "plugins/rec/extra.svg").symlink_to(root / "plugins/rec/rec.svg")
    pkg = load(base_project)
    found = {(p.code, p.file): p for p in run_checks(pkg)}
    assert ("PD106", "settings.json") in found and ("PD106", "plugins/rec/extra.svg") in found
    assert (
        found[("PD200", "settings.json")].fix is None and "symbolic link" in found[("PD200", "settings.json")].message
    )
    fix_all(pkg, run_checks)
    save(pkg)
    assert (root / "settings.json").is_symlink() and (root / "settings.json").resolve() == shared
    with pytest.raises(PermissionError, match="symbolic link"):
        pkg.files.write_bytes("settings.json", b"{}")
    assert (root / "settings.json").is_symlink()


def test_a_save_that_cannot_write_one_file_writes_none(example_project: Path, monkeypatch) -> None:
    """Renaming an id changes settings.json, the package file and the source: a folder refusing
    one of them must leave all three as they were (ids out of step break the plugin)."""
    from designer.core.plugins import rename_plugin_id

    before = snapshot(example_project)
    pkg = load(example_project)
    rename_plugin_id(pkg, 1, "meeting-info-2")
    real = files_mod._prepare

    def refuse(path: Path, data: bytes) -> str:
        if "meeting-info.plugin.js" in str(path):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, data)

    monkeypatch.setattr(files_mod, "_prepare", refuse)
    with pytest.raises(PermissionError, match="meeting-info.plugin.js"):
        save(pkg)
    assert snapshot(example_project) == before


def test_an_export_that_cannot_update_the_project_writes_no_zip(
    example_project: Path, tmp_path: Path, monkeypatch
) -> None:
    """A ZIP whose brandingID the project does not hold would be uploaded and then repeated."""
    from designer.core.export import export_package

    out = tmp_path / "out.zip"
    out.write_bytes(b"PK\x03\x04 the previous export")
    real = files_mod._prepare

    def refuse(path: Path, data: bytes) -> str:
        if path.name == "manifest.json":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, data)

    monkeypatch.setattr(files_mod, "_prepare", refuse)
    with pytest.raises(PermissionError, match="manifest.json"):
        export_package(example_project, out)
    assert out.read_bytes() == b"PK\x03\x04 the previous export"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_lists_a_check_keeps_are_its_threads_own_and_end_with_it() -> None:
    """A check keeps lists it would otherwise make again and again (BrandingPackage.unchanging).
    They were kept in one slot of the package: a check on another thread (a deploy's) saw the
    first one's lists, and two checks ending out of order left a list behind for the window's
    thread, where the model is edited and that list goes stale."""
    import threading

    pkg = load(EXAMPLE)
    entered, release = threading.Event(), threading.Event()

    def deploys_check() -> None:
        with pkg.unchanging():
            pkg.remembered("files", lambda: "the deploy's")
            entered.set()
            release.wait(10)

    worker = threading.Thread(target=deploys_check)
    with pkg.unchanging():  # the window's check starts first, the deploy's during it
        worker.start()
        assert entered.wait(10)
        assert pkg.remembered("files", lambda: "the window's") == "the window's"
    # The window's check has ended, the deploy's has not: nothing is kept for the window now.
    assert pkg.remembered("files", lambda: "made again") == "made again"
    release.set()
    worker.join(10)
    assert pkg.remembered("files", lambda: "made again") == "made again"
    with pkg.unchanging():
        assert pkg.remembered("files", lambda: "first") == "first"
        assert pkg.remembered("files", lambda: "second") == "first"  # kept while the check lasts


def test_a_missing_name_is_looked_up_among_unsaved_files_once_per_check(
    base_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """case_match went through every unsaved file for each missing name: fix rounds with 1,200
    edited and 1,200 missing files made 4.3 million comparisons. Now the unsaved files are indexed
    once per check; counted (as names made comparable), not timed."""
    from designer.core import model

    pkg = load(base_project)
    n = 300
    pkg.pending_texts = {f"plugins/rec/Edit{i}.svg": "<svg/>" for i in range(n)} | {"plugins/rec/Gone.svg": None}
    made: list[str] = []
    real = model.clash_key
    monkeypatch.setattr(model, "clash_key", lambda name: made.append(name) or real(name))
    with pkg.unchanging():  # as a check runs
        found = [pkg.case_match(f"plugins/rec/edit{i}.SVG") for i in range(n)]
        missing = [pkg.case_match(f"plugins/rec/absent{i}.svg") for i in range(n)]
        gone = pkg.case_match("plugins/rec/gone.svg")  # deleted in the designer: no match
    assert found == [f"plugins/rec/Edit{i}.svg" for i in range(n)]
    assert missing == [None] * n and gone is None
    assert len(made) <= 4 * n  # each unsaved file once and each name looked up once (was n * 2n)


def test_model_copy_copies_as_deepcopy_does_sharing_included() -> None:
    """The undo steps' copies of the model (model_copy, faster than deepcopy): the same values,
    nothing shared with the original, and what is shared inside it shared in the copy too."""
    import copy

    from designer.core.model import _OBJECT, model_copy

    pkg = load(EXAMPLE)
    plugins = pkg.plugins
    plugins[0].package.raw["shared"] = plugins[0].package.platforms = ["web", "electron"]
    plugins[0].package.raw["odd"] = ({"a": [1]}, _OBJECT, 2.5)
    parts = [plugins, plugins[0], pkg.settings, pkg.manifest]
    copied, deep = model_copy(parts), copy.deepcopy(parts)

    def facts(plugin):
        return plugin.entry.to_json(), plugin.package.to_json() if plugin.package else None, plugin.package_path

    assert [facts(p) for p in copied[0]] == [facts(p) for p in deep[0]] == [facts(p) for p in plugins]
    assert copied[2].raw == pkg.settings.raw and copied[3].to_json() == pkg.manifest.to_json()
    assert copied[1] is copied[0][0] and copied[0][0] is not plugins[0]
    package = copied[0][0].package
    assert package.raw["shared"] is package.platforms and package.platforms is not plugins[0].package.platforms
    assert (
        package.raw["odd"] == ({"a": [1]}, _OBJECT, 2.5)
        and package.raw["odd"][0] is not plugins[0].package.raw["odd"][0]
    )
    for before, after in zip(plugins, copied[0], strict=True):
        assert type(after) is type(before) and vars(after).keys() == vars(before).keys()
        assert after.package is not before.package and after.entry is not before.entry
        for item, item_copy in zip(before.package.items(), after.package.items(), strict=True):
            assert item_copy[2] is not item[2] and item_copy[2].raw == item[2].raw
    copied[0][0].package.menu_items[next(iter(copied[0][0].package.menu_items))].clear()
    assert plugins[0].package.to_json() == deep[0][0].package.to_json()  # (the original untouched)


def test_a_files_signature_tells_a_rewrite_without_reading_it(base_project: Path) -> None:
    """What lets the window see another program's change without reading every file: a rewrite in
    place (the size kept) or an atomic replace changes it; a folder or
    a link where the file was, or nothing there, has none."""
    import os

    from designer.core.files import DirFiles

    files = DirFiles(base_project / "webapp2")
    path = base_project / "webapp2/manifest.json"
    first = files.signature("manifest.json")
    assert first is not None and files.signature("manifest.json") == first
    path.write_bytes(path.read_bytes().replace(b"true", b"TRUE"))  # (the copy kept the checkout's older time)
    assert files.signature("manifest.json") != first
    replaced = base_project / "webapp2/manifest.new"
    replaced.write_bytes(path.read_bytes())
    before = files.signature("manifest.json")
    os.replace(replaced, path)
    assert files.signature("manifest.json") != before
    path.unlink()
    assert files.signature("manifest.json") is None
    path.mkdir()
    assert files.signature("manifest.json") is None
    path.rmdir()
    path.symlink_to(base_project / "webapp2/settings.json")
    assert files.signature("manifest.json") is None


def test_folder_stamps_tell_a_file_added_or_deleted_without_listing_again(base_project: Path) -> None:
    """What lets the window find a file added or deleted by another program in a few system calls."""
    import os

    from designer.core.files import DirFiles

    files = DirFiles(base_project / "webapp2")
    first = files.folder_stamps()
    assert "" in first and "plugins" in first and files.folder_stamps() == first
    folder = base_project / "webapp2/plugins/rec"
    os.utime(folder, ns=(0, 0))  # (a stamp surely older than the next change, whatever the clock's tick)
    before = files.folder_stamps()
    (folder / "new.svg").write_text("<svg/>")
    assert files.folder_stamps()["plugins/rec"] != before["plugins/rec"]


def test_signatures_of_many_files_are_each_ones_signature(base_project: Path) -> None:
    from designer.core.files import DirFiles

    files = DirFiles(base_project / "webapp2")
    (base_project / "webapp2/plugins/rec/folder.svg").mkdir()
    rels = [*files.names(), "plugins/rec/folder.svg", "missing.json"]
    assert files.signatures(rels) == {rel: files.signature(rel) for rel in rels}
    assert files.signatures(["missing.json", "plugins/rec/folder.svg"]) == {
        "missing.json": None,
        "plugins/rec/folder.svg": None,
    }


def test_a_placement_written_as_no_list_is_kept_when_another_placements_item_changes(base_project: Path) -> None:
    """``"conference": "x"`` (a placement written by hand as text, read as no items) became
    ``"conference": []`` in the file as soon as a label of the toolbar's item was typed: what the
    file held there was lost, with nothing the user did to it."""
    import json

    path = base_project / "webapp2/plugins/rec/rec.plugin.package.json"
    data = json.loads(path.read_text())
    data["menuItems"]["conference"] = "x"
    path.write_text(json.dumps(data, indent=4))
    pkg = load(base_project)
    package = pkg.plugins[0].package
    package.menu_items["toolbar"][0].set_written("label", "Rec")
    save(pkg)
    assert json.loads(path.read_text())["menuItems"] == {
        "toolbar": [{"icon": "rec.svg#rec", "label": "Rec", "action": "record"}],
        "conference": "x",
    }
