"""Export: the ZIP, the bumped manifest.json, the rebuilt settings.json, the diff and the state.

Round trips go through real ZIPs: a package zipped the way people do it (any order, real
timestamps, CRLF, tabs, extra theme files) is imported and exported again, and every file but
manifest.json's brandingID must come back byte for byte.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import EXAMPLE, FIXTURES, ROOT

from designer.core.archive import import_zip
from designer.core.checks import run_checks
from designer.core.export import ExportBlocked, ExportRefused, export_package, is_excluded, plan_export, write_export
from designer.core.model import load
from designer.core.state import load_state


def _cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "designer", *args], cwd=cwd, capture_output=True, text=True)


def _zip_files(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist() if not i.is_dir()}


def _hand_zip(source: Path, out: Path, extra: dict[str, bytes] | None = None) -> Path:
    """Zip ``source/webapp2`` as a person would: reverse order, real dates, a folder entry."""
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("webapp2/", b"")
        for p in sorted((source / "webapp2").rglob("*"), reverse=True):
            if p.is_file():
                zf.write(p, "webapp2/" + p.relative_to(source / "webapp2").as_posix())
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return out


def _same_but_branding_id(before: dict[str, bytes], after: dict[str, bytes]) -> None:
    assert sorted(before) == sorted(after)
    for name in before:
        if name.endswith("webapp2/manifest.json"):
            old, new = json.loads(before[name]), json.loads(after[name])
            assert type(old["brandingID"]) is type(new["brandingID"])
            assert int(new["brandingID"]) > int(old["brandingID"])
            old_text = before[name].decode().replace(str(old["brandingID"]), "<id>")
            assert after[name].decode().replace(str(new["brandingID"]), "<id>") == old_text
        else:
            assert after[name] == before[name], name


EXTRA = {
    "webapp2/themes/brand/theme.css": b"body {\r\n\tcolor: #123;  \r\n}",
    "webapp2/custom_configuration.txt": b"kept\n",
    "webapp2/images/logo.png": bytes(range(256)) * 4,
}


@pytest.mark.parametrize("source", [FIXTURES / "base", EXAMPLE], ids=["base", "demo"])
def test_round_trip_import_export_is_byte_for_byte(tmp_path: Path, source: Path) -> None:
    original = _hand_zip(source, tmp_path / "in.zip", EXTRA)
    project = import_zip(original, tmp_path / "project").target
    result = export_package(project, tmp_path / "out.zip")
    _same_but_branding_id(_zip_files(original), _zip_files(result.path))
    assert result.written == ["manifest.json"]
    assert [(c.path, c.status) for c in result.plan.changes] == [("webapp2/manifest.json", "changed")]
    assert '-    "brandingID": ' in result.plan.changes[0].diff
    again = import_zip(result.path, tmp_path / "again").target
    assert run_checks(load(again)) == []


def test_string_branding_id_tabs_and_no_final_newline_are_kept(base_project: Path, tmp_path: Path) -> None:
    manifest = base_project / "webapp2" / "manifest.json"
    manifest.write_bytes(b'{\n\t"brandingID": "10000000",\n\t"isSettingsBranded": true,\n\t"theme": "dark"\n}')
    result = export_package(base_project, tmp_path / "out.zip", branding_id="10000001")
    data = _zip_files(result.path)["webapp2/manifest.json"]
    assert data == b'{\n\t"brandingID": "10000001",\n\t"isSettingsBranded": true,\n\t"theme": "dark"\n}'
    assert manifest.read_bytes() == data  # the project matches what was uploaded
    assert result.old_branding_id == "10000000" and result.branding_id == "10000001"


def test_is_settings_branded_is_set_and_missing_manifest_created(base_project: Path, tmp_path: Path) -> None:
    manifest = base_project / "webapp2" / "manifest.json"
    manifest.write_text('{\n    "brandingID": 5,\n    "isSettingsBranded": false\n}\n')
    plan = plan_export(load(base_project), 6)
    assert plan.errors == [] and plan.repaired == ["isSettingsBranded will be set to true"]
    assert plan.preview("manifest.json") == '{\n    "brandingID": 6,\n    "isSettingsBranded": true\n}\n'
    manifest.unlink()
    plan = plan_export(load(base_project))
    assert plan.errors == [] and "manifest.json will be created" in plan.repaired
    assert json.loads(plan.preview("manifest.json"))["isSettingsBranded"] is True


def test_settings_plugins_rebuilt_from_the_model_other_keys_kept(example_project: Path, tmp_path: Path) -> None:
    settings = example_project / "webapp2" / "settings.json"
    text = settings.read_text().replace('{\n    "plugins"', '{\n    "language": "en",\n    "plugins"', 1)
    settings.write_text(text)
    pkg = load(example_project)
    pkg.plugins[1].entry.enabled = False
    result = export_package(pkg, tmp_path / "out.zip")
    data = _zip_files(result.path)["webapp2/settings.json"].decode()
    assert data == text.replace('"enabled": true', '"enabled": false', 2).replace(
        '"enabled": false', '"enabled": true', 1
    )
    assert settings.read_text() == data
    assert sorted(result.written) == ["manifest.json", "settings.json"]
    assert "Installed but off until a user turns them on: Meeting information." in result.plan.checklist()
    # Platforms in the words the designer uses everywhere else, not the package file's keys.
    assert any("on Web app, Desktop app, iOS, Android" in line for line in result.plan.checklist())


def test_checklist_says_who_in_plain_words_and_keeps_rest_apart(example_project: Path) -> None:
    """It said "for Host" (one person?) and "everyone (Host and Guest)", and its upload step held
    "REST: POST it to configuration/v1/webapp_branding/", jargon to the administrator who uploads.
    Now: "Hosts only", "Guests only", "Hosts and Guests"; the REST detail is a line of its own."""
    pkg = load(example_project)
    lines = plan_export(pkg).checklist("b.zip")
    assert "Lock toggle: toolbar button, for Hosts only, on Web app, Desktop app, iOS, Android." in lines
    assert (
        "Meeting information: conference menu item, for Hosts and Guests, on Web app, Desktop app, iOS, Android."
        in lines
    )
    assert not any("REST" in line or "POST" in line for line in lines)
    assert "upload b.zip as its branding package" in lines[1] and "Services > Web App Customization" in lines[0]
    package = next(p for p in pkg.plugins if p.display_name == "Lock toggle").package
    assert package is not None
    package.participant_roles = ["guest"]
    assert any(
        line.startswith("Lock toggle: toolbar button, for Guests only,") for line in plan_export(pkg).checklist()
    )
    script = plan_export(pkg).upload_by_script("b.zip")
    assert "POST b.zip" in script and "/api/admin/configuration/v1/webapp_branding/" in script and "webapp2" in script


def test_checklist_does_not_offer_a_switch_to_a_plugin_nobody_may_switch(example_project: Path) -> None:
    """Off at start with allowUnload false (PD209, a warning: the export goes on): the checklist
    said it was "off until a user turns them on" and that "users cannot turn it off", while
    users cannot turn it on and nobody gets it."""
    pkg = load(example_project)
    plugin = next(p for p in pkg.plugins if p.display_name == "Lock toggle")
    assert plugin.package is not None
    plugin.entry.enabled, plugin.package.allow_unload = False, False
    lines = plan_export(pkg).checklist()
    assert "Enabled by default: Meeting information, Raise hand helper." in lines
    assert not any(line.startswith("Installed but off") for line in lines)
    assert (
        "Off, and users cannot turn them on (they may not switch them at all), so nobody gets them: Lock toggle."
        in lines
    )
    assert (
        "Lock toggle: toolbar button, for Hosts only, on Web app, Desktop app, iOS, Android; off, and users "
        "cannot turn it on." in lines
    )
    plugin.package.allow_unload = True  # now users may switch it on
    lines = plan_export(pkg).checklist()
    assert "Installed but off until a user turns them on: Lock toggle." in lines
    assert "Lock toggle: toolbar button, for Hosts only, on Web app, Desktop app, iOS, Android." in lines
    plugin.entry.enabled, plugin.package.allow_unload = True, False
    assert (
        "Lock toggle: toolbar button, for Hosts only, on Web app, Desktop app, iOS, Android; users cannot turn it off."
        in plan_export(pkg).checklist()
    )


def test_zip_is_deterministic_sorted_with_fixed_dates_and_modes(base_project: Path, tmp_path: Path) -> None:
    twin = tmp_path / "twin"
    shutil.copytree(base_project, twin)
    a = export_package(base_project, tmp_path / "a.zip", branding_id=1800000000000)
    b = export_package(twin, tmp_path / "b.zip", branding_id=1800000000000)
    assert a.path.read_bytes() == b.path.read_bytes() and a.sha256 == b.sha256
    with zipfile.ZipFile(a.path) as zf:
        infos = zf.infolist()
    assert [i.filename for i in infos] == sorted(i.filename for i in infos)
    assert all(i.filename.startswith("webapp2/") for i in infos)
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
    assert {i.external_attr >> 16 for i in infos} == {0o100644}


def test_hidden_files_state_and_backups_are_left_out(base_project: Path, tmp_path: Path) -> None:
    web = base_project / "webapp2"
    for rel in [".DS_Store", ".git/config", "plugins/rec/rec.plugin.js~", "plugins/rec/x.bak", "plugins/rec/.x.swp",
                "plugins/rec/y.swp", "a.orig", "plugins/#rec.js#", "themes/.hidden/t.css"]:  # fmt: skip
        (web / rel).parent.mkdir(parents=True, exist_ok=True)
        (web / rel).write_text("junk")
    (web / "themes" / "theme.css").write_bytes(b"kept\r\n")
    (web / "plugins" / "rec" / "link.svg").symlink_to(web / "plugins" / "rec" / "rec.svg")
    result = export_package(base_project, tmp_path / "out.zip")
    names = sorted(_zip_files(result.path))
    assert names == [
        "webapp2/manifest.json",
        "webapp2/plugins/rec/rec.plugin.js",
        "webapp2/plugins/rec/rec.plugin.package.json",
        "webapp2/plugins/rec/rec.svg",
        "webapp2/settings.json",
        "webapp2/themes/theme.css",
    ]
    assert (base_project / ".plugin-designer" / "state.json").is_file()
    assert is_excluded("plugins/a/.b/c.js") and is_excluded("#x#") and not is_excluded("plugins/a/b.js")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_what_is_left_out_is_listed_folders_first_in_name_order(base_project: Path) -> None:
    """The plan lists each file or folder left out once, folder by folder as the export walks them
    (a folder's own subfolders first, then its files, in name order), with why."""
    web = base_project / "webapp2"
    for rel in ["b/c/d.txt", "b/a.txt~", "b/.e/f.txt", "themes/t.css", "Thumbs.db"]:
        (web / rel).parent.mkdir(parents=True, exist_ok=True)
        (web / rel).write_text("x")
    (web / "a-link").symlink_to(web / "themes")
    (web / "b" / "broken").symlink_to(web / "missing")
    (web / "b" / "c" / "file-link").symlink_to(web / "themes" / "t.css")
    os.mkfifo(web / "pipe")
    plan = plan_export(load(base_project))
    assert list(plan.skip_reasons.items()) == [
        ("webapp2/a-link/", "a symbolic link"),
        ("webapp2/Thumbs.db", "left behind by the operating system"),
        ("webapp2/pipe", "not a regular file"),
        ("webapp2/b/.e/", "hidden (its name starts with '.')"),
        ("webapp2/b/a.txt~", "an editor backup"),
        ("webapp2/b/broken", "a symbolic link"),
        ("webapp2/b/c/file-link", "a symbolic link"),
    ]
    assert {"webapp2/b/c/d.txt", "webapp2/themes/t.css"} <= set(plan.entries)
    assert not any("link" in name or "pipe" in name or name.endswith("~") for name in plan.entries)


def test_state_remembers_the_export_and_next_id_must_be_greater(base_project: Path, tmp_path: Path) -> None:
    first = export_package(base_project, tmp_path / "one.zip", branding_id=1800000000000)
    state = load_state(base_project)["last_export"]
    assert state["sha256"] == first.sha256 and state["brandingID"] == 1800000000000
    assert Path(state["path"]) == (tmp_path / "one.zip").resolve()
    for bad in (1800000000000, 1700000000001, "abc"):
        with pytest.raises(ExportRefused):
            plan_export(load(base_project), bad)
    second = plan_export(load(base_project))
    assert int(second.branding_id) > 1800000000000


def test_diff_against_the_last_export(base_project: Path, tmp_path: Path) -> None:
    export_package(base_project, tmp_path / "one.zip")
    web = base_project / "webapp2"
    js = web / "plugins" / "rec" / "rec.plugin.js"
    js.write_text(js.read_text().replace("function", "function /* changed */", 1))
    (web / "themes").mkdir()
    (web / "themes" / "new.css").write_text("a {}\n")
    plan = plan_export(load(base_project))
    assert plan.baseline is not None and "one.zip" in plan.baseline
    got = {c.path: c for c in plan.changes}
    assert got["webapp2/plugins/rec/rec.plugin.js"].status == "changed"
    assert (
        "+" in got["webapp2/plugins/rec/rec.plugin.js"].diff
        and "/* changed */" in got["webapp2/plugins/rec/rec.plugin.js"].diff
    )
    assert got["webapp2/themes/new.css"].status == "added"
    assert got["webapp2/manifest.json"].status == "changed"
    assert "1 changed, 1 added (and the new brandingID in manifest.json)" in plan.summary()
    (web / "themes" / "new.css").unlink()
    write_export(plan_export(load(base_project)), tmp_path / "two.zip")
    (web / "plugins" / "rec" / "rec.svg").unlink()
    removed = [c for c in plan_export(load(base_project), problems=[]).changes if c.status == "removed"]
    assert [c.path for c in removed] == ["webapp2/plugins/rec/rec.svg"]


def test_a_last_export_zip_deleted_or_damaged_since_is_said_not_called_no_export(
    base_project: Path, tmp_path: Path
) -> None:
    """ "No earlier export or import to compare with" was false for whoever had exported: the ZIP
    the record names was deleted, or replaced by another file, and the plan says which."""
    one = export_package(base_project, tmp_path / "one.zip").path
    one.unlink()
    plan = plan_export(load(base_project))
    assert plan.baseline is None and plan.baseline_lost is not None
    assert plan.summary() == (
        f"The last export's ZIP, {one}, is no longer there (deleted or moved), so there is nothing to compare "
        "with: every file is listed as new."
    )
    two = write_export(plan, tmp_path / "two.zip").path
    two.write_bytes(two.read_bytes()[:100])  # damaged (a copy cut short)
    assert (
        plan_export(load(base_project))
        .summary()
        .startswith(
            f"The last export's ZIP, {two}, has changed since (replaced by another file, or damaged), so there is "
            "nothing to compare with"
        )
    )


def test_an_import_compared_with_when_the_last_export_zip_is_gone_is_said_so(tmp_path: Path) -> None:
    project = import_zip(_hand_zip(EXAMPLE, tmp_path / "in.zip"), tmp_path / "p").target
    out = export_package(project, tmp_path / "out.zip").path
    out.unlink()
    summary = plan_export(load(project)).summary()
    assert summary.startswith(
        f"The last export's ZIP, {out}, is no longer there (deleted or moved), so this compares with the "
        "imported ZIP (in.zip) instead. Nothing changed since the imported ZIP (in.zip) except the upload number"
    ), summary


def test_the_line_diff_counts_lines_as_the_editor_does(base_project: Path, tmp_path: Path, capsys) -> None:
    """Characters Python's splitlines() ends a line at and the editor does not (a vertical tab, a
    form feed, U+0085, U+001C-U+001E in a JavaScript string) split one line of the diff in two, and
    its line numbers then differed from the editor's; a lone CR (classic Mac) made the whole diff
    one line, and a line ended by U+2028 was said to have no newline at the end of the file. Lines
    end where the editor (and JavaScript) ends them: CRLF, LF, a lone CR, U+2028 and U+2029."""
    web = base_project / "webapp2"
    js, css = web / "plugins" / "rec" / "rec.plugin.js", web / "theme.css"
    odd = "var a = 'x\x0by\x0cz\x85w\x1cv\x1du\x1et';\n"
    code = js.read_text(encoding="utf-8")
    first = code.count("\n") + 1  # the editor's number of the line odd goes on
    js.write_text(code + odd + "var sep = 'p\u2028q';\nvar b = 1;\n", encoding="utf-8")
    css.write_bytes(b"a {}\rb {}\rc {}\r")
    (web / "win.css").write_bytes(b"a {}\r\nb {}\r\n")
    export_package(base_project, tmp_path / "one.zip")
    js.write_text(code + odd + "var sep = 'p\u2028q';\nvar b = 2;\n", encoding="utf-8")
    css.write_bytes(b"a {}\rb { color: red; }\rc {}\r")
    (web / "win.css").write_bytes(b"a {}\r\nb {}")
    got = {c.path: c for c in plan_export(load(base_project), problems=[]).changes}
    diff = got["webapp2/plugins/rec/rec.plugin.js"].diff
    assert (
        diff.split("\n")[2:]
        == [
            f"@@ -{first},4 +{first},4 @@",  # as the editor numbers them: var b is on its line first + 3
            " " + odd[:-1],
            " var sep = 'p",
            " q';",
            "-var b = 1;",
            "+var b = 2;",
            "",
        ]
    )
    assert got["webapp2/theme.css"].diff.split("\n")[2:] == [
        "@@ -1,3 +1,3 @@",
        " a {}",
        "-b {}",
        "+b { color: red; }",
        " c {}",
        "",
    ]
    assert got["webapp2/win.css"].diff.split("\n")[2:] == [
        "@@ -1,2 +1,2 @@",
        " a {}",
        "-b {}",
        "+b {}",
        "\\ No newline at end of file",
        "",
    ]
    from designer.cli import main

    assert main(["export", str(base_project), "-o", str(tmp_path / "two.zip"), "--diff"]) == 0
    out = capsys.readouterr().out
    assert "    -b {}\n    +b { color: red; }\n" in out and "    -var b = 1;\n    +var b = 2;\n" in out


def test_changes_a_line_diff_does_not_show_are_said_in_words(base_project: Path, tmp_path: Path) -> None:
    """A CRLF → LF change was every line removed and added again, reading the same; a byte-order
    mark or a picture was a bare "changed". Each is said in words, and a diff of identical-looking
    lines is left out."""
    web = base_project / "webapp2"
    js, css, png = web / "plugins" / "rec" / "rec.plugin.js", web / "theme.css", web / "logo.png"
    css.write_bytes("/* café */\nbody {}\n".encode("cp1252"))
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(300))
    (web / "big.js").write_bytes(b"//" + b"x" * 600_000 + b"\n")
    export_package(base_project, tmp_path / "one.zip")
    text = js.read_bytes()
    cases = {
        "crlf": (
            text.replace(b"\n", b"\r\n"),
            ["Line endings: Unix (LF) → Windows (CRLF).", "The text itself is the same, so no line diff is shown."],
        ),
        "bom": (
            b"\xef\xbb\xbf" + text,
            [
                "Byte-order mark (an invisible mark some editors write) added at the start of the file.",
                "The text itself is the same, so no line diff is shown.",
            ],
        ),
        "final newline": (text.rstrip(b"\n"), ["Only the line break at the end of the last line was removed."]),
        "spaces": (text.replace(b"{", b"{ ", 1), ["Only spaces, tabs or blank lines changed."]),
        "tab": (text.replace(b" ", b"\t", 1), ["Only spaces, tabs or blank lines changed."]),
        # A vertical tab or a form feed for a space is no layout: inside a string the JavaScript
        # changes (bytes.split() took them for spaces and said "only spaces ... changed").
        "vertical tab": (text.replace(b" ", b"\v", 1), []),
        "form feed": (text.replace(b" ", b"\f", 1), []),
    }
    for case, (data, notes) in cases.items():
        js.write_bytes(data)
        change = {c.path: c for c in plan_export(load(base_project), problems=[]).changes}[
            "webapp2/plugins/rec/rec.plugin.js"
        ]
        assert change.notes == notes, case
        assert bool(change.diff) == (case not in ("crlf", "bom")), case
        assert change.to_json()["notes"] == notes
    js.write_bytes(text)
    css.write_bytes("/* cafés */\nbody {}\n".encode("cp1252"))
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(400))
    (web / "big.js").write_bytes(b"//" + b"y" * 600_000 + b"\n")
    got = {c.path: c for c in plan_export(load(base_project), problems=[]).changes}
    assert got["webapp2/theme.css"].notes == [
        "Not UTF-8 text (before and after the change), shown as Windows-1252 (Western) letters."
    ]
    assert "-/* café */\n+/* cafés */\n" in got["webapp2/theme.css"].diff  # (it read 'caf\ufffd' twice)
    assert got["webapp2/logo.png"].notes == ["Not a text file, so no line diff: 308 → 408 bytes."]
    assert got["webapp2/big.js"].notes == [
        "Too big to compare line by line: 586 KB → 586 KB (the same size, other bytes)."
    ]
    assert not got["webapp2/manifest.json"].notes and got["webapp2/manifest.json"].only_branding_id


