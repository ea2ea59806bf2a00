"""The checks against the table of broken packages (tests/broken_cases.py), fixes and ZIPs."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest
from broken_cases import (
    CASES,
    COVERED,
    MANIFEST,
    NEGATIVE,
    PKG,
    POSITIVE,
    SETTINGS,
    SVG,
    Case,
    icon,
    make_webapp2,
    r,
    steps,
    w,
)
from conftest import EXAMPLE, FIXTURES, snapshot

from designer.core.checks import run_checks
from designer.core.files import NotAPackageError, ZipFiles
from designer.core.fixes import apply_fix, fix_all
from designer.core.model import PLATFORMS, load, save
from designer.core.problems import CODES, Problem, Severity

BOM = b"\xef\xbb\xbf"


def _ids(cases: list[Case]) -> list[str]:
    return [c.name for c in cases]


def check(path: Path) -> list[Problem]:
    pkg = load(path)
    try:
        return run_checks(pkg)
    finally:
        if isinstance(pkg.files, ZipFiles):
            pkg.files.close()


def zip_folder(webapp2: Path, dest: Path, prefix: str = "webapp2/") -> Path:
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zf:
        for rel, data in snapshot(webapp2).items():
            zf.writestr(prefix + rel, data)
    return dest


def covered(problems: list[Problem]) -> list[Problem]:
    """The problems of the codes the table is about (see broken_cases.COVERED)."""
    return [p for p in problems if p.code in COVERED]


def _key(p: Problem) -> tuple[object, ...]:
    return (p.code, p.severity, p.file, p.line, p.column, p.pointer, p.message, p.fix)


def test_the_registry_is_keyed_by_its_codes_and_cannot_be_changed() -> None:
    """Every check and the README table read the one registry; an entry changed in place (a
    severity raised by a caller) would change them all, so entries are values nothing can change."""
    assert all(code == entry.code and isinstance(entry.severity, Severity) for code, entry in CODES.items())
    entry = CODES["PD203"]
    assert (entry.severity, entry.title) == (Severity.WARNING, "settings.json id differs from the package id")
    with pytest.raises(AttributeError):
        entry.severity = Severity.ERROR  # type: ignore[misc]


# -- the table itself ------------------------------------------------------------------------
def test_table_covers_every_code_both_ways() -> None:
    assert COVERED <= set(CODES) and "PD104" in CODES  # PD104 is about the input path: see test_cli.py
    assert {c.code for c in POSITIVE} == COVERED
    assert {c.code for c in NEGATIVE} == COVERED
    assert all(c.also <= COVERED for c in CASES)
    assert len({c.name for c in CASES}) == len(CASES), "case names must be unique"


# -- clean packages --------------------------------------------------------------------------
@pytest.mark.parametrize("where", ["project", "webapp2"])
def test_base_fixture_is_clean(base_project: Path, where: str) -> None:
    path = base_project if where == "project" else base_project / "webapp2"
    assert check(path) == []


def test_example_project_is_clean(example_project: Path) -> None:
    assert check(example_project) == []
    assert check(EXAMPLE) == []


# -- each broken package ---------------------------------------------------------------------
@pytest.mark.parametrize("case", POSITIVE, ids=_ids(POSITIVE))
def test_broken_case_is_reported_where_it_is(case: Case, tmp_path: Path) -> None:
    root = make_webapp2(tmp_path, case.mutate)
    before = snapshot(root)
    problems = covered(check(root))
    assert snapshot(root) == before, "checking must not write anything"

    assert {p.code for p in problems} == {case.code} | case.also, [(p.code, p.location(), p.message) for p in problems]
    mine = [p for p in problems if p.code == case.code]
    at = [p for p in mine if p.file == case.file and p.line == case.line]
    assert at, f"{case.code} expected at {case.file}:{case.line}, got {[p.location() for p in mine]}"
    p = at[0]
    if case.column is not None:
        assert p.column == case.column, p.location()
    assert case.message in p.message
    assert p.severity is CODES[case.code].severity
    if case.line:
        assert p.location() == f"{case.file}:{case.line}:{p.column or 1}"
    else:
        assert (p.location(), p.column) == (case.file, 0)


@pytest.mark.parametrize("case", NEGATIVE, ids=_ids(NEGATIVE))
def test_near_miss_is_not_reported(case: Case, tmp_path: Path) -> None:
    problems = covered(check(make_webapp2(tmp_path, case.mutate)))
    codes = {p.code for p in problems}
    assert case.code not in codes, [p.message for p in problems if p.code == case.code]
    assert codes == set(case.also), [(p.code, p.location(), p.message) for p in problems]


@pytest.mark.parametrize("case", POSITIVE, ids=_ids(POSITIVE))
def test_messages_are_plain_sentences(case: Case, tmp_path: Path) -> None:
    for p in covered(check(make_webapp2(tmp_path, case.mutate))):
        assert p.message[-1] in ".?", p.message
        for jargon in ("None", "Expecting", "Traceback", "Errno", "JSONDecodeError", "\n"):
            assert jargon not in p.message, p.message


def test_menu_items_absent_is_only_a_note(tmp_path: Path) -> None:
    case = next(c for c in POSITIVE if c.name == "menu-items-absent")
    problems = covered(check(make_webapp2(tmp_path, case.mutate)))
    assert [(p.code, p.severity) for p in problems] == [("PD300", Severity.INFO)]


def test_problems_are_sorted_and_unique(tmp_path: Path) -> None:
    mutate = steps(
        r(SETTINGS, '"id": "rec-1.0"', '"id": "rec"'),
        r(PKG, '["chair"]', "[]"),
        r(PKG, '"icon": "rec.svg#rec"', '"icon": "missing.svg#rec"'),
        r(MANIFEST, '"isSettingsBranded": true', '"isSettingsBranded": false'),
    )
    problems = covered(check(make_webapp2(tmp_path, mutate)))
    assert [(p.code, p.location()) for p in problems] == [
        ("PD211", "manifest.json:3:26"),
        ("PD304", f"{PKG}:9:25"),
        ("PD400", f"{PKG}:13:25"),
        ("PD203", "settings.json:4:19"),
    ]


def test_svg_syntax_error_column_points_at_the_bad_character(tmp_path: Path) -> None:
    svg = '<svg xmlns="http://www.w3.org/2000/svg" id="rec">\n  <a x=1/>\n</svg>\n'  # the 1 is at 2:8
    (p,) = covered(check(make_webapp2(tmp_path, w(SVG, svg))))
    assert (p.code, p.line, p.column) == ("PD403", 2, 8)


def test_svg_closed_by_the_wrong_tag_points_at_that_tag(tmp_path: Path) -> None:
    svg = '<svg xmlns="http://www.w3.org/2000/svg" id="rec">\n  <g>\n    <circle r="3"/>\n  </svg>\n'
    (p,) = covered(check(make_webapp2(tmp_path, w(SVG, svg))))
    assert (p.code, p.location()) == ("PD403", f"{SVG}:4:3")  # the '<' of </svg>, not the column after its '>'
    assert "the <g> that starts on line 2 is not closed before </svg>; end it with '/>' or add </g>" in p.message
    assert p.message.endswith("Correct it in the icon editor's XML view.")  # (what to do, and where)


# -- one-click fixes -------------------------------------------------------------------------
# case name -> (file the fix writes, lines changed in place or None when lines are added/removed)
FIXABLE: dict[str, tuple[str, int | None]] = {
    "menu-item-is-text": (PKG, None),  # made an item of that action and label
    "package-without-id": (PKG, None),  # the id the plugin list gives it, added at the end
    "source-wrong-case": (PKG, 1),  # srcURL takes the file's spelling
    "source-accent-encoding": (PKG, 1),
    "package-duplicate-name": (PKG, None),  # the ignored first "name" line goes
    "manifest-duplicate-flag": (MANIFEST, None),
    "manifest-flag-is-text": (MANIFEST, 1),
    "settings-missing": (SETTINGS, None),
    "settings-utf16": (SETTINGS, None),  # the same text, written as UTF-8
    "package-latin1": (PKG, 1),  # read as Windows-1252 (a person says so), written as UTF-8
    "settings-wrong-case": (SETTINGS, None),
    "duplicate-id": (SETTINGS, None),
    "settings-id-differs": (SETTINGS, 1),
    "settings-id-differs-crlf-bom": (SETTINGS, 1),
    "package-file-case": (SETTINGS, 1),
    "srcURL-missing-file": (SETTINGS, 1),  # the unlisted package file with the entry's id
    "off-and-not-unloadable": (SETTINGS, 1),  # enabled: true
    "off-and-no-allow-unload": (SETTINGS, 1),  # enabled: true
    "srcURL-names-the-js": (SETTINGS, 1),  # the package file that loads that .js
    "srcURL-names-the-icon": (SETTINGS, 1),  # the only package file in that folder
    "package-folder-case": (SETTINGS, 1),
    "package-folder-accent-encoding": (SETTINGS, 1),
    "manifest-missing": (MANIFEST, None),
    "settings-branded-false": (MANIFEST, 1),
    "settings-branded-missing": (MANIFEST, None),
    "branding-id-missing": (MANIFEST, None),
    "branding-id-empty": (MANIFEST, 1),
    "branding-id-letters": (MANIFEST, 1),
    "branding-id-null": (MANIFEST, 1),
    "icon-missing": ("plugins/rec/missing.svg", None),  # made again, as a placeholder star
    "icon-file-case": (PKG, 1),
    "icon-file-accent-encoding": (PKG, 1),
    "icon-folder-case": (PKG, 1),
    "icon-id-absent": (PKG, 1),
    "icon-id-case": (PKG, 1),
    "icon-id-accent-encoding": (PKG, 1),
    "icon-svg-without-ids": (SVG, 1),
    "sprite-symbol-typo": (PKG, 1),
    "icon-without-id": (PKG, 1),
    "plugins-key-singular": (SETTINGS, 1),
    "plugins-key-capital": (SETTINGS, 1),
    "settings-trailing-comma": (SETTINGS, 1),  # the comma goes, the line stays
    "manifest-missing-comma": (MANIFEST, 1),  # the comma comes back at the end of its line
    "package-single-quotes": (PKG, 1),  # 'Record' becomes "Record"
    "roles-host-as-text": (PKG, 1),  # "host" becomes ["chair"] on its line
    "roles-capitalised": (PKG, 1),
    "roles-in-one-text": (PKG, 1),
    "platforms-web-as-text": (PKG, 1),
    "platforms-named-true-or-false": (PKG, 1),
    "platforms-in-the-forms-words": (PKG, 1),
    "platforms-a-string": (PKG, 1),  # "mobile" becomes ["ios", "android"] on its line
    "menu-items-key-lower-case": (PKG, 1),  # only the key's name changes, and the buttons come back
    "roles-key-misspelt": (PKG, 1),
    "item-label-misspelt": (PKG, 1),
    "source-is-the-package-file": (PKG, 1),  # srcURL names rec.plugin.js, the one .js beside it
    "source-is-the-icon": (PKG, 1),
    "package-without-name": (PKG, None),  # a line comes for the name
    "package-name-of-spaces": (PKG, 1),
}


def test_fixable_list_matches_the_problems_that_carry_a_fix(tmp_path: Path) -> None:
    with_fix = set()
    for i, case in enumerate(POSITIVE):
        if any(p.fix for p in covered(check(make_webapp2(tmp_path / str(i), case.mutate)))):
            with_fix.add(case.name)
    assert with_fix == set(FIXABLE)


@pytest.mark.parametrize("name", sorted(FIXABLE))
def test_fix_removes_the_problem_and_touches_nothing_else(name: str, tmp_path: Path) -> None:
    case = next(c for c in POSITIVE if c.name == name)
    expected_file, changed_lines = FIXABLE[name]
    root = make_webapp2(tmp_path, case.mutate)
    before = snapshot(root)

    pkg = load(root)
    (target,) = [p for p in covered(run_checks(pkg)) if p.fix is not None]
    assert target.fix.title
    apply_fix(pkg, target.fix)
    written = save(pkg)
    after = snapshot(root)

    assert written == [expected_file]
    assert {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)} == {expected_file}
    assert covered(check(root)) == [], "the fixed package is clean"

    old, new = before.get(expected_file), after[expected_file]
    if changed_lines is not None:
        assert old is not None
        old_lines, new_lines = old.splitlines(), new.splitlines()
        assert len(new_lines) == len(old_lines)
        assert sum(a != b for a, b in zip(old_lines, new_lines, strict=True)) == changed_lines
    if old is not None:  # the file's own style survives
        assert new.startswith(BOM) == old.startswith(BOM)
        if b"\r\n" in old:
            assert new.count(b"\n") == new.count(b"\r\n")


def test_fix_all_repairs_several_problems_in_one_go(tmp_path: Path) -> None:
    mutate = steps(
        r(SETTINGS, '"id": "rec-1.0"', '"id": "rec"'),
        r(MANIFEST, '"isSettingsBranded": true', '"isSettingsBranded": false'),
        r(PKG, '"icon": "rec.svg#rec"', '"icon": "rec.svg#REC"'),
        r(PKG, '["chair"]', "[]"),  # PD304 has no automatic fix: it stays
    )
    root = make_webapp2(tmp_path, mutate)
    before = snapshot(root)
    pkg = load(root)
    done = fix_all(pkg, lambda p: covered(run_checks(p)))
    assert len(done) == 3
    assert save(pkg) == sorted([MANIFEST, PKG, SETTINGS])
    after = snapshot(root)
    assert {k for k in before if before[k] != after[k]} == {MANIFEST, PKG, SETTINGS}
    assert [p.code for p in covered(check(root))] == ["PD304"]


def test_saving_an_unchanged_package_writes_nothing(example_project: Path) -> None:
    before = snapshot(example_project)
    assert save(load(example_project)) == []
    assert snapshot(example_project) == before


# -- the same checks on a ZIP ----------------------------------------------------------------
@pytest.mark.parametrize("case", CASES, ids=_ids(CASES))
def test_zip_reports_the_same_problems(case: Case, tmp_path: Path) -> None:
    root = make_webapp2(tmp_path, case.mutate)
    from_dir = check(root)
    from_zip = check(zip_folder(root, tmp_path / "branding.zip"))
    assert [_key(p) for p in from_zip] == [_key(p) for p in from_dir]


@pytest.mark.parametrize("prefix", ["", "webapp2/", "Acme branding/webapp2/", "export/"])
def test_zip_layouts_are_found(prefix: str, tmp_path: Path) -> None:
    case = next(c for c in POSITIVE if c.name == "icon-id-absent")
    root = make_webapp2(tmp_path, case.mutate)
    problems = covered(check(zip_folder(root, tmp_path / "b.zip", prefix)))
    assert [(p.code, p.location()) for p in problems] == [("PD402", f"{PKG}:13:25")]


def test_zip_with_other_app_folders_checks_webapp2_only(tmp_path: Path) -> None:
    root = make_webapp2(tmp_path)
    dest = zip_folder(root, tmp_path / "b.zip")
    with zipfile.ZipFile(dest, "a") as zf:
        zf.writestr("webapp3/settings.json", "{ not json")
        zf.writestr("webapp2/themes/acme/brand.css", "body {}")
    assert check(dest) == []


def test_zip_is_read_only(tmp_path: Path) -> None:
    pkg = load(zip_folder(make_webapp2(tmp_path), tmp_path / "b.zip"))
    try:
        pkg.manifest.is_settings_branded = False
        with pytest.raises(PermissionError):
            save(pkg)
    finally:
        pkg.files.close()


def test_damaged_zip_entry_is_refused_before_checking(tmp_path: Path) -> None:
    dest = zip_folder(make_webapp2(tmp_path), tmp_path / "b.zip")
    data = bytearray(dest.read_bytes())
    start = data.index(b"webapp2/settings.json")  # the first local header's file name
    data[start + 8 : start + 12] = b"\0\0\0\0"
    dest.write_bytes(bytes(data))
    with pytest.raises(NotAPackageError, match="cannot be unpacked"):
        load(dest)


# -- inputs that are not packages ------------------------------------------------------------
def test_plain_folder_is_not_a_package(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(NotAPackageError, match="not a branding package"):
        load(tmp_path)


def test_table_starts_from_the_conftest_fixture(base_project: Path, tmp_path: Path) -> None:
    assert (
        snapshot(make_webapp2(tmp_path))
        == snapshot(base_project / "webapp2")
        == snapshot(FIXTURES / "base" / "webapp2")
    )


def test_an_icon_file_nothing_uses_is_a_note(base_project: Path) -> None:
    """PD406: a leftover SVG (after picking another icon) is named; icons the code names are not."""
    from designer.core.checks import run_checks
    from designer.core.model import load

    folder = base_project / "webapp2" / "plugins" / "rec"
    spare = '<svg xmlns="http://www.w3.org/2000/svg" id="old" viewBox="0 0 24 24"><path d="M1 1h2"/></svg>\n'
    (folder / "old.svg").write_text(spare)
    (folder / "swapped.svg").write_text(spare.replace("old", "swapped"))
    source = folder / "rec.plugin.js"
    source.write_text(source.read_text() + "\n// state$.next({icon: 'swapped.svg#swapped'})\n")
    problems = [p for p in run_checks(load(base_project)) if p.code == "PD406"]
    assert [(p.file, p.severity.value) for p in problems] == [("plugins/rec/old.svg", "info")]
    assert "old.svg" in problems[0].message and "no menu item uses it" in problems[0].message


@pytest.mark.parametrize(("old", "new"), [('"menuItems"', '"menuitems"'), ('"icon"', '"Icon"')])
def test_the_icon_of_an_item_behind_a_misspelt_key_is_not_offered_for_deletion(
    base_project: Path, old: str, new: str
) -> None:
    """With 'menuitems' (or an item's 'Icon'), rec.svg was called unused and offered for deletion
    (PD406, "Delete rec.svg") beside PD312's rename: deleted first, the button came back without
    its icon. An icon nothing names is still called unused."""
    package = base_project / "webapp2" / "plugins" / "rec" / "rec.plugin.package.json"
    package.write_text(package.read_text().replace(old, new))
    (package.parent / "old.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" id="old" viewBox="0 0 24 24"/>\n')
    problems = check(base_project)
    assert "PD312" in {p.code for p in problems}
    assert [p.file for p in problems if p.code == "PD406"] == ["plugins/rec/old.svg"]


@pytest.mark.parametrize("ref", ["recc.svg#rec", "../rec.svg#rec", "/rec.svg#rec", "https://example.com/rec.svg#rec"])
def test_the_icon_a_broken_reference_means_is_not_offered_for_deletion(base_project: Path, ref: str) -> None:
    """A menu item's icon spelt 'recc.svg', or pointing out of the package: rec.svg beside it
    was called unused and offered for deletion (PD406, "Delete rec.svg"), the very file meant."""
    from designer.core.checks import run_checks
    from designer.core.model import load

    package = base_project / "webapp2" / "plugins" / "rec" / "rec.plugin.package.json"
    package.write_text(package.read_text().replace('"rec.svg#rec"', json.dumps(ref)))
    (package.parent / "old.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" id="old" viewBox="0 0 24 24"/>\n')
    problems = run_checks(load(base_project))
    assert any(p.code in ("PD400", "PD404", "PD407") and p.severity.value == "error" for p in problems), problems
    assert [p.file for p in problems if p.code == "PD406"] == ["plugins/rec/old.svg"]  # a leftover all the same
    package.write_text(package.read_text().replace(json.dumps(ref), '"rec.svg#rec"'))
    assert [p.file for p in run_checks(load(base_project)) if p.code == "PD406"] == ["plugins/rec/old.svg"]


def test_an_icon_the_export_leaves_out_is_not_called_uploaded_for_nothing(base_project: Path) -> None:
    """An SVG in a plugin's folder whose name the export refuses (a ':' or a tab: PD107 "left out
    of the export") or that it skips (hidden, __MACOSX) was also called "uploaded for nothing"
    (PD406): the two messages about the same file disagreed. Only the plain leftover is one now."""
    from designer.core.checks import run_checks
    from designer.core.model import load

    folder = base_project / "webapp2" / "plugins" / "rec"
    (folder / "__MACOSX").mkdir()
    spare = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M1 1h2"/></svg>\n'
    for name in ("a:b.svg", "tab\there.svg", ".hidden.svg", "__MACOSX/m.svg", "old.svg"):
        (folder / name).write_text(spare)
    problems = run_checks(load(base_project))
    assert sorted(p.file for p in problems if p.code == "PD107") == ["plugins/rec/a:b.svg", "plugins/rec/tab\there.svg"]
    assert [p.file for p in problems if p.code == "PD406"] == ["plugins/rec/old.svg"]


def test_a_check_that_reports_an_unused_icon_loads_neither_the_export_nor_zipfile(base_project: Path) -> None:
    """Asking whether a spare icon is uploaded at all (PD406) loaded the export module and with it
    zipfile, tempfile, shutil, bz2 and lzma: 7 ms of a 70 ms `check`. The names' rules now live
    in a module of their own."""
    import subprocess
    import sys

    from conftest import ROOT

    spare = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M1 1h2"/></svg>\n'
    (base_project / "webapp2" / "plugins" / "rec" / "old.svg").write_text(spare)
    code = (
        "import sys\n"
        "from designer.core.checks import run_checks\n"
        "from designer.core.model import load\n"
        f"problems = run_checks(load({str(base_project)!r}))\n"
        "print([p.code for p in problems if p.code == 'PD406'])\n"
        "print(sorted(m for m in ('designer.core.export', 'designer.core.archive', 'zipfile') if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT)},
    ).stdout.splitlines()
    assert out == ["['PD406']", "[]"]


def test_an_unused_icon_is_deleted_by_its_fix_but_never_by_check_fix(base_project: Path) -> None:
    """PD406 had no fix, so a leftover took an editor to remove; `check --fix` must still leave
    it, since an unused file may be kept on purpose."""
    import subprocess
    import sys

    from designer.core.checks import run_checks
    from designer.core.model import load, save

    folder = base_project / "webapp2" / "plugins" / "rec"
    (folder / "old.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" id="old" viewBox="0 0 24 24"/>\n')
    out = subprocess.run(
        [sys.executable, "-m", "designer", "check", "--fix", str(base_project)],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert (folder / "old.svg").exists(), out.stdout + out.stderr
    pkg = load(base_project)
    (problem,) = [p for p in run_checks(pkg) if p.code == "PD406"]
    assert problem.fix is not None and problem.fix.title == "Delete old.svg" and not problem.fix.batch
    apply_fix(pkg, problem.fix)
    save(pkg)
    assert not (folder / "old.svg").exists()
    assert [p for p in run_checks(load(base_project)) if p.code == "PD406"] == []


def test_icon_files_below_a_plugin_folder_are_its_own_and_a_like_named_folder_is_not(base_project: Path) -> None:
    """PD406 and the safety scan of unnamed icons look at the plugin's folder and the folders in it,
    never at a folder whose name only starts the same (plugins/rec-old beside plugins/rec)."""
    from designer.core.checks import run_checks
    from designer.core.model import load

    web = base_project / "webapp2"
    spare = '<svg xmlns="http://www.w3.org/2000/svg" id="old" viewBox="0 0 24 24"><path d="M1 1h2"/></svg>\n'
    (web / "plugins" / "rec" / "assets" / "old").mkdir(parents=True)
    (web / "plugins" / "rec" / "assets" / "old" / "old.svg").write_text(spare)
    (web / "plugins" / "rec" / "assets" / "bad.SVG").write_text(
        spare.replace("<path", "<script>alert(1)</script><path")
    )
    (web / "plugins" / "rec-old").mkdir()
    (web / "plugins" / "rec-old" / "bad.svg").write_text(spare.replace("<path", "<script>alert(1)</script><path"))
    found = [(p.code, p.file, p.plugin) for p in run_checks(load(base_project)) if p.code in ("PD406", "PD412")]
    assert found == [
        ("PD406", "plugins/rec/assets/bad.SVG", "rec-1.0"),
        ("PD412", "plugins/rec/assets/bad.SVG", "rec-1.0"),
        ("PD406", "plugins/rec/assets/old/old.svg", "rec-1.0"),
    ]


@pytest.mark.parametrize(
    ("edit", "code"),
    [
        (lambda p: setattr(p.package, "platforms", []), "PD303"),
        (lambda p: setattr(p.package, "participant_roles", []), "PD304"),
        (lambda p: setattr(p.package, "src_url", "recorder.plugin.js"), "PD305"),
    ],
)
def test_checks_see_edits_before_they_are_saved(base_project: Path, edit, code: str) -> None:
    """The forms change the model, not the disk: the checks (and so the export's error gate)
    must judge the package as edited, not as it was read."""
    pkg = load(base_project)
    assert code not in {p.code for p in run_checks(pkg)}
    edit(pkg.plugins[0])
    assert code in {p.code for p in run_checks(pkg)}
    save(pkg)
    assert code in {p.code for p in run_checks(load(base_project))}  # and the same once saved


def test_the_source_checks_follow_an_edited_source_file(base_project: Path) -> None:
    pkg = load(base_project)
    plugin = pkg.plugins[0]
    assert plugin.source_path == "plugins/rec/rec.plugin.js"
    pkg.pending_texts["plugins/rec/other.plugin.js"] = "console.log('no wrapper, no registerPlugin');\n"
    plugin.package.src_url = "other.plugin.js"
    assert plugin.source_path == "plugins/rec/other.plugin.js"
    found = {p.code: p for p in run_checks(pkg)}
    assert "PD305" not in found
    assert found["PD502"].file == "plugins/rec/other.plugin.js"  # no registerPlugin call: in the new file


def test_a_folder_called_settings_json_is_said_and_not_offered_a_fix_that_cannot_work(base_project: Path) -> None:
    root = base_project / "webapp2"
    (root / "settings.json").unlink()
    (root / "settings.json").mkdir()
    (found,) = [p for p in run_checks(load(base_project)) if p.code == "PD200"]
    assert "is a folder" in found.message and found.fix is None


def test_a_misspelt_src_url_points_at_the_file_it_means_instead_of_listing_it_twice(example_project: Path) -> None:
    """The unlisted package file has the entry's id: the fix points the entry there ("List it"
    made a second 'meeting-info' entry, PD202)."""
    settings = example_project / "webapp2" / "settings.json"
    settings.write_text(
        settings.read_text().replace("meeting-info/meeting-info.plugin", "meeting-info/meting-info.plugin")
    )
    pkg = load(example_project)
    found = {p.code: p for p in run_checks(pkg)}
    assert found["PD201"].fix is not None and found["PD201"].fix.kind == "set-settings-src"
    assert found["PD205"].fix is not None and found["PD205"].fix.kind == "set-settings-src"
    apply_fix(pkg, found["PD205"].fix)
    assert [p.code for p in run_checks(pkg)] == []
    assert [p.entry.id for p in pkg.plugins] == ["lock-toggle", "meeting-info", "raise-hand-helper"]


def test_an_accent_spelled_the_other_way_is_one_problem_with_a_fix_that_says_so(tmp_path: Path) -> None:
    """The file looked unused (PD406) and missing at once, and the fix read "Use 'réc.svg#rec'" for
    a reference that already read 'réc.svg#rec'."""
    case = next(c for c in POSITIVE if c.name == "icon-file-accent-encoding")
    problems = check(make_webapp2(tmp_path, case.mutate))
    assert [p.code for p in problems] == ["PD401"]
    assert problems[0].fix.title == "Use the file's spelling"


def test_an_id_with_an_accent_is_a_valid_name(tmp_path: Path) -> None:
    """A combining accent (an id typed on macOS, a Hindi vowel sign) was called not a valid name (PD422)."""
    for i, name in enumerate(["re\u0301c", "\u0928\u092e\u0938\u094d\u0924\u0947"]):
        root = make_webapp2(
            tmp_path / str(i),
            steps(r("plugins/rec/rec.svg", 'id="rec"', f'id="{name}"'), icon(f"rec.svg#{name}")),
        )
        assert [p.code for p in check(root)] == []


def test_entries_pointing_to_moved_folders_read_each_unlisted_package_once(tmp_path: Path, monkeypatch) -> None:
    """For each entry whose srcURL finds nothing, the check read and parsed every package file
    settings.json does not list, to find the one meant: a settings.json pointing to hundreds of
    renamed folders took time in the square of their number (600: 15 seconds)."""
    import json
    import shutil
    from collections import Counter

    from designer.core.model import BrandingPackage

    root = make_webapp2(tmp_path)
    rec = root / "plugins" / "rec"
    entries = []
    for k in range(150):
        folder = root / "plugins" / f"p{k}"
        shutil.copytree(rec, folder)
        package = folder / "rec.plugin.package.json"
        package.write_text(package.read_text().replace('"rec-1.0"', f'"p{k}"'))
        entries.append({"id": f"p{k}", "srcURL": f"plugins/old-p{k}/rec.plugin.package.json", "enabled": True})
    shutil.rmtree(rec)
    (root / SETTINGS).write_text(json.dumps({"plugins": entries}, indent=4))
    pkg = load(root)
    reads: Counter[str] = Counter()
    real = BrandingPackage.read_text
    monkeypatch.setattr(BrandingPackage, "read_text", lambda self, rel: reads.update([rel]) or real(self, rel))
    problems = run_checks(pkg)
    meant = [p.fix.args["value"] for p in problems if p.code == "PD201" and p.fix is not None]
    assert meant == [f"plugins/p{k}/rec.plugin.package.json" for k in range(150)]  # each its own, by its id
    assert max(reads.values()) <= 2  # it was twice for each entry


def test_an_entry_whose_file_differs_only_in_case_is_not_pointed_at_another_plugin(tmp_path: Path) -> None:
    """An entry whose package file is there in other letter case (PD204) was also taken for the
    entry an unlisted package of another plugin was meant for: PD205 offered to point it there,
    and check --fix did (that plugin replaced this one, whose own package was then unlisted)."""
    import shutil

    root = make_webapp2(tmp_path)
    shutil.copytree(root / "plugins" / "rec", root / "plugins" / "rec2")
    other = root / "plugins" / "rec2" / "rec.plugin.package.json"
    other.write_text(other.read_text().replace('"rec-1.0"', '"rec2"'))
    settings = root / SETTINGS
    settings.write_text(settings.read_text().replace("plugins/rec/rec.plugin", "plugins/rec/REC.plugin"))
    pkg = load(root)
    fixes = {(p.code, p.file): p.fix.kind for p in run_checks(pkg) if p.fix is not None}
    assert fixes[("PD204", SETTINGS)] == "set-settings-src"
    assert fixes[("PD205", "plugins/rec2/rec.plugin.package.json")] == "list-package"
    fix_all(pkg, run_checks)
    save(pkg)
    assert [(p.entry.id, p.entry.src_url) for p in load(root).plugins] == [
        ("rec-1.0", "plugins/rec/rec.plugin.package.json"),
        ("rec2", "plugins/rec2/rec.plugin.package.json"),
    ]


def test_many_copies_of_one_entry_id_are_checked_without_going_through_every_entry_for_each(
    tmp_path: Path,
) -> None:
    """Each entry whose id another entry has went through all the entries two or three times
    (the ids taken, the other holders, the first one): 3,000 copies of a plugin whose entries
    kept one id took time in the square of their number. The fix offered stays its own id."""
    import json
    import shutil

    root = make_webapp2(tmp_path)
    rec = root / "plugins" / "rec"
    entries = []
    for k in range(400):
        folder = root / "plugins" / f"p{k}"
        shutil.copytree(rec, folder)
        package = folder / "rec.plugin.package.json"
        package.write_text(package.read_text().replace('"rec-1.0"', f'"p{k}"'))
        entries.append({"id": "same", "srcURL": f"plugins/p{k}/rec.plugin.package.json", "enabled": True})
    shutil.rmtree(rec)
    (root / SETTINGS).write_text(json.dumps({"plugins": entries}, indent=4))
    pkg = load(root)

    class CountedList(list):
        walks = 0

        def __iter__(self):  # type: ignore[no-untyped-def]
            CountedList.walks += 1
            return super().__iter__()

    pkg.plugins = CountedList(pkg.plugins)
    problems = [p for p in run_checks(pkg) if p.code == "PD202"]
    assert [(p.fix.kind, p.fix.args) for p in problems] == [
        ("set-settings-id", {"index": k, "value": f"p{k}"}) for k in range(1, 400)
    ]
    assert CountedList.walks < 100  # it was over 1,000


def _fix_strict(project: Path) -> None:
    """``plugin-designer check --fix --strict`` on ``project``, as a user runs it; it must end clean."""
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-m", "designer", "check", "--fix", "--strict", str(project)],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert out.returncode == 0, out.stdout + out.stderr


@pytest.mark.parametrize("written", [True, False])
def test_a_package_file_without_an_id_is_given_the_plugin_lists_one_by_check_fix(
    base_project: Path, written: bool
) -> None:
    """An empty or missing id in a package file: PD102 says what it breaks in plain words, and its
    fix takes the id the plugin list (settings.json) still gives the plugin, changing nothing else.

    Why: the schema's words ("'id' is empty", "'id' is missing from the file") said what, not what
    to do, and there was no fix, although the list nearly always still has the id the file lost."""
    path = base_project / "webapp2" / "plugins" / "rec" / "rec.plugin.package.json"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace('"id": "rec-1.0"', '"id": ""') if written else text.replace('    "id": "rec-1.0",\n', "")
    )
    before = snapshot(base_project)
    (problem,) = run_checks(load(base_project))
    assert problem.code == "PD102" and problem.file == "plugins/rec/rec.plugin.package.json"
    assert problem.message.startswith("The package file of 'Record' has " + ("an empty id." if written else "no id."))
    assert problem.line == (2 if written else 1)
    assert problem.fix is not None and problem.fix.title == "Use the plugin list's id 'rec-1.0' in the package file"
    _fix_strict(base_project)
    after = snapshot(base_project)
    rel = "webapp2/plugins/rec/rec.plugin.package.json"
    assert {k: v for k, v in after.items() if k != rel} == {k: v for k, v in before.items() if k != rel}
    fixed = json.loads(after[rel])
    assert fixed["id"] == "rec-1.0" and {k: v for k, v in fixed.items() if k != "id"} == {
        k: v for k, v in json.loads(text).items() if k != "id"
    }
    if written:
        assert after[rel].decode("utf-8") == text


def test_a_package_id_that_alone_differs_is_the_one_the_fixes_change(base_project: Path) -> None:
    """The package file says 'REC-1.0' while the plugin list and registerPlugin agree on 'rec-1.0':
    PD203's and PD504's fixes gave the list and the code the package file's slip (two files
    changed), where one edit of the package file puts all three in step."""
    path = base_project / "webapp2" / "plugins" / "rec" / "rec.plugin.package.json"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"id": "rec-1.0"', '"id": "REC-1.0"'))
    before = snapshot(base_project)
    found = {p.code: p for p in run_checks(load(base_project))}
    assert set(found) == {"PD203", "PD504"}
    assert found["PD203"].message.endswith("Its code (registerPlugin) says 'rec-1.0' too.")
    for problem in found.values():
        assert problem.fix is not None and problem.fix.title == "Use the plugin list's id 'rec-1.0' in the package file"
    _fix_strict(base_project)
    after = snapshot(base_project)
    assert {k for k in after if after[k] != before[k]} == {"webapp2/plugins/rec/rec.plugin.package.json"}
    assert path.read_text(encoding="utf-8") == text


def test_a_missing_file_spelt_nearly_as_one_beside_it_is_offered_that_one(base_project: Path) -> None:
    """An icon 'recs.svg' beside 'rec.svg', a source 'rec.plugin.jss' beside 'rec.plugin.js': PD400
    offered only to draw a star in a new file, and PD305 no fix at all. Each now names the file
    beside it and its fix points the reference there; two files alike leave the choice to the user."""
    web = base_project / "webapp2" / "plugins" / "rec"
    path = web / "rec.plugin.package.json"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"rec.svg#rec"', '"recs.svg#rec"').replace('"rec.plugin.js"', '"rec.plugin.jss"'))
    pkg = load(base_project)
    found = {p.code: p for p in run_checks(pkg)}
    assert set(found) == {"PD400", "PD305"}  # (no PD406 "Delete rec.svg": the file the typo means)
    assert found["PD400"].message.endswith("A file named 'rec.svg' is in the same folder: probably the one meant.")
    assert found["PD305"].message.endswith(
        "A file named 'rec.plugin.js' is in the same folder: probably the one meant."
    )
    assert found["PD400"].fix.title == "Use 'rec.svg'" and found["PD305"].fix.title == "Use 'rec.plugin.js'"
    apply_fix(pkg, found["PD400"].fix)
    apply_fix(pkg, found["PD305"].fix)
    save(pkg)
    assert path.read_text(encoding="utf-8") == text
    assert run_checks(load(base_project)) == []
    # Two files spelt nearly alike: no guess (the star, as before; the source: no fix).
    (web / "rect.svg").write_bytes((web / "rec.svg").read_bytes())
    (web / "rec_plugin.js").write_text("")
    path.write_text(text.replace('"rec.svg#rec"', '"recs.svg#rec"').replace('"rec.plugin.js"', '"rec.plugin.jsx"'))
    found = {p.code: p for p in run_checks(load(base_project))}
    assert found["PD400"].fix.kind == "create-icon-file" and "same folder" not in found["PD400"].message
    assert found["PD305"].fix is None, found["PD305"].fix


def test_a_source_that_is_no_javascript_is_said_once_not_as_a_missing_registration(tmp_path: Path) -> None:
    """srcURL copied from settings.json names the package file itself: PD313 says so and points
    at the .js; the source checks stay out of it ("never calls registerPlugin" named no way out)."""
    root = make_webapp2(tmp_path, r(PKG, '"rec.plugin.js"', '"rec.plugin.package.json"'))
    found = check(root)
    assert [(p.code, p.file, p.line) for p in found] == [("PD313", PKG, 6)]
    assert found[0].fix is not None and found[0].fix.args["value"] == "rec.plugin.js"


MENU = """    "menuItems": {
        "toolbar": [
            {
                "icon": "rec.svg#rec",
                "label": "Record",
                "action": "record"
            }
        ]
    }"""


@pytest.mark.parametrize(
    ("extra", "said", "fix"),
    [
        # the same as the right key: removing it loses nothing, so it is offered
        (MENU.replace("menuItems", "menuitems"), "'menuitems' (1 menu item) is ignored", "Remove 'menuitems'"),
        # other items: only the person knows which they want; a rename would clash with menuItems
        (
            MENU.replace("menuItems", "menuitems").replace('"record"', '"stop"').replace("}\n        ]", "},{}]"),
            "2 menu items under 'menuitems' are ignored",
            None,
        ),
    ],
)
def test_a_misspelt_key_beside_the_right_one_says_what_is_ignored_and_never_offers_a_clash(
    base_project: Path, extra: str, said: str, fix: str | None
) -> None:
    """'menuitems' beside 'menuItems': the app reads 'menuItems' and silently ignores the other.
    It was not reported at all; a rename to 'menuItems' would have written the key twice."""
    package = base_project / "webapp2" / PKG
    package.write_text(package.read_text().replace("\n    }\n}", "\n    },\n" + extra + "\n}"))
    problems = [p for p in check(base_project) if p.code in ("PD312", "PD300")]
    assert [p.code for p in problems] == ["PD312"]
    assert said in problems[0].message and "'menuItems' only" in problems[0].message
    assert (problems[0].fix.title if problems[0].fix else None) == fix
    if fix is not None:
        pkg = load(base_project)
        apply_fix(pkg, next(p.fix for p in run_checks(pkg) if p.code == "PD312"))
        assert save(pkg) == [PKG]
        assert "menuitems" not in package.read_text() and [p for p in check(base_project) if p.code == "PD312"] == []


def test_an_items_label_in_two_letter_cases_says_which_text_is_ignored(base_project: Path) -> None:
    package = base_project / "webapp2" / PKG
    package.write_text(package.read_text().replace('"label": "Record",', '"label": "Record", "Label": "Rec",'))
    (problem,) = [p for p in check(base_project) if p.code == "PD312"]
    assert "Menu item 1 of 'Record' has both 'label' and 'Label'" in problem.message
    assert "'Label' (the text 'Rec') is ignored" in problem.message and problem.fix is None
    assert (problem.line, problem.column) == (14, 36)


def test_the_source_fix_never_picks_the_js_of_another_plugin_in_the_same_folder(base_project: Path) -> None:
    """Two plugins in one folder, the second's srcURL naming its package file: PD313's Fix
    offered rec.plugin.js, the first plugin's code. Only a .js no other plugin uses is offered."""
    folder = base_project / "webapp2" / "plugins" / "rec"
    settings = base_project / "webapp2" / "settings.json"
    data = json.loads(settings.read_text())
    data["plugins"].append({"id": "stop-1.0", "srcURL": "plugins/rec/stop.plugin.package.json", "enabled": True})
    settings.write_text(json.dumps(data, indent=4))
    package = (folder / "rec.plugin.package.json").read_text()
    package = package.replace('"rec-1.0"', '"stop-1.0"').replace('"Record"', '"Stop"')
    (folder / "stop.plugin.package.json").write_text(package.replace('"rec.plugin.js"', '"stop.plugin.package.json"'))

    (problem,) = [p for p in check(base_project) if p.code == "PD313"]
    assert problem.file == "plugins/rec/stop.plugin.package.json"
    assert problem.fix is None and "rec.plugin.js" not in problem.message  # the .js there is Record's

    (folder / "stop.plugin.js").write_text((folder / "rec.plugin.js").read_text().replace("rec-1.0", "stop-1.0"))
    (problem,) = [p for p in check(base_project) if p.code == "PD313"]
    assert problem.fix is not None and problem.fix.args["value"] == "stop.plugin.js"
    assert "'stop.plugin.js' is in the same folder" in problem.message


