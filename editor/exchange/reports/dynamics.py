"""The `dynamics` report: subscribers at each month's end per territory of the scope, a totals
row, and a native Excel line chart of the scope's total drawn from the sheet's own cells.

Rows follow the summary report (the scope's root, every territory down to municipalities and
deeper ones that have counts, with outline levels); the figures come from the dated tally
(:mod:`editor.core.dynamics`).
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from editor.core import dynamics
from editor.core.i18n import tr
from editor.exchange.reports import scope as es
from editor.exchange.spreadsheet.writer import Workbook, column_letter

_CHART_ROWS = 20  # how many rows tall the chart is drawn
_CHART_NS = (
    'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"'
    ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
    ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)


def resolve_period(ctx: es.Context, period: tuple[str | None, str | None]) -> tuple[str, str]:
    """The report's months: as given, or the 12 months up to the latest count of the scope."""
    first, last = period
    dynamics.check_period(first, last)
    if last is None:
        found = dynamics.data_months(ctx.filter)
        last = found[1] if found else dynamics.month_of(ctx.today)
        if first is not None and first > last:
            last = first
    if first is None:
        first = dynamics.shift_month(last, -11)
    return first, last


def write_dynamics(
    book: Workbook, ctx: es.Context, period: tuple[str | None, str | None] = (None, None)
) -> int:
    """One row per territory, one column per month, a totals row and a chart of the total."""
    ctx.progress(0, 3, tr("Подсчёт по месяцам"))
    first, last = resolve_period(ctx, period)
    months = dynamics.months_between(first, last)
    own = dynamics.territory_months(ctx.filter, first, last)
    ctx.check()
    width = len(months)
    totals = es.roll_up(ctx, {t: [float(v) for v in row] for t, row in own.items()}, width)
    shown = es.shown_territories(ctx, totals)
    ctx.progress(1, 3, tr("Запись таблицы"))
    numbers = ["int"] * width + ["int", "decimal"]
    depth = min(max((d for _, d in shown), default=0), 7)
    sheet = book.add_sheet(tr("Динамика"), ["text", "text", *numbers], outline_levels=depth)
    sheet.title(
        tr("Динамика подписчиков: {scope} по состоянию на {date}").format(
            scope=ctx.scope_text, date=ctx.today.strftime("%d.%m.%Y")
        )
    )
    sheet.title(
        tr(
            "Подписчики на конец месяца (последний замер каждой страницы не позже конца "
            "месяца), {first} — {last}"
        ).format(first=dynamics.month_label(first), last=dynamics.month_label(last)),
        "subtitle",
    )
    header_row = sheet.header(
        [
            tr("Территория"),
            tr("Код ОКТМО"),
            *(dynamics.month_label(m) for m in months),
            tr("Изменение за период"),
            tr("Изменение, %"),
        ]
    )

    def cells(values: list[float]) -> list[object]:
        start, end = values[0], values[-1]
        change = round(100.0 * (end - start) / start, 1) if start else None
        return [int(v) for v in values] + [int(end - start), change]

    for tid, level in shown:
        style = f"indent{min(level, 7)}" if level else "text"
        sheet.append(
            [ctx.tree.name[tid], ctx.tree.oktmo[tid] or None, *cells(totals[tid])],
            [style, "text", *numbers],
            outline=min(level, 7),
        )
    grand = [0.0] * width
    for root in ctx.roots:
        for i, value in enumerate(totals[root]):
            grand[i] += value
    sheet.append(
        [tr("Итого"), None, *cells(grand)],
        ["total", "total", *(f"total_{s}" for s in numbers)],
    )
    total_row = sheet.rows
    if dynamics.data_months(ctx.filter) is None:
        sheet.blank()
        sheet.append([tr("В выбранном охвате нет замеров подписчиков")])
    sheet.add_chart(
        line_chart(
            sheet.name,
            tr("Подписчики: {scope}").format(scope=ctx.scope_text),
            header_row,
            total_row,
            first_col=2,
            last_col=1 + width,
            values=[int(v) for v in grand],
            labels=[dynamics.month_label(m) for m in months],
        ),
        (0, sheet.rows + 1, min(2 + width, 14), sheet.rows + 1 + _CHART_ROWS),
    )
    sheet.close()
    ctx.progress(3, 3, tr("Готово"))
    return len(shown)


def line_chart(
    sheet: str,
    title: str,
    label_row: int,
    value_row: int,
    *,
    first_col: int,
    last_col: int,
    values: list[int],
    labels: list[str],
) -> str:
    """A DrawingML line chart of one series: categories and values are cell ranges of one row
    (with cached copies, so that a reader that does not recalculate still draws it)."""
    quoted = "'" + sheet.replace("'", "''") + "'"
    first, last = column_letter(first_col), column_letter(last_col)
    categories = f"{quoted}!${first}${label_row}:${last}${label_row}"
    numbers = f"{quoted}!${first}${value_row}:${last}${value_row}"
    string_points = "".join(
        f'<c:pt idx="{i}"><c:v>{escape(text)}</c:v></c:pt>' for i, text in enumerate(labels)
    )
    number_points = "".join(f'<c:pt idx="{i}"><c:v>{v}</c:v></c:pt>' for i, v in enumerate(values))
    count = len(values)
    rich_title = (
        '<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr>'
        f'<a:r><a:rPr lang="ru-RU" sz="1200" b="1"/><a:t>{escape(title)}</a:t></a:r>'
        '</a:p></c:rich></c:tx><c:overlay val="0"/></c:title>'
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<c:chartSpace {_CHART_NS}><c:roundedCorners val="0"/><c:chart>{rich_title}'
        '<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>'
        '<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>'
        '<c:ser><c:idx val="0"/><c:order val="0"/>'
        f"<c:tx><c:v>{escape(tr('Итого'))}</c:v></c:tx>"
        '<c:spPr><a:ln w="28575"><a:solidFill><a:srgbClr val="2F5597"/></a:solidFill></a:ln>'
        '</c:spPr><c:marker><c:symbol val="circle"/><c:size val="5"/></c:marker>'
        f"<c:cat><c:strRef><c:f>{escape(categories)}</c:f><c:strCache>"
        f'<c:ptCount val="{count}"/>{string_points}</c:strCache></c:strRef></c:cat>'
        f"<c:val><c:numRef><c:f>{escape(numbers)}</c:f><c:numCache>"
        f'<c:formatCode>#,##0</c:formatCode><c:ptCount val="{count}"/>{number_points}'
        '</c:numCache></c:numRef></c:val><c:smooth val="0"/></c:ser>'
        '<c:marker val="1"/><c:axId val="1001"/><c:axId val="1002"/></c:lineChart>'
        '<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="minMax"/></c:scaling>'
        '<c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="1"/>'
        '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
        '<c:crossAx val="1002"/><c:crosses val="autoZero"/><c:auto val="1"/>'
        '<c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>'
        '<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/></c:scaling>'
        '<c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/>'
        '<c:numFmt formatCode="#,##0" sourceLinked="0"/><c:majorTickMark val="out"/>'
        '<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="1001"/>'
        '<c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx></c:plotArea>'
        '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>'
        '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>'
    )
