"""Training of page administrators (DESIGN §8): seminars, participants and who attended what.

Every write records a change-log entry. Names, phones and e-mails of participants are personal
data: the log keeps which of those fields changed, never their values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from editor.core import normalize as nz
from editor.core.changelog import MANUAL, Origin, record, record_many
from editor.core.i18n import tr
from editor.db.models import ImportBatch, Organization, Page, Territory, db, now
from editor.db.training_models import FORMATS, Attendance, Participant, Seminar


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - lupdate looks for this name
    """Mark a constant for translation; it is translated where it is shown."""
    return text


FORMAT_LABELS: dict[str, str] = {
    "in_person": QT_TRANSLATE_NOOP("core", "очно"),
    "online": QT_TRANSLATE_NOOP("core", "онлайн"),
}
_FORMAT_WORDS = {
    "очно": "in_person",
    "очный": "in_person",
    "очная": "in_person",
    "in_person": "in_person",
    "offline": "in_person",
    "онлайн": "online",
    "online": "online",
    "дистанционно": "online",
    "дистанционный": "online",
    "вебинар": "online",
    "заочно": "online",
}
SEMINAR_FIELDS: tuple[str, ...] = ("title", "date", "format", "territory", "organiser", "notes")
PARTICIPANT_FIELDS: tuple[str, ...] = (
    "full_name",
    "position",
    "organization",
    "organization_text",
    "territory",
    "email",
    "phone",
)
# Personal data (152-ФЗ): the change log records that they changed, not what they were.
PERSONAL_FIELDS: frozenset[str] = frozenset({"full_name", "email", "phone"})


class TrainingError(ValueError):
    """A refused change to the training records; str() is a Russian message."""


def format_label(code: str | None) -> str:
    """«очно» / «онлайн» for a stored format code."""
    return tr(FORMAT_LABELS.get(code or "", FORMAT_LABELS["in_person"]), "core")


def parse_format(value: object) -> str:
    """A format code from «очно», «онлайн», «вебинар»…; TrainingError for anything else."""
    text = nz.fold_text(value)
    if not text:
        return "in_person"
    code = _FORMAT_WORDS.get(text)
    if code is None:
        raise TrainingError(
            tr("Формат «{value}» не распознан: ожидается «очно» или «онлайн»").format(value=value)
        )
    return code


def email_key(value: object) -> str:
    """The e-mail as compared: trimmed and lower-case ("" when none)."""
    return str(value or "").strip().lower()


def _log_value(field: str, value: object) -> object:
    return None if field in PERSONAL_FIELDS else value


# --- seminars ---------------------------------------------------------------------------------


def clean_seminar(values: Mapping[str, object]) -> dict[str, object]:
    """Checked seminar values (TrainingError / NormalizeError for a refused one)."""
    cleaned: dict[str, object] = {}
    for key, value in values.items():
        if key not in SEMINAR_FIELDS:
            raise TrainingError(key)
        if key == "title":
            title = " ".join(str(value or "").split())
            if not title:
                raise TrainingError(tr("Укажите название семинара"))
            cleaned["title"] = title
            cleaned["title_key"] = nz.fold_text(title)
        elif key == "date":
            cleaned["date"] = nz.parse_date(value, field=tr("Дата"))
        elif key == "format":
            cleaned["format"] = value if value in FORMATS else parse_format(value)
        elif key == "territory":
            if value is not None and Territory.get_or_none(Territory.id == value) is None:
                raise TrainingError(tr("Территория {id} не найдена").format(id=value))
            cleaned["territory"] = value
        else:
            cleaned[key] = " ".join(str(value or "").split())
    return cleaned


def create_seminar(
    values: Mapping[str, object], origin: Origin = MANUAL, seminar_id: int | None = None
) -> Seminar:
    """Add a seminar (title required)."""
    cleaned = clean_seminar({"title": values.get("title"), **values})
    with db.atomic():
        seminar = Seminar.create(id=seminar_id, batch=origin.batch_id, **cleaned)
        record("seminar", seminar.id, "create", origin, "title", None, seminar.title)
    return seminar


def seminar_values(seminar: Seminar) -> dict[str, object]:
    """A seminar's editable values (territory as an id)."""
    values = {name: getattr(seminar, name) for name in SEMINAR_FIELDS}
    values["territory"] = seminar.territory_id
    return values


def get_seminar(seminar_id: int) -> Seminar:
    """The seminar, or TrainingError."""
    seminar = Seminar.get_or_none(Seminar.id == seminar_id)
    if seminar is None:
        raise TrainingError(tr("Семинар {id} не найден").format(id=seminar_id))
    return seminar


