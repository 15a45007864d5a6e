"""An in-memory index of every page's search text, so that quick search needs no table scan.

SQLite's ``instr`` compares character by character and takes ~0.2 s over 300k pages; Python's
substring search over the same keys is several times faster. The index holds each page's
``search_key`` encoded in cp1251 (one byte per Cyrillic letter) and viewed as a latin-1 ``str``,
because ``str.__contains__`` is the fastest substring test CPython offers per row, next to small
arrays of the page ids, territories and subscribers, split into live pages and the trash.

Each part keeps its answers to recent needles (`text_answers`): the next letter typed is tried
only on the rows the previous text matched, and an erased letter finds its answer kept.

A character outside cp1251 is stored as the byte 0x98, which cp1251 never produces, so a needle
that encodes in cp1251 cannot match across it and matches exactly where ``instr`` would; such
keys are also kept as they are, for needles that do not encode in cp1251.

Freshness: the index reads the catalogue through a connection of its own and catches up when that
connection's ``PRAGMA data_version`` moved, which happens on every commit by any other connection
(the application's, in any thread or process): it reads again only the pages logged in
``page_search_log`` since its last look and those appended after its highest id (a few ms after
an edit, where reading every page takes ~0.7 s; the kept answers follow such an edit), and
everything when that log cannot tell. A caller inside an open transaction may hold
uncommitted writes the index cannot see, so `current` refuses to answer then (callers use SQL).
"""

from __future__ import annotations

import codecs
import json
import os
import sqlite3
import sys
import threading
from array import array
from bisect import bisect_left
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from itertools import compress, islice, repeat
from operator import contains, lt, not_

from peewee import SqliteDatabase

from editor.core import text_scan
from editor.core.text_answers import Answer, Memo
from editor.db.database import on_close
from editor.db.models import db as models_db
from editor.db.search_log import LOG_TABLE as _LOG
from editor.db.search_log import logged_pages

_ENCODING = "cp1251"
_MARK = "\x98"  # the one byte cp1251 leaves undefined, as a latin-1 character
_ERRORS = "text_index.mark"
codecs.register_error(_ERRORS, lambda error: (b"\x98" * (error.end - error.start), error.end))

# One statement, so that all columns come from one consistent snapshot; group_concat of the
# same rows keeps every column in the same row order.
_LOAD = (
    "SELECT count(*), group_concat(id), group_concat(deleted_at IS NOT NULL, ''),"
    " group_concat(coalesce(subscribers, 0)), group_concat(coalesce(territory_id, 0)),"
    " group_concat(coalesce(search_key, ''), char(10))"
    " FROM page"
)
_ROWS = (
    "SELECT id, deleted_at IS NOT NULL, coalesce(subscribers, 0), coalesce(territory_id, 0),"
    " coalesce(search_key, '') FROM page ORDER BY id"
)
# The pages logged since the index's last look and those appended after its highest id. One
# IN over a compound subquery: with `id IN (…) OR id > ?` SQLite scans every page (~35 ms).
_CHANGED = (
    "SELECT id, deleted_at IS NOT NULL, coalesce(subscribers, 0), coalesce(territory_id, 0),"
    " coalesce(search_key, '') FROM page WHERE id IN"
    " (SELECT value FROM json_each(?) UNION ALL SELECT id FROM page WHERE id > ?) ORDER BY id"
)
# Beyond these, reading every page again is cheaper than catching up: a row inserted or removed
# in the middle shifts the columns (~1 ms each), a replaced one costs microseconds.
_MAX_MOVES = 300
_MAX_CHANGES = 30_000
# Narrow from a kept answer only when it holds under this share of the rows: trying a row of an
# answer costs about twice as much as a row of the plain pass over every key.
_NARROW_SHARE = 0.4
_CHEAP_BASE = 20_000  # rows of a kept answer narrowed in ~5 ms: no first screen apart (`first`)


@dataclass(frozen=True)
class Hits:
    """Matching pages: their ids in ascending order and the sum of their subscribers."""

    ids: list[int]
    subscribers: int


