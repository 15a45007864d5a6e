"""The classifier load as one undo step: push (already applied) → undo → redo, each checked."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack

from editor.commands.base import push
from editor.commands.classifier_load import ClassifierLoadCommand
from editor.core import records, territories
from editor.core.catalogue import init_catalogue
from editor.core.store import Store
from editor.db.database import close_catalogue
from editor.db.models import Page
from editor.exchange.classifiers.load import load_files
from tests.test_reform import snapshot, write_list


@pytest.fixture
def reform(tmp_path, qapp):
    init_catalogue(tmp_path / "catalogue.gpc")
    source = write_list(tmp_path / "municipalities.xlsx")
    load_files([source], year=2020)
    district = territories.resolve("37614000")
    organization = records.create_organization(district.id, {"full_name": "Администрация"})
    page = records.create_page(organization.id, {"url": "https://vk.com/ketovo"})
    yield source, page.id
    close_catalogue()


def test_push_undo_redo(reform, qtbot):
    source, page_id = reform
    store, stack = Store(), QUndoStack()
    before = snapshot()
    result = load_files([source])
    after = snapshot()
    okrug = territories.resolve("37514000").id

    with qtbot.waitSignal(store.reset, timeout=1000, raising=False) as pushed:
        assert push(stack, ClassifierLoadCommand(store, result.undo)) is None
    assert not pushed.signal_triggered  # the load was written before the push
    assert snapshot() == after and Page.get_by_id(page_id).territory_id == okrug

    with qtbot.waitSignal(store.reset, timeout=1000):
        stack.undo()
    assert snapshot() == before
    assert territories.resolve("37614000").name == "Кетовский муниципальный район"

    stack.redo()
    assert snapshot() == after and Page.get_by_id(page_id).territory_id == okrug
    assert stack.undoText() == "Загрузка классификатора"
