"""Amazon's request-verification rules, each refused on its own, against a test-time CA."""

from __future__ import annotations

import datetime as dt
import http.server
import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from skill.web import verify
from skill.web.verify import RequestVerifier, VerificationError
from tests.support.certs import (
    APP_ID,
    CERT_URL,
    ECHO_SAN,
    alexa_timestamp,
    body_of,
    envelope,
    make_pki,
    pem,
    sign,
    signed_headers,
    utcnow,
)
from tests.support.certs import _cert as issue_cert


def issue_leaf(key: rsa.RSAPrivateKey, issuer: Any) -> Any:
    """An echo-api leaf for any RSA key, issued by the test intermediate."""
    return issue_cert(ECHO_SAN, key, issuer, san=ECHO_SAN)

VALID_URLS = [
    "https://s3.amazonaws.com/echo.api/echo-api-cert.pem",
    "https://s3.amazonaws.com:443/echo.api/echo-api-cert.pem",
    "https://s3.amazonaws.com/echo.api/../echo.api/echo-api-cert.pem",
    "HTTPS://S3.AmazonAWS.com/echo.api/echo-api-cert.pem",
]
INVALID_URLS = [
    "http://s3.amazonaws.com/echo.api/echo-api-cert.pem",
    "https://notamazon.com/echo.api/echo-api-cert.pem",
    "https://s3.amazonaws.com/EcHo.aPi/echo-api-cert.pem",
    "https://s3.amazonaws.com/invalid.path/echo-api-cert.pem",
    "https://s3.amazonaws.com:563/echo.api/echo-api-cert.pem",
    "https://s3.amazonaws.com/echo.api/../invalid.path/echo-api-cert.pem",
    "https://s3.amazonaws.com.evil.example/echo.api/echo-api-cert.pem",
    "https://user@s3.amazonaws.com/echo.api/echo-api-cert.pem",
    "https://s3.amazonaws.com:notaport/echo.api/echo-api-cert.pem",
    "file:///echo.api/echo-api-cert.pem",
    "https://s3.amazonaws.com//echo.api/echo-api-cert.pem",
    "s3.amazonaws.com/echo.api/echo-api-cert.pem",
]


class CountingFetcher:
    """Serves one chain from memory and counts downloads, so tests never touch the network."""

    def __init__(self, chain: bytes) -> None:
        self.chain = chain
        self.urls: list[str] = []

    def __call__(self, url: str) -> bytes:
        self.urls.append(url)
        return self.chain


@pytest.fixture
def roots(tmp_path: Path) -> str:
    return make_pki().write_roots(tmp_path)


@pytest.fixture
def fetcher() -> CountingFetcher:
    return CountingFetcher(make_pki().chain())


@pytest.fixture
def verifier(roots: str, fetcher: CountingFetcher) -> RequestVerifier:
    return RequestVerifier(trust_roots=roots, application_ids=[APP_ID], fetcher=fetcher)


def signed(**options: Any) -> tuple[dict[str, str], bytes]:
    body = body_of(envelope(**options))
    return signed_headers(body), body


def refuses(v: RequestVerifier, headers: dict[str, str], body: bytes, reason: str) -> None:
    with pytest.raises(VerificationError) as caught:
        v.verify(headers, body)
    assert reason in caught.value.reason


def test_a_correctly_signed_request_is_accepted(verifier: RequestVerifier) -> None:
    headers, body = signed()
    assert verifier.verify(headers, body)["request"]["type"] == "LaunchRequest"


def test_header_names_are_case_insensitive(verifier: RequestVerifier) -> None:
    headers, body = signed()
    assert verifier.verify({k.lower(): v for k, v in headers.items()}, body)


@pytest.mark.parametrize("url", VALID_URLS)
def test_amazons_valid_url_examples_are_accepted(
    verifier: RequestVerifier, fetcher: CountingFetcher, url: str
) -> None:
    body = body_of(envelope())
    assert verifier.verify(signed_headers(body, url), body)
    assert fetcher.urls == [CERT_URL]  # the normalised URL is the one fetched


@pytest.mark.parametrize("url", INVALID_URLS)
def test_amazons_invalid_url_examples_are_refused_before_any_download(
    verifier: RequestVerifier, fetcher: CountingFetcher, url: str
) -> None:
    body = body_of(envelope())
    refuses(verifier, signed_headers(body, url), body, "certificate URL")
    assert fetcher.urls == []


