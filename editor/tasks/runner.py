"""Background work: a plain function runs on a thread pool; progress and results come back queued.

The function has the shape `fn(*args, progress=..., is_cancelled=...) -> result` and touches no
widget. `progress(done, total, text="")` is throttled here so that a fast loop cannot flood the
GUI thread. Tests may pass `synchronous=True` to run in the calling thread.
"""

from __future__ import annotations

import threading
import time
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from editor.db.database import close_thread_connection

_PROGRESS_INTERVAL = 0.1  # seconds between two progress signals


class TaskSignals(QObject):
    """Signals of one task; connected receivers run in the GUI thread (queued)."""

    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()


class Task(QRunnable):
    """One background job; keep a reference until `finished`/`failed`/`cancelled` fires."""

    def __init__(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.signals = TaskSignals()
        self._fn, self._args, self._kwargs = fn, args, kwargs
        self._cancel = threading.Event()
        self._last_progress = 0.0
        self.result: Any = None
        self.error: str | None = None

    def cancel(self) -> None:
        """Ask the job to stop at its next check; it leaves the catalogue as it was."""
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def _progress(self, done: int, total: int, text: str = "") -> None:
        now = time.monotonic()
        if done < total and now - self._last_progress < _PROGRESS_INTERVAL:
            return
        self._last_progress = now
        self.signals.progress.emit(int(done), int(total), text)

    def run(self) -> None:
        try:
            self.result = self._fn(
                *self._args, progress=self._progress, is_cancelled=self.is_cancelled, **self._kwargs
            )
        except CancelledError:
            self.signals.cancelled.emit()
        except Exception as error:
            self.error = " ".join(str(error).split()) or error.__class__.__name__
            traceback.print_exc()
            self.signals.failed.emit(self.error)
        else:
            if self.is_cancelled():
                self.signals.cancelled.emit()
            else:
                self.signals.finished.emit(self.result)
        finally:
            if threading.current_thread() is not threading.main_thread():
                close_thread_connection()  # peewee connections are per thread


class CancelledError(Exception):
    """Raised by a job that noticed `is_cancelled()`; the runner reports `cancelled`."""


def start(task: Task, *, synchronous: bool = False) -> Task:
    """Run a task on the global pool (or right here when `synchronous`)."""
    if synchronous:
        task.run()
    else:
        QThreadPool.globalInstance().start(task)
    return task
