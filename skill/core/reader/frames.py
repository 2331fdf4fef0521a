"""Pure: stretches of a story told of a time long past, that the person then leaves for now."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from itertools import pairwise
from typing import NamedTuple

from skill.core.reader.context import Scene
from skill.core.reader.patterns import Match, find
from skill.core.reader.vocabulary import Frames
from skill.core.spoken.dates import year_of

_NOW_AFTER = 2  # how many words after "it" or "my" may say it is told in the present
_SINCE_BEFORE = 2  # how many words before a clause set long ago may say a pain lasted since it


class Frame(NamedTuple):
    """Words told of a time long past: [start, end), the end of the clause that sets the time
    (or of the one after it, when that clause is the time alone: "years ago | I fell"), the
    words that set it and where, and whether it is far enough back that a fall said in that
    clause did not start this pain ("I fell years ago", not "last winter")."""

    start: int
    end: int
    own_end: int
    cue: str
    cue_at: int
    long_ago: bool
    left: bool = True  # the person comes back to now after it
    since: bool = False  # told as what a pain has lasted since: "pain since a crash in 2012"

    def holds(self, span: tuple[int, int], where_set: bool) -> bool:
        """Whether a sign said at `span` is told of that past time; one long past only where the
        time is set (a fall: "years ago she had her hip done and fell" may be a fall today), only
        in the clause that sets a time years back. A story never brought back to now holds only
        such a fall: one years back did not start an emergency today ("in the summer of 1982 I
        broke my hip playing baseball"), while its other signs may be this pain's own."""
        if where_set:
            return self.long_ago and self.start <= span[0] and span[1] <= self.own_end
        return self.left and self.start <= span[0] and span[1] <= self.end


def clauses_of(
    words: Sequence[str], scene: Scene, frames: Frames, times: frozenset[int]
) -> list[tuple[int, int]]:
    """The words cut where a terminator, a new subject, a time said first or a subject told in
    the present starts a clause (speech has no full stops): "two years ago | I couldn't walk |
    but now | I can", "I fell in 2015 | it still hurts"."""
    size = len(words)
    told_now = {i for i, w in enumerate(words) if w in frames.cuts_now
                and frames.now.intersection(words[i + 1:i + 1 + _NOW_AFTER])}
    cuts = sorted({0, size} | set(scene.clauses) | times | told_now
                  | {i for i in scene.barrier if i - 1 not in scene.barrier}
                  | {i for i, w in enumerate(words) if w in frames.cuts})
    return [(a, b) for a, b in pairwise(cuts) if a < b]


def since_at(words: Sequence[str], start: int, stop: int, frames: Frames) -> set[int]:
    """Where, in [start, stop), a word says a pain has lasted since what follows: "aching
    since | I fell as a teenager", "pain since a car crash in 2012"."""
    return {i for i in range(max(0, start), stop) if words[i] in frames.since}


def present_at(words: Sequence[str], stemmed: Sequence[str], frames: Frames) -> set[int]:
    """Where the words are told in the present ("is", "hurts", "now") or of a time near now
    ("this morning", "last night"): tense as said, since stems lose it."""
    now = {i for i, w in enumerate(words) if w in frames.now}
    return now | {i for m in find(frames.now_phrases, stemmed) for i in range(m.start, m.end)}


def past_frames(
    words: Sequence[str], stemmed: Sequence[str], frames: Frames | None, scene: Scene,
    events: Sequence[tuple[int, int]] = (), today: date | None = None,
) -> tuple[Frame, ...]:
    """Each clause set in a time long past ("two years ago I couldn't walk for a week"), with
    the clause after it told in the same past, when the person then comes back to now ("but
    this is different"). A clause in the present, or with a time of its own ("this morning"),
    ends it, and so does a new fall (`events`: "... and then I fell"); a story never brought
    back to now may be this pain's own, and is left as said. Tense is read from the words as
    said: stems lose it ("hurts", "hurt")."""
    if frames is None:
        return ()
    anchors = [m for m in find(frames.anchors, stemmed) if not _recent_year(words, m, today)]
    # a time said before a subject starts that clause: "... by evening | last year I had typhoid"
    # (not one said after: "I broke my hip when I was a kid")
    leading = frozenset(m.start for m in anchors
                        if m.end < len(words) and words[m.end] in frames.cuts)
    clauses = clauses_of(words, scene, frames, leading)
    now_at = present_at(words, stemmed, frames)
    began = {i for i, w in enumerate(stemmed) if w in frames.onset}
    long_ago = {(m.start, m.end) for m in find(frames.long_ago, stemmed)}
    out: list[Frame] = []
    for anchor in anchors:
        k = next(i for i, (a, b) in enumerate(clauses) if a <= anchor.start < b)
        first, last = clauses[k][0], max(clauses[k][1], anchor.end)
        own = last
        if (last - first) - (anchor.end - anchor.start) <= 1:  # "back in my twenties | I had..."
            own = next((b for a, b in clauses if a >= last), last)
        far = (anchor.start, anchor.end) in long_ago
        # "pain since a car crash in 2012": the crash is long past, the pain since goes on
        # (or just before its clause: "aching since | I fell as a teenager")
        since = since_at(words, first - _SINCE_BEFORE, anchor.start, frames) if far else set()
        end = _told_then(clauses[k:], last, anchor.end, frames.reach, now_at - since, began,
                         [e for e in events if e[0] >= own])
        if end is None:
            continue  # said now, or what began then: it may be how this pain began
        left = bool(now_at.intersection(range(end, len(words))))
        if not left and not far:
            continue  # never brought back to now: it may be how this pain began
        own = min(own, end)
        cue = " ".join(stemmed[anchor.start:anchor.end])
        out.append(Frame(first, end, own, cue, anchor.start, far, left, bool(since)))
    return tuple(out)


def _recent_year(words: Sequence[str], match: Match, today: date | None) -> bool:
    """A time set by a year said as a number that may be this year's or last year's ("in
    2025"): not long past, or not known to be (no clock)."""
    years = [year_of(word) for word in words[match.start:match.end]]
    return any(year is not None and (today is None or year >= today.year - 1) for year in years)


def _told_then(
    clauses: Sequence[tuple[int, int]], last: int, anchor_end: int, reach: int,
    now_at: set[int], began: set[int], events: Sequence[tuple[int, int]],
) -> int | None:
    """Where the story told in that past time ends, from the clause that sets it; None when
    it is not a past left behind: the clause is in the present ("I've had it since a fall years
    ago") or says what began then ("months ago I started getting numbness")."""
    first = clauses[0][0]
    if now_at.intersection(range(first, last)) or began.intersection(range(first, last)):
        return None
    end = last
    for a, b in clauses[1:]:
        if (now_at.intersection(range(a, b)) or a - anchor_end > reach
                or any(a <= start < b for start, _ in events)):
            break
        if began.intersection(range(a, b)):
            return None
        end = b
    return end
