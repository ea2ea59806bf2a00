"""The mock meeting's menus, side-panel tabs and dialogs for a keyboard or screen-reader user:
Escape closes a menu, the tabs are read out as tabs, a closed dialog leaves the keyboard
somewhere useful."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from conftest import EXAMPLE
from test_preview import _js, _keyboard_in_meeting, _open_menus, _preview_of


def _focus_in_meeting(qtbot: Any, pane: Any, selector: str) -> None:
    """The window active, the keyboard in the meeting, on the element ``selector`` finds."""
    _keyboard_in_meeting(qtbot, pane)
    _js(qtbot, pane.page, f"document.querySelector({selector!r}).focus(); true")
    qtbot.waitUntil(lambda: _js(qtbot, pane.page, f"document.activeElement === document.querySelector({selector!r})"))


def test_escape_closes_a_meeting_menu_and_gives_the_keyboard_back_to_its_button(qtbot: Any, tmp_path: Path) -> None:
    """Escape in the meeting menu or in a participant's menu did nothing: the menu stayed open
    and only a second press on its button closed it. Now Escape closes it and the keyboard goes
    back to the button (or participant) that opened it."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    with _preview_of(qtbot, project) as pane:
        _open_menus(qtbot, pane.page)
        _focus_in_meeting(qtbot, pane, "[data-kind=conference]")
        assert (
            _js(qtbot, pane.page, "document.getElementById('pd-conf-button').getAttribute('aria-expanded')") == "true"
        )
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, "!document.getElementById('pd-conf-menu')") is True, timeout=5000)
        assert _js(qtbot, pane.page, "document.activeElement.id") == "pd-conf-button"
        assert _js(qtbot, pane.page, "document.activeElement.getAttribute('aria-expanded')") == "false"

        item = "[data-kind=participants]"
        owner = _js(qtbot, pane.page, f"document.querySelector({item!r}).dataset.target")
        _focus_in_meeting(qtbot, pane, item)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, "document.querySelectorAll('.pd-ctx').length") == 0, timeout=5000)
        assert _js(qtbot, pane.page, "document.activeElement.dataset.participant") == owner
        assert _js(qtbot, pane.page, "document.activeElement.getAttribute('aria-expanded')") == "false"


_TABS = """JSON.stringify({list: document.getElementById('pd-tabs').getAttribute('role'),
    tabs: Array.from(document.querySelectorAll('#pd-tabs button')).map(function (b) {
        return [b.getAttribute('role'), b.textContent, b.getAttribute('aria-selected'), b.tabIndex]; }),
    panel: document.getElementById('pd-panel').getAttribute('role'),
    named: (document.getElementById(document.getElementById('pd-panel').getAttribute('aria-labelledby')) || {}).textContent,
    focused: document.activeElement.textContent})"""


def test_the_side_panel_tabs_are_read_out_as_tabs_and_the_arrow_keys_go_between_them(
    qtbot: Any, tmp_path: Path
) -> None:
    """The three side-panel tabs were plain buttons: a screen reader was not told which one was
    selected, and Tab stopped on each. Now they are a tab list (the selected tab says so, the panel
    is named after it), Tab stops on the selected one only, and the arrow keys, Home and End go
    from tab to tab, showing each one's panel."""
    import json

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    with _preview_of(qtbot, project) as pane:
        _focus_in_meeting(qtbot, pane, "[data-tab=participants]")
        people = _js(qtbot, pane.page, "document.querySelector('[data-tab=participants]').textContent")
        names = [people, "Chat", "Settings › Plugins"]

        def shown() -> dict[str, Any]:
            return json.loads(_js(qtbot, pane.page, _TABS))

        def expect(selected: str) -> dict[str, Any]:
            return {
                "list": "tablist",
                "tabs": [["tab", n, str(n == selected).lower(), 0 if n == selected else -1] for n in names],
                "panel": "tabpanel",
                "named": selected,
                "focused": selected,
            }

        assert shown() == expect(people)
        for key, selected in [
            (Qt.Key.Key_Right, "Chat"),
            (Qt.Key.Key_Right, "Settings › Plugins"),
            (Qt.Key.Key_Right, people),  # round to the first
            (Qt.Key.Key_Left, "Settings › Plugins"),
            (Qt.Key.Key_Home, people),
            (Qt.Key.Key_End, "Settings › Plugins"),
        ]:
            qtbot.keyClick(QApplication.focusWidget(), key)
            qtbot.waitUntil(lambda s=selected: shown()["focused"] == s, timeout=5000)
            assert shown() == expect(selected)
        assert (
            _js(qtbot, pane.page, "!!document.querySelector('#pd-panel [data-toggle]')") is True
        )  # the plugins' switches


