"""A Pexip trainer follows the vendor's plugin guide (seed/infinity-connect-plugins-guide.txt) step
by step in the designer: what the guide writes must be recognisable in what the designer says."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from conftest import EXAMPLE
from test_deep_checks import JS, marker_line, only, source, write
from test_preview import _with_code

from designer.core.model import load


def test_the_guides_mute_all_guests_request_is_told_its_real_name(base_project: Path) -> None:
    """The guide's own example, PEX.pluginAPI.sendRequest('/muteguest'), is one letter short of the
    REST API's /muteguests: the warning listed the known requests but left the student to spot the
    difference. Now it says which request was meant, for participant requests too."""
    text = source(
        body="        PEX.pluginAPI.sendRequest('/muteguest'); /*HERE*/\n"
        "        PEX.pluginAPI.sendRequest('/participants/' + participant.uuid + '/spotlight_on');\n"
    )
    write(base_project, JS, text)
    conference, person = only(base_project, "PD515")
    assert conference.line == marker_line(text)
    assert "Did you mean '/muteguests'?" in conference.message, conference.message
    assert "Did you mean '/participants/' + participant.uuid + '/spotlighton'?" in person.message, person.message


def test_in_the_preview_only_hosts_can_control_as_the_guide_says(qapp: Any, tmp_path: Path) -> None:
    """The guide: canControl "is true when the participant is a Host and it is a VMR or Virtual
    Auditorium service". The pretend meeting gave it to every guest too, so a plugin that hides its
    host controls behind participant.canControl showed them for guests in the preview; and the
    hover help said "This client may control the participant". Now guests have it false, a host in
    the meeting room true, and the help says what the guide says."""
    from designer.core.pexapi import hover_doc
    from designer.gui.preview import simulate

    log = (
        "function lowerHand(participant) {\n"
        "        participants.forEach(function (p) { console.log(p.name + ': ' + p.canControl); });\n"
        "        return;\n"
    )
    project = _with_code(tmp_path, "raise-hand-helper", "function lowerHand(participant) {", log)
    js = project / "webapp2/plugins/raise-hand-helper/raise-hand-helper.plugin.js"
    js.write_text(js.read_text().replace("(function () {", "(function () {\n    var participants = [];", 1))
    js.write_text(
        js.read_text().replace(
            "participants$.subscribe(function (participants) {",
            "participants$.subscribe(function (all) { participants = all;",
            1,
        )
    )
    report = simulate(load(project)).as_json()
    (plugin,) = [p for p in report["plugins"] if p["id"] == "raise-hand-helper"]
    lines = [c["text"] for c in plugin["console"]]
    assert "Alex Morgan (you): true" in lines, lines
    assert "Blake Guest: false" in lines and "Board Room: false" in lines, lines
    line = "if (participant.canControl"
    assert "Host" in hover_doc(line, len(line) - 1) and "Virtual Auditorium" in hover_doc(line, len(line) - 1)


def test_the_dial_out_help_shows_the_streaming_argument_of_the_guides_recording_plugin() -> None:
    """The guide's recording plugin dials its recorder with dialOut(alias, protocol, 'GUEST',
    callback, {streaming: true}); the help showed four arguments, so a student could not tell what
    the fifth one was (and the preview already honours it)."""
    from designer.core.pexapi import hover_doc

    line = "window.PEX.pluginAPI.dialOut"
    doc = hover_doc(line, len(line) - 1)
    assert doc.startswith("dialOut(alias, protocol, role, cb, {streaming}?)"), doc
    assert "{streaming: true}" in doc and "record" in doc, doc


_LAYOUT_DIALOG = """function showMeetingInfo(conferenceDetails) {
        PEX.pluginAPI.openTemplateDialog({
            title: 'Layout control',
            body: `<div style="flex-wrap: wrap; justify-content: center;">
              <button class="dialog-button blue-action-button" onclick="window.PEX.pluginAPI.transformConferenceLayout({layout:'4:0'})">Equal</button>
              <button class="dialog-button blue-action-button" onclick="console.log('default chosen')">Default</button>
            </div>`
        });
    }
    function unused("""


def test_the_guides_onclick_buttons_in_a_dialog_are_logged_as_the_plugins_own(qtbot: Any, tmp_path: Path) -> None:
    """The guide's "Layout control" dialog calls the API from onclick attributes in its body. In the
    preview its request was logged as "[?] transformConferenceLayout ...", belonging to no plugin,
    and its console.log under no plugin either; now both are the dialog's plugin's."""
    from test_preview import _js, _open_menus, _preview_of

    project = _with_code(tmp_path, "meeting-info", "function showMeetingInfo(", _LAYOUT_DIALOG)
    with _preview_of(qtbot, project) as pane:
        _open_menus(qtbot, pane.page)
        _js(qtbot, pane.page, "document.querySelector('[data-kind=conference]').click(); true")
        qtbot.waitUntil(lambda: "opened dialog “Layout control”" in pane.log.toPlainText(), timeout=5000)
        for button in ("Equal", "Default"):
            pick = "Array.from(document.querySelectorAll('.pd-dialog-body button'))"
            _js(qtbot, pane.page, f"{pick}.filter(b => b.textContent === '{button}')[0].click(); true")
        qtbot.waitUntil(lambda: "default chosen" in pane.log.toPlainText(), timeout=5000)
        lines = pane.log.toPlainText().splitlines()
        assert "[Meeting information] transformConferenceLayout: layout 4:0 → ok" in lines, lines
        assert any(line.startswith("[Meeting information] console.log: default chosen") for line in lines), lines


def test_the_preview_names_the_guides_menus_where_a_student_points(qtbot: Any, tmp_path: Path) -> None:
    """The guide puts "conference" items in the "conference control menu" and "participants" items
    in "the context menu for a participant"; the form calls them Conference menu and Participant
    menu. The preview's button for that menu read only "Meeting room", and nothing on it or on a
    participant said which of the form's placements lands there. Now their hover tips say so."""
    from test_preview import _js, _preview_of

    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    with _preview_of(qtbot, project) as pane:
        conference = _js(qtbot, pane.page, "document.getElementById('pd-conf-button').title")
        person = _js(qtbot, pane.page, "document.querySelector('[data-participant]').title")
    assert "conference control menu" in conference and "Conference menu" in conference, conference
    assert "Participant menu" in person, person


def test_the_icon_choice_says_it_is_the_guides_file_svg_id_or_null(window: Any, base_project: Path) -> None:
    """The guide writes the icon field as "crop.svg#crop", or null when the plugin sets it through
    state. The form's icon list showed thumbnails and "(set by the plugin while it runs)" with no
    word of either, so a student could not map the choice to the guide. Now the list's tip names
    'file.svg#id' and the run-time choice's tip says it writes null for state$.next to fill."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QComboBox

    window.open_path(base_project)
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("plugin", 0)))
    combo = window.findChild(QComboBox, "iconCombo")
    assert combo is not None and combo.isVisible()
    assert "'file.svg#id'" in combo.toolTip(), combo.toolTip()
    runtime = combo.itemData(0, Qt.ItemDataRole.ToolTipRole)
    assert combo.itemText(0) == "(set by the plugin while it runs)"
    assert "null" in runtime and "state$.next" in runtime, runtime


def test_a_plugin_not_listed_for_a_platform_is_said_in_plain_words() -> None:
    """Previewed on a platform its "platforms" list leaves out, the log said "not started on the iOS"
    (and "on the Android"). Now it names the app, as the guide does ("the mobile client for iOS")."""
    from designer.core.preview import not_started_because

    plugin = load(EXAMPLE).plugins[0]
    assert plugin.package is not None
    plugin.package.platforms = ["web"]
    assert not_started_because(plugin, "chair", "web") is None
    assert not_started_because(plugin, "chair", "ios") == (
        "not started in the iOS app: it does not load there ('Loads in' in its form)"
    )
    assert not_started_because(plugin, "chair", "android").startswith("not started in the Android app:")


def test_help_guide_terms_maps_each_package_key_of_the_guide_to_the_form(window: Any, qtbot: Any) -> None:
    """The guide names package keys (allowUnload, participantRoles, menuItems...) and API calls
    (createNewState, state$.next); the forms say "Users may switch it off", "Available to", "Set by
    the plugin while it runs", and nothing in Help joined the two, so a student could not find the
    guide's allowUnload in the designer. Help ▸ Guide Terms now lists each term with its place in
    the designer, searchable by either's words, and covers every key of the package file."""
    import json

    from PySide6.QtCore import Qt
    from test_help import _dialog, _fits_a_laptop_screen, _help_action

    _help_action(window, "guideTermsAction").trigger()
    dialog = _dialog(window, "guideTermsDialog")
    _fits_a_laptop_screen(dialog)
    assert dialog.focusWidget() is dialog.search
    qtbot.keyClicks(dialog.search, "allowunload")
    assert [(term, where) for term, where, _meaning in dialog.rows()] == [
        ("allowUnload", "Plugin form: 'Users may switch it off'")
    ]
    qtbot.keyClick(dialog.search, Qt.Key.Key_Down)  # to the list, as in Help ▸ Problem Codes
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)  # its explanation, in full
    assert dialog.focusWidget() is dialog.explanation
    assert "Whether users can disable the plugin in Settings > Plugins." in dialog.explanation.toPlainText()
    dialog.search.clear()
    qtbot.keyClicks(dialog.search, "Available to")
    assert [term for term, _where, _meaning in dialog.rows()] == ["participantRoles: chair, guest"]
    dialog.search.clear()
    terms = " ".join(term for term, _where, _meaning in dialog.rows())
    schema = json.loads((EXAMPLE.parent.parent / "schemas/plugin-package.schema.json").read_text())
    for key in schema["properties"]:
        assert key in terms, key
    for call in ("registerPlugin", "createNewState", "state$.next", "openTemplateDialog", "sendRequest", "brandingID"):
        assert call in terms, call


