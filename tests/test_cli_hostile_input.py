"""The command line and the core given input nobody tried before: special files named as the
package, the designer's own records damaged, output paths that are links. Every answer is a plain
message naming the file and an exit code (2: unusable), never a traceback, a hang or lost data.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT


def run(*args: object, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    # (The timeout only keeps a hang from blocking the suite: a hang fails the test.)
    return subprocess.run(
        [sys.executable, "-m", "designer", *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=60
    )


@pytest.mark.parametrize("command", ["check", "export"])
def test_a_named_pipe_given_as_the_package_is_named_not_read_forever(command: str, tmp_path: Path) -> None:
    """`check branding.zip` where branding.zip was a named pipe waited for a writer forever."""
    pipe = tmp_path / "branding.zip"
    os.mkfifo(pipe)
    extra = ["-o", tmp_path / "out.zip"] if command == "export" else []
    out = run(command, pipe, "--json", *extra)
    assert out.returncode == 2
    assert json.loads(out.stdout)["error"] == f"{pipe} is a named pipe (FIFO), not a folder or a ZIP file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["branding.zip"]


def test_import_of_a_named_pipe_says_what_it_is(tmp_path: Path) -> None:
    """It said "no such file" about a file that was there."""
    pipe = tmp_path / "branding.zip"
    os.mkfifo(pipe)
    out = run("import", pipe, "-o", tmp_path / "p")
    assert out.returncode == 2
    assert out.stderr.strip() == f"plugin-designer: {pipe} is a named pipe (FIFO), not a ZIP file"
    assert not (tmp_path / "p").exists()


def _project(tmp_path: Path) -> Path:
    import shutil

    from conftest import FIXTURES

    project = tmp_path / "p"
    shutil.copytree(FIXTURES / "base", project)
    return project


@pytest.mark.parametrize(
    "record",
    [
        {"last_export": {"path": 123, "sha256": "x"}},
        {"last_export": {"path": ["a.zip"], "sha256": "x"}},
        {"imported": {"copy": 5, "sha256": "x"}},
        {"imported": {"copy": {"a": 1}, "sha256": "x"}},
    ],
)
def test_a_state_file_with_values_of_the_wrong_type_is_no_record(record: dict, tmp_path: Path, capsys) -> None:
    """A number where the state file keeps the last ZIP's path was a TypeError traceback."""
    from designer.cli import main

    project = _project(tmp_path)
    (project / ".plugin-designer").mkdir()
    (project / ".plugin-designer" / "state.json").write_text(json.dumps(record), encoding="utf-8")
    assert main(["export", str(project), "-o", str(tmp_path / "out.zip"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["baseline"] is None
    assert (tmp_path / "out.zip").is_file()


def test_the_imported_copy_is_looked_for_only_in_the_designers_folder(tmp_path: Path, capsys) -> None:
    """A state file naming a ZIP anywhere on the computer as the imported copy made the export
    read it and print its contents as "what changed"."""
    import hashlib

    from designer.cli import main

    project = _project(tmp_path)
    elsewhere = tmp_path / "private.zip"
    main(["export", str(project), "-o", str(elsewhere)])  # a ZIP with the same layout: every file comparable
    capsys.readouterr()
    digest = hashlib.sha256(elsewhere.read_bytes()).hexdigest()
    state = {"imported": {"copy": "../private.zip", "sha256": digest, "source": "x.zip"}}
    (project / ".plugin-designer" / "state.json").write_text(json.dumps(state), encoding="utf-8")
    assert main(["export", str(project), "-o", str(tmp_path / "out.zip"), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    # Nothing compared with it: a first export's list, every file of the new ZIP added, none "changed".
    assert doc["baseline"] is None and {c["status"] for c in doc["changes"]} == {"added"}
    with zipfile.ZipFile(tmp_path / "out.zip") as zf:
        assert [c["path"] for c in doc["changes"]] == sorted(i.filename for i in zf.infolist() if not i.is_dir())


CONFLICT = (
    b'{\n<<<<<<< HEAD\n  "last_export": {"brandingID": 1900000000000}\n=======\n  "deploy": {}\n>>>>>>> theirs\n}\n'
)


@pytest.mark.parametrize(
    ("content", "phrase"),
    [
        (CONFLICT, "is damaged (it is not valid JSON at line 2, column 1: "),
        (b"[1900000000000]", "is damaged (it holds no JSON object)"),
        (b'{"last_export": "caf\xe9"}', "is damaged (it is not UTF-8 text: byte 21 is 0xe9)"),
        (None, "is a folder, not a file"),
    ],
)
def test_export_never_writes_over_a_state_file_it_cannot_read(
    content: bytes | None, phrase: str, tmp_path: Path, capsys
) -> None:
    """A state.json with a merge conflict (or made a folder) was read as "no record" and written
    over: the last brandingID and the import's record were lost, and the new brandingID could be
    lower than the one already uploaded."""
    from designer.cli import main

    project = _project(tmp_path)
    state = project / ".plugin-designer" / "state.json"
    state.parent.mkdir()
    state.mkdir() if content is None else state.write_bytes(content)
    manifest = (project / "webapp2" / "manifest.json").read_bytes()
    assert main(["export", str(project), "-o", str(tmp_path / "out.zip"), "--json"]) == 2
    error = json.loads(capsys.readouterr().out)["error"]
    assert error.startswith(f"{state} {phrase}") and "nothing was written over it" in error
    assert state.is_dir() if content is None else state.read_bytes() == content
    assert (project / "webapp2" / "manifest.json").read_bytes() == manifest
    assert not (tmp_path / "out.zip").exists()


def test_a_zipped_projects_damaged_state_file_does_not_stop_its_import(tmp_path: Path) -> None:
    """The state file inside a ZIP is not this project's record: a fresh one replaces it."""
    import zipfile

    from conftest import FIXTURES

    from designer.core.archive import import_zip
    from designer.core.state import load_state

    src = tmp_path / "project.zip"
    web = FIXTURES / "base" / "webapp2"
    with zipfile.ZipFile(src, "w") as zf:
        for p in sorted(web.rglob("*")):
            if p.is_file():
                zf.write(p, "webapp2/" + p.relative_to(web).as_posix())
        zf.writestr(".plugin-designer/state.json", CONFLICT)
    result = import_zip(src, tmp_path / "p")
    assert load_state(result.target)["imported"]["sha256"]


def _unreadable(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """``folder`` cannot be listed, as after chmod 000 for anyone but root."""
    real = os.scandir

    def scandir(path: object = ".") -> object:
        if Path(os.fspath(path)) == folder:  # type: ignore[arg-type]
            raise PermissionError(13, "Permission denied", os.fspath(path))  # type: ignore[arg-type]
        return real(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)


def test_a_plugin_folder_that_cannot_be_read_is_said_and_not_left_out_unsaid(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """Its plugin was "no such file in the package", and export --force left the folder out of the
    ZIP without a word."""
    from designer.cli import main

    project = _project(tmp_path)
    plugin = next(p for p in (project / "webapp2" / "plugins").iterdir() if p.is_dir())
    _unreadable(monkeypatch, plugin)
    rel = f"plugins/{plugin.name}/"
    assert main(["check", "--json", str(project)]) == 1
    [problem] = [p for p in json.loads(capsys.readouterr().out)["problems"] if p["code"] == "PD105"]
    assert problem["file"] == rel.rstrip("/") and problem["severity"] == "error"
    assert problem["message"].startswith(f"The folder {rel} cannot be read (Permission denied)")
    assert main(["export", str(project), "-o", str(tmp_path / "out.zip")]) == 1  # blocked: an error
    assert main(["export", str(project), "-o", str(tmp_path / "out.zip"), "--force", "--json"]) == 0
    reasons = json.loads(capsys.readouterr().out)["skip_reasons"]
    assert reasons == {f"webapp2/{rel}": "the folder cannot be read (Permission denied)"}


def test_a_webapp2_folder_that_cannot_be_read_is_unusable_not_empty(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """It was "no settings.json" and "no manifest.json", with fixes that would have failed."""
    from designer.cli import main

    project = _project(tmp_path)
    _unreadable(monkeypatch, project / "webapp2")
    assert main(["check", str(project)]) == 2
    assert capsys.readouterr().err.strip() == (
        f"plugin-designer: error PD104 {project / 'webapp2'} cannot be read (Permission denied)"
    )


def test_an_export_through_a_link_writes_the_file_it_points_to(tmp_path: Path, capsys) -> None:
    """``-o latest.zip`` where latest.zip -> branding.zip: the new ZIP replaced the link, while the
    result and the project's record named branding.zip, which still held the old ZIP (so the next
    export had nothing to compare with)."""
    import hashlib

    from designer.cli import main

    project = _project(tmp_path)
    real, link = tmp_path / "branding.zip", tmp_path / "latest.zip"
    assert main(["export", str(project), "-o", str(real)]) == 0
    link.symlink_to(real.name)
    capsys.readouterr()
    assert main(["export", str(project), "-o", str(link), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert link.is_symlink() and os.readlink(link) == real.name
    assert doc["output"] == str(real.resolve()) and hashlib.sha256(real.read_bytes()).hexdigest() == doc["sha256"]
    assert main(["export", str(project), "-o", str(link), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["baseline"].startswith("the last export (branding.zip, ")


def test_an_export_through_a_link_into_a_missing_folder_is_refused(tmp_path: Path, capsys) -> None:
    """It replaced the link with the ZIP; writing through it would make folders wherever it points."""
    from designer.cli import main

    project = _project(tmp_path)
    link = tmp_path / "latest.zip"
    link.symlink_to(tmp_path / "gone" / "branding.zip")
    assert main(["export", str(project), "-o", str(link)]) == 2
    assert "is a symbolic link to" in capsys.readouterr().err
    assert link.is_symlink() and not (tmp_path / "gone").exists()


@pytest.mark.parametrize("carry", [[".."], ["."], [1, ".."], [".plugin-designer"]])
def test_names_carried_beside_webapp2_never_reach_beyond_the_project(carry: list, tmp_path: Path, capsys) -> None:
    """A state file carrying ".." made the export list every folder beside the project as "left
    out" (it walked the project's parent); a number among the names was a TypeError traceback."""
    from designer.cli import main

    project = _project(tmp_path)
    (tmp_path / "neighbour").mkdir()
    (project / ".plugin-designer").mkdir()
    (project / ".plugin-designer" / "state.json").write_text(json.dumps({"carry": carry}), encoding="utf-8")
    assert main(["export", str(project), "-o", str(tmp_path / "out.zip"), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["skipped"] == [] and all(name.startswith("webapp2/") for name in _zip_names(tmp_path / "out.zip"))


def _zip_names(path: Path) -> list[str]:
    import zipfile

    with zipfile.ZipFile(path) as zf:
        return zf.namelist()


@pytest.mark.parametrize("kind", ["folder", "file"])
def test_a_carried_name_that_became_a_link_is_not_followed(kind: str, tmp_path: Path, capsys) -> None:
    """A folder imported beside webapp2/ (carried into each export) replaced by a link to a folder
    elsewhere: the export put the files it pointed to into the ZIP."""
    from designer.cli import main

    project = _project(tmp_path)
    private = tmp_path / "private"
    private.mkdir()
    (private / "passwords.txt").write_text("secret", encoding="utf-8")
    (project / "docs").symlink_to(private if kind == "folder" else private / "passwords.txt")
    (project / ".plugin-designer").mkdir()
    (project / ".plugin-designer" / "state.json").write_text(json.dumps({"carry": ["docs"]}), encoding="utf-8")
    assert main(["export", str(project), "-o", str(tmp_path / "out.zip"), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["skip_reasons"] == {("docs/" if kind == "folder" else "docs"): "a symbolic link"}
    assert all(name.startswith("webapp2/") for name in _zip_names(tmp_path / "out.zip"))


@pytest.mark.skipif(sys.platform != "linux", reason="only Linux file systems take names that are not UTF-8")
def test_a_zip_whose_name_is_not_utf8_is_exported_and_remembered(tmp_path: Path, capsys) -> None:
    """Linux takes any bytes in a name (a folder copied from an old drive: b'caf\\xe9'); the export
    wrote the ZIP's path into the state file as UTF-8, which cannot hold it: a traceback, after
    every check had passed. Now the path is kept so that the next export finds that ZIP again."""
    from designer.cli import main

    project = _project(tmp_path)
    out = tmp_path / os.fsdecode(b"caf\xe9.zip")
    assert main(["export", str(project), "-o", str(out), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["output"] == str(out)
    assert main(["export", str(project), "-o", str(out), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["baseline"].startswith(f"the last export ({out.name}, ")


@pytest.mark.parametrize("where", ["webapp2/plugins/extra", "webapp2/plugins/extra/more"])
def test_new_inside_a_project_is_refused(where: str, tmp_path: Path) -> None:
    """`new project/webapp2` made project/webapp2/webapp2: the outer package checked and exported
    the new plugin's files as its own, and opening project/webapp2 opened the new one instead.
    (`new project/webapp2` now adds the plugin to that project: see test_cli.)"""
    project = _project(tmp_path)
    before = sorted(p.relative_to(project) for p in project.rglob("*"))
    out = run("new", project / where)
    assert out.returncode == 2
    assert out.stderr.strip() == (
        f"plugin-designer: {project / where} is inside the branding package {project / 'webapp2'}: a new project "
        "there would become part of that package (uploaded with its next export). Choose a folder outside it. "
        f"To add the plugin to that project instead: plugin-designer new {project}"
    )
    assert sorted(p.relative_to(project) for p in project.rglob("*")) == before


def test_inside_a_package_is_refused_in_words_written_once(tmp_path: Path) -> None:
    """The refusal was written out twice (import and new), free to drift apart: one helper now."""
    import designer
    from designer.core import archive, files, newproject

    assert archive.inside_package_refusal is files.inside_package_refusal is newproject.inside_package_refusal
    sources = [p.read_text(encoding="utf-8") for p in Path(designer.__file__).parent.rglob("*.py")]
    assert sum(text.count("is inside the branding package") for text in sources) == 1
    project = _project(tmp_path)
    assert files.inside_package_refusal(tmp_path / "elsewhere", "a new project") is None
    assert files.inside_package_refusal(project / "webapp2" / "x", "a new project") == (
        f"{project / 'webapp2' / 'x'} is inside the branding package {project / 'webapp2'}: a new project there "
        "would become part of that package (uploaded with its next export). Choose a folder outside it."
    )


def test_new_into_a_link_to_nothing_says_so(tmp_path: Path) -> None:
    """It said "[Errno 17] File exists: '…/my-plugin.plugin.package.json'"."""
    link = tmp_path / "p"
    link.symlink_to(tmp_path / "gone")
    out = run("new", link)
    assert out.returncode == 2
    assert (
        out.stderr.strip() == f"plugin-designer: {link} is a symbolic link to {tmp_path / 'gone'}, which does not exist"
    )


@pytest.mark.parametrize(
    ("words", "option"),
    [
        (["--name", os.fsdecode(b"Caf\xe9")], "--name"),
        (["--recipe", "chat-keyword", "--set", os.fsdecode(b"keyword=caf\xe9")], "--set keyword"),
    ],
)
def test_new_with_text_that_is_not_utf8_is_refused(words: list[str], option: str, tmp_path: Path, capsys) -> None:
    """A terminal set to Latin-1 passes 'Café' as bytes that are not UTF-8: --name was a
    UnicodeEncodeError traceback, and a recipe's answer became '\\udce9' in the plugin's code."""
    from designer.cli import main

    assert main(["new", str(tmp_path / "p"), *words]) == 2
    assert capsys.readouterr().err.startswith(f"plugin-designer: {option} holds bytes that are not UTF-8 text")
    assert not (tmp_path / "p").exists()


def test_export_never_writes_its_record_through_a_linked_state_folder(tmp_path: Path, capsys) -> None:
    """A project (from a repository, say) whose .plugin-designer is a link to another program's
    folder: the export read that folder's state.json, merged its record in and wrote it back."""
    from designer.cli import main

    project = _project(tmp_path)
    other = tmp_path / "other-app"
    other.mkdir()
    (other / "state.json").write_text('{"theirs": true}', encoding="utf-8")
    (project / ".plugin-designer").symlink_to(other)
    manifest = (project / "webapp2" / "manifest.json").read_bytes()
    assert main(["export", str(project), "-o", str(tmp_path / "out.zip")]) == 2
    assert f"{project / '.plugin-designer'} is a symbolic link (to {other})" in capsys.readouterr().err
    assert (other / "state.json").read_text(encoding="utf-8") == '{"theirs": true}'
    assert (project / "webapp2" / "manifest.json").read_bytes() == manifest and not (tmp_path / "out.zip").exists()


@pytest.mark.parametrize(
    ("words", "named"),
    [
        (["new", ""], "DIR"),
        (["check", ""], "PATH"),
        (["check", "--json", "--strict", ""], "PATH"),
        (["export", "", "-o", "out.zip"], "PATH"),
        (["export", "p", "-o", ""], "-o"),
        (["import", "", "-o", "q"], "ZIP"),
        (["import", "b.zip", "--output", "", "--json"], "-o"),
        (["deploy", "", "--node", "https://node.example", "--json"], "PATH"),
        (["deploy", "p", "--node", "https://node.example", "-o", ""], "-o"),
    ],
)
def test_an_empty_path_is_refused_not_taken_for_the_current_folder(
    words: list[str], named: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """`new "$DIR"` with DIR unset made a project in the folder the script ran in; `check ""`
    checked it."""
    from designer.cli import main

    monkeypatch.chdir(tmp_path)
    _project(tmp_path)  # "p", for export
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    assert main(words) == 2
    out = capsys.readouterr()
    said = json.loads(out.out)["error"] if "--json" in words else out.err
    assert f"{named} is given as empty text; name a file or folder" in said
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before
    if words[0] == "deploy" and "--json" in words:
        # As its other refusals (here: PATH not a package), without import/export's "entry".
        assert main(["deploy", "nothing-here", "--node", "https://node.example", "--json"]) == 2
        other = json.loads(capsys.readouterr().out)
        assert set(json.loads(out.out)) == set(other) == {"ok", "error"}


@pytest.mark.parametrize("command", ["check", "export", "new", "import"])
def test_a_path_the_file_system_refuses_is_a_message_not_a_traceback(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """A name longer than the file system takes (ENAMETOOLONG) was a traceback for check, export
    and new; import of a link that leads to itself, a RuntimeError traceback."""
    from designer.cli import main

    monkeypatch.chdir(tmp_path)
    if command == "import":
        os.symlink("loop", tmp_path / "loop")
        words = ["import", "loop", "-o", "p"]
        said = "loop is a symbolic link that leads nowhere (in a circle), not a ZIP file"
    else:
        long = "a" * 300
        words = {"check": ["check", long], "export": ["export", long, "-o", "x.zip"], "new": ["new", long]}[command]
        said = "File name too long"
    assert main(words) == 2
    assert said in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == (["loop"] if command == "import" else [])


def test_a_file_saved_as_utf16_is_named_as_such(tmp_path: Path, capsys) -> None:
    """Notepad's "Unicode" is UTF-16: the message was "not UTF-8 text (byte 0xff)", which sent
    people looking for a stray character."""
    from designer.cli import main

    project = _project(tmp_path)
    web = project / "webapp2"
    source = next(web.glob("plugins/*/*.plugin.js"))
    for path in (web / "settings.json", source):
        text = path.read_bytes()
        path.write_bytes(text.decode("utf-8").encode("utf-16"))
        assert main(["check", "--json", str(project)]) == 1
        rel = path.relative_to(web).as_posix()
        [problem] = [p for p in json.loads(capsys.readouterr().out)["problems"] if p["code"] == "PD103"]
        assert problem["file"] == rel
        assert problem["message"] == (
            f"{rel} is saved as UTF-16 (Notepad calls it 'Unicode'); save it as UTF-8, the encoding the web app "
            "expects (in Notepad: Save as, Encoding UTF-8)."
        )
        path.write_bytes(text)


def test_import_inside_a_project_is_refused(tmp_path: Path, capsys) -> None:
    """`import x.zip -o project/webapp2/x` unpacked a whole project into the package: its files
    were checked and exported as part of it (and the check said nothing)."""
    from designer.cli import main

    project = _project(tmp_path)
    zipped = tmp_path / "b.zip"
    assert main(["export", str(project), "-o", str(zipped)]) == 0
    before = sorted(p.relative_to(project) for p in project.rglob("*"))
    target = project / "webapp2" / "copy"
    capsys.readouterr()
    assert main(["import", str(zipped), "-o", str(target), "--json"]) == 2
    assert json.loads(capsys.readouterr().out)["error"] == (
        f"{target} is inside the branding package {project / 'webapp2'}: a project imported there would become "
        "part of that package (uploaded with its next export). Choose a folder outside it."
    )
    assert sorted(p.relative_to(project) for p in project.rglob("*")) == before


def test_many_broken_entries_look_for_unlisted_packages_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each settings.json entry whose file is missing listed the package's unlisted plugin files
    again: 4,000 such entries took half a minute to check, 20,000 over two minutes."""
    from designer.core.checks import consistency, run_checks
    from designer.core.checks import settings as settings_check
    from designer.core.model import load

    project = _project(tmp_path)
    path = project / "webapp2" / "settings.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["plugins"] += [{"id": f"p{i}", "srcURL": f"plugins/p{i}/p{i}.plugin.package.json"} for i in range(300)]
    path.write_text(json.dumps(doc), encoding="utf-8")
    looked: list[int] = []
    real = settings_check.unlisted_packages

    def counted(pkg: object) -> list[str]:
        looked.append(1)
        return real(pkg)  # type: ignore[arg-type]

    monkeypatch.setattr(settings_check, "unlisted_packages", counted)
    monkeypatch.setattr(consistency, "unlisted_packages", counted)
    problems = run_checks(load(project))
    assert sum(p.code == "PD201" for p in problems) == 300
    assert len(looked) <= 2  # once for settings.json's check, once for the package's (it was 601)


@pytest.mark.parametrize(
    ("words", "said"),
    [
        (["--node", "https://[::1"], "'https://[::1' is not a web address; give the Management Node as https://host"),
        (["--node", "https://mgr:99999"], "The port in the Management Node address must be a number from 1 to 65535."),
        (["--node", "https://mgr:0"], "The port in the Management Node address must be a number from 1 to 65535."),
        (["--node", "https://127.0.0.1:9", "--timeout", "nan"], "'nan' is not a number of seconds above 0"),
        (["--node", "https://127.0.0.1:9", "--timeout", "-1"], "'-1' is not a number of seconds above 0"),
    ],
)
def test_deploy_given_an_unusable_address_or_timeout_says_so_before_any_connection(
    words: list[str], said: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_network: list[object], capsys
) -> None:
    """An unclosed IPv6 bracket was a ValueError traceback from urllib, a timeout of nan or -1 one
    from the socket; a port over 65535 was "not a number", and port 0 was dropped (the deploy went
    to port 443 instead)."""
    from designer.cli import main

    monkeypatch.setenv("PLUGIN_DESIGNER_PASSWORD", "secret")
    project = _project(tmp_path)
    try:
        code = main(["deploy", str(project), *words])
    except SystemExit as exc:  # argparse refuses an option's value this way
        code = exc.code
    assert code == 2
    assert said in capsys.readouterr().err
    assert no_network == []


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("plugins/icon\t2.svg", "The file plugins/icon\\t2.svg is left out of the export (it has control characters"),
        (
            "plugins/a:b/x.svg",
            "The folder plugins/a:b (holding plugins/a:b/x.svg) is left out of the export (it has a ':'",
        ),
        ("plugins/back\\slash.js", "The file plugins/back\\slash.js is left out of the export (it uses backslashes"),
    ],
)
def test_check_warns_about_a_file_the_export_leaves_out_for_its_name(
    name: str, said: str, tmp_path: Path, capsys
) -> None:
    """A tab, a ':' or a backslash in a name: the export leaves the file out (the import refuses such
    names), but the check said nothing, or called it a file "uploaded for nothing"."""
    from designer.cli import main

    project = _project(tmp_path)
    path = project / "webapp2" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("x", encoding="utf-8")
    assert main(["check", "--json", str(project)]) == 0
    [problem] = [p for p in json.loads(capsys.readouterr().out)["problems"] if p["code"] == "PD107"]
    assert problem["file"] == name and problem["severity"] == "warning"
    assert problem["message"].startswith(said)
    assert main(["export", str(project), "-o", str(tmp_path / "out.zip"), "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["skipped"]) == 1  # as the check said


def test_a_file_where_the_state_folder_belongs_is_named_as_such(tmp_path: Path, capsys) -> None:
    """It said "cannot write there (File exists) ... Make the folder writable": there was no folder."""
    from designer.cli import main

    project = _project(tmp_path)
    (project / ".plugin-designer").write_text("notes", encoding="utf-8")
    assert main(["export", str(project), "-o", str(tmp_path / "out.zip")]) == 2
    assert capsys.readouterr().err.startswith(
        f"plugin-designer: {project / '.plugin-designer'} is a file, where the designer keeps its folder"
    )
    assert (project / ".plugin-designer").read_text(encoding="utf-8") == "notes"


def _zip_with_designer_file(tmp_path: Path, folder: bool = False) -> Path:
    """A branding ZIP holding a '.plugin-designer' file beside webapp2/ (the import's own folder's
    name); ``folder``: the project's own folder there instead, with its state.json."""
    import zipfile

    project = _project(tmp_path)
    if folder:
        (project / ".plugin-designer").mkdir()
        (project / ".plugin-designer" / "state.json").write_text("{}", encoding="utf-8")
    else:
        (project / ".plugin-designer").write_text("notes", encoding="utf-8")
    src = tmp_path / ("folder.zip" if folder else "branding.zip")
    with zipfile.ZipFile(src, "w") as zf:
        for f in sorted(project.rglob("*")):
            if f.is_file():
                zf.write(f, f.relative_to(project).as_posix())
    return src


def test_check_of_a_zip_the_import_refuses_for_a_designer_file_says_so(tmp_path: Path, capsys) -> None:
    """A ZIP holding a '.plugin-designer' file beside webapp2/ passed `check` without a word, and the
    import the user ran next refused it. The package itself is whole: a note (exit 0) saying why
    the import refuses and what to do, in the import's words."""
    from designer.cli import main
    from designer.core.archive import ImportRefused, import_zip

    src = _zip_with_designer_file(tmp_path)
    assert main(["check", str(src)]) == 0
    out = capsys.readouterr().out
    said = (
        f"{src}!webapp2/../.plugin-designer: info PD110 Importing this ZIP into a folder to edit it is refused: the "
        "entry '.plugin-designer' is a file, but the project needs the name .plugin-designer for the folder where "
        "the designer keeps its own records"
    )
    assert out.startswith(said), out
    with pytest.raises(ImportRefused, match="The entry '.plugin-designer' is a file"):
        import_zip(src, tmp_path / "imported")
    # The project's own folder in the ZIP (someone zipped the whole project): the import takes it in, nothing said.
    whole = _zip_with_designer_file(tmp_path / "whole", folder=True)
    assert main(["check", "--json", str(whole)]) == 0
    assert json.loads(capsys.readouterr().out)["problems"] == []
    import_zip(whole, tmp_path / "imported")


def test_check_of_a_project_whose_designer_folder_is_a_file_warns_that_export_is_refused(
    tmp_path: Path, capsys
) -> None:
    from designer.cli import main

    project = _project(tmp_path)
    (project / ".plugin-designer").write_text("notes", encoding="utf-8")
    assert main(["check", "--json", str(project)]) == 0
    [problem] = json.loads(capsys.readouterr().out)["problems"]
    assert (problem["code"], problem["severity"], problem["file"]) == ("PD110", "warning", "../.plugin-designer")
    assert "exporting this project is refused" in problem["message"]
    assert main(["check", "--strict", str(project)]) == 1
    capsys.readouterr()
    assert (project / ".plugin-designer").read_text(encoding="utf-8") == "notes"


def test_check_names_a_projects_designer_file_by_the_path_the_user_finds_it_at(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    """check printed PD110's place as "p/webapp2/../.plugin-designer", a path to work out: now
    "p/.plugin-designer", as the window names it; --json keeps "file" relative to webapp2/."""
    from designer.cli import main

    project = _project(tmp_path)
    (project / ".plugin-designer").write_text("notes", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "p"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("p/.plugin-designer: warning PD110 .plugin-designer beside webapp2/ is a file"), out
    assert "../" not in out
    assert main(["check", "p/webapp2"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("p/.plugin-designer: warning PD110 "), out


def test_the_window_opens_such_a_zip_read_only_and_lists_the_note(window, qtbot, tmp_path: Path) -> None:
    """Read-only, nothing in it needs the project's folder: it opens as any ZIP, and the Problems
    list says why importing it will be refused, at the entry in the ZIP ("branding.zip › .plugin-designer",
    not "../.plugin-designer"); going to it (a file outside webapp2/, shown nowhere) says where it is."""
    from PySide6.QtCore import Qt

    src = _zip_with_designer_file(tmp_path)
    assert window.open_path(src)
    assert len(window.package.plugins) == 1
    [row] = list(window.problems_view.problem_items())
    assert (row.text(1), row.text(2)) == ("branding.zip › .plugin-designer", "PD110")
    assert row.toolTip(1) == f"{src} › .plugin-designer"
    assert row.text(0).startswith("Importing this ZIP into a folder to edit it is refused")
    window.problems_view.setCurrentItem(row)
    window.problems_view.setFocus()
    qtbot.keyClick(window.problems_view, Qt.Key.Key_Return)
    assert window.package is not None and window.problems_view.currentItem() is row
    assert window.status.text().startswith(f"{src} › .plugin-designer is beside webapp2/, not part of the package")


def test_the_window_names_a_projects_designer_file_where_the_user_finds_it(window, qtbot, tmp_path: Path) -> None:
    """In a project folder PD110's place was "../.plugin-designer", and Enter on it did nothing: now
    "p/.plugin-designer" (the project folder and the file), the whole path in its tooltip, and Enter
    says in the status bar where it is; the page on show stays."""
    from PySide6.QtCore import Qt

    project = _project(tmp_path)
    own = project / ".plugin-designer"
    own.write_text("notes", encoding="utf-8")
    assert window.open_path(project)
    [row] = list(window.problems_view.problem_items())
    assert (row.text(1), row.text(2)) == ("p/.plugin-designer", "PD110")
    assert row.toolTip(1) == str(own) and "Enter names it in the status bar" in row.toolTip(0)
    page = window.stack.currentWidget()
    window.problems_view.setCurrentItem(row)
    window.problems_view.setFocus()
    qtbot.keyClick(window.problems_view, Qt.Key.Key_Return)
    assert window.status.text().startswith(f"{own} is beside webapp2/, not part of the package")
    assert window.stack.currentWidget() is page and window.problems_view.currentItem() is row


@pytest.mark.parametrize("encoding", ["ascii", "cp1252"])
def test_json_output_stays_json_on_a_console_that_cannot_show_every_character(encoding: str, tmp_path: Path) -> None:
    """What the console could not hold was printed as Python's \\xe9 or \\U0001f389, which are no JSON
    escapes: `check --json` of a plugin listed as 'Café 🎉' was no JSON for a CI script to read."""
    project = _project(tmp_path)
    path = project / "webapp2" / "settings.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["plugins"][0]["id"] = "Café 🎉"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    for words in (["check", "--json", project], ["export", project, "-o", tmp_path / "out.zip", "--json"]):
        out = subprocess.run(
            [sys.executable, "-m", "designer", *map(str, words)],
            capture_output=True,
            cwd=ROOT,
            env=env,
            timeout=60,
        )
        text = json.dumps(json.loads(out.stdout.decode("ascii" if encoding == "ascii" else "cp1252")))
        assert "Caf\\u00e9 \\ud83c\\udf89" in text or words[0] == "export"  # (the export names no id)


def test_import_into_the_empty_folder_one_is_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    """`mkdir p; cd p; import b.zip -o .`: the unpacking folder was made inside "." (the parent of
    the words "."), so the import found it "already exists and is not empty". And an existing
    empty folder was replaced by another one: its permissions went, and a shell in it was left in
    a deleted folder. Now the files move into the folder itself."""
    from designer.cli import main

    zipped = tmp_path / "b.zip"
    assert main(["export", str(_project(tmp_path)), "-o", str(zipped)]) == 0
    here = tmp_path / "here"
    here.mkdir()
    here.chmod(0o750)
    inode = here.stat().st_ino
    monkeypatch.chdir(here)
    capsys.readouterr()
    assert main(["import", str(zipped), "-o", "."]) == 0
    assert capsys.readouterr().out.startswith(f"Imported {zipped} into . (")
    assert sorted(p.name for p in here.iterdir()) == [".plugin-designer", "webapp2"]
    assert here.stat().st_ino == inode and stat.S_IMODE(here.stat().st_mode) == 0o750
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.zip", "here", "p"]  # no unpacking folder left


def test_new_in_a_work_folder_that_happens_to_be_called_webapp2(tmp_path: Path) -> None:
    """Only a package counts as one: ~/webapp2/projects/x is an ordinary place for a new project."""
    work = tmp_path / "webapp2" / "projects"
    work.mkdir(parents=True)
    out = run("new", work / "x")
    assert out.returncode == 0, out.stderr
    assert (work / "x" / "webapp2" / "settings.json").is_file()


def test_check_warns_about_a_named_pipe_the_export_leaves_out(tmp_path: Path, capsys) -> None:
    """A named pipe in a plugin's folder: the export left it out ("not a regular file") while the
    check said nothing at all."""
    from designer.cli import main

    project = _project(tmp_path)
    plugin = next(p for p in (project / "webapp2" / "plugins").iterdir() if p.is_dir())
    os.mkfifo(plugin / "icon.svg")
    rel = f"plugins/{plugin.name}/icon.svg"
    assert main(["check", "--json", str(project)]) == 0
    [problem] = [p for p in json.loads(capsys.readouterr().out)["problems"] if p["code"] == "PD107"]
    assert problem["file"] == rel and problem["message"].startswith(
        f"{rel} is a named pipe (FIFO), not a file, so the export leaves it out"
    )


@pytest.mark.parametrize("create", [False, True])
def test_import_says_what_to_do_when_a_folder_is_called_settings_json(create: bool, tmp_path: Path, capsys) -> None:
    """A ZIP holding a folder called settings.json (and no manifest.json): the note said to run
    `check --fix` or `--create-missing`, neither of which can write the file over a folder (and
    --create-missing ended in a traceback, "Is a directory"). Now the note says to rename or
    remove the folder, and --create-missing still makes manifest.json."""
    import zipfile

    from designer.cli import main

    zipped = tmp_path / "b.zip"
    with zipfile.ZipFile(zipped, "w") as zf:
        zf.writestr("webapp2/settings.json/notes.txt", b"mine")
        zf.writestr("webapp2/themes/a.css", b"a{}")
    target = tmp_path / "p"
    assert main(["import", str(zipped), "-o", str(target), *(["--create-missing"] if create else [])]) == 0
    out = capsys.readouterr().out
    assert (
        "Note: webapp2/settings.json in the ZIP is a folder, not a file, so the app will not use it and no fix can "
        f"create the file while it is there. Rename or remove {target / 'webapp2' / 'settings.json'}, then run "
        f"'plugin-designer check --fix {target}' to create settings.json."
    ) in out
    assert (
        "to create it (importing again with --create-missing does it too, but only into a new folder" in out or create
    )
    assert "settings.json (a Management" not in out and "no settings.json and" not in out
    assert (target / "webapp2" / "settings.json" / "notes.txt").read_bytes() == b"mine"
    assert (target / "webapp2" / "manifest.json").is_file() == create
    assert main(["import", str(zipped), "-o", str(tmp_path / "q"), "--json", "--create-missing"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["missing"] == ["settings.json"] and doc["blocked"] == {"settings.json": "a folder"}


def test_an_export_through_a_linked_manifest_names_it_once(tmp_path: Path, capsys) -> None:
    """A manifest.json that is a link: "manifest.json: manifest.json is a symbolic link…", the name
    said twice. A file under a linked folder still names both, the file first."""
    import shutil

    from designer.cli import main
    from designer.core.files import DirFiles

    project = _project(tmp_path)
    web = project / "webapp2"
    shutil.move(web / "manifest.json", tmp_path / "real.json")
    (web / "manifest.json").symlink_to(tmp_path / "real.json")
    before = (tmp_path / "real.json").read_bytes()
    assert main(["export", str(project), "-o", str(tmp_path / "out.zip"), "--force"]) == 2
    assert capsys.readouterr().err.startswith(
        "plugin-designer: manifest.json is a symbolic link, which the designer does not write through or replace"
    )
    assert not (tmp_path / "out.zip").exists() and (tmp_path / "real.json").read_bytes() == before
    shutil.move(web / "plugins", tmp_path / "real")
    (web / "plugins").symlink_to(tmp_path / "real")
    with pytest.raises(PermissionError) as caught:
        DirFiles(web).write_bytes("plugins/rec/rec.svg", b"<svg/>")
    assert str(caught.value).startswith("plugins/rec/rec.svg: plugins is a symbolic link, which the designer")
