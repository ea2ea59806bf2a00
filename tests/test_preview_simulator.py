"""Preview crashes as PD800 problems, and the conference simulator driving the plugins."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import shiboken6
from conftest import EXAMPLE
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from test_preview import _PLACED, _cli, _js, _throwing_project, _wait_started

from designer.core.preview import crash_problems
from designer.gui.preview import SIM_COLUMNS


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
        assert [r.toolTip(1) for r in rows] == [crash.location()]  # (the column shows it shortened)
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

        # Every button pressed: the dock's PD800 places are exactly what `simulate --json` reports
        # (asked first, so the test waits for the places to come, not for a time).
        result = _cli("simulate", project, "--json")
        assert result.returncode == 1
        data = json.loads(result.stdout)
        cli = crash_problems([e | {"plugin": p["key"]} for p in data["plugins"] for e in p["errors"]])
        expected = {(p.plugin, p.file, p.line) for p in cli}
        pane.page.runJavaScript("PD.cycle(30)")
        qtbot.waitUntil(lambda: {(p.plugin, p.file, p.line) for p in win.preview_problems} >= expected, timeout=30000)
        gui = {(p.plugin, p.file, p.line) for p in win.preview_problems}
        assert {(k, f"plugins/{k}/{k}.plugin.js", line) for k, line in lines.items()} <= gui
        assert expected == gui

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


def test_the_simulated_meeting_survives_a_restart_until_reset(qtbot: Any, tmp_path: Path) -> None:
    project = tmp_path / "keep"
    shutil.copytree(EXAMPLE, project)
    win = _window(qtbot, project)
    try:
        pane = win.preview_pane
        pane.sim_button.click()
        pane.sim_toggles["locked"].click()
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, "PD.conference().locked") is True, timeout=3000)
        pane.sim_add_guest()
        qtbot.waitUntil(lambda: pane.sim_participant.count() == 6, timeout=3000)

        pane.findChild(QPushButton, "previewRestart").click()
        _wait_started(qtbot, pane)
        assert _js(qtbot, pane.page, "PD.conference().locked") is True
        assert _js(qtbot, pane.page, "PD.participants().length") == 6
        qtbot.waitUntil(
            lambda: ["toolbar", "lock-toggle", "Unlock meeting"] in json.loads(_js(qtbot, pane.page, _PLACED)),
            timeout=3000,
        )
        qtbot.waitUntil(pane.sim_toggles["locked"].isChecked, timeout=5000)  # (the controls follow within 0.2 s)

        pane.findChild(QPushButton, "previewResetMeeting").click()
        _wait_started(qtbot, pane)
        assert _js(qtbot, pane.page, "PD.conference().locked") is False
        assert _js(qtbot, pane.page, "PD.participants().length") == 5
        qtbot.waitUntil(lambda: not pane.sim_toggles["locked"].isChecked(), timeout=3000)
        assert pane.error_count() == 0
    finally:
        _close(win)


def test_presets_table_edits_conference_controls_and_select_event(qtbot: Any, tmp_path: Path) -> None:
    from designer.core.model import load, save
    from designer.core.plugins import add_plugin_files, unique_id
    from designer.core.recipes import load_recipe, render

    project = tmp_path / "presets"
    shutil.copytree(EXAMPLE, project)
    pkg = load(project)
    add_plugin_files(pkg, render(load_recipe("raised-hands"), {}, unique_id(pkg, "raised-hands")))
    save(pkg)
    win = _window(qtbot, project)
    try:
        pane = win.preview_pane
        pane.sim_button.click()
        labels = lambda: json.loads(_js(qtbot, pane.page, _PLACED))  # noqa: E731
        # The default meeting has one raised hand; the webinar three, and the plugin's tip counts them.
        qtbot.waitUntil(lambda: ["toolbar", "raised-hands", "Raised hands (1)"] in labels(), timeout=3000)
        pane.sim_preset.setCurrentIndex(pane.sim_preset.findData("Webinar with raised hands"))
        pane.sim_preset.activated.emit(pane.sim_preset.currentIndex())
        qtbot.waitUntil(lambda: ["toolbar", "raised-hands", "Raised hands (3)"] in labels(), timeout=3000)
        assert _js(qtbot, pane.page, "PD.participants().length") == 8
        assert _js(qtbot, pane.page, "PD.participants().filter(function (p) { return p.presenting; }).length") == 1
        qtbot.waitUntil(lambda: pane.sim_table.rowCount() == 8, timeout=3000)
        pane.sim_preset.setCurrentIndex(pane.sim_preset.findData("Host alone"))
        pane.sim_preset.activated.emit(pane.sim_preset.currentIndex())
        qtbot.waitUntil(lambda: ["toolbar", "raised-hands", "Raised hands"] in labels(), timeout=3000)
        pane.sim_apply_preset("Meeting with 5 guests")
        qtbot.waitUntil(lambda: pane.sim_table.rowCount() == 6, timeout=3000)

        # A tick in the table mutes that participant, and participants$ carries it to the plugins.
        _js(
            qtbot,
            pane.page,
            "window.seen = []; PD.participants$.subscribe(function (ps) { window.seen.push(ps[2].muted); }); true",
        )
        muted = next(i for i, (field, _h, _k) in enumerate(SIM_COLUMNS) if field == "muted")
        item = pane.sim_table.item(2, muted)
        assert item.checkState() == Qt.CheckState.Unchecked
        item.setCheckState(Qt.CheckState.Checked)
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, "window.seen[window.seen.length - 1]") is True, timeout=3000)
        name = next(i for i, (field, _h, _k) in enumerate(SIM_COLUMNS) if field == "name")
        pane.sim_table.item(1, name).setText("Renamed Guest")
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, "PD.participants()[1].name") == "Renamed Guest", timeout=3000)

        # Conference mediaType and started; SELECT_EVENT through actions$.
        pane.sim_media.setCurrentIndex(pane.sim_media.findData("audioonly"))
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, "PD.conference().mediaType") == "audioonly", timeout=3000)
        pane.sim_toggles["started"].click()
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, "PD.conference().started") is False, timeout=3000)
        _js(
            qtbot,
            pane.page,
            "window.selected = null; PEX.actions$.ofType(PEX.actions.SELECT_EVENT)"
            ".subscribe(function (a) { window.selected = a.payload && a.payload.uuid; }); true",
        )
        pane.sim_participant.setCurrentIndex(1)
        pane.findChild(QPushButton, "simSelect").click()
        uuid = pane.sim_participant.currentData()
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, "window.selected") == uuid, timeout=3000)
        assert pane.error_count() == 0
    finally:
        _close(win)


def test_the_log_says_a_plugins_direct_calls_in_plain_words(qtbot: Any, tmp_path: Path) -> None:
    """A dialOut was logged "dialOut dialOut {"alias": ..., "protocol": "auto", "role": "guest"}":
    the function's name twice and the mock's raw JSON. Now the name once, then what it asked, and
    a participant by name; the simulate command prints the same words. The recipe's
    {streaming: true} (after the callback) was dropped: the log did not say it, and the recorder
    joined as a person."""
    from designer.core.model import load, save
    from designer.core.plugins import add_plugin_files, unique_id
    from designer.core.recipes import load_recipe, render

    project = tmp_path / "recording"
    shutil.copytree(EXAMPLE, project)
    pkg = load(project)
    add_plugin_files(pkg, render(load_recipe("record-stream"), {"alias": "rec@example.com"}, unique_id(pkg, "rec")))
    save(pkg)
    win = _window(qtbot, project)
    try:
        pane = win.preview_pane
        button = "document.querySelector('[data-kind=toolbar][data-plugin=rec]').click(); true"
        _js(qtbot, pane.page, button)
        qtbot.waitUntil(lambda: "dialOut" in pane.log.toPlainText(), timeout=5000)
        lines = pane.log.toPlainText().splitlines()
        assert "[Record meeting] dialOut: rec@example.com (guest, auto, streaming) → ok" in lines, lines
        qtbot.waitUntil(lambda: "rec@example.com" in json.dumps(pane.meeting), timeout=3000)
        # "It is a recorder or streamer" (on by default): shown as one, not as a person.
        [recorder] = [p for p in pane.meeting[0] if p["uri"] == "rec@example.com"]
        assert recorder["isStreaming"] is True
        _js(qtbot, pane.page, button)  # the second press hangs up
        qtbot.waitUntil(lambda: "disconnectParticipant" in pane.log.toPlainText(), timeout=5000)
        lines = pane.log.toPlainText().splitlines()
        assert "[Record meeting] disconnectParticipant: rec@example.com → ok" in lines, lines
    finally:
        _close(win)
    out = _cli("simulate", project).stdout
    assert "  dialOut: rec@example.com (guest, auto, streaming) → ok" in out, out  # the log's words


def test_the_participant_table_offers_plain_words_and_writes_what_the_plugins_see(qtbot: Any, tmp_path: Path) -> None:
    """Role was typed as free text over 'chair'/'guest' and Media listed 'audioonly'; at 1280x800
    the table showed about one participant. Now a drop-down of Host/Guest writes 'chair', Media
    says "Audio only", and the table shows a few participants."""
    from PySide6.QtWidgets import QApplication, QComboBox
    from test_preview import _window_with_preview

    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    with _window_with_preview(project) as win:
        pane = win.preview_pane
        _wait_started(qtbot, pane)
        pane.sim_button.click()
        qtbot.waitUntil(pane.sim_panel.isVisible)
        table = pane.sim_table
        qtbot.waitUntil(lambda: table.rowCount() == 5, timeout=3000)
        QApplication.processEvents()
        assert table.viewport().height() >= 4 * table.rowHeight(0)  # four participants at least

        role = next(i for i, (field, _h, _k) in enumerate(SIM_COLUMNS) if field == "role")
        assert [table.item(r, role).text() for r in range(3)] == ["Host", "Guest", "Guest"]
        table.setFocus()
        table.setCurrentCell(1, role)  # Blake Guest
        qtbot.keyClick(table, Qt.Key.Key_F2)
        editor = table.findChild(QComboBox, "simChoice_role")
        assert editor is not None and editor.isVisible()
        assert [editor.itemText(i) for i in range(editor.count())] == ["Host", "Guest"]
        assert editor.currentText() == "Guest"
        qtbot.keyClick(editor, Qt.Key.Key_Up)  # Guest -> Host, written at once
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, "PD.participants()[1].role") == "chair", timeout=3000)
        assert table.item(1, role).text() == "Host"

        media = pane.sim_media
        assert [media.itemText(i) for i in range(media.count())] == [
            "Audio and video",
            "Audio only",
            "No audio or video",
        ]
        media.setFocus()
        qtbot.keyClick(media, Qt.Key.Key_Down)
        assert media.currentText() == "Audio only"
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, "PD.conference().mediaType") == "audioonly", timeout=3000)
        assert pane.error_count() == 0


def test_a_crash_reads_the_same_in_problems_as_in_the_preview_log(qtbot: Any, tmp_path: Path) -> None:
    """Problems said "Crashes in the preview: Error: load broke (in load). This would show the Oops
    page for every host" for the crash the log said "This would show the Oops page for every host
    — Error: load broke at plugins/…:26 (in load)": one finding worded two ways. Now the same."""
    project, _lines = _throwing_project(tmp_path)
    win = _window(qtbot, project)
    try:
        pane = win.preview_pane
        qtbot.waitUntil(lambda: any(p.plugin == "lock-toggle" for p in win.preview_problems), timeout=5000)
        crash = next(p for p in win.preview_problems if p.plugin == "lock-toggle")
        logged = next(line for line in pane.log.toPlainText().splitlines() if "load broke" in line)
        assert logged == f"[Lock toggle] {crash.message}"
        assert crash.message.startswith("This would show the Oops page for every host — Error: load broke at ")
        row = next(it for it in win.problems_view.problem_items() if it.text(2) == "PD800")
        assert row.text(0) == crash.message
    finally:
        _close(win)


