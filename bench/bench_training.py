"""Training hot paths (issue 13): importing registration lists and the training report.

- 10,000 participants over 200 seminars, one registration workbook with per-row «Семинар» and
  «Дата» columns, into a copy of the generated catalogue (≤ 3 s). A third of the rows name
  their organisation by ОГРН, a third by name and municipality, a third by a name the catalogue
  does not know. The workbook is written in the untimed setup.
- The training report of the whole catalogue (300,000 pages) with that training data (≤ 5 s).
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from bench.framework import Case, Context

PARTICIPANTS = 10_000
SEMINARS = 200
_FIRST = ("Анна", "Мария", "Ольга", "Елена", "Иван", "Пётр", "Сергей", "Наталья", "Юлия", "Алексей")
_LAST = ("Иванова", "Петрова", "Сидорова", "Кузнецова", "Смирнова", "Попова", "Соколова")
_POSITIONS = ("учитель", "заместитель директора", "специалист", "методист", "пресс-секретарь")


def write_list(catalogue: Path, out: Path) -> int:
    """The registration workbook: PARTICIPANTS distinct people over SEMINARS seminars."""
    import sqlite3

    from openpyxl import Workbook

    connection = sqlite3.connect(f"file:{catalogue}?mode=ro", uri=True)
    try:
        organizations = connection.execute(
            "SELECT o.full_name, o.ogrn, t.name FROM organization o"
            " JOIN territory t ON t.id = o.territory_id WHERE o.deleted_at IS NULL"
            " ORDER BY o.id LIMIT ?",
            (PARTICIPANTS,),
        ).fetchall()
    finally:
        connection.close()
    rng = random.Random(13)
    start = dt.date(2024, 1, 15)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Участники")
    sheet.append(["Список участников семинаров ЦУР"])
    sheet.append([])
    sheet.append(
        ["ФИО", "Должность", "Организация", "ОГРН", "Муниципальное образование", "E-mail",
         "Телефон", "Семинар", "Дата"]
    )  # fmt: skip
    for number in range(PARTICIPANTS):
        name, ogrn, place = organizations[rng.randrange(len(organizations))]
        kind = number % 3
        if kind == 2:
            name, ogrn = f"Учреждение вне каталога № {number}", None
        elif kind == 1:
            ogrn = None
        seminar = number % SEMINARS
        sheet.append(
            [
                f"{rng.choice(_LAST)} {rng.choice(_FIRST)} № {number}",
                rng.choice(_POSITIONS),
                name,
                ogrn,
                place,
                f"person{number}@example.ru",
                f"+7 900 {number:07d}",
                f"Ведение госпабликов, поток {seminar + 1}",
                (start + dt.timedelta(days=seminar)).strftime("%d.%m.%Y"),
            ]
        )
    book.save(out)
    return PARTICIPANTS


def _setup_import(ctx: Context) -> None:
    from editor.db.database import open_catalogue

    ctx.state["list"] = ctx.workdir / "participants.xlsx"
    write_list(ctx.catalogue, ctx.state["list"])
    ctx.state["copy"] = ctx.writable_copy()
    open_catalogue(ctx.state["copy"])  # migrations and caches outside the timed part


def _import(ctx: Context) -> str:
    from editor.exchange.training.registration import import_lists

    result = import_lists([ctx.state["list"]])
    if result.participants_new != PARTICIPANTS or result.seminars_new != SEMINARS:
        raise AssertionError(
            f"{result.participants_new} participants, {result.seminars_new} seminars"
        )
    return (
        f"{result.rows:,} rows, {result.attendances_new:,} attendances,"
        f" {len(result.unmatched_organizations):,} organisations not in the catalogue"
    )


def _setup_report(ctx: Context) -> None:
    from editor.db.database import open_catalogue
    from editor.exchange.training.registration import import_lists

    path = ctx.workdir / "participants.xlsx"
    write_list(ctx.catalogue, path)
    open_catalogue(ctx.writable_copy())
    import_lists([path])


def _report(ctx: Context) -> str:
    from editor.exchange.reports.export import export_report

    result = export_report(ctx.workdir / "training.xlsx", "training", force=True)
    return f"{result.rows:,} territory rows, {result.path.stat().st_size / 1e6:.1f} MB"


CASES = [
    Case(
        f"training: import {PARTICIPANTS:,} participants over {SEMINARS} seminars",
        3.0,
        _import,
        repeat=1,  # a second run would find everything imported already
        setup=_setup_import,
    ),
    Case("training: report of the whole catalogue", 5.0, _report, repeat=3, setup=_setup_report),
]
