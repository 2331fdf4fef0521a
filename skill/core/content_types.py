"""Pure: the frozen records content is loaded into, so the core reads content without YAML."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from skill.core.reader.vocabulary import Vocabulary

CONDITION_IDS = (
    "gtps",
    "hip_flexor_tendinopathy",
    "muscle_strain",
    "osteoarthritis",
    "fai",
    "stress_fracture",
    "referred_pain",
)
LEVELS = ("urgent", "see_provider")
TRIAGES = ("urgent", "see_provider", "self_care")
LOCALE_WORDS = ("emergency_number", "doctor", "emergency_department")


class ContentError(ValueError):
    """A content file is missing, malformed or inconsistent; the message names file and field."""


class Source(NamedTuple):
    publisher: str
    title: str
    url: str | None


class FeatureGroup(NamedTuple):
    name: str
    slot_type: str
    labels: Mapping[str, str]


class CareNotes(NamedTuple):
    triage: str
    caveat: str | None
    skip: tuple[str, ...]


class Condition(NamedTuple):
    id: str
    name: str
    aliases: tuple[str, ...]
    summary: str
    about: str
    detail: str
    features: Mapping[str, frozenset[str]]
    questions: tuple[str, ...]
    care: CareNotes
    sources: tuple[Source, ...]
    # Groups of feature ids, of each of which at least one must be described before this
    # condition is named: a stress fracture is never suggested on running alone, nor on pain
    # bearing weight without running or more training.
    requires: tuple[frozenset[str], ...] = ()
    # The name as it sits in a sentence ("a muscle strain"); the plain name if unset.
    said: str = ""
    # May be suggested after an injury's urgent advice (a condition an injury can cause or
    # reveal): None never, empty always, else once one of these feature ids is described.
    after_injury: frozenset[str] | None = None
    # May be suggested in a replaced hip: not a worn or pinching joint the operation took away.
    in_replaced_hip: bool = True

    @property
    def spoken_name(self) -> str:
        """The name as spoken after 'may be' or 'sounded like', with its article."""
        return self.said or self.name

    @property
    def caveat(self) -> str | None:
        """The care caveat, spoken before any self-care for this condition."""
        return self.care.caveat


class Question(NamedTuple):
    id: str
    ask: str
    reask: str
    group: str
    options: tuple[str, ...]
    yes: tuple[str, ...]


class SafetyQuestion(NamedTuple):
    id: str
    ask: str
    reask: str
    safe: str
    flag: str
    # Asked of the person helping someone else ("Can they put weight on that leg?"); None: as ask
    ask_helper: str | None = None
    reask_helper: str | None = None


class Level(NamedTuple):
    id: str
    say: str
    card_title: str
    say_helper: str | None = None  # the same advice, said to someone helping the person


class RedFlag(NamedTuple):
    id: str
    level: str
    say: str
    card: str
    say_helper: str | None = None
    said: bool = True  # False: raised by the reader's rules (a child's pain), never a slot value
    # A child's rule: raised for a child when one of these flags is (empty: for any child's hip
    # pain); None for everyone else's flags.
    for_child: tuple[str, ...] | None = None
    # An injury sign whose advice may be followed by what the pain may be, to ask about when it
    # is checked: a strain and a break both begin with a fall. Infection signs never are.
    names_condition: bool = False


class Topic(NamedTuple):
    id: str
    title: str
    say: str
    card: str
    gated: bool
    detail: str = ""
    asked_in_full: bool = False
    # said with its detail in the walkthrough too, and when asked, but for a one-shot's greeting
    always_in_full: bool = False


# A short spoken form and the detail behind it, by content kind: "tell me more" continues from
# the short form's key to its detail's key (condition.gtps.summary -> condition.gtps.detail).
DETAIL_OF: Mapping[str, Mapping[str, str]] = {
    "condition": {"summary": "detail", "about": "detail"},
    "topic": {"say": "detail"},
}


@dataclass(frozen=True)
class Content:
    """Everything the skill can say, validated and cross-checked."""

    features: Mapping[str, FeatureGroup]
    conditions: Mapping[str, Condition]
    questions: Mapping[str, Question]
    safety_questions: tuple[SafetyQuestion, ...]
    levels: Mapping[str, Level]
    red_flags: Mapping[str, RedFlag]
    not_red_flags: Mapping[str, str]
    topics: Mapping[str, Topic]
    walkthrough: tuple[str, ...]
    rice_steps: int
    dialog: Mapping[str, str]
    locales: Mapping[str, Mapping[str, str]]
    reader: Mapping[str, Vocabulary] = field(default_factory=dict)

    def safety_question(self, qid: str | None) -> SafetyQuestion | None:
        """One safety question by its id ("fever", "injury", "weight"), or None."""
        return next((q for q in self.safety_questions if q.id == qid), None)

    def flag_levels(self) -> Mapping[str, str]:
        """Each red flag's level, worked out once: the reader asks on every turn."""
        levels: dict[str, str] | None = self.__dict__.get("_levels")
        if levels is None:
            levels = {fid: flag.level for fid, flag in self.red_flags.items()}
            self.__dict__["_levels"] = levels
        return levels

    def child_rules(self) -> tuple[RedFlag, ...]:
        """The flags raised for a child, most urgent first."""
        rules: tuple[RedFlag, ...] | None = self.__dict__.get("_child_rules")
        if rules is None:
            rank = {"urgent": 0, "see_provider": 1}
            rules = tuple(sorted((f for f in self.red_flags.values() if f.for_child is not None),
                                 key=lambda f: rank.get(f.level, 2)))
            self.__dict__["_child_rules"] = rules
        return rules

    def vocabulary(self, locale: str) -> Vocabulary | None:
        """The reader's words for a locale, falling back to US English."""
        return self.reader.get(locale) or self.reader.get("en-US")

    def text(self, key: str) -> str:
        """Resolve a dotted content key ('dialog.welcome', 'condition.gtps.summary') to its text."""
        cache: dict[str, str] = self.__dict__.setdefault("_texts", {})
        found = cache.get(key)
        if found is None:
            found = cache[key] = self._lookup(key)
        return found

    def detail_of(self, key: str) -> str | None:
        """The key of the detail behind a short spoken form, or None when it has none."""
        kind, _, rest = key.partition(".")
        ident, _, attr = rest.rpartition(".")
        detail = DETAIL_OF.get(kind, {}).get(attr)
        if detail is None:
            return None
        found = f"{kind}.{ident}.{detail}"
        try:
            return found if self.text(found) else None
        except KeyError:
            return None

    def _lookup(self, key: str) -> str:
        kind, _, rest = key.partition(".")
        ident, _, attr = rest.rpartition(".")
        table: Mapping[str, Any] | None = {
            "condition": self.conditions,
            "question": self.questions,
            "safety": {q.id: q for q in self.safety_questions},
            "level": self.levels,
            "flag": self.red_flags,
            "topic": self.topics,
        }.get(kind)
        if kind == "dialog":
            return self.dialog[rest]
        if kind == "not_red_flag":
            return self.not_red_flags[rest]
        if table is None or ident not in table:
            raise KeyError(key)
        value = getattr(table[ident], attr, None)
        if not isinstance(value, str):
            raise KeyError(key)
        return value
