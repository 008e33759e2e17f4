"""The configured PostgreSQL server outside the ORM: its tools, its other databases.

Works for both configurations of settings: the embedded server (``DATABASE_URL``
unset; its own ``pg_dump``/``pg_restore`` ship in the pgserver package) and an
external server from ``DATABASE_URL`` (tools from ``PATH``).
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
from django.conf import settings
from django.db import connections
from psycopg import sql

EMBEDDED_ENGINE = "newsapp.embedded_db"


@dataclass(frozen=True)
class Server:
    """How a client program reaches the server: libpq variables and where the tools are."""

    env: dict[str, str]
    bin_dir: Path | None
    embedded: bool

    def tool(self, name: str) -> str:
        """The path of ``pg_dump``, ``pg_restore``, ...: the embedded server's own first."""
        if self.bin_dir and (self.bin_dir / name).exists():
            return str(self.bin_dir / name)
        found = shutil.which(name)
        if not found:
            raise FileNotFoundError(f"{name} غير موجود: ثبّت postgresql-client")
        return found

    def connect(self, dbname: str = "postgres") -> psycopg.Connection:
        params = {
            "host": self.env.get("PGHOST"),
            "port": self.env.get("PGPORT"),
            "user": self.env.get("PGUSER"),
            "password": self.env.get("PGPASSWORD"),
        }
        return psycopg.connect(dbname=dbname, autocommit=True, **{k: v for k, v in params.items() if v})


def server(alias: str = "default") -> Server:
    config = settings.DATABASES[alias]
    if config["ENGINE"] == EMBEDDED_ENGINE:
        from newsapp.embedded_db.server import ensure_running

        running = ensure_running(config["OPTIONS_EMBEDDED_DATA_DIR"])
        return Server({"PGHOST": running.socket_dir, "PGUSER": running.user}, running.bin_dir, embedded=True)
    env = {
        "PGHOST": str(config.get("HOST") or ""),
        "PGPORT": str(config.get("PORT") or ""),
        "PGUSER": str(config.get("USER") or ""),
        "PGPASSWORD": str(config.get("PASSWORD") or ""),
    }
    return Server({k: v for k, v in env.items() if v}, None, embedded=False)


def current_name(alias: str = "default") -> str:
    """The database the app uses now (under pytest: the test database)."""
    return connections[alias].settings_dict["NAME"]


def create_database(name: str, *, template: str | None = None, alias: str = "default") -> None:
    """Create ``name`` (empty, or a copy of ``template``, which must have no other connection)."""
    statement = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
    if template:
        statement = sql.SQL("{} TEMPLATE {}").format(statement, sql.Identifier(template))
    with server(alias).connect() as conn:
        conn.execute(statement)


def drop_database(name: str, *, alias: str = "default") -> None:
    with server(alias).connect() as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def database_exists(name: str, *, alias: str = "default") -> bool:
    with server(alias).connect() as conn:
        return conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is not None


def child_env(name: str, alias: str = "default") -> dict[str, str]:
    """The environment for a ``manage.py`` subprocess that should use database ``name``."""
    env = dict(os.environ)
    config = settings.DATABASES[alias]
    if config["ENGINE"] == EMBEDDED_ENGINE:
        env["MARSAD_DB_NAME"] = name
    else:
        parts = urlsplit(env["DATABASE_URL"])
        env["DATABASE_URL"] = urlunsplit(parts._replace(path=f"/{name}"))
    return env
