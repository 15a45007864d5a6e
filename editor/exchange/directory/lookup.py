"""`lookup`: the directory's query engine run on the catalogue itself, for a bot.

It answers as the published page would (same folding, same ranking, see `search`), over the
live pages of the catalogue, in a fraction of a second on 300,000 pages. Usually the word index
(`word_index`) answers: when at least `limit` pages hold every query word as the beginning of
a word, they outrank every other page, and it orders them without a scan. Otherwise SQLite
narrows the pages to those holding every query word (in the page's search key or its
territory's name) and pre-orders them by a coarse score on the organisation's folded name;
only the best `CANDIDATES` of those are ranked exactly in Python. Nothing personal is read.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from editor.core.i18n import tr
from editor.core.integrity import CheckReport
from editor.core.territories import subtree_ids
from editor.db.database import is_server_catalogue
from editor.db.models import LEVEL_INDEX, db
from editor.exchange.directory import word_index
from editor.exchange.directory.collect import public_title
from editor.exchange.directory.search import Entry, fold, query_words, rank, words

MUNICIPALITY = LEVEL_INDEX["municipality"]
CANDIDATES = 500  # rows ranked exactly; far more than a bot ever shows
_NETWORK_ORDER = {"vk": 0, "ok": 1, "telegram": 2, "max": 3, "other": 4}


@dataclass(frozen=True)
class Found:
    """One answer of `lookup`, in the shape of DESIGN §7."""

    organization: str
    territory: str
    oktmo: str
    network: str
    url: str
    title: str

    def as_json(self) -> dict:
        """The result object of ``lookup --json``."""
        return {
            "organization": self.organization,
            "territory": self.territory,
            "oktmo": self.oktmo,
            "network": self.network,
            "url": self.url,
            "title": self.title,
        }


_ANCESTRY = (
    "WITH RECURSIVE up(id) AS (SELECT value FROM json_each(?) UNION"
    " SELECT t.parent_id FROM territory t JOIN up ON t.id = up.id"
    " WHERE t.parent_id IS NOT NULL) "
)


class _Places:
    """The territory tree, light: what ranking needs (names, depth, display order)."""

    def __init__(self, only: Iterable[int] | None = None) -> None:
        """All territories, or `only` these and their ancestors."""
        self.parent: dict[int, int | None] = {}
        self.level: dict[int, int] = {}
        self.sort: dict[int, tuple] = {}
        self.name: dict[int, str] = {}
        self.oktmo: dict[int, str] = {}
        self._municipality: dict[int, int | None] = {}
        sql = "SELECT id, parent_id, level, position, name, oktmo FROM territory"
        params: tuple = ()
        if only is not None:
            sql = _ANCESTRY + sql + " WHERE id IN (SELECT id FROM up)"
            params = (json.dumps(sorted(only)),)
        for tid, parent, level, position, name, oktmo in db.execute_sql(sql, params):
            self.parent[tid], self.level[tid], self.name[tid] = parent, level, name
            self.sort[tid] = (position, name, tid)
            self.oktmo[tid] = oktmo or ""

    def chain(self, tid: int) -> list[int]:
        """The territory and its ancestors, bottom up."""
        chain = []
        node: int | None = tid
        while node is not None:
            chain.append(node)
            node = self.parent[node]
        return chain

    def order(self, tid: int) -> tuple:
        """A key that sorts territories in the tree's display order (depth first)."""
        return tuple(self.sort[node] for node in reversed(self.chain(tid)))

    def municipality(self, tid: int) -> int | None:
        """The municipality a territory below municipalities lies in (memoised), else None."""
        memo = self._municipality
        if tid in memo:
            return memo[tid]
        level, parent = self.level[tid], self.parent[tid]
        found = None
        if level > MUNICIPALITY and parent is not None:
            found = parent if self.level[parent] == MUNICIPALITY else self.municipality(parent)
        memo[tid] = found
        return found

    def names(self, tid: int) -> list[str]:
        """The territory's name and, below a municipality, the municipality's."""
        above = self.municipality(tid)
        return [self.name[tid]] if above is None else [self.name[tid], self.name[above]]

    def within(self, root: int) -> set[int]:
        """The root and all its descendants."""
        children: dict[int | None, list[int]] = {}
        for tid, parent in self.parent.items():
            children.setdefault(parent, []).append(tid)
        found, stack = set(), [root]
        while stack:
            node = stack.pop()
            found.add(node)
            stack.extend(children.get(node, ()))
        return found


