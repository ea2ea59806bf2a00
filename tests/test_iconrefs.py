"""Where icon ids are used, and renaming one everywhere without touching any other byte."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import snapshot

from designer.core.checks import run_checks
from designer.core.iconrefs import (
    IconRef,
    SourceIconRef,
    icon_references,
    id_uses,
    rename_icon_id,
    resolve_icon,
    source_icon_references,
)
from designer.core.model import BrandingPackage, load, save

LOCK = "plugins/lock-toggle/lock.svg"
HAND = "plugins/raise-hand-helper/hand.svg"
LOCK_PACKAGE = "plugins/lock-toggle/lock-toggle.plugin.package.json"
LOCK_JS = "plugins/lock-toggle/lock-toggle.plugin.js"


def icon_problems(pkg: BrandingPackage) -> list[tuple[str, str]]:
    """Icon problems (PD4xx) and the source's icon problem (PD518), as (code, file)."""
    return sorted((p.code, p.file) for p in run_checks(pkg) if p.code.startswith("PD4") or p.code == "PD518")


@pytest.fixture
def lock_project(example_project: Path) -> Path:
    """The example with the lock toggle's button showing lock.svg#lock from the start (the JS
    switches it at run time), so one id is used by a menu item and a string literal."""
    package = example_project / "webapp2" / LOCK_PACKAGE
    text = package.read_text(encoding="utf-8")
    assert text.count('"icon": null') == 1
    package.write_text(text.replace('"icon": null', '"icon": "lock.svg#lock"'), encoding="utf-8")
    return example_project


def test_icon_references_of_the_example(example_project: Path) -> None:
    pkg = load(example_project)
    names = [p.entry.id for p in pkg.plugins]
    refs = icon_references(pkg)
    assert refs == sorted(
        [
            IconRef(
                names.index("meeting-info"),
                "conference",
                0,
                "Meeting information",
                "plugins/meeting-info/info.svg",
                "info",
            ),
            IconRef(names.index("raise-hand-helper"), "participants", 0, "Lower hand", HAND, "hand"),
        ],
        key=lambda r: r.plugin_index,
    )
    assert {(r.file, r.icon_id, r.label) for r in refs} == {
        ("plugins/meeting-info/info.svg", "info", "Meeting information"),
        (HAND, "hand", "Lower hand"),
    }
    assert [r.plugin_index for r in refs] == sorted(r.plugin_index for r in refs)  # in plugin order
    only = icon_references(pkg, HAND)
    assert [(r.section, r.item_index, r.label, r.icon_id) for r in only] == [("participants", 0, "Lower hand", "hand")]
    assert pkg.plugins[only[0].plugin_index].entry.id == "raise-hand-helper"
    assert icon_references(pkg, LOCK) == []  # its item sets the icon at run time (null in the package)


def test_resolve_icon_is_relative_to_the_package_file(example_project: Path) -> None:
    plugin = load(example_project).plugins[0]
    folder = plugin.folder
    assert resolve_icon(plugin, "./assets/x.svg#a") == (f"{folder}/assets/x.svg", "a")
    assert resolve_icon(plugin, "x.svg") == (f"{folder}/x.svg", "")
    assert resolve_icon(plugin, "http://cdn.example/x.svg#a") == (None, "a")
    assert resolve_icon(plugin, "../../../x.svg#a") == (None, "a")


def test_source_literals_and_uses(lock_project: Path) -> None:
    pkg = load(lock_project)
    index = next(i for i, p in enumerate(pkg.plugins) if p.entry.id == "lock-toggle")
    assert source_icon_references(pkg, LOCK) == [SourceIconRef(index, LOCK_JS, 20, 33, LOCK, "lock")]
    assert source_icon_references(pkg, "plugins/lock-toggle/unlock.svg", "unlock")[0].line == 18
    assert source_icon_references(pkg, LOCK, "unlock") == []
    assert id_uses(pkg, LOCK, "lock") == [
        "a toolbar menu item of Lock toggle",
        f"the code of Lock toggle ({LOCK_JS}, line 20)",
    ]
    assert id_uses(pkg, LOCK, "lock")
    assert id_uses(pkg, HAND, "hand") == ["the menu item 'Lower hand' of Raise hand helper"]
    assert id_uses(pkg, HAND, "other") == [] and id_uses(pkg, "plugins/none.svg", "x") == []


def test_rename_changes_svg_menu_item_and_code_and_nothing_else(lock_project: Path) -> None:
    root = lock_project / "webapp2"
    before = snapshot(root)
    pkg = load(lock_project)
    assert icon_problems(pkg) == []
    assert rename_icon_id(pkg, LOCK, "lock", "padlock") == 3
    # in memory: the model and pending texts carry the change, the disk does not yet
    assert snapshot(root) == before
    assert [r.icon_id for r in icon_references(pkg, LOCK)] == ["padlock"]
    assert icon_problems(pkg) == []
    written = save(pkg)
    assert sorted(written) == sorted([LOCK, LOCK_PACKAGE, LOCK_JS])
    after = snapshot(root)
    assert {k for k in after if after[k] != before.get(k)} == set(written) and after.keys() == before.keys()
    assert after[LOCK] == before[LOCK].replace(b'id="lock"', b'id="padlock"', 1)
    assert after[LOCK_PACKAGE] == before[LOCK_PACKAGE].replace(b'"lock.svg#lock"', b'"lock.svg#padlock"')
    assert after[LOCK_JS] == before[LOCK_JS].replace(b"'lock.svg#lock'", b"'lock.svg#padlock'")
    assert b"'unlock.svg#unlock'" in after[LOCK_JS]
    assert icon_problems(load(lock_project)) == []


