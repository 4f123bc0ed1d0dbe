"""A private PostgreSQL cluster that a test may stop and start (the server going away).

The shared test server (tests/postgres.py) must stay up for every other test, so a test that
stops the server gets a cluster of its own: initdb into a temporary folder, its own free port on
127.0.0.1, started and stopped with pg_ctl (as the ``postgres`` user when the tests run as root,
as scripts/test.sh does). Skipped when no PostgreSQL server binaries are installed, except
under CI where that is a failure.

    from tests.pgcluster import pg_cluster  # noqa: F401  (the fixture)

    def test_x(pg_cluster):
        url = pg_cluster.url            # postgresql://postgres@127.0.0.1:PORT/postgres
        pg_cluster.stop(); pg_cluster.start()   # same port, same data
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.postgres import running_in_ci


def _bin_dir() -> Path | None:
    candidates = [Path("/usr/lib/postgresql/15/bin"), *sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)]
    for folder in candidates:
        if (folder / "initdb").exists() and (folder / "pg_ctl").exists():
            return folder
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    def __init__(self, bin_dir: Path, root: Path) -> None:
        self.bin, self.root = bin_dir, root
        self.data = root / "data"
        self.port = _free_port()
        self._as_pg = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str) -> None:
        result = subprocess.run([*self._as_pg, str(self.bin / args[0]), *args[1:]], cwd=self.root,
                                capture_output=True, text=True, timeout=60)
        if result.returncode != 0:
            log = (self.root / "server.log")
            tail = log.read_text()[-2000:] if log.exists() else ""
            raise RuntimeError(f"{args[0]} failed: {result.stdout}{result.stderr}{tail}")

    def init(self) -> None:
        if self._as_pg:
            shutil.chown(self.root, "postgres")
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                  "--locale=C.UTF-8")

    def start(self) -> None:
        options = (f"-c listen_addresses=127.0.0.1 -c port={self.port} "
                   f"-c unix_socket_directories='{self.root}' -c fsync=off")
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "server.log"), "-w", "-t", "30",
                  "-o", options, "start")

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def running(self) -> bool:
        return (self.data / "postmaster.pid").exists()


@pytest.fixture
def pg_cluster() -> Iterator[Cluster]:
    """A started private cluster (trust authentication, 127.0.0.1 only), removed afterwards."""
    bin_dir = _bin_dir()
    if bin_dir is None:
        message = "PostgreSQL server binaries (initdb, pg_ctl) are not installed"
        if running_in_ci():
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    root = Path(tempfile.mkdtemp(prefix="practice-desk-pgc."))
    cluster = Cluster(bin_dir, root)
    try:
        cluster.init()
        cluster.start()
        yield cluster
    finally:
        if cluster.running():
            try:
                cluster.stop("immediate")
            except RuntimeError:
                pass
        shutil.rmtree(root, ignore_errors=True)
