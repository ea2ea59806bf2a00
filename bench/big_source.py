"""Big JavaScript files in the main window: the longest stall of each step a user takes.

Makes three copies of the bundled demo project, each with its first plugin's source grown into a
big file: a 100,000-line library (about 4 MB), a 2 MB minified one on one line, and a 10,000-line
file with a 50,000-character line in the middle. For each it opens a MainWindow (offscreen) and
prints the longest gap of a timer ticking every 5 ms (see bench/many_problems.py) while the user:
opens the project, selects the plugin, shows its source, scrolls to the end (Ctrl+End) and back
(Ctrl+Home), types 20 characters in the middle, replaces all of one word (the find bar), waits
for the checks and the problem markers, switches to another plugin's source and back, and closes
the project (the window). Goal: no step above 100 ms.

Run: python bench/big_source.py [--json] [--only NAME]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from benchkit import library, private_scratch  # noqa: E402

SCRATCH = private_scratch("big-source-bench-")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

GOAL_MS = 100
STEPS = (
    "open project",
    "select plugin",
    "show source",
    "Ctrl+End",
    "Ctrl+Home",
    "type 20 chars",
    "replace all",
    "checks + markers",
    "other plugin",
    "back to source",
    "close project",
)


def minified(size: int) -> str:
    """About ``size`` characters of minified code on one line."""
    unit = (
        "function h{i}(participant){{var b=[1,2,{i}],c={{k:'v(',n:b[0]}};"
        "return participant.uuid+'/mute'+c.k+`t${{b[1]}}`}}"
    )
    parts = []
    total = i = 0
    while total < size:
        s = unit.format(i=i)
        parts.append(s)
        total += len(s)
        i += 1
    return "!function(){" + ";".join(parts) + "}();\n"


def files() -> dict[str, str]:
    long_line = "var data='" + "x" * 50_000 + "';"
    mid = (library(10_000) + "\n").split("\n")
    mid.insert(5_000, long_line)
    return {
        "100k lines": library(100_000) + "\n",
        "2 MB one line": minified(2_000_000),
        "50k-char line": "\n".join(mid),
    }


def project_with(name: str, big: str) -> tuple[Path, str, str]:
    """A copy of the demo project whose first plugin's source ends with ``big``; its file and another's."""
    project = SCRATCH / name.replace(" ", "_") / "demo"
    shutil.copytree(ROOT / "resources" / "examples" / "demo", project)
    root = project / "webapp2"
    rels = sorted(p.relative_to(root).as_posix() for p in root.rglob("*.plugin.js"))
    path = root / rels[0]
    path.write_text(path.read_text(encoding="utf-8") + big, encoding="utf-8")
    return root, rels[0], rels[1]


def measure(root: Path, rel: str, other: str, word: str) -> dict[str, float]:
    from many_problems import Stalls

    from designer.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    stalls = Stalls(app)
    window = MainWindow()
    window.resize(1400, 900)
    window.show()
    stalls.spin(1.0)  # the window's own start (and _warm_editor) are not this bench's
    out: dict[str, float] = {}

    def settled() -> None:
        """Until the checks (and a worker's parse) are done: part of the step that started them."""
        while window.source_analysis is not None or window._recheck.isActive():
            stalls.spin(0.05)

    def step(key: str, action, settle: float = 0.6) -> None:
        out[key] = stalls.step(lambda: action(), settle)
        if key != "close project":
            out[key] = max(out[key], stalls.step(settled, 0.1))

    def item(kind: str, value: object):
        return window._find_tree_item(window.tree.topLevelItem(0), (kind, value))

    step("open project", lambda: window.open_path(root, ask=False), 1.0)
    step("select plugin", lambda: window.tree.setCurrentItem(item("plugin", 0)))
    step("show source", lambda: window.tree.setCurrentItem(item("file", rel)), 1.0)
    editor = window.source_editor
    assert editor.documentTitle() == rel
    while not editor.colouring_done():
        stalls.spin(0.05)
    editor.setFocus()
    ctrl = Qt.KeyboardModifier.ControlModifier
    step("Ctrl+End", lambda: QTest.keyClick(editor, Qt.Key.Key_End, ctrl))
    step("Ctrl+Home", lambda: QTest.keyClick(editor, Qt.Key.Key_Home, ctrl))

    def type_middle() -> None:
        cursor = editor.textCursor()
        middle = editor.document().findBlockByNumber(editor.blockCount() // 2)
        cursor.setPosition(middle.position() + min(40, middle.length() - 1) if middle.length() > 1 else 0)
        editor.setTextCursor(cursor)
        for ch in "let typed = 12345;  ":
            QTest.keyClicks(editor, ch)
            app.processEvents()

    step("type 20 chars", type_middle, 1.0)
    bar = window.source_pane.find_bar

    def replace_all() -> None:
        bar.open(True)
        bar.find_edit.setText(word)
        bar.replace_edit.setText(word + "X")
        assert bar.replace_all() > 0

    step("replace all", replace_all, 1.0)
    bar.close_bar()
    out["checks + markers"] = stalls.step(lambda: (window._recheck.start(), settled()), 1.0)
    step("other plugin", lambda: window.tree.setCurrentItem(item("file", other)))
    step("back to source", lambda: window.tree.setCurrentItem(item("file", rel)), 1.0)
    window.editor.undo_stack.setClean()  # nothing to ask about when it closes
    step("close project", window.close, 1.0)
    window.deleteLater()
    stalls.spin(0.3)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--only", help="measure only this file (one of the table's columns)")
    args = ap.parse_args(argv)
    words = {"100k lines": "participant", "2 MB one line": "participant", "50k-char line": "participant"}
    table: dict[str, dict[str, float]] = {}
    try:
        for name, big in files().items():
            if args.only and args.only != name:
                continue
            root, rel, other = project_with(name, big)
            table[name] = measure(root, rel, other, words[name])
    finally:
        shutil.rmtree(SCRATCH, ignore_errors=True)
    if args.json:
        print(json.dumps({k: {s: round(v, 1) for s, v in row.items()} for k, row in table.items()}))
        return 0
    names = list(table)
    print("longest stall (ms) per step".ljust(22) + "".join(f"{n:>16}" for n in names))
    for s in STEPS:
        print(f"  {s:20s}" + "".join(f"{table[n][s]:16.0f}" for n in names))
    worst = max(v for row in table.values() for v in row.values())
    print(f"worst: {worst:.0f} ms (goal <= {GOAL_MS} ms: {'PASS' if worst <= GOAL_MS else 'MISS'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