def test_a_dialog_whose_opener_is_gone_gives_the_keyboard_to_the_meeting_menus_button(
    qtbot: Any, tmp_path: Path
) -> None:
    """A dialog closed after the menu item that opened it went away (its plugin switched off
    meanwhile) left the keyboard at the top of the page. Now it goes to the meeting menu's button,
    next to where the item was."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    with _preview_of(qtbot, project) as pane:
        _open_menus(qtbot, pane.page)
        _focus_in_meeting(qtbot, pane, "[data-plugin=meeting-info][data-kind=conference]")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, "PD.dialogs.length") == 1, timeout=5000)
        _js(qtbot, pane.page, "PD.plugins['meeting-info'].userOff = true; PD.unload('meeting-info'); true")
        gone = "!document.querySelector('[data-plugin=meeting-info]')"
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, gone) is True, timeout=5000)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, "PD.dialogs.length") == 0, timeout=5000)
        assert _js(qtbot, pane.page, "document.activeElement.id") == "pd-conf-button"


def test_every_control_of_the_preview_has_a_name_a_screen_reader_reads(qtbot: Any, tmp_path: Path) -> None:
    """The platform list (its label the "on" between two lists) and the log's plugin filter (no
    label at all) were read out as "combo box, Web app" and "combo box, All plugins"."""
    from test_keyboard_access import _unnamed

    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    with _preview_of(qtbot, project) as pane:
        pane.sim_button.click()  # the simulator's controls too
        assert _unnamed(pane) == []
        assert (pane.platform.accessibleName(), pane.log_filter.accessibleName()) == (
            "Seen on",
            "Show what this plugin did",
        )


# The name a screen reader reads for the element with the keyboard, worked out as Chromium does
# (the accessible-name rules, in the parts the meeting uses): aria-labelledby, aria-label, an
# image's alt, else the words inside (leaving out what is aria-hidden, taking a part's own
# aria-label), else the hover text. Chromium gives pages no way to ask it for the name itself.
_SAID = """(function () {
    function inside(node) {
        if (node.nodeType === 3) { return node.textContent; }
        if (node.nodeType !== 1 || node.getAttribute('aria-hidden') === 'true') { return ''; }
        if (node.getAttribute('aria-label')) { return ' ' + node.getAttribute('aria-label') + ' '; }
        if (node.tagName === 'IMG') { return node.getAttribute('alt') || ''; }
        var words = Array.prototype.map.call(node.childNodes, inside).join('');
        return words.trim() ? ' ' + words + ' ' : (node.getAttribute('title') || '');
    }
    var e = document.activeElement, said;
    if (e.getAttribute('aria-labelledby')) {
        said = e.getAttribute('aria-labelledby').split(/\\s+/).map(function (id) {
            var by = document.getElementById(id); return by ? inside(by) : ''; }).join(' ');
    } else {
        said = e.getAttribute('aria-label') || Array.prototype.map.call(e.childNodes, inside).join('');
        if (!said.trim()) { said = e.getAttribute('title') || ''; }
    }
    return JSON.stringify([e === document.body ? 'BODY' : e.tagName, said.replace(/\\s+/g, ' ').trim()]);
})()"""


def _said_in_meeting(qtbot: Any, pane: Any, stops: int) -> list[str]:
    """What a screen reader says at each Tab stop in the meeting (at most ``stops``), from its top."""
    import json

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    _focus_in_meeting(qtbot, pane, "#pd-conf-button")
    said = []
    for _stop in range(stops):
        tag, name = json.loads(_js(qtbot, pane.page, _SAID))
        if tag == "BODY":
            break  # Tab has left the meeting
        said.append(name)
        _js(qtbot, pane.page, "window.pdWas = document.activeElement; true")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, "document.activeElement !== window.pdWas"))
    return said


def test_a_screen_reader_reads_each_stop_in_the_meeting_by_its_words_not_its_drawings(
    qtbot: Any, tmp_path: Path
) -> None:
    """Tab through the mock meeting with a screen reader: the meeting menu's button was read as
    "☰ Meeting room ▾", each participant with their initials and the "⋮" drawn beside them
    ("AM Alex Morgan (you) … ⋮"), a toolbar button whose icon is missing as "?", and the ×
    that dismisses the Oops card or closes a plugin's dialog as "×". The drawings are now hidden from screen readers, and
    a plugin's toolbar button is named by its label whatever its icon."""
    import json

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication
    from test_preview import _with_code
    from test_preview_round2 import _CRASH

    project = _with_code(tmp_path, "lock-toggle", "function toggleLock(", _CRASH)
    js = project / "webapp2/plugins/lock-toggle/lock-toggle.plugin.js"
    js.write_text(js.read_text().replace("'lock.svg#lock'", "'lock.svg#gone'"))
    with _preview_of(qtbot, project) as pane:
        _js(qtbot, pane.page, "document.querySelector('[data-plugin=\"lock-toggle\"]').click(); true")
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, "document.getElementById('pd-oops').className") == "show")
        said = _said_in_meeting(qtbot, pane, 30)
        _open_menus(qtbot, pane.page)
        _focus_in_meeting(qtbot, pane, "[data-plugin=meeting-info][data-kind=conference]")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, "PD.dialogs.length") == 1, timeout=5000)
        closer = json.loads(_js(qtbot, pane.page, "document.querySelector('.pd-dialog-x').focus(); " + _SAID))
    assert said == [
        "Meeting room 1 plugin item",
        "Microphone",
        "Camera",
        "Share screen",
        "Chat",
        "Lock meeting",  # its icon not found: drawn as "?"
        "Leave",
        "Participants (5)",  # the tab
        "Participants (5)",  # the list under it, named by its tab
        "Alex Morgan (you) Host · webrtc 1 plugin item",
        "Blake Guest Guest · webrtc · hand raised 1 plugin item",
        "Casey Guest Guest · webrtc · muted 1 plugin item",
        "Board Room Guest · sip 1 plugin item",
        "Live stream Guest · rtmp 1 plugin item",
        "Dismiss",  # the Oops card's ×
    ]
    assert closer == ["BUTTON", "Close"]


