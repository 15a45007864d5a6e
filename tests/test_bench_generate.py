"""The benchmark's generator builds a consistent, deterministic catalogue; its checks hold."""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bench.framework import Case, Context, discover, run_case
from bench.generate import END_DATE, generate
from editor.core import normalize as nz
from editor.core.integrity import check_catalogue
from editor.core.records import search_key
from editor.core.urls import canonical_url
from editor.db.database import close_catalogue, open_catalogue
from editor.db.models import Change, Organization, Page, SubscriberCount, Territory, db

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module", params=[(2, 50), (3, 6000)], ids=["tiny", "numbered"])
def generated(request, tmp_path_factory):
    """A generated catalogue: 2 regions / 50 pages (a sample of the fixed organisations) and
    3 regions / 6,000 pages (numbered schools, villages, exemptions)."""
    regions, pages = request.param
    path = tmp_path_factory.mktemp("bench") / "catalogue.gpc"
    info = generate(path, regions=regions, pages=pages, seed=7)
    return path, info


@pytest.fixture
def opened(generated):
    path, info = generated
    open_catalogue(path)
    yield info
    close_catalogue()


def test_counts_match_the_request(opened):
    info = opened
    pages = info["params"]["pages"]
    assert Page.select().count() == pages
    assert SubscriberCount.select().count() == pages * 12
    assert Organization.select().count() == info["counts"]["organizations"] == pages // 2
    municipalities = Territory.select().where(Territory.level == 3).count()
    assert municipalities == info["counts"]["municipalities"] >= 8 * info["params"]["regions"]
    custom = Territory.select().where(Territory.custom == True).count()  # noqa: E712
    assert custom == info["counts"]["custom"]


def test_catalogue_passes_its_integrity_check(opened):
    report = check_catalogue()
    assert report.problems == []
    assert report.warnings == []  # no URL shared by two pages


def test_only_one_change_log_entry(opened):
    entries = list(Change.select())
    assert [(e.entity, e.origin) for e in entries] == [("catalogue", "system")]


def test_pages_hold_canonical_urls_and_exact_search_keys(opened):
    urls = set()
    organizations = {o.id: o for o in Organization.select()}
    for page in Page.select():
        canonical = canonical_url(page.url)
        assert (canonical.url, canonical.network) == (page.url, page.network)
        assert page.url_key == page.url
        urls.add(page.url)
        organization = organizations[page.organization_id]
        assert page.search_key == search_key(page.title, organization, page.url)
        assert page.territory_id == organization.territory_id
        assert page.subscribers_date == END_DATE
    assert len(urls) == Page.select().count()


def test_latest_count_is_the_pages_subscribers(opened):
    rows = db.execute_sql(
        "SELECT p.subscribers, c.count FROM page p JOIN subscriber_count c ON c.page_id = p.id"
        " AND c.date = ?",
        (END_DATE.isoformat(),),
    ).fetchall()
    assert len(rows) == Page.select().count()
    assert all(subscribers == count for subscribers, count in rows)


def test_names_and_registry_numbers_are_well_formed(opened):
    for organization in Organization.select():
        assert "{" not in organization.full_name and "{" not in organization.short_name
        assert organization.name_key == nz.fold_text(organization.full_name)
        if organization.ogrn:
            assert nz.ogrn_valid(organization.ogrn) and nz.inn_valid(organization.inn)
    ogrns = [o.ogrn for o in Organization.select().where(Organization.ogrn.is_null(False))]
    assert len(ogrns) == len(set(ogrns))


def test_oktmo_codes_follow_the_classifier(opened):
    for node in Territory.select().where(Territory.level >= 3):
        parent = Territory.get_by_id(node.parent_id)
        assert node.name_key == nz.territory_key(node.name)
        if node.custom:
            assert node.oktmo is None
            continue
        assert re.fullmatch(r"\d{8}", node.oktmo)
        if node.level == 3:
            region_digits = 3 if parent.oktmo[2] != "0" else 2
            assert node.oktmo[:region_digits] == parent.oktmo[:region_digits]
            assert node.oktmo[region_digits] in "3567"
        else:
            assert node.oktmo[:5] == parent.oktmo[:5] and node.oktmo[5] in "147"


def _digest(path: Path) -> str:
    open_catalogue(path)
    try:
        digest = hashlib.sha256()
        for table in ("territory", "organization", "page", "subscriber_count"):
            for row in db.execute_sql(f'SELECT * FROM "{table}" ORDER BY id'):
                digest.update(repr(row).encode())
        return digest.hexdigest()
    finally:
        close_catalogue()


def test_same_seed_same_catalogue(tmp_path):
    first, second, other = tmp_path / "a.gpc", tmp_path / "b.gpc", tmp_path / "c.gpc"
    for path, seed in ((first, 3), (second, 3), (other, 4)):
        generate(path, regions=2, pages=300, seed=seed)
    assert _digest(first) == _digest(second)
    assert _digest(first) != _digest(other)


def test_core_cases_agree_with_their_independent_checks(generated, tmp_path):
    path, info = generated
    cases = [case for case in discover() if case.fn.__module__ == "bench.core_paths"]
    assert {c.name for c in cases} >= {
        "roll-up: whole tree (tree_totals)",
        "check: whole catalogue",
    }
    ctx = Context(path, tmp_path, argparse.Namespace())
    try:
        results = [run_case(case, ctx, repeat=1) for case in cases]
    finally:
        close_catalogue()
    assert [(r.name, r.error) for r in results] == [(c.name, "") for c in cases]
    search = next(r for r in results if "count_and_total" in r.name)
    found = int(re.search(r": (\d+) pages", search.note)[1])
    assert found == ctx.state["core_scan"]
    if info["params"]["pages"] >= 1000:  # numbered schools exist only beyond the fixed sample
        assert found > 0


def test_a_failing_case_is_reported_not_raised(tmp_path):
    def wrong(ctx):
        raise AssertionError("2 pages found, 3 expected")

    ctx = Context(tmp_path, tmp_path, argparse.Namespace())
    result = run_case(Case("broken", 0.1, wrong), ctx, repeat=2)
    assert result.verdict == "FAIL"
    assert "3 expected" in result.error


@pytest.mark.slow
def test_bench_command_prints_the_table(tmp_path):
    out = tmp_path / "bench.json"
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--pages", "400", "--regions", "2", "--only",
         "roll-up", "--repeat", "2", "--cache-dir", str(tmp_path), "--json", str(out)],
        cwd=ROOT, capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "roll-up: whole tree (tree_totals)" in done.stdout
    report = json.loads(out.read_text(encoding="utf-8"))
    names = [r["name"] for r in report["results"]]
    assert names[0].startswith("generation") and len(names) == 3
    assert all(len(r["times"]) == 2 for r in report["results"][1:])
    # A second run reuses the cached catalogue and still reports its generation time.
    again = subprocess.run(
        [sys.executable, "-m", "bench", "--pages", "400", "--regions", "2", "--only", "whole tree",
         "--cache-dir", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    assert again.returncode == 0, again.stderr
    assert "generating" not in again.stdout and "cached, measured" in again.stdout
