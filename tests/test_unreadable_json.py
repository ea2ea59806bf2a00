"""A settings.json that cannot be read is never replaced behind the user's back, and fixing it
in the editor brings the package back."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import open_in_editor
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox

from designer.core.checks import run_checks
from designer.core.model import Settings, UnreadableFileError, load, save
from designer.core.plugins import add_plugin

BROKEN = '{\n    "plugins": [\n        {"id": "rec-1.0", "srcURL": "plugins/rec/rec.plugin.package.json", "enabled": true},\n    ]\n}\n'


@pytest.fixture
def broken_settings(base_project: Path) -> Path:
    (base_project / "webapp2" / "settings.json").write_text(BROKEN, encoding="utf-8")
    return base_project


def test_no_plugin_is_added_to_an_unreadable_settings_json(broken_settings: Path) -> None:
    pkg = load(broken_settings)
    assert pkg.settings is None and not pkg.plugins
    with pytest.raises(ValueError, match="settings.json cannot be read"):
        add_plugin(pkg, "Second")
    assert not pkg.plugins and not pkg.pending_texts


def test_save_never_replaces_a_file_it_could_not_read(broken_settings: Path) -> None:
    pkg = load(broken_settings)
    pkg.settings = Settings(raw={"plugins": []})  # a model of settings.json made without the file
    with pytest.raises(UnreadableFileError, match="settings.json could not be read"):
        save(pkg)
    assert (broken_settings / "webapp2" / "settings.json").read_text(encoding="utf-8") == BROKEN


def test_add_plugin_says_why_not_and_writes_nothing(window, qtbot, broken_settings: Path, monkeypatch) -> None:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text, *a: said.append(text))
    asked: list[object] = []
    monkeypatch.setattr("PySide6.QtWidgets.QInputDialog.getText", lambda *a, **k: asked.append(a) or ("X", True))
    window.open_path(broken_settings)
    window.plugin_actions["add"].trigger()
    assert said and "Fix settings.json first" in said[0]
    assert not asked  # the name is not asked for in vain
    assert window.package.plugins == [] and window.editor.undo_stack.count() == 0


def test_fixing_settings_json_in_the_editor_and_saving_brings_the_plugins_back(
    window, qtbot, broken_settings: Path
) -> None:
    editor = open_in_editor(window, broken_settings, "settings.json")
    assert not editor.isReadOnly()  # the forms cannot write it, so the text can be fixed
    assert "PD100" in {p.code for p in window.problems}
    comma = editor.toPlainText().index("},\n    ]") + 1
    cursor = editor.textCursor()
    cursor.setPosition(comma)
    cursor.setPosition(comma + 1, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.package is not None and len(window.package.plugins) == 1)
    assert "PD100" not in {p.code for p in window.problems}
    assert "settings.json read again" in window.status.text()
    assert not window.isWindowModified()
    assert '"enabled": true}\n    ]' in (broken_settings / "webapp2" / "settings.json").read_text(encoding="utf-8")


def test_while_settings_json_cannot_be_read_the_plugins_on_disk_are_still_checked(base_project: Path) -> None:
    """A settings.json that is not valid JSON hid every other problem: the check listed that one
    file, the user fixed it and got a new list (a broken source, a broken package file). Now
    the plugins found in the plugins folder are checked too, each problem saying it was found on
    disk, with no 'not listed in settings.json' for each of them and no fix (the model has no
    plugin to fix until settings.json can be read)."""
    web = base_project / "webapp2"
    (web / "settings.json").write_text('{\n    "plugins": [\n        {"id": "rec-1.0",}\n    ]\n}\n')
    js = web / "plugins" / "rec" / "rec.plugin.js"
    js.write_text(js.read_text().replace("function unload() {}", "function unload() { break; }"))
    other = web / "plugins" / "other"
    other.mkdir()
    (other / "other.plugin.package.json").write_text('{\n    "id": "other",\n    "name": "Other"\n')
    problems = run_checks(load(base_project))
    said = {(p.code, p.file, p.line) for p in problems}
    assert ("PD100", "settings.json", 3) in said
    assert ("PD500", "plugins/rec/rec.plugin.js", 3) in said
    assert ("PD100", "plugins/other/other.plugin.package.json", 4) in said
    for p in problems:
        if p.file.startswith("plugins/"):
            assert p.message.startswith("Found on disk, not through settings.json"), p
            # (the package file's missing bracket is a repair of its text alone: see below)
            assert p.fix is None or p.file == "plugins/other/other.plugin.package.json", p
    assert [p for p in problems if p.code == "PD205"] == []
    assert len(problems) == len({(p.code, p.file, p.line, p.column, p.message) for p in problems})


def test_with_a_readable_settings_json_nothing_is_said_to_be_found_on_disk(base_project: Path) -> None:
    web = base_project / "webapp2"
    js = web / "plugins" / "rec" / "rec.plugin.js"
    js.write_text(js.read_text().replace("function unload() {}", "function unload() { break; }"))
    problems = run_checks(load(base_project))
    assert [p.code for p in problems if p.file.startswith("plugins/")] == ["PD500"]
    assert [p for p in problems if "Found on disk" in p.message] == []
    # settings.json missing: its own fix lists what is on disk (PD200), and the plugins found there
    # are checked meanwhile ("0 plugins checked" hid their problems until the list was made again).
    (web / "settings.json").unlink()
    problems = run_checks(load(base_project))
    assert [p.code for p in problems] == ["PD500", "PD200"]
    assert problems[0].message.startswith("Found on disk, not through settings.json (which is missing): ")


def test_the_window_lists_the_problems_of_plugins_found_on_disk_while_settings_json_is_broken(
    window, qtbot, broken_settings: Path
) -> None:
    js = broken_settings / "webapp2" / "plugins" / "rec" / "rec.plugin.js"
    js.write_text(js.read_text().replace("function unload() {}", "function unload() { break; }"))
    window.open_path(broken_settings)
    view = window.problems_view
    rows = {row.text(2): row for row in view.problem_items()}
    assert set(rows) == {"PD100", "PD500"}
    assert "Found on disk" in rows["PD500"].toolTip(0) + rows["PD500"].text(0) + rows["PD500"].text(1)
    assert view.itemWidget(rows["PD500"], 3) is None  # no fix button: no plugin in the model to fix yet
    # The status line said "0 plugins" of a package whose one plugin was being checked.
    assert window.status.text().endswith(": settings.json cannot be read, 2 errors"), window.status.text()


def test_the_cli_summary_counts_the_plugins_found_on_disk_while_settings_json_is_broken(
    base_project: Path, capsys
) -> None:
    """It said '0 plugins checked' under the problems of the plugins it had just checked on disk."""
    import json

    from designer.cli import main

    web = base_project / "webapp2"
    (web / "settings.json").write_text('{\n    "plugins": [\n        {"id": "rec-1.0",}\n    ]\n}\n')
    assert main(["check", str(base_project)]) == 1
    assert "1 plugin found on disk checked (settings.json cannot be read): 1 error" in capsys.readouterr().err
    assert main(["check", "--json", str(base_project)]) == 1
    summary = json.loads(capsys.readouterr().out)["summary"]
    assert summary["plugins"] == 0 and summary["plugins_found_on_disk"] == 1
    (web / "settings.json").write_text('{\n    "plugins": []\n}\n')
    main(["check", "--json", str(base_project)])
    assert "plugins_found_on_disk" not in json.loads(capsys.readouterr().out)["summary"]


MISSPELT = '{\n    "Plugins": [\n        {"id": "rec-1.0", "srcURL": "plugins/rec/rec.plugin.package.json", "enabled": true}\n    ]\n}\n'
NOT_A_LIST = (
    '{\n    "plugins": {"id": "rec-1.0", "srcURL": "plugins/rec/rec.plugin.package.json", "enabled": true}\n}\n'
)
# Only the list, without the {"plugins": ...} around it: valid JSON, but no object for the app to read.
ONLY_THE_LIST = '[\n    {"id": "rec-1.0", "srcURL": "plugins/rec/rec.plugin.package.json", "enabled": true}\n]\n'


def _break_unload(web: Path) -> None:
    js = web / "plugins" / "rec" / "rec.plugin.js"
    js.write_text(js.read_text().replace("function unload() {}", "function unload() { break; }"))


@pytest.mark.parametrize(
    "settings", [MISSPELT, NOT_A_LIST, ONLY_THE_LIST], ids=["misspelt key", "plugins not a list", "only the list"]
)
def test_while_settings_json_has_no_plugin_list_the_app_reads_the_plugins_on_disk_are_still_checked(
    base_project: Path, settings: str
) -> None:
    """A valid settings.json with the list under 'Plugins' (PD207), a "plugins" that is no list
    or only the list with no {"plugins": ...} around it (PD102) loads no plugin either, and the check said only that: the broken source of the plugin
    came up one round later. Now it is checked as found on disk, as for a settings.json that is
    not valid JSON, without a fix and without saying anything twice."""
    web = base_project / "webapp2"
    (web / "settings.json").write_text(settings)
    _break_unload(web)
    problems = run_checks(load(base_project))
    (found,) = [p for p in problems if p.file.startswith("plugins/") and p.code != "PD205"]
    assert (found.code, found.file, found.line) == ("PD500", "plugins/rec/rec.plugin.js", 3)
    assert found.message.startswith(
        "Found on disk, not through settings.json (which has no plugin list the app reads): "
    )
    assert found.fix is None
    assert {p.code for p in problems if p.file == "settings.json"} == ({"PD207"} if settings == MISSPELT else {"PD102"})
    assert len(problems) == len({(p.code, p.file, p.line, p.column) for p in problems})


def test_a_usable_plugin_list_even_an_empty_one_checks_nothing_as_found_on_disk(base_project: Path) -> None:
    web = base_project / "webapp2"
    _break_unload(web)
    (web / "settings.json").write_text('{\n    "plugins": []\n}\n')
    assert [p for p in run_checks(load(base_project)) if "Found on disk" in p.message] == []


def test_the_cli_summary_counts_the_plugins_found_on_disk_while_settings_json_has_no_plugin_list(
    base_project: Path, capsys
) -> None:
    import json

    from designer.cli import main

    web = base_project / "webapp2"
    (web / "settings.json").write_text(MISSPELT)
    _break_unload(web)
    assert main(["check", str(base_project)]) == 1
    err = capsys.readouterr().err
    assert "1 plugin found on disk checked (settings.json has no plugin list the app reads): 2 errors" in err
    assert main(["check", "--json", str(base_project)]) == 1
    summary = json.loads(capsys.readouterr().out)["summary"]
    assert summary["plugins"] == 0 and summary["plugins_found_on_disk"] == 1


def test_renaming_a_misspelt_plugin_list_in_the_window_turns_the_found_on_disk_problems_into_the_plugins_own(
    window, qtbot, base_project: Path
) -> None:
    web = base_project / "webapp2"
    (web / "settings.json").write_text(MISSPELT)
    _break_unload(web)
    window.open_path(base_project)
    view = window.problems_view
    rows = {row.text(2): row for row in view.problem_items()}
    assert set(rows) == {"PD207", "PD500"}
    assert "Found on disk" in rows["PD500"].toolTip(0) + rows["PD500"].text(0) + rows["PD500"].text(1)
    assert view.itemWidget(rows["PD500"], 3) is None
    qtbot.mouseClick(view.itemWidget(rows["PD207"], 3), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: {row.text(2) for row in view.problem_items()} == {"PD500"})
    (row,) = view.problem_items()
    assert "Found on disk" not in row.toolTip(0) + row.text(0) + row.text(1)
    assert len(window.package.plugins) == 1


@pytest.mark.parametrize("settings", [MISSPELT, NOT_A_LIST], ids=["misspelt key", "plugins not a list"])
def test_the_window_says_settings_json_has_no_plugin_list_not_no_plugins_yet(
    window, qtbot, base_project: Path, settings: str
) -> None:
    """Its plugins under 'Plugins' (or a "plugins" that is no list): the project page said "No
    plugins yet: Plugin ▸ Add Plugin… makes one" and the status "0 plugins" to someone given
    plugins, sending them to make new ones beside the list the app does not read."""
    (base_project / "webapp2" / "settings.json").write_text(settings)
    window.open_path(base_project)
    # (and the notes the Problems dock lists beside it, when there are some: ", 1 note")
    assert ": settings.json has no plugin list the app reads, 1 error" in window.status.text()
    window.tree.setCurrentItem(window.tree.topLevelItem(0))
    shown = window.details.toPlainText()
    assert "No plugins yet" not in shown
    assert "settings.json has no plugin list the app reads (line 2), so the app shows none of its plugins" in shown
    (problem,) = [p for p in window.problems if p.file == "settings.json"]
    assert problem.message in shown  # what is wrong, as Problems says it


@pytest.mark.parametrize(
    ("settings", "said"),
    [
        (BROKEN, "Found on disk, not through settings.json (which cannot be read): 1 plugin, plugins/rec/ (3 files)."),
        (
            MISSPELT,
            "Found on disk, not through settings.json (which has no plugin list the app reads): 1 plugin, "
            "plugins/rec/ (3 files).",
        ),
        ('{\n    "other": 1\n}\n', "Found on disk, not listed in settings.json: 1 plugin, plugins/rec/ (3 files)."),
        (None, "Found on disk, with no settings.json to list it: 1 plugin, plugins/rec/ (3 files)."),
    ],
    ids=["not valid JSON", "misspelt key", "no plugins key", "no settings.json"],
)
def test_the_project_page_calls_the_plugins_it_finds_on_disk_plugins(
    window, qtbot, base_project: Path, settings: str | None, said: str
) -> None:
    """While settings.json could not be read, had no plugin list the app reads or did not list
    them, the page put the plugin folders under "Kept as they are (not plugins: ...)": they are
    plugins, the ones check and the CLI name as found on disk."""
    web = base_project / "webapp2"
    (web / "themes").mkdir()
    (web / "themes" / "a.css").write_text("a{}")
    if settings is None:
        (web / "settings.json").unlink()
    else:
        (web / "settings.json").write_text(settings)
    window.open_path(base_project)
    window.tree.setCurrentItem(window.tree.topLevelItem(0))
    shown = window.details.toPlainText()
    assert said in shown
    assert "Kept as they are (not plugins: the export carries them into the ZIP unchanged): themes/." in shown
    assert "No plugins yet" not in shown
    if settings is None:  # (nothing to open and mend: PD200's Fix makes it)
        assert "There is no settings.json, so the app loads no plugin." in shown and "to mend it" not in shown


MISSPELT_LOWER = (
    '{\n    "plugns": [\n        {"id": "rec-1.0", "srcURL": "plugins/rec/rec.plugin.package.json", "enabled": true}\n'
    "    ]\n}\n"
)


def _answer_the_box(qtbot, button: str | None, seen: list[str]) -> None:
    """When the 'cannot be added' box shows, read it and click ``button`` (its object name; None: Cancel)."""
    from PySide6.QtWidgets import QApplication, QPushButton

    def click() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and box.objectName() == "cannotAddPluginBox"
        seen.append(box.text())
        seen.extend(b.text() for b in box.buttons())
        target = (
            box.findChild(QPushButton, button) if button is not None else box.button(QMessageBox.StandardButton.Cancel)
        )
        qtbot.mouseClick(target, Qt.MouseButton.LeftButton)

    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, click)


def test_add_plugin_with_a_misspelt_plugin_list_offers_to_rename_it_first(
    window, qtbot, base_project: Path, monkeypatch
) -> None:
    """With the list under 'plugns' (PD207), Add Plugin added the plugin to a new 'plugins' list
    beside it: the app then loaded the new plugin and none of the others. Now it says so, and its
    button renames the list (one undo step) before asking for the name."""
    (base_project / "webapp2" / "settings.json").write_text(MISSPELT_LOWER)
    monkeypatch.setattr("PySide6.QtWidgets.QInputDialog.getText", lambda *a, **k: ("Second", True))
    window.open_path(base_project)
    assert [p.code for p in window.problems if p.file == "settings.json"] == ["PD207"]
    seen: list[str] = []
    _answer_the_box(qtbot, "renamePluginListButton", seen)
    window.plugin_actions["add"].trigger()
    assert "settings.json lists its plugins under 'plugns', a name the app does not read" in seen[0]
    assert "Rename 'plugns' to 'plugins' first" in seen[0]
    assert "Rename 'plugns' to 'plugins' and go on" in seen[1:]
    assert [p.display_name for p in window.package.plugins][1:] == ["Second"]
    assert len(window.package.plugins) == 2  # the one listed under 'plugns', and the new one
    window.save_action.trigger()
    text = (base_project / "webapp2" / "settings.json").read_text()
    assert '"plugns"' not in text and text.count('"plugins"') == 1
    assert "rec-1.0" in text and '"second"' in text.lower()


def test_add_plugin_with_a_misspelt_plugin_list_cancelled_changes_nothing(
    window, qtbot, base_project: Path, monkeypatch
) -> None:
    (base_project / "webapp2" / "settings.json").write_text(MISSPELT_LOWER)
    asked: list[object] = []
    monkeypatch.setattr("PySide6.QtWidgets.QInputDialog.getText", lambda *a, **k: asked.append(a) or ("X", True))
    window.open_path(base_project)
    seen: list[str] = []
    _answer_the_box(qtbot, None, seen)
    window.plugin_actions["add"].trigger()
    assert seen and not asked
    assert window.package.plugins == [] and window.editor.undo_stack.count() == 0
    assert (base_project / "webapp2" / "settings.json").read_text() == MISSPELT_LOWER


def test_new_refuses_to_add_a_plugin_beside_a_misspelt_plugin_list(base_project: Path, capsys) -> None:
    from designer.cli import main

    (base_project / "webapp2" / "settings.json").write_text(MISSPELT_LOWER)
    assert main(["new", str(base_project), "--name", "Second"]) == 2
    assert "lists its plugins under 'plugns'" in capsys.readouterr().err
    assert (base_project / "webapp2" / "settings.json").read_text() == MISSPELT_LOWER
    assert not (base_project / "webapp2" / "plugins" / "second").exists()


# Not valid JSON, and no slip of editing by hand that a Fix could repair: settings.json stays unreadable.
JUNK = (
    '{\n    "plugins": [\n        {"id": "rec-1.0", "srcURL": "plugins/rec/rec.plugin.package.json", '
    '"enabled": true}\n    ]\n}\njunk\n'
)


def _package_slip(web: Path) -> tuple[Path, str]:
    """A comma after the last entry in rec's package file; the file and its text as it should be."""
    package = web / "plugins" / "rec" / "rec.plugin.package.json"
    good = package.read_text(encoding="utf-8")
    package.write_text(good.replace('"action": "record"', '"action": "record",'), encoding="utf-8")
    return package, good


