"""A fresh process that opens the editor window offscreen and reports when the first rows show.

`python -m bench.gui_probe CATALOGUE SETTINGS.ini` (CATALOGUE a file or a server URL) prints one JSON line with the seconds from
interpreter start (as the OS counts it) to the window showing the tree and the table's first rows,
then leaves without tearing Qt down.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path


def _process_age() -> float:
    """Seconds since this process started (Linux: /proc; elsewhere since this module loaded)."""
    try:
        ticks = os.sysconf("SC_CLK_TCK")
        with open("/proc/self/stat") as handle:
            started = int(handle.read().rsplit(")", 1)[1].split()[19]) / ticks
        with open("/proc/uptime") as handle:
            uptime = float(handle.read().split()[0])
        return uptime - started
    except (OSError, ValueError, IndexError):
        return time.perf_counter() - _LOADED


_LOADED = time.perf_counter()


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from editor.ui.main_window import MainWindow
    from editor.ui.settings import Settings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    settings = Settings.at(Path(argv[1]))
    settings.auto_backup = False
    # A file, or a postgresql:// URL (a Path would fold its double slash).
    catalogue = argv[0] if "://" in argv[0] else Path(argv[0])
    window = MainWindow(catalogue, settings=settings)
    window.show()
    deadline = time.perf_counter() + 60
    while window.page_model.rowCount() == 0 or window.tree_model.rowCount() == 0:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        if time.perf_counter() > deadline:
            print(json.dumps({"error": "no rows within 60 s"}))
            os._exit(1)
    window.page_table.viewport().repaint()
    window.territory_tree.viewport().repaint()
    shown = _process_age()
    QTimer.singleShot(0, lambda: None)
    print(json.dumps({"shown": round(shown, 3), "rows": window.page_model.rowCount()}))
    sys.stdout.flush()
    os._exit(0)  # Qt's teardown is not part of the start-up


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
