"""Deploy to a (mock) Management Node: upload, replace, failures, TLS and credential hygiene."""

from __future__ import annotations

import base64
import io
import json
import os
import zipfile
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from mock_node import API, MockNode, fake_keyring

from designer.cli import main
from designer.core.deploy import DeployError, DeployTarget, deploy, normalize_node, recall_password, redact
from designer.core.state import load_state


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[object]:
    old = keyring.get_keyring()
    ring = fake_keyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(old)


@pytest.fixture
def node() -> Iterator[MockNode]:
    with MockNode(lifetime=60, slow_seconds=1.5) as n:
        yield n


def _target(node: MockNode, **kw: object) -> DeployTarget:
    args: dict[str, object] = {"node": node.url, "user": node.user, "name": "Demo", "ca_bundle": str(node.ca_file)}
    args.update(kw)
    return DeployTarget(**args)  # type: ignore[arg-type]


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _manifest(data: bytes) -> dict:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return json.loads(zf.read("webapp2/manifest.json"))


def test_upload_sends_the_form_and_the_exported_zip(node: MockNode, example_project: Path, tmp_path: Path) -> None:
    old_id = json.loads((example_project / "webapp2" / "manifest.json").read_text())["brandingID"]
    seen: list[tuple[int, int]] = []
    result = deploy(
        example_project,
        _target(node, description="Plugins", set_default=True),
        node.password,
        progress=lambda s, t: seen.append((s, t)),
    )
    (upload,) = node.uploads
    assert upload.fields == {
        "name": "Demo",
        "description": "Plugins",
        "uuid": result.uuid,
        "webapp_type": "webapp2",
        "is_default": "true",
    }
    assert upload.data == result.export.path.read_bytes()  # exactly the ZIP kept next to the project
    manifest = _manifest(upload.data)
    assert manifest["brandingID"] == result.branding_id != old_id
    assert manifest["isSettingsBranded"] is True
    assert seen[0][0] == 0 and seen[-1][0] == seen[-1][1] > 0
    assert node.store[result.uuid]["is_default"] is True
    assert result.resource_uri == f"{API}{result.uuid}/" and not result.replaced
    state = load_state(example_project)["deploy"]
    assert state["resource_uri"] == result.resource_uri and state["brandingID"] == result.branding_id
    assert state["node"] == node.url and state["user"] == node.user and state["name"] == "Demo"
    assert json.loads((example_project / "webapp2" / "manifest.json").read_text())["brandingID"] == result.branding_id
    # The uploaded package's plugins pass `check`.
    uploaded = tmp_path / "uploaded.zip"
    uploaded.write_bytes(upload.data)
    assert main(["check", str(uploaded)]) == 0


def test_replacing_a_customization_with_the_same_name(node: MockNode, example_project: Path) -> None:
    old = node.add("Demo")
    node.add("Other", uid="99999999-2222-3333-4444-555555555555")
    result = deploy(example_project, _target(node), node.password, backoff=0)
    assert result.replaced and result.uuid != old["uuid"]  # (a deploy knows its upload by its uuid)
    assert ("DELETE", f"{API}{old['uuid']}/", 204) in node.requests
    assert sorted(r["name"] for r in node.store.values()) == ["Demo", "Other"]
    assert node.store[result.uuid]["_data"] == node.uploads[-1].data
    second = deploy(example_project, _target(node), node.password, backoff=0)
    assert second.replaced and second.branding_id > result.branding_id
    assert len(node.store) == 2 and second.uuid in node.store


def test_a_500_is_retried(node: MockNode, example_project: Path) -> None:
    node.fail_next("500", "POST")
    result = deploy(example_project, _target(node), node.password, backoff=0)
    assert [r[2] for r in node.requests if r[0] == "POST"] == [500, 201]
    assert result.uuid in node.store


@pytest.mark.parametrize(
    ("mode", "method", "kind", "words"),
    [
        ("401", None, "auth", "user name or password was refused"),
        ("400", "POST", "invalid", "name: A customization with this name is not allowed here."),
        ("413", "POST", "too-large", "too large"),
        ("slow", "POST", "timeout", "did not answer in time"),
        (None, "tls", "tls", "authority this computer does not trust"),
        (None, "unreachable", "unreachable", "Cannot reach"),
        (None, "password", "auth", "user name or password was refused"),
    ],
)
def test_failures_say_why_and_leave_the_project_alone(
    node: MockNode, example_project: Path, mode: str | None, method: str | None, kind: str, words: str
) -> None:
    before = _snapshot(example_project)
    target = _target(node, timeout=0.5)
    password = node.password
    if mode is not None:
        node.fail_next(mode, method)
    elif method == "tls":
        target.ca_bundle = None
    elif method == "unreachable":
        target.node = "https://127.0.0.1:1"  # nothing listens there
    elif method == "password":
        password = "not-the-password"
    with pytest.raises(DeployError) as info:
        deploy(example_project, target, password, backoff=0)
    assert info.value.kind == kind
    assert words in str(info.value)
    assert password not in str(info.value)
    if kind == "invalid":
        assert info.value.field_errors == {"name": ["A customization with this name is not allowed here."]}
    assert _snapshot(example_project) == before
    assert not (example_project.parent / "example-branding.zip").exists()


def test_tls_verification_needs_the_ca_or_an_explicit_insecure(node: MockNode, example_project: Path) -> None:
    with pytest.raises(DeployError, match="certificate") as info:
        deploy(example_project, _target(node, ca_bundle=None), node.password)
    assert info.value.kind == "tls"
    result = deploy(example_project, _target(node, ca_bundle=None, insecure=True), node.password)
    assert any("NOT verified" in w for w in result.warnings)
    assert "insecure" not in json.dumps(load_state(example_project))
    ok = deploy(example_project, _target(node), node.password)
    assert ok.replaced


def test_plain_http_and_bad_addresses_are_refused() -> None:
    with pytest.raises(DeployError, match="https://"):
        normalize_node("http://mgr.example.com")
    assert normalize_node("mgr.example.com:443") == "https://mgr.example.com"
    assert normalize_node("https://10.0.0.1:8443/admin") == "https://10.0.0.1:8443"


def test_redact_hides_password_and_basic_token() -> None:
    token = base64.b64encode(b"admin:p@ss word").decode()
    text = f"p@ss word p%40ss%20word {token}"
    assert redact(text, "p@ss word", "admin") == "*** *** ***"


def _run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    rc = main(args)
    out, err = capsys.readouterr()
    return rc, out, err


