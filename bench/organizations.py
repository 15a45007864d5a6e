"""Organisations of the benchmark catalogue: who sits on each territory, named and numbered.

Every subject gets its government, ministries and regional institutions; every municipality its
administration, council and district institutions; every settlement its administration and
village club or library (`bench.templates`). Numbered schools, kindergartens, clinics...
fill the remaining count in proportion to a municipality's size, some of them in its villages.
A small run keeps a random sample of the fixed ones instead.
"""

from __future__ import annotations

import bisect
import operator
import random
from array import array
from collections.abc import Callable, Iterator
from typing import NamedTuple

from bench import vocabulary as vocab
from bench.places import Place
from bench.templates import (
    MUNI_FIXED,
    NUMBERED,
    ORG_TYPES,
    REGION_FIXED,
    SETTLEMENT_FIXED,
    Template,
)

COLUMNS = (
    "id territory_id full_name short_name name_key ogrn inn founder org_type sphere1_id"
    " sphere2_id sphere3_id exemption responsible responsible_position responsible_phone"
    " responsible_email notes source batch_id deleted_at"
).split()
_WORDS = (
    ("{nick}", vocab.NICKNAMES),
    ("{paper}", vocab.NEWSPAPERS),
    ("{sport}", vocab.SPORT_NAMES),
)
_EXEMPTIONS = (
    "Ликвидация",
    "Преобразование",
    "Реорганизация в форме присоединения",
    "Распоряжение администрации № {n}-р",
)
_INN_WEIGHTS = (2, 4, 10, 3, 5, 9, 4, 6, 8)
# (template, territory, municipality, settlement, placed in a village)
Spec = tuple[Template, Place, Place | None, Place | None, bool]


class OrganizationInfo(NamedTuple):
    """What an organisation's pages need to know about it."""

    id: int
    territory_id: int
    template: Template
    name: str  # without the legal form: «Средняя общеобразовательная школа № 12»
    full_name: str
    short_name: str
    ogrn: str
    town: str
    pages: int


