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
from collections.abc import Callable, Collection, Sequence
from itertools import compress

# Kept answers of one part: at most this many, weighing at most BUDGET × the part's size rows
# (an answer to a one-letter needle can hold nearly every row: 6 MB for 300k pages).
MAX_ANSWERS = 16
BUDGET = 4
# More changed rows than this in one catch-up: forget the answers rather than fix each one.
MAX_CARRIED = 256


class Answer:
    """The rows matching one needle, ascending, with their page ids and subscribers.

    An answer read from every row keeps that pass's flags instead of its row numbers and counts
    until something asks for them (the next letter, a territory, an edit): the keystroke that
    read every row does not wait for them.
    """

    __slots__ = ("_column", "_counts", "_flags", "_rows", "ids", "subscribers")

    def __init__(
        self,
        rows: array,
        ids: array,
        counts: array,
        subscribers: int | None = None,
    ) -> None:
        self._rows: array | None = rows
        self._counts: array | None = counts
        self._flags: list[bool] | None = None
        self._column: array | None = None
        self.ids = ids
        self.subscribers = sum(counts) if subscribers is None else subscribers

    @classmethod
    def scanned(cls, mask: list[bool], ids: array, counts: array) -> Answer:
        """The rows where `mask` (one flag per row of the part) is true; `ids` and `counts` are
        the part's columns."""
        answer = cls.__new__(cls)
        answer._rows = answer._counts = None
        answer._flags, answer._column = mask, counts
        answer.ids = array("q", compress(ids, mask))
        answer.subscribers = sum(compress(counts, mask))
        return answer

    def __len__(self) -> int:
        return len(self.ids)

    def weight(self) -> int:
        """What it holds, in rows of an answer (flags kept from a pass over every row count as
        one row each: the flags of 300k rows weigh as much as 300k matching rows)."""
        return len(self.ids) + (0 if self._flags is None else len(self._flags))

    @property
    def rows(self) -> array:
        """The row numbers, ascending."""
        rows = self._rows
        if rows is None:
            rows = self._rows = array("i", compress(range(len(self._flags)), self._flags))  # type: ignore[arg-type]
            self._settle()
        return rows

    @property
    def counts(self) -> array:
        """The subscribers of each row."""
        counts = self._counts
        if counts is None:
            counts = self._counts = array("q", compress(self._column, self._flags))  # type: ignore[arg-type]
            self._settle()
        return counts

    def _settle(self) -> None:
        if self._rows is not None and self._counts is not None:
            self._flags = self._column = None

    def narrowed(self, mask: list[bool]) -> Answer:
        """This answer's rows where `mask` (one flag per row) is true."""
        return Answer(
            array("i", compress(self.rows, mask)),
            array("q", compress(self.ids, mask)),
            array("q", compress(self.counts, mask)),
        )

    def nbytes(self) -> int:
        """Approximate memory held."""
        size = len(self.ids) * self.ids.itemsize
        for column in (self._rows, self._counts):
            size += 0 if column is None else len(column) * column.itemsize
        return size + (0 if self._flags is None else 8 * len(self._flags))


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
        return min(candidates, key=len, default=None)

    def put(self, needle: str, answer: Answer, rows_in_part: int) -> None:
        """Keep `answer`, forgetting the least recently used ones beyond the limits."""
        with self._lock:
            self._answers[needle] = answer
            self._answers.move_to_end(needle)
            budget = max(BUDGET * rows_in_part, 1)
            held = sum(answer.weight() for answer in self._answers.values())
            while len(self._answers) > 1 and (len(self._answers) > MAX_ANSWERS or held > budget):
                _, dropped = self._answers.popitem(last=False)
                held -= dropped.weight()

    def nbytes(self) -> int:
        """Approximate memory held by the kept answers."""
        with self._lock:
            answers = list(self._answers.values())
        return sum(answer.nbytes() for answer in answers)

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
