"""Deletions made in an offline copy, brought back to the server catalogue it was copied from.

An offline copy (editor.core.offline) remembers every record live when it was made, with its
version and its matching key. Importing the copy back into that server trashes, in the import's
batch, what was deleted offline: an organisation or a page live at copy time and trashed or
purged in the copy. A record that someone changed on the server since the copy (its version
moved) is kept, with a warning, and so is an organisation that still has a page on the server
that was not deleted offline: nobody's work disappears silently. Undoing the import takes those
records out of the trash again; its redo trashes them again.

Nothing is deleted when the copy comes from another catalogue (another database, or records
whose keys differ under the same ids).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from editor.core.changelog import Origin
from editor.core.i18n import tr
from editor.core.offline import OFFLINE_KEYS
from editor.core.records import delete_organizations, delete_pages, restore_organizations
from editor.db.database import is_server_catalogue
from editor.db.dialect import VERSION_TABLE
from editor.db.models import db
from editor.exchange.importing.report import ImportReport, Notice

_CHUNK = 5000


@dataclass
class OfflineDeletions:
    """What an offline copy deleted and the server will trash (ids), and what it keeps."""

    file_index: int
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


def plan(file_index: int, table: object) -> OfflineDeletions | None:
    """What importing `table` (an import source) deletes on the open server catalogue: read
    before any row is written, so that the import's own writes do not count as changes."""
    gone_of = getattr(table, "offline_gone", None)
    if gone_of is None or not is_server_catalogue():
        return None
    found = gone_of()
    if found is None:
        return None
    origin, gone = found
    database = db.execute_sql("SELECT current_database()").fetchone()[0]
    if origin.get("database") != database:
        return None
    deletions = OfflineDeletions(file_index)
    chosen: dict[str, list[int]] = {"organization": [], "page": []}
    for entity in ("organization", "page"):
        rows = [row for row in gone if row[0] == entity]
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


def apply(deletions: OfflineDeletions, batch_id: int, report: ImportReport) -> None:
    """Trash what the copy deleted, in the import's batch; warn about what is kept."""
    origin = Origin("import", batch_id)
    organizations = set(deletions.organizations)
    trashed_with = set()
    for start in range(0, len(deletions.organizations), _CHUNK):
        trashed_with.update(
            delete_organizations(deletions.organizations[start : start + _CHUNK], origin)
        )
    pages = [page for page in deletions.pages if page not in trashed_with]
    delete_pages(pages, origin)
    report.trashed_organizations = len(organizations)
    report.trashed_pages = len(pages) + len(trashed_with)
    for message in deletions.kept:
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
