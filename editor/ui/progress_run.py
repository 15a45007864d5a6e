"""One background task behind a window-modal progress dialog: the progress bar, «Отмена», and
one ending per outcome. The import wizard, the classifier dialog and the job dialogs (export,
publication) run their work through it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from editor.tasks.runner import Task, start


class ProgressRun(QObject):
    """Runs `task` with a progress dialog named `name`; «Отмена» asks the task to stop.

    The dialog is closed before any of `finished(result)`, `failed(message)` or `cancelled()`
    is called, so that those may show a message or start another run.
    """

    def __init__(
        self,
        parent: QWidget,
        task: Task,
        *,
        name: str,
        label: str,
        title: str = "",
        minimum_duration: int = 300,
    ) -> None:
        super().__init__(parent)
        self.task = task
        dialog = QProgressDialog(label, self.tr("Отмена"), 0, 0, parent)
        dialog.setObjectName(name)
        if title:
            dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(minimum_duration)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(task.cancel)
        task.signals.progress.connect(self._progressed)
        self.dialog: QProgressDialog | None = dialog

    def start(
        self,
        *,
        finished: Callable[[object], None],
        failed: Callable[[str], None],
        cancelled: Callable[[], None],
        synchronous: bool = False,
        show: bool = False,
    ) -> None:
        """Start the task (in place when `synchronous`: tests); `show` opens the dialog at once."""
        signals = self.task.signals
        signals.finished.connect(lambda result: self._end(finished, result))
        signals.failed.connect(lambda message: self._end(failed, message))
        signals.cancelled.connect(lambda: self._end(cancelled))
        if show and self.dialog is not None:
            self.dialog.show()
        start(self.task, synchronous=synchronous)

    def cancel(self) -> None:
        """Ask the task to stop; its outcome still arrives (cancelled, or failed)."""
        self.task.cancel()

    def close(self) -> None:
        """Close the progress dialog (again: nothing)."""
        if self.dialog is not None:
            self.dialog.canceled.disconnect()
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None

    def _progressed(self, done: int, total: int, text: str) -> None:
        if self.dialog is not None:
            self.dialog.setMaximum(max(total, 1))
            self.dialog.setValue(min(done, max(total, 1)))
            if text:
                self.dialog.setLabelText(text)

    def _end(self, then: Callable, *args: object) -> None:
        self.close()
        then(*args)
