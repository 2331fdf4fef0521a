"""How well one sample explains one utterance: an F-score over weighted words and slots.

Precision asks how much of what was said the sample accounts for (fillers are free; negations
weigh most); recall asks how much of the sample was said. Slots count as one unit each, filled
from values spotted anywhere in the utterance, so word order and extra words cost little while a
missing or extra "not" costs a lot. An unknown value in a slot's place ("my elbow hurts") fills
the slot unresolved, for less credit, as Alexa's ER_SUCCESS_NO_MATCH.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from skill.simulator.model import BUILTIN_TYPES, Sample
from skill.simulator.spot import Span, Utterance
from skill.simulator.text import stem

SLOT_WEIGHT = 2.0  # a filled slot counts like two content words
UNFILLED_WEIGHT = 1.0  # a sample slot nobody filled costs recall, like a missing word
EXTRA_CREDIT = 0.75  # a value of the intent's slot that this sample does not place
GAP_CREDIT = 0.6  # an unresolved value earns this share of a slot's weight
ORDER_PENALTY = 0.15  # the most a scrambled word order takes off
GAP_WORD_COST = 0.5  # each unknown word beyond the first makes a gap less plausible
MAX_GAP = 3  # unknown values longer than this are not values but a different request


@dataclass(frozen=True, slots=True)
class Candidate:
    """One sample's reading of the utterance."""

    sample: Sample
    score: float
    fills: dict[str, Span]
    literal: float  # weight of the sample's own words that were said, to break ties


@dataclass(slots=True)
class _Work:
    used: list[bool]
    fills: dict[str, Span]
    matched: list[tuple[str, int]]  # (stem, utterance position)
    literal: float = 0.0
    leftover: float = 0.0


def score_sample(sample: Sample, utt: Utterance, costs: list[float]) -> Candidate:
    """Score one sample against an analysed utterance."""
    work = _Work([False] * len(utt.tokens), {}, [])
    _fill_spans(sample, utt, work)
    _match_literals(sample, utt, costs, work)
    gap = _gap_fill(sample, utt, work) if work.leftover > 0 else None
    own = len(work.fills)
    extra = _extra_fills(sample, utt, costs, work) if work.leftover > 0 else 0
    earned = work.literal + SLOT_WEIGHT * own + EXTRA_CREDIT * SLOT_WEIGHT * extra
    said = work.literal + work.leftover + SLOT_WEIGHT * (own + extra)
    if gap is not None:
        earned -= SLOT_WEIGHT * (1 - GAP_CREDIT)
        said += GAP_WORD_COST * max(0.0, _weight(utt, gap) - 1.0)
    unfilled = len(sample.slots) - own
    expected = (sample.literal_weight + SLOT_WEIGHT * own + UNFILLED_WEIGHT * unfilled
                + EXTRA_CREDIT * SLOT_WEIGHT * extra)
    if earned <= 0 or said <= 0 or expected <= 0:
        return Candidate(sample, 0.0, work.fills, 0.0)
    precision, recall = earned / said, earned / expected
    score = 2 * precision * recall / (precision + recall)
    score *= 1 - ORDER_PENALTY * (1 - _order(sample, work))
    return Candidate(sample, round(score, 4), work.fills, work.literal)


@dataclass(frozen=True, slots=True)
class Overlap:
    """What bounds every sample's score for one utterance, computed once."""

    total: float  # what every word said costs if left over
    stem_cost: dict[str, float]  # stem -> cost of the words with that stem
    type_cost: dict[str, float]  # slot type -> cost of the words its spans cover
    gap_cost: float  # the most a gap of MAX_GAP words could absorb


def overlap_of(utt: Utterance, costs: list[float]) -> Overlap:
    """Per-utterance sums for `upper_bound`."""
    stem_cost: dict[str, float] = {}
    for token, cost in zip(utt.tokens, costs, strict=True):
        stem_cost[token.stem] = stem_cost.get(token.stem, 0.0) + cost
    type_cost = {
        slot_type: sum(costs[i] for i in {i for s in spans for i in range(s.start, s.end)})
        for slot_type, spans in utt.spans.items()
    }
    gap = sum(sorted(costs, reverse=True)[:MAX_GAP])
    return Overlap(sum(costs), stem_cost, type_cost, gap)


def upper_bound(sample: Sample, literal_max: float, absorbable: float, overlap: Overlap) -> float:
    """The most `score_sample` could give: every matchable word matched, every slot whose type
    was spotted filled (one more by a gap), and only words nothing can explain left over.

    `absorbable` is what the sample's words and its intent's spotted slot types could cover."""
    spotted = overlap.type_cost
    own = 0
    for _, slot_type in sample.slots:
        if slot_type in spotted:
            own += 1
    extra = 0.0
    for slot_type in sample.extra_types:
        if slot_type in spotted:
            extra += EXTRA_CREDIT * SLOT_WEIGHT
    best = 0.0
    for gaps in (0, 1) if own < len(sample.slots) else (0,):
        earned = literal_max + SLOT_WEIGHT * own + GAP_CREDIT * SLOT_WEIGHT * gaps + extra
        expected = (sample.literal_weight + SLOT_WEIGHT * (own + gaps)
                    + UNFILLED_WEIGHT * (len(sample.slots) - own - gaps) + extra)
        leftover = max(0.0, overlap.total - absorbable - overlap.gap_cost * gaps)
        if expected > 0 and earned > 0:
            precision, recall = earned / (earned + leftover), min(1.0, earned / expected)
            best = max(best, 2 * precision * recall / (precision + recall))
    return best


