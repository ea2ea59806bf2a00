"""Branding ZIPs made on Windows machines set to another language than English.

Why a module of its own: Explorer, 7-Zip and WinRAR store a name without the UTF-8 flag in the
machine's own code page: a Russian administrator's 'иконка.svg' is cp866 bytes, a Japanese one's
'アイコン.svg' cp932. Read as the ZIP standard's cp437 they become box-drawing gibberish, the
package file's "иконка.svg#hi" no longer finds its icon and the export writes the gibberish on.
These ZIPs are written byte by byte here, as those tools write them.
"""

from __future__ import annotations

import json
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from designer.core.archive import ImportRefused, import_zip
from designer.core.checks import run_checks
from designer.core.export import export_package
from designer.core.files import NotAPackageError
from designer.core.model import load

SETTINGS = b'{"plugins":[{"enabled":true,"srcURL":"plugins/hi/hi.plugin.package.json","id":"hi"}]}'
MANIFEST = b'{"isSettingsBranded": true, "brandingID": "10000000"}'
SOURCE = (
    b"(function () {\n  function hi() { PEX.pluginAPI.sendChatMessage('hi'); }\n"
    b"  PEX.pluginAPI.registerPlugin({ id: 'hi', load: function () {}, unload: function () {}, hi: hi });\n"
    b"})();\n"
)
ICONS = "webapp2/plugins/hi/"  # the folder of the icon, as the ZIP names it
ICON = b'<svg xmlns="http://www.w3.org/2000/svg" id="hi" viewBox="0 0 24 24"><path d="M0 0h24v24z"/></svg>'


def _package(icon: str) -> bytes:
    """The plugin's package file, naming its icon ``icon`` (as typed: UTF-8 in the JSON text)."""
    return (
        '{"id": "hi", "name": "Hi", "version": 1.0, "srcURL": "hi.plugin.js", "platforms": ["web"], '
        '"participantRoles": ["chair"], "menuItems": {"toolbar": '
        f'[{{"icon": "{icon}#hi", "label": "Hi", "action": "hi"}}]}}}}'
    ).encode()


def _unicode_path(raw: bytes, name: str) -> bytes:
    """Info-ZIP's Unicode Path extra field (0x7075) for a name stored as ``raw``: version 1, CRC, UTF-8."""
    body = b"\x01" + zlib.crc32(raw).to_bytes(4, "little") + name.encode("utf-8")
    return (0x7075).to_bytes(2, "little") + len(body).to_bytes(2, "little") + body


