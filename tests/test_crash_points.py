"""The designer killed at awkward moments (a pause in typing, just after a fix, just after a
rename): the next window offers the work back, exactly as it was on show."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import ROOT, snapshot
from PySide6.QtWidgets import QLineEdit, QMessageBox

from designer.core.model import pending_deletes, pending_writes
from designer.gui.main_window import MainWindow

LOCK_JS = "plugins/lock-toggle/lock-toggle.plugin.js"
HAND = "plugins/raise-hand-helper/hand.svg"

# The user works, then pauses (a few seconds, far less than the 30-second autosave) and the
# designer is killed. The child writes down what it showed and what a save would have written
# (``out``), waits until its recovery copy holds that (or ten seconds), then dies.
CRASHER = f"LOCK_JS, HAND = {LOCK_JS!r}, {HAND!r}\n" + textwrap.dedent(
    """
    import json, os, signal, sys, time
    from pathlib import Path
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLineEdit
    app = QApplication([])
    from designer.core.model import bytes_text, pending_deletes, pending_writes
    from designer.core.recovery import read_recovery
    from designer.gui.main_window import MainWindow

    project, scenario, out = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
    win = MainWindow()
    win.resize(1200, 800)
    win.show()
    QTest.qWaitForWindowExposed(win)
    if scenario != "again":
        win.open_path(project)

    def show(kind, data):
        win.tree.setCurrentItem(win._find_tree_item(win.tree.topLevelItem(0), (kind, data)))

    def at_the_end_of_the_code():
        show("file", LOCK_JS)
        editor = win.source_editor
        editor.setFocus()
        cursor = editor.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        editor.setTextCursor(cursor)
        return editor

    if scenario == "again":  # a second crash, after restoring the first one's work and typing on
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.question = lambda *a, **k: QMessageBox.StandardButton.Yes
        win.open_path(project)
        editor = at_the_end_of_the_code()
        QTest.keyClick(editor, Qt.Key.Key_Return)
        QTest.keyClicks(editor, "// typed after the restore")
        shown = editor.toPlainText()
    elif scenario == "typing":
        editor = at_the_end_of_the_code()
        QTest.keyClicks(editor, "// first words")
        win.autosave()  # the 30-second copy comes in the middle of the typing
        QTest.keyClick(editor, Qt.Key.Key_Return)
        QTest.keyClicks(editor, "// and the last ones")
        shown = editor.toPlainText()
    elif scenario == "fix":
        win._recheck.stop()
        win._run_checks()
        view = win.problems_view
        (row,) = [r for r in view.problem_items() if view.itemWidget(r, 3) is not None]
        QTest.mouseClick(view.itemWidget(row, 3), Qt.MouseButton.LeftButton)
        shown = win.package.read_text(LOCK_JS)
    elif scenario in ("rename", "id"):
        show("plugin", 1)
        field_name, typed = {"rename": ("nameEdit", "Meeting details"), "id": ("idEdit", "meeting-details")}[scenario]
        field = win.findChild(QLineEdit, field_name)
        field.setFocus()
        field.selectAll()
        QTest.keyClicks(field, typed)
        QTest.keyClick(field, Qt.Key.Key_Return)
        shown = field.text()
    elif scenario == "save":  # code typed and an id renamed, then Ctrl+S at once (see below)
        editor = at_the_end_of_the_code()
        QTest.keyClicks(editor, "// typed just before saving")
        show("plugin", 1)
        field = win.findChild(QLineEdit, "idEdit")
        field.setFocus()
        field.selectAll()
        QTest.keyClicks(field, "meeting-details")
        QTest.keyClick(field, Qt.Key.Key_Return)
        shown = field.text()
    elif scenario == "remove":
        show("plugin", 1)
        win.remove_plugin()
        shown = [p.display_name for p in win.package.plugins]
    elif scenario == "recipe":
        from designer.gui.panes.recipe_wizard import RecipeWizard

        def run(wiz):
            wiz.choose("lock-toggle")
            wiz.next()
            wiz.set_answers({"name": "Door lock"})
            wiz.next()
            wiz.finish()
            return 1

        RecipeWizard.exec = run
        win.plugin_actions["recipe"].trigger()
        shown = [p.display_name for p in win.package.plugins]
    else:  # icon
        show("file", HAND)
        pane = win.icon_pane
        pane.rename_id("raised-hand")
        shown = pane.canvas.text
    expected = {rel: bytes_text(data) for rel, data in pending_writes(win.package).items()}
    deletes = pending_deletes(win.package)
    out.write_text(json.dumps({"shown": shown, "writes": expected, "deletes": deletes}))
    if scenario == "save":  # killed in the middle of the save, once the first file is replaced
        real_replace = os.replace

        def replace_then_die(src, dst, *args, **kwargs):
            real_replace(src, dst, *args, **kwargs)
            if Path(dst).is_relative_to(project):
                os.kill(os.getpid(), signal.SIGKILL)

        os.replace = replace_then_die
        win.save()
    if len(sys.argv) > 4:  # killed at once: only what was already waiting to happen happens
        app.processEvents()
        app.processEvents()
        os.kill(os.getpid(), signal.SIGKILL)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        QTest.qWait(100)
        kept = read_recovery(project / "webapp2")
        if kept is not None and {r: bytes_text(d) for r, d in kept.writes.items()} == expected:
            break
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