def lookup(
    text: str | Sequence[str], territory_id: int | None = None, limit: int = 10
) -> list[Found]:
    """The best `limit` live pages for a query (words or one string), best first."""
    query = query_words(text)
    if not query or limit < 1:
        return []
    if word_index.available():
        for _attempt in range(2):
            with db.atomic():  # one snapshot
                current = word_index.is_current()
                if current:
                    disagrees = False
                    try:
                        found = _from_index(query, territory_id, limit)
                    except _Disagrees:
                        found, disagrees = None, True
                    if found is None:
                        found = _scan(query, territory_id, limit)
            if current:
                if disagrees:
                    word_index.invalidate()  # something wrote around the log: rebuild
                return found
            # The index lags behind the catalogue: catch it up and look again; a catalogue
            # that cannot be written now (read-only, another writer busy) is scanned.
            if not word_index.bring_up_to_date(_index_places):
                break
    with db.atomic():
        return _scan(query, territory_id, limit)


class _Disagrees(Exception):
    """The word index holds a page otherwise than the page itself reads."""


def _scan(query: list[str], territory_id: int | None, limit: int) -> list[Found]:
    places = _Places()
    scope = places.within(territory_id) if territory_id is not None else None
    return _rank(places, _candidates(places, scope, query), query, limit)


def _index_places() -> word_index.Places:
    places = _Places()
    orders = {tid: places.order(tid) for tid in places.name}
    return {
        tid: (
            " ".join(word for name in places.names(tid) for word in words(name)),
            len(orders[tid]) - 1,
            position,
        )
        for position, tid in enumerate(sorted(orders, key=orders.__getitem__))
    }


_DETAILS = (
    "SELECT p.id, o.id, o.territory_id, p.network, p.url, p.title, o.full_name, o.short_name"
    " FROM page p JOIN organization o ON o.id = p.organization_id"
    " WHERE p.id IN (SELECT value FROM json_each(?))"
    " AND p.deleted_at IS NULL AND o.deleted_at IS NULL AND p.url <> ''"
)


def _from_index(query: list[str], territory_id: int | None, limit: int) -> list[Found] | None:
    """The answer from the word index, or None when fewer than `limit` pages hold every query
    word as the beginning of a word (a page holding one only inside a word may then rank)."""
    scope = None if territory_id is None else subtree_ids(territory_id)
    chosen = word_index.best(query, scope, limit)
    if chosen is None:
        return None
    # The few pages chosen (ties included) are ranked exactly, the directory's order last.
    claimed = dict(chosen)
    rows = db.execute_sql(_DETAILS, (json.dumps(list(claimed)),)).fetchall()
    places = _Places({row[2] for row in rows})
    keys = _keys(places, rows, query)
    if len(keys) != len(claimed) or any(
        (*key[:3], *word_index.capped(key[3], key[4])) != claimed[rows[order][0]]
        for key, order, _ in keys
    ):
        raise _Disagrees  # never answer from an index that is wrong
    return _found(places, rows, keys, limit)


def _rank(places: _Places, rows: list[tuple], query: list[str], limit: int) -> list[Found]:
    """The best `limit` of `rows` (see `_candidates`), ranked exactly."""
    return _found(places, rows, _keys(places, rows, query), limit)


