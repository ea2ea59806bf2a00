"""The designer run as root through sudo: what it makes in the user's folders goes back to them."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLE

from designer.core.sudo import give_back, made_for_them, sudo_owner
from designer.gui.main_window import MainWindow

pytestmark = pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to chown")

ALICE = (4242, 4343)


def owners(folder: Path) -> set[tuple[int, int]]:
    return {(st.st_uid, st.st_gid) for p in [folder, *folder.rglob("*")] for st in [os.lstat(p)]}


@pytest.fixture
def alices_project(tmp_path: Path, monkeypatch) -> Path:
    """The example in a home of alice's, the designer run for her by sudo."""
    home = tmp_path / "home"
    shutil.copytree(EXAMPLE, home / "project", ignore=shutil.ignore_patterns(".plugin-designer"))
    for p in [home, *home.rglob("*")]:
        os.lchown(p, *ALICE)
    monkeypatch.setenv("SUDO_UID", str(ALICE[0]))
    monkeypatch.setenv("SUDO_GID", str(ALICE[1]))
    monkeypatch.setenv("SUDO_USER", "alice")
    return home / "project"


def test_a_project_saved_through_sudo_is_given_back_to_its_owner(
    window: MainWindow, alices_project: Path, tmp_path: Path, capsys
) -> None:
    """`sudo -E plugin-designer ~/project` (or `sudo dev.sh open ~/project`): a save left root's
    files in the user's project (a plugin added, .plugin-designer), and their next run as
    themselves failed with "Permission denied". The designer says once that it runs as root for
    them, and when it ends gives what it made in their folders back to them; not in root's."""
    from designer.gui.app import give_back_after_sudo, say_run_through_sudo

    owner = sudo_owner()
    assert owner == ALICE
    say_run_through_sudo(window, owner)
    assert "Running as root through sudo (for alice)" in capsys.readouterr().err
    assert "given back to alice" in window.status.text()
    window.open_path(alices_project)
    window.editor.set_field(0, "package", "name", "Saved as root", "rename")
    assert window.save()
    assert owners(alices_project) == {ALICE}  # (given at once: a crash would not wait for the end)
    roots = tmp_path / "roots"
    roots.mkdir()
    (roots / "made.json").write_text("{}")  # (in a folder of root's: stays root's)
    window.opened_folders.add(roots)
    give_back_after_sudo(window, owner)
    assert owners(alices_project) == {ALICE}
    assert owners(roots) == {(0, 0)}


def test_give_back_leaves_a_link_pointing_out_alone(alices_project: Path, tmp_path: Path) -> None:
    """A link root made in the project is given back itself; what it points to (a file of root's
    elsewhere) is not."""
    outside = tmp_path / "root-only.txt"
    outside.write_text("root's")
    (alices_project / "link").symlink_to(outside)
    assert give_back(alices_project, ALICE) == 1
    assert os.lstat(alices_project / "link").st_uid == ALICE[0]
    assert os.stat(outside).st_uid == 0


def test_no_sudo_owner_for_root_itself_or_a_user(monkeypatch) -> None:
    monkeypatch.setenv("SUDO_UID", "0")
    assert sudo_owner() is None
    monkeypatch.delenv("SUDO_UID")
    assert sudo_owner() is None
    monkeypatch.setattr(os, "geteuid", lambda: 1000)
    monkeypatch.setenv("SUDO_UID", "4242")
    assert sudo_owner() is None


def test_a_project_of_the_users_in_a_folder_of_roots_is_given_back_too(alices_project: Path, tmp_path: Path) -> None:
    """A project of alice's kept in a shared folder of root's (/srv/projects): what root saved in it
    stayed root's, as only a folder inside one of hers was given back."""
    shared = tmp_path / "srv"
    shared.mkdir()
    project = shared / "project"
    alices_project.rename(project)
    (project / "webapp2/saved-as-root.json").write_text("{}")
    assert give_back(project, ALICE) == 1
    assert owners(project) == {ALICE}


