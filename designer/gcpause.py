"""One way to load what a process keeps for good: the cyclic collector off meanwhile, then frozen.

Why: start-up (of ``check``, of the GUI) makes tens of thousands of objects that live as long as
the process — the modules, Qt's classes with their enums, the window — and the collector walks
them dozens of times while they are made, to free almost nothing (a few hundred objects): a few
milliseconds of every start. Frozen afterwards (:func:`gc.freeze`), later collections, and the one
at exit, skip them too. A collector that is already off (a caller's choice) is left as it is.
A plain class, not ``contextlib``: ``check`` imports this before anything else.
"""

from __future__ import annotations

import gc

__all__ = ["collector_paused"]


class collector_paused:  # noqa: N801 - used like a function: ``with collector_paused():``
    """``with collector_paused(when):`` — ``when`` False (a library caller) changes nothing."""

    def __init__(self, when: bool = True) -> None:
        self._on = when and gc.isenabled()

    def __enter__(self) -> None:
        if self._on:
            gc.disable()

    def __exit__(self, *_exc: object) -> None:
        if self._on:
            gc.freeze()
            gc.enable()
