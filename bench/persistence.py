"""What memory costs a request on the SQLite store: get, get + save, and the atomic update.

A temporary database, 100 users, a bounded number of requests (and at most a few seconds per
figure); nothing leaves the machine. Run: `python -m bench.persistence`.
"""

from __future__ import annotations

import multiprocessing
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from ask_sdk_model import Application, Context, LaunchRequest, RequestEnvelope, User
from ask_sdk_model.interfaces.system import SystemState

from skill.store.sqlite import SQLiteAdapter
from skill.store.user_keys import UserKeys

USERS = 100
REQUESTS = 2000
MAX_SECONDS = 5.0
WORKERS = 4


def envelope(n: int) -> RequestEnvelope:
    """A launch request from simulated user n."""
    user = User(user_id=f"amzn1.ask.account.bench-{n:04d}")
    app = Application(application_id="amzn1.ask.skill.bench")
    system = SystemState(application=app, user=user)
    return RequestEnvelope(context=Context(system=system), request=LaunchRequest(request_id="r"))


def timed(step: Callable[[int], object], requests: int = REQUESTS) -> list[float]:
    """Seconds per request, stopping early once MAX_SECONDS have gone."""
    times: list[float] = []
    deadline = time.perf_counter() + MAX_SECONDS
    for i in range(requests):
        start = time.perf_counter()
        step(i)
        times.append(time.perf_counter() - start)
        if start > deadline:
            break
    return times


def report(label: str, times: list[float]) -> None:
    """Mean, median and 99th percentile in microseconds."""
    p99 = statistics.quantiles(times, n=100)[98] if len(times) >= 100 else max(times)
    mean, p50 = statistics.fmean(times) * 1e6, statistics.median(times) * 1e6
    print(f"  {label:<30} mean {mean:7.0f} µs   p50 {p50:7.0f} µs   p99 {p99 * 1e6:7.0f} µs")


def _worker(adapter: SQLiteAdapter, envelopes: list[RequestEnvelope], offset: int) -> None:
    for i in range(REQUESTS // WORKERS):
        env = envelopes[(i + offset) % USERS]
        adapter.save_attributes(env, {**adapter.get_attributes(env), "n": i})


def workers_per_second(adapter: SQLiteAdapter, envelopes: list[RequestEnvelope]) -> float:
    """Get + save throughput of WORKERS forked processes sharing the file, as gunicorn would."""
    context = multiprocessing.get_context("fork")
    procs = [context.Process(target=_worker, args=(adapter, envelopes, w)) for w in range(WORKERS)]
    start = time.perf_counter()
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(timeout=60)
    if any(proc.exitcode != 0 for proc in procs):
        raise RuntimeError("a bench worker failed")
    return (REQUESTS // WORKERS) * WORKERS / (time.perf_counter() - start)


def single_process(adapter: SQLiteAdapter, envelopes: list[RequestEnvelope]) -> None:
    """Per-request figures: a read alone, a read and a write, and the one-transaction update."""

    def read(i: int) -> object:
        return adapter.get_attributes(envelopes[i % USERS])

    def read_and_write(i: int) -> None:
        env = envelopes[i % USERS]
        onset = f"2024-05-{i % 28 + 1:02d}"
        adapter.save_attributes(env, {**adapter.get_attributes(env), "onset": onset})

    def update(i: int) -> object:
        return adapter.update_attributes(envelopes[i % USERS], lambda a: {**a, "n": i})

    report("get only", timed(read))
    report("get + save (per request)", timed(read_and_write))
    report("update_attributes (atomic)", timed(update))


def main() -> int:
    """Print per-request figures for one process, then the throughput of several."""
    envelopes = [envelope(n) for n in range(USERS)]
    with tempfile.TemporaryDirectory() as tmp:
        adapter = SQLiteAdapter(Path(tmp) / "bench.db", UserKeys("bench-secret"))
        for env in envelopes:
            adapter.save_attributes(env, {"condition": "gtps", "disclaimer_heard": True})
        print(f"SQLite memory store (WAL, synchronous=NORMAL), {USERS} users, one process")
        single_process(adapter, envelopes)
        if "fork" in multiprocessing.get_all_start_methods():
            rate = workers_per_second(adapter, envelopes)
            print(f"  {WORKERS} worker processes, get + save   {rate:7.0f} requests/s in total")
        adapter.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
