"""File ▸ Save As…: the project as it is in the window, into a new folder; and the recovery copy
of a project folder that no longer exists, saved from the welcome screen."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import shown, snapshot
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton

from designer.core.model import load
from designer.core.recovery import orphaned_recoveries, write_recovery
from designer.core.saveas import SaveAsRefused, write_project

PACKAGE = "plugins/lock-toggle/lock-toggle.plugin.package.json"


def _menu_action(window, text: str):
    """The File menu's action whose text (without its mnemonic) is ``text``."""
    return next(a for a in window._menus["file"].actions() if a.text().replace("&", "") == text)


@pytest.fixture
def answers(monkeypatch):
    """The warnings shown, as (title, text); each answered by ``answers.reply[title]`` (else Cancel)."""

    class Answers(list):
        reply: dict[str, QMessageBox.StandardButton] = {}

    shown_: Answers = Answers()

    def warning(parent, title, text, *a, **k):
        shown_.append((str(title), str(text)))
        return shown_.reply.get(str(title), QMessageBox.StandardButton.Cancel)

    monkeypatch.setattr(QMessageBox, "warning", warning)
    return shown_


def _choose(monkeypatch, path: Path) -> list[tuple[Path | None, Path | None]]:
    """The Save As dialog answers ``path``; returns what it was asked with: (the project whose
    name and place it offers, the project open now that the folder may not be in)."""
    asked: list[tuple[Path | None, Path | None]] = []

    def dialog(parent, project, current):
        asked.append((project, current))
        return path

    monkeypatch.setattr("designer.gui.panes.new_project_dialog.ask_save_as_folder", dialog)
    return asked


def test_save_as_writes_every_file_with_the_edits_and_goes_on_there(
    window, example_project: Path, tmp_path: Path, monkeypatch, answers
) -> None:
    window.open_path(example_project)
    window.editor.set_field(0, "package", "name", "Renamed lock", "rename")
    before = snapshot(example_project)
    target = tmp_path / "elsewhere" / "copy"
    asked = _choose(monkeypatch, target)
    action = _menu_action(window, "Save As…")
    assert action.shortcut().toString() == "Ctrl+Shift+S" and action.isEnabled()
    action.trigger()
    assert asked == [(example_project, example_project)] and answers == []
    copy = snapshot(target / "webapp2")
    original = snapshot(example_project / "webapp2")
    assert set(copy) == set(original)  # every file: sources, icons, untouched ones
    assert b"Renamed lock" in copy[PACKAGE] and b"Renamed lock" not in original[PACKAGE]
    assert {k: v for k, v in copy.items() if k != PACKAGE} == {k: v for k, v in original.items() if k != PACKAGE}
    assert snapshot(example_project) == before  # the original folder is left as it was
    assert [p.name for p in tmp_path.joinpath("elsewhere").iterdir()] == ["copy"]  # no temporary folder left
    # The window goes on in the new folder: title, package, recent projects, nothing unsaved.
    assert window.package.root == target / "webapp2"
    assert window.windowTitle().startswith("copy") and not window.isWindowModified()
    from designer.gui.app import recent_projects

    assert recent_projects()[0] == str(target.resolve())
    assert "Saved the project into" in window.status.text() and "working there now" in window.status.text()


def test_a_deleted_project_folder_is_saved_elsewhere_naming_the_files_it_lost(
    window, example_project: Path, tmp_path: Path, monkeypatch, answers
) -> None:
    """The folder deleted while open: Save offers Save As, which names the files only the folder
    had (sources and icons never read) before writing the rest, edits included."""
    window.open_path(example_project)
    window.editor.set_field(0, "package", "name", "Renamed lock", "rename")
    had = snapshot(example_project / "webapp2")
    shutil.rmtree(example_project)
    target = tmp_path / "rescued"
    _choose(monkeypatch, target)
    answers.reply = {
        "Cannot save": QMessageBox.StandardButton.Yes,
        "Some files cannot be saved": QMessageBox.StandardButton.Save,
    }
    assert window.save() is True
    titles = [title for title, _ in answers]
    assert titles == ["Cannot save", "Some files cannot be saved"]
    assert "Save As" in answers[0][1] and "no longer exists" in answers[0][1]
    lost_text = answers[1][1]
    written = snapshot(target / "webapp2")
    lost = sorted(set(had) - set(written))
    assert lost and all(rel in lost_text for rel in lost)  # every file left out is named
    assert all(rel not in lost_text for rel in written)  # and none that is written
    assert {"settings.json", "manifest.json", PACKAGE} <= set(written)
    assert b"Renamed lock" in written[PACKAGE]
    assert window.package.root == target / "webapp2" and not window.isWindowModified()
    assert lost[0] in window.status.text() and f"and {len(lost) - 5} more" in window.status.text()
    assert f"only {example_project} had them" in window.status.text()


