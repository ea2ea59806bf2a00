"""Crash recovery: edits made before a crash are offered back, and restore exactly."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import ROOT, renamed_elsewhere, snapshot
from PySide6.QtWidgets import QMessageBox

from designer.core.model import load, pending_writes, save
from designer.core.plugins import add_plugin, remove_plugin
from designer.core.recovery import (
    DamagedRecovery,
    Recovery,
    discard_kept,
    read_recovery,
    recovered_package,
    recovery_dir,
    write_recovery,
)
from designer.gui.main_window import MainWindow


def test_core_round_trip_of_every_kind_of_edit(example_project: Path, tmp_path: Path) -> None:
    pkg = load(example_project)
    pkg.plugins[0].package.name = "Lock it"
    add_plugin(pkg, "New one")
    remove_plugin(pkg, 1)
    pkg.pending_texts["plugins/lock-toggle/blob.bin"] = bytes(range(256)).decode("utf-8", "surrogateescape")
    write_recovery(pkg)
    expected_files = snapshot(example_project)  # nothing written to the project by the recovery copy
    fresh = load(example_project)
    recovery = read_recovery(fresh.files.root)
    assert recovery is not None and "plugins/lock-toggle/blob.bin" in recovery.writes
    restored = recovered_package(fresh, recovery)
    assert [p.display_name for p in restored.plugins] == ["Lock it", "Raise hand helper", "New one"]
    assert snapshot(example_project) == expected_files
    save(restored)
    other = tmp_path / "other"
    import shutil

    shutil.copytree(ROOT / "resources/examples/demo", other)
    pkg2 = load(other)
    pkg2.plugins[0].package.name = "Lock it"
    add_plugin(pkg2, "New one")
    remove_plugin(pkg2, 1)
    pkg2.pending_texts["plugins/lock-toggle/blob.bin"] = bytes(range(256)).decode("utf-8", "surrogateescape")
    save(pkg2)
    strip = lambda snap: {k: v for k, v in snap.items() if not k.startswith(".plugin-designer")}  # noqa: E731
    assert strip(snapshot(example_project)) == strip(snapshot(other))
    assert (example_project / "webapp2/plugins/lock-toggle/blob.bin").read_bytes() == bytes(range(256))


def test_nothing_unsaved_means_no_recovery_file(example_project: Path) -> None:
    pkg = load(example_project)
    assert write_recovery(pkg) is None
    assert read_recovery(pkg.files.root) is None


def test_an_autosave_reads_the_head_of_each_copy_once(example_project: Path, monkeypatch) -> None:
    """Whether another window keeps the copy and whether a crash left it were asked one after the
    other, and each read the copy's head again: twice per copy at every autosave (and every save)."""
    from designer.core import recovery

    reads: list[Path] = []
    real = recovery._read_head
    monkeypatch.setattr(recovery, "_read_head", lambda path: reads.append(path) or real(path))
    pkg = load(example_project)
    pkg.plugins[0].package.name = "Lock it"
    kept = write_recovery(pkg)  # the first: nothing to read yet but the (absent) copy
    assert kept is not None and reads == [kept]
    reads.clear()
    pkg.plugins[0].package.name = "Lock it now"
    assert write_recovery(pkg) == kept  # the next autosave: the copy there is this process's own
    assert reads == [kept]
    reads.clear()
    save(pkg)
    write_recovery(pkg)  # nothing unsaved: the copy goes, each of its two possible places looked at once
    assert sorted(reads) == sorted({kept, kept.with_name(f"{kept.stem}.{os.getpid()}.json")})
    assert not kept.exists()


CRASHER = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from designer.gui.main_window import MainWindow
    win = MainWindow()
    win.open_path(Path(sys.argv[1]))
    win.editor.set_field(0, "package", "name", "Crash-proof lock", "rename")
    win.editor.set_field(1, "entry", "enabled", False, "switch off")
    win.autosave()
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


def answer_yes(monkeypatch) -> list[str]:
    """Every question asked is answered Yes; the list returned gathers their texts."""
    asked: list[str] = []

    def yes(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    return asked


def test_killed_designer_offers_its_edits_back(window: MainWindow, qtbot, example_project: Path, monkeypatch) -> None:
    before = snapshot(example_project)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-c", CRASHER, str(example_project)], cwd=ROOT, env=env, capture_output=True)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()
    assert snapshot(example_project) == before  # the crash left the project untouched
    asked = answer_yes(monkeypatch)
    window.open_path(example_project)
    assert asked and "closed without saving changes" in asked[0]
    assert window.package.plugins[0].display_name == "Crash-proof lock"
    assert window.package.plugins[1].entry.enabled is False
    assert window.isWindowModified()
    assert window.editor.undo_stack.undoText().startswith("Restore unsaved changes from")
    window.save()
    package = json.loads((example_project / "webapp2/plugins/lock-toggle/lock-toggle.plugin.package.json").read_text())
    assert package["name"] == "Crash-proof lock"
    assert json.loads((example_project / "webapp2/settings.json").read_text())["plugins"][1]["enabled"] is False
    assert read_recovery(example_project / "webapp2") is None  # saved: the copy is gone


def _recovered_after(window: MainWindow, project: Path, monkeypatch, name: str, *answers) -> None:
    """Open ``project`` with a recovery that renames the first plugin ``name``, answering the
    restore question(s) with ``answers`` in turn."""
    pkg = load(project)
    pkg.plugins[0].package.name = name
    write_recovery(pkg)
    replies = iter(answers)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: next(replies))
    window.open_path(project)


def test_declining_the_recovery_discards_it(window: MainWindow, example_project: Path, monkeypatch) -> None:
    No, Discard = QMessageBox.StandardButton.No, QMessageBox.StandardButton.Discard
    _recovered_after(window, example_project, monkeypatch, "Unwanted", No, Discard)
    assert window.package.plugins[0].display_name == "Lock toggle"
    assert read_recovery(example_project / "webapp2") is None


def test_escape_on_the_recovery_question_loses_nothing(window: MainWindow, example_project: Path, monkeypatch) -> None:
    """Qt reads Escape as No; the edits were deleted for good. Now No asks again, and Escape there
    (Cancel) restores them, as one undo step."""
    No, Cancel = QMessageBox.StandardButton.No, QMessageBox.StandardButton.Cancel
    _recovered_after(window, example_project, monkeypatch, "Kept after all", No, Cancel)
    assert window.package.plugins[0].display_name == "Kept after all"
    assert window.editor.undo_stack.undoText().startswith("Restore unsaved changes")
    window.editor.undo_stack.setClean()  # no "save changes?" question when the window closes


