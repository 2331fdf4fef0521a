"""What the web simulator lets in: its own host names, its own origin, small bodies.

A page on another site can point a name it controls at 127.0.0.1 (DNS rebinding) and then
talk to the simulator as if it were same-origin; checking Host and Origin against the names the
simulator is meant to be reached by stops that. Bodies are capped as they are read, so a chunked
body (no Content-Length) is held to the same limit.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

from flask import Request

MAX_BODY_BYTES = 4096


def host_name(host_header: str) -> str:
    """The name in a Host header, without port or IPv6 brackets, lower-cased."""
    text = host_header.strip().lower()
    if text.startswith("["):
        return text[1:].split("]", 1)[0]
    return text.rsplit(":", 1)[0] if text.count(":") == 1 else text


def refusal(request: Request, allowed: Iterable[str]) -> str | None:
    """Why this request may not reach the simulator, or None when it may."""
    names = {name.strip().lower().strip("[]") for name in allowed}
    if host_name(request.host) not in names:
        return "this host name is not allowed: add it to SKILL_SIMULATOR_HOSTS"
    origin = request.headers.get("Origin")
    if origin is not None:
        parts = urlsplit(origin)
        same = parts.scheme in ("http", "https") and host_name(parts.netloc) in names
        if not same:
            return "requests from another site are not allowed"
    return None


def read_capped(request: Request, limit: int = MAX_BODY_BYTES) -> bytes | None:
    """The body, or None when it is longer than limit, whether it declared a length or not."""
    if (request.content_length or 0) > limit:
        return None
    data = request.stream.read(limit + 1)
    return None if len(data) > limit else data
