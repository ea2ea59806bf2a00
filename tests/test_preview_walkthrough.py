"""The preview as a support engineer uses it on plugins they did not write: many buttons, long
labels, plugins that hang or are off by default. What the mock meeting shows must be reachable."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLE
from test_preview import (
    _js,
    _keyboard_in_meeting,
    _looping,
    _open_menus,
    _preview_of,
    _wait_started,
    _window_with_preview,
    _with_code,
)

# Each toolbar button: does the point at its centre lie inside the meeting and hit the button itself?
_REACHABLE = """JSON.stringify(Array.from(document.querySelectorAll('#pd-toolbar button')).map(function (b) {
    var r = b.getBoundingClientRect(), x = r.left + r.width / 2, y = r.top + r.height / 2;
    var stage = document.getElementById('pd-stage').getBoundingClientRect();
    var inside = x >= stage.left && x <= stage.right && y >= stage.top && y <= stage.bottom;
    return [b.title, inside && document.elementFromPoint(x, y) !== null && b.contains(document.elementFromPoint(x, y))];
}))"""


def _with_items(tmp_path: Path, plugin: str, section: str, count: int, item: dict[str, str]) -> Path:
    """The example with ``count`` copies of ``item`` (each labelled "{label} n") as ``plugin``'s
    ``section`` menu items."""
    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    package = project / f"webapp2/plugins/{plugin}/{plugin}.plugin.package.json"
    data = json.loads(package.read_text())
    data["menuItems"][section] = [{**item, "label": f"{item['label']} {n}"} for n in range(1, count + 1)]
    package.write_text(json.dumps(data, indent=4))
    return project


def _with_toolbar_buttons(tmp_path: Path, count: int) -> Path:
    """The example with ``count`` toolbar buttons in Lock toggle (each runs its toggleLock)."""
    item = {"icon": "lock.svg#lock", "label": "Button", "action": "toggleLock"}
    return _with_items(tmp_path, "lock-toggle", "toolbar", count, item)


def test_every_toolbar_button_stays_in_the_meeting_however_many_there_are(qtbot: Any, tmp_path: Path) -> None:
    """Twelve toolbar buttons made the floating toolbar wider than the meeting: the first ones and
    Leave went off the left and right edges (nobody could see or press them), and the rest lay
    over the participant list. Now the toolbar wraps onto more rows inside the meeting."""
    with _preview_of(qtbot, _with_toolbar_buttons(tmp_path, 12)) as pane:
        buttons = json.loads(_js(qtbot, pane.page, _REACHABLE))
        assert len(buttons) == 4 + 12 + 1, buttons  # microphone, camera, share, chat; the plugin's; leave
        assert [title for title, reachable in buttons if not reachable] == []


def test_a_plugin_whose_load_never_ends_is_named_and_the_others_still_run(qtbot: Any, tmp_path: Path) -> None:
    """A load() stuck in an endless loop left the preview blank for good: the page never finished
    starting, nothing said why, and Restart plugins loaded the same loop again. Now, after about
    two seconds, the log and Problems name the plugin that froze the meeting (its file), and a
    fresh page runs the other plugins without it."""
    project = _looping(tmp_path, "meeting-info", "load")
    with _window_with_preview(project) as win:
        pane = win.preview_pane
        froze = "[Meeting information] This would freeze the meeting for every user"
        qtbot.waitUntil(lambda: froze in pane.log.toPlainText(), timeout=15000)
        # (Started in the run that froze too, whose log stays above the fresh page's.)
        qtbot.waitUntil(lambda: pane.log.toPlainText().count("[Lock toggle] started") == 2, timeout=10000)
        log = pane.log.toPlainText()
        assert _js(qtbot, pane.page, "1 + 1") == 2  # the meeting answers again
        placed = json.loads(
            _js(
                qtbot,
                pane.page,
                "JSON.stringify(Object.keys(PD.plugins).filter(function (k) { return PD.plugins[k].loaded; }))",
            )
        )
        problem = next(p for p in win.preview_problems if p.plugin == "meeting-info")
        # Restart plugins tries it again (the user may have fixed it meanwhile): it freezes again
        pane.findChild(type(pane.cycle_button), "previewRestart").click()
        qtbot.waitUntil(lambda: froze in pane.log.toPlainText(), timeout=15000)
    assert sorted(placed) == ["lock-toggle", "raise-hand-helper"]
    assert "plugins/meeting-info/meeting-info.plugin.js" in log
    assert "Oops" not in log
    assert problem.file == "plugins/meeting-info/meeting-info.plugin.js"
    assert "freeze" in problem.message and "Oops" not in problem.message


def test_the_log_says_a_plugin_is_off_when_the_app_starts(qtbot: Any, tmp_path: Path) -> None:
    """A plugin switched off in settings.json just was not in the meeting, and the log said
    nothing of it (as it does of one not for this role or platform): its missing button looked
    like a broken plugin. Now the log says it is off when the app starts, and where users (or
    nobody, when they may not switch it) turn it on."""
    from test_preview import _example_with_meeting_info_off

    project = _example_with_meeting_info_off(tmp_path)
    with _preview_of(qtbot, project) as pane:
        log = pane.log.toPlainText()
        switch = "PDUI.tab = 'plugins'; PDUI.render(); document.querySelector('[data-toggle=\"meeting-info\"]').click(); true"
        _js(qtbot, pane.page, switch)
        qtbot.waitUntil(lambda: "[Meeting information] started" in pane.log.toPlainText(), timeout=5000)
    assert (
        "[Meeting information] off when the app starts ('Switched on when the app starts' is not ticked in its "
        "form): its buttons appear once a user switches it on in Settings ▸ Plugins" in log
    ), log
    assert "[Meeting information] started" not in log and "[Lock toggle] started" in log

    package = project / "webapp2/plugins/meeting-info/meeting-info.plugin.package.json"
    package.write_text(package.read_text().replace('"allowUnload": true', '"allowUnload": false'))
    with _preview_of(qtbot, project) as pane:
        log = pane.log.toPlainText()
    assert "[Meeting information] never started: 'Switched on when the app starts' is not ticked" in log, log


def test_a_long_menu_label_is_shown_whole_inside_the_meeting(qtbot: Any, tmp_path: Path) -> None:
    """A long label in the meeting menu made the menu wider than the meeting: the end of the label
    (and of the plugin's name beside it) ran off the right edge, where nobody could read it."""
    label = "Show the meeting information to everyone who joined, with the lock, the mute and the chat status"
    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    package = project / "webapp2/plugins/meeting-info/meeting-info.plugin.package.json"
    package.write_text(package.read_text().replace('"label": "Meeting information"', f'"label": "{label}"'))
    script = """(function () { PDUI.confMenuOpen = true; PDUI.render();
        var item = document.querySelector('[data-kind=conference]');
        var r = item.getBoundingClientRect(), text = item.querySelector('span');
        return JSON.stringify([item.dataset.label, r.left >= 0 && r.right <= window.innerWidth,
                               text.scrollWidth <= text.clientWidth]); })()"""
    with _preview_of(qtbot, project) as pane:
        shown, inside, whole = json.loads(_js(qtbot, pane.page, script))
    assert shown == label
    assert inside and whole


_FOCUSED = """(function () { var e = document.activeElement;
    var d = e ? e.dataset || {} : {};
    return e ? [d.kind || d.participant || d.tab || d.toggle || d.ui || e.tagName, d.plugin || ''].join(' ') : ''; })()"""


def test_every_plugin_button_and_menu_item_works_from_the_keyboard(qtbot: Any, tmp_path: Path) -> None:
    """With the keyboard only, Tab went from the meeting menu's button to the toolbar: the plugins'
    items in the meeting menu and in a participant's menu (and the participants, to open it)
    could not be reached or pressed. And a press on a plugin's toolbar button with Enter lost the
    keyboard's place as soon as the plugin changed its label: Tab started again at the top."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    with _preview_of(qtbot, project) as pane:
        win = pane.window()
        win.activateWindow()
        qtbot.waitUntil(win.isActiveWindow)
        reset = pane.findChild(type(pane.cycle_button), "previewResetMeeting")
        reset.setFocus()

        def key(k: Any) -> None:
            qtbot.keyClick(QApplication.focusWidget(), k)

        def focused() -> str:
            return str(_js(qtbot, pane.page, _FOCUSED))

        def where() -> str:  # the focused element itself, to see the focus move between alike ones
            return str(_js(qtbot, pane.page, "document.activeElement.outerHTML.slice(0, 300)"))

        def tab_to(what: str) -> None:
            seen = [focused()]
            for _ in range(40):
                before = where()
                key(Qt.Key.Key_Tab)
                # Chromium takes the key in its own time: read where it went once it has moved
                qtbot.waitUntil(lambda b=before: where() != b or not pane.view.isAncestorOf(QApplication.focusWidget()))
                assert pane.view.isAncestorOf(QApplication.focusWidget()), f"left the meeting before {what}: {seen}"
                seen.append(focused())
                if seen[-1] == what:
                    return
            raise AssertionError(f"Tab never reached {what}: {seen}")

        tab_to("conf ")  # the meeting menu's button: Enter opens the menu (it starts closed, as in the app)
        key(Qt.Key.Key_Return)
        tab_to("conference meeting-info")
        key(Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: "opened dialog “Meeting information”" in pane.log.toPlainText(), timeout=5000)
        _js(qtbot, pane.page, "PD.closeDialogs(); true")

        tab_to("toolbar lock-toggle")
        key(Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: "sendRequest /lock → ok" in pane.log.toPlainText(), timeout=5000)
        qtbot.waitUntil(lambda: "Unlock" in str(_js(qtbot, pane.page, "document.activeElement.title")), timeout=5000)
        assert _js(qtbot, pane.page, _FOCUSED) == "toolbar lock-toggle"  # still there to press again

        blake = "00000000-0000-4000-8000-000000000002"
        tab_to(f"{blake} ")  # a participant: Enter opens (or closes) their menu
        key(Qt.Key.Key_Return)
        tab_to("participants raise-hand-helper")  # their menu is open: Lower hand
        key(Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: f"/participants/{blake}/clearbuzz" in str(pane.events), timeout=5000)


def test_a_plugin_dialog_takes_the_keyboard_and_gives_it_back(qtbot: Any, tmp_path: Path) -> None:
    """Enter on a menu item that opens a plugin's dialog left the keyboard behind it: Tab walked
    the meeting's buttons under the dialog, and its fields and Close button were out of reach.
    Now the dialog's first control has the focus, Tab stays in the dialog, and closing it brings
    the keyboard back to the item that opened it."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    in_dialog = "!!document.activeElement.closest('.pd-dialog')"
    with _preview_of(qtbot, project) as pane:
        _keyboard_in_meeting(qtbot, pane)
        _open_menus(qtbot, pane.page)
        _js(qtbot, pane.page, "document.querySelector('[data-kind=conference]').focus(); true")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, in_dialog) is True, timeout=5000)
        element = "document.activeElement.outerHTML.slice(0, 300)"
        stops = []
        for key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Backtab):  # the dialog's × and Close button
            before = _js(qtbot, pane.page, element)
            qtbot.keyClick(QApplication.focusWidget(), key)
            qtbot.waitUntil(
                lambda b=before: (
                    not pane.view.isAncestorOf(QApplication.focusWidget()) or _js(qtbot, pane.page, element) != b
                )
            )
            if not pane.view.isAncestorOf(QApplication.focusWidget()):
                pane.view.setFocus()  # Tab left the meeting (past the dialog's last control): back in
                continue
            stops.append(_js(qtbot, pane.page, in_dialog))
        assert stops and False not in stops, stops  # never on the meeting under the dialog
        pane.view.setFocus()
        _js(qtbot, pane.page, "document.getElementById('meetingInfoCloseButton').focus(); true")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: "dialog closed" in pane.log.toPlainText(), timeout=5000)
        back = "document.activeElement.dataset.kind + ' ' + document.activeElement.dataset.plugin"
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, back) == "conference meeting-info", timeout=5000)


