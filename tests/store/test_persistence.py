"""What the skill remembers: SQLite round trips, hashed keys, deletion, retention, concurrency,
the handler helpers' read-only-when-needed / write-only-when-changed rules, and DynamoDB wiring."""

from __future__ import annotations

import multiprocessing
import sqlite3
import stat
import threading
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from ask_sdk_core.attributes_manager import AttributesManager
from ask_sdk_core.exceptions import PersistenceException
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Application, Context, LaunchRequest, RequestEnvelope, Session, User
from ask_sdk_model.interfaces.system import SystemState

from skill.alexa.memory_access import forget_memory, keepable, load_memory, save_memory_if_changed
from skill.config import load_settings
from skill.store import sqlite
from skill.store.sqlite import (
    DAY_S,
    SCHEMA_VERSION,
    SQLiteAdapter,
    make_persistence_adapter,
)
from skill.store.user_keys import UserKeys

RAW_ID = "amzn1.ask.account.RAW-USER-7f3a9c"
DAY0 = 1_700_000_000.0


def envelope(user_id: str | None = RAW_ID, *, context: bool = True, session: bool = True) -> RequestEnvelope:
    """A launch request carrying the user id where Alexa puts it."""
    user = User(user_id=user_id) if user_id else None
    app = Application(application_id="amzn1.ask.skill.test")
    return RequestEnvelope(
        version="1.0",
        context=Context(system=SystemState(application=app, user=user)) if context else None,
        session=Session(new=True, session_id="s-1", application=app, user=user) if session else None,
        request=LaunchRequest(request_id="r-1", locale="en-US"),
    )


def sqlite_adapter(tmp_path: Path, secret: str = "test-secret", **kwargs: Any) -> SQLiteAdapter:
    return SQLiteAdapter(tmp_path / "memory.db", UserKeys(secret), **kwargs)


def rows(path: Path) -> list[tuple[Any, ...]]:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT user_key, schema_version, attributes FROM memory").fetchall()


