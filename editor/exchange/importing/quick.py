"""The quick path of an import: rows whose records are already as the row says.

Re-importing a registry (the same file again, or next month's with new counts) is mostly rows
that match a page and its organisation exactly. The full path (`plan.Planner._row`) fetches
every record of a chunk as a dict, indexes it by every key and compares it field by field with
a Diff per difference; for an unchanged row all of that ends in "unchanged". Here one query
per chunk joins each row's link to its page and the page's organisation, with the counts that
tell whether the match is unambiguous, and each row is compared on the returned tuple: a row
that matches, with every value equal (or only its dated count new), is decided at once.

The quick path decides a row only where the full path would surely decide the same; anything
else — an ambiguous match, a changed value, a record an earlier row of this import touched, a
key that an earlier row of this chunk changed — goes the full way (`Quick.demote`), so the
result is the same row by row.
"""

from __future__ import annotations

import datetime as dt

from editor.core.fields import ORGANIZATION_FIELDS, PAGE_SHEET_FIELDS, day_text
from editor.core.i18n import tr
from editor.db.models import db
from editor.exchange.importing.lookup import in_chunks, read_stored_counts
from editor.exchange.importing.report import UNCHANGED, UPDATED, Diff
from editor.exchange.importing.rows import ParsedRow, RowParser

# Every live page with one of the links and its live organisation: the columns that decide the
# match and the count, and those of the fields the file has (fetching every column, as the chunk
# cache does, costs four times as much). Whether the match is the one candidate is counted apart
# (a correlated count per row costs three times as much again).
_FIXED = (
    "p.url_key",
    "p.id",
    "p.subscribers",
    "p.subscribers_date",
    "o.id",
    "o.territory_id",
    "o.name_key",
    "o.full_name",
    "o.ogrn",
)
_URL, _P_ID, _P_SUBSCRIBERS, _P_DATE, _O_ID, _O_TERRITORY, _O_NAME_KEY, _O_FULL_NAME, _O_OGRN = (
    range(len(_FIXED))
)
_PROBE = (
    "SELECT {} FROM page AS p JOIN organization AS o ON o.id = p.organization_id"
    " WHERE p.deleted_at IS NULL AND o.deleted_at IS NULL AND p.url_key IN ({})"
)
_OGRN_COUNTS = (
    "SELECT ogrn, count(*) FROM organization WHERE deleted_at IS NULL AND ogrn IN ({})"
    " GROUP BY ogrn"
)
_NAME_COUNTS = (
    "SELECT name_key, territory_id, count(*) FROM organization"
    " WHERE deleted_at IS NULL AND name_key IN ({}) GROUP BY name_key, territory_id"
)
_ORG_COLUMN = {spec.name: spec.column for spec in ORGANIZATION_FIELDS}
_PAGE_SPEC = {spec.name: spec for spec in PAGE_SHEET_FIELDS}


class Probe:
    """The probe query of one file, and where each field's value is in its rows."""

    def __init__(self, parser: RowParser) -> None:
        org = sorted({target for _, kind, target, *_ in parser.plan if kind == "org"})
        page = {target for _, kind, target, *_ in parser.plan if kind == "page"}
        page = sorted((page | {"url", "network"}) - {"subscribers", "subscribers_date"})
        columns = [
            *_FIXED,
            *(f"o.{_ORG_COLUMN[name]}" for name in org),
            *(f"p.{_PAGE_SPEC[name].column}" for name in page),
        ]
        self.sql = _PROBE.format(", ".join(columns), "{}")
        # Field → position; a page flag is read as bool, as the chunk cache reads it.
        self.org_at = {name: len(_FIXED) + index for index, name in enumerate(org)}
        self.page_at = {
            name: (len(_FIXED) + len(org) + index, _PAGE_SPEC[name].kind == "bool")
            for index, name in enumerate(page)
        }