def test_errors_block_the_export_unless_forced(base_project: Path, tmp_path: Path) -> None:
    (base_project / "webapp2" / "plugins" / "rec" / "rec.plugin.package.json").unlink()
    plan = plan_export(load(base_project))
    assert plan.blocked and [p.code for p in plan.errors] == ["PD201"]
    with pytest.raises(ExportBlocked) as err:
        write_export(plan, tmp_path / "out.zip")
    assert err.value.errors == plan.errors
    assert not (tmp_path / "out.zip").exists()
    assert "last_export" not in load_state(base_project)
    assert write_export(plan, tmp_path / "out.zip", force=True).path.is_file()


def test_refusals(base_project: Path, tmp_path: Path) -> None:
    plan = plan_export(load(base_project))
    with pytest.raises(ExportRefused, match="outside"):
        write_export(plan, base_project / "webapp2" / "x.zip")
    zipped = export_package(base_project, tmp_path / "out.zip").path
    with pytest.raises(ExportRefused, match="read-only"):
        plan_export(load(zipped))


def test_carried_top_level_folders_are_exported_again(tmp_path: Path) -> None:
    src = tmp_path / "mn.zip"
    with zipfile.ZipFile(src, "w") as zf:
        zf.writestr("webapp1/x.css", b"one")
        zf.writestr("webapp2/settings.json", b'{"plugins": []}')
        zf.writestr("webapp2/manifest.json", b'{"brandingID": 1, "isSettingsBranded": true}')
    project = import_zip(src, tmp_path / "p").target
    (project / "notes.txt").write_text("not from the ZIP: stays out")
    files = _zip_files(export_package(project, tmp_path / "out.zip").path)
    assert sorted(files) == ["webapp1/x.css", "webapp2/manifest.json", "webapp2/settings.json"]
    (project / "webapp1" / "x.css").write_text("two")
    (project / "webapp2" / "a.css").write_text("new")
    changes = {c.path: c for c in plan_export(load(project)).changes}
    # One next to webapp2/ is named so, not as if it were a file of the package.
    assert [(c.shown, c.file) for c in changes.values()] == [
        ("webapp1/x.css (next to webapp2/)", None),
        ("a.css", "a.css"),
        ("manifest.json", "manifest.json"),
    ]