def test_the_log_takes_the_dark_colours_when_the_appearance_turns_dark(qtbot: Any, tmp_path: Path) -> None:
    """View ▸ Appearance ▸ Dark left the lines already in the log in their light colours (grey
    #666666 and dark red on a dark background, hard to read): the log was drawn again before it
    had its dark palette. Now its lines take the dark colours."""
    from PySide6.QtGui import QAction

    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    with _preview_of(qtbot, project) as pane:
        qtbot.waitUntil(lambda: "[Lock toggle] started" in pane.log.toPlainText(), timeout=5000)
        win = pane.window()
        try:
            html = pane.log.document().toHtml
            win.findChild(QAction, "appearance_dark").trigger()  # the widgets are told in their own time
            qtbot.waitUntil(lambda: "#a8a8a8" in html(), timeout=3000)  # "started": light grey on the dark log
            assert "#666666" not in html()
            win.findChild(QAction, "appearance_light").trigger()
            qtbot.waitUntil(lambda: "#666666" in html(), timeout=3000)
            assert "#a8a8a8" not in html()
        finally:
            win.findChild(QAction, "appearance_system").trigger()


def _with_a_comma_missing_in_settings(tmp_path: Path) -> tuple[Path, int]:
    """The example with settings.json not valid JSON, and the line its error is reported at."""
    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    settings = project / "webapp2/settings.json"
    lines = settings.read_text().split("\n")
    index = next(i for i, line in enumerate(lines) if line.strip() == "},")  # after the first entry
    lines[index] = lines[index].replace("},", "}")
    settings.write_text("\n".join(lines))
    return project, index + 1  # the line the comma is missing at (after the first entry's })


