"""The benchmarks' own reporting (what they time is theirs to say; no timings are asserted here)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from conftest import ROOT


def test_the_check_benchmark_says_which_designer_it_times(tmp_path: Path) -> None:
    """bench/check_speed.py runs ``python -m designer`` outside the checkout: an editable install of
    another checkout is what gets timed unless PYTHONPATH says otherwise. The bench names the
    package it times (information only, not part of what it measures)."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from check_speed import measured_designer
    finally:
        sys.path.remove(str(ROOT / "bench"))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    assert Path(measured_designer(tmp_path, env)).resolve() == (ROOT / "designer").resolve()
