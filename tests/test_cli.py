"""The command line as a user or a CI script runs it: ``python -m designer ...`` in a subprocess."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from broken_cases import MANIFEST, PKG, POSITIVE, SETTINGS, Case, make_webapp2, r, steps
from conftest import EXAMPLE, FIXTURES, ROOT, snapshot

import designer
from designer.cli import COMMANDS

LINE = re.compile(r"^(?P<where>\S.*?): (?P<severity>error|warning|info) (?P<code>PD\d{3}) (?P<message>\S.*)$")


def run(*args: object, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    # (PYTHONPATH: run from another folder, `-m designer` found whichever copy was installed.)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    return subprocess.run(
        [sys.executable, "-m", "designer", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
        env=env,
    )


def case(name: str) -> Case:
    return next(c for c in POSITIVE if c.name == name)


def project(tmp_path: Path, name: str) -> Path:
    """A project folder (holding webapp2/) with the broken case ``name`` applied."""
    make_webapp2(tmp_path / "proj", case(name).mutate)
    return tmp_path / "proj"


def problem_lines(out: str) -> list[re.Match[str]]:
    lines = [ln for ln in out.splitlines() if not ln.startswith("fixed: ")]
    matches = [LINE.match(ln) for ln in lines if not re.match(r"^\d+ plugins? (found on disk )?checked", ln)]
    assert all(matches), out
    return matches  # type: ignore[return-value]


# -- basics ----------------------------------------------------------------------------------


def _zip_webapp2(root: Path, dest: Path) -> None:
    """A branding ZIP of the project at ``root``: its files under ``webapp2/``."""
    with zipfile.ZipFile(dest, "w") as zf:
        for rel, data in snapshot(root).items():
            zf.writestr("webapp2/" + rel, data)


def test_version() -> None:
    out = run("--version")
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == f"plugin-designer {designer.__version__}"
    assert re.fullmatch(r"plugin-designer \S+", out.stdout.strip())


@pytest.mark.parametrize("flags", [(), ("--strict",), ("--json",), ("--json", "--strict")])
def test_example_passes(flags: tuple[str, ...]) -> None:
    out = run("check", *flags, EXAMPLE)
    assert out.returncode == 0, out.stdout + out.stderr
    if "--json" in flags:
        data = json.loads(out.stdout)
        assert data["problems"] == []
        assert data["summary"] == {"errors": 0, "warnings": 0, "info": 0, "plugins": 3, "ok": True}
    else:
        assert out.stdout.strip() == "3 plugins checked: 0 errors, 0 warnings, 0 notes"
        assert out.stderr == ""


def test_counts_are_said_in_words(tmp_path: Path) -> None:
    """The summary said "1 plugin checked: 1 error(s), 0 warning(s), 1 note(s)"; now each count
    takes the noun that goes with it. The --json summary keeps its numbers and keys."""
    from designer.core.wording import counted, plural

    assert [counted(n, "error") for n in (0, 1, 2)] == ["0 errors", "1 error", "2 errors"]
    assert counted(1, "entry", "entries") == "1 entry" and counted(3, "entry", "entries") == "3 entries"
    assert plural(1, "id") == "id" and plural(2, "id") == "ids"
    shutil.copytree(FIXTURES / "base", tmp_path / "p")
    plugin = tmp_path / "p/webapp2/plugins/rec"
    package = plugin / "rec.plugin.package.json"
    package.write_text(package.read_text().replace('"participantRoles": ["chair"]', '"participantRoles": []'))  # PD304
    shutil.copy(plugin / "rec.svg", plugin / "spare.svg")  # PD406, a note
    out = run("check", tmp_path / "p")
    assert out.returncode == 1
    assert out.stderr.splitlines()[-1] == "1 plugin checked: 1 error, 0 warnings, 1 note"
    data = json.loads(run("check", "--json", tmp_path / "p").stdout)
    assert data["summary"] == {"errors": 1, "warnings": 0, "info": 1, "plugins": 1, "ok": False}


def test_summary_on_stderr_comes_after_the_problem_lines(tmp_path: Path) -> None:
    """stdout and stderr into one pipe (a terminal multiplexer, an IDE console, ``2>&1 | tee``):
    the summary, written on stderr, came out before the buffered problem lines or in the middle of
    one ("...never change.1 plugin checked"). Now every line is whole and the summary is last."""
    shutil.copytree(FIXTURES / "base", tmp_path / "p")
    plugin = tmp_path / "p/webapp2/plugins/rec"
    package = plugin / "rec.plugin.package.json"
    package.write_text(package.read_text().replace('"participantRoles": ["chair"]', '"participantRoles": []'))
    for i in range(60):  # many notes (PD406): more output than one buffer holds
        shutil.copy(plugin / "rec.svg", plugin / f"spare{i:02}.svg")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}  # stdout buffered, as in a pipe
    out = subprocess.run(
        [sys.executable, "-m", "designer", "check", tmp_path / "p"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    assert out.returncode == 1
    lines = out.stdout.splitlines()
    assert lines[-1] == "1 plugin checked: 1 error, 0 warnings, 60 notes", out.stdout
    assert len(problem_lines("\n".join(lines[:-1]))) == 61


def test_each_line_is_written_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Unbuffered (python -u, PYTHONUNBUFFERED) each print wrote the text and its line break apart;
    a console reading stdout and stderr apart put the summary between them ("...never change.1
    plugin checked"). Now each write to the output is whole lines."""
    import io

    from designer.cli import main

    class Recorder(io.RawIOBase):
        def __init__(self) -> None:
            self.chunks: list[bytes] = []

        def writable(self) -> bool:
            return True

        def write(self, b: Any) -> int:
            self.chunks.append(bytes(b))
            return len(b)

    shutil.copytree(FIXTURES / "base", tmp_path / "p")
    shutil.copy(tmp_path / "p/webapp2/plugins/rec/rec.svg", tmp_path / "p/webapp2/plugins/rec/spare.svg")  # PD406
    raw_out, raw_err = Recorder(), Recorder()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw_out, encoding="utf-8", write_through=True))
    monkeypatch.setattr(sys, "stderr", io.TextIOWrapper(raw_err, encoding="utf-8", write_through=True))
    assert main(["check", str(tmp_path / "p")]) == 0
    sys.stdout.flush()
    sys.stderr.flush()
    assert b" PD406 " in b"".join(raw_out.chunks) and raw_err.chunks
    assert all(c.endswith(b"\n") for c in raw_out.chunks + raw_err.chunks), raw_out.chunks + raw_err.chunks


# -- text output -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("settings-trailing-comma", "webapp2/settings.json:6:28: error PD100 settings.json is not valid JSON: "),
        (
            "platform-windows",
            f"webapp2/{PKG}:8:38: error PD102 In {PKG}: item 3 of 'Loads in' (platforms) is \"windows\"",
        ),
        (
            "duplicate-id",
            "webapp2/settings.json:9:19: error PD202 The id 'rec-1.0' is listed twice in settings.json; "
            "the app keeps only one of them. Remove the second entry.",
        ),
        ("icon-id-absent", f"webapp2/{PKG}:13:25: error PD402 The icon 'rec.svg#record' of 'Record' "),
        ("svg-is-html", "webapp2/plugins/rec/rec.svg:1:1: error PD403 "),
        ("manifest-missing", "webapp2/manifest.json: error PD210 There is no manifest.json in the package."),
    ],
)
def test_broken_package_prints_file_line_col(name: str, expected: str, tmp_path: Path) -> None:
    proj = project(tmp_path, name)
    out = run("check", proj, cwd=proj)  # paths are printed relative to where the command runs
    assert out.returncode == 1, out.stdout + out.stderr
    assert [m.group(0) for m in problem_lines(out.stdout) if m.group(0).startswith(expected)], out.stdout
    assert re.fullmatch(
        r"\d+ plugins? (found on disk )?checked( \(settings\.json cannot be read\))?: [1-9]\d* errors?, \d+ warnings?, \d+ notes?\n"
        r"((It|All of them|\d+ of them) can be repaired automatically: plugin-designer check --fix \S+\n)?",
        out.stderr,
    )


def test_check_says_which_problems_check_fix_repairs_and_the_command_works(tmp_path: Path) -> None:
    """A copy of the example broken three ways listed three errors, each with a one-click fix, and
    said nothing of --fix: a new user fixed them by hand. The summary now names the command (and
    for a ZIP, which is only read, the import first), and running it leaves nothing to fix."""
    proj = tmp_path / "my copy"
    shutil.copytree(EXAMPLE, proj)
    settings = proj / "webapp2" / "settings.json"
    settings.write_text(settings.read_text().replace('"enabled": true\n', '"enabled": true,\n'))  # trailing commas
    manifest = proj / "webapp2" / "manifest.json"
    manifest.write_text(manifest.read_text().replace('"isSettingsBranded": true', '"isSettingsBranded": false'))
    out = run("check", "my copy", cwd=tmp_path)
    assert out.returncode == 1
    assert out.stderr.endswith("All of them can be repaired automatically: plugin-designer check --fix 'my copy'\n")
    _zip_webapp2(proj / "webapp2", tmp_path / "my copy.zip")
    zipped = run("check", "my copy.zip", cwd=tmp_path)
    assert zipped.stderr.endswith(
        "All of them can be repaired automatically. Import it into a folder first and fix that: "
        "plugin-designer import 'my copy.zip' -o 'my copy-imported', then plugin-designer check --fix 'my copy-imported'\n"
    ), zipped.stderr
    assert run("check", "--fix", "my copy", cwd=tmp_path).returncode == 0
    fixed = run("check", "--strict", "my copy", cwd=tmp_path)
    assert fixed.returncode == 0 and "repaired automatically" not in fixed.stdout + fixed.stderr
    # Only what --fix repairs is counted: an unknown role has no fix.
    package = next((proj / "webapp2" / "plugins").glob("lock-toggle/*.plugin.package.json"))
    package.write_text(package.read_text().replace('"chair"', '"host"'))
    settings.write_text(settings.read_text().replace('"enabled": true\n', '"enabled": true,\n'))
    some = run("check", "my copy", cwd=tmp_path)
    assert some.stderr.endswith("1 of them can be repaired automatically: plugin-designer check --fix 'my copy'\n")


def test_locations_are_relative_to_the_working_folder(tmp_path: Path) -> None:
    proj = project(tmp_path, "roles-empty")
    out = run("check", proj.name, cwd=proj.parent)
    assert out.returncode == 1
    assert out.stdout.startswith(f"{proj.name}/webapp2/{PKG}:9:25: error PD304 ")
    # A project outside the working folder is named in full (not ../../tmp/...).
    out = run("check", proj, cwd=ROOT)
    assert out.stdout.startswith(f"{(proj / 'webapp2').as_posix()}/{PKG}:9:25: error PD304 ")


def test_a_folder_with_an_exclamation_mark_is_named_relative_like_any_folder(tmp_path: Path) -> None:
    make_webapp2(tmp_path / "v1!final", case("settings-trailing-comma").mutate)
    out = run("check", tmp_path / "v1!final", cwd=tmp_path)
    assert [m.group("where") for m in problem_lines(out.stdout)] == ["v1!final/webapp2/settings.json:6:28"]


def test_zip_locations_name_the_zip(tmp_path: Path) -> None:
    root = make_webapp2(tmp_path / "proj", case("icon-id-absent").mutate)
    dest = tmp_path / "branding.zip"
    _zip_webapp2(root, dest)
    out = run("check", dest.name, cwd=tmp_path)
    assert out.returncode == 1
    assert f"branding.zip!webapp2/{PKG}:13:25: error PD402 " in out.stdout


def test_a_zip_with_its_package_files_at_the_top_names_them_with_one_slash(tmp_path: Path) -> None:
    """A ZIP without webapp2/ (the package's files at its top) named them 'b.zip!//settings.json'."""
    with zipfile.ZipFile(tmp_path / "b.zip", "w") as zf:
        web = EXAMPLE / "webapp2"
        for f in sorted(web.rglob("*")):
            if f.is_file() and f.name != "manifest.json":
                zf.write(f, f.relative_to(web).as_posix())
    out = run("check", "b.zip", cwd=tmp_path)
    assert out.returncode == 1 and out.stdout.startswith("b.zip!/manifest.json: error PD210 "), out.stdout
    assert "!//" not in out.stdout + out.stderr


# -- JSON output -----------------------------------------------------------------------------
def test_json_output_has_problems_and_summary(tmp_path: Path) -> None:
    mutate = steps(
        r(PKG, '["web", "electron", "ios", "android"]', "[]"),  # PD303 error
        r(SETTINGS, '"id": "rec-1.0"', '"id": "rec"'),  # PD203 warning, with a fix
        r(
            PKG, '"menuItems": {\n        "toolbar": [', '"menuItems": {},\n    "old": {\n        "toolbar": ['
        ),  # PD300 info
    )
    make_webapp2(tmp_path / "proj", mutate)
    out = run("check", "--json", tmp_path / "proj")
    assert out.returncode == 1, out.stderr
    data = json.loads(out.stdout)
    problems = [p for p in data["problems"] if p["code"] in ("PD203", "PD300", "PD303")]
    assert [(p["code"], p["severity"], p["file"], p["line"], p["column"]) for p in problems] == [
        ("PD303", "error", PKG, 8, 18),
        ("PD300", "info", PKG, 10, 18),
        ("PD203", "warning", SETTINGS, 4, 19),
    ]
    for p in data["problems"]:
        assert set(p) >= {"code", "severity", "file", "line", "column", "pointer", "message", "fix"}
        assert isinstance(p["line"], int) and isinstance(p["column"], int) and isinstance(p["message"], str)
    pd203 = problems[2]
    assert pd203["pointer"] == "/plugins/0/id"
    assert pd203["fix"] == {
        "kind": "set-settings-id",
        "title": "Use the package file's id 'rec-1.0' in the plugin list",
        "args": {"index": 0, "value": "rec-1.0"},
        "batch": True,  # check --fix applies it (False: only on request, e.g. deleting a file)
    }
    assert problems[0]["fix"] is None
    summary = data["summary"]
    for key, severity in (("errors", "error"), ("warnings", "warning"), ("info", "info")):
        assert summary[key] == sum(p["severity"] == severity for p in data["problems"])
    assert (summary["errors"], summary["plugins"], summary["ok"]) == (1, 1, False)


