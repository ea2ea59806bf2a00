"""What the preview shows: each plugin's placement, icons and source, for one role and platform.

Why in the core: the GUI's preview dock and the headless ``simulate`` command must load exactly
the same plugins with the same mock conference, so both build their page from here. Qt-free:
the page is plain HTML + JavaScript (``resources/preview/``) that any Chromium can run.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from .hostonly import PARTICIPANT_PATH, REFUSED_FOR_GUESTS, mock_rules, refused_for_guests, refused_item, request_named
from .model import SECTIONS, BrandingPackage, Plugin, PluginPackage, unreadable_files
from .problems import Problem, make
from .resources import resource
from .wording import PLACEMENT_NAMES, PLATFORM_NAMES, counted

__all__ = [
    "PLATFORM_NAMES",
    "ROLE_NAMES",
    "STAGE_LAYOUTS",
    "console_said",
    "crash_said",
    "crash_problems",
    "default_conference",
    "default_participants",
    "describe_request",
    "no_plugins_because",
    "no_uuid_request",
    "not_run_said",
    "not_started_because",
    "old_layout_call",
    "off_at_start_because",
    "oops_audience",
    "one_placement_shown",
    "PLAIN_ERRORS",
    "page_html",
    "plugin_config",
    "preview_config",
    "request_said",
    "shown_for",
    "unknown_layout",
    "unknown_request",
]

ROLE_NAMES = {"chair": "Host", "guest": "Guest"}

# How the mock meeting's stage draws each layout transformConferenceLayout({layout}) asks for
# (SPEC.md section 4): big tiles for the main speakers, then small ones, the rest not shown; "ac"
# (adaptive) fits everyone, the one speaking biggest. Why drawn: the request was logged but the
# stage stayed as it was, so a layout button seemed to do nothing. {} is the default (no entry).
STAGE_LAYOUTS: dict[str, dict[str, Any]] = {
    "1:0": {"main": 1, "small": 0, "said": "one main speaker, no small tiles"},
    "1:7": {"main": 1, "small": 7, "said": "one main speaker and up to 7 small tiles"},
    "2:21": {"main": 2, "small": 21, "said": "two main speakers and up to 21 small tiles"},
    "1:33": {"main": 1, "small": 33, "said": "one main speaker and up to 33 small tiles"},
    "4:0": {"main": 4, "small": 0, "said": "four equal tiles"},
    "ac": {"main": 1, "small": None, "said": "adaptive: everyone, the one speaking biggest"},
}


_APP_NAMES = {"web": "web app", "electron": "desktop app", "ios": "iOS app", "android": "Android app"}


def oops_audience(roles: list[str], platforms: list[str]) -> str:
    """Who would see the "Oops" page when this plugin crashes: "every user", "every host",
    "every guest in the desktop app, iOS app or Android app".

    Why: only the users the app loads the plugin for get its crash, and "every user" for a
    hosts-only plugin sent an administrator looking for a problem guests would never have.
    """
    who = {"chair": "every host", "guest": "every guest"}
    known_roles = [r for r in ("chair", "guest") if r in roles]
    text = who[known_roles[0]] if len(known_roles) == 1 else "every user"
    apps = [_APP_NAMES[p] for p in _APP_NAMES if p in platforms]
    if apps and len(apps) < len(_APP_NAMES):
        text += " in the " + (apps[0] if len(apps) == 1 else ", ".join(apps[:-1]) + " or " + apps[-1])
    return text


def default_participants() -> list[dict[str, Any]]:
    """A small meeting: you (a host unless the preview is seen by a guest), two guests (one with a raised hand), a SIP room, a stream."""

    def person(n: int, name: str, role: str, protocol: str = "webrtc", **extra: Any) -> dict[str, Any]:
        p = {
            "uuid": f"00000000-0000-4000-8000-00000000000{n}",
            "name": name,
            "role": role,
            "uri": f"{name.split()[0].lower()}@example.com",
            "startTime": 1_700_000_000 + 60 * n,
            "protocol": protocol,
            "isExternal": False,
            "presenting": False,
            "muted": False,
            "canControl": role == "chair",  # a host in a meeting room (the guide); guests never
            "canDisconnect": True,
            "canTransfer": True,
            "canMute": True,
            "serviceType": "conference",
            "callType": "video",
            "spotlight": 0,
            "isStreaming": False,
            "vad": 0,
            "stageIndex": n - 1,
            "rxPresentation": True,
            "feccSupported": False,
            "buzzTime": 0,
        }
        p.update(extra)
        return p

    return [
        person(1, "Alex Morgan (you)", "chair", vad=100),
        person(2, "Blake Guest", "guest", buzzTime=1_700_000_500),
        person(3, "Casey Guest", "guest", muted=True),
        person(4, "Board Room", "guest", "sip", uri="sip:boardroom@example.com"),
        person(5, "Live stream", "guest", "rtmp", isStreaming=True, callType="video", canTransfer=False),
    ]


def default_conference() -> dict[str, Any]:
    return {"locked": False, "guestsMuted": False, "chatEnabled": True, "mediaType": "video", "started": True}


def shown_for(plugin: Plugin, role: str, platform: str) -> bool:
    """Whether the app loads this plugin for a user of ``role`` on ``platform`` (and it is enabled)."""
    pkg = plugin.package
    if pkg is None:
        return False
    return role in (pkg.participant_roles or []) and platform in (pkg.platforms or [])


def not_started_because(plugin: Plugin, role: str, platform: str) -> str | None:
    """Why the app does not start this plugin for a user of ``role`` on ``platform``, in the
    form's words (None when it does).

    Why: a plugin not for this role or platform simply was not there, and the log said nothing,
    so its missing button looked like a broken plugin.
    """
    pkg = plugin.package
    if pkg is None or shown_for(plugin, role, platform):
        return None
    roles = pkg.participant_roles or []
    if role not in roles:
        if written := _no_list(pkg, "participantRoles"):
            return f"not started for a {ROLE_NAMES.get(role, role)}: {written}"
        if not roles:
            return "nobody gets it: tick Hosts or Guests under 'Available to' in its form"
        if unknown := _unknown_values(roles, ROLE_NAMES):  # "host" for "chair": said, not "for  only"
            return f"not started for a {ROLE_NAMES.get(role, role)}: 'Available to' (participantRoles) holds {unknown}"
        others = " and ".join(ROLE_NAMES.get(r, r) + "s" for r in ("chair", "guest") if r in roles)
        return f"not started for a {ROLE_NAMES.get(role, role)}: it is for {others} only ('Available to' in its form)"
    # The app's name ("the iOS app"), not the tick box's ("iOS"): "on the iOS" read as a slip.
    where = _APP_NAMES.get(platform, PLATFORM_NAMES.get(platform, platform))
    if written := _no_list(pkg, "platforms"):
        return f"not started in the {where}: {written}"
    if unknown := _unknown_values(pkg.platforms or [], _APP_NAMES):  # "Web": the form shows Web app ticked
        return f"not started in the {where}: 'Loads in' (platforms) holds {unknown}"
    return f"not started in the {where}: it does not load there ('Loads in' in its form)"


def _no_list(pkg: PluginPackage, key: str) -> str:
    """What the package file holds for its roles or platforms (``key``) when that is no list ("web",
    ``{"web": true}``), said with PD311's words; "" for a list or nothing.

    Why: the log said "it does not load there ('Loads in' in its form)", as if the web were not
    chosen, and "nobody gets it: tick Hosts or Guests", while the file named them."""
    from .checks.package import not_a_list
    from .schemas import plain_key

    if (pkg.platforms if key == "platforms" else pkg.participant_roles) is not None:
        return ""
    written = pkg.raw.get(key)
    if written is None or isinstance(written, list):
        return ""
    return f"{plain_key('package', key)} is {not_a_list(written)}, which the app does not read (see Problems: PD311)"


def _unknown_values(values: list[str], known: Mapping[str, str]) -> str:
    """The values of a plugin's roles or platforms the app does not know, said (empty when none)."""
    unknown = [repr(v) for v in values if v not in known]
    return f"{', '.join(unknown)}, which the app does not know (see Problems: PD311)" if unknown else ""