def test_a_one_line_manifest_whose_flag_changed_is_not_called_unchanged_but_for_the_upload_number(
    tmp_path: Path,
) -> None:
    """A manifest.json written on one line holds brandingID and isSettingsBranded on the same
    line: every changed line of its diff named brandingID, so the export said nothing had changed
    but the upload number, while isSettingsBranded went from false to true."""
    src = tmp_path / "in.zip"
    with zipfile.ZipFile(src, "w") as zf:
        zf.writestr("webapp2/settings.json", b'{"plugins": []}')
        zf.writestr("webapp2/manifest.json", b'{"brandingID":1,"isSettingsBranded":false}')
    project = import_zip(src, tmp_path / "p").target
    plan = plan_export(load(project))
    assert [c.path for c in plan.changes] == ["webapp2/manifest.json"]
    assert not plan.nothing_but_branding_id
    assert plan.summary() == "Since the imported ZIP (in.zip): 1 changed."
    assert "isSettingsBranded: no → yes" in plan.changes[0].summary

    write_export(plan, tmp_path / "out.zip")
    again = plan_export(load(project))  # right after the export: only the number differs
    assert again.nothing_but_branding_id
    assert "except the upload number" in again.summary()


# -- the CLI ---------------------------------------------------------------------------------------
def test_cli_export_names_what_it_left_out_as_check_names_files(tmp_path: Path) -> None:
    """The files left out are named relative to webapp2/, as 'What changed' and check name them
    (they read 'webapp2/.hidden' beside 'changed  manifest.json')."""
    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    (project / "webapp2" / ".notes").write_text("mine", encoding="utf-8")
    (project / "webapp2" / "plugins" / "settings.json~").write_text("{}", encoding="utf-8")
    r = _cli("export", str(project), "-o", str(tmp_path / "out.zip"))
    assert r.returncode == 0, r.stderr
    assert "  left out .notes: " in r.stdout and "  left out plugins/settings.json~: " in r.stdout
    assert "left out webapp2/" not in r.stdout


def test_cli_export_lists_the_changes_in_the_words_the_pane_uses(base_project: Path, tmp_path: Path) -> None:
    """The pane said what changed in a JSON file and which changes a line diff cannot show; the
    command printed only 'changed' and the name, and 'changed manifest.json' as if edited."""
    assert _cli("export", str(base_project), "-o", str(tmp_path / "one.zip")).returncode == 0
    web = base_project / "webapp2"
    js = web / "plugins" / "rec" / "rec.plugin.js"
    js.write_bytes(js.read_bytes().replace(b"\n", b"\r\n"))
    package = web / "plugins" / "rec" / "rec.plugin.package.json"
    package.write_text(package.read_text().replace('"version": 1.0', '"version": 2.0'))
    r = _cli("export", str(base_project), "-o", str(tmp_path / "two.zip"))
    assert r.returncode == 0, r.stderr
    assert "  changed  manifest.json  (only the new brandingID)\n" in r.stdout
    assert (
        "  changed  plugins/rec/rec.plugin.js\n      Line endings: Unix (LF) → Windows (CRLF).\n"
        "      The text itself is the same, so no line diff is shown.\n"
    ) in r.stdout
    assert "  changed  plugins/rec/rec.plugin.package.json\n      version: 1.0 → 2.0\n" in r.stdout, r.stdout


def test_a_line_whose_ending_alone_changed_in_a_mixed_file_is_said_in_words(base_project: Path, tmp_path: Path) -> None:
    """A file of mixed line endings stays "mixed" when one line's ending changes, so no note was
    made: the diff showed the line removed and added again, reading the same, and nothing said why."""
    css = base_project / "webapp2" / "theme.css"
    css.write_bytes(b"a {}\r\nb {}\nc {}\nd {}\r\n")
    assert _cli("export", str(base_project), "-o", str(tmp_path / "one.zip")).returncode == 0
    css.write_bytes(b"a {}\r\nb {}\r\nc {}\nd { color: red; }\r\n")
    change = {c.path: c for c in plan_export(load(base_project), problems=[]).changes}["webapp2/theme.css"]
    assert change.notes == ["Line endings: Unix (LF) → Windows (CRLF) on line 2."]
    assert "-b {}\n+b {}\n" in change.diff
    r = _cli("export", str(base_project), "-o", str(tmp_path / "two.zip"), "--diff")
    assert r.returncode == 0, r.stderr
    assert "  changed  theme.css\n      Line endings: Unix (LF) → Windows (CRLF) on line 2.\n" in r.stdout

    css.write_bytes(b"a {}\n" * 8 + b"z {}\r\n")  # only endings: the text itself is the same
    export_package(base_project, tmp_path / "three.zip")
    css.write_bytes(b"a {}\r\n" * 7 + b"a {}\n" + b"z {}\n")
    change = {c.path: c for c in plan_export(load(base_project), problems=[]).changes}["webapp2/theme.css"]
    assert change.notes == [
        "Line endings: Unix (LF) → Windows (CRLF) on lines 1, 2, 3, 4, 5 and 2 more.",
        "Line endings: Windows (CRLF) → Unix (LF) on line 9.",
        "The text itself is the same, so no line diff is shown.",
    ]


