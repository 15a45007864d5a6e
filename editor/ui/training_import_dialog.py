"""Loading seminar registration lists in the editor: files, defaults, a preview, then the import.

The face of :func:`editor.exchange.training.registration.import_lists`: «Проверить» runs it as a dry
run and shows what would be added and which rows are refused (with their reasons); «Загрузить»
runs it for real in the background and pushes one undo step.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.commands.training import ImportTrainingLists
from editor.core.territories import TerritoryError
from editor.exchange.training.registration import (
    TrainingImportError,
    TrainingOptions,
    TrainingResult,
    import_lists,
)
from editor.tasks.runner import Task, start
from editor.ui.training_dialogs import format_combo, resolve_territory

FILE_FILTER = "Таблицы (*.xlsx *.xlsm *.csv *.txt);;Все файлы (*)"


def _job(paths: list[str], options: TrainingOptions, *, progress, is_cancelled):
    """The background job; a list that cannot be imported comes back as its message."""
    try:
        return import_lists(paths, options, progress=progress, is_cancelled=is_cancelled)
    except TrainingImportError as error:
        return str(error)


class TrainingImportDialog(QDialog):
    """Choose lists and defaults, preview (dry run), import (one undo step)."""

    def __init__(self, window, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setObjectName("trainingImportDialog")
        self.setWindowTitle(self.tr("Загрузка списков участников семинаров"))
        self.window_ = window
        self.synchronous = not getattr(window, "background", True)
        self.task: Task | None = None
        self.result: TrainingResult | None = None
        layout = QVBoxLayout(self)
        self.files = QListWidget(self)
        self.files.setObjectName("trainingFiles")
        add = QPushButton(self.tr("Добавить файлы…"), self)
        add.setObjectName("addTrainingFiles")
        add.clicked.connect(self._choose)
        remove = QPushButton(self.tr("Убрать"), self)
        remove.clicked.connect(
            lambda: [self.files.takeItem(i.row()) for i in self.files.selectedIndexes()]
        )
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        layout.addWidget(QLabel(self.tr("Списки участников (.xlsx, .csv):"), self))
        layout.addWidget(self.files)
        layout.addLayout(row)
        form = QFormLayout()
        self.seminar = QLineEdit(self)
        self.seminar.setObjectName("trainingSeminar")
        self.seminar.setPlaceholderText(self.tr("если в списке нет столбца «Семинар»"))
        self.use_date = QCheckBox(self.tr("для строк без столбца «Дата»:"), self)
        self.use_date.setChecked(True)
        self.date = QDateEdit(self)
        self.date.setObjectName("trainingDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd.MM.yyyy")
        today = dt.date.today()
        self.date.setDate(QDate(today.year, today.month, today.day))
        self.use_date.toggled.connect(self.date.setEnabled)
        date_row = QHBoxLayout()
        date_row.addWidget(self.use_date)
        date_row.addWidget(self.date, 1)
        self.format = format_combo(self)
        self.format.setObjectName("trainingFormat")
        self.territory = QLineEdit(self)
        self.territory.setObjectName("trainingTerritory")
        self.territory.setPlaceholderText(self.tr("название, путь или код ОКТМО"))
        form.addRow(self.tr("Семинар"), self.seminar)
        form.addRow(self.tr("Дата"), date_row)
        form.addRow(self.tr("Формат"), self.format)
        form.addRow(self.tr("Территория"), self.territory)
        layout.addLayout(form)
        self.report = QPlainTextEdit(self)
        self.report.setObjectName("trainingReport")
        self.report.setReadOnly(True)
        layout.addWidget(self.report, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.preview_button = QPushButton(self.tr("Проверить"), self)
        self.preview_button.setObjectName("trainingPreview")
        self.apply_button = QPushButton(self.tr("Загрузить"), self)
        self.apply_button.setObjectName("trainingApply")
        buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.preview_button.clicked.connect(lambda: self.run(dry_run=True))
        self.apply_button.clicked.connect(lambda: self.run(dry_run=False))
        layout.addWidget(buttons)
        self.resize(620, 560)

    def add_files(self, paths: list[str | Path]) -> None:
        """Add files to the list (the file chooser and tests)."""
        for path in paths:
            self.files.addItem(str(path))

    def _choose(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Списки участников"), "", FILE_FILTER)
        self.add_files(paths)

    def options(self, dry_run: bool) -> TrainingOptions:
        """The defaults typed; TerritoryError for a territory that is not found."""
        return TrainingOptions(
            seminar=self.seminar.text(),
            date=self.date.date().toPython() if self.use_date.isChecked() else None,
            format=self.format.currentData(),
            territory_id=resolve_territory(self.territory.text()),
            dry_run=dry_run,
        )

    def run(self, dry_run: bool) -> None:
        """Preview or import in the background; the outcome goes to the report box."""
        paths = [self.files.item(i).text() for i in range(self.files.count())]
        if not paths:
            self.report.setPlainText(self.tr("Добавьте хотя бы один файл"))
            return
        try:
            options = self.options(dry_run)
        except TerritoryError as error:
            self.report.setPlainText(str(error))
            return
        self.preview_button.setEnabled(False)
        self.apply_button.setEnabled(False)
        self.report.setPlainText(self.tr("Чтение списков…"))
        task = Task(_job, paths, options)
        self.task = task
        task.signals.finished.connect(lambda outcome: self._done(outcome, dry_run))
        task.signals.failed.connect(lambda message: self._done(message, dry_run))
        task.signals.progress.connect(
            lambda _d, _t, text: self.report.setPlainText(text) if text else None
        )
        start(task, synchronous=self.synchronous)

    def _done(self, outcome, dry_run: bool) -> None:
        self.task = None
        self.preview_button.setEnabled(True)
        self.apply_button.setEnabled(True)
        if isinstance(outcome, str):
            self.report.setPlainText(outcome)
            return
        self.result = outcome
        if not dry_run and outcome.batch is not None:
            self.window_.undo_stack.push(ImportTrainingLists(self.window_.store, outcome.batch))
            self.window_.store.trainingChanged.emit()
        self.report.setPlainText(self.describe(outcome, dry_run))

    def describe(self, result: TrainingResult, dry_run: bool) -> str:
        """The outcome in words (no personal data: reasons and organisation names only)."""
        head = (
            self.tr("Проверка: будет добавлено")
            if dry_run
            else self.tr("Загружено")
            if result.batch is not None
            else self.tr("Ничего нового: всё уже есть в каталоге")
        )
        lines = [
            head,
            self.tr("Строк прочитано: {n}").format(n=result.rows),
            self.tr("Новых семинаров: {n}").format(n=result.seminars_new),
            self.tr("Новых участников: {n}; уже известных: {k}").format(
                n=result.participants_new, k=result.participants_known
            ),
            self.tr("Отметок о посещении: {n}").format(n=result.attendances_new),
            self.tr("Отклонено строк: {n}").format(n=result.rejected),
        ]
        for rejection in result.rejections[:200]:
            lines.append(
                self.tr("  {file}, строка {row}: {reason}").format(
                    file=result.files[rejection.file_index].name,
                    row=rejection.row,
                    reason=rejection.reason,
                )
            )
        if result.unmatched_organizations:
            lines.append(
                self.tr("Не найдены в каталоге (сохранены как написано): {n}").format(
                    n=len(result.unmatched_organizations)
                )
            )
            lines.extend(f"  {name}" for name in result.unmatched_organizations[:200])
        return "\n".join(lines)
