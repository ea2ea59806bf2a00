"""File ▸ New Project…: the dialog that asks the project's name and where to put it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel

from designer.core.newproject import free_project_name, new_project_refusal
from designer.gui.panes.new_project_dialog import PLACE_KEY, NewProjectDialog, ask_new_project


@pytest.fixture
def place(tmp_path: Path, monkeypatch) -> Path:
    """A home folder of the test's own (with Documents), and no place remembered yet."""
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    QSettings().remove(PLACE_KEY)
    yield home / "Documents"
    QSettings().remove(PLACE_KEY)


def _dialog(qtbot) -> NewProjectDialog:
    dialog = NewProjectDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.name_edit)
    return dialog


def _as_offered(dialog: NewProjectDialog) -> dict[str, str]:
    """What the dialog offers as it opens: its title, its button, the name and the place."""
    return {
        "title": dialog.windowTitle(),
        "button": dialog.create_button.text(),
        "offered": dialog.name_edit.text(),
        "place": dialog.place_edit.text(),
    }


def _in_next_dialog(qtbot, act) -> None:
    """Call ``act(dialog)`` in the New Project dialog once it is on show (it runs modal) and has
    the keyboard (or, failing that, after a while: the test then says what was wrong)."""
    tries = [0]

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        focus = QApplication.focusWidget()
        tries[0] += 1
        ready = isinstance(dialog, NewProjectDialog) and focus is not None and dialog.isAncestorOf(focus)
        if not ready and tries[0] < 300:
            QTimer.singleShot(10, run)
            return
        if not isinstance(dialog, NewProjectDialog):  # another dialog asked: closed, the test fails
            if dialog is not None:
                dialog.close()
            return
        act(dialog)

    QTimer.singleShot(0, run)


def test_new_project_from_the_file_menu_asks_a_name_and_a_place(window, qtbot, place: Path) -> None:
    """Not a save-file dialog: the name typed (over the offered one), the folder shown, Enter
    creates a checked one-plugin project and opens it; the place is kept for the next time."""
    from designer.core.checks import run_checks
    from designer.core.model import load

    seen: dict[str, object] = {}

    def fill(dialog: NewProjectDialog) -> None:
        seen["focus"] = QApplication.focusWidget() is dialog.name_edit
        seen["offered"] = dialog.name_edit.text()
        seen["place"] = dialog.place_edit.text()
        seen["intro"] = dialog.findChild(QLabel, "projectIntroLabel").text()
        qtbot.keyClicks(dialog.name_edit, "Team plugins")  # replaces the selected offer
        seen["shown"] = dialog.path_label.text().replace("\u200b", "")
        qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)

    _in_next_dialog(qtbot, fill)
    new = next(a for a in window.findChildren(QAction) if a.text() == "&New Project…")
    new.trigger()
    target = place / "Team plugins"
    assert seen == {
        "focus": True,
        "offered": "My branding",
        "place": str(place),
        "intro": "A project is a folder on this computer holding your branding package: its settings and "
        "one working toolbar plugin to start from, \u201cHello message\u201d (a button that shows a short "
        "message), which you can rename or replace.",
        "shown": f"Creates the folder {target}",
    }
    assert run_checks(load(target)) == []
    assert window.package is not None and window.tree.topLevelItem(0).childCount() >= 3
    # The plugin is named for what it does; the project keeps the name typed.
    assert "Hello message" in [window.tree.topLevelItem(0).child(i).text(0) for i in range(3)]
    assert "Team plugins" in window.details.toPlainText()
    assert QSettings().value(PLACE_KEY) == str(place)


def test_escape_cancels_and_nothing_is_made(window, qtbot, place: Path) -> None:
    _in_next_dialog(qtbot, lambda dialog: qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Escape))
    window.new_project()
    assert window.package is None and list(place.iterdir()) == []
    assert QSettings().value(PLACE_KEY) is None  # a place is remembered only when used


