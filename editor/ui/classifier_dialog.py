"""Территории → «Загрузить классификатор…»: choose files, see what will change, apply as one step.

The preview is the load's own dry run (run in the background), so what is shown is what
applying does: new units per level, renamed ones, units transformed into successors with the
pages and organisations that move, units abolished without a successor (kept), unchanged ones.
Groups and single renames and transformations can be unticked. Applying runs in the background
with progress and cancel and becomes one undo step (:class:`ClassifierLoadCommand`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from editor.commands.classifier_load import ClassifierLoadCommand
from editor.exchange.classifiers.load import LoadCancelled, LoadResult, Selection, load_files
from editor.tasks.runner import CancelledError, Task
from editor.ui.progress_run import ProgressRun

FILE_FILTER = "Классификаторы (*.csv *.txt *.xlsx *.xlsm);;Все файлы (*)"
LISTED = 300  # names listed under a group; the rest is a count (a nationwide load has 20,000)
LEVELS = ("municipality", "settlement", "locality")
KindRole = Qt.ItemDataRole.UserRole + 1  # ("level", name) | ("rename", code) | ("transform", code)


def _job(
    paths: list[Path], selection: Selection | None, dry_run: bool, *, progress, is_cancelled
) -> LoadResult:
    """The background job: the load (or its dry run), cancellation turned into the runner's."""
    try:
        return load_files(
            paths,
            dry_run=dry_run,
            selection=selection,
            progress=progress,
            is_cancelled=is_cancelled,
        )
    except LoadCancelled as error:
        raise CancelledError(str(error)) from error


