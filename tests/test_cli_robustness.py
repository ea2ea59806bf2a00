"""The command line given what an exploratory tester gives it: hostile ZIPs to read, odd targets to
write, numbers out of range and mistyped commands. Every answer is one plain line and an exit
code (2: the input cannot be used), never a traceback, and nothing outside a temp folder changes.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import warnings
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import FIXTURES, ROOT

from designer import cli


def run(*args: object, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "designer", *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=120
    )


def _package() -> list[tuple[str, bytes]]:
    web = FIXTURES / "base" / "webapp2"
    return sorted(("webapp2/" + p.relative_to(web).as_posix(), p.read_bytes()) for p in web.rglob("*") if p.is_file())


def _zip(path: Path, extra: list[tuple[str | zipfile.ZipInfo, bytes]]) -> Path:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate name one case needs
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, data in [*_package(), *extra]:
                zf.writestr(name, data)
    return path


def _link(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.create_system = 3
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


def _bad_utf8(path: Path) -> Path:
    """An entry flagged as UTF-8 whose name is not: zipfile itself raises while opening it."""
    _zip(path, [("webapp2/cafX.css", b"c")])
    data = bytearray(path.read_bytes().replace(b"webapp2/cafX.css", b"webapp2/caf\xff.css"))
    for sig, flag_off, name_off in ((b"PK\x03\x04", 6, 30), (b"PK\x01\x02", 8, 46)):
        i = -1
        while (i := data.find(sig, i + 1)) >= 0:
            if data[i + name_off : i + name_off + 16] == b"webapp2/caf\xff.css":
                data[i + flag_off + 1] |= 0x08  # bit 11: the name is UTF-8
    path.write_bytes(bytes(data))
    return path


# kind -> (make the ZIP, what the message must name)
HOSTILE = {
    "traversal": (lambda p: _zip(p, [("webapp2/../../evil.txt", b"x")]), "'webapp2/../../evil.txt' points outside"),
    "absolute": (lambda p: _zip(p, [("/tmp/evil.txt", b"x")]), "'/tmp/evil.txt' has an absolute path"),
    "symlink": (lambda p: _zip(p, [(_link("webapp2/link.svg"), b"/etc/passwd")]), "'webapp2/link.svg' is a symbolic"),
    "bomb": (lambda p: _zip(p, [("webapp2/big.css", b"\0" * (33 << 20))]), "'webapp2/big.css' is compressed"),
    "duplicate": (lambda p: _zip(p, [("webapp2/settings.json", b"{}")]), "'webapp2/settings.json' appears twice"),
    "bad-utf8": (_bad_utf8, "'webapp2/caf\\xff.css' is marked as UTF-8"),
}


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_check_refuses_a_hostile_zip_like_import_does(kind: str, tmp_path: Path) -> None:
    make, phrase = HOSTILE[kind]
    src = make(tmp_path / "branding.zip")
    before = sorted(tmp_path.iterdir())
    out = run("check", src)
    assert out.returncode == 2, out.stdout + out.stderr
    assert out.stdout == "" and len(out.stderr.splitlines()) == 1
    assert out.stderr.startswith(f"plugin-designer: error PD104 {src}: ") and phrase in out.stderr
    assert "the archive was not opened" in out.stderr or kind in ("bomb", "duplicate")
    as_json = run("check", "--json", src)
    assert as_json.returncode == 2
    data = json.loads(as_json.stdout)
    assert phrase in data["error"] and data["code"] == "PD104" and data["summary"]["ok"] is False
    imported = run("import", src, "-o", tmp_path / "p")  # the same words as the import's
    assert imported.returncode == 2 and phrase in imported.stderr
    assert imported.stderr.startswith(f"plugin-designer: {src}: ")  # which archive, when several are imported
    imported_json = json.loads(run("import", "--json", src, "-o", tmp_path / "p").stdout)
    assert imported_json["error"].startswith(f"{src}: ") and phrase in imported_json["error"]
    assert sorted(tmp_path.iterdir()) == before


@pytest.mark.parametrize("kind", ["traversal", "bad-utf8"])
def test_export_and_simulate_refuse_a_hostile_zip(kind: str, tmp_path: Path) -> None:
    make, phrase = HOSTILE[kind]
    src = make(tmp_path / "branding.zip")
    exported = run("export", src, "-o", tmp_path / "out.zip")
    assert exported.returncode == 2 and len(exported.stderr.splitlines()) == 1
    assert exported.stderr.startswith(f"plugin-designer: {src}: ") and phrase in exported.stderr
    assert not (tmp_path / "out.zip").exists()
    simulated = run("simulate", src)
    assert simulated.returncode == 2 and len(simulated.stderr.splitlines()) == 1
    assert simulated.stderr.startswith(f"plugin-designer: error PD104 {src}: ") and phrase in simulated.stderr
    as_json = run("simulate", "--json", src)
    assert as_json.returncode == 2 and phrase in json.loads(as_json.stdout)["error"]


# -- import -o TARGET ------------------------------------------------------------------------------
def _target(kind: str, tmp_path: Path) -> Path:
    if kind == "dangling-link":
        (tmp_path / "t").symlink_to(tmp_path / "nowhere")
    elif kind == "link-to-empty-folder":
        (tmp_path / "empty").mkdir()
        (tmp_path / "t").symlink_to(tmp_path / "empty")
    elif kind == "empty-file":
        (tmp_path / "t").write_bytes(b"")
    return tmp_path / "t"


@pytest.mark.parametrize(
    ("kind", "phrase"),
    [
        ("dangling-link", "is a symbolic link"),
        ("link-to-empty-folder", "is a symbolic link"),
        ("empty-file", "is a file; choose a new folder"),
    ],
)
def test_import_refuses_a_target_that_is_not_a_new_folder(kind: str, phrase: str, tmp_path: Path) -> None:
    src = _zip(tmp_path / "in.zip", [])
    target = _target(kind, tmp_path)
    before = {p.name: (p.is_symlink(), os.readlink(p) if p.is_symlink() else None) for p in tmp_path.iterdir()}
    out = run("import", src, "-o", target)
    assert out.returncode == 2, out.stderr
    assert out.stderr.startswith(f"plugin-designer: {target} {phrase}")
    assert len(out.stderr.splitlines()) == 1
    after = {p.name: (p.is_symlink(), os.readlink(p) if p.is_symlink() else None) for p in tmp_path.iterdir()}
    assert after == before
    if kind == "link-to-empty-folder":
        assert list((tmp_path / "empty").iterdir()) == []


def test_import_names_the_zip_that_holds_no_branding(tmp_path: Path) -> None:
    src = tmp_path / "photos.zip"
    with zipfile.ZipFile(src, "w") as zf:
        zf.writestr("holiday/beach.txt", "sun")
    out = run("import", src, "-o", tmp_path / "p")
    assert out.returncode == 2
    assert out.stderr == f"plugin-designer: {src}: The ZIP holds no webapp2 branding: no webapp2/ folder, " + (
        "settings.json, manifest.json or plugins/ folder.\n"
    )
    missing = run("import", tmp_path / "nothere.zip", "-o", tmp_path / "p")  # already named: not twice
    assert missing.stderr == f"plugin-designer: {tmp_path / 'nothere.zip'}: no such file\n"


def test_import_refuses_an_entry_name_the_file_system_cannot_store(tmp_path: Path) -> None:
    name = "webapp2/" + "a" * 300 + ".txt"
    src = _zip(tmp_path / "in.zip", [(name, b"x")])
    out = run("import", src, "-o", tmp_path / "p", "--json")
    assert out.returncode == 2, out.stderr
    data = json.loads(out.stdout)
    assert data["entry"] == name and "longer than 255 bytes" in data["error"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.zip"]


# -- export --branding-id ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "phrase"),
    [("-5", "must be a positive whole number"), (str(2**53), "too large"), (str(10**26), "too large")],
)
def test_export_refuses_a_branding_id_clients_cannot_use(value: str, phrase: str, tmp_path: Path) -> None:
    out = run("export", FIXTURES / "base", "-o", tmp_path / "out.zip", f"--branding-id={value}")
    assert out.returncode == 2, out.stdout + out.stderr
    assert phrase in out.stderr and len(out.stderr.splitlines()) == 1
    assert not (tmp_path / "out.zip").exists()


# -- screenshot --size -----------------------------------------------------------------------------
@pytest.mark.parametrize("size", ["100", "0x600", "800x", "wide", "-800x600", "99999x600"])
def test_screenshot_size_must_be_width_x_height(size: str, tmp_path: Path) -> None:
    out = run("screenshot", FIXTURES / "base", "-o", tmp_path / "s.png", f"--size={size}")
    assert out.returncode == 2
    assert "argument --size:" in out.stderr and "Traceback" not in out.stderr
    assert not (tmp_path / "s.png").exists()


def _screenshot(tmp_path: Path, *args: object) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "cfg"))
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    return subprocess.run(
        [sys.executable, "-m", "designer", "screenshot", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env=env,
    )


def test_screenshot_of_what_cannot_be_opened_fails_and_writes_nothing(tmp_path: Path) -> None:
    out = _screenshot(tmp_path, tmp_path / "nowhere", "-o", tmp_path / "s.png")
    assert out.returncode == 2, out.stdout + out.stderr
    assert "nowhere" in out.stderr and "Traceback" not in out.stderr
    assert not (tmp_path / "s.png").exists()


def test_screenshot_into_a_missing_folder_is_refused_as_export_refuses_it(tmp_path: Path) -> None:
    """It made the missing folders where export refuses them: a typo put the PNG where nobody
    looks. Now both say which folder is missing and write nothing; a folder the user made works."""
    shot = tmp_path / "new" / "folder" / "s.png"
    out = _screenshot(tmp_path, FIXTURES / "base", "-o", shot)
    assert out.returncode == 2 and out.stdout == ""
    folder, top = tmp_path / "new" / "folder", tmp_path / "new"
    assert out.stderr.startswith(f"plugin-designer: The folder {folder} does not exist (nor does {top}), so the PNG")
    assert "make the folder first" in out.stderr
    assert not top.exists()
    (tmp_path / "notes").write_text("mine")
    doc = json.loads(_screenshot(tmp_path, FIXTURES / "base", "-o", tmp_path / "notes" / "s.png", "--json").stdout)
    assert doc["ok"] is False and doc["error"].startswith(f"{tmp_path / 'notes'} is not a folder")


def test_screenshot_is_not_a_recent_project(tmp_path: Path) -> None:
    shot = tmp_path / "s.png"
    out = _screenshot(tmp_path, FIXTURES / "base", "-o", shot, "--pane", "problems")
    assert out.returncode == 0, out.stderr
    assert shot.read_bytes().startswith(b"\x89PNG")
    settings = "".join(p.read_text(errors="replace") for p in (tmp_path / "cfg").rglob("*") if p.is_file())
    assert "base" not in settings  # File ▸ Recent lists what the user opened, not README pictures


def test_screenshot_json_says_the_file_written_and_its_size(tmp_path: Path) -> None:
    """Every other command but recipes had --json; screenshot's was a usage error."""
    shot = tmp_path / "s.png"
    out = _screenshot(tmp_path, FIXTURES / "base", "-o", shot, "--json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == {"ok": True, "output": str(shot), "size": shot.stat().st_size}
    assert shot.read_bytes().startswith(b"\x89PNG")
    refused = _screenshot(tmp_path, tmp_path / "nowhere", "-o", tmp_path / "t.png", "--json")
    assert refused.returncode == 2 and refused.stderr == ""
    doc = json.loads(refused.stdout)
    assert doc["ok"] is False and "nowhere" in doc["error"] and set(doc) == {"ok", "error"}
    assert not (tmp_path / "t.png").exists()


def test_screenshot_pane_names_are_checked(tmp_path: Path) -> None:
    out = _screenshot(tmp_path, FIXTURES / "base", "-o", tmp_path / "s.png", "--pane", "nonsense")
    assert out.returncode == 2 and "invalid choice: 'nonsense'" in out.stderr
    assert not (tmp_path / "s.png").exists()


def test_the_example_copy_is_made_once_and_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from designer.core import resources

    monkeypatch.setattr(resources, "user_data", lambda: tmp_path / "data")
    copy = resources.example_copy()
    assert (copy / "webapp2" / "settings.json").is_file() and copy != resources.resource("examples", "demo")
    (copy / "webapp2" / "settings.json").write_text("{}")  # the user's own edit
    assert resources.example_copy() == copy
    assert (copy / "webapp2" / "settings.json").read_text() == "{}"


def test_window_size_accepts_width_x_height() -> None:
    assert cli._window_size("800x600") == "800x600"
    assert cli._window_size(" 1024X768 ") == "1024x768"


# -- mistyped commands and the top-level help -------------------------------------------------------
def test_a_mistyped_command_is_named_with_a_suggestion(tmp_path: Path) -> None:
    out = run("chek", FIXTURES / "base", cwd=tmp_path)
    assert out.returncode == 2
    assert out.stderr.startswith("plugin-designer: unknown command 'chek' (did you mean 'check'?)")
    assert len(out.stderr.splitlines()) == 1


def test_help_lists_every_command() -> None:
    out = run("--help")
    assert out.returncode == 0
    listed = {line.split()[0] for line in out.stdout.splitlines() if line.startswith("  ") and line.split()}
    assert set(cli.COMMANDS) <= listed, out.stdout


def test_a_path_still_opens_the_designer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str | None] = []
    monkeypatch.setattr(cli, "cmd_gui", lambda args: opened.append(args.path) or 0)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "chek").mkdir()  # a folder that happens to look like a mistyped command
    assert cli.main(["chek"]) == 0
    assert cli.main([str(FIXTURES / "base")]) == 0
    assert cli.main(["my-branding"]) == 0  # missing and like no command: the designer says it is missing
    assert cli.main(["missing.zip"]) == 0
    assert opened == ["chek", str(FIXTURES / "base"), "my-branding", "missing.zip"]
    (tmp_path / "chek").rmdir()
    assert cli.main(["chek"]) == 2 and len(opened) == 4


