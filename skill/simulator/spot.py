"""Slot values found anywhere in an utterance: custom values, dates, durations, numbers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from skill.core.spoken.dates import find_dates
from skill.core.spoken.durations import find_durations
from skill.core.spoken.numbers import find_numbers
from skill.simulator.model import Model, SlotValue
from skill.simulator.text import SKIPPABLE, Token, filler_mask, normalise, tokens

UNKNOWN_WORD_FACTOR = 1.5  # a left-over word the model never uses costs this much more

_BUILTIN_FINDERS = {
    "AMAZON.DURATION": lambda words, today: find_durations(words),
    "AMAZON.NUMBER": lambda words, today: find_numbers(words),
    "AMAZON.DATE": find_dates,
}


@dataclass(frozen=True, slots=True)
class Span:
    """Words [start, end) that can fill a slot of `type`: what was said and what it resolves to."""

    start: int
    end: int
    type: str
    text: str
    value: str  # the slot's `value`: the words said, or the ISO/number form for built-in types
    resolved: tuple[SlotValue, ...] | None  # custom types: the matching values; None for built-ins

    @property
    def length(self) -> int:
        """Words covered, so longer spans win."""
        return self.end - self.start


@dataclass(frozen=True)
class Utterance:
    """An utterance analysed once, before any sample is scored."""

    text: str
    words: tuple[str, ...]
    tokens: tuple[Token, ...]
    filler: tuple[bool, ...]
    spans: dict[str, tuple[Span, ...]]  # slot type -> spans, longest first

    def costs(self, vocabulary: frozenset[str] = frozenset()) -> list[float]:
        """What each word costs if nothing matches it: fillers nothing, others their weight,
        and words the model never uses (outside any value) more: they signal another domain."""
        inside = {i for spans in self.spans.values() for s in spans for i in range(s.start, s.end)}
        return [
            0.0 if f else t.weight * (1.0 if not vocabulary or t.stem in vocabulary or i in inside
                                      else UNKNOWN_WORD_FACTOR)
            for i, (t, f) in enumerate(zip(self.tokens, self.filler, strict=True))
        ]


def analyse(text: str, model: Model, today: date) -> Utterance:
    """Normalise the text and spot every slot value in it."""
    words = normalise(text)
    toks = tokens(words)
    found = _custom_spans(words, toks, model)
    for slot_type in model.builtin_types:
        for start, end, value in _BUILTIN_FINDERS[slot_type](words, today):
            found.append(Span(start, end, slot_type, " ".join(words[start:end]), value, None))
    by_type: dict[str, list[Span]] = {}
    for span in sorted(found, key=lambda s: (-s.length, s.start)):
        by_type.setdefault(span.type, []).append(span)
    return Utterance(
        text=text,
        words=tuple(words),
        tokens=tuple(toks),
        filler=tuple(filler_mask(words)),
        spans={k: tuple(v) for k, v in by_type.items()},
    )


def builtin_value(slot_type: str, text: str, today: date) -> str | None:
    """What Alexa would send for text that is wholly one date, duration or number, else None."""
    finder = _BUILTIN_FINDERS.get(slot_type)
    words = normalise(text)
    if finder is None or not words:
        return None
    spans = finder(words, today)
    if len(spans) == 1 and spans[0][:2] == (0, len(words)):
        return spans[0][2]
    return None


def _custom_spans(words: list[str], toks: list[Token], model: Model) -> list[Span]:
    """Look up every run of words (articles skipped) in the model's value index."""
    view = [(t.stem, i) for i, t in enumerate(toks) if t.word not in SKIPPABLE]
    spans: list[Span] = []
    for pos, (first, _) in enumerate(view):
        for size in model.value_lengths.get(first, ()):
            if pos + size > len(view):
                continue
            key = tuple(s for s, _ in view[pos : pos + size])
            entries = model.values.get(key)
            if entries:
                spans.extend(_spans_for(entries, words, view[pos][1], view[pos + size - 1][1] + 1))
    return spans


def _spans_for(
    entries: tuple[tuple[str, SlotValue], ...], words: list[str], start: int, end: int
) -> list[Span]:
    """One span per slot type the words resolve in (a phrase may resolve to several values)."""
    text = " ".join(words[start:end])
    by_type: dict[str, list[SlotValue]] = {}
    for slot_type, value in entries:
        by_type.setdefault(slot_type, []).append(value)
    return [Span(start, end, t, text, text, tuple(v)) for t, v in by_type.items()]
