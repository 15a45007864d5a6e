"""`main.py territories` as a user runs it: exit codes, one-line errors, --json, a killed load."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from editor.core.catalogue import init_catalogue
from editor.db.database import close_catalogue
from editor.exchange.classifiers.load import PAUSE_ENV

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "main.py", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def dump(path: Path) -> tuple[list, list, int]:
    """Territories, aliases and the size of the change log, read with plain sqlite3."""
    connection = sqlite3.connect(path)
    try:
        return (
            connection.execute("SELECT * FROM territory ORDER BY id").fetchall(),
            connection.execute("SELECT * FROM territory_alias ORDER BY id").fetchall(),
            connection.execute("SELECT count(*) FROM change").fetchone()[0],
        )
    finally:
        connection.close()


@pytest.fixture
def catalogue(tmp_path):
    path = tmp_path / "catalogue.gpc"
    init_catalogue(path)
    close_catalogue()
    return path


def rosstat_file(path: Path, districts: int = 1, settlements: int = 2, localities: int = 2) -> Path:
    """A generated Rosstat-layout file for Алтайский край with a tree of the given widths."""
    lines = []

    def add(code: str, part: int, name: str) -> None:
        code = code.ljust(11, "0")
        cells = [code[:2], code[2:5], code[5:8], code[8:], "0", str(part), name]
        lines.append(";".join(f'"{c}"' for c in cells) + ';;;"000";"0";14.06.2013;01.01.2014')

    for d in range(districts):
        district = f"01{601 + d:03d}"
        add(district + "000", 1, f"Район {d} муниципальный район")
        for s in range(settlements):
            settlement = f"{district}{401 + s:03d}"
            add(settlement, 1, f"Сельсовет {d}-{s}")
            for v in range(localities):
                add(f"{settlement}{101 + v:03d}", 2, f"с Село {d}-{s}-{v}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_load_prints_a_summary_and_json(catalogue, tmp_path):
    source = rosstat_file(tmp_path / "oktmo.csv")

    first = run("territories", str(catalogue), str(source))
    second = run("territories", str(catalogue), str(source), "--json")

    assert first.returncode == 0, first.stderr
    assert "Создано территорий: 7" in first.stdout
    assert second.returncode == 0, second.stderr
    report = json.loads(second.stdout)
    assert (report["created"], report["updated"], report["unchanged"]) == (0, 0, 7)
    assert report["files"] == [str(source)]
    stats = json.loads(run("stats", str(catalogue), "--json").stdout)
    assert (stats["territories"]["settlement"], stats["territories"]["locality"]) == (2, 4)


@pytest.mark.parametrize(
    "content",
    [
        b"name,type\n\xd0\x90,\xd0\x91\n",  # another layout
        '"01";"601";"000";"000";"3";"1";"Алейский район";;;"000";"0";14.06.2013;01.01.2014\n'
        '"01";"601";"402"\n'.encode(),  # truncated
        "01601000;Алейский район\n01601000;Алтайский район\n".encode("cp1251"),  # duplicate code
    ],
)
def test_bad_file_is_one_line_on_stderr_and_exit_1(catalogue, tmp_path, content):
    bad = tmp_path / "bad.csv"
    bad.write_bytes(content)
    before = dump(catalogue)

    result = run("territories", str(catalogue), str(bad))

    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(bad) in lines[0]
    assert "Traceback" not in result.stderr
    assert dump(catalogue) == before


def test_missing_catalogue_and_bad_usage(tmp_path):
    source = rosstat_file(tmp_path / "oktmo.csv")
    missing = run("territories", str(tmp_path / "absent.gpc"), str(source))
    assert missing.returncode == 1 and len(missing.stderr.strip().splitlines()) == 1
    assert run("territories", str(tmp_path / "absent.gpc")).returncode == 2


def _real_rosstat(tmp_path: Path) -> Path:
    if not DATA.is_dir():
        pytest.skip("../shared/data is absent")
    return DATA / "oktmo_rosstat_01_03.csv"


def _generated(tmp_path: Path) -> Path:
    return rosstat_file(tmp_path / "big.csv", districts=20, settlements=15, localities=10)


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX only")
@pytest.mark.parametrize("make_source", [_real_rosstat, _generated], ids=["real", "generated"])
def test_killed_load_leaves_the_catalogue_as_before(catalogue, tmp_path, make_source):
    source = make_source(tmp_path)
    before = dump(catalogue)
    env = {**os.environ, PAUSE_ENV: "1000"}
    process = subprocess.Popen(
        [sys.executable, "main.py", "territories", str(catalogue), str(source)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    watchdog = threading.Timer(60, process.kill)  # never hang the suite if the hook is missed
    watchdog.start()
    try:
        marker = process.stderr.readline()
        assert "paused" in marker, marker + process.stderr.read()
        process.send_signal(signal.SIGKILL)  # 1,000 rows written, transaction still open
        process.wait()
    finally:
        watchdog.cancel()
        process.stderr.close()
    assert process.returncode == -signal.SIGKILL

    check = run("check", str(catalogue))

    assert check.returncode == 0, check.stdout + check.stderr
    assert dump(catalogue) == before
    # The lock died with the process: a new load goes through.
    assert run("territories", str(catalogue), str(source)).returncode == 0
    assert len(dump(catalogue)[0]) > len(before[0]) + 1000
