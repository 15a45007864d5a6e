"""Undoing a classifier load as one step: the tree, the moved records and the aliases come back.

A load returns a :class:`LoadUndo` (its plan and what it replaced); :func:`undo_load` reverses
it in one transaction, in the opposite order of the writes, and records the reversal in the
change log. Redoing is writing the same plan again (`load.redo_load`), with the same ids.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from editor.core.changelog import UNDO, Entry, record_many
from editor.core.normalize import territory_key
from editor.core.succession import Handover, removing_territories, take_back
from editor.db.models import db


@dataclass
class LoadUndo:
    """What one applied load wrote and what it replaced."""

    plan: Any  # load._Plan, kept to write the same load again on redo
    created: list[int] = field(default_factory=list)
    renamed: list[tuple[int, str, str]] = field(default_factory=list)  # id, old name, old kind
    positions: list[tuple[int, int]] = field(default_factory=list)  # (old position, id)
    aliases: list[tuple[int, str]] = field(default_factory=list)  # (territory id, alias) added
    handovers: list[Handover] = field(default_factory=list)


def undo_load(undo: LoadUndo) -> None:
    """Put the catalogue back as it was before the load (one transaction)."""
    connection = db.connection()
    entries: list[Entry] = []
    bulk = max(len(undo.handovers), len(undo.created))
    with db.atomic(), removing_territories(bulk) as touched:
        for handover in reversed(undo.handovers):
            take_back(handover, UNDO)
            if touched is not None:
                touched.update((handover.old["id"], handover.successor_id))
        connection.executemany(
            "DELETE FROM territory_alias WHERE territory_id = ? AND name = ?", undo.aliases
        )
        entries += [("territory", tid, "update", "alias", name, None) for tid, name in undo.aliases]
        for territory_id, name, kind in undo.renamed:
            current = connection.execute(
                "SELECT name FROM territory WHERE id = ?", (territory_id,)
            ).fetchone()
            connection.execute(
                "UPDATE territory SET name = ?, name_key = ?, kind = ? WHERE id = ?",
                (name, territory_key(name), kind, territory_id),
            )
            if current and current[0] != name:
                entries.append(("territory", territory_id, "update", "name", current[0], name))
        connection.executemany("UPDATE territory SET position = ? WHERE id = ?", undo.positions)
        # Deepest first, so that no created node is left without its parent for a moment.
        levels = dict(
            connection.execute(
                "SELECT id, level FROM territory WHERE id IN (SELECT value FROM json_each(?))",
                (_json_ids(undo.created),),
            ).fetchall()
        )
        connection.executemany(
            "DELETE FROM territory WHERE id = ?",
            [(tid,) for tid in sorted(undo.created, key=lambda tid: -levels.get(tid, 0))],
        )
        entries += [("territory", tid, "delete", "name", None, None) for tid in undo.created]
        record_many(entries, UNDO)


def _json_ids(ids: list[int]) -> str:
    return "[" + ",".join(str(int(value)) for value in ids) + "]"
