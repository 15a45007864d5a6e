"""Header matching of the import columns (DESIGN §4): synonyms, spheres, overrides, labels."""

from __future__ import annotations

import pytest

from editor.exchange.columns import COLUMNS, field_label, header_key, map_headers

# DESIGN §4, written out independently of COLUMNS: field → (export header, synonyms).
DESIGN_TABLE = {
    "page_id": ("ID", ["Идентификатор"]),
    "oktmo": ("Код ОКТМО", ["ОКТМО"]),
    "territory": (
        "Территория",
        ["Муниципальное образование", "МО", "Муниципалитет", "Район", "Городской округ"],
    ),
    "level": ("Уровень", ["Уровень"]),
    "organization": (
        "Организация",
        [
            "Наименование подведомственной организации",
            "Наименование организации",
            "Наименование учреждения",
            "Учреждение",
            "Наименование",
        ],
    ),
    "ogrn": ("ОГРН", ["ОГРН"]),
    "inn": ("ИНН", []),
    "founder": ("Учредитель", ["Учредитель"]),
    "sphere1": ("Сфера 1", []),
    "sphere2": ("Сфера 2", []),
    "sphere3": ("Сфера 3", []),
    "exemption": ("Не ведется на основании", ["Официальная страница не ведется на основании"]),
    "network": ("Соцсеть", ["Социальная сеть", "Платформа"]),
    "url": (
        "Ссылка",
        [
            "Ссылка на госпаблик ВК",
            "Ссылка на госпаблик",
            "Ссылка на страницу",
            "Адрес страницы",
            "URL",
        ],
    ),
    "network_id": ("ID госпаблика", ["ID госпаблика"]),
    "status": ("Статус", ["Статус", "Категория"]),
    "connected": (
        "Подключение к «Госпабликам»",
        ["Подключение к компоненту «Госпаблики» (да/нет)"],
    ),
    "gosmark": ("Госметка", ["Госметка (да/нет)"]),
    "widgets": ("Виджеты", ["Виджеты (0/1/2)", "Виджет ПОС"]),
    "design": ("Оформление, %", ["Оформление (%)"]),
    "activity": ("Активность, %", ["Активность (%)"]),
    "subscribers": (
        "Подписчики",
        ["Количество подписчиков", "Число подписчиков", "Кол-во подписчиков"],
    ),
    "count_date": ("Дата замера", ["Дата"]),
    "weekly_reach": ("Охват за неделю", ["Общий охват аудитории за неделю"]),
    "post_reach": ("Средний охват публикации", ["Средний охват одной публикации"]),
    "responsible": ("Ответственный", ["Ответственный за ведение"]),
    "notes": ("Примечание", ["Комментарий"]),
}

CASES = [
    (field, text)
    for field, (header, synonyms) in DESIGN_TABLE.items()
    for text in [header, *synonyms]
]


@pytest.mark.parametrize(("field", "text"), CASES)
def test_every_design_header_and_synonym_maps_to_its_field(field, text):
    # A lone sphere header is the first sphere; numbered ones go where they say.
    assert map_headers([text]) == {0: field}


@pytest.mark.parametrize(("field", "text"), CASES)
def test_headers_match_whatever_the_case_spacing_and_punctuation(field, text):
    mangled = "  " + text.upper().replace(" ", "  ").replace("е", "ё") + " :"
    assert map_headers([mangled]) == {0: field}


def test_columns_follow_the_design_table_then_the_extra_fields():
    fields = [c.field for c in COLUMNS]
    assert fields[: len(DESIGN_TABLE)] == list(DESIGN_TABLE)
    assert fields[len(DESIGN_TABLE) :] == [
        "short_name",
        "org_type",
        "responsible_position",
        "responsible_phone",
        "responsible_email",
        "title",
    ]


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("Краткое наименование", "short_name"),
        ("Сокращённое наименование", "short_name"),
        ("Тип организации", "org_type"),
        ("Тип", "org_type"),
        ("Должность ответственного", "responsible_position"),
        ("Телефон", "responsible_phone"),
        ("E-mail", "responsible_email"),
        ("Электронная почта", "responsible_email"),
        ("Название страницы", "title"),
        ("Название сообщества", "title"),
    ],
)
def test_extra_organisation_and_page_columns_are_recognised(text, field):
    assert map_headers([text]) == {0: field}


