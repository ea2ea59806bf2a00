"""Save in the window when the disk changed under it: a message naming the file, never a traceback,
and the edits kept."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest


def test_a_folder_where_settings_json_was(window, example_project: Path, warnings) -> None:
    """settings.json (with unsaved edits) replaced by a folder by another program: Save raised
    IsADirectoryError while working out what to write, outside the "Cannot save" handling."""
    window.open_path(example_project)
    window.editor.set_field(1, "entry", "enabled", False, "switch off")
    settings = example_project / "webapp2/settings.json"
    settings.unlink()
    settings.mkdir()
    assert window.save() is False
    assert [title for title, _ in warnings] == ["Cannot save"]
    assert str(settings) in warnings[0][1]
    assert window.isWindowModified() and window.package.plugins[1].entry.enabled is False
    window.editor.undo_stack.setClean()


def test_saving_a_project_whose_folder_was_moved(window, example_project: Path, warnings) -> None:
    """The project folder renamed while open: Save reported success and made a new folder at
    the old place holding only the JSON files written (no sources, no icons), while the moved
    project never got the edit. Now Save refuses, naming the folder, and the edits stay."""
    window.open_path(example_project)
    window.editor.set_field(0, "package", "name", "Renamed lock", "rename")
    moved = example_project.with_name("moved")
    example_project.rename(moved)
    assert window.save() is False
    assert not example_project.exists()
    assert [title for title, _ in warnings] == ["Cannot save"]
    assert str(example_project) in warnings[0][1] and "no longer exists" in warnings[0][1]
    assert window.isWindowModified() and window.package.plugins[0].package.name == "Renamed lock"
    moved.rename(example_project)  # put back: now it saves
    assert window.save() is True
    assert (
        b"Renamed lock"
        in (example_project / "webapp2/plugins/lock-toggle/lock-toggle.plugin.package.json").read_bytes()
    )


def test_exporting_a_project_whose_folder_was_deleted(example_project: Path) -> None:
    """The export would likewise make the old folder again (manifest.json, .plugin-designer)."""
    import shutil

    from designer.core.export import plan_export, write_export
    from designer.core.model import load

    plan = plan_export(load(example_project))
    shutil.rmtree(example_project)
    out = example_project.parent / "b.zip"
    with pytest.raises(FileNotFoundError, match="no longer exists"):
        write_export(plan, out)
    assert not example_project.exists() and not out.exists()


def _refuse_writes(monkeypatch) -> None:
    """Every file write refused as a read-only folder (or an immutable one, even for root) refuses it."""
    from designer.core import files as files_mod

    def refuse(path: Path, data: bytes) -> str:
        raise PermissionError(1, "Operation not permitted", str(path))

    monkeypatch.setattr(files_mod, "_prepare", refuse)


def test_a_refused_write_is_told_in_plain_words(window, example_project: Path, warnings, monkeypatch) -> None:
    """The message was Python's "[Errno 1] Operation not permitted: '/…/x.json'"."""
    window.open_path(example_project)
    window.editor.set_field(0, "package", "name", "Renamed lock", "rename")
    _refuse_writes(monkeypatch)
    assert window.save() is False
    package = example_project / "webapp2/plugins/lock-toggle/lock-toggle.plugin.package.json"
    (said,) = warnings
    assert said[0] == "Cannot save"
    assert said[1].startswith(f"{package}: Operation not permitted\n\nNothing was saved; your changes are still here.")
    assert window.isWindowModified() and b"Renamed lock" not in package.read_bytes()
    window.editor.undo_stack.setClean()


def test_a_refused_save_offers_save_as_at_once(window, example_project: Path, monkeypatch) -> None:
    """Only a project folder gone offered Save As when a save failed: with a read-only folder (or a
    full disk), closing the window went round "Cannot save" until the user thought of File ▸ Save
    As. Now the message offers it, whatever the cause."""
    from PySide6.QtWidgets import QMessageBox

    window.open_path(example_project)
    window.editor.set_field(0, "package", "name", "Renamed lock", "rename")
    _refuse_writes(monkeypatch)
    said: list[str] = []

    def warning(parent, title, text, *a, **k):
        said.append(str(text))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "warning", warning)
    asked: list[bool] = []
    monkeypatch.setattr(window, "save_as", lambda: asked.append(True) or True)
    assert window.save() is True  # (saved elsewhere, by Save As)
    assert asked == [True] and "into another folder now (File ▸ Save As…)?" in said[0]
    window.editor.undo_stack.setClean()


