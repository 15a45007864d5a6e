"""An offline copy brought back to the server catalogue it was copied from: only what changed
offline, field by field, and the deletions.

An offline copy (editor.core.offline) remembers the change log's last entry at copy time and
every record live then, with its version and its matching key. Imported back into that server:
- only the records changed offline come as rows, and of those only the fields changed offline
  (with the cells that match a row to its record); an empty cell changes nothing, so whatever
  others changed on the server meanwhile stays;
- a field changed both offline and on the server since the copy keeps the server's value, and
  the import warns with the copy's value; a record the server trashed since is not revived;
- what was deleted offline (live at copy time, trashed or purged in the copy) goes to the trash
  in the import's batch, unless someone changed it on the server since (its version moved), or
  it is an organisation that still has a page there not deleted offline: it stays, with a
  warning. Undoing the import takes those records out of the trash again; its redo trashes
  them again.
Nothing of this applies when the copy comes from another catalogue (another database, or
records whose keys differ under the same ids): the copy is then an ordinary catalogue source.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from editor.core.changelog import Origin
from editor.core.fields import ORGANIZATION_SHEET_FIELDS, PAGE_SHEET_FIELDS
from editor.core.i18n import tr
from editor.core.offline import OFFLINE_KEYS, OFFLINE_LIVE, OFFLINE_ORIGIN
from editor.core.records import delete_organizations, delete_pages, restore_organizations
from editor.db.database import is_server_catalogue
from editor.db.models import db
from editor.db.server_extras import VERSION_TABLE
from editor.exchange.importing.report import ImportReport, Notice

_CHUNK = 5000
# The cells an offline row always carries: what matches it to its record.
MATCH_FIELDS = frozenset(
    {"oktmo", "territory", "organization", "short_name", "ogrn", "inn", "network", "url"}
)
# A change-log field name → the sheet fields (editor.exchange.columns) that carry it.
_SHEET = {spec.name: (spec.sheet_field,) for spec in ORGANIZATION_SHEET_FIELDS + PAGE_SHEET_FIELDS}
_SHEET["subscribers"] = ("subscribers", "count_date")
_COUNT_FIELDS = _SHEET["subscribers"]
_ENTITIES = ("organization", "page")


def _sheet_fields(entity: str, field_name: str) -> tuple[str, ...]:
    if entity == "subscriber_count":  # a dated count of the page (field: the date)
        return _COUNT_FIELDS
    return _SHEET.get(field_name, ())


@dataclass
class OfflineChanges:
    """The records an offline copy changed, by entity and id: the sheet fields changed, or
    None for a record created (or taken out of the trash) offline: all of them."""

    change_id: int
    origin: dict[str, str]
    changed: dict[str, dict[int, set[str] | None]]
    # Fields the server changed too since the copy (its value stays), by (entity, id); records
    # the server trashed since (not revived).
    server_kept: dict[tuple[str, int], set[str]] = field(default_factory=dict)
    server_trashed: set[tuple[str, int]] = field(default_factory=set)
    # (entity, key, field, the copy's value) of the cells left to the server's value.
    conflicts: list[tuple[str, str, str, object]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)

    def cells(
        self, fields: tuple[str, ...], organization_id: int, page_id: int | None, row: list
    ) -> list | None:
        """The row as the import reads it: None when neither its organisation nor its page
        changed offline (or the server trashed them since), else only the changed cells."""
        organization = self._wanted("organization", organization_id)
        page = self._wanted("page", page_id) if page_id is not None else False
        if organization is False and page is False:
            return None
        kept = []
        for index, name in enumerate(fields):
            if name in MATCH_FIELDS:
                kept.append(row[index])
                continue
            entity, record_id = (
                ("page", page_id)
                if index >= self._first_page_field(fields)
                else ("organization", organization_id)
            )
            wanted = page if entity == "page" else organization
            take = wanted is None or (wanted is not False and name in wanted)
            if take and name in self.server_kept.get((entity, record_id), ()):
                self.conflicts.append((entity, self._key(fields, row, entity), name, row[index]))
                take = False
            kept.append(row[index] if take else None)
        return kept

    def _wanted(self, entity: str, record_id: int) -> set[str] | bool | None:
        """The fields to take of a record; False: none."""
        if record_id not in self.changed[entity]:
            return False
        if (entity, record_id) in self.server_trashed:
            return False
        return self.changed[entity][record_id]

    @staticmethod
    def _first_page_field(fields: tuple[str, ...]) -> int:
        return len(fields) - len(PAGE_SHEET_FIELDS)

    @staticmethod
    def _key(fields: tuple[str, ...], row: list, entity: str) -> str:
        return str(row[fields.index("url" if entity == "page" else "organization")] or "—")


def read_changes(connection: sqlite3.Connection) -> OfflineChanges | None:
    """What an offline copy changed since it was made (from its own change log); None for a
    catalogue file that is not an offline copy."""
    tables = {
        row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    if not {OFFLINE_LIVE, OFFLINE_ORIGIN} <= tables:
        return None
    origin = dict(connection.execute(f"SELECT key, value FROM {OFFLINE_ORIGIN}"))
    if not origin.get("change_id", "").isdigit():
        return None
    change_id = int(origin["change_id"])
    changed: dict[str, dict[int, set[str] | None]] = {entity: {} for entity in _ENTITIES}
    for entity, record_id, action, field_name in connection.execute(
        "SELECT entity, entity_id, action, field FROM change WHERE id > ?"
        " AND entity IN ('organization', 'page', 'subscriber_count') ORDER BY id",
        (change_id,),
    ):
        target = changed["page" if entity == "subscriber_count" else entity]
        if action in ("create", "restore"):
            target[record_id] = None
        elif action in ("update", "move") and target.get(record_id, set()) is not None:
            target.setdefault(record_id, set()).update(_sheet_fields(entity, field_name))
    return OfflineChanges(change_id, origin, changed)


def gone(connection: sqlite3.Connection) -> list[tuple[str, int, int, str]]:
    """The records live at copy time and deleted in the copy since: (entity, id, version at
    copy time, key)."""
    return connection.execute(
        f"SELECT l.entity, l.record_id, l.version, l.key FROM {OFFLINE_LIVE} l"
        " LEFT JOIN page p ON l.entity = 'page' AND p.id = l.record_id"
        " LEFT JOIN organization o ON l.entity = 'organization' AND o.id = l.record_id"
        " WHERE coalesce(p.deleted_at, o.deleted_at) IS NOT NULL"
        " OR (p.id IS NULL AND o.id IS NULL)"
        " ORDER BY l.entity, l.record_id"
    ).fetchall()


@dataclass
class OfflineDeletions:
    """What an offline copy deleted and the server will trash (ids), and what it keeps."""

    file_index: int
    changes: OfflineChanges
    organizations: list[int] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # one warning per kept record


def _server_state(entity: str, ids: list[int]) -> dict[int, tuple[str | None, bool, int]]:
    """(key, live, version) of the records on the server, by id."""
    state: dict[int, tuple[str | None, bool, int]] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        rows = db.execute_sql(
            f"SELECT r.id, {OFFLINE_KEYS[entity]}, r.deleted_at IS NULL, coalesce(v.version, 0)"
            f" FROM {entity} r LEFT JOIN {VERSION_TABLE} v"
            " ON v.entity = ? AND v.record_id = r.id"
            f" WHERE r.id IN ({marks})",
            (entity, *chunk),
        ).fetchall()
        state.update((row[0], (row[1], bool(row[2]), row[3])) for row in rows)
    return state


def _live_pages_of(organizations: list[int]) -> dict[int, set[int]]:
    """The live pages of each organisation on the server."""
    pages: dict[int, set[int]] = {org: set() for org in organizations}
    for start in range(0, len(organizations), _CHUNK):
        chunk = organizations[start : start + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        for page_id, org_id in db.execute_sql(
            f"SELECT id, organization_id FROM page WHERE deleted_at IS NULL"
            f" AND organization_id IN ({marks})",
            chunk,
        ):
            pages[org_id].add(page_id)
    return pages


def _server_changes(changes: OfflineChanges) -> None:
    """Note what the server changed since the copy on the records the copy changed too."""
    for entity, record_id, action, field_name in db.execute_sql(
        "SELECT entity, entity_id, action, field FROM change WHERE id > ?"
        " AND entity IN ('organization', 'page') ORDER BY id",
        (changes.change_id,),
    ):
        if record_id not in changes.changed[entity]:
            continue
        if action == "delete":
            changes.server_trashed.add((entity, record_id))
        elif action == "restore":
            changes.server_trashed.discard((entity, record_id))
        else:
            kept = changes.server_kept.setdefault((entity, record_id), set())
            kept.update(
                name for name in _sheet_fields(entity, field_name) if name not in MATCH_FIELDS
            )


def plan(file_index: int, table: object) -> OfflineDeletions | None:
    """How importing `table` (an import source) merges into the open server catalogue: read
    before any row is written, so that the import's own writes do not count as changes."""
    changes = getattr(table, "offline", None)
    if changes is None:
        return None
    if (
        not is_server_catalogue()
        or changes.origin.get("database")
        != db.execute_sql("SELECT current_database()").fetchone()[0]
    ):
        table.offline = None  # into another catalogue: an ordinary catalogue source
        return None
    _server_changes(changes)
    deletions = OfflineDeletions(file_index, changes)
    chosen: dict[str, list[int]] = {"organization": [], "page": []}
    found = table.offline_gone()
    for entity in _ENTITIES:
        rows = [row for row in found if row[0] == entity]
        state = _server_state(entity, [row[1] for row in rows])
        for _, record_id, version, key in rows:
            server = state.get(record_id)
            if server is None or server[0] != key or not server[1]:
                continue  # purged or trashed there already, or not this catalogue's record
            if server[2] != version:
                deletions.kept.append(_kept_message(entity, key))
                continue
            chosen[entity].append(record_id)
    deletions.pages = chosen["page"]
    deleted_pages = set(deletions.pages)
    for org_id, pages in _live_pages_of(chosen["organization"]).items():
        if pages <= deleted_pages:
            deletions.organizations.append(org_id)
        else:
            deletions.kept.append(
                tr(
                    "организация (id {id}) удалена в копии, но у неё на сервере есть страницы,"
                    " не удалённые в копии — оставлена",
                    "import",
                ).format(id=org_id)
            )
    return deletions


