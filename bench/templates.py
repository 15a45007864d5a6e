"""Organisation templates of the benchmark catalogue: who keeps pages on each territorial level.

A template's name patterns are `str.format` strings over the place forms that
`bench.generate` supplies: the subject (``region_g`` «Курганской области», ``ra_f``/``ra_m``
«Областная»/«Областной», ``cap``/``cap_m`` its capital), the municipality (``muni_g`` «Ивановского
муниципального района», adjective forms ``m n f m_gen f_gen``, ``town``/``town_gen``), the
settlement (``settl_g``, ``sm sn sf``), ``head`` (Губернатор or Глава) and the counters ``num``, ``nick``, ``paper``, ``sport``.
"""

from __future__ import annotations

from dataclasses import dataclass

# The legal form abbreviations as they are written out in full names (ЕГРЮЛ style).
ORG_TYPES = {
    "МБОУ": "Муниципальное бюджетное общеобразовательное учреждение",
    "МАОУ": "Муниципальное автономное общеобразовательное учреждение",
    "МКОУ": "Муниципальное казённое общеобразовательное учреждение",
    "МБДОУ": "Муниципальное бюджетное дошкольное образовательное учреждение",
    "МКДОУ": "Муниципальное казённое дошкольное образовательное учреждение",
    "МБУ ДО": "Муниципальное бюджетное учреждение дополнительного образования",
    "МКУК": "Муниципальное казённое учреждение культуры",
    "МБУК": "Муниципальное бюджетное учреждение культуры",
    "МБУ": "Муниципальное бюджетное учреждение",
    "МКУ": "Муниципальное казённое учреждение",
    "МУП": "Муниципальное унитарное предприятие",
    "МАУ": "Муниципальное автономное учреждение",
    "ГБУЗ": "Государственное бюджетное учреждение здравоохранения",
    "ГБУ": "Государственное бюджетное учреждение",
    "ГКУ": "Государственное казённое учреждение",
    "ГАУК": "Государственное автономное учреждение культуры",
    "ГБУК": "Государственное бюджетное учреждение культуры",
    "ГБПОУ": "Государственное бюджетное профессиональное образовательное учреждение",
    "ГАУ ДО": "Государственное автономное учреждение дополнительного образования",
    "ГАУ": "Государственное автономное учреждение",
    "ГБСУ СО": "Государственное бюджетное стационарное учреждение социального обслуживания",
    "ФГБОУ ВО": "Федеральное государственное бюджетное образовательное учреждение высшего"
    " образования",
    "АНО": "Автономная некоммерческая организация",
}

# Founder patterns.
REGION_GOV = "Правительство {region_g}"
HEALTH = "Министерство здравоохранения {region_g}"
EDUCATION = "Министерство образования и науки {region_g}"
CULTURE = "Министерство культуры {region_g}"
SOCIAL = "Министерство социальной политики {region_g}"
MUNI = "Администрация {muni_g}"
SETTLEMENT = "Администрация {settl_g}"


@dataclass(frozen=True)
class Template:
    """One kind of organisation; `weight` is a probability (fixed lists) or a share (numbered)."""

    org_type: str
    name: str
    short: str
    sphere1: str
    sphere2: str = ""
    slug: str = "org"
    audience: int = 400  # median subscribers of its VK page
    flag: str = ""  # enrolment | appointment: which page widget applies
    founder: str = MUNI
    weight: float = 1.0
    kinds: str = ""  # municipality/settlement kinds it occurs in; "" = all
    village: str = ""  # the name when placed in a settlement of a district ("" = never)
    village_short: str = ""
    counter: str = ""  # numbering shared between templates (СОШ № 1, ООШ № 2...)


def _t(*args, **kwargs) -> Template:
    return Template(*args, **kwargs)


