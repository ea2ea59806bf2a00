"""The preview, second round: the keyboard in plugin dialogs (undo, Escape), and plugins that
freeze the meeting from promise callbacks or only take a long time."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLE
from test_preview import _js, _keyboard_in_meeting, _looping, _open_menus, _preview_of, _window_with_preview, _with_code

_OPEN_FORM = """PEX.pluginAPI.openTemplateDialog({title: 'Alias', body: '<input id="alias" class="pex-text-input">'})
    .then(function (ref) { window.closedTimes = 0; ref.close$.subscribe(function () { window.closedTimes += 1; }); });
    true"""


def _edit_in_designer(win: Any) -> list[str]:
    """One step on the designer's undo stack that notes when it is undone."""
    from PySide6.QtGui import QUndoCommand

    undone: list[str] = []

    class Step(QUndoCommand):
        def undo(self) -> None:
            undone.append("undone")

    win.editor.undo_stack.push(Step("Rename plugin"))
    return undone


def test_ctrl_z_in_a_dialog_field_undoes_the_typing_not_the_designers_edit(qtbot: Any, tmp_path: Path) -> None:
    """Ctrl+Z typed in a plugin dialog's text field undid the designer's last edit (Edit ▸ Undo
    took the key) and left the typing in the field. Now the field undoes its own typing, and the
    designer's edit stays; outside a text field Ctrl+Z in the meeting still undoes the edit."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    with _preview_of(qtbot, project) as pane:
        undone = _edit_in_designer(pane.window())
        _keyboard_in_meeting(qtbot, pane)
        _js(qtbot, pane.page, _OPEN_FORM)
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, "document.activeElement.id") == "alias", timeout=5000)
        qtbot.keyClicks(QApplication.focusWidget(), "abc")
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, "document.getElementById('alias').value") == "abc", timeout=5000)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, "document.getElementById('alias').value") != "abc", timeout=5000)
        assert undone == []
        _js(qtbot, pane.page, "PD.closeDialogs(); document.querySelector('#pd-toolbar button').focus(); true")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: undone == ["undone"], timeout=5000)


def test_escape_closes_a_plugin_dialog_as_its_close_button_does(qtbot: Any, tmp_path: Path) -> None:
    """Escape left a plugin's dialog open (only its × or the plugin's own button closed it), where
    the app's dialogs close on Escape. Now Escape closes the dialog on top, its close$ fires once
    as for the × button, and the keyboard goes back to the item that opened it."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    with _preview_of(qtbot, project) as pane:
        _keyboard_in_meeting(qtbot, pane)
        _open_menus(qtbot, pane.page)
        _js(qtbot, pane.page, "document.querySelector('[data-kind=conference]').focus(); true")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, "PD.dialogs.length") == 1, timeout=5000)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: "dialog closed" in pane.log.toPlainText(), timeout=5000)
        assert _js(qtbot, pane.page, "document.querySelectorAll('.pd-dialog').length") == 0
        back = "document.activeElement.dataset.kind + ' ' + document.activeElement.dataset.plugin"
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, back) == "conference meeting-info", timeout=5000)

        # Two dialogs open: Escape closes the one on top (its close$ once), then the other.
        _js(qtbot, pane.page, _OPEN_FORM.replace("closedTimes", "firstClosed"))
        _js(qtbot, pane.page, _OPEN_FORM)
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, "PD.dialogs.length") == 2, timeout=5000)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, "PD.dialogs.length") == 1, timeout=5000)
        assert _js(qtbot, pane.page, "[window.closedTimes, window.firstClosed].join()") == "1,0"
        assert _js(qtbot, pane.page, "document.activeElement.id") == "alias"  # in the dialog left open
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, "PD.dialogs.length") == 0, timeout=5000)
        assert _js(qtbot, pane.page, "[window.closedTimes, window.firstClosed].join()") == "1,1"


_LATER_LOOPS = {
    "then": "function toggleLock() { PEX.pluginAPI.sendRequest('/lock').then(function () { while (true) {} }); }",
    "await": "async function toggleLock() { await PEX.pluginAPI.sendRequest('/lock'); while (true) {} }",
    "interval": "function toggleLock() { setInterval(function () { while (true) {} }, 50); }",
}


