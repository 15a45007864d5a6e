"""Pages of the benchmark catalogue: networks, canonical addresses, status, flags and reach.

Every organisation with pages has a VK page, then OK, Telegram or MAX in a drawn order. URLs are
already canonical (``editor.core.urls``) and unique because the page id is part of each one.
The search text is built exactly as ``editor.core.records.search_key`` builds it.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Iterator

from bench.organizations import OrganizationInfo

COLUMNS = (
    "id organization_id territory_id network url url_key network_id title status connected"
    " gosmark widgets pos_problem pos_opinion enrolment appointment design activity weekly_reach"
    " post_reach subscribers subscribers_date notes source batch_id search_key deleted_at"
).split()
# The networks after VK, in the order an organisation adds them.
_NETWORK_ORDERS = (("ok", "telegram", "max"), ("telegram", "ok", "max"), ("max", "ok", "telegram"))
_STATUS_VK = (("flagship", 0.04), ("active", 0.62), ("card", 0.28), ("excluded", 0.04))
_STATUS_OTHER = (("active", 0.5), ("card", 0.4), ("excluded", 0.07))
_NETWORK_AUDIENCE = {"vk": 1.0, "ok": 0.55, "telegram": 0.3, "max": 0.4}


def page_rows(
    organizations: Iterable[OrganizationInfo],
    rng: random.Random,
    fold: Callable[[str], str],
    latest: str,
) -> Iterator[tuple]:
    """The `page` rows in COLUMNS order, ids from 1; `latest` is the date of the current count."""
    random_ = rng.random
    page_id = 0
    for info in organizations:
        if not info.pages:
            continue
        template = info.template
        networks = ("vk", *_NETWORK_ORDERS[int(random_() * 3)])[: info.pages]
        # fold_text of parts joined by spaces equals the joined folds of the parts (none folds
        # to nothing); URLs are lower-case ASCII, which fold_text leaves as they are.
        org_key = f"{fold(info.full_name)} {fold(info.short_name)}"
        for network in networks:
            page_id += 1
            url, network_id = _address(network, template.slug, page_id, random_)
            draw = random_()
            if draw < 0.5:
                title = info.short_name
            else:
                title = info.name if draw < 0.8 else f"{info.name} | {info.town}"
            subscribers = int(
                template.audience * _NETWORK_AUDIENCE[network] * rng.lognormvariate(-0.3, 0.8)
            )
            social = network in ("vk", "ok")
            problem = opinion = widgets = enrolment = appointment = None
            if network == "vk":
                problem, opinion = random_() < 0.7, random_() < 0.55
                widgets = problem + opinion
                if template.flag == "enrolment":
                    enrolment = random_() < 0.45
                elif template.flag == "appointment":
                    appointment = random_() < 0.6
            measured = random_() < 0.9
            search_key = " ".join(p for p in (fold(title), org_key, url, info.ogrn) if p)
            status = _pick(random_(), _STATUS_VK if network == "vk" else _STATUS_OTHER)
            yield (
                page_id, info.id, info.territory_id, network, url, url, network_id, title,
                status,
                (random_() < 0.72) if social else None,
                (random_() < 0.85) if social else None,
                widgets, problem, opinion, enrolment, appointment,
                round(30 + 70 * random_(), 1) if measured and social else None,
                round(100 * random_(), 1) if measured else None,
                int(subscribers * (0.3 + 2.2 * random_())) if measured else None,
                int(subscribers * (0.05 + 0.35 * random_())) if measured else None,
                subscribers, latest,
                "Требуется обновить оформление" if random_() < 0.02 else "",
                "", None, search_key, None,
            )  # fmt: skip


def _address(network: str, slug: str, page_id: int, random_) -> tuple[str, str | None]:
    """A canonical, unique page URL (the page id is part of it) and the network's group id."""
    if network == "vk":
        if random_() < 0.7:
            group = 1 + page_id * 7919 % 1_000_000_007  # a bijection: ids never repeat
            return f"https://vk.com/club{group}", str(group)
        return f"https://vk.com/{slug}{page_id}", None
    if network == "ok":
        if random_() < 0.6:
            group = 50_000_000_000_000 + page_id * 104_729 % 1_000_000_007
            return f"https://ok.ru/group/{group}", str(group)
        return f"https://ok.ru/{slug}{page_id}", None
    if network == "telegram":
        return f"https://t.me/{slug}_{page_id}", None
    return f"https://max.ru/{slug}{page_id}", None


def _pick(draw: float, table: tuple[tuple[str, float], ...]) -> str | None:
    """The value whose share the draw falls into; None past the last (a page without status)."""
    for value, share in table:
        draw -= share
        if draw < 0:
            return value
    return None
