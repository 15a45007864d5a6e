"""The in-memory search index: exactly SQLite's instr, and never stale after any kind of write."""

from __future__ import annotations

import sqlite3
import threading
from itertools import pairwise

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.core import records, search, territories, text_index
from editor.core.search import PageFilter, count_and_total, ordered_ids
from editor.core.text_index import Hits, TextIndex
from editor.db.models import Page, db
from editor.exchange.importing.apply import undo_batch
from tests.exchange.import_helpers import HEADERS, OGRN_SCHOOL, run, write_xlsx

# Cyrillic with ё, Latin, digits, punctuation, a few characters cp1251 lacks (Kazakh ә, Chinese,
# an emoji) and, rarely, a line break (which the index stores as its row separator).
_ALPHABET = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяшкола" + "ШЁЯ" + "abcxyzAZ019 .,-/«»№?" + "әң中😀"
_keys = st.text(alphabet=_ALPHABET + "\n", max_size=12)
_needles = st.text(alphabet=_ALPHABET, min_size=1, max_size=4)


def _table(rows: list[tuple[str, bool]]) -> sqlite3.Connection:
    """A page table holding `rows` of (search_key, trashed), ids with gaps."""
    connection = sqlite3.connect(":memory:")
    connection.execute(
        "CREATE TABLE page (id INTEGER PRIMARY KEY, search_key TEXT, deleted_at TEXT,"
        " subscribers INTEGER, territory_id INTEGER)"
    )
    connection.executemany(
        "INSERT INTO page VALUES (?, ?, ?, ?, ?)",
        [
            (3 * number + 1, key, "2025-01-01" if trashed else None, number, number % 3)
            for number, (key, trashed) in enumerate(rows)
        ],
    )
    return connection


def _instr(connection: sqlite3.Connection, needle: str, trash: bool) -> list[int]:
    deleted = "IS NOT NULL" if trash else "IS NULL"
    return [
        row[0]
        for row in connection.execute(
            f"SELECT id FROM page WHERE deleted_at {deleted} AND instr(search_key, ?) > 0"
            " ORDER BY id",
            (needle,),
        )
    ]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    rows=st.lists(st.tuples(_keys, st.booleans()), max_size=12),
    needles=st.lists(_needles, min_size=1, max_size=4),
    data=st.data(),
)
def test_index_finds_exactly_what_instr_finds(rows, needles, data):
    connection = _table(rows)
    try:
        index = TextIndex.load(connection)
        keys = [key for key, _ in rows]
        # Needles cut out of the keys, and ones spanning the end of one key and the next.
        for key in keys:
            if key:
                start = data.draw(st.integers(0, len(key) - 1))
                needles.append(key[start : start + data.draw(st.integers(1, 4))])
        for first, second in pairwise(keys):
            if first and second:
                needles.append(first[-2:] + second[:2])
                needles.append(first[-2:] + "\n" + second[:2])
        for needle in needles:
            for trash in (False, True):
                assert index.search(needle, trash=trash).ids == _instr(connection, needle, trash)
    finally:
        connection.close()


def test_totals_scope_and_the_separator_between_keys():
    connection = _table(
        [("школа № 1", False), ("лицей", False), ("школа 中", False), ("школа", True)]
    )
    try:
        index = TextIndex.load(connection)
    finally:
        connection.close()
    # Ids are 1, 4, 7, 10; subscribers 0..3; territories 0, 1, 2, 0.
    assert index.search("школа") == text_index.Hits([1, 7], 2)
    assert index.search("школа", territories={2}) == text_index.Hits([7], 2)
    assert index.search("школа", trash=True) == text_index.Hits([10], 3)
    assert index.search("1лиц").ids == [] and index.search("1\nлиц").ids == []
    assert index.search("а 中").ids == [7]  # a needle outside cp1251 meets the kept original
    assert index.search("а \x98").ids == []  # the stand-in byte never matches a real character


# --- the shared index of the open catalogue -----------------------------------------------


@pytest.fixture
def school(catalogue):
    """One school page in Курганская область; the index released after the test."""
    kurgan = territories.resolve("37000000")
    org = records.create_organization(kurgan.id, {"full_name": "МКОУ «Лесная школа»"})
    page = records.create_page(org.id, {"url": "vk.com/forest_school", "subscribers": 40})
    yield page.id
    text_index.release()


def test_an_edit_and_its_undo_show_at_once(school):
    assert ordered_ids(PageFilter(text="лесная")) == [school]
    old = records.update_page(school, {"title": "Гимназия на опушке"})
    assert ordered_ids(PageFilter(text="опушке")) == [school]
    records.restore_page_values(school, old, records.MANUAL)
    assert ordered_ids(PageFilter(text="опушке")) == []
    records.update_page(school, {"subscribers": 55})
    assert count_and_total(PageFilter(text="лесная")) == (1, 55)
    records.delete_pages([school])
    assert ordered_ids(PageFilter(text="лесная")) == []
    assert ordered_ids(PageFilter(text="лесная", trash=True)) == [school]


