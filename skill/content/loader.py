"""Loads content/*.yaml once into frozen records, failing loudly with the file and field."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from skill.core.content_types import Content

CONTENT_DIR = Path(__file__).resolve().parents[2] / "content"


def load_content(directory: Path = CONTENT_DIR) -> Content:
    """Parse and cross-check every content file; raises ContentError naming file and field."""
    from skill.content.schema import parse_content

    return parse_content(directory)


@lru_cache(maxsize=1)
def get_content() -> Content:
    """The packaged content, parsed once per process."""
    return load_content()
