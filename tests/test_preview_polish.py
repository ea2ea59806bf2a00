"""The preview, polished: the mock meeting's words at the dock's widths, plugins that cannot run,
and requests the meeting cannot carry out."""

from __future__ import annotations

import contextlib
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from conftest import EXAMPLE
from test_preview import _js, _wait_started

from designer.core.model import load


@contextlib.contextmanager
def _pane(qtbot: Any, project: Path, width: int, height: int = 760) -> Iterator[Any]:
    """The preview pane alone, ``width`` pixels wide, its plugins started on ``project``."""
    from designer.gui.preview import PreviewPane

    pane = PreviewPane()
    try:
        pane.resize(width, height)
        pane.show()
        qtbot.waitExposed(pane)
        pane.set_package(load(project))
        _wait_started(qtbot, pane)
        yield pane
    finally:
        pane.close()
        shiboken6.delete(pane)  # its page now, before Chromium's profile goes at exit


# Each piece of text: its words, on how many lines they are drawn, whether they are whole, its hover text.
_WORDS = """(function (selector) {
    return JSON.stringify(Array.from(document.querySelectorAll(selector)).map(function (el) {
        var range = document.createRange(); range.selectNodeContents(el);
        var tops = {}; Array.prototype.forEach.call(range.getClientRects(), function (r) { if (r.width > 0) { tops[Math.round(r.top)] = 1; } });
        return [el.textContent, Object.keys(tops).length, el.scrollWidth <= el.clientWidth + 1, el.getAttribute('title')];
    })); })(%s)"""


def _words(qtbot: Any, pane: Any, selector: str) -> list[list[Any]]:
    return json.loads(_js(qtbot, pane.page, _WORDS % json.dumps(selector)))


@pytest.mark.parametrize("width", [480, 640, 1000])
def test_the_tabs_and_the_meetings_name_stay_whole_on_one_line(qtbot: Any, tmp_path: Path, width: int) -> None:
    """The side panel's tabs "Participants (5)" and "Settings › Plugins" broke over two lines at
    every width of the dock, and at its narrowest the meeting's name "Weekly team meeting" was
    squeezed to nothing. Now each tab is on one line and whole, and so is the meeting's name (its
    badges go onto a row of their own when there is no room beside it, and a crash's card is
    drawn under that row, not under the badges)."""
    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    with _pane(qtbot, project, width) as pane:
        tabs = _words(qtbot, pane, "#pd-tabs button")
        title = _words(qtbot, pane, "#pd-top .pd-title")
        # A crash's card under the top bar, however many rows it has: not hidden under its badges.
        crash = "PD.reportError('exception', new Error('boom'), 'lock-toggle', 'load'); PDUI.render(); true"
        _js(qtbot, pane.page, crash)
        below = """document.getElementById('pd-oops').getBoundingClientRect().top >=
            document.getElementById('pd-top').getBoundingClientRect().bottom"""
        assert _js(qtbot, pane.page, below) is True
    assert [t[0] for t in tabs] == ["Participants (5)", "Chat", "Settings › Plugins"]
    assert [t for t in tabs if t[1] != 1 or not t[2]] == [], tabs
    assert title == [["Weekly team meeting", 1, True, None]], title


def test_a_participants_details_stay_on_one_line_beside_a_scroll_bar(qtbot: Any, tmp_path: Path) -> None:
    """With the webinar (eight participants) and the simulator open, the participants' list
    scrolls, and its scroll bar pushed "Guest · webrtc · hand raised · muted" onto a second line.
    Now each participant's details stay on one line, whole, at the dock's narrowest."""
    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    with _pane(qtbot, project, 480) as pane:
        pane.sim_button.click()
        pane.sim_preset.setCurrentIndex(pane.sim_preset.findData("Webinar with raised hands"))
        pane.sim_preset.activated.emit(pane.sim_preset.currentIndex())
        qtbot.waitUntil(lambda: len(_words(qtbot, pane, ".pd-row .pd-who small")) == 8, timeout=5000)
        scrolls = "(function (p) { return p.scrollHeight > p.clientHeight; })(document.getElementById('pd-panel'))"
        assert _js(qtbot, pane.page, scrolls) is True
        details = _words(qtbot, pane, ".pd-row .pd-who small")
    assert "Guest · webrtc · hand raised · muted" in [d[0] for d in details], details
    assert [d for d in details if d[1] != 1 or not d[2]] == [], details


