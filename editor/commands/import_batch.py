"""An applied import as one undo step, keyed by its import batch.

The worker has already written the batch when the command is pushed, so the first redo does
nothing; undo removes exactly what the batch added and restores what it changed; redo puts the
same rows back (with their ids) and re-applies the same changes.
"""

from __future__ import annotations

from editor.commands.base import CatalogueCommand
from editor.core.i18n import tr
from editor.core.store import Store
from editor.exchange.importing.apply import BatchSnapshot, redo_batch, undo_batch


class ImportBatchCommand(CatalogueCommand):
    """Undo/redo of import batch `batch_id` (pushed after the import was written)."""

    def __init__(self, store: Store, batch_id: int, text: str | None = None) -> None:
        super().__init__(
            store, text or tr("Импорт (пакет №{batch})", "commands").format(batch=batch_id)
        )
        self.batch_id = batch_id
        self.snapshot: BatchSnapshot | None = None
        self._applied = True  # the worker wrote it before the push

    def do(self) -> None:
        if self._applied:
            return
        assert self.snapshot is not None
        redo_batch(self.batch_id, self.snapshot)
        self.snapshot = None  # the rows are back in the catalogue; free the copy
        self._applied = True
        self.store.reset.emit()

    def undo_(self) -> None:
        self.snapshot = undo_batch(self.batch_id)
        self._applied = False
        self.store.reset.emit()
