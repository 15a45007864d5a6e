"""The editable fields of organisations and pages: their kinds, labels and value checks.

One table serves the form, the page table, bulk edit, import and export, so that a value is
checked the same way wherever it enters the catalogue.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from editor.core import normalize as nz
from editor.core.i18n import tr


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - lupdate looks for this name
    """Mark a constant for translation; it is translated where it is shown."""
    return text


@dataclass(frozen=True)
class FieldSpec:
    """An editable field: `entity` is "organization" or "page"; `kind` picks editor and check."""

    name: str
    entity: str
    kind: str  # text | int | count | percent | bool | date | network | status | sphere | url | ogrn | inn | widgets
    label: str
    required: bool = False
    # The spreadsheet column (editor.exchange.columns) that carries the field; "" when none does.
    sheet: str | None = None

    @property
    def title(self) -> str:
        """The label in the current language."""
        return tr(self.label, "fields")

    @property
    def column(self) -> str:
        """The database column: a sphere field holds the sphere's id."""
        return f"{self.name}_id" if self.kind == "sphere" else self.name

    @property
    def sheet_field(self) -> str:
        """The spreadsheet column's field name, "" for a field no spreadsheet carries."""
        return self.name if self.sheet is None else self.sheet


ORGANIZATION_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec(
        "full_name",
        "organization",
        "text",
        QT_TRANSLATE_NOOP("fields", "Организация"),
        True,
        "organization",
    ),
    FieldSpec(
        "short_name", "organization", "text", QT_TRANSLATE_NOOP("fields", "Краткое наименование")
    ),
    FieldSpec("ogrn", "organization", "ogrn", QT_TRANSLATE_NOOP("fields", "ОГРН")),
    FieldSpec("inn", "organization", "inn", QT_TRANSLATE_NOOP("fields", "ИНН")),
    FieldSpec("founder", "organization", "text", QT_TRANSLATE_NOOP("fields", "Учредитель")),
    FieldSpec("org_type", "organization", "text", QT_TRANSLATE_NOOP("fields", "Тип организации")),
    FieldSpec("sphere1", "organization", "sphere", QT_TRANSLATE_NOOP("fields", "Сфера 1")),
    FieldSpec("sphere2", "organization", "sphere", QT_TRANSLATE_NOOP("fields", "Сфера 2")),
    FieldSpec("sphere3", "organization", "sphere", QT_TRANSLATE_NOOP("fields", "Сфера 3")),
    FieldSpec(
        "exemption", "organization", "text", QT_TRANSLATE_NOOP("fields", "Не ведется на основании")
    ),
    FieldSpec("responsible", "organization", "text", QT_TRANSLATE_NOOP("fields", "Ответственный")),
    FieldSpec(
        "responsible_position",
        "organization",
        "text",
        QT_TRANSLATE_NOOP("fields", "Должность ответственного"),
    ),
    FieldSpec("responsible_phone", "organization", "text", QT_TRANSLATE_NOOP("fields", "Телефон")),
    FieldSpec("responsible_email", "organization", "text", QT_TRANSLATE_NOOP("fields", "E-mail")),
    FieldSpec(
        "notes",
        "organization",
        "text",
        QT_TRANSLATE_NOOP("fields", "Примечание к организации"),
        sheet="",
    ),
)