def test_an_export_whose_write_is_refused_says_so_in_plain_words(qtbot, example_project: Path, monkeypatch) -> None:
    from conftest import shown

    from designer.core.model import load
    from designer.gui.panes.export_pane import ExportPane

    pane = shown(qtbot, ExportPane(), 760, 720)
    pane.set_package(load(example_project))
    pane.path_edit.setText(str(example_project.parent / "out.zip"))
    _refuse_writes(monkeypatch)
    assert pane.export() is False
    text = pane.status.text()
    # (as the export command says it: the file refused, that nothing was exported, and what to do)
    assert text.startswith(f"{example_project}/webapp2/manifest.json cannot be replaced (Operation not permitted)"), (
        text
    )
    assert "nothing was exported" in text and "export again" in text, text
    assert not (example_project.parent / "out.zip").exists()


LOCK = "webapp2/plugins/lock-toggle"


def test_a_plugin_folder_deleted_elsewhere_is_not_made_again_by_save(
    window, qtbot, example_project: Path, warnings
) -> None:
    """Another program deleted a plugin's folder while its code was on show: Ctrl+S, with nothing
    edited, said "Saved 1 file" and made the folder again holding only the package file. Now
    a save with nothing edited writes nothing, and says which files another program changed."""
    from conftest import open_in_editor

    open_in_editor(window, example_project, "plugins/lock-toggle/lock-toggle.plugin.js")
    shutil.rmtree(example_project / LOCK)
    qtbot.waitUntil(lambda: "deleted by another program" in window.status.text())
    assert window.save() is True
    assert not (example_project / LOCK).exists()
    assert warnings == []
    assert window.status.text().startswith("Nothing to save: you have not changed anything since the project")
    assert "plugins/lock-toggle/lock-toggle.plugin.package.json" in window.status.text()


def test_a_plugin_folder_renamed_elsewhere_is_not_split_in_two_by_save(window, example_project: Path, warnings) -> None:
    """The folder renamed by another program while the plugin's name had unsaved edits: Save made
    a second plugins/lock-toggle holding only the package file, beside the renamed folder with the
    code and icons. Now it refuses, names the folder, and the edit stays unsaved."""
    window.open_path(example_project)
    window.editor.set_field(0, "package", "name", "Renamed lock", "rename")
    (example_project / LOCK).rename(example_project / "webapp2/plugins/lock-moved")
    assert window.save() is False
    assert not (example_project / LOCK).exists()
    assert "plugins/lock-toggle" in warnings[0][1] and "no longer exists" in warnings[0][1]
    assert window.isWindowModified() and window.package.plugins[0].package.name == "Renamed lock"
    (example_project / "webapp2/plugins/lock-moved").rename(example_project / LOCK)  # put back: now it saves
    assert window.save() is True
    assert b"Renamed lock" in (example_project / LOCK / "lock-toggle.plugin.package.json").read_bytes()


def test_a_plugin_removed_here_can_come_back_under_the_same_folder(example_project: Path) -> None:
    """The folder the designer itself emptied into the trash is no folder gone behind its back."""
    from designer.core.model import load, save
    from designer.core.plugins import add_plugin, remove_plugin

    pkg = load(example_project)
    remove_plugin(pkg, 0)
    save(pkg)
    assert not (example_project / LOCK).exists()
    add_plugin(pkg, "Lock toggle")
    save(pkg)
    assert (example_project / LOCK / "lock-toggle.plugin.package.json").is_file()


def _like_a_fat_drive(monkeypatch) -> None:
    """chmod and hard links refused, as on a FAT or exFAT drive (a USB stick formatted on Windows,
    a FUSE or SMB mount): "Function not implemented" and "Operation not permitted"."""
    import errno
    import os

    def no_modes(path, *a, **k):
        raise OSError(errno.ENOSYS, "Function not implemented", str(path))

    def no_links(src, dst, *a, **k):
        raise PermissionError(errno.EPERM, "Operation not permitted", str(src), None, str(dst))

    monkeypatch.setattr(os, "chmod", no_modes)
    monkeypatch.setattr(os, "link", no_links)


def test_a_project_on_a_drive_that_keeps_no_permissions_saves(
    window, example_project: Path, warnings, monkeypatch
) -> None:
    """Every save there was refused with "Function not implemented", naming the package file."""
    window.open_path(example_project)
    window.editor.set_field(0, "package", "name", "Renamed lock", "rename")
    window.editor.set_field(1, "entry", "enabled", False, "switch off")
    _like_a_fat_drive(monkeypatch)
    assert window.save() is True, warnings
    assert warnings == [] and not window.isWindowModified()
    assert b"Renamed lock" in (example_project / LOCK / "lock-toggle.plugin.package.json").read_bytes()
    assert not [p for p in example_project.rglob("*.tmp")]