class _Part:
    """The live pages or the trash: parallel columns in ascending id order, with the answers
    to recent needles (`text_answers`)."""

    __slots__ = ("ids", "keys", "memo", "odd", "subscribers", "territories")

    def __init__(
        self,
        ids: array,
        subscribers: array,
        territories: array,
        keys: list[str],
        originals: list[str] | None,
        memo: Memo | None = None,
    ) -> None:
        self.ids = ids
        self.subscribers = subscribers
        self.territories = territories
        self.keys = keys
        self.memo = memo if memo is not None else Memo()
        # Row → original key, for keys holding characters outside cp1251.
        self.odd: dict[int, str] = {}
        if originals is not None:
            marked = compress(range(len(keys)), map(contains, keys, repeat(_MARK)))
            self.odd = {row: originals[row] for row in marked}

    def matches(self, needle: str, row: int) -> bool:
        """Does the key of `row` contain `needle` (as `answer` decides it)."""
        encoded = _encoded(needle)
        if encoded is None:
            original = self.odd.get(row)
            return original is not None and needle in original
        return encoded in self.keys[row]

    def answer(self, needle: str, is_cancelled: Callable[[], bool] | None = None) -> Answer:
        """The rows whose key contains `needle`: kept, narrowed from a kept answer, or read
        (raises `text_scan.Cancelled` when `is_cancelled` turns true meanwhile)."""
        known = self.memo.get(needle)
        if known is not None:
            return known
        encoded = _encoded(needle)
        base = self.memo.narrowest(needle)
        if base is not None and len(base) > _NARROW_SHARE * len(self.keys):
            base = None  # the plain pass over every key is faster
        keys = self.keys
        if encoded is None:  # only keys with characters outside cp1251 can hold it
            mask = [False] * len(keys)
            for row, original in self.odd.items():
                mask[row] = needle in original
        elif base is None:
            mask = text_scan.mask(keys, encoded, None, is_cancelled)
        else:
            rows = base.rows
            found = base.narrowed(text_scan.mask(rows, encoded, keys.__getitem__, is_cancelled))
            self.memo.put(needle, found, len(keys))
            return found
        found = Answer.scanned(mask, self.ids, self.subscribers)
        self.memo.put(needle, found, len(self.keys))
        return found

    def search(
        self,
        needle: str,
        territories: Collection[int] | None,
        is_cancelled: Callable[[], bool] | None = None,
    ) -> Hits:
        """Pages whose key contains `needle`, optionally only those of some territories."""
        found = self.answer(needle, is_cancelled)
        if territories is None:
            return Hits(found.ids.tolist(), found.subscribers)
        wanted = territories if isinstance(territories, set | frozenset) else set(territories)
        inside = list(map(wanted.__contains__, map(self.territories.__getitem__, found.rows)))
        return Hits(list(compress(found.ids, inside)), sum(compress(found.counts, inside)))

    def first(
        self, needle: str, limit: int, descending: bool, is_cancelled: Callable[[], bool] | None
    ) -> tuple[Hits, bool] | None:
        """See `TextIndex.first`; a pass that tried every key gives the whole answer, kept."""
        encoded, base = _encoded(needle), self.memo.narrowest(needle)
        cheap = base is not None and len(base) <= _CHEAP_BASE
        if encoded is None or cheap or self.memo.get(needle) is not None:
            return None
        found: list[int] = []
        for row in text_scan.matching_rows(self.keys, encoded, descending, is_cancelled):
            found.append(row)
            if len(found) == limit:
                return Hits(list(map(self.ids.__getitem__, found)), 0), False
        found.sort()
        ids = array("q", map(self.ids.__getitem__, found))
        answer = Answer(
            array("i", found), ids, array("q", map(self.subscribers.__getitem__, found))
        )
        self.memo.put(needle, answer, len(self.keys))
        return Hits(ids[::-1].tolist() if descending else ids.tolist(), answer.subscribers), True

    def copy(self) -> _Changing:
        """A copy to change (the index itself stays immutable for its readers)."""
        return _Changing(self)

    def nbytes(self) -> int:
        """Approximate memory held by the columns and the kept answers."""
        columns = (self.ids, self.subscribers, self.territories)
        size = sum(column.buffer_info()[1] * column.itemsize for column in columns)
        size += sys.getsizeof(self.keys) + sum(map(sys.getsizeof, self.keys))
        size += self.memo.nbytes()
        return size + sum(sys.getsizeof(key) for key in self.odd.values())


def _encoded(needle: str) -> str | None:
    """`needle` in cp1251 viewed as latin-1, as the keys are; None when cp1251 lacks a character."""
    try:
        return needle.encode(_ENCODING).decode("latin-1")
    except UnicodeEncodeError:
        return None


