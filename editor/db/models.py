"""Peewee models of the catalogue (DESIGN §2): territories, organisations, pages and their history."""

from __future__ import annotations

import datetime as dt

from peewee import (
    SQL,
    AutoField,
    BooleanField,
    CharField,
    DatabaseProxy,
    DateField,
    DateTimeField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    Model,
    SqliteDatabase,
    TextField,
)

# Deferred: the path is given at open time (editor.db.database.open_catalogue). The models are
# bound to a proxy so that a catalogue can also live on a PostgreSQL server (editor.db.dialect);
# a file catalogue always uses this one SqliteDatabase.
sqlite_db = SqliteDatabase(None)
db = DatabaseProxy()
db.initialize(sqlite_db)

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
)
# Partial twins of the foreign-key indexes (page.organization_id, organization.territory_id),
# dropped by schema 3: the plain index serves the same lookups (a record has a few pages), and
# every index costs each of the 300,000 inserts of a big import.
DROPPED_INDEXES: tuple[str, ...] = ("page_live_organization", "organization_live_territory")

# --- stored roll-up tallies ------------------------------------------------------------------
# Per own territory (descendants not included), kept exact by the triggers below so that every
# writer, raw SQL included, keeps them right. Rows whose counts fell to zero may stay.

# The status codes of normalize.STATUSES (db must not import core; a test keeps them equal).
TALLY_STATUSES: tuple[str, ...] = ("flagship", "active", "card", "excluded")

# Counter column → what one live page adds to it ({row} is NEW, OLD or a table alias).
NETWORK_COUNTERS: dict[str, str] = {
    "pages": "1",
    "subscribers": "coalesce({row}.subscribers, 0)",
    "gosmark": "({row}.gosmark IS 1)",
    "connected": "({row}.connected IS 1)",
    "widgets": "coalesce({row}.widgets > 0, 0)",
    **{f"status_{status}": f"({{row}}.status IS '{status}')" for status in TALLY_STATUSES},
    "status_none": "({row}.status IS NULL)",
}
# Page columns the counters read (an UPDATE touching none of them leaves the tallies alone).
_NETWORK_INPUTS = (
    "territory_id",
    "network",
    "subscribers",
    "status",
    "gosmark",
    "connected",
    "widgets",
)


def _network_values(row: str) -> str:
    return ", ".join(expr.format(row=row) for expr in NETWORK_COUNTERS.values())


def _network_add(row: str, where: str) -> str:
    update = ", ".join(f"{c} = {c} + excluded.{c}" for c in NETWORK_COUNTERS)
    return (
        f"INSERT INTO tally_network SELECT {row}.territory_id, {row}.network,"
        f" {_network_values(row)} WHERE {where} ON CONFLICT DO UPDATE SET {update};"
    )


def _network_subtract(row: str, where: str) -> str:
    update = ", ".join(
        f"{c} = {c} - {expr.format(row=row)}" for c, expr in NETWORK_COUNTERS.items()
    )
    return (
        f"UPDATE tally_network SET {update} WHERE {where}"
        f" AND territory_id = {row}.territory_id AND network = {row}.network;"
    )


def _sphere_add(row: str, where: str) -> str:
    return (
        f"INSERT INTO tally_sphere SELECT {row}.territory_id, coalesce(o.sphere1_id, 0), 1"
        f" FROM organization o WHERE o.id = {row}.organization_id AND {where}"
        " ON CONFLICT DO UPDATE SET pages = pages + 1;"
    )


def _sphere_subtract(row: str, where: str) -> str:
    return (
        f"UPDATE tally_sphere SET pages = pages - 1 WHERE {where}"
        f" AND territory_id = {row}.territory_id AND sphere_id ="
        f" (SELECT coalesce(sphere1_id, 0) FROM organization WHERE id = {row}.organization_id);"
    )


def _territory_add(row: str, where: str) -> str:
    return (
        f"INSERT INTO tally_territory SELECT {row}.territory_id, 0, 1,"
        f" coalesce({row}.subscribers, 0) WHERE {where} ON CONFLICT DO UPDATE"
        " SET pages = pages + 1, subscribers = subscribers + excluded.subscribers;"
    )


