"""The import engine: what a consolidated spreadsheet adds, changes, confirms and refuses."""

from __future__ import annotations

import datetime as dt

import pytest

from editor.core import records
from editor.core.integrity import check_catalogue
from editor.db.models import Change, ImportBatch, Organization, Page, SubscriberCount
from editor.exchange.importing import engine as importer
from editor.exchange.importing.engine import ImportCancelled, pack
from tests.exchange.import_helpers import (
    HEADERS,
    OGRN_CLUB,
    OGRN_LIBRARY,
    OGRN_SCHOOL,
    TODAY,
    add_region,
    counts,
    run,
    write_csv,
    write_xlsx,
)


@pytest.fixture
def catalogue(backend_catalogue):
    """Every test here runs on a catalogue file and on a server catalogue."""
    return backend_catalogue


ROWS = [
    [
        "Кетовский район",
        "МКОУ «Лесниковская СОШ»",
        OGRN_SCHOOL,
        "Школы",
        "ВКонтакте",
        "vk.com/public123",
        "активный",
        "да",
        "12 345",
        "01.03.2025",
    ],
    [
        "г. Курган",
        "Библиотека № 5",
        OGRN_LIBRARY,
        "Библиотеки",
        "",
        "https://t.me/Lib5_Kurgan",
        "визитка",
        "нет",
        800,
        None,
    ],
    [
        "Кетовский муниципальный округ",
        "МКУ «Клуб»",
        OGRN_CLUB,
        "Дом культуры",
        None,
        "0",
        None,
        None,
        None,
        None,
    ],
]


@pytest.fixture
def region(catalogue):
    return add_region()


def test_new_rows_add_organisations_pages_and_counts(region, tmp_path):
    path = write_xlsx(tmp_path / "кетово.xlsx", HEADERS, ROWS)
    report = run([path], region.region)
    assert (report.rows, report.new, report.updated, report.unchanged, report.rejected) == (
        3,
        3,
        0,
        0,
        0,
    )
    school = Organization.get(Organization.ogrn == OGRN_SCHOOL)
    assert school.territory_id == region.ketovo
    assert school.source == "кетово.xlsx"
    assert school.batch_id == report.batch_id
    page = Page.get(Page.organization == school.id)
    assert (page.url, page.network, page.network_id) == ("https://vk.com/club123", "vk", "123")
    assert (page.status, page.gosmark) == ("active", True)
    assert (page.subscribers, page.subscribers_date) == (12345, dt.date(2025, 3, 1))
    library_page = Page.get(Page.url == "https://t.me/lib5_kurgan")
    assert library_page.territory_id == region.kurgan
    # No date in the row, the title or the file name: the count is of today.
    assert records.count_history(library_page.id) == [(TODAY, 800)]
    club = Organization.get(Organization.ogrn == OGRN_CLUB)
    assert not Page.select().where(Page.organization == club.id).exists()
    assert club.sphere1.name == "Дома культуры"
    batch = ImportBatch.get_by_id(report.batch_id)
    assert batch.file_names == "кетово.xlsx" and len(batch.sha256) == 64
    origins = {(c.origin, c.batch_id) for c in Change.select().where(Change.entity != "territory")}
    assert origins == {("import", report.batch_id)}
    assert check_catalogue().ok


def test_importing_the_same_file_again_changes_nothing(region, tmp_path):
    path = write_xlsx(tmp_path / "кетово.xlsx", HEADERS, ROWS)
    run([path], region.region)
    before = counts()
    again = run([path], region.region)
    assert (again.rows, again.new, again.updated, again.unchanged) == (3, 0, 0, 3)
    after = counts()
    assert after["organizations"] == before["organizations"]
    assert after["pages"] == before["pages"] and after["counts"] == before["counts"]


