"""Who a stored record belongs to: a keyed hash (HMAC-SHA256) of the Alexa user id and, for a
recognised speaker, the person id; never the ids themselves.

The secret comes from settings (SKILL_USER_KEY_SECRET) or is generated once into a 0600 file, so
keys stay the same across restarts and worker processes.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import threading
from pathlib import Path

from skill.store.port import StoreError

_PERSON = "\x1fperson\x1f"  # cannot occur in an Alexa id, so no user id collides with a pair


def load_or_create_secret(path: Path) -> bytes:
    """Read the generated secret, or make one (mode 0600) once, so keys survive restarts."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_hex(32) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(tmp, path)  # atomic: the first worker wins and every other reads its secret
        except FileExistsError:
            pass
        finally:
            tmp.unlink()
    secret = path.read_text(encoding="ascii").strip()
    if len(secret) < 32:
        raise StoreError(f"the user key secret in {path} is too short")
    return secret.encode("ascii")


class UserKeys:
    """Turns an Alexa user (and person) id into a stable keyed hash, the only id ever stored."""

    def __init__(self, secret: str | None = None, secret_file: Path | None = None) -> None:
        if not secret and secret_file is None:
            raise ValueError("a user key secret, or a file to keep a generated one in, is needed")
        self._secret = secret.encode("utf-8") if secret else None
        self._secret_file = secret_file
        self._lock = threading.Lock()
        self._recent: dict[str, str] = {}  # a request reads and writes: hash once, not twice

    def key_for(self, user_id: str, person_id: str | None = None) -> str:
        """The same user (and person) always gives the same key under the same secret; each
        recognised person on an account has a key of their own, apart from the account's."""
        name = user_id + _PERSON + person_id if person_id else user_id
        key = self._recent.get(name)
        if key is None:
            key = hmac.new(self._key(), name.encode("utf-8"), hashlib.sha256).hexdigest()
            if len(self._recent) >= 1024:
                self._recent.clear()
            self._recent[name] = key
        return key

    def _key(self) -> bytes:
        """The secret, read or generated on first use so building the skill touches no file."""
        with self._lock:
            if self._secret is None:
                assert self._secret_file is not None
                self._secret = load_or_create_secret(self._secret_file)
            return self._secret
