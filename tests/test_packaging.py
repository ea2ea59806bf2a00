"""The desktop build bundles what the app loads, and its desktop entry and icons are sound.

Why at CI time: a PyInstaller build takes a minute and 400 MB, so it runs only on request
(``PLUGIN_DESIGNER_BUILD_SMOKE=1 .ci/run``); these checks catch the usual breakages (a new
resource file not bundled, a Qt filter that drops a plugin we need, a broken icon) in
milliseconds, from the same lists the spec uses (packaging/spec_data.py).
"""

from __future__ import annotations

import configparser
import fnmatch
import json
import os
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path, PurePosixPath

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "packaging"))
import spec_data  # noqa: E402

SPEC = (ROOT / "packaging" / "plugin-designer.spec").read_text(encoding="utf-8")
ICON_SIZES = (16, 32, 48, 64, 128, 256)


def _runtime_files() -> set[str]:
    """Every file under resources/ and icons/ (what designer/core/resources.py can hand out)."""
    out = set()
    for top in spec_data.DATA_DIRS:
        for path in (ROOT / top).rglob("*"):
            rel = PurePosixPath(path.relative_to(ROOT).as_posix())
            if path.is_file() and not spec_data.is_junk(rel):
                out.add(str(rel))
    return out


def _bundled_files() -> set[str]:
    return {f"{dest}/{Path(src).name}" for src, dest in spec_data.data_files()}


def test_spec_bundles_every_resource_and_icon_file() -> None:
    assert "spec_data.data_files()" in SPEC, "the spec must take its data list from spec_data.py"
    runtime = _runtime_files()
    assert {"resources", "icons"} <= {f.split("/", 1)[0] for f in runtime}
    assert _bundled_files() == runtime
    for src, dest in spec_data.data_files():
        assert Path(src).is_file() and not Path(dest).is_absolute()


def test_junk_is_not_bundled() -> None:
    assert spec_data.is_junk(PurePosixPath("resources/__pycache__/x.pyc"))
    assert spec_data.is_junk(PurePosixPath("icons/.DS_Store"))
    assert not spec_data.is_junk(PurePosixPath("resources/schemas/settings.schema.json"))


def test_every_resource_the_code_names_is_bundled() -> None:
    """Literal ``resource("a", "b")`` calls in designer/ point at bundled files or folders."""
    bundled = _bundled_files()
    folders = {str(PurePosixPath(f).parent) for f in bundled}
    folders |= {str(p) for f in bundled for p in PurePosixPath(f).parents}
    found = 0
    for py in (ROOT / "designer").rglob("*.py"):
        for args in re.findall(r"\bresource\(([^()]*)\)", py.read_text(encoding="utf-8")):
            parts = []
            for arg in args.split(","):
                m = re.fullmatch(r"\s*[\"']([^\"']+)[\"']\s*", arg)
                if not m:
                    break  # a computed part: check the literal prefix
                parts.append(m.group(1))
            if parts:
                found += 1
                path = "/".join(["resources", *parts])
                assert path in bundled or path in folders, f"{py.relative_to(ROOT)}: resource({args}) is not bundled"
    assert found > 0


def test_frozen_layout_is_found_through_resources_py(tmp_path: Path) -> None:
    """Lay the data out as the bundle does (sys._MEIPASS) and run `check` against it there only."""
    meipass = tmp_path / "_internal"
    for src, dest in spec_data.data_files():
        (meipass / dest).mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, meipass / dest)
    code = (
        "import sys, json; sys._MEIPASS = sys.argv[1]\n"
        "from designer.core.resources import data_root, icons_dir, resource\n"
        "from designer.cli import main\n"
        "rc = main(['check', str(resource('examples', 'demo')), '--strict'])\n"
        "print(json.dumps({'root': str(data_root()), 'icons': str(icons_dir()), 'rc': rc}))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(meipass)], capture_output=True, text=True, cwd=tmp_path, timeout=120
    )
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result == {"root": str(meipass), "icons": str(meipass / "icons"), "rc": 0}


