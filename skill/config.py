"""Settings: safe defaults in code, then SKILL_* environment variables, then an explicit dict."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any

_TRUE = {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class Settings:
    """Every tunable of the skill in one immutable place, so nothing reads os.environ elsewhere."""

    env: str = "development"
    verify_requests: bool = True
    application_ids: tuple[str, ...] = ()
    trust_roots: str = ""
    simulator: str = ""
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

        Any other SKILL_ENV (production, staging, a typo) keeps it off: a public simulator
        would write to the real store.
        """
        if self.simulator:
            return self.simulator.lower() in _TRUE
        return self.env in ("development", "test")


def _coerce(name: str, raw: Any) -> Any:
    """Turn an environment string (or config value) into the field's type."""
    default = getattr(Settings(), name)
    if isinstance(default, bool):
        return raw if isinstance(raw, bool) else str(raw).strip().lower() in _TRUE
    if isinstance(default, int):
        try:
            return int(raw)
        except (TypeError, ValueError):
            raise ValueError(f"SKILL_{name.upper()}: must be a whole number, not {raw!r}") from None
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
