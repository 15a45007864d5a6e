"""Normalisation rules shared by editing, import and duplicate detection (DESIGN §3).

Every parser takes whatever a spreadsheet cell or an edit field may hold and returns a clean
Python value, ``None`` for an empty cell, or raises :class:`NormalizeError` with a Russian
message for the user. Page links are canonicalised in :mod:`editor.core.urls`; the names are
re-exported here so that callers need one module only.
"""

from __future__ import annotations

import datetime
import math
import re
import unicodedata

NETWORKS: tuple[str, ...] = ("vk", "ok", "telegram", "max", "other")
NETWORK_LABELS: dict[str, str] = {
    "vk": "ВКонтакте",
    "ok": "Одноклассники",
    "telegram": "Telegram",
    "max": "MAX",
    "other": "Другая",
}
STATUSES: tuple[str, ...] = ("flagship", "active", "card", "excluded")
STATUS_LABELS: dict[str, str] = {
    "flagship": "флагманский",
    "active": "активный",
    "card": "визитка",
    "excluded": "не учитывается",
}


class NormalizeError(ValueError):
    """A value that cannot be normalised; str(err) is a Russian message for the user."""

    def __init__(self, message: str, *, field: str = "", value: object = None) -> None:
        super().__init__(message)
        self.field = field
        self.value = value


def _fail(field: str, value: object, reason: str) -> NormalizeError:
    """Build the error «field: «value» — reason», shortening long values."""
    shown = str(value).strip()
    if len(shown) > 60:
        shown = shown[:57] + "…"
    prefix = f"{field}: " if field else ""
    return NormalizeError(f"{prefix}«{shown}» — {reason}", field=field, value=value)


def _is_blank(value: object) -> bool:
    """True for None and for strings holding only whitespace."""
    return value is None or (isinstance(value, str) and not value.strip())


# ---------------------------------------------------------------- text

_QUOTES = "«»“”„‟\"'‘’‚‛`‹›"
# Zero-width characters come from copy-paste out of web pages and are invisible to the user.
_DROP_RE = re.compile("[" + re.escape(_QUOTES + "\u200b\u200c\u200d\u2060\ufeff\u00ad") + "]")


def fold_text(value: object) -> str:
    """Search/matching key: Cyrillic-aware case fold, ё→е, no quotes, single spaces."""
    if value is None:
        return ""
    text = str(value)
    # str.translate is slow on Cyrillic text and this runs for every imported row: the ASCII
    # fast path, a regex for the dropped characters and split/join for spaces are ~4× faster.
    if text.isascii():
        text = text.casefold()
    else:
        # NFC first so that a decomposed «й» or «ё» (macOS, some web forms) folds like a composed one.
        text = unicodedata.normalize("NFC", text)
        text = unicodedata.normalize("NFC", text.casefold()).replace("ё", "е")
    return " ".join(_DROP_RE.sub("", text).split())


# Type words of municipalities, settlements and localities, as tuples of tokens without dots.
# Only multi-word phrases contain adjectives such as «городской», which also occur in real names.
_TERRITORY_TYPE_PHRASES: frozenset[tuple[str, ...]] = frozenset(
    tuple(phrase.split())
    for phrase in (
        "муниципальный округ",
        "муниципальный район",
        "муниципальное образование",
        "городской округ",
        "городское поселение",
        "сельское поселение",
        "сельский округ",
        "сельский совет",
        "поселковый совет",
        "сельсовет",
        "поссовет",
        "внутригородская территория",
        "внутригородской район",
        "межселенная территория",
        "внутригородское муниципальное образование",
        "города федерального значения",
        "зато",
        "город-курорт",
        "город-герой",
        "район",
        "р-н",
        "округ",
        "поселение",
        "мо",
        "го",
        "мр",
        "м о",
        "г о",
        "м р",
        "с/п",
        "г/п",
        "с/с",
        "с/о",
        "с п",
        "г п",
        "город",
        "г",
        "пгт",
        "п г т",
        "рп",
        "р п",
        "поселок городского типа",
        "рабочий поселок",
        "поселок",
        "пос",
        "п",
        "село",
        "с",
        "деревня",
        "д",
        "станица",
        "ст-ца",
        "хутор",
        "х",
        "аул",
    )
)
# Subject-level words stay (so «Алтайский край» and «Алтайский район» differ); only their
# abbreviations are spelled out.
_TERRITORY_ABBREVIATIONS = {"обл": "область", "респ": "республика"}
_MAX_PHRASE = max(len(p) for p in _TERRITORY_TYPE_PHRASES)
_TERRITORY_PUNCT = re.compile(r"[,;:()\[\]]|(?<!\S)[-–—](?!\S)")