def _resources_selftest(meipass: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """The build's runtime hook asked for its resources self-test, with the bundle at ``meipass``."""
    code = (
        "import runpy, sys; sys._MEIPASS = sys.argv[1]\n"
        f"runpy.run_path({str(ROOT / 'packaging' / 'rthook_selftest.py')!r})\n"
        "print('the self-test did not run')\n"
    )
    env = {**os.environ, "PLUGIN_DESIGNER_SELFTEST": "resources", "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-c", code, str(meipass)], capture_output=True, text=True, cwd=tmp_path, timeout=120, env=env
    )


def test_resources_selftest_reads_every_kind_from_the_bundle_and_fails_on_a_missing_one(tmp_path: Path) -> None:
    """build.sh's smoke test runs the frozen binary with PLUGIN_DESIGNER_SELFTEST=resources: the
    commands it runs reach only some data folders, and a missing one (the built-in icons, the
    snippets) showed only in the GUI, as an empty gallery or no snippets."""
    meipass = tmp_path / "_internal"
    for src, dest in spec_data.data_files():
        (meipass / dest).mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, meipass / dest)
    out = _resources_selftest(meipass, tmp_path)
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout.startswith("resources ok: 3 schemas, ") and "84 built-in icons, 6 app icon sizes" in out.stdout
    shutil.rmtree(meipass / "resources" / "snippets")
    out = _resources_selftest(meipass, tmp_path)
    assert out.returncode == 1 and out.stdout.startswith("resources failed: "), out.stdout + out.stderr
    assert "snippet" in out.stdout  # (the snippets load as none when their file is missing)


def test_qt_filters_keep_what_the_app_uses() -> None:
    for path in spec_data.QT_KEEP:
        assert not spec_data.drop(path), f"{path} is needed but a QT_DROP pattern removes it"
    # Pattern matching works on real, mixed-case bundle paths.
    assert not spec_data.drop("PySide6/Qt/plugins/platforms/libqxcb.so")
    assert not spec_data.drop("PySide6/Qt/lib/libQt6WebEngineCore.so.6")
    assert not spec_data.drop("PySide6/Qt/translations/qtwebengine_locales/en-US.pak")
    assert not spec_data.drop("resources/examples/demo/webapp2/settings.json")
    assert not spec_data.drop("icons/app/plugin-designer-16.png")
    for gone in (
        "PySide6/Qt/qml/QtQuick/Controls/qmldir",
        "PySide6/Qt/plugins/platforms/libqwayland-egl.so",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/platforms/libqvnc.so",
        "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
        "PySide6/Qt/lib/libQt6Pdf.so.6",
        "PySide6/Qt/lib/libQt63DCore.so.6",
        "PySide6/Qt/lib/libQt6Multimedia.so.6",
        "PySide6/Qt/translations/qt_de.qm",
        "PySide6/Qt/translations/qtwebengine_locales/de.pak",
    ):
        assert spec_data.drop(gone), gone
    assert "PySide6.QtWebEngineCore" in spec_data.HIDDEN_IMPORTS
    assert "PySide6.QtWebEngineWidgets" in spec_data.HIDDEN_IMPORTS
    assert not {"PySide6.QtWidgets", "PySide6.QtSvg", "PySide6.QtWebEngineCore"} & set(spec_data.EXCLUDES)


def test_orphans_are_only_what_dropped_files_alone_link() -> None:
    links = {
        "gtk3.so": ["libgtk.so", "libQt6Gui.so.6"],
        "libgtk.so": ["libcairo.so"],
        "libcairo.so": [],
        "qxcb.so": ["libQt6Gui.so.6", "libX11.so.6"],
        "libQt6Gui.so.6": [],
        "libX11.so.6": [],
        "softokn3.so": ["libsqlite3.so"],  # loaded with dlopen: nothing links it
        "libsqlite3.so": [],
    }
    kept = [(name, name) for name in links if name != "gtk3.so"]
    dropped = [("gtk3.so", "gtk3.so")]
    assert spec_data.orphans(kept, dropped, links.__getitem__) == {"libgtk.so", "libcairo.so"}
    assert spec_data.orphans(kept, [], links.__getitem__) == set()


def test_spec_is_onedir_and_copies_the_version_metadata() -> None:
    assert "exclude_binaries=True" in SPEC and "COLLECT(" in SPEC, "onedir: EXE without binaries + COLLECT"
    m = re.search(r"copy_metadata\(\"([^\"]+)\"\)", SPEC)
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    name = re.search(r'(?m)^name = "([^"]+)"', pyproject)
    assert m and name and m.group(1) == name.group(1)


