"""The integrity check of a catalogue: SQLite's own checks plus the domain's invariants."""

from __future__ import annotations

from dataclasses import dataclass, field

from editor.core.i18n import tr
from editor.db import dynamics_schema
from editor.db.database import is_server_catalogue, tally_recompute
from editor.db.models import TALLY_COUNTERS, TALLY_KEYS, db


@dataclass
class CheckReport:
    """Problems (the catalogue is inconsistent) and warnings (worth a look)."""

    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _count(sql: str) -> int:
    return db.execute_sql(sql).fetchone()[0]


def check_catalogue() -> CheckReport:
    """Run every check; nothing is changed."""
    report = CheckReport()
    # A PostgreSQL server checks its storage itself and enforces the foreign keys on every write.
    server = is_server_catalogue()
    result = ["ok"] if server else [row[0] for row in db.execute_sql("PRAGMA integrity_check")]
    if result != ["ok"]:
        report.problems.append(tr("SQLite: {details}").format(details="; ".join(result[:5])))
    broken_keys = [] if server else db.execute_sql("PRAGMA foreign_key_check").fetchall()
    if broken_keys:
        report.problems.append(
            tr("Нарушены ссылки между таблицами: {count}").format(count=len(broken_keys))
        )
    domain_checks = (
        (
            "SELECT count(*) FROM territory c JOIN territory p ON c.parent_id = p.id"
            " WHERE c.level <= p.level",
            tr("Территорий с уровнем не ниже родительского: {count}"),
        ),
        (
            "SELECT count(*) FROM territory WHERE parent_id IS NULL AND level != 0",
            tr("Территорий без родителя не на уровне страны: {count}"),
        ),
        (
            "SELECT count(*) FROM page p JOIN organization o ON p.organization_id = o.id"
            " WHERE p.territory_id != o.territory_id",
            tr("Страниц с территорией, отличной от территории организации: {count}"),
        ),
        (
            "SELECT count(*) FROM page p WHERE p.subscribers IS NOT (SELECT c.count FROM"
            " subscriber_count c WHERE c.page_id = p.id ORDER BY c.date DESC LIMIT 1)",
            tr("Страниц, у которых число подписчиков не совпадает с последним замером: {count}"),
        ),
        (
            "SELECT count(*) FROM page p JOIN organization o ON p.organization_id = o.id"
            " WHERE p.deleted_at IS NULL AND o.deleted_at IS NOT NULL",
            tr("Страниц вне корзины у организаций в корзине: {count}"),
        ),
    )
    for sql, message in domain_checks:
        count = _count(sql)
        if count:
            report.problems.append(message.format(count=count))
    stale = _stale_tally_territories()
    if stale:
        report.problems.append(
            tr("Территорий, у которых сводные счётчики расходятся с пересчётом: {count}").format(
                count=stale
            )
        )
    cycles = _count(
        "WITH RECURSIVE walk(id, depth) AS (SELECT id, 0 FROM territory WHERE parent_id IS NULL"
        " UNION ALL SELECT t.id, walk.depth + 1 FROM territory t JOIN walk ON t.parent_id = walk.id"
        " WHERE walk.depth < 64) SELECT (SELECT count(*) FROM territory) - count(DISTINCT id) FROM walk"
    )
    if cycles:
        report.problems.append(tr("Территорий вне дерева (цикл): {count}").format(count=cycles))
    duplicates = _count(
        "SELECT count(*) FROM (SELECT url_key FROM page WHERE deleted_at IS NULL AND url_key"
        " IS NOT NULL GROUP BY url_key HAVING count(*) > 1) AS repeated"
    )
    if duplicates:
        report.warnings.append(
            tr("Ссылок, которые встречаются у нескольких страниц: {count}").format(count=duplicates)
        )
    return report


def _stale_tally_territories() -> int:
    """Territories whose stored tallies differ from a recomputation from the records."""
    stale: set[int] = set()
    for table, recompute in tally_recompute().items():
        columns = (*TALLY_KEYS[table], *TALLY_COUNTERS[table])
        names = ", ".join(columns)
        nonzero = " OR ".join(f"{column} != 0" for column in TALLY_COUNTERS[table])
        # A row that agrees appears once on each side; any difference leaves a lone row.
        rows = db.execute_sql(
            f"WITH fresh({names}) AS ({recompute}) SELECT territory_id FROM"
            f" (SELECT {names} FROM fresh UNION ALL SELECT {names} FROM {table} WHERE {nonzero}) AS both_sides"
            f" GROUP BY {names} HAVING count(*) = 1"
        )
        stale.update(territory_id for (territory_id,) in rows)
    stale |= dynamics_schema.stale_territories(db)
    return len(stale)
