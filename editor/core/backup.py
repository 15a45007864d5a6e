"""Copies of the open catalogue: rotating automatic backups and «Save a copy» (SQLite backup API).

The backup API copies a consistent snapshot even while the catalogue is open in WAL mode, so a
copy never catches a half-written transaction. Backups live beside the catalogue in a folder
`<name>.backups/`; each reason (auto, import...) keeps its own last N copies.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

from editor.core.i18n import tr

KEEP = 10


class BackupError(OSError):
    """A copy that could not be written; str() is a Russian message."""


def backup_dir(path: str | Path) -> Path:
    """The folder holding a catalogue's backups."""
    path = Path(path)
    return path.with_name(path.name + ".backups")


def copy_catalogue(
    source: str | Path, target: str | Path, connection: sqlite3.Connection | None = None
) -> Path:
    """Write a consistent copy of `source` to `target` (replaced atomically when it exists).

    `connection` (an open connection to `source`) lets a catalogue whose file was removed or
    moved away be saved from what this process still holds open.
    """
    source, target = Path(source), Path(target)
    if source.resolve() == target.resolve():
        raise BackupError(tr("Нельзя сохранить копию каталога поверх него самого"))
    partial = target.with_name(target.name + ".partial")
    try:
        reader = connection or sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
        try:
            writer = sqlite3.connect(str(partial))
            try:
                reader.backup(writer)
                writer.execute("PRAGMA journal_mode=DELETE")
            finally:
                writer.close()
        finally:
            if connection is None:
                reader.close()
        os.replace(partial, target)
    except (sqlite3.Error, OSError) as error:
        partial.unlink(missing_ok=True)
        raise BackupError(
            tr("Не удалось сохранить копию в {path}: {error}").format(path=target, error=error)
        ) from error
    return target


def make_backup(path: str | Path, reason: str = "auto", keep: int = KEEP) -> Path:
    """Copy the catalogue into its backup folder and drop the oldest copies of the same reason."""
    path = Path(path)
    folder = backup_dir(path)
    try:
        folder.mkdir(exist_ok=True)
    except OSError as error:
        raise BackupError(
            tr("Не удалось создать папку резервных копий {path}: {error}").format(
                path=folder, error=error.strerror
            )
        ) from error
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{path.stem}-{stamp}-{reason}{path.suffix or '.gpc'}"
    copy_catalogue(path, target)
    for old in list_backups(path, reason)[keep:]:
        old.unlink(missing_ok=True)
    return target


def changed_since_backup(path: str | Path, reason: str = "auto") -> bool:
    """True when the catalogue's change log moved on since its newest backup of `reason`.

    Every write leaves a change-log entry, so the last entry's id tells whether a copy is stale;
    file times would not (closing the catalogue rewrites the file without changing anything).
    """
    newest = list_backups(path, reason)
    if not newest:
        return True
    try:
        return _last_change(Path(path)) != _last_change(newest[0])
    except sqlite3.Error:
        return True


def _last_change(path: Path) -> int | None:
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return connection.execute("SELECT max(id) FROM change").fetchone()[0]
    finally:
        connection.close()


def list_backups(path: str | Path, reason: str | None = None) -> list[Path]:
    """Backups of a catalogue, newest first (of one reason when given)."""
    path = Path(path)
    folder = backup_dir(path)
    if not folder.is_dir():
        return []
    suffix = path.suffix or ".gpc"
    pattern = f"{path.stem}-*-{reason}{suffix}" if reason else f"{path.stem}-*{suffix}"
    return sorted(folder.glob(pattern), key=lambda p: p.name, reverse=True)


def copy_open_catalogue(source: str | Path, target: str | Path) -> Path:
    """Copy the open catalogue `source` through this process's own connection, so that a file
    that was removed or moved away can still be saved."""
    from editor.db.models import db

    return copy_catalogue(source, target, connection=db.connection())
