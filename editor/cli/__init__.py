"""The command line (DESIGN §7): the parser and a module per command group, on the same core
and exchange functions as the desktop editor. `main` is the entry point of `main.py`."""

from editor.cli.dispatch import main
from editor.cli.shared import CliError

__all__ = ["CliError", "main"]
