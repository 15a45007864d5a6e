"""Several writers on one server catalogue at once: two imports both land, the roll-up tallies
stay exact, and edits made meanwhile through the store keep their own ids."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ROWS = 1500


def _main(*args: str) -> list[str]:
    return [sys.executable, str(ROOT / "main.py"), *args]


def _csv(path: Path, prefix: str, subscribers: int) -> Path:
    lines = ["Организация;Ссылка;Подписчики"]
    lines += [
        f"{prefix} учреждение № {n};https://vk.com/{prefix}{n};{subscribers}" for n in range(ROWS)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_two_imports_at_once_both_land_with_exact_totals(pg_url, tmp_path):
    assert subprocess.run(_main("init", pg_url), capture_output=True, check=False).returncode == 0
    first = _csv(tmp_path / "first.csv", "alpha", 3)
    second = _csv(tmp_path / "second.csv", "beta", 5)
    running = [
        subprocess.Popen(
            _main("import", pg_url, str(path), "--into", "Курганская область", "--json"),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        for path in (first, second)
    ]
    for process in running:
        out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
        assert json.loads(out)["new"] == ROWS
    stats = subprocess.run(
        _main("stats", pg_url, "--json"), capture_output=True, text=True, check=True, cwd=ROOT
    )
    figures = json.loads(stats.stdout)
    assert figures["pages"] == figures["organizations"] == 2 * ROWS
    assert figures["subscribers"] == ROWS * 3 + ROWS * 5
    check = subprocess.run(_main("check", pg_url), capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stdout + check.stderr


def test_a_record_created_after_an_import_gets_a_fresh_id(backend_catalogue, tmp_path):
    from editor.core import records, territories
    from tests.exchange.import_helpers import run

    region = territories.resolve("37000000").id
    report = run([_csv(tmp_path / "a.csv", "gamma", 1)], region)
    assert report.new == ROWS
    created = records.create_organization(region, {"full_name": "Новая организация"})
    page = records.create_page(created.id, {"url": "https://vk.com/new_after_import"})
    assert created.id > ROWS and page.id > ROWS
