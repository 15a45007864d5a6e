"""Peewee models of the catalogue (DESIGN §2): territories, organisations, pages and their history."""

from __future__ import annotations

import datetime as dt

from peewee import (
    SQL,
    AutoField,
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    Model,
    SqliteDatabase,
    TextField,
)

# Deferred: the path is given at open time (editor.db.database.open_catalogue).
db = SqliteDatabase(None)

# Territory levels, top down; the integer is the depth order used to keep the tree consistent.
LEVELS: tuple[str, ...] = (
    "country",
    "federal_district",
    "region",
    "municipality",
    "settlement",
    "locality",
)
LEVEL_INDEX = {name: index for index, name in enumerate(LEVELS)}


def now() -> dt.datetime:
    """The timestamp stored in the change log (local time, second precision)."""
    return dt.datetime.now().replace(microsecond=0)


class BaseModel(Model):
    class Meta:
        database = db
        legacy_table_names = False


class Territory(BaseModel):
    """A node of the territorial tree; custom nodes (no ОКТМО) are allowed."""

    id = AutoField()
    parent = ForeignKeyField("self", null=True, backref="children", on_delete="RESTRICT")
    level = IntegerField()  # index into LEVELS
    kind = CharField(default="")
    name = CharField()
    name_key = CharField(index=True)  # normalize.territory_key(name)
    oktmo = CharField(null=True, unique=True)
    position = IntegerField(default=0)
    custom = BooleanField(default=False)

    class Meta:
        indexes = ((("parent", "position"), False),)


class TerritoryAlias(BaseModel):
    """A former or colloquial name of a territory, used when matching spreadsheet rows."""

    id = AutoField()
    territory = ForeignKeyField(Territory, backref="aliases", on_delete="CASCADE")
    name = CharField()
    name_key = CharField(index=True)

    class Meta:
        indexes = ((("territory", "name"), True),)


class Sphere(BaseModel):
    """A two-level sphere dictionary entry (Образование → Школы)."""

    id = AutoField()
    parent = ForeignKeyField("self", null=True, backref="children", on_delete="CASCADE")
    name = CharField()
    name_key = CharField(index=True)
    aliases = TextField(default="")  # newline-separated alternative names
    position = IntegerField(default=0)


class ImportBatch(BaseModel):
    """One applied import: its source files and outcome; the unit of undo."""

    id = AutoField()
    created_at = DateTimeField(default=now)
    file_names = TextField()  # newline-separated
    sha256 = TextField()  # newline-separated, one per file
    target = ForeignKeyField(Territory, null=True, on_delete="SET NULL")
    summary = TextField(default="{}")  # JSON counts
    undone = BooleanField(default=False)


class Organization(BaseModel):
    """A state body, local government or subordinate institution."""

    id = AutoField()
    territory = ForeignKeyField(Territory, backref="organizations", on_delete="RESTRICT")
    full_name = TextField()
    short_name = TextField(default="")
    name_key = TextField(index=True)  # fold_text(full_name), for matching within a territory
    ogrn = CharField(null=True, index=True)
    inn = CharField(null=True)
    founder = TextField(default="")
    org_type = CharField(default="")
    sphere1 = ForeignKeyField(Sphere, null=True, on_delete="SET NULL")
    sphere2 = ForeignKeyField(Sphere, null=True, on_delete="SET NULL")
    sphere3 = ForeignKeyField(Sphere, null=True, on_delete="SET NULL")
    exemption = TextField(default="")
    responsible = TextField(default="")
    responsible_position = TextField(default="")
    responsible_phone = CharField(default="")
    responsible_email = CharField(default="")
    notes = TextField(default="")
    source = TextField(default="")  # the file a record came from
    batch = ForeignKeyField(ImportBatch, null=True, on_delete="SET NULL")
    deleted_at = DateTimeField(null=True)


