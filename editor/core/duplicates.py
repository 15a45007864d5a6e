"""Duplicate pages: finding them (same canonical URL, or same organisation and network) and
merging two of them field by field, with everything undo needs to put both back exactly."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from peewee import fn

from editor.core import records
from editor.core.changelog import MANUAL, Origin, record, record_many
from editor.core.fields import PAGE_FIELD
from editor.core.i18n import tr
from editor.core.normalize import NETWORK_LABELS
from editor.core.search import territory_condition
from editor.db.models import Organization, Page, SubscriberCount, db, now

URL = "url"
ORGANIZATION_NETWORK = "organization_network"

# Fields a merge may take from the other page; subscriber counts come with the history instead.
MERGE_FIELDS: tuple[str, ...] = tuple(
    name for name in PAGE_FIELD if name not in ("subscribers", "subscribers_date")
)


class MergeError(ValueError):
    """A refused merge; str() is a Russian message."""


@dataclass(frozen=True)
class DuplicateGroup:
    """Live pages that look like the same page: `kind` is URL or ORGANIZATION_NETWORK."""

    kind: str
    key: str  # the canonical URL, or «organisation · network»
    page_ids: tuple[int, ...]


@dataclass
class MergeResult:
    """What merge() changed, for unmerge()."""

    keep_id: int
    other_id: int
    old_values: dict[str, object] = field(default_factory=dict)  # the kept page's replaced values
    moved_counts: list[int] = field(default_factory=list)  # SubscriberCount ids moved to keep
    other_deleted_at: dt.datetime | None = None


def _ids(text: str) -> tuple[int, ...]:
    return tuple(sorted(int(part) for part in text.split(",")))


def find(
    territory_id: int | None = None, descendants: bool = True, limit: int = 2000
) -> list[DuplicateGroup]:
    """Groups of live pages sharing a canonical URL, then groups sharing organisation + network.

    A group of the second kind that holds exactly the pages of a URL group is not repeated.
    """
    scope = territory_condition(Page.territory, territory_id, descendants)
    live = Page.deleted_at.is_null()
    if scope is not None:
        live = live & scope
    groups: list[DuplicateGroup] = []
    by_url = (
        Page.select(Page.url_key, fn.GROUP_CONCAT(Page.id))
        .where(live & Page.url_key.is_null(False) & (Page.url_key != ""))
        .group_by(Page.url_key)
        .having(fn.COUNT(Page.id) > 1)
        .order_by(Page.url_key)
        .limit(limit)
        .tuples()
    )
    seen: set[tuple[int, ...]] = set()
    for url, ids in by_url:
        groups.append(DuplicateGroup(URL, url, _ids(ids)))
        seen.add(_ids(ids))
    by_network = (
        Page.select(Organization.full_name, Page.network, fn.GROUP_CONCAT(Page.id))
        .join(Organization)
        .where(live)
        .group_by(Page.organization, Page.network)
        .having(fn.COUNT(Page.id) > 1)
        .order_by(Organization.full_name, Page.network)
        .limit(limit)
        .tuples()
    )
    for name, network, ids in by_network:
        if _ids(ids) in seen:
            continue
        label = NETWORK_LABELS.get(network, network)
        groups.append(DuplicateGroup(ORGANIZATION_NETWORK, f"{name} · {label}", _ids(ids)))
    return groups


def merge(
    keep_id: int, other_id: int, chosen: Mapping[str, object], origin: Origin = MANUAL
) -> MergeResult:
    """Merge `other_id` into `keep_id`: set `chosen` values on the kept page, move the other's
    subscriber history (the kept page's count wins on a shared date), trash the other."""
    if keep_id == other_id:
        raise MergeError(tr("Нельзя объединить страницу с самой собой"))
    pages = {p.id: p for p in Page.select().where(Page.id.in_([keep_id, other_id]))}
    for page_id in (keep_id, other_id):
        if page_id not in pages:
            raise MergeError(tr("Страница {id} не найдена").format(id=page_id))
        if pages[page_id].deleted_at is not None:
            raise MergeError(tr("Страница {id} в корзине").format(id=page_id))
    unknown = set(chosen) - set(MERGE_FIELDS)
    if unknown:
        raise MergeError(tr("Поле «{field}» нельзя объединить").format(field=sorted(unknown)[0]))
    result = MergeResult(keep_id, other_id, other_deleted_at=pages[other_id].deleted_at)
    with db.atomic():
        result.old_values = records.update_page(keep_id, chosen, origin)
        kept_dates = SubscriberCount.select(SubscriberCount.date).where(
            SubscriberCount.page == keep_id
        )
        result.moved_counts = [
            row_id
            for (row_id,) in SubscriberCount.select(SubscriberCount.id)
            .where((SubscriberCount.page == other_id) & SubscriberCount.date.not_in(kept_dates))
            .tuples()
        ]
        if result.moved_counts:
            SubscriberCount.update(page=keep_id).where(
                SubscriberCount.id.in_(result.moved_counts)
            ).execute()
        Page.update(deleted_at=now()).where(Page.id == other_id).execute()
        records.refresh_current_count(keep_id)
        records.refresh_current_count(other_id)
        record_many(
            [
                ("page", keep_id, "merge", "", other_id, keep_id),
                ("page", other_id, "delete", "", None, None),
            ],
            origin,
        )
    return result


def unmerge(result: MergeResult, origin: Origin) -> None:
    """Undo merge(): the other page back from the trash with its history, the kept page's values."""
    with db.atomic():
        if result.moved_counts:
            SubscriberCount.update(page=result.other_id).where(
                SubscriberCount.id.in_(result.moved_counts)
            ).execute()
        Page.update(deleted_at=result.other_deleted_at).where(Page.id == result.other_id).execute()
        records.refresh_current_count(result.keep_id)
        records.refresh_current_count(result.other_id)
        if result.old_values:
            records.restore_page_values(result.keep_id, result.old_values, origin)
        record("page", result.other_id, "restore", origin)
