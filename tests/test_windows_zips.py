"""Branding ZIPs made on Windows, as an administrator who never wrote them downloads them.

Why a module of its own: Windows PowerShell 5's ``Compress-Archive`` (still the one Windows ships)
writes ``MyBranding\\webapp2\\settings.json`` with backslashes between the folders, and
Explorer's "Send to > Compressed folder" writes names in the DOS code page without the UTF-8
flag. Both are real packages, not attacks: they must import (and open read-only) and export again
with every byte the user did not touch, while a backslash path that climbs out ('..') is still
refused.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from designer.core.archive import ImportRefused, import_zip
from designer.core.checks import run_checks
from designer.core.export import export_package
from designer.core.model import load

BOM = b"\xef\xbb\xbf"
SETTINGS = (
    BOM + b'{"plugins":[{"enabled":true,"srcURL":"plugins/hi/hi.plugin.package.json","id":"hi"}],"name":"caf\\u00e9"}'
)
MANIFEST = b'{\r\n\t"isSettingsBranded": true,\r\n\t"brandingID": "10000000",\r\n\t"vendor": "acme"\r\n}'
PACKAGE = (
    b'{\r\n\t"id": "hi",\r\n\t"name": "Hi",\r\n\t"version": 1.0,\r\n\t"srcURL": "hi.plugin.js",\r\n'
    b'\t"platforms": ["web"],\r\n\t"participantRoles": ["chair"],\r\n\t"menuItems": {"toolbar": '
    b'[{"icon": "hi.svg#hi", "label": "Hi", "action": "hi"}]}\r\n}'
)
SOURCE = (
    b"(function () {\r\n  function hi() { PEX.pluginAPI.sendChatMessage('hi'); }\r\n"
    b"  PEX.pluginAPI.registerPlugin({ id: 'hi', load: function () {}, unload: function () {}, hi: hi });\r\n"
    b"})();\r\n"
)
ICON = b'<svg xmlns="http://www.w3.org/2000/svg" id="hi" viewBox="0 0 24 24"><path d="M0 0h24v24z"/></svg>'
FILES = {
    "webapp2/settings.json": SETTINGS,
    "webapp2/manifest.json": MANIFEST,
    "webapp2/plugins/hi/hi.plugin.package.json": PACKAGE,
    "webapp2/plugins/hi/hi.plugin.js": SOURCE,
    "webapp2/plugins/hi/hi.svg": ICON,
    "webapp2/themes/brand/theme.css": b"body {\r\n\tcolor: red;\r\n}",
}


def _powershell_zip(path: Path, files: dict[str, bytes], folder: str = "MyBranding\\", sep: str = "\\") -> Path:
    """The ZIP ``Compress-Archive -Path MyBranding`` makes: one folder deeper, backslashes, made on Windows."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            info = zipfile.ZipInfo(folder + name.replace("/", sep), (2024, 5, 6, 7, 8, 10))
            info.create_system = 0
            zf.writestr(info, data, zipfile.ZIP_DEFLATED)
    return path


def _contents(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist() if not i.is_dir()}


def test_a_powershell_zip_with_backslashes_imports_and_exports_byte_for_byte(tmp_path: Path) -> None:
    src = _powershell_zip(tmp_path / "branding.zip", FILES)
    result = import_zip(src, tmp_path / "project")
    for name, data in FILES.items():
        assert (result.target / name).read_bytes() == data, name
    assert "MyBranding" in result.layout
    pkg = load(result.target)
    assert [p.display_name for p in pkg.plugins] == ["Hi"]
    assert run_checks(pkg) == []
    exported = export_package(result.target, tmp_path / "out.zip")
    after = _contents(exported.path)
    assert sorted(after) == sorted(FILES)
    for name, data in FILES.items():
        if name != "webapp2/manifest.json":
            assert after[name] == data, name
    assert after["webapp2/manifest.json"] == MANIFEST.replace(b'"10000000"', f'"{exported.branding_id}"'.encode())
    assert [c.path for c in exported.plan.changes] == ["webapp2/manifest.json"]  # against the imported ZIP


def test_a_powershell_zip_opens_read_only(tmp_path: Path) -> None:
    pkg = load(_powershell_zip(tmp_path / "branding.zip", FILES))
    assert [p.display_name for p in pkg.plugins] == ["Hi"]
    assert pkg.files.read_bytes("themes/brand/theme.css") == FILES["webapp2/themes/brand/theme.css"]
    assert run_checks(pkg) == []


@pytest.mark.parametrize("name", ["webapp2\\..\\..\\evil.txt", "webapp2\\themes\\..\\..\\evil.txt", "\\evil.txt"])
def test_a_backslash_path_that_leaves_the_folder_is_still_refused(tmp_path: Path, name: str) -> None:
    src = _powershell_zip(tmp_path / "in.zip", {**FILES, name: b"x"}, folder="")
    with pytest.raises(ImportRefused) as err:
        import_zip(src, tmp_path / "project")
    assert name in str(err.value)
    assert not (tmp_path / "project").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.zip"]


def _explorer_zip(path: Path, files: dict[str, bytes], dos_names: dict[str, bytes]) -> Path:
    """The ZIP Explorer's "Send to > Compressed folder" makes: made on Windows (MS-DOS), names in the
    DOS code page and no UTF-8 flag. ``dos_names`` maps an ASCII stand-in name to its DOS bytes."""
    data = _powershell_zip(path, files, folder="", sep="/").read_bytes()  # Explorer writes '/' between folders
    for stand_in, dos in dos_names.items():
        assert len(stand_in.encode()) == len(dos) and data.count(stand_in.encode()) == 2
        data = data.replace(stand_in.encode(), dos)
    path.write_bytes(data)
    return path


