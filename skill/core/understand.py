"""Pure: what the reader heard, turned into the act the dialog answers and its warning signs."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from skill.core import intents, triage
from skill.core.care import WALKTHROUGH
from skill.core.content_types import Content, SafetyQuestion
from skill.core.intents import Act
from skill.core.reader.read import Reading, read
from skill.core.reader.vocabulary import SOMEONE_ELSE, UNCERTAIN
from skill.core.state import PENDING_CHECK_IN, PENDING_ONSET, PENDING_SAFETY, State
from skill.core.triage import SAFE_STATEMENTS

SAFE, FLAG, UNSURE = triage.SAFE, "flag", "unsure"  # how a safety question was answered
_TOPIC_INTENTS = {topic: intent for intent, topic in intents.TOPIC_INTENTS.items()}
_TOPIC_INTENTS[WALKTHROUGH] = intents.SELF_CARE


class Understood(NamedTuple):
    """The act to answer, every warning sign to escalate first, and what the reader found."""

    act: Act
    flags: tuple[str, ...]
    reading: Reading | None
    answer: str | None = None  # safe, flag or unsure, for a pending safety question
    safe_in_words: bool = False  # answered safe in words of its own ("I can walk", "no fever")


def understand(act: Act, state: State, content: Content) -> Understood | None:
    """Read the person's words, if Alexa handed any over; None leaves the act as it is."""
    vocab = content.vocabulary(act.locale)
    if not (act.words or act.absent) or vocab is None:
        return None
    lead = vocab.leads.get(act.intent)
    if lead is not None:  # "last winter I slipped": Alexa kept "winter I slipped" for the slot
        act = act._replace(intent=intents.FREE_SPEECH, words=f"{lead} {act.words}")
    levels = content.flag_levels()
    today = date.fromisoformat(state.today) if state.today else None
    reading = read(act.words, vocab, levels, today, own=_own(state), absent=act.absent)
    child = state.child or reading.child
    signs = [s for s in reading.present if s.id in content.red_flags
             and (child or content.red_flags[s.id].for_child is None)]
    if act.intent != intents.FREE_SPEECH:  # raw slot values Alexa could not resolve: signs only
        return Understood(act, _with_child(child, [s.id for s in signs], state, content), reading)
    question = _pending_question(state, content)
    answer = answer_for(reading, question) if question is not None else None
    own_unsure = question is not None and answer == UNSURE
    flags = [s.id for s in signs if not (own_unsure and s.id == question.flag)]  # type: ignore[union-attr]
    if question is not None and answer == FLAG and question.flag not in flags:
        flags.append(question.flag)
    raised = _with_child(child, flags, state, content)
    in_words = question is not None and answer == SAFE and (
        _stated(reading, question) or reading.contrast)
    return Understood(_act_for(reading, state, question, answer, list(raised), act), raised,
                      reading, answer, in_words)


def _stated(reading: Reading, question: SafetyQuestion) -> bool:
    """The answer is in words of its own, a statement or the sign named, not only a yes or no
    that may belong to the rest ("nothing helps")."""
    return question.id in reading.safe or any(s.id == question.flag for s in reading.signs)


def _own(state: State) -> bool:
    """The speaker has spoken of their own pain: someone else named now is not whose it is
    ("no, the only one with chills is my son")."""
    return state.own and not (state.helper or state.child)


def answer_for(reading: Reading, question: SafetyQuestion) -> str | None:
    """How the words answer one safety question: safe, flag, unsure, or None (no answer).

    The question's own warning sign, said or hedged, is a flag; "not sure" is never safe; a
    negated sign or a statement such as "I can walk" is safe; else the yes or the no decides.
    A safe answer whose certainty is taken back ("I don't think so, but I'm forgetful") is not
    sure; an unsafe one stays unsafe ("not really... I'm not sure I can walk to the station").
    """
    answer = _answer_for(reading, question)
    return UNSURE if answer == SAFE and reading.doubt else answer


def _answer_for(reading: Reading, question: SafetyQuestion) -> str | None:
    said = [s for s in reading.signs if s.id == question.flag]
    own = [s for s in said if s.status != SOMEONE_ELSE]
    if said and not own:  # only someone else's: "no, the only one with chills is my son"
        if reading.particle in ("yes", "no"):
            return SAFE if reading.particle == question.safe else FLAG
        return SAFE if question.id in reading.safe else UNSURE  # "I'm fine in myself"
    if any(s.status == UNCERTAIN for s in own):
        return UNSURE
    if any(s.present for s in own):
        return FLAG
    if reading.particle == "unsure":
        return UNSURE
    if reading.hedged and question.safe == "yes":
        return UNSURE  # "sort of", to "can you put weight on it?": not a safe yes
    against = reading.particle in ("yes", "no") and reading.particle != question.safe
    if question.id in reading.safe and against and not own:
        return UNSURE  # "no, I get about on crutches": the no and the statement disagree
    if own or question.id in reading.safe:
        return SAFE
    if any(not s.present and s.cue_at == reading.particle_at for s in reading.signs):
        return None  # "no fever" at the walking question: the no belongs to the fever
    if reading.particle in ("yes", "no"):
        return SAFE if reading.particle == question.safe else FLAG
    return None


