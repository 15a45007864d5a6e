"""A dialog that runs one background job (an export, a publication) with a progress dialog:
closing or cancelling it while the job runs stops the job first, and a failure is shown in
the dialog's own error line. The export and publish dialogs build on it."""

from __future__ import annotations

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QLabel, QProgressDialog, QWidget
from typing_extensions import override

from editor.tasks.runner import Task


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
