"""The pages of the import wizard after the first: mapping, territories, dry run, result.

The mapping page shows how each header was understood and lets the user correct it; a corrected
mapping is remembered for the next file with the same set of headers. The territory page lists
the texts that matched no territory or several; the review page shows the dry run's change set
with checkboxes, and «Сохранить ошибки в Excel…».
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWizardPage,
)
from typing_extensions import override

from editor.core import territories
from editor.core.fields import to_log_text
from editor.exchange.columns import COLUMNS, header_key, map_headers
from editor.exchange.importing.engine import open_source, pack
from editor.exchange.importing.report import NEW, UNCHANGED, UPDATED, ImportReport
from editor.ui import import_suggestions
from editor.ui.import_session import REVIEW_PAGE, TERRITORY_PAGE, ImportSession
from editor.ui.settings import Settings, _Setting

DISPLAY_LIMIT = 2000  # rows shown per group of the change set
_ROW_REF = Qt.ItemDataRole.UserRole


class ImportSettings:
    """The wizard's own settings, kept with the editor's (same QSettings)."""

    # Header-set key → {header: field} the user chose for files with those headers.
    mappings = _Setting("import/mappings", dict, {})

    def __init__(self, settings: Settings | None) -> None:
        self.qsettings = (settings or Settings()).qsettings


def mapping_key(headers: list[str]) -> str:
    """The key of a set of headers (order and spelling aside)."""
    keys = sorted({header_key(h) for h in headers if header_key(h)})
    return hashlib.sha1("|".join(keys).encode()).hexdigest()[:16]


def _plain(value: object) -> str:
    text = to_log_text(value)
    return "—" if text in (None, "") else text


def _table(page: QWizardPage, name: str, headers: list[str]) -> QTableWidget:
    """A step's table: one column per header, the last one stretched, no row numbers."""
    table = QTableWidget(0, len(headers), page)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().hide()
    return table


class MappingPage(QWizardPage):
    """Step 2: each file's headers and the fields they fill; drop-downs correct the mapping."""

    def __init__(self, wizard: ImportSession) -> None:
        super().__init__(wizard)
        self.wizard_ = wizard
        self.setTitle(self.tr("Столбцы"))
        self.setSubTitle(
            self.tr(
                "Проверьте, какие поля каталога заполняют столбцы файлов. "
                "Исправленное сопоставление запомнится для таких же таблиц."
            )
        )
        self.table = _table(
            self, "mappingTable", [self.tr("Файл"), self.tr("Заголовок"), self.tr("Поле каталога")]
        )
        self.error = QLabel(self)
        self.error.setObjectName("mappingError")
        self.error.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.error)
        self.settings = ImportSettings(getattr(wizard.main_window, "settings", None))
        self.files: list[tuple[Path, list[str], dict[int, str]]] = []
        self._ready = False

    @override
    def initializePage(self) -> None:  # noqa: N802 - Qt override
        self.files = []
        self.error.clear()
        self.table.setRowCount(0)
        remembered = self.settings.mappings
        for path in self.wizard_.files:
            try:
                headers, mapping, kind = self._read(path, None)
                chosen = remembered.get(mapping_key(headers))
                if chosen and kind != "catalogue":
                    self.wizard_.overrides.update(chosen)
                    headers, mapping, kind = self._read(path, self.wizard_.overrides)
            except Exception as error:  # noqa: BLE001 - a file that cannot be read is shown
                self.error.setText(str(error))
                self.files = []
                break
            self.files.append((path, headers, mapping))
            if kind != "catalogue":
                self._add_rows(path, headers, mapping)
        self.table.resizeColumnsToContents()
        self.completeChanged.emit()

    @staticmethod
    def _read(path: Path, overrides) -> tuple[list[str], dict[int, str], str]:
        kind, table = open_source(path, overrides)
        try:
            return list(table.headers), dict(table.mapping), kind
        finally:
            table.close()

    def _add_rows(self, path: Path, headers: list[str], mapping: dict[int, str]) -> None:
        for index, header in enumerate(headers):
            if not header:
                continue
            row = self.table.rowCount()
            self.table.insertRow(row)
            self.table.setItem(row, 0, QTableWidgetItem(path.name))
            self.table.setItem(row, 1, QTableWidgetItem(header))
            combo = QComboBox(self.table)
            combo.addItem(self.tr("— не импортировать —"), "")
            for column in COLUMNS:
                combo.addItem(column.header, column.field)
            combo.setCurrentIndex(max(combo.findData(mapping.get(index, "")), 0))
            combo.currentIndexChanged.connect(
                lambda _i, h=header, c=combo: self._chosen(h, c.currentData())
            )
            self.table.setCellWidget(row, 2, combo)

    def _chosen(self, header: str, field: str) -> None:
        self.wizard_.overrides[header] = field

    def field_combo(self, header: str) -> QComboBox | None:
        """The drop-down of a header (first file that has it)."""
        for row in range(self.table.rowCount()):
            if self.table.item(row, 1).text() == header:
                return self.table.cellWidget(row, 2)  # type: ignore[return-value]
        return None

    @override
    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return bool(self.files)

    @override
    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        if self._ready:
            self._ready = False
            return True
        if self.wizard_.busy():
            return False
        try:
            map_headers([], self.wizard_.overrides)
        except ValueError as error:
            self.error.setText(str(error))
            return False
        self._remember()
        self.wizard_.assignments = {}
        self.wizard_.run(dry_run=True, done=self._planned)
        return False

    def _remember(self) -> None:
        remembered = dict(self.settings.mappings)
        for _path, headers, _mapping in self.files:
            keys = {header_key(h) for h in headers}
            chosen = {h: f for h, f in self.wizard_.overrides.items() if header_key(h) in keys}
            if chosen:
                remembered[mapping_key(headers)] = chosen
        self.settings.mappings = remembered

    def _planned(self, report: ImportReport) -> None:
        self.wizard_.report = report
        self._ready = True
        self.wizard_.advance_later()

    @override
    def nextId(self) -> int:  # noqa: N802 - Qt override
        report = self.wizard_.report
        return TERRITORY_PAGE if report is not None and report.unresolved else REVIEW_PAGE


