"""A branding ZIP made with full paths: ``zip -r branding.zip /home/admin/Downloads/branding/webapp2``
(or 7-Zip's "Full pathnames") puts webapp2/ four folders deep.

Why: the import looked for webapp2/ at the top or one folder deeper only, and refused such a ZIP
saying it held "no webapp2/ folder", which was not true and left the administrator nowhere.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from test_windows_zips import FILES, _contents

from designer.core.archive import import_zip
from designer.core.checks import run_checks
from designer.core.export import export_package
from designer.core.model import load

DEEP = "home/admin/Downloads/branding/"


def _full_paths_zip(path: Path, files: dict[str, bytes], extra: dict[str, bytes] | None = None) -> Path:
    """As ``zip -r`` stores an absolute path: without its leading '/', every folder on the way an entry."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        parts = DEEP.split("/")[:-1]
        for i in range(len(parts)):
            zf.writestr("/".join(parts[: i + 1]) + "/", b"")
        for name, data in {**files, **(extra or {})}.items():
            zf.writestr(DEEP + name, data)
    return path


def test_a_zip_made_with_full_paths_imports_and_exports_byte_for_byte(tmp_path: Path) -> None:
    src = _full_paths_zip(tmp_path / "branding.zip", FILES, {"webapp1/x.css": b"a{}"})
    result = import_zip(src, tmp_path / "project")
    assert result.layout == f"webapp2/ found inside '{DEEP}'"
    for name, data in FILES.items():
        assert (result.target / name).read_bytes() == data, name
    assert result.carried == ["webapp1"]  # another app's folder beside it, as one folder deeper
    assert sorted(p.name for p in result.target.iterdir()) == [".plugin-designer", "webapp1", "webapp2"]
    exported = export_package(result.target, tmp_path / "out.zip")
    after = _contents(exported.path)
    assert sorted(after) == sorted([*FILES, "webapp1/x.css"])
    assert all(after[n] == d for n, d in FILES.items() if n != "webapp2/manifest.json")
    assert [c.path for c in exported.plan.changes] == ["webapp2/manifest.json"]


def test_a_zip_made_with_full_paths_opens_read_only(tmp_path: Path) -> None:
    pkg = load(_full_paths_zip(tmp_path / "branding.zip", FILES))
    assert [p.display_name for p in pkg.plugins] == ["Hi"] and run_checks(pkg) == []


def test_a_management_node_download_zipped_with_full_paths_is_one_too(tmp_path: Path) -> None:
    src = _full_paths_zip(tmp_path / "mn.zip", {"webapp2/themes/default/theme.css": b"a{}"})
    result = import_zip(src, tmp_path / "project")
    assert result.missing == ["settings.json", "manifest.json"]
    assert (result.webapp2 / "themes/default/theme.css").read_bytes() == b"a{}"
    assert result.carried == []
