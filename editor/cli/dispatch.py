"""The parser of `main.py` and the dispatch to the command modules; errors become one line."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from editor import __version__
from editor.cli import catalogue, directory, dynamics, export, importing, training
from editor.cli.shared import CliError
from editor.core.i18n import tr

# Each module adds its subcommands; a subcommand sets `run` to its function.
COMMAND_MODULES = (catalogue, importing, export, dynamics, training, directory)


def _parser() -> argparse.ArgumentParser:
    prog = "gospabliki" if getattr(sys, "frozen", False) else "main.py"  # the bundle's executable
    parser = argparse.ArgumentParser(prog=prog, description=tr("Каталог госпабликов"))
    parser.add_argument(
        "--version", action="version", version=f"{tr('Каталог госпабликов')} {__version__}"
    )
    commands = parser.add_subparsers(dest="command", required=True)
    for module in COMMAND_MODULES:
        module.add_parsers(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run a subcommand; errors the user can fix become one line on stderr and status 1."""
    from editor.core.normalize import NormalizeError
    from editor.core.opening import CatalogueError

    parser = _parser()
    args = parser.parse_args(argv)
    dynamics.check_usage(parser, args)
    try:
        return _run(args)
    except KeyboardInterrupt:
        print(tr("Прервано"), file=sys.stderr)
        return 1
    except (CliError, CatalogueError, NormalizeError, OSError, ValueError) as error:
        message = str(error) or error.__class__.__name__
        print(_scrub(" ".join(message.split()), argv), file=sys.stderr)
        return 1
    except Exception as error:  # a defect: still one line, the traceback only on request
        if os.environ.get("GOSPABLIKI_DEBUG"):
            raise
        print(
            _scrub(
                tr("Внутренняя ошибка: {kind}: {message}").format(
                    kind=error.__class__.__name__, message=" ".join(str(error).split())
                ),
                argv,
            ),
            file=sys.stderr,
        )
        return 1


def _run(args: argparse.Namespace) -> int:
    """The command; a write a read-only server role may not make becomes a CliError."""
    from editor.core.server import explain_write_error

    try:
        return args.run(args)
    except Exception as error:
        message = explain_write_error(error)
        if message:
            raise CliError(message) from None
        raise


def _scrub(message: str, argv: Sequence[str] | None) -> str:
    """The message without any password given in a postgresql:// argument."""
    from urllib.parse import urlsplit

    from editor.core.server import is_server

    for item in sys.argv[1:] if argv is None else argv:
        if is_server(item):
            password = urlsplit(item).password
            if password:
                message = message.replace(password, "***")
    return message
