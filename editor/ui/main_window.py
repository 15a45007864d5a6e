"""The main window: territory tree on the left, filter bar and page table on the right, the form in a dock.

Selecting a node shows the pages of the node and its descendants; the filter bar narrows them;
the status bar sums them up. Menus and actions are built in `window_actions`, catalogue files
(new, open, recent, copies, backups, the single-writer lock) are handled by `catalogue_files`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QTableView,
    QToolButton,
    QToolTip,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from editor.core import page_list
from editor.core.search import PageFilter
from editor.core.server import is_server
from editor.core.store import Store
from editor.itemmodels.page_columns import format_count
from editor.itemmodels.page_model import PageTableModel
from editor.itemmodels.roles import OrganizationIdRole
from editor.itemmodels.territory_model import TerritoryTreeModel
from editor.tasks.runner import Task, start
from editor.ui import catalogue_files, first_steps, window_actions
from editor.ui.delegates import PageItemDelegate
from editor.ui.filter_bar import FilterBar
from editor.ui.page_form import PageForm
from editor.ui.scope_totals import ScopeTotals
from editor.ui.settings import Settings


def _scope_count(scope: PageFilter, *, progress=None, is_cancelled=None) -> int:
    """The worker's job for the status bar: how many pages the selected node holds."""
    return page_list.count(scope)