@pytest.mark.parametrize("written", ["Enabled", "enable", "enabeld"])
def test_a_misspelt_enabled_in_the_plugin_list_is_said_and_fixed_in_place(base_project: Path, written: str) -> None:
    """An entry of settings.json with '"Enabled": false' (or 'enable') passed check without a word,
    while the app reads only 'enabled': the plugin the administrator meant to start switched off
    started on, and the export's checklist said "Enabled by default" of it."""
    settings = base_project / "webapp2" / "settings.json"
    text = settings.read_text().replace('"enabled": true', f'"{written}": false')
    settings.write_text(text)
    (found,) = [p for p in check(base_project) if p.code == "PD216"]
    assert (found.file, found.line, found.column) == ("settings.json", 6, 13)
    assert f"'{written}', which the app does not read: it reads 'enabled'" in found.message
    assert found.severity is CODES["PD216"].severity is Severity.WARNING
    assert found.fix is not None and found.fix.batch
    pkg = load(base_project)
    apply_fix(pkg, next(p for p in run_checks(pkg) if p.code == "PD216").fix)
    save(pkg)
    assert settings.read_text() == text.replace(f'"{written}": false', '"enabled": false')
    assert [p.code for p in check(base_project)] == []
    # Beside 'enabled' itself, or a key of one's own ('enabledBy'), nothing is said.
    settings.write_text(text.replace(f'"{written}": false', '"enabled": true, "enabledBy": "admin"'))
    assert [p.code for p in check(base_project)] == []


