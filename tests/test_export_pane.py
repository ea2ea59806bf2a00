"""The Export pane, driven with clicks as a user would; the file dialog is the only stand-in."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest
from conftest import EXAMPLE, renamed_elsewhere, shown
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QFileDialog

from designer.core.model import load
from designer.core.state import load_state
from designer.gui.main_window import MainWindow
from designer.gui.panes.export_pane import ExportPane


@pytest.fixture
def pane(qtbot) -> ExportPane:
    return shown(qtbot, ExportPane(), 760, 720)


def _exported_from_a_window(qtbot, monkeypatch, project: Path, out: Path) -> tuple[MainWindow, ExportPane]:
    """A window on ``project``, exported into ``out`` through File ▸ Export… and the pane's button."""
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    win.open_path(project)
    win.export_action.trigger()
    pane = win.findChild(ExportPane, "exportPane")
    _dialog_returns(monkeypatch, out)
    qtbot.mouseClick(pane.export_button, Qt.MouseButton.LeftButton)
    return win, pane


def _dialog_returns(monkeypatch, path: Path | None) -> list[str]:
    asked: list[str] = []

    def fake(parent, caption, directory, filters):
        asked.append(directory)
        return (str(path) if path else "", filters)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    return asked


def test_clicking_export_asks_where_and_writes_the_zip(
    pane: ExportPane, qtbot, monkeypatch, example_project: Path, tmp_path: Path
) -> None:
    out = tmp_path / "upload" / "branding.zip"
    out.parent.mkdir()  # (a save dialog returns a file in a folder that exists)
    asked = _dialog_returns(monkeypatch, out)
    pane.set_package(load(example_project))
    assert pane.export_button.isEnabled()
    assert "Ready to export" in pane.verdict.text()
    new_id = int(pane.branding_edit.text())
    assert json.loads(pane.manifest_view.toPlainText())["brandingID"] == new_id
    assert '"id": "lock-toggle"' in pane.settings_view.toPlainText()
    with qtbot.waitSignal(pane.sig_exported) as sig:
        qtbot.mouseClick(pane.export_button, Qt.MouseButton.LeftButton)
    assert asked and asked[0].endswith("example-branding.zip")
    assert sig.args == [str(out.resolve())]
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
        manifest = json.loads(zf.read("webapp2/manifest.json"))
    assert "webapp2/plugins/lock-toggle/lock-toggle.plugin.js" in names and len(names) == 12
    assert manifest == {"brandingID": new_id, "isSettingsBranded": True}
    assert str(out.resolve()) in pane.status.text()
    assert load_state(example_project)["last_export"]["brandingID"] == new_id
    # The pane now shows the next export: a greater id, compared with this export.
    assert int(pane.branding_edit.text()) > new_id
    # Nothing was edited since: the one change is the brandingID every export writes. It said
    # "1 changed: manifest.json" with the brandingID's diff, as if something had changed again.
    assert pane.changes_view.toPlainText() == (
        f"Nothing changed since the last export (branding.zip, brandingID {new_id}) except the upload number "
        f"(brandingID {pane.branding_edit.text()}), which every export raises so that every user's app loads "
        "the package again."
    )
    # The upload checklist is the ZIP just written's, not the next export's.
    checklist = pane.checklist_view.toPlainText()
    assert "Exported branding.zip. Now, on the Management Node:" in checklist
    assert f"to {new_id}:" in checklist and pane.branding_edit.text() not in checklist
    # The REST detail is a line below the steps, for those automating; the steps say it plainly.
    steps, script = checklist.split("To automate the upload: ")
    assert "REST" not in steps and "POST" not in steps and "upload branding.zip as its branding package" in steps
    assert script.startswith("POST branding.zip (multipart")


def test_chosen_branding_id_is_used_and_a_smaller_one_refused(
    pane: ExportPane, qtbot, monkeypatch, base_project: Path, tmp_path: Path
) -> None:
    _dialog_returns(monkeypatch, tmp_path / "a.zip")
    pane.set_package(load(base_project))
    pane.branding_edit.setText("1800000000000")
    pane.branding_edit.editingFinished.emit()
    assert '"brandingID": 1800000000000' in pane.manifest_view.toPlainText()
    qtbot.mouseClick(pane.export_button, Qt.MouseButton.LeftButton)
    with zipfile.ZipFile(tmp_path / "a.zip") as zf:
        assert json.loads(zf.read("webapp2/manifest.json"))["brandingID"] == 1800000000000
    pane.branding_edit.setText("1800000000000")  # not greater than the last export
    pane.path_edit.setText(str(tmp_path / "b.zip"))
    qtbot.mouseClick(pane.export_button, Qt.MouseButton.LeftButton)
    assert not (tmp_path / "b.zip").exists()
    assert "not greater" in pane.status.text() and "Leave it empty for a fresh one" in pane.status.text()


def test_cancelled_dialog_writes_nothing(
    pane: ExportPane, qtbot, monkeypatch, base_project: Path, tmp_path: Path
) -> None:
    _dialog_returns(monkeypatch, None)
    pane.set_package(load(base_project))
    qtbot.mouseClick(pane.export_button, Qt.MouseButton.LeftButton)
    assert pane.status.text() == "" and "last_export" not in load_state(base_project)


def test_package_with_errors_is_blocked(
    pane: ExportPane, qtbot, monkeypatch, base_project: Path, tmp_path: Path
) -> None:
    asked = _dialog_returns(monkeypatch, tmp_path / "out.zip")
    (base_project / "webapp2" / "plugins" / "rec" / "rec.plugin.package.json").unlink()
    pane.set_package(load(base_project))
    assert not pane.export_button.isEnabled()
    assert "Export is blocked: 1 error must" in pane.verdict.text() and "PD201" in pane.verdict.text()
    qtbot.mouseClick(pane.export_button, Qt.MouseButton.LeftButton)
    assert not asked and not (tmp_path / "out.zip").exists()
    assert not pane.export() and not (tmp_path / "out.zip").exists()  # even when called directly


