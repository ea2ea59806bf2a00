"""The preview, third round: the menus as ARIA menus, Test every button's participant, the
simulator's meetings reset whole, disconnecting yourself, the raised hand's colours, the side
panel's width. Driven as a user would (keys, clicks, the simulator's lists) and read back from
what the page shows."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from conftest import EXAMPLE
from test_preview import _js, _keyboard_in_meeting, _preview_of, _wait_started, _with_code


def _example(tmp_path: Path) -> Path:
    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    return project


def _focused(qtbot: Any, pane: Any) -> str:
    """What the keyboard is on in the meeting: its role and its words."""
    return _js(
        qtbot, pane.page, "document.activeElement.getAttribute('role') + ': ' + document.activeElement.textContent"
    )


_MENU = """JSON.stringify((function (menu) {
    if (!menu) { return null; }
    var opener = document.querySelector('[aria-controls="' + menu.id + '"]');
    var named = menu.getAttribute('aria-label') ||
        (document.getElementById(menu.getAttribute('aria-labelledby') || '-') || {}).textContent;
    return {role: menu.getAttribute('role'), named: named,
        opener: opener ? [opener.getAttribute('aria-haspopup'), opener.getAttribute('aria-expanded')] : null,
        items: Array.from(menu.querySelectorAll('[role=menuitem]')).map(function (m) {
            return [m.textContent, m.getAttribute('aria-disabled')]; })};
})(document.querySelector(%s)))"""


def _menu(qtbot: Any, pane: Any, selector: str) -> Any:
    return json.loads(_js(qtbot, pane.page, _MENU % json.dumps(selector)))


def _disconnecting_project(tmp_path: Path) -> Path:
    """A copy of the demo whose 'Lower hand' (Raise hand helper) disconnects the participant it is
    pressed for: pressed in your own menu, it disconnects you."""
    return _with_code(
        tmp_path,
        "raise-hand-helper",
        "function lowerHand(participant) {",
        "function lowerHand(participant) {\n        return window.PEX.pluginAPI.disconnectParticipant(participant.uuid);",
    )


def test_the_meetings_menus_are_aria_menus_the_arrow_keys_walk(qtbot: Any, tmp_path: Path) -> None:
    """The meeting menu and a participant's menu were a box of "buttons" to a screen reader, their
    openers not said to open a menu: nothing told a user they were menus, nor a test where their
    items are. Now each is a menu (role menu, named), its items menu items (the app's own ones
    unavailable), its button says it opens a menu and whether it is open, the arrow keys go from
    item to item, and the toolbar is a toolbar."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    project = _example(tmp_path)
    package = project / "webapp2/plugins/meeting-info/meeting-info.plugin.package.json"
    data = json.loads(package.read_text())
    data["menuItems"]["conference"].append(
        {"icon": "info.svg#info", "label": "Meeting summary", "action": "showMeetingInfo"}
    )
    package.write_text(json.dumps(data, indent=4))
    with _preview_of(qtbot, project) as pane:
        closed = "JSON.stringify([document.getElementById('pd-conf-button').getAttribute('aria-haspopup'), document.getElementById('pd-conf-button').getAttribute('aria-expanded')])"
        assert json.loads(_js(qtbot, pane.page, closed)) == ["menu", "false"]
        _keyboard_in_meeting(qtbot, pane)
        _js(qtbot, pane.page, "document.getElementById('pd-conf-button').focus(); true")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: _menu(qtbot, pane, "#pd-conf-menu") is not None, timeout=5000)
        menu = _menu(qtbot, pane, "#pd-conf-menu")
        assert menu["role"] == "menu" and menu["opener"] == ["menu", "true"]
        assert "Meeting room" in menu["named"]
        plugin_items = [text for text, unavailable in menu["items"] if unavailable is None]
        # (each item's words, then its plugin's name)
        assert [t.removesuffix("Meeting information") for t in plugin_items] == [
            "Meeting information",
            "Meeting summary",
        ]
        assert ["Lock meeting", "true"] in menu["items"] and ["About", "true"] in menu["items"]

        # The arrow keys go from plugin item to plugin item (the app's own are not on the way), and round.
        _js(qtbot, pane.page, "document.querySelector('#pd-conf-menu [role=menuitem][tabindex]').focus(); true")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
        qtbot.waitUntil(lambda: _focused(qtbot, pane).startswith("menuitem: Meeting summary"), timeout=5000)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
        qtbot.waitUntil(lambda: _focused(qtbot, pane).startswith("menuitem: Meeting information"), timeout=5000)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Up)
        qtbot.waitUntil(lambda: _focused(qtbot, pane).startswith("menuitem: Meeting summary"), timeout=5000)

        # A participant's menu, opened from the keyboard.
        row = ".pd-row[data-participant='00000000-0000-4000-8000-000000000002']"
        _js(qtbot, pane.page, f"document.querySelector({row!r}).focus(); true")
        assert _js(qtbot, pane.page, f"document.querySelector({row!r}).getAttribute('aria-haspopup')") == "menu"
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: _menu(qtbot, pane, ".pd-ctx") is not None, timeout=5000)
        menu = _menu(qtbot, pane, ".pd-ctx")
        assert menu["role"] == "menu" and menu["named"] == "Blake Guest's menu" and menu["opener"] == ["menu", "true"]
        assert menu["items"][:4] == [
            ["Mute", "true"],
            ["Spotlight", "true"],
            ["Make host", "true"],
            ["Disconnect", "true"],
        ]
        assert [d for text, d in menu["items"] if text.startswith("Lower hand")] == [None]
        _js(qtbot, pane.page, "document.querySelector('.pd-ctx [role=menuitem][tabindex]').focus(); true")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_End)
        qtbot.waitUntil(lambda: _focused(qtbot, pane).startswith("menuitem: Lower hand"), timeout=5000)

        toolbar = "JSON.stringify([document.getElementById('pd-toolbar').getAttribute('role'), document.getElementById('pd-toolbar').getAttribute('aria-label')])"
        assert json.loads(_js(qtbot, pane.page, toolbar)) == ["toolbar", "Meeting toolbar"]