def _wrong_register_id(web: Path) -> None:
    """A second plugin, 'mute', whose registerPlugin id is not its package's (PD504: its fix edits the model)."""
    shutil.copytree(web / "plugins" / "rec", web / "plugins" / "mute")
    folder = web / "plugins" / "mute"
    (folder / "rec.plugin.js").rename(folder / "mute.plugin.js")
    (folder / "mute.plugin.js").write_text(
        (folder / "mute.plugin.js").read_text().replace("'rec-1.0'", "'mute-1'"), encoding="utf-8"
    )
    package = (folder / "rec.plugin.package.json").read_text(encoding="utf-8")
    (folder / "rec.plugin.package.json").unlink()
    (folder / "mute.plugin.package.json").write_text(
        package.replace("rec-1.0", "mute-1.0").replace("rec.plugin.js", "mute.plugin.js"), encoding="utf-8"
    )


def test_a_slip_in_a_package_file_found_on_disk_has_its_fix_in_the_window(window, qtbot, base_project: Path) -> None:
    """While settings.json could not be read, the package file's comma after the last entry was
    listed without a Fix (fixes edit the plugins of the model, which has none yet), though removing
    it is a repair of that file's text alone. Now its Fix removes it, the save writes that one
    change, and undo brings it back. A problem whose fix does need the model says to fix
    settings.json first, and its button goes to settings.json's problem."""
    web = base_project / "webapp2"
    (web / "settings.json").write_text(JUNK, encoding="utf-8")
    _wrong_register_id(web)
    package, good = _package_slip(web)
    window.open_path(base_project)
    view = window.problems_view
    rows = {(row.text(2), row.text(1).split(":")[0]): row for row in view.problem_items()}
    assert set(rows) == {
        ("PD100", "settings.json"),
        ("PD100", "plugins/rec/rec.plugin.package.json"),
        ("PD504", "plugins/mute/mute.plugin.js"),
    }
    assert view.itemWidget(rows["PD100", "settings.json"], 3) is None  # (no slip: nothing to offer)
    fix = view.itemWidget(rows["PD100", "plugins/rec/rec.plugin.package.json"], 3)
    assert fix.objectName() == "fixButton" and fix.text() == "Remove the comma after the last entry"
    first = view.itemWidget(rows["PD504", "plugins/mute/mute.plugin.js"], 3)
    assert first.objectName() == "fixFirstButton" and first.text() == "Fix settings.json first"
    assert "settings.json" in first.toolTip()
    qtbot.mouseClick(first, Qt.MouseButton.LeftButton)
    assert view.currentItem().data(0, Qt.ItemDataRole.UserRole).file == "settings.json"
    assert view.hasFocus()
    # In a narrow dock a Fix button's text is cut to "Fix": this one fixes nothing, and says what comes first.
    view.resize(420, view.height())
    qtbot.waitUntil(lambda: fix.text() == "Fix")
    assert first.text() == "settings.json first"
    view.resize(1200, view.height())
    qtbot.waitUntil(lambda: first.text() == "Fix settings.json first")

    qtbot.mouseClick(fix, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (
            {row.text(1).split(":")[0] for row in view.problem_items()}
            == {"settings.json", "plugins/mute/mute.plugin.js"}
        )
    )
    assert "Remove the comma after the last entry on line 15 of plugins/rec/rec.plugin.package.json" in (
        window.status.text()
    )
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isWindowModified())
    assert package.read_text(encoding="utf-8") == good
    assert (web / "settings.json").read_text(encoding="utf-8") == JUNK
    window.editor.undo_stack.undo()
    qtbot.waitUntil(lambda: any(row.text(1).startswith("plugins/rec/") for row in view.problem_items()))


