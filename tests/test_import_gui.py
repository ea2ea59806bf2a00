"""File ▸ Import ZIP into a Folder…: a read-only ZIP becomes an editable project, safely."""

from __future__ import annotations

import zipfile
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from designer.core.export import export_package


def _zip(path: Path, entries: list[tuple[str, bytes]]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries:
            zf.writestr(name, data)
    return path


def test_open_zip_then_import_it_into_a_folder(qtbot, window, example_project: Path, tmp_path, monkeypatch) -> None:
    source = tmp_path / "branding.zip"
    export_package(example_project, source)
    window.open_path(source)
    assert not window.package.files.writable
    assert "Import ZIP into a Folder" in window.status.text()
    target = tmp_path / "editable"
    monkeypatch.setattr("designer.gui.panes.new_project_dialog.ask_import_folder", lambda parent, source: target)
    window.findChild(type(window.save_action), "importZipAction").trigger()
    assert window.package.files.writable and window.package.root == target / "webapp2"
    assert len(window.package.plugins) == 3
    assert window.save_action.isEnabled()
    assert "Imported branding.zip" in window.status.text()
    # Told once of the copy kept for "What changed" (a ZIP in a hidden folder, unexplained before).
    assert window.status.text().endswith(
        f"A copy of the original ZIP is kept in {target}/.plugin-designer/imported.zip, so that the export "
        "can show what you changed; it is not uploaded."
    )
    assert (target / ".plugin-designer" / "imported.zip").read_bytes() == source.read_bytes()


def test_a_zip_opened_read_only_is_named_as_the_zip_and_its_folder(
    window, example_project: Path, tmp_path, monkeypatch
) -> None:
    """'~/branding.zip › webapp2' in the status bar and the overview, not the core's 'branding.zip!webapp2'."""
    monkeypatch.setenv("HOME", str(tmp_path))
    export_package(example_project, tmp_path / "branding.zip")
    window.open_path(tmp_path / "branding.zip")
    assert window.status.text().startswith("Opened ~/branding.zip › webapp2: 3 plugins, no errors — read-only ZIP")
    assert window.details.toPlainText().startswith("~/branding.zip › webapp2\n")


def test_hostile_zip_is_refused_and_nothing_is_written(qtbot, window, tmp_path, monkeypatch) -> None:
    source = _zip(tmp_path / "evil.zip", [("webapp2/settings.json", b"{}"), ("../../escape.txt", b"x")])
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    target = tmp_path / "out"
    assert not window.import_zip(source, target)
    assert warned and "evil.zip" in warned[0] and "Nothing was written" in warned[0]
    assert not target.exists() and not (tmp_path.parent / "escape.txt").exists()
    assert window.package is None


def test_management_node_download_gets_its_missing_files(qtbot, window, tmp_path, monkeypatch) -> None:
    source = _zip(tmp_path / "mn.zip", [("webapp2/themes/default/theme.css", b"a{}")])
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    target = tmp_path / "project"
    assert window.import_zip(source, target)
    assert (target / "webapp2" / "settings.json").is_file() and (target / "webapp2" / "manifest.json").is_file()
    assert (target / "webapp2" / "themes" / "default" / "theme.css").read_bytes() == b"a{}"
    assert not [p for p in window.problems if p.severity.value == "error"]


def test_a_folder_called_settings_json_is_not_offered_as_creatable(qtbot, window, tmp_path, monkeypatch) -> None:
    """The window offered to create settings.json over a folder of that name, and answering Yes
    ended in "Is a directory" (manifest.json not made either). Now it offers only manifest.json,
    and the folder stays for the user to rename (the problems list says so)."""
    source = _zip(tmp_path / "b.zip", [("webapp2/settings.json/notes.txt", b"mine")])
    asked: list[str] = []

    def yes(*a, **k):
        asked.append(a[2])
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    target = tmp_path / "project"
    assert window.import_zip(source, target)
    assert (
        len(asked) == 1 and asked[0].startswith("The ZIP has no manifest.json.\n") and "• settings.json" not in asked[0]
    )
    assert (target / "webapp2" / "manifest.json").is_file()
    assert (target / "webapp2" / "settings.json" / "notes.txt").read_bytes() == b"mine"
    assert [p.code for p in window.problems if p.severity.value == "error"] == ["PD200"]


def test_import_asks_before_dropping_unsaved_edits(qtbot, window, example_project: Path, tmp_path, monkeypatch) -> None:
    source = tmp_path / "branding.zip"
    export_package(example_project, source)
    window.open_path(example_project)
    window.editor.edit_text("Edit", "plugins/lock-toggle/lock-toggle.plugin.js", "// unsaved\n")
    asked: list[str] = []

    def keep(*a, **k):
        asked.append(a[1])
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", keep)
    assert not window.import_zip(source, tmp_path / "imported")
    assert asked and not (tmp_path / "imported").exists()
    assert window.package.pending_texts["plugins/lock-toggle/lock-toggle.plugin.js"] == "// unsaved\n"


def test_a_folder_that_cannot_be_made_is_a_message(qtbot, window, example_project: Path, tmp_path, monkeypatch) -> None:
    source = tmp_path / "branding.zip"
    export_package(example_project, source)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert not window.import_zip(source, blocker / "sub" / "project")
    assert warned and warned[0].endswith("nothing was imported.") and warned[0].lower().count("nothing was") == 1


def test_the_welcome_screen_offers_the_import(qtbot, window, example_project: Path, tmp_path, monkeypatch) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton

    source = tmp_path / "branding.zip"
    export_package(example_project, source)
    target = tmp_path / "from-welcome"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    monkeypatch.setattr("designer.gui.panes.new_project_dialog.ask_import_folder", lambda parent, source: target)
    qtbot.mouseClick(window.welcome.findChild(QPushButton, "importZipButton"), Qt.MouseButton.LeftButton)
    assert window.package is not None and window.package.root == target / "webapp2"


def test_opening_a_management_node_download_offers_the_import(qtbot, window, tmp_path, monkeypatch) -> None:
    """File ▸ Open ZIP on the Management Node's default download: it was refused as holding
    "no webapp2 branding"; now the import is offered, and it makes the project with both files."""
    source = _zip(
        tmp_path / "mn.zip", [("webapp2/themes/default/theme.css", b"a{}"), ("webapp/index.html", b"<html/>")]
    )
    asked: list[str] = []

    def yes(*a, **k):
        asked.append(a[2])
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: asked.append("warning: " + a[2]))
    target = tmp_path / "project"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    monkeypatch.setattr("designer.gui.panes.new_project_dialog.ask_import_folder", lambda parent, source: target)
    window.finish_menus()
    open_zip = next(a for a in window.findChildren(type(window.save_action)) if a.text() == "Open &ZIP…")
    open_zip.trigger()
    assert "looks like the default download from the Management Node" in asked[0]
    assert "Create the missing files?" not in asked[0] and "settings.json and no manifest.json" in asked[1]
    assert window.package is not None and window.package.root == target / "webapp2"
    assert (target / "webapp2" / "settings.json").is_file() and (target / "webapp2" / "manifest.json").is_file()
    assert (target / "webapp" / "index.html").read_bytes() == b"<html/>"
    assert "Imported mn.zip" in window.status.text()
    assert source.is_file()


