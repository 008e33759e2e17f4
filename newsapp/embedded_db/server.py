"""Start (once per process) the embedded PostgreSQL server and create the database."""

from __future__ import annotations

import functools
import logging
import warnings
from dataclasses import dataclass
from pathlib import Path

import psycopg
from psycopg import sql

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class EmbeddedServer:
    socket_dir: str
    user: str
    bin_dir: Path


@functools.cache
def ensure_running(data_dir: str) -> EmbeddedServer:
    """Start the server for ``data_dir`` unless it already runs; safe across processes."""
    with warnings.catch_warnings():
        # platformdirs warns when XDG_RUNTIME_DIR is unset (CI, cron); its fallback is fine.
        warnings.simplefilter("ignore")
        import pgserver
        from pgserver._commands import POSTGRES_BIN_PATH

        Path(data_dir).parent.mkdir(parents=True, exist_ok=True)
        # cleanup_mode=None: the server outlives this process, so the next command reuses it.
        server = pgserver.get_server(data_dir, cleanup_mode=None)
    info = server.get_postmaster_info()
    return EmbeddedServer(socket_dir=str(info.socket_dir), user="postgres", bin_dir=Path(POSTGRES_BIN_PATH))


@functools.cache
def ensure_database(data_dir: str, name: str) -> EmbeddedServer:
    """Make sure database ``name`` exists on the embedded server and return the server."""
    server = ensure_running(data_dir)
    with psycopg.connect(
        host=server.socket_dir, user=server.user, dbname="postgres", autocommit=True
    ) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            logger.info("Creating database %s on the embedded server", name)
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return server


def stop(data_dir: str) -> None:
    """Stop the embedded server of ``data_dir`` if it runs (``make db-stop``)."""
    import os

    from pgserver._commands import pg_ctl

    if (Path(data_dir) / "postmaster.pid").exists():
        pg_ctl(["-w", "stop"], pgdata=Path(data_dir), user="pgserver" if os.geteuid() == 0 else None)
