"""Problems: what is wrong, where, why it matters and how to fix it.

Why a registry: every problem has a stable code (``PD203``) so users can search for it, the
CLI's ``--json`` output stays machine-readable across releases, and the README table is
generated from the same data the checker uses, so the documentation cannot drift.
"""

from __future__ import annotations

from copy import deepcopy
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, NamedTuple

__all__ = [
    "CODES",
    "READ_BEFORE_UPLOAD",
    "Code",
    "Fix",
    "Problem",
    "Severity",
    "codes_markdown",
    "escaped",
    "name_as_text",
    "printable",
]


def printable(text: str) -> str:
    """``text`` fit for one line of a terminal: each character that is not printable (a line break,
    a tab, ESC, NUL, a bidi override) written as its escape, such as ``\\x1b``.

    Why: messages quote what the files hold (an id, a srcURL, a label). Printed as it is, a newline
    in a srcURL made a second, made-up ``file:line: error`` line for the CI that reads the output,
    and an ESC sequence cleared or retitled the terminal of whoever ran ``check``.
    A byte of a file or folder name that is not UTF-8 (``proj\\xe5``, named on a Latin-1 share) is
    written as that byte, not as ``\\udce5``, the stand-in Python reads it as.
    """
    if text.isprintable():  # the usual case
        return text
    return "".join(c if c.isprintable() else escaped(c) for c in text)


def escaped(char: str) -> str:
    """``char`` as a backslash escape: a byte of a name that is not UTF-8 (read as U+DC80 to
    U+DCFF, Python's "surrogateescape") as that byte, ``\\xe5``; any other as Python writes it."""
    if "\udc80" <= char <= "\udcff":
        return f"\\x{ord(char) - 0xDC00:02x}"
    return ascii(char)[1:-1]


def name_as_text(name: str, undecodable: str = "backslashreplace") -> str:
    """``name`` (a file or folder name, or a word of the command line, as Python reads it) as text
    that can be written as UTF-8: each byte of it that is not UTF-8 (read as U+DC80 to U+DCFF,
    Python's "surrogateescape") as that byte, ``\\xe5``, or with ``undecodable="replace"`` as
    U+FFFD (for where only text goes, such as the node). Other characters stay as they are:
    :func:`printable` is for those.

    Why one place: the messages that quote a name (of the CLI, of the import, of a new project)
    each wrote this idiom, and one of them also had to survive a surrogate that no byte made (a
    JSON ``"\\ud800"``), which is written as Python writes it, ``\\ud800``.
    """
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", undecodable)
    except UnicodeEncodeError:  # a surrogate that no file system byte made
        return name.encode("utf-8", "backslashreplace").decode("utf-8")


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


class Code(NamedTuple):
    """One entry of the registry: a problem code, its severity and the README's title and reason.

    ``fixable``: the check offers a one-click fix for this problem (when it can tell what was
    meant: a missing file's closest name, a misspelt key's). Said in the README table and in
    Help ▸ Problem Codes; tests/test_problem_codes.py holds it to the checks' code.

    (A named tuple: as immutable as a frozen dataclass, and the class and its seventy entries are
    made in a fraction of the time at each import by ``check``.)
    """

    code: str
    severity: Severity
    title: str
    why: str
    fixable: bool = False


@dataclass(frozen=True)
class Fix:
    """A repair the core knows how to apply (see :mod:`designer.core.fixes`).

    ``kind`` names the fixer, ``args`` are its plain-JSON arguments, ``title`` is the button text.
    ``batch`` False: only when a person asks for this one (a button, undoable), never in
    ``check --fix``'s sweep. Deleting a file a check calls unused is right for a leftover but
    not for a picture the user keeps there on purpose.
    """

    kind: str
    title: str
    args: dict[str, Any] = field(default_factory=dict)
    batch: bool = True