# fmt: off
# Bodies and institutions of the subject itself; territory = the subject.
REGION_FIXED: tuple[Template, ...] = (
    _t("", "Правительство {region_g}", "Правительство", "Правительство", slug="gov",
       audience=60000, founder=""),
    _t("", "{head} {region_g}", "{head}", "Правительство", slug="governor",
       audience=150000, founder=""),
    _t("", "Законодательное собрание {region_g}", "Законодательное собрание",
       "Законодательный орган", slug="zs", audience=8000, founder=""),
    _t("", "Избирательная комиссия {region_g}", "Избирательная комиссия",
       "Избирательные комиссии", slug="izbirkom", audience=3000, founder=""),
    _t("", "Министерство образования и науки {region_g}", "Минобрнауки", "РОИВ", "Образование",
       slug="minobr", audience=40000, founder=REGION_GOV),
    _t("", "Министерство здравоохранения {region_g}", "Минздрав", "РОИВ", "Здравоохранение",
       slug="minzdrav", audience=30000, founder=REGION_GOV),
    _t("", "Министерство культуры {region_g}", "Минкультуры", "РОИВ", "Культура",
       slug="minkult", audience=15000, founder=REGION_GOV),
    _t("", "Министерство физической культуры и спорта {region_g}", "Минспорт", "РОИВ", "Спорт",
       slug="minsport", audience=12000, founder=REGION_GOV),
    _t("", "Министерство социальной политики {region_g}", "Минсоцполитики", "РОИВ",
       "Социальная защита", slug="minsoc", audience=15000, founder=REGION_GOV),
    _t("", "Министерство строительства {region_g}", "Минстрой", "РОИВ", "Строительство",
       slug="minstroy", audience=5000, founder=REGION_GOV),
    _t("", "Министерство жилищно-коммунального хозяйства {region_g}", "Минжкх", "РОИВ",
       "ЖКХ и благоустройство", slug="minjkh", audience=6000, founder=REGION_GOV),
    _t("", "Министерство транспорта и дорожного хозяйства {region_g}", "Минтранс", "РОИВ",
       "Транспорт", slug="mintrans", audience=9000, founder=REGION_GOV),
    _t("", "Министерство природных ресурсов и экологии {region_g}", "Минприроды", "РОИВ",
       "Экология", slug="minprirody", audience=5000, founder=REGION_GOV),
    _t("", "Министерство сельского хозяйства {region_g}", "Минсельхоз", "РОИВ",
       "АПК и сельское хозяйство", slug="minselhoz", audience=5000, founder=REGION_GOV),
    _t("", "Министерство финансов {region_g}", "Минфин", "РОИВ", "Финансы и экономика",
       slug="minfin", audience=3000, founder=REGION_GOV),
    _t("", "Министерство экономического развития {region_g}", "Минэкономразвития", "РОИВ",
       "Финансы и экономика", slug="mineco", audience=4000, founder=REGION_GOV),
    _t("", "Комитет по делам молодёжи {region_g}", "Комитет по делам молодёжи", "РОИВ",
       "Молодёжная политика", slug="molodezh", audience=9000, founder=REGION_GOV),
    _t("", "Главное управление по труду и занятости населения {region_g}",
       "Управление занятости", "Ведомства", "Труд и занятость", slug="zanyatost",
       audience=6000, founder=REGION_GOV),
    _t("", "Главное управление ветеринарии {region_g}", "Госветуправление", "Ведомства",
       "АПК и сельское хозяйство", slug="vet", audience=2000, founder=REGION_GOV, weight=0.6),
    _t("АНО", "Центр управления регионом {region_g}", "ЦУР", "Прочее", slug="cur",
       audience=20000, founder=REGION_GOV),
    _t("ГБУЗ", "{ra_f} клиническая больница", "{ra_f} больница", "Здравоохранение",
       slug="okb", audience=9000, flag="appointment", founder=HEALTH),
    _t("ГБУЗ", "{ra_f} детская клиническая больница", "Детская больница", "Здравоохранение",
       slug="odkb", audience=7000, flag="appointment", founder=HEALTH),
    _t("ГБУЗ", "{ra_m} онкологический диспансер", "Онкодиспансер", "Здравоохранение",
       slug="onko", audience=4000, flag="appointment", founder=HEALTH),
    _t("ГБУЗ", "{ra_m} центр общественного здоровья и медицинской профилактики",
       "Центр медпрофилактики", "Здравоохранение", slug="zozh", audience=5000, founder=HEALTH),
    _t("ГАУК", "{ra_f} научная библиотека", "{ra_f} библиотека", "Библиотеки", slug="biblio",
       audience=6000, founder=CULTURE),
    _t("ГБУК", "{ra_m} краеведческий музей", "Краеведческий музей", "Музеи", slug="museum",
       audience=7000, founder=CULTURE),
    _t("ГАУК", "Государственный драматический театр", "Драмтеатр", "Театры", slug="teatr",
       audience=12000, founder=CULTURE),
    _t("ГАУК", "{ra_m} центр народного творчества", "Центр народного творчества",
       "Дома культуры", slug="cnt", audience=3000, founder=CULTURE, weight=0.8),
    _t("ГБПОУ", "{cap_m} медицинский колледж", "Медколледж", "Ссузы", "Здравоохранение",
       slug="medcollege", audience=3000, founder=EDUCATION),
    _t("ГБПОУ", "{cap_m} педагогический колледж", "Педколледж", "Ссузы", slug="pedcollege",
       audience=2500, founder=EDUCATION),
    _t("ГАУ ДО", "{ra_m} центр дополнительного образования детей", "Центр доп. образования",
       "Дополнительное образование", slug="cdo", audience=4000, flag="enrolment",
       founder=EDUCATION),
    _t("ГАУ", "{ra_f} спортивная школа олимпийского резерва", "СШОР", "Спорт",
       "Дополнительное образование", slug="sshor", audience=2500, founder=REGION_GOV),
    _t("ГБУ", "{ra_m} молодёжный центр", "Молодёжный центр", "Молодёжная политика",
       slug="youth", audience=6000, founder=REGION_GOV),
    _t("ГКУ", "Противопожарная служба {region_g}", "Противопожарная служба",
       "Безопасность, ГО и ЧС", slug="pps", audience=4000, founder=REGION_GOV),
    _t("ФГБОУ ВО", "{cap_m} государственный университет", "{cap_m} госуниверситет", "Вузы",
       slug="university", audience=20000, founder="Министерство науки и высшего образования"
       " Российской Федерации", weight=0.9),
    _t("ГАУ", "Информационное агентство {region_g}", "Информагентство", "СМИ", slug="news",
       audience=25000, founder=REGION_GOV, weight=0.7),
)
# fmt: on