def not_run_said(plugin: Mapping[str, Any]) -> str | None:
    """Why the preview and ``simulate`` do not run a plugin at all, from its page config
    (:func:`plugin_config`), the same words in both: a file the app needs is missing ("not run:
    its source file plugins/x/x.plugin.js is missing or not UTF-8 text"), or the plugin is not
    for this role or platform (:func:`not_started_because`). None when it runs.

    Why: simulate and check said a plugin's source file was missing while the preview's log said
    nothing, so its missing button looked like a plugin that had failed without a word. A plugin
    that cannot run never registers, so the app shows none of its menu items: the line says so
    ("…, so its 2 menu items are not in the meeting"), as the meeting, which leaves them out, cannot.
    """
    if plugin.get("unusable"):
        items = len(plugin.get("items") or [])
        absent = ", so its menu item is" if items == 1 else f", so its {counted(items, 'menu item')} are"
        return f"not run: {plugin['unusable']}" + (absent + " not in the meeting" if items else "")
    return plugin.get("notStarted") or None


def off_at_start_because(plugin: Plugin, role: str, platform: str) -> str | None:
    """Why a plugin the app loads for this user is off when the meeting starts, in the form's
    words (None when it is on, or not loaded here at all: :func:`not_started_because` says why).

    Why: a plugin switched off in settings.json just was not in the meeting and the log said
    nothing, so its missing button looked like a broken plugin, as one for another role did.
    """
    if plugin.entry.enabled is not False or not shown_for(plugin, role, platform):
        return None
    ticked = "'Switched on when the app starts' is not ticked"
    if plugin.package is not None and plugin.package.allow_unload:
        return f"off when the app starts ({ticked} in its form): its buttons appear once a user switches it on in Settings ▸ Plugins"
    return f"never started: {ticked} and 'Users may switch it off' is not ticked either, so nobody can switch it on"