@dataclass(frozen=True)
class Problem:
    """One problem found in a package: what, where, and the fix when there is one."""

    code: str
    severity: Severity
    file: str  # path relative to the webapp2 folder, with forward slashes
    line: int  # 1-based; 0 when the problem is about the file as a whole
    column: int  # 1-based; 0 when unknown
    message: str
    pointer: str = ""  # JSON pointer into ``file`` when it is a JSON file
    fix: Fix | None = None
    plugin: str | None = None  # the plugin (settings id or folder) the problem belongs to
    # The file to fix first when the problem has a fix that cannot be offered yet ("settings.json":
    # a plugin found on disk is in no model for its fix to edit); the Problems pane says so.
    fix_waits_for: str = ""

    def location(self) -> str:
        """The file, line and column, fit to show: a file name's byte that is not UTF-8 written as
        its escape, as the message writes it (Qt dropped it: "caf.svg" named a file not there)."""
        file = printable(self.file)
        if self.line:
            return f"{file}:{self.line}:{self.column or 1}"
        return file

    def to_json(self) -> dict[str, Any]:
        """The problem as ``check --json`` gives it (``fix_waits_for`` is the window's: check --fix
        fixes settings.json first on its own).

        Written out, not dataclasses.asdict: that walks every field and copies each value whatever
        it is, 80 µs a problem, and the 80,000 of a file of names written twice took 7 s of
        ``check --json``."""
        fix = self.fix
        return {
            "code": self.code,
            "severity": self.severity.value,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "message": self.message,
            "pointer": self.pointer,
            "fix": None
            if fix is None
            else {"kind": fix.kind, "title": fix.title, "args": deepcopy(fix.args), "batch": fix.batch},
            "plugin": self.plugin,
        }

    def sort_key(self) -> tuple[Any, ...]:
        return (self.file, self.line, self.column, self.severity.rank, self.code)


_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO

# Notes the Export pane lists with the warnings before an upload: what they say is wrong, but a
# note so that a recipe's default answers pass check --strict (PD602: a sample address left as it was).
READ_BEFORE_UPLOAD = frozenset({"PD602"})

