"""A file shown in the editor and changed by another program: reloaded, or kept on request."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import open_in_editor
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from designer.gui.main_window import MainWindow

SRC = "plugins/rec/rec.plugin.js"


def _open(window: MainWindow, project: Path):
    return open_in_editor(window, project, SRC)


def _write_elsewhere(path: Path, text: str) -> None:
    """What another editor does: write a new file and rename it over the old one."""
    tmp = path.with_name(path.name + ".other")
    tmp.write_text(text)
    os.replace(tmp, path)


def test_an_unedited_file_is_reloaded_quietly(window: MainWindow, qtbot, base_project: Path) -> None:
    editor = _open(window, base_project)
    path = base_project / "webapp2" / SRC
    new = path.read_text().replace("function record()", "function record() // changed elsewhere")
    with qtbot.waitSignal(window._watcher.fileChanged, timeout=5000):
        _write_elsewhere(path, new)
    qtbot.waitUntil(lambda: editor.text() == new)
    assert "changed by another program" in window.status.text()
    # Still watched after the rename: a second change is noticed too.
    newer = new.replace("changed elsewhere", "changed twice")
    with qtbot.waitSignal(window._watcher.fileChanged, timeout=5000):
        _write_elsewhere(path, newer)
    qtbot.waitUntil(lambda: editor.text() == newer)


def test_unsaved_edits_are_kept_or_replaced_as_the_user_chooses(
    window: MainWindow, qtbot, base_project: Path, monkeypatch
) -> None:
    editor = _open(window, base_project)
    path = base_project / "webapp2" / SRC
    original = path.read_text()
    editor.setFocus()
    qtbot.keyClicks(editor, "// mine")  # (a "\n" in keyClicks aborts QTest: press Return instead)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    mine = editor.text()
    assert window.package.pending_texts[SRC] == mine
    asked: list[str] = []

    def keep(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", keep)
    with qtbot.waitSignal(window._watcher.fileChanged, timeout=5000):
        _write_elsewhere(path, original + "// theirs\n")
    qtbot.waitUntil(lambda: bool(asked))
    assert "unsaved changes" in asked[0]
    assert editor.text() == mine

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(window._watcher.fileChanged, timeout=5000):
        _write_elsewhere(path, original + "// theirs again\n")
    qtbot.waitUntil(lambda: editor.text() == original + "// theirs again\n")
    assert SRC not in window.package.pending_texts
    qtbot.keySequence(window, "Ctrl+Z")  # the reload is one undoable step: the user's text comes back
    qtbot.waitUntil(lambda: editor.text() == mine)


def test_the_question_about_unsaved_edits_says_what_yes_and_no_do_and_keeps_them_on_enter(
    window: MainWindow, qtbot, base_project: Path, monkeypatch
) -> None:
    """It asked "Reload it from the disk ... or keep yours?" under the buttons Yes and No, which
    answer no "or" question, and Enter (the default button, Yes) reloaded over the user's edits."""
    editor = _open(window, base_project)
    path = base_project / "webapp2" / SRC
    editor.setFocus()
    qtbot.keyClicks(editor, "// mine")
    asked: list[tuple] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a: asked.append(a) or QMessageBox.StandardButton.No)
    with qtbot.waitSignal(window._watcher.fileChanged, timeout=5000):
        _write_elsewhere(path, path.read_text() + "// theirs\n")
    qtbot.waitUntil(lambda: bool(asked))
    _parent, _title, text, buttons, default = asked[0]
    assert "Yes:" in text and "No:" in text and " or keep yours?" not in text
    assert buttons == QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    assert default == QMessageBox.StandardButton.No
    assert editor.text().startswith("// mine")


def test_a_second_change_while_the_question_is_open_does_not_ask_again(
    window: MainWindow, qtbot, base_project: Path, monkeypatch
) -> None:
    """Another editor that saves twice in a row asked a second question on top of the first one;
    answered Yes (reload), then No (keep yours) in the first, the user's edits were not in the
    editor they chose to keep them in."""
    editor = _open(window, base_project)
    path = base_project / "webapp2" / SRC
    original = path.read_text()
    editor.setFocus()
    qtbot.keyClicks(editor, "// mine")
    asked: list[str] = []

    def question(*args):
        asked.append(args[2])
        if len(asked) == 1:  # while the first question is on show, the other program saves again
            with qtbot.waitSignal(window._watcher.fileChanged, timeout=5000):
                _write_elsewhere(path, original + "// theirs, again\n")
            qtbot.wait(100)
            return QMessageBox.StandardButton.No  # keep mine
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    with qtbot.waitSignal(window._watcher.fileChanged, timeout=5000):
        _write_elsewhere(path, original + "// theirs\n")
    qtbot.waitUntil(lambda: "Kept your version" in window.status.text())
    assert len(asked) == 1
    assert editor.text() == "// mine" + original
    assert window.save()  # the user's version, over both changes ("keep yours" said so), unasked
    assert path.read_text() == "// mine" + original and len(asked) == 1