def test_cli_deploy_remember_then_keyring(
    node: MockNode, example_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    base = ["deploy", str(example_project), "--node", node.url, "--ca-bundle", str(node.ca_file), "--user", "admin"]
    monkeypatch.setenv("PLUGIN_DESIGNER_PASSWORD", node.password)
    rc, out, err = _run_cli([*base, "--name", "Demo", "--remember", "--json"], capsys)
    assert rc == 0, err
    doc = json.loads(out)
    assert doc["ok"] and doc["name"] == "Demo" and doc["resource_uri"].startswith(API)
    assert recall_password(node.url, "admin") == node.password
    monkeypatch.delenv("PLUGIN_DESIGNER_PASSWORD")
    rc, out, err = _run_cli(base, capsys)  # password from the keyring, name from the project state
    assert rc == 0, err
    assert "Replaced the web app customization 'Demo'" in out and "brandingID now live" in out
    assert node.password not in out + err


def test_cli_names_the_zip_as_the_user_typed_its_place(
    node: MockNode,
    example_project: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """ "Exported ZIP kept at /tmp/.../example-branding.zip" named a whole path nobody typed, as
    did --json (its ``zip``, kept for scripts): said as typed, beside the project or at -o."""
    monkeypatch.setenv("PLUGIN_DESIGNER_PASSWORD", node.password)
    monkeypatch.chdir(tmp_path)
    base = ["deploy", "example", "--node", node.url, "--ca-bundle", str(node.ca_file)]
    rc, out, err = _run_cli(base, capsys)
    assert rc == 0, err
    assert "Exported ZIP kept at example-branding.zip (" in out
    rc, out, err = _run_cli([*base, "-o", "./out.zip", "--json"], capsys)
    assert rc == 0, err
    doc = json.loads(out)
    assert doc["output"] == "out.zip" and doc["zip"] == str((tmp_path / "out.zip").resolve())
    rc, out, err = _run_cli([*base, "-o", str(tmp_path / "whole.zip")], capsys)
    assert rc == 0, err
    assert f"Exported ZIP kept at {(tmp_path / 'whole.zip').resolve()} (" in out


def test_cli_without_a_password_exits_2(
    node: MockNode, example_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PLUGIN_DESIGNER_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    rc, out, err = _run_cli(["deploy", str(example_project), "--node", node.url], capsys)
    assert rc == 2 and "PLUGIN_DESIGNER_PASSWORD" in err
    assert not node.requests


def test_cli_with_stdin_closed_and_no_password_exits_2_not_with_a_traceback(
    node: MockNode, example_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run with stdin closed (``0<&-``, as cron and some CI runners do), Python has no sys.stdin:
    asking whether it was a terminal raised AttributeError (a traceback, exit 1)."""
    monkeypatch.delenv("PLUGIN_DESIGNER_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin", None)
    rc, out, err = _run_cli(["deploy", str(example_project), "--node", node.url, "--json"], capsys)
    assert rc == 2 and err == ""
    assert json.loads(out)["error"].startswith(f"No password for admin on {node.url}: set PLUGIN_DESIGNER_PASSWORD")
    assert not node.requests


def test_cli_blocked_by_errors_lists_them_as_check_does(
    node: MockNode,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The errors that block a deploy came as one message naming five, each relative to webapp2/
    (not a file to open from here), and its JSON had no list of them at all."""
    monkeypatch.setenv("PLUGIN_DESIGNER_PASSWORD", node.password)
    proj = tmp_path / "proj"
    assert main(["new", str(proj)]) == 0
    settings = proj / "webapp2" / "settings.json"
    settings.write_text(settings.read_text().replace('"enabled": true', '"enabled": true,'))
    capsys.readouterr()
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--json", "proj"]) == 1
    problem = json.loads(capsys.readouterr().out)["problems"][0]

    rc, out, err = _run_cli(["deploy", "proj", "--node", node.url, "--json"], capsys)
    doc = json.loads(out)
    assert rc == 1 and doc["kind"] == "blocked" and doc["ok"] is False
    assert doc["errors"] == [problem] and doc["package"] == "proj/webapp2"
    rc, out, err = _run_cli(["deploy", "proj", "--node", node.url], capsys)
    assert rc == 1 and out == ""
    assert err.splitlines() == [
        f"proj/webapp2/settings.json:{problem['line']}:{problem['column']}: error PD100 {problem['message']}",
        "plugin-designer: Not deployed: 1 error must be fixed first.",
    ]
    assert not node.requests


def test_cli_failure_exit_1_and_insecure_is_loud(
    node: MockNode, example_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PLUGIN_DESIGNER_PASSWORD", "wrong")
    rc, out, err = _run_cli(["deploy", str(example_project), "--node", node.url, "--insecure"], capsys)
    assert rc == 1 and "WARNING: --insecure" in err and "user name or password was refused" in err


def test_credentials_never_reach_a_file(
    node: MockNode,
    example_project: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PLUGIN_DESIGNER_PASSWORD", node.password)
    base = ["deploy", str(example_project), "--node", node.url, "--ca-bundle", str(node.ca_file), "--name", "Demo"]
    assert main([*base, "--remember"]) == 0
    node.fail_next("400", "POST")
    assert main(base) == 1
    node.fail_next("500", "POST")
    node.fail_next("500", "POST")
    node.fail_next("500", "POST")
    assert main(base) == 1
    capsys.readouterr()
    token = base64.b64encode(f"admin:{node.password}".encode())
    folders = {tmp_path, Path(os.environ["XDG_DATA_HOME"]), Path(os.environ["XDG_CONFIG_HOME"])}
    checked = 0
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file() and not path.is_symlink():
                data = path.read_bytes()
                assert node.password.encode() not in data and token not in data, path
                checked += 1
    assert checked > 10


def test_an_html_error_page_is_told_in_its_words() -> None:
    """A node (or a proxy in front of it) answering with an error page: its words, not its markup."""
    from designer.core.deploy import _short

    page = (
        "<!DOCTYPE html><html><head><style>body{color:red}</style><title>Bad</title></head>"
        "<body><h1>Bad Request</h1><!-- padding --><p>Name &amp; uuid</p><script>x()</script></body></html>"
    )
    assert _short(page) == "Bad Bad Request Name & uuid"
    assert _short('{"error": "<b> is fine in JSON"}') == '{"error": "<b> is fine in JSON"}'


def test_an_upload_the_node_stored_after_answering_too_late_counts_as_done(
    node: MockNode, example_project: Path, monkeypatch
) -> None:
    """A slow node may store the upload after the client gave up waiting: asked, it says so, and
    the deploy is reported done (and the project follows) instead of failed."""
    import time

    import designer.core.deploy as deploy_module

    real = deploy_module._find_quietly

    def after_the_node_is_done(n: object, name: str) -> object:
        deadline = time.monotonic() + 10
        while not node.store and time.monotonic() < deadline:
            time.sleep(0.05)
        return real(n, name)

    monkeypatch.setattr(deploy_module, "_find_quietly", after_the_node_is_done)
    node.fail_next("slow", "POST")
    result = deploy(example_project, _target(node, timeout=0.5), node.password, backoff=0)
    assert len(node.store) == 1 and result.branding_id
    assert (example_project.parent / "example-branding.zip").exists()


def test_a_zip_path_in_a_missing_folder_is_refused_before_the_upload(
    node: MockNode, example_project: Path, tmp_path: Path
) -> None:
    """Refused only after uploading (as write_export refuses it) would leave a live package the project
    does not know; made by the export, a typo's folder got the ZIP. Nothing is sent, nothing made."""
    manifest = (example_project / "webapp2" / "manifest.json").read_bytes()
    with pytest.raises(DeployError, match=r"^Not deployed: The folder .*Deskop does not exist") as caught:
        deploy(example_project, _target(node), node.password, out=tmp_path / "Deskop" / "b.zip", backoff=0)
    assert caught.value.kind == "refused"
    assert node.requests == [] and node.uploads == [] and not (tmp_path / "Deskop").exists()
    assert (example_project / "webapp2" / "manifest.json").read_bytes() == manifest


@pytest.mark.parametrize("where", ["a folder", "inside the package", "a file that is not a ZIP"])
def test_every_refused_zip_path_is_refused_before_the_upload(
    node: MockNode, example_project: Path, tmp_path: Path, where: str
) -> None:
    """Only a missing folder was refused before uploading; a folder, a place inside the package or
    a text file were refused by write_export after the upload, leaving a live package the project
    did not record (its brandingID not raised, no record of the export)."""
    out = {
        "a folder": tmp_path,
        "inside the package": example_project / "webapp2" / "b.zip",
        "a file that is not a ZIP": tmp_path / "notes.txt",
    }[where]
    if where == "a file that is not a ZIP":
        out.write_text("my notes")
    manifest = (example_project / "webapp2" / "manifest.json").read_bytes()
    with pytest.raises(DeployError, match=r"^Not deployed: ") as caught:
        deploy(example_project, _target(node), node.password, out=out, backoff=0)
    assert caught.value.kind == "refused"
    assert node.requests == [] and node.uploads == []
    assert (example_project / "webapp2" / "manifest.json").read_bytes() == manifest
    assert not (example_project / "webapp2" / "b.zip").exists()


def test_check_export_deploy_and_import_give_the_same_counts_under_checks(
    node: MockNode,
    example_project: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`summary` is check's counts but export's sentence about what changed, import's counts had no
    `ok`, and deploy gave no counts: a script reading one key of each got numbers, a sentence or
    nothing. Now every command gives check's counts under `checks` (the old keys kept as they were)."""
    icon = example_project / "webapp2/plugins/lock-toggle/spare.svg"
    icon.write_text('<svg xmlns="http://www.w3.org/2000/svg" id="spare" viewBox="0 0 24 24"/>\n')  # a note
    monkeypatch.setenv("PLUGIN_DESIGNER_PASSWORD", node.password)
    rc, out, _err = _run_cli(["check", str(example_project), "--json"], capsys)
    checked = json.loads(out)
    counts = checked["summary"]
    assert rc == 0 and counts["info"] >= 1 and counts["ok"] and checked["checks"] == counts

    rc, out, err = _run_cli(["export", str(example_project), "-o", str(tmp_path / "a.zip"), "--json"], capsys)
    assert rc == 0, err
    exported = json.loads(out)
    assert exported["checks"] == counts
    assert exported["changes_summary"] == exported["summary"] and isinstance(exported["summary"], str)

    deploy = ["deploy", str(example_project), "--node", node.url, "--ca-bundle", str(node.ca_file), "--json"]
    rc, out, err = _run_cli([*deploy, "-o", str(tmp_path / "b.zip")], capsys)
    assert rc == 0, err
    deployed = json.loads(out)
    assert deployed["checks"] == counts and deployed["brandingID"]["old"] == exported["brandingID"]["new"]

    rc, out, err = _run_cli(["import", str(tmp_path / "b.zip"), "-o", str(tmp_path / "imported"), "--json"], capsys)
    assert rc == 0, err
    imported = json.loads(out)
    assert imported["summary"] == imported["checks"] == counts
    assert imported["brandingID"] == deployed["brandingID"]["new"]


def test_an_unreachable_node_is_said_without_pythons_error_number(node: MockNode, example_project: Path) -> None:
    """ "Cannot reach the Management Node at https://127.0.0.1:1 ([Errno 111] Connection refused)":
    the error number is Python's, no word for an administrator."""
    target = _target(node, timeout=0.5)
    target.node = "https://127.0.0.1:1"  # nothing listens there
    with pytest.raises(DeployError) as info:
        deploy(example_project, target, node.password, backoff=0)
    assert "(Connection refused)" in str(info.value) and "Errno" not in str(info.value)


def test_a_password_found_in_the_nodes_address_leaves_the_address_readable(
    node: MockNode, example_project: Path
) -> None:
    """The password is taken out of every message, and with it the part of the node's address
    that held the same letters: "Cannot reach the Management Node at https://***.invalid" for the
    password "pexip" and the node pexip.invalid, the one thing to check unreadable."""
    target = _target(node, timeout=0.5)
    target.node = "https://127.0.0.1:1"  # nothing listens there
    with pytest.raises(DeployError) as info:
        deploy(example_project, target, "127.0", backoff=0)
    assert "Cannot reach the Management Node at https://127.0.0.1:1 (" in str(info.value)
    assert redact("at https://127.0.0.1:1: 127.0", "127.0", keep=("https://127.0.0.1:1",)) == (
        "at https://127.0.0.1:1: ***"
    )


def test_a_project_folder_named_in_latin1_deploys(node: MockNode, example_project: Path, tmp_path: Path) -> None:
    """A project in a folder named on an old Latin-1 share (b"m\\xf8te": not UTF-8) exported its
    ZIP as "m\\xf8te-branding.zip" and then failed with a UnicodeEncodeError traceback writing that
    name into the upload. The name goes up with a stand-in for the byte; names in other scripts as
    they are."""
    import os
    import shutil

    odd = Path(os.fsdecode(os.fsencode(tmp_path) + b"/m\xf8te"))
    shutil.copytree(example_project, odd)
    result = deploy(odd, _target(node, name="Møte ✓ 会議", description="تسجيل"), node.password, backoff=0)
    (upload,) = node.uploads
    assert upload.data == result.export.path.read_bytes()
    assert upload.filename == "m\ufffdte-branding.zip"
    assert (upload.fields["name"], upload.fields["description"]) == ("Møte ✓ 会議", "تسجيل")


@pytest.mark.parametrize("option", ["--name", "--description", "--user"])
def test_cli_deploy_with_text_that_is_not_utf8_is_refused(
    option: str,
    node: MockNode,
    example_project: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A terminal set to Latin-1 passes 'Møte' as bytes that are not UTF-8: deploy exported the
    ZIP, then ended in a UnicodeEncodeError traceback. Refused first, as `new` refuses such text."""
    import os

    monkeypatch.setenv("PLUGIN_DESIGNER_PASSWORD", node.password)
    before = _snapshot(example_project)
    base = ["deploy", str(example_project), "--node", node.url, "--ca-bundle", str(node.ca_file)]
    rc, out, err = _run_cli([*base, option, os.fsdecode(b"M\xf8te")], capsys)
    assert rc == 2 and out == ""
    assert err.startswith(f"plugin-designer: {option} holds bytes that are not UTF-8 text"), err
    assert not node.requests and _snapshot(example_project) == before


def test_cli_deploy_names_a_project_folder_named_in_latin1_readably(
    node: MockNode, example_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    """With no --name, the customization takes the project folder's name: b"m\\xf8te" (Latin-1)
    ended in a UnicodeEncodeError traceback looking for it on the node."""
    import os
    import shutil

    odd = Path(os.fsdecode(os.fsencode(tmp_path) + b"/m\xf8te"))
    shutil.copytree(example_project, odd)
    monkeypatch.setenv("PLUGIN_DESIGNER_PASSWORD", node.password)
    rc, out, err = _run_cli(["deploy", str(odd), "--node", node.url, "--ca-bundle", str(node.ca_file)], capsys)
    assert rc == 0, err
    assert [u.fields["name"] for u in node.uploads] == ["m\ufffdte"]


def test_a_name_taken_by_another_web_apps_customization_is_refused_and_left_on_the_node(
    node: MockNode, example_project: Path
) -> None:
    """Deploying as 'Demo' when the node's 'Demo' is a Web App 3 branding deleted that one and
    put the webapp2 package in its place: the other web app's customization is left alone."""
    node.add("Demo", webapp_type="webapp3")
    before = _snapshot(example_project)
    with pytest.raises(DeployError) as info:
        deploy(example_project, _target(node), node.password, backoff=0)
    assert info.value.kind == "invalid"
    assert "Web App 3" in str(info.value) and "another name" in str(info.value)
    assert "Web App 3" in " ".join(info.value.field_errors["name"])
    assert [(r["name"], r["webapp_type"]) for r in node.store.values()] == [("Demo", "webapp3")]
    assert not [m for m, *_ in node.requests if m in ("DELETE", "POST")]
    assert _snapshot(example_project) == before


@pytest.mark.parametrize("replacing", [False, True])
def test_an_upload_whose_answer_was_lost_with_the_connection_counts_as_done(
    node: MockNode, example_project: Path, replacing: bool
) -> None:
    """The node stored the upload, then the connection dropped before its answer: the retry was
    told the name is taken, and the deploy said it failed ('the old one was already removed')
    while the new package was live, its brandingID in no project file."""
    if replacing:
        node.add("Demo")
    node.fail_next("drop-after", "POST")
    said: list[str] = []
    result = deploy(example_project, _target(node), node.password, backoff=0, waiting=said.append)
    assert said == ["The Management Node closed the connection without answering; trying again (try 2 of 3)…"]
    assert [r["uuid"] for r in node.store.values()] == [result.uuid]
    assert load_state(example_project)["deploy"]["brandingID"] == result.branding_id
    assert _manifest((example_project.parent / "example-branding.zip").read_bytes())["brandingID"] == result.branding_id
    assert result.replaced is replacing


def test_an_upload_dropped_before_the_node_kept_it_is_sent_again(node: MockNode, example_project: Path) -> None:
    node.fail_next("drop", "POST")
    result = deploy(example_project, _target(node), node.password, backoff=0)
    assert [r["uuid"] for r in node.store.values()] == [result.uuid]
    assert [m for m, _, status in node.requests if m == "POST"] == ["POST", "POST"]


def test_cli_a_remembered_password_since_changed_gives_way_to_the_new_one(
    node: MockNode, example_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The password changed on the node after --remember: the keyring's old one was always tried
    first, refused, and PLUGIN_DESIGNER_PASSWORD (or --remember with it) could never replace it."""
    base = ["deploy", str(example_project), "--node", node.url, "--ca-bundle", str(node.ca_file), "--name", "Demo"]
    monkeypatch.setenv("PLUGIN_DESIGNER_PASSWORD", node.password)
    assert _run_cli([*base, "--remember"], capsys)[0] == 0
    node.password = "the-new-Pa55word"
    monkeypatch.delenv("PLUGIN_DESIGNER_PASSWORD")
    rc, out, err = _run_cli(base, capsys)  # only the keyring's: refused, and said how to give the new one
    assert rc == 1 and "password stored in the system keyring" in err and "--remember" in err
    monkeypatch.setenv("PLUGIN_DESIGNER_PASSWORD", node.password)
    rc, out, err = _run_cli(base, capsys)
    assert rc == 0, err
    assert "still holds the old password" in err
    assert recall_password(node.url, "admin") == "s3cret-Pa55word"
    rc, out, err = _run_cli([*base, "--remember"], capsys)
    assert rc == 0, err
    assert recall_password(node.url, "admin") == node.password
    assert "s3cret-Pa55word" not in out + err and node.password not in out + err


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_a_proxys_web_page_answering_instead_of_the_node_is_said_and_is_no_success(
    node: MockNode, example_project: Path, method: str
) -> None:
    """A proxy in front of the node answered the upload with its sign-in page (200, HTML): the
    deploy said 'Created', wrote the ZIP and the brandingID, and nothing was on the node; the
    same page for the list request was 'not JSON', no word of a proxy."""
    before = _snapshot(example_project)
    node.fail_next("html", method)
    with pytest.raises(DeployError) as info:
        deploy(example_project, _target(node), node.password, backoff=0)
    message = str(info.value)
    assert info.value.kind == "http"
    assert "web page" in message and "Example Corp web gateway" in message and "proxy" in message
    assert "<" not in message
    assert not node.store
    assert _snapshot(example_project) == before
    assert not (example_project.parent / "example-branding.zip").exists()


def test_a_redirect_to_a_sign_in_page_says_where_it_went(node: MockNode, example_project: Path) -> None:
    """'Unexpected answer from the Management Node (HTTP 302)' said nothing of the sign-in page
    the request was sent to."""
    node.fail_next("redirect", "GET")
    with pytest.raises(DeployError) as info:
        deploy(example_project, _target(node), node.password, backoff=0)
    message = str(info.value)
    assert info.value.kind == "http" and "HTTP 302" in message
    assert "https://sso.example.com/login" in message and "sign-in page or proxy" in message


def test_a_node_gone_silent_during_the_upload_is_asked_once_whether_it_kept_it(
    node: MockNode, example_project: Path
) -> None:
    """The question after an upload that timed out was retried like the first lookup: 3 more
    timeouts (two minutes at the default 30 s) with the dialog saying 'Too late to cancel'."""
    node.add("Demo")
    node.slow_seconds = 1.5
    node.fail_next("slow", "POST")
    asked: list[int] = []

    def progress(sent: int, total: int) -> None:
        if not asked:  # the lookup before is answered at once; every later one is slow
            asked.append(1)
            for _ in range(3):
                node.fail_next("slow", "GET")

    with pytest.raises(DeployError) as info:
        deploy(example_project, _target(node, timeout=0.5), node.password, backoff=0, progress=progress)
    assert info.value.kind == "timeout" and "is as it was" in str(info.value)  # (the first upload timed out)
    assert len(node._failures) == 2  # one of the three slow lookups was made


@pytest.mark.parametrize(
    ("error", "words"),
    [("NoKeyringError", "has no system keyring"), ("KeyringLocked", "keyring is locked")],
)
def test_cli_remember_without_a_usable_keyring_says_why_in_words(
    node: MockNode,
    example_project: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    error: str,
    words: str,
) -> None:
    """'The password could not be stored in the system keyring (NoKeyringError)': a class name,
    no word of what to do."""
    import keyring.backend
    import keyring.errors

    class Unusable(keyring.backend.KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def get_password(self, service: str, username: str) -> str | None:
            raise getattr(keyring.errors, error)("no")

        def set_password(self, service: str, username: str, password: str) -> None:
            raise getattr(keyring.errors, error)("no")

        def delete_password(self, service: str, username: str) -> None:
            raise getattr(keyring.errors, error)("no")

    keyring.set_keyring(Unusable())
    monkeypatch.setenv("PLUGIN_DESIGNER_PASSWORD", node.password)
    base = ["deploy", str(example_project), "--node", node.url, "--ca-bundle", str(node.ca_file), "--remember"]
    rc, out, err = _run_cli(base, capsys)
    assert rc == 0, err
    assert words in err and "PLUGIN_DESIGNER_PASSWORD" in err and error not in err


def test_cli_ctrl_c_while_the_node_is_being_changed_says_the_old_one_may_be_gone(
    node: MockNode, example_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C during the upload, after the old customization was removed, said only 'stopped
    (Ctrl-C)', as for a command whose writes are all-or-nothing: the node was left without one."""
    import designer.core.deploy as deploy_module

    real = deploy_module._chunks
    uploads: list[bytes] = []

    def interrupted(body: bytes, progress: object) -> object:
        uploads.append(body)
        if len(uploads) == 2:  # (the first one is the copy beside the old one, which it leaves live)
            raise KeyboardInterrupt
        yield from real(body, progress)  # type: ignore[arg-type]

    node.add("Demo")
    monkeypatch.setattr(deploy_module, "_chunks", interrupted)
    monkeypatch.setenv("PLUGIN_DESIGNER_PASSWORD", node.password)
    before = _snapshot(example_project)
    base = ["deploy", str(example_project), "--node", node.url, "--ca-bundle", str(node.ca_file), "--name", "Demo"]
    rc, out, err = _run_cli(base, capsys)
    assert rc == 130
    assert "'Demo' was removed" in err and "Run the deploy again" in err
    assert [r["name"] for r in node.store.values() if r["name"] == "Demo"] == [] and _snapshot(
        example_project
    ) == before


def test_a_project_folder_moved_away_under_an_open_project_is_said_as_such(
    node: MockNode, example_project: Path, tmp_path: Path
) -> None:
    """The folder moved while the window (and its Deploy dialog) held the project: 'Not deployed:
    3 errors must be fixed first: plugins/lock-toggle/lock-toggle.plugin.js A file cannot be read…'."""
    from designer.core.model import load

    pkg = load(example_project)
    example_project.rename(tmp_path / "moved")
    with pytest.raises(DeployError) as info:
        deploy(pkg, _target(node), node.password, backoff=0)
    assert info.value.kind == "refused"
    assert "was deleted or moved" in str(info.value) and str(example_project) in str(info.value)
    assert "cannot be read" not in str(info.value) and str(info.value).count("Not deployed") == 1
    assert not node.requests and not (tmp_path / "moved" / ".plugin-designer").exists()


def test_replacing_the_nodes_default_customization_keeps_it_the_default(node: MockNode, example_project: Path) -> None:
    """Redeploying the customization the node uses by default (set so on the node, or by an earlier
    --set-default) posted it with is_default false: every meeting lost the branding."""
    node.add("Demo")["is_default"] = True
    result = deploy(example_project, _target(node), node.password, backoff=0)
    assert node.uploads[-1].fields["is_default"] == "true"
    assert [r["is_default"] for r in node.store.values()] == [True]
    assert any("default" in note for note in result.warnings)
    other = deploy(example_project, _target(node, name="Other"), node.password, backoff=0)
    assert node.uploads[-1].fields["is_default"] == "false" and not other.warnings


@pytest.mark.parametrize("typed", ["https://mgr example.com", "mgr.example.com\tx", "https://mgr.exa<mple.com"])
def test_an_address_with_a_space_or_a_sign_no_host_name_has_is_refused_in_the_field(typed: str) -> None:
    """'https://mgr example.com' passed as an address; the deploy exported, then could not 'reach
    the Management Node at https://mgr example.com (Name or service not known)'."""
    with pytest.raises(DeployError) as info:
        normalize_node(typed)
    assert info.value.kind == "refused" and "host name" in str(info.value)


def test_cli_replacing_without_a_description_keeps_the_nodes(
    node: MockNode, example_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The node's customization had a description (typed on the node); a deploy with no
    --description (none remembered either) wiped it."""
    node.add("Demo")["description"] = "Blue theme for the board rooms"
    monkeypatch.setenv("PLUGIN_DESIGNER_PASSWORD", node.password)
    base = ["deploy", str(example_project), "--node", node.url, "--ca-bundle", str(node.ca_file), "--name", "Demo"]
    rc, out, err = _run_cli(base, capsys)
    assert rc == 0, err
    assert [r["description"] for r in node.store.values()] == ["Blue theme for the board rooms"]
    rc, out, err = _run_cli([*base, "--description", ""], capsys)  # said, it is
    assert rc == 0, err
    assert [r["description"] for r in node.store.values()] == [""]


def test_cli_a_password_mistyped_at_the_prompt_is_asked_again(
    node: MockNode, example_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A mistyped password at the prompt ended the deploy (exit 1): run it again, type it again."""
    import getpass

    typed = iter(["typo", node.password])
    prompts: list[str] = []

    def ask(prompt: str) -> str:
        prompts.append(prompt)
        return next(typed)

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("PLUGIN_DESIGNER_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin", Terminal())
    monkeypatch.setattr(getpass, "getpass", ask)
    base = ["deploy", str(example_project), "--node", node.url, "--ca-bundle", str(node.ca_file), "--name", "Demo"]
    rc, out, err = _run_cli(base, capsys)
    assert rc == 0, err
    assert len(prompts) == 2 and prompts[1].startswith("Try again. Password for admin")
    assert "password was refused" in err and "Created the web app customization 'Demo'" in out
    typed = iter(["typo", "typo", "typo", "never asked"])
    prompts.clear()
    rc, out, err = _run_cli(base, capsys)
    assert rc == 1 and len(prompts) == 3


def test_cli_a_keyring_password_with_a_silent_node_is_not_called_refused(
    node: MockNode, example_project: Path, capsys: pytest.CaptureFixture[str], memory_keyring: object
) -> None:
    keyring.set_password("plugin-designer:https://127.0.0.1:1", "admin", node.password)  # (nothing listens)
    rc, out, err = _run_cli(["deploy", str(example_project), "--node", "https://127.0.0.1:1"], capsys)
    assert rc == 1 and "Cannot reach" in err and "keyring" not in err


def test_an_upload_refused_after_the_default_one_was_removed_says_meetings_lost_it(
    node: MockNode, example_project: Path
) -> None:
    node.add("Demo")["is_default"] = True
    node.fail_next("413", "POST", skip=1)  # (the second upload, once the old one is gone)
    with pytest.raises(DeployError) as info:
        deploy(example_project, _target(node), node.password, backoff=0)
    assert "already removed" in str(info.value) and "It was the node's default" in str(info.value)


def test_cli_with_the_keyring_locked_and_no_other_password_says_it_is_locked(
    node: MockNode, example_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A password stored with --remember, the keyring locked (a session without it unlocked): the
    deploy said 'No password …: store it once with --remember', which had been done."""
    import keyring.backend
    import keyring.errors

    class Locked(keyring.backend.KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def get_password(self, service: str, username: str) -> str | None:
            raise keyring.errors.KeyringLocked("locked")

        def set_password(self, service: str, username: str, password: str) -> None:
            raise keyring.errors.KeyringLocked("locked")

        def delete_password(self, service: str, username: str) -> None:
            raise keyring.errors.KeyringLocked("locked")

    keyring.set_keyring(Locked())
    monkeypatch.delenv("PLUGIN_DESIGNER_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    rc, out, err = _run_cli(["deploy", str(example_project), "--node", node.url], capsys)
    assert rc == 2 and "keyring is locked" in err and "PLUGIN_DESIGNER_PASSWORD" in err
    assert "store it once with --remember" not in err


@pytest.mark.parametrize(("mode", "kind"), [("413", "too-large"), ("400", "invalid"), ("slow", "timeout")])
def test_a_replace_whose_upload_fails_leaves_the_nodes_customization_as_it_was(
    node: MockNode, example_project: Path, mode: str, kind: str
) -> None:
    """The old customization was deleted first, then the upload was refused (too large, a field
    the node rejects, no answer): the node was left with none, the live branding gone."""
    old = node.add("Demo", data=b"the live branding")
    old.update(description="Board rooms", is_default=True)
    before = dict(old)
    node.fail_next(mode, "POST")
    with pytest.raises(DeployError) as info:
        deploy(example_project, _target(node, timeout=0.5), node.password, backoff=0)
    assert info.value.kind == kind
    assert "'Demo' on the node is as it was" in str(info.value) and "removed" not in str(info.value)
    assert [r for r in node.store.values() if r["name"] == "Demo"] == [before]


def test_a_replace_refused_after_the_old_one_was_removed_says_where_the_new_one_is(
    node: MockNode, example_project: Path
) -> None:
    """The node refused the package only once the old one was gone: the new one is on the node
    under the name it was first uploaded as, said, with what to do."""
    node.add("Demo")["is_default"] = True
    node.fail_next("500", "POST", skip=1)  # (the first upload goes through, the second fails 3 times)
    node.fail_next("500", "POST")
    node.fail_next("500", "POST")
    with pytest.raises(DeployError) as info:
        deploy(example_project, _target(node), node.password, backoff=0)
    message = str(info.value)
    (kept,) = node.store.values()
    assert kept["name"] != "Demo" and kept["name"].startswith("Demo ")
    assert "already removed" in message and f"'{kept['name']}'" in message and "It was the node's default" in message
    assert kept["_data"] == node.uploads[0].data


@pytest.mark.parametrize("when", ["before-the-old-one-is-removed", "once-the-old-one-is-removed"])
def test_two_replaces_of_one_name_at_once_do_not_remove_each_others_upload(
    node: MockNode, example_project: Path, when: str
) -> None:
    """Two deploys of 'Demo' at once (two windows, or the CLI and the GUI): both said 'Replaced',
    and the second one had deleted the first one's fresh upload to put its own in place."""
    node.add("Demo", data=b"the live branding")
    theirs: list[object] = []
    # The other deploy runs as this one's first upload begins, or its second (the old one removed):
    # the package is one chunk, each upload said as (its start, its end) on one bar.
    begins = (0, 0) if when == "before-the-old-one-is-removed" else (2, 1)  # (the call, sent * 2 // total)
    calls: list[int] = []

    def progress(sent: int, total: int) -> None:
        calls.append(sent * 2 // total)
        if len(calls) - 1 == begins[0]:
            assert calls[-1] == begins[1]
            theirs.append(deploy(example_project, _target(node), node.password, backoff=0))

    with pytest.raises(DeployError) as info:
        deploy(example_project, _target(node), node.password, backoff=0, progress=progress)
    (other,) = theirs
    assert info.value.kind == "conflict"
    assert "another deploy" in str(info.value) and "left alone" in str(info.value)
    assert [(r["name"], r["uuid"]) for r in node.store.values()] == [("Demo", other.uuid)]  # type: ignore[attr-defined]
    assert load_state(example_project)["deploy"]["uuid"] == other.uuid  # type: ignore[attr-defined]


def test_the_deploy_again_advised_after_the_default_one_was_lost_makes_it_the_default_again(
    node: MockNode, example_project: Path
) -> None:
    """'It was the node's default: meetings have no branding until then', and the deploy run
    again as told created 'Demo' as not the default: the meetings stayed without branding."""
    node.add("Demo")["is_default"] = True
    node.fail_next("413", "POST", skip=1)
    with pytest.raises(DeployError) as info:
        deploy(example_project, _target(node), node.password, backoff=0)
    assert "--set-default" in str(info.value) and "Make it the default customization" in str(info.value)
    deploy(example_project, _target(node, set_default=True), node.password, backoff=0)
    assert [r["is_default"] for r in node.store.values() if r["name"] == "Demo"] == [True]


def test_a_replace_stopped_before_the_swap_says_when_its_first_copy_stays_on_the_node(
    node: MockNode, example_project: Path
) -> None:
    """The old one could not be removed (403) and neither could the copy uploaded first: 'Nothing
    was replaced … as it was', and 'Demo (deploying …)' stayed on the node, unsaid."""
    node.add("Demo")
    node.fail_next("403", "DELETE")
    node.fail_next("403", "DELETE")
    with pytest.raises(DeployError) as info:
        deploy(example_project, _target(node), node.password, backoff=0)
    (left,) = [r["name"] for r in node.store.values() if r["name"] != "Demo"]
    assert "is as it was" in str(info.value) and f"'{left}'" in str(info.value) and "delete it" in str(info.value)


def test_a_removal_the_node_refuses_is_not_called_a_refused_upload(node: MockNode, example_project: Path) -> None:
    """A 400 to the DELETE of the old customization said 'The Management Node refused the upload',
    and the package had been taken: the removal was what the node refused."""
    node.add("Demo")
    node.fail_next("400", "DELETE")
    with pytest.raises(DeployError) as info:
        deploy(example_project, _target(node), node.password, backoff=0)
    message = str(info.value)
    assert "refused the upload" not in message and "removing the old customization" in message
    assert "not allowed here" in message and info.value.kind == "invalid"


def test_an_answer_the_api_does_not_document_is_said_with_the_nodes_words(
    node: MockNode, example_project: Path
) -> None:
    """A 409 to the removal of the old one said only 'Unexpected answer from the Management Node
    (HTTP 409)': why the node would not (in its answer) was dropped."""
    node.add("Demo")
    node.fail_next("409", "DELETE")
    with pytest.raises(DeployError) as info:
        deploy(example_project, _target(node), node.password, backoff=0)
    assert "HTTP 409" in str(info.value) and "in use by a web app path" in str(info.value)


def test_cli_ctrl_c_while_the_copy_beside_the_old_one_uploads_does_not_say_the_old_one_may_be_gone(
    node: MockNode, example_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import designer.core.deploy as deploy_module

    def interrupted(body: bytes, progress: object) -> object:
        raise KeyboardInterrupt
        yield b""  # (a generator, as the upload's body is)

    node.add("Demo")
    monkeypatch.setattr(deploy_module, "_chunks", interrupted)
    monkeypatch.setenv("PLUGIN_DESIGNER_PASSWORD", node.password)
    base = ["deploy", str(example_project), "--node", node.url, "--ca-bundle", str(node.ca_file), "--name", "Demo"]
    rc, out, err = _run_cli(base, capsys)
    assert rc == 130 and "may be already removed" not in err and "'Demo' on the node is as it was" in err
    assert [r["name"] for r in node.store.values()] == ["Demo"]


def test_a_removal_done_though_its_answers_were_lost_goes_on_with_the_replace(
    node: MockNode, example_project: Path
) -> None:
    """The node removed the old one but its answer was lost, and the tries after it too: 'Nothing
    was replaced … as it was', and the copy uploaded first was removed: the node had neither."""
    node.add("Demo")
    node.fail_next("drop-after", "DELETE")  # (removed, then the connection closed without an answer)
    node.fail_next("drop", "DELETE")
    node.fail_next("drop", "DELETE")
    result = deploy(example_project, _target(node), node.password, backoff=0)
    assert result.replaced and [(r["name"], r["uuid"]) for r in node.store.values()] == [("Demo", result.uuid)]


def test_a_removal_unanswered_by_a_node_gone_silent_does_not_say_as_it_was(
    node: MockNode, example_project: Path
) -> None:
    node.add("Demo")
    for _ in range(3):
        node.fail_next("drop", "DELETE")
    node.fail_next("drop", "GET", skip=1)  # (the question after it: unanswered too)
    with pytest.raises(DeployError) as info:
        deploy(example_project, _target(node), node.password, backoff=0)
    (staged,) = [r["name"] for r in node.store.values() if r["name"] != "Demo"]
    assert "as it was" not in str(info.value) and "may have been removed" in str(info.value)
    assert f"'{staged}'" in str(info.value)


def test_the_deploy_run_again_after_a_failed_replace_removes_the_copy_it_left(
    node: MockNode, example_project: Path
) -> None:
    """A replace that failed once the old one was gone left 'Demo (deploying …)' on the node, and
    the deploy run again as told left it there too: one more stray customization each bad day."""
    node.add("Demo")
    node.add("Demo (deploying 0123abcd) old notes", uid="99999999-2222-3333-4444-555555555555")  # (not one)
    node.fail_next("413", "POST", skip=1)
    with pytest.raises(DeployError) as info:
        deploy(example_project, _target(node), node.password, backoff=0)
    assert "it removes that copy" in str(info.value)
    result = deploy(example_project, _target(node), node.password, backoff=0)
    assert sorted(r["name"] for r in node.store.values()) == ["Demo", "Demo (deploying 0123abcd) old notes"]
    assert any("left on the node by an earlier deploy" in note for note in result.warnings)


def test_cli_a_description_remembered_for_one_customization_is_not_sent_to_another(
    node: MockNode, example_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`deploy --name Other` (no --description) sent the description remembered from the last
    deploy, of 'Demo': the one 'Other' had on the node was overwritten, unseen."""
    node.add("Other", uid="99999999-2222-3333-4444-555555555555")["description"] = "Lobby screens"
    monkeypatch.setenv("PLUGIN_DESIGNER_PASSWORD", node.password)
    base = ["deploy", str(example_project), "--node", node.url, "--ca-bundle", str(node.ca_file)]
    rc, out, err = _run_cli([*base, "--name", "Demo", "--description", "Board rooms"], capsys)
    assert rc == 0, err
    rc, out, err = _run_cli([*base, "--name", "Other"], capsys)
    assert rc == 0, err
    assert {r["name"]: r["description"] for r in node.store.values()} == {
        "Demo": "Board rooms",
        "Other": "Lobby screens",
    }
    rc, out, err = _run_cli([*base, "--name", "Demo"], capsys)  # (its own still remembered for it)
    assert rc == 0, err
    assert {r["name"]: r["description"] for r in node.store.values()}["Demo"] == "Board rooms"


def test_cli_deploy_prints_the_name_and_node_escaped_as_every_command_does(
    node: MockNode, example_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`deploy --name` with an ESC sequence (pasted from a colourised listing) printed it as it is:
    'Created …' recoloured the terminal, as did the node's refusal quoting the name."""
    monkeypatch.setenv("PLUGIN_DESIGNER_PASSWORD", node.password)
    name = "Demo\x1b[2J\x07"
    base = ["deploy", str(example_project), "--node", node.url, "--ca-bundle", str(node.ca_file), "--name", name]
    rc, out, err = _run_cli(base, capsys)
    assert rc == 0, err
    assert "\x1b" not in out + err and "\x07" not in out + err and "'Demo\\x1b[2J\\x07'" in out
    node.fail_next("403", "DELETE")
    rc, out, err = _run_cli(base, capsys)
    assert rc == 1 and "Nothing was replaced" in err
    assert "\x1b" not in out + err and "'Demo\\x1b[2J\\x07'" in err


def test_two_deploys_creating_one_new_name_at_once_say_the_other_one_put_it_there(
    node: MockNode, example_project: Path
) -> None:
    """Two deploys of a name new to the node at once: the second was told the node's 'Web app
    customization with this Name already exists' (under the Name field in the dialog), where a
    replace overtaken so says another deploy put its own there."""
    theirs: list[object] = []

    def progress(sent: int, total: int) -> None:
        if not theirs:  # (the other deploy runs as this one's upload begins)
            theirs.append(deploy(example_project, _target(node), node.password, backoff=0))

    with pytest.raises(DeployError) as info:
        deploy(example_project, _target(node), node.password, backoff=0, progress=progress)
    (other,) = theirs
    assert info.value.kind == "conflict" and not info.value.field_errors
    assert "another deploy" in str(info.value) and "left alone" in str(info.value)
    assert "already exists" not in str(info.value)
    assert [(r["name"], r["uuid"]) for r in node.store.values()] == [("Demo", other.uuid)]  # type: ignore[attr-defined]
    assert load_state(example_project)["deploy"]["uuid"] == other.uuid  # type: ignore[attr-defined]


def test_a_replace_cancelled_while_its_copy_uploads_stops_and_removes_what_the_node_got(
    node: MockNode, example_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cancel while the copy was uploaded beside the old one was refused as too late, though the
    old one was live, untouched: the upload stops, and the node is left as it was."""
    import designer.core.deploy as deploy_module
    from designer.core.deploy import CancelToken

    monkeypatch.setattr(deploy_module, "CHUNK", 512)  # (many chunks: the cancel comes between two)
    node.add("Demo", data=b"the live branding")
    token = CancelToken()
    answers: list[bool] = []

    def progress(sent: int, total: int) -> None:
        if 0 < sent < total // 4 and not answers:
            answers.append(token.cancel())

    before = _snapshot(example_project)
    with pytest.raises(DeployError) as info:
        deploy(example_project, _target(node), node.password, backoff=0, progress=progress, cancel=token)
    assert answers == [True] and info.value.kind == "cancelled"
    assert "Deploy cancelled" in str(info.value) and "'Demo' on the node is as it was" in str(info.value)
    assert [r["name"] for r in node.store.values()] == ["Demo"] and _snapshot(example_project) == before


def test_a_replace_on_a_node_limiting_name_length_uploads_its_copy_under_a_name_that_fits(
    node: MockNode, example_project: Path
) -> None:
    """The copy uploaded first is named 'NAME (deploying xxxxxxxx)': on a node limiting the length
    of names, a name that fits on its own was refused ('at most 40 characters', under the Name
    field), and the old one could not be replaced at all."""
    node.name_limit = 40
    name = "Boardroom branding for the third floor"  # (38 letters: it fits)
    node.add(name, data=b"the live branding")
    result = deploy(example_project, _target(node, name=name), node.password, backoff=0)
    assert result.replaced and [(r["name"], r["uuid"]) for r in node.store.values()] == [(name, result.uuid)]
    copies = [u.fields["name"] for u in node.uploads if u.fields["uuid"] != result.uuid]
    assert len(copies[-1]) <= 40 and copies[-1] != name and "deploying" in copies[-1]
    # A failure once the old one is gone leaves the copy, said by its name; the next deploy removes it.
    node.fail_next("413", "POST", skip=2)  # (the copy refused for its name, the copy, then this one)
    with pytest.raises(DeployError) as info:
        deploy(example_project, _target(node, name=name), node.password, backoff=0)
    (left,) = [r["name"] for r in node.store.values()]
    assert f"'{left}'" in str(info.value) and len(left) <= 40
    result = deploy(example_project, _target(node, name=name), node.password, backoff=0)
    assert [r["name"] for r in node.store.values()] == [name]
    assert any(f"Removed '{left}'" in note for note in result.warnings)


def test_a_deploy_cancelled_while_a_new_name_uploads_leaves_nothing_on_the_node(
    node: MockNode, example_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cancel during the upload of a name new to the node was refused as too late: the node
    kept it, though the deploy was stopped on purpose."""
    import designer.core.deploy as deploy_module
    from designer.core.deploy import CancelToken

    monkeypatch.setattr(deploy_module, "CHUNK", 512)
    token = CancelToken()
    answers: list[bool] = []

    def progress(sent: int, total: int) -> None:
        if 0 < sent < total // 2 and not answers:
            answers.append(token.cancel())

    with pytest.raises(DeployError) as info:
        deploy(example_project, _target(node), node.password, backoff=0, progress=progress, cancel=token)
    assert answers == [True] and info.value.kind == "cancelled" and "'Demo' was not left" in str(info.value)
    assert node.store == {} and "deploy" not in load_state(example_project)


def test_a_copy_the_node_refused_is_not_said_to_be_left_on_it(node: MockNode, example_project: Path) -> None:
    """A user allowed to read but not to change the node (HTTP 403 to every change): the refusal
    went on 'The copy uploaded first as … could not be removed: delete it on the node', and the
    node had never taken it: the administrator went looking for a customization that was not there."""
    node.add("Demo")
    node.fail_next("403", "POST")
    node.fail_next("403", "DELETE")
    with pytest.raises(DeployError) as info:
        deploy(example_project, _target(node), node.password, backoff=0)
    assert info.value.kind == "forbidden" and "is as it was" in str(info.value)
    assert "could not be removed" not in str(info.value) and "delete it" not in str(info.value)
    assert [r["name"] for r in node.store.values()] == ["Demo"]


def test_a_node_unavailable_is_not_called_an_internal_error_and_its_words_are_said(
    node: MockNode, example_project: Path
) -> None:
    """A node answering 503 (being upgraded, starting, overloaded) three times said it 'had an
    internal error … ask its administrator', dropping its own words: the administrator, who was
    upgrading it, looked for a fault."""
    waits: list[str] = []
    for _ in range(3):
        node.fail_next("503", "GET")
    with pytest.raises(DeployError) as info:
        deploy(example_project, _target(node), node.password, backoff=0, waiting=waits.append)
    message = str(info.value)
    assert info.value.kind == "server" and "internal error" not in message + " ".join(waits)
    assert "unavailable (HTTP 503" in message and "The Management Node is being upgraded." in message
    assert "unavailable (HTTP 503" in waits[0]


@pytest.mark.parametrize("option", ["--name", "--user"])
def test_cli_an_empty_name_or_user_given_is_refused_not_taken_as_the_one_remembered(
    node: MockNode,
    example_project: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    option: str,
) -> None:
    """`deploy --name "$NAME"` with NAME unset (a script on a bad day) deployed over the
    customization remembered from the last deploy, as if no --name had been given."""
    monkeypatch.setenv("PLUGIN_DESIGNER_PASSWORD", node.password)
    base = ["deploy", str(example_project), "--node", node.url, "--ca-bundle", str(node.ca_file)]
    rc, out, err = _run_cli([*base, "--name", "Lobby"], capsys)
    assert rc == 0, err
    requests = len(node.requests)
    rc, out, err = _run_cli([*base, option, ""], capsys)
    assert rc == 2 and f"{option} is empty" in err
    assert len(node.requests) == requests


def test_cli_a_remembered_ca_bundle_since_removed_can_be_let_go(
    node: MockNode,
    example_project: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The CA bundle remembered for the node was removed (the node now has a certificate the
    system trusts): each deploy said only 'The CA bundle … does not exist', a file the user had
    not named, and `--ca-bundle ''` could not let it go (it fell back to the remembered one)."""
    monkeypatch.setenv("PLUGIN_DESIGNER_PASSWORD", node.password)
    ca = tmp_path / "our-ca.pem"
    ca.write_bytes(node.ca_file.read_bytes())
    base = ["deploy", str(example_project), "--node", node.url, "--name", "Demo"]
    rc, out, err = _run_cli([*base, "--ca-bundle", str(ca)], capsys)
    assert rc == 0, err
    ca.unlink()
    rc, out, err = _run_cli(base, capsys)
    assert rc == 2 and "remembered from the last deploy" in err and "--ca-bundle ''" in err
    rc, out, err = _run_cli(
        [*base, "--ca-bundle", ""],
        capsys,
    )
    assert rc == 1 and "does not exist" not in err and "certificate" in err  # (the system's: the test CA is not)


@pytest.mark.parametrize("typed", ["https://mgr\x00.example.com", "mgr.example.com\x7f", "https://mgr.example.com\x1b"])
def test_an_address_with_a_control_character_is_refused_in_the_field(typed: str) -> None:
    """An address pasted with an invisible control character (a NUL, DEL or ESC from a terminal's
    colours) was taken: the deploy exported, then 'could not reach' a host that cannot exist."""
    with pytest.raises(DeployError) as info:
        normalize_node(typed)
    assert info.value.kind == "refused" and "host name" in str(info.value)


def test_a_failed_upload_asks_the_node_once_what_it_holds_under_the_name(node: MockNode, example_project: Path) -> None:
    """After a failed POST the deploy asked the node twice, with the same GET, what it held under
    the name (once whether it kept the upload, once whether another deploy put its own there)."""

    def lookups_after_the_last_post() -> list[str]:
        last = max(i for i, (method, _, _) in enumerate(node.requests) if method == "POST")
        return [path for method, path, _ in node.requests[last:] if method == "GET" and "name=" in path]

    node.fail_next("400", "POST")  # (a name new to the node)
    with pytest.raises(DeployError):
        deploy(example_project, _target(node), node.password, backoff=0)
    assert len(lookups_after_the_last_post()) == 1
    node.add("Demo")
    node.fail_next("413", "POST", skip=1)  # (a replace: the copy goes up, the one under the name is refused)
    with pytest.raises(DeployError) as info:
        deploy(example_project, _target(node), node.password, backoff=0)
    assert "was already removed" in str(info.value) and len(lookups_after_the_last_post()) == 1


def test_cli_an_upload_that_went_through_with_the_zip_not_written_says_it_is_live_and_warns(
    node: MockNode, example_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The node had taken the package, and a full disk afterwards made the deploy exit 2 ('unusable
    input'), as if nothing had gone up: a script deployed again, or reported a failure."""
    import errno

    import designer.core.deploy as deploy_module

    def disk_full(*args: object, **kw: object) -> object:
        raise OSError(errno.ENOSPC, "No space left on device", str(example_project / "manifest.json"))

    monkeypatch.setattr(deploy_module, "write_export", disk_full)
    monkeypatch.setenv("PLUGIN_DESIGNER_PASSWORD", node.password)
    base = ["deploy", str(example_project), "--node", node.url, "--ca-bundle", str(node.ca_file), "--name", "Demo"]
    rc, out, err = _run_cli(base, capsys)
    assert rc == 0, err
    assert "Created the web app customization 'Demo'" in out and "No space left on device" in err
    assert "Exported ZIP kept" not in out and [r["name"] for r in node.store.values()] == ["Demo"]
    rc, out, err = _run_cli([*base, "--json"], capsys)
    doc = json.loads(out)
    assert rc == 0 and doc["ok"] is True and doc["zip"] is None and doc["replaced"] is True
    assert any("No space left on device" in w for w in doc["warnings"])


def test_an_upload_that_went_through_with_the_deploy_not_remembered_says_so(
    node: MockNode, example_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The record of the deploy in the project's state not written (a full disk) raised OSError out
    of deploy: a traceback, though the node had the package."""
    import errno

    import designer.core.deploy as deploy_module

    def disk_full(*args: object, **kw: object) -> object:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(deploy_module, "update_state", disk_full)
    result = deploy(example_project, _target(node), node.password, backoff=0)
    assert result.export is not None and [r["name"] for r in node.store.values()] == ["Demo"]
    assert any("No space left on device" in w and "--name" in w for w in result.warnings)


@pytest.mark.parametrize("there", [True, False], ids=["a replace", "a new name"])
def test_cli_ctrl_c_once_the_node_has_the_upload_removes_it_on_the_way_out(
    node: MockNode,
    example_project: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    there: bool,
) -> None:
    """Ctrl-C while the node answered the upload (a replace's copy beside the old one, or a name
    new to it) left 'Demo (deploying …)' (or 'Demo') on the node, said only as 'may be there'."""
    import designer.core.deploy as deploy_module

    real = deploy_module._Node.check

    def interrupted(self: object, resp: object, action: str, size: int = 0) -> None:
        if action == "uploading the package":
            raise KeyboardInterrupt
        real(self, resp, action, size)  # type: ignore[arg-type]

    if there:
        node.add("Demo", data=b"the live branding")
    monkeypatch.setattr(deploy_module._Node, "check", interrupted)
    monkeypatch.setenv("PLUGIN_DESIGNER_PASSWORD", node.password)
    base = ["deploy", str(example_project), "--node", node.url, "--ca-bundle", str(node.ca_file), "--name", "Demo"]
    rc, out, err = _run_cli(base, capsys)
    assert rc == 130 and len(node.uploads) == 1
    assert [r["name"] for r in node.store.values()] == (["Demo"] if there else [])
    assert ("'Demo' on the node is as it was" if there else "'Demo' was not left on the node") in err
    assert "may be there" not in err and "stopped (Ctrl-C)" in err


def test_cli_ctrl_c_whose_upload_cannot_be_removed_on_the_way_out_names_it(
    node: MockNode, example_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import designer.core.deploy as deploy_module

    real = deploy_module._Node.check

    def interrupted(self: object, resp: object, action: str, size: int = 0) -> None:
        if action == "uploading the package":
            raise KeyboardInterrupt
        real(self, resp, action, size)  # type: ignore[arg-type]

    node.add("Demo", data=b"the live branding")
    node.fail_next("403", "DELETE")
    monkeypatch.setattr(deploy_module._Node, "check", interrupted)
    monkeypatch.setenv("PLUGIN_DESIGNER_PASSWORD", node.password)
    base = ["deploy", str(example_project), "--node", node.url, "--ca-bundle", str(node.ca_file), "--name", "Demo"]
    rc, out, err = _run_cli(base, capsys)
    (copy,) = [r["name"] for r in node.store.values() if r["name"] != "Demo"]
    assert rc == 130 and f"'{copy}' could not be removed: delete it on the node" in err


def test_a_replace_whose_copy_the_node_answered_too_late_says_it_may_yet_store_it(
    node: MockNode, example_project: Path
) -> None:
    """A slow node, the copy's upload unanswered in time: 'Nothing was replaced … as it was', and the
    node stored the copy a moment later, 'Demo (deploying …)' beside the old one, unsaid."""
    import time

    old = node.add("Demo", data=b"the live branding")
    node.fail_next("slow", "POST")
    with pytest.raises(DeployError) as info:
        deploy(example_project, _target(node, timeout=0.5), node.password, backoff=0)
    deadline = time.monotonic() + 10
    while len(node.store) < 2 and time.monotonic() < deadline:  # (the node stores it once it has slept)
        time.sleep(0.05)
    (copy,) = [r["name"] for r in node.store.values() if r["uuid"] != old["uuid"]]
    assert "as it was" in str(info.value) and f"'{copy}'" in str(info.value)
    assert "the next deploy of this name removes it" in str(info.value)


@pytest.mark.parametrize("there", [True, False], ids=["a replace", "a new name"])
def test_an_upload_under_the_name_answered_too_late_says_the_node_may_yet_store_it(
    node: MockNode, example_project: Path, there: bool
) -> None:
    """A slow node, the upload under the name unanswered in time: said as failed ('the new package
    is on the node as Demo (deploying …)', or only 'did not answer'), and a moment later the node
    had it live as 'Demo'."""
    import time

    if there:
        node.add("Demo", data=b"the live branding")
    node.fail_next("slow", "POST", skip=1 if there else 0)
    with pytest.raises(DeployError) as info:
        deploy(example_project, _target(node, timeout=0.5), node.password, backoff=0)
    deadline = time.monotonic() + 10
    while "Demo" not in [r["name"] for r in node.store.values()] and time.monotonic() < deadline:
        time.sleep(0.05)  # (the node stores it once it has slept)
    assert [u.fields["name"] for u in node.uploads][-1] == "Demo"
    assert "may yet store it as 'Demo'" in str(info.value)


def test_a_node_closing_the_connection_each_time_is_said_so_not_that_it_cannot_be_reached(
    node: MockNode, example_project: Path
) -> None:
    """'Cannot reach … (Server disconnected without sending a response.). Check the address': the
    node was reached each time (it closed the connection), and the reason's full stop stood inside
    the brackets, another after them."""
    for _ in range(3):
        node.fail_next("drop")
    with pytest.raises(DeployError) as info:
        deploy(example_project, _target(node), node.password, backoff=0)
    said = str(info.value)
    assert "closed the connection without answering (Server disconnected without sending a response), 3 times" in said
    assert "Cannot reach" not in said and "Check the address" not in said


@pytest.mark.parametrize("stored", [True, False], ids=["the node took it", "before the node had it"])
def test_cli_ctrl_c_while_the_new_package_goes_under_the_name_says_where_it_is_and_removes_the_copy_if_live(
    node: MockNode,
    example_project: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    stored: bool,
) -> None:
    """Ctrl-C once the old one was being replaced said 'the new one not uploaded', though it was on
    the node as 'Demo (deploying …)' (unnamed), and left that copy also when the new one was live."""
    import designer.core.deploy as deploy_module

    real_check, real_chunks = deploy_module._Node.check, deploy_module._chunks
    uploads: list[str] = []

    def check(self: object, resp: object, action: str, size: int = 0) -> None:
        if action == "uploading the package" and stored and len(node.uploads) == 2:
            raise KeyboardInterrupt  # (the node has it, live as 'Demo')
        real_check(self, resp, action, size)  # type: ignore[arg-type]

    def chunks(body: bytes, progress: object) -> object:
        uploads.append("")
        if len(uploads) == 2 and not stored:
            raise KeyboardInterrupt
        yield from real_chunks(body, progress)  # type: ignore[arg-type]

    node.add("Demo", data=b"the live branding")
    monkeypatch.setattr(deploy_module._Node, "check", check)
    monkeypatch.setattr(deploy_module, "_chunks", chunks)
    monkeypatch.setenv("PLUGIN_DESIGNER_PASSWORD", node.password)
    base = ["deploy", str(example_project), "--node", node.url, "--ca-bundle", str(node.ca_file), "--name", "Demo"]
    rc, out, err = _run_cli(base, capsys)
    names = [r["name"] for r in node.store.values()]
    assert rc == 130 and "not uploaded" not in err
    if stored:
        assert names == ["Demo"] and "live as 'Demo'" in err and "deploy again" in err
    else:
        (copy,) = names
        assert copy.startswith("Demo (deploying ") and f"on the node as '{copy}'" in err and "was removed" in err


def test_cli_a_certificate_refused_says_which_option_gives_the_ca_bundle(
    node: MockNode, example_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """'choose its CA bundle (a .pem file) and try again': the dialog's words, and the command
    line's user was not told the option that gives it."""
    monkeypatch.setenv("PLUGIN_DESIGNER_PASSWORD", node.password)
    rc, out, err = _run_cli(["deploy", str(example_project), "--node", node.url, "--name", "Demo"], capsys)
    assert rc == 1 and "--ca-bundle FILE" in err and "CA bundle" in err


def test_ctrl_c_while_a_slow_node_was_to_answer_the_copy_says_it_may_yet_store_it(
    node: MockNode, example_project: Path
) -> None:
    """Ctrl-C once the copy was all sent, the slow node still to answer: its removal found nothing
    (404), 'as it was' was said, and the node stored 'Demo (deploying …)' a moment later, unsaid."""
    import signal
    import time

    from designer.core.deploy import CancelToken, DeployInterrupted

    def ctrl_c(*args: object) -> None:
        raise KeyboardInterrupt

    def progress(sent: int, total: int) -> None:
        if 2 * sent >= total > 0 and not armed:  # (the copy all sent: half of the bar)
            armed.append(True)
            signal.setitimer(signal.ITIMER_REAL, 0.3)  # (the node answers after 1.5 s)

    armed: list[bool] = []
    node.add("Demo", data=b"the live branding")
    node.fail_next("slow", "POST")
    old = signal.signal(signal.SIGALRM, ctrl_c)
    try:
        with pytest.raises(DeployInterrupted) as info:
            deploy(example_project, _target(node), node.password, backoff=0, progress=progress, cancel=CancelToken())
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
    deadline = time.monotonic() + 10
    while len(node.store) < 2 and time.monotonic() < deadline:  # (the node stores it once it has slept)
        time.sleep(0.05)
    (copy,) = [r["name"] for r in node.store.values() if r["name"] != "Demo"]
    assert "as it was" in info.value.said and f"may yet store the copy it was sent, as '{copy}'" in info.value.said


def test_cli_a_password_from_the_environment_refused_says_where_it_came_from(
    node: MockNode, example_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stale PLUGIN_DESIGNER_PASSWORD (a CI secret, a shell's old export) refused: 'The user name
    or password was refused', with no word of where the password came from, nor of a prompt."""
    monkeypatch.setenv("PLUGIN_DESIGNER_PASSWORD", "an-old-one")
    base = ["deploy", str(example_project), "--node", node.url, "--ca-bundle", str(node.ca_file), "--name", "Demo"]
    rc, out, err = _run_cli(base, capsys)
    assert rc == 1 and "HTTP 401" in err and "PLUGIN_DESIGNER_PASSWORD" in err and "an-old-one" not in err


def test_a_name_taken_meanwhile_by_another_web_apps_customization_is_said_as_such(
    node: MockNode, example_project: Path
) -> None:
    """The name free at the lookup, then taken on the node by a Web App 3 customization before the
    upload: 'another deploy put its own Demo on the node … Deploy again to replace it', and the
    deploy run again was refused, as the name is another web app's."""

    def progress(sent: int, total: int) -> None:
        if sent == 0 and not node.store:  # (between the lookup and the upload)
            node.add("Demo", webapp_type="webapp3")

    with pytest.raises(DeployError) as info:
        deploy(example_project, _target(node), node.password, backoff=0, progress=progress)
    said = str(info.value)
    assert "Web App 3" in said and "another deploy" not in said and "Deploy again" not in said
    assert [r["webapp_type"] for r in node.store.values()] == ["webapp3"]


@pytest.mark.parametrize("key", [KeyboardInterrupt, EOFError], ids=["Ctrl-C", "Ctrl-D"])
def test_cli_the_password_prompt_left_with_ctrl_c_or_ctrl_d_is_not_told_to_run_in_a_terminal(
    node: MockNode,
    example_project: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    key: type[BaseException],
) -> None:
    """Ctrl-C (or Ctrl-D) at the password prompt said 'No password …: set PLUGIN_DESIGNER_PASSWORD,
    run the command in a terminal to be asked': it was run in a terminal, and asked. Ctrl-C now
    stops the command as everywhere else."""
    import getpass

    def ask(prompt: str) -> str:
        raise key

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("PLUGIN_DESIGNER_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin", Terminal())
    monkeypatch.setattr(getpass, "getpass", ask)
    base = ["deploy", str(example_project), "--node", node.url, "--ca-bundle", str(node.ca_file), "--name", "Demo"]
    rc, out, err = _run_cli(base, capsys)
    assert "in a terminal" not in err and node.requests == []
    if key is KeyboardInterrupt:
        assert rc == 130 and "stopped (Ctrl-C)" in err
    else:
        assert rc == 2 and "No password was typed for admin" in err


def test_an_address_whose_port_speaks_plain_http_is_said_so_not_as_a_certificate_problem(
    example_project: Path,
) -> None:
    """The node's address with the port of a plain-HTTP server (80, 8080): 'the secure connection
    failed (WRONG_VERSION_NUMBER). If your organisation uses its own certificate authority, give its
    CA bundle': no CA bundle could help, the port was wrong."""
    import http.server
    import threading

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        target = DeployTarget(node=f"https://127.0.0.1:{server.server_address[1]}", user="admin", name="Demo")
        with pytest.raises(DeployError) as info:
            deploy(example_project, target, "pw", backoff=0)
    finally:
        server.shutdown()
        server.server_close()
    said = str(info.value)
    assert "CA bundle" not in said and "certificate" not in said and "port" in said and "plain HTTP" in said
    assert "node" in info.value.field_errors  # (under the address, in the dialog)


def test_cli_in_a_terminal_what_follows_the_upload_bar_starts_on_a_line_of_its_own(
    node: MockNode, example_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A replace's bar stops at 50% between its two uploads: a 'trying again' then, or the failure
    of the second upload, was printed on the bar's line ('Uploading…  50%plugin-designer: …')."""
    import sys

    node.add("Demo", data=b"the live branding")
    node.fail_next("500", "DELETE")  # (retried: 'trying again' said between the two uploads)
    node.fail_next("413", "POST", skip=1)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    monkeypatch.setenv("PLUGIN_DESIGNER_PASSWORD", node.password)
    base = ["deploy", str(example_project), "--node", node.url, "--ca-bundle", str(node.ca_file), "--name", "Demo"]
    rc, out, err = _run_cli(base, capsys)
    lines = [line.split("\r")[-1] for line in err.splitlines()]
    assert rc == 1 and "trying again" in err and "too large" in err
    assert not [line for line in lines if "%" in line and ("trying again" in line or "plugin-designer" in line)], lines


def test_cli_ctrl_c_once_a_new_name_is_live_says_it_is_live_not_that_it_may_be_there(
    node: MockNode, example_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C after the node took a new name, while the deploy looked for copies of earlier ones:
    'the package was being uploaded … and may be there (as 'Demo', or beside … as 'Demo (deploying
    …)')', though it was live as 'Demo'; the project not told its brandingID, unsaid."""
    import designer.core.deploy as deploy_module

    def interrupted(*args: object, **kw: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(deploy_module, "_remove_left_copies", interrupted)
    monkeypatch.setenv("PLUGIN_DESIGNER_PASSWORD", node.password)
    base = ["deploy", str(example_project), "--node", node.url, "--ca-bundle", str(node.ca_file), "--name", "Demo"]
    rc, out, err = _run_cli(base, capsys)
    assert rc == 130 and [r["name"] for r in node.store.values()] == ["Demo"]
    assert "live as 'Demo'" in err and "deploy again to record it" in err and "may be there" not in err


def test_cli_a_certificate_refused_with_the_remembered_ca_bundle_names_that_bundle(
    node: MockNode,
    example_project: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The node's certificate renewed by another CA: the CA bundle remembered from the last deploy
    (given once, never again) was used unsaid, and the refusal said 'give its CA bundle', as if none
    had been."""
    monkeypatch.setenv("PLUGIN_DESIGNER_PASSWORD", node.password)
    ca = tmp_path / "our-old-ca.pem"
    ca.write_bytes(node.ca_file.read_bytes())
    base = ["deploy", str(example_project), "--node", node.url, "--name", "Demo"]
    rc, out, err = _run_cli([*base, "--ca-bundle", str(ca)], capsys)
    assert rc == 0, err
    import certifi

    ca.write_bytes(Path(certifi.where()).read_bytes())  # (another CA's: the node's no longer in it)
    rc, out, err = _run_cli(base, capsys)
    assert rc == 1 and "certificate" in err and f"remembered for this node, {ca}" in err


def test_ctrl_c_waits_for_a_silent_node_a_few_seconds_in_all_not_for_each_request(
    node: MockNode, example_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On the way out of a Ctrl-C each request of the clean-up (the removal, tried three times on
    a dropped connection, then the question whether the copy was there) waited a whole timeout."""
    import time

    import httpx

    import designer.core.deploy as deploy_module
    from designer.core.deploy import CancelToken, DeployInterrupted

    real_check, real_send = deploy_module._Node.check, httpx.Client.send
    interrupted_at: list[float] = []
    sent: list[tuple[float, float]] = []  # (when, how long it may wait for the answer)

    def check(self: object, resp: object, action: str, size: int = 0) -> None:
        if action == "uploading the package":
            interrupted_at.append(time.monotonic())
            raise KeyboardInterrupt
        real_check(self, resp, action, size)  # type: ignore[arg-type]

    def send(self: httpx.Client, request: httpx.Request, **kw: object) -> httpx.Response:
        sent.append((time.monotonic(), request.extensions["timeout"]["read"]))
        return real_send(self, request, **kw)  # type: ignore[arg-type]

    node.add("Demo", data=b"the live branding")
    node.fail_next("slow", "DELETE")  # (1.5 s)
    monkeypatch.setattr(deploy_module, "UNDO_TIMEOUT", 0.5)
    monkeypatch.setattr(deploy_module._Node, "check", check)
    monkeypatch.setattr(httpx.Client, "send", send)
    with pytest.raises(DeployInterrupted) as info:
        deploy(example_project, _target(node), node.password, backoff=0, cancel=CancelToken())
    after = [(when, wait) for when, wait in sent if when > interrupted_at[0]]
    # (each may wait what was left of the budget when it was asked, a moment before it went: the
    # margin is for that moment on a loaded machine, well under a second request's whole budget)
    assert after and all(when + wait <= interrupted_at[0] + 0.5 + 0.4 for when, wait in after), after
    assert "could not be removed" in info.value.said


def test_a_proxy_refusing_the_connection_is_said_as_the_proxys_not_as_a_wrong_address(
    node: MockNode, example_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """HTTPS_PROXY set (a company network) and the proxy asking for its own sign-in: 'Cannot reach
    the Management Node … (407 Proxy Authentication Required). Check the address, the port', and
    the address was right."""
    import http.server
    import threading

    class Proxy(http.server.BaseHTTPRequestHandler):
        def do_CONNECT(self) -> None:  # noqa: N802 - the standard library's name
            self.send_response(407)
            self.send_header("Proxy-Authenticate", 'Basic realm="corp"')
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            pass

    proxy = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Proxy)
    threading.Thread(target=proxy.serve_forever, daemon=True).start()
    for name in ("NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTPS_PROXY", f"http://127.0.0.1:{proxy.server_address[1]}")
    try:
        with pytest.raises(DeployError) as info:
            deploy(example_project, _target(node), node.password, backoff=0)
    finally:
        proxy.shutdown()
        proxy.server_close()
    said = str(info.value)
    assert "proxy" in said and "HTTPS_PROXY" in said and "NO_PROXY" in said and "407" in said
    assert "Check the address" not in said and node.requests == []


def test_deploy_json_gives_the_checks_also_when_the_zip_could_not_be_written(
    node: MockNode, example_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the ZIP not written (a full disk after the upload) `deploy --json` gave `checks: null`,
    and a script reading `checks.errors` as it does after every deploy stopped with a TypeError."""
    import errno

    import designer.core.deploy as deploy_module

    def disk_full(*args: object, **kw: object) -> object:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setenv("PLUGIN_DESIGNER_PASSWORD", node.password)
    rc, out, _err = _run_cli(["check", str(example_project), "--json"], capsys)
    counts = json.loads(out)["summary"]
    monkeypatch.setattr(deploy_module, "write_export", disk_full)
    cmd = ["deploy", str(example_project), "--node", node.url, "--ca-bundle", str(node.ca_file), "--json"]
    rc, out, err = _run_cli(cmd, capsys)
    doc = json.loads(out)
    assert rc == 0 and doc["zip"] is None, err
    assert doc["checks"] == counts


def test_a_zip_path_the_designer_cannot_write_is_refused_before_anything_is_sent(
    node: MockNode, example_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`-o /proc/x.zip` (a folder no file can be made in) was found only after the upload: the
    package live on the node, the project not knowing its brandingID, said as a warning."""
    monkeypatch.setenv("PLUGIN_DESIGNER_PASSWORD", node.password)
    manifest = (example_project / "webapp2" / "manifest.json").read_bytes()
    cmd = ["deploy", str(example_project), "--node", node.url, "--ca-bundle", str(node.ca_file), "-o", "/proc/x.zip"]
    rc, out, err = _run_cli(cmd, capsys)
    assert rc == 2 and out == ""
    assert err.startswith("plugin-designer: Not deployed: the ZIP /proc/x.zip cannot be written in /proc ("), err
    assert "nothing was sent to the node" in err and "Traceback" not in err
    assert node.requests == [] and node.uploads == []
    assert (example_project / "webapp2" / "manifest.json").read_bytes() == manifest


@pytest.mark.parametrize("folder", [".plugin-designer", "webapp2"])
def test_a_project_folder_that_cannot_be_written_is_refused_before_anything_is_sent(
    node: MockNode, example_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, folder: str
) -> None:
    """A read-only `.plugin-designer` (or `webapp2`) folder was found only after the upload: the
    package live on the node, the project not knowing its brandingID, and the warning said 'nothing
    was exported … export again.. The project still holds …' (or Python's '[Errno 13] …')."""
    import tempfile

    record = example_project / folder
    record.mkdir(exist_ok=True)
    record.chmod(0o555)
    real = tempfile.mkstemp

    def mkstemp(*args: object, dir: object = None, **kw: object) -> tuple[int, str]:
        if dir is not None and Path(os.fspath(dir)) == record:  # (as for anyone but root)
            raise PermissionError(13, "Permission denied", os.fspath(dir))
        return real(*args, dir=dir, **kw)  # type: ignore[call-overload]

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    manifest = (example_project / "webapp2" / "manifest.json").read_bytes()
    try:
        with pytest.raises(DeployError, match=r"^Not deployed: ") as caught:
            deploy(example_project, _target(node), node.password, out=tmp_path / "b.zip", backoff=0)
    finally:
        record.chmod(0o755)
    assert caught.value.kind == "refused"
    said = str(caught.value)
    assert str(record) in said and "Permission denied" in said and "nothing was sent to the node" in said
    assert "export again" not in said and ".." not in said and "Errno" not in said
    assert node.requests == [] and node.uploads == [] and not (tmp_path / "b.zip").exists()
    assert (example_project / "webapp2" / "manifest.json").read_bytes() == manifest


@pytest.mark.parametrize("failure", ["blocked", "refused by the node"])
def test_deploy_json_gives_the_checks_also_when_it_fails(
    node: MockNode,
    example_project: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    failure: str,
) -> None:
    """A deploy blocked by errors, or refused by the node, gave no `checks` in `--json`, where
    `export --json` gives them also when blocked: a script reading `checks.errors` stopped at a KeyError."""
    if failure == "blocked":
        settings = example_project / "webapp2" / "settings.json"
        settings.write_text("{," + settings.read_text()[1:])
    else:
        node.fail_next("413", "POST")
    monkeypatch.setenv("PLUGIN_DESIGNER_PASSWORD", node.password)
    rc, out, _err = _run_cli(["check", str(example_project), "--json"], capsys)
    counts = json.loads(out)["summary"]
    cmd = ["deploy", str(example_project), "--node", node.url, "--ca-bundle", str(node.ca_file), "--json"]
    rc, out, err = _run_cli(cmd, capsys)
    doc = json.loads(out)
    assert rc == 1 and doc["ok"] is False, err
    assert doc["checks"] == counts and doc["checks"]["ok"] is (failure != "blocked")


@pytest.mark.parametrize("failure", ["full disk", "refused"])
def test_a_zip_not_written_after_the_upload_is_said_in_plain_words(
    node: MockNode, example_project: Path, monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    """The warning said Python's '[Errno 28] No space left on device: '…/manifest.json'', or a
    refusal's own sentence then '.. The project still holds …'."""
    import errno

    import designer.core.deploy as deploy_module
    from designer.core.export import ExportRefused

    manifest = example_project / "webapp2" / "manifest.json"

    def not_written(*args: object, **kw: object) -> object:
        if failure == "full disk":
            raise OSError(errno.ENOSPC, "No space left on device", str(manifest))
        raise ExportRefused("The project folder was moved meanwhile; export again.")

    monkeypatch.setattr(deploy_module, "write_export", not_written)
    result = deploy(example_project, _target(node), node.password, backoff=0)
    said = result.warnings[-1]
    assert said.startswith("The upload went through, but the ZIP and the project could not be written: "), said
    assert "Errno" not in said and ".." not in said and "'/" not in said
    if failure == "full disk":
        assert f"{manifest}: No space left on device." in said


def test_a_deploy_not_remembered_after_the_upload_is_said_in_plain_words(
    node: MockNode, example_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Said in Python's words: 'could not remember this deploy ([Errno 28] No space left on device: '…')'."""
    import errno

    import designer.core.deploy as deploy_module

    state = example_project / ".plugin-designer" / "state.json"

    def disk_full(*args: object, **kw: object) -> object:
        raise OSError(errno.ENOSPC, "No space left on device", str(state))

    monkeypatch.setattr(deploy_module, "update_state", disk_full)
    said = deploy(example_project, _target(node), node.password, backoff=0).warnings[-1]
    assert f"could not remember this deploy ({state}: No space left on device)" in said and "Errno" not in said


@pytest.mark.parametrize("gone", ["folder removed", "folder read-only"])
def test_the_last_exports_place_refused_names_it_as_the_last_exports_and_how_to_give_another(
    node: MockNode, example_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, gone: str
) -> None:
    """With no -o the ZIP goes where the last export went; that folder gone (a USB stick taken out)
    was said 'Check the name for a typo, or make the folder first', a name the user never typed,
    and nothing said how to send the ZIP elsewhere."""
    import tempfile

    from designer.core.export import plan_export, write_export
    from designer.core.model import load

    usb = tmp_path / "usb"
    usb.mkdir()
    write_export(plan_export(load(example_project)), usb / "b.zip")
    if gone == "folder removed":
        (usb / "b.zip").unlink()
        usb.rmdir()
    else:
        real = tempfile.mkstemp

        def mkstemp(*args: object, dir: object = None, **kw: object) -> tuple[int, str]:
            if dir is not None and Path(os.fspath(dir)) == usb:  # (a read-only drive)
                raise OSError(30, "Read-only file system", os.fspath(dir))
            return real(*args, dir=dir, **kw)  # type: ignore[call-overload]

        monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    with pytest.raises(DeployError, match=r"^Not deployed: ") as caught:
        deploy(example_project, _target(node), node.password, backoff=0)
    said = str(caught.value)
    assert f"where the last export went ({usb / 'b.zip'})" in said and "-o" in said, said
    assert "typo" not in said and node.requests == []


@pytest.mark.parametrize("why", ["errors in the package", "a ZIP it cannot write"])
def test_a_deploy_that_cannot_go_says_so_before_the_password_is_asked(
    node: MockNode, example_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, why: str
) -> None:
    """The password was asked in the terminal first, and only once it was typed did the deploy say
    the package had errors (or the ZIP could not go there): typed again after each fix."""
    import getpass

    prompts: list[str] = []

    def ask(prompt: str) -> str:
        prompts.append(prompt)
        return node.password

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("PLUGIN_DESIGNER_PASSWORD", raising=False)
    monkeypatch.setattr(getpass, "getpass", ask)
    monkeypatch.setattr("sys.stdin", Terminal())
    cmd = ["deploy", str(example_project), "--node", node.url, "--ca-bundle", str(node.ca_file)]
    if why == "errors in the package":
        settings = example_project / "webapp2" / "settings.json"
        settings.write_text("{," + settings.read_text()[1:])
    else:
        cmd += ["-o", "/proc/x.zip"]
    rc, out, err = _run_cli(cmd, capsys)
    assert prompts == [] and node.requests == []
    if why == "errors in the package":
        assert rc == 1 and "PD100" in err and "Not deployed: 1 error must be fixed first." in err
    else:
        assert rc == 2 and "Not deployed: the ZIP /proc/x.zip cannot be written" in err
    if why == "a ZIP it cannot write":  # (-o left out: the deploy can go, and asks as before)
        rc, out, err = _run_cli(cmd[:-2], capsys)
        assert rc == 0 and len(prompts) == 1, err
