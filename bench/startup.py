"""Time to first paint and memory of the designer, against a bare PySide6 window in the same run.

Why a ratio: absolute milliseconds depend on the machine and its load; what the designer
controls is how much it adds to Qt's own start-up. Each round starts two fresh processes
(interleaved, so a busy moment hurts both) and measures from spawn to the first paint event of
the main window, plus the resident memory once it is ready (for the designer: the example
package open and checked, and the hidden source editor built by the warm-up that follows 0.6 s
later, so the figure is what the window holds while the user reads it, not a moment before).

What the instrument must not add. The first paint is watched on the main window itself: Qt
paints a window before its children, so its first paint event is the first paint of any widget
in it, and a filter on the whole application would see every event of every child, over a
thousand while the designer's window is built and laid out, each one a Python call and wrappers
(and Qt types) the app itself never makes: about 15 ms and 2 MiB of the instrument's, counted as
the designer's. The filter comes off after the first paint. The children keep their compiled
bytecode (under .bench-config/, with the settings and recovery folder of their own), as an
installed app does: a process that compiles the designer's modules on every start measures the
compiler, not the app.

    .venv/bin/python bench/startup.py [--rounds 15] [--json]

Goals (issue "Designer window"): time ratio <= 1.3, memory ratio <= 1.5.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "resources" / "examples" / "demo"

_REPORT = r"""
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

def _rss_kib():
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0

def _report_when(ready):
    # Memory is taken once the window is fully ready (for the designer: the package open, warmed up).
    if ready():
        sys.stdout.write(f"ready {_rss_kib()}\n")
        sys.stdout.flush()
        QApplication.instance().quit()
    else:
        QTimer.singleShot(5, lambda: _report_when(ready))

class _FirstPaint(QObject):
    def __init__(self, ready):
        super().__init__()
        self.ready = ready
        self.done = False

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            sys.stdout.write("painted\n")
            sys.stdout.flush()
            obj.removeEventFilter(self)  # its job is done: no cost after it
            QTimer.singleShot(0, lambda: _report_when(self.ready))
        return False
"""

BASELINE = (
    _REPORT
    + r"""
from PySide6.QtWidgets import QMainWindow
app = QApplication(sys.argv[:1])
spy = _FirstPaint(lambda: True)
win = QMainWindow()
win.installEventFilter(spy)
win.resize(1200, 760)
win.show()
app.exec()
"""
)

DESIGNER = (
    _REPORT
    + r"""
from designer.gui.app import make_app, start
app = make_app()
win = start(sys.argv[1])  # builds and shows the window; it paints once the event loop runs
spy = _FirstPaint(lambda: win.package is not None and win.source_pane is not None)
win.installEventFilter(spy)  # its first paint: the window as the user first sees it
app.exec()
"""
)


def _once(code: str, *args: str) -> tuple[float, int]:
    config = ROOT / ".bench-config"
    # Settings and crash-recovery copies of the bench's own, not the machine user's.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(config), XDG_DATA_HOME=str(config / "data"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # bytecode is compiled once (the warm-up run), as installed
    env["PYTHONPYCACHEPREFIX"] = str(config / "pycache")  # kept out of the source tree
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
        env=env,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - start
    ready = proc.stdout.readline()
    proc.wait(timeout=60)
    if not line.startswith("painted") or not ready.startswith("ready"):
        raise SystemExit(f"startup bench: the child never painted or never got ready (exit {proc.returncode})")
    return elapsed, int(ready.split()[1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    _once(BASELINE)  # warm the disk cache for both
    _once(DESIGNER, str(EXAMPLE))
    base_t, base_m, ours_t, ours_m = [], [], [], []
    for _ in range(args.rounds):
        t, m = _once(BASELINE)
        base_t.append(t)
        base_m.append(m)
        t, m = _once(DESIGNER, str(EXAMPLE))
        ours_t.append(t)
        ours_m.append(m)
    bt, ot = statistics.median(base_t), statistics.median(ours_t)
    bm, om = statistics.median(base_m), statistics.median(ours_m)
    result = {
        "time_ratio": round(ot / bt, 3),
        "rss_ratio": round(om / bm, 3),
        "designer_ms": round(ot * 1000, 1),
        "baseline_ms": round(bt * 1000, 1),
        "designer_rss_mib": round(om / 1024, 1),
        "baseline_rss_mib": round(bm / 1024, 1),
        "rounds": args.rounds,
        "time_goal": 1.3,
        "rss_goal": 1.5,
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        verdict_t = "PASS" if result["time_ratio"] <= 1.3 else "MISS"
        verdict_m = "PASS" if result["rss_ratio"] <= 1.5 else "MISS"
        print(
            f"startup: time ratio {result['time_ratio']:.2f} (designer {result['designer_ms']} ms, bare window "
            f"{result['baseline_ms']} ms, median of {args.rounds}) goal <= 1.3 {verdict_t}"
        )
        print(
            f"startup: memory ratio {result['rss_ratio']:.2f} (designer {result['designer_rss_mib']} MiB, bare window "
            f"{result['baseline_rss_mib']} MiB) goal <= 1.5 {verdict_m}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
