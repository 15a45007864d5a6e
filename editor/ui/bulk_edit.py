"""The bulk edit dialog: tick the fields to set on all selected pages, pick their values, and see
live how many pages will actually change («будет изменено N из M»)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from editor.core import bulk
from editor.core.fields import ORGANIZATION_FIELD, PAGE_FIELD
from editor.core.normalize import NormalizeError
from editor.ui.field_editors import FieldEditor, create_editor
from editor.ui.record_dialogs import ERROR_STYLE

# Page fields offered, in the order shown; the sphere is the organisation's first sphere.
BULK_PAGE_FIELDS = (
    "status",
    "network",
    "connected",
    "gosmark",
    "pos_problem",
    "pos_opinion",
    "enrolment",
    "appointment",
    "widgets",
)
BULK_ORGANIZATION_FIELDS = ("sphere1",)


class BulkEditDialog(QDialog):
    """Choose fields and values for the selected pages; the caller pushes BulkEditPages."""

    def __init__(self, page_ids: Sequence[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bulkEditDialog")
        self.setWindowTitle(self.tr("Массовое изменение"))
        self.page_ids = list(page_ids)
        self.checks: dict[str, QCheckBox] = {}
        self.editors: dict[str, FieldEditor] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr("Отметьте поля, которые получат одно значение у всех выделенных страниц."),
                self,
            )
        )
        grid = QGridLayout()
        specs = [ORGANIZATION_FIELD[n] for n in BULK_ORGANIZATION_FIELDS] + [
            PAGE_FIELD[n] for n in BULK_PAGE_FIELDS
        ]
        for row, spec in enumerate(specs):
            check = QCheckBox(spec.title, self)
            check.setObjectName(f"change_{spec.name}")
            editor = create_editor(spec, self)
            editor.setObjectName(f"field_{spec.name}")
            editor.setEnabled(False)
            check.toggled.connect(editor.setEnabled)
            check.toggled.connect(self._schedule)
            editor.currentIndexChanged.connect(self._schedule)  # every offered field is a list
            grid.addWidget(check, row, 0)
            grid.addWidget(editor, row, 1)
            self.checks[spec.name] = check
            self.editors[spec.name] = editor
        layout.addLayout(grid)
        self.summary = QLabel(self)
        self.summary.setObjectName("bulkSummary")
        layout.addWidget(self.summary)
        self.problem = QLabel(self)
        self.problem.setObjectName("bulkProblem")
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Изменить"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        # Counting is one query, but a burst of clicks needs only the last answer.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self.refresh_count)
        self.will_change = 0
        self.refresh_count()

    def _schedule(self, *_args: object) -> None:
        self._timer.start()

    def changes(self) -> tuple[dict[str, object], dict[str, object]]:
        """(page changes, organisation changes) of the ticked fields."""
        pages = {n: self.editors[n].value() for n in BULK_PAGE_FIELDS if self.checks[n].isChecked()}
        organizations = {
            n: self.editors[n].value()
            for n in BULK_ORGANIZATION_FIELDS
            if self.checks[n].isChecked()
        }
        return pages, organizations

    def refresh_count(self) -> None:
        """Recount how many of the selected pages the chosen values would change."""
        self._timer.stop()
        pages, organizations = self.changes()
        problem = ""
        try:
            self.will_change = bulk.preview(self.page_ids, pages, organizations)
        except (NormalizeError, ValueError) as error:
            self.will_change, problem = 0, str(error)
        self.summary.setText(
            self.tr("Будет изменено {n} из {m}").format(n=self.will_change, m=len(self.page_ids))
        )
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.will_change > 0 and not problem)