# -- exit codes ------------------------------------------------------------------------------
def test_strict_fails_on_a_warning_only_package(tmp_path: Path) -> None:
    proj = project(tmp_path, "settings-id-differs")
    plain = run("check", proj)
    assert plain.returncode == 0, plain.stdout + plain.stderr
    assert "warning PD203 " in plain.stdout
    strict = run("check", "--strict", proj)
    assert strict.returncode == 1
    assert json.loads(run("check", "--json", "--strict", proj).stdout)["summary"]["ok"] is False
    assert json.loads(run("check", "--json", proj).stdout)["summary"]["ok"] is True


def test_strict_passes_a_package_with_only_notes(tmp_path: Path) -> None:
    proj = project(tmp_path, "menu-items-absent")
    out = run("check", "--strict", proj)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "info PD300 " in out.stdout


def _damaged_zip(path: Path) -> None:
    root = make_webapp2(path.parent / "src")
    _zip_webapp2(root, path)
    data = bytearray(path.read_bytes())
    i = data.index(b"webapp2/settings.json")  # local header file name: damage it
    data[i + 8 : i + 12] = b"\0\0\0\0"
    path.write_bytes(bytes(data))


def _no_branding_zip(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("readme.txt", "nothing here")


def _management_node_download(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("webapp2/themes/default/theme.css", "a{}")
        zf.writestr("webapp/index.html", "<html></html>")


# kind -> (input name, how to make it, what the message must say)
UNUSABLE = {
    "missing-path": ("branding", lambda p: None, "no such file or folder"),
    "plain-folder": ("branding", lambda p: (p.mkdir(), (p / "notes.txt").write_text("hi")), "not a branding package"),
    # (it said "not a branding package" and nothing of what to do next)
    "empty-folder": ("branding", lambda p: p.mkdir(), "To start a project in this folder: plugin-designer new "),
    "not-a-zip": ("branding.txt", lambda p: p.write_text("hello"), "neither a folder nor a ZIP file"),
    "corrupt-zip": ("branding.zip", lambda p: p.write_bytes(b"PK\x03\x04 not really a zip"), "damaged or incomplete"),
    # (both were "damaged or incomplete", which sends one to download the same file again)
    "empty-zip": ("branding.zip", lambda p: p.write_bytes(b""), "the file is empty (0 bytes), not a ZIP"),
    "tar-gz-named-zip": ("branding.zip", lambda p: p.write_bytes(b"\x1f\x8b\x08\x00tar"), "it is a gzip file"),
    "damaged-zip-entry": ("branding.zip", _damaged_zip, "webapp2/settings.json cannot be unpacked"),
    "zip-without-branding": ("branding.zip", _no_branding_zip, "holds no webapp2 branding"),
    # the vendor's own starting point: it was "holds no webapp2 branding", which it does hold
    "management-node-download": (
        "branding.zip",
        _management_node_download,
        "has a webapp2 folder but no settings.json and no manifest.json yet (the Management Node's default "
        "download has neither), so there is nothing to open. Import it into a folder instead",
    ),
    # `check webapp2/settings.json`: it said "neither a folder nor a ZIP file" and no more
    "file-of-a-package": (
        "proj/webapp2/settings.json",
        lambda p: shutil.copytree(FIXTURES / "base", p.parent.parent, dirs_exist_ok=True),
        "is one file of a branding package; give its folder instead: ",
    ),
    # `check webapp2/plugins`: a folder of the package
    "folder-of-a-package": (
        "proj/webapp2/plugins",
        lambda p: shutil.copytree(FIXTURES / "base", p.parent.parent, dirs_exist_ok=True),
        "is one folder of a branding package; give its project folder instead: ",
    ),
    # an editor's settings.json above is no package (VS Code keeps one in ~/.config/Code/User)
    "folder-under-an-editors-settings": (
        "User/snippets",
        lambda p: (p.mkdir(parents=True), (p.parent / "settings.json").write_text("{}")),
        "not a branding package (no webapp2/ folder",
    ),
    # a project beside the file is not the file's package
    "file-beside-a-project": (
        "notes.txt",
        lambda p: (shutil.copytree(FIXTURES / "base", p.parent / "proj"), p.write_text("hi")),
        "neither a folder nor a ZIP file",
    ),
    # a folder of projects: the first one was checked quietly, and a broken second one passed
    "several-projects": (
        "projects",
        lambda p: [shutil.copytree(FIXTURES / "base", p / n) for n in ("a", "b")],
        "holds several projects (a, b); give the path of one of them",
    ),
}


@pytest.mark.parametrize("kind", sorted(UNUSABLE))
def test_unusable_input_exits_2_with_a_clear_message(kind: str, tmp_path: Path) -> None:
    """PD104 territory: the path is not a branding package at all."""
    name, make, phrase = UNUSABLE[kind]
    target = tmp_path / name
    make(target)
    out = run("check", target)
    assert out.returncode == 2, out.stdout + out.stderr
    assert out.stdout == ""
    assert out.stderr.startswith(f"plugin-designer: error PD104 {target}")
    assert phrase in out.stderr
    assert f"{target}: is " not in out.stderr and f"{target}: holds " not in out.stderr  # (a sentence, no colon)
    assert "Traceback" not in out.stderr and len(out.stderr.splitlines()) == 1

    if kind == "file-of-a-package":
        assert out.stderr.rstrip().endswith(f"give its folder instead: {tmp_path / 'proj'}")
        roundabout = run("check", tmp_path / "proj" / "webapp2" / ".." / "webapp2" / "settings.json")
        assert roundabout.stderr.rstrip().endswith(f"give its folder instead: {tmp_path / 'proj'}")

    as_json = run("check", "--json", target)
    assert as_json.returncode == 2
    data = json.loads(as_json.stdout)
    assert phrase in data["error"] and data["problems"] == [] and data["summary"]["ok"] is False
    assert data["code"] == "PD104"


@pytest.mark.parametrize("command", ["check", "export"])
def test_a_package_file_is_refused_in_a_sentence(command: str, tmp_path: Path) -> None:
    """A package file given as PATH: "proj/webapp2/settings.json: is one file of ..." read with a
    stray colon between the name and its verb; the sentence reads as one now, for a folder of the
    package and a folder of projects too."""
    shutil.copytree(FIXTURES / "base", tmp_path / "proj")
    shutil.copytree(FIXTURES / "base", tmp_path / "projects" / "a")
    shutil.copytree(FIXTURES / "base", tmp_path / "projects" / "b")
    said = {
        "proj/webapp2/settings.json": "proj/webapp2/settings.json is one file of a branding package; "
        "give its folder instead: proj",
        "proj/webapp2/plugins": "proj/webapp2/plugins is one folder of a branding package; give its project "
        "folder instead: proj",
        "projects": "projects holds several projects (a, b); give the path of one of them",
    }
    for path, sentence in said.items():
        words = [command, path, *(["-o", "x.zip"] if command == "export" else [])]
        out = run(*words, cwd=tmp_path)
        assert out.returncode == 2
        assert out.stderr.strip().endswith(f"plugin-designer: {'error PD104 ' if command == 'check' else ''}{sentence}")
        as_json = run(*words, "--json", cwd=tmp_path)
        assert json.loads(as_json.stdout)["error"] == sentence
    assert not (tmp_path / "x.zip").exists()


# -- new -------------------------------------------------------------------------------------
def test_new_creates_a_project_that_passes_strict(tmp_path: Path) -> None:
    out = run("new", tmp_path / "hello", "--name", "Hello world")
    assert out.returncode == 0, out.stderr
    assert "Hello world" in out.stdout
    assert (tmp_path / "hello" / "webapp2" / "settings.json").is_file()
    assert (tmp_path / "hello" / "webapp2" / "manifest.json").is_file()
    checked = run("check", "--strict", "--json", tmp_path / "hello")
    assert checked.returncode == 0, checked.stdout
    assert json.loads(checked.stdout)["summary"] == {"errors": 0, "warnings": 0, "info": 0, "plugins": 1, "ok": True}


def test_new_on_a_project_adds_the_plugin_and_changes_no_other_file(tmp_path: Path) -> None:
    """A project that exists is never made again over itself: the plugin is added to it."""
    proj = project(tmp_path, "settings-id-differs")
    before = snapshot(proj)
    out = run("new", proj)
    assert out.returncode == 0, out.stderr
    after = snapshot(proj)
    assert {k: v for k, v in after.items() if k in before and k != "webapp2/settings.json"} == {
        k: v for k, v in before.items() if k != "webapp2/settings.json"
    }
    assert sorted(set(after) - set(before)) == [
        "webapp2/plugins/hello-message/hello-message.plugin.js",
        "webapp2/plugins/hello-message/hello-message.plugin.package.json",
        "webapp2/plugins/hello-message/icon.svg",
    ]


# settings.json as a person may have written it: two spaces, CRLF, keys in another order, a key of its own.
HAND_WRITTEN_SETTINGS = (
    '{\r\n  "plugins": [\r\n    {"srcURL": "plugins/hello-message/hello-message.plugin.package.json", "id": "hello-message",'
    ' "enabled": true}\r\n  ],\r\n  "note": "kept by hand"\r\n}\r\n'
)


def test_new_with_a_recipe_on_a_project_adds_it_keeping_settings_json_as_written(tmp_path: Path) -> None:
    proj = tmp_path / "my branding é"  # (a space and an accent: the hint to check it is quoted)
    assert run("new", proj).returncode == 0
    settings = proj / "webapp2" / "settings.json"
    settings.write_bytes(HAND_WRITTEN_SETTINGS.encode())
    before = snapshot(proj)

    out = run("new", proj, "--recipe", "lock-toggle")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith(f"Added the plugin 'Lock meeting' to {proj}: ")
    assert f"plugin-designer check '{proj}'" in out.stdout
    text = settings.read_bytes().decode()
    assert text.startswith(HAND_WRITTEN_SETTINGS.split("\r\n  ],")[0] + ",\r\n    ")  # the old entry as it was
    assert text.endswith('\r\n  ],\r\n  "note": "kept by hand"\r\n}\r\n') and "\n" not in text.replace("\r\n", "")
    assert [e["id"] for e in json.loads(text)["plugins"]] == ["hello-message", "lock-meeting"]
    after = snapshot(proj)
    assert {k: after[k] for k in before if k != "webapp2/settings.json"} == {
        k: v for k, v in before.items() if k != "webapp2/settings.json"
    }
    assert any(k.startswith("webapp2/plugins/lock-meeting/") and k.endswith(".plugin.js") for k in after)
    checked = run("check", "--strict", "--json", proj)
    assert checked.returncode == 0, checked.stdout
    assert json.loads(checked.stdout)["summary"]["plugins"] == 2

    # Given from inside the project, as its webapp2 folder: the same.
    out = run("new", "webapp2", "--name", "Say hello", cwd=proj)
    assert out.returncode == 0, out.stderr
    assert run("check", "--strict", proj).returncode == 0


def test_new_on_a_project_refuses_an_id_or_folder_that_is_taken_and_changes_nothing(tmp_path: Path) -> None:
    proj = tmp_path / "proj"
    assert run("new", proj, "--recipe", "lock-toggle").returncode == 0
    before = snapshot(proj)

    out = run("new", proj, "--recipe", "lock-toggle")
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr == (
        f"plugin-designer: cannot add 'Lock meeting' to {proj}: the plugin 'Lock meeting' has the id 'lock-meeting' "
        "(settings.json). Give the new plugin another name with --name NAME (its id and folder are made from the "
        "name), e.g. --name 'Lock meeting 2'\n"
    )
    out = run("new", proj, "--recipe", "lock-toggle", "--set", "name=LOCK MEETING")  # (ids differ only in case)
    assert out.returncode == 2 and "with --set name=NAME" in out.stderr and "--set name='LOCK MEETING 2'" in out.stderr
    assert snapshot(proj) == before

    (proj / "webapp2" / "plugins" / "say-hello").mkdir()  # a folder no plugin in settings.json has
    (proj / "webapp2" / "plugins" / "say-hello" / "notes.txt").write_text("mine")
    before = snapshot(proj)
    out = run("new", proj, "--name", "Say hello")
    assert out.returncode == 2
    assert "the folder plugins/say-hello/ exists already" in out.stderr and "--name 'Say hello 2'" in out.stderr
    assert snapshot(proj) == before
    assert run("new", proj, "--name", "Say hello 2").returncode == 0

    (proj / "webapp2" / "settings.json").write_text('{"plugins": [')  # a new list would drop the plugins
    before = snapshot(proj)
    out = run("new", proj, "--name", "Other")
    assert out.returncode == 2
    assert f"settings.json cannot be read ('plugin-designer check {proj}' says why)" in out.stderr
    assert snapshot(proj) == before


def test_new_on_a_branding_zip_says_to_import_it_first(tmp_path: Path) -> None:
    assert run("new", tmp_path / "proj").returncode == 0
    _zip_webapp2(tmp_path / "proj" / "webapp2", tmp_path / "branding.zip")
    before = (tmp_path / "branding.zip").read_bytes()
    out = run("new", tmp_path / "branding.zip", "--recipe", "lock-toggle")
    assert out.returncode == 2
    assert (
        "import it into a folder first" in out.stderr
        and f"plugin-designer import {tmp_path / 'branding.zip'}" in out.stderr
    )
    assert (tmp_path / "branding.zip").read_bytes() == before


def test_new_help_says_it_adds_to_a_project() -> None:
    out = run("new", "--help")
    assert out.returncode == 0
    assert "or add a plugin to a project" in out.stdout and "When DIR is already a project" in out.stdout
    assert "plugin-designer new my-branding --recipe lock-toggle" in out.stdout
    assert "add one to a project" in run("--help").stdout


def test_simulate_help_says_its_roles_and_platforms_in_the_designers_words() -> None:
    """--role chair|guest and --platform electron are the package file's words; the designer, the
    preview and the export checklist say Host and the desktop app, and the help said neither."""
    out = run("simulate", "--help")
    text = " ".join(out.stdout.split())  # (argparse wraps the help)
    assert out.returncode == 0
    assert "chair (a Host) or guest (a Guest)" in text and "electron (the desktop app)" in text


def test_new_accepts_an_empty_webapp2_folder(tmp_path: Path) -> None:
    (tmp_path / "p" / "webapp2").mkdir(parents=True)
    assert run("new", tmp_path / "p").returncode == 0
    assert run("check", "--strict", tmp_path / "p").returncode == 0


# -- check --fix -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "written"),
    [("settings-id-differs", SETTINGS), ("icon-id-case", PKG), ("settings-branded-false", MANIFEST)],
)
def test_fix_repairs_and_writes_only_what_it_must(name: str, written: str, tmp_path: Path) -> None:
    proj = project(tmp_path, name)
    before = snapshot(proj)
    out = run("check", "--fix", "--json", proj)
    assert out.returncode == 0, out.stdout + out.stderr
    data = json.loads(out.stdout)
    assert len(data["fixed"]) == 1 and data["written"] == [written]
    assert not [p for p in data["problems"] if p["code"] == case(name).code]
    after = snapshot(proj)
    assert {k for k in before if before[k] != after[k]} == {f"webapp2/{written}"}
    assert after.keys() == before.keys()
    assert run("check", "--strict", proj).returncode == 0


def test_fix_text_output_says_what_it_did(tmp_path: Path) -> None:
    proj = project(tmp_path, "settings-id-differs")
    out = run("check", "--fix", proj)
    assert out.returncode == 0
    assert out.stdout.splitlines()[0] == "fixed: Change the id 'rec' in the plugin list (settings.json) to 'rec-1.0'"


def test_fix_leaves_problems_it_cannot_fix(tmp_path: Path) -> None:
    proj = project(tmp_path, "roles-empty")
    before = snapshot(proj)
    out = run("check", "--fix", proj)
    assert out.returncode == 1
    assert "error PD304 " in out.stdout and "fixed:" not in out.stdout
    assert snapshot(proj) == before


def test_fix_removes_the_ignored_copy_of_a_name_written_twice(tmp_path: Path) -> None:
    """PD101 had no fix: a settings.json with an entry's "enabled" written twice (the first one
    ignored by every JSON reader) kept its warning after check --fix. Now the ignored copy goes,
    and nothing else of the file changes: BOM, CRLF, tabs and the value in use."""
    proj = project(tmp_path, "settings-id-differs")
    settings = proj / "webapp2" / SETTINGS
    text = settings.read_text(encoding="utf-8")
    messy = text.replace('"enabled": true', '"enabled": false,\n            "enabled": true').replace("    ", "\t")
    settings.write_bytes(("\ufeff" + messy.replace("\n", "\r\n")).encode("utf-8"))
    before = run("check", proj)
    assert "warning PD101 " in before.stdout and "'enabled' is written twice" in before.stdout
    out = run("check", "--fix", proj)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "fixed: Remove the ignored earlier 'enabled' from settings.json" in out.stdout.splitlines()
    fixed = messy.replace('"enabled": false,\n\t\t\t"enabled": true', '"enabled": true').replace('"rec"', '"rec-1.0"')
    assert settings.read_bytes() == ("\ufeff" + fixed.replace("\n", "\r\n")).encode("utf-8")
    assert "PD101" not in run("check", proj).stdout


def test_fix_refuses_a_zip(tmp_path: Path) -> None:
    root = make_webapp2(tmp_path / "src", case("settings-id-differs").mutate)
    dest = tmp_path / "b.zip"
    _zip_webapp2(root, dest)
    before = dest.read_bytes()
    out = run("check", "--fix", dest)
    assert out.returncode == 2
    assert "read-only" in out.stderr
    assert "PD104" not in out.stderr  # it is a branding package (PD104 says it is not one)
    assert dest.read_bytes() == before
    # It says what to run, and what it says works.
    assert f"plugin-designer import {dest} -o b, then plugin-designer check --fix b" in out.stderr
    assert run("import", dest, "-o", "b", cwd=tmp_path).returncode == 0
    fixed = run("check", "--fix", "b", cwd=tmp_path)
    assert fixed.returncode == 0 and "PD101" not in fixed.stdout, fixed.stdout + fixed.stderr
    # With b/ there now (the project the ZIP came from, say), it names a folder that is free.
    again = run("check", "--fix", dest, cwd=tmp_path)
    assert f"plugin-designer import {dest} -o b-imported, then plugin-designer check --fix b-imported" in again.stderr


def test_export_of_a_zip_names_the_zip_as_given(tmp_path: Path) -> None:
    root = make_webapp2(tmp_path / "src", case("settings-id-differs").mutate)
    src = tmp_path / "b.zip"
    _zip_webapp2(root, src)
    out = run("export", src, "-o", tmp_path / "out.zip")
    assert out.returncode == 2
    assert out.stderr.startswith(f"plugin-designer: {src} is a ZIP, opened read-only: ")
    assert not (tmp_path / "out.zip").exists()


def test_export_and_deploy_of_a_zip_say_which_commands_to_run(tmp_path: Path) -> None:
    """ "Import it into a folder first" left a new user to look up import's arguments; now the two
    commands are given, quoted for a shell (a ZIP named with a space), and they work as given."""
    assert run("new", tmp_path / "proj").returncode == 0
    _zip_webapp2(tmp_path / "proj" / "webapp2", tmp_path / "my branding.zip")
    out = run("export", "my branding.zip", "-o", "new one.zip", cwd=tmp_path)
    assert out.returncode == 2 and not (tmp_path / "new one.zip").exists()
    steps = "plugin-designer import 'my branding.zip' -o 'my branding', then plugin-designer export 'my branding' -o 'new one.zip'"
    assert out.stderr.endswith(f"export that: {steps}\n"), out.stderr
    deploy = run("deploy", "my branding.zip", "--node", "https://mgr.example.com", cwd=tmp_path)
    assert deploy.returncode == 2
    assert deploy.stderr.endswith(
        "deploy that: plugin-designer import 'my branding.zip' -o 'my branding', "
        "then plugin-designer deploy 'my branding' --node https://mgr.example.com\n"
    ), deploy.stderr
    first, then = steps.split(", then ")
    for command in (first, then):
        assert run(*shlex.split(command)[1:], cwd=tmp_path).returncode == 0
    assert zipfile.is_zipfile(tmp_path / "new one.zip")


def test_new_on_a_file_says_so(tmp_path: Path) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("keep me")
    out = run("new", target)
    assert out.returncode == 2
    assert out.stderr == f"plugin-designer: {target} is a file; name a folder to create the project in\n"
    assert target.read_text() == "keep me"


def test_output_that_cannot_hold_every_character_gets_escapes_not_a_traceback(tmp_path: Path) -> None:
    """On a cp1252 console (Windows CI redirecting to a file), a CJK name or an emoji raised
    UnicodeEncodeError: check exited 1 with a traceback, export after writing the ZIP."""
    target = tmp_path / "p"
    assert run("new", target, "--name", "会議 🎉").returncode == 0
    for icon in (target / "webapp2" / "plugins").glob("*/icon.svg"):
        icon.unlink()
    out = subprocess.run(
        [sys.executable, "-m", "designer", "check", str(target)],
        capture_output=True,
        cwd=ROOT,
        timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "cp1252"},
    )
    assert out.returncode == 1 and b"Traceback" not in out.stderr
    assert b"'\\u4f1a\\u8b70 \\U0001f389'" in out.stdout and b"PD400" in out.stdout


