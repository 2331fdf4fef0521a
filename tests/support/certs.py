"""A throwaway certificate authority and Alexa-style request signing, generated at test time.

Private keys live only in memory for one test session; nothing secret is ever committed.
Also used by bench/web.py, which needs correctly signed requests too.
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import json
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

ECHO_SAN = "echo-api.amazon.com"
CERT_URL = "https://s3.amazonaws.com/echo.api/echo-api-cert.pem"
APP_ID = "amzn1.ask.skill.00000000-0000-0000-0000-000000000000"

_CA_USAGE = x509.KeyUsage(False, False, False, False, False, True, True, False, False)
_LEAF_USAGE = x509.KeyUsage(True, False, True, False, False, False, False, False, False)

CaKey = ec.EllipticCurvePrivateKey
SigningKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey


def utcnow() -> dt.datetime:
    """The current time, timezone-aware like everything the verifier compares."""
    return dt.datetime.now(dt.UTC)


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _cert(
    subject: str,
    key: SigningKey,
    issuer: tuple[str, CaKey],
    *,
    san: str | None = None,
    not_before: dt.datetime | None = None,
    not_after: dt.datetime | None = None,
) -> x509.Certificate:
    """Issue one certificate: a CA when san is None, else a TLS server leaf for san."""
    now = utcnow()
    issuer_name, issuer_key = issuer
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(subject))
        .issuer_name(_name(issuer_name))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before or now - dt.timedelta(days=1))
        .not_valid_after(not_after or now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=san is None, path_length=None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()), False
        )
    )
    if san is None:
        builder = builder.add_extension(_CA_USAGE, critical=True)
    else:
        builder = builder.add_extension(_LEAF_USAGE, critical=True)
        builder = builder.add_extension(x509.SubjectAlternativeName([x509.DNSName(san)]), False)
        eku = x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH])
        builder = builder.add_extension(eku, critical=False)
    return builder.sign(issuer_key, hashes.SHA256())


def pem(*certs: x509.Certificate) -> bytes:
    """Concatenate certificates as a PEM chain, the format Amazon serves."""
    return b"".join(c.public_bytes(serialization.Encoding.PEM) for c in certs)


@dataclass(frozen=True)
class Pki:
    """A root, an intermediate and an RSA leaf key, plus a second root nobody trusts."""

    root_key: CaKey
    root: x509.Certificate
    inter_key: CaKey
    inter: x509.Certificate
    leaf_key: rsa.RSAPrivateKey
    rogue_key: CaKey
    rogue_root: x509.Certificate

    def leaf(self, san: str = ECHO_SAN, **dates: dt.datetime) -> x509.Certificate:
        """A leaf for the shared RSA key, issued by the trusted intermediate."""
        return _cert(san, self.leaf_key, ("Test Intermediate", self.inter_key), san=san, **dates)

    def chain(self, **leaf_options: Any) -> bytes:
        """The PEM a well-behaved Amazon would serve: leaf then intermediate."""
        return pem(self.leaf(**leaf_options), self.inter)

    def rogue_chain(self) -> bytes:
        """A perfectly formed chain that ends in a root nobody trusts."""
        inter = _cert("Rogue Intermediate", self.inter_key, ("Rogue Root", self.rogue_key))
        leaf = _cert(ECHO_SAN, self.leaf_key, ("Rogue Intermediate", self.inter_key), san=ECHO_SAN)
        return pem(leaf, inter)

    def write_roots(self, directory: Path) -> str:
        """Write the trusted root as the PEM file SKILL_TRUST_ROOTS names."""
        path = directory / "test-roots.pem"
        path.write_bytes(pem(self.root))
        return str(path)


@functools.cache
def make_pki() -> Pki:
    """Generate the keys once per process: session scope without a conftest fixture."""
    root_key = ec.generate_private_key(ec.SECP256R1())
    inter_key = ec.generate_private_key(ec.SECP256R1())
    rogue_key = ec.generate_private_key(ec.SECP256R1())
    root = _cert("Test Root", root_key, ("Test Root", root_key))
    return Pki(
        root_key=root_key,
        root=root,
        inter_key=inter_key,
        inter=_cert("Test Intermediate", inter_key, ("Test Root", root_key)),
        leaf_key=rsa.generate_private_key(public_exponent=65537, key_size=2048),
        rogue_key=rogue_key,
        rogue_root=_cert("Rogue Root", rogue_key, ("Rogue Root", rogue_key)),
    )


def alexa_timestamp(when: dt.datetime | None = None) -> str:
    """Format a time the way Alexa does in request.timestamp."""
    return (when or utcnow()).strftime("%Y-%m-%dT%H:%M:%SZ")


def envelope(
    *,
    request_type: str = "LaunchRequest",
    app_id: str = APP_ID,
    timestamp: str | None = None,
    locale: str = "en-US",
) -> dict[str, Any]:
    """A minimal but complete request envelope, as an Echo would send it."""
    application = {"applicationId": app_id}
    return {
        "version": "1.0",
        "session": {
            "new": True,
            "sessionId": f"amzn1.echo-api.session.{uuid.uuid4()}",
            "application": application,
            "attributes": {},
            "user": {"userId": "amzn1.ask.account.TEST"},
        },
        "context": {
            "System": {
                "application": application,
                "user": {"userId": "amzn1.ask.account.TEST"},
                "device": {"deviceId": "amzn1.ask.device.TEST", "supportedInterfaces": {}},
                "apiEndpoint": "https://api.amazonalexa.com",
            }
        },
        "request": {
            "type": request_type,
            "requestId": f"amzn1.echo-api.request.{uuid.uuid4()}",
            "timestamp": timestamp or alexa_timestamp(),
            "locale": locale,
        },
    }


def body_of(env: dict[str, Any]) -> bytes:
    """Serialise an envelope compactly, as the bytes that get signed."""
    return json.dumps(env, separators=(",", ":")).encode()


def sign(body: bytes, key: rsa.RSAPrivateKey | None = None) -> str:
    """The Signature-256 header value: base64 RSA PKCS#1 v1.5 SHA-256 over the raw body."""
    key = key or make_pki().leaf_key
    return base64.b64encode(key.sign(body, padding.PKCS1v15(), hashes.SHA256())).decode()


def signed_headers(body: bytes, url: str = CERT_URL) -> dict[str, str]:
    """The two headers Alexa adds to every request."""
    return {
        "SignatureCertChainUrl": url,
        "Signature-256": sign(body),
        "Content-Type": "application/json",
    }
