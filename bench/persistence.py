"""What memory costs a request on the SQLite store: a read, a read + a save of what changed.

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

from skill.store.port import Change
from skill.store.sqlite import SQLiteStore
from skill.store.user_keys import UserKeys

USERS = 100
REQUESTS = 2000
MAX_SECONDS = 5.0
WORKERS = 4


def user_key(n: int) -> str:
    """The stored key of simulated user n."""
    return UserKeys("bench-secret").key_for(f"amzn1.ask.account.bench-{n:04d}")


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


def _worker(store: SQLiteStore, keys: list[str], offset: int) -> None:
    for i in range(REQUESTS // WORKERS):
        key = keys[(i + offset) % USERS]
        store.write(key, Change({"n": i}), store.read(key).epoch)


def workers_per_second(store: SQLiteStore, keys: list[str]) -> float:
    """Read + save throughput of WORKERS forked processes sharing the file, as gunicorn would."""
    context = multiprocessing.get_context("fork")
    procs = [context.Process(target=_worker, args=(store, keys, w)) for w in range(WORKERS)]
    start = time.perf_counter()
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(timeout=60)
    if any(proc.exitcode != 0 for proc in procs):
        raise RuntimeError("a bench worker failed")
    return (REQUESTS // WORKERS) * WORKERS / (time.perf_counter() - start)


def single_process(store: SQLiteStore, keys: list[str]) -> None:
    """Per-request figures: a read alone, and a read then a save of one changed field (the save
    is one transaction that rereads the row, checks the epoch and merges the change)."""

    def read(i: int) -> object:
        return store.read(keys[i % USERS])

    def read_and_write(i: int) -> None:
        key = keys[i % USERS]
        store.write(key, Change({"onset": f"2024-05-{i % 28 + 1:02d}"}), store.read(key).epoch)

    def forget(i: int) -> None:
        store.forget(keys[i % USERS])

    report("read only", timed(read))
    report("read + save the change", timed(read_and_write))
    report("forget (with WAL checkpoint)", timed(forget, requests=200))


def main() -> int:
    """Print per-request figures for one process, then the throughput of several."""
    keys = [user_key(n) for n in range(USERS)]
    with tempfile.TemporaryDirectory() as tmp:
        store = SQLiteStore(Path(tmp) / "bench.db")
        for key in keys:
            store.write(key, Change({"condition": "gtps", "disclaimer_heard": True}), 0)
        print(f"SQLite memory store (WAL, synchronous=NORMAL), {USERS} users, one process")
        single_process(store, keys)
        if "fork" in multiprocessing.get_all_start_methods():
            rate = workers_per_second(store, keys)
            print(f"  {WORKERS} worker processes, read + save {rate:7.0f} requests/s in total")
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
