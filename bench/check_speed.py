"""How much slower is ``plugin-designer check`` than merely parsing the package's files?

Usage: ``python bench/check_speed.py [--rounds N] [--json] [--plugins N] [--inherit-env] [--generate DIR]``

The script writes a realistic, deterministic 20-plugin branding package into a temporary folder
(settings.json with other app settings, manifest.json, and per plugin a package file with every
key of SPEC section 2, a JavaScript source of 100-200 lines and 2-3 SVG icons, some of them
``<symbol>`` sprites) and asserts that ``check`` finds no error in it. Then it times, in the same
run and with the same interpreter (``sys.executable``):

* baseline: a process that reads every ``.json`` file and parses it with :mod:`json`, and reads
  every ``.svg`` file and parses it with ``lxml.etree`` (safe parser), and does nothing else;
* candidate: ``python -m designer check DIR`` (the headline figure) and the console script
  ``plugin-designer check DIR`` beside the interpreter, when it exists;
* for information only, ``baseline_js``: the baseline plus a tree-sitter parse of every ``.js``
  file, since ``check`` analyses the plugin sources too. It is not the goal's baseline, but the
  like-for-like one: ``check`` cannot skip the JavaScript parse, and on this package that parse
  alone takes about half of what the goal allows over the baseline.

Bytecode: every process runs with a fresh ``PYTHONPYCACHEPREFIX`` in the temporary folder and
without ``PYTHONDONTWRITEBYTECODE``, so after the warm-up all of them import cached bytecode, as an
installed copy does (pip compiles it at install time). Without that, an environment that sets
PYTHONDONTWRITEBYTECODE makes ``check`` recompile the designer's own modules on every run while the
baseline (stdlib and lxml only) does not. ``--inherit-env`` measures with the environment as is.

Runs are interleaved (each round runs every command once, in an order that rotates from round to
round) after a warm-up, so drifting machine load hits all of them alike. The headline figure is
the ratio of the medians of ``check`` and ``baseline``; the goal is <= 1.3 (PASS/MISS). The
like-for-like figure, ``check`` against ``baseline_js``, is printed beside it, clearly labelled,
and never decides PASS/MISS. ``--json`` gives both: ``ratio`` (the headline) and
``ratio_like_for_like`` (null without tree-sitter; ``ratio_vs_baseline_js`` is the same number
under its older name). The exit code is 0 whether the goal is met or not; it is 1 only when the
generated package does not check clean or a timed command fails.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GOAL = 1.3
SEED = 20240611

# The baseline process: find the files, parse each JSON with json and each SVG with lxml. Nothing else.
BASELINE_CODE = """\
import json, os, sys
from lxml import etree
parser = etree.XMLParser(resolve_entities=False, no_network=True)
for dirpath, dirnames, filenames in os.walk(sys.argv[1]):
    for name in filenames:
        path = os.path.join(dirpath, name)
        if name.endswith(".json"):
            with open(path, "rb") as fh:
                json.loads(fh.read().decode("utf-8"))
        elif name.endswith(".svg"):
            with open(path, "rb") as fh:
                etree.fromstring(fh.read(), parser)