def test_an_explorer_zip_with_names_in_the_dos_code_page_imports_and_keeps_them(tmp_path: Path) -> None:
    """'café.png' from a Windows ZIP is 'caf\\x82.png' without the UTF-8 flag: the ZIP standard's
    code page 437, which is what the Management Node's unzip reads too."""
    logo = bytes(range(256))
    src = _explorer_zip(
        tmp_path / "branding.zip",
        {**FILES, "webapp2/images/cafX.png": logo},
        {"webapp2/images/cafX.png": "webapp2/images/caf\u00e9.png".encode("cp437")},
    )
    result = import_zip(src, tmp_path / "project")
    assert (result.webapp2 / "images" / "caf\u00e9.png").read_bytes() == logo
    exported = export_package(result.target, tmp_path / "out.zip")
    assert _contents(exported.path)["webapp2/images/caf\u00e9.png"] == logo
    assert [c.path for c in exported.plan.changes] == ["webapp2/manifest.json"]
    assert load(src).files.read_bytes("images/caf\u00e9.png") == logo  # and read-only, the same name


def _visible(window, kind, name: str):
    """The one widget called ``name`` that is on show (a page not shown may hold one of that name too)."""
    return next(w for w in window.findChildren(kind, name) if w.isVisible())


def test_the_window_round_trips_a_windows_zip_changing_only_what_the_forms_changed(
    qtbot, window, tmp_path: Path, monkeypatch
) -> None:
    """Open ZIP… on the welcome screen, File ▸ Import, a new label and the plugin switched off, Save, Export ZIP: the
    one-line settings.json (BOM, 1.0, 1e3, \\u00e9, a 20,000-character value, a key written twice)
    differs by 'enabled' alone, the CRLF tab-indented package file by the label alone."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QCheckBox, QFileDialog, QLineEdit, QPushButton
    from test_editing import retype, select_plugin, tick

    long = "x" * 20000
    settings = (
        BOM + b'{"zeta":1.0,"big":1e3,"name":"caf\\u00e9","long":"' + long.encode() + b'","plugins":[{"enabled":true,'
        b'"srcURL":"plugins/hi/hi.plugin.package.json","id":"hi"}],"zeta":2}'
    )
    files = {**FILES, "webapp2/settings.json": settings, "webapp2/themes/empty.css": b""}
    src = _powershell_zip(tmp_path / "Branding.zip", files)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(src), ""))
    qtbot.mouseClick(_visible(window, QPushButton, "openZipButton"), Qt.MouseButton.LeftButton)  # the welcome screen's
    assert window.status.text().startswith(f"Opened {src} › MyBranding/webapp2: 1 plugin")
    target = tmp_path / "project"
    monkeypatch.setattr("designer.gui.panes.new_project_dialog.ask_import_folder", lambda parent, source: target)
    window.findChild(type(window.save_action), "importZipAction").trigger()
    assert window.package.root == target / "webapp2"
    select_plugin(window, qtbot, 0)
    retype(qtbot, _visible(window, QLineEdit, "labelEdit"), "Hello")
    tick(qtbot, _visible(window, QCheckBox, "enabledCheck"))
    qtbot.keySequence(window, "Ctrl+S")
    out = tmp_path / "out.zip"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.show_export()
    with qtbot.waitSignal(window.export_pane.sig_exported):
        qtbot.mouseClick(window.export_pane.export_button, Qt.MouseButton.LeftButton)
    after = _contents(out)
    assert sorted(after) == sorted(files)
    expected = {
        **files,
        "webapp2/settings.json": settings.replace(b'"enabled":true', b'"enabled":false'),
        "webapp2/plugins/hi/hi.plugin.package.json": PACKAGE.replace(b'"label": "Hi"', b'"label": "Hello"'),
        "webapp2/manifest.json": MANIFEST.replace(b'"10000000"', f'"{window.package.manifest.branding_id}"'.encode()),
    }
    for name, data in expected.items():
        assert after[name] == data, name


def _tar_zip(path: Path, files: dict[str, bytes]) -> Path:
    """The ZIP Windows' own ``tar -a -c -f branding.zip .`` (bsdtar, as on macOS) makes: every name
    starts with './', and the folder it was run in is an entry of its own."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("./", b"")
        zf.writestr("./webapp2/", b"")
        for name, data in files.items():
            zf.writestr("./" + name, data)
    return path


def test_a_zip_made_by_tar_with_dot_slash_names_imports_opens_and_exports_byte_for_byte(tmp_path: Path) -> None:
    src = _tar_zip(tmp_path / "branding.zip", FILES)
    result = import_zip(src, tmp_path / "project")
    for name, data in FILES.items():
        assert (result.target / name).read_bytes() == data, name
    assert sorted(p.name for p in result.target.iterdir()) == [".plugin-designer", "webapp2"]
    exported = export_package(result.target, tmp_path / "out.zip")
    after = _contents(exported.path)
    assert sorted(after) == sorted(FILES)
    assert all(after[n] == d for n, d in FILES.items() if n != "webapp2/manifest.json")
    assert [c.path for c in exported.plan.changes] == ["webapp2/manifest.json"]
    pkg = load(src)
    assert [p.display_name for p in pkg.plugins] == ["Hi"] and run_checks(pkg) == []


@pytest.mark.parametrize("name", ["./../evil.txt", "././../evil.txt", "./webapp2/./x.css", "./webapp2/../../x.css"])
def test_dot_slash_names_that_leave_the_folder_or_hide_a_dot_are_still_refused(tmp_path: Path, name: str) -> None:
    src = _tar_zip(tmp_path / "in.zip", {**FILES, name[2:]: b"x"})
    with pytest.raises(ImportRefused) as err:
        import_zip(src, tmp_path / "project")
    assert name in str(err.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.zip"]
