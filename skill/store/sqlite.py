"""What the skill remembers across sessions: SQLite by default, Amazon's DynamoDB adapter at scale.

Records are keyed by an HMAC of the Alexa user id, so the raw id is never stored anywhere.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter
from ask_sdk_core.exceptions import PersistenceException
from ask_sdk_model import RequestEnvelope

from skill.config import Settings
from skill.store.user_keys import UserKeys

log = logging.getLogger("skill.store.sqlite")

SCHEMA_VERSION = 1
DEFAULT_RETENTION_DAYS = 90
BUSY_TIMEOUT_S = 5.0
DAY_S = 86_400

# A connection inherited across fork is kept but never used or closed again (SQLite's rule).
_INHERITED: list[sqlite3.Connection] = []

Attributes = dict[str, Any]
Clock = Callable[[], float]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS memory (
    user_key TEXT PRIMARY KEY,
    schema_version INTEGER NOT NULL,
    attributes TEXT NOT NULL,
    updated_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS memory_updated_at ON memory (updated_at);
"""
_SELECT = "SELECT schema_version, attributes FROM memory WHERE user_key = ?"
_UPSERT = """
INSERT INTO memory (user_key, schema_version, attributes, updated_at) VALUES (?, ?, ?, ?)
ON CONFLICT (user_key) DO UPDATE SET schema_version = excluded.schema_version,
    attributes = excluded.attributes, updated_at = excluded.updated_at
"""


@contextmanager
def _faults(action: str) -> Iterator[None]:
    """Database and encoding faults become the SDK's PersistenceException, naming no user."""
    try:
        yield
    except (sqlite3.Error, OSError, TypeError, ValueError) as error:
        message = f"memory {action} failed: {type(error).__name__}: {error}"
        raise PersistenceException(message) from error


def _encode(attributes: Mapping[str, Any]) -> str:
    """Compact, stable JSON; NaN and non-JSON values are refused rather than stored oddly."""
    return json.dumps(dict(attributes), separators=(",", ":"), sort_keys=True, allow_nan=False)


def _decode(row: tuple[Any, Any] | None) -> Attributes:
    """A stored row as attributes; an unreadable one is forgotten rather than failing a request."""
    if row is None:
        return {}
    version, text = row
    try:
        data = json.loads(text)
    except (TypeError, ValueError):
        data = None
    if version != SCHEMA_VERSION or not isinstance(data, dict):
        log.warning("unreadable memory record ignored (schema %r)", version)
        return {}
    return data


