"""The territory tree: init contents, resolving names, moves, deletes and the change log."""

from __future__ import annotations

import pytest

from editor.core import records, territories
from editor.core.changelog import history
from editor.core.territories import TerritoryError
from editor.db.models import LEVEL_INDEX, Territory


@pytest.fixture
def catalogue(backend_catalogue):
    """Every test here runs on a catalogue file and on a server catalogue."""
    return backend_catalogue


def test_init_holds_russia_districts_and_89_subjects(catalogue):
    counts = territories.level_counts()
    assert counts["country"] == 1
    assert counts["federal_district"] == 8
    assert counts["region"] == 89
    kurgan = territories.resolve("37000000")
    assert kurgan.name == "Курганская область"
    assert territories.path_of(kurgan.id) == (
        "Российская Федерация/Уральский федеральный округ/Курганская область"
    )


@pytest.fixture
def kurgan_tree(catalogue):
    kurgan = territories.resolve("37000000")
    ketovo = territories.create(
        kurgan.id,
        "Кетовский муниципальный округ",
        kind="муниципальный округ",
        oktmo="37515000",
        custom=False,
    )
    territories.add_alias(ketovo.id, "Кетовский район")
    kurgan_city = territories.create(
        kurgan.id, "город Курган", kind="городской округ", oktmo="37701000"
    )
    village = territories.create(ketovo.id, "Колесниковский территориальный отдел")
    return kurgan, ketovo, kurgan_city, village


def test_resolve_by_name_alias_path_and_code(kurgan_tree):
    kurgan, ketovo, _, _ = kurgan_tree
    assert territories.resolve("Кетовский").id == ketovo.id
    assert territories.resolve("Кетовский район").id == ketovo.id
    assert territories.resolve("КЕТОВСКИЙ МУНИЦИПАЛЬНЫЙ ОКРУГ").id == ketovo.id
    assert territories.resolve("Курганская область/Кетовский район").id == ketovo.id
    assert territories.resolve("37515000").id == ketovo.id
    assert territories.resolve("37").id == kurgan.id


def test_ambiguous_name_lists_candidates(kurgan_tree):
    _, _, _kurgan_city, _ = kurgan_tree
    amur = territories.resolve("10000000")
    territories.create(amur.id, "Кетовский муниципальный округ")
    with pytest.raises(TerritoryError, match="неоднозначна") as error:
        territories.resolve("Кетовский")
    assert "Амурская область" in str(error.value) and "Курганская область" in str(error.value)


def test_unknown_name_is_an_error(catalogue):
    with pytest.raises(TerritoryError, match="не найдена"):
        territories.resolve("Нигдейский район")


def test_new_child_is_one_level_below_and_oktmo_is_unique(kurgan_tree):
    kurgan, ketovo, _, village = kurgan_tree
    assert ketovo.level == LEVEL_INDEX["municipality"]
    assert village.level == LEVEL_INDEX["settlement"]
    with pytest.raises(TerritoryError, match="уже занят"):
        territories.create(kurgan.id, "Дубль", oktmo="37515000")


def test_move_keeps_level_order_and_refuses_cycles(kurgan_tree):
    _kurgan, ketovo, kurgan_city, village = kurgan_tree
    territories.move(village.id, kurgan_city.id)
    assert Territory.get_by_id(village.id).parent_id == kurgan_city.id
    with pytest.raises(TerritoryError, match="внутрь самой себя"):
        territories.move(ketovo.id, ketovo.id)
    with pytest.raises(TerritoryError, match="не может входить"):
        territories.move(ketovo.id, kurgan_city.id)  # a municipality under a municipality
    entries = [c for c in history("territory", village.id) if c.action == "move"]
    assert entries and entries[0].new == str(kurgan_city.id)


def test_delete_refuses_when_records_inside_unless_reassigned(kurgan_tree):
    kurgan, ketovo, _, village = kurgan_tree
    organization = records.create_organization(village.id, {"full_name": "Школа"})
    records.create_page(organization.id, {"url": "vk.com/club1"})
    with pytest.raises(TerritoryError, match="укажите, куда"):
        territories.delete(ketovo.id)
    removed = territories.delete(ketovo.id, reassign_to=kurgan.id)
    assert Territory.get_or_none(Territory.id == village.id) is None
    assert organization.__class__.get_by_id(organization.id).territory_id == kurgan.id
    territories.undelete(removed)
    assert Territory.get_by_id(village.id).parent_id == ketovo.id
    assert organization.__class__.get_by_id(organization.id).territory_id == village.id
    assert territories.resolve("Кетовский район").id == ketovo.id


def test_rename_is_logged(kurgan_tree):
    _, _, kurgan_city, _ = kurgan_tree
    old = territories.update(kurgan_city.id, name="Курган")
    assert old == {"name": "город Курган"}
    entry = history("territory", kurgan_city.id)[0]
    assert (entry.field, entry.old, entry.new) == ("name", "город Курган", "Курган")
