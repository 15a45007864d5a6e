"""Tree changes: add, rename, move (drag and drop) and delete territories."""

from __future__ import annotations

from editor.commands.base import CatalogueCommand
from editor.core import territories
from editor.core.changelog import MANUAL, UNDO
from editor.core.i18n import tr
from editor.core.store import Store


class MoveTerritory(CatalogueCommand):
    """Move a territory under another parent at a position."""

    def __init__(
        self, store: Store, territory_id: int, new_parent_id: int, position: int | None = None
    ) -> None:
        name = territories.get(territory_id).name
        super().__init__(store, tr("Перемещение «{name}»", "commands").format(name=name))
        self.territory_id = territory_id
        self.new_parent_id = new_parent_id
        self.position = position
        self.former: tuple[int | None, int] | None = None

    def do(self) -> None:
        self.former = territories.move(self.territory_id, self.new_parent_id, self.position, MANUAL)
        self.store.territoriesChanged.emit([self.territory_id, self.new_parent_id, self.former[0]])

    def undo_(self) -> None:
        assert self.former is not None
        parent_id, position = self.former
        territories.move(self.territory_id, parent_id, position, UNDO)
        self.store.territoriesChanged.emit([self.territory_id, self.new_parent_id, parent_id])


class AddTerritory(CatalogueCommand):
    """Add a territory (a custom node by default) under a parent."""

    def __init__(
        self,
        store: Store,
        parent_id: int,
        name: str,
        *,
        level: str | int | None = None,
        kind: str = "",
        oktmo: str | None = None,
    ) -> None:
        name = " ".join(name.split())
        if not name:
            raise territories.TerritoryError(tr("Название территории не может быть пустым"))
        super().__init__(store, tr("Добавление территории «{name}»", "commands").format(name=name))
        self.parent_id = parent_id
        self.name = name
        self.level = level
        self.kind = kind
        self.oktmo = oktmo or None
        self.territory_id: int | None = None

    def do(self) -> None:
        territory = territories.create(
            self.parent_id,
            self.name,
            level=self.level,
            kind=self.kind,
            oktmo=self.oktmo,
            custom=self.oktmo is None,
            origin=MANUAL,
            territory_id=self.territory_id,
        )
        self.territory_id = territory.id
        self.store.territoriesChanged.emit([self.parent_id, territory.id])

    def undo_(self) -> None:
        assert self.territory_id is not None
        territories.delete(self.territory_id, None, UNDO)
        self.store.territoriesChanged.emit([self.parent_id])


class RenameTerritory(CatalogueCommand):
    """Rename a territory; typing the name again merges into the same step."""

    def __init__(self, store: Store, territory_id: int, name: str) -> None:
        name = " ".join(name.split())
        if not name:
            raise territories.TerritoryError(tr("Название территории не может быть пустым"))
        former = territories.get(territory_id).name
        super().__init__(
            store, tr("Переименование «{old}» в «{new}»", "commands").format(old=former, new=name)
        )
        self.territory_id = territory_id
        self.name = name
        self.old: dict[str, object] = {}

    def do(self) -> None:
        self.old = territories.update(self.territory_id, MANUAL, name=self.name)
        self.store.territoriesChanged.emit([self.territory_id])

    def undo_(self) -> None:
        if self.old:
            territories.update(self.territory_id, UNDO, **self.old)
        self.store.territoriesChanged.emit([self.territory_id])


class DeleteTerritory(CatalogueCommand):
    """Delete a territory with its subtree; its organisations move to `reassign_to`."""

    def __init__(self, store: Store, territory_id: int, reassign_to: int | None = None) -> None:
        node = territories.get(territory_id)
        super().__init__(
            store, tr("Удаление территории «{name}»", "commands").format(name=node.name)
        )
        self.territory_id = territory_id
        self.parent_id = node.parent_id
        self.reassign_to = reassign_to
        self.removed: territories.DeletedSubtree | None = None

    def do(self) -> None:
        self.removed = territories.delete(self.territory_id, self.reassign_to, MANUAL)
        self._announce()

    def undo_(self) -> None:
        assert self.removed is not None
        territories.undelete(self.removed, UNDO)
        self._announce()

    def _announce(self) -> None:
        self.store.territoriesChanged.emit(
            [i for i in (self.parent_id, self.territory_id, self.reassign_to) if i is not None]
        )
        assert self.removed is not None
        if self.removed.moved_organizations:
            self.store.pagesAddedOrRemoved.emit()