def _windows_zip(
    path: Path,
    referenced: str,
    icon: bytes,
    extra: Callable[[bytes], bytes] | None = None,
    folder: str = "webapp2/",
    system: int = 0,
    first: dict[str, bytes] | None = None,
) -> Path:
    """A branding ZIP as a Windows tool writes it: made on MS-DOS, the icon's name stored as the
    bytes ``icon`` (in the machine's code page) without the UTF-8 flag, and ``extra(whole stored
    name)`` beside it; the package file names the icon ``referenced``; the files ``first`` come
    before the package's."""
    stand_in = "Q" * len(icon)
    files = {
        **(first or {}),
        "settings.json": SETTINGS,
        "manifest.json": MANIFEST,
        "plugins/hi/hi.plugin.package.json": _package(referenced),
        "plugins/hi/hi.plugin.js": SOURCE,
        "plugins/hi/" + stand_in: ICON,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        for name, data in files.items():
            info = zipfile.ZipInfo(folder + name, (2024, 5, 6, 7, 8, 10))
            info.create_system = system
            if name.endswith(stand_in) and extra is not None:
                info.extra = extra((folder + name).replace(stand_in, "").encode() + icon)
            zf.writestr(info, data)
    data = path.read_bytes()
    assert data.count(stand_in.encode()) == 2  # the local header and the central directory
    path.write_bytes(data.replace(stand_in.encode(), icon))
    return path


def _names(path: Path) -> list[tuple[str, bool]]:
    """Each entry's name as a UTF-8 reader sees it, and whether it carries the UTF-8 flag."""
    with zipfile.ZipFile(path) as zf:
        return sorted((i.filename, bool(i.flag_bits & 0x800)) for i in zf.infolist())


def _round_trip(src: Path, tmp_path: Path, icon: str) -> None:
    """Import, check, export: the icon arrives under ``icon``, nothing is missing, the export names it so."""
    result = import_zip(src, tmp_path / "project")
    assert (result.webapp2 / "plugins" / "hi" / icon).read_bytes() == ICON
    assert [p.code for p in run_checks(load(result.target))] == []
    exported = export_package(result.target, tmp_path / "out.zip")
    assert ("webapp2/plugins/hi/" + icon, True) in _names(exported.path)
    # Compared with the imported ZIP, read with the same code page: only the new brandingID changed.
    assert [c.path for c in exported.plan.changes] == ["webapp2/manifest.json"]


def test_a_unicode_path_field_whose_crc_matches_names_the_entry(tmp_path: Path) -> None:
    """7-Zip on a Russian machine: cp866 bytes for old unzip tools, the name as typed in the 0x7075 field."""
    raw = "иконка.svg".encode("cp866")
    src = _windows_zip(tmp_path / "in.zip", "иконка.svg", raw, lambda full: _unicode_path(full, ICONS + "иконка.svg"))
    _round_trip(src, tmp_path, "иконка.svg")


def test_a_stale_unicode_path_field_is_ignored(tmp_path: Path) -> None:
    """Renamed by a tool that kept the old field: its CRC is of the old name, so it names another file."""
    raw = "caf\u00e9.svg".encode("cp437")
    src = _windows_zip(
        tmp_path / "in.zip",
        "caf\u00e9.svg",
        raw,
        lambda _: _unicode_path(ICONS.encode() + b"old.svg", ICONS + "old.svg"),
    )
    _round_trip(src, tmp_path, "caf\u00e9.svg")


@pytest.mark.parametrize("version", [b"\x02", b""])
def test_a_unicode_path_field_of_another_version_or_cut_short_is_ignored(tmp_path: Path, version: bytes) -> None:
    raw = "caf\u00e9.svg".encode("cp437")

    def field(full: bytes) -> bytes:
        whole = _unicode_path(full, ICONS + "other.svg")
        return whole[:4] + version + whole[5:] if version else (0x7075).to_bytes(2, "little") + b"\x00\x00"

    src = _windows_zip(tmp_path / "in.zip", "caf\u00e9.svg", raw, field)
    _round_trip(src, tmp_path, "caf\u00e9.svg")


@pytest.mark.parametrize(
    ("typed", "code_page"),
    [
        ("иконка.svg", "cp866"),  # Russian Windows: Explorer, 7-Zip, WinRAR
        ("アイコン.svg", "cp932"),  # Japanese
        ("麦克风.svg", "cp936"),  # Simplified Chinese
        ("아이콘.svg", "cp949"),  # Korean
    ],
    ids=["cp866", "cp932", "cp936", "cp949"],
)
def test_names_in_the_code_page_of_the_windows_that_made_the_zip_are_read_as_the_package_names_them(
    tmp_path: Path, typed: str, code_page: str
) -> None:
    """The package file says "иконка.svg#hi": of the code pages, only cp866 gives an entry of that name."""
    src = _windows_zip(tmp_path / "in.zip", typed, typed.encode(code_page))
    _round_trip(src, tmp_path, typed)
    assert load(src).files.read_bytes("plugins/hi/" + typed) == ICON  # read-only, the same name


def test_a_name_written_with_json_escapes_is_evidence_too(tmp_path: Path) -> None:
    typed = "иконка.svg"
    escaped = "".join(c if c.isascii() else f"\\u{ord(c):04x}" for c in typed)
    src = _windows_zip(tmp_path / "in.zip", escaped, typed.encode("cp866"))
    _round_trip(src, tmp_path, typed)


def test_a_name_nothing_refers_to_is_read_in_the_one_code_page_where_it_is_words(tmp_path: Path) -> None:
    """A Russian picture no text file names: read as cp437 it is box-drawing lines, as cp866 Cyrillic words."""
    src = _windows_zip(tmp_path / "in.zip", "hi.svg", "рисунок.svg".encode("cp866"))
    result = import_zip(src, tmp_path / "project")
    assert (result.webapp2 / "plugins" / "hi" / "рисунок.svg").read_bytes() == ICON


def test_a_western_name_still_reads_as_the_zip_standard_says(tmp_path: Path) -> None:
    """'caf\\x82.svg' is 'café.svg' in cp437 and cp850 alike, and 'cafВ.svg' in cp866: cp437 it stays."""
    src = _windows_zip(tmp_path / "in.zip", "hi.svg", "caf\u00e9.svg".encode("cp437"))
    result = import_zip(src, tmp_path / "project")
    assert (result.webapp2 / "plugins" / "hi" / "caf\u00e9.svg").read_bytes() == ICON


def test_a_danish_name_nothing_refers_to_is_read_in_the_western_european_dos_code_page(tmp_path: Path) -> None:
    """'Ærø.svg' from a Danish Explorer (cp850): 'Æ¢' in cp437, 'ТrЫ' in cp866; a Cyrillic letter
    inside a word of ASCII letters is no Russian word, so cp850 is the one that reads as letters."""
    src = _windows_zip(tmp_path / "in.zip", "hi.svg", "\u00c6r\u00f8.svg".encode("cp850"))
    result = import_zip(src, tmp_path / "project")
    assert (result.webapp2 / "plugins" / "hi" / "\u00c6r\u00f8.svg").read_bytes() == ICON


# -- telling the user ----------------------------------------------------------------------------


def test_the_import_says_which_names_came_from_which_code_page(tmp_path: Path) -> None:
    src = _windows_zip(tmp_path / "in.zip", "иконка.svg", "иконка.svg".encode("cp866"))
    note = import_zip(src, tmp_path / "project").legacy_names_note()
    assert note.startswith(
        "The name 'webapp2/plugins/hi/иконка.svg' is stored without the UTF-8 mark, in the code page of Russian "
        "Windows (cp866): the package's own files name it so. The Management Node may read such names differently"
    )
    plain = _windows_zip(tmp_path / "plain.zip", "hi.svg", b"hi.svg")
    assert import_zip(plain, tmp_path / "plain").legacy_names_note() == ""  # ASCII names: nothing to say


def test_checking_the_zip_names_the_entry_read_from_a_code_page(tmp_path: Path) -> None:
    src = _windows_zip(tmp_path / "in.zip", "иконка.svg", "иконка.svg".encode("cp866"))
    [problem] = run_checks(load(src))
    assert (problem.code, problem.severity.value, problem.file) == ("PD108", "info", "plugins/hi/иконка.svg")
    assert "cp866" in problem.message


def test_a_code_page_chosen_without_evidence_is_a_warning_that_the_names_may_be_garbled(tmp_path: Path) -> None:
    """A Japanese name nothing refers to: cp437, cp932 and cp936 all make letters of it, each of another language."""
    src = _windows_zip(tmp_path / "in.zip", "hi.svg", "アイコン.svg".encode("cp932"))
    [problem] = [p for p in run_checks(load(src)) if p.code == "PD108"]
    assert problem.severity.value == "warning"
    assert "if a name looks garbled, make the ZIP again with a tool that stores UTF-8 names" in problem.message


def test_cli_import_and_check_of_such_a_zip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from designer import cli

    src = _windows_zip(tmp_path / "in.zip", "アイコン.svg", "アイコン.svg".encode("cp932"))
    assert cli.main(["check", str(src)]) == 0
    out = capsys.readouterr().out
    assert f"{src}!webapp2/plugins/hi/アイコン.svg: info PD108 The name 'plugins/hi/アイコン.svg' is stored" in out
    assert "(cp932, Shift-JIS)" in out
    assert cli.main(["import", str(src), "-o", str(tmp_path / "project")]) == 0
    out = capsys.readouterr().out
    assert "Note: The name 'webapp2/plugins/hi/アイコン.svg' is stored without the UTF-8 mark" in out
    assert "1 plugin: 0 errors, 0 warnings." in out
    assert cli.main(["import", "--json", str(src), "-o", str(tmp_path / "again")]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["legacy_names"] == {
        "code_page": "cp932",
        "basis": "referenced",
        "names": ["webapp2/plugins/hi/アイコン.svg"],
    }
    assert cli.main(["export", str(tmp_path / "project"), "-o", str(tmp_path / "out.zip")]) == 0
    assert ("webapp2/plugins/hi/アイコン.svg", True) in _names(tmp_path / "out.zip")


def test_the_window_says_so_after_the_import(qtbot, window, tmp_path: Path, monkeypatch) -> None:

    src = _windows_zip(tmp_path / "in.zip", "иконка.svg", "иконка.svg".encode("cp866"))
    window.open_path(src)
    assert [p.code for p in window.problems] == ["PD108"]
    target = tmp_path / "project"
    monkeypatch.setattr("designer.gui.panes.new_project_dialog.ask_import_folder", lambda parent, source: target)
    window.findChild(type(window.save_action), "importZipAction").trigger()
    assert window.package.files.exists("plugins/hi/иконка.svg")
    assert window.status.text().endswith(
        "The name 'webapp2/plugins/hi/иконка.svg' is stored without the UTF-8 mark, in the code page of Russian "
        "Windows (cp866): the package's own files name it so. The Management Node may read such names "
        "differently: upload a ZIP the designer exported, which stores every name as UTF-8."
    )


@pytest.mark.parametrize("typed", ["мой значок.svg", "значок (копия).svg"])
def test_a_referenced_name_holding_a_space_or_brackets_is_evidence_too(tmp_path: Path, typed: str) -> None:
    """The text is split at spaces, quotes and brackets to look names up: one that holds them is searched whole."""
    src = _windows_zip(tmp_path / "in.zip", typed, typed.encode("cp866"))
    assert import_zip(src, tmp_path / "project").legacy.basis == "referenced"


def test_a_name_in_a_code_page_from_a_zip_not_made_on_windows_is_still_refused(tmp_path: Path) -> None:
    """Made on Unix (where names are UTF-8), bytes that are not UTF-8 have no code page to read them in."""
    src = _windows_zip(tmp_path / "in.zip", "иконка.svg", "иконка.svg".encode("cp866"), system=3)
    with pytest.raises(ImportRefused) as err:
        import_zip(src, tmp_path / "project")
    assert str(err.value) == (
        "The entry 'webapp2/plugins/hi/\\xa8\\xaa\\xae\\xad\\xaa\\xa0.svg' has a name that is not UTF-8 text and "
        "cannot be decoded safely; re-create the ZIP with a tool that stores UTF-8 names."
    )
    assert not (tmp_path / "project").exists()


def test_a_damaged_text_file_is_no_evidence_and_the_import_says_it_is_damaged(tmp_path: Path) -> None:
    """The package file's compressed bytes are broken: reading it for names must not crash the import."""
    src = _windows_zip(tmp_path / "in.zip", "иконка.svg", "иконка.svg".encode("cp866"))
    with zipfile.ZipFile(src) as zf:
        info = zf.getinfo("webapp2/plugins/hi/hi.plugin.package.json")
    data = bytearray(src.read_bytes())
    start = info.header_offset + 30 + len(info.orig_filename) + len(info.extra)
    data[start : start + 8] = b"\xff" * 8  # (stored: the CRC no longer matches)
    src.write_bytes(bytes(data))
    with pytest.raises(ImportRefused) as err:
        import_zip(src, tmp_path / "project")
    assert "'webapp2/plugins/hi/hi.plugin.package.json' is damaged or cannot be read" in str(err.value)


def test_the_package_files_are_read_for_names_before_megabytes_of_scripts(tmp_path: Path) -> None:
    """Nine bundled scripts of a megabyte each come first in the ZIP: the package file, which names
    the icon, is still read (a Japanese name that reads as letters in three code pages needs it)."""
    bundles = {f"plugins/big/bundle{i}.js": b"/* " + b"x" * (1 << 20) + b" */" for i in range(9)}
    src = _windows_zip(tmp_path / "in.zip", "アイコン.svg", "アイコン.svg".encode("cp932"), first=bundles)
    result = import_zip(src, tmp_path / "project")
    assert (result.legacy.code_page, result.legacy.basis) == ("cp932", "referenced")
    assert (result.webapp2 / "plugins" / "hi" / "アイコン.svg").read_bytes() == ICON


def _many_icons_zip(path: Path, typed: list[str], code_page: str) -> Path:
    """A Windows branding ZIP whose plugin has one icon per name of ``typed``, each stored in
    ``code_page`` without the UTF-8 flag, and whose package file names them all."""
    stand_ins = {name: f"Q{i:04d}".ljust(len(name.encode(code_page)), "Q") for i, name in enumerate(typed)}
    items = ", ".join(f'{{"icon": "{name}#hi", "label": "Hi", "action": "hi{i}"}}' for i, name in enumerate(typed))
    package = (
        '{"id": "hi", "name": "Hi", "version": 1.0, "srcURL": "hi.plugin.js", "platforms": ["web"], '
        f'"participantRoles": ["chair"], "menuItems": {{"toolbar": [{items}]}}}}'
    ).encode()
    files = {
        "settings.json": SETTINGS,
        "manifest.json": MANIFEST,
        "plugins/hi/hi.plugin.package.json": package,
        "plugins/hi/hi.plugin.js": SOURCE.replace(b"hi: hi", b", ".join(b"hi%d: hi" % i for i in range(len(typed)))),
        **{"plugins/hi/" + stand_in: ICON for stand_in in stand_ins.values()},
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        for name, data in files.items():
            info = zipfile.ZipInfo("webapp2/" + name, (2024, 5, 6, 7, 8, 10))
            info.create_system = 0
            zf.writestr(info, data)
    data = path.read_bytes()
    for name, stand_in in stand_ins.items():
        assert data.count(stand_in.encode()) == 2
        data = data.replace(stand_in.encode(), name.encode(code_page))
    path.write_bytes(data)
    return path


def test_a_zip_of_many_such_names_gets_one_note_with_the_first_names_and_how_many(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Hundreds of Russian icon names: one PD108 for the ZIP, not one line per name burying the rest."""
    from designer import cli

    typed = [f"значок{i:03d}.svg" for i in range(120)]
    src = _many_icons_zip(tmp_path / "in.zip", typed, "cp866")
    [problem] = [p for p in run_checks(load(src)) if p.code == "PD108"]
    assert (problem.severity.value, problem.file) == ("info", "plugins/hi/значок000.svg")
    assert problem.message.startswith(
        "The names 'plugins/hi/значок000.svg', 'plugins/hi/значок001.svg', 'plugins/hi/значок002.svg' and 117 "
        "more (120 in all) are stored without the UTF-8 mark, in the code page of Russian Windows (cp866): the "
        "package's own files name them so."
    )
    assert cli.main(["check", str(src)]) == 0
    out = capsys.readouterr().out
    assert [line for line in out.splitlines() if "PD108" in line] == [
        f"{src}!webapp2/plugins/hi/значок000.svg: info PD108 {problem.message}"
    ]
    # The import still lists every one of them.
    assert cli.main(["import", "--json", str(src), "-o", str(tmp_path / "project")]) == 0
    names = json.loads(capsys.readouterr().out)["legacy_names"]["names"]
    assert names == [f"webapp2/plugins/hi/{name}" for name in typed]


def test_the_problems_dock_shows_one_row_for_a_zip_of_many_such_names(qtbot, window, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QTreeWidget

    src = _many_icons_zip(tmp_path / "in.zip", [f"значок{i}.svg" for i in range(40)], "cp866")
    window.open_path(src)
    dock = window.findChild(QTreeWidget, "problemsList")
    rows = [
        dock.topLevelItem(i).child(j)
        for i in range(dock.topLevelItemCount())
        for j in range(dock.topLevelItem(i).childCount())
    ]
    shown = [(row.text(1), row.text(2)) for row in rows if row.text(2) == "PD108"]
    assert shown == [("plugins/hi/значок0.svg", "PD108")]
    assert "and 37 more (40 in all)" in next(row.text(0) for row in rows if row.text(2) == "PD108")


def test_check_of_such_a_zip_opens_it_and_chooses_its_code_page_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Vetting and reading were two openings, and each chose the code page again by reading the
    ZIP's text files: a third of a second more for a package of a thousand files."""
    from designer import cli
    from designer.core import archive

    src = _many_icons_zip(tmp_path / "in.zip", [f"значок{i}.svg" for i in range(5)], "cp866")
    choices: list[str] = []
    opened: list[object] = []
    choose, open_zip = archive.choose_code_page, archive.open_zip
    monkeypatch.setattr(archive, "choose_code_page", lambda *a: choices.append("chosen") or choose(*a))
    monkeypatch.setattr(archive, "open_zip", lambda *a, **k: opened.append(a) or open_zip(*a, **k))
    assert cli.main(["check", str(src)]) == 0
    assert "(5 in all) are stored without the UTF-8 mark, in the code page of Russian Windows (cp866)" in (
        capsys.readouterr().out
    )
    assert (len(opened), choices) == (1, ["chosen"])


def test_a_zip_is_closed_when_refused_and_when_its_package_is_closed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The ZIP vetted stays open for the package it holds: one refused must not be left open (on
    Windows a file that cannot be deleted or replaced while the designer runs)."""
    from designer.core import archive
    from designer.core.files import NotAPackageError, locate

    opened: list[zipfile.ZipFile] = []
    open_zip = archive.open_zip
    monkeypatch.setattr(archive, "open_zip", lambda *a, **k: opened.append(open_zip(*a, **k)) or opened[-1])
    other = tmp_path / "other.zip"
    with zipfile.ZipFile(other, "w") as zf:
        zf.writestr("readme.txt", b"no branding here")
    with pytest.raises(NotAPackageError, match="holds no webapp2 branding"):
        locate(other)
    assert [zf.fp for zf in opened] == [None]
    src = _windows_zip(tmp_path / "in.zip", "иконка.svg", "иконка.svg".encode("cp866"))
    files = locate(src)
    assert files.read_bytes("plugins/hi/иконка.svg") == ICON
    files.close()
    assert [zf.fp for zf in opened] == [None, None]


@pytest.mark.parametrize("system", [10, 11, 14], ids=["NTFS", "NTFS-Info-ZIP-numbering", "VFAT"])
def test_a_zip_made_on_windows_ntfs_or_vfat_is_read_like_one_made_on_ms_dos(tmp_path: Path, system: int) -> None:
    """minizip-ng on Windows says "Windows NTFS" (10), old WinZip 11, Windows 95's file system VFAT (14):
    names without the UTF-8 flag are in the machine's code page there too, not refused as undecodable."""
    src = _windows_zip(tmp_path / "in.zip", "иконка.svg", "иконка.svg".encode("cp1251"), system=system)
    result = import_zip(src, tmp_path / "project")
    assert (result.webapp2 / "plugins" / "hi" / "иконка.svg").read_bytes() == ICON
    assert (result.legacy.code_page, result.legacy.basis) == ("cp1251", "referenced")
    [problem] = [p for p in run_checks(load(src)) if p.code == "PD108"]
    assert "in the Russian Windows code page cp1251: the package's own files name it so" in problem.message


@pytest.mark.parametrize("system", [3, 19], ids=["Unix", "macOS"])
def test_a_name_in_a_code_page_from_unix_or_macos_is_refused_naming_the_zip_entry(tmp_path: Path, system: int) -> None:
    src = _windows_zip(tmp_path / "in.zip", "иконка.svg", "иконка.svg".encode("cp1251"), system=system)
    with pytest.raises(ImportRefused) as err:
        import_zip(src, tmp_path / "project")
    assert str(err.value).startswith(
        "The entry 'webapp2/plugins/hi/\\xe8\\xea\\xee\\xed\\xea\\xe0.svg' has a name that is not UTF-8"
    )


@pytest.mark.parametrize("system", [10, 14], ids=["NTFS", "VFAT"])
def test_a_western_name_nothing_refers_to_in_a_zip_made_on_ntfs_is_read_in_the_windows_code_page(
    tmp_path: Path, system: int
) -> None:
    """minizip-ng stores the name as the program had it, in the Windows code page: 'café' is
    'caf\\xe9', which the DOS code page cp850 reads as 'cafÚ', letters too; the Windows one comes first."""
    src = _windows_zip(tmp_path / "in.zip", "hi.svg", "caf\u00e9.svg".encode("cp1252"), system=system)
    result = import_zip(src, tmp_path / "project")
    assert (result.legacy.code_page, result.legacy.basis) == ("cp1252", "plausible")
    assert (result.webapp2 / "plugins" / "hi" / "caf\u00e9.svg").read_bytes() == ICON


@pytest.mark.parametrize("stored", [b"..\\..\\..\\..\\hi.svg", b"../../../../hi.svg"], ids=["backslashes", "slashes"])
def test_a_unicode_path_field_cannot_hide_a_stored_name_that_points_outside_the_folder(
    tmp_path: Path, stored: bytes
) -> None:
    """The designer unpacks the entry under its Unicode Path field's name, but Python's zipfile and
    Explorer read the stored name: '../../../../hi.svg' behind a field saying 'hi.svg' passed the
    import and check, while those tools would write outside their folder."""
    src = _windows_zip(tmp_path / "in.zip", "hi.svg", stored, lambda full: _unicode_path(full, ICONS + "hi.svg"))
    with pytest.raises(ImportRefused, match=r"stored under the name 'webapp2/plugins/hi/\.\./\.\./\.\./\.\./hi\.svg'"):
        import_zip(src, tmp_path / "project")
    assert not (tmp_path / "project").exists()
    with pytest.raises(NotAPackageError, match="points outside the folder it is unpacked in"):
        load(src)


def test_a_japanese_name_with_a_unicode_path_field_still_imports_though_it_holds_a_backslash_byte(
    tmp_path: Path,
) -> None:
    """'ソ' is 0x83 0x5C in cp932: read as cp437 the stored name holds a backslash, a folder to other
    tools, but no '..': nothing to refuse."""
    raw = "ソソ.svg".encode("cp932")
    assert b"\\" in raw
    src = _windows_zip(tmp_path / "in.zip", "ソソ.svg", raw, lambda full: _unicode_path(full, ICONS + "ソソ.svg"))
    _round_trip(src, tmp_path, "ソソ.svg")


@pytest.mark.parametrize(
    ("stored", "typed"),
    [
        (b"caf?.svg", "caf\u00e9.svg"),  # the letter its code page lacks, as a '?'
        (b"cafe.svg", "caf\u00e9.svg"),  # transliterated
        (b"caf.svg", "caf\u00e9.svg"),  # dropped
        ("\u0438\u043a\u043e\u043d\u043a\u0430.svg".encode("cp866"), "\u0438\u043a\u043e\u043d\u043a\u0430.svg"),
    ],
)
def test_a_stored_name_that_only_loses_the_letters_its_code_page_lacks_is_said_nothing_of(
    tmp_path: Path, stored: bytes, typed: str
) -> None:
    src = _windows_zip(tmp_path / "in.zip", typed, stored, lambda full: _unicode_path(full, ICONS + typed))
    result = import_zip(src, tmp_path / "project")
    assert (result.webapp2 / "plugins" / "hi" / typed).read_bytes() == ICON
    assert (result.legacy.differing, result.differing_names_note()) == ((), "")


def test_a_stored_name_other_than_its_unicode_name_is_said_in_the_import_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Stored 'a.svg', Unicode field 'b.svg' (its CRC matching): the designer unpacks 'b.svg', while
    tools that do not read the field (Explorer, Python's zipfile, perhaps the Management Node)
    unpack 'a.svg'. Followed silently, the user never learnt that the ZIP names the file twice."""
    from designer import cli

    src = _windows_zip(tmp_path / "in.zip", "b.svg", b"a.svg", lambda full: _unicode_path(full, ICONS + "b.svg"))
    assert cli.main(["import", str(src), "-o", str(tmp_path / "project")]) == 0
    out = capsys.readouterr().out
    assert (tmp_path / "project" / ICONS / "b.svg").read_bytes() == ICON
    assert (
        "Note: The entry 'webapp2/plugins/hi/b.svg' (stored as 'webapp2/plugins/hi/a.svg') was named from the "
        "Unicode name the ZIP keeps beside the stored one, which is another name: other unzip tools, perhaps the "
        "Management Node, use the stored name." in out
    )
    assert cli.main(["import", "--json", str(src), "-o", str(tmp_path / "again")]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["differing_names"] == [{"name": "webapp2/plugins/hi/b.svg", "stored": "webapp2/plugins/hi/a.svg"}]
    assert doc["legacy_names"] is None  # (no name was read from a code page)
    plain = _windows_zip(tmp_path / "plain.zip", "hi.svg", b"hi.svg")
    assert cli.main(["import", "--json", str(plain), "-o", str(tmp_path / "plain")]) == 0
    assert json.loads(capsys.readouterr().out)["differing_names"] == []


def test_the_window_says_so_after_importing_a_zip_whose_stored_name_is_another(
    qtbot, window, tmp_path: Path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    src = _windows_zip(tmp_path / "in.zip", "b.svg", b"a.svg", lambda full: _unicode_path(full, ICONS + "b.svg"))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(src), ""))
    monkeypatch.setattr(
        "designer.gui.panes.new_project_dialog.ask_import_folder", lambda parent, source: tmp_path / "project"
    )
    window.findChild(type(window.save_action), "importZipAction").trigger()
    assert window.package.files.exists("plugins/hi/b.svg")
    assert "'webapp2/plugins/hi/b.svg' (stored as 'webapp2/plugins/hi/a.svg')" in window.status.text()


def test_how_names_read_is_judged_once_per_letter_not_once_per_letter_of_each_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A hostile ZIP of thousands of names of long runs of spaces with one accented letter: each
    code page looked at every character of every name in Python, a second of a `check`. Judged
    once per character, the choice is the same."""
    import unicodedata

    from designer.core import codepages

    looked_up: list[str] = []
    real = unicodedata.name

    class Counting:
        @staticmethod
        def name(c: str, default: str = "") -> str:
            looked_up.append(c)
            return real(c, default)

    monkeypatch.setattr(codepages, "unicodedata", Counting)
    names = [(" " * 200 + f"caf\u00e9{i}.svg").encode("cp437") for i in range(3000)]
    choice = codepages.choose_code_page(names, "")
    assert (choice.code_page, choice.basis) == ("cp437", "plausible")
    assert len(looked_up) <= 9 * 2  # (each code page: the one letter beyond ASCII it makes of the byte, once)


def test_check_of_a_zip_whose_stored_name_is_another_says_so_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Stored 'a.svg', Unicode field 'b.svg': only the import said that other unzip tools (perhaps
    the Management Node) read the stored name; `check` of the same ZIP, run before uploading it,
    said nothing. Now one PD109 for the ZIP, at the first such file, naming both names."""
    from designer import cli

    src = _windows_zip(tmp_path / "in.zip", "b.svg", b"a.svg", lambda full: _unicode_path(full, ICONS + "b.svg"))
    [problem] = [p for p in run_checks(load(src)) if p.code == "PD109"]
    assert (problem.severity.value, problem.file, problem.fix) == ("warning", "plugins/hi/b.svg", None)
    assert problem.message.startswith("The file 'plugins/hi/b.svg' (stored as 'plugins/hi/a.svg') is named by the ")
    assert "perhaps the Management Node, read the stored one" in problem.message
    assert cli.main(["check", str(src)]) == 0  # (a warning: the designer cannot know which name the node reads)
    out = capsys.readouterr().out
    assert f"{src}!webapp2/plugins/hi/b.svg: warning PD109 {problem.message}" in out.splitlines()
    # A stored name that only lost the letter its code page lacks is the same name: nothing to say.
    same = _windows_zip(
        tmp_path / "same.zip", "caf\u00e9.svg", b"caf?.svg", lambda full: _unicode_path(full, ICONS + "caf\u00e9.svg")
    )
    assert [p for p in run_checks(load(same)) if p.code == "PD109"] == []


def test_many_entries_stored_under_other_names_are_one_problem_naming_the_first_few(tmp_path: Path) -> None:
    src = tmp_path / "many.zip"
    files = {
        "settings.json": SETTINGS,
        "manifest.json": MANIFEST,
        "plugins/hi/hi.plugin.package.json": _package("hi.svg"),
        "plugins/hi/hi.plugin.js": SOURCE,
        "plugins/hi/hi.svg": ICON,
        **{f"plugins/hi/old{i}.svg": ICON for i in range(5)},
    }
    with zipfile.ZipFile(src, "w", zipfile.ZIP_STORED) as zf:
        for name, data in files.items():
            info = zipfile.ZipInfo("webapp2/" + name, (2024, 5, 6, 7, 8, 10))
            info.create_system = 0
            if "/old" in name:  # stored 'old0.svg', typed 'new0.svg'
                info.extra = _unicode_path(("webapp2/" + name).encode(), "webapp2/" + name.replace("old", "new"))
            zf.writestr(info, data)
    [problem] = [p for p in run_checks(load(src)) if p.code == "PD109"]
    assert problem.file == "plugins/hi/new0.svg"
    assert problem.message.startswith(
        "The files 'plugins/hi/new0.svg' (stored as 'plugins/hi/old0.svg'), 'plugins/hi/new1.svg' (stored as "
        "'plugins/hi/old1.svg'), 'plugins/hi/new2.svg' (stored as 'plugins/hi/old2.svg') and 2 more (5 in all) are "
        "named by the Unicode name"
    )