def test_the_log_says_why_no_plugin_is_there_when_settings_json_is_broken(qtbot: Any, tmp_path: Path) -> None:
    """settings.json with a comma missing hides every plugin in the app (the top cause of "my
    plugin does not appear"), and the preview showed a meeting without them and an empty log,
    as if there were none. Now the log says why, naming settings.json and the line."""
    project, line = _with_a_comma_missing_in_settings(tmp_path)
    with _window_with_preview(project) as win:
        pane = win.preview_pane
        qtbot.waitUntil(lambda: "settings.json" in pane.log.toPlainText(), timeout=10000)
        log = pane.log.toPlainText()
    assert f"(settings.json, line {line})" in log, log
    assert "none of the plugins" in log and "not valid JSON" in log, log


# Each piece of the meeting's top bar: on how many lines its words are drawn, and whether they are cut off.
_TOP_BAR = """JSON.stringify(Array.from(document.querySelectorAll('#pd-conf-button, #pd-top .pd-title, #pd-top .pd-badge')).map(function (el) {
    var range = document.createRange(); range.selectNodeContents(el);
    var tops = {}; Array.prototype.forEach.call(range.getClientRects(), function (r) { if (r.width > 0) { tops[Math.round(r.top)] = 1; } });
    return [el.textContent, Object.keys(tops).length, el.scrollHeight <= el.clientHeight + 1];
}))"""


