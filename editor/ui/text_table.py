"""A small read-only table model over prepared text rows, each carrying a record id (IdRole).

Dialogs use it for short lists (the trash, duplicate groups, a page's change log); the big
catalogue views have their own lazy models.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView
from typing_extensions import override

from editor.itemmodels.roles import IdRole


class TextTableModel(QAbstractTableModel):
    """Rows of texts under fixed headers; `ids[row]` is returned for IdRole."""

    def __init__(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[str]],
        ids: Sequence[object] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.headers = list(headers)
        self.rows = [list(row) for row in rows]
        self.ids = list(ids) if ids is not None else list(range(len(self.rows)))

    def set_rows(self, rows: Sequence[Sequence[str]], ids: Sequence[object]) -> None:
        """Replace every row (a full rebuild: the lists are short)."""
        self.beginResetModel()
        self.rows = [list(row) for row in rows]
        self.ids = list(ids)
        self.endResetModel()

    @override
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    @override
    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    @override
    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.rows[index.row()][index.column()]
        if role == IdRole:
            return self.ids[index.row()]
        return None

    @override
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None


def prepare_view(view: QTableView, model: TextTableModel) -> None:
    """Row selection, no row numbers, columns sized to their text, the last one stretched."""
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
