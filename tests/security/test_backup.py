"""Backups: a dump restored into a fresh database has every table with the same rows.

The database backed up is a copy of the test database (migrated, catalog
loaded) with the seed articles ingested by a real ``manage.py ingest``, so every
app table has rows and the dump holds committed data.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from newsapp.ops.backups import backup, table_counts
from newsapp.ops.databases import child_env
from newsapp.ops.fingerprint import fingerprints, forget_database, with_database
from tests.conftest import ROOT, SEEDS

pytestmark = [pytest.mark.slow, pytest.mark.django_db]


def counts(name: str) -> dict[str, int]:
    return {c.table: c.rows for c in table_counts(name)}


def prints(name: str, blocker) -> dict[str, tuple[int, str]]:
    alias = with_database(f"fp_{name}", name)
    try:
        with blocker.unblock():
            return fingerprints(alias)
    finally:
        forget_database(alias)


@pytest.fixture(scope="module")
def filled(databases) -> str:
    name = databases("backup_source")
    subprocess.run(
        [sys.executable, "manage.py", "ingest", str(SEEDS)],
        cwd=ROOT,
        env=child_env(name),
        check=True,
        timeout=300,
    )
    return name


def test_a_backup_restored_into_a_fresh_database_has_every_table_with_the_same_rows(
    filled, databases, tmp_path, capsys, django_db_blocker
):
    dump = backup(tmp_path / "marsad.dump", name=filled)
    fresh = databases("restored", create=False)
    call_command("restore", str(dump), "--into", fresh)
    assert "استُعيدت" in capsys.readouterr().out
    before, after = counts(filled), counts(fresh)
    assert after == before
    assert len(before) >= 20 and before["newsapp_article"] == 5 and before["newsapp_mention"] > 20
    assert before["django_migrations"] > 0 and before["newsapp_entity"] > 100
    # Not only as many rows: the same rows.
    assert prints(fresh, django_db_blocker) == prints(filled, django_db_blocker)


def test_a_restore_never_overwrites_a_database_with_tables_unless_told(filled, databases, tmp_path):
    dump = backup(tmp_path / "marsad.dump", name=filled)
    target = databases("occupied")  # a copy of the test database: it has tables
    with pytest.raises(CommandError, match="--replace"):
        call_command("restore", str(dump), "--into", target)
    call_command("restore", str(dump), "--into", target, "--replace")
    assert counts(target) == counts(filled)


def test_the_backup_command_writes_a_complete_dump_of_the_configured_database(tmp_path, capsys):
    output = tmp_path / "nested" / "test.dump"
    call_command("backup", "--output", str(output))
    assert output.read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format
    assert not list(output.parent.glob("*.partial"))
    assert str(output) in capsys.readouterr().out


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="غير موجود"):
        call_command("restore", str(Path(tmp_path / "none.dump")), "--into", "never_made")
