"""The preview, fourth round: the ended call over a crash of the page and a restart of the
plugins, and the crash and refusal cards beside the side panel at any width. Driven as a user
would (the menus' items, Restart plugins, the page's process killed) and read back from what the
page shows and the log says."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path
from typing import Any

from test_preview import _js, _preview_of, _wait_started
from test_preview_round3 import _ENDED, _disconnecting_project, _example, _press_in_menu_of


def test_a_crashed_page_comes_back_with_the_call_ended_and_a_restart_rejoins_saying_so(
    qtbot: Any, tmp_path: Path
) -> None:
    """A plugin had disconnected you ("You were disconnected", Rejoin): the fresh page after a
    crash of the page had you back in the meeting as if nothing had happened, and a restart did
    the same without a word. Now a crash comes back to what the user saw, the call ended (Rejoin
    still brings you back, first), and a restart of the plugins rejoins, the log saying so."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton

    project = _disconnecting_project(tmp_path)
    with _preview_of(qtbot, project) as pane:
        ended = lambda: json.loads(_js(qtbot, pane.page, _ENDED))  # noqa: E731
        _press_in_menu_of(qtbot, pane, "Alex Morgan (you)")
        qtbot.waitUntil(lambda: ended()["ended"] is True, timeout=5000)

        # The page's process dies: the fresh page shows the call ended, by the same plugin.
        old = pane.page
        os.kill(old.renderProcessPid(), signal.SIGKILL)
        qtbot.waitUntil(lambda: pane.page is not old, timeout=10000)
        _wait_started(qtbot, pane)
        qtbot.waitUntil(lambda: any("stopped" in str(e.get("message")) for e in pane.events), timeout=10000)
        shown = ended()
        assert shown["ended"] is True and shown["meetingShown"] is False, shown
        assert shown["said"].startswith("You were disconnected Raise hand helper disconnected you"), shown
        assert "Alex Morgan (you)" not in shown["people"]  # as the plugins see the meeting
        qtbot.waitUntil(lambda: pane.sim_participant.findText("Alex Morgan (you)") < 0, timeout=5000)
        assert pane.meeting is not None and pane.meeting[0][0]["name"] == "Alex Morgan (you)"

        # Rejoin from the fresh page: you come back as you were, first.
        _js(qtbot, pane.page, "document.getElementById('pd-rejoin').click(); true")
        qtbot.waitUntil(lambda: ended()["ended"] is False, timeout=5000)
        assert ended()["people"][:2] == ["Alex Morgan (you)", "Blake Guest"], ended()

        # Out again; Restart plugins joins you again, and the log says why the call is back.
        _press_in_menu_of(qtbot, pane, "Alex Morgan (you)")
        qtbot.waitUntil(lambda: ended()["ended"] is True, timeout=5000)
        qtbot.waitUntil(lambda: pane.left is not None, timeout=5000)
        qtbot.mouseClick(pane.findChild(QPushButton, "previewRestart"), Qt.MouseButton.LeftButton)
        _wait_started(qtbot, pane)
        qtbot.waitUntil(lambda: ended()["people"][:1] == ["Alex Morgan (you)"], timeout=5000)
        assert ended()["ended"] is False
        assert (
            "[Raise hand helper] had disconnected you: restarting the plugins joins you to the meeting again, "
            "as Rejoin the meeting does"
        ) in pane.log.toPlainText()

        # In the meeting, a crash brings back the meeting, with nothing said about rejoining.
        old = pane.page
        os.kill(old.renderProcessPid(), signal.SIGKILL)
        qtbot.waitUntil(lambda: pane.page is not old, timeout=10000)
        _wait_started(qtbot, pane)
        assert ended()["ended"] is False and ended()["people"][:1] == ["Alex Morgan (you)"]
        # (The log of the run before the crash stays above the fresh page's: said after the crash, nothing.)
        after_crash = pane.log.toPlainText().split("The page of the preview stopped")[-1]
        assert "joins you to the meeting again" not in after_crash


_EDGES = """JSON.stringify(['pd-side', 'pd-oops', 'pd-refused'].map(function (id) {
    var box = document.getElementById(id).getBoundingClientRect();
    return [Math.round(box.left), Math.round(box.right)];
}))"""


def test_the_crash_and_refusal_cards_keep_clear_of_the_side_panel_whatever_its_width(
    qtbot: Any, tmp_path: Path
) -> None:
    """The crash card and the refusal card ended 294 and 296 px from the right, numbers that held
    only for a side panel of 284 px: a panel of another width had them over its edge or short of
    it. Now both end 12 px before the panel (as they start 12 px from the left), at its width."""
    from PySide6.QtCore import Qt
    from test_preview import _window_with_preview
    from test_preview_guest import _lock_toggle_for_guests

    with _window_with_preview(_lock_toggle_for_guests(tmp_path)) as win:
        pane = win.preview_pane
        _wait_started(qtbot, pane)
        pane.role.setFocus()
        qtbot.keyClick(pane.role, Qt.Key.Key_Down)  # Host -> Guest: the lock is refused
        _wait_started(qtbot, pane)
        _js(qtbot, pane.page, "document.querySelector('[data-kind=toolbar]').click(); true")
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, "document.getElementById('pd-refused').className") == "show")
        crash = "PD.reportError('exception', new Error('boom'), 'lock-toggle', 'load'); PDUI.render(); true"
        _js(qtbot, pane.page, crash)
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, "document.getElementById('pd-oops').className") == "show")
        for width in (None, 200, 360):
            if width is not None:
                _js(
                    qtbot,
                    pane.page,
                    f"document.documentElement.style.setProperty('--pd-side-width', '{width}px'); true",
                )
            (side_left, side_right), oops, refused = json.loads(_js(qtbot, pane.page, _EDGES))
            if width is not None:
                assert side_right - side_left == width
            assert oops == [12, side_left - 12] and refused == [12, side_left - 12], (width, side_left, oops, refused)


