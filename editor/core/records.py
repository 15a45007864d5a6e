"""Organisations and pages: create, update, trash and restore, each change in the change log."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from peewee import chunked, fn

from editor.core import normalize as nz
from editor.core.changelog import BULK, MANUAL, Origin, record, record_many
from editor.core.fields import ORGANIZATION_FIELD, PAGE_FIELD, coerce
from editor.core.i18n import tr
from editor.core.urls import canonical_url
from editor.db.models import Organization, Page, SubscriberCount, Territory, db, now

# Ids bound in one IN (...): SQLite refuses more than 250,000 values in a statement.
ID_CHUNK = 30_000


class RecordError(ValueError):
    """A refused record change; str() is a Russian message."""


def search_key(title: str, organization: Organization, url: str) -> str:
    """The folded text that quick search looks into (page title, organisation, URL, ОГРН)."""
    return nz.fold_text(
        " ".join(
            part
            for part in (
                title,
                organization.full_name,
                organization.short_name,
                url,
                organization.ogrn or "",
            )
            if part
        )
    )


# --- organisations ---------------------------------------------------------------------------


def _clean_organization(values: Mapping[str, object]) -> dict[str, object]:
    cleaned: dict[str, object] = {}
    for key, value in values.items():
        if key == "territory":
            cleaned["territory"] = value
            continue
        spec = ORGANIZATION_FIELD.get(key)
        if spec is None:
            raise RecordError(key)
        cleaned[key] = coerce(spec, value)
    if "full_name" in cleaned:
        cleaned["name_key"] = nz.fold_text(cleaned["full_name"])
    return cleaned


def create_organization(
    territory_id: int,
    values: Mapping[str, object],
    origin: Origin = MANUAL,
    organization_id: int | None = None,
    source: str = "",
) -> Organization:
    """Add an organisation to a territory."""
    if Territory.get_or_none(Territory.id == territory_id) is None:
        raise RecordError(tr("Территория {id} не найдена").format(id=territory_id))
    cleaned = _clean_organization({"full_name": values.get("full_name"), **values})
    with db.atomic():
        organization = Organization.create(
            id=organization_id,
            territory=territory_id,
            source=source,
            batch=origin.batch_id,
            **cleaned,
        )
        record(
            "organization",
            organization.id,
            "create",
            origin,
            "full_name",
            None,
            organization.full_name,
        )
    return organization


def get_organization(organization_id: int) -> Organization:
    """An organisation by id (DoesNotExist when there is none)."""
    return Organization.get_by_id(organization_id)


def organization_name(organization_id: int) -> str:
    """An organisation's full name."""
    return get_organization(organization_id).full_name


def get_page(page_id: int | None) -> Page | None:
    """A page by id, None when there is none (or no id)."""
    return Page.get_or_none(Page.id == page_id) if page_id else None


def pages_by_id(page_ids: Iterable[int]) -> list[Page]:
    """The pages with these ids (live or in the trash)."""
    ids = list(page_ids)
    return list(Page.select().where(Page.id.in_(ids))) if ids else []


def organization_values(organization: Organization) -> dict[str, object]:
    """Field values of an organisation as the form shows them (sphere ids, not objects)."""
    values = {name: getattr(organization, name) for name in ORGANIZATION_FIELD}
    for name in ("sphere1", "sphere2", "sphere3"):
        values[name] = getattr(organization, f"{name}_id")
    values["territory"] = organization.territory_id
    return values


