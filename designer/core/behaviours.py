"""What a menu item does, written as code: the "Participant action" recipe and the form's "Make it do ▾".

Why one module for both: a non-developer who wants a participant menu item that mutes, makes a
host or disconnects someone should get the same code from the recipe wizard, from
``plugin-designer new --recipe participant-action`` and from the plugin form; two copies of
that code would drift apart. The recipe's template calls :func:`action_body`; the form calls
:func:`write_behaviour`, which puts the same lines into the action's function.

Why only requests the core knows: each participant behaviour sends one request of the client
REST API as ``resources/api/pexip.json`` lists it (``participant_requests``), and whether a guest
may send it comes from :mod:`hostonly`, the list the checks and the preview's mock meeting use.
Infinity has no "send to the lobby" request: the nearest real thing is moving someone to another
meeting (``transfer``), for example a room kept as a lobby, and the choice says so.

Why the designer can tell its own code from the user's: :func:`body_state` compares a function's
body with what this module (or the starter plugin, or the "Create function" stub) writes, only
the texts the user chose left open. A body that matches is still the designer's and may be
replaced by another behaviour; any other body is the user's and is never overwritten.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from .hostonly import HOST_ONLY_FOR_OTHERS, HOST_ONLY_PARTICIPANT, refusal
from .indentation import indent_unit, reindented, unit_under
from .jstext import is_identifier, js_string, safe_id, safe_identifier
from .lineends import line_start, newline_of, split_first_line
from .snippets import as_snippets_write, code_style, in_style

__all__ = [
    "BEHAVIOURS",
    "Behaviour",
    "BodyState",
    "Details",
    "action_body",
    "behaviour",
    "behaviours_for",
    "body_state",
    "write_behaviour",
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
    def refusal(self) -> str:
        """Why a guest is refused it, as the preview says it: "only hosts can disconnect a participant"."""
        what = HOST_ONLY_PARTICIPANT.get(self.request or "") or HOST_ONLY_FOR_OTHERS.get(self.request or "")
        return refusal(what) if what else ""

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
    unit: str = "    ",
    **details: Any,
) -> str:
    """:func:`body_lines` as text: every line after ``indent``, joined by ``nl``, with no final
    line end (what the recipe templates write between a function's braces); ``unit``: one level
    of indentation inside it, as the source around it writes it (see jstext.indent_unit).

    ``details`` are :class:`Details` fields; others are ignored, so a template may pass its
    answers as they are.
    """
    wanted = {k: v for k, v in details.items() if k in Details.__dataclass_fields__}
    lines = reindented(body_lines(key, Details(**wanted), target, safe_id(f"{plugin}-{action}")), unit)
    return nl.join(indent + line if line else "" for line in lines)


# -- telling the designer's code from the user's --------------------------------------------

_TEXT = "PDSLOTTEXT"  # a user's text inside a string literal
_TARGET = "PDSLOTTARGET"  # the participant parameter's name
_LITERAL_RE = r"(?:[^'\\\r\n]|\\.)*"
_STUB = ["// runs when the menu item is clicked"]  # actionsync.add_action_function's
_STARTER = [  # newproject's starter plugin ("Hello from this plugin."), its title the plugin's name
    "window.PEX.pluginAPI.openTemplateDialog({",
    f"    title: '{_TEXT}',",
    "    body: '<p>Hello from this plugin.</p>'",
    "});",
]


def _normal(text: str) -> str:
    """The body's lines stripped of indentation and line-end style, blank lines left out."""
    return "\n".join(s for line in text.splitlines() if (s := line.strip()))


def _pattern(lines: list[str]) -> re.Pattern[str]:
    text = re.escape(_normal("\n".join(lines)))
    text = re.sub(r";(?=\\\n|$)", ";?", text)  # (written in a file without semicolons, it has none)
    text = text.replace(_TEXT, _LITERAL_RE).replace(_TARGET, r"[^\W\d][\w$]*")
    return re.compile(text)


@cache
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    """(what wrote it, pattern) for every body the designer writes, its texts and names left open."""
    slots = Details(confirm=False, question=_TEXT, alias=_TEXT, url=_TEXT, title=_TEXT, message=_TEXT)
    out = [("stub", _pattern(_STUB)), ("starter", _pattern(_STARTER))]
    for key in BEHAVIOURS:
        for confirm in (False, True):
            if confirm and not BEHAVIOURS[key].for_participant:
                continue
            details = Details(**{**slots.__dict__, "confirm": confirm})
            out.append((key, _pattern(body_lines(key, details, _TARGET, _TEXT))))
    return out


# The parameters actionsync gives a toolbar or conference menu action (not a participant).
_OTHER_PLACEMENTS_PARAMETERS = frozenset({"conferenceDetails", "participants"})


@dataclass(frozen=True)
class BodyState:
    """What is in an action's function now, and so what "Make it do" may do with it."""

    state: str  # "missing" (no function), "designer" (still the designer's code), "user" (edited), "none"
    wrote: str = ""  # for "designer": "empty", "stub", "starter" or the behaviour's key
    line: int = 0  # the function's first line (1-based), 0 when there is none

    @property
    def replaceable(self) -> bool:
        return self.state in ("missing", "designer")


def _function_node(source: str, action: str) -> tuple[Any, bytes] | None:
    """The function node declared for ``action`` in the registering scope (the first, when the
    code declares it more than once), and the source bytes; found as :mod:`actionsync` finds them."""
    from .actionsync import _action_functions, _registration

    data = source.encode("utf-8", "surrogatepass")
    reg = _registration(source)
    found = [fn for _action, fn in _action_functions(data, [action], reg.open_brace if reg is not None else -1)]
    if not found:
        return None
    return min(found, key=lambda fn: fn.start_byte), data


@lru_cache(maxsize=16)
def body_state(source: str, action: str) -> BodyState:
    """Whether ``action``'s function is missing, still as the designer wrote it, or the user's.

    Cached by text: the form asks after every edit of the package (as for :mod:`actionsync`)."""
    from .actionsync import _registration

    reg = _registration(source)
    if reg is None or not is_identifier(action):
        return BodyState("none")
    found = _function_node(source, action)
    if found is None:
        key = (reg.keys or {}).get(action)
        if key is not None and key.kind == "function":  # registerPlugin({ action() {...} }): written by hand
            return BodyState("user", line=key.line)
        return BodyState("missing")
    fn, data = found
    line = fn.start_point[0] + 1
    body = fn.child_by_field_name("body")
    if body is None or body.type != "statement_block":
        return BodyState("user", line=line)  # an arrow function with an expression: someone's code
    inner = _normal(data[body.start_byte + 1 : body.end_byte - 1].decode("utf-8", "surrogatepass"))
    if not inner:
        return BodyState("designer", "empty", line)
    written = as_snippets_write(inner)  # (as written in a file of "..." and const: see write_behaviour)
    for wrote, pattern in _patterns():
        if pattern.fullmatch(inner) or pattern.fullmatch(written):
            return BodyState("designer", wrote, line)
    return BodyState("user", line=line)


def write_behaviour(
    source: str, action: str, key: str, details: Details, placement: str | None, plugin: str = "plugin"
) -> str:
    """``source`` with ``action``'s function doing ``key``: created (and registered) when missing,
    its body replaced when it is still the designer's. ValueError, in words for the user, when the
    body is the user's own code (it is never overwritten) or the source cannot take it."""
    from .actionsync import STARTER_TAILS, action_state, add_action_function

    b = behaviour(key)
    if b.for_participant and placement != "participants":
        raise ValueError(f"'{b.title}' needs a participant: it works only in a participant's menu")
    st = body_state(source, action)
    if st.state == "none":
        raise ValueError("the source has no single registerPlugin({...}) call to add the action to")
    if st.state == "user":
        raise ValueError(f"the function '{action}' (line {st.line}) has been changed by hand, so it is left as it is")
    state = action_state(source, action)
    if not (state.function and state.registered):
        source = add_action_function(source, action, placement)
    found = _function_node(source, action)
    if found is None:  # (add_action_function made it: only a bug brings us here)
        raise ValueError(f"the function '{action}' could not be found after adding it")
    fn, data = found
    nl = newline_of(data)
    params = fn.child_by_field_name("parameters")
    target = "participant"
    edits: list[tuple[int, int, str]] = []
    if b.for_participant:
        first = params.named_children[0] if params is not None and params.named_child_count else None
        if params is None:  # an arrow function with one bare parameter: `participant => {...}`
            first = fn.child_by_field_name("parameter")
        name = data[first.start_byte : first.end_byte].decode("utf-8") if first is not None else ""
        if params is not None and (first is None or name in _OTHER_PLACEMENTS_PARAMETERS):
            # None, or what another placement passes (left from a move through the conference
            # menu): the body that used them was the designer's, so the participant takes their place.
            edits.append((params.start_byte, params.end_byte, f"({target})"))
        elif first is not None and first.type == "identifier":
            target = name
        else:
            raise ValueError(f"the function '{action}' takes the participant in a form the designer cannot use")
    body = fn.child_by_field_name("body")
    line_at = line_start(data, fn.start_byte)
    line = data[line_at : fn.start_byte].decode("utf-8", "replace")
    # The indentation of the line the function starts on: the body goes one level deeper.
    indent = line[: len(line) - len(line.lstrip(" \t"))]
    unit = unit_under(indent, indent_unit(source))  # (spaces under a function of spaces in a file of tabs)
    code = action_body(
        key, target=target, plugin=plugin, action=action, indent=indent + unit, nl=nl, unit=unit, **details.__dict__
    )
    code = in_style(code, code_style(source))  # (the file's quotes and var/let/const, as the snippets)
    edits.append((body.start_byte, body.end_byte, "{" + nl + code + nl + indent + "}"))
    for start, end, text in sorted(edits, reverse=True):
        data = data[:start] + text.encode("utf-8") + data[end:]
    out = data.decode("utf-8", "surrogatepass")
    if st.wrote == "starter":  # its first line said "... that shows a short message": no longer so
        shown, made = STARTER_TAILS
        first, sep, rest = split_first_line(out)
        if first.startswith("// ") and first.endswith(shown):
            out = first.replace(shown, made, 1) + sep + rest
    return out