@pytest.mark.parametrize("src", ["rec.js", "src/rec.js", "../../../outside.js"], ids=["typo", "missing", "outside"])
def test_icons_are_not_called_unused_while_the_source_cannot_be_read(base_project: Path, src: str) -> None:
    """A source file named with a typo (or not there, or outside the package) made every icon the
    source swaps in "not named by its code; delete it if it is a leftover" (PD406, with a Delete
    button in the window): the code was never read, and fixing the typo needed those icons."""
    plugin = base_project / "webapp2" / "plugins" / "rec"
    shutil.copy(plugin / "rec.svg", plugin / "rec-on.svg")
    source = plugin / "rec.plugin.js"
    source.write_text(
        source.read_text().replace("function record() {", "function record() {\n    var on = 'rec-on.svg#rec';")
    )
    assert [p.code for p in check(base_project)] == []
    package = plugin / "rec.plugin.package.json"
    package.write_text(package.read_text().replace('"rec.plugin.js"', json.dumps(src)))
    assert "PD406" not in [p.code for p in check(base_project)]


@pytest.mark.parametrize(
    ("root", "said"),
    [
        ('<svg id="rec" viewBox="0 0 24 24">', 'has no xmlns="http://www.w3.org/2000/svg"'),
        ('<svg xmlns="http://www.w3.org/2000/svg/" id="rec" viewBox="0 0 24 24">', "http://www.w3.org/2000/svg/"),
    ],
)
def test_an_svg_outside_the_svg_namespace_is_not_an_icon(tmp_path: Path, root: str, said: str) -> None:
    """A hand-written <svg> without its xmlns (or with a mistyped one) is XML to a browser, which
    draws nothing of it; the checks passed it, and the designer's own views drew it."""
    svg = f'<?xml version="1.0"?>\n{root}\n  <circle cx="12" cy="12" r="6"/>\n</svg>\n'
    (p,) = covered(check(make_webapp2(tmp_path, w(SVG, svg))))
    assert (p.code, p.location()) == ("PD403", f"{SVG}:2:1")
    assert said in p.message and "draw nothing" in p.message