def no_plugins_because(pkg: BrandingPackage) -> str | None:
    """Why the app would show none of the package's plugins at all (None when it reads them).

    Why: settings.json that is not valid JSON hides every plugin (the top cause of "my plugin
    does not appear"); the preview showed a meeting without them and an empty log, as if the
    package held none.
    """
    if "settings.json" not in unreadable_files(pkg):
        return None
    problem = next((p for p in pkg.load_problems if p.file == "settings.json"), None)
    what = problem.message.rstrip(".") if problem else "settings.json cannot be read"
    where = f" (settings.json, line {problem.line})" if problem and problem.line else ""
    return f"no plugin is in the meeting: {what}{where}, and the app then shows none of the plugins it lists"


def one_placement_shown(plugin: Plugin) -> str | None:
    """What the preview shows of a plugin with items in more than one placement (None when it
    has one): the app expects one (PD301), and the preview draws only the first.

    Why: the other placement's items were simply not in the meeting, and nothing said why.
    """
    menu = plugin.package.menu_items if plugin.package else None
    used = [sec for sec in SECTIONS if menu and sec in menu]
    if len(used) < 2:
        return None
    names = [PLACEMENT_NAMES.get(sec, sec).lower() + "s" for sec in used]
    listed = ", ".join(names)
    return (
        f"has items in {'two' if len(used) == 2 else len(used)} placements ({listed}) where the app expects one: "
        f"the preview shows only its {names[0]} ('Appears in' in its form; see Problems)"
    )


def _section(plugin: Plugin) -> tuple[str | None, list[dict[str, Any]]]:
    menu = plugin.package.menu_items if plugin.package else None
    for sec in SECTIONS:
        if menu and sec in menu:
            items = [{"action": mi.action, "icon": mi.icon, "label": mi.label} for mi in menu[sec]]
            return sec, items
    return None, []


