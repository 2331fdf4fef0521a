"""Settings: safe defaults in code, then SKILL_* environment variables, then an explicit dict."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any

_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off"})
# Every SKILL_ENV there is: anything else (a typo of "production") must stop the start.
ENVIRONMENTS = ("development", "test", "production")
_LOCALE = re.compile(r"[a-z]{2}-[A-Z]{2}")


class ConfigError(ValueError):
    """A setting that cannot be used; the message is one line naming the variable and the fix."""


@dataclass(frozen=True)
class Settings:
    """Every tunable of the skill in one immutable place, so nothing reads os.environ elsewhere."""

    env: str = "development"
    verify_requests: bool = True
    application_ids: tuple[str, ...] = ()
    trust_roots: str = ""
    replay_path: str = ""  # a file shared by every worker for replay checks ("": this process)
    simulator: str = ""
    # Host names the web simulator answers to (and Origins it accepts): loopback only unless set,
    # so a web page cannot reach it through DNS rebinding.
    simulator_hosts: tuple[str, ...] = ("127.0.0.1", "localhost", "::1")
    db_path: str = "var/hip-helper.db"
    dynamodb_table: str = ""
    dynamodb_create_table: bool = False
    retention_days: int = 90
    user_key_secret: str = ""
    default_locale: str = "en-US"
    extra: Mapping[str, Any] = field(default_factory=dict)

    @property
    def simulator_enabled(self) -> bool:
        """The web simulator is on only for local development and tests, unless switched on.

        Production keeps it off (a public simulator would write to the real store); any other
        SKILL_ENV is refused at load.
        """
        if self.simulator:
            return parse_bool("SKILL_SIMULATOR", self.simulator)
        return self.env in ("development", "test")


def parse_bool(variable: str, raw: Any) -> bool:
    """A yes/no setting in one of the known spellings; anything else is a ConfigError.

    A typo must never switch a protection off (`SKILL_VERIFY_REQUESTS=ture`).
    """
    if isinstance(raw, bool):
        return raw
    text = str(raw).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ConfigError(f"{variable}={raw!r} is not a yes/no value: use true or false "
                      f"(also 1/0, yes/no, on/off)")


def _choice(variable: str, raw: Any, choices: tuple[str, ...]) -> str:
    """One of a fixed set of words, lower-cased; anything else is a ConfigError."""
    text = str(raw).strip().lower()
    if text not in choices:
        raise ConfigError(f"{variable}={raw!r} is not known: use one of {', '.join(choices)}")
    return text


def _coerce(name: str, raw: Any) -> Any:
    """Turn an environment string (or config value) into the field's type."""
    default = getattr(Settings(), name)
    variable = f"SKILL_{name.upper()}"
    if isinstance(default, bool):
        return parse_bool(variable, raw)
    if name == "env":
        return _choice(variable, raw, ENVIRONMENTS)
    if name == "default_locale":
        if not _LOCALE.fullmatch(str(raw).strip()):
            raise ConfigError(f"{variable}={raw!r} is not a locale: write it like en-US")
        return str(raw).strip()
    if name == "simulator":
        return "" if str(raw).strip() == "" else ("on" if parse_bool(variable, raw) else "off")
    if isinstance(default, int):
        try:
            return int(raw)
        except (TypeError, ValueError):
            raise ConfigError(f"{variable}={raw!r} is not a whole number") from None
    if isinstance(default, tuple):
        if isinstance(raw, (list, tuple)):
            return tuple(str(x) for x in raw)
        return tuple(part.strip() for part in str(raw).split(",") if part.strip())
    return raw


def load_settings(
    config: Mapping[str, Any] | None = None, environ: Mapping[str, str] | None = None
) -> Settings:
    """Layer defaults, SKILL_* variables and a config dict (keys case-insensitive) into Settings."""
    environ = os.environ if environ is None else environ
    names = {f.name for f in fields(Settings)} - {"extra"}
    values: dict[str, Any] = {}
    for name in names:
        key = f"SKILL_{name.upper()}"
        if key in environ:
            values[name] = _coerce(name, environ[key])
    if "AWS_LAMBDA_FUNCTION_NAME" in environ and "SKILL_DB_PATH" not in environ:
        values["db_path"] = ""  # Lambda's disk is read-only and per-instance: DynamoDB or nothing
    extra: dict[str, Any] = {}
    for key, value in (config or {}).items():
        name = key.lower()
        if name in names:
            values[name] = _coerce(name, value)
        else:
            extra[key] = value
    return replace(Settings(), **values, extra=extra)