def test_the_offered_name_is_free_and_the_place_the_last_used(qtbot, place: Path, tmp_path: Path) -> None:
    last = tmp_path / "projects"
    (last / "My branding").mkdir(parents=True)
    (last / "My branding" / "notes.txt").write_text("mine")
    (last / "My branding 2").mkdir()  # empty: it can be used
    QSettings().setValue(PLACE_KEY, str(last))
    dialog = _dialog(qtbot)
    assert dialog.place_edit.text() == str(last)
    assert dialog.name_edit.text() == "My branding 2" and dialog.name_edit.selectedText() == "My branding 2"
    assert dialog.path_label.text().replace("\u200b", "") == f"Uses the empty folder {last / 'My branding 2'}"
    assert dialog.create_button.isEnabled()
    QSettings().setValue(PLACE_KEY, str(tmp_path / "gone"))  # the last place was deleted: Documents
    assert _dialog(qtbot).place_edit.text() == str(place)


def test_a_name_the_file_system_refuses_is_said_and_create_stays_off(qtbot, place: Path) -> None:
    dialog = _dialog(qtbot)
    dialog.name_edit.clear()
    assert not dialog.create_button.isEnabled()
    assert dialog.problem.isVisible() and dialog.problem.text() == "Type a name for the project."
    qtbot.keyClicks(dialog.name_edit, "Q3: sales")
    assert "colon (:)" in dialog.problem.text() and not dialog.create_button.isEnabled()
    assert not dialog.path_label.isVisible()
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)  # Enter does not create what cannot be made
    assert dialog.isVisible() and dialog.result() == 0
    dialog.name_edit.setText("CON")
    assert "Windows keeps for a device" in dialog.problem.text()
    dialog.name_edit.setText("Q3 sales")
    assert not dialog.problem.isVisible() and dialog.create_button.isEnabled()
    assert dialog.path_label.isVisible()
    assert dialog.name_edit.accessibleDescription() == ""
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.chosen_path() == place / "Q3 sales"
    assert list(place.iterdir()) == []  # the dialog only asks: the main window creates


def test_a_folder_that_holds_files_is_refused_naming_it(qtbot, place: Path) -> None:
    (place / "Branding" / "old").mkdir(parents=True)
    dialog = _dialog(qtbot)
    qtbot.keyClicks(dialog.name_edit, "Branding")
    shown = dialog.problem.text().replace("\u200b", "")
    assert shown.startswith(f"{place / 'Branding'} already exists and is not empty")
    assert not dialog.create_button.isEnabled()
    dialog.place_edit.setText(str(place / "missing"))
    assert dialog.create_button.isEnabled()  # a new place is made with the project (see below)


def test_no_permission_to_write_there_is_said(qtbot, place: Path, monkeypatch) -> None:
    locked = place / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    if os.access(locked, os.W_OK):  # (the root user may write anywhere: the system is asked as for others)
        real = os.access
        monkeypatch.setattr(os, "access", lambda p, mode, **k: False if Path(p) == locked else real(p, mode, **k))
    dialog = _dialog(qtbot)
    dialog.place_edit.setText(str(locked))
    assert dialog.problem.text().replace("\u200b", "") == (
        f"You have no permission to create folders in {locked}; choose another place."
    )
    assert not dialog.create_button.isEnabled()


def test_browse_chooses_the_place(qtbot, place: Path, tmp_path: Path, monkeypatch) -> None:
    other = tmp_path / "shared"
    other.mkdir()
    asked: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", lambda parent, title, start: asked.append(start) or str(other)
    )
    dialog = _dialog(qtbot)
    qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    assert asked == [str(place)]
    assert dialog.place_edit.text() == str(other)
    assert dialog.path_label.text().replace("\u200b", "") == f"Creates the folder {other / 'My branding'}"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a: "")  # cancelled: the place stays
    qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    assert dialog.place_edit.text() == str(other)


