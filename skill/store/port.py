"""The store as the skill sees it: one record per hashed key, changed field by field, forgotten
for good. SQLite (sqlite.py) and DynamoDB (dynamodb.py) both keep this promise.

Forgetting leaves a tombstone: the record's `epoch` (how many times it has been forgotten) goes
up, and a write made against an older epoch is refused. So a session that loaded the record
before a "forget me" said elsewhere can never write it back.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple, Protocol

Attributes = dict[str, Any]


class StoreError(Exception):
    """The store could not be reached or read; the message names the cause, never a user."""


class Record(NamedTuple):
    """What is kept under one key, and the epoch a later write must name."""

    attributes: Mapping[str, Any]
    epoch: int = 0


class Change(NamedTuple):
    """Only what a session changed: fields to set and fields to remove."""

    set: Mapping[str, Any]
    remove: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.set or self.remove)


def change_between(before: Mapping[str, Any], after: Mapping[str, Any]) -> Change:
    """The fields that differ, so two sessions' changes to different fields both survive."""
    set_ = {key: value for key, value in after.items() if before.get(key, _MISSING) != value}
    return Change(set_, tuple(key for key in before if key not in after))


def applied(attributes: Mapping[str, Any], change: Change) -> Attributes:
    """The attributes with the change made."""
    result = dict(attributes)
    result.update(change.set)
    for key in change.remove:
        result.pop(key, None)
    return result


class MemoryStore(Protocol):
    """Records keyed by a keyed hash of the user (and person); no raw id ever reaches a store."""

    def read(self, key: str) -> Record:
        """The record, or an empty one at epoch 0; raises StoreError."""
        ...

    def write(self, key: str, change: Change, epoch: int) -> bool:
        """Make the change atomically, unless the record was forgotten since `epoch` (False)."""
        ...

    def forget(self, key: str) -> None:
        """Delete every field and raise the epoch, so no older session can write them back."""
        ...

    def link(self, account: str, person: str) -> None:
        """Note that a recognised person's record belongs to the account's."""
        ...

    def forget_account(self, account: str) -> None:
        """Forget the account's record and every linked person's (the skill was disabled)."""
        ...


_MISSING = object()