@pytest.mark.parametrize(
    ("chain", "reason"),
    [
        (lambda p: p.chain(not_after=utcnow() - dt.timedelta(seconds=1)), "expired"),
        (lambda p: p.chain(not_before=utcnow() + dt.timedelta(hours=1)), "not yet valid"),
        (lambda p: p.chain(san="echo-api.example.com"), "not issued to"),
        (lambda p: pem(p.leaf()), "not trusted"),  # intermediate missing
        (lambda p: pem(p.leaf(), p.rogue_root), "not trusted"),  # wrong intermediate
        (lambda p: p.rogue_chain(), "not trusted"),
        (lambda p: pem(p.inter), "not issued to"),
        (lambda p: b"not a certificate", "unreadable"),
        (lambda p: b"", "unreadable"),
    ],
    ids=[
        "expired-leaf",
        "not-yet-valid-leaf",
        "wrong-san",
        "broken-chain",
        "wrong-intermediate",
        "untrusted-root",
        "ca-as-leaf",
        "garbage",
        "empty",
    ],
)
def test_bad_certificate_chains_are_refused(
    roots: str, chain: Callable[[Any], bytes], reason: str
) -> None:
    v = RequestVerifier(roots, [APP_ID], fetcher=CountingFetcher(chain(make_pki())))
    headers, body = signed()
    refuses(v, headers, body, reason)


def test_a_leaf_key_under_2048_bits_is_refused(roots: str) -> None:
    pki = make_pki()
    weak = rsa.generate_private_key(public_exponent=65537, key_size=1024)
    leaf = issue_leaf(weak, ("Test Intermediate", pki.inter_key))
    v = RequestVerifier(roots, [APP_ID], fetcher=CountingFetcher(pem(leaf, pki.inter)))
    body = body_of(envelope())
    headers = signed_headers(body) | {"Signature-256": sign(body, weak)}
    refuses(v, headers, body, "key too short")


def test_a_replayed_request_is_refused_inside_its_window(verifier: RequestVerifier) -> None:
    headers, body = signed()
    assert verifier.verify(headers, body)
    refuses(verifier, headers, body, "already received")


def test_a_request_id_is_forgotten_once_its_window_has_closed(
    roots: str, fetcher: CountingFetcher
) -> None:
    now = utcnow()
    clock = [now]
    v = RequestVerifier(roots, [APP_ID], fetcher=fetcher, clock=lambda: clock[0])
    first = signed()
    v.verify(*first)
    clock[0] = now + dt.timedelta(seconds=151)
    v.verify(*signed(timestamp=alexa_timestamp(clock[0])))  # prunes the first id
    refuses(v, *first, "timestamp out of range")  # and the timestamp still refuses a replay


def test_a_signed_request_without_an_id_is_refused(verifier: RequestVerifier) -> None:
    env = envelope()
    del env["request"]["requestId"]
    body = body_of(env)
    refuses(verifier, signed_headers(body), body, "request id missing")


def test_a_signature_from_another_key_is_refused(verifier: RequestVerifier) -> None:
    headers, body = signed()
    headers["Signature-256"] = sign(body + b" ")
    refuses(verifier, headers, body, "signature does not match")


def test_a_tampered_body_is_refused(verifier: RequestVerifier) -> None:
    headers, body = signed()
    tampered = body.replace(b"LaunchRequest", b"SessionEndedRequest")
    refuses(verifier, headers, tampered, "signature does not match")


def test_the_same_json_with_different_whitespace_is_refused(verifier: RequestVerifier) -> None:
    headers, body = signed()
    reserialised = json.dumps(json.loads(body), indent=1).encode()
    refuses(verifier, headers, reserialised, "signature does not match")


@pytest.mark.parametrize("value", ["", "   ", "not base64!", "QUJD", "A" * 10_000], ids=str.__len__)
def test_unreadable_or_wrong_signatures_are_refused(verifier: RequestVerifier, value: str) -> None:
    headers, body = signed()
    headers["Signature-256"] = value
    with pytest.raises(VerificationError):
        verifier.verify(headers, body)


@pytest.mark.parametrize("missing", ["SignatureCertChainUrl", "Signature-256"])
def test_missing_headers_are_refused(verifier: RequestVerifier, missing: str) -> None:
    headers, body = signed()
    del headers[missing]
    refuses(verifier, headers, body, "headers missing")


def still_verifier(roots: str, fetcher: CountingFetcher) -> tuple[RequestVerifier, dt.datetime]:
    """A verifier whose clock stands on a whole second, as Alexa's timestamps do, so none drift."""
    now = utcnow().replace(microsecond=0)
    return RequestVerifier(roots, [APP_ID], fetcher=fetcher, clock=lambda: now), now


