"""Who a stored record belongs to: a keyed hash (HMAC-SHA256) of the Alexa user id, never the id.

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
from typing import Any

from ask_sdk_core.exceptions import PersistenceException
from ask_sdk_model import RequestEnvelope


def _attr_path(obj: Any, *names: str) -> Any:
    """Follow attributes, stopping at the first one missing (envelopes leave many None)."""
    for name in names:
        obj = getattr(obj, name, None)
    return obj


def user_id_of(request_envelope: RequestEnvelope) -> str:
    """The Alexa user id: from the context, which every request has, else from the session."""
    in_context = _attr_path(request_envelope, "context", "system", "user", "user_id")
    user_id = in_context or _attr_path(request_envelope, "session", "user", "user_id")
    if not user_id:
        raise PersistenceException("the request names no user, so there is nothing to remember")
    return str(user_id)


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
        raise PersistenceException(f"the user key secret in {path} is too short")
    return secret.encode("ascii")


class UserKeys:
    """Turns an Alexa user id into a stable keyed hash (HMAC-SHA256), the only id ever stored."""

    def __init__(self, secret: str | None = None, secret_file: Path | None = None) -> None:
        if not secret and secret_file is None:
            raise ValueError("a user key secret, or a file to keep a generated one in, is needed")
        self._secret = secret.encode("utf-8") if secret else None
        self._secret_file = secret_file
        self._lock = threading.Lock()
        self._recent: dict[str, str] = {}  # a request reads and writes: hash once, not twice

    def __call__(self, request_envelope: RequestEnvelope) -> str:
        """The key for the envelope's user; the SDK's partition keygen signature."""
        return self.key_for(user_id_of(request_envelope))

    def key_for(self, user_id: str) -> str:
        """The same user id always gives the same key under the same secret."""
        key = self._recent.get(user_id)
        if key is None:
            key = hmac.new(self._key(), user_id.encode("utf-8"), hashlib.sha256).hexdigest()
            if len(self._recent) >= 1024:
                self._recent.clear()
            self._recent[user_id] = key
        return key

    def _key(self) -> bytes:
        """The secret, read or generated on first use so building the skill touches no file."""
        with self._lock:
            if self._secret is None:
                assert self._secret_file is not None
                self._secret = load_or_create_secret(self._secret_file)
            return self._secret