def test_simulate_names_the_file_of_a_changeconferencelayout_warning_as_it_names_every_other(tmp_path: Path) -> None:
    """simulate names files from where it was run (as check does), but its warning at a
    changeConferenceLayout call named the file from inside webapp2/, a path no terminal or editor
    there could open."""

    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    js = project / "webapp2" / "plugins" / "lock-toggle" / "lock-toggle.plugin.js"
    load = "    function load(participants$, conferenceDetails$) {\n"
    js.write_text(js.read_text().replace(load, load + "        window.PEX.pluginAPI.changeConferenceLayout('1:7');\n"))
    line = js.read_text().splitlines().index("        window.PEX.pluginAPI.changeConferenceLayout('1:7');") + 1
    out = _cli("simulate", project).stdout
    warned = [w for w in out.splitlines() if w.startswith("  warning: the plugin uses changeConferenceLayout")]
    # (the project lies outside the folder the command runs in: named in full, as check names it)
    place = (project / "webapp2").as_posix() + f"/plugins/lock-toggle/lock-toggle.plugin.js line {line}"
    # (said once: the load again, 40 ms later, is its repeat, "(repeated 2 times)")
    assert len(warned) == 1 and warned[0].endswith(" — " + place + " (repeated 2 times)"), out


def test_after_a_button_ends_the_call_the_next_ones_are_pressed_in_the_meeting_again(tmp_path: Path) -> None:
    """Test every button (and simulate) pressed the buttons after one that ended the call (an
    "End meeting for everyone" item) in an empty meeting: a participant's menu item ran for nobody,
    and a plugin that reads ``participant.uuid`` (as the snippets write it) was said to bring up the
    'Oops' page for every user. As the test rejoins when it starts with the call ended, it rejoins
    before the next button."""
    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    js = project / "webapp2" / "plugins" / "lock-toggle" / "lock-toggle.plugin.js"
    js.write_text(
        js.read_text().replace("var request = isLocked ? '/unlock' : '/lock';", "var request = '/disconnect';")
    )
    done = _cli("simulate", project, "--json")
    data = json.loads(done.stdout)
    helper = next(p for p in data["plugins"] if p["id"] == "raise-hand-helper")
    pressed = [s for s in helper["steps"] if s.get("step") == "action"]
    assert pressed and all(s["targetName"] for s in pressed), pressed
    assert [c["text"] for c in helper["console"] if "no participant" in c["text"]] == []
    assert data["ok"], data
    # What the test did is said under the plugin that ended the call, as the preview's log says it.
    said = _cli("simulate", project).stdout.splitlines()
    assert said[said.index("Lock toggle: 0 uncaught errors, 1 request") + 1 :][:3][-1] == (
        "  note: had disconnected everyone, you too: the buttons after it were pressed with you back in the meeting"
    ), said


def test_the_preview_log_says_the_test_rejoined_after_a_button_ended_the_call(qtbot: Any, tmp_path: Path) -> None:
    from test_preview import _preview_of
    from test_preview_round3 import _test_every_button

    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    js = project / "webapp2" / "plugins" / "lock-toggle" / "lock-toggle.plugin.js"
    js.write_text(
        js.read_text().replace("var request = isLocked ? '/unlock' : '/lock';", "var request = '/disconnect';")
    )
    with _preview_of(qtbot, project) as pane:
        said = _test_every_button(qtbot, pane)
        assert (
            "[Lock toggle] had disconnected everyone, you too: testing every button joins you to the meeting "
            "again to press the next one, as Rejoin the meeting does"
        ) in said, said
        assert "[Raise hand helper] pressed “Lower hand” in Alex Morgan (you)'s menu" in said, said
        assert said.splitlines()[-1].endswith("no new error; the meeting is back as it was before the test"), said
