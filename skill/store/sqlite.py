"""The embedded store: one SQLite row per hashed key, changed field by field, forgotten for good.

Records are keyed by an HMAC of the Alexa user id (and person id), so no raw id is stored anywhere.
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

from skill.store.port import Change, Record, StoreError, applied

log = logging.getLogger("skill.store.sqlite")

SCHEMA_VERSION = 1
DEFAULT_RETENTION_DAYS = 90
BUSY_TIMEOUT_S = 5.0
CHECKPOINT_TRIES = 5
DAY_S = 86_400

# A connection inherited across fork is kept but never used or closed again (SQLite's rule).
_INHERITED: list[sqlite3.Connection] = []

Clock = Callable[[], float]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS memory (
    user_key TEXT PRIMARY KEY,
    schema_version INTEGER NOT NULL,
    attributes TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    epoch INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS memory_updated_at ON memory (updated_at);
CREATE TABLE IF NOT EXISTS people (
    account_key TEXT NOT NULL,
    person_key TEXT NOT NULL,
    PRIMARY KEY (account_key, person_key)
) WITHOUT ROWID;
"""
_SELECT = "SELECT schema_version, attributes, epoch FROM memory WHERE user_key = ?"
_UPSERT = """
INSERT INTO memory (user_key, schema_version, attributes, updated_at, epoch) VALUES (?, ?, ?, ?, ?)
ON CONFLICT (user_key) DO UPDATE SET schema_version = excluded.schema_version,
    attributes = excluded.attributes, updated_at = excluded.updated_at
"""
# The tombstone: nothing kept, and an epoch one higher than any session has seen.
_FORGET = """
INSERT INTO memory (user_key, schema_version, attributes, updated_at, epoch)
    VALUES (?, ?, '{}', ?, 1)
ON CONFLICT (user_key) DO UPDATE SET schema_version = excluded.schema_version, attributes = '{}',
    updated_at = excluded.updated_at, epoch = memory.epoch + 1
"""


@contextmanager
def _faults(action: str) -> Iterator[None]:
    """Database and encoding faults become StoreError, naming the cause and no user."""
    try:
        yield
    except (sqlite3.Error, OSError, TypeError, ValueError) as error:
        raise StoreError(f"memory {action} failed: {type(error).__name__}: {error}") from error


def _encode(attributes: Mapping[str, Any]) -> str:
    """Compact, stable JSON; NaN and non-JSON values are refused rather than stored oddly."""
    return json.dumps(dict(attributes), separators=(",", ":"), sort_keys=True, allow_nan=False)


def _decode(row: tuple[Any, Any, Any] | None) -> Record:
    """A stored row as a record; unreadable attributes are forgotten rather than failing."""
    if row is None:
        return Record({}, 0)
    version, text, epoch = row
    try:
        data = json.loads(text)
    except (TypeError, ValueError):
        data = None
    if version != SCHEMA_VERSION or not isinstance(data, dict):
        log.warning("unreadable memory record ignored (schema %r)", version)
        data = {}
    return Record(data, int(epoch or 0))


class SQLiteStore:
    """One row per key in a local SQLite file; safe for threads and gunicorn worker processes."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        retention_days: float = DEFAULT_RETENTION_DAYS,
        busy_timeout: float = BUSY_TIMEOUT_S,
        clock: Clock = time.time,
    ) -> None:
        self.path = Path(path)
        self.retention_days = retention_days
        self._busy_timeout = busy_timeout
        self._clock = clock
        self._local = threading.local()
        self._last_purge = float("-inf")

    def read(self, key: str) -> Record:
        """The record under the key; an empty one at epoch 0 when there is none."""
        with _faults("read"):
            return _decode(self._row(self._connection(), key))

    def write(self, key: str, change: Change, epoch: int) -> bool:
        """Apply the change to what is stored now, in one transaction; refused (False) when the
        record was forgotten after the writer read it."""
        with _faults("save"), self._write() as conn:
            current = _decode(self._row(conn, key))
            if current.epoch != epoch:
                return False
            self._put(conn, key, applied(current.attributes, change), epoch)
        self._purge_now_and_then()
        return True

    def forget(self, key: str) -> None:
        """Forget everything under the key for good ("forget me", or the skill disabled)."""
        with _faults("delete"), self._write() as conn:
            conn.execute(_FORGET, (key, SCHEMA_VERSION, int(self._clock())))
        self._checkpoint()

    def link(self, account: str, person: str) -> None:
        """Record that the person's key belongs to the account (both hashes), once."""
        with _faults("save"):
            self._connection().execute(
                "INSERT OR IGNORE INTO people (account_key, person_key) VALUES (?, ?)",
                (account, person),
            )

    def forget_account(self, account: str) -> None:
        """Forget the account and every person linked to it, in one transaction."""
        with _faults("delete"), self._write() as conn:
            people = conn.execute("SELECT person_key FROM people WHERE account_key = ?", (account,))
            now = int(self._clock())
            for key in [account, *(person for (person,) in people.fetchall())]:
                conn.execute(_FORGET, (key, SCHEMA_VERSION, now))
            conn.execute("DELETE FROM people WHERE account_key = ?", (account,))
        self._checkpoint()

    def purge_older_than(self, days: float) -> int:
        """Delete every record not updated for `days`; returns how many went."""
        cutoff = int(self._clock() - days * DAY_S)
        with _faults("purge"), self._write() as conn:
            count: int = conn.execute("DELETE FROM memory WHERE updated_at < ?", (cutoff,)).rowcount
            conn.execute("DELETE FROM people WHERE person_key NOT IN (SELECT user_key FROM memory)")
        if count:
            self._checkpoint()
        return count

    def _checkpoint(self) -> None:
        """Copy the WAL into the database and empty it, so deleted values leave the disk now;
        secure_delete has already zeroed them in the database's own pages."""
        for attempt in range(CHECKPOINT_TRIES):
            with _faults("checkpoint"):
                busy = self._connection().execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
            if not busy:
                return
            time.sleep(0.01 * (attempt + 1))
        log.warning("WAL checkpoint after a delete was blocked by readers; the next delete retries")

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
        except StoreError as error:
            log.warning("retention purge skipped: %s", error)

    @staticmethod
    def _row(conn: sqlite3.Connection, key: str) -> tuple[Any, Any, Any] | None:
        row: tuple[Any, Any, Any] | None = conn.execute(_SELECT, (key,)).fetchone()
        return row

    def _put(
        self, conn: sqlite3.Connection, key: str, attributes: Mapping[str, Any], epoch: int
    ) -> None:
        row = (key, SCHEMA_VERSION, _encode(attributes), int(self._clock()), epoch)
        conn.execute(_UPSERT, row)

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
    conn.execute("PRAGMA secure_delete = ON")  # deleted values are zeroed, not left in free space
    conn.execute("BEGIN IMMEDIATE")
    try:
        for statement in _SCHEMA.split(";"):
            if statement.strip():
                conn.execute(statement)
        columns = {row[1] for row in conn.execute("PRAGMA table_info(memory)")}
        if "epoch" not in columns:  # a database from before tombstones
            conn.execute("ALTER TABLE memory ADD COLUMN epoch INTEGER NOT NULL DEFAULT 0")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