def test_showing_a_file_is_not_an_edit(window: MainWindow, qtbot, example_project: Path) -> None:
    """The highlighter colouring a file must not count as a change (no '*', no undo step)."""
    window.open_path(example_project)
    rel = "plugins/lock-toggle/lock-toggle.plugin.js"
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("file", rel)))
    editor = window.source_editor
    qtbot.waitUntil(editor.colouring_done)
    qtbot.wait(50)  # let the highlighter's queued passes run
    assert window.package.pending_texts == {}
    assert window.editor.undo_stack.count() == 0
    assert not window.isWindowModified()


def test_an_icon_changed_elsewhere_is_redrawn(window: MainWindow, qtbot, base_project: Path) -> None:
    rel = "plugins/rec/rec.svg"
    open_in_editor(window, base_project, rel)
    pane = window.icon_pane
    assert window.stack.currentWidget() is pane
    n = len(pane.canvas.shapes)
    path = base_project / "webapp2" / rel
    new = path.read_text().replace("</svg>", '<rect x="1" y="1" width="4" height="4"/></svg>')
    with qtbot.waitSignal(window._watcher.fileChanged, timeout=5000):
        _write_elsewhere(path, new)
    qtbot.waitUntil(lambda: len(pane.canvas.shapes) == n + 1)
    assert pane.canvas.text == new and window.source_editor.text() == new


def test_an_edited_file_deleted_elsewhere_is_saved_again(window: MainWindow, qtbot, base_project: Path) -> None:
    editor = _open(window, base_project)
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, "// mine")
    path = base_project / "webapp2" / SRC
    other = base_project / "webapp2" / "plugins" / "rec" / "rec.svg"
    other_text = other.read_text()
    with qtbot.waitSignal(window._watcher.fileChanged, timeout=5000):
        path.unlink()
    assert "deleted by another program" in window.status.text()
    assert window.save()
    assert path.read_text().endswith("// mine") and other.read_text() == other_text


@pytest.mark.parametrize("folder", [False, True])
def test_a_source_on_show_deleted_elsewhere_is_a_problem_at_once(
    window: MainWindow, qtbot, base_project: Path, folder: bool
) -> None:
    """With nothing unsaved, the Problems list went on saying "none" while the plugin's source was
    gone, or a folder (check said PD305 for the same folder)."""
    _open(window, base_project)
    assert not window._all_problems()
    path = base_project / "webapp2" / SRC
    with qtbot.waitSignal(window._watcher.fileChanged, timeout=5000):
        path.unlink()
        if folder:
            path.mkdir()
    assert ("replaced by a folder" if folder else "deleted by another program") in window.status.text()
    qtbot.waitUntil(lambda: [p.code for p in window._all_problems()] == ["PD305"])
    assert window.problems_dock.windowTitle() == "Problems (1)"


def test_an_edit_to_a_file_deleted_before_the_watcher_saw_it_still_saves(
    window: MainWindow, qtbot, base_project: Path
) -> None:
    """The package's list of files says it exists; reading it fails: Save writes it anyway."""
    editor = _open(window, base_project)
    qtbot.keyClicks(editor, "x")
    window._watcher.removePaths(window._watcher.files())  # deleted while nobody watched
    (base_project / "webapp2" / SRC).unlink()
    assert window.save()
    assert (base_project / "webapp2" / SRC).read_text().startswith("x")


def _type_then_leave(window: MainWindow, qtbot, project: Path):
    editor = _open(window, project)
    editor.setFocus()
    qtbot.keyClicks(editor, "/* mine */")
    other = window._find_tree_item(window.tree.topLevelItem(0), ("file", "settings.json"))
    window.tree.setCurrentItem(other)  # the edited file is no longer on show, nor watched
    return editor


def _answering(monkeypatch, *answers: QMessageBox.StandardButton) -> list[str]:
    """Every question is answered with ``answers`` in turn (the last one from then on); their texts."""
    asked: list[str] = []
    queue = list(answers)

    def answer(_parent: object, _title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return queue.pop(0) if len(queue) > 1 else queue[0]

    monkeypatch.setattr(QMessageBox, "question", answer)
    return asked


def test_a_change_made_while_the_file_was_not_on_show_is_asked_about(
    window: MainWindow, qtbot, base_project: Path, monkeypatch
) -> None:
    asked = _answering(monkeypatch, QMessageBox.StandardButton.No)
    editor = _type_then_leave(window, qtbot, base_project)
    path = base_project / "webapp2" / SRC
    _write_elsewhere(path, path.read_text() + "// theirs\n")
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("file", SRC)))
    assert len(asked) == 1 and "changed by another program" in asked[0]
    assert editor.text().startswith("/* mine */")  # kept, as answered
    assert window.save()  # the choice was made: no second question
    assert len(asked) == 1 and path.read_text().startswith("/* mine */")