class Clock:
    def __init__(self, now: float = DAY0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


# --- the SQLite store ---------------------------------------------------------------------


def test_saved_attributes_come_back_after_a_restart(tmp_path: Path) -> None:
    settings = load_settings({"db_path": str(tmp_path / "var" / "hip.db")}, environ={})
    first = make_persistence_adapter(settings)
    first.save_attributes(envelope(), {"onset": "2024-05-01", "disclaimer_heard": True, "n": 3})
    first.close()
    again = make_persistence_adapter(settings)  # a new process: the generated secret is reread
    assert again.get_attributes(envelope()) == {"onset": "2024-05-01", "disclaimer_heard": True, "n": 3}
    assert again.get_attributes(envelope("someone-else")) == {}


def test_every_row_carries_the_schema_version(tmp_path: Path) -> None:
    adapter = sqlite_adapter(tmp_path)
    adapter.save_attributes(envelope(), {"condition": "gtps"})
    [(_, version, _)] = rows(adapter.path)
    assert version == SCHEMA_VERSION == 1


def test_the_raw_user_id_is_never_written_to_any_file(tmp_path: Path) -> None:
    settings = load_settings({"db_path": str(tmp_path / "memory.db")}, environ={})
    adapter = make_persistence_adapter(settings)
    adapter.save_attributes(envelope(), {"condition": "gtps"})
    adapter.update_attributes(envelope(session=False), lambda a: {**a, "screening": "self_care"})
    adapter.get_attributes(envelope(context=False))
    files = sorted(tmp_path.iterdir())
    assert {f.name for f in files} >= {"memory.db", "memory.db-wal", "memory.db.key"}
    for file in files:
        data = file.read_bytes()
        assert RAW_ID.encode() not in data and b"RAW-USER" not in data, file.name
    assert [key for key, _, _ in rows(adapter.path)] == [adapter.keys.key_for(RAW_ID)]


def test_keys_depend_on_the_secret_and_nothing_else(tmp_path: Path) -> None:
    key_a, key_b = UserKeys("secret-a")(envelope()), UserKeys("secret-b")(envelope())
    assert key_a != key_b
    assert key_a == UserKeys("secret-a")(envelope()) == UserKeys("secret-a").key_for(RAW_ID)
    assert len(key_a) == 64 and RAW_ID not in key_a
    one, two = sqlite_adapter(tmp_path, "secret-a"), sqlite_adapter(tmp_path, "secret-b")
    one.save_attributes(envelope(), {"condition": "fai"})
    assert two.get_attributes(envelope()) == {}


def test_the_session_user_is_used_when_the_context_has_none() -> None:
    keys = UserKeys("s")
    assert keys(envelope(context=False)) == keys(envelope(session=False))
    with pytest.raises(PersistenceException):
        keys(envelope(user_id=None))


def test_a_generated_secret_is_private_and_stable(tmp_path: Path) -> None:
    db = tmp_path / "deep" / "er" / "memory.db"
    settings = load_settings({"db_path": str(db)}, environ={})
    key = make_persistence_adapter(settings).keys(envelope())
    secret_file = db.with_name("memory.db.key")
    assert stat.S_IMODE(secret_file.stat().st_mode) == 0o600
    assert make_persistence_adapter(settings).keys(envelope()) == key
    configured = load_settings({"db_path": str(db), "user_key_secret": "x" * 40}, environ={})
    assert make_persistence_adapter(configured).keys(envelope()) != key


def test_the_database_file_is_private(tmp_path: Path) -> None:
    adapter = sqlite_adapter(tmp_path)
    adapter.save_attributes(envelope(), {"condition": "gtps"})
    assert stat.S_IMODE(adapter.path.stat().st_mode) == 0o600


def test_delete_removes_the_users_row(tmp_path: Path) -> None:
    adapter = sqlite_adapter(tmp_path)
    adapter.save_attributes(envelope(), {"condition": "gtps"})
    adapter.save_attributes(envelope("other-user"), {"condition": "fai"})
    adapter.delete_attributes(envelope())
    assert adapter.get_attributes(envelope()) == {}
    assert len(rows(adapter.path)) == 1
    adapter.delete_attributes(envelope())  # forgetting twice is fine


def test_purge_removes_only_rows_older_than_the_retention(tmp_path: Path) -> None:
    clock = Clock()
    adapter = sqlite_adapter(tmp_path, clock=clock, retention_days=0)
    clock.now = DAY0 - 100 * DAY_S
    adapter.save_attributes(envelope("old-user"), {"condition": "gtps"})
    clock.now = DAY0 - 10 * DAY_S
    adapter.save_attributes(envelope("recent-user"), {"condition": "fai"})
    clock.now = DAY0
    assert adapter.purge_older_than(90) == 1
    assert adapter.get_attributes(envelope("old-user")) == {}
    assert adapter.get_attributes(envelope("recent-user")) == {"condition": "fai"}


def test_retention_is_applied_by_writes_at_most_daily(tmp_path: Path) -> None:
    clock = Clock(DAY0 - 100 * DAY_S)
    adapter = sqlite_adapter(tmp_path, clock=clock, retention_days=90)
    adapter.save_attributes(envelope("old-user"), {"condition": "gtps"})
    clock.now = DAY0
    adapter.save_attributes(envelope("new-user"), {"condition": "fai"})
    assert adapter.get_attributes(envelope("old-user")) == {}
    clock.now = DAY0 + 91 * DAY_S
    adapter.save_attributes(envelope("third-user"), {})
    assert adapter.get_attributes(envelope("new-user")) == {}  # a day passed: purged again


@pytest.mark.parametrize(
    ("version", "text"),
    [(1, "{not json"), (1, "[1, 2]"), (1, '"text"'), (1, b"\xff\x00"), (99, '{"condition": "gtps"}')],
)
def test_an_unreadable_row_reads_as_empty(tmp_path: Path, version: Any, text: Any) -> None:
    adapter = sqlite_adapter(tmp_path)
    adapter.save_attributes(envelope(), {})
    with sqlite3.connect(adapter.path) as conn:
        conn.execute("UPDATE memory SET schema_version = ?, attributes = ?", (version, text))
    assert adapter.get_attributes(envelope()) == {}
    adapter.save_attributes(envelope(), {"condition": "fai"})
    assert adapter.get_attributes(envelope()) == {"condition": "fai"}


def test_values_json_cannot_hold_are_refused_not_stored(tmp_path: Path) -> None:
    adapter = sqlite_adapter(tmp_path)
    for bad in ({"when": object()}, {"ratio": float("nan")}):
        with pytest.raises(PersistenceException):
            adapter.save_attributes(envelope(), bad)
    assert rows(adapter.path) == []
    adapter.save_attributes(envelope(), {"ok": 1})  # the connection is still usable


def test_update_writes_only_a_change(tmp_path: Path) -> None:
    clock = Clock()
    adapter = sqlite_adapter(tmp_path, clock=clock)
    assert adapter.update_attributes(envelope(), lambda a: {**a, "count": 1}) == {"count": 1}
    clock.now += 60
    adapter.update_attributes(envelope(), lambda a: a)
    with sqlite3.connect(adapter.path) as conn:
        assert conn.execute("SELECT updated_at FROM memory").fetchone() == (int(DAY0),)


def test_each_thread_has_its_own_connection(tmp_path: Path) -> None:
    adapter = sqlite_adapter(tmp_path)
    seen: list[int] = []
    threads = [threading.Thread(target=lambda: seen.append(id(adapter._connection()))) for _ in range(2)]
    for thread in threads:
        thread.start()
        thread.join()
    seen.append(id(adapter._connection()))
    assert len(set(seen)) == 3


def test_a_forked_process_opens_its_own_connection(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    adapter = sqlite_adapter(tmp_path)
    adapter.save_attributes(envelope(), {"count": 1})
    parent = adapter._connection()
    monkeypatch.setattr(sqlite.os, "getpid", lambda: -1)
    assert adapter._connection() is not parent
    assert adapter.get_attributes(envelope()) == {"count": 1}


def _increment(adapter: SQLiteAdapter, times: int) -> None:
    for _ in range(times):
        adapter.update_attributes(envelope(), lambda a: {**a, "count": a.get("count", 0) + 1})


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")
@pytest.mark.parametrize("warm", [False, True], ids=["cold-start", "parent-connected"])
def test_concurrent_worker_processes_lose_no_update(tmp_path: Path, warm: bool) -> None:
    settings = load_settings({"db_path": str(tmp_path / "memory.db")}, environ={})
    adapter = make_persistence_adapter(settings)
    if warm:  # the parent holds a connection and the secret before forking, as a preloading master might
        adapter.save_attributes(envelope(), {"count": 0})
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_increment, args=(adapter, 50)) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=30)
    assert [worker.exitcode for worker in workers] == [0, 0, 0, 0]
    assert make_persistence_adapter(settings).get_attributes(envelope()) == {"count": 200}