class TerritoryPage(QWizardPage):
    """Step 3: territory texts that matched nothing or several territories: assign or skip."""

    def __init__(self, wizard: ImportSession) -> None:
        super().__init__(wizard)
        self.wizard_ = wizard
        self.setTitle(self.tr("Территории"))
        self.setSubTitle(
            self.tr(
                "Эти территории не найдены или неоднозначны. Выберите "
                "территорию или пропустите их строки."
            )
        )
        self.table = _table(
            self,
            "territoryTable",
            [self.tr("В файле"), self.tr("Строк"), self.tr("Территория каталога")],
        )
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.suggest = QPushButton(self)
        self.suggest.setObjectName("acceptSuggestions")
        self.suggest.clicked.connect(self.accept_suggestions)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.suggest, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.error)
        self.keys: list[str] = []
        self.suggestions = import_suggestions.Suggestions()
        self._ready = False

    @override
    def initializePage(self) -> None:  # noqa: N802 - Qt override
        report = self.wizard_.report
        self.table.setRowCount(0)
        self.keys = []
        if report is None:
            return
        self.suggestions = found = import_suggestions.suggest(report)
        self.suggest.setText(
            self.tr("Принять предложения: остальные строки файла — в «{region}»").format(
                region=found.region
            )
        )
        self.suggest.setVisible(bool(found.chosen))
        for key, entry in report.unresolved.items():
            row = self.table.rowCount()
            self.table.insertRow(row)
            self.keys.append(key)
            self.table.setItem(row, 0, QTableWidgetItem(entry.text))
            self.table.setItem(row, 1, QTableWidgetItem(str(entry.rows)))
            combo = QComboBox(self.table)
            combo.setEditable(True)
            combo.addItem(self.tr("— пропустить эти строки —"), None)
            import_suggestions.fill_combo(combo, entry.candidates, found, key)
            combo.setCurrentIndex(0)
            combo.setToolTip(self.tr("Выберите из списка или введите ОКТМО или путь"))
            self.table.setCellWidget(row, 2, combo)
        self.table.resizeColumnsToContents()

    def accept_suggestions(self) -> None:
        """Choose the suggested candidate for every text that has one."""
        import_suggestions.accept_all({key: self.combo(key) for key in self.keys}, self.suggestions)

    def combo(self, key: str) -> QComboBox:
        """The drop-down of one unresolved text."""
        return self.table.cellWidget(self.keys.index(key), 2)  # type: ignore[return-value]

    @override
    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        if self._ready:
            self._ready = False
            return True
        if self.wizard_.busy():
            return False
        assignments: dict[str, int | None] = {}
        for key in self.keys:
            combo = self.combo(key)
            index = combo.findText(combo.currentText())
            if index >= 0:
                assignments[key] = combo.itemData(index)
                continue
            try:
                assignments[key] = territories.resolve(
                    combo.currentText(), self.wizard_.target_id
                ).id
            except territories.TerritoryError as error:
                self.error.setText(str(error))
                return False
        self.wizard_.assignments = assignments
        self.wizard_.run(dry_run=True, done=self._planned)
        return False

    def _planned(self, report: ImportReport) -> None:
        self.wizard_.report = report
        self._ready = True
        self.wizard_.advance_later()