def test_saving_over_a_change_made_elsewhere_asks_first(
    window: MainWindow, qtbot, base_project: Path, monkeypatch
) -> None:
    asked = _answering(monkeypatch, QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
    _type_then_leave(window, qtbot, base_project)
    path = base_project / "webapp2" / SRC
    theirs = path.read_text() + "// theirs\n"
    _write_elsewhere(path, theirs)
    assert not window.save()
    assert SRC in asked[0] and path.read_text() == theirs and window.isWindowModified()
    assert window.save()
    assert path.read_text().startswith("/* mine */") and not window.isWindowModified()


def test_a_form_file_changed_elsewhere_is_not_overwritten_unasked(
    window: MainWindow, qtbot, base_project: Path, monkeypatch
) -> None:
    """The package file the form writes, edited by another program meanwhile (a key added)."""
    asked = _answering(monkeypatch, QMessageBox.StandardButton.Cancel)
    window.open_path(base_project)
    window.editor.set_field(0, "package", "name", "Recorder", "Change name of '{subject}' to 'Recorder'")
    package = base_project / "webapp2" / "plugins/rec/rec.plugin.package.json"
    theirs = package.read_text().replace('"version": 1.0,', '"version": 1.0,\n    "configuration": {"a": 1},')
    _write_elsewhere(package, theirs)
    assert not window.save()
    assert asked and "rec.plugin.package.json" in asked[0] and package.read_text() == theirs


def test_a_quiet_reload_is_an_undo_step_of_its_own(window: MainWindow, qtbot, base_project: Path) -> None:
    """Undo after a quiet reload put the old text back over the other program's change, silently,
    and Save wrote it. Now the first Ctrl+Z names the reload, and redo brings the change back."""
    editor = _open(window, base_project)
    path = base_project / "webapp2" / SRC
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    editor.insertPlainText("// mine\n")
    assert window.save()
    new = path.read_text().replace("// mine", "// mine, and theirs")
    with qtbot.waitSignal(window._watcher.fileChanged, timeout=5000):
        _write_elsewhere(path, new)
    qtbot.waitUntil(lambda: editor.text() == new)
    assert not window.isWindowModified()  # the model is the disk: nothing to save
    assert window.editor.undo_stack.undoText() == f"Reload {SRC} from the disk"
    window.editor.undo_stack.undo()
    assert "theirs" not in editor.text() and window.isWindowModified()  # said, and undoable
    window.editor.undo_stack.redo()
    assert editor.text() == new and not window.isWindowModified()
    assert path.read_text() == new


def test_a_form_file_on_show_changed_elsewhere_is_read_again(window: MainWindow, qtbot, base_project: Path) -> None:
    """settings.json on show, nothing unsaved, another program adds a key: the designer showed
    its old text for ever, and the next save put the old JSON back over the change, unasked."""
    open_in_editor(window, base_project, "settings.json")
    path = base_project / "webapp2" / "settings.json"
    theirs = path.read_text().replace("{", '{\n  "theirs": true,', 1)
    with qtbot.waitSignal(window._watcher.fileChanged, timeout=5000):
        _write_elsewhere(path, theirs)
    qtbot.waitUntil(lambda: '"theirs": true' in window.source_editor.text())
    assert window.source_pane.current_file() == "settings.json"  # shown again after the reload
    assert "changed by another program" in window.status.text()
    assert not window.isWindowModified()
    window.editor.set_field(0, "package", "name", "Recorder", "Change name of '{subject}' to 'Recorder'")
    assert window.save()
    assert path.read_text() == theirs  # the other program's change is still there


def test_a_form_file_on_show_changed_elsewhere_keeps_unsaved_edits(
    window: MainWindow, qtbot, base_project: Path, monkeypatch
) -> None:
    """With unsaved edits the model stays (it is the user's work) and Save still asks first."""
    window.open_path(base_project)
    window.editor.set_field(0, "entry", "enabled", False, "Turn off '{subject}'")
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("file", "settings.json")))
    path = base_project / "webapp2" / "settings.json"
    theirs = path.read_text().replace("{", '{\n  "theirs": true,', 1)
    with qtbot.waitSignal(window._watcher.fileChanged, timeout=5000):
        _write_elsewhere(path, theirs)
    qtbot.waitUntil(lambda: "settings.json was changed by another program" in window.status.text())
    assert window.isWindowModified() and window.editor.undo_stack.count() == 1
    asked = _answering(monkeypatch, QMessageBox.StandardButton.Cancel)
    assert not window.save()
    assert asked and "settings.json" in asked[0] and path.read_text() == theirs


