"""Creating a new catalogue: Russia, the federal districts, the subjects and the spheres."""

from __future__ import annotations

from pathlib import Path

from editor.core import normalize as nz
from editor.core.opening import CatalogueError, describe, open_catalogue
from editor.core.seed import iter_spheres, load_sphere_seed, load_territory_seed
from editor.db import dialect
from editor.db.models import LEVEL_INDEX, Sphere, Territory, TerritoryAlias, db


def init_catalogue(path: str | Path) -> None:
    """Create a catalogue file (or one in an empty server database) with the built-in
    territories and sphere dictionary."""
    if dialect.is_server(path):
        open_catalogue(path, create=True)
        if Territory.select().exists():
            error = CatalogueError("server_exists", dialect.describe(str(path)))
            describe(error)
            raise error
        seed_catalogue()
        return
    path = Path(path)
    if path.exists() and path.stat().st_size > 0:
        error = CatalogueError("exists", path)
        describe(error)
        raise error
    open_catalogue(path, create=True)
    seed_catalogue()


def seed_catalogue() -> None:
    """Fill an empty catalogue with the seed data (one transaction)."""
    territories = load_territory_seed()
    spheres = load_sphere_seed()
    with db.atomic():
        if Territory.select().exists():
            return
        country = territories["country"]
        root = _add(
            None,
            country["name"],
            "country",
            country.get("kind", ""),
            None,
            0,
            country.get("aliases", []),
        )
        for d_index, district in enumerate(territories["federal_districts"]):
            node = _add(
                root,
                district["name"],
                "federal_district",
                "федеральный округ",
                None,
                d_index,
                [*district.get("aliases", []), district.get("short", "")],
            )
            for s_index, subject in enumerate(district["subjects"]):
                _add(
                    node,
                    subject["name"],
                    "region",
                    subject.get("kind", ""),
                    subject["oktmo"],
                    s_index,
                    subject.get("aliases", []),
                )
        position = 0
        ids: dict[str, int] = {}
        for parent, sphere in iter_spheres(spheres):
            created = Sphere.create(
                name=sphere["name"],
                name_key=nz.fold_text(sphere["name"]),
                parent=ids[parent["name"]] if parent else None,
                aliases="\n".join(sphere.get("aliases", [])),
                position=position,
            )
            position += 1
            if parent is None:
                ids[sphere["name"]] = created.id


def _add(
    parent: int | None,
    name: str,
    level: str,
    kind: str,
    oktmo: str | None,
    position: int,
    aliases: list[str],
) -> int:
    territory = Territory.create(
        parent=parent,
        level=LEVEL_INDEX[level],
        kind=kind,
        name=name,
        name_key=nz.territory_key(name),
        oktmo=oktmo,
        position=position,
        custom=False,
    )
    for alias in dict.fromkeys(a for a in aliases if a):
        TerritoryAlias.create(territory=territory.id, name=alias, name_key=nz.territory_key(alias))
    return territory.id
