"""Undo commands (QUndoCommand): each user edit, pushed on the catalogue's undo stack, calls core."""