def test_a_changed_row_updates_fields_and_an_empty_cell_keeps_the_value(region, tmp_path):
    run([write_xlsx(tmp_path / "a.xlsx", HEADERS, ROWS[:1])], region.region)
    changed = [
        "Кетовский район",
        "МКОУ «Лесниковская СОШ»",
        OGRN_SCHOOL,
        "Школы",
        "ВКонтакте",
        "https://vk.com/club123",
        "флагманский",
        None,
        "13000",
        "01.04.2025",
    ]
    report = run([write_xlsx(tmp_path / "b.xlsx", HEADERS, [changed])], region.region)
    assert (report.new, report.updated, report.unchanged) == (0, 1, 0)
    diffs = {d.field: (d.old, d.new) for d in report.changes[0].diffs}
    assert diffs["status"] == ("active", "flagship")
    assert diffs["subscribers"] == (None, 13000)
    page = Page.get(Page.url == "https://vk.com/club123")
    assert page.status == "flagship" and page.gosmark is True  # the empty cell changed nothing
    assert records.count_history(page.id) == [
        (dt.date(2025, 3, 1), 12345),
        (dt.date(2025, 4, 1), 13000),
    ]


def test_count_date_comes_from_the_title_row_or_the_file_name(region, tmp_path):
    header = ["Организация", "Ссылка", "Подписчики"]
    titled = write_xlsx(
        tmp_path / "свод.xlsx",
        header,
        [["Школа 1", "vk.com/s1", 10]],
        title="Сведения о госпабликах на 05.02.2025",
    )
    named = write_xlsx(
        tmp_path / "свод_2025-01-20.xlsx", header, [["Школа 2", "vk.com/s2", 20]], title=None
    )
    run([titled, named], region.ketovo)
    first = Page.get(Page.url == "https://vk.com/s1")
    second = Page.get(Page.url == "https://vk.com/s2")
    assert first.subscribers_date == dt.date(2025, 2, 5)
    assert second.subscribers_date == dt.date(2025, 1, 20)


def test_rows_without_a_territory_column_belong_to_the_target(region, tmp_path):
    header = ["Организация", "Ссылка"]
    run(
        [write_xlsx(tmp_path / "a.xlsx", header, [["Администрация", "vk.com/adm"]])],
        region.lesnikovo,
    )
    assert Organization.get(Organization.full_name == "Администрация").territory_id == (
        region.lesnikovo
    )


def test_an_ambiguous_territory_is_listed_never_guessed_and_can_be_assigned(region, tmp_path):
    from editor.core import territories

    # «Лесниковский» is also the name of a settlement in another municipality.
    territories.create(region.kurgan, "Лесниковский поссовет", level="settlement")
    rows = [
        ["Лесниковский", "ДК", None, None, None, "vk.com/dk", None, None, None, None],
        ["Неизвестный район", "Школа", None, None, None, "vk.com/school", None, None, None, None],
    ]
    path = write_xlsx(tmp_path / "a.xlsx", HEADERS, rows)
    report = run([path], region.region)
    assert report.rejected == 2 and report.new == 0
    ambiguous = report.unresolved["лесниковский"]
    assert len(ambiguous.candidates) == 2 and ambiguous.rows == 1
    assert "неоднозначна" in report.rejections[0].reason
    assert report.unresolved["неизвестный район"].candidates == []
    assigned = run(
        [path],
        region.region,
        assignments={"лесниковский": region.lesnikovo, "неизвестный район": None},
    )
    assert (assigned.new, assigned.skipped, assigned.rejected) == (1, 1, 0)
    assert Organization.get(Organization.full_name == "ДК").territory_id == region.lesnikovo


def test_oktmo_decides_the_territory(region, tmp_path):
    header = ["Код ОКТМО", "Территория", "Организация", "Ссылка"]
    rows = [[37701000, "неважно", "Школа", "vk.com/x1"], ["37515000", None, "ДК", "vk.com/x2"]]
    run([write_xlsx(tmp_path / "a.xlsx", header, rows)], region.region)
    assert Organization.get(Organization.full_name == "Школа").territory_id == region.kurgan
    assert Organization.get(Organization.full_name == "ДК").territory_id == region.ketovo