def _log(pane: Any) -> str:
    return pane.log.toPlainText()


def _test_every_button(qtbot: Any, pane: Any) -> str:
    """Press Test every button and wait for its summary: the log's lines it added."""
    from PySide6.QtCore import Qt

    before = len(_log(pane).splitlines())
    qtbot.mouseClick(pane.cycle_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "every button tested" in "\n".join(_log(pane).splitlines()[before:]), timeout=15000)
    return "\n".join(_log(pane).splitlines()[before:])


def test_test_every_button_presses_a_participants_item_in_the_menu_a_user_would_pick(
    qtbot: Any, tmp_path: Path
) -> None:
    """Test every button pressed each participant's menu item with the mock's own pick (whoever had
    a raised hand), not the participant the user had chosen, and the log did not say whose menu it
    was. Now it is the participant whose menu is open in the meeting, else the one chosen in the
    simulator's list, else the first who is not you; the log names them, and the request goes to them."""
    from PySide6.QtCore import Qt

    with _preview_of(qtbot, _example(tmp_path)) as pane:
        # Nobody chosen (the simulator's list is on you): the first participant who is not you.
        said = _test_every_button(qtbot, pane)
        assert "[Raise hand helper] pressed “Lower hand” in Blake Guest's menu" in said, said
        assert "clearbuzz for Blake Guest → ok" in said, said

        # Casey chosen in the simulator's list (her hand is not raised: the mock's own pick was Blake's).
        qtbot.mouseClick(pane.sim_button, Qt.MouseButton.LeftButton)
        pane.sim_participant.setCurrentIndex(pane.sim_participant.findText("Casey Guest"))
        said = _test_every_button(qtbot, pane)
        assert "[Raise hand helper] pressed “Lower hand” in Casey Guest's menu" in said, said
        # (what the plugin was given: Casey, whose hand is down)
        assert "Casey Guest has no raised hand" in said and "Blake" not in said, said

        # Board Room's menu open in the meeting: theirs, whoever the simulator's list is on.
        _js(qtbot, pane.page, "document.querySelector(\".pd-row[data-participant$='000000000004']\").click(); true")
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, "PDUI.openParticipant").endswith("4"), timeout=5000)
        said = _test_every_button(qtbot, pane)
        assert "[Raise hand helper] pressed “Lower hand” in Board Room's menu" in said, said


_MEETING_SHOWN = """JSON.stringify({
    locked: document.getElementById('pd-locked').textContent.trim(),
    layout: !!document.getElementById('pd-layout'),
    chatTab: document.getElementById('pd-tab-chat').textContent,
    canUnmute: !!PD.conference().guestsCanUnmute,
    hands: PD.participants().filter(function (p) { return p.buzzTime; }).map(function (p) { return p.name; }),
    chat: PD.chat.length})"""