def test_tab_walks_name_place_browse_then_the_buttons(qtbot, place: Path) -> None:
    dialog = _dialog(qtbot)
    order = [QApplication.focusWidget()]
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    assert all(dialog.isAncestorOf(w) for w in order)
    names = [w.objectName() for w in order]
    assert names[:3] == ["projectNameEdit", "projectPlaceEdit", "browsePlaceButton"]
    assert set(names[3:]) == {"createProjectButton", "cancelButton"}


def test_a_long_reason_is_shown_whole_and_the_dialog_fits_the_screen(qtbot, place: Path) -> None:
    dialog = _dialog(qtbot)
    width = dialog.width()
    long = place.joinpath(*["a-long-folder-name-without-any-spaces"] * 8)
    long.parent.mkdir(parents=True)
    long.write_text("a file, not a folder")
    dialog.place_edit.setText(str(long / "sub"))
    qtbot.waitUntil(lambda: dialog.problem.isVisible())
    assert dialog.width() == width  # the path wraps; it does not widen the dialog past the screen
    below = dialog.problem.mapTo(dialog, dialog.problem.rect().bottomLeft()).y()
    assert below < dialog.buttons.mapTo(dialog, dialog.buttons.rect().topLeft()).y()
    assert dialog.problem.height() >= dialog.problem.heightForWidth(dialog.problem.width())


def test_ask_new_project_gives_the_folder_or_none(qtbot, place: Path) -> None:
    _in_next_dialog(qtbot, lambda dialog: qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton))
    assert ask_new_project(None) == place / "My branding"
    _in_next_dialog(qtbot, lambda dialog: dialog.reject())
    assert ask_new_project(None) is None


def test_the_core_refusals_in_plain_words(tmp_path: Path) -> None:
    assert new_project_refusal(tmp_path, "Fine name") is None
    assert new_project_refusal(None, "Fine") == "Choose where to put the project."
    assert (
        new_project_refusal(tmp_path, "a/b")
        == "The name has a slash (/), which a folder name cannot have; type it without."
    )
    assert "backslash" in new_project_refusal(tmp_path, "a\\b")
    assert "control character (U+0009)" in new_project_refusal(tmp_path, "a\tb")
    assert "hidden folder" in new_project_refusal(tmp_path, ".hidden")
    assert "not a name a folder can have" in new_project_refusal(tmp_path, "..")
    assert "ends in a dot" in new_project_refusal(tmp_path, "v1.")
    assert "too long" in new_project_refusal(tmp_path, "é" * 128)
    assert "not a whole path" in new_project_refusal(Path("relative"), "x")
    (tmp_path / "file").write_text("x")
    assert "is a file, not a folder" in new_project_refusal(tmp_path / "file", "x")
    assert free_project_name(tmp_path, "file") == "file 2"


def _shown_dialog(qtbot, dialog: NewProjectDialog) -> NewProjectDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _problem(dialog: NewProjectDialog) -> str:
    return dialog.problem.text().replace("\u200b", "")


def test_import_zip_asks_its_folder_with_a_name_and_a_place(
    window, qtbot, place: Path, example_project: Path, tmp_path: Path
) -> None:
    """Import ZIP into a Folder… asked with a save-file dialog ("File name", "All Files (*)"):
    now with the New Project dialog, titled for the import, the ZIP's name offered, Import to go."""
    from designer.core.export import export_package

    source = tmp_path / "Team branding.zip"
    export_package(example_project, source)
    window.open_path(source)
    seen: dict[str, object] = {}

    def fill(dialog: NewProjectDialog) -> None:
        seen.update(_as_offered(dialog))
        seen["intro"] = "Team branding.zip becomes a project" in dialog.findChild(QLabel, "projectIntroLabel").text()
        qtbot.keyClicks(dialog.name_edit, "Editable")
        seen["shown"] = dialog.path_label.text().replace("\u200b", "")
        qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)

    _in_next_dialog(qtbot, fill)
    window.findChild(QAction, "importZipAction").trigger()
    target = place / "Editable"
    assert seen == {
        "title": "Import ZIP into a Folder",
        "button": "&Import",
        "offered": "Team branding",
        "place": str(place),
        "intro": True,
        "shown": f"Creates the folder {target}",
    }
    assert window.package.files.writable and window.package.root == target / "webapp2"
    assert (target / ".plugin-designer" / "imported.zip").read_bytes() == source.read_bytes()
    assert QSettings().value(PLACE_KEY) == str(place)


