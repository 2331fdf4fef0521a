"""Misconfiguration stops the start with one line naming the setting and the fix."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from skill.config import ConfigError, load_settings
from skill.web import serve, startup
from skill.web.app import create_app

ROOT = Path(__file__).resolve().parents[2]


def one_line(exc: pytest.ExceptionInfo[ConfigError]) -> str:
    message = str(exc.value)
    assert "\n" not in message and len(message) < 300
    return message


def test_a_missing_trust_roots_file_is_one_line_naming_it(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        startup.check_trust_roots(str(tmp_path / "missing.pem"))
    assert one_line(caught).startswith("SKILL_TRUST_ROOTS=") and "missing.pem" in str(caught.value)


def test_a_trust_roots_file_without_certificates_is_one_line(tmp_path: Path) -> None:
    empty = tmp_path / "empty.pem"
    empty.write_text("nothing\n")
    with pytest.raises(ConfigError, match="no usable certificate"):
        startup.check_trust_roots(str(empty))


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_an_unwritable_database_folder_is_refused_at_start(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    with pytest.raises(ConfigError) as caught:
        startup.check_db_folder(str(locked / "memory.db"))
    assert one_line(caught).startswith("SKILL_DB_PATH=")


def test_a_database_path_under_a_file_is_refused_at_start(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("")
    with pytest.raises(ConfigError) as caught:
        startup.check_db_folder(str(tmp_path / "afile" / "memory.db"))
    assert one_line(caught).startswith("SKILL_DB_PATH=") and "writable path" in str(caught.value)


def test_create_app_refuses_the_same_settings(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("")
    with pytest.raises(ConfigError, match="SKILL_DB_PATH"):
        create_app({"env": "development", "verify_requests": False,
                    "db_path": str(tmp_path / "afile" / "m.db")})


def test_a_busy_port_names_the_port_and_the_fix() -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        with pytest.raises(ConfigError) as caught:
            startup.check_port("127.0.0.1", port)
    assert f"port {port}" in one_line(caught) and "--port" in str(caught.value)


def test_production_needs_application_ids_before_anything_starts() -> None:
    settings = load_settings(environ={"SKILL_ENV": "production"})
    with pytest.raises(ConfigError) as caught:
        startup.check_service(settings)
    assert "SKILL_APPLICATION_IDS=" in one_line(caught)


def _serve(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "skill", "serve", *args], cwd=ROOT, capture_output=True,
        text=True, timeout=60, env={"PATH": os.environ.get("PATH", ""), **env},
    )


@pytest.mark.parametrize(
    ("env", "named"),
    [({"SKILL_TRUST_ROOTS": "/nonexistent/roots.pem", "SKILL_VERIFY_REQUESTS": "true"},
      "SKILL_TRUST_ROOTS"),
     ({"SKILL_ENV": "production", "SKILL_VERIFY_REQUESTS": "ture"}, "SKILL_VERIFY_REQUESTS"),
     ({"SKILL_ENV": "production"}, "SKILL_APPLICATION_IDS")],
    ids=["trust-roots", "typo", "application-ids"],
)
def test_serve_prints_one_line_and_starts_nothing(env: dict[str, str], named: str) -> None:
    result = _serve(env, "--port", "1")
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and named in lines[0], result.stderr


def test_serve_names_a_busy_port() -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        args = serve.parse_args(["serve", "--port", str(port)])
        with pytest.raises(ConfigError, match=f"port {port}"):
            serve.preflight(args, {"SKILL_DB_PATH": ""})
