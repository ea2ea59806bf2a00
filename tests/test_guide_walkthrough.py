"""A Pexip trainer follows the vendor's plugin guide (seed/infinity-connect-plugins-guide.txt) step
by step in the designer: what the guide writes must be recognisable in what the designer says."""

from __future__ import annotations

from pathlib import Path

from test_deep_checks import JS, marker_line, only, source, write


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
