"""Which conference requests only a host (chair) may make: one list for the checks and the preview.

Why one list: the checks warn (PD517) about a plugin offered to guests that asks for one of
these, and the preview's mock meeting refuses them when run "as a guest", as Infinity does
(HTTP 403, and the plugin's promise fails). Two copies would drift apart; the mock gets this
list in its config (:func:`mock_rules`) and keeps none of its own.

What Infinity allows a guest (the vendor guide names only the two roles, so this follows the
client REST API): conference control (lock, muting all guests, layouts, lowering all hands,
ending the meeting, dialling out) is for hosts. A guest may act on themselves only: mute or
unmute their microphone or camera, raise or lower their own hand, send keypad tones from their
own call. Changing someone's role, spotlight or name overlay, disconnecting or transferring a
participant is for hosts whoever it targets. Chat (``/message``, ``sendChatMessage``) is for
everyone.
"""

from __future__ import annotations

import re

__all__ = [
    "HOST_ONLY_API",
    "HOST_ONLY_CONFERENCE",
    "HOST_ONLY_FOR_OTHERS",
    "HOST_ONLY_PARTICIPANT",
    "PARTICIPANT_PATH",
    "REFUSED_FOR_GUESTS",
    "mock_rules",
    "refusal",
    "refused_for_guests",
    "refused_item",
    "request_named",
]

# request -> what it does, said so that "only hosts can <what>" reads as a sentence.
HOST_ONLY_CONFERENCE = {
    "lock": "lock the meeting",
    "unlock": "unlock the meeting",
    "muteguests": "mute all guests",
    "unmuteguests": "unmute all guests",
    "set_guests_can_unmute": "let guests unmute",
    "transform_layout": "change the layout",
    "clearallbuzz": "lower everyone's raised hand",
    "disconnect": "disconnect everyone",
    "start_conference": "start the meeting",
}
# /participants/<uuid>/<request>, refused to a guest whoever the participant is.
HOST_ONLY_PARTICIPANT = {
    "disconnect": "disconnect a participant",
    "role": "change a participant's role",
    "transfer": "move a participant to another meeting",
    "spotlighton": "put a participant in the spotlight",
    "spotlightoff": "take a participant out of the spotlight",
    "overlaytext": "change the name shown on a participant's video",
    "unlock": "let a participant in from the waiting room",
    "allowrxpresentation": "let a participant see the presentation",
    "denyrxpresentation": "stop a participant seeing the presentation",
}
# /participants/<uuid>/<request> a guest may make about themselves, but not about anyone else.
# (The checks cannot tell whose uuid a plugin passes, so only the preview applies these.)
HOST_ONLY_FOR_OTHERS = {
    "mute": "mute another participant",
    "unmute": "unmute another participant",
    "video_muted": "stop another participant's camera",
    "video_unmuted": "start another participant's camera",
    "buzz": "raise another participant's hand",
    "clearbuzz": "lower another participant's hand",
    "dtmf": "send keypad tones for another participant",
}
# PEX.pluginAPI functions that make a host-only request.
HOST_ONLY_API = {
    "dialOut": "dial out",
    "disconnectParticipant": "disconnect a participant",
    "transformConferenceLayout": "change the layout",
    "changeConferenceLayout": "change the layout",
    "spotlightOnParticipant": "put a participant in the spotlight",
    "spotlightOffParticipant": "take a participant out of the spotlight",
}


def refusal(what: str) -> str:
    """The plain sentence a guest's refused request is logged with: "only hosts can lock the meeting"."""
    return f"only hosts can {what}"


def mock_rules() -> dict[str, dict[str, str]]:
    """The lists as the preview's mock meeting reads them (``PD_CONFIG.hostOnly``), each request
    mapped to the sentence its refusal shows, so the page words nothing itself."""

    def said(table: dict[str, str]) -> dict[str, str]:
        return {name: refusal(what) for name, what in table.items()}

    return {
        "conference": said(HOST_ONLY_CONFERENCE),
        "participant": said(HOST_ONLY_PARTICIPANT),
        "others": said(HOST_ONLY_FOR_OTHERS),
        "api": said(HOST_ONLY_API),
    }


# How a guest's refused request is introduced, in the checks (PD517), the preview's log and
# ``simulate`` alike. Why one phrase: the check said "which only hosts may do; for guests it
# fails", the log "refused for guests — ... In a real meeting ..." and simulate "refused for
# guests (403 Forbidden)": three ways of saying one thing read as three different findings.
REFUSED_FOR_GUESTS = "Refused for guests"

# A request about one participant, "/participants/<uuid>/<request>" (the leading "/" optional):
# named so here (request_named) and read by the preview (describe_request, request_said).
PARTICIPANT_PATH = re.compile(r"^/?participants/([^/]+)/([a-z_]+)$")


def request_named(kind: str, path: str = "") -> str:
    """A request as the user wrote it, the same in the checks and the preview: the API function
    for a direct call ("dialOut"), else the sendRequest path, whoever's uuid in it shown as "…"
    ("/participants/…/mute"), since the checks cannot know it and the preview's is a made-up one."""
    if kind != "sendRequest":
        return kind
    path = "/" + path.split("?", 1)[0].lstrip("/")
    m = PARTICIPANT_PATH.match(path)
    return f"/participants/…/{m.group(2)}" if m else path


def refused_item(request: str, reason: str, where: str = "") -> str:
    """One refused request: "/lock (only hosts can lock the meeting) — line 12"; ``reason`` is
    :func:`refusal`'s sentence, ``where`` the file and line (or lines) it was asked on."""
    return f"{request} ({reason})" + (f" — {where}" if where else "")


def refused_for_guests(items: list[str]) -> str:
    """The refused requests (:func:`refused_item`) in one sentence: "Refused for guests: /lock (only
    hosts can lock the meeting) — line 12"."""
    return f"{REFUSED_FOR_GUESTS}: " + "; ".join(items)