def test_the_meeting_top_bar_keeps_each_name_on_one_line(qtbot: Any, tmp_path: Path) -> None:
    """In the dock beside the editor the meeting's top bar broke its words over two lines:
    "Meeting room" with its ▾ under it, the meeting's name with its second line cut off, and
    "Host · Web app" (who the preview is seen by) split in two. Now each stays on one line; the
    meeting's name gives way (shortened with …) when the bar is narrow."""
    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    with _window_with_preview(project, (1024, 700)) as win:  # a small laptop screen: the narrowest meeting
        pane = win.preview_pane
        _wait_started(qtbot, pane)
        pieces = json.loads(_js(qtbot, pane.page, _TOP_BAR))
        width = _js(qtbot, pane.page, "innerWidth")
    assert [text for text, lines, _whole in pieces if lines != 1] == [], (width, pieces)
    assert [text for text, _lines, whole in pieces if not whole] == [], (width, pieces)


def test_a_long_toolbar_label_shows_whole_when_the_mouse_is_on_its_button(qtbot: Any, tmp_path: Path) -> None:
    """A toolbar button's label is its hover text. A long one was drawn on one line centred on the
    button, wider than the meeting: both its ends were cut off by the edges of the view."""
    from PySide6.QtCore import QPoint
    from PySide6.QtTest import QTest

    label = "Start recording this meeting to the company's archive, with the chat and the shared slides"
    project = _with_toolbar_buttons(tmp_path, 1)
    package = project / "webapp2/plugins/lock-toggle/lock-toggle.plugin.package.json"
    package.write_text(package.read_text().replace('"Button 1"', f'"{label}"'))
    js = project / "webapp2/plugins/lock-toggle/lock-toggle.plugin.js"
    js.write_text(js.read_text().replace("state$: state$", "state$: null"))  # the package's label stays
    tip = """(function () { var t = document.querySelector('.pd-tip'); if (!t) { return null; }
        var r = t.getBoundingClientRect();
        return JSON.stringify([t.textContent, r.left >= 0 && r.right <= innerWidth && r.top >= 0]); })()"""
    with _preview_of(qtbot, project) as pane:
        centre = json.loads(
            _js(
                qtbot,
                pane.page,
                """(function () { var r = document.querySelector('[data-kind=toolbar]').getBoundingClientRect();
                return JSON.stringify([r.left + r.width / 2, r.top + r.height / 2]); })()""",
            )
        )
        QTest.mouseMove(pane.view.focusProxy(), QPoint(int(centre[0]), int(centre[1])))

        def tip_now() -> Any:
            text = _js(qtbot, pane.page, tip)
            return json.loads(text) if isinstance(text, str) and text.startswith("[") else None

        qtbot.waitUntil(lambda: tip_now() is not None, timeout=5000)
        shown, inside = tip_now()
    assert shown == label
    assert inside


