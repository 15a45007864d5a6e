"""The change log: every write records when, what (entity, field, old → new) and its origin."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from editor.core.fields import to_log_text
from editor.db.dialect import insert_rows
from editor.db.models import Change, db, now


@dataclass(frozen=True)
class Origin:
    """Where a change comes from: a manual edit, a bulk edit, an import batch, undo, or the system."""

    kind: str = "manual"  # manual | bulk | import | undo | system | classifier
    batch_id: int | None = None


MANUAL = Origin("manual")
BULK = Origin("bulk")
SYSTEM = Origin("system")
UNDO = Origin("undo")

# (entity, entity_id, action, field, old, new)
Entry = tuple[str, int, str, str, object, object]


def record(
    entity: str,
    entity_id: int,
    action: str,
    origin: Origin,
    field: str = "",
    old: object = None,
    new: object = None,
) -> None:
    """Write one change-log entry (inside the caller's transaction)."""
    record_many([(entity, entity_id, action, field, old, new)], origin)


_COLUMNS = ("at", "entity", "entity_id", "action", "field", "old", "new", "origin", "batch_id")


def record_many(entries: Iterable[Entry], origin: Origin) -> int:
    """Write many entries at once through one prepared statement; return their number."""
    # As text, the way sqlite3's default adapter writes a datetime, converted once, not per row.
    at = now().isoformat(" ")
    rows = [
        (
            at,
            entity,
            entity_id,
            action,
            field,
            to_log_text(old),
            to_log_text(new),
            origin.kind,
            origin.batch_id,
        )
        for entity, entity_id, action, field, old, new in entries
    ]
    if rows:
        insert_rows(
            db.connection(),
            "change",
            _COLUMNS,
            f"INSERT INTO change ({', '.join(_COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    return len(rows)


def history(entity: str, entity_id: int, limit: int = 500) -> list[Change]:
    """The change log of one record, newest first."""
    return list(
        Change.select()
        .where((Change.entity == entity) & (Change.entity_id == entity_id))
        .order_by(Change.id.desc())
        .limit(limit)
    )


def page_history(page_id: int, organization_id: int, limit: int = 500) -> list[Change]:
    """The change log shown for a page: its own entries and its organisation's, newest first."""
    return list(
        Change.select()
        .where(
            ((Change.entity == "page") & (Change.entity_id == page_id))
            | ((Change.entity == "organization") & (Change.entity_id == organization_id))
            | ((Change.entity == "subscriber_count") & (Change.entity_id == page_id))
        )
        .order_by(Change.id.desc())
        .limit(limit)
    )