class OrganizationRows:
    """Plans the organisations of a generated tree and yields their `organization` rows."""

    def __init__(
        self,
        rng: random.Random,
        regions: list[Place],
        target: int,
        spheres: dict[str, int],
        fold: Callable[[str], str],
    ) -> None:
        self.rng = rng
        self.regions = regions
        self.target = target
        self.spheres = spheres
        self.fold = fold
        self.infos: list[OrganizationInfo] = []
        self.municipalities = self.settlements = self.custom = 0

    def _plan(self) -> Iterator[Spec]:
        """Every organisation to create, grouped by territory in tree order."""
        rng = self.rng
        fixed_region: dict[int, list[Template]] = {}
        fixed_muni: dict[int, list[Spec]] = {}
        total_fixed = 0
        for region in self.regions:
            fixed_region[region.id] = [t for t in REGION_FIXED if rng.random() < t.weight]
            total_fixed += len(fixed_region[region.id])
            for muni in region.children:
                self.municipalities += 1
                specs: list[Spec] = [
                    (t, muni, muni, None, False)
                    for t in MUNI_FIXED
                    if _fits(t, muni.code) and rng.random() < t.weight
                ]
                for place in muni.children:
                    self.settlements += place.code != "dept"
                    self.custom += place.custom
                    specs.extend(
                        (t, place, muni, place, False)
                        for t in SETTLEMENT_FIXED
                        if _fits(t, place.code) and rng.random() < t.weight
                    )
                fixed_muni[muni.id] = specs
                total_fixed += len(specs)
        remaining = self.target - total_fixed
        keep: set[int] | None = None
        if remaining < 0:  # a small run: a sample of the fixed organisations
            keep = set(rng.sample(range(total_fixed), self.target))
            remaining = 0
        munis = [(m, _muni_weight(m)) for r in self.regions for m in r.children]
        shares = _apportion(remaining, munis)
        index = 0
        for region in self.regions:
            for template in fixed_region[region.id]:
                if keep is None or index in keep:
                    yield template, region, None, None, False
                index += 1
            for muni in region.children:
                own = [s for s in fixed_muni[muni.id] if s[3] is None]
                in_settlements = [s for s in fixed_muni[muni.id] if s[3] is not None]
                for spec in own:
                    if keep is None or index in keep:
                        yield spec
                    index += 1
                yield from self._numbered(muni, shares.get(muni.id, 0))
                for spec in in_settlements:
                    if keep is None or index in keep:
                        yield spec
                    index += 1

    def _numbered(self, muni: Place, count: int) -> Iterator[Spec]:
        """`count` numbered institutions of a municipality, some placed in its villages."""
        if not count:
            return
        rng = self.rng
        templates = [t for t in NUMBERED if _fits(t, muni.code)]
        weights = [t.weight for t in templates]
        villages = [p for p in muni.children if p.code in ("rural", "urban", "dept")]
        for template in rng.choices(templates, weights, k=count):
            if template.village and villages and rng.random() < 0.55:
                village = rng.choice(villages)
                yield template, village, muni, village, True
            else:
                yield template, muni, muni, None, False

    def rows(self) -> Iterator[tuple]:
        """The `organization` rows in COLUMNS order; fills `infos` on the way."""
        rng = self.rng
        random_ = rng.random
        counters: dict[tuple[int, str], int] = {}
        used: dict[tuple[int, str], int] = {}
        exempt_share = 0.01 if self.target >= 1000 else 0.0
        for index, (template, place, muni, settlement, village) in enumerate(self._plan()):
            context = dict(_region_of(place).forms)
            if muni is not None:
                context.update(muni.forms)
            if settlement is not None:
                context.update(settlement.forms)
            if "{num}" in template.name and not village and muni is not None:
                key = (muni.id, template.counter or template.slug)
                counters[key] = counters.get(key, 0) + 1
                context["num"] = str(counters[key])
            if village:
                pattern, short_pattern = template.village, template.village_short
            else:
                pattern, short_pattern = template.name, template.short
            for key, words in _WORDS:
                if key in pattern:
                    context[key[1:-1]] = words[int(random_() * len(words))]
            name = pattern.format_map(context)
            seen = used.get((place.id, name), 0)
            used[(place.id, name)] = seen + 1
            if seen:  # a second school of the same village: «… школа № 2»
                name = f"{name} № {seen + 1}"
            full, short = _legal_names(
                rng, template.org_type, name, short_pattern.format_map(context)
            )
            organization_id = index + 1
            ogrn, inn = _registry_numbers(rng, organization_id, place)
            exemption = ""
            if random_() < exempt_share:
                exemption = rng.choice(_EXEMPTIONS).format(n=rng.randint(10, 999))
            responsible = position = phone = email = ""
            if not exemption and random_() < 0.7:
                responsible = vocab.person(rng)
                position = vocab.POSITIONS[int(random_() * len(vocab.POSITIONS))]
                number = int(random_() * 2_000_000_000) + 3_000_000_000
                phone = f"+7 ({number // 10**7}) {number // 10**4 % 1000:03d}-{number % 10**4:04d}"
                phone = f"{phone[:-2]}-{phone[-2:]}"
                domain = vocab.MAIL_DOMAINS[int(random_() * len(vocab.MAIL_DOMAINS))]
                email = f"{template.slug}{organization_id}@{domain}"
            spheres = [self.spheres[s] for s in (template.sphere1, template.sphere2) if s]
            spheres += [None, None]
            town = context.get("stown" if settlement else "town", context.get("cap", ""))
            self.infos.append(
                OrganizationInfo(
                    organization_id, place.id, template, name, full, short, ogrn or "", town,
                    0 if exemption else 1,
                )
            )  # fmt: skip
            founder = template.founder.format_map(context) if template.founder else ""
            yield (
                organization_id, place.id, full, short, self.fold(full), ogrn, inn, founder,
                template.org_type, spheres[0], spheres[1], None, exemption, responsible,
                position, phone, email, "", "", None, None,
            )  # fmt: skip

    def assign_pages(self, pages: int) -> None:
        """Pages per organisation (1–4; large audiences keep more networks), summing exactly."""
        rng = self.rng
        counts = array("b")
        for info in self.infos:
            if not info.pages:  # exempt: keeps no page
                counts.append(0)
                continue
            audience = info.template.audience
            # Cumulative shares of 1, 2, 3 pages (4 beyond).
            if audience >= 3000:
                shares = (0.05, 0.30, 0.65)
            elif audience >= 700:
                shares = (0.30, 0.75, 0.90)
            else:
                shares = (0.45, 0.85, 0.95)
            counts.append(bisect.bisect(shares, rng.random()) + 1)
        difference = pages - sum(counts)
        order = [i for i, count in enumerate(counts) if count]
        rng.shuffle(order)
        while difference:
            changed = False
            for i in order:
                if difference > 0 and counts[i] < 4:
                    counts[i] += 1
                    difference -= 1
                    changed = True
                elif difference < 0 and counts[i] > 1:
                    counts[i] -= 1
                    difference += 1
                    changed = True
                if not difference:
                    break
            if not changed:
                break
        if difference:
            raise ValueError(f"cannot place {pages} pages on {len(order)} organisations")
        self.infos = [info._replace(pages=counts[i]) for i, info in enumerate(self.infos)]


