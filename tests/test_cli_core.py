"""The command line: init, stats, check; exit statuses and one-line errors."""

from __future__ import annotations

import json
import sqlite3

from tests.main_process import run_main as run


def test_init_stats_check(tmp_path):
    path = tmp_path / "region.gpc"
    result = run("init", str(path))
    assert result.returncode == 0, result.stderr
    assert "89" in result.stdout
    stats = json.loads(run("stats", str(path), "--json").stdout)
    assert stats["territories"] == {
        "country": 1,
        "federal_district": 8,
        "region": 89,
        "municipality": 0,
        "settlement": 0,
        "locality": 0,
    }
    for key in ("pages", "organizations", "subscribers", "by_network", "by_sphere", "by_level"):
        assert key in stats
    scoped = json.loads(
        run("stats", str(path), "--territory", "Курганская область", "--json").stdout
    )
    assert scoped["territories"]["region"] == 1
    assert run("check", str(path)).returncode == 0


def test_errors_are_one_line_without_traceback(tmp_path):
    path = tmp_path / "region.gpc"
    assert run("init", str(path)).returncode == 0
    again = run("init", str(path))
    assert again.returncode == 1 and "уже существует" in again.stderr
    missing = run("stats", str(tmp_path / "absent.gpc"))
    assert missing.returncode == 1
    assert missing.stderr.strip().count("\n") == 0 and "Traceback" not in missing.stderr
    unknown = run("stats", str(path), "--territory", "Нигде")
    assert unknown.returncode == 1 and "не найдена" in unknown.stderr
    usage = run("stats")
    assert usage.returncode == 2


def test_check_reports_a_broken_invariant(tmp_path):
    path = tmp_path / "region.gpc"
    assert run("init", str(path)).returncode == 0
    connection = sqlite3.connect(path)
    # A region put under another region breaks the level order.
    connection.execute(
        "UPDATE territory SET parent_id = (SELECT id FROM territory WHERE"
        " oktmo = '10000000') WHERE oktmo = '37000000'"
    )
    connection.commit()
    connection.close()
    result = run("check", str(path))
    assert result.returncode == 1
    assert "уровнем" in result.stdout