class Page(BaseModel):
    """One organisation's page in one network."""

    id = AutoField()
    organization = ForeignKeyField(Organization, backref="pages", on_delete="RESTRICT")
    # Denormalised from the organisation so that roll-ups are one covering-index scan.
    # No plain index: live pages are reached through page_live_rollup, trashed ones through
    # page_trash_territory (a plain index here made the planner skip the covering one).
    territory = ForeignKeyField(Territory, backref="pages", on_delete="RESTRICT", index=False)
    network = CharField(default="vk")
    url = TextField(default="")
    url_key = TextField(null=True, index=True)  # canonical URL, used for matching/duplicates
    network_id = CharField(null=True)
    title = TextField(default="")
    status = CharField(null=True)
    connected = BooleanField(null=True)
    gosmark = BooleanField(null=True)
    widgets = IntegerField(null=True)  # count of ПОС widgets 0/1/2
    pos_problem = BooleanField(null=True)
    pos_opinion = BooleanField(null=True)
    enrolment = BooleanField(null=True)
    appointment = BooleanField(null=True)
    design = FloatField(null=True)
    activity = FloatField(null=True)
    weekly_reach = IntegerField(null=True)
    post_reach = IntegerField(null=True)
    # Latest count of the history, kept here for roll-ups and sorting.
    subscribers = IntegerField(null=True)
    subscribers_date = DateField(null=True)
    notes = TextField(default="")
    source = TextField(default="")
    batch = ForeignKeyField(ImportBatch, null=True, on_delete="SET NULL")
    # fold_text of title, organisation names, URL and ОГРН: searched with instr().
    search_key = TextField(default="")
    deleted_at = DateTimeField(null=True)


class SubscriberCount(BaseModel):
    """A dated subscriber count of a page; the latest one is the page's current count."""

    id = AutoField()
    # Indexed by the unique (page, date) index below, whose prefix serves lookups by page.
    page = ForeignKeyField(Page, backref="counts", on_delete="CASCADE", index=False)
    date = DateField()
    count = IntegerField()
    batch = ForeignKeyField(ImportBatch, null=True, on_delete="SET NULL")

    class Meta:
        indexes = ((("page", "date"), True),)


class Change(BaseModel):
    """One entry of the change log: what changed, old → new, and where it came from."""

    id = AutoField()
    at = DateTimeField(default=now)
    entity = CharField()  # territory | organization | page | sphere | subscriber_count
    entity_id = IntegerField()
    action = CharField()  # create | update | delete | restore | move
    field = CharField(default="")
    old = TextField(null=True)
    new = TextField(null=True)
    origin = CharField()  # manual | bulk | import | system | undo
    batch = ForeignKeyField(ImportBatch, null=True, on_delete="SET NULL")

    class Meta:
        indexes = ((("entity", "entity_id"), False),)


MODELS: tuple[type[BaseModel], ...] = (
    Territory,
    TerritoryAlias,
    Sphere,
    ImportBatch,
    Organization,
    Page,
    SubscriberCount,
    Change,
)

# Indexes that peewee's field options cannot express (partial / covering).
EXTRA_INDEXES: tuple[str, ...] = (
    "CREATE INDEX IF NOT EXISTS page_live_rollup ON page"
    " (territory_id, network, subscribers, status, gosmark, connected, widgets)"
    " WHERE deleted_at IS NULL",
    "CREATE INDEX IF NOT EXISTS page_trash_territory ON page (territory_id)"
    " WHERE deleted_at IS NOT NULL",
    "CREATE INDEX IF NOT EXISTS page_live_organization ON page (organization_id)"
    " WHERE deleted_at IS NULL",
    "CREATE INDEX IF NOT EXISTS organization_live_territory ON organization (territory_id)"
    " WHERE deleted_at IS NULL",
)

__all__ = [
    "LEVELS",
    "LEVEL_INDEX",
    "MODELS",
    "SQL",
    "Change",
    "ImportBatch",
    "Organization",
    "Page",
    "Sphere",
    "SubscriberCount",
    "Territory",
    "TerritoryAlias",
    "db",
    "now",
]
