"""The test suite leaves nothing that breaks a later pytest run on the same machine.

Why: a test of folders nested a thousand levels deep that failed left them in its temporary
folder; a later session (anyone's, of any tests: it was seen after the export tests) removed that
old folder with shutil.rmtree at its end and stopped with a RecursionError after all its tests had
passed, and the next runs did not (pytest leaves the half-removed folder alone), so it looked like
a flaky test. conftest's ``_no_folders_too_deep_for_pytest_to_remove`` prevents it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from conftest import ROOT

from designer.core.files import remove_tree


def test_a_test_that_leaves_folders_a_thousand_deep_leaves_them_removable(tmp_path: Path) -> None:
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "test_deep.py").write_text(
        textwrap.dedent(
            """
            import os

            def test_leaves_them(tmp_path):
                path = str(tmp_path)
                for _ in range(1100):
                    path = os.path.join(path, "a")
                    os.mkdir(path)
                open(os.path.join(path, "x.txt"), "w").close()
            """
        )
    )
    temproot = tmp_path / "temproot"  # the session's own pytest-of-<user>/pytest-N folders go here
    temproot.mkdir()
    env = dict(
        os.environ, PYTEST_DEBUG_TEMPROOT=str(temproot), PYTHONPATH=os.pathsep.join([str(ROOT), str(ROOT / "tests")])
    )
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "conftest", "test_deep.py"]
    try:
        run = subprocess.run(command, cwd=inner, env=env, capture_output=True, text=True, timeout=300)
        assert run.returncode == 0, run.stdout + run.stderr
        [session] = temproot.glob("pytest-of-*/pytest-[0-9]*")
        assert (session / "test_leaves_them0").is_dir()  # kept for a look, as pytest keeps it
        shutil.rmtree(temproot)  # what pytest does to it at the end of a later session
    finally:
        if temproot.exists():
            remove_tree(temproot)
