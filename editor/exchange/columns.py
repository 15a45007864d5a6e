"""The spreadsheet columns of the catalogue: export headers, import synonyms, header matching.

One table (DESIGN §4) serves both directions: export writes `Column.header`, import recognises the
header and its synonyms compared through `header_key` (case, spaces, punctuation, quotes and ё do
not matter), so «Оформление, %» and «оформление (%)» are the same column.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from editor.core.i18n import tr


@dataclass(frozen=True)
class Column:
    """One catalogue column: its field name, the header export writes, and headers import accepts."""

    field: str
    header: str
    synonyms: tuple[str, ...] = ()


COLUMNS: tuple[Column, ...] = (
    Column("page_id", "ID", ("Идентификатор",)),
    Column("oktmo", "Код ОКТМО", ("ОКТМО",)),
    Column(
        "territory",
        "Территория",
        ("Муниципальное образование", "МО", "Муниципалитет", "Район", "Городской округ"),
    ),
    Column("level", "Уровень"),
    Column(
        "organization",
        "Организация",
        (
            "Наименование подведомственной организации",
            "Наименование организации",
            "Наименование учреждения",
            "Учреждение",
            "Наименование",
            "Полное наименование",
        ),
    ),
    Column("ogrn", "ОГРН"),
    Column("inn", "ИНН"),
    Column("founder", "Учредитель"),
    Column("sphere1", "Сфера 1"),
    Column("sphere2", "Сфера 2"),
    Column("sphere3", "Сфера 3"),
    Column(
        "exemption",
        "Не ведется на основании",
        ("Официальная страница не ведется на основании",),
    ),
    Column("network", "Соцсеть", ("Социальная сеть", "Платформа")),
    Column(
        "url",
        "Ссылка",
        (
            "Ссылка на госпаблик ВК",
            "Ссылка на госпаблик",
            "Ссылка на страницу",
            "Адрес страницы",
            "URL",
        ),
    ),
    Column("network_id", "ID госпаблика"),
    Column("status", "Статус", ("Категория",)),
    Column(
        "connected",
        "Подключение к «Госпабликам»",
        ("Подключение к компоненту «Госпаблики» (да/нет)",),
    ),
    Column("gosmark", "Госметка", ("Госметка (да/нет)",)),
    Column("widgets", "Виджеты", ("Виджеты (0/1/2)", "Виджет ПОС")),
    Column("design", "Оформление, %", ("Оформление (%)",)),
    Column("activity", "Активность, %", ("Активность (%)",)),
    Column(
        "subscribers",
        "Подписчики",
        ("Количество подписчиков", "Число подписчиков", "Кол-во подписчиков"),
    ),
    Column("count_date", "Дата замера", ("Дата",)),
    Column("weekly_reach", "Охват за неделю", ("Общий охват аудитории за неделю",)),
    Column("post_reach", "Средний охват публикации", ("Средний охват одной публикации",)),
    Column("responsible", "Ответственный", ("Ответственный за ведение", "ФИО ответственного")),
    Column("notes", "Примечание", ("Комментарий",)),
    # Beyond DESIGN §4: organisation and page details that municipal spreadsheets also carry.
    Column("short_name", "Краткое наименование", ("Сокращенное наименование",)),
    Column("org_type", "Тип организации", ("Тип",)),
    Column("responsible_position", "Должность ответственного"),
    Column("responsible_phone", "Телефон", ("Телефон ответственного", "Контактный телефон")),
    Column("responsible_email", "E-mail", ("Электронная почта", "Эл. почта")),
    Column("title", "Название страницы", ("Название сообщества",)),
)

FIELDS: tuple[str, ...] = tuple(column.field for column in COLUMNS)
# Override targets that mean "do not import this column".
IGNORE: tuple[str, ...] = ("", "-")
SPHERES: tuple[str, ...] = ("sphere1", "sphere2", "sphere3")
# Headers that name a sphere without its number: each takes the next free sphere column, so the
# real registries' «Сфера | Сфера | Сфера» become sphere1, sphere2, sphere3.
GENERIC_SPHERE_HEADERS: tuple[str, ...] = ("Сфера", "Отрасль", "Сфера деятельности")
_GENERIC_SPHERE = "sphere"

_NOT_KEY = re.compile(r"[\W_]+")
_PARENTHESES = re.compile(r"\([^()]*\)")


def header_key(text: object) -> str:
    """A header reduced to lower-case letters and digits, ё as е: the key headers are matched by."""
    if text is None:
        return ""
    return _NOT_KEY.sub("", str(text).casefold()).replace("ё", "е")


def _build_index() -> dict[str, str]:
    index: dict[str, str] = {}
    entries = [(c.field, text) for c in COLUMNS for text in (c.header, *c.synonyms)]
    entries += [(_GENERIC_SPHERE, text) for text in GENERIC_SPHERE_HEADERS]
    for field, text in entries:
        key = header_key(text)
        if index.setdefault(key, field) != field:  # pragma: no cover - a mistake in the table
            raise RuntimeError(f"header {text!r} is claimed by {index[key]} and {field}")
    return index


_INDEX: dict[str, str] = _build_index()
_LABELS: dict[str, str] = {column.field: column.header for column in COLUMNS}


def field_label(field: str) -> str:
    """The header export writes for `field` (KeyError for an unknown field)."""
    return _LABELS[field]


def field_of_header(text: object) -> str | None:
    """The field a header names, or None; «Сфера»/«Отрасль» give "sphere" (the next free one).

    A header not found as written is tried once more without its parenthesised remarks, so
    «Госметка (есть/нет)» and «Количество подписчиков (на 01.05.2024)» are understood too.
    """
    key = header_key(text)
    if not key:
        return None
    field = _INDEX.get(key)
    if field is None and isinstance(text, str) and "(" in text:
        field = _INDEX.get(header_key(_PARENTHESES.sub("", text)))
    return field


def _override_target(header: str, target: str) -> str:
    """The field an override names: a field name, or any header of that field («Организация»)."""
    target = target.strip()
    if target in IGNORE or target in _LABELS:
        return "" if target in IGNORE else target
    field = _INDEX.get(header_key(target))
    if field is None or field == _GENERIC_SPHERE:
        raise ValueError(
            tr("Неизвестное поле «{field}» для столбца «{header}»; поля: {known}", "import").format(
                field=target, header=header, known=", ".join(FIELDS)
            )
        )
    return field


def map_headers(
    headers: Sequence[object], overrides: Mapping[str, str] | None = None
) -> dict[int, str]:
    """Column index → field for a header row; unknown headers are left out.

    `overrides` map a header text (compared by `header_key`) to a field, or to "" / "-" to skip
    that column; they take precedence over the built-in synonyms. Each field is mapped once, the
    first column winning, except that generic sphere headers fill sphere1..3 in turn. ValueError
    (a Russian message) for an override naming an unknown field.
    """
    forced = {header_key(h): _override_target(h, f) for h, f in (overrides or {}).items()}
    mapping: dict[int, str] = {}
    taken: set[str] = set()
    automatic: list[tuple[int, str]] = []
    for index, header in enumerate(headers):
        key = header_key(header)
        if not key:
            continue
        if key in forced:
            field = forced[key]
            if field and field not in taken:
                mapping[index] = field
                taken.add(field)
            continue
        known = field_of_header(header)
        if known is not None:
            automatic.append((index, known))
    # Numbered spheres claim their columns before the generic «Сфера» headers fill the rest.
    automatic.sort(key=lambda item: item[1] == _GENERIC_SPHERE)
    for index, field in automatic:
        if field == _GENERIC_SPHERE:
            field = next((s for s in SPHERES if s not in taken), "")
        if field and field not in taken:
            mapping[index] = field
            taken.add(field)
    return dict(sorted(mapping.items()))
