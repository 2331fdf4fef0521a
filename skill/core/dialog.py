"""Pure: conversation state + what the person did -> what to say next. No ask_sdk imports."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from skill.core import answers, care, intents, memory, more, onset, screening, triage
from skill.core.content_types import Content
from skill.core.intents import Act
from skill.core.matching import (
    after_injury,
    cautious,
    match_conditions,
    merge_features,
    nameable,
    ruling_in_question,
    separating_question,
)
from skill.core.reply_builder import Turn, ask_pending, finish
from skill.core.state import (
    PENDING_CHECK_IN,
    PENDING_DESCRIBE,
    PENDING_FORGET,
    PENDING_LOCATION,
    PENDING_MORE,
    PENDING_ONSET,
    PENDING_SAFETY,
    PENDING_SEPARATE,
    PENDING_STEP,
    PENDING_URGENT,
    Card,
    Line,
    Reply,
    State,
)

if TYPE_CHECKING:
    from skill.core.understand import Understood


def next_turn(state: State, act: Act, content: Content) -> Reply:
    """Decide the whole reply: red flags first, then whatever the intent asks for."""
    if act.intent == intents.SESSION_ENDED:
        return Reply((), None, None, None, True, state)
    last = state.last if act.intent in (intents.REPEAT, intents.CARRY_ON) else None
    again = Reply.from_json(last, state) if last else None
    if again is not None:
        return again
    turn = Turn(state, content)
    understood = _understand(act, state, content)
    if understood is not None:
        act = understood.act
        reading = understood.reading
        if reading is not None and (reading.helper or reading.child or reading.own
                                    or reading.replaced):
            turn.state = turn.state.with_(
                helper=state.helper or reading.helper, child=state.child or reading.child,
                own=state.own or reading.own, replaced=state.replaced or reading.replaced,
            )
    if not state.started and act.intent not in (intents.STOP, intents.CANCEL):
        onset.open_session(turn, act, launch=act.intent == intents.LAUNCH)
    flags = triage.flags_in(act, content, screening.pending_safety(turn))
    if understood is not None:
        flags = list(dict.fromkeys([*flags, *understood.flags]))
    if flags:
        safe = understood is not None and understood.safe_in_words
        return finish(_flagged(turn, act, flags, safe))
    handler = _HANDLERS.get(act.intent) or _by_topic(act.intent) or _fallback
    reply = finish(handler(turn, act))
    if handler in (_fallback, _help) and state.last:  # "repeat" after these: the last answer
        return reply._replace(state=reply.state.with_(last=state.last, more=state.more))
    return reply


def _understand(act: Act, state: State, content: Content) -> Understood | None:
    """The reader, imported on the first words it is handed: a cold start that gets only
    intents (a one-shot request, an event) never pays for its vocabulary or stemmer."""
    if not act.words:
        return None
    from skill.core.understand import understand

    return understand(act, state, content)


def _flagged(turn: Turn, act: Act, flags: list[str], stated_safe: bool = False) -> Turn:
    """Escalate first; a see-provider flag inside a description still gets the description
    heard, and one beside a safe answer ("yes I can walk, but it wakes me at night") keeps it."""
    opening = turn.state.pending_kind in (None, PENDING_DESCRIBE, PENDING_LOCATION)
    walking = turn.state.pending_kind == PENDING_STEP  # in the middle of the self-care steps
    answered = screening.pending_safety(turn) if stated_safe else None
    new = _merge_described(turn, act)
    suspected = "stress_fracture" in flags  # the person's own suspicion settles the match
    if suspected:
        turn.state = turn.state.with_(condition="stress_fracture")
    describing = act.intent == intents.DESCRIBE and bool(new)
    turn = screening.escalate(turn, flags, describing)
    if answered is not None:  # "no fever, but my thigh tingles": the answer stands either way
        turn.state = turn.state.with_(safety={**turn.state.safety, answered.id: triage.SAFE})
    if turn.state.triage == triage.URGENT:
        return _name_beside_urgent(turn) if describing else turn
    if walking:  # "by the way it wakes me at night": advised, then on from the same step
        return ask_pending(turn, PENDING_STEP)
    if describing:
        turn.state = turn.state.with_(pending=None)
        return screening.continue_safety(turn, care.give) if suspected else _after_match(turn)
    if opening:  # a see-a-doctor sign first: the urgent signs are still asked about
        turn.state = turn.state.with_(pending=None)
        return screening.continue_safety(turn, care.give)
    if answered is not None:  # the answer stands: on to the next question
        return screening.continue_safety(turn, care.give)
    return turn


def _name_beside_urgent(turn: Turn) -> Turn:
    """After an injury's urgent advice, what the pain may be, as a thing to ask when it is
    checked: only a condition an injury can cause (after_injury), never beside an infection's
    signs, for a child, or over the person's own word."""
    content, state = turn.content, turn.state
    urgent = [content.red_flags[f] for f in state.flags if f in content.red_flags]
    urgent = [f for f in urgent if f.level == triage.URGENT]
    if state.child or state.condition or not all(f.names_condition for f in urgent):
        return turn
    ranking = match_conditions(state.features, content, state.replaced)
    best = nameable(ranking, state.features, content)
    if best is None or not after_injury(content.conditions[best], state.features):
        return turn
    turn.say("dialog.named_after_urgent", condition=content.conditions[best].spoken_name)
    turn.state = state.with_(condition=best)
    return turn


