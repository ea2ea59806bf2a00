"""A table of broken (and nearly broken) branding packages, built from tests/fixtures/base.

Each case mutates a fresh copy of ``tests/fixtures/base/webapp2`` by writing exact bytes, so
the line and column of every expected problem are known. A positive case says "this code must
be reported at file:line:column"; a near miss (``negative=True``) says "this looks similar but
must NOT be reported". Every case also lists the other codes the package legitimately produces
(``also``): among the codes in ``COVERED`` the checks must report exactly ``{code} | also`` for
a positive case and exactly ``also`` for a near miss, so a spurious extra problem fails too.

The base files, with their line numbers (indentation is 4 spaces):

settings.json                                       manifest.json
 1 {                                                 1 {
 2     "plugins": [                                  2     "brandingID": 1700000000000,
 3         {                                         3     "isSettingsBranded": true
 4             "id": "rec-1.0",                      4 }
 5             "srcURL": "plugins/rec/rec.plugin.package.json",
 6             "enabled": true
 7         }
 8     ]
 9 }

plugins/rec/rec.plugin.package.json                 plugins/rec/rec.svg
 1 {                                                 1 <svg xmlns=... id="rec" viewBox="0 0 24 24" ...>
 2     "id": "rec-1.0",                              2     <circle cx="12" cy="12" r="6"/>
 3     "name": "Record",                             3 </svg>
 4     "description": "Start and stop recording",
 5     "version": 1.0,
 6     "srcURL": "rec.plugin.js",
 7     "allowUnload": true,
 8     "platforms": ["web", "electron", "ios", "android"],
 9     "participantRoles": ["chair"],
10     "menuItems": {
11         "toolbar": [
12             {
13                 "icon": "rec.svg#rec",
14                 "label": "Record",
15                 "action": "record"
16             }
17         ]
18     }
19 }
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

BASE = Path(__file__).resolve().parent / "fixtures" / "base"

SETTINGS = "settings.json"
MANIFEST = "manifest.json"
PKG = "plugins/rec/rec.plugin.package.json"
SVG = "plugins/rec/rec.svg"
JS = "plugins/rec/rec.plugin.js"

# The menuItems block of the base package file (lines 10-18).
MENU = """    "menuItems": {
        "toolbar": [
            {
                "icon": "rec.svg#rec",
                "label": "Record",
                "action": "record"
            }
        ]
    }
"""

Mutation = Callable[[Path], None]

# The codes this table covers: every file, settings, manifest, package and icon problem. PD104
# is about the input path itself (tested in test_cli.py). Comparisons of "which codes does this
# package report" are limited to these, so checks added later (SVG safety, JavaScript) do not
# turn a near miss here into a failure; they get tables of their own.
COVERED = frozenset(
    "PD100 PD101 PD102 PD103 PD200 PD201 PD202 PD203 PD204 PD207 PD208 PD209 PD210 PD211 PD212 "
    "PD300 PD301 PD302 PD303 PD304 PD305 PD306 PD307 PD308 PD310 PD311 PD312 PD313 PD314 PD400 PD401 PD402 PD403 PD404 PD405".split()
)


class Case(NamedTuple):
    name: str
    mutate: Mutation  # applied to a fresh copy of the base webapp2 folder
    code: str
    file: str = ""  # relative to webapp2/
    line: int = 0  # 1-based; 0 = the file as a whole
    column: int | None = None  # None = not asserted
    negative: bool = False  # True: ``code`` must NOT be reported
    also: frozenset[str] = frozenset()  # other codes this package reports
    message: str = ""  # a piece of text the message must contain


def bad(
    name: str,
    mutate: Mutation,
    code: str,
    file: str,
    line: int,
    column: int | None = None,
    *,
    also: tuple[str, ...] = (),
    message: str = "",
) -> Case:
    return Case(name, mutate, code, file, line, column, False, frozenset(also), message)


def near(name: str, mutate: Mutation, code: str, *, also: tuple[str, ...] = ()) -> Case:
    return Case(name, mutate, code, negative=True, also=frozenset(also))


# -- file helpers ----------------------------------------------------------------------------
def _b(data: str | bytes) -> bytes:
    return data if isinstance(data, bytes) else data.encode("utf-8")


def write(root: Path, rel: str, data: str | bytes) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(_b(data))


def replace(root: Path, rel: str, old: str | bytes, new: str | bytes) -> None:
    """Replace one exact occurrence (fails loudly if the base fixture no longer matches)."""
    path = root / rel
    data = path.read_bytes()
    assert data.count(_b(old)) == 1, f"{old!r} is not exactly once in {rel}"
    path.write_bytes(data.replace(_b(old), _b(new)))


def delete(root: Path, rel: str) -> None:
    (root / rel).unlink()


def rename(root: Path, old: str, new: str) -> None:
    (root / new).parent.mkdir(parents=True, exist_ok=True)
    (root / old).rename(root / new)


def steps(*fns: Mutation) -> Mutation:
    def run(root: Path) -> None:
        for fn in fns:
            fn(root)

    return run


def r(rel: str, old: str | bytes, new: str | bytes) -> Mutation:
    return lambda root: replace(root, rel, old, new)


def w(rel: str, data: str | bytes) -> Mutation:
    return lambda root: write(root, rel, data)


def rm(rel: str) -> Mutation:
    return lambda root: delete(root, rel)


def mv(old: str, new: str) -> Mutation:
    return lambda root: rename(root, old, new)


def _crlf_bom(rel: str) -> Mutation:
    """Windows style: a UTF-8 byte-order mark and CRLF line endings."""
    return lambda root: write(root, rel, b"\xef\xbb\xbf" + (root / rel).read_bytes().replace(b"\n", b"\r\n"))


def _utf16(rel: str) -> Mutation:
    """What Windows Notepad's "Unicode" encoding writes: UTF-16 with a byte-order mark."""
    return lambda root: write(root, rel, (root / rel).read_text("utf-8").encode("utf-16"))


