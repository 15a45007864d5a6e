"""Record commands: each is pushed, undone and redone, checking the catalogue every time."""

from __future__ import annotations

import datetime as dt

import pytest

from editor.commands.base import push
from editor.commands.records import (
    AddOrganization,
    AddPage,
    DeleteOrganizations,
    DeletePages,
    DuplicatePage,
    RestoreOrganizations,
    RestorePages,
)
from editor.core import records
from editor.core.normalize import NormalizeError
from editor.db.models import Change, Organization, Page, SubscriberCount


def live(page_id: int) -> bool:
    return Page.get_by_id(page_id).deleted_at is None


def test_add_organization_with_first_page(catalogue, store, stack, qtbot):
    command = AddOrganization(
        store,
        catalogue.ketovo,
        {"full_name": "МБУК «Кетовский музей»"},
        page={"url": "vk.com/ketovo_museum", "subscribers": 120},
    )
    with qtbot.waitSignal(store.pagesAddedOrRemoved):
        assert push(stack, command) is None
    organization = Organization.get_by_id(command.organization_id)
    page = Page.get_by_id(command.page_id)
    assert organization.territory_id == catalogue.ketovo
    assert (page.url, page.network, page.subscribers) == ("https://vk.com/ketovo_museum", "vk", 120)

    stack.undo()
    assert Organization.get_or_none(Organization.id == command.organization_id) is None
    assert Page.get_or_none(Page.id == command.page_id) is None
    assert not SubscriberCount.select().where(SubscriberCount.page == command.page_id).exists()

    stack.redo()
    assert Organization.get_by_id(command.organization_id).full_name == "МБУК «Кетовский музей»"
    assert Page.get_by_id(command.page_id).subscribers == 120


def test_add_organization_refuses_an_empty_name(catalogue, store):
    with pytest.raises(NormalizeError, match="обязательно"):
        AddOrganization(store, catalogue.ketovo, {"full_name": "  "})


def test_add_organization_with_a_bad_page_leaves_nothing(catalogue, store, stack):
    before = Organization.select().count()
    command = AddOrganization(
        store,
        catalogue.ketovo,
        {"full_name": "Школа"},
        page={"network": "ok", "url": "https://vk.com/club5"},
    )
    error = push(stack, command)
    assert error
    assert Organization.select().count() == before
    assert stack.count() == 0


def test_add_page_round_trip(catalogue, store, stack):
    organization = catalogue.organizations[0]
    command = AddPage(store, organization, {"url": "https://t.me/school1_news", "status": "active"})
    assert push(stack, command) is None
    page = Page.get_by_id(command.page_id)
    assert (page.network, page.status, page.organization_id) == ("telegram", "active", organization)
    stack.undo()
    assert Page.get_or_none(Page.id == command.page_id) is None
    stack.redo()
    assert Page.get_by_id(command.page_id).url == "https://t.me/school1_news"


def test_add_page_refuses_a_negative_count(catalogue, store):
    with pytest.raises(NormalizeError):
        AddPage(store, catalogue.organizations[0], {"subscribers": "-5"})


def test_duplicate_page_copies_fields_but_not_url_or_counts(catalogue, store, stack):
    source = Page.get_by_id(catalogue.pages[1])
    command = DuplicatePage(store, source.id)
    assert push(stack, command) is None
    copy = Page.get_by_id(command.page_id)
    assert (copy.organization_id, copy.network, copy.status, copy.gosmark, copy.title) == (
        source.organization_id,
        source.network,
        source.status,
        source.gosmark,
        source.title,
    )
    assert copy.url == "" and copy.subscribers is None
    stack.undo()
    assert Page.get_or_none(Page.id == command.page_id) is None
    stack.redo()
    assert Page.get_by_id(command.page_id).title == source.title


def test_delete_pages_goes_to_the_trash_and_back(catalogue, store, stack):
    ids = catalogue.pages[:4]
    assert push(stack, DeletePages(store, ids)) is None
    assert not any(live(i) for i in ids)
    assert {p.id for p in records.trash()} == set(ids)
    stack.undo()
    assert all(live(i) for i in ids)
    assert records.trash() == []
    stack.redo()
    assert not any(live(i) for i in ids)


def test_restore_pages_round_trip_keeps_deletion_time(catalogue, store, stack):
    ids = catalogue.pages[:2]
    records.delete_pages(ids)
    stamps = {i: Page.get_by_id(i).deleted_at for i in ids}
    assert push(stack, RestorePages(store, ids)) is None
    assert all(live(i) for i in ids)
    stack.undo()
    assert {i: Page.get_by_id(i).deleted_at for i in ids} == stamps
    stack.redo()
    assert all(live(i) for i in ids)


def test_restoring_a_page_of_a_trashed_organization_undoes_cleanly(catalogue, store, stack):
    organization = catalogue.organizations[2]
    trashed = records.delete_organizations([organization])
    assert push(stack, RestorePages(store, trashed[:1])) is None
    assert Organization.get_by_id(organization).deleted_at is None
    stack.undo()
    assert Organization.get_by_id(organization).deleted_at is not None
    assert not live(trashed[0])


def test_delete_and_restore_organizations(catalogue, store, stack):
    organization = catalogue.organizations[0]
    pages = [p.id for p in Page.select().where(Page.organization == organization)]
    assert push(stack, DeleteOrganizations(store, [organization])) is None
    assert Organization.get_by_id(organization).deleted_at is not None
    assert not any(live(i) for i in pages)
    stack.undo()
    assert Organization.get_by_id(organization).deleted_at is None
    assert all(live(i) for i in pages)
    stack.redo()
    assert not any(live(i) for i in pages)

    # Restoring from the trash brings back the pages trashed together with it, not older ones.
    stack.clear()
    assert push(stack, RestoreOrganizations(store, [organization])) is None
    assert Organization.get_by_id(organization).deleted_at is None
    assert all(live(i) for i in pages)
    stack.undo()
    assert not any(live(i) for i in pages)
    stack.redo()
    assert all(live(i) for i in pages)


def test_restore_organization_leaves_pages_deleted_before_it(catalogue, store, stack):
    organization = catalogue.organizations[4]
    pages = [p.id for p in Page.select().where(Page.organization == organization)]
    records.delete_pages(pages[:1])
    Page.update(deleted_at=dt.datetime(2024, 1, 1)).where(Page.id == pages[0]).execute()
    records.delete_organizations([organization])
    assert push(stack, RestoreOrganizations(store, [organization])) is None
    assert not live(pages[0])
    assert all(live(i) for i in pages[1:])


def test_commands_write_the_change_log(catalogue, store, stack):
    page = catalogue.pages[5]
    push(stack, DeletePages(store, [page]))
    stack.undo()
    actions = [
        (c.action, c.origin)
        for c in Change.select()
        .where((Change.entity == "page") & (Change.entity_id == page))
        .order_by(Change.id)
    ]
    assert actions[-2:] == [("delete", "manual"), ("restore", "undo")]
