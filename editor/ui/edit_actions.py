"""The editing actions of the main window: add, duplicate and delete records, the trash, bulk
edit, duplicates, the change log, and the territory tree's add / rename / delete.

`install(window)` creates the actions, puts them into the window's menus and into the page
table's and the tree's context menus, and keeps them disabled while the catalogue is read-only.
Every change goes through an undo command pushed on the window's undo stack.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QWidget

from editor.commands.base import CatalogueCommand, push
from editor.commands.records import (
    AddOrganization,
    AddPage,
    BulkEditPages,
    DeletePages,
    DuplicatePage,
)
from editor.commands.territory import AddTerritory, DeleteTerritory, RenameTerritory
from editor.core import purge, records, territories
from editor.core.normalize import NormalizeError
from editor.ui.bulk_edit import BulkEditDialog
from editor.ui.duplicates_dialog import DuplicatesDialog
from editor.ui.history_dialog import HistoryDialog
from editor.ui.record_dialogs import NewOrganizationDialog, NewPageDialog
from editor.ui.sphere_dialog import SphereDialog
from editor.ui.territory_dialogs import (
    AddTerritoryDialog,
    DeleteTerritoryDialog,
    RenameTerritoryDialog,
)
from editor.ui.trash_dialog import TrashDialog


class EditActions(QObject):
    """The editing actions of one window and what they do."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        make = self._action
        self.add_organization = make(
            "actionAddOrganization",
            self.tr("Добавить организацию…"),
            self.add_organization_dialog,
            "Ctrl+Shift+N",
        )
        self.add_page = make(
            "actionAddPage", self.tr("Добавить страницу…"), self.add_page_dialog, "Ins"
        )
        self.duplicate_page = make(
            "actionDuplicatePage",
            self.tr("Дублировать страницу"),
            self.duplicate_current_page,
            "Ctrl+Shift+D",
        )
        self.delete_pages = make(
            "actionDeletePages",
            self.tr("Удалить"),
            self.delete_selected,
            QKeySequence.StandardKey.Delete,
        )
        self.delete_pages.setStatusTip(self.tr("Переместить выделенные страницы в корзину"))
        self.trash = make("actionTrash", self.tr("Корзина…"), self.show_trash)
        self.bulk_edit = make(
            "actionBulkEdit", self.tr("Массовое изменение…"), self.bulk_edit_dialog, "Ctrl+Shift+E"
        )
        self.find_duplicates = make(
            "actionFindDuplicates", self.tr("Найти дубликаты…"), self.duplicates_dialog
        )
        self.change_log = make(
            "actionChangeLog", self.tr("Журнал изменений"), self.show_change_log, "Ctrl+L"
        )
        self.add_territory = make(
            "actionAddTerritory", self.tr("Добавить территорию…"), self.add_territory_dialog
        )
        self.rename_territory = make(
            "actionRenameTerritory", self.tr("Переименовать…"), self.rename_territory_dialog, "F2"
        )
        self.delete_territory = make(
            "actionDeleteTerritory", self.tr("Удалить территорию…"), self.delete_territory_dialog
        )
        self.edit_spheres = make("actionSpheres", self.tr("Сферы…"), self.spheres_dialog)
        # Del and Ins act in the table, F2 in the tree (in the table F2 edits a cell).
        for action in (self.delete_pages, self.add_page, self.rename_territory):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._place()
        self.update_enabled()

    # --- wiring --------------------------------------------------------------------------

    def _action(
        self,
        name: str,
        text: str,
        slot: Callable[[], object],
        shortcut: str | QKeySequence.StandardKey | None = None,
    ) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        if shortcut is not None and not _taken(self.window, QKeySequence(shortcut)):
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _place(self) -> None:
        window = self.window
        menu = window.menu_edit
        menu.addSeparator()
        for action in (
            self.add_organization,
            self.add_page,
            self.duplicate_page,
            self.delete_pages,
        ):
            menu.addAction(action)
        menu.addSeparator()
        for action in (self.bulk_edit, self.find_duplicates, self.change_log, self.trash):
            menu.addAction(action)
        menu.aboutToShow.connect(self.update_enabled)
        tree_menu = window.menu_territory
        tree_menu.addSeparator()
        for action in (
            self.add_territory,
            self.rename_territory,
            self.delete_territory,
            self.add_organization,
        ):
            tree_menu.addAction(action)
        tree_menu.aboutToShow.connect(self.update_enabled)
        window.menu_tools.addAction(self.edit_spheres)
        # The window builds the views' context menus from these two menus; shortcuts bound to
        # a view work only while it has the focus.
        window.page_table.addActions([self.delete_pages, self.add_page])
        window.territory_tree.addAction(self.rename_territory)
        opened = getattr(window, "catalogueOpened", None)
        if opened is not None:
            opened.connect(self.update_enabled)
        self._watch_selection()

    def _watch_selection(self) -> None:
        """Follow the selection of the table and tree (their models may be set later)."""
        for view in (self.window.page_table, self.window.territory_tree):
            selection = view.selectionModel()
            if selection is not None:
                selection.selectionChanged.connect(self.update_enabled)
                selection.currentChanged.connect(self.update_enabled)

    def update_enabled(self, *_args: object) -> None:
        """Enable what the current selection allows; nothing changes a read-only catalogue."""
        window = self.window
        writable = not getattr(window, "read_only", False)
        page = window.current_page_id()
        # hasSelection, not the id list: this runs on every click, also with 300k rows selected.
        selected = window.page_table.selectionModel().hasSelection()
        territory = window.current_territory_id()
        try:
            is_root = territory is not None and territories.get(territory).parent_id is None
        except territories.TerritoryError:  # just deleted; the tree follows shortly
            territory, is_root = None, False
        self.add_organization.setEnabled(writable and territory is not None)
        self.add_page.setEnabled(writable and window.current_organization_id() is not None)
        self.duplicate_page.setEnabled(writable and page is not None)
        self.delete_pages.setEnabled(writable and selected)
        self.bulk_edit.setEnabled(writable and selected)
        self.find_duplicates.setEnabled(writable)
        self.trash.setEnabled(writable)
        self.edit_spheres.setEnabled(writable)
        self.change_log.setEnabled(writable and page is not None)
        self.add_territory.setEnabled(writable and territory is not None)
        self.rename_territory.setEnabled(writable and territory is not None)
        self.delete_territory.setEnabled(writable and territory is not None and not is_root)

    def run(self, command: CatalogueCommand) -> bool:
        """Push a command; show its refusal and return False when it failed."""
        error = push(self.window.undo_stack, command)
        if error:
            self.window.show_error(error)
            return False
        return True

    def _writable(self) -> bool:
        return not getattr(self.window, "read_only", False)

    def _exec(self, dialog: QDialog) -> bool:
        """Run a dialog modally (tests replace this to fill dialogs in without a user)."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    # --- records -------------------------------------------------------------------------

    def add_organization_dialog(self) -> None:
        """Ask for a new organisation (and its first page) in the current territory."""
        territory = self.window.current_territory_id()
        if territory is None or not self._writable():
            return
        dialog = NewOrganizationDialog(territories.get(territory).name, self.window)
        while self._exec(dialog):
            try:
                command = AddOrganization(
                    self.window.store, territory, dialog.organization_values(), dialog.page_values()
                )
            except (NormalizeError, ValueError) as error:
                dialog.show_error("full_name", str(error))
                continue
            if self.run(command):
                return

    def add_page_dialog(self) -> None:
        """Ask for a new page of the current organisation."""
        organization = self.window.current_organization_id()
        if organization is None or not self._writable():
            return
        name = records.organization_name(organization)
        dialog = NewPageDialog(name, self.window)
        while self._exec(dialog):
            try:
                command = AddPage(self.window.store, organization, dialog.page_values())
            except (NormalizeError, ValueError) as error:
                dialog.show_error("url", str(error))
                continue
            if self.run(command):
                return

    def duplicate_current_page(self) -> None:
        """Copy the current page (same organisation, without URL and counts)."""
        page = self.window.current_page_id()
        if page is not None and self._writable():
            self.run(DuplicatePage(self.window.store, page))

    def delete_selected(self) -> None:
        """Move the selected pages to the trash (one undo step)."""
        ids = self.window.selected_page_ids()
        if ids and self._writable():
            self.run(DeletePages(self.window.store, ids))

    def show_trash(self) -> None:
        """The trash, where deleted pages and organisations are restored."""
        self._exec(
            TrashDialog(self.window.store, self.run, self.window, read_only=not self._writable())
        )

    def bulk_edit_dialog(self) -> None:
        """Set fields of all selected pages at once."""
        ids = self.window.selected_page_ids()
        if not ids or not self._writable():
            return
        dialog = BulkEditDialog(ids, self.window)
        if self._exec(dialog):
            pages, organizations = dialog.changes()
            try:
                command = BulkEditPages(self.window.store, ids, pages, organizations)
            except (NormalizeError, ValueError) as error:
                self.window.show_error(str(error))
                return
            self.run(command)

    def duplicates_dialog(self) -> None:
        """Find duplicates under the current territory and merge them."""
        self._exec(
            DuplicatesDialog(
                self.window.store,
                self.run,
                self.window.current_territory_id(),
                self.window,
                read_only=not self._writable(),
            )
        )

    def show_change_log(self) -> None:
        """The change log of the current page."""
        page = self.window.current_page_id()
        if page is not None:
            self._exec(HistoryDialog(page, self.window))

    def spheres_dialog(self) -> None:
        """Edit the sphere dictionary."""
        if self._writable():
            stack = self.window.undo_stack
            self._exec(SphereDialog(self.window.store, lambda c: push(stack, c), self.window))

    # --- territories ---------------------------------------------------------------------

    def add_territory_dialog(self) -> None:
        """Add a territory under the current one."""
        parent = self.window.current_territory_id()
        if parent is None or not self._writable():
            return
        dialog = AddTerritoryDialog(parent, self.window)
        while self._exec(dialog):
            values = dialog.values()
            command = AddTerritory(
                self.window.store,
                parent,
                str(values["name"]),
                level=values["level"],
                kind=str(values["kind"]),
                oktmo=values["oktmo"],
            )  # type: ignore[arg-type]
            error = push(self.window.undo_stack, command)
            if not error:
                return
            dialog.show_error(error)

    def rename_territory_dialog(self) -> None:
        """Rename the current territory."""
        territory = self.window.current_territory_id()
        if territory is None or not self._writable():
            return
        dialog = RenameTerritoryDialog(territory, self.window)
        while self._exec(dialog):
            error = push(
                self.window.undo_stack,
                RenameTerritory(self.window.store, territory, dialog.new_name()),
            )
            if not error:
                return
            dialog.show_error(error)

    def delete_territory_dialog(self) -> None:
        """Delete the current territory, asking where its records go when it holds any."""
        territory = self.window.current_territory_id()
        if territory is None or not self._writable():
            return
        organizations, pages = purge.records_in_subtree(territory)
        dialog = DeleteTerritoryDialog(territory, organizations, pages, self.window)
        if self._exec(dialog):
            self.run(DeleteTerritory(self.window.store, territory, dialog.reassign_to()))


def _taken(window: QWidget, wanted: QKeySequence) -> bool:
    """Whether another action of the window already uses this shortcut."""
    return any(wanted in action.shortcuts() for action in window.findChildren(QAction))


def install(window) -> EditActions:
    """Create the editing actions of `window` and put them into its menus and context menus."""
    actions = EditActions(window)
    window.edit_actions = actions
    return actions