def test_wheel_carries_resources_where_resources_py_looks() -> None:
    tomllib = pytest.importorskip("tomllib")
    cfg = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    wheel = cfg["tool"]["hatch"]["build"]["targets"]["wheel"]
    for top in spec_data.DATA_DIRS:
        assert top in wheel["only-include"] and wheel["sources"].get(top) == f"designer/_data/{top}"
    assert "_data" in (ROOT / "designer" / "core" / "resources.py").read_text(encoding="utf-8")


def test_desktop_entry() -> None:
    path = ROOT / "packaging" / "plugin-designer.desktop"
    cp = configparser.ConfigParser(interpolation=None)
    cp.optionxform = str  # keys are case-sensitive
    cp.read(path, encoding="utf-8")
    entry = cp["Desktop Entry"]
    for key in ("Name", "Exec", "Icon", "Type", "Categories"):
        assert entry.get(key), f"{key} missing"
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == "plugin-designer"
    assert 'plugin-designer = "designer.cli:main"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert entry["Icon"] == "plugin-designer"
    assert (ROOT / "icons" / "app" / "plugin-designer.svg").is_file()
    assert entry["Categories"].endswith(";") and "Development" in entry["Categories"].split(";")
    validate = shutil.which("desktop-file-validate")
    if validate:
        out = subprocess.run([validate, str(path)], capture_output=True, text=True)
        assert out.returncode == 0 and not out.stdout.strip(), out.stdout + out.stderr


def _png_size(data: bytes) -> tuple[int, int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    length, kind = struct.unpack(">I4s", data[8:16])
    assert kind == b"IHDR" and length == 13
    width, height, _depth, colour = struct.unpack(">IIBB", data[16:26])
    return width, height, colour


@pytest.mark.parametrize("size", ICON_SIZES)
def test_app_icon_png(size: int) -> None:
    data = (ROOT / "icons" / "app" / f"plugin-designer-{size}.png").read_bytes()
    width, height, colour = _png_size(data)
    assert (width, height) == (size, size)
    assert colour == 6, "RGBA, so the rounded corners stay transparent"
    assert data.endswith(b"IEND\xaeB`\x82")


def test_app_icon_ico_holds_every_size() -> None:
    data = (ROOT / "icons" / "app" / "plugin-designer.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind, count) == (0, 1, len(ICON_SIZES))
    sizes = []
    for i in range(count):
        w, _h, _c, _r, _planes, _bpp, length, offset = struct.unpack("<BBBBHHII", data[6 + 16 * i : 22 + 16 * i])
        png = data[offset : offset + length]
        assert _png_size(png)[0] == (w or 256)
        sizes.append(w or 256)
    assert tuple(sizes) == ICON_SIZES


def test_app_icon_is_used_from_source(qapp) -> None:
    from designer.gui.app import app_icon

    icon = app_icon()
    assert not icon.isNull()
    assert sorted(s.width() for s in icon.availableSizes()) == list(ICON_SIZES)


def test_build_smoke_is_wired_into_ci_on_request() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"PLUGIN_DESIGNER_BUILD_SMOKE.*packaging/build\.sh", ci)
    assert os.access(ROOT / "packaging" / "build.sh", os.R_OK)


def test_sdist_carries_every_tracked_top_level_folder_and_file() -> None:
    """The sdist is the whole source: its own tests read .ci/run and docs/ (tests/test_readme.py),
    so an sdist without them failed three of its tests once unpacked."""
    tomllib = pytest.importorskip("tomllib")
    listed = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True)
    if listed.returncode != 0 or not listed.stdout:
        pytest.skip("not a git checkout (an unpacked sdist): nothing to compare with")
    tracked = {line.split("/", 1)[0] for line in listed.stdout.splitlines()}
    cfg = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    include = set(cfg["tool"]["hatch"]["build"]["targets"]["sdist"]["include"])
    assert tracked - {".gitignore"} - include == set()


