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
