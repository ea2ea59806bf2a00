"""Other programs' changes to an open project, second round: a save with nothing to save,
files replaced or deleted while on show, crash copies with two windows open, opening cheaply."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import renamed_elsewhere
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPlainTextEdit
from test_recovery import answer_yes, other_window

from designer.gui.main_window import MainWindow


def test_saving_with_nothing_edited_leaves_other_programs_changes_alone(
    window: MainWindow, qtbot, example_project: Path, warnings
) -> None:
    """Ctrl+S on a project with no edits wrote the model over settings.json that another program
    had changed, and put back a package file it had deleted."""
    shown = warnings
    window.open_path(example_project)
    settings = example_project / "webapp2/settings.json"
    changed = settings.read_text().replace('"enabled": true', '"enabled": false', 1)
    assert changed != settings.read_text()
    settings.write_text(changed)
    gone = example_project / "webapp2/plugins/lock-toggle/lock-toggle.plugin.package.json"
    gone.unlink()
    window.tree.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert settings.read_text() == changed
    assert not gone.exists()
    assert shown == []
    status = window.status.text()
    assert status.startswith("Nothing to save: you have not changed anything"), status
    assert "settings.json" in status and "lock-toggle.plugin.package.json" in status
    assert "File ▸ Reload" in status
    assert not window.isWindowModified()


def test_saving_a_clean_project_that_no_one_changed_says_so(
    window: MainWindow, qtbot, example_project: Path, warnings
) -> None:
    shown = warnings
    window.open_path(example_project)
    window.tree.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert shown == []
    assert window.status.text() == "Nothing to save: you have not changed anything since the project was opened."


SRC = "plugins/rec/rec.plugin.js"


def _replaced_by_a_folder(window: MainWindow, qtbot, path: Path) -> None:
    """Another program puts a folder where the file ``path`` was; back once the window has said so."""
    with qtbot.waitSignal(window._watcher.fileChanged, timeout=5000):
        path.unlink()
        path.mkdir()
    qtbot.waitUntil(lambda: "replaced by a folder" in window.status.text())


def test_a_file_on_show_replaced_by_a_folder_is_said_at_once(window: MainWindow, qtbot, base_project: Path) -> None:
    """Another program put a folder where the code on show was: nothing was said until Save."""
    from conftest import open_in_editor

    open_in_editor(window, base_project, SRC)
    _replaced_by_a_folder(window, qtbot, base_project / "webapp2" / SRC)
    assert window.status.text() == f"{SRC} was replaced by a folder by another program."
    assert window.stack.currentWidget() is not window.source_pane  # no longer a file to show


def test_unsaved_code_whose_file_became_a_folder_is_kept_and_said(
    window: MainWindow, qtbot, base_project: Path
) -> None:
    from conftest import open_in_editor

    editor = open_in_editor(window, base_project, SRC)
    editor.setFocus()
    qtbot.keyClicks(editor, "// mine")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    mine = editor.text()
    _replaced_by_a_folder(window, qtbot, base_project / "webapp2" / SRC)
    assert window.status.text() == (
        f"{SRC} was replaced by a folder by another program; your unsaved version is kept, and Save cannot "
        "write it there until that folder is moved away."
    )
    assert editor.text() == mine and window.isWindowModified()
    window.editor.undo_stack.setClean()


def test_unsaved_code_whose_file_became_a_folder_is_still_kept_aside_for_a_crash(
    window: MainWindow, qtbot, base_project: Path, monkeypatch
) -> None:
    """The recovery copy compared each edited file with the one on disk, and a folder standing
    there (or a link, a file made unreadable) stopped the copy: "Could not keep a recovery copy",
    and a crash then lost every unsaved edit of the project, not only that file's."""
    from conftest import open_in_editor

    from designer.core.recovery import read_recovery

    editor = open_in_editor(window, base_project, SRC)
    editor.setFocus()
    qtbot.keyClicks(editor, "// mine")
    mine = editor.text()
    window.tree.setCurrentItem(window.tree.topLevelItem(0).child(0))  # on to settings.json: SRC is not watched
    assert window.source_editor.text() != mine
    (base_project / "webapp2" / SRC).unlink()
    (base_project / "webapp2" / SRC).mkdir()
    window.autosave()
    assert not window.status.text().startswith("Could not keep a recovery copy"), window.status.text()
    kept = read_recovery(base_project / "webapp2")
    assert kept is not None and kept.writes[SRC].decode("utf-8") == mine
    asked = answer_yes(monkeypatch)  # as after a crash: the next window offers the copy back
    again = MainWindow()
    qtbot.addWidget(again)
    again.open_path(base_project)
    assert asked and "closed without saving changes" in asked[0]
    assert again.package.pending_texts[SRC] == mine
    for each in (window, again):
        each.editor.undo_stack.setClean()