def update_seminar(
    seminar_id: int, changes: Mapping[str, object], origin: Origin = MANUAL
) -> dict[str, object]:
    """Change a seminar; return the old values of what changed."""
    current = seminar_values(get_seminar(seminar_id))
    cleaned = clean_seminar(changes)
    old = {k: current[k] for k, v in cleaned.items() if k in current and current[k] != v}
    if not old:
        return {}
    update = {k: cleaned[k] for k in old}
    if "title" in old:
        update["title_key"] = cleaned["title_key"]
    with db.atomic():
        Seminar.update(**update).where(Seminar.id == seminar_id).execute()
        record_many(
            [("seminar", seminar_id, "update", k, v, cleaned[k]) for k, v in old.items()], origin
        )
    return old


def delete_seminars(ids: Iterable[int], origin: Origin = MANUAL) -> dict[int, dt.datetime]:
    """Move live seminars to the trash; return their ids with the deletion time."""
    ids = list(ids)
    stamp = now()
    with db.atomic():
        live = [
            i
            for (i,) in Seminar.select(Seminar.id)
            .where(Seminar.id.in_(ids) & Seminar.deleted_at.is_null())
            .tuples()
        ]
        Seminar.update(deleted_at=stamp).where(Seminar.id.in_(live)).execute()
        record_many([("seminar", i, "delete", "", None, None) for i in live], origin)
    return {i: stamp for i in live}


def restore_seminars(ids: Iterable[int], origin: Origin = MANUAL) -> None:
    """Take seminars out of the trash."""
    ids = list(ids)
    with db.atomic():
        Seminar.update(deleted_at=None).where(Seminar.id.in_(ids)).execute()
        record_many([("seminar", i, "restore", "", None, None) for i in ids], origin)


def retrash_seminars(stamps: Mapping[int, object], origin: Origin) -> None:
    """Put seminars back into the trash with their former deletion times (undo of a restore)."""
    with db.atomic():
        for seminar_id, stamp in stamps.items():
            Seminar.update(deleted_at=stamp).where(Seminar.id == seminar_id).execute()
        record_many([("seminar", i, "delete", "", None, None) for i in stamps], origin)


def trashed_seminars(limit: int = 1000) -> list[Seminar]:
    """Seminars in the trash, most recently deleted first."""
    return list(
        Seminar.select()
        .where(Seminar.deleted_at.is_null(False))
        .order_by(Seminar.deleted_at.desc())
        .limit(limit)
    )


def purge_seminar(seminar_id: int, origin: Origin) -> None:
    """Remove a seminar and its attendances for good (undo of an «add»)."""
    with db.atomic():
        Attendance.delete().where(Attendance.seminar == seminar_id).execute()
        Seminar.delete().where(Seminar.id == seminar_id).execute()
        record("seminar", seminar_id, "delete", origin)


# --- participants -----------------------------------------------------------------------------


def clean_participant(values: Mapping[str, object]) -> dict[str, object]:
    """Checked participant values (TrainingError for a refused one)."""
    cleaned: dict[str, object] = {}
    for key, value in values.items():
        if key not in PARTICIPANT_FIELDS:
            raise TrainingError(key)
        if key == "full_name":
            name = " ".join(str(value or "").split())
            if not name:
                raise TrainingError(tr("Укажите ФИО участника"))
            cleaned["full_name"], cleaned["name_key"] = name, nz.fold_text(name)
        elif key == "organization":
            if value is not None and Organization.get_or_none(Organization.id == value) is None:
                raise TrainingError(tr("Организация {id} не найдена").format(id=value))
            cleaned["organization"] = value
        elif key == "territory":
            cleaned["territory"] = value
        elif key == "organization_text":
            text = " ".join(str(value or "").split())
            cleaned["organization_text"], cleaned["organization_key"] = text, nz.fold_text(text)
        elif key == "email":
            cleaned["email"] = str(value or "").strip()
            cleaned["email_key"] = email_key(value)
        else:
            cleaned[key] = " ".join(str(value or "").split())
    return cleaned


def participant_values(participant: Participant) -> dict[str, object]:
    """A participant's editable values (organisation and territory as ids)."""
    values = {name: getattr(participant, name) for name in PARTICIPANT_FIELDS}
    values["organization"] = participant.organization_id
    values["territory"] = participant.territory_id
    return values


def create_participant(
    values: Mapping[str, object], origin: Origin = MANUAL, participant_id: int | None = None
) -> Participant:
    """Add a participant (ФИО required); the territory follows a linked organisation."""
    cleaned = clean_participant({"full_name": values.get("full_name"), **values})
    if cleaned.get("organization") is not None and cleaned.get("territory") is None:
        cleaned["territory"] = Organization.get_by_id(cleaned["organization"]).territory_id
    with db.atomic():
        participant = Participant.create(id=participant_id, batch=origin.batch_id, **cleaned)
        record("participant", participant.id, "create", origin)
    return participant