class MainWindow(QMainWindow):
    """The catalogue editor's window; `catalogue` is opened at once (CatalogueError if it cannot be).

    `background=False` runs the table and roll-up queries synchronously (tests that do not want
    to wait for signals); `settings` defaults to the user's QSettings.
    """

    # The catalogue shown changed (path).
    catalogueOpened = Signal(str)  # noqa: N815 - Qt naming
    # The status bar's counts were recomputed: shown, total in scope, subscribers.
    countsUpdated = Signal(int, int, int)  # noqa: N815

    def __init__(
        self,
        catalogue: str | Path,
        *,
        settings: Settings | None = None,
        background: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.settings = settings or Settings()
        self.background = background
        self.store = Store()
        # Not a child: a stack destroyed inside the window's destructor would still signal it.
        self.undo_stack = QUndoStack()
        self.files = catalogue_files.CatalogueFiles(self)
        # Raises CatalogueError: nothing is built yet.
        self.files.open_initial(catalogue if is_server(catalogue) else Path(catalogue))
        self.last_error = ""
        self.counts: tuple[int, int, int] = (0, 0, 0)
        self._counts_generation = 0
        self._scope_totals = ScopeTotals(self.store)
        self._running: set[Task] = set()

        self.tree_model = TerritoryTreeModel(
            self.store, self.undo_stack, self, background=background
        )
        self.page_model = PageTableModel(self.store, self.undo_stack, self, background=background)
        self._start_loading()  # the first rows are read while the widgets are being built
        self._build_views()
        self.actions_ = window_actions.install(self)
        descendants = QToolButton(self)
        descendants.setObjectName("descendantsToggle")
        descendants.setDefaultAction(self.actions_.descendants)
        self.filter_bar.layout().insertWidget(1, descendants)
        self._connect()
        self._restore_layout()
        self.select_start_node()
        if self.page_model.is_active() and not self.page_model.is_loading():
            self._table_refreshed()  # loaded before the signals were connected
        self.edit_actions = _install_edit_actions(self)
        self.first_steps = first_steps.install(self)
        self.training_panel = _install_training(self)
        self.dashboard = _install_dashboard(self)
        self.retranslate()

    # --- building ------------------------------------------------------------------------

    def _start_loading(self) -> None:
        top = self.tree_model.index(0, 0)
        key, _, direction = self.settings.table_sort.partition(":")
        self.page_model.set_sort_key(key or "id", direction == "desc")
        if top.isValid():
            self.page_model.set_filter(
                PageFilter(
                    territory_id=self.tree_model.territory_id(top),
                    descendants=self.settings.descendants,
                )
            )

    def _build_views(self) -> None:
        self.territory_tree = QTreeView(self)
        self.territory_tree.setObjectName("territoryTree")
        self.territory_tree.setModel(self.tree_model)
        self.territory_tree.setUniformRowHeights(True)
        self.territory_tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.territory_tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.territory_tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.territory_tree.setDragEnabled(True)
        self.territory_tree.setAcceptDrops(True)
        self.territory_tree.setDropIndicatorShown(True)
        self.territory_tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.territory_tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 64), (2, 96)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)

        self.page_table = QTableView(self)
        self.page_table.setObjectName("pageTable")
        self.page_table.setModel(self.page_model)
        # The view lays out new rows on a timer of its own, after their first paint, and paints
        # them again: laid out at once, each keystroke's rows are painted once (~12 ms saved).
        self.page_model.modelReset.connect(self.page_table.executeDelayedItemsLayout)
        self.page_table.setItemDelegate(PageItemDelegate(self.page_table))
        self.page_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.page_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.page_table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.page_table.setWordWrap(False)
        self.page_table.setAlternatingRowColors(True)
        self.page_table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        vertical = self.page_table.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 8)
        horizontal = self.page_table.horizontalHeader()
        horizontal.setSectionsMovable(True)
        horizontal.setHighlightSections(False)
        horizontal.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        horizontal.customContextMenuRequested.connect(self._column_menu)
        for index, column in enumerate(self.page_model.columns):
            self.page_table.setColumnHidden(index, column.hidden)
        horizontal.resizeSection(0, 320)
        horizontal.resizeSection(3, 240)
        horizontal.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # catalogue order at first
        self.page_table.setSortingEnabled(True)

        self.filter_bar = FilterBar(self.settings, self)
        self.banner = QLabel(self)
        self.banner.setObjectName("readOnlyBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fff3cd; color: #5c4400; padding: 4px;")
        self.banner.hide()
        right = QWidget(self)
        layout = QVBoxLayout(right)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.page_table, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.territory_tree)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([400, 800])
        self.setCentralWidget(self.splitter)

        self.page_form = PageForm(self.store, self.undo_stack, self)
        self.form_dock = QDockWidget(self)
        self.form_dock.setObjectName("pageFormDock")
        self.form_dock.setWidget(self.page_form)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.form_dock)
        self.resizeDocks([self.form_dock], [330], Qt.Orientation.Horizontal)

        self.status_label = QLabel(self)
        self.status_label.setObjectName("statusCounts")
        self.statusBar().addPermanentWidget(self.status_label)
        self.resize(1400, 860)

    def _connect(self) -> None:
        self.territory_tree.selectionModel().currentChanged.connect(self._territory_selected)
        self.tree_model.moveRefused.connect(self.show_error)
        self.page_table.selectionModel().currentRowChanged.connect(self._page_selected)
        self.page_table.selectionModel().selectionChanged.connect(self._update_status)
        self.page_model.refreshed.connect(self._table_refreshed)
        self.page_model.firstRowsShown.connect(self._page_selected_later)
        self.page_model.modelReset.connect(self._page_selected_later)
        self.page_model.editRefused.connect(self._cell_refused)
        self.page_model.loadFailed.connect(self.show_error)
        self.filter_bar.filterChanged.connect(self.apply_filter)
        self.filter_bar.typingExpected.connect(self.page_model.prepare_text_search)
        self.page_form.territoryRequested.connect(self.select_territory)
        self.store.spheresChanged.connect(self.filter_bar.reload_spheres)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self.undo_stack.indexChanged.connect(self._stack_moved)

    def _clean_changed(self, clean: bool) -> None:
        self.setWindowModified(not clean)

    def _stack_moved(self, _index: int) -> None:
        self.files.note_change()

    def _restore_layout(self) -> None:
        settings = self.settings
        if not settings.geometry.isEmpty():
            self.restoreGeometry(settings.geometry)
        if not settings.window_state.isEmpty():
            self.restoreState(settings.window_state)
        if not settings.splitter_state.isEmpty():
            self.splitter.restoreState(settings.splitter_state)
        if not settings.table_header.isEmpty():
            self.page_table.horizontalHeader().restoreState(settings.table_header)
            # The saved state may carry a sort indicator; the model must follow it.
            header = self.page_table.horizontalHeader()
            self.page_model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        if not settings.tree_header.isEmpty():
            self.territory_tree.header().restoreState(settings.tree_header)
        self.actions_.descendants.setChecked(settings.descendants)

    def save_layout(self) -> None:
        """Remember geometry, dock, splitter and column layout for the next start."""
        self.settings.geometry = self.saveGeometry()
        self.settings.window_state = self.saveState()
        self.settings.splitter_state = self.splitter.saveState()
        self.settings.table_header = self.page_table.horizontalHeader().saveState()
        self.settings.tree_header = self.territory_tree.header().saveState()
        self.settings.descendants = self.actions_.descendants.isChecked()
        key, descending = self.page_model.sort_key()
        self.settings.table_sort = f"{key}:{'desc' if descending else 'asc'}"
        self.settings.sync()

    def select_start_node(self) -> None:
        """Select the top territory (all pages) and expand it."""
        start_index = self.tree_model.index(0, 0)
        if start_index.isValid():
            self.territory_tree.setCurrentIndex(start_index)
            self.territory_tree.expand(start_index)
        else:
            self.apply_filter()

    def retranslate(self) -> None:
        """Set the window's texts in the current language."""
        self.form_dock.setWindowTitle(self.tr("Карточка страницы"))
        self.territory_tree.setAccessibleName(self.tr("Дерево территорий"))
        self.page_table.setAccessibleName(self.tr("Таблица страниц"))
        self.files.update_title()
        window_actions.retranslate(self)
        for model in (self.page_model, self.tree_model):
            columns = model.columnCount()
            model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, columns - 1)
        self.files.update_banner()
        self._update_status()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- the interface other parts rely on -----------------------------------------------

    @property
    def read_only(self) -> bool:
        """True when another program holds the catalogue: nothing may be changed."""
        return self.store.read_only

    @property
    def catalogue_path(self) -> Path | None:
        """The open catalogue file (None for a catalogue on a server)."""
        return None if is_server(self.store.path) else Path(self.store.path)

    @property
    def menu_file(self) -> QMenu:
        return self.actions_.menu_file

    @property
    def menu_edit(self) -> QMenu:
        return self.actions_.menu_edit

    @property
    def menu_view(self) -> QMenu:
        return self.actions_.menu_view

    @property
    def menu_territory(self) -> QMenu:
        return self.actions_.menu_territory

    @property
    def menu_tools(self) -> QMenu:
        return self.actions_.menu_tools

    @property
    def menu_help(self) -> QMenu:
        return self.actions_.menu_help

    def current_territory_id(self) -> int | None:
        """The territory selected in the tree."""
        return self.tree_model.territory_id(self.territory_tree.currentIndex())

    def current_page_id(self) -> int | None:
        """The page of the table's current row."""
        index = self.page_table.currentIndex()
        return self.page_model.page_id(index.row()) if index.isValid() else None

    def current_organization_id(self) -> int | None:
        """The organisation of the table's current row."""
        index = self.page_table.currentIndex()
        return index.siblingAtColumn(0).data(OrganizationIdRole) if index.isValid() else None

    def selected_page_ids(self) -> list[int]:
        """The pages of the selected rows, in display order (fast for 300k selected rows)."""
        rows: set[int] = set()
        for selection_range in self.page_table.selectionModel().selection():
            rows.update(range(selection_range.top(), selection_range.bottom() + 1))
        return [pid for pid in (self.page_model.page_id(row) for row in sorted(rows)) if pid]

    def selected_count(self) -> int:
        """How many rows are selected, counted from the selection ranges."""
        spans = sorted((r.top(), r.bottom()) for r in self.page_table.selectionModel().selection())
        count, reached = 0, -1
        for top, bottom in spans:
            top = max(top, reached + 1)
            if bottom >= top:
                count += bottom - top + 1
                reached = bottom
        return count

    def current_filter(self) -> PageFilter:
        """The filter of what the table shows."""
        return self.page_model.page_filter()

    def show_error(self, text: str) -> None:
        """Tell the user that something was refused or failed (non-blocking)."""
        self.last_error = text
        self.statusBar().showMessage(text, 10_000)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Каталог госпабликов"),
            text,
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def select_territory(self, territory_id: int) -> bool:
        """Select a territory in the tree (its page list follows); False when it is unknown."""
        index = self.tree_model.index_of(territory_id)
        if not index.isValid():
            return False
        parent = index.parent()
        while parent.isValid():
            self.territory_tree.expand(parent)
            parent = parent.parent()
        self.territory_tree.setCurrentIndex(index)
        self.territory_tree.scrollTo(index)
        return True

    def select_pages(self, page_ids: list[int]) -> None:
        """Select the rows of these pages (the first becomes current)."""
        selection = self.page_table.selectionModel()
        selection.clearSelection()
        first = True
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for page_id in page_ids:
            row = self.page_model.row_of(page_id)
            if row is None:
                continue
            index = self.page_model.index(row, 0)
            if first:
                selection.setCurrentIndex(index, flags)
                self.page_table.scrollTo(index)
                first = False
            else:
                selection.select(index, flags)

    # --- reacting ------------------------------------------------------------------------

    def apply_filter(self) -> None:
        """Show the pages of the selected node (and its descendants) matching the filter bar."""
        page_filter = PageFilter(
            territory_id=self.current_territory_id(),
            descendants=self.actions_.descendants.isChecked(),
            **self.filter_bar.parts(),
        )
        if page_filter != self.page_model.page_filter() or not self.page_model.is_active():
            self._keep_page = self.current_page_id()
            self.page_model.set_filter(page_filter)
            self._update_status()

    def _territory_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.apply_filter()

    def _table_refreshed(self) -> None:
        keep = getattr(self, "_keep_page", None)
        if keep is not None and self.current_page_id() is None:
            row = self.page_model.row_of(keep)
            if row is not None:
                self.page_table.setCurrentIndex(self.page_model.index(row, 0))
        self._keep_page = None
        self._page_selected_later()
        self.refresh_counts()

    def _page_selected(self, *_args: object) -> None:
        page_id = self.current_page_id()
        if page_id != self.page_form.page_id:
            self.page_form.show_page(page_id)
        self._update_status()

    def _page_selected_later(self) -> None:
        QTimer.singleShot(0, self._page_selected)

    def _cell_refused(self, row: int, column: int, message: str) -> None:
        self.last_error = message
        self.statusBar().showMessage(message, 10_000)
        rect = self.page_table.visualRect(self.page_model.index(row, column))
        QToolTip.showText(
            self.page_table.viewport().mapToGlobal(rect.bottomLeft()),
            message,
            self.page_table,
            rect,
            8000,
        )

    def refresh_counts(self) -> None:
        """Update the status bar's counts; the scope's total is counted in the background."""
        page_filter = self.page_model.page_filter()
        shown, subscribers = self.page_model.rowCount(), self.page_model.subscribers
        scope = PageFilter(
            territory_id=page_filter.territory_id, descendants=page_filter.descendants
        )
        self._counts_generation += 1
        generation = self._counts_generation
        if scope == page_filter:
            self._counts_done(None, generation, (shown, shown, subscribers))
            return
        known = self._scope_totals.get(scope)
        if known is not None:  # the same node as the previous keystroke's
            self._counts_done(None, generation, (shown, known, subscribers))
            return
        data = self._scope_totals.generation
        task = Task(_scope_count, scope)
        if not self.background:
            start(task, synchronous=True)
            if task.error is None:
                self._scope_totals.remember(scope, task.result, data)
                self._counts_done(None, generation, (shown, task.result, subscribers))
            return
        self._running.add(task)
        task.signals.finished.connect(
            lambda total, t=task: self._scope_counted(
                t, generation, scope, data, (shown, total, subscribers)
            )
        )
        task.signals.failed.connect(lambda _m, t=task: self._running.discard(t))
        start(task)

    def _scope_counted(
        self,
        task: Task,
        generation: int,
        scope: PageFilter,
        data: int,
        result: tuple[int, int, int],
    ) -> None:
        self._scope_totals.remember(scope, result[1], data)
        self._counts_done(task, generation, result)

    def _counts_done(
        self, task: Task | None, generation: int, result: tuple[int, int, int]
    ) -> None:
        self._running.discard(task)  # type: ignore[arg-type]
        if generation != self._counts_generation:
            return
        self.counts = result
        self._update_status()
        self.countsUpdated.emit(*result)

    def _update_status(self, *_args: object) -> None:
        shown, total, subscribers = self.counts
        selected = self.selected_count()
        if self.page_model.is_loading():
            self.status_label.setText(self.tr("Загрузка страниц…"))
            return
        self.status_label.setText(
            self.tr(
                "{shown} страниц из {total}, выделено {selected}, подписчиков {subscribers}"
            ).format(
                shown=format_count(shown),
                total=format_count(total),
                selected=format_count(selected),
                subscribers=format_count(subscribers),
            )
        )

    def _column_menu(self, position) -> None:
        menu = window_actions.column_menu(self)
        menu.exec(self.page_table.horizontalHeader().mapToGlobal(position))

    # --- closing -------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.save_layout()
        self.files.close()
        super().closeEvent(event)


def _install_edit_actions(window: MainWindow) -> object:
    """Plug in the editing actions (add, delete, bulk edit, duplicates...)."""
    from editor.ui import edit_actions  # imported late: it imports this module's window type

    return edit_actions.install(window)


def _install_training(window: MainWindow) -> object:
    """Plug in the «Обучение» panel (seminars and their participants)."""
    from editor.ui import training_view

    return training_view.install(window)


def _install_dashboard(window: MainWindow) -> object:
    """Plug in the dynamics dashboard dock and «Справка для новости»."""
    from editor.ui import dashboard

    return dashboard.install(window)
