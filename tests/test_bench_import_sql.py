"""`python -m bench.import_sql`: an import with the database's share of its time."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from editor.db.database import close_catalogue, open_catalogue
from tests.exchange.import_helpers import HEADERS, add_region, counts, write_xlsx
from tests.test_cli_import import ROWS

ROOT = Path(__file__).resolve().parents[1]


def test_the_import_lands_and_its_writes_are_timed(file_catalogue, tmp_path):
    add_region()
    path = write_xlsx(tmp_path / "кетово.xlsx", HEADERS, ROWS)
    close_catalogue()
    done = subprocess.run(
        [sys.executable, "-m", "bench.import_sql", str(file_catalogue), str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    open_catalogue(file_catalogue)
    assert counts()["pages"] == result["new"] > 0
    assert result["rows"] == len(ROWS)
    assert 0 < result["write_seconds"] < result["seconds"]
    # The statements that took longest, by their text: seconds, calls, the statement.
    listed = [line.split(None, 3) for line in done.stderr.splitlines()]
    assert listed and all(len(line) == 4 and line[1] == "s" for line in listed)
    assert any(line[3].startswith(("INSERT", "UPDATE")) for line in listed)
