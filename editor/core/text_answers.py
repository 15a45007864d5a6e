"""Recent answers of the search index, so that typing a word does not read every page per letter.

A part of the index (live pages or the trash) remembers the rows that matched its last needles.
The pages containing a needle are among those containing any piece of it, so a new needle is
tried only on the rows of the smallest remembered answer whose needle it contains: «школ» →
«школа» reads the 107k keys «школ» matched instead of all 300k; erasing the letter finds the
answer to «школ» still kept.

The answers follow an edit that rewrites rows in place or appends pages (a title, subscribers,
a territory, a new page): only the changed rows are tried again. A write that inserts or removes
rows in the middle of a part (to the trash and back, a delete) shifts every row number after it,
so the part starts afresh instead.
"""

from __future__ import annotations

import threading
from array import array
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Callable, Collection, Iterable, Sequence
from itertools import compress

# Kept answers of one part: at most this many, holding at most BUDGET × the part's size rows
# (an answer to a one-letter needle can hold nearly every row: 2.4 MB for 300k pages).
MAX_ANSWERS = 16
BUDGET = 4
# More changed rows than this in one catch-up: forget the answers rather than fix each one.
MAX_CARRIED = 256


class Answer:
    """The rows matching one needle, ascending, with their page ids and subscribers."""

    __slots__ = ("counts", "ids", "rows", "subscribers")

    def __init__(
        self,
        rows: array,
        ids: array,
        counts: array,
        subscribers: int | None = None,
    ) -> None:
        self.rows = rows
        self.ids = ids
        self.counts = counts
        self.subscribers = sum(counts) if subscribers is None else subscribers

    @classmethod
    def chosen(
        cls,
        mask: list[bool],
        rows: Iterable[int],
        ids: Iterable[int],
        counts: Iterable[int],
    ) -> Answer:
        """The rows (with their ids and subscribers) where `mask` is true."""
        return cls(
            array("i", compress(rows, mask)),
            array("q", compress(ids, mask)),
            array("q", compress(counts, mask)),
        )

    def narrowed(self, mask: list[bool]) -> Answer:
        """This answer's rows where `mask` (one flag per row) is true."""
        return Answer.chosen(mask, self.rows, self.ids, self.counts)

    def nbytes(self) -> int:
        """Approximate memory held."""
        return sum(len(a) * a.itemsize for a in (self.rows, self.ids, self.counts))


class Memo:
    """The answers of one index part, most recently used last; safe to share between threads."""

    def __init__(self, answers: dict[str, Answer] | None = None) -> None:
        self._answers: OrderedDict[str, Answer] = OrderedDict(answers or {})
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._answers)

    def get(self, needle: str) -> Answer | None:
        """The answer kept for exactly `needle`."""
        with self._lock:
            answer = self._answers.get(needle)
            if answer is not None:
                self._answers.move_to_end(needle)
            return answer

    def narrowest(self, needle: str) -> Answer | None:
        """The smallest kept answer whose needle is part of `needle`: every row matching
        `needle` is among its rows. None when no kept needle is part of it."""
        with self._lock:
            candidates = [answer for known, answer in self._answers.items() if known in needle]
        return min(candidates, key=lambda answer: len(answer.rows), default=None)

    def put(self, needle: str, answer: Answer, rows_in_part: int) -> None:
        """Keep `answer`, forgetting the least recently used ones beyond the limits."""
        with self._lock:
            self._answers[needle] = answer
            self._answers.move_to_end(needle)
            budget = max(BUDGET * rows_in_part, 1)
            held = sum(len(kept.rows) for kept in self._answers.values())
            while len(self._answers) > 1 and (len(self._answers) > MAX_ANSWERS or held > budget):
                _, dropped = self._answers.popitem(last=False)
                held -= len(dropped.rows)

    def nbytes(self) -> int:
        """Approximate memory held by the kept answers."""
        with self._lock:
            answers = list(self._answers.values())
        return sum(len(a.rows) * a.rows.itemsize + len(a.ids) * a.ids.itemsize for a in answers)

    def carried(
        self,
        changed: Collection[int],
        matches: Callable[[str, int], bool],
        ids: Sequence[int],
        counts: Sequence[int],
    ) -> Memo:
        """The answers after rows were rewritten in place or appended, row numbers unchanged.

        `changed` holds each such row; `matches(needle, row)`, `ids` and `counts` describe the rows after the change. Answers are shared with the older index: one that
        changes is copied.
        """
        if len(changed) > MAX_CARRIED:
            return Memo()
        with self._lock:
            kept = list(self._answers.items())
        order = sorted(changed)
        answers: dict[str, Answer] = {}
        for needle, answer in kept:
            rows, page_ids, numbers = answer.rows, answer.ids, answer.counts
            total, copied = answer.subscribers, False
            for row in order:
                at = bisect_left(rows, row)
                was = at < len(rows) and rows[at] == row
                now = matches(needle, row)
                if not (was or now):
                    continue
                if not copied:
                    rows, page_ids, numbers = rows[:], page_ids[:], numbers[:]
                    copied = True
                if was:
                    total -= numbers[at]
                if now:
                    total += counts[row]
                if was and now:
                    numbers[at] = counts[row]
                elif was:
                    del rows[at], page_ids[at], numbers[at]
                else:
                    rows.insert(at, row)
                    page_ids.insert(at, ids[row])
                    numbers.insert(at, counts[row])
            answers[needle] = Answer(rows, page_ids, numbers, total) if copied else answer
        return Memo(answers)