def _damage(target: Path, kind: str) -> None:
    """Put a damaged recovery copy of ``kind`` at ``target``: what a power cut, a failing disk or
    a hand at work can leave where the designer keeps its copy."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if kind == "cut short":
        target.write_text('{\n "format": 1,\n "root": "/somewhere",\n "writes": {"settings.json": "{\\n  \\"plu')
    elif kind == "garbage":
        target.write_bytes(bytes(range(256)) * 4)
    elif kind == "not json":
        target.write_text("{not json")
    else:
        target.mkdir()
        (target / "inside.txt").write_text("kept")


DAMAGED_REASONS = {
    "cut short": "it was cut short",
    "garbage": "it is not a recovery copy",
    "not json": "it is not a recovery copy",
    "folder": "it is a folder, not a file",
}


@pytest.mark.parametrize("kind", list(DAMAGED_REASONS))
def test_a_damaged_recovery_copy_is_moved_aside_and_said_once(
    window: MainWindow, qtbot, example_project: Path, kind: str
) -> None:
    """A copy there but unreadable was ignored without a word: the user never learnt that the work
    expected back was not there, and the next autosave wrote over the copy."""
    from designer.core.recovery import _file_for

    target = _file_for(example_project / "webapp2")
    _damage(target, kind)
    had = snapshot(example_project)
    assert window.open_path(example_project)
    assert window.package.plugins[0].display_name == "Lock toggle"
    assert snapshot(example_project) == had  # the project's files are as last saved
    (aside,) = recovery_dir().glob(f"{target.stem}.*.damaged")
    assert aside.name.startswith(target.stem + ".")
    assert not os.path.lexists(target)
    if kind == "folder":
        assert (aside / "inside.txt").read_text() == "kept"  # moved whole, never deleted
    else:
        assert aside.stat().st_size > 0
    (note,) = window.notes.texts()
    assert note == (
        f"Unsaved changes kept from an earlier session could not be read: {DAMAGED_REASONS[kind]}"
        + (" (its contents are not what Plugin Designer writes)" if "not a recovery" in DAMAGED_REASONS[kind] else "")
        + f". It was moved to {aside}. The project's files are as last saved."
    )
    window.editor.set_field(0, "package", "name", "After the damage", "rename")
    window.autosave()  # the next autosave keeps a fresh copy where the damaged one was
    fresh = read_recovery(example_project / "webapp2")
    assert isinstance(fresh, Recovery) and fresh.path == target
    window.editor.undo_stack.setClean()
    assert window.open_path(example_project, ask=False)
    assert window.notes.texts() == []  # told once: the damaged copy is not read again
    assert list(recovery_dir().glob(f"{target.stem}.*.damaged")) == [aside]


@pytest.mark.parametrize("kind", list(DAMAGED_REASONS))
def test_reading_a_damaged_copy_tells_it_from_none(example_project: Path, kind: str) -> None:
    from designer.core.recovery import _file_for

    target = _file_for(example_project / "webapp2")
    _damage(target, kind)
    found = read_recovery(example_project / "webapp2")
    assert isinstance(found, DamagedRecovery)
    assert found.path == target and found.reason.startswith(DAMAGED_REASONS[kind])
    assert found.kept_at is not None and found.kept_at.parent == target.parent and found.kept_at.exists()
    assert read_recovery(example_project / "webapp2") is None  # moved aside: not read again


def test_a_copy_that_cannot_be_read_says_so(example_project: Path, monkeypatch) -> None:
    from pathlib import Path as PathType

    from designer.core.recovery import _file_for

    target = _file_for(example_project / "webapp2")
    _damage(target, "not json")
    refuse = PathType.read_text

    def read_text(self, *args, **kwargs):
        if self == target:
            raise PermissionError(13, "Permission denied", str(self))
        return refuse(self, *args, **kwargs)

    monkeypatch.setattr(PathType, "read_text", read_text)
    found = read_recovery(example_project / "webapp2")
    assert isinstance(found, DamagedRecovery) and found.reason == "it cannot be read (Permission denied)"


def test_only_the_newest_damaged_copies_are_kept(example_project: Path, tmp_path: Path, monkeypatch) -> None:
    """Something that damaged every copy filled the disk with them, one per opening."""
    import designer.core.recovery as recovery

    monkeypatch.setattr(recovery, "recovery_dir", lambda: tmp_path / "recovery")  # (this test's copies only)
    target = recovery._file_for(example_project / "webapp2")
    kept = []
    for n in range(recovery.KEEP_DAMAGED + 3):
        monkeypatch.setattr(recovery.time, "strftime", lambda _f, n=n: f"20260101-0000{n:02d}")
        _damage(target, "garbage")
        found = read_recovery(example_project / "webapp2")
        assert isinstance(found, DamagedRecovery)
        kept.append(found.kept_at)
    assert sorted((tmp_path / "recovery").glob("*.damaged")) == kept[-recovery.KEEP_DAMAGED :]


def test_the_copy_just_put_aside_is_never_the_one_pruned(example_project: Path, tmp_path: Path, monkeypatch) -> None:
    """Copies put aside in the same second, their names sorting after this one's: the new one
    was pruned at once, and the note named a file that was gone (seen in the suite)."""
    import designer.core.recovery as recovery

    monkeypatch.setattr(recovery, "recovery_dir", lambda: tmp_path / "recovery")
    monkeypatch.setattr(recovery.time, "strftime", lambda _f: "20260101-000000")
    (tmp_path / "recovery").mkdir()
    target = recovery._file_for(example_project / "webapp2")
    for n in range(recovery.KEEP_DAMAGED):
        (tmp_path / "recovery" / f"{target.stem}.20260101-000000-9{n}.damaged").write_text("x")
    _damage(target, "garbage")
    found = read_recovery(example_project / "webapp2")
    assert isinstance(found, DamagedRecovery) and found.kept_at is not None and found.kept_at.exists()
    assert len(list((tmp_path / "recovery").glob("*.damaged"))) == recovery.KEEP_DAMAGED


def test_other_projects_damaged_copies_do_not_push_this_ones_out(
    example_project: Path, tmp_path: Path, monkeypatch
) -> None:
    """Every project's copies share one folder: five damaged copies of other projects removed
    the one a note had just said was kept for this project."""
    import designer.core.recovery as recovery

    monkeypatch.setattr(recovery, "recovery_dir", lambda: tmp_path / "recovery")
    (tmp_path / "recovery").mkdir()
    monkeypatch.setattr(recovery.time, "strftime", lambda _f: "20260101-000000")
    _damage(recovery._file_for(example_project / "webapp2"), "garbage")
    ours = read_recovery(example_project / "webapp2")
    assert isinstance(ours, DamagedRecovery) and ours.kept_at is not None
    others = [tmp_path / f"other{n}" / "webapp2" for n in range(recovery.KEEP_DAMAGED + 1)]
    for n, other in enumerate(others):
        other.mkdir(parents=True)
        monkeypatch.setattr(recovery.time, "strftime", lambda _f, n=n: f"20260102-0000{n:02d}")
        _damage(recovery._file_for(other), "garbage")
        assert isinstance(read_recovery(other), DamagedRecovery)
    assert ours.kept_at.exists()
    left = sorted(p.name for p in (tmp_path / "recovery").glob("*.damaged"))
    assert len(left) == 1 + len(others)  # each project keeps its own


def test_a_damaged_copy_that_cannot_be_moved_is_said_where_it_is(
    window: MainWindow, example_project: Path, monkeypatch
) -> None:
    from designer.core.recovery import _file_for

    target = _file_for(example_project / "webapp2")
    _damage(target, "cut short")

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied", str(src))

    monkeypatch.setattr(os, "rename", refuse)
    assert window.open_path(example_project)
    assert window.notes.texts() == [
        "Unsaved changes kept from an earlier session could not be read: it was cut short. It is at "
        f"{target} (it could not be moved aside). The project's files are as last saved."
    ]
    assert target.exists()
    os.unlink(target)


def test_a_recovery_file_naming_paths_outside_the_package_is_ignored(window: MainWindow, example_project: Path) -> None:
    """A damaged or hand-made recovery file: '../' names were written outside the project on Save,
    and a saved_at of 1e300 or text made the project impossible to open."""
    from designer.core.recovery import FORMAT, _file_for

    target = _file_for(example_project / "webapp2")
    target.parent.mkdir(parents=True, exist_ok=True)
    for data in (
        {"format": FORMAT, "saved_at": 1.0, "writes": {"../../escaped.txt": "x"}, "deletes": []},
        {"format": FORMAT, "saved_at": 1e300, "writes": {"settings.json": "{}"}, "deletes": []},
        {"format": FORMAT, "saved_at": "yesterday", "writes": {}, "deletes": 5},
    ):
        target.write_text(json.dumps(data))
        found = read_recovery(example_project / "webapp2")
        assert isinstance(found, DamagedRecovery) and found.reason.startswith("it is not a recovery copy")
        assert found.kept_at is not None and json.loads(found.kept_at.read_text()) == data  # aside, unchanged
        target.write_text(json.dumps(data))
        assert window.open_path(example_project, ask=False)
    assert not (example_project.parent / "escaped.txt").exists()


def test_the_restore_question_names_files_changed_since(window: MainWindow, example_project: Path, monkeypatch) -> None:
    """Restoring whole files put back the kept version over a later change, unsaid."""
    import os
    import time as time_module

    pkg = load(example_project)
    pkg.plugins[0].package.name = "Kept"
    write_recovery(pkg)
    rel = "plugins/lock-toggle/lock-toggle.plugin.package.json"
    later = time_module.time() + 60
    path = example_project / "webapp2" / rel
    path.write_text(path.read_text().replace('"Lock toggle"', '"Lock toggle (edited elsewhere)"', 1))
    os.utime(path, (later, later))  # edited elsewhere after the crash
    asked: list[str] = []

    def question(_parent, _title, text, *_args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    window.open_path(example_project)
    assert "Changed since then, by another program: " + rel in asked[0]
    window.editor.undo_stack.setClean()


def test_a_fix_that_changes_only_the_text_is_restored_too(
    window: MainWindow, example_project: Path, monkeypatch
) -> None:
    """The Fix that removes a name written twice changes no value, only the text: restored after a
    crash, the recovery said '1 file' and the save then wrote nothing; the name stayed twice."""
    from designer.core.checks import run_checks
    from designer.core.fixes import apply_fix

    manifest = example_project / "webapp2/manifest.json"
    manifest.write_text('{\n    "isSettingsBranded": false,\n    "brandingID": 7,\n    "isSettingsBranded": true\n}\n')
    pkg = load(example_project)
    apply_fix(pkg, next(p.fix for p in run_checks(pkg) if p.code == "PD101"))
    write_recovery(pkg)
    fixed = read_recovery(example_project / "webapp2").writes["manifest.json"]
    assert fixed == b'{\n    "brandingID": 7,\n    "isSettingsBranded": true\n}\n'
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.open_path(example_project)
    assert window.editor.undo_stack.undoText().startswith("Restore unsaved changes from")
    assert "PD101" not in [p.code for p in window.problems]
    window.save()
    assert manifest.read_bytes() == fixed
    window.editor.undo_stack.undo()  # the restore is one step: undone after the save, the file is as it was
    window.save()
    assert manifest.read_bytes().count(b'"isSettingsBranded"') == 2


def test_a_recovery_copy_the_disk_refuses_is_said_in_plain_words(
    window: MainWindow, example_project: Path, monkeypatch
) -> None:
    """A full disk said "Could not keep a recovery copy: [Errno 28] No space left on device: '…'"."""
    import designer.core.recovery as recovery

    def full(_pkg: object, *_more: object, **_options: object) -> None:
        raise OSError(28, "No space left on device", "/home/alex/.local/share/plugin-designer/recovery/x.json")

    monkeypatch.setattr(recovery, "write_recovery", full)
    window.open_path(example_project)
    window.editor.set_field(0, "package", "name", "Renamed", "rename")
    window.autosave()
    said = window.status.text()
    assert said.startswith(
        "Could not keep a recovery copy (/home/alex/.local/share/plugin-designer/recovery/x.json: No space left on device)."
    )
    assert "Errno" not in said and "save them with Ctrl+S" in said


def test_the_recovery_copy_follows_an_undo(window: MainWindow, qtbot, example_project: Path) -> None:
    """Two edits kept aside, the second undone: the copy kept the undone edit until the next
    30-second save, and a crash meanwhile gave it back. Now the copy is the undone state shortly after."""
    from PySide6.QtWidgets import QCheckBox, QLineEdit
    from test_editing import retype, select_plugin, tick

    window.open_path(example_project)
    select_plugin(window, qtbot, 0)
    retype(qtbot, window.findChild(QLineEdit, "nameEdit"), "Kept")
    tick(qtbot, window.findChild(QCheckBox, "enabledCheck"))
    window.autosave()
    settings = "settings.json"
    assert settings in read_recovery(example_project / "webapp2").writes
    qtbot.keySequence(window, "Ctrl+Z")
    qtbot.waitUntil(lambda: settings not in read_recovery(example_project / "webapp2").writes)
    recovery = read_recovery(example_project / "webapp2")
    assert list(recovery.writes) == ["plugins/lock-toggle/lock-toggle.plugin.package.json"] and not recovery.deletes
    assert b'"name": "Kept"' in recovery.writes["plugins/lock-toggle/lock-toggle.plugin.package.json"]
    qtbot.keySequence(window, "Ctrl+Shift+Z")
    qtbot.waitUntil(lambda: settings in read_recovery(example_project / "webapp2").writes)


def test_edits_thrown_away_on_closing_just_after_an_undo_are_not_kept(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """Undo, then close and Discard at once: the copy due after the undo must not bring back
    the edits just thrown away at the next start."""
    from PySide6.QtWidgets import QCheckBox
    from test_editing import select_plugin, tick

    window.open_path(example_project)
    select_plugin(window, qtbot, 0)
    tick(qtbot, window.findChild(QCheckBox, "enabledCheck"))
    tick(qtbot, window.findChild(QCheckBox, "allowUnloadCheck"))
    qtbot.keySequence(window, "Ctrl+Z")
    assert window.close()  # (the window fixture answers Discard)
    window.autosave()  # what the timer started by the undo does a moment later
    assert read_recovery(example_project / "webapp2") is None


def test_undoing_the_restore_then_closing_keeps_the_work_for_the_next_start(
    window: MainWindow, qtbot, example_project: Path, monkeypatch
) -> None:
    """Restore, Ctrl+Z, close: the package was as on disk, so closing asked nothing, and the
    undo had removed the recovery copy too: the restored work was gone. Now the next start offers it again."""
    from conftest import shown

    Yes = QMessageBox.StandardButton.Yes
    _recovered_after(window, example_project, monkeypatch, "Restored work", Yes)
    assert window.package.plugins[0].display_name == "Restored work"
    qtbot.keySequence(window, "Ctrl+Z")
    assert window.package.plugins[0].display_name == "Lock toggle"
    assert "next start offers them again" in window.status.text()
    assert "or make another change" in window.status.text()  # (a new edit replaces them, as any redo)
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or Yes)
    assert window.close()
    window.autosave()  # what the timer started by the undo does a moment later
    assert not asked  # nothing unsaved on show: closing asks nothing, and loses nothing
    assert read_recovery(example_project / "webapp2") is not None
    again = shown(qtbot, MainWindow(), 1200, 800)
    again.open_path(example_project)
    assert asked and "closed without saving changes" in asked[0]
    assert again.package.plugins[0].display_name == "Restored work"
    again.save()
    assert read_recovery(example_project / "webapp2") is None  # saved: now the copy goes


def test_edits_kept_before_the_project_was_moved_are_offered_in_its_new_place(
    window: MainWindow, example_project: Path, monkeypatch
) -> None:
    """The designer killed, then the project folder renamed (a synced folder tidied up): opening it
    from its new place offered nothing, and the kept edits stayed in the recovery folder for good."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-c", CRASHER, str(example_project)], cwd=ROOT, env=env, capture_output=True)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()
    moved = example_project.with_name("moved here")
    example_project.rename(moved)
    asked = answer_yes(monkeypatch)
    window.open_path(moved)
    assert len(asked) == 1 and f"The package was at {example_project} then." in asked[0]
    assert window.package.plugins[0].display_name == "Crash-proof lock"
    assert window.package.plugins[1].entry.enabled is False
    window.save()
    assert json.loads((moved / "webapp2/settings.json").read_text())["plugins"][1]["enabled"] is False
    assert read_recovery(moved / "webapp2") is None and read_recovery(example_project / "webapp2") is None