def test_check_fix_repairs_a_slip_in_a_package_file_found_on_disk(base_project: Path) -> None:
    """`check --fix` fixed a package file's slip only once settings.json could be read: behind a
    settings.json it cannot repair, the slip stayed. Now it is fixed either way (and settings.json
    too, when a Fix can repair it), with the rest of each file as it was."""
    from test_cli import run

    web = base_project / "webapp2"
    (web / "settings.json").write_text(JUNK, encoding="utf-8")
    package, good = _package_slip(web)
    done = run("check", "--fix", base_project)
    assert done.returncode == 1, done.stderr
    assert "fixed: Remove the comma after the last entry on line 15 of plugins/rec/rec.plugin.package.json" in (
        done.stdout
    )
    assert package.read_text(encoding="utf-8") == good
    assert (web / "settings.json").read_text(encoding="utf-8") == JUNK
    assert "rec.plugin.package.json" not in done.stdout.replace("fixed: ", "\n").split("\n", 2)[-1]
    assert "1 plugin found on disk checked (settings.json cannot be read): 1 error" in done.stderr

    # settings.json with a slip of its own: both are fixed in one run, and the plugin loads.
    (web / "settings.json").write_text(BROKEN, encoding="utf-8")
    _package_slip(web)
    done = run("check", "--fix", "--json", base_project)
    assert done.returncode == 0, done.stdout + done.stderr
    out = json.loads(done.stdout)
    assert sorted(out["written"]) == ["plugins/rec/rec.plugin.package.json", "settings.json"]
    assert out["summary"]["plugins"] == 1 and out["problems"] == []
    assert package.read_text(encoding="utf-8") == good