def test_words_cut_short_in_a_narrow_side_panel_are_said_whole_on_hover(qtbot: Any, tmp_path: Path) -> None:
    """Where there is really no room (a narrower panel, a wider font), a tab is shortened with …
    on one line rather than broken in the middle of a word, and its hover text says it whole;
    the tabs that are whole have no hover text."""
    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    with _pane(qtbot, project, 640) as pane:
        _js(qtbot, pane.page, "document.getElementById('pd-side').style.width = '190px'; PDUI.render(); true")
        tabs = {t[0]: t for t in _words(qtbot, pane, "#pd-tabs button")}
    assert all(t[1] == 1 for t in tabs.values()), tabs
    cut = [t for t in tabs.values() if not t[2]]
    assert cut and all(t[3] == t[0] for t in cut), tabs
    assert tabs["Chat"][2] and tabs["Chat"][3] is None, tabs


_COUNTS = """JSON.stringify({conference: Array.from(document.querySelectorAll('#pd-conf-button .pd-count')).map(function (c) { return c.textContent; }),
    participants: Array.from(document.querySelectorAll('.pd-row .pd-count')).map(function (c) { return c.textContent; }),
    items: Array.from(document.querySelectorAll('[data-plugin]')).map(function (el) { return el.dataset.plugin; })})"""


def test_a_plugin_whose_source_file_is_missing_has_no_items_in_the_meeting(qtbot: Any, tmp_path: Path) -> None:
    """A plugin whose source file is missing never registers, so the app shows none of its items;
    the preview drew them all the same, counted them on the menus' buttons, and a press only
    logged "not loaded: … was not run". Now its items are neither drawn nor counted, and the
    log's "not run" line says that is why they are absent."""
    from test_preview import _open_menus

    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    (project / "webapp2/plugins/meeting-info/meeting-info.plugin.js").unlink()
    (project / "webapp2/plugins/raise-hand-helper/raise-hand-helper.plugin.js").unlink()
    with _pane(qtbot, project, 800) as pane:
        _open_menus(qtbot, pane.page)
        opened = json.loads(_js(qtbot, pane.page, _COUNTS))
        # Clicked again, the menus close and their buttons show how many plugin items they hold.
        _js(
            qtbot,
            pane.page,
            "document.getElementById('pd-conf-button').click(); document.querySelector('.pd-row.open').click(); true",
        )
        closed = json.loads(_js(qtbot, pane.page, _COUNTS))
        plugins_tab = """(function () { document.getElementById('pd-tab-plugins').click();
            return JSON.stringify(Array.from(document.querySelectorAll('.pd-plugin-row')).map(function (row) {
                var note = row.querySelector('.pd-pnote');
                return [row.querySelector('.pd-pname').textContent, note ? note.textContent : '', row.querySelector('.pd-switch').disabled];
            })); })()"""
        rows = {name: (note, off) for name, note, off in json.loads(_js(qtbot, pane.page, plugins_tab))}
        log = pane.log.toPlainText().splitlines()
    assert opened["items"] == ["lock-toggle"], opened
    assert closed == {"conference": [], "participants": [], "items": ["lock-toggle"]}, closed
    assert (
        "[Meeting information] not run: its source file plugins/meeting-info/meeting-info.plugin.js is missing or "
        "not UTF-8 text, so its menu item is not in the meeting"
    ) in log, log
    note, off = rows["Meeting information"]
    assert note.startswith("Not run: its source file plugins/meeting-info/meeting-info.plugin.js is missing") and off