def test_a_copy_of_the_project_is_not_offered_the_edits_of_the_original(
    window: MainWindow, example_project: Path, monkeypatch
) -> None:
    """Only a folder that is gone passes its kept edits on: a copy beside it is another project."""
    import shutil

    pkg = load(example_project)
    pkg.plugins[0].package.name = "Only in the original"
    write_recovery(pkg)
    copy = example_project.with_name("copy")
    shutil.copytree(example_project, copy)
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]))
    window.open_path(copy)
    assert asked == [] and read_recovery(example_project / "webapp2") is not None


KEEPER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from designer.gui.main_window import MainWindow
    win = MainWindow()
    win.open_path(Path(sys.argv[1]))
    win.editor.set_field(0, "package", "name", "Edited in the other window", "rename")
    win.autosave()
    print("kept", flush=True)
    sys.stdin.read()  # open until the test is done with it
    """
)


def other_window(project: Path) -> subprocess.Popen:
    """Another designer process on ``project`` running KEEPER (it prints "kept" once its edit is
    in its recovery copy, and stays open until its stdin closes)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.Popen(
        [sys.executable, "-c", KEEPER, str(project)],
        cwd=ROOT,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )


def test_a_second_window_on_the_same_project_leaves_the_first_ones_edits_alone(
    window: MainWindow, example_project: Path, monkeypatch
) -> None:
    """Another designer process, still running with unsaved edits: opening the project here said
    it "was closed without saving" and offered its edits, and a save here threw its recovery
    copy away. Now this window says another one has unsaved changes, and keeps off its copy."""
    with other_window(example_project) as other:
        try:
            assert other.stdout is not None and other.stdout.readline() == b"kept\n"
            asked: list[str] = []
            monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]))
            window.open_path(example_project)
            assert asked == []
            [note] = window.notes.texts()
            assert f"Another Plugin Designer window (process {other.pid}) has unsaved changes" in note
            assert window.package.plugins[0].display_name == "Lock toggle"
            window.editor.set_field(1, "entry", "enabled", False, "switch off")
            window.autosave()
            assert "Could not keep a recovery copy" not in window.status.text()
            [note] = window.notes.texts()
            assert f"Another Plugin Designer window (process {other.pid}) has unsaved changes" in note
            assert window.save() is True
            kept = read_recovery(example_project / "webapp2")
            assert kept is not None and kept.pid == other.pid
            assert b"Edited in the other window" in kept.writes["plugins/lock-toggle/lock-toggle.plugin.package.json"]
            assert kept.path is not None  # this window's own copy went with its save, the other's stays:
            assert [f.name for f in recovery_dir().glob(f"{kept.path.stem}*.json")] == [kept.path.name]
        finally:
            other.kill()