def menu(text: str) -> Mutation:
    """Replace the whole menuItems block (lines 10-18) with ``text``."""
    return r(PKG, MENU, text)


def icon(ref: str) -> Mutation:
    return r(PKG, '"icon": "rec.svg#rec"', f'"icon": "{ref}"')


def make_webapp2(dest: Path, mutate: Mutation | None = None) -> Path:
    """Copy the base webapp2 folder to ``dest/webapp2``, apply ``mutate``, return webapp2/."""
    root = dest / "webapp2"
    shutil.copytree(BASE / "webapp2", root)
    if mutate is not None:
        mutate(root)
    return root


# -- building blocks -------------------------------------------------------------------------
SETTINGS_TWO_SAME_ID = """{
    "plugins": [
        {
            "id": "rec-1.0",
            "srcURL": "plugins/rec/rec.plugin.package.json",
            "enabled": true
        },
        {
            "id": "rec-1.0",
            "srcURL": "plugins/rec/rec.plugin.package.json",
            "enabled": false
        }
    ]
}
"""

SETTINGS_TWO_PLUGINS = """{
    "plugins": [
        {"id": "rec-1.0", "srcURL": "plugins/rec/rec.plugin.package.json", "enabled": true},
        {"id": "rec-2.0", "srcURL": "plugins/rec2/rec2.plugin.package.json", "enabled": true}
    ]
}
"""


def _second_plugin(root: Path) -> None:
    shutil.copytree(root / "plugins/rec", root / "plugins/rec2")
    rename(root, "plugins/rec2/rec.plugin.package.json", "plugins/rec2/rec2.plugin.package.json")
    replace(root, "plugins/rec2/rec2.plugin.package.json", '"id": "rec-1.0"', '"id": "rec-2.0"')
    replace(root, "plugins/rec2/rec.plugin.js", "id: 'rec-1.0'", "id: 'rec-2.0'")
    write(root, SETTINGS, SETTINGS_TWO_PLUGINS)


MENU_TWO_SECTIONS = """    "menuItems": {
        "toolbar": [
            {
                "icon": "rec.svg#rec",
                "label": "Record",
                "action": "record"
            }
        ],
        "conference": [{"icon": null, "label": "Stop", "action": "stop"}]
    }
"""


def _two_items(second_action: str) -> str:
    return f"""    "menuItems": {{
        "toolbar": [
            {{
                "icon": "rec.svg#rec",
                "label": "Record",
                "action": "record"
            }},
            {{
                "icon": "rec.svg#rec",
                "label": "Record again",
                "action": "{second_action}"
            }}
        ]
    }}
"""


