"""A dialog that runs one background job (an export, a publication) with a progress dialog:
closing or cancelling it while the job runs stops the job first, and a failure is shown in
the dialog's own error line. The export and publish dialogs build on it."""

from __future__ import annotations

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QLabel, QProgressDialog, QWidget
from typing_extensions import override

from editor.tasks.runner import Task
from editor.ui.progress_run import ProgressRun


class JobDialog(QDialog):
    """Holds the running `task` and its `progress`; subclasses start them and finish."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.task: Task | None = None
        self.run_: ProgressRun | None = None
        self.last_error = ""
        self.error_label = QLabel(objectName="errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020")

    def _run(self, task: Task, *, name: str, label: str, title: str) -> None:
        """Start `task` behind a window-modal progress dialog (`name`: its objectName); the
        subclass's `_finished`, `_failed` and `_cancelled` receive the outcome."""
        self.task = task
        self.run_ = ProgressRun(
            self, task, name=name, label=label, title=title, minimum_duration=400
        )
        # The main window says whether work runs in the background (tests run it in place).
        window = getattr(self, "window_", None)
        self.run_.start(
            finished=self._finished,
            failed=self._failed,
            cancelled=self._cancelled,
            synchronous=not getattr(window, "background", True),
        )

    @property
    def progress(self) -> QProgressDialog | None:
        """The running job's progress dialog."""
        return self.run_.dialog if self.run_ is not None else None

    def _finished(self, result: object) -> None:
        raise NotImplementedError

    def _cancelled(self) -> None:
        raise NotImplementedError

    def _end_run(self) -> None:
        if self.run_ is not None:
            self.run_.close()
            self.run_ = None
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