@pytest.mark.parametrize("seconds", [-151, 151, -3600, 86_400])
def test_stale_and_future_timestamps_are_refused(
    roots: str, fetcher: CountingFetcher, seconds: int
) -> None:
    v, now = still_verifier(roots, fetcher)
    headers, body = signed(timestamp=alexa_timestamp(now + dt.timedelta(seconds=seconds)))
    refuses(v, headers, body, "timestamp out of range")


@pytest.mark.parametrize("seconds", [-150, -140, 140, 150])
def test_timestamps_within_150_seconds_are_accepted(
    roots: str, fetcher: CountingFetcher, seconds: int
) -> None:
    v, now = still_verifier(roots, fetcher)
    headers, body = signed(timestamp=alexa_timestamp(now + dt.timedelta(seconds=seconds)))
    assert v.verify(headers, body)


@pytest.mark.parametrize("stamp", ["yesterday", "2024-01-01T00:00:00", "9999-12-31T23:59:59-23:59"])
def test_unreadable_or_naive_timestamps_are_refused(verifier: RequestVerifier, stamp: str) -> None:
    headers, body = signed(timestamp=stamp)
    refuses(verifier, headers, body, "timestamp")


def test_skill_events_may_be_up_to_an_hour_old(verifier: RequestVerifier) -> None:
    event = "AlexaSkillEvent.SkillEnabled"
    old = alexa_timestamp(utcnow() - dt.timedelta(minutes=50))
    headers, body = signed(request_type=event, timestamp=old)
    assert verifier.verify(headers, body)
    older = alexa_timestamp(utcnow() - dt.timedelta(minutes=61))
    headers, body = signed(request_type=event, timestamp=older)
    refuses(verifier, headers, body, "timestamp out of range")


def test_another_skills_application_id_is_refused(verifier: RequestVerifier) -> None:
    headers, body = signed(app_id="amzn1.ask.skill.someone-else")
    refuses(verifier, headers, body, "application id")


def test_an_envelope_without_an_application_id_is_refused_when_ids_are_set(
    verifier: RequestVerifier,
) -> None:
    env = envelope()
    del env["context"], env["session"]
    body = body_of(env)
    refuses(verifier, signed_headers(body), body, "application id")


def test_any_application_id_passes_when_none_is_configured(roots: str) -> None:
    v = RequestVerifier(roots, (), fetcher=CountingFetcher(make_pki().chain()))
    headers, body = signed(app_id="amzn1.ask.skill.anything")
    assert v.verify(headers, body)


@pytest.mark.parametrize("body", [b"", b"{", b"[]", b'{"version": "1.0"}', b"\xff\xfe"])
def test_bodies_that_are_not_envelopes_are_refused(verifier: RequestVerifier, body: bytes) -> None:
    with pytest.raises(VerificationError):
        verifier.verify(signed_headers(body), body)


def test_an_unreachable_chain_download_is_refused(roots: str) -> None:
    def unreachable(url: str) -> bytes:
        raise OSError("network is unreachable")

    headers, body = signed()
    refuses(RequestVerifier(roots, [APP_ID], fetcher=unreachable), headers, body, "unavailable")


def test_an_oversized_chain_from_any_fetcher_is_refused(roots: str) -> None:
    huge = make_pki().chain() + b"\n" * verify.MAX_CHAIN_BYTES
    headers, body = signed()
    refuses(RequestVerifier(roots, [APP_ID], fetcher=CountingFetcher(huge)), headers, body, "large")


def test_the_chain_is_downloaded_once_and_reused(
    verifier: RequestVerifier, fetcher: CountingFetcher
) -> None:
    for _ in range(5):
        verifier.verify(*signed())
    assert len(fetcher.urls) == 1


def test_concurrent_first_requests_share_one_download(roots: str) -> None:
    chain = make_pki().chain()
    calls: list[str] = []

    def slow(url: str) -> bytes:
        calls.append(url)
        time.sleep(0.05)
        return chain

    v = RequestVerifier(roots, [APP_ID], fetcher=slow)
    requests = [signed() for _ in range(8)]
    errors: list[BaseException] = []

    def run(headers: dict[str, str], body: bytes) -> None:
        try:
            v.verify(headers, body)
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=r) for r in requests]
    for t in threads:
        t.start()
    for t in threads:
        t.join(5)
    assert errors == [] and len(calls) == 1


def test_a_cached_chain_is_checked_again_once_it_expires(roots: str) -> None:
    now = utcnow()
    fetcher = CountingFetcher(make_pki().chain(not_after=now + dt.timedelta(minutes=5)))
    clock = [now]
    v = RequestVerifier(roots, [APP_ID], fetcher=fetcher, clock=lambda: clock[0])
    v.verify(*signed())
    clock[0] = now + dt.timedelta(minutes=10)
    later = alexa_timestamp(clock[0])
    refuses(v, *signed(timestamp=later), "expired")
    assert len(fetcher.urls) == 2


