"""Pure: warning signs told of an episode the person then says is over ("but that passed")."""

from __future__ import annotations

from collections.abc import Sequence

from skill.core.reader.context import Scene, came_back, status_of
from skill.core.reader.frames import clauses_of, present_at
from skill.core.reader.patterns import Match, find
from skill.core.reader.vocabulary import Frames, PatternSet, Resolved

_PAST_ENDING = "ed"  # a word said in the regular past tense: "slipped", "faded"

Said = tuple[str, tuple[int, int]]  # a sign that may be over: its id and where it was said


def over(
    signs: Sequence[Said], words: Sequence[str], stemmed: Sequence[str], table: Resolved,
    frames: Frames, scene: Scene,
) -> list[Match | None]:
    """For each sign, the end that says its episode is over, or None.

    An end covers a sign said before it, within `reach` words, when the sign's own clause is
    told in the past ("I had chills on the boat") or is the end's own ("the fever is gone"),
    and nothing from that clause to the end is told in the present or recently ("I've had a
    temperature since Saturday, I'm fine now" is still a fever; so is "a fever last night, all
    better now")."""
    starts = [span[0] for _, span in signs]
    ends = _ends(table.ends, words, stemmed, table, scene, starts)
    healed = _ends(table.healed, words, stemmed, table, scene, starts)
    if not ends and not healed:
        return [None] * len(signs)
    clauses = clauses_of(words, scene, frames, frozenset())
    now = present_at(words, stemmed, frames)
    out: list[Match | None] = []
    for sid, (start, stop) in signs:
        pool = (ends + healed if sid in table.signs
                else healed if sid in table.healed_signs else [])
        end = min((e for e in pool if stop <= e.start <= stop + table.reach),
                  key=lambda e: e.start, default=None)
        if end is not None:
            first, own = next((a, b) for a, b in clauses if a <= start < b)
            # told in the past, or said to be over in its own clause ("my fever is fully gone")
            told = end.start < own or _past(words[first:max(own, stop)], table)
            if not told or now.intersection(range(first, end.start)):
                end = None
        out.append(end)
    return out


def episodes_over(
    words: Sequence[str], stemmed: Sequence[str], table: Resolved, frames: Frames, scene: Scene,
) -> frozenset[int]:
    """Where an episode the person says is over was told, back from its end while the words
    are told in the past: its times are not this pain's ("back in May, but it healed")."""
    if table.episodes is None:
        return frozenset()
    ends = _ends(table.episodes, words, stemmed, table, scene, [])
    if not ends:
        return frozenset()
    clauses = clauses_of(words, scene, frames, frozenset())
    now = present_at(words, stemmed, frames)
    out: set[int] = set()
    for end in ends:
        for first, last in reversed([c for c in clauses if c[1] <= end.start]):
            if end.start - first > table.reach or now.intersection(range(first, last)):
                break
            if _past(words[first:last], table):
                out.update(range(first, last))
    return frozenset(out)


def _ends(
    patterns: PatternSet, words: Sequence[str], stemmed: Sequence[str], table: Resolved,
    scene: Scene, starts: list[int],
) -> list[Match]:
    """The ends said plainly: not negated or doubted, not followed at once by a warning sign
    ("it has gone numb"), by when it is better, said now ("it's fine when I rest"), or by its
    return."""
    out = []
    conditions = {m.start for m in find(table.not_after, stemmed)}
    for match in find(patterns, stemmed):
        if status_of(match, scene)[0] is not None:
            continue
        if any(match.start < s <= match.end for s in starts):
            continue
        if match.end in conditions and not _past(words[match.start:match.end], table):
            continue  # "it's better when I rest"; not "it wore off when I got up"
        if came_back(match.end, scene):
            continue
        out.append(match)
    return out


def _past(clause: Sequence[str], table: Resolved) -> bool:
    """Told in the past tense: a past word as said, or one ending in -ed that is not a state."""
    return any(
        w in table.past or (w.endswith(_PAST_ENDING) and w not in table.not_past)
        for w in clause
    )
