"""A dialog that runs one background job (an export, a publication) with a progress dialog:
closing or cancelling it while the job runs stops the job first, and a failure is shown in
the dialog's own error line. The export and publish dialogs build on it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QProgressDialog, QWidget
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
        self.last_result = None
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

    # --- the outcome: a refusal, a cancel, or the result ------------------------------------

    refusal: type[Exception] = Exception  # what a job returns (not raises) when it refuses

    def cancelled_text(self) -> str:
        """The error line after a cancel (nothing was written)."""
        raise NotImplementedError

    def _succeeded(self, result) -> None:
        """The job's result, written in full."""
        raise NotImplementedError

    def _finished(self, result) -> None:
        self._end_run()
        if isinstance(result, self.refusal):
            self._fail(str(result))
            return
        if result.cancelled:
            self._fail(self.cancelled_text())
            return
        self.last_result = result
        self._succeeded(result)

    def _cancelled(self) -> None:
        result = self.task.result if self.task is not None else None
        if result is not None and not isinstance(result, self.refusal) and not result.cancelled:
            self._finished(result)  # the cancel came after the work was complete
            return
        self._end_run()
        self._fail(self.cancelled_text())

    def _show_done(
        self, *, name: str, title: str, text: str, button: tuple[str, str], opens: Callable
    ) -> None:
        """The «done» box over the main window, with a button (label, objectName) that opens
        what was written; the dialog itself closes."""
        window = getattr(self, "window_", None)
        box = QMessageBox(
            QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Close, window
        )
        box.setObjectName(name)
        self.open_button = box.addButton(button[0], QMessageBox.ButtonRole.AcceptRole)
        self.open_button.setObjectName(button[1])
        self.open_button.clicked.connect(opens)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.result_box = box
        box.open()
        self.accept()

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


def refusal_as_value(job: Callable, refusal: type[Exception]) -> Callable:
    """The background job, returning `refusal` instead of raising it: an expected outcome, not
    a defect worth a traceback in the log."""

    def run(*args, **kwargs):
        try:
            return job(*args, **kwargs)
        except refusal as error:
            return error

    return run