def test_an_icon_another_plugin_of_the_folder_uses_is_not_called_unused(tmp_path: Path) -> None:
    """Two plugins in one folder: one.svg, the icon of One's button, was "in the folder of 'Two',
    but no menu item uses it" (PD406), with a Delete button that took One's icon away."""
    from test_plugins import _two_plugins_in_one_folder

    from designer.core.model import load

    project = _two_plugins_in_one_folder(tmp_path / "project")
    assert run_checks(load(project)) == []
    unused = project / "webapp2" / "plugins" / "suite" / "unused.svg"
    unused.write_text('<svg xmlns="http://www.w3.org/2000/svg" id="u" viewBox="0 0 24 24"/>\n')
    # ... and said once, not once from each plugin's side (two notes read as two files)
    assert [(p.code, p.file) for p in run_checks(load(project))] == [("PD406", "plugins/suite/unused.svg")]


def test_a_registered_name_no_item_uses_and_the_file_never_makes_is_an_error(base_project: Path) -> None:
    """``onClick: onClick`` left in registerPlugin (the register snippet's own action, typed into a
    plugin whose item runs another function) was only a note, "no menu item uses it"; but reading
    ``onClick`` as registerPlugin's object is built throws, and the plugin failed as the app loaded it."""
    js = base_project / "webapp2/plugins/rec/rec.plugin.js"
    js.write_text(js.read_text().replace("record: record\n", "record: record,\n        onClick: onClick\n"))
    said = [(p.code, p.severity, p.line) for p in check(base_project)]
    assert said == [("PD506", Severity.ERROR, 12)]
    (problem,) = check(base_project)
    assert "'onClick', which is not defined anywhere in this file" in problem.message
    assert "as the app loads it, before any click" in problem.message
    # A name the file does make, used by no item, stays a note: it does no harm.
    js.write_text(js.read_text().replace("onClick: onClick", "onClick: record"))
    assert [(p.code, p.severity) for p in check(base_project)] == [("PD507", Severity.INFO)]


