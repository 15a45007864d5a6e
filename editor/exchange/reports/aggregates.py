"""The aggregate reports: summary per territory, the territory × sphere pivot, and compliance.

Each writes its sheets into a :class:`editor.exchange.spreadsheet.writer.Workbook` from counts grouped
in SQLite and rolled up the territory tree; rows carry Excel outline levels so that a reader can
fold municipalities into their region.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from editor.core import normalize as nz
from editor.core.i18n import tr
from editor.core.spheres import all_spheres, labels
from editor.db.models import Organization, Page
from editor.exchange.reports import scope as es
from editor.exchange.spreadsheet.writer import Sheet, Workbook


def _title(sheet: Sheet, ctx: es.Context, name: str, extra: str = "") -> None:
    sheet.title(
        tr("{report}: {scope} по состоянию на {date}").format(
            report=name, scope=ctx.scope_text, date=ctx.today.strftime("%d.%m.%Y")
        )
    )
    if extra:
        sheet.title(extra, "subtitle")
    else:
        sheet.blank()


def _networks(ctx: es.Context) -> list[str]:
    return list(ctx.filter.networks) or list(nz.NETWORKS)


def _share(part: float, whole: float) -> float | None:
    return round(100.0 * part / whole, 1) if whole else None


def _territory_cells(ctx: es.Context, tid: int, depth: int) -> tuple[list[object], list[str]]:
    tree = ctx.tree
    style = f"indent{min(depth, 7)}" if depth else "text"
    return [tree.name[tid], tree.oktmo[tid] or None], [style, "text"]


def _write_rows(
    sheet: Sheet,
    ctx: es.Context,
    shown: list[tuple[int, int]],
    totals: dict[int, list[float]],
    cells,
    number_styles: Sequence[str],
) -> int:
    """A row per shown territory (outline = depth) and the «Итого» row."""
    for tid, depth in shown:
        values, styles = _territory_cells(ctx, tid, depth)
        sheet.append(
            values + cells(totals[tid]), styles + list(number_styles), outline=min(depth, 7)
        )
    width = len(next(iter(totals.values()))) if totals else 0
    grand = [0.0] * width
    for root in ctx.roots:
        for i, value in enumerate(totals[root]):
            grand[i] += value
    sheet.append(
        [tr("Итого"), None, *cells(grand)],
        ["total", "total"]
        + [f"total_{s}" if s in ("int", "decimal") else "total" for s in number_styles],
    )
    return len(shown)


def _max_depth(shown: list[tuple[int, int]]) -> int:
    return min(max((depth for _, depth in shown), default=0), 7)


# --- summary ----------------------------------------------------------------------------------


# Vector layout of the summary: organisations, pages, pages per network…, gosmark, connected,
# with widgets, subscribers.
def summary_totals(ctx: es.Context) -> dict[int, list[float]]:
    """Per territory in scope, rolled up: [organisations, pages, *per network, gosmark,
    connected, with widgets, subscribers]."""
    networks = _networks(ctx)
    column = {network: 2 + i for i, network in enumerate(networks)}
    width = 2 + len(networks) + 4
    own: dict[int, list[float]] = defaultdict(lambda: [0.0] * width)
    for tid, count in es.organization_counts(ctx).items():
        own[tid][0] += count
    query = es.page_groups(ctx, Page.network, Page.gosmark, Page.connected, Page.widgets > 0)
    for tid, network, gosmark, connected, widgets, pages, subscribers in query:
        row = own[tid]
        row[1] += pages
        if network in column:
            row[column[network]] += pages
        row[-4] += pages if gosmark else 0
        row[-3] += pages if connected else 0
        row[-2] += pages if widgets else 0
        row[-1] += subscribers
    return es.roll_up(ctx, own, width)


def write_summary(book: Workbook, ctx: es.Context, total: int) -> int:
    """One row per territory with rolled-up counts and shares, outline levels and a totals row."""
    ctx.progress(0, 3, tr("Подсчёт по территориям"))
    totals = summary_totals(ctx)
    ctx.check()
    shown = es.shown_territories(ctx, totals)
    networks = _networks(ctx)
    headers = [
        tr("Территория"),
        tr("Код ОКТМО"),
        tr("Организаций"),
        tr("Страниц"),
        *(tr("Страниц: {network}").format(network=nz.NETWORK_LABELS[n]) for n in networks),
        tr("С госметкой"),
        tr("Подключено к «Госпабликам»"),
        tr("С виджетами ПОС"),
        tr("Подписчиков"),
        tr("Доля с госметкой, %"),
        tr("Доля подключённых, %"),
        tr("Доля с виджетами ПОС, %"),
    ]
    numbers = ["int"] * (len(headers) - 5) + ["decimal"] * 3

    def cells(v: list[float]) -> list[object]:
        pages = v[1]
        return [int(x) for x in v] + [
            _share(v[-4], pages),
            _share(v[-3], pages),
            _share(v[-2], pages),
        ]

    ctx.progress(1, 3, tr("Запись сводки"))
    sheet = book.add_sheet(
        tr("Сводка"), ["text", "text", *numbers], outline_levels=_max_depth(shown)
    )
    _title(sheet, ctx, tr("Госпаблики по территориям"))
    sheet.header(headers)
    rows = _write_rows(sheet, ctx, shown, totals, cells, numbers)
    sheet.close()
    ctx.progress(3, 3, tr("Готово"))
    return rows


# --- spheres ----------------------------------------------------------------------------------


def write_spheres(book: Workbook, ctx: es.Context, total: int) -> int:
    """Territory × sphere (the organisation's first sphere): pages and subscribers."""
    ctx.progress(0, 3, tr("Подсчёт по сферам"))
    own_by_sphere: dict[int, dict[int | None, list[float]]] = defaultdict(dict)
    used: set[int | None] = set()
    for tid, sphere, pages, subscribers in es.page_groups(ctx, Organization.sphere1):
        cell = own_by_sphere[tid].setdefault(sphere, [0.0, 0.0])
        cell[0] += pages
        cell[1] += subscribers
        used.add(sphere)
    ctx.check()
    names = labels()
    order = [s.id for s in all_spheres() if s.id in used]
    if None in used:
        order.append(None)
    slot = {sphere: i for i, sphere in enumerate(order)}
    width = 2 * len(order) + 2
    own: dict[int, list[float]] = {}
    for tid, cells_of in own_by_sphere.items():
        vector = [0.0] * width
        for sphere, (pages, subscribers) in cells_of.items():
            vector[2 * slot[sphere]] += pages
            vector[2 * slot[sphere] + 1] += subscribers
            vector[-2] += pages
            vector[-1] += subscribers
        own[tid] = vector
    totals = es.roll_up(ctx, own, width)
    shown = es.shown_territories(ctx, totals)
    ctx.progress(1, 3, tr("Запись таблицы"))
    numbers = ["int"] * width
    sheet = book.add_sheet(
        tr("Сферы"), ["text", "text", *numbers], outline_levels=_max_depth(shown)
    )
    _title(
        sheet,
        ctx,
        tr("Госпаблики по сферам"),
        tr("Сфера организации — первая из указанных (Сфера 1)"),
    )
    top = sheet.header(
        [tr("Территория"), tr("Код ОКТМО")]
        + [
            name
            for sphere in [*order, "total"]
            for name in (
                names.get(sphere, tr("Сфера не указана")) if sphere != "total" else tr("Всего"),
                "",
            )
        ]
    )
    sheet.header(["", ""] + [tr("Страниц"), tr("Подписчиков")] * (len(order) + 1))
    sheet.merge(top, 0, top + 1, 0)
    sheet.merge(top, 1, top + 1, 1)
    for i in range(len(order) + 1):
        sheet.merge(top, 2 + 2 * i, top, 3 + 2 * i)
    rows = _write_rows(sheet, ctx, shown, totals, lambda v: [int(x) for x in v], numbers)
    sheet.close()
    ctx.progress(3, 3, tr("Готово"))
    return rows


# --- compliance -------------------------------------------------------------------------------


def compliance_totals(ctx: es.Context) -> dict[int, list[float]]:
    """Per territory, rolled up: [organisations, without page and exemption, pages, without
    госметка, not connected, without widgets, stale count]."""
    own: dict[int, list[float]] = defaultdict(lambda: [0.0] * 7)
    for tid, count in es.organization_counts(ctx).items():
        own[tid][0] += count
    for tid, count in es.organization_counts(
        ctx, only_without_pages=True, without_exemption=True
    ).items():
        own[tid][1] += count
    stale = Page.subscribers_date.is_null() | (Page.subscribers_date < ctx.stale_before())
    query = es.page_groups(ctx, Page.gosmark, Page.connected, Page.widgets > 0, stale)
    for tid, gosmark, connected, widgets, old, pages, _subscribers in query:
        row = own[tid]
        row[2] += pages
        row[3] += 0 if gosmark else pages
        row[4] += 0 if connected else pages
        row[5] += 0 if widgets else pages
        row[6] += pages if old else 0
    return es.roll_up(ctx, own, 7)


def page_problems(ctx: es.Context, page: tuple) -> list[str]:
    """What is wrong with a page, in words (empty when nothing is)."""
    problems = []
    if not page[es.P_GOSMARK]:
        problems.append(tr("нет госметки"))
    if not page[es.P_CONNECTED]:
        problems.append(tr("не подключена к «Госпабликам»"))
    if not page[es.P_WIDGETS]:
        problems.append(tr("нет виджетов ПОС"))
    date = es.as_date(page[es.P_DATE])
    if date is None or date < ctx.stale_before():
        problems.append(tr("подписчики не обновлялись более {n} дн.").format(n=ctx.stale_days))
    return problems


def write_compliance(book: Workbook, ctx: es.Context, total: int) -> int:
    """Counts per territory, then the organisations without pages and the pages with problems."""
    ctx.progress(0, total + 1, tr("Подсчёт нарушений"))
    totals = compliance_totals(ctx)
    shown = es.shown_territories(ctx, totals)
    ctx.check()
    headers = [
        tr("Территория"),
        tr("Код ОКТМО"),
        tr("Организаций"),
        tr("Организаций без страницы и без основания"),
        tr("Страниц"),
        tr("Без госметки"),
        tr("Не подключено к «Госпабликам»"),
        tr("Без виджетов ПОС"),
        tr("Подписчики не обновлялись более {n} дн.").format(n=ctx.stale_days),
    ]
    numbers = ["int"] * 7
    sheet = book.add_sheet(
        tr("Нарушения"), ["text", "text", *numbers], outline_levels=_max_depth(shown)
    )
    _title(
        sheet,
        ctx,
        tr("Соблюдение требований к госпабликам"),
        tr(
            "Данные о подписчиках считаются устаревшими, если замер старше {n} дн. (до {date})"
        ).format(n=ctx.stale_days, date=ctx.stale_before().strftime("%d.%m.%Y")),
    )
    sheet.header(headers)
    _write_rows(sheet, ctx, shown, totals, lambda v: [int(x) for x in v], numbers)
    sheet.close()

    spheres = es.sphere_names()
    tree = ctx.tree
    # No responsible person's name, phone or e-mail: personal data stay in the editor.
    orgs = book.add_sheet(tr("Организации без страниц"), ["text"] * 7)
    orgs.header(
        [
            tr("Территория"),
            tr("Код ОКТМО"),
            tr("Организация"),
            tr("ОГРН"),
            tr("ИНН"),
            tr("Учредитель"),
            tr("Сфера 1"),
        ]
    )
    orgs.autofilter()
    done = 0
    if ctx.with_pageless:
        for _page, org in es.iter_records(ctx, with_pages=False):
            done += 1
            if (org[es.O_EXEMPTION] or "").strip():
                continue
            tid, sphere = org[es.O_TERRITORY], org[es.O_SPHERE1]
            orgs.append(
                [
                    tree.label(tid),
                    tree.oktmo[tid] or None,
                    org[es.O_NAME],
                    org[es.O_OGRN],
                    org[es.O_INN],
                    org[es.O_FOUNDER],
                    spheres.get(sphere) if sphere else None,
                ]
            )
    orgs.close()

    pages = book.add_sheet(
        tr("Страницы с замечаниями"), ["text"] * 8 + ["int", "date", "text"], sample_rows=500
    )
    pages.header(
        [
            tr("Территория"),
            tr("Код ОКТМО"),
            tr("Организация"),
            tr("Соцсеть"),
            tr("Ссылка"),
            tr("Госметка"),
            tr("Подключение к «Госпабликам»"),
            tr("Виджеты"),
            tr("Подписчики"),
            tr("Дата замера"),
            tr("Замечания"),
        ]
    )
    pages.autofilter()
    for page, org in es.iter_records(ctx, with_pageless=False):
        done += 1
        if not done % 2000:
            ctx.check()
            ctx.progress(done, total + 1, tr("Проверено записей: {n}").format(n=done))
        problems = page_problems(ctx, page)  # type: ignore[arg-type]
        if problems:
            tid = org[es.O_TERRITORY]
            pages.append(
                [
                    tree.label(tid),
                    tree.oktmo[tid] or None,
                    org[es.O_NAME],
                    nz.NETWORK_LABELS.get(page[es.P_NETWORK], page[es.P_NETWORK]),
                    page[es.P_URL],
                    es.yes_no(page[es.P_GOSMARK]),
                    es.yes_no(page[es.P_CONNECTED]),
                    page[es.P_WIDGETS],
                    page[es.P_SUBSCRIBERS],
                    es.as_date(page[es.P_DATE]),
                    "; ".join(problems),
                ]
            )
    pages.close()
    ctx.progress(total + 1, total + 1, tr("Готово"))
    return len(shown)
