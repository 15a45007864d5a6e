"""`python main.py publish` and `lookup`: the public directory from the command line (DESIGN §7).

`publish` writes the directory a web page or a bot serves; `lookup` answers a citizen's query
with the page's rules, so that a bot is a thin adapter around ``lookup --json``.
"""

from __future__ import annotations

import argparse
import json

from editor.cli.shared import CliError, open_catalogue, sphere_ids, territory
from editor.core.i18n import tr


def add_parsers(commands) -> None:
    """Add `publish` and `lookup` to the subcommands of main.py."""
    publish = commands.add_parser("publish", help=tr("опубликовать справочник для граждан"))
    publish.add_argument("catalogue")
    publish.add_argument("--out", required=True, metavar="DIR")
    publish.add_argument("--territory")
    publish.add_argument("--sphere", action="append", default=[])
    publish.add_argument("--force", action="store_true", help=tr("заменить прежний справочник"))
    publish.set_defaults(run=run_publish)

    lookup = commands.add_parser("lookup", help=tr("найти официальные страницы"))
    lookup.add_argument("catalogue")
    lookup.add_argument("query", nargs="+")
    lookup.add_argument("--territory")
    lookup.add_argument("--limit", type=_limit, default=10)
    lookup.add_argument("--json", action="store_true")
    lookup.set_defaults(run=run_lookup)


def _limit(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 1:
        raise argparse.ArgumentTypeError(tr("нужно целое число больше нуля"))
    return value


def run_publish(args: argparse.Namespace) -> int:
    """Write directory.json, directory.csv and index.html for the scope to --out."""
    from editor.exchange.directory.publish import PublishError, publish

    open_catalogue(args.catalogue)
    place = territory(args.territory)
    spheres = sphere_ids(args.sphere)
    scope = place.name if place is not None else ""
    if args.sphere:
        scope = "; ".join(part for part in (scope, ", ".join(args.sphere)) if part)
    try:
        result = publish(
            args.out,
            place.id if place is not None else None,
            spheres,
            scope_text=scope,
            force=args.force,
        )
    except PublishError as error:
        if error.reason == "exists":
            raise CliError(
                tr("{message}; добавьте --force, чтобы заменить справочник").format(message=error)
            ) from error
        raise CliError(str(error)) from error
    print(
        tr(
            "Справочник записан в {path}: организаций {orgs}, страниц {pages} за {seconds:.1f} с"
        ).format(
            path=result.folder,
            orgs=result.organizations,
            pages=result.pages,
            seconds=result.seconds,
        )
    )
    return 0


def run_lookup(args: argparse.Namespace) -> int:
    """Print the best pages for the query, best first."""
    from editor.core.normalize import NETWORK_LABELS
    from editor.exchange.directory.lookup import lookup

    open_catalogue(args.catalogue)
    place = territory(args.territory)
    text = " ".join(args.query)
    found = lookup(text, place.id if place is not None else None, args.limit)
    if args.json:
        print(
            json.dumps(
                {"query": text, "results": [item.as_json() for item in found]}, ensure_ascii=False
            )
        )
        return 0
    if not found:
        print(tr("Ничего не найдено"))
    for item in found:
        print(
            f"{item.organization} — {item.territory}: "
            f"{NETWORK_LABELS.get(item.network, item.network)} {item.url}"
        )
    return 0