def test_an_icon_on_show_deleted_elsewhere_is_said_at_once(window: MainWindow, qtbot, base_project: Path) -> None:
    from conftest import open_in_editor

    open_in_editor(window, base_project, "plugins/rec/rec.svg")
    assert window.stack.currentWidget() is window.icon_pane
    with qtbot.waitSignal(window._watcher.fileChanged, timeout=5000):
        (base_project / "webapp2/plugins/rec/rec.svg").unlink()
    qtbot.waitUntil(lambda: "deleted by another program" in window.status.text())


def test_a_crash_copy_of_another_window_outlives_this_ones_autosave_and_save(
    window: MainWindow, example_project: Path, monkeypatch
) -> None:
    """Two windows on one project; the other one crashed while this one stayed open: this one's
    autosave replaced its crash copy (and a save here threw it away), its edits lost for good."""
    import os
    import signal

    from designer.core.recovery import read_recovery

    with other_window(example_project) as other:
        try:
            assert other.stdout is not None and other.stdout.readline() == b"kept\n"
            window.open_path(example_project)
            window.editor.set_field(1, "entry", "enabled", False, "switch off")
        finally:
            os.kill(other.pid, signal.SIGKILL)
        other.wait()
    window.autosave()  # the other window is gone: its copy is a crash copy now
    # (in place of the note, said on opening, that it had unsaved changes)
    assert window.notes.texts() == [
        "Another Plugin Designer window on this package closed without saving its changes; they are "
        "kept aside. Save here, then File ▸ Reload to be offered them."
    ]
    kept = read_recovery(example_project / "webapp2")
    assert kept is not None and kept.pid == other.pid
    assert window.save() is True
    kept = read_recovery(example_project / "webapp2")
    assert kept is not None and kept.pid == other.pid
    asked = answer_yes(monkeypatch)
    window.open_path(example_project)
    assert len(asked) == 1 and "closed without saving changes" in asked[0]
    assert window.package.plugins[0].display_name == "Edited in the other window"
    assert window.package.plugins[1].entry.enabled is False  # saved here before
    window.autosave()
    assert read_recovery(example_project / "webapp2").pid == os.getpid()  # restored here: this window's now
    window.save()
    assert read_recovery(example_project / "webapp2") is None


def test_opening_reads_only_the_heads_of_other_projects_recovery_copies(
    window: MainWindow, example_project: Path, tmp_path: Path, monkeypatch
) -> None:
    """With no copy of its own, opening a project read every recovery copy whole (to find one
    kept before the project was moved): many large copies made every opening slow. Now only the
    few lines at the head of each are read."""
    import json
    import shutil

    import designer.core.recovery as recovery
    from designer.core.model import load

    monkeypatch.setattr(recovery, "recovery_dir", lambda: tmp_path / "recovery")
    big = "// " + "x" * 100 + "\n"
    for i in range(8):
        other = tmp_path / f"gone{i}"
        shutil.copytree(example_project, other)
        settings = other / "webapp2/settings.json"
        settings.write_text(settings.read_text() + " " * (i + 1))  # another project: other files
        pkg = load(other)
        pkg.pending_texts["plugins/lock-toggle/lock-toggle.plugin.js"] = big * 5000  # ~0.5 MB each
        recovery.write_recovery(pkg)
        shutil.rmtree(other)  # that project is gone: its copy waits for it to turn up elsewhere
    assert len(list((tmp_path / "recovery").iterdir())) == 8
    parsed: list[int] = []
    real = json.loads
    monkeypatch.setattr(recovery.json, "loads", lambda text, *a, **k: parsed.append(len(text)) or real(text, *a, **k))
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]))
    window.open_path(example_project)
    assert asked == [] and window.package is not None
    assert sum(parsed) < 8 * 20_000, parsed  # the heads, not the 4 MB of kept edits


def test_a_copy_written_by_an_older_designer_is_still_found_after_a_move(example_project: Path, tmp_path: Path) -> None:
    """Older copies put the kept files before the base: read whole, they are still recognised."""
    import json

    from designer.core.model import load
    from designer.core.recovery import _file_for, read_recovery, write_recovery

    pkg = load(example_project)
    pkg.plugins[0].package.name = "Kept by an older designer"
    path = write_recovery(pkg)
    data = json.loads(path.read_text())
    old_order = {k: data[k] for k in ("format", "root", "pid", "saved_at", "writes", "deletes", "base")}
    old_order["pid"] = 999_999_999  # (no such process: a crash)
    path.write_text(json.dumps(old_order, indent=1))
    moved = tmp_path / "moved"
    example_project.rename(moved)
    kept = read_recovery(moved / "webapp2")
    assert kept is not None and kept.moved_from == example_project / "webapp2"
    assert b"Kept by an older designer" in kept.writes["plugins/lock-toggle/lock-toggle.plugin.package.json"]
    assert not path.exists() and _file_for(moved / "webapp2").exists()
    _file_for(moved / "webapp2").unlink()


