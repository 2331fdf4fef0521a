"""gunicorn's access log without the web simulator's session ids.

A session id in a URL path is a bearer token for that conversation (what a person said about
their health); the log keeps the route and replaces the id with `…`.
"""

from __future__ import annotations

import re
from typing import Any

from gunicorn.glogging import Logger

_SESSION_IN_PATH = re.compile(r"(/simulator/api/sessions/)[^/?\s]+")


def redact(text: str) -> str:
    """A path or request line with any simulator session id replaced."""
    return _SESSION_IN_PATH.sub(r"\1…", text)


class AccessLogger(Logger):  # type: ignore[misc]  # gunicorn ships no type hints
    """gunicorn's logger, with the path atoms (%(U)s, %(r)s) redacted."""

    def atoms(self, resp: Any, req: Any, environ: Any, request_time: Any) -> dict[str, Any]:
        atoms: dict[str, Any] = super().atoms(resp, req, environ, request_time)
        for key in ("U", "r"):
            if isinstance(atoms.get(key), str):
                atoms[key] = redact(atoms[key])
        return atoms
