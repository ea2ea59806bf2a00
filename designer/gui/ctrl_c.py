"""Ctrl+C in the terminal while a Qt event loop runs: one place that hooks it.

Why a module: Python runs its Ctrl+C handler only when Python code runs, which in Qt's event loop
may be never (Ctrl+C did nothing until the mouse moved over the window, and `simulate` went on for
20 s after it while a plugin kept the page busy). Both the designer's window and `simulate` need the
same hook: a timer that runs a little Python every 0.2 s, and a handler of their own meanwhile.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QTimer

__all__ = ["on_ctrl_c"]


@contextmanager
def on_ctrl_c(react: Callable[[], object]) -> Iterator[bool]:
    """Within the block, Ctrl+C calls ``react`` (from the signal handler: it may run in the middle
    of any Python code, so it should only post work or quit a loop); gives whether it is hooked.

    Left alone (False) when Ctrl+C is not Python's own: ignored, as in a background job, where the
    user did not mean the program to get it, or another handler someone set on purpose.
    """
    if threading.current_thread() is not threading.main_thread() or (
        signal.getsignal(signal.SIGINT) is not signal.default_int_handler
    ):
        yield False
        return
    waker = QTimer(interval=200)
    waker.timeout.connect(lambda: None)  # (Python code: the pending handler runs)
    signal.signal(signal.SIGINT, lambda _signum, _frame: react())
    waker.start()
    try:
        yield True
    finally:
        waker.stop()
        signal.signal(signal.SIGINT, signal.default_int_handler)