class ClassifierDialog(QDialog):
    """Load territory classifiers into the open catalogue of `main_window`."""

    def __init__(self, main_window: QWidget) -> None:
        super().__init__(main_window)
        self.setObjectName("classifierDialog")
        self.main_window = main_window
        self.synchronous = not getattr(main_window, "background", True)
        self.files: list[Path] = []
        self.preview: LoadResult | None = None
        self.result: LoadResult | None = None
        self._running: ProgressRun | None = None
        self.setWindowTitle(self.tr("Загрузка классификатора территорий"))

        self.files_label = QLabel(self)
        self.files_label.setObjectName("classifierFiles")
        self.files_label.setWordWrap(True)
        choose = QPushButton(self.tr("Выбрать файлы…"), self)
        choose.setObjectName("chooseClassifierFiles")
        choose.clicked.connect(self.choose_files)
        top = QHBoxLayout()
        top.addWidget(self.files_label, 1)
        top.addWidget(choose)

        hint = QLabel(
            self.tr(
                "Файл ОКТМО Росстата (CSV), список муниципальных образований (xlsx/csv) или "
                "таблица «код ОКТМО; название». Снимите отметку с того, что загружать не нужно."
            ),
            self,
        )
        hint.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("classifierPreview")
        self.tree.setHeaderLabels(
            [self.tr("Что изменится"), self.tr("Страниц"), self.tr("Организаций")]
        )
        self.tree.setColumnWidth(0, 700)
        self.tree.itemChanged.connect(self._item_changed)
        self.summary = QLabel(self)
        self.summary.setObjectName("classifierSummary")
        self.summary.setWordWrap(True)

        self.buttons = QDialogButtonBox(self)
        self.apply_button = self.buttons.addButton(
            self.tr("Загрузить"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.apply_button.setObjectName("applyClassifier")
        self.apply_button.setEnabled(False)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.files_label.setText(self.tr("Файлы не выбраны"))
        self.resize(1000, 640)

    # --- files and preview -----------------------------------------------------------------

    def choose_files(self) -> None:
        """Ask for classifier files, then preview them."""
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Файлы классификатора"), "", self.tr(FILE_FILTER)
        )
        if names:
            self.set_files([Path(name) for name in names])

    def set_files(self, paths: list[Path]) -> None:
        """Preview loading `paths` (the dry run of the load, in the background)."""
        self.files = list(paths)
        self.files_label.setText("; ".join(path.name for path in self.files))
        self.preview = None
        self.tree.clear()
        self.apply_button.setEnabled(False)
        self._run(dry_run=True, done=self._show_preview)

    def _show_preview(self, result: LoadResult) -> None:
        self.preview = result
        self.tree.blockSignals(True)
        self.tree.clear()
        labels = {
            "municipality": self.tr("Новые муниципальные образования"),
            "settlement": self.tr("Новые поселения"),
            "locality": self.tr("Новые населённые пункты"),
        }
        for level in LEVELS:
            items = [(code, name) for lvl, code, name in result.created_items if lvl == level]
            if items:
                group = self._group(f"{labels[level]}: {len(items)}", ("level", level))
                self._list(group, [f"{name} ({code})" for code, name in items])
        if result.renamed_items:
            group = self._group(
                self.tr("Переименованы: {n}").format(n=len(result.renamed_items)), ("group", "")
            )
            for code, old, new in result.renamed_items:
                self._checkable(group, f"{old} → {new} ({code})", ("rename", code))
        if result.transformed:
            group = self._group(
                self.tr("Преобразованы (страницы и организации переходят к преемнику): {n}").format(
                    n=len(result.transformed)
                ),
                ("group", ""),
            )
            # Units whose pages move come first: they are what the user checks.
            for item in sorted(result.transformed, key=lambda t: (-t.pages, -t.organizations)):
                row = self._checkable(
                    group,
                    f"{item.old_name} ({item.old_code}) → {item.new_name} ({item.new_code})",
                    ("transform", item.old_code),
                )
                row.setText(1, str(item.pages))
                row.setText(2, str(item.organizations))
        if result.kept:
            group = QTreeWidgetItem(
                self.tree,
                [
                    self.tr("Упразднены без преемника — остаются в дереве: {n}").format(
                        n=len(result.kept)
                    )
                ],
            )
            for unit in result.kept:
                QTreeWidgetItem(
                    group, [f"{unit.name} ({unit.code})", str(unit.pages), str(unit.organizations)]
                )
        QTreeWidgetItem(self.tree, [self.tr("Без изменений: {n}").format(n=result.unchanged)])
        self.tree.blockSignals(False)
        self.summary.setText(result.summary(names=False))
        self.apply_button.setEnabled(result.changed)

    def _group(self, text: str, kind: tuple[str, str]) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self.tree, [text])
        flags = item.flags() | Qt.ItemFlag.ItemIsUserCheckable
        if kind[0] == "group":  # ticks its checkable children; a level's names are a list only
            flags |= Qt.ItemFlag.ItemIsAutoTristate
        item.setFlags(flags)
        item.setCheckState(0, Qt.CheckState.Checked)
        item.setData(0, KindRole, kind)
        return item

    def _checkable(
        self, parent: QTreeWidgetItem, text: str, kind: tuple[str, str]
    ) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [text])
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(0, Qt.CheckState.Checked)
        item.setData(0, KindRole, kind)
        return item

    def _list(self, parent: QTreeWidgetItem, texts: list[str]) -> None:
        for text in texts[:LISTED]:
            QTreeWidgetItem(parent, [text])
        if len(texts) > LISTED:
            QTreeWidgetItem(parent, [self.tr("… и ещё {n}").format(n=len(texts) - LISTED)])

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        # A level left out takes the deeper levels with it: their parents would be missing.
        kind = item.data(0, KindRole)
        if column != 0 or not kind or kind[0] != "level":
            return
        if item.checkState(0) == Qt.CheckState.Unchecked:
            deeper = LEVELS[LEVELS.index(kind[1]) + 1 :]
            for group in self._groups():
                if group.data(0, KindRole) and group.data(0, KindRole)[1] in deeper:
                    group.setCheckState(0, Qt.CheckState.Unchecked)

    def _groups(self) -> list[QTreeWidgetItem]:
        return [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]

    def selection(self) -> Selection:
        """What is left unticked in the preview."""
        chosen = Selection()
        for group in self._groups():
            kind = group.data(0, KindRole)
            if kind and kind[0] == "level" and group.checkState(0) == Qt.CheckState.Unchecked:
                chosen.skip_levels.add(kind[1])
            for index in range(group.childCount()):
                child = group.child(index)
                kind = child.data(0, KindRole)
                if not kind or child.checkState(0) != Qt.CheckState.Unchecked:
                    continue
                if kind[0] == "rename":
                    chosen.skip_renames.add(kind[1])
                elif kind[0] == "transform":
                    chosen.skip_transforms.add(kind[1])
        return chosen

    # --- applying --------------------------------------------------------------------------

    def apply(self) -> None:
        """Load the files with the ticked changes in the background; one undo step."""
        if self.preview is None or self._running is not None:
            return
        if getattr(self.main_window, "read_only", False):
            self.main_window.show_error(self.tr("Каталог открыт только для чтения"))
            return
        self._run(dry_run=False, done=self._applied, selection=self.selection())

    def _applied(self, result: LoadResult) -> None:
        self.result = result
        window = self.main_window
        if result.undo is not None:
            window.undo_stack.push(ClassifierLoadCommand(window.store, result.undo))
            window.store.reset.emit()
        window.statusBar().showMessage(result.summary(names=False), 15_000)
        self.accept()

    def _run(
        self,
        *,
        dry_run: bool,
        done: Callable[[LoadResult], None],
        selection: Selection | None = None,
    ) -> None:
        run = ProgressRun(
            self,
            Task(_job, list(self.files), selection, dry_run),
            name="classifierProgress",
            label=self.tr("Проверка файлов…") if dry_run else self.tr("Загрузка классификатора…"),
        )
        self._running = run
        run.start(
            finished=lambda result: self._ended(done, result),
            failed=lambda message: self._ended(self._failed, message),
            cancelled=lambda: self._ended(
                self.summary.setText, self.tr("Загрузка отменена: каталог не изменён")
            ),
            synchronous=self.synchronous,
        )

    def _ended(self, then: Callable, *args: object) -> None:
        self._running = None
        then(*args)

    def _failed(self, message: str) -> None:
        self.summary.setText(message)
        self.main_window.show_error(message)

    @override
    def reject(self) -> None:  # noqa: D102 - Qt override
        if self._running is not None:
            self._running.cancel()  # the load rolls back; the dialog closes afterwards
            return
        super().reject()


def open_dialog(main_window: QWidget) -> ClassifierDialog:
    """Show the dialog (non-blocking) and return it."""
    dialog = ClassifierDialog(main_window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
