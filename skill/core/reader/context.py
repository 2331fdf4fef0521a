"""Pure: whether a found phrase is negated, hedged or uncertain, by NegEx-style trigger scopes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from skill.core.reader.patterns import Match, find, longest_first
from skill.core.reader.vocabulary import (
    HISTORICAL,
    HYPOTHETICAL,
    NEGATED,
    POSSIBLE,
    UNCERTAIN,
    ContextRule,
    Vocabulary,
)

_RETURN_REACH = 6  # words after "it went away" in which "but it came back" undoes it


class Trigger(NamedTuple):
    """A trigger found in the words, with its rule."""

    start: int
    end: int
    rule: ContextRule


class Scene(NamedTuple):
    """The words' context: triggers (pseudo ones removed), the positions that end a scope, the
    positions of every negating word, pseudo ones included ("not really" in "can't really"), with
    the signs each is for (empty: every sign), and where a new clause's subject starts (which
    ends a forward scope only)."""

    triggers: tuple[Trigger, ...]
    barrier: frozenset[int]
    negations: tuple[tuple[int, frozenset[str]], ...] = ()
    clauses: frozenset[int] = frozenset()
    pointing: frozenset[int] = frozenset()  # words that only point back: "that", "it", "is"
    returns: frozenset[int] = frozenset()  # where "it came back" starts: what was gone is back
    recent: frozenset[int] = frozenset()  # a time near now: "this morning", "yesterday"


def scene_of(words: Sequence[str], vocab: Vocabulary) -> Scene:
    """Find every trigger and terminator once per utterance."""
    rules = vocab.triggers
    pseudo = {i for m in find(vocab.pseudo, words) for i in range(m.start, m.end)}
    every = find(vocab.trigger_set, words)
    triggers = tuple(
        Trigger(m.start, m.end, rules[m.pattern])
        for m in longest_first(every)
        if not pseudo & set(range(m.start, m.end))
    )
    barrier = frozenset(
        i for m in find(vocab.terminators, words) for i in range(m.start, m.end)
    )
    negations = tuple(
        (i, rules[m.pattern].signs)
        for m in every if rules[m.pattern].category == NEGATED for i in range(m.start, m.end)
    )
    clauses = frozenset(
        m.start for m in find(vocab.clause_starts, words)
        if m.start > 0 and words[m.start - 1] not in vocab.clause_not_after
    ) if vocab.clause_starts is not None else frozenset()
    pointing = frozenset(i for i, w in enumerate(words) if w in vocab.crossing)
    undone = vocab.resolved.undone if vocab.resolved is not None else None
    returns = frozenset(m.start for m in find(undone, words)) if undone is not None else frozenset()
    recent = frozenset(
        i for m in find(vocab.recent, words) for i in range(m.start, m.end)
    ) if vocab.recent is not None else frozenset()
    return Scene(triggers, barrier, negations, clauses, pointing, returns, recent)


def came_back(end: int, scene: Scene) -> bool:
    """What the words before `end` said had gone came back soon after: "it went away, but it
    came back this morning"."""
    return any(end <= at < end + _RETURN_REACH for at in scene.returns)


def status_of(
    match: Match, scene: Scene, sign: str = "", feature: bool = False
) -> tuple[str | None, Trigger | None]:
    """'negated', 'possible', 'uncertain' or None, with the trigger that decided it.

    Uncertain outranks negated, which outranks possible: "not sure if it's swollen" is a sign
    that may be there, never a no. A sign whose own words hold a negation ("can't walk") is not
    negated again by a trigger outside it.
    """
    found: dict[str, Trigger] = {}
    # only a negation meant for this sign: "went down" ends a swelling, not a fall said as one
    own = any(
        match.start <= i < match.end and i not in match.gaps and (not signs or sign in signs)
        for i, signs in scene.negations
    )
    for trigger in scene.triggers:
        if (trigger.rule.signs and sign not in trigger.rule.signs) or (
                feature and not trigger.rule.features):
            continue
        if _overlaps(trigger, match):
            # A trigger in a gap of the phrase looks ahead into it ("my leg is not numb"); one
            # among the phrase's own words is part of what it says ("can't walk").
            # And a backward one that runs on past the phrase covers it ("my temperature is
            # normal": "is normal" says so of "temperature is").
            looks_in = _in_gap(trigger, match) and trigger.rule.direction != "backward"
            if looks_in or _runs_past(trigger, match):
                found.setdefault(trigger.rule.category, trigger)
            continue
        if own and trigger.rule.category == NEGATED:
            continue
        if (trigger.rule.category == NEGATED and match.end <= trigger.start
                and came_back(trigger.end, scene)):
            continue  # "I had a fever, it went away, but it came back": there again
        if _covers(trigger, match, scene):
            found.setdefault(trigger.rule.category, trigger)
    for category in (UNCERTAIN, NEGATED, HISTORICAL, HYPOTHETICAL, POSSIBLE):
        if category in found:
            return category, found[category]
    return None, None


def _runs_past(trigger: Trigger, match: Match) -> bool:
    """A backward trigger that starts inside the phrase and ends after it covers it."""
    return (trigger.rule.direction in ("backward", "both")
            and match.start < trigger.start and trigger.end > match.end)


def _in_gap(trigger: Trigger, match: Match) -> bool:
    return all(i in match.gaps for i in range(trigger.start, trigger.end))


def _inside(trigger: Trigger, match: Match) -> bool:
    return match.start <= trigger.start and trigger.end <= match.end


def _overlaps(trigger: Trigger, match: Match) -> bool:
    return trigger.start < match.end and match.start < trigger.end


def _before_terminator(start: int, floor: int, scene: Scene) -> int:
    """Where a crossing trigger's scope may start: before the terminator it follows, past words
    that only point back ("but that's all sorted"), else where it is."""
    back = start - 1
    while back >= floor and back in scene.pointing and back not in scene.barrier:
        back -= 1
    if back < floor or back not in scene.barrier:
        return start
    while back - 1 >= floor and back - 1 in scene.barrier:
        back -= 1
    return back


def _covers(trigger: Trigger, match: Match, scene: Scene) -> bool:
    rule = trigger.rule
    barrier, clauses = scene.barrier, scene.clauses
    if rule.direction in ("forward", "both") and trigger.end <= match.start:
        between = range(trigger.end, match.start)
        # a new subject after at least one covered word: "not swollen it's hot and red"
        new_clause = clauses.intersection(range(trigger.end + 1, match.start + 1))
        if (match.start - trigger.end <= rule.max_scope and not barrier.intersection(between)
                and not new_clause):
            return True
    if rule.direction in ("backward", "both") and match.end <= trigger.start:
        start = trigger.start
        if rule.crosses:  # "I slipped last winter but that's healed": past the "but" it follows
            start = _before_terminator(start, match.end, scene)
        between = range(match.end, start)
        # a new subject in between is another thing's: "I fell last month, my wrist is all
        # healed" keeps the fall; "it's all healed" points back to it
        other = any(i not in scene.pointing for i in clauses.intersection(range(match.end, start)))
        # a time near now in between is the sign's own: "she fell this morning, years ago she
        # had her hip replaced" is today's fall (not for an end that points back across a "but":
        # "a fever yesterday, but that was the flu")
        own_time = (rule.category == HISTORICAL and not rule.crosses
                    and bool(scene.recent.intersection(between)))
        if (trigger.start - match.end <= rule.max_scope and not barrier.intersection(between)
                and not other and not own_time):
            return True
    return False