# --- the factory --------------------------------------------------------------------------


def test_an_empty_db_path_turns_persistence_off() -> None:
    assert make_persistence_adapter(load_settings({"db_path": ""}, environ={})) is None


def test_building_the_adapter_touches_no_file(tmp_path: Path) -> None:
    settings = load_settings({"db_path": str(tmp_path / "var" / "memory.db")}, environ={})
    assert isinstance(make_persistence_adapter(settings), SQLiteAdapter)
    assert list(tmp_path.iterdir()) == []


def test_retention_comes_from_settings(tmp_path: Path) -> None:
    settings = load_settings({"db_path": str(tmp_path / "m.db"), "RETENTION_DAYS": "30"}, environ={})
    assert make_persistence_adapter(settings).retention_days == 30
    default = load_settings({"db_path": str(tmp_path / "m.db")}, environ={})
    assert make_persistence_adapter(default).retention_days == 90


def test_dynamodb_needs_a_configured_secret() -> None:
    settings = load_settings({"dynamodb_table": "hip-helper"}, environ={})
    with pytest.raises(ValueError, match="SKILL_USER_KEY_SECRET"):
        make_persistence_adapter(settings)


# --- the handler helpers ------------------------------------------------------------------


class CountingAdapter(SQLiteAdapter):
    """The real store, counting reads and writes."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, UserKeys("s"))
        self.reads = self.writes = 0

    def get_attributes(self, request_envelope: RequestEnvelope) -> dict[str, Any]:
        self.reads += 1
        return super().get_attributes(request_envelope)

    def save_attributes(self, request_envelope: RequestEnvelope, attributes: dict[str, Any]) -> None:
        self.writes += 1
        super().save_attributes(request_envelope, attributes)


class BrokenAdapter(CountingAdapter):
    def get_attributes(self, request_envelope: RequestEnvelope) -> dict[str, Any]:
        raise PersistenceException("disk on fire")

    def delete_attributes(self, request_envelope: RequestEnvelope) -> None:
        raise PersistenceException("disk on fire")


def handler_input(adapter: Any) -> HandlerInput:
    """A fresh request's handler input, as the SDK builds it."""
    env = envelope()
    return HandlerInput(request_envelope=env, attributes_manager=AttributesManager(env, adapter))


