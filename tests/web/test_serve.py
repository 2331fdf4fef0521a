"""`python -m skill serve`: a newcomer's server, loud about local settings, real under gunicorn."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from skill.web import serve

ROOT = Path(__file__).resolve().parents[2]


def test_local_settings_apply_only_when_skill_env_is_unset() -> None:
    env, unverified = serve.local_environment({"PATH": "/bin"})
    assert env["SKILL_ENV"] == "development" and env["SKILL_VERIFY_REQUESTS"] == "false"
    assert unverified
    env, unverified = serve.local_environment({"SKILL_ENV": "production"})
    assert "SKILL_VERIFY_REQUESTS" not in env and not unverified


def test_an_explicit_verification_setting_is_respected() -> None:
    env, unverified = serve.local_environment({"SKILL_VERIFY_REQUESTS": "true"})
    assert env["SKILL_VERIFY_REQUESTS"] == "true" and not unverified


def test_options_reach_gunicorn() -> None:
    args = serve.parse_args(["serve", "--host", "0.0.0.0", "--port", "8080", "--workers", "3"])
    command = serve.gunicorn_command(args)
    assert command[-1] == "skill.web.app:create_app()"
    assert "0.0.0.0:8080" in command and command[command.index("--workers") + 1] == "3"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get_health(port: int, deadline: float) -> dict[str, str]:
    while True:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
        try:
            connection.request("GET", "/health")
            return dict(json.loads(connection.getresponse().read()))
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
        finally:
            connection.close()  # a timed-out attempt must not leak its socket (warnings are errors)


@pytest.mark.skipif(sys.platform == "win32", reason="gunicorn is POSIX-only")
def test_serve_runs_gunicorn_and_says_where_and_how(tmp_path: Path) -> None:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("SKILL_")}
    env["SKILL_DB_PATH"] = str(tmp_path / "serve.db")
    command = [sys.executable, "-m", "skill", "serve", "--port", str(port), "--workers", "1"]
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    try:
        assert _get_health(port, time.monotonic() + 15)["status"] == "ok"
        sid = _simulator_session(port)
        assert _chunked_status(port, b'{"user": "' + b"x" * 6000 + b'"}') == b"413"
    finally:
        process.send_signal(signal.SIGINT)
        try:
            output = process.communicate(timeout=15)[0].decode()
        except subprocess.TimeoutExpired:
            process.kill()
            raise
    assert f"POST http://127.0.0.1:{port}/alexa" in output
    assert "SKILL_VERIFY_REQUESTS=false" in output
    assert "GET /simulator/api/sessions/… 200" in output
    assert sid not in output  # a session id is a bearer token: never in the access log


def _simulator_session(port: int) -> str:
    """Open a web simulator session and read its state, as the page does."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.request("POST", "/simulator/api/sessions", body=b"{}",
                           headers={"Content-Type": "application/json"})
        sid = str(json.loads(connection.getresponse().read())["session"])
        connection.request("GET", f"/simulator/api/sessions/{sid}")
        connection.getresponse().read()
        return sid
    finally:
        connection.close()


def _chunked_status(port: int, body: bytes) -> bytes:
    """POST a body with Transfer-Encoding: chunked (no Content-Length); the status code."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as raw:
        raw.sendall(b"POST /simulator/api/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    b"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + f"{len(body):x}\r\n".encode() + body + b"\r\n0\r\n\r\n")
        return raw.recv(64).split(b" ")[1]


def test_the_access_log_redacts_session_ids() -> None:
    from skill.web.accesslog import redact

    assert redact("/simulator/api/sessions/abc-DEF_1/say") == "/simulator/api/sessions/…/say"
    assert redact("POST /simulator/api/sessions HTTP/1.1") == "POST /simulator/api/sessions HTTP/1.1"
    assert redact("/alexa") == "/alexa"


def test_the_web_simulator_gets_one_process_with_threads() -> None:
    assert serve.worker_plan(None, simulator=True) == (1, 4)
    assert serve.worker_plan(None, simulator=False)[1] == 1
    assert serve.worker_plan(3, simulator=True) == (3, 1)