_WRONG_REQUESTS = """function toggleLock(participants) {
        var log = window.pdAnswers = [];
        function told(what) { return [function () { log.push(what + ' resolved'); }, function (e) { log.push(what + ' failed ' + e.status); }]; }
        var spot = told('spotlight'), gone = told('disconnect');
        window.PEX.pluginAPI.spotlightOnParticipant('0000-nobody').then(spot[0], spot[1]);
        window.PEX.pluginAPI.disconnectParticipant('0000-nobody').then(gone[0], gone[1]);
        window.PEX.pluginAPI.sendRequest('/participants/mute');
        window.PEX.pluginAPI.sendRequest('/lokc');
    }
    function unusedToggle("""


def test_requests_the_meeting_cannot_carry_out_fail_as_check_says_and_are_no_oops_page(
    qtbot: Any, tmp_path: Path
) -> None:
    """Only a guest's refusal and an unknown layout made the mock's promises fail: a spotlight or a
    disconnect for a uuid nobody in the meeting has said "→ ok" and resolved, so a plugin passing
    the wrong uuid seemed to work. Now they fail, uncaught as well as caught without an Oops page,
    each logged as a warning: in check's words where check has the rule (PD515 unknown request,
    PD516 no uuid), and, for a uuid nobody has, in words said to be the mock's own."""
    from test_preview import _with_code

    from designer.core.checks import run_checks

    project = _with_code(tmp_path, "lock-toggle", "function toggleLock(", _WRONG_REQUESTS)
    js = (project / "webapp2/plugins/lock-toggle/lock-toggle.plugin.js").read_text().splitlines()
    bare, lokc = (
        next(i + 1 for i, text in enumerate(js) if what in text) for what in ("'/participants/mute'", "'/lokc'")
    )
    problems = {p.code: p for p in run_checks(load(project)) if p.code in ("PD515", "PD516")}
    assert (problems["PD515"].line, problems["PD516"].line) == (lokc, bare)
    with _pane(qtbot, project, 800) as pane:
        _js(qtbot, pane.page, "document.querySelector('[data-kind=toolbar]').click(); true")
        answers = "window.pdAnswers && pdAnswers.length === 2 ? pdAnswers.slice().sort().join(', ') : null"
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, answers) is not None, timeout=5000)
        assert _js(qtbot, pane.page, answers) == "disconnect failed 404, spotlight failed 404"
        # The uncaught rejections' events come after the click's task: a later task has run once this says so.
        _js(qtbot, pane.page, "window.pdLater = false; setTimeout(function () { window.pdLater = true; }, 0); true")
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, "window.pdLater") is True, timeout=5000)
        lines = [text for text in pane.log.toPlainText().splitlines() if "→" in text]
        html_log = pane.log.document().toHtml()
        assert _js(qtbot, pane.page, "document.getElementById('pd-oops').className") == ""
        assert pane.error_count() == 0 and pane.problems == []
        assert _js(qtbot, pane.page, "PD.participants().length") == 5  # nobody was disconnected
    file = "plugins/lock-toggle/lock-toggle.plugin.js"
    nobody = (
        "→ failed, nothing changes: nobody in the meeting has the uuid '0000-nobody' (the preview's mock meeting "
        "answers 404 Not Found; the vendor guide does not say how Infinity answers)"
    )
    assert [text.split(" — ")[0] for text in lines[:2]] == [
        f"[Lock toggle] spotlightOnParticipant: 0000-nobody {nobody}",
        f"[Lock toggle] disconnectParticipant: 0000-nobody {nobody}",
    ], lines
    no_uuid = problems["PD516"].message.split("' ", 1)[1].rstrip(".")
    assert lines[2] == (
        f"[Lock toggle] sendRequest /participants/mute → failed, nothing changes: the plugin {no_uuid}"
        f" — {file} line {bare}"
    ), lines
    unknown = "sends the request '/lokc', which the conference does not know"
    assert unknown in problems["PD515"].message
    assert lines[3] == (
        f"[Lock toggle] sendRequest /lokc → failed, nothing changes: the plugin {unknown} — {file} line {lokc}"
    ), lines
    assert html_log.count("#8d5a00") >= 4  # each in the warning's colour, not the blue of "→ ok"


