"""Каталог госпабликов: without arguments the desktop editor, with a subcommand the command line."""

import sys

from editor.cli.main import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["gui"]))
