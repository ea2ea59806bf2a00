"""``check --fix`` on a package with many plugins: the fixes that do not touch one another are
applied together, one check per round, and the result is the one of one fix per round.

The package is the base fixture's plugin copied many times, each copy with its own slip (or
several), plus slips that concern the plugins together: ids two entries share, a package file
settings.json does not list, an entry's srcURL in the wrong letter case, the manifest's flag.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, snapshot

from designer.core import fixes
from designer.core.checks import run_checks
from designer.core.model import BrandingPackage, load, save
from designer.core.problems import Problem

BASE = FIXTURES / "base" / "webapp2"
REC = BASE / "plugins" / "rec"
DOCTYPE = '<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd">\n'


def _plugin(root: Path, k: int, slip: int) -> dict[str, object]:
    """Write plugin ``k`` (plugins/p<k>/) with the slip numbered ``slip``; its settings entry."""
    pid = f"p{k}"
    pkg = (REC / "rec.plugin.package.json").read_text().replace('"rec-1.0"', f'"{pid}"')
    js = (REC / "rec.plugin.js").read_text().replace("'rec-1.0'", f"'{pid}'")
    svg = (REC / "rec.svg").read_text()
    entry: dict[str, object] = {"id": pid, "srcURL": f"plugins/{pid}/rec.plugin.package.json", "enabled": True}
    if slip in (0, 11):
        entry["id"] = f"old-{pid}"  # PD203: set-settings-id
    if slip in (1, 11):
        pkg = pkg.replace("rec.svg#rec", "rec.svg#REC")  # PD402: set-icon-ref
    if slip == 2:
        svg = svg.replace(' id="rec"', "")  # PD402: add-svg-root-id
    if slip in (3, 11):
        js = js.replace(f"'{pid}'", "'rec-1.0'")  # PD504: set-register-id
    if slip in (4, 16):  # record not registered: add-registered-key
        js = js.replace("        record: record\n", "").replace("unload: unload,", "unload: unload")
    if slip == 5:
        js = js.replace("record: record", "recrd: record")  # rename-registered-key
    if slip == 6:
        js = js.replace("sendRequest", "sendRequst")  # rename-api-member
    if slip == 7:
        svg = DOCTYPE + svg  # remove-svg-doctype
    if slip == 8:
        svg = svg.replace('viewBox="0 0 24 24"', 'width="24" height="24"')  # add-svg-viewbox
    if slip == 9:
        pkg = pkg.replace('"allowUnload": true', '"allowUnload": false')
        entry["enabled"] = False  # PD209: set-settings-enabled
    if slip == 10:
        pkg = pkg.replace("rec.svg#rec", "gone.svg#gone")  # PD400: create-icon-file
    if slip == 12:
        entry["id"] = f"p{k - 2}"  # PD202: the id of the plugin before the one before (its package says p<k>)
    if slip == 14:
        entry["srcURL"] = f"plugins/{pid}/REC.plugin.package.json"  # PD204: set-settings-src
    if slip == 15:
        pkg = pkg.replace('"label": "Record",', '"label": "Rec",\n                "label": "Record",')
    if slip == 16:
        js = js.replace("function record() {", "function other() {")  # and no function: create-action
    name = "widget" if slip == 17 else "rec"  # unlisted, and no entry's srcURL is like its name
    entry["srcURL"] = str(entry["srcURL"]).replace("/rec.", f"/{name}.")
    folder = root / "plugins" / pid
    folder.mkdir(parents=True)
    (folder / f"{name}.plugin.package.json").write_text(pkg)
    (folder / "rec.plugin.js").write_text(js)
    (folder / "rec.svg").write_text(svg)
    return entry


ALL_SLIPS = tuple(range(18))


def make_package(root: Path, plugins: int, slips: tuple[int, ...] = ALL_SLIPS) -> Path:
    """A webapp2 folder at ``root`` with ``plugins`` plugins, plugin k with slip k of ``slips``
    (round and round); slips 13 and 17 leave the plugin out of settings.json."""
    root.mkdir(parents=True)
    chosen = [slips[k % len(slips)] for k in range(plugins)]
    entries = [_plugin(root, k, slip) for k, slip in enumerate(chosen)]
    entries = [e for e, slip in zip(entries, chosen, strict=True) if slip not in (13, 17)]  # PD205
    (root / "settings.json").write_text(json.dumps({"plugins": entries}, indent=4) + "\n")
    manifest = (BASE / "manifest.json").read_text()
    (root / "manifest.json").write_text(manifest.replace('"isSettingsBranded": true', '"isSettingsBranded": false'))
    return root


def _fixable(pkg: BrandingPackage, run) -> list[Problem]:
    return [p for p in run(pkg) if p.fix is not None and p.fix.batch]


def one_at_a_time(pkg: BrandingPackage, run) -> list[str]:
    """What ``fix_all`` did before: the first fix, a check, the next first fix... to the end."""
    done: list[str] = []
    while fixable := _fixable(pkg, run):
        done.append(fixes.apply_fix(pkg, fixable[0].fix))
    return done


class _Counted:
    def __init__(self) -> None:
        self.checks = 0

    def __call__(self, pkg: BrandingPackage) -> list[Problem]:
        self.checks += 1
        return run_checks(pkg)


@pytest.fixture
def fixed_time(monkeypatch) -> None:
    """A new brandingID comes from the clock: the same one for both ways of fixing."""
    monkeypatch.setattr(fixes.time, "time", lambda: 1_800_000_000.0)


@pytest.mark.parametrize("slips", [ALL_SLIPS, ALL_SLIPS[::-1]], ids=["in-order", "reversed"])
def test_fixing_together_writes_the_same_files_as_fixing_one_at_a_time(
    tmp_path: Path, fixed_time, slips: tuple[int, ...]
) -> None:
    one = make_package(tmp_path / "one" / "webapp2", 54, slips)
    together = make_package(tmp_path / "together" / "webapp2", 54, slips)
    assert snapshot(one) == snapshot(together)
    pkg = load(one)
    kinds = {p.fix.kind for p in _fixable(pkg, run_checks)}
    assert len(kinds) >= 16, kinds  # the package is as varied as meant
    reference = one_at_a_time(pkg, run_checks)
    save(pkg)

    pkg = load(together)
    counted = _Counted()
    done = fixes.fix_all(pkg, counted)
    save(pkg)
    assert sorted(done) == sorted(reference)
    assert snapshot(together) == snapshot(one)
    assert _fixable(load(together), run_checks) == []
    assert counted.checks < len(reference)


def test_the_checks_run_once_a_round_not_once_a_fix(tmp_path: Path, fixed_time) -> None:
    pkg = load(make_package(tmp_path / "webapp2", 340))
    counted = _Counted()
    done = fixes.fix_all(pkg, counted)
    assert len(done) > 340  # every plugin has a slip, some two
    assert counted.checks < 10  # it was one check for each of the fixes, and it stopped at 200
    assert _fixable(pkg, run_checks) == []


def test_a_check_lists_the_files_the_model_writes_once_not_once_per_missing_file(tmp_path: Path, monkeypatch) -> None:
    """Whether a file that is not on disk exists (an icon, a source) was asked of a list of the
    files the model writes, made again from every plugin each time: with many plugins missing a
    file each, a check took time in the square of the number of plugins."""
    pkg = load(make_package(tmp_path / "webapp2", 120, (10,)))  # each plugin's icon file is missing
    made: list[int] = []
    real = BrandingPackage.modelled_files
    monkeypatch.setattr(BrandingPackage, "modelled_files", lambda self: made.append(1) or real(self))
    problems = run_checks(pkg)
    assert sum(p.code == "PD400" for p in problems) == 120
    assert len(made) <= 2  # it was several times for each missing icon
    assert not pkg.exists("plugins/p0/gone.svg") and pkg.exists("plugins/p0/rec.plugin.package.json")


def _two_packages_load_one_source(root: Path) -> Path:
    """settings.json's entry points to the source plugins/rec/rec.plugin.js, which two unlisted
    package files load: either may be the one meant, so PD208 offers neither; once one of them is
    listed, the entry means the other."""
    (root / "plugins").mkdir(parents=True)
    shutil.copytree(REC, root / "plugins" / "rec")
    package = (REC / "rec.plugin.package.json").read_text()
    (root / "plugins" / "rec" / "rec.plugin.package.json").unlink()
    for name in ("y1", "y2"):
        (root / "plugins" / name).mkdir()
        text = package.replace('"rec-1.0"', f'"{name}"').replace("rec.plugin.js", "../rec/rec.plugin.js")
        (root / "plugins" / name / f"{name}.plugin.package.json").write_text(text)
    entry = {"id": "zzz", "srcURL": "plugins/rec/rec.plugin.js", "enabled": True}
    (root / "settings.json").write_text(json.dumps({"plugins": [entry]}, indent=4) + "\n")
    shutil.copy(BASE / "manifest.json", root / "manifest.json")
    return root


def test_listing_a_package_that_decides_what_an_entry_means_goes_alone(tmp_path: Path, fixed_time) -> None:
    """Listing y1 and y2 in one round left the entry pointing at the source; one at a time, the
    entry, left with y2 alone, is pointed at it once y1 is listed."""
    one = _two_packages_load_one_source(tmp_path / "one" / "webapp2")
    together = _two_packages_load_one_source(tmp_path / "together" / "webapp2")
    pkg = load(one)
    assert [p.fix.kind for p in _fixable(pkg, run_checks)] == ["list-package", "list-package"]
    reference = one_at_a_time(pkg, run_checks)
    save(pkg)
    pkg = load(together)
    done = fixes.fix_all(pkg, run_checks)
    save(pkg)
    assert done == reference
    assert snapshot(together) == snapshot(one)
    assert [p.entry.src_url for p in load(together).plugins] == [
        "plugins/y2/y2.plugin.package.json",
        "plugins/y1/y1.plugin.package.json",
    ]


def test_entries_pointing_to_moved_folders_are_pointed_back_in_one_round(tmp_path: Path, fixed_time) -> None:
    """Each entry was pointed at its package in a round of its own (with a check of the whole
    package after each): 3,000 renamed folders took thousands of checks, and stopped at 200."""
    root = make_package(tmp_path / "webapp2", 300, (12,))  # (slip 12: the entries' ids are the plugins' own)
    settings = json.loads((root / "settings.json").read_text())
    for k, entry in enumerate(settings["plugins"]):
        entry["id"] = f"p{k}"
        entry["srcURL"] = entry["srcURL"].replace(f"plugins/p{k}/", f"plugins/old-p{k}/")
    (root / "settings.json").write_text(json.dumps(settings, indent=4) + "\n")
    pkg = load(root)
    counted = _Counted()
    done = fixes.fix_all(pkg, counted)
    assert len(done) == 301  # and the manifest's isSettingsBranded
    assert counted.checks < 5  # it was one for each entry
    assert [p.entry.src_url for p in pkg.plugins] == [f"plugins/p{k}/rec.plugin.package.json" for k in range(300)]


def _sharing_one_id(root: Path, plugins: int, slips: tuple[int, ...] = ALL_SLIPS) -> Path:
    """:func:`make_package`, with two entries in three given one id (copies of a plugin whose
    settings.json entries were not changed)."""
    make_package(root, plugins, slips)
    settings = json.loads((root / "settings.json").read_text())
    for k, entry in enumerate(settings["plugins"]):
        if k % 3:
            entry["id"] = "same"
    (root / "settings.json").write_text(json.dumps(settings, indent=4) + "\n")
    return root


def test_copies_sharing_one_id_get_their_own_back_together_as_one_at_a_time(tmp_path: Path, fixed_time) -> None:
    """Each entry with the shared id went back to its package's id in a round of its own: the
    fix weighed every entry with that id, which every other such fix changes."""
    one = _sharing_one_id(tmp_path / "one" / "webapp2", 54)
    together = _sharing_one_id(tmp_path / "together" / "webapp2", 54)
    pkg = load(one)
    reference = one_at_a_time(pkg, run_checks)
    save(pkg)
    pkg = load(together)
    done = fixes.fix_all(pkg, run_checks)
    save(pkg)
    assert sorted(done) == sorted(reference)
    assert snapshot(together) == snapshot(one)

    # (Without slip 12, whose fix gives an entry an id another one has: each such fix goes alone.)
    pkg = load(_sharing_one_id(tmp_path / "big" / "webapp2", 340, tuple(s for s in ALL_SLIPS if s != 12)))
    counted = _Counted()
    fixes.fix_all(pkg, counted)
    assert counted.checks < 10  # it was one for each entry with the shared id
    assert _fixable(pkg, run_checks) == []


def _verbatim_copies(root: Path, copies: int, listed: bool = True) -> Path:
    """``copies`` copies of the base fixture's plugin (plugins/rec<k>/), ids unchanged; listed in
    settings.json (and the manifest there) or, ``listed`` False, neither file there."""
    (root / "plugins").mkdir(parents=True)
    for k in range(copies):
        shutil.copytree(REC, root / "plugins" / f"rec{k}")
    if listed:
        entries = [
            {"id": "rec-1.0", "srcURL": f"plugins/rec{k}/rec.plugin.package.json", "enabled": True}
            for k in range(copies)
        ]
        (root / "settings.json").write_text(json.dumps({"plugins": entries}, indent=4) + "\n")
        shutil.copy(BASE / "manifest.json", root / "manifest.json")
    return root


def _renamed_copies(copies: int, listed: bool = True) -> dict[str, bytes]:
    """The plugin files of :func:`_verbatim_copies` as renaming one copy after the other gives
    them: the first keeps its id, the next ones take rec-1-0, rec-1-0-2, rec-1-0-3... (the id
    made safe, then the first number free) in their package file and registerPlugin call. In
    the order of settings.json: the one written, else the one made, by name (rec1/, rec10/...)."""
    folders = [f"rec{k}" for k in range(copies)]
    if not listed:
        folders.sort(key=lambda name: name + "/")
    files = {}
    for k, folder in enumerate(folders):
        new = "rec-1.0" if k == 0 else "rec-1-0" if k == 1 else f"rec-1-0-{k}"
        for path in sorted(REC.iterdir()):
            files[f"plugins/{folder}/{path.name}"] = path.read_text().replace("rec-1.0", new).encode()
    return files


def _plugin_files(root: Path) -> dict[str, bytes]:
    return {name: data for name, data in snapshot(root).items() if name.startswith("plugins/")}


@pytest.mark.parametrize("listed", [True, False], ids=["listed", "no-settings-or-manifest"])
def test_verbatim_copies_of_one_plugin_get_ids_of_their_own_in_a_few_rounds(
    tmp_path: Path, fixed_time, listed: bool
) -> None:
    """300 copies of one plugin with their ids unchanged: each copy was renamed in a round of its
    own (a check of the whole package each), so --fix stopped after 200 with 99 clashes left;
    without settings.json, each clash came up alone (the new list's problems all at line 0 were
    taken for one), and settings.json and manifest.json were made in a round each."""
    pkg = load(_verbatim_copies(tmp_path / "big" / "webapp2", 300, listed))
    counted = _Counted()
    done = fixes.fix_all(pkg, counted)
    save(pkg)
    assert counted.checks <= 3
    assert len(done) == 299 + (0 if listed else 2)
    fixed = load(tmp_path / "big" / "webapp2")
    assert [p for p in run_checks(fixed) if p.severity.value == "error"] == []
    assert _plugin_files(tmp_path / "big" / "webapp2") == _renamed_copies(300, listed)
    assert [p.entry.id for p in fixed.plugins] == ["rec-1.0", "rec-1-0", *(f"rec-1-0-{k}" for k in range(2, 300))]


@pytest.mark.parametrize("listed", [True, False], ids=["listed", "no-settings-or-manifest"])
def test_verbatim_copies_fixed_together_are_what_one_at_a_time_makes_of_them(
    tmp_path: Path, fixed_time, listed: bool
) -> None:
    """The test above compares with :func:`_renamed_copies`; here, on fewer copies (one at a time
    is a check per copy), that it is what fixing one problem per round writes, byte for byte."""
    one = _verbatim_copies(tmp_path / "one" / "webapp2", 24, listed)
    together = _verbatim_copies(tmp_path / "together" / "webapp2", 24, listed)
    pkg = load(one)
    reference = one_at_a_time(pkg, run_checks)
    save(pkg)
    pkg = load(together)
    done = fixes.fix_all(pkg, run_checks)
    save(pkg)
    assert sorted(done) == sorted(reference)
    assert snapshot(together) == snapshot(one)
    assert _plugin_files(one) == _renamed_copies(24, listed)


def _listed_again(root: Path, times: int) -> Path:
    """The base fixture with its one plugin's entry in settings.json ``times`` times over."""
    shutil.copytree(BASE, root)
    settings = json.loads((root / "settings.json").read_text())
    settings["plugins"] = settings["plugins"] * times
    (root / "settings.json").write_text(json.dumps(settings, indent=4) + "\n")
    return root