def test_save_as_cancelled_at_the_list_of_lost_files_writes_nothing(
    window, example_project: Path, tmp_path: Path, monkeypatch, answers
) -> None:
    window.open_path(example_project)
    window.editor.set_field(0, "package", "name", "Renamed lock", "rename")
    shutil.rmtree(example_project)
    target = tmp_path / "rescued"
    _choose(monkeypatch, target)
    assert window.save_as() is False
    assert [title for title, _ in answers] == ["Some files cannot be saved"]
    assert not target.exists() and sorted(p.name for p in tmp_path.iterdir()) == []
    assert window.isWindowModified() and window.package.plugins[0].package.name == "Renamed lock"
    window.editor.undo_stack.setClean()


def test_a_file_that_cannot_be_read_is_named_not_said_to_be_in_a_folder_gone(
    window, example_project: Path, tmp_path: Path, monkeypatch, answers
) -> None:
    """The folder is there, one file cannot be read: the list names it, and does not say the
    project folder no longer exists."""
    from designer.core.files import DirFiles

    window.open_path(example_project)
    window.editor.set_field(0, "package", "name", "Renamed lock", "rename")
    unreadable = "plugins/lock-toggle/lock.svg"
    read = DirFiles.read_bytes

    def refuse(self, rel):
        if rel == unreadable:
            raise PermissionError(13, "Permission denied", rel)
        return read(self, rel)

    monkeypatch.setattr(DirFiles, "read_bytes", refuse)
    target = tmp_path / "copy"
    _choose(monkeypatch, target)
    answers.reply = {"Some files cannot be saved": QMessageBox.StandardButton.Save}
    assert window.save_as() is True
    ((title, text),) = answers
    assert unreadable in text and "cannot be read" in text and "no longer exists" not in text
    assert "This file will NOT" in text
    assert (
        not (target / "webapp2" / unreadable).exists() and (target / "webapp2/plugins/lock-toggle/unlock.svg").exists()
    )
    assert unreadable in window.status.text()


@pytest.mark.parametrize("where", ["inside", "itself", "full"])
def test_save_as_refuses_the_project_a_folder_inside_it_or_not_empty(
    window, example_project: Path, tmp_path: Path, monkeypatch, answers, where: str
) -> None:
    window.open_path(example_project)
    window.editor.set_field(0, "package", "name", "Renamed lock", "rename")
    if where == "inside":
        target = example_project / "backup"
    elif where == "itself":
        target = example_project
    else:
        target = tmp_path / "full"
        target.mkdir()
        (target / "notes.txt").write_text("mine")
    before = snapshot(tmp_path)
    _choose(monkeypatch, target)
    _menu_action(window, "Save As…").trigger()
    assert [title for title, _ in answers] == ["Not saved"]
    said = {"inside": "inside the project folder", "itself": "is the project folder itself", "full": "not empty"}
    assert said[where] in answers[0][1]
    assert snapshot(tmp_path) == before
    assert window.package.root == example_project / "webapp2" and window.isWindowModified()
    window.editor.undo_stack.setClean()


def test_a_failed_write_leaves_no_folder_behind(tmp_path: Path, monkeypatch) -> None:
    calls = []

    def fail(fd):
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(SaveAsRefused, match="No space left on device.*nothing was written"):
        write_project(tmp_path / "a" / "b", {"settings.json": b"{}", "manifest.json": b"{}"})
    assert list(tmp_path.iterdir()) == []  # neither the folder, nor its parents, nor a temporary one