class _Changing:
    """A copy of a part being brought up to date: rows replaced, inserted or removed by id."""

    def __init__(self, part: _Part) -> None:
        self.ids = array("q", part.ids)
        self.subscribers = array("q", part.subscribers)
        self.territories = array("q", part.territories)
        self.keys = list(part.keys)
        self.odd = {part.ids[row]: key for row, key in part.odd.items()}  # by page id here
        self.moves = 0  # rows inserted or removed (each shifts the columns)
        self.memo = part.memo
        self.changed: set[int] = set()  # rows rewritten in place or appended

    def find(self, page_id: int) -> int | None:
        at = bisect_left(self.ids, page_id)
        return at if at < len(self.ids) and self.ids[at] == page_id else None

    def remove(self, at: int) -> None:
        self.odd.pop(self.ids[at], None)
        for column in (self.ids, self.subscribers, self.territories, self.keys):
            del column[at]
        self.moves += 1

    def put(self, page_id: int, subscribers: int, territory: int, key: str, original: str):
        at = bisect_left(self.ids, page_id)
        if at < len(self.ids) and self.ids[at] == page_id:
            self.changed.add(at)
            self.subscribers[at], self.territories[at], self.keys[at] = subscribers, territory, key
        else:
            if at < len(self.ids):
                self.moves += 1
            else:
                self.changed.add(at)
            self.ids.insert(at, page_id)
            self.subscribers.insert(at, subscribers)
            self.territories.insert(at, territory)
            self.keys.insert(at, key)
        if _MARK in key:
            self.odd[page_id] = original
        else:
            self.odd.pop(page_id, None)

    def part(self) -> _Part:
        done = _Part(self.ids, self.subscribers, self.territories, self.keys, None)
        done.odd = {bisect_left(self.ids, page_id): key for page_id, key in self.odd.items()}
        if self.moves:
            return done  # row numbers shifted: the kept answers no longer fit
        if not self.changed:
            done.memo = self.memo  # the same rows: the same answers
        else:
            done.memo = self.memo.carried(self.changed, done.matches, done.ids, done.subscribers)
        return done


