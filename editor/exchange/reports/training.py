"""The training report (`export --report training`): who has been trained, and who is still to invite.

Sheet «Обучение»: per territory, rolled up the tree, the seminars held for it, the people
trained, the organisations with pages, how many of those are trained and the share. Sheet
«Пригласить на обучение»: the organisations with live pages and nobody trained, with their
pages' links — the invitation list for the next seminar. Sheet «Семинары»: the seminars counted.
Counts come from grouped queries; the trash (pages, organisations, seminars) is left out.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from editor.core.i18n import tr
from editor.core.training import format_label
from editor.core.training_figures import trained_organizations_sql
from editor.db.models import db
from editor.exchange.reports import scope as es
from editor.exchange.reports.aggregates import _max_depth, _share, _title, _write_rows
from editor.exchange.spreadsheet.writer import Workbook

# Vector per territory: seminars, people trained, organisations with pages, trained ones.
_WIDTH = 4


def _since_sql(since: dt.date | None) -> tuple[str, tuple]:
    return (" AND s.date >= ?", (since.isoformat(),)) if since else ("", ())


def _trained_ids(since: dt.date | None) -> set[int]:
    trained, params = trained_organizations_sql(since)
    return {oid for (oid,) in db.execute_sql(trained, params)}


def organizations_with_pages() -> list[tuple]:
    """(id, territory, name, ОГРН, ИНН, sphere 1, pages, links) of every live organisation
    with live pages: one pass over the organisations in id order, their pages by index."""
    return db.execute_sql(
        "SELECT o.id, o.territory_id, o.full_name, o.ogrn, o.inn, o.sphere1_id, count(*),"
        " group_concat(coalesce(nullif(p.url, ''), p.title), ' ')"
        " FROM organization o JOIN page p ON p.organization_id = o.id AND p.deleted_at IS NULL"
        " WHERE o.deleted_at IS NULL GROUP BY o.id"
    ).fetchall()


def training_totals(
    ctx: es.Context,
    since: dt.date | None = None,
    organizations: list[tuple] | None = None,
    trained: set[int] | None = None,
) -> dict[int, list[float]]:
    """Per territory in scope, rolled up: [seminars, people trained, organisations with pages,
    trained organisations with pages]. Records without a territory count at the scope's root."""
    own: dict[int, list[float]] = defaultdict(lambda: [0.0] * _WIDTH)
    # Unplaced seminars and people belong to the whole catalogue, not to a territory's report.
    root = ctx.roots[0] if ctx.roots and ctx.filter.territory_id is None else None
    where, params = _since_sql(since)
    for tid, count in db.execute_sql(
        f"SELECT s.territory_id, count(*) FROM seminar s WHERE s.deleted_at IS NULL{where}"
        " GROUP BY s.territory_id",
        params,
    ):
        own[tid if tid is not None else root][0] += count
    for tid, count in db.execute_sql(
        "SELECT p.territory_id, count(DISTINCT p.id) FROM participant p"
        " JOIN attendance a ON a.participant_id = p.id"
        f" JOIN seminar s ON s.id = a.seminar_id AND s.deleted_at IS NULL{where}"
        " GROUP BY p.territory_id",
        params,
    ):
        own[tid if tid is not None else root][1] += count
    trained = _trained_ids(since) if trained is None else trained
    for row in organizations_with_pages() if organizations is None else organizations:
        vector = own[row[1]]
        vector[2] += 1
        if row[0] in trained:
            vector[3] += 1
    own.pop(None, None)  # type: ignore[call-overload]
    return es.roll_up(ctx, own, _WIDTH)


