"""Compact references to the rows of an import, and the first row that touched each record.

An import of 300,000 rows keeps one mark per record it touched ("the first row wins"), so the
marks are ints packed from (file, row) and the marks of new records live in an array.
"""

from __future__ import annotations

from array import array


def pack(file_index: int, row: int) -> int:
    """One int for (file, row): the marks of 300,000 rows stay small."""
    return (file_index << 32) | row


def unpack(ref: int) -> tuple[int, int]:
    """(file index, row) from pack()."""
    return ref >> 32, ref & 0xFFFFFFFF


class FirstRows:
    """Record id → pack() of the first row of this import that touched it.

    The records an import creates get consecutive ids from `base` on and are marked as they
    are created, so their marks go into an array (8 bytes each, against about 100 in a dict:
    50 MB less for 300,000 new rows); the marks of records already in the catalogue, a dict,
    or an array by id once they are many. Ids are positive, as SQLite and PostgreSQL give them.
    """

    def __init__(self, base: int) -> None:
        self._base = base
        self._new = array("q")  # -1: not touched
        # The marks of records already in the catalogue: a dict while few, an array by id once
        # they are many (a registry imported again marks every record: 300,000 marks in a
        # dict hold ~30 MB, in an array 2.4 MB).
        self._old: dict[int, int] | array = {}

    def get(self, record_id: int) -> int | None:
        """The mark of a record, None if no row touched it yet."""
        index = record_id - self._base
        if index >= 0:
            if index < len(self._new):
                ref = self._new[index]
                return None if ref < 0 else ref
            return None
        old = self._old
        if type(old) is dict:
            return old.get(record_id)
        ref = old[record_id]
        return None if ref < 0 else ref

    def __contains__(self, record_id: int) -> bool:
        return self.get(record_id) is not None

    def setdefault(self, record_id: int, ref: int) -> None:
        """Mark the record unless a row marked it before."""
        index = record_id - self._base
        if index < 0:
            old = self._old
            if type(old) is dict:
                old.setdefault(record_id, ref)
                if len(old) > self._base >> 4:  # an array of all old ids is smaller now
                    marks = array("q", [-1]) * self._base
                    for key, value in old.items():
                        marks[key] = value
                    self._old = marks
            elif old[record_id] < 0:
                old[record_id] = ref
            return
        new = self._new
        if index == len(new):  # the usual case: the record just created
            new.append(ref)
            return
        if index > len(new):
            new.extend([-1] * (index - len(new) + 1))
        if new[index] < 0:
            new[index] = ref
