"""The page table's cell delegate: the field's own editor in each editable cell."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget
from typing_extensions import override

from editor.core.fields import FieldSpec
from editor.itemmodels.page_columns import COLUMN_INDEX
from editor.ui.field_editors import ChoiceEditor, LineEditor, create_editor


def _spec(index: QModelIndex | QPersistentModelIndex) -> FieldSpec | None:
    """The field a cell edits, from the page model's column table."""
    columns = getattr(index.model(), "columns", None)
    if columns is None or not 0 <= index.column() < len(columns):
        return None
    return columns[index.column()].field


class PageItemDelegate(QStyledItemDelegate):
    """Creates drop-downs for coded fields and checked line editors for the rest."""

    @override
    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        spec = _spec(index)
        if spec is None:
            return super().createEditor(parent, option, index)
        editor = create_editor(spec, parent)
        if isinstance(editor, LineEditor) and spec.kind == "url":
            network_column = COLUMN_INDEX["network"]
            editor.network = index.siblingAtColumn(network_column).data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, ChoiceEditor):
            # One click opens the list; choosing a value stores it at once.
            editor.activated.connect(lambda _i, e=editor: self.commitData.emit(e))
        return editor

    @override
    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, ChoiceEditor | LineEditor):
            editor.set_value(index.data(Qt.ItemDataRole.EditRole))
            return
        super().setEditorData(editor, index)

    @override
    def setModelData(
        self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        if isinstance(editor, ChoiceEditor | LineEditor):
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)
