"""Undoable changes of the sphere dictionary: add, rename, delete."""

from __future__ import annotations

from editor.commands.base import CatalogueCommand
from editor.core import purge, spheres
from editor.core.changelog import MANUAL, UNDO
from editor.core.i18n import tr
from editor.core.store import Store


class AddSphere(CatalogueCommand):
    """Add a sphere at the top level or under a top-level one."""

    def __init__(self, store: Store, name: str, parent_id: int | None = None) -> None:
        name = " ".join(name.split())
        if not name:
            raise spheres.SphereError(tr("Название сферы не может быть пустым"))
        super().__init__(store, tr("Добавление сферы «{name}»", "commands").format(name=name))
        self.name = name
        self.parent_id = parent_id
        self.row: list[dict] = []

    def do(self) -> None:
        if self.row:  # redo: the same id, so later commands still refer to it
            purge.put_back_spheres(self.row, MANUAL)
        else:
            sphere = spheres.create(self.name, self.parent_id, origin=MANUAL)
            self.row = purge.sphere_rows(sphere.id)
        self.store.spheresChanged.emit()

    def undo_(self) -> None:
        spheres.delete(self.row[0]["id"], UNDO)
        self.store.spheresChanged.emit()


class RenameSphere(CatalogueCommand):
    """Rename a sphere (the old name stays as an alias for imports)."""

    def __init__(self, store: Store, sphere_id: int, name: str) -> None:
        name = " ".join(name.split())
        if not name:
            raise spheres.SphereError(tr("Название сферы не может быть пустым"))
        super().__init__(store, tr("Переименование сферы в «{name}»", "commands").format(name=name))
        self.sphere_id = sphere_id
        self.name = name
        self.before: list[dict] = []

    def do(self) -> None:
        self.before = [
            row for row in purge.sphere_rows(self.sphere_id) if row["id"] == self.sphere_id
        ]
        spheres.rename(self.sphere_id, self.name, MANUAL)
        self.store.spheresChanged.emit()

    def undo_(self) -> None:
        purge.put_back_spheres(self.before, UNDO)
        self.store.spheresChanged.emit()


class DeleteSphere(CatalogueCommand):
    """Delete an unused sphere with its children."""

    def __init__(self, store: Store, sphere_id: int) -> None:
        rows = purge.sphere_rows(sphere_id)
        if not rows:
            raise spheres.SphereError(tr("Сфера {id} не найдена").format(id=sphere_id))
        super().__init__(
            store, tr("Удаление сферы «{name}»", "commands").format(name=rows[0]["name"])
        )
        self.sphere_id = sphere_id
        self.rows = rows

    def do(self) -> None:
        spheres.delete(self.sphere_id, MANUAL)
        self.store.spheresChanged.emit()

    def undo_(self) -> None:
        purge.put_back_spheres(self.rows, UNDO)
        self.store.spheresChanged.emit()
