"""Undoable record operations: add, duplicate, trash and restore pages and organisations, bulk
edit and the merge of duplicates. Each is one undo step; a redo reuses the ids of the first run,
so later commands on the stack still find their rows."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from editor.commands.base import CatalogueCommand
from editor.core import bulk, duplicates, purge, records
from editor.core.changelog import BULK, MANUAL, UNDO
from editor.core.fields import ORGANIZATION_FIELD, PAGE_FIELD, coerce
from editor.core.i18n import tr
from editor.core.store import Store
from editor.db.models import Organization, Page, db

# Fields a duplicated page does not copy: the copy is another page (a new URL, its own counts).
NOT_DUPLICATED = ("url", "network_id", "subscribers", "subscribers_date")


def _check(specs: Mapping, values: Mapping[str, object]) -> None:
    """Refuse invalid values before anything is pushed (raises NormalizeError / RecordError)."""
    for key, value in values.items():
        if key == "territory":
            continue
        if key not in specs:
            raise records.RecordError(key)
        coerce(specs[key], value)


class AddOrganization(CatalogueCommand):
    """Add an organisation to a territory, optionally with its first page."""

    def __init__(
        self,
        store: Store,
        territory_id: int,
        values: Mapping[str, object],
        page: Mapping[str, object] | None = None,
    ) -> None:
        _check(ORGANIZATION_FIELD, values)
        if page is not None:
            _check(PAGE_FIELD, page)
        name = " ".join(str(values.get("full_name") or "").split())
        super().__init__(store, tr("Добавление организации «{name}»", "commands").format(name=name))
        self.territory_id = territory_id
        self.values = dict(values)
        self.page_values = dict(page) if page is not None else None
        self.organization_id: int | None = None
        self.page_id: int | None = None

    def do(self) -> None:
        with db.atomic():  # a refused page leaves no organisation behind
            organization = records.create_organization(
                self.territory_id, self.values, MANUAL, organization_id=self.organization_id
            )
            if self.page_values is not None:
                page = records.create_page(
                    organization.id, self.page_values, MANUAL, page_id=self.page_id
                )
                self.page_id = page.id
        self.organization_id = organization.id
        self.store.pagesAddedOrRemoved.emit()

    def undo_(self) -> None:
        assert self.organization_id is not None
        purge.purge_organization(self.organization_id, UNDO)
        self.store.pagesAddedOrRemoved.emit()


class AddPage(CatalogueCommand):
    """Add a page to an organisation."""

    def __init__(
        self,
        store: Store,
        organization_id: int,
        values: Mapping[str, object],
        text: str | None = None,
    ) -> None:
        _check(PAGE_FIELD, values)
        super().__init__(store, text or tr("Добавление страницы", "commands"))
        self.organization_id = organization_id
        self.values = dict(values)
        self.page_id: int | None = None

    def do(self) -> None:
        page = records.create_page(self.organization_id, self.values, MANUAL, page_id=self.page_id)
        self.page_id = page.id
        self.store.pagesAddedOrRemoved.emit()

    def undo_(self) -> None:
        assert self.page_id is not None
        purge.purge_pages([self.page_id], UNDO)
        self.store.pagesAddedOrRemoved.emit()


class DuplicatePage(AddPage):
    """Add a copy of a page to the same organisation (without its URL and counts)."""

    def __init__(self, store: Store, page_id: int) -> None:
        source = Page.get_or_none(Page.id == page_id)
        if source is None:
            raise records.RecordError(tr("Страница {id} не найдена").format(id=page_id))
        values = {k: v for k, v in records.page_values(source).items() if k not in NOT_DUPLICATED}
        super().__init__(
            store, source.organization_id, values, tr("Дублирование страницы", "commands")
        )
        self.source_id = page_id


class DeletePages(CatalogueCommand):
    """Move pages to the trash."""

    def __init__(self, store: Store, page_ids: Iterable[int]) -> None:
        live = purge.live_pages(page_ids)
        super().__init__(store, tr("Удаление страниц: {count}", "commands").format(count=len(live)))
        self.page_ids = live

    def do(self) -> None:
        with db.atomic():
            for chunk in purge.chunks(self.page_ids):
                records.delete_pages(chunk, MANUAL)
        self.store.pagesAddedOrRemoved.emit()

    def undo_(self) -> None:
        with db.atomic():
            for chunk in purge.chunks(self.page_ids):
                records.restore_pages(chunk, UNDO)
        self.store.pagesAddedOrRemoved.emit()


class RestorePages(CatalogueCommand):
    """Take pages out of the trash (and their organisation, when it was trashed)."""

    def __init__(self, store: Store, page_ids: Iterable[int]) -> None:
        self.page_stamps = purge.page_stamps(page_ids)
        super().__init__(
            store,
            tr("Восстановление страниц: {count}", "commands").format(count=len(self.page_stamps)),
        )
        self.organization_stamps = purge.trashed_organizations_of(self.page_stamps)

    def do(self) -> None:
        records.restore_pages(list(self.page_stamps), MANUAL)
        self.store.pagesAddedOrRemoved.emit()

    def undo_(self) -> None:
        purge.retrash(self.page_stamps, self.organization_stamps, UNDO)
        self.store.pagesAddedOrRemoved.emit()


class DeleteOrganizations(CatalogueCommand):
    """Move organisations with all their pages to the trash."""

    def __init__(self, store: Store, organization_ids: Iterable[int]) -> None:
        ids = sorted(set(organization_ids))
        self.organization_ids = (
            [
                i
                for (i,) in Organization.select(Organization.id)
                .where(Organization.id.in_(ids) & Organization.deleted_at.is_null())
                .tuples()
            ]
            if ids
            else []
        )
        super().__init__(
            store,
            tr("Удаление организаций: {count}", "commands").format(
                count=len(self.organization_ids)
            ),
        )
        self.page_ids: list[int] = []

    def do(self) -> None:
        self.page_ids = records.delete_organizations(self.organization_ids, MANUAL)
        self.store.pagesAddedOrRemoved.emit()
        self.store.organizationsChanged.emit(self.organization_ids)

    def undo_(self) -> None:
        records.restore_organizations(self.organization_ids, self.page_ids, UNDO)
        self.store.pagesAddedOrRemoved.emit()
        self.store.organizationsChanged.emit(self.organization_ids)


class RestoreOrganizations(CatalogueCommand):
    """Take organisations out of the trash with the pages that were trashed together with them."""

    def __init__(self, store: Store, organization_ids: Iterable[int]) -> None:
        ids = sorted(set(organization_ids))
        self.organization_stamps = (
            {
                i: stamp
                for i, stamp in Organization.select(Organization.id, Organization.deleted_at)
                .where(Organization.id.in_(ids) & Organization.deleted_at.is_null(False))
                .tuples()
            }
            if ids
            else {}
        )
        self.page_stamps = purge.page_stamps(purge.pages_trashed_with(self.organization_stamps))
        super().__init__(
            store,
            tr("Восстановление организаций: {count}", "commands").format(
                count=len(self.organization_stamps)
            ),
        )

    def do(self) -> None:
        records.restore_organizations(
            list(self.organization_stamps), list(self.page_stamps), MANUAL
        )
        self.store.pagesAddedOrRemoved.emit()
        self.store.organizationsChanged.emit(list(self.organization_stamps))

    def undo_(self) -> None:
        purge.retrash(self.page_stamps, self.organization_stamps, UNDO)
        self.store.pagesAddedOrRemoved.emit()
        self.store.organizationsChanged.emit(list(self.organization_stamps))


class BulkEditPages(CatalogueCommand):
    """Set the same values on many pages (sphere goes to their organisations): one undo step."""

    def __init__(
        self,
        store: Store,
        page_ids: Iterable[int],
        changes: Mapping[str, object],
        organization_changes: Mapping[str, object] | None = None,
    ) -> None:
        bulk.clean_changes(changes, organization_changes or {})  # refuse before the push
        self.page_ids = sorted(set(page_ids))
        super().__init__(
            store,
            tr("Массовое изменение: {count} стр.", "commands").format(count=len(self.page_ids)),
        )
        self.changes = dict(changes)
        self.organization_changes = dict(organization_changes or {})
        self.undo_data: bulk.BulkUndo | None = None

    def do(self) -> None:
        self.undo_data = bulk.bulk_edit(
            self.page_ids, self.changes, self.organization_changes, BULK
        )
        self._announce()

    def undo_(self) -> None:
        assert self.undo_data is not None
        bulk.undo_bulk_edit(self.undo_data, UNDO)
        self._announce()

    def _announce(self) -> None:
        assert self.undo_data is not None
        if "network" in self.changes:
            self.store.pagesAddedOrRemoved.emit()  # filters by network may now hold other rows
        self.store.pagesChanged.emit(self.undo_data.changed_pages)
        if self.undo_data.organizations:
            self.store.organizationsChanged.emit(sorted(self.undo_data.organizations))


class MergePages(CatalogueCommand):
    """Merge a duplicate into the page kept: chosen values, its history, the other to the trash."""

    def __init__(
        self, store: Store, keep_id: int, other_id: int, chosen: Mapping[str, object]
    ) -> None:
        _check(PAGE_FIELD, chosen)
        super().__init__(store, tr("Объединение дубликатов", "commands"))
        self.keep_id = keep_id
        self.other_id = other_id
        self.chosen = dict(chosen)
        self.result: duplicates.MergeResult | None = None

    def do(self) -> None:
        self.result = duplicates.merge(self.keep_id, self.other_id, self.chosen, MANUAL)
        self.store.pagesAddedOrRemoved.emit()
        self.store.pagesChanged.emit([self.keep_id, self.other_id])

    def undo_(self) -> None:
        assert self.result is not None
        duplicates.unmerge(self.result, UNDO)
        self.store.pagesAddedOrRemoved.emit()
        self.store.pagesChanged.emit([self.keep_id, self.other_id])
