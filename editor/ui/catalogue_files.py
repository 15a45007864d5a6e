"""The window's catalogue file: open, new, switch, copies, backups and the single-writer lock.

Changes are stored as they are made, so there is no Save. A catalogue held by another program
opens read-only with a banner saying so; a corrupt or newer file is refused with a clear message
and the catalogue shown before stays open.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QFileDialog, QMainWindow

from editor.core import backup
from editor.core.catalogue import init_catalogue
from editor.core.opening import (
    CatalogueError,
    CatalogueLock,
    close_catalogue,
    open_catalogue,
    probe,
)
from editor.core.server import describe, is_server
from editor.tasks.runner import Task, start
from editor.ui.server_open import open_server_catalogue, save_server_copy

FILE_FILTER = "Каталог госпабликов (*.gpc);;Все файлы (*)"
WATCH_MS = 3000
BACKUP_DELAY_MS = 20_000  # the backup made on opening waits until the window has settled  # how often the catalogue file's presence is checked


def _tr(text: str) -> str:
    return QCoreApplication.translate("CatalogueFiles", text)


def _auto_backup(path: Path, keep: int, *, progress=None, is_cancelled=None) -> Path | None:
    """The worker's job: a rotating backup when the catalogue changed since the last one."""
    if not backup.changed_since_backup(path):
        return None
    return backup.make_backup(path, "auto", keep)


