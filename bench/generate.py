"""The benchmark's nationwide catalogue: deterministic for a seed, written in bulk.

``generate(path)`` starts from ``init_catalogue`` (the 89 real subjects), adds ~2,600
municipalities, ~17,000 settlements and a few hundred custom nodes (`bench.places`),
~150,000 organisations (`bench.templates`), 300,000 pages and 12 monthly subscriber counts per
page. Each table goes in with one ``executemany`` inside one transaction; the file is built
under a temporary name and renamed when complete, so an interrupted run leaves nothing behind.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import time
from array import array
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from bench import vocabulary as vocab
from bench.places import Place, PlaceBuilder
from bench.templates import (
    MUNI_FIXED,
    NUMBERED,
    ORG_TYPES,
    REGION_FIXED,
    SETTLEMENT_FIXED,
    Template,
)
from editor.core import normalize as nz
from editor.core.catalogue import init_catalogue
from editor.core.changelog import SYSTEM, record
from editor.db.database import close_catalogue
from editor.db.models import (
    LEVEL_INDEX,
    Organization,
    Page,
    Sphere,
    SubscriberCount,
    Territory,
    db,
)

# Bump when the generated content changes, so that cached catalogues are rebuilt.
GENERATOR_VERSION = 1
# The latest monthly count; fixed so that the file does not depend on the day it is built.
END_DATE = dt.date(2025, 11, 1)

DROP_INDEXES = False
Progress = Callable[[str], None]
# The networks after VK, in the order an organisation adds them.
_NETWORK_ORDERS = (("ok", "telegram", "max"), ("telegram", "ok", "max"), ("max", "ok", "telegram"))
_EXEMPTIONS = ("Ликвидация", "Преобразование", "Реорганизация в форме присоединения",
               "Распоряжение администрации № {n}-р")
_STATUS_VK = (("flagship", 0.04), ("active", 0.62), ("card", 0.28), ("excluded", 0.04))
_STATUS_OTHER = (("active", 0.5), ("card", 0.4), ("excluded", 0.07))
_NETWORK_AUDIENCE = {"vk": 1.0, "ok": 0.55, "telegram": 0.3, "max": 0.4}


def generate(path: str | Path, *, regions: int = 89, pages: int = 300_000, months: int = 12,
             seed: int = 1, progress: Progress | None = None) -> dict:
    """Build the catalogue file at `path` (replacing it); return counts and stage timings."""
    if pages < 1 or months < 1 or regions < 1:
        raise ValueError("regions, pages and months must be positive")
    path = Path(path)
    temporary = path.with_name(path.name + ".tmp")
    _remove(temporary)
    say = progress or (lambda message: None)
    started = time.perf_counter()
    stages: dict[str, float] = {}

    def stage(name: str, since: float) -> float:
        now = time.perf_counter()
        stages[name] = round(now - since, 3)
        say(f"{name}: {now - since:.1f} с")
        return now

    init_catalogue(temporary)
    try:
        connection = db.connection()
        # Nothing else reads the file before it is renamed: durability and key checks can wait
        # until the end (check_catalogue() in the tests verifies the keys).
        connection.execute("PRAGMA synchronous = OFF")
        connection.execute("PRAGMA foreign_keys = OFF")
        connection.execute("PRAGMA cache_size = -262144")
        rng = random.Random(seed)
        mark = time.perf_counter()
        places = _territories(rng, regions)
        mark = stage("territories", mark)
        writer = _CatalogueWriter(rng, places, pages, months)
        writer.write_organizations()
        mark = stage("organizations", mark)
        writer.write_pages()
        mark = stage("pages", mark)
        writer.write_counts()
        mark = stage("subscriber counts", mark)
        counts = _counts(regions, pages, months, writer)
        with db.atomic():
            record("catalogue", 0, "create", SYSTEM, "bench", None,
                   f"generated: seed {seed}, {counts['pages']} pages")
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("PRAGMA synchronous = NORMAL")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        close_catalogue()
    _remove(path)
    os.replace(temporary, path)
    stage("finish", mark)
    return {
        "seconds": round(time.perf_counter() - started, 3),
        "stages": stages,
        "counts": counts,
        "params": {"regions": regions, "pages": pages, "months": months, "seed": seed},
        "generator_version": GENERATOR_VERSION,
    }


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def _insert(model, rows: Iterable[tuple]) -> int:
    """INSERT every row through one prepared statement, in one transaction.

    The table's secondary indexes are dropped first and built again afterwards: one sort per
    index instead of millions of random B-tree inserts.
    """
    fields = model._meta.sorted_fields
    sql, _ = model.insert({f: None for f in fields}).sql()
    connection = db.connection()
    with db.atomic():
        indexes = connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ?"
            " AND sql IS NOT NULL", (model._meta.table_name,)).fetchall()
        if DROP_INDEXES:
            for name, _ in indexes:
                connection.execute(f'DROP INDEX "{name}"')
        cursor = connection.executemany(sql, rows)
        if DROP_INDEXES:
            for _, create in indexes:
                connection.execute(create)
    return cursor.rowcount


def _columns(model) -> tuple[str, ...]:
    return tuple(f.column_name for f in model._meta.sorted_fields)


def _expect(model, columns: tuple[str, ...]) -> None:
    """Rows are built as positional tuples: fail loudly when the model's columns change."""
    if _columns(model) != columns:
        raise RuntimeError(f"bench.generate is out of date with the {model.__name__} model: "
                           f"expected {columns}, found {_columns(model)}")