def _claim(
    name: str, slot_type: str, utt: Utterance, work: _Work, after: str | None = None,
    only: frozenset[str] | None = None, never: frozenset[str] | None = None,
) -> Span | None:
    """Fill a slot with the longest free span of its type, marking those words used; one said
    right after the sample's word before the slot (`after`) first, as Alexa tags by place:
    in "no fever and I didn't fall", "I didn't {absent}" takes "fall". `only`: just a span
    said right after one of these words; `never`: no span said right after one of these."""
    free = [s for s in utt.spans.get(slot_type, ()) if not any(work.used[s.start : s.end])]
    if only is not None:
        free = [s for s in free if _lead(utt, s) in only]
    elif never:
        free = [s for s in free if _lead(utt, s) not in never]
    placed = [s for s in free if after and _lead(utt, s) == after]
    for span in placed or free:
        work.fills[name] = span
        work.used[span.start : span.end] = [True] * span.length
        return span
    return None


def _lead(utt: Utterance, span: Span) -> str:
    """The stem of the word said right before a span, or "" at the start."""
    return utt.tokens[span.start - 1].stem if span.start > 0 else ""


def _fill_spans(sample: Sample, utt: Utterance, work: _Work) -> None:
    """Give each slot the longest free span of its type; two slots of one type take theirs in
    the order the sample places them ("no {absent} but I {flag}"), as Alexa tags by position."""
    for name, slot_type in sample.slots:
        if name not in work.fills:
            _claim(name, slot_type, utt, work, sample.before.get(name))
    for group in sample.same_type:
        names = [n for n in group if n in work.fills]
        if len(names) > 1:
            spans = sorted((work.fills[n] for n in names), key=lambda span: span.start)
            work.fills.update(zip(names, spans, strict=True))


def _extra_fills(sample: Sample, utt: Utterance, costs: list[float], work: _Work) -> int:
    """Values of the intent's other slot types said anywhere: Alexa tags slots per intent, and
    where two slots share a type, by the words around the value as its samples place them: in
    "my hip hurts, no fever and I didn't fall", "no fever" is the absent slot's, not a flag."""
    added = 0
    for name, slot_type in sample.intent_slots:
        if name in work.fills:
            continue
        leads = sample.placed.get(name)
        span = _claim(name, slot_type, utt, work, only=leads,
                      never=None if leads else sample.placed_leads)
        if span is not None:
            work.leftover -= sum(costs[span.start : span.end])
            added += 1
    return added


def _match_literals(sample: Sample, utt: Utterance, costs: list[float], work: _Work) -> None:
    """Match the remaining words against the sample's words as a bag of stems."""
    need = dict(sample.bag)
    for i, token in enumerate(utt.tokens):
        if work.used[i]:
            continue
        if need.get(token.stem, 0) > 0:
            need[token.stem] -= 1
            work.literal += token.weight
            work.matched.append((token.stem, i))
            work.used[i] = True
        else:
            work.leftover += costs[i]


def _order(sample: Sample, work: _Work) -> float:
    """Share of neighbouring sample elements said in the sample's order."""
    positions: dict[str, list[int]] = {}
    for stem_, pos in work.matched:
        positions.setdefault(stem_, []).append(pos)
    sequence: list[int] = []
    stems = iter(sample.order)
    for element in sample.elements:
        if element.startswith("{"):
            span = work.fills.get(element[1:-1])
            if span is not None:
                sequence.append(span.start)
            continue
        queue = positions.get(next(stems), [])
        if queue:
            sequence.append(queue.pop(0))
    if len(sequence) < 2:
        return 1.0
    ordered = sum(1 for a, b in pairwise(sequence) if a < b)
    return ordered / (len(sequence) - 1)


def _gap_fill(sample: Sample, utt: Utterance, work: _Work) -> Span | None:
    """Fill the one unfilled custom slot with the unknown words where the sample puts it."""
    open_slots = [(n, t) for n, t in sample.slots if n not in work.fills and t not in BUILTIN_TYPES]
    if len(open_slots) != 1 or len(open_slots) != len(sample.slots) - len(work.fills):
        return None
    name, slot_type = open_slots[0]
    said = _skeleton(utt, work)
    cut = sample.elements.index("{" + name + "}")
    prefix = [_element_key(e) for e in sample.elements[:cut]]
    suffix = [_element_key(e) for e in sample.elements[cut + 1 :]]
    middle = said[len(prefix) : len(said) - len(suffix)]
    if not 0 < len(middle) <= MAX_GAP or [k for k, _ in said[: len(prefix)]] != prefix:
        return None
    if suffix and [k for k, _ in said[len(said) - len(suffix) :]] != suffix:
        return None
    if any(pos < 0 or work.used[pos] for _, pos in middle):
        return None
    start, end = middle[0][1], middle[-1][1] + 1
    text = " ".join(utt.words[start:end])
    span = Span(start, end, slot_type, text, text, ())
    work.fills[name] = span
    work.leftover = max(0.0, work.leftover - _weight(utt, span))
    return span


def _weight(utt: Utterance, span: Span) -> float:
    """What the non-filler words of a span weigh."""
    pairs = zip(utt.tokens[span.start : span.end], utt.filler[span.start : span.end], strict=True)
    return sum(t.weight for t, f in pairs if not f)


def _skeleton(utt: Utterance, work: _Work) -> list[tuple[str, int]]:
    """The utterance as (stem or "{slot}", position), fillers dropped, each filled span once."""
    starts = {span.start: name for name, span in work.fills.items()}
    inside = {i for span in work.fills.values() for i in range(span.start + 1, span.end)}
    out: list[tuple[str, int]] = []
    for i, token in enumerate(utt.tokens):
        if i in starts:
            out.append(("{" + starts[i] + "}", -1))
        elif i not in inside and not utt.filler[i]:
            out.append((token.stem, i))
    return out


def _element_key(element: str) -> str:
    """A sample element in skeleton terms."""
    return element if element.startswith("{") else stem(element)
