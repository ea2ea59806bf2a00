"""The preview "as a guest": Infinity refuses a guest the host-only requests (403), so does the mock.

The list of what is host-only is designer/core/hostonly.py; the page gets it in its config.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLE, ROOT
from test_preview import _cli

from designer.core import hostonly
from designer.core.model import load
from designer.core.preview import preview_config

YOU = "00000000-0000-4000-8000-000000000001"  # "Alex Morgan (you)" in the default meeting
OTHER = "00000000-0000-4000-8000-000000000002"  # Blake Guest


def _lock_toggle_for_guests(tmp_path: Path) -> Path:
    """The example with its lock button offered to guests as well (PD517 warns; the preview shows why)."""
    project = tmp_path / "guests-lock"
    shutil.copytree(EXAMPLE, project)
    package = project / "webapp2" / "plugins" / "lock-toggle" / "lock-toggle.plugin.package.json"
    package.write_text(package.read_text().replace('"chair"\n', '"chair", "guest"\n'))
    return project


def _requests(report: dict[str, Any], key: str) -> list[dict[str, Any]]:
    return next(p for p in report["plugins"] if p["key"] == key)["requests"]


def test_a_guest_is_refused_the_lock_and_a_host_is_not(qapp: Any, tmp_path: Path) -> None:
    from designer.gui.preview import simulate

    pkg = load(_lock_toggle_for_guests(tmp_path))
    guest = simulate(pkg, role="guest").as_json()
    (lock,) = _requests(guest, "lock-toggle")
    assert lock["path"] == "/lock" and not lock["ok"] and lock["refused"] and lock["status"] == 403, lock
    assert lock["error"] == "only hosts can lock the meeting"
    # The plugin's promise failed, as on Infinity: its .catch logged it (so no crash either).
    console = [c["text"] for p in guest["plugins"] if p["key"] == "lock-toggle" for c in p["console"]]
    assert any("/lock failed" in t and "refused (403 Forbidden): only hosts can lock the meeting" in t for t in console)
    assert guest["ok"], guest

    host = simulate(pkg, role="chair").as_json()
    (lock,) = _requests(host, "lock-toggle")
    assert lock["ok"] and not lock["refused"] and lock["status"] == 200 and lock["error"] is None, lock


def test_the_meeting_stays_unlocked_after_a_refused_lock(qtbot: Any, tmp_path: Path) -> None:
    """The mock's own state: a refused /lock changes nothing (a host's locks)."""
    from designer.core.preview import page_html
    from designer.gui.preview import load_html, new_page

    pkg = load(_lock_toggle_for_guests(tmp_path))
    page = new_page()
    try:
        for role, locked in (("guest", False), ("chair", True)):
            with qtbot.waitSignal(page.loadFinished, timeout=10000):
                load_html(page, page_html(preview_config(pkg, role=role)))
            with qtbot.waitCallback(timeout=5000) as cb:
                page.runJavaScript(
                    "PD.runAction('lock-toggle', 0); JSON.stringify([PD.conference().locked, PD.requests])", 0, cb
                )
            state, requests = json.loads(cb.args[0])
            assert state is locked, role
            assert [(r["path"], r["ok"]) for r in requests] == [("/lock", locked)], role
    finally:
        import shiboken6

        shiboken6.delete(page)


def test_a_guest_may_do_to_themselves_what_they_may_not_do_to_others(qapp: Any, tmp_path: Path) -> None:
    """Raising one's own hand or muting oneself is a guest's right; muting someone else is not."""
    from designer.gui.preview import simulate

    project = tmp_path / "self"
    shutil.copytree(EXAMPLE, project)
    js = project / "webapp2" / "plugins" / "meeting-info" / "meeting-info.plugin.js"
    calls = "".join(
        f"PEX.pluginAPI.sendRequest('/participants/{uuid}/{what}').catch(function () {{}}); "
        for uuid, what in ((YOU, "buzz"), (YOU, "mute"), (OTHER, "mute"), (OTHER, "spotlighton"), (YOU, "role"))
    )
    head = "function load(participants$, conferenceDetails$) {"
    js.write_text(js.read_text().replace(head, head + "\n        " + calls, 1))
    report = simulate(load(project), role="guest").as_json()
    first = _requests(report, "meeting-info")[:5]  # (load runs twice in the cycle)
    got = [(r["path"].rsplit("/", 2)[1] == YOU, r["path"].rsplit("/", 1)[1], r["ok"], r["error"]) for r in first]
    assert got == [
        (True, "buzz", True, None),
        (True, "mute", True, None),
        (False, "mute", False, "only hosts can mute another participant"),
        (False, "spotlighton", False, "only hosts can put a participant in the spotlight"),
        (True, "role", False, "only hosts can change a participant's role"),
    ]


def test_the_page_gets_the_host_only_list_from_the_core_and_keeps_no_copy(
    qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from designer.gui.preview import simulate

    config = preview_config(load(EXAMPLE), role="guest")
    assert config["hostOnly"] == hostonly.mock_rules() and config["you"] == YOU
    assert config["hostOnly"]["conference"]["lock"] == "only hosts can lock the meeting"
    mock = (ROOT / "resources" / "preview" / "mock-pex.js").read_text(encoding="utf-8")
    for words in ("only hosts", "lock the meeting", "mute all guests", "dial out"):
        assert words not in mock, words
    # The page follows the core's list: take /lock off it, and a guest's lock goes through.
    monkeypatch.delitem(hostonly.HOST_ONLY_CONFERENCE, "lock")
    report = simulate(load(_lock_toggle_for_guests(tmp_path)), role="guest").as_json()
    assert [(r["path"], r["ok"]) for r in _requests(report, "lock-toggle")] == [("/lock", True)]


def test_simulate_command_shows_the_refusal(tmp_path: Path) -> None:
    project = _lock_toggle_for_guests(tmp_path)
    result = _cli("simulate", project, "--json", "--role", "guest")
    assert result.returncode == 0, result.stderr
    (lock,) = _requests(json.loads(result.stdout), "lock-toggle")
    assert (lock["ok"], lock["refused"], lock["status"], lock["error"]) == (
        False,
        True,
        403,
        "only hosts can lock the meeting",
    )
    text = _cli("simulate", project, "--role", "guest").stdout
    # In the log's words, which are the check's (PD517), naming the file and line it was asked on.
    (line,) = [t for t in text.splitlines() if "Refused" in t]
    assert line.startswith("  Refused for guests: /lock (only hosts can lock the meeting) — "), line
    assert line.replace("\\", "/").endswith("guests-lock/webapp2/plugins/lock-toggle/lock-toggle.plugin.js line 40"), (
        line
    )
    assert "sendRequest /lock → ok" in _cli("simulate", project).stdout


_REFUSED_CARD = (
    "(function () { var el = document.getElementById('pd-refused'); return el.className + '|' + el.innerText; })()"
)


def test_the_preview_as_a_guest_shows_that_the_button_is_refused(qtbot: Any, tmp_path: Path) -> None:
    """Seen by a Guest, the lock button's request is refused: the log and the meeting say so;
    seen by a Host, the same button locks the meeting and nothing is refused."""
    from PySide6.QtCore import Qt
    from test_preview import _js, _wait_started, _window_with_preview

    with _window_with_preview(_lock_toggle_for_guests(tmp_path)) as win:
        pane = win.preview_pane
        _wait_started(qtbot, pane)
        pane.role.setFocus()
        qtbot.keyClick(pane.role, Qt.Key.Key_Down)  # Host -> Guest
        assert pane.current_role() == "guest"
        _wait_started(qtbot, pane)
        assert _js(qtbot, pane.page, _REFUSED_CARD) == "|"  # nothing refused yet
        _js(qtbot, pane.page, "document.querySelector('[data-kind=toolbar]').click(); true")
        qtbot.waitUntil(lambda: "Refused for guests" in pane.log.toPlainText(), timeout=5000)
        line = next(t for t in pane.log.toPlainText().splitlines() if "/lock" in t)
        assert line == (
            "[Lock toggle] Refused for guests: /lock (only hosts can lock the meeting) — "
            "plugins/lock-toggle/lock-toggle.plugin.js line 40"
        )
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, _REFUSED_CARD).startswith("show|"), timeout=2000)
        card = _js(qtbot, pane.page, _REFUSED_CARD)
        assert "Refused for guests (you are previewing as a Guest)" in card
        assert "Lock toggle: /lock (only hosts can lock the meeting)" in card
        # All of it readable in the 1280 x 800 window, not the last line under a scroll bar.
        fits = "(function () { var c = document.querySelector('.pd-refused-card'); return c.scrollHeight <= c.clientHeight; })()"
        assert _js(qtbot, pane.page, fits) is True
        assert _js(qtbot, pane.page, "document.getElementById('pd-locked').innerText") == "Unlocked"
        assert not pane.sim_toggles["locked"].isChecked()
        assert pane.error_count() == 0  # refused, not crashed: the plugin caught it

        qtbot.keyClick(pane.role, Qt.Key.Key_Up)  # Guest -> Host
        _wait_started(qtbot, pane)
        _js(qtbot, pane.page, "document.querySelector('[data-kind=toolbar]').click(); true")
        qtbot.waitUntil(lambda: "sendRequest /lock → ok" in pane.log.toPlainText(), timeout=5000)
        assert "refused" not in pane.log.toPlainText()
        assert _js(qtbot, pane.page, _REFUSED_CARD) == "|"
        qtbot.waitUntil(lambda: pane.sim_toggles["locked"].isChecked(), timeout=2000)


_API_CALLS = """window.out = []; var A = PEX.pluginAPI, other = 'OTHER';
A.dialOut('rec@example.com', 'sip', 'guest', function (reply) { out.push(['callback', reply]); });
A.dialOut('rec@example.com', 'sip', 'guest').catch(function (e) { out.push(['dialOut', e.message]); });
A.changeConferenceLayout('1:7').catch(function (e) { out.push(['change', e.message]); });
A.transformConferenceLayout({layout: '4:0'}).catch(function (e) { out.push(['transform', e.message]); });
A.disconnectParticipant(other).catch(function (e) { out.push(['disconnect', e.message]); });
A.spotlightOnParticipant(other).catch(function (e) { out.push(['spotlight', e.status]); });
A.sendChatMessage('hi').then(function () { out.push(['chat', 'ok']); });
true""".replace("'OTHER'", repr(OTHER))


def test_the_api_functions_refuse_a_guest_as_the_requests_do(qtbot: Any) -> None:
    """dialOut, the layouts, disconnect and spotlight reject for a guest (a dialOut with a callback
    tells the callback instead); chat stays open to everyone; the meeting is not changed."""
    from test_preview import _js

    from designer.core.preview import page_html
    from designer.gui.preview import load_html, new_page

    page = new_page()
    try:
        with qtbot.waitSignal(page.loadFinished, timeout=10000):
            load_html(page, page_html(preview_config(load(EXAMPLE), role="guest")))
        _js(qtbot, page, _API_CALLS)
        qtbot.waitUntil(lambda: _js(qtbot, page, "out.length") == 7, timeout=3000)
        out = dict(json.loads(_js(qtbot, page, "JSON.stringify(out)")))
        assert out == {
            "callback": {"status": "failed", "result": "only hosts can dial out"},
            "dialOut": "dialOut refused (403 Forbidden): only hosts can dial out",
            "change": "changeConferenceLayout refused (403 Forbidden): only hosts can change the layout",
            "transform": "transformConferenceLayout /transform_layout refused (403 Forbidden): only hosts can change "
            "the layout",
            "disconnect": f"disconnectParticipant /participants/{OTHER}/disconnect refused (403 Forbidden): only hosts "
            "can disconnect a participant",
            "spotlight": 403,
            "chat": "ok",
        }
        state = json.loads(_js(qtbot, page, "JSON.stringify([PD.participants().length, PD.layout])"))
        assert state == [5, None]
        # The card over the meeting names a direct call once ("dialOut", not "dialOut dialOut").
        only_dial_out = "PD.requests.forEach(function (r) { r.dismissed = r.kind !== 'dialOut'; }); PDUI.render(); true"
        _js(qtbot, page, only_dial_out)
        card = _js(qtbot, page, "document.querySelector('#pd-refused code').textContent")
        assert card == "dialOut"
    finally:
        import shiboken6

        shiboken6.delete(page)


def test_you_have_the_role_the_preview_is_seen_by() -> None:
    """Switching Host -> Guest carries the meeting over; "you" must not stay a host in it."""
    pkg = load(EXAMPLE)
    people = preview_config(pkg, role="chair")["participants"]
    assert people[0]["uuid"] == YOU and people[0]["role"] == "chair" and people[0]["name"] == "Alex Morgan (you)"
    carried = preview_config(pkg, role="guest", participants=people)["participants"]
    assert carried[0]["role"] == "guest" and [p["role"] for p in carried[1:]] == [p["role"] for p in people[1:]]
    assert people[0]["role"] == "chair"  # the meeting handed in is not changed behind the caller's back
    assert preview_config(pkg, role="guest")["participants"][0]["role"] == "guest"


def _lock_refusal_not_caught(tmp_path: Path) -> Path:
    """The lock button offered to guests, its request's .catch taken out: nothing in the plugin handles a refusal."""
    project = _lock_toggle_for_guests(tmp_path)
    js = project / "webapp2" / "plugins" / "lock-toggle" / "lock-toggle.plugin.js"
    text = js.read_text()
    caught = "            })\n            .catch(function (error) {\n                console.warn('lock-toggle: ' + request + ' failed', error);\n            });"
    assert caught in text
    js.write_text(text.replace(caught, "            });"))
    return project


