"""An applied classifier load (new units, renames, the municipal reform) as one undo step.

The background task has already written the load when the command is pushed, so the first redo
does nothing; undo puts back the tree, the moved pages and organisations and the aliases; redo
writes the same load again with the same ids.
"""

from __future__ import annotations

from editor.commands.base import CatalogueCommand
from editor.core.i18n import tr
from editor.core.store import Store
from editor.exchange.classifiers.load import redo_load
from editor.exchange.classifiers.undo import LoadUndo, undo_load


class ClassifierLoadCommand(CatalogueCommand):
    """Undo/redo of one classifier load (pushed after the load was written)."""

    def __init__(self, store: Store, record: LoadUndo, text: str | None = None) -> None:
        super().__init__(store, text or tr("Загрузка классификатора", "commands"))
        self.record = record
        self._applied = True  # the task wrote it before the push

    def do(self) -> None:
        if self._applied:
            return
        self.record = redo_load(self.record)
        self._applied = True
        self.store.reset.emit()

    def undo_(self) -> None:
        undo_load(self.record)
        self._applied = False
        self.store.reset.emit()
