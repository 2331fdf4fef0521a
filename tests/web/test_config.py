"""Settings: safe defaults, then SKILL_* variables, then the config dict."""

from __future__ import annotations

import pytest

from skill.config import load_settings


def test_defaults_are_production_safe() -> None:
    settings = load_settings(environ={})
    assert settings.verify_requests is True
    assert settings.application_ids == ()


def test_environment_then_config_dict() -> None:
    environ = {"SKILL_VERIFY_REQUESTS": "false", "SKILL_APPLICATION_IDS": "a, b", "SKILL_ENV": "x"}
    settings = load_settings({"env": "production", "custom": 1}, environ=environ)
    assert settings.verify_requests is False
    assert settings.application_ids == ("a", "b")
    assert settings.env == "production"
    assert settings.extra == {"custom": 1}


def test_a_bad_number_names_the_variable() -> None:
    with pytest.raises(ValueError, match="SKILL_RETENTION_DAYS"):
        load_settings(environ={"SKILL_RETENTION_DAYS": "ninety"})


def test_lambda_turns_the_local_store_off_unless_asked() -> None:
    assert load_settings(environ={"AWS_LAMBDA_FUNCTION_NAME": "f"}).db_path == ""
    environ = {"AWS_LAMBDA_FUNCTION_NAME": "f", "SKILL_DB_PATH": "/tmp/x.db"}
    assert load_settings(environ=environ).db_path == "/tmp/x.db"


def test_simulator_is_off_in_production_unless_switched_on() -> None:
    assert load_settings(environ={}).simulator_enabled
    assert not load_settings(environ={"SKILL_ENV": "production"}).simulator_enabled
    assert load_settings(environ={"SKILL_ENV": "production", "SKILL_SIMULATOR": "on"}).simulator_enabled


def test_simulator_is_off_for_any_environment_but_development_and_test() -> None:
    assert load_settings(environ={"SKILL_ENV": "test"}).simulator_enabled
    assert not load_settings(environ={"SKILL_ENV": "staging"}).simulator_enabled
