"""The built-in icon set: every icon is safe, valid, recolourable and draws; copying one works.

Why every icon is checked one by one: they are shown to end users in the meeting, and a plugin
author who picks one trusts it blindly. A broken id, a hard-coded colour (the app recolours
icons through ``currentColor``) or an element the safety check flags would land in their
package without them noticing.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from designer.core.checks import run_checks
from designer.core.iconset import BuiltinIcon, add_builtin_icon, builtin_icon, builtin_icons, search_icons
from designer.core.model import BrandingPackage, Plugin, load, save
from designer.core.resources import icons_dir
from designer.core.svg import ALLOWED_ELEMENTS, read_svg, scan_svg

FOLDER = icons_dir() / "plugin-icons"
ICONS = builtin_icons()
REQUIRED = """
    record stop lock unlock mute unmute hand layout-grid layout-grid-2x2 layout-speaker layout-sidebar spotlight
    chat bell camera camera-off screenshot dial phone hang-up participant participants info settings link timer
    star check close arrow-up arrow-down arrow-left arrow-right text overlay stream dtmf-keypad
""".split()
COLOUR_ATTRIBUTES = ("fill", "stroke", "color", "stop-color", "flood-color", "lighting-color")


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def test_the_set_is_complete_and_sorted() -> None:
    names = [i.name for i in ICONS]
    assert len(names) >= 40
    assert names == sorted(names) and len(set(names)) == len(names)
    assert set(REQUIRED) <= set(names), sorted(set(REQUIRED) - set(names))
    assert builtin_icon("record").title == "Record"
    with pytest.raises(KeyError):
        builtin_icon("no-such-icon")


def test_index_lists_exactly_the_files() -> None:
    index = json.loads((FOLDER / "index.json").read_text(encoding="utf-8"))
    assert list(index) == sorted(index)
    assert set(index) == {p.stem for p in FOLDER.glob("*.svg")}
    assert {p.name for p in FOLDER.iterdir()} == {f"{n}.svg" for n in index} | {"index.json"}
    for name, meta in index.items():
        assert isinstance(meta["title"], str) and meta["title"].strip(), name
        assert meta["keywords"] and all(isinstance(k, str) and k == k.lower() for k in meta["keywords"]), name


@pytest.mark.parametrize("icon", ICONS, ids=lambda i: i.name)
def test_icon_is_valid_safe_and_single_colour(icon: BuiltinIcon) -> None:
    data = icon.data()
    info = read_svg(data)
    assert info.ok, info.error
    assert scan_svg(data, info) == []
    assert not info.has_doctype and not data.lstrip().startswith(b"<?xml")
    root = info.tree
    assert info.root_tag == "svg" and info.root_id == icon.name == icon.path.stem
    assert list(info.ids) == [icon.name]  # nothing else a reference could pick by mistake
    assert root.get("viewBox") == "0 0 24 24" and root.get("width") == "24" and root.get("height") == "24"
    assert root.get("stroke") == "currentColor" and root.get("fill") == "none"  # one style for the whole set
    titles = [el for el in root if _local(el.tag) == "title"]
    assert len(titles) == 1 and titles[0].text == icon.title
    assert icon.name[0].isalpha() and icon.name == icon.name.lower() and " " not in icon.name
    for el in root.iter():
        assert isinstance(el.tag, str), "no comments or processing instructions"
        assert _local(el.tag) in ALLOWED_ELEMENTS, el.tag
        assert el.get("style") is None and el.get("class") is None
        for attr in COLOUR_ATTRIBUTES:
            assert el.get(attr) in (None, "none", "currentColor"), (el.tag, attr, el.get(attr))
    assert len(root) > 1  # a title and some drawing


@pytest.mark.parametrize("icon", ICONS, ids=lambda i: i.name)
def test_icon_draws_something(qapp: Any, icon: BuiltinIcon) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(icon.data())
    assert renderer.isValid()
    image = QImage(48, 48, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    inked = sum(1 for y in range(48) for x in range(48) if image.pixelColor(x, y).alpha() > 0)
    assert 40 < inked < 48 * 48  # some ink, and not a filled square


def _names(found: list[BuiltinIcon]) -> list[str]:
    return [i.name for i in found]


def test_search_matches_name_title_and_keywords() -> None:
    assert {"mute", "unmute"} <= set(_names(search_icons("mic")))
    assert {"mute", "unmute"} <= set(_names(search_icons("MICROPHONE")))
    grid = _names(search_icons("grid"))
    assert grid[:2] == ["layout-grid", "layout-grid-2x2"]
    assert _names(search_icons("layout grid"))[0] == "layout-grid"  # the exact name first
    assert _names(search_icons("layout-grid-2x2")) == ["layout-grid-2x2"]
    assert _names(search_icons("")) == _names(ICONS) == _names(search_icons("   "))
    assert search_icons("zzqxv") == []
    assert search_icons("camera zzqxv") == []  # every word must match
    assert set(_names(search_icons("camera off"))) == {"camera-off"}
    assert "mute" not in _names(search_icons("phone"))  # "phone" is not a prefix of "microphone"
    assert "hang-up" in _names(search_icons("phone"))
    # Name matches rank before keyword matches.
    found = _names(search_icons("camera"))
    assert found[:2] == ["camera", "camera-off"] and "screenshot" in found
    only = [builtin_icon("star"), builtin_icon("heart")]
    assert _names(search_icons("", only)) == ["star", "heart"]
    assert _names(search_icons("love", only)) == ["heart"]


def test_search_knows_the_meeting_words_of_pexip() -> None:
    """An administrator making "Send to lobby" or "Admit from the waiting room" searched with
    Pexip's own words and was told no icon matches."""
    assert {"leave", "lock", "transfer"} <= set(_names(search_icons("lobby")))
    assert {"leave", "lock"} <= set(_names(search_icons("waiting room")))
    assert "transfer" in _names(search_icons("breakout"))


