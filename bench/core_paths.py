"""The core hot paths the benchmark times, and the independent checks of their results.

Each function takes the benchmark `Context`; nothing here writes to the catalogue. The
cross-checks use plain Python or plain SQL, never the code under test, so that a wrong answer
cannot agree with itself.
"""

from __future__ import annotations

from bench.framework import Context
from editor.core import rollup, search
from editor.core.integrity import check_catalogue
from editor.db.database import open_catalogue
from editor.db.models import LEVEL_INDEX, Organization, Page, Territory, db

REGION_NAME = "Краснодарский край"
SEARCH_TEXT = "школа"


def open_for_reading(ctx: Context) -> None:
    """Bind the models to the generated catalogue (the runs only read)."""
    if "core_opened" not in ctx.state:
        open_catalogue(ctx.catalogue)
        ctx.state["core_opened"] = True


def _region(ctx: Context) -> tuple[int, str]:
    """Краснодарский край, or the subject with most municipalities when a small run left it out."""
    if "core_region" not in ctx.state:
        node = Territory.get_or_none(Territory.name == REGION_NAME)
        if node is None or not Territory.select().where(Territory.parent == node.id).exists():
            row = db.execute_sql(
                "SELECT t.id, t.name FROM territory t JOIN territory m ON m.parent_id = t.id"
                " WHERE t.level = ? GROUP BY t.id ORDER BY count(*) DESC, t.id LIMIT 1",
                (LEVEL_INDEX["region"],),
            ).fetchone()
            ctx.state["core_region"] = (row[0], row[1])
        else:
            ctx.state["core_region"] = (node.id, node.name)
    return ctx.state["core_region"]


# --- roll-ups ------------------------------------------------------------------------------


def prepare_totals(ctx: Context) -> None:
    """Setup: open the catalogue and count its live pages independently."""
    open_for_reading(ctx)
    ctx.state["core_live_pages"] = Page.select().where(Page.deleted_at.is_null()).count()


def tree_totals(ctx: Context) -> str:
    """The whole territory tree's totals (what the tree view shows)."""
    totals = rollup.tree_totals()
    pages = max((t.pages for t in totals.values()), default=0)  # the root's
    if pages != ctx.state["core_live_pages"]:
        raise AssertionError(
            f"the root shows {pages} pages, the catalogue holds {ctx.state['core_live_pages']}"
        )
    return f"{len(totals)} territories, {pages} pages at the root"


def prepare_region(ctx: Context) -> None:
    """Setup: open the catalogue and count the region's pages independently (plain SQL)."""
    open_for_reading(ctx)
    region_id, _ = _region(ctx)
    ctx.state["core_region_pages"] = db.execute_sql(
        "WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL SELECT t.id FROM territory t"
        " JOIN sub ON t.parent_id = sub.id)"
        " SELECT count(*) FROM page WHERE deleted_at IS NULL AND territory_id IN sub",
        (region_id,),
    ).fetchone()[0]


def region_stats(ctx: Context) -> str:
    """One subject's full roll-up without the territory counts (the status bar / report head)."""
    region_id, name = _region(ctx)
    result = rollup.stats(region_id, with_territories=False)
    if result.pages != ctx.state["core_region_pages"]:
        raise AssertionError(
            f"{name}: stats() gives {result.pages} pages, SQL counts {ctx.state['core_region_pages']}"
        )
    return f"{name}: {result.pages} pages, {result.organizations} organisations"


def whole_stats(ctx: Context) -> str:
    """`stats` of the whole catalogue, with the territory counts."""
    result = rollup.stats()
    if result.pages != ctx.state["core_live_pages"]:
        raise AssertionError(
            f"stats() gives {result.pages} pages, the catalogue holds {ctx.state['core_live_pages']}"
        )
    return f"{result.pages} pages, {result.organizations} organisations"


def check(ctx: Context) -> str:
    """`check` of the whole catalogue."""
    report = check_catalogue()
    if report.problems:
        raise AssertionError("; ".join(report.problems))
    return "clean" if not report.warnings else "; ".join(report.warnings)


# --- search --------------------------------------------------------------------------------


def prepare_search(ctx: Context) -> None:
    """Setup: the expected hit count from a Python scan, and what plain LIKE would find."""
    open_for_reading(ctx)
    if "core_scan" in ctx.state:
        return
    needle = _fold(SEARCH_TEXT)
    rows = (
        Page.select(Page.title, Organization.full_name, Organization.short_name)
        .join(Organization, on=Page.organization == Organization.id)
        .where(Page.deleted_at.is_null())
        .tuples()
        .iterator()
    )
    ctx.state["core_scan"] = sum(1 for parts in rows if needle in _fold(" ".join(parts)))
    pattern = f"%{SEARCH_TEXT}%"
    ctx.state["core_like"] = db.execute_sql(
        "SELECT count(*) FROM page p JOIN organization o ON o.id = p.organization_id"
        " WHERE p.deleted_at IS NULL AND (p.title LIKE ? OR o.full_name LIKE ?"
        " OR o.short_name LIKE ?)",
        (pattern, pattern, pattern),
    ).fetchone()[0]


def _fold(text: str) -> str:
    return text.casefold().replace("ё", "е")


def _compare(found: int, ctx: Context) -> str:
    scan, like = ctx.state["core_scan"], ctx.state["core_like"]
    if found != scan:
        raise AssertionError(f"search found {found} pages, a Python scan finds {scan}")
    return f"«{SEARCH_TEXT}»: {found} pages = Python scan {scan} (plain LIKE on names: {like})"


def _new_search() -> None:
    """Forget the index's kept answers: each run reads every key, as a text not typed before."""
    from editor.core import text_index

    index = text_index.current()
    if index is not None:
        index.forget_answers()


def search_count(ctx: Context) -> str:
    """How many pages a quick search matches and their subscribers (the table's status line)."""
    _new_search()
    found, _ = search.count_and_total(search.PageFilter(text=SEARCH_TEXT))
    return _compare(found, ctx)


def search_cold(ctx: Context) -> str:
    """The first search after the catalogue changed: the in-memory index is read again."""
    from editor.core import text_index

    text_index.release()
    found, _ = search.count_and_total(search.PageFilter(text=SEARCH_TEXT))
    return _compare(found, ctx) + " (index read again)"


def search_ids(ctx: Context) -> str:
    """The ids of the matching pages in display order (what the page table loads)."""
    _new_search()
    ids = search.ordered_ids(search.PageFilter(text=SEARCH_TEXT))
    return _compare(len(ids), ctx)
