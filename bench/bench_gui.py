"""The desktop editor's hot paths (issue 3, item 7), driving the real window offscreen.

Start-up runs in a fresh process (the target counts from process start); the other cases share
one window on the generated catalogue. Automatic backups are off so that nothing is written.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

from bench.framework import Case, Context

ROOT_NAME = "Российская Федерация"
REGION_NAME = "Краснодарский край"
FILTER_TEXT = "школа"


def _app():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(sys.argv[:1])


def _wait(ctx: Context, condition, timeout: float = 60.0) -> None:
    """Run the event loop until `condition()`; it sleeps between events like the application's
    own loop (a loop that polls would hold the GIL the background queries need)."""
    from PySide6.QtCore import QEventLoop, QTimer

    app = ctx.state["app"]
    deadline = time.perf_counter() + timeout
    tick = QTimer()
    tick.start(5)  # wakes the loop to look at `condition` even when no event comes
    try:
        while not condition():
            if ctx.state.get("errors"):
                raise AssertionError(ctx.state["errors"][-1])
            app.processEvents(
                QEventLoop.ProcessEventsFlag.AllEvents
                | QEventLoop.ProcessEventsFlag.WaitForMoreEvents
            )
            if time.perf_counter() > deadline:
                raise AssertionError("the window did not update within 60 s")
    finally:
        tick.stop()


def paint_pending(ctx: Context) -> None:
    """Paint the table as the application's loop does next: the pending paint events run.

    A forced ``repaint()`` paints at once but leaves the region queued, so the window painted it
    again on the next step's clock (12–19 ms of every keystroke, measured). When no paint of the
    table was pending, it is forced, so that a step never ends with its rows unpainted.
    """
    from PySide6.QtCore import QEvent, QEventLoop, QObject

    viewport = ctx.state["window"].page_table.viewport()
    paints = []

    class _Painted(QObject):
        def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt naming
            if watched is viewport and event.type() == QEvent.Type.Paint:
                paints.append(1)
            return False

    watcher = _Painted()
    viewport.installEventFilter(watcher)
    try:
        ctx.state["app"].processEvents(QEventLoop.ProcessEventsFlag.AllEvents)
    finally:
        viewport.removeEventFilter(watcher)
    if not paints:
        viewport.repaint()


def startup(ctx: Context) -> str:
    """A new process: window with the tree and the table's first rows painted."""
    settings = ctx.workdir / "startup.ini"
    out = subprocess.run(
        [sys.executable, "-m", "bench.gui_probe", str(ctx.catalogue), str(settings)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    report = json.loads(out.stdout.strip().splitlines()[-1])
    if "error" in report:
        raise AssertionError(report["error"])
    return f"shown after {report['shown']:.2f} s from process start, {report['rows']} first rows"


def open_window(ctx: Context) -> None:
    """Setup: one window on the catalogue, the whole catalogue selected and loaded."""
    if "window" in ctx.state:
        return
    ctx.state["app"] = _app()
    from editor.ui.main_window import MainWindow
    from editor.ui.settings import Settings

    settings = Settings.at(ctx.workdir / "window.ini")
    settings.auto_backup = False
    window = MainWindow(ctx.catalogue, settings=settings)
    window.resize(1400, 900)
    window.show()
    ctx.state["window"] = window
    ctx.state["errors"] = []
    window.page_model.loadFailed.connect(ctx.state["errors"].append)
    _wait(ctx, lambda: not window.page_model.is_loading() and window.page_model.rowCount() > 0)
    region = _find_region(window)
    ctx.state["region"] = region


def _find_region(window) -> int:
    from editor.core.territories import find_by_name

    found = find_by_name(REGION_NAME)
    if found:
        return found[0].id
    root = window.tree_model.index(0, 0)
    window.tree_model.fetchMore(root)
    district = window.tree_model.index(0, 0, root)
    window.tree_model.fetchMore(district)
    return window.tree_model.territory_id(window.tree_model.index(0, 0, district))


def select_root(ctx: Context) -> str:
    """Click a region, then Российская Федерация: time until its first rows are painted.

    The region's query is started but not awaited, so the time is an upper bound for the
    selection of Российская Федерация from any other node.
    """
    window = ctx.state["window"]
    window.select_territory(ctx.state["region"])
    shown = []
    window.page_model.firstRowsShown.connect(lambda: shown.append(1))
    window.page_model.refreshed.connect(lambda: shown.append(1))
    root = window.tree_model.index(0, 0)
    window.territory_tree.setCurrentIndex(root)
    _wait(
        ctx,
        lambda: (
            bool(shown)
            and window.current_filter().territory_id == window.tree_model.territory_id(root)
        ),
    )
    paint_pending(ctx)
    ctx.state["after_root"] = True
    return f"{window.page_model.rowCount()} rows on screen first"


def whole_list(ctx: Context) -> str:
    """Российская Федерация: until every id is in the table and the status bar is summed."""
    window = ctx.state["window"]
    window.select_territory(ctx.state["region"])
    _wait(ctx, lambda: not window.page_model.is_loading())
    window.territory_tree.setCurrentIndex(window.tree_model.index(0, 0))
    _wait(ctx, lambda: not window.page_model.is_loading())
    return window.status_label.text()


def quick_filter(ctx: Context) -> str:
    """One keystroke in the quick filter (debounce included) until the new rows are painted.

    Runs alternate between typing the last letter of «школа» and erasing it, so every run is a
    single keystroke; a previous run's full id list may still be loading, as when typing.
    """
    window = ctx.state["window"]
    quick = window.filter_bar.quick
    updated = []
    window.page_model.firstRowsShown.connect(lambda: updated.append(1))
    window.page_model.refreshed.connect(lambda: updated.append(1))
    if quick.text() == FILTER_TEXT:
        quick.backspace()
    else:
        quick.insert(FILTER_TEXT[-1])
    _wait(ctx, lambda: bool(updated))
    paint_pending(ctx)
    return f"«{quick.text()}»: {window.page_model.rowCount()} rows on screen"


def reset_filter(ctx: Context) -> None:
    """Setup: the whole catalogue with «школ» typed and loaded."""
    open_window(ctx)
    window = ctx.state["window"]
    window.filter_bar.quick.setText(FILTER_TEXT[:-1])
    window.filter_bar.flush()
    _wait(ctx, lambda: not window.page_model.is_loading())


def scroll_to_end(ctx: Context) -> str:
    """Scroll the whole catalogue's table to its last row: only the rows on screen are read."""
    window = ctx.state["window"]
    window.filter_bar.clear()
    window.territory_tree.setCurrentIndex(window.tree_model.index(0, 0))
    _wait(ctx, lambda: not window.page_model.is_loading())
    window.page_table.scrollToTop()
    window.page_table.viewport().repaint()
    window.page_model._rows.clear()  # noqa: SLF001 - measure a cold cache
    window.page_table.scrollToBottom()
    window.page_table.viewport().repaint()
    cached = len(window.page_model._rows)  # noqa: SLF001
    total = window.page_model.rowCount()
    if cached >= total:
        raise AssertionError("scrolling read every row")
    return f"{cached} of {total} rows read"


CASES = [
    Case(
        "gui: start-up to tree and first rows",
        2.0,
        startup,
        repeat=3,
        target_text="≤ 2 s from process start",
    ),
    Case("gui: select Российская Федерация → first rows", 0.5, select_root, setup=open_window),
    Case(
        "gui: Российская Федерация, every id and the totals",
        None,
        whole_list,
        repeat=3,
        setup=open_window,
    ),
    Case("gui: quick-filter keystroke → updated table", 0.3, quick_filter, setup=reset_filter),
    Case("gui: scroll to the end of the table", 0.3, scroll_to_end, setup=open_window),
]
