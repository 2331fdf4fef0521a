"""Which store the settings ask for, with the keys that go with it."""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from skill.config import Settings
from skill.store.port import MemoryStore
from skill.store.sqlite import SQLiteStore
from skill.store.user_keys import UserKeys


class KeyedStore(NamedTuple):
    """A store and the keyed hash that turns a user (and person) into its keys."""

    store: MemoryStore
    keys: UserKeys


def make_store(settings: Settings, *, dynamodb_resource: Any = None) -> KeyedStore | None:
    """DynamoDB if a table is named, else SQLite; None when persistence is off."""
    if settings.dynamodb_table:
        if not settings.user_key_secret:
            raise ValueError("set SKILL_USER_KEY_SECRET with SKILL_DYNAMODB_TABLE: keys must agree")
        from skill.store.dynamodb import make_dynamodb_store

        store = make_dynamodb_store(
            settings.dynamodb_table, settings.retention_days,
            create=settings.dynamodb_create_table, resource=dynamodb_resource,
        )
        return KeyedStore(store, UserKeys(settings.user_key_secret))
    if not settings.db_path:
        return None
    path = Path(settings.db_path)
    secret_file = path.with_name(path.name + ".key")
    keys = UserKeys(settings.user_key_secret or None, secret_file=secret_file)
    return KeyedStore(SQLiteStore(path, retention_days=settings.retention_days), keys)
