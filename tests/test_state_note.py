"""The menu item form says when the plugin's code sets an item's icon and label while the meeting
runs (state$), and where; the preview's hover text says so of what it shows.

Why: on a toggle button (the lock-toggle example and recipe) the icon and label chosen in the form
never appeared in the preview, and nothing said why.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from conftest import EXAMPLE
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from designer.core.actionsync import state_look

LOCK_JS = "plugins/lock-toggle/lock-toggle.plugin.js"


def _wrapped(body: str, register: str = "state$: state$") -> str:
    return (
        "(function () {\n"
        "    var state$ = PEX.pluginAPI.createNewState({});\n"
        f"{body}"
        "    function load() {}\n"
        "    function unload() {}\n"
        "    function press() {}\n"
        f"    PEX.pluginAPI.registerPlugin({{ id: 'x', load: load, unload: unload, press: press, {register} }});\n"
        "})();\n"
    )


def test_the_state_the_code_gives_its_items_is_read_only_when_sure() -> None:
    lock = (EXAMPLE / "webapp2" / LOCK_JS).read_text(encoding="utf-8")
    look = state_look(lock)
    assert look is not None and (look.icon, look.label) == (True, True)
    assert look.line == 18 and "state$.next" in lock.splitlines()[look.line - 1]
    assert look.labels == ("Unlock meeting", "Lock meeting")
    assert look.icons == ("unlock.svg#unlock", "lock.svg#lock")
    # Nothing for code that sets no look, or when it is not sure that the state reaches the app.
    assert state_look((EXAMPLE / "webapp2/plugins/meeting-info/meeting-info.plugin.js").read_text()) is None
    sets = "    function show(on) { state$.next({ label: on ? 'Stop' : 'Start' }); }\n"
    assert state_look(_wrapped(sets, register="")) is None  # the state is never registered
    assert state_look(_wrapped(sets + "    var x = ;\n")) is None  # a syntax error: nothing runs
    assert state_look(_wrapped("    function show(l) { state$.next(l); }\n")) is None  # made at run time
    only_label = state_look(_wrapped(sets))
    assert only_label is not None and (only_label.icon, only_label.label, only_label.line) == (False, True, 3)
    assert only_label.labels == ("Stop", "Start")
    # A label built at run time: it says that the code sets the label, quoting none of them.
    built = state_look(_wrapped("    function show(n) { state$.next({ label: 'Hand ' + n }); }\n"))
    assert built is not None and built.label and built.labels == ()
    # A participant menu's state: one look per participant.
    each = state_look(_wrapped("    function show(p) { var s = {}; state$.next({ [p.uuid]: { label: 'Lower' } }); }\n"))
    assert each is not None and each.labels == ("Lower",)


def _note(window: Any) -> QLabel:
    return window.findChild(QLabel, "stateNote")


def test_the_form_says_the_code_sets_the_toggle_buttons_look_and_shows_where(
    window: Any, qtbot: Any, example_project: Path
) -> None:
    from test_editing import select_plugin

    window.open_path(example_project)
    select_plugin(window, qtbot, 0)  # Lock toggle: state$.next({icon, label})
    note = _note(window)
    qtbot.waitUntil(note.isVisible)
    assert note.text() == (
        "While the meeting runs, the plugin's code sets this button's icon and label (lock-toggle.plugin.js, "
        "line 18): 'Unlock meeting' / 'Lock meeting'. What you choose here shows until then."
    )
    select_plugin(window, qtbot, 1)  # Meeting information: its code sets no look
    assert not note.isVisible() and not window.findChild(QPushButton, "stateCodeButton").isVisible()
    select_plugin(window, qtbot, 2)  # Raise hand helper: neither
    assert not note.isVisible()

    # "Show in the code" opens the source at that line.
    select_plugin(window, qtbot, 0)
    button = window.findChild(QPushButton, "stateCodeButton")
    qtbot.waitUntil(button.isVisible)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    editor = window.source_pane.editor
    assert window.stack.currentWidget() is window.source_pane and window.source_pane.current_file() == LOCK_JS
    assert editor.textCursor().blockNumber() + 1 == 18
    assert "state$.next({ icon: 'unlock.svg#unlock'" in editor.textCursor().selectedText()

    # The user changes the code there (the line is selected: typing replaces it); the form says the new label.
    qtbot.keyClicks(editor, "            state$.next({ icon: 'unlock.svg#unlock', label: 'Open the door' });")
    assert "label: 'Open the door' });" in window.package.read_text(LOCK_JS).splitlines()[17]
    select_plugin(window, qtbot, 0)
    qtbot.waitUntil(lambda: "'Open the door' / 'Lock meeting'" in note.text())
    assert note.isVisible()


def test_the_preview_hover_text_says_the_code_set_the_buttons_look(qtbot: Any, tmp_path: Path) -> None:
    from test_preview import _js, _open_menus, _wait_started, _window_with_preview

    project = tmp_path / "example"
    shutil.copytree(EXAMPLE, project)
    js = project / "webapp2/plugins/raise-hand-helper/raise-hand-helper.plugin.js"
    assert "state$" not in js.read_text()
    with _window_with_preview(project) as win:
        pane = win.preview_pane
        _wait_started(qtbot, pane)
        _open_menus(qtbot, pane.page)
        titles = json.loads(
            _js(
                qtbot,
                pane.page,
                "JSON.stringify(Array.from(document.querySelectorAll('[data-plugin]')).map(function (el) {"
                " return [el.dataset.plugin, el.getAttribute('title')]; }))",
            )
        )
    assert ["lock-toggle", "Lock meeting — its icon and label are set by the plugin's code while the meeting runs, "
            "not by the form"] in titles  # fmt: skip
    # The items whose looks come from the package file keep their plain hover text (none for menu items).
    assert [t for p, t in titles if p != "lock-toggle"] == [None, None]