TYPER = """
import os, signal, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication, QLineEdit
from PySide6.QtTest import QTest
app = QApplication([])
from designer.gui.main_window import MainWindow
win = MainWindow()
win.show()
win.open_path(Path(sys.argv[1]))
win.tree.setCurrentItem(win._find_tree_item(win.tree.topLevelItem(0), ("plugin", 0)))
if sys.argv[2] == "actionEdit":
    win.plugin_page.items.list.setCurrentRow(0)
edit = win.findChild(QLineEdit, sys.argv[2])
edit.setFocus()
edit.selectAll()
QTest.keyClicks(edit, sys.argv[3])
assert edit.isModified() and not win.isWindowModified()
win.autosave()
os.kill(os.getpid(), signal.SIGKILL)
"""


def _killed_while_typing(project: Path, field: str, text: str) -> None:
    import os
    import signal
    import subprocess
    import sys

    from conftest import ROOT

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [sys.executable, "-c", TYPER, str(project), field, text], cwd=ROOT, env=env, capture_output=True
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()


def test_an_id_being_typed_when_the_designer_was_killed_is_offered_back_in_its_field(
    window: MainWindow, qtbot, example_project: Path, monkeypatch
) -> None:
    """The Id field records its text when left, so the recovery copy did not hold it: a crash
    while typing lost it. Now it is put back in the field, still unrecorded (no half-typed id
    renamed into the files, no warning), and recorded when the field is left."""
    from PySide6.QtWidgets import QLabel, QLineEdit

    from designer.core.recovery import read_recovery

    _killed_while_typing(example_project, "idEdit", "lock-it")
    asked = answer_yes(monkeypatch)
    window.open_path(example_project)
    assert len(asked) == 1
    assert asked[0].startswith(
        "Plugin Designer was closed while the id 'lock-it' was being typed for 'Lock toggle' (kept"
    )
    assert asked[0].endswith(", before it was recorded. Put it back in its field?")
    edit = window.findChild(QLineEdit, "idEdit")
    assert window.stack.currentWidget() is window.plugin_page and edit.hasFocus()
    assert edit.text() == "lock-it" and edit.isModified()
    assert window.package.plugins[0].package.id == "lock-toggle" and window.editor.undo_stack.count() == 0
    assert not window.findChild(QLabel, "idNote").isVisible()
    assert window.status.text().startswith("Put back the text you were typing in the Id field")
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert window.package.plugins[0].package.id == "lock-it" and window.isWindowModified()
    window.autosave()
    kept = read_recovery(example_project / "webapp2")
    assert kept is not None and kept.typing is None and kept.writes  # the rename, recorded now
    window.save()
    assert read_recovery(example_project / "webapp2") is None


def test_an_action_being_typed_when_the_designer_was_killed_is_offered_back(
    window: MainWindow, qtbot, example_project: Path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QLineEdit

    from designer.core.recovery import read_recovery

    _killed_while_typing(example_project, "actionEdit", "lockNow")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.open_path(example_project)
    edit = window.findChild(QLineEdit, "actionEdit")
    assert edit.text() == "lockNow" and edit.isModified() and edit.hasFocus()
    assert window.plugin_page.items.list.currentRow() == 0
    assert window.editor.undo_stack.count() == 0
    # Taken back to what it was: nothing left to offer.
    edit.selectAll()
    old = next(iter(window.package.plugins[0].package.menu_items.values()))[0].action
    qtbot.keyClicks(edit, old)
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert not window.isWindowModified()
    window.autosave()
    assert read_recovery(example_project / "webapp2") is None


def test_unsaved_edits_and_an_id_being_typed_come_back_together(
    window: MainWindow, example_project: Path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QLineEdit

    from designer.core.model import load
    from designer.core.recovery import Typing, write_recovery

    pkg = load(example_project)
    pkg.plugins[1].package.name = "Renamed before the crash"
    write_recovery(pkg, typing=Typing("id", 0, "half-typ"))
    asked = answer_yes(monkeypatch)
    window.open_path(example_project)
    assert (
        len(asked) == 1
        and "It also kept the id 'half-typ', being typed for 'Lock toggle' and not recorded yet." in asked[0]
    )
    assert window.package.plugins[1].display_name == "Renamed before the crash"
    edit = window.findChild(QLineEdit, "idEdit")
    assert edit.text() == "half-typ" and edit.isModified() and window.package.plugins[0].package.id == "lock-toggle"
    assert window.status.text().startswith(
        "Restored your unsaved changes, and the text you were typing in the Id field"
    )
    window.editor.undo_stack.setClean()


PACKAGE_FILE = "plugins/rec/rec.plugin.package.json"


def _show_plugin_form(window: MainWindow, project: Path) -> None:
    window.open_path(project)
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("plugin", 0)))
    assert window.stack.currentWidget() is window.plugin_page


