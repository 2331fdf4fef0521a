"""Words a local recogniser may have misheard, checked with the person before the skill hears them.

Two mistakes cost more than a repeated question: an answer heard as a way of ending ("no" as
"off") ends the conversation, and a "can't" heard as "can" ("I can't walk" as "I can walk") turns
a warning sign into a safe answer. Both are decided by word, not by the recogniser's confidence
(docs/voice.md); the voice loop and the web simulator's local recogniser ask the same checks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from skill.content.loader import get_content
from skill.core.content_types import SafetyQuestion
from skill.core.reader.read import Reading, read
from skill.core.state import PENDING_SAFETY
from skill.core.understand import FLAG, SAFE, answer_for
from skill.simulator.nlu import understand
from skill.simulator.simulator import Simulator
from skill.simulator.voice.vocabulary import VoiceContent, load_voice_content

STOP_WORD = "stop"  # always stops at once, as on an Echo
ENDINGS = frozenset({"AMAZON.StopIntent", "AMAZON.CancelIntent"})
CONFIRMED = ENDINGS | {"AMAZON.YesIntent"}
NO_INTENT = "AMAZON.NoIntent"
ANSWERS = "answers"  # the recogniser's language model for yes-or-no questions
YES, NO = "yes", "no"


@dataclass(frozen=True)
class Heard:
    """What to do with words heard: send these words to the skill, or ask this first."""

    send: str = ""
    ask: str = ""


@dataclass
class Checks:
    """One conversation's checks: which is waiting for its answer, and what it was about."""

    locale: str = "en-US"
    voice: VoiceContent = field(default_factory=load_voice_content)
    confirming: bool = False  # "Did you want to stop?" was asked and waits for its answer
    checking: str = ""  # the safe answer heard ("i can walk") while "Just to check" waits

    def reset(self) -> None:
        """Nothing waits any more (the person typed instead, or a new conversation began)."""
        self.confirming, self.checking = False, ""

    def expecting(self, pending: object) -> str:
        """The recogniser's model for the next words: "answers" at any yes-or-no question."""
        return ANSWERS if self.confirming or self.checking else language_model(pending, self.voice)

    def hear_on(self, sim: Simulator, words: str, pending: object, question: str = "") -> Heard:
        """`hear` for words said to `sim`: its local NLU's intent for them, on its clock's day."""
        today = sim.now.date()
        return self.hear(words, pending, understand(sim.model, words, today).intent, question,
                         today)

    def hear(self, words: str, pending: object, intent: str, question: str = "",
             today: date | None = None) -> Heard:
        """The words to send, or the check to ask; `intent` is the local NLU's reading of them
        and `question` the skill's own question, said again after "no, go on"."""
        if self.confirming:
            self.confirming = False
            if _warns(words, self.locale, today):
                return Heard(send=words)  # "no, but I've a fever": the skill hears the fever
            if intent in CONFIRMED:
                return Heard(send=STOP_WORD)
            if intent == NO_INTENT:
                return Heard(ask=f"{self.voice.confirm_stop['going_on']} {question}".strip())
            return Heard(send=words)
        if self.checking and (sent := self._checked(words, today)):
            return Heard(send=sent)
        if doubtful_ending(words, pending, intent):
            self.confirming = True
            return Heard(ask=self.voice.confirm_stop["ask"])
        if doubtful_safe(words, pending, self.voice, self.locale, today):
            self.checking = words
            return Heard(ask=self.voice.confirm_safe.ask)
        return Heard(send=words)

    def _checked(self, words: str, today: date | None) -> str:
        """After "Just to check": the safe answer, the warning sign, or "" (these words go on
        through the other checks, and a doubtful one is checked again)."""
        heard, self.checking = self.checking, ""
        said = check_answer(words, self.voice, self.locale, today)
        if said == YES:
            return heard
        return self.voice.confirm_safe.warning if said == NO else ""


def pending_kind(pending: object) -> str | None:
    """The kind of question a `pending` session attribute waits on ("safety", "offer_care")."""
    return pending.partition(":")[0] if isinstance(pending, str) and pending else None


def language_model(pending: object, voice: VoiceContent) -> str:
    """The recogniser's model for the answer to this question: "answers" at a yes-or-no one."""
    return ANSWERS if pending_kind(pending) in voice.yes_no_questions else ""


def doubtful_ending(words: str, pending: object, intent: str) -> bool:
    """An ending other than "stop" while the skill waits for an answer: it may be misheard."""
    if STOP_WORD in words.split() or pending_kind(pending) is None:
        return False
    return intent in ENDINGS


def doubtful_safe(words: str, pending: object, voice: VoiceContent, locale: str,
                  today: date | None = None) -> bool:
    """A safe answer to the checked question heard with a word a "not" may hide ("can")."""
    question = _checked_question(pending, voice)
    if question is None or not set(words.split()) & voice.confirm_safe.doubtful_words:
        return False
    reading = _reading(words, locale, today)
    return reading is not None and not reading.present and answer_for(reading, question) == SAFE


def check_answer(words: str, voice: VoiceContent, locale: str, today: date | None = None) -> str:
    """The reply to the check: YES (as heard), NO (the warning sign), or "" (neither).

    A reply with a warning sign in it is neither, so the skill hears it as said: "yes, but I've
    a fever" must reach the skill with its fever, not as the safe answer first heard.
    """
    question = _question(voice.confirm_safe.question)
    reading = _reading(words, locale, today)
    if question is None or reading is None or reading.present:
        return ""
    answer = answer_for(reading, question)
    if answer == FLAG:
        return NO
    if reading.particle == YES or (answer == SAFE and not doubtful_safe(
            words, f"{PENDING_SAFETY}:{question.id}", voice, locale, today)):
        return YES
    return ""


def _checked_question(pending: object, voice: VoiceContent) -> SafetyQuestion | None:
    """The safety question the skill waits on, if it is the one whose safe answers are checked."""
    if not isinstance(pending, str) or pending != f"{PENDING_SAFETY}:{voice.confirm_safe.question}":
        return None
    return _question(voice.confirm_safe.question)


def _question(qid: str) -> SafetyQuestion | None:
    return get_content().safety_question(qid)


def _warns(words: str, locale: str, today: date | None) -> bool:
    """Whether the words hold a warning sign (said or hedged, not negated)."""
    reading = _reading(words, locale, today)
    return reading is not None and bool(reading.present)


def _reading(words: str, locale: str, today: date | None) -> Reading | None:
    content = get_content()
    vocab = content.vocabulary(locale)
    return None if vocab is None else read(words, vocab, content.flag_levels(), today)
