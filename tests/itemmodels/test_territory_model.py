"""The territory tree model: lazy children, rolled-up totals, moves by drag and drop with undo."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from editor.core import records
from editor.db.models import Territory
from editor.itemmodels.roles import IdRole
from editor.itemmodels.territory_model import TerritoryTreeModel


def _model(store, undo_stack) -> TerritoryTreeModel:
    return TerritoryTreeModel(store, undo_stack, background=False)


def _names(model, parent):
    return [model.index(row, 0, parent).data() for row in range(model.rowCount(parent))]


def test_model_passes_the_model_tester(qtmodeltester, sample, store, undo_stack):
    model = _model(store, undo_stack)
    model.index_of(sample.settlement)  # loads the chain down to a third level
    qtmodeltester.check(model)


def test_children_load_lazily(sample, store, undo_stack):
    model = _model(store, undo_stack)
    russia = model.index(0, 0)
    assert russia.data() == "Российская Федерация"
    assert model.rowCount(russia) == 0 and model.hasChildren(russia)
    assert model.canFetchMore(russia)
    model.fetchMore(russia)
    assert model.rowCount(russia) == 8
    assert _names(model, russia)[0] == "Центральный федеральный округ"


def test_nodes_show_rolled_up_pages_and_subscribers(sample, store, undo_stack):
    model = _model(store, undo_stack)
    ketovo = model.index_of(sample.ketovo)
    assert ketovo.data() == "Кетовский муниципальный округ"
    assert ketovo.siblingAtColumn(1).data(Qt.ItemDataRole.EditRole) == 15
    region = model.index_of(sample.region)
    assert region.siblingAtColumn(1).data(Qt.ItemDataRole.EditRole) == 30
    assert model.index(0, 1).data(Qt.ItemDataRole.EditRole) == 30  # Российская Федерация
    expected = sum(100 * n + len(net) for n in range(1, 11) for net in ("vk", "ok", "telegram"))
    assert region.siblingAtColumn(2).data(Qt.ItemDataRole.EditRole) == expected


def test_totals_follow_a_trashed_page(qtbot, sample, store, undo_stack):
    model = TerritoryTreeModel(store, undo_stack)
    qtbot.waitUntil(lambda: model.totals(sample.region) is not None, timeout=5000)
    region = model.index_of(sample.region)
    records.delete_pages(sample.pages[:3])
    with qtbot.waitSignal(model.totalsUpdated, timeout=5000):
        store.pagesChanged.emit(sample.pages[:3])
    assert region.siblingAtColumn(1).data(Qt.ItemDataRole.EditRole) == 27


def test_drop_moves_a_territory_and_undo_puts_it_back(qtmodeltester, sample, store, undo_stack):
    model = _model(store, undo_stack)
    kurgan = model.index_of(sample.kurgan)
    ketovo = model.index_of(sample.ketovo)
    model.fetchMore(ketovo)
    data = model.mimeData([model.index_of(sample.settlement)])
    model.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, kurgan)
    assert Territory.get_by_id(sample.settlement).parent_id == sample.kurgan
    kurgan = model.index_of(sample.kurgan)
    assert model.canFetchMore(kurgan)
    model.fetchMore(kurgan)
    assert _names(model, kurgan) == ["Тетвихинский территориальный отдел"]
    assert model.rowCount(model.index_of(sample.ketovo)) == 0
    assert kurgan.siblingAtColumn(1).data(Qt.ItemDataRole.EditRole) == 15  # library has no pages
    undo_stack.undo()
    assert Territory.get_by_id(sample.settlement).parent_id == sample.ketovo
    assert _names(model, model.index_of(sample.ketovo)) == ["Тетвихинский территориальный отдел"]
    qtmodeltester.check(model)


def test_drop_breaking_the_level_order_is_refused_with_a_message(qtbot, sample, store, undo_stack):
    model = _model(store, undo_stack)
    settlement = model.index_of(sample.settlement)
    data = model.mimeData([model.index_of(sample.kurgan)])
    with qtbot.waitSignal(model.moveRefused) as refused:
        model.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, settlement)
    assert "не может входить" in refused.args[0]
    assert Territory.get_by_id(sample.kurgan).parent_id == sample.region
    assert undo_stack.count() == 0


def test_reorder_inside_a_parent_keeps_selection_on_the_node(sample, store, undo_stack):
    from PySide6.QtCore import QPersistentModelIndex

    model = _model(store, undo_stack)
    region = model.index_of(sample.region)
    model.fetchMore(region)
    before = _names(model, region)
    assert before == ["Кетовский муниципальный округ", "город Курган"]
    kept = QPersistentModelIndex(model.index_of(sample.ketovo))
    data = model.mimeData([model.index_of(sample.kurgan)])
    model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, region)
    assert _names(model, region) == ["город Курган", "Кетовский муниципальный округ"]
    assert kept.isValid() and kept.data(IdRole) == sample.ketovo and kept.row() == 1


def test_unknown_index_is_the_invisible_root(sample, store, undo_stack):
    model = _model(store, undo_stack)
    assert model.territory_id(QModelIndex()) is None
    assert model.rowCount() == 1