def test_organisations_match_by_ogrn_then_by_name(region, tmp_path):
    existing = records.create_organization(
        region.ketovo, {"full_name": "МКОУ Школа", "ogrn": OGRN_SCHOOL}
    )
    by_name = records.create_organization(
        region.ketovo, {"full_name": "Библиотека", "ogrn": OGRN_LIBRARY}
    )
    header = ["Территория", "Организация", "ОГРН", "Учредитель", "Ссылка"]
    rows = [
        [
            "Кетовский",
            "МКОУ «Школа» (новое название)",
            OGRN_SCHOOL,
            "Отдел образования",
            "vk.com/a",
        ],
        ["Кетовский", "БИБЛИОТЕКА", None, "Отдел культуры", "vk.com/b"],
        # The same name with another ОГРН is another organisation.
        ["Кетовский", "Библиотека", OGRN_CLUB, None, "vk.com/c"],
    ]
    report = run([write_xlsx(tmp_path / "a.xlsx", header, rows)], region.region)
    assert report.new_organizations == 1
    renamed = Organization.get_by_id(existing.id)
    assert renamed.full_name == "МКОУ «Школа» (новое название)"
    assert Organization.get_by_id(by_name.id).founder == "Отдел культуры"
    assert Page.get(Page.url == "https://vk.com/b").organization_id == by_name.id
    assert Page.get(Page.url == "https://vk.com/c").organization_id not in (existing.id, by_name.id)


def test_a_page_matches_by_organisation_and_network_when_its_link_changed(region, tmp_path):
    org = records.create_organization(region.ketovo, {"full_name": "ДК", "ogrn": OGRN_CLUB})
    page = records.create_page(org.id, {"url": "https://vk.com/old_dk", "status": "card"})
    header = ["Организация", "ОГРН", "Ссылка", "Статус"]
    report = run(
        [
            write_xlsx(
                tmp_path / "a.xlsx",
                header,
                [["ДК", OGRN_CLUB, "https://vk.com/new_dk", "активный"]],
            )
        ],
        region.ketovo,
    )
    assert report.updated == 1 and report.new == 0
    assert Page.get_by_id(page.id).url == "https://vk.com/new_dk"
    assert Page.get_by_id(page.id).url_key == "https://vk.com/new_dk"


def test_bad_values_reject_the_row_with_its_place(region, tmp_path):
    header = ["Организация", "ОГРН", "Соцсеть", "Ссылка", "Подписчики"]
    rows = [
        ["Школа 1", OGRN_SCHOOL, None, "vk.com/s1", -5],
        ["Школа 2", None, None, "vk.com/s2", "много"],
        ["Школа 3", None, "Одноклассники", "https://vk.com/s3", 1],
        ["Школа 4", "1024500000010", None, "vk.com/s4", 10],  # bad checksum: imported anyway
    ]
    report = run([write_xlsx(tmp_path / "бад.xlsx", header, rows, sheet="Лист1")], region.ketovo)
    assert (report.rejected, report.new) == (3, 1)
    first = report.rejections[0]
    assert (first.row, first.problems[0].column, first.problems[0].value) == (4, "Подписчики", -5)
    assert "отрицательн" in first.reason
    assert "не число" in report.rejections[1].reason
    assert "Одноклассники" in report.rejections[2].reason
    assert report.place(0, 4) == "бад.xlsx, лист «Лист1», строка 4"
    assert any("контрольная цифра" in n.message and n.row == 7 for n in report.notices)
    assert Organization.get(Organization.full_name == "Школа 4").ogrn == "1024500000010"


def test_duplicates_are_reported_and_the_first_row_wins(region, tmp_path):
    header = ["Организация", "Ссылка", "Статус"]
    first = write_xlsx(
        tmp_path / "first.xlsx",
        header,
        [
            ["Школа", "vk.com/s", "активный"],
            ["Школа", "https://vk.com/S", "активный"],  # the same row again
            ["Школа", "vk.com/s", "визитка"],  # contradicts the first
            ["Другая школа", "vk.com/s", None],  # the link belongs to another organisation
        ],
    )
    second = write_xlsx(tmp_path / "second.xlsx", header, [["Школа", "vk.com/s", "флагманский"]])
    report = run([first, second], region.ketovo)
    assert (report.rows, report.new, report.unchanged, report.rejected) == (5, 2, 1, 2)
    assert any(n.row == 5 and n.message == "повторяет строку 4" for n in report.notices)
    reasons = [r.reason for r in report.rejections]
    assert "противоречит строке 4" in reasons[0]
    assert "файла first.xlsx" in reasons[1]
    assert Page.get(Page.url == "https://vk.com/s").status == "active"
    other = Organization.get(Organization.full_name == "Другая школа")
    assert not Page.select().where(Page.organization == other.id).exists()
    assert any("другой организации" in n.message for n in report.notices)