def plugin_config(pkg: BrandingPackage, plugin: Plugin, role: str, platform: str) -> dict[str, Any]:
    """One plugin as the page needs it: placement, look, the SVGs of its folder and its source."""
    section, items = _section(plugin)
    base = plugin.package_path.rsplit("/", 1)[0] if plugin.package_path and "/" in plugin.package_path else ""
    svgs: dict[str, str] = {}
    if base:
        for name in pkg.names():
            if name.startswith(base + "/") and name.lower().endswith(".svg"):
                try:
                    svgs[name] = pkg.read_text(name)
                except (OSError, UnicodeDecodeError):
                    continue
    source = None
    if plugin.source_path:
        try:
            source = {"path": plugin.source_path, "text": pkg.read_text(plugin.source_path)}
        except (OSError, UnicodeDecodeError):
            source = None
    p = plugin.package
    return {
        "unusable": _unusable(plugin, source),
        "key": plugin.key,
        "id": (p.id if p else None) or plugin.entry.id,
        "name": plugin.display_name,
        # What the app's Settings ▸ Plugins shows: no name at all where it has none (PD314), not the id.
        "settingsName": p.name if p and p.name and p.name.strip() else "",
        "description": (p.description if p else None) or "",
        "allowUnload": bool(p.allow_unload) if p else False,
        "enabled": plugin.entry.enabled is not False,
        "roles": list(p.participant_roles or []) if p else [],
        "platforms": list(p.platforms or []) if p else [],
        "shown": shown_for(plugin, role, platform),
        "notStarted": not_started_because(plugin, role, platform),
        "offAtStart": off_at_start_because(plugin, role, platform),
        "placements": one_placement_shown(plugin),
        "audience": oops_audience(list(p.participant_roles or []) if p else [], list(p.platforms or []) if p else []),
        "base": base,
        "section": section,
        "items": items,
        "svgs": svgs,
        "source": source,
    }


def _unusable(plugin: Plugin, source: dict[str, str] | None) -> str | None:
    """Why the app could not load the plugin at all, whoever uses it (None when it could)."""
    if plugin.package is None:
        name = plugin.package_path or plugin.entry.src_url
        return f"its package file {name} is missing or unreadable" if name else "settings.json names no package file"
    if not plugin.source_path:
        return "its package file names no source (srcURL)"
    if source is None:
        return f"its source file {plugin.source_path} is missing or not UTF-8 text"
    return None