def _fits(template: Template, code: str) -> bool:
    return not template.kinds or code in template.kinds.split()


def _region_of(place: Place) -> Place:
    while place.parent is not None:
        place = place.parent
    return place


def _muni_weight(muni: Place) -> float:
    """How many numbered institutions a municipality gets, relatively."""
    if muni.code == "go":
        return 3.0
    if muni.code == "mr":
        return 1.0 + 0.08 * len(muni.children)
    return 1.4 if muni.code == "mo" else 0.8


def _apportion(total: int, weights: list[tuple[Place, float]]) -> dict[int, int]:
    """Split `total` by weight with the largest-remainder method (deterministic)."""
    if not total or not weights:
        return {}
    whole = sum(w for _, w in weights)
    exact = [(place.id, total * w / whole) for place, w in weights]
    shares = {pid: int(x) for pid, x in exact}
    left = total - sum(shares.values())
    for pid, _ in sorted(exact, key=lambda item: (int(item[1]) - item[1], item[0]))[:left]:
        shares[pid] += 1
    return shares


def _legal_names(rng: random.Random, org_type: str, name: str, short: str) -> tuple[str, str]:
    """Full and short names in the mix real registries hold (abbreviated, ЕГРЮЛ, upper-case)."""
    if not org_type:
        return name, short
    draw = rng.random()
    if draw < 0.45:
        full = f'{org_type} "{name}"'
    elif draw < 0.88:
        full = f"{ORG_TYPES[org_type]} «{name}»"
    else:
        full = f'{ORG_TYPES[org_type]} "{name}"'.upper()
    short = f'{org_type} "{short}"' if rng.random() < 0.6 else f"{org_type} {short}"
    return full, short


def _registry_numbers(
    rng: random.Random, organization_id: int, place: Place
) -> tuple[str | None, str | None]:
    """A valid, unique ОГРН and ИНН (3% unknown), region digits from the subject's ОКТМО."""
    if rng.random() < 0.03:
        return None, None
    region = (_region_of(place).oktmo or "00")[:2]
    first = f"1{int(rng.random() * 23) + 2:02d}{region}{organization_id:07d}"
    ogrn = first + str(int(first) % 11 % 10)
    stem = f"{region}{organization_id:07d}"
    check = sum(map(operator.mul, _INN_WEIGHTS, map(int, stem))) % 11 % 10
    return ogrn, f"{stem}{check}"