def test_a_file_saved_as_utf16_is_saved_as_utf8_by_its_fix(base_project: Path) -> None:
    """Notepad's "Unicode" (UTF-16) for settings.json and a plugin's source: PD103 said to save
    them as UTF-8 in Notepad, with no Fix, and the designer could not even show them. Its Fix
    writes the same text as UTF-8 (nothing is guessed: UTF-16 says so in its first bytes)."""
    from designer.core.fixes import fix_all

    webapp2 = base_project / "webapp2"
    settings = webapp2 / "settings.json"
    text = settings.read_text("utf-8").replace("{", '{\n    "theme": "mørk blå 夜",', 1)
    settings.write_bytes(text.encode("utf-16"))
    source = webapp2 / "plugins/rec/rec.plugin.js"
    code = source.read_text("utf-8").replace("(function () {", "(function () { // Ηχογράφηση", 1)
    source.write_bytes(code.encode("utf-16"))
    pkg = load(base_project)
    fixes = {p.file: p.fix for p in run_checks(pkg) if p.code == "PD103"}
    assert {f: (x.kind, x.title) for f, x in fixes.items() if x} == {
        "settings.json": ("save-as-utf8", "Save it as UTF-8"),
        "plugins/rec/rec.plugin.js": ("save-as-utf8", "Save it as UTF-8"),
    }
    done = fix_all(pkg, run_checks)
    assert "Save settings.json as UTF-8" in done and "Save plugins/rec/rec.plugin.js as UTF-8" in done
    assert [p.code for p in run_checks(pkg)] == [] and [p.entry.id for p in pkg.plugins] == ["rec-1.0"]
    save(pkg)
    assert settings.read_bytes() == text.encode("utf-8") and source.read_bytes() == code.encode("utf-8")


