"""Training figures: the `stats` counts, which organisations are trained, coverage per territory.

Counts only, never names: these feed `stats`, the territory tree and the training report.
"""

from __future__ import annotations

import datetime as dt

from editor.core.territories import subtree_ids
from editor.db.models import db


def _scope_ids(territory_id: int | None) -> list[int] | None:
    return None if territory_id is None else subtree_ids(territory_id)


def counts(territory_id: int | None = None) -> dict[str, int]:
    """`stats` figures: seminars, participants, attendances, trained organisations (no trash).

    In a territory scope: seminars held for it, and participants placed in it.
    """
    ids = _scope_ids(territory_id)
    seminar_scope = participant_scope = ""
    params: tuple = ()
    if ids is not None:
        placeholders = ", ".join("?" * len(ids))
        seminar_scope = f" AND s.territory_id IN ({placeholders})"
        participant_scope = f" AND p.territory_id IN ({placeholders})"
        params = tuple(ids)
    seminars = db.execute_sql(
        f"SELECT count(*) FROM seminar s WHERE s.deleted_at IS NULL{seminar_scope}", params
    ).fetchone()[0]
    participants, attendances, organizations = db.execute_sql(
        "SELECT count(DISTINCT p.id), count(*), count(DISTINCT o.id) FROM attendance a"
        " JOIN seminar s ON s.id = a.seminar_id AND s.deleted_at IS NULL"
        " JOIN participant p ON p.id = a.participant_id"
        " LEFT JOIN organization o ON o.id = p.organization_id AND o.deleted_at IS NULL"
        f" WHERE 1 = 1{participant_scope}",
        params,
    ).fetchone()
    return {
        "seminars": seminars,
        "participants": participants,
        "attendances": attendances,
        "trained_organizations": organizations,
    }


def trained_organizations_sql(since: dt.date | None = None) -> tuple[str, tuple]:
    """SQL selecting the ids of organisations with someone who attended a live seminar."""
    where, params = "", ()
    if since is not None:
        where, params = " AND s.date >= ?", (since.isoformat(),)
    return (
        "SELECT DISTINCT p.organization_id FROM participant p"
        " JOIN attendance a ON a.participant_id = p.id"
        " JOIN seminar s ON s.id = a.seminar_id AND s.deleted_at IS NULL"
        f" WHERE p.organization_id IS NOT NULL{where}",
        params,
    )


def coverage_by_territory() -> dict[int, tuple[int, int]]:
    """Per own territory: (trained organisations with pages, organisations with pages).

    One grouped query; the territory tree rolls it up.
    """
    trained, params = trained_organizations_sql()
    rows = db.execute_sql(
        f"WITH trained(id) AS ({trained}) SELECT o.territory_id, count(*),"
        " sum(o.id IN (SELECT id FROM trained)) FROM organization o"
        " WHERE o.deleted_at IS NULL AND EXISTS (SELECT 1 FROM page p"
        " WHERE p.organization_id = o.id AND p.deleted_at IS NULL) GROUP BY o.territory_id",
        params,
    )
    return {tid: (int(done or 0), int(total)) for tid, total, done in rows}


def coverage_rollup() -> dict[int, tuple[int, int]]:
    """Per territory, descendants included: (trained organisations with pages, organisations
    with pages). One grouped query, summed up the tree deepest level first."""
    own = coverage_by_territory()
    done = {tid: value[0] for tid, value in own.items()}
    total = {tid: value[1] for tid, value in own.items()}
    nodes = db.execute_sql("SELECT id, parent_id FROM territory ORDER BY level DESC").fetchall()
    for territory_id, parent_id in nodes:
        if parent_id is not None and territory_id in total:
            total[parent_id] = total.get(parent_id, 0) + total[territory_id]
            done[parent_id] = done.get(parent_id, 0) + done[territory_id]
    return {tid: (done[tid], total[tid]) for tid in total}