def _item(text: str) -> str:
    """A menuItems block whose single toolbar item (line 12) is ``text``."""
    return f"""    "menuItems": {{
        "toolbar": [
            {text}
        ]
    }}
"""


SPRITE = """<svg xmlns="http://www.w3.org/2000/svg" style="display: none">
    <symbol id="mic-on" viewBox="0 0 24 24"><path d="M12 2v10"/></symbol>
    <symbol id="mic-off" viewBox="0 0 24 24"><path d="M2 2l20 20"/></symbol>
</svg>
"""

SVG_UNCLOSED = """<svg xmlns="http://www.w3.org/2000/svg" id="rec" viewBox="0 0 24 24">
    <circle cx="12" cy="12" r="6">
</svg>
"""

SVG_WITH_DOCTYPE = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg xmlns="http://www.w3.org/2000/svg" id="rec" viewBox="0 0 24 24"><circle cx="12" cy="12" r="6"/></svg>
"""

SVG_NO_ID = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="currentColor">
    <circle cx="12" cy="12" r="6"/>
</svg>
"""

GRID_SVG = '<svg xmlns="http://www.w3.org/2000/svg" id="grid" viewBox="0 0 24 24"><rect width="9" height="9"/></svg>\n'

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"

ICONS = "plugins/rec/icons.svg"

MANIFEST_TWO_FLAGS = (
    '{\n    "brandingID": 1700000000000,\n    "isSettingsBranded": false,\n    "isSettingsBranded": true\n}\n'
)

# The manifest as published packages write it: tab-indented, string id, no final newline.
MANIFEST_PUBLISHED = '{\n\t"brandingID": "10000000",\n\t"isSettingsBranded": true\n}'