def update_organization(
    organization_id: int, changes: Mapping[str, object], origin: Origin = MANUAL
) -> dict[str, object]:
    """Change fields of an organisation; return the old values of what changed."""
    organization = Organization.get_or_none(Organization.id == organization_id)
    if organization is None:
        raise RecordError(tr("Организация {id} не найдена").format(id=organization_id))
    cleaned = _clean_organization(changes)
    current = organization_values(organization)
    old = {
        key: current[key]
        for key, value in cleaned.items()
        if key != "name_key" and current.get(key) != value
    }
    if not old:
        return {}
    with db.atomic():
        Organization.update(
            **{k: cleaned[k] for k in old}
            | ({"name_key": cleaned["name_key"]} if "full_name" in old else {})
        ).where(Organization.id == organization_id).execute()
        if "territory" in old:
            Page.update(territory=cleaned["territory"]).where(
                Page.organization == organization_id
            ).execute()
        if {"full_name", "short_name", "ogrn"} & old.keys():
            refresh_search_keys(organization_id)
        record_many(
            [
                ("organization", organization_id, "update", key, value, cleaned[key])
                for key, value in old.items()
            ],
            origin,
        )
    return old


def refresh_search_keys(organization_id: int) -> None:
    """Recompute the search text of an organisation's pages after its names changed."""
    organization = Organization.get_by_id(organization_id)
    for page in Page.select(Page.id, Page.title, Page.url).where(
        Page.organization == organization_id
    ):
        Page.update(search_key=search_key(page.title, organization, page.url)).where(
            Page.id == page.id
        ).execute()


def delete_organizations(ids: Iterable[int], origin: Origin = MANUAL) -> list[int]:
    """Move organisations and their live pages to the trash; return the page ids trashed too."""
    ids = list(ids)
    stamp = now()
    with db.atomic():
        pages = [
            p
            for (p,) in Page.select(Page.id)
            .where(Page.organization.in_(ids) & Page.deleted_at.is_null())
            .tuples()
        ]
        Organization.update(deleted_at=stamp).where(Organization.id.in_(ids)).execute()
        Page.update(deleted_at=stamp).where(Page.id.in_(pages)).execute()
        record_many(
            [("organization", i, "delete", "", None, None) for i in ids]
            + [("page", i, "delete", "", None, None) for i in pages],
            origin,
        )
    return pages


def restore_organizations(
    ids: Iterable[int], page_ids: Iterable[int] = (), origin: Origin = MANUAL
) -> None:
    """Take organisations (and the given pages) out of the trash."""
    ids, page_ids = list(ids), list(page_ids)
    with db.atomic():
        Organization.update(deleted_at=None).where(Organization.id.in_(ids)).execute()
        Page.update(deleted_at=None).where(Page.id.in_(page_ids)).execute()
        record_many(
            [("organization", i, "restore", "", None, None) for i in ids]
            + [("page", i, "restore", "", None, None) for i in page_ids],
            origin,
        )


# --- pages -----------------------------------------------------------------------------------


def _clean_page(values: Mapping[str, object], current_network: str | None) -> dict[str, object]:
    cleaned: dict[str, object] = {}
    for key, value in values.items():
        spec = PAGE_FIELD.get(key)
        if spec is None:
            raise RecordError(key)
        cleaned[key] = coerce(spec, value)
    network = cleaned.get("network") or current_network
    if cleaned.get("url"):
        canonical = canonical_url(str(cleaned["url"]), network if "network" in cleaned else None)
        if "network" not in cleaned and current_network and canonical.network != current_network:
            # The URL decides the network when only the URL is edited.
            cleaned["network"] = canonical.network
        cleaned["url"] = canonical.url
        cleaned["url_key"] = canonical.url
        if canonical.network_id and not cleaned.get("network_id"):
            cleaned["network_id"] = canonical.network_id
        if "network" not in cleaned and not current_network:
            cleaned["network"] = canonical.network
    elif "url" in cleaned:
        cleaned["url_key"] = None
    if "network" in cleaned and cleaned["network"] is None:
        cleaned["network"] = "other"
    for flag in ("pos_problem", "pos_opinion"):
        if flag in cleaned and "widgets" not in cleaned:
            cleaned["_recount_widgets"] = True
    return cleaned


def page_values(page: Page) -> dict[str, object]:
    """Field values of a page as the form shows them."""
    return {name: getattr(page, name) for name in PAGE_FIELD}