def test_a_package_file_on_show_in_the_form_deleted_elsewhere_is_said_at_once(
    window: MainWindow, qtbot, base_project: Path
) -> None:
    """Only the code or icon on show was watched: the plugin form's package file, deleted by
    another program, was found out only at Save."""
    _show_plugin_form(window, base_project)
    name = window.package.plugins[0].display_name
    with qtbot.waitSignal(window._watcher.fileChanged, timeout=5000):
        (base_project / "webapp2" / PACKAGE_FILE).unlink()
    qtbot.waitUntil(lambda: "deleted by another program" in window.status.text())
    assert window.status.text() == (
        f"The package file of '{name}' ({PACKAGE_FILE}) was deleted by another program. "
        "File ▸ Reload reads the project again without it."
    )
    assert window.stack.currentWidget() is window.plugin_page


def test_a_package_file_on_show_replaced_by_a_folder_keeps_the_unsaved_edits_and_says_so(
    window: MainWindow, qtbot, base_project: Path
) -> None:
    from PySide6.QtWidgets import QLineEdit

    _show_plugin_form(window, base_project)
    edit = window.findChild(QLineEdit, "idEdit")
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "recorder")
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert window.package.plugins[0].package.id == "recorder" and window.isWindowModified()
    name = window.package.plugins[0].display_name
    _replaced_by_a_folder(window, qtbot, base_project / "webapp2" / PACKAGE_FILE)
    assert window.status.text() == (
        f"The package file of '{name}' ({PACKAGE_FILE}) was replaced by a folder by another program; your "
        "unsaved changes are kept, and Save cannot write it there until that folder is moved away."
    )
    assert window.package.plugins[0].package.id == "recorder" and window.isWindowModified()
    assert edit.text() == "recorder"
    window.editor.undo_stack.setClean()


def test_an_id_put_back_after_a_crash_with_other_edits_stays_in_its_field(
    window: MainWindow, qtbot, example_project: Path, monkeypatch
) -> None:
    """Restored with other unsaved edits, the text typed in the Id field before the crash was put
    back, and the checks the restore started showed the form again a moment later: the field went
    back to the old id, while the status bar still said the text was there to finish."""
    from PySide6.QtWidgets import QLineEdit

    from designer.core.model import load
    from designer.core.recovery import Typing, write_recovery

    pkg = load(example_project)
    pkg.plugins[1].package.name = "Renamed before the crash"
    write_recovery(pkg, typing=Typing("id", 0, "half-typ"))
    answer_yes(monkeypatch)
    window.open_path(example_project)
    qtbot.waitUntil(lambda: not window._recheck.isActive() and window.background_checks is None)
    edit = window.findChild(QLineEdit, "idEdit")
    assert edit.text() == "half-typ" and edit.isModified()
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert window.package.plugins[0].package.id == "half-typ"
    window.editor.undo_stack.setClean()


def test_a_package_file_on_show_in_the_form_changed_elsewhere_is_shown_again(
    window: MainWindow, qtbot, base_project: Path
) -> None:
    """Another program changed the package file of the plugin on show: the form went on showing
    the old values, nothing said, and an edit made on them had Save choose between it and that
    change. Now, with nothing unsaved, the form shows the new values; with unsaved edits, they
    are kept and the status bar says Save will ask."""
    from PySide6.QtWidgets import QLineEdit

    _show_plugin_form(window, base_project)

    def name() -> str:
        return window.findChild(QLineEdit, "nameEdit").text()

    package = base_project / "webapp2" / PACKAGE_FILE
    data = json.loads(package.read_text())
    with qtbot.waitSignal(window._watcher.fileChanged, timeout=5000):
        package.write_text(json.dumps({**data, "name": "Named elsewhere"}, indent=4))
    qtbot.waitUntil(lambda: name() == "Named elsewhere")
    assert window.stack.currentWidget() is window.plugin_page and window.plugin_page.index == 0
    assert window.status.text() == f"Reloaded the project: {PACKAGE_FILE} was changed by another program."
    assert not window.isWindowModified()

    description = window.findChild(QPlainTextEdit, "descriptionEdit")
    description.setFocus()
    qtbot.keyClicks(description, " mine")
    with qtbot.waitSignal(window._watcher.fileChanged, timeout=5000):
        package.write_text(json.dumps({**data, "name": "Named again"}, indent=4))
    qtbot.waitUntil(lambda: "was changed by another program. Your unsaved changes are kept" in window.status.text())
    assert name() == "Named elsewhere" and description.toPlainText().endswith(" mine")
    window.editor.undo_stack.setClean()


def test_keys_typed_in_the_form_right_after_a_save_are_not_taken_for_another_programs_change(
    window: MainWindow, qtbot, base_project: Path
) -> None:
    """The news of a save comes after keys typed on in the form since: the package file on show,
    then no longer what the form says, was not to be said "changed by another program"."""
    from PySide6.QtWidgets import QApplication, QLineEdit

    _show_plugin_form(window, base_project)
    name = window.findChild(QLineEdit, "nameEdit")
    name.setFocus()
    name.end(False)
    qtbot.keyClicks(name, " A")
    with qtbot.waitSignal(window._watcher.fileChanged, timeout=5000):
        assert window.save()
        qtbot.keyClicks(name, "B")  # before the news of the save comes
    QApplication.processEvents()  # (the news is handled in the next turn of the event loop)
    assert "another program" not in window.status.text()
    assert name.text().endswith(" AB") and window.isWindowModified()
    window.editor.undo_stack.setClean()


