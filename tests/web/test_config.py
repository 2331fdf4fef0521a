"""Settings: safe defaults, then SKILL_* variables, then the config dict."""

from __future__ import annotations

import pytest

from skill.config import ConfigError, load_settings


def test_defaults_are_production_safe() -> None:
    settings = load_settings(environ={})
    assert settings.verify_requests is True
    assert settings.application_ids == ()


def test_environment_then_config_dict() -> None:
    environ = {"SKILL_VERIFY_REQUESTS": "false", "SKILL_APPLICATION_IDS": "a, b", "SKILL_ENV": "test"}
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


def test_simulator_is_on_for_tests_and_off_in_production() -> None:
    assert load_settings(environ={"SKILL_ENV": "test"}).simulator_enabled
    assert not load_settings(environ={"SKILL_ENV": "production"}).simulator_enabled


@pytest.mark.parametrize(
    ("variable", "value"),
    [("SKILL_VERIFY_REQUESTS", "ture"), ("SKILL_VERIFY_REQUESTS", ""),
     ("SKILL_DYNAMODB_CREATE_TABLE", "maybe"), ("SKILL_SIMULATOR", "of"),
     ("SKILL_ENV", "prodution"), ("SKILL_ENV", "staging"), ("SKILL_DEFAULT_LOCALE", "en_US"),
     ("SKILL_RETENTION_DAYS", "ninety")],
)
def test_an_unknown_spelling_stops_the_start_naming_the_variable(variable: str, value: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(environ={variable: value})
    message = str(caught.value)
    assert message.startswith(variable + "=") and "\n" not in message


def test_a_typo_never_turns_verification_off() -> None:
    with pytest.raises(ConfigError, match="SKILL_VERIFY_REQUESTS"):
        load_settings(environ={"SKILL_ENV": "production", "SKILL_VERIFY_REQUESTS": "ture"})


@pytest.mark.parametrize("value", ["1", "true", "Yes", " ON ", "0", "false", "no", "Off"])
def test_every_known_spelling_of_yes_and_no_is_read(value: str) -> None:
    expected = value.strip().lower() in ("1", "true", "yes", "on")
    assert load_settings(environ={"SKILL_VERIFY_REQUESTS": value}).verify_requests is expected


def test_the_config_dict_is_held_to_the_same_spellings() -> None:
    with pytest.raises(ConfigError, match="SKILL_VERIFY_REQUESTS"):
        load_settings({"verify_requests": "ture"}, environ={})
