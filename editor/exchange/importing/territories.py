"""Which territory a spreadsheet row belongs to: by ОКТМО, by name or path inside the target.

Names match by the rules of DESIGN §3 (type words dropped, aliases included) through
`territories.find_by_name`; a path «A/B/C» narrows step by step, and a full path from another
catalogue (which starts above the target) is tried by shorter and shorter tails. A text that
matches nothing or several territories is never guessed: it is listed in the report for the
user to assign (or skip), and its rows wait.
"""

from __future__ import annotations

from collections.abc import Mapping

from editor.core import normalize as nz
from editor.core import territories
from editor.core.i18n import tr
from editor.db.models import db
from editor.exchange.importing.report import Problem, Unresolved
from editor.exchange.importing.rows import ParsedRow, RowParser


class TerritoryResolver:
    """Resolves row territories inside `target_id` (the whole catalogue when None), cached."""

    def __init__(
        self,
        target_id: int | None,
        assignments: Mapping[str, int | None] | None,
        unresolved: dict[str, Unresolved],
    ) -> None:
        self.target_id = target_id
        self.scope: set[int] | None = (
            set(territories.subtree_ids(target_id)) if target_id is not None else None
        )
        self.assignments = dict(assignments or {})
        self.unresolved = unresolved
        # Codes of units abolished in a reform are aliases of their successors (digits only).
        self.oktmo = {
            name: territory_id
            for name, territory_id in db.execute_sql(
                "SELECT name, territory_id FROM territory_alias"
            ).fetchall()
            if name.isdigit()
        }
        self.oktmo.update(
            db.execute_sql("SELECT oktmo, id FROM territory WHERE oktmo IS NOT NULL").fetchall()
        )
        self._cache: dict[str, tuple[int | None, list[tuple[int, str]]]] = {}
        self._paths: dict[int, str] = {}

    def path(self, territory_id: int) -> str:
        """The display path of a territory (cached)."""
        if territory_id not in self._paths:
            self._paths[territory_id] = territories.path_of(territory_id)
        return self._paths[territory_id]

    def _resolve_text(self, text: str) -> tuple[int | None, list[tuple[int, str]]]:
        key = nz.fold_text(text)
        if key in self._cache:
            return self._cache[key]
        parts = [part.strip() for part in text.split("/") if part.strip()]
        found: list = []
        # A full path from another catalogue starts above the target: try shorter tails.
        for start in range(len(parts)):
            found = territories.find_by_name(parts[start], self.target_id)
            for part in parts[start + 1 :]:
                narrowed = []
                for candidate in found:
                    narrowed.extend(
                        t
                        for t in territories.find_by_name(part, candidate.id)
                        if t.id != candidate.id
                    )
                found = narrowed
            if found:
                break
        unique = list({t.id: t for t in found})
        result = (unique[0] if len(unique) == 1 else None, [(i, self.path(i)) for i in unique[:10]])
        self._cache[key] = result
        return result

    def resolve(
        self, parsed: ParsedRow, parser: RowParser
    ) -> tuple[int | None, bool, Problem | None, str | None]:
        """(territory id, explicit?, problem, key of an unresolved text) of a row."""
        if parsed.oktmo:
            found = self.oktmo.get(parsed.oktmo)
            if found is not None:
                if self.scope is not None and found not in self.scope:
                    return (
                        None,
                        True,
                        Problem(
                            parser.header_of("oktmo"),
                            parsed.oktmo,
                            tr(
                                "ОКТМО {code} — территория «{path}» не входит в «{target}»",
                                "import",
                            ).format(
                                code=parsed.oktmo,
                                path=self.path(found),
                                target=self.path(self.target_id),
                            ),
                        ),
                        None,
                    )  # type: ignore[arg-type]
                return found, True, None, None
        if parsed.territory:
            key = nz.fold_text(parsed.territory)
            if key in self.assignments:
                return self.assignments[key], True, None, None
            found, candidates = self._resolve_text(parsed.territory)
            if found is not None:
                return found, True, None, None
            self._unresolved(key, parsed.territory, candidates)
            if candidates:
                reason = tr(
                    "территория «{name}» неоднозначна, подходят: {candidates}", "import"
                ).format(name=parsed.territory, candidates="; ".join(p for _, p in candidates))
            else:
                reason = tr("территория «{name}» не найдена{inside}", "import").format(
                    name=parsed.territory, inside=self._inside()
                )
            return None, True, Problem(parser.header_of("territory"), parsed.territory, reason), key
        if parsed.oktmo:
            key = f"ОКТМО {parsed.oktmo}"
            if key in self.assignments:
                return self.assignments[key], True, None, None
            self._unresolved(key, key, [])
            return (
                None,
                True,
                Problem(
                    parser.header_of("oktmo"),
                    parsed.oktmo,
                    tr("территория с кодом ОКТМО {code} не найдена", "import").format(
                        code=parsed.oktmo
                    ),
                ),
                key,
            )
        if self.target_id is None:
            return (
                None,
                False,
                Problem(
                    tr("Территория", "import"),
                    None,
                    tr("не указана территория: выберите территорию импорта (--into)", "import"),
                ),
                None,
            )
        return self.target_id, False, None, None

    def _inside(self) -> str:
        if self.target_id is None:
            return ""
        return tr(" в «{target}»", "import").format(target=self.path(self.target_id))

    def _unresolved(self, key: str, text: str, candidates: list[tuple[int, str]]) -> None:
        entry = self.unresolved.get(key)
        if entry is None:
            entry = self.unresolved[key] = Unresolved(key, text, candidates)
        entry.rows += 1
