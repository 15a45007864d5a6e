"""Duplicates: finding both kinds of groups, and merging field by field with an exact undo."""

from __future__ import annotations

import datetime as dt

import pytest

from editor.commands.base import push
from editor.commands.records import MergePages
from editor.core import duplicates, records
from editor.db.models import Page


def snapshot(page_id):
    page = Page.get_by_id(page_id)
    return records.page_values(page) | {
        "deleted_at": page.deleted_at,
        "history": records.count_history(page_id),
    }


def test_find_groups_same_url_and_same_organization_network(catalogue):
    groups = duplicates.find()
    by_kind = {(g.kind, g.page_ids) for g in groups}
    assert (duplicates.URL, tuple(sorted(catalogue.url_twins))) in by_kind
    assert (duplicates.ORGANIZATION_NETWORK, tuple(sorted(catalogue.network_twins))) in by_kind
    url_group = next(g for g in groups if g.kind == duplicates.URL)
    assert url_group.key == "https://vk.com/club1001"


def test_find_within_a_territory_and_ignores_the_trash(catalogue):
    # The URL twins live in Кетово (school 1) and Курган (school 10).
    assert all(g.kind != duplicates.URL for g in duplicates.find(catalogue.ketovo))
    records.delete_pages([catalogue.network_twins[1]])
    assert tuple(sorted(catalogue.network_twins)) not in {g.page_ids for g in duplicates.find()}


def test_merge_round_trip_restores_both_pages_exactly(catalogue, store, stack):
    keep, other = catalogue.url_twins
    before = {keep: snapshot(keep), other: snapshot(other)}
    command = MergePages(store, keep, other, {"title": "", "status": "flagship"})
    assert push(stack, command) is None

    kept = Page.get_by_id(keep)
    assert (kept.title, kept.status) == ("", "flagship")
    assert Page.get_by_id(other).deleted_at is not None
    # The other page's February count joins the kept page's history; March stays the latest.
    assert records.count_history(keep) == [(dt.date(2024, 2, 1), 55), (dt.date(2024, 3, 1), 100)]
    assert kept.subscribers == 100
    assert all(g.kind != duplicates.URL for g in duplicates.find())

    stack.undo()
    assert {keep: snapshot(keep), other: snapshot(other)} == before
    stack.redo()
    assert Page.get_by_id(other).deleted_at is not None
    assert Page.get_by_id(keep).status == "flagship"


def test_merge_keeps_the_kept_count_on_a_shared_date(catalogue, store, stack):
    keep, other = catalogue.network_twins
    records.set_count(other, dt.date(2024, 3, 1), 999)
    push(stack, MergePages(store, keep, other, {}))
    assert (
        dict(records.count_history(keep))[dt.date(2024, 3, 1)] == Page.get_by_id(keep).subscribers
    )
    assert dt.date(2024, 1, 15) in dict(records.count_history(keep))
    stack.undo()
    assert records.count_history(other) == [(dt.date(2024, 1, 15), 40), (dt.date(2024, 3, 1), 999)]


@pytest.mark.parametrize("fields", [{"subscribers": 5}, {"nonsense": 1}])
def test_merge_refuses_fields_that_cannot_be_taken(catalogue, fields):
    keep, other = catalogue.url_twins
    with pytest.raises(ValueError):
        duplicates.merge(keep, other, fields)


def test_merge_refuses_a_page_in_the_trash(catalogue, store, stack):
    keep, other = catalogue.url_twins
    records.delete_pages([other])
    error = push(stack, MergePages(store, keep, other, {}))
    assert error and "корзин" in error
    assert stack.count() == 0