def test_a_guests_refused_request_nobody_catches_is_said_as_check_says_it_and_is_no_oops_page(
    qtbot: Any, tmp_path: Path
) -> None:
    """The server refuses a guest's /lock and the promise rejects; an unhandled rejection is not
    an exception thrown in plugin code. The preview showed the Oops page ("This would show the Oops
    page for every user — Error: sendRequest /lock refused") while check only warned (PD517); now
    the log says the refusal in check's words, with the file and line, and no crash."""
    from PySide6.QtCore import Qt
    from test_preview import _js, _wait_started, _window_with_preview

    from designer.core.checks import run_checks

    project = _lock_refusal_not_caught(tmp_path)
    (warned,) = [p for p in run_checks(load(project)) if p.code == "PD517"]
    with _window_with_preview(project) as win:
        pane = win.preview_pane
        _wait_started(qtbot, pane)
        pane.role.setFocus()
        qtbot.keyClick(pane.role, Qt.Key.Key_Down)  # Host -> Guest
        _wait_started(qtbot, pane)
        _js(qtbot, pane.page, "document.querySelector('[data-kind=toolbar]').click(); true")
        qtbot.waitUntil(lambda: "/lock" in pane.log.toPlainText(), timeout=5000)
        # The rejection's event comes after the click's task: a later task has run once this says so.
        _js(qtbot, pane.page, "window.pdLater = false; setTimeout(function () { window.pdLater = true; }, 0); true")
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, "window.pdLater") is True, timeout=5000)
        said = "Refused for guests: /lock (only hosts can lock the meeting)"
        lines = pane.log.toPlainText().splitlines()
        assert f"[Lock toggle] {said} — plugins/lock-toggle/lock-toggle.plugin.js line {warned.line}" in lines, lines
        assert said in warned.message and f"line {warned.line}" in warned.message
        assert not any("Oops" in line for line in lines), lines
        assert pane.error_count() == 0 and pane.problems == []
        assert _js(qtbot, pane.page, "document.getElementById('pd-oops').className") == ""