def get_participant(participant_id: int) -> Participant:
    """The participant, or TrainingError."""
    participant = Participant.get_or_none(Participant.id == participant_id)
    if participant is None:
        raise TrainingError(tr("Участник {id} не найден").format(id=participant_id))
    return participant


def update_participant(
    participant_id: int, changes: Mapping[str, object], origin: Origin = MANUAL
) -> dict[str, object]:
    """Change a participant; return the old values of what changed."""
    current = participant_values(get_participant(participant_id))
    cleaned = clean_participant(changes)
    old = {k: current[k] for k, v in cleaned.items() if k in current and current[k] != v}
    if not old:
        return {}
    update = {k: cleaned[k] for k in old}
    for field, key in (
        ("full_name", "name_key"),
        ("organization_text", "organization_key"),
        ("email", "email_key"),
    ):
        if field in old:
            update[key] = cleaned[key]
    if "organization" in old and cleaned["organization"] is not None and "territory" not in old:
        update["territory"] = Organization.get_by_id(cleaned["organization"]).territory_id
    with db.atomic():
        Participant.update(**update).where(Participant.id == participant_id).execute()
        record_many(
            [
                (
                    "participant",
                    participant_id,
                    "update",
                    k,
                    _log_value(k, v),
                    _log_value(k, cleaned[k]),
                )
                for k, v in old.items()
            ],
            origin,
        )
    return old


@dataclass(frozen=True)
class ParticipantSnapshot:
    """A removed participant as stored, with the seminars they attended (for undo)."""

    row: dict
    seminars: tuple[int, ...]


def remove_participant(participant_id: int, origin: Origin = MANUAL) -> ParticipantSnapshot:
    """Delete a participant with their attendances; return what undo needs to put them back."""
    with db.atomic():
        row = Participant.select().where(Participant.id == participant_id).dicts().get()
        seminars = tuple(
            s
            for (s,) in Attendance.select(Attendance.seminar)
            .where(Attendance.participant == participant_id)
            .tuples()
        )
        Attendance.delete().where(Attendance.participant == participant_id).execute()
        Participant.delete().where(Participant.id == participant_id).execute()
        record("participant", participant_id, "delete", origin)
    return ParticipantSnapshot(row, seminars)


def put_back_participant(snapshot: ParticipantSnapshot, origin: Origin) -> None:
    """Re-create a removed participant with their attendances."""
    with db.atomic():
        Participant.insert(snapshot.row).execute()
        for seminar_id in snapshot.seminars:
            Attendance.insert(seminar=seminar_id, participant=snapshot.row["id"]).execute()
        record("participant", snapshot.row["id"], "restore", origin)


# --- attendances ------------------------------------------------------------------------------


def add_attendance(seminar_id: int, participant_id: int, origin: Origin = MANUAL) -> bool:
    """Record that a participant attended a seminar; False when already recorded."""
    with db.atomic():
        exists = (
            Attendance.select()
            .where((Attendance.seminar == seminar_id) & (Attendance.participant == participant_id))
            .exists()
        )
        if exists:
            return False
        Attendance.insert(
            seminar=seminar_id, participant=participant_id, batch=origin.batch_id
        ).execute()
        record("attendance", seminar_id, "create", origin, "participant", None, participant_id)
    return True


def remove_attendance(seminar_id: int, participant_id: int, origin: Origin = MANUAL) -> bool:
    """Forget that a participant attended a seminar; False when it was not recorded."""
    with db.atomic():
        removed = (
            Attendance.delete()
            .where((Attendance.seminar == seminar_id) & (Attendance.participant == participant_id))
            .execute()
        )
        if removed:
            record("attendance", seminar_id, "delete", origin, "participant", participant_id, None)
    return bool(removed)


# --- reading ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class SeminarRow:
    """One line of the seminar list."""

    id: int
    date: dt.date | None
    title: str
    format: str
    territory: str
    participants: int


def seminar_rows() -> list[SeminarRow]:
    """Live seminars, newest first, with their participant counts (one grouped query)."""
    rows = db.execute_sql(
        "SELECT s.id, s.date, s.title, s.format, t.name,"
        " (SELECT count(*) FROM attendance a WHERE a.seminar_id = s.id)"
        " FROM seminar s LEFT JOIN territory t ON t.id = s.territory_id"
        " WHERE s.deleted_at IS NULL ORDER BY s.date IS NULL, s.date DESC, s.id DESC"
    ).fetchall()
    return [
        SeminarRow(i, nz.parse_date(d) if d else None, title, fmt, name or "", count)
        for i, d, title, fmt, name, count in rows
    ]


@dataclass(frozen=True)
class ParticipantRow:
    """A participant of a seminar as the editor lists them."""

    id: int
    full_name: str
    position: str
    organization: str  # the linked organisation's name, or the text as written
    organization_id: int | None
    email: str
    phone: str


