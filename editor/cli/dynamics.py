"""`python main.py digest` and the dynamics parts of `stats` and `export` (DESIGN §7, §10).

`digest` prints the press paragraph of a territory; `stats --as-of` replaces the subscriber
figures by each page's latest count dated on or before the date; `export --from/--to` must
name a period that does not end before it starts (a usage error, exit status 2, otherwise).
"""

from __future__ import annotations

import argparse
import json

from editor.cli.shared import open_catalogue, territory_id
from editor.core.i18n import tr


def day_argument(text: str):
    """argparse type of a DATE (`YYYY-MM-DD` or `ДД.ММ.ГГГГ`); a bad one is a usage error."""
    from editor.core.dynamics import DynamicsError, parse_day

    try:
        return parse_day(text)
    except DynamicsError as error:
        raise argparse.ArgumentTypeError(str(error)) from error


def month_argument(text: str) -> str:
    """argparse type of a month `YYYY-MM`; a bad one is a usage error."""
    from editor.core.dynamics import DynamicsError, parse_month

    try:
        return parse_month(text)
    except DynamicsError as error:
        raise argparse.ArgumentTypeError(str(error)) from error


def add_parsers(commands) -> None:
    """Add the `digest` subcommand to the command line's subparsers."""
    digest = commands.add_parser("digest", help=tr("справка для новости"))
    digest.add_argument("catalogue")
    digest.add_argument("--territory")
    digest.add_argument("--as-of", type=day_argument, metavar="DATE")
    digest.add_argument("--since", type=day_argument, metavar="DATE")
    digest.add_argument("--json", action="store_true")
    digest.set_defaults(run=run_digest)


def check_usage(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Usage errors that argparse cannot see one argument at a time (exit status 2)."""
    first, last = getattr(args, "first", None), getattr(args, "last", None)
    if first and last and first > last:
        parser.error(
            tr("начало периода --from {first} позже его конца --to {last}").format(
                first=first, last=last
            )
        )
    since, as_of = getattr(args, "since", None), getattr(args, "as_of", None)
    if args.command == "digest" and since and as_of and since > as_of:
        parser.error(
            tr("дата --since {since} позже даты --as-of {as_of}").format(
                since=since.strftime("%d.%m.%Y"), as_of=as_of.strftime("%d.%m.%Y")
            )
        )


def apply_as_of(result, args: argparse.Namespace) -> None:
    """`stats --as-of`: subscribers (in total and by network) as they were on the date."""
    from editor.core.dynamics import totals_on
    from editor.core.search import PageFilter

    totals = totals_on(PageFilter(territory_id=territory_id(args.territory)), args.as_of)
    result.subscribers = totals.subscribers
    result.subscribers_by_network = {
        network: totals.by_network.get(network, 0) for network in result.subscribers_by_network
    } | {n: v for n, v in totals.by_network.items() if n not in result.subscribers_by_network}


def run_digest(args: argparse.Namespace) -> int:
    """Print the press paragraph (or its figures as JSON)."""
    from editor.core import digest

    open_catalogue(args.catalogue)
    data = digest.figures(territory_id(args.territory), args.as_of, args.since)
    if args.json:
        print(
            json.dumps(
                {
                    "territory": data.territory,
                    "date": data.day.isoformat(),
                    "pages": data.pages,
                    "subscribers": data.subscribers,
                    "gosmark": data.gosmark,
                    "connected": data.connected,
                    "widgets": data.widgets,
                    "since": data.since.isoformat() if data.since else None,
                    "subscribers_since": data.subscribers_since,
                    "text": digest.paragraph(data),
                },
                ensure_ascii=False,
            )
        )
    else:
        print(digest.paragraph(data))
    return 0
