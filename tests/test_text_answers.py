"""The search index's kept answers: typing narrows the previous answer, erasing finds a kept one,
and every answer is exactly what an index read afresh finds, also after an edit, a delete to
the trash and its undo."""

from __future__ import annotations

import sqlite3
from itertools import pairwise

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.core import page_list, records, territories, text_index
from editor.core.search import PageFilter, count_and_total, ordered_ids
from editor.core.text_answers import BUDGET, MAX_ANSWERS
from editor.core.text_index import TextIndex
from tests.test_text_index import _ALPHABET, _instr, _keys, _table

_words = st.text(alphabet=_ALPHABET, min_size=1, max_size=6)


def _typed(words: list[str], erase: list[int]) -> list[str]:
    """The texts a user sees while typing each word letter by letter, erasing some letters of
    it afterwards, then typing the next word after what is left."""
    texts, text = [], ""
    for word, back in zip(words, erase, strict=True):
        for letter in word:
            text += letter
            texts.append(text)
        for _ in range(min(back, len(text) - 1)):
            text = text[:-1]
            texts.append(text)
    return texts


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    rows=st.lists(st.tuples(_keys, st.booleans()), max_size=14),
    words=st.lists(_words, min_size=1, max_size=3),
    erase=st.lists(st.integers(0, 4), min_size=3, max_size=3),
    scoped=st.booleans(),
    data=st.data(),
)
def test_typing_and_erasing_find_what_a_fresh_index_finds(rows, words, erase, scoped, data):
    connection = _table(rows)
    try:
        index = TextIndex.load(connection)
        territories_ = {1, 2} if scoped else None
        # Then pieces of the keys, so that kept answers meet texts that hold only part of them.
        pieces = []
        for key, _ in rows:
            if key:
                start = data.draw(st.integers(0, len(key) - 1))
                pieces.append(key[start : start + data.draw(st.integers(1, 4))])
        for text in _typed(words, erase[: len(words)]) + pieces:
            for trash in (False, True):
                fresh = TextIndex.load(connection)  # nothing kept: reads every key
                found = index.search(text, trash=trash, territories=territories_)
                assert found == fresh.search(text, trash=trash, territories=territories_)
                if not scoped:
                    assert found.ids == _instr(connection, text, trash)
    finally:
        connection.close()


def test_kept_answers_are_bounded():
    letters = "абвгдежзийклмнопрстуфхцчшщыэюя"
    connection = _table([(f"{letters} {n}", False) for n in range(50)])
    try:
        index = TextIndex.load(connection)
    finally:
        connection.close()
    columns = index.nbytes()
    assert index.search(letters[0]).ids == [3 * n + 1 for n in range(50)]
    answer = index.nbytes() - columns  # one answer holding every row
    needles = [*letters, *(a + b for a, b in pairwise(letters))]
    assert len(needles) > 2 * MAX_ANSWERS
    for needle in needles:
        assert len(index.search(needle).ids) == 50
    assert index.nbytes() - columns <= BUDGET * answer  # older answers were let go


@pytest.fixture
def schools(catalogue):
    """Twelve school pages in Курганская область; the index released after the test."""
    kurgan = territories.resolve("37000000")
    ids = []
    for number in range(12):
        org = records.create_organization(
            kurgan.id, {"full_name": f"МКОУ «Школа № {number}»", "short_name": "школа"}
        )
        page = records.create_page(
            org.id, {"url": f"vk.com/school_{number}", "subscribers": 10 * number}
        )
        ids.append(page.id)
    yield ids
    text_index.release()


def _assert_fresh(catalogue, texts) -> None:
    """The shared index answers every text as an index read afresh from the file does."""
    other = sqlite3.connect(catalogue)
    try:
        fresh = TextIndex.load(other)
    finally:
        other.close()
    index = text_index.current()
    for text in texts:
        for trash in (False, True):
            assert index.search(text, trash=trash) == fresh.search(text, trash=trash), text


def test_typing_follows_an_edit_a_delete_to_the_trash_and_its_undo(schools, catalogue):
    typed = _typed(["школа № 1"], [4]) + _typed(["школа", " № 1"], [0, 3])
    for text in typed:
        ordered_ids(PageFilter(text=text))  # what the table asks per keystroke
    _assert_fresh(catalogue, typed)
    before = text_index.loads()

    old = records.update_page(schools[1], {"title": "Гимназия на опушке"})
    assert ordered_ids(PageFilter(text="школа № 1")) == [schools[1], schools[10], schools[11]]
    records.update_page(schools[3], {"subscribers": 1000})
    assert count_and_total(PageFilter(text="школа № 3")) == (1, 1000)
    _assert_fresh(catalogue, [*typed, "опушке"])

    records.delete_pages([schools[10]])
    assert ordered_ids(PageFilter(text="школа № 1")) == [schools[1], schools[11]]
    assert ordered_ids(PageFilter(text="школа № 1", trash=True)) == [schools[10]]
    _assert_fresh(catalogue, typed)

    records.restore_pages([schools[10]])  # the undo of the deletion
    records.restore_page_values(schools[1], old, records.MANUAL)  # the undo of the edit
    assert ordered_ids(PageFilter(text="школа № 1")) == [schools[1], schools[10], schools[11]]
    assert ordered_ids(PageFilter(text="опушке")) == []
    _assert_fresh(catalogue, [*typed, "опушке"])
    assert text_index.loads() == before  # every change was caught up, none read all again


def test_the_whole_catalogues_total_comes_from_the_index(schools):
    root = territories.resolve("Российская Федерация").id
    text_index.release()
    before = text_index.loads()
    assert page_list.count(PageFilter(territory_id=root)) == 12
    assert text_index.loads() == before  # not read for a count SQL answers as well
    ordered_ids(PageFilter(text="школа"))
    assert page_list.count(PageFilter(territory_id=root)) == 12
    records.delete_pages(schools[:2])
    assert page_list.count(PageFilter(territory_id=root)) == 10
    assert page_list.count(PageFilter(territory_id=root, descendants=False)) == 0
    kurgan = territories.resolve("37000000").id
    assert page_list.count(PageFilter(territory_id=kurgan)) == 10
