"""Seminar registration lists into the training records (DESIGN §7 `training import`, §8).

Files are read with the catalogue's reader (header under title rows, windows-1251 CSV, totals
rows) and the registration-list columns. Organisations are matched by ОГРН, ИНН, then folded name
within the row's territory; the same person (folded ФИО and organisation, or e-mail) is one
participant; a seminar is its folded title and date. Importing a list again adds nothing.
Problems that concern the whole file raise TrainingImportError before anything is written; a
row that cannot be taken is reported with its reason. The write is one import batch, undone
as a whole.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from editor.core import normalize as nz
from editor.core.changelog import Origin, record_many
from editor.core.i18n import tr
from editor.core.training import email_key, parse_format
from editor.db.models import ImportBatch, db
from editor.db.training_models import Attendance, Participant, Seminar
from editor.exchange.spreadsheet.reader import ReadError, open_table
from editor.exchange.training.columns import NAME_FIELDS, find_training_header
from editor.exchange.training.match import Matcher, chunks


class TrainingImportError(Exception):
    """A list that cannot be imported at all; str() is one Russian line, nothing was written."""


@dataclass
class TrainingOptions:
    """Defaults for rows without «Семинар»/«Дата» columns, and whether to write."""

    seminar: str = ""
    date: dt.date | None = None
    format: str = "in_person"
    territory_id: int | None = None
    dry_run: bool = False


@dataclass
class Rejection:
    """A row not taken: file, sheet row, reason (never the person's data), and its cells."""

    file_index: int
    row: int
    reason: str
    cells: tuple[object, ...] = ()


@dataclass
class ListFile:
    """One file read: its name and header texts (the error workbook repeats them)."""

    name: str
    headers: list[str]
    sha256: str = ""


@dataclass
class TrainingResult:
    """What an import did (or, dry run, would do)."""

    rows: int = 0
    seminars_new: int = 0
    participants_new: int = 0
    participants_known: int = 0
    attendances_new: int = 0
    unmatched_organizations: list[str] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    files: list[ListFile] = field(default_factory=list)
    batch: int | None = None
    dry_run: bool = False

    @property
    def rejected(self) -> int:
        """Rows not taken."""
        return len(self.rejections)

    def as_json(self) -> dict[str, object]:
        """The `training import --json` object (DESIGN §7)."""
        return {
            "rows": self.rows,
            "seminars_new": self.seminars_new,
            "participants_new": self.participants_new,
            "participants_known": self.participants_known,
            "attendances_new": self.attendances_new,
            "rejected": self.rejected,
            "unmatched_organizations": self.unmatched_organizations,
            "rejections": [
                {"file": self.files[r.file_index].name, "row": r.row, "reason": r.reason}
                for r in self.rejections
            ],
            "batch": self.batch,
            "dry_run": self.dry_run,
        }


@dataclass
class _Row:
    file_index: int
    number: int
    name: str
    position: str
    organization: str
    ogrn: str | None
    inn: str | None
    territory: str
    email: str
    phone: str
    seminar: str
    date: dt.date


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def _identifier(parse: Callable[[object], str | None], value: object) -> str | None:
    try:
        return parse(value)
    except nz.NormalizeError:
        return None  # a mistyped ОГРН only loses that way of matching, not the row


def _read_file(
    path: Path, index: int, options: TrainingOptions, result: TrainingResult
) -> list[_Row]:
    try:
        table = open_table(path, header_finder=find_training_header)
    except ReadError as error:
        raise TrainingImportError(str(error)) from error
    with table:
        fields = {name: column for column, name in table.mapping.items()}
        if not set(NAME_FIELDS) & fields.keys():
            raise TrainingImportError(
                tr(
                    "{file}: нет столбца с ФИО участника (ожидается «ФИО» или «Фамилия», «Имя»,"
                    " «Отчество»); ничего не изменено"
                ).format(file=path.name)
            )
        if "seminar" not in fields and not options.seminar.strip():
            raise TrainingImportError(
                tr(
                    "{file}: не указан семинар: задайте его название или добавьте столбец"
                    " «Семинар»; ничего не изменено"
                ).format(file=path.name)
            )
        if "date" not in fields and options.date is None:
            raise TrainingImportError(
                tr(
                    "{file}: не указана дата семинара: задайте её или добавьте столбец «Дата»;"
                    " ничего не изменено"
                ).format(file=path.name)
            )
        result.files.append(ListFile(path.name, list(table.headers), _sha256(path)))
        get = {name: (lambda cells, c=column: cells[c]) for name, column in fields.items()}
        none = lambda cells: None  # noqa: E731

        def cell(name: str, cells: list[object]) -> object:
            return get.get(name, none)(cells)

        rows: list[_Row] = []
        for number, cells in table.rows():
            result.rows += 1
            name = _text(cell("full_name", cells)) or " ".join(
                part
                for part in (
                    _text(cell("last_name", cells)),
                    _text(cell("first_name", cells)),
                    _text(cell("middle_name", cells)),
                )
                if part
            )

            def reject(reason: str, cells: list[object] = cells, number: int = number) -> None:
                result.rejections.append(Rejection(index, number, reason, tuple(cells)))

            if not name:
                reject(tr("не указано ФИО участника"))
                continue
            seminar = _text(cell("seminar", cells)) or " ".join(options.seminar.split())
            if not seminar:
                reject(tr("не указан семинар"))
                continue
            raw_date = cell("date", cells)
            try:
                date = nz.parse_date(raw_date, field=tr("Дата")) or options.date
            except nz.NormalizeError as error:
                reject(str(error))
                continue
            if date is None:
                reject(tr("не указана дата семинара"))
                continue
            rows.append(
                _Row(
                    index,
                    number,
                    name,
                    _text(cell("position", cells)),
                    _text(cell("organization", cells)),
                    _identifier(nz.normalize_ogrn, cell("ogrn", cells)),
                    _identifier(nz.normalize_inn, cell("inn", cells)),
                    _text(cell("territory", cells)),
                    _text(cell("email", cells)),
                    _text(cell("phone", cells)),
                    seminar,
                    date,
                )
            )
    return rows


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def _existing_participants(rows: list[_Row]) -> tuple[dict, dict]:
    """Known participants by (name key, organisation identity) and by e-mail."""
    by_person: dict[tuple[str, str], int] = {}
    by_email: dict[str, int] = {}
    columns = (
        Participant.id,
        Participant.name_key,
        Participant.organization,
        Participant.organization_key,
        Participant.email_key,
    )
    for chunk in chunks(sorted({nz.fold_text(r.name) for r in rows})):
        for pid, key, oid, okey, _email in (
            Participant.select(*columns).where(Participant.name_key.in_(chunk)).tuples()
        ):
            by_person.setdefault((key, f"o{oid}" if oid else f"t{okey}"), pid)
    for chunk in chunks(sorted({email_key(r.email) for r in rows if r.email})):
        for pid, _key, _oid, _okey, email in (
            Participant.select(*columns).where(Participant.email_key.in_(chunk)).tuples()
        ):
            by_email.setdefault(email, pid)
    return by_person, by_email


def _next_id(table: str) -> int:
    return (db.execute_sql(f"SELECT max(id) FROM {table}").fetchone()[0] or 0) + 1


def import_lists(
    paths: Sequence[str | Path],
    options: TrainingOptions | None = None,
    progress: Callable[..., None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> TrainingResult:
    """Import registration lists; with `options.dry_run` count what would change, write nothing."""
    options = options or TrainingOptions()
    progress = progress or (lambda done, total, text="": None)
    result = TrainingResult(dry_run=options.dry_run)
    rows: list[_Row] = []
    for index, path in enumerate(paths):
        progress(index, len(paths) + 1, tr("Чтение {file}").format(file=Path(path).name))
        rows.extend(_read_file(Path(path), index, options, result))
    fmt = (
        parse_format(options.format)
        if options.format not in ("in_person", "online")
        else (options.format)
    )
    progress(len(paths), len(paths) + 1, tr("Сопоставление"))
    with db.atomic() as transaction:
        _apply(rows, options, fmt, result)
        if is_cancelled is not None and is_cancelled():
            transaction.rollback()
            return TrainingResult(dry_run=True)
        if options.dry_run:
            transaction.rollback()
    progress(len(paths) + 1, len(paths) + 1, tr("Готово"))
    return result


def _apply(rows: list[_Row], options: TrainingOptions, fmt: str, result: TrainingResult) -> None:
    matcher = Matcher(rows, options.territory_id)
    # Seminars by folded title and date (live ones only: a trashed seminar is not reused).
    seminars: dict[tuple[str, dt.date], int] = {}
    wanted = {(nz.fold_text(r.seminar), r.date) for r in rows}
    for chunk in chunks(sorted({key for key, _date in wanted})):
        for sid, key, date in (
            Seminar.select(Seminar.id, Seminar.title_key, Seminar.date)
            .where(Seminar.deleted_at.is_null() & Seminar.title_key.in_(chunk))
            .order_by(Seminar.id)
            .tuples()
        ):
            seminars.setdefault((key, nz.parse_date(date)), sid)
    by_person, by_email = _existing_participants(rows)
    known_ids = set(by_person.values()) | set(by_email.values())
    attended: set[tuple[int, int]] = set()
    for chunk in chunks(sorted(set(seminars.values()))):
        attended.update(
            Attendance.select(Attendance.seminar, Attendance.participant)
            .where(Attendance.seminar.in_(chunk))
            .tuples()
        )
    new_seminars: list[tuple] = []
    new_participants: list[tuple] = []
    new_attendances: list[tuple[int, int]] = []
    unmatched: dict[str, None] = {}
    known_used: set[int] = set()
    next_seminar, next_participant = _next_id("seminar"), _next_id("participant")
    title_keys: dict[str, str] = {}
    for row in rows:
        title_key = title_keys.get(row.seminar)
        if title_key is None:
            title_key = title_keys[row.seminar] = nz.fold_text(row.seminar)
        key = (title_key, row.date)
        seminar_id = seminars.get(key)
        if seminar_id is None:
            seminar_id = seminars[key] = next_seminar
            next_seminar += 1
            new_seminars.append(
                (seminar_id, row.seminar, key[0], row.date.isoformat(), fmt, options.territory_id)
            )
        territory = matcher.territory(row.territory)
        match = matcher.organization(row)
        if match is not None:
            organization_id, territory = match
            identity = f"o{organization_id}"
        else:
            organization_id = None
            identity = f"t{nz.fold_text(row.organization)}"
            if row.organization:
                unmatched.setdefault(row.organization)
        name_key, mail = nz.fold_text(row.name), email_key(row.email)
        participant_id = by_person.get((name_key, identity)) or (
            by_email.get(mail) if mail else None
        )
        if participant_id is None:
            participant_id = next_participant
            next_participant += 1
            new_participants.append(
                (
                    participant_id,
                    row.name,
                    name_key,
                    row.position,
                    organization_id,
                    row.organization,
                    nz.fold_text(row.organization),
                    territory,
                    row.email,
                    mail,
                    row.phone,
                )
            )
        elif participant_id in known_ids:
            known_used.add(participant_id)
        by_person.setdefault((name_key, identity), participant_id)
        if mail:
            by_email.setdefault(mail, participant_id)
        if (seminar_id, participant_id) not in attended:
            attended.add((seminar_id, participant_id))
            new_attendances.append((seminar_id, participant_id))
    result.seminars_new = len(new_seminars)
    result.participants_new = len(new_participants)
    result.participants_known = len(known_used)
    result.attendances_new = len(new_attendances)
    result.unmatched_organizations = list(unmatched)
    if not (new_seminars or new_participants or new_attendances) or options.dry_run:
        return
    _write(result, new_seminars, new_participants, new_attendances, options)


def _write(result, seminars, participants, attendances, options) -> None:
    batch = ImportBatch.create(
        file_names="\n".join(f.name for f in result.files),
        sha256="\n".join(f.sha256 for f in result.files),
        target=options.territory_id,
        summary=json.dumps(
            {
                "kind": "training",
                **{
                    k: v
                    for k, v in result.as_json().items()
                    if k
                    in ("rows", "seminars_new", "participants_new", "attendances_new", "rejected")
                },
            }
        ),
    )
    result.batch = batch.id
    connection = db.connection()
    connection.executemany(
        "INSERT INTO seminar (id, title, title_key, date, format, territory_id, organiser, notes,"
        f" batch_id) VALUES (?, ?, ?, ?, ?, ?, '', '', {batch.id})",
        seminars,
    )
    connection.executemany(
        "INSERT INTO participant (id, full_name, name_key, position, organization_id,"
        " organization_text, organization_key, territory_id, email, email_key, phone, batch_id)"
        f" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, {batch.id})",
        participants,
    )
    connection.executemany(
        f"INSERT INTO attendance (seminar_id, participant_id, batch_id) VALUES (?, ?, {batch.id})",
        attendances,
    )
    origin = Origin("import", batch.id)
    record_many(
        [("seminar", s[0], "create", "title", None, s[1]) for s in seminars]
        + [("participant", p[0], "create", "", None, None) for p in participants]
        + [("attendance", s, "create", "participant", None, p) for s, p in attendances],
        origin,
    )


def write_errors(result: TrainingResult, path: str | Path) -> int:
    """The rejected rows as an .xlsx laid out like each list, with a «Причина» column; the
    number of rows written (the file is replaced whole, never left half-written)."""
    from openpyxl import Workbook

    from editor.exchange.importing.rejected import REASON_HEADER, cell, save_book, sheet_name

    path = Path(path)
    book = Workbook(write_only=True)
    taken: set[str] = set()
    written = 0
    for index, source in enumerate(result.files):
        rejections = [r for r in result.rejections if r.file_index == index]
        if not rejections and result.rejections:
            continue
        sheet = book.create_sheet(sheet_name(Path(source.name).stem, taken))
        width = len(source.headers)
        sheet.append([cell(sheet, h, bold=True) for h in [*source.headers, REASON_HEADER]])
        for rejection in sorted(rejections, key=lambda r: r.row):
            cells = list(rejection.cells[:width]) + [None] * (width - len(rejection.cells))
            sheet.append([cell(sheet, v) for v in [*cells, rejection.reason]])
            written += 1
    if not result.files:
        book.create_sheet(tr("Ошибки"))
    save_book(book, path)
    return written
