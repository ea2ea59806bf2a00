"""The mock meeting in a narrow dock, and the simulator's first-use snags.

Driven as a user would: the dock made narrow, a meeting chosen in the simulator, the tiles
scrolled as a wheel would; read back from the page's own geometry, not from pixels.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from conftest import EXAMPLE
from test_preview import _js, _wait_started, _window_with_preview

# For each tile: is there a scroll position (as a wheel scrolls the tiles, 10 px at a time) at
# which it is seen whole, inside the stage, and clear of the toolbar?
_REACHED = """JSON.stringify((function () {
    var stage = document.getElementById('pd-stage');
    var tiles = Array.from(stage.querySelectorAll('.pd-tile'));
    var scroller = null;
    for (var el = tiles[0].parentElement; el && el !== document.body; el = el.parentElement) {
        var o = getComputedStyle(el).overflowY;
        if ((o === 'auto' || o === 'scroll') && el.scrollHeight > el.clientHeight) { scroller = el; break; }
    }
    var seen = tiles.map(function () { return false; });
    var end = scroller ? scroller.scrollHeight - scroller.clientHeight : 0;
    for (var top = 0; top <= end + 10; top += 10) {
        if (scroller) { scroller.scrollTop = top; }
        var s = stage.getBoundingClientRect(), tb = document.getElementById('pd-toolbar').getBoundingClientRect();
        var side = document.getElementById('pd-side').getBoundingClientRect();
        tiles.forEach(function (t, i) {
            var r = t.getBoundingClientRect();
            var clear = r.bottom <= tb.top || r.top >= tb.bottom || r.right <= tb.left || r.left >= tb.right;
            var inside = r.top >= s.top && r.bottom <= s.bottom && r.left >= s.left && r.right <= Math.min(s.right, side.left);
            if (clear && inside) { seen[i] = true; }
        });
    }
    if (scroller) { scroller.scrollTop = 0; }
    return { unreached: tiles.filter(function (t, i) { return !seen[i]; }).map(function (t) { return t.querySelector('.pd-name').innerText; }),
             tiles: tiles.length, scrolls: !!scroller, side: Math.round(side.width), width: window.innerWidth };
})())"""


def _reached(qtbot: Any, pane: Any) -> dict[str, Any]:
    return json.loads(_js(qtbot, pane.page, _REACHED))


def _example(tmp_path: Path) -> Path:
    project = tmp_path / "example"
    shutil.copytree(EXAMPLE, project)
    return project


def _drawn(qtbot: Any, pane: Any) -> None:
    """Until the page has drawn two frames since now: what it does on a resize (in its next frame) is done."""
    _js(
        qtbot,
        pane.page,
        "window.pdDrawn = false; requestAnimationFrame(function () { "
        "requestAnimationFrame(function () { window.pdDrawn = true; }); }); true",
    )
    qtbot.waitUntil(lambda: _js(qtbot, pane.page, "window.pdDrawn") is True, timeout=5000)


def _choose_preset(pane: Any, name: str) -> None:
    """The simulator's meeting list set to ``name``, as a user picks it."""
    index = pane.sim_preset.findText(name)
    pane.sim_preset.setCurrentIndex(index)
    pane.sim_preset.activated.emit(index)


