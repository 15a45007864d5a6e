"""Stored roll-up tallies: every writer keeps them equal to a recomputation from the records.

Random sequences of real operations (records, bulk edit, trash, purge, territory moves and
deletes, sphere changes, import with batch undo/redo, raw SQL) run on a small catalogue; after
each step the tallies must agree with the records, and stats()/tree_totals() with the reference
computation straight from the pages.
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3

import pytest

from editor.core import bulk, duplicates, normalize, purge, records, rollup, spheres, territories
from editor.core.changelog import BULK, MANUAL
from editor.core.integrity import check_catalogue
from editor.db.database import SCHEMA_VERSION, close_catalogue, open_catalogue
from editor.db.models import TALLY_KEYS, TALLY_STATUSES, Organization, Page, db
from editor.exchange.importing.apply import redo_batch, undo_batch
from tests.exchange.import_helpers import ogrn, run, write_csv

NETWORK_URLS = {
    "vk": "https://vk.com/page{n}",
    "ok": "https://ok.ru/group/{n}",
    "telegram": "https://t.me/channel{n}",
    "max": "https://max.ru/page{n}",
}
STATUSES = (*normalize.STATUSES, None)
IMPORT_HEADER = ["Организация", "ОГРН", "Сфера 1", "Соцсеть", "Ссылка", "Статус", "Госметка",
                 "Подписчики", "Дата замера"]  # fmt: skip


def _tallies() -> dict[str, set[tuple]]:
    """The stored tallies without their all-zero rows."""
    found = {}
    for table, keys in TALLY_KEYS.items():
        rows = db.execute_sql(f"SELECT * FROM {table}").fetchall()
        found[table] = {row for row in rows if any(row[len(keys) :])}
    return found


def _expected() -> dict[str, set[tuple]]:
    """The tallies recomputed in Python from the page and organisation rows."""
    network: dict[tuple, list[int]] = {}
    sphere: dict[tuple, int] = {}
    territories: dict[int, list[int]] = {}  # organisations, pages, subscribers
    sphere_of = dict(db.execute_sql("SELECT id, coalesce(sphere1_id, 0) FROM organization"))
    for row in db.execute_sql(
        "SELECT territory_id, network, subscribers, gosmark, connected, widgets, status,"
        " organization_id FROM page WHERE deleted_at IS NULL"
    ):
        territory, net, subscribers, gosmark, connected, widgets, status, organization = row
        counters = [1, subscribers or 0, gosmark == 1, connected == 1, (widgets or 0) > 0]
        counters += [status == code for code in TALLY_STATUSES] + [status is None]
        total = network.setdefault((territory, net), [0] * len(counters))
        network[(territory, net)] = [a + int(b) for a, b in zip(total, counters, strict=True)]
        key = (territory, sphere_of[organization])
        sphere[key] = sphere.get(key, 0) + 1
        own = territories.setdefault(territory, [0, 0, 0])
        own[1] += 1
        own[2] += subscribers or 0
    for (territory,) in db.execute_sql(
        "SELECT territory_id FROM organization WHERE deleted_at IS NULL"
    ):
        territories.setdefault(territory, [0, 0, 0])[0] += 1
    return {
        "tally_network": {(*key, *values) for key, values in network.items()},
        "tally_sphere": {(*key, count) for key, count in sphere.items()},
        "tally_territory": {(key, *values) for key, values in territories.items()},
    }


def _assert_consistent(scopes: list[int | None]) -> None:
    assert _tallies() == _expected()
    for scope in scopes:
        assert rollup.stats(scope) == rollup._reference_stats(scope), scope
    assert rollup.tree_totals() == rollup._reference_tree_totals()


class Catalogue:
    """A small region and the random operations on it."""

    def __init__(self, rng: random.Random, tmp_path) -> None:
        self.rng = rng
        self.tmp_path = tmp_path
        self.serial = 0
        self.kurgan = territories.resolve("37000000").id
        amur = territories.resolve("10000000").id
        ketovo = territories.create(self.kurgan, "Кетовский муниципальный округ").id
        city = territories.create(self.kurgan, "город Курган").id
        self.leaf = territories.create(ketovo, "Лесниковский сельсовет").id
        village = territories.create(ketovo, "Колесниковский сельсовет").id
        blag = territories.create(amur, "город Благовещенск").id
        self.territories = [self.kurgan, ketovo, city, self.leaf, village, amur, blag]
        self.spheres = [spheres.find(name) for name in ("Школы", "Библиотеки", "Спорт")] + [None]
        self.scopes: list[int | None] = [None, self.kurgan, ketovo, self.leaf]
        self.imports: list[tuple[str, str, str, str]] = []  # rows that an import may repeat

    def next(self) -> int:
        self.serial += 1
        return self.serial

    def pick(self, model) -> int | None:
        ids = [i for (i,) in model.select(model.id).tuples()]
        return self.rng.choice(ids) if ids else None

    def some(self, model, live: bool | None = None) -> list[int]:
        query = model.select(model.id)
        if live is not None:
            query = query.where(model.deleted_at.is_null(live))
        ids = [i for (i,) in query.tuples()]
        return self.rng.sample(ids, min(len(ids), self.rng.randint(1, 4)))

    def page_values(self) -> dict[str, object]:
        network = self.rng.choice([*NETWORK_URLS, None])
        url = NETWORK_URLS[network].format(n=self.next()) if network else f"site{self.next()}.ru"
        values = {
            "url": url,
            "status": self.rng.choice(STATUSES),
            "gosmark": self.rng.choice([True, False, None]),
            "connected": self.rng.choice([True, False, None]),
            "widgets": self.rng.choice([0, 1, 2, None]),
        }
        if network is None:
            values["network"] = "other"
        if self.rng.random() < 0.8:
            values["subscribers"] = self.rng.randint(0, 5000)
        return values

    # --- the operations -----------------------------------------------------------------------

    def add_organization(self) -> None:
        records.create_organization(
            self.rng.choice(self.territories),
            {"full_name": f"Организация {self.next()}", "sphere1": self.rng.choice(self.spheres)},
        )

    def add_page(self) -> None:
        organizations = self.some(Organization, live=True)
        if not organizations:
            return self.add_organization()
        records.create_page(organizations[0], self.page_values())

    def edit_page(self) -> None:
        page = self.pick(Page)
        if page is None:
            return
        values = self.page_values()
        keys = self.rng.sample(sorted(values), self.rng.randint(1, 3))
        changes = {key: values[key] for key in keys if key != "network"}
        if "subscribers" in changes:
            changes["subscribers_date"] = dt.date(2024, 1, 1) + dt.timedelta(self.next())
        records.update_page(page, changes)

    def edit_organization(self) -> None:
        organization = self.pick(Organization)
        if organization is None:
            return
        changes = self.rng.choice(
            [
                {"territory": self.rng.choice(self.territories)},
                {"sphere1": self.rng.choice(self.spheres)},
                {"territory": self.rng.choice(self.territories),
                 "sphere1": self.rng.choice(self.spheres)},
            ]
        )  # fmt: skip
        records.update_organization(organization, changes)

    def trash_pages(self) -> None:
        records.delete_pages(self.some(Page, live=True))

    def restore_pages(self) -> None:
        records.restore_pages(self.some(Page, live=False))

    def trash_organizations(self) -> None:
        ids = self.some(Organization, live=True)[:1]
        pages = records.delete_organizations(ids)
        if self.rng.random() < 0.3:
            records.restore_organizations(ids, pages)

    def bulk(self) -> None:
        ids = self.some(Page)
        page_changes = self.rng.choice(
            [{"status": self.rng.choice(STATUSES)}, {"gosmark": self.rng.choice([True, False])},
             {"network": self.rng.choice(["vk", "ok", "max"])}, {"widgets": 2}, {}]
        )  # fmt: skip
        sphere = {"sphere1": self.rng.choice(self.spheres)} if self.rng.random() < 0.5 else {}
        undo = bulk.bulk_edit(ids, page_changes, sphere)
        if self.rng.random() < 0.4:
            bulk.undo_bulk_edit(undo, BULK)

    def purge(self) -> None:
        if self.rng.random() < 0.7:
            purge.purge_pages(self.some(Page, live=self.rng.random() < 0.2), MANUAL)
        else:
            organization = self.pick(Organization)
            if organization is not None:
                purge.purge_organization(organization, MANUAL)

    def counts(self) -> None:
        page = self.pick(Page)
        if page is None:
            return
        date = dt.date(2023, 1, 1) + dt.timedelta(self.rng.randint(0, 900))
        records.set_count(page, date, self.rng.choice([None, self.rng.randint(0, 900)]))

    def move_territory(self) -> None:
        ketovo = self.territories[1]
        target = self.rng.choice([self.kurgan, self.territories[5]])
        territories.move(ketovo, target)

    def delete_territory(self) -> None:
        village = self.territories[4]
        removed = territories.delete(village, reassign_to=self.territories[2])
        _assert_consistent(self.scopes)
        territories.undelete(removed)

    def new_sphere(self) -> None:
        sphere = spheres.create(f"Сфера {self.next()}")
        self.spheres.append(sphere.id)

    def merge(self) -> None:
        live = self.some(Page, live=True)
        if len(live) >= 2:
            result = duplicates.merge(live[0], live[1], {})
            if self.rng.random() < 0.5:
                duplicates.unmerge(result, MANUAL)

    def raw_sql(self) -> None:
        # Writers outside the records API (the import writer's plain SQL) and networks that
        # the dictionary does not know must be tallied as well.
        page = self.pick(Page)
        if page is None:
            return
        db.execute_sql(
            "UPDATE page SET network = ?, widgets = ?, status = ? WHERE id = ?",
            (self.rng.choice(["facebook", "vk", "ok"]), self.rng.choice([None, 0, 3]),
             self.rng.choice(STATUSES), page),
        )  # fmt: skip

    def import_batch(self) -> None:
        rows = []
        for _ in range(self.rng.randint(1, 4)):
            if self.imports and self.rng.random() < 0.4:
                name, number, sphere, url = self.rng.choice(self.imports)
            else:
                n = self.next()
                name, number = f"Учреждение {n}", ogrn(102450000000 + n)
                sphere = self.rng.choice(["Школы", "Библиотеки", "Спорт", ""])
                url = NETWORK_URLS[self.rng.choice(["vk", "ok", "telegram"])].format(n=n)
                self.imports.append((name, number, sphere, url))
            status = self.rng.choice([*normalize.STATUS_LABELS.values(), ""])
            gosmark = self.rng.choice(["да", "нет", ""])
            count, month = self.rng.randint(0, 3000), self.rng.randint(1, 9)
            rows.append(
                [name, number, sphere, "", url, status, gosmark, count, f"01.0{month}.2025"]
            )
        path = write_csv(self.tmp_path / f"import{self.next()}.csv", IMPORT_HEADER, rows)
        report = run([path], self.rng.choice(self.territories[1:5]))
        if report.batch_id is None or self.rng.random() < 0.3:
            return
        _assert_consistent(self.scopes)
        snapshot = undo_batch(report.batch_id)
        if self.rng.random() < 0.6:
            _assert_consistent(self.scopes)
            redo_batch(report.batch_id, snapshot)


OPERATIONS = [
    ("add_organization", 3), ("add_page", 14), ("edit_page", 5), ("edit_organization", 3),
    ("trash_pages", 2), ("restore_pages", 2), ("trash_organizations", 1), ("bulk", 2),
    ("purge", 1), ("counts", 2), ("move_territory", 1), ("delete_territory", 1),
    ("new_sphere", 1), ("merge", 1), ("raw_sql", 1), ("import_batch", 2),
]  # fmt: skip


@pytest.mark.parametrize("seed", range(4))
def test_random_operations_keep_the_tallies_exact(backend_catalogue, tmp_path, seed):
    rng = random.Random(seed)
    state = Catalogue(rng, tmp_path)
    names, weights = zip(*OPERATIONS, strict=True)
    done = []
    for _ in range(70):
        name = rng.choices(names, weights)[0]
        getattr(state, name)()
        done.append(name)
        _assert_consistent(state.scopes)
    assert Page.select().where(Page.deleted_at.is_null()).count() >= 5, done
    assert not [p for p in check_catalogue().problems if "сводные счётчики" in p]


@pytest.mark.parametrize("staged", [False, True], ids=["one-by-one", "staged"])
def test_an_import_that_changes_records_keeps_the_tallies_exact(
    backend_catalogue, tmp_path, monkeypatch, staged
):
    # An import keeps the tallies itself, in bulk (tally_bulk): each kind of change it makes
    # must reach them, an organisation's new sphere through all of its pages. A server applies
    # changed rows in one UPDATE … FROM rows sent by COPY from a few rows on (staging).
    from editor.exchange.importing import staging

    monkeypatch.setattr(staging, "_FEW_ROWS", 1 if staged else 10**9)
    kurgan = territories.resolve("37000000").id
    ketovo = territories.create(kurgan, "Кетовский муниципальный округ").id
    city = territories.create(kurgan, "город Курган").id
    school, club, library_ogrn = ogrn(102450000011), ogrn(102450000012), ogrn(102450000014)
    header = ["Территория", *IMPORT_HEADER]
    before = [
        ["Кетовский муниципальный округ", "Школа № 1", school, "Школы", "", "https://vk.com/s1",
         "активный", "да", 100, "01.02.2025"],
        ["Кетовский муниципальный округ", "Школа № 1", school, "Школы", "", "https://t.me/s1",
         "", "", 40, "01.02.2025"],
        ["город Курган", "Клуб", club, "Спорт", "", "https://ok.ru/group/7", "визитка", "нет",
         5, "01.02.2025"],
        ["город Курган", "Библиотека", library_ogrn, "Библиотеки", "", "https://vk.com/lib",
         "", "", 10, "01.02.2025"],
    ]  # fmt: skip
    run([write_csv(tmp_path / "first.csv", header, before)], kurgan)
    _assert_consistent([None, kurgan, ketovo, city])
    after = [
        ["Кетовский муниципальный округ", "Школа № 1", school, "Библиотеки", "",
         "https://vk.com/s1", "флагманский", "нет", 150, "01.03.2025"],
        ["Кетовский муниципальный округ", "Школа № 1", school, "Библиотеки", "",
         "https://t.me/s1", "", "", 40, "01.02.2025"],  # the page itself unchanged
        ["Кетовский муниципальный округ", "Клуб", club, "Спорт", "", "https://ok.ru/group/7",
         "визитка", "нет", 5, "01.03.2025"],
        ["город Курган", "Музей", ogrn(102450000013), "", "", "https://vk.com/museum", "", "",
         70, "01.03.2025"],
        # Only the count moved.
        ["город Курган", "Библиотека", library_ogrn, "Библиотеки", "", "https://vk.com/lib",
         "", "", 12, "01.03.2025"],
    ]  # fmt: skip
    report = run([write_csv(tmp_path / "next.csv", header, after)], kurgan)
    assert report.updated and report.new, report
    library = spheres.find("Библиотеки")
    assert Organization.get(Organization.ogrn == school).sphere1_id == library
    _assert_consistent([None, kurgan, ketovo, city])
    assert rollup.stats(ketovo).by_sphere.get("Библиотеки") == 2
    assert rollup.stats(None).subscribers == 150 + 40 + 5 + 70 + 12
    assert rollup.stats(city).subscribers == 70 + 12
    changed = Page.get(Page.url == "https://vk.com/s1")
    assert (changed.status, changed.gosmark, changed.subscribers) == ("flagship", False, 150)
    assert str(changed.subscribers_date) == "2025-03-01"


def test_tally_statuses_are_the_dictionary_statuses():
    assert TALLY_STATUSES == normalize.STATUSES


def test_unknown_network_is_counted_as_other(backend_catalogue):
    organization = records.create_organization(territories.resolve("37000000").id,
                                               {"full_name": "Администрация"})  # fmt: skip
    page = records.create_page(organization.id, {"url": "vk.com/adm", "subscribers": 40})
    db.execute_sql("UPDATE page SET network = 'facebook' WHERE id = ?", (page.id,))
    result = rollup.stats(organization.territory_id)
    assert result.by_network == {"other": 1}
    assert result.subscribers_by_network == {"other": 40}
    assert result == rollup._reference_stats(organization.territory_id)


def test_a_row_replaced_by_raw_sql_is_tallied_once(catalogue):
    organization = records.create_organization(territories.resolve("37000000").id,
                                               {"full_name": "Администрация"})  # fmt: skip
    page = records.create_page(organization.id, {"url": "vk.com/adm", "subscribers": 40})
    columns = [row[1] for row in db.execute_sql("PRAGMA table_info(page)")]
    values = db.execute_sql("SELECT * FROM page WHERE id = ?", (page.id,)).fetchone()
    row = dict(zip(columns, values, strict=True))
    row.update(network="ok", subscribers=70)
    db.execute_sql(
        f"INSERT OR REPLACE INTO page ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
        tuple(row.values()),
    )
    result = rollup.stats(organization.territory_id)
    assert (result.pages, result.by_network, result.subscribers) == (1, {"ok": 1}, 70)
    assert _tallies() == _expected()


def test_check_reports_a_tally_that_disagrees_with_the_records(backend_catalogue):
    organization = records.create_organization(territories.resolve("37000000").id,
                                               {"full_name": "Администрация"})  # fmt: skip
    records.create_page(organization.id, {"url": "vk.com/adm", "subscribers": 40})
    assert check_catalogue().ok
    db.execute_sql("UPDATE tally_network SET subscribers = subscribers + 1")
    report = check_catalogue()
    assert report.problems == ["Территорий, у которых сводные счётчики расходятся с пересчётом: 1"]


def _schema(path) -> set[tuple]:
    connection = sqlite3.connect(path)
    try:
        return set(
            connection.execute(
                "SELECT type, name, sql FROM sqlite_master WHERE name LIKE 'tally%'"
            ).fetchall()
        )
    finally:
        connection.close()


def test_a_version_1_file_is_migrated_with_filled_tallies(catalogue, tmp_path):
    state = Catalogue(random.Random(7), tmp_path)
    for name in ["add_organization"] * 4 + ["add_page"] * 20 + ["trash_pages", "edit_organization"]:
        getattr(state, name)()
    expected = _expected()
    reference = rollup._reference_stats(state.kurgan)
    new_schema = _schema(catalogue)
    assert {name for kind, name, _ in new_schema if kind == "table"} == {
        "tally_network", "tally_sphere", "tally_territory"
    }  # fmt: skip
    close_catalogue()
    # What a file written before the tallies existed looks like.
    connection = sqlite3.connect(catalogue)
    for kind, name, _ in new_schema:
        if kind in ("table", "trigger", "index"):
            connection.execute(f"DROP {kind.upper()} IF EXISTS {name}")
    connection.execute("PRAGMA user_version = 1")
    connection.commit()
    connection.close()
    assert not _schema(catalogue)
    open_catalogue(catalogue)
    assert db.execute_sql("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert _schema(catalogue) == new_schema
    assert _tallies() == expected
    assert rollup.stats(state.kurgan) == reference
    # The triggers work on the migrated file too.
    state.add_page()
    state.edit_organization()
    _assert_consistent(state.scopes)
