"""Administrators who do not write English or Latin letters: Japanese, Russian, Arabic (right to
left) and Greek names for plugins, menu items, icon files and project folders, from `new` to the
exported ZIP and back, and in the designer's forms, preview and Problems list."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import ROOT

from designer.cli import main

CAFE = "Cafe\u0301 ☕"  # a combining acute, as a Mac keyboard types it, and an emoji
NAMES = ["Запись встречи", "会議を録音", "تسجيل الاجتماع", "Ηχογράφηση συνάντησης", CAFE]


def _new_project(tmp_path: Path) -> Path:
    """A project folder named in Cyrillic, with one plugin per name of :data:`NAMES`."""
    project = tmp_path / "проект встречи"
    for name in NAMES:
        assert main(["new", str(project), "--name", name]) == 0, name
    return project


def test_plugins_named_in_other_scripts_each_get_their_own_readable_folder(tmp_path: Path, capsys) -> None:
    """'Запись встречи' and '会議を録音' both made the id 'plugin': the second `new` was refused
    ("the plugin 'Запись встречи' has the id 'plugin'"), and the suggested '会議を録音 2' made 'plugin-2'."""
    project = _new_project(tmp_path)
    folders = sorted(p.name for p in (project / "webapp2/plugins").iterdir())
    assert "zapis-vstrechi" in folders and "ichografisi-synantisis" in folders and "cafe" in folders
    assert len(folders) == len(NAMES) and "plugin" not in folders
    # The names themselves are kept as typed, byte for byte (the combining accent too).
    names = {
        json.loads(p.read_bytes().decode("utf-8"))["name"]
        for p in (project / "webapp2/plugins").glob("*/*.plugin.package.json")
    }
    assert names == set(NAMES)
    assert "plugin 'Запись встречи'" in capsys.readouterr().out


def test_check_json_is_utf8_and_export_and_import_keep_names_and_file_names(tmp_path: Path) -> None:
    """`check --json` is read by scripts: it must be UTF-8 JSON with the names as typed; the ZIP
    must carry the names and a file named in Japanese with the ZIP's UTF-8 flag, so that the
    Management Node and unzip tools read the same name back."""
    project = _new_project(tmp_path)
    package_file = next(
        p for p in (project / "webapp2/plugins").glob("*/*.plugin.package.json") if "会議を録音" in p.read_text("utf-8")
    )
    folder = package_file.parent
    (folder / "icon.svg").rename(folder / "録音.svg")
    package_file.write_bytes(package_file.read_bytes().replace(b'"icon.svg#icon"', '"録音.svg#icon"'.encode()))
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "ascii"}  # not the terminal's encoding
    out = subprocess.run(
        [sys.executable, "-m", "designer", "check", "--json", str(project)], capture_output=True, env=env, timeout=120
    )
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout.decode("utf-8"))
    assert report["package"].endswith("проект встречи/webapp2") and report["summary"]["plugins"] == len(NAMES)

    zip_path = tmp_path / "экспорт.zip"
    assert main(["export", "-o", str(zip_path), str(project)]) == 0
    with zipfile.ZipFile(zip_path) as z:
        info = z.getinfo(f"webapp2/plugins/{folder.name}/録音.svg")
        assert info.flag_bits & 0x800
        for p in (project / "webapp2/plugins").glob("*/*"):
            assert z.read(p.relative_to(project).as_posix()) == p.read_bytes()
    assert main(["import", str(zip_path), "-o", str(tmp_path / "импорт")]) == 0
    again = tmp_path / "импорт/webapp2/plugins" / folder.name / "録音.svg"
    assert again.read_bytes() == (folder / "録音.svg").read_bytes()
