"""The time limit on the find bar's searches (designer/gui/search_limit.py)."""

from __future__ import annotations

import re
import signal

from designer.gui import search_limit


def test_a_catastrophic_expression_is_stopped() -> None:
    try:
        with search_limit.time_limit(0.1):
            re.search(r"(a+)+$", "a" * 40 + "!")
        stopped = False
    except search_limit.TooSlow:
        search_limit.end_limit()
        stopped = True
    assert stopped
    assert not search_limit.limit_running()


def test_the_limit_is_always_taken_off_even_when_it_comes_as_the_search_ends() -> None:
    """A signal come just as the search ended raised before the limit was taken off: its handler
    stayed, and every later search ran without a limit."""
    before = signal.getsignal(signal.SIGALRM)
    for _ in range(5_000):
        try:
            with search_limit.time_limit(1e-5):
                sum(range(20))
        except search_limit.TooSlow:
            search_limit.end_limit()
        assert not search_limit.limit_running()
        assert signal.getsignal(signal.SIGALRM) is before