def test_rename_of_a_menu_item_icon_only(example_project: Path) -> None:
    root = example_project / "webapp2"
    before = snapshot(root)
    pkg = load(example_project)
    assert rename_icon_id(pkg, HAND, "hand", "raised-hand") == 2
    assert sorted(save(pkg)) == [HAND, "plugins/raise-hand-helper/raise-hand-helper.plugin.package.json"]
    after = snapshot(root)
    assert after[HAND] == before[HAND].replace(b'id="hand"', b'id="raised-hand"')
    package = "plugins/raise-hand-helper/raise-hand-helper.plugin.package.json"
    assert after[package] == before[package].replace(b"hand.svg#hand", b"hand.svg#raised-hand")
    assert icon_problems(load(example_project)) == []


def test_rename_follows_references_inside_the_svg(example_project: Path) -> None:
    rel = "plugins/meeting-info/info.svg"
    svg = example_project / "webapp2" / rel
    original = (
        "<?xml version='1.0'?>\r\n"
        "<!-- a gradient named g, used three ways -->\r\n"
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" id="info" '
        'viewBox="0 0 24 24">\r\n'
        "  <style>#g { opacity: 1 } .x { fill: url('#g') } .y { fill: #abc }</style>\r\n"
        "  <defs><linearGradient\r\n     id = 'g'><stop offset=\"0\"/></linearGradient>\r\n"
        '  <linearGradient id="g2" xlink:href="#g"/></defs>\r\n'
        '  <path data-id="g" d="M0 0" fill="url(#g)" style="stroke: url( &quot;#g&quot; )"/>\r\n'
        '  <use href="#g2"/><text>#g url(#g)</text>\r\n'
        "</svg>"
    )
    svg.write_bytes(original.encode())
    pkg = load(example_project)
    assert id_uses(pkg, rel, "g") == ["4 references inside info.svg"]
    assert rename_icon_id(pkg, rel, "g", "glow") == 6  # id, style selector + url, xlink:href, fill, style attr
    save(pkg)
    expected = (
        original.replace("#g {", "#glow {")
        .replace("url('#g')", "url('#glow')")
        .replace("id = 'g'", "id = 'glow'")
        .replace('xlink:href="#g"', 'xlink:href="#glow"')
        .replace('fill="url(#g)"', 'fill="url(#glow)"')
        .replace("&quot;#g&quot;", "&quot;#glow&quot;")
    )
    assert svg.read_bytes() == expected.encode()
    assert 'data-id="g"' in expected and "<text>#g url(#g)</text>" in expected and "#abc" in expected
    assert 'href="#g2"' in expected and 'id="g2"' in expected


def test_bad_new_ids_are_refused_and_change_nothing(lock_project: Path) -> None:
    pkg = load(lock_project)
    for bad in ("", "two words", "1lock", "a:b", "#lock", "lock.svg#x"):
        with pytest.raises(ValueError, match="not a valid id"):
            rename_icon_id(pkg, LOCK, "lock", bad)
    svg = lock_project / "webapp2" / LOCK
    svg.write_text(svg.read_text(encoding="utf-8").replace("<path ", '<path id="shackle" ', 1), encoding="utf-8")
    pkg = load(lock_project)
    with pytest.raises(ValueError, match="already has an element with the id 'shackle'"):
        rename_icon_id(pkg, LOCK, "lock", "shackle")
    with pytest.raises(ValueError, match="has no id 'nope'"):
        rename_icon_id(pkg, LOCK, "nope", "fine")
    assert pkg.pending_texts == {}
    assert [r.icon_id for r in icon_references(pkg, LOCK)] == ["lock"]
    assert rename_icon_id(pkg, LOCK, "lock", "lock") == 0 and pkg.pending_texts == {}
    assert save(pkg) == []


def test_rename_after_an_unsaved_edit_builds_on_it(lock_project: Path) -> None:
    pkg = load(lock_project)
    assert rename_icon_id(pkg, LOCK, "lock", "padlock") == 3
    assert rename_icon_id(pkg, LOCK, "padlock", "Lock2") == 3
    assert icon_problems(pkg) == []
    save(pkg)
    assert 'id="Lock2"' in (lock_project / "webapp2" / LOCK).read_text(encoding="utf-8")
    assert "'lock.svg#Lock2'" in (lock_project / "webapp2" / LOCK_JS).read_text(encoding="utf-8")


def test_a_source_reference_after_a_lone_cr_is_on_the_line_the_editor_shows(lock_project: Path) -> None:
    """Lines were counted at LF only: after a lone CR the icon editor's "the code of … (line N)"
    named a line above the reference."""
    src = lock_project / "webapp2" / LOCK_JS
    src.write_bytes(src.read_bytes().replace(b"(function () {\n", b"(function () {\n    // a\r    // b\r", 1))
    pkg = load(lock_project)
    (ref,) = source_icon_references(pkg, LOCK)
    assert (ref.line, ref.column) == (22, 33)