def _launch(turn: Turn, act: Act) -> Turn:
    return ask_pending(turn, PENDING_DESCRIBE)


def _merge_described(turn: Turn, act: Act) -> dict[str, list[str]]:
    """Fold the described features into the state; returns only what was new and known."""
    new: dict[str, list[str]] = {}
    for slot, group in intents.FEATURE_SLOTS.items():
        value = act.slot(slot)
        if value and value in turn.content.features[group].labels:
            new[group] = [value]
    for group, ids in act.features.items():  # the reader hears several at once
        known = [i for i in ids if i in turn.content.features[group].labels]
        if known:
            new[group] = list(dict.fromkeys([*new.get(group, []), *known]))
    named = turn.content.conditions.get(act.condition or "")
    if named is not None:  # "my doctor said it's bursitis": its features lead the match
        for group, wanted in named.features.items():
            new[group] = list(dict.fromkeys([*new.get(group, []), *sorted(wanted)]))
    merged = merge_features(turn.state.features, new)
    for group, dropped in _ruled_out(turn, new).items():
        merged[group] = [fid for fid in merged.get(group, []) if fid not in dropped]
    turn.state = turn.state.with_(features={g: tuple(ids) for g, ids in merged.items()})
    return new


def _ruled_out(turn: Turn, new: dict[str, list[str]]) -> dict[str, set[str]]:
    """An either-or answer rules out what was not chosen: "sitting", to "lifting your knee, or
    sitting?", says that lifting the knee is not what brings it on, whatever was said before."""
    if turn.state.pending_kind != PENDING_SEPARATE:
        return {}
    question = turn.content.questions.get(turn.state.pending_id or "")
    if question is None:
        return {}
    chosen = set(new.get(question.group, ())) & set(question.options)
    return {question.group: set(question.options) - chosen} if chosen else {}


def _describe(turn: Turn, act: Act) -> Turn:
    new = _merge_described(turn, act)
    onset.note_onset(turn, act)
    named = turn.content.conditions.get(act.condition or "")
    if named is not None and turn.state.replaced and not named.in_replaced_hip:
        named = None  # "since my hip replacement": the operation took that away
    if named is not None and named.id != turn.state.condition:
        return _name(turn, named.id)  # "my doctor said it's bursitis": the person's word wins
    if turn.state.pending_kind == PENDING_SEPARATE and not new:
        turn.say("dialog.noted")
        return ask_pending(turn, turn.state.pending or "", reask=True)
    return _after_match(turn)


# Features known beyond which no further separating question is asked: someone who has told a
# whole story answers one at most; "my groin hurts" alone is narrowed down by up to two.
TOLD_ENOUGH = 2