def _switch_off_while_the_other_keeps_its_copy(window: MainWindow, project: Path, other, monkeypatch) -> None:
    """Once ``other`` (a window of another process, see other_window) has kept its copy: the
    project opened here too, its second plugin switched off and this window's copy kept."""
    assert other.stdout is not None and other.stdout.readline() == b"kept\n"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: None)
    window.open_path(project)
    window.editor.set_field(1, "entry", "enabled", False, "switch off")
    window.autosave()


def test_edits_in_a_second_window_are_kept_aside_while_the_first_has_unsaved_ones(
    window: MainWindow, example_project: Path, monkeypatch
) -> None:
    """While another window had unsaved edits, this one kept no copy at all ("Could not keep a
    recovery copy ... save in one window at a time"): a crash of this window lost all of its work.
    Now its copy is kept beside the other's, and offered once that one is dealt with."""
    webapp2 = example_project / "webapp2"
    with other_window(example_project) as other:
        try:
            _switch_off_while_the_other_keeps_its_copy(window, example_project, other, monkeypatch)
        finally:
            other.kill()
            other.wait()
    first = read_recovery(webapp2)  # both windows gone (a crash): the other's copy is offered first
    assert first is not None and first.pid == other.pid
    discard_kept(first)  # (restored and saved there, or thrown away)
    mine = read_recovery(webapp2)
    assert mine is not None and mine.pid == os.getpid()
    assert b'"enabled": false' in mine.writes["settings.json"]
    window.editor.undo_stack.setClean()


def test_the_copy_kept_beside_another_windows_goes_once_this_window_keeps_the_main_one(
    window: MainWindow, example_project: Path, monkeypatch
) -> None:
    """Once the other window had saved, this one's next copy went to the usual place and the one
    kept beside the other's stayed: after a crash it was offered again, older, once the newer
    edits were dealt with."""
    webapp2 = example_project / "webapp2"
    with other_window(example_project) as other:
        try:
            _switch_off_while_the_other_keeps_its_copy(window, example_project, other, monkeypatch)
            theirs = read_recovery(webapp2)
            assert theirs is not None and theirs.pid == other.pid and theirs.path is not None
            key = theirs.path.stem
            assert len(list(recovery_dir().glob(f"{key}*.json"))) == 2
            discard_kept(theirs)  # the other window saved
            window.editor.set_field(2, "entry", "enabled", False, "switch off")
            window.autosave()
        finally:
            other.kill()
            other.wait()
    [only] = recovery_dir().glob(f"{key}*.json")
    mine = read_recovery(webapp2)
    assert mine is not None and mine.path == only and mine.pid == os.getpid()
    assert mine.writes["settings.json"].count(b'"enabled": false') == 2
    window.editor.undo_stack.setClean()


def test_on_windows_a_copy_a_crash_just_left_is_offered_not_taken_for_another_window(
    example_project: Path, monkeypatch
) -> None:
    """Windows cannot be asked whether a process runs, and each process was taken to: reopened
    within FRESH_SECONDS of a crash, the designer said another window had the unsaved changes
    (no offer to restore them), and its Save left the stale copy to be offered on the next start."""
    pkg = load(example_project)
    pkg.plugins[0].package.name = "Kept before the crash"
    write_recovery(pkg)
    crashed = subprocess.Popen([sys.executable, "-c", "pass"])  # (a process id that no longer runs)
    crashed.wait()
    root = str((example_project / "webapp2").resolve())
    (kept,) = [f for f in recovery_dir().glob("*.json") if f'"root": {json.dumps(root)}' in f.read_text()]
    data = json.loads(kept.read_text())
    kept.write_text(json.dumps({**data, "pid": crashed.pid}))  # kept a moment ago by the process that crashed

    recovery = read_recovery(example_project / "webapp2")
    assert recovery is not None and recovery.pid == crashed.pid
    monkeypatch.setattr(os, "name", "nt")
    try:
        owner = recovery.kept_by_running_designer
    finally:
        monkeypatch.undo()
    assert owner is None


def test_text_typed_in_the_id_or_an_action_field_is_kept_aside_soon(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """Typing in those fields (recorded only when the field is left) was kept aside only at the
    30-second autosave: a crash lost up to 30 s of it. Now the copy follows shortly, the text
    still unrecorded."""
    from PySide6.QtWidgets import QLineEdit

    webapp2 = example_project / "webapp2"
    window.open_path(example_project)
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("plugin", 0)))
    old_id = window.package.plugins[0].package.id
    edit = window.findChild(QLineEdit, "idEdit")
    edit.setFocus()
    edit.end(False)
    qtbot.keyClicks(edit, "-now")

    def typing_kept(text: str) -> bool:
        kept = read_recovery(webapp2)
        return kept is not None and kept.typing is not None and kept.typing.text == text

    qtbot.waitUntil(lambda: typing_kept(old_id + "-now"))
    assert window.package.plugins[0].package.id == old_id and window.editor.undo_stack.count() == 0
    action = window.findChild(QLineEdit, "actionEdit")
    window.plugin_page.items.list.setCurrentRow(0)
    edit.setText(old_id)  # (taken back: nothing of the id to record when the field is left)
    edit.setModified(False)
    action.setFocus()
    action.end(False)
    qtbot.keyClicks(action, "Soon")
    qtbot.waitUntil(lambda: typing_kept(action.text()))
    assert action.text().endswith("Soon") and window.editor.undo_stack.count() == 0
    window._autosave_soon.stop()


