"""Finding pages (Cyrillic case, ё, scope, flags) and rolled-up totals."""

from __future__ import annotations

import datetime as dt

import pytest

from editor.core import records, rollup, spheres, territories
from editor.core.search import PageFilter, count_and_total, ordered_ids


@pytest.fixture
def catalogue(backend_catalogue):
    """Every test here runs on a catalogue file and on a server catalogue."""
    return backend_catalogue


@pytest.fixture
def region(catalogue):
    kurgan = territories.resolve("37000000")
    ketovo = territories.create(kurgan.id, "Кетовский муниципальный округ")
    village = territories.create(ketovo.id, "Колесниковский сельсовет")
    schools = spheres.find("Школы")
    pages = {}
    org = records.create_organization(
        village.id, {"full_name": "МКОУ «Колёсниковская ШКОЛА»", "sphere1": schools}
    )
    pages["school"] = records.create_page(
        org.id, {"url": "vk.com/kol_school", "subscribers": 300, "gosmark": True, "widgets": 2}
    )
    org2 = records.create_organization(
        ketovo.id, {"full_name": "Администрация Кетовского округа", "ogrn": "1024501234567"}
    )
    pages["admin"] = records.create_page(
        org2.id,
        {"url": "ok.ru/group/55", "subscribers": 1000, "subscribers_date": dt.date(2020, 1, 1)},
    )
    pages["admin_tg"] = records.create_page(org2.id, {"url": "@ketovo_adm", "subscribers": 50})
    amur = territories.resolve("10000000")
    org3 = records.create_organization(
        amur.id, {"full_name": "Школа в Благовещенске", "sphere1": schools}
    )
    pages["amur"] = records.create_page(org3.id, {"url": "vk.com/club777", "subscribers": 7})
    return kurgan, ketovo, village, pages


def test_search_folds_cyrillic_case_and_yo(region):
    kurgan, _, _, pages = region
    hits = ordered_ids(PageFilter(territory_id=kurgan.id, text="колесниковская школа"))
    assert hits == [pages["school"].id]
    assert ordered_ids(PageFilter(text="ШКОЛА")) == sorted([pages["school"].id, pages["amur"].id])
    assert ordered_ids(PageFilter(text="школа"), descending=True) == sorted(
        [pages["school"].id, pages["amur"].id], reverse=True
    )
    assert ordered_ids(PageFilter(text="нет такой страницы")) == []
    assert ordered_ids(PageFilter(text="1024501234567")) == sorted(
        [pages["admin"].id, pages["admin_tg"].id]
    )
    assert ordered_ids(PageFilter(text="t.me/ketovo")) == [pages["admin_tg"].id]


def test_wildcards_in_the_search_text_are_plain_characters(region):
    kurgan, _, _, _ = region
    found = {}
    for name in ("Центр_1", "Центр21", "Охват 100%", "Охват 1000", "Папка a\\b", "Папка ab"):
        org = records.create_organization(kurgan.id, {"full_name": name})
        found[name] = records.create_page(org.id, {"url": f"vk.com/club{len(found) + 900}"}).id
    assert ordered_ids(PageFilter(text="центр_1")) == [found["Центр_1"]]
    assert ordered_ids(PageFilter(text="100%")) == [found["Охват 100%"]]
    assert ordered_ids(PageFilter(text="a\\b")) == [found["Папка a\\b"]]


def test_scope_and_flags(region):
    kurgan, ketovo, _, pages = region
    assert count_and_total(PageFilter(territory_id=kurgan.id)) == (3, 1350)
    assert count_and_total(PageFilter(territory_id=ketovo.id, descendants=False)) == (2, 1050)
    assert ordered_ids(PageFilter(territory_id=kurgan.id, no_gosmark=True)) == sorted(
        [pages["admin"].id, pages["admin_tg"].id]
    )
    assert ordered_ids(PageFilter(territory_id=kurgan.id, stale_days=365)) == [pages["admin"].id]
    assert ordered_ids(PageFilter(networks=("telegram",))) == [pages["admin_tg"].id]
    education = [s.id for s in spheres.all_spheres() if s.name == "Образование"]
    assert ordered_ids(PageFilter(spheres=tuple(education))) == sorted(
        [pages["school"].id, pages["amur"].id]
    )


def test_order_by_subscribers_descending(region):
    kurgan, _, _, pages = region
    ids = ordered_ids(PageFilter(territory_id=kurgan.id), "subscribers", descending=True)
    assert ids == [pages["admin"].id, pages["school"].id, pages["admin_tg"].id]