def test_zip_opened_read_only_cannot_be_exported(pane: ExportPane, example_project: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "p.zip", "w") as zf:
        for p in (example_project / "webapp2").rglob("*"):
            if p.is_file():
                zf.write(p, "webapp2/" + p.relative_to(example_project / "webapp2").as_posix())
    pane.set_package(load(tmp_path / "p.zip"))
    assert not pane.export_button.isEnabled() and "import it into a folder first" in pane.verdict.text()


def test_main_window_export_dock(qtbot, monkeypatch, example_project: Path, tmp_path: Path) -> None:
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert not win.export_action.isEnabled()
    win.open_path(example_project)
    # Built when first shown, not with the package: the pane and the export code held some
    # 0.6 MiB of a window that may never export (bench/startup.py). Its View menu item comes with it.
    assert win.findChild(QDockWidget, "exportDock") is None and win.export_dock is None
    assert "&Export Pane" not in [a.text() for a in win.view_menu.actions()]
    assert win.export_action.shortcut().toString() == "Ctrl+E"
    win.export_action.trigger()
    dock = win.findChild(QDockWidget, "exportDock")
    assert dock is not None and dock.isVisible()
    assert "&Export Pane" in [a.text() for a in win.view_menu.actions()]
    pane = win.findChild(ExportPane, "exportPane")
    assert pane is not None and pane.export_button.isEnabled()
    _dialog_returns(monkeypatch, tmp_path / "w.zip")
    qtbot.mouseClick(pane.export_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "w.zip").is_file()
    assert win.status.text().startswith("Exported")
    assert win.package is not None and win.package.manifest is not None
    assert win.package.manifest.branding_id == load_state(example_project)["last_export"]["brandingID"]
    assert "Exported to" in pane.status.text()
    # Its size as the import of the same ZIP says it ("5 KB"); it said "4,569 bytes".
    size = round((tmp_path / "w.zip").stat().st_size / 1024)
    assert f"files, {size} KB." in pane.status.text() and "bytes" not in pane.status.text()