def test_code_typed_without_a_pause_is_kept_aside_while_the_typing_goes_on(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """Each key put the copy off by another half second, so someone typing on without a half-second
    pause (a long comment, held keys) had nothing kept aside until the 30-second autosave: a crash
    lost all of it. Now the copy comes at the latest a couple of seconds after the first key."""
    from conftest import open_in_editor

    webapp2 = example_project / "webapp2"
    js = "plugins/lock-toggle/lock-toggle.plugin.js"
    editor = open_in_editor(window, example_project, js)
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    window._autosave.stop()  # (not the 30-second copy: the one that follows the typing)

    def kept() -> bool:
        found = read_recovery(webapp2)
        return found is not None and b"// typed on" in found.writes.get(js, b"")

    qtbot.keyClicks(editor, "// typed on")
    typed = 0
    for _ in range(150):  # a key every tenth of a second (up to 15 s), never the half-second pause
        if kept():
            break
        qtbot.keyClicks(editor, "x")
        typed += 1
        qtbot.wait(100)
    assert kept(), f"no copy after {typed} keys typed without a pause"
    window.editor.undo_stack.setClean()


def _texts_on_show(window: MainWindow) -> list[str]:
    """The text of every label the user can see in the window, the status bar's included."""
    from PySide6.QtWidgets import QLabel

    return [label.text() for label in window.findChildren(QLabel) if label.isVisible()]


def _on_show(window: MainWindow, note: str) -> bool:
    """Whether the user can read ``note`` in the window (alone or within a longer text)."""
    return any(note in text for text in _texts_on_show(window))


def test_the_note_about_another_windows_edits_stays_until_dismissed(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """The note that another window has unsaved changes was put after the status bar's summary
    (cut off at the window's edge) and replaced by the bare summary at the next check: one edit
    after opening, it was gone unread. Now it stays above the tree until the user dismisses it."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton

    with other_window(example_project) as other:
        try:
            assert other.stdout is not None and other.stdout.readline() == b"kept\n"
            window.open_path(example_project)
            note = (
                f"Another Plugin Designer window (process {other.pid}) has unsaved changes to this package: save "
                "them there first, or one window's Save writes over the other's."
            )
            assert _on_show(window, note)
            window.editor.set_field(1, "entry", "enabled", False, "switch off")
            assert window._recheck.isActive()
            qtbot.waitUntil(lambda: not window._recheck.isActive())  # the checks have run on the edit
            assert _on_show(window, note)
            window.reload()  # (the same project again: its notes are said again, not doubled)
            assert [t for t in _texts_on_show(window) if t == note] == [note]
            qtbot.mouseClick(window.notes.findChild(QPushButton, "dismissNote"), Qt.MouseButton.LeftButton)
            assert not _on_show(window, note) and not window.notes.isVisible()
            window.open_path(example_project)
            assert _on_show(window, note)  # still so: said again on opening
        finally:
            other.kill()
        other.wait()
    import shutil

    shutil.copytree(example_project, example_project.parent / "another")
    window.open_path(example_project.parent / "another")  # another project: the note was about the one before
    assert not _on_show(window, note) and window.notes.texts() == []


def test_a_screenshot_asks_nothing_and_leaves_the_kept_changes_for_the_user(
    qapp, example_project: Path, tmp_path: Path, monkeypatch
) -> None:
    """`plugin-designer screenshot` of a project with unsaved changes kept after a crash waited for
    ever: its offscreen window asked "Restore unsaved changes?", which nobody could answer."""
    from designer.cli import main

    pkg = load(example_project)
    pkg.plugins[0].package.name = "Kept aside"
    write_recovery(pkg)
    asked = answer_yes(monkeypatch)
    out = tmp_path / "window.png"
    assert main(["screenshot", str(example_project), "-o", str(out)]) == 0
    assert asked == []
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    kept = read_recovery(example_project / "webapp2")  # offered when the user opens the project
    assert isinstance(kept, Recovery) and kept.writes


@pytest.fixture
def python_ctrl_c():
    """Ctrl+C as a terminal's foreground program gets it: Python's own handler. Why: a suite started
    in the background (CI's runner, `cmd &` in a script) inherits Ctrl+C ignored, and the designer
    rightly leaves an ignored Ctrl+C alone (see ctrl_c_closes), so the kill below did nothing."""
    old = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, old)


def test_ctrl_c_in_the_terminal_closes_the_window_and_keeps_the_unsaved_changes(
    window: MainWindow, qtbot, example_project: Path, monkeypatch, python_ctrl_c
) -> None:
    """Ctrl+C did nothing while the window was open (Python's handler waited for Python code to
    run); under `dev.sh open` it ended the virtual screen instead, and the designer with an X11
    error. Now it closes the window without a question nobody may be there to answer, and the
    unsaved changes wait in the recovery copy, offered back when the project is opened again."""
    from conftest import shown
    from PySide6.QtWidgets import QCheckBox
    from test_editing import select_plugin, tick

    from designer.gui.app import ctrl_c_closes

    before = snapshot(example_project)
    window.open_path(example_project)
    select_plugin(window, qtbot, 1)
    tick(qtbot, window.findChild(QCheckBox, "enabledCheck"))
    assert window.isWindowModified()
    asked = answer_yes(monkeypatch)
    quit_asked: list[bool] = []
    with ctrl_c_closes(window, then=lambda: quit_asked.append(True)) as interrupted:
        os.kill(os.getpid(), signal.SIGINT)
        qtbot.waitUntil(lambda: not window.isVisible())
    assert interrupted == [signal.SIGINT] and quit_asked == [True]
    assert not asked  # no "Save your changes?"
    assert snapshot(example_project) == before  # nothing saved that the user did not save
    assert read_recovery(example_project / "webapp2") is not None
    again = shown(qtbot, MainWindow(), 1200, 800)
    again.open_path(example_project)
    assert asked and "closed without saving changes" in asked[0]
    assert again.package.plugins[1].entry.enabled is False
    again.editor.undo_stack.setClean()  # (closing at teardown: nothing to ask)


def test_ctrl_c_when_the_copy_cannot_be_written_leaves_the_window_open(
    window: MainWindow, qtbot, example_project: Path, monkeypatch, capsys, python_ctrl_c
) -> None:
    """With no recovery copy, closing on Ctrl+C would lose the changes: the window stays, and the
    terminal says why."""
    from PySide6.QtWidgets import QCheckBox
    from test_editing import select_plugin, tick

    from designer.core import recovery
    from designer.gui.app import ctrl_c_closes

    window.open_path(example_project)
    select_plugin(window, qtbot, 1)
    tick(qtbot, window.findChild(QCheckBox, "enabledCheck"))
    asked = answer_yes(monkeypatch)

    def full_disk(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(recovery, "write_recovery", full_disk)
    with ctrl_c_closes(window) as interrupted:
        os.kill(os.getpid(), signal.SIGINT)
        qtbot.waitUntil(lambda: "not closing" in capsys.readouterr().err)
    assert window.isVisible() and not interrupted and not asked
    assert "Could not keep a recovery copy" in window.status.text()
    assert window.package.plugins[1].entry.enabled is False  # still here, to be saved
    window.editor.undo_stack.setClean()  # (closing at teardown: nothing to ask)


def test_discarding_for_a_project_that_then_does_not_open_keeps_the_copy(
    window: MainWindow, qtbot, example_project: Path, tmp_path: Path, monkeypatch
) -> None:
    """ "Save your changes first?" answered Discard, then the other project did not open (a ZIP that
    is not one, New Project cancelled): the edits were still in the window, and their recovery
    copy already deleted, so a crash then lost them. The copy goes once another project has
    replaced them."""
    import shutil

    from designer.gui.panes import new_project_dialog

    webapp2 = example_project / "webapp2"
    window.open_path(example_project)
    window.editor.set_field(0, "package", "name", "Kept safe", "rename")
    assert window.autosave() and read_recovery(webapp2) is not None
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Ok)
    broken = tmp_path / "broken.zip"
    broken.write_text("not a zip")
    assert not window.open_path(broken)
    monkeypatch.setattr(new_project_dialog, "ask_new_project", lambda parent: None)  # the dialog cancelled
    window.new_project()
    assert window.package.plugins[0].display_name == "Kept safe" and window.isWindowModified()
    assert read_recovery(webapp2) is not None  # still safe from a crash
    other = tmp_path / "other"
    shutil.copytree(example_project, other, ignore=shutil.ignore_patterns(".plugin-designer"))
    assert window.open_path(other)
    assert read_recovery(webapp2) is None  # replaced by another project: thrown away as asked


def test_the_copy_kept_aside_holds_no_file_another_program_changed_and_the_user_did_not(
    window: MainWindow, example_project: Path
) -> None:
    """Another window renamed one plugin while this one had an edit of another: the copy kept aside
    held this window's older copy of the renamed plugin's package file too, and after a crash the
    restored copy (then saved) put it back over the rename."""
    window.open_path(example_project)
    window.editor.edit("mine", lambda pkg: setattr(pkg.plugins[1].package, "name", "Mine"))
    mine = window.package.plugins[1].package_path
    renamed_elsewhere(example_project)
    assert window.autosave()
    kept = read_recovery(example_project / "webapp2")
    assert isinstance(kept, Recovery) and sorted(kept.writes) == [mine], sorted(kept.writes)
    window.editor.undo_stack.setClean()


def test_when_two_windows_on_one_project_crashed_the_second_ones_edits_are_said_too(
    window: MainWindow, example_project: Path, monkeypatch
) -> None:
    """Both windows on a project killed (a crash of the session, a power cut): the next start offered
    the first one's edits and said nothing of the second one's, kept beside them; they came back
    only at some later opening, if the user opened the project again at all. Now a note says so."""
    kept = []
    for plugin, name in ((0, "Named in the first window"), (1, "Named in the second window")):
        pkg = load(example_project)
        pkg.plugins[plugin].package.name = name
        main = write_recovery(pkg)
        assert main is not None
        kept.append(json.loads(main.read_text()))
        crashed = subprocess.Popen([sys.executable, "-c", "pass"])  # (a process id that no longer runs)
        crashed.wait()
        kept[-1]["pid"] = crashed.pid
    main.write_text(json.dumps(kept[0]))
    main.with_name(f"{main.stem}.{kept[1]['pid']}.json").write_text(json.dumps(kept[1]))

    asked = answer_yes(monkeypatch)
    window.open_path(example_project)
    assert len(asked) == 1 and "closed without saving changes" in asked[0]
    assert window.package.plugins[0].display_name == "Named in the first window"
    [note] = window.notes.texts()
    assert "Another Plugin Designer window on this package also closed without saving its changes" in note
    assert "File ▸ Reload" in note
    window.save()
    window.open_path(example_project)  # (File ▸ Reload, with nothing unsaved)
    assert len(asked) == 2
    assert window.package.plugins[1].display_name == "Named in the second window"
    window.editor.undo_stack.setClean()


def test_files_a_killed_save_had_written_already_are_not_said_changed_by_another_program(example_project: Path) -> None:
    """A crash in the middle of a save leaves some files as the copy kept them: the next start's
    question named those "changed since then, by another program" (their time is later than the
    copy's), as if restoring would write over someone else's work. Only a file whose bytes differ
    from the kept ones is such a change."""
    webapp2 = example_project / "webapp2"
    pkg = load(example_project)
    pkg.plugins[0].package.name = "Saved when the designer was killed"
    pkg.plugins[1].package.name = "Not saved yet"
    write_recovery(pkg)
    kept = read_recovery(webapp2)
    assert isinstance(kept, Recovery)
    written, other = sorted(rel for rel in kept.writes if rel.endswith("package.json"))
    later = kept.saved_at + 5
    (webapp2 / written).write_bytes(kept.writes[written])  # (the killed save had replaced this one)
    (webapp2 / other).write_bytes((webapp2 / other).read_bytes() + b"\n")  # (another program changed this one)
    for rel in (written, other):
        os.utime(webapp2 / rel, (later, later))
    assert kept.changed_since() == [other]


def test_a_copy_whose_changes_the_project_holds_already_is_not_offered(
    window: MainWindow, example_project: Path, monkeypatch
) -> None:
    """Killed after a save had written every file, before it removed the copy (or a power cut that
    kept the files and not the removal): the next start said the designer "was closed without
    saving changes" and restored them, the window marked changed with nothing to save. Now such a
    copy goes without a word, and a copy half saved counts only the files still to write."""
    pkg = load(example_project)
    pkg.plugins[0].package.name = "Saved before the crash"
    write_recovery(pkg)
    save(pkg)
    asked = answer_yes(monkeypatch)
    window.open_path(example_project)
    assert asked == []
    assert not window.isWindowModified()
    assert read_recovery(example_project / "webapp2") is None

    pkg = load(example_project)
    pkg.plugins[0].package.name = "Saved when the designer was killed"
    pkg.plugins[1].package.name = "Not saved yet"
    write_recovery(pkg)
    saved = "plugins/lock-toggle/lock-toggle.plugin.package.json"
    (example_project / "webapp2" / saved).write_bytes(pending_writes(pkg)[saved])
    window.open_path(example_project)
    assert len(asked) == 1 and "(1 file," in asked[0]
    assert window.package.plugins[1].display_name == "Not saved yet"
    assert window.package.plugins[0].display_name == "Saved when the designer was killed"
    window.editor.undo_stack.setClean()


def test_the_restore_question_says_which_files_a_save_cut_short_had_written(
    window: MainWindow, example_project: Path, monkeypatch
) -> None:
    """A save killed half way (an id renamed in settings.json, not yet in the plugin's files): the
    question offered the other files back without a word of the half-done save, and discarding
    them left the project with ids that disagree, unsaid. Now both questions name those files."""
    pkg = load(example_project)
    pkg.plugins[0].package.name = "Saved when the designer was killed"
    pkg.plugins[1].package.name = "Not saved yet"
    write_recovery(pkg)
    saved = "plugins/lock-toggle/lock-toggle.plugin.package.json"
    (example_project / "webapp2" / saved).write_bytes(pending_writes(pkg)[saved])
    asked: list[str] = []
    replies = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Discard])
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or next(replies))
    window.open_path(example_project)
    assert len(asked) == 2
    assert f"A save had begun: {saved} holds the changes already" in asked[0]
    # (written here by hand: no version before it was kept beside it, see test_crash_points)
    assert f"{saved} holds the changes already; plugins/meeting-info/meeting-info.plugin.package.json still" in asked[1]
    assert "cannot be put back for it, so discarding leaves the files not agreeing" in asked[1]
    (note,) = [text for text in window.notes.texts() if "save cut short" in text]
    aside = next(recovery_dir().glob("*.discarded"))
    assert f"The changes are kept at {aside}." in note  # (not removed: the only whole copy of the changes)
    assert json.loads(aside.read_text())["writes"]


def test_a_copy_kept_by_a_newer_designer_is_said_and_left_for_it(
    window: MainWindow, example_project: Path, monkeypatch
) -> None:
    """A copy written by a newer designer (a format this one does not know), opened here: it was
    moved aside as damaged, and that newer designer, started again, offered nothing; the edits
    were in a file renamed `.damaged`, pruned after five more. Now it is said and left where it is,
    untouched by this window's copies and saves, for the version that can read it."""
    pkg = load(example_project)
    pkg.plugins[0].package.name = "Kept by a newer designer"
    path = write_recovery(pkg)
    assert path is not None
    crashed = subprocess.Popen([sys.executable, "-c", "pass"])  # (a process id that no longer runs)
    crashed.wait()
    data = json.loads(path.read_text())
    path.write_text(json.dumps({**data, "format": data["format"] + 1, "pid": crashed.pid}, indent=1))
    newer = path.read_bytes()
    asked = answer_yes(monkeypatch)
    window.open_path(example_project)
    assert asked == []
    [note] = window.notes.texts()
    assert "kept by a newer version of Plugin Designer" in note and str(path) in note
    window.editor.set_field(1, "entry", "enabled", False, "switch off")
    window.autosave()
    assert window.notes.texts() == [note]  # (no "File ▸ Reload to be offered them": Reload cannot)
    assert window.save()
    assert path.read_bytes() == newer
    assert not list(recovery_dir().glob(f"{path.stem}.*.damaged"))


def test_when_the_other_window_crashes_the_note_about_it_says_so(
    window: MainWindow, example_project: Path, monkeypatch
) -> None:
    """Two windows on one project, both with unsaved edits, and the other one killed: the note here
    still said it "has unsaved changes: save them there first", in a window that was gone, and never
    that its edits were kept aside for File ▸ Reload. Now the note says what became of them."""
    with other_window(example_project) as other:
        try:
            _switch_off_while_the_other_keeps_its_copy(window, example_project, other, monkeypatch)
            [note] = window.notes.texts()
            assert f"(process {other.pid}) has unsaved changes" in note
        finally:
            other.kill()
            other.wait()
    window.editor.set_field(2, "entry", "enabled", False, "switch off")
    window.autosave()
    [note] = window.notes.texts()
    assert "closed without saving its changes; they are kept aside" in note and "File ▸ Reload" in note
    window.editor.undo_stack.setClean()


def test_the_note_about_the_other_windows_unsaved_changes_goes_once_it_has_saved_them(
    window: MainWindow, example_project: Path, monkeypatch
) -> None:
    """The other window saved (or discarded) its changes: the note here still said it "has unsaved
    changes: save them there first", for as long as this window stayed open. Now it goes at this
    window's next copy, which then takes the usual place (the other's is gone)."""
    with other_window(example_project) as other:
        try:
            _switch_off_while_the_other_keeps_its_copy(window, example_project, other, monkeypatch)
            assert any(f"(process {other.pid}) has unsaved changes" in note for note in window.notes.texts())
            theirs = read_recovery(example_project / "webapp2")
            assert theirs is not None and theirs.pid == other.pid
            discard_kept(theirs)  # the other window saved
            window.editor.set_field(2, "entry", "enabled", False, "switch off")
            window.autosave()
            assert window.notes.texts() == []
        finally:
            other.kill()
            other.wait()
    window.editor.undo_stack.setClean()


def test_with_nothing_unsaved_here_the_note_follows_the_other_window_too(
    window: MainWindow, example_project: Path, monkeypatch
) -> None:
    """Opened while another window had unsaved changes, and nothing changed here: when that window
    was killed, the note kept saying to save them there first (the notes followed it only at this
    window's own copies, and with nothing unsaved it keeps none). Now the 30-second round says it."""
    with other_window(example_project) as other:
        try:
            assert other.stdout is not None and other.stdout.readline() == b"kept\n"
            monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: None)
            window.open_path(example_project)
            [note] = window.notes.texts()
            assert f"(process {other.pid}) has unsaved changes" in note
        finally:
            other.kill()
            other.wait()
    window.autosave()  # (the 30-second round)
    [note] = window.notes.texts()
    assert "closed without saving its changes; they are kept aside" in note and "File ▸ Reload" in note


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="kill -9 is POSIX")
def test_putting_back_a_save_of_a_new_plugin_cut_short_leaves_no_folder_of_it(example_project: Path) -> None:
    """A plugin added, its save killed after settings.json and its package file: discarded at the
    next start, the files were put back and the package file went, but its folder stayed, holding
    the killed save's hidden temporary files (then, swept, an empty plugin folder)."""
    from designer.core.recovery import begun_save, put_back_begun_save

    before = snapshot(example_project)
    script = textwrap.dedent(
        f"""
        import os, signal, sys
        from pathlib import Path
        sys.path.insert(0, {str(ROOT)!r})
        from designer.core.model import load, save
        from designer.core.plugins import add_plugin
        from designer.core.recovery import write_recovery

        pkg = load(Path({str(example_project)!r}))
        add_plugin(pkg, "Door lock")
        write_recovery(pkg)
        real, done = os.replace, []

        def replace_then_die(src, dst, *args, **kwargs):  # killed once two files are replaced
            real(src, dst, *args, **kwargs)
            done.append(dst)
            if len(done) == 2:
                os.kill(os.getpid(), signal.SIGKILL)

        os.replace = replace_then_die
        save(pkg)
        """
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    child = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)
    assert child.returncode == -signal.SIGKILL, child.stderr
    assert (example_project / "webapp2/plugins/door-lock").is_dir()
    kept = read_recovery(example_project / "webapp2")
    assert isinstance(kept, Recovery)
    begun = begun_save(kept, kept.unsaved())
    assert len(begun.written) == 2 and not begun.cannot_put_back
    put_back_begun_save(kept.root, begun)
    assert snapshot(example_project) == before
    assert not (example_project / "webapp2/plugins/door-lock").exists()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="kill -9 is POSIX")
def test_discarding_a_plugin_removal_whose_save_was_cut_short_puts_its_files_back(
    window: MainWindow, example_project: Path, monkeypatch
) -> None:
    """A plugin removed, its save killed while it moved the plugin's files to the trash: Discard at
    the next start said the version before of those files was gone and left the project half
    written (settings.json without the plugin, some of its files gone). They are in the trash:
    now they come back from there, and the project is as saved last."""
    before = snapshot(example_project / "webapp2")
    script = textwrap.dedent(
        f"""
        import os, shutil, signal, sys
        from pathlib import Path
        sys.path.insert(0, {str(ROOT)!r})
        from designer.core.model import load, save
        from designer.core.plugins import remove_plugin
        from designer.core.recovery import write_recovery

        pkg = load(Path({str(example_project)!r}))
        remove_plugin(pkg, 1)
        write_recovery(pkg)
        real, done = shutil.move, []

        def move_then_die(src, dst, *args, **kwargs):  # killed once a file is in the trash
            real(src, dst, *args, **kwargs)
            done.append(dst)
            os.kill(os.getpid(), signal.SIGKILL)

        shutil.move = move_then_die
        save(pkg)
        """
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    child = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)
    assert child.returncode == -signal.SIGKILL, child.stderr
    assert snapshot(example_project / "webapp2") != before
    asked: list[str] = []
    replies = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Discard])
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or next(replies))
    window.open_path(example_project)
    assert "discarding puts back the version they had before that save" in asked[1]
    assert snapshot(example_project / "webapp2") == before
    assert [p.display_name for p in window.package.plugins] == [
        "Lock toggle",
        "Meeting information",
        "Raise hand helper",
    ]


