"""The two-level sphere dictionary: reading, matching names and aliases, editing."""

from __future__ import annotations

from editor.core import normalize as nz
from editor.core.changelog import MANUAL, Origin, record
from editor.core.i18n import tr
from editor.db.models import Organization, Sphere, db


class SphereError(ValueError):
    """A refused sphere change; str() is a Russian message."""


def all_spheres() -> list[Sphere]:
    """Every sphere, parents before their children, in dictionary order."""
    spheres = list(Sphere.select().order_by(Sphere.position, Sphere.id))
    tops = [s for s in spheres if s.parent_id is None]
    ordered: list[Sphere] = []
    for top in tops:
        ordered.append(top)
        ordered.extend(s for s in spheres if s.parent_id == top.id)
    return ordered


def labels() -> dict[int, str]:
    """Sphere id → display name («Образование / Школы» for a child)."""
    spheres = {s.id: s for s in Sphere.select()}
    return {
        sphere_id: (f"{spheres[s.parent_id].name} / {s.name}" if s.parent_id else s.name)
        for sphere_id, s in spheres.items()
    }


def matcher() -> dict[str, int]:
    """Folded name or alias → sphere id, for import; a child's own name wins over a parent's alias."""
    keys: dict[str, int] = {}
    spheres = list(Sphere.select().order_by(Sphere.parent.is_null(False), Sphere.id))
    for sphere in spheres:
        for name in [sphere.name, *filter(None, sphere.aliases.split("\n"))]:
            keys[nz.fold_text(name)] = sphere.id
    return keys


def find(name: str) -> int | None:
    """The sphere named `name` (or one of its aliases), or None."""
    return matcher().get(nz.fold_text(name))


def create(
    name: str,
    parent_id: int | None = None,
    aliases: list[str] | None = None,
    origin: Origin = MANUAL,
) -> Sphere:
    """Add a sphere (top level or under a top-level one)."""
    name = " ".join(name.split())
    if not name:
        raise SphereError(tr("Название сферы не может быть пустым"))
    if parent_id is not None:
        parent = Sphere.get_or_none(Sphere.id == parent_id)
        if parent is None or parent.parent_id is not None:
            raise SphereError(tr("Сфера может входить только в сферу верхнего уровня"))
    if find(name) is not None:
        raise SphereError(tr("Сфера «{name}» уже есть").format(name=name))
    position = Sphere.select().count()
    with db.atomic():
        sphere = Sphere.create(
            name=name,
            name_key=nz.fold_text(name),
            parent=parent_id,
            aliases="\n".join(aliases or []),
            position=position,
        )
        record("sphere", sphere.id, "create", origin, "name", None, name)
    return sphere


def rename(sphere_id: int, name: str, origin: Origin = MANUAL) -> str:
    """Rename a sphere; the old name becomes an alias; return the old name."""
    sphere = Sphere.get_by_id(sphere_id)
    name = " ".join(name.split())
    if not name:
        raise SphereError(tr("Название сферы не может быть пустым"))
    old = sphere.name
    aliases = [a for a in sphere.aliases.split("\n") if a and a != name]
    if old not in aliases:
        aliases.append(old)
    with db.atomic():
        Sphere.update(name=name, name_key=nz.fold_text(name), aliases="\n".join(aliases)).where(
            Sphere.id == sphere_id
        ).execute()
        record("sphere", sphere_id, "update", origin, "name", old, name)
    return old


def delete(sphere_id: int, origin: Origin = MANUAL) -> None:
    """Delete an unused sphere; refuse when organisations use it or its children."""
    ids = [sphere_id, *[s.id for s in Sphere.select().where(Sphere.parent == sphere_id)]]
    used = (
        Organization.select()
        .where(
            Organization.sphere1.in_(ids)
            | Organization.sphere2.in_(ids)
            | Organization.sphere3.in_(ids)
        )
        .count()
    )
    if used:
        raise SphereError(tr("Сфера используется в {count} организациях").format(count=used))
    with db.atomic():
        Sphere.delete().where(Sphere.id.in_(ids)).execute()
        record("sphere", sphere_id, "delete", origin)
