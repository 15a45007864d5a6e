"""The page table model: the ids of matching pages come from SQLite, rows load in blocks on demand.

Filtering and sorting happen in SQL (a 300k-id list costs ~0.1 s), optionally on a worker thread
so that typing into the quick filter never freezes the window. Only the rows the view asks for are
read, a block at a time. Edits push undo commands; the store's signals refresh exactly what changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QUndoStack
from typing_extensions import override

from editor.commands.base import push
from editor.commands.page_edit import EditOrganizationFields, EditPageFields
from editor.core import page_list, search, spheres
from editor.core.normalize import NormalizeError
from editor.core.page_list import PageList
from editor.core.search import PageFilter
from editor.core.store import Store
from editor.itemmodels.page_columns import COLUMNS, PageColumn, checksum_problem, format_value
from editor.itemmodels.roles import FieldRole, IdRole, OrganizationIdRole, RawValueRole
from editor.tasks.runner import CancelledError, Task, start

BLOCK = 100  # rows read at once when the view reaches an unloaded row (about a screen)
MAX_RUNS = 50  # more separate row runs to insert or remove than this: reset the view instead
FIRST_SCREEN = 200  # ids read ahead of the whole list when the filter or order changes
READ_REST_MS = 40  # after a first screen: the rest of the list is read when typing pauses this long
CACHE_LIMIT = 20_000  # cached rows kept before the cache is emptied
# Lookups of a row by page id answered by scanning the id list before a map of it is built: an
# edit or a kept selection looks up one or two pages, and mapping 100k ids costs ~10 ms.
SCANS_BEFORE_MAP = 3

# The invisible root's index, used as a default argument (Qt's convention).
_TOP = QModelIndex()


@dataclass(frozen=True)
class _Query:
    page_filter: PageFilter
    order_by: str
    descending: bool


def _load_ids(
    query: _Query, limit: int | None = None, *, progress=None, is_cancelled=None
) -> PageList:
    """The worker's job: the ordered ids of the matching pages (the first `limit` of them)."""
    try:
        return page_list.ordered_ids(
            query.page_filter, query.order_by, query.descending, limit, is_cancelled
        )
    except page_list.Cancelled:
        raise CancelledError() from None


def _read_index(*, progress=None, is_cancelled=None) -> None:
    """The worker's job: read the search index ahead of the first keystroke."""
    search.prepare_text_search()


def organization_name(row: dict) -> str:
    """The organisation's name in a display row of `search.rows_by_ids`."""
    for key in ("organization_name", "organization_2"):
        if key in row:
            return row[key] or ""
    value = row.get("organization")
    return value if isinstance(value, str) else ""


def organization_id(row: dict) -> int | None:
    """The organisation id in a display row of `search.rows_by_ids`."""
    value = row.get("organization_id", row.get("organization"))
    return value if isinstance(value, int) else None


