"""Opening a team catalogue on a PostgreSQL server in the window.

The password comes from the URL, ~/.pgpass or PGPASSWORD (libpq reads them); when the server
still asks for one, the user types it here. It is kept only in this process's connection:
never in the recent list, the title, or a message.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit

from editor.db import dialect
from editor.db.database import CatalogueError, CataloguePasswordRequired, is_read_only
from editor.db.database import open_catalogue as open_database
from editor.db.dialect import ChangeListener
from editor.db.models import db
from editor.ui.server_watch import ServerWatch

if TYPE_CHECKING:
    from editor.ui.catalogue_files import CatalogueFiles

_ATTEMPTS = 3


def _tr(text: str) -> str:
    return QCoreApplication.translate("ServerOpen", text)


def ask_password(parent, url: str) -> str | None:
    """The password typed by the user for the server catalogue, or None when cancelled."""
    text, ok = QInputDialog.getText(
        parent,
        _tr("Пароль"),
        _tr("Пароль пользователя {user} для каталога {where}:").format(
            user=urlsplit(url).username or "", where=dialect.describe(url)
        ),
        QLineEdit.EchoMode.Password,
    )
    return text if ok else None


def open_server_catalogue(files: CatalogueFiles, url: str) -> None:
    """Bind the window to the server catalogue at `url`; CatalogueError when it cannot be."""
    password = None
    for _attempt in range(_ATTEMPTS):
        try:
            open_database(url, password=password)
            break
        except CataloguePasswordRequired:
            password = ask_password(files.window, url)
            if password is None:
                raise CatalogueError(
                    _tr("Каталог {where} не открыт: пароль не введён").format(
                        where=dialect.describe(url)
                    )
                ) from None
    else:
        raise CatalogueError(
            _tr("Каталог {where} не открыт: неверный пароль").format(where=dialect.describe(url))
        )
    remembered = dialect.strip_password(url)
    files.path = None
    files.server_url = remembered
    store = files.window.store
    store.path = remembered
    store.read_only = is_read_only()
    files.window.settings.add_recent(remembered)
    files.window.settings.sync()
    database = db.obj
    files.server_watch = ServerWatch(store, ChangeListener(database), files)


def save_server_copy(window, target) -> Path | None:
    """«Сохранить копию» of a server catalogue: a catalogue file for working offline."""
    from editor.core.offline import OfflineCopyError, copy_server_catalogue

    try:
        copy = copy_server_catalogue(target)
    except OfflineCopyError as error:
        window.show_error(str(error))
        return None
    window.statusBar().showMessage(
        _tr("Копия для работы без сервера сохранена: {path}").format(path=copy), 8000
    )
    return copy