def test_choosing_default_meeting_starts_the_whole_meeting_afresh(qtbot: Any, tmp_path: Path) -> None:
    """Choosing "Default meeting" (or a preset) in the simulator put its participants and details
    back, but a layout a plugin had asked for and the chat stayed, so the "default" meeting was
    not the one the preview starts with. Now the whole meeting is the preset's: unlocked, guests
    as they were, the default layout, no chat, the hands the preset has."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton

    with _preview_of(qtbot, _example(tmp_path)) as pane:
        shown = lambda: json.loads(_js(qtbot, pane.page, _MEETING_SHOWN))  # noqa: E731
        start = shown()
        assert start == {
            "locked": "Unlocked",
            "layout": False,
            "chatTab": "Chat",
            "canUnmute": False,
            "hands": ["Blake Guest"],
            "chat": 0,
        }
        # The meeting changed as plugins and people change it: locked by the toolbar's plugin
        # button, a layout and guests-can-unmute asked for, a chat message, Casey's hand up.
        _js(qtbot, pane.page, "document.querySelector('[data-plugin=lock-toggle]').click(); true")
        _js(
            qtbot,
            pane.page,
            "PEX.pluginAPI.transformConferenceLayout({layout: '1:7'}); "
            "PEX.pluginAPI.sendRequest('set_guests_can_unmute', {setting: true}); true",
        )
        qtbot.mouseClick(pane.sim_button, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(pane.sim_chat, "Hello")
        qtbot.mouseClick(pane.findChild(QPushButton, "simSendChat"), Qt.MouseButton.LeftButton)
        pane.sim_participant.setCurrentIndex(pane.sim_participant.findText("Casey Guest"))
        qtbot.mouseClick(pane.findChild(QPushButton, "simRaise"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: shown()["chat"] == 1 and len(shown()["hands"]) == 2, timeout=5000)
        changed = shown()
        assert changed["locked"] == "Locked" and changed["layout"] and changed["canUnmute"]
        assert changed["chatTab"] == "Chat 1" and pane.layout
        qtbot.waitUntil(pane.sim_toggles["locked"].isChecked, timeout=5000)  # (the controls follow within 0.2 s)

        pane.sim_preset.setCurrentIndex(pane.sim_preset.findData("Default meeting"))
        pane.sim_preset.activated.emit(pane.sim_preset.currentIndex())
        qtbot.waitUntil(lambda: shown() == start, timeout=5000)
        qtbot.waitUntil(lambda: not pane.sim_toggles["locked"].isChecked(), timeout=5000)
        assert pane.layout is None
        # And a restart of the plugins keeps that meeting: no layout comes back with it.
        qtbot.mouseClick(pane.findChild(QPushButton, "previewRestart"), Qt.MouseButton.LeftButton)
        _wait_started(qtbot, pane)  # (the new page's plugins: the old page's are gone at once)
        assert shown() == start


_ENDED = """JSON.stringify({ended: document.getElementById('pd-app').classList.contains('ended'),
    said: document.getElementById('pd-ended').innerText.replace(/\\s+/g, ' ').trim(),
    meetingShown: getComputedStyle(document.getElementById('pd-main')).display !== 'none',
    people: PD.participants().map(function (p) { return p.name; }),
    focused: document.activeElement.id})"""


def _press_in_menu_of(qtbot: Any, pane: Any, name: str) -> None:
    """Open ``name``'s menu in the meeting and press its plugin item, as a user clicks them."""
    row = f"Array.from(document.querySelectorAll('.pd-row')).find(function (r) {{ return r.textContent.indexOf({name!r}) >= 0; }})"
    _js(qtbot, pane.page, f"{row}.click(); true")
    qtbot.waitUntil(
        lambda: _js(qtbot, pane.page, "!!document.querySelector('.pd-ctx [data-plugin]')") is True, timeout=5000
    )
    _js(qtbot, pane.page, "document.querySelector('.pd-ctx [data-plugin]').click(); true")


