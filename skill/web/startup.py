"""Checks before the web service starts: each misconfiguration is one line naming the fix.

Run by `create_app` (so gunicorn started any way refuses too) and, with the port check, by
`python -m skill serve` before gunicorn is started at all.
"""

from __future__ import annotations

import errno
import os
import socket
import tempfile
from pathlib import Path

from skill.config import ConfigError, Settings
from skill.web.verify import load_trust_roots

_APP_IDS_HELP = (
    "SKILL_APPLICATION_IDS is not set: production accepts requests only for your own skill; "
    "set SKILL_APPLICATION_IDS=amzn1.ask.skill.… (the Skill ID from the developer console, "
    "comma-separated for several)"
)


def check_service(settings: Settings) -> None:
    """Refuse settings the web service cannot run with safely, before anything is built."""
    if settings.env == "production" and not settings.application_ids:
        raise ConfigError(_APP_IDS_HELP)
    if settings.verify_requests:
        check_trust_roots(settings.trust_roots)
    if settings.db_path and not settings.dynamodb_table:
        check_db_folder(settings.db_path)
    if settings.replay_path:
        check_folder("SKILL_REPLAY_PATH", settings.replay_path,
                     "choose a writable path, or unset it to remember replays per process")


def check_trust_roots(path: str) -> None:
    """The SKILL_TRUST_ROOTS bundle exists and holds certificates (certifi's when unset)."""
    fix = "name a PEM file of root certificates, or unset it for certifi's"
    try:
        load_trust_roots(path or None)
    except OSError as exc:
        raise ConfigError(f"SKILL_TRUST_ROOTS={path!r} cannot be read ({exc.strerror}): {fix}"
                          ) from None
    except ValueError:
        raise ConfigError(f"SKILL_TRUST_ROOTS={path!r} holds no usable certificate: {fix}"
                          ) from None


def check_db_folder(db_path: str) -> None:
    """The SQLite file's folder can be created and written, so memory never fails per request."""
    check_folder("SKILL_DB_PATH", db_path,
                 "choose a writable path, or set SKILL_DB_PATH= (empty) to run without memory")


def check_folder(variable: str, db_path: str, fix: str) -> None:
    """A file's folder can be created and written, and the file itself read and written."""
    folder = Path(db_path).expanduser().parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
        if Path(db_path).exists() and not os.access(db_path, os.R_OK | os.W_OK):
            raise PermissionError(errno.EACCES, "the database file is not readable and writable")
    except OSError as exc:
        cause = ("a file is in the way" if isinstance(exc, (FileExistsError, NotADirectoryError))
                 else exc.strerror or str(exc))
        raise ConfigError(f"{variable}={db_path!r}: cannot write to {str(folder)!r} "
                          f"({cause}): {fix}") from None


def check_port(host: str, port: int) -> None:
    """The address is free to bind, so gunicorn does not retry for a minute without a hint."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise ConfigError(f"port {port} on {host} is already in use (another `make run`?): "
                                  f"stop it, or choose another with --port") from None
            raise ConfigError(f"cannot listen on {host}:{port} ({exc.strerror}): "
                              "choose another --host or --port") from None
