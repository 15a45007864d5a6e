"""Loading territory classifiers into the catalogue (the `territories` command and its dialog).

Files are read and validated first (:mod:`editor.exchange.classifiers.formats`); the plan is
then compared with the catalogue and written in one transaction, so a bad file or a killed
process leaves the catalogue exactly as it was. Nodes are matched by ОКТМО; hand-made
(custom) nodes are never touched; a renamed code keeps its former name as an alias; a unit the
file shows abolished into a successor is handed over to it (:mod:`.reform`). A dry run plans the
same and writes nothing, so the preview is what the load does.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from editor.core.changelog import Entry, Origin, record_many
from editor.core.i18n import tr
from editor.core.normalize import territory_key
from editor.db.models import LEVEL_INDEX, db
from editor.exchange.classifiers.formats import (
    ClassifierError,
    FormerName,
    ParsedFile,
    Position,
    fail,
)
from editor.exchange.classifiers.layouts import read_file
from editor.exchange.classifiers.reform import (
    KeptUnit,
    ReformPlan,
    TransformPlan,
    plan_reform,
    write_reform,
)
from editor.exchange.classifiers.undo import LoadUndo

__all__ = ["ClassifierError", "LoadCancelled", "LoadResult", "Selection", "load_files", "redo_load"]

CLASSIFIER = Origin("classifier")
LOADED_LEVELS = ("municipality", "settlement", "locality")
CHUNK = 5000
# Test hook: sleep inside the open transaction after this many inserted rows, so that a test
# can kill the process in the middle of the write.
PAUSE_ENV = "GOSPABLIKI_TEST_PAUSE_AFTER_ROWS"

Progress = Callable[[int, int], None]


class LoadCancelled(ClassifierError):
    """The user cancelled the load; nothing was written."""


@dataclass
class Selection:
    """What the user left out of a load: levels not to create (deeper ones follow), codes not to
    rename, old codes not to transform."""

    skip_levels: set[str] = field(default_factory=set)
    skip_renames: set[str] = field(default_factory=set)
    skip_transforms: set[str] = field(default_factory=set)


@dataclass
class LoadResult:
    """What a load changed (or, in a dry run, would change): created, renamed, unchanged nodes,
    new aliases and units transformed into successors."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    aliases_added: int = 0
    files: list[str] = field(default_factory=list)
    by_level: dict[str, int] = field(default_factory=lambda: dict.fromkeys(LOADED_LEVELS, 0))
    dry_run: bool = False
    created_items: list[tuple[str, str, str]] = field(default_factory=list)  # level, code, name
    renamed_items: list[tuple[str, str, str]] = field(default_factory=list)  # code, old, new
    transformed: list[TransformPlan] = field(default_factory=list)
    kept: list[KeptUnit] = field(default_factory=list)
    undo: LoadUndo | None = None

    @property
    def changed(self) -> bool:
        """Whether the load changed (or would change) anything at all."""
        return bool(self.created or self.updated or self.aliases_added or self.transformed)

    def summary(self, *, names: bool = True) -> str:
        """One Russian line for the command line and the status bar (`names`: list kept units)."""
        levels = tr("муниципальных образований {m}, поселений {s}, населённых пунктов {l}").format(
            m=self.by_level.get("municipality", 0),
            s=self.by_level.get("settlement", 0),
            l=self.by_level.get("locality", 0),
        )
        text = tr(
            "Загружено файлов: {files}. Создано территорий: {created} ({levels}); "
            "переименовано: {updated}; без изменений: {unchanged}; "
            "добавлено прежних названий: {aliases}"
        ).format(
            files=len(self.files),
            created=self.created,
            levels=levels,
            updated=self.updated,
            unchanged=self.unchanged,
            aliases=self.aliases_added,
        )
        text += tr("; преобразовано в новые муниципальные образования: {n}").format(
            n=len(self.transformed)
        )
        if self.kept and not names:
            text += tr("; упразднены без преемника (оставлены): {n}").format(n=len(self.kept))
        elif self.kept:
            text += tr("; упразднены без преемника (оставлены): {names}").format(
                names=", ".join(f"{unit.name} ({unit.code})" for unit in self.kept)
            )
        if self.dry_run:
            text = tr("Проверка без записи. ") + text
        return text

    def as_json(self) -> dict:
        """The counts as a JSON-ready dict (for `territories --json`)."""
        return {
            "created": self.created,
            "renamed": self.updated,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "aliases": self.aliases_added,
            "aliases_added": self.aliases_added,
            "transformed": [item.as_json() for item in self.transformed],
            "abolished_without_successor": [unit.as_json() for unit in self.kept],
            "dry_run": self.dry_run,
            "files": list(self.files),
            "by_level": dict(self.by_level),
        }