def test_the_fix_button_saves_a_utf16_settings_json_as_utf8_and_undo_takes_it_back(
    window, qtbot, base_project: Path
) -> None:
    """In the window: the Fix of settings.json in UTF-16 brings its plugins back at once, undo
    takes that back, and the save writes UTF-8 with every key kept."""
    settings = base_project / "webapp2/settings.json"
    text = settings.read_text("utf-8").replace("{", '{\n    "theme": "mørk blå",', 1)
    settings.write_bytes(text.encode("utf-16"))
    window.open_path(base_project)
    assert window.package.plugins == []
    view = window.problems_view
    (row,) = [r for r in view.problem_items() if r.text(2) == "PD103"]
    button = view.itemWidget(row, 3)
    assert button.text() == "Save it as UTF-8"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: [p.entry.id for p in window.package.plugins] == ["rec-1.0"])
    window.editor.undo_stack.undo()
    qtbot.waitUntil(lambda: window.package.plugins == [])
    window.editor.undo_stack.redo()
    qtbot.waitUntil(lambda: len(window.package.plugins) == 1)
    assert window.save()
    assert settings.read_bytes() == text.encode("utf-8")
    qtbot.waitUntil(lambda: not [p for p in window.problems if p.code == "PD103"])


def test_the_overview_of_a_utf16_settings_json_points_to_its_fix(window, base_project: Path) -> None:
    """The project's page said "Open settings.json from the tree … to mend it" of a settings.json
    in UTF-16, which the designer cannot show: the user was sent to a page saying so. It points to
    the Fix instead."""
    settings = base_project / "webapp2/settings.json"
    settings.write_bytes(settings.read_text("utf-8").encode("utf-16"))
    window.open_path(base_project)
    shown = window.details.toPlainText()
    assert "Save it as UTF-8" in shown and "Open settings.json from the tree" not in shown, shown


