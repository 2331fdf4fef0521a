"""Pure: whose a warning sign is, when the pain is the speaker's own (ConText's experiencer).

"My wife's got the flu, but my hip just aches": the flu is the wife's. A sign is someone else's
only when its clause says nothing of the speaker ("I", "me", "my leg"), the nearest person said
before it is someone else ("my wife", "she"), and nothing between them reports on the speaker
("my husband says I'm shivering", "the doctor thinks it's a fracture"). With no one before it,
someone named after it in its clause, joined by a word of being or starting the next clause,
decides ("the only one with chills is my son", "lots of falls, she's fine"); one after "over",
"at" or "by" is where or how ("tripped over the cat").
When the pain itself is someone else's (a helper speaking), every sign is theirs and counts.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from skill.core.reader.patterns import Match, find, longest_first
from skill.core.reader.vocabulary import Vocabulary, Whose


class People(NamedTuple):
    """Who is named in the words, found once per utterance: someone else, the speaker, reports
    on the speaker, things happening now, and where each clause starts."""

    others: tuple[Match, ...] = ()
    mine: tuple[Match, ...] = ()
    subjects: frozenset[int] = frozenset()  # where "i", "she"... start a clause
    reported: tuple[Match, ...] = ()
    now: tuple[Match, ...] = ()
    past: frozenset[int] = frozenset()  # where "could", "was"... tell of the past
    lasting: tuple[Match, ...] = ()  # "anymore", "for years": a state that has lasted
    owners_after: frozenset[int] = frozenset()  # where a person said after "is", "was" starts
    always_now: frozenset[str] = frozenset()  # signs happening now whenever said ("can't stand")
    starts: tuple[int, ...] = ()
    length: int = 0


def people_in(words: Sequence[str], vocab: Vocabulary, barrier: frozenset[int]) -> People:
    """Everyone named in the words; `barrier` holds the terminators' positions (clause ends)."""
    whose = vocab.whose
    if whose is None:
        return People(length=len(words))
    acted_on = find(whose.not_subjects, words) if whose.not_subjects is not None else []
    others = tuple(m for m in longest_first(find(whose.subjects, words))
                   if not any(a.start <= m.start < a.end for a in acted_on)
                   and _word_before(m.start, words, whose) not in whose.places_before)
    taken = {i for m in others for i in range(m.start, m.end)}
    subjects = frozenset(whose.subject_at(words))
    terminators = {i for i in barrier if i - 1 not in barrier}
    # the speaker's own body named starts a clause of its own: "my mate's got the flu so football
    # was off, my hip's just stiff" (speech has no comma to end the mate's clause)
    bodies = {m.start for m in find(vocab.self_, words)}
    return People(
        others=others,
        mine=tuple(m for m in find(whose.me, words) if m.start not in taken),
        subjects=subjects,
        reported=tuple(find(whose.reporting, words)),
        now=tuple(find(whose.now, words)) if whose.now is not None else (),
        past=frozenset(i for i, word in enumerate(words) if word in whose.past),
        lasting=tuple(find(whose.lasting, words)) if whose.lasting is not None else (),
        owners_after=frozenset(m.start for m in others
                               if _word_before(m.start, words, whose) in whose.owns_after),
        always_now=whose.always_now,
        starts=tuple(sorted(terminators | subjects | bodies | {m.start for m in others})),
        length=len(words),
    )


def _word_before(at: int, words: Sequence[str], whose: Whose) -> str:
    """The word before a person named at `at`, past "the", "my" and the like: "over the cat"."""
    at -= 1
    while at >= 0 and words[at] in whose.determiners:
        at -= 1
    return words[at] if at >= 0 else ""


def someone_elses(span: tuple[int, int], people: People) -> Match | None:
    """The person a sign said at `span` belongs to, when that is not the speaker; else None."""
    if not people.others:
        return None
    start, end = _clause(span[0], people)
    if any(start <= m.start < end for m in people.mine):
        return None
    speaking = [m for m in people.mine if m.start in people.subjects]
    before = [m for m in (*people.others, *speaking) if m.end <= span[0]]
    if before:
        nearest = max(before, key=lambda m: m.start)
        if nearest not in people.others:
            return None
        between = range(nearest.end, span[1])
        if any(m.start in between for m in (*people.mine, *people.reported)):
            return None
        return nearest
    after = [m for m in people.others  # one may start the next clause: "falls, she's fine"
             if span[1] <= m.start <= end
             and (m.start in people.owners_after or m.start in people.subjects)]
    return after[0] if after else None


def happening_now(sign: str, span: tuple[int, int], people: People) -> bool:
    """The sign's clause says it is happening now ("my husband just collapsed"), or the sign
    is one that is said in the present only while it lasts ("he can't stand up", not "he
    couldn't walk", nor "he can't walk anymore since his stroke")."""
    start, end = _clause(span[0], people)
    lasted = any(start <= m.start < end for m in people.lasting)
    if (sign in people.always_now and not lasted
            and not any(span[0] <= i < span[1] for i in people.past)):
        return True
    return any(start <= m.start < end for m in people.now)


def speaks_of_self(people: People) -> bool:
    """The speaker speaks of themselves: "I", "me" or "my", not as in "my wife"."""
    return bool(people.mine)


def _clause(at: int, people: People) -> tuple[int, int]:
    """The clause around a position: from the last terminator or new subject ("i", "she")
    before it, to the next one after it."""
    start = max((s for s in people.starts if s <= at), default=0)
    end = min((s for s in people.starts if s > at), default=people.length)
    return start, end