# fmt: off
# One of each per municipality (with the given probability).
MUNI_FIXED: tuple[Template, ...] = (
    _t("", "Администрация {muni_g}", "Администрация {muni_g}", "ОМСУ", slug="adm",
       audience=6000, founder=""),
    _t("", "Дума {muni_g}", "Дума", "ОМСУ", "Законодательный орган", slug="duma",
       audience=800, founder="", weight=0.7, kinds="go mo mr"),
    _t("", "Совет депутатов {muni_g}", "Совет депутатов", "ОМСУ", "Законодательный орган",
       slug="sovet", audience=500, founder="", kinds="inner"),
    _t("", "Территориальная избирательная комиссия {muni_g}", "ТИК", "Избирательные комиссии",
       slug="tik", audience=300, founder="", weight=0.5),
    _t("МКУ", "Управление образования {muni_g}", "Управление образования", "Образование",
       slug="uo", audience=2500, kinds="go mo mr"),
    _t("МКУ", "Единая дежурно-диспетчерская служба {muni_g}", "ЕДДС", "Безопасность, ГО и ЧС",
       slug="edds", audience=1500, weight=0.7, kinds="go mo mr"),
    _t("ГБУЗ", "{f} центральная районная больница", "{f} ЦРБ", "Здравоохранение", slug="crb",
       audience=3000, flag="appointment", founder=HEALTH, kinds="mo mr"),
    _t("ГБУЗ", "Городская больница № 1 города {town_gen}", "Горбольница № 1", "Здравоохранение",
       slug="gb", audience=4000, flag="appointment", founder=HEALTH, kinds="go"),
    _t("ГБУ", "Комплексный центр социального обслуживания населения {muni_g}", "КЦСОН",
       "Социальная защита", slug="kcson", audience=900, founder=SOCIAL, kinds="go mo mr"),
    _t("ГКУ", "Центр занятости населения {muni_g}", "ЦЗН", "Труд и занятость", slug="czn",
       audience=700, founder=REGION_GOV, weight=0.8, kinds="go mo mr"),
    _t("МКУК", "Межпоселенческая центральная библиотека {muni_g}", "МЦБ", "Библиотеки",
       slug="mcb", audience=900, kinds="mo mr"),
    _t("МБУК", "Централизованная библиотечная система города {town_gen}", "ЦБС", "Библиотеки",
       slug="cbs", audience=1500, kinds="go"),
    _t("МКУК", "{m} районный Дом культуры", "{m} РДК", "Дома культуры", slug="rdk",
       audience=1200, kinds="mo mr"),
    _t("МБУК", "Дворец культуры города {town_gen}", "Дворец культуры", "Дома культуры",
       slug="dk", audience=2500, kinds="go"),
    _t("МБУК", "{m} краеведческий музей", "Краеведческий музей", "Музеи", slug="muzei",
       audience=800, weight=0.6, kinds="go mo mr"),
    _t("МБУ ДО", "{f} детско-юношеская спортивная школа", "ДЮСШ", "Дополнительное образование",
       "Спорт", slug="dussh", audience=700, flag="enrolment", kinds="go mo mr"),
    _t("МБУ ДО", "{m} дом детского творчества", "ДДТ", "Дополнительное образование",
       slug="ddt", audience=600, flag="enrolment", weight=0.8, kinds="go mo mr"),
    _t("МБУ", "Молодёжный центр {muni_g}", "Молодёжный центр", "Молодёжная политика",
       slug="mc", audience=900, weight=0.7),
    _t("МАУ", "Редакция газеты «{paper}»", "Газета «{paper}»", "СМИ", slug="gazeta",
       audience=2500, weight=0.7, kinds="go mo mr"),
    _t("МУП", "{m} водоканал", "Водоканал", "ЖКХ и благоустройство", slug="vodokanal",
       audience=600, weight=0.5, kinds="go mo mr"),
    _t("", "Финансовое управление администрации {muni_g}", "Финуправление",
       "Финансы и экономика", slug="finupr", audience=200, weight=0.5, kinds="go mo mr"),
    _t("", "Отдел сельского хозяйства администрации {muni_g}", "Отдел сельского хозяйства",
       "АПК и сельское хозяйство", slug="selhoz", audience=300, weight=0.5, kinds="mo mr"),
)
# fmt: on

