"""designer/core must never import PySide6: the CLI and CI checks run without a display."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

from conftest import ROOT

import designer.core


def _core_modules() -> list[str]:
    return sorted(m.name for m in pkgutil.walk_packages(designer.core.__path__, "designer.core."))


def test_every_core_module_imports_without_qt() -> None:
    modules = _core_modules()
    assert "designer.core.model" in modules and "designer.core.checks.icons" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "from designer.core.model import load\n"
        "from designer.core.checks import run_checks\n"
        "run_checks(load(sys.argv[1]))\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    example = ROOT / "resources" / "examples" / "demo"
    out = subprocess.run([sys.executable, "-c", code, str(example)], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stdout + out.stderr


def test_check_command_never_loads_qt() -> None:
    example = ROOT / "resources" / "examples" / "demo"
    code = (
        "import sys, runpy\n"
        "from designer.cli import main\n"
        "rc = main(['check', sys.argv[1]])\n"
        "bad = sorted(m for m in sys.modules if m.startswith('PySide6'))\n"
        "sys.exit(3 if bad else rc)\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(example)], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stdout + out.stderr


def test_check_command_imports_only_what_a_clean_check_uses() -> None:
    """Every module imported costs each ``plugin-designer check`` its start-up (bench/check_speed.py).
    What only a problem needs (suggestions for a misspelling, a fix, a new plugin id) is imported
    when there is one: a clean package never loads it."""
    example = ROOT / "resources" / "examples" / "demo"
    unused = (
        "difflib",
        "threading",
        "designer.core.plugins",
        "designer.core.newproject",
        "designer.core.fixes",
        "designer.core.preview",  # (only the wording of PD512, PD513, PD515 and PD516)
    )
    code = (
        "import sys\n"
        "from designer.cli import main\n"
        "rc = main(['check', sys.argv[1]])\n"
        f"print(rc, [m for m in {unused!r} if m in sys.modules])\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(example)], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.splitlines()[-1] == "0 []", out.stdout + out.stderr


def test_clean_check_compiles_no_pattern_of_the_repairs() -> None:
    """The patterns that read broken JSON (the slips' repairs) and syntax errors in a source, and the
    edits' own, are compiled when first used: a clean ``plugin-designer check`` never uses them,
    and compiling them at import cost each run about 2.5 ms (bench/check_speed.py)."""
    example = ROOT / "resources" / "examples" / "demo"
    lazy = {
        "designer.core.jsonfile": (
            "_SCALAR",
            "_TO_QUOTE",
            "_TO_QUOTE_ON_LINE",
            "_BETWEEN_ENTRIES",
            "_BLANKS",
            "_JS_HEX",
        ),
        "designer.core.jsanalysis": ("_DANGLING_DOT", "_FUNCTION_LIKE", "_WORD_BEFORE", "_ENTRY", "_NAME_RUN"),
        "designer.core.jstext": ("_GREEK_OU",),
        "designer.core.checks.source": ("_DOMAIN",),
    }
    code = (
        "import importlib, sys\n"
        "try:\n"
        "    import re._compiler as compiler\n"
        "except ImportError:  # Python 3.10\n"
        "    import sre_compile as compiler\n"
        "compiled = set()\n"
        "real = compiler.compile\n"
        "def counting(p, flags=0):\n"
        "    compiled.add(p)\n"
        "    return real(p, flags)\n"
        "compiler.compile = counting\n"
        "from designer.cli import main\n"
        "rc = main(['check', sys.argv[1]])\n"
        f"lazy = {lazy!r}\n"
        "def text(m, n):  # (a pattern compiled at import: its own text)\n"
        "    value = getattr(importlib.import_module(m), n)\n"
        "    return getattr(value, 'pattern', value)\n"
        "used = [f'{m}.{n}' for m, names in lazy.items() for n in names if text(m, n) in compiled]\n"
        "print(rc, used)\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(example)], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.splitlines()[-1] == "0 []", out.stdout + out.stderr
