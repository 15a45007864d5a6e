"""Matching registration-list rows to the catalogue: territories by name, alias or ОКТМО, and
organisations by ОГРН, ИНН, then folded name within the row's territory (DESIGN §8).

The territory tree is held in memory for one import and organisations are queried once for all
rows, so a list of ten thousand people costs a handful of queries.
"""

from __future__ import annotations

import re
from typing import Protocol

from editor.core import normalize as nz
from editor.db.models import Organization, db

_CHUNK = 500  # values per IN (…)
_NUMBER_SPACE = re.compile(r"№(\d)")
_NUMBER_TIGHT = re.compile(r"№ (\d)")


class Row(Protocol):
    """What matching reads of a row."""

    organization: str
    ogrn: str | None
    inn: str | None
    territory: str


def chunks(values: list) -> list[list]:
    """`values` in slices small enough for one IN (…)."""
    return [values[i : i + _CHUNK] for i in range(0, len(values), _CHUNK)]


def name_variants(text: str) -> list[str]:
    """Folded organisation names to look up: as written, and with «№1» / «№ 1» both ways."""
    key = nz.fold_text(text)
    variants = {key, _NUMBER_SPACE.sub(r"№ \1", key), _NUMBER_TIGHT.sub(r"№\1", key)}
    return sorted(v for v in variants if v)


class Places:
    """The territory tree in memory: names and aliases by key, parents, ОКТМО codes."""

    def __init__(self) -> None:
        self.parent: dict[int, int | None] = {}
        self.children: dict[int, list[int]] = {}
        self.by_key: dict[str, list[int]] = {}
        self.by_oktmo: dict[str, int] = {}
        self._subtrees: dict[frozenset[int], frozenset[int]] = {}
        for tid, parent, key, oktmo in db.execute_sql(
            "SELECT id, parent_id, name_key, oktmo FROM territory"
        ):
            self.parent[tid] = parent
            if parent is not None:
                self.children.setdefault(parent, []).append(tid)
            self.by_key.setdefault(key, []).append(tid)
            if oktmo:
                self.by_oktmo[oktmo] = tid
        for tid, key in db.execute_sql("SELECT territory_id, name_key FROM territory_alias"):
            if tid not in self.by_key.setdefault(key, []):
                self.by_key[key].append(tid)

    def subtree(self, roots: frozenset[int]) -> frozenset[int]:
        """The roots and all their descendants (cached)."""
        found = self._subtrees.get(roots)
        if found is None:
            nodes, stack = set(), list(roots)
            while stack:
                node = stack.pop()
                if node not in nodes:
                    nodes.add(node)
                    stack.extend(self.children.get(node, ()))
            found = self._subtrees[roots] = frozenset(nodes)
        return found

    def within(self, tid: int, roots: set[int]) -> bool:
        """Whether `tid` is one of `roots` or below one of them."""
        node: int | None = tid
        while node is not None:
            if node in roots:
                return True
            node = self.parent.get(node)
        return False

    def candidates(self, text: str, default: int | None) -> list[int]:
        """Territories a «Муниципальное образование» cell may name (inside the default one)."""
        digits = text.replace(" ", "").replace("-", "")
        if digits.isdigit():
            found = self.by_oktmo.get(digits) or self.by_oktmo.get(digits.ljust(8, "0"))
            return [found] if found else []
        found = self.by_key.get(nz.territory_key(text), [])
        if default is not None:
            inside = [t for t in found if self.within(t, {default})]
            found = inside or found
        return found


class Matcher:
    """Organisations of the catalogue for the rows' ОГРН, ИНН and names (queried once)."""

    def __init__(self, rows: list[Row], default_territory: int | None) -> None:
        self.by_ogrn: dict[str, tuple[int, int]] = {}
        self.by_inn: dict[str, tuple[int, int]] = {}
        self.by_name: dict[str, list[tuple[int, int]]] = {}
        live = Organization.deleted_at.is_null()
        columns = (Organization.id, Organization.territory, Organization.ogrn, Organization.inn)
        for chunk in chunks(sorted({r.ogrn for r in rows if r.ogrn})):
            for oid, tid, ogrn, _inn in (
                Organization.select(*columns).where(live & Organization.ogrn.in_(chunk)).tuples()
            ):
                self.by_ogrn.setdefault(ogrn, (oid, tid))
        for chunk in chunks(sorted({r.inn for r in rows if r.inn})):
            for oid, tid, _ogrn, inn in (
                Organization.select(*columns).where(live & Organization.inn.in_(chunk)).tuples()
            ):
                self.by_inn.setdefault(inn, (oid, tid))
        # Names are looked up only for rows that their ОГРН or ИНН did not place.
        self.variants = {
            r.organization: name_variants(r.organization)
            for r in rows
            if r.organization
            and not (r.ogrn and r.ogrn in self.by_ogrn)
            and not (r.inn and r.inn in self.by_inn)
        }
        keys = sorted({v for variants in self.variants.values() for v in variants})
        for chunk in chunks(keys):
            marks = ", ".join("?" * len(chunk))
            for oid, tid, key in db.execute_sql(
                "SELECT id, territory_id, name_key FROM organization"
                f" WHERE deleted_at IS NULL AND name_key IN ({marks})",
                chunk,
            ):
                self.by_name.setdefault(key, []).append((oid, tid))
        self.default = default_territory
        self.places = Places()
        self._candidates: dict[str, list[int]] = {}

    def territories(self, text: str) -> list[int]:
        """The territories the row's «Муниципальное образование» may name (cached)."""
        found = self._candidates.get(text)
        if found is None:
            found = self._candidates[text] = self.places.candidates(text, self.default)
        return found

    def territory(self, text: str) -> int | None:
        """The row's territory: its «Муниципальное образование» when unambiguous, else the
        default."""
        found = self.territories(text) if text else []
        return found[0] if len(found) == 1 else self.default

    def organization(self, row: Row) -> tuple[int, int] | None:
        """(organisation id, its territory) for the row, or None."""
        if row.ogrn and row.ogrn in self.by_ogrn:
            return self.by_ogrn[row.ogrn]
        if row.inn and row.inn in self.by_inn:
            return self.by_inn[row.inn]
        if not row.organization:
            return None
        by_name = self.by_name
        variants = self.variants.get(row.organization) or name_variants(row.organization)
        candidates = {c for key in variants for c in by_name.get(key, ())}
        # Within the territories the row names (any of them, when its name is ambiguous), else
        # within the default territory; a name that stays ambiguous matches nothing.
        roots = frozenset(self.territories(row.territory)) if row.territory else frozenset()
        if not roots and self.default is not None:
            roots = frozenset((self.default,))
        if roots and candidates:
            inside = self.places.subtree(roots)
            candidates = {c for c in candidates if c[1] in inside}
        return next(iter(candidates)) if len(candidates) == 1 else None
