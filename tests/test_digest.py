"""Digests made without OpenSSL give hashlib's values, and opening a package never loads it."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from conftest import ROOT

from designer.core.digest import blake2s, sha256


def test_the_digests_are_hashlibs() -> None:
    for data in (b"", b"abc", bytes(range(256)) * 300):
        assert sha256(data).hexdigest() == hashlib.sha256(data).hexdigest()
        assert blake2s(data).hexdigest() == hashlib.blake2s(data).hexdigest()
    incremental = sha256()
    incremental.update(b"ab")
    incremental.update(b"c")
    assert incremental.digest() == hashlib.sha256(b"abc").digest()


# Another project's crash copy is in the recovery folder: its name is a digest of a path, and
# looking for this project's used to import hashlib, and with it 3 MiB of OpenSSL, at every opening.
OPEN_AND_CHECK = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from designer.core.checks import run_checks
    from designer.core.model import load
    from designer.core.recovery import read_recovery, recovery_dir

    recovery_dir().mkdir(parents=True)
    (recovery_dir() / "0123456789abcdef0123.json").write_text("{}")
    pkg = load(Path(sys.argv[1]))
    assert read_recovery(pkg.root) is None
    run_checks(pkg)
    print("_hashlib" in sys.modules)
    """
)


def test_opening_and_checking_a_package_leaves_openssl_unloaded(example_project: Path, tmp_path: Path) -> None:
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"))
    proc = subprocess.run(
        [sys.executable, "-c", OPEN_AND_CHECK, str(example_project)], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "False"
