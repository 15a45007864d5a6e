"""A throwaway PostgreSQL server for the tests of server catalogues.

initdb into a temporary folder, started with pg_ctl on a free localhost port (its unix socket in
the same folder) and stopped at the end. PostgreSQL refuses to run as root, so under root (CI)
the server runs as `nobody` through runuser. `skip_reason()` says why no server can be started
here (no server binaries, no psycopg), so that those tests skip with the reason.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

ADMIN, ADMIN_PASSWORD = "gp_admin", "adm-secret-7"


def _bin_dir() -> Path | None:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), reverse=True)
    return Path(candidates[0]).parent if candidates else None


def _runuser() -> str | None:
    """runuser (util-linux) lives in /usr/sbin, which a user's PATH often lacks."""
    return shutil.which("runuser") or shutil.which("runuser", path="/usr/sbin:/sbin")


def skip_reason() -> str | None:
    """Why the PostgreSQL tests cannot run here, or None."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed (pip install -e '.[server]')"
    if _bin_dir() is None:
        return "no PostgreSQL server binaries (apt-get install postgresql)"
    if os.geteuid() == 0 and _runuser() is None:
        return "running as root without runuser to start PostgreSQL as nobody"
    return None


# A folder older than this without a running server is left over (its process was killed
# before it could remove it); younger ones may belong to a server still being made.
STALE_AFTER = 600.0
PREFIX = "gp-pg-"


def remove_stale(parent: Path, now: float) -> list[Path]:
    """Remove the folders of throwaway servers whose process is gone (a run killed before its
    end leaves one behind: 2 to 25 GB each with the benchmark catalogue); return them."""
    removed = []
    for folder in parent.glob(f"{PREFIX}*"):
        try:
            if now - folder.stat().st_mtime < STALE_AFTER or _running(folder / "data"):
                continue
        except OSError:
            continue
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    return removed


def _running(data: Path) -> bool:
    """Is the postmaster of the data folder `data` alive."""
    try:
        pid = int((data / "postmaster.pid").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PgServer:
    """One running server; `url()` names a database on it, `new_database()` makes an empty one."""

    def __init__(self) -> None:
        self.bin = _bin_dir()
        remove_stale(Path(tempfile.gettempdir()), time.time())
        self.root = Path(tempfile.mkdtemp(prefix=PREFIX))
        self.data = self.root / "data"
        self.port = _free_port()
        self._as_root = os.geteuid() == 0
        self._names = itertools.count(1)

    def _run(self, *command: str) -> None:
        prefix = [_runuser() or "runuser", "-u", "nobody", "--"] if self._as_root else []
        subprocess.run([*prefix, *command], check=True, capture_output=True, timeout=120)

    def start(self) -> PgServer:
        password_file = self.root / "pw"
        password_file.write_text(ADMIN_PASSWORD + "\n")
        if self._as_root:
            shutil.chown(self.root, "nobody")
            shutil.chown(password_file, "nobody")
        self._run(
            str(self.bin / "initdb"),
            "-D",
            str(self.data),
            "-U",
            ADMIN,
            f"--pwfile={password_file}",
            "--auth-local=trust",
            "--auth-host=scram-sha-256",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        )
        options = (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off"
            " -c synchronous_commit=off -c full_page_writes=off"
        )
        self._run(
            str(self.bin / "pg_ctl"),
            "start",
            "-w",
            "-D",
            str(self.data),
            "-l",
            str(self.root / "log"),
            "-o",
            options,
        )
        return self

    def stop(self) -> None:
        try:
            self._run(str(self.bin / "pg_ctl"), "stop", "-m", "immediate", "-D", str(self.data))
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def url(
        self, dbname: str, user: str = ADMIN, password: str | None = ADMIN_PASSWORD, query: str = ""
    ) -> str:
        auth = f"{user}:{password}" if password else user
        return f"postgresql://{auth}@127.0.0.1:{self.port}/{dbname}" + (
            f"?{query}" if query else ""
        )

    def admin(self, dbname: str = "postgres"):
        """An autocommit psycopg connection as the superuser."""
        import psycopg

        return psycopg.connect(self.url(dbname), autocommit=True)

    def new_database(self) -> str:
        """The name of a new empty database."""
        name = f"cat_{next(self._names)}"
        with self.admin() as connection:
            connection.execute(f"CREATE DATABASE {name}")
        return name
