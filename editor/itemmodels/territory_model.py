"""The territory tree model: lazy children, rolled-up page counts and subscribers, drag and drop.

Nodes hold ids and cached display values and know their row, so `parent()` is O(1). Children load
when the view expands a node; roll-up totals are computed in one pass (optionally on a worker
thread) and painted when ready. Moves push a `MoveTerritory` command; the core refuses moves that
break the level order and the refusal reaches the window through `moveRefused`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QUndoStack
from typing_extensions import override

from editor.commands.base import push
from editor.commands.territory import MoveTerritory
from editor.core import rollup, territories
from editor.core.store import Store
from editor.db.models import Territory
from editor.itemmodels.page_columns import format_count
from editor.itemmodels.roles import IdRole, LevelRole
from editor.itemmodels.training_coverage import TrainingCoverage
from editor.tasks.runner import Task, start

MIME_TYPE = "application/x-gospabliki-territory"

# The invisible root's index, used as a default argument (Qt's convention).
_TOP = QModelIndex()


class _Node:
    """A loaded territory: ids, display values, and its place in the tree."""

    __slots__ = (
        "child_count",
        "children",
        "custom",
        "id",
        "kind",
        "level",
        "name",
        "oktmo",
        "parent",
        "row",
    )

    def __init__(self, territory: Territory | None, parent: _Node | None, row: int) -> None:
        self.parent = parent
        self.row = row
        self.children: list[_Node] | None = None
        self.child_count = 0
        if territory is None:  # the invisible root above the top-level territories
            self.id, self.name, self.level, self.kind, self.oktmo, self.custom = (
                None,
                "",
                -1,
                "",
                None,
                False,
            )
        else:
            self.update(territory)

    def update(self, territory: Territory) -> None:
        self.id = territory.id
        self.name = territory.name
        self.level = territory.level
        self.kind = territory.kind
        self.oktmo = territory.oktmo
        self.custom = territory.custom


def _tree_totals(*, progress=None, is_cancelled=None) -> dict[int, rollup.Totals]:
    return rollup.tree_totals()


class TerritoryTreeModel(QAbstractItemModel):
    """Territories as a lazy tree with three columns: name, pages, subscribers."""

    # A drop or move was refused; the Russian message.
    moveRefused = Signal(str)  # noqa: N815 - Qt naming
    # Roll-up totals were recomputed and painted.
    totalsUpdated = Signal()  # noqa: N815

    NAME, PAGES, SUBSCRIBERS = range(3)

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
        self._root = _Node(None, None, 0)
        self._nodes: dict[int, _Node] = {}
        self._totals: dict[int, rollup.Totals] = {}
        self._totals_generation = 0
        self._running: set[Task] = set()
        self._totals_timer = QTimer(self)
        self._totals_timer.setSingleShot(True)
        self._totals_timer.setInterval(150)  # several quick edits: one recount
        self._totals_timer.timeout.connect(self.refresh_totals)
        self._load_root()
        store.pagesChanged.connect(self._schedule_totals)
        store.pagesAddedOrRemoved.connect(self._schedule_totals)
        store.organizationsChanged.connect(self._schedule_totals)
        store.territoriesChanged.connect(self.on_territories_changed)
        store.reset.connect(self.reload)
        # Training coverage for the tooltip: computed on the first hover, dropped on changes.
        self.training_coverage = TrainingCoverage(background=self.background)
        for signal in (
            store.trainingChanged,
            store.pagesAddedOrRemoved,
            store.organizationsChanged,
            store.reset,
        ):
            signal.connect(self.training_coverage.forget)
        self.refresh_totals()

    # --- loading -------------------------------------------------------------------------

    def _load_root(self) -> None:
        self._root = _Node(None, None, 0)
        self._root.child_count = 1
        self._nodes = {}
        self._root.children = self._make_children(self._root, territories.children(None))

    def _make_children(self, parent: _Node, rows: Sequence[Territory]) -> list[_Node]:
        nodes = [_Node(territory, parent, row) for row, territory in enumerate(rows)]
        counts = territories.child_counts([node.id for node in nodes]) if nodes else {}
        for node in nodes:
            node.child_count = counts.get(node.id, 0)
            self._nodes[node.id] = node
        return nodes

    def reload(self) -> None:
        """Rebuild from the database (the catalogue was replaced or re-imported)."""
        self.beginResetModel()
        self._load_root()
        self._totals = {}
        self.endResetModel()
        self.refresh_totals()

    def refresh_totals(self) -> None:
        """Recompute page counts and subscriber totals of every node."""
        self._totals_timer.stop()
        self._totals_generation += 1
        generation = self._totals_generation
        task = Task(_tree_totals)
        if not self.background:
            start(task, synchronous=True)
            if task.error is None:
                self._apply_totals(generation, task.result)
            return
        self._running.add(task)
        task.signals.finished.connect(
            lambda totals, t=task: self._totals_done(t, generation, totals)
        )
        task.signals.failed.connect(lambda _message, t=task: self._running.discard(t))
        start(task)

    def _schedule_totals(self, *_args: object) -> None:
        self._totals_timer.start()

    def _totals_done(self, task: Task, generation: int, totals: dict) -> None:
        self._running.discard(task)
        self._apply_totals(generation, totals)

    def _apply_totals(self, generation: int, totals: dict[int, rollup.Totals]) -> None:
        if generation != self._totals_generation:
            return
        self._totals = totals
        self._emit_totals_changed(self._root)
        self.totalsUpdated.emit()

    def _emit_totals_changed(self, node: _Node) -> None:
        if not node.children:
            return
        parent = self._index_of_node(node)
        self.dataChanged.emit(
            self.index(0, self.PAGES, parent),
            self.index(len(node.children) - 1, self.SUBSCRIBERS, parent),
            [Qt.ItemDataRole.DisplayRole],
        )
        for child in node.children:
            self._emit_totals_changed(child)

    def coverage(self, territory_id: int) -> tuple[int, int] | None:
        """(trained organisations with pages, organisations with pages) of a node, rolled up;
        None while they are being counted in the background (asked for on the first hover)."""
        return self.training_coverage.get(territory_id)

    def totals(self, territory_id: int) -> rollup.Totals | None:
        """The rolled-up totals of a territory, or None before they are computed."""
        return self._totals.get(territory_id)

    # --- tree changes --------------------------------------------------------------------

    def on_territories_changed(self, territory_ids: Iterable[int | None]) -> None:
        """Bring the loaded part of the tree in line with the database after a change."""
        to_sync: dict[int | None, _Node] = {}
        for territory_id in territory_ids:
            if territory_id is None:
                continue
            node = self._nodes.get(territory_id)
            current = Territory.get_or_none(Territory.id == territory_id)
            if node is not None:
                if node.parent is not None:
                    to_sync[node.parent.id] = node.parent
                if current is not None:
                    node.update(current)
                    index = self._index_of_node(node)
                    self.dataChanged.emit(index, index.siblingAtColumn(self.SUBSCRIBERS))
                    to_sync[node.id] = node
            if current is not None and current.parent_id in self._nodes:
                to_sync[current.parent_id] = self._nodes[current.parent_id]
        for node in sorted(to_sync.values(), key=lambda n: n.level):
            if self._is_attached(node):
                self._sync_children(node)
        self._schedule_totals()

    def _is_attached(self, node: _Node) -> bool:
        while node.parent is not None:
            if (
                node.parent.children is None
                or node.row >= len(node.parent.children)
                or node.parent.children[node.row] is not node
            ):
                return False
            node = node.parent
        return node is self._root

    def _sync_children(self, node: _Node) -> None:
        """Diff a node's loaded children against the database: removals, inserts, reorder."""
        rows = territories.children(node.id)
        node.child_count = len(rows)
        parent_index = self._index_of_node(node)
        if node.children is None:
            # Not expanded yet: only whether it has children may have changed.
            if node is not self._root:
                self.dataChanged.emit(parent_index, parent_index)
            return
        wanted = [territory.id for territory in rows]
        wanted_set = set(wanted)
        for row in reversed(range(len(node.children))):
            child = node.children[row]
            if child.id not in wanted_set:
                self.beginRemoveRows(parent_index, row, row)
                del node.children[row]
                self._forget(child)
                self.endRemoveRows()
        present = {child.id for child in node.children}
        fresh = [territory for territory in rows if territory.id not in present]
        if fresh:
            first = len(node.children)
            new_nodes = self._make_children(node, fresh)
            self.beginInsertRows(parent_index, first, first + len(new_nodes) - 1)
            for offset, child in enumerate(new_nodes):
                child.row = first + offset
            node.children.extend(new_nodes)
            self.endInsertRows()
        by_id = {child.id: child for child in node.children}
        order = [by_id[territory_id] for territory_id in wanted]
        if order != node.children:
            self.layoutAboutToBeChanged.emit()
            old_rows = {child.id: child.row for child in node.children}
            node.children = order
            for row, child in enumerate(order):
                child.row = row
            moved_from, moved_to = [], []
            for index in self.persistentIndexList():
                child = index.internalPointer() if index.isValid() else None
                if (
                    isinstance(child, _Node)
                    and child.parent is node
                    and old_rows.get(child.id) != child.row
                ):
                    moved_from.append(index)
                    moved_to.append(self.createIndex(child.row, index.column(), child))
            self.changePersistentIndexList(moved_from, moved_to)
            self.layoutChanged.emit()
        for territory in rows:
            by_id[territory.id].update(territory)

    def _forget(self, node: _Node) -> None:
        self._nodes.pop(node.id, None)
        for child in node.children or []:
            self._forget(child)

    # --- lookups -------------------------------------------------------------------------

    def territory_id(self, index: QModelIndex | QPersistentModelIndex) -> int | None:
        """The territory id of an index."""
        node = self._node(index)
        return None if node is self._root else node.id

    def index_of(self, territory_id: int) -> QModelIndex:
        """The index of a territory, loading its ancestors' children on the way."""
        node = self._nodes.get(territory_id)
        if node is None:
            try:
                chain = territories.ancestors(territory_id)
            except territories.TerritoryError:
                return QModelIndex()
            for ancestor in chain[:-1]:
                parent = self._nodes.get(ancestor.id)
                if parent is None:
                    return QModelIndex()
                if parent.children is None:
                    self.fetchMore(self._index_of_node(parent))
            node = self._nodes.get(territory_id)
        return QModelIndex() if node is None else self._index_of_node(node)

    def _node(self, index: QModelIndex | QPersistentModelIndex) -> _Node:
        if index.isValid():
            node = index.internalPointer()
            if isinstance(node, _Node):
                return node
        return self._root

    def _index_of_node(self, node: _Node, column: int = 0) -> QModelIndex:
        if node is self._root or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.row, column, node)

    # --- Qt model interface --------------------------------------------------------------

    @override
    def index(
        self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = _TOP
    ) -> QModelIndex:
        node = self._node(parent)
        if node.children is None or not 0 <= row < len(node.children) or not 0 <= column < 3:
            return QModelIndex()
        return self.createIndex(row, column, node.children[row])

    @override
    def parent(self, index: QModelIndex | QPersistentModelIndex = _TOP) -> QModelIndex:  # type: ignore[override]
        node = self._node(index)
        if node is self._root or node.parent is None or node.parent is self._root:
            return QModelIndex()
        return self.createIndex(node.parent.row, 0, node.parent)

    @override
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _TOP) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        node = self._node(parent)
        return len(node.children) if node.children is not None else 0

    @override
    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _TOP) -> int:
        return 3

    @override
    def hasChildren(self, parent: QModelIndex | QPersistentModelIndex = _TOP) -> bool:
        if parent.isValid() and parent.column() != 0:
            return False
        node = self._node(parent)
        if node.children is not None:
            return bool(node.children)
        return node.child_count > 0

    @override
    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:
        if parent.isValid() and parent.column() != 0:
            return False
        node = self._node(parent)
        return node.children is None and node.child_count > 0

    @override
    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:
        node = self._node(parent)
        if node.children is not None:
            return
        rows = territories.children(node.id)
        if not rows:
            node.children = []
            return
        new_nodes = self._make_children(node, rows)
        self.beginInsertRows(self._index_of_node(node), 0, len(new_nodes) - 1)
        node.children = new_nodes
        self.endInsertRows()

    @override
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            titles = ("Территория", "Страниц", "Подписчиков")
            return (
                QCoreApplication.translate("TerritoryTreeModel", titles[section])
                if 0 <= section < 3
                else None
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and section > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @override
    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not index.isValid():
            return None
        node = self._node(index)
        column = index.column()
        if role == IdRole:
            return node.id
        if role == LevelRole:
            return node.level
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == self.NAME:
                return node.name
            totals = self._totals.get(node.id)  # type: ignore[arg-type]
            if totals is None:
                return "" if role == Qt.ItemDataRole.DisplayRole else None
            value = totals.pages if column == self.PAGES else totals.subscribers
            return format_count(value) if role == Qt.ItemDataRole.DisplayRole else value
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.NAME:
            parts = [node.name, territories.level_label(node.level)]
            if node.kind:
                parts.append(node.kind)
            if node.oktmo:
                parts.append(
                    QCoreApplication.translate("TerritoryTreeModel", "ОКТМО {code}").format(
                        code=node.oktmo
                    )
                )
            parts.append(self.training_coverage.text(node.id))  # type: ignore[arg-type]
            return "\n".join(parts)
        if role == Qt.ItemDataRole.FontRole and column == self.NAME and node.custom:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.AccessibleTextRole and column == self.NAME:
            totals = self._totals.get(node.id)  # type: ignore[arg-type]
            if totals is None:
                return node.name
            return QCoreApplication.translate(
                "TerritoryTreeModel", "{name}: страниц {pages}, подписчиков {subscribers}"
            ).format(name=node.name, pages=totals.pages, subscribers=totals.subscribers)
        return None

    @override
    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return (
                Qt.ItemFlag.ItemIsDropEnabled
                if not self.store.read_only
                else Qt.ItemFlag.NoItemFlags
            )
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        node = self._node(index)
        if not self.store.read_only:
            flags |= Qt.ItemFlag.ItemIsDropEnabled
            if node.parent is not self._root:
                flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    # --- drag and drop -------------------------------------------------------------------

    @override
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    @override
    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    @override
    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    @override
    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        ids = sorted({self._node(index).id for index in indexes if index.isValid()})
        data = QMimeData()
        data.setData(MIME_TYPE, QByteArray(",".join(str(i) for i in ids).encode()))
        return data

    @staticmethod
    def dropped_ids(data: QMimeData) -> list[int]:
        """The territory ids carried by a drag."""
        if not data.hasFormat(MIME_TYPE):
            return []
        raw = bytes(data.data(MIME_TYPE).data()).decode()
        return [int(part) for part in raw.split(",") if part.strip().isdigit()]

    @override
    def canDropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        return (
            not self.store.read_only
            and action == Qt.DropAction.MoveAction
            and bool(self.dropped_ids(data))
            and parent.isValid()
        )

    @override
    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        """Move the dragged territories under `parent`; the view never removes rows itself."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        target = self._node(parent)
        self.move_territories(self.dropped_ids(data), target.id, None if row < 0 else row)  # type: ignore[arg-type]
        return False  # rows were moved by the command; a True would make the view delete them

    def move_territories(self, ids: Sequence[int], parent_id: int, row: int | None = None) -> bool:
        """Move territories under a parent at a row (one undo step); False when refused."""
        if not ids:
            return False
        if len(ids) > 1:
            self.undo_stack.beginMacro(
                QCoreApplication.translate("TerritoryTreeModel", "Перемещение территорий")
            )
        ok = True
        try:
            for offset, territory_id in enumerate(ids):
                position = row
                node = self._nodes.get(territory_id)
                if row is not None:
                    position = row + offset
                    if (
                        node is not None
                        and node.parent is not None
                        and node.parent.id == parent_id
                        and node.row < row
                    ):
                        position -= 1  # its own slot disappears before the drop point
                try:
                    command = MoveTerritory(self.store, territory_id, parent_id, position)
                except territories.TerritoryError as error:
                    self.moveRefused.emit(str(error))
                    ok = False
                    break
                error = push(self.undo_stack, command)
                if error:
                    self.moveRefused.emit(error)
                    ok = False
                    break
        finally:
            if len(ids) > 1:
                self.undo_stack.endMacro()
        return ok