def test_the_overview_says_which_files_besides_plugins_are_kept(qtbot, window, tmp_path, monkeypatch) -> None:
    """An administrator's company branding (themes, images, other apps) was not seen anywhere after
    the import: the overview now lists it as carried into the export unchanged."""
    source = _zip(
        tmp_path / "mn.zip",
        [
            ("webapp2/themes/default/theme.css", b"a{}"),
            ("webapp2/themes/default/fonts/a.woff2", b"\0"),
            ("webapp2/favicon.ico", b"\0"),
            ("webapp/index.html", b"<html/>"),
        ],
    )
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert window.import_zip(source, tmp_path / "project")
    shown = window.details.toPlainText()
    assert "No plugins yet: Plugin ▸ Add Plugin… or Add Plugin from Recipe… makes one." in shown
    assert (
        "Kept as they are (not plugins: the export carries them into the ZIP unchanged): favicon.ico, "
        "themes/ (2 files); next to webapp2/: webapp/." in shown
    )
    assert "Switched on when the app starts" not in shown  # no empty table


def test_a_refused_import_says_nothing_was_written_once(window, tmp_path, warnings) -> None:
    """A ZIP holding a '.plugin-designer' file beside webapp2/: the message ended "Nothing was
    imported.", then "Nothing was written." again below it."""
    source = _zip(
        tmp_path / "branding.zip",
        [("webapp2/settings.json", b'{"plugins": []}'), ("webapp2/manifest.json", b"{}"), (".plugin-designer", b"x")],
    )
    target = tmp_path / "out"
    assert not window.import_zip(source, target)
    [(title, text)] = warnings
    assert title == "The ZIP was not imported"
    assert text.startswith("branding.zip: The entry '.plugin-designer' is a file"), text
    assert text.endswith("Nothing was imported.") and text.lower().count("nothing was") == 1, text
    assert not target.exists()
    # A refusal that does not say it itself still gets it, once.
    source.write_bytes(b"not a zip")
    assert not window.import_zip(source, target)
    assert warnings[1][1].lower().count("nothing was") == 1 and warnings[1][1].endswith("Nothing was written.")


