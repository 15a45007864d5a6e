"""`main.py` run as a user runs it: a process of its own, its output captured."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_main(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """`python main.py ARGS…` from the checkout; `env` adds to (or overrides) this environment."""
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
    )
