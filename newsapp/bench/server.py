"""Run the app under gunicorn (the production server) for the benchmark, and always stop it."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings

# Bench-only values: never used outside a benchmark run on 127.0.0.1.
BENCH_ENV = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "marsad-bench-only-secret-key-not-for-production-0123456789abcdef",
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
    "DJANGO_SECURE_SSL_REDIRECT": "0",
    "MARSAD_ANON_RATE": "off",
    # Persistent connections: one per gunicorn thread, kept between requests.
    "MARSAD_CONN_MAX_AGE": "600",
    "DJANGO_LOG_LEVEL": "ERROR",
}


def bench_env(**extra: str) -> dict[str, str]:
    env = {**os.environ, **BENCH_ENV, **extra}
    env.setdefault("MARSAD_DB_NAME", settings.DATABASES["default"]["NAME"])
    return env


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def collectstatic(env: dict[str, str]) -> None:
    """Static files as production serves them (WhiteNoise, hashed and compressed names)."""
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v", "0"],
        cwd=settings.BASE_DIR,
        env=env,
        check=True,
    )


def _wait_until_up(url: str, process: subprocess.Popen, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with status {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer {url} within {timeout:.0f} s")


@contextmanager
def gunicorn(
    env: dict[str, str], *, workers: int = 2, threads: int = 4, log: Path
) -> Iterator[tuple[str, int]]:
    """Serve on 127.0.0.1 (a free port) until the block ends; yields the base URL and gunicorn's pid.

    Used by the benchmark and by the load run (``newsapp.ops.load``). Keep-alive
    is off, as behind a proxy (nginx speaks HTTP/1.0 to its upstreams unless told
    otherwise): a gthread worker keeps every kept-alive connection it accepted,
    so wrk's few connections could all land on one worker, on one core, and the
    same page measured 167 or 326 requests a second from one run to the next.
    """
    port = free_port()
    command = [
        sys.executable, "-m", "gunicorn", "newsapp.wsgi:application",
        "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--threads", str(threads),
        "--worker-class", "gthread", "--keep-alive", "0", "--log-level", "warning", "--timeout", "60",
    ]  # fmt: skip
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("ab") as output:
        process = subprocess.Popen(command, cwd=settings.BASE_DIR, env=env, stdout=output, stderr=output)
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_until_up(f"{base}/healthz/", process)
            for path in ("/", "/timeline/", "/api/meetings/"):  # warm up both workers' imports
                for _ in range(workers * 2):
                    urllib.request.urlopen(base + path, timeout=60).read()
            yield base, process.pid
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