def test_dismissing_a_card_with_the_keyboard_leaves_it_at_the_meetings_top(qtbot: Any, tmp_path: Path) -> None:
    """Enter on the × of the Oops card (or of a guest's refusal note) took the card away with the
    keyboard on it: the keyboard was on the page itself, nowhere a screen reader could say, until
    the next Tab. It now goes to the meeting menu's button, where Tab into the meeting starts."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication
    from test_preview import _wait_started, _with_code
    from test_preview_guest import _lock_toggle_for_guests
    from test_preview_round2 import _CRASH

    def dismiss(pane: Any, card: str) -> None:
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, f"document.getElementById('{card}').className") == "show")
        _focus_in_meeting(qtbot, pane, f"#{card} button")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, f"document.getElementById('{card}').className") == "")

    crashing = _with_code(tmp_path, "lock-toggle", "function toggleLock(", _CRASH)
    with _preview_of(qtbot, crashing) as pane:
        _js(qtbot, pane.page, "document.querySelector('[data-plugin=\"lock-toggle\"]').click(); true")
        dismiss(pane, "pd-oops")
        assert _js(qtbot, pane.page, "document.activeElement.id") == "pd-conf-button"
    with _preview_of(qtbot, _lock_toggle_for_guests(tmp_path / "guests")) as pane:
        pane.role.setFocus()
        qtbot.keyClick(pane.role, Qt.Key.Key_Down)  # Host -> Guest
        _wait_started(qtbot, pane)
        _js(qtbot, pane.page, "document.querySelector('[data-kind=toolbar]').click(); true")
        dismiss(pane, "pd-refused")
        assert _js(qtbot, pane.page, "document.activeElement.id") == "pd-conf-button"
