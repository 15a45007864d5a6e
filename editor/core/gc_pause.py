"""Cyclic garbage collection paused for a bulk job.

A 300,000-row import allocates a few million short-lived containers (rows, cell lists, value
dicts) while the process holds large long-lived ones (lookup tables, caches). The automatic
collector then runs every 700 allocations and keeps traversing the long-lived ones: measured,
a fifth of the reader's CPU time and two seconds of the importer's. These jobs make almost no
reference cycles, so collection is switched off for them, and the young generations are
collected by hand at `tick()` every so many chunks, which bounds what a stray cycle can hold.
Nested and concurrent pauses are counted; the collector comes back on when the last one ends,
if it was on before the first.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

TICKS_PER_COLLECTION = 64

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def paused_collection() -> Iterator[_Ticker]:
    """Automatic collection off inside the block; call `tick()` on the result once per chunk."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield _Ticker()
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()


class _Ticker:
    """Collects the young generations every TICKS_PER_COLLECTION ticks."""

    __slots__ = ("ticks",)

    def __init__(self) -> None:
        self.ticks = 0

    def tick(self) -> None:
        self.ticks += 1
        if self.ticks % TICKS_PER_COLLECTION == 0:
            gc.collect(1)