def _kept_message(entity: str, key: str | None) -> str:
    if entity == "page":
        return tr(
            "страница {url} удалена в копии, но изменена на сервере после копирования — оставлена",
            "import",
        ).format(url=key or "—")
    return tr(
        "организация «{name}» удалена в копии, но изменена на сервере после копирования —"
        " оставлена",
        "import",
    ).format(name=key or "—")


def _conflict_message(entity: str, key: str, name: str, value: object) -> str:
    from editor.exchange.columns import field_label

    label = field_label(name)
    shown = "—" if value in (None, "") else str(value)
    if entity == "page":
        text = tr(
            "страница {key}: «{field}» изменено и в копии, и на сервере после копирования —"
            " оставлено значение сервера (в копии: «{value}»)",
            "import",
        )
    else:
        text = tr(
            "организация «{key}»: «{field}» изменено и в копии, и на сервере после копирования —"
            " оставлено значение сервера (в копии: «{value}»)",
            "import",
        )
    return text.format(key=key, field=label, value=shown)


def apply(deletions: OfflineDeletions, batch_id: int, report: ImportReport) -> None:
    """Trash what the copy deleted, in the import's batch; warn about what is kept."""
    origin = Origin("import", batch_id)
    trashed_with: set[int] = set()
    for start in range(0, len(deletions.organizations), _CHUNK):
        trashed_with.update(
            delete_organizations(deletions.organizations[start : start + _CHUNK], origin)
        )
    pages = [page for page in deletions.pages if page not in trashed_with]
    delete_pages(pages, origin)
    report.trashed_organizations = len(deletions.organizations)
    report.trashed_pages = len(pages) + len(trashed_with)
    changes = deletions.changes
    messages = [*deletions.kept]
    messages += [_conflict_message(*conflict) for conflict in changes.conflicts]
    for entity, record_id in sorted(changes.server_trashed):
        text = (
            tr(
                "страница (id {id}) изменена в копии, но удалена на сервере после копирования —"
                " не восстановлена",
                "import",
            )
            if entity == "page"
            else tr(
                "организация (id {id}) изменена в копии, но удалена на сервере после"
                " копирования — не восстановлена",
                "import",
            )
        )
        messages.append(text.format(id=record_id))
    for message in messages:
        report.notices.append(Notice(deletions.file_index, None, "", None, message))


def _trashed_by(batch_id: int) -> tuple[list[int], list[int]]:
    """The organisations and pages the batch moved to the trash (see `apply`)."""
    rows = db.execute_sql(
        "SELECT entity, entity_id FROM change WHERE batch_id = ? AND origin = 'import'"
        " AND action = 'delete' ORDER BY id",
        (batch_id,),
    ).fetchall()
    # dict.fromkeys: a redo logs the same deletions again.
    organizations = [record_id for entity, record_id in rows if entity == "organization"]
    pages = [record_id for entity, record_id in rows if entity == "page"]
    return list(dict.fromkeys(organizations)), list(dict.fromkeys(pages))


def undo(batch_id: int) -> None:
    """Take what the batch trashed out of the trash (the batch's undo)."""
    organizations, pages = _trashed_by(batch_id)
    if organizations or pages:
        restore_organizations(organizations, pages, Origin("undo", batch_id))


def redo(batch_id: int) -> None:
    """Trash again what the batch had trashed (the redo of its undo)."""
    organizations, pages = _trashed_by(batch_id)
    origin = Origin("import", batch_id)
    if organizations:
        delete_organizations(organizations, origin)
    if pages:
        delete_pages(pages, origin)
