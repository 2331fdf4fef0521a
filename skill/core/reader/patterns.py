"""Pure: phrases with {sets}, a|b choices and ... gaps, compiled to stems and found in words."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from itertools import pairwise
from typing import NamedTuple

from skill.core.reader.vocabulary import MAX_GAP, Labelled, Pattern, PatternSet, Step
from skill.core.reader.words import stem, tokens

GAP = re.compile(r"^\.\.(\.|\d)$")  # "..." up to MAX_GAP words; "..2" up to two
_SET = re.compile(r"^\{([a-z_]+)\}$")


class PhraseError(ValueError):
    """A phrase names a set that does not exist, or is empty; the message says which."""


class Match(NamedTuple):
    """Where a phrase was found: token positions [start, end), the phrase, and the positions
    its gaps took (words between the phrase's own words)."""

    start: int
    end: int
    pattern: Pattern
    gaps: frozenset[int] = frozenset()


def compile_phrase(text: str, sets: Mapping[str, Sequence[str]]) -> Pattern:
    """One phrase as steps of stem sequences; sets expand to their alternatives."""
    steps: list[Step] = []
    _check_choices(str(text))
    for word in str(text).split():
        gap = GAP.match(word)
        if word.startswith("..") and not gap:
            raise PhraseError(f"gap {word!r} in {text!r}: write '...' or '..1' to '..9'")
        if gap:
            if steps and not isinstance(steps[-1], int):
                steps.append(MAX_GAP if gap.group(1) == "." else int(gap.group(1)))
            continue
        named = _SET.match(word)
        if named:
            if named.group(1) not in sets:
                raise PhraseError(f"unknown set {{{named.group(1)}}} in {text!r}")
            _check_alternatives(named.group(1), sets[named.group(1)])
            options = [_stems_of(alt) for alt in sets[named.group(1)]]
        else:
            options = [_stems_of(part) for part in word.split("|")]
        options = [o for o in options if o]
        if not options:
            raise PhraseError(f"empty choice in {text!r}")
        steps.append(tuple(dict.fromkeys(options)))
    while steps and isinstance(steps[-1], int):
        steps.pop()
    if not steps:
        raise PhraseError(f"empty phrase {text!r}")
    needs = tuple(frozenset(option[0] for option in step if option)
                  for step in steps[1:] if isinstance(step, tuple))
    return Pattern(tuple(steps), str(text), needs)


def _check_choices(text: str) -> None:
    """An a|b step whose choice is also the next word was meant as a several-word choice
    ("do not|did not need"), which a|b holds only joined with "_" ("do_not|did_not need"):
    written apart it silently matched nothing."""
    words = text.split()
    for word, after in pairwise(words):
        if "|" in word and after in word.split("|"):
            raise PhraseError(f"{text!r}: each a|b choice is one word; join a several-word "
                              f"choice with '_' (fall|go_down), or write it as a phrase of its own")


def compile_all(texts: Iterable[str], sets: Mapping[str, Sequence[str]]) -> PatternSet:
    """Several phrases at once, indexed by their first stems."""
    return index(tuple(compile_phrase(text, sets) for text in texts))


def index(patterns: tuple[Pattern, ...]) -> PatternSet:
    """Patterns by each stem they may start with."""
    table: dict[str, list[Pattern]] = {}
    for pattern in patterns:
        first = pattern.steps[0]
        for option in first if isinstance(first, tuple) else ():
            bucket = table.setdefault(option[0], [])
            if pattern not in bucket:
                bucket.append(pattern)
    return PatternSet(patterns, {key: tuple(value) for key, value in table.items()})


def _check_alternatives(name: str, alternatives: Sequence[str]) -> None:
    """A set's alternatives are plain words: an a|b choice or a gap there would silently be
    read as words ("missed the last|bottom step" matched nothing)."""
    for alternative in alternatives:
        if "|" in alternative or ".." in alternative or "{" in alternative:
            raise PhraseError(f"set {{{name}}}: {alternative!r} is not plain words; a set's "
                              f"alternatives cannot hold a|b choices, gaps or sets")


def _stems_of(words: str) -> tuple[str, ...]:
    return tuple(stem(word) for word in tokens(words))


def find(
    patterns: PatternSet, words: Sequence[str], barrier: frozenset[int] = frozenset()
) -> list[Match]:
    """Every place any pattern matches; a gap never crosses a barrier position."""
    found: list[Match] = []
    said = frozenset(words)
    for start, word in enumerate(words):
        for pattern in patterns.by_first.get(word, ()):
            if _possible(pattern, said):
                found += _found(pattern, words, start, barrier)
    return found


def _possible(pattern: Pattern, said: frozenset[str]) -> bool:
    """Whether every word step after the first has a first stem that was said at all: a cheap
    test that spares most patterns the full match."""
    # A plain loop, not all() over a generator: this runs about a thousand times per
    # utterance, and the generator alone cost the reader about a millisecond (make eval).
    for need in pattern.needs:  # noqa: SIM110
        if need.isdisjoint(said):
            return False
    return True


def _found(
    pattern: Pattern, words: Sequence[str], start: int, barrier: frozenset[int]
) -> list[Match]:
    gaps: list[int] = []
    end = _match(pattern.steps, 0, words, start, barrier, gaps)
    return [] if end is None else [Match(start, end, pattern, frozenset(gaps))]


def _at(words: Sequence[str], start: int, option: tuple[str, ...]) -> bool:
    return tuple(words[start : start + len(option)]) == option


def _match(
    steps: tuple[Step, ...], k: int, words: Sequence[str], i: int, barrier: frozenset[int],
    gaps: list[int] | None = None,
) -> int | None:
    """The end of the shortest match of steps[k:] at position i, or None; `gaps` collects the
    positions the gaps took."""
    if k == len(steps):
        return i
    step = steps[k]
    if isinstance(step, int):
        for gap in range(step + 1):
            if gap and i + gap - 1 in barrier:
                return None
            if i + gap > len(words):
                return None
            end = _match(steps, k + 1, words, i + gap, barrier, gaps)
            if end is not None:
                if gaps is not None:
                    gaps.extend(range(i, i + gap))
                return end
        return None
    for option in step:
        if _at(words, i, option):
            end = _match(steps, k + 1, words, i + len(option), barrier, gaps)
            if end is not None:
                return end
    return None


def longest_first(matches: list[Match]) -> list[Match]:
    """Non-overlapping matches, the longest winning, in order of position."""
    chosen: list[Match] = []
    taken: set[int] = set()
    for match in sorted(matches, key=lambda m: (m.start - m.end, m.start)):
        span = set(range(match.start, match.end))
        if span & taken:
            continue
        chosen.append(match)
        taken |= span
    return sorted(chosen, key=lambda m: m.start)


Table = Labelled


def find_labelled(
    table: Table, words: Sequence[str], barrier: frozenset[int] = frozenset()
) -> list[tuple[Match, str]]:
    """Every match of any label's patterns, with its label: one pass over the words per table."""
    index = table.index
    found: list[tuple[Match, str]] = []
    said = frozenset(words)
    for start, word in enumerate(words):
        for pattern, label in index.get(word, ()):
            if _possible(pattern, said):
                found += [(match, label) for match in _found(pattern, words, start, barrier)]
    return found