def test_plain_sudo_keeps_the_crash_copies_in_the_users_home_and_gives_them_to_the_user(
    alices_project: Path, tmp_path: Path, monkeypatch
) -> None:
    """Plain `sudo plugin-designer` (HOME=/root, no XDG_* kept): the crash copies and settings went
    to root's home, where the user's next run never looks; and a copy kept before a crash (no close
    to give anything back) was root's in a home of theirs. They go to the user's home, theirs at once."""
    from designer.core import sudo
    from designer.core.files import atomic_write
    from designer.core.recovery import recovery_dir

    home = alices_project.parent
    monkeypatch.setenv("HOME", str(tmp_path / "root"))
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.delenv("XDG_CONFIG_HOME")
    monkeypatch.setattr(sudo, "sudo_home", lambda owner: home if owner == ALICE else None)
    sudo.use_sudo_users_folders(ALICE)
    assert recovery_dir() == home / ".local" / "share" / "plugin-designer" / "recovery"
    assert os.environ["XDG_CONFIG_HOME"] == str(home / ".config")
    atomic_write(recovery_dir() / "copy.json", b"{}")  # (as the autosave writes it, before any crash)
    assert owners(home / ".local") == {ALICE}


def test_a_zip_exported_through_sudo_into_a_folder_of_the_users_is_theirs(alices_project: Path, tmp_path: Path) -> None:
    """`sudo plugin-designer export ~/project -o ~/out/branding.zip`: the ZIP, the project's new
    brandingID and its record were root's, and the user could not replace them on the next export."""
    from designer.core.export import export_package

    out = alices_project.parent / "out"
    out.mkdir()
    os.lchown(out, *ALICE)
    export_package(alices_project, out / "branding.zip")
    assert owners(out) == {ALICE}
    assert owners(alices_project) == {ALICE}


def test_a_zip_exported_through_sudo_into_a_folder_of_roots_is_the_users(alices_project: Path, tmp_path: Path) -> None:
    """`sudo plugin-designer export ~/project -o /tmp/branding.zip`: the ZIP the user asked for was
    root's, and in /tmp (sticky) their next export, as themselves, could not replace it."""
    from designer.core.export import export_package

    shared = tmp_path / "shared"
    shared.mkdir(mode=0o1777)
    export_package(alices_project, shared / "branding.zip")
    assert owners(shared / "branding.zip") == {ALICE}
    assert os.lstat(shared).st_uid == 0