def test_a_form_file_no_longer_on_show_is_not_read_again_behind_the_users_back(
    window: MainWindow, qtbot, base_project: Path
) -> None:
    """The watcher still follows the last file shown: with manifest.json viewed earlier, the
    export's own write of it read the whole project again, said "changed by another program" and
    took the tree off the user's plugin. A file not on show is read when it is shown again."""
    open_in_editor(window, base_project, "manifest.json")
    plugin = window._find_tree_item(window.tree.topLevelItem(0), ("plugin", 0))
    window.tree.setCurrentItem(plugin)
    editor = window.editor
    path = base_project / "webapp2" / "manifest.json"
    theirs = path.read_text().replace("{", '{\n  "theirs": true,', 1)
    with qtbot.waitSignal(window._watcher.fileChanged, timeout=5000):
        _write_elsewhere(path, theirs)
    qtbot.wait(50)  # (the reload, had there been one, is queued with a zero timer)
    assert window.editor is editor and window.tree.currentItem().data(0, 256) == ("plugin", 0)
    assert "changed by another program" not in window.status.text()
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("file", "manifest.json")))
    qtbot.waitUntil(lambda: '"theirs": true' in window.source_editor.text())  # shown again: read again


def test_the_late_news_of_our_own_save_does_not_ask_about_keys_typed_since(
    window: MainWindow, qtbot, base_project: Path, monkeypatch
) -> None:
    """Keys typed during a save (on a slow disk) come before the watcher's news of it: that news
    asked "changed by another program?", and a Yes dropped the keys typed since."""
    editor = _open(window, base_project)
    path = base_project / "webapp2" / SRC
    editor.setFocus()
    qtbot.keyClicks(editor, "// one")
    qtbot.keySequence(window, "Ctrl+S")
    qtbot.keyClicks(editor, " two")
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    window._watcher.fileChanged.emit(str(path))  # the news of the save, after the keys
    assert asked == [] and editor.text().startswith("// one two(function")
    assert window.isWindowModified() and window.package.pending_texts[SRC].startswith("// one two(function")
    # Another program's change is still asked about.
    _write_elsewhere(path, path.read_text() + "// theirs\n")
    window._watcher.fileChanged.emit(str(path))
    assert len(asked) == 1 and "unsaved changes" in asked[0]


def test_a_file_rewritten_elsewhere_as_other_than_utf8_text_is_said(
    window: MainWindow, qtbot, base_project: Path
) -> None:
    """Another program saved the source on show as UTF-16: the editor went on showing the text
    from before under "no errors", and nothing said the file on disk (what an export takes) was
    something else."""
    editor = _open(window, base_project)
    before = editor.text()
    path = base_project / "webapp2" / SRC
    with qtbot.waitSignal(window._watcher.fileChanged, timeout=5000):
        path.write_bytes(before.encode("utf-16"))
    qtbot.waitUntil(lambda: "no longer UTF-8 text" in window.status.text())
    assert "the editor still shows the text from before" in window.status.text()
    assert editor.text() == before
    qtbot.waitUntil(lambda: any(p.code == "PD103" and p.file == SRC for p in window.problems))


def test_a_recipe_wizard_open_while_the_project_is_read_again_adds_to_it(
    window: MainWindow, qtbot, base_project: Path, monkeypatch
) -> None:
    """settings.json on show, the recipe wizard open, another program changes settings.json: the
    project was read again under the wizard, whose Add plugin then failed on the project read
    before ("Internal C++ object (ModelEditor) already deleted") and nothing was added."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QApplication, QPushButton

    from designer.gui.panes.recipe_wizard import RecipeWizard

    open_in_editor(window, base_project, "settings.json")
    path = base_project / "webapp2" / "settings.json"
    theirs = path.read_text().replace("{", '{\n  "theirs": true,', 1)
    before, count = window.editor, len(window.package.plugins)

    def run_wizard(wiz: RecipeWizard) -> int:
        wiz.show()  # exec() would block the test; the pages are driven the same way
        with qtbot.waitSignal(window._watcher.fileChanged, timeout=5000):
            _write_elsewhere(path, theirs)
        qtbot.waitUntil(lambda: window.editor is not before)  # read again under the wizard
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # as exec()'s loop does
        wiz.choose("lock-toggle")
        for name in ("recipeNext", "recipeNext", "recipeFinish"):
            qtbot.mouseClick(wiz.findChild(QPushButton, name), Qt.MouseButton.LeftButton)
        return wiz.result()

    monkeypatch.setattr(RecipeWizard, "exec", run_wizard)
    window.findChild(QAction, "plugin_recipeAction").trigger()
    assert len(window.package.plugins) == count + 1
    assert window.status.text().startswith(f"Added '{window.package.plugins[-1].display_name}'.")
    assert window.save()
    assert '"theirs": true' in path.read_text() and "plugins/lock-meeting/" in path.read_text()