def _after_match(turn: Turn, settle: bool = False, unsure: bool = False) -> Turn:
    """Name what the pain often is, or ask what separates two near-equal fits, then screen;
    `settle`: the person could not tell one question apart, so name the best fit rather than
    put another to them; `unsure`: they could not answer it, so a close fit that needs a
    provider is not ruled out."""
    content, state = turn.content, turn.state
    if "stress_fracture" in state.flags or state.child:
        # a suspected stress fracture is never matched away; a child's pain is never given an
        # adult's condition (a child is not a small adult)
        turn.say("dialog.noted")
        return screening.continue_safety(turn, care.give)
    ranking = match_conditions(state.features, content, state.replaced)
    if ranking.best is None and state.replaced and match_conditions(state.features, content).best:
        turn.say("dialog.replaced_hip")  # what it fits is what the operation took away
        return screening.continue_safety(turn, care.give)
    if ranking.best is None:
        return ask_pending(turn, PENDING_LOCATION)
    told = sum(len(ids) for ids in state.features.values())
    settle = settle or (bool(state.asked) and told > TOLD_ENOUGH)
    question = None if settle else (
        separating_question(ranking, content, state.asked)
        or ruling_in_question(ranking, state.features, content, state.asked)
    )
    if question is not None:
        turn.state = state.with_(asked=(*state.asked, question.id))
        return ask_pending(turn, f"{PENDING_SEPARATE}:{question.id}")
    best = (unsure and cautious(ranking, state.features, content)) or nameable(
        ranking, state.features, content)
    if best is None:
        return ask_pending(turn, PENDING_LOCATION)
    if best != state.condition:
        return _name(turn, best)
    if state.triage == triage.URGENT:  # urgent advice first, whatever else this turn says
        return screening.urgent_reminder(turn)
    turn.say("dialog.noted")
    return screening.continue_safety(turn, care.give)


def _name(turn: Turn, cid: str) -> Turn:
    """Say what the pain often is, with its caveat, then screen; urgent advice comes first."""
    best = turn.content.conditions[cid]
    urgent = turn.state.triage == triage.URGENT
    if urgent:
        screening.urgent_reminder(turn)
    # A one-shot's greeting and a doctor's advice fill the breath: the name now, its detail on
    # "tell me more" (issue 12's forty words)
    short = turn.advised and any(line.key == "dialog.disclaimer" for line in turn.lines)
    if short:
        turn.say("dialog.named_short", condition=best.spoken_name)
    else:
        turn.say(f"condition.{best.id}.summary")
    caveat = f"condition.{best.id}.caveat"
    must = best.care.triage == triage.SEE_PROVIDER  # "stop running" is the advice itself
    if best.care.caveat and turn.advised and not must:  # a doctor is advised already
        turn.hold(caveat)
    elif best.care.caveat:
        turn.say(caveat)
        turn.advised = best.care.triage == triage.SEE_PROVIDER  # then the caveat is the advice
    detail = turn.content.detail_of(f"condition.{best.id}.summary")
    if short and detail is not None:
        turn.hold(detail)  # what it is, after its caveat, on "tell me more"
    named = _condition_card(best.id, "summary", bool(best.care.caveat))
    if turn.card is None:  # the card carries the whole of it
        turn.card = named
    else:  # under the warning sign's advice
        turn.card = turn.card._replace(body=(*turn.card.body, *named.body))
    level = triage.SEE_PROVIDER if best.care.triage == triage.SEE_PROVIDER else None
    turn.state = turn.state.with_(
        condition=best.id, triage=triage.worse(turn.state.triage, level), pending=None
    )
    if urgent:
        return ask_pending(turn, PENDING_URGENT)
    return screening.continue_safety(turn, care.give)


def _answer(turn: Turn, act: Act) -> Turn:
    """A yes, a no or a statement, read against whatever the skill last asked."""
    kind, ident = turn.state.pending_kind, turn.state.pending_id
    yes = act.intent == intents.YES
    if kind == PENDING_SAFETY:
        asked = screening.pending_safety(turn)
        answer = triage.answer_to(act, asked) if asked is not None else None
        if asked is not None and answer == triage.SAFE:
            safety = {**turn.state.safety, asked.id: triage.SAFE}
            turn.state = turn.state.with_(safety=safety)
            if turn.state.onset is None:  # "yes, but it's been hurting for six weeks"
                onset.note_onset(turn, act)
        elif answer is None:
            turn.say("dialog.yes_or_no")  # never guessed, never settled ahead of its question
            return ask_pending(turn, turn.state.pending or "", reask=True)
        return screening.continue_safety(turn, care.give)
    if kind == PENDING_CHECK_IN and act.intent in (intents.YES, intents.NO):
        return screening.check_in_answer(turn, yes, care.give)
    if kind == PENDING_CHECK_IN:
        turn.say("dialog.yes_or_no")
        return ask_pending(turn, turn.state.pending or "", reask=True)
    if kind == PENDING_SEPARATE and act.intent in (intents.YES, intents.NO):
        question = turn.content.questions[ident]
        if question.yes or not yes:  # a plain "no" to an either-or question: neither, move on
            _merge_yes(turn, question.yes if yes else ())
            return _after_match(turn)
        if _said_last(turn.state, {"dialog.either_or"}):  # "yes" again: it can't be told apart
            return _after_match(turn, settle=True)
        turn.say("dialog.either_or")  # "yes" to "this, or that?": which one
        return ask_pending(turn, turn.state.pending or "", reask=True)
    if act.intent == intents.SAFETY_ANSWER:
        turn.say("dialog.noted")  # nothing described yet ("no fever, just sore"): ask where
        fresh = not turn.state.features and not turn.state.condition
        after = PENDING_DESCRIBE if fresh else PENDING_MORE
        return ask_pending(turn, turn.state.pending or after)
    if kind == PENDING_LOCATION and act.intent in (intents.YES, intents.NO):
        return _no_place(turn)  # "kind of", "yeah" to "where is it strongest?": no one place
    reader = answers.YES_NO.get(kind or "")
    if reader is not None and act.intent in (intents.YES, intents.NO):
        return reader(turn, yes)
    turn.say("dialog.yes_no_unclear")
    return ask_pending(turn, turn.state.pending or PENDING_MORE)