def test_the_import_dialog_refuses_what_the_import_refuses(qtbot, place: Path, example_project: Path) -> None:
    """The rules of the core's import, said as the name is typed, Import off: a folder holding
    files, a symbolic link, a folder inside a branding package."""
    from designer.core.archive import import_target_refusal
    from designer.gui.panes.new_project_dialog import import_folder_dialog

    (place / "full").mkdir()
    (place / "full" / "notes.txt").write_text("mine")
    (place / "empty").mkdir()
    (place / "link").symlink_to(place / "empty")
    dialog = _shown_dialog(qtbot, import_folder_dialog(None, place / "branding.zip"))
    assert dialog.name_edit.text() == "branding" and dialog.create_button.isEnabled()
    for name, said in (
        ("full", "already exists and is not empty; choose a new folder to import into."),
        ("link", "is a symbolic link; choose a new folder to import into"),
    ):
        dialog.name_edit.setText(name)
        assert _problem(dialog) == import_target_refusal(place / name) and said in _problem(dialog)
        assert not dialog.create_button.isEnabled()
    dialog.place_edit.setText(str(example_project / "webapp2" / "plugins"))
    dialog.name_edit.setText("new")
    assert "is inside the branding package" in _problem(dialog) and "a project imported" in _problem(dialog)
    assert not dialog.create_button.isEnabled()
    dialog.place_edit.setText(str(place))
    dialog.name_edit.setText("empty")
    assert not dialog.problem.isVisible() and dialog.create_button.isEnabled()
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.chosen_path() == place / "empty"


def test_save_as_asks_its_folder_next_to_the_project(window, qtbot, place: Path, example_project: Path) -> None:
    """File ▸ Save As… asked with a save-file dialog: now the project's name + " copy" is offered
    beside it, Save writes the copy with the edits there and the window goes on in it."""
    window.open_path(example_project)
    window.editor.set_field(0, "package", "name", "Renamed lock", "rename")
    seen: dict[str, object] = {}

    def fill(dialog: NewProjectDialog) -> None:
        seen.update(_as_offered(dialog))
        qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)

    _in_next_dialog(qtbot, fill)
    next(a for a in window.findChildren(QAction) if a.text().replace("&", "") == "Save As…").trigger()
    target = example_project.parent / "example copy"
    assert seen == {"title": "Save As", "button": "&Save", "offered": "example copy", "place": str(target.parent)}
    assert window.package.root == target / "webapp2"
    assert "Renamed lock" in (target / "webapp2/plugins/lock-toggle/lock-toggle.plugin.package.json").read_text()
    assert (
        "Renamed lock"
        not in (example_project / "webapp2/plugins/lock-toggle/lock-toggle.plugin.package.json").read_text()
    )


def test_the_save_as_dialog_refuses_the_project_itself_and_folders_inside_it(
    qtbot, place: Path, example_project: Path
) -> None:
    from designer.gui.panes.new_project_dialog import save_as_folder_dialog

    dialog = _shown_dialog(qtbot, save_as_folder_dialog(None, example_project, example_project))
    assert dialog.name_edit.text() == "example copy" and dialog.create_button.isEnabled()
    dialog.name_edit.setText("example")
    assert _problem(dialog) == f"{example_project} is the project folder itself; choose a new folder for the copy."
    assert not dialog.create_button.isEnabled()
    dialog.place_edit.setText(str(example_project))
    dialog.name_edit.setText("backup")
    assert _problem(dialog).startswith(f"{example_project / 'backup'} is inside the project folder {example_project}")
    assert not dialog.create_button.isEnabled()
    dialog.place_edit.setText(str(place))
    assert not dialog.problem.isVisible() and dialog.create_button.isEnabled()