def test_cli_import_then_export(tmp_path: Path) -> None:
    original = _hand_zip(EXAMPLE, tmp_path / "in.zip", EXTRA)
    r = _cli("import", str(original), "-o", str(tmp_path / "project"))
    assert r.returncode == 0, r.stderr
    assert "3 plugins: 0 errors, 0 warnings" in r.stdout
    copy = tmp_path / "project" / ".plugin-designer" / "imported.zip"
    note = f"A copy of the original ZIP is kept in {copy}, so that the export can show what you changed; it is not uploaded."
    assert r.stdout.count(note) == 1 and copy.read_bytes() == original.read_bytes()
    r = _cli("export", str(tmp_path / "project"), "-o", str(tmp_path / "out.zip"), "--diff")
    assert r.returncode == 0, r.stderr
    assert "Nothing changed since the imported ZIP (in.zip) except the upload number (brandingID " in r.stdout
    # relative to webapp2/, as check names files; the upload number marked as the pane marks it
    assert "  changed  manifest.json  (only the new brandingID)\n" in r.stdout
    assert "--- before/manifest.json" in r.stdout
    assert '+    "brandingID": ' in r.stdout
    assert "Services > Web App Customization" in r.stdout
    assert (
        "  2. Add a customization there (or open the one you replace), choose Web App 2 (webapp2) and upload out.zip"
        in r.stdout
    )
    assert r.stdout.endswith(
        "  (To automate the upload: POST out.zip (multipart, as branding_file, with webapp_type "
        "'webapp2') to /api/admin/configuration/v1/webapp_branding/, or run plugin-designer deploy.)\n"
    )
    _same_but_branding_id(_zip_files(original), _zip_files(tmp_path / "out.zip"))
    assert not [n for n in _zip_files(tmp_path / "out.zip") if "imported" in n]  # (as the note says)
    r = _cli("export", str(tmp_path / "project"), "-o", str(tmp_path / "again.zip"), "--json", "--branding-id", "5")
    assert r.returncode == 2 and "not greater" in json.loads(r.stdout)["error"]
    r = _cli("export", str(tmp_path / "project"), "-o", str(tmp_path / "again.zip"), "--json")
    doc = json.loads(r.stdout)
    assert r.returncode == 0 and doc["ok"] and doc["brandingID"]["new"] > doc["brandingID"]["old"]
    assert [c["path"] for c in doc["changes"]] == ["webapp2/manifest.json"]  # the ZIP's entry
    assert [c["file"] for c in doc["changes"]] == ["manifest.json"]  # what the output line and check say
    assert doc["upload_by_script"].startswith("To automate the upload: POST again.zip") and not any(
        "POST" in line for line in doc["checklist"]
    )


def test_cli_import_refuses_hostile_archive(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "bad.zip", "w") as zf:
        zf.writestr("webapp2/settings.json", b"{}")
        zf.writestr("webapp2/../../evil.sh", b"rm -rf /")
    r = _cli("import", str(tmp_path / "bad.zip"), "-o", str(tmp_path / "p"))
    assert r.returncode == 2 and "webapp2/../../evil.sh" in r.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.zip"]


def test_cli_import_missing_only_the_manifest_says_so_without_neither(tmp_path: Path) -> None:
    """With settings.json there, the note said the ZIP lacked the manifest '(a Management Node
    default download has neither)': not this ZIP's case."""
    with zipfile.ZipFile(tmp_path / "half.zip", "w") as zf:
        zf.writestr("webapp2/settings.json", b'{"plugins": []}')
    r = _cli("import", str(tmp_path / "half.zip"), "-o", str(tmp_path / "p"))
    assert r.returncode == 0, r.stderr
    assert "Note: the ZIP has no manifest.json. Run 'plugin-designer check --fix" in r.stdout
    assert "neither" not in r.stdout
    r = _cli("import", str(tmp_path / "half.zip"), "-o", str(tmp_path / "q"), "--create-missing")
    assert r.returncode == 0 and "Created webapp2/manifest.json, which the ZIP did not have." in r.stdout


def test_cli_import_management_node_download(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "mn.zip", "w") as zf:
        zf.writestr("webapp2/themes/default/theme.css", b"a{}")
    r = _cli("import", str(tmp_path / "mn.zip"), "-o", str(tmp_path / "p"))
    assert r.returncode == 0 and "check --fix" in r.stdout and "--create-missing" in r.stdout
    assert "has no settings.json and no manifest.json (a Management Node default download has neither)." in r.stdout
    # "or import again with --create-missing": an administrator did, into the same folder, and was
    # refused (it holds the project now). The note says where it works.
    assert (
        "(importing again with --create-missing does it too, but only into a new folder: this one now holds" in r.stdout
    )
    again = _cli("import", str(tmp_path / "mn.zip"), "-o", str(tmp_path / "p"), "--create-missing")
    assert again.returncode == 2 and "already exists and is not empty" in again.stderr
    r = _cli("import", str(tmp_path / "mn.zip"), "-o", str(tmp_path / "q"), "--create-missing")
    assert r.returncode == 0, r.stderr
    assert "Created webapp2/settings.json and webapp2/manifest.json, which the ZIP did not have." in r.stdout
    assert "created: " not in r.stdout and "0 errors" in r.stdout
    r = _cli("export", str(tmp_path / "q"), "-o", str(tmp_path / "q.zip"))
    assert r.returncode == 0, r.stderr
    assert sorted(_zip_files(tmp_path / "q.zip")) == [
        "webapp2/manifest.json",
        "webapp2/settings.json",
        "webapp2/themes/default/theme.css",
    ]


def test_cli_export_blocked_and_forced(base_project: Path, tmp_path: Path) -> None:
    (base_project / "webapp2" / "plugins" / "rec" / "rec.plugin.package.json").unlink()
    r = _cli("export", str(base_project), "-o", str(tmp_path / "out.zip"))
    assert r.returncode == 1 and "PD201" in r.stderr and "Export blocked" in r.stderr
    assert not (tmp_path / "out.zip").exists()
    checked = _cli("check", str(base_project))
    pd201 = [line for line in checked.stdout.splitlines() if " error PD201 " in line]
    assert pd201 and pd201[0] in r.stderr.splitlines()  # the line check prints: a path the terminal can open
    r = _cli("export", str(base_project), "-o", str(tmp_path / "out.zip"), "--force")
    assert r.returncode == 0 and (tmp_path / "out.zip").is_file()
    assert "warning: exported despite " + pd201[0].split(": error ")[0] + ": PD201 " in r.stderr
    r = _cli("export", str(tmp_path / "nowhere"), "-o", str(tmp_path / "x.zip"))
    assert r.returncode == 2


# -- names a ZIP cannot hold, OS clutter, outputs that are not files, brandingIDs JavaScript cannot tell apart
def _bytes_name_file(folder: Path, name: bytes, in_folder: bytes | None = None) -> None:
    """Create ``folder/name`` (or ``folder/in_folder/name``) where a name is raw bytes, not UTF-8.

    Skips the test where the file system refuses such names (macOS's APFS, Windows).
    """
    base = os.fsencode(folder)
    try:
        if in_folder is not None:
            base = os.path.join(base, in_folder)
            os.mkdir(base)
        with open(os.path.join(base, name), "wb") as fh:
            fh.write(b"x")
    except OSError as exc:
        pytest.skip(f"this file system cannot store a name that is not UTF-8: {exc}")


def test_names_a_zip_cannot_hold_or_import_would_refuse_are_left_out_and_named(
    base_project: Path, tmp_path: Path
) -> None:
    themes = base_project / "webapp2" / "themes"
    themes.mkdir()
    _bytes_name_file(themes, b"caf\xe9.css")
    (themes / "a\nb.css").write_text("new line in the name")
    (themes / "c:d.css").write_text("a colon")
    (themes / "kept.css").write_text("kept")
    plan = plan_export(load(base_project))
    assert "webapp2/themes/caf\\xe9.css" in plan.skipped
    assert "UTF-8" in plan.skip_reasons["webapp2/themes/caf\\xe9.css"]
    assert "control characters" in plan.skip_reasons["webapp2/themes/a\\nb.css"]
    assert "':'" in plan.skip_reasons["webapp2/themes/c:d.css"]
    assert all(name.isprintable() for name in plan.skipped)
    result = write_export(plan, tmp_path / "out.zip")
    names = sorted(_zip_files(result.path))
    assert [n for n in names if n.startswith("webapp2/themes/")] == ["webapp2/themes/kept.css"]
    assert import_zip(result.path, tmp_path / "again").files == len(names)  # what we export imports again


def test_folder_with_an_undecodable_name_is_left_out_once(base_project: Path, tmp_path: Path) -> None:
    _bytes_name_file(base_project / "webapp2", b"logo.svg", in_folder=b"img\xff")
    plan = plan_export(load(base_project))
    assert [s for s in plan.skipped if "img" in s] == ["webapp2/img\\xff/"]
    write_export(plan, tmp_path / "out.zip")


def test_operating_system_clutter_is_never_exported(base_project: Path, tmp_path: Path) -> None:
    web = base_project / "webapp2"
    for rel in ["Thumbs.db", "plugins/rec/thumbs.db", "themes/desktop.ini", "__MACOSX/plugins/._rec.js"]:
        (web / rel).parent.mkdir(parents=True, exist_ok=True)
        (web / rel).write_text("clutter")
    plan = plan_export(load(base_project))
    assert not [n for n in plan.entries if "thumbs" in n.lower() or "desktop.ini" in n or "MACOSX" in n]
    assert plan.skip_reasons["webapp2/__MACOSX/"] == "left behind by the operating system"
    assert is_excluded("plugins/a/Thumbs.db") and is_excluded("__MACOSX/x.js") and is_excluded("Desktop.ini")
    assert not is_excluded("plugins/thumbs/db.js")