def participants_of(seminar_id: int) -> list[ParticipantRow]:
    """The participants of a seminar, by name."""
    rows = db.execute_sql(
        "SELECT p.id, p.full_name, p.position, coalesce(o.full_name, p.organization_text),"
        " p.organization_id, p.email, p.phone FROM attendance a"
        " JOIN participant p ON p.id = a.participant_id"
        " LEFT JOIN organization o ON o.id = p.organization_id"
        " WHERE a.seminar_id = ? ORDER BY p.name_key, p.id",
        (seminar_id,),
    ).fetchall()
    return [ParticipantRow(*row) for row in rows]


def trained_people(organization_id: int) -> list[tuple[str, str, str]]:
    """(ФИО, должность, seminars as «дата название; …») of an organisation's trained people."""
    rows = db.execute_sql(
        "SELECT p.full_name, p.position, s.date, s.title FROM participant p"
        " JOIN attendance a ON a.participant_id = p.id"
        " JOIN seminar s ON s.id = a.seminar_id AND s.deleted_at IS NULL"
        " WHERE p.organization_id = ? ORDER BY p.name_key, s.date",
        (organization_id,),
    ).fetchall()
    people: dict[tuple[str, str], list[str]] = {}
    for name, position, date, title in rows:
        when = nz.parse_date(date).strftime("%d.%m.%Y") if date else ""
        people.setdefault((name, position), []).append(f"{when} {title}".strip())
    return [(name, position, "; ".join(seen)) for (name, position), seen in people.items()]


def organization_choices(text: str, limit: int = 50) -> list[tuple[int, str]]:
    """Live organisations whose folded name contains `text`: (id, «name — territory»)."""
    key = nz.fold_text(text)
    if not key:
        return []
    query = (
        Organization.select(Organization.id, Organization.full_name, Territory.name)
        .join(Territory)
        .where(Organization.deleted_at.is_null() & Organization.name_key.contains(key))
        .order_by(Organization.name_key)
        .limit(limit)
        .tuples()
    )
    return [(i, f"{name} — {territory}") for i, name, territory in query]


def organization_place(organization_id: int) -> tuple[int, str, list[int]] | None:
    """(territory, name, live page ids) of an organisation, for showing it; None when gone."""
    organization = Organization.get_or_none(Organization.id == organization_id)
    if organization is None:
        return None
    pages = [
        p
        for (p,) in Page.select(Page.id)
        .where((Page.organization == organization_id) & Page.deleted_at.is_null())
        .tuples()
    ]
    return organization.territory_id, organization.full_name, pages


# --- an imported list as one undo step ----------------------------------------------------------


@dataclass(frozen=True)
class BatchRows:
    """The rows an import batch added, as stored (what redo puts back)."""

    batch_id: int
    seminars: list[dict]
    participants: list[dict]
    attendances: list[dict]


def undo_training_batch(batch_id: int, origin: Origin) -> BatchRows:
    """Remove what a training import added; return the rows for redo."""
    with db.atomic():
        rows = BatchRows(
            batch_id,
            list(Seminar.select().where(Seminar.batch == batch_id).dicts()),
            list(Participant.select().where(Participant.batch == batch_id).dicts()),
            list(Attendance.select().where(Attendance.batch == batch_id).dicts()),
        )
        Attendance.delete().where(Attendance.batch == batch_id).execute()
        # Attendances of later batches at this batch's seminars or of its participants go too.
        Attendance.delete().where(
            Attendance.seminar.in_([r["id"] for r in rows.seminars])
            | Attendance.participant.in_([r["id"] for r in rows.participants])
        ).execute()
        Participant.delete().where(Participant.batch == batch_id).execute()
        Seminar.delete().where(Seminar.batch == batch_id).execute()
        ImportBatch.update(undone=True).where(ImportBatch.id == batch_id).execute()
        record_many(
            [("seminar", r["id"], "delete", "", None, None) for r in rows.seminars]
            + [("participant", r["id"], "delete", "", None, None) for r in rows.participants],
            origin,
        )
    return rows


def redo_training_batch(rows: BatchRows, origin: Origin) -> None:
    """Put back what undo_training_batch removed, with the same ids."""
    with db.atomic():
        for model, items in (
            (Seminar, rows.seminars),
            (Participant, rows.participants),
            (Attendance, rows.attendances),
        ):
            for chunk in range(0, len(items), 500):
                model.insert_many(items[chunk : chunk + 500]).execute()
        ImportBatch.update(undone=False).where(ImportBatch.id == rows.batch_id).execute()
        record_many(
            [("seminar", r["id"], "restore", "", None, None) for r in rows.seminars]
            + [("participant", r["id"], "restore", "", None, None) for r in rows.participants],
            origin,
        )