def test_a_toolbar_button_reached_with_tab_shows_its_label(qtbot: Any, tmp_path: Path) -> None:
    """A toolbar button is an icon whose label shows when the mouse is on it: reached with Tab, it
    showed nothing, so a keyboard user could not tell the plugins' buttons apart."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    tip = "(function () { var t = document.querySelector('.pd-tip'); return t ? t.textContent : ''; })()"
    with _preview_of(qtbot, project) as pane:
        _keyboard_in_meeting(qtbot, pane)
        _js(qtbot, pane.page, "document.querySelector('#pd-toolbar [title=Chat]').focus(); true")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # from Chat to the plugin's button
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, "document.activeElement.dataset.plugin") == "lock-toggle")
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, tip) == "Lock meeting", timeout=3000)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # on to Leave: the label goes
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, tip) == "", timeout=3000)


def test_a_plugin_that_freezes_when_the_meeting_changes_is_named(qtbot: Any, tmp_path: Path) -> None:
    """A plugin stuck in an endless loop when the meeting changed (here: once it is locked, from
    the simulator) froze the preview with nothing said until Restart plugins, and then only "one
    of them" was busy. Now, after about two seconds, the log names it and what it was doing."""
    project = _with_code(
        tmp_path,
        "meeting-info",
        "function load(",
        "function load() { arguments[1].subscribe(function (d) { while (d.locked) {} }); }\n    function unused(",
    )
    with _window_with_preview(project) as win:
        pane = win.preview_pane
        qtbot.waitUntil(lambda: "[Meeting information] started" in pane.log.toPlainText(), timeout=10000)
        pane.sim_button.click()
        qtbot.waitUntil(pane.sim_toggles["locked"].isVisible)
        pane.sim_toggles["locked"].click()
        froze = "[Meeting information] This would freeze the meeting for every user — its code never finished when"
        qtbot.waitUntil(lambda: froze in pane.log.toPlainText(), timeout=15000)
        qtbot.waitUntil(lambda: "[Lock toggle] started" in pane.log.toPlainText(), timeout=10000)
        log = pane.log.toPlainText()
    assert "the meeting changed" in log, log


def test_a_call_to_an_api_function_the_app_lacks_is_said_in_plain_words(qtbot: Any, tmp_path: Path) -> None:
    """A button calling PEX.pluginAPI.openDialog (the app has openTemplateDialog) was reported
    as Chromium put it, "TypeError: PEX.pluginAPI.openDialog is not a function": now the log
    says the app has no such function, still with the file and line."""
    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    js = project / "webapp2/plugins/meeting-info/meeting-info.plugin.js"
    text = js.read_text().replace("window.PEX.pluginAPI.openTemplateDialog(", "window.PEX.pluginAPI.openDialog(", 1)
    js.write_text(text)
    line = next(i for i, t in enumerate(text.split("\n"), 1) if "openDialog(" in t)
    with _preview_of(qtbot, project) as pane:
        _open_menus(qtbot, pane.page)
        _js(qtbot, pane.page, "document.querySelector('[data-kind=conference]').click(); true")
        qtbot.waitUntil(lambda: "Oops" in pane.log.toPlainText(), timeout=5000)
        log = pane.log.toPlainText()
    assert "PEX.pluginAPI.openDialog does not exist: the app has no such function" in log, log
    assert f"at plugins/meeting-info/meeting-info.plugin.js:{line}" in log, log


def test_the_log_names_the_button_pressed_by_its_label(qtbot: Any, tmp_path: Path) -> None:
    """The log said "button pressed: toggleLock", the name of a function in the plugin's code,
    and for a plugin whose buttons share one function it said the same for each: which button
    was pressed could not be told. Now it says the button's label (and whose menu it was in)."""
    project = _with_toolbar_buttons(tmp_path, 2)
    js = project / "webapp2/plugins/lock-toggle/lock-toggle.plugin.js"
    js.write_text(js.read_text().replace("state$: state$", "state$: null"))  # the package's labels stay
    with _preview_of(qtbot, project) as pane:
        _js(qtbot, pane.page, "document.querySelectorAll('[data-kind=toolbar]')[1].click(); true")
        _open_menus(qtbot, pane.page)
        _js(qtbot, pane.page, "document.querySelector('[data-kind=participants]').click(); true")
        qtbot.waitUntil(lambda: "Raise hand helper] pressed" in pane.log.toPlainText(), timeout=5000)
        log = pane.log.toPlainText()
    assert "[Lock toggle] pressed “Button 2”" in log, log
    assert "[Raise hand helper] pressed “Lower hand” in Blake Guest's menu" in log, log
    assert "toggleLock" not in log and "lowerHand" not in log, log