def test_a_brandingid_that_is_no_number_has_a_fix(example_project: Path) -> None:
    """manifest.json's brandingID "abc" was an error with no Fix, in a file the designer shows
    read-only: nothing in the window could mend it. Its Fix sets a new upload number, as PD212's."""
    from designer.core.fixes import apply_fix
    from designer.core.model import load

    (example_project / "webapp2" / "manifest.json").write_text('{"brandingID": "abc", "isSettingsBranded": true}\n')
    pkg = load(example_project)
    problem = next(p for p in run_checks(pkg) if p.code == "PD102")
    assert problem.pointer == "/brandingID" and problem.fix is not None
    assert problem.fix.title == "Set a new upload number"
    apply_fix(pkg, problem.fix)
    assert str(pkg.manifest.branding_id).isdigit()
    assert [p for p in run_checks(pkg) if p.code == "PD102"] == []


def test_a_menu_item_label_written_as_a_number_is_said_plainly_and_its_fix_writes_it_as_text(tmp_path: Path) -> None:
    """``"label": 42`` was said in the schema's words ("'label' should be text in double quotes or
    null, but it is a number") with no way out. The message names the item and the number, and
    its Fix writes the same words as text ("42"), the rest of the file as it was."""
    root = tmp_path / "p"
    shutil.copytree(FIXTURES / "base", root)
    rel = "plugins/rec/rec.plugin.package.json"
    path = root / "webapp2" / rel
    path.write_text(path.read_text().replace('"label": "Record"', '"label": 42'))
    pkg = load(root)
    [problem] = [p for p in run_checks(pkg) if p.code == "PD102"]
    assert "Menu item 1 of 'Record'" in problem.message and "the number 42" in problem.message, problem.message
    assert (problem.line, problem.column, problem.fix is not None) == (14, 26, True)
    assert apply_fix(pkg, problem.fix) == "Write the label of menu item 1 of 'Record' as text: \"42\""
    save(pkg)
    assert path.read_text() == (FIXTURES / "base/webapp2" / rel).read_text().replace(
        '"label": "Record"', '"label": "42"'
    )
    assert [p.code for p in run_checks(load(root))] == []


def test_a_plugin_without_a_name_is_named_after_its_id_by_the_fix(tmp_path: Path) -> None:
    """A package file with no name checked clean, though the app's Settings ▸ Plugins then shows
    the plugin's switch with nothing beside it. PD314 says so; its fix names it after its id."""
    root = tmp_path / "p"
    shutil.copytree(FIXTURES / "base", root)
    path = root / "webapp2/plugins/rec/rec.plugin.package.json"
    path.write_text(path.read_text().replace('"name": "Record"', '"name": ""'))
    pkg = load(root)
    [problem] = [p for p in run_checks(pkg) if p.code == "PD314"]
    assert problem.severity is Severity.WARNING and "Settings ▸ Plugins" in problem.message, problem.message
    assert apply_fix(pkg, problem.fix) == "Name the plugin 'rec-1.0' 'Rec'"
    save(pkg)
    assert '"name": "Rec",' in path.read_text()
    assert [p.code for p in run_checks(load(root))] == []


def test_no_example_or_new_project_plugin_is_said_to_have_no_name(tmp_path: Path) -> None:
    """PD314 on a plugin of the shipped example, the tests' base or a new project is a false alarm."""
    from designer.core.newproject import create_project

    for root in (EXAMPLE, FIXTURES / "base", create_project(tmp_path / "new", "My branding")):
        assert "PD314" not in [p.code for p in run_checks(load(root))], root


def test_a_plugin_name_written_as_a_number_is_said_plainly_and_its_fix_writes_it_as_text(tmp_path: Path) -> None:
    """``"name": 7`` was said in the schema's words with no way out, and the form's Name was empty
    (the plugin was called by its id). The message says what the file holds and its Fix writes "7"."""
    root = tmp_path / "p"
    shutil.copytree(FIXTURES / "base", root)
    path = root / "webapp2/plugins/rec/rec.plugin.package.json"
    path.write_text(path.read_text().replace('"name": "Record"', '"name": 7'))
    pkg = load(root)
    assert pkg.plugins[0].package.name == "7"
    [problem] = [p for p in run_checks(pkg) if p.code in ("PD102", "PD314")]
    assert problem.code == "PD102" and "the number 7 as its name" in problem.message, problem.message
    assert (problem.line, problem.column, problem.fix is not None) == (3, 13, True)
    apply_fix(pkg, problem.fix)
    save(pkg)
    assert '"name": "7",' in path.read_text()
    assert [p.code for p in run_checks(load(root))] == []


def test_a_menu_item_label_written_as_true_is_said_plainly_and_its_fix_writes_it_as_text(tmp_path: Path) -> None:
    """``"label": true`` was said in the schema's words with no Fix (a number had one), and the form
    showed the label as "set by the plugin while it runs", which the file does not say. The
    message names the item and what it holds, the form shows "true", and the Fix writes it as text."""
    root = tmp_path / "p"
    shutil.copytree(FIXTURES / "base", root)
    rel = "plugins/rec/rec.plugin.package.json"
    path = root / "webapp2" / rel
    path.write_text(path.read_text().replace('"label": "Record"', '"label": true'))
    pkg = load(root)
    assert pkg.plugins[0].package.menu_items["toolbar"][0].label == "true"
    [problem] = [p for p in run_checks(pkg) if p.code == "PD102"]
    assert "Menu item 1 of 'Record' has true as its label, not text" in problem.message, problem.message
    assert (problem.line, problem.column, problem.fix is not None) == (14, 26, True)
    assert problem.fix.title == 'Write "true"'
    apply_fix(pkg, problem.fix)
    save(pkg)
    assert path.read_text() == (FIXTURES / "base/webapp2" / rel).read_text().replace(
        '"label": "Record"', '"label": "true"'
    )
    assert [p.code for p in run_checks(load(root))] == []


def test_a_menu_item_icon_that_is_no_text_says_what_a_reference_is_and_offers_the_plugins_icon(
    tmp_path: Path,
) -> None:
    """``"icon": 5`` was said in the schema's words ("'icon' should be text ...") with no Fix, beside
    PD309 ("has no icon ... Choose an icon") for the same cause and PD406 offering to delete the
    very icon the item needs. One problem says what a reference looks like; its Fix uses the
    plugin's first icon."""
    root = tmp_path / "p"
    shutil.copytree(FIXTURES / "base", root)
    rel = "plugins/rec/rec.plugin.package.json"
    path = root / "webapp2" / rel
    path.write_text(path.read_text().replace('"icon": "rec.svg#rec"', '"icon": 5'))
    pkg = load(root)
    [problem] = run_checks(pkg)
    assert problem.code == "PD102" and problem.pointer == "/menuItems/toolbar/0/icon"
    assert "Menu item 1 of 'Record' has the number 5 as its icon" in problem.message, problem.message
    assert "'file.svg#id'" in problem.message and "rec.svg#rec" in problem.message, problem.message
    assert problem.fix is not None and problem.fix.title == "Use 'rec.svg#rec'"
    apply_fix(pkg, problem.fix)
    save(pkg)
    assert path.read_text() == (FIXTURES / "base/webapp2" / rel).read_text()
    assert [p.code for p in run_checks(load(root))] == []


def test_a_menu_item_icon_that_is_no_text_in_a_plugin_without_icons_has_no_fix(tmp_path: Path) -> None:
    """With no icon in the plugin's folder there is none to offer: the message still says what a
    reference looks like, and no Fix names a file that is not there."""
    root = tmp_path / "p"
    shutil.copytree(FIXTURES / "base", root)
    path = root / "webapp2/plugins/rec/rec.plugin.package.json"
    path.write_text(path.read_text().replace('"icon": "rec.svg#rec"', '"icon": ["rec.svg#rec"]'))
    (root / "webapp2/plugins/rec/rec.svg").unlink()
    [problem] = [p for p in run_checks(load(root)) if p.pointer == "/menuItems/toolbar/0/icon"]
    assert problem.code == "PD102" and "'file.svg#id'" in problem.message and problem.fix is None, problem


def test_a_menu_item_written_as_text_is_one_problem_whose_fix_makes_it_an_item(tmp_path: Path) -> None:
    """``"toolbar": ["record"]`` (an item written as the name of its action) was said four times:
    PD102 in the schema's words, PD306 "has no action", PD309 "has no icon" and PD406 offering to
    delete the icon, with no Fix. One PD102 says how an item is written, and its Fix makes the text
    an item of that action, with that label and the plugin's icon."""
    root = tmp_path / "p"
    shutil.copytree(FIXTURES / "base", root)
    rel = "plugins/rec/rec.plugin.package.json"
    path = root / "webapp2" / rel
    written = '{\n                "icon": "rec.svg#rec",\n                "label": "Record",\n                "action": "record"\n            }'
    assert written in path.read_text()
    path.write_text(path.read_text().replace(written, '"record"'))
    pkg = load(root)
    problems = [p for p in run_checks(pkg) if p.pointer.startswith("/menuItems") or p.code == "PD406"]
    assert [p.code for p in problems] == ["PD102"], problems
    [problem] = problems
    assert "Menu item 1 of 'Record' is the text \"record\", not an item" in problem.message, problem.message
    assert '{"icon": "file.svg#id", "label": "…", "action": "…"}' in problem.message, problem.message
    assert problem.fix is not None and problem.fix.title == "Make it an item that runs 'record'"
    apply_fix(pkg, problem.fix)
    save(pkg)
    item = json.loads(path.read_text())["menuItems"]["toolbar"][0]
    assert item == {"icon": "rec.svg#rec", "label": "record", "action": "record"}
    assert [p.code for p in run_checks(load(root))] == []


