"""Saves and exports are all-or-nothing: a step refused half-way leaves every file as it was.

Why these tests fake the refusal (``os.replace`` or ``shutil.move`` raising for one path)
rather than making a file immutable: ``chattr`` needs root, and what matters is what the
designer does when the operating system says no, whatever the reason.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import snapshot

from designer.core.model import load, save
from designer.core.plugins import add_plugin, remove_plugin

PACKAGE = "plugins/lock-toggle/lock-toggle.plugin.package.json"


def _refuse_replace(monkeypatch: pytest.MonkeyPatch, victim: Path) -> list[str]:
    """``os.replace`` onto ``victim`` fails once, as on an immutable file; the calls are recorded."""
    real = os.replace
    calls: list[str] = []

    def replace(src, dst, *a, **k):
        calls.append(str(dst))
        if Path(dst) == victim and calls.count(str(dst)) == 1:
            raise PermissionError(1, "Operation not permitted", str(src), None, str(dst))
        return real(src, dst, *a, **k)

    monkeypatch.setattr(os, "replace", replace)
    return calls


def _no_temporaries(root: Path) -> list[str]:
    return [p.name for p in root.rglob("*") if p.name.endswith(".tmp")]


def test_a_refused_rename_puts_back_the_files_already_replaced(example_project: Path, monkeypatch) -> None:
    """settings.json is renamed into place first; when the package file's rename then failed,
    settings.json stayed the new version (the plugin switched off, its name not saved) and the
    message named the temporary file. Now the old settings.json comes back, the message names
    the package file, and a later save writes both."""
    pkg = load(example_project)
    pkg.plugins[0].package.name = "Renamed lock"
    pkg.plugins[1].entry.enabled = False
    before = snapshot(example_project)
    inode = (example_project / "webapp2/settings.json").stat().st_ino
    calls = _refuse_replace(monkeypatch, example_project / "webapp2" / PACKAGE)
    with pytest.raises(PermissionError) as caught:
        save(pkg)
    assert calls[0].endswith("settings.json")  # it was replaced, then put back
    assert snapshot(example_project) == before
    assert (example_project / "webapp2/settings.json").stat().st_ino == inode  # the very file, not a copy
    assert PACKAGE in str(caught.value) and ".tmp" not in str(caught.value)
    assert _no_temporaries(example_project) == []
    assert sorted(save(pkg)) == [PACKAGE, "settings.json"]


def test_new_files_and_folders_go_again_when_the_save_fails(example_project: Path, monkeypatch) -> None:
    """A new plugin's folder and files were left behind by a save that failed on a later file."""
    pkg = load(example_project)
    add_plugin(pkg, "Brand new")
    before = snapshot(example_project)
    folders = sorted(p for p in (example_project / "webapp2/plugins").iterdir())
    _refuse_replace(monkeypatch, example_project / "webapp2/settings.json")
    with pytest.raises(PermissionError, match="settings.json"):
        save(pkg)
    assert snapshot(example_project) == before
    assert sorted(p for p in (example_project / "webapp2/plugins").iterdir()) == folders


def test_a_refused_move_to_the_trash_puts_everything_back(example_project: Path, monkeypatch) -> None:
    """Removing a plugin: settings.json was rewritten without it, then moving its files to the
    trash failed: "Cannot save", yet half saved. Now the files moved go back and settings.json
    is the old one."""
    pkg = load(example_project)
    remove_plugin(pkg, 2)
    pkg.plugins[0].package.name = "Renamed too"
    before = snapshot(example_project)
    real = shutil.move
    moved: list[str] = []

    def move(src, dst, *a, **k):
        if moved and "trash" not in str(src):  # the second file refuses (moving back from the trash works)
            raise PermissionError(1, "Operation not permitted", str(src))
        moved.append(str(src))
        return real(src, dst, *a, **k)

    monkeypatch.setattr(shutil, "move", move)
    with pytest.raises(PermissionError):
        save(pkg)
    assert moved  # one file had gone to the trash, and came back
    assert snapshot(example_project) == before
    assert _no_temporaries(example_project) == []


def test_an_unusable_trash_stops_the_save_before_anything_is_written(example_project: Path) -> None:
    """``.plugin-designer`` is a file, so no trash folder can be made: the save is refused, naming
    it, and settings.json still lists the plugin whose files stayed."""
    (example_project / ".plugin-designer").write_text("not a folder")
    pkg = load(example_project)
    remove_plugin(pkg, 2)
    before = snapshot(example_project)
    with pytest.raises(OSError, match=r"\.plugin-designer"):
        save(pkg)
    assert snapshot(example_project) == before