def test_every_tile_can_be_scrolled_into_sight_clear_of_the_toolbar_in_a_narrow_dock(
    qtbot: Any, tmp_path: Path
) -> None:
    """In a dock about 540 px wide the tiles stacked in one column behind a toolbar on two rows,
    and the stage did not scroll: of a meeting of five three were seen. Now the tiles scroll under
    the toolbar, and scrolled to the end the last one is above it: each participant can be seen
    whole, at 480, 560 and 640 px, in the default meeting and in a webinar of eight."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    with _window_with_preview(_example(tmp_path), size=(1600, 800)) as win:
        pane = win.preview_pane
        _wait_started(qtbot, pane)
        results = {}
        for meeting in ("default", "Webinar with raised hands"):
            if meeting != "default":
                _choose_preset(pane, meeting)
                qtbot.waitUntil(lambda: _reached(qtbot, pane)["tiles"] == 8, timeout=5000)
            for width in (480, 560, 640):
                win.resizeDocks([win.preview_dock], [width], Qt.Orientation.Horizontal)
                qtbot.waitUntil(lambda w=width: abs(pane.view.width() - w) <= 10)
                QApplication.processEvents()
                qtbot.waitUntil(lambda: _reached(qtbot, pane)["width"] == pane.view.width(), timeout=5000)
                _drawn(qtbot, pane)
                results[meeting, width] = _reached(qtbot, pane)
    assert {key: r["unreached"] for key, r in results.items() if r["unreached"]} == {}
    assert results["Webinar with raised hands", 480]["scrolls"]  # eight do not fit: the tiles scroll


def test_the_meeting_list_shows_the_meeting_running_and_the_default_after_reset(qtbot: Any, tmp_path: Path) -> None:
    """After Reset meeting the simulator's list of meetings went back to "Choose a meeting…",
    which said nothing of the meeting running. It now shows the meeting running: "Default
    meeting" at first and after a reset, a preset while it runs; and choosing "Default meeting"
    brings back the default five."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton

    with _window_with_preview(_example(tmp_path)) as win:
        pane = win.preview_pane
        _wait_started(qtbot, pane)
        qtbot.mouseClick(pane.sim_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(pane.sim_panel.isVisible)
        shown = [pane.sim_preset.currentText()]
        _choose_preset(pane, "Webinar with raised hands")
        qtbot.waitUntil(lambda: pane.sim_table.rowCount() == 8, timeout=5000)
        shown.append(pane.sim_preset.currentText())
        qtbot.mouseClick(pane.findChild(QPushButton, "previewResetMeeting"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: pane.sim_table.rowCount() == 5, timeout=10000)
        shown.append(pane.sim_preset.currentText())
        _choose_preset(pane, "Host alone")
        qtbot.waitUntil(lambda: pane.sim_table.rowCount() == 1, timeout=5000)
        _choose_preset(pane, "Default meeting")
        qtbot.waitUntil(lambda: pane.sim_table.rowCount() == 5, timeout=5000)
        shown.append(pane.sim_preset.currentText())
        names = _js(qtbot, pane.page, "PD.participants().map(function (p) { return p.name; }).join(', ')")
    assert shown == ["Default meeting", "Webinar with raised hands", "Default meeting", "Default meeting"]
    assert names == "Alex Morgan (you), Blake Guest, Casey Guest, Board Room, Live stream"


def test_a_raised_hand_in_the_simulators_list_is_the_tiles_hand_not_a_missing_glyph(qtbot: Any, tmp_path: Path) -> None:
    """The simulator's list of participants marked a raised hand with "✋", which many fonts lack
    (this machine's too: an empty box). It now shows the hand the tiles show, as an icon, and says
    "hand raised" on hover and to a screen reader; every letter in the list is one its font has."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFontMetrics

    from designer.gui.preview import HAND_PATH

    with _window_with_preview(_example(tmp_path)) as win:
        pane = win.preview_pane
        _wait_started(qtbot, pane)
        qtbot.mouseClick(pane.sim_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(pane.sim_panel.isVisible)
        combo = pane.sim_participant
        qtbot.waitUntil(lambda: combo.count() == 5, timeout=5000)
        metrics = QFontMetrics(combo.font())
        items = [
            (
                combo.itemText(i),
                not combo.itemIcon(i).isNull(),
                combo.itemData(i, Qt.ItemDataRole.AccessibleTextRole),
            )
            for i in range(combo.count())
        ]
        missing = {ch for text, *_ in items for ch in text if not metrics.inFontUcs4(ord(ch))}
    assert missing == set()
    assert items[1] == ("Blake Guest", True, "Blake Guest, hand raised")  # the one with a raised hand
    assert [text for text, icon, _ in items if icon] == ["Blake Guest"]
    assert f"hand: glyph('{HAND_PATH}')" in (Path(__file__).parents[1] / "resources/preview/preview-ui.js").read_text()


_CHAT_TAB = """JSON.stringify({
    tab: document.getElementById('pd-tab-chat').innerText.replace(/\\s+/g, ' ').trim(),
    unread: (document.querySelector('#pd-tab-chat .pd-unread') || {}).title || '',
    whole: document.getElementById('pd-tab-chat').scrollWidth <= document.getElementById('pd-tab-chat').clientWidth + 1,
    panel: document.getElementById('pd-panel').innerText
})"""


def test_the_chat_tab_counts_messages_come_while_another_tab_is_open(qtbot: Any, tmp_path: Path) -> None:
    """A chat message sent by a plugin or the simulator went unseen from the Participants tab:
    the Chat tab gave no sign of it. The tab now counts the unread messages until it is opened
    (the count whole in the narrowest dock too)."""
    from PySide6.QtCore import Qt

    with _window_with_preview(_example(tmp_path)) as win:
        pane = win.preview_pane
        _wait_started(qtbot, pane)
        win.resizeDocks([win.preview_dock], [1], Qt.Orientation.Horizontal)  # as narrow as it goes
        qtbot.waitUntil(lambda: pane.view.width() == pane.view.minimumWidth())
        qtbot.mouseClick(pane.sim_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(pane.sim_panel.isVisible)
        chat = lambda: json.loads(_js(qtbot, pane.page, _CHAT_TAB))  # noqa: E731

        def send(text: str) -> None:
            pane.sim_chat.clear()
            qtbot.keyClicks(pane.sim_chat, text)
            qtbot.keyClick(pane.sim_chat, Qt.Key.Key_Return)

        assert chat()["tab"] == "Chat"
        send("Hello there")
        qtbot.waitUntil(lambda: chat()["unread"] == "1 unread message", timeout=5000)
        first = chat()
        send("Anyone?")
        qtbot.waitUntil(lambda: chat()["unread"] == "2 unread messages", timeout=5000)
        second = chat()
        _js(qtbot, pane.page, "PEX.pluginAPI.sendChatMessage('From a plugin'); true")  # as a plugin sends one
        qtbot.waitUntil(lambda: chat()["unread"] == "3 unread messages", timeout=5000)
        _js(qtbot, pane.page, "document.getElementById('pd-tab-chat').click(); true")
        opened = chat()
        _js(qtbot, pane.page, "document.getElementById('pd-tab-participants').click(); true")
        back = chat()
    assert (first["tab"], second["tab"], first["whole"], second["whole"]) == ("Chat 1", "Chat 2", True, True)
    assert (opened["tab"], opened["unread"]) == ("Chat", "")
    assert all(text in opened["panel"] for text in ("Hello there", "Anyone?", "From a plugin"))
    assert (back["tab"], back["unread"]) == ("Chat", "")  # read: not counted again