@pytest.mark.parametrize("how", sorted(_LATER_LOOPS))
def test_an_endless_loop_in_a_promise_callback_is_named(qtbot: Any, tmp_path: Path, how: str) -> None:
    """A button whose code looped for ever in a .then callback (or after an await) froze the
    meeting with nothing said until Restart plugins, and then only that one of the plugins "did
    not answer". Now, as for a loop in the button itself, the log names the plugin and the button
    that started it, and the other plugins run on without it."""
    project = _with_code(tmp_path, "lock-toggle", "function toggleLock(", _LATER_LOOPS[how] + "\n    function unused(")
    with _preview_of(qtbot, project) as pane:
        pane.page.runJavaScript("document.querySelector('[data-plugin=\"lock-toggle\"]').click()")
        froze = "[Lock toggle] This would freeze the meeting for every host — its code never finished"
        qtbot.waitUntil(lambda: froze in pane.log.toPlainText(), timeout=15000)
        qtbot.waitUntil(lambda: "[Meeting information] started" in pane.log.toPlainText(), timeout=10000)
        log = pane.log.toPlainText()
    doing = "in a timer it set" if how == "interval" else "when its button “Lock meeting” was pressed"
    assert doing in log, log
    assert "did not answer" not in log


def test_a_load_that_takes_three_seconds_is_said_to_be_slow_and_runs(qtbot: Any, tmp_path: Path) -> None:
    """A load() busy for 3.2 s (a big calculation, not a loop) was stopped at two seconds and
    reported as an endless loop that would freeze the meeting, and the plugin was left off. Now
    the log says how long it took, that the meeting would be frozen that long, and it runs."""
    slow = "function load() { var end = Date.now() + 3200; while (Date.now() < end) {} return slowLoad.apply(this, arguments); }"
    project = _with_code(tmp_path, "meeting-info", "function load(", slow + "\n    function slowLoad(")
    with _window_with_preview(project) as win:
        pane = win.preview_pane
        qtbot.waitUntil(lambda: "[Meeting information] warning: took 3." in pane.log.toPlainText(), timeout=15000)
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, "!!(window.PD && PD.started)") is True, timeout=5000)
        loaded = _js(qtbot, pane.page, "PD.plugins['meeting-info'].loaded")
        log = pane.log.toPlainText()
        problems = [p.message for p in win.preview_problems]
    assert loaded is True
    assert "to start: the meeting would be frozen that long" in log, log
    assert "endless loop" not in log and "This would freeze" not in log, log
    assert not [m for m in problems if "freeze" in m], problems


