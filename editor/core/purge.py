"""Reversals that undo needs beyond the trash: removing records an undone «add» created, and
finding what the trash holds per organisation."""

from __future__ import annotations

from collections.abc import Iterable

from editor.core.changelog import Origin, record_many
from editor.core.territories import subtree_ids
from editor.db.models import Organization, Page, Sphere, SubscriberCount, db


def purge_pages(ids: Iterable[int], origin: Origin) -> None:
    """Remove pages with their subscriber history for good (the change log keeps their trace)."""
    ids = list(ids)
    if not ids:
        return
    with db.atomic():
        SubscriberCount.delete().where(SubscriberCount.page.in_(ids)).execute()
        Page.delete().where(Page.id.in_(ids)).execute()
        record_many([("page", i, "delete", "", None, None) for i in ids], origin)


def purge_organization(organization_id: int, origin: Origin) -> None:
    """Remove an organisation and all its pages for good."""
    with db.atomic():
        pages = [
            i for (i,) in Page.select(Page.id).where(Page.organization == organization_id).tuples()
        ]
        purge_pages(pages, origin)
        Organization.delete().where(Organization.id == organization_id).execute()
        record_many([("organization", organization_id, "delete", "", None, None)], origin)


def trashed_organizations(limit: int = 1000) -> list[Organization]:
    """Organisations in the trash, most recently deleted first."""
    return list(
        Organization.select()
        .where(Organization.deleted_at.is_null(False))
        .order_by(Organization.deleted_at.desc())
        .limit(limit)
    )


def pages_trashed_with(organization_ids: Iterable[int]) -> list[int]:
    """Trashed pages that went to the trash together with their (trashed) organisation."""
    ids = list(organization_ids)
    query = (
        Page.select(Page.id)
        .join(Organization)
        .where(
            Organization.id.in_(ids)
            & Organization.deleted_at.is_null(False)
            & (Page.deleted_at == Organization.deleted_at)
        )
        .tuples()
    )
    return [page_id for (page_id,) in query]


def trashed_organizations_of(page_ids: Iterable[int]) -> dict[int, object]:
    """Trashed organisations of these pages → their deletion time (restoring a page revives them)."""
    ids = list(page_ids)
    query = (
        Organization.select(Organization.id, Organization.deleted_at)
        .where(
            Organization.deleted_at.is_null(False)
            & Organization.id.in_(Page.select(Page.organization).where(Page.id.in_(ids)))
        )
        .tuples()
    )
    return dict(query)


def page_stamps(page_ids: Iterable[int]) -> dict[int, object]:
    """Deletion times of trashed pages, kept so that undoing a restore puts them back exactly."""
    ids = list(page_ids)
    query = (
        Page.select(Page.id, Page.deleted_at)
        .where(Page.id.in_(ids) & Page.deleted_at.is_null(False))
        .tuples()
    )
    return dict(query)


def retrash(
    page_stamps: dict[int, object], organization_stamps: dict[int, object], origin: Origin
) -> None:
    """Put pages and organisations back into the trash with their former deletion times."""
    with db.atomic():
        for organization_id, stamp in organization_stamps.items():
            Organization.update(deleted_at=stamp).where(
                Organization.id == organization_id
            ).execute()
        for page_id, stamp in page_stamps.items():
            Page.update(deleted_at=stamp).where(Page.id == page_id).execute()
        record_many(
            [("organization", i, "delete", "", None, None) for i in organization_stamps]
            + [("page", i, "delete", "", None, None) for i in page_stamps],
            origin,
        )


def sphere_rows(sphere_id: int) -> list[dict]:
    """A sphere and its children as stored, parents first (a snapshot for undo)."""
    query = Sphere.select().where((Sphere.id == sphere_id) | (Sphere.parent == sphere_id))
    return sorted(query.dicts(), key=lambda row: (row["parent"] is not None, row["id"]))


def put_back_spheres(rows: list[dict], origin: Origin) -> None:
    """Write sphere snapshots back: re-create deleted ones, reset renamed ones."""
    with db.atomic():
        for row in rows:
            if Sphere.select().where(Sphere.id == row["id"]).exists():
                Sphere.update(**{k: v for k, v in row.items() if k != "id"}).where(
                    Sphere.id == row["id"]
                ).execute()
            else:
                Sphere.insert(row).execute()
        record_many(
            [("sphere", row["id"], "restore", "name", None, row["name"]) for row in rows], origin
        )


def records_in_subtree(territory_id: int) -> tuple[int, int]:
    """(organisations, pages) held by a territory and its descendants, trash included: what a
    territory deletion has to move elsewhere."""
    ids = subtree_ids(territory_id)
    organizations = Organization.select().where(Organization.territory.in_(ids)).count()
    pages = Page.select().where(Page.territory.in_(ids)).count()
    return organizations, pages


CHUNK = 30_000  # ids per statement; SQLite refuses more than 250,000 bound values


def chunks(ids: list[int]) -> list[list[int]]:
    """`ids` in slices small enough for one statement."""
    return [ids[start : start + CHUNK] for start in range(0, len(ids), CHUNK)]


def live_pages(ids: Iterable[int]) -> list[int]:
    """Those of `ids` that are not in the trash, sorted."""
    found: list[int] = []
    for chunk in chunks(sorted(set(ids))):
        query = Page.select(Page.id).where(Page.id.in_(chunk) & Page.deleted_at.is_null())
        found.extend(page_id for (page_id,) in query.tuples())
    return sorted(found)