def test_a_file_with_brackets_in_its_name_is_found_in_the_trash_to_be_put_back(example_project: Path) -> None:
    """The trash was searched with the file's name as a pattern: 'lock[1].svg', moved there by a
    save cut short, was not found, and Discard left the project half written."""
    from dataclasses import replace

    from designer.core.recovery import begun_save

    rel = "plugins/lock-toggle/lock[1].svg"
    data = b"<svg xmlns='http://www.w3.org/2000/svg'/>"
    (example_project / ".plugin-designer/trash/20260101-120000/plugins/lock-toggle").mkdir(parents=True)
    (example_project / ".plugin-designer/trash/20260101-120000" / rel).write_bytes(data)
    from designer.core.digest import sha256

    kept = Recovery(example_project / "webapp2", 0.0, {}, [rel], base={rel: sha256(data).hexdigest()[:32]})
    assert begun_save(kept, replace(kept, deletes=[])).before == {rel: data}


ENDED_FROM_OUTSIDE = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from designer.gui import app as gui_app
    from designer.gui.main_window import MainWindow

    def start(path):
        win = MainWindow()
        win.open_path(Path(path))
        win.editor.set_field(0, "package", "name", "Typed just before the end", "rename")
        win.show()
        QTimer.singleShot(0, lambda: print("edited", flush=True))  # (the event loop, and its handlers, run)
        return win

    gui_app.start = start
    sys.exit(gui_app.run(sys.argv[1]))
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="no SIGTERM or SIGHUP to send but on POSIX")
@pytest.mark.parametrize("ending", ["SIGTERM", "SIGHUP"])
def test_a_designer_ended_from_outside_keeps_its_unsaved_changes(
    window: MainWindow, example_project: Path, monkeypatch, ending: str
) -> None:
    """`kill PID`, a container stop or a logout (SIGTERM), or the terminal closed (SIGHUP), ended
    the designer at once: edits since the last autosave (up to 2 s of typing) were lost, while
    Ctrl+C kept them. Now both close the window as Ctrl+C does: the recovery copy, then quit."""
    before = snapshot(example_project)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    # (at its default, as a terminal's program gets it: a suite run under nohup ignores SIGHUP, and
    # the designer rightly leaves an ignored signal alone)
    default = f"import signal\nsignal.signal(signal.{ending}, signal.SIG_DFL)\n"
    with subprocess.Popen(
        [sys.executable, "-c", default + ENDED_FROM_OUTSIDE, str(example_project)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as child:
        assert child.stdout is not None and child.stdout.readline() == b"edited\n"
        child.send_signal(getattr(signal, ending))
        _, err = child.communicate(timeout=60)
    assert child.returncode == 128 + getattr(signal, ending), err.decode()
    assert snapshot(example_project) == before  # nothing saved that the user did not save
    asked = answer_yes(monkeypatch)
    window.open_path(example_project)
    assert asked and "closed without saving changes" in asked[0]
    assert window.package.plugins[0].display_name == "Typed just before the end"


@pytest.mark.skipif(shutil.which("Xvfb") is None, reason="needs Xvfb (package xvfb) for a screen that can go away")
def test_a_designer_whose_screen_goes_away_keeps_its_unsaved_changes(
    window: MainWindow, qtbot, example_project: Path, monkeypatch
) -> None:
    """The X server gone (xvfb-run ended, an ssh -X connection dropped): Qt says "The X11 connection
    broke" and ends the process at once, and the edits made since the last autosave (up to 2 s of
    typing) were lost. The recovery copy is written as Qt says so, before it ends the process."""
    number = next(n for n in range(400 + os.getpid() % 500, 2000) if not Path(f"/tmp/.X{n}-lock").exists())
    display, socket = f":{number}", Path(f"/tmp/.X11-unix/X{number}")
    server = subprocess.Popen(
        ["Xvfb", display, "-nolisten", "tcp"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        qtbot.waitUntil(socket.exists, timeout=20_000)  # (it takes connections)
        # Without an autosave before the screen goes (the copy is the one written as it goes):
        keep_none = (
            "from designer.gui import main_window\nmain_window.MainWindow._keep_aside_soon = lambda *a, **k: None\n"
        )
        env = dict(os.environ, QT_QPA_PLATFORM="xcb", DISPLAY=display)
        with subprocess.Popen(
            [sys.executable, "-c", keep_none + ENDED_FROM_OUTSIDE, str(example_project)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        ) as child:
            assert child.stdout is not None and child.stdout.readline() == b"edited\n", child.stderr.read()
            assert read_recovery(example_project / "webapp2") is None  # (nothing kept yet)
            server.kill()
            _, err = child.communicate(timeout=60)
    finally:
        server.kill()
        server.wait()
    assert b"The X11 connection broke" in err, err.decode()
    asked = answer_yes(monkeypatch)
    window.open_path(example_project)
    assert asked and "closed without saving changes" in asked[0]
    assert window.package.plugins[0].display_name == "Typed just before the end"


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="kill -9 is POSIX")
def test_undoing_the_restore_of_a_save_cut_short_leaves_the_files_as_the_window_shows_them(
    window: MainWindow, example_project: Path, monkeypatch
) -> None:
    """A save killed half way, restored at the next start, then Ctrl+Z: the window said nothing was
    unsaved, but the files that save wrote held its changes and the others not (the killed save's
    temporary files beside them), and Save wrote nothing. Now restoring puts those files back as
    saved last first: the undo comes back to the project as saved, whole, and the redo to the changes."""
    before = snapshot(example_project / "webapp2")
    script = textwrap.dedent(
        f"""
        import os, signal, sys
        from pathlib import Path
        sys.path.insert(0, {str(ROOT)!r})
        from designer.core.model import load, save
        from designer.core.recovery import write_recovery

        pkg = load(Path({str(example_project)!r}))
        pkg.plugins[0].package.name = "Saved when the designer was killed"
        pkg.plugins[1].package.name = "Not saved yet"
        write_recovery(pkg)
        real = os.replace

        def replace_then_die(src, dst, *args, **kwargs):  # killed once one file is replaced
            real(src, dst, *args, **kwargs)
            os.kill(os.getpid(), signal.SIGKILL)

        os.replace = replace_then_die
        save(pkg)
        """
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    child = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)
    assert child.returncode == -signal.SIGKILL, child.stderr
    assert snapshot(example_project / "webapp2") != before
    asked = answer_yes(monkeypatch)
    window.open_path(example_project)
    assert len(asked) == 1 and "A save had begun" in asked[0]
    assert "restoring first gives it back the version before that save" in asked[0]
    names = [p.display_name for p in window.package.plugins[:2]]
    assert names == ["Saved when the designer was killed", "Not saved yet"]
    assert window.isWindowModified()
    said = window.status.text()
    assert said.startswith("Restored your unsaved changes.") and "has the version before it again" in said

    window.editor.undo_stack.undo()
    assert not window.isWindowModified()
    assert snapshot(example_project / "webapp2") == before  # (no temporary file left beside them either)
    assert [p.display_name for p in window.package.plugins[:2]] == ["Lock toggle", "Meeting information"]

    window.editor.undo_stack.redo()
    assert window.isWindowModified()
    assert window.save()
    again = load(example_project)
    assert [p.display_name for p in again.plugins[:2]] == names


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="kill -9 is POSIX")
def test_files_put_back_after_a_save_cut_short_are_not_said_to_be_changed_by_another_program(
    window: MainWindow, example_project: Path, monkeypatch
) -> None:
    """Restoring a save cut short gives the files it wrote their version before it; killed again
    before a save, the next start offered the changes back saying that those files were "Changed
    since then, by another program" and that restoring would replace those changes, which were the
    designer's own putting back."""
    script = textwrap.dedent(
        f"""
        import os, signal, sys
        from pathlib import Path
        sys.path.insert(0, {str(ROOT)!r})
        from designer.core.model import load, save
        from designer.core.recovery import write_recovery

        pkg = load(Path({str(example_project)!r}))
        pkg.plugins[0].package.name = "Saved when the designer was killed"
        pkg.plugins[1].package.name = "Not saved yet"
        path = write_recovery(pkg)
        data = path.read_text()
        saved_at = '"saved_at": '
        at = data.index(saved_at) + len(saved_at)
        then = float(data[at:data.index(",", at)])
        path.write_text(data.replace(f"{{saved_at}}{{data[at:data.index(',', at)]}}", f"{{saved_at}}{{then - 60}}"))
        real = os.replace

        def replace_then_die(src, dst, *args, **kwargs):  # killed once one file is replaced
            real(src, dst, *args, **kwargs)
            os.kill(os.getpid(), signal.SIGKILL)

        os.replace = replace_then_die
        save(pkg)
        """
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    child = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)
    assert child.returncode == -signal.SIGKILL, child.stderr
    asked = answer_yes(monkeypatch)
    window.open_path(example_project)
    assert len(asked) == 1 and "Changed since then" not in asked[0]
    window.open_path(example_project, ask=False)  # (as after a second crash: the copy is still the first one)
    assert len(asked) == 2 and "Restore them?" in asked[1]
    assert "Changed since then" not in asked[1], asked[1]
    window.editor.undo_stack.setClean()
