"""Round-trip fidelity of saved JSON in the cases a tester found broken.

A save after an edit changes only the edited values: a member written twice is edited where it
counts, a moved element keeps its own text, a renamed key stays in its place, and undoing back to
an earlier version of a file writes that version's text again (escapes, number spelling, layout).
"""

from __future__ import annotations

import json
from pathlib import Path

from designer.core.checks import run_checks
from designer.core.fixes import fix_all
from designer.core.jsonfile import JsonDocument
from designer.core.model import load, save

SCRIPT = "(function(){function go(){}PEX.pluginAPI.registerPlugin({id:'%s',load:function(){},unload:function(){},go:go});})();\n"
MANIFEST = '{"brandingID": 1, "isSettingsBranded": true}\n'


def write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / "webapp2" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    return root


def package(pid: str, **extra: object) -> str:
    raw = {"id": pid, "name": pid.upper(), "version": 1, "srcURL": f"{pid}.plugin.js", "allowUnload": True}
    raw |= {"platforms": ["web"], "participantRoles": ["chair"], "menuItems": {}} | extra
    return json.dumps(raw, indent=2) + "\n"


# -- a renamed key stays where it is --------------------------------------------------------------


def test_fix_renames_plugins_key_in_its_place(tmp_path: Path) -> None:
    """check --fix "Rename 'Plugins' to 'plugins'" used to move the list to the end of the file,
    on one line, with its escapes decoded."""
    settings = (
        '{\r\n\t"Plugins": [\r\n\t\t{\r\n\t\t\t"id": "a",\r\n\t\t\t"srcURL": "plugins/a/a.plugin.package.json",\r\n'
        '\t\t\t"enabled": true,\r\n\t\t\t"note": "caf\\u00e9"\r\n\t\t}\r\n\t],\r\n\t"theme": {"dark": true}\r\n}\r\n'
    )
    root = write(
        tmp_path,
        {
            "manifest.json": MANIFEST,
            "settings.json": settings,
            "plugins/a/a.plugin.package.json": package("a"),
            "plugins/a/a.plugin.js": SCRIPT % "a",
        },
    )
    pkg = load(root)
    assert "Rename 'Plugins' to 'plugins' in settings.json" in fix_all(pkg, run_checks)
    save(pkg)
    assert (root / "webapp2/settings.json").read_bytes().decode() == settings.replace('"Plugins"', '"plugins"')


def test_a_key_replaced_in_the_same_place_is_renamed_there() -> None:
    text = '{\n  "a": 1,\n  "old": {"x": 1e3, "s": "\\u00e9"},\n  "z": 2\n}\n'
    doc = JsonDocument(text)
    doc.apply({"a": 1, "new": {"x": 1000.0, "s": "é"}, "z": 2})
    assert doc.dumps() == text.replace('"old"', '"new"')
    doc.apply({"a": 1, "z": 2, "added": 3})  # not a rename: removed, and the new member goes last
    assert json.loads(doc.dumps()) == {"a": 1, "z": 2, "added": 3}