def test_a_dry_run_reports_exactly_what_applying_does_and_writes_nothing(region, tmp_path):
    path = write_xlsx(tmp_path / "a.xlsx", HEADERS, ROWS)
    before = counts()
    dry = run([path], region.region, dry_run=True)
    assert counts() == before
    assert dry.batch_id is None and dry.dry_run
    applied = run([path], region.region)
    assert (dry.rows, dry.new, dry.updated, dry.unchanged, dry.rejected) == (
        applied.rows,
        applied.new,
        applied.updated,
        applied.unchanged,
        applied.rejected,
    )
    assert [c.kind for c in dry.changes] == [c.kind for c in applied.changes]


def test_strict_with_a_rejected_row_writes_nothing(region, tmp_path):
    rows = [*ROWS, ["Кетовский", "Школа", None, None, None, "vk.com/z", None, None, -1, None]]
    before = counts()
    report = run([write_xlsx(tmp_path / "a.xlsx", HEADERS, rows)], region.region, strict=True)
    assert report.rejected == 1 and report.batch_id is None
    assert counts() == before


def test_cancel_rolls_everything_back(region, tmp_path, monkeypatch):
    monkeypatch.setattr(importer, "CHUNK_ROWS", 2)
    header = ["Организация", "Ссылка"]
    rows = [[f"Школа {n}", f"vk.com/school{n}"] for n in range(10)]
    before = counts()
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 2  # after two chunks were written inside the transaction

    with pytest.raises(ImportCancelled):
        importer.run_import(
            [write_xlsx(tmp_path / "a.xlsx", header, rows)],
            importer.ImportOptions(target_id=region.ketovo),
            is_cancelled=cancelled,
        )
    assert counts() == before


def test_unticked_rows_are_skipped(region, tmp_path):
    path = write_xlsx(tmp_path / "a.xlsx", HEADERS, ROWS)
    report = run([path], region.region, exclusions=frozenset({pack(0, 4)}))
    assert (report.new, report.skipped) == (2, 1)
    assert not Organization.select().where(Organization.ogrn == OGRN_SCHOOL).exists()


@pytest.mark.parametrize(
    ("encoding", "delimiter"), [("utf-8-sig", ";"), ("cp1251", ";"), ("utf-8", ",")]
)
def test_csv_files_import_like_workbooks(region, tmp_path, encoding, delimiter):
    path = write_csv(tmp_path / "a.csv", HEADERS, ROWS, encoding=encoding, delimiter=delimiter)
    report = run([path], region.region)
    assert (report.new, report.rejected) == (3, 0)
    assert Page.get(Page.url == "https://vk.com/club123").subscribers == 12345


def test_column_overrides_map_unknown_headers(region, tmp_path):
    header = ["Наименование ОУ", "Страница ВК", "Уровень"]
    path = write_xlsx(tmp_path / "a.xlsx", header, [["Школа", "vk.com/a", "МО"]])
    report = run(
        [path], region.ketovo, overrides={"Наименование ОУ": "organization", "Страница ВК": "url"}
    )
    assert report.new == 1
    assert Page.get(Page.url == "https://vk.com/a").organization.full_name == "Школа"


def test_subscriber_history_keeps_older_counts_out_of_the_current_one(region, tmp_path):
    header = ["Организация", "Ссылка", "Подписчики", "Дата замера"]
    run(
        [write_xlsx(tmp_path / "a.xlsx", header, [["Школа", "vk.com/a", 100, "01.03.2025"]])],
        region.ketovo,
    )
    report = run(
        [
            write_xlsx(
                tmp_path / "b.xlsx", header, [["Школа", "vk.com/a", 90, dt.datetime(2025, 2, 1)]]
            )
        ],
        region.ketovo,
    )
    assert report.updated == 1
    page = Page.get(Page.url == "https://vk.com/a")
    assert (page.subscribers, page.subscribers_date) == (100, dt.date(2025, 3, 1))
    assert SubscriberCount.select().where(SubscriberCount.page == page.id).count() == 2
    assert check_catalogue().ok


