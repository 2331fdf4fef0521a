"""`python -m skill`: every command listed with a sentence, a version, and one line for a mistake."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import skill.content.loader
from skill import __main__ as entry
from skill import __version__
from skill.content import ContentError

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "skill", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120,
                          env={"PATH": os.environ.get("PATH", ""), "SKILL_DB_PATH": "", **env})


def test_help_lists_every_command_with_a_sentence() -> None:
    result = run("--help")
    assert result.returncode == 0
    for name, (_, text) in entry.COMMANDS.items():
        assert f"  {name}" in result.stdout and text in result.stdout
        assert len(text.split()) >= 5


def test_version_prints_the_packages_version() -> None:
    result = run("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"hip-helper {__version__}"


def test_an_unknown_command_shows_the_list_and_fails() -> None:
    result = run("serv")
    assert result.returncode == 2 and "commands:" in result.stderr


def test_say_on_broken_content_is_one_line_naming_the_file(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken() -> None:
        raise ContentError("content/safety.yaml: questions[0].text: missing")

    monkeypatch.setattr(skill.content.loader, "get_content", broken)
    monkeypatch.setattr("skill.simulator.cli.get_content", broken)
    assert entry.main(["say", "open hip helper"]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err.strip().splitlines() == [
        "error: content/safety.yaml: questions[0].text: missing"]


def test_a_bad_setting_for_chat_is_one_line() -> None:
    result = run("say", "open hip helper", SKILL_DYNAMODB_CREATE_TABLE="maybe")
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]
    assert "SKILL_DYNAMODB_CREATE_TABLE" in result.stderr and "Traceback" not in result.stderr