def test_a_menu_item_that_is_null_is_one_problem(tmp_path: Path) -> None:
    """``"toolbar": [null]`` was PD102, PD306 and PD309 for the one cause; the schema's PD102 says it."""
    root = tmp_path / "p"
    shutil.copytree(FIXTURES / "base", root)
    path = root / "webapp2/plugins/rec/rec.plugin.package.json"
    data = json.loads(path.read_text())
    data["menuItems"]["toolbar"] = [None]
    path.write_text(json.dumps(data, indent=4))
    problems = [p for p in run_checks(load(root)) if p.pointer.startswith("/menuItems")]
    assert [p.code for p in problems] == ["PD102"], problems


def test_a_name_or_label_written_as_a_list_of_one_text_has_a_fix_writing_that_text(tmp_path: Path) -> None:
    """``"name": ["Record"]`` and ``"label": ["Record"]`` (text in square brackets, as the platforms
    are written) were said in the schema's words with no way out; the words meant are plain. The
    message says what the file holds, and the Fixes write the text alone."""
    root = tmp_path / "p"
    shutil.copytree(FIXTURES / "base", root)
    rel = "plugins/rec/rec.plugin.package.json"
    path = root / "webapp2" / rel
    text = path.read_text().replace('"label": "Record"', '"label": ["Record"]')
    path.write_text(text.replace('"name": "Record"', '"name": ["Record"]'))
    pkg = load(root)
    problems = [p for p in run_checks(pkg) if p.code in ("PD102", "PD314")]
    assert [(p.code, p.pointer) for p in problems] == [("PD102", "/name"), ("PD102", "/menuItems/toolbar/0/label")]
    assert 'has ["Record"] as its name, not text' in problems[0].message, problems[0].message
    assert 'has ["Record"] as its label, not text' in problems[1].message, problems[1].message
    assert [p.fix.title for p in problems] == ['Write "Record"', 'Write "Record"']
    for problem in problems:
        apply_fix(pkg, problem.fix)
    save(pkg)
    assert path.read_text() == (FIXTURES / "base/webapp2" / rel).read_text()


def test_the_icon_fix_of_an_item_without_label_or_action_names_it_by_its_place(tmp_path: Path) -> None:
    """The step said "Change icon of 'None' to 'rec.svg#rec'" for an item with neither label nor action."""
    root = tmp_path / "p"
    shutil.copytree(FIXTURES / "base", root)
    path = root / "webapp2/plugins/rec/rec.plugin.package.json"
    data = json.loads(path.read_text())
    data["menuItems"]["toolbar"].append({"icon": 5})
    path.write_text(json.dumps(data, indent=4))
    pkg = load(root)
    [problem] = [p for p in run_checks(pkg) if p.pointer == "/menuItems/toolbar/1/icon"]
    assert apply_fix(pkg, problem.fix) == "Change icon of menu item 2 to 'rec.svg#rec'"


def test_the_icon_of_an_item_listed_without_a_placement_is_not_offered_for_deletion(tmp_path: Path) -> None:
    """``"menuItems": [{"icon": "rec.svg#rec", ...}]`` (no placement around the item) had PD406 say
    rec.svg was used by nothing, with a Delete: the icon the item needs once a placement is chosen."""
    root = tmp_path / "p"
    shutil.copytree(FIXTURES / "base", root)
    path = root / "webapp2/plugins/rec/rec.plugin.package.json"
    data = json.loads(path.read_text())
    data["menuItems"] = data["menuItems"]["toolbar"]
    path.write_text(json.dumps(data, indent=4))
    assert "PD406" not in [p.code for p in run_checks(load(root))]


def test_a_package_id_written_as_null_has_the_fix_of_an_empty_one(tmp_path: Path) -> None:
    """``"id": null`` was said in the schema's words with no Fix, while ``"id": ""`` is offered the
    plugin list's id: both leave the plugin without an id."""
    root = tmp_path / "p"
    shutil.copytree(FIXTURES / "base", root)
    path = root / "webapp2/plugins/rec/rec.plugin.package.json"
    path.write_text(path.read_text().replace('"id": "rec-1.0"', '"id": null'))
    pkg = load(root)
    [problem] = run_checks(pkg)
    assert problem.code == "PD102" and "has an empty id" in problem.message, problem.message
    assert problem.fix is not None and problem.fix.title == "Use the plugin list's id 'rec-1.0' in the package file"
    apply_fix(pkg, problem.fix)
    save(pkg)
    assert '"id": "rec-1.0",' in path.read_text()
    assert run_checks(load(root)) == []


def test_a_description_written_as_a_list_of_lines_has_a_fix_writing_one_text(tmp_path: Path) -> None:
    """``"description": ["Start and stop", "recording"]`` (its lines as a list) was said in the
    schema's words with no way out, and the form's Description was empty. The Fix writes the lines
    as one text, one under another, as the Description box holds them."""
    root = tmp_path / "p"
    shutil.copytree(FIXTURES / "base", root)
    path = root / "webapp2/plugins/rec/rec.plugin.package.json"
    path.write_text(path.read_text().replace('"Start and stop recording"', '["Start and stop", "recording"]'))
    pkg = load(root)
    [problem] = run_checks(pkg)
    assert problem.code == "PD102" and "its description as a list of 2 texts" in problem.message, problem.message
    assert problem.fix is not None and problem.fix.title == "Write them as one text, a line each"
    apply_fix(pkg, problem.fix)
    save(pkg)
    assert json.loads(path.read_text())["description"] == "Start and stop\nrecording"
    assert run_checks(load(root)) == []


def test_control_characters_in_a_name_description_or_label_are_said_and_their_fix_removes_them(
    tmp_path: Path,
) -> None:
    """A name with an ESC (`new --name $'a\\x1b[31mb'`, a paste from a terminal), a bell in a label
    or a NUL in a description checked clean, though the app shows them as boxes or garbled text.
    PD315 names each field; its Fix removes them (a line break or tab in a name becomes a space; a
    description keeps its tabs and line breaks, which it may hold)."""
    root = tmp_path / "p"
    shutil.copytree(FIXTURES / "base", root)
    path = root / "webapp2/plugins/rec/rec.plugin.package.json"
    text = path.read_text()
    text = text.replace('"name": "Record"', '"name": "Rec\\u001b[31mord\\tnow"')
    text = text.replace('"label": "Record"', '"label": "Rec\\u0007ord"')
    text = text.replace('"Start and stop recording"', '"Start\\tand\\nstop\\u0000 recording\\u009b"')
    path.write_text(text)
    pkg = load(root)
    problems = [p for p in run_checks(pkg) if p.code == "PD315"]
    assert [p.pointer for p in problems] == ["/name", "/description", "/menuItems/toolbar/0/label"]
    assert all(p.severity is Severity.WARNING for p in problems)
    assert "\\x1b" in problems[0].message and "\x1b" not in problems[0].message, problems[0].message
    assert [p.fix.title for p in problems] == ["Remove the control characters"] * 3
    for problem in problems:
        apply_fix(pkg, problem.fix)
    save(pkg)
    data = json.loads(path.read_text())
    assert data["name"] == "Rec[31mord now"
    assert data["description"] == "Start\tand\nstop recording"
    assert data["menuItems"]["toolbar"][0]["label"] == "Record"
    assert [p.code for p in run_checks(load(root))] == []


def test_no_example_or_new_project_text_is_said_to_hold_control_characters(tmp_path: Path) -> None:
    from designer.core.newproject import create_project

    for root in (EXAMPLE, FIXTURES / "base", create_project(tmp_path / "new", "My branding")):
        assert "PD315" not in [p.code for p in run_checks(load(root))], root


def test_a_package_id_written_as_a_list_or_a_number_has_the_fix_of_an_empty_one(tmp_path: Path) -> None:
    """``"id": ["rec-1.0"]`` and ``"id": 7`` were said in the schema's words ("should be text in
    double quotes") with no Fix, while null and "" are offered the plugin list's id: none of them
    gives the plugin an id the app can find it by."""
    for written, said in (('["rec-1.0"]', '["rec-1.0"]'), ("7", "the number 7")):
        root = tmp_path / f"p{len(written)}"
        shutil.copytree(FIXTURES / "base", root)
        path = root / "webapp2/plugins/rec/rec.plugin.package.json"
        path.write_text(path.read_text().replace('"id": "rec-1.0"', f'"id": {written}'))
        pkg = load(root)
        [problem] = run_checks(pkg)
        assert problem.code == "PD102" and f"has {said} as its id, not text" in problem.message, problem.message
        assert problem.fix is not None and problem.fix.title == "Use the plugin list's id 'rec-1.0' in the package file"
        apply_fix(pkg, problem.fix)
        save(pkg)
        assert '"id": "rec-1.0",' in path.read_text()
        assert run_checks(load(root)) == []


def test_a_plugin_name_written_as_null_is_named_after_its_id_by_the_fix(tmp_path: Path) -> None:
    """``"name": null`` was PD102 in the schema's words ("should be text in double quotes, but it is
    null") with no Fix, while a name missing or "" is PD314, whose Fix names it after its id: none
    of them gives Settings ▸ Plugins a name to show."""
    root = tmp_path / "p"
    shutil.copytree(FIXTURES / "base", root)
    path = root / "webapp2/plugins/rec/rec.plugin.package.json"
    path.write_text(path.read_text().replace('"name": "Record"', '"name": null'))
    pkg = load(root)
    [problem] = run_checks(pkg)
    assert problem.code == "PD314" and "has no name in its package file" in problem.message, problem.message
    assert apply_fix(pkg, problem.fix) == "Name the plugin 'rec-1.0' 'Rec'"
    save(pkg)
    assert '"name": "Rec",' in path.read_text()
    assert run_checks(load(root)) == []


def test_allow_unload_written_as_text_has_a_fix_writing_the_switch(tmp_path: Path) -> None:
    """``"allowUnload": "false"`` (in quotes, as hand-written packages have it) was PD102 in the
    schema's words with no Fix, and the form's switch showed nothing. PD102 says what the app
    expects, and its Fix writes false (or true) without quotes; the file is then clean."""
    for written, meant in (('"false"', "false"), ('" True "', "true")):
        root = tmp_path / meant
        shutil.copytree(FIXTURES / "base", root)
        path = root / "webapp2/plugins/rec/rec.plugin.package.json"
        path.write_text(path.read_text().replace('"allowUnload": true', f'"allowUnload": {written}'))
        pkg = load(root)
        [problem] = run_checks(pkg)
        assert problem.code == "PD102" and problem.pointer == "/allowUnload", problem
        assert "the app expects true or false there, without quotes" in problem.message, problem.message
        assert problem.fix is not None and problem.fix.title == f"Write {meant}"
        apply_fix(pkg, problem.fix)
        save(pkg)
        assert f'"allowUnload": {meant},' in path.read_text()
        assert run_checks(load(root)) == []