def test_a_write_by_another_connection_shows_at_once(school, catalogue):
    assert count_and_total(PageFilter(text="лесная")) == (1, 40)
    other = sqlite3.connect(catalogue)
    try:
        with other:
            other.execute("UPDATE page SET search_key = 'бор' WHERE id = ?", (school,))
    finally:
        other.close()
    assert count_and_total(PageFilter(text="лесная")) == (0, 0)
    assert ordered_ids(PageFilter(text="бор")) == [school]


def test_an_import_and_its_undo_show_at_once(school, tmp_path):
    ketovo = territories.create(territories.resolve("37000000").id, "Кетовский муниципальный округ")
    assert ordered_ids(PageFilter(text="березовская")) == []
    sheet = write_xlsx(
        tmp_path / "reg.xlsx",
        HEADERS,
        [
            [
                "Кетовский муниципальный округ",
                "МКОУ «Берёзовская школа»",
                OGRN_SCHOOL,
                "Школы",
                "ВКонтакте",
                "https://vk.com/bereza",
                "активный",
                "да",
                120,
                "01.03.2025",
            ]
        ],
    )
    report = run([sheet], ketovo.id)
    imported = [page.id for page in Page.select().where(Page.batch == report.batch_id)]
    assert imported and ordered_ids(PageFilter(text="березовская")) == imported
    undo_batch(report.batch_id)
    assert ordered_ids(PageFilter(text="березовская")) == []


def test_uncommitted_writes_are_seen_and_a_rollback_forgets_them(school):
    class Rollback(Exception):
        pass

    with pytest.raises(Rollback), db.atomic():
        records.update_page(school, {"title": "Временная страница"})
        assert ordered_ids(PageFilter(text="временная")) == [school]
        raise Rollback
    assert ordered_ids(PageFilter(text="временная")) == []
    assert ordered_ids(PageFilter(text="лесная")) == [school]


def test_a_worker_thread_sees_the_main_threads_edit(school):
    assert ordered_ids(PageFilter(text="лесная")) == [school]
    records.update_page(school, {"title": "Школа у реки"})
    found: list[list[int]] = []

    def work() -> None:
        found.append(ordered_ids(PageFilter(text="у реки")))
        db.close()

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    assert found == [[school]]


def test_the_catalogue_is_read_once_and_edits_are_caught_up(school):
    ordered_ids(PageFilter(text="лесная"))
    before = text_index.loads()
    for text in ("лесная", "школа", "forest"):
        assert search.count_and_total(PageFilter(text=text)) == (1, 40)
    assert text_index.loads() == before
    records.update_page(school, {"notes": "без изменений в поиске"})
    records.update_page(school, {"title": "Гимназия на опушке", "subscribers": 41})
    assert count_and_total(PageFilter(text="опушке")) == (1, 41)
    assert text_index.loads() == before  # only the logged page was read again


_OPERATIONS = st.lists(
    st.tuples(
        st.sampled_from(["key", "trash", "restore", "delete", "insert", "count", "territory"]),
        st.integers(0, 40),
        _keys.filter(lambda key: "\n" not in key),
    ),
    min_size=1,
    max_size=25,
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    batches=st.lists(_OPERATIONS, min_size=1, max_size=4), needles=st.lists(_needles, max_size=3)
)
def test_an_index_caught_up_after_any_writes_equals_a_fresh_one(catalogue, batches, needles):
    """Writes by another connection (raw SQL, so every path is covered): after each commit the
    caught-up index answers exactly as instr and as an index read afresh."""
    other = sqlite3.connect(catalogue)
    try:
        region = territories.resolve("37000000").id
        org = records.create_organization(region, {"full_name": "Организация"}).id
        with other:  # the catalogue is shared by the examples: each starts from the same pages
            other.execute("DELETE FROM page")
            other.executemany(
                "INSERT INTO page (id, organization_id, territory_id, network, url, title,"
                " notes, source, search_key, subscribers) VALUES (?, ?, ?, 'vk', '', '', '', '',"
                " ?, ?)",
                [(3 * n + 2, org, region, f"школа {n}", n) for n in range(12)],
            )
        text_index.release()
        ordered_ids(PageFilter(text="школа"))
        before = text_index.loads()
        for batch in batches:
            with other:
                for operation, number, key in batch:
                    page_id = number + 1
                    if operation == "key":
                        other.execute("UPDATE page SET search_key = ? WHERE id = ?", (key, page_id))
                    elif operation == "trash":
                        other.execute(
                            "UPDATE page SET deleted_at = '2025-01-01' WHERE id = ?", (page_id,)
                        )
                    elif operation == "restore":
                        other.execute("UPDATE page SET deleted_at = NULL WHERE id = ?", (page_id,))
                    elif operation == "delete":
                        other.execute("DELETE FROM page WHERE id = ?", (page_id,))
                    elif operation == "count":
                        other.execute(
                            "UPDATE page SET subscribers = ? WHERE id = ?", (number * 7, page_id)
                        )
                    elif operation == "territory":
                        other.execute(
                            "UPDATE page SET territory_id = ? WHERE id = ?",
                            (territories.resolve("10000000").id, page_id),
                        )
                    else:
                        other.execute(
                            "INSERT OR IGNORE INTO page (id, organization_id, territory_id,"
                            " network, url, title, notes, source, search_key) VALUES"
                            " (?, ?, ?, 'vk', '', '', '', '', ?)",
                            (page_id, org, region, key),
                        )
            caught_up = text_index.current()
            fresh = TextIndex.load(other)
            for needle in [*needles, "школа", "1", "а"]:
                for trash in (False, True):
                    expected = _instr(other, needle, trash)
                    assert caught_up.search(needle, trash=trash).ids == expected
                    found = caught_up.search(needle, trash=trash)
                    assert found == fresh.search(needle, trash=trash)
            assert caught_up.search("", territories={region}) == fresh.search(
                "", territories={region}
            )
        assert text_index.loads() == before
    finally:
        other.close()
        text_index.release()


