"""Finding duplicates and merging two pages field by field.

The left list holds the groups (same canonical URL, or same organisation and network); for the
chosen pair the grid shows each field of both pages, and a radio button per field picks the
value the kept page ends up with. The merge is one undo step.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from editor.commands.base import CatalogueCommand
from editor.commands.records import MergePages
from editor.core import duplicates, records
from editor.core.fields import PAGE_FIELD
from editor.core.store import Store
from editor.itemmodels.page_columns import format_value
from editor.itemmodels.roles import IdRole
from editor.ui.text_table import TextTableModel, prepare_view


def _page_label(page: records.Page) -> str:
    return f"№{page.id} · {page.organization.full_name} · {page.url or page.title}"


class DuplicatesDialog(QDialog):
    """Lists duplicate groups in a territory (descendants included) and merges pairs."""

    def __init__(
        self,
        store: Store,
        run: Callable[[CatalogueCommand], bool],
        territory_id: int | None = None,
        parent: QWidget | None = None,
        read_only: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("duplicatesDialog")
        self.setWindowTitle(self.tr("Дубликаты"))
        self.store = store
        self.run = run
        self.territory_id = territory_id
        self.read_only = read_only
        self.choices: dict[str, QButtonGroup] = {}
        self.values: dict[int, dict[str, object]] = {}
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.groups_view = QTableView(splitter)
        self.groups_view.setObjectName("duplicateGroups")
        self.groups_view.setAccessibleName(self.tr("Группы дубликатов"))
        self.groups_model = TextTableModel(
            [self.tr("Признак"), self.tr("Совпадает"), self.tr("Страниц")], [], [], self
        )
        prepare_view(self.groups_view, self.groups_model)
        right = QWidget(splitter)
        right_layout = QVBoxLayout(right)
        pair = QHBoxLayout()
        self.keep = QComboBox(right)
        self.keep.setObjectName("keepPage")
        self.keep.setAccessibleName(self.tr("Оставить страницу"))
        self.other = QComboBox(right)
        self.other.setObjectName("otherPage")
        self.other.setAccessibleName(self.tr("Объединить с ней страницу"))
        pair.addWidget(QLabel(self.tr("Оставить:"), right))
        pair.addWidget(self.keep, 1)
        pair.addWidget(QLabel(self.tr("влить:"), right))
        pair.addWidget(self.other, 1)
        right_layout.addLayout(pair)
        self.grid_host = QWidget(right)
        self.grid = QGridLayout(self.grid_host)
        scroll = QScrollArea(right)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_host)
        right_layout.addWidget(scroll, 1)
        self.note = QLabel(
            self.tr(
                "История подписчиков второй страницы переходит к первой; "
                "вторая страница уходит в корзину."
            ),
            right,
        )
        self.note.setWordWrap(True)
        right_layout.addWidget(self.note)
        splitter.addWidget(self.groups_view)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([380, 620])
        layout.addWidget(splitter, 1)
        self.status = QLabel(self)
        self.status.setObjectName("duplicatesStatus")
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.merge_button = QPushButton(self.tr("Объединить"), self)
        self.merge_button.setObjectName("mergeButton")
        buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.merge_button.clicked.connect(self.merge)
        self.groups_view.selectionModel().currentRowChanged.connect(self._group_chosen)
        self.keep.currentIndexChanged.connect(self._pair_chosen)
        self.other.currentIndexChanged.connect(self._pair_chosen)
        self.reload()
        self.resize(1000, 560)

    def reload(self) -> None:
        """Find the groups again and select the first one."""
        groups = duplicates.find(self.territory_id)
        kinds = {
            duplicates.URL: self.tr("одна ссылка"),
            duplicates.ORGANIZATION_NETWORK: self.tr("организация и соцсеть"),
        }
        self.groups_model.set_rows(
            [(kinds[g.kind], g.key, str(len(g.page_ids))) for g in groups],
            [g.page_ids for g in groups],
        )
        self.status.setText(self.tr("Найдено групп: {count}").format(count=len(groups)))
        if groups:
            self.groups_view.selectRow(0)
            self._group_chosen(self.groups_model.index(0, 0))
        else:
            self._fill_pair(())

    def _group_chosen(self, current, _previous=None) -> None:
        self._fill_pair(current.data(IdRole) if current.isValid() else ())

    def _fill_pair(self, page_ids) -> None:
        pages = records.pages_by_id(page_ids)
        self.values = {p.id: records.page_values(p) for p in pages}
        for combo, start in ((self.keep, 0), (self.other, 1)):
            combo.blockSignals(True)
            combo.clear()
            for page in pages:
                combo.addItem(_page_label(page), page.id)
            combo.setCurrentIndex(min(start, combo.count() - 1))
            combo.blockSignals(False)
        self._pair_chosen()

    def _pair_chosen(self, *_args: object) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.setParent(None)  # out of the dialog at once, not only when deleted
                widget.deleteLater()
        self.choices.clear()
        keep, other = self.keep.currentData(), self.other.currentData()
        valid = keep is not None and other is not None and keep != other
        self.merge_button.setEnabled(valid and not self.read_only)
        if not valid:
            return
        self.grid.addWidget(QLabel(self.tr("<b>Поле</b>"), self.grid_host), 0, 0)
        self.grid.addWidget(QLabel(self.tr("<b>Оставляемая</b>"), self.grid_host), 0, 1)
        self.grid.addWidget(QLabel(self.tr("<b>Вливаемая</b>"), self.grid_host), 0, 2)
        row = 1
        for name in duplicates.MERGE_FIELDS:
            spec = PAGE_FIELD[name]
            mine, theirs = self.values[keep][name], self.values[other][name]
            if mine == theirs:
                continue
            group = QButtonGroup(self.grid_host)
            self.grid.addWidget(QLabel(spec.title, self.grid_host), row, 0)
            for column, value in ((1, mine), (2, theirs)):
                button = QRadioButton(format_value(spec.kind, value) or "—", self.grid_host)
                button.setObjectName(f"take_{name}_{'keep' if column == 1 else 'other'}")
                group.addButton(button, column)
                self.grid.addWidget(button, row, column)
            # An empty value on the kept page is filled from the other one by default.
            group.button(2 if mine in (None, "") else 1).setChecked(True)
            self.choices[name] = group
            row += 1
        if row == 1:
            self.grid.addWidget(QLabel(self.tr("Все поля совпадают"), self.grid_host), 1, 0, 1, 3)
        self.grid.setRowStretch(row, 1)

    def chosen(self) -> dict[str, object]:
        """Values taken from the other page, by field."""
        other = self.other.currentData()
        return {
            name: self.values[other][name]
            for name, group in self.choices.items()
            if group.checkedId() == 2
        }

    def merge(self) -> None:
        """Merge the chosen pair, then look for the remaining duplicates."""
        keep, other = self.keep.currentData(), self.other.currentData()
        if keep is None or other is None or keep == other or self.read_only:
            return
        if self.run(MergePages(self.store, keep, other, self.chosen())):
            self.reload()
