"""Opening, probing, locking and closing catalogues for the layers above, with every
`CatalogueError` of the database layer put into a sentence in the user's language."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from editor.core.i18n import tr
from editor.db import database
from editor.db.database import CatalogueError

__all__ = [
    "CatalogueError",
    "CatalogueLock",
    "catalogue_path",
    "close_catalogue",
    "describe",
    "open_catalogue",
    "probe",
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
}


def describe(error: CatalogueError) -> str:
    """The error as one line for the user; also kept as the error's own text."""
    if not error.message:
        speak = _MESSAGES.get(error.reason)
        error.message = speak(error) if speak else str(error)
    return error.message


def open_catalogue(path: str | Path, *, create: bool = False):
    """Open (creating or migrating) the catalogue at `path`; CatalogueError says why not."""
    try:
        return database.open_catalogue(path, create=create)
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
