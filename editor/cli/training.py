"""`python main.py training CATALOGUE import|list` (DESIGN §7): seminar registration lists.

The same engine as the editor's import dialog. A list that cannot be imported at all ends with
one line on stderr, exit status 1 and the catalogue unchanged; rejected rows are listed with
their reasons (and with `--errors` written to a workbook to send back). Participants' names,
phones and e-mails are never printed.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from editor.core.i18n import tr


def add_parsers(commands) -> None:
    """Add the `training` command to the main parser's subcommands."""
    training = commands.add_parser("training", help=tr("обучение администраторов страниц"))
    training.add_argument("catalogue")
    actions = training.add_subparsers(dest="training_command", required=True)
    imp = actions.add_parser("import", help=tr("загрузить списки участников семинаров"))
    imp.add_argument("files", nargs="+")
    imp.add_argument("--seminar", default="", metavar="TITLE")
    imp.add_argument("--date", metavar="DATE")
    imp.add_argument("--format", default="очно", metavar="очно|онлайн")
    imp.add_argument("--territory")
    imp.add_argument("--dry-run", action="store_true")
    imp.add_argument("--errors", metavar="OUT.xlsx")
    imp.add_argument("--json", action="store_true")
    listing = actions.add_parser("list", help=tr("список семинаров"))
    listing.add_argument("--json", action="store_true")
    training.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run `training import` or `training list`; return the exit status."""
    from editor.core.opening import open_catalogue

    if args.training_command == "import":
        for name in args.files:
            if not Path(name).is_file():
                from editor.cli.shared import CliError

                raise CliError(tr("Файл {path} не найден").format(path=name))
    open_catalogue(Path(args.catalogue))
    if args.training_command == "list":
        return _list(args)
    return _import(args)


def _list(args: argparse.Namespace) -> int:
    from editor.core.training import format_label, seminar_rows

    rows = seminar_rows()
    if args.json:
        seminars = [
            {
                "title": r.title,
                "date": r.date.isoformat() if r.date else None,
                "format": format_label(r.format),
                "territory": r.territory or None,
                "participants": r.participants,
            }
            for r in rows
        ]
        print(json.dumps({"seminars": seminars}, ensure_ascii=False))
        return 0
    if not rows:
        print(tr("Семинаров нет"))
    for r in rows:
        when = r.date.strftime("%d.%m.%Y") if r.date else "—"
        place = f" · {r.territory}" if r.territory else ""
        print(
            tr("{date} · {title} · {format}{place} · участников: {n}").format(
                date=when,
                title=r.title,
                format=format_label(r.format),
                place=place,
                n=r.participants,
            )
        )
    return 0


def _import(args: argparse.Namespace) -> int:
    from editor.cli.shared import CliError
    from editor.core.normalize import NormalizeError, parse_date
    from editor.core.opening import CatalogueLock
    from editor.core.territories import TerritoryError, resolve
    from editor.core.training import TrainingError, parse_format
    from editor.exchange.training.registration import (
        TrainingImportError,
        TrainingOptions,
        import_lists,
        write_errors,
    )

    try:
        date = parse_date(args.date, field="--date") if args.date else None
        fmt = parse_format(args.format)
    except (NormalizeError, TrainingError) as error:
        raise CliError(str(error)) from error
    territory_id = None
    if args.territory:
        try:
            territory_id = resolve(args.territory).id
        except TerritoryError as error:
            raise CliError(str(error)) from error
    options = TrainingOptions(
        seminar=args.seminar,
        date=date,
        format=fmt,
        territory_id=territory_id,
        dry_run=args.dry_run,
    )
    with CatalogueLock(args.catalogue):
        try:
            result = import_lists(args.files, options)
        except TrainingImportError as error:
            raise CliError(str(error)) from error
    if args.errors:
        write_errors(result, args.errors)
    if args.json:
        print(json.dumps(result.as_json(), ensure_ascii=False))
        return 0
    head = tr("Проверка (ничего не записано)") if args.dry_run else tr("Загружено")
    print(
        tr(
            "{head}: строк {rows}; новых семинаров {seminars}; новых участников {new},"
            " уже известных {known}; новых отметок о посещении {attendances};"
            " отклонено строк {rejected}"
        ).format(
            head=head,
            rows=result.rows,
            seminars=result.seminars_new,
            new=result.participants_new,
            known=result.participants_known,
            attendances=result.attendances_new,
            rejected=result.rejected,
        )
    )
    for rejection in result.rejections:
        print(
            tr("  {file}, строка {row}: {reason}").format(
                file=result.files[rejection.file_index].name,
                row=rejection.row,
                reason=rejection.reason,
            )
        )
    if result.unmatched_organizations:
        print(
            tr("Организации не найдены в каталоге ({n}), сохранены как написано:").format(
                n=len(result.unmatched_organizations)
            )
        )
        for name in result.unmatched_organizations:
            print(f"  {name}")
    if args.errors:
        print(tr("Отклонённые строки записаны в {path}").format(path=args.errors))
    return 0
