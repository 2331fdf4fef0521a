"""Alexa request verification on `cryptography`: Amazon's published rules, nothing weaker.

Amazon's own `ask-sdk-webservice-support` depends on `oscrypto`, which fails to import on
OpenSSL 3.0.10+, so the rules are implemented here (see docs/web-service.md).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import posixpath
import re
import threading
import warnings
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import certifi
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509 import verification

from skill.web.download import FETCH_TIMEOUT, MAX_CHAIN_BYTES, fetch_chain
from skill.web.refusal import VerificationError
from skill.web.replay import InProcess, SeenRequests

__all__ = ["FETCH_TIMEOUT", "MAX_CHAIN_BYTES", "RequestVerifier", "VerificationError",
           "fetch_chain", "load_trust_roots", "normalise_cert_url", "parse_envelope"]

# Amazon's fixed rules, from "Host a Custom Skill as a Web Service".
CERT_URL_HEADER = "SignatureCertChainUrl"
SIGNATURE_HEADER = "Signature-256"
CERT_HOST = "s3.amazonaws.com"
CERT_PATH_PREFIX = "/echo.api/"
ECHO_SAN = "echo-api.amazon.com"
TOLERANCE = dt.timedelta(seconds=150)
EVENT_TOLERANCE = dt.timedelta(hours=1)
# Our own bounds, so a slow or hostile download can never hold a worker.
MAX_CACHED_URLS = 8
MIN_RSA_BITS = 2048

Fetcher = Callable[[str], bytes]
Clock = Callable[[], dt.datetime]
_PEM_CERT = re.compile(rb"-----BEGIN CERTIFICATE-----.+?-----END CERTIFICATE-----", re.S)


def parse_envelope(body: bytes) -> dict[str, Any]:
    """Parse the body and insist on an envelope's shape, so junk never reaches the SDK."""
    try:
        envelope = json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise VerificationError("body is not JSON") from None
    request = envelope.get("request") if isinstance(envelope, dict) else None
    if not (
        isinstance(envelope, dict)
        and isinstance(envelope.get("version"), str)
        and isinstance(request, dict)
        and isinstance(request.get("type"), str)
        and isinstance(request.get("timestamp"), str)
    ):
        raise VerificationError("not an Alexa request envelope")
    return envelope