def test_each_recipes_function_name_says_it_is_the_items_action() -> None:
    """The guide and the form call the function a menu item runs its "action"; every recipe asked
    for a "Function name" and never said it was that action, so a student could not tie the
    wizard's answer to the package file's "action" or the form's Action field."""
    from designer.core.recipes import list_recipes

    asked = {r.name: p.description for r in list_recipes() for p in r.parameters if p.key == "action"}
    assert len(asked) >= 10  # (the chat alert and the meeting link's action have no button)
    for name, description in asked.items():
        assert "'action'" in description, (name, description)


def test_an_error_in_a_dialogs_onclick_button_is_logged_as_the_plugins_own(qtbot: Any, tmp_path: Path) -> None:
    """A slip in an onclick of the guide's "Layout control" dialog (a function of PEX.pluginAPI the
    app does not have) was logged as "[?] error: ...", belonging to no plugin, though what the same
    button called or logged was the dialog's plugin's."""
    from test_preview import _js, _open_menus, _preview_of

    dialog = _LAYOUT_DIALOG.replace("transformConferenceLayout", "transformLayout")
    project = _with_code(tmp_path, "meeting-info", "function showMeetingInfo(", dialog)
    with _preview_of(qtbot, project) as pane:
        _open_menus(qtbot, pane.page)
        _js(qtbot, pane.page, "document.querySelector('[data-kind=conference]').click(); true")
        qtbot.waitUntil(lambda: "opened dialog “Layout control”" in pane.log.toPlainText(), timeout=5000)
        pick = "Array.from(document.querySelectorAll('.pd-dialog-body button'))"
        _js(qtbot, pane.page, f"{pick}.filter(b => b.textContent === 'Equal')[0].click(); true")
        qtbot.waitUntil(lambda: "transformLayout" in pane.log.toPlainText(), timeout=5000)
        lines = [line for line in pane.log.toPlainText().splitlines() if "transformLayout" in line]
        assert lines and all(line.startswith("[Meeting information] ") for line in lines), lines


def test_help_guide_terms_says_when_nothing_matches_the_search(window: Any, qtbot: Any) -> None:
    """A search in Help ▸ Guide Terms that matched nothing left an empty list and an empty
    explanation with not a word (Help ▸ Problem Codes says "No code matches"): whoever could not
    see the list, or typed a slip, was not told; now a line under the search says so, and how many
    terms match otherwise."""
    from PySide6.QtWidgets import QLabel
    from test_help import _dialog, _help_action

    _help_action(window, "guideTermsAction").trigger()
    dialog = _dialog(window, "guideTermsDialog")
    count = dialog.findChild(QLabel, "guideTermCount")
    total = len(dialog.rows())
    assert count.isVisible() and count.text().startswith(f"{total} terms of the guide")
    qtbot.keyClicks(dialog.search, "allowunlaod")
    assert dialog.rows() == [] and count.text().startswith("No term matches “allowunlaod”")
    dialog.search.clear()
    qtbot.keyClicks(dialog.search, "menuitems")
    assert count.text() == f"{len(dialog.rows())} of {total} terms match “menuitems”."
