"""What the public directory shows: the live pages of a scope, with nothing personal.

A page carries its organisation's full and short name, territory, spheres, network, canonical
URL and title. The responsible person, phones, e-mails, notes, ОГРН/ИНН and the training
records never leave the catalogue through here: the columns read below are the whole list.
The scope (territory subtree, spheres) is resolved as for the ministry reports
(:mod:`editor.exchange.reports.scope`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from json.encoder import encode_basestring as _json_string  # the C encoder
from urllib.parse import urlsplit

from editor.core import normalize as nz
from editor.core.search import sphere_ids_with_children, territory_condition
from editor.core.urls import network_of_host
from editor.db.models import LEVEL_INDEX, LEVELS, Organization, Page, Sphere, db
from editor.exchange.directory.search import Entry, words
from editor.exchange.reports import scope as es

REGION = LEVEL_INDEX["region"]
MUNICIPALITY = LEVEL_INDEX["municipality"]
_NETWORK_ORDER = {network: index for index, network in enumerate(nz.NETWORKS)}
# The order of the values in directory.json's arrays (declared in the file as "fields").
FIELDS = {
    "organizations": ("name", "short_name", "spheres"),
    "pages": ("organization", "territory", "network", "url", "title"),
}


@dataclass(frozen=True)
class Place:
    """A territory of the directory; `parent` is an index into the same list."""

    name: str
    path: str  # names from the region down, «Курганская область/Кетовский муниципальный округ»
    oktmo: str
    level: str
    parent: int | None
    depth: int


@dataclass(frozen=True)
class Body:
    """An organisation of the directory; indexes into the places and the spheres."""

    name: str
    short_name: str
    territory: int
    spheres: tuple[int, ...]


@dataclass(frozen=True)
class Listing:
    """One page of the directory; `organization` is an index into the organisations."""

    organization: int
    network: str
    url: str
    title: str  # "" when it says nothing beyond the organisation's names (see public_title)


@dataclass
class Directory:
    """Everything `publish` writes and `lookup` ranks, in the directory's own order."""

    generated: dt.date
    scope: str
    places: list[Place] = field(default_factory=list)
    spheres: list[tuple[str, int | None]] = field(default_factory=list)  # (name, parent index)
    organizations: list[Body] = field(default_factory=list)
    pages: list[Listing] = field(default_factory=list)

    def as_json(self) -> dict:
        """directory.json, schema 1 (see the README, «directory.json, схема 1»): `pages` has one
        entry per page, an array of FIELDS["pages"] that refers to the organisations and
        territories by their index; organisations are arrays of FIELDS["organizations"]. That
        keeps the nationwide directory under 60 MB (page objects repeating names took 120)."""
        return {
            "schema": 1,
            "generated": self.generated.isoformat(),
            "scope": self.scope,
            "fields": {key: list(names) for key, names in FIELDS.items()},
            "territories": self.as_json_territories(),
            "spheres": [{"name": name, "parent": parent} for name, parent in self.spheres],
            "organizations": [
                [body.name, body.short_name, list(body.spheres)] for body in self.organizations
            ],
            "pages": [
                [
                    page.organization,
                    self.organizations[page.organization].territory,
                    page.network,
                    page.url,
                    page.title,
                ]
                for page in self.pages
            ],
        }

    def json_text(self) -> str:
        """`as_json` serialised compactly, assembled directly: a nationwide directory has
        450,000 entries, and building them as lists first doubles the time."""
        text = _json_string

        def compact(value: object) -> str:
            return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

        parts = [
            '{"schema":1,"generated":',
            text(self.generated.isoformat()),
            ',"scope":',
            text(self.scope),
            ',"fields":',
            compact({key: list(names) for key, names in FIELDS.items()}),
            ',"territories":',
            compact(self.as_json_territories()),
            ',"spheres":',
            compact([{"name": name, "parent": parent} for name, parent in self.spheres]),
            ',"organizations":[',
            ",".join(
                f"[{text(body.name)},{text(body.short_name)},[{','.join(map(str, body.spheres))}]]"
                for body in self.organizations
            ),
            '],"pages":[',
        ]
        # An organisation's index and territory, once per organisation, not per page.
        heads = [f"[{index},{body.territory}," for index, body in enumerate(self.organizations)]
        parts.append(
            ",".join(
                f"{heads[page.organization]}{text(page.network)},{text(page.url)},"
                f"{text(page.title)}]"
                for page in self.pages
            )
        )
        parts.append("]}")
        return "".join(parts)

    def as_json_territories(self) -> list[dict]:
        """The "territories" list of directory.json."""
        return [
            {"name": p.name, "oktmo": p.oktmo, "level": p.level, "parent": p.parent}
            for p in self.places
        ]

    def entries(self) -> list[Entry]:
        """The pages as the query engine sees them (same order)."""
        places = [place_names(self.places, index) for index in range(len(self.places))]
        entries = []
        for order, page in enumerate(self.pages):
            body = self.organizations[page.organization]
            entries.append(
                Entry.of(
                    body.name,
                    body.short_name,
                    page.title,
                    places[body.territory],
                    self.places[body.territory].depth,
                    order,
                )
            )
        return entries


def public_title(title: str, name: str, short_name: str, known: set[str] | None = None) -> str:
    """The page's title when it says more than the organisation's names, else "" (most
    titles repeat the name; leaving them out keeps a nationwide directory.json small).
    `known`: the words of the names, when the caller has them already."""
    if not title or title == name or title == short_name:
        return ""
    own = words(title)
    if known is None:
        known = set(words(name)) | set(words(short_name))
    if not own or known.issuperset(own):
        return ""
    return title