def test_header_key_ignores_case_spaces_quotes_punctuation_and_yo():
    assert header_key(" Подключение к  «ГОСПАБЛИКАМ» ") == header_key('подключение к "госпабликам"')
    assert header_key("Оформление, %") == header_key("оформление (%)")
    assert header_key("Ответственный за ведение") == header_key("ответственный\nза ведение")
    assert header_key("Сокращённое") == header_key("сокращенное")
    assert header_key(None) == ""
    assert header_key(2024) == "2024"


def test_the_registry_header_sphere_three_times_fills_the_three_spheres():
    headers = ["Наименование", "Сфера", "Сфера", "Сфера", "Статус"]
    assert map_headers(headers) == {
        0: "organization",
        1: "sphere1",
        2: "sphere2",
        3: "sphere3",
        4: "status",
    }


def test_numbered_spheres_keep_their_places_and_generic_ones_take_the_rest():
    headers = ["Отрасль", "Сфера 1", "Сфера 3", "Сфера деятельности", "Сфера"]
    assert map_headers(headers) == {0: "sphere2", 1: "sphere1", 2: "sphere3"}


def test_amur_registry_headers_map_to_their_fields():
    headers = [
        "Уровень",
        "Учредитель",
        "Наименование подведомственной организации",
        "Официальная страница не ведется на основании",
        "ОГРН",
        "Сфера 1",
        "Сфера 2",
        "Сфера 3",
        "Статус",
        "ID госпаблика",
        "Ссылка на госпаблик ВК",
        "Адрес, указанный в настройках страницы",
        "Подключение к компоненту «Госпаблики» (да/нет)",
        "Госметка (да/нет)",
        "Оформление (%)",
        "Виджеты (0/1/2)",
        "Активность (%)",
        "Количество подписчиков",
        "Общий охват аудитории за неделю",
        "Средний охват одной публикации",
    ]
    mapping = map_headers(headers)
    assert [mapping.get(i) for i in range(len(headers))] == [
        "level",
        "founder",
        "organization",
        "exemption",
        "ogrn",
        "sphere1",
        "sphere2",
        "sphere3",
        "status",
        "network_id",
        "url",
        None,  # the page's postal address is not a catalogue column
        "connected",
        "gosmark",
        "design",
        "widgets",
        "activity",
        "subscribers",
        "weekly_reach",
        "post_reach",
    ]


def test_unknown_and_empty_headers_are_left_out_and_a_field_is_mapped_once():
    headers = [None, "", "№ п/п", "Ссылка", "Организация", "URL", "Наименование"]
    assert map_headers(headers) == {3: "url", 4: "organization"}


def test_a_remark_in_parentheses_does_not_hide_a_known_header():
    assert map_headers(["Госметка (есть/нет)", "Количество подписчиков (на 01.05.2024)"]) == {
        0: "gosmark",
        1: "subscribers",
    }


def test_overrides_map_a_header_by_field_name_or_by_label():
    headers = ["Наименование ОУ", "Адрес сайта", "ВК"]
    overrides = {"наименование оу": "organization", "ВК": "Ссылка"}
    assert map_headers(headers, overrides) == {0: "organization", 2: "url"}


def test_an_override_beats_the_built_in_synonym_and_can_skip_a_column():
    headers = ["Наименование", "Организация", "Ссылка", "Примечание"]
    overrides = {"Наименование": "short_name", "Ссылка": "-", "Примечание": ""}
    assert map_headers(headers, overrides) == {0: "short_name", 1: "organization"}


def test_an_override_takes_its_field_from_the_automatic_mapping():
    headers = ["Ссылка", "Ссылка на страницу ОК"]
    assert map_headers(headers, {"Ссылка на страницу ОК": "url"}) == {1: "url"}


def test_an_override_naming_an_unknown_field_is_refused_in_russian():
    with pytest.raises(ValueError, match="Неизвестное поле «подписота» для столбца «Подписчики»"):
        map_headers(["Подписчики"], {"Подписчики": "подписота"})


def test_field_label_is_the_export_header():
    assert field_label("connected") == "Подключение к «Госпабликам»"
    assert field_label("design") == "Оформление, %"
    assert [field_label(c.field) for c in COLUMNS] == [c.header for c in COLUMNS]
    with pytest.raises(KeyError):
        field_label("nonsense")


def test_export_headers_read_back_as_their_own_fields():
    headers = [c.header for c in COLUMNS]
    assert map_headers(headers) == {i: c.field for i, c in enumerate(COLUMNS)}
