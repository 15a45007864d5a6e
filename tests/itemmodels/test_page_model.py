"""The page table model: SQL filter and order, lazy rows, edits through the undo stack."""

from __future__ import annotations

from PySide6.QtCore import Qt

from editor.core import records
from editor.core.search import PageFilter
from editor.db.models import Page
from editor.itemmodels.page_columns import COLUMN_INDEX
from editor.itemmodels.page_model import PageTableModel
from editor.itemmodels.roles import IdRole


def _model(store, undo_stack, territory_id, **parts) -> PageTableModel:
    model = PageTableModel(store, undo_stack, background=False)
    model.set_filter(PageFilter(territory_id=territory_id, **parts))
    return model


def _column(model, key):
    return [model.index(row, COLUMN_INDEX[key]).data() for row in range(model.rowCount())]


def test_model_passes_the_model_tester(qtmodeltester, sample, store, undo_stack):
    model = _model(store, undo_stack, sample.region)
    qtmodeltester.check(model)
    assert model.rowCount() == 30


def test_scope_follows_the_territory_and_its_descendants(sample, store, undo_stack):
    model = _model(store, undo_stack, sample.ketovo)
    assert model.rowCount() == 15
    assert set(_column(model, "territory")) == {"Кетовский муниципальный округ"}
    model.set_filter(PageFilter(territory_id=sample.region, descendants=False))
    assert model.rowCount() == 0


def test_quick_text_folds_cyrillic_case_and_yo(sample, store, undo_stack):
    model = _model(store, undo_stack, sample.region, text="ШКОЛА № 7")
    assert model.rowCount() == 3
    assert set(_column(model, "organization")) == {"МБОУ «Средняя общеобразовательная школа № 7»"}


def test_flags_filter(sample, store, undo_stack):
    model = _model(store, undo_stack, sample.region, networks=("telegram",), no_gosmark=True)
    assert model.rowCount() == 5
    assert set(_column(model, "network")) == {"Telegram"}
    assert set(_column(model, "gosmark")) == {"нет"}


def test_sort_by_subscribers_is_done_in_sql(qtmodeltester, sample, store, undo_stack):
    model = _model(store, undo_stack, sample.region)
    model.sort(COLUMN_INDEX["subscribers"], Qt.SortOrder.DescendingOrder)
    counts = [
        model.index(row, COLUMN_INDEX["subscribers"]).data(Qt.ItemDataRole.EditRole)
        for row in range(model.rowCount())
    ]
    assert counts == sorted(counts, reverse=True)
    assert counts[0] == 1008  # school 10's telegram page
    qtmodeltester.check(model)


def test_sort_keeps_the_selected_page_under_a_persistent_index(sample, store, undo_stack):
    model = _model(store, undo_stack, sample.region)
    page_id = model.page_id(0)
    kept = model.index(0, 0)
    from PySide6.QtCore import QPersistentModelIndex

    persistent = QPersistentModelIndex(kept)
    model.sort(COLUMN_INDEX["subscribers"], Qt.SortOrder.DescendingOrder)
    assert persistent.isValid()
    assert persistent.data(IdRole) == page_id
    assert persistent.row() != 0


def test_edit_cell_pushes_an_undoable_command(sample, store, undo_stack):
    model = _model(store, undo_stack, sample.region)
    index = model.index(0, COLUMN_INDEX["subscribers"])
    page_id = model.page_id(0)
    assert model.setData(index, "12 345")
    assert Page.get_by_id(page_id).subscribers == 12345
    assert index.data() == "12\u2009345"
    undo_stack.undo()
    assert Page.get_by_id(page_id).subscribers == 102
    assert model.index(0, COLUMN_INDEX["subscribers"]).data() == "102"
    undo_stack.redo()
    assert Page.get_by_id(page_id).subscribers == 12345


def test_invalid_value_is_refused_with_a_message(qtbot, sample, store, undo_stack):
    model = _model(store, undo_stack, sample.region)
    index = model.index(0, COLUMN_INDEX["design"])
    with qtbot.waitSignal(model.editRefused) as refused:
        assert not model.setData(index, "сто")
    assert "Оформление" in refused.args[2]
    assert undo_stack.count() == 0
    assert Page.get_by_id(model.page_id(0)).design is None


def test_url_edit_is_canonicalised_and_a_contradiction_refused(qtbot, sample, store, undo_stack):
    model = _model(store, undo_stack, sample.region)
    index = model.index(0, COLUMN_INDEX["url"])
    assert model.setData(index, "http://m.vk.com/Club777/")
    assert Page.get_by_id(model.page_id(0)).url == "https://vk.com/club777"
    with qtbot.waitSignal(model.editRefused):
        assert not model.setData(index, "not a link at all ://")


def test_organization_cell_edits_the_organization_of_every_page(sample, store, undo_stack):
    model = _model(store, undo_stack, sample.region)
    index = model.index(0, COLUMN_INDEX["organization"])
    assert model.setData(index, "МБОУ «Школа № 1 имени Героя»")
    names = [n for n in _column(model, "organization") if "Героя" in n]
    assert len(names) == 3  # the school's VK, OK and Telegram rows
    undo_stack.undo()
    assert not [n for n in _column(model, "organization") if "Героя" in n]


def test_trashed_pages_leave_and_restored_pages_return(sample, store, undo_stack):
    model = _model(store, undo_stack, sample.region)
    gone = [model.page_id(1), model.page_id(2)]
    records.delete_pages(gone)
    store.pagesChanged.emit(gone)
    model.refresh()
    assert model.rowCount() == 28
    assert model.row_of(gone[0]) is None
    records.restore_pages(gone)
    store.pagesChanged.emit(gone)
    model.refresh()
    assert model.rowCount() == 30
    assert model.row_of(gone[0]) == 1


def test_background_query_reaches_the_view(qtbot, sample, store, undo_stack):
    model = PageTableModel(store, undo_stack)
    with qtbot.waitSignal(model.refreshed, timeout=5000):
        model.set_filter(PageFilter(territory_id=sample.kurgan))
    assert model.rowCount() == 15
    assert not model.is_loading()


def test_fast_typing_ends_on_the_last_filter(qtbot, sample, store, undo_stack):
    model = PageTableModel(store, undo_stack)
    with qtbot.waitSignal(model.refreshed, timeout=5000):
        model.set_filter(PageFilter(territory_id=sample.region))
    for text in ("ш", "шк", "школа № 4"):
        model.set_filter(PageFilter(territory_id=sample.region, text=text))
    qtbot.waitUntil(lambda: not model.is_loading(), timeout=5000)
    assert model.rowCount() == 3
    assert model.subscribers == 3 * 400 + len("vk") + len("ok") + len("telegram")