def _pending_question(state: State, content: Content) -> SafetyQuestion | None:
    if state.pending_kind != PENDING_SAFETY:
        return None
    return content.safety_question(state.pending_id)


def _with_child(child: bool, flags: list[str], state: State, content: Content) -> tuple[str, ...]:
    """A child is not a small adult: the child's rules of content/safety.yaml (`for_child`),
    each said once, the most urgent that applies."""
    if not child:
        return tuple(flags)
    out = list(flags)
    said = {*flags, *state.flags}
    rules = content.child_rules()
    ids = {rule.id for rule in rules}
    for rule in rules:
        if ids.intersection(out):
            break  # one child's rule a turn: the most urgent that applies
        if rule.id in state.flags or (rule.for_child and not said & set(rule.for_child)):
            continue
        out.append(rule.id)
    return tuple(dict.fromkeys(out))


def _act_for(
    reading: Reading,
    state: State,
    question: SafetyQuestion | None,
    answer: str | None,
    flags: list[str],
    act: Act,
) -> Act:
    """The one act the dialog answers, after any warning signs have been escalated."""
    base = act._replace(slots={}, features={})
    if question is not None and not flags:
        # how long it has hurt, said with the answer: "yes, but it's been hurting for six weeks"
        time = _time(reading)
        if answer == SAFE and _stated(reading, question):  # "no fever", "I can walk fine"
            said = sorted(SAFE_STATEMENTS[question.id])[0]
            return base._replace(intent=intents.SAFETY_ANSWER, slots={"answer": said, **time})
        if answer == SAFE:
            return base._replace(intent=intents.YES if question.safe == "yes" else intents.NO,
                                 slots=time)
        if answer == UNSURE:
            return base._replace(intent=intents.UNSURE)
    if state.pending_kind == PENDING_CHECK_IN and not flags:
        if reading.particle in ("yes", "no", "unsure"):
            return base._replace(intent=_PARTICLES[reading.particle])
        if reading.signs:  # every sign said was negated: "no fever, no falls, I can walk"
            return base._replace(intent=intents.NO)
        if _heard_anything(reading):
            return base._replace(intent=intents.SAFETY_ANSWER)  # "was that a yes or a no?"
    general = _general(reading, base, flags, state.pending == PENDING_ONSET)
    if question is not None and reading.safe and general.intent == intents.DESCRIBE:
        return base._replace(intent=intents.SAFETY_ANSWER)  # answers another question: ask again
    if (question is not None and general.intent in (intents.YES, intents.NO)) or (
        question is not None and general.intent == intents.FALLBACK and _heard_anything(reading)
    ):
        return base._replace(intent=intents.SAFETY_ANSWER)  # asked again: "yes or no?"
    return general


def _time(reading: Reading) -> dict[str, str]:
    """When the pain began and how long it has lasted, as slots, where the words said so."""
    return {k: v for k, v in (("started", reading.started), ("duration", reading.duration)) if v}


def _heard_anything(reading: Reading) -> bool:
    """Something the reader knows was said, short of an answer ('I feel fine', 'it aches')."""
    return bool(reading.signs or reading.safe or reading.pain or reading.features
                or reading.particle or reading.condition)


_PARTICLES = {"yes": intents.YES, "no": intents.NO, "unsure": intents.UNSURE}


# A time said with no word of pain is the pain's when it is most of what was said ("about six
# weeks now"); in a longer story it is something else's ("since Christmas the baby has slept in
# our bed"), unless the skill asked when the pain began.
_BARE_TIME_WORDS = 12


def _general(reading: Reading, base: Act, flags: list[str], asked_when: bool = False) -> Act:
    """Away from the safety questions: a command, a care question, a description, or yes/no."""
    time = _time(reading)
    if time and not (reading.pain or reading.features or reading.improving
                     or reading.comes_and_goes or asked_when
                     or len(reading.words) <= _BARE_TIME_WORDS):
        time = {}
    # how the pain goes, for when to see a doctor: on the acts that describe it
    told = base._replace(improving=reading.improving, comes_and_goes=reading.comes_and_goes,
                         diagnosed=reading.diagnosed)
    if reading.command and not flags:
        return base._replace(intent=reading.command)
    if reading.action == intents.ICE_REMINDER:
        when = reading.ahead or reading.duration
        return base._replace(intent=reading.action, slots={"duration": when} if when else {})
    if reading.action:
        return base._replace(intent=reading.action)
    if reading.topic:
        return base._replace(intent=_TOPIC_INTENTS[reading.topic])
    if reading.condition and reading.question and not reading.features:
        return base._replace(intent=intents.ABOUT, slots={"condition": reading.condition})
    if reading.features or reading.condition:
        return told._replace(intent=intents.DESCRIBE, slots=time, features=reading.features,
                             condition=reading.condition)
    if flags and not reading.pain:
        return base._replace(intent=intents.RED_FLAG)
    if reading.particle in _PARTICLES:
        return base._replace(intent=_PARTICLES[reading.particle])
    if time and not reading.pain:
        return told._replace(intent=intents.STARTED, slots=time)
    if reading.pain:
        return told._replace(intent=intents.DESCRIBE, slots=time)
    return base._replace(intent=intents.FALLBACK)
