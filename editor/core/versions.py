"""Versions of records on a server catalogue, so that concurrent editors never overwrite each
other silently.

The server counts every save of an organisation or page (editor.db.server_extras.SERVER_EXTRAS). The
editor notes the version when it shows a record and saves with `guarded()`: when the count moved
meanwhile, the save is refused with an EditConflict carrying the user's value and the one now
in the catalogue, and the user chooses. A file catalogue has one writer at a time: no versions.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from editor.core.i18n import tr
from editor.db.database import is_server_catalogue
from editor.db.models import Organization, Page, db
from editor.db.server_extras import VERSION_TABLE


class EditConflict(Exception):
    """Another editor saved the record since this one read it.

    `fields` maps a field to (the value being saved, the value now in the catalogue);
    `version` is the record's current version, to save over it when the user so chooses.
    """

    def __init__(
        self, entity: str, record_id: int, fields: dict[str, tuple[object, object]], version: int
    ) -> None:
        self.entity, self.record_id, self.fields, self.version = entity, record_id, fields, version
        shown = "; ".join(
            tr("{field}: у вас «{mine}», в каталоге «{theirs}»").format(
                field=name, mine=_text(mine), theirs=_text(theirs)
            )
            for name, (mine, theirs) in fields.items()
        )
        super().__init__(
            tr("Запись уже изменил другой пользователь — {fields}").format(fields=shown)
        )


def _text(value: object) -> str:
    return "" if value is None else str(value)


def read(entity: str, record_id: int) -> int | None:
    """The record's version now (0: never saved), or None for a file catalogue."""
    if not is_server_catalogue():
        return None
    row = db.execute_sql(
        f"SELECT version FROM {VERSION_TABLE} WHERE entity = ? AND record_id = ?",
        (entity, record_id),
    ).fetchone()
    return row[0] if row else 0


def _current(entity: str, record_id: int) -> dict[str, object]:
    from editor.core.records import organization_values, page_values

    if entity == "page":
        return page_values(Page.get_by_id(record_id))
    return organization_values(Organization.get_by_id(record_id))


@contextmanager
def guarded(
    entity: str, record_id: int, expected: int | None, changes: Mapping[str, object]
) -> Iterator[None]:
    """One transaction for a save that must find the record at version `expected`.

    The row stays locked until the save commits, so no other save slips in between.
    """
    with db.atomic():
        if expected is not None and is_server_catalogue():
            db.execute_sql(f"SELECT id FROM {entity} WHERE id = ? FOR UPDATE", (record_id,))
            version = read(entity, record_id) or 0
            if version != expected:
                current = _current(entity, record_id)
                fields = {
                    name: (value, current.get(name))
                    for name, value in changes.items()
                    if name in current and current.get(name) != value
                }
                raise EditConflict(entity, record_id, fields, version)
        yield