class ReviewPage(QWizardPage):
    """Step 4: the dry run's change set; unticked rows are left out of the import."""

    def __init__(self, wizard: ImportSession) -> None:
        super().__init__(wizard)
        self.wizard_ = wizard
        self.setTitle(self.tr("Проверка изменений"))
        self.setSubTitle(
            self.tr(
                "Ничего ещё не записано. Снимите отметки со строк, которые не нужно импортировать."
            )
        )
        self.setCommitPage(True)
        self.setButtonText(wizard.WizardButton.CommitButton, self.tr("Импортировать"))
        self.summary = QLabel(self)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("changeTree")
        self.tree.setHeaderLabels(
            [
                self.tr("Где"),
                self.tr("Организация / поле"),
                self.tr("Было"),
                self.tr("Стало / причина"),
            ]
        )
        self.save_errors = QPushButton(self.tr("Сохранить ошибки в Excel…"), self)
        self.save_errors.setObjectName("saveErrors")
        self.save_errors.clicked.connect(self._save_errors)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.save_errors)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree)
        layout.addLayout(buttons)
        self.groups: dict[str, QTreeWidgetItem] = {}
        self._ready = False

    @override
    def initializePage(self) -> None:  # noqa: N802 - Qt override
        report = self.wizard_.report
        self.tree.clear()
        self.groups = {}
        if report is None:
            return
        self.summary.setText(
            self.tr(
                "Строк: {rows}. Новых: {new}, изменённых: {updated}, без изменений: {unchanged}, "
                "отклонено: {rejected}, пропущено: {skipped}."
            ).format(
                rows=report.rows,
                new=report.new,
                updated=report.updated,
                unchanged=report.unchanged,
                rejected=report.rejected,
                skipped=report.skipped,
            )
        )
        self.save_errors.setEnabled(bool(report.rejections or report.skipped_rows))
        self._changes(report)
        self._rejections(report)
        if report.skipped_rows:
            group = self._group(
                "skipped", self.tr("Пропущенные: {n}").format(n=report.skipped), checkable=False
            )
            import_suggestions.skipped_group(report, group, DISPLAY_LIMIT)
        self._notices(report)
        for group in self.groups.values():
            group.setExpanded(group.childCount() <= 50)
        self.tree.resizeColumnToContents(0)

    def _group(self, key: str, text: str, *, checkable: bool) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self.tree, [text])
        font = QFont(item.font(0))
        font.setBold(True)
        item.setFont(0, font)
        item.setFirstColumnSpanned(True)
        if checkable:
            item.setFlags(
                item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsAutoTristate
            )
            item.setCheckState(0, Qt.CheckState.Checked)
        self.groups[key] = item
        return item

    def _more(self, group: QTreeWidgetItem, shown: int, total: int) -> None:
        if total > shown:
            QTreeWidgetItem(group, ["", self.tr("… и ещё {count}").format(count=total - shown)])

    def _changes(self, report: ImportReport) -> None:
        totals = {NEW: report.new, UPDATED: report.updated, UNCHANGED: report.unchanged}
        titles = {
            NEW: self.tr("Новые: {n}"),
            UPDATED: self.tr("Изменённые: {n}"),
            UNCHANGED: self.tr("Без изменений: {n}"),
        }
        shown = dict.fromkeys(totals, 0)
        for kind in (NEW, UPDATED, UNCHANGED):
            self._group(kind, titles[kind].format(n=totals[kind]), checkable=kind != UNCHANGED)
        for change in report.changes:
            if shown[change.kind] >= DISPLAY_LIMIT:
                continue
            shown[change.kind] += 1
            item = QTreeWidgetItem(
                self.groups[change.kind],
                [report.place(change.file_index, change.row), change.organization, "", change.url],
            )
            if change.kind != UNCHANGED:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(0, Qt.CheckState.Checked)
                item.setData(0, _ROW_REF, pack(change.file_index, change.row))
            if change.kind == UPDATED:
                for diff in change.diffs:
                    QTreeWidgetItem(item, ["", diff.label, _plain(diff.old), _plain(diff.new)])
        for kind, total in totals.items():
            self._more(self.groups[kind], shown[kind], total)

    def _rejections(self, report: ImportReport) -> None:
        group = self._group(
            "rejected", self.tr("Отклонённые: {n}").format(n=report.rejected), checkable=False
        )
        for rejection in report.rejections[:DISPLAY_LIMIT]:
            for problem in rejection.problems:
                where = report.place(rejection.file_index, rejection.row)
                column = (
                    self.tr("«{column}»: {value}").format(
                        column=problem.column, value=_plain(problem.value)
                    )
                    if problem.column
                    else ""
                )
                QTreeWidgetItem(group, [where, column, "", problem.reason])
        self._more(group, min(report.rejected, DISPLAY_LIMIT), report.rejected)

    def _notices(self, report: ImportReport) -> None:
        total = len(report.notices) + report.notices_dropped
        group = self._group(
            "notices", self.tr("Предупреждения: {n}").format(n=total), checkable=False
        )
        for notice in report.notices[:DISPLAY_LIMIT]:
            QTreeWidgetItem(
                group,
                [report.place(notice.file_index, notice.row), notice.column, "", notice.message],
            )
        self._more(group, min(len(report.notices), DISPLAY_LIMIT), total)

    def unticked(self) -> set[int]:
        """Rows the user left out (file index and row packed)."""
        refs: set[int] = set()
        for kind in (NEW, UPDATED):
            group = self.groups.get(kind)
            if group is None:
                continue
            for index in range(group.childCount()):
                item = group.child(index)
                ref = item.data(0, _ROW_REF)
                if ref is not None and item.checkState(0) == Qt.CheckState.Unchecked:
                    refs.add(int(ref))
        return refs

    def _save_errors(self) -> None:
        report = self.wizard_.report
        if report is None:
            return
        first = Path(report.files[0].path) if report.files else Path("ошибки.xlsx")
        suggested = str(first.with_name(first.stem + " — ошибки.xlsx"))
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Сохранить ошибки"), suggested, self.tr("Книга Excel (*.xlsx)")
        )
        if not name:
            return
        from editor.exchange.importing.rejected import write_rejections

        try:
            count = write_rejections(report, name)
        except OSError as error:
            QMessageBox.warning(self, self.title(), str(error))
            return
        self.summary.setText(
            self.summary.text()
            + " "
            + self.tr("Отклонённые строки ({count}) сохранены в {path}.").format(
                count=count, path=name
            )
        )

    @override
    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        if self._ready:
            self._ready = False
            return True
        if self.wizard_.busy():
            return False
        self.wizard_.exclusions = self.unticked()
        self.wizard_.apply(self._applied)
        return False

    def _applied(self) -> None:
        self._ready = True
        self.wizard_.advance_later()


