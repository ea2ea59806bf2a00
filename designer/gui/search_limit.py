"""A time limit on regular expressions run on the window's thread (the find bar's searches).

Why a signal: Python's ``re`` holds the interpreter while it matches, so neither a timer of the
event loop nor another thread can stop it, and ``(a+)+$`` against a long line of a's froze the
window for good. It does check for signals every few thousand steps, though: a SIGALRM whose
handler raises stops it there, and the window goes on. (The ``regex`` package's ``timeout=``
would do the same; it is not one of the app's packages.) Where there is no SIGALRM (Windows) or
off the main thread, searches run without a limit, as before.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

SEARCH_LIMIT_S = 1.0  # what one search may take (a slice of the find bar's count takes some 20 ms)


class TooSlow(Exception):
    """A search ran past its time limit, stopped where it was."""


_running = False  # a limit is set already (the outer one holds for what runs inside it)
_previous = None  # SIGALRM's handler before it, put back once the limit is off


def limit_running() -> bool:
    """Whether a time limit is set already (by a search that called this one)."""
    return _running


@contextmanager
def time_limit(seconds: float | None = None) -> Iterator[None]:
    """Raise TooSlow in what runs inside once ``seconds`` (SEARCH_LIMIT_S) have gone by (a limit set
    already holds). Who catches TooSlow calls end_limit too (see there)."""
    global _running, _previous
    if _running or not _can_limit():
        yield
        return
    _previous = signal.signal(signal.SIGALRM, _expired)
    _running = True
    signal.setitimer(signal.ITIMER_REAL, SEARCH_LIMIT_S if seconds is None else seconds)
    try:
        yield
    finally:
        end_limit()


def end_limit() -> None:
    """Take the time limit off, if it is on. Again where TooSlow is caught: the signal, come just as
    the search ended, raises wherever Python is then, maybe before the limit was taken off (it
    comes once, so here it is taken off). Why: left on, every later search had no limit."""
    global _running
    if not _running:
        return
    try:
        signal.setitimer(signal.ITIMER_REAL, 0)
    finally:
        _running = False
        signal.signal(signal.SIGALRM, _previous)


def _expired(_signum, _frame) -> None:
    if _running:
        raise TooSlow


def _can_limit() -> bool:
    """SIGALRM exists, this is the main thread (the only one Python runs handlers in), and the
    signal's handler now is Python's to put back (None: one set by C code, left alone)."""
    return (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getsignal(signal.SIGALRM) is not None
    )
