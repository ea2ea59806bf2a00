"""Branding ZIPs made on a Mac: what Finder (and ``ditto``, ``tar``) adds is skipped, and said so.

Why: Finder's "Compress" puts a ``__MACOSX/`` folder of AppleDouble ``._name`` files (resource
forks) and every ``.DS_Store`` into the ZIP. They are no part of the package; imported, they went
into the project (``__MACOSX`` beside webapp2/, or inside it when the ZIP held the package files at
its top) and from there, as files of the imported ZIP, into every export the administrator
uploaded. What is skipped is still vetted: a hostile entry there is refused like any other.
"""

from __future__ import annotations

import json
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from designer.core import archive, export
from designer.core.archive import ImportRefused, import_zip
from designer.core.export import export_package
from designer.core.files import locate
from designer.core.model import load

SETTINGS = b'{\n    "plugins": []\n}\n'
MANIFEST = b'{\n    "brandingID": 1700000000000,\n    "isSettingsBranded": true\n}\n'
THEME = b"body { color: blue; }\n"
# An AppleDouble file as Finder writes it: magic, version 2, "Mac OS X" and its entries.
APPLE_DOUBLE = b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        " + bytes(40)
DS_STORE = b"\x00\x00\x00\x01Bud1" + bytes(24)
PACKAGE = {"settings.json": SETTINGS, "manifest.json": MANIFEST, "themes/brand/theme.css": THEME}


def _finder_zip(path: Path, top: str, files: dict[str, bytes] = PACKAGE, icon: bool = True) -> Path:
    """The ZIP Finder's "Compress" makes of the folder ``top`` (or of the selected files, when ""):
    folder entries, Unix modes, data descriptors (flag bit 3: Finder streams), a ``.DS_Store`` in
    each folder, the folder's custom icon ``Icon\\r`` and an AppleDouble ``._name`` under
    ``__MACOSX/`` for every file and folder."""

    def info(name: str, mode: int) -> zipfile.ZipInfo:
        entry = zipfile.ZipInfo(name, (2024, 5, 6, 7, 8, 10))
        entry.create_system = 3
        entry.external_attr = mode << 16
        return entry

    class Unseekable:  # zipfile writes data descriptors (bit 3) when it cannot seek back
        def __init__(self, fh) -> None:
            self.fh = fh

        def write(self, data: bytes) -> int:
            return self.fh.write(data)

        def flush(self) -> None:
            self.fh.flush()

    names = {top + name: data for name, data in files.items()}
    names[top + ".DS_Store"] = DS_STORE
    if icon:
        names[top + "Icon\r"] = b""
    folders = sorted({n[: i + 1] for n in names for i, c in enumerate(n) if c == "/"})
    with open(path, "wb") as fh, zipfile.ZipFile(Unseekable(fh), "w", zipfile.ZIP_DEFLATED) as zf:
        for folder in folders:
            zf.writestr(info(folder, stat.S_IFDIR | 0o755), b"")
        for name, data in names.items():
            zf.writestr(info(name, stat.S_IFREG | 0o644), data)
        zf.writestr(info("__MACOSX/", stat.S_IFDIR | 0o755), b"")
        for name in [*folders, *names]:
            folder, _, last = name.rstrip("/").rpartition("/")
            double = f"__MACOSX/{folder + '/' if folder else ''}._{last}"
            zf.writestr(info(double, stat.S_IFREG | 0o644), APPLE_DOUBLE)
    with zipfile.ZipFile(path) as zf:
        assert all(i.flag_bits & 0x8 for i in zf.infolist())  # (as Finder writes them)
    return path


def _contents(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist() if not i.is_dir()}


def _tree(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if ".plugin-designer" not in p.parts)


@pytest.mark.parametrize("top", ["MyBranding/", "MyBranding/webapp2/", "webapp2/", ""])
def test_a_finder_zip_imports_without_its_metadata_and_exports_only_the_package(tmp_path: Path, top: str) -> None:
    src = _finder_zip(tmp_path / "Archive.zip", top)
    result = import_zip(src, tmp_path / "project")
    assert _tree(result.target) == [
        "webapp2",
        "webapp2/manifest.json",
        "webapp2/settings.json",
        "webapp2/themes",
        "webapp2/themes/brand",
        "webapp2/themes/brand/theme.css",
    ]
    assert result.carried == [] and result.files == 3
    with zipfile.ZipFile(src) as zf:
        litter = {i.filename for i in zf.infolist() if not i.is_dir()} - {top + name for name in PACKAGE}
    assert sorted(result.skipped) == sorted(litter)  # .DS_Store, Icon\r and every ._name under __MACOSX/
    note = result.skipped_note()
    assert note.startswith(f"Skipped {len(result.skipped)} files of macOS metadata (") and "not uploaded" in note
    exported = export_package(result.target, tmp_path / "out.zip")
    after = _contents(exported.path)
    assert sorted(after) == sorted(f"webapp2/{name}" for name in PACKAGE)
    assert after["webapp2/themes/brand/theme.css"] == THEME and after["webapp2/settings.json"] == SETTINGS
    # Against the imported ZIP, only the upload number changed: the skipped files are not "removed".
    assert [(c.path, c.status) for c in exported.plan.changes] == [("webapp2/manifest.json", "changed")]
    assert exported.plan.skip_reasons == {}


