"""The commands on a catalogue as a whole: `gui`, `init`, `territories`, `stats`, `check`."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from editor.cli.dynamics import apply_as_of, day_argument
from editor.cli.shared import CliError, open_catalogue, shown, territory_id
from editor.core.i18n import tr


def add_parsers(commands) -> None:
    """The subcommands that create, fill, count and check a catalogue, and open the editor."""
    gui = commands.add_parser("gui", help=tr("открыть редактор"))
    gui.add_argument("catalogue", nargs="?")
    gui.set_defaults(run=cmd_gui)

    init = commands.add_parser("init", help=tr("создать каталог"))
    init.add_argument("catalogue")
    init.set_defaults(run=cmd_init)

    territories = commands.add_parser("territories", help=tr("загрузить классификатор территорий"))
    territories.add_argument("catalogue")
    territories.add_argument("files", nargs="+")
    territories.add_argument(
        "--all-years", action="store_true", help=tr("загрузить и упразднённые муниципалитеты")
    )
    territories.add_argument(
        "--year", type=int, help=tr("муниципалитеты, действовавшие в этом году")
    )
    territories.add_argument(
        "--dry-run", action="store_true", help=tr("показать, что изменится, ничего не записывая")
    )
    territories.add_argument("--json", action="store_true")
    territories.set_defaults(run=cmd_territories)

    stats = commands.add_parser("stats", help=tr("сводные показатели"))
    stats.add_argument("catalogue")
    stats.add_argument("--territory")
    stats.add_argument("--as-of", type=day_argument, metavar="DATE")
    stats.add_argument("--json", action="store_true")
    stats.set_defaults(run=cmd_stats)

    check = commands.add_parser("check", help=tr("проверить целостность каталога"))
    check.add_argument("catalogue")
    check.set_defaults(run=cmd_check)


def cmd_init(args: argparse.Namespace) -> int:
    from editor.core.catalogue import init_catalogue
    from editor.core.rollup import stats

    init_catalogue(args.catalogue)
    counts = stats().territories
    print(
        tr("Создан каталог {path}: субъектов РФ {regions}, федеральных округов {districts}").format(
            path=shown(args.catalogue),
            regions=counts["region"],
            districts=counts["federal_district"],
        )
    )
    return 0


def cmd_territories(args: argparse.Namespace) -> int:
    from editor.core.opening import CatalogueLock
    from editor.exchange.classifiers.load import load_files

    open_catalogue(args.catalogue)
    with CatalogueLock(args.catalogue):
        result = load_files(
            [Path(f) for f in args.files],
            current_only=not args.all_years,
            year=args.year,
            dry_run=args.dry_run,
        )
    if args.json:
        print(json.dumps(result.as_json(), ensure_ascii=False))
    else:
        print(result.summary())
        for item in result.transformed:
            print(
                tr(
                    "  {old} ({old_code}) → {new} ({new_code}): страниц {pages}, "
                    "организаций {organizations}"
                ).format(
                    old=item.old_name,
                    old_code=item.old_code,
                    new=item.new_name,
                    new_code=item.new_code,
                    pages=item.pages,
                    organizations=item.organizations,
                )
            )
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from editor.core.normalize import NETWORK_LABELS
    from editor.core.rollup import stats
    from editor.core.training_figures import counts as training_counts

    open_catalogue(args.catalogue)

    scope = territory_id(args.territory)
    result = stats(scope)
    if args.as_of:
        apply_as_of(result, args)
    training = training_counts(scope)
    if args.json:
        print(json.dumps(result.as_json() | {"training": training}, ensure_ascii=False))
        return 0
    print(tr("Организаций: {n}").format(n=result.organizations))
    print(tr("Страниц: {n}").format(n=result.pages))
    print(tr("Подписчиков: {n}").format(n=result.subscribers))
    for network, count in sorted(result.by_network.items()):
        print(f"  {NETWORK_LABELS.get(network, network)}: {count}")
    print(
        tr("С госметкой: {n}; подключено к «Госпабликам»: {c}; с виджетами ПОС: {w}").format(
            n=result.gosmark, c=result.connected, w=result.with_widgets
        )
    )
    print(
        tr("Территорий: {counts}").format(
            counts=", ".join(f"{level} {count}" for level, count in result.territories.items())
        )
    )
    print(
        tr("Семинаров: {s}; обучено человек: {p}; обученных организаций: {o}").format(
            s=training["seminars"], p=training["participants"], o=training["trained_organizations"]
        )
    )
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from editor.core.integrity import check_catalogue
    from editor.exchange.directory.lookup import verify_index

    open_catalogue(args.catalogue)
    report = check_catalogue()
    verify_index(report)
    for line in report.problems:
        print(tr("ОШИБКА: {line}").format(line=line))
    for line in report.warnings:
        print(tr("Внимание: {line}").format(line=line))
    if not report.ok:
        raise CliError(
            tr("Каталог {path}: найдено нарушений целостности: {count}").format(
                path=shown(args.catalogue), count=len(report.problems)
            )
        )
    print(tr("Каталог {path} в порядке").format(path=shown(args.catalogue)))
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    from editor.ui.app import run_gui

    return run_gui(args.catalogue)
