"""A dialog that runs one background job (an export, a publication) with a progress dialog:
closing or cancelling it while the job runs stops the job first, and a failure is shown in
the dialog's own error line. The export and publish dialogs build on it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QLabel, QProgressDialog, QWidget
from typing_extensions import override

from editor.tasks.runner import Task, start


class JobDialog(QDialog):
    """Holds the running `task` and its `progress`; subclasses start them and finish."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.task: Task | None = None
        self.progress: QProgressDialog | None = None
        self.last_error = ""
        self.error_label = QLabel(objectName="errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020")

    def _run(self, task: Task, *, name: str, label: str, title: str) -> None:
        """Start `task` behind a window-modal progress dialog (`name`: its objectName); the
        subclass's `_finished`, `_failed` and `_cancelled` receive the outcome."""
        self.task = task
        self.progress = QProgressDialog(label, self.tr("Отмена"), 0, 0, self)
        self.progress.setObjectName(name)
        self.progress.setWindowTitle(title)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(400)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.canceled.connect(task.cancel)
        signals = task.signals
        signals.progress.connect(self._progressed)
        signals.finished.connect(self._finished)
        signals.failed.connect(self._failed)
        signals.cancelled.connect(self._cancelled)
        # The main window says whether work runs in the background (tests run it in place).
        window = getattr(self, "window_", None)
        start(task, synchronous=not getattr(window, "background", True))

    def _progressed(self, done: int, total: int, text: str) -> None:
        if self.progress is not None:
            self.progress.setMaximum(max(total, 1))
            self.progress.setValue(min(done, max(total, 1)))
            if text:
                self.progress.setLabelText(text)

    def _finished(self, result: object) -> None:
        raise NotImplementedError

    def _cancelled(self) -> None:
        raise NotImplementedError

    def _end_run(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        self.task = None
        self.setEnabled(True)

    def _failed(self, message: str) -> None:
        self._end_run()
        self._fail(message)

    def _fail(self, message: str) -> None:
        self.last_error = message
        self.error_label.setText(message)

    @override
    def reject(self) -> None:
        if self.task is not None:  # a running job: stop it first, nothing is written
            self.task.cancel()
            return
        super().reject()

    @override
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.task is not None:
            self.task.cancel()
            event.ignore()
            return
        super().closeEvent(event)