def _broken_zips(folder: Path) -> list[Path]:
    """Hostile ZIPs (the four kinds the import vets for) and broken ones (not a ZIP, cut short),
    each under a name of its own, made here rather than shipped."""
    from test_archive import _set_flags, _valid
    from test_archive import _zip as _zip_any

    made = [
        _zip_any(folder / "traversal.zip", _valid([("../evil.txt", b"x")])),
        _zip_any(folder / "bomb.zip", _valid([("webapp2/themes/bomb.css", b"\0" * (33 * 1024 * 1024))])),
        _zip_any(folder / "encrypted.zip", _valid([("webapp2/secret.css", b"s")])),
        _zip_any(folder / "duplicate.zip", _valid([("webapp2/a.css", b"a"), ("webapp2/a.css", b"b")])),
    ]
    _set_flags(folder / "encrypted.zip", b"webapp2/secret.css", set_bits=0x1)
    (folder / "not-a-zip.zip").write_bytes(b"<html>Sign in to download</html>")
    whole = _zip_any(folder / "cut-short.zip", _valid([("webapp2/a.css", b"a" * 1000)])).read_bytes()
    (folder / "cut-short.zip").write_bytes(whole[:-30])
    return [*made, folder / "not-a-zip.zip", folder / "cut-short.zip"]


def test_a_refused_zip_is_named_once_when_opened_or_imported(window, tmp_path, monkeypatch, warnings) -> None:
    """File ▸ Open ZIP and File ▸ Import ZIP on hostile and broken ZIPs: the message names the ZIP
    once. The core's refusals of the file itself start with its path, and the window put the
    name in front again: "cut-short.zip: /home/me/cut-short.zip: the ZIP file is damaged …"."""
    zips = tmp_path / "downloads"
    zips.mkdir()
    chosen: list[Path] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(chosen[-1]), ""))
    monkeypatch.setattr(
        "designer.gui.panes.new_project_dialog.ask_import_folder", lambda parent, source: tmp_path / chosen[-1].stem
    )
    open_zip = next(a for a in window.findChildren(type(window.save_action)) if a.text() == "Open &ZIP…")
    import_zip = window.findChild(type(window.save_action), "importZipAction")
    for source in _broken_zips(zips):
        chosen.append(source)
        for action, title in ((open_zip, "Cannot open"), (import_zip, "The ZIP was not imported")):
            warnings.clear()
            action.trigger()
            [(shown_title, text)] = warnings
            assert shown_title == title
            assert text.count(source.name) == 1, text
            assert text.startswith((f"{source}: ", f"{source.name}: ")), text
        assert not (tmp_path / source.stem).exists()
    assert window.package is None


def test_a_status_message_too_long_for_a_laptop_window_ends_in_dots_and_is_whole_in_its_tooltip(
    qtbot, window, example_project: Path, tmp_path, monkeypatch
) -> None:
    """At 1024 pixels the import's message ran off the window's edge mid-sentence ("…, so")
    with nothing to say that more was there, nor a way to read the rest."""
    from PySide6.QtWidgets import QLabel

    source = tmp_path / "branding.zip"
    export_package(example_project, source)
    window.resize(1024, 640)
    target = tmp_path / "editable"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    monkeypatch.setattr("designer.gui.panes.new_project_dialog.ask_import_folder", lambda parent, source: target)
    window.findChild(type(window.save_action), "importZipAction").trigger()
    whole = window.status.text()
    assert whole.endswith("it is not uploaded.")
    painted = QLabel.text(window.status)
    assert painted.endswith("…") and painted[:-1] in whole
    assert window.status.fontMetrics().horizontalAdvance(painted) <= window.status.contentsRect().width()
    assert window.status.toolTip() == whole
    window.resize(3 * window.status.fontMetrics().horizontalAdvance(whole), 640)  # room for all of it
    qtbot.waitUntil(lambda: QLabel.text(window.status) == whole)
    assert window.status.toolTip() == ""
    window.resize(1024, 640)
    qtbot.waitUntil(lambda: window.status.toolTip() == whole)
    window.status.setText("Saved 3 files")  # the next message, short: no tooltip left from the long one
    assert QLabel.text(window.status) == "Saved 3 files" and window.status.toolTip() == ""


def test_the_welcome_screen_says_which_button_takes_a_zip(window) -> None:
    """An administrator with a Management Node download hesitated between Open ZIP… and Import ZIP…
    (the first shows it read-only); the welcome text said only "export the branding ZIP your
    administrator uploads", to the administrator."""
    from PySide6.QtWidgets import QLabel

    intro = window.welcome.findChild(QLabel, "welcomeIntro")
    assert intro.isVisible()
    assert "Import ZIP… makes a project of it that you can edit; Open ZIP… only shows it." in intro.text()
    assert "your administrator" not in intro.text() and "upload on the Management Node" in intro.text()