def test_the_project_page_does_not_say_no_plugins_yet_when_settings_json_is_broken(window: Any, tmp_path: Path) -> None:
    """With settings.json not valid JSON, the project's page said "No plugins yet: Plugin ▸ Add
    Plugin… makes one", as if the package had none, to someone who was given three: it now says
    settings.json cannot be read (with the line), so the app shows none of its plugins."""
    project, line = _with_a_comma_missing_in_settings(tmp_path)
    window.open_path(project)
    page = window.details.toPlainText()
    assert "No plugins yet" not in page, page
    assert "settings.json is not valid JSON" in page and f"line {line}" in page, page
    assert "the app shows none of its plugins" in page, page


def test_the_refused_card_leaves_a_tall_toolbar_in_sight(qtbot: Any, tmp_path: Path) -> None:
    """Seen by a Guest, a refused request is said on a card over the meeting, just above the
    toolbar's place. A toolbar on more than one row (many buttons) went under the card: its upper
    rows could be neither seen nor pressed until the card was dismissed."""
    project = _with_toolbar_buttons(tmp_path, 12)
    package = project / "webapp2/plugins/lock-toggle/lock-toggle.plugin.package.json"
    data = json.loads(package.read_text())
    data["participantRoles"] = ["chair", "guest"]
    package.write_text(json.dumps(data, indent=4))
    with _preview_of(qtbot, project) as pane:
        pane.set_role("guest")
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, "PD.config.role") == "guest", timeout=10000)
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, "!!(window.PD && PD.started)") is True, timeout=10000)
        _js(qtbot, pane.page, "document.querySelector('[data-kind=toolbar]').click(); true")
        card = "document.getElementById('pd-refused').className"
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, card) == "show", timeout=5000)
        buttons = json.loads(_js(qtbot, pane.page, _REACHABLE))
    assert [title for title, reachable in buttons if not reachable] == []


def test_the_log_says_which_placement_is_shown_when_a_plugin_has_two(qtbot: Any, tmp_path: Path) -> None:
    """A package with items in two placements (a toolbar button and a meeting menu item; the app
    expects one) showed only the first in the meeting and said nothing: the other items looked
    lost, or their plugin broken. The log now says which placement the preview shows."""
    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    package = project / "webapp2/plugins/lock-toggle/lock-toggle.plugin.package.json"
    data = json.loads(package.read_text())
    data["menuItems"]["conference"] = [{"icon": "lock.svg#lock", "label": "Lock from the menu", "action": "toggleLock"}]
    package.write_text(json.dumps(data, indent=4))
    with _preview_of(qtbot, project) as pane:
        log = pane.log.toPlainText()
    assert (
        "[Lock toggle] has items in two placements (conference menu items, toolbar buttons) where the app expects "
        "one: the preview shows only its conference menu items" in log
    ), log


def test_restart_plugins_pressed_while_a_button_freezes_the_meeting_tries_that_plugin_again(
    qtbot: Any, tmp_path: Path
) -> None:
    """Restart plugins (or an edit, or a role switch) tries a plugin that froze the meeting again.
    Pressed in the two seconds before the freeze was found, it did not: the freeze of the run it
    replaced was counted against the new one, and the plugin was left off, although its start
    never froze anything (only its button did)."""
    project = _looping(tmp_path, "meeting-info", "showMeetingInfo")
    with _window_with_preview(project) as win:
        pane = win.preview_pane
        qtbot.waitUntil(lambda: "[Meeting information] started" in pane.log.toPlainText(), timeout=10000)
        _open_menus(qtbot, pane.page)
        pane.page.runJavaScript("document.querySelector('[data-kind=conference]').click()")
        qtbot.waitUntil(lambda: "[Meeting information] pressed" in pane.log.toPlainText(), timeout=5000)
        pane.findChild(type(pane.cycle_button), "previewRestart").click()
        froze = "[Meeting information] This would freeze the meeting for every user"
        qtbot.waitUntil(lambda: froze in pane.log.toPlainText(), timeout=15000)
        # The plugins start after the freeze is said, in the order of settings.json: when the last
        # one has, meeting-info has too (unless it was left off).
        qtbot.waitUntil(lambda: "[Raise hand helper] started" in pane.log.toPlainText().split(froze)[-1], timeout=10000)
        log = pane.log.toPlainText()
    assert "when its button “" in log, log  # what froze the meeting is still said
    assert "[Meeting information] started" in log, log
    assert "left off" not in log, log