def _crash_copy(project: Path) -> Path:
    """A recovery copy of ``project`` with an edit, left by a designer process that has ended."""
    pkg = load(project)
    pkg.plugins[0].package.name = "Kept before the crash"
    kept = write_recovery(pkg)
    assert kept is not None
    crashed = subprocess.Popen([sys.executable, "-c", "pass"])  # (a process id that no longer runs)
    crashed.wait()
    data = json.loads(kept.read_text())
    kept.write_text(json.dumps({**data, "pid": crashed.pid}, indent=1))
    return kept


def test_the_recovery_copy_of_a_folder_that_is_gone_is_offered_at_the_next_start(
    qtbot, example_project: Path, tmp_path: Path, monkeypatch, answers
) -> None:
    from designer.gui.main_window import MainWindow

    kept = _crash_copy(example_project)
    had = snapshot(example_project / "webapp2")
    shutil.rmtree(example_project)
    window = shown(qtbot, MainWindow(), 1200, 800)
    (button,) = [b for b in window.welcome.findChildren(QPushButton, "saveKeptButton") if b.isVisible()]
    labels = " ".join(w.text() for w in window.welcome.kept.findChildren(QLabel) if w.isVisible())
    assert str(example_project) in labels and "1 changed file" in labels
    target = tmp_path / "rescued"
    _choose(monkeypatch, target)
    answers.reply = {"Some files cannot be saved": QMessageBox.StandardButton.Save}
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert [title for title, _ in answers] == ["Some files cannot be saved"]
    written = snapshot(target / "webapp2")
    assert set(written) == {PACKAGE}
    assert b"Kept before the crash" in written[PACKAGE]
    lost = sorted(set(had) - set(written))
    assert all(rel in answers[0][1] for rel in lost)  # the files only the folder had, each named
    assert not kept.exists()  # saved: not offered again
    assert window.package is not None and window.package.root == target / "webapp2"
    assert orphaned_recoveries() == []


def test_damaged_copies_in_the_recovery_folder_leave_the_welcome_screen_listing_the_others(
    qtbot, example_project: Path, base_project: Path
) -> None:
    """A copy of a folder gone, cut short after its head (it names the folder, its files are
    missing), made the list of copies take it for one to offer; with a garbage file, a folder
    named as a copy and a copy moved aside beside it, the screen lists the readable one only.
    The cut-short copy was then skipped without a word at every start: now it is moved aside and
    told once in the window's notes, naming the folder and where the copy went."""
    from designer.core.recovery import recovery_dir
    from designer.gui.main_window import MainWindow

    kept = _crash_copy(example_project)
    damaged = _crash_copy(base_project)
    text = damaged.read_text()
    damaged.write_text(text[: text.index('"writes":') + 30])  # cut short inside the kept files
    folder = recovery_dir()
    extras = [folder / "0123456789abcdef0123.json", folder / "fedcba9876543210fedc.json"]
    extras[0].write_bytes(bytes(range(256)))
    extras[1].mkdir()
    (folder / "0123456789abcdef0123.20260101-000000.damaged").write_bytes(b"\0")
    shutil.rmtree(example_project)
    shutil.rmtree(base_project)
    aside: list[Path] = []
    try:
        window = shown(qtbot, MainWindow(), 1200, 800)
        labels = " ".join(w.text() for w in window.welcome.kept.findChildren(QLabel) if w.isVisible())
        assert str(example_project) in labels and str(base_project) not in labels
        assert [r.path for r in orphaned_recoveries()].count(kept) == 1
        aside = [p for p in folder.glob(f"{damaged.stem}.*.damaged")]
        assert not damaged.exists() and len(aside) == 1
        notes = [w.text() for w in window.notes.findChildren(QLabel, "note") if w.isVisible()]
        assert notes == [
            f"Unsaved changes of {base_project}, a folder that no longer exists, were kept from an earlier "
            f"session but could not be read: it was cut short. It was moved to {aside[0]}."
        ]
        assert extras[0].exists() and extras[1].is_dir()  # (no folder named: they may be a project's still there)
        window.welcome.refresh()  # told once: listed again, the copy is no longer there to tell of
        window.notes.dismiss(f"damaged recovery {damaged}")
        window.welcome.refresh()
        assert not [w for w in window.notes.findChildren(QLabel, "note") if w.isVisible()]
    finally:
        for path in (kept, *aside, extras[0], folder / "0123456789abcdef0123.20260101-000000.damaged"):
            path.unlink(missing_ok=True)
        damaged.unlink(missing_ok=True)
        extras[1].rmdir()