def test_a_zip_imports_onto_a_drive_that_keeps_no_permissions(
    example_project: Path, tmp_path: Path, monkeypatch
) -> None:
    from designer.core.archive import import_zip
    from designer.core.export import plan_export, write_export
    from designer.core.model import load

    write_export(plan_export(load(example_project)), tmp_path / "branding.zip")
    _like_a_fat_drive(monkeypatch)
    import_zip(tmp_path / "branding.zip", tmp_path / "on the stick")
    assert (tmp_path / "on the stick/webapp2/settings.json").is_file()


def test_a_read_only_folder_is_said_on_opening(window, example_project: Path, warnings, monkeypatch) -> None:
    """A project on a read-only share or mount: nothing said so until Save, after the work, was
    refused. Now the status line says it from the start (the work is still kept aside as usual)."""
    import errno
    import os

    root = example_project / "webapp2"
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda path, mode, *a, **k: False if Path(path) == root else real_access(path, mode)
    )
    window.open_path(example_project)
    assert "this folder is read-only here: Save will be refused" in window.status.text()

    def read_only(path: Path, data: bytes) -> str:
        raise OSError(errno.EROFS, "Read-only file system", str(path))

    from designer.core import files as files_mod

    monkeypatch.setattr(files_mod, "_prepare", read_only)
    window.editor.set_field(0, "package", "name", "Renamed lock", "rename")
    assert window.save() is False
    assert "Read-only file system" in warnings[0][1]
    assert window.isWindowModified()
    window.editor.undo_stack.setClean()


def test_a_file_where_the_designer_keeps_its_folder_stops_a_save_that_removes_a_plugin(
    window, qtbot, example_project: Path, warnings
) -> None:
    """A '.plugin-designer' file beside webapp2/ (PD110): saving a removed plugin said only
    "…/.plugin-designer/trash: Not a directory". Now it names the file, says why the designer
    needs that name and what to do; nothing is moved, and the edit stays to save again."""
    from test_editing import select_plugin

    own = example_project / ".plugin-designer"
    own.write_text("notes", encoding="utf-8")
    window.open_path(example_project)
    before = len(window.package.plugins)
    select_plugin(window, qtbot, 1)
    window.remove_plugin()
    assert window.save() is False
    [(title, text)] = warnings
    assert title == "Cannot save"
    assert text.startswith(f"{own} is a file, but the designer keeps its own folder under that name"), text
    assert "Not a directory" not in text and "Rename or move that file away" in text
    assert own.read_text(encoding="utf-8") == "notes"
    assert len(window.package.plugins) == before - 1 and window.isWindowModified()
    own.unlink()  # moved away: the same save now goes through, the plugin's files in the trash
    assert window.save() is True
    assert (own / "trash").is_dir()


def _lock_package(project: Path) -> bytes:
    return (project / LOCK / "lock-toggle.plugin.package.json").read_bytes()


def _edited_beside_another_copy(window, project: Path) -> tuple[Path, bytes]:
    """A copy of ``project`` beside it (its Lock toggle package file as it is), then ``project``
    opened with its first plugin renamed and not saved: what a link may lead to instead."""
    other = project.with_name("other")
    shutil.copytree(project, other)
    before = _lock_package(other)
    window.open_path(project)
    window.editor.set_field(0, "package", "name", "Renamed lock", "rename")
    return other, before


