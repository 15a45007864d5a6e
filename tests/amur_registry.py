"""The real Amur registry (../shared/data/amur_registry_2024.json) written out as the spreadsheet
it came from, under its real headers, for the reader and import tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook

# JSON key → the header of the real spreadsheet (../shared/data/README.md).
AMUR_HEADERS = {
    "level": "Уровень",
    "founder": "Учредитель",
    "name": "Наименование подведомственной организации",
    "reason": "Официальная страница не ведется на основании",
    "the_main_state_registration_number": "ОГРН",
    "sphere_1": "Сфера 1",
    "sphere_2": "Сфера 2",
    "sphere_3": "Сфера 3",
    "status": "Статус",
    "channel_id": "ID госпаблика",
    "url": "Ссылка на госпаблик ВК",
    "address": "Адрес, указанный в настройках страницы",
    "connected": "Подключение к компоненту «Госпаблики» (да/нет)",
    "state_mark": "Госметка (да/нет)",
    "decoration": "Оформление (%)",
    "widgets": "Виджеты (0/1/2)",
    "activity": "Активность (%)",
    "followers": "Количество подписчиков",
    "weekly_audience": "Общий охват аудитории за неделю",
    "average_publication_coverage": "Средний охват одной публикации",
}


def write_amur_registry(
    records: list[dict],
    path: Path,
    title: str,
    cell: Callable[[object], object] = lambda value: value,
) -> Path:
    """A one-sheet workbook: a title row, the header row, then one row per record."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Реестр")
    sheet.append([title])
    sheet.append(list(AMUR_HEADERS.values()))
    for record in records:
        sheet.append([cell(record.get(key)) for key in AMUR_HEADERS])
    book.save(path)
    return path