def territory_key(name: object) -> str:
    """Territory matching key: the folded name without type words («Кетовский район» → кетовский)."""
    folded = fold_text(name)
    # A dot ends an abbreviation («г.Курган», «м.о.»), so it separates words as a space does.
    text = _TERRITORY_PUNCT.sub(" ", folded).replace(".", ". ")
    tokens = [t.rstrip(".") for t in text.split()]
    tokens = [_TERRITORY_ABBREVIATIONS.get(t, t) for t in tokens if t]
    kept: list[str] = []
    i = 0
    while i < len(tokens):
        for size in range(min(_MAX_PHRASE, len(tokens) - i), 0, -1):
            if tuple(tokens[i : i + size]) in _TERRITORY_TYPE_PHRASES:
                i += size
                break
        else:
            kept.append(tokens[i])
            i += 1
    return " ".join(kept) or folded


# ---------------------------------------------------------------- numbers

_SIGN = "+-−"
_THOUSANDS_COMMA = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.0+)?")
_PLAIN_INT = re.compile(r"\d+(?:[.,]0+)?")
_DECIMAL = re.compile(r"\d+(?:[.,]\d+)?|[.,]\d+")


def _strip_spaces(text: str) -> str:
    """Drop every whitespace character (thousands separators such as nbsp and narrow nbsp)."""
    return "".join(text.split())


def parse_int(value: object, *, field: str = "") -> int | None:
    """An integer from a cell: «12 345», «12345.0», «12,345», 12345.0; None for an empty cell."""
    if _is_blank(value):
        return None
    if isinstance(value, bool):
        raise _fail(field, value, "не число")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise _fail(field, value, "не число")
        if not value.is_integer():
            raise _fail(field, value, "не целое число")
        return int(value)
    text = _strip_spaces(str(value))
    sign = ""
    if text[:1] in _SIGN:
        sign, text = ("-" if text[0] != "+" else ""), text[1:]
    if _THOUSANDS_COMMA.fullmatch(text):
        text = text.replace(",", "")
    elif not _PLAIN_INT.fullmatch(text):
        reason = "не целое число" if _DECIMAL.fullmatch(text) else "не число"
        raise _fail(field, value, reason)
    return int(sign + re.split(r"[.,]", text)[0])


def parse_count(value: object, *, field: str = "") -> int | None:
    """A non-negative integer (subscribers, reach); refuses negatives."""
    number = parse_int(value, field=field)
    if number is not None and number < 0:
        raise _fail(field, value, "отрицательное значение")
    return number


def parse_percent(value: object, *, field: str = "") -> float | None:
    """A percentage 0..100 from «85», «85%», «85,5» or a number; None for an empty cell."""
    if _is_blank(value):
        return None
    if isinstance(value, bool):
        raise _fail(field, value, "не число")
    if isinstance(value, int | float):
        number = float(value)
    else:
        text = _strip_spaces(str(value)).removesuffix("%")
        sign = ""
        if text[:1] in _SIGN:
            sign, text = ("-" if text[0] != "+" else ""), text[1:]
        if not _DECIMAL.fullmatch(text):
            raise _fail(field, value, "не число")
        number = float(sign + text.replace(",", "."))
    if not math.isfinite(number):
        raise _fail(field, value, "не число")
    if not 0 <= number <= 100:
        raise _fail(field, value, "процент должен быть от 0 до 100")
    return number


