"""The chunk cache of an import: the catalogue records a chunk of rows may refer to.

Before the rows of a chunk are decided, a few queries fetch every live organisation and page
they can match (by ОГРН, by folded name, by canonical URL, and the pages of the matched
organisations for matching by organisation + network). The records are kept as plain dicts
and updated in place as rows change them, so later rows of the same chunk see those changes;
after the chunk is written the cache is dropped and the next chunk reads the database again.

Those queries cost a B-tree probe per key even when nothing matches, which is most rows of a
big file of new records. So before the first chunk the ОГРН, names and links of the live
catalogue are loaded into Bloom filters (`KeyFilter`), kept up to date as the import adds and
changes records, and a key the filter has never seen is not looked up at all.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from editor.core.fields import ORGANIZATION_FIELDS, PAGE_SHEET_FIELDS
from editor.db.models import db
from editor.exchange.importing.apply import BatchWriter
from editor.exchange.importing.rows import ParsedRow

# The record fields the cache holds, derived from the one declaration in editor.core.fields.
ORG_FIELDS = ("territory", *(spec.name for spec in ORGANIZATION_FIELDS))
_ORG_SELECT = (
    "SELECT id, territory_id, "
    + ", ".join(spec.column for spec in ORGANIZATION_FIELDS)
    + ", name_key FROM organization WHERE deleted_at IS NULL AND "
)
PAGE_FIELDS = (
    "organization",
    "territory",
    *(spec.name for spec in PAGE_SHEET_FIELDS),
    "batch",
)
_PAGE_SELECT = (
    "SELECT id, organization_id, territory_id, "
    + ", ".join(spec.column for spec in PAGE_SHEET_FIELDS)
    + ", batch_id FROM page WHERE deleted_at IS NULL AND "
)
_BOOL_PAGE = tuple(spec.name for spec in PAGE_SHEET_FIELDS if spec.kind == "bool")
_PARAMS = 900  # ids per IN (...) query
_BITS_PER_KEY = 16  # with 2 probes: about 1.5 % of absent keys still looked up
# Filters are built when the rows expected × this reach the catalogue's records: a key costs
# about as much to load as a lookup of a chunk's rows, and a row has up to three keys.
FILTER_RATIO = 4


class KeyFilter:
    """A Bloom filter of strings: an added key is always found, and about 1.5 % of the keys
    never added are found too. Two bits per key from the str's own cached hash (the filter
    lives in one process); a few MiB for a nationwide catalogue."""

    __slots__ = ("_bits", "_mask")

    def __init__(self, expected: int) -> None:
        size = 1 << max(16, (max(expected, 1) * _BITS_PER_KEY - 1).bit_length())
        self._mask = size - 1
        self._bits = bytearray(size >> 3)

    def update(self, keys: Iterable[str]) -> None:
        """Remember every key of `keys` (one loop here: a call per key would double the cost)."""
        bits, mask = self._bits, self._mask
        for key in keys:
            code = hash(key)
            low, high = code & mask, (code >> 32) & mask
            bits[low >> 3] |= 1 << (low & 7)
            bits[high >> 3] |= 1 << (high & 7)

    def add(self, key: str) -> None:
        """Remember `key`."""
        self.update((key,))

    def present(self, keys: Iterable[str]) -> list[str]:
        """The keys of `keys` that may have been added: all that were, a few that were not."""
        bits, mask = self._bits, self._mask
        found = []
        for key in keys:
            code = hash(key)
            low, high = code & mask, (code >> 32) & mask
            if bits[low >> 3] >> (low & 7) & 1 and bits[high >> 3] >> (high & 7) & 1:
                found.append(key)
        return found

    def __contains__(self, key: str) -> bool:
        return bool(self.present((key,)))


class KnownKeys:
    """The ОГРН, folded names and canonical links of the catalogue's live records."""

    def __init__(self, orgs: int, pages: int, expected_rows: int) -> None:
        self.ogrn = KeyFilter(orgs + expected_rows)
        self.name = KeyFilter(orgs + expected_rows)
        self.url = KeyFilter(pages + expected_rows)
        live = "deleted_at IS NULL"
        for keys, sql in (
            (self.ogrn, f"SELECT ogrn FROM organization WHERE {live} AND ogrn IS NOT NULL"),
            (self.name, f"SELECT name_key FROM organization WHERE {live}"),
            (self.url, f"SELECT url_key FROM page WHERE {live} AND url_key IS NOT NULL"),
        ):
            keys.update(key for (key,) in db.execute_sql(sql))


