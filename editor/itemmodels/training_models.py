"""Table models of the «Обучение» view: the seminars, and the participants of one seminar.

Both read whole lists from :mod:`editor.core.training` (hundreds of seminars, a few hundred
people per seminar) and reload when the store says the training records changed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from typing_extensions import override

from editor.core import training
from editor.core.store import Store
from editor.itemmodels.roles import IdRole, OrganizationIdRole, RawValueRole

_Index = QModelIndex | QPersistentModelIndex


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - lupdate looks for this name
    """Mark a constant for translation; it is translated where it is shown."""
    return text


SEMINAR_HEADERS = (
    QT_TRANSLATE_NOOP("TrainingModels", "Дата"),
    QT_TRANSLATE_NOOP("TrainingModels", "Семинар"),
    QT_TRANSLATE_NOOP("TrainingModels", "Формат"),
    QT_TRANSLATE_NOOP("TrainingModels", "Территория"),
    QT_TRANSLATE_NOOP("TrainingModels", "Участников"),
)
PARTICIPANT_HEADERS = (
    QT_TRANSLATE_NOOP("TrainingModels", "ФИО"),
    QT_TRANSLATE_NOOP("TrainingModels", "Должность"),
    QT_TRANSLATE_NOOP("TrainingModels", "Организация"),
    QT_TRANSLATE_NOOP("TrainingModels", "E-mail"),
    QT_TRANSLATE_NOOP("TrainingModels", "Телефон"),
)


def _translate(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("TrainingModels", text)


class _RowsModel(QAbstractTableModel):
    """A flat table of rows with fixed, translated column headers (`HEADERS`)."""

    HEADERS: tuple[str, ...] = ()
    _rows: list

    @override
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    @override
    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.HEADERS)

    @override
    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.HEADERS)
        ):
            return _translate(self.HEADERS[section])
        return None


class SeminarTableModel(_RowsModel):
    """Live seminars, newest first: date, title, format, territory, participants."""

    HEADERS = SEMINAR_HEADERS

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._rows: list[training.SeminarRow] = []
        store.trainingChanged.connect(self.reload)
        store.reset.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        """Read the seminars again."""
        self.beginResetModel()
        self._rows = training.seminar_rows()
        self.endResetModel()

    def seminar_id(self, row: int) -> int | None:
        """The seminar shown on a row."""
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def row_of(self, seminar_id: int) -> int | None:
        """The row of a seminar, or None."""
        return next((i for i, r in enumerate(self._rows) if r.id == seminar_id), None)

    @override
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == IdRole:
            return row.id
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                row.date.strftime("%d.%m.%Y") if row.date else "",
                row.title,
                training.format_label(row.format),
                row.territory,
                str(row.participants),
            )[column]
        if role == RawValueRole:
            return (row.date, row.title, row.format, row.territory, row.participants)[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ParticipantTableModel(_RowsModel):
    """The participants of one seminar: name, position, organisation, e-mail, phone."""

    HEADERS = PARTICIPANT_HEADERS

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.seminar: int | None = None
        self._rows: list[training.ParticipantRow] = []
        store.trainingChanged.connect(self.reload)
        store.reset.connect(self.reload)

    def show_seminar(self, seminar_id: int | None) -> None:
        """List the participants of `seminar_id` (None: nobody)."""
        self.seminar = seminar_id
        self.reload()

    def reload(self) -> None:
        """Read the list again."""
        self.beginResetModel()
        self._rows = training.participants_of(self.seminar) if self.seminar is not None else []
        self.endResetModel()

    def participant_id(self, row: int) -> int | None:
        """The participant shown on a row."""
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def organization_id(self, row: int) -> int | None:
        """The linked organisation of a row's participant."""
        return self._rows[row].organization_id if 0 <= row < len(self._rows) else None

    @override
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == IdRole:
            return row.id
        if role == OrganizationIdRole:
            return row.organization_id
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.full_name, row.position, row.organization, row.email, row.phone)[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            if row.organization_id is None and row.organization:
                return _translate("Организация не найдена в каталоге: сохранена как написано")
            if row.organization_id is not None:
                return _translate("Двойной щелчок — перейти к организации")
        if role == Qt.ItemDataRole.ForegroundRole and column == 2 and row.organization_id is None:
            from PySide6.QtGui import QBrush, QColor

            return QBrush(QColor("#8a6d3b"))
        return None
