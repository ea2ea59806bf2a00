"""Files of the imported ZIP whose names look like leftovers still go back into the export.

Why: the export leaves out hidden files, editor backups and what operating systems leave behind,
so that a designer's ``*.swp`` or a ``.DS_Store`` never reaches the Management Node. But a package
downloaded from the Management Node may hold ``.htaccess``, ``theme.css.orig`` or ``logo.png.bak``:
they were uploaded before, the administrator never touched them, and the round trip dropped them
("removed" in What changed). What the imported ZIP (or the last export) held is kept; what
appeared in the folder since is still left out.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from designer.core.archive import import_zip
from designer.core.export import export_package, plan_export
from designer.core.model import load

SETTINGS = b'{\n    "plugins": []\n}\n'
MANIFEST = b'{\n    "brandingID": 1700000000000,\n    "isSettingsBranded": true\n}\n'
ODD = {
    "webapp2/.htaccess": b"Header set X-Frame-Options DENY\n",
    "webapp2/.well-known/security.txt": b"Contact: mailto:it@example.com\n",
    "webapp2/themes/brand/theme.css.orig": b"body { color: blue; }\r\n",
    "webapp2/images/logo.png.bak": bytes(range(200)),
    "webapp2/images/Thumbs.db": b"\xd0\xcf\x11\xe0",
}
FILES = {"webapp2/settings.json": SETTINGS, "webapp2/manifest.json": MANIFEST, **ODD}
# Finder's resource forks are no file of the package: the import skips them (see test_mac_zips).
MAC = {"__MACOSX/webapp2/._settings.json": b"\x00\x05\x16\x07"}


def _contents(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist() if not i.is_dir()}


def _import(tmp_path: Path) -> Path:
    src = tmp_path / "download.zip"
    with zipfile.ZipFile(src, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in {**FILES, **MAC}.items():
            zf.writestr(name, data)
    return import_zip(src, tmp_path / "project").target


def test_files_of_the_imported_zip_are_exported_whatever_their_names_look_like(tmp_path: Path) -> None:
    project = _import(tmp_path)
    result = export_package(project, tmp_path / "out.zip")
    after = _contents(result.path)
    assert sorted(after) == sorted(FILES)
    for name, data in ODD.items():
        assert after[name] == data, name
    assert [(c.path, c.status) for c in result.plan.changes] == [("webapp2/manifest.json", "changed")]
    assert result.plan.skip_reasons == {}


def test_leftovers_made_after_the_import_are_still_left_out(tmp_path: Path) -> None:
    project = _import(tmp_path)
    web = project / "webapp2"
    (web / "settings.json.bak").write_bytes(SETTINGS)
    (web / ".well-known" / ".new.swp").write_bytes(b"swap")
    (web / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (web / "images" / "Thumbs.db").unlink()  # deleted by the user: not brought back either
    first = export_package(project, tmp_path / "one.zip")
    assert sorted(_contents(first.path)) == sorted(set(FILES) - {"webapp2/images/Thumbs.db"})
    assert sorted(first.plan.skip_reasons) == [
        "webapp2/.DS_Store",
        "webapp2/.well-known/.new.swp",
        "webapp2/settings.json.bak",
    ]
    # The next export compares with this one: what it held is kept again, edits included.
    (web / "themes" / "brand" / "theme.css.orig").write_bytes(b"body { color: green; }\r\n")
    plan = plan_export(load(project))
    assert plan.entries["webapp2/themes/brand/theme.css.orig"] == b"body { color: green; }\r\n"
    assert plan.entries["webapp2/.htaccess"] == ODD["webapp2/.htaccess"]
    assert "webapp2/settings.json.bak" not in plan.entries


def test_a_link_put_where_an_imported_file_was_is_not_followed(tmp_path: Path) -> None:
    project = _import(tmp_path)
    secret = tmp_path / "secret.txt"
    secret.write_bytes(b"password")
    (project / "webapp2" / ".htaccess").unlink()
    (project / "webapp2" / ".htaccess").symlink_to(secret)
    (project / "webapp2" / ".well-known" / "security.txt").unlink()
    (project / "webapp2" / ".well-known").rmdir()
    (project / "webapp2" / ".well-known").symlink_to(tmp_path)
    after = _contents(export_package(project, tmp_path / "out.zip").path)
    assert "webapp2/.htaccess" not in after and "webapp2/.well-known/security.txt" not in after
    assert b"password" not in b"".join(after.values())


def test_right_after_the_export_the_check_does_not_call_the_upload_number_stale(tmp_path: Path) -> None:
    """The record of the export counted the files kept for the imported ZIP's sake, the check of
    the package did not: PD213 ("brandingID is still the last export's") came right after exporting."""
    from designer.core.checks import run_checks

    project = _import(tmp_path)
    export_package(project, tmp_path / "out.zip")
    assert [p.code for p in run_checks(load(project))] == []
    (project / "webapp2" / "themes" / "brand" / "theme.css").parent.mkdir(parents=True, exist_ok=True)
    (project / "webapp2" / "themes" / "brand" / "theme.css").write_bytes(b"body {}\n")
    assert [p.code for p in run_checks(load(project))] == ["PD213"]  # an edit since: it is said


def test_a_version_control_folder_or_secrets_file_of_the_imported_zip_is_not_uploaded_again(tmp_path: Path) -> None:
    """A ZIP uploaded by mistake with the repository's .git folder or a .env in it: the web server
    hands them to anyone (the whole history, the passwords). Kept in the project, never exported
    again, and the export pane says why."""
    secrets = {
        "webapp2/.git/config": b"[remote]\n\turl = https://user:token@example.com/repo\n",
        "webapp2/.git/HEAD": b"ref: refs/heads/main\n",
        "webapp2/plugins/.env": b"API_KEY=secret\n",
        "webapp2/.env.production": b"API_KEY=secret\n",
        "webapp2/CVS/Entries": b"/a.css/1.1/\n",
    }
    src = tmp_path / "download.zip"
    with zipfile.ZipFile(src, "w") as zf:
        for name, data in {**FILES, **secrets}.items():
            zf.writestr(name, data)
    project = import_zip(src, tmp_path / "project").target
    assert (project / "webapp2" / ".git" / "config").read_bytes() == secrets["webapp2/.git/config"]
    result = export_package(project, tmp_path / "out.zip")
    assert sorted(_contents(result.path)) == sorted(FILES)
    reasons = result.plan.skip_reasons
    assert sorted(reasons) == ["webapp2/.env.production", "webapp2/.git/", "webapp2/CVS/", "webapp2/plugins/.env"]
    assert reasons["webapp2/.git/"].startswith("a version-control folder: the web server would give its whole history")
    assert reasons["webapp2/plugins/.env"].startswith("a file where tools keep passwords or keys")