def test_import_into_a_place_that_does_not_exist_yet_makes_it(
    window, qtbot, place: Path, example_project: Path, tmp_path: Path
) -> None:
    """An administrator typed a new folder as the place ("…/Branding projects"): Import stayed off,
    "does not exist; use Browse… to choose another place", though the import makes missing folders.
    Now the dialog says which folders it makes, and the import makes them."""
    from designer.core.export import export_package

    source = tmp_path / "branding.zip"
    export_package(example_project, source)
    new_place = place / "Branding projects" / "2026"
    seen: dict[str, object] = {}

    def fill(dialog: NewProjectDialog) -> None:
        dialog.place_edit.clear()
        qtbot.keyClicks(dialog.place_edit, str(new_place))
        seen["problem"] = dialog.problem.isVisible()
        seen["shown"] = dialog.path_label.text().replace("\u200b", "")
        seen["enabled"] = dialog.create_button.isEnabled()
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
        if dialog.isVisible():  # (Import off: the dialog would wait for the user)
            dialog.reject()

    _in_next_dialog(qtbot, fill)
    window.import_zip(source)
    target = new_place / "branding"
    assert seen == {
        "problem": False,
        "shown": f"Creates the folder {target} (and {new_place}, which does not exist yet)",
        "enabled": True,
    }
    assert window.package is not None and window.package.root == target / "webapp2"
    assert (target / "webapp2" / "settings.json").is_file()
    assert QSettings().value(PLACE_KEY) == str(new_place)


def test_a_new_place_is_refused_under_a_file_or_where_one_may_not_write(tmp_path: Path, monkeypatch) -> None:
    """What decides for a place that does not exist yet is the nearest folder that does."""
    from designer.core.archive import import_target_refusal
    from designer.core.newproject import folder_refusal

    def refusal(place: Path) -> str | None:
        return folder_refusal(place, "x", import_target_refusal)

    (tmp_path / "notes.txt").write_text("mine")
    assert refusal(tmp_path / "notes.txt" / "a" / "b") == (
        f"{tmp_path / 'notes.txt'} is a file, not a folder; use Browse… to choose another place."
    )
    (tmp_path / "gone").symlink_to(tmp_path / "nowhere")
    assert "is a symbolic link that leads nowhere, not a folder" in refusal(tmp_path / "gone" / "a")
    locked = tmp_path / "locked"
    locked.mkdir()
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **k: False if Path(p) == locked else real(p, mode, **k))
    assert (
        refusal(locked / "new" / "deeper")
        == f"You have no permission to create folders in {locked}; choose another place."
    )
    assert refusal(tmp_path / "new" / "deeper") is None


def test_the_import_dialog_offers_a_double_zip_download_without_its_zip_ending(qtbot, place: Path) -> None:
    """A download saved as 'branding.zip.zip' (Windows hides the ending the browser added) was
    offered the name 'branding.zip', which the import refuses as a ZIP file's name: Import was off
    for the name the dialog itself had offered."""
    from designer.gui.panes.new_project_dialog import import_folder_dialog

    dialog = _shown_dialog(qtbot, import_folder_dialog(None, place / "branding.zip.ZIP"))
    assert dialog.name_edit.text() == "branding"
    assert not dialog.problem.isVisible() and dialog.create_button.isEnabled()
    dialog.name_edit.setText("typed.zip")
    assert "is a ZIP file's name" in _problem(dialog) and not dialog.create_button.isEnabled()


