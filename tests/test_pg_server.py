"""The throwaway test server's housekeeping: folders left by killed runs do not pile up."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.pg_server import STALE_AFTER, remove_stale


def _folder(parent, name: str, pid: int | None, age: float, now: float):
    data = parent / name / "data"
    data.mkdir(parents=True)
    if pid is not None:
        (data / "postmaster.pid").write_text(f"{pid}\n/some/data\n")
    (data / "base.bin").write_bytes(b"\0" * 4096)
    os.utime(parent / name, (now - age, now - age))
    return parent / name


def test_folders_of_dead_servers_are_removed_and_live_or_young_ones_kept(tmp_path):
    now = 1_800_000_000.0
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    dead_pid = int(gone.stdout)
    dead = _folder(tmp_path, "gp-pg-dead", dead_pid, STALE_AFTER * 2, now)
    never_started = _folder(tmp_path, "gp-pg-nopid", None, STALE_AFTER * 2, now)
    running = _folder(tmp_path, "gp-pg-live", os.getpid(), STALE_AFTER * 2, now)
    starting = _folder(tmp_path, "gp-pg-young", None, STALE_AFTER / 10, now)
    other = _folder(tmp_path, "something-else", dead_pid, STALE_AFTER * 2, now)

    removed = remove_stale(tmp_path, now)

    assert sorted(removed) == sorted([dead, never_started])
    assert not dead.exists() and not never_started.exists()
    assert running.exists() and starting.exists() and other.exists()
