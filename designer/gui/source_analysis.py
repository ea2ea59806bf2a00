"""Big plugin sources are parsed on a worker thread before the checks run on the UI thread.

Why: the checks run after every pause in typing, and parsing a 2 MB source (minified code)
takes more than half a second, which would freeze the window each time. The worker only fills
:mod:`designer.core.jsanalysis`' memo (the analysis is a pure function of the bytes); the checks
then run on the UI thread as always and find the result at hand. Sources below BIG_SOURCE are
parsed in a few milliseconds and are left to the checks.
"""

from __future__ import annotations

from ..core.checks.source import sources
from ..core.jsanalysis import analyse, analysed
from ..core.model import BrandingPackage
from .workers import Worker

__all__ = ["BIG_SOURCE", "SourceAnalysis", "sources_to_parse", "waits_for_worker"]

BIG_SOURCE = 256 * 1024  # bytes; parsing this much takes about 50 ms


def sources_to_parse(pkg: BrandingPackage) -> list[bytes]:
    """The bytes of every big source the checks would parse now (not analysed before)."""
    out = []
    for _plugin, src in sources(pkg):
        try:
            data = pkg.read_bytes(src)
        except OSError:  # deleted or moved by another program meanwhile: the checks say so
            continue
        if len(data) >= BIG_SOURCE and not analysed(data):
            out.append(data)
    return out


def waits_for_worker(text: str) -> bool:
    """Whether ``text`` is a big source not analysed yet while a worker is running: what needs its
    analysis waits for the worker (the window says when it is done) instead of parsing it again on
    the UI thread meanwhile, the window frozen for as long."""
    if not SourceAnalysis.any_running() or len(text) < BIG_SOURCE:
        return False
    return not analysed(text.encode("utf-8", "surrogatepass"))


class SourceAnalysis(Worker):
    """Analyses ``texts`` (bytes taken on the UI thread, so edits made meanwhile cannot reach
    them); ``finished`` is emitted on the UI thread when done."""

    def __init__(self, texts: list[bytes]) -> None:
        super().__init__()
        self.texts = texts

    def run(self) -> None:
        import gc

        # The cyclic collector off meanwhile: it walked the million objects an analysis of 5 MB
        # makes, six times and each time longer (150 ms at last), to free none, holding the GIL
        # and so the window still. They are freed by their counts when the analysis ends.
        paused = gc.isenabled()
        if paused:
            gc.disable()
        try:
            for data in self.texts:
                try:
                    analyse(data)
                except Exception:  # noqa: BLE001 - the checks parse it again and report what went wrong
                    pass
        finally:
            if paused:
                gc.enable()
