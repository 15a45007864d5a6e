"""Opening, probing, locking and closing catalogues for the layers above, with every
`CatalogueError` of the database layer put into a sentence in the user's language."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from editor.core.i18n import tr
from editor.db import database
from editor.db.database import (
    CatalogueError,
    CataloguePasswordRequired,
    is_read_only,
    is_server_catalogue,
)

__all__ = [
    "CatalogueError",
    "CatalogueLock",
    "CataloguePasswordRequired",
    "catalogue_path",
    "close_catalogue",
    "describe",
    "is_read_only",
    "is_server_catalogue",
    "open_catalogue",
    "probe",
    "read_only_text",
]

_MESSAGES: dict[str, Callable[[CatalogueError], str]] = {
    "missing": lambda e: tr("Каталог {path} не найден").format(path=e.path),
    "no_folder": lambda e: tr("Папка {path} не существует").format(path=e.path),
    "unreadable": lambda e: tr("Не удалось открыть файл {path}: {error}").format(
        path=e.path, error=e.details.get("error", "")
    ),
    "not_catalogue": lambda e: tr("Файл {path} не является каталогом госпабликов").format(
        path=e.path
    ),
    "corrupt": lambda e: tr("Файл каталога {path} повреждён: {error}").format(
        path=e.path, error=e.details.get("error", "")
    ),
    "newer": lambda e: tr(
        "Каталог {path} создан более новой версией программы (схема {version}, "
        "поддерживается {supported}); обновите программу"
    ).format(path=e.path, version=e.details["version"], supported=e.details["supported"]),
    "open_failed": lambda e: tr("Не удалось открыть каталог {path}: {error}").format(
        path=e.path, error=e.details.get("error", "")
    ),
    "locked": lambda e: tr("Каталог {path} уже открыт для изменения другой программой").format(
        path=e.path
    ),
    "exists": lambda e: tr("Файл {path} уже существует").format(path=e.path),
    "server_exists": lambda e: tr("Каталог {where} уже существует").format(where=e.path),
    # A team catalogue on a PostgreSQL server (the location never holds the password).
    "password_required": lambda e: tr("Сервер требует пароль пользователя {user} ({where})").format(
        user=e.details.get("user", ""), where=e.path
    ),
    "wrong_password": lambda e: tr("Неверный пароль пользователя {user} ({where})").format(
        user=e.details.get("user", ""), where=e.path
    ),
    "no_database": lambda e: tr("На сервере нет базы данных {where}").format(where=e.path),
    "no_user": lambda e: tr("На сервере нет пользователя {user} ({where})").format(
        user=e.details.get("user", ""), where=e.path
    ),
    "unreachable": lambda e: tr("Сервер каталога {where} недоступен").format(where=e.path),
    "connect_failed": lambda e: tr("Не удалось подключиться к каталогу {where}: {error}").format(
        where=e.path, error=e.details.get("error", "")
    ),
    "no_driver": lambda e: tr(
        "Для каталога на сервере PostgreSQL установите дополнение: "
        "pip install 'gospabliki-catalogue[server]'"
    ),
    "other_program": lambda e: tr("База данных {where} принадлежит другой программе").format(
        where=e.path
    ),
    "empty_server": lambda e: tr(
        "База данных {where} пуста: создайте каталог командой init"
    ).format(where=e.path),
    "needs_upgrade_read_only": lambda e: tr(
        "Каталог {where} нужно обновить, а у пользователя нет права изменять его"
    ).format(where=e.path),
    "read_only": lambda e: read_only_text(),
}


def read_only_text() -> str:
    """Why a write to a server catalogue opened by a read-only role is refused."""
    return tr("Каталог открыт только для чтения: у пользователя нет права изменять его")


def describe(error: CatalogueError) -> str:
    """The error as one line for the user; also kept as the error's own text."""
    if not error.message:
        speak = _MESSAGES.get(error.reason)
        error.message = speak(error) if speak else str(error)
    return error.message


def open_catalogue(path: str | Path, *, create: bool = False, password: str | None = None):
    """Open (creating or migrating) the catalogue at `path` (a file or a postgresql:// URL);
    CatalogueError says why not."""
    try:
        return database.open_catalogue(path, create=create, password=password)
    except CatalogueError as error:
        describe(error)
        raise


def probe(path: Path) -> int:
    """Check a catalogue file without changing it; its schema version."""
    try:
        return database.probe(path)
    except CatalogueError as error:
        describe(error)
        raise


def close_catalogue() -> None:
    """Close the open catalogue, if any."""
    database.close_catalogue()


def catalogue_path() -> Path | None:
    """The file of the open catalogue."""
    return database.catalogue_path()


class CatalogueLock(database.CatalogueLock):
    """The single-writer lock of a catalogue file; its error speaks the user's language."""

    def __enter__(self) -> CatalogueLock:
        try:
            super().__enter__()
        except CatalogueError as error:
            describe(error)
            raise
        return self
