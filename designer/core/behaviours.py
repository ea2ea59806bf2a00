"""What a menu item does, written as code: the "Participant action" recipe and the form's "Make it do ▾".

Why one module for both: a non-developer who wants a participant menu item that mutes, makes a
host or disconnects someone should get the same code from the recipe wizard, from
``plugin-designer new --recipe participant-action`` and from the plugin form; two copies of
that code would drift apart. The recipe's template calls :func:`action_body`.

Why only requests the core knows: each participant behaviour sends one request of the client
REST API as ``resources/api/pexip.json`` lists it (``participant_requests``), and whether a guest
may send it comes from :mod:`hostonly`, the list the checks and the preview's mock meeting use.
Infinity has no "send to the lobby" request: the nearest real thing is moving someone to another
meeting (``transfer``), for example a room kept as a lobby, and the choice says so.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any

from .hostonly import HOST_ONLY_FOR_OTHERS, HOST_ONLY_PARTICIPANT
from .jstext import js_string, safe_id, safe_identifier

__all__ = [
    "BEHAVIOURS",
    "Behaviour",
    "Details",
    "action_body",
    "behaviour",
    "behaviours_for",
]


@dataclass(frozen=True)
class Behaviour:
    """One thing a menu item can do, in the words a non-developer reads in a menu."""

    key: str  # "mute", "make_host", "web_page"
    title: str  # what the menu and the recipe's list show: "Mute their microphone"
    description: str  # one or two sentences: what happens, and what to know first
    request: str | None  # the participant request (/participants/<uuid>/<request>); None: no request
    payload: str = ""  # the request's payload as JavaScript ("{role: 'chair'}"); "" for none
    label: str = ""  # suggested menu item text
    icon: str = ""  # suggested built-in icon (icons/plugin-icons/)
    button: str = ""  # the text of the button that does it, in the "Ask first" window
    question: str = ""  # the suggested "Ask first" question
    failed: str = ""  # the title of the window that says it did not work
    disruptive: bool = False  # ask first unless told otherwise (disconnect, move to another meeting)
    asks: tuple[str, ...] = ()  # what it needs to know: "alias", "url", "message"
    name: str = ""  # suggested plugin name (Settings > Plugins)
    function: str = ""  # suggested function name

    @property
    def heading(self) -> str:
        """The title without its note in brackets: the "Ask first" window's title."""
        return re.sub(r"\s*\(.*\)$", "", self.title)

    @property
    def for_participant(self) -> bool:
        """Whether it acts on the participant the menu was opened for (participant menus only)."""
        return self.request is not None

    @property
    def host_only(self) -> bool:
        """Whether Infinity refuses it to a guest who uses it on someone else (:mod:`hostonly`)."""
        return self.request in HOST_ONLY_PARTICIPANT or self.request in HOST_ONLY_FOR_OTHERS

    @property
    def guests_on_themselves(self) -> bool:
        """Whether a guest may still do it to themselves (mute their own microphone, lower their hand)."""
        return self.request in HOST_ONLY_FOR_OTHERS

    def flags(self) -> frozenset[str]:
        """Words a recipe's ``"when": "what:FLAG"`` asks about: which questions this choice needs."""
        out = set(self.asks)
        if self.guests_on_themselves:
            out.add("self")
        if self.disruptive:
            out.add("disruptive")
        return frozenset(out)

    def suggestions(self) -> dict[str, Any]:
        """The answers this choice suggests for the other questions of a recipe (by their keys)."""
        return {
            "name": self.name or self.label,
            "label": self.label,
            "icon": self.icon,
            "confirm": self.disruptive,
            "question": self.question,
            "guests": not self.host_only,
            "action": self.function or safe_identifier(self.label),
        }


