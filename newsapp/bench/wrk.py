"""Load with wrk (Debian's package, installed when missing) and read its latency percentiles."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass

# wrk prints p50/p75/p90/p99 by itself; this script adds p95 and machine-readable numbers.
_REPORT_SCRIPT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("MARSAD %d %d %d %d %d %d\\n",
    latency:percentile(50), latency:percentile(95), latency:percentile(99),
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout + e.status))
end
"""


@dataclass(frozen=True)
class LoadResult:
    rps: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    requests: int
    errors: int


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run([*sudo, "apt-get", "update"], check=True, env=env, stdout=subprocess.DEVNULL)
    subprocess.run([*sudo, "apt-get", "install", "-y", "--no-install-recommends", "wrk"], check=True, env=env)
    found = shutil.which("wrk")
    if not found:
        raise RuntimeError("wrk is not installed and could not be installed")
    return found


def run_wrk(url: str, *, seconds: int = 4, connections: int = 4, threads: int = 2) -> LoadResult:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(_REPORT_SCRIPT)
    try:
        completed = subprocess.run(
            [ensure_wrk(), f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s",
             "-s", script.name, url],
            capture_output=True, text=True, check=True, timeout=seconds + 30,
        )  # fmt: skip
    finally:
        os.unlink(script.name)
    match = re.search(r"^MARSAD (\d+) (\d+) (\d+) (\d+) (\d+) (\d+)$", completed.stdout, re.MULTILINE)
    if not match:
        raise RuntimeError(f"unexpected wrk output: {completed.stdout}")
    p50, p95, p99, requests, duration, errors = (int(g) for g in match.groups())
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", completed.stdout)
    return LoadResult(
        rps=requests / (duration / 1e6),
        p50_ms=p50 / 1000,
        p95_ms=p95 / 1000,
        p99_ms=p99 / 1000,
        requests=requests,
        errors=errors + (int(non_2xx.group(1)) if non_2xx else 0),
    )
