"""The Alexa adapter's way to the store: keyed on who speaks, read once, only changes written,
and a failing store never fails a reply."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ask_sdk_model import (
    Application,
    Context,
    LaunchRequest,
    Person,
    RequestEnvelope,
    Session,
    User,
)
from ask_sdk_model.interfaces.system import SystemState

from skill.alexa.memory_access import (
    FAILED,
    REFUSED,
    SAVED,
    UNCHANGED,
    RequestMemory,
    Speaker,
    keepable,
    speaker_of,
)
from skill.store.factory import KeyedStore
from skill.store.port import Change, Record, StoreError
from skill.store.sqlite import SQLiteStore
from skill.store.user_keys import UserKeys

USER = "amzn1.ask.account.U"
PERSON = "amzn1.ask.person.P"


class CountingStore(SQLiteStore):
    """The real store, counting reads and writes and keeping what each write changed."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.reads = 0
        self.changes: list[Change] = []

    def read(self, key: str) -> Record:
        self.reads += 1
        return super().read(key)

    def write(self, key: str, change: Change, epoch: int) -> bool:
        self.changes.append(change)
        return super().write(key, change, epoch)


class BrokenStore(CountingStore):
    def read(self, key: str) -> Record:
        raise StoreError("disk on fire")

    def forget(self, key: str) -> None:
        raise StoreError("disk on fire")


def memory(store: Any, person: str | None = None) -> RequestMemory:
    keyed = KeyedStore(store, UserKeys("s"))
    return RequestMemory(lambda: keyed, Speaker(USER, person))


def test_the_speaker_is_the_context_user_else_the_session_user_and_the_person() -> None:
    app = Application(application_id="a")
    system = SystemState(application=app, user=User(user_id=USER), person=Person(person_id=PERSON))
    env = RequestEnvelope(context=Context(system=system), request=LaunchRequest(request_id="r"))
    assert speaker_of(env) == Speaker(USER, PERSON)
    env = RequestEnvelope(session=Session(user=User(user_id=USER)), request=LaunchRequest())
    assert speaker_of(env) == Speaker(USER, None)
    assert speaker_of(RequestEnvelope(request=LaunchRequest())) == Speaker(None, None)


def test_each_recognised_person_has_a_record_of_their_own(tmp_path: Path) -> None:
    store = CountingStore(tmp_path / "m.db")
    memory(store, PERSON).save({}, {"condition": "gtps"}, 0)
    assert memory(store, PERSON).load().attributes == {"condition": "gtps"}
    assert memory(store, "amzn1.ask.person.OTHER").load().attributes == {}
    assert memory(store).load().attributes == {}  # nor the account's shared record


def test_a_request_that_does_not_need_memory_never_opens_the_database(tmp_path: Path) -> None:
    store = CountingStore(tmp_path / "m.db")
    assert memory(store).save({"condition": "gtps"}, {"condition": "gtps"}, 0) == UNCHANGED
    assert (store.reads, store.changes) == (0, [])
    assert not store.path.exists()


def test_memory_is_read_once_and_only_the_change_is_written(tmp_path: Path) -> None:
    store = CountingStore(tmp_path / "m.db")
    store.write(UserKeys("s").key_for(USER), Change({"condition": "gtps", "onset": "2026-11-25"}), 0)
    store.changes.clear()
    mem = memory(store)
    before = mem.load()
    assert mem.load() == before and store.reads == 1
    assert mem.save(before.attributes, {**before.attributes, "condition": "fai"}, 0) == SAVED
    assert store.changes == [Change({"condition": "fai"}, ())]


def test_only_short_plain_values_are_ever_stored(tmp_path: Path) -> None:
    said = "my hip has hurt since I fell off my bike on the way to work last tuesday morning"
    after = {"condition": "gtps", "said": said, "list": [1], "when": None, "heard": True, "n": 2}
    assert keepable(after) == {"condition": "gtps", "heard": True, "n": 2}
    assert keepable(after, keys={"condition"}) == {"condition": "gtps"}
    store = CountingStore(tmp_path / "m.db")
    memory(store).save({}, after, 0)
    assert memory(store).load().attributes == {"condition": "gtps", "heard": True, "n": 2}


def test_a_failing_store_degrades_to_no_memory_and_no_write(tmp_path: Path) -> None:
    store = BrokenStore(tmp_path / "m.db")
    mem = memory(store)
    assert mem.load() == Record({}, 0)
    assert mem.save({}, {"condition": "gtps"}, 0) == UNCHANGED and store.changes == []
    assert mem.forget() is False


def test_a_store_that_cannot_open_is_a_failed_save_not_a_fault(tmp_path: Path) -> None:
    def cannot_open() -> KeyedStore | None:
        raise StoreError("store unavailable: PermissionError: /var/db")

    mem = RequestMemory(cannot_open, Speaker(USER, None))
    assert mem.save({}, {"condition": "gtps"}, 0) == FAILED
    assert mem.forget() is False


def test_without_persistence_the_helpers_do_nothing() -> None:
    mem = RequestMemory(lambda: None, Speaker(USER, None))
    assert mem.load() == Record({}, 0)
    assert mem.save({}, {"condition": "gtps"}, 0) == UNCHANGED
    assert mem.forget() is True


def test_a_save_after_a_forget_elsewhere_is_refused(tmp_path: Path) -> None:
    store = CountingStore(tmp_path / "m.db")
    memory(store).save({}, {"condition": "gtps"}, 0)
    older = memory(store).load()
    assert memory(store).forget() is True
    assert memory(store).save(older.attributes, {"onset": "2026-11-25"}, older.epoch) == REFUSED
    assert memory(store).load() == Record({}, 1)