_TRUE_WORDS = frozenset(
    "да д yes y true истина 1 1.0 + есть имеется подключен подключено ✓ ✔ ☑ ✅ v".split()
)
_FALSE_WORDS = frozenset(
    "нет н no n false ложь 0 0.0 − - – — отсутствует неимеется неподключен неподключено ✗ ✘ ❌".split()
)


def parse_bool(value: object, *, field: str = "") -> bool | None:
    """Yes/no from да/нет, yes/no, 1/0, +/−, есть/нет, ✓/✗; None for an empty cell."""
    if _is_blank(value):
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    word = _strip_spaces(fold_text(value)).rstrip(".")
    if word in _TRUE_WORDS:
        return True
    if word in _FALSE_WORDS:
        return False
    raise _fail(field, value, "ожидается «да» или «нет»")


# Excel counts days from 1899-12-30 (its 1900 leap-year bug is irrelevant for serials > 60).
_EXCEL_EPOCH = datetime.date(1899, 12, 30)
_EXCEL_SERIALS = (20000, 80000)
_RU_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")


def parse_date(value: object, *, field: str = "") -> datetime.date | None:
    """A date from a date object, «dd.mm.yyyy», «d.m.yy», ISO text or an Excel serial number."""
    if _is_blank(value):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, bool):
        raise _fail(field, value, "не дата")
    serial: float | None = None
    if isinstance(value, int | float):
        serial = float(value)
    else:
        text = str(value).strip()
        if re.fullmatch(r"\d+(?:[.,]\d+)?", text) and not _RU_DATE.fullmatch(text):
            serial = float(text.replace(",", "."))
    if serial is not None:
        if not (math.isfinite(serial) and _EXCEL_SERIALS[0] <= serial <= _EXCEL_SERIALS[1]):
            raise _fail(field, value, "не дата")
        return _EXCEL_EPOCH + datetime.timedelta(days=math.floor(serial))
    if match := _RU_DATE.fullmatch(text):
        day, month, year = (int(g) for g in match.groups())
        if len(match.group(3)) == 2:
            # Python's strptime pivot: 00–68 are 2000s, 69–99 are 1900s.
            year += 2000 if year < 69 else 1900
    elif match := _ISO_DATE.fullmatch(text):
        year, month, day = (int(g) for g in match.groups())
    else:
        raise _fail(field, value, "не дата (ожидается ДД.ММ.ГГГГ)")
    try:
        return datetime.date(year, month, day)
    except ValueError:
        raise _fail(field, value, "такой даты нет") from None


# ---------------------------------------------------------------- dictionaries


def _word_key(value: object) -> str:
    """Folded text without spaces, dots and hyphens, for matching short dictionary words."""
    return re.sub(r"[\s.\-]", "", fold_text(value))


_NETWORK_WORDS: dict[str, str] = {
    **dict.fromkeys(("vk", "вк", "вконтакте", "vkontakte", "vkcom", "вкконтакте"), "vk"),
    **dict.fromkeys(("ok", "ок", "одноклассники", "odnoklassniki", "okru"), "ok"),
    **dict.fromkeys(("telegram", "телеграм", "телеграмм", "tg", "тг", "tme"), "telegram"),
    # «МАХ» typed in the Cyrillic layout looks exactly like «MAX».
    **dict.fromkeys(("max", "макс", "мах", "maxru"), "max"),
    **dict.fromkeys(("other", "другая", "другое", "другие", "прочее", "прочие"), "other"),
}


