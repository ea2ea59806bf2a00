"""The README promises things; these tests keep the promises true."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT

from designer.core.problems import CODES
from designer.core.schemas import generate_fast_module

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_code_table_is_current() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    from update_readme_codes import updated

    assert updated(README) == README, "run: python scripts/update_readme_codes.py"
    for code in CODES:
        assert f"| {code} |" in README


def test_quick_start_has_exactly_two_commands_and_ci_runs_the_test_one() -> None:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", section, re.S)
    assert block is not None
    commands = [line.split("#", 1)[0].strip() for line in block.group(1).splitlines() if line.strip()]
    assert commands == ["bash scripts/dev.sh open", "bash scripts/dev.sh test"]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash scripts/dev.sh test" in ci


def test_screenshot_exists() -> None:
    m = re.search(r"!\[[^\]]*\]\(([^)]+)\)", README)
    assert m is not None
    png = ROOT / m.group(1)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_compiled_schema_validators_are_current() -> None:
    current = (ROOT / "designer" / "core" / "_schema_fast.py").read_text(encoding="utf-8")
    assert current == generate_fast_module(), "run: python -m designer.core.schemas"


def test_readme_example_output_is_what_check_prints(tmp_path) -> None:
    """The console example in the README is real output of the checker on that input."""
    import shutil

    shutil.copytree(ROOT / "tests" / "fixtures" / "base", tmp_path / "my-branding")
    s = tmp_path / "my-branding" / "webapp2" / "settings.json"
    s.write_text(s.read_text().replace('"enabled": true', '"enabled": true,'))
    out = subprocess.run(
        [sys.executable, "-m", "designer", "check", "my-branding/"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),  # this checkout's designer, not an installed one
    )
    example = re.search(r"```console\n\$ plugin-designer check my-branding/\n(.*?)```", README, re.S)
    assert example is not None
    assert out.stdout + out.stderr == example.group(1)


def test_every_key_of_check_json_is_documented(tmp_path) -> None:
    """A script author reads the README, not the code: each key `check --json` prints is named there."""
    import json
    import shutil

    shutil.copytree(ROOT / "tests" / "fixtures" / "base", tmp_path / "p")
    s = tmp_path / "p" / "webapp2" / "settings.json"
    # (a slip with no one-click fix, so that --fix leaves a problem whose keys are shown too)
    s.write_text(s.read_text().replace('"enabled": true', '"enabled": tru'))
    out = subprocess.run(
        [sys.executable, "-m", "designer", "check", "--json", "--fix", "p"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    data = json.loads(out.stdout)
    assert data["problems"], out.stdout
    paragraph = README.split("`--json` prints", 1)[1].split("\n\n", 1)[0]
    keys = set(data) | {k for p in data["problems"] for k in p}
    assert sorted(k for k in keys if f"`{k}`" not in paragraph and f'"{k}"' not in paragraph) == []


def test_readme_screenshots_show_a_project_in_the_home_folder_not_a_temporary_one(qapp, tmp_path) -> None:
    """The README pictures' status bar names the project as a user's would be ('~/my-branding'),
    never the random /tmp folder the script copied it to; the settings and HOME are left as found."""
    import os
    import tempfile

    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QImage

    from designer.gui.app import RECENT_KEY

    sys.path.insert(0, str(ROOT / "scripts"))
    from readme_screenshot import render

    home, recent = os.environ.get("HOME"), QSettings().value(RECENT_KEY)
    shown = render(tmp_path)
    assert shown["screenshot.png"] == "Opened ~/my-branding/webapp2: 3 plugins, 1 error"
    for name, status in shown.items():
        assert tempfile.gettempdir() not in status, name
        assert QImage(str(tmp_path / name)).width() == 1280
    assert os.environ.get("HOME") == home and QSettings().value(RECENT_KEY) == recent


def _shim(folder, name: str, script: str) -> None:
    path = folder / name
    path.write_text("#!/bin/sh\n" + script + "\n", encoding="utf-8")
    path.chmod(0o755)


def _installed(checkout) -> None:
    """Mark the checkout's .venv as installed into, as dev.sh does after a successful install."""
    stamp = subprocess.run(["sha256sum", "pyproject.toml"], cwd=checkout, capture_output=True, text=True)
    (checkout / ".venv" / ".installed").write_text(
        f"{stamp.stdout[:16]} {(checkout / '.venv').resolve()}\n", encoding="utf-8"
    )


