"""`python main.py import`: spreadsheets or another catalogue into the catalogue (DESIGN §7).

The same engine as the import wizard. Bad input ends with one line on stderr, exit status 1 and
the catalogue unchanged; rejected rows are listed (and with `--strict` abort the import).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from editor.cli.shared import CliError, catalogue_arg
from editor.core.i18n import tr
from editor.exchange.importing.report import ImportReport


def add_parsers(commands) -> None:
    """The `import` subcommand."""
    imp = commands.add_parser("import", help=tr("импортировать таблицы"))
    imp.add_argument("catalogue")
    imp.add_argument("files", nargs="+")
    imp.add_argument("--into")
    imp.add_argument("--dry-run", action="store_true")
    imp.add_argument("--strict", action="store_true")
    imp.add_argument("--map", action="append", default=[], metavar="HEADER=field")
    imp.add_argument("--errors", metavar="OUT.xlsx")
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(run=run)


def parse_map(items: Sequence[str]) -> dict[str, str]:
    """`--map "Header=field"` options as {header: field}; an empty field ignores the column."""
    overrides: dict[str, str] = {}
    for item in items:
        header, sep, field = item.rpartition("=")
        if not sep or not header.strip():
            raise CliError(
                tr("--map «{item}»: ожидается «Заголовок=поле»", "import").format(item=item)
            )
        overrides[header.strip()] = field.strip()
    return overrides


def _backup(catalogue: Path | str):
    """The automatic backup of the catalogue as it was before the import (a file; the server
    keeps its own), written while the import runs."""
    from editor.core.backup import start_backup

    if isinstance(catalogue, str):
        return None
    return start_backup(catalogue, "import")


def run(args: argparse.Namespace) -> int:
    """Run the import command; return the exit status."""
    from editor.core.opening import CatalogueLock, open_catalogue
    from editor.core.territories import TerritoryError, resolve
    from editor.exchange.importing.engine import ImportOptions, run_import
    from editor.exchange.spreadsheet.reader import ReadError

    catalogue = catalogue_arg(args.catalogue)
    if any(isinstance(catalogue_arg(name), str) for name in args.files):
        return _copy_server(catalogue, args)
    files = [Path(name) for name in args.files]
    for path in files:
        if not path.is_file():
            raise CliError(tr("Файл {path} не найден", "import").format(path=path))
    open_catalogue(catalogue)
    target_id = None
    if args.into:
        try:
            target_id = resolve(args.into).id
        except TerritoryError as error:
            raise CliError(str(error)) from error
    details = args.dry_run and not args.json
    options = ImportOptions(
        target_id=target_id,
        overrides=parse_map(args.map) or None,
        dry_run=args.dry_run,
        strict=args.strict,
        row_limit=100_000 if details else 0,
        before_write=lambda: _backup(catalogue),
    )
    with CatalogueLock(catalogue):
        try:
            report = run_import(files, options)
        except ReadError as error:
            raise CliError(str(error)) from error
    if args.errors:
        from editor.exchange.importing.rejected import write_rejections

        write_rejections(report, args.errors)
    if args.json:
        report.write_json(sys.stdout)
    else:
        print_report(report, show_new=details)
        if args.errors:
            print(tr("Отклонённые строки сохранены в {path}", "import").format(path=args.errors))
    if args.strict and report.rejected:
        raise CliError(
            tr(
                "Импорт отменён (--strict): отклонено строк: {count}; каталог не изменён", "import"
            ).format(count=report.rejected)
        )
    return 0


def _copy_server(catalogue: Path | str, args: argparse.Namespace) -> int:
    """`import COPY.gpc postgresql://…`: the offline copy of a server catalogue, in a new file."""
    from editor.core.offline import OfflineCopyError, copy_server_catalogue
    from editor.core.opening import close_catalogue, open_catalogue
    from editor.db.models import Organization, Page

    if len(args.files) != 1 or isinstance(catalogue, str):
        raise CliError(
            tr(
                "Копия каталога сервера: укажите один новый файл каталога и один адрес сервера"
                " (import КОПИЯ.gpc postgresql://…)",
                "import",
            )
        )
    if catalogue.exists():
        raise CliError(
            tr(
                "{path} уже существует: копия каталога сервера сохраняется в новый файл", "import"
            ).format(path=catalogue)
        )
    if args.dry_run or args.into or args.map or args.strict or args.errors:
        raise CliError(
            tr(
                "Копия каталога сервера не принимает --dry-run, --into, --map, --strict, --errors",
                "import",
            )
        )
    open_catalogue(args.files[0])
    try:
        copy_server_catalogue(catalogue)
        organizations = Organization.select().where(Organization.deleted_at.is_null()).count()
        pages = Page.select().where(Page.deleted_at.is_null()).count()
    except OfflineCopyError as error:
        raise CliError(str(error)) from error
    finally:
        close_catalogue()
    if args.json:
        figures = {"rows": organizations + pages, "new": organizations + pages, "updated": 0}
        figures.update(unchanged=0, rejected=0, batch=None, dry_run=False)
        figures.update(copy=str(catalogue), organizations=organizations, pages=pages)
        print(json.dumps(figures, ensure_ascii=False))
    else:
        print(
            tr(
                "Копия каталога сервера сохранена в {path}: организаций {orgs}, страниц {pages}",
                "import",
            ).format(path=catalogue, orgs=organizations, pages=pages)
        )
    return 0


_ROWS_SHOWN = 10


def print_report(report: ImportReport, *, show_new: bool = False) -> None:
    """The human-readable change set: files, counts, changes, rejected rows, warnings."""
    for source in report.files:
        columns = ", ".join(
            f"«{source.headers[i]}» → {name}" for i, name in sorted(source.mapping.items())
        )
        where = source.place()
        if source.kind != "catalogue":
            where += tr(", заголовок в строке {row}", "import").format(row=source.header_row)
        print(tr("Файл {where}; столбцы: {columns}", "import").format(where=where, columns=columns))
    for change in report.changes:
        if change.kind == "new" and not show_new:
            continue
        if change.kind == "unchanged":
            continue
        mark = "+" if change.kind == "new" else "~"
        line = f"{mark} {report.place(change.file_index, change.row)}: {change.organization}"
        if change.url:
            line += f" ({change.url})"
        if change.diffs and change.kind != "new":
            line += ": " + "; ".join(diff.text() for diff in change.diffs)
        print(line)
    for rejection in report.rejections:
        for problem in rejection.problems:
            column = (
                tr(", столбец «{column}»", "import").format(column=problem.column)
                if problem.column
                else ""
            )
            value = (
                tr(", значение «{value}»", "import").format(value=problem.value)
                if problem.value not in (None, "")
                else ""
            )
            print(
                tr("Отклонено: {place}{column}{value}: {reason}", "import").format(
                    place=report.place(rejection.file_index, rejection.row),
                    column=column,
                    value=value,
                    reason=problem.reason,
                )
            )
    # The same warning on many rows (a registry's empty links) is one line with its row numbers.
    grouped: dict[tuple[int, str], list[int | None]] = {}
    for notice in report.notices:
        grouped.setdefault((notice.file_index, notice.message), []).append(notice.row)
    for (file_index, message), rows in grouped.items():
        if len(rows) == 1:
            place = report.place(file_index, rows[0])
        else:
            numbers = ", ".join(str(row) for row in rows[:_ROWS_SHOWN] if row is not None)
            if len(rows) > _ROWS_SHOWN:
                numbers += tr(" и ещё {count}", "import").format(count=len(rows) - _ROWS_SHOWN)
            place = tr("{file}, строки {rows}", "import").format(
                file=report.place(file_index), rows=numbers
            )
        print(tr("Внимание: {place}: {message}", "import").format(place=place, message=message))
    if report.notices_dropped:
        print(tr("… и ещё предупреждений: {count}", "import").format(count=report.notices_dropped))
    print(
        tr(
            "Строк: {rows}; новых: {new}; изменено: {updated}; без изменений: {unchanged};"
            " отклонено: {rejected}",
            "import",
        ).format(
            rows=report.rows,
            new=report.new,
            updated=report.updated,
            unchanged=report.unchanged,
            rejected=report.rejected,
        )
    )
    print(
        tr("Добавлено организаций: {orgs}, страниц: {pages}", "import").format(
            orgs=report.new_organizations, pages=report.new_pages
        )
    )
    if report.trashed_organizations or report.trashed_pages:
        print(
            tr(
                "Удалено в копии и перенесено в корзину: организаций {orgs}, страниц {pages}",
                "import",
            ).format(orgs=report.trashed_organizations, pages=report.trashed_pages)
        )
    if report.batch_id is not None:
        print(
            tr("Записано в каталог: пакет импорта №{batch}", "import").format(batch=report.batch_id)
        )
    else:
        print(tr("Каталог не изменён", "import"))
