"""The checks after a pause in editing run on a worker thread when they are slow (a big package).

Why: in a package of 100 plugins with 5,000 problems the checks take a third of a second or more,
and run on the window's thread after every pause in typing they held the window that long each
time (0.5–0.8 s with the views refreshed). The worker reads the package as the window's thread
leaves it (the model is made for it: see ``BrandingPackage.unchanging`` and ``defer_text``, which
keep each thread's view apart); the window then shows the result only when nothing was changed or
checked since the worker started (see ``MainWindow._checks_done``), and otherwise checks again:
a result is never shown for a package that is no longer as it was checked. Packages whose checks
are quick (almost all) are checked on the window's thread as always, with no worker at all.
"""

from __future__ import annotations

import time

from ..core.checks import run_checks
from ..core.model import BrandingPackage
from ..core.problems import Problem
from .workers import Worker

__all__ = ["SLOW_CHECKS", "BackgroundChecks"]

# Seconds of the processor's time (this thread's, so other programs keeping the computer busy do
# not count): checks that took this long are run on a worker from then on.
SLOW_CHECKS = 0.1


class BackgroundChecks(Worker):
    """Runs :func:`run_checks` on ``pkg``; ``finished`` is emitted on the window's thread when done.

    ``asked`` is the window's count of changes and checks when it started (the result stands
    only while that count has not moved). ``problems`` is None when the checks raised: an edit
    on the window's thread meanwhile can make a check that reads the package trip over a list
    changing under it; the window then checks again, on its own thread if nothing changed (so a
    real fault shows as it always did).
    """

    def __init__(self, pkg: BrandingPackage, asked: int) -> None:
        super().__init__()
        self.pkg = pkg
        self.asked = asked
        self.problems: list[Problem] | None = None
        self.seconds = 0.0

    def run(self) -> None:
        start = time.thread_time()
        try:
            self.problems = run_checks(self.pkg, in_window=True)
        except Exception:  # noqa: BLE001 - see the class's docstring: the window checks again
            self.problems = None
        self.seconds = time.thread_time() - start
