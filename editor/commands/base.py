"""The base of every undoable edit: failures inside redo/undo become a message, never a crash.

Qt calls redo() and undo() from C++, where a Python exception cannot reach the caller; so each
command catches its own errors, rolls nothing half-way (core writes are atomic) and reports them
through `push()`.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand, QUndoStack

from editor.core.store import Store


class CatalogueCommand(QUndoCommand):
    """A QUndoCommand whose work is `do()` / `undo_()`; errors are kept in `error`."""

    def __init__(self, store: Store, text: str) -> None:
        super().__init__(text)
        self.store = store
        self.error: str | None = None

    def do(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def undo_(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def redo(self) -> None:  # noqa: D102 - Qt override
        self._guard(self.do)

    def undo(self) -> None:  # noqa: D102 - Qt override
        self._guard(self.undo_)

    def _guard(self, work) -> None:
        self.error = None
        try:
            work()
        except Exception as error:  # noqa: BLE001 - reported to the user by push()
            self.error = " ".join(str(error).split()) or error.__class__.__name__
            self.setObsolete(True)


def push(stack: QUndoStack, command: CatalogueCommand) -> str | None:
    """Push a command; return the error message when its first redo failed (then it is dropped)."""
    stack.push(command)
    return command.error