def untrained_organizations(
    ctx: es.Context,
    since: dt.date | None = None,
    organizations: list[tuple] | None = None,
    trained: set[int] | None = None,
) -> list[tuple]:
    """(territory, name, ОГРН, ИНН, sphere 1, pages, links) of the scope's organisations with
    live pages and nobody trained, in the tree's order."""
    trained = _trained_ids(since) if trained is None else trained
    index = ctx.tree.index
    in_scope = set(ctx.territories)
    rows = [
        row[1:]
        for row in (organizations_with_pages() if organizations is None else organizations)
        if row[0] not in trained and row[1] in in_scope
    ]
    rows.sort(key=lambda row: (index[row[0]], row[1]))
    return rows


def write_training(book: Workbook, ctx: es.Context, since: dt.date | None = None) -> int:
    """The three sheets of the training report; the number of territory rows."""
    ctx.progress(0, 3, tr("Подсчёт обучения"))
    organizations, trained = organizations_with_pages(), _trained_ids(since)
    totals = training_totals(ctx, since, organizations, trained)
    ctx.check()
    shown = es.shown_territories(ctx, totals)
    headers = [
        tr("Территория"),
        tr("Код ОКТМО"),
        tr("Семинаров"),
        tr("Обучено человек"),
        tr("Организаций со страницами"),
        tr("Из них обучено"),
        tr("Доля обученных, %"),
    ]
    numbers = ["int"] * 4 + ["decimal"]
    sheet = book.add_sheet(
        tr("Обучение"), ["text", "text", *numbers], outline_levels=_max_depth(shown)
    )
    since_text = tr("Семинары с {date}").format(date=since.strftime("%d.%m.%Y")) if since else ""
    _title(sheet, ctx, tr("Обучение администраторов госпабликов"), since_text)
    sheet.header(headers)

    def cells(v: list[float]) -> list[object]:
        return [int(x) for x in v] + [_share(v[3], v[2])]

    rows = _write_rows(sheet, ctx, shown, totals, cells, numbers)
    sheet.close()

    ctx.progress(1, 3, tr("Список организаций без обученных"))
    spheres = es.sphere_names()
    tree = ctx.tree
    invite = book.add_sheet(
        tr("Пригласить на обучение"), ["text"] * 6 + ["int", "wrap"], sample_rows=500
    )
    invite.header(
        [
            tr("Территория"),
            tr("Код ОКТМО"),
            tr("Организация"),
            tr("ОГРН"),
            tr("ИНН"),
            tr("Сфера 1"),
            tr("Страниц"),
            tr("Ссылки"),
        ]
    )
    invite.autofilter()
    label_of: dict[int, str] = {}
    untrained = untrained_organizations(ctx, since, organizations, trained)
    del organizations
    for tid, name, ogrn, inn, sphere, pages, links in untrained:
        label = label_of.get(tid)
        if label is None:
            label = label_of[tid] = tree.label(tid)
        invite.append(
            [
                label,
                tree.oktmo[tid] or None,
                name,
                ogrn,
                inn,
                spheres.get(sphere) if sphere else None,
                pages,
                links,
            ]
        )
    invite.close()
    ctx.check()

    ctx.progress(2, 3, tr("Семинары"))
    where, params = _since_sql(since)
    in_scope = set(ctx.territories)
    listing = book.add_sheet(tr("Семинары"), ["date", "text", "text", "text", "int"])
    listing.header([tr("Дата"), tr("Семинар"), tr("Формат"), tr("Территория"), tr("Участников")])
    for date, title, fmt, tid, count in db.execute_sql(
        "SELECT s.date, s.title, s.format, s.territory_id,"
        " (SELECT count(*) FROM attendance a WHERE a.seminar_id = s.id) FROM seminar s"
        f" WHERE s.deleted_at IS NULL{where} ORDER BY s.date, s.id",
        params,
    ):
        if tid is not None and tid not in in_scope:
            continue
        if tid is None and ctx.filter.territory_id is not None:
            continue
        listing.append(
            [es.as_date(date), title, format_label(fmt), tree.label(tid) if tid else None, count]
        )
    listing.close()
    ctx.progress(3, 3, tr("Готово"))
    return rows