_PARTICIPANT = [
    Behaviour(
        "mute", "Mute their microphone", "Mutes the person's microphone; they stay in the meeting.", "mute",
        label="Mute", icon="mute", button="Mute", question="Mute this person?", failed="Could not mute them",
        name="Mute a participant", function="muteParticipant",
    ),
    Behaviour(
        "unmute", "Unmute their microphone", "Lets the person talk again after a host muted them.", "unmute",
        label="Unmute", icon="unmute", button="Unmute", question="Unmute this person?",
        failed="Could not unmute them",
        name="Unmute a participant", function="unmuteParticipant",
    ),
    Behaviour(
        "video_muted", "Stop their camera", "Stops the person's video; the others no longer see them.",
        "video_muted", label="Stop camera", icon="camera-off", button="Stop camera",
        question="Stop this person's camera?", failed="Could not stop their camera",
        name="Stop a participant's camera", function="stopCamera",
    ),
    Behaviour(
        "video_unmuted", "Start their camera again", "Lets the person's video be seen again after it was stopped.",
        "video_unmuted", label="Start camera", icon="camera", button="Start camera",
        question="Start this person's camera again?", failed="Could not start their camera",
        name="Start a participant's camera", function="startCamera",
    ),
    Behaviour(
        "make_host", "Make them a host", "Gives the person host rights: they can then mute, admit and "
        "disconnect others.", "role", "{role: 'chair'}", label="Make host", icon="crown", button="Make host",
        question="Make this person a host?", failed="Could not make them a host",
        name="Make a participant a host", function="makeHost",
    ),
    Behaviour(
        "make_guest", "Make them a guest", "Takes away the person's host rights; they stay in the meeting "
        "as a guest.", "role", "{role: 'guest'}", label="Make guest", icon="participant", button="Make guest",
        question="Make this person a guest?", failed="Could not make them a guest",
        name="Make a participant a guest", function="makeGuest",
    ),
    Behaviour(
        "spotlighton", "Spotlight them", "Keeps the person on the main screen for everyone.", "spotlighton",
        label="Spotlight", icon="spotlight", button="Spotlight", question="Put this person in the spotlight?",
        failed="Could not spotlight them",
        name="Spotlight a participant", function="spotlightParticipant",
    ),
    Behaviour(
        "spotlightoff", "Remove their spotlight", "Lets the layout choose who is on the main screen again.",
        "spotlightoff", label="Remove spotlight", icon="spotlight", button="Remove spotlight",
        question="Take this person out of the spotlight?", failed="Could not remove their spotlight",
        name="Remove a spotlight", function="removeSpotlight",
    ),
    Behaviour(
        "clearbuzz", "Lower their raised hand", "Lowers the person's raised hand.", "clearbuzz",
        label="Lower hand", icon="hand", button="Lower hand", question="Lower this person's hand?",
        failed="Could not lower their hand",
        name="Lower a raised hand", function="lowerHand",
    ),
    Behaviour(
        "disconnect", "Disconnect them", "Removes the person from the meeting; they can join again "
        "with the meeting's link.", "disconnect", label="Disconnect", icon="participant-remove",
        button="Disconnect", question="Disconnect this person from the meeting?",
        failed="Could not disconnect them", disruptive=True,
        name="Disconnect a participant", function="disconnectParticipant",
    ),
    Behaviour(
        "transfer", "Move them to another meeting (such as a lobby room)", "Infinity has no 'send to lobby' "
        "of its own: this moves the person into the meeting you name, for example a room you keep as a lobby, "
        "where they join as a guest.", "transfer", label="Send to lobby", icon="transfer", button="Move",
        question="Move this person to the other meeting?", failed="Could not move them", disruptive=True,
        asks=("alias",),
        name="Send to lobby", function="sendToLobby",
    ),
]  # fmt: skip
_ANYWHERE = [
    Behaviour(
        "web_page", "Open a web page", "Opens the web address you give in a new browser tab.", None,
        label="Open web page", icon="external-link", asks=("url",),
        name="Open a web page", function="openWebPage",
    ),
    Behaviour(
        "message", "Show a message", "Shows a small window with the title and text you give.", None,
        label="Show message", icon="info", asks=("message",),
        name="Show a message", function="showMessage",
    ),
]  # fmt: skip
BEHAVIOURS: dict[str, Behaviour] = {b.key: b for b in _PARTICIPANT + _ANYWHERE}


def behaviour(key: str) -> Behaviour:
    """The behaviour called ``key``; KeyError (naming the keys) when there is none."""
    try:
        return BEHAVIOURS[key]
    except KeyError:
        raise KeyError(f"no behaviour called {key!r}; there are {', '.join(BEHAVIOURS)}") from None


def behaviours_for(placement: str | None) -> list[Behaviour]:
    """What an item in ``placement`` can do: a participant menu item everything, another item
    only what needs no participant (there is nobody to act on)."""
    return [b for b in BEHAVIOURS.values() if placement == "participants" or not b.for_participant]


