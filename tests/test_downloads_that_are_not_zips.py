"""A "branding.zip" that is not a ZIP: what a failed download or a renamed archive really is.

Why: a browser or ``curl`` that meets a login page, a 404 or an expired link saves the server's
page under the name asked for. "It is not a ZIP file" left the administrator to guess; naming it a
web page, with the page's own title, tells them the download failed and to download it again.
"""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT
from PySide6.QtWidgets import QMessageBox

from designer.core.archive import ImportRefused, import_zip

PAGES = [
    (
        "html-404",
        b"<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body>Not found</body></html>\n",
        "a web page ('404 Not Found')",
    ),
    (
        "html-crlf-bom",
        b"\xef\xbb\xbf\r\n\r\n<HTML>\r\n<head><TITLE>\r\n  Sign in\r\n</TITLE></head><body></body></HTML>",
        "a web page ('Sign in')",
    ),
    ("html-no-title", b"  <html><body>Access denied</body></html>", "a web page,"),
    ("json", b'{"error": "Forbidden"}', "JSON text"),
]


@pytest.mark.parametrize("case", PAGES, ids=[c[0] for c in PAGES])
def test_an_error_page_saved_as_a_zip_is_named_for_what_it_is(tmp_path: Path, case) -> None:
    _, data, what = case
    src = tmp_path / "branding.zip"
    src.write_bytes(data)
    with pytest.raises(ImportRefused) as err:
        import_zip(src, tmp_path / "project")
    message = str(err.value)
    assert message.startswith(f"{src}: it is {what}")
    assert "download" in message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["branding.zip"]


