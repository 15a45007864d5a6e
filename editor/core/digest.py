"""The paragraph a press secretary needs (DESIGN §10): pages, subscribers, the change since a
date and the compliance shares of a territory, in Russian with numbers agreeing with their nouns.

«Число подписчиков госпабликов Курганской области на 01.11.2025 достигло 868 056 …»
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from editor.core import dynamics, rollup
from editor.core.i18n import tr
from editor.core.search import PageFilter
from editor.db.models import Territory

NBSP = "\u00a0"

# Nominative forms after a number: one (1, 21), few (2–4, 22–24), many (0, 5–20, 25…).
PAGES_WORDS = ("госпаблик", "госпаблика", "госпабликов")
SUBSCRIBERS_WORDS = ("подписчик", "подписчика", "подписчиков")


def plural_form(number: int, forms: tuple[str, str, str]) -> str:
    """The noun form that agrees with `number` («1 госпаблик», «2 госпаблика», «5 госпабликов»)."""
    n = abs(number)
    if n % 10 == 1 and n % 100 != 11:
        return forms[0]
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return forms[1]
    return forms[2]


def format_number(number: int) -> str:
    """Thousands separated by a no-break space: 868 056."""
    text = f"{abs(number):,}".replace(",", NBSP)
    return f"−{text}" if number < 0 else text


def counted(number: int, forms: tuple[str, str, str]) -> str:
    """«926 госпабликов»: the number and its noun, joined by a no-break space."""
    return f"{format_number(number)}{NBSP}{plural_form(number, forms)}"


def format_percent(value: float) -> str:
    """«78,3 %» (a decimal comma and a no-break space before the sign)."""
    return f"{value:.1f}".replace(".", ",") + f"{NBSP}%"


# --- the genitive of a territory name (typical official names; anything else is quoted) -------

_HEAD_NOUNS = {
    "область": "области",
    "край": "края",
    "округ": "округа",
    "район": "района",
    "республика": "республики",
    "федерация": "федерации",
    "город": "города",
    "поселение": "поселения",
    "сельсовет": "сельсовета",
    "поссовет": "поссовета",
}
_HARD = set("кгхжшчщ")


def _adjective(word: str) -> str | None:
    lower = word.lower()
    if lower.endswith(("ая", "яя")):
        return word[:-2] + (
            "ей" if lower.endswith("яя") or lower[-3:-2] in _HARD - set("кгх") else "ой"
        )
    if lower.endswith("ий"):
        return word[:-2] + ("ого" if lower[-3:-2] in _HARD - set("жшчщ") else "его")
    if lower.endswith(("ый", "ой")):
        return word[:-2] + "ого"
    return None


def _keep_case(source: str, target: str) -> str:
    return target[:1].upper() + target[1:] if source[:1].isupper() else target


def genitive(name: str) -> str:
    """«Курганской области», «Кетовского муниципального округа», «Российской Федерации»;
    a name without a known head noun stays in quotes after «территории»."""
    words = name.split(" ")
    head = next(
        (i for i, w in enumerate(words) if w.lower() in _HEAD_NOUNS and not w.startswith("(")),
        None,
    )
    if head is None:
        return f"территории «{name}»"
    result = list(words)
    for i in range(head):
        changed = _adjective(words[i])
        if changed is None:
            if head == 0 or not re.fullmatch(r"[\w-]+", words[i]):
                break
            return f"территории «{name}»"
        result[i] = changed
    result[head] = _keep_case(words[head], _HEAD_NOUNS[words[head].lower()])
    return " ".join(result)


# --- the paragraph ------------------------------------------------------------------------------


@dataclass(frozen=True)
class DigestFigures:
    """What the paragraph says, as numbers (the clipboard text is made of these)."""

    territory: str
    day: dt.date
    pages: int
    subscribers: int
    gosmark: int
    connected: int
    widgets: int
    since: dt.date | None = None
    subscribers_since: int | None = None


def figures(
    territory_id: int | None, as_of: dt.date | None = None, since: dt.date | None = None
) -> DigestFigures:
    """The scope's figures today (the catalogue's current state) or on `as_of` (the dated
    tally: pages counted by then, each page's latest count on or before it)."""
    if since is not None and as_of is not None and since > as_of:
        raise dynamics.DynamicsError(
            tr("Дата сравнения {since} позже даты справки {day}").format(
                since=since.strftime("%d.%m.%Y"), day=as_of.strftime("%d.%m.%Y")
            )
        )
    if territory_id is None:
        root = Territory.get_or_none(Territory.parent.is_null())
        name = root.name if root else "Российская Федерация"
    else:
        name = Territory.get_by_id(territory_id).name
    page_filter = PageFilter(territory_id=territory_id)
    if as_of is None:
        current = rollup.stats(territory_id, with_territories=False)
        day = dt.date.today()
        values = (current.pages, current.subscribers, current.gosmark, current.connected,
                  current.with_widgets)  # fmt: skip
    else:
        totals = dynamics.totals_on(page_filter, as_of)
        day = as_of
        values = (totals.pages, totals.subscribers, totals.gosmark, totals.connected,
                  totals.widgets)  # fmt: skip
    before = dynamics.totals_on(page_filter, since).subscribers if since else None
    return DigestFigures(name, day, *values, since=since, subscribers_since=before)


def paragraph(data: DigestFigures) -> str:
    """The press paragraph in Russian."""
    day = data.day.strftime("%d.%m.%Y")
    text = (
        f"Число подписчиков госпабликов {genitive(data.territory)} на {day} "
        f"достигло {format_number(data.subscribers)}"
    )
    if data.since is not None and data.subscribers_since is not None:
        since = data.since.strftime("%d.%m.%Y")
        change = data.subscribers - data.subscribers_since
        if change == 0:
            text += f" — столько же, сколько на {since}"
        else:
            word = "прирост" if change > 0 else "снижение"
            verb = "составил" if change > 0 else "составило"
            text += f"; {word} с {since} {verb} {counted(abs(change), SUBSCRIBERS_WORDS)}"
            if data.subscribers_since:
                share = 100.0 * change / data.subscribers_since
                text += f" ({'+' if change > 0 else '−'}{format_percent(abs(share))})"
    verb = "действуют" if plural_form(data.pages, PAGES_WORDS) == PAGES_WORDS[1] else "действует"
    text += f". Всего {verb} {counted(data.pages, PAGES_WORDS)}."
    if data.pages:
        text += (
            f" Госметку имеют {format_percent(100.0 * data.gosmark / data.pages)} госпабликов,"
            " виджеты ПОС «Госуслуги. Решаем вместе» установлены на"
            f" {format_percent(100.0 * data.widgets / data.pages)},"
            " к компоненту «Госпаблики» на Госуслугах подключено"
            f" {format_percent(100.0 * data.connected / data.pages)}."
        )
    return text


def digest(
    territory_id: int | None, as_of: dt.date | None = None, since: dt.date | None = None
) -> str:
    """The paragraph for a territory (None: the whole catalogue)."""
    return paragraph(figures(territory_id, as_of, since))
