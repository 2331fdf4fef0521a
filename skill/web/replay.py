"""Which signed request ids were already answered, so a replay inside its window is refused.

In one process a dict does; gunicorn's workers are separate processes, so `python -m skill
serve` gives them one small SQLite file (SKILL_REPLAY_PATH) where an id can be inserted once.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Protocol

logger = logging.getLogger(__name__)
MAX_REMEMBERED = 100_000  # ids inside their window, in memory
PRUNE_EVERY = 1.0  # seconds between deletions of closed windows from the shared file


class SeenRequests(Protocol):
    """Remembers request ids until their window closes."""

    def first_time(self, request_id: str, forget_after: dt.datetime, now: dt.datetime) -> bool:
        """True the first time an id is offered; False for a replay."""
        ...


class InProcess:
    """Request ids in this process's memory, oldest first, at most MAX_REMEMBERED."""

    def __init__(self) -> None:
        self._seen: OrderedDict[str, dt.datetime] = OrderedDict()
        self._lock = threading.Lock()

    def first_time(self, request_id: str, forget_after: dt.datetime, now: dt.datetime) -> bool:
        with self._lock:
            while self._seen and next(iter(self._seen.values())) < now:
                self._seen.popitem(last=False)
            if request_id in self._seen:
                return False
            if len(self._seen) >= MAX_REMEMBERED:
                self._seen.popitem(last=False)
            self._seen[request_id] = forget_after
            return True


class SharedFile:
    """Request ids in a SQLite file every worker of one server opens: an id inserts once."""

    def __init__(self, path: str | Path) -> None:
        self._path = str(path)
        self._local = threading.local()
        self._fallback = InProcess()  # if the file fails, never fail open and never fail closed

    def first_time(self, request_id: str, forget_after: dt.datetime, now: dt.datetime) -> bool:
        try:
            conn = self._connection()
            if now.timestamp() - self._local.pruned >= PRUNE_EVERY:  # not on every request
                conn.execute("DELETE FROM seen WHERE forget_after < ?", (now.timestamp(),))
                self._local.pruned = now.timestamp()
            conn.execute("INSERT INTO seen VALUES (?, ?)", (request_id, forget_after.timestamp()))
            return True
        except sqlite3.IntegrityError:
            return False
        except sqlite3.Error as exc:
            logger.warning("replay file unusable (%s): remembering in this process only",
                           type(exc).__name__)
            return self._fallback.first_time(request_id, forget_after, now)

    def _connection(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self._path, timeout=2.0, isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=OFF")  # a lost id after a crash is refused by time
            conn.execute("CREATE TABLE IF NOT EXISTS seen "
                         "(request_id TEXT PRIMARY KEY, forget_after REAL) WITHOUT ROWID")
            conn.execute("CREATE INDEX IF NOT EXISTS seen_by_age ON seen (forget_after)")
            self._local.conn = conn
            self._local.pruned = 0.0
        return conn


def seen_requests(path: str) -> SeenRequests:
    """The shared file when a path is set, else this process's memory."""
    return SharedFile(path) if path else InProcess()