def test_check_as_the_process_runs_without_the_collector_and_a_library_caller_keeps_it() -> None:
    """``plugin-designer check`` makes little that the cyclic collector could free, and it ran about
    fifteen times a check; as the process's own command the check runs with it off (and it is
    on again, with what the process keeps frozen, when the command ends). ``main([...])`` called
    by a program leaves that program's collector as it was."""
    code = (
        "import gc, sys\n"
        "import designer.core.checks as checks\n"
        "real, seen = checks.run_checks, []\n"
        "checks.run_checks = lambda pkg, **kw: seen.append(gc.isenabled()) or real(pkg, **kw)\n"
        "from designer.cli import main\n"
        "sys.argv = ['plugin-designer', 'check', sys.argv[1]]\n"
        "main()\n"
        "frozen = gc.get_freeze_count()\n"
        "gc.unfreeze()\n"
        "main(['check', sys.argv[2]])\n"
        "print(seen, gc.isenabled(), frozen > 0, gc.get_freeze_count())\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(EXAMPLE), str(EXAMPLE)], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert out.stdout.splitlines()[-1] == "[False, True] True True 0", out.stdout + out.stderr


def test_check_fix_rounds_leave_nothing_for_the_collector_it_runs_without(tmp_path: Path) -> None:
    """check --fix runs with the cyclic collector off and checks the package again after each fix.
    The schema validators defined a function that calls itself (a cycle) at every validation of
    a plugin's platforms and participantRoles, garbage only that collector frees: memory grew
    with each round (150 plugins, 155 fixes: 70,000 objects, 6 MiB). Now a round leaves none.

    In a process of its own: in the suite's, threads and widgets other tests left behind made
    garbage of their own while the collector was off, and the count failed now and then."""

    def broken(name: str) -> Path:
        dst = tmp_path / name
        shutil.copytree(EXAMPLE, dst, ignore=shutil.ignore_patterns(".plugin-designer"))
        settings = dst / "webapp2" / SETTINGS
        settings.write_text(re.sub(r'"id": "([^"]+)"', r'"id": "\1-old"', settings.read_text()))
        return dst

    code = (
        "import gc, sys\n"
        "from designer.core.checks import run_checks\n"
        "from designer.core.fixes import fix_all\n"
        "from designer.core.model import load\n"
        "fix_all(load(sys.argv[1]), run_checks)  # what the first use imports and caches is kept for good\n"
        "pkg = load(sys.argv[2])\n"
        "gc.collect()\n"
        "gc.disable()\n"
        "done = fix_all(pkg, run_checks)\n"
        "print(len(done), gc.collect())\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-c", code, str(broken("warm-up")), str(broken("p"))],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
    # one settings.json id per plugin (a check after each), and no garbage left for the collector
    assert out.stdout.split() == ["3", "0"], out.stdout + out.stderr


def test_export_as_the_process_runs_without_the_collector_and_a_library_caller_keeps_it(tmp_path: Path) -> None:
    """As for check: ``plugin-designer export`` (and import) run with the cyclic collector off, which
    ran some forty times an export (and once more over everything at exit) to free next to nothing;
    ``main([...])`` called by a program leaves that program's collector as it was."""
    project = tmp_path / "p"
    make_webapp2(project)
    code = (
        "import gc, sys\n"
        "import designer.core.export as export\n"
        "real, seen = export.plan_export, []\n"
        "export.plan_export = lambda *a, **kw: seen.append(gc.isenabled()) or real(*a, **kw)\n"
        "from designer.cli import main\n"
        "project, first, second = sys.argv[1:]\n"
        "sys.argv = ['plugin-designer', 'export', project, '-o', first]\n"
        "main()\n"
        "frozen = gc.get_freeze_count()\n"
        "gc.unfreeze()\n"
        "main(['export', project, '-o', second])\n"
        "print(seen, gc.isenabled(), frozen > 0, gc.get_freeze_count())\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(project), str(tmp_path / "a.zip"), str(tmp_path / "b.zip")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert out.stdout.splitlines()[-1] == "[False, True] True True 0", out.stdout + out.stderr
    assert (tmp_path / "a.zip").is_file() and (tmp_path / "b.zip").is_file()


def test_what_the_files_hold_cannot_forge_a_problem_line_or_drive_the_terminal(tmp_path: Path) -> None:
    """A srcURL with a newline printed a second, made-up 'file:line: error' line, and its ESC
    sequence reached the terminal (colours, a cleared screen, a new window title)."""
    hostile = "x\\u001b]0;pwned\\u0007\\u001b[2J\\nfake.json:1:1: error PD999 all is lost\\u202e"
    make_webapp2(tmp_path / "proj", r(SETTINGS, '"plugins/rec/rec.plugin.package.json"', f'"{hostile}"'))
    for args in (("check",), ("export", "-o", tmp_path / "out.zip")):
        out = run(*args, tmp_path / "proj")
        assert out.returncode == 1, out.stderr
        text = out.stdout + out.stderr
        assert not any(c in text for c in "\x1b\x07\u202e"), text
        lines = [ln for ln in text.splitlines() if " PD" in ln and "Export blocked" not in ln]
        assert lines and all(LINE.match(ln) for ln in lines), lines
        assert not any(ln.startswith("fake.json") for ln in text.splitlines())
        assert "\\x1b]0;pwned\\x07\\x1b[2J\\nfake.json:1:1" in text


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a display is a Linux (X11, Wayland) matter")
def test_opening_the_designer_with_no_display_says_so_instead_of_aborting(tmp_path: Path) -> None:
    """Over SSH or in CI, ``plugin-designer PATH`` (or a lone mistyped word) made Qt abort the
    process: exit 134, a core dump, and "Reinstalling the application may fix this problem"."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = str(ROOT)
    assert run("new", tmp_path / "my proj").returncode == 0

    def gui(*args: object) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "designer", *map(str, args)]
        return subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, timeout=120, env=env)

    out = gui("my proj")
    assert (out.returncode, out.stdout) == (2, "")
    assert out.stderr == (
        "plugin-designer: cannot open the designer on my proj: there is no display here (DISPLAY and "
        "WAYLAND_DISPLAY are not set, as over SSH or in a CI job). To check it without one: "
        "plugin-designer check 'my proj'\n"
    )
    out = gui("lint")
    assert out.returncode == 2
    assert out.stderr.startswith(
        "plugin-designer: lint: no such file or folder, and no such command (the commands are check,"
    )
    out = gui()
    assert out.returncode == 2 and "cannot open the designer: there is no display here" in out.stderr
    # --example too, before its copy is made: with no window to open it in, none is left behind
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    out = gui("--example")
    assert out.returncode == 2 and "cannot open the designer: there is no display here" in out.stderr
    assert not (tmp_path / "data").exists()


def test_the_commands_the_hints_give_name_a_path_with_spaces_as_one_word(tmp_path: Path) -> None:
    """'Open it with: plugin-designer my proj' named two folders when pasted into a shell."""
    import shlex

    proj = tmp_path / "my proj"
    out = run("new", proj)
    assert out.returncode == 0
    hint = out.stdout.split("Open it with: ", 1)[1].strip()
    assert shlex.split(hint) == ["plugin-designer", str(proj)]

    _zip_webapp2(proj / "webapp2", tmp_path / "b.zip")
    (proj / "webapp2" / "settings.json").unlink()
    _zip_webapp2(proj / "webapp2", tmp_path / "no settings.zip")
    out = run("import", tmp_path / "no settings.zip", "-o", tmp_path / "imported here")
    assert out.returncode == 0, out.stderr
    fix = re.search(r"Run '(plugin-designer check --fix .*)' to create it", out.stdout)
    assert fix is not None, out.stdout
    assert shlex.split(fix.group(1)) == ["plugin-designer", "check", "--fix", str(tmp_path / "imported here")]
    hint = out.stdout.split("Open it with: ", 1)[1].strip()
    assert shlex.split(hint) == ["plugin-designer", str(tmp_path / "imported here")]


def test_ctrl_c_during_an_export_leaves_no_zip_and_prints_one_line_not_a_traceback(tmp_path: Path) -> None:
    """Ctrl-C while the ZIP was being compressed printed zipfile's traceback; the interrupt is
    made to land there (the first thing export does that takes time on a big package)."""
    assert run("new", tmp_path / "proj").returncode == 0
    manifest = (tmp_path / "proj" / "webapp2" / "manifest.json").read_bytes()
    code = (
        "import sys, designer.core.export as export\n"
        "def interrupted(entries):\n"
        "    raise KeyboardInterrupt\n"
        "export.zip_bytes = interrupted\n"
        "from designer.cli import main\n"
        "sys.argv[1:] = ['export', sys.argv[1], '-o', sys.argv[2]]\n"
        "sys.exit(main())\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "proj"), str(tmp_path / "out.zip")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert out.stderr == "plugin-designer: stopped (Ctrl-C)\n"
    assert out.returncode == (-2 if os.name == "posix" else 130)  # (ended by the signal, as a shell expects)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["proj"]
    assert (tmp_path / "proj" / "webapp2" / "manifest.json").read_bytes() == manifest


@pytest.mark.skipif(os.name != "posix", reason="closing a stream with the shell's >&-")
@pytest.mark.parametrize("closed", ["1", "2", "0"])
def test_a_closed_stream_takes_nothing_and_the_others_are_as_always(closed: str, tmp_path: Path) -> None:
    """With stdout closed, check's summary raised AttributeError (a traceback); with stderr closed,
    every error and summary line went to stdout instead (Python's print falls back to it)."""
    proj = project(tmp_path, "settings-trailing-comma")
    command = [sys.executable, "-m", "designer", "check", str(proj)]
    script = f'exec "$@" {closed}<&-'
    summary = "1 plugin found on disk checked (settings.json cannot be read): 1 error, 0 warnings, 0 notes\n"
    summary += f"It can be repaired automatically: plugin-designer check --fix {proj}\n"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(["sh", "-c", script, "sh", *command], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 1
    lines = out.stdout.splitlines()
    if closed == "1":
        assert out.stdout == "" and out.stderr == summary
    elif closed == "2":
        assert out.stderr == "" and len(lines) == 1 and " error PD100 " in lines[0]
    else:
        assert len(lines) == 1 and out.stderr == summary


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_help_gives_its_exit_codes_and_examples(command: str) -> None:
    """A CI author reads `COMMAND --help` for what each exit code means and a line to copy: only
    `new` had examples, and no command said its exit codes."""
    out = run(command, "--help")
    assert out.returncode == 0 and out.stderr == ""
    text = out.stdout
    codes = text.split("exit codes:\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert codes and all(re.match(r"  [0-2]  \S", line) for line in codes), text
    examples = text.split("examples:\n", 1)[1].splitlines()
    assert any(f"plugin-designer {command} " in line for line in examples), text
    assert all(len(line) <= 110 for line in text.splitlines()), text  # (the descriptions are wrapped)
    assert " path\n" not in text and "BRANDING_ID" not in text  # the README's words: PATH, ZIP, DIR, ID


def test_help_names_what_the_json_and_the_exit_codes_hold() -> None:
    """`recipes --help` named the settings' fields a script reads, but not suggested_by, and said
    `when` is a yes/no setting, while the Participant action's alias has "what:alias"; `screenshot
    --help` gave exit 2 only for a PATH, not for a PNG whose folder does not exist (the README)."""
    text = " ".join(run("recipes", "--help").stdout.split())
    recipes = json.loads(run("recipes", "--json").stdout)
    fields = {k for r in recipes for s in r["parameters"] for k in s} - {"label", "description", "pattern_message"}
    assert fields and all(f" {field} " in text or f" {field}," in text for field in fields), (fields, text)
    assert "key:flag" in text
    shot = " ".join(run("screenshot", "--help").stdout.split())
    assert "2 PATH cannot be opened, or the folder of the PNG does not exist" in shot


def test_every_command_json_has_ok_and_problems_have_one_shape(tmp_path: Path) -> None:
    """A script tests `ok` whatever the command: check's JSON had none (only summary.ok), and the
    errors that block an export lacked severity, pointer, plugin and fix, which check gives."""
    good = tmp_path / "good"
    assert run("new", good).returncode == 0
    _zip_webapp2(good / "webapp2", tmp_path / "good.zip")
    broken = project(tmp_path, "icon-id-case")  # an error with a fix
    runs = {
        ("check", True): run("check", "--json", good),
        ("check zip", True): run("check", "--json", tmp_path / "good.zip"),
        ("check", False): run("check", "--json", broken),
        ("check missing", False): run("check", "--json", tmp_path / "missing"),
        ("export", True): run("export", "--json", good, "-o", tmp_path / "out.zip"),
        ("export blocked", False): run("export", "--json", broken, "-o", tmp_path / "out2.zip"),
        ("export refused", False): run("export", "--json", good, "-o", tmp_path / "x.zip", "--branding-id", "abc"),
        ("import", True): run("import", "--json", tmp_path / "good.zip", "-o", tmp_path / "imported"),
        ("import refused", False): run("import", "--json", tmp_path / "missing.zip", "-o", tmp_path / "i2"),
        ("deploy refused", False): run("deploy", "--json", tmp_path / "missing", "--node", "https://127.0.0.1:9"),
    }
    for (what, ok), out in runs.items():
        doc = json.loads(out.stdout)  # (stdout holds the JSON and nothing else)
        assert doc["ok"] is ok, (what, doc)
        assert out.returncode == (0 if ok else 1 if what in ("check", "export blocked") else 2), (what, out)
    check_problem = json.loads(runs["check", False].stdout)["problems"][0]
    blocking = json.loads(runs["export blocked", False].stdout)
    assert blocking["errors"][0] == check_problem and check_problem["fix"] is not None
    assert blocking["package"] == json.loads(runs["check", False].stdout)["package"]


@pytest.mark.parametrize(
    ("words", "said"),
    [
        (["export", "--json", "proj"], "the following arguments are required: -o/--output"),
        (["check", "--json", "--bogus", "proj"], "unrecognized arguments: --bogus"),
        (["new", "proj", "--json", "--recipe"], "argument --recipe: expected one argument"),
        (["simulate", "--js", "proj", "--role", "boss"], "argument --role: invalid choice: 'boss'"),
    ],
)
def test_a_usage_error_with_json_is_json_on_stdout(words: list[str], said: str, tmp_path: Path) -> None:
    """A script asking for JSON got only argparse's text on stderr, and nothing to parse on stdout."""
    out = run(*words, cwd=tmp_path)
    assert out.returncode == 2
    doc = json.loads(out.stdout)
    assert set(doc) == {"ok", "error", "code"} and doc["ok"] is False and doc["code"] == "usage"
    assert doc["error"].startswith(f"plugin-designer {words[0]}: {said}")
    assert out.stderr.startswith(f"usage: plugin-designer {words[0]}") and said in out.stderr
    plain = run(*[w for w in words if not w.startswith("--j")], cwd=tmp_path)  # without --json: text only, as before
    assert plain.returncode == 2 and plain.stdout == "" and said in plain.stderr


@pytest.mark.parametrize("command", ["export", "import", "deploy", "screenshot"])
def test_output_dash_is_refused_instead_of_writing_a_file_called_dash(command: str, tmp_path: Path) -> None:
    assert run("new", tmp_path / "proj").returncode == 0
    _zip_webapp2(tmp_path / "proj" / "webapp2", tmp_path / "b.zip")
    given = {
        "export": [tmp_path / "proj"],
        "import": [tmp_path / "b.zip"],
        "deploy": [tmp_path / "proj", "--node", "https://127.0.0.1:9"],
        "screenshot": [tmp_path / "proj"],
    }[command]
    out = run(command, *given, "-o", "-", cwd=tmp_path)
    assert out.returncode == 2
    assert "-o - would write a file called '-'" in out.stderr and "Traceback" not in out.stderr
    assert not (tmp_path / "-").exists()


def test_export_into_a_missing_folder_is_refused_naming_it(tmp_path: Path) -> None:
    """The missing folders were made (as root even /nonexistent/dir): a typo put the ZIP somewhere unexpected."""
    assert run("new", tmp_path / "proj").returncode == 0
    manifest = (tmp_path / "proj" / "webapp2" / "manifest.json").read_bytes()
    out = run("export", "proj", "-o", "some/missing/dir/x.zip", "--force", cwd=tmp_path)
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr.startswith("plugin-designer: The folder some/missing/dir does not exist (nor does some)")
    assert not (tmp_path / "some").exists()
    assert (tmp_path / "proj" / "webapp2" / "manifest.json").read_bytes() == manifest  # brandingID not raised
    (tmp_path / "notes").write_text("mine")
    doc = json.loads(run("export", "--json", "proj", "-o", "notes/x.zip", cwd=tmp_path).stdout)
    assert doc["ok"] is False and doc["error"].startswith("notes is not a folder")
    (tmp_path / "some").mkdir()  # made by the user: the export goes there
    assert run("export", "proj", "-o", "some/x.zip", cwd=tmp_path).returncode == 0
    assert zipfile.is_zipfile(tmp_path / "some" / "x.zip")


def test_new_refuses_set_without_a_recipe_instead_of_ignoring_it(tmp_path: Path) -> None:
    """`new DIR --set name=Foo` made a plugin called 'My plugin': the answers were dropped unsaid."""
    out = run("new", tmp_path / "p", "--set", "name=Foo")
    assert out.returncode == 2 and out.stdout == ""
    assert "--set answers a recipe's settings, and no --recipe is given" in out.stderr
    assert not (tmp_path / "p").exists()


def test_a_branding_id_too_low_is_refused_naming_where_the_higher_one_is(tmp_path: Path) -> None:
    """'not greater than the last one' puzzled whoever never exported: it was the one new wrote."""
    proj = tmp_path / "proj"
    assert run("new", proj).returncode == 0
    written = json.loads((proj / "webapp2" / "manifest.json").read_text())["brandingID"]
    out = run("export", proj, "-o", tmp_path / "a.zip", "--branding-id", "5")
    assert out.returncode == 2
    assert f"brandingID 5 is not greater than {written} (the one in manifest.json); clients" in out.stderr
    assert run("export", proj, "-o", tmp_path / "a.zip").returncode == 0
    exported = json.loads((proj / "webapp2" / "manifest.json").read_text())["brandingID"]
    out = run("export", proj, "-o", tmp_path / "a.zip", "--branding-id", str(written))
    assert f"brandingID {written} is not greater than {exported} (the last export's); clients" in out.stderr
    # What to do instead, in the command line's terms: it has no field to leave empty.
    assert out.stderr.endswith("Leave out --branding-id for a fresh one, or choose a larger number.\n")
    big = run("export", proj, "-o", tmp_path / "a.zip", "--branding-id", "9" * 20)
    assert big.stderr.endswith("Leave out --branding-id for a fresh one, or choose a smaller number.\n")


def test_new_on_a_project_without_settings_json_does_not_leave_its_plugins_out(tmp_path: Path) -> None:
    """settings.json made for the added plugin alone left the project's plugins unlisted (never
    loaded), with only a note to say so: check --strict passed on it."""
    proj = tmp_path / "proj"
    assert run("new", proj).returncode == 0
    (proj / "webapp2" / "settings.json").unlink()
    before = snapshot(proj)
    out = run("new", proj, "--name", "Second")
    assert out.returncode == 2
    assert "the project has no settings.json, and a new one listing only this plugin would leave out the 1 " in (
        out.stderr
    )
    assert f"Run 'plugin-designer check --fix {proj}' first" in out.stderr
    assert snapshot(proj) == before
    assert run("check", "--fix", proj).returncode == 0
    assert run("new", proj, "--name", "Second").returncode == 0
    assert run("check", "--strict", proj).returncode == 0
    assert [p["id"] for p in json.loads((proj / "webapp2" / "settings.json").read_text())["plugins"]] == [
        "hello-message",
        "second",
    ]

    empty = tmp_path / "empty"  # a Management Node download: no settings.json, no plugins yet
    (empty / "webapp2" / "plugins").mkdir(parents=True)
    shutil.copy(proj / "webapp2" / "manifest.json", empty / "webapp2" / "manifest.json")
    assert run("new", empty, "--name", "First").returncode == 0
    assert run("check", "--strict", empty).returncode == 0


def test_new_on_a_project_whose_plugins_are_not_a_list_keeps_them(tmp_path: Path) -> None:
    """settings.json holding its plugins other than as a list (an object keyed by name, or the
    whole file a list) was replaced by a list of just the new plugin: the entries were gone."""
    proj = tmp_path / "proj"
    assert run("new", proj).returncode == 0
    settings = proj / "webapp2" / "settings.json"
    entry = {
        "id": "hello-message",
        "srcURL": "plugins/hello-message/hello-message.plugin.package.json",
        "enabled": True,
    }
    for written in ({"plugins": {"mine": entry}}, [entry]):
        settings.write_text(json.dumps(written, indent=4))
        before = snapshot(proj)
        out = run("new", proj, "--name", "Second")
        assert out.returncode == 2, out.stdout
        assert "settings.json does not hold its plugins as a list" in out.stderr
        assert snapshot(proj) == before

    settings.write_text('{"plugins": {}, "note": 1}')  # (nothing in it to lose)
    assert run("new", proj, "--name", "Second").returncode == 0
    assert json.loads(settings.read_text())["plugins"][0]["id"] == "second"


def test_new_json_says_what_was_made_or_why_not(tmp_path: Path) -> None:
    """A script adding plugins wants the id and folder it got, and why not, as JSON: new had no --json."""
    proj = tmp_path / "proj"
    out = run("new", proj, "--json")
    assert out.returncode == 0 and out.stderr == ""
    assert json.loads(out.stdout) == {
        "ok": True,
        "added": False,
        "project": str(proj),
        "webapp2": str(proj / "webapp2"),
        "package": str(proj / "webapp2"),
        "plugin": {
            "id": "hello-message",
            "name": "Hello message",
            "folder": "plugins/hello-message",
            "files": [
                "plugins/hello-message/hello-message.plugin.js",
                "plugins/hello-message/hello-message.plugin.package.json",
                "plugins/hello-message/icon.svg",
            ],
        },
    }
    doc = json.loads(run("new", proj, "--recipe", "lock-toggle", "--json").stdout)
    assert doc["ok"] and doc["added"] and doc["plugin"]["id"] == "lock-meeting"
    assert all((proj / "webapp2" / rel).is_file() for rel in doc["plugin"]["files"])

    out = run("new", proj, "--recipe", "lock-toggle", "--set", "foo=1", "--json")
    assert out.returncode == 2 and out.stderr == ""
    doc = json.loads(out.stdout)
    assert doc["ok"] is False and doc["error"] == "the answers for the recipe 'lock-toggle' cannot be used"
    assert doc["errors"] and "no setting called 'foo'" in doc["errors"][0]
    out = run("new", proj, "--recipe", "lock-toggle", "--json")
    assert out.returncode == 2 and "has the id 'lock-meeting'" in json.loads(out.stdout)["error"]
    out = run("new", "", "--json")
    assert out.returncode == 2 and json.loads(out.stdout)["error"].startswith("DIR is given as empty text")


def test_import_of_a_project_or_one_of_its_files_says_how_to_open_it_instead(tmp_path: Path) -> None:
    """A new user gives import what they have: the project folder (its hint split a name with a
    space in two when pasted), or its settings.json (called "JSON text, not a ZIP: the download
    most likely failed", which sent them to download again). Both now name the command that opens
    the project, quoted for the shell, and it opens it; nothing is written."""
    assert run("new", tmp_path / "my project").returncode == 0
    for given in ("my project", "my project/webapp2/plugins", "my project/webapp2/settings.json"):
        out = run("import", given, "-o", "copy", cwd=tmp_path)
        assert out.returncode == 2 and not (tmp_path / "copy").exists()
        assert out.stderr.startswith(f"plugin-designer: {given} is "), out.stderr
        assert "download" not in out.stderr
        assert out.stderr.endswith("Open it with: plugin-designer 'my project'\n"), out.stderr
    assert run("check", "my project", cwd=tmp_path).returncode == 0  # (what the hint names opens)
    # A JSON file that belongs to no project still reads as a failed download saved under that name.
    (tmp_path / "branding.zip").write_text('{"error": "expired"}')
    out = run("import", "branding.zip", "-o", "copy", cwd=tmp_path)
    assert out.returncode == 2 and "the download most likely failed" in out.stderr


def test_export_json_names_the_zip_as_given_on_the_command_line(tmp_path: Path) -> None:
    """The README says --json's paths are as given (relative when given so), as import's `project`
    is; export's `output` was made absolute, so a script comparing it with its own -o failed."""
    assert run("new", tmp_path / "proj").returncode == 0
    (tmp_path / "out").mkdir()
    out = run("export", "proj", "-o", "out/my branding.zip", "--json", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert doc["output"] == "out/my branding.zip"
    assert zipfile.is_zipfile(tmp_path / doc["output"])


def test_new_in_a_plugin_folder_names_the_command_that_adds_the_plugin_to_its_project(tmp_path: Path) -> None:
    """`new proj/webapp2/plugins/lock` (a new user in the plugin's folder) was told only to choose
    a folder outside the package; the plugin was meant for that project, so the command that adds
    it there is given, with the options as typed, and it works as given."""
    assert run("new", tmp_path / "my project").returncode == 0
    before = snapshot(tmp_path / "my project")
    out = run(
        "new",
        "my project/webapp2/plugins/hello-message",
        "--recipe",
        "lock-toggle",
        "--set",
        "name=Lock it",
        cwd=tmp_path,
    )
    assert out.returncode == 2 and snapshot(tmp_path / "my project") == before
    command = "plugin-designer new 'my project' --recipe lock-toggle --set 'name=Lock it'"
    assert out.stderr.endswith(f"To add the plugin to that project instead: {command}\n"), out.stderr
    assert run(*shlex.split(command)[1:], cwd=tmp_path).returncode == 0
    assert (tmp_path / "my project" / "webapp2" / "plugins" / "lock-it").is_dir()


def test_a_mistyped_command_with_json_prints_one_json_document(tmp_path: Path) -> None:
    """`chek --json p` in a script printed only text on stderr, so its JSON parser failed on an
    empty stdout; the README says every --json prints one JSON document, as an unknown option does."""
    out = run("chek", "--json", FIXTURES / "base", cwd=tmp_path)
    assert out.returncode == 2
    doc = json.loads(out.stdout)
    assert doc == {
        "ok": False,
        "error": "plugin-designer: " + out.stderr.strip().removeprefix("plugin-designer: "),
        "code": "usage",
    }
    assert "did you mean 'check'?" in doc["error"]


@pytest.mark.parametrize(
    ("words", "meant"),
    [
        (["check", "--jsn", "PATH"], "unrecognized arguments: --jsn (did you mean --json?)"),
        (["check", "PATH", "--strcit"], "unrecognized arguments: --strcit (did you mean --strict?)"),
        (
            ["check", "PATH", "--strcit", "--fixx"],
            "unrecognized arguments: --strcit --fixx (did you mean --strict for --strcit and --fix for --fixx?)",
        ),
        # (argparse asks for -o first: the word meant as -o is the one to name)
        (["export", "PATH", "--ouput", "x.zip"], "required: -o/--output (did you mean --output?)"),
        (["import", "x.zip", "-o", "p", "--create-mising"], "--create-mising (did you mean --create-missing?)"),
        (["--exmaple"], "unrecognized arguments: --exmaple (did you mean --example?)"),
    ],
)
def test_a_mistyped_option_is_named_with_the_one_meant(
    words: list[str], meant: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """argparse said only "unrecognized arguments: --strcit" (exit 2), leaving a new user to compare
    the spelling with --help letter by letter; the closest of the command's own options is named."""
    from designer.cli import main

    words = [str(FIXTURES / "base") if w == "PATH" else w for w in words]
    with pytest.raises(SystemExit) as stopped:
        main(words)
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: plugin-designer") and err.rstrip().endswith(meant)
    if words[0] != "--exmaple":  # (the designer's own options have no --json)
        with pytest.raises(SystemExit):
            main([*words, "--json"])
        assert json.loads(capsys.readouterr().out)["error"].endswith(meant)


def test_no_option_is_suggested_for_a_value_or_a_far_word(capsys: pytest.CaptureFixture[str]) -> None:
    """The hint names an option only for a word close to one: not for a PATH after '--', a value
    of the option before it, or a word like no option at all."""
    from designer.cli import main

    for words in (["check", "PATH", "--zzzzzz"], ["new", "DIR", "--name"], ["export", "PATH", "-o"]):
        with pytest.raises(SystemExit):
            main(words)
        assert "did you mean" not in capsys.readouterr().err
    assert main(["check", "--", "--jsn"]) == 2  # a PATH called --jsn: none such
    assert "did you mean" not in capsys.readouterr().err


def test_export_to_a_folder_names_a_zip_in_it_that_works(tmp_path: Path) -> None:
    """`-o out` (a folder) was told to "give the name of the ZIP file", with no example; it now
    names one inside that folder, as the Export pane suggests it, and that name exports."""
    assert run("new", tmp_path / "my project").returncode == 0
    (tmp_path / "out").mkdir()
    refused = run("export", "my project", "-o", "out", cwd=tmp_path)
    assert refused.returncode == 2 and not any((tmp_path / "out").iterdir())
    assert refused.stderr == (
        "plugin-designer: out is a folder; give the name of the ZIP file to write, such as out/my project-branding.zip.\n"
    )
    assert run("export", "my project", "-o", "out/my project-branding.zip", cwd=tmp_path).returncode == 0


def test_check_fix_writes_roles_and_platforms_in_the_apps_words_keeping_the_files_layout(tmp_path: Path) -> None:
    """A new user wrote "host" (the form's Hosts) and "Desktop": check says what webapp2 calls
    them, and check --fix writes ["chair"] and "electron" in the file's own layout, nothing else."""
    assert run("new", tmp_path / "p").returncode == 0
    package = tmp_path / "p" / "webapp2" / "plugins" / "hello-message" / "hello-message.plugin.package.json"
    text = package.read_text(encoding="utf-8")
    made = re.sub(r'"participantRoles": \[[^\]]*\]', '"participantRoles": "host"', text)
    made = made.replace('"electron"', '"Desktop"')
    package.write_text(made, encoding="utf-8")

    out = run("check", tmp_path / "p")
    assert out.returncode == 1
    lines = problem_lines(out.stdout)
    assert sorted(m["code"] for m in lines) == ["PD311", "PD311"], out.stdout
    assert 'webapp2 calls hosts "chair"' in out.stdout and '"electron" (Desktop app)' in out.stdout
    assert "plugin-designer check --fix" in out.stderr

    fixed = run("check", "--fix", tmp_path / "p")
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    # As `new` wrote it, one value a line: only Guests has gone (the user wrote "host" alone).
    assert package.read_text(encoding="utf-8") == text.replace('"chair",\n        "guest"\n', '"chair"\n')


def test_check_of_a_folder_without_a_package_gives_the_command_that_starts_one_and_it_works(tmp_path: Path) -> None:
    """A new user made a folder and ran check on it: the message gives `new` with that folder,
    and the project that command makes passes the check."""
    folder = tmp_path / "my plugins"
    folder.mkdir()
    out = run("check", "my plugins", cwd=tmp_path)
    assert out.returncode == 2
    said = out.stderr.strip()
    assert said.endswith("To start a project in this folder: plugin-designer new 'my plugins'"), said
    command = shlex.split(said.rsplit(": ", 1)[1])
    assert run(*command[1:], cwd=tmp_path).returncode == 0
    assert run("check", "--strict", "my plugins", cwd=tmp_path).returncode == 0


def test_check_of_a_folder_holding_a_branding_zip_gives_the_commands_for_the_zip_and_they_work(
    tmp_path: Path,
) -> None:
    """The folder a download went to holds the ZIP and no project: check names the ZIP, the
    command that checks it as it is and the import that makes a project of it; both work."""
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    _zip_webapp2(FIXTURES / "base" / "webapp2", downloads / "branding.zip")
    out = run("check", "downloads", cwd=tmp_path)
    assert out.returncode == 2
    said = out.stderr.strip()
    assert "It holds the ZIP branding.zip: plugin-designer check downloads/branding.zip reads it as it is" in said
    importing = shlex.split(said.rsplit("import it into a folder: ", 1)[1])
    assert importing == ["plugin-designer", "import", "downloads/branding.zip", "-o", "branding"]
    # --fix and export need a folder: the import comes first, then the command on that folder.
    first = (
        "Import it into a folder first and use that folder: plugin-designer import downloads/branding.zip -o branding"
    )
    fixing = run("check", "--fix", "downloads", cwd=tmp_path)
    assert fixing.returncode == 2 and f"{first}, then plugin-designer check --fix branding" in fixing.stderr
    exporting = run("export", "downloads", "-o", "x.zip", cwd=tmp_path)
    assert exporting.returncode == 2 and f"{first}, then plugin-designer export branding -o x.zip" in exporting.stderr

    assert run("check", "downloads/branding.zip", cwd=tmp_path).returncode == 0
    assert run(*importing[1:], cwd=tmp_path).returncode == 0
    assert run("check", "branding", cwd=tmp_path).returncode == 0


def test_ctrl_c_stops_a_simulate_whose_plugin_keeps_the_page_busy(tmp_path: Path) -> None:
    """Python runs its Ctrl-C handler only when Python code runs: while a plugin's endless loop kept
    the page busy, none did, and `simulate` went on until its timeout (20 s) after Ctrl-C. Here the
    timeout is ten minutes, longer than the test waits: only Ctrl-C can end the run in time."""
    assert run("new", tmp_path / "proj").returncode == 0
    [source] = (tmp_path / "proj" / "webapp2" / "plugins").glob("*/*.plugin.js")
    source.write_text("while (true) {}\n" + source.read_text(encoding="utf-8"), encoding="utf-8")
    code = (
        "import os, signal, sys, threading\n"
        "import designer.gui.preview as preview\n"
        "preview.simulate.__defaults__ = ('chair', 'web', 600.0)\n"
        "load_html = preview.load_html\n"
        "def loading(page, html):\n"  # Ctrl-C from outside, once the page runs the plugins
        "    load_html(page, html)\n"
        "    threading.Timer(0.5, os.kill, (os.getpid(), signal.SIGINT)).start()\n"
        "preview.load_html = loading\n"
        "from designer.cli import main\n"
        "sys.argv[1:] = ['simulate', sys.argv[1]]\n"
        "sys.exit(main())\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "proj")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        # Ctrl-C as a terminal gives it (a background job of a script would ignore it from the start).
        preexec_fn=(lambda: signal.signal(signal.SIGINT, signal.SIG_DFL)) if os.name == "posix" else None,
    )
    assert out.stderr.endswith("plugin-designer: stopped (Ctrl-C)\n"), out.stderr
    assert out.stdout == ""
    assert out.returncode == (-2 if os.name == "posix" else 130)


def test_import_counts_its_files_in_words(tmp_path: Path, capsys) -> None:
    """It said "(1 files, 734 bytes; ...)": a form, not a sentence, and a size nobody reads."""
    import zipfile

    from designer.cli import main

    zipped = tmp_path / "one.zip"
    with zipfile.ZipFile(zipped, "w") as zf:
        zf.writestr("webapp2/themes/readme.txt", "x" * 3000)
    assert main(["import", str(zipped), "-o", str(tmp_path / "p")]) == 0
    said = capsys.readouterr().out
    assert "(1 file, 3 KB; " in said, said


def test_export_says_the_size_of_its_zip_as_import_does(example_project: Path, tmp_path: Path, capsys) -> None:
    """Export said "(8 files, 3662 bytes, ...)" and the import of the same ZIP "(8 files, 5 KB; ...)":
    one size in bytes, the other in KB, for a user comparing the two lines."""
    from designer.cli import main

    out = tmp_path / "upload.zip"
    assert main(["export", str(example_project), "-o", str(out)]) == 0
    said = capsys.readouterr().out
    size = round(out.stat().st_size / 1024)
    zip_line = said.split("\n")[0]  # (the files below it are listed with their sizes, small ones in bytes)
    assert f" files, {size} KB, sha256 " in zip_line and "bytes" not in zip_line, said


def test_a_first_exports_json_lists_every_file_as_added_as_the_plain_output_does(
    example_project: Path, tmp_path: Path, capsys
) -> None:
    """A first export's --json had "changes": [] beside a summary saying every file is new, where the
    plain output and the Export pane list each file: a script read "nothing changed"."""
    from designer.cli import main

    assert main(["export", str(example_project), "-o", str(tmp_path / "plain.zip")]) == 0
    plain = capsys.readouterr().out
    shutil.rmtree(example_project / ".plugin-designer")  # (a first export again)
    assert main(["export", "--json", str(example_project), "-o", str(tmp_path / "first.zip")]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["baseline"] is None and "every file is new" in doc["summary"]
    with zipfile.ZipFile(tmp_path / "first.zip") as zf:
        names = sorted(i.filename for i in zf.infolist() if not i.is_dir())
    assert [c["path"] for c in doc["changes"]] == names
    manifest = next(c for c in doc["changes"] if c["file"] == "manifest.json")
    with zipfile.ZipFile(tmp_path / "first.zip") as zf:
        assert manifest["new_size"] == len(zf.read("webapp2/manifest.json"))
    assert all(c["status"] == "added" and c["old_size"] is None for c in doc["changes"])
    assert manifest["diff"].startswith("--- before/manifest.json\n+++ after/manifest.json\n")  # as a later added file's
    for c in doc["changes"]:  # the same files the plain output lists
        assert f"  added    {c['file']}  (" in plain, (c["file"], plain)
    # The next export compares with this one: only what changed, as before.
    assert main(["export", "--json", str(example_project), "-o", str(tmp_path / "second.zip")]) == 0
    second = json.loads(capsys.readouterr().out)
    assert [c["file"] for c in second["changes"]] == ["manifest.json"] and second["nothing_but_branding_id"]


def test_import_of_a_zip_without_settings_json_counts_the_plugins_found_on_disk_as_check_does(
    tmp_path: Path, capsys
) -> None:
    """Import of a Management Node download said "0 plugins: 2 errors" where check of the project it
    made says "3 plugins found on disk checked (settings.json is missing)"; its --json summary
    lacked check's info and plugins_found_on_disk."""
    from designer.cli import main

    with zipfile.ZipFile(tmp_path / "download.zip", "w") as zf:
        web = EXAMPLE / "webapp2"
        for f in sorted(web.rglob("*")):
            if f.is_file() and f.name not in ("settings.json", "manifest.json"):
                zf.write(f, f.relative_to(web).as_posix())
    assert main(["import", str(tmp_path / "download.zip"), "-o", str(tmp_path / "a")]) == 0
    said = capsys.readouterr().out.splitlines()[-1]
    assert said.startswith("3 plugins found on disk (settings.json is missing): 2 errors, 0 warnings. "), said
    assert main(["import", "--json", str(tmp_path / "download.zip"), "-o", str(tmp_path / "b")]) == 0
    summary = json.loads(capsys.readouterr().out)["summary"]
    assert main(["check", "--json", str(tmp_path / "b")]) == 1
    checked = json.loads(capsys.readouterr().out)["summary"]
    assert summary == checked  # (ok too: the counts under one name in every command)
    assert summary["plugins_found_on_disk"] == 3


def test_every_command_names_the_package_it_worked_on_under_one_key(tmp_path: Path, capsys) -> None:
    """check and a blocked export gave "package"; a written export gave none, and new and import
    named the same folder "webapp2" only: a script chaining them looked under another key each time."""
    from designer.cli import main

    def doc(*words: str) -> dict[str, Any]:
        main(list(words))
        return json.loads(capsys.readouterr().out)

    made = doc("new", "--json", str(tmp_path / "p"))
    added = doc("new", "--json", str(tmp_path / "p"), "--name", "Another")
    exported = doc("export", "--json", str(tmp_path / "p"), "-o", str(tmp_path / "p.zip"))
    imported = doc("import", "--json", str(tmp_path / "p.zip"), "-o", str(tmp_path / "q"))
    assert (
        made["package"] == added["package"] == exported["package"] == doc("check", "--json", made["project"])["package"]
    )
    assert made["package"] == made["webapp2"] and imported["package"] == imported["webapp2"]
    assert imported["package"] == doc("check", "--json", imported["project"])["package"]


@pytest.mark.parametrize(
    ("command", "shown"), [("import", "-o DIR "), ("screenshot", "-o PNG"), ("screenshot", "[--size WxH]")]
)
def test_usage_names_what_an_option_takes_as_the_readme_does(command: str, shown: str) -> None:
    """import's usage said "-o OUTPUT" where the README and its examples give a project folder (DIR)
    and export's "-o ZIP"; screenshot's said "-o OUTPUT" and "--size SIZE" for a PNG and WxH."""
    out = run(command, "--help")
    usage = " ".join(out.stdout.split("\n\n")[0].split())
    assert out.returncode == 0 and shown in usage, usage


def test_refusals_name_the_places_as_the_user_typed_them(tmp_path: Path) -> None:
    """`export proj -o proj/webapp2/x.zip` was told "Choose a place outside /tmp/.../proj/webapp2",
    and an import or new inside a package named the package by its whole path: each place is
    named as the user named theirs (relative when typed so), in the message and in --json's error."""
    shutil.copytree(FIXTURES / "base", tmp_path / "proj")
    assert run("export", "proj", "-o", "first.zip", cwd=tmp_path).returncode == 0
    said = {
        ("export", "proj", "-o", "proj/webapp2/x.zip"): "Choose a place outside proj/webapp2 for the ZIP",
        ("export", "proj", "-o", "proj/.plugin-designer/x.zip"): "Choose a place outside proj/.plugin-designer ",
        ("import", "first.zip", "-o", "proj/webapp2/sub"): "proj/webapp2/sub is inside the branding package "
        "proj/webapp2: a project imported there",
        ("new", "proj/webapp2/plugins/extra"): "proj/webapp2/plugins/extra is inside the branding package "
        "proj/webapp2: a new project there",
    }
    for words, sentence in said.items():
        out = run(*words, cwd=tmp_path)
        assert out.returncode == 2 and out.stderr.startswith(f"plugin-designer: {sentence}"), out.stderr
        assert str(tmp_path) not in out.stderr
        assert json.loads(run(*words, "--json", cwd=tmp_path).stdout)["error"].startswith(sentence)
    # From inside webapp2/ ("export ."), the folder is the one the user is in; a whole path stays whole.
    inside = run("export", ".", "-o", "plugins/x.zip", cwd=tmp_path / "proj" / "webapp2")
    assert inside.stderr.startswith("plugin-designer: Choose a place outside the folder you are in (webapp2) ")
    whole = run("export", tmp_path / "proj", "-o", "proj/webapp2/x.zip", cwd=tmp_path)
    assert whole.stderr.startswith(f"plugin-designer: Choose a place outside {tmp_path / 'proj' / 'webapp2'} ")
    assert not list(tmp_path.rglob("x.zip")) and not (tmp_path / "proj" / "webapp2" / "sub").exists()


def test_check_json_gives_each_problem_its_plugins_id_and_package_file(tmp_path: Path) -> None:
    """While settings.json could not be read, a plugin's problems had its package file's path as
    `plugin` (the README promises the plugin's id), and so did those of a plugin listed without an
    id: `plugin` is the id (settings.json's, else the package file's), `plugin_file` the path, both
    null for the package as a whole; a blocked export's `errors` are the same."""
    shutil.copytree(EXAMPLE, tmp_path / "p")
    web = tmp_path / "p" / "webapp2"
    source = web / "plugins" / "lock-toggle" / "lock-toggle.plugin.js"
    source.write_text(source.read_text(encoding="utf-8") + "\nsyntax error (\n", encoding="utf-8")
    package_file = "plugins/lock-toggle/lock-toggle.plugin.package.json"
    settings = web / "settings.json"
    listed = settings.read_text(encoding="utf-8")

    def problems(text: str) -> dict[str, dict[str, Any]]:
        settings.write_text(text, encoding="utf-8")
        doc = json.loads(run("check", "--json", tmp_path / "p").stdout)
        blocked = json.loads(run("export", "--json", tmp_path / "p", "-o", tmp_path / "x.zip").stdout)
        assert blocked["errors"] == [p for p in doc["problems"] if p["severity"] == "error"]
        return {p["code"]: p for p in doc["problems"]}

    read = problems(listed)
    unread = problems(listed.replace('"plugins": [', '"plugins": [,', 1))  # (a stray comma: not valid JSON)
    no_id = problems(listed.replace('"id": "lock-toggle",', "", 1))
    assert "Found on disk" in unread["PD500"]["message"]
    for found in (read, unread, no_id):
        assert (found["PD500"]["plugin"], found["PD500"]["plugin_file"]) == ("lock-toggle", package_file)
    assert (unread["PD100"]["file"], unread["PD100"]["plugin"], unread["PD100"]["plugin_file"]) == (
        "settings.json",
        None,
        None,
    )
    assert not (tmp_path / "x.zip").exists()


def test_check_names_files_outside_the_working_folder_in_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``check /tmp/p`` run from another folder named the files ``../../tmp/p/webapp2/...``, a path
    nobody typed; inside the working folder they stay relative, as a compiler names them."""
    from designer.cli import main

    project = tmp_path / "proj"
    shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns(".plugin-designer"))
    (project / "webapp2" / "manifest.json").write_text("{", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert main(["check", str(project)]) == 1
    out = capsys.readouterr().out
    assert f"{project}/webapp2/manifest.json:1:" in out and "../" not in out
    monkeypatch.chdir(tmp_path)
    assert main(["check", "proj"]) == 1
    assert capsys.readouterr().out.startswith("proj/webapp2/manifest.json:1:")


def test_no_project_is_made_in_a_projects_own_designer_folder(tmp_path: Path) -> None:
    """`check p/.plugin-designer` answered "To start a project in this folder: plugin-designer new
    p/.plugin-designer", and `new` (or `import -o`) then made a project there, among the project's
    record of its exports, the kept copy of its imported ZIP and its trash."""
    shutil.copytree(FIXTURES / "base", tmp_path / "p")
    assert run("export", "p", "-o", "p.zip", cwd=tmp_path).returncode == 0  # (the folder exists now)
    own = tmp_path / "p" / ".plugin-designer"
    before = sorted(f.name for f in own.iterdir())
    checked = run("check", "p/.plugin-designer", cwd=tmp_path)
    assert checked.returncode == 2 and "plugin-designer new" not in checked.stderr, checked.stderr
    assert "plugin-designer check p" in checked.stderr, checked.stderr
    for words in (
        ("new", "p/.plugin-designer"),
        ("new", "p/.plugin-designer/sub"),
        ("import", "p.zip", "-o", "p/.plugin-designer/x"),
    ):
        out = run(*words, cwd=tmp_path)
        assert out.returncode == 2, (words, out.stdout, out.stderr)
        assert "p/.plugin-designer" in out.stderr and "where the designer keeps" in out.stderr, out.stderr
    assert sorted(f.name for f in own.iterdir()) == before


@pytest.mark.parametrize("where", ["zip", "manifest"])
def test_export_to_a_place_that_cannot_be_written_says_what_and_that_nothing_was_exported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    """`export p -o locked/x.zip` into a read-only folder (or with a manifest.json the system will
    not let be replaced) ended with "/whole/path/locked/x.zip: Operation not permitted": a path the
    user never typed, and no word of whether anything was exported or what to do."""
    import errno

    from designer.cli import main
    from designer.core import files

    shutil.copytree(FIXTURES / "base", tmp_path / "p")
    (tmp_path / "locked").mkdir()
    monkeypatch.chdir(tmp_path)
    blocked = Path("locked/x.zip" if where == "zip" else "p/webapp2/manifest.json").resolve()
    prepare = files._prepare

    def refuse(path: Path, data: bytes) -> str:
        if Path(path).resolve() == blocked:
            raise PermissionError(errno.EPERM, "Operation not permitted", str(path))
        return prepare(path, data)

    monkeypatch.setattr(files, "_prepare", refuse)
    before = Path("p/webapp2/manifest.json").read_bytes()
    assert main(["export", "p", "-o", "locked/x.zip"]) == 2
    said = capsys.readouterr().err
    if where == "zip":
        assert said.startswith("plugin-designer: The ZIP locked/x.zip cannot be written in locked "), said
    else:
        assert said.startswith("plugin-designer: p/webapp2/manifest.json cannot be replaced "), said
        assert "new brandingID" in said, said
    assert "(Operation not permitted)" in said and "nothing was exported" in said and str(tmp_path) not in said, said
    assert not Path("locked/x.zip").exists() and Path("p/webapp2/manifest.json").read_bytes() == before


def test_the_import_offered_for_a_double_zip_download_names_a_folder_import_takes(tmp_path: Path) -> None:
    """`check branding.zip.zip` (a download whose ending Windows hid) offered "import
    branding.zip.zip -o branding.zip", a folder name the import refuses as a ZIP file's."""
    shutil.copytree(FIXTURES / "base", tmp_path / "p")
    (tmp_path / "p/webapp2/settings.json").unlink()  # (a fix to offer: the import first)
    with zipfile.ZipFile(tmp_path / "branding.zip.zip", "w") as zf:
        for f in sorted((tmp_path / "p").rglob("*")):
            if f.is_file():
                zf.write(f, f.relative_to(tmp_path / "p").as_posix())
    out = run("check", "branding.zip.zip", cwd=tmp_path)
    assert "plugin-designer import branding.zip.zip -o branding, then" in out.stdout + out.stderr, out
    assert run("import", "branding.zip.zip", "-o", "branding", cwd=tmp_path).returncode == 0


def test_new_with_a_name_of_two_lines_names_the_plugin_on_one_line(tmp_path: Path) -> None:
    """`new DIR --name $'Lay\\nout'` wrote "Lay\\nout" into the package, where the app shows the
    name on one line (and printed a message split in two): the line break is a space now."""
    out = run("new", tmp_path / "p", "--name", "Lay\nout\u2028now")
    assert out.returncode == 0, out.stderr
    assert "'Lay out now'" in out.stdout
    package = json.loads((tmp_path / "p/webapp2/plugins/lay-out-now/lay-out-now.plugin.package.json").read_text())
    assert package["name"] == package["menuItems"]["toolbar"][0]["label"] == "Lay out now"


@pytest.mark.parametrize("shown", ["--node URL", "[--description TEXT]", "[-o ZIP]", "[--timeout SECONDS]"])
def test_deploy_usage_names_what_an_option_takes_as_the_readme_does(shown: str) -> None:
    """deploy's usage said "--description DESCRIPTION", "-o OUTPUT" and "--timeout TIMEOUT", where
    the README says TEXT, OUT.zip and SECONDS (and export's usage "-o ZIP"): the names told nothing."""
    out = run("deploy", "--help")
    usage = " ".join(out.stdout.split("\n\n")[0].split())
    assert out.returncode == 0 and shown in usage, usage


def test_screenshot_help_says_what_no_path_and_each_pane_show() -> None:
    """screenshot --help said only "pane to show" for --pane, and nothing of what a PNG taken
    without PATH shows (the README's usage has PATH in brackets)."""
    out = run("screenshot", "--help")
    said = " ".join(out.stdout.split())
    assert out.returncode == 0
    assert "(none: the welcome screen)" in said
    assert "the problems list in front, the Export pane, or the preview's meeting with the plugins loaded" in said


def test_check_help_says_how_a_problem_about_a_whole_file_is_printed(tmp_path: Path) -> None:
    """check --help promised "file:line:column: severity CODE message" for every line, but a problem
    about the whole file (an unused icon, PD406) prints "file: info PD406 ...": a script splitting
    on the promised form misread it."""
    shutil.copytree(EXAMPLE, tmp_path / "proj")
    icon = tmp_path / "proj" / "webapp2" / "plugins" / "lock-toggle"
    shutil.copy(icon / "lock.svg", icon / "spare.svg")
    printed = run("check", "proj", cwd=tmp_path).stdout
    assert "plugins/lock-toggle/spare.svg: info PD406 " in printed
    said = " ".join(run("check", "--help").stdout.split())
    assert "file:line:column: severity CODE message (file: alone for a problem about the whole file)" in said


def test_a_recipe_answer_that_is_not_yes_or_no_names_its_option_as_the_others_do(tmp_path: Path) -> None:
    """`--set announce=maybe` was "'Also post a chat message' (announce) must be yes or no", where
    every other wrong answer names the option to change: "(--set url)"."""
    out = run("new", "proj", "--recipe", "query-auto-action", "--set", "announce=maybe", cwd=tmp_path)
    assert out.returncode == 2
    assert "'Also post a chat message' (--set announce) must be yes or no, not 'maybe'." in out.stderr


def test_new_where_webapp2_or_a_parent_is_a_file_names_it_and_says_what_to_do(tmp_path: Path) -> None:
    """`new d` with a file called d/webapp2 (or under a file: `new notes.txt/p`) said only "cannot
    create d: Not a directory": which path is not a folder, and what to do, was left to guess."""
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "webapp2").write_text("keep me")
    out = run("new", folder)
    assert out.returncode == 2
    assert out.stderr == (
        f"plugin-designer: {folder / 'webapp2'} is a file, where the project's webapp2 folder goes; "
        "rename or move that file, or name another folder for the project\n"
    )
    assert (folder / "webapp2").read_text() == "keep me" and os.listdir(folder) == ["webapp2"]
    notes = tmp_path / "notes.txt"
    notes.write_text("keep me too")
    out = run("new", notes / "p")
    assert out.returncode == 2
    assert out.stderr == f"plugin-designer: {notes} is a file, not a folder; name a folder for the project elsewhere\n"
    assert notes.read_text() == "keep me too"


def test_new_given_a_webapp2_folder_makes_the_package_there_not_a_second_webapp2_inside(tmp_path: Path) -> None:
    """`new proj/webapp2` (the folder the package lives in, as `check` and the designer take it)
    made proj/webapp2/webapp2: a project folder called webapp2, its package one level down."""
    out = run("new", tmp_path / "proj" / "webapp2")
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "proj" / "webapp2" / "settings.json").is_file()
    assert not (tmp_path / "proj" / "webapp2" / "webapp2").exists()
    assert out.stdout.startswith(f"Created {tmp_path / 'proj' / 'webapp2'} with the plugin 'Hello message'.")
    (tmp_path / "empty" / "webapp2").mkdir(parents=True)  # made by hand first: the same
    assert run("new", tmp_path / "empty" / "webapp2").returncode == 0
    assert sorted(p.name for p in (tmp_path / "empty").iterdir()) == ["webapp2"]
    assert run("check", "--strict", tmp_path / "proj").returncode == 0


def test_the_top_of_the_file_system_is_no_place_for_a_project() -> None:
    """Opening / offered a project there, as the home folder did (see test_main_window)."""
    from designer.core.newproject import no_place_for_a_project

    assert no_place_for_a_project(Path("/")) == "it is the top of the file system"
    assert no_place_for_a_project(Path.home()) == "it is your home folder"


def test_check_of_the_home_folder_suggests_a_project_in_a_folder_inside_it(tmp_path: Path, monkeypatch, capsys) -> None:
    """``check ~`` said "To start a project in this folder: plugin-designer new ~"."""
    from designer.cli import main

    home = tmp_path / "me"
    home.mkdir()
    (home / "notes.txt").write_text("ours")
    monkeypatch.setenv("HOME", str(home))
    assert main(["check", str(home)]) == 2
    err = capsys.readouterr().err
    assert "it is your home folder" in err
    assert f"plugin-designer new {home / 'my-branding'}" in err


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("CON", "Windows keeps for a device"),
        ("x:y", "a colon (:)"),
        ("trail ", "ends in a space"),
        ("dot.", "ends in a dot"),
        (".hidden", "hidden folder"),
    ],
)
def test_new_refuses_the_folder_names_the_new_project_dialog_refuses(
    tmp_path: Path, capsys, name: str, why: str
) -> None:
    """``new CON`` (or ``x:y``, ``dot.``) made a project the New Project dialog would have
    refused to make, one a Windows colleague cannot unpack: one rule for both, naming the name."""
    from designer.cli import main
    from designer.core.newproject import new_project_refusal

    assert main(["new", str(tmp_path / name)]) == 2
    err = capsys.readouterr().err
    assert f"cannot create a project folder called '{name}': " in err and why in err
    assert list(tmp_path.iterdir()) == []
    if not name.endswith(" "):  # (the dialog takes a typed name without its end spaces)
        assert new_project_refusal(tmp_path, name) is not None


def test_new_in_the_folder_you_are_in_is_not_refused_for_its_name(tmp_path: Path, monkeypatch) -> None:
    from designer.cli import main

    monkeypatch.chdir(tmp_path)
    assert main(["new", "."]) == 0
    assert (tmp_path / "webapp2" / "settings.json").is_file()


def test_an_earlier_zip_another_program_holds_open_is_said_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """On Windows an earlier ZIP open in another program (an archive viewer, a browser uploading
    it) cannot be replaced: the export said the ZIP "cannot be written in" its folder and to
    "make that folder writable", which it was. It names the ZIP to close too."""
    import errno

    from designer.cli import main
    from designer.core import files

    shutil.copytree(FIXTURES / "base", tmp_path / "p")
    monkeypatch.chdir(tmp_path)
    assert main(["export", "p", "-o", "x.zip"]) == 0
    held = Path("x.zip").resolve()
    before = held.read_bytes()
    replace = files.os.replace

    def refuse(src: object, dst: object) -> None:
        if Path(str(dst)).resolve() == held:
            raise PermissionError(errno.EACCES, "Access is denied", str(dst))
        replace(src, dst)

    monkeypatch.setattr(files.os, "replace", refuse)
    capsys.readouterr()
    assert main(["export", "p", "-o", "x.zip"]) == 2
    said = capsys.readouterr().err
    assert said.startswith("plugin-designer: The earlier ZIP x.zip cannot be replaced (Access is denied): "), said
    assert "another program may have it open" in said and "nothing was exported" in said, said
    monkeypatch.setattr(files.os, "replace", replace)
    assert held.read_bytes() == before


@pytest.mark.parametrize("name", ["CON", "x:y", "dot."])
def test_import_refuses_the_folder_names_the_import_dialog_refuses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """``import b.zip -o CON`` made a project folder the Import dialog refuses, as ``new`` did."""
    from designer.cli import main
    from designer.core.export import export_package

    shutil.copytree(FIXTURES / "base", tmp_path / "p")
    export_package(tmp_path / "p", tmp_path / "b.zip")
    assert main(["import", str(tmp_path / "b.zip"), "-o", str(tmp_path / name)]) == 2
    assert f"cannot create a project folder called '{name}': " in capsys.readouterr().err
    assert not (tmp_path / name).exists()


def test_new_in_the_home_folder_offers_a_folder_of_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``new ~`` put webapp2/ among everything in the home folder, which the window no longer
    offers (nor ``check ~``): refused, with the command for a folder of its own inside it."""
    from designer.cli import main

    home = tmp_path / "me"
    home.mkdir()
    (home / "notes.txt").write_text("ours")
    monkeypatch.setenv("HOME", str(home))
    assert main(["new", str(home)]) == 2
    err = capsys.readouterr().err
    assert "it is your home folder" in err and f"plugin-designer new {home / 'my-branding'}" in err, err
    assert sorted(os.listdir(home)) == ["notes.txt"]


def test_a_project_folder_named_in_latin1_is_printed_as_its_bytes(tmp_path: Path) -> None:
    """A folder named on an old Latin-1 share (the byte 0xe5 for 'å', not UTF-8) was printed as
    'proj\\udce5', Python's inner spelling of that byte, in check's file:line:col lines and in
    new's "Created ..." line, while the hints of the same output said 'proj\\xe5'. Now it is
    '\\xe5' everywhere, the byte the folder's name holds."""
    folder = tmp_path / os.fsdecode(b"proj\xe5")
    made = run("new", folder, "--name", "Rec")
    assert made.returncode == 0, made.stderr
    package = folder / "webapp2/plugins/rec/rec.plugin.package.json"
    package.write_text(package.read_text("utf-8").replace('"action": "showRec"', '"action": "nope"'), "utf-8")
    checked = run("check", folder)
    assert checked.returncode == 1
    for out in (made.stdout, checked.stdout, checked.stderr):
        assert "udce5" not in out, out
    assert "proj\\xe5/webapp2/plugins/rec/rec.plugin.js:" in checked.stdout
    assert made.stdout.startswith(f"Created {tmp_path}/proj\\xe5/webapp2 with the plugin 'Rec'.")


def test_new_quotes_a_name_with_a_control_character_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`new` quoted a folder name with an ESC it refused for that ESC, and a plugin name holding one
    it added, as they were: the terminal turned red (an ESC sequence can also retitle or clear it),
    and a line break split the refusal in two. They are written as escapes, as check writes them."""
    from designer.cli import main

    assert main(["new", str(tmp_path / "new\x1b[31mX")]) == 2
    err = capsys.readouterr().err
    assert "called 'new\\x1b[31mX': the name has an invisible control character (U+001B)" in err, err
    assert main(["new", str(tmp_path / "two\nlines")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "called 'two\\nlines'" in err, err
    assert main(["new", str(tmp_path / "proj"), "--name", "Tab\there"]) == 0
    out = capsys.readouterr().out
    assert "with the plugin 'Tab here'" in out, out  # (as a line break: a space)
    assert main(["new", str(tmp_path / "proj"), "--name", "Red\x1b[31m"]) == 2  # (PD315's, refused)
    err = capsys.readouterr().err
    assert "\x1b" not in err and "the plugin's name 'Red\\x1b[31m' has an invisible control character" in err, err


def test_export_and_import_say_a_path_with_a_control_character_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`export -o` to a ZIP named with an ESC, and `import` of a downloaded ZIP so named, said
    "Exported …" and "Imported …" with the ESC as it was: the terminal turned red."""
    from designer.cli import main

    project = tmp_path / "proj"
    shutil.copytree(EXAMPLE, project)
    red = tmp_path / "red\x1b[31m.zip"
    assert main(["export", str(project), "-o", str(red)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "Exported " + str(tmp_path) + "/red\\x1b[31m.zip (" in out, out
    assert main(["import", str(red), "-o", str(tmp_path / "again")]) in (0, 1)
    out = capsys.readouterr().out
    assert "\x1b" not in out and "Imported " + str(tmp_path) + "/red\\x1b[31m.zip into " in out, out


def test_new_refuses_a_name_with_a_control_character_and_says_it_plainly(tmp_path: Path) -> None:
    """`new --name $'a\\x1b[31mb'` made a plugin whose name held an ESC (garbled in the app's
    menus and Settings ▸ Plugins), and `check` said nothing. It is refused, the character named
    as an escape (the terminal's colours untouched), and nothing is made."""
    for target in (tmp_path / "fresh", project(tmp_path, "settings-id-differs")):
        before = snapshot(target) if target.exists() else None
        out = run("new", target, "--name", "a\x1b[31mb")
        assert out.returncode == 2, out.stdout
        assert "control character" in out.stderr and "\\x1b" in out.stderr, out.stderr
        assert "\x1b" not in out.stderr + out.stdout
        assert (snapshot(target) if target.exists() else None) == before


def test_new_refuses_a_folder_name_with_a_c1_control_character(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A project folder named with U+009B (a terminal's one-character ESC [, pasted from a log) was
    made, while ESC itself was refused: the rule knew only the first 32 control characters and DEL."""
    from designer.cli import main

    assert main(["new", str(tmp_path / "proj\x9b2J")]) == 2
    err = capsys.readouterr().err
    assert "invisible control character (U+009B)" in err, err
    assert not (tmp_path / "proj\x9b2J").exists()


# The command line run with os.replace killing it once ``sys.argv[1]`` files are renamed into place.
KILLED_AFTER_RENAMES = """
import os, signal, sys
from designer.cli import main
real, done, after = os.replace, [], int(sys.argv[1])

def replace_then_die(src, dst, *args, **kwargs):
    real(src, dst, *args, **kwargs)
    done.append(dst)
    if len(done) == after:
        os.kill(os.getpid(), signal.SIGKILL)

os.replace = replace_then_die
sys.exit(main(sys.argv[2:]))
"""


def run_killed_after(renames: int, *args: object) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-c", KILLED_AFTER_RENAMES, str(renames), *map(str, args)]
    return subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=120, env=env)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="kill -9 is POSIX")
def test_new_into_a_project_killed_between_its_files_is_finished_at_the_next_open(tmp_path: Path) -> None:
    """`new` adding a plugin to a project, killed after settings.json and before the plugin's files
    (or the other way round): the project was left half done, a plugin listed with no files or
    files no plugin listed. Now the next command on the project finishes the write."""
    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    killed = run_killed_after(1, "new", project, "--name", "Door lock")
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    done = run("check", project, "--json")
    assert "plugin-designer: Adding the plugin 'Door lock' was cut short" in done.stderr
    listed = [p["id"] for p in json.loads((project / "webapp2/settings.json").read_text())["plugins"]]
    assert "door-lock" in listed, done.stdout
    assert (project / "webapp2/plugins/door-lock/door-lock.plugin.package.json").is_file()
    assert not list(project.rglob("*.tmp"))
    assert not (project / ".plugin-designer/writing.json").exists()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="kill -9 is POSIX")
def test_check_fix_killed_between_its_files_is_finished_at_the_next_open(tmp_path: Path) -> None:
    """`check --fix` mending two files, killed after the first: one was fixed and the other not,
    and nothing said so. Now the next command on the project finishes the write."""
    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    rels = [
        "plugins/lock-toggle/lock-toggle.plugin.package.json",
        "plugins/meeting-info/meeting-info.plugin.package.json",
    ]
    for rel in rels:
        path = project / "webapp2" / rel
        text = path.read_text().rstrip()
        assert text.endswith("}")
        path.write_text(text[:-1].rstrip() + ",\n}\n")  # a comma after the last entry (PD100)
    whole = tmp_path / "whole"
    shutil.copytree(project, whole)
    assert run("check", whole, "--fix").returncode == 0
    killed = run_killed_after(1, "check", project, "--fix")
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    run("check", project)
    for rel in rels:
        assert (project / "webapp2" / rel).read_bytes() == (whole / "webapp2" / rel).read_bytes(), rel
    assert snapshot(project / "webapp2") == snapshot(whole / "webapp2")
    assert not (project / ".plugin-designer").exists()  # (the journal's folder goes with it)


def test_check_fix_beside_a_file_named_as_the_designer_folder_still_saves(tmp_path: Path) -> None:
    """The note of a check --fix's renames goes in the project's .plugin-designer folder: where a file
    of that name stands (or the project folder is read-only), the fixes were refused ("File exists;
    nothing was changed") though saving them needs no such folder. They are saved, without the note."""
    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    (project / ".plugin-designer").write_text("not the designer's\n")
    path = project / "webapp2/plugins/lock-toggle/lock-toggle.plugin.package.json"
    path.write_text(path.read_text().rstrip()[:-1].rstrip() + ",\n}\n")  # a comma after the last entry
    fixed = run("check", project, "--fix")
    assert "could not be saved" not in fixed.stderr, fixed.stderr
    assert json.loads(path.read_text())["id"] == "lock-toggle"
    assert (project / ".plugin-designer").read_text() == "not the designer's\n"
    added = run("new", project, "--name", "Door lock")
    assert added.returncode == 0, added.stderr


# The designer's save killed once it renamed one file into place (a plugin's id renamed in three).
SAVE_KILLED_HALF_WAY = """
import os, signal, sys
from pathlib import Path
from designer.core.model import load, save
from designer.core.plugins import rename_plugin_id
from designer.core.recovery import write_recovery

pkg = load(Path(sys.argv[1]))
rename_plugin_id(pkg, 1, "meeting-details")
write_recovery(pkg)
real = os.replace

def replace_then_die(src, dst, *args, **kwargs):
    real(src, dst, *args, **kwargs)
    os.kill(os.getpid(), signal.SIGKILL)

os.replace = replace_then_die
save(pkg)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="kill -9 is POSIX")
def test_commands_on_a_project_whose_save_in_the_designer_was_cut_short_say_so(tmp_path: Path) -> None:
    """The designer killed half way through a save (an id renamed in one file, not in the others):
    `export` made a ZIP of the mixed files, without a word but a warning about the ids, `check --fix`
    wrote over them, and the designer could no longer put the project back as saved last. Now they
    say the save was cut short and refuse, until the project is opened in the designer (where the
    changes are offered back) or --force is given; `check` says so too."""
    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    killed = subprocess.run([sys.executable, "-c", SAVE_KILLED_HALF_WAY, str(project)], env=env, capture_output=True)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    half = snapshot(project)
    out = tmp_path / "out.zip"
    refused = run("export", project, "-o", out)
    assert refused.returncode == 2 and not out.exists()
    assert "A save in Plugin Designer was cut short" in refused.stderr
    assert "open the project in Plugin Designer" in refused.stderr
    fixing = run("check", project, "--fix")
    assert fixing.returncode == 2 and "was cut short" in fixing.stderr
    assert snapshot(project) == half
    checked = run("check", project)
    assert "was cut short" in checked.stderr
    assert run("export", project, "-o", out, "--force").returncode == 0 and out.exists()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="kill -9 is POSIX")
def test_the_command_after_an_import_killed_while_moving_in_says_it_finished_it(tmp_path: Path) -> None:
    """An import into an empty folder killed while moving its files in (webapp2/ moved, its record
    not yet) was finished by the next command on the project without a word. Now it says so, once."""
    out = tmp_path / "b.zip"
    assert run("export", _example_copy(tmp_path), "-o", out).returncode == 0
    target = tmp_path / "imported"
    target.mkdir()
    script = KILLED_AFTER_RENAMES.replace("os.replace", "os.rename")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-c", script, "1", "import", str(out), "-o", str(target)]
    killed = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=120, env=env)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert not (target / ".plugin-designer").exists()
    first = run("check", target)
    assert (target / ".plugin-designer/imported.zip").is_file()
    assert f"The import of {out.name} into {target} was cut short and is finished now" in first.stderr
    assert "cut short" not in run("check", target).stderr


def _example_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "example"
    shutil.copytree(EXAMPLE, copy)
    return copy


def test_check_of_a_project_with_no_write_under_way_does_not_look_for_crash_copies(tmp_path: Path) -> None:
    """Every `check` looked for the designer's crash copy of the project (a save cut short), whose
    place takes platformdirs to learn: 13 ms of every check's 110. A save cut short leaves the old
    versions it keeps beside the files, so without them there is nothing to find."""
    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    probe = (
        "import sys\nfrom designer.cli import main\ntry:\n    main(['check', sys.argv[1]])\n"
        "except SystemExit:\n    pass\nprint('platformdirs' in sys.modules)"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    looked = subprocess.run(
        [sys.executable, "-c", probe, str(project)], env=env, capture_output=True, text=True, cwd=tmp_path
    )
    assert looked.stdout.strip().splitlines()[-1] == "False", looked.stdout + looked.stderr