def test_an_id_being_typed_outlasts_another_programs_change_to_the_package_file(
    window: MainWindow, qtbot, base_project: Path
) -> None:
    """The project is read again when the package file on show changes and nothing is unsaved:
    text typed in the Id field, recorded only when the field is left, is unsaved too."""
    from PySide6.QtWidgets import QLineEdit

    _show_plugin_form(window, base_project)
    edit = window.findChild(QLineEdit, "idEdit")
    edit.setFocus()
    edit.end(False)
    qtbot.keyClicks(edit, "-typed")
    package = base_project / "webapp2" / PACKAGE_FILE
    with qtbot.waitSignal(window._watcher.fileChanged, timeout=5000):
        package.write_text(package.read_text().replace('"version"', '"description": "elsewhere",\n    "version"', 1))
    qtbot.waitUntil(lambda: "was changed by another program. Your unsaved changes are kept" in window.status.text())
    assert edit.text().endswith("-typed") and edit.isModified()
    edit.setModified(False)


def test_a_project_folder_deleted_elsewhere_says_so_and_offers_save_as(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """The whole project folder deleted while a plugin's form was on show was told as its package
    file deleted, "File ▸ Reload reads the project again without it", and Reload then said only
    "Cannot open": the way out (Save As) was not named."""
    import shutil

    _show_plugin_form(window, example_project)
    with qtbot.waitSignal(window._watcher.fileChanged, timeout=5000):
        shutil.rmtree(example_project)
    qtbot.waitUntil(lambda: "by another program" in window.status.text())
    assert "Reload" not in window.status.text()
    assert window.status.text() == (
        f"The project folder {example_project} was deleted or moved by another program; "
        "File ▸ Save As… saves what the window holds into a new folder."
    )


def test_a_project_folder_deleted_while_its_code_is_on_show_offers_save_as(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """The same with a plugin's code on show in the editor: "… was deleted by another program"."""
    import shutil

    from conftest import open_in_editor

    open_in_editor(window, example_project, "plugins/lock-toggle/lock-toggle.plugin.js")
    with qtbot.waitSignal(window._watcher.fileChanged, timeout=5000):
        shutil.rmtree(example_project)
    qtbot.waitUntil(lambda: "by another program" in window.status.text())
    assert window.status.text().startswith(f"The project folder {example_project} was deleted or moved")


def _package_name(project: Path, plugin_id: str) -> str:
    """The name a plugin's package file holds on disk now."""
    (path,) = (project / "webapp2/plugins").glob(f"{plugin_id}/*.plugin.package.json")
    return json.loads(path.read_text())["name"]


def test_save_anyway_leaves_a_file_changed_elsewhere_and_not_edited_here_as_it_is(
    window: MainWindow, qtbot, example_project: Path, monkeypatch
) -> None:
    """Another window renamed one plugin and saved; this one, with an edit of another plugin, saved
    (Save anyway): the other plugin's package file went back to this window's older copy, the
    rename lost. Now only the edited file is written, and the window shows the other change."""
    window.open_path(example_project)
    mine = window.package.plugins[1].entry.id
    window.editor.edit("mine", lambda pkg: setattr(pkg.plugins[1].package, "name", "Mine"))
    # (the file edited here, described elsewhere too: asked about)
    renamed_elsewhere(
        example_project, lambda other: setattr(other.plugins[1].package, "description", "Described elsewhere")
    )
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda _p, _t, text, *a: asked.append(text) or QMessageBox.StandardButton.Save
    )
    assert window.save() is True
    assert len(asked) == 1 and window.package.plugins[1].package_path in asked[0], asked
    assert "lock-toggle" not in asked[0], asked[0]
    assert _package_name(example_project, "lock-toggle") == "Renamed elsewhere"
    assert _package_name(example_project, mine) == "Mine"
    names = {p.entry.id: p.package.name for p in window.package.plugins}
    assert names["lock-toggle"] == "Renamed elsewhere" and names[mine] == "Mine"
    assert not window.isWindowModified()
    assert "lock-toggle" in window.status.text(), window.status.text()


def _reads(window: MainWindow, monkeypatch) -> list[str]:
    """The files the package reads from now on, by name."""
    files = window.package.files
    read, seen = files.read_bytes, []
    monkeypatch.setattr(files, "read_bytes", lambda rel: seen.append(rel) or read(rel))
    return seen


def test_coming_back_reads_no_file_whose_size_and_times_are_as_before(
    window: MainWindow, example_project: Path, monkeypatch
) -> None:
    """Each activation of the window read every file the forms write, to see whether another program
    changed it: on a project of 80 plugins, 82 files read each time a dialog closed. Now a file
    whose inode, size and times are as at the last look is not read again; a change still shows."""
    import designer.gui.commands as commands

    window.open_path(example_project)
    later = commands.time.time_ns() + 10 * 10**9  # (the files' times are well in the past then)
    monkeypatch.setattr(commands.time, "time_ns", lambda: later)
    assert window._modelled_changes()[0] == []
    reads = _reads(window, monkeypatch)
    assert window._modelled_changes()[0] == []
    assert reads == []
    lock = renamed_elsewhere(example_project)
    assert window._modelled_changes()[0] == [lock.package_path]
    assert reads == [lock.package_path]


def test_a_change_within_the_same_tick_of_the_file_clock_is_still_seen(
    window: MainWindow, example_project: Path, monkeypatch
) -> None:
    """On a file system whose times step by seconds (FAT, some network drives) a file rewritten in
    place, with the same size, within the second of the last look keeps its stamp: a file looked at
    in the second it was written is read again until its stamp is safely in the past."""
    import time

    from designer.core.files import DirFiles

    window.open_path(example_project)
    rel = "manifest.json"
    now = time.time_ns()
    stamp = (1, 2, 3, now, now)  # (written now, and nothing about it changes that the system would tell)
    signature = DirFiles.signature
    monkeypatch.setattr(DirFiles, "signature", lambda self, r: stamp if r == rel else signature(self, r))
    assert window._modelled_changes()[0] == []
    path = example_project / "webapp2" / rel
    text = path.read_text()
    changed = text.replace("1732492800000", "1732492800001")  # (another window's export)
    assert len(changed) == len(text) and changed != text
    path.write_text(changed)
    assert window._modelled_changes()[0] == [rel]


def _activate(window: MainWindow, qtbot, said: str) -> None:
    """The user comes back to the window; back once the status bar says ``said``."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    QApplication.sendEvent(window, QEvent(QEvent.Type.WindowActivate))
    qtbot.waitUntil(lambda: said in window.status.text())


def test_coming_back_after_a_plugin_folder_was_renamed_elsewhere_reads_the_project_again(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """A plugin's folder renamed in the file manager: coming back, the window went on showing the
    plugin whole, "no errors", and Export then refused ("2 errors must be fixed first") while the
    Problems list and the Export pane said there were none."""
    window.open_path(example_project)
    plugin = window.package.plugins[1]
    folder = example_project / "webapp2" / plugin.folder
    folder.rename(folder.with_name("renamed"))
    _activate(window, qtbot, "by another program")
    assert plugin.package_path in window.status.text(), window.status.text()
    assert window.package is not None and window.package.plugins[1].package is None
    assert any(p.file == "settings.json" or p.file == plugin.package_path for p in window.problems), window.problems


def test_coming_back_after_a_file_of_unsaved_edits_was_deleted_elsewhere_says_so_once(
    window: MainWindow, qtbot, example_project: Path, monkeypatch
) -> None:
    window.open_path(example_project)
    window.editor.edit("mine", lambda pkg: setattr(pkg.plugins[1].package, "name", "Mine"))
    gone = window.package.plugins[0].package_path
    (example_project / "webapp2" / gone).unlink()
    _activate(window, qtbot, "by another program")
    said = window.status.text()
    assert gone in said and "Your unsaved changes are kept" in said, said
    assert window.package.plugins[1].package.name == "Mine" and window.isWindowModified()
    window.status.setText("")
    window._read_again_if_changed_elsewhere()
    assert window.status.text() == ""  # (said once)


def test_coming_back_after_the_project_folder_was_moved_says_so_and_asks_nothing(
    window: MainWindow, qtbot, example_project: Path, monkeypatch
) -> None:
    """The project folder moved while the window was in the background: with nothing unsaved, it
    went on as if the project were there; reading it again must not ask (each question's close
    would come back to the window, and ask again)."""
    asked: list[str] = []
    for kind in ("question", "warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, kind, lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Ok)
    window.open_path(example_project)
    example_project.rename(example_project.with_name("moved"))
    _activate(window, qtbot, "was deleted or moved by another program")
    assert "Save As" in window.status.text()
    window.status.setText("")
    window._read_again_if_changed_elsewhere()
    assert asked == [] and window.status.text() == ""
    assert window.package is not None


def test_closing_names_only_the_files_changed_here_as_unsaved(
    window: MainWindow, example_project: Path, monkeypatch
) -> None:
    """Closing with an edit of one plugin, after another window renamed another: "Save your changes?"
    listed the other plugin's package file among "Not saved yet: … Discard throws these changes
    away", a change that was never the user's (and that Save now leaves as it is)."""
    window.open_path(example_project)
    window.editor.edit("mine", lambda pkg: setattr(pkg.plugins[1].package, "name", "Mine"))
    mine = window.package.plugins[1].package_path
    lock = renamed_elsewhere(example_project)
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda _p, _t, text, *a: asked.append(text) or QMessageBox.StandardButton.Cancel
    )
    assert not window.close()
    assert len(asked) == 1 and f"Not saved yet: {mine}." in asked[0], asked
    assert lock.package_path not in asked[0]
    window.editor.undo_stack.setClean()