def _keys(places: _Places, rows: list[tuple], query: list[str]) -> list[tuple]:
    """(ranking key, position, public title) of the matching rows, best first; `rows` are
    sorted into the directory's order in place (the keys' last part)."""
    orders: dict[int, tuple] = {}
    for row in rows:
        if row[2] not in orders:
            orders[row[2]] = places.order(row[2])
    rows.sort(
        key=lambda r: (orders[r[2]], r[6].casefold(), r[1], _NETWORK_ORDER.get(r[3], 9), r[0])
    )
    scored = []
    for order, row in enumerate(rows):
        tid = row[2]
        name, short = row[6] or "", row[7] or ""
        title = public_title(row[5] or "", name, short)
        entry = Entry.of(name, short, title, places.names(tid), len(orders[tid]) - 1, order)
        key = rank(entry, query)
        if key is not None:
            scored.append((key, order, title))
    scored.sort()
    return scored


def _found(places: _Places, rows: list[tuple], keys: list[tuple], limit: int) -> list[Found]:
    found = []
    for _, order, title in keys[:limit]:
        row = rows[order]
        tid = row[2]
        found.append(
            Found(row[6] or "", places.name[tid], places.oktmo[tid], row[3] or "", row[4], title)
        )
    return found


def _candidates(places: _Places, scope: set[int] | None, query: list[str]) -> list[tuple]:
    """(page id, organisation id, territory id, network, url, title, name, short name) of the
    live pages holding every query word, the most promising first, at most CANDIDATES."""
    folded: dict[int, str] = {}
    own = {tid: fold(name) for tid, name in places.name.items()}
    for tid in places.name if scope is None else scope:
        above = places.municipality(tid)
        folded[tid] = own[tid] if above is None else f"{own[tid]}\n{own[above]}"
    # The page table alone is scanned (its search key and denormalised territory); only the
    # best CANDIDATES rows are joined to their organisations.
    where = ["deleted_at IS NULL", "url <> ''"]
    params: list[object] = []
    if scope is not None:
        where.append("territory_id IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(sorted(scope)))
    for word in query:
        # The stored key is folded with casefold(): a word whose lower() differs (ß) is left
        # to the exact ranking.
        if word.casefold() != word:
            continue
        hits = [tid for tid, names in folded.items() if word in names]
        if hits:
            where.append(
                "(instr(search_key, ?) > 0 OR territory_id IN (SELECT value FROM json_each(?)))"
            )
            params += [word, json.dumps(hits)]
        else:
            where.append("instr(search_key, ?) > 0")
            params.append(word)
    # The coarse score: query words that begin a word of the key (title, name, short name),
    # the whole query in it; then shorter keys.
    # CASE rather than a truth value times a number: PostgreSQL has no boolean arithmetic.
    score = ["CASE WHEN instr(search_key, ?) > 0 THEN 2 ELSE 0 END"]
    score_params: list[object] = [" ".join(query)]
    for word in query:
        # No « » || search_key: that would copy every matching key once per word.
        score.append(
            "CASE WHEN instr(search_key, ?) > 0 OR substr(search_key, 1, ?) = ? THEN 4 ELSE 0 END"
        )
        score_params += [" " + word, len(word), word]
    sql = (
        "SELECT p.id, o.id, o.territory_id, p.network, p.url, p.title, o.full_name, o.short_name"
        " FROM (SELECT id, organization_id, network, url, title FROM page"
        # Without a scope SQLite would walk the live-pages index and fetch every row by id: a
        # plain scan reads the same rows a third faster (PostgreSQL plans for itself).
        f"{' NOT INDEXED' if scope is None and not is_server_catalogue() else ''}"
        f" WHERE {' AND '.join(where)}"
        f" ORDER BY {' + '.join(score)} DESC, length(search_key), id LIMIT ?) AS p"
        " JOIN organization o ON o.id = p.organization_id WHERE o.deleted_at IS NULL"
    )
    return db.execute_sql(sql, [*params, *score_params, CANDIDATES]).fetchall()


def verify_index(report: CheckReport) -> None:
    """`check`: pages the word index holds wrongly (it can only lag behind, and then catches
    up; a wrong page means something wrote around the triggers). Nothing is changed."""
    if not word_index.available():
        return
    with db.atomic():
        stale = word_index.stale_pages(_index_places())
    if stale:
        report.problems.append(
            tr("Страниц, которые указатель поиска lookup держит неверно: {count}").format(
                count=stale
            )
        )