def test_an_entry_listed_many_times_goes_in_one_round_as_one_at_a_time(tmp_path: Path, fixed_time) -> None:
    """Each second entry of one plugin was removed in a round of its own (300 of them: 200
    rounds and 100 left); the removals go together, the last entry first."""
    one = _listed_again(tmp_path / "one" / "webapp2", 20)
    pkg = load(one)
    reference = one_at_a_time(pkg, run_checks)
    save(pkg)
    together = _listed_again(tmp_path / "together" / "webapp2", 20)
    pkg = load(together)
    assert len(fixes.fix_all(pkg, run_checks)) == len(reference) == 19
    save(pkg)
    assert snapshot(together) == snapshot(one)

    pkg = load(_listed_again(tmp_path / "big" / "webapp2", 300))
    counted = _Counted()
    assert len(fixes.fix_all(pkg, counted)) == 299
    assert counted.checks <= 2
    assert len(pkg.plugins) == 1 and _fixable(pkg, run_checks) == []


def test_renaming_many_copies_reads_the_file_names_a_few_times_not_once_per_copy(
    tmp_path: Path, monkeypatch, fixed_time
) -> None:
    """Each copy's new id was found by reading every file name of the package again, in the
    check (once per clash) and in the fix (once per rename): 2,000 copies took 49 s to fix,
    in time growing with the square of their number. The ids found are the same."""
    from designer.core import plugins

    reads = []
    taken = plugins._taken
    monkeypatch.setattr(plugins, "_taken", lambda pkg: reads.append(1) or taken(pkg))
    pkg = load(_verbatim_copies(tmp_path / "many" / "webapp2", 120))
    done = fixes.fix_all(pkg, run_checks)
    assert len(done) == 119
    assert [p.entry.id for p in pkg.plugins] == ["rec-1.0", "rec-1-0", *(f"rec-1-0-{k}" for k in range(2, 120))]
    assert len(reads) <= 4  # (it was 2 for each copy)


def test_slips_in_the_arguments_of_many_plugins_calls_are_fixed_in_one_round(tmp_path: Path) -> None:
    """PD532's Fix names the argument it writes: "index" there was taken for a plugin's entry, so
    the fixes of a layout given as a text (argument 0) in every plugin went one a round, each round
    a check of the whole package."""
    root = make_package(tmp_path / "webapp2", 30, (7,))
    for js in root.glob("plugins/*/rec.plugin.js"):
        call = "PEX.pluginAPI.transformConferenceLayout('1:7');\n        PEX.pluginAPI.dialOut('a@b.c', 'SIP');"
        js.write_text(js.read_text().replace("sendRequest('/lock');", f"sendRequest('/lock');\n        {call}"))
    pkg = load(root)
    assert sum(p.code == "PD532" for p in _fixable(pkg, run_checks)) == 60
    counted = _Counted()
    done = fixes.fix_all(pkg, counted)
    assert len(done) == 91 and _fixable(pkg, run_checks) == []  # (and the manifest's flag)
    assert counted.checks <= 4
