"""What the window does after an Export: the user goes on where they were, Undo included.

A new user's walkthrough (edit, Export, edit on) found that the export read the project again,
which emptied the undo history, and that each later edit brought a PD213 note about a number
the next Export replaces anyway; and that the status bar went on saying "no errors" while the
Problems dock filled up.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLineEdit, QMessageBox

from designer.core.checks import run_checks
from designer.core.model import load, pending_writes
from designer.core.problems import CODES
from designer.gui.main_window import MainWindow
from tests.test_editing import retype, select_plugin


def _visible(window: MainWindow, name: str) -> QLineEdit:
    """The field called ``name`` on show (a page not on show may hold one of that name too)."""
    return next(w for w in window.findChildren(QLineEdit, name) if w.isVisible())


def _export(window: MainWindow, qtbot, monkeypatch, out: Path) -> None:
    """File ▸ Export…, then the pane's Export button; unsaved changes are saved when it asks."""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Save)
    qtbot.keySequence(window, "Ctrl+E")
    qtbot.waitUntil(lambda: window.export_pane.export_button.isEnabled())
    with qtbot.waitSignal(window.export_pane.sig_exported):
        qtbot.mouseClick(window.export_pane.export_button, Qt.MouseButton.LeftButton)


def test_undo_goes_on_past_an_export_and_keeps_the_exported_branding_id(
    window: MainWindow, qtbot, example_project: Path, tmp_path: Path, monkeypatch
) -> None:
    webapp2 = example_project / "webapp2"
    package_file = webapp2 / "plugins" / "lock-toggle" / "lock-toggle.plugin.package.json"
    window.open_path(example_project)
    select_plugin(window, qtbot, 0)
    old_name = _visible(window, "nameEdit").text()
    retype(qtbot, _visible(window, "nameEdit"), "Renamed")
    assert window.isWindowModified()
    _export(window, qtbot, monkeypatch, tmp_path / "out.zip")

    manifest = json.loads((webapp2 / "manifest.json").read_text())
    exported_id = manifest["brandingID"]
    assert exported_id != 1732492800000
    # The model holds what the export wrote: nothing is unsaved, nothing left for a save to write again.
    assert window.package.manifest.branding_id == exported_id
    assert not window.isWindowModified() and pending_writes(window.package) == {}
    # The user is where they were: the plugin selected, its form on show, the edit still there to undo.
    assert window.stack.currentWidget() is window.plugin_page
    assert window.selected_plugin() == 0 and _visible(window, "nameEdit").text() == "Renamed"
    assert window.editor.undo_stack.canUndo()
    after_export = {p: p.read_bytes() for p in (webapp2 / "manifest.json", webapp2 / "settings.json")}

    qtbot.keySequence(window, "Ctrl+Z")
    assert _visible(window, "nameEdit").text() == old_name
    assert window.isWindowModified()
    # Undo takes back the user's edit, not the upload number the export wrote.
    assert window.package.manifest.branding_id == exported_id
    qtbot.keySequence(window, "Ctrl+S")
    assert not window.isWindowModified()
    assert json.loads(package_file.read_text())["name"] == old_name
    assert {p: p.read_bytes() for p in after_export} == after_export  # manifest.json still says the exported id

    qtbot.keySequence(window, "Ctrl+Shift+Z")
    assert _visible(window, "nameEdit").text() == "Renamed"
    assert window.package.manifest.branding_id == exported_id
    # The next export goes higher still.
    _export(window, qtbot, monkeypatch, tmp_path / "out.zip")
    assert json.loads((webapp2 / "manifest.json").read_text())["brandingID"] > exported_id
    assert json.loads(package_file.read_text())["name"] == "Renamed"