def create_page(
    organization_id: int,
    values: Mapping[str, object],
    origin: Origin = MANUAL,
    page_id: int | None = None,
    source: str = "",
) -> Page:
    """Add a page to an organisation; its subscriber count starts the history."""
    organization = Organization.get_or_none(Organization.id == organization_id)
    if organization is None:
        raise RecordError(tr("Организация {id} не найдена").format(id=organization_id))
    cleaned = _clean_page(values, None)
    cleaned.pop("_recount_widgets", None)
    cleaned.setdefault("network", "other" if not cleaned.get("url") else cleaned.get("network"))
    subscribers = cleaned.pop("subscribers", None)
    date = cleaned.pop("subscribers_date", None) or dt.date.today()
    with db.atomic():
        page = Page.create(
            id=page_id,
            organization=organization_id,
            territory=organization.territory_id,
            source=source,
            batch=origin.batch_id,
            search_key=search_key(
                str(cleaned.get("title") or ""), organization, str(cleaned.get("url") or "")
            ),
            **{k: v for k, v in cleaned.items()},
        )
        record("page", page.id, "create", origin, "url", None, page.url)
        if subscribers is not None:
            set_count(page.id, date, subscribers, origin)
    return Page.get_by_id(page.id)


def update_page(
    page_id: int, changes: Mapping[str, object], origin: Origin = MANUAL
) -> dict[str, object]:
    """Change fields of a page; return old values of what changed.

    A new subscriber count joins the history on `subscribers_date` (today when not given); the
    returned dict then holds "_count" = (date, the count that date had before or None) for undo.
    """
    page = Page.get_or_none(Page.id == page_id)
    if page is None:
        raise RecordError(tr("Страница {id} не найдена").format(id=page_id))
    cleaned = _clean_page(changes, page.network)
    recount = cleaned.pop("_recount_widgets", False)
    old: dict[str, object] = {}
    count_change = None
    if "subscribers" in cleaned:
        date = cleaned.pop("subscribers_date", None) or dt.date.today()
        count = cleaned.pop("subscribers")
        if count != page.subscribers or date != page.subscribers_date:
            count_change = (date, count)
    plain = {k: v for k, v in cleaned.items() if k != "url_key" and getattr(page, k) != v}
    if recount:
        flags = [plain.get(f, getattr(page, f)) for f in ("pos_problem", "pos_opinion")]
        widgets = sum(1 for flag in flags if flag)
        if widgets != page.widgets:
            plain["widgets"] = widgets
    with db.atomic():
        if plain:
            old = {key: getattr(page, key) for key in plain}
            update = dict(plain)
            if "url" in plain:
                update["url_key"] = cleaned.get("url_key")
            if "url" in plain or "title" in plain:
                update["search_key"] = search_key(
                    str(plain.get("title", page.title) or ""),
                    page.organization,
                    str(plain.get("url", page.url) or ""),
                )
            Page.update(**update).where(Page.id == page_id).execute()
            record_many(
                [("page", page_id, "update", key, value, plain[key]) for key, value in old.items()],
                origin,
            )
        if count_change is not None:
            date, count = count_change
            old["subscribers"] = page.subscribers
            old["subscribers_date"] = page.subscribers_date
            old["_count"] = (date, set_count(page_id, date, count, origin))
    return old


def restore_page_values(page_id: int, old: Mapping[str, object], origin: Origin) -> None:
    """Undo update_page(): put back old field values and the count history."""
    values = {
        k: v
        for k, v in old.items()
        if not k.startswith("_") and k not in ("subscribers", "subscribers_date")
    }
    with db.atomic():
        if values:
            update_page(page_id, values, origin)
        if "_count" in old:
            date, count = old["_count"]  # type: ignore[misc]
            set_count(page_id, date, count, origin)


