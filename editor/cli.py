"""The command line (DESIGN §7): the same core and exchange functions as the desktop editor.

Exit status: 0 done; 1 a one-line error on stderr with the catalogue unchanged; 2 bad usage.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from editor.core.i18n import tr


class CliError(Exception):
    """A failure reported as one line on stderr with exit status 1."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="main.py", description=tr("Каталог госпабликов"))
    commands = parser.add_subparsers(dest="command", required=True)

    gui = commands.add_parser("gui", help=tr("открыть редактор"))
    gui.add_argument("catalogue", nargs="?")

    init = commands.add_parser("init", help=tr("создать каталог"))
    init.add_argument("catalogue")

    territories = commands.add_parser("territories", help=tr("загрузить классификатор территорий"))
    territories.add_argument("catalogue")
    territories.add_argument("files", nargs="+")
    territories.add_argument("--all-years", action="store_true",
                             help=tr("загрузить и упразднённые муниципалитеты"))
    territories.add_argument("--json", action="store_true")

    imp = commands.add_parser("import", help=tr("импортировать таблицы"))
    imp.add_argument("catalogue")
    imp.add_argument("files", nargs="+")
    imp.add_argument("--into")
    imp.add_argument("--dry-run", action="store_true")
    imp.add_argument("--strict", action="store_true")
    imp.add_argument("--map", action="append", default=[], metavar="HEADER=field")
    imp.add_argument("--errors", metavar="OUT.xlsx")
    imp.add_argument("--json", action="store_true")

    export = commands.add_parser("export", help=tr("выгрузить отчёт"))
    export.add_argument("catalogue")
    export.add_argument("--report", required=True,
                        choices=["registry", "summary", "spheres", "compliance", "dynamics"])
    export.add_argument("--territory")
    export.add_argument("--sphere", action="append", default=[])
    export.add_argument("--network", action="append", default=[])
    export.add_argument("--stale-days", type=int, default=180)
    export.add_argument("--from", dest="first", type=_dynamics().month_argument, metavar="YYYY-MM")
    export.add_argument("--to", dest="last", type=_dynamics().month_argument, metavar="YYYY-MM")
    export.add_argument("--out", required=True)
    export.add_argument("--force", action="store_true", help=tr("заменить существующий файл"))

    stats = commands.add_parser("stats", help=tr("сводные показатели"))
    stats.add_argument("catalogue")
    stats.add_argument("--territory")
    stats.add_argument("--as-of", type=_dynamics().day_argument, metavar="DATE")
    stats.add_argument("--json", action="store_true")

    _dynamics().add_parsers(commands)

    check = commands.add_parser("check", help=tr("проверить целостность каталога"))
    check.add_argument("catalogue")
    return parser


def _dynamics():
    from editor import cli_dynamics

    return cli_dynamics


def _open(path: str):
    from editor.db.database import open_catalogue

    return open_catalogue(Path(path))


def cmd_init(args: argparse.Namespace) -> int:
    from editor.core.catalogue import init_catalogue
    from editor.core.rollup import stats

    init_catalogue(args.catalogue)
    counts = stats().territories
    print(tr("Создан каталог {path}: субъектов РФ {regions}, федеральных округов {districts}").format(
        path=args.catalogue, regions=counts["region"], districts=counts["federal_district"]))
    return 0


def cmd_territories(args: argparse.Namespace) -> int:
    from editor.db.database import CatalogueLock
    from editor.exchange.classifiers import load_files

    _open(args.catalogue)
    with CatalogueLock(args.catalogue):
        result = load_files([Path(f) for f in args.files], current_only=not args.all_years)
    if args.json:
        print(json.dumps(result.as_json(), ensure_ascii=False))
    else:
        print(result.summary())
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from editor.cli_import import run

    return run(args)


def cmd_export(args: argparse.Namespace) -> int:
    from editor.cli_export import run

    return run(args)


def _scope(spec: str | None) -> int | None:
    from editor.core.territories import TerritoryError, resolve

    if not spec:
        return None
    try:
        return resolve(spec).id
    except TerritoryError as error:
        raise CliError(str(error)) from error


def cmd_stats(args: argparse.Namespace) -> int:
    from editor.core.normalize import NETWORK_LABELS
    from editor.core.rollup import stats

    _open(args.catalogue)
    result = stats(_scope(args.territory))
    if args.as_of:
        _dynamics().apply_as_of(result, args)
    if args.json:
        print(json.dumps(result.as_json(), ensure_ascii=False))
        return 0
    print(tr("Организаций: {n}").format(n=result.organizations))
    print(tr("Страниц: {n}").format(n=result.pages))
    print(tr("Подписчиков: {n}").format(n=result.subscribers))
    for network, count in sorted(result.by_network.items()):
        print(f"  {NETWORK_LABELS.get(network, network)}: {count}")
    print(tr("С госметкой: {n}; подключено к «Госпабликам»: {c}; с виджетами ПОС: {w}").format(
        n=result.gosmark, c=result.connected, w=result.with_widgets))
    print(tr("Территорий: {counts}").format(
        counts=", ".join(f"{level} {count}" for level, count in result.territories.items())))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from editor.core.integrity import check_catalogue

    _open(args.catalogue)
    report = check_catalogue()
    for line in report.problems:
        print(tr("ОШИБКА: {line}").format(line=line))
    for line in report.warnings:
        print(tr("Внимание: {line}").format(line=line))
    if not report.ok:
        raise CliError(tr("Каталог {path}: найдено нарушений целостности: {count}").format(
            path=args.catalogue, count=len(report.problems)))
    print(tr("Каталог {path} в порядке").format(path=args.catalogue))
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    from editor.ui.app import run_gui

    return run_gui(args.catalogue)


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "gui": cmd_gui,
    "init": cmd_init,
    "territories": cmd_territories,
    "import": cmd_import,
    "export": cmd_export,
    "stats": cmd_stats,
    "check": cmd_check,
    "digest": lambda args: _dynamics().run_digest(args),
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run a subcommand; errors the user can fix become one line on stderr and status 1."""
    from editor.core.normalize import NormalizeError
    from editor.db.database import CatalogueError

    parser = _parser()
    args = parser.parse_args(argv)
    _dynamics().check_usage(parser, args)
    try:
        return COMMANDS[args.command](args)
    except KeyboardInterrupt:
        print(tr("Прервано"), file=sys.stderr)
        return 1
    except (CliError, CatalogueError, NormalizeError, OSError, ValueError) as error:
        message = str(error) or error.__class__.__name__
        print(" ".join(message.split()), file=sys.stderr)
        return 1
    except Exception as error:  # a defect: still one line, the traceback only on request
        if os.environ.get("GOSPABLIKI_DEBUG"):
            raise
        print(tr("Внутренняя ошибка: {kind}: {message}").format(
            kind=error.__class__.__name__, message=" ".join(str(error).split())), file=sys.stderr)
        return 1
