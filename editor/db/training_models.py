"""Peewee models of the training records (DESIGN §8): seminars, participants, attendances.

They share the catalogue's `db` and base model; schema migration 4 creates their tables
(`TRAINING_MODELS`), so catalogues made before training existed gain them on open.
"""

from __future__ import annotations

from peewee import (
    AutoField,
    CharField,
    DateField,
    DateTimeField,
    ForeignKeyField,
    TextField,
)

from editor.db.models import BaseModel, ImportBatch, Organization, Territory

# Seminar formats as stored; the labels are what lists and the command line show.
FORMATS: tuple[str, ...] = ("in_person", "online")


class Seminar(BaseModel):
    """A seminar for page administrators: title, date, format, the territory it was held for."""

    id = AutoField()
    title = TextField()
    title_key = TextField(index=True)  # fold_text(title): a list imported again finds it
    date = DateField(null=True)
    format = CharField(default="in_person")  # one of FORMATS
    territory = ForeignKeyField(Territory, null=True, on_delete="SET NULL")
    organiser = TextField(default="")
    notes = TextField(default="")
    batch = ForeignKeyField(ImportBatch, null=True, on_delete="SET NULL")
    deleted_at = DateTimeField(null=True)  # in the trash when set


class Participant(BaseModel):
    """A trained person (personal data, 152-ФЗ): shown in the editor and the training report only."""

    id = AutoField()
    full_name = TextField()
    name_key = TextField(index=True)  # fold_text(full_name)
    position = TextField(default="")
    # Linked when the organisation matched the catalogue; otherwise the text as written.
    organization = ForeignKeyField(
        Organization, null=True, backref="participants", on_delete="SET NULL"
    )
    organization_text = TextField(default="")
    organization_key = TextField(default="")  # fold_text(organization_text)
    territory = ForeignKeyField(Territory, null=True, on_delete="SET NULL")
    email = CharField(default="")
    email_key = CharField(default="", index=True)  # lower-case e-mail, "" when none
    phone = CharField(default="")
    batch = ForeignKeyField(ImportBatch, null=True, on_delete="SET NULL")


class Attendance(BaseModel):
    """A participant at a seminar."""

    id = AutoField()
    seminar = ForeignKeyField(Seminar, backref="attendances", on_delete="CASCADE", index=False)
    participant = ForeignKeyField(Participant, backref="attendances", on_delete="CASCADE")
    batch = ForeignKeyField(ImportBatch, null=True, on_delete="SET NULL")

    class Meta:
        indexes = ((("seminar", "participant"), True),)


TRAINING_MODELS: tuple[type[BaseModel], ...] = (Seminar, Participant, Attendance)

__all__ = ["FORMATS", "TRAINING_MODELS", "Attendance", "Participant", "Seminar"]