def test_a_request_that_does_not_need_memory_never_opens_the_database(tmp_path: Path) -> None:
    adapter = CountingAdapter(tmp_path / "memory.db")
    hi = handler_input(adapter)
    assert save_memory_if_changed(hi, {"condition": "gtps"}, {"condition": "gtps"}) is False
    assert (adapter.reads, adapter.writes) == (0, 0)
    assert not adapter.path.exists()


def test_memory_is_read_once_and_written_only_when_changed(tmp_path: Path) -> None:
    adapter = CountingAdapter(tmp_path / "memory.db")
    adapter.save_attributes(envelope(), {"condition": "gtps"})
    adapter.writes = 0
    hi = handler_input(adapter)
    before = load_memory(hi)
    assert load_memory(hi) == before == {"condition": "gtps"} and adapter.reads == 1
    before["condition"] = "mutated"  # a copy: the SDK's cached dict is untouched
    assert save_memory_if_changed(hi, load_memory(hi), {"condition": "gtps"}) is False
    assert adapter.writes == 0
    assert save_memory_if_changed(hi, {"condition": "gtps"}, {"condition": "fai"}) is True
    assert adapter.writes == 1
    assert adapter.get_attributes(envelope()) == {"condition": "fai"}


def test_only_short_plain_values_are_ever_stored(tmp_path: Path) -> None:
    adapter = CountingAdapter(tmp_path / "memory.db")
    said = "my hip has hurt since I fell off my bike on the way to work last tuesday morning"
    after = {"condition": "gtps", "said": said, "list": [1], "when": None, "heard": True, "n": 2}
    assert keepable(after) == {"condition": "gtps", "heard": True, "n": 2}
    assert keepable(after, keys={"condition"}) == {"condition": "gtps"}
    save_memory_if_changed(handler_input(adapter), {}, after)
    assert adapter.get_attributes(envelope()) == {"condition": "gtps", "heard": True, "n": 2}


def test_a_failing_store_degrades_to_no_memory_and_no_write(tmp_path: Path) -> None:
    adapter = BrokenAdapter(tmp_path / "memory.db")
    hi = handler_input(adapter)
    assert load_memory(hi) == {}
    assert save_memory_if_changed(hi, {}, {"condition": "gtps"}) is False
    assert adapter.writes == 0
    assert forget_memory(hi) is False


def test_without_persistence_the_helpers_do_nothing() -> None:
    hi = handler_input(None)
    assert load_memory(hi) == {}
    assert save_memory_if_changed(hi, {}, {"condition": "gtps"}) is False
    assert forget_memory(hi) is True