def normalise_cert_url(url: str) -> str:
    """Apply Amazon's URL rules and return the normalised URL that is the only one fetched."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        raise VerificationError("certificate URL not allowed") from None
    path = posixpath.normpath(parts.path) if parts.path else ""
    if (
        parts.scheme.lower() != "https"
        or (parts.hostname or "").lower() != CERT_HOST
        or port not in (None, 443)
        or parts.username is not None
        or parts.query
        or parts.fragment
        or not path.startswith(CERT_PATH_PREFIX)
    ):
        raise VerificationError("certificate URL not allowed")
    return f"https://{CERT_HOST}{path}"


def check_timestamp(envelope: Mapping[str, Any], now: dt.datetime) -> None:
    """Refuse replays: 150 seconds either way, an hour for skill events Amazon may queue."""
    request = envelope["request"]
    try:
        stamp = dt.datetime.fromisoformat(request["timestamp"])
        skew = abs(now - stamp)
    except (ValueError, TypeError, OverflowError):
        raise VerificationError("timestamp unreadable") from None
    is_event = str(request["type"]).startswith("AlexaSkillEvent.")
    if skew > (EVENT_TOLERANCE if is_event else TOLERANCE):
        raise VerificationError("timestamp out of range")


def application_ids_in(envelope: Mapping[str, Any]) -> list[str]:
    """Every application id the envelope claims (context and session may both carry one)."""
    found: list[str] = []
    for path in (("context", "System", "application"), ("session", "application")):
        node: Any = envelope
        for key in path:
            node = node.get(key) if isinstance(node, dict) else None
        value = node.get("applicationId") if isinstance(node, dict) else None
        if value is not None:
            found.append(value if isinstance(value, str) else "")
    return found


def load_trust_roots(path: str | None) -> list[x509.Certificate]:
    """Read a PEM bundle (certifi's by default), skipping roots cryptography deems malformed."""
    data = Path(path or certifi.where()).read_bytes()
    roots = []
    for block in _PEM_CERT.findall(data):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            try:
                roots.append(x509.load_pem_x509_certificate(block))
            except (ValueError, Warning):
                continue
    if not roots:
        raise ValueError("the trust roots file holds no usable certificate")
    return roots


@dataclass(frozen=True)
class _TrustedKey:
    """A verified chain reduced to what each request needs: the key and when to re-check."""

    key: rsa.RSAPublicKey
    not_before: dt.datetime
    not_after: dt.datetime

    def valid_at(self, now: dt.datetime) -> bool:
        return self.not_before <= now <= self.not_after


class RequestVerifier:
    """Checks that a request came from Alexa, recently, for one of our skills."""

    def __init__(
        self,
        trust_roots: str | None,
        application_ids: Iterable[str] = (),
        fetcher: Fetcher | None = None,
        clock: Clock | None = None,
        seen: SeenRequests | None = None,
    ) -> None:
        self._store = verification.Store(load_trust_roots(trust_roots or None))
        self._application_ids = frozenset(application_ids)
        self._fetch = fetcher or fetch_chain
        self._clock = clock or partial(dt.datetime.now, dt.UTC)  # aware, like cert dates
        self._cache: dict[str, _TrustedKey] = {}
        self._fetch_lock = threading.Lock()
        self._seen = seen or InProcess()

    def verify(self, headers: Mapping[str, str], body: bytes) -> dict[str, Any]:
        """Return the parsed envelope, or raise VerificationError with a short reason."""
        lowered = {name.lower(): value for name, value in headers.items()}
        url = lowered.get(CERT_URL_HEADER.lower())
        signature = lowered.get(SIGNATURE_HEADER.lower())
        if not url or not signature:
            raise VerificationError("signature headers missing")
        cert_url = normalise_cert_url(url)
        raw_signature = _decode_signature(signature)
        envelope = parse_envelope(body)
        now = self._clock()
        check_timestamp(envelope, now)
        self._check_application(envelope)
        key = self._signing_key(cert_url, now)
        try:
            key.verify(raw_signature, body, padding.PKCS1v15(), hashes.SHA256())
        except InvalidSignature:
            raise VerificationError("signature does not match") from None
        self._accept_once(envelope, now)
        return envelope

    def _accept_once(self, envelope: Mapping[str, Any], now: dt.datetime) -> None:
        """Refuse a replay: each signed request id once while its timestamp is in the window.

        Remembered by `seen` (this process, or a file every worker shares); ids leave once their
        window has closed (a replay after that fails the timestamp check anyway).
        """
        request = envelope["request"]
        request_id = request.get("requestId")
        if not isinstance(request_id, str) or not request_id:
            raise VerificationError("request id missing")
        is_event = str(request["type"]).startswith("AlexaSkillEvent.")
        forget_after = (dt.datetime.fromisoformat(request["timestamp"])
                        + (EVENT_TOLERANCE if is_event else TOLERANCE))
        if not self._seen.first_time(request_id, forget_after, now):
            raise VerificationError("request already received")

    def _check_application(self, envelope: Mapping[str, Any]) -> None:
        if not self._application_ids:
            return
        claimed = application_ids_in(envelope)
        if not claimed or any(value not in self._application_ids for value in claimed):
            raise VerificationError("application id not accepted")

    def _signing_key(self, url: str, now: dt.datetime) -> rsa.RSAPublicKey:
        """The cached key for url; one download at a time, re-checked once the chain lapses."""
        entry = self._cache.get(url)
        if entry is not None and entry.valid_at(now):
            return entry.key
        if not self._fetch_lock.acquire(timeout=2 * FETCH_TIMEOUT):
            raise VerificationError("certificate download busy")
        try:
            entry = self._cache.get(url)
            if entry is None or not entry.valid_at(now):
                entry = self._trust(self._download(url), now)
                if len(self._cache) >= MAX_CACHED_URLS:
                    self._cache.pop(next(iter(self._cache)))
                self._cache[url] = entry
            return entry.key
        finally:
            self._fetch_lock.release()

    def _download(self, url: str) -> bytes:
        try:
            data = self._fetch(url)
        except VerificationError:
            raise
        except Exception:
            raise VerificationError("certificate chain unavailable") from None
        if not isinstance(data, bytes) or len(data) > MAX_CHAIN_BYTES:
            raise VerificationError("certificate chain too large")
        return data

    def _trust(self, chain_pem: bytes, now: dt.datetime) -> _TrustedKey:
        """Verify leaf dates, the SAN and the path to a trusted root; keep the leaf's RSA key."""
        try:
            certs = x509.load_pem_x509_certificates(chain_pem)
        except ValueError:
            raise VerificationError("certificate chain unreadable") from None
        leaf, intermediates = certs[0], certs[1:]
        if now < leaf.not_valid_before_utc:
            raise VerificationError("certificate not yet valid")
        if now > leaf.not_valid_after_utc:
            raise VerificationError("certificate expired")
        if ECHO_SAN not in _dns_names(leaf):
            raise VerificationError("certificate not issued to " + ECHO_SAN)
        key = leaf.public_key()
        if not isinstance(key, rsa.RSAPublicKey):
            raise VerificationError("certificate key is not RSA")
        if key.key_size < MIN_RSA_BITS:
            raise VerificationError("certificate key too short")
        policy = verification.PolicyBuilder().store(self._store).time(now)
        verifier = policy.build_server_verifier(x509.DNSName(ECHO_SAN))
        try:
            chain = verifier.verify(leaf, intermediates)
        except verification.VerificationError:
            raise VerificationError("certificate chain not trusted") from None
        return _TrustedKey(
            key=key,
            not_before=max(cert.not_valid_before_utc for cert in chain),
            not_after=min(cert.not_valid_after_utc for cert in chain),
        )


def _decode_signature(value: str) -> bytes:
    try:
        return base64.b64decode(value.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise VerificationError("signature unreadable") from None


def _dns_names(cert: x509.Certificate) -> list[str]:
    try:
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except (x509.ExtensionNotFound, ValueError):
        return []
    return [name.lower() for name in san.get_values_for_type(x509.DNSName)]