def test_a_click_on_the_freeze_line_shows_the_function_that_froze(qtbot: Any, tmp_path: Path) -> None:
    """The log's "This would freeze the meeting" line, and its entry in Problems, named only the
    file: a click on it opened the file at its top, however long, with nothing to say where.
    The page cannot say which line loops, but the designer knows which function it was running
    (the button's action, load, unload): the line now names it and a click shows it."""
    from PySide6.QtCore import Qt

    project = _looping(tmp_path, "lock-toggle", "toggleLock")
    js = project / "webapp2/plugins/lock-toggle/lock-toggle.plugin.js"
    line = 1 + js.read_text().split("\n").index("    function toggleLock() { while (true) {} }")
    with _preview_of(qtbot, project) as pane:
        win = pane.window()
        pane.page.runJavaScript("document.querySelector('[data-plugin=\"lock-toggle\"]').click()")
        froze = "[Lock toggle] This would freeze the meeting"
        qtbot.waitUntil(lambda: froze in pane.log.toPlainText(), timeout=15000)
        text = next(t for t in pane.log.toPlainText().split("\n") if t.startswith(froze))
        problem = next(p for p in win.preview_problems if p.plugin == "lock-toggle")
        block = pane.log.document().find(froze).block()
        rect = pane.log.blockBoundingGeometry(block).translated(pane.log.contentOffset())
        qtbot.mouseClick(pane.log.viewport(), Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
        qtbot.waitUntil(lambda: win.source_pane is not None and win.stack.currentWidget() is win.source_pane)
        editor = win.source_pane.editor
        shown = editor.textCursor().blockNumber() + 1
        selected = editor.textCursor().selectedText()
    assert f"(in toggleLock at plugins/lock-toggle/lock-toggle.plugin.js:{line})" in text, text
    assert (problem.file, problem.line) == ("plugins/lock-toggle/lock-toggle.plugin.js", line)
    assert shown == line and "function toggleLock()" in selected, (shown, selected)


def test_the_function_a_frozen_plugin_was_running_is_found_by_name_or_inline() -> None:
    """load registered by name, unload written inline, an action; a timer has no name to look up."""
    from designer.core.preview import hung_function

    source = (
        "(function () {\n"
        "    function start() { while (true) {} }\n"
        "    function press() {}\n"
        "    PEX.pluginAPI.registerPlugin({ id: 'x', load: start, press: press,\n"
        "        unload: function () {} });\n"
        "})();\n"
    )
    assert hung_function(source, {"step": "start", "where": "load"}) == ("start", 2)
    assert hung_function(source, {"step": "action", "action": "press"}) == ("press", 3)
    assert hung_function(source, {"step": "callback", "where": "unload"}) == ("unload", 5)
    assert hung_function(source, {"step": "timer"}) is None
    assert hung_function(source, {"step": "start"}) is None  # the file's own code, not load


_SWITCHES = """JSON.stringify(Array.from(document.querySelectorAll('.pd-switch')).map(function (b) {
    var named = (b.getAttribute('aria-labelledby') || '').split(' ').map(function (id) {
        var e = document.getElementById(id); return e ? e.textContent : ''; }).join(' ');
    return [named || b.getAttribute('aria-label') || b.textContent || b.title, b.getAttribute('role'), b.getAttribute('aria-checked')];
}))"""


def test_a_screen_reader_tells_the_plugin_switches_apart(qtbot: Any, tmp_path: Path) -> None:
    """Settings ▸ Plugins in the meeting: each plugin's switch was a button named only by its
    hover text, "Enable or disable", the same for every plugin and with no on or off. Now each
    is a switch named after its plugin, that says whether it is on, and Space flips it."""
    import json

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    with _preview_of(qtbot, project) as pane:
        _keyboard_in_meeting(qtbot, pane)
        _js(qtbot, pane.page, "PDUI.tab = 'plugins'; PDUI.render(); true")
        switches = json.loads(_js(qtbot, pane.page, _SWITCHES))
        _js(qtbot, pane.page, "document.querySelector('[data-toggle=\"meeting-info\"]').focus(); true")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: "[Meeting information] switched off" in pane.log.toPlainText(), timeout=5000)
        after = json.loads(_js(qtbot, pane.page, _SWITCHES))
    names = [name for name, _role, _checked in switches]
    assert [n for n in names if "Meeting information" in n] and len(set(names)) == len(names), names
    assert {role for _n, role, _c in switches} == {"switch"}, switches
    assert [c for _n, _r, c in switches] == ["true", "true", "true"], switches
    assert [c for n, _r, c in after if "Meeting information" in n] == ["false"], after


