"""Undo commands of the training records: push → check the catalogue → undo → check → redo → check."""

from __future__ import annotations

import datetime as dt

from editor.commands.base import push
from editor.commands.training import (
    AddParticipant,
    AddSeminar,
    DeleteSeminars,
    EditParticipant,
    EditSeminar,
    RemoveFromSeminar,
    RestoreSeminars,
)
from editor.core import training
from editor.db.models import Change
from editor.db.training_models import Attendance, Participant, Seminar


def _seminar(store, stack, title="Семинар", date=dt.date(2024, 3, 1)) -> int:
    command = AddSeminar(store, {"title": title, "date": date})
    assert push(stack, command) is None
    return command.seminar_id


def test_add_seminar_undo_redo_keeps_its_id(catalogue, store, stack):
    seminar_id = _seminar(store, stack)
    assert Seminar.get_by_id(seminar_id).title == "Семинар"
    stack.undo()
    assert Seminar.select().count() == 0
    stack.redo()
    assert Seminar.get_by_id(seminar_id).date == dt.date(2024, 3, 1)


def test_a_seminar_without_title_is_refused_before_the_push(catalogue, store, stack):
    try:
        AddSeminar(store, {"title": "  ", "date": dt.date(2024, 3, 1)})
    except training.TrainingError as error:
        assert "название" in str(error)
    else:
        raise AssertionError("refused")
    assert stack.count() == 0


def test_edit_seminar(catalogue, store, stack):
    seminar_id = _seminar(store, stack)
    push(
        stack,
        EditSeminar(
            store, seminar_id, {"title": "Новое", "format": "онлайн", "territory": catalogue.ketovo}
        ),
    )
    seminar = Seminar.get_by_id(seminar_id)
    assert (seminar.title, seminar.format, seminar.territory_id) == (
        "Новое",
        "online",
        catalogue.ketovo,
    )
    stack.undo()
    seminar = Seminar.get_by_id(seminar_id)
    assert (seminar.title, seminar.format, seminar.territory_id) == ("Семинар", "in_person", None)
    stack.redo()
    assert Seminar.get_by_id(seminar_id).title == "Новое"


def test_trash_and_restore_seminars(catalogue, store, stack):
    seminar_id = _seminar(store, stack)
    push(stack, DeleteSeminars(store, [seminar_id]))
    assert Seminar.get_by_id(seminar_id).deleted_at is not None
    stack.undo()
    assert Seminar.get_by_id(seminar_id).deleted_at is None
    stack.redo()
    stamp = Seminar.get_by_id(seminar_id).deleted_at
    push(stack, RestoreSeminars(store, [seminar_id]))
    assert Seminar.get_by_id(seminar_id).deleted_at is None
    stack.undo()
    assert Seminar.get_by_id(seminar_id).deleted_at == stamp


def test_participants_added_edited_and_removed(catalogue, store, stack):
    first, second = _seminar(store, stack, "Первый"), _seminar(store, stack, "Второй")
    school = catalogue.organizations[0]
    add = AddParticipant(
        store,
        first,
        {
            "full_name": "Иванова Анна",
            "organization": school,
            "email": "anna@example.ru",
            "phone": "+7 900 1",
        },
    )
    push(stack, add)
    person = Participant.get_by_id(add.participant_id)
    assert person.organization_id == school and person.territory_id == catalogue.ketovo
    push(stack, AddParticipant(store, second, participant_id=person.id))
    assert Attendance.select().count() == 2
    push(stack, EditParticipant(store, person.id, {"full_name": "Иванова-Петрова Анна"}))
    assert Participant.get_by_id(person.id).name_key == "иванова-петрова анна"
    # The change log says the name changed, not what it was or became.
    entry = Change.select().where(Change.entity == "participant", Change.field == "full_name").get()
    assert entry.old is None and entry.new is None
    # Off the first list only: she stays, on the second list.
    push(stack, RemoveFromSeminar(store, first, [person.id]))
    assert [s for (s,) in Attendance.select(Attendance.seminar).tuples()] == [second]
    # Off her last list: she goes altogether; undo brings her back with both lists.
    push(stack, RemoveFromSeminar(store, second, [person.id]))
    assert Participant.select().count() == 0 and Attendance.select().count() == 0
    stack.undo()
    assert Participant.get_by_id(person.id).full_name == "Иванова-Петрова Анна"
    assert Attendance.select().count() == 1
    stack.undo()
    assert Attendance.select().count() == 2
    stack.undo()
    assert Participant.get_by_id(person.id).full_name == "Иванова Анна"
    stack.undo()
    stack.undo()
    assert Participant.select().count() == 0 and Attendance.select().count() == 0
    for _ in range(5):
        stack.redo()
    assert Participant.select().count() == 0  # redone up to the final removal
    stack.undo()
    assert Participant.get_by_id(person.id).full_name == "Иванова-Петрова Анна"
