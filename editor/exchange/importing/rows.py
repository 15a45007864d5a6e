"""Turning the cells of one spreadsheet row into clean organisation and page values.

Each file gets a `RowParser` built from its column mapping once; parsing a row is then a tight
loop over the mapped cells with a converter per column, since a 300,000-row file passes here
300,000 times. Values go through the same rules as editing (editor.core.fields / normalize);
repeated cell texts (да/нет, statuses, sphere names) are converted once per file.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from itertools import repeat
from operator import attrgetter

from editor.core import normalize as nz
from editor.core.fields import (
    ORGANIZATION_FIELD,
    ORGANIZATION_SHEET_FIELDS,
    PAGE_FIELD,
    PAGE_SHEET_FIELDS,
    coerce,
)
from editor.core.i18n import tr
from editor.core.urls import PlaceholderLink, canonical_url
from editor.exchange.importing.report import Problem

# Column field (editor.exchange.columns) → organisation field.
ORG_TARGETS: dict[str, str] = {spec.sheet_field: spec.name for spec in ORGANIZATION_SHEET_FIELDS}
# Column field → page field; "subscribers" and "count_date" become the row's dated count.
PAGE_TARGETS: dict[str, str] = {spec.sheet_field: spec.name for spec in PAGE_SHEET_FIELDS}
# Where the row belongs; the derived level and our own page ids are not imported.
ROW_TARGETS = ("oktmo", "territory")
IGNORED = ("page_id", "level")

# Cell texts that mean "this organisation has no page" in the link column.
NO_LINK = frozenset(
    {"0", "-", "–", "—", "нет", "отсутствует", "не ведется", "не ведётся", "х", "x"}
)
# Page values that make sense without a link and are dropped silently on an organisation row.
_QUIET_PAGE_FIELDS = frozenset({"status", "network", "notes"})

_MISSING = object()
# Markers of a text column and of a count column in RowParser._steps (they never hold anything).
_TEXT: dict[object, object] = {}
_COUNT: dict[object, object] = {}
_CACHE_LIMIT = 4096


class ParsedRow:
    """The clean values of one row; only non-empty cells are present (an empty cell changes nothing)."""

    __slots__ = (
        "cells",
        "count",
        "count_date",
        "dropped",
        "network_id_hint",
        "notices",
        "oktmo",
        "org",
        "org_key",
        "page",
        "problems",
        "row",
        "search_key",
        "territory",
        "url_key",
    )

    def __init__(self, row: int, cells: Sequence[object]) -> None:
        self.row = row
        self.cells = cells
        self.oktmo: str | None = None
        self.territory: str | None = None
        self.org: dict[str, object] = {}
        self.org_key = ""  # fold_text of the organisation name
        self.page: dict[str, object] = {}
        self.url_key: str | None = None
        # The page's search key if it belongs to the organisation the row itself describes.
        self.search_key = ""
        self.network_id_hint: str | None = None  # the id the link itself carries (club123)
        self.count: int | None = None
        self.count_date: dt.date | None = None
        # Empty ones are the shared empty tuple, a list once something is found: nothing
        # appends to them after parsing, and 300,000 rows travel to the importer.
        self.problems: Sequence[Problem] = ()
        self.notices: Sequence[tuple[str, object, str]] = ()  # (column, value, message)
        self.dropped: Sequence[str] = ()  # page columns ignored for want of a link

    def __reduce__(self) -> tuple[object, tuple]:
        # One flat tuple per row: the import's reader process sends 300,000 of them.
        return _rebuild, _state(self)


_STATE = ParsedRow.__slots__
_state = attrgetter(*_STATE)


def _rebuild(*state: object) -> ParsedRow:
    parsed = ParsedRow.__new__(ParsedRow)
    deque(map(setattr, repeat(parsed), _STATE, state), maxlen=0)  # the loop runs in C
    return parsed


def _text(value: object) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "да" if value else "нет"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.strftime("%d.%m.%Y") if not (value.hour or value.minute) else str(value)
    if isinstance(value, dt.date):
        return value.strftime("%d.%m.%Y")
    return str(value)


_CACHEABLE = (str, int, float, bool)


def _cached(convert: Callable[[object], object]) -> Callable[[object], object]:
    """Remember the result (or the error) of converting each distinct value, up to a limit."""
    # One dict per type: 1, 1.0 and True are equal as dict keys but convert differently.
    caches: dict[type, dict[object, object]] = {kind: {} for kind in _CACHEABLE}
    # Texts and whole numbers (never equal as dict keys) that converted to a value to store:
    # RowParser.parse looks them up inline.
    hits: dict[object, object] = {}
    error_type = nz.NormalizeError

    def run(value: object) -> object:
        cache = caches.get(type(value))
        if cache is None:
            return convert(value)
        hit = cache.get(value, _MISSING)
        if hit is _MISSING:
            try:
                hit = convert(value)
            except error_type as error:
                hit = error
            if len(cache) < _CACHE_LIMIT:
                cache[value] = hit
                kind = type(value)
                if (kind is str or kind is int) and hit is not None and hit != "":
                    if not isinstance(hit, error_type):
                        hits[value] = hit
        if isinstance(hit, error_type):
            # Raised afresh: re-raising the remembered exception would chain every raise's
            # frames (and the rows they hold) onto its traceback, a leak of a row per raise.
            raise hit.with_traceback(None)
        return hit

    run.caches = caches  # type: ignore[attr-defined]
    run.hits = hits  # type: ignore[attr-defined]
    return run


def _count(label: str) -> Callable[[object], object]:
    def convert(value: object) -> object:
        kind = type(value)
        if kind is int and value >= 0:
            return value
        if kind is str:
            # «12 345» and «12345» are by far the most common: plain ASCII digits once the
            # thousands separators are dropped read the same as through parse_count.
            digits = "".join(value.split())  # type: ignore[attr-defined]
            if digits.isascii() and digits.isdigit():
                return int(digits)
        return nz.parse_count(value, field=label)

    convert.keeps_counts = True  # type: ignore[attr-defined]  # RowParser.parse inlines that case
    return convert


def _sphere(label: str, matcher: Mapping[str, int]) -> Callable[[object], object]:
    def convert(value: object) -> object:
        text = _text(value)
        found = matcher.get(nz.fold_text(text))
        if found is None and "/" in text:
            # Our own exports write a child sphere as «Образование / Школы».
            found = matcher.get(nz.fold_text(text.rsplit("/", 1)[1]))
        if found is None:
            raise nz.NormalizeError(
                tr("{field}: «{value}» — нет такой сферы в справочнике", "import").format(
                    field=label, value=text
                )
            )
        return found

    return convert


def _ogrn(value: object) -> object:
    if type(value) is int and 10**12 <= value < 10**13:
        return str(value)
    if type(value) is str and len(value) == 13 and value.isascii() and value.isdigit():
        return value
    return nz.normalize_ogrn(value)


def converter(field: str, matcher: Mapping[str, int]) -> Callable[[object], object] | None:
    """The function that cleans a cell of a column mapped to `field` (None: not imported)."""
    if field in ORG_TARGETS:
        spec = ORGANIZATION_FIELD[ORG_TARGETS[field]]
    elif field in PAGE_TARGETS and field != "count_date" and field != "url":
        spec = PAGE_FIELD[PAGE_TARGETS[field]]
    elif field == "count_date":
        spec = PAGE_FIELD["subscribers_date"]
    elif field in ("url", "territory", "oktmo"):
        return _text
    else:
        return None
    label = spec.title
    match spec.kind:
        case "text":
            return _text
        case "ogrn":
            return _ogrn
        case "count":
            return _count(label)
        case "sphere":
            return _cached(_sphere(label, matcher))
        case "inn" | "percent" | "bool" | "date" | "network" | "status" | "widgets" | "int":
            return _cached(lambda value, spec=spec: coerce(spec, value))
    return lambda value, spec=spec: coerce(spec, value)


def _hits(convert: Callable[[object], object]) -> dict[object, object] | None:
    """What RowParser.parse looks a cell up in before it calls `convert` (see _steps)."""
    if convert is _text:
        return _TEXT
    if getattr(convert, "keeps_counts", False):
        return _COUNT
    return getattr(convert, "hits", None)


class RowParser:
    """Parses the rows of one table whose columns are mapped as `mapping` (index → field)."""

    def __init__(
        self, headers: Sequence[str], mapping: Mapping[int, str], spheres: Mapping[str, int]
    ) -> None:
        self.headers = list(headers)
        # (index, kind, target, convert, header, the converter's per-type caches or None)
        self.plan: list[tuple[int, str, str, Callable[[object], object], str, dict | None]] = []
        for index, field in sorted(mapping.items()):
            convert = converter(field, spheres)
            if convert is None:
                continue
            header = self.headers[index] if index < len(self.headers) else field
            caches = getattr(convert, "caches", None)
            if field in ORG_TARGETS:
                self.plan.append((index, "org", ORG_TARGETS[field], convert, header, caches))
            elif field in PAGE_TARGETS:
                self.plan.append((index, "page", PAGE_TARGETS[field], convert, header, caches))
            else:
                self.plan.append((index, "row", field, convert, header, caches))
        self.columns = {entry[2]: entry[4] for entry in self.plan}
        self.has_territory = any(entry[1] == "row" for entry in self.plan)
        # The plan as parse walks it: (index, store, target, hits, convert, header). store:
        # 0 the organisation, 1 the page, 2 the row's place; hits: _TEXT for a text column (a
        # text cell is only stripped), _COUNT for a count (a whole number >= 0 is kept), a
        # cached converter's hits, or None.
        stores = {"org": 0, "page": 1, "row": 2}
        self._steps = [
            (index, stores[kind], target, _hits(convert), convert, header)
            for index, kind, target, convert, header, _caches in self.plan
        ]
        self._width = max((entry[0] for entry in self.plan), default=-1) + 1

    def header_of(self, target: str) -> str:
        """The header of the column that fills `target` (a field name)."""
        return self.columns.get(target, target)

    def parse(self, row: int, cells: Sequence[object]) -> ParsedRow:
        """Clean values of one row; problems and notices are collected on the result."""
        parsed = ParsedRow(row, cells)
        if len(cells) < self._width:  # the cells past a short row's end are empty
            cells = [*cells, *[None] * (self._width - len(cells))]
        org, page = parsed.org, parsed.page
        place: dict[str, object] = {}
        stores = (org, page, place)
        # The common cases inline (a text cell, a cached text), the rest through the converter.
        for index, store, target, hits, convert, header in self._steps:
            value = cells[index]
            if value is None:
                continue
            if hits is _TEXT:
                if type(value) is str:
                    value = value.strip()
                    if value:
                        stores[store][target] = value
                    continue
            elif hits is _COUNT:
                if type(value) is int and value >= 0:
                    stores[store][target] = value
                    continue
            elif hits is not None:
                kind = type(value)
                if kind is str or kind is int:
                    clean = hits.get(value, _MISSING)
                    if clean is not _MISSING:
                        stores[store][target] = clean
                        continue
            if value == "":
                continue
            try:
                clean = convert(value)
            except nz.NormalizeError as error:
                parsed.problems = [*parsed.problems, Problem(header, value, str(error))]
                continue
            if clean is not None and clean != "":
                stores[store][target] = clean
        if place:
            if "oktmo" in place:
                parsed.oktmo = _oktmo(place["oktmo"])
            if "territory" in place:
                parsed.territory = place["territory"]  # type: ignore[assignment]
        if "full_name" in org:
            parsed.org_key = nz.fold_text(org["full_name"])
        ogrn = org.get("ogrn")
        if ogrn is not None and not nz.ogrn_valid(ogrn):  # type: ignore[arg-type]
            parsed.notices = [
                *parsed.notices,
                (
                    self.header_of("ogrn"),
                    ogrn,
                    tr(
                        "ОГРН {value}: неверная контрольная цифра (строка импортирована)", "import"
                    ).format(value=ogrn),
                ),
            ]
        inn = org.get("inn")
        if inn is not None and not nz.inn_valid(inn):  # type: ignore[arg-type]
            parsed.notices = [
                *parsed.notices,
                (
                    self.header_of("inn"),
                    inn,
                    tr(
                        "ИНН {value}: неверная контрольная цифра (строка импортирована)", "import"
                    ).format(value=inn),
                ),
            ]
        if page:
            self._page(parsed)
        return parsed

    def _page(self, parsed: ParsedRow) -> None:
        page = parsed.page
        parsed.count = page.pop("subscribers", None)  # type: ignore[assignment]
        parsed.count_date = page.pop("subscribers_date", None)  # type: ignore[assignment]
        raw = page.pop("url", None)
        if raw is not None and len(raw) <= 12 and nz.fold_text(raw) in NO_LINK:
            raw = None
        canonical = None
        if raw is not None:
            try:
                canonical = canonical_url(str(raw), page.get("network"))  # type: ignore[arg-type]
            except PlaceholderLink:
                # A template link such as «https://vk.com/public» names no page: the row is an
                # organisation row, and the municipality hears why its page was not taken.
                parsed.notices = [
                    *parsed.notices,
                    (
                        self.header_of("url"),
                        raw,
                        tr("ссылка без адреса страницы — страница не создана", "import"),
                    ),
                ]
                raw = None
            except nz.NormalizeError as error:
                parsed.problems = [
                    *parsed.problems,
                    Problem(self.header_of("url"), raw, str(error)),
                ]
                return
        if raw is None or canonical is None:
            # An organisation row: its notes belong to the organisation, page values are dropped.
            notes = page.pop("notes", None)
            if notes:
                parsed.org["notes"] = notes
            dropped = [key for key in page if key not in _QUIET_PAGE_FIELDS]
            if parsed.count is not None:
                dropped.append("subscribers")
            if dropped:
                parsed.dropped = dropped
            page.clear()
            parsed.count = None
            return
        page["url"] = canonical.url
        page["network"] = canonical.network
        parsed.url_key = canonical.url
        parsed.network_id_hint = canonical.network_id
        org = parsed.org
        parsed.search_key = _search_key(
            page.get("title") or "",
            parsed.org_key,
            org.get("short_name") or "",
            org.get("ogrn"),
            canonical.url,
        )


def _oktmo(text: object) -> str:
    """ОКТМО as 8 or 11 digits: a numeric cell loses the leading zero of regions 01–09."""
    text = str(text)
    digits = text if text.isdigit() else "".join(ch for ch in text if ch.isdigit())
    if len(digits) in (7, 10):
        digits = "0" + digits
    return digits


def page_search_key(title: object, org: Mapping[str, object], url: object) -> str:
    """records.search_key() of a page, from the organisation's cached folded name.

    Folding the parts one by one gives the same text as folding them joined, and a canonical
    link in ASCII folds to its lower case: this spares folding a long name twice per row.
    """
    return _search_key(title, org["name_key"], org["short_name"], org["ogrn"], url)


def _search_key(
    title: object, name_key: object, short_name: object, ogrn: object, url: object
) -> str:
    """page_search_key from the parts themselves (parse has them at hand, no dict needed)."""
    parts: list[str] = []
    if title and (folded := nz.fold_text(title)):
        parts.append(folded)
    if name_key:
        parts.append(name_key)  # type: ignore[arg-type]
    if short_name and (folded := nz.fold_text(short_name)):
        parts.append(folded)
    if url:
        text = str(url)
        if text.isascii() and "'" not in text and '"' not in text and "`" not in text:
            folded = text.casefold()
        else:
            folded = nz.fold_text(text)
        if folded:
            parts.append(folded)
    if ogrn:
        parts.append(str(ogrn))  # digits fold to themselves
    return " ".join(parts)
