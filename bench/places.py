"""The generated territorial tree below the real subjects: municipalities, settlements, custom nodes.

Codes follow ОКТМО: a municipality is the subject's two digits, the type digit (7 городской
округ, 5 муниципальный округ, 6 муниципальный район, 3 внутригородская территория of a federal
city) and a serial («37612000»); a settlement extends its district's first five digits with 1
(городское), 4 (сельское) or 7 (межселенная территория). Subjects whose own code has a third digit
(НАО 118, ХМАО 718, ЯНАО 719) keep it, so their codes never meet the parent oblast's.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from bench.vocabulary import ADJECTIVES, Adjective, region_adjective, region_genitive

# Subjects larger than the average get more municipalities (Krasnodar has 44 in reality).
_REGION_WEIGHTS = {
    "Краснодарский край": 1.55,
    "Московская область": 1.6,
    "Республика Башкортостан": 1.6,
    "Республика Татарстан (Татарстан)": 1.5,
    "Ростовская область": 1.5,
    "Алтайский край": 1.6,
    "Москва": 1.5,
}
MUNICIPALITIES_PER_REGION = 27.5
_MUNI_KINDS = {
    "go": "городской округ",
    "mo": "муниципальный округ",
    "mr": "муниципальный район",
    "inner": "внутригородская территория",
}
_TYPE_DIGIT = {"go": "7", "mo": "5", "mr": "6", "inner": "3"}


@dataclass
class Place:
    """A territory node as the generator sees it: row values plus name forms for templates."""

    id: int
    parent: Place | None
    level: int
    kind: str
    name: str
    oktmo: str | None
    position: int
    custom: bool
    code: str  # region | go | mo | mr | inner | rural | urban | inter | dept
    forms: dict[str, str]
    children: list[Place] = field(default_factory=list)

    @property
    def parent_id(self) -> int | None:
        return self.parent.id if self.parent else None


class PlaceBuilder:
    """Builds the tree under the given subjects; ids continue after the catalogue's last one."""

    def __init__(self, rng: random.Random, next_id: int) -> None:
        self.rng = rng
        self.next_id = next_id
        self.places: list[Place] = []

    def _new(
        self,
        parent: Place,
        level: int,
        kind: str,
        name: str,
        oktmo: str | None,
        code: str,
        forms: dict[str, str],
        custom: bool = False,
    ) -> Place:
        place = Place(
            self.next_id,
            parent,
            level,
            kind,
            name,
            oktmo,
            len(parent.children),
            custom,
            code,
            forms,
        )
        self.next_id += 1
        parent.children.append(place)
        self.places.append(place)
        return place

    def region(self, region_id: int, name: str, kind: str, oktmo: str) -> Place:
        """Add municipalities (and their settlements) under one real subject."""
        rng = self.rng
        ra_f, ra_m = region_adjective(kind)
        forms = {
            "region_g": region_genitive(name),
            "ra_f": ra_f,
            "ra_m": ra_m,
            "head": "Глава" if kind == "республика" else "Губернатор",
        }
        region = Place(region_id, None, 2, kind, name, oktmo, 0, False, "region", forms)
        weight = _REGION_WEIGHTS.get(name, rng.uniform(0.55, 1.45))
        count = max(8, round(MUNICIPALITIES_PER_REGION * weight))
        federal_city = kind == "город федерального значения"
        # An autonomous okrug inside an oblast keeps its third digit; its serials are one digit.
        prefix = oktmo[:3] if oktmo[2] != "0" else oktmo[:2]
        serial_limit = 9 if len(prefix) == 3 else 99
        serials = dict.fromkeys(_TYPE_DIGIT, 0)
        adjectives = rng.sample(ADJECTIVES, min(count, len(ADJECTIVES)))
        for index, adjective in enumerate(adjectives):
            if federal_city:
                code = "inner"
            elif index == 0:
                code = "go"  # the capital
            else:
                draw = rng.random()
                code = "go" if draw < 0.2 else "mo" if draw < 0.45 else "mr"
            if serials[code] >= serial_limit:
                continue
            serials[code] += 1
            digits = f"{serials[code]:02d}" if len(prefix) == 2 else str(serials[code])
            muni_oktmo = f"{prefix}{_TYPE_DIGIT[code]}{digits}000"
            self._municipality(region, code, adjective, muni_oktmo)
        capital = region.children[0].forms
        region.forms.update(cap=capital["town"], cap_m=capital["m"])
        return region

    def _municipality(self, region: Place, code: str, a: Adjective, oktmo: str) -> None:
        name, genitive = {
            "go": (f"город {a.town}", f"города {a.town_gen}"),
            "mo": (f"{a.m} муниципальный округ", f"{a.m_gen} муниципального округа"),
            "mr": (f"{a.m} муниципальный район", f"{a.m_gen} муниципального района"),
            "inner": (f"муниципальный округ {a.town}", f"муниципального округа {a.town}"),
        }[code]
        forms = {
            "muni_g": genitive,
            "m": a.m,
            "n": a.n,
            "f": a.f,
            "m_gen": a.m_gen,
            "f_gen": a.f_gen,
            "town": a.town,
            "town_gen": a.town_gen,
        }
        muni = self._new(region, 3, _MUNI_KINDS[code], name, oktmo, code, forms)
        rng = self.rng
        if code == "mr":
            self._settlements(muni, a)
        elif code == "mo" and rng.random() < 0.4:
            for adjective in rng.sample(ADJECTIVES, rng.randint(1, 3)):
                self._new(
                    muni,
                    4,
                    "территориальный отдел",
                    f"{adjective.m} территориальный отдел",
                    None,
                    "dept",
                    _settlement_forms(adjective, f"{adjective.m_gen} территориального отдела"),
                    custom=True,
                )

    def _settlements(self, muni: Place, a: Adjective) -> None:
        rng = self.rng
        count = rng.randint(5, 19)
        serial = {"1": 0, "4": 0, "7": 0}

        def code_of(digit: str) -> str:
            serial[digit] += 1
            return f"{muni.oktmo[:5]}{digit}{serial[digit]:02d}"

        if rng.random() < 0.45:  # the district's town is an urban settlement
            if rng.random() < 0.5:
                name, genitive = (
                    f"городское поселение город {a.town}",
                    f"городского поселения город {a.town}",
                )
            else:
                name, genitive = f"рабочий посёлок {a.town}", f"рабочего посёлка {a.town}"
            self._new(
                muni,
                4,
                "городское поселение",
                name,
                code_of("1"),
                "urban",
                _settlement_forms(a, genitive),
            )
            count -= 1
        for adjective in rng.sample(ADJECTIVES, count):
            if rng.random() < 0.5:
                name, genitive = (
                    f"{adjective.n} сельское поселение",
                    f"{adjective.m_gen} сельского поселения",
                )
            else:
                name, genitive = f"{adjective.m} сельсовет", f"{adjective.m_gen} сельсовета"
            self._new(
                muni,
                4,
                "сельское поселение",
                name,
                code_of("4"),
                "rural",
                _settlement_forms(adjective, genitive),
            )
        if rng.random() < 0.05:
            self._new(
                muni,
                4,
                "межселенная территория",
                f"Межселенная территория {a.m_gen} муниципального района",
                code_of("7"),
                "inter",
                _settlement_forms(a, ""),
            )


def _settlement_forms(a: Adjective, genitive: str) -> dict[str, str]:
    return {"settl_g": genitive, "sm": a.m, "sn": a.n, "sf": a.f, "stown": a.town}
