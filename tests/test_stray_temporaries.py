"""A save killed between writing its temporary file and renaming it leaves that file behind.

Such a file is the designer's, not the user's: no listing, check, tree or export shows it, and
the next save into its folder removes it, once nobody can still be writing it. The tests make
the leftovers the way a crash does (a child process killed by SIGKILL inside a save) or by hand,
with the name pattern the saves use.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT
from PySide6.QtWidgets import QTreeWidget

from designer.core.checks import run_checks
from designer.core.export import export_package, plan_export
from designer.core.files import is_temporary, remove_stale_temporaries
from designer.core.model import load, save

LOCK = "plugins/lock-toggle"


def _ended_process_id() -> int:
    """The id of a process that has ended (and been reaped)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _later(monkeypatch: pytest.MonkeyPatch, seconds: float) -> None:
    """The clock ``seconds`` ahead, as when the next save comes that much after the crash."""
    real = time.time
    monkeypatch.setattr(time, "time", lambda: real() + seconds)


def _hidden_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def _killed_save(project: Path) -> list[Path]:
    """Run a save of ``project`` in a child process that is killed (SIGKILL) just before the
    rename; the temporary files it left."""
    script = textwrap.dedent(
        f"""
        import os, signal, sys
        sys.path.insert(0, {str(ROOT)!r})
        from designer.core.model import load, save
        pkg = load({str(project)!r})
        pkg.plugins[1].entry.enabled = False
        os.replace = lambda *a, **k: os.kill(os.getpid(), signal.SIGKILL)
        save(pkg)
        """
    )
    child = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert child.returncode == -signal.SIGKILL, child.stderr
    return sorted(p for p in (project / "webapp2").iterdir() if p.name.endswith(".tmp"))


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="kill -9 is POSIX")
def test_a_save_killed_before_its_rename_leaves_nothing_the_user_sees(
    example_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After kill -9 in the middle of a save, settings.json's temporary files stayed in webapp2/
    for good. Now the check, the package's file list and the export pass them over, and the next
    save (a minute later) removes them."""
    settings = (example_project / "webapp2/settings.json").read_bytes()
    left = _killed_save(example_project)
    # The new settings.json, and the old one kept to put back should a later step fail.
    assert sorted(p.name.startswith(".settings.json.") + p.name.endswith(".old.tmp") for p in left) == [1, 2]
    assert (example_project / "webapp2/settings.json").read_bytes() == settings  # the old file, whole

    pkg = load(example_project)
    assert not any(n.endswith(".tmp") for n in pkg.names())
    assert run_checks(pkg) == []
    plan = plan_export(pkg)
    assert not any(".tmp" in name for name in [*plan.entries, *plan.skipped])
    result = export_package(pkg, tmp_path / "out.zip")
    with zipfile.ZipFile(result.path) as zf:
        assert not any(".tmp" in name for name in zf.namelist())
    assert all(p.exists() for p in left)  # the export came at once: the crash may be the save of a running designer

    _later(monkeypatch, 120)
    pkg = load(example_project)
    pkg.plugins[0].entry.enabled = False
    save(pkg)
    assert _hidden_files(example_project / "webapp2") == []


def test_only_the_leftovers_nobody_writes_any_more_go(example_project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A save removes the temporary files of ended processes once they are a minute old; its own
    process's and another running one's stay (they may be writing), and so does every file whose
    name only looks like ours."""
    web = example_project / "webapp2"
    ended = _ended_process_id()
    ours = f".manifest.json.pd-{os.getpid()}-k3j5h7g9.tmp"
    theirs = f".manifest.json.pd-{os.getppid()}-k3j5h7g9.tmp"  # a running process (pytest's parent)
    stale = [f".settings.json.pd-{ended}-a1b2c3d4.tmp", f".settings.json.pd-{ended}-0f1e2d3c.old.tmp"]
    look_alikes = [
        f"settings.json.pd-{ended}-a1b2c3d4.tmp",  # not hidden
        f".settings.json.pd-{ended}-a1b2c3.tmp",  # 6 letters, not 8
        f".settings.json.pd-{ended}-A1B2C3D4.tmp",  # capitals: not tempfile's
        ".settings.json.pd--a1b2c3d4.tmp",  # no process id
        f".settings.json.pd-{ended}-a1b2c3d4.tmp.bak",
        ".settings.json.a1b2c3d4.tmp",  # an older designer's name: it cannot tell whose
        ".notes.tmp",
    ]
    for name in [ours, theirs, *stale, *look_alikes]:
        (web / name).write_text("{")
    (web / f".x.pd-{ended}-a1b2c3d4.tmp").mkdir()  # a folder is never one of ours
    assert [is_temporary(n) for n in [ours, theirs, *stale, *look_alikes]] == [True] * 4 + [False] * 7

    assert remove_stale_temporaries(web) == []  # written just now: may be in the middle of a save
    _later(monkeypatch, 120)
    pkg = load(example_project)
    pkg.plugins[1].entry.enabled = False
    assert save(pkg) == ["settings.json"]
    assert _hidden_files(web) == sorted([ours, theirs, *look_alikes[1:], f".x.pd-{ended}-a1b2c3d4.tmp"])

    _later(monkeypatch, 3700)  # an hour on, the ids may be other programs': no save takes that long
    assert sorted(remove_stale_temporaries(web)) == sorted([ours, theirs])


def test_a_leftover_in_a_plugin_folder_is_not_listed_in_the_project_tree(window, example_project: Path) -> None:
    """The tree listed a plugin's hidden temporary file among its files, and removing the plugin
    would have moved it to the trash with them."""
    ended = _ended_process_id()
    (example_project / "webapp2" / LOCK / f".lock.svg.pd-{ended}-zz09ab12.tmp").write_text("<svg")
    assert window.open_path(example_project)
    tree = window.findChild(QTreeWidget, "projectTree")
    lock = tree.topLevelItem(0).child(2)
    assert lock.text(0) == "Lock toggle"
    assert [lock.child(i).text(0) for i in range(lock.childCount())] == [
        "lock-toggle.plugin.js",
        "lock-toggle.plugin.package.json",
        "lock.svg",
        "unlock.svg",
    ]


def test_the_next_export_to_a_folder_removes_its_stale_temporary_zip(
    example_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An export killed before its rename left the hidden temporary ZIP next to the output."""
    out = tmp_path / "dist" / "branding.zip"
    out.parent.mkdir()
    leftover = out.parent / f".branding.zip.pd-{_ended_process_id()}-q1w2e3r4.tmp"
    leftover.write_bytes(b"PK")
    _later(monkeypatch, 120)
    export_package(example_project, out)
    assert sorted(p.name for p in out.parent.iterdir()) == ["branding.zip"]


def test_a_file_with_a_long_name_is_saved_and_its_temporary_names_are_known(
    example_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file whose name was near the file system's limit (a Chinese name of 83 characters, 253
    bytes) could be opened and edited but not saved: 'File name too long', from its temporary
    file's name, which is the file's name and some 20 characters more."""
    name = "图" * 83 + ".svg"
    assert len(name.encode()) == 253
    folder = example_project / "webapp2" / LOCK
    (folder / name).write_bytes((folder / "lock.svg").read_bytes())
    pkg = load(example_project)
    rel = f"{LOCK}/{name}"
    edited = pkg.read_text(rel).replace("<svg", "<svg ", 1)
    pkg.pending_texts[rel] = edited
    renamed: list[str] = []
    real = os.replace
    monkeypatch.setattr(os, "replace", lambda src, dst: renamed.append(os.path.basename(src)) or real(src, dst))
    assert save(pkg) == [rel]
    assert (folder / name).read_text(encoding="utf-8") == edited
    assert renamed and all(is_temporary(n) and len(n.encode()) <= 255 for n in renamed)
    assert _hidden_files(folder) == []


def _killed_import(zip_path: Path, target: Path) -> list[Path]:
    """Run an import in a child process killed (SIGKILL) just before it renames its unpacking
    folder into place; the folders it left beside ``target``."""
    script = textwrap.dedent(
        f"""
        import os, signal, sys
        sys.path.insert(0, {str(ROOT)!r})
        from pathlib import Path
        from designer.core.archive import import_zip
        os.rename = lambda *a, **k: os.kill(os.getpid(), signal.SIGKILL)
        import_zip(Path({str(zip_path)!r}), Path({str(target)!r}))
        """
    )
    child = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert child.returncode == -signal.SIGKILL, child.stderr
    return sorted(p for p in target.parent.iterdir() if p.name.startswith("."))


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="kill -9 is POSIX")
def test_an_import_killed_before_its_rename_is_cleaned_up_by_the_next_one(
    example_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """After kill -9 in the middle of an import, its hidden folder with the whole unpacked package
    stayed beside the project for good, and `check` of it passed it as a project. Now it is named
    for what it is, and the next import into that folder (a minute later) removes it."""
    from designer.cli import main

    zipped = tmp_path / "branding.zip"
    assert main(["export", str(example_project), "-o", str(zipped)]) == 0
    projects = tmp_path / "projects"
    projects.mkdir()
    [left] = _killed_import(zipped, projects / "first")
    assert (left / "webapp2" / "settings.json").is_file() and not (projects / "first").exists()
    capsys.readouterr()
    assert main(["check", str(left)]) == 2
    assert "is not a project but what an interrupted import left behind" in capsys.readouterr().err
    assert main(["check", str(left / "webapp2")]) == 2
    # One of an import still running here (this process), and folders that only look alike: kept.
    running = projects / f".other.import-{os.getpid()}-abcdefgh"
    lookalikes = [projects / ".notes.import-old", projects / f".x.import-{_ended_process_id()}-abc"]
    for folder in (running, *lookalikes):
        folder.mkdir()
    assert main(["import", str(zipped), "-o", str(projects / "second")]) == 0  # at once: it may still be busy
    assert left.is_dir()
    _later(monkeypatch, 120)
    capsys.readouterr()
    assert main(["import", str(zipped), "-o", str(projects / "third"), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["removed_leftovers"] == [left.name]
    assert doc["kept_copy"] == str(projects / "third" / ".plugin-designer" / "imported.zip")
    assert sorted(p.name for p in projects.iterdir()) == sorted(
        ["second", "third", running.name, *(p.name for p in lookalikes)]
    )


def test_an_abandoned_import_folder_a_thousand_folders_deep_is_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The unpacking folder of a killed import, holding an entry nested deeper than Python's
    recursion limit: shutil.rmtree, which calls itself once per folder level, raised
    RecursionError out of the clean-up that never raises, so every later import into that folder
    ended in a traceback."""
    from designer.core.files import remove_import_leftovers

    left = tmp_path / f".first.import-{_ended_process_id()}-abcdefgh"
    path = str(left / "webapp2")
    os.makedirs(path)
    for _ in range(1100):
        path = os.path.join(path, "a")
        os.mkdir(path)
    Path(path, "x.svg").write_text("<svg/>")
    os.symlink(tmp_path / "outside", Path(path, "link"))  # removed, not followed
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "keep.txt").write_text("mine")
    _later(monkeypatch, 120)
    assert remove_import_leftovers(tmp_path) == [left.name]
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["keep.txt", "outside"]


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="kill -9 is POSIX")
def test_a_new_project_killed_half_way_leaves_no_broken_project(tmp_path: Path, monkeypatch) -> None:
    """The designer killed while New Project wrote its files (a crash, a power cut): the folder
    held a plugin and no settings.json or manifest.json, checked as three errors, and `new` there
    again was refused. Now the files are written whole in a hidden folder first: the project is
    not there at all, the same name works again, and the next new project there sweeps the rest."""
    from designer.core.newproject import create_project

    target = tmp_path / "My branding"
    script = textwrap.dedent(
        f"""
        import os, signal, sys
        from pathlib import Path
        sys.path.insert(0, {str(ROOT)!r})
        from designer.core.newproject import create_project
        real, done = os.replace, []

        def replace_then_die(src, dst, *args, **kwargs):  # killed once two files are written
            real(src, dst, *args, **kwargs)
            done.append(dst)
            if len(done) == 2:
                os.kill(os.getpid(), signal.SIGKILL)

        os.replace = replace_then_die
        create_project(Path({str(target)!r}))
        """
    )
    child = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert child.returncode == -signal.SIGKILL, child.stderr
    assert not target.exists()
    (leftover,) = tmp_path.iterdir()
    assert leftover.name.startswith(".My branding.import-")

    _later(monkeypatch, 120)  # (a minute on: nobody writes it any more)
    assert load(create_project(target)).plugins
    assert [p.name for p in tmp_path.iterdir()] == ["My branding"]