def parse_network(value: object) -> str | None:
    """Network code (one of NETWORKS) from a label, abbreviation or code; None when empty."""
    if _is_blank(value):
        return None
    network = _NETWORK_WORDS.get(_word_key(value))
    if network is None:
        raise _fail("Соцсеть", value, "неизвестная соцсеть")
    return network


_STATUS_WORDS: dict[str, str] = {
    **{_word_key(label): code for code, label in STATUS_LABELS.items()},
    **{code: code for code in STATUSES},
    "флагман": "flagship",
    "флагманская": "flagship",
    "активная": "active",
    "страницавизитка": "card",
    "неучитывать": "excluded",
}


def parse_status(value: object) -> str | None:
    """Status code (one of STATUSES) from its label (any case, ё, spaces) or code."""
    if _is_blank(value):
        return None
    status = _STATUS_WORDS.get(_word_key(value))
    if status is None:
        raise _fail("Статус", value, "неизвестный статус")
    return status


# ---------------------------------------------------------------- ОГРН and ИНН


def _digits(value: object, field: str) -> str | None:
    """The digits of an identifier cell (int, float from Excel, text with spaces or «.0»)."""
    if _is_blank(value):
        return None
    if isinstance(value, bool):
        raise _fail(field, value, "не число")
    if isinstance(value, float):
        if not value.is_integer():
            raise _fail(field, value, "должен состоять из цифр")
        value = int(value)
    text = _strip_spaces(str(value))
    text = re.sub(r"\.0+$", "", text)
    if re.fullmatch(r"\d+(?:\.\d+)?[eE]\+?\d+", text):
        raise _fail(field, value, "записан в экспоненциальной форме, цифры потеряны")
    if not text.isascii() or not text.isdigit():
        raise _fail(field, value, "должен состоять из цифр")
    return text


def normalize_ogrn(value: object) -> str | None:
    """ОГРН (13 digits) or ОГРНИП (15 digits) as a digit string; the checksum is not checked."""
    digits = _digits(value, "ОГРН")
    if digits is not None and len(digits) not in (13, 15):
        raise _fail("ОГРН", value, "должен состоять из 13 цифр (ОГРНИП — из 15)")
    return digits


def ogrn_valid(ogrn: str) -> bool:
    """Whether the ОГРН/ОГРНИП control digit is right."""
    if not (ogrn.isascii() and ogrn.isdigit()):
        return False
    if len(ogrn) == 13:
        return int(ogrn[:12]) % 11 % 10 == int(ogrn[12])
    if len(ogrn) == 15:
        return int(ogrn[:14]) % 13 % 10 == int(ogrn[14])
    return False


def normalize_inn(value: object) -> str | None:
    """ИНН (10 digits, or 12 for a person) as a digit string; the checksum is not checked."""
    digits = _digits(value, "ИНН")
    if digits is None:
        return None
    if len(digits) in (9, 11) and inn_valid("0" + digits):
        # A numeric Excel cell loses the leading zero of regions 01–09; the checksum confirms it.
        return "0" + digits
    if len(digits) not in (10, 12):
        raise _fail("ИНН", value, "должен состоять из 10 или 12 цифр")
    return digits


def _inn_check(digits: str, weights: tuple[int, ...]) -> int:
    """One FNS control digit: the weighted sum mod 11 mod 10."""
    return sum(int(d) * w for d, w in zip(digits, weights, strict=False)) % 11 % 10


def inn_valid(inn: str) -> bool:
    """Whether the ИНН control digit(s) are right (10-digit organisation, 12-digit person)."""
    if not (inn.isascii() and inn.isdigit()):
        return False
    if len(inn) == 10:
        return _inn_check(inn, (2, 4, 10, 3, 5, 9, 4, 6, 8)) == int(inn[9])
    if len(inn) == 12:
        return _inn_check(inn, (7, 2, 4, 10, 3, 5, 9, 4, 6, 8)) == int(inn[10]) and _inn_check(
            inn, (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
        ) == int(inn[11])
    return False