def test_a_check_makes_each_package_file_from_the_model_once(tmp_path: Path, monkeypatch) -> None:
    """The package checks and the icon checks each made the package file as edited again from the
    model (every field of every menu item compared with what was read), for every plugin; made
    once, the problems are the same: here the item's icon under 'Icon' (PD312, and PD309 for the
    item with no icon), whose file is then not called unused."""
    from collections import Counter

    from designer.core.model import PluginPackage

    root = tmp_path / "project"
    shutil.copytree(FIXTURES / "base", root)
    path = root / "webapp2/plugins/rec/rec.plugin.package.json"
    path.write_text(path.read_text().replace('"icon": "rec.svg#rec"', '"Icon": "rec.svg#rec"'))
    pkg = load(root)
    made: Counter[int] = Counter()
    real = PluginPackage.to_json
    monkeypatch.setattr(PluginPackage, "to_json", lambda self: made.update([id(self)]) or real(self))
    problems = run_checks(pkg)
    assert [p.code for p in problems] == ["PD309", "PD312"], problems  # (no PD406 for rec.svg)
    assert "'Icon'" in problems[1].message
    assert list(made.values()) == [1]


def test_platforms_or_roles_written_as_named_true_or_false_get_a_fix_writing_the_list(tmp_path: Path) -> None:
    """``"platforms": {"web": true, "ios": false}`` (each platform named with a tick, as some older
    tools wrote it) was PD102 "should be a list, but it is a group of named values" with no Fix,
    while the app loads the plugin nowhere. PD311 says so in plain words and its Fix writes the list
    of those set to true, in the app's words; ``"participantRoles": {"Host": true}`` the same."""
    root = tmp_path / "p"
    shutil.copytree(FIXTURES / "base", root)
    path = root / "webapp2/plugins/rec/rec.plugin.package.json"
    text = path.read_text().replace('["web", "electron", "ios", "android"]', '{"web": true, "ios": false}')
    path.write_text(text.replace('["chair"]', '{"Host": true}'))
    pkg = load(root)
    problems = run_checks(pkg)
    assert [(p.code, p.pointer) for p in problems] == [("PD311", "/platforms"), ("PD311", "/participantRoles")]
    platforms = problems[0]
    assert platforms.message == (
        """'Loads in' (platforms) of 'Record' is {"web": true, "ios": false}: each platform named with true or """
        "false, which the app does not read (it wants a list of the platforms the plugin loads in), so the "
        'plugin loads nowhere. Write ["web"].'
    ), platforms.message
    assert platforms.fix is not None and platforms.fix.title == 'Write ["web"]'
    assert problems[1].fix is not None and problems[1].fix.title == 'Write ["chair"]'
    for problem in problems:
        apply_fix(pkg, problem.fix)
    save(pkg)
    data = json.loads(path.read_text())
    assert (data["platforms"], data["participantRoles"]) == (["web"], ["chair"])
    assert run_checks(load(root)) == []


def test_a_platform_written_as_one_text_of_the_apps_word_says_why_it_is_not_taken(tmp_path: Path) -> None:
    """``"platforms": "web"`` was PD311 '... is "web", which the app does not know: webapp2 calls the
    platforms "web" (Web app), ...': it said the app does not know "web" and in the same breath that
    it calls the web app "web". It says the app reads only a list, so the plugin loads nowhere."""
    root = tmp_path / "p"
    shutil.copytree(FIXTURES / "base", root)
    path = root / "webapp2/plugins/rec/rec.plugin.package.json"
    path.write_text(path.read_text().replace('["web", "electron", "ios", "android"]', '"web"'))
    [problem] = run_checks(load(root))
    assert problem.code == "PD311" and problem.message == (
        """'Loads in' (platforms) of 'Record' is the text "web", not a list, which the app does not read, so """
        'the plugin loads nowhere. Write ["web"] (in square brackets: the app wants a list, even of one).'
    ), problem.message


def test_enabled_written_as_text_in_the_plugin_list_has_a_fix_writing_the_switch(tmp_path: Path) -> None:
    """``"enabled": "false"`` in settings.json (in quotes, as hand-written lists have it) was PD102 in
    the schema's words ("should be true or false, but it is text") with no Fix, while the package
    file's allowUnload written so has one. PD102 says what the app expects, and its Fix writes the
    switch without quotes; the file is then clean."""
    for written, meant in (('"false"', "false"), ('"True"', "true")):
        root = tmp_path / meant
        shutil.copytree(FIXTURES / "base", root)
        path = root / "webapp2/settings.json"
        path.write_text(path.read_text().replace('"enabled": true', f'"enabled": {written}'))
        pkg = load(root)
        [problem] = run_checks(pkg)
        assert problem.code == "PD102" and problem.pointer == "/plugins/0/enabled", problem
        assert problem.message == (
            f"The entry of 'Record' in the plugin list has 'Switched on when the app starts' (enabled) as the text "
            f"{written}: the app expects true or false there, without quotes. Write {meant}."
        ), problem.message
        assert problem.fix is not None and problem.fix.title == f"Write {meant}"
        said = "Switch 'Record' on when the app starts" if meant == "true" else "Leave 'Record' off when the app starts"
        assert apply_fix(pkg, problem.fix) == said
        save(pkg)
        assert f'"enabled": {meant}\n' in path.read_text()
        assert run_checks(load(root)) == []


def test_a_platform_or_role_listed_twice_has_a_fix_writing_each_once(tmp_path: Path) -> None:
    """``"platforms": ["web", "ios", "web"]`` (a value pasted twice by hand) was PD102 "lists the same
    value more than once" with no Fix, though what was meant is plain. PD102 names the value and its
    Fix writes the list with each value once, in its first place; the file is then clean."""
    root = tmp_path / "p"
    shutil.copytree(FIXTURES / "base", root)
    path = root / "webapp2/plugins/rec/rec.plugin.package.json"
    path.write_text(path.read_text().replace('["web", "electron", "ios", "android"]', '["web", "ios", "web"]'))
    pkg = load(root)
    [problem] = run_checks(pkg)
    assert problem.code == "PD102" and problem.pointer == "/platforms", problem
    assert problem.message == (
        """'Loads in' (platforms) of 'Record' lists "web" twice; once is enough. Write ["web", "ios"]."""
    ), problem.message
    assert problem.fix is not None and problem.fix.title == 'Write ["web", "ios"]'
    apply_fix(pkg, problem.fix)
    save(pkg)
    assert '"platforms": ["web", "ios"],' in path.read_text()
    assert run_checks(load(root)) == []


def test_a_list_with_one_value_in_other_words_names_that_value(tmp_path: Path) -> None:
    """``"platforms": ["web", "Electron"]`` was PD311 "... is ["web", "Electron"], which the app does
    not know", as if "web" were unknown too. It names only the value the app does not know."""
    root = tmp_path / "p"
    shutil.copytree(FIXTURES / "base", root)
    path = root / "webapp2/plugins/rec/rec.plugin.package.json"
    path.write_text(path.read_text().replace('["web", "electron", "ios", "android"]', '["web", "Electron"]'))
    [problem] = run_checks(load(root))
    assert problem.code == "PD311" and problem.message.startswith(
        """'Loads in' (platforms) of 'Record' holds "Electron", which the app does not know: webapp2 calls"""
    ), problem.message
    assert problem.message.endswith('Write ["web", "electron"].')


def test_switches_written_as_one_or_zero_have_a_fix_writing_true_or_false(tmp_path: Path) -> None:
    """``"allowUnload": 1`` and ``"enabled": 0`` (as tools that write numbers for switches make
    them) were PD102 in the schema's words ("should be true or false, but it is a number") with no
    Fix, while the same switches written "true" or "false" in quotes have one. PD102 says the app
    expects true or false, and its Fix writes them; the files are then clean."""
    root = tmp_path / "p"
    shutil.copytree(FIXTURES / "base", root)
    package = root / "webapp2/plugins/rec/rec.plugin.package.json"
    package.write_text(package.read_text().replace('"allowUnload": true', '"allowUnload": 1'))
    settings = root / "webapp2/settings.json"
    settings.write_text(settings.read_text().replace('"enabled": true', '"enabled": 0'))
    pkg = load(root)
    problems = run_checks(pkg)
    problems.sort(key=lambda p: p.pointer, reverse=True)
    assert [(p.code, p.pointer) for p in problems] == [("PD102", "/plugins/0/enabled"), ("PD102", "/allowUnload")]
    assert problems[0].message.endswith(
        "'Switched on when the app starts' (enabled) as the number 0: the app expects true or false there. Write false."
    ), problems[0].message
    assert problems[1].message == (
        "The package file of 'rec-1.0' has allowUnload as the number 1: the app expects true or false there. "
        "Write true."
    ), problems[1].message
    for problem in problems:
        apply_fix(pkg, problem.fix)
    save(pkg)
    assert '"allowUnload": true,' in package.read_text() and '"enabled": false' in settings.read_text()
    assert run_checks(load(root)) == []


def test_a_description_written_as_null_or_a_number_has_a_fix_writing_text(tmp_path: Path) -> None:
    """``"description": null`` (as tools that write every field of an object leave an unset one) and
    ``"description": 2`` were PD102 in the schema's words ("'description' should be text in double
    quotes, but it is null") with no Fix, while a description written as a list of lines has one.
    PD102 says what Settings ▸ Plugins needs, and its Fix writes text: none for null, "2" for 2."""
    for written, meant, title in (("null", '""', 'Write ""'), ("2", '"2"', 'Write "2"')):
        root = tmp_path / meant.strip('"') / "p"
        shutil.copytree(FIXTURES / "base", root)
        path = root / "webapp2/plugins/rec/rec.plugin.package.json"
        path.write_text(path.read_text().replace('"Start and stop recording"', written))
        pkg = load(root)
        [problem] = run_checks(pkg)
        assert problem.code == "PD102" and problem.pointer == "/description", problem
        assert problem.message.startswith(
            f"The package file of 'rec-1.0' has {'null' if written == 'null' else 'the number 2'} as its description, "
            "not text: Settings ▸ Plugins shows a description written in double quotes."
        ), problem.message
        assert problem.fix is not None and problem.fix.title == title
        apply_fix(pkg, problem.fix)
        save(pkg)
        assert f'"description": {meant},' in path.read_text()
        assert run_checks(load(root)) == []


def test_a_version_written_as_null_has_a_fix_writing_an_empty_one(tmp_path: Path) -> None:
    """``"version": null`` (as tools that write every field of an object leave an unset one) was
    PD102 in the schema's words with no Fix, an error that blocks the export, while the form's
    Version shows it empty. PD102 says the app expects a number or text, and its Fix writes ""."""
    root = tmp_path / "p"
    shutil.copytree(FIXTURES / "base", root)
    path = root / "webapp2/plugins/rec/rec.plugin.package.json"
    path.write_text(path.read_text().replace('"version": 1.0', '"version": null'))
    pkg = load(root)
    [problem] = run_checks(pkg)
    assert problem.code == "PD102" and problem.pointer == "/version", problem
    assert problem.message == (
        "The package file of 'rec-1.0' has null as its version: the app expects a number (1.0) or text there. "
        'Write "" for none.'
    ), problem.message
    assert problem.fix is not None and problem.fix.title == 'Write ""'
    assert apply_fix(pkg, problem.fix) == "Write the version of 'Record' as empty text"
    save(pkg)
    assert '"version": "",' in path.read_text()
    assert run_checks(load(root)) == []