class Quick:
    """The planner's quick path (a mixin of plan.Planner, which supplies the rest)."""

    def _probe(
        self, work: list[tuple[ParsedRow, int, bool]], parser: RowParser
    ) -> dict[int, tuple]:  # position in work → probe row
        """The probe rows of the chunk's rows that may be decided quickly."""
        probes = self.__dict__.setdefault("probes", {})  # id(parser) → (parser, Probe)
        probe = probes.get(id(parser))
        if probe is None:
            probe = probes[id(parser)] = (parser, Probe(parser))
        self.probe = probe[1]
        self.quick_current: dict[int, tuple[int, dt.date]] = {}
        wanted: dict[str, list[int]] = {}
        scope = self.scope  # type: ignore[attr-defined]
        for position, (parsed, _territory_id, explicit) in enumerate(work):
            if parsed.url_key and (
                "ogrn" in parsed.org or (parsed.org_key and (explicit or scope is None))
            ):
                wanted.setdefault(parsed.url_key, []).append(position)
        if not wanted:
            return {}
        urls = list(wanted)
        if self.known is not None:  # type: ignore[attr-defined]
            urls = self.known.url.present(urls)  # type: ignore[attr-defined]
        found: dict[str, tuple | None] = {}
        for part in in_chunks(urls):
            sql = self.probe.sql.format(", ".join("?" * len(part)))
            for row in db.execute_sql(sql, part).fetchall():
                # Several live pages with the link: the full path.
                found[row[0]] = None if row[0] in found else row
        probed: dict[int, tuple] = {}
        ogrns: set[str] = set()
        names: set[str] = set()
        for url, row in found.items():
            if row is None:
                continue
            for position in wanted[url]:
                probed[position] = row
                parsed = work[position][0]
                if "ogrn" in parsed.org:
                    ogrns.add(parsed.org["ogrn"])  # type: ignore[arg-type]
                else:
                    names.add(parsed.org_key)
        # How many live organisations have each ОГРН, and each name in each territory.
        counts = self.match_counts = {}  # type: ignore[var-annotated]
        for query, keys in ((_OGRN_COUNTS, ogrns), (_NAME_COUNTS, names)):
            for part in in_chunks(list(keys)):
                for *key, count in db.execute_sql(query.format(", ".join("?" * len(part))), part):
                    counts[tuple(key) if len(key) > 1 else key[0]] = count
        return probed

    def _quick_row(
        self,
        file_index: int,
        parsed: ParsedRow,
        row: tuple,
        file_date: dt.date | None,
        ref: int,
    ) -> bool:
        """Decide a row that the probe matched and `_values_match` accepted (the caller asks it
        of the whole chunk first), if it is sure to be unchanged or to bring only a dated count;
        False leaves it to the full path."""
        org_id, page_id = row[_O_ID], row[_P_ID]
        if org_id in self.org_first or page_id in self.page_first:  # type: ignore[attr-defined]
            return False
        touched = self.touched  # type: ignore[attr-defined]
        ogrn = parsed.org.get("ogrn")
        if parsed.url_key in touched or parsed.org_key in touched or ogrn in touched:
            return False
        count = None
        if parsed.count is not None:
            date = parsed.count_date or file_date
            current = row[_P_SUBSCRIBERS]
            if date is None:
                if current != parsed.count:
                    return False  # an undated new count: the full path dates it
            else:
                day = row[_P_DATE]
                if day is not None and dt.date.fromisoformat(day) == date:
                    old = current
                else:
                    old = self._stored_count(page_id, date)
                if old != parsed.count:
                    count = (date, old, parsed.count)
        self.org_first.setdefault(org_id, ref)  # type: ignore[attr-defined]
        self.page_first.setdefault(page_id, ref)  # type: ignore[attr-defined]
        name = str(row[_O_FULL_NAME])
        if count is None:
            self.report.unchanged += 1  # type: ignore[attr-defined]
            self._keep(UNCHANGED, file_index, parsed.row, name, parsed.url_key or "")  # type: ignore[attr-defined]
            return True
        self._write_count(page_id, row, count)
        labels = self.__dict__.setdefault("count_labels", {})  # date → the Diff's label
        label = labels.get(count[0])
        if label is None:
            label = labels[count[0]] = tr("Подписчики на {date}", "import").format(
                date=day_text(count[0])
            )
        change = Diff("count", "subscribers", label, count[1], count[2])
        self.report.updated += 1  # type: ignore[attr-defined]
        self._keep(UPDATED, file_index, parsed.row, name, parsed.url_key or "", (change,))  # type: ignore[attr-defined]
        return True

    def _values_match(
        self, parsed: ParsedRow, territory_id: int, explicit: bool, row: tuple
    ) -> bool:
        """Whether the row names the probed records and holds their values (its count aside):
        what the quick path asks of a row that does not depend on the chunk's earlier rows, so
        that rows failing it join the full path's fetch of the chunk instead of one by one."""
        ogrn = parsed.org.get("ogrn")
        # The organisation the full path matches: the one with the ОГРН, else the one with the
        # name in the row's territory.
        counts = self.match_counts  # type: ignore[attr-defined]
        if ogrn is not None:
            if counts.get(ogrn) != 1 or row[_O_OGRN] != ogrn:
                return False
        elif (
            counts.get((parsed.org_key, territory_id)) != 1
            or row[_O_NAME_KEY] != parsed.org_key
            or row[_O_TERRITORY] != territory_id
        ):
            return False
        if explicit and row[_O_TERRITORY] != territory_id:
            return False
        org_at, page_at = self.probe.org_at, self.probe.page_at
        for name, new in parsed.org.items():
            old = row[org_at[name]]
            if old != new and not (name == "full_name" and row[_O_NAME_KEY] == parsed.org_key):
                return False
        for name, new in parsed.page.items():
            position, flag = page_at[name]
            old = row[position]
            if flag and old is not None:
                old = bool(old)
            if old != new:
                return False
        return True

    def _write_count(self, page_id: int, row: tuple, count: tuple) -> None:
        """Queue a new dated count as _apply_page does, and keep the page's new current count
        for a later row of the chunk (see _quick_fetched)."""
        if page_id in self.pages:  # type: ignore[attr-defined]
            self._apply_page(page_id, None, [], count)  # type: ignore[attr-defined]
            return
        date, old, new = count
        self.writer.count(page_id, date, old, new)  # type: ignore[attr-defined]
        self.pending_counts[(page_id, date)] = new  # type: ignore[attr-defined]
        day = row[_P_DATE]
        if day is None or date >= dt.date.fromisoformat(day):
            previous = self.quick_current.get(page_id, (row[_P_SUBSCRIBERS], None))[0]
            self.quick_current[page_id] = (new, date)
            self.writer.current(page_id, new, date, previous)  # type: ignore[attr-defined]

    def _quick_fetched(self) -> None:
        """After the chunk cache fetched records for a row the quick path left: the pages
        whose count a quick row changed get it, as if that row had gone the full way."""
        pages = self.pages  # type: ignore[attr-defined]
        for page_id in [page_id for page_id in self.quick_current if page_id in pages]:
            count, date = self.quick_current.pop(page_id)  # the cache holds it from now on
            record = pages[page_id]
            record["subscribers"], record["subscribers_date"] = count, date

    def _stored_count(self, page_id: int, date: dt.date) -> int | None:
        """The count stored for the page on that date before this chunk (None: none)."""
        key = (page_id, date)
        stored = self.stored_counts  # type: ignore[attr-defined]
        if key not in stored:
            row = db.execute_sql(
                "SELECT count FROM subscriber_count WHERE page_id = ? AND date = ?",
                (page_id, date.isoformat()),
            ).fetchone()
            stored[key] = row[0] if row else None
        return stored[key]

    def _stored_counts(
        self, probed: dict[int, tuple], work: list[tuple[ParsedRow, int, bool]], file_date
    ) -> None:
        """The counts stored on the rows' dates for the probed pages whose current count is of
        another date: one query per date (fills stored_counts, as _prefetch_counts does)."""
        wanted: dict[dt.date, list[int]] = {}
        for position, row in probed.items():
            parsed = work[position][0]
            date = parsed.count_date or file_date
            if parsed.count is None or date is None:
                continue
            day = row[_P_DATE]
            if day is None or dt.date.fromisoformat(day) != date:
                wanted.setdefault(date, []).append(row[_P_ID])
        read_stored_counts(wanted, self.stored_counts)  # type: ignore[attr-defined]
