"""Quick search right after an edit (issue 16): the in-memory index catches up with the pages
the edit logged instead of reading all 300,000 again.

Runs on a private copy of the catalogue: each run renames one organisation's page title (a
committed edit, as the editor makes it) and then searches «школа» as the quick filter does;
the edited page must be found by its new title at once.
"""

from __future__ import annotations

from bench.core_paths import SEARCH_TEXT
from bench.framework import Case, Context
from editor.core import records, search, text_index
from editor.db.database import open_catalogue
from editor.db.models import Page


def _open(ctx: Context) -> None:
    if "search_edit_page" not in ctx.state:
        open_catalogue(ctx.writable_copy("search-edit.gpc"))
        ctx.state["search_edit_page"] = Page.select(Page.id).order_by(Page.id).first().id
        ctx.state["search_edit_round"] = 0
    search.count_and_total(search.PageFilter(text=SEARCH_TEXT))  # the index read once


def edit_then_search(ctx: Context) -> str:
    """One committed edit, then the quick filter's count and ordered ids."""
    page_id = ctx.state["search_edit_page"]
    ctx.state["search_edit_round"] += 1
    title = f"Школа на опушке {ctx.state['search_edit_round']}"
    loads = text_index.loads()
    records.update_page(page_id, {"title": title})
    found, _ = search.count_and_total(search.PageFilter(text=SEARCH_TEXT))
    ids = search.ordered_ids(search.PageFilter(text=title.lower()))
    if ids != [page_id]:
        raise AssertionError(f"the edited page is not found by its new title: {ids}")
    reread = text_index.loads() - loads
    return f"«{SEARCH_TEXT}»: {found} pages; the index read the catalogue {reread} time(s)"


CASES = [
    Case(
        "search «школа»: right after an edit (edit + count + ids)",
        0.1,
        edit_then_search,
        repeat=5,
        setup=_open,
    ),
]