class CatalogueFiles(QObject):
    """Which catalogue the window shows, and everything about its file."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.lock: CatalogueLock | None = None
        self.path: Path | None = None
        # A server catalogue (postgresql://, without its password) instead of a file.
        self.server_url: str | None = None
        self.server_watch = None  # ServerWatch of a server catalogue
        self._changed = False
        self._missing_reported = False
        self._running: set[Task] = set()
        self._backup_timer = QTimer(self)
        self._backup_timer.timeout.connect(self._periodic_backup)
        self._first_backup = QTimer(self)
        self._first_backup.setSingleShot(True)
        self._first_backup.timeout.connect(self._start_backup)
        self._watch_timer = QTimer(self)
        self._watch_timer.setInterval(WATCH_MS)
        self._watch_timer.timeout.connect(self._watch)

    # --- opening -------------------------------------------------------------------------

    def open_initial(self, path: Path) -> None:
        """Open the first catalogue of the window; CatalogueError when it cannot be opened."""
        self._open(path)

    def _open(self, path: Path | str) -> None:
        if is_server(path):
            open_server_catalogue(self, str(path))
            self._changed = False
            return
        self.server_url = None
        path = Path(path)
        if path.exists():
            probe(path)
        lock = CatalogueLock(path)
        writable = lock.acquire()
        try:
            open_catalogue(path)
        except CatalogueError:
            lock.release()
            raise
        self.lock = lock if writable else None
        self.path = path
        store = self.window.store
        store.path = str(path)
        store.read_only = not writable
        self._changed = False
        self._missing_reported = False
        self.window.settings.add_recent(path)
        self.window.settings.sync()
        minutes = max(1, self.window.settings.backup_minutes)
        self._backup_timer.start(minutes * 60_000)
        self._watch_timer.start()
        if writable:
            # Later, not now: copying a large catalogue would slow the first screen.
            self._first_backup.start(BACKUP_DELAY_MS if self.window.background else 0)

    def switch_to(self, path: str | Path) -> bool:
        """Show another catalogue in this window; on failure the current one stays open."""
        if is_server(path):
            return self._switch_to_server(str(path))
        path = Path(path)
        if self.path is not None and path.resolve() == self.path.resolve():
            return True
        try:
            probe(path)
        except CatalogueError as error:
            self.window.settings.forget_recent(path)
            self.window.show_error(str(error))
            return False
        return self._replace(path)

    def _switch_to_server(self, url: str) -> bool:
        return self._replace(url)

    def _replace(self, target: str | Path) -> bool:
        """Close the open catalogue and open `target` (a file or a server URL); when it cannot
        be opened, say why and open the previous one again."""
        previous = self.server_url or self.path
        self._release()
        try:
            self._open(target)
        except CatalogueError as error:
            self.window.show_error(str(error))
            if previous is not None:
                self._open(previous)
            return False
        self._after_switch()
        return True

    def new_catalogue(self, path: str | Path) -> bool:
        """Create a catalogue (Russia, districts, subjects, spheres) and show it."""
        path = Path(path)
        if path.exists() and path.stat().st_size > 0:
            self.window.show_error(_tr("Файл {path} уже существует").format(path=path))
            return False
        previous = self.path
        self._release()
        try:
            init_catalogue(path)
            close_catalogue()
            self._open(path)
        except (CatalogueError, OSError) as error:
            self.window.show_error(str(error))
            if previous is not None:
                self._open(previous)
            return False
        self._after_switch()
        return True

    def _after_switch(self) -> None:
        self.window.undo_stack.clear()
        self.window.store.reset.emit()
        self.window.select_start_node()
        self.update_title()
        self.update_banner()
        self.window.actions_.import_.setEnabled(
            not self.window.read_only and self.window.actions_.import_.isEnabled()
        )
        self.window.catalogueOpened.emit(self.server_url or str(self.path))

    def _release(self) -> None:
        if self.server_watch is not None:
            self.server_watch.stop()
            self.server_watch = None
        close_catalogue()
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def close(self) -> None:
        """The window closes: let go of the file and its lock."""
        self._backup_timer.stop()
        self._first_backup.stop()
        self._watch_timer.stop()
        self._release()

    # --- what the window shows about the file --------------------------------------------

    def update_title(self) -> None:
        """«name[*] — Каталог госпабликов», with «только чтение» when locked by another program."""
        name = self.path.name if self.path else ""
        if self.server_url:
            name = describe(self.server_url)
        suffix = _tr(" (только чтение)") if self.window.read_only else ""
        self.window.setWindowTitle(f"{name}[*]{suffix} — " + _tr("Каталог госпабликов"))
        self.window.setWindowFilePath(str(self.path or ""))

    def update_banner(self) -> None:
        """Explain read-only mode above the table."""
        banner = self.window.banner
        if self.window.read_only and self.server_url:
            banner.setText(
                _tr(
                    "У пользователя нет права изменять каталог {where}: он открыт только для чтения."
                ).format(where=describe(self.server_url))
            )
            banner.show()
        elif self.window.read_only:
            banner.setText(
                _tr(
                    "Каталог {path} уже открыт для изменения другой программой или другим окном. "
                    "Он открыт только для чтения: изменения невозможны, пока его не закроют там."
                ).format(path=self.path)
            )
            banner.show()
        else:
            banner.hide()

    # --- dialogs -------------------------------------------------------------------------

    def _folder(self) -> str:
        return str(self.path.parent) if self.path else ""

    def ask_new(self) -> None:
        """File → New catalogue…"""
        path, _ = QFileDialog.getSaveFileName(
            self.window, _tr("Новый каталог"), self._folder(), _tr(FILE_FILTER)
        )
        if path:
            if not Path(path).suffix:
                path += ".gpc"
            self.new_catalogue(path)

    def ask_open(self) -> None:
        """File → Open catalogue…"""
        path, _ = QFileDialog.getOpenFileName(
            self.window, _tr("Открыть каталог"), self._folder(), _tr(FILE_FILTER)
        )
        if path:
            self.switch_to(path)

    def ask_save_copy(self) -> None:
        """File → Save a copy…"""
        path, _ = QFileDialog.getSaveFileName(
            self.window, _tr("Сохранить копию каталога"), self._folder(), _tr(FILE_FILTER)
        )
        if path:
            self.save_copy(path)

    def save_copy(self, target: str | Path) -> Path | None:
        """Write a consistent copy of the open catalogue (works even if its file vanished); of
        a server catalogue, a catalogue file to work offline."""
        if self.server_url is not None:
            return save_server_copy(self.window, target)
        assert self.path is not None
        try:
            copy = backup.copy_open_catalogue(self.path, target)
        except backup.BackupError as error:
            self.window.show_error(str(error))
            return None
        self.window.statusBar().showMessage(_tr("Копия сохранена: {path}").format(path=copy), 8000)
        return copy

    # --- backups and the file's health ---------------------------------------------------

    def note_change(self) -> None:
        """Something was stored: the next periodic backup is due."""
        self._changed = True

    def backup_now(self) -> Path | None:
        """File → Make a backup: a rotating copy right now."""
        if self.server_url is not None:
            self.window.show_error(
                _tr(
                    "Каталог на сервере сохраняет сервер; копия для работы без сервера: "
                    "Файл → Сохранить копию…"
                )
            )
            return None
        assert self.path is not None
        try:
            copy = backup.make_backup(self.path, "manual", self.window.settings.backup_keep)
        except backup.BackupError as error:
            self.window.show_error(str(error))
            return None
        self.window.statusBar().showMessage(_tr("Резервная копия: {path}").format(path=copy), 8000)
        return copy

    def _start_backup(self) -> None:
        if self.path is None or self.window.read_only or not self.window.settings.auto_backup:
            return
        task = Task(_auto_backup, self.path, self.window.settings.backup_keep)
        if not self.window.background:
            start(task, synchronous=True)
            return
        self._running.add(task)
        task.signals.finished.connect(lambda _r, t=task: self._running.discard(t))
        task.signals.failed.connect(lambda message, t=task: self._backup_failed(t, message))
        start(task)

    def _backup_failed(self, task: Task, message: str) -> None:
        self._running.discard(task)
        self.window.statusBar().showMessage(message, 10_000)

    def _periodic_backup(self) -> None:
        if self._changed:
            self._changed = False
            self._start_backup()

    def _watch(self) -> None:
        """Warn once when the catalogue file was removed or moved while open."""
        if self.path is None or self.path.exists():
            self._missing_reported = False
            return
        if not self._missing_reported:
            self._missing_reported = True
            self.window.show_error(
                _tr(
                    "Файл каталога {path} удалён или перемещён. Данные ещё открыты: сохраните "
                    "копию (Файл → Сохранить копию…), иначе изменения будут потеряны при закрытии."
                ).format(path=self.path)
            )
