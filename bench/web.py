"""Web-service figures: the verified /alexa endpoint beside a bare Flask + ask-sdk-core one.

Both run under gunicorn on 127.0.0.1 with one worker per core and get the same correctly
signed requests from 16 keep-alive client threads, in alternating rounds so that other load
on the machine hits both alike. The verified server trusts a test CA
through SKILL_TRUST_ROOTS and gets the chain from an injected CERT_FETCHER (config only;
production keeps its real download). Run: `python -m bench.web`.
"""

from __future__ import annotations

import http.client
import itertools
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flask import Flask

ROOT = Path(__file__).resolve().parent.parent
CONNECTIONS = 16
ROUNDS = 8
REQUESTS = 800  # per round and server
WARMUP = 300
PHASE_SECONDS = 20.0  # per round, whatever the machine
TARGETS = "targets: verified >= 0.70x bare req/s, p99 < 50 ms, worker RSS < 80 MB"


def verified_app() -> Flask:
    """gunicorn factory: the real app, its chain served from a file instead of S3."""
    from skill.web.app import create_app

    chain = Path(os.environ["BENCH_CHAIN_PEM"]).read_bytes()
    return create_app({"CERT_FETCHER": lambda url: chain})


def bare_app() -> Flask:
    """gunicorn factory: the same skill behind Flask with no verification, the baseline."""
    from ask_sdk_model import RequestEnvelope
    from flask import jsonify, request

    from skill.alexa.assembly import build_skill
    from skill.config import load_settings

    skill = build_skill(load_settings())
    app = Flask(__name__)

    @app.post("/alexa")
    def alexa() -> Any:
        payload = request.get_data(as_text=True)
        envelope = skill.serializer.deserialize(payload=payload, obj_type=RequestEnvelope)
        response = skill.invoke(request_envelope=envelope, context=None)
        return jsonify(skill.serializer.serialize(response))

    @app.get("/health")
    def health() -> Any:
        return jsonify(status="ok")

    return app


@dataclass
class Result:
    """One server's figures."""

    name: str
    rps: float
    p50_ms: float
    p99_ms: float
    rss_mb: float
    failures: int


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _start(factory: str, port: int, env: dict[str, str]) -> subprocess.Popen[bytes]:
    workers = str(os.cpu_count() or 1)
    command = [sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{port}"]
    command += ["--workers", workers, "--no-control-socket", "--log-level", "warning", factory]
    server = subprocess.Popen(command, cwd=ROOT, env=env)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            connection.request("GET", "/health")
            if connection.getresponse().status == 200:
                return server
        except OSError:
            time.sleep(0.1)
    _stop(server)
    raise RuntimeError(f"{factory} did not start")


def _stop(server: subprocess.Popen[bytes]) -> None:
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def _worker_rss_mb(master: int) -> float:
    """The largest gunicorn worker's resident memory, from /proc (Linux)."""
    rss = 0
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines())
        except (OSError, ValueError):
            continue
        if fields.get("PPid", "").strip() == str(master):
            rss = max(rss, int(fields.get("VmRSS", "0 kB").split()[0]))
    return rss / 1024


