"""The SQLite store: hashed keys, private files, deleted data off the disk, retention, threads and
worker processes, and databases from before tombstones."""

from __future__ import annotations

import multiprocessing
import sqlite3
import stat
import threading
from pathlib import Path
from typing import Any

import pytest

from skill.config import load_settings
from skill.store import sqlite
from skill.store.factory import KeyedStore, make_store
from skill.store.port import Change, Record, StoreError
from skill.store.sqlite import DAY_S, SCHEMA_VERSION, SQLiteStore
from skill.store.user_keys import UserKeys

RAW_ID = "amzn1.ask.account.RAW-USER-7f3a9c"
PERSON = "amzn1.ask.person.RAW-PERSON-1b2c"
DAY0 = 1_700_000_000.0


class Clock:
    def __init__(self, now: float = DAY0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def rows(path: Path) -> list[tuple[Any, ...]]:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT user_key, schema_version, attributes, epoch FROM memory").fetchall()


def on_disk(path: Path) -> bytes:
    """Every byte of the database and its WAL and shared-memory files."""
    return b"".join(p.read_bytes() for p in path.parent.iterdir() if p.name.startswith(path.name))


def opened(tmp_path: Path, **config: Any) -> KeyedStore:
    keyed = make_store(load_settings({"db_path": str(tmp_path / "memory.db"), **config}, environ={}))
    assert keyed is not None
    return keyed


def test_saved_values_come_back_after_a_restart(tmp_path: Path) -> None:
    first = opened(tmp_path)
    key = first.keys.key_for(RAW_ID)
    first.store.write(key, Change({"onset": "2024-05-01", "disclaimer_heard": True}), 0)
    again = opened(tmp_path)  # a new process: the generated secret is reread
    assert again.keys.key_for(RAW_ID) == key
    assert again.store.read(key).attributes == {"onset": "2024-05-01", "disclaimer_heard": True}


def test_every_row_carries_the_schema_version(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "memory.db")
    store.write("k", Change({"condition": "gtps"}), 0)
    [(_, version, _, epoch)] = rows(store.path)
    assert version == SCHEMA_VERSION == 1 and epoch == 0


def test_the_raw_user_and_person_ids_are_never_written_to_any_file(tmp_path: Path) -> None:
    keyed = opened(tmp_path)
    keyed.store.write(keyed.keys.key_for(RAW_ID), Change({"condition": "gtps"}), 0)
    keyed.store.write(keyed.keys.key_for(RAW_ID, PERSON), Change({"condition": "fai"}), 0)
    files = sorted(tmp_path.iterdir())
    assert {f.name for f in files} >= {"memory.db", "memory.db-wal", "memory.db.key"}
    for file in files:
        data = file.read_bytes()
        assert b"RAW-USER" not in data and b"RAW-PERSON" not in data, file.name


def test_keys_depend_on_the_secret_and_the_person(tmp_path: Path) -> None:
    key_a, key_b = UserKeys("secret-a").key_for(RAW_ID), UserKeys("secret-b").key_for(RAW_ID)
    assert key_a != key_b and key_a == UserKeys("secret-a").key_for(RAW_ID)
    assert len(key_a) == 64 and RAW_ID not in key_a
    person = UserKeys("secret-a").key_for(RAW_ID, PERSON)
    assert person != key_a and person != UserKeys("secret-a").key_for(RAW_ID, PERSON + "x")
    assert UserKeys("secret-a").key_for(RAW_ID, None) == key_a


def test_a_generated_secret_is_private_and_stable(tmp_path: Path) -> None:
    db = tmp_path / "deep" / "er" / "memory.db"
    settings = load_settings({"db_path": str(db)}, environ={})
    key = make_store(settings).keys.key_for(RAW_ID)  # type: ignore[union-attr]
    assert stat.S_IMODE(db.with_name("memory.db.key").stat().st_mode) == 0o600
    assert make_store(settings).keys.key_for(RAW_ID) == key  # type: ignore[union-attr]
    configured = load_settings({"db_path": str(db), "user_key_secret": "x" * 40}, environ={})
    assert make_store(configured).keys.key_for(RAW_ID) != key  # type: ignore[union-attr]


def test_the_database_file_is_private(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "memory.db")
    store.write("k", Change({"condition": "gtps"}), 0)
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600


def test_forgotten_values_leave_the_disk_at_once(tmp_path: Path) -> None:
    """secure_delete zeroes them in the database, and a checkpoint empties the WAL."""
    store = SQLiteStore(tmp_path / "memory.db")
    for day in range(1, 20):  # several versions of the row, all in the WAL
        store.write("k", Change({"onset": f"2026-10-{day:02d}", "condition": "osteoarthritis"}), 0)
    store.write("other", Change({"condition": "fai"}), 0)
    assert b"osteoarthritis" in on_disk(store.path)
    store.forget("k")
    data = on_disk(store.path)
    assert b"osteoarthritis" not in data and b"2026-10-" not in data
    assert (store.path.parent / "memory.db-wal").stat().st_size == 0
    assert store.read("other").attributes == {"condition": "fai"}


def test_purged_values_leave_the_disk_too(tmp_path: Path) -> None:
    clock = Clock(DAY0 - 100 * DAY_S)
    store = SQLiteStore(tmp_path / "memory.db", clock=clock, retention_days=0)
    store.write("old", Change({"condition": "osteoarthritis"}), 0)
    clock.now = DAY0
    assert store.purge_older_than(90) == 1
    assert b"osteoarthritis" not in on_disk(store.path)


def test_purge_removes_only_rows_older_than_the_retention(tmp_path: Path) -> None:
    clock = Clock()
    store = SQLiteStore(tmp_path / "memory.db", clock=clock, retention_days=0)
    clock.now = DAY0 - 100 * DAY_S
    store.write("old-user", Change({"condition": "gtps"}), 0)
    clock.now = DAY0 - 10 * DAY_S
    store.write("recent-user", Change({"condition": "fai"}), 0)
    clock.now = DAY0
    assert store.purge_older_than(90) == 1
    assert store.read("old-user") == Record({}, 0)
    assert store.read("recent-user").attributes == {"condition": "fai"}


def test_retention_is_applied_by_writes_at_most_daily(tmp_path: Path) -> None:
    clock = Clock(DAY0 - 100 * DAY_S)
    store = SQLiteStore(tmp_path / "memory.db", clock=clock, retention_days=90)
    store.write("old-user", Change({"condition": "gtps"}), 0)
    clock.now = DAY0
    store.write("new-user", Change({"condition": "fai"}), 0)
    assert store.read("old-user") == Record({}, 0)
    clock.now = DAY0 + 91 * DAY_S
    store.write("third-user", Change({"n": 1}), 0)
    assert store.read("new-user") == Record({}, 0)  # a day passed: purged again


@pytest.mark.parametrize(
    ("version", "text"),
    [(1, "{not json"), (1, "[1, 2]"), (1, '"text"'), (1, b"\xff\x00"), (99, '{"condition": "gtps"}')],
)
def test_an_unreadable_row_reads_as_empty(tmp_path: Path, version: Any, text: Any) -> None:
    store = SQLiteStore(tmp_path / "memory.db")
    store.write("k", Change({"n": 1}), 0)
    with sqlite3.connect(store.path) as conn:
        conn.execute("UPDATE memory SET schema_version = ?, attributes = ?", (version, text))
    assert store.read("k") == Record({}, 0)
    store.write("k", Change({"condition": "fai"}), 0)
    assert store.read("k").attributes == {"condition": "fai"}


def test_values_json_cannot_hold_are_refused_not_stored(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "memory.db")
    for bad in ({"when": object()}, {"ratio": float("nan")}):
        with pytest.raises(StoreError):
            store.write("k", Change(bad), 0)
    assert rows(store.path) == []
    store.write("k", Change({"ok": 1}), 0)  # the connection is still usable


def test_a_database_from_before_tombstones_is_upgraded_in_place(tmp_path: Path) -> None:
    path = tmp_path / "memory.db"
    with sqlite3.connect(path) as conn:
        conn.executescript("""
            CREATE TABLE memory (user_key TEXT PRIMARY KEY, schema_version INTEGER NOT NULL,
                attributes TEXT NOT NULL, updated_at INTEGER NOT NULL) WITHOUT ROWID;
            INSERT INTO memory VALUES ('k', 1, '{"condition":"gtps"}', 1);
        """)
    store = SQLiteStore(path)
    assert store.read("k") == Record({"condition": "gtps"}, 0)
    store.forget("k")
    assert store.write("k", Change({"condition": "fai"}), 0) is False


def test_each_thread_has_its_own_connection(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "memory.db")
    seen: list[int] = []
    threads = [threading.Thread(target=lambda: seen.append(id(store._connection()))) for _ in range(2)]
    for thread in threads:
        thread.start()
        thread.join()
    seen.append(id(store._connection()))
    assert len(set(seen)) == 3


def test_a_forked_process_opens_its_own_connection(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = SQLiteStore(tmp_path / "memory.db")
    store.write("k", Change({"count": 1}), 0)
    parent = store._connection()
    monkeypatch.setattr(sqlite.os, "getpid", lambda: -1)
    assert store._connection() is not parent
    assert store.read("k").attributes == {"count": 1}


def _save_fields(keyed: KeyedStore, worker: int, times: int) -> None:
    key = keyed.keys.key_for(RAW_ID)
    for i in range(times):
        assert keyed.store.write(key, Change({f"w{worker}-{i}": i}), 0)


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")
@pytest.mark.parametrize("warm", [False, True], ids=["cold-start", "parent-connected"])
def test_concurrent_worker_processes_lose_no_change(tmp_path: Path, warm: bool) -> None:
    keyed = opened(tmp_path)
    if warm:  # the parent holds a connection and the secret before forking, as a preloading master might
        keyed.store.write(keyed.keys.key_for(RAW_ID), Change({"start": 0}), 0)
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_save_fields, args=(keyed, w, 25)) for w in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=30)
    assert [worker.exitcode for worker in workers] == [0, 0, 0, 0]
    kept = opened(tmp_path).store.read(keyed.keys.key_for(RAW_ID)).attributes
    assert len([k for k in kept if k.startswith("w")]) == 100


# --- the factory --------------------------------------------------------------------------


def test_an_empty_db_path_turns_persistence_off() -> None:
    assert make_store(load_settings({"db_path": ""}, environ={})) is None


def test_building_the_store_touches_no_file(tmp_path: Path) -> None:
    settings = load_settings({"db_path": str(tmp_path / "var" / "memory.db")}, environ={})
    assert isinstance(make_store(settings).store, SQLiteStore)  # type: ignore[union-attr]
    assert list(tmp_path.iterdir()) == []


def test_retention_comes_from_settings(tmp_path: Path) -> None:
    settings = load_settings({"db_path": str(tmp_path / "m.db"), "RETENTION_DAYS": "30"}, environ={})
    assert make_store(settings).store.retention_days == 30  # type: ignore[union-attr]
    default = load_settings({"db_path": str(tmp_path / "m.db")}, environ={})
    assert make_store(default).store.retention_days == 90  # type: ignore[union-attr]


def test_dynamodb_needs_a_configured_secret() -> None:
    settings = load_settings({"dynamodb_table": "hip-helper"}, environ={})
    with pytest.raises(ValueError, match="SKILL_USER_KEY_SECRET"):
        make_store(settings)
