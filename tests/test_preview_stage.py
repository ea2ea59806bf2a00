"""The mock meeting's stage shows what the plugins do to it, and the meeting opens as the app does.

Driven as a user would: the plugin's own button pressed in the preview, the stage read back.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from conftest import EXAMPLE
from test_preview import _js, _wait_started, _window_with_preview

from designer.core.jsanalysis import LAYOUTS
from designer.core.preview import STAGE_LAYOUTS


def _layout_button(tmp_path: Path) -> Path:
    """The example whose toolbar button asks for a layout at each press: 1:0, 1:7, 4:0, then the default ({})."""
    project = tmp_path / "layouts"
    shutil.copytree(EXAMPLE, project)
    js = project / "webapp2" / "plugins" / "lock-toggle" / "lock-toggle.plugin.js"
    text = js.read_text()
    start, end = text.index("    function toggleLock("), text.index("    // Called when the plugin is switched off")
    press = (
        "    var layouts = [{ layout: '1:0' }, { layout: '1:7' }, { layout: '4:0' }, {}];\n"
        "    var next = 0;\n"
        "    function toggleLock() {\n"
        "        window.PEX.pluginAPI.transformConferenceLayout(layouts[next]);\n"
        "        next = (next + 1) % layouts.length;\n"
        "    }\n\n"
    )
    js.write_text(text[:start] + press + text[end:])
    return project


_STAGE = """JSON.stringify({
    main: Array.from(document.querySelectorAll('.pd-main-tiles .pd-tile')).map(function (t) { return t.querySelector('.pd-name').innerText; }),
    small: Array.from(document.querySelectorAll('.pd-small-tiles .pd-tile:not(.pd-more-tile)')).map(function (t) { return t.querySelector('.pd-name').innerText; }),
    more: (document.querySelector('.pd-more-tile') || {}).innerText || '',
    all: document.querySelectorAll('#pd-stage .pd-tile').length,
    badge: (document.getElementById('pd-layout') || {}).innerText || '',
    mainWidth: (document.querySelector('.pd-main-tiles .pd-tile') || document.body).getBoundingClientRect().width,
    smallWidth: (document.querySelector('.pd-small-tiles .pd-tile') || document.body).getBoundingClientRect().width
})"""

_PEOPLE = ["Alex Morgan (you)", "Blake Guest", "Casey Guest", "Board Room", "Live stream"]


def test_every_layout_the_checks_know_is_drawn_on_the_stage() -> None:
    assert set(STAGE_LAYOUTS) == set(LAYOUTS)


def test_a_layout_button_changes_the_tiles_of_the_mock_meeting(qtbot: Any, tmp_path: Path) -> None:
    """transformConferenceLayout({layout: '1:7'}) was logged while the stage kept its tiles, so a
    layout button seemed to do nothing; now the stage shows the main speaker big and the others
    small, up to the layout's number, and says how many it leaves out."""
    with _window_with_preview(_layout_button(tmp_path)) as win:
        pane = win.preview_pane
        _wait_started(qtbot, pane)
        before = json.loads(_js(qtbot, pane.page, _STAGE))
        assert (before["main"], before["all"], before["badge"]) == ([], 5, "")

        def press(layout: str) -> dict[str, Any]:
            _js(qtbot, pane.page, "document.querySelector('[data-kind=toolbar]').click(); true")
            qtbot.waitUntil(lambda: f"transformConferenceLayout: {layout} → ok" in pane.log.toPlainText(), timeout=5000)
            return json.loads(_js(qtbot, pane.page, _STAGE))

        one = press("layout 1:0")  # the one speaking, alone
        assert (one["main"], one["small"], one["more"], one["badge"]) == (
            ["Alex Morgan (you)"],
            [],
            "+4 not shown",
            "Layout 1:0",
        )
        seven = press("layout 1:7")
        assert (seven["main"], seven["small"], seven["more"]) == (_PEOPLE[:1], _PEOPLE[1:], "")
        assert seven["mainWidth"] > 2 * seven["smallWidth"]  # the main speaker is the big one
        four = press("layout 4:0")
        assert (four["main"], four["small"], four["more"], four["badge"]) == (
            _PEOPLE[:4],
            [],
            "+1 not shown",
            "Layout 4:0",
        )
        default = press("the default layout")
        assert (default["main"], default["all"], default["badge"]) == ([], 5, "")