class ResultPage(QWizardPage):
    """Step 5: what was written, and how to take it back."""

    def __init__(self, wizard: ImportSession) -> None:
        super().__init__(wizard)
        self.wizard_ = wizard
        self.setTitle(self.tr("Импорт выполнен"))
        self.text = QLabel(self)
        self.text.setObjectName("importResult")
        self.text.setWordWrap(True)
        QVBoxLayout(self).addWidget(self.text)

    @override
    def initializePage(self) -> None:  # noqa: N802 - Qt override
        report = self.wizard_.result
        if report is None:
            return
        trashed = ""
        if report.trashed_organizations or report.trashed_pages:
            # An offline copy brought back: what it deleted is now in the trash.
            trashed = " " + self.tr(
                "Удалено в копии и перенесено в корзину: организаций {orgs}, страниц {pages}."
            ).format(orgs=report.trashed_organizations, pages=report.trashed_pages)
        self.text.setText(
            self.tr(
                "Пакет импорта №{batch}. Новых строк: {new}, изменённых: {updated}, без изменений: "
                "{unchanged}, отклонено: {rejected}, пропущено: {skipped}. Добавлено организаций: "
                "{orgs}, страниц: {pages}.{trashed}\n\nОтменить весь импорт: Правка → Отменить."
            ).format(
                batch=report.batch_id,
                new=report.new,
                updated=report.updated,
                unchanged=report.unchanged,
                rejected=report.rejected,
                skipped=report.skipped,
                orgs=report.new_organizations,
                pages=report.new_pages,
                trashed=trashed,
            )
        )
