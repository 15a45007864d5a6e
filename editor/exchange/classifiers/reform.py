"""The municipal reform as a classifier load sees it: which units of the catalogue were abolished
into a successor, and what moves with them.

A versioned municipality list names a successor only through `territory_id` (the formats module
links them); here the links are checked against the catalogue: a transformation happens when the
old unit is in the catalogue and the file no longer lists its code as in force. Units the file
shows abolished without a successor stay where they are and are reported, never guessed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from editor.core.changelog import Origin
from editor.core.succession import Handover, hand_over, removing_territories
from editor.db.models import db
from editor.exchange.classifiers.formats import ParsedFile, Transform


@dataclass
class TransformPlan:
    """One unit of the catalogue that will be handed over to its successor."""

    old_id: int
    old_name: str
    old_code: str
    new_id: int
    new_name: str
    new_code: str
    pages: int  # live pages of the old unit and its settlements (they all end up in the new one)
    organizations: int

    def as_json(self) -> dict:
        """The DESIGN §7 form: {old, old_oktmo, new, new_oktmo, pages, organizations}."""
        return {
            "old": self.old_name,
            "old_oktmo": self.old_code,
            "new": self.new_name,
            "new_oktmo": self.new_code,
            "pages": self.pages,
            "organizations": self.organizations,
        }


@dataclass
class KeptUnit:
    """A unit of the catalogue that the file shows abolished, with no successor: it stays."""

    name: str
    code: str
    pages: int
    organizations: int

    def as_json(self) -> dict:
        """The unit as a JSON object for `territories --json`."""
        return {
            "name": self.name,
            "oktmo": self.code,
            "pages": self.pages,
            "organizations": self.organizations,
        }


@dataclass
class ReformPlan:
    """What the reform part of a load will do (transformations) and report (kept units)."""

    transforms: list[TransformPlan] = field(default_factory=list)
    kept: list[KeptUnit] = field(default_factory=list)


def _subtree_totals(parent_of: dict[int, int | None]) -> Callable[[int], tuple[int, int]]:
    """(organisations, pages) alive in a territory and below, from the stored tallies."""
    own = {
        row[0]: (row[1], row[2])
        for row in db.execute_sql(
            "SELECT territory_id, organizations, pages FROM tally_territory"
            " WHERE organizations > 0 OR pages > 0"
        )
    }
    totals: dict[int, list[int]] = {}
    for territory_id, (organizations, pages) in own.items():
        node: int | None = territory_id
        while node is not None:
            total = totals.setdefault(node, [0, 0])
            total[0] += organizations
            total[1] += pages
            node = parent_of.get(node)

    def of(territory_id: int) -> tuple[int, int]:
        organizations, pages = totals.get(territory_id, (0, 0))
        return organizations, pages

    return of


def plan_reform(
    parsed: Iterable[ParsedFile],
    nodes: Iterable,  # load._Node: id, parent_id, name, code, custom
    in_force: set[str],
    new_nodes: dict[str, tuple[int, str]],  # code → (id, name) of nodes this load creates
    skip: set[str],
) -> ReformPlan:
    """Transformations of catalogue units that the files show abolished (old codes in `skip`
    are left alone: the user unticked them)."""
    nodes = list(nodes)
    by_code = {node.code: node for node in nodes if node.code and not node.custom}
    parent_of = {node.id: node.parent_id for node in nodes}
    totals = None
    plan = ReformPlan()
    seen: set[str] = set()
    transforms: list[Transform] = [t for item in parsed for t in item.transforms]
    for transform in transforms:
        old = by_code.get(transform.old_code)
        if old is None or transform.old_code in in_force or transform.old_code in seen:
            continue
        seen.add(transform.old_code)
        if transform.old_code in skip:
            continue
        successor = by_code.get(transform.new_code)
        if successor is not None:
            new_id, new_name = successor.id, successor.name
        elif transform.new_code in new_nodes:
            new_id, new_name = new_nodes[transform.new_code]
        else:  # the successor itself was left out of this load
            continue
        totals = totals or _subtree_totals(parent_of)
        organizations, pages = totals(old.id)
        plan.transforms.append(
            TransformPlan(
                old.id,
                old.name,
                old.code,
                new_id,
                new_name,
                transform.new_code,
                pages,
                organizations,
            )
        )
    for item in parsed:
        for unit in item.abolished:
            old = by_code.get(unit.code)
            if old is None or unit.code in in_force or unit.code in seen:
                continue
            seen.add(unit.code)
            totals = totals or _subtree_totals(parent_of)
            organizations, pages = totals(old.id)
            plan.kept.append(KeptUnit(old.name, old.code, pages, organizations))
    return plan


def write_reform(plan: ReformPlan, origin: Origin) -> list[Handover]:
    """Hand every planned unit over to its successor (inside the caller's transaction)."""
    done: list[Handover] = []
    with removing_territories(len(plan.transforms)) as touched:
        for item in plan.transforms:
            done.append(hand_over(item.old_id, item.new_id, origin))
            if touched is not None:
                touched.update((item.old_id, item.new_id))
    return done
