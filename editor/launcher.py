"""The program's entry: ``main.py`` and the desktop bundle's ``gospabliki`` executable.

Without arguments the editor, with a subcommand the command line (DESIGN §7). In the bundle the
executable is also the interpreter: the import starts its reader process as
``sys.executable -m editor.…``, which there means ``gospabliki -m editor.…``, so ``-m`` runs one
of the editor's own modules as a script, as Python would.
"""

from __future__ import annotations

import runpy
import sys
from collections.abc import Sequence

INTERNAL_PACKAGE = "editor."
"""Only the editor's own modules run through ``-m``: the executable is not a Python shell."""


def is_frozen() -> bool:
    """True inside the desktop bundle."""
    return bool(getattr(sys, "frozen", False))


def run_module(argv: Sequence[str]) -> int:
    """``-m MODULE ARGS…``: run one of the editor's modules as ``__main__`` (the reader process)."""
    if not argv or not argv[0].startswith(INTERNAL_PACKAGE):
        print("-m: ожидается модуль редактора (editor.…)", file=sys.stderr)
        return 2
    sys.argv = [argv[0], *argv[1:]]
    runpy.run_module(argv[0], run_name="__main__", alter_sys=True)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the editor or a command; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["-m"] and is_frozen():
        return run_module(argv[1:])
    if not argv:
        argv = ["gui"]
    if argv[0] == "gui":
        from editor.system_libs import check_gui_libraries, tell_user

        problem = check_gui_libraries()
        if problem:
            tell_user(problem)
            return 1
    from editor.cli import main as cli_main

    return cli_main(argv)
