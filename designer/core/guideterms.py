"""The vendor's plugin guide's terms, and where each one is in the designer.

Why: the guide speaks of package keys (``allowUnload``, ``participantRoles``), settings fields
(``enabled``) and API calls (``createNewState``, ``state$.next``); the designer's forms speak of
"Users may switch it off", "Available to" and "Set by the plugin while it runs". A trainer
following the guide in the designer, and a student reading both, need the one mapped to the
other. Help ▸ Guide Terms shows this table; a test keeps it covering every package file key.
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["GUIDE_TERMS", "GuideTerm"]


class GuideTerm(NamedTuple):
    term: str  # as the guide writes it
    where: str  # where it is in the designer, in the designer's own words
    meaning: str  # what it does, in plain words


GUIDE_TERMS: tuple[GuideTerm, ...] = (
    # settings.json and manifest.json
    GuideTerm(
        "settings.json",
        "The package's settings.json in the tree (written from the forms)",
        "Lists the plugins the app offers: one entry per plugin with its id, srcURL and enabled. A JSON "
        "mistake here hides every plugin.",
    ),
    GuideTerm(
        "settings.json: srcURL",
        "Written for you: the plugin's package file",
        "Where the plugin's package file is, relative to webapp2/.",
    ),
    GuideTerm(
        "settings.json: enabled",
        "Plugin form: 'Switched on when the app starts'",
        "Whether the plugin is loaded by default; otherwise users switch it on in Settings > Plugins.",
    ),
    GuideTerm(
        "manifest.json: isSettingsBranded",
        "Written for you (true); a problem says so when it is not",
        "Must be true, or the app ignores settings.json and every plugin.",
    ),
    GuideTerm(
        "manifest.json: brandingID",
        "Export pane: 'New brandingID' (the project page calls it the upload number)",
        "Must differ from the last upload, or clients keep the branding they have; each export sets a new one.",
    ),
    GuideTerm(
        "Upload (Services > Web App Customization)",
        "Export pane: 'Export ZIP' (the ZIP to upload), 'Deploy…' and the 'Upload checklist' tab",
        "The administrator uploads the branding ZIP on the Management Node.",
    ),
    # the plugin package file
    GuideTerm(
        "Plugin package file (*.plugin.package.json)",
        "The plugin's form (select the plugin in the tree)",
        "Describes the plugin and where its buttons appear.",
    ),
    GuideTerm(
        "id",
        "Plugin form: 'Id' ('From name' makes one)",
        "Must be the same in settings.json, the package file and registerPlugin; renaming it here renames it in "
        "all three when they matched.",
    ),
    GuideTerm("name", "Plugin form: 'Name'", "Shown to users in Settings > Plugins."),
    GuideTerm("description", "Plugin form: 'Description'", "Shown to users in Settings > Plugins."),
    GuideTerm("version", "Plugin form: 'Version'", "An internal version number, such as 1.0."),
    GuideTerm(
        "srcURL (package file)",
        "Plugin form: 'Source file'",
        "The plugin's JavaScript file, relative to the package file.",
    ),
    GuideTerm(
        "allowUnload",
        "Plugin form: 'Users may switch it off'",
        "Whether users can disable the plugin in Settings > Plugins.",
    ),
    GuideTerm(
        "platforms: web, electron, ios, android",
        "Plugin form: 'Loads in' (Web app, Desktop app, iOS, Android); Preview: 'on'",
        "The apps that load the plugin; on the others it is not there at all.",
    ),
    GuideTerm(
        "participantRoles: chair, guest",
        "Plugin form: 'Available to' (Hosts, Guests); Preview: 'Seen by'",
        "Who gets the plugin: chair is a Host, guest a Guest.",
    ),
    GuideTerm(
        "menuItems",
        "Plugin form: 'Buttons and menu items' and 'Appears in'",
        "Where the plugin's buttons appear: only one of toolbar, conference or participants.",
    ),
    GuideTerm(
        "menuItems: toolbar",
        "'Appears in': Toolbar button",
        "A button in the floating toolbar; its label is the hover tip. The action gets the participants and "
        "the conference details.",
    ),
    GuideTerm(
        "menuItems: conference",
        "'Appears in': Conference menu; Preview: the 'Meeting room' menu",
        "An item in the conference control menu. The action gets the conference details.",
    ),
    GuideTerm(
        "menuItems: participants",
        "'Appears in': Participant menu; Preview: a participant's menu in the participant list",
        "An item in each participant's context menu. The action gets that participant.",
    ),
    GuideTerm(
        "icon: 'file.svg#id'",
        "Menu item: 'Icon' ('New icon' draws, picks a built-in one or imports an SVG)",
        "An SVG file of the plugin and the id of the element to draw; the SVG must contain that id.",
    ),
    GuideTerm(
        "icon: null, label: null",
        "Menu item: '(set by the plugin while it runs)' and 'Set by the plugin while it runs'",
        "The plugin sets them while it runs, with state$.next.",
    ),
    GuideTerm(
        "label",
        "Menu item: 'Label'",
        "The item's words in a menu, or the hover tip of a toolbar button.",
    ),
    GuideTerm(
        "action",
        "Menu item: 'Action' ('Make it do' writes one; a recipe calls it 'Function name')",
        "The name of the function the item runs; registerPlugin must register it under that name.",
    ),
    # the source file
    GuideTerm(
        "Plugin source file (IIFE)",
        "The plugin's .js file in the tree (the source editor); snippet 'iife'",
        "Plain JavaScript wrapped in (function () { ... })(); so nothing leaks into the app.",
    ),
    GuideTerm(
        "load(participants$, conferenceDetails$)",
        "Source editor: snippet 'load'",
        "Runs when the plugin starts; subscribe to the participants and conference details here.",
    ),
    GuideTerm("unload", "Source editor: snippet 'unload'", "Runs when the plugin is switched off: clean up here."),
    GuideTerm(
        "PEX.pluginAPI.registerPlugin",
        "Source editor: snippet 'register' (the form keeps its id and actions in step)",
        "Registers the id, load, unload, one key per action, and state$ when state is used.",
    ),
    GuideTerm(
        "createNewState, state$.next",
        "Source editor: snippets 'state' and 'statenext'",
        "A state whose next({icon, label}) changes the item's icon and label while the plugin runs.",
    ),
    GuideTerm(
        "openTemplateDialog, dialogRef.close$",
        "Source editor: snippet 'dialog'; 'Make it do' > show a message",
        "A dialog with a title and an HTML body; close$ tells when it closes.",
    ),
    GuideTerm(
        "sendRequest",
        "Source editor: snippets 'req…' and 'preq…'; 'Make it do'; recipes",
        "A request to the client REST API, such as '/lock' or '/participants/' + uuid + '/mute'.",
    ),
    GuideTerm(
        "participants$ / conferenceDetails$ properties",
        "Source editor: completion and hover after participant. or conferenceDetails.; Preview: 'Simulate the meeting'",
        "What the plugin learns about each participant and about the meeting.",
    ),
    GuideTerm(
        "PEX.actions$ / ofType",
        "Source editor: snippets 'on…' (onreceivechatmessage, ...); recipe 'Chat keyword alert'",
        "Events such as a chat message received or a participant joining.",
    ),
    GuideTerm(
        "PEX.conferenceQueryParams",
        "Source editor: snippet 'queryparams'; recipe 'Automatic action from the meeting link'",
        "The query parameters of the meeting link.",
    ),
    GuideTerm(
        "Settings > Plugin (in the app)",
        "Preview: the 'Settings › Plugins' tab",
        "Where users see each plugin's name and description and switch it on or off.",
    ),
    GuideTerm(
        "Application Oops",
        "Problems: PD800 'The plugin crashes in the preview'; the Preview's log",
        "An error in plugin code brings the whole app to its 'Oops' page.",
    ),
)