def test_the_cli_says_it_in_one_line_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "branding.zip").write_bytes(PAGES[0][1])
    done = subprocess.run(
        [sys.executable, "-m", "designer", "import", "branding.zip", "-o", "project"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("plugin-designer: branding.zip: it is a web page ('404 Not Found'), not a ZIP")
    assert len(done.stderr.strip().splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["branding.zip"]


def _said_on_opening(window, src: Path, monkeypatch) -> str:
    """Open ``src`` in the window: what its warnings and its status line said, in one string."""
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: warned.append(a[2]))
    window.open_path(src)
    return " ".join(warned) + " " + window.status.text()


def test_open_zip_in_the_window_says_it_too(qtbot, window, tmp_path: Path, monkeypatch) -> None:
    src = tmp_path / "branding.zip"
    src.write_bytes(PAGES[0][1])
    shown = _said_on_opening(window, src, monkeypatch)
    assert "it is a web page ('404 Not Found'), not a ZIP" in shown
    assert window.package is None


def _zip_in_a_zip(path: Path) -> Path:
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as zf:
        zf.writestr("webapp2/settings.json", b'{"plugins": []}')
        zf.writestr("webapp2/manifest.json", b'{"brandingID": 1, "isSettingsBranded": true}')
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("Mail attachments/branding.zip", inner.getvalue())
        zf.writestr("Mail attachments/notes.txt", b"upload on Monday")
    return path


def test_a_zip_that_holds_the_branding_zip_says_which_one_to_import(tmp_path: Path) -> None:
    """Forwarded by mail or zipped again by hand: the branding ZIP sits inside another one."""
    src = _zip_in_a_zip(tmp_path / "forwarded.zip")
    with pytest.raises(ImportRefused) as err:
        import_zip(src, tmp_path / "project")
    assert "holds another ZIP, 'Mail attachments/branding.zip'" in str(err.value)
    assert "unpack it and import that one" in str(err.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["forwarded.zip"]


def test_open_zip_of_a_zip_in_a_zip_says_it_too(qtbot, window, tmp_path: Path, monkeypatch) -> None:
    src = _zip_in_a_zip(tmp_path / "forwarded.zip")
    shown = _said_on_opening(window, src, monkeypatch)
    assert "holds another ZIP, 'Mail attachments/branding.zip'" in shown
    assert window.package is None


def _webapp3_zip(path: Path, folder: str = "webapp3/branding/") -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(folder + "manifest.json", b'{"plugins": [{"id": "p", "src": "./plugins/p/index.html"}]}')
        zf.writestr(folder + "plugins/p/index.html", b"<html></html>")
    return path


@pytest.mark.parametrize("folder", ["webapp3/branding/", "download/webapp3/branding/", "webapp3/"])
def test_a_web_app_3_package_is_not_taken_for_web_app_2(tmp_path: Path, folder: str) -> None:
    """Its manifest.json was read as webapp2's: imported "as webapp2/", it was offered a settings.json and an
    isSettingsBranded, and the export would have sent it to the Management Node as Web App 2 branding."""
    src = _webapp3_zip(tmp_path / "branding.zip", folder)
    with pytest.raises(ImportRefused) as err:
        import_zip(src, tmp_path / "project")
    assert f"Web App 3 branding ('{folder.split('/branding/')[0].rstrip('/')}/')" in str(err.value)
    assert "Web App 2" in str(err.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["branding.zip"]
    from designer.core.files import NotAPackageError
    from designer.core.model import load

    with pytest.raises(NotAPackageError, match=r"Web App 3 branding"):
        load(src)


def test_web_app_3_beside_web_app_2_is_carried_as_it_was(tmp_path: Path) -> None:
    src = _webapp3_zip(tmp_path / "branding.zip")
    with zipfile.ZipFile(src, "a") as zf:
        zf.writestr("webapp2/settings.json", b'{"plugins": []}')
        zf.writestr("webapp2/manifest.json", b'{"brandingID": 1, "isSettingsBranded": true}')
    result = import_zip(src, tmp_path / "project")
    assert result.carried == ["webapp3"]
    assert (result.target / "webapp3/branding/plugins/p/index.html").read_bytes() == b"<html></html>"


def test_a_default_web_app_2_download_beside_web_app_3_branding_is_imported(tmp_path: Path) -> None:
    """The Management Node's default webapp2/ (no settings.json, no manifest.json) beside customised
    Web App 3 branding: the whole ZIP was refused as "Web App 3 branding", though it holds webapp2/;
    before that, webapp3/branding/ was imported as if it were the webapp2 package."""
    src = _webapp3_zip(tmp_path / "branding.zip")
    with zipfile.ZipFile(src, "a") as zf:
        zf.writestr("webapp2/themes/default/theme.css", b"body { color: red; }\n")
    result = import_zip(src, tmp_path / "project")
    assert result.carried == ["webapp3"]
    assert result.missing == ["settings.json", "manifest.json"]
    assert (result.webapp2 / "themes/default/theme.css").read_bytes() == b"body { color: red; }\n"
    assert (result.target / "webapp3/branding/manifest.json").is_file()
    assert not (result.webapp2 / "plugins").exists()
    from designer.core.files import NeedsImportError
    from designer.core.model import load

    # Opened (check, Open ZIP): what a default download gets, not "Web App 3 branding".
    with pytest.raises(NeedsImportError, match=r"has a webapp2 folder but no settings.json"):
        load(src)


@pytest.mark.parametrize(
    "entry",
    ["x\x1b[31mRED\nb.plugin.js:1:1: error PD999 fake.zip", "a\x1b]0;owned\x07\nb/webapp3/manifest.json"],
)
def test_names_quoted_from_a_refused_zip_cannot_break_the_line_or_drive_the_terminal(
    tmp_path: Path, entry: str
) -> None:
    """Opening (check, Open ZIP) a ZIP that holds another ZIP or Web App 3 branding quoted the entry's
    folder or name as it was: a newline in it made a second, made-up 'file:line: error' line for the
    CI that reads the output, and an ESC sequence recoloured or retitled the terminal."""
    src = tmp_path / "branding.zip"
    with zipfile.ZipFile(src, "w") as zf:
        zf.writestr(entry, b"{}")
    from designer.core.files import NotAPackageError
    from designer.core.model import load

    with pytest.raises(NotAPackageError) as err:
        load(src)
    said = str(err.value)
    assert ("holds another ZIP" in said) or ("Web App 3 branding" in said)
    assert "\n" not in said and "\x1b" not in said and "\x07" not in said
    assert "\\x1b" in said and "\\n" in said
    out = subprocess.run(
        [sys.executable, "-m", "designer", "check", str(src)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"},
    )
    assert out.returncode != 0
    assert "\x1b" not in out.stdout + out.stderr
    assert len((out.stdout + out.stderr).strip().splitlines()) == 1


@pytest.mark.parametrize("name", ["branding.tar.gz", "branding.zip.gz", "branding.7z"])
def test_check_names_another_kind_of_archive_whatever_its_name_ends_in(tmp_path: Path, name: str) -> None:
    """`check branding.tar.gz` (a colleague's archive, a ZIP gzipped by a mail gateway) said
    "neither a folder nor a ZIP file", while `import` of the same file said what it is and what to
    make instead: only a name ending in .zip was looked into."""
    from designer.core.files import NotAPackageError, locate

    head = b"7z\xbc\xaf\x27\x1c\x00\x04" if name.endswith(".7z") else b"\x1f\x8b\x08\x00" + bytes(20)
    (tmp_path / name).write_bytes(head)
    with pytest.raises(NotAPackageError) as refused:
        locate(tmp_path / name)
    said = str(refused.value)
    kind = "a 7-Zip archive" if name.endswith(".7z") else "a gzip file (such as .tar.gz)"
    assert f"it is {kind}, not a ZIP; make a ZIP of the webapp2 folder instead" in said, said
    # A file of another kind is still "neither a folder nor a ZIP file" (no guess at what it is).
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(NotAPackageError, match="neither a folder nor a ZIP file"):
        locate(tmp_path / "notes.txt")