def test_a_finder_zip_opens_read_only_without_its_metadata(tmp_path: Path) -> None:
    src = _finder_zip(tmp_path / "Archive.zip", "")  # the package files at the top, __MACOSX/ beside them
    files = locate(src)
    try:
        assert files.names() == ["manifest.json", "settings.json", "themes/brand/theme.css"]
        assert files.prefix == ""
    finally:
        files.close()


def test_the_management_node_download_compressed_by_finder_is_found_beside_its_metadata(tmp_path: Path) -> None:
    """__MACOSX/webapp2/plugins/... is the deeper webapp2 folder, but the only one with a plugins/ file."""
    src = tmp_path / "download.zip"
    with zipfile.ZipFile(src, "w") as zf:
        zf.writestr("webapp2/themes/x.css", THEME)
        zf.writestr("__MACOSX/webapp2/plugins/a/._a.plugin.js", APPLE_DOUBLE)
    result = import_zip(src, tmp_path / "project")
    assert _tree(result.target) == ["webapp2", "webapp2/themes", "webapp2/themes/x.css"]
    assert result.missing == ["settings.json", "manifest.json"]
    assert result.skipped == ("__MACOSX/webapp2/plugins/a/._a.plugin.js",)


def test_a_resource_fork_beside_its_file_is_skipped_but_a_file_called_so_is_kept(tmp_path: Path) -> None:
    """``ditto -c -k`` and ``tar`` on a Mac put ``._name`` beside the file; only the AppleDouble bytes make it one."""
    src = tmp_path / "ditto.zip"
    with zipfile.ZipFile(src, "w") as zf:
        zf.writestr("webapp2/settings.json", SETTINGS)
        zf.writestr("webapp2/manifest.json", MANIFEST)
        zf.writestr("webapp2/._settings.json", APPLE_DOUBLE)
        zf.writestr("webapp2/themes/._notes.txt", b"a file of the package that happens to start with ._\n")
    result = import_zip(src, tmp_path / "project")
    assert result.skipped == ("webapp2/._settings.json",)
    assert result.skipped_note() == (
        "Skipped 1 file of macOS metadata ('webapp2/._settings.json'), which a Mac adds to the ZIPs it makes: "
        "it is no part of the package and is not uploaded."
    )
    assert not (result.webapp2 / "._settings.json").exists()
    kept = result.webapp2 / "themes" / "._notes.txt"
    assert kept.read_bytes().startswith(b"a file of the package")
    after = _contents(export_package(result.target, tmp_path / "out.zip").path)
    assert "webapp2/themes/._notes.txt" in after and "webapp2/._settings.json" not in after


@pytest.mark.parametrize(
    "name",
    ["__MACOSX/../../evil.txt", "__MACOSX/webapp2/._a\nb", "/__MACOSX/._x", "webapp2/../.DS_Store"],
)
def test_hostile_entries_among_the_metadata_are_still_refused(tmp_path: Path, name: str) -> None:
    src = tmp_path / "evil.zip"
    with zipfile.ZipFile(src, "w") as zf:
        zf.writestr("webapp2/settings.json", SETTINGS)
        zf.writestr(name, APPLE_DOUBLE)
    with pytest.raises(ImportRefused) as refused:
        import_zip(src, tmp_path / "project")
    assert refused.value.entry == name
    assert not (tmp_path / "project").exists()


def test_a_link_among_the_metadata_is_still_refused(tmp_path: Path) -> None:
    src = tmp_path / "evil.zip"
    link = zipfile.ZipInfo("__MACOSX/webapp2/._settings.json")
    link.create_system = 3
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    with zipfile.ZipFile(src, "w") as zf:
        zf.writestr("webapp2/settings.json", SETTINGS)
        zf.writestr(link, b"/etc/passwd")
    with pytest.raises(ImportRefused, match="symbolic link") as refused:
        import_zip(src, tmp_path / "project")
    assert refused.value.entry == "__MACOSX/webapp2/._settings.json"


