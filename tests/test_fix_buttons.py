"""Every kind of one-click Fix in the Problems dock, used as a user would: click it, save,
Ctrl+Z, save, Ctrl+Shift+Z, save. Undo gives back every file byte for byte; Redo the fixed ones.

Why a table over every kind: each fixer writes files its own way (JSON edits keep the layout,
source edits keep the line ends, deletions go to the project's trash), and a fix whose undo
left a byte changed went unnoticed until a user compared the files.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from broken_cases import (
    POSITIVE,
    _second_plugin,
    _utf16,
    icon,
    make_webapp2,
    r,
    rm,
    steps,
    w,
)
from conftest import FIXTURES, snapshot
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from designer.core.fixes import FIXERS
from designer.gui.main_window import MainWindow

PKG = "plugins/rec/rec.plugin.package.json"
JS = "plugins/rec/rec.plugin.js"
SVG = "plugins/rec/rec.svg"
DOCTYPE = '<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd">\n'


def _same_id_twice(root: Path) -> None:
    _second_plugin(root)
    for rel in ("plugins/rec2/rec2.plugin.package.json", "plugins/rec2/rec.plugin.js", "settings.json"):
        (root / rel).write_text((root / rel).read_text().replace("rec-2.0", "rec-1.0"))


# kind -> how to break the base project so that a problem offers that kind of fix
BREAKS = {
    "remove-trailing-comma": r("settings.json", '"enabled": true\n', '"enabled": true,\n'),
    "add-missing-comma": r("settings.json", '"id": "rec-1.0",', '"id": "rec-1.0"'),
    "use-double-quotes": r(PKG, '"name": "Record"', "'name': 'Record'"),
    "straighten-quotes": r(PKG, '"name": "Record"', "“name”: “Record”"),
    "remove-comments": r("manifest.json", "{\n", "{\n    // uploaded on Monday\n"),
    "quote-names": r(PKG, '"name": "Record"', 'name: "Record"'),
    "lowercase-constants": r(PKG, '"allowUnload": true', '"allowUnload": True'),
    "double-backslashes": r(PKG, '"Start and stop recording"', r'"Saved in C:\Recordings\Plugins"'),
    "add-missing-colon": r(PKG, '"name": "Record"', '"name" "Record"'),
    "escape-tabs-and-line-breaks": r(PKG, '"Start and stop recording"', '"Start and stop\n    recording"'),
    "add-missing-bracket": r("settings.json", "    ]\n}\n", "    ]\n"),
    "remove-dead-duplicate": r(PKG, '"label": "Record",', '"label": "Rec",\n                "label": "Record",'),
    "delete-file": w("plugins/rec/old.svg", '<svg xmlns="http://www.w3.org/2000/svg" id="old" viewBox="0 0 24 24"/>\n'),
    "set-svg-ref": w(
        SVG,
        '<svg xmlns="http://www.w3.org/2000/svg" id="rec" viewBox="0 0 24 24">\n'
        '    <defs><circle id="dot" cx="12" cy="12" r="6"/></defs>\n    <use href="#Dot"/>\n</svg>\n',
    ),
    "rename-pex-action": r(
        JS,
        "    function unload() {}\n",
        "    function unload() {}\n"
        "    PEX.actions$.ofType(PEX.actions.RECEIVE_CHAT_MESAGE).subscribe(function () {});\n",
    ),
    "sanitise-svg": r(SVG, 'fill="currentColor">', 'fill="currentColor" onload="alert(1)">'),
    "remove-svg-doctype": lambda root: (root / SVG).write_text(DOCTYPE + (root / SVG).read_text()),
    "add-svg-viewbox": r(SVG, 'viewBox="0 0 24 24"', 'width="24" height="24"'),
    "set-register-id": r(JS, "id: 'rec-1.0'", "id: 'rec-0.9'"),
    "add-registered-key": r(JS, "unload: unload,\n        record: record\n", "unload: unload\n"),
    "rename-registered-key": r(JS, "record: record", "recrd: record"),
    "create-action": steps(
        r(JS, "function record() {", "function other() {"),
        r(JS, "unload: unload,\n        record: record\n", "unload: unload\n"),
    ),
    "rename-api-member": r(JS, "sendRequest", "sendRequst"),
    "expand-snippet": r(JS, "function record() {\n", "function record() {\n        dialog\n"),
    "declare-subscriptions": r(
        JS,
        "conferenceDetails$) {}\n",
        "conferenceDetails$) {\n        subscriptions.push(participants$.subscribe(function () {}));\n    }\n",
    ),
    "set-call-argument": r(
        JS, "sendRequest('/lock');", "sendRequest('/lock');\n        PEX.pluginAPI.transformConferenceLayout('1:7');"
    ),
    "create-settings": rm("settings.json"),
    "list-package": steps(_second_plugin, w("settings.json", (FIXTURES / "base/webapp2/settings.json").read_text())),
    "rename-settings-key": r("settings.json", '"plugins"', '"plugin"'),
    "rename-settings-entry-key": r("settings.json", '"enabled": true', '"Enabled": false'),
    "create-manifest": rm("manifest.json"),
    "set-settings-branded": r("manifest.json", '"isSettingsBranded": true', '"isSettingsBranded": false'),
    "new-branding-id": r("manifest.json", '"brandingID": 1700000000000', '"brandingID": ""'),
    "set-settings-id": r("settings.json", '"id": "rec-1.0"', '"id": "rec-old"'),
    "set-settings-src": r(
        "settings.json", "plugins/rec/rec.plugin.package.json", "plugins/rec/REC.plugin.package.json"
    ),
    "set-settings-enabled": steps(
        r("settings.json", '"enabled": true', '"enabled": false'),
        r(PKG, '"allowUnload": true', '"allowUnload": false'),
    ),
    "remove-settings-entry": r(
        "settings.json",
        "    ]\n",
        '        ,{\n            "id": "rec-1.0",\n            "srcURL": "plugins/rec/rec.plugin.package.json",\n'
        '            "enabled": true\n        }\n    ]\n',
    ),
    "rename-plugin-id": _same_id_twice,
    "set-icon-ref": icon("rec.svg#REC"),
    "add-svg-root-id": r(SVG, ' id="rec"', ""),
    "create-icon-file": icon("gone.svg#gone"),
    "make-hosts-only": steps(
        r(PKG, '"participantRoles": ["chair"]', '"participantRoles": ["chair", "guest"]'),
        r(JS, "sendRequest('/lock')", "sendRequest('/muteguests')"),
    ),
    # (guests too would be right, and raise the source's PD517: the base plugin locks the meeting)
    "set-package-list": r(PKG, '["chair"]', '["HOST", "Chair"]'),
    "set-package-src": r(PKG, '"rec.plugin.js"', '"rec.plugin.jss"'),  # (a near spelling of the file there)
    "rename-package-key": r(PKG, '"menuItems"', '"menuitems"'),
    "set-package-name": r(PKG, '"name": "Record"', '"name": ""'),
    "set-item-label": r(PKG, '"label": "Record"', '"label": 42'),  # (a number: written as text)
    "make-menu-item": r(
        PKG,
        '{\n                "icon": "rec.svg#rec",\n                "label": "Record",\n                "action": "record"\n            }',
        '"record"',
    ),
    "set-package-description": r(PKG, '"Start and stop recording"', '["Start and stop", "recording"]'),
    "save-as-utf8": _utf16("plugins/rec/rec.plugin.js"),
    "remove-control-characters": r(PKG, '"name": "Record"', '"name": "Rec\\u001b[31mord"'),
    "set-allow-unload": r(PKG, '"allowUnload": true', '"allowUnload": "false"'),
    "set-entry-enabled": r("settings.json", '"enabled": true', '"enabled": "false"'),
    "set-package-version": r(PKG, '"version": 1.0', '"version": null'),
    "set-item-action": r(PKG, '"action": "record"', '"action": "record()"'),
    "list-lone-item": steps(r(PKG, '"toolbar": [', '"toolbar":'), r(PKG, "}\n        ]\n", "}\n")),
}


def test_every_fix_kind_has_a_broken_project() -> None:
    assert sorted(BREAKS) == sorted(FIXERS)


def _rows(window: MainWindow) -> list[tuple[str, str, str]]:
    """What the Problems dock shows: code, place (file:line:column) and message of each row.

    The place too: after Save then Undo, a problem in settings.json was said to be on line 1
    (or on another entry's line), told from the saved text where it no longer was.
    """
    return [(row.text(2), row.text(1), row.text(0)) for row in window.problems_view.problem_items()]


def _fix_row(window: MainWindow, kind: str):
    rows = [
        row
        for row in window.problems_view.problem_items()
        if (p := row.data(0, Qt.ItemDataRole.UserRole)).fix is not None and p.fix.kind == kind
    ]
    assert rows, _rows(window)
    return rows[0]


@pytest.mark.parametrize("kind", sorted(BREAKS))
def test_fix_then_undo_gives_back_every_byte_and_redo_the_fix(
    window: MainWindow, qtbot, tmp_path: Path, kind: str
) -> None:
    project = tmp_path / "p"
    shutil.copytree(FIXTURES / "base", project)
    BREAKS[kind](project / "webapp2")
    broken = snapshot(project / "webapp2")
    window.open_path(project)
    before = _rows(window)
    row = _fix_row(window, kind)
    problem = row.data(0, Qt.ItemDataRole.UserRole)
    button = window.problems_view.itemWidget(row, 3)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _rows(window) != before)
    after = _rows(window)
    assert (problem.code, problem.location(), problem.message) not in after
    assert set(after) <= set(before), (before, after)
    assert window.status.text().startswith("Fixed: ")
    undo = window.findChild(QAction, "undoAction")
    assert undo.isEnabled() and undo.text().startswith("&Undo ")
    assert window.save()
    fixed = snapshot(project / "webapp2")
    assert fixed != broken
    qtbot.keySequence(window, "Ctrl+Z")
    qtbot.waitUntil(lambda: _rows(window) == before)
    assert window.save()
    assert snapshot(project / "webapp2") == broken
    qtbot.keySequence(window, "Ctrl+Shift+Z")
    qtbot.waitUntil(lambda: _rows(window) == after)
    assert window.save()
    assert snapshot(project / "webapp2") == fixed


def test_a_fix_in_a_zip_opened_read_only_is_offered_after_an_import(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch
) -> None:
    """The problem of a read-only ZIP had no button at all, nothing said a fix was there once the
    ZIP was imported; its button now says so, and imports the ZIP (then the fix is one click)."""
    import zipfile

    project = tmp_path / "p"
    shutil.copytree(FIXTURES / "base", project)
    BREAKS["set-settings-branded"](project / "webapp2")
    source = tmp_path / "branding.zip"
    with zipfile.ZipFile(source, "w") as zf:
        for rel, data in snapshot(project).items():
            zf.writestr(rel, data)
    zipped = source.read_bytes()
    window.open_path(source)
    (row,) = window.problems_view.problem_items()
    button = window.problems_view.itemWidget(row, 3)
    assert button is not None and button.text() == "Import to fix…"
    assert "Mark the package as branded" in button.toolTip() and "read-only" in button.toolTip()
    target = tmp_path / "editable"
    monkeypatch.setattr("designer.gui.panes.new_project_dialog.ask_import_folder", lambda parent, source: target)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.package.files.writable)
    (row,) = window.problems_view.problem_items()
    button = window.problems_view.itemWidget(row, 3)
    assert button.text() == "Mark the package as branded"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not list(window.problems_view.problem_items()))
    assert window.save()
    assert '"isSettingsBranded": true' in (target / "webapp2/manifest.json").read_text()
    assert source.read_bytes() == zipped  # the ZIP itself is left as it was


MANY = [
    "set-settings-branded",
    "set-icon-ref",
    "rename-api-member",
    "add-svg-viewbox",
    "set-settings-enabled",
    "remove-dead-duplicate",
    "set-settings-id",
    "sanitise-svg",
]


def test_fix_buttons_one_by_one_write_what_check_fix_writes_and_undo_all_gives_the_files_back(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    """The dock has no 'Fix all': clicking each Fix in turn must end where `check --fix` does."""
    from designer.core.checks import run_checks
    from designer.core.fixes import fix_all
    from designer.core.model import load, save

    for name in ("gui", "cli"):
        shutil.copytree(FIXTURES / "base", tmp_path / name)
        for kind in MANY:
            BREAKS[kind](tmp_path / name / "webapp2")
    broken = snapshot(tmp_path / "gui/webapp2")
    pkg = load(tmp_path / "cli")
    assert len(fix_all(pkg, run_checks)) == len(MANY)
    save(pkg)
    window.open_path(tmp_path / "gui")
    view = window.problems_view
    for _ in MANY:
        before = _rows(window)
        row = next(r for r in view.problem_items() if view.itemWidget(r, 3) is not None)
        qtbot.mouseClick(view.itemWidget(row, 3), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda before=before: _rows(window) != before)
    assert _rows(window) == []
    assert window.save()
    assert snapshot(tmp_path / "gui/webapp2") == snapshot(tmp_path / "cli/webapp2")
    for _ in MANY:
        qtbot.keySequence(window, "Ctrl+Z")
    assert not window.findChild(QAction, "undoAction").isEnabled()
    assert window.save()
    assert snapshot(tmp_path / "gui/webapp2") == broken


def test_a_package_file_with_another_plugins_id_takes_the_id_the_list_and_source_agree_on(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    """A second plugin's package file copied from the first kept its id ('rec-1.0'), while
    settings.json and its registerPlugin say 'rec-2.0'. The fixes of PD504 and PD203 spread the
    package file's id: the source, then the list, said 'rec-1.0' too, two plugins had one id
    (PD202), whose fix made up 'rec-1.0-2'; the id the list and the source agreed on was lost.
    One click now gives the package file that id, and nothing else changes."""
    project = tmp_path / "p"
    shutil.copytree(FIXTURES / "base", project)
    root = project / "webapp2"
    _second_plugin(root)
    pkg2 = root / "plugins/rec2/rec2.plugin.package.json"
    pkg2.write_text(pkg2.read_text().replace('"id": "rec-2.0"', '"id": "rec-1.0"'))
    broken = snapshot(root)
    window.open_path(project)
    rows = _rows(window)
    assert {code for code, _, _ in rows} == {"PD203", "PD504"}, rows
    for row in window.problems_view.problem_items():  # both offer the same repair
        fix = row.data(0, Qt.ItemDataRole.UserRole).fix
        assert fix.title == "Use the plugin list's id 'rec-2.0' in the package file"
    row = _fix_row(window, "rename-plugin-id")
    qtbot.mouseClick(window.problems_view.itemWidget(row, 3), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _rows(window) == [])
    assert window.save()
    after = snapshot(root)
    assert {rel for rel in after if after[rel] != broken.get(rel)} == {"plugins/rec2/rec2.plugin.package.json"}
    assert '"id": "rec-2.0"' in pkg2.read_text()
    assert "id: 'rec-2.0'" in (root / "plugins/rec2/rec.plugin.js").read_text()


@pytest.mark.parametrize(
    "broken",
    [
        r("settings.json", '"srcURL":', '"src":'),  # the key misspelt: the entry has no srcURL
        r("settings.json", '"plugins/rec/rec.plugin', '"../rec.plugin'),  # outside the package
        r("settings.json", '"plugins/rec/', '"https://example.com/'),  # on another server
        steps(  # and the package file saved by a Windows editor, with a byte-order mark
            r("settings.json", '"srcURL":', '"src":'),
            lambda root: (root / PKG).write_bytes(b"\xef\xbb\xbf" + (root / PKG).read_bytes()),
        ),
    ],
    ids=["no-srcURL", "outside", "other-server", "byte-order-mark"],
)
def test_a_package_file_its_entry_cannot_load_is_pointed_to_not_listed_twice(
    window: MainWindow, qtbot, tmp_path: Path, broken, capsys
) -> None:
    """An entry whose srcURL is missing, outside the package or on another server, beside the
    unlisted package file with its id: 'Add it to the plugin list' made a second entry with that
    id (a new error, PD202), and `check --fix` then renamed the plugin everywhere ('rec-1-0' in
    the package file, the source and the list) and left the broken entry as it was. The fix now
    points that entry at the file: one click, no new problem, the ids as they were."""
    from designer.cli import main

    for name in ("gui", "cli"):
        shutil.copytree(FIXTURES / "base", tmp_path / name)
        broken(tmp_path / name / "webapp2")
    assert main(["check", "--fix", str(tmp_path / "cli")]) == 0, capsys.readouterr()
    window.open_path(tmp_path / "gui")
    # (the project page said the fix adds it to the list: it points the entry at it)
    assert "Fix on PD205 under Problems lists it there." in window.details.toPlainText()
    before = _rows(window)
    row = _fix_row(window, "set-settings-src")
    assert row.data(0, Qt.ItemDataRole.UserRole).code == "PD205"
    assert "Point that entry here" in row.text(0)
    qtbot.mouseClick(window.problems_view.itemWidget(row, 3), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _rows(window) != before)
    assert _rows(window) == []
    assert window.save()
    settings = json.loads((tmp_path / "gui/webapp2/settings.json").read_text())
    assert [(e["id"], e["srcURL"]) for e in settings["plugins"]] == [("rec-1.0", "plugins/rec/rec.plugin.package.json")]
    assert snapshot(tmp_path / "gui/webapp2") == snapshot(tmp_path / "cli/webapp2")


@pytest.mark.parametrize(
    "kind, how",
    [("rename-api-member", "deleted"), ("add-svg-viewbox", "a folder"), ("use-double-quotes", "deleted")],
)
def test_a_fix_whose_file_went_since_it_was_checked_says_so_and_changes_nothing(
    window: MainWindow, qtbot, tmp_path: Path, kind: str, how: str
) -> None:
    """Another program deleted the file a Fix edits (or put a folder in its place) while it was
    not on show: the click did nothing at all, not a word in the window (the traceback went to
    the terminal). Now the status bar says why, naming the file, and the problems are checked
    again; no undo step is left behind."""
    project = tmp_path / "p"
    shutil.copytree(FIXTURES / "base", project)
    BREAKS[kind](project / "webapp2")
    window.open_path(project)
    row = _fix_row(window, kind)
    path = project / "webapp2" / row.data(0, Qt.ItemDataRole.UserRole).fix.args.get("file", PKG)
    path.unlink()
    if how == "a folder":
        path.mkdir()
    qtbot.mouseClick(window.problems_view.itemWidget(row, 3), Qt.MouseButton.LeftButton)
    assert window.status.text().startswith("Could not fix: "), window.status.text()
    assert path.name in window.status.text() and "Nothing was changed" in window.status.text()
    assert not window.findChild(QAction, "undoAction").isEnabled()
    assert path.is_dir() if how == "a folder" else not path.exists()


def test_sanitising_an_icon_written_on_windows_keeps_its_line_endings_and_byte_order_mark(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    """The sanitiser reads CRLF as LF and drops a byte-order mark: 'Sanitise icon' on an icon
    saved on Windows changed every line of it, not only the event handler it was for."""
    project = tmp_path / "p"
    shutil.copytree(FIXTURES / "base", project)
    svg = project / "webapp2" / SVG
    svg.write_bytes(b"\xef\xbb\xbf" + svg.read_bytes().replace(b"\n", b"\r\n"))
    clean = svg.read_bytes()
    BREAKS["sanitise-svg"](project / "webapp2")
    window.open_path(project)
    row = _fix_row(window, "sanitise-svg")
    qtbot.mouseClick(window.problems_view.itemWidget(row, 3), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _rows(window) == [])
    assert window.save()
    assert svg.read_bytes() == clean


def test_right_after_a_fix_removes_a_plugins_entry_the_tree_has_no_row_for_it(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    """PD202's Fix removed the second 'rec-1.0' entry, and the tree kept its row until the checks ran
    again (a pause, seconds with a big source checked on a worker): chosen then, that row raised
    IndexError, and so did Plugin ▸ Remove. The tree follows the fix at once."""
    case = next(c for c in POSITIVE if c.name == "duplicate-id")
    window.open_path(make_webapp2(tmp_path / "p" / "webapp2", case.mutate))
    view = window.problems_view
    row = next(r for r in view.problem_items() if r.text(2) == "PD202")
    qtbot.mouseClick(view.itemWidget(row, 3), Qt.MouseButton.LeftButton)
    root = window.tree.topLevelItem(0)
    assert [root.child(i).text(0) for i in range(root.childCount())] == ["settings.json", "manifest.json", "Record"]
    window.tree.setCurrentItem(root.child(2))
    window.findChild(QAction, "plugin_removeAction").trigger()
    assert window.package.plugins == []
