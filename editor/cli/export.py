"""`python main.py export`: write a report for ministries from the command line (DESIGN §7).

The same engine as the export dialog (:func:`editor.exchange.reports.export.export_report`); a problem
is one line on stderr and exit status 1, with nothing written.
"""

from __future__ import annotations

import argparse
import sys

from editor.cli.dynamics import month_argument
from editor.cli.shared import CliError, catalogue_arg, sphere_ids
from editor.core.i18n import tr

REPORTS = ["registry", "summary", "spheres", "compliance", "training", "dynamics"]


def add_parsers(commands) -> None:
    """The `export` subcommand."""
    export = commands.add_parser("export", help=tr("выгрузить отчёт"))
    export.add_argument("catalogue")
    export.add_argument("--report", required=True, choices=REPORTS)
    export.add_argument("--territory")
    export.add_argument("--sphere", action="append", default=[])
    export.add_argument("--network", action="append", default=[])
    export.add_argument("--stale-days", type=int, default=180)
    export.add_argument("--since", help=tr("обучение: семинары с этой даты"))
    export.add_argument("--from", dest="first", type=month_argument, metavar="YYYY-MM")
    export.add_argument("--to", dest="last", type=month_argument, metavar="YYYY-MM")
    export.add_argument("--out", required=True)
    export.add_argument("--force", action="store_true", help=tr("заменить существующий файл"))
    export.set_defaults(run=run)


def _networks(names: list[str]) -> list[str]:
    from editor.core.normalize import NormalizeError, parse_network

    networks = []
    for name in names:
        try:
            network = parse_network(name)
        except NormalizeError as error:
            raise CliError(str(error)) from error
        if network and network not in networks:
            networks.append(network)
    return networks


def _since(text: str | None):
    from editor.core.normalize import NormalizeError, parse_date

    try:
        return parse_date(text, field="--since") if text else None
    except NormalizeError as error:
        raise CliError(str(error)) from error


def run(args: argparse.Namespace) -> int:
    """Export `args.report` for the scope given by --territory/--sphere/--network to --out."""
    from editor.core.opening import open_catalogue
    from editor.core.territories import TerritoryError, resolve
    from editor.exchange.reports.export import REPORT_LABELS, ExportError, Scope, export_report

    open_catalogue(catalogue_arg(args.catalogue))
    territory_id = None
    if args.territory:
        try:
            territory_id = resolve(args.territory).id
        except TerritoryError as error:
            raise CliError(str(error)) from error
    scope = Scope.of(territory_id, sphere_ids(args.sphere), _networks(args.network))
    since = _since(getattr(args, "since", None))
    try:
        result = export_report(
            args.out,
            args.report,
            scope,
            stale_days=args.stale_days,
            since=since,
            force=args.force,
            period=(args.first, args.last),
        )
    except ExportError as error:
        if error.reason == "exists":
            raise CliError(
                tr("{message}; добавьте --force, чтобы заменить его").format(message=error)
            ) from error
        raise CliError(str(error)) from error
    print(
        tr("{report}: записано строк {rows} в {path} за {seconds:.1f} с").format(
            report=tr(REPORT_LABELS[result.report]),
            rows=result.rows,
            path=result.path,
            seconds=result.seconds,
        ),
        file=sys.stdout,
    )
    return 0
