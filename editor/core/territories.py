"""The territorial tree: reading, resolving names, and changes that keep the level order."""

from __future__ import annotations

from dataclasses import dataclass, field

from peewee import fn

from editor.core import normalize as nz
from editor.core.changelog import MANUAL, Origin, record, record_many
from editor.core.i18n import tr
from editor.db.models import LEVEL_INDEX, LEVELS, Organization, Page, Territory, TerritoryAlias, db


class TerritoryError(ValueError):
    """A territory operation that is refused; str() is a Russian message."""


def get(territory_id: int) -> Territory:
    """The territory with this id, or TerritoryError."""
    territory = Territory.get_or_none(Territory.id == territory_id)
    if territory is None:
        raise TerritoryError(tr("Территория {id} не найдена").format(id=territory_id))
    return territory


def root() -> Territory | None:
    """The top node (Российская Федерация), the first root by position."""
    return Territory.select().where(Territory.parent.is_null()).order_by(Territory.position).first()


def children(parent_id: int | None) -> list[Territory]:
    """Direct children in display order (position, then name)."""
    condition = Territory.parent.is_null() if parent_id is None else Territory.parent == parent_id
    return list(Territory.select().where(condition).order_by(Territory.position, Territory.name))


def child_counts(parent_ids: list[int]) -> dict[int, int]:
    """How many children each of `parent_ids` has (for lazy trees)."""
    query = (
        Territory.select(Territory.parent, fn.COUNT(Territory.id))
        .where(Territory.parent.in_(parent_ids))
        .group_by(Territory.parent)
        .tuples()
    )
    return dict(query)


# The ids of a territory and its descendants as a CTE named `sub` (one parameter: the
# territory's id), and as a query of them.
SUBTREE_CTE = (
    "sub(id) AS (SELECT ? UNION ALL SELECT t.id FROM territory t JOIN sub ON t.parent_id = sub.id)"
)
SUBTREE_SQL = f"WITH RECURSIVE {SUBTREE_CTE} SELECT id FROM sub"


def subtree_ids(territory_id: int) -> list[int]:
    """The ids of a territory and all its descendants."""
    return [row[0] for row in db.execute_sql(SUBTREE_SQL, (territory_id,))]


def ancestors(territory_id: int) -> list[Territory]:
    """The chain from the root down to the territory itself."""
    chain: list[Territory] = []
    node: Territory | None = get(territory_id)
    while node is not None:
        chain.append(node)
        node = Territory.get_or_none(Territory.id == node.parent_id) if node.parent_id else None
    return chain[::-1]


def path_of(territory_id: int) -> str:
    """The slash-separated path of names, e.g. «Российская Федерация/…/Кетовский муниципальный округ»."""
    return "/".join(node.name for node in ancestors(territory_id))


def level_name(territory: Territory) -> str:
    """The level's key (country, region, …)."""
    return LEVELS[territory.level]


_SUBJECT_WORDS = ("область", "край", "республика", "автономный округ", "автономная область")


def _keyed(name: str) -> str:
    return nz.territory_key(name)


def find_by_name(name: str, within: int | None = None) -> list[Territory]:
    """Territories whose name or alias matches `name` by the DESIGN §3 rules, inside `within`."""
    key = _keyed(name)
    alias_ids = TerritoryAlias.select(TerritoryAlias.territory).where(
        TerritoryAlias.name_key == key
    )
    query = Territory.select().where((Territory.name_key == key) | (Territory.id.in_(alias_ids)))
    found = list(query.order_by(Territory.level, Territory.name))
    if not found and key:
        # «Курганская» names «Курганская область»: subjects keep their type word in the key.
        found = list(
            Territory.select().where(
                (Territory.level == LEVEL_INDEX["region"])
                & Territory.name_key.in_([f"{key} {word}" for word in _SUBJECT_WORDS])
            )
        )
    if within is not None:
        allowed = set(subtree_ids(within))
        found = [territory for territory in found if territory.id in allowed]
    return found


