"""Where the application's read-only files are: the source tree's ``resources/`` or the bundle's.

From a checkout the dictionaries and translations sit in ``resources/`` beside the package; in the
desktop bundle (PyInstaller) they travel inside it, under the folder the bundle unpacks its data
to (``sys._MEIPASS``). Nothing is ever written there: the bundle may live in a read-only folder.
"""

from __future__ import annotations

import sys
from pathlib import Path

SOURCE_ROOT = Path(__file__).resolve().parents[2]
"""The checkout's top folder (where ``main.py`` and ``resources/`` are)."""


def bundle_dir() -> Path | None:
    """The desktop bundle's data folder, or None when running from the source tree."""
    base = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and base:
        return Path(base)
    return None


def resources_dir() -> Path:
    """The folder with the territory and sphere dictionaries, translations and icons."""
    return (bundle_dir() or SOURCE_ROOT) / "resources"