# Junk a working tree collects in resources/ (and designer/): editor backups and locks, OS
# leftovers, Python caches, and the designer's own state when someone opened the example in place.
_JUNK_NAMES = (
    "resources/schemas/settings.schema.json~",
    "resources/schemas/.#settings.schema.json",
    "resources/snippets/.snippets.json.swp",
    "resources/recipes/x.bak",
    "resources/recipes/x.orig",
    "resources/recipes/#x#",
    "resources/Thumbs.db",
    "resources/desktop.ini",
    "resources/__MACOSX/x",
    "icons/.DS_Store",
    "icons/plugin-icons/.hidden.svg",
    "resources/examples/demo/.plugin-designer/state.json",
    "resources/__pycache__/x.cpython-311.pyc",
    "designer/core/zipnames.py~",
    "designer/core/.#zipnames.py",
    "designer/__pycache__/x.cpython-311.pyc",
)


def _gitignore_match(pattern: str, rel: str) -> bool:
    """Whether a gitignore pattern with no '/' inside (all hatchling's `exclude` list holds, but
    for the anchored '!/.ci/') matches ``rel`` or a folder above it."""
    parts = rel.split("/")
    if pattern.startswith("/"):
        return rel.startswith(pattern[1:].rstrip("/") + "/")
    if pattern.endswith("/"):
        return any(fnmatch.fnmatchcase(p, pattern[:-1]) for p in parts[:-1])
    return any(fnmatch.fnmatchcase(p, pattern) for p in parts)


def _hatch_excludes(rel: str, patterns: list[str]) -> bool:
    excluded = False
    for pattern in patterns:
        if pattern.startswith("#"):
            continue  # a comment, as in .gitignore
        pattern = pattern.removeprefix("\\")
        negated = pattern.startswith("!")
        if _gitignore_match(pattern.lstrip("!"), rel):
            excluded = not negated
    return excluded


def test_wheel_and_sdist_leave_out_what_the_export_leaves_out() -> None:
    """A wheel or sdist built from a working tree carried editor backups, Thumbs.db and the like
    from resources/ and designer/: resources/ went in by `force-include`, which hatchling copies
    whole, skipping every `exclude` pattern, and the sdist had no such list at all."""
    tomllib = pytest.importorskip("tomllib")
    from designer.core import zipnames

    cfg = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["hatch"]["build"]
    assert "force-include" not in cfg["targets"]["wheel"], "forced files skip `exclude`"
    assert cfg["targets"]["wheel"]["sources"] == {top: f"designer/_data/{top}" for top in spec_data.DATA_DIRS}
    assert "exclude" not in cfg["targets"]["wheel"] and "exclude" not in cfg["targets"]["sdist"]
    exclude = cfg["exclude"]
    assert set(zipnames.BACKUP_PATTERNS) <= {p.removeprefix("\\") for p in exclude}
    for name in _JUNK_NAMES:
        assert _hatch_excludes(name, exclude), name
    for name in zipnames.OS_CLUTTER_FILES:
        assert _hatch_excludes(f"resources/{name.capitalize()}", exclude), name
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True).stdout.splitlines()
    # (.gitignore: the sdist takes it whatever `exclude` says; the sdist's `include` does not list it)
    for rel in set(tracked or ["resources/schemas/settings.schema.json", ".ci/run"]) - {".gitignore"}:
        assert not _hatch_excludes(rel, exclude), f"{rel} is part of the source but `exclude` leaves it out"


