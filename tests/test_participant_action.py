"""The "Participant action" recipe: a participant menu item that mutes, makes a host, disconnects,
moves someone to another meeting... chosen from a list, with no JavaScript to write.

A fresh user who wanted "Send to lobby", "Make host" or "Mute this person" could not make a menu
item do anything without code: the recipes covered only spotlight, keypad tones and overlay text.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from designer.cli import main
from designer.core import hostonly
from designer.core.behaviours import BEHAVIOURS
from designer.core.checks import run_checks
from designer.core.iconset import builtin_icon
from designer.core.model import load
from designer.core.newproject import create_project
from designer.core.pexapi import api
from designer.core.recipes import REST_REQUESTS, in_use, load_recipe, render, validate_answers

RECIPE = "participant-action"
CHOICES = [b.key for b in BEHAVIOURS.values() if b.for_participant]
BLAKE = "00000000-0000-4000-8000-000000000002"  # "Blake Guest" in the preview's meeting (not muted)
PACKAGE = "plugins/pa/pa.plugin.package.json"
SOURCE = "plugins/pa/pa.plugin.js"


def test_the_choices_are_the_participant_requests_infinity_has_in_plain_words() -> None:
    recipe = load_recipe(RECIPE)
    what = recipe.parameter("what")
    assert [value for value, _ in what.options()] == CHOICES
    titles = dict(what.options())
    assert titles["mute"] == "Mute their microphone" and titles["make_host"] == "Make them a host"
    assert titles["disconnect"] == "Disconnect them" and titles["clearbuzz"] == "Lower their raised hand"
    # Only requests the core's tables know: the client REST API list and the recipes' own.
    known = {name for name, _payload, _doc in api()["participant_requests"]}
    assert {BEHAVIOURS[k].request for k in CHOICES} <= known
    assert set(REST_REQUESTS["participant"]) <= {BEHAVIOURS[k].request for k in CHOICES}
    # Infinity has no "send to lobby": the nearest real request is named honestly.
    transfer = BEHAVIOURS["transfer"]
    assert transfer.request == "transfer" and "lobby" in titles["transfer"]
    assert "Infinity has no 'send to lobby'" in transfer.description
    for key in CHOICES:  # each suggests a built-in icon that exists
        assert builtin_icon(BEHAVIOURS[key].icon).name == BEHAVIOURS[key].icon


@pytest.mark.parametrize("what", CHOICES)
def test_every_choice_makes_a_plugin_check_strict_passes_with_no_problem(
    what: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    recipe = load_recipe(RECIPE)
    b = BEHAVIOURS[what]
    for confirm in (False, True):
        answers: dict[str, Any] = {"what": what, "confirm": confirm}
        assert validate_answers(recipe, answers) == []
        files = render(recipe, answers, "pa")
        root = create_project(tmp_path / f"confirm-{confirm}", files=files)
        assert [p.code for p in run_checks(load(root))] == []  # not even a note
        assert main(["check", "--strict", str(root)]) == 0
        package = json.loads(files[PACKAGE])
        # Every request on the list is host-only (hostonly.py), so hosts alone get it unless asked.
        assert b.host_only and package["participantRoles"] == ["chair"]
        (item,) = package["menuItems"]["participants"]
        assert item == {"icon": f"{b.icon}.svg#{b.icon}", "label": b.label, "action": b.function}
        assert files[f"plugins/pa/{b.icon}.svg"] == builtin_icon(b.icon).data()
        source = files[SOURCE].decode()
        assert f"'/participants/' + participant.uuid + '/{b.request}'" in source
        assert f"title: '{b.failed}'" in source  # the notice when Infinity says no
        assert ("var buttonId = " in source) is confirm  # the question first, only when asked for
    capsys.readouterr()


def test_the_other_answers_follow_the_choice_unless_given() -> None:
    recipe = load_recipe(RECIPE)
    full = recipe.complete({"what": "disconnect"})
    assert (full["label"], full["icon"], full["confirm"]) == ("Disconnect", "participant-remove", True)
    assert full["question"] == "Disconnect this person from the meeting?" and full["action"] == "disconnectParticipant"
    assert recipe.complete({"what": "transfer", "label": "Lobby"})["label"] == "Lobby"  # a given answer stays
    assert recipe.complete({})["label"] == recipe.parameter("label").default == "Mute"


def test_guests_are_offered_only_what_a_guest_may_do_to_themselves(tmp_path: Path) -> None:
    recipe = load_recipe(RECIPE)
    guests = recipe.parameter("guests")
    for key in CHOICES:
        b = BEHAVIOURS[key]
        asked = in_use(guests, {"what": key, "guests": True})
        assert asked == (b.request in hostonly.HOST_ONLY_FOR_OTHERS), key
        package = json.loads(render(recipe, {"what": key, "guests": True}, "pa")[PACKAGE])
        assert package["participantRoles"] == (["chair", "guest"] if asked else ["chair"]), key
    # Offered to guests, muting is fine for the checks: a guest may mute themselves.
    root = create_project(tmp_path / "p", files=render(recipe, {"what": "mute", "guests": True}, "pa"))
    assert main(["check", "--strict", str(root)]) == 0


def test_the_meeting_to_move_them_to_is_asked_only_for_moving(tmp_path: Path) -> None:
    recipe = load_recipe(RECIPE)
    assert validate_answers(recipe, {"what": "mute", "alias": ""}) == []
    (problem,) = validate_answers(recipe, {"what": "transfer", "alias": "my lobby"})
    assert problem.startswith("'Meeting to move them to': give the meeting's alias")
    files = render(recipe, {"what": "transfer", "alias": "lobby@example.com"}, "pa")
    assert "{conference_alias: 'lobby@example.com', role: 'guest'}" in files[SOURCE].decode()


def test_new_from_the_command_line_fits_the_choice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "p"
    assert main(["new", str(target), "--recipe", RECIPE, "--set", "what=make_host"]) == 0
    assert "with the plugin 'Make a participant a host'" in capsys.readouterr().out
    package = json.loads(
        (target / "webapp2/plugins/make-a-participant-a-host/make-a-participant-a-host.plugin.package.json").read_text()
    )
    assert package["menuItems"]["participants"][0]["label"] == "Make host"
    assert main(["check", "--strict", str(target)]) == 0


# -- in the preview's mock meeting ----------------------------------------------------------------


def _js(qtbot: Any, page: Any, script: str) -> Any:
    with qtbot.waitCallback(timeout=5000) as cb:
        page.runJavaScript(script, 0, cb)
    return cb.args[0]


_STATE = (
    "JSON.stringify({blake: PD.participants().filter(function (p) { return p.uuid === 'BLAKE'; })[0] || null,"
    " requests: PD.requests.map(function (r) { return [r.path.split('/').pop(), r.ok]; }),"
    " dialogs: Array.prototype.map.call(document.querySelectorAll('.pd-dialog'), function (d) { return d.innerText; })})"
).replace("BLAKE", BLAKE)


def _run(qtbot: Any, page: Any, pkg: Any, role: str) -> None:
    from designer.core.preview import page_html, preview_config
    from designer.gui.preview import load_html

    with qtbot.waitSignal(page.loadFinished, timeout=10000):
        load_html(page, page_html(preview_config(pkg, role=role)))
    qtbot.waitUntil(lambda: _js(qtbot, page, "!!(window.PD && PD.started)") is True, timeout=5000)
    _js(qtbot, page, f"PD.runAction('pa', 0, '{BLAKE}'); true")


def test_a_hosts_click_mutes_the_participant_and_a_guests_is_refused_with_a_notice(qtbot: Any, tmp_path: Path) -> None:
    from designer.gui.preview import new_page

    files = render(load_recipe(RECIPE), {"what": "mute", "guests": True}, "pa")
    pkg = load(create_project(tmp_path / "p", files=files))
    page = new_page()
    try:
        _run(qtbot, page, pkg, "chair")
        qtbot.waitUntil(lambda: json.loads(_js(qtbot, page, _STATE))["requests"] == [["mute", True]], timeout=5000)
        state = json.loads(_js(qtbot, page, _STATE))
        assert state["blake"]["muted"] is True and state["dialogs"] == []

        _run(qtbot, page, pkg, "guest")  # a guest may mute only themselves: Infinity refuses, the plugin says so
        qtbot.waitUntil(lambda: bool(json.loads(_js(qtbot, page, _STATE))["dialogs"]), timeout=5000)
        state = json.loads(_js(qtbot, page, _STATE))
        assert state["blake"]["muted"] is False and state["requests"] == [["mute", False]]
        (notice,) = state["dialogs"]
        assert "Could not mute them" in notice and "only hosts can mute another participant" in notice
    finally:
        import shiboken6

        shiboken6.delete(page)


def test_disconnect_asks_first_and_the_button_disconnects(qtbot: Any, tmp_path: Path) -> None:
    from designer.gui.preview import new_page

    pkg = load(create_project(tmp_path / "p", files=render(load_recipe(RECIPE), {"what": "disconnect"}, "pa")))
    page = new_page()
    try:
        _run(qtbot, page, pkg, "chair")
        qtbot.waitUntil(lambda: bool(json.loads(_js(qtbot, page, _STATE))["dialogs"]), timeout=5000)
        state = json.loads(_js(qtbot, page, _STATE))
        (question,) = state["dialogs"]
        assert "Disconnect this person from the meeting?" in question and "Blake Guest" in question
        assert state["requests"] == [] and state["blake"] is not None  # nothing happens until the button
        _js(qtbot, page, "document.querySelector('.pd-dialog button.dialog-button').click(); true")
        qtbot.waitUntil(lambda: json.loads(_js(qtbot, page, _STATE))["blake"] is None, timeout=5000)
        assert json.loads(_js(qtbot, page, _STATE)) == {
            "blake": None,
            "requests": [["disconnect", True]],
            "dialogs": [],
        }
    finally:
        import shiboken6

        shiboken6.delete(page)


def test_simulate_runs_every_choice_without_an_error(qapp: Any, tmp_path: Path) -> None:
    """All the choices in one project, run by `simulate` as a host: each loads, its item runs and
    nothing throws (the ones that ask first open their question, which the run closes)."""
    from designer.core.newproject import create_project as make
    from designer.gui.preview import simulate

    recipe = load_recipe(RECIPE)
    first = render(recipe, {"what": CHOICES[0]}, "pa-0")
    root = make(tmp_path / "p", files=first)
    settings = json.loads((root / "settings.json").read_text())
    for n, key in enumerate(CHOICES[1:], start=1):
        for rel, data in render(recipe, {"what": key}, f"pa-{n}").items():
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_bytes(data)
        settings["plugins"].append(
            {"id": f"pa-{n}", "srcURL": f"plugins/pa-{n}/pa-{n}.plugin.package.json", "enabled": True}
        )
    (root / "settings.json").write_text(json.dumps(settings))
    report = simulate(load(root)).as_json()
    assert report["ok"], report
    asked_first = {n for n, key in enumerate(CHOICES) if BEHAVIOURS[key].disruptive}
    for n, key in enumerate(CHOICES):
        plugin = next(p for p in report["plugins"] if p["key"] == f"pa-{n}")
        assert plugin["errors"] == [] and plugin["warnings"] == [], (key, plugin)
        if n in asked_first:
            assert plugin["requests"] == [] and plugin["dialogs"], key
        else:
            assert [(r["path"].rsplit("/", 1)[1], r["ok"]) for r in plugin["requests"]] == [
                (BEHAVIOURS[key].request, True)
            ]
