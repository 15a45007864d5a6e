"""Matching parsed rows against the catalogue and deciding what each row does.

Rows arrive in chunks. For a chunk the planner looks up, in a few queries, every organisation
and page its rows may refer to (by ОГРН, by name within a territory, by canonical URL, by
organisation + network) and keeps them in a chunk cache; then it walks the rows in order,
decides new / updated / unchanged / rejected, queues the writes and flushes them. Nothing is
held across chunks but compact "first row that touched this record" marks, so memory stays flat.

Rules (issue 4): a row's territory comes from ОКТМО, else from the territory column matched
inside the target, else it is the target; ambiguity is never guessed. An organisation matches by
ОГРН, else by folded name within the territory; a page by canonical URL, else by organisation +
network. An empty cell changes nothing. When two rows of the import touch the same record the
first wins and the other is reported.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping

from editor.core.fields import ORGANIZATION_FIELD, PAGE_FIELD, day_text
from editor.core.i18n import tr
from editor.db.models import db
from editor.exchange.importing.apply import BatchWriter
from editor.exchange.importing.lookup import read_stored_counts
from editor.exchange.importing.marks import FirstRows, pack, unpack
from editor.exchange.importing.quick import Quick
from editor.exchange.importing.report import (
    NEW,
    UNCHANGED,
    UPDATED,
    Diff,
    ImportReport,
    Notice,
    Problem,
    Rejection,
    RowChange,
)
from editor.exchange.importing.rows import ParsedRow, RowParser
from editor.exchange.importing.territories import TerritoryResolver
from editor.exchange.importing.writes import ChunkWrites

_SKIP = -1  # a page that belongs to another organisation: the row's page part is left out


class Planner(Quick, ChunkWrites):
    """Decides and queues the writes of an import, chunk by chunk (see the module docstring)."""

    def __init__(
        self,
        writer: BatchWriter,
        report: ImportReport,
        *,
        target_id: int | None,
        assignments: Mapping[str, int | None] | None = None,
        exclusions: set[int] | frozenset[int] = frozenset(),
        detail_limit: int = 100_000,
        row_limit: int = 100_000,
        today: dt.date | None = None,
    ) -> None:
        self.writer = writer
        self.report = report
        self.territories = TerritoryResolver(target_id, assignments, report.unresolved)
        self.scope = self.territories.scope
        self.exclusions = exclusions
        self.detail_limit = detail_limit
        self.row_limit = row_limit
        self.today = today or dt.date.today()
        # Field labels in the current language, looked up once, not once per changed value.
        self.titles = {name: spec.title for name, spec in ORGANIZATION_FIELD.items()}
        self.page_titles = {name: spec.title for name, spec in PAGE_FIELD.items()}
        self.sphere_names = {
            sphere_id: name
            for sphere_id, name in db.execute_sql("SELECT id, name FROM sphere").fetchall()
        }
        # The first row of this import that touched each record ("the first wins").
        self.org_first = FirstRows(writer.next_org)
        self.page_first = FirstRows(writer.next_page)
        self.kept: dict[str, int] = defaultdict(int)
        self._reset_chunk()

    # --- rows ----------------------------------------------------------------------------

    def process(
        self,
        file_index: int,
        parser: RowParser,
        rows: list[ParsedRow],
        source: str,
        file_date: dt.date | None,
    ) -> None:
        """Decide and write one chunk of rows of one file."""
        report = self.report
        work: list[tuple[ParsedRow, int, bool]] = []
        for parsed in rows:
            report.rows += 1
            if pack(file_index, parsed.row) in self.exclusions:
                report.skipped += 1
                continue
            for column, value, message in parsed.notices:
                self._notice(file_index, parsed.row, column, value, message)
            if parsed.problems:
                self._reject(file_index, parsed, parsed.problems)
                continue
            territory_id, explicit, problem, key = self.territories.resolve(parsed, parser)
            if problem is not None:
                self._reject(file_index, parsed, [problem], territory_key=key)
                continue
            if territory_id is None:  # the user chose to skip this territory
                report.skipped += 1
                self._skipped(file_index, parsed, parser, key)
                continue
            if explicit:
                report.resolved_rows[territory_id] = report.resolved_rows.get(territory_id, 0) + 1
            if not parsed.org_key and "ogrn" not in parsed.org and not parsed.url_key:
                self._reject(
                    file_index,
                    parsed,
                    [
                        Problem(
                            parser.header_of("full_name"),
                            None,
                            tr("не указано наименование организации", "import"),
                        )
                    ],
                )
                continue
            work.append((parsed, territory_id, explicit))
        if not work:
            return
        # Rows the probe matches are decided on the quick path where it is sure (see quick);
        # the others, and any it leaves, take the full path with the chunk cache.
        probed = self._probe(work, parser)
        found = len(probed)
        if probed:  # a changed row is fetched with the chunk, not alone at its turn
            probed = {at: row for at, row in probed.items() if self._values_match(*work[at], row)}
        slow = [item for at, item in enumerate(work) if at not in probed] if probed else work
        if slow:
            self._prefetch(slow)
            self._prefetch_counts(slow, file_date)
        if probed:
            self._stored_counts(probed, work, file_date)
        for at, (parsed, territory_id, explicit) in enumerate(work):
            row = probed.get(at)
            if row is not None:
                ref = pack(file_index, parsed.row)
                if self._quick_row(file_index, parsed, row, file_date, ref):
                    continue
                self._prefetch([(parsed, territory_id, explicit)])
                self._quick_fetched()
            self._row(file_index, parser, parsed, territory_id, explicit, source, file_date)
        self.writer.flush()
        if self.filters_wanted is not None:
            self.chunk_found(found, len(work))
        self._reset_chunk()

    def _prefetch_counts(
        self, work: list[tuple[ParsedRow, int, bool]], file_date: dt.date | None
    ) -> None:
        """The stored counts that the chunk's rows may replace: one query per date, not per row."""
        wanted: dict[dt.date, list[int]] = defaultdict(list)
        for parsed, _territory_id, _explicit in work:
            page_id = self.by_url.get(parsed.url_key) if parsed.url_key else None
            date = parsed.count_date or file_date
            if parsed.count is None or page_id is None or date is None:
                continue
            if self.pages[page_id]["subscribers_date"] != date:
                wanted[date].append(page_id)
        self.stored_counts = {}
        read_stored_counts(wanted, self.stored_counts)

    def _reject(
        self,
        file_index: int,
        parsed: ParsedRow,
        problems: list[Problem],
        territory_key: str | None = None,
    ) -> None:
        # Beyond the detail limit the cells are not kept: the errors file reads them again.
        # A reader process sends cells only with rows that have problems (see import_feed).
        keep = len(self.report.rejections) < self.detail_limit and parsed.cells is not None
        cells = tuple(parsed.cells) if keep else None
        self.report.rejections.append(
            Rejection(file_index, parsed.row, tuple(problems), cells, territory_key)
        )

    def _skipped(self, file_index: int, parsed: ParsedRow, parser: RowParser, key) -> None:
        if len(self.report.skipped_rows) >= self.detail_limit:
            return
        text = parsed.territory or parsed.oktmo or key or ""
        problem = Problem(
            parser.header_of("territory") if parsed.territory else parser.header_of("oktmo"),
            text,
            tr("строка пропущена: для территории «{name}» выбрано «пропустить»", "import").format(
                name=text
            ),
        )
        cells = tuple(parsed.cells) if parsed.cells is not None else None
        self.report.skipped_rows.append(Rejection(file_index, parsed.row, (problem,), cells, key))

    def _notice(self, file_index: int, row: int, column: str, value: object, message: str) -> None:
        if len(self.report.notices) >= self.detail_limit:
            self.report.notices_dropped += 1
            return
        self.report.notices.append(Notice(file_index, row, column, value, message))

    def _keep(self, kind: str, *fields: object) -> None:
        """Keep RowChange(kind, *fields) in the report, up to the limit of its kind."""
        limit = self.detail_limit if kind == UPDATED else self.row_limit
        if self.kept[kind] >= limit:
            self.report.changes_dropped += 1
            return
        self.kept[kind] += 1
        self.report.changes.append(RowChange(kind, *fields))  # type: ignore[arg-type]

    def _where(self, ref: int, file_index: int) -> dict[str, object]:
        """{row}, {file} of the first row, for messages («строке 5» / «строке 5 файла a.xlsx»)."""
        first_file, row = unpack(ref)
        if first_file == file_index:
            return {"row": row, "file": ""}
        name = self.report.files[first_file].name
        return {"row": row, "file": tr(" файла {name}", "import").format(name=name)}

    def _match_org(
        self, parsed: ParsedRow, territory_id: int, explicit: bool
    ) -> tuple[int | None, str | None]:
        ogrn = parsed.org.get("ogrn")
        if ogrn:
            candidates = self.by_ogrn.get(ogrn)  # type: ignore[arg-type]
            if candidates:
                if len(candidates) > 1:
                    same = [c for c in candidates if self.orgs[c]["name_key"] == parsed.org_key]
                    candidates = same or candidates
                return candidates[0], None
        if not parsed.org_key:
            return None, None
        candidates = self.by_name.get(parsed.org_key, [])
        if explicit or self.scope is None:
            candidates = [c for c in candidates if self.orgs[c]["territory"] == territory_id]
        else:
            # Rows without a territory column may name an organisation placed deeper.
            candidates = [c for c in candidates if self.orgs[c]["territory"] in self.scope]
        if ogrn:
            # Another ОГРН under the same name is another organisation.
            candidates = [c for c in candidates if not self.orgs[c]["ogrn"]]
        if len(candidates) > 1:
            return None, tr(
                "в каталоге несколько организаций «{name}»: укажите ОГРН", "import"
            ).format(name=parsed.org["full_name"])
        return (candidates[0] if candidates else None), None

    def _page_owner(self, parsed: ParsedRow, territory_id: int, explicit: bool) -> int | None:
        page_id = self.by_url.get(parsed.url_key)  # type: ignore[arg-type]
        if page_id is None or page_id in self.page_first:
            # Two names with one link inside the import: reported, not merged.
            return None
        owner = self.orgs.get(self.pages[page_id]["organization"])  # type: ignore[arg-type]
        if owner is None:
            return None
        ogrn = parsed.org.get("ogrn")
        if ogrn and owner["ogrn"] and owner["ogrn"] != ogrn:
            return None
        if explicit and owner["territory"] != territory_id:
            return None
        if not explicit and self.scope is not None and owner["territory"] not in self.scope:
            return None
        return owner["id"]  # type: ignore[return-value]

    def _org_diffs(
        self, org_id: int, parsed: ParsedRow, territory_id: int, explicit: bool
    ) -> list[Diff]:
        record = self.orgs[org_id]
        diffs: list[Diff] = []
        for name, new in parsed.org.items():
            old = record[name]
            if old == new:
                continue
            if name == "full_name" and record["name_key"] == parsed.org_key:
                continue  # the same name written differently (case, quotes, spaces)
            diffs.append(
                Diff(
                    "organization",
                    name,
                    self.titles[name],
                    self._shown(name, old),
                    self._shown(name, new),
                )
            )
        if explicit and record["territory"] != territory_id:
            diffs.append(
                Diff(
                    "organization",
                    "territory",
                    tr("Территория", "import"),
                    self.territories.path(record["territory"]),
                    self.territories.path(territory_id),
                )
            )  # type: ignore[arg-type]
        return diffs

    def _shown(self, name: str, value: object) -> object:
        if name.startswith("sphere") and value is not None:
            return self.sphere_names.get(value, value)  # type: ignore[arg-type]
        return value

    def _page_diffs(self, page_id: int, parsed: ParsedRow) -> list[Diff]:
        record = self.pages[page_id]
        titles = self.page_titles
        return [
            Diff("page", name, titles[name], record[name], new)
            for name, new in parsed.page.items()
            if record[name] != new
        ]

    def _count_change(
        self, page_id: int, parsed: ParsedRow, file_date: dt.date | None
    ) -> tuple[dt.date, int | None, int] | None:
        if parsed.count is None:
            return None
        record = self.pages[page_id]
        date = parsed.count_date or file_date
        if date is None:
            # An undated count equal to the current one is no news.
            if record["subscribers"] == parsed.count:
                return None
            date = self.today
        if (page_id, date) in self.pending_counts:
            old = self.pending_counts[(page_id, date)]
        elif record["subscribers_date"] == date:
            old = record["subscribers"]  # type: ignore[assignment]
        elif (page_id, date) in self.stored_counts:
            old = self.stored_counts[(page_id, date)]
        else:
            row = db.execute_sql(
                "SELECT count FROM subscriber_count WHERE page_id = ? AND date = ?",
                (page_id, date.isoformat()),
            ).fetchone()
            old = row[0] if row else None
        if old == parsed.count:
            return None
        return date, old, parsed.count

    def _row(
        self,
        file_index: int,
        parser: RowParser,
        parsed: ParsedRow,
        territory_id: int,
        explicit: bool,
        source: str,
        file_date: dt.date | None,
    ) -> None:
        ref = pack(file_index, parsed.row)
        org_id, problem = self._match_org(parsed, territory_id, explicit)
        if problem is not None:
            self._reject(
                file_index,
                parsed,
                [Problem(parser.header_of("full_name"), parsed.org.get("full_name"), problem)],
            )
            return
        adopted = False
        if org_id is None and parsed.url_key:
            # The link is in the catalogue: the row is about that page's organisation, even if
            # its name is written differently (unless the ОГРН or the territory says otherwise).
            org_id = self._page_owner(parsed, territory_id, explicit)
            adopted = org_id is not None
        if org_id is None and not parsed.org_key:
            ogrn = parsed.org.get("ogrn")
            reason = (
                tr("организация с ОГРН {ogrn} не найдена, а наименование не указано", "import")
                if ogrn
                else tr("не указано наименование организации", "import")
            ).format(ogrn=ogrn)
            column = parser.header_of("full_name")
            self._reject(file_index, parsed, [Problem(column, None, reason)])
            return
        org_first = self.org_first.get(org_id) if org_id is not None else None
        org_diffs = self._org_diffs(org_id, parsed, territory_id, explicit) if org_id else []
        if adopted:
            renamed = [d for d in org_diffs if d.field == "full_name"]
            org_diffs = [d for d in org_diffs if d.field != "full_name"]
            for diff in renamed:
                self._notice(
                    file_index,
                    parsed.row,
                    diff.label,
                    diff.new,
                    tr(
                        "организация найдена по ссылке; наименование в файле отличается от"
                        " каталога («{old}»): оставлено как в каталоге",
                        "import",
                    ).format(old=diff.old),
                )
        page_id: int | None = None
        page_first: int | None = None
        page_diffs: list[Diff] = []
        count = None
        if parsed.url_key:
            page_id = self.by_url.get(parsed.url_key)
            if page_id is not None and self.pages[page_id]["organization"] != org_id:
                first = self.page_first.get(page_id)
                where = (
                    tr("строка {row}{file}", "import").format(**self._where(first, file_index))
                    if first is not None
                    else tr("в каталоге", "import")
                )
                self._notice(
                    file_index,
                    parsed.row,
                    parser.header_of("url"),
                    parsed.url_key,
                    tr(
                        "ссылка уже указана у другой организации ({where}): страница не изменена",
                        "import",
                    ).format(where=where),
                )
                page_id = _SKIP
            elif page_id is None and org_id is not None:
                candidates = [
                    c
                    for c in self.by_org_network.get((org_id, parsed.page["network"]), ())
                    if c not in self.page_first
                ]
                if len(candidates) == 1:
                    page_id = candidates[0]
            if page_id is not None and page_id != _SKIP:
                page_first = self.page_first.get(page_id)
                page_diffs = self._page_diffs(page_id, parsed)
                count = self._count_change(page_id, parsed, file_date)
        # A row repeating a record that an earlier row of this import already wrote.
        repeated = (
            page_first
            if page_id not in (None, _SKIP)
            else (org_first if not parsed.url_key else None)
        )
        if repeated is not None:
            conflicts = org_diffs + page_diffs
            if count is not None and self._count_written(page_id, count[0]):  # type: ignore[arg-type]
                conflicts.append(
                    Diff(
                        "count", "subscribers", self.page_titles["subscribers"], count[1], count[2]
                    )
                )
            where = self._where(repeated, file_index)
            if conflicts:
                self._reject(
                    file_index,
                    parsed,
                    [
                        Problem(
                            conflicts[0].label,
                            conflicts[0].new,
                            tr(
                                "противоречит строке {row}{file} (оставлена та строка): {diffs}",
                                "import",
                            ).format(**where, diffs="; ".join(d.text() for d in conflicts)),
                        )
                    ],
                )
                return
            if count is None:
                self._notice(
                    file_index,
                    parsed.row,
                    "",
                    None,
                    tr("повторяет строку {row}{file}", "import").format(**where),
                )
                self.report.unchanged += 1
                self._keep(
                    UNCHANGED,
                    file_index,
                    parsed.row,
                    str(parsed.org.get("full_name", "")),
                    parsed.url_key or "",
                )
                return
            org_diffs = []  # only the count on another date joins the history
        created = False
        applied: list[Diff] = []
        if org_id is None:
            org_id = self._create_org(parsed, territory_id, source)
            created = True
        elif org_first is None:
            self._apply_org(org_id, parsed, territory_id, org_diffs)
            applied += org_diffs
        elif org_diffs:
            where = self._where(org_first, file_index)
            for diff in org_diffs:
                self._notice(
                    file_index,
                    parsed.row,
                    diff.label,
                    diff.new,
                    tr(
                        "организация уже встречалась в строке {row}{file} со значением «{old}»:"
                        " оставлено оно",
                        "import",
                    ).format(**where, old=_text(diff.old)),
                )
        self.org_first.setdefault(org_id, ref)
        if parsed.dropped:
            self._notice(
                file_index,
                parsed.row,
                parser.header_of("url"),
                None,
                tr(
                    "нет ссылки на страницу: значения столбцов {columns} не импортированы", "import"
                ).format(columns=", ".join(f"«{parser.header_of(c)}»" for c in parsed.dropped)),
            )
        if parsed.url_key and page_id is None:
            page_id = self._create_page(org_id, parsed, source, file_date)
            created = True
        elif page_id not in (None, _SKIP):
            self._apply_page(page_id, parsed, page_diffs, count)  # type: ignore[arg-type]
            applied += page_diffs
            if count is not None:
                applied.append(
                    Diff(
                        "count",
                        "subscribers",
                        tr("Подписчики на {date}", "import").format(date=day_text(count[0])),
                        count[1],
                        count[2],
                    )
                )
        if page_id not in (None, _SKIP):
            self.page_first.setdefault(page_id, ref)  # type: ignore[arg-type]
        name = str(self.orgs[org_id]["full_name"])
        if created:
            self.report.new += 1
            self._keep(NEW, file_index, parsed.row, name, parsed.url_key or "", tuple(applied))
        elif applied:
            self.report.updated += 1
            self._keep(UPDATED, file_index, parsed.row, name, parsed.url_key or "", tuple(applied))
        else:
            self.report.unchanged += 1
            self._keep(UNCHANGED, file_index, parsed.row, name, parsed.url_key or "")


def _text(value: object) -> str:
    from editor.core.fields import to_log_text

    return to_log_text(value) or "—"