def test_tree_totals_roll_up_descendants_and_skip_trash(region):
    kurgan, _ketovo, village, pages = region
    totals = rollup.tree_totals()
    assert (totals[village.id].pages, totals[village.id].subscribers) == (1, 300)
    assert (totals[kurgan.id].pages, totals[kurgan.id].subscribers) == (3, 1350)
    root = territories.root()
    assert (totals[root.id].pages, totals[root.id].subscribers) == (4, 1357)
    records.delete_pages([pages["admin"].id])
    assert rollup.tree_totals()[kurgan.id].subscribers == 350


def test_stats_of_a_subtree(region):
    kurgan, *_ = region
    result = rollup.stats(kurgan.id)
    assert result.pages == 3 and result.organizations == 2 and result.subscribers == 1350
    assert result.by_network == {"vk": 1, "ok": 1, "telegram": 1}
    assert result.gosmark == 1 and result.with_widgets == 1
    assert result.by_sphere == {"Школы": 1}
    assert result.territories["municipality"] == 1 and result.territories["settlement"] == 1
    assert result.by_level == {"settlement": 1, "municipality": 2}


@pytest.mark.parametrize("inline_ids", [0, 5000], ids=["json-ids", "inline-ids"])
def test_indexed_search_agrees_with_instr_for_every_filter(tmp_path, monkeypatch, inline_ids):
    """Text through the in-memory index gives what SQLite's instr gave, whatever else is set."""
    from editor.core import page_list, search, text_index
    from editor.db.database import close_catalogue
    from tests.sample_catalogue import build_sample

    sample = build_sample(tmp_path / "sample.gpc")
    try:
        records.delete_pages(sample.pages[::4])
        # The library of the settlement gets a page, so that a scope without descendants differs.
        records.create_page(sample.organizations[-1], {"url": "vk.com/elki", "subscribers": 9})
        monkeypatch.setattr(search, "_INLINE_PAGE_IDS", inline_ids)
        school = spheres.find("Школы")
        root = territories.root().id
        scopes = [
            {},
            {"territory_id": root},
            {"territory_id": sample.region},
            {"territory_id": sample.ketovo},
            {"territory_id": sample.ketovo, "descendants": False},
        ]
        extras = [
            {},
            {"spheres": (school,)},
            {"networks": ("vk", "telegram")},
            {"statuses": ("card",)},
            {"no_gosmark": True},
            {"no_widgets": True},
            {"not_connected": True},
            {"stale_days": 30},
            {"page_ids": tuple(sample.pages[::3])},
        ]
        texts = ["школа", "ШКОЛА № 1", "ёлкинская", "t.me/school1", "нет такого"]
        orders = [
            ("id", False),
            ("id", True),
            ("subscribers", True),
            ("organization", False),
            ("territory", True),
            ("title", False),
        ]

        def answers(page_filter: PageFilter, order: tuple[str, bool]) -> tuple:
            return (
                count_and_total(page_filter),
                ordered_ids(page_filter),
                ordered_ids(page_filter, *order),
                page_list.ordered_ids(page_filter, *order),
            )

        filters = [
            PageFilter(text=text, trash=trash, **scope, **extra)
            for text in texts
            for scope in scopes
            for extra in extras
            for trash in (False, True)
        ]
        before = text_index.loads()
        indexed = [answers(f, orders[n % len(orders)]) for n, f in enumerate(filters)]
        # Nothing was written: one read served every search.
        assert text_index.loads() - before == 1
        monkeypatch.setattr(text_index, "current", lambda *args: None)  # the instr form
        plain = [answers(f, orders[n % len(orders)]) for n, f in enumerate(filters)]
        for page_filter, new, old in zip(filters, indexed, plain, strict=True):
            assert new == old, page_filter
        assert any(new[0][0] > 1 for new in indexed)  # the grid does find pages
    finally:
        text_index.release()
        close_catalogue()


def test_stats_follow_organisation_moves_sphere_changes_and_trash(region):
    kurgan, ketovo, village, pages = region
    amur = territories.resolve("10000000")
    admin = pages["admin"].organization_id
    records.update_organization(admin, {"territory": amur.id})
    school = pages["school"].organization_id
    records.update_organization(school, {"sphere1": spheres.find("Библиотеки")})
    moved = rollup.stats(kurgan.id)
    assert (moved.pages, moved.organizations, moved.subscribers) == (1, 1, 300)
    assert moved.by_sphere == {"Библиотеки": 1} and moved.by_level == {"settlement": 1}
    assert rollup.stats(amur.id).by_network == {"vk": 1, "ok": 1, "telegram": 1}
    records.delete_pages([pages["school"].id])
    assert rollup.stats(kurgan.id).by_sphere == {}
    assert rollup.tree_totals()[kurgan.id].pages == 0
    for scope in (None, kurgan.id, ketovo.id, village.id, amur.id):
        assert rollup.stats(scope) == rollup._reference_stats(scope)