# fmt: off
# Per settlement: its administration and the village's own institutions.
SETTLEMENT_FIXED: tuple[Template, ...] = (
    _t("", "Администрация {settl_g}", "Администрация {settl_g}", "Сельские поселения",
       slug="admsp", audience=350, founder="", kinds="rural"),
    _t("", "Администрация {settl_g}", "Администрация {settl_g}", "ОМСУ", slug="admgp",
       audience=1500, founder="", kinds="urban"),
    _t("", "{sm} территориальный отдел администрации {muni_g}", "{sm} территориальный отдел",
       "ОМСУ", slug="to", audience=300, founder="", kinds="dept"),
    _t("МКУК", "{sm} сельский Дом культуры", "{sm} СДК", "Дома культуры", slug="sdk",
       audience=300, founder=SETTLEMENT, weight=0.5, kinds="rural dept"),
    _t("МКУК", "{sf} сельская библиотека", "{sf} библиотека", "Библиотеки", slug="sbiblio",
       audience=150, founder=SETTLEMENT, weight=0.35, kinds="rural dept"),
)
# fmt: on

_SCHOOL_VILLAGE = "{sf} средняя общеобразовательная школа"

# fmt: off
# Numbered institutions filling the municipalities, drawn by weight.
NUMBERED: tuple[Template, ...] = (
    _t("МБОУ", "Средняя общеобразовательная школа № {num}", "СОШ № {num}", "Школы",
       slug="school", audience=700, flag="enrolment", weight=16, village=_SCHOOL_VILLAGE,
       village_short="{sf} СОШ", counter="school"),
    _t("МБОУ", "Основная общеобразовательная школа № {num}", "ООШ № {num}", "Школы",
       slug="oosh", audience=300, flag="enrolment", weight=4,
       village="{sf} основная общеобразовательная школа", village_short="{sf} ООШ",
       counter="school"),
    _t("МБОУ", "Школа № {num}", "Школа № {num}", "Школы", slug="shkola", audience=800,
       flag="enrolment", weight=3, counter="school"),
    _t("МАОУ", "Гимназия № {num}", "Гимназия № {num}", "Школы", slug="gymnasium",
       audience=1200, flag="enrolment", weight=2, kinds="go inner", counter="school"),
    _t("МАОУ", "Лицей № {num}", "Лицей № {num}", "Школы", slug="licey", audience=1100,
       flag="enrolment", weight=2, kinds="go inner", counter="school"),
    _t("МКОУ", "Начальная общеобразовательная школа № {num}", "НОШ № {num}", "Школы",
       slug="nosh", audience=150, flag="enrolment", weight=1,
       village="{sf} начальная общеобразовательная школа", village_short="{sf} НОШ",
       kinds="mo mr", counter="school"),
    _t("МБДОУ", "Детский сад № {num} «{nick}»", "Детский сад № {num}", "Детские сады",
       slug="detsad", audience=350, weight=18, village="{sm} детский сад «{nick}»",
       village_short="{sm} детский сад", counter="kg"),
    _t("МБДОУ", "Центр развития ребёнка — детский сад № {num}", "ЦРР — д/с № {num}",
       "Детские сады", slug="crr", audience=450, weight=2, counter="kg"),
    _t("МБУ ДО", "Детская школа искусств № {num}", "ДШИ № {num}", "Дополнительное образование",
       "Культура", slug="dshi", audience=600, flag="enrolment", weight=3,
       village="{sf} детская школа искусств", village_short="{sf} ДШИ"),
    _t("МБУ ДО", "Детская музыкальная школа № {num}", "ДМШ № {num}",
       "Дополнительное образование", "Культура", slug="dmsh", audience=500, flag="enrolment",
       weight=2),
    _t("МБУ ДО", "Спортивная школа № {num}", "СШ № {num}", "Дополнительное образование",
       "Спорт", slug="sportschool", audience=600, flag="enrolment", weight=2),
    _t("МБУ ДО", "Центр детского творчества № {num}", "ЦДТ № {num}",
       "Дополнительное образование", slug="cdt", audience=500, flag="enrolment", weight=1),
    _t("ГБУЗ", "Городская поликлиника № {num}", "Поликлиника № {num}", "Здравоохранение",
       slug="poliklinika", audience=1500, flag="appointment", founder=HEALTH, weight=3,
       village="{sf} участковая больница", village_short="{sf} УБ"),
    _t("ГБУЗ", "Стоматологическая поликлиника № {num}", "Стоматология № {num}",
       "Здравоохранение", slug="stomat", audience=900, flag="appointment", founder=HEALTH,
       weight=1, kinds="go inner"),
    _t("ГБПОУ", "{m} аграрный техникум", "{m} аграрный техникум", "Ссузы",
       "АПК и сельское хозяйство", slug="tehnikum", audience=900, founder=EDUCATION, weight=1,
       kinds="mo mr"),
    _t("ГБПОУ", "{m} политехнический колледж", "{m} политехнический колледж", "Ссузы",
       slug="polytech", audience=1200, founder=EDUCATION, weight=1, kinds="go"),
    _t("МКУК", "Библиотека-филиал № {num}", "Библиотека № {num}", "Библиотеки",
       slug="library", audience=250, weight=3, village="{sf} библиотека-филиал",
       village_short="{sf} библиотека"),
    _t("МКУК", "Сельский клуб № {num}", "Сельский клуб № {num}", "Дома культуры", slug="klub",
       audience=150, weight=2, village="{sm} сельский клуб", village_short="{sm} клуб",
       kinds="mo mr"),
    _t("МБУ", "Спортивный комплекс «{sport}»", "СК «{sport}»", "Спорт", slug="sk",
       audience=900, weight=1),
    _t("ГБУ", "Социально-реабилитационный центр для несовершеннолетних № {num}", "СРЦН № {num}",
       "Социальная защита", slug="srcn", audience=400, founder=SOCIAL, weight=1),
    _t("ГБСУ СО", "{m} дом-интернат для престарелых и инвалидов", "{m} дом-интернат",
       "Социальная защита", slug="internat", audience=200, founder=SOCIAL, weight=0.7),
    _t("МБУ", "Благоустройство и озеленение № {num}", "Благоустройство № {num}",
       "ЖКХ и благоустройство", slug="blago", audience=700, weight=1),
    _t("ГКУ", "Пожарная часть № {num}", "ПЧ № {num}", "Безопасность, ГО и ЧС", slug="pch",
       audience=500, founder=REGION_GOV, weight=1),
    _t("ГБУ", "{n} лесничество", "{n} лесничество", "Экология", slug="les", audience=300,
       founder=REGION_GOV, weight=0.5, kinds="mo mr"),
    _t("ГБУ", "{f} станция по борьбе с болезнями животных", "{f} СББЖ",
       "АПК и сельское хозяйство", slug="sbbj", audience=200, founder=REGION_GOV, weight=0.5,
       kinds="mo mr"),
    _t("МАУ", "Многофункциональный центр № {num}", "МФЦ № {num}", "Прочее", slug="mfc",
       audience=1500, weight=0.5),
)
# fmt: on