def test_exporting_with_unsaved_changes_asks_to_save_first(
    window: MainWindow, qtbot, monkeypatch, example_project: Path, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QMessageBox

    out = tmp_path / "b.zip"
    _dialog_returns(monkeypatch, out)
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save]
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, title, *a: asked.append(title) or answers.pop(0))
    window.open_path(example_project)
    window.editor.edit("name", lambda pkg: setattr(pkg.plugins[0].package, "name", "Lock it"))
    window.show_export()
    pane = window.export_pane
    qtbot.mouseClick(pane.export_button, Qt.MouseButton.LeftButton)
    assert asked == ["Save before exporting?"] and not out.exists()
    assert window.isWindowModified() and "not saved" in pane.status.text()
    package = example_project / "webapp2/plugins/lock-toggle/lock-toggle.plugin.package.json"
    assert '"Lock it"' not in package.read_text()
    with qtbot.waitSignal(pane.sig_exported):
        qtbot.mouseClick(pane.export_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 2 and out.exists() and '"Lock it"' in package.read_text()
    assert not window.isWindowModified()


def test_the_verdict_and_button_follow_a_switch_to_dark_and_back(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    from PySide6.QtGui import QAction

    window.open_path(example_project)
    window.show_export()
    pane = window.export_pane
    assert "#e7f5ea" in pane.verdict.styleSheet()  # the light "ready" box
    try:
        window.findChild(QAction, "appearance_dark").trigger()
        qtbot.waitUntil(lambda: "#1d3323" in pane.verdict.styleSheet())
        assert "#3a4046" in pane.export_button.styleSheet()  # a quiet disabled look, not a light block
    finally:
        window.findChild(QAction, "appearance_system").trigger()  # as the other tests expect
    qtbot.waitUntil(lambda: "#e7f5ea" in pane.verdict.styleSheet())


def test_a_typed_zip_path_is_read_as_a_user_means_it(pane: ExportPane, example_project: Path, monkeypatch) -> None:
    """~ is the home folder, a bare name lies beside the project (not in the folder the app was
    started from) and .zip is added."""
    monkeypatch.setenv("HOME", str(example_project.parent / "home"))
    pane.set_package(load(example_project))
    pane.path_edit.setText("~/branding.zip")
    assert pane.zip_path() == example_project.parent / "home" / "branding.zip"
    pane.path_edit.setText("branding")
    assert pane.zip_path() == example_project.parent / "branding.zip"
    assert pane.export()
    assert (example_project.parent / "branding.zip").is_file()


def test_a_typed_folder_gets_the_zip_inside_it(pane: ExportPane, qtbot, example_project: Path, tmp_path: Path) -> None:
    """ "~/Desktop" wrote ~/Desktop.zip beside the folder (replacing an earlier ZIP of that name)."""
    folder = tmp_path / "exports"
    folder.mkdir()
    with zipfile.ZipFile(tmp_path / "exports.zip", "w") as earlier_zip:  # an unrelated ZIP beside it
        earlier_zip.writestr("webapp2/settings.json", "{}")
    earlier = (tmp_path / "exports.zip").read_bytes()
    pane.set_package(load(example_project))
    pane.path_edit.clear()
    qtbot.keyClicks(pane.path_edit, str(folder))
    qtbot.keyClick(pane.path_edit, Qt.Key.Key_Return)
    assert (folder / "example-branding.zip").is_file()
    assert (tmp_path / "exports.zip").read_bytes() == earlier
    assert f"Exported to {folder / 'example-branding.zip'}" in pane.status.text()
    pane.path_edit.setText(str(tmp_path / "new folder") + "/")  # a slash says it is a folder
    assert pane.zip_path() == tmp_path / "new folder" / "example-branding.zip"


def test_a_missing_folder_is_not_made_but_named(pane: ExportPane, qtbot, example_project: Path, tmp_path: Path) -> None:
    """A typo in a folder's name made that folder (the command line's -o did too) and put the ZIP in it."""
    pane.set_package(load(example_project))
    manifest = (example_project / "webapp2" / "manifest.json").read_bytes()
    for typed in (str(tmp_path / "Deskop") + "/", str(tmp_path / "Deskop" / "b.zip")):
        pane.path_edit.clear()
        qtbot.keyClicks(pane.path_edit, typed)
        qtbot.keyClick(pane.path_edit, Qt.Key.Key_Return)
        assert pane.status.text().startswith(f"Not exported: The folder {tmp_path / 'Deskop'} does not exist")
        assert not (tmp_path / "Deskop").exists()
    assert (example_project / "webapp2" / "manifest.json").read_bytes() == manifest


def test_a_blocking_error_is_a_link_to_where_it_is(qtbot, base_project: Path) -> None:
    (base_project / "webapp2" / "plugins" / "rec" / "rec.plugin.package.json").unlink()
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    win.open_path(base_project)
    win.show_export()
    pane = win.findChild(ExportPane, "exportPane")
    assert "href='problem:0'" in pane.verdict.text()
    shown_problems: list[object] = []
    pane.sig_show_problem.connect(shown_problems.append)
    pane.verdict.linkActivated.emit("problem:0")
    assert [p.code for p in shown_problems] == ["PD201"]  # and the window jumps to it (jump_to_problem)
    # by keyboard: the links were mouse-only
    shown_problems.clear()
    win.activateWindow()
    pane.verdict.setFocus()
    qtbot.waitUntil(pane.verdict.hasFocus)
    qtbot.keyClick(pane.verdict, Qt.Key.Key_Tab)  # to the first link
    qtbot.keyClick(pane.verdict, Qt.Key.Key_Return)
    assert [p.code for p in shown_problems] == ["PD201"]
    win.editor.undo_stack.setClean()


def test_a_ready_verdict_is_no_tab_stop(pane: ExportPane, example_project: Path) -> None:
    """Only a verdict with links takes the keyboard: a plain "Ready" box would be a stop showing nothing."""
    pane.set_package(load(example_project))
    assert pane.verdict.text().startswith("<b>Ready") and pane.verdict.focusPolicy() != Qt.FocusPolicy.StrongFocus


def test_an_edit_after_an_export_says_the_zip_is_behind(
    qtbot, monkeypatch, example_project: Path, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QLineEdit

    win, pane = _exported_from_a_window(qtbot, monkeypatch, example_project, tmp_path / "w.zip")
    assert pane.status.text().startswith("✔ Exported to")
    written = json.loads(zipfile.ZipFile(tmp_path / "w.zip").read("webapp2/manifest.json"))["brandingID"]
    # The window reads the project again after an export: the checklist is still the ZIP's.
    assert f"to {written}:" in pane.checklist_view.toPlainText()
    assert pane.checklist_view.toPlainText().startswith("Exported w.zip.")
    win.tree.setCurrentItem(win._find_tree_item(win.tree.topLevelItem(0), ("plugin", 0)))
    name = win.findChild(QLineEdit, "nameEdit")
    name.setFocus()
    qtbot.keyClicks(name, "!")
    assert pane.status.text().startswith("Edited since the last export")
    qtbot.waitUntil(lambda: pane.checklist_view.toPlainText().startswith("After exporting"))  # the next one's now
    win.editor.undo_stack.setClean()


def test_what_changed_says_it_in_words(pane: ExportPane, monkeypatch, example_project: Path, tmp_path: Path) -> None:
    _dialog_returns(monkeypatch, tmp_path / "first.zip")
    pane.set_package(load(example_project))
    assert pane.export()
    pkg = load(example_project)
    item = pkg.plugins[1].package.menu_items["conference"][0]
    item.label = "About this meeting"
    pane.set_package(pkg)
    text = pane.changes_view.toPlainText()
    assert "conference menu › item 1 › label: 'Meeting information' → 'About this meeting'" in text, text
    # The edit is listed, and the brandingID beside it as what every export does.
    assert text.startswith("Since the last export (first.zip") and "Nothing changed" not in text
    # Files named as the tree, the Problems list and the checks name them: relative to webapp2/.
    assert "~ changed  manifest.json  (only the new brandingID)" in text
    assert "~ changed  plugins/meeting-info/meeting-info.plugin.package.json\n" in text
    assert "--- before/plugins/meeting-info/meeting-info.plugin.package.json" in text  # the line diff too
    assert "webapp2/" not in text


def test_the_blocking_errors_follow_a_switch_to_dark(window: MainWindow, qtbot, base_project: Path) -> None:
    from PySide6.QtGui import QAction

    (base_project / "webapp2" / "plugins" / "rec" / "rec.plugin.package.json").unlink()
    window.show()
    window.open_path(base_project)
    window.show_export()
    pane = window.export_pane
    assert "#1a5fd6" in pane.verdict.text()  # links in the light look
    try:
        window.findChild(QAction, "appearance_dark").trigger()
        qtbot.waitUntil(lambda: "#8ab4ff" in pane.verdict.text())  # kept the light blue on dark red
    finally:
        window.findChild(QAction, "appearance_system").trigger()
    qtbot.waitUntil(lambda: "#1a5fd6" in pane.verdict.text())
    window.editor.undo_stack.setClean()


def test_a_long_list_of_blocking_errors_scrolls_instead_of_being_cut_off(qtbot, example_project: Path) -> None:
    """In a short dock the tabs squeezed the verdict: the third error was cut off mid-line."""
    for package in (example_project / "webapp2" / "plugins").glob("*/*.plugin.package.json"):
        package.write_text(package.read_text().replace('"name"', '"name" "oops"', 1))
    pane = shown(qtbot, ExportPane(), 560, 420)
    pane.set_package(load(example_project))
    assert "3 errors must be fixed first" in pane.verdict.text()
    box = pane.verdict_box
    qtbot.waitUntil(lambda: box.verticalScrollBar().maximum() > 0)  # the rest is a scroll away
    assert box.height() >= 72 and pane.tabs.height() > 0
    pane.resize(560, 1000)
    qtbot.waitUntil(lambda: box.verticalScrollBar().maximum() == 0)  # with room, all of it shows


def test_the_export_shortcut_takes_the_keyboard_to_the_export_button(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """The dock opened but the keyboard stayed in the tree: Enter could not export, and a dock is
    not in the Tab order."""
    from PySide6.QtWidgets import QApplication

    window.open_path(example_project)
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    pane = window.export_pane
    qtbot.waitUntil(lambda: QApplication.focusWidget() is pane.export_button)
    assert pane.export_button.isEnabled()


def test_the_export_button_shows_the_keyboard_is_on_it_and_enter_exports(
    window: MainWindow, qtbot, example_project: Path, tmp_path: Path
) -> None:
    """Ctrl+E put the keyboard on a button that looked the same with it as without it (its style
    sheet has no border, so no focus frame), and Enter there did nothing."""
    from PySide6.QtWidgets import QApplication

    window.open_path(example_project)
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    pane = window.export_pane
    button = pane.export_button
    qtbot.waitUntil(lambda: QApplication.focusWidget() is button)
    focused = button.grab().toImage()
    edge = (1, focused.height() // 2)  # (the button's left edge, beside its text)
    out = tmp_path / "by-keys.zip"
    while QApplication.focusWidget() is not pane.path_edit:  # back to "Save the ZIP as"
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    unfocused = button.grab().toImage()
    # a ring that shows (not a shade that no eye tells from the plain blue)
    assert abs(focused.pixelColor(*edge).lightness() - unfocused.pixelColor(*edge).lightness()) > 40
    assert unfocused.pixelColor(*edge) == unfocused.pixelColor(unfocused.width() // 8, edge[1])  # plain blue
    qtbot.keyClicks(pane.path_edit, str(out))
    while QApplication.focusWidget() is not button:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert button.grab().toImage().pixelColor(*edge) == focused.pixelColor(*edge)
    with qtbot.waitSignal(pane.sig_exported):
        qtbot.keyClick(button, Qt.Key.Key_Return)
    assert zipfile.is_zipfile(out)


def test_zip_place_is_shown_from_the_start(pane: ExportPane, qtbot, monkeypatch, example_project: Path) -> None:
    """The "Save the ZIP as" box started empty: where the ZIP would go was seen only in the file
    dialog. It now shows <project>-branding.zip beside the project (the first Export still asks,
    opening the dialog there), and once a ZIP was exported, that ZIP's place."""
    default = example_project.parent / f"{example_project.name}-branding.zip"
    asked = _dialog_returns(monkeypatch, default)
    pane.set_package(load(example_project))
    assert pane.path_edit.text() == str(default)
    with qtbot.waitSignal(pane.sig_exported):
        qtbot.mouseClick(pane.export_button, Qt.MouseButton.LeftButton)
    assert asked == [str(default)] and zipfile.is_zipfile(default)
    with qtbot.waitSignal(pane.sig_exported):  # chosen: the next Export writes there at once
        qtbot.mouseClick(pane.export_button, Qt.MouseButton.LeftButton)
    assert asked == [str(default)]
    fresh = ExportPane()
    qtbot.addWidget(fresh)
    fresh.set_package(load(example_project))  # the project opened again: the last export's place
    assert fresh.path_edit.text() == str(default.resolve())


def test_enter_in_the_zip_path_exports(pane: ExportPane, qtbot, example_project: Path) -> None:
    """Typing where the ZIP goes and pressing Enter did nothing; the mouse was needed for the button."""
    pane.set_package(load(example_project))
    pane.path_edit.clear()
    pane.path_edit.setFocus()
    qtbot.keyClicks(pane.path_edit, str(example_project.parent / "typed.zip"))
    with qtbot.waitSignal(pane.sig_exported):
        qtbot.keyClick(pane.path_edit, Qt.Key.Key_Return)
    assert zipfile.ZipFile(example_project.parent / "typed.zip").namelist()


def test_export_after_saving_first_uses_the_brandingid_on_show(
    qtbot, monkeypatch, example_project: Path, tmp_path
) -> None:
    """With unsaved edits, Export asks to save first; the save made the pane suggest a newer
    brandingID, and the ZIP got that one, not the number the user saw when pressing Export."""
    import itertools

    from PySide6.QtWidgets import QMessageBox

    import designer.core.export

    counter = itertools.count(1_800_000_000_000)
    monkeypatch.setattr(designer.core.export, "new_branding_id", lambda _previous=None: next(counter))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Save)
    win = shown(qtbot, MainWindow(), 1280, 800)
    win.open_path(example_project)
    win.tree.setCurrentItem(win.tree.topLevelItem(0).child(2))  # Lock toggle
    qtbot.keyClicks(win.plugin_page.form.name, " (new)")
    assert win.windowTitle().startswith("example") and win.isWindowModified()
    win.export_action.trigger()
    pane = win.findChild(ExportPane, "exportPane")
    on_show = pane.branding_edit.text()
    pane.path_edit.setText(str(tmp_path / "out.zip"))
    qtbot.mouseClick(pane.export_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "out.zip").is_file() and not win.isWindowModified()
    with zipfile.ZipFile(tmp_path / "out.zip") as zf:
        assert str(json.loads(zf.read("webapp2/manifest.json"))["brandingID"]) == on_show
    assert f"brandingID {on_show}," in pane.status.text()


def test_tab_through_the_export_pane_stops_only_where_the_keyboard_shows(
    window: MainWindow, qtbot, example_project: Path
) -> None:
    """The box around the verdict ("Ready to export …") was a Tab stop of its own: one press
    of Tab seemed lost, the keyboard on a box with nothing to do in it."""
    from PySide6.QtWidgets import QApplication, QScrollArea

    window.open_path(example_project)
    window.tree.setFocus()
    qtbot.waitUntil(window.tree.hasFocus)
    qtbot.keyClick(window.tree, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # File ▸ Export…
    pane = window.export_pane
    qtbot.waitUntil(pane.export_button.hasFocus)
    stops = []
    for _ in range(60):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        stops.append(QApplication.focusWidget())
        if stops[-1] is pane.export_button:
            break
    assert stops[-1] is pane.export_button  # round the window and back
    assert pane.branding_edit in stops and pane.path_edit in stops
    assert [w.objectName() for w in stops if isinstance(w, QScrollArea)] == []


def test_alt_letters_take_the_keyboard_to_the_export_fields(window: MainWindow, qtbot, example_project: Path) -> None:
    """The plugin form's labels have Alt+letter keys, the Export pane's had none: typing where
    the ZIP goes meant Tab after Tab through the page, the Problems list and the pane."""
    from PySide6.QtWidgets import QApplication

    window.open_path(example_project)
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("plugin", 0)))
    window.tree.setFocus()
    qtbot.waitUntil(window.tree.hasFocus)
    qtbot.keyClick(window.tree, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # File ▸ Export…
    pane = window.export_pane
    qtbot.waitUntil(pane.export_button.hasFocus)
    qtbot.keyClick(pane.export_button, Qt.Key.Key_Z, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is pane.path_edit
    qtbot.keyClick(pane.path_edit, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is pane.branding_edit
    # the plugin form beside it keeps its own letters
    qtbot.keyClick(pane.branding_edit, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is window.plugin_page.form.name


def test_what_changed_after_an_export_wraps_in_a_narrow_dock(
    qtbot, monkeypatch, example_project: Path, tmp_path: Path
) -> None:
    """Right after an export "What changed" is one long sentence: it ran off the right edge of a
    dock beside the form, to be read with the sideways scrollbar. A diff's lines stay unwrapped."""
    pane = shown(qtbot, ExportPane(), 420, 720)
    _dialog_returns(monkeypatch, tmp_path / "first.zip")
    pane.set_package(load(example_project))
    assert pane.export()
    view = pane.changes_view
    assert view.toPlainText().startswith("Nothing changed since the last export")
    qtbot.waitUntil(lambda: view.document().lineCount() > 1 or view.horizontalScrollBar().maximum() > 0)
    assert view.horizontalScrollBar().maximum() == 0  # nothing hidden beyond the right edge
    pkg = load(example_project)
    pkg.plugins[1].package.menu_items["conference"][0].label = "About this meeting, with a longer label than before"
    pane.set_package(pkg)
    assert "Details:" in view.toPlainText()
    assert view.lineWrapMode() == view.LineWrapMode.NoWrap  # a diff is read line by line


def test_a_file_where_the_state_folder_belongs_is_said_before_the_click(
    pane: ExportPane, qtbot, monkeypatch, base_project: Path, tmp_path: Path
) -> None:
    """A '.plugin-designer' file beside webapp2/ (PD110): the pane said "Ready to export", and the
    click then refused. Now the pane names the file and what to do, Export and Deploy are off, and
    back in the designer after moving the file away, the export is ready again."""
    from PySide6.QtWidgets import QWidget

    asked = _dialog_returns(monkeypatch, tmp_path / "out.zip")
    own = base_project / ".plugin-designer"
    own.write_text("notes", encoding="utf-8")
    pane.set_package(load(base_project))
    said = pane.verdict.text()
    assert "Export will be refused" in said and "Ready to export" not in said
    assert f"{own} is a file, where the designer keeps its folder" in said and "Rename or move that file away" in said
    assert not pane.export_button.isEnabled() and not pane.deploy_button.isEnabled()
    qtbot.mouseClick(pane.export_button, Qt.MouseButton.LeftButton)
    assert not asked and not (tmp_path / "out.zip").exists()
    assert own.read_text(encoding="utf-8") == "notes"
    # The user moves the file away in the file manager, and comes back to the designer.
    other = shown(qtbot, QWidget(), 200, 100)
    other.activateWindow()
    qtbot.waitUntil(other.isActiveWindow)
    own.rename(tmp_path / "notes.txt")
    pane.activateWindow()
    qtbot.waitUntil(pane.isActiveWindow)
    assert "Ready to export" in pane.verdict.text()
    assert pane.export_button.isEnabled() and pane.deploy_button.isEnabled()
    qtbot.mouseClick(pane.export_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "out.zip").is_file() and (own / "state.json").is_file()


def test_what_changed_says_the_last_export_zip_is_gone(pane: ExportPane, example_project: Path, tmp_path: Path) -> None:
    """The last export's ZIP deleted since: the pane said there had been no earlier export at all."""
    from designer.core.export import export_package

    export_package(example_project, tmp_path / "first.zip")
    (tmp_path / "first.zip").unlink()
    pane.set_package(load(example_project))
    text = pane.changes_view.toPlainText()
    assert text.startswith(f"The last export's ZIP, {(tmp_path / 'first.zip').resolve()}, is no longer there"), text
    assert "No earlier export" not in text and "\n+ settings.json" in text  # every file listed


def test_what_changed_says_a_line_endings_change_in_words_and_cuts_a_huge_diff(
    pane: ExportPane, example_project: Path, tmp_path: Path
) -> None:
    """CRLF → LF showed every line of the source removed and added again, reading the same; a
    5,000-line source rewritten filled the view with 10,000 lines that buried the rest."""
    from designer.core.export import DIFF_LINES_SHOWN, export_package

    plugins = example_project / "webapp2" / "plugins"
    lock = plugins / "lock-toggle" / "lock-toggle.plugin.js"
    big = plugins / "meeting-info" / "meeting-info.plugin.js"
    big.write_text(big.read_text() + "".join(f"var v{i} = {i};\n" for i in range(5000)))
    export_package(example_project, tmp_path / "first.zip")
    lock.write_bytes(lock.read_bytes().replace(b"\n", b"\r\n"))
    big.write_text(big.read_text().replace("var v", "let w"))
    pane.set_package(load(example_project))
    text = pane.changes_view.toPlainText()
    assert (
        "~ changed  plugins/lock-toggle/lock-toggle.plugin.js\n"
        "      Line endings: Unix (LF) → Windows (CRLF).\n"
        "      The text itself is the same, so no line diff is shown.\n"
    ) in text, text
    assert "before/plugins/lock-toggle/lock-toggle.plugin.js" not in text  # no diff of look-alike lines
    assert "--- before/plugins/meeting-info/meeting-info.plugin.js" in text
    assert text.count("\n") < DIFF_LINES_SHOWN + 40
    assert text.endswith(
        "… and 9,606 more lines of this file's diff, not shown here\n"
        "  (in all 5,000 lines removed and 5,000 added; the export command's --full-diff prints them all).\n"
    ), text[-400:]


def test_a_minified_line_in_what_changed_is_cut_and_says_how_much_more(
    pane: ExportPane, example_project: Path, tmp_path: Path
) -> None:
    """A minified source is one line: its diff ran 400,000 characters off the view's right edge."""
    from designer.core.export import export_package

    lib = example_project / "webapp2" / "plugins" / "lock-toggle" / "lib.min.js"
    lib.write_text("var a=1;" * 50000)
    export_package(example_project, tmp_path / "first.zip")
    lib.write_text("var b=2;" * 50000)
    pane.set_package(load(example_project))
    text = pane.changes_view.toPlainText()
    assert "\n-" + "var a=1;" * 62 + "var … (399,501 more characters on this line)\n" in text, text[-1500:]
    assert max(len(line) for line in text.split("\n")) < 600


def test_what_changed_gives_the_sizes_of_added_and_removed_files(
    pane: ExportPane, example_project: Path, tmp_path: Path
) -> None:
    """An added file was a bare name: a 3 MB bundle left in the plugin's folder read like an icon."""
    from designer.core.export import export_package

    folder = example_project / "webapp2" / "plugins" / "lock-toggle"
    export_package(example_project, tmp_path / "first.zip")
    (folder / "bundle.js").write_text("x" * 3_000_000)
    gone = (folder / "unlock.svg").stat().st_size
    (folder / "unlock.svg").unlink()
    pane.set_package(load(example_project))
    text = pane.changes_view.toPlainText()
    assert "\n+ added    plugins/lock-toggle/bundle.js  (2.9 MB)\n" in text, text
    assert f"\n- removed  plugins/lock-toggle/unlock.svg  (was {gone:,} bytes)" in text, text


def test_a_first_export_lists_its_files_with_their_sizes(pane: ExportPane, example_project: Path) -> None:
    """The export command lists a first export's files with their sizes; the pane gave names only."""
    pane.set_package(load(example_project))
    text = pane.changes_view.toPlainText()
    size = (example_project / "webapp2" / "settings.json").stat().st_size
    assert f"\n+ settings.json  ({size:,} bytes)" in text, text


def test_a_warning_is_listed_under_ready_to_export(pane: ExportPane, qtbot, tmp_path: Path) -> None:
    """An administrator kept the Record recipe's sample address (recorder@example.com): the pane
    said "Ready to export — … no errors." and the note (PD602) stayed unread in Problems. Now it is
    listed there with the warnings, a link to where it is, and the export stays on."""
    from designer.core.newproject import create_project
    from designer.core.recipes import load_recipe, render

    def project(folder: str, answers: dict[str, str]) -> Path:
        return create_project(tmp_path / folder, files=render(load_recipe("record-stream"), answers, "record"))

    pane.set_package(load(project("sample", {"name": "Record"})))
    text = pane.verdict.text()
    assert text.startswith(
        "<b>Ready to export</b> — 1 plugin, 6 files, no errors.<br>1 note to read before you upload:"
    )
    assert "href='warning:0'" in text and "dials &#x27;recorder@example.com&#x27;, an example address" in text
    assert "(plugins/record/record.plugin.js:44:30, PD602)" in text
    assert pane.export_button.isEnabled()
    shown_problems: list[object] = []
    pane.sig_show_problem.connect(shown_problems.append)
    pane.verdict.linkActivated.emit("warning:0")
    assert [(p.code, p.line) for p in shown_problems] == [("PD602", 44)]
    pane.set_package(load(project("real", {"name": "Record", "alias": "recorder@vc.acme.test"})))
    assert pane.verdict.text() == "<b>Ready to export</b> — 1 plugin, 6 files, no errors."


def test_a_first_export_shows_each_text_file_as_the_export_command_does(
    pane: ExportPane, qtbot, monkeypatch, example_project: Path
) -> None:
    """The pane showed no file's text on a first export, while ``export --diff`` prints each one
    (cut after 400 lines): what went out could not be read before the click. The texts come file
    by file after the list, cut alike, and the list is shown before them."""
    from designer.core.checks import run_checks
    from designer.core.export import diff_lines_shown, plan_export

    big = example_project / "webapp2" / "plugins" / "meeting-info" / "meeting-info.plugin.js"
    big.write_text(big.read_text() + "".join(f"var v{i} = {i};\n" for i in range(5000)))
    monkeypatch.setattr("designer.gui.panes.export_pane.DETAILS_PER_TURN", 10)  # (a few files a turn)
    pkg = load(example_project)
    pane.set_package(pkg, run_checks(pkg))
    view = pane.changes_view
    size = (example_project / "webapp2" / "settings.json").stat().st_size
    assert f"\n+ settings.json  ({size:,} bytes)" in view.toPlainText()  # the list at once
    shown = [
        "\n".join(diff_lines_shown(c.diff, "the export command's --full-diff prints them all")) + "\n"
        for c in plan_export(load(example_project), pane.plan.branding_id, problems=[]).listed_changes()
        if c.diff
    ]
    details = "\n\nDetails:\n\n" + "\n".join(shown)
    qtbot.waitUntil(lambda: view.toPlainText().endswith(details))
    text = view.toPlainText()
    assert "+++ after/plugins/lock-toggle/lock-toggle.plugin.js\n@@ -0,0 +1," in text
    assert "+var v4999 = 4999;" not in text and "(in all 0 lines removed and 5," in text  # cut as the CLI cuts
    assert "+++ after/plugins/lock-toggle/lock.svg" in text and view.lineWrapMode() == view.LineWrapMode.NoWrap
    pane.set_package(None)  # (another project opened: no text of this one is added to its view)
    assert not pane._details_timer.isActive() and view.toPlainText() == ""


def test_an_added_file_shows_its_text_in_details(pane: ExportPane, example_project: Path, tmp_path: Path) -> None:
    """An added file was listed with its size only: its text, which ``export --diff`` prints, was
    not in Details beside the changed files' diffs."""
    from designer.core.export import export_package

    folder = example_project / "webapp2" / "plugins" / "lock-toggle"
    export_package(example_project, tmp_path / "first.zip")
    (folder / "helper.js").write_text("var x = 1;\nvar y = 2;\n")
    pane.set_package(load(example_project))
    text = pane.changes_view.toPlainText()
    assert "\n+ added    plugins/lock-toggle/helper.js  (22 bytes)\n" in text, text
    assert (
        "\n\n--- before/plugins/lock-toggle/helper.js\n"
        "+++ after/plugins/lock-toggle/helper.js\n"
        "@@ -0,0 +1,2 @@\n"
        "+var x = 1;\n"
        "+var y = 2;\n"
    ) in text, text


def test_a_project_named_branding_is_offered_no_second_branding(pane: ExportPane, tmp_path: Path) -> None:
    """A project folder "Company branding" was offered "Company branding-branding.zip"."""
    from designer.core.deploy import default_zip_path
    from designer.core.zipnames import zip_name_for

    project = tmp_path / "Company branding"
    shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns(".plugin-designer"))
    pane.set_package(load(project))
    assert pane.path_edit.text() == str(tmp_path / "Company branding.zip")
    assert default_zip_path(project) == tmp_path / "Company branding.zip"  # deploy's, alike
    assert [zip_name_for(n) for n in ("example", "acme-Branding", "branding kit")] == [
        "example-branding.zip",
        "acme-Branding.zip",
        "branding kit-branding.zip",
    ]


def test_an_edit_undone_after_an_export_says_the_zip_is_up_to_date_again(
    qtbot, monkeypatch, example_project: Path, tmp_path: Path
) -> None:
    """Undo after an edit put the package back as exported, and "What changed" said nothing had
    changed, while the line above still said "Edited since the last export: export again to include
    the changes". Now the export's own message and checklist come back."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QLineEdit

    win, pane = _exported_from_a_window(qtbot, monkeypatch, example_project, tmp_path / "w.zip")
    exported = pane.status.text()
    assert exported.startswith("✔ Exported to")
    win.tree.setCurrentItem(win._find_tree_item(win.tree.topLevelItem(0), ("plugin", 0)))
    name = win.findChild(QLineEdit, "nameEdit")
    name.setFocus()
    qtbot.keyClicks(name, "!")
    qtbot.waitUntil(lambda: pane.checklist_view.toPlainText().startswith("After exporting"))
    win.findChild(QAction, "undoAction").trigger()
    qtbot.waitUntil(lambda: pane.changes_view.toPlainText().startswith("Nothing changed since the last export"))
    assert pane.status.text() == exported
    assert pane.checklist_view.toPlainText().startswith("Exported w.zip.")
    win.editor.undo_stack.setClean()


def test_what_changed_names_the_files_left_out_of_the_zip(
    pane: ExportPane, example_project: Path, tmp_path: Path
) -> None:
    """A backup and a hidden file in a plugin's folder were left out of the ZIP with no word in the
    pane (the export command lists them): a user looking for their file in the upload could not
    tell why it was not there. Now "What changed" lists them with the reason, also after an export."""
    folder = example_project / "webapp2/plugins/meeting-info"
    (folder / "meeting-info.plugin.js~").write_text("old")
    (folder / ".draft.svg").write_text("<svg/>")
    pane.set_package(load(example_project))
    said = pane.changes_view.toPlainText()
    assert "Left out of the ZIP (hidden, backups, links, system clutter, unusable names): 2" in said
    assert "  plugins/meeting-info/.draft.svg: hidden (its name starts with '.')" in said
    assert "  plugins/meeting-info/meeting-info.plugin.js~: an editor backup" in said
    pane.path_edit.setText(str(tmp_path / "a.zip"))
    assert pane.export()
    assert "plugins/meeting-info/.draft.svg: hidden" in pane.changes_view.toPlainText()


def test_a_zip_opened_read_only_offers_its_import_from_the_export_pane(
    window, qtbot, example_project: Path, tmp_path: Path, monkeypatch
) -> None:
    """The pane said "import it into a folder first" with nothing to click, and left the brandingID
    and the ZIP's place open to be filled in for an export that cannot happen."""
    import shutil

    zipped = Path(shutil.make_archive(str(tmp_path / "demo"), "zip", example_project))
    window.open_path(zipped)
    window.show_export()
    pane = window.export_pane
    assert not pane.branding_edit.isEnabled() and not pane.path_edit.isEnabled()
    assert not pane.choose_button.isEnabled() and not pane.export_button.isEnabled()
    asked: list[bool] = []
    monkeypatch.setattr(window, "import_zip", lambda *a, **k: asked.append(True) or False)
    pane.verdict.linkActivated.emit("import")  # (the link "Import it into a folder…" clicked)
    assert "Import it into a folder" in pane.verdict.text() and asked == [True]
    window.open_path(example_project)  # a project folder again: the fields are back
    assert pane.branding_edit.isEnabled() and pane.path_edit.isEnabled() and pane.choose_button.isEnabled()


def test_a_copy_made_by_save_as_does_not_export_into_the_zip_of_the_project_it_came_from(
    qtbot, example_project: Path, tmp_path: Path
) -> None:
    """A copy carries its project's record of the last export (its brandingID, the ZIP to compare
    with), and its first Export wrote over that project's ZIP without asking. It is offered a ZIP
    of its own now; the project itself still goes back to its own."""
    import shutil

    from designer.core.export import export_package
    from designer.core.model import load

    first = tmp_path / "first.zip"
    export_package(example_project, first)
    copy = tmp_path / "copy"
    shutil.copytree(example_project, copy)  # (as Save As writes it: webapp2/ and the project's state)
    pane = ExportPane()
    qtbot.addWidget(pane)
    pane.set_package(load(copy))
    assert pane.path_edit.text() != str(first) and pane.path_edit.text().endswith("copy-branding.zip")
    assert "previous: " in pane.previous_label.text() and pane.plan is not None and pane.plan.old_branding_id
    pane.set_package(load(example_project))
    assert pane.path_edit.text() == str(first)


def test_a_suggested_brandingid_another_export_has_overtaken_is_replaced_not_refused(
    window: MainWindow, qtbot, example_project: Path, tmp_path: Path
) -> None:
    """The pane's suggested brandingID, then an export of the project from another window (or
    the command line) with a greater one: Export was refused, "brandingID … is not greater than
    … Leave it empty for a fresh one", for a number the user never typed. A fresh one is taken."""
    from designer.core.export import export_package

    window.open_path(example_project)
    window.show_export()
    pane = window.export_pane
    suggested = int(pane.branding_edit.text())
    pane.path_edit.setText(str(tmp_path / "here.zip"))
    elsewhere = export_package(load(example_project), tmp_path / "there.zip", branding_id=suggested + 60_000)
    with qtbot.waitSignal(pane.sig_exported):
        qtbot.mouseClick(pane.export_button, Qt.MouseButton.LeftButton)
    with zipfile.ZipFile(tmp_path / "here.zip") as zf:
        new_id = json.loads(zf.read("webapp2/manifest.json"))["brandingID"]
    assert new_id > elsewhere.branding_id
    assert f"brandingID {new_id}," in pane.status.text()


def test_a_typed_brandingid_another_export_has_overtaken_is_still_refused(
    window: MainWindow, qtbot, example_project: Path, tmp_path: Path
) -> None:
    from designer.core.export import export_package

    window.open_path(example_project)
    window.show_export()
    pane = window.export_pane
    pane.branding_edit.setText("1900000000000")
    pane.branding_edit.editingFinished.emit()
    pane.path_edit.setText(str(tmp_path / "here.zip"))
    export_package(load(example_project), tmp_path / "there.zip", branding_id=1900000000001)
    qtbot.mouseClick(pane.export_button, Qt.MouseButton.LeftButton)
    assert not (tmp_path / "here.zip").exists()
    assert "brandingID 1900000000000 is not greater than 1900000000001" in pane.status.text()


def test_an_export_keeps_what_another_window_saved_and_exported_meanwhile(
    window: MainWindow, qtbot, example_project: Path, tmp_path: Path
) -> None:
    """Two windows on one project (or the window and the command line): the other one renamed a
    plugin, saved and exported. This window, with nothing unsaved, then exported its older copy
    of the plugin's package file over the rename, in the project and in the ZIP, without a word
    (or refused: "brandingID … is not greater than …", a number it had suggested itself)."""
    from designer.core.export import export_package

    window.open_path(example_project)
    window.show_export()
    pane = window.export_pane
    suggested = int(pane.branding_edit.text())
    pane.path_edit.setText(str(tmp_path / "here.zip"))
    lock = renamed_elsewhere(example_project)  # the other window
    elsewhere = export_package(load(example_project), tmp_path / "there.zip", branding_id=suggested + 60_000)
    with qtbot.waitSignal(pane.sig_exported):
        qtbot.mouseClick(pane.export_button, Qt.MouseButton.LeftButton)
    package = example_project / "webapp2" / lock.package_path
    assert json.loads(package.read_text())["name"] == "Renamed elsewhere"
    with zipfile.ZipFile(tmp_path / "here.zip") as zf:
        assert json.loads(zf.read(f"webapp2/{lock.package_path}"))["name"] == "Renamed elsewhere"
        assert json.loads(zf.read("webapp2/manifest.json"))["brandingID"] > elsewhere.branding_id
    assert window.package.plugins[0].display_name == "Renamed elsewhere"  # (the window shows it too)
    assert (
        f"(read again first: manifest.json, {lock.package_path} changed outside the designer)" in window.status.text()
    )


def test_a_zip_that_cannot_be_written_is_said_as_the_export_command_says_it(
    pane: ExportPane, qtbot, monkeypatch, example_project: Path, tmp_path: Path
) -> None:
    """A read-only folder for the ZIP said "Not exported: /…/locked/x.zip: No such file or
    directory" (or "Permission denied"), as if the ZIP were missing, and nothing of what to do;
    the export command says which folder refused and what to do: so does the pane now."""
    import errno

    from designer.core import files

    (tmp_path / "locked").mkdir()
    blocked = (tmp_path / "locked" / "x.zip").resolve()
    prepare = files._prepare

    def refuse(path: Path, data: bytes) -> str:
        if Path(path).resolve() == blocked:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return prepare(path, data)

    monkeypatch.setattr(files, "_prepare", refuse)
    pane.set_package(load(example_project))
    pane.path_edit.setText(str(blocked))
    qtbot.mouseClick(pane.export_button, Qt.MouseButton.LeftButton)
    assert pane.status.text() == (
        f"The ZIP {blocked} cannot be written in {blocked.parent} (Permission denied); nothing was "
        "exported. Choose another place for it, or make that folder writable."
    )
    assert not blocked.exists()


def test_a_project_in_a_folder_named_in_latin1_exports_beside_itself(
    pane: ExportPane, qtbot, monkeypatch, example_project: Path, tmp_path: Path
) -> None:
    """A project in a folder named on an old Latin-1 share (b"gaml\\xe5", not UTF-8): Qt drops the
    byte, so the box showed ".../gaml/proj-branding.zip" and Export said "The folder .../gaml does
    not exist", as the file dialog's choice of that place did. The place the pane shows, or that
    place chosen in the dialog, is the real folder now."""
    import os

    folder = Path(os.fsdecode(os.fsencode(tmp_path) + b"/gaml\xe5"))
    shutil.copytree(example_project, folder / "proj")
    pane.set_package(load(folder / "proj"))
    shown = pane.path_edit.text()
    assert shown == f"{tmp_path}/gaml/proj-branding.zip"  # (all Qt can show of it)
    asked = _dialog_returns(monkeypatch, Path(shown))  # the place offered, as the dialog gives it back
    with qtbot.waitSignal(pane.sig_exported):
        qtbot.mouseClick(pane.export_button, Qt.MouseButton.LeftButton)
    assert asked and zipfile.is_zipfile(folder / "proj-branding.zip")
    (folder / "proj-branding.zip").unlink()
    with qtbot.waitSignal(pane.sig_exported):  # chosen: the next Export writes there at once
        qtbot.mouseClick(pane.export_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and zipfile.is_zipfile(folder / "proj-branding.zip")