def test_a_file_of_links_and_counts_updates_the_pages_it_names(region, tmp_path):
    org = records.create_organization(region.ketovo, {"full_name": "Школа"})
    page = records.create_page(org.id, {"url": "https://vk.com/school"})
    header = ["Ссылка", "Подписчики", "Дата замера"]
    rows = [["https://vk.com/school/", 500, "01.03.2025"], ["vk.com/unknown", 10, "01.03.2025"]]
    report = run([write_xlsx(tmp_path / "a.xlsx", header, rows)], region.ketovo)
    assert (report.updated, report.rejected) == (1, 1)
    assert "наименование" in report.rejections[0].reason
    assert Page.get_by_id(page.id).subscribers == 500


def test_a_known_link_keeps_its_organisation_under_another_spelling(region, tmp_path):
    org = records.create_organization(region.ketovo, {"full_name": "МБОУ СОШ № 1"})
    records.create_page(org.id, {"url": "https://vk.com/school1"})
    header = ["Организация", "Ссылка", "Учредитель"]
    rows = [["МБОУ «Средняя школа №1»", "vk.com/school1", "Отдел образования"]]
    report = run([write_xlsx(tmp_path / "a.xlsx", header, rows)], region.ketovo)
    assert (report.new, report.updated) == (0, 1)
    assert Organization.select().count() == 1
    kept = Organization.get_by_id(org.id)
    assert (kept.full_name, kept.founder) == ("МБОУ СОШ № 1", "Отдел образования")
    assert any("найдена по ссылке" in n.message for n in report.notices)


def test_the_errors_file_has_every_rejected_row_even_beyond_the_kept_details(region, tmp_path):
    from openpyxl import load_workbook

    from editor.exchange.importing.rejected import write_rejections

    header = ["Организация", "Ссылка", "Подписчики"]
    rows = [["Школа 1", "vk.com/a", -1], ["Школа 2", "vk.com/b", 5], ["Школа 3", "vk.com/c", "x"]]
    path = write_xlsx(tmp_path / "a.xlsx", header, rows)
    report = run([path], region.ketovo, detail_limit=1)
    assert report.rejected == 2 and report.rejections[1].cells is None
    out = tmp_path / "errors.xlsx"
    assert write_rejections(report, out) == 2
    book = load_workbook(out, read_only=True)
    written = list(book.worksheets[0].iter_rows(values_only=True))
    book.close()
    assert [r[:3] for r in written[1:]] == [
        ("Школа 1", "vk.com/a", -1),
        ("Школа 3", "vk.com/c", "x"),
    ]
    assert written[0][-1] == "Причина" and "не число" in written[2][-1]


@pytest.mark.parametrize("filtered", [True, False], ids=["key filters", "no filters"])
def test_later_chunks_find_what_earlier_chunks_added_or_renamed(
    region, tmp_path, monkeypatch, filtered
):
    # The key filters let a row skip its lookups: they must know every record the import
    # itself creates or renames, or a later chunk would duplicate them.
    from editor.exchange.importing import lookup as import_lookup

    monkeypatch.setattr(import_lookup, "FILTER_RATIO", 10**6 if filtered else 0)
    built = []
    monkeypatch.setattr(
        import_lookup.KnownKeys,
        "__init__",
        lambda self, *args, original=import_lookup.KnownKeys.__init__: (
            built.append(args),
            original(self, *args),
        )[1],
    )
    monkeypatch.setattr(importer, "CHUNK_ROWS", 2)
    school = records.create_organization(region.ketovo, {"full_name": "Школа", "ogrn": OGRN_SCHOOL})
    library = records.create_organization(region.ketovo, {"full_name": "Библиотека"})
    records.create_page(school.id, {"url": "https://vk.com/a"})
    records.create_page(library.id, {"url": "https://vk.com/b", "status": "card"})
    header = ["Организация", "ОГРН", "Ссылка", "Статус"]
    rows = [
        ["Клуб", OGRN_CLUB, "vk.com/club_new", "визитка"],
        ["Клуб", OGRN_CLUB, "ok.ru/club_new", None],
        ["Клуб", OGRN_CLUB, "t.me/club_new", None],  # chunk 2: by the ОГРН added in chunk 1
        ["Клуб без ОГРН", None, "vk.com/c4", None],
        ["Клуб без ОГРН", None, "ok.ru/c4", None],  # chunk 3: by the name added in chunk 2
        ["Библиотека", None, "vk.com/b", "активный"],
        ["Новое имя", OGRN_SCHOOL, None, None],  # renames the school
        ["Новое имя", None, "ok.ru/a", None],  # the same chunk: by the new name
        # Chunk 5: a link added in chunk 2, under another name: reported, never a second page.
        ["Другое имя", None, "vk.com/c4", None],
    ]
    report = run([write_xlsx(tmp_path / "a.xlsx", header, rows)], region.ketovo)
    assert bool(built) is filtered
    assert (report.new_organizations, report.new_pages, report.rejected) == (3, 6, 0)
    assert Organization.select().count() == 5
    assert any(n.row == 12 and "у другой организации" in n.message for n in report.notices)
    assert Page.select().where(Page.url == "https://vk.com/c4").count() == 1
    club = Organization.get(Organization.ogrn == OGRN_CLUB)
    assert {p.url for p in Page.select().where(Page.organization == club.id)} == {
        "https://vk.com/club_new",
        "https://ok.ru/club_new",
        "https://t.me/club_new",
    }
    no_ogrn = Organization.get(Organization.full_name == "Клуб без ОГРН")
    assert Page.select().where(Page.organization == no_ogrn.id).count() == 2
    assert Organization.get_by_id(school.id).full_name == "Новое имя"
    assert Page.get(Page.url == "https://ok.ru/a").organization_id == school.id
    assert Page.get(Page.url == "https://vk.com/b").status == "active"
    assert check_catalogue().ok


