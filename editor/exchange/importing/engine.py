"""The import engine: spreadsheets (and other catalogues) into the catalogue, in one transaction.

`run_import(paths, options, progress=, is_cancelled=)` is what both the wizard and the `import`
command call. It opens every file first (a bad file fails before anything is written), then
streams the rows through the planner in chunks inside one transaction with one import batch.
A dry run does exactly the same work and rolls it back, so that its counts are the real ones.
Cancelling, a `--strict` import with rejected rows, or a killed process all leave the catalogue
as it was.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from editor.core import spheres
from editor.core.backup import BackupError, BackupJob
from editor.core.gc_pause import paused_collection
from editor.core.i18n import tr
from editor.db.database import begin_bulk_write, end_bulk_write, is_server_catalogue
from editor.db.models import ImportBatch, db
from editor.exchange.importing import offline_back
from editor.exchange.importing.apply import BatchWriter
from editor.exchange.importing.feed import ParsedChunks, parsed_chunks
from editor.exchange.importing.marks import pack, unpack
from editor.exchange.importing.plan import Planner
from editor.exchange.importing.report import ImportReport, SourceFile
from editor.exchange.importing.rows import RowParser

__all__ = [
    "ImportCancelled",
    "ImportInputError",
    "ImportOptions",
    "ImportReport",
    "open_source",
    "pack",
    "run_import",
    "unpack",
]

CHUNK_ROWS = 1000
IMPORT_CACHE_KIB = 128 * 1024
# Test hook: seconds to sleep inside the transaction after the first chunk is written, so that
# a test can kill the process mid-import.
SLEEP_ENV = "GOSPABLIKI_IMPORT_TEST_SLEEP"

Progress = Callable[[int, int, str], None]


class ImportCancelled(Exception):
    """The user cancelled; the transaction was rolled back."""


class ImportInputError(ValueError):
    """The files cannot be imported as asked; str() is one Russian line. Nothing was written."""


@dataclass
class ImportOptions:
    """How to import: target territory, column overrides, dry run, and the wizard's choices."""

    target_id: int | None = None
    overrides: Mapping[str, str] | None = None  # header text → field ("" ignores the column)
    dry_run: bool = False
    strict: bool = False
    # Unresolved territory key (ImportReport.unresolved) → territory id, or None to skip its rows.
    assignments: Mapping[str, int | None] = field(default_factory=dict)
    exclusions: frozenset[int] = frozenset()  # pack(file index, row) of unticked rows
    detail_limit: int = 100_000  # updated rows and warnings kept in the report
    row_limit: int = 100_000  # new and unchanged rows kept in the report
    # Called after every file was opened and before anything is written (the automatic backup).
    # It may return a job started meanwhile (`editor.core.backup.BackupJob`): the import waits
    # for it before it commits, and a job that failed cancels the import.
    before_write: Callable[[], BackupJob | None] | None = None
    today: dt.date | None = None


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file, recorded with the import batch."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


_NAME_DATES = (
    (re.compile(r"(?<!\d)(\d{1,2})[._-](\d{1,2})[._-](\d{4})(?!\d)"), (3, 2, 1)),
    (re.compile(r"(?<!\d)(\d{4})[._-](\d{1,2})[._-](\d{1,2})(?!\d)"), (1, 2, 3)),
)


def date_in_text(text: str) -> dt.date | None:
    """A date written in a file name or a title row («на 01.03.2024», «2024-03-01»)."""
    for pattern, (y, m, d) in _NAME_DATES:
        for match in pattern.finditer(text):
            try:
                return dt.date(int(match[y]), int(match[m]), int(match[d]))
            except ValueError:
                continue
    return None


def open_source(path: Path, overrides: Mapping[str, str] | None = None):
    """Open one input file as a table (xlsx/csv through the reader, or another catalogue)."""
    from editor.exchange.spreadsheet.reader import open_table
    from editor.exchange.spreadsheet.sniff import sniff_kind

    if sniff_kind(path) == "catalogue":
        from editor.exchange.importing.catalogue_source import open_catalogue_table

        return "catalogue", open_catalogue_table(path)
    table = open_table(path, overrides=overrides)
    return ("csv" if table.sheet is None else "xlsx"), table