_MEETING = """JSON.stringify({locked: PD.conference().locked, hands: PD.participants().filter(function (p) { return p.buzzTime; })
    .map(function (p) { return p.name; }), badge: document.getElementById('pd-locked').textContent.trim()})"""


def test_test_every_button_leaves_the_meeting_as_it_was(qtbot: Any, tmp_path: Path) -> None:
    """Test every button pressed Lock meeting and Lower hand, and left the simulated meeting
    locked with Blake's hand down; Restart plugins then kept it so, as if the user had done it.
    Now the meeting is put back as it was once the test is over, and the log's summary says so."""
    from PySide6.QtCore import Qt

    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    with _pane(qtbot, project, 800) as pane:
        before = json.loads(_js(qtbot, pane.page, _MEETING))
        qtbot.mouseClick(pane.cycle_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "every button tested" in pane.log.toPlainText(), timeout=15000)
        log = pane.log.toPlainText()
        after = json.loads(_js(qtbot, pane.page, _MEETING))
        qtbot.mouseClick(pane.findChild(type(pane.cycle_button), "previewRestart"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "every button tested" not in pane.log.toPlainText(), timeout=5000)
        _wait_started(qtbot, pane)
        restarted = json.loads(_js(qtbot, pane.page, _MEETING))
    assert "sendRequest /lock → ok" in log and "clearbuzz for Blake Guest → ok" in log, log
    assert before == {"locked": False, "hands": ["Blake Guest"], "badge": "Unlocked"}
    assert after == before and restarted == before
    assert "every button tested, no new error; the meeting is back as it was before the test" in log, log


def test_the_apps_own_menu_items_say_they_do_nothing_in_the_preview(qtbot: Any, tmp_path: Path) -> None:
    """The app's own items in the meeting menu and a participant's menu ("Lock meeting", "Mute",
    "Disconnect") are greyed and did nothing when pressed, with nothing saying why: a first-time
    user took them for broken. Their hover text now says they are the app's, not simulated, and
    where the meeting is changed instead; a screen reader hears them as unavailable."""
    from test_preview import _open_menus

    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    with _pane(qtbot, project, 800) as pane:
        _open_menus(qtbot, pane.page)
        items = """JSON.stringify(Array.from(document.querySelectorAll('.pd-mi.builtin')).map(function (el) {
            return [el.textContent, el.getAttribute('title'), el.getAttribute('aria-disabled')]; }))"""
        builtins = json.loads(_js(qtbot, pane.page, items))
    names = [name for name, _title, _off in builtins]
    assert "Lock meeting" in names and "Disconnect" in names, names
    assert all(off == "true" and "does nothing in the preview" in (title or "") for _n, title, off in builtins), (
        builtins
    )
    assert all("Simulate the meeting" in title for _n, title, _off in builtins)


def test_a_simulated_chat_message_comes_from_someone_in_the_meeting(qtbot: Any, tmp_path: Path) -> None:
    """Every chat message the simulator sent came from "Blake Guest", even in the "Host alone"
    meeting where there is no Blake. Now it comes from the participant chosen in the simulator's
    list (the first other participant when that is you), or from "Guest" when you are alone."""
    from PySide6.QtCore import Qt

    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    chat = "JSON.stringify(PD.chat.map(function (m) { return m.from + ': ' + m.text; }))"
    with _pane(qtbot, project, 800) as pane:
        pane.sim_button.click()

        def send(text: str) -> None:
            pane.sim_chat.clear()
            qtbot.keyClicks(pane.sim_chat, text)
            qtbot.mouseClick(pane.findChild(type(pane.cycle_button), "simSendChat"), Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: text in _js(qtbot, pane.page, chat), timeout=5000)

        pane.sim_participant.setCurrentIndex(pane.sim_participant.findText("Casey Guest"))
        send("from Casey")
        pane.sim_participant.setCurrentIndex(0)  # you: the first other participant says it
        send("from the first guest")
        said = json.loads(_js(qtbot, pane.page, chat))
        pane.sim_preset.setCurrentIndex(pane.sim_preset.findData("Host alone"))
        pane.sim_preset.activated.emit(pane.sim_preset.currentIndex())
        qtbot.waitUntil(lambda: pane.sim_table.rowCount() == 1, timeout=5000)
        send("alone")  # (a meeting chosen starts with no chat: see test_choosing_default_meeting_starts_...)
        said += json.loads(_js(qtbot, pane.page, chat))
    assert said == ["Casey Guest: from Casey", "Blake Guest: from the first guest", "Guest: alone"], said


def test_you_cannot_remove_yourself_from_the_simulated_meeting(qtbot: Any, tmp_path: Path) -> None:
    """Remove participant removed "Alex Morgan (you)" too, and the next Restart plugins put
    whoever came first in your place: Blake Guest became the host. Now the button is off while
    you are chosen (its hover text says why), and removes whoever else is chosen."""
    from PySide6.QtCore import Qt

    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    names = "JSON.stringify(PD.participants().map(function (p) { return p.name + ' ' + p.role; }))"
    with _pane(qtbot, project, 800) as pane:
        pane.sim_button.click()
        remove = pane.findChild(type(pane.cycle_button), "simRemove")
        qtbot.waitUntil(lambda: pane.sim_participant.count() == 5, timeout=5000)
        pane.sim_participant.setCurrentIndex(0)
        assert pane.sim_participant.currentText() == "Alex Morgan (you)"
        assert not remove.isEnabled() and "You are the one previewing" in remove.toolTip()
        qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
        pane.sim_participant.setCurrentIndex(pane.sim_participant.findText("Casey Guest"))
        assert remove.isEnabled()
        qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: pane.sim_participant.count() == 4, timeout=5000)
        assert pane.sim_participant.currentText() == "Alex Morgan (you)" and not remove.isEnabled()
        qtbot.mouseClick(pane.findChild(type(pane.cycle_button), "previewRestart"), Qt.MouseButton.LeftButton)
        _wait_started(qtbot, pane)
        people = json.loads(_js(qtbot, pane.page, names))
    assert people == ["Alex Morgan (you) chair", "Blake Guest guest", "Board Room guest", "Live stream guest"], people


def test_a_plugin_without_a_name_shows_no_name_in_the_settings_plugins_list(qtbot: Any, tmp_path: Path) -> None:
    """A plugin with no name was listed in the preview's Settings ▸ Plugins by its id, where the app
    shows its switch with no words (PD314): the preview hid the problem. Its row has no name, and a
    note says what the app shows."""
    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    pkg = project / "webapp2/plugins/meeting-info/meeting-info.plugin.package.json"
    data = json.loads(pkg.read_text())
    del data["name"]
    pkg.write_text(json.dumps(data, indent=4))
    with _pane(qtbot, project, 800) as pane:
        plugins_tab = """(function () { document.getElementById('pd-tab-plugins').click();
            return JSON.stringify(Array.from(document.querySelectorAll('.pd-plugin-row')).map(function (row) {
                var note = row.querySelector('.pd-pnote');
                return [row.querySelector('.pd-pname').textContent, note ? note.textContent : ''];
            })); })()"""
        rows = json.loads(_js(qtbot, pane.page, plugins_tab))
    assert ["", "No name: the app shows this switch with no words beside it"] in rows, rows
    assert ["Lock toggle", ""] in rows, rows