def _merge_yes(turn: Turn, ids: tuple[str, ...]) -> None:
    question = turn.content.questions[turn.state.pending_id]
    merged = merge_features(turn.state.features, {question.group: list(ids)})
    turn.state = turn.state.with_(features={g: tuple(v) for g, v in merged.items()})


def _help(turn: Turn, act: Act) -> Turn:
    kind = turn.state.pending_kind or PENDING_DESCRIBE
    turn.say(f"dialog.help_{kind}")
    return ask_pending(turn, turn.state.pending or PENDING_DESCRIBE)


def _fallback(turn: Turn, act: Act) -> Turn:
    """Re-ask whatever is pending, in other words."""
    turn.say("dialog.fallback")
    return ask_pending(turn, turn.state.pending or PENDING_DESCRIBE, reask=True)


def _resume(turn: Turn, act: Act) -> Turn:
    """'Pick up where I left off': on a shared device this is when memory comes back."""
    turn.state = memory.bring_back(turn.state)
    if not onset.recap(turn):
        turn.say("dialog.resume_nothing")
    return ask_pending(turn, turn.state.pending or PENDING_DESCRIBE)


def _carry_on(turn: Turn, act: Act) -> Turn:
    """Nothing was said: ask whatever is pending again, without an apology."""
    return ask_pending(turn, turn.state.pending or PENDING_DESCRIBE)


def _unresolved_flag(turn: Turn, act: Act) -> Turn:
    """A warning sign Alexa heard but could not name: at a safety question, ask yes or no."""
    if turn.state.pending_kind in (PENDING_SAFETY, PENDING_CHECK_IN):
        turn.say("dialog.yes_or_no")
        return ask_pending(turn, turn.state.pending or "", reask=True)
    return _fallback(turn, act)


def _unsure(turn: Turn, act: Act) -> Turn:
    """'I'm not sure': never read as a safe answer; elsewhere, the gentlest way forward."""
    kind = turn.state.pending_kind
    if kind == PENDING_SAFETY and _said_last(
        turn.state, {"dialog.unsure_safety", "dialog.unsure_safety_again"}
    ):
        # still not sure: it cannot be ruled out, so have it checked (and still no self-care)
        turn.say("dialog.unsure_safety_again")
        turn.state = turn.state.with_(triage=triage.worse(turn.state.triage, triage.SEE_PROVIDER))
        return ask_pending(turn, turn.state.pending or "", reask=True)
    if kind == PENDING_SAFETY:
        turn.say("dialog.unsure_safety")
        return ask_pending(turn, turn.state.pending or "", reask=True)
    if kind == PENDING_CHECK_IN:
        return screening.one_at_a_time(turn, care.give)
    answer = answers.YES_NO.get(kind or "") if kind in answers.UNSURE_AS_NO else None
    if answer is not None:
        return answer(turn, False)
    if kind == PENDING_SEPARATE:
        return _after_match(turn, settle=True, unsure=True)
    if kind == PENDING_LOCATION:
        return _no_place(turn)
    turn.say("dialog.yes_no_unclear")
    return ask_pending(turn, turn.state.pending or PENDING_MORE, reask=True)