def _branding_id(project: Path) -> object:
    import json

    return json.loads((project / "webapp2/manifest.json").read_text())["brandingID"]


def test_an_export_over_a_zip_that_refuses_raises_no_branding_id(example_project: Path, monkeypatch) -> None:
    """An existing ZIP that may not be replaced (immutable): "Not exported", but manifest.json's
    brandingID was already raised on disk, so the next export skipped a number and a later save
    kept an ID no uploaded ZIP has. Now the manifest comes back as it was."""
    from designer.core.export import plan_export, write_export

    out = example_project.parent / "out" / "b.zip"
    out.parent.mkdir()
    out.write_bytes(b"PK\x03\x04 old zip")
    before, old_id = snapshot(example_project), _branding_id(example_project)
    _refuse_replace(monkeypatch, out)
    with pytest.raises(PermissionError) as caught:
        write_export(plan_export(load(example_project)), out)
    assert str(out) in str(caught.value) and ".tmp" not in str(caught.value)
    assert _branding_id(example_project) == old_id
    assert snapshot(example_project) == before
    assert out.read_bytes() == b"PK\x03\x04 old zip" and sorted(p.name for p in out.parent.iterdir()) == ["b.zip"]


def test_an_export_whose_trash_move_fails_writes_nothing(example_project: Path, monkeypatch) -> None:
    """An export with a removed plugin moved its files to the trash only after the ZIP and the
    new brandingID were written: a refused move reported "Not exported" over a written ZIP and
    a raised ID. Now the trash is part of the same all-or-nothing step."""
    from designer.core.export import plan_export, write_export

    pkg = load(example_project)
    remove_plugin(pkg, 2)
    out = example_project.parent / "b.zip"
    before = snapshot(example_project)

    def refuse(src, dst, *a, **k):
        raise PermissionError(1, "Operation not permitted", str(src))

    monkeypatch.setattr(shutil, "move", refuse)
    with pytest.raises(PermissionError):
        write_export(plan_export(pkg), out)
    assert snapshot(example_project) == before
    assert not out.exists()


def test_an_export_that_cannot_remember_itself_is_refused_before_writing(example_project: Path) -> None:
    """The state folder (where the last brandingID is kept) cannot be written: the export wrote
    the ZIP and raised the brandingID, then failed on state.json and said "Not exported". Now it
    is refused first, naming the folder, with nothing written; the report is true."""
    from designer.core.export import ExportRefused, plan_export, write_export

    (example_project / ".plugin-designer").write_text("a file where the designer's folder belongs")
    out = example_project.parent / "b.zip"
    before, old_id = snapshot(example_project), _branding_id(example_project)
    with pytest.raises(ExportRefused, match=r"\.plugin-designer.*nothing was exported"):
        write_export(plan_export(load(example_project)), out)
    assert not out.exists()
    assert _branding_id(example_project) == old_id and snapshot(example_project) == before


def test_an_export_records_itself_in_the_same_step(example_project: Path, monkeypatch) -> None:
    """state.json is written with the ZIP: a refusal of it (after the folder check passed) puts
    the ZIP and manifest.json back too."""
    from designer.core.export import plan_export, write_export
    from designer.core.state import load_state

    out = example_project.parent / "b.zip"
    old_id = _branding_id(example_project)
    _refuse_replace(monkeypatch, example_project / ".plugin-designer/state.json")
    with pytest.raises(PermissionError, match="state.json"):
        write_export(plan_export(load(example_project)), out)
    assert not out.exists() and _branding_id(example_project) == old_id
    assert "last_export" not in load_state(example_project)


@pytest.mark.parametrize("link", [".plugin-designer", ".plugin-designer/trash"])
def test_a_linked_trash_folder_stops_the_save_before_anything_is_moved(
    example_project: Path, tmp_path: Path, link: str
) -> None:
    """A project whose .plugin-designer (or its trash) is a link to another folder: removing a
    plugin and saving moved its files through the link, out of the project. Now the save is
    refused, naming the link, and nothing is written, moved or deleted."""
    other = tmp_path / "elsewhere"
    other.mkdir()
    (example_project / link).parent.mkdir(parents=True, exist_ok=True)
    (example_project / link).symlink_to(other)
    pkg = load(example_project)
    remove_plugin(pkg, 2)
    before = snapshot(example_project)
    with pytest.raises(PermissionError) as caught:
        save(pkg)
    assert f"{example_project / link} is a symbolic link (to {other})" in str(caught.value)
    assert "No file was moved or deleted" in str(caught.value)
    assert snapshot(example_project) == before
    assert list(other.iterdir()) == []