@pytest.mark.parametrize("via_link", [False, True], ids=["fifo", "link-to-fifo"])
def test_output_that_exists_and_is_not_a_regular_file_is_refused(
    base_project: Path, tmp_path: Path, via_link: bool
) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this system")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    out = fifo
    if via_link:
        out = tmp_path / "link.zip"
        out.symlink_to(fifo)
    plan = plan_export(load(base_project))
    with pytest.raises(ExportRefused, match="named pipe.*not a regular file"):
        write_export(plan, out)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode) and out.is_symlink() == via_link
    assert "last_export" not in load_state(base_project)
    r = _cli("export", str(base_project), "-o", str(out))
    assert r.returncode == 2 and f"plugin-designer: {out} is" in r.stderr and "named pipe" in r.stderr
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_branding_id_must_be_positive_and_safe_in_javascript(base_project: Path) -> None:
    pkg = load(base_project)
    for bad in ("-5", "0", -5, "²", "1e26"):
        with pytest.raises(ExportRefused, match="must be a positive whole number"):
            plan_export(pkg, bad)
    for too_big in (2**53, str(10**26), "9" * 5000):
        with pytest.raises(ExportRefused, match=r"too large.*9007199254740991"):
            plan_export(pkg, too_big)
    assert plan_export(pkg, 2**53 - 1).branding_id == 2**53 - 1


def test_a_branding_id_beyond_javascript_numbers_is_followed_by_one_that_differs(tmp_path: Path) -> None:
    """One more than 1e26 is 1e26 to the web app: the next id must differ as a JavaScript number."""
    from designer.core.fixes import JS_SAFE_INTEGER, new_branding_id

    huge = 10**26
    new = new_branding_id(huge)
    assert isinstance(new, int) and new <= JS_SAFE_INTEGER and float(new) != float(huge)
    assert new_branding_id(str(huge)) == str(new) or float(new_branding_id(str(huge))) != float(huge)
    assert new_branding_id(JS_SAFE_INTEGER - 5) == JS_SAFE_INTEGER - 4  # still counting up below the limit


def test_an_existing_file_that_is_no_zip_is_not_replaced(base_project: Path, tmp_path: Path) -> None:
    """`export -o notes.txt` replaced the notes with the ZIP, without a word; an earlier ZIP (or an
    empty file) is still replaced, as asked."""
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes\n")
    r = _cli("export", str(base_project), "-o", str(notes))
    assert r.returncode == 2 and "is a file that is not a ZIP" in r.stderr
    assert notes.read_text() == "my notes\n" and "last_export" not in load_state(base_project)
    earlier = tmp_path / "earlier.zip"
    assert _cli("export", str(base_project), "-o", str(earlier)).returncode == 0
    assert _cli("export", str(base_project), "-o", str(earlier)).returncode == 0
    empty = tmp_path / "empty.zip"
    empty.touch()
    assert _cli("export", str(base_project), "-o", str(empty)).returncode == 0


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("plugins/rec/aux.svg", "'webapp2/plugins/rec/aux.svg' is a name Windows keeps for a device (AUX"),
        ("plugins/CON/x.svg", "The folder 'webapp2/plugins/CON' of 'webapp2/plugins/CON/x.svg' is a name Windows"),
        ("plugins/rec/icon.svg.", "'webapp2/plugins/rec/icon.svg.' ends in a dot"),
    ],
)
def test_names_windows_cannot_unpack_are_refused(base_project: Path, tmp_path: Path, name: str, said: str) -> None:
    """As with names that differ only in letter case (check warns, PD214): the export wrote a ZIP
    that cannot be unpacked on Windows, where administrators often open branding ZIPs."""
    path = base_project / "webapp2" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("x")
    out = tmp_path / "x.zip"
    r = _cli("export", str(base_project), "-o", str(out))
    assert r.returncode == 2 and said in r.stderr and "Rename it" in r.stderr, r.stderr
    assert not out.exists()


def test_folders_that_would_be_one_are_refused(base_project: Path, tmp_path: Path) -> None:
    """plugins/Rec/ beside plugins/rec/ is one folder on Windows and macOS: the export wrote both,
    and its own import refused the ZIP."""
    plugins = base_project / "webapp2" / "plugins"
    (plugins / "Rec").mkdir()
    (plugins / "Rec" / "other.svg").write_text("x")
    if len(list(plugins.iterdir())) < 2:
        pytest.skip("this file system folds the two names into one")
    out = tmp_path / "x.zip"
    r = _cli("export", str(base_project), "-o", str(out))
    assert r.returncode == 2 and not out.exists(), r.stdout
    assert "The folder 'webapp2/plugins/" in r.stderr and "webapp2/plugins/Rec" in r.stderr
    assert "differ only in letter case; on Windows and macOS they are one" in r.stderr


@pytest.mark.parametrize(
    ("first", "second", "how"),
    [("notes.txt", "Notes.txt", "letter case"), ("caf\u00e9.txt", "cafe\u0301.txt", "how an accented letter")],
)
def test_names_that_would_overwrite_each_other_are_refused(
    base_project: Path, tmp_path: Path, first: str, second: str, how: str
) -> None:
    """The export wrote both, and its own import refused the ZIP."""
    for name in (first, second):
        (base_project / "webapp2" / name).write_text(name)
    if len({p.name for p in (base_project / "webapp2").iterdir()} & {first, second}) < 2:
        pytest.skip("this file system folds the two names into one")
    out = tmp_path / "x.zip"
    r = _cli("export", str(base_project), "-o", str(out))
    assert r.returncode == 2 and how in r.stderr and not out.exists()


