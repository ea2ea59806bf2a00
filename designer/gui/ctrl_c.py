"""Ctrl+C in the terminal while a Qt event loop runs: one place that hooks it.

Why a module: Python runs its Ctrl+C handler only when Python code runs, which in Qt's event loop
may be never (Ctrl+C did nothing until the mouse moved over the window, and `simulate` went on for
20 s after it while a plugin kept the page busy). Both the designer's window and `simulate` need the
same hook: a timer that runs a little Python every 0.2 s, and a handler of their own meanwhile.
The window also ends so when it is ended from outside (see :func:`on_ctrl_c`'s ``ended``).
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QTimer

__all__ = ["ENDING_SIGNALS", "on_ctrl_c"]

# How a program is ended from outside, where the platform has them: SIGTERM (`kill PID`, a logout,
# a container stop) and SIGHUP (its terminal closed). Windows has no SIGHUP, and its SIGTERM is
# only ever raised by the program itself: hooking it there is harmless.
ENDING_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


@contextmanager
def on_ctrl_c(react: Callable[[], object], ended: Callable[[signal.Signals], object] | None = None) -> Iterator[bool]:
    """Within the block, Ctrl+C calls ``react`` (from the signal handler: it may run in the middle
    of any Python code, so it should only post work or quit a loop); gives whether it is hooked.
    With ``ended``, each of :data:`ENDING_SIGNALS` calls it with the signal, in the same way.

    Left alone (False) when Ctrl+C is not Python's own: ignored, as in a background job, where the
    user did not mean the program to get it, or another handler someone set on purpose. So is an
    ending signal that is not at its default (`nohup` ignores SIGHUP on purpose).
    """
    if threading.current_thread() is not threading.main_thread():
        yield False
        return
    hooked: dict[int, object] = {}  # signal -> its handler before
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        hooked[signal.SIGINT] = signal.signal(signal.SIGINT, lambda _signum, _frame: react())
    if ended is not None:
        for ending in ENDING_SIGNALS:
            if signal.getsignal(ending) is signal.SIG_DFL:
                hooked[ending] = signal.signal(ending, lambda signum, _frame: ended(signal.Signals(signum)))
    if not hooked:
        yield False
        return
    waker = QTimer(interval=200)
    waker.timeout.connect(lambda: None)  # (Python code: the pending handler runs)
    waker.start()
    try:
        yield signal.SIGINT in hooked
    finally:
        waker.stop()
        for signum, before in hooked.items():
            signal.signal(signum, before)
