"""The menu entry and icons the Debian package installs."""

from __future__ import annotations

import configparser
import shutil
import subprocess
from pathlib import Path

import pytest

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"
DESKTOP = PACKAGING / "gospabliki.desktop"


def _entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_starts_the_editor_from_the_menu():
    entry = _entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Каталог госпабликов"
    assert entry["Exec"].split()[0] == "gospabliki"
    assert entry["Terminal"] == "false"
    assert entry["Categories"].endswith(";") and "Office" in entry["Categories"].split(";")


def test_the_icon_exists_in_the_sizes_desktops_ask_for():
    icon = _entry()["Icon"]
    sizes = {
        p.parent.parent.name for p in (PACKAGING / "icons" / "hicolor").glob(f"*/apps/{icon}.png")
    }
    assert {"16x16", "24x24", "32x32", "48x48", "64x64", "128x128", "256x256"} <= sizes
    assert (PACKAGING / "icons" / f"{icon}.svg").is_file()


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils absent")
def test_desktop_file_validate_accepts_it():
    result = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout


def test_the_editor_window_carries_the_icon(qapp):
    from editor.ui.app import create_application

    app = create_application()
    assert not app.windowIcon().isNull()
    assert app.windowIcon().availableSizes()[0].width() == 256
    assert app.desktopFileName() == DESKTOP.stem