def resolve(spec: str, within: int | None = None) -> Territory:
    """A territory from an ОКТМО code, a unique name, or a path «A/B/C»; TerritoryError otherwise."""
    text = spec.strip()
    digits = text.replace("-", "").replace(" ", "")
    if digits.isdigit():
        found = Territory.get_or_none(Territory.oktmo == digits)
        if found is None and len(digits) < 8:
            found = Territory.get_or_none(Territory.oktmo == digits.ljust(8, "0"))
        if found is None:  # the code of a unit abolished into this one (a municipal reform)
            found = Territory.get_or_none(
                Territory.id.in_(
                    TerritoryAlias.select(TerritoryAlias.territory).where(
                        TerritoryAlias.name == digits
                    )
                )
            )
        if found is None:
            raise TerritoryError(
                tr("Территория с кодом ОКТМО {code} не найдена").format(code=digits)
            )
        return found
    parts = [part for part in text.split("/") if part.strip()]
    if not parts:
        raise TerritoryError(tr("Не указана территория"))
    candidates = find_by_name(parts[0], within)
    for part in parts[1:]:
        narrowed: list[Territory] = []
        for candidate in candidates:
            narrowed.extend(t for t in find_by_name(part, candidate.id) if t.id != candidate.id)
        candidates = narrowed
    unique = {candidate.id: candidate for candidate in candidates}
    if not unique:
        raise TerritoryError(tr("Территория «{name}» не найдена").format(name=spec))
    if len(unique) > 1:
        listed = "; ".join(path_of(t.id) for t in list(unique.values())[:10])
        raise TerritoryError(
            tr("Территория «{name}» неоднозначна, подходят: {candidates}").format(
                name=spec, candidates=listed
            )
        )
    return next(iter(unique.values()))


def level_counts(territory_id: int | None = None) -> dict[str, int]:
    """How many territories there are on each level, in the whole catalogue or a subtree."""
    query = Territory.select(Territory.level, fn.COUNT(Territory.id)).group_by(Territory.level)
    if territory_id is not None:
        query = query.where(Territory.id.in_(subtree_ids(territory_id)))
    counts = dict.fromkeys(LEVELS, 0)
    for level, count in query.tuples():
        counts[LEVELS[level]] = count
    return counts


def _next_position(parent_id: int | None) -> int:
    condition = Territory.parent.is_null() if parent_id is None else Territory.parent == parent_id
    top = Territory.select(fn.MAX(Territory.position)).where(condition).scalar()
    return 0 if top is None else top + 1


def create(
    parent_id: int | None,
    name: str,
    *,
    level: str | int | None = None,
    kind: str = "",
    oktmo: str | None = None,
    custom: bool = True,
    origin: Origin = MANUAL,
    territory_id: int | None = None,
) -> Territory:
    """Add a territory under `parent_id`; its level defaults to one below the parent's."""
    name = " ".join(name.split())
    if not name:
        raise TerritoryError(tr("Название территории не может быть пустым"))
    parent = get(parent_id) if parent_id is not None else None
    if isinstance(level, str):
        if level not in LEVEL_INDEX:
            raise TerritoryError(tr("Неизвестный уровень «{level}»").format(level=level))
        level = LEVEL_INDEX[level]
    if level is None:
        level = 0 if parent is None else min(parent.level + 1, len(LEVELS) - 1)
    if parent is not None and level <= parent.level:
        raise TerritoryError(
            tr("«{name}» не может входить в «{parent}»: уровень должен быть ниже").format(
                name=name, parent=parent.name
            )
        )
    if oktmo and Territory.select().where(Territory.oktmo == oktmo).exists():
        raise TerritoryError(tr("Код ОКТМО {code} уже занят").format(code=oktmo))
    with db.atomic():
        territory = Territory.create(
            id=territory_id,
            parent=parent,
            level=level,
            kind=kind,
            name=name,
            name_key=_keyed(name),
            oktmo=oktmo or None,
            position=_next_position(parent_id),
            custom=custom,
        )
        record("territory", territory.id, "create", origin, "name", None, name)
    return territory


def update(territory_id: int, origin: Origin = MANUAL, **changes: object) -> dict[str, object]:
    """Change name, kind or ОКТМО of a territory; return the old values of what changed."""
    territory = get(territory_id)
    old: dict[str, object] = {}
    for key, value in changes.items():
        if key not in ("name", "kind", "oktmo"):
            raise TerritoryError(key)
        if key == "name":
            value = " ".join(str(value).split())
            if not value:
                raise TerritoryError(tr("Название территории не может быть пустым"))
        if key == "oktmo":
            value = value or None
            clash = Territory.select().where(
                (Territory.oktmo == value) & (Territory.id != territory_id)
            )
            if value and clash.exists():
                raise TerritoryError(tr("Код ОКТМО {code} уже занят").format(code=value))
        if getattr(territory, key) != value:
            old[key] = getattr(territory, key)
            setattr(territory, key, value)
    if old:
        territory.name_key = _keyed(territory.name)
        with db.atomic():
            territory.save()
            record_many(
                [
                    ("territory", territory_id, "update", key, value, getattr(territory, key))
                    for key, value in old.items()
                ],
                origin,
            )
    return old


def add_alias(territory_id: int, name: str) -> bool:
    """Remember a former or colloquial name; False when it is already known."""
    name = " ".join(name.split())
    exists = (
        TerritoryAlias.select()
        .where((TerritoryAlias.territory == territory_id) & (TerritoryAlias.name == name))
        .exists()
    )
    if exists or not name:
        return False
    TerritoryAlias.create(territory=territory_id, name=name, name_key=_keyed(name))
    return True


