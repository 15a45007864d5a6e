"""The press paragraph: Russian number agreement, no-break thousands, territory names in the
genitive, and the paragraph's figures for a small catalogue."""

from __future__ import annotations

import datetime as dt

import pytest

from editor.core import digest, records
from editor.core.digest import PAGES_WORDS, SUBSCRIBERS_WORDS, counted, format_number, genitive

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("number", "pages", "subscribers"),
    [
        (1, "1 госпаблик", "1 подписчик"),
        (2, "2 госпаблика", "2 подписчика"),
        (4, "4 госпаблика", "4 подписчика"),
        (5, "5 госпабликов", "5 подписчиков"),
        (0, "0 госпабликов", "0 подписчиков"),
        (11, "11 госпабликов", "11 подписчиков"),
        (12, "12 госпабликов", "12 подписчиков"),
        (14, "14 госпабликов", "14 подписчиков"),
        (21, "21 госпаблик", "21 подписчик"),
        (22, "22 госпаблика", "22 подписчика"),
        (101, "101 госпаблик", "101 подписчик"),
        (111, "111 госпабликов", "111 подписчиков"),
        (926, "926 госпабликов", "926 подписчиков"),
        (868_056, "868 056 госпабликов", "868 056 подписчиков"),
        (1_000_001, "1 000 001 госпаблик", "1 000 001 подписчик"),
    ],
)
def test_numbers_agree_with_their_nouns(number, pages, subscribers):
    assert counted(number, PAGES_WORDS) == pages.replace(" ", NBSP)
    assert counted(number, SUBSCRIBERS_WORDS) == subscribers.replace(" ", NBSP)


def test_thousands_are_separated_by_a_no_break_space():
    assert format_number(868_056) == f"868{NBSP}056"
    assert format_number(999) == "999"
    assert format_number(115_000_000) == f"115{NBSP}000{NBSP}000"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Курганская область", "Курганской области"),
        ("Российская Федерация", "Российской Федерации"),
        ("Кетовский муниципальный округ", "Кетовского муниципального округа"),
        ("Краснодарский край", "Краснодарского края"),
        ("Ханты-Мансийский автономный округ — Югра", "Ханты-Мансийского автономного округа — Югра"),
        ("Республика Саха (Якутия)", "Республики Саха (Якутия)"),
        ("город Курган", "города Курган"),
        ("Москва", "территории «Москва»"),
    ],
)
def test_territory_names_in_the_genitive(name, expected):
    assert genitive(name) == expected


def test_paragraph_of_a_region(backend_catalogue):
    from editor.core.territories import resolve

    region = resolve("37000000").id
    organization = records.create_organization(region, {"full_name": "Администрация"})
    pages = [
        records.create_page(organization.id, {"url": f"https://vk.com/adm{n}", "gosmark": n < 2})
        for n in range(3)
    ]
    for page, (before, after) in zip(pages, ((1000, 1500), (200, 300), (0, 21)), strict=True):
        records.set_count(page.id, dt.date(2025, 1, 10), before)
        records.set_count(page.id, dt.date(2025, 6, 10), after)
    text = digest.digest(region, as_of=dt.date(2025, 6, 30), since=dt.date(2025, 1, 31))
    assert text == (
        "Число подписчиков госпабликов Курганской области на 30.06.2025 достигло 1 821; "
        "прирост с 31.01.2025 составил 621 подписчик (+51,8 %). Всего действуют 3 госпаблика. "
        "Госметку имеют 66,7 % госпабликов, виджеты ПОС «Госуслуги. Решаем вместе» установлены "
        "на 0,0 %, к компоненту «Госпаблики» на Госуслугах подключено 0,0 %."
    ).replace(" 821", f"{NBSP}821").replace("621 п", f"621{NBSP}п").replace(
        "3 г", f"3{NBSP}г"
    ).replace(" %", f"{NBSP}%")
