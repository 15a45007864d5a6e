"""Organisations and pages: validation, history of counts, trash, bulk edit, change log."""

from __future__ import annotations

import datetime as dt

import pytest

from editor.core import records, spheres, territories
from editor.core.changelog import BULK, Origin, history
from editor.core.normalize import NormalizeError
from editor.db.models import Organization, Page


@pytest.fixture
def catalogue(backend_catalogue):
    """Every test here runs on a catalogue file and on a server catalogue."""
    return backend_catalogue


@pytest.fixture
def school(catalogue):
    kurgan = territories.resolve("37000000")
    organization = records.create_organization(
        kurgan.id,
        {
            "full_name": "МБОУ «Школа № 5»",
            "ogrn": "1024501234567",
            "sphere1": spheres.find("Школы"),
        },
    )
    page = records.create_page(
        organization.id, {"url": "http://m.vk.com/public123/", "subscribers": "1 200"}
    )
    return organization, page


def test_page_url_is_canonical_and_network_inferred(school):
    _, page = school
    assert page.url == "https://vk.com/club123"
    assert page.network == "vk" and page.network_id == "123"
    assert page.subscribers == 1200 and page.subscribers_date == dt.date.today()


def test_invalid_values_are_refused_and_nothing_stored(school):
    _, page = school
    with pytest.raises(NormalizeError):
        records.update_page(page.id, {"subscribers": "-5"})
    with pytest.raises(NormalizeError):
        records.update_page(page.id, {"url": "https://ok.ru/group/1", "network": "vk"})
    with pytest.raises(NormalizeError):
        records.update_page(page.id, {"url": "не ссылка"})
    assert Page.get_by_id(page.id).subscribers == 1200
    assert Page.get_by_id(page.id).url == "https://vk.com/club123"


def test_subscriber_counts_are_a_dated_history(school):
    _, page = school
    records.update_page(page.id, {"subscribers": 900, "subscribers_date": dt.date(2024, 1, 1)})
    # An older count joins the history without replacing the current one.
    assert Page.get_by_id(page.id).subscribers == 1200
    old = records.update_page(page.id, {"subscribers": 1500, "subscribers_date": dt.date.today()})
    assert Page.get_by_id(page.id).subscribers == 1500
    assert records.count_history(page.id) == [(dt.date(2024, 1, 1), 900), (dt.date.today(), 1500)]
    records.restore_page_values(page.id, old, Origin("undo"))
    assert Page.get_by_id(page.id).subscribers == 1200


def test_every_change_is_logged_with_origin(school):
    organization, page = school
    records.update_page(page.id, {"status": "флагманский", "gosmark": "да"})
    entries = {(c.field, c.old, c.new, c.origin) for c in history("page", page.id)}
    assert ("status", None, "flagship", "manual") in entries
    assert ("gosmark", None, "да", "manual") in entries
    records.update_organization(organization.id, {"full_name": "МБОУ «Гимназия № 5»"})
    assert history("organization", organization.id)[0].old == "МБОУ «Школа № 5»"
    # The page's search text follows the organisation's new name.
    assert "гимназия" in Page.get_by_id(page.id).search_key


def test_trash_and_restore(school):
    organization, page = school
    records.delete_pages([page.id])
    assert Page.get_by_id(page.id).deleted_at is not None
    assert [p.id for p in records.trash()] == [page.id]
    records.restore_pages([page.id])
    assert Page.get_by_id(page.id).deleted_at is None
    trashed = records.delete_organizations([organization.id])
    assert trashed == [page.id]
    assert Organization.get_by_id(organization.id).deleted_at is not None
    records.restore_organizations([organization.id], trashed)
    assert Page.get_by_id(page.id).deleted_at is None


def test_bulk_preview_counts_only_real_changes(school):
    organization, page = school
    other = records.create_page(organization.id, {"url": "t.me/school5", "status": "активный"})
    ids = [page.id, other.id]
    assert records.bulk_preview(ids, {"status": "активный"}) == 1
    olds = records.bulk_update_pages(ids, {"status": "активный"}, BULK)
    assert list(olds) == [page.id]
    assert {p.status for p in Page.select()} == {"active"}
    assert history("page", page.id)[0].origin == "bulk"


def test_widget_flags_set_the_widget_count(school):
    _, page = school
    records.update_page(page.id, {"pos_problem": True, "pos_opinion": True})
    assert Page.get_by_id(page.id).widgets == 2
    records.update_page(page.id, {"pos_opinion": False})
    assert Page.get_by_id(page.id).widgets == 1