def _territory_subtract(row: str, where: str) -> str:
    return (
        "UPDATE tally_territory SET pages = pages - 1,"
        f" subscribers = subscribers - coalesce({row}.subscribers, 0)"
        f" WHERE {where} AND territory_id = {row}.territory_id;"
    )


def _changed(columns: tuple[str, ...]) -> str:
    """WHEN condition: the row is live before or after, and liveness or a column changed."""
    differs = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in columns)
    return (
        "(OLD.deleted_at IS NULL OR NEW.deleted_at IS NULL) AND ("
        f"(OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL) OR {differs})"
    )


_LIVE_OLD, _LIVE_NEW = "OLD.deleted_at IS NULL", "NEW.deleted_at IS NULL"

TALLY_TABLES: tuple[str, ...] = (
    # Live pages per own territory and network (the network as stored; stats() maps unknown ones
    # to "other" when reading).
    "CREATE TABLE IF NOT EXISTS tally_network (territory_id INTEGER NOT NULL,"
    " network TEXT NOT NULL, "
    + ", ".join(f"{c} INTEGER NOT NULL" for c in NETWORK_COUNTERS)
    + ", PRIMARY KEY (territory_id, network)) WITHOUT ROWID",
    # Live pages per own territory and sphere 1 of their organisation (0: none).
    "CREATE TABLE IF NOT EXISTS tally_sphere (territory_id INTEGER NOT NULL,"
    " sphere_id INTEGER NOT NULL, pages INTEGER NOT NULL,"
    " PRIMARY KEY (territory_id, sphere_id)) WITHOUT ROWID",
    # Live organisations, pages and subscribers per own territory (the tree's totals).
    "CREATE TABLE IF NOT EXISTS tally_territory (territory_id INTEGER PRIMARY KEY,"
    " organizations INTEGER NOT NULL, pages INTEGER NOT NULL, subscribers INTEGER NOT NULL)",
    # tree_totals() reads the tree deepest level first without sorting it.
    "CREATE INDEX IF NOT EXISTS tally_territory_order ON territory (level, parent_id)",
)

TALLY_TRIGGERS: tuple[str, ...] = (
    "CREATE TRIGGER IF NOT EXISTS tally_page_insert AFTER INSERT ON page"
    f" WHEN NEW.deleted_at IS NULL BEGIN {_network_add('NEW', 'true')}"
    f" {_sphere_add('NEW', 'true')} {_territory_add('NEW', 'true')} END",
    "CREATE TRIGGER IF NOT EXISTS tally_page_delete AFTER DELETE ON page"
    f" WHEN OLD.deleted_at IS NULL BEGIN {_network_subtract('OLD', 'true')}"
    f" {_sphere_subtract('OLD', 'true')} {_territory_subtract('OLD', 'true')} END",
    f"CREATE TRIGGER IF NOT EXISTS tally_page_network AFTER UPDATE OF"
    f" {', '.join(_NETWORK_INPUTS)}, deleted_at ON page WHEN {_changed(_NETWORK_INPUTS)}"
    f" BEGIN {_network_subtract('OLD', _LIVE_OLD)} {_network_add('NEW', _LIVE_NEW)} END",
    "CREATE TRIGGER IF NOT EXISTS tally_page_sphere AFTER UPDATE OF"
    " territory_id, organization_id, deleted_at ON page"
    f" WHEN {_changed(('territory_id', 'organization_id'))}"
    f" BEGIN {_sphere_subtract('OLD', _LIVE_OLD)} {_sphere_add('NEW', _LIVE_NEW)} END",
    "CREATE TRIGGER IF NOT EXISTS tally_page_territory AFTER UPDATE OF"
    " territory_id, subscribers, deleted_at ON page"
    f" WHEN {_changed(('territory_id', 'subscribers'))}"
    f" BEGIN {_territory_subtract('OLD', _LIVE_OLD)} {_territory_add('NEW', _LIVE_NEW)} END",
    # An organisation's pages follow its sphere 1 (grouped by their own territory).
    "CREATE TRIGGER IF NOT EXISTS tally_organization_sphere AFTER UPDATE OF sphere1_id"
    " ON organization WHEN OLD.sphere1_id IS NOT NEW.sphere1_id BEGIN"
    " UPDATE tally_sphere SET pages = pages - g.n FROM (SELECT territory_id AS t, count(*) AS n"
    " FROM page WHERE organization_id = OLD.id AND deleted_at IS NULL GROUP BY territory_id) g"
    " WHERE tally_sphere.territory_id = g.t"
    " AND tally_sphere.sphere_id = coalesce(OLD.sphere1_id, 0);"
    " INSERT INTO tally_sphere SELECT territory_id, coalesce(NEW.sphere1_id, 0), count(*)"
    " FROM page WHERE organization_id = NEW.id AND deleted_at IS NULL GROUP BY territory_id"
    " ON CONFLICT DO UPDATE SET pages = pages + excluded.pages; END",
    "CREATE TRIGGER IF NOT EXISTS tally_organization_insert AFTER INSERT ON organization"
    " WHEN NEW.deleted_at IS NULL BEGIN INSERT INTO tally_territory"
    " VALUES (NEW.territory_id, 1, 0, 0)"
    " ON CONFLICT DO UPDATE SET organizations = organizations + 1; END",
    "CREATE TRIGGER IF NOT EXISTS tally_organization_delete AFTER DELETE ON organization"
    " WHEN OLD.deleted_at IS NULL BEGIN UPDATE tally_territory"
    " SET organizations = organizations - 1 WHERE territory_id = OLD.territory_id; END",
    "CREATE TRIGGER IF NOT EXISTS tally_organization_update AFTER UPDATE OF"
    f" territory_id, deleted_at ON organization WHEN {_changed(('territory_id',))} BEGIN"
    " UPDATE tally_territory SET organizations = organizations - 1"
    f" WHERE {_LIVE_OLD} AND territory_id = OLD.territory_id;"
    " INSERT INTO tally_territory SELECT NEW.territory_id, 1, 0, 0"
    f" WHERE {_LIVE_NEW} ON CONFLICT DO UPDATE SET organizations = organizations + 1; END",
    # A deleted territory holds no records any more (foreign keys), so its rows are all zero.
    "CREATE TRIGGER IF NOT EXISTS tally_territory_delete AFTER DELETE ON territory BEGIN"
    " DELETE FROM tally_network WHERE territory_id = OLD.id;"
    " DELETE FROM tally_sphere WHERE territory_id = OLD.id;"
    " DELETE FROM tally_territory WHERE territory_id = OLD.id; END",
)

