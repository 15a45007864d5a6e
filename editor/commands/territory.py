"""Tree changes: move (drag and drop) of a territory."""

from __future__ import annotations

from editor.commands.base import CatalogueCommand
from editor.core import territories
from editor.core.changelog import MANUAL, UNDO
from editor.core.i18n import tr
from editor.core.store import Store


class MoveTerritory(CatalogueCommand):
    """Move a territory under another parent at a position."""

    def __init__(self, store: Store, territory_id: int, new_parent_id: int,
                 position: int | None = None) -> None:
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
