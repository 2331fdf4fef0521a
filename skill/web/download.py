"""Downloading Amazon's certificate chain: TLS, a size cap and one deadline for all of it.

A per-read timeout is not enough: a server dripping a byte every half second would hold the
worker for as long as it liked. A watchdog shuts the socket when the deadline passes, from the
TLS handshake to the last byte. Redirects are never followed: Amazon serves the chain directly.
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import ssl
import threading
from urllib.parse import urlsplit

import certifi

from skill.web.refusal import VerificationError

MAX_CHAIN_BYTES = 64 * 1024
FETCH_TIMEOUT = 2.0  # seconds for the whole download, connect to last byte


def fetch_chain(
    url: str, *, timeout: float = FETCH_TIMEOUT, max_bytes: int = MAX_CHAIN_BYTES
) -> bytes:
    """Download a PEM chain with TLS checked against certifi, a size cap and a total deadline."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    context = _tls_context(parts.scheme, host)
    connection = (http.client.HTTPSConnection(host, parts.port, timeout=timeout, context=context)
                  if context else http.client.HTTPConnection(host, parts.port, timeout=timeout))
    expired = threading.Event()
    held: list[socket.socket] = []  # http.client drops conn.sock once a response will close
    watchdog = threading.Timer(timeout, _cut, (held, expired))
    watchdog.daemon = True
    watchdog.start()
    try:
        connection.sock = _open(connection, context, held, expired)
        connection.request("GET", parts.path or "/", headers={"Accept": "*/*"})
        data = _read_capped(connection.getresponse(), max_bytes)
        if expired.is_set():  # the cut reads as an early end of file: never a partial chain
            raise OSError("deadline passed")
        return data
    except (OSError, http.client.HTTPException) as exc:
        if expired.is_set() or isinstance(exc, TimeoutError):  # the watchdog, or a read's own
            raise VerificationError("certificate download too slow") from None
        raise
    finally:
        watchdog.cancel()
        connection.close()
        for sock in held:  # a failed handshake never reached the connection
            sock.close()


def _tls_context(scheme: str, host: str) -> ssl.SSLContext | None:
    """HTTPS against certifi's roots; plain HTTP (None) only for loopback test servers."""
    if scheme == "https":
        return ssl.create_default_context(cafile=certifi.where())
    if scheme == "http" and host in ("127.0.0.1", "localhost", "::1"):
        return None
    raise VerificationError("certificate URL not allowed")


def _open(
    connection: http.client.HTTPConnection, context: ssl.SSLContext | None,
    held: list[socket.socket], expired: threading.Event,
) -> socket.socket:
    """Connect, and shake hands for HTTPS, with the socket already in the watchdog's reach."""
    sock = socket.create_connection((connection.host, connection.port), connection.timeout)
    held.append(sock)
    if context is not None:
        sock = context.wrap_socket(sock, server_hostname=connection.host,
                                   do_handshake_on_connect=False)
        held.append(sock)  # the wrapper now owns the file descriptor
        if expired.is_set():
            raise OSError("deadline passed")
        sock.do_handshake()  # a slow handshake is cut like a slow body
    return sock


def _cut(held: list[socket.socket], expired: threading.Event) -> None:
    """The deadline passed: shut the socket so a blocked read returns at once."""
    expired.set()
    for sock in held:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)


def _read_capped(response: http.client.HTTPResponse, max_bytes: int) -> bytes:
    """The body of a 200 answer, never more than max_bytes."""
    if response.status != 200:
        raise VerificationError("certificate chain unavailable")
    if int(response.headers.get("Content-Length") or 0) > max_bytes:
        raise VerificationError("certificate chain too large")
    data = b""
    while chunk := response.read1(8192):
        data += chunk
        if len(data) > max_bytes:
            raise VerificationError("certificate chain too large")
    return data