# Each tally recomputed from the records: what the migration fills in and what `check` compares.
TALLY_RECOMPUTE: dict[str, str] = {
    "tally_network": "SELECT p.territory_id, p.network, "
    + ", ".join(f"sum({expr.format(row='p')})" for expr in NETWORK_COUNTERS.values())
    + " FROM page p WHERE p.deleted_at IS NULL GROUP BY p.territory_id, p.network",
    "tally_sphere": "SELECT p.territory_id, coalesce(o.sphere1_id, 0), count(*) FROM page p"
    " JOIN organization o ON o.id = p.organization_id WHERE p.deleted_at IS NULL"
    " GROUP BY 1, 2",
    "tally_territory": "SELECT territory_id, sum(o), sum(n), sum(s) FROM ("
    "SELECT territory_id, count(*) AS o, 0 AS n, 0 AS s FROM organization"
    " WHERE deleted_at IS NULL GROUP BY territory_id UNION ALL SELECT territory_id, 0, count(*),"
    " coalesce(sum(subscribers), 0) FROM page WHERE deleted_at IS NULL GROUP BY territory_id)"
    " AS own GROUP BY territory_id",
}
# The key columns of each tally, then its counters (rows where all counters are zero mean nothing).
TALLY_KEYS: dict[str, tuple[str, ...]] = {
    "tally_network": ("territory_id", "network"),
    "tally_sphere": ("territory_id", "sphere_id"),
    "tally_territory": ("territory_id",),
}
TALLY_COUNTERS: dict[str, tuple[str, ...]] = {
    "tally_network": tuple(NETWORK_COUNTERS),
    "tally_sphere": ("pages",),
    "tally_territory": ("organizations", "pages", "subscribers"),
}

__all__ = [
    "LEVELS",
    "LEVEL_INDEX",
    "MODELS",
    "NETWORK_COUNTERS",
    "SQL",
    "TALLY_COUNTERS",
    "TALLY_KEYS",
    "TALLY_RECOMPUTE",
    "TALLY_STATUSES",
    "TALLY_TABLES",
    "TALLY_TRIGGERS",
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