def test_a_plugin_alert_read_for_a_while_is_not_taken_for_a_frozen_meeting(qtbot: Any, tmp_path: Path) -> None:
    """A button calling alert() waits for the user to press OK, as in the app. Read for more than
    two seconds, it was taken for an endless loop: the log said the plugin's code never finished
    and the plugin was left off, its page thrown away under the open message."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from designer.gui.preview import FROZEN_AFTER_MS

    project = _with_code(
        tmp_path,
        "meeting-info",
        "function showMeetingInfo(",
        "function showMeetingInfo() { window.alert('Read me slowly'); }\n    function unused(",
    )
    shown: list[str] = []

    def press_ok() -> None:  # the user, having read the message
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            shown.append(box.text())
            box.accept()

    with _window_with_preview(project) as win:
        pane = win.preview_pane
        qtbot.waitUntil(lambda: "[Meeting information] started" in pane.log.toPlainText(), timeout=10000)
        QTimer.singleShot(3 * FROZEN_AFTER_MS, pane, press_ok)  # longer than a freeze takes to be found
        _open_menus(qtbot, pane.page)
        pane.page.runJavaScript("document.querySelector('[data-kind=conference]').click()")
        qtbot.waitUntil(lambda: bool(shown), timeout=10000)
        qtbot.wait(3 * FROZEN_AFTER_MS)  # time for a freeze to be (wrongly) found after it
        log = pane.log.toPlainText()
        assert _js(qtbot, pane.page, "PD.plugins['meeting-info'].loaded") is True  # the same page, still running it
    assert shown == ["Read me slowly"]
    assert "freeze" not in log and "left off" not in log, log


def _with_conference_items(tmp_path: Path, count: int) -> Path:
    """The example with ``count`` items in Meeting information's conference menu."""
    item = {"icon": "info.svg#info", "label": "Item", "action": "showMeetingInfo"}
    return _with_items(tmp_path, "meeting-info", "conference", count, item)


_LAST_CONFERENCE_ITEM = """(function () {
    var menu = document.getElementById('pd-conf-menu'), items = menu.querySelectorAll('.pd-mi.plugin');
    var last = items[items.length - 1];
    menu.scrollTop = menu.scrollHeight;  // the mouse wheel over the menu
    var m = menu.getBoundingClientRect(), r = last.getBoundingClientRect();
    var hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return JSON.stringify({menuBottom: m.bottom, height: window.innerHeight, lastHit: !!hit && last.contains(hit)});
})()"""


def test_a_long_meeting_menu_scrolls_inside_the_meeting(qtbot: Any, tmp_path: Path) -> None:
    """Twenty plugin items in the meeting menu ran past the bottom of the preview: the page does not
    scroll, so the last items could be neither seen nor pressed. Now the menu ends inside the
    meeting and scrolls, as the app's does."""
    with _preview_of(qtbot, _with_conference_items(tmp_path, 20)) as pane:
        _open_menus(qtbot, pane.page)
        shown = json.loads(_js(qtbot, pane.page, _LAST_CONFERENCE_ITEM))
    assert shown["menuBottom"] <= shown["height"], shown
    assert shown["lastHit"], shown