def _territories(rng: random.Random, regions: int) -> list[Place]:
    """Add municipalities, settlements and custom nodes under the first `regions` subjects."""
    subjects = list(
        Territory.select(Territory.id, Territory.name, Territory.kind, Territory.oktmo)
        .where(Territory.level == LEVEL_INDEX["region"]).order_by(Territory.id).tuples()
    )[:regions]
    last_id = Territory.select(Territory.id).order_by(Territory.id.desc()).scalar()
    builder = PlaceBuilder(rng, last_id + 1)
    roots = [builder.region(*subject) for subject in subjects]
    _expect(Territory, ("id", "parent_id", "level", "kind", "name", "name_key", "oktmo",
                        "position", "custom"))
    _insert(Territory, (
        (p.id, p.parent_id, p.level, p.kind, p.name, nz.territory_key(p.name), p.oktmo,
         p.position, int(p.custom))
        for p in builder.places
    ))
    return roots


class _Folds:
    """fold_text with a cache: organisation names and titles repeat across municipalities."""

    def __init__(self) -> None:
        self.cache: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        folded = self.cache.get(text)
        if folded is None:
            folded = self.cache[text] = nz.fold_text(text)
        return folded


class _CatalogueWriter:
    """Organisations, pages and counts for the generated tree, written table by table."""

    def __init__(self, rng: random.Random, regions: list[Place], pages: int, months: int) -> None:
        self.rng = rng
        self.regions = regions
        self.pages = pages
        self.months = months
        self.target_organizations = max(1, pages // 2)
        self.spheres = dict(Sphere.select(Sphere.name, Sphere.id).tuples())
        self.fold = _Folds()
        # Per organisation, what its pages need: (id, territory id, template, name, full name,
        # short name, ОГРН, town, pages).
        self.organizations: list[tuple] = []
        self.finals = array("q")
        self.municipalities = 0
        self.settlements = 0
        self.custom = 0

    # --- organisations ------------------------------------------------------------------

    def _plan(self) -> Iterator[tuple[Template, Place, Place | None, Place | None, bool]]:
        """(template, territory, municipality, settlement, placed in a village) in id order."""
        rng = self.rng
        fixed_region: dict[int, list] = {}
        fixed_muni: dict[int, list] = {}
        total_fixed = 0
        for region in self.regions:
            fixed_region[region.id] = [t for t in REGION_FIXED if rng.random() < t.weight]
            total_fixed += len(fixed_region[region.id])
            for muni in region.children:
                self.municipalities += 1
                specs = [(t, muni, muni, None, False) for t in MUNI_FIXED
                         if _fits(t, muni.code) and rng.random() < t.weight]
                for place in muni.children:
                    self.settlements += place.code != "dept"
                    self.custom += place.custom
                    specs.extend((t, place, muni, place, False) for t in SETTLEMENT_FIXED
                                 if _fits(t, place.code) and rng.random() < t.weight)
                fixed_muni[muni.id] = specs
                total_fixed += len(specs)
        remaining = self.target_organizations - total_fixed
        keep: set[int] | None = None
        if remaining < 0:  # a small run: a sample of the fixed organisations
            keep = set(rng.sample(range(total_fixed), self.target_organizations))
            remaining = 0
        shares = _apportion(remaining, [(m, _muni_weight(m)) for r in self.regions
                                        for m in r.children])
        index = 0
        for region in self.regions:
            for template in fixed_region[region.id]:
                if keep is None or index in keep:
                    yield template, region, None, None, False
                index += 1
            for muni in region.children:
                specs = fixed_muni[muni.id]
                settlement_specs = [s for s in specs if s[3] is not None]
                for spec in (s for s in specs if s[3] is None):
                    if keep is None or index in keep:
                        yield spec
                    index += 1
                yield from self._numbered(muni, shares.get(muni.id, 0))
                for spec in settlement_specs:
                    if keep is None or index in keep:
                        yield spec
                    index += 1

    def _numbered(self, muni: Place, count: int) -> Iterator[tuple]:
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

    def write_organizations(self) -> None:
        """Insert the organisations (one transaction) and keep what their pages need."""
        _expect(Organization, (
            "id", "territory_id", "full_name", "short_name", "name_key", "ogrn", "inn",
            "founder", "org_type", "sphere1_id", "sphere2_id", "sphere3_id", "exemption",
            "responsible", "responsible_position", "responsible_phone", "responsible_email",
            "notes", "source", "batch_id", "deleted_at"))
        _insert(Organization, self._organization_rows())
        self._page_counts()

    def _organization_rows(self) -> Iterator[tuple]:
        rng = self.rng
        counters: dict[tuple[int, str], int] = {}
        used: dict[tuple[int, str], int] = {}
        exempt_share = 0.01 if self.target_organizations >= 1000 else 0.0
        for index, (template, place, muni, settlement, village) in enumerate(self._plan()):
            context = dict(_region_of(place).forms)
            if muni is not None:
                context.update(muni.forms)
            if settlement is not None:
                context.update(settlement.forms)
            if template.name.count("{num}") and not village:
                key = (muni.id, template.counter or template.slug)
                counters[key] = counters.get(key, 0) + 1
                context["num"] = str(counters[key])
            context["nick"] = rng.choice(vocab.NICKNAMES)
            context["paper"] = rng.choice(vocab.NEWSPAPERS)
            context["sport"] = rng.choice(vocab.SPORT_NAMES)
            pattern, short_pattern = (
                (template.village, template.village_short) if village
                else (template.name, template.short))
            name = pattern.format_map(context)
            seen = used.get((place.id, name), 0)
            used[(place.id, name)] = seen + 1
            if seen:  # a second school of the same village: «… школа № 2»
                name = f"{name} № {seen + 1}"
            full, short = _legal_names(rng, template.org_type, name,
                                       short_pattern.format_map(context))
            organization_id = index + 1
            ogrn, inn = _registry_numbers(rng, organization_id, place, muni)
            founder = template.founder.format_map(context) if template.founder else ""
            exemption = ""
            if rng.random() < exempt_share:
                exemption = rng.choice(_EXEMPTIONS).format(n=rng.randint(10, 999))
            responsible = position = phone = email = ""
            if not exemption and rng.random() < 0.7:
                responsible = vocab.person(rng)
                position = rng.choice(vocab.POSITIONS)
                phone = (f"+7 ({rng.randint(300, 499)}) {rng.randint(200, 999)}-"
                         f"{rng.randint(10, 99)}-{rng.randint(10, 99)}")
                email = f"{template.slug}{organization_id}@{rng.choice(vocab.MAIL_DOMAINS)}"
            spheres = [self.spheres[s] for s in (template.sphere1, template.sphere2) if s]
            self.organizations.append(
                (organization_id, place.id, template, name, full, short, ogrn or "",
                 context.get("stown" if settlement else "town", context.get("cap", "")),
                 0 if exemption else 1))
            yield (organization_id, place.id, full, short, self.fold(full), ogrn, inn, founder,
                   template.org_type, spheres[0] if spheres else None,
                   spheres[1] if len(spheres) > 1 else None, None, exemption, responsible,
                   position, phone, email, "", "", None, None)

    def _page_counts(self) -> None:
        """Pages per organisation (1–4; large audiences keep more networks), summing exactly."""
        rng = self.rng
        organizations = self.organizations
        counts = array("b")
        for info in organizations:
            if not info[8]:
                counts.append(0)
                continue
            audience = info[2].audience
            weights = ((5, 25, 35, 35) if audience >= 3000 else
                       (30, 45, 15, 10) if audience >= 700 else (45, 40, 10, 5))
            counts.append(rng.choices((1, 2, 3, 4), weights)[0])
        difference = self.pages - sum(counts)
        order = [i for i in range(len(counts)) if counts[i]]
        rng.shuffle(order)
        while difference and order:
            for i in order:
                if difference > 0 and counts[i] < 4:
                    counts[i] += 1
                    difference -= 1
                elif difference < 0 and counts[i] > 1:
                    counts[i] -= 1
                    difference += 1
                if not difference:
                    break
        if difference:
            raise ValueError(f"cannot place {self.pages} pages on {len(order)} organisations")
        self.organizations = [(*info[:8], counts[i]) for i, info in enumerate(organizations)]

    # --- pages ----------------------------------------------------------------------------

    def write_pages(self) -> None:
        """Insert the pages (one transaction); their latest counts are kept for the history."""
        _expect(Page, (
            "id", "organization_id", "territory_id", "network", "url", "url_key", "network_id",
            "title", "status", "connected", "gosmark", "widgets", "pos_problem", "pos_opinion",
            "enrolment", "appointment", "design", "activity", "weekly_reach", "post_reach",
            "subscribers", "subscribers_date", "notes", "source", "batch_id", "search_key",
            "deleted_at"))
        _insert(Page, self._page_rows())

    def _page_rows(self) -> Iterator[tuple]:
        rng = self.rng
        random_ = rng.random
        fold = self.fold
        latest = END_DATE.isoformat()
        page_id = 0
        for organization_id, territory_id, template, name, full, short, ogrn, town, count in (
            self.organizations
        ):
            if not count:
                continue
            networks = ("vk", *rng.choice(_NETWORK_ORDERS))[:count]
            org_key = f"{fold(full)} {fold(short)}"
            for network in networks:
                page_id += 1
                url, network_id = _address(network, template.slug, page_id, random_)
                draw = random_()
                title = (short if draw < 0.5 else name if draw < 0.8 else f"{name} | {town}")
                subscribers = int(template.audience * _NETWORK_AUDIENCE[network]
                                  * rng.lognormvariate(0, 0.8))
                self.finals.append(subscribers)
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
                # fold_text of the parts joined by spaces equals the joined folds (each part is
                # non-empty after folding); the URL is lower-case ASCII already.
                search_key = " ".join(
                    part for part in (fold(title), org_key, url, ogrn) if part)
                yield (
                    page_id, organization_id, territory_id, network, url, url, network_id,
                    title, _pick(random_(), _STATUS_VK if network == "vk" else _STATUS_OTHER),
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
                )

    # --- subscriber history ---------------------------------------------------------------

    def write_counts(self) -> None:
        """Insert `months` monthly counts per page, the last equal to the page's subscribers."""
        _expect(SubscriberCount, ("id", "page_id", "date", "count", "batch_id"))
        _insert(SubscriberCount, self._count_rows())

    def _count_rows(self) -> Iterator[tuple]:
        rng = self.rng
        months = self.months
        dates = [_month(END_DATE, months - 1 - k).isoformat() for k in range(months)]
        # Month-to-month wobble shapes; the last month is exact.
        shapes = [[rng.uniform(-1, 1) for _ in range(months - 1)] + [0.0] for _ in range(64)]
        steps = [k / (months - 1) if months > 1 else 1.0 for k in range(months)]
        row_id = 0
        for index, final in enumerate(self.finals):
            page_id = index + 1
            growth = rng.uniform(0.85, 1.35)
            start = final / growth
            shape = shapes[index & 63]
            wobble = 0.02 * final
            for k in range(months):
                row_id += 1
                value = start + (final - start) * steps[k] + wobble * shape[k]
                yield row_id, page_id, dates[k], max(0, round(value)), None


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
    for pid, x in sorted(exact, key=lambda item: (int(item[1]) - item[1], item[0]))[:left]:
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


def _registry_numbers(rng: random.Random, organization_id: int, place: Place,
                      muni: Place | None) -> tuple[str | None, str | None]:
    """A valid, unique ОГРН and ИНН (3% unknown), region digits from the subject's ОКТМО."""
    if rng.random() < 0.03:
        return None, None
    region = _region_of(place).oktmo[:2]
    first = f"1{rng.randint(2, 24):02d}{region}{organization_id:07d}"
    ogrn = first + str(int(first) % 11 % 10)
    stem = f"{region}{organization_id:07d}"
    weights = (2, 4, 10, 3, 5, 9, 4, 6, 8)
    inn = stem + str(sum(w * int(d) for w, d in zip(weights, stem, strict=True)) % 11 % 10)
    return ogrn, inn


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
    for value, share in table:
        draw -= share
        if draw < 0:
            return value
    return None


def _month(end: dt.date, back: int) -> dt.date:
    index = end.year * 12 + end.month - 1 - back
    return dt.date(index // 12, index % 12 + 1, 1)


def _counts(regions: int, pages: int, months: int, writer: _CatalogueWriter) -> dict[str, int]:
    return {
        "regions": regions,
        "municipalities": writer.municipalities,
        "settlements": writer.settlements,
        "custom": writer.custom,
        "organizations": len(writer.organizations),
        "pages": pages,
        "subscriber_counts": pages * months,
    }