def in_chunks(values: list, size: int = _PARAMS):
    """`values` in slices small enough for one IN (...) list."""
    for start in range(0, len(values), size):
        yield values[start : start + size]


def read_stored_counts(
    wanted: dict[dt.date, list[int]], stored: dict[tuple[int, dt.date], int | None]
) -> None:
    """Put into `stored` the count each page of `wanted` (date → page ids) holds on that date,
    None where it holds none: one query per date and slice of ids, not one per row."""
    for date, page_ids in wanted.items():
        for part in in_chunks(page_ids):
            marks = ", ".join("?" * len(part))
            for page_id, count in db.execute_sql(
                "SELECT page_id, count FROM subscriber_count"
                f" WHERE date = ? AND page_id IN ({marks})",
                [date.isoformat(), *part],
            ):
                stored[(page_id, date)] = count
        for page_id in page_ids:
            stored.setdefault((page_id, date), None)  # known to be absent


class ChunkCache:
    """Records of the current chunk by id, and their indexes by ОГРН, name, URL, organisation."""

    writer: BatchWriter
    scope: set[int] | None
    # None: every key is looked up (until know_catalogue() is called).
    known: KnownKeys | None = None
    filters_wanted: tuple[int, int, int] | None = None  # set by know_catalogue

    def know_catalogue(self, expected_rows: int) -> None:
        """Decide whether to load the catalogue's keys so that rows with keys it lacks skip
        their lookups (call before the first chunk; `expected_rows` sizes the filters). Not
        worth it for a file much smaller than the catalogue: reading its keys would cost more
        than the lookups. They are loaded after the first chunk that finds most rows new (chunk_found)."""
        orgs, pages = db.execute_sql(
            "SELECT (SELECT count(*) FROM organization WHERE deleted_at IS NULL),"
            " (SELECT count(*) FROM page WHERE deleted_at IS NULL)"
        ).fetchone()
        if expected_rows * FILTER_RATIO >= orgs + pages:
            self.filters_wanted = (orgs, pages, expected_rows)

    def chunk_found(self, found: int, rows: int) -> None:
        """After each chunk until they are loaded (its rows, and how many the catalogue had):
        load the keys that know_catalogue chose to once a chunk finds most of its rows new. A
        file imported again, or next month's, finds nearly every key, and loading them costs
        about 0.4 s per 100,000 records for nothing; a file whose first rows are known and the
        rest new (270,000 new rows after 30,000 updated) would look every new key up without
        them."""
        if self.filters_wanted is not None and found * 2 < rows:
            self.known = KnownKeys(*self.filters_wanted)
            self.filters_wanted = None

    def _reset_chunk(self) -> None:
        self.orgs: dict[int, dict[str, object]] = {}
        self.pages: dict[int, dict[str, object]] = {}
        self.by_ogrn: dict[str, list[int]] = defaultdict(list)
        self.by_name: dict[str, list[int]] = defaultdict(list)
        self.by_url: dict[str, int] = {}
        self.by_org_network: dict[tuple[int, str], list[int]] = defaultdict(list)
        self.pending_counts: dict[tuple[int, dt.date], int] = {}
        # (page, date) → the count stored before this chunk, None if none (Planner fills it).
        self.stored_counts: dict[tuple[int, dt.date], int | None] = {}
        # ОГРН, folded names and links whose records rows of this chunk created or changed:
        # the quick path leaves rows with these keys to the full path.
        self.touched: set[object] = set()

    def _add_org(self, record: dict[str, object]) -> None:
        org_id = record["id"]
        if org_id in self.orgs:
            return
        self.orgs[org_id] = record  # type: ignore[index]
        if record["ogrn"]:
            self.by_ogrn[record["ogrn"]].append(org_id)  # type: ignore[index,arg-type]
        self.by_name[record["name_key"]].append(org_id)  # type: ignore[index]

    def _add_page(self, record: dict[str, object], *, indexed_by_org: bool) -> None:
        page_id = record["id"]
        if page_id not in self.pages:
            self.pages[page_id] = record  # type: ignore[index]
            if record["url"]:
                self.by_url.setdefault(record["url"], page_id)  # type: ignore[arg-type]
        if indexed_by_org:
            key = (record["organization"], record["network"])
            if page_id not in self.by_org_network[key]:  # type: ignore[index]
                self.by_org_network[key].append(page_id)  # type: ignore[index,arg-type]

    def _fetch_orgs(self, condition: str, values: list, extra: str = "", params=()) -> None:
        for part in in_chunks(values):
            sql = _ORG_SELECT + condition.format(", ".join("?" * len(part))) + extra
            for row in db.execute_sql(sql, [*part, *params]).fetchall():
                record = dict(zip(("id", *ORG_FIELDS, "name_key"), row, strict=True))
                self._add_org(record)

    def _fetch_pages(self, condition: str, values: list, *, indexed_by_org: bool) -> None:
        for part in in_chunks(values):
            sql = _PAGE_SELECT + condition.format(", ".join("?" * len(part)))
            for row in db.execute_sql(sql, part).fetchall():
                record = dict(zip(("id", *PAGE_FIELDS), row, strict=True))
                for name in _BOOL_PAGE:
                    if record[name] is not None:
                        record[name] = bool(record[name])
                if record["subscribers_date"] is not None:
                    record["subscribers_date"] = dt.date.fromisoformat(record["subscribers_date"])
                self._add_page(
                    record,
                    indexed_by_org=indexed_by_org and record["batch"] != self.writer.batch_id,
                )

    def _prefetch(self, work: list[tuple[ParsedRow, int, bool]]) -> None:
        known = self.known
        ogrns = list({p.org["ogrn"] for p, _, _ in work if "ogrn" in p.org})
        if known is not None:
            ogrns = known.ogrn.present(ogrns)
        if ogrns:
            self._fetch_orgs("ogrn IN ({})", ogrns)
        # By name only what the ОГРН did not find, and only in the rows' territories: a common
        # name («Администрация») occurs thousands of times across a country.
        names = list(
            {p.org_key for p, _, _ in work if p.org_key and p.org.get("ogrn") not in self.by_ogrn}
        )
        if known is not None:
            names = known.name.present(names)
        if names:
            places = {tid for _, tid, explicit in work if explicit}
            if any(not explicit for _, _, explicit in work):
                places |= self.scope if self.scope is not None else {-1}
            if -1 in places or len(places) > _PARAMS:
                self._fetch_orgs("name_key IN ({})", names)
            else:
                marks = ", ".join("?" * len(places))
                self._fetch_orgs(
                    "name_key IN ({})", names, f" AND territory_id IN ({marks})", sorted(places)
                )
        urls = list({p.url_key for p, _, _ in work if p.url_key})
        if known is not None:
            urls = known.url.present(urls)
        if urls:
            self._fetch_pages("url_key IN ({})", urls, indexed_by_org=False)
            owners = list({page["organization"] for page in self.pages.values()} - set(self.orgs))
            if owners:
                self._fetch_orgs("id IN ({})", owners)
        # Pages of the organisations that rows with a link new to the catalogue match, for
        # matching by organisation + network.
        matched = set()
        by_ogrn, by_name, by_url = self.by_ogrn, self.by_name, self.by_url
        for parsed, territory_id, explicit in work:
            if parsed.url_key and parsed.url_key not in by_url:
                if parsed.org_key not in by_name and parsed.org.get("ogrn") not in by_ogrn:
                    continue  # an organisation new to the catalogue: nothing to match
                org_id, _problem = self._match_org(parsed, territory_id, explicit)
                if org_id is not None:
                    matched.add(org_id)
        if matched:
            self._fetch_pages("organization_id IN ({})", list(matched), indexed_by_org=True)

    def _match_org(
        self, parsed: ParsedRow, territory_id: int, explicit: bool
    ) -> tuple[int | None, str | None]:  # pragma: no cover - the planner defines it
        raise NotImplementedError

    def _count_written(self, page_id: int, date: dt.date) -> bool:
        """Whether this import already wrote a count of the page for that date."""
        if (page_id, date) in self.pending_counts:
            return True
        row = db.execute_sql(
            "SELECT batch_id FROM subscriber_count WHERE page_id = ? AND date = ?",
            (page_id, date.isoformat()),
        ).fetchone()
        return row is not None and row[0] == self.writer.batch_id