def _said_last(state: State, keys: set[str]) -> bool:
    """The last reply said one of these lines: the same unclear answer has come twice."""
    last = Reply.from_json(state.last, state) if state.last else None
    said = {line.key for line in last.lines} if last is not None else set()
    return bool(said & keys)


def _no_place(turn: Turn) -> Turn:
    """No one place it hurts most ("all over, really"): on to the safety questions, unnamed."""
    turn.say("dialog.location_unsure")
    turn.state = turn.state.with_(pending=None)
    return screening.continue_safety(turn, care.give)


def _start_over(turn: Turn, act: Act) -> Turn:
    """Forget the description but keep safety answers and any raised triage: they still hold."""
    turn.state = turn.state.with_(
        condition=None, features={}, asked=(), step=-1, deferred=None, pending=None
    )
    turn.say("dialog.start_over")
    return ask_pending(turn, PENDING_DESCRIBE)


def _about(turn: Turn, act: Act) -> Turn:
    cid = act.slot("condition")
    if cid is not None and cid in turn.content.conditions:
        turn.say(f"condition.{cid}.about")
        turn.card = _condition_card(cid, "about", False)
    else:
        turn.say("dialog.unknown_condition")
    return ask_pending(turn, turn.state.pending or PENDING_MORE)


def _condition_card(cid: str, opening: str, caveat: bool) -> Card:
    """The condition's name over its short form, the detail behind it and any caveat."""
    body = [Line(f"condition.{cid}.{opening}"), Line(f"condition.{cid}.detail")]
    if caveat:
        body.append(Line(f"condition.{cid}.caveat"))
    return Card(Line(f"condition.{cid}.name"), tuple(body))


def _started(turn: Turn, act: Act) -> Turn:
    """'It started three days ago': remember it, then answer what was waiting for it."""
    if not onset.note_onset(turn, act):
        turn.say("dialog.onset_unclear")
        return ask_pending(turn, turn.state.pending or PENDING_MORE, reask=True)
    deferred = turn.state.deferred
    if turn.state.pending_kind == PENDING_ONSET and deferred:
        turn.state = turn.state.with_(deferred=None)
        return care.ask_topic(turn, deferred)
    return ask_pending(turn, turn.state.pending or PENDING_MORE)


def _forget(turn: Turn, act: Act) -> Turn:
    return ask_pending(turn, PENDING_FORGET)


def _reminder(turn: Turn, act: Act) -> Turn:
    """A reminder after the duration said; one Alexa filled but no reminder can take is asked
    again ("in ninety nine million years"), rather than quietly set for two hours."""
    said = act.slot("duration") or ""
    if said and not care.reminder_seconds(said):
        turn.say("dialog.reminder_unclear")
        return ask_pending(turn, turn.state.pending or PENDING_MORE, reask=True)
    return care.ask_topic(turn, care.REMINDER, {"duration": said})


def _by_topic(intent: str) -> Callable[[Turn, Act], Turn] | None:
    topic = intents.TOPIC_INTENTS.get(intent)
    if topic is None:
        return None
    return lambda turn, act: care.ask_topic(turn, topic)


_HANDLERS: dict[str, Callable[[Turn, Act], Turn]] = {
    intents.LAUNCH: _launch,
    intents.DESCRIBE: _describe,
    intents.STARTED: _started,
    intents.ABOUT: _about,
    intents.SELF_CARE: lambda turn, act: care.ask_topic(turn, care.WALKTHROUGH),
    intents.ICE_TIMER: lambda turn, act: care.ask_topic(turn, care.TIMER),
    intents.ICE_REMINDER: _reminder,
    intents.FORGET_ME: _forget,
    intents.RESUME: _resume,
    intents.SAFETY_ANSWER: _answer,
    intents.YES: _answer,
    intents.NO: _answer,
    intents.UNSURE: _unsure,
    intents.RED_FLAG: _unresolved_flag,  # resolved flags never get here: they escalate first
    intents.MORE: more.tell_more,
    intents.HELP: _help,
    intents.FALLBACK: _fallback,
    intents.REPEAT: _fallback,
    intents.CARRY_ON: _carry_on,
    intents.STOP: answers.goodbye,
    intents.CANCEL: answers.goodbye,
    intents.HOME: _start_over,
    intents.START_OVER: _start_over,
    intents.NEXT: lambda turn, act: care.navigate(turn, +1),
    intents.PREVIOUS: lambda turn, act: care.navigate(turn, -1),
}
