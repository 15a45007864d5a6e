"""Copies of the open catalogue: rotating automatic backups and «Save a copy» (SQLite backup API).

The backup API copies a consistent snapshot even while the catalogue is open in WAL mode, so a
copy never catches a half-written transaction. Backups live beside the catalogue in a folder
`<name>.backups/`; each reason (auto, import...) keeps its own last N copies.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import threading
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
    return start_backup(path, reason, keep).wait()


class BackupJob:
    """A backup being written in a thread, of the catalogue as it was when the job started.

    The copy reads through a read transaction opened before `start_backup` returns: in WAL mode
    that snapshot stays what the copy sees while this process goes on writing (an import plans
    and writes its first chunks meanwhile, and waits for the copy before it commits).
    """

    def __init__(self, path: Path, reason: str, keep: int) -> None:
        self._path, self._reason, self._keep = path, reason, keep
        self._result: Path | None = None
        self._error: BackupError | None = None
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
        self._target = folder / f"{path.stem}-{stamp}-{reason}{path.suffix or '.gpc'}"
        try:
            self._reader = sqlite3.connect(
                f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
            )
            self._reader.execute("BEGIN")
            self._reader.execute("SELECT count(*) FROM sqlite_master").fetchall()
        except sqlite3.Error as error:
            raise BackupError(
                tr("Не удалось сохранить копию в {path}: {error}").format(
                    path=self._target, error=error
                )
            ) from error
        self._thread = threading.Thread(target=self._run, name="backup", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._result = copy_catalogue(self._path, self._target, connection=self._reader)
            for old in list_backups(self._path, self._reason)[self._keep :]:
                old.unlink(missing_ok=True)
        except Exception as error:  # reaches the waiter, which reports it
            self._error = error if isinstance(error, BackupError) else BackupError(str(error))
        finally:
            self._reader.close()

    def wait(self) -> Path:
        """The copy's path once it is written; raises BackupError when it could not be."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._result  # type: ignore[return-value]


def start_backup(path: str | Path, reason: str = "auto", keep: int = KEEP) -> BackupJob:
    """Start copying the catalogue, as it is now, into its backup folder (see `BackupJob`)."""
    return BackupJob(Path(path), reason, keep)


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