def preview_config(
    pkg: BrandingPackage,
    role: str = "chair",
    platform: str = "web",
    participants: list[dict[str, Any]] | None = None,
    conference: dict[str, Any] | None = None,
    query: dict[str, str] | None = None,
    run: bool = True,
    layout: dict[str, Any] | None = None,
    left: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Everything the page shows; ``run``: load the plugins' JavaScript (else placement only).

    ``left``: you are out of the meeting (``how``: 'disconnected', 'moved' or 'everyone';
    ``plugin``: the key of the plugin that did it), with ``participants`` still listing you first.
    The page starts with the call ended, as it was. Why: a fresh page after a crash (or a freeze)
    put you back in the meeting, where the user had seen "You were disconnected" a moment before.

    ``layout`` is the stage's layout the meeting had (what transformConferenceLayout last asked
    for; None: the default). Why carried: a layout is the meeting's, not the plugins', so
    Restart plugins keeps it as it keeps the participants; Reset meeting drops it.

    ``hostOnly`` is what the mock refuses a guest (see :mod:`.hostonly`); ``you`` is the uuid of
    the participant who is previewing (the first one, "(you)" in every meeting the designer
    makes): the requests a guest may make about themselves are allowed for that one only.
    """
    people = list(participants) if participants is not None else default_participants()
    if people and isinstance(people[0], dict):
        # The one previewing has the role the preview is seen by: a meeting carried over a switch
        # from Host to Guest must not list "you" as a host while the mock refuses you as a guest.
        people[0] = {**people[0], "role": role}
    return {
        "role": role,
        "platform": platform,
        # What the page says of the platform: the words of the preview's own list ("Desktop app"),
        # not the app's key ("electron"), which a non-developer does not know.
        "platformName": PLATFORM_NAMES.get(platform, platform),
        "run": run,
        "plugins": [plugin_config(pkg, p, role, platform) for p in pkg.plugins],
        "noPlugins": no_plugins_because(pkg),
        "participants": people,
        "conference": conference if conference is not None else default_conference(),
        "queryParams": query or {},
        "hostOnly": mock_rules(),
        "layouts": STAGE_LAYOUTS,
        "layout": dict(layout) if isinstance(layout, Mapping) else None,
        # The log's warning at a changeConferenceLayout call (the page adds file and line).
        "oldLayoutCall": f"the plugin {old_layout_call()} (the app still changes the layout with it for now, "
        "and so does the preview)",
        "refusedForGuests": REFUSED_FOR_GUESTS,  # the card over the meeting says it as the log and check do
        "plainErrors": PLAIN_ERRORS,  # an error's meaning in plain words before the browser's (see there)
        "you": people[0].get("uuid") if people and isinstance(people[0], dict) else None,
        "left": {"how": str(left.get("how") or "disconnected"), "plugin": left.get("plugin") or None}
        if isinstance(left, Mapping) and people
        else None,
    }


def _script_json(value: Any) -> str:
    """JSON that is safe inside a <script> element (no ``</script>``, no HTML comment openers)."""
    text = json.dumps(value, ensure_ascii=False)
    return (
        text.replace("<", "\\u003c").replace(">", "\\u003e").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    )


def page_html(config: dict[str, Any]) -> str:
    """The whole preview page: the mock conference screen, the mock ``PEX`` and the config."""
    template = resource("preview", "preview.html").read_text(encoding="utf-8")
    mock = resource("preview", "mock-pex.js").read_text(encoding="utf-8")
    ui = resource("preview", "preview-ui.js").read_text(encoding="utf-8")
    # The config (the plugins' own text) goes in last, so nothing in it is taken for a placeholder.
    page = template.replace("/*PD_MOCK*/", mock).replace("/*PD_UI*/", ui)
    return page.replace("/*PD_CONFIG*/", "window.PD_CONFIG = " + _script_json(config) + ";", 1)


def hung_function(source: str, busy: Mapping[str, Any]) -> tuple[str, int] | None:
    """The function a frozen plugin was running, and its line: ``(name, line)``, or None.

    Why: a page stuck in an endless loop cannot say on which line it is, only what it had begun
    (the page's 'busy': starting, a button's action, being switched off). The registered object
    says which function that is; its line is where a click on the freeze takes the user, rather
    than the top of a file that may be long.
    """
    from .jsanalysis import analyse

    step, where = busy.get("step"), busy.get("where")
    if step == "action":
        name = str(busy.get("action") or "")
    elif step == "start" and where == "load":
        name = "load"
    elif where == "unload":
        name = "unload"
    else:  # a subscription, a timer, a promise callback: a function with no name to look up
        return None
    if not name:
        return None
    info = analyse(source)
    for registration in info.registrations:
        key = (registration.keys or {}).get(name)
        if key is None:
            continue
        if key.kind == "identifier" and key.value in info.functions:
            return str(key.value), info.functions[str(key.value)]
        if key.kind == "function":
            return name, key.value_line
    return None


def crash_key(error: dict[str, Any]) -> tuple[str | None, str, int, str]:
    """What makes two of the page's ``error`` events the same crash: plugin, file, line and message
    (one PD800 problem each, see :func:`crash_problems`; the Preview keeps the first of each)."""
    file = str(error.get("file") or "")
    return (
        error.get("plugin") or None,
        file,
        int(error.get("line") or 0) if file else 0,
        str(error.get("message") or "uncaught error"),
    )


def crash_problems(errors: list[dict[str, Any]]) -> list[Problem]:
    """PD800 problems from the page's ``error`` events (each with ``plugin``), one per place and message.

    The GUI's Problems dock and ``simulate`` read the same events, so both name the same file:line,
    and each says it as the preview's log does (:func:`crash_said`).
    """
    found: dict[tuple[Any, ...], Problem] = {}
    for e in errors:
        key = crash_key(e)
        plugin, file, line, message = key
        if key not in found:
            column = int(e.get("column") or 0) if line else 0
            # The log's and simulate's line (crash_said): "Crashes in the preview: …. This would
            # show the Oops page for …" read as a second finding beside the log's own words.
            said = " — ".join(crash_said({**e, "message": message}))
            found[key] = make(
                "PD800",
                file,
                said,
                line=line,
                column=column,
                plugin=plugin,
            )
    return list(found.values())


_DIAL_ROLES = {"chair": "host", "host": "host", "guest": "guest"}  # dialOut takes HOST/GUEST or chair/guest


def _plain(value: Any, limit: int = 60) -> str:
    """A payload value in words: text as it is, lists comma-separated, objects as 'key: value' pairs."""
    if isinstance(value, bool) or value is None:
        text = json.dumps(value)
    elif isinstance(value, str):
        text = value
    elif isinstance(value, Mapping):
        text = ", ".join(f"{k}: {_plain(v, limit)}" for k, v in value.items()) or "nothing"
    elif isinstance(value, list):
        text = ", ".join(_plain(v, limit) for v in value)
    else:
        text = json.dumps(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe_request(event: Mapping[str, Any], people: Mapping[str, str] | None = None) -> str:
    """A request a plugin made in the preview, in words: the API function once, then what it asked.

    ``people`` maps participant uuids to names (the simulated meeting's), so a request about a
    participant names them. Why: the log and ``simulate`` printed the mock's record as it was,
    "dialOut dialOut {"alias": "rec", "protocol": "auto", "role": "guest"}", the function's name
    twice (the mock files direct calls under their own name as the path) and raw JSON; now
    "dialOut: rec (guest, auto)". sendRequest keeps its path, which is what the plugin wrote.
    """
    kind = str(event.get("kind") or "request")
    path = str(event.get("path") or "")
    payload = event.get("payload")
    names = people or {}
    if kind == "sendRequest":
        text = f"sendRequest {path}"
        m = PARTICIPANT_PATH.match(path)
        if m and m.group(1) in names:
            text += f" for {names[m.group(1)]}"
        if payload not in (None, {}, []):
            text += f" ({_plain(payload)})"
        return text
    what = ""
    if kind == "dialOut" and isinstance(payload, Mapping):
        details = [
            _DIAL_ROLES.get(str(payload.get("role") or "").lower(), str(payload.get("role") or "")),
            str(payload.get("protocol") or ""),
        ]
        params = payload.get("params")
        if isinstance(params, Mapping) and params.get("streaming"):
            details.append("streaming")  # a recorder or streamer, not a person
        details = [d for d in details if d and d != "None"]
        what = _plain(payload.get("alias")) + (f" ({', '.join(details)})" if details else "")
    elif kind == "sendChatMessage" and isinstance(payload, Mapping):
        what = f"“{_plain(payload.get('text'), 80)}”"
    elif kind in ("transformConferenceLayout", "changeConferenceLayout") and isinstance(payload, Mapping):
        transforms = payload.get("transforms")
        if isinstance(transforms, Mapping) and transforms:
            what = ", ".join(f"{k} {_plain(v)}" for k, v in transforms.items())  # "layout 4:0"
        else:
            what = "the default layout" if transforms in (None, {}) else _plain(transforms)
    elif (m := PARTICIPANT_PATH.match(path)) is not None:
        what = names.get(m.group(1), m.group(1))
    elif payload not in (None, {}, []):
        what = _plain(payload)
    elif path and path != kind:
        what = path
    return f"{kind}: {what}" if what else kind


def request_said(event: Mapping[str, Any], people: Mapping[str, str] | None = None, base: str = "") -> str:
    """A request's line in the preview's log and in ``simulate``, the same words in both: what
    was asked and the meeting's answer ("sendRequest /lock → ok"), or, for a guest refused what
    only hosts may do, the words of the check's PD517: "Refused for guests: /lock (only hosts
    can lock the meeting) — plugins/lock-toggle/lock-toggle.plugin.js line 40".

    Why: a guest's refusal read three ways (check, log, simulate), and the log's bold "refused"
    beside an Oops line for the same request made one finding look like two. ``base`` goes
    before the file's name (``simulate`` names files from where it was run, as check does).
    """
    if event.get("refused"):
        file, line = event.get("file"), event.get("line")
        where = f"{base}{file} line {line}" if file and line else ""
        request = request_named(str(event.get("kind") or "sendRequest"), str(event.get("path") or ""))
        return refused_for_guests([refused_item(request, str(event.get("error") or "only hosts can do it"), where)])
    failed = _failure_said(event)
    if failed is not None:  # the conference could not do it: nothing changes
        file, line = event.get("file"), event.get("line")
        where = f" — {base}{file} line {line}" if file and line else ""
        return f"{describe_request(event, people)} → failed, nothing changes: {failed}{where}"
    answer = "ok" if event.get("ok") else str(event.get("error"))
    return f"{describe_request(event, people)} → {answer}"


def _failure_said(event: Mapping[str, Any]) -> str | None:
    """Why the mock meeting failed a request, in check's words where check has the rule (PD513
    unknown layout, PD515 unknown request, PD516 no uuid); else (a uuid nobody in the meeting has)
    in the mock's own words, said to be the mock's. None when the request did not fail so.

    Why: only a guest's refusal and an unknown layout failed; a spotlight or disconnect for someone
    not in the meeting was "→ ok" and its promise resolved, so a plugin that passed the wrong uuid
    seemed to work in the preview and did nothing in the meeting.
    """
    if event.get("unknownLayout") is not None:  # PD513
        return f"the plugin {unknown_layout(str(event['unknownLayout']))}"
    failure, path = event.get("failure"), str(event.get("path") or "")
    shown = "/" + path.lstrip("/")
    if failure == "unknown":  # PD515
        return f"the plugin {unknown_request(shown)}"
    if failure == "no-uuid":  # PD516
        return f"the plugin {no_uuid_request(shown, str(event.get('request') or ''))}"
    if failure == "not-in-meeting":  # nothing documented: the mock's answer, said to be
        uuid = m.group(1) if (m := PARTICIPANT_PATH.match(path)) else ""
        return (
            f"nobody in the meeting has the uuid '{uuid}' (the preview's mock meeting answers 404 Not Found; "
            "the vendor guide does not say how Infinity answers)"
        )
    return None


def unknown_request(path: str) -> str:
    """What sending a request the client REST API does not have does, in the check's words
    (PD515) and the preview log's: "sends the request '/lokc', which the conference does not know".

    Why one phrase: the mock failed it as "unknown request /lokc" while check said it its own way.
    """
    return f"sends the request '{path}', which the conference does not know"


def no_uuid_request(path: str, request: str) -> str:
    """A participant request sent without the participant's uuid, in the check's words (PD516) and
    the preview log's: "sends '/participants/mute' without a participant's uuid. Build it as ..."."""
    return (
        f"sends '{path}' without a participant's uuid. Build it as '/participants/' + participant.uuid + '/{request}'"
    )


