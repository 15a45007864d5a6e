"""The import wizard: files and target → column mapping → territories → dry run → apply → result.

The wizard is a face of `editor.exchange.importing.engine.run_import`: every step that reads the files
(the dry run, the import itself) runs in the background with a progress dialog (percent, rows,
time left, Cancel). Applying makes a backup first, then pushes one `ImportBatchCommand`, so the
whole import is one undo step.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)
from typing_extensions import override

from editor.commands.import_batch import ImportBatchCommand
from editor.core import territories
from editor.exchange.importing.engine import ImportCancelled, ImportOptions, run_import
from editor.exchange.importing.report import ImportReport
from editor.tasks.runner import CancelledError, Task
from editor.ui import import_suggestions
from editor.ui.import_pages import MappingPage, ResultPage, ReviewPage, TerritoryPage
from editor.ui.import_session import (
    FILES_PAGE,
    MAPPING_PAGE,
    RESULT_PAGE,
    REVIEW_PAGE,
    TERRITORY_PAGE,
)
from editor.ui.progress_run import ProgressRun

FILE_FILTER = (
    "Таблицы и каталоги (*.xlsx *.xlsm *.xls *.xlsb *.ods *.csv *.txt *.gpc);;Все файлы (*)"
)


def _job(paths: list[Path], options: ImportOptions, *, progress, is_cancelled) -> ImportReport:
    """The background job: the engine, with its cancellation turned into the runner's."""
    try:
        return run_import(paths, options, progress=progress, is_cancelled=is_cancelled)
    except ImportCancelled as error:
        raise CancelledError(str(error)) from error


