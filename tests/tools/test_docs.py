"""The docs agree with the code: every setting documented, no promise of what already exists."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from skill.config import Settings

DOCS = Path(__file__).parents[2] / "docs"


def test_every_setting_is_in_the_web_service_settings_table() -> None:
    text = (DOCS / "web-service.md").read_text(encoding="utf-8")
    table = text[text.index("## Settings"):]
    for field in fields(Settings):
        if field.name != "extra":
            assert f"| `SKILL_{field.name.upper()}`" in table, field.name


def test_dynamodb_is_described_as_it_is_not_as_coming() -> None:
    text = (DOCS / "web-service.md").read_text(encoding="utf-8").lower()
    assert "once the persistence layer offers it" not in text
    assert "skill_dynamodb_table" in text