def set_count(
    page_id: int, date: dt.date, count: int | None, origin: Origin = MANUAL
) -> int | None:
    """Set (or with None remove) the count of a date; return the count that date had before."""
    existing = SubscriberCount.get_or_none(
        (SubscriberCount.page == page_id) & (SubscriberCount.date == date)
    )
    before = existing.count if existing else None
    if before == count:
        return before
    with db.atomic():
        if count is None:
            SubscriberCount.delete().where(SubscriberCount.id == existing.id).execute()
        elif existing:
            SubscriberCount.update(count=count).where(SubscriberCount.id == existing.id).execute()
        else:
            SubscriberCount.create(page=page_id, date=date, count=count, batch=origin.batch_id)
        record(
            "subscriber_count", page_id, "update", origin, date.strftime("%d.%m.%Y"), before, count
        )
        refresh_current_count(page_id)
    return before


def refresh_current_count(page_id: int) -> None:
    """Copy the latest count of the history onto the page."""
    latest = (
        SubscriberCount.select(SubscriberCount.count, SubscriberCount.date)
        .where(SubscriberCount.page == page_id)
        .order_by(SubscriberCount.date.desc())
        .first()
    )
    Page.update(
        subscribers=latest.count if latest else None,
        subscribers_date=latest.date if latest else None,
    ).where(Page.id == page_id).execute()


def count_history(page_id: int) -> list[tuple[dt.date, int]]:
    """The subscriber history of a page, oldest first."""
    query = (
        SubscriberCount.select(SubscriberCount.date, SubscriberCount.count)
        .where(SubscriberCount.page == page_id)
        .order_by(SubscriberCount.date)
        .tuples()
    )
    return list(query)


def delete_pages(ids: Iterable[int], origin: Origin = MANUAL) -> None:
    """Move pages to the trash."""
    ids = list(ids)
    stamp = now()
    with db.atomic():
        for chunk in chunked(ids, ID_CHUNK):
            Page.update(deleted_at=stamp).where(Page.id.in_(chunk)).execute()
        record_many([("page", i, "delete", "", None, None) for i in ids], origin)


def restore_pages(ids: Iterable[int], origin: Origin = MANUAL) -> None:
    """Take pages out of the trash (their organisation too, when it was trashed)."""
    ids = list(ids)
    with db.atomic():
        for chunk in chunked(ids, ID_CHUNK):
            Page.update(deleted_at=None).where(Page.id.in_(chunk)).execute()
            organizations = Page.select(Page.organization).where(Page.id.in_(chunk))
            Organization.update(deleted_at=None).where(
                Organization.id.in_(organizations) & Organization.deleted_at.is_null(False)
            ).execute()
        record_many([("page", i, "restore", "", None, None) for i in ids], origin)


def trash(limit: int = 1000) -> list[Page]:
    """Pages in the trash, most recently deleted first."""
    return list(
        Page.select()
        .where(Page.deleted_at.is_null(False))
        .order_by(Page.deleted_at.desc())
        .limit(limit)
    )


def bulk_preview(ids: Iterable[int], changes: Mapping[str, object]) -> int:
    """How many of the pages a bulk edit would actually change."""
    cleaned = _clean_page(changes, None)
    cleaned.pop("_recount_widgets", None)
    cleaned.pop("url_key", None)
    ids = list(ids)
    condition = None
    for key, value in cleaned.items():
        column = getattr(Page, key)
        differs = column.is_null() if value is None else (column.is_null() | (column != value))
        if value is None:
            differs = column.is_null(False)
        condition = differs if condition is None else (condition | differs)
    if condition is None:
        return 0
    changed = 0
    for chunk in chunked(ids, ID_CHUNK):
        changed += Page.select(fn.COUNT(Page.id)).where(Page.id.in_(chunk) & condition).scalar()
    return changed


def bulk_update_pages(
    ids: Iterable[int], changes: Mapping[str, object], origin: Origin = BULK
) -> dict[int, dict[str, object]]:
    """Apply the same changes to many pages in one transaction; return old values per changed page."""
    olds: dict[int, dict[str, object]] = {}
    with db.atomic():
        for page_id in ids:
            old = update_page(page_id, changes, origin)
            if old:
                olds[page_id] = old
    return olds