def test_a_key_filter_never_forgets_a_key():
    from editor.exchange.importing.lookup import KeyFilter

    keys = [f"https://vk.com/club{n}" for n in range(20_000)]
    known = KeyFilter(len(keys))
    for key in keys:
        known.add(key)
    assert all(key in known for key in keys)
    others = [f"https://ok.ru/group{n}" for n in range(20_000)]
    # About 1 % of absent keys pass; far more would mean no saving at all.
    assert sum(key in known for key in others) < len(others) * 0.03


def test_a_bad_value_repeated_down_a_big_file_does_not_hold_the_rows(catalogue):
    # A remembered conversion error raised again for every row must not keep those rows alive
    # (a file of 300,000 rows with one wrong sphere grew a reader process to 1 GB).
    import tracemalloc

    from editor.core import spheres
    from editor.exchange.importing.rows import RowParser

    parser = RowParser(
        ["Организация", "Сфера 1"], {0: "organization", 1: "sphere1"}, spheres.matcher()
    )
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for row in range(20_000):
            parsed = parser.parse(row, [f"Школа № {row} " + "x" * 200, "Нет такой сферы"])
            assert parsed.problems
        grown = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert grown < 2_000_000


def test_first_row_marks_keep_the_first_row_of_old_and_new_records():
    from editor.exchange.importing.marks import FirstRows

    marks = FirstRows(base=100)
    marks.setdefault(100, 7)  # created by row 7
    marks.setdefault(100, 9)  # touched again: the first row stays
    marks.setdefault(103, 12)  # ids 101 and 102 not marked yet
    marks.setdefault(5, 3)  # a record already in the catalogue
    marks.setdefault(5, 4)
    marks.setdefault(101, 20)
    assert [marks.get(i) for i in (100, 101, 102, 103, 104, 5, 6)] == [
        7,
        20,
        None,
        12,
        None,
        3,
        None,
    ]
    assert 102 not in marks and 103 in marks and 5 in marks


@pytest.mark.parametrize(
    "link", ["https://vk.com/public", "vk.com/club", "https://ok.ru/group", "t.me/", "max.ru/"]
)
def test_a_template_link_imports_the_organisation_without_a_page(region, tmp_path, link):
    header = ["Организация", "Ссылка", "Подписчики"]
    rows = [["Школа с шаблоном", link, 120], ["Школа со страницей", "vk.com/real_school", 50]]
    report = run([write_xlsx(tmp_path / "шаблон.xlsx", header, rows)], region.ketovo)
    assert (report.rejected, report.new_organizations, report.new_pages) == (0, 2, 1)
    template = Organization.get(Organization.full_name == "Школа с шаблоном")
    assert not Page.select().where(Page.organization == template.id).exists()
    warning = [n for n in report.notices if n.row == 4]
    assert warning[0].message == "ссылка без адреса страницы — страница не создана"
    assert (warning[0].column, warning[0].value) == ("Ссылка", link)