_ITEM_LINES = """JSON.stringify(Array.from(document.querySelectorAll(%s)).map(function (item) {
    function lines(el) {
        var style = getComputedStyle(el);
        var inside = el.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
        return Math.round(inside / parseFloat(style.lineHeight));
    }
    var label = item.querySelector('.pd-label'), from = item.querySelector('.pd-from');
    return {label: [label.textContent, lines(label)], from: [from.textContent, lines(from), from.title,
        from.scrollWidth > from.clientWidth]};
}))"""


def test_a_menu_items_label_stays_on_one_line_beside_the_plugins_name(qtbot: Any, tmp_path: Path) -> None:
    """In a participant's menu, "Lower hand" broke over two lines beside a badge "Raise hand /
    helper" itself broken over two: the side panel is 284 px at any width of the preview, and the
    two did not fit side by side. Now the label (what the app shows) keeps its line and the
    plugin's name gives way, shortened with … and said whole on hover; in the meeting menu too."""
    from test_preview import _window_with_preview

    project = _example(tmp_path)
    package = project / "webapp2/plugins/meeting-info/meeting-info.plugin.package.json"
    package.write_text(
        package.read_text().replace('"name": "Meeting information"', '"name": "Meeting information and more"')
    )
    with _window_with_preview(project) as win:
        pane = win.preview_pane
        _wait_started(qtbot, pane)
        _js(qtbot, pane.page, "document.getElementById('pd-conf-button').click(); true")
        _press_open = "Array.from(document.querySelectorAll('.pd-row')).find(function (r) { return r.textContent.indexOf('Blake Guest') >= 0; }).click(); true"
        _js(qtbot, pane.page, _press_open)
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, "!!document.querySelector('.pd-ctx [data-plugin]')") is True)
        (ctx,) = json.loads(_js(qtbot, pane.page, _ITEM_LINES % json.dumps(".pd-ctx .pd-mi.plugin")))
        assert ctx["label"] == ["Lower hand", 1], ctx
        name, lines, title, cut = ctx["from"]
        assert name == "Raise hand helper" and lines == 1 and title == (name if cut else ""), ctx
        (conf,) = json.loads(_js(qtbot, pane.page, _ITEM_LINES % json.dumps("#pd-conf-menu .pd-mi.plugin")))
        assert conf["label"][1] == 1 and conf["from"][1] == 1, conf


_CARDS = """JSON.stringify(['pd-top', 'pd-oops', 'pd-refused', 'pd-toolbar'].map(function (id) {
    var box = document.getElementById(id).getBoundingClientRect();
    return [Math.round(box.top), Math.round(box.bottom)];
}).concat([(function (card) { return card.scrollHeight > card.clientHeight; })(document.querySelector('.pd-refused-card'))]))"""


def test_the_refusal_card_stays_under_the_crash_card_in_a_narrow_meeting(qtbot: Any, tmp_path: Path) -> None:
    """In a narrow dock (a tall meeting one tile wide) a crash's card lay over the top of the
    refusal card, hiding its heading "Refused for guests (you are previewing as a Guest)". Now the
    refusal card starts under the crash card (over the toolbar, as before, when it must) and its
    words scroll if need be; in a wide dock it is as before, whole and above the toolbar."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication
    from test_preview import _window_with_preview
    from test_preview_guest import _lock_toggle_for_guests
    from test_preview_narrow import _drawn

    with _window_with_preview(_lock_toggle_for_guests(tmp_path), size=(1600, 800)) as win:
        pane = win.preview_pane
        _wait_started(qtbot, pane)
        pane.role.setFocus()
        qtbot.keyClick(pane.role, Qt.Key.Key_Down)  # Host -> Guest: the lock is refused
        _wait_started(qtbot, pane)
        _js(qtbot, pane.page, "document.querySelector('[data-kind=toolbar]').click(); true")
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, "document.getElementById('pd-refused').className") == "show")
        crash = "PD.reportError('exception', new Error('boom: ' + 'a long reason '.repeat(4)), 'lock-toggle', 'load'); PDUI.render(); true"
        _js(qtbot, pane.page, crash)
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, "document.getElementById('pd-oops').className") == "show")
        for width in (480, 900):
            win.resizeDocks([win.preview_dock], [width], Qt.Orientation.Horizontal)
            qtbot.waitUntil(lambda w=width: abs(pane.view.width() - w) <= 10)
            QApplication.processEvents()
            qtbot.waitUntil(lambda w=width: _js(qtbot, pane.page, "window.innerWidth") == pane.view.width())
            _drawn(qtbot, pane)
            top, oops, refused, toolbar, scrolls = json.loads(_js(qtbot, pane.page, _CARDS))
            height = _js(qtbot, pane.page, "window.innerHeight")
            assert oops[0] >= top[1] and refused[0] >= oops[1] and refused[1] <= height, (width, oops, refused)
            if width == 900:  # room enough: all of it in sight, above the toolbar
                assert not scrolls and refused[1] <= toolbar[0], (oops, refused, toolbar)