def test_forget_memory_deletes_the_record(tmp_path: Path) -> None:
    adapter = CountingAdapter(tmp_path / "memory.db")
    adapter.save_attributes(envelope(), {"condition": "gtps"})
    assert forget_memory(handler_input(adapter)) is True
    assert rows(adapter.path) == []


# --- DynamoDB: the SDK's adapter, wired to a stub table ------------------------------------


class StubTable:
    """Just enough of a boto3 Table: floats refused and numbers back as Decimal, as boto3 does."""

    def __init__(self) -> None:
        self.items: dict[str, dict[str, Any]] = {}

    def put_item(self, Item: dict[str, Any]) -> None:
        self.items[Item["id"]] = _as_boto3(Item)

    def get_item(self, Key: dict[str, str], ConsistentRead: bool) -> dict[str, Any]:
        item = self.items.get(Key["id"])
        return {"Item": item} if item else {}

    def delete_item(self, Key: dict[str, str]) -> None:
        self.items.pop(Key["id"], None)


def _as_boto3(value: Any) -> Any:
    if isinstance(value, float):
        raise TypeError("Float types are not supported. Use Decimal types instead.")
    if isinstance(value, bool) or not isinstance(value, int | dict | list):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, dict):
        return {k: _as_boto3(v) for k, v in value.items()}
    return [_as_boto3(v) for v in value]


class StubResource:
    def __init__(self) -> None:
        self.table = StubTable()
        self.names: list[str] = []

    def Table(self, name: str) -> StubTable:
        self.names.append(name)
        return self.table

    def create_table(self, **kwargs: Any) -> None:
        raise AssertionError("the table is made by the operator, not at start-up")


@pytest.fixture
def dynamodb(monkeypatch: pytest.MonkeyPatch) -> Any:
    # Amazon's module builds a default boto3 resource at import: it needs a region, never a network.
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    return pytest.importorskip("ask_sdk_dynamodb.adapter")


def test_dynamodb_uses_amazons_adapter_on_hashed_keys(dynamodb: Any) -> None:
    resource = StubResource()
    settings = load_settings(
        {"dynamodb_table": "hip-helper", "user_key_secret": "s3cret", "retention_days": 30},
        environ={},
    )
    adapter = make_persistence_adapter(settings, dynamodb_resource=resource)
    assert isinstance(adapter.inner, dynamodb.DynamoDbAdapter)
    assert adapter.inner.create_table is False
    started = int(time.time())
    adapter.save_attributes(envelope(), {"condition": "gtps", "heard": True, "n": 2, "r": 0.5})
    [(key, item)] = resource.table.items.items()
    assert key == UserKeys("s3cret").key_for(RAW_ID) and "RAW-USER" not in repr(item)
    assert item["attributes"]["_schema"] == SCHEMA_VERSION
    assert started + 30 * DAY_S <= item["expires_at"] <= int(time.time()) + 30 * DAY_S
    assert adapter.get_attributes(envelope(context=False)) == {
        "condition": "gtps", "heard": True, "n": 2, "r": 0.5
    }
    assert type(adapter.get_attributes(envelope())["n"]) is int
    assert set(resource.names) == {"hip-helper"}
    adapter.delete_attributes(envelope())
    assert resource.table.items == {} and adapter.get_attributes(envelope()) == {}


def test_dynamodb_record_of_another_version_reads_as_empty(dynamodb: Any) -> None:
    resource = StubResource()
    settings = load_settings({"dynamodb_table": "t", "user_key_secret": "s"}, environ={})
    adapter = make_persistence_adapter(settings, dynamodb_resource=resource)
    key = UserKeys("s").key_for(RAW_ID)
    resource.table.items[key] = {"id": key, "attributes": {"_schema": Decimal(7), "condition": "x"}}
    assert adapter.get_attributes(envelope()) == {}