def test_built_wheel_and_sdist_leave_junk_out(tmp_path: Path) -> None:
    """The real build (hatchling, where it is installed), of a copy of the tree with junk added."""
    pytest.importorskip("hatchling")
    src = tmp_path / "src"
    skip = shutil.ignore_patterns("__pycache__")
    for top in ("designer", *spec_data.DATA_DIRS):
        shutil.copytree(ROOT / top, src / top, ignore=skip)
    for name in ("pyproject.toml", "README.md", "LICENSE", ".gitignore"):
        shutil.copy2(ROOT / name, src / name)
    (src / ".ci").mkdir()
    shutil.copy2(ROOT / ".ci" / "run", src / ".ci" / "run")
    for name in _JUNK_NAMES:
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        (src / name).write_text("junk", encoding="utf-8")
    # Emacs's lock of a file being edited: a link to nowhere, on which the build stopped with
    # FileNotFoundError when resources/ went in whole (force-include).
    (src / "resources" / "schemas" / ".#manifest.schema.json").symlink_to("user@host.1234:1700000000")
    code = "from hatchling.build import build_sdist, build_wheel; build_sdist('out'); build_wheel('out')"
    out = subprocess.run([sys.executable, "-c", code], cwd=src, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    import tarfile
    import zipfile

    (wheel,) = (src / "out").glob("*.whl")
    (sdist,) = (src / "out").glob("*.tar.gz")
    in_wheel = set(zipfile.ZipFile(wheel).namelist())
    with tarfile.open(sdist) as tar:
        in_sdist = {name.split("/", 1)[1] for name in tar.getnames() if "/" in name}
    assert "designer/_data/resources/schemas/settings.schema.json" in in_wheel
    assert "designer/_data/icons/app/plugin-designer.svg" in in_wheel
    assert {"resources/schemas/settings.schema.json", ".ci/run"} <= in_sdist
    for name in _JUNK_NAMES:
        packaged = name.replace("resources/", "designer/_data/resources/", 1).replace(
            "icons/", "designer/_data/icons/", 1
        )
        assert packaged not in in_wheel, packaged
        assert name not in in_sdist, name


def test_spec_leaves_out_what_the_export_leaves_out() -> None:
    """A desktop build made from a working tree bundled editor backups and the example's
    .plugin-designer/ state: the spec's list was shorter than the export's (designer/core/zipnames.py)."""
    from designer.core import zipnames

    for name in _JUNK_NAMES:
        assert spec_data.is_junk(PurePosixPath(name)), name
    for rel in (pattern.replace("*", "x") for pattern in zipnames.BACKUP_PATTERNS):
        assert spec_data.is_junk(PurePosixPath("resources", rel)), rel
    for name in zipnames.OS_CLUTTER_FILES:
        assert spec_data.is_junk(PurePosixPath("icons", name.upper())), name
    assert not spec_data.is_junk(PurePosixPath("icons/plugin-icons/thumbs-up.svg"))
    assert not spec_data.is_junk(PurePosixPath("resources/examples/demo/webapp2/settings.json"))


def test_build_sh_reuse_venv_makes_a_half_made_build_venv_again(tmp_path: Path) -> None:
    """`build.sh --reuse-venv` after a build stopped while it made build/venv (bin/python there, no
    pip) said "No module named pip" on every run, until build/venv was deleted by hand."""
    checkout = tmp_path / "my checkout"
    (checkout / "packaging").mkdir(parents=True)
    shutil.copy2(ROOT / "packaging" / "build.sh", checkout / "packaging" / "build.sh")
    half = checkout / "build" / "venv" / "bin"
    half.mkdir(parents=True)
    (half / "python").write_text(
        '#!/bin/sh\n[ "$1 $2" = "-m pip" ] && { echo "No module named pip" >&2; exit 1; }\nexit 0\n'
    )
    (half / "python").chmod(0o755)
    # The system's Python: its `-m venv DIR` makes a venv whose pip works and whose PyInstaller fails.
    shims = tmp_path / "bin"
    shims.mkdir()
    venv_python = "#!/bin/sh\nexit 0\n"
    pyinstaller = "#!/bin/sh\necho pyinstaller ran >&2; exit 3\n"
    system = (
        "#!/bin/sh\n"
        '[ "$1" = -c ] && exit 0\n'
        'if [ "$1 $2" = "-m venv" ]; then mkdir -p "$3/bin"\n'
        f"  printf '%s' '{venv_python}' >\"$3/bin/python\"; printf '%s' '{pyinstaller}' >\"$3/bin/pyinstaller\"\n"
        '  chmod +x "$3/bin/python" "$3/bin/pyinstaller"; fi\n'
    )
    for name in ("python3.13", "python3.12", "python3.11", "python3.10", "python3"):
        (shims / name).write_text(system)
        (shims / name).chmod(0o755)
    env = {**os.environ, "PATH": f"{shims}:{os.environ['PATH']}"}
    out = subprocess.run(
        ["bash", "packaging/build.sh", "--reuse-venv"],
        cwd=checkout,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "No module named pip" not in out.stderr
    assert "creating a clean build venv" in out.stderr and "pyinstaller ran" in out.stderr