def test_a_plugin_disconnecting_you_ends_the_call_with_a_way_back_in(qtbot: Any, tmp_path: Path) -> None:
    """A participant's item that disconnects them, pressed in your own menu, took you out of the
    list while the meeting went on being drawn around you, its menus working, and the next restart
    made Blake Guest "you". Now your call ends as in the app: the meeting gives way to "You were
    disconnected", naming the plugin, with a Rejoin button (the keyboard on it) that brings you back,
    first; Restart plugins joins you again too. Disconnecting someone else still only removes them."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton

    project = _disconnecting_project(tmp_path)
    with _preview_of(qtbot, project) as pane:
        ended = lambda: json.loads(_js(qtbot, pane.page, _ENDED))  # noqa: E731
        _press_in_menu_of(qtbot, pane, "Blake Guest")
        qtbot.waitUntil(lambda: "Blake Guest" not in ended()["people"], timeout=5000)
        assert ended()["ended"] is False and ended()["meetingShown"] is True

        _keyboard_in_meeting(qtbot, pane)
        _press_in_menu_of(qtbot, pane, "Alex Morgan (you)")
        qtbot.waitUntil(lambda: ended()["ended"] is True, timeout=5000)
        shown = ended()
        assert shown["said"] == (
            "You were disconnected Raise hand helper disconnected you from the meeting: "
            "in the app this ends your call. Rejoin the meeting"
        ), shown
        assert shown["meetingShown"] is False and shown["focused"] == "pd-rejoin"
        assert "Alex Morgan (you)" not in shown["people"]  # as the plugins see the meeting
        qtbot.waitUntil(lambda: pane.sim_participant.findText("Alex Morgan (you)") < 0, timeout=5000)
        assert pane.meeting[0][0]["name"] == "Alex Morgan (you)"  # kept for a restart, as "you"

        # Restart plugins joins you again, first, as you.
        qtbot.mouseClick(pane.findChild(QPushButton, "previewRestart"), Qt.MouseButton.LeftButton)
        _wait_started(qtbot, pane)  # (the new page's plugins: the old page's are gone at once)
        qtbot.waitUntil(lambda: ended()["people"][:1] == ["Alex Morgan (you)"], timeout=5000)
        assert ended()["ended"] is False and "Blake Guest" not in ended()["people"]

        # Out again, and back with the Rejoin button.
        _press_in_menu_of(qtbot, pane, "Alex Morgan (you)")
        qtbot.waitUntil(lambda: ended()["ended"] is True, timeout=5000)
        _js(qtbot, pane.page, "document.getElementById('pd-rejoin').click(); true")
        qtbot.waitUntil(lambda: ended()["ended"] is False, timeout=5000)
        back = ended()
        assert back["people"] == ["Alex Morgan (you)", "Casey Guest", "Board Room", "Live stream"], back
        assert back["meetingShown"] is True and back["focused"] == "pd-conf-button"
        qtbot.waitUntil(lambda: pane.sim_participant.itemText(0) == "Alex Morgan (you)", timeout=5000)

        # A plugin disconnecting everyone ends the meeting for you too; rejoining starts it again, with you.
        _js(qtbot, pane.page, "PEX.pluginAPI.sendRequest('/disconnect'); true")
        qtbot.waitUntil(lambda: ended()["ended"] is True, timeout=5000)
        assert ended()["said"].startswith("The meeting has ended"), ended()
        assert _js(qtbot, pane.page, "PD.conference().started") is False
        _js(qtbot, pane.page, "document.getElementById('pd-rejoin').click(); true")
        qtbot.waitUntil(lambda: ended()["people"] == ["Alex Morgan (you)"], timeout=5000)
        assert _js(qtbot, pane.page, "PD.conference().started") is True


def test_the_raised_hand_is_drawn_in_the_highlighted_words_colour_on_the_open_lists_highlighted_row(
    qtbot: Any, tmp_path: Path
) -> None:
    """In the light appearance, the simulator's open list of participants drew the raised hand
    black on the blue of the row under the keyboard, beside that row's white words: it was hard to
    see where it mattered. Now the hand takes the highlighted words' colour there (and the list's
    words' colour on the other rows)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QApplication

    from designer.gui.app import apply_appearance

    app = QApplication.instance()
    saved = app.palette()
    apply_appearance("light")
    try:
        with _preview_of(qtbot, _example(tmp_path)) as pane:
            qtbot.mouseClick(pane.sim_button, Qt.MouseButton.LeftButton)
            combo = pane.sim_participant
            qtbot.waitUntil(lambda: combo.findText("Blake Guest") == 1, timeout=5000)
            combo.showPopup()
            view = combo.view()
            qtbot.waitUntil(view.isVisible)
            qtbot.keyClick(view, Qt.Key.Key_Down)  # from you onto Blake, whose hand is up
            qtbot.waitUntil(lambda: view.currentIndex().row() == 1)
            rect = view.visualRect(view.currentIndex())
            image = view.viewport().grab(rect).toImage()
            palette = combo.palette()
            combo.hidePopup()
        highlight = palette.color(QPalette.ColorRole.Highlight)
        words = palette.color(QPalette.ColorRole.HighlightedText)
        assert highlight.lightness() < words.lightness()  # (light words on a darker blue)
        # The hand: what is not the row's blue in the row's first 32 pixels (before its name).
        dpr = image.devicePixelRatio()
        drawn = [
            QColor(image.pixel(x, y))
            for x in range(min(image.width(), round(32 * dpr)))
            for y in range(image.height())
            if abs(QColor(image.pixel(x, y)).lightness() - highlight.lightness()) > 40
        ]
        assert len(drawn) > 10, "no hand drawn on the highlighted row"
        darker = [c.name() for c in drawn if c.lightness() < highlight.lightness()]
        assert darker == [], f"the hand is drawn darker than the highlight {highlight.name()}: {darker[:5]}"
    finally:
        apply_appearance("system")
        app.setPalette(saved)