def unknown_layout(layout: str) -> str:
    """What asking for a layout the conference does not have does, in the check's words (PD513)
    and the preview log's: "asks for the layout '3:3', which does not exist. Use one of 1:0, 1:7,
    2:21, 1:33, 4:0, ac (or {} for the default)".

    Why one sentence: the mock answered "→ ok" where the check flagged the layout, so one of the
    two seemed wrong; now the mock refuses it as the conference does and both say it alike.
    """
    return (
        f"asks for the layout '{layout}', which does not exist. Use one of {', '.join(STAGE_LAYOUTS)} "
        "(or {} for the default)"
    )


def old_layout_call() -> str:
    """What a plugin calling changeConferenceLayout is told, in the check's words (PD512) and the
    preview log's: "uses changeConferenceLayout, which is being removed. Use ... instead".

    Why one sentence: the log said "changeConferenceLayout is deprecated" and the stage did not
    change, as if the call did nothing; the vendor guide says it is *being* deprecated, so the
    app still changes the layout with it, and the preview now does too (and says so).
    """
    return (
        "uses changeConferenceLayout, which is being removed. Use "
        "PEX.pluginAPI.transformConferenceLayout({layout: '1:7'}) instead"
    )


# The browser's (Chromium's) words for the errors a plugin's code most often throws, and what they
# mean in plain words: (pattern of the whole message, the words with its groups as {0}, {1}). The
# page gives them as an error's ``plain``; the log, the card over the meeting, Problems and simulate
# say them before the browser's own words (kept: a web search needs them, and so may a CI script
# reading simulate's ``message``). The patterns are JavaScript's as well.
PLAIN_ERRORS: tuple[tuple[str, str], ...] = (
    (
        r"TypeError: Cannot read propert(?:y|ies) of (undefined|null) \(reading '(.{1,80})'\)",
        "The code reads '{1}' of something that has no value here (it is {0}).",
    ),
    (
        r"TypeError: Cannot set propert(?:y|ies) of (undefined|null) \(setting '(.{1,80})'\)",
        "The code sets '{1}' on something that has no value here (it is {0}).",
    ),
    (
        r"ReferenceError: ([\w$]{1,80}) is not defined",
        "The code uses '{0}', which it never made: check its spelling (capitals count), or make it with "
        "var, let or const.",
    ),
    (
        r"TypeError: ([\w$.]{1,80}) is not a function",
        "The code calls '{0}', which is not a function: check its spelling (capitals count).",
    ),
    (
        r"TypeError: Assignment to constant variable\.",
        "The code gives a new value to a name made with const, which keeps its first one: make it with let.",
    ),
    (r"RangeError: Maximum call stack size exceeded", "A function calls itself (or two call each other) without end."),
)


