"""Pure: whose a warning sign is, when the pain is the speaker's own (ConText's experiencer).

"My wife's got the flu, but my hip just aches": the flu is the wife's. A sign is someone else's
only when its clause says nothing of the speaker ("I", "me", "my leg"), the nearest person said
before it is someone else ("my wife", "she"), and nothing between them reports on the speaker
("my husband says I'm shivering", "the doctor thinks it's a fracture"). With no one before it,
someone named after it in its clause decides ("the only one with chills is my son"). When the
pain itself is someone else's (a helper speaking), every sign is theirs and counts.
"""

from __future__ import annotations

from collections.abc import Sequence

from skill.core.reader.patterns import Match, find, longest_first
from skill.core.reader.vocabulary import Vocabulary


def someone_elses(
    span: tuple[int, int], words: Sequence[str], vocab: Vocabulary
) -> Match | None:
    """The person a sign said at `span` belongs to, when that is not the speaker; else None."""
    whose = vocab.whose
    if whose is None:
        return None
    others = longest_first(find(whose.subjects, words))
    if not others:
        return None
    taken = {i for m in others for i in range(m.start, m.end)}
    mine = [m for m in find(whose.me, words) if m.start not in taken]
    start, end = _clause(span[0], words, vocab)
    if any(start <= m.start < end for m in mine):
        return None
    before = [m for m in [*others, *(m for m in mine if m.start in whose.subject_at(words))]
              if m.end <= span[0]]
    if before:
        nearest = max(before, key=lambda m: m.start)
        if nearest not in others:
            return None
        between = range(nearest.end, span[1])
        reported = find(whose.reporting, words)
        if any(m.start in between for m in (*mine, *reported)):
            return None
        return nearest
    after = [m for m in others if span[1] <= m.start < end]
    return after[0] if after else None


def happening_now(span: tuple[int, int], words: Sequence[str], vocab: Vocabulary) -> bool:
    """The sign's clause says it is happening now: "my husband just collapsed"."""
    if vocab.whose is None or vocab.whose.now is None:
        return False
    start, end = _clause(span[0], words, vocab)
    return any(start <= m.start < end for m in find(vocab.whose.now, words))


def speaks_of_self(words: Sequence[str], vocab: Vocabulary) -> bool:
    """The speaker speaks of themselves: "I", "me" or "my", not as in "my wife"."""
    if vocab.whose is None:
        return False
    taken = {i for m in find(vocab.whose.subjects, words) for i in range(m.start, m.end)}
    return any(m.start not in taken for m in find(vocab.whose.me, words))


def _clause(at: int, words: Sequence[str], vocab: Vocabulary) -> tuple[int, int]:
    """The clause around a position: from the last terminator or new subject ("i", "she")
    before it, to the next one after it."""
    assert vocab.whose is not None
    starts = {m.start for m in find(vocab.terminators, words)}
    starts |= vocab.whose.subject_at(words)
    start = max((s for s in starts if s <= at), default=0)
    end = min((s for s in starts if s > at), default=len(words))
    return start, end
