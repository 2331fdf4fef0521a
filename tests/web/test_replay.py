"""A signed request id is answered once: in one process, and across gunicorn's worker processes."""

from __future__ import annotations

import datetime as dt
import logging
import multiprocessing
from pathlib import Path

import pytest

from skill.config import ConfigError, load_settings
from skill.web import serve, startup
from skill.web.replay import InProcess, SharedFile, seen_requests

NOW = dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC)
LATER = NOW + dt.timedelta(seconds=150)


def _offer_in_a_child(path: str, request_id: str) -> None:
    assert SharedFile(path).first_time(request_id, LATER, NOW)


@pytest.mark.parametrize("kind", ["memory", "file"])
def test_an_id_is_accepted_once(kind: str, tmp_path: Path) -> None:
    seen = InProcess() if kind == "memory" else SharedFile(tmp_path / "seen.db")
    assert seen.first_time("amzn1.echo-api.request.1", LATER, NOW)
    assert not seen.first_time("amzn1.echo-api.request.1", LATER, NOW)
    assert seen.first_time("amzn1.echo-api.request.2", LATER, NOW)


def test_an_id_is_forgotten_after_its_window(tmp_path: Path) -> None:
    seen = SharedFile(tmp_path / "seen.db")
    assert seen.first_time("r", LATER, NOW)
    assert seen.first_time("r", LATER + dt.timedelta(seconds=300), LATER + dt.timedelta(seconds=1))


def test_another_process_sees_the_id_already_answered(tmp_path: Path) -> None:
    path = str(tmp_path / "seen.db")
    child = multiprocessing.get_context("fork").Process(
        target=_offer_in_a_child, args=(path, "amzn1.echo-api.request.shared"))
    child.start()
    child.join(10)
    assert child.exitcode == 0
    assert not SharedFile(path).first_time("amzn1.echo-api.request.shared", LATER, NOW)


def test_an_unusable_file_falls_back_to_this_process(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    seen = SharedFile(tmp_path)  # a folder: SQLite cannot open it
    with caplog.at_level(logging.WARNING):
        assert seen.first_time("r", LATER, NOW)
        assert not seen.first_time("r", LATER, NOW)  # still refused: never fails open
    assert "replay file unusable" in caplog.text


def test_no_path_means_this_process() -> None:
    assert isinstance(seen_requests(""), InProcess)


def test_serve_gives_every_worker_one_replay_file(monkeypatch: pytest.MonkeyPatch) -> None:
    captured: dict[str, str] = {}
    monkeypatch.setattr(serve, "_run", lambda command, env: captured.update(env) or 0)
    monkeypatch.setattr(serve, "preflight", lambda args, environ: (dict(environ), False, False))
    assert serve.main(["serve", "--port", "1"]) == 0
    assert captured["SKILL_REPLAY_PATH"].endswith("requests.db")


def test_an_unwritable_replay_path_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("")
    settings = load_settings({"replay_path": str(tmp_path / "afile" / "r.db"),
                              "verify_requests": False}, environ={})
    with pytest.raises(ConfigError, match=r"^SKILL_REPLAY_PATH="):
        startup.check_service(settings)
