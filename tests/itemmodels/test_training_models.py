"""The seminar and participant table models pass the model tester and follow the store."""

from __future__ import annotations

import datetime as dt

from editor.core import training
from editor.itemmodels.roles import IdRole, OrganizationIdRole
from editor.itemmodels.training_models import ParticipantTableModel, SeminarTableModel


def test_seminar_and_participant_models(qtmodeltester, sample, store):
    first = training.create_seminar({"title": "Январский", "date": dt.date(2024, 1, 10)})
    second = training.create_seminar(
        {"title": "Майский", "date": dt.date(2024, 5, 10), "format": "онлайн"}
    )
    person = training.create_participant(
        {"full_name": "Иванова Анна", "organization_text": "Школа"}
    )
    training.add_attendance(first.id, person.id)
    seminars = SeminarTableModel(store)
    qtmodeltester.check(seminars)
    assert [seminars.index(r, 1).data() for r in range(2)] == ["Майский", "Январский"]
    assert seminars.index(0, 2).data() == "онлайн" and seminars.index(1, 4).data() == "1"
    assert seminars.index(1, 0).data(IdRole) == first.id
    people = ParticipantTableModel(store)
    people.show_seminar(first.id)
    qtmodeltester.check(people)
    assert people.index(0, 0).data() == "Иванова Анна"
    assert (
        people.index(0, 2).data() == "Школа" and people.index(0, 0).data(OrganizationIdRole) is None
    )
    training.add_attendance(second.id, person.id)
    store.trainingChanged.emit()
    assert seminars.index(0, 4).data() == "1"


def test_tree_tooltip_counts_training_coverage_in_the_background(qtbot, sample, store):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QUndoStack

    from editor.itemmodels.territory_model import TerritoryTreeModel

    stack = QUndoStack()
    model = TerritoryTreeModel(store, stack, background=True)
    russia = model.index(0, 0)
    assert "Обучение: подсчёт…" in russia.data(Qt.ItemDataRole.ToolTipRole)
    qtbot.waitUntil(
        lambda: "Обучены: 0 из" in russia.data(Qt.ItemDataRole.ToolTipRole), timeout=10_000
    )
    store.trainingChanged.emit()  # forgotten: counted again on the next hover
    assert "подсчёт" in russia.data(Qt.ItemDataRole.ToolTipRole)
    qtbot.waitUntil(lambda: "Обучены" in russia.data(Qt.ItemDataRole.ToolTipRole), timeout=10_000)