def place_names(places: Sequence[Place], index: int) -> list[str]:
    """The names a page is found by besides its own: its territory and, below a municipality,
    the municipality above it (the page's ``placeNames``)."""
    place = places[index]
    names = [place.name]
    level = LEVEL_INDEX.get(place.level, 0)
    parent = place.parent
    while level > MUNICIPALITY and parent is not None:
        up = places[parent]
        level = LEVEL_INDEX.get(up.level, 0)
        if level == MUNICIPALITY:
            names.append(up.name)
        parent = up.parent
    return names


def safe_link(url: str) -> bool:
    """Whether `url` may become a link: http(s) to one of the known networks' hosts."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return False
    return network_of_host(parts.hostname) is not None


def _path(tree: es.Tree, tid: int) -> str:
    chain: list[str] = []
    node: int | None = tid
    while node is not None and (tree.level[node] >= REGION or node == tid):
        chain.append(tree.name[node])
        node = tree.parent[node]
    return "/".join(reversed(chain))


class _Places:
    """Builds the place list: a territory with pages brings all its ancestors, parents first."""

    def __init__(self, tree: es.Tree) -> None:
        self.tree = tree
        self.index: dict[int, int] = {}
        self.places: list[Place] = []

    def __call__(self, tid: int) -> int:
        found = self.index.get(tid)
        if found is not None:
            return found
        tree = self.tree
        up = tree.parent[tid]
        parent = None if up is None else self(up)
        self.index[tid] = len(self.places)
        self.places.append(
            Place(
                tree.name[tid],
                _path(tree, tid),
                tree.oktmo[tid],
                LEVELS[tree.level[tid]],
                parent,
                tree.depth[tid],
            )
        )
        return self.index[tid]


def _sphere_table() -> dict[int, tuple[str, int | None]]:
    return {
        s.id: (s.name, s.parent_id) for s in Sphere.select(Sphere.id, Sphere.name, Sphere.parent)
    }


def _sphere(
    sid: int,
    table: dict[int, tuple[str, int | None]],
    index: dict[int, int],
    out: list[tuple[str, int | None]],
) -> int:
    """The sphere's index in the directory's list, adding it (after its parent) when new."""
    found = index.get(sid)
    if found is None:
        name, parent = table[sid]
        up = _sphere(parent, table, index, out) if parent in table else None
        found = index[sid] = len(out)
        out.append((name, up))
    return found


def _rows(territory_id: int | None, sphere_ids: Sequence[int]) -> list[tuple]:
    """(page id, network, url, title, organisation id, territory, name, short name, spheres…)
    of the live pages of the scope, in no particular order. The only columns read."""
    query = (
        Page.select(
            Page.id,
            Page.network,
            Page.url,
            Page.title,
            Organization.id,
            Organization.territory,
            Organization.full_name,
            Organization.short_name,
            Organization.sphere1,
            Organization.sphere2,
            Organization.sphere3,
        )
        .join(Organization, on=Page.organization == Organization.id)
        .where(Page.deleted_at.is_null() & Organization.deleted_at.is_null() & (Page.url != ""))
    )
    scope = territory_condition(Page.territory, territory_id)
    if scope is not None:
        query = query.where(scope)
    if sphere_ids:
        ids = sphere_ids_with_children(tuple(sphere_ids))
        query = query.where(
            Organization.sphere1.in_(ids)
            | Organization.sphere2.in_(ids)
            | Organization.sphere3.in_(ids)
        )
    return es.raw_rows(query)


def collect(
    territory_id: int | None = None,
    sphere_ids: Sequence[int] = (),
    *,
    scope_text: str = "",
    today: dt.date | None = None,
    progress: Callable[..., None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> Directory:
    """The live pages of a territory subtree and spheres (None: the whole catalogue), in the
    order of the reports: territory tree, organisation name, network."""
    cancelled = is_cancelled or (lambda: False)
    with db.atomic():  # one snapshot
        tree = es.Tree.load()
        spheres = _sphere_table()
        rows = _rows(territory_id, sphere_ids)
    if cancelled():
        raise es.Cancelled
    index = tree.index
    rows.sort(key=lambda r: (index[r[5]], r[6].casefold(), r[4], _NETWORK_ORDER.get(r[1], 9), r[0]))
    if cancelled():
        raise es.Cancelled
    directory = Directory(today or dt.date.today(), scope_text)
    places = _Places(tree)
    sphere_index: dict[int, int] = {}
    bodies: dict[int, int] = {}
    pages = directory.pages
    organizations = directory.organizations
    known: set[str] | None = None  # the words of the current organisation's names
    for _page, network, url, title, org_id, territory, name, short, *own in rows:
        url = url.strip()
        if not url:
            continue
        body = bodies.get(org_id)
        if body is None:
            found = [
                sphere_index[sphere]
                if sphere in sphere_index
                else _sphere(sphere, spheres, sphere_index, directory.spheres)
                for sphere in own
                if sphere in spheres
            ]
            body = bodies[org_id] = len(organizations)
            organizations.append(Body(name or "", short or "", places(territory), tuple(found)))
            known = None
        if title and title != name and title != short:
            if known is None:
                known = set(words(name)) | set(words(short))
            title = public_title(title, name or "", short or "", known)
        else:
            title = ""
        pages.append(Listing(body, network or "other", url, title))
    if progress is not None:
        progress(len(pages), len(pages), "")
    directory.places = places.places
    return directory
