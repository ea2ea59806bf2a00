"""What the window's worker threads share: they outlive a window closed under them, and they let
the window's thread have the interpreter back quickly.

Why the switch interval: a thread that wants Python's GIL waits up to ``sys.getswitchinterval()``
(5 ms by default) before it asks the thread holding it to let go. The window's thread lets go of
the GIL whenever Qt's event loop waits and takes it back for every Python handler Qt calls, and
a worker parsing a big source hardly ever lets go by itself: each of those hand-overs cost the
window up to 5 ms while a 4 MB source was analysed. Opening such a project froze the window for
1.5 s (loading the editor's modules: every file looked up waited 5 ms), and typing 20 characters
meanwhile for 0.9 s (``bench/big_source.py``). With 0.5 ms the same steps took 0.27 s and 0.19 s;
the worker spends a few per cent more of its time switching, which nobody waits for.
"""

from __future__ import annotations

import atexit
import sys
from typing import ClassVar

from PySide6.QtCore import QThread

__all__ = ["SWITCH_INTERVAL", "Worker", "share_the_interpreter"]

SWITCH_INTERVAL = 0.0005  # seconds; see the module's docstring


def share_the_interpreter() -> None:
    """Let the window's thread take Python's GIL back within ``SWITCH_INTERVAL`` while a worker
    runs (see the module's docstring). Left so afterwards: with one thread it changes nothing."""
    if sys.getswitchinterval() > SWITCH_INTERVAL:
        sys.setswitchinterval(SWITCH_INTERVAL)


class Worker(QThread):
    """A worker thread that is kept while it runs, even when the window that started it is closed
    (Qt aborts the process when a running QThread is deleted), and that the process waits for
    before it exits. Each subclass keeps its own set of running workers (:meth:`any_running`)."""

    _running: ClassVar[set[Worker]] = set()
    _kinds: ClassVar[list[type[Worker]]] = []

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        cls._running = set()
        Worker._kinds.append(cls)

    def __init__(self) -> None:
        super().__init__()
        running = type(self)._running
        running.add(self)
        self.finished.connect(lambda: running.discard(self))

    def start(self, *args: object) -> None:
        share_the_interpreter()
        super().start(*args)

    @classmethod
    def any_running(cls) -> bool:
        """Whether a worker of this kind has been made and has not finished yet."""
        return bool(cls._running)


@atexit.register
def _wait_for_workers() -> None:
    for kind in Worker._kinds:
        for worker in list(kind._running):
            worker.wait()
