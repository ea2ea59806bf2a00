"""Spare PySide's import hook from reading the source of every module imported after it.

Why: PySide 6 replaces ``__import__`` to support ``from __feature__ import snake_case``. The
first time it sees a module it calls ``inspect.getsource`` on it and looks for "PySide6" in the
text, to learn whether the module may switch features; the answer goes into
``pyside_feature_dict`` (0: may use PySide, -1: ignore it), and a module already in the table is
not read again. Before the window's first paint that is some 18 modules (``os``, ``typing``,
``pathlib`` and our own) and about 3 ms, one tenth of all the time the designer adds to a bare Qt
window, plus the lines :mod:`linecache` keeps of every file it read.

The designer never imports ``__feature__``, so the table's answer changes nothing for it: this
writes the answer the scan would give (our GUI modules name PySide6; modules already loaded
before PySide cannot have switched features), which is exactly what reading them would store. A
module that does import ``__feature__`` gets its own entry from PySide regardless. When PySide
changes its internals this does nothing and the hook reads the sources as before.
"""

import sys

# ``os`` is loaded before any user code runs; taken from sys.modules, since an ``import`` statement
# here (after PySide) would itself be scanned before the table is filled.
os = sys.modules["os"]

__all__ = ["skip_feature_scan"]


def skip_feature_scan() -> int:
    """Enter the modules loaded so far and the designer's own modules in PySide's feature table.

    Returns how many entries were added (0 when PySide's table is not where it used to be).
    """
    table = getattr(sys.modules.get("shibokensupport.feature"), "pyside_feature_dict", None)
    if not isinstance(table, dict):
        return 0
    before = len(table)
    for name in list(sys.modules):
        table.setdefault(name, -1)
    top = os.path.dirname(os.path.dirname(__file__))
    for package, answer in _PACKAGES:
        try:
            names = os.listdir(os.path.join(top, *package.split(".")[1:]))
        except OSError:
            continue
        table.setdefault(package, answer)
        for name in names:
            if name.endswith(".py") and name != "__init__.py":
                table.setdefault(f"{package}.{name[:-3]}", answer)
    return len(table) - before


# Every package of the designer, with what the scan would store for its modules: the GUI's name
# PySide6 (0); the core and the CLI never import it (-1; the value only matters to a module
# that imports ``__feature__``, which none of ours does).
_PACKAGES = (
    ("designer", -1),
    ("designer.gui", 0),
    ("designer.gui.panes", 0),
    ("designer.core", -1),
    ("designer.core.checks", -1),
)