def test_a_recovery_copy_of_a_folder_still_there_is_not_listed(example_project: Path) -> None:
    kept = _crash_copy(example_project)
    try:
        assert all(r.path != kept for r in orphaned_recoveries())
    finally:
        kept.unlink()


@pytest.mark.parametrize("answer", ["Cancel", "Discard"])
def test_the_recovery_copy_of_a_folder_gone_can_be_discarded_after_asking(
    qtbot, example_project: Path, monkeypatch, answer: str
) -> None:
    from designer.gui.main_window import MainWindow

    kept = _crash_copy(example_project)
    shutil.rmtree(example_project)
    asked: list[str] = []

    def question(parent, title, text, *a, **k):
        asked.append(text)
        return getattr(QMessageBox.StandardButton, answer)

    monkeypatch.setattr(QMessageBox, "question", question)
    window = shown(qtbot, MainWindow(), 1200, 800)
    (button,) = [b for b in window.welcome.findChildren(QPushButton, "discardKeptButton") if b.isVisible()]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and str(example_project) in asked[0] and "lost for good" in asked[0]
    assert kept.exists() is (answer == "Cancel")
    assert window.welcome.kept.isVisible() is (answer == "Cancel")
    kept.unlink(missing_ok=True)


def test_files_of_a_folder_gone_are_named_lost_even_after_the_listing_is_read_again(example_project: Path) -> None:
    """Listing a folder that is gone finds no file: the copy's plan took the package for one of
    only its JSON files, and said nothing of the sources and icons it could not copy."""
    from designer.core.saveas import copy_plan

    pkg = load(example_project)
    pkg.plugins[0].package.name = "Renamed lock"
    had = snapshot(example_project / "webapp2")
    shutil.rmtree(example_project)
    pkg.files.invalidate()  # (as after a save, or news from the file watcher)
    plan = copy_plan(pkg)
    assert sorted([*plan.files, *plan.lost]) == sorted(had)
    assert "plugins/lock-toggle/lock-toggle.plugin.js" in plan.lost
    assert b"Renamed lock" in plan.files[PACKAGE]


@pytest.mark.parametrize("damaged", [False, True])
def test_save_as_takes_the_record_of_the_last_export_along(
    window, example_project: Path, tmp_path: Path, monkeypatch, answers, damaged: bool
) -> None:
    """The new folder remembers the last brandingID exported, the ZIP it went into and the
    deployment, as the old one did; a damaged record is left behind, and the project still saved.

    Why: the copy started from nothing, as if never exported: "what changed since the last
    export" had nothing to compare with, and a brandingID chosen by hand above the clock's was
    forgotten, so the next export could go out with a lower one, which the clients ignore."""
    from designer.core.state import STATE_DIR, STATE_FILE, load_state, update_state

    if damaged:
        (example_project / STATE_DIR).mkdir()
        (example_project / STATE_DIR / STATE_FILE).write_text('{"last_export": {', encoding="utf-8")
    else:
        update_state(example_project, last_export={"brandingID": 9_000_000_000_000, "path": "/x/out.zip"})
    record = (example_project / STATE_DIR / STATE_FILE).read_bytes()
    window.open_path(example_project)
    window.editor.set_field(0, "package", "name", "Renamed lock", "rename")
    target = tmp_path / "copy"
    _choose(monkeypatch, target)
    _menu_action(window, "Save As…").trigger()
    assert window.package.root == target / "webapp2"
    assert (example_project / STATE_DIR / STATE_FILE).read_bytes() == record  # the old one as it was
    if damaged:
        assert not (target / STATE_DIR).exists()
        assert snapshot(target / "webapp2")[PACKAGE].count(b"Renamed lock") == 1
    else:
        assert (target / STATE_DIR / STATE_FILE).read_bytes() == record
        assert load_state(target)["last_export"]["brandingID"] == 9_000_000_000_000