def test_test_every_button_with_the_call_ended_says_it_rejoins_and_ends_the_call_again(
    qtbot: Any, tmp_path: Path
) -> None:
    """Test every button pressed while "You were disconnected" showed put you back in the meeting
    without a word, and then said the meeting was "back as it was before the test". Now the log says
    first that the test joins you again, and afterwards the call is ended again, as it was."""
    project = _disconnecting_project(tmp_path)
    with _preview_of(qtbot, project) as pane:
        ended = lambda: json.loads(_js(qtbot, pane.page, _ENDED))  # noqa: E731
        _press_in_menu_of(qtbot, pane, "Alex Morgan (you)")
        qtbot.waitUntil(lambda: ended()["ended"] is True, timeout=5000)
        before = ended()
        said = _test_every_button(qtbot, pane)
        lines = said.splitlines()
        rejoined = [i for i, line in enumerate(lines) if "testing every button joins you to the meeting again" in line]
        assert rejoined and rejoined[0] < len(lines) - 1, said  # said before the test's own lines
        assert lines[rejoined[0]].startswith("[Raise hand helper] had disconnected you: testing every button"), said
        assert lines[-1].endswith(
            "every button tested, no new error; the meeting is back as it was before the test, with the call ended"
        ), said
        after = ended()
        assert after["ended"] is True and after["said"] == before["said"], after
        assert after["people"] == before["people"] and "Alex Morgan (you)" not in after["people"]
        assert pane.left is not None and pane.left["how"] == "disconnected"


def test_a_menu_item_with_no_icon_shows_its_label_alone_and_a_toolbar_button_the_empty_square(
    qtbot: Any, tmp_path: Path
) -> None:
    """A meeting menu or participant menu item with no icon was drawn with the toolbar's empty square
    marked "set at run time"; in the app such menus show the label. A toolbar button with no icon
    keeps the square: it is what PD309 warns about."""
    from test_preview import _open_menus

    project = _example(tmp_path)
    for name, ref in (("meeting-info", '"info.svg#info"'), ("raise-hand-helper", '"hand.svg#hand"')):
        package = project / f"webapp2/plugins/{name}/{name}.plugin.package.json"
        package.write_text(package.read_text().replace(ref, "null"))
    drawn = """JSON.stringify(Array.from(document.querySelectorAll('[data-plugin="%s"]')).map(function (el) {
        return [el.dataset.kind, el.querySelectorAll('.pd-placeholder').length, el.querySelectorAll('.pd-icon').length,
            el.querySelector('.pd-icon').getBoundingClientRect().width > 0, el.textContent]; }))"""
    with _preview_of(qtbot, project) as pane:
        _open_menus(qtbot, pane.page)
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, "!!document.querySelector('.pd-ctx [data-plugin]')") is True)
        # No square; the room of an icon kept, so the label stays in line with the app's own items.
        assert json.loads(_js(qtbot, pane.page, drawn % "meeting-info")) == [
            ["conference", 0, 1, True, "Meeting informationMeeting information"]
        ]
        assert json.loads(_js(qtbot, pane.page, drawn % "raise-hand-helper")) == [
            ["participants", 0, 1, True, "Lower handRaise hand helper"]
        ]
    # The same item as a toolbar button (its code sets no icon either): the empty square, as before.
    package = project / "webapp2/plugins/meeting-info/meeting-info.plugin.package.json"
    package.write_text(package.read_text().replace('"conference": [', '"toolbar": ['))
    with _preview_of(qtbot, project) as pane:
        assert json.loads(_js(qtbot, pane.page, drawn % "meeting-info")) == [["toolbar", 1, 1, True, ""]]
