"""Каталог госпабликов: without arguments the desktop editor, with a subcommand the command line."""

import sys

from editor.launcher import main

if __name__ == "__main__":
    sys.exit(main())