def test_a_utf16_source_opened_from_the_tree_points_to_its_fix(window, base_project: Path) -> None:
    """Selecting a plugin's source saved in UTF-16 said to save it as UTF-8 in Notepad, then
    File ▸ Reload: the Fix under Problems does it in one click, and the page says so."""
    source = base_project / "webapp2/plugins/rec/rec.plugin.js"
    source.write_bytes(source.read_text("utf-8").encode("utf-16"))
    open_in_editor(window, base_project, "plugins/rec/rec.plugin.js")
    shown = window.details.toPlainText()
    assert "UTF-16" in shown and "'Save it as UTF-8'" in shown, shown


def test_a_source_saved_in_windows_1252_is_offered_utf8_as_read_so_by_a_person(base_project: Path) -> None:
    """A source saved by Notepad as "ANSI" on a Norwegian Windows ('på' as the byte 0xe5): PD103
    with no Fix. Offered now, saying how it reads the bytes, for a person to judge (never in
    check --fix's sweep: a file from another code page would be read wrongly). A file of UTF-8
    with one stray byte is offered nothing: read so, its UTF-8 letters would turn into others."""
    from designer.core.fixes import apply_fix

    source = base_project / "webapp2/plugins/rec/rec.plugin.js"
    code = source.read_text("utf-8").replace("(function () {", "(function () { // Opptak på møtet", 1)
    source.write_bytes(code.encode("cp1252"))
    pkg = load(base_project)
    [problem] = [p for p in run_checks(pkg) if p.code == "PD103"]
    assert problem.fix is not None and not problem.fix.batch
    assert problem.fix.title == "Save it as UTF-8, read as Windows-1252 ('på')"
    assert apply_fix(pkg, problem.fix) == "Save plugins/rec/rec.plugin.js as UTF-8"
    save(pkg)
    assert source.read_bytes() == code.encode("utf-8")
    source.write_bytes(code.replace("møtet", "møtet\xe9").encode("utf-8").replace("\xe9".encode(), b"\xe9"))
    [problem] = [p for p in run_checks(load(base_project)) if p.code == "PD103"]
    assert problem.fix is None


def test_the_rename_first_button_renames_when_pyside_takes_it_for_deleted(
    window, qtbot, base_project: Path, monkeypatch
) -> None:
    """'Rename … and go on' was a button Qt made (the box's addButton with a text), kept through
    the box's run: PySide can mark that Python object deleted meanwhile (see HeldViewport), the
    box's clicked button was then not it, and the click did what Cancel does."""
    import shiboken6
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QPushButton

    (base_project / "webapp2" / "settings.json").write_text(MISSPELT_LOWER)
    monkeypatch.setattr("PySide6.QtWidgets.QInputDialog.getText", lambda *a, **k: ("Second", True))
    window.open_path(base_project)

    def click() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and box.objectName() == "cannotAddPluginBox"
        shiboken6.invalidate(box.findChild(QPushButton, "renamePluginListButton"))
        qtbot.mouseClick(box.findChild(QPushButton, "renamePluginListButton"), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, click)
    window.plugin_actions["add"].trigger()
    assert [p.display_name for p in window.package.plugins][1:] == ["Second"]