class FilesPage(QWizardPage):
    """Step 1: the files to import and the territory they belong to."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wizard_ = wizard
        self.setTitle(self.tr("Файлы для импорта"))
        self.setSubTitle(
            self.tr(
                "Таблицы муниципалитетов (.xlsx, .xls, .ods, .csv) или другой каталог; "
                "строки без территории попадут в выбранную территорию."
            )
        )
        self.list = QListWidget(self)
        self.list.setObjectName("importFiles")
        add = QPushButton(self.tr("Добавить файлы…"), self)
        add.setObjectName("addFiles")
        add.clicked.connect(self._choose)
        remove = QPushButton(self.tr("Убрать"), self)
        remove.clicked.connect(self._remove)
        self.target = QLineEdit(self)
        self.target.setObjectName("importTarget")
        self.target.setPlaceholderText(self.tr("ОКТМО, название или путь «Область/Округ»"))
        self.target.textChanged.connect(self._target_changed)
        self.error = QLabel(self)
        self.error.setObjectName("targetError")
        self.error.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(self.tr("Территория импорта:"), self))
        self.target.setCompleter(import_suggestions.target_completer(self))
        pick = QPushButton(self.tr("Выбрать в дереве…"), self)
        pick.setObjectName("pickTarget")
        pick.clicked.connect(self._pick_target)
        target_row = QHBoxLayout()
        target_row.addWidget(self.target, 1)
        target_row.addWidget(pick)
        layout.addLayout(target_row)
        layout.addWidget(self.error)
        if wizard.target_id is not None:
            self.target.setText(territories.path_of(wizard.target_id))

    def add_files(self, paths: list[str | Path]) -> None:
        """Add files to the list (the dialog's choice, or a test's)."""
        for path in paths:
            path = Path(path)
            if path not in self.wizard_.files:
                self.wizard_.files.append(path)
                self.list.addItem(str(path))
        self.completeChanged.emit()

    def _choose(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Файлы для импорта"), "", self.tr(FILE_FILTER)
        )
        self.add_files(names)

    def _remove(self) -> None:
        for item in self.list.selectedItems():
            self.wizard_.files.remove(Path(item.text()))
            self.list.takeItem(self.list.row(item))
        self.completeChanged.emit()

    def _pick_target(self) -> None:
        window = self.wizard_.main_window
        current = self.wizard_.target_id
        chosen = import_suggestions.pick_territory(window, current)
        if chosen is not None:
            self.target.setText(territories.path_of(chosen))

    def _target_changed(self) -> None:
        self.error.clear()
        self.completeChanged.emit()

    @override
    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return bool(self.wizard_.files)

    @override
    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        text = self.target.text().strip()
        if not text:
            self.wizard_.target_id = None
            return True
        try:
            self.wizard_.target_id = territories.resolve(text).id
        except territories.TerritoryError as error:
            self.error.setText(str(error))
            return False
        return True


class ImportWizard(QWizard):
    """The import wizard over `main_window` (its store, undo stack, settings and territory)."""

    def __init__(self, main_window) -> None:
        super().__init__(main_window)
        self.setObjectName("importWizard")
        self.setWindowTitle(self.tr("Импорт таблиц"))
        self.main_window = main_window
        self.files: list[Path] = []
        # Rows without a territory go to the selected one, or to the catalogue's home region
        # when the selection lies above the subjects (rows landed at the root of Russia).
        first_steps = getattr(main_window, "first_steps", None)
        self.target_id: int | None = import_suggestions.default_target(
            main_window.current_territory_id(),
            first_steps.home_region_id() if first_steps is not None else None,
        )
        self.overrides: dict[str, str] = {}
        self.assignments: dict[str, int | None] = {}
        self.exclusions: set[int] = set()
        self.report: ImportReport | None = None  # the latest dry run
        self.result: ImportReport | None = None  # what was applied
        self.synchronous = not getattr(main_window, "background", True)
        self._running: ProgressRun | None = None
        self.setPage(FILES_PAGE, FilesPage(self))
        self.setPage(MAPPING_PAGE, MappingPage(self))
        self.setPage(TERRITORY_PAGE, TerritoryPage(self))
        self.setPage(REVIEW_PAGE, ReviewPage(self))
        self.setPage(RESULT_PAGE, ResultPage(self))
        self.resize(900, 620)

    def options(self, *, dry_run: bool) -> ImportOptions:
        """The engine's options for the choices made so far."""
        return ImportOptions(
            target_id=self.target_id,
            overrides=dict(self.overrides) or None,
            dry_run=dry_run,
            assignments=dict(self.assignments),
            exclusions=frozenset(self.exclusions) if not dry_run else frozenset(),
            row_limit=20_000,
            detail_limit=20_000,
        )

    # --- background runs -------------------------------------------------------------------

    def busy(self) -> bool:
        """Whether a dry run or the import is running."""
        return self._running is not None

    def run(self, *, dry_run: bool, done: Callable[[ImportReport], None]) -> None:
        """Run the engine in the background with a progress dialog; `done(report)` on success."""
        if self._running is not None:
            return
        run = ProgressRun(
            self,
            Task(_job, list(self.files), self.options(dry_run=dry_run)),
            name="importProgress",
            label=self.tr("Пробный импорт…") if dry_run else self.tr("Импорт…"),
            title=self.tr("Импорт таблиц"),
            minimum_duration=0,
        )
        self._running = run
        run.start(
            finished=lambda report: self._ended(done, report),
            failed=lambda message: self._ended(self.main_window.show_error, message),
            cancelled=lambda: self._ended(
                self.main_window.show_error, self.tr("Импорт отменён: каталог не изменён")
            ),
            synchronous=self.synchronous,
            show=True,
        )

    def _ended(self, then: Callable, *args: object) -> None:
        self._running = None
        then(*args)

    # --- applying --------------------------------------------------------------------------

    def apply(self, done: Callable[[], None]) -> None:
        """Back up the catalogue, import in the background, push the undo step."""
        if self.main_window.read_only:
            self.main_window.show_error(self.tr("Каталог открыт только для чтения"))
            return
        if not self._backup():
            return

        def applied(report: ImportReport) -> None:
            self.result = report
            if report.batch_id is not None:
                window = self.main_window
                window.undo_stack.push(ImportBatchCommand(window.store, report.batch_id))
                window.store.reset.emit()
            done()

        self.run(dry_run=False, done=applied)

    def _backup(self) -> bool:
        from editor.core.backup import make_backup
        from editor.core.server import is_server

        path = getattr(self.main_window, "catalogue_path", None) or self.main_window.store.path
        if not path or is_server(str(path)):  # a server keeps its own backups
            return True
        try:
            make_backup(Path(path), "import")
        except OSError as error:
            QMessageBox.warning(
                self,
                self.windowTitle(),
                self.tr("Не удалось сделать резервную копию перед импортом: {error}").format(
                    error=error
                ),
            )
            return False
        return True

    @override
    def reject(self) -> None:  # noqa: D102 - Qt override
        if self._running is not None:
            # Closing while the worker runs: stop it first (it rolls back), close afterwards.
            self._running.cancel()
            return
        super().reject()

    def advance_later(self) -> None:
        """Go to the next page once the current handler has returned."""
        QTimer.singleShot(0, self.next)
