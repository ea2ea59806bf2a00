"""A value the forms add to an existing entry goes in beside it; the entry's own text stays.

Why: hand-made packages leave out what they may (``enabled`` in a settings.json entry, a menu
item's ``label``). Switching such a plugin off, or giving the item a label, added one key, yet the
whole entry was written anew in the designer's layout: a one-line settings.json got ", " after
commas it never had, and an entry on one line in a tab-indented file was spread over five lines.
Only the new member may differ from the file as it was.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES

from designer.core.model import MenuItem, load, save

ONE_LINE = b'{"plugins":[{"id":"rec","srcURL":"plugins/rec/rec.plugin.package.json"}],"x":1}'
TABS = (
    b'{\r\n\t"plugins" : [\r\n\t\t{ "id" : "rec" , "srcURL" : "plugins/rec/rec.plugin.package.json" }\r\n\t],\r\n'
    b'\t"x": 1\r\n}\r\n'
)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (ONE_LINE, ONE_LINE.replace(b'.json"}', b'.json","enabled":false}')),
        # (Spaced as the entry's own members are: '"id" : "rec" , "srcURL" : ...'.)
        (TABS, TABS.replace(b'.json" }', b'.json" , "enabled" : false }')),
    ],
    ids=["one-line", "entry-on-one-line-in-a-tab-indented-file"],
)
def test_switching_off_a_plugin_whose_entry_has_no_enabled_adds_only_that(
    tmp_path: Path, before: bytes, after: bytes
) -> None:
    project = tmp_path / "p"
    shutil.copytree(FIXTURES / "base", project)
    (project / "webapp2" / "settings.json").write_bytes(before)
    pkg = load(project)
    pkg.plugins[0].entry.enabled = False
    assert save(pkg) == ["settings.json"]
    assert (project / "webapp2" / "settings.json").read_bytes() == after


def test_a_label_given_to_an_item_that_had_none_adds_only_the_label(tmp_path: Path) -> None:
    project = tmp_path / "p"
    shutil.copytree(FIXTURES / "base", project)
    path = project / "webapp2" / "plugins" / "rec" / "rec.plugin.package.json"
    text = path.read_bytes()
    pkg = load(project)
    item = pkg.plugins[0].package.menu_items[pkg.plugins[0].package.section][0]
    old = item.to_json()
    raw = dict(old)
    raw.pop("label", None)
    # The item as a hand-made package writes it: no label, on one line, in a CRLF file.
    one_line = "{" + ", ".join(f'"{k}": "{v}"' for k, v in raw.items()) + "}"
    at = text.index(b'"toolbar"')
    start, end = text.index(b"{", at), text.index(b"}", at) + 1
    hand_made = (text[:start] + one_line.encode() + text[end:]).replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    path.write_bytes(hand_made)
    pkg = load(project)
    pkg.plugins[0].package.menu_items[pkg.plugins[0].package.section][0].label = "Record now"
    save(pkg)
    assert path.read_bytes() == hand_made.replace(
        one_line.encode(), one_line[:-1].encode() + b', "label": "Record now"}'
    )


# Java's Jackson pretty printer (and tools built on it) writes a space before each colon, the
# first element of a list of objects on the bracket's line ("[ {") and the next ones after "}, {".
JACKSON_SETTINGS = b"""{
  "plugins" : [ {
    "id" : "rec-1.0",
    "srcURL" : "plugins/rec/rec.plugin.package.json",
    "enabled" : true
  } ],
  "other" : { }
}"""
JACKSON_PACKAGE = b"""{
  "id" : "rec-1.0",
  "name" : "Record",
  "version" : 1.0,
  "srcURL" : "rec.plugin.js",
  "allowUnload" : true,
  "platforms" : [ "web", "electron", "ios", "android" ],
  "participantRoles" : [ "chair" ],
  "menuItems" : {
    "toolbar" : [ {
      "icon" : "rec.svg#rec",
      "label" : "Record",
      "action" : "record"
    } ]
  }
}"""


def _jackson_project(tmp_path: Path) -> Path:
    project = tmp_path / "p"
    shutil.copytree(FIXTURES / "base", project)
    (project / "webapp2" / "settings.json").write_bytes(JACKSON_SETTINGS)
    (project / "webapp2" / "plugins" / "rec" / "rec.plugin.package.json").write_bytes(JACKSON_PACKAGE)
    return project


def test_a_plugin_added_to_a_settings_json_written_by_jackson_follows_its_layout(tmp_path: Path) -> None:
    """The new entry came on one line after "}, " in the designer's spacing ('"id": ...'), in a
    file whose every other entry spreads over lines with '"id" : ...'."""
    from designer.core.plugins import add_plugin

    project = _jackson_project(tmp_path)
    pkg = load(project)
    add_plugin(pkg, "Hello There")
    save(pkg)
    assert (project / "webapp2" / "settings.json").read_bytes() == JACKSON_SETTINGS.replace(
        b"  } ],",
        b"  }, {\n"
        b'    "id" : "hello-there",\n'
        b'    "srcURL" : "plugins/hello-there/hello-there.plugin.package.json",\n'
        b'    "enabled" : true\n'
        b"  } ],",
    )


def test_a_menu_item_and_a_description_added_to_a_jackson_package_file_follow_its_layout(tmp_path: Path) -> None:
    project = _jackson_project(tmp_path)
    pkg = load(project)
    package = pkg.plugins[0].package
    package.menu_items["toolbar"].append(MenuItem(icon="rec.svg#rec", label="Stop", action="stop"))
    package.description = "Start and stop recording"
    save(pkg)
    path = project / "webapp2" / "plugins" / "rec" / "rec.plugin.package.json"
    assert path.read_bytes() == JACKSON_PACKAGE.replace(
        b"    } ]\n  }\n}",
        b"    }, {\n"
        b'      "icon" : "rec.svg#rec",\n'
        b'      "label" : "Stop",\n'
        b'      "action" : "stop"\n'
        b"    } ]\n"
        b"  },\n"
        b'  "description" : "Start and stop recording"\n'
        b"}",
    )


def test_moving_plugins_and_menu_items_in_jackson_files_keeps_each_as_written(tmp_path: Path) -> None:
    """Move Up put the moved entry before the other one with its lines indented from column 0
    (and a copy of a plugin added after it then took that broken indentation too)."""
    from designer.core.plugins import move_plugin

    other = (
        b'{\n    "id" : "other",\n    "srcURL" : "plugins/rec/other.plugin.package.json",\n    "enabled" : false\n  }'
    )
    first = (
        b'{\n    "id" : "rec-1.0",\n    "srcURL" : "plugins/rec/rec.plugin.package.json",\n    "enabled" : true\n  }'
    )
    settings = JACKSON_SETTINGS.replace(first, first + b", " + other)
    stop = b'{\n      "icon" : "rec.svg#rec",\n      "label" : "Stop",\n      "action" : "stop"\n    }'
    record = b'{\n      "icon" : "rec.svg#rec",\n      "label" : "Record",\n      "action" : "record"\n    }'
    package = JACKSON_PACKAGE.replace(record, record + b", " + stop)
    project = _jackson_project(tmp_path)
    (project / "webapp2" / "settings.json").write_bytes(settings)
    path = project / "webapp2" / "plugins" / "rec" / "rec.plugin.package.json"
    path.write_bytes(package)
    pkg = load(project)
    move_plugin(pkg, 1, -1)
    items = pkg.plugins[1].package.menu_items["toolbar"]
    items.insert(0, items.pop())
    save(pkg)
    assert (project / "webapp2" / "settings.json").read_bytes() == JACKSON_SETTINGS.replace(
        first, other + b", " + first
    )
    assert path.read_bytes() == JACKSON_PACKAGE.replace(record, stop + b", " + record)


def test_the_last_entry_removed_from_a_jackson_list_leaves_it_as_jackson_writes_it(tmp_path: Path) -> None:
    """'[ {' ... '} ]' emptied came out '[]'; Jackson (and the file's other empty values, '{ }')
    write '[ ]'."""
    from designer.core.plugins import remove_plugin

    project = _jackson_project(tmp_path)
    pkg = load(project)
    remove_plugin(pkg, 0)
    save(pkg)
    assert (project / "webapp2" / "settings.json").read_bytes() == (b'{\n  "plugins" : [ ],\n  "other" : { }\n}')


def test_a_value_added_to_a_list_on_one_line_is_spaced_as_that_list(tmp_path: Path) -> None:
    """The comma before a platform ticked was spaced as the first list of the file that has a
    space after its commas: '["web","electron", "ios"]' in a file that also has
    '["chair", "guest"]'. The list's own commas say how."""
    project = tmp_path / "p"
    shutil.copytree(FIXTURES / "base", project)
    path = project / "webapp2" / "plugins" / "rec" / "rec.plugin.package.json"
    text = path.read_bytes().replace(b'["web", "electron", "ios", "android"]', b'["web","electron"]')
    text = text.replace(b'["chair"]', b'["chair", "guest"]')
    path.write_bytes(text)
    pkg = load(project)
    pkg.plugins[0].package.platforms = ["web", "electron", "ios"]
    save(pkg)
    assert path.read_bytes() == text.replace(b'["web","electron"]', b'["web","electron","ios"]')


def test_a_member_added_takes_the_colon_of_its_own_object(tmp_path: Path) -> None:
    """The colon of a member added was spaced as the file's first name is ('"plugins" : [' typed
    by hand at the top), not as the entry it joins writes its own ('"id": "rec"')."""
    project = tmp_path / "p"
    shutil.copytree(FIXTURES / "base", project)
    path = project / "webapp2" / "settings.json"
    text = path.read_bytes().replace(b'"plugins": [', b'"plugins" : [').replace(b',\n            "enabled": true', b"")
    path.write_bytes(text)
    pkg = load(project)
    pkg.plugins[0].entry.enabled = False
    save(pkg)
    assert path.read_bytes() == text.replace(b'.json"\n', b'.json",\n            "enabled": false\n')


def test_a_file_that_writes_every_accent_as_an_escape_gets_escapes(tmp_path: Path) -> None:
    """Python's json.dump (the default of scripts that make these files) writes 'é' as '\\u00e9';
    a name typed with an accent came out as raw UTF-8 in a file that had none."""
    import json

    project = tmp_path / "p"
    shutil.copytree(FIXTURES / "base", project)
    path = project / "webapp2" / "plugins" / "rec" / "rec.plugin.package.json"
    value = json.loads(path.read_bytes())
    value["description"] = "Démarre l’enregistrement"
    path.write_bytes(json.dumps(value, indent=4).encode())
    pkg = load(project)
    pkg.plugins[0].package.name = "Enregistrer l’écran"
    pkg.plugins[0].package.menu_items["toolbar"].append(MenuItem(label="Arrêter", action="stop"))
    save(pkg)
    value["name"] = "Enregistrer l’écran"
    value["menuItems"]["toolbar"].append({"label": "Arrêter", "action": "stop"})
    assert path.read_bytes() == json.dumps(value, indent=4).encode()