def crash_said(event: Mapping[str, Any], base: str = "") -> tuple[str, str]:
    """An uncaught error's (or a freeze's) line in the preview's log and in ``simulate``, the same
    words in both: (what it would do to whom, what happened and where), shown joined by " — ":
    "This would show the Oops page for every host — Error: load broke at plugins/x/x.plugin.js:26 (in load)".

    Why: simulate said "x.plugin.js:26: error in load: Error: load broke (Oops page for every
    host)" for the line the log said the other way round, so the two read as different findings.
    ``base`` goes before the file's name, as in :func:`request_said`.
    """
    audience = str(event.get("audience") or "every user")
    file, line = event.get("file"), event.get("line")
    message = str(event.get("message"))
    if event.get("kind") == "hang":  # the frozen page could not say on which line: the function, if known
        where = f" (in {base}{file})" if file else ""
        if file and line and event.get("function"):
            where = f" (in {event['function']} at {base}{file}:{line})"
        return f"This would freeze the meeting for {audience}", message + where
    where = f" at {base}{file}:{line}" if file and line else ""
    if event.get("where"):
        where += f" (in {event['where']})"
    if event.get("plain"):  # what the browser's words mean (PLAIN_ERRORS), before them
        message = f"{event['plain']} {message}"
    return f"This would show the Oops page for {audience}", message + where + repeated_said(event)


def repeated_said(event: Mapping[str, Any], request: bool = False) -> str:
    """How often the page's error, warning, note or ``request`` came so far, when more than once: " (repeated 1,234
    times)" (a timer throwing, or replacing window.PEX, every few milliseconds: one line for them all)."""
    times, alike = int(event.get("times") or 1), int(event.get("alike") or 0)
    if alike and request:  # (from the same line, what it asks differing: 'msg 1', 'msg 2', … in a loop)
        return f" (repeated {times:,} times, {alike:,} of them different)"
    if alike:  # (from the same line, its message differing: a counter in it, past the page's PLACE_MOST)
        return f" (repeated {times:,} times, {alike:,} of them with another message)"
    return f" (repeated {times:,} times)" if times > 1 else ""


def console_said(level: str, text: str, file: str | None = None, line: int | None = None, base: str = "") -> str:
    """A plugin's console line in the log and in ``simulate``: "console.log: hello at plugins/x/x.plugin.js:12".
    (``text`` as the caller shows it: the window lays a right-to-left message out on its own.)"""
    return f"console.{level}: {text}" + (f" at {base}{file}:{line}" if file and line else "")
