"""The trash: deleted pages, organisations and seminars, restorable (each restore is one undo step)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from editor.commands.base import CatalogueCommand
from editor.commands.records import RestoreOrganizations, RestorePages
from editor.commands.training import RestoreSeminars
from editor.core import purge, records, training
from editor.core.normalize import NETWORK_LABELS
from editor.core.store import Store
from editor.itemmodels.roles import IdRole
from editor.ui.text_table import TextTableModel, prepare_view


def _when(stamp) -> str:
    return stamp.strftime("%d.%m.%Y %H:%M") if stamp else ""


class TrashDialog(QDialog):
    """Lists the trash; «Восстановить» pushes a restore command through `run`."""

    def __init__(
        self,
        store: Store,
        run: Callable[[CatalogueCommand], bool],
        parent: QWidget | None = None,
        read_only: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("trashDialog")
        self.setWindowTitle(self.tr("Корзина"))
        self.store = store
        self.run = run
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        self.pages_view = QTableView(self)
        self.pages_view.setObjectName("trashPages")
        self.pages_view.setAccessibleName(self.tr("Удалённые страницы"))
        self.pages_model = TextTableModel(
            [self.tr("Удалена"), self.tr("Организация"), self.tr("Соцсеть"), self.tr("Ссылка")],
            [],
            [],
            self,
        )
        prepare_view(self.pages_view, self.pages_model)
        self.organizations_view = QTableView(self)
        self.organizations_view.setObjectName("trashOrganizations")
        self.organizations_view.setAccessibleName(self.tr("Удалённые организации"))
        self.organizations_model = TextTableModel(
            [self.tr("Удалена"), self.tr("Организация"), self.tr("ОГРН")], [], [], self
        )
        prepare_view(self.organizations_view, self.organizations_model)
        self.seminars_view = QTableView(self)
        self.seminars_view.setObjectName("trashSeminars")
        self.seminars_model = TextTableModel(
            [self.tr("Удалён"), self.tr("Дата"), self.tr("Семинар")], [], [], self
        )
        prepare_view(self.seminars_view, self.seminars_model)
        self.tabs.addTab(self.pages_view, self.tr("Страницы"))
        self.tabs.addTab(self.organizations_view, self.tr("Организации"))
        self.tabs.addTab(self.seminars_view, self.tr("Семинары"))
        layout.addWidget(self.tabs)
        self.empty = QLabel(self.tr("Корзина пуста"), self)
        layout.addWidget(self.empty)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = QPushButton(self.tr("Восстановить"), self)
        self.restore_button.setObjectName("restoreButton")
        self.read_only = read_only
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.clicked.connect(self.restore_selected)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for view in (self.pages_view, self.organizations_view, self.seminars_view):
            view.selectionModel().selectionChanged.connect(self._update_button)
        self.tabs.currentChanged.connect(self._update_button)
        self.reload()
        self.resize(760, 420)

    def _current_view(self) -> QTableView:
        views = (self.pages_view, self.organizations_view, self.seminars_view)
        return views[self.tabs.currentIndex()]

    def _update_button(self, *_args: object) -> None:
        selected = self._current_view().selectionModel().hasSelection()
        self.restore_button.setEnabled(selected and not self.read_only)

    def reload(self) -> None:
        """Read the trash again."""
        pages = records.trash()
        self.pages_model.set_rows(
            [
                (
                    _when(p.deleted_at),
                    p.organization.full_name,
                    NETWORK_LABELS.get(p.network, p.network),
                    p.url or p.title,
                )
                for p in pages
            ],
            [p.id for p in pages],
        )
        organizations = purge.trashed_organizations()
        self.organizations_model.set_rows(
            [(_when(o.deleted_at), o.full_name, o.ogrn or "") for o in organizations],
            [o.id for o in organizations],
        )
        seminars = training.trashed_seminars()
        self.seminars_model.set_rows(
            [
                (_when(s.deleted_at), s.date.strftime("%d.%m.%Y") if s.date else "", s.title)
                for s in seminars
            ],
            [s.id for s in seminars],
        )
        self.empty.setVisible(not pages and not organizations and not seminars)
        self._update_button()

    def _selected(self, view: QTableView) -> list[int]:
        return [index.data(IdRole) for index in view.selectionModel().selectedRows()]

    def restore_selected(self) -> None:
        """Restore the rows selected on the current tab."""
        ids = self._selected(self._current_view())
        if not ids or self.read_only:
            return
        if self.tabs.currentIndex() == 0:
            command: CatalogueCommand = RestorePages(self.store, ids)
        elif self.tabs.currentIndex() == 2:
            command = RestoreSeminars(self.store, ids)
        else:
            command = RestoreOrganizations(self.store, ids)
        self.run(command)
        self.reload()
