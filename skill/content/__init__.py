"""Content loading: content/*.yaml parsed and validated once into the core's frozen records."""

from skill.content.loader import CONTENT_DIR, get_content, load_content
from skill.core.content_types import (
    CONDITION_IDS,
    LEVELS,
    LOCALE_WORDS,
    TRIAGES,
    CareNotes,
    Condition,
    Content,
    ContentError,
    FeatureGroup,
    Level,
    Question,
    RedFlag,
    SafetyQuestion,
    Source,
    Topic,
)

__all__ = [
    "CONDITION_IDS",
    "CONTENT_DIR",
    "LEVELS",
    "LOCALE_WORDS",
    "TRIAGES",
    "CareNotes",
    "Condition",
    "Content",
    "ContentError",
    "FeatureGroup",
    "Level",
    "Question",
    "RedFlag",
    "SafetyQuestion",
    "Source",
    "Topic",
    "get_content",
    "load_content",
]