def test_quick_start_open_as_a_user_prints_one_apt_get_line(tmp_path) -> None:
    """The README: "as a user it prints the one apt-get line to run if something is missing". `open`
    printed two: one for Qt's libraries (in setup), then one for the X11 ones, each "run: sudo ..."."""
    checkout = tmp_path / "checkout"
    (checkout / "scripts").mkdir(parents=True)
    (checkout / "scripts" / "dev.sh").write_bytes((ROOT / "scripts" / "dev.sh").read_bytes())
    (checkout / "pyproject.toml").write_bytes((ROOT / "pyproject.toml").read_bytes())
    venv_bin = checkout / ".venv" / "bin"
    venv_bin.mkdir(parents=True)
    _shim(venv_bin, "python", 'exec python3 "$@"')
    _shim(venv_bin, "plugin-designer", "exit 0")  # (the designer itself is not what is tested)
    _installed(checkout)
    shims = tmp_path / "bin"
    shims.mkdir()
    _shim(shims, "id", "echo 1000")  # a user, not root
    _shim(shims, "dpkg", "exit 1")  # a fresh machine: every system package missing
    _shim(shims, "apt-get", "exit 0")
    _shim(shims, "sudo", 'exec "$@"')
    env = {**os.environ, "PATH": f"{shims}:{os.environ['PATH']}", "DISPLAY": ":0"}
    env.pop("WAYLAND_DISPLAY", None)
    out = subprocess.run(["bash", "scripts/dev.sh", "open"], cwd=checkout, env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    lines = [line for line in out.stderr.splitlines() if "run: sudo apt-get install" in line]
    assert len(lines) == 1, out.stderr
    for package in ("libegl1", "libnss3", "libxcb-cursor0", "libxkbcommon-x11-0"):  # Qt's and X11's
        assert f" {package}" in lines[0]


def test_dev_sh_test_takes_a_test_file_named_from_where_it_is_run(tmp_path) -> None:
    """`bash ../scripts/dev.sh test test_model.py` in tests/ said "file or directory not found":
    the script runs pytest from the checkout, so a path given from elsewhere (as `open PATH` takes
    one) now reaches pytest as the file meant; options, their values and node ids pass as typed."""
    checkout = tmp_path / "checkout"
    (checkout / "scripts").mkdir(parents=True)
    (checkout / "tests").mkdir()
    (checkout / "tests" / "test_x.py").write_text("", encoding="utf-8")
    (checkout / "scripts" / "dev.sh").write_bytes((ROOT / "scripts" / "dev.sh").read_bytes())
    (checkout / "pyproject.toml").write_bytes((ROOT / "pyproject.toml").read_bytes())
    venv_bin = checkout / ".venv" / "bin"
    venv_bin.mkdir(parents=True)
    _shim(venv_bin, "python", 'for a in "$@"; do echo "$a"; done')  # (pytest's arguments, one a line)
    _installed(checkout)
    shims = tmp_path / "bin"
    shims.mkdir()
    _shim(shims, "dpkg", "exit 0")  # every system package there
    env = {**os.environ, "PATH": f"{shims}:{os.environ['PATH']}"}
    (checkout / "tests" / "model").mkdir()  # (a folder named as the -k value: still a keyword)
    args = ["test_x.py::test_a", "-k", "model", "-q"]
    out = subprocess.run(
        ["bash", "../scripts/dev.sh", "test", *args], cwd=checkout / "tests", env=env, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == ["-m", "pytest", f"{checkout}/tests/test_x.py::test_a", "-k", "model", "-q"]


# A venv's Python as `venv` makes it: its pip records what it is asked to do and succeeds.
_VENV_PYTHON = 'if [ "$1 $2" = "-m pip" ]; then echo "$*" >>"$(dirname "$0")/../pip.log"; fi\nexit 0'


def _fresh_machine(
    tmp_path, *, venv_module: bool = True, user: bool = False, debian: bool = True
) -> tuple[object, dict]:
    """A checkout holding scripts/dev.sh, and the environment of a machine whose only Python is a
    stand-in (on PATH under every name dev.sh tries): dpkg, apt-get and id are shims, and PATH
    holds nothing else but the few tools the script runs (no sudo, no real Python)."""
    checkout = tmp_path / "my checkout"
    (checkout / "scripts").mkdir(parents=True)
    (checkout / "scripts" / "dev.sh").write_bytes((ROOT / "scripts" / "dev.sh").read_bytes())
    (checkout / "pyproject.toml").write_bytes((ROOT / "pyproject.toml").read_bytes())
    (tmp_path / "venv-python").write_text("#!/bin/sh\n" + _VENV_PYTHON + "\n", encoding="utf-8")
    shims = tmp_path / "bin"
    shims.mkdir(exist_ok=True)
    for tool in ("dirname", "sha256sum", "cut", "cat", "rm", "mkdir", "cp", "chmod", "uname", "sed", "tr"):
        target = shutil.which(tool)
        assert target, tool
        if not (shims / tool).exists():
            (shims / tool).symlink_to(target)
    _system_python(tmp_path, venv_module=venv_module)
    _shim(shims, "id", "echo 1000" if user else "echo 0")
    if debian:
        _shim(
            shims,
            "dpkg",
            'case "$2" in *t64) exit 1 ;; esac' if venv_module else 'case "$2" in *venv | *t64) exit 1 ;; esac',
        )
        _shim(shims, "apt-get", "exit 0")
    return checkout, {**os.environ, "PATH": str(shims)}


def _system_python(tmp_path, *, venv_module: bool, venv_error: str = "") -> None:
    """The system's Python; without venv_module, its `-m venv` fails as Debian's does without
    python3-venv (no ensurepip): after making bin/python, saying ensurepip is not available.
    With venv_error, `-m venv` fails with that message, ensurepip there."""
    # (a bin/python already there is kept, even a link to a Python that is gone, as `venv` keeps it)
    venv = f'mkdir -p "$3/bin" && {{ [ -L "$3/bin/python" ] || {{ cp "{tmp_path}/venv-python" "$3/bin/python" && chmod +x "$3/bin/python"; }}; }}'
    if not venv_module:
        venv_error = "The virtual environment was not created successfully because ensurepip is not available."
    if venv_error:
        venv += f"\necho '{venv_error}' >&2; exit 1"
    no_ensurepip = "" if venv_module else "*ensurepip*) exit 1 ;; "
    script = (
        f'if [ "$1" = -c ]; then case "$2" in {no_ensurepip}*print*) echo 3.11 ;; esac; exit 0; fi\n'
        f'if [ "$1 $2" = "-m venv" ]; then\n{venv}\nfi'
    )
    for name in ("python3.13", "python3.12", "python3.11", "python3.10", "python3"):
        _shim(tmp_path / "bin", name, script)


def _dev_sh(checkout, env, *args: str) -> subprocess.CompletedProcess[str]:
    bash = shutil.which("bash")
    return subprocess.run(
        [bash, str(checkout / "scripts" / "dev.sh"), *args],
        cwd=checkout.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_dev_sh_makes_a_half_made_venv_again(tmp_path) -> None:
    """A first run stopped while `venv` ran left .venv/bin/python without pip: every later run
    stopped at "No module named pip", until the user found .venv and deleted it."""
    checkout, env = _fresh_machine(tmp_path)
    half = checkout / ".venv" / "bin"
    half.mkdir(parents=True)
    _shim(half, "python", 'if [ "$1 $2" = "-m pip" ]; then echo "No module named pip" >&2; exit 1; fi')
    out = _dev_sh(checkout, env, "setup")
    assert out.returncode == 0, out.stderr
    assert "half made" in out.stderr
    log = (checkout / ".venv" / "pip.log").read_text(encoding="utf-8")
    assert "-m pip install -q --disable-pip-version-check -e .[test]" in log
    assert (checkout / ".venv" / ".installed").is_file()
    again = _dev_sh(checkout, env, "setup")  # (installed: nothing done again)
    assert again.returncode == 0 and "half made" not in again.stderr and "installing" not in again.stderr
    assert (checkout / ".venv" / "pip.log").read_text(encoding="utf-8") == log


def test_dev_sh_without_python3_venv_says_what_to_install_and_leaves_no_half_venv(tmp_path) -> None:
    """A user on a machine without python3-venv: told the apt-get line, and then, once it was run,
    the next run stopped at "No module named pip" (the failed `venv` had left .venv/bin/python)."""
    checkout, env = _fresh_machine(tmp_path, venv_module=False, user=True)
    out = _dev_sh(checkout, env, "setup")
    assert out.returncode == 2, out.stderr
    assert "apt-get install -y --no-install-recommends python3-venv python3.11-venv" in out.stderr
    assert "(Debian, Ubuntu: the python3-venv package); install it, then run this again" in out.stderr.splitlines()[-1]
    assert not (checkout / ".venv").exists()
    _system_python(tmp_path, venv_module=True)  # (the user installs python3-venv)
    out = _dev_sh(checkout, env, "setup")
    assert out.returncode == 0, out.stderr
    assert "-e .[test]" in (checkout / ".venv" / "pip.log").read_text(encoding="utf-8")


def test_dev_sh_as_a_user_without_sudo_says_to_run_apt_get_as_root(tmp_path) -> None:
    """The line to run began with "sudo", which a Debian installed with a root password lacks."""
    checkout, env = _fresh_machine(tmp_path, venv_module=False, user=True)
    out = _dev_sh(checkout, env, "setup")
    assert "run as root (there is no sudo here): apt-get install -y" in out.stderr
    assert "sudo apt-get" not in out.stderr
    _shim(tmp_path / "bin", "sudo", 'exec "$@"')
    out = _dev_sh(checkout, env, "setup")
    assert "run: sudo apt-get install -y --no-install-recommends python3-venv python3.11-venv" in out.stderr


def test_dev_sh_installs_again_into_a_venv_whose_python_is_gone(tmp_path) -> None:
    """After a system upgrade took .venv's Python (3.11 to 3.12), dev.sh made the venv again over
    what was left: `venv` kept the link to the Python that was gone, the stamp still said
    "installed", and every run ended in "bad interpreter" (or, fixed by hand, no packages)."""
    checkout, env = _fresh_machine(tmp_path)
    bin_dir = checkout / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / "python").symlink_to("/usr/bin/python3.0-gone")
    _installed(checkout)
    out = _dev_sh(checkout, env, "setup")
    assert out.returncode == 0, out.stderr
    assert "-e .[test]" in (checkout / ".venv" / "pip.log").read_text(encoding="utf-8")


def test_dev_sh_installs_again_when_the_checkout_moved(tmp_path) -> None:
    """After moving (or renaming) the checkout, `open` said ".../old/.venv/bin/python: not found":
    the programs pip put in .venv/bin name their Python by the path it had at install time."""
    checkout, env = _fresh_machine(tmp_path)
    assert _dev_sh(checkout, env, "setup").returncode == 0
    moved = checkout.rename(tmp_path / "moved here")
    out = _dev_sh(moved, env, "setup")
    assert out.returncode == 0, out.stderr
    log = (moved / ".venv" / "pip.log").read_text(encoding="utf-8")
    assert log.count("-e .[test]") == 2
    assert _dev_sh(moved, env, "setup").returncode == 0
    assert (moved / ".venv" / "pip.log").read_text(encoding="utf-8") == log


def test_dev_sh_on_a_machine_without_dpkg_lists_no_debian_packages(tmp_path) -> None:
    """On macOS (or Fedora) every run said "missing system packages: libegl1 libgl1 ... (install them
    with your package manager)": all of Qt's Debian packages, none of which such a machine has by that name."""
    checkout, env = _fresh_machine(tmp_path, debian=False)
    for mode in ("setup", "test"):
        out = _dev_sh(checkout, env, mode)
        assert out.returncode == 0, out.stderr
        assert "missing" not in out.stderr and "libegl1" not in out.stderr


def test_dev_sh_run_with_sh_says_to_run_it_with_bash(tmp_path) -> None:
    """`sh scripts/dev.sh open` (dash, on Debian and Ubuntu) said only "set: Illegal option -o pipefail"."""
    dash = shutil.which("dash")
    if dash is None:
        pytest.skip("no dash here")
    checkout, env = _fresh_machine(tmp_path)
    out = subprocess.run([dash, "scripts/dev.sh", "open"], cwd=checkout, env=env, capture_output=True, text=True)
    assert out.returncode == 2
    assert out.stderr == "[plugin-designer] this script needs bash: bash scripts/dev.sh open\n"


# apt-cache on Ubuntu 24.04: libasound2 is only a virtual package there (nothing shown, yet exit 0);
# libasound2t64 and libglib2.0-0t64 are real, no other "t64" name is.
_NOBLE_APT_CACHE = """for p in "$@"; do
  case "$p" in
    --* | libasound2) ;;
    libasound2t64 | libglib2.0-0t64) echo "Package: $p" ;;
    *t64) ;;
    *) echo "Package: $p" ;;
  esac
done"""


def test_dev_sh_on_ubuntu_24_04_names_the_t64_libraries(tmp_path) -> None:
    """On Ubuntu 24.04 libasound2 is libasound2t64: a user was told on every run that libasound2 was
    missing, it being installed, and to run "sudo apt-get install ... libasound2", which fails there
    ("no installation candidate"); as root that same install stopped the script."""
    checkout, env = _fresh_machine(tmp_path, user=True)
    shims = tmp_path / "bin"
    _shim(shims, "apt-cache", _NOBLE_APT_CACHE)
    _shim(shims, "dpkg", '[ "$2" = libasound2 ] && exit 1; exit 0')  # (libasound2t64 is installed)
    out = _dev_sh(checkout, env, "setup")
    assert out.returncode == 0, out.stderr
    assert "missing" not in out.stderr
    _shim(shims, "dpkg", "exit 1")  # a fresh machine: nothing installed
    out = _dev_sh(checkout, env, "setup")
    (line,) = [line for line in out.stderr.splitlines() if "apt-get install" in line]
    assert " libasound2t64 " in line and " libglib2.0-0t64 " in line and " libnss3 " in line
    assert " libasound2 " not in line and " libglib2.0-0 " not in line
    _shim(shims, "id", "echo 0")  # as root: installs them
    _shim(shims, "apt-get", f'echo "$*" >>"{tmp_path}/apt.log"')
    out = _dev_sh(checkout, env, "setup")
    assert out.returncode == 0, out.stderr
    installs = [
        line for line in (tmp_path / "apt.log").read_text(encoding="utf-8").splitlines() if line.startswith("install ")
    ]
    assert len(installs) == 1 and " libasound2t64 " in installs[0] and " libasound2 " not in installs[0]


def test_dev_sh_checkouts_sharing_one_venv_through_a_link_do_not_install_in_turn(tmp_path) -> None:
    """Two checkouts whose .venv is a link to one venv: each run from the other reinstalled."""
    checkout, env = _fresh_machine(tmp_path)
    assert _dev_sh(checkout, env, "setup").returncode == 0
    other = tmp_path / "other checkout"
    shutil.copytree(checkout / "scripts", other / "scripts")
    shutil.copy2(checkout / "pyproject.toml", other / "pyproject.toml")
    (other / ".venv").symlink_to(checkout / ".venv")
    log = (checkout / ".venv" / "pip.log").read_text(encoding="utf-8")
    for place in (other, checkout, other):
        out = _dev_sh(place, env, "setup")
        assert out.returncode == 0 and "installing" not in out.stderr, out.stderr
    assert (checkout / ".venv" / "pip.log").read_text(encoding="utf-8") == log


def test_dev_sh_as_root_waits_for_unattended_upgrades_to_free_dpkg(tmp_path) -> None:
    """As root on a machine just started, where unattended-upgrades held dpkg's lock, the install of
    Qt's libraries failed at once and stopped the script: apt-get is now told to wait for the lock."""
    checkout, env = _fresh_machine(tmp_path)
    shims = tmp_path / "bin"
    _shim(shims, "dpkg", 'case "$2" in libnss3 | *t64) exit 1 ;; esac')
    _shim(shims, "apt-cache", 'for p in "$@"; do [ "$p" = libnss3 ] && echo "Package: $p"; done; exit 0')
    busy = "E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 812 (unattended-upgr)"
    _shim(
        shims,
        "apt-get",
        f'[ "$1" = update ] && exit 0\ncase "$*" in *DPkg::Lock::Timeout=*) echo "$*" >"{tmp_path}/apt.log"; exit 0 ;; esac\n'
        f'echo "{busy}" >&2; exit 100',
    )
    out = _dev_sh(checkout, env, "setup")
    assert out.returncode == 0, out.stderr
    assert "libnss3" in (tmp_path / "apt.log").read_text(encoding="utf-8")


def test_dev_sh_blames_python3_venv_only_when_it_is_missing(tmp_path) -> None:
    """A venv that could not be made for another cause (a checkout one may not write to) was said
    to lack the python3-venv package, which was installed."""
    checkout, env = _fresh_machine(tmp_path, user=True)
    denied = f"Error: [Errno 13] Permission denied: {checkout}/.venv"
    _system_python(tmp_path, venv_module=True, venv_error=denied)
    out = _dev_sh(checkout, env, "setup")
    assert out.returncode == 2
    assert denied in out.stderr and "python3-venv" not in out.stderr
    assert out.stderr.splitlines()[-1].endswith("with python3.13 (why: just above)")


def test_dev_sh_open_with_no_screen_and_no_xvfb_says_so_instead_of_an_invisible_window(tmp_path) -> None:
    """Over SSH without a screen, as a user on a machine without Xvfb, `open` started the designer
    offscreen, where nobody could see it, and the terminal waited until Ctrl+C: it now says why
    it cannot show the window, what to do, and how to check a project without one (exit 2)."""
    checkout, env = _fresh_machine(tmp_path, user=True)
    venv_bin = checkout / ".venv" / "bin"
    venv_bin.mkdir(parents=True)
    _shim(venv_bin, "python", "exit 0")
    _shim(venv_bin, "plugin-designer", f'echo started >"{tmp_path}/started"')
    _installed(checkout)
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(name, None)
    out = _dev_sh(checkout, env, "open")
    assert out.returncode == 2, out.stderr
    assert not (tmp_path / "started").exists(), "the designer must not start where nobody sees it"
    last = out.stderr.splitlines()[-1]
    assert "cannot show the designer's window" in last and "Xvfb" in last
    assert "plugin-designer check" in last


def _owners(folder) -> set[int]:
    """The owners of ``folder`` and of everything in it (links themselves, not what they point to)."""
    owners = {os.lstat(folder).st_uid}
    for parent, dirs, files in os.walk(folder):
        owners |= {os.lstat(os.path.join(parent, name)).st_uid for name in dirs + files}
    return owners


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="giving files away takes root")
def test_dev_sh_through_sudo_gives_what_it_makes_back_to_the_checkouts_owner(tmp_path) -> None:
    """`sudo bash scripts/dev.sh setup` in a user's checkout left .venv root's: that user's next
    run stopped at "Permission denied" as pip installed into it. What a run through sudo makes in
    the checkout (.venv, a test run's caches) now goes back to the checkout's owner; run as root
    without sudo, or through sudo in a checkout of someone else, it stays root's as before.
    (The owner is a number no user has: nothing on the machine changes.)"""
    checkout, env = _fresh_machine(tmp_path)
    for tool in ("find", "chown", "stat"):
        (tmp_path / "bin" / tool).symlink_to(shutil.which(tool))
    for name in ("SUDO_USER", "SUDO_UID", "SUDO_GID", "SUDO_COMMAND"):
        env.pop(name, None)
    owner = 54321
    for parent, dirs, files in os.walk(checkout):
        for name in [".", *dirs, *files]:
            os.lchown(os.path.join(parent, name), owner, owner)
    sudo = {**env, "SUDO_USER": "someone", "SUDO_UID": str(owner), "SUDO_GID": str(owner)}
    out = _dev_sh(checkout, sudo, "setup")
    assert out.returncode == 0, out.stderr
    assert (checkout / ".venv" / ".installed").is_file()
    assert _owners(checkout) == {owner}
    _shim(checkout / ".venv" / "bin", "python", "mkdir -p .pytest_cache && echo >.pytest_cache/README.md; exit 5")
    out = _dev_sh(checkout, sudo, "test")
    assert out.returncode == 5, out.stderr  # (pytest's own exit status, as when exec'd)
    assert _owners(checkout) == {owner}
    shutil.rmtree(checkout / ".venv")
    out = _dev_sh(checkout, env, "setup")  # as root, no sudo
    assert out.returncode == 0, out.stderr
    assert _owners(checkout / ".venv") == {0}
    shutil.rmtree(checkout / ".venv")
    out = _dev_sh(checkout, {**sudo, "SUDO_UID": str(owner + 1)}, "setup")  # someone else's checkout
    assert out.returncode == 0, out.stderr
    assert _owners(checkout / ".venv") == {0}
