"""Undoable edits of the training records: seminars (with their trash), participants, attendances,
and an imported registration list as one step. Redo reuses the ids of the first run."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from editor.commands.base import CatalogueCommand
from editor.core import training
from editor.core.changelog import MANUAL, UNDO
from editor.core.i18n import tr
from editor.core.store import Store
from editor.db.models import db


class AddSeminar(CatalogueCommand):
    """Add a seminar."""

    def __init__(self, store: Store, values: Mapping[str, object]) -> None:
        training.clean_seminar({"title": values.get("title"), **values})  # refuse before push
        title = " ".join(str(values.get("title") or "").split())
        super().__init__(store, tr("Добавление семинара «{title}»", "commands").format(title=title))
        self.values = dict(values)
        self.seminar_id: int | None = None

    def do(self) -> None:
        self.seminar_id = training.create_seminar(self.values, MANUAL, self.seminar_id).id
        self.store.trainingChanged.emit()

    def undo_(self) -> None:
        assert self.seminar_id is not None
        training.purge_seminar(self.seminar_id, UNDO)
        self.store.trainingChanged.emit()


class EditSeminar(CatalogueCommand):
    """Change a seminar's title, date, format, territory, organiser or notes."""

    def __init__(self, store: Store, seminar_id: int, changes: Mapping[str, object]) -> None:
        training.clean_seminar(changes)
        super().__init__(store, tr("Изменение семинара", "commands"))
        self.seminar_id = seminar_id
        self.changes = dict(changes)
        self.old: dict[str, object] = {}

    def do(self) -> None:
        self.old = training.update_seminar(self.seminar_id, self.changes, MANUAL)
        self.store.trainingChanged.emit()

    def undo_(self) -> None:
        training.update_seminar(self.seminar_id, self.old, UNDO)
        self.store.trainingChanged.emit()


class DeleteSeminars(CatalogueCommand):
    """Move seminars to the trash (their attendances stay, so a restore brings them back)."""

    def __init__(self, store: Store, seminar_ids: Iterable[int]) -> None:
        self.seminar_ids = sorted(set(seminar_ids))
        super().__init__(
            store,
            tr("Удаление семинаров: {count}", "commands").format(count=len(self.seminar_ids)),
        )
        self.trashed: list[int] = []

    def do(self) -> None:
        self.trashed = list(training.delete_seminars(self.seminar_ids, MANUAL))
        self.store.trainingChanged.emit()

    def undo_(self) -> None:
        training.restore_seminars(self.trashed, UNDO)
        self.store.trainingChanged.emit()


class RestoreSeminars(CatalogueCommand):
    """Take seminars out of the trash."""

    def __init__(self, store: Store, seminar_ids: Iterable[int]) -> None:
        ids = set(seminar_ids)
        self.stamps = {s.id: s.deleted_at for s in training.trashed_seminars() if s.id in ids}
        super().__init__(
            store,
            tr("Восстановление семинаров: {count}", "commands").format(count=len(self.stamps)),
        )

    def do(self) -> None:
        training.restore_seminars(list(self.stamps), MANUAL)
        self.store.trainingChanged.emit()

    def undo_(self) -> None:
        training.retrash_seminars(self.stamps, UNDO)
        self.store.trainingChanged.emit()


class AddParticipant(CatalogueCommand):
    """Add a new participant to a seminar, or an existing one (by id) to another seminar."""

    def __init__(
        self,
        store: Store,
        seminar_id: int,
        values: Mapping[str, object] | None = None,
        participant_id: int | None = None,
    ) -> None:
        if values is not None:
            training.clean_participant({"full_name": values.get("full_name"), **values})
        super().__init__(store, tr("Добавление участника семинара", "commands"))
        self.seminar_id = seminar_id
        self.values = dict(values) if values is not None else None
        self.participant_id = participant_id
        self.created = False

    def do(self) -> None:
        with db.atomic():
            if self.values is not None:
                self.participant_id = training.create_participant(
                    self.values, MANUAL, self.participant_id
                ).id
                self.created = True
            assert self.participant_id is not None
            training.add_attendance(self.seminar_id, self.participant_id, MANUAL)
        self.store.trainingChanged.emit()

    def undo_(self) -> None:
        assert self.participant_id is not None
        with db.atomic():
            training.remove_attendance(self.seminar_id, self.participant_id, UNDO)
            if self.created:
                training.remove_participant(self.participant_id, UNDO)
        self.store.trainingChanged.emit()


class EditParticipant(CatalogueCommand):
    """Change a participant's name, position, organisation or contacts."""

    def __init__(self, store: Store, participant_id: int, changes: Mapping[str, object]) -> None:
        training.clean_participant(changes)
        super().__init__(store, tr("Изменение участника", "commands"))
        self.participant_id = participant_id
        self.changes = dict(changes)
        self.old: dict[str, object] = {}

    def do(self) -> None:
        self.old = training.update_participant(self.participant_id, self.changes, MANUAL)
        self.store.trainingChanged.emit()

    def undo_(self) -> None:
        training.update_participant(self.participant_id, self.old, UNDO)
        self.store.trainingChanged.emit()


class RemoveFromSeminar(CatalogueCommand):
    """Take participants off a seminar's list; someone left on no list is removed altogether."""

    def __init__(self, store: Store, seminar_id: int, participant_ids: Iterable[int]) -> None:
        self.participant_ids = sorted(set(participant_ids))
        super().__init__(
            store,
            tr("Удаление участников семинара: {count}", "commands").format(
                count=len(self.participant_ids)
            ),
        )
        self.seminar_id = seminar_id
        self.removed: list[training.ParticipantSnapshot] = []
        self.detached: list[int] = []

    def do(self) -> None:
        from editor.db.training_models import Attendance

        self.removed, self.detached = [], []
        with db.atomic():
            for pid in self.participant_ids:
                others = (
                    Attendance.select()
                    .where(
                        (Attendance.participant == pid) & (Attendance.seminar != self.seminar_id)
                    )
                    .exists()
                )
                if others:
                    if training.remove_attendance(self.seminar_id, pid, MANUAL):
                        self.detached.append(pid)
                else:
                    self.removed.append(training.remove_participant(pid, MANUAL))
        self.store.trainingChanged.emit()

    def undo_(self) -> None:
        with db.atomic():
            for snapshot in self.removed:
                training.put_back_participant(snapshot, UNDO)
            for pid in self.detached:
                training.add_attendance(self.seminar_id, pid, UNDO)
        self.store.trainingChanged.emit()


class ImportTrainingLists(CatalogueCommand):
    """An applied registration-list import (pushed after the worker wrote it): one undo step."""

    def __init__(self, store: Store, batch_id: int) -> None:
        super().__init__(
            store,
            tr("Загрузка списков участников (пакет №{batch})", "commands").format(batch=batch_id),
        )
        self.batch_id = batch_id
        self.rows: training.BatchRows | None = None

    def do(self) -> None:
        if self.rows is None:
            return  # the worker wrote it before the push
        training.redo_training_batch(self.rows, MANUAL)
        self.rows = None
        self.store.trainingChanged.emit()

    def undo_(self) -> None:
        self.rows = training.undo_training_batch(self.batch_id, UNDO)
        self.store.trainingChanged.emit()
