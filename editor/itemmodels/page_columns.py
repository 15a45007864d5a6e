"""The columns of the page table: which row value each shows, how, and which field it edits."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from editor.core import normalize as nz
from editor.core.fields import ORGANIZATION_FIELD, PAGE_FIELD, FieldSpec
from editor.core.normalize import NETWORK_LABELS, STATUS_LABELS


@dataclass(frozen=True)
class PageColumn:
    """One column: `key` is the display row's key and the sort key; `field` the edited field."""

    key: str
    label: str
    field: FieldSpec | None = None
    hidden: bool = False  # hidden until the user picks it in the column chooser
    sortable: bool = True

    @property
    def title(self) -> str:
        """The header in the current language."""
        if self.field is not None:
            return self.field.title
        return QCoreApplication.translate("PageColumns", self.label)


def _page(name: str, hidden: bool = False) -> PageColumn:
    spec = PAGE_FIELD[name]
    return PageColumn(name, spec.label, spec, hidden)


def _organization(
    name: str, key: str | None = None, hidden: bool = False, sortable: bool = True
) -> PageColumn:
    spec = ORGANIZATION_FIELD[name]
    return PageColumn(key or name, spec.label, spec, hidden, sortable)


COLUMNS: tuple[PageColumn, ...] = (
    _organization("full_name", key="organization"),
    PageColumn("territory", QT_TRANSLATE_NOOP("PageColumns", "Территория")),
    _page("network"),
    _page("url"),
    _page("title", hidden=True),
    _page("status"),
    _page("connected"),
    _page("gosmark"),
    _page("widgets"),
    _page("design"),
    _page("activity"),
    _page("weekly_reach", hidden=True),
    _page("post_reach", hidden=True),
    _page("subscribers"),
    PageColumn("subscribers_date", PAGE_FIELD["subscribers_date"].label),
    _organization("sphere1"),
    _organization("ogrn", hidden=True),
    _organization("inn", hidden=True, sortable=False),
    _organization("founder", hidden=True, sortable=False),
    _page("network_id", hidden=True),
    _page("notes", hidden=True),
    PageColumn("id", QT_TRANSLATE_NOOP("PageColumns", "ID"), hidden=True),
)

COLUMN_INDEX = {column.key: index for index, column in enumerate(COLUMNS)}


# The core's network and status names, marked here so that they reach the translation file.
_CODE_LABELS = (
    QT_TRANSLATE_NOOP("core", "ВКонтакте"),
    QT_TRANSLATE_NOOP("core", "Одноклассники"),
    QT_TRANSLATE_NOOP("core", "Другая"),
    QT_TRANSLATE_NOOP("core", "флагманский"),
    QT_TRANSLATE_NOOP("core", "активный"),
    QT_TRANSLATE_NOOP("core", "визитка"),
    QT_TRANSLATE_NOOP("core", "не учитывается"),
)


def yes_no(value: object) -> str:
    """«да» / «нет» / empty for an unknown flag."""
    if value is None:
        return ""
    return QCoreApplication.translate("PageColumns", "да" if value else "нет")


def format_count(value: object) -> str:
    """12 345 (thin-space thousands) or empty."""
    if value is None:
        return ""
    return f"{int(value):,}".replace(",", "\u2009")  # type: ignore[call-overload]


def format_value(kind: str, value: object, sphere_labels: dict[int, str] | None = None) -> str:
    """The text a cell or form shows for a value of a field kind."""
    if value is None or value == "":
        return ""
    match kind:
        case "bool":
            return yes_no(value)
        case "network":
            label = NETWORK_LABELS.get(str(value), str(value))
            return QCoreApplication.translate("core", label)
        case "status":
            label = STATUS_LABELS.get(str(value), str(value))
            return QCoreApplication.translate("core", label)
        case "count" | "int" | "widgets":
            return format_count(value)
        case "percent":
            number = float(value)  # type: ignore[arg-type]
            return f"{number:g}"
        case "date":
            if isinstance(value, dt.date):
                return value.strftime("%d.%m.%Y")
            return str(value)
        case "sphere":
            return (sphere_labels or {}).get(value, "")  # type: ignore[arg-type]
    return str(value)


def checksum_problem(spec: FieldSpec, value: object) -> str | None:
    """A hand-typed ОГРН/ИНН whose control digit is wrong (a typo), or None."""
    if spec.kind not in ("ogrn", "inn") or value in (None, ""):
        return None
    try:
        digits = nz.normalize_ogrn(value) if spec.kind == "ogrn" else nz.normalize_inn(value)
    except nz.NormalizeError:
        return None  # coerce() reports the format itself
    valid = nz.ogrn_valid if spec.kind == "ogrn" else nz.inn_valid
    if digits and not valid(digits):
        return QCoreApplication.translate(
            "PageColumns", "{field}: неверная контрольная цифра в {value}"
        ).format(field=spec.title, value=digits)
    return None