def _load(
    port: int, requests: list[tuple[bytes, dict[str, str]]], total: int
) -> tuple[list[float], int, float]:
    """Send total requests over CONNECTIONS keep-alive clients; latencies, failures, seconds."""
    counter = itertools.count()
    latencies: list[float] = []
    failures = [0]
    deadline = time.monotonic() + PHASE_SECONDS

    def client() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        mine: list[float] = []
        while (i := next(counter)) < total and time.monotonic() < deadline:
            body, headers = requests[i % len(requests)]
            started = time.perf_counter()
            try:
                connection.request("POST", "/alexa", body=body, headers=headers)
                response = connection.getresponse()
                response.read()
                ok = response.status == 200
            except (OSError, http.client.HTTPException):
                connection.close()
                ok = False
            mine.append(time.perf_counter() - started)
            failures[0] += not ok
        latencies.extend(mine)
        connection.close()

    threads = [threading.Thread(target=client) for _ in range(CONNECTIONS)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, failures[0], time.perf_counter() - started


Requests = list[tuple[bytes, dict[str, str]]]


def _signed_requests(count: int = REQUESTS) -> Requests:
    """Correctly signed launches, signed now so their timestamps are fresh, each sent once.

    Every request id is accepted once (a replay is refused), so a round needs `count` of them.
    """
    from tests.support.certs import body_of, envelope, signed_headers

    bodies = [body_of(envelope()) for _ in range(count)]
    return [(body, signed_headers(body)) for body in bodies]


def _round(port: int, requests: Requests) -> tuple[float, float, float, int]:
    """One load round: requests per second, p50 and p99 in ms, failures."""
    latencies, failures, seconds = _load(port, requests, REQUESTS)
    cuts = statistics.quantiles(latencies, n=100)
    return len(latencies) / seconds, cuts[49] * 1e3, cuts[98] * 1e3, failures


def measure(servers: dict[str, str], env: dict[str, str]) -> tuple[list[Result], float]:
    """Run every server at once, load them in alternating rounds (order swapped each round)
    and take medians, so other load on the machine hits both alike; also the paired ratio."""
    names = list(servers)
    ports = {name: _free_port() for name in names}
    running = {name: _start(servers[name], ports[name], env) for name in names}
    rounds: dict[str, list[tuple[float, float, float, int]]] = {name: [] for name in names}
    try:
        for name in names:
            _load(ports[name], _signed_requests(WARMUP), WARMUP)
        for number in range(ROUNDS):
            requests = _signed_requests()
            for name in names if number % 2 == 0 else reversed(names):
                rounds[name].append(_round(ports[name], requests))
        rss = {name: _worker_rss_mb(process.pid) for name, process in running.items()}
    finally:
        for process in running.values():
            _stop(process)
    results = [
        Result(
            name,
            *(statistics.median(r[i] for r in rounds[name]) for i in range(3)),
            rss_mb=rss[name],
            failures=sum(r[3] for r in rounds[name]),
        )
        for name in names
    ]
    first, last = rounds[names[0]], rounds[names[-1]]
    return results, statistics.median(b[0] / a[0] for a, b in zip(first, last, strict=True))


def _environment(work: Path) -> dict[str, str]:
    """Production settings, trusting only the throwaway test CA."""
    from tests.support.certs import APP_ID, make_pki

    pki = make_pki()
    chain = work / "chain.pem"
    chain.write_bytes(pki.chain())
    env = {k: v for k, v in os.environ.items() if not k.startswith("SKILL_")}
    env.update(
        SKILL_ENV="production",
        SKILL_VERIFY_REQUESTS="true",
        SKILL_TRUST_ROOTS=pki.write_roots(work),
        SKILL_APPLICATION_IDS=APP_ID,
        SKILL_DB_PATH=str(work / "bench.db"),
        SKILL_REPLAY_PATH=str(work / "requests.db"),  # as `python -m skill serve` sets it
        BENCH_CHAIN_PEM=str(chain),
        PYTHONPATH=str(ROOT),
    )
    return env


def report(bare: Result, verified: Result, ratio: float) -> str:
    """The figures side by side, with the targets they are held to."""
    lines = [
        f"web service: {os.cpu_count()} gunicorn workers each, {CONNECTIONS} connections, "
        f"median of {ROUNDS} alternating rounds of {REQUESTS} requests, 127.0.0.1",
        f"{'':22}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'worker MB':>11}{'failed':>8}",
    ]
    for r in (bare, verified):
        lines.append(
            f"{r.name:22}{r.rps:9.0f}{r.p50_ms:9.2f}{r.p99_ms:9.2f}{r.rss_mb:11.1f}{r.failures:8d}"
        )
    met = ratio >= 0.7 and verified.p99_ms < 50 and verified.rss_mb < 80
    verdict = "met" if met else "MISSED"
    lines.append(f"verified/bare throughput {ratio:.2f}x (median of paired rounds)")
    lines.append(f"{TARGETS}: {verdict}")
    return "\n".join(lines)


def main() -> int:
    """Measure both servers in one run and print them side by side; 1 if any request failed."""
    with tempfile.TemporaryDirectory(prefix="hip-helper-bench-") as work:
        env = _environment(Path(work))
        servers = {
            "bare flask + ask-sdk": "bench.web:bare_app()",
            "verified /alexa": "bench.web:verified_app()",
        }
        (bare, verified), ratio = measure(servers, env)
    print(report(bare, verified, ratio))
    return 1 if bare.failures or verified.failures else 0


if __name__ == "__main__":
    sys.exit(main())
