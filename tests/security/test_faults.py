"""Faults lose nothing: a SIGKILLed ingest rerun, and two ingests at once, equal one clean run.

Each run is a real ``manage.py ingest`` subprocess on 40 real articles (the 5
seeds and the 35 held-out dev articles), against its own database copied from
the test database (migrated, catalog loaded), so subprocesses see committed
data and the developer's database is never touched. Rows are compared with
``newsapp.ops.fingerprint``: per table, the row count and a hash of every row
with ids and timestamps replaced by what they point to.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsapp.ops.databases import child_env, server
from newsapp.ops.fingerprint import fingerprints, forget_database, with_database
from tests.conftest import ROOT, SEEDS

# The django_db mark makes pytest-django create the test database these runs copy;
# the tests themselves only talk to their own databases.
pytestmark = [pytest.mark.slow, pytest.mark.django_db]

DEV = ROOT / "tests" / "data" / "dev"
ARGS = ["--published", "2024-11-05", "--source", "وكالة الاختبار"]
_clean: dict[str, tuple[int, str]] = {}


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("batch")
    sources = sorted(SEEDS.glob("*.txt")) + sorted(DEV.glob("*.txt"))
    for number, source in enumerate(sources):
        shutil.copy(source, folder / f"{number:02d}.txt")
    assert len(sources) == 40
    return folder


def start_ingest(name: str, batch: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "manage.py", "ingest", str(batch), *ARGS],
        cwd=ROOT,
        env=child_env(name),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def run_ingest(name: str, batch: Path) -> str:
    process = start_ingest(name, batch)
    out, err = process.communicate(timeout=180)
    assert process.returncode == 0, err[-2000:]
    return out


def articles_in(name: str) -> int:
    with server().connect(name) as conn:
        return conn.execute("SELECT count(*) FROM newsapp_article").fetchone()[0]


def half_written(name: str) -> int:
    """Articles stored without their analysis: a transaction that was not all or nothing."""
    with server().connect(name) as conn:
        return conn.execute("SELECT count(*) FROM newsapp_article WHERE analyzed_at IS NULL").fetchone()[0]


def kill_after(name: str, batch: Path, articles: int) -> int:
    """Start an ingest, SIGKILL it once ``articles`` are in; the count when it died."""
    process = start_ingest(name, batch)
    deadline = time.monotonic() + 120
    while articles_in(name) < articles and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=30)
    assert process.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"
    return articles_in(name)


def prints_of(name: str, blocker) -> dict[str, tuple[int, str]]:
    alias = with_database(f"fp_{name}", name)
    try:
        with blocker.unblock():
            return fingerprints(alias)
    finally:
        forget_database(alias)


def clean_run(databases, batch: Path, blocker) -> dict[str, tuple[int, str]]:
    if not _clean:
        name = databases("clean")
        out = run_ingest(name, batch)
        assert "جديد: 40" in out, out
        _clean.update(prints_of(name, blocker))
    return _clean


def test_an_ingest_killed_twice_and_rerun_ends_with_exactly_the_rows_of_one_clean_run(
    databases, batch, django_db_blocker
):
    clean = clean_run(databases, batch, django_db_blocker)
    name = databases("killed")
    first = kill_after(name, batch, 4)
    assert 4 <= first < 40 and half_written(name) == 0
    second = kill_after(name, batch, first + 12)
    assert first < second < 40 and half_written(name) == 0
    out = run_ingest(name, batch)
    assert f"جديد: {40 - second} · مكرر: {second}" in out, out
    assert prints_of(name, django_db_blocker) == clean
    assert clean["newsapp_article"][0] == 40 and clean["newsapp_mention"][0] > 100


def test_two_ingests_of_the_same_files_at_once_store_each_article_once(databases, batch, django_db_blocker):
    clean = clean_run(databases, batch, django_db_blocker)
    name = databases("parallel")
    processes = [start_ingest(name, batch) for _ in range(2)]
    outputs = [p.communicate(timeout=180) for p in processes]
    assert [p.returncode for p in processes] == [0, 0], [err[-1000:] for _, err in outputs]
    created = sum(int(out.split("جديد: ")[1].split(" ")[0]) for out, _ in outputs)
    assert created == 40
    together = prints_of(name, django_db_blocker)
    # Each article once, with exactly its own mentions...
    for table in ["newsapp_article", "newsapp_mention", "newsapp_source"]:
        assert together[table] == clean[table], table
    # ...and the meetings too: the two runs meet on the same article (the second waits on the
    # unique index, then reads a duplicate), so events merge in the same order as in one run.
    assert together == clean
    assert half_written(name) == 0