def _plugin(pkg: BrandingPackage, pid: str) -> Plugin:
    plugin = pkg.plugin_by_id(pid)
    assert plugin is not None and plugin.package is not None
    return plugin


def _icon_problems(pkg: BrandingPackage) -> list[Any]:
    return [p for p in run_checks(pkg) if p.code.startswith("PD4")]


def test_added_icon_is_pending_and_its_reference_checks_clean(example_project: Path) -> None:
    pkg = load(example_project)
    plugin = _plugin(pkg, "lock-toggle")
    rel, ref = add_builtin_icon(pkg, plugin, "layout-grid")
    assert (rel, ref) == ("plugins/lock-toggle/layout-grid.svg", "layout-grid.svg#layout-grid")
    assert pkg.exists(rel) and not (example_project / "webapp2" / rel).exists()  # unsaved
    assert pkg.read_bytes(rel) == builtin_icon("layout-grid").data()
    assert plugin.resolve(ref.partition("#")[0]) == rel
    item = plugin.package.items()[0][2]
    item.icon, item.label = ref, "Grid"
    assert _icon_problems(pkg) == []
    assert run_checks(pkg) == []
    save(pkg)
    assert (example_project / "webapp2" / rel).read_bytes() == builtin_icon("layout-grid").data()
    reloaded = load(example_project)
    assert _plugin(reloaded, "lock-toggle").package.items()[0][2].icon == ref
    assert run_checks(reloaded) == []


def test_adding_the_same_icon_twice_reuses_the_copy(example_project: Path) -> None:
    pkg = load(example_project)
    plugin = _plugin(pkg, "lock-toggle")
    first = add_builtin_icon(pkg, plugin, "star")
    pending = dict(pkg.pending_texts)
    assert add_builtin_icon(pkg, plugin, "star") == first
    assert pkg.pending_texts == pending


def test_name_clash_gets_a_numbered_copy_with_a_matching_id(example_project: Path) -> None:
    pkg = load(example_project)
    plugin = _plugin(pkg, "meeting-info")  # already has its own, different info.svg
    own = pkg.read_bytes("plugins/meeting-info/info.svg")
    rel, ref = add_builtin_icon(pkg, plugin, "info")
    assert (rel, ref) == ("plugins/meeting-info/info-2.svg", "info-2.svg#info-2")
    assert pkg.read_bytes("plugins/meeting-info/info.svg") == own  # the author's file is untouched
    info = read_svg(pkg.read_bytes(rel))
    assert info.root_id == "info-2" and list(info.ids) == ["info-2"]
    assert scan_svg(pkg.read_bytes(rel), info) == []
    plugin.package.items()[0][2].icon = ref
    # The new icon checks clean; the author's info.svg, used by nothing now, is named as a leftover.
    assert [(p.code, p.file) for p in _icon_problems(pkg)] == [("PD406", "plugins/meeting-info/info.svg")]
    assert add_builtin_icon(pkg, plugin, "info") == (rel, ref)  # the numbered copy is reused too
    # A third, different file in the way: the next number.
    pkg.pending_texts["plugins/meeting-info/star.svg"] = "<svg/>"
    pkg.pending_texts["plugins/meeting-info/star-2.svg"] = "<svg/>"
    assert add_builtin_icon(pkg, plugin, "star") == ("plugins/meeting-info/star-3.svg", "star-3.svg#star-3")


def test_a_file_differing_only_in_case_counts_as_taken(example_project: Path) -> None:
    """Star.svg and star.svg are one file on Windows and macOS: never add the second."""
    folder = example_project / "webapp2" / "plugins" / "lock-toggle"
    (folder / "Star.svg").write_bytes(builtin_icon("star").data())
    pkg = load(example_project)
    rel, ref = add_builtin_icon(pkg, _plugin(pkg, "lock-toggle"), "star")
    assert (rel, ref) == ("plugins/lock-toggle/star-2.svg", "star-2.svg#star-2")


def test_unknown_icon_is_refused(example_project: Path) -> None:
    pkg = load(example_project)
    with pytest.raises(KeyError):
        add_builtin_icon(pkg, _plugin(pkg, "lock-toggle"), "no-such-icon")
    assert pkg.pending_texts == {}
