"""The page table's id lists: scope (inline or recursive), order, limit and subscriber totals."""

from __future__ import annotations

import pytest

from editor.core import page_list, records
from editor.core.search import PageFilter
from editor.db.database import close_catalogue
from tests.sample_catalogue import build_sample


@pytest.fixture
def catalogue(backend_catalogue):
    """Every test here runs on a catalogue file and on a server catalogue."""
    return backend_catalogue


ALL_SUBSCRIBERS = sum(100 * n + len(net) for n in range(1, 11) for net in ("vk", "ok", "telegram"))


@pytest.fixture
def sample(tmp_path):
    built = build_sample(tmp_path / "sample.gpc")
    yield built
    close_catalogue()


def test_whole_catalogue_and_its_subscribers(sample):
    result = page_list.ordered_ids(PageFilter(territory_id=1))
    assert result.ids == sorted(sample.pages)
    assert result.subscribers == ALL_SUBSCRIBERS
    assert result.complete
    assert page_list.count(PageFilter(territory_id=1)) == 30


@pytest.mark.parametrize("inline", [500, 0])
def test_scope_of_a_subtree_inline_or_recursive(sample, monkeypatch, inline):
    monkeypatch.setattr(page_list, "_INLINE_IDS", inline)
    ketovo = page_list.ordered_ids(PageFilter(territory_id=sample.ketovo))
    assert len(ketovo.ids) == 15
    district = page_list.ordered_ids(PageFilter(territory_id=sample.region))
    assert len(district.ids) == 30
    assert page_list.count(PageFilter(territory_id=sample.region, text="школа № 3")) == 3
    only_node = PageFilter(territory_id=sample.region, descendants=False)
    assert page_list.ordered_ids(only_node).ids == []


def test_limit_gives_the_first_rows_in_display_order(sample):
    whole = page_list.ordered_ids(PageFilter(territory_id=1), "subscribers", descending=True)
    first = page_list.ordered_ids(PageFilter(territory_id=1), "subscribers", True, limit=5)
    assert first.ids == whole.ids[:5]
    assert not first.complete


def test_trashed_pages_are_left_out_unless_the_trash_is_asked_for(sample):
    records.delete_pages(sample.pages[:2])
    assert len(page_list.ordered_ids(PageFilter(territory_id=1)).ids) == 28
    assert page_list.ordered_ids(PageFilter(territory_id=1, trash=True)).ids == sample.pages[:2]


def test_order_by_territory_and_organization_names(sample):
    by_territory = page_list.ordered_ids(PageFilter(territory_id=1), "territory").ids
    ketovo = page_list.ordered_ids(PageFilter(territory_id=sample.ketovo)).ids
    assert set(by_territory[:15]) == set(ketovo)  # «Кетовский» before «город Курган»
    records.update_organization(sample.organizations[1], {"full_name": "ёлочка"})
    records.update_organization(sample.organizations[2], {"full_name": "Январь"})
    by_name = page_list.ordered_ids(PageFilter(territory_id=1), "organization").ids
    # case and ё folded: «ёлочка» sorts as «елочка», before the «МБОУ» schools; «Январь» last
    assert set(by_name[:3]) == set(sample.pages[3:6])
    assert set(by_name[-3:]) == set(sample.pages[6:9])


def test_a_cancelled_query_stops_with_cancelled(sample, monkeypatch):
    monkeypatch.setattr(page_list, "_POLL_STEPS", 1)  # the small catalogue ends in fewer steps
    with pytest.raises(page_list.Cancelled):
        page_list.ordered_ids(PageFilter(territory_id=1), is_cancelled=lambda: True)
    again = page_list.ordered_ids(PageFilter(territory_id=1), is_cancelled=lambda: False)
    assert len(again.ids) == 30  # the connection works normally afterwards


def test_a_text_gives_a_first_screen_then_the_whole_list(sample, monkeypatch):
    from editor.core import text_index

    every = page_list.ordered_ids(PageFilter(territory_id=1, text="vk"))
    text_index.current().forget_answers()  # as when «vk» is typed for the first time
    first = page_list.ordered_ids(PageFilter(territory_id=1, text="vk"), limit=3)
    assert (first.ids, first.complete) == (every.ids[:3], False)
    backwards = page_list.ordered_ids(
        PageFilter(territory_id=1, text="vk"), descending=True, limit=3
    )
    assert backwards.ids == every.ids[::-1][:3]
    with pytest.raises(page_list.Cancelled):
        page_list.ordered_ids(PageFilter(territory_id=1, text="vk"), is_cancelled=lambda: True)