@pytest.mark.parametrize("kind", ["new", "import", "save as"])
def test_a_place_too_long_for_the_file_system_is_said_and_the_button_stays_off(
    qtbot, place: Path, example_project: Path, kind: str
) -> None:
    """A place typed with a folder name of more than 255 letters (or a path longer than the
    system takes) raised "File name too long" while the dialog looked at it: nothing was said,
    and its button stayed on."""
    from designer.gui.panes.new_project_dialog import import_folder_dialog, save_as_folder_dialog

    dialog = {
        "new": lambda: NewProjectDialog(),
        "import": lambda: import_folder_dialog(None, example_project.parent / "branding.zip"),
        "save as": lambda: save_as_folder_dialog(None, example_project, example_project),
    }[kind]()
    _shown_dialog(qtbot, dialog)
    dialog.place_edit.clear()
    for typed in (str(place / ("p" * 256)), str(place) + ("/" + "q" * 200) * 25):
        dialog.place_edit.setText(typed)
        assert "File name too long" in _problem(dialog) and typed in _problem(dialog)
        assert not dialog.create_button.isEnabled()
    dialog.place_edit.setText(str(place))
    assert not dialog.problem.isVisible() and dialog.create_button.isEnabled()


def test_a_name_or_place_pasted_with_a_line_break_is_taken_on_one_line(qtbot, place: Path) -> None:
    """A name copied with its line break ("Q3 sales⏎", a line of a document) was refused as "an
    invisible control character (U+000A)", Create off, while the plugin's own fields turn the
    same paste into one line. Here too: a break inside is a space, one at either end goes."""
    dialog = _dialog(qtbot)
    QApplication.clipboard().setText("Q3\r\nsales\n")
    dialog.name_edit.selectAll()
    qtbot.keySequence(dialog.name_edit, "Ctrl+V")
    assert dialog.name_edit.text() == "Q3 sales"
    assert not dialog.problem.isVisible() and dialog.create_button.isEnabled()
    QApplication.clipboard().setText(f"{place}\n")
    dialog.place_edit.setFocus()
    dialog.place_edit.selectAll()
    qtbot.keySequence(dialog.place_edit, "Ctrl+V")
    assert dialog.place_edit.text() == str(place)
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.chosen_path() == place / "Q3 sales"


def test_a_place_named_in_latin1_is_used_not_made_anew(qtbot, place: Path, tmp_path: Path) -> None:
    """Save As (or Import) from a project in a folder named on an old Latin-1 share, b"gaml\\xe5":
    Qt drops the byte, so the place offered was ".../gaml", and Save As said it would make that
    folder and put the copy there, beside the real one. The place shown is the real one now."""
    odd = Path(os.fsdecode(os.fsencode(tmp_path) + b"/gaml\xe5"))
    odd.mkdir()
    dialog = NewProjectDialog(place=odd, name="proj copy")
    qtbot.addWidget(dialog)
    assert dialog.place_edit.text() == f"{tmp_path}/gaml"  # (all Qt can show of it)
    assert dialog.chosen_path() == odd / "proj copy"
    assert "does not exist yet" not in dialog.path_label.text()


def test_create_follows_the_name_when_pyside_takes_its_button_for_deleted(qtbot, place: Path) -> None:
    """The Create button is one Qt makes (the button box's OK): PySide can mark the Python object
    kept for it deleted while it lives on (see HeldViewport), and each keystroke in the name then
    raised "Internal C++ object already deleted", Create staying as it was. It is asked for anew."""
    import shiboken6
    from PySide6.QtWidgets import QPushButton

    dialog = _dialog(qtbot)
    shiboken6.invalidate(dialog.findChild(QPushButton, "createProjectButton"))
    dialog.name_edit.clear()
    qtbot.keyClicks(dialog.name_edit, "Q3: sales")
    assert not dialog.findChild(QPushButton, "createProjectButton").isEnabled()
    dialog.name_edit.setText("Q3 sales")
    assert dialog.findChild(QPushButton, "createProjectButton").isEnabled()
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.chosen_path() == place / "Q3 sales"
