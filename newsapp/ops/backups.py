"""Backups of the configured database: pg_dump's custom format out, pg_restore back in.

Files go to ``var/backups/`` (ignored by git) unless told otherwise. A restore
goes into the configured database or into another one on the same server
(``into``); a database that already holds tables is replaced only when asked.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from psycopg import sql

from .databases import Server, database_exists, server

BACKUP_DIR = Path(settings.BASE_DIR) / "var" / "backups"


class BackupError(Exception):
    """A backup or restore that could not be done; the message says why, in Arabic."""


@dataclass(frozen=True)
class TableCount:
    table: str
    rows: int


def configured_name(alias: str = "default") -> str:
    return settings.DATABASES[alias]["NAME"]


def _run(srv: Server, args: list[str]) -> None:
    result = subprocess.run(
        args, env={**_base_env(), **srv.env}, capture_output=True, text=True, timeout=3600, check=False
    )
    if result.returncode != 0:
        raise BackupError(f"{Path(args[0]).name} فشل: {result.stderr.strip()[-2000:]}")


def _base_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("PG")}


def backup(output: Path | None = None, *, name: str | None = None) -> Path:
    """Dump database ``name`` (default: the configured one) to ``output``; return the file."""
    name = name or configured_name()
    if output is None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        output = BACKUP_DIR / f"{name}-{stamp}.dump"
    output.parent.mkdir(parents=True, exist_ok=True)
    srv = server()
    partial = output.with_name(output.name + ".partial")
    _run(
        srv,
        [srv.tool("pg_dump"), "--format=custom", "--no-owner", "--no-privileges", f"--file={partial}", name],
    )
    partial.replace(output)  # a file under its final name is always a complete dump
    return output


def latest_backup() -> Path:
    dumps = sorted(BACKUP_DIR.glob("*.dump"), key=lambda p: p.stat().st_mtime)
    if not dumps:
        raise BackupError(f"لا توجد نسخ احتياطية في {BACKUP_DIR}")
    return dumps[-1]


def table_counts(name: str) -> list[TableCount]:
    """Exact row counts of every table of database ``name`` (schema public)."""
    with server().connect(name) as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
            )
        ]
        return [
            TableCount(
                t, conn.execute(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(t))).fetchone()[0]
            )
            for t in tables
        ]


def restore(dump: Path, *, into: str | None = None, replace: bool = False) -> list[TableCount]:
    """Restore ``dump`` into database ``into`` (default: the configured one); return its table counts."""
    if not dump.is_file():
        raise BackupError(f"الملف غير موجود: {dump}")
    target = into or configured_name()
    srv = server()
    with srv.connect() as conn:
        if database_exists(target) and table_counts(target):
            if not replace:
                raise BackupError(f"قاعدة البيانات {target} ليست فارغة؛ أضف --replace لاستبدالها بالنسخة")
            conn.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(target)))
        if not database_exists(target):
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(target)))
    _run(
        srv,
        [
            srv.tool("pg_restore"),
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            f"--dbname={target}",
            str(dump),
        ],
    )
    return table_counts(target)