def test_a_mistyped_command_alone_is_named(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # where no 'exprot' exists
    monkeypatch.setattr(cli, "cmd_gui", lambda args: pytest.fail("the designer was opened"))
    assert cli.main(["exprot"]) == 2
    assert "unknown command 'exprot' (did you mean 'export'?)" in capsys.readouterr().err


def test_plain_check_fast_path_is_kept() -> None:
    fast = cli._plain_check_args([str(FIXTURES / "base"), "--json"])
    assert isinstance(fast, SimpleNamespace) and fast.func is cli.cmd_check and fast.json


@pytest.mark.parametrize(
    "argv",
    [
        ["p", "-o", "x.zip"],
        ["-o", "x.zip", "p"],
        ["p", "--output", "x.zip", "--json", "--force"],
        ["p", "-o", "x.zip", "--branding-id", "123", "--diff", "--json", "--json"],
        ["p", "-o", "x.zip", "--full-diff", "--diff"],
        ["", "-o", ""],
    ],
)
def test_plain_export_is_read_without_argparse_as_argparse_reads_it(argv: list[str]) -> None:
    """``export`` in its plain spelling skips argparse (a few milliseconds of every export), with
    the very arguments argparse would give."""
    import argparse

    from designer.cli_export import add_arguments, cmd_export

    p = argparse.ArgumentParser(prog="plugin-designer export")
    add_arguments(p, "export")
    fast = cli._plain_export_args(argv)
    assert fast is not None and fast.func is cmd_export and vars(fast) == vars(p.parse_args(argv))


@pytest.mark.parametrize(
    "argv",
    [
        ["p"],  # no -o: argparse says it is required
        ["p", "-o"],
        ["p", "-o", "-x.zip"],
        ["p", "-ox.zip"],
        ["p", "--output=x.zip"],
        ["p", "-o", "a.zip", "-o", "b.zip"],
        ["p", "q", "-o", "a.zip"],
        ["p", "--brand", "1", "-o", "a.zip"],  # an abbreviation argparse accepts
        ["--", "p", "-o", "a.zip"],
        ["p", "-o", "a.zip", "--branding-id", "-5"],
        ["-h"],
    ],
)
def test_any_other_export_spelling_goes_to_argparse(argv: list[str]) -> None:
    assert cli._plain_export_args(argv) is None


def test_fix_that_cannot_be_saved_says_so_and_changes_nothing(tmp_path: Path, monkeypatch) -> None:
    """check --fix on a project whose files cannot be written: exit 2 and a sentence, no traceback."""
    import shutil

    from designer.cli import main
    from designer.core import files as files_mod

    project = tmp_path / "p"
    shutil.copytree(Path(__file__).parent / "fixtures" / "base", project)
    manifest = project / "webapp2" / "manifest.json"
    manifest.write_text(manifest.read_text().replace('"isSettingsBranded": true', '"isSettingsBranded": false'))
    before = manifest.read_bytes()

    def refuse(path: Path, data: bytes) -> str:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(files_mod, "_prepare", refuse)
    assert main(["check", "--fix", str(project)]) == 2
    assert manifest.read_bytes() == before


def test_a_folder_that_cannot_be_read_is_unusable_not_a_traceback(tmp_path: Path, monkeypatch, capsys) -> None:
    from designer.cli import main

    def refuse(self: Path) -> object:
        raise PermissionError(13, "Permission denied", str(self))

    (tmp_path / "p").mkdir()
    monkeypatch.setattr(Path, "iterdir", refuse)
    assert main(["check", str(tmp_path / "p")]) == 2
    assert "cannot be read" in capsys.readouterr().err


@pytest.mark.parametrize("recipe", [(), ("--recipe", "chat-keyword")])
def test_a_blank_plugin_name_is_refused(tmp_path: Path, recipe: tuple[str, ...]) -> None:
    """With a recipe the blank name was quietly replaced by the recipe's own."""
    out = run("new", tmp_path / "p", *recipe, "--name", "   ")
    assert out.returncode == 2 and "--name is empty" in out.stderr
    assert not (tmp_path / "p").exists()


def test_output_into_a_closed_pipe_ends_quietly() -> None:
    """``plugin-designer check --json ... | head -1``: the reader goes away, and Python would print
    a BrokenPipeError traceback when it flushes stdout at exit."""
    code = (
        "import sys\n"
        "import designer.cli as cli\n"
        "def broken(argv=None):\n"
        "    raise BrokenPipeError(32, 'Broken pipe')\n"
        "cli._main = broken\n"
        "sys.exit(cli.main([]))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert out.returncode == 1 and out.stderr == ""


@pytest.mark.parametrize("name", ["settings.json", "manifest.json", "plugins/rec/rec.svg"])
@pytest.mark.parametrize("kind", ["pipe", "folder"])
def test_what_stands_where_a_file_belongs_is_named_and_never_replaced(
    name: str, kind: str, tmp_path: Path, capsys
) -> None:
    """A named pipe called settings.json was "no settings.json" and check --fix replaced it with a
    file; a folder called manifest.json was "no manifest.json", with a Create fix that failed."""
    import shutil

    from designer.cli import main

    project = tmp_path / "p"
    shutil.copytree(Path(__file__).parent / "fixtures" / "base", project)
    target = project / "webapp2" / name
    target.unlink()
    os.mkfifo(target) if kind == "pipe" else target.mkdir()
    main(["check", str(project)])
    out = capsys.readouterr().out
    if name != "plugins/rec/rec.svg":  # (an icon that is not a file is "not in the package", PD400)
        assert f"{name} is {'a named pipe (FIFO)' if kind == 'pipe' else 'a folder'}, not a file" in out
        assert main(["check", "--json", str(project)]) == 1
        problem = next(p for p in json.loads(capsys.readouterr().out)["problems"] if p["file"] == name)
        assert problem["fix"] is None
    main(["check", "--fix", str(project)])
    assert target.is_fifo() if kind == "pipe" else target.is_dir(), "replaced"


@pytest.mark.parametrize(
    ("words", "code"),
    [
        (["check", "--json", "{example}"], 0),
        (["check", "{example}"], 0),
        (["check", "--json", "{broken}"], 1),
        (["check", "{broken}"], 1),
        (["recipes"], 0),
        (["new", "--json", "{new}"], 0),
    ],
)
@pytest.mark.parametrize("streams", ["stdout", "stdout and stderr"])
def test_a_reader_that_stops_early_leaves_each_command_its_own_exit_code(
    words: list[str], code: int, streams: str, tmp_path: Path
) -> None:
    """``check PATH | head -1`` ended with 1, "problems found", for a package with none (and
    ``recipes | head -1``, documented "0 always", with 1 too); only export kept its own code."""
    from conftest import EXAMPLE

    broken = tmp_path / "broken"
    import shutil

    shutil.copytree(FIXTURES / "base", broken)
    (broken / "webapp2" / "settings.json").write_text("{")
    paths = {"example": str(EXAMPLE), "broken": str(broken), "new": str(tmp_path / "new")}
    argv = [w.format(**paths) for w in words]
    with subprocess.Popen(
        [sys.executable, "-m", "designer", *argv],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT if streams != "stdout" else subprocess.PIPE,
    ) as proc:
        assert proc.stdout is not None
        proc.stdout.close()  # (the reader has gone before the first line: every write finds the pipe closed)
        err = (proc.stderr.read() if proc.stderr is not None else b"").decode()
        assert proc.wait(timeout=120) == code
    if words == ["check", "{broken}"] and streams == "stdout":  # stderr still read: its summary is said
        assert err.startswith("1 plugin found on disk checked (settings.json cannot be read): 1 error"), err
    else:
        assert err == "", err
    if words[0] == "new":
        assert (tmp_path / "new" / "webapp2" / "settings.json").is_file()  # (done, whoever read the report)


@pytest.mark.skipif(not hasattr(__import__("signal"), "SIGKILL"), reason="kill -9 is POSIX")
def test_an_example_copy_killed_half_way_is_made_whole_next_time(tmp_path: Path) -> None:
    """The designer killed while it first copied the example (a crash, a power cut): the copy had a
    webapp2 folder, so it was taken as made, and 'Open the example' opened a broken one for good
    (plugins with no files, settings.json missing). Now the copy is made whole or not at all."""
    import signal
    import textwrap

    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "data"), PYTHONPATH=str(ROOT))
    script = textwrap.dedent(
        """
        import os, shutil, signal
        real, done = shutil.copyfile, []

        def copy_then_die(src, dst, *args, **kwargs):  # killed once three files are copied
            if len(done) == 3:
                os.kill(os.getpid(), signal.SIGKILL)
            done.append(dst)
            return real(src, dst, *args, **kwargs)

        shutil.copyfile = copy_then_die
        from designer.core.resources import example_copy
        example_copy()
        """
    )
    child = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)
    assert child.returncode == -signal.SIGKILL, child.stderr
    check = "from designer.core.resources import example_copy; print(example_copy())"
    made = subprocess.run([sys.executable, "-c", check], env=env, capture_output=True, text=True, check=True)
    web = Path(made.stdout.strip()) / "webapp2"
    shipped = ROOT / "resources/examples/demo/webapp2"
    assert sorted(p.relative_to(web).as_posix() for p in web.rglob("*") if p.is_file()) == sorted(
        p.relative_to(shipped).as_posix() for p in shipped.rglob("*") if p.is_file()
    )
    # (what the killed one copied stays hidden beside it, swept by a later copy once a minute old)
    assert [p.name.startswith(".webapp2.import-") for p in web.parent.iterdir() if p != web] == [True]
