"""`lookup` without a scan: the pages holding every query word as the beginning of a word.

Such pages rank above every page that holds some word only inside a word (see `search`), so
when at least `limit` of them exist, they alone decide the answer; the FTS5 table of
`editor.db.directory_words` finds them. Its rows are numbered in the order of the ranking's
static keys (territory depth, name length, territory order), so one query per group of the
query-dependent keys (the whole name typed; how many query words the organisation's own names
hold, the others being in its territory's; a name beginning with the first word) walks its
pages best first and stops at the limit: milliseconds, where reading every search key takes a
quarter of a second. The few pages chosen are ranked exactly by the caller. Fewer of them:
the caller scans as before.

Freshness is lazy. The index follows `page_search_log` (kept by triggers on every write to a
page: the editor's, an import's, undo and redo alike): before answering, the pages logged since
its last look and those added above its highest id are indexed again; a log that cannot tell
(trimmed past its last look, rebuilt) or too many changes have every page compared with what
the index holds (a fingerprint per page: seconds, not a rebuild); a changed territory (names a
page is found by, the tree's order) rebuilds it whole. A catalogue that cannot be written now (read-only,
another writer busy) keeps a stale index unused, and `lookup` scans. Only live pages of live
organisations with a link are indexed, so the trash is never found.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import combinations

from peewee import OperationalError

from editor.db import dialect
from editor.db.directory_words import JOINER, ROWS, STATE, TABLE
from editor.db.models import db
from editor.db.search_log import LOG_TABLE, logged_pages
from editor.exchange.directory.collect import public_title
from editor.exchange.directory.search import words

# Beyond this many logged pages, comparing every page beats looking them up one by one.
MAX_CHANGES = 50_000
# A writer holding the catalogue: wait this long (ms) before answering from a scan instead.
BUSY_MS = 200
_CHUNK = 20_000
# Queries of more words than this that some page holds only through its territory are scanned.
MAX_SPLIT_WORDS = 4

_LIVE = (
    "SELECT p.id, p.territory_id, p.title, o.full_name, o.short_name FROM page p"
    " JOIN organization o ON o.id = p.organization_id"
    " WHERE p.deleted_at IS NULL AND o.deleted_at IS NULL AND p.url <> ''"
)
_INSERT = (
    f"INSERT INTO {TABLE} (rowid, first, name, short, title, place, wholes) VALUES (?,?,?,?,?,?,?)"
)
_DELETE = (
    f"INSERT INTO {TABLE} ({TABLE}, rowid, first, name, short, title, place, wholes)"
    " VALUES ('delete',?,?,?,?,?,?,?)"
)
_INSERT_ROW = (
    f"INSERT INTO {ROWS} (page_id, row, territory, name, short, title, digest)"
    " VALUES (?,?,?,?,?,?,?)"
)
_ID_BITS = 31
_PLACE_BITS = 16
_LENGTH_BITS = 12
_DEPTH_BITS = 4  # 63 bits in all: a positive SQLite integer
_ID_MASK = (1 << _ID_BITS) - 1


def capped(depth: int, length: int) -> tuple[int, int]:
    """Depth and name length as a row number holds them."""
    return min(depth, (1 << _DEPTH_BITS) - 1), min(length, (1 << _LENGTH_BITS) - 1)


def _static(row: int) -> tuple[int, int]:
    """(depth, length) of a row number."""
    high = row >> (_ID_BITS + _PLACE_BITS)
    return high >> _LENGTH_BITS, high & ((1 << _LENGTH_BITS) - 1)


def row_of(depth: int, length: int, place: int, page_id: int) -> int:
    """The row of a page: ordered by its territory's depth, its name's length, its
    territory's position in the tree's order (all three capped: pages past the caps tie, and
    ties are ranked exactly), then its id (OverflowError past 2^31: the index is not used)."""
    if page_id >> _ID_BITS:
        raise OverflowError(page_id)
    depth, length = capped(depth, length)
    place = min(place, (1 << _PLACE_BITS) - 1)
    return (((((depth << _LENGTH_BITS) | length) << _PLACE_BITS) | place) << _ID_BITS) | page_id


# territory id → (the folded words of the names a page there is found by, depth in the tree,
# position in the tree's display order)
Places = dict[int, tuple[str, int, int]]


@dataclass(frozen=True)
class State:
    """Up to which log entry and page id the index is current; whether its place names are."""

    logged: int
    max_id: int
    places: int


def available() -> bool:
    """Whether the catalogue in use has the index (a file of this schema, not a server)."""
    if isinstance(db.obj, dialect.ServerDatabase):
        return False
    (count,) = db.execute_sql(
        "SELECT count(*) FROM sqlite_master WHERE name IN (?, ?)", (TABLE, STATE)
    ).fetchone()
    return count == 2


def _state() -> State | None:
    row = db.execute_sql(f"SELECT logged, max_id, places FROM {STATE}").fetchone()
    return None if row is None else State(*row)


def _log_bounds(after: int) -> tuple[int | None, int | None, int]:
    """(first entry after `after`, last entry after it, last entry overall)."""
    first, last = db.execute_sql(
        f"SELECT min(seq), max(seq) FROM {LOG_TABLE} WHERE seq > ?", (after,)
    ).fetchone()
    (overall,) = db.execute_sql(f"SELECT coalesce(max(seq), 0) FROM {LOG_TABLE}").fetchone()
    return first, last, overall


def _max_page() -> int:
    return db.execute_sql("SELECT coalesce(max(id), 0) FROM page").fetchone()[0]


def _current(state: State | None, bounds: tuple[int | None, int | None, int]) -> bool:
    return (
        state is not None
        and state.places == 1
        and bounds[1] is None
        and bounds[2] == state.logged
        and _max_page() <= state.max_id
    )


def is_current() -> bool:
    """Whether the index holds exactly the live pages as this transaction sees them."""
    state = _state()
    return state is not None and _current(state, _log_bounds(state.logged))


def _digest(territory: int, title: str | None, name: str | None, short: str | None) -> int:
    """A fingerprint of what a page's index row is made of (its territory and raw texts)."""
    data = "\x1f".join((str(territory), title or "", name or "", short or ""))
    digest = hashlib.blake2b(data.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def _texts(rows: Iterable[tuple], places: Places) -> Iterator[tuple]:
    """Rows of directory_words_row (page id, row, territory, name, short, title, digest) from
    _LIVE rows: the texts are the folded words joined by single spaces."""
    for page_id, territory, title, name, short in rows:
        name, short = name or "", short or ""
        _, depth, position = places.get(territory, ("", 0, 0))
        own = [words(name), words(short), words(public_title(title or "", name, short))]
        texts = [" ".join(part) for part in own]
        yield (
            page_id,
            row_of(depth, len(texts[0]), position, page_id),
            territory,
            *texts,
            _digest(territory, title, name, short),
        )


def _columns(texts: tuple, places: Places) -> tuple:
    """The FTS row (rowid, first, name, short, title, place, wholes) of a directory_words_row
    row."""
    _, row, territory, name, short, title = texts[:6]
    return (
        row,
        name.split(" ", 1)[0],
        name,
        short,
        title,
        places.get(territory, ("", 0, 0))[0],
        " ".join(part.replace(" ", JOINER) for part in (name, short, title) if part),
    )


def _insert(rows: Iterable[tuple], places: Places) -> None:
    texts = list(_texts(rows, places))
    cursor = db.cursor()
    cursor.executemany(_INSERT_ROW, texts)
    cursor.executemany(_INSERT, [_columns(text, places) for text in texts])


def _rebuild(places: Places) -> None:
    db.execute_sql(f"INSERT INTO {TABLE} ({TABLE}) VALUES ('delete-all')")
    db.execute_sql(f"DELETE FROM {ROWS}")
    cursor = db.execute_sql(_LIVE + " ORDER BY p.id")
    while rows := cursor.fetchmany(_CHUNK):
        _insert(rows, places)


def _sync(page_ids: list[int] | None, above: int, places: Places) -> None:
    """Index again those of the pages `page_ids` (None: every page) and of the pages with an
    id above `above` whose territory or texts changed (most logged changes are subscriber
    counts: they leave the index as it is); drop those no longer live. The territories' names
    are those the pages were indexed with: a change of them rebuilds instead."""
    kept = f"SELECT page_id, row, territory, name, short, title, digest FROM {ROWS}"
    live, params = _LIVE, ()
    if page_ids is not None:
        changed = "(SELECT value FROM json_each(?))"
        params = (json.dumps(page_ids), above)
        kept += f" WHERE page_id IN {changed} OR page_id > ?"
        live += f" AND (p.id IN {changed} OR p.id > ?)"
    old = {text[0]: text for text in db.execute_sql(kept, params)}
    fresh, gone, seen = [], [], set()
    for row in db.execute_sql(live, params):
        seen.add(row[0])
        known = old.get(row[0])
        if known is None or known[6] != _digest(*row[1:]):
            fresh.append(row)
            if known is not None:
                gone.append(known)
    gone += [text for page_id, text in old.items() if page_id not in seen]
    cursor = db.cursor()
    cursor.executemany(_DELETE, [_columns(text, places) for text in gone])
    cursor.executemany(f"DELETE FROM {ROWS} WHERE page_id = ?", [(text[0],) for text in gone])
    _insert(fresh, places)


def bring_up_to_date(places: Callable[[], Places]) -> bool:
    """Catch the index up with the catalogue (in a transaction of its own); False when it cannot
    be written now. `places()`: see `Places` (asked only when something changed)."""
    connection = db.connection()
    (busy,) = connection.execute("PRAGMA busy_timeout").fetchone()
    connection.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
    try:
        with db.atomic():
            state = _state()
            first, last, overall = bounds = _log_bounds(state.logged if state else 0)
            if _current(state, bounds):
                return True  # nothing to do: no write, no lock
            db.execute_sql(f"INSERT INTO {STATE} VALUES (1, 0, 0, 0) ON CONFLICT DO NOTHING")
            top = _max_page()
            names = places()
            if state is None or state.places != 1:
                _rebuild(names)  # new, or territories changed
            elif overall < state.logged or (last is not None and first != state.logged + 1):
                _sync(None, 0, names)  # the log cannot tell (rebuilt, trimmed): compare all
            else:
                touched = logged_pages(db.execute_sql, state.logged, MAX_CHANGES + 1)
                if len(touched) > MAX_CHANGES:
                    _sync(None, 0, names)
                else:
                    _sync(touched, state.max_id, names)
            db.execute_sql(f"UPDATE {STATE} SET logged = ?, max_id = ?, places = 1", (overall, top))
        return True
    except (OperationalError, sqlite3.OperationalError):
        return False  # read-only, or another writer holds the catalogue
    except OverflowError:
        return False  # a page id past row_of's range: the catalogue is scanned
    finally:
        connection.execute(f"PRAGMA busy_timeout = {busy}")


def invalidate() -> None:
    """Have the next use rebuild the index (when it was found wrong); best effort."""
    connection = db.connection()
    (busy,) = connection.execute("PRAGMA busy_timeout").fetchone()
    connection.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
    try:
        with db.atomic():
            db.execute_sql(f"UPDATE {STATE} SET places = 0")
    except (OperationalError, sqlite3.OperationalError):
        pass  # read-only or busy: it stays unused while it disagrees
    finally:
        connection.execute(f"PRAGMA busy_timeout = {busy}")


def _own(word: str) -> str:
    return f"({{name short title}} : {_quoted(word)}*)"


def _quoted(word: str) -> str:
    if not word.isalnum():
        raise ValueError(word)  # words() never makes such words; a quote would break MATCH
    return f'"{word}"'


def best(
    query: Sequence[str], scope: Iterable[int] | None, limit: int
) -> list[tuple[int, tuple[int, ...]]] | None:
    """(page id, its ranking keys but the last (tier, -named, first, depth, length, the last two
    capped as by `capped`), see `search.rank`) of the
    best `limit` pages holding every query word as the beginning of one of their words (the
    organisation's names, the title, the territory's names), and of the pages tied with the
    last of them on every key but the directory's own order; None when fewer than `limit`
    pages hold every word so (pages holding a word only inside a word may then rank). The
    caller checks `is_current` in the same transaction, and the keys against the pages."""
    if not query:
        return None
    prefixes = " AND ".join(_quoted(word) + "*" for word in query)
    own = f"({{name short title}} : ({prefixes}))"
    first = f"(first : {_quoted(query[0])}*)"
    whole = '(wholes : "' + JOINER.join(_quoted(word)[1:-1] for word in query) + '")'
    count = len(query)
    groups = [
        ((0, -count, 0), f"{whole} AND {first}"),
        ((0, -count, 1), f"{whole} NOT {first}"),
        ((1, -count, 0), f"({own} AND {first}) NOT {whole}"),
        ((1, -count, 1), f"{own} NOT ({first} OR {whole})"),
    ]
    # Then fewer and fewer words in the organisation's own names, the others in the names of
    # its territory (a few words at most: the groups multiply).
    for named in range(count - 1, -1, -1) if count <= MAX_SPLIT_WORDS else ():
        some = " OR ".join(
            "("
            + " AND ".join(
                _own(word) if index in chosen else f"((place : {_quoted(word)}*) NOT {_own(word)})"
                for index, word in enumerate(query)
            )
            + ")"
            for chosen in combinations(range(count), named)
        )
        groups.append(((1, -named, 0), f"({some}) AND {first}"))
        groups.append(((1, -named, 1), f"({some}) NOT {first}"))
    where = f"{TABLE} MATCH ?"
    scoped: tuple = ()
    if scope is not None:
        where += (
            f" AND rowid IN (SELECT row FROM {ROWS}"
            " WHERE territory IN (SELECT value FROM json_each(?)))"
        )
        scoped = (json.dumps(sorted(scope)),)
    found: list[tuple[int, tuple[int, ...]]] = []
    for key, expression in groups:
        rows = db.execute_sql(
            f"SELECT rowid FROM {TABLE} WHERE {where} ORDER BY rowid LIMIT ?",
            (expression, *scoped, limit - len(found)),
        ).fetchall()
        found += [(row & _ID_MASK, key + _static(row)) for (row,) in rows]
        if len(found) >= limit:
            # The pages tied with the last on depth, length and territory: the directory's
            # order decides among them (the organisation's name, then the network).
            last = rows[-1][0]
            ties = db.execute_sql(
                f"SELECT rowid FROM {TABLE} WHERE {where} AND rowid > ? AND rowid <= ?",
                (expression, *scoped, last, last | _ID_MASK),
            )
            found += [(row & _ID_MASK, key + _static(row)) for (row,) in ties]
            return found
    return None


def stale_pages(places: Places) -> int:
    """Pages the index claims to be current for but holds wrongly (missing, extra, other
    words), for `check`; 0 when it has no state yet (it is filled on first use) or knows
    itself stale as a whole (changed territories: the next use rebuilds it)."""
    state = _state()
    if state is None or state.places != 1:
        return 0
    logged = {
        page_id
        for (page_id,) in db.execute_sql(
            f"SELECT DISTINCT page_id FROM {LOG_TABLE} WHERE seq > ?", (state.logged,)
        )
    }
    expected = {
        text[0]: text
        for text in _texts(db.execute_sql(_LIVE + " AND p.id <= ?", (state.max_id,)), places)
        if text[0] not in logged
    }
    stale = 0
    for text in db.execute_sql(
        f"SELECT page_id, row, territory, name, short, title, digest FROM {ROWS}"
        " WHERE page_id <= ?",
        (state.max_id,),
    ):
        if text[0] not in logged and expected.pop(text[0], None) != tuple(text):
            stale += 1
    # Every row of the map has its words in the FTS table, and no other row is there.
    (indexed,) = db.execute_sql(f"SELECT count(*) FROM {TABLE}").fetchone()
    (mapped,) = db.execute_sql(f"SELECT count(*) FROM {ROWS}").fetchone()
    return stale + len(expected) + abs(indexed - mapped)