def aliases(territory_id: int) -> list[str]:
    """The aliases of a territory."""
    query = TerritoryAlias.select(TerritoryAlias.name).where(
        TerritoryAlias.territory == territory_id
    )
    return [row.name for row in query.order_by(TerritoryAlias.name)]


def move(
    territory_id: int, new_parent_id: int, position: int | None = None, origin: Origin = MANUAL
) -> tuple[int | None, int]:
    """Move a territory under another; return its former (parent id, position) for undo."""
    node = get(territory_id)
    parent = get(new_parent_id)
    if new_parent_id in subtree_ids(territory_id):
        raise TerritoryError(
            tr("Нельзя переместить «{name}» внутрь самой себя").format(name=node.name)
        )
    if parent.level >= node.level:
        raise TerritoryError(
            tr("«{name}» ({level}) не может входить в «{parent}» ({parent_level})").format(
                name=node.name,
                level=level_label(node.level),
                parent=parent.name,
                parent_level=level_label(parent.level),
            )
        )
    former = (node.parent_id, node.position)
    with db.atomic():
        siblings = [c for c in children(new_parent_id) if c.id != territory_id]
        position = len(siblings) if position is None else max(0, min(position, len(siblings)))
        siblings.insert(position, node)
        for index, sibling in enumerate(siblings):
            if sibling.id != territory_id and sibling.position != index:
                Territory.update(position=index).where(Territory.id == sibling.id).execute()
        Territory.update(parent=new_parent_id, position=position).where(
            Territory.id == territory_id
        ).execute()
        record("territory", territory_id, "move", origin, "parent", former[0], new_parent_id)
    return former


def level_label(level: int) -> str:
    """The Russian name of a level."""
    labels = (
        tr("страна"),
        tr("федеральный округ"),
        tr("субъект РФ"),
        tr("муниципальное образование"),
        tr("поселение"),
        tr("населённый пункт"),
    )
    return labels[level]


@dataclass
class DeletedSubtree:
    """What delete() removed, so that undo can put it back with the same ids."""

    territories: list[dict] = field(default_factory=list)
    aliases: list[dict] = field(default_factory=list)
    moved_organizations: list[tuple[int, int]] = field(
        default_factory=list
    )  # (org id, old territory)


def delete(
    territory_id: int, reassign_to: int | None = None, origin: Origin = MANUAL
) -> DeletedSubtree:
    """Delete a territory with its subtree; records inside move to `reassign_to` or it refuses."""
    node = get(territory_id)
    ids = subtree_ids(territory_id)
    organizations = list(
        Organization.select(Organization.id, Organization.territory)
        .where(Organization.territory.in_(ids))
        .tuples()
    )
    if organizations and reassign_to is None:
        raise TerritoryError(
            tr("В «{name}» есть организации ({count}); укажите, куда их перенести").format(
                name=node.name, count=len(organizations)
            )
        )
    if reassign_to is not None and reassign_to in ids:
        raise TerritoryError(tr("Нельзя перенести записи внутрь удаляемой территории"))
    removed = DeletedSubtree(moved_organizations=organizations)
    with db.atomic():
        if organizations:
            get(reassign_to)  # type: ignore[arg-type]
            Organization.update(territory=reassign_to).where(
                Organization.territory.in_(ids)
            ).execute()
            Page.update(territory=reassign_to).where(Page.territory.in_(ids)).execute()
        removed.territories = list(Territory.select().where(Territory.id.in_(ids)).dicts())
        removed.aliases = list(
            TerritoryAlias.select().where(TerritoryAlias.territory.in_(ids)).dicts()
        )
        TerritoryAlias.delete().where(TerritoryAlias.territory.in_(ids)).execute()
        # Children first, so that the self-reference never dangles.
        depth_order = sorted(removed.territories, key=lambda row: -row["level"])
        for row in depth_order:
            Territory.delete().where(Territory.id == row["id"]).execute()
        record_many(
            [
                ("territory", row["id"], "delete", "name", row["name"], None)
                for row in removed.territories
            ],
            origin,
        )
    return removed


def undelete(removed: DeletedSubtree, origin: Origin = MANUAL) -> None:
    """Put back a subtree removed by delete(), with its ids, aliases and organisations."""
    with db.atomic():
        for row in sorted(removed.territories, key=lambda r: r["level"]):
            Territory.insert(row).execute()
        if removed.aliases:
            TerritoryAlias.insert_many(removed.aliases).execute()
        for organization_id, territory_id in removed.moved_organizations:
            Organization.update(territory=territory_id).where(
                Organization.id == organization_id
            ).execute()
            Page.update(territory=territory_id).where(
                Page.organization == organization_id
            ).execute()
        record_many(
            [
                ("territory", row["id"], "restore", "name", None, row["name"])
                for row in removed.territories
            ],
            origin,
        )
