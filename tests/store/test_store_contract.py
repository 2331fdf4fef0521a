"""The store port's promises, on SQLite and on DynamoDB (through boto3 to a loopback server):
changes merge field by field, forgetting is final, and an older session cannot undo it."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from skill.store.dynamodb import DynamoStore
from skill.store.port import Change, MemoryStore, Record, change_between
from skill.store.sqlite import SQLiteStore
from tests.support.dynamo import new_table

KEY = "k" * 64


@pytest.fixture(params=["sqlite", "dynamodb"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> MemoryStore:
    if request.param == "sqlite":
        return SQLiteStore(tmp_path / "memory.db")
    resource, name = new_table(request.getfixturevalue("dynamodb_endpoint"))
    return DynamoStore(resource.Table(name), retention_days=90)


def test_an_unknown_key_reads_as_empty_at_epoch_zero(store: MemoryStore) -> None:
    assert store.read(KEY) == Record({}, 0)


def test_values_come_back_as_saved(store: MemoryStore) -> None:
    values = {"onset": "2026-11-25", "disclaimer_heard": True, "n": 3, "r": 0.5}
    assert store.write(KEY, Change(values), 0)
    back = store.read(KEY)
    assert back == Record(values, 0) and type(back.attributes["n"]) is int


def test_two_sessions_changing_different_fields_both_keep_their_change(store: MemoryStore) -> None:
    store.write(KEY, Change({"disclaimer_heard": True}), 0)
    first, second = store.read(KEY), store.read(KEY)  # two devices, both opened now
    store.write(KEY, change_between(first.attributes, {**first.attributes, "onset": "2026-11-25"}),
                first.epoch)
    store.write(KEY, change_between(second.attributes, {**second.attributes, "condition": "gtps"}),
                second.epoch)
    assert store.read(KEY).attributes == {"disclaimer_heard": True, "onset": "2026-11-25",
                                          "condition": "gtps"}


def test_a_removed_field_goes_and_the_rest_stay(store: MemoryStore) -> None:
    store.write(KEY, Change({"onset": "2026-11-25", "condition": "gtps"}), 0)
    store.write(KEY, Change({}, ("condition",)), 0)
    assert store.read(KEY).attributes == {"onset": "2026-11-25"}


def test_forgetting_is_final_even_for_a_session_that_read_before_it(store: MemoryStore) -> None:
    store.write(KEY, Change({"onset": "2026-11-25", "condition": "gtps"}), 0)
    older = store.read(KEY)
    store.forget(KEY)
    assert store.read(KEY) == Record({}, 1)
    assert store.write(KEY, Change({"condition": "fai"}), older.epoch) is False
    assert store.read(KEY) == Record({}, 1)
    assert store.write(KEY, Change({"condition": "fai"}), 1)  # a session begun after may save
    assert store.read(KEY) == Record({"condition": "fai"}, 1)


def test_forgetting_a_key_never_saved_still_stops_older_sessions(store: MemoryStore) -> None:
    store.forget(KEY)
    store.forget(KEY)  # twice is fine
    assert store.write(KEY, Change({"onset": "2026-11-25"}), 0) is False
    assert store.read(KEY) == Record({}, 2)


def test_other_keys_are_untouched_by_a_forget(store: MemoryStore) -> None:
    store.write(KEY, Change({"condition": "gtps"}), 0)
    store.write("other", Change({"condition": "fai"}), 0)
    store.forget(KEY)
    assert store.read("other") == Record({"condition": "fai"}, 0)


def test_concurrent_first_saves_of_one_key_lose_nothing(store: MemoryStore) -> None:
    errors: list[BaseException] = []

    def save(field: str) -> None:
        try:
            assert store.write(KEY, Change({field: True}), 0)
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=save, args=(f"f{i}",)) for i in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert store.read(KEY).attributes == {f"f{i}": True for i in range(6)}


def test_a_dynamodb_item_has_a_top_level_ttl_and_no_raw_id(dynamodb_endpoint: str) -> None:
    resource, name = new_table(dynamodb_endpoint)
    store = DynamoStore(resource.Table(name), retention_days=30, clock=lambda: 1_000_000)
    store.write(KEY, Change({"condition": "gtps"}), 0)
    item: dict[str, Any] = resource.Table(name).get_item(Key={"id": KEY})["Item"]
    assert item["expires_at"] == 1_000_000 + 30 * 86_400 and item["updated_at"] == 1_000_000
    assert item["schema_version"] == 1 and item["attributes"] == {"condition": "gtps"}
    store.forget(KEY)
    after = resource.Table(name).get_item(Key={"id": KEY})["Item"]
    assert after["attributes"] == {} and after["epoch"] == 1


def test_a_dynamodb_record_of_another_schema_reads_as_empty(dynamodb_endpoint: str) -> None:
    resource, name = new_table(dynamodb_endpoint)
    resource.Table(name).put_item(Item={"id": KEY, "schema_version": 7, "attributes": {"x": "y"}})
    assert DynamoStore(resource.Table(name), 90).read(KEY) == Record({}, 0)


def test_forgetting_an_account_forgets_every_person_linked_to_it(store: MemoryStore) -> None:
    store.write("account", Change({"condition": "gtps"}), 0)
    for person in ("alice", "bob"):
        store.write(person, Change({"onset": "2026-11-25"}), 0)
        store.link("account", person)
        store.link("account", person)  # twice is fine
    store.write("stranger", Change({"condition": "fai"}), 0)
    older = store.read("alice")
    store.forget_account("account")
    assert [store.read(k) for k in ("account", "alice", "bob")] == [Record({}, 1)] * 3
    assert store.write("alice", Change({"onset": "2026-11-26"}), older.epoch) is False
    assert store.read("stranger") == Record({"condition": "fai"}, 0)
    store.forget_account("account")  # again, with no one linked any more
    assert store.read("alice") == Record({}, 1)


def test_linking_before_any_save_leaves_the_account_writable(store: MemoryStore) -> None:
    store.link("account", "alice")
    assert store.write("account", Change({"condition": "gtps"}), 0)
    assert store.read("account") == Record({"condition": "gtps"}, 0)
