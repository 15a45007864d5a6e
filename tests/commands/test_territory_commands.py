"""Territory commands: add, rename, move and delete, each pushed, undone and redone."""

from __future__ import annotations

import pytest

from editor.commands.base import push
from editor.commands.territory import AddTerritory, DeleteTerritory, MoveTerritory, RenameTerritory
from editor.core import territories
from editor.core.territories import TerritoryError
from editor.db.models import Organization, Page, Territory


def exists(territory_id):
    return Territory.get_or_none(Territory.id == territory_id) is not None


def test_add_territory_round_trip(catalogue, store, stack, qtbot):
    command = AddTerritory(store, catalogue.ketovo, "Введенский территориальный отдел")
    with qtbot.waitSignal(store.territoriesChanged):
        assert push(stack, command) is None
    node = territories.get(command.territory_id)
    assert (node.parent_id, node.level, node.custom) == (catalogue.ketovo, 4, True)
    stack.undo()
    assert not exists(command.territory_id)
    stack.redo()
    assert territories.get(command.territory_id).name == "Введенский территориальный отдел"


def test_add_territory_refuses_an_empty_name_and_a_taken_oktmo(catalogue, store, stack):
    with pytest.raises(TerritoryError):
        AddTerritory(store, catalogue.ketovo, "   ")
    error = push(stack, AddTerritory(store, catalogue.region, "Дубль", oktmo="37514000"))
    assert error and "37514000" in error
    assert stack.count() == 0


def test_rename_territory_round_trip(catalogue, store, stack):
    assert push(stack, RenameTerritory(store, catalogue.kurgan, "  Город  Курган ")) is None
    assert territories.get(catalogue.kurgan).name == "Город Курган"
    stack.undo()
    assert territories.get(catalogue.kurgan).name == "город Курган"
    stack.redo()
    assert territories.get(catalogue.kurgan).name == "Город Курган"


def test_move_territory_round_trip_and_level_order(catalogue, store, stack):
    settlement = territories.create(catalogue.ketovo, "Кетовский сельсовет", level="settlement").id
    assert push(stack, MoveTerritory(store, settlement, catalogue.kurgan)) is None
    assert territories.get(settlement).parent_id == catalogue.kurgan
    stack.undo()
    assert territories.get(settlement).parent_id == catalogue.ketovo
    stack.redo()
    assert territories.get(settlement).parent_id == catalogue.kurgan
    # A municipality cannot go under another municipality.
    error = push(stack, MoveTerritory(store, catalogue.ketovo, catalogue.kurgan))
    assert error and "не может входить" in error
    assert territories.get(catalogue.ketovo).parent_id == catalogue.region


def test_delete_territory_with_records_needs_a_destination(catalogue, store, stack):
    error = push(stack, DeleteTerritory(store, catalogue.ketovo))
    assert error and "куда" in error
    assert exists(catalogue.ketovo)


def test_delete_territory_moves_records_and_undo_puts_everything_back(catalogue, store, stack):
    child = territories.create(catalogue.ketovo, "Кетовский сельсовет", level="settlement").id
    territories.add_alias(catalogue.ketovo, "Кетовский район")
    organizations = [
        o.id for o in Organization.select().where(Organization.territory == catalogue.ketovo)
    ]
    assert push(stack, DeleteTerritory(store, catalogue.ketovo, catalogue.region)) is None
    assert not exists(catalogue.ketovo) and not exists(child)
    assert {Page.get_by_id(p).territory_id for p in catalogue.pages[:18]} == {catalogue.region}

    stack.undo()
    assert territories.get(child).parent_id == catalogue.ketovo
    assert territories.aliases(catalogue.ketovo) == ["Кетовский район"]
    assert {Organization.get_by_id(o).territory_id for o in organizations} == {catalogue.ketovo}
    assert {Page.get_by_id(p).territory_id for p in catalogue.pages[:18]} == {catalogue.ketovo}
    stack.redo()
    assert not exists(catalogue.ketovo)