@pytest.mark.parametrize("scenario", ["typing", "fix", "rename", "icon", "remove", "recipe", "again"])
def test_a_crash_after_a_pause_loses_nothing_on_show(
    window: MainWindow, qtbot, example_project: Path, tmp_path: Path, monkeypatch, scenario: str
) -> None:
    """Only the Id and Action fields were kept aside soon after the last key; anything else (typing
    in the code, a fix, a new name, an icon edit) waited for the 30-second copy, and a crash in
    between lost it — or offered an older copy without the last words typed."""
    _crash_and_restore(window, example_project, tmp_path, monkeypatch, scenario)


@pytest.mark.parametrize("scenario", ["fix", "id", "icon", "remove", "recipe"])
def test_a_crash_right_after_a_one_step_change_loses_nothing_on_show(
    window: MainWindow, qtbot, example_project: Path, tmp_path: Path, monkeypatch, scenario: str
) -> None:
    """A change made in one go (a fix, a new id, a removed or added plugin, an icon's new id) waited
    half a second to be kept aside, like typing; a crash at once, perhaps caused by the change
    itself, lost it. Now it is kept aside as soon as the window is idle again."""
    _crash_and_restore(window, example_project, tmp_path, monkeypatch, scenario, at_once=True)


def _crash_and_restore(
    window: MainWindow, example_project: Path, tmp_path: Path, monkeypatch, scenario: str, at_once: bool = False
) -> None:
    """Run ``scenario`` in a designer of its own, kill it (``at_once``: with no pause), then open the
    project here: the restored work is what the killed window showed and would have saved."""
    if scenario == "fix":  # a menu item whose function the code lacks: the fix writes it
        package = example_project / "webapp2/plugins/lock-toggle/lock-toggle.plugin.package.json"
        package.write_text(package.read_text().replace('"toggleLock"', '"stopNow"'))
    before = snapshot(example_project)
    out = tmp_path / "shown.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    for run in ["typing", "again"] if scenario == "again" else [scenario]:
        proc = subprocess.run(
            [sys.executable, "-c", CRASHER, str(example_project), run, str(out), *(["at once"] if at_once else [])],
            cwd=ROOT,
            env=env,
            capture_output=True,
            timeout=120,
        )
        assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()
    assert snapshot(example_project) == before  # the crash left the project untouched
    left = json.loads(out.read_text())
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    window.open_path(example_project)
    assert asked and "closed without saving changes" in asked[0]
    assert {rel: data.decode("utf-8", "surrogateescape") for rel, data in pending_writes(window.package).items()} == (
        left["writes"]
    )
    assert pending_deletes(window.package) == left["deletes"]
    tree = window.tree
    if scenario in ("typing", "fix", "again"):
        window.tree.setCurrentItem(window._find_tree_item(tree.topLevelItem(0), ("file", LOCK_JS)))
        assert window.source_editor.toPlainText() == left["shown"]
        if scenario == "again":  # the first crash's words too, restored by the second window
            assert "// and the last ones\n// typed after the restore" in left["shown"]
    elif scenario == "rename":
        window.tree.setCurrentItem(window._find_tree_item(tree.topLevelItem(0), ("plugin", 1)))
        assert window.findChild(QLineEdit, "nameEdit").text() == left["shown"] == "Meeting details"
    elif scenario == "id":
        window.tree.setCurrentItem(window._find_tree_item(tree.topLevelItem(0), ("plugin", 1)))
        assert window.findChild(QLineEdit, "idEdit").text() == left["shown"] == "meeting-details"
    elif scenario in ("remove", "recipe"):
        assert [tree.topLevelItem(0).child(2 + i).text(0) for i in range(len(left["shown"]))] == left["shown"]
        assert [p.display_name for p in window.package.plugins] == left["shown"]
    else:
        window.tree.setCurrentItem(window._find_tree_item(tree.topLevelItem(0), ("file", HAND)))
        assert window.icon_pane.canvas.text == left["shown"]


def test_a_crash_in_the_middle_of_a_save_made_just_after_the_edits_loses_nothing(
    window: MainWindow, qtbot, example_project: Path, tmp_path: Path, monkeypatch
) -> None:
    """Ctrl+S straight after typing (before the half-second copy) and a crash while the files were
    being replaced: the project was left half written (the id renamed in settings.json, not in
    its source) and the next start offered nothing, the edits in no file and no copy. Now the
    copy is kept just before the save writes, so the next start offers it all back."""
    before = snapshot(example_project)
    out = tmp_path / "shown.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    proc = subprocess.run(
        [sys.executable, "-c", CRASHER, str(example_project), "save", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()
    assert snapshot(example_project) != before  # (killed after a file was replaced, before the others)
    left = json.loads(out.read_text())
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    window.open_path(example_project)
    assert asked and "closed without saving changes" in asked[0]
    assert "Changed since then" not in asked[0]  # (the half-done save is no other program's change)
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("plugin", 1)))
    assert window.findChild(QLineEdit, "idEdit").text() == left["shown"] == "meeting-details"
    assert window.save()  # (the files the killed save had replaced already hold these bytes)
    for rel, text in left["writes"].items():
        assert (example_project / "webapp2" / rel).read_bytes() == text.encode("utf-8", "surrogateescape")


