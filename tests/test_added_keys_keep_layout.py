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

from designer.core.model import load, save

ONE_LINE = b'{"plugins":[{"id":"rec","srcURL":"plugins/rec/rec.plugin.package.json"}],"x":1}'
TABS = (
    b'{\r\n\t"plugins" : [\r\n\t\t{ "id" : "rec" , "srcURL" : "plugins/rec/rec.plugin.package.json" }\r\n\t],\r\n'
    b'\t"x": 1\r\n}\r\n'
)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (ONE_LINE, ONE_LINE.replace(b'.json"}', b'.json","enabled":false}')),
        (TABS, TABS.replace(b'.json" }', b'.json", "enabled": false }')),
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