def test_keys_read_in_pieces_keep_every_line():
    from editor.core.text_index import _latin1_lines

    text = "школа\nә\n\nvk.com/x\n"
    whole = [line.encode("cp1251", "replace").decode("latin-1") for line in text.split("\n")]
    whole[1] = "\x98"
    for chunk in (1, 2, 5, 100):
        assert _latin1_lines(text, chunk) == (whole, True)
    assert _latin1_lines("школа", 1) == (["\xf8\xea\xee\xeb\xe0"], False)


def test_background_searches_keep_the_index_between_keystrokes(school):
    """Each quick-filter keystroke runs as a background task: the index must outlive the task."""
    from editor.tasks.runner import Task

    def search_in_a_task(text: str) -> list[int]:
        def job(progress=None, is_cancelled=None) -> list[int]:
            return ordered_ids(PageFilter(text=text))

        task = Task(job)
        worker = threading.Thread(target=task.run)
        worker.start()
        worker.join()
        return task.result

    assert search_in_a_task("лесная") == [school]
    before = text_index.loads()
    for text in ("лес", "лесн", "лесна", "лесная"):
        assert search_in_a_task(text) == [school]
    assert text_index.loads() == before


def _index(keys: list[str]) -> TextIndex:
    # Page ids 3n + 1 and subscribers n (see `_table`).
    return TextIndex.load(_table([(key, False) for key in keys]))


def test_a_first_screen_reads_keys_only_until_it_is_full():
    index = _index(["школа № 1", "гимназия", "школа № 2", "школа № 3", "лицей"] * 400)
    every = index.search("школа").ids
    index.forget_answers()  # typed for the first time
    first = index.first("школа", 5)
    assert first is not None
    hits, complete = first
    assert (hits.ids, complete) == (every[:5], False)
    last = index.first("школа", 5, descending=True)
    assert last is not None and last[0].ids == every[::-1][:5] and not last[1]


def test_a_first_screen_that_read_every_key_is_the_whole_answer():
    index = _index(["школа", "гимназия", "лицей", "гимназия № 2"] * 3)
    first = index.first("гимназ", 100)
    assert first is not None
    hits, complete = first
    assert complete
    whole = index.search("гимназ")
    assert (hits.ids, hits.subscribers) == (whole.ids, whole.subscribers)
    assert hits.subscribers == sum(n for n in range(12) if n % 4 in (1, 3))
    # Kept: asked again, the whole answer is cheap and no first screen is read apart.
    assert index.first("гимназ", 100) is None
    index.forget_answers()
    backwards = index.first("гимназ", 100, descending=True)
    assert backwards is not None and backwards == (Hits(whole.ids[::-1], whole.subscribers), True)


def test_a_pass_over_every_key_stops_when_it_is_no_longer_wanted():
    from editor.core.text_scan import SLICE, Cancelled

    index = _index(["школа", "лицей"] * SLICE)
    asked = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 1  # a newer keystroke came after the first slice

    with pytest.raises(Cancelled):
        index.search("лиц", is_cancelled=cancelled)
    with pytest.raises(Cancelled):
        index.first("нет такого", 10, is_cancelled=cancelled)
    # Nothing half-read was kept: the next search answers in full.
    assert len(index.search("лиц").ids) == SLICE