def test_a_project_imported_with_the_metadata_exports_without_it(tmp_path: Path, monkeypatch) -> None:
    """A project imported (and exported) before the import skipped Finder's files still holds them;
    the next export leaves them out although the last one held them, and says so."""
    src = _finder_zip(tmp_path / "Archive.zip", "webapp2/", icon=False)  # (refused before: see the next test)
    with monkeypatch.context() as before:  # the import and export of before: nothing was metadata
        before.setattr(archive, "is_mac_metadata_entry", lambda *a: False)
        before.setattr(export, "is_mac_metadata", lambda name: False)
        project = import_zip(src, tmp_path / "project").target
        assert (project / "__MACOSX" / "webapp2" / "._settings.json").is_file()
        first = _contents(export_package(project, tmp_path / "first.zip").path)
        assert "__MACOSX/webapp2/._settings.json" in first and "webapp2/.DS_Store" in first
    result = export_package(project, tmp_path / "second.zip")
    after = _contents(result.path)
    assert sorted(after) == sorted(f"webapp2/{name}" for name in PACKAGE)
    assert {"__MACOSX/webapp2/._settings.json", "webapp2/.DS_Store"} <= set(result.plan.skip_reasons)  # (named)
    removed = [c.path for c in result.plan.changes if c.status == "removed"]
    assert "__MACOSX/webapp2/._settings.json" in removed and "webapp2/.DS_Store" in removed
    assert load(project).root == project / "webapp2"


def test_a_folder_with_a_custom_icon_is_no_longer_refused_for_its_name(tmp_path: Path) -> None:
    """Finder's "Icon\\r" (a folder's custom icon) made the whole ZIP refused ("control characters")."""
    src = _finder_zip(tmp_path / "Archive.zip", "webapp2/", files={**PACKAGE, "themes/Icon\r": b""})
    result = import_zip(src, tmp_path / "project")
    assert {"webapp2/Icon\r", "webapp2/themes/Icon\r"} <= set(result.skipped)
    assert "'webapp2/Icon\\r'" in result.skipped_note()  # (shown escaped, on one line)
    assert sorted(p.name for p in (result.webapp2 / "themes").iterdir()) == ["brand"]


def test_the_cli_says_what_it_skipped(tmp_path: Path) -> None:
    src = _finder_zip(tmp_path / "Archive.zip", "MyBranding/")
    run = [sys.executable, "-m", "designer", "import", str(src)]
    out = subprocess.run([*run, "-o", str(tmp_path / "a")], capture_output=True, text=True, check=True).stdout
    line = next(line for line in out.splitlines() if line.startswith("Skipped"))
    assert line.startswith("Skipped 10 files of macOS metadata ('MyBranding/.DS_Store', 'MyBranding/Icon\\r', ")
    assert "Kept as they were" not in out  # no __MACOSX or .DS_Store carried beside webapp2/
    data = json.loads(
        subprocess.run([*run, "-o", str(tmp_path / "b"), "--json"], capture_output=True, check=True).stdout
    )
    assert len(data["skipped_metadata"]) == 10 and "__MACOSX/MyBranding/._settings.json" in data["skipped_metadata"]
    assert data["carried"] == []


def test_the_window_opens_and_imports_a_finder_zip_and_says_what_it_skipped(
    qtbot, window, tmp_path: Path, monkeypatch
) -> None:

    src = _finder_zip(tmp_path / "Archive.zip", "MyBranding/webapp2/")
    window.open_path(src)
    assert not window.package.files.writable
    assert window.package.files.names() == ["manifest.json", "settings.json", "themes/brand/theme.css"]
    target = tmp_path / "editable"
    monkeypatch.setattr("designer.gui.panes.new_project_dialog.ask_import_folder", lambda parent, source: target)
    window.findChild(type(window.save_action), "importZipAction").trigger()
    assert window.package.files.writable and window.package.root == target / "webapp2"
    said = window.status.text()
    assert said.startswith("Imported Archive.zip") and "(3 files)" in said
    assert said.endswith(
        "Skipped 11 files of macOS metadata ('MyBranding/webapp2/.DS_Store', 'MyBranding/webapp2/Icon\\r', "
        "'__MACOSX/._MyBranding' and 8 more), which a Mac adds to the ZIPs it makes: they are no part "
        "of the package and are not uploaded."
    )
    assert sorted(p.name for p in target.iterdir()) == [".plugin-designer", "webapp2"]