@dataclass(frozen=True)
class Details:
    """The user's answers a behaviour needs (only the ones its ``asks`` and ``confirm`` name are used)."""

    confirm: bool = False  # ask first in a small window (participant behaviours)
    question: str = ""  # the question asked first
    alias: str = ""  # the meeting to move someone to (transfer)
    url: str = ""  # the web page to open
    title: str = ""  # the message window's title
    message: str = ""  # the message window's text


def _p(text: str) -> str:
    """``text`` as one HTML paragraph, in a JS literal (user text never becomes HTML or code)."""
    return js_string(f"<p>{html.escape(text, quote=False)}</p>")


def _request_lines(request: str, payload: str, target: str) -> list[str]:
    path = f"'/participants/' + {target}.uuid + '/{request}'"
    args = f"{path}, {payload}" if payload else path
    return [
        f"window.PEX.pluginAPI.sendRequest({args}).then(function (answer) {{",
        "    if (answer && answer.status === 'failed') {",
        "        showProblem(answer.result);",
        "    }",
        "}, showProblem);",
    ]


def body_lines(key: str, details: Details, target: str = "participant", dialog_id: str = "plugin") -> list[str]:
    """The lines of the action function's body for ``key``, indented from column 0 (4 spaces a level).

    ``target`` is the function's parameter that holds the participant; ``dialog_id`` makes the
    id of the "Ask first" window's button unique in the page (the plugin's folder and action).
    """
    b = behaviour(key)
    if key == "web_page":
        return [
            "// Open the web page in a new browser tab.",
            f"window.open({js_string(details.url)}, '_blank', 'noopener');",
        ]
    if key == "message":
        return [
            "// Show a small window with the message.",
            "window.PEX.pluginAPI.openTemplateDialog({",
            f"    title: {js_string(details.title)},",
            f"    body: {_p(details.message)}",
            "});",
        ]
    assert b.request is not None
    lines = [
        "// Makes text safe to show in a small window (so a name cannot add its own HTML).",
        "function asText(value) {",
        "    return String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');",
        "}",
        "",
        "// When the meeting says no (only hosts may do this, or the person has just left): say why.",
        "function showProblem(problem) {",
        "    var why = (problem && (problem.message || problem.result)) || problem || 'no reason given';",
        "    window.PEX.pluginAPI.openTemplateDialog({",
        f"        title: {js_string(b.failed)},",
        "        body: '<p>' + asText(why) + '</p>'",
        "    });",
        "}",
        "",
        f"// {b.heading}: ask Infinity to do it for this participant.",
    ]
    payload = b.payload
    if b.request == "role":
        lines.append("// ('chair' is Infinity's word for a host.)")
    if key == "transfer":
        lines += [
            "// The meeting they go to, and how they join it (as a guest).",
            f"var meeting = {{conference_alias: {js_string(details.alias)}, role: 'guest'}};",
        ]
        payload = "meeting"
    request = _request_lines(b.request, payload, target)
    if not details.confirm:
        return lines + request
    button = js_string(f'" class="dialog-button blue-action-button">{html.escape(b.button, quote=False)}</button>')
    return [
        *lines,
        "function doIt() {",
        *("    " + s for s in request),
        "}",
        "",
        "// Ask first: a small window with the question, the person's name and a button that does it.",
        f"var buttonId = {js_string(dialog_id + '-confirm')};",
        "window.PEX.pluginAPI.openTemplateDialog({",
        f"    title: {js_string(b.heading)},",
        f"    body: {_p(details.question)} +",
        f"        '<p><b>' + asText({target}.name || '') + '</b></p>' +",
        f"        '<button id=\"' + buttonId + {button}",
        "}).then(function (dialogRef) {",
        "    // When the button is pressed: close the window and do it.",
        "    document.getElementById(buttonId).addEventListener('click', function () {",
        "        dialogRef.close();",
        "        doIt();",
        "    });",
        "});",
    ]


def action_body(
    key: str,
    *,
    target: str = "participant",
    plugin: str = "plugin",
    action: str = "action",
    indent: str = "",
    nl: str = "\n",
    **details: Any,
) -> str:
    """:func:`body_lines` as text: every line after ``indent``, joined by ``nl``, with no final
    line end (what the recipe templates write between a function's braces).

    ``details`` are :class:`Details` fields; others are ignored, so a template may pass its
    answers as they are.
    """
    wanted = {k: v for k, v in details.items() if k in Details.__dataclass_fields__}
    lines = body_lines(key, Details(**wanted), target, safe_id(f"{plugin}-{action}"))
    return nl.join(indent + line if line else "" for line in lines)