def test_saving_leaves_a_file_deleted_elsewhere_and_not_edited_here_deleted(
    window: MainWindow, example_project: Path, monkeypatch
) -> None:
    """Another program deleted a plugin's package file while this window had an edit of another
    plugin: Save made the file again from the window's older copy, as if the deletion had not been."""
    window.open_path(example_project)
    window.editor.edit("mine", lambda pkg: setattr(pkg.plugins[1].package, "name", "Mine"))
    mine = window.package.plugins[1].entry.id
    gone = example_project / "webapp2" / window.package.plugins[0].package_path
    gone.unlink()
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *a: asked.append(text))
    assert window.save() is True
    assert not gone.exists() and asked == []
    assert _package_name(example_project, mine) == "Mine"
    assert window.package.plugins[0].package is None and not window.isWindowModified()
    assert window.package.plugins[0].package_path in window.status.text(), window.status.text()


def test_a_package_file_on_show_deleted_elsewhere_with_other_edits_unsaved_is_said_as_save_will_leave_it(
    window: MainWindow, qtbot, base_project: Path
) -> None:
    """The form's package file deleted, with an unsaved edit of another file: the status promised
    "Ctrl+S writes it again", and Save (rightly) left it deleted, the user's edit not being in it."""
    _show_plugin_form(window, base_project)
    window.editor.edit_text("Edit", SRC, "// mine\n")
    with qtbot.waitSignal(window._watcher.fileChanged, timeout=5000):
        (base_project / "webapp2" / PACKAGE_FILE).unlink()
    qtbot.waitUntil(lambda: "deleted by another program" in window.status.text())
    said = window.status.text()
    assert "Ctrl+S writes it again" not in said and "saving leaves it deleted" in said, said
    assert window.save() and not (base_project / "webapp2" / PACKAGE_FILE).exists()