CODES: dict[str, Code] = {
    c.code: c
    for c in [
        # -- files and JSON ----------------------------------------------------------------
        Code(
            "PD100",
            _E,
            "File is not valid JSON",
            "The app cannot read it; for settings.json every plugin disappears. The slips of editing by "
            "hand have a fix: a comma missing or after the last entry, single or curly quotes, "
            "comments, names without quotes, True/False/None, a colon missing, a single backslash "
            "(a Windows path), a tab or line break typed in a text, the last } or ] missing.",
            fixable=True,
        ),
        Code(
            "PD101",
            _W,
            "The same name appears twice in one JSON object",
            "Only the last one counts; the first is silently ignored.",
            fixable=True,
        ),
        Code(
            "PD102",
            _E,
            "JSON does not have the expected structure",
            "A missing or mistyped field makes the app skip the plugin.",
            fixable=True,
        ),
        Code(
            "PD103",
            _E,
            "File cannot be read as UTF-8 text",
            "The app expects UTF-8; other encodings show as garbage or fail to load. A file in UTF-16 "
            '(Notepad\'s "Unicode") has a fix: the same text saved as UTF-8; one that reads as Windows-1252 '
            '(Notepad\'s "ANSI") is offered one too, saying how it reads it, for a person to judge (not in '
            "check --fix).",
            fixable=True,
        ),
        Code(
            "PD104",
            _E,
            "Not a branding package",
            "No webapp2 folder, settings.json, manifest.json or plugins/ folder was found.",
        ),
        Code(
            "PD105",
            _E,
            "File cannot be read",
            "The file exists but cannot be opened (permissions, a broken disk); nothing in it can be checked.",
        ),
        Code(
            "PD106",
            _W,
            "Symbolic link left out",
            "The export never follows links (one could point anywhere on this computer), so the upload "
            "will not have it.",
        ),
        Code(
            "PD107",
            _W,
            "File left out of the export",
            "A named pipe, socket or device, or a file whose name holds a control character (a tab, a line "
            "break), a ':' or a backslash, or is not UTF-8 text (the import refuses such names); or a plugin's "
            "code or icon named as the export never takes (hidden, an editor backup): the export leaves it out "
            "and the upload will not have it.",
        ),
        Code(
            "PD108",
            _I,
            "File names stored in a Windows code page",
            "The ZIP stores names without the UTF-8 mark, in the code page of the Windows that made it, and "
            "nothing says which one: the designer chose one, but the Management Node may read the names "
            "differently and not find the files. One note for the whole ZIP, with the first names as examples "
            "(the import lists them all). A ZIP the designer exports stores names as UTF-8.",
        ),
        Code(
            "PD109",
            _W,
            "A ZIP entry is stored under another name than its Unicode name",
            "The ZIP keeps two names for a file: the stored one and, beside it, the name as typed (the Unicode "
            "Path field), and they name different files ('a.svg', 'b.svg'). The designer reads the Unicode name, "
            "but other unzip tools, perhaps the Management Node, read the stored one and then do not find the "
            "file the package names. One note for the whole ZIP, with the first names as examples (the import "
            "lists them all). A ZIP the designer exports stores one name for each file.",
        ),
        Code(
            "PD110",
            _W,
            "A file stands where the designer keeps its own folder",
            "Beside webapp2/ the designer keeps a .plugin-designer folder (the last export's brandingID, the "
            "copy of the imported ZIP, removed plugins' files); a file of that name there makes the export "
            "refuse and a save that removes a plugin fail, and in a ZIP it makes the import refuse. The "
            "package itself is not affected: in a ZIP this is a note.",
        ),
        # -- settings.json / manifest.json -------------------------------------------------
        Code("PD200", _E, "settings.json is missing", "Without it the app loads no plugins at all.", fixable=True),
        Code(
            "PD201",
            _E,
            "Plugin package file not found",
            "A settings.json entry points to a file that is not in the package; that plugin never loads.",
            fixable=True,
        ),
        Code("PD202", _E, "Two plugins use the same id", "The app keeps only one of them.", fixable=True),
        Code(
            "PD203",
            _W,
            "settings.json id differs from the package id",
            "Some app versions tolerate it, others do not load the plugin.",
            fixable=True,
        ),
        Code(
            "PD204",
            _E,
            "Plugin package file name differs only in letter case",
            "Works on your computer, fails on the Linux web server that serves the package.",
            fixable=True,
        ),
        Code(
            "PD208",
            _E,
            "A plugin list entry does not point to a plugin package file",
            "The package file it loads (srcURL in settings.json) must be the plugin's *.plugin.package.json; "
            "pointed at the .js or an icon, the app loads nothing for that entry.",
            fixable=True,
        ),
        Code(
            "PD209",
            _W,
            "Plugin is off and users cannot switch it on",
            "'Switched on when the app starts' (enabled) and 'Users may switch it off' (allowUnload) are both "
            "unticked: the switch is gone, so nobody ever gets the plugin.",
            fixable=True,
        ),
        Code(
            "PD207",
            _E,
            "settings.json's plugin list is under another name",
            "The app reads only 'plugins'; a list under 'plugin' or 'Plugins' loads nothing.",
            fixable=True,
        ),
        Code(
            "PD210",
            _E,
            "manifest.json is missing",
            "Without it the app ignores settings.json, so no plugin loads.",
            fixable=True,
        ),
        Code(
            "PD211",
            _E,
            "Package not marked as branded (isSettingsBranded)",
            "Unless the package is marked as branded (isSettingsBranded true), the app ignores settings.json and every plugin.",
            fixable=True,
        ),
        Code(
            "PD212",
            _W,
            "Upload number (brandingID) is empty",
            "Clients keep their cached branding unless the upload number changes with each upload.",
            fixable=True,
        ),
        # -- plugin package file -----------------------------------------------------------
        Code(
            "PD300",
            _I,
            "Plugin adds no menu items",
            "Fine for plugins that only listen to events; otherwise nobody can use it.",
        ),
        Code(
            "PD301",
            _E,
            "Menu items in more than one placement",
            "Only one of toolbar buttons, conference menu items or participant menu items may be used.",
        ),
        Code(
            "PD302",
            _W,
            "A placement has no menu items",
            "The placement is chosen but lists no menu item, so nothing appears.",
        ),
        Code(
            "PD303",
            _E,
            "No platform selected",
            "With nothing ticked under 'Loads in' (platforms) the plugin loads nowhere.",
        ),
        Code(
            "PD304",
            _E,
            "No participant role selected",
            "With nothing ticked under 'Available to' (participantRoles) nobody gets the plugin.",
        ),
        Code(
            "PD305",
            _E,
            "Plugin source file not found",
            "The source file its package file names (srcURL) is not there.",
            fixable=True,
        ),
        Code(
            "PD306",
            _E,
            "Menu item has no action",
            "The app calls the item's action when it is clicked; with none, the click throws an error and "
            "brings up the app's 'Oops' page.",
        ),
        Code(
            "PD307",
            _W,
            "Two menu items use the same action",
            "Both buttons do the same thing; usually a copy-paste slip.",
        ),
        Code(
            "PD308",
            _W,
            "Menu item has neither icon nor label",
            "The item shows as an empty button unless the plugin sets them at run time.",
        ),
        Code(
            "PD309",
            _W,
            "Button or menu item shows empty",
            "A toolbar button shows only its icon (the label is the hover tip), a menu item its icon and label; "
            "with none of them, and no state$ to set them, it is empty.",
            fixable=True,
        ),
        Code(
            "PD310",
            _W,
            "Menu item has an empty label",
            "A conference or participant menu shows the item as its icon and no words; marked as set by the "
            "plugin while it runs (null), the plugin sets it through state$.",
        ),
        Code(
            "PD311",
            _E,
            "Role or platform not in the app's words",
            'webapp2 knows the roles "chair" (Hosts) and "guest" (Guests) and the platforms "web", "electron" '
            '(Desktop app), "ios" and "android", in a list; "host", "Guests" or "desktop", and names set to true '
            'or false ({"web": true}), are rewritten in its words by the fix.',
            fixable=True,
        ),
        Code(
            "PD312",
            _W,
            "A key of a plugin package file is misspelt",
            "The app reads only the keys the guide names, spelt exactly (menuItems, participantRoles, label, ...); "
            "one written 'menuitems' or 'lable' is ignored, so the buttons, the roles or the label it holds are lost.",
            fixable=True,
        ),
        Code(
            "PD313",
            _E,
            "The plugin's source is not a JavaScript file",
            "The package file's source (srcURL) must name the plugin's .js file; pointed at the package file itself, an icon "
            "or a web page, the app has no code to run and the plugin never starts.",
            fixable=True,
        ),
        Code(
            "PD314",
            _W,
            "Plugin has no name",
            "The app's Settings ▸ Plugins lists each plugin by its name beside its switch; with no name (or an empty "
            "one) the switch stands there with no words, and users cannot tell which plugin it turns off.",
            fixable=True,
        ),
        Code(
            "PD315",
            _W,
            "A name, description or label holds a control character",
            "An ESC, a NUL, a bell (and a tab or a line break, but in a description) is invisible in the file and the "
            "form, and the app shows it as a box or garbled text in its menus and Settings ▸ Plugins; pasted from a "
            "terminal or a log, usually. The fix removes them.",
            fixable=True,
        ),
        # -- icons -------------------------------------------------------------------------
        Code("PD400", _E, "Icon file not found", "The button shows without an icon or broken.", fixable=True),
        Code(
            "PD401",
            _E,
            "Icon file name differs only in letter case",
            "Works on Windows/macOS, fails on the Linux web server.",
            fixable=True,
        ),
        Code(
            "PD402",
            _E,
            "Icon id not found in the SVG",
            "The reference 'file.svg#id' needs an element with that id; otherwise the icon is invisible.",
            fixable=True,
        ),
        Code("PD403", _E, "Icon is not a readable SVG", "The app cannot draw it."),
        Code(
            "PD404",
            _W,
            "Icon reference has no #id",
            "The app looks up the icon by id; without one it may draw nothing.",
            fixable=True,
        ),
        Code("PD405", _E, "Icon is not an SVG file", "Only SVG icons are supported."),
        Code(
            "PD406",
            _I,
            "Icon file not used",
            "No menu item uses it and the plugin's code does not name it: it is uploaded for nothing "
            "(left over after picking another icon?).",
            fixable=True,
        ),
        Code(
            "PD407",
            _I,
            "Icon not written in UTF-8",
            "Its <?xml ...?> declaration (or its byte-order mark) names another encoding, such as ISO-8859-1 or "
            "UTF-16: the app reads it, but the designer edits UTF-8 only, so its icon editor cannot open it. "
            "'Save it as UTF-8' writes the same drawing in UTF-8, the declaration changed to match.",
            fixable=True,
        ),
        # -- package-level consistency -----------------------------------------------------
        Code(
            "PD205",
            _I,
            "Plugin package file not listed in settings.json",
            "The app only loads plugins that settings.json lists; this one is carried along unused.",
            fixable=True,
        ),
        Code(
            "PD206",
            _W,
            "File or folder names differ only in letter case",
            "Unpacking the ZIP on Windows or macOS makes one file overwrite the other, or two folders one; the "
            "same for an accented letter written as one character and as two. The export refuses them.",
        ),
        Code(
            "PD214",
            _W,
            "File or folder name Windows cannot use",
            "CON, aux.svg, nul.json, com1.js, lpt9 (device names, with any extension), a name ending in a dot or "
            "space, or one with a character Windows forbids, such as ? or a double quote: the ZIP cannot be "
            "unpacked on Windows, where administrators often open branding ZIPs, so the export refuses it.",
        ),
        Code(
            "PD215",
            _W,
            "File or folder name with a hidden character",
            "An invisible character (a zero-width space, a soft hyphen) or one that turns text right to left "
            "makes the name look like another: 'evil\\u202egnp.js' shows as 'evilsj.png', a script passed off "
            "as a picture. Rename it (the references to it too).",
        ),
        Code(
            "PD216",
            _W,
            "A key of a plugin list entry is misspelt",
            "The app reads an entry of settings.json's plugin list by its exact names: 'Enabled' or 'enable' is "
            "ignored, so whether the plugin is on when the app starts is not what the entry says.",
            fixable=True,
        ),
        Code(
            "PD213",
            _I,
            "Upload number (brandingID) is the same as last time",
            "Clients keep their cached branding unless the upload number changes with each upload. Said by "
            "check, for a folder zipped and uploaded by hand; the designer window leaves it out, as its Export "
            "always sets a new one.",
            fixable=True,
        ),
        # -- SVG safety and ids ------------------------------------------------------------
        Code(
            "PD410",
            _W,
            "SVG has a DOCTYPE other than the standard W3C one",
            "A DOCTYPE can point to outside files; icons do not need one (the W3C public one is accepted).",
            fixable=True,
        ),
        Code(
            "PD411",
            _E,
            "SVG declares entities",
            "Entities can read local files or blow up memory (billion laughs); the app does not need them.",
            fixable=True,
        ),
        Code("PD412", _E, "SVG contains a script", "Scripts in icons can run code in the meeting page.", fixable=True),
        Code(
            "PD413",
            _E,
            "SVG has an event handler attribute",
            "on... attributes run code when the icon is shown or clicked.",
            fixable=True,
        ),
        Code(
            "PD414", _E, "SVG has a javascript: link", "A javascript: link runs code in the meeting page.", fixable=True
        ),
        Code(
            "PD415",
            _E,
            "SVG links to an outside resource",
            "The icon would load or link to files outside the package; they may be blocked, missing or unsafe.",
            fixable=True,
        ),
        Code(
            "PD416",
            _E,
            "SVG contains foreignObject",
            "foreignObject embeds HTML in the icon, which can carry scripts and forms.",
            fixable=True,
        ),
        Code(
            "PD420",
            _E,
            "SVG refers to an id it does not contain",
            'A url(#id) or href="#id" that finds nothing draws nothing.',
            fixable=True,
        ),
        Code(
            "PD421",
            _W,
            "The same id appears twice in one SVG",
            "Only the first one is found; the icon may show the wrong shape.",
        ),
        Code(
            "PD422",
            _W,
            "SVG id is not a valid name",
            "Ids with spaces or starting with a digit cannot be referenced reliably ('file.svg#id').",
        ),
        Code(
            "PD430",
            _W,
            "SVG has no usable viewBox",
            "Without a viewBox the icon does not scale to the button's size; browsers ignore one that is not four "
            "numbers with a positive width and height, and draw nothing of an icon whose viewBox is 0 wide or high.",
            fixable=True,
        ),
        Code(
            "PD431",
            _E,
            "SVG draws far too many shapes",
            "Its <use> elements copy groups that copy groups: drawing it freezes the meeting page.",
        ),
        # -- JavaScript source -------------------------------------------------------------
        Code("PD500", _E, "JavaScript syntax error", "The browser refuses the whole file, so the plugin does nothing."),
        Code(
            "PD501",
            _W,
            "Source is not wrapped in an IIFE",
            "Names declared at the top level leak into the app and can clash with other plugins.",
        ),
        Code(
            "PD502",
            _E,
            "Source never calls registerPlugin",
            "Without PEX.pluginAPI.registerPlugin the app never learns about the plugin.",
        ),
        Code(
            "PD503",
            _E,
            "registerPlugin is called more than once",
            "The app expects one registration per plugin; the second one can replace or break the first.",
        ),
        Code(
            "PD504",
            _E,
            "registerPlugin id differs from the package id",
            "The app matches the registration to the package by id; with another id the buttons do nothing.",
            fixable=True,
        ),
        Code(
            "PD505",
            _E,
            "Menu item action is not registered",
            "The app looks the action up in the registered object and calls it; if it is not there the click "
            "throws an error and brings up the app's 'Oops' page.",
            fixable=True,
        ),
        Code(
            "PD506",
            _E,
            "Registered action is not a function",
            "A name not defined (yet) where registerPlugin runs throws as soon as the app loads the plugin; "
            "any other value that is no function throws when the item is clicked. Either brings up the app's "
            "'Oops' page.",
        ),
        Code(
            "PD507",
            _I,
            "Registered key is not used by any menu item",
            "Harmless, but often a renamed action the package file still calls by its old name.",
            fixable=True,
        ),
        Code(
            "PD508",
            _E,
            "load or unload is not registered",
            "The app calls load when the plugin starts and unload when it stops; a missing one brings up the 'Oops' page.",
            fixable=True,
        ),
        Code(
            "PD509",
            _W,
            "state$ is created but not registered",
            "The app only sees state$ if it is passed to registerPlugin; icon and label never change.",
            fixable=True,
        ),
        Code(
            "PD510",
            _W,
            "state$ is registered but never created",
            "state$ must be made with PEX.pluginAPI.createNewState, or the app fails when it subscribes.",
        ),
        Code(
            "PD511",
            _E,
            "Unknown PEX.pluginAPI function",
            "Calling a function the app does not have throws an error and brings up the 'Oops' page.",
            fixable=True,
        ),
        Code(
            "PD512",
            _W,
            "Deprecated changeConferenceLayout",
            "It is being removed; transformConferenceLayout does the same and more.",
        ),
        Code("PD513", _E, "Unknown conference layout", "The layout is refused by the conference; nothing changes."),
        Code(
            "PD514",
            _E,
            "Unknown PEX.actions event",
            "PEX.actions.X is undefined for an unknown X, so the subscription never fires.",
            fixable=True,
        ),
        Code(
            "PD515",
            _W,
            "sendRequest path is not in the client REST API",
            "The conference answers with an error and nothing happens.",
        ),
        Code(
            "PD516",
            _W,
            "Participant request without a participant uuid",
            "Participant requests need /participants/<uuid>/...; without the uuid they fail.",
        ),
        Code(
            "PD517",
            _W,
            "Guests get a plugin that calls host-only functions",
            "For a guest the request is refused, so the button seems broken.",
            fixable=True,
        ),
        Code(
            "PD518",
            _W,
            "Icon named in the source not found",
            "state$ sets an icon that is not in the plugin folder or lacks the #id; the button loses its icon.",
        ),
        Code(
            "PD519",
            _I,
            "registerPlugin argument cannot be read",
            "The checker cannot see which functions are registered, so it cannot check the menu actions; "
            "where part of the object is written out (Object.assign(base, {...})), it checks that part and says "
            "which actions it cannot.",
        ),
        Code(
            "PD520",
            _E,
            "load or unload is not a function when registerPlugin runs",
            "The app calls them when the plugin starts and stops; a name not defined (yet) there, or a string, "
            "throws and brings up the 'Oops' page.",
        ),
        Code(
            "PD521",
            _E,
            "A name is given a value but declared nowhere, in strict code",
            "In strict mode (use strict, class bodies, bundler output) that throws a ReferenceError when the "
            "line runs, which brings up the 'Oops' page.",
        ),
        Code(
            "PD522",
            _E,
            "Misspelt member of PEX",
            "PEX has only pluginAPI, actions$, actions and conferenceQueryParams; reading from a misspelt one "
            "throws an error and brings up the 'Oops' page.",
        ),
        Code(
            "PD523",
            _W,
            "A function, the object of a method or a word alone on a line is defined nowhere, where it surely runs",
            "Where it surely runs (as the plugin loads, when a button's function runs, when the plugin is switched "
            "off) and unless another script on the page defines it, the line throws a ReferenceError, which brings "
            "up the 'Oops' page. A word alone is often a snippet's prefix typed without the Tab that expands it; "
            "the fix writes that snippet in its place.",
            fixable=True,
        ),
        Code(
            "PD524",
            _W,
            "A name is given a value but declared nowhere, so it becomes a global",
            "Outside strict mode the name quietly becomes a global variable of the whole web app, shared with the "
            "app and every other plugin; the same name used elsewhere breaks one or the other. Only counted up "
            "(x++, x += 1) and never given a first value, it throws a ReferenceError unless such a global exists.",
        ),
        Code(
            "PD525",
            _W,
            "A name given a value is one of the browser's own globals",
            "Without a declaration, a name the browser's window already has (focus, name, status, onload, ...) is "
            "no variable of the plugin: the line replaces the browser's own for the whole web app, and the app or "
            "another plugin that uses it breaks. It throws no error, even in strict code.",
        ),
        Code(
            "PD526",
            _E,
            "A let, const or class name is used before its declaration",
            "Until the line declaring it with let, const or class has run, using the name throws a ReferenceError, "
            "which brings up the 'Oops' page; a use in the same function, above that line, always does.",
        ),
        Code(
            "PD527",
            _E,
            "A name given a value is a read-only global of the browser, in strict code",
            "window's top, closed, history, document, navigator and a few more cannot be changed. In strict mode "
            "(use strict, class bodies, bundler output), giving one a value without declaring it throws a "
            "TypeError when the line runs, which brings up the 'Oops' page.",
        ),
        Code(
            "PD528",
            _W,
            "A name given a value is a read-only global of the browser, so the line does nothing",
            "Outside strict mode, giving top, closed, history, document, navigator or the like a value without "
            "declaring it does nothing and says nothing: the name still holds the browser's own, and the code "
            "that reads it gets that instead of the plugin's value.",
        ),
        Code(
            "PD529",
            _E,
            "A name at the top of the file is one the browser does not let a script declare",
            "window, document, location and top (the browser's own) and undefined, NaN and Infinity (the "
            "language's) cannot be declared again at the top of a plain script: with a let, const, class or "
            "function of that name there, the browser refuses the whole file and the plugin never loads.",
        ),
        Code(
            "PD530",
            _E,
            "Two plugins declare the same name at the top of their files, one with let, const or class",
            "Plugins not wrapped in a function share the page's names. A name declared with let, const or class "
            "may be declared only once there: the browser refuses whichever of the two files loads second, and "
            "that plugin never loads.",
        ),
        Code(
            "PD531",
            _W,
            "Two plugins declare the same name at the top of their files",
            "Plugins not wrapped in a function share the page's names. With var, function or a value given "
            "without declaring it, the plugin that loads second replaces the other's variable or function, so "
            "each may run the other's code or read the other's value.",
        ),
        Code(
            "PD532",
            _W,
            "A plugin API function is given what it does not take",
            "openTemplateDialog takes {title, body}, transformConferenceLayout an object like {layout: '1:7'}, "
            "a DTMF request its tones as {digits}, dialOut the protocol auto, sip, h323, rtmp or mssip, "
            "spotlightOnParticipant and disconnectParticipant a participant's uuid, sendChatMessage a text; given "
            "something else, the call does nothing and nothing says so.",
            fixable=True,
        ),
        Code(
            "PD533",
            _E,
            "A dialog's close$ is read from the promise, not from the dialog",
            "openTemplateDialog gives back a promise; the dialog (dialogRef, with close$) comes in .then. "
            "close$ read from the promise is undefined, and subscribing to it brings up the 'Oops' page.",
        ),
        Code(
            "PD534",
            _W,
            "Something is read from a member of PEX the guide does not name",
            "The guide gives PEX only pluginAPI, actions$, actions and conferenceQueryParams (the participants "
            "and the meeting's details come to load). Unless the app has the member, reading from it throws an "
            "error and brings up the 'Oops' page.",
        ),
        Code(
            "PD535",
            _I,
            "load subscribes, and nothing unsubscribes",
            "A plugin users may switch off keeps listening to what load subscribed to (participants$, "
            "conferenceDetails$, PEX.actions$) unless unload unsubscribes: switched on again, it subscribes once "
            "more and each handler runs twice.",
        ),
        Code(
            "PD536",
            _W,
            "A function is written twice in one block",
            "Of two functions with the same name in the same block, the browser keeps the one written last, "
            "for every call, even those above it: the first one's code never runs, and nothing says so.",
        ),
        # -- network / CSP -----------------------------------------------------------------
        Code(
            "PD600",
            _I,
            "Plugin contacts other servers",
            "The deployment's Content Security Policy may block requests to other hosts.",
        ),
        Code(
            "PD601",
            _W,
            "Plugin uses an http: address",
            "Browsers block plain-http requests from the https meeting page (mixed content).",
        ),
        Code(
            "PD602",
            _I,
            "Plugin calls an example address",
            "Addresses at example.com, example.net, example.org (and names ending in .example) are kept for "
            "examples and reach nobody: a recipe's sample address left as it was makes the button do nothing.",
        ),
        # -- preview (the plugin's code run against the mock meeting) ----------------------
        Code(
            "PD800",
            _E,
            "The plugin crashes in the preview",
            "An uncaught error in plugin code (thrown, or in a promise callback it set) shows the Oops page for every "
            "user who gets the plugin; a request the meeting refuses (a guest's /lock) is no crash, even uncaught.",
        ),
    ]
}


def codes_markdown() -> str:
    """The README table of problem codes, generated so it always matches the checker."""
    rows = ["| code | severity | problem | why it matters | one-click fix |", "|---|---|---|---|---|"]
    for c in CODES.values():
        rows.append(f"| {c.code} | {c.severity.value} | {c.title} | {c.why} | {'yes' if c.fixable else ''} |")
    return "\n".join(rows)


def make(
    code: str,
    file: str,
    message: str,
    line: int = 0,
    column: int = 0,
    pointer: str = "",
    fix: Fix | None = None,
    plugin: str | None = None,
    severity: Severity | None = None,
) -> Problem:
    """Build a Problem with the registry's severity (one place that knows the defaults)."""
    return Problem(
        code=code,
        severity=severity or CODES[code].severity,
        file=file,
        line=line,
        column=column,
        message=message,
        pointer=pointer,
        fix=fix,
        plugin=plugin,
    )
