"""How fast the preview follows edits, and what opening it costs in memory.

Measures, on a copy of the example package, offscreen:
- form edit -> the new label in the preview's page (ms and 60 Hz frames; goal <= 1 frame);
- source edit -> plugins restarted in a fresh page (goal <= 0.5 s; includes the 400 ms pause
  the preview waits for typing to stop);
- resident memory of the window alone, then with the preview open (this process plus
  Chromium's helper processes).

    .venv/bin/python bench/preview.py [--rounds 10] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
FRAME_MS = 1000 / 60


def _rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _descendants(pid: int) -> list[int]:
    out = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return out
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/children") as fh:
                kids = [int(x) for x in fh.read().split()]
        except OSError:
            continue
        for kid in kids:
            out += [kid, *_descendants(kid)]
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    from designer.gui.app import make_app

    app = make_app()
    from designer.gui.main_window import MainWindow

    folder = Path(tempfile.mkdtemp(prefix="preview-bench-"))
    project = folder / "example"
    shutil.copytree(ROOT / "resources" / "examples" / "demo", project)
    win = MainWindow()
    win.resize(1400, 860)
    win.show()
    win.open_path(project)

    def spin_until(test, timeout: float = 10.0) -> float:
        start = time.perf_counter()
        while not test():
            app.processEvents()
            if time.perf_counter() - start > timeout:
                raise TimeoutError("the preview did not answer")
        return time.perf_counter() - start

    for _ in range(20):
        app.processEvents()
    before = _rss_kib(os.getpid())
    win.show_preview()
    pane = win.preview_pane
    started = {"n": 0}
    pane.page.sig_event.connect(lambda e: e.get("type") == "started" and started.__setitem__("n", started["n"] + 1))
    spin_until(lambda: started["n"] >= 1)
    for _ in range(50):
        app.processEvents()
    after = _rss_kib(os.getpid())
    helpers = sum(_rss_kib(pid) for pid in _descendants(os.getpid()))

    def dom_label() -> str:
        box: dict[str, str] = {}
        pane.page.runJavaScript(
            "(document.querySelector('[data-kind=conference]') || {dataset: {}}).dataset.label || ''",
            0,
            lambda v: box.__setitem__("v", v),
        )
        spin_until(lambda: "v" in box)
        return box["v"]

    form_ms = []
    for i in range(args.rounds):
        label = f"Meeting information {i}"

        def set_label(pkg, label=label) -> None:
            pkg.plugin_by_id("meeting-info").package.menu_items["conference"][0].label = label

        t0 = time.perf_counter()
        win.editor.edit("label", set_label)
        spin_until(lambda label=label: dom_label() == label)
        form_ms.append((time.perf_counter() - t0) * 1000)

    plugin = win.package.plugin_by_id("lock-toggle")
    src = plugin.source_path
    reload_s = []
    for i in range(max(3, args.rounds // 3)):
        n = started["n"]
        text = win.package.read_text(src) + f"\n// edit {i}\n"
        t0 = time.perf_counter()
        win.editor.edit("source", lambda pkg, text=text: pkg.pending_texts.__setitem__(src, text))
        spin_until(lambda n=n: started["n"] > n)
        reload_s.append(time.perf_counter() - t0)

    result = {
        "form_edit_ms": round(statistics.median(form_ms), 1),
        "form_edit_frames": round(statistics.median(form_ms) / FRAME_MS, 2),
        "source_to_reloaded_s": round(statistics.median(reload_s), 3),
        "rss_window_mib": round(before / 1024, 1),
        "rss_extra_main_mib": round((after - before) / 1024, 1),
        "rss_helpers_mib": round(helpers / 1024, 1),
    }
    win.editor.undo_stack.setClean()
    win.close()
    import shiboken6

    shiboken6.delete(win)
    shutil.rmtree(folder, ignore_errors=True)
    if args.json:
        print(json.dumps(result))
    else:
        print(
            f"preview: form edit -> page {result['form_edit_ms']} ms = {result['form_edit_frames']} frames (goal <= 1)\n"
            f"preview: source edit -> plugins restarted {result['source_to_reloaded_s']} s (goal <= 0.5)\n"
            f"preview: RSS window {result['rss_window_mib']} MiB, +{result['rss_extra_main_mib']} MiB in this process "
            f"and {result['rss_helpers_mib']} MiB in Chromium's helpers with the preview open"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