# -- the table -------------------------------------------------------------------------------
# One row per case, kept on one line each so the table reads as a table.
# fmt: off
CASES: list[Case] = [
    # PD100 invalid JSON: line/column of the first bad character
    bad("settings-trailing-comma", r(SETTINGS, '"enabled": true\n', '"enabled": true,\n'), "PD100", SETTINGS, 6, 28,
        message="comma after the last entry"),
    bad("settings-empty-file", w(SETTINGS, b""), "PD100", SETTINGS, 1, 1, message="the file is empty"),
    bad("manifest-missing-comma", r(MANIFEST, "1700000000000,", "1700000000000"), "PD100", MANIFEST, 2, 32,
        message="a comma is missing between two entries; add a comma here"),
    bad("package-single-quotes", r(PKG, '"name": "Record"', "\"name\": 'Record'"), "PD100", PKG, 3, 13),
    near("settings-bom-crlf", _crlf_bom(SETTINGS), "PD100"),
    # PD101 duplicate key: reported at the second one
    bad("package-duplicate-name", r(PKG, '"name": "Record",\n', '"name": "Record",\n    "name": "Recorder",\n'),
        "PD101", PKG, 4, 5, message="'name' is written twice"),
    bad("manifest-duplicate-flag", w(MANIFEST, MANIFEST_TWO_FLAGS), "PD101", MANIFEST, 4, 5),
    near("same-key-in-nested-object", r(PKG, '"version": 1.0,', '"version": 1.0,\n    "configuration": {"name": "x"},'),
         "PD101"),
    # PD102 schema errors
    bad("settings-entry-without-srcURL", r(SETTINGS, '"srcURL":', '"src":'), "PD102", SETTINGS, 3, 9,
        message="the package file it loads (srcURL) is missing"),
    bad("settings-entry-without-id", r(SETTINGS, '            "id": "rec-1.0",\n', ""), "PD102", SETTINGS, 3, 9,
        message="'id' is missing"),
    bad("settings-not-an-object", w(SETTINGS, "[]\n"), "PD102", SETTINGS, 1, 1),
    bad("settings-plugins-not-a-list", w(SETTINGS, '{\n    "plugins": {"id": "rec-1.0"}\n}\n'), "PD102", SETTINGS, 2, 16),
    bad("settings-entry-is-text", w(SETTINGS, '{\n    "plugins": [\n        "plugins/rec/x.json"\n    ]\n}\n'), "PD102",
        SETTINGS, 3, 9),
    bad("platform-windows", r(PKG, '"ios"', '"windows"'), "PD102", PKG, 8, 38, message='"windows"'),
    bad("version-object", r(PKG, '"version": 1.0', '"version": {"major": 1}'), "PD102", PKG, 5, 16, message="'version'"),
    bad("menu-section-sidebar", r(PKG, '"toolbar": [', '"sidebar": ['), "PD102", PKG, 11, 9, message='"sidebar"'),
    bad("menu-items-a-list", menu('    "menuItems": []\n'), "PD102", PKG, 10, 18, also=("PD300",)),
    bad("menu-item-is-text", menu(_item('"record"')), "PD102", PKG, 12, 13),
    bad("package-without-id", r(PKG, '    "id": "rec-1.0",\n', ""), "PD102", PKG, 1, 1, message="has no id"),
    bad("package-srcURL-number", r(PKG, '"srcURL": "rec.plugin.js"', '"srcURL": 7'), "PD102", PKG, 6, 15),
    bad("platforms-a-string", r(PKG, '["web", "electron", "ios", "android"]', '"mobile"'), "PD102", PKG, 8, 18,
        message="is the text \"mobile\", not a list"),
    bad("manifest-flag-is-text", r(MANIFEST, '"isSettingsBranded": true', '"isSettingsBranded": "true"'), "PD102",
        MANIFEST, 3, 26, also=("PD211",)),
    bad("branding-id-letters", r(MANIFEST, "1700000000000", '"v2"'), "PD102", MANIFEST, 2, 19),
    near("version-1.0-and-extra-keys", r(PKG, '"version": 1.0,', '"version": 1.0,\n    "configuration": {"list": [1, 2]},'),
         "PD102"),
    near("version-empty-string", r(PKG, '"version": 1.0', '"version": ""'), "PD102"),
    near("version-string", r(PKG, '"version": 1.0', '"version": "1.1"'), "PD102"),
    near("settings-other-app-keys", r(SETTINGS, '    "plugins": [', '    "applicationTitle": "Acme",\n    "plugins": ['),
         "PD102"),
    # PD103 not UTF-8 (column in characters)
    bad("package-latin1", r(PKG, '"Start and stop recording"', b'"D\xe9marrer"'), "PD103", PKG, 4, 22, message="0xe9"),
    bad("package-latin1-after-accent", r(PKG, '"Start and stop recording"', b'"D\xc3\xa9marr\xe9"'), "PD103", PKG, 4, 27),
    bad("settings-latin1-after-bom", w(SETTINGS, b'\xef\xbb\xbf{"a\xe9": 1}'), "PD103", SETTINGS, 1, 4),
    bad("settings-utf16", _utf16(SETTINGS), "PD103", SETTINGS, 1, 1),
    near("package-utf8-accent", r(PKG, '"Start and stop recording"', '"Démarrer l’enregistrement"'), "PD103"),
    # PD200 settings.json missing
    bad("settings-missing", rm(SETTINGS), "PD200", SETTINGS, 0),
    bad("settings-wrong-case", mv(SETTINGS, "Settings.json"), "PD200", SETTINGS, 0),
    near("settings-without-plugins", w(SETTINGS, "{}\n"), "PD200"),
    # PD201 package file not found
    bad("srcURL-missing-file", r(SETTINGS, "rec/rec.plugin", "rec/missing.plugin"), "PD201", SETTINGS, 5, 23),
    bad("srcURL-outside-package", r(SETTINGS, '"plugins/rec/rec.plugin', '"../rec.plugin'), "PD201", SETTINGS, 5, 23,
        message="outside the package"),
    bad("srcURL-other-server", r(SETTINGS, '"plugins/rec/', '"https://example.com/'), "PD201", SETTINGS, 5, 23),
    near("srcURL-dot-slash", r(SETTINGS, '"plugins/rec/', '"./plugins/rec/'), "PD201"),
    # PD202 duplicate ids
    bad("duplicate-id", w(SETTINGS, SETTINGS_TWO_SAME_ID), "PD202", SETTINGS, 9, 19, message="'rec-1.0'"),
    near("two-plugins-two-ids", _second_plugin, "PD202"),
    # PD203 settings id != package id (a warning with a fix)
    bad("settings-id-differs", r(SETTINGS, '"id": "rec-1.0"', '"id": "rec"'), "PD203", SETTINGS, 4, 19, message="'rec-1.0'"),
    bad("settings-id-differs-crlf-bom", steps(r(SETTINGS, '"id": "rec-1.0"', '"id": "rec"'), _crlf_bom(SETTINGS)),
        "PD203", SETTINGS, 4, 19),
    near("folder-name-differs-from-id", steps(mv("plugins/rec", "plugins/recorder"), r(SETTINGS, "rec/", "recorder/")),
         "PD203"),
    # PD204 package file name case
    bad("package-file-case", mv(PKG, "plugins/rec/Rec.plugin.package.json"), "PD204", SETTINGS, 5, 23,
        message="plugins/rec/Rec.plugin.package.json"),
    bad("package-folder-case", mv("plugins/rec", "plugins/Rec"), "PD204", SETTINGS, 5, 23),
    bad("package-folder-accent-encoding",
        steps(mv("plugins/rec", "plugins/re\u0301c"), r(SETTINGS, "plugins/rec/", "plugins/r\u00e9c/")),
        "PD204", SETTINGS, 5, 23, message="accented letter"),
    near("package-named-plugin-json",
         steps(mv(PKG, "plugins/rec/plugin.json"), r(SETTINGS, "rec.plugin.package.json", "plugin.json")), "PD204"),
    # PD208 srcURL names the plugin's .js (or an icon), not its package file
    bad("srcURL-names-the-js", r(SETTINGS, "rec/rec.plugin.package.json", "rec/rec.plugin.js"), "PD208", SETTINGS, 5, 23,
        message="plugins/rec/rec.plugin.package.json"),
    bad("srcURL-names-the-icon", r(SETTINGS, "rec/rec.plugin.package.json", "rec/rec.svg"), "PD208", SETTINGS, 5, 23),
    near("package-file-without-json-extension",
         steps(mv(PKG, "plugins/rec/rec.plugin.package"), r(SETTINGS, "rec.plugin.package.json", "rec.plugin.package")),
         "PD208"),
    # PD209 off in settings.json and allowUnload false: nobody can switch it on
    bad("off-and-not-unloadable",
        steps(r(SETTINGS, '"enabled": true', '"enabled": false'), r(PKG, '"allowUnload": true', '"allowUnload": false')),
        "PD209", SETTINGS, 6, 24, message="allowUnload"),
    # ... also with no allowUnload at all: users may switch a plugin only where it says true (the guide)
    bad("off-and-no-allow-unload",
        steps(r(SETTINGS, '"enabled": true', '"enabled": false'), r(PKG, '    "allowUnload": true,\n', "")),
        "PD209", SETTINGS, 6, 24, message="allowUnload"),
    near("off-but-unloadable", r(SETTINGS, '"enabled": true', '"enabled": false'), "PD209"),
    near("on-and-not-unloadable", r(PKG, '"allowUnload": true', '"allowUnload": false'), "PD209"),
    # PD207 the plugins list under another name
    bad("plugins-key-singular", r(SETTINGS, '"plugins"', '"plugin"'), "PD207", SETTINGS, 2, 5, message="'plugin'"),
    bad("plugins-key-capital", r(SETTINGS, '"plugins"', '"Plugins"'), "PD207", SETTINGS, 2, 5),
    near("plugins-key-and-a-plugin-list", r(SETTINGS, '    "plugins": [', '    "pluginsOff": [],\n    "plugins": ['),
         "PD207"),
    # PD210 manifest missing
    bad("manifest-missing", rm(MANIFEST), "PD210", MANIFEST, 0),
    near("manifest-published-style", w(MANIFEST, MANIFEST_PUBLISHED), "PD210"),
    # PD211 isSettingsBranded
    bad("settings-branded-false", r(MANIFEST, '"isSettingsBranded": true', '"isSettingsBranded": false'), "PD211",
        MANIFEST, 3, 26),
    bad("settings-branded-missing", w(MANIFEST, '{\n    "brandingID": 1700000000000\n}\n'), "PD211", MANIFEST, 1, 1,
        message="not marked as branded (isSettingsBranded is missing)"),
    near("manifest-extra-keys", r(MANIFEST, '"isSettingsBranded": true\n', '"isSettingsBranded": true,\n    "note": "x"\n'),
         "PD211"),
    # PD212 brandingID empty
    bad("branding-id-missing", w(MANIFEST, '{\n    "isSettingsBranded": true\n}\n'), "PD212", MANIFEST, 1, 1),
    # (reported once, as PD212 with its fix, not also as a schema error PD102)
    bad("branding-id-empty", r(MANIFEST, "1700000000000", '""'), "PD212", MANIFEST, 2, 19),
    bad("branding-id-null", r(MANIFEST, "1700000000000", "null"), "PD212", MANIFEST, 2, 19),
    near("branding-id-string-digits", r(MANIFEST, "1700000000000", '"10000000"'), "PD212"),
    near("branding-id-zero", r(MANIFEST, "1700000000000", "0"), "PD212"),
    # PD300 no menu items (a note, not an error)
    bad("menu-items-absent", r(PKG, '    "participantRoles": ["chair"],\n' + MENU, '    "participantRoles": ["chair"]\n'),
        "PD300", PKG, 1, 1),
    bad("menu-items-empty-object", menu('    "menuItems": {}\n'), "PD300", PKG, 10, 18),
    near("menu-section-empty-list", menu('    "menuItems": {\n        "toolbar": []\n    }\n'), "PD300", also=("PD302",)),
    # PD301 two placements
    bad("two-sections", menu(MENU_TWO_SECTIONS), "PD301", PKG, 18, 9, message="(toolbar button, conference menu)"),
    near("one-section-two-items", menu(_two_items("stop")), "PD301"),
    # PD302 placement without items
    bad("section-empty", menu('    "menuItems": {\n        "toolbar": []\n    }\n'), "PD302", PKG, 11, 20),
    near("item-null-icon-and-label", menu(_item('{"icon": null, "label": null, "action": "record"}')), "PD302"),
    # PD303 / PD304 empty platforms / roles
    bad("platforms-empty", r(PKG, '["web", "electron", "ios", "android"]', "[]"), "PD303", PKG, 8, 18),
    # Missing is empty: the app (and the preview) offer the plugin on no platform, to no role.
    bad("platforms-absent", r(PKG, '    "platforms": ["web", "electron", "ios", "android"],\n', ""), "PD303", PKG, 1, 1,
        message="no 'Loads in' list (platforms)"),
    near("platforms-web-only", r(PKG, '["web", "electron", "ios", "android"]', '["web"]'), "PD303"),
    bad("roles-empty", r(PKG, '["chair"]', "[]"), "PD304", PKG, 9, 25),
    bad("roles-absent", r(PKG, '    "participantRoles": ["chair"],\n', ""), "PD304", PKG, 1, 1,
        message="no 'Available to' list (participantRoles)"),
    near("roles-guest-only", r(PKG, '["chair"]', '["guest"]'), "PD304"),
    # PD311 roles or platforms in other words than the app's (the form's, or capitalised)
    bad("roles-host-as-text", r(PKG, '["chair"]', '"host"'), "PD311", PKG, 9, 25,
        message='webapp2 calls hosts "chair"'),
    bad("roles-capitalised", r(PKG, '["chair"]', '["Host", "Guests"]'), "PD311", PKG, 9, 25,
        message='Write ["chair", "guest"]'),
    bad("roles-in-one-text", r(PKG, '["chair"]', '"Host, Guest"'), "PD311", PKG, 9, 25,
        message='Write ["chair", "guest"]'),
    # (A text where a list belongs: "Write ["web"]" alone did not say why the brackets.)
    bad("platforms-web-as-text", r(PKG, '["web", "electron", "ios", "android"]', '"web"'), "PD311", PKG, 8, 18,
        message='Write ["web"] (in square brackets: the app wants a list, even of one).'),
    bad("platforms-in-the-forms-words", r(PKG, '["web", "electron", "ios", "android"]', '["Web", "Desktop app"]'),
        "PD311", PKG, 8, 18, message='Write ["web", "electron"]'),
    # (Each platform named with true or false, as older tools wrote a row of tick boxes.)
    bad("platforms-named-true-or-false", r(PKG, '["web", "electron", "ios", "android"]', '{"web": true, "ios": false}'),
        "PD311", PKG, 8, 18, message='so the plugin loads nowhere. Write ["web"].'),
    near("platforms-named-with-other-values", r(PKG, '["web", "electron", "ios", "android"]', '{"web": "yes"}'), "PD311",
         also=("PD102",)),
    # "mobile" could be iOS or Android, "moderator" anything: the schema's PD102 says what is allowed.
    near("platforms-mobile", r(PKG, '["web", "electron", "ios", "android"]', '["mobile"]'), "PD311", also=("PD102",)),
    bad("role-unknown", r(PKG, '["chair"]', '["moderator"]'), "PD102", PKG, 9, 26,
        message='webapp2 calls hosts "chair"'),
    near("roles-moderator", r(PKG, '["chair"]', '["host", "moderator"]'), "PD311", also=("PD102",)),
    # PD305 source file missing
    # PD312 a key the app reads, misspelt: at the key, with what is lost
    bad("menu-items-key-lower-case", r(PKG, '"menuItems"', '"menuitems"'), "PD312", PKG, 10, 5,
        message="the plugin adds no button or menu item"),  # (and only PD312 says so: no PD300 beside it)
    bad("roles-key-misspelt", r(PKG, '"participantRoles"', '"participantsRoles"'), "PD312", PKG, 9, 5, also=("PD304",),
        message="'participantRoles'"),
    bad("item-label-misspelt", r(PKG, '"label"', '"lable"'), "PD312", PKG, 14, 17, message="the item shows no label"),
    near("own-keys-beside-the-apps", r(PKG, '"version": 1.0,', '"version": 1.0,\n    "author": "A", "type": "x", "names": [],'),
         "PD312"),
    near("look-alike-beside-the-right-key", r(PKG, '"label": "Record",', '"label": "Record", "labels": ["x"],'), "PD312"),
    bad("source-missing", r(PKG, '"rec.plugin.js"', '"missing.js"'), "PD305", PKG, 6, 15),
    bad("source-wrong-case", r(PKG, '"rec.plugin.js"', '"Rec.plugin.js"'), "PD305", PKG, 6, 15, message="letter case"),
    bad("source-accent-encoding",
        steps(mv("plugins/rec/rec.plugin.js", "plugins/rec/re\u0301c.plugin.js"),
              r(PKG, '"rec.plugin.js"', '"r\u00e9c.plugin.js"')),
        "PD305", PKG, 6, 15, message="accented letter"),
    near("source-dot-slash", r(PKG, '"rec.plugin.js"', '"./rec.plugin.js"'), "PD305"),
    # PD306 item without action
    # PD313 the source names a file that is no JavaScript: at srcURL, pointed at the .js beside it
    bad("source-is-the-package-file", r(PKG, '"rec.plugin.js"', '"rec.plugin.package.json"'), "PD313", PKG, 6, 15,
        message="this package file itself"),
    bad("source-is-the-icon", r(PKG, '"rec.plugin.js"', '"rec.svg"'), "PD313", PKG, 6, 15, message="an icon"),
    near("source-named-json-dot-js", steps(mv(JS, "plugins/rec/rec.json.js"), r(PKG, '"rec.plugin.js"', '"rec.json.js"')),
         "PD313"),
    # PD314 no name: Settings > Plugins shows the plugin's switch with no words beside it
    bad("package-without-name", r(PKG, '    "name": "Record",\n', ""), "PD314", PKG, 1, 1, message="no name"),
    bad("package-name-of-spaces", r(PKG, '"name": "Record"', '"name": "  "'), "PD314", PKG, 3, 13,
        message="an empty name"),
    near("package-name-zero", r(PKG, '"name": "Record"', '"name": "0"'), "PD314"),
    near("package-name-a-number", r(PKG, '"name": "Record"', '"name": 7'), "PD314", also=("PD102",)),
    bad("item-without-action", r(PKG, '"label": "Record",\n                "action": "record"\n', '"label": "Record"\n'),
        "PD306", PKG, 12, 13),
    bad("item-action-empty", r(PKG, '"action": "record"', '"action": ""'), "PD306", PKG, 12, 13, also=("PD102",)),
    near("item-label-null", menu(_item('{"icon": "rec.svg#rec", "label": null, "action": "record"}')), "PD306"),
    # PD307 duplicate action
    bad("duplicate-action", menu(_two_items("record")), "PD307", PKG, 20, 27, message="'record'"),
    near("two-items-two-actions", menu(_two_items("stop")), "PD307"),
    # PD308 neither icon nor label
    bad("item-action-only", menu(_item('{"action": "record"}')), "PD308", PKG, 12, 13),
    near("item-icon-and-label-null", menu(_item('{"icon": null, "label": null, "action": "record"}')), "PD308"),
    near("item-label-only", menu(_item('{"label": "Record", "action": "record"}')), "PD308"),
    # PD310 empty label in a menu (a toolbar label is only the hover tip)
    bad(
        "menu-item-label-empty",
        menu(_item('{"icon": "rec.svg#rec", "label": " ", "action": "record"}').replace('"toolbar"', '"conference"')),
        "PD310",
        PKG,
        12,
        46,
    ),
    near("toolbar-label-empty", menu(_item('{"icon": "rec.svg#rec", "label": "", "action": "record"}')), "PD310"),
    # PD400 icon file missing
    bad("icon-missing", icon("missing.svg#rec"), "PD400", PKG, 13, 25, message="missing.svg"),
    bad("icon-outside-package", icon("../../../rec.svg#rec"), "PD400", PKG, 13, 25, message="outside the package"),
    bad("icon-on-other-server", icon("https://example.com/rec.svg#rec"), "PD400", PKG, 13, 25),
    near("icon-in-sub-folder", steps(w("plugins/rec/assets/images/grid.svg", GRID_SVG), icon("assets/images/grid.svg#grid")),
         "PD400"),
    near("icon-custom-configuration-url", icon("./custom_configuration/plugins/rec/rec.svg#rec"), "PD400"),
    # PD401 icon file name case
    bad("icon-file-case", mv(SVG, "plugins/rec/Rec.svg"), "PD401", PKG, 13, 25, message="'Rec.svg'"),
    bad("icon-folder-case", steps(w("plugins/rec/assets/grid.svg", GRID_SVG), icon("Assets/grid.svg#grid")), "PD401",
        PKG, 13, 25, message="'assets/grid.svg'"),
    near("icon-upper-case-extension", steps(mv(SVG, "plugins/rec/rec.SVG"), icon("rec.SVG#rec")), "PD401"),
    # a name macOS wrote with a separate accent (NFD), referenced with one character (NFC)
    bad("icon-file-accent-encoding", steps(mv(SVG, "plugins/rec/re\u0301c.svg"), icon("r\u00e9c.svg#rec")), "PD401",
        PKG, 13, 25, message="accented letter written differently"),
    # PD402 #id not in the SVG
    bad("icon-id-absent", icon("rec.svg#record"), "PD402", PKG, 13, 25, message="'record'"),
    bad("icon-id-case", icon("rec.svg#REC"), "PD402", PKG, 13, 25, message="'rec'"),
    bad("icon-id-accent-encoding", steps(r(SVG, 'id="rec"', 'id="re\u0301c"'), icon("rec.svg#r\u00e9c")), "PD402",
        PKG, 13, 25, message="looks the same"),
    bad("icon-svg-without-ids", w(SVG, SVG_NO_ID), "PD402", PKG, 13, 25),
    bad("sprite-lacks-symbol", steps(w(ICONS, SPRITE), icon("icons.svg#camera")), "PD402", PKG, 13, 25, message="mic-on"),
    bad("sprite-symbol-typo", steps(w(ICONS, SPRITE), icon("icons.svg#mic-of")), "PD402", PKG, 13, 25,
        message="Did you mean 'mic-off'"),
    near("sprite-has-symbol", steps(w(ICONS, SPRITE), icon("icons.svg#mic-off")), "PD402"),
    # PD403 SVG not readable
    bad("svg-unclosed-tag", w(SVG, SVG_UNCLOSED), "PD403", SVG, 3),
    bad("svg-empty-file", w(SVG, b""), "PD403", SVG, 1),
    bad("svg-is-html", w(SVG, '<html id="rec"><body/></html>\n'), "PD403", SVG, 1, 1, message="<html>"),
    near("svg-with-doctype", w(SVG, SVG_WITH_DOCTYPE), "PD403"),
    # PD404 reference without #id
    bad("icon-without-id", icon("rec.svg"), "PD404", PKG, 13, 25, message="rec.svg#<id>"),
    near("icon-null", r(PKG, '"icon": "rec.svg#rec"', '"icon": null'), "PD404"),
    # PD405 icon not an SVG
    bad("icon-png", steps(w("plugins/rec/rec.png", PNG), icon("rec.png#rec")), "PD405", PKG, 13, 25),
    near("icon-svg-upper-case", steps(mv(SVG, "plugins/rec/REC.SVG"), icon("REC.SVG#rec")), "PD405"),
]
# fmt: on

POSITIVE = [c for c in CASES if not c.negative]
NEGATIVE = [c for c in CASES if c.negative]