def test_certifis_roots_load_without_warnings() -> None:
    assert len(verify.load_trust_roots(None)) > 50


def test_a_trust_roots_file_without_certificates_is_an_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty.pem"
    empty.write_text("nothing here\n")
    with pytest.raises(ValueError):
        RequestVerifier(str(empty), [])


# The default fetcher, against a throwaway HTTP server on loopback (never the network).


class _Handler(http.server.BaseHTTPRequestHandler):
    payload = b""

    def do_GET(self) -> None:
        self.send_response(302 if self.path == "/redirect" else 200)
        if self.path == "/redirect":
            self.send_header("Location", "/small")
        if self.path != "/chunked":
            self.send_header("Content-Length", str(len(self.payload)))
        self.end_headers()
        self.wfile.write(self.payload)

    def log_message(self, *args: Any) -> None:
        return None


@pytest.fixture
def local_server() -> Iterator[Callable[[bytes], str]]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.01,), daemon=True)
    thread.start()

    def serve(payload: bytes) -> str:
        _Handler.payload = payload
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield serve
    server.shutdown()
    server.server_close()


def test_fetch_chain_returns_a_small_download(local_server: Callable[[bytes], str]) -> None:
    assert verify.fetch_chain(local_server(b"chain") + "/small") == b"chain"


@pytest.mark.parametrize("path", ["/big", "/chunked"])
def test_fetch_chain_refuses_an_oversized_download(
    local_server: Callable[[bytes], str], path: str
) -> None:
    with pytest.raises(VerificationError, match="too large"):
        verify.fetch_chain(local_server(b"x" * 100_000) + path, max_bytes=65_536)


def test_fetch_chain_does_not_follow_redirects(local_server: Callable[[bytes], str]) -> None:
    with pytest.raises(VerificationError, match="unavailable"):
        verify.fetch_chain(local_server(b"") + "/redirect")


def test_fetch_chain_fails_fast_when_nothing_listens() -> None:
    started = time.monotonic()
    with pytest.raises(OSError):
        verify.fetch_chain("http://127.0.0.1:9/echo.api/cert.pem", timeout=1)
    assert time.monotonic() - started < 2


def test_fetch_chain_gives_up_on_a_server_that_never_answers() -> None:
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()  # the kernel accepts; nobody ever answers
        started = time.monotonic()
        with pytest.raises(VerificationError, match="too slow"):
            verify.fetch_chain(f"http://127.0.0.1:{silent.getsockname()[1]}/", timeout=0.3)
    assert time.monotonic() - started < 2


class _Drip(http.server.BaseHTTPRequestHandler):
    """A hostile server: a valid start, then one byte every half second."""

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Length", "100")
        self.end_headers()
        try:
            for _ in range(100):
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(0.5)
        except OSError:
            return

    def log_message(self, *args: Any) -> None:
        return None


def test_fetch_chain_has_a_total_deadline_against_a_dripping_server() -> None:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Drip)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, args=(0.01,), daemon=True).start()
    try:
        started = time.monotonic()
        with pytest.raises(VerificationError, match="too slow"):
            verify.fetch_chain(f"http://127.0.0.1:{server.server_address[1]}/c", timeout=1.0)
        assert time.monotonic() - started < 2.5  # one second asked; the drip would take 20+
    finally:
        server.shutdown()
        server.server_close()


def test_fetch_chain_refuses_plain_http_anywhere_but_loopback() -> None:
    with pytest.raises(VerificationError, match="not allowed"):
        verify.fetch_chain("http://s3.amazonaws.com/echo.api/echo-api-cert.pem")


def test_fetch_chain_cuts_a_tls_handshake_that_drips() -> None:
    """A server that starts a TLS record and sends the rest a byte every half second."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = listener.getsockname()[1]

        def drip() -> None:
            conn, _ = listener.accept()
            with conn:
                try:
                    conn.recv(4096)  # the ClientHello
                    for byte in b"\x16\x03\x03\x40\x00" + b"\x00" * 40:
                        conn.sendall(bytes([byte]))
                        time.sleep(0.5)
                except OSError:
                    return

        threading.Thread(target=drip, daemon=True).start()
        started = time.monotonic()
        with pytest.raises(VerificationError, match="too slow"):
            verify.fetch_chain(f"https://127.0.0.1:{port}/echo.api/c.pem", timeout=1.0)
        assert time.monotonic() - started < 2.5  # one second asked; the drip would take 20+
