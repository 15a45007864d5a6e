"""The export dialog: choose a report, its scope and a file name; the export runs in the
background with a progress dialog and offers to open the result.

The scope is a territory (the one selected in the tree or one of its ancestors) narrowed by
spheres and networks, or what the window shows (its current filter), or the selected rows.
The engine is :func:`editor.exchange.reports.export.export_report`, the same as `main.py export`.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from editor.core import normalize as nz
from editor.core.search import PageFilter
from editor.core.spheres import all_spheres, labels
from editor.core.territories import ancestors
from editor.exchange.reports.export import (
    REPORT_LABELS,
    REPORTS,
    ExportError,
    Scope,
    check_target,
    export_report,
)
from editor.tasks.runner import Task
from editor.ui.job_dialog import JobDialog, refusal_as_value

_LAST_FOLDER_KEY = "export/last_folder"
_FILE_STEMS = {
    "registry": "Реестр госпабликов",
    "summary": "Сводка по территориям",
    "spheres": "Госпаблики по сферам",
    "compliance": "Соблюдение требований",
}


class ExportDialog(JobDialog):
    """Report, scope and file name; `run_export()` starts the job (the OK button calls it)."""

    def __init__(self, main_window, parent: QWidget | None = None) -> None:
        super().__init__(parent or main_window)
        self.setObjectName("exportDialog")
        self.window_ = main_window
        self.result_box: QMessageBox | None = None
        self._filter: PageFilter = main_window.current_filter()
        self._selection: list[int] = list(main_window.selected_page_ids())
        self._build()
        self.retranslate()
        self._suggest_name()

    # --- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.report = QComboBox(objectName="reportCombo")
        for report in REPORTS:
            self.report.addItem("", report)
        self.report.currentIndexChanged.connect(self._report_changed)

        self.by_territory = QRadioButton(objectName="territoryScope")
        self.by_filter = QRadioButton(objectName="filterScope")
        self.by_selection = QRadioButton(objectName="selectionScope")
        self.scope_group = QButtonGroup(self)
        for button in (self.by_territory, self.by_filter, self.by_selection):
            self.scope_group.addButton(button)
            button.toggled.connect(self._scope_changed)
        self.territory = QComboBox(objectName="territoryCombo")
        current = self.window_.current_territory_id()
        chain = ancestors(current) if current is not None else []
        self.territory.addItem("", None)  # the whole catalogue
        for node in chain:
            self.territory.addItem(node.name, node.id)
        self.territory.setCurrentIndex(len(chain))
        self.territory.currentIndexChanged.connect(lambda _i: self._suggest_name())

        self.spheres = QListWidget(objectName="sphereList")
        names = labels()
        for sphere in all_spheres():
            item = QListWidgetItem(names[sphere.id])
            item.setData(Qt.ItemDataRole.UserRole, sphere.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.spheres.addItem(item)
        self.spheres.setMaximumHeight(140)
        self.networks: dict[str, QCheckBox] = {}
        network_row = QHBoxLayout()
        for network in nz.NETWORKS:
            box = QCheckBox(nz.NETWORK_LABELS[network], objectName=f"network_{network}")
            self.networks[network] = box
            network_row.addWidget(box)
        network_row.addStretch()

        self.filter_label = QLabel(objectName="filterLabel")
        self.filter_label.setWordWrap(True)
        self.selection_label = QLabel(objectName="selectionLabel")

        self.stale_days = QSpinBox(objectName="staleDays")
        self.stale_days.setRange(0, 3650)
        self.stale_days.setValue(180)

        self.file = QLineEdit(objectName="fileEdit")
        self.browse = QPushButton(objectName="browseButton")
        self.browse.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(self.browse)

        self.scope_box = QGroupBox()
        scope_layout = QVBoxLayout(self.scope_box)
        scope_layout.addWidget(self.by_territory)
        self.territory_form = QFormLayout()
        self.territory_label, self.spheres_label, self.networks_label = QLabel(), QLabel(), QLabel()
        self.territory_form.addRow(self.territory_label, self.territory)
        self.territory_form.addRow(self.spheres_label, self.spheres)
        self.territory_form.addRow(self.networks_label, network_row)
        scope_layout.addLayout(self.territory_form)
        scope_layout.addWidget(self.by_filter)
        scope_layout.addWidget(self.filter_label)
        scope_layout.addWidget(self.by_selection)
        scope_layout.addWidget(self.selection_label)

        form = QFormLayout()
        self.report_label, self.stale_label, self.file_label = QLabel(), QLabel(), QLabel()
        form.addRow(self.report_label, self.report)
        form.addRow(self.stale_label, self.stale_days)
        form.addRow(self.file_label, file_row)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.run_export)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.scope_box)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self.by_selection.setEnabled(bool(self._selection))
        self.by_territory.setChecked(True)
        self._report_changed()

    def retranslate(self) -> None:
        """Set every visible text in the current language."""
        self.setWindowTitle(self.tr("Экспорт отчёта"))
        for index, report in enumerate(REPORTS):
            self.report.setItemText(index, self.tr(REPORT_LABELS[report]))
        self.report_label.setText(self.tr("Отчёт:"))
        self.stale_label.setText(self.tr("Данные о подписчиках устарели через, дней:"))
        self.file_label.setText(self.tr("Файл:"))
        self.browse.setText(self.tr("Обзор…"))
        self.scope_box.setTitle(self.tr("Что выгрузить"))
        self.by_territory.setText(self.tr("Территория со всеми входящими"))
        self.territory.setItemText(0, self.tr("Все территории"))
        self.territory_label.setText(self.tr("Территория:"))
        self.spheres_label.setText(self.tr("Сферы (все, если не отмечены):"))
        self.networks_label.setText(self.tr("Соцсети (все, если не отмечены):"))
        self.by_filter.setText(self.tr("Страницы, которые показаны сейчас (текущий фильтр)"))
        self.by_selection.setText(self.tr("Выделенные строки таблицы"))
        self.selection_label.setText(
            self.tr("Выделено страниц: {n}").format(n=len(self._selection))
        )
        self.filter_label.setText(self._filter_text())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Экспортировать"))

    @override
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _filter_text(self) -> str:
        page_filter = self._filter
        parts = []
        if page_filter.text.strip():
            parts.append(self.tr("поиск «{text}»").format(text=page_filter.text.strip()))
        flags = (
            (page_filter.no_gosmark, self.tr("без госметки")),
            (page_filter.not_connected, self.tr("не подключены")),
            (page_filter.no_widgets, self.tr("без виджетов")),
            (page_filter.stale_days is not None, self.tr("устаревшие данные")),
        )
        parts += [text for on, text in flags if on]
        if page_filter.networks:
            parts.append(", ".join(nz.NETWORK_LABELS.get(n, n) for n in page_filter.networks))
        return "; ".join(parts) or self.tr("фильтр не задан: все страницы выбранной территории")

    # --- state -------------------------------------------------------------------------------

    def _report_changed(self, *_args: object) -> None:
        self.stale_days.setEnabled(self.report.currentData() == "compliance")
        self._suggest_name()

    def _scope_changed(self, *_args: object) -> None:
        own = self.by_territory.isChecked()
        for widget in (self.territory, self.spheres, *self.networks.values()):
            widget.setEnabled(own)
        self._suggest_name()

    def _folder(self) -> Path:
        saved = self.window_.settings.qsettings.value(_LAST_FOLDER_KEY, "")
        if saved and Path(str(saved)).is_dir():
            return Path(str(saved))
        return Path(self.window_.catalogue_path).parent

    def _suggest_name(self) -> None:
        """Propose «Сводка по территориям — Курганская область — 2024-11-01.xlsx» in the last
        folder, until the user types a name of their own."""
        if getattr(self, "_user_named", False) or not hasattr(self, "file"):
            return
        report = self.report.currentData()
        where = self.territory.currentText() if self.by_territory.isChecked() else ""
        if self.by_selection.isChecked():
            where = self.tr("выделенные")
        elif self.by_filter.isChecked():
            where = self.tr("по фильтру")
        parts = [_FILE_STEMS[report], where, dt.date.today().isoformat()]
        name = " — ".join(p for p in parts if p)
        name = re.sub(r'[\\/:*?"<>|]+', " ", name)
        self.file.blockSignals(True)
        self.file.setText(str(self._folder() / f"{name}.xlsx"))
        self.file.blockSignals(False)
        if not getattr(self, "_watching", False):
            self.file.textEdited.connect(self._named_by_user)
            self._watching = True

    def _named_by_user(self, _text: str) -> None:
        self._user_named = True

    def choose_file(self) -> None:
        """Pick the output file with the system dialog (it asks about replacing a file)."""
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Сохранить отчёт"), self.file.text(), self.tr("Книга Excel (*.xlsx)")
        )
        if path:
            if not path.lower().endswith(".xlsx"):
                path += ".xlsx"
            self.file.setText(path)
            self._user_named = True
            self._confirmed = path

    def scope(self) -> Scope:
        """The scope chosen in the dialog."""
        if self.by_selection.isChecked():
            return Scope(
                PageFilter(page_ids=tuple(self._selection)),
                self.tr("выделенные страницы: {n}").format(n=len(self._selection)),
            )
        if self.by_filter.isChecked():
            return Scope(self._filter.with_(trash=False))
        spheres = []
        for row in range(self.spheres.count()):
            item = self.spheres.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                spheres.append(item.data(Qt.ItemDataRole.UserRole))
        networks = [n for n, box in self.networks.items() if box.isChecked()]
        return Scope.of(self.territory.currentData(), spheres, networks)

    # --- running -----------------------------------------------------------------------------

    def run_export(self) -> None:
        """Check the file name, then export in the background with a progress dialog."""
        text = self.file.text().strip()
        if not text:
            self._fail(self.tr("Укажите имя файла"))
            return
        path = Path(text)
        if not path.suffix:
            path = path.with_name(path.name + ".xlsx")
        force = getattr(self, "_confirmed", None) == str(path)
        try:
            check_target(path, force=True)  # refusals first; replacing is asked below
        except ExportError as error:
            self._fail(str(error))
            return
        if path.exists() and not force:
            answer = QMessageBox.question(
                self,
                self.tr("Экспорт отчёта"),
                self.tr("Файл {path} уже существует. Заменить его?").format(path=path),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
            force = True
        self.error_label.clear()
        self.setEnabled(False)
        task = Task(
            refusal_as_value(export_report, ExportError),
            path,
            self.report.currentData(),
            self.scope(),
            stale_days=self.stale_days.value(),
            force=force,
        )
        self._run(
            task,
            name="exportProgress",
            label=self.tr("Подготовка отчёта…"),
            title=self.tr("Экспорт отчёта"),
        )

    refusal = ExportError

    @override
    def cancelled_text(self) -> str:
        return self.tr("Экспорт отменён, файл не записан")

    @override
    def _succeeded(self, result) -> None:
        self.window_.settings.qsettings.setValue(_LAST_FOLDER_KEY, str(result.path.parent))
        self.window_.statusBar().showMessage(
            self.tr("Отчёт сохранён: {path}").format(path=result.path), 10_000
        )
        self._show_done(
            name="exportDone",
            title=self.tr("Экспорт отчёта"),
            text=self.tr("Отчёт сохранён в файл\n{path}\n(строк: {rows}).").format(
                path=result.path, rows=result.rows
            ),
            button=(self.tr("Открыть"), "openReport"),
            opens=lambda: open_file(result.path),
        )


def open_file(path: Path) -> bool:
    """Open a written report in the system's spreadsheet program."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


__all__ = ["ExportDialog", "ExportError", "open_file"]
