"""Starting the desktop editor: the application object, translations, and which catalogue to open.

Without a catalogue argument the last one reopens; on the very first start a default catalogue is
created in the user's data folder, so the window is never empty.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from editor.core.catalogue import init_catalogue
from editor.core.opening import CatalogueError
from editor.core.resources import resources_dir
from editor.core.server import is_server
from editor.ui.settings import APPLICATION, ORGANIZATION, Settings
from editor.ui.translators import install_translators

DEFAULT_NAME = "catalogue.gpc"


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with names that locate settings and data folders."""
    app = QApplication.instance()
    if app is None:
        # Fractional scale factors (125 %, 150 %) as the system sets them: crisp text, no rounding.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Каталог госпабликов")
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "gospabliki.png")))
    app.setDesktopFileName("gospabliki")  # the menu entry's icon in Wayland docks and task bars
    return app  # type: ignore[return-value]


def default_catalogue() -> Path:
    """The catalogue in the user's data folder, created with `init` when missing."""
    folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / DEFAULT_NAME
    if not path.exists() or path.stat().st_size == 0:
        init_catalogue(path)
    return path


def choose_catalogue(argument: str | None, settings: Settings) -> Path | str:
    """The catalogue to open: the argument, else the last one if it still exists, else the default."""
    if argument:
        return argument if is_server(argument) else Path(argument)
    last = settings.last_catalogue
    if last and is_server(last):
        return last
    if last and Path(last).exists():
        return Path(last)
    return default_catalogue()


def run_gui(catalogue: str | None = None) -> int:
    """Show the editor on a catalogue; returns the application's exit status."""
    from editor.ui.main_window import MainWindow

    app = create_application()
    settings = Settings()
    install_translators(app, settings.language)
    path = choose_catalogue(catalogue, settings)
    try:
        window = MainWindow(path, settings=settings)
    except CatalogueError as error:
        QMessageBox.critical(None, "Каталог госпабликов", str(error))
        if catalogue is None and (is_server(path) or Path(path) != default_catalogue()):
            settings.forget_recent(path)
            window = MainWindow(default_catalogue(), settings=settings)
        else:
            return 1
    window.show()
    return app.exec()
