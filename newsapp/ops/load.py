"""A bounded load run: gunicorn on 127.0.0.1, wrk against a mix of pages, memory sampled.

Everything stays on the loopback interface: the server binds 127.0.0.1 on a
free port, wrk runs for a fixed time with a fixed number of connections, and
the server is stopped (by its own process id) whatever happens. The server
runs the production settings (``DJANGO_DEBUG=0``, a one-off secret key, static
files collected), with HTTPS redirection and the anonymous API throttle off:
the run measures the app, not the throttle.
"""

from __future__ import annotations

import json
import secrets
import shutil
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from django.conf import settings

from newsapp.bench.server import collectstatic, gunicorn

from .databases import child_env

DEFAULT_PATHS = [
    "/timeline/",
    "/timeline/?leader=xi-jinping&leader=vladimir-putin",
    "/api/meetings/",
    "/api/articles/?leader=vladimir-putin",
    "/search/?q=" + quote("بوتين"),
    "/search/?q=" + quote("اتصال هاتفي"),
]

# wrk's Lua: the paths in turn on every connection, and a JSON summary at the end.
_SCRIPT = """
local paths = {%(paths)s}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'MARSAD {"requests": %%d, "duration_us": %%d, "connect": %%d, "read": %%d, "write": %%d, ' ..
    '"status": %%d, "timeout": %%d, "p50": %%d, "p90": %%d, "p99": %%d, "max": %%d, "mean": %%.1f}\\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
end
"""


@dataclass
class LoadResult:
    requests: int = 0
    seconds: float = 0.0
    errors: dict[str, int] = field(default_factory=dict)
    latency_ms: dict[str, float] = field(default_factory=dict)
    rss_kb: list[tuple[float, int]] = field(default_factory=list)  # (seconds into the run, server RSS)

    @property
    def error_count(self) -> int:
        return sum(self.errors.values())

    @property
    def rss_start(self) -> int:
        return self.rss_kb[0][1] if self.rss_kb else 0

    @property
    def rss_end(self) -> int:
        return self.rss_kb[-1][1] if self.rss_kb else 0

    @property
    def rss_max(self) -> int:
        return max((r for _, r in self.rss_kb), default=0)

    @property
    def rss_middle(self) -> int:
        """RSS halfway through: start → middle is warming up, middle → end should be flat."""
        return self.rss_kb[len(self.rss_kb) // 2][1] if self.rss_kb else 0

    def rss_every(self, seconds: float) -> list[tuple[float, int]]:
        picked, next_at = [], 0.0
        for at, rss in self.rss_kb:
            if at >= next_at:
                picked.append((at, rss))
                next_at += seconds
        return picked


def tree_rss_kb(pid: int) -> int:
    """Resident memory of ``pid`` and all its descendants (gunicorn's master and workers), in KiB."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        todo.extend(children.get(current, []))
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total


def server_env(database: str | None) -> dict[str, str]:
    env = child_env(database or settings.DATABASES["default"]["NAME"])
    env.update(
        {
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),  # one-off, for this run only
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "MARSAD_ANON_RATE": "off",
            "DJANGO_LOG_LEVEL": "ERROR",
        }
    )
    return env


def _get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def wrk(base: str, paths: list[str], *, seconds: int, connections: int, threads: int = 2) -> dict[str, float]:
    if not shutil.which("wrk"):
        raise FileNotFoundError("wrk غير مثبّت: apt-get install wrk (أو make load)")
    lua = _SCRIPT % {"paths": ", ".join(json.dumps(p) for p in paths)}
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(lua)
    try:
        result = subprocess.run(
            ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "-s", script.name, base],
            capture_output=True, text=True, timeout=seconds + 60, check=True,
        )  # fmt: skip
    finally:
        Path(script.name).unlink()
    line = next(x for x in result.stdout.splitlines() if x.startswith("MARSAD "))
    return json.loads(line.removeprefix("MARSAD "))


def run_load(
    *,
    paths: list[str],
    seconds: int = 60,
    connections: int = 50,
    workers: int = 3,
    threads: int = 4,
    warmup: int = 5,
    database: str | None = None,
    log: Path,
    report=print,
) -> LoadResult:
    """Serve, check every path answers 200, warm up, then load for ``seconds`` sampling RSS each second."""
    result = LoadResult()
    env = server_env(database)
    collectstatic(env)
    with gunicorn(env, workers=workers, threads=threads, log=log) as (base, pid):
        report(f"الخادم: {base} (gunicorn {pid}: {workers} عمليات × {threads} خيوط)")
        for path in paths:
            status = _get(base + path)
            if status != 200:
                raise RuntimeError(f"{path} أجاب {status} قبل الحمل")
        if warmup:
            wrk(base, paths, seconds=warmup, connections=connections)
        stop = threading.Event()
        started = time.monotonic()

        def sample() -> None:
            while True:
                result.rss_kb.append((time.monotonic() - started, tree_rss_kb(pid)))
                if stop.wait(1.0):
                    break

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        try:
            summary = wrk(base, paths, seconds=seconds, connections=connections)
        finally:
            stop.set()
            sampler.join()
            result.rss_kb.append((time.monotonic() - started, tree_rss_kb(pid)))
    result.requests = int(summary["requests"])
    result.seconds = summary["duration_us"] / 1e6
    result.errors = {k: int(summary[k]) for k in ("connect", "read", "write", "status", "timeout")}
    result.latency_ms = {k: summary[k] / 1000 for k in ("mean", "p50", "p90", "p99", "max")}
    return result