@pytest.mark.parametrize("command", ["import", "new"])
def test_a_project_imported_or_made_through_sudo_from_the_command_line_is_the_users(
    alices_project: Path, tmp_path: Path, command: str
) -> None:
    """`sudo plugin-designer import branding.zip -o ~/project` (or `new`): the command line gives
    nothing back when it ends, and the whole project was root's; the user could not save in it."""
    import subprocess
    import sys

    from conftest import ROOT

    from designer.core.export import export_package

    source = tmp_path / "branding.zip"
    export_package(alices_project, source)
    target = alices_project.parent / "made"
    args = ["import", str(source), "-o", str(target)] if command == "import" else ["new", str(target)]
    run = subprocess.run([sys.executable, "-m", "designer", *args], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert owners(target) == {ALICE}


def test_a_config_folder_root_made_in_the_users_home_is_given_back_whole(alices_project: Path) -> None:
    """Under plain sudo the settings go to the user's ~/.config; where they had none, Qt made it as
    root, and only the folder in it was looked at (its parent root's): ~/.config stayed root's, and
    the user's other programs could no longer keep their settings there."""
    home = alices_project.parent
    settings = home / ".config" / "Pexip" / "Plugin Designer.conf"
    settings.parent.mkdir(parents=True)
    settings.write_text("[General]")
    assert made_for_them(settings.parent, ALICE) == home / ".config"
    give_back(made_for_them(settings.parent, ALICE), ALICE)
    assert owners(home / ".config") == {ALICE}
    roots = home.parent / "roots"  # (made in no folder of the user's: itself, for give_back to decline)
    roots.mkdir()
    assert made_for_them(roots, ALICE) == roots


def test_the_folders_made_around_a_project_imported_through_sudo_are_the_users(
    alices_project: Path, tmp_path: Path
) -> None:
    """`sudo plugin-designer import branding.zip -o ~/work/new/project`: the project was given to the
    user, but ~/work and ~/work/new, made for it, stayed root's (so did a fresh ~/.local/share made
    for the example's copy), and the user could not write in them."""
    from designer.core.archive import import_zip
    from designer.core.export import export_package

    source = tmp_path / "branding.zip"
    export_package(alices_project, source)
    work = alices_project.parent / "work"
    import_zip(source, work / "new" / "project")
    assert owners(work) == {ALICE}


def test_the_settings_written_through_sudo_are_the_users_at_once(alices_project: Path, qapp) -> None:
    """Run through sudo, the settings file in the user's ~/.config was given back only when the
    designer closed; killed before, it stayed root's, and their own runs could remember nothing."""
    from PySide6.QtCore import QSettings

    from designer.gui.app import remember_project

    config = Path(os.environ["XDG_CONFIG_HOME"])  # (the tests' own: the user's for this test)
    os.lchown(config, *ALICE)
    try:
        remember_project(alices_project)
        assert os.lstat(QSettings().fileName()).st_uid == ALICE[0]
    finally:
        for path in [config, *config.rglob("*")]:
            os.lchown(path, 0, 0)


def test_plain_sudo_keeps_roots_folders_when_the_users_home_is_not_roots_to_write(
    alices_project: Path, tmp_path: Path, monkeypatch
) -> None:
    """A home on a network drive that maps root to nobody: crash copies sent there could not be
    written at all (each autosave said so); they stay in root's home, as before."""
    from designer.core import sudo

    home = alices_project.parent
    monkeypatch.setenv("HOME", str(tmp_path / "root"))
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.delenv("XDG_CONFIG_HOME")
    monkeypatch.setattr(sudo, "sudo_home", lambda owner: home)
    monkeypatch.setattr(os, "access", lambda path, mode: Path(path) != home)
    sudo.use_sudo_users_folders(ALICE)
    assert "XDG_DATA_HOME" not in os.environ and "XDG_CONFIG_HOME" not in os.environ


def test_a_project_imported_through_sudo_into_a_users_empty_folder_in_a_folder_of_roots_is_theirs(
    alices_project: Path, tmp_path: Path
) -> None:
    """`sudo plugin-designer import branding.zip -o /srv/projects/alice` (an empty folder of hers in
    a folder of root's): unpacked beside it, in root's folder, nothing was given, and the files
    moved into her folder stayed root's."""
    from designer.core.archive import import_zip
    from designer.core.export import export_package

    source = tmp_path / "branding.zip"
    export_package(alices_project, source)
    shared = tmp_path / "srv"
    (shared / "alice").mkdir(parents=True)
    os.lchown(shared / "alice", *ALICE)
    import_zip(source, shared / "alice")
    assert owners(shared / "alice") == {ALICE}


def test_the_window_place_and_the_new_project_folder_written_through_sudo_are_the_users_at_once(
    alices_project: Path, qapp
) -> None:
    """The window's place (written as it closes) and New Project's folder went through QSettings
    themselves, not through store_setting: each put the settings file back in root's hands."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QWidget

    from designer.gui.panes.new_project_dialog import PLACE_KEY, NewProjectDialog
    from designer.gui.screen_fit import remember_place

    config = Path(os.environ["XDG_CONFIG_HOME"])  # (the tests' own: the user's for this test)
    os.lchown(config, *ALICE)
    try:
        for remember in (
            lambda: remember_place(QWidget(), "testPlace"),
            lambda: _new_project_accepted(alices_project.parent, NewProjectDialog, PLACE_KEY),
        ):
            settings = Path(QSettings().fileName())
            if settings.exists():
                os.lchown(settings, 0, 0)  # (as root's last write left it)
            remember()
            assert os.lstat(QSettings().fileName()).st_uid == ALICE[0]
    finally:
        QSettings().remove("testPlace")
        QSettings().remove(PLACE_KEY)
        for path in [config, *config.rglob("*")]:
            os.lchown(path, 0, 0)


def _new_project_accepted(place: Path, dialog_class, key: str) -> None:
    """New Project's Create accepted for a project in ``place``: the place remembered under ``key``."""
    from PySide6.QtCore import QSettings

    dialog = dialog_class(place=place)
    dialog.accept()
    assert QSettings().value(key) == str(place)
    dialog.deleteLater()
