"""How much slower are ``export`` and ``import`` than plain :mod:`zipfile` doing the same I/O?

Usage: ``python bench/export_speed.py [--rounds N] [--plugins N] [--json]``

A realistic 20-plugin package is generated with the generator of ``bench/check_speed.py``
(settings.json with other app settings, manifest.json, per plugin a package file, a 100-200 line
JavaScript source and 2-3 SVG icons). Then, in this process and in the same run:

* export: :func:`designer.core.export.export_package` on the project folder (load the package,
  run every check, rebuild settings.json and manifest.json, diff against the previous export,
  write the ZIP atomically, update the project) against a baseline that walks webapp2/ and
  writes every file into a ZIP with ``zipfile`` (deflate) and nothing else;
* import: :func:`designer.core.archive.import_zip` of the exported ZIP into a new folder (vet
  every entry, extract into a temporary folder counting bytes, rename into place, write the
  state) against ``zipfile.ZipFile.extractall`` of the same ZIP into a new folder.

Each round runs the operations once, in an order that rotates from round to round, after a
warm-up, so drifting machine load hits all of them alike. The figures are ratios of medians;
goals: export <= 1.2, import <= 1.5. The headline export starts without the analyses that
``jsanalysis`` remembers by content within a process, so it parses every source as a fresh CLI
process does. As a breakdown, the export with the checks' results passed in (the GUI has them
already), a second export in the same process (sources already analysed) and the export's ZIP
stage alone (writing an already planned export) are timed too: the checks (JavaScript parsing
above all) dominate the full export. The exit code is 0 whether or not the goals are met
(PASS/MISS is printed).
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
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from check_speed import generate  # noqa: E402

from designer.core import files, zipnames  # noqa: E402
from designer.core.archive import import_zip  # noqa: E402
from designer.core.checks import run_checks  # noqa: E402
from designer.core.export import export_package, plan_export, write_export  # noqa: E402
from designer.core.jsanalysis import forget_analyses  # noqa: E402
from designer.core.model import load  # noqa: E402

EXPORT_GOAL = 1.2
IMPORT_GOAL = 1.5


def plain_zip(web: Path, out: Path) -> None:
    """The baseline: every file of webapp2/ into a deflated ZIP, nothing else."""
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for dirpath, _dirs, files in os.walk(web):
            for name in files:
                full = os.path.join(dirpath, name)
                zf.write(full, "webapp2/" + os.path.relpath(full, web).replace(os.sep, "/"))


def like_a_fresh_process() -> None:
    """Forget what the core remembers within a process (the sources' analyses, the verdicts on
    file names and URLs), so that the headline export does every step as a one-off CLI run does."""
    forget_analyses()
    for remembered in (zipnames.excluded_why, zipnames.name_why, files.normalize, files._windows_part_problem):
        remembered.cache_clear()


def plain_extract(src: Path, target: Path) -> None:
    with zipfile.ZipFile(src) as zf:
        zf.extractall(target)


def measure(project: Path, work: Path, rounds: int, warmup: int = 3) -> dict[str, list[float]]:
    web = project / "webapp2"
    source_zip = work / "source.zip"
    export_package(project, source_zip)
    counter = 0
    times: dict[str, list[float]] = {
        k: [] for k in ("export", "zipfile", "import", "extractall", "export_no_checks", "export_warm", "zip_stage")
    }
    problems = run_checks(load(project))  # what the GUI passes: the window has just run the checks

    def next_path(kind: str) -> Path:
        nonlocal counter
        counter += 1
        return work / f"{kind}-{counter}"

    ops = {
        "export": lambda: export_package(project, next_path("export").with_suffix(".zip")),
        "zipfile": lambda: plain_zip(web, next_path("zipfile").with_suffix(".zip")),
        "import": lambda: import_zip(source_zip, next_path("import")),
        "extractall": lambda: plain_extract(source_zip, next_path("extract")),
        "export_no_checks": lambda: write_export(
            plan_export(load(project), problems=problems), next_path("export").with_suffix(".zip")
        ),
        "export_warm": lambda: export_package(project, next_path("export").with_suffix(".zip")),
    }
    # Untimed set-up before an operation. The headline export starts with nothing remembered
    # (analyses by content, name verdicts): it parses every source and judges every name, as the
    # CLI does in a fresh process. "export_warm" is the same call with them at hand, as a second export in
    # one session; for information only.
    prepare = {"export": like_a_fresh_process}
    names = list(ops)
    for r in range(warmup + rounds):
        order = names[r % len(names) :] + names[: r % len(names)]
        for name in order:
            if name in prepare:
                prepare[name]()
            t0 = time.perf_counter()
            ops[name]()
            dt = time.perf_counter() - t0
            if r >= warmup:
                times[name].append(dt)
        # The ZIP stage alone: an already planned export written to disk (not part of the headline).
        plan = plan_export(load(project))
        t0 = time.perf_counter()
        write_export(plan, next_path("stage").with_suffix(".zip"))
        if r >= warmup:
            times["zip_stage"].append(time.perf_counter() - t0)
        for p in work.iterdir():  # keep the folder small; the last export stays as the diff baseline
            if p.name.startswith(("import-", "extract-")):
                shutil.rmtree(p)
    return times


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=30)
    ap.add_argument("--plugins", type=int, default=20)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="export-bench-") as tmp:
        project = generate(Path(tmp) / "project", args.plugins)
        work = Path(tmp) / "work"
        work.mkdir()
        times = measure(project, work, args.rounds)
        files = sum(1 for p in (project / "webapp2").rglob("*") if p.is_file())
    med = {k: statistics.median(v) for k, v in times.items()}
    export_ratio = med["export"] / med["zipfile"]
    import_ratio = med["import"] / med["extractall"]
    stage_ratio = med["zip_stage"] / med["zipfile"]
    no_checks_ratio = med["export_no_checks"] / med["zipfile"]
    warm_ratio = med["export_warm"] / med["zipfile"]
    result = {
        "plugins": args.plugins,
        "files": files,
        "rounds": args.rounds,
        "median_ms": {k: round(v * 1000, 3) for k, v in med.items()},
        "export_ratio": round(export_ratio, 3),
        "import_ratio": round(import_ratio, 3),
        "zip_stage_ratio": round(stage_ratio, 3),
        "export_no_checks_ratio": round(no_checks_ratio, 3),
        "export_warm_ratio": round(warm_ratio, 3),
        "export_pass": export_ratio <= EXPORT_GOAL,
        "import_pass": import_ratio <= IMPORT_GOAL,
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    ms = result["median_ms"]
    print(f"package: {args.plugins} plugins, {files} files; {args.rounds} interleaved rounds, medians")
    print(
        f"export  {ms['export']:8.2f} ms  vs zipfile     {ms['zipfile']:8.2f} ms  ratio {export_ratio:5.2f}  "
        f"(goal <= {EXPORT_GOAL}) {'PASS' if result['export_pass'] else 'MISS'}"
    )
    print(
        f"import  {ms['import']:8.2f} ms  vs extractall  {ms['extractall']:8.2f} ms  ratio {import_ratio:5.2f}  "
        f"(goal <= {IMPORT_GOAL}) {'PASS' if result['import_pass'] else 'MISS'}"
    )
    print(
        f"  breakdown: export with the checks already run (as the GUI does) {ms['export_no_checks']:.2f} ms, "
        f"ratio {no_checks_ratio:.2f}; the ZIP stage alone {ms['zip_stage']:.2f} ms, ratio {stage_ratio:.2f}"
    )
    print(
        f"  a second export in the same session (sources already analysed, not the headline) "
        f"{ms['export_warm']:.2f} ms, ratio {warm_ratio:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
