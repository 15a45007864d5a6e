"""The directory's query engine: folding, words in any order, prefixes, and the ranking."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from editor.exchange.directory.search import Entry, fold, query_words, rank, search, words


def _entries(*names: str, places: tuple[str, ...] = ("Кетовский муниципальный округ",)):
    return [Entry.of(name, "", "", places, 3, order) for order, name in enumerate(names)]


def _names(entries, names, query):
    return [names[i] for i in search(entries, query)]


def test_folds_case_yo_and_quotes():
    assert fold("ЁЛКА «Ёжик»") == "елка «ежик»"
    assert words("МБОУ «СОШ № 5» им. Ф.М. Достоевского") == [
        "мбоу",
        "сош",
        "5",
        "им",
        "ф",
        "м",
        "достоевского",
    ]
    entries = _entries("Ёлкинская сельская библиотека")
    assert search(entries, "елкинская") == [0]
    assert search(entries, "ЁЛК библ") == [0]
    assert search(entries, "«елкинская»") == [0]


def test_words_in_any_order_and_prefixes():
    names = ["Администрация Кетовского муниципального округа", "Кетовская детская библиотека"]
    entries = _entries(*names, places=("Курганская область",))
    assert _names(entries, names, "адм кетов") == [names[0]]
    assert _names(entries, names, "кетов адм") == [names[0]]
    assert _names(entries, names, "адм шадринск") == []


def test_ranking_whole_name_then_prefixes_then_partial():
    names = [
        "Отдел культуры администрации поселка",
        "Культурный центр",
        "Дом культуры",
        "Агрокультура",
    ]
    entries = _entries(*names, places=("Город",))
    assert _names(entries, names, "дом культуры") == ["Дом культуры"]
    assert _names(entries, names, "культур") == [
        "Культурный центр",  # every word a prefix, and the name starts with it
        "Дом культуры",  # a prefix, shorter name
        "Отдел культуры администрации поселка",
        "Агрокультура",  # only inside a word: last
    ]


def test_whole_name_beats_a_prefix_match():
    names = ["Администрация Кетовского муниципального округа", "Администрация"]
    entries = _entries(*names)
    assert _names(entries, names, "администрация")[0] == "Администрация"


def test_own_name_beats_territory_match():
    entries = [
        Entry.of("Школа № 1", "", "", ["Кетовский муниципальный округ"], 3, 0),
        Entry.of("Кетовская школа", "", "", ["Город Курган"], 3, 1),
    ]
    assert search(entries, "школа кетов") == [1, 0]


def test_territory_words_find_pages():
    entries = [
        Entry.of("Сельская библиотека", "", "", ["Тетвихинский отдел", "Кетовский округ"], 4, 0)
    ]
    assert search(entries, "библиотека кетовский") == [0]


def test_empty_query_and_limit():
    entries = _entries("Дом культуры", "Дом творчества")
    assert search(entries, "  «» ") == []
    assert search(entries, "дом", limit=1) == [0]
    assert query_words(["адм", "Кетов"]) == ["адм", "кетов"]


NAMES = st.lists(
    st.text(alphabet="абвгдеёжзийклмнопАБВЁЕ «»-№0123 ", min_size=1, max_size=30),
    min_size=1,
    max_size=8,
)


@given(NAMES, st.data())
def test_a_name_typed_in_full_comes_first(names, data):
    entries = _entries(*names)
    index = data.draw(st.integers(0, len(names) - 1))
    query = names[index]
    if not words(query):
        assert search(entries, query) == []
        return
    found = search(entries, query)
    assert found, "a name must find itself"
    assert rank(entries[found[0]], query_words(query))[0] == 0  # tier 0: whole name
    assert query_words(names[found[0]]) == query_words(query)


@given(NAMES, st.text(alphabet="абвгдеёжзАБВЁ ", max_size=12))
def test_every_result_contains_every_word_and_order_is_total(names, query):
    entries = _entries(*names, places=())
    found = search(entries, query)
    for index in found:
        page_words = words(names[index])
        for word in query_words(query):
            assert any(word in w for w in page_words)
    keys = [rank(entries[i], query_words(query)) for i in found]
    assert keys == sorted(keys)
    # Case and ё never change the answer.
    assert search(entries, query.upper().replace("Е", "Ё")) == found