class PageTableModel(QAbstractTableModel):
    """Pages matching a PageFilter, in SQL order; cells edit through the undo stack."""

    # The id list was (re)loaded and applied.
    refreshed = Signal()
    # The first screenful of a new filter or order is shown; the rest is still loading.
    firstRowsShown = Signal()  # noqa: N815 - Qt naming
    # An edit was refused: row, column, the Russian message.
    editRefused = Signal(int, int, str)  # noqa: N815 - Qt naming
    # A query failed (the message), e.g. the catalogue file vanished.
    loadFailed = Signal(str)  # noqa: N815

    def __init__(
        self,
        store: Store,
        undo_stack: QUndoStack,
        parent: QObject | None = None,
        *,
        background: bool = True,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.undo_stack = undo_stack
        self.background = background
        self.columns: tuple[PageColumn, ...] = COLUMNS
        self._ids: list[int] = []
        self._row_of: dict[int, int] | None = None
        self._scans = 0  # lookups answered by a scan since the map was last built
        self._rows: dict[int, dict] = {}
        self._sphere_labels: dict[int, str] | None = None
        self._query = _Query(PageFilter(territory_id=None), "id", False)
        self._active = False  # nothing is queried before the first set_filter()
        self._shown_query: _Query | None = None  # the query whose rows are on screen
        self._requested = self._query  # the query last sent to a worker
        # Own threads: a superseded query still running must not hold up the next one.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(4)
        self._generation = 0
        self._applied_generation = 0
        self.subscribers = 0  # the subscriber total of the shown pages
        self._running: set[Task] = set()
        self._preparing: Task | None = None  # the search index being read ahead
        self._read_all: tuple[int, _Query] | None = None  # the whole list, once painted
        self._read_all_timer = QTimer(self)
        self._read_all_timer.setSingleShot(True)
        self._read_all_timer.timeout.connect(self._read_rest)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh)
        store.pagesChanged.connect(self._on_pages_changed)
        store.organizationsChanged.connect(self._on_organizations_changed)
        store.pagesAddedOrRemoved.connect(self._schedule_refresh)
        store.spheresChanged.connect(self._on_spheres_changed)
        store.reset.connect(self.reload)

    # --- what is shown -------------------------------------------------------------------

    def page_filter(self) -> PageFilter:
        """The filter the table shows."""
        return self._query.page_filter

    def set_filter(self, page_filter: PageFilter) -> None:
        """Show the pages matching `page_filter` (loaded in the background when enabled)."""
        self._query = _Query(page_filter, self._query.order_by, self._query.descending)
        self._active = True
        self.refresh()

    def is_active(self) -> bool:
        """True once a filter was set (before that nothing is queried)."""
        return self._active

    def set_sort_key(self, key: str, descending: bool = False) -> None:
        """Choose the order before the first query (a remembered sort); no query runs here."""
        if key not in search.SORT_COLUMNS:
            key = "id"
        self._query = _Query(self._query.page_filter, key, descending)

    def sort_key(self) -> tuple[str, bool]:
        """The column key the rows are ordered by and whether descending."""
        return self._query.order_by, self._query.descending

    def is_loading(self) -> bool:
        """True while a query for the current filter has not come back yet."""
        return self._applied_generation != self._generation

    def page_ids(self) -> list[int]:
        """The ids of all shown pages, in display order."""
        return list(self._ids)

    def page_id(self, row: int) -> int | None:
        """The page id of a row."""
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, page_id: int) -> int | None:
        """The row showing a page, or None."""
        if self._row_of is None:
            if self._scans < SCANS_BEFORE_MAP:
                self._scans += 1
                try:
                    return self._ids.index(page_id)
                except ValueError:
                    return None
            self._row_of = {page: row for row, page in enumerate(self._ids)}
            self._scans = 0
        return self._row_of.get(page_id)

    def row_values(self, row: int) -> dict | None:
        """The display row dict of a row (page, organisation and territory values)."""
        page_id = self.page_id(row)
        if page_id is None:
            return None
        return self._row(row, page_id)

    # --- loading -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-run the query; the result replaces the rows, keeping what did not change.

        When the filter or order changed, a first screenful is read separately so that rows
        appear at once while the whole id list is still being read.
        """
        self._refresh_timer.stop()
        if not self._active:
            return
        self._generation += 1
        generation, query = self._generation, self._query
        if not self.background:
            task = start(Task(_load_ids, query), synchronous=True)
            if task.error is not None:
                self.loadFailed.emit(task.error)
            else:
                self._apply(generation, query, task.result)
            return
        for running in self._running:
            running.cancel()  # superseded: stop its SQL instead of waiting for it
        shown, requested = self._shown_query, self._requested
        self._requested = query
        if shown is None or query.page_filter != requested.page_filter:
            # The whole list waits for the first screen so that the two do not compete.
            self._run(Task(_load_ids, query, FIRST_SCREEN), generation, query, then_all=True)
        else:
            self._run(Task(_load_ids, query), generation, query)

    def _run(self, task: Task, generation: int, query: _Query, then_all: bool = False) -> None:
        self._running.add(task)
        task.signals.finished.connect(
            lambda result, t=task: self._finished(t, generation, query, result, then_all)
        )
        task.signals.failed.connect(lambda message, t=task: self._failed(t, message))
        task.signals.cancelled.connect(lambda t=task: self._running.discard(t))
        self._pool.start(task)

    def prepare_text_search(self) -> None:
        """Read the search index in the background now (the quick filter got the focus), so
        that the first keystroke does not wait for it."""
        if not self.background or self._preparing is not None:
            return
        task = self._preparing = Task(_read_index)
        for signal in (task.signals.finished, task.signals.failed, task.signals.cancelled):
            signal.connect(self._prepared)
        self._pool.start(task)

    def _prepared(self, *_args: object) -> None:
        self._preparing = None

    def reload(self) -> None:
        """Forget every cached row and query again (the catalogue was replaced or re-imported)."""
        self.beginResetModel()
        self._ids, self._row_of, self._rows = [], None, {}
        self._sphere_labels = None
        self._shown_query = None
        self.endResetModel()
        self.refresh()

    def _schedule_refresh(self) -> None:
        self._refresh_timer.start()

    def _finished(
        self, task: Task, generation: int, query: _Query, result: PageList, then_all: bool = False
    ) -> None:
        self._running.discard(task)
        self._apply(generation, query, result)
        if then_all and generation == self._generation and not result.complete:
            # A text is searched in this process: the rest is read once the first screen is
            # painted (twice: the view lays its rows out on a timer of its own) and typing
            # paused, as a worker reading every key meanwhile would hold up each call the paint
            # makes into this model. A keystroke cancels it.
            self._read_all = (generation, query)
            self._read_all_timer.start(READ_REST_MS if query.page_filter.text else 0)

    def _read_rest(self) -> None:
        pending, self._read_all = self._read_all, None
        if pending is not None and pending[0] == self._generation:  # no newer keystroke
            self._run(Task(_load_ids, pending[1]), *pending)

    def _failed(self, task: Task, message: str) -> None:
        self._running.discard(task)
        self.loadFailed.emit(message)

    def _apply(self, generation: int, query: _Query, result: PageList) -> None:
        if generation != self._generation:
            return  # a newer query is on its way
        if not result.complete and self._applied_generation == generation:
            return  # the whole list came first
        ids, old = result.ids, self._ids
        same_rows = query == self._shown_query or (
            self._shown_query is not None and query.page_filter == self._shown_query.page_filter
        )
        if ids == old:
            pass
        elif same_rows and len(ids) == len(old) and set(ids) == set(old):
            self._reorder(ids)
        elif not (same_rows and self._patch(ids, old)):
            self.beginResetModel()
            self._ids, self._row_of = list(ids), None
            self.endResetModel()
        self._shown_query = query
        if result.complete:
            self._applied_generation = generation
            self.subscribers = result.subscribers
            self.refreshed.emit()
        else:
            self.firstRowsShown.emit()

    def _patch(self, ids: list[int], old: list[int]) -> bool:
        """Remove or insert the rows that differ, when few runs do it; False to reset instead."""
        if len(ids) > len(old) and ids[: len(old)] == old:  # the rest of a first screen
            self._insert_runs([(len(old), len(ids) - 1)], ids)
            return True
        if len(ids) < len(old) and _is_subsequence(ids, old):
            keep = set(ids)
            runs = _ranges([row for row, page_id in enumerate(old) if page_id not in keep])
            if len(runs) <= MAX_RUNS:
                self._remove_runs(runs, keep)
                return True
        elif len(ids) > len(old) and _is_subsequence(old, ids):
            present = set(old)
            runs = _ranges([row for row, page_id in enumerate(ids) if page_id not in present])
            if len(runs) <= MAX_RUNS:
                self._insert_runs(runs, ids)
                return True
        return False

    def _reorder(self, ids: list[int]) -> None:
        self.layoutAboutToBeChanged.emit()
        old_ids = self._ids
        self._ids, self._row_of = list(ids), None
        moved_from, moved_to = [], []
        for index in self.persistentIndexList():
            row = index.row()
            if 0 <= row < len(old_ids):
                new_row = self.row_of(old_ids[row])
                if new_row is not None and new_row != row:
                    moved_from.append(index)
                    moved_to.append(self.index(new_row, index.column()))
        if moved_from:
            self.changePersistentIndexList(moved_from, moved_to)
        self.layoutChanged.emit()

    def _remove_runs(self, runs: list[tuple[int, int]], keep: set[int]) -> None:
        for first, last in reversed(runs):
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._ids[first : last + 1]
            self._row_of = None
            self.endRemoveRows()
        for page_id in set(self._rows) - keep:
            self._rows.pop(page_id, None)

    def _insert_runs(self, runs: list[tuple[int, int]], ids: list[int]) -> None:
        for first, last in runs:
            self.beginInsertRows(QModelIndex(), first, last)
            self._ids[first:first] = ids[first : last + 1]
            self._row_of = None
            self.endInsertRows()

    def _row(self, row: int, page_id: int) -> dict | None:
        cached = self._rows.get(page_id)
        if cached is not None:
            return cached
        if len(self._rows) > CACHE_LIMIT:
            self._rows.clear()
        first = row - row % BLOCK
        block = [i for i in self._ids[first : first + BLOCK] if i not in self._rows]
        try:
            self._rows.update(search.rows_by_ids(block))
        except Exception as error:  # noqa: BLE001 - a vanished file must not crash painting
            self.loadFailed.emit(str(error))
            return None
        return self._rows.get(page_id)

    # --- store notifications -------------------------------------------------------------

    def _on_pages_changed(self, page_ids: Sequence[int]) -> None:
        self._invalidate(page_ids)
        self._schedule_refresh()  # an edit may move a page out of the filter or the order

    def _on_organizations_changed(self, organization_ids: Sequence[int]) -> None:
        wanted = set(organization_ids)
        stale = [pid for pid, row in self._rows.items() if organization_id(row) in wanted]
        self._invalidate(stale)
        self._schedule_refresh()

    def _on_spheres_changed(self) -> None:
        self._sphere_labels = None
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, len(self.columns) - 1)
            )

    def _invalidate(self, page_ids: Sequence[int]) -> None:
        for page_id in page_ids:
            self._rows.pop(page_id, None)
        rows = sorted(r for r in (self.row_of(p) for p in page_ids) if r is not None)
        for first, last in _ranges(rows):
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.columns) - 1))

    # --- Qt model interface --------------------------------------------------------------

    @override
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _TOP) -> int:
        return 0 if parent.isValid() else len(self._ids)

    @override
    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _TOP) -> int:
        return 0 if parent.isValid() else len(self.columns)

    @override
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            column = self.columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return column.title
            if role == Qt.ItemDataRole.ToolTipRole:
                return column.title
            if role == FieldRole:
                return column.field.name if column.field else None
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    @override
    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        column = self.columns[index.column()]
        page_id = self._ids[index.row()]
        if role == IdRole:
            return page_id
        if role == FieldRole:
            return column.field.name if column.field else None
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.EditRole,
            RawValueRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.TextAlignmentRole,
            OrganizationIdRole,
        ):
            return None
        row = self._row(index.row(), page_id)
        if row is None:
            return None
        if role == OrganizationIdRole:
            return organization_id(row)
        value = self._raw(column, row)
        if role in (Qt.ItemDataRole.EditRole, RawValueRole):
            return value
        kind = column.field.kind if column.field else ""
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if kind in ("count", "int", "percent", "widgets") or column.key == "id":
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if column.key == "subscribers_date":
            kind = "date"
        text = (
            format_value(kind, value, self._spheres())
            if kind
            else ("" if value is None else str(value))
        )
        if role == Qt.ItemDataRole.ToolTipRole:
            return text if column.key in ("organization", "url", "notes", "sphere1") else None
        return text

    def _raw(self, column: PageColumn, row: dict) -> object:
        if column.key == "organization":
            return organization_name(row)
        if column.key == "territory":
            return row.get("territory_name")
        return row.get(column.key)

    def _spheres(self) -> dict[int, str]:
        if self._sphere_labels is None:
            self._sphere_labels = spheres.labels()
        return self._sphere_labels

    @override
    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = self.columns[index.column()]
        if column.field is not None and not self.store.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    @override
    def setData(
        self,
        index: QModelIndex | QPersistentModelIndex,
        value: object,
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.store.read_only:
            return False
        column = self.columns[index.column()]
        if column.field is None:
            return False
        row = self.row_values(index.row())
        if row is None:
            return False
        if self._raw(column, row) == value:
            return True
        field = column.field
        problem = checksum_problem(field, value)
        if problem:
            self.editRefused.emit(index.row(), index.column(), problem)
            return False
        try:
            if field.entity == "page":
                command = EditPageFields(self.store, self._ids[index.row()], {field.name: value})
            else:
                org_id = organization_id(row)
                if org_id is None:
                    return False
                command = EditOrganizationFields(self.store, org_id, {field.name: value})
        except NormalizeError as error:
            self.editRefused.emit(index.row(), index.column(), str(error))
            return False
        error = push(self.undo_stack, command)
        if error:
            self.editRefused.emit(index.row(), index.column(), error)
            return False
        return True

    @override
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            key = "id"
        else:
            chosen = self.columns[column]
            key = chosen.key if chosen.sortable and chosen.key in search.SORT_COLUMNS else "id"
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._query.order_by, self._query.descending):
            return
        self._query = _Query(self._query.page_filter, key, descending)
        self.refresh()


def _is_subsequence(short: list[int], long: list[int]) -> bool:
    """True when `short` is `long` with some items left out, order kept."""
    items = iter(long)
    return all(any(x == y for y in items) for x in short)


def _ranges(rows: list[int]) -> list[tuple[int, int]]:
    """Sorted row numbers grouped into (first, last) runs."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs
