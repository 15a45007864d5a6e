"""The sphere dictionary editor: add (at the top or under a top-level sphere), rename, delete.

Each change is an undo command; a refusal (a taken name, a sphere still in use) is shown in red
under the list.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from editor.commands.base import CatalogueCommand
from editor.commands.spheres import AddSphere, DeleteSphere, RenameSphere
from editor.core import spheres
from editor.core.store import Store
from editor.itemmodels.roles import IdRole
from editor.ui.record_dialogs import ERROR_STYLE
from editor.ui.text_table import TextTableModel, prepare_view


class SphereDialog(QDialog):
    """Lists the spheres; the name field is used by «Добавить» and «Переименовать»."""

    def __init__(
        self,
        store: Store,
        push_command: Callable[[CatalogueCommand], str | None],
        parent: QWidget | None = None,
        read_only: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sphereDialog")
        self.setWindowTitle(self.tr("Сферы"))
        self.store = store
        self.push_command = push_command
        self.read_only = read_only
        layout = QVBoxLayout(self)
        self.view = QTableView(self)
        self.view.setObjectName("sphereList")
        self.view.setAccessibleName(self.tr("Сферы"))
        self.model = TextTableModel([self.tr("Сфера")], [], [], self)
        prepare_view(self.view, self.model)
        layout.addWidget(self.view, 1)
        self.name = QLineEdit(self)
        self.name.setObjectName("sphereName")
        self.name.setAccessibleName(self.tr("Название сферы"))
        self.name.setPlaceholderText(self.tr("Название сферы"))
        layout.addWidget(self.name)
        row = QHBoxLayout()
        self.add_top = QPushButton(self.tr("Добавить сферу"), self)
        self.add_top.setObjectName("addSphere")
        self.add_child = QPushButton(self.tr("Добавить в выбранную"), self)
        self.add_child.setObjectName("addChildSphere")
        self.rename = QPushButton(self.tr("Переименовать"), self)
        self.rename.setObjectName("renameSphere")
        self.delete = QPushButton(self.tr("Удалить"), self)
        self.delete.setObjectName("deleteSphere")
        for button in (self.add_top, self.add_child, self.rename, self.delete):
            row.addWidget(button)
            button.setEnabled(not read_only)
        layout.addLayout(row)
        self.problem = QLabel(self)
        self.problem.setObjectName("sphereProblem")
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.add_top.clicked.connect(lambda: self._run(AddSphere, None))
        self.add_child.clicked.connect(lambda: self._run(AddSphere, self._top_of_selected()))
        self.rename.clicked.connect(lambda: self._run(RenameSphere, self.selected()))
        self.delete.clicked.connect(lambda: self._run(DeleteSphere, self.selected()))
        self.reload()
        self.resize(480, 520)

    def reload(self) -> None:
        """Read the dictionary again."""
        labels = spheres.labels()
        ordered = spheres.all_spheres()
        self.model.set_rows([(labels[s.id],) for s in ordered], [s.id for s in ordered])

    def selected(self) -> int | None:
        """The sphere of the current row."""
        index = self.view.currentIndex()
        return index.data(IdRole) if index.isValid() else None

    def _top_of_selected(self) -> int | None:
        chosen = self.selected()
        if chosen is None:
            return None
        top = next((s for s in spheres.all_spheres() if s.id == chosen), None)
        return top.parent_id or top.id if top is not None else None

    def _show(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def _run(self, kind, sphere_id: int | None) -> None:
        if self.read_only:
            return
        name = self.name.text()
        try:
            if kind is AddSphere:
                command = AddSphere(self.store, name, sphere_id)
            elif sphere_id is None:
                raise ValueError(self.tr("Выберите сферу в списке"))
            elif kind is RenameSphere:
                command = RenameSphere(self.store, sphere_id, name)
            else:
                command = DeleteSphere(self.store, sphere_id)
        except ValueError as error:
            self._show(str(error))
            return
        error = self.push_command(command)
        self._show(error or "")
        if not error:
            self.name.clear()
            self.reload()