def test_a_source_written_as_null_or_empty_is_offered_the_one_script_beside_it(tmp_path: Path) -> None:
    """``"srcURL": null`` (or ``""``) was PD102 in the schema's words with no Fix, though the package
    file's folder holds one script, the plugin's: PD313 and PD305 offer it in such a case. PD102 says
    the plugin never starts, and its Fix names that script; the file is then clean."""
    for written in ("null", '""'):
        root = tmp_path / str(len(written)) / "p"
        shutil.copytree(FIXTURES / "base", root)
        path = root / "webapp2/plugins/rec/rec.plugin.package.json"
        path.write_text(path.read_text().replace('"srcURL": "rec.plugin.js"', f'"srcURL": {written}'))
        pkg = load(root)
        [problem] = run_checks(pkg)
        assert problem.code == "PD102" and problem.pointer == "/srcURL", problem
        assert problem.message == (
            f"The package file of 'rec-1.0' has {'null' if written == 'null' else 'an empty text'} as its source "
            "file (srcURL): the app has no code to run, and the plugin never starts. 'rec.plugin.js' is the one "
            "script beside it."
        ), problem.message
        assert problem.fix is not None and problem.fix.title == "Use 'rec.plugin.js'"
        apply_fix(pkg, problem.fix)
        save(pkg)
        assert '"srcURL": "rec.plugin.js",' in path.read_text()
        assert run_checks(load(root)) == []


@pytest.mark.parametrize(
    ("key", "written", "said", "meant"),
    [
        (
            "participantRoles",
            "null",
            "is null: the app does not read it, so nobody gets the plugin",
            ["chair", "guest"],
        ),
        ("platforms", "null", "is null: the app does not read it, so the plugin loads nowhere", list(PLATFORMS)),
        ("platforms", '"mobile"', 'is the text "mobile", not a list: the app does not read it', ["ios", "android"]),
        ("platforms", '"Web, mobile"', '(what "Web, mobile" stands for)', ["web", "ios", "android"]),
        ("participantRoles", '"everyone"', "so nobody gets the plugin", ["chair", "guest"]),
        ("allowUnload", "null", "as null, not true or false: the app takes it for false, so users cannot", False),
        ("allowUnload", '"maybe"', 'as the text "maybe", not true or false: the app takes it for false', False),
        ("allowUnload", '"yes"', 'as the text "yes": the app expects true or false there, without quotes', True),
    ],
)
def test_lists_and_switches_the_app_does_not_read_have_plain_words_and_a_fix(
    tmp_path: Path, key: str, written: str, said: str, meant: object
) -> None:
    """``participantRoles: null``, ``allowUnload: null`` or ``"yes"``, ``"platforms": "mobile"`` were
    PD102 in the schema's own words ("should be a list ([...]), but it is null") with no Fix, while
    the other PD102 cases have both. PD102 says what the app does with it and its Fix writes the
    list meant (every value for null, iOS and Android for "mobile") or the switch; the file is then
    clean."""
    root = tmp_path / "p"
    shutil.copytree(FIXTURES / "base", root)
    path = root / "webapp2/plugins/rec/rec.plugin.package.json"
    data = json.loads(path.read_text())
    data[key] = json.loads(written)
    path.write_text(json.dumps(data, indent=4))
    pkg = load(root)
    [problem] = run_checks(pkg)
    assert problem.code == "PD102" and problem.pointer == f"/{key}", problem
    assert said in problem.message and "should be" not in problem.message, problem.message
    assert problem.fix is not None and problem.fix.title == f"Write {json.dumps(meant)}"
    apply_fix(pkg, problem.fix)
    save(pkg)
    assert json.loads(path.read_text())[key] == meant
    # (guests too: the fixture's plugin mutes everyone, which PD517 says only hosts may)
    assert [p.code for p in run_checks(load(root))] == (
        ["PD517"] if isinstance(meant, list) and "guest" in meant else []
    )


def test_a_platform_list_written_as_words_the_app_does_not_know_says_so_plainly(tmp_path: Path) -> None:
    """``"platforms": "phones"`` was PD102 "should be a list ([...]), but it is text": it says the
    plugin loads nowhere and how to write a list, with no Fix (what "phones" means is the person's)."""
    root = tmp_path / "p"
    shutil.copytree(FIXTURES / "base", root)
    path = root / "webapp2/plugins/rec/rec.plugin.package.json"
    path.write_text(path.read_text().replace('["web", "electron", "ios", "android"]', '"phones"'))
    [problem] = run_checks(load(root))
    assert problem.code == "PD102" and problem.fix is None
    assert problem.message == (
        "'Loads in' (platforms) of 'Record' is the text \"phones\", not a list: the app does not read it, so the "
        "plugin loads nowhere. Tick the boxes in its form: that writes a list."
    ), problem.message


def test_an_icon_written_as_an_id_alone_names_no_file_and_is_pointed_at_the_icon_of_that_id(tmp_path: Path) -> None:
    """``"icon": "#rec"`` was PD400 "is outside the package or on another server", with no Fix, and
    PD406 offered to delete rec.svg, the file holding that very drawing. PD400 says it names no file
    and its Fix uses the plugin's icon of that id; the file is then clean."""
    root = tmp_path / "p"
    shutil.copytree(FIXTURES / "base", root)
    path = root / "webapp2/plugins/rec/rec.plugin.package.json"
    path.write_text(path.read_text().replace('"icon": "rec.svg#rec"', '"icon": "#rec"'))
    pkg = load(root)
    [problem] = run_checks(pkg)
    assert problem.code == "PD400" and problem.pointer == "/menuItems/toolbar/0/icon"
    assert problem.message == (
        "The icon '#rec' of 'Record' names no file, only the id 'rec': the app looks for it in the package file "
        "itself and shows no icon. Write it as 'file.svg#rec': 'rec.svg#rec' is the plugin's icon of that id."
    ), problem.message
    assert problem.fix is not None and problem.fix.title == "Use 'rec.svg#rec'"
    apply_fix(pkg, problem.fix)
    save(pkg)
    assert '"icon": "rec.svg#rec"' in path.read_text()
    assert run_checks(load(root)) == []


@pytest.mark.parametrize("written", ['""', "null"])
def test_a_toolbar_button_with_no_icon_is_given_the_plugins_icon_not_told_to_delete_it(
    tmp_path: Path, written: str
) -> None:
    """A toolbar button with ``"icon": ""`` (or null, in a plugin with no state$) was PD309 "Choose an
    icon" with no Fix, while PD406 offered to delete rec.svg, the plugin's only icon: Fix all left
    the button empty for good. PD309's Fix uses the plugin's first icon, and the file is not called
    unused."""
    root = tmp_path / "p"
    shutil.copytree(FIXTURES / "base", root)
    path = root / "webapp2/plugins/rec/rec.plugin.package.json"
    path.write_text(path.read_text().replace('"icon": "rec.svg#rec"', f'"icon": {written}'))
    pkg = load(root)
    [problem] = run_checks(pkg)
    assert problem.code == "PD309" and problem.fix is not None and problem.fix.title == "Use 'rec.svg#rec'"
    apply_fix(pkg, problem.fix)
    save(pkg)
    assert '"icon": "rec.svg#rec"' in path.read_text()
    assert run_checks(load(root)) == []


def test_a_placement_holding_one_item_without_a_list_has_a_fix_putting_it_in_one(tmp_path: Path) -> None:
    """``"toolbar": {"icon": ..., "action": "record"}`` (one item, the square brackets forgotten) was
    PD102 in the schema's words with no Fix, and PD406 offered to delete rec.svg, the icon of that
    very item. PD102 says it plainly and its Fix puts the item, as written, in a list."""
    root = tmp_path / "p"
    shutil.copytree(FIXTURES / "base", root)
    path = root / "webapp2/plugins/rec/rec.plugin.package.json"
    data = json.loads(path.read_text())
    data["menuItems"]["toolbar"] = {**data["menuItems"]["toolbar"][0], "note": "kept"}
    path.write_text(json.dumps(data, indent=4))
    pkg = load(root)
    problems = run_checks(pkg)
    assert "PD406" not in [p.code for p in problems]
    [problem] = [p for p in problems if p.code == "PD102"]
    assert problem.pointer == "/menuItems/toolbar" and problem.message == (
        "The toolbar button of 'Record' is one item written without square brackets around it: the app reads a "
        "list of items there, and shows none. Put it in a list."
    ), problem.message
    assert problem.fix is not None and apply_fix(pkg, problem.fix) == "Put the toolbar button of 'Record' in a list"
    save(pkg)
    assert json.loads(path.read_text())["menuItems"]["toolbar"] == [
        {"icon": "rec.svg#rec", "label": "Record", "action": "record", "note": "kept"}
    ]
    assert [p.code for p in run_checks(load(root))] == []


@pytest.mark.parametrize("written", ["record()", " record "])
def test_an_action_no_function_can_be_named_takes_the_registered_key_it_is_near(tmp_path: Path, written: str) -> None:
    """``"action": "record()"`` (or with spaces around it) was PD505 "Did you mean 'record'?" with no
    Fix: such a name can only be the item's slip. Its Fix makes the item run 'record'; clean then."""
    root = tmp_path / "p"
    shutil.copytree(FIXTURES / "base", root)
    path = root / "webapp2/plugins/rec/rec.plugin.package.json"
    path.write_text(path.read_text().replace('"action": "record"', f'"action": "{written}"'))
    pkg = load(root)
    [problem] = [p for p in run_checks(pkg) if p.code == "PD505"]
    assert problem.message.endswith("Did you mean 'record'?"), problem.message
    assert problem.fix is not None and problem.fix.title == "Use 'record'"
    assert apply_fix(pkg, problem.fix) == f"Change action '{written}' of 'Record' to 'record'"
    save(pkg)
    assert '"action": "record"' in path.read_text()
    assert run_checks(load(root)) == []


@pytest.mark.parametrize("written", ['""', "null"])
def test_an_item_with_no_action_beside_the_one_key_no_item_runs_is_made_to_run_it(tmp_path: Path, written: str) -> None:
    """``"action": ""`` (or null) beside registerPlugin's 'record', which no item then runs: PD306
    ("has no action") and PD507 ("no menu item uses it") said the two halves of one slip, and PD102
    a third time, none with a Fix. PD507 says which item has none, and its Fix makes it run 'record'."""
    root = tmp_path / "p"
    shutil.copytree(FIXTURES / "base", root)
    path = root / "webapp2/plugins/rec/rec.plugin.package.json"
    path.write_text(path.read_text().replace('"action": "record"', f'"action": {written}'))
    pkg = load(root)
    [problem] = [p for p in run_checks(pkg) if p.code == "PD507"]
    assert problem.message.endswith("Menu item 1 has no action: make it run 'record'."), problem.message
    assert problem.fix is not None and problem.fix.title == "Make menu item 1 run 'record'"
    apply_fix(pkg, problem.fix)
    save(pkg)
    assert '"action": "record"' in path.read_text()
    assert run_checks(load(root)) == []


def test_an_icon_set_by_state_leaves_a_leftover_copy_said_unused(tmp_path: Path) -> None:
    """A toolbar button with "icon": null in a plugin whose state$ sets it (the example's lock
    toggle): the plugin's first icon was taken for the one PD309's Fix would give it and never
    called unused, so a leftover copy named before the others (left-over.svg) went unsaid."""
    import shutil

    from conftest import EXAMPLE

    project = tmp_path / "example"
    shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns(".plugin-designer"))
    plugin = project / "webapp2" / "plugins" / "lock-toggle"
    shutil.copy(plugin / "lock.svg", plugin / "left-over.svg")
    unused = [p.file for p in run_checks(load(project)) if p.code == "PD406"]
    assert unused == ["plugins/lock-toggle/left-over.svg"], unused
