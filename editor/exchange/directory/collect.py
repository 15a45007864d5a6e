"""What the public directory shows: the live pages of a scope, with nothing personal.

A page carries its organisation's full and short name, territory, spheres, network, canonical
URL and title. The responsible person, phones, e-mails, notes, ОГРН/ИНН and the training
records never leave the catalogue through here: the columns read below are the whole list.
The scope (territory subtree, spheres) is resolved as for the ministry reports
(:mod:`editor.exchange.export_scope`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from editor.core import normalize as nz
from editor.core.search import PageFilter
from editor.core.urls import network_of_host
from editor.db.models import LEVEL_INDEX, LEVELS, Sphere, db
from editor.exchange import export_scope as es
from editor.exchange.directory.search import Entry, words

REGION = LEVEL_INDEX["region"]
MUNICIPALITY = LEVEL_INDEX["municipality"]
_NETWORK_ORDER = {network: index for index, network in enumerate(nz.NETWORKS)}


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
        """directory.json, schema 1 (see docs/directory.md). Empty optional texts are left
        out, and organisations are listed once for all their pages: that halves the file."""
        organizations = []
        for body in self.organizations:
            item: dict = {"name": body.name}
            if body.short_name:
                item["short_name"] = body.short_name
            item["territory"] = body.territory
            item["spheres"] = list(body.spheres)
            organizations.append(item)
        pages = []
        for page in self.pages:
            entry: dict = {
                "organization": page.organization,
                "network": page.network,
                "url": page.url,
            }
            if page.title:
                entry["title"] = page.title
            pages.append(entry)
        return {
            "schema": 1,
            "generated": self.generated.isoformat(),
            "scope": self.scope,
            "territories": [
                {
                    "name": p.name,
                    "path": p.path,
                    "oktmo": p.oktmo,
                    "level": p.level,
                    "parent": p.parent,
                }
                for p in self.places
            ],
            "spheres": [{"name": name, "parent": parent} for name, parent in self.spheres],
            "organizations": organizations,
            "pages": pages,
        }

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


def public_title(title: str, name: str, short_name: str) -> str:
    """The page's title when it says more than the organisation's names, else "" (most
    titles repeat the name; leaving them out keeps a nationwide directory.json small)."""
    own = words(title)
    if not own or set(own) <= set(words(name)) | set(words(short_name)):
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


def collect(
    territory_id: int | None = None,
    sphere_ids: Sequence[int] = (),
    *,
    scope_text: str = "",
    today: dt.date | None = None,
    progress: Callable[..., None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> Directory:
    """The live pages of a territory subtree and spheres (None: the whole catalogue)."""
    with db.atomic():  # one snapshot
        tree = es.Tree.load()
        ctx = es.Context(
            filter=PageFilter(territory_id=territory_id, spheres=tuple(sphere_ids)),
            today=today or dt.date.today(),
            stale_days=0,
            scope_text=scope_text,
            tree=tree,
            progress=progress or (lambda done, total, text="": None),
            is_cancelled=is_cancelled or (lambda: False),
        )
        spheres = _sphere_table()
        directory = Directory(ctx.today, scope_text)
        places = _Places(tree)
        sphere_index: dict[int, int] = {}
        bodies: dict[int, int] = {}
        pages = directory.pages
        for page, org in es.iter_records(ctx, with_pageless=False):
            url = (page[es.P_URL] or "").strip() if page is not None else ""
            if not url:
                continue
            body = bodies.get(org[es.O_ID])
            if body is None:
                own = []
                for sphere in (org[es.O_SPHERE1], org[es.O_SPHERE2], org[es.O_SPHERE3]):
                    if sphere in spheres:
                        own.append(_sphere(sphere, spheres, sphere_index, directory.spheres))
                body = bodies[org[es.O_ID]] = len(directory.organizations)
                directory.organizations.append(
                    Body(
                        org[es.O_NAME] or "",
                        org[es.O_SHORT] or "",
                        places(org[es.O_TERRITORY]),
                        tuple(own),
                    )
                )
            name, short = org[es.O_NAME] or "", org[es.O_SHORT] or ""
            title = page[es.P_TITLE] or ""
            pages.append(
                Listing(body, page[es.P_NETWORK] or "other", url, public_title(title, name, short))
            )
            if len(pages) % 20000 == 0:
                ctx.check()
                ctx.progress(len(pages), 0, "")
    directory.places = places.places
    return directory