def test_an_export_keeps_the_file_on_show_and_where_it_was_scrolled(
    window: MainWindow, qtbot, example_project: Path, tmp_path: Path, monkeypatch
) -> None:
    rel = "plugins/lock-toggle/lock-toggle.plugin.js"
    window.open_path(example_project)
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("file", rel)))
    bar = window.source_editor.verticalScrollBar()
    assert bar.maximum() > 4
    bar.setValue(bar.maximum() // 2)
    at = bar.value()
    _export(window, qtbot, monkeypatch, tmp_path / "out.zip")
    assert window.stack.currentWidget() is window.source_pane and window.source_pane.current_file() == rel
    assert window.tree.currentItem().data(0, Qt.ItemDataRole.UserRole) == ("file", rel)
    assert bar.value() == at


def test_an_export_keeps_the_plugin_form_where_it_was_scrolled(
    window: MainWindow, qtbot, example_project: Path, tmp_path: Path, monkeypatch
) -> None:
    """The form of a plugin with its menu items is longer than the window: the user had scrolled
    down to an item's label, and after the export the form was a new one, at its top."""
    window.resize(1000, 600)
    window.open_path(example_project)
    select_plugin(window, qtbot, 0)
    bar = window.plugin_page.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    at = bar.value()
    _export(window, qtbot, monkeypatch, tmp_path / "out.zip")
    assert window.stack.currentWidget() is window.plugin_page
    assert window.plugin_page.verticalScrollBar().value() == at > 0


def test_the_project_page_shows_the_upload_number_the_export_wrote(
    window: MainWindow, qtbot, example_project: Path, tmp_path: Path, monkeypatch
) -> None:
    window.open_path(example_project)
    window.tree.setCurrentItem(window.tree.topLevelItem(0))
    assert "Upload number (brandingID): 1732492800000." in window.details.toPlainText()
    _export(window, qtbot, monkeypatch, tmp_path / "out.zip")
    exported_id = json.loads((example_project / "webapp2" / "manifest.json").read_text())["brandingID"]
    assert window.stack.currentWidget() is window.details
    assert f"Upload number (brandingID): {exported_id}." in window.details.toPlainText()


def test_edits_after_an_export_bring_no_note_about_the_branding_id_in_the_window(
    window: MainWindow, qtbot, example_project: Path, tmp_path: Path, monkeypatch
) -> None:
    """The window's Export always writes a new brandingID: PD213 ("still the one of the last
    export") is for a folder uploaded without it, which `check` is for."""
    window.open_path(example_project)
    _export(window, qtbot, monkeypatch, tmp_path / "out.zip")
    select_plugin(window, qtbot, 0)
    retype(qtbot, _visible(window, "nameEdit"), "Renamed")
    qtbot.keySequence(window, "Ctrl+S")
    qtbot.waitUntil(lambda: window._checks_on_show == window._checks_asked and not window._recheck.isActive())
    assert [p.code for p in window.problems] == []
    assert window.problems_dock.windowTitle() == "Problems — none"
    # What `check` says of the saved folder: zipped by hand, it would keep the cached branding.
    assert [p.code for p in run_checks(load(example_project))] == ["PD213"]
    # Help ▸ Problem Codes says why the window does not list it.
    assert "the designer window leaves it out" in CODES["PD213"].why


def test_the_opened_summary_counts_what_the_problems_dock_lists(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    window.open_path(example_project)
    assert window.status.text().endswith(": 3 plugins, no errors")
    select_plugin(window, qtbot, 0)
    # An error (its icons are not also "unused" while its code cannot be read: see PD406)
    retype(qtbot, _visible(window, "sourceEdit"), "nothere.js")
    qtbot.waitUntil(lambda: window.problems_dock.windowTitle() == "Problems (1)")
    assert window.status.text().endswith(": 3 plugins, 1 error")


def test_a_message_giving_the_number_of_problems_goes_when_that_number_changes(
    qtbot, window: MainWindow, example_project: Path
) -> None:
    from test_main_window import stale_fix_button

    _rel, _text, button = stale_fix_button(window, example_project)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # before the checks ran again: stale
    assert window.status.text().endswith("the problems are up to date now (1 problem).")
    select_plugin(window, qtbot, 1)
    retype(qtbot, _visible(window, "sourceEdit"), "nothere.js")
    qtbot.waitUntil(lambda: len(window.problems) > 1)
    assert window.status.text() == ""
