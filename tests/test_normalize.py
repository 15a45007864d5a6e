"""Normalisation of cell values: text keys, territory names, numbers, flags, dates, ids."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from editor.core import normalize as nz

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


# ---------------------------------------------------------------- dictionaries


def test_labels_cover_every_code():
    assert set(nz.NETWORK_LABELS) == set(nz.NETWORKS)
    assert set(nz.STATUS_LABELS) == set(nz.STATUSES)
    assert nz.NETWORK_LABELS["vk"] == "ВКонтакте"
    assert nz.STATUS_LABELS["excluded"] == "не учитывается"


# ---------------------------------------------------------------- fold_text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ""),
        ("ШКОЛА", "школа"),
        ("Ёлочка", "елочка"),
        ("ёжик ЁЖИК", "ежик ежик"),
        ("МБОУ «Школа № 5»", "мбоу школа № 5"),
        ('ГБУ "Больница"', "гбу больница"),
        ("„Радуга“ ‘1’ `x`", "радуга 1 x"),
        ("  Детский\xa0сад\u202f№\t1\n ", "детский сад № 1"),
        ("Школа « 5 »", "школа 5"),
        ("Ёлки\u200b", "елки"),
        ("Йошкар-Ола", "йошкар-ола"),
        ("И\u0306ошкар-Ола", "йошкар-ола"),  # decomposed «й» from macOS
        (12, "12"),
    ],
)
def test_fold_text(value, expected):
    assert nz.fold_text(value) == expected


@given(st.text())
def test_fold_text_is_idempotent(text):
    once = nz.fold_text(text)
    assert nz.fold_text(once) == once


@given(st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙ «»\"' \xa0"))
def test_fold_text_ignores_case_yo_and_quotes(text):
    assert nz.fold_text(text.upper()) == nz.fold_text(text.lower().replace("ё", "е"))


# ---------------------------------------------------------------- territory_key


@pytest.mark.parametrize(
    "name",
    [
        "Кетовский",
        "Кетовский район",
        "Кетовский муниципальный округ",
        "Кетовский муниципальный район",
        "МО Кетовский район",
        "МО «Кетовский район»",
        "Кетовский м.о.",
        "Кетовский М. О.",
        "кетовский МР",
        "Кетовский р-н",
        "  КЕТОВСКИЙ   район ",
    ],
)
def test_territory_key_drops_municipal_type_words(name):
    assert nz.territory_key(name) == "кетовский"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("городской округ город Курган", "курган"),
        ("г. Курган", "курган"),
        ("г.Курган", "курган"),
        ("Город Курган", "курган"),
        ("ГО г. Шадринск", "шадринск"),
        ("Николаевский сельсовет", "николаевский"),
        ("Николаевское сельское поселение", "николаевское"),
        ("с/п Николаевское", "николаевское"),
        ("Николаевское с.п.", "николаевское"),
        ("рабочий посёлок Каргаполье", "каргаполье"),
        ("р.п. Каргаполье", "каргаполье"),
        ("пгт Каргаполье", "каргаполье"),
        ("поселок городского типа Каргаполье", "каргаполье"),
        ("с. Кетово", "кетово"),
        ("село Кетово", "кетово"),
        ("д. Шмаково", "шмаково"),
        ("ст-ца Каневская", "каневская"),
        ("хутор Красный", "красный"),
        ("Сельское поселение (Кетовский)", "кетовский"),
        ("городской округ ЗАТО город Саров", "саров"),
        ("городской округ город-курорт Анапа", "анапа"),
        ("Ханты-Мансийский автономный округ — Югра", "ханты-мансийский автономный югра"),
    ],
)
def test_territory_key_settlements_and_localities(name, expected):
    assert nz.territory_key(name) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # Adjectives that are part of real names stay.
        ("Городской", "городской"),
        ("Сельский", "сельский"),
        ("Городищенский район", "городищенский"),
        ("Посёлок", "поселок"),  # nothing but a type word: keep the folded name
        ("Район", "район"),
        ("", ""),
        (None, ""),
    ],
)
def test_territory_key_keeps_proper_names(name, expected):
    assert nz.territory_key(name) == expected


def test_territory_key_keeps_subject_words_apart_from_district():
    assert nz.territory_key("Курганская обл.") == nz.territory_key("Курганская область")
    assert nz.territory_key("Алтайский край") != nz.territory_key("Алтайский район")


# ---------------------------------------------------------------- parse_int and parse_count


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("", None),
        ("   ", None),
        (12345, 12345),
        (12345.0, 12345),
        ("12345", 12345),
        ("12 345", 12345),
        ("12\xa0345", 12345),
        ("12\u202f345", 12345),
        ("12345.0", 12345),
        ("12345,0", 12345),
        ("12,345", 12345),
        ("1,234,567", 1234567),
        ("1 234 567", 1234567),
        ("147,182,123", 147182123),
        ("12,345.0", 12345),
        (" -5 ", -5),
        ("−5", -5),
        ("+7", 7),
        ("007", 7),
    ],
)
def test_parse_int_accepts(value, expected):
    assert nz.parse_int(value) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("abc", "Подписчики: «abc» — не число"),
        ("12,5", "Подписчики: «12,5» — не целое число"),
        (12.5, "Подписчики: «12.5» — не целое число"),
        ("1,23", "Подписчики: «1,23» — не целое число"),
        ("12.345", "Подписчики: «12.345» — не целое число"),
        ("-", "Подписчики: «-» — не число"),
        (True, "Подписчики: «True» — не число"),
        (float("nan"), "Подписчики: «nan» — не число"),
        ("12 345 чел.", "Подписчики: «12 345 чел.» — не число"),
    ],
)
def test_parse_int_refuses_with_russian_message(value, message):
    with pytest.raises(nz.NormalizeError) as caught:
        nz.parse_int(value, field="Подписчики")
    assert str(caught.value) == message
    assert caught.value.field == "Подписчики"


def test_parse_int_message_without_field():
    with pytest.raises(nz.NormalizeError, match=r"^«abc» — не число$"):
        nz.parse_int("abc")


def test_parse_count_refuses_negatives():
    assert nz.parse_count("1 200", field="Охват") == 1200
    assert nz.parse_count("0") == 0
    assert nz.parse_count(None) is None
    with pytest.raises(nz.NormalizeError, match="Охват: «-5» — отрицательное значение"):
        nz.parse_count("-5", field="Охват")


@given(st.integers(min_value=0, max_value=10**12), st.sampled_from([" ", "\xa0", "\u202f", ","]))
def test_parse_int_round_trips_formatted_numbers(number, separator):
    grouped = f"{number:,}".replace(",", separator)
    assert nz.parse_int(grouped) == number
    assert nz.parse_int(f"{number}.0") == number
    assert nz.parse_int(f" {number:,} ") == number
    assert nz.parse_int(float(number)) == number


# ---------------------------------------------------------------- parse_percent


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("", None),
        ("85", 85.0),
        ("85%", 85.0),
        ("85 %", 85.0),
        ("85,5", 85.5),
        ("85.5", 85.5),
        (0.85, 0.85),  # no rescaling: the value is taken as written
        (100, 100.0),
        ("0", 0.0),
    ],
)
def test_parse_percent_accepts(value, expected):
    assert nz.parse_percent(value) == expected


@pytest.mark.parametrize(
    ("value", "reason"),
    [("101", "от 0 до 100"), ("-1", "от 0 до 100"), (150.0, "от 0 до 100"), ("много", "не число")],
)
def test_parse_percent_refuses(value, reason):
    with pytest.raises(nz.NormalizeError, match=f"Оформление, %: .* — .*{reason}"):
        nz.parse_percent(value, field="Оформление, %")


# ---------------------------------------------------------------- parse_bool


@pytest.mark.parametrize(
    "value",
    ["да", "Да", " ДА ", "д", "yes", "Y", "true", "TRUE", "истина", "1", "1.0", 1, 1.0, True,
     "+", "есть", "Есть", "✓", "✔", "v", "да."],
)  # fmt: skip
def test_parse_bool_true(value):
    assert nz.parse_bool(value) is True


@pytest.mark.parametrize(
    "value",
    ["нет", "НЕТ", "н", "no", "N", "false", "ложь", "0", "0.0", 0, 0.0, False, "−", "-", "–",
     "отсутствует", "✗"],
)  # fmt: skip
def test_parse_bool_false(value):
    assert nz.parse_bool(value) is False


@pytest.mark.parametrize("value", [None, "", "  "])
def test_parse_bool_empty(value):
    assert nz.parse_bool(value) is None


@pytest.mark.parametrize("value", ["x", "X", "может быть", "2", 2, "да/нет"])
def test_parse_bool_refuses_ambiguous(value):
    with pytest.raises(nz.NormalizeError, match=r"Госметка: .* ожидается «да» или «нет»"):
        nz.parse_bool(value, field="Госметка")


# ---------------------------------------------------------------- parse_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("", None),
        (dt.date(2024, 5, 1), dt.date(2024, 5, 1)),
        (dt.datetime(2024, 5, 1, 13, 45), dt.date(2024, 5, 1)),
        ("01.05.2024", dt.date(2024, 5, 1)),
        ("1.5.24", dt.date(2024, 5, 1)),
        ("1.5.99", dt.date(1999, 5, 1)),
        ("01.05.2024 10:30", dt.date(2024, 5, 1)),
        ("2024-05-01", dt.date(2024, 5, 1)),
        ("2024-05-01T10:30:00", dt.date(2024, 5, 1)),
        ("2024-05-01 10:30:00", dt.date(2024, 5, 1)),
        (45413, dt.date(2024, 5, 1)),
        (45413.75, dt.date(2024, 5, 1)),
        ("45413", dt.date(2024, 5, 1)),
    ],
)
def test_parse_date_accepts(value, expected):
    assert nz.parse_date(value) == expected


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("31.02.2024", "такой даты нет"),
        ("вчера", "не дата"),
        ("05/01/2024", "не дата"),
        (12, "не дата"),  # too small to be an Excel date of this century
        (100000, "не дата"),
        (True, "не дата"),
    ],
)
def test_parse_date_refuses(value, reason):
    with pytest.raises(nz.NormalizeError, match=f"Дата замера: .* — {reason}"):
        nz.parse_date(value, field="Дата замера")


# ---------------------------------------------------------------- parse_network and parse_status


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("ВКонтакте", "vk"),
        ("Вконтакте", "vk"),
        ("В контакте", "vk"),
        ("ВК", "vk"),
        ("vk", "vk"),
        ("VKontakte", "vk"),
        ("Одноклассники", "ok"),
        ("ОК", "ok"),
        ("ok", "ok"),
        ("Telegram", "telegram"),
        ("Телеграм", "telegram"),
        ("телеграмм", "telegram"),
        ("tg", "telegram"),
        ("ТГ", "telegram"),
        ("MAX", "max"),
        ("Макс", "max"),
        ("МАХ", "max"),  # typed in the Cyrillic layout
        ("max", "max"),
        ("Другая", "other"),
        ("other", "other"),
        (None, None),
        ("", None),
    ],
)
def test_parse_network(value, expected):
    assert nz.parse_network(value) == expected


def test_parse_network_refuses_unknown():
    with pytest.raises(nz.NormalizeError, match="Соцсеть: «Фейсбук» — неизвестная соцсеть"):
        nz.parse_network("Фейсбук")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("флагманский", "flagship"),
        ("Флагманский", "flagship"),
        ("активный", "active"),
        ("АКТИВНЫЙ ", "active"),
        ("визитка", "card"),
        ("не учитывается", "excluded"),
        ("Не  учитывается", "excluded"),
        ("неучитывается", "excluded"),
        ("excluded", "excluded"),
        ("card", "card"),
        (None, None),
        ("", None),
    ],
)
def test_parse_status(value, expected):
    assert nz.parse_status(value) == expected


def test_parse_status_refuses_unknown():
    with pytest.raises(nz.NormalizeError, match="Статус: «важный» — неизвестный статус"):
        nz.parse_status("важный")


# ---------------------------------------------------------------- ОГРН and ИНН


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1022801200355, "1022801200355"),
        (1022801200355.0, "1022801200355"),
        ("1022801200355.0", "1022801200355"),
        (" 102 280 120 0355 ", "1022801200355"),
        ("1022801200355\xa0", "1022801200355"),
        ("304500116000157", "304500116000157"),
        (None, None),
        ("", None),
    ],
)
def test_normalize_ogrn(value, expected):
    assert nz.normalize_ogrn(value) == expected


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("102280120035", "13 цифр"),
        ("10228012003555", "13 цифр"),
        ("1O22801200355", "из цифр"),  # Latin O typed for a zero
        ("1.0228012E+12", "экспоненциальной форме"),
        (True, "не число"),
    ],
)
def test_normalize_ogrn_refuses(value, reason):
    with pytest.raises(nz.NormalizeError, match=f"ОГРН: .*{reason}"):
        nz.normalize_ogrn(value)


@pytest.mark.parametrize(
    ("ogrn", "valid"),
    [
        ("1022801200355", True),
        ("1027700132195", True),
        ("1022801200356", False),
        ("304500116000157", True),
        ("304500116000158", False),
        ("102280120035", False),
        ("10228012003x5", False),
    ],
)
def test_ogrn_valid(ogrn, valid):
    assert nz.ogrn_valid(ogrn) is valid


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("7707083893", "7707083893"),
        (7707083893, "7707083893"),
        ("500100732259", "500100732259"),
        ("77 07 08 38 93", "7707083893"),
        # A numeric cell lost the leading zero of region 01; the checksum confirms it.
        (105000008, "0105000008"),
        (None, None),
    ],
)
def test_normalize_inn(value, expected):
    assert nz.normalize_inn(value) == expected


@pytest.mark.parametrize("value", ["770708389", "77070838931", "123", "ИНН 7707083893"])
def test_normalize_inn_refuses(value):
    with pytest.raises(nz.NormalizeError, match="ИНН: "):
        nz.normalize_inn(value)


@pytest.mark.parametrize(
    ("inn", "valid"),
    [
        ("7707083893", True),
        ("7707083894", False),
        ("500100732259", True),
        ("500100732258", False),
        ("500100732269", False),
        ("0105000008", True),
        ("770708389", False),
        ("77070838９3", False),  # a full-width digit
    ],
)
def test_inn_valid(inn, valid):
    assert nz.inn_valid(inn) is valid


# ---------------------------------------------------------------- real registry


@pytest.fixture(scope="module")
def amur_registry():
    path = DATA / "amur_registry_2024.json"
    if not path.exists():
        pytest.skip("no shared data folder")
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def test_real_registry_ogrn_and_statuses(amur_registry):
    ogrns = [nz.normalize_ogrn(row["the_main_state_registration_number"]) for row in amur_registry]
    assert all(ogrn is not None and nz.ogrn_valid(ogrn) for ogrn in ogrns)
    statuses = {nz.parse_status(row["status"]) for row in amur_registry}
    assert statuses == set(nz.STATUSES)


def test_real_municipality_names_meet():
    path = DATA / "municipalities_sberindex.xlsx"
    if not path.exists():
        pytest.skip("no shared data folder")
    calamine = pytest.importorskip("python_calamine")
    with calamine.CalamineWorkbook.from_path(str(path)) as book:
        rows = book.get_sheet_by_index(0).to_python()
    header = {name: i for i, name in enumerate(rows[0])}
    kurgan = [row for row in rows[1:] if str(row[header["oktmo"]]).startswith("37")]
    old_and_new: dict[str, set[str]] = {}
    for row in kurgan:
        name = row[header["municipal_district_name"]]
        short = row[header["municipal_district_name_short"]]
        assert nz.territory_key(name) == nz.territory_key(short)
        old_and_new.setdefault(nz.territory_key(name), set()).add(name)
    # Each former district and the municipal okrug it became share one key.
    assert old_and_new["кетовский"] == {
        "Кетовский муниципальный район",
        "Кетовский муниципальный округ",
    }
    current = [row for row in kurgan if int(row[header["year_to"]]) == 9999]
    assert len(
        {nz.territory_key(row[header["municipal_district_name"]]) for row in current}
    ) == len(current)
