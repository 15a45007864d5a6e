"""Helpers of the window tests: the sample catalogue opened in a real MainWindow, offscreen."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.db.database import close_catalogue
from editor.ui.main_window import MainWindow
from editor.ui.settings import Settings
from tests.sample_catalogue import Sample, build_sample

# The offscreen platform warns that it cannot raise windows or pass size hints: not our defects.
QT_LOG_IGNORE = pytest.mark.qt_log_ignore("This plugin does not support")


def sample_file(tmp_path: Path) -> Sample:
    """Build the sample catalogue and close it, as a file the window will open."""
    sample = build_sample(tmp_path / "sample.gpc")
    close_catalogue()
    return sample


def open_window(qtbot, path: Path, settings_file: Path, *, background: bool = False) -> MainWindow:
    """A shown MainWindow on `path` with settings in `settings_file`."""
    window = MainWindow(path, settings=Settings.at(settings_file), background=background)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window