"""

# For information only (not the goal's baseline): the same, plus parsing every .js file with
# tree-sitter, which `check` does too since it analyses plugin sources. It shows how much of the
# gap is the JavaScript parse itself.
BASELINE_JS_CODE = BASELINE_CODE.replace(
    "from lxml import etree\n",
    "from lxml import etree\n"
    "from tree_sitter import Language, Parser\n"
    "import tree_sitter_javascript\n"
    "js_parser = Parser(Language(tree_sitter_javascript.language()))\n",
) + (
    "        elif name.endswith('.js'):\n"
    "            with open(path, 'rb') as fh:\n"
    "                js_parser.parse(fh.read())\n"
)

# -- the generated package -------------------------------------------------------------------

_THEMES = [
    ("lock", "Lock meeting", "conference", ["/lock", "/unlock"]),
    ("mute-guests", "Mute all guests", "conference", ["/muteguests", "/unmuteguests"]),
    ("layout", "Change layout", "toolbar", ["/transform_layout"]),
    ("spotlight", "Spotlight speaker", "participants", ["/participants/{uuid}/spotlighton"]),
    ("buzz", "Lower hand", "participants", ["/participants/{uuid}/clearbuzz"]),
    ("chat-bot", "Chat helper", "toolbar", ["/message"]),
    ("dial-out", "Dial out", "conference", []),
    ("transfer", "Transfer participant", "participants", ["/participants/{uuid}/transfer"]),
    ("overlay", "Overlay text", "participants", ["/participants/{uuid}/overlaytext"]),
    ("guests-unmute", "Guests can unmute", "conference", ["/set_guests_can_unmute"]),
]
_VERBS = ["toggle", "show", "open", "start", "stop", "send", "apply", "reset"]
_NOUNS = ["Panel", "Status", "Dialog", "Layout", "Request", "Message", "Timer", "Summary"]
_SHAPES = [
    '<path d="M12 2a5 5 0 0 1 5 5v3h1a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2v-8a2 2 0 0 1 2-2h1V7a5 5 0 0 1 5-5z"/>',
    '<rect x="3" y="5" width="18" height="14" rx="2"/><path d="M3 9h18M9 9v10"/>',
    '<circle cx="12" cy="8" r="4"/><path d="M4 21c0-4.4 3.6-8 8-8s8 3.6 8 8z"/>',
    '<path d="M4 4h16v12H7l-3 3z"/><path d="M8 8h8M8 12h5" stroke="currentColor" fill="none"/>',
    '<path d="M12 3v10.6a4 4 0 1 0 2 3.4V7h4V3z"/>',
    '<polygon points="12,2 15,9 22,9 16.5,13.5 18.5,21 12,16.5 5.5,21 7.5,13.5 2,9 9,9"/>',
]


def _svg_root(icon_id: str, shape: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" id="{icon_id}" viewBox="0 0 24 24" width="24" height="24" '
        f'fill="currentColor">\n    <title>{icon_id}</title>\n    {shape}\n</svg>\n'
    )


def _svg_sprite(ids: list[str], shapes: list[str]) -> str:
    symbols = "\n".join(
        f'    <symbol id="{i}" viewBox="0 0 24 24">\n        <g fill="currentColor">{s}</g>\n    </symbol>'
        for i, s in zip(ids, shapes, strict=True)
    )
    return f'<svg xmlns="http://www.w3.org/2000/svg" style="display:none">\n{symbols}\n</svg>\n'


def _js_source(pid: str, actions: list[str], requests: list[str], rng: random.Random, uses_state: bool) -> str:
    lines = [
        f"// {pid}: generated for the check speed benchmark.",
        "// Everything sits inside this wrapper so nothing leaks into the rest of the app.",
        "(function () {",
        "    'use strict';",
        "",
        "    var subscriptions = [];",
        "    var participants = [];",
        "    var conference = {};",
    ]
    if uses_state:
        lines.append("    var state$ = window.PEX.pluginAPI.createNewState({});")
    lines.append("")
    # Helpers pad the file to a realistic size (100-200 lines).
    for h in range(rng.randint(3, 8)):
        name = f"{rng.choice(_VERBS)}{rng.choice(_NOUNS)}{h}"
        lines += [
            f"    // Helper {h}: keeps the plugin's bookkeeping in one place.",
            f"    function {name}(value, options) {{",
            "        var opts = options || {};",
            "        if (!value) {",
            f"            console.log('{pid}: {name} called without a value');",
            "            return null;",
            "        }",
            "        var result = Object.assign({}, opts, { value: value, at: Date.now() });",
            "        participants.forEach(function (p) {",
            "            if (p && p.uuid === value.uuid) {",
            "                result.name = p.name;",
            "                result.role = p.role;",
            "            }",
            "        });",
            "        return result;",
            "    }",
            "",
        ]
    lines += [
        "    function load(participants$, conferenceDetails$) {",
        "        subscriptions.push(participants$.subscribe(function (list) {",
        "            participants = list || [];",
        "        }));",
        "        subscriptions.push(conferenceDetails$.subscribe(function (details) {",
        "            conference = details || {};",
        "        }));",
    ]
    if uses_state:
        lines.append("        state$.next({ icon: null, label: null });")
    lines += ["    }", ""]
    for a in actions:
        req = rng.choice(requests) if requests else None
        lines += [f"    function {a}(target) {{"]
        if req:
            path = req.replace("{uuid}", "' + target.uuid + '")
            lines += [
                f"        window.PEX.pluginAPI.sendRequest('{path}')",
                "            .then(function (response) {",
                f"                console.log('{pid}: {a} answered', response && response.result);",
                "            })",
                "            .catch(function (error) {",
                f"                console.warn('{pid}: {a} failed', error);",
                "            });",
            ]
        else:
            lines += [
                "        window.PEX.pluginAPI.openTemplateDialog({",
                f"            title: '{pid}',",
                "            body: '<div class=\"dialog-content\">' + (conference.locked ? 'Locked' : 'Open') + '</div>'",
                "        });",
            ]
        lines += ["    }", ""]
    lines += [
        "    function unload() {",
        "        subscriptions.forEach(function (subscription) {",
        "            subscription.unsubscribe();",
        "        });",
        "        subscriptions = [];",
        "    }",
        "",
        "    window.PEX.pluginAPI.registerPlugin({",
        f"        id: '{pid}',",
        "        load: load,",
        "        unload: unload,",
    ]
    lines += [f"        {a}: {a}," for a in actions]
    if uses_state:
        lines.append("        state$: state$")
    else:
        lines[-1] = lines[-1].rstrip(",")
    lines += ["    });", "})();", ""]
    return "\n".join(lines)


def generate(root: Path, n_plugins: int = 20, seed: int = SEED) -> Path:
    """Write the benchmark package under ``root/webapp2``; same seed, same bytes."""
    rng = random.Random(seed)
    web = root / "webapp2"
    (web / "plugins").mkdir(parents=True, exist_ok=True)
    entries = []
    for k in range(n_plugins):
        theme, title, section, requests = _THEMES[k % len(_THEMES)]
        pid = f"{theme}-{k + 1:02d}"
        folder = web / "plugins" / pid
        folder.mkdir(exist_ok=True)
        n_items = rng.randint(1, 3)
        n_icons = rng.randint(2, 3)
        sprite = k % 4 == 3
        icon_ids = [f"{theme}-{j}" for j in range(n_icons)]
        shapes = rng.sample(_SHAPES, n_icons)
        if sprite:
            (folder / "icons.svg").write_text(_svg_sprite(icon_ids, shapes), encoding="utf-8")
            refs = [f"icons.svg#{i}" for i in icon_ids]
        else:
            sub = "assets/" if k % 5 == 1 else ""
            (folder / sub).mkdir(exist_ok=True)
            refs = []
            for i, s in zip(icon_ids, shapes, strict=True):
                (folder / f"{sub}{i}.svg").write_text(_svg_root(i, s), encoding="utf-8")
                refs.append(f"{sub}{i}.svg#{i}")
        actions = [f"{rng.choice(_VERBS)}{rng.choice(_NOUNS)}{j}" for j in range(n_items)]
        uses_state = k % 3 == 0
        items = [
            {
                "icon": None if uses_state and j == 0 else refs[j % n_icons],
                "label": None if uses_state and j == 0 else f"{title} {j + 1}",
                "action": a,
            }
            for j, a in enumerate(actions)
        ]
        package = {
            "id": pid,
            "name": f"{title} {k + 1}",
            "description": f"{title}: generated plugin {k + 1} of {n_plugins} for the check speed benchmark.",
            "version": rng.choice([1.0, 1.1, 2, "1.0.3"]),
            "srcURL": f"{pid}.plugin.js",
            "allowUnload": rng.random() < 0.8,
            "platforms": rng.sample(["web", "electron", "ios", "android"], rng.randint(1, 4)),
            # Requests are host-only: only a plugin that sends none is offered to guests too.
            "participantRoles": ["chair"] if requests else rng.choice([["chair"], ["chair", "guest"]]),
            "menuItems": {section: items},
        }
        text = json.dumps(package, indent=rng.choice([2, 4, "\t"]), ensure_ascii=False) + "\n"
        (folder / f"{pid}.plugin.package.json").write_text(text, encoding="utf-8")
        js = _js_source(pid, actions, requests, rng, uses_state)
        (folder / f"{pid}.plugin.js").write_text(js, encoding="utf-8")
        entries.append(
            {"id": pid, "srcURL": f"plugins/{pid}/{pid}.plugin.package.json", "enabled": rng.random() < 0.85}
        )
    settings = {
        "language": "en",
        "defaultBandwidth": 1264,
        "conferenceAliases": ["meet", "vmr"],
        "plugins": entries,
    }
    (web / "settings.json").write_text(json.dumps(settings, indent=4) + "\n", encoding="utf-8")
    manifest = {"brandingID": 1732492800000, "isSettingsBranded": True, "brandingName": "benchmark"}
    (web / "manifest.json").write_text(json.dumps(manifest, indent=4) + "\n", encoding="utf-8")
    return root


# -- timing ----------------------------------------------------------------------------------


def _commands(pkg: Path) -> dict[str, list[str]]:
    cmds = {
        "baseline": [sys.executable, "-c", BASELINE_CODE, str(pkg)],
        "check": [sys.executable, "-m", "designer", "check", str(pkg)],
    }
    if importlib.util.find_spec("tree_sitter") and importlib.util.find_spec("tree_sitter_javascript"):
        cmds["baseline_js"] = [sys.executable, "-c", BASELINE_JS_CODE, str(pkg)]
    script = Path(sys.executable).parent / ("plugin-designer.exe" if os.name == "nt" else "plugin-designer")
    if script.is_file():
        cmds["check_script"] = [str(script), "check", str(pkg)]
    return cmds


def _env(pycache: Path | None) -> dict[str, str]:
    env = dict(os.environ)
    if pycache is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(pycache)
    return env


def _run(cmd: list[str], cwd: Path, env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True)
    dt = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"check_speed: {cmd[:3]} exited {proc.returncode}:\n{proc.stderr.decode(errors='replace')}")
    return dt * 1000.0


def _assert_clean(pkg: Path, cwd: Path, env: dict[str, str]) -> dict:
    proc = subprocess.run(
        [sys.executable, "-m", "designer", "check", str(pkg), "--json"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
    )
    try:
        out = json.loads(proc.stdout)
    except json.JSONDecodeError:
        raise SystemExit(f"check_speed: check --json gave no JSON (exit {proc.returncode}):\n{proc.stderr}") from None
    summary = out.get("summary", {})
    errors = [p for p in out.get("problems", []) if p.get("severity") == "error"]
    if proc.returncode != 0 or summary.get("errors") != 0 or errors:
        listing = "\n".join(f"  {p['file']}:{p['line']}: {p['code']} {p['message']}" for p in errors[:20])
        raise SystemExit(
            f"check_speed: the generated package does not check clean (exit {proc.returncode}):\n{listing}"
        )
    return summary


def measured_designer(cwd: Path, env: dict[str, str]) -> str:
    """The folder of the ``designer`` package that ``python -m designer`` runs, with this environment.

    For information: the command runs outside the checkout, so an editable install of another
    checkout (or a PYTHONPATH) decides which code is timed, not the folder this script is in.
    """
    proc = subprocess.run(
        [sys.executable, "-c", "import designer, os; print(os.path.dirname(os.path.abspath(designer.__file__)))"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
    )
    return proc.stdout.strip() or "(not found)"


def measure(pkg: Path, rounds: int, env: dict[str, str], warmup: int = 3) -> dict[str, list[float]]:
    cmds = _commands(pkg)
    names = list(cmds)
    cwd = pkg.parent
    for _ in range(warmup):
        for name in names:
            _run(cmds[name], cwd, env)
    times: dict[str, list[float]] = {name: [] for name in names}
    for r in range(rounds):
        order = names[r % len(names) :] + names[: r % len(names)]
        if r % 2:
            order.reverse()
        for name in order:
            times[name].append(_run(cmds[name], cwd, env))
    return times


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=30, help="timed rounds after warm-up (default: %(default)s)")
    ap.add_argument("--plugins", type=int, default=20, help="plugins in the generated package (default: %(default)s)")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    ap.add_argument(
        "--inherit-env",
        action="store_true",
        help="run with the environment as is (no temporary bytecode cache; see the module docstring)",
    )
    ap.add_argument("--generate", metavar="DIR", help="only write the package into DIR (for profiling) and exit")
    args = ap.parse_args(argv)

    if args.generate:
        root = generate(Path(args.generate), args.plugins)
        print(root / "webapp2")
        return 0

    with tempfile.TemporaryDirectory(prefix="check-speed-") as tmp:
        pkg = generate(Path(tmp) / "bench-package", args.plugins) / "webapp2"
        n_json = sum(1 for _ in pkg.rglob("*.json"))
        n_svg = sum(1 for _ in pkg.rglob("*.svg"))
        n_js = sum(1 for _ in pkg.rglob("*.js"))
        env = _env(None if args.inherit_env else Path(tmp) / "pycache")
        summary = _assert_clean(pkg, Path(tmp), env)
        designer_dir = measured_designer(Path(tmp), env)
        times = measure(pkg, max(1, args.rounds), env)

    med = {k: statistics.median(v) for k, v in times.items()}
    low = {k: min(v) for k, v in times.items()}
    ratio = med["check"] / med["baseline"]
    ok = ratio <= GOAL
    result = {
        "ratio": round(ratio, 3),
        "goal": GOAL,
        "pass": ok,
        "rounds": len(times["check"]),
        "median_ms": {k: round(v, 2) for k, v in med.items()},
        "min_ms": {k: round(v, 2) for k, v in low.items()},
        "ratio_of_min": round(low["check"] / low["baseline"], 3),
        "package": {
            "plugins": args.plugins,
            "json_files": n_json,
            "svg_files": n_svg,
            "js_files": n_js,
            "warnings": summary.get("warnings"),
            "info": summary.get("info"),
        },
        "python": sys.executable,
        "designer": designer_dir,
        "bytecode": "environment as is" if args.inherit_env else "cached (temporary PYTHONPYCACHEPREFIX)",
    }
    if "check_script" in med:
        result["ratio_script"] = round(med["check_script"] / med["baseline"], 3)
    like = med["check"] / med["baseline_js"] if "baseline_js" in med else None
    result["ratio_like_for_like"] = round(like, 3) if like is not None else None
    result["ratio_like_for_like_of_min"] = round(low["check"] / low["baseline_js"], 3) if "baseline_js" in low else None
    if like is not None:
        result["ratio_vs_baseline_js"] = result["ratio_like_for_like"]  # the older name of the same figure
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(
        f"package: {args.plugins} plugins, {n_json} JSON, {n_svg} SVG, {n_js} JS files; "
        f"check: 0 errors, {summary.get('warnings')} warning(s), {summary.get('info')} note(s); "
        f"bytecode {result['bytecode']}"
    )
    own = Path(__file__).resolve().parent.parent / "designer"
    elsewhere = "" if Path(designer_dir) == own else f" (not this checkout's {own}: set PYTHONPATH to time it)"
    print(f"timing the designer package in {designer_dir}{elsewhere}")
    labels = {
        "baseline": "json + lxml parse of the JSON and SVG files (the goal's baseline)",
        "baseline_js": "the baseline + tree-sitter parse of the JS files (like-for-like, info only)",
        "check": "python -m designer check",
        "check_script": "plugin-designer check",
    }
    for name in times:
        print(f"  {name:<13} median {med[name]:7.1f} ms   min {low[name]:7.1f} ms   {labels.get(name, '')}")
    print(f"  ratio of minimums {result['ratio_of_min']:.2f}", end="")
    if "ratio_script" in result:
        print(f"; console script 'plugin-designer check' ratio {result['ratio_script']:.2f}", end="")
    print()
    if like is not None:
        print(
            f"check_speed: like-for-like ratio {like:.2f} against baseline_js, which also parses the JS "
            f"(check {med['check']:.1f} ms, baseline_js {med['baseline_js']:.1f} ms; information only, not the goal)"
        )
    else:
        print("check_speed: like-for-like ratio not measured (tree-sitter is not installed)")
    print(
        f"check_speed: ratio {ratio:.2f} (check {med['check']:.1f} ms, baseline {med['baseline']:.1f} ms "
        f"median of {result['rounds']}) goal <= {GOAL} {'PASS' if ok else 'MISS'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