class TextIndex:
    """An immutable snapshot of every page's search key, live pages and trash apart."""

    def __init__(self, live: _Part, trash: _Part) -> None:
        self._live = live
        self._trash = trash

    @property
    def size(self) -> int:
        """How many pages (live and trashed) the index holds."""
        return len(self._live.ids) + len(self._trash.ids)

    def live_count(self) -> int:
        """How many live (not trashed) pages the index holds."""
        return len(self._live.ids)

    def nbytes(self) -> int:
        """Approximate memory held by the index."""
        return self._live.nbytes() + self._trash.nbytes()

    def search(
        self,
        needle: str,
        *,
        trash: bool = False,
        territories: Collection[int] | None = None,
        is_cancelled: Callable[[], bool] | None = None,
    ) -> Hits:
        """Pages whose search_key contains `needle` exactly as ``instr(search_key, needle) > 0``.

        `needle` is used as given (callers fold it); `territories` limits the pages to those ids.
        A pass over the keys stops with `text_scan.Cancelled` once `is_cancelled()` is true.
        """
        return (self._trash if trash else self._live).search(needle, territories, is_cancelled)

    def first(
        self,
        needle: str,
        limit: int,
        *,
        trash: bool = False,
        descending: bool = False,
        is_cancelled: Callable[[], bool] | None = None,
    ) -> tuple[Hits, bool] | None:
        """The first `limit` ids of `search` in display order (subscribers 0), read only until
        that many matched, so that a letter most pages hold shows its first screen at once; and
        whether that is the whole answer. None when the whole answer is cheap: kept, or narrowed
        from a small kept one (ask `search`)."""
        return (self._trash if trash else self._live).first(needle, limit, descending, is_cancelled)

    def forget_answers(self) -> None:
        """Drop the kept answers, so that the next search reads every key (for measurements)."""
        self._live.memo = Memo()
        self._trash.memo = Memo()

    @property
    def max_id(self) -> int:
        """The highest page id the index holds (0 when empty)."""
        return max(self._live.ids[-1:] + self._trash.ids[-1:], default=0)

    def updated(
        self, touched: Iterable[int], rows: Iterable[tuple[int, object, int, int, str]]
    ) -> TextIndex | None:
        """A new index with the pages `touched` (ids) read again as `rows` (id, trashed,
        subscribers, territory id, search_key); a touched id without a row is gone. None when
        so many rows move that reading every page is cheaper."""
        live, trash = self._live.copy(), self._trash.copy()
        current = {row[0]: row for row in rows}
        for page_id in sorted(set(touched) | current.keys()):
            row = current.get(page_id)
            target = None if row is None else (trash if row[1] else live)
            for part in (live, trash):
                if part is not target:
                    at = part.find(page_id)
                    if at is not None:
                        part.remove(at)
            if row is not None:
                original = row[4] or ""
                key = original.encode(_ENCODING, _ERRORS).decode("latin-1")
                target.put(page_id, row[2] or 0, row[3] or 0, key, original)  # type: ignore[union-attr]
            if live.moves + trash.moves > _MAX_MOVES:
                return None
        return TextIndex(live.part(), trash.part())

    @classmethod
    def load(cls, connection: sqlite3.Connection) -> TextIndex:
        """Read the page table through `connection` (one statement, ~0.5 s for 300k pages)."""
        row = connection.execute(_LOAD).fetchone()
        count, ids, flags, subscribers, territories, keys = row
        del row
        if not count:
            return cls.from_rows(())
        id_column = _ints(ids)
        key_column, marked = _latin1_lines(keys)
        # The originals are needed only for keys with characters outside cp1251 (rare).
        originals = keys.split("\n") if marked else None
        del keys
        if len(key_column) != count or len(id_column) != count or not _ascending(id_column):
            # A key holding a line break (never written by fold_text) or rows out of id order:
            # the slow row-by-row path keeps the result exact.
            return cls.from_rows(connection.execute(_ROWS))
        return cls._from_columns(
            id_column,
            flags.encode("ascii"),
            _ints(subscribers),
            _ints(territories),
            key_column,
            originals,
        )

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[int, object, int, int, str]]) -> TextIndex:
        """Build from (id, trashed, subscribers, territory id, search_key) rows in id order."""
        ids, flags, subscribers, territories, originals = array("q"), [], array("q"), array("q"), []
        for page_id, trashed, count, territory, key in rows:
            ids.append(page_id)
            flags.append(1 if trashed else 0)
            subscribers.append(count or 0)
            territories.append(territory or 0)
            originals.append(key or "")
        order = sorted(range(len(ids)), key=ids.__getitem__)
        if order != list(range(len(ids))):
            ids = array("q", map(ids.__getitem__, order))
            flags = list(map(flags.__getitem__, order))
            subscribers = array("q", map(subscribers.__getitem__, order))
            territories = array("q", map(territories.__getitem__, order))
            originals = list(map(originals.__getitem__, order))
        keys = [key.encode(_ENCODING, _ERRORS).decode("latin-1") for key in originals]
        odd = originals if any(_MARK in key for key in keys) else None
        return cls._from_columns(ids, bytes(flags), subscribers, territories, keys, odd)

    @classmethod
    def _from_columns(
        cls,
        ids: array,
        flags: bytes,
        subscribers: array,
        territories: array,
        keys: list[str],
        originals: list[str] | None,
    ) -> TextIndex:
        # flags: one byte per row, b"1"/1 for a trashed page, b"0"/0 for a live one.
        trashed = flags.translate(bytes.maketrans(b"01", b"\x00\x01"))
        if not any(trashed):  # the usual state: the columns serve as they are
            live = _Part(ids, subscribers, territories, keys, originals)
            return cls(live, _Part(array("q"), array("q"), array("q"), [], None))
        live = bytes(map(not_, trashed))

        def part(mask: bytes) -> _Part:
            return _Part(
                array("q", compress(ids, mask)),
                array("q", compress(subscribers, mask)),
                array("q", compress(territories, mask)),
                list(compress(keys, mask)),
                list(compress(originals, mask)) if originals is not None else None,
            )

        return cls(part(live), part(trashed))


def _latin1_lines(text: str, chunk: int = 1 << 18) -> tuple[list[str], bool]:
    """The lines of `text`, each encoded in cp1251 and viewed as latin-1; True if any is marked.

    Done a quarter-megabyte at a time: the pieces stay in the processor's cache, which makes the
    whole ~20% faster and spares two copies of the text at once.
    """
    lines: list[str] = []
    marked = False
    start, size = 0, len(text)
    while start <= size:
        end = text.find("\n", start + chunk)
        if end < 0:
            end = size
        piece = text[start:end].encode(_ENCODING, _ERRORS).decode("latin-1")
        marked = marked or _MARK in piece
        lines.extend(piece.split("\n"))
        start = end + 1
    return lines, marked


def _ints(text: str | None) -> array:
    """A comma-separated list of integers as an array (json's parser is twice as fast as int())."""
    return array("q", json.loads(f"[{text}]")) if text else array("q")


