"""Preview crashes as PD800 problems, and the conference simulator driving the plugins."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import shiboken6
from conftest import EXAMPLE
from PySide6.QtCore import Qt
from test_preview import _PLACED, _cli, _js, _throwing_project, _wait_started

from designer.core.preview import crash_problems


def _window(qtbot: Any, project: Path) -> Any:
    from designer.gui.main_window import MainWindow

    win = MainWindow()
    win.show()
    win.open_path(project)
    win.show_preview()
    _wait_started(qtbot, win.preview_pane)
    return win


def _close(win: Any) -> None:
    if win.editor is not None:
        win.editor.undo_stack.setClean()  # no "save changes?" question on close
    win.close()
    shiboken6.delete(win)  # its page now, before Chromium's profile goes at exit


def _selected_line(win: Any) -> tuple[str, int]:
    editor = win.source_pane.editor
    return win.source_pane.current_file(), editor.textCursor().blockNumber() + 1


def test_preview_crashes_are_problems_that_jump_to_the_line_and_match_simulate(qtbot: Any, tmp_path: Path) -> None:
    project, lines = _throwing_project(tmp_path)
    win = _window(qtbot, project)
    try:
        pane = win.preview_pane
        source = "plugins/lock-toggle/lock-toggle.plugin.js"
        qtbot.waitUntil(lambda: any(p.file == source for p in win.preview_problems), timeout=5000)
        crash = next(p for p in win.preview_problems if p.file == source)
        assert crash.code == "PD800" and crash.severity.value == "error"
        assert crash.line == lines["lock-toggle"] and crash.plugin == "lock-toggle" and "load broke" in crash.message

        # Shown in the Problems dock with the checks' problems; a double-click opens the line.
        rows = [it for it in win.problems_view.problem_items() if it.text(2) == "PD800"]
        assert [r.text(1) for r in rows] == [crash.location()]
        assert len(list(win.problems_view.problem_items())) == len(win.problems) + len(win.preview_problems)
        win.problems_view.itemActivated.emit(rows[0], 0)
        assert _selected_line(win) == (source, lines["lock-toggle"])

        # A click on the error line of the preview's log goes there too.
        win.tree.setCurrentItem(win.tree.topLevelItem(0))
        doc = pane.log.document()
        block = next(b for b in (doc.findBlockByNumber(i) for i in range(doc.blockCount())) if "load broke" in b.text())
        rect = pane.log.blockBoundingGeometry(block).translated(pane.log.contentOffset()).toRect()
        with qtbot.waitSignal(pane.sig_jump, timeout=2000):
            qtbot.mouseClick(pane.log.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert _selected_line(win) == (source, lines["lock-toggle"])

        # Every button pressed: the dock's PD800 places are exactly what `simulate --json` reports.
        pane.page.runJavaScript("PD.cycle(30)")
        qtbot.waitUntil(lambda: {p.plugin for p in win.preview_problems} >= set(lines), timeout=10000)
        qtbot.wait(300)
        gui = {(p.plugin, p.file, p.line) for p in win.preview_problems}
        assert {(k, f"plugins/{k}/{k}.plugin.js", line) for k, line in lines.items()} <= gui
        result = _cli("simulate", project, "--json")
        assert result.returncode == 1
        data = json.loads(result.stdout)
        cli = crash_problems([e | {"plugin": p["key"]} for p in data["plugins"] for e in p["errors"]])
        assert {(p.plugin, p.file, p.line) for p in cli} == gui

        # A restart clears them (until the plugin crashes again).
        pane.reload()
        assert win.preview_problems == []
        assert not any(it.text(2) == "PD800" for it in win.problems_view.problem_items())
    finally:
        _close(win)


def test_simulator_drives_the_meeting_the_plugins_see(qtbot: Any, tmp_path: Path) -> None:
    from designer.core.model import load, save
    from designer.core.plugins import add_plugin_files, unique_id
    from designer.core.recipes import coerce_answers, load_recipe, render

    project = tmp_path / "sim"
    shutil.copytree(EXAMPLE, project)
    pkg = load(project)
    recipe = load_recipe("chat-keyword")
    answers, wrong = coerce_answers(recipe, {})
    assert not wrong
    add_plugin_files(pkg, render(recipe, answers, unique_id(pkg, "chat-keyword")))
    save(pkg)
    win = _window(qtbot, project)
    try:
        pane = win.preview_pane
        pane.sim_button.click()
        assert pane.sim_panel.isVisible()
        qtbot.waitUntil(lambda: pane.sim_participant.count() == 5, timeout=3000)

        # Locked: conferenceDetails$ reaches lock-toggle, whose state$ flips its label.
        pane.sim_toggles["locked"].click()
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, "PD.conference().locked") is True, timeout=3000)
        qtbot.waitUntil(
            lambda: ["toolbar", "lock-toggle", "Unlock meeting"] in json.loads(_js(qtbot, pane.page, _PLACED)),
            timeout=3000,
        )
        # A plugin's own /unlock ticks the box off again.
        _js(qtbot, pane.page, "document.querySelector('[data-kind=toolbar]').click(); true")
        qtbot.waitUntil(lambda: not pane.sim_toggles["locked"].isChecked(), timeout=3000)
        for field in ("guestsMuted", "chatEnabled"):
            before = _js(qtbot, pane.page, f"PD.conference().{field}")
            pane.sim_toggles[field].click()
            qtbot.waitUntil(lambda f=field, b=before: _js(qtbot, pane.page, f"PD.conference().{f}") is (not b))

        # Hands, guests.
        pane.sim_participant.setCurrentIndex(2)  # Casey Guest
        uuid = pane.sim_participant.currentData()
        raised = f"PD.participants().filter(function (p) {{ return p.uuid === '{uuid}'; }})[0].buzzTime"
        pane.sim_hand(True)
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, raised) > 0, timeout=3000)
        pane.sim_hand(False)
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, raised) == 0, timeout=3000)
        pane.sim_add_guest()
        qtbot.waitUntil(lambda: pane.sim_participant.count() == 6, timeout=3000)
        pane.sim_participant.setCurrentIndex(5)
        pane.sim_remove()
        qtbot.waitUntil(lambda: pane.sim_participant.count() == 5, timeout=3000)

        # A chat message reaches the plugin listening with actions$.ofType(RECEIVE_CHAT_MESSAGE).
        pane.sim_chat.setText("this is URGENT, please")
        pane.sim_send_chat(pane.sim_chat.text())
        qtbot.waitUntil(lambda: any(e.get("type") == "dialog" for e in pane.events), timeout=3000)
        dialog = next(e for e in pane.events if e.get("type") == "dialog")
        assert pane.names[dialog["plugin"]] and "URGENT" in _js(qtbot, pane.page, "document.body.innerHTML")

        # Query parameters reach PEX.conferenceQueryParams on the next restart.
        pane.sim_query.setText("autolock=1&name=a b")
        pane.reload()
        _wait_started(qtbot, pane)
        params = json.loads(_js(qtbot, pane.page, "JSON.stringify(PEX.conferenceQueryParams)"))
        assert params == {"autolock": "1", "name": "a b"}
        assert pane.error_count() == 0
    finally:
        _close(win)