class SQLiteAdapter(AbstractPersistenceAdapter):
    """One row per user in a local SQLite file; safe for threads and gunicorn worker processes."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        keys: UserKeys,
        *,
        retention_days: float = DEFAULT_RETENTION_DAYS,
        busy_timeout: float = BUSY_TIMEOUT_S,
        clock: Clock = time.time,
    ) -> None:
        self.path = Path(path)
        self.keys = keys
        self.retention_days = retention_days
        self._busy_timeout = busy_timeout
        self._clock = clock
        self._local = threading.local()
        self._last_purge = float("-inf")

    def get_attributes(self, request_envelope: RequestEnvelope) -> Attributes:
        """The user's remembered attributes, {} when there are none."""
        with _faults("read"):
            return _decode(self._row(self._connection(), self.keys(request_envelope)))

    def save_attributes(self, request_envelope: RequestEnvelope, attributes: Attributes) -> None:
        """Replace the user's attributes: one upsert, atomic on its own in autocommit mode."""
        with _faults("save"):
            self._put(self._connection(), self.keys(request_envelope), attributes)
        self._purge_now_and_then()

    def update_attributes(
        self, request_envelope: RequestEnvelope, fn: Callable[[Attributes], Attributes]
    ) -> Attributes:
        """Read, change and write in one transaction, so concurrent updates are never lost."""
        with _faults("update"), self._write() as conn:
            key = self.keys(request_envelope)
            before = _decode(self._row(conn, key))
            after = fn(json.loads(_encode(before)))
            if after != before:
                self._put(conn, key, after)
        return after

    def delete_attributes(self, request_envelope: RequestEnvelope) -> None:
        """Forget the user entirely ("forget me", or the skill being disabled)."""
        with _faults("delete"), self._write() as conn:
            conn.execute("DELETE FROM memory WHERE user_key = ?", (self.keys(request_envelope),))

    def purge_older_than(self, days: float) -> int:
        """Delete every record not updated for `days`; returns how many went."""
        cutoff = int(self._clock() - days * DAY_S)
        with _faults("purge"), self._write() as conn:
            return conn.execute("DELETE FROM memory WHERE updated_at < ?", (cutoff,)).rowcount

    def close(self) -> None:
        """Close this thread's connection; the next use opens a fresh one."""
        conn = getattr(self._local, "conn", None)
        if conn is not None and getattr(self._local, "pid", None) == os.getpid():
            conn.close()
        self._local.__dict__.clear()

    def _purge_now_and_then(self) -> None:
        """Apply the retention period at most once a day per process, after a successful write."""
        now = self._clock()
        if self.retention_days <= 0 or now - self._last_purge < DAY_S:
            return
        self._last_purge = now
        try:
            self.purge_older_than(self.retention_days)
        except PersistenceException as error:
            log.warning("retention purge skipped: %s", error)

    @staticmethod
    def _row(conn: sqlite3.Connection, key: str) -> tuple[Any, Any] | None:
        row: tuple[Any, Any] | None = conn.execute(_SELECT, (key,)).fetchone()
        return row

    def _put(self, conn: sqlite3.Connection, key: str, attributes: Mapping[str, Any]) -> None:
        conn.execute(_UPSERT, (key, SCHEMA_VERSION, _encode(attributes), int(self._clock())))

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE takes the write lock first, so a read-modify-write can't interleave."""
        conn = self._connection()
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    def _connection(self) -> sqlite3.Connection:
        """This thread's connection, opened on first use and never carried across a fork."""
        if getattr(self._local, "pid", None) != os.getpid():
            if getattr(self._local, "conn", None) is not None:
                _INHERITED.append(self._local.conn)
            self._local.conn = self._open()
            self._local.pid = os.getpid()
        conn: sqlite3.Connection = self._local.conn
        return conn

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # Created 0600 first: SQLite gives the -wal and -shm files the database file's mode.
        os.close(os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600))
        conn = sqlite3.connect(self.path, timeout=self._busy_timeout, isolation_level=None)
        _prepare(conn, self._busy_timeout)
        return conn


def _prepare(conn: sqlite3.Connection, patience: float) -> None:
    """WAL mode and the table. Workers starting together on a new file may be refused the switch
    to WAL without the busy timeout being honoured, so that switch is retried until it runs out."""
    deadline = time.monotonic() + patience
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            break
        except sqlite3.OperationalError:
            if time.monotonic() >= deadline:
                raise
            time.sleep(0.005)
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA secure_delete = ON")
    conn.executescript(f"BEGIN IMMEDIATE; {_SCHEMA} COMMIT;")


def option(settings: Settings, name: str, default: Any) -> Any:
    """A setting that may not be a Settings field yet: the field if present, else `extra`."""
    if hasattr(settings, name):
        return getattr(settings, name)
    extra = {str(key).lower(): value for key, value in settings.extra.items()}
    return extra.get(name, default)


def retention_days(settings: Settings) -> float:
    """How long an untouched record is kept (SKILL_RETENTION_DAYS); 0 or less keeps it."""
    return float(option(settings, "retention_days", DEFAULT_RETENTION_DAYS))


def make_persistence_adapter(
    settings: Settings, *, dynamodb_resource: Any = None
) -> AbstractPersistenceAdapter | None:
    """The store the settings ask for: DynamoDB if a table is named, else SQLite; None when off."""
    if settings.dynamodb_table:
        if not settings.user_key_secret:
            raise ValueError("set SKILL_USER_KEY_SECRET with SKILL_DYNAMODB_TABLE: keys must agree")
        from skill.store.dynamodb import make_dynamodb_adapter

        keys = UserKeys(settings.user_key_secret)
        return make_dynamodb_adapter(settings, keys, dynamodb_resource)
    if not settings.db_path:
        return None
    path = Path(settings.db_path)
    secret_file = path.with_name(path.name + ".key")
    keys = UserKeys(settings.user_key_secret or None, secret_file=secret_file)
    return SQLiteAdapter(path, keys, retention_days=retention_days(settings))