def _file_date(path: Path, table: object) -> dt.date | None:
    """The count date of a file: a date in its title rows, else in its name (never its mtime)."""
    titles = getattr(table, "title_rows", None) or getattr(table, "titles", None) or ()
    for line in titles:
        found = date_in_text(
            " ".join(str(v) for v in line if v is not None)
            if isinstance(line, list | tuple)
            else str(line)
        )
        if found:
            return found
    return date_in_text(path.stem)


def run_import(
    paths: Iterable[str | Path],
    options: ImportOptions | None = None,
    *,
    progress: Progress | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> ImportReport:
    """Import the files into the open catalogue (the caller holds the catalogue lock)."""
    options = options or ImportOptions()
    report = ImportReport(dry_run=options.dry_run)
    opened: list[tuple[Path, str, object]] = []
    try:
        for raw in paths:
            path = Path(raw)
            kind, table = open_source(path, options.overrides)
            opened.append((path, kind, table))
            report.files.append(
                SourceFile(
                    path=str(path),
                    name=path.name,
                    sha256=file_sha256(path),
                    kind=kind,
                    sheet=table.sheet,
                    header_row=table.header_row,
                    headers=list(table.headers),
                    mapping=dict(table.mapping),
                    count_date=_file_date(path, table),
                    overrides=dict(options.overrides) if options.overrides else None,
                )
            )
        if options.target_id is None:
            for source in report.files:
                if not {"territory", "oktmo"} & set(source.mapping.values()):
                    raise ImportInputError(
                        tr(
                            "{file}: в таблице нет столбца территории — укажите территорию"
                            " импорта (--into)",
                            "import",
                        ).format(file=source.name)
                    )
        _run(
            opened, options, report, progress or (lambda *_: None), is_cancelled or (lambda: False)
        )
    finally:
        for _, _, table in opened:
            table.close()
    return report


def _run(
    opened: list[tuple[Path, str, object]],
    options: ImportOptions,
    report: ImportReport,
    progress: Progress,
    is_cancelled: Callable[[], bool],
) -> None:
    # A larger page cache while one transaction inserts into big indexes (measured: −10 % time
    # at 300,000 rows); bounded so that the import stays within its memory budget.
    if is_server_catalogue():  # the server sizes its own cache
        _write(opened, options, report, progress, is_cancelled)
        return
    previous = db.execute_sql("PRAGMA cache_size").fetchone()[0]
    db.execute_sql(f"PRAGMA cache_size = {-IMPORT_CACHE_KIB}")
    try:
        _write(opened, options, report, progress, is_cancelled)
    finally:
        db.execute_sql(f"PRAGMA cache_size = {int(previous)}")


def _write(
    opened: list[tuple[Path, str, object]],
    options: ImportOptions,
    report: ImportReport,
    progress: Progress,
    is_cancelled: Callable[[], bool],
) -> None:
    matcher = spheres.matcher()
    parsers = [RowParser(f.headers, f.mapping, matcher) for f in report.files]
    # The first file's reader process (if it gets one) starts now and reads while the backup
    # is made and the transaction begins.
    first = None
    if opened:
        path, kind, table = opened[0]
        first = parsed_chunks(path, kind, table, parsers[0], matcher, options.overrides, CHUNK_ROWS)
    try:
        _write_chunks(opened, options, report, progress, is_cancelled, matcher, parsers, first)
    finally:
        if first is not None:
            first.close()


@contextlib.contextmanager
def _backup_meanwhile(options: ImportOptions) -> Iterator[BackupJob | None]:
    """The automatic backup started before anything is written (`ImportOptions.before_write`);
    however the import ends, its copy is finished before this returns."""
    backup = None
    if options.before_write is not None and not options.dry_run:
        backup = options.before_write()
    try:
        yield backup
    finally:
        if backup is not None:
            with contextlib.suppress(BackupError):
                backup.wait()  # a failed import leaves no copy half written behind it


def _write_chunks(
    opened: list[tuple[Path, str, object]],
    options: ImportOptions,
    report: ImportReport,
    progress: Progress,
    is_cancelled: Callable[[], bool],
    matcher: dict[str, int],
    parsers: list[RowParser],
    first: ParsedChunks | None,
) -> None:
    total = sum(getattr(table, "estimated_rows", None) or 0 for _, _, table in opened)
    sleep = float(os.environ.get(SLEEP_ENV, "0") or 0)
    started = time.monotonic()
    with (
        _backup_meanwhile(options) as backup,
        paused_collection() as collection,
        db.atomic() as transaction,
    ):
        begin_bulk_write()
        batch = ImportBatch.create(
            file_names="\n".join(f.name for f in report.files),
            sha256="\n".join(f.sha256 for f in report.files),
            target=options.target_id,
        )
        writer = BatchWriter(batch.id)
        planner = Planner(
            writer,
            report,
            target_id=options.target_id,
            assignments=options.assignments,
            exclusions=options.exclusions,
            detail_limit=options.detail_limit,
            row_limit=options.row_limit,
            today=options.today,
        )
        # Deletions made in an offline copy, read before any row of it is written.
        offline = [
            found
            for file_index, (_, kind, table) in enumerate(opened)
            if kind == "catalogue" and (found := offline_back.plan(file_index, table))
        ]
        done = 0
        for file_index, (path, kind, table) in enumerate(opened):
            source = report.files[file_index]
            parser = parsers[file_index]
            chunks = (
                first
                if file_index == 0 and first is not None
                else parsed_chunks(
                    path, kind, table, parser, matcher, options.overrides, CHUNK_ROWS
                )
            )
            try:
                if file_index == 0:
                    planner.know_catalogue(total)  # while the reader process starts
                for chunk in chunks:
                    planner.process(file_index, parser, chunk, path.name, source.count_date)
                    collection.tick()
                    done += len(chunk)
                    if is_cancelled():
                        raise ImportCancelled(tr("Импорт отменён", "import"))
                    progress(done, max(total, done), _progress_text(done, total, started))
                    if sleep:
                        print("import: first chunk written", file=sys.stderr, flush=True)
                        time.sleep(sleep)
                        sleep = 0
            finally:
                chunks.close()  # stops the reader process at once on cancel or error
            if is_cancelled():
                raise ImportCancelled(tr("Импорт отменён", "import"))
            progress(done, max(total, done), _progress_text(done, total, started))
        writer.finish()
        for deletions in offline:
            offline_back.apply(deletions, batch.id, report)
        keep = not options.dry_run and not (options.strict and report.rejected)
        if keep:
            if backup is not None:
                backup.wait()  # the copy of the catalogue as it was exists before the import lands
            summary = {
                "rows": report.rows,
                "new": report.new,
                "updated": report.updated,
                "unchanged": report.unchanged,
                "rejected": report.rejected,
                "skipped": report.skipped,
                "trashed_organizations": report.trashed_organizations,
                "trashed_pages": report.trashed_pages,
            }
            ImportBatch.update(summary=json.dumps(summary)).where(
                ImportBatch.id == batch.id
            ).execute()
            report.batch_id = batch.id
            report.dry_run = False
            end_bulk_write()
        else:
            transaction.rollback()
            report.dry_run = True


def _progress_text(done: int, total: int, started: float) -> str:
    """«Строк: 12 000 из 300 000, осталось ~20 с»."""
    text = tr("Строк: {done} из {total}", "import").format(
        done=f"{done:,}".replace(",", " "), total=f"{max(total, done):,}".replace(",", " ")
    )
    elapsed = time.monotonic() - started
    if total > done > 0 and elapsed > 1:
        left = elapsed * (total - done) / done
        text += tr(", осталось ~{seconds} с", "import").format(seconds=int(left) + 1)
    return text