def test_discarding_the_changes_of_a_save_killed_half_way_puts_back_the_files_it_wrote(
    window: MainWindow, qtbot, example_project: Path, tmp_path: Path, monkeypatch
) -> None:
    """A save killed between its files (an id renamed in settings.json, not yet in its plugin's),
    then Discard at the next start: the copy went and the project stayed half written, its ids
    disagreeing. Now the files that save wrote get back the version they had before it (the one
    it kept beside each to put back), and the project is whole again, as saved last."""
    before = snapshot(example_project)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    proc = subprocess.run(
        [sys.executable, "-c", CRASHER, str(example_project), "save", str(tmp_path / "shown.json")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()
    assert snapshot(example_project) != before  # (killed after a file was replaced, before the others)
    asked: list[str] = []
    replies = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Discard])
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or next(replies))
    window.open_path(example_project)
    assert len(asked) == 2
    assert "discarding puts back the version it had before that save" in asked[1]
    assert snapshot(example_project) == before
    assert "the version before it again" in window.status.text()
    assert not window.isWindowModified()
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("plugin", 1)))
    assert window.findChild(QLineEdit, "idEdit").text() == "meeting-info"
    from designer.core.recovery import read_recovery

    assert read_recovery(example_project / "webapp2") is None


@pytest.mark.parametrize("leaving", ["close", "open another"])
def test_changes_of_a_save_killed_half_way_restored_then_discarded_leave_the_project_whole(
    window: MainWindow, qtbot, example_project: Path, base_project: Path, tmp_path: Path, monkeypatch, leaving: str
) -> None:
    """A save killed between its files, its changes restored at the next start, then the window
    closed (or another project opened) with "Save your changes?" answered Discard: the copy went
    and the project stayed half written. Now the files that save wrote get back the version they
    had before it."""
    before = snapshot(example_project)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    proc = subprocess.run(
        [sys.executable, "-c", CRASHER, str(example_project), "save", str(tmp_path / "shown.json")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.open_path(example_project)
    assert window.isWindowModified()  # (restored)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    assert window.close() if leaving == "close" else window.open_path(base_project)
    assert snapshot(example_project) == before
    from designer.core.recovery import read_recovery

    assert read_recovery(example_project / "webapp2") is None


def test_save_as_right_after_restoring_a_save_killed_half_way_writes_it_all_there_and_puts_the_project_back(
    window: MainWindow, qtbot, example_project: Path, tmp_path: Path, monkeypatch
) -> None:
    """A save killed between its files, its changes restored at the next start, then Save As into a
    new folder: the new folder had every change, but the project folder stayed half written (the id
    renamed in settings.json, not in its plugin's files), and nothing would ever offer to put it
    back. Now it gets back the version before that save, as Discard gives it; the changes are in
    the new folder."""
    before = snapshot(example_project)
    out = tmp_path / "shown.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    proc = subprocess.run(
        [sys.executable, "-c", CRASHER, str(example_project), "save", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()
    left = json.loads(out.read_text())
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.open_path(example_project)
    assert window.isWindowModified()  # (restored)
    target = tmp_path / "copy"
    monkeypatch.setattr("designer.gui.panes.new_project_dialog.ask_save_as_folder", lambda *a: target)
    assert window.save_as()
    for rel, text in left["writes"].items():
        assert (target / "webapp2" / rel).read_bytes() == text.encode("utf-8", "surrogateescape"), rel
    assert snapshot(example_project) == before
    assert window.package.root == target / "webapp2" and not window.isWindowModified()
    from designer.core.recovery import read_recovery

    assert read_recovery(example_project / "webapp2") is None


def test_undo_after_save_as_of_a_restored_save_killed_half_way_mixes_no_versions(
    window: MainWindow, qtbot, example_project: Path, tmp_path: Path, monkeypatch
) -> None:
    """Save As right after restoring a save killed half way, then Undo and Save in the new folder:
    the restore's undo took the files that save had written (settings.json) for the version before
    it, so the new folder got the old plugin files with the new settings.json, its ids disagreeing.
    Restoring puts those files back first, so the undo comes back to the project as saved last, whole."""
    before = snapshot(example_project / "webapp2")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    proc = subprocess.run(
        [sys.executable, "-c", CRASHER, str(example_project), "save", str(tmp_path / "shown.json")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.open_path(example_project)
    target = tmp_path / "copy"
    monkeypatch.setattr("designer.gui.panes.new_project_dialog.ask_save_as_folder", lambda *a: target)
    assert window.save_as()
    stack = window.editor.undo_stack
    while stack.canUndo():
        stack.undo()
    window.save()
    assert snapshot(target / "webapp2") == before