def test_with_two_dialogs_open_the_keyboard_stays_in_the_one_on_top(qtbot: Any, tmp_path: Path) -> None:
    """A plugin opening two dialogs at once: Tab walked from the dialog on top into the one under
    it (hidden behind it), and a screen reader announced each as "dialog", with no name. Now the
    one underneath is out of the keyboard's way until the top one closes, and each dialog is
    named by its title."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    two = """PEX.pluginAPI.openTemplateDialog({title: 'First', body: '<input id="one"><button id="ok1">OK</button>'});
        PEX.pluginAPI.openTemplateDialog({title: 'Second', body: '<input id="two"><button id="ok2">OK</button>'}); true"""
    named = """Array.from(document.querySelectorAll('.pd-dialog')).map(function (d) {
        var t = document.getElementById(d.getAttribute('aria-labelledby') || '-');
        return (t ? t.textContent : '') + '/' + d.getAttribute('aria-modal'); }).join()"""
    in_top = "document.activeElement.closest('.pd-dialog') ? document.activeElement.closest('.pd-dialog').textContent.slice(0, 6) : ''"
    with _preview_of(qtbot, project) as pane:
        _keyboard_in_meeting(qtbot, pane)
        _js(qtbot, pane.page, two)
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, "document.activeElement.id") == "two", timeout=5000)
        stops = []
        for _ in range(4):
            before = _js(qtbot, pane.page, "document.activeElement.outerHTML")
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            qtbot.waitUntil(
                lambda b=before: (
                    not pane.view.isAncestorOf(QApplication.focusWidget())
                    or _js(qtbot, pane.page, "document.activeElement.outerHTML") != b
                )
            )
            if not pane.view.isAncestorOf(QApplication.focusWidget()):
                pane.view.setFocus()  # past the dialog's last control, out of the meeting: back in
                continue
            stops.append(_js(qtbot, pane.page, in_top))
        names = _js(qtbot, pane.page, named)
    assert stops and set(stops) == {"Second"}, stops
    assert names == "First/true,Second/true", names


_BIG_DIALOG = """PEX.pluginAPI.openTemplateDialog({title: 'Recording settings for this meeting and for every meeting after it, kept',
    body: '<div style="width:2000px;height:3000px">Options</div><button id="done">Done</button>'}); true"""
_DIALOG_PARTS = """(function () { var d = document.querySelector('.pd-dialog'), x = d.querySelector('.pd-dialog-x');
    var t = d.querySelector('.pd-dialog-title'), rd = d.getBoundingClientRect(), rx = x.getBoundingClientRect();
    var range = document.createRange();
    range.selectNodeContents(t);
    var rt = range.getBoundingClientRect(), hit = document.elementFromPoint(rx.left + rx.width / 2, rx.top + rx.height / 2);
    return JSON.stringify({closeHit: hit === x, titleInside: rt.top >= rd.top && rt.bottom <= rd.bottom,
        titleClear: rt.right <= rx.left || rt.top >= rx.bottom, focus: document.activeElement.id,
        inMeeting: rd.left >= 0 && rd.top >= 0 && rd.right <= innerWidth && rd.bottom <= innerHeight}); })()"""


def test_a_dialog_bigger_than_the_meeting_keeps_its_title_and_close_button_in_sight(qtbot: Any, tmp_path: Path) -> None:
    """A dialog whose content was bigger than the meeting scrolled as a whole: once the keyboard
    was on its button at the bottom, its title and × were scrolled out of sight (the × could not
    be clicked), and a long title ran under the ×. Now only the content scrolls: the title and
    the × stay at the top of the dialog, side by side."""
    import json

    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    with _preview_of(qtbot, project) as pane:
        _js(qtbot, pane.page, _BIG_DIALOG)
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, "document.activeElement.id") == "done", timeout=5000)
        parts = json.loads(_js(qtbot, pane.page, _DIALOG_PARTS))
    assert parts == {"closeHit": True, "titleInside": True, "titleClear": True, "focus": "done", "inMeeting": True}, (
        parts
    )


_CRASH = "function toggleLock() { throw new Error('no lock today'); }\n    function unused("


def test_a_screen_reader_is_told_of_the_oops_card_once(qtbot: Any, tmp_path: Path) -> None:
    """The card saying a plugin would show the Oops page appeared at the top of the meeting
    without a word to a screen reader (its user pressed a button and heard nothing). Now it is
    an alert, read out when it appears, and not drawn anew (read out again) at each change of
    the meeting while it says the same."""
    project = _with_code(tmp_path, "lock-toggle", "function toggleLock(", _CRASH)
    with _preview_of(qtbot, project) as pane:
        _js(qtbot, pane.page, "document.querySelector('[data-plugin=\"lock-toggle\"]').click(); true")
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, "document.getElementById('pd-oops').className") == "show")
        role = _js(qtbot, pane.page, "document.getElementById('pd-oops').getAttribute('role')")
        _js(qtbot, pane.page, "window.card = document.querySelector('.pd-oops-card'); PD.sim.addGuest('Zed'); true")
        qtbot.waitUntil(lambda: "Zed" in str(_js(qtbot, pane.page, "document.getElementById('pd-panel').textContent")))
        same = _js(qtbot, pane.page, "window.card === document.querySelector('.pd-oops-card')")
    assert role == "alert"
    assert same is True


_DIALOG_LOOP = (
    "function toggleLock() { PEX.pluginAPI.openTemplateDialog({title: 'Sure?', body: '<button id=\"yes\">Yes</button>'})"
    ".then(function () { document.getElementById('yes').addEventListener('click', function () { while (true) {} }); }); }"
    "\n    function unused("
)


def test_an_endless_loop_in_a_dialog_button_is_named(qtbot: Any, tmp_path: Path) -> None:
    """A plugin dialog's button whose click handler (set in the .then, as the vendor's guide
    shows) looped for ever froze the meeting with nothing said until Restart plugins, and then
    only "did not answer". Now the log names the plugin and its dialog."""
    project = _with_code(tmp_path, "lock-toggle", "function toggleLock(", _DIALOG_LOOP)
    with _preview_of(qtbot, project) as pane:
        _js(qtbot, pane.page, "document.querySelector('[data-plugin=\"lock-toggle\"]').click(); true")
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, "!!document.getElementById('yes')") is True, timeout=5000)
        pane.page.runJavaScript("document.getElementById('yes').click()")
        froze = "[Lock toggle] This would freeze the meeting for every host — its code never finished"
        qtbot.waitUntil(lambda: froze in pane.log.toPlainText(), timeout=15000)
        log = pane.log.toPlainText()
    assert "when its dialog “Sure?” was used" in log, log
