"""Public directory hot paths (issue 15): publishing the nationwide catalogue, `lookup` on it,
and the published page of one region in headless Chromium.

Targets: publish 300k pages ≤ 10 s with directory.json ≤ 60 MB; `lookup` ≤ 0.2 s (on a copy of the
catalogue whose word index the first lookup built; building it whole is reported); the page of a
region (≤ 10,000 pages) interactive ≤ 1 s after load, each keystroke answered ≤ 50 ms. The
browser case is skipped (reported, not failed) where no system Chromium is installed.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from bench.framework import Case, Context

JSON_LIMIT_MB = 60
INTERACTIVE_LIMIT = 1.0
KEYSTROKE_LIMIT = 0.050
REGION_PAGES = 10_000
QUERIES = ("администрация район", "школа 5", "дом культуры", "библиотека")
TYPED = ("адм район", "школа 12", "библиотека")
ROOT = Path(__file__).resolve().parents[1]


def _open(ctx: Context) -> None:
    from editor.core.opening import open_catalogue

    open_catalogue(ctx.catalogue)


def _publish(ctx: Context) -> str:
    from editor.exchange.directory.publish import publish

    result = publish(ctx.workdir / "site", force=True)
    size = result.json_bytes / 1e6
    html = (result.folder / "index.html").stat().st_size / 1e6
    note = (
        f"{result.pages:,} pages, {result.organizations:,} organisations; "
        f"directory.json {size:.1f} MB, index.html {html:.1f} MB"
    )
    if size > JSON_LIMIT_MB:
        raise AssertionError(f"directory.json over {JSON_LIMIT_MB} MB: {note}")
    return note


def _indexed_copy(ctx: Context) -> Path:
    """A private copy of the catalogue whose word index `lookup` has built (the first lookup
    on a catalogue builds it; the generated catalogue itself stays as it is)."""
    from editor.core.opening import open_catalogue
    from editor.exchange.directory.lookup import lookup

    copy = ctx.writable_copy("lookup.gpc")
    open_catalogue(copy)
    lookup("администрация", limit=1)
    return copy


def _index_setup(ctx: Context) -> None:
    from editor.core.opening import open_catalogue

    open_catalogue(ctx.writable_copy("lookup.gpc"))


def _index_build(ctx: Context) -> str:
    """The word index built whole (a new catalogue, or after an import changing most pages)."""
    from editor.db.directory_words import STATE
    from editor.db.models import db
    from editor.exchange.directory.lookup import _index_places
    from editor.exchange.directory.word_index import bring_up_to_date

    with db.atomic():
        db.execute_sql(f"UPDATE {STATE} SET places = 0")  # as after a territory change
    if not bring_up_to_date(_index_places):
        raise AssertionError("the index could not be built")
    return "from scratch"


def _lookup_setup(ctx: Context) -> None:
    _indexed_copy(ctx)


def _lookup(ctx: Context) -> str:
    from editor.exchange.directory.lookup import lookup

    counter = ctx.state.setdefault("run", 0)
    ctx.state["run"] = counter + 1
    query = QUERIES[counter % len(QUERIES)]
    found = lookup(query, limit=10)
    if not found:
        raise AssertionError(f"«{query}» found nothing")
    return f"«{query}» → {found[0].organization}"


def _lookup_process(ctx: Context) -> str:
    """The whole command as a bot runs it: a new process, the catalogue opened, the answer."""
    command = [
        sys.executable,
        "main.py",
        "lookup",
        str(ctx.state["copy"]),
        "адм",
        "район",
        "--json",
    ]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise AssertionError(done.stderr.strip())
    return f"{len(json.loads(done.stdout)['results'])} results"


def _process_setup(ctx: Context) -> None:
    from editor.core.opening import close_catalogue

    ctx.state["copy"] = _indexed_copy(ctx)
    close_catalogue()


def _region_site(ctx: Context) -> None:
    """Publish the largest region of at most REGION_PAGES pages (untimed)."""
    from editor.core.opening import open_catalogue
    from editor.db.models import LEVEL_INDEX, Territory, db
    from editor.exchange.directory.publish import publish

    open_catalogue(ctx.catalogue)
    best: tuple[int, int, str] | None = None
    for region in Territory.select().where(Territory.level == LEVEL_INDEX["region"]):
        count = db.execute_sql(
            "WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL SELECT t.id FROM territory t "
            "JOIN sub ON t.parent_id = sub.id) SELECT count(*) FROM page "
            "WHERE deleted_at IS NULL AND territory_id IN (SELECT id FROM sub)",
            (region.id,),
        ).fetchone()[0]
        if count <= REGION_PAGES and (best is None or count > best[0]):
            best = (count, region.id, region.name)
    assert best is not None
    result = publish(ctx.workdir / "region", best[1], scope_text=best[2], force=True)
    ctx.state["site"] = result.folder / "index.html"
    ctx.state["region"] = f"{best[2]}: {result.pages:,} pages"


def _page(ctx: Context) -> str:
    sys.path.insert(0, str(ROOT))
    from tests.directory import browser

    reason = browser.missing()
    if reason:
        return f"skipped: {reason}"
    with browser.chromium() as driver:
        browser.open_page(driver, ctx.state["site"])
        interactive = driver.execute_script("return window.directoryReadyMs") / 1000
        worst = 0.0
        for query in TYPED:
            for end in range(1, len(query) + 1):
                # One keystroke: the input event, the new results, and the layout they need.
                elapsed = driver.execute_script(
                    "const q = document.getElementById('q'); const t0 = performance.now();"
                    "q.value = arguments[0]; q.dispatchEvent(new Event('input'));"
                    "document.body.offsetHeight; return performance.now() - t0;",
                    query[:end],
                )
                worst = max(worst, elapsed / 1000)
        shown = driver.execute_script("return document.querySelectorAll('li.org').length")
    note = (
        f"{ctx.state['region']}; interactive {interactive * 1000:.0f} ms, "
        f"slowest keystroke {worst * 1000:.1f} ms ({shown} shown)"
    )
    if interactive > INTERACTIVE_LIMIT or worst > KEYSTROKE_LIMIT:
        raise AssertionError(f"over the target: {note}")
    return note


CASES = [
    Case(
        "directory: publish 300k pages",
        10.0,
        _publish,
        repeat=1,
        setup=_open,
        target_text=f"≤ 10 s, json ≤ {JSON_LIMIT_MB} MB",
    ),
    Case(
        "directory: lookup word index built",
        None,
        _index_build,
        repeat=1,
        setup=_index_setup,
    ),
    Case("directory: lookup on 300k pages", 0.2, _lookup, repeat=8, setup=_lookup_setup),
    Case(
        "directory: lookup as a new process", None, _lookup_process, repeat=3, setup=_process_setup
    ),
    Case(
        "directory: region page in headless chromium",
        None,
        _page,
        repeat=1,
        setup=_region_site,
        target_text="interactive ≤ 1 s, keystroke ≤ 50 ms",
    ),
]