def _ascending(values: array) -> bool:
    return all(map(lt, values, islice(values, 1, None)))


# --- the shared, always fresh index of the open catalogue --------------------------------------


class _Source:
    """The index of one catalogue file with the connection that loads and stamps it."""

    def __init__(self, path: str, identity: tuple[int, int]) -> None:
        self.path = path
        self.identity = identity
        self.connection = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self.connection.execute("PRAGMA busy_timeout = 5000")
        self.connection.execute("PRAGMA query_only = 1")
        self.index: TextIndex | None = None
        self.stamp: int | None = None
        self.logged: int | None = None  # the last log entry the index includes; None: no log
        self.loads = 0
        self.updates = 0

    def fresh(self) -> TextIndex:
        """The index, brought up to date first when anything was committed since it was read."""
        stamp = self.connection.execute("PRAGMA data_version").fetchone()[0]
        if self.index is None or stamp != self.stamp:
            # The stamp is taken before the read: a commit during the read moves it again,
            # so the next use looks again rather than trusting a snapshot that may predate it.
            if self.index is not None and self._catch_up():
                self.updates += 1
            else:
                self.index = None
                self._load()
                self.loads += 1
                _count_load()
            self.stamp = stamp
        return self.index  # type: ignore[return-value]

    def _load(self) -> None:
        connection = self.connection
        connection.execute("BEGIN")  # the log position and the pages from one snapshot
        try:
            self.logged = self._last_logged()
            self.index = TextIndex.load(connection)
        finally:
            connection.execute("COMMIT")

    def _last_logged(self) -> int | None:
        try:
            (last,) = self.connection.execute(
                f"SELECT coalesce(max(seq), 0) FROM {_LOG}"
            ).fetchone()
        except sqlite3.OperationalError:  # a catalogue of an older schema: no log
            return None
        return last

    def _catch_up(self) -> bool:
        """Read again only what changed since the last look; False when the log cannot tell."""
        if self.logged is None or self.index is None:
            return False
        connection = self.connection
        connection.execute("BEGIN")
        try:
            first, last = connection.execute(
                f"SELECT min(seq), max(seq) FROM {_LOG} WHERE seq > ?", (self.logged,)
            ).fetchone()
            if last is not None and first != self.logged + 1:
                return False  # entries after our last look were trimmed
            if last is None and self._last_logged() != self.logged:
                return False  # the log was rebuilt (a restored or replaced file)
            touched = logged_pages(connection.execute, self.logged, _MAX_CHANGES + 1)
            if len(touched) > _MAX_CHANGES:
                return False
            rows = connection.execute(
                _CHANGED + " LIMIT ?", (json.dumps(touched), self.index.max_id, _MAX_CHANGES + 1)
            ).fetchall()
            if len(rows) > _MAX_CHANGES:
                return False
            index = self.index.updated(touched, rows)
            if index is None:
                return False
            self.index = index
            if last is not None:
                self.logged = last
            return True
        finally:
            connection.execute("COMMIT")

    def close(self) -> None:
        self.index = None
        self.connection.close()


_lock = threading.Lock()
_source: _Source | None = None
_loads = 0


def _file_identity(path: str) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def current(database: SqliteDatabase = models_db, *, read: bool = True) -> TextIndex | None:
    """The fresh index of the catalogue `database` is bound to, for this thread's connection.

    None when the index cannot answer for this connection: an in-memory database, or an open
    transaction whose uncommitted writes only SQL can see; with `read` false, also when the
    index was not read yet (a caller that SQL serves well enough does not read it for nothing).
    """
    global _source
    path = database.database
    if not path or path == ":memory:" or str(path).startswith("file:"):
        return None
    if database.connection().in_transaction:
        return None
    identity = _file_identity(path)
    if identity is None:
        return None
    with _lock:
        if _source is not None and (_source.path != path or _source.identity != identity):
            _source.close()
            _source = None
        if not read and (_source is None or _source.index is None):
            return None
        if _source is None:
            _source = _Source(path, identity)
        return _source.fresh()


def _count_load() -> None:
    global _loads
    _loads += 1


def loads() -> int:
    """How many times an index was read in this process (for tests and measurements)."""
    with _lock:
        return _loads


def release() -> None:
    """Drop the index and close its connection (when a catalogue is closed)."""
    global _source
    with _lock:
        if _source is not None:
            _source.close()
            _source = None


on_close(release)
