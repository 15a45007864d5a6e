"""The columns of seminar registration lists (DESIGN §8) and finding their header row.

A table of its own beside the catalogue's (:mod:`editor.exchange.columns`), matched the same way
(`header_key`: case, spaces, punctuation and ё do not matter), and a header finder that
:func:`editor.exchange.spreadsheet.reader.open_table` uses instead of the catalogue's.
"""

from __future__ import annotations

from collections.abc import Sequence

from editor.exchange.columns import _PARENTHESES, Column, header_key
from editor.exchange.spreadsheet.header import Header, flat

TRAINING_COLUMNS: tuple[Column, ...] = (
    Column(
        "full_name",
        "ФИО",
        ("Ф.И.О.", "ФИО участника", "Фамилия, имя, отчество", "Участник", "Слушатель"),
    ),
    Column("last_name", "Фамилия"),
    Column("first_name", "Имя"),
    Column("middle_name", "Отчество"),
    Column("position", "Должность", ("Должность участника", "Занимаемая должность")),
    Column(
        "organization",
        "Организация",
        (
            "Учреждение",
            "Наименование организации",
            "Наименование учреждения",
            "Место работы",
            "Организация (учреждение)",
        ),
    ),
    Column("ogrn", "ОГРН"),
    Column("inn", "ИНН"),
    Column(
        "territory",
        "Муниципальное образование",
        ("МО", "Муниципалитет", "Территория", "Район", "Городской округ", "Муниципальный округ"),
    ),
    Column(
        "email",
        "E-mail",
        ("Email", "Электронная почта", "Эл. почта", "Адрес электронной почты", "Почта"),
    ),
    Column("phone", "Телефон", ("Контактный телефон", "Мобильный телефон", "Номер телефона")),
    Column("seminar", "Семинар", ("Название семинара", "Тема семинара", "Тема", "Мероприятие")),
    Column("date", "Дата", ("Дата семинара", "Дата проведения", "Дата обучения")),
)
NAME_FIELDS: tuple[str, ...] = ("full_name", "last_name")

_INDEX: dict[str, str] = {
    header_key(text): column.field
    for column in TRAINING_COLUMNS
    for text in (column.header, *column.synonyms)
}


def training_field(text: object) -> str | None:
    """The registration-list field a header names, or None (remarks in brackets ignored)."""
    key = header_key(text)
    if not key:
        return None
    field = _INDEX.get(key)
    if field is None and isinstance(text, str) and "(" in text:
        field = _INDEX.get(header_key(_PARENTHESES.sub("", text)))
    return field


def map_training_headers(headers: Sequence[object]) -> dict[int, str]:
    """Column index → field; each field taken by its first column."""
    mapping: dict[int, str] = {}
    taken: set[str] = set()
    for index, header in enumerate(headers):
        field = training_field(header)
        if field is not None and field not in taken:
            mapping[index] = field
            taken.add(field)
    return mapping


def _score(mapping: dict[int, str]) -> int:
    fields = set(mapping.values())
    # A name column makes a row the header far more surely than any number of others.
    return len(fields) + (100 if fields & set(NAME_FIELDS) else 0)


def find_training_header(scanned: list[tuple[int, list[object]]], _overrides=None) -> Header:
    """The row naming the most registration-list fields among the scanned rows.

    Never None: a sheet without any known header gives an empty mapping, so that the caller
    can say what is missing (the name column) rather than a generic «no header».
    """
    rows = [(number, [flat(v) for v in cells]) for number, cells in scanned]
    best, best_score = 0, 0
    for index, (_number, texts) in enumerate(rows):
        score = _score(map_training_headers(texts))
        if score > best_score:
            best, best_score = index, score
    if not rows:
        return Header(0, [], {}, 1, 1, [])
    first, texts = rows[best]
    while texts and not texts[-1]:
        texts.pop()
    titles = [" ".join(t for t in row if t) for _, row in rows[:best] if any(row)]
    mapping = map_training_headers(texts)
    return Header(_score(mapping), texts, mapping, first, first, titles)
