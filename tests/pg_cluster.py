"""A PostgreSQL cluster of a test's own (Debian's `postgresql` package), that the test may stop
with `pg_ctl stop -m immediate` and start again without disturbing the shared test cluster
(scripts/postgres.sh) that other tests use at the same time."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.browser.server import free_port
from tests.conftest import require_or_skip


def postgres_bindir() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))
    return found[-1] if found else None


class PostgresCluster:
    def __init__(self, port: int | None = None) -> None:
        bindir = postgres_bindir()
        missing = "PostgreSQL introuvable (paquet postgresql)"
        require_or_skip(bindir is not None, "PTCE_REQUIRE_POSTGRES", missing)
        assert bindir is not None
        self.bindir = bindir
        self.port = port or free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="ptce-pg-"))
        self.folder.chmod(0o755)
        self.data = self.folder / "data"
        self._as_postgres: list[str] = []
        if os.getuid() == 0:  # initdb refuses to run as root
            shutil.chown(self.folder, "postgres")
            self._as_postgres = ["runuser", "-u", "postgres", "--"]

    def url(self, database: str = "ptce") -> str:
        return f"postgresql+psycopg://ptce@127.0.0.1:{self.port}/{database}"

    def _run(self, tool: str, *args: str) -> None:
        subprocess.run(
            [*self._as_postgres, str(self.bindir / tool), *args],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )

    def create(self) -> PostgresCluster:
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            "ptce",
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        )
        self.start()
        self.createdb("ptce")
        return self

    def start(self) -> None:
        self._run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-l",
            str(self.folder / "log"),
            "-w",
            "-o",
            f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.folder} -c fsync=off",
            "start",
        )

    def stop(self, mode: str = "immediate") -> None:
        """`immediate`: as a crash would (no checkpoint, connections cut)."""
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def createdb(self, name: str) -> None:
        self._run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "ptce", name)

    def tool(self, name: str) -> list[str]:
        """The command line of a client tool (pg_dump, pg_restore) of this cluster's version."""
        return [str(self.bindir / name), "-h", "127.0.0.1", "-p", str(self.port), "-U", "ptce"]

    def destroy(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):  # already stopped
            self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)