@dataclass
class _Node:
    """A territory of the catalogue as the planner sees it."""

    id: int
    parent_id: int | None
    level: int
    name: str
    kind: str
    code: str | None
    custom: bool
    position: int


@dataclass
class _Source:
    position: Position
    path: Path


@dataclass
class _Plan:
    inserts: list[list] = field(default_factory=list)  # rows for the territory table
    created_levels: list[str] = field(default_factory=list)
    renames: list[tuple[_Node, str, str]] = field(default_factory=list)  # node, new name, kind
    positions: list[tuple[int, int]] = field(default_factory=list)  # (position, id) of moved
    old_positions: list[tuple[int, int]] = field(default_factory=list)  # the same, before
    aliases: list[tuple[int, str]] = field(default_factory=list)  # (territory id, alias)
    unchanged: int = 0
    reform: ReformPlan = field(default_factory=ReformPlan)


def load_files(
    paths: list[Path],
    *,
    current_only: bool = True,
    year: int | None = None,
    dry_run: bool = False,
    selection: Selection | None = None,
    progress: Progress | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> LoadResult:
    """Load classifier files into the open catalogue; all or nothing.

    Raises ClassifierError (one line naming file and line) before anything is written when a
    file is unreadable, in an unknown layout or encoding, truncated, contradicts itself, or
    names a region that the catalogue lacks. A dry run reports the same and writes nothing.
    """
    report = progress or (lambda done, total: None)
    cancelled = is_cancelled or (lambda: False)
    parsed: list[ParsedFile] = []
    for index, path in enumerate(paths):
        _check_cancel(cancelled)
        parsed.append(read_file(Path(path), current_only=current_only, year=year))
        report(index + 1, len(paths))
    result = LoadResult(files=[str(path) for path in paths], dry_run=dry_run)
    with db.atomic():
        plan = _plan(parsed, selection or Selection())
        _check_cancel(cancelled)
        _describe(plan, result)
        if not dry_run:
            result.undo = _write(plan, report, cancelled)
            result.aliases_added = len(result.undo.aliases)
    return result


def redo_load(undo: LoadUndo) -> LoadUndo:
    """Write an undone load again, with the same ids (the redo of its undo step)."""
    with db.atomic():
        return _write(undo.plan, lambda done, total: None, lambda: False)


def _describe(plan: _Plan, result: LoadResult) -> None:
    """The result's counts and lists, from the plan alone (so a dry run reports the same)."""
    result.created = len(plan.inserts)
    result.updated = len(plan.renames)
    result.unchanged = plan.unchanged
    result.aliases_added = len(_new_aliases(plan.aliases))
    for level, row in zip(plan.created_levels, plan.inserts, strict=True):
        result.by_level[level] = result.by_level.get(level, 0) + 1
        result.created_items.append((level, row[6], row[4]))
    result.renamed_items = [(node.code or "", node.name, name) for node, name, _ in plan.renames]
    result.transformed = list(plan.reform.transforms)
    result.kept = list(plan.reform.kept)


def _new_aliases(aliases: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The (territory, alias) pairs of a plan that the catalogue does not know yet."""
    wanted = list(dict.fromkeys((tid, " ".join(name.split())) for tid, name in aliases))
    if not wanted:
        return []
    known = set(db.execute_sql("SELECT territory_id, name FROM territory_alias").fetchall())
    return [pair for pair in wanted if pair[1] and pair not in known]


def _check_cancel(cancelled: Callable[[], bool]) -> None:
    if cancelled():
        raise LoadCancelled(tr("Загрузка классификатора отменена; каталог не изменён"))


def _snapshot() -> list[_Node]:
    cursor = db.execute_sql(
        "SELECT id, parent_id, level, name, kind, oktmo, custom, position FROM territory"
    )
    return [
        _Node(row[0], row[1], row[2], row[3], row[4], row[5], bool(row[6]), row[7])
        for row in cursor
    ]


def _merge(parsed: list[ParsedFile]) -> tuple[dict[str, _Source], list[tuple[FormerName, Path]]]:
    """Positions of all files by code (a later file wins) and their former names."""
    merged: dict[str, _Source] = {}
    former: list[tuple[FormerName, Path]] = []
    for item in parsed:
        for position in item.positions:
            merged[position.code] = _Source(position, item.path)
        former.extend((name, item.path) for name in item.former_names)
    return merged, former


def _plan(parsed: list[ParsedFile], selection: Selection) -> _Plan:
    """Compare the files with the catalogue: what to insert, rename, reorder, alias, transform."""
    merged, former = _merge(parsed)
    nodes = _snapshot()
    skip_from = min(
        (LEVEL_INDEX[level] for level in selection.skip_levels if level in LEVEL_INDEX),
        default=len(LEVEL_INDEX),
    )
    by_code = {node.code: node for node in nodes if node.code}
    regions = {
        node.code: node.id for node in nodes if node.code and node.level == LEVEL_INDEX["region"]
    }
    plan = _Plan()
    new_ids: dict[str, tuple[int, int]] = {}  # code → (id, level) of nodes created now
    new_children: dict[int, list[tuple[str, int]]] = {}  # parent id → [(code, id)]
    next_id = max((node.id for node in nodes), default=0) + 1
    ordered = sorted(
        merged.values(), key=lambda s: (LEVEL_INDEX[s.position.level], s.position.code)
    )
    for source in ordered:
        position = source.position
        existing = by_code.get(position.code)
        if existing is not None:
            if position.code in selection.skip_renames:
                plan.unchanged += 1
            else:
                _plan_existing(plan, existing, position)
            continue
        if LEVEL_INDEX[position.level] >= skip_from:
            continue
        region_id = _region_of(position.code, regions)
        if region_id is None:
            raise fail(
                source.path,
                position.line,
                tr("код ОКТМО {code}: субъекта РФ с кодом {region} нет в каталоге").format(
                    code=position.code, region=position.code[:2] + "000000"
                ),
            )
        level = LEVEL_INDEX[position.level]
        parent_id = _parent_of(position.code, level, by_code, new_ids) or region_id
        new_ids[position.code] = (next_id, level)
        new_children.setdefault(parent_id, []).append((position.code, next_id))
        plan.inserts.append(
            [
                next_id,
                parent_id,
                level,
                position.kind,
                position.name,
                territory_key(position.name),
                position.code,
                0,
                0,
            ]
        )
        plan.created_levels.append(position.level)
        next_id += 1
    _plan_positions(plan, nodes, new_children)
    _plan_former_names(plan, former, by_code, new_ids, merged)
    new_nodes = {row[6]: (row[0], row[4]) for row in plan.inserts}
    plan.reform = plan_reform(parsed, nodes, set(merged), new_nodes, selection.skip_transforms)
    # The old code stays findable (`--territory 37614000`, a spreadsheet's «Код ОКТМО»).
    for item in parsed:
        for transform in item.transforms:
            node = by_code.get(transform.new_code)
            target = node.id if node is not None and not node.custom else None
            if target is None and transform.new_code in new_nodes:
                target = new_nodes[transform.new_code][0]
            if target is not None and transform.old_code not in merged:
                plan.aliases.append((target, transform.old_code))
    return plan


def _plan_existing(plan: _Plan, node: _Node, position: Position) -> None:
    if node.custom or (node.name == position.name and (node.kind or not position.kind)):
        plan.unchanged += 1
        return
    plan.renames.append((node, position.name, node.kind or position.kind))
    if node.name != position.name:
        plan.aliases.append((node.id, node.name))


def _region_of(code: str, regions: dict[str, int]) -> int | None:
    # Autonomous okrugs inside a region have their own region code (71800000 inside 71000000).
    return regions.get(code[:3] + "00000") or regions.get(code[:2] + "000000")


def _parent_of(
    code: str, level: int, by_code: dict[str, _Node], new_ids: dict[str, tuple[int, int]]
) -> int | None:
    """The nearest existing ancestor by code: settlement, then municipality (None: the region)."""
    candidates = [code[:8], code[:5] + "000"] if len(code) == 11 else [code[:5] + "000"]
    for candidate in candidates:
        if candidate == code:
            continue
        if candidate in new_ids and new_ids[candidate][1] < level:
            return new_ids[candidate][0]
        node = by_code.get(candidate)
        if node is not None and node.level < level:
            return node.id
    return None


def _plan_positions(
    plan: _Plan, nodes: list[_Node], new_children: dict[int, list[tuple[str, int]]]
) -> None:
    """Merge new children into each parent's order by code, keeping the existing order."""
    existing: dict[int, list[_Node]] = {}
    for node in nodes:
        if node.parent_id in new_children:
            existing.setdefault(node.parent_id, []).append(node)
    insert_rows = {row[0]: row for row in plan.inserts}
    for parent_id, added in new_children.items():
        pending = sorted(added)
        siblings = sorted(existing.get(parent_id, []), key=lambda n: (n.position, n.name))
        order: list[tuple[int, _Node | None]] = []
        index = 0
        for sibling in siblings:
            while sibling.code and index < len(pending) and pending[index][0] < sibling.code:
                order.append((pending[index][1], None))
                index += 1
            order.append((sibling.id, sibling))
        order.extend((territory_id, None) for _, territory_id in pending[index:])
        for number, (territory_id, sibling) in enumerate(order):
            if sibling is None:
                insert_rows[territory_id][7] = number
            elif sibling.position != number:
                plan.positions.append((number, territory_id))
                plan.old_positions.append((sibling.position, territory_id))


def _plan_former_names(
    plan: _Plan,
    former: list[tuple[FormerName, Path]],
    by_code: dict[str, _Node],
    new_ids: dict[str, tuple[int, int]],
    merged: dict[str, _Source],
) -> None:
    for name, _path in former:
        node = by_code.get(name.code)
        if node is not None and node.custom:
            continue
        if node is not None:
            target = node.id
        elif name.code in new_ids:
            target = new_ids[name.code][0]
        else:
            continue
        current = merged[name.code].position.name if name.code in merged else node.name
        if name.name != current:
            plan.aliases.append((target, name.name))


def _write(plan: _Plan, report: Progress, cancelled: Callable[[], bool]) -> LoadUndo:
    """Apply a plan inside the caller's transaction; return what undo needs."""
    connection = db.connection()
    pause_after = int(os.environ.get(PAUSE_ENV) or 0)
    chunk = min(CHUNK, pause_after) if pause_after else CHUNK
    total = len(plan.inserts) + len(plan.renames) + len(plan.reform.transforms)
    for start in range(0, len(plan.inserts), chunk):
        _check_cancel(cancelled)
        connection.executemany(
            "INSERT INTO territory (id, parent_id, level, kind, name, name_key, oktmo, position,"
            " custom) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            plan.inserts[start : start + chunk],
        )
        done = min(start + chunk, len(plan.inserts))
        report(done, total)
        if pause_after and done >= pause_after:
            _pause()
            pause_after = 0
    connection.executemany("UPDATE territory SET position = ? WHERE id = ?", plan.positions)
    connection.executemany(
        "UPDATE territory SET name = ?, name_key = ?, kind = ? WHERE id = ?",
        [(name, territory_key(name), kind, node.id) for node, name, kind in plan.renames],
    )
    added = _new_aliases(plan.aliases)
    connection.executemany(
        "INSERT INTO territory_alias (territory_id, name, name_key) VALUES (?, ?, ?)",
        [(territory_id, alias, territory_key(alias)) for territory_id, alias in added],
    )
    record_many(_log_entries(plan, added), CLASSIFIER)
    _check_cancel(cancelled)
    handovers = write_reform(plan.reform, CLASSIFIER)
    report(total, total)
    return LoadUndo(
        plan=plan,
        created=[row[0] for row in plan.inserts],
        renamed=[(node.id, node.name, node.kind) for node, _name, _kind in plan.renames],
        positions=list(plan.old_positions),
        aliases=added,
        handovers=handovers,
    )


def _log_entries(plan: _Plan, aliases: list[tuple[int, str]]) -> Iterable[Entry]:
    for row in plan.inserts:
        yield ("territory", row[0], "create", "name", None, row[4])
    for node, name, kind in plan.renames:
        if node.name != name:
            yield ("territory", node.id, "update", "name", node.name, name)
        if node.kind != kind:
            yield ("territory", node.id, "update", "kind", node.kind, kind)
    for territory_id, alias in aliases:
        yield ("territory", territory_id, "update", "alias", None, alias)


def _pause() -> None:
    print(f"{PAUSE_ENV}: paused", file=sys.stderr, flush=True)
    time.sleep(600)
