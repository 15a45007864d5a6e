"""The quick filter as a user types (issue 16): every keystroke until the new rows are painted.

The search index keeps its answers to recent texts, so «gui: quick-filter keystroke» (typing and
erasing the last letter of «школа») finds both texts kept after its first runs. These cases
measure the keystrokes that find nothing kept: a word typed letter by letter from an empty
filter (the first letter reads every page, each next one narrows the previous answer), and a
keystroke right after an edit, which the index must follow first. Each run is one edit of the
text; nothing is debounced away: the time runs from the keystroke to the painted table.
"""

from __future__ import annotations

import time
from itertools import count

from bench.bench_gui import _wait, open_window, paint_pending
from bench.framework import Case, Context

# Texts no other step types, so that no run finds its answer kept. Each run types one letter;
# after the last letter of a word the next run replaces the word by the next one's first letter.
WORDS = ("библиотека", "поликлиника", "гимназия", "больница", "музей", "стадион", "лицей")
EDIT_TEXT = "школа"


def _keystroke(ctx: Context, change) -> None:
    """Apply `change` to the quick filter and wait until the table shows its rows, painted."""
    window = ctx.state["window"]
    updated: list[int] = []
    window.page_model.firstRowsShown.connect(lambda: updated.append(1))
    window.page_model.refreshed.connect(lambda: updated.append(1))
    change(window.filter_bar.quick)
    _wait(ctx, lambda: bool(updated))
    paint_pending(ctx)


def clear_filter(ctx: Context) -> None:
    """Setup: the whole catalogue, no text typed, everything loaded; then Ctrl+F, which reads
    the search index in the background, and a wait until it is read (the first search after
    opening a catalogue is timed by «search «школа»: first after a change»)."""
    from editor.core import text_index

    open_window(ctx)
    window = ctx.state["window"]
    window.filter_bar.clear()
    _wait(ctx, lambda: not window.page_model.is_loading())
    window.activateWindow()
    window.actions_.find.trigger()
    _wait(ctx, lambda: text_index.loads() > 0)
    ctx.state["letters"] = iter(
        [(word, length) for word in WORDS for length in range(1, len(word) + 1)]
    )


def typing(ctx: Context) -> str:
    """One letter of a word being typed (the first letter replaces the previous word)."""
    word, length = next(ctx.state["letters"])
    started = time.perf_counter()
    if length == 1:
        _keystroke(ctx, lambda quick: quick.setText(word[0]))
    else:
        _keystroke(ctx, lambda quick: quick.insert(word[length - 1]))
    took = time.perf_counter() - started
    window = ctx.state["window"]
    shown = f"«{window.filter_bar.quick.text()}»: {window.page_model.rowCount()} rows"
    if took >= ctx.state.get("slowest", (0.0, ""))[0]:
        ctx.state["slowest"] = (took, shown)
    slowest, what = ctx.state["slowest"]
    return f"last {shown}; slowest {slowest * 1000:.0f} ms, {what}"


def open_for_editing(ctx: Context) -> None:
    """Setup: a window on a private copy (the runs edit it), «школ» typed and loaded."""
    if "window" in ctx.state:
        return
    from bench import bench_gui
    from editor.db.models import db

    catalogue = ctx.writable_copy("quick-filter-edit.gpc")
    ctx.catalogue, shared = catalogue, ctx.catalogue
    try:
        bench_gui.open_window(ctx)
    finally:
        ctx.catalogue = shared
    window = ctx.state["window"]
    window.filter_bar.quick.setText(EDIT_TEXT[:-1])
    window.filter_bar.flush()
    _wait(ctx, lambda: not window.page_model.is_loading())
    # Live pages the filter does not show: each run gives one a title that brings it in.
    rows = db.execute_sql(
        "SELECT id FROM page WHERE deleted_at IS NULL AND instr(search_key, ?) = 0"
        " ORDER BY id LIMIT 200",
        (EDIT_TEXT[:-1],),
    ).fetchall()
    ctx.state["outsiders"] = iter(row[0] for row in rows)
    ctx.state["round"] = count(1)


def edit_then_keystroke(ctx: Context) -> str:
    """A page renamed through the undo stack (as the form or a cell does), then one keystroke;
    the renamed page must be among the rows at once."""
    from editor.commands.base import push
    from editor.commands.page_edit import EditPageFields

    window = ctx.state["window"]
    page_id = next(ctx.state["outsiders"])
    title = f"Школа на опушке {next(ctx.state['round'])}"
    error = push(window.undo_stack, EditPageFields(window.store, page_id, {"title": title}))
    if error:
        raise AssertionError(error)
    if window.filter_bar.quick.text() == EDIT_TEXT:
        _keystroke(ctx, lambda quick: quick.backspace())
    else:
        _keystroke(ctx, lambda quick: quick.insert(EDIT_TEXT[-1]))
    shown = window.page_model.page_ids()
    if page_id not in shown and window.page_model.is_loading() and page_id > max(shown, default=0):
        # A first screen that ends before the page: it must come with the rest (timed too).
        _wait(ctx, lambda: not window.page_model.is_loading())
        shown = window.page_model.page_ids()
    if page_id not in shown:
        raise AssertionError(f"the renamed page {page_id} is not in the table")
    text = window.filter_bar.quick.text()
    return f"«{text}»: {window.page_model.rowCount()} rows, the renamed page among them"


CASES = [
    Case(
        "gui: quick-filter keystroke, words typed letter by letter → updated table",
        0.1,
        typing,
        repeat=12,
        setup=clear_filter,
    ),
    Case(
        "gui: quick-filter keystroke right after an edit (edit + keystroke) → updated table",
        0.1,
        edit_then_keystroke,
        repeat=6,
        setup=open_for_editing,
    ),
]