@pytest.mark.parametrize("ask", ["alert", "confirm", "prompt"])
def test_an_alert_in_load_does_not_interrupt_typing_in_its_source(qtbot: Any, tmp_path: Path, ask: str) -> None:
    """A plugin calling alert() (or confirm(), prompt()) in load() showed its box, modal, after every
    pause in the typing of its source (each restarts the plugins): twelve boxes for a twelve-letter
    comment, each taking the keyboard out of the editor. Now a restart after an edit says the box in
    the log; Restart plugins shows it again."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

    project = _with_code(
        tmp_path,
        "meeting-info",
        "function load(",
        f"function load() {{ window.{ask}('Welcome!'); }}\n    function unused(",
    )
    shown: list[str] = []

    def press_ok() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, (QMessageBox, QInputDialog)):
            shown.append(box.text() if isinstance(box, QMessageBox) else box.labelText())
            box.accept()

    boxes = QTimer(interval=50)
    boxes.timeout.connect(press_ok)
    boxes.start()
    try:
        with _window_with_preview(project) as win:
            pane = win.preview_pane
            qtbot.waitUntil(lambda: shown == ["Welcome!"], timeout=10000)  # the first start: as in the app
            source = ("file", "plugins/meeting-info/meeting-info.plugin.js")
            win.tree.setCurrentItem(win._find_tree_item(win.tree.topLevelItem(0), source))
            editor = win.source_editor
            editor.setFocus()
            qtbot.keyClicks(editor, "// hi")
            qtbot.waitUntil(lambda: f"{ask} “Welcome!” not shown" in pane.log.toPlainText(), timeout=10000)
            assert shown == ["Welcome!"], pane.log.toPlainText()
            pane.findChild(type(pane.cycle_button), "previewRestart").click()
            qtbot.waitUntil(lambda: len(shown) == 2, timeout=10000)
    finally:
        boxes.stop()


# Each toolbar button, scrolled into the toolbar's view as a wheel or Tab would: does the point at
# its centre lie in the meeting, below its top bar, and hit the button itself?
_REACHABLE_SCROLLED = """JSON.stringify(Array.from(document.querySelectorAll('#pd-toolbar button')).map(function (b) {
    b.scrollIntoView({ block: 'nearest' });
    var r = b.getBoundingClientRect(), x = r.left + r.width / 2, y = r.top + r.height / 2;
    var top = document.getElementById('pd-top').getBoundingClientRect().bottom;
    var hit = document.elementFromPoint(x, y);
    return [b.title, y > top && hit !== null && b.contains(hit)];
}))"""


def test_sixty_toolbar_buttons_can_all_be_reached_and_show_their_label(qtbot: Any, tmp_path: Path) -> None:
    """With about sixty toolbar buttons the toolbar wrapped onto so many rows that its top ones sat
    under the meeting's top bar, out of reach. Now it is never taller than the meeting and scrolls,
    and the label of a button in its top row shows whole, not cut off by the toolbar's edge."""
    from PySide6.QtCore import QPoint
    from PySide6.QtTest import QTest

    with _preview_of(qtbot, _with_toolbar_buttons(tmp_path, 60)) as pane:
        buttons = json.loads(_js(qtbot, pane.page, _REACHABLE_SCROLLED))
        assert len(buttons) == 4 + 60 + 1
        assert [title for title, reachable in buttons if not reachable] == []
        centre = json.loads(
            _js(
                qtbot,
                pane.page,
                """(function () { var b = document.querySelector('[data-kind=toolbar]');
                b.scrollIntoView({ block: 'nearest' }); var r = b.getBoundingClientRect();
                return JSON.stringify([r.left + r.width / 2, r.top + r.height / 2, b.dataset.label]); })()""",
            )
        )
        QTest.mouseMove(pane.view.focusProxy(), QPoint(int(centre[0]), int(centre[1])))
        tip = """(function () { var t = document.querySelector('.pd-tip'); if (!t) { return null; }
            var r = t.getBoundingClientRect(), top = document.getElementById('pd-top').getBoundingClientRect().bottom;
            return JSON.stringify([t.textContent, r.top >= top && r.left >= 0 && r.right <= innerWidth && r.bottom <= innerHeight,
                getComputedStyle(t).visibility]); })()"""

        def tip_now() -> Any:
            text = _js(qtbot, pane.page, tip)
            return json.loads(text) if isinstance(text, str) and text.startswith("[") else None

        qtbot.waitUntil(lambda: tip_now() is not None, timeout=5000)
        shown, inside, visibility = tip_now()
        # Not clipped by the scrolling toolbar: the tip's middle is not outside the toolbar's view
        clipped = _js(
            qtbot,
            pane.page,
            """(function () { var t = document.querySelector('.pd-tip'), tb = document.getElementById('pd-toolbar');
            if (!tb.contains(t)) { return false; }
            var r = t.getBoundingClientRect(), v = tb.getBoundingClientRect();
            return r.top < v.top || r.bottom > v.bottom; })()""",
        )
    assert shown == centre[2]  # (the label the plugin gives it while it runs)
    assert inside and visibility == "visible"
    assert clipped is False
