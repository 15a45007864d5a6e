"""Opening a team catalogue on a PostgreSQL server in the window.

The password comes from the URL, ~/.pgpass or PGPASSWORD (libpq reads them); when the server
still asks for one, the user types it here. It is kept only in this process's connection:
never in the recent list, the title, or a message.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit

from editor.core.opening import CatalogueError, CataloguePasswordRequired, is_read_only
from editor.core.opening import open_catalogue as open_database
from editor.core.server import change_listener, describe, strip_password
from editor.ui.server_watch import ServerWatch

_ATTEMPTS = 3


def _tr(text: str) -> str:
    return QCoreApplication.translate("ServerOpen", text)


def _refused(reason: str, url: str, text: str) -> CatalogueError:
    error = CatalogueError(reason, describe(url))
    error.message = text.format(where=describe(url))
    return error


def ask_password(parent, url: str) -> str | None:
    """The password typed by the user for the server catalogue, or None when cancelled."""
    text, ok = QInputDialog.getText(
        parent,
        _tr("Пароль"),
        _tr("Пароль пользователя {user} для каталога {where}:").format(
            user=urlsplit(url).username or "", where=describe(url)
        ),
        QLineEdit.EchoMode.Password,
    )
    return text if ok else None


def open_server_catalogue(files, url: str) -> None:
    """Bind the window (`files`: its CatalogueFiles) to the server catalogue at `url`;
    CatalogueError when it cannot be."""
    password = None
    for _attempt in range(_ATTEMPTS):
        try:
            open_database(url, password=password)
            break
        except CataloguePasswordRequired:
            password = ask_password(files.window, url)
            if password is None:
                raise _refused(
                    "password_cancelled",
                    url,
                    _tr("Каталог {where} не открыт: пароль не введён"),
                ) from None
    else:
        raise _refused("wrong_password", url, _tr("Каталог {where} не открыт: неверный пароль"))
    remembered = strip_password(url)
    files.path = None
    files.server_url = remembered
    store = files.window.store
    store.path = remembered
    store.read_only = is_read_only()
    files.window.settings.add_recent(remembered)
    files.window.settings.sync()
    files.server_watch = ServerWatch(store, change_listener(), files)


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