def test_code_with_unsaved_edits_whose_plugin_folder_went_says_save_cannot_make_it_again(
    window: MainWindow, qtbot, base_project: Path
) -> None:
    """The plugin's folder deleted (or renamed) with its code on show and edited: the status said
    "your unsaved version is kept (Ctrl+S)", and Ctrl+S then refused, the folder being gone."""
    import shutil

    from conftest import open_in_editor

    open_in_editor(window, base_project, SRC)
    window.editor.edit_text("Edit", SRC, "// mine\n")
    with qtbot.waitSignal(window._watcher.fileChanged, timeout=5000):
        shutil.rmtree(base_project / "webapp2/plugins/rec")
    qtbot.waitUntil(lambda: "by another program" in window.status.text())
    said = window.status.text()
    assert "(Ctrl+S)" not in said and "plugins/rec" in said and "Save As" in said, said
    window.editor.undo_stack.setClean()


def test_coming_back_with_edits_says_what_saving_will_do_with_each_file_changed_outside(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """Coming back with unsaved edits said of every file changed outside "saving asks before it
    writes over another program's change"; a file not edited here is left as it is, unasked."""
    window.open_path(example_project)
    window.editor.edit("mine", lambda pkg: setattr(pkg.plugins[1].package, "name", "Mine"))
    mine = window.package.plugins[1].package_path
    lock = renamed_elsewhere(
        example_project, lambda other: setattr(other.plugins[1].package, "description", "Described elsewhere")
    )
    _activate(window, qtbot, "changed outside the designer")
    said = window.status.text()
    assert f"saving asks before it writes over {mine};" in said, said
    assert f"saving leaves {lock.package_path} as that program left it" in said, said
    window.editor.undo_stack.setClean()


def test_coming_back_after_code_was_broken_in_another_editor_checks_it_again(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """Code edited in another editor while the window was in the background (not on show here):
    coming back, Problems and the Export pane still said "no errors", and Export then refused
    ("1 error must be fixed first") for an error shown nowhere. An icon added there was not listed."""
    window.open_path(example_project)
    assert not any(p.severity.name == "ERROR" for p in window.problems)
    js = example_project / "webapp2/plugins/lock-toggle/lock-toggle.plugin.js"
    js.write_text(js.read_text() + "\n}}}(\n")
    (js.parent / "extra.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"/>')
    _activate(window, qtbot, "")
    rel = "plugins/lock-toggle/lock-toggle.plugin.js"
    qtbot.waitUntil(lambda: any(p.file == rel and p.severity.name == "ERROR" for p in window.problems))
    assert window._find_tree_item(window.tree.topLevelItem(0), ("file", "plugins/lock-toggle/extra.svg")) is not None


def test_a_file_added_in_the_tick_of_the_last_look_is_still_listed(
    window: MainWindow, qtbot, example_project: Path, monkeypatch
) -> None:
    """On a file system whose times step by seconds, a file added in the second the window last
    looked leaves its folder's stamp as it was: a folder changed that recently is listed again."""
    import time

    from designer.core.files import DirFiles

    now = time.time_ns()
    monkeypatch.setattr(DirFiles, "folder_stamps", lambda self: {"": (1, now)})
    window.open_path(example_project)
    (example_project / "webapp2/plugins/lock-toggle/extra.svg").write_text("<svg/>")
    _activate(window, qtbot, "")
    qtbot.waitUntil(
        lambda: (
            window._find_tree_item(window.tree.topLevelItem(0), ("file", "plugins/lock-toggle/extra.svg")) is not None
        )
    )


def test_coming_back_after_many_files_changed_outside_names_a_few_and_says_what_it_means(
    window: MainWindow, qtbot, base_project: Path
) -> None:
    """Another program (a checkout) changed every file: the status bar listed every path, and what
    it meant ("Your unsaved changes are kept …") was cut off past the window's edge."""
    from designer.core.plugins import add_plugin

    window.open_path(base_project)
    for n in range(8):
        window.editor.edit(f"add {n}", lambda pkg, n=n: add_plugin(pkg, f"P{n}"))
    assert window.save()
    window.editor.edit("mine", lambda pkg: setattr(pkg.plugins[0].package, "name", "Mine"))
    for plugin in window.package.plugins[1:]:
        path = base_project / "webapp2" / plugin.package_path
        path.write_text(path.read_text().replace('"version"', '"version" ', 1))
    _activate(window, qtbot, "changed outside the designer")
    said = window.status.text()
    assert "and 3 more changed outside the designer" in said and "Your unsaved changes are kept" in said, said
    assert "saving leaves them as that program left them" in said, said
    window.editor.undo_stack.setClean()


def test_saving_over_many_files_changed_outside_asks_with_a_list_that_fits_the_screen(
    window: MainWindow, base_project: Path, monkeypatch
) -> None:
    """Every file edited here and changed by another program too (a checkout): "Save anyway?" listed
    each on a line of its own, a question taller than the screen, its buttons below its edge."""
    from designer.core.plugins import add_plugin

    window.open_path(base_project)
    for n in range(20):
        window.editor.edit(f"add {n}", lambda pkg, n=n: add_plugin(pkg, f"P{n}"))
    assert window.save()
    window.editor.edit("all", lambda pkg: [setattr(p.package, "description", "Mine") for p in pkg.plugins])
    for plugin in window.package.plugins:
        path = base_project / "webapp2" / plugin.package_path
        path.write_text(path.read_text().replace('"version"', '"version" ', 1))
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *a: asked.append(text))
    assert not window.save()
    assert len(asked) == 1 and asked[0].count("\n") < 25 and "… and 6 more" in asked[0], asked
    window.editor.undo_stack.setClean()


def test_coming_back_after_the_project_folder_was_moved_keeps_showing_what_the_window_holds(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """The project folder moved: coming back, every file left the tree and Problems listed each as
    missing, with one-click fixes that would make them again (the project is not missing files, it
    is elsewhere; Save As is the way out, as the status bar says)."""
    rel = "plugins/lock-toggle/lock-toggle.plugin.js"
    window.open_path(example_project)
    qtbot.waitUntil(lambda: not window._recheck.isActive())
    errors = [p for p in window.problems if p.severity.name == "ERROR"]
    example_project.rename(example_project.with_name("moved"))
    _activate(window, qtbot, "was deleted or moved by another program")
    assert not window._recheck.isActive()  # (no check may follow: it would find every file missing)
    assert window._find_tree_item(window.tree.topLevelItem(0), ("file", rel)) is not None
    assert [p for p in window.problems if p.severity.name == "ERROR"] == errors


def test_coming_back_asks_once_which_files_another_program_deleted(
    window: MainWindow, qtbot, example_project: Path, monkeypatch
) -> None:
    """Coming back with unsaved edits after another program deleted a file, the window asked the
    file system which files were gone three times (finding them, wording them, saying what saving
    does with them): once is enough, and what it says is the same."""
    window.open_path(example_project)
    window.editor.edit("mine", lambda pkg: setattr(pkg.plugins[1].package, "name", "Mine"))
    gone = window.package.plugins[0].package_path
    (example_project / "webapp2" / gone).unlink()
    asked = []
    gone_elsewhere = window.editor.gone_elsewhere
    monkeypatch.setattr(window.editor, "gone_elsewhere", lambda rels: asked.append(rels) or gone_elsewhere(rels))
    _activate(window, qtbot, "by another program")
    assert len(asked) == 1, asked
    said = window.status.text()
    assert f"{gone} was deleted, moved or replaced by another program" in said, said
    assert "saving leaves it as that program left it" in said, said
    window.editor.undo_stack.setClean()