def test_sharp_s_and_ss_are_two_names(base_project: Path, tmp_path: Path) -> None:
    """casefold() made 'Straße.txt' and 'Strasse.txt' one name and the export was refused; Windows
    folds case letter by letter and keeps them apart."""
    for name in ("Stra\u00dfe.txt", "Strasse.txt"):
        (base_project / "webapp2" / name).write_text(name)
    out = tmp_path / "x.zip"
    r = _cli("export", str(base_project), "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert {"webapp2/Stra\u00dfe.txt", "webapp2/Strasse.txt"} <= set(zipfile.ZipFile(out).namelist())


@pytest.mark.parametrize("depth", [600, 975])
def test_a_value_nested_hundreds_deep_is_reported_by_check_and_export_alike(
    base_project: Path, tmp_path: Path, capsys, depth: int
) -> None:
    """A list nested 600 levels deep in settings.json passed `check`, then `export` ended in a
    RecursionError traceback (comparing it with the model's value calls itself per level); one
    975 deep loaded or not depending on how deep in the program it was read. Now more than 100
    levels is PD100, at the bracket where it goes too deep, for check and export alike; --force
    still exports the file as it is."""
    from designer.cli import main

    settings = base_project / "webapp2/settings.json"
    text = settings.read_text().replace("{", '{\n  "deep": ' + "[" * depth + "]" * depth + ",", 1)
    settings.write_text(text)
    column = len('  "deep": ') + 100  # its 100th [ is the 101st level, with the file's {
    where = f"settings.json:2:{column}: error PD100 "
    assert main(["check", str(base_project)]) == 1
    assert where in capsys.readouterr().out
    out = tmp_path / "out.zip"
    assert main(["export", str(base_project), "-o", str(out)]) == 1
    assert where in capsys.readouterr().err and not out.exists()
    assert main(["export", str(base_project), "-o", str(out), "--force"]) == 0
    assert _zip_files(out)["webapp2/settings.json"] == text.encode()


def test_a_value_nested_a_hundred_deep_is_read_and_exported(base_project: Path, tmp_path: Path) -> None:
    """The limit is more than 100 levels: 100 (far more than any branding file) is still read."""
    settings = base_project / "webapp2/settings.json"
    text = settings.read_text().replace("{", '{\n  "deep": ' + "[" * 99 + "]" * 99 + ",", 1)  # 100 with the file's {}
    settings.write_text(text)
    pkg = load(base_project)
    assert not [p for p in run_checks(pkg) if p.code == "PD100"]
    export_package(pkg, tmp_path / "out.zip")
    assert _zip_files(tmp_path / "out.zip")["webapp2/settings.json"] == text.encode()


def test_export_of_dot_in_the_webapp2_folder_keeps_the_record_in_the_project_folder(
    base_project: Path, tmp_path: Path, capsys, monkeypatch
) -> None:
    """`export . -o ...` typed in the webapp2 folder (the README: "a project folder, or its webapp2
    folder") took '.' itself for the project: .plugin-designer/ (the last brandingID, the trash) was
    made inside webapp2/, where opening the project folder never found it, and a file there named
    .plugin-designer was not reported (PD110). Now the project is the folder that holds webapp2/."""
    from designer.cli import main

    webapp2 = base_project / "webapp2"
    monkeypatch.chdir(webapp2)
    out = tmp_path / "out.zip"
    assert main(["export", ".", "-o", str(out)]) == 0
    capsys.readouterr()
    assert not (webapp2 / ".plugin-designer").exists()
    exported = load_state(base_project)["last_export"]
    assert exported["path"] == str(out)
    # The next export from the project folder knows this one: it compares with it and goes higher.
    again = tmp_path / "again.zip"
    assert main(["export", str(base_project), "-o", str(again), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["brandingID"]["old"] == exported["brandingID"] and "the last export" in doc["baseline"]
    (base_project / ".plugin-designer").rename(tmp_path / "kept")
    (base_project / ".plugin-designer").write_text("notes", encoding="utf-8")
    monkeypatch.chdir(webapp2 / "plugins")
    assert main(["check", ".."]) == 0
    assert capsys.readouterr().out.startswith("../../.plugin-designer: warning PD110 ")


def test_export_of_dot_names_paths_as_check_does_in_the_project_and_in_webapp2(
    base_project: Path, tmp_path: Path, capsys, monkeypatch
) -> None:
    """Run in webapp2/, export named the project's files in full ('/home/me/p/.plugin-designer')
    where check said '../.plugin-designer'; run in the project folder, the ZIP name it offers was
    '-branding.zip' (the name of '.' is empty), and deploy's was put inside the project."""
    from designer.cli import main
    from designer.core.deploy import default_zip_path
    from designer.core.zipnames import zip_name_for

    name = zip_name_for(base_project.name)
    monkeypatch.chdir(base_project / "webapp2")
    assert main(["export", ".", "-o", ".."]) == 2
    assert capsys.readouterr().err.strip() == (
        f"plugin-designer: .. is a folder; give the name of the ZIP file to write, such as ../{name}."
    )
    (base_project / ".plugin-designer").write_text("notes", encoding="utf-8")
    assert main(["check", "."]) == 0
    assert capsys.readouterr().out.startswith("../.plugin-designer: warning PD110 ")
    assert main(["export", ".", "-o", str(tmp_path / "out.zip")]) == 2
    assert capsys.readouterr().err.startswith("plugin-designer: ../.plugin-designer is a file, where the designer ")
    (base_project / ".plugin-designer").unlink()
    assert default_zip_path(load(Path(".")).files.project) == Path("../..") / name  # (deploy's, when no -o)

    monkeypatch.chdir(base_project)
    assert main(["export", ".", "-o", ".."]) == 2
    assert capsys.readouterr().err.strip().endswith(f"such as ../{name}.")
    assert default_zip_path(load(Path(".")).files.project) == Path("..") / name


def _two_exports_apart(project: Path, tmp_path: Path, capsys, *flags: str) -> str:
    """Export ``project`` (the baseline), rewrite its sources as a minifier and a rewrite do, export
    again with ``flags`` and return what the command printed."""
    from designer.cli import main

    plugins = project / "webapp2" / "plugins"
    lib, big = plugins / "lock-toggle" / "lib.min.js", plugins / "meeting-info" / "big.js"
    lib.write_text("var a=1;" * 50000)
    big.write_text("".join(f"var v{i} = {i};\n" for i in range(5000)))
    assert main(["export", str(project), "-o", str(tmp_path / "first.zip")]) == 0
    lib.write_text("var b=2;" * 50000)
    big.write_text(big.read_text().replace("var v", "let w"))
    capsys.readouterr()
    assert main(["export", str(project), "-o", str(tmp_path / "second.zip"), *flags]) == 0
    return capsys.readouterr().out


def test_cli_export_diff_is_cut_as_the_pane_cuts_it(example_project: Path, tmp_path: Path, capsys) -> None:
    """--diff printed a minified source's one line whole (400,000 characters) and a 5,000-line
    rewrite's 10,000 lines; it cuts them as 'What changed' does, saying how much more."""
    out = _two_exports_apart(example_project, tmp_path, capsys, "--diff")
    assert "\n    -" + "var a=1;" * 62 + "var … (399,501 more characters on this line)\n" in out, out[:3000]
    assert (
        "\n    … and 9,603 more lines of this file's diff, not shown here\n"
        "      (in all 5,000 lines removed and 5,000 added; --full-diff prints them all).\n"
        "Upload checklist:\n"
    ) in out, out[-3000:]
    assert max(len(line) for line in out.split("\n")) < 600
    assert out.count("\n") < 500


def test_cli_export_full_diff_prints_every_diff_whole(example_project: Path, tmp_path: Path, capsys) -> None:
    out = _two_exports_apart(example_project, tmp_path, capsys, "--full-diff")
    no_break = "\n    \\ No newline at end of file\n"
    assert "\n    -" + "var a=1;" * 50000 + no_break + "    +" + "var b=2;" * 50000 + no_break in out
    assert "\n    -var v4999 = 4999;\n" in out and "\n    +let w4999 = 4999;\n" in out
    assert " more characters on this line" not in out and "not shown here" not in out


def test_cli_export_json_keeps_every_diff_whole_and_marks_the_upload_number(
    example_project: Path, tmp_path: Path, capsys
) -> None:
    """--json is for scripts: nothing is cut there, and each change says whether it is only the
    new brandingID, as the lines of the pane and the command do."""
    changes = {
        c["file"]: c for c in json.loads(_two_exports_apart(example_project, tmp_path, capsys, "--json"))["changes"]
    }
    assert "+" + "var b=2;" * 50000 + "\n" in changes["plugins/lock-toggle/lib.min.js"]["diff"]
    assert changes["plugins/meeting-info/big.js"]["diff"].count("\n") > 10_000
    assert changes["manifest.json"]["only_branding_id"] is True
    assert changes["plugins/lock-toggle/lib.min.js"]["only_branding_id"] is False
    from designer.cli import main

    assert main(["export", str(example_project), "-o", str(tmp_path / "third.zip"), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["nothing_but_branding_id"] is True and doc["changes"][0]["only_branding_id"] is True


def test_cli_export_says_the_sizes_of_added_and_removed_files(example_project: Path, tmp_path: Path, capsys) -> None:
    """An added file was a bare name (a 3 MB bundle read like an icon); a first export said
    'every file is new' and named none of them, where the pane lists them."""
    from designer.cli import main

    assert main(["export", str(example_project), "-o", str(tmp_path / "first.zip")]) == 0
    out = capsys.readouterr().out
    settings = (example_project / "webapp2" / "settings.json").stat().st_size
    assert (
        "every file is new.\n  added    manifest.json  (" in out
        and f"\n  added    settings.json  ({settings:,} bytes)\n" in out
    ), out
    plugins = example_project / "webapp2" / "plugins"
    (plugins / "lock-toggle" / "bundle.js").write_text("x" * 3_000_000)
    (plugins / "lock-toggle" / "notes.js").write_text("//\n")
    unlock = plugins / "lock-toggle" / "unlock.svg"
    gone = unlock.stat().st_size
    unlock.unlink()
    assert main(["export", str(example_project), "-o", str(tmp_path / "second.zip"), "--force"]) == 0
    out = capsys.readouterr().out
    assert "\n  added    plugins/lock-toggle/bundle.js  (2.9 MB)\n" in out, out
    assert "\n  added    plugins/lock-toggle/notes.js  (3 bytes)\n" in out, out
    assert f"\n  removed  plugins/lock-toggle/unlock.svg  (was {gone:,} bytes)\n" in out, out


def test_cli_first_export_diff_prints_each_files_text_cut_as_a_later_exports_added_files(
    example_project: Path, tmp_path: Path, capsys
) -> None:
    """A first export's --diff printed no diff at all (every file only listed), while a later
    export's gave its added files' text and --json each one's: the first now prints each text file
    below its line as an added file's, cut alike (400 lines, 500 characters; --full-diff: whole)."""
    from designer.cli import main

    plugins = example_project / "webapp2" / "plugins"
    (plugins / "lock-toggle" / "lib.min.js").write_text("var a=1;" * 50000)
    (plugins / "meeting-info" / "big.js").write_text("".join(f"var v{i} = {i};\n" for i in range(5000)))
    assert main(["export", str(example_project), "-o", str(tmp_path / "first.zip"), "--diff"]) == 0
    out = capsys.readouterr().out
    assert "every file is new.\n  added    manifest.json  (" in out
    settings = (example_project / "webapp2" / "settings.json").read_text(encoding="utf-8")
    shown = "".join(f"    +{line}\n" for line in settings.splitlines())
    assert f"  added    settings.json  ({len(settings.encode()):,} bytes)\n" in out
    assert "    --- before/settings.json\n    +++ after/settings.json\n" in out and shown in out, out[-3000:]
    assert "\n    +" + "var a=1;" * 62 + "var … (399,501 more characters on this line)\n" in out
    assert "\n    … and 4,603 more lines of this file's diff, not shown here\n" in out
    assert max(len(line) for line in out.split("\n")) < 600
    (example_project / ".plugin-designer").rename(tmp_path / "kept")  # (first again)
    assert main(["export", str(example_project), "-o", str(tmp_path / "again.zip"), "--full-diff"]) == 0
    whole = capsys.readouterr().out
    assert "\n    +" + "var a=1;" * 50000 + "\n" in whole and "\n    +var v4999 = 4999;\n" in whole
    assert "not shown here" not in whole
    (example_project / ".plugin-designer").rename(tmp_path / "kept again")
    assert main(["export", str(example_project), "-o", str(tmp_path / "quiet.zip")]) == 0
    listed = capsys.readouterr().out  # (without --diff: the list alone, as before)
    assert "every file is new." in listed and "  added    settings.json  (" in listed and "+++ after/" not in listed


def test_cli_export_diff_keeps_tabs_and_escapes_what_a_terminal_would_obey(
    example_project: Path, tmp_path: Path, capsys
) -> None:
    """The diff went out as the file holds it: an ESC sequence in a source cleared the terminal of
    whoever ran export --diff, and each line of a CRLF file ended with its CR."""
    from designer.cli import main

    js = example_project / "webapp2" / "plugins" / "lock-toggle" / "notes.js"
    js.write_bytes(b"\tone\x1b[2J\r\n")
    assert main(["export", str(example_project), "-o", str(tmp_path / "first.zip")]) == 0
    js.write_bytes(b"\ttwo\x1b[2J\r\n")
    capsys.readouterr()
    assert main(["export", str(example_project), "-o", str(tmp_path / "second.zip"), "--diff"]) == 0
    out = capsys.readouterr().out
    assert "\n    -\tone\\x1b[2J\n    +\ttwo\\x1b[2J\n" in out, out
    assert "\x1b" not in out and "\r" not in out


def test_cli_export_into_a_pipe_closed_early_ends_quietly_with_the_exports_code(
    example_project: Path, tmp_path: Path
) -> None:
    """`export --diff | head -3`: the ZIP is written before the report, so the command ends with 0
    and no BrokenPipeError traceback (it ended with 1, the code of an export blocked by errors)."""
    lib = example_project / "webapp2" / "plugins" / "lock-toggle" / "lib.min.js"
    lib.write_text("var a=1;" * 50000)
    assert _cli("export", str(example_project), "-o", str(tmp_path / "first.zip")).returncode == 0
    lib.write_text("var b=2;" * 50000)
    for flags in (["--full-diff"], ["--json"]):
        out = tmp_path / f"{flags[0][2:]}.zip"
        with subprocess.Popen(
            [sys.executable, "-m", "designer", "export", str(example_project), "-o", str(out), *flags],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        ) as run:
            assert run.stdout is not None and run.stderr is not None
            run.stdout.readline()
            run.stdout.close()  # (the rest, 800,000 characters of diff or JSON, is more than a pipe holds)
            err = run.stderr.read()
            assert run.wait(timeout=120) == 0 and err == b"", err.decode()
        assert zipfile.is_zipfile(out)
        lib.write_text(lib.read_text().replace("=", "=-"))  # (a change again: the next diff is as long)


def test_a_zip_named_in_the_designers_own_folder_is_refused_for_what_that_folder_is(
    base_project: Path, tmp_path: Path
) -> None:
    """`export p -o p/.plugin-designer/imported.zip` was refused because the ZIP "would end up in the
    next export", which nothing in that folder does: the reason to give is what the folder holds
    (the copy of the imported ZIP the export compares with would have been replaced)."""
    import_zip(export_package(base_project, tmp_path / "first.zip").path, tmp_path / "p")
    kept = tmp_path / "p" / ".plugin-designer" / "imported.zip"
    before = kept.read_bytes()
    plan = plan_export(load(tmp_path / "p"))
    with pytest.raises(ExportRefused) as refused:
        write_export(plan, kept)
    said = str(refused.value)
    assert "next export" not in said and "outside" in said and "the designer keeps" in said, said
    assert kept.read_bytes() == before
    # Inside webapp2/ the reason stays: the ZIP would be uploaded with the next export.
    with pytest.raises(ExportRefused, match="it would end up in the next export"):
        write_export(plan, tmp_path / "p" / "webapp2" / "x.zip")


def test_checklist_reads_a_missing_allow_unload_as_the_preview_and_the_form_do(example_project: Path) -> None:
    """With no allowUnload in its package file, a plugin off at start was "Installed but off until a
    user turns them on" in the upload checklist, while the preview said "never started: … nobody can
    switch it on", the form showed 'Users may switch it off' unticked and PD312 says a missing
    allowUnload means users cannot switch the plugin. Now the checklist says so too."""
    pkg = load(example_project)
    plugin = next(p for p in pkg.plugins if p.display_name == "Lock toggle")
    assert plugin.package is not None
    plugin.package.allow_unload = None
    plugin.entry.enabled = False
    lines = plan_export(pkg).checklist()
    assert not any(line.startswith("Installed but off") for line in lines), lines
    assert any(line.startswith("Off, and users cannot turn them on") and "Lock toggle" in line for line in lines)
    plugin.entry.enabled = True
    assert any(
        line.startswith("Lock toggle:") and line.endswith("; users cannot turn it off.")
        for line in plan_export(pkg).checklist()
    )


def test_a_text_file_of_another_kind_gets_its_line_diff(base_project: Path, tmp_path: Path) -> None:
    """A changed notes.txt was "Not a text file, so no line diff", and an added one (or a .mjs)
    showed no text under --diff: only six web suffixes counted as text. Any file whose bytes read
    as UTF-8 text gets its diff now; a picture is still no text."""
    web = base_project / "webapp2"
    (web / "notes.txt").write_text("hello\nthere\n", encoding="utf-8")
    export_package(base_project, tmp_path / "one.zip")
    (web / "notes.txt").write_text("hello\nagain\n", encoding="utf-8")
    (web / "plugins" / "rec" / "helper.mjs").write_text("export const a = 1;\n", encoding="utf-8")
    (web / "logo.gif").write_bytes(b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04")
    got = {c.path: c for c in plan_export(load(base_project), problems=[]).changes}
    notes = got["webapp2/notes.txt"]
    assert notes.notes == [] and "-there\n+again\n" in notes.diff
    assert "+export const a = 1;\n" in got["webapp2/plugins/rec/helper.mjs"].diff
    assert got["webapp2/logo.gif"].diff == ""


def test_checklist_says_who_and_where_the_app_really_loads_a_plugin(example_project: Path) -> None:
    """Roles and platforms the app does not know (PD311, exported with --force) were listed as
    if they worked: "for host and Guests, on Web, Desktop app" for a plugin only guests get,
    only in the desktop app. The checklist is what the administrator checks after the upload."""
    pkg = load(example_project)
    package = next(p for p in pkg.plugins if p.display_name == "Lock toggle").package
    assert package is not None
    package.participant_roles, package.platforms = ["host", "guest"], ["Web", "electron"]
    lines = plan_export(pkg).checklist()
    assert (
        "Lock toggle: toolbar button, for Guests only, on Desktop app (the app does not know 'host' and 'Web', "
        "which it leaves out)." in lines
    )
    package.participant_roles, package.platforms = ["Host"], ["WEB"]
    lines = plan_export(pkg).checklist()
    assert (
        "Lock toggle: toolbar button, for nobody, on no platform (the app does not know 'Host' "
        "and 'WEB', which it leaves out)." in lines
    )


@pytest.mark.parametrize("written", ['"abc"', "true", '"12 34"'])
def test_a_brandingid_that_is_no_number_does_not_block_the_export_that_replaces_it(
    example_project: Path, tmp_path: Path, written: str
) -> None:
    """manifest.json's brandingID "abc" (PD102) blocked the export, which writes a new number
    there anyway; manifest.json is read-only in the designer, so nothing in it could get past."""
    manifest = example_project / "webapp2" / "manifest.json"
    manifest.write_text(f'{{"brandingID": {written}, "isSettingsBranded": true}}\n')
    plan = plan_export(load(example_project))
    assert plan.errors == []
    assert "brandingID will be replaced by a number" in plan.repaired
    result = write_export(plan, tmp_path / "out.zip")
    new = json.loads(_zip_files(result.path)["webapp2/manifest.json"])["brandingID"]
    assert str(new).isdigit() and json.loads(manifest.read_text())["brandingID"] == new


def test_one_change_since_the_last_export_is_counted_as_one(base_project: Path, tmp_path: Path) -> None:
    """One file changed since the last export was summed up "2 changed": the new brandingID in
    manifest.json, which every export writes, counted as a change of the user's."""
    export_package(base_project, tmp_path / "one.zip")
    js = base_project / "webapp2" / "plugins" / "rec" / "rec.plugin.js"
    js.write_text(js.read_text().replace("function", "function /* changed */", 1))
    plan = plan_export(load(base_project))
    assert plan.summary() == (
        f"Since the last export (one.zip, brandingID {plan.old_branding_id}): 1 changed "
        "(and the new brandingID in manifest.json)."
    )


# A designer process exporting, killed (os._exit, as kill -9) just before the n-th of the export's
# renames into place (manifest.json, settings.json, the ZIP, the state): not an exception the
# export's own putting back could see.
_KILLED_EXPORT = """
import os, runpy, sys
limit, real = int(sys.argv[1]), os.replace
done = [0]
def replace(src, dst, *args, **kwargs):
    if os.path.basename(str(dst)) in ("manifest.json", "settings.json", "state.json", "out.zip"):
        if done[0] == limit:
            os._exit(9)
        done[0] += 1
    return real(src, dst, *args, **kwargs)
os.replace = replace
sys.argv = ["plugin-designer", "export", *sys.argv[2:]]
runpy.run_module("designer", run_name="__main__")
"""


def _zip_branding_id(path: Path) -> object:
    with zipfile.ZipFile(path) as zf:
        return json.loads(zf.read("webapp2/manifest.json"))["brandingID"]


@pytest.mark.parametrize("renames_done", [0, 1, 2])
def test_an_export_killed_between_its_files_leaves_the_project_and_the_zip_agreeing(
    base_project: Path, tmp_path: Path, renames_done: int
) -> None:
    """Killed after manifest.json got the new brandingID but before the ZIP (or after the ZIP, before
    the state), the project said a brandingID was exported that no ZIP held, or the ZIP held one the
    project did not remember (the next export repeated it). Opened again, the export is finished:
    manifest.json, the state and the ZIP name the same brandingID."""
    out = tmp_path / "out.zip"
    assert _cli("export", str(base_project), "-o", str(out)).returncode == 0
    first = _zip_branding_id(out)
    run = subprocess.run(
        [sys.executable, "-c", _KILLED_EXPORT, str(renames_done), str(base_project), "-o", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 9, run.stderr
    pkg = load(base_project)
    assert pkg.manifest is not None
    state = load_state(base_project)
    assert pkg.manifest.branding_id == state["last_export"]["brandingID"] == _zip_branding_id(out) != first
    assert [p.name for p in base_project.rglob("*.tmp")] == []
    assert [p.name for p in tmp_path.glob(".*.tmp")] == []


def test_a_write_this_process_is_still_at_is_not_finished_under_it(base_project: Path, tmp_path: Path) -> None:
    """The project opened again (a reload, coming back to the window) while this very process
    writes an export on another thread (a deploy): its journal is not taken for a killed one's."""
    from designer.core.files import finish_interrupted_write

    journal = base_project / ".plugin-designer" / "writing.json"
    journal.parent.mkdir(exist_ok=True)
    tmp = base_project / "webapp2" / f".manifest.json.pd-{os.getpid()}-abcdefgh.tmp"
    tmp.write_text("{}")
    manifest = base_project / "webapp2/manifest.json"
    old = base_project / "webapp2" / f".manifest.json.pd-{os.getpid()}-ijklmnop.old.tmp"
    os.link(manifest, old)
    entry = {"pid": os.getpid(), "replace": [[str(tmp), str(manifest), str(old)]], "kept": [str(old)]}
    journal.write_text(json.dumps({**entry, "moves": []}))
    before = (base_project / "webapp2/manifest.json").read_bytes()
    assert not finish_interrupted_write(journal)
    assert (base_project / "webapp2/manifest.json").read_bytes() == before and tmp.exists()
    os.utime(journal, (1, 1))  # (kept before this process began: an earlier one's of the same id, killed)
    assert finish_interrupted_write(journal)
    assert (base_project / "webapp2/manifest.json").read_text() == "{}" and not journal.exists()
    assert not old.exists()


def test_a_zip_another_program_wrote_after_an_export_was_killed_is_left_as_it_is(
    base_project: Path, tmp_path: Path
) -> None:
    """The export killed before its renames, then another ZIP put where it was going (downloaded
    again, zipped by hand): opening the project finished the export over that file."""
    out = tmp_path / "out.zip"
    run = subprocess.run(
        [sys.executable, "-c", _KILLED_EXPORT, "0", str(base_project), "-o", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 9, run.stderr
    out.write_bytes(b"PK\x05\x06" + bytes(18))  # (an empty ZIP of someone else's)
    load(base_project)
    assert out.read_bytes() == b"PK\x05\x06" + bytes(18)
    assert [p.name for p in tmp_path.glob(".*.tmp")] == []
    assert not (base_project / ".plugin-designer" / "writing.json").exists()


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("plugins/a/b.js", None),
        ("plugins/CVS/Entries", "a version-control folder"),
        ("plugins/a/.GIT/", "a version-control folder"),
        ("plugins/a/.ENV.local", "a file where tools keep passwords"),
        ("plugins/a/.Npmrc", "a file where tools keep passwords"),
        ("plugins/.cache/x.js", "hidden"),
        ("__MACOSX/plugins/a.js", "left behind by the operating system"),
        ("plugins/a/Thumbs.DB", "left behind by the operating system"),
        ("plugins/a/x.js.orig", "an editor backup"),
        ("plugins/a/#x.js#", "an editor backup"),
        ("plugins/a/x.JS~", "an editor backup"),
        ("plugins/a/x.BAK", None),  # (the backup patterns match as written: case counts)
    ],
)
def test_which_names_the_export_leaves_out_is_the_same_whatever_the_order_asked(name: str, why: str | None) -> None:
    """The name rules the export walks with, fingerprints with and the checks quote: each name
    split and lowered once for all of them (a tenth of an export's own time was spent splitting
    it again for each rule), the answers as before, asked once or again (remembered)."""
    from designer.core.files import windows_name_problem
    from designer.core.zipnames import excluded_why, exported_name

    for _ in range(2):
        said = excluded_why(name)
        assert (said is None) if why is None else said.startswith(why)
        assert exported_name(name) is (why is None)
    assert windows_name_problem(f"{name}/CON.svg") == (
        f"{name}/CON.svg",
        "is a name Windows keeps for a device (CON, whatever the extension)",
    )
    assert windows_name_problem("plugins/a./b.svg") == ("plugins/a.", "ends in a dot, which Windows drops from a name")


def test_an_unedited_package_file_is_compared_without_a_look_at_each_of_its_items(
    base_project: Path, tmp_path: Path, monkeypatch
) -> None:
    """The export compares each package file with the model's version of it, whose unedited parts
    are the objects read from the file: it went through every menu item of every plugin to find
    them equal. The ZIP is the same, the new brandingID aside."""
    import designer.core.jsonfile as jsonfile

    path = base_project / "webapp2/plugins/rec/rec.plugin.package.json"
    data = json.loads(path.read_text())
    item = data["menuItems"]["toolbar"][0]
    data["menuItems"]["toolbar"] = [dict(item, label=f"Record {i}") for i in range(60)]
    path.write_text(json.dumps(data, indent=4) + "\n")
    before = export_package(base_project, tmp_path / "before.zip")
    pkg = load(base_project)
    [plugin] = pkg.plugins
    written = pkg.docs[plugin.package_path].data
    modelled = plugin.package.to_json()
    assert modelled["menuItems"] is written["menuItems"]  # (read once: the very same objects)
    looks = 0
    real = jsonfile.same_json

    def counted(a: object, b: object) -> bool:
        nonlocal looks
        looks += 1
        return real(a, b)

    monkeypatch.setattr(jsonfile, "same_json", counted)  # (the look inside a value, at each level)
    assert real(written, modelled)
    assert looks <= len(written)  # (one for each key, none for what is inside)
    monkeypatch.undo()
    after = _zip_files(export_package(pkg, tmp_path / "after.zip").path)
    earlier = _zip_files(before.path)
    assert after.pop("webapp2/manifest.json") != earlier.pop("webapp2/manifest.json")  # (a new brandingID)
    assert after == earlier


def test_the_export_reads_each_file_without_a_python_file_object_and_all_of_it(
    base_project: Path, tmp_path: Path, monkeypatch
) -> None:
    """The export read every file of the package through a buffered Python file object, half the
    time of reading a plugin's small files; read with os.read, a file bigger than one read (a
    bundle of megabytes) is still whole in the ZIP."""
    import builtins
    import io

    big = base_project / "webapp2" / "plugins" / "rec" / "bundle.js"
    big.write_bytes(bytes(range(256)) * (9 * 1024) + b"// the end\n")  # (2.25 MB: three reads)
    pkg = load(base_project)
    opened: list[str] = []
    real = io.open

    def counted(file: object, *args: object, **kwargs: object) -> object:
        opened.append(str(file))
        return real(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", counted)
    monkeypatch.setattr(io, "open", counted)
    plan = plan_export(pkg, problems=[])
    monkeypatch.undo()
    assert [name for name in opened if "webapp2" in name] == []
    result = write_export(plan, tmp_path / "out.zip")
    assert _zip_files(result.path)["webapp2/plugins/rec/bundle.js"] == big.read_bytes()


def _export_killed_before_the_zip(project: Path, out: Path) -> object:
    """The brandingID of an export killed after manifest.json, before the ZIP (see _KILLED_EXPORT)."""
    run = subprocess.run(
        [sys.executable, "-c", _KILLED_EXPORT, "1", str(project), "-o", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 9, run.stderr
    return json.loads((project / "webapp2/manifest.json").read_text())["brandingID"]


def test_the_command_after_a_killed_export_says_once_that_it_finished_it(base_project: Path, tmp_path: Path) -> None:
    """An export killed half way was finished by the next command on the project without a word:
    the ZIP and the project changed under the user, who had seen the export fail. Now that command
    says so on stderr, once."""
    out = tmp_path / "out.zip"
    branding_id = _export_killed_before_the_zip(base_project, out)
    first = _cli("check", str(base_project))
    said = f"The export of brandingID {branding_id} to {out} was cut short"
    assert said in first.stderr and said not in first.stdout
    assert first.stderr.count("was cut short") == 1
    assert _zip_branding_id(out) == branding_id
    assert "cut short" not in _cli("check", str(base_project)).stderr


def test_the_window_opening_a_project_after_a_killed_export_says_it_finished_it(
    window, base_project: Path, tmp_path: Path
) -> None:
    """The window opening the project finished a killed export silently; now its status bar says so."""
    out = tmp_path / "out.zip"
    branding_id = _export_killed_before_the_zip(base_project, out)
    assert window.open_path(base_project)
    assert f"The export of brandingID {branding_id} to {out} was cut short" in window.status.text()
    assert _zip_branding_id(out) == branding_id
    assert window.open_path(base_project)
    assert "cut short" not in window.status.text()


def test_a_killed_export_finished_as_unsaved_changes_are_restored_is_said_too(
    window, base_project: Path, tmp_path: Path, monkeypatch
) -> None:
    """Killed while exporting, with edits not saved yet: the next start restored the edits, and the
    status bar said only that, the export finished at the same time left unsaid."""
    from PySide6.QtWidgets import QMessageBox

    from designer.core.recovery import write_recovery

    pkg = load(base_project)
    pkg.plugins[0].package.name = "Not saved yet"
    write_recovery(pkg)
    out = tmp_path / "out.zip"
    branding_id = _export_killed_before_the_zip(base_project, out)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert window.open_path(base_project)
    said = window.status.text()
    assert "Restored your unsaved changes" in said, said
    assert f"The export of brandingID {branding_id} to {out} was cut short" in said, said
    window.editor.undo_stack.setClean()