PAGE_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("network", "page", "network", QT_TRANSLATE_NOOP("fields", "Соцсеть"), True),
    FieldSpec("url", "page", "url", QT_TRANSLATE_NOOP("fields", "Ссылка")),
    FieldSpec("title", "page", "text", QT_TRANSLATE_NOOP("fields", "Название страницы")),
    FieldSpec("network_id", "page", "text", QT_TRANSLATE_NOOP("fields", "ID госпаблика")),
    FieldSpec("status", "page", "status", QT_TRANSLATE_NOOP("fields", "Статус")),
    FieldSpec(
        "connected", "page", "bool", QT_TRANSLATE_NOOP("fields", "Подключение к «Госпабликам»")
    ),
    FieldSpec("gosmark", "page", "bool", QT_TRANSLATE_NOOP("fields", "Госметка")),
    FieldSpec("widgets", "page", "widgets", QT_TRANSLATE_NOOP("fields", "Виджеты")),
    FieldSpec(
        "pos_problem",
        "page",
        "bool",
        QT_TRANSLATE_NOOP("fields", "Виджет «Сообщить о проблеме»"),
        sheet="",
    ),
    FieldSpec(
        "pos_opinion",
        "page",
        "bool",
        QT_TRANSLATE_NOOP("fields", "Виджет «Высказать мнение»"),
        sheet="",
    ),
    FieldSpec(
        "enrolment", "page", "bool", QT_TRANSLATE_NOOP("fields", "Запись в кружки"), sheet=""
    ),
    FieldSpec(
        "appointment", "page", "bool", QT_TRANSLATE_NOOP("fields", "Запись к врачу"), sheet=""
    ),
    FieldSpec("design", "page", "percent", QT_TRANSLATE_NOOP("fields", "Оформление, %")),
    FieldSpec("activity", "page", "percent", QT_TRANSLATE_NOOP("fields", "Активность, %")),
    FieldSpec("weekly_reach", "page", "count", QT_TRANSLATE_NOOP("fields", "Охват за неделю")),
    FieldSpec(
        "post_reach", "page", "count", QT_TRANSLATE_NOOP("fields", "Средний охват публикации")
    ),
    FieldSpec("subscribers", "page", "count", QT_TRANSLATE_NOOP("fields", "Подписчики")),
    FieldSpec(
        "subscribers_date",
        "page",
        "date",
        QT_TRANSLATE_NOOP("fields", "Дата замера"),
        sheet="count_date",
    ),
    FieldSpec("notes", "page", "text", QT_TRANSLATE_NOOP("fields", "Примечание")),
)

ORGANIZATION_FIELD = {spec.name: spec for spec in ORGANIZATION_FIELDS}
PAGE_FIELD = {spec.name: spec for spec in PAGE_FIELDS}
# The fields a spreadsheet row carries (the widget breakdown and the organisation's own notes are
# edited by hand only).
ORGANIZATION_SHEET_FIELDS: tuple[FieldSpec, ...] = tuple(
    spec for spec in ORGANIZATION_FIELDS if spec.sheet_field
)
PAGE_SHEET_FIELDS: tuple[FieldSpec, ...] = tuple(spec for spec in PAGE_FIELDS if spec.sheet_field)


def coerce(spec: FieldSpec, value: object) -> object:
    """Check and convert a value typed or imported for `spec`; raise NormalizeError (Russian)."""
    label = spec.title
    if isinstance(value, str):
        value = value.strip()
    if value in (None, ""):
        if spec.required:
            raise nz.NormalizeError(tr("{field}: значение обязательно").format(field=label))
        return "" if spec.kind in ("text", "url") else None
    match spec.kind:
        case "text":
            return str(value)
        case "int":
            return nz.parse_int(value, field=label)
        case "count":
            return nz.parse_count(value, field=label)
        case "widgets":
            count = nz.parse_count(value, field=label)
            if count is not None and count > 2:
                raise nz.NormalizeError(
                    tr("{field}: ожидается 0, 1 или 2, получено {value}").format(
                        field=label, value=count
                    )
                )
            return count
        case "percent":
            return nz.parse_percent(value, field=label)
        case "bool":
            return nz.parse_bool(value, field=label)
        case "date":
            return nz.parse_date(value, field=label)
        case "network":
            return nz.parse_network(value)
        case "status":
            return nz.parse_status(value)
        case "ogrn":
            return nz.normalize_ogrn(value)
        case "inn":
            return nz.normalize_inn(value)
        case "url":
            return str(value)
        case "sphere":
            if isinstance(value, int):
                return value
            raise nz.NormalizeError(tr("{field}: выберите сферу из списка").format(field=label))
    raise AssertionError(spec.kind)


def day_text(day: dt.date) -> str:
    """A date as dd.mm.yyyy (strftime costs ~15 µs a call; an import formats 60,000 dates)."""
    return f"{day.day:02d}.{day.month:02d}.{day.year:04d}"


def to_log_text(value: object) -> str | None:
    """How a value is written into the change log."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "да" if value else "нет"
    if isinstance(value, dt.date):
        return day_text(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