def test_save_as_of_an_imported_zip_keeps_what_its_export_carries(window, tmp_path: Path, monkeypatch, answers) -> None:
    """A Management Node download's other folders beside webapp2/ (carried into every export) and
    its hidden files (kept because the imported ZIP had them) were dropped from the export of the
    copy: Save As wrote only webapp2/ and the record naming the imported ZIP, not the ZIP itself."""
    import zipfile

    from conftest import FIXTURES

    from designer.core.archive import import_zip
    from designer.core.export import plan_export

    web = FIXTURES / "base" / "webapp2"
    download = tmp_path / "download.zip"
    with zipfile.ZipFile(download, "w") as zf:
        for path in sorted(web.rglob("*")):
            if path.is_file():
                zf.writestr("webapp2/" + path.relative_to(web).as_posix(), path.read_bytes())
        zf.writestr("webapp2/.htaccess", b"Header set X-Frame-Options DENY\n")
        zf.writestr("webapp/themes/old.css", b"body {}\r\n")
        zf.writestr("fonts/brand.woff2", bytes(range(64)))
    project = import_zip(download, tmp_path / "project").target
    expected = plan_export(load(project)).entries
    window.open_path(project)
    target = tmp_path / "copy"
    _choose(monkeypatch, target)
    _menu_action(window, "Save As…").trigger()
    assert window.package.root == target / "webapp2"
    entries = plan_export(load(target)).entries
    assert sorted(entries) == sorted(expected)
    assert {k: v for k, v in entries.items() if k != "webapp2/manifest.json"} == {
        k: v for k, v in expected.items() if k != "webapp2/manifest.json"
    }


def test_a_newer_designers_copy_of_a_folder_gone_is_said_as_such_and_left_alone(qtbot, example_project: Path) -> None:
    """A copy a newer designer kept of a project folder since deleted: the welcome screen's note did
    not say the folder was gone (the note asked to open the project in that version, which no
    version can). Now it says so, and the copy stays where it is, start after start."""
    from designer.gui.main_window import MainWindow

    kept = _crash_copy(example_project)
    data = json.loads(kept.read_text())
    kept.write_text(json.dumps({**data, "format": data["format"] + 1}, indent=1))
    shutil.rmtree(example_project)
    try:
        for _ in range(2):
            window = shown(qtbot, MainWindow(), 1200, 800)
            [note] = [w.text() for w in window.notes.findChildren(QLabel, "note") if w.isVisible()]
            assert note.startswith(f"Unsaved changes of {example_project}, a folder that no longer exists, were ")
            assert "kept by a newer version of Plugin Designer" in note and f"They stay at {kept}" in note
            window.close()
        assert kept.exists()
    finally:
        kept.unlink(missing_ok=True)


def test_a_copy_of_a_folder_gone_kept_by_an_earlier_process_of_the_same_id_is_listed(example_project: Path) -> None:
    """Where each start gets the same process id (a container, a sandbox), the copy a crashed
    designer kept of a folder since gone was taken for this process's own and never listed: its
    edits could not be reached. A copy kept before this process began is another's."""
    import time

    kept = _crash_copy(example_project)
    data = json.loads(kept.read_text())
    kept.write_text(json.dumps({**data, "pid": os.getpid(), "saved_at": time.time() - 3600}, indent=1))
    shutil.rmtree(example_project)
    try:
        assert [r.path for r in orphaned_recoveries()].count(kept) == 1
    finally:
        kept.unlink(missing_ok=True)


def test_a_crash_copy_kept_by_an_earlier_process_of_the_same_id_is_offered_on_opening(example_project: Path) -> None:
    """The same rule where the folder is still there: opening it, the copy an earlier designer of the
    same process id (a container) left at a crash was taken for this process's own, never offered,
    and this process's first autosave wrote over it."""
    import time

    from designer.core.recovery import crash_copy_of

    kept = _crash_copy(example_project)
    data = json.loads(kept.read_text())
    try:
        kept.write_text(json.dumps({**data, "pid": os.getpid(), "saved_at": time.time() - 3600}, indent=1))
        assert crash_copy_of(example_project / "webapp2") or crash_copy_of(example_project)
        kept.write_text(json.dumps({**data, "pid": os.getpid(), "saved_at": time.time()}, indent=1))
        assert not crash_copy_of(example_project / "webapp2") and not crash_copy_of(example_project)
    finally:
        kept.unlink(missing_ok=True)