def test_webapp2_replaced_by_a_link_elsewhere_is_not_saved_through(
    window, example_project: Path, warnings, monkeypatch
) -> None:
    """Another program renamed webapp2/ away and put a symbolic link named webapp2 to another copy
    in its place: Save wrote the edits through the link, into a folder the user never opened, and
    said "Saved". Now it refuses, naming the folder and where the link leads, and the edits stay
    unsaved; Save As refuses too (it would copy the other folder's files into the new one)."""
    from PySide6.QtWidgets import QMessageBox

    other, before = _edited_beside_another_copy(window, example_project)
    (other / "webapp2/not-mine.txt").write_text("another project's file")
    webapp2 = example_project / "webapp2"
    away = example_project / "webapp2-away"
    webapp2.rename(away)
    webapp2.symlink_to(other / "webapp2", target_is_directory=True)
    window.save_action.trigger()
    assert _lock_package(other) == before
    assert b"Renamed lock" not in (away / "plugins/lock-toggle/lock-toggle.plugin.package.json").read_bytes()
    ((title, text),) = warnings
    assert title == "Cannot save"
    assert str(webapp2) in text and str(other / "webapp2") in text and "symbolic link" in text
    assert "your changes are still here" in text
    assert window.isWindowModified() and window.package.plugins[0].package.name == "Renamed lock"
    copy = example_project.with_name("copy")
    monkeypatch.setattr(
        "designer.gui.panes.new_project_dialog.ask_save_as_folder", lambda parent, project, current: copy
    )
    assert window.save_as() is False
    assert not copy.exists() and "symbolic link" in warnings[1][1]
    window.package.files.invalidate()  # listed again through the link, as a change seen on disk does
    assert "not-mine.txt" in window.package.files.names()
    webapp2.unlink()  # the way out when the folder cannot be put back: now it is gone, and Save As saves
    window.package.files.invalidate()
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: asked.append(text) or QMessageBox.Save)
    assert window.save_as() is True
    assert b"Renamed lock" in _lock_package(copy)
    assert not (copy / "webapp2/not-mine.txt").exists()
    # The files left out are this project's, as last seen in its own folder, not the other one's.
    assert "plugins/lock-toggle/lock-toggle.plugin.js" in asked[0] and "not-mine.txt" not in asked[0]
    assert _lock_package(other) == before


def test_exporting_through_a_link_put_in_the_folders_place_is_refused(example_project: Path) -> None:
    """The export writes manifest.json (the new brandingID) into the package: through the link it
    went into the other copy."""
    from designer.core.export import plan_export, write_export
    from designer.core.files import FolderReplacedError
    from designer.core.model import load

    other = example_project.with_name("other")
    shutil.copytree(example_project, other)
    manifest = (other / "webapp2/manifest.json").read_bytes()
    plan = plan_export(load(example_project))
    (example_project / "webapp2").rename(example_project / "webapp2-away")
    (example_project / "webapp2").symlink_to(other / "webapp2", target_is_directory=True)
    out = example_project.parent / "b.zip"
    with pytest.raises(FolderReplacedError, match="symbolic link"):
        write_export(plan, out)
    assert (other / "webapp2/manifest.json").read_bytes() == manifest and not out.exists()


def test_webapp2_put_back_after_a_link_saves_there(window, example_project: Path, warnings) -> None:
    """The folder put back in place of the link: Save writes there, as before."""
    other, before = _edited_beside_another_copy(window, example_project)
    webapp2 = example_project / "webapp2"
    webapp2.rename(example_project / "webapp2-away")
    webapp2.symlink_to(other / "webapp2", target_is_directory=True)
    assert window.save() is False
    webapp2.unlink()
    (example_project / "webapp2-away").rename(webapp2)
    assert window.save() is True
    assert b"Renamed lock" in _lock_package(example_project)
    assert _lock_package(other) == before


def test_a_project_folder_become_a_link_elsewhere_is_not_saved_through(window, example_project: Path, warnings) -> None:
    """The project folder itself renamed away and a link to another copy put in its place."""
    other, before = _edited_beside_another_copy(window, example_project)
    example_project.rename(example_project.with_name("away"))
    example_project.symlink_to(other, target_is_directory=True)
    assert window.save() is False
    assert _lock_package(other) == before
    assert str(example_project / "webapp2") in warnings[0][1] and "symbolic link" in warnings[0][1]
    assert window.isWindowModified()
    window.editor.undo_stack.setClean()


def test_a_project_opened_through_a_link_still_saves(window, example_project: Path, warnings) -> None:
    """A project opened by a link (a folder kept on another drive) is the folder the user opened:
    it saves as before, and so does one whose folder was moved with a link left at the old place."""
    link = example_project.with_name("link")
    link.symlink_to(example_project, target_is_directory=True)
    window.open_path(link)
    window.editor.set_field(0, "package", "name", "Renamed lock", "rename")
    assert window.save() is True
    assert b"Renamed lock" in _lock_package(example_project)
    moved = example_project.with_name("moved")
    example_project.rename(moved)
    link.unlink()
    link.symlink_to(moved, target_is_directory=True)
    window.editor.set_field(0, "package", "name", "Lock again", "rename")
    assert window.save() is True
    assert b"Lock again" in _lock_package(moved)
    assert warnings == []
