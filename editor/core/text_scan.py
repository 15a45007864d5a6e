"""Passes over the search index's keys: over every key, or only until a first screenful matched.

Both go a slice at a time: one C call over every key would hold the interpreter lock for the
whole pass (tens of milliseconds), so the window could not even echo the next keystroke
meanwhile. Between two slices a pass also stops when its answer is no longer wanted (a newer
keystroke superseded it) instead of finishing a list nobody will see.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from itertools import compress, repeat
from operator import contains

SLICE = 32_768  # rows tried between two chances for other threads to run
FIRST_SLICE = 1_024  # a first screen usually fills within the first few hundred keys


class Cancelled(Exception):
    """A pass stopped because its answer was no longer wanted."""


def _check(is_cancelled: Callable[[], bool] | None) -> None:
    if is_cancelled is not None and is_cancelled():
        raise Cancelled()


def mask(
    items: Sequence,
    encoded: str,
    key_of: Callable[[int], str] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> list[bool]:
    """Per item: does its key (the item, or `key_of(item)`) contain `encoded`."""
    flags: list[bool] = []
    for start in range(0, len(items), SLICE):
        _check(is_cancelled)
        piece = items[start : start + SLICE]
        flags.extend(
            map(contains, piece if key_of is None else map(key_of, piece), repeat(encoded))
        )
    return flags


def matching_rows(
    keys: Sequence[str],
    encoded: str,
    descending: bool = False,
    is_cancelled: Callable[[], bool] | None = None,
) -> Iterator[int]:
    """Row numbers whose key contains `encoded`, in row order (from the last when `descending`),
    read lazily: slices start small and double, so that a needle most keys hold costs a few
    hundred keys for its first screen and a rare one still reads the rest in long slices."""
    count, size, done = len(keys), FIRST_SLICE, 0
    while done < count:
        _check(is_cancelled)
        if descending:
            start, stop = max(count - done - size, 0), count - done
        else:
            start, stop = done, min(done + size, count)
        rows = list(compress(range(start, stop), map(contains, keys[start:stop], repeat(encoded))))
        yield from reversed(rows) if descending else rows
        done += stop - start
        size = min(size * 2, SLICE)
