"""Understanding an utterance the way Alexa would, from the interaction model alone.

`understand(model, text, today)` scores the samples that share a word or a slot type with the
utterance (see `score.py`), keeps each intent's best, and answers AMAZON.FallbackIntent when the
best is below the model's fallbackIntentSensitivity threshold. The explanation says why.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from skill.simulator.builtins import FALLBACK
from skill.simulator.model import PHRASE_TYPE, Model, SlotValue
from skill.simulator.score import Candidate, Overlap, overlap_of, score_sample, upper_bound
from skill.simulator.spot import Utterance, analyse
from skill.simulator.text import normalise

EXPECTED_BONUS = 0.1  # an answer to the question just asked is likelier than a change of topic
# A phrase sample with a carrier this short ("I {speech}", "my {speech}") explains whatever
# follows, so it takes an utterance no specific sample explains well; a longer carrier ("let me
# tell you {speech}") says that what follows is the person's own account, and always wins.
SHORT_CARRIER = 2
CATCH_ALL_BELOW = 0.75


@dataclass(frozen=True, slots=True)
class SlotFill:
    """What fills one slot: the words said and, for custom types, what they resolve to."""

    name: str
    type: str
    value: str
    resolved: tuple[SlotValue, ...] | None  # None: built-in type; (): ER_SUCCESS_NO_MATCH

    @property
    def id(self) -> str | None:
        """The first resolved id, or the value itself for built-in types."""
        if self.resolved is None:
            return self.value
        return self.resolved[0].id if self.resolved else None


@dataclass(frozen=True)
class Explanation:
    """Why the NLU chose what it chose; shown by `chat --explain` and the web simulator."""

    utterance: str
    words: list[str]
    intent: str
    score: float
    threshold: float
    sample: str | None
    slots: dict[str, dict[str, Any]]
    runner_up: dict[str, Any] | None = None
    spotted: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data."""
        return asdict(self)


@dataclass(frozen=True)
class Interpretation:
    """The intent chosen for an utterance, its filled slots, and the explanation."""

    intent: str
    slots: dict[str, SlotFill]
    score: float
    explanation: Explanation


def understand(
    model: Model, text: str, today: date, expect: str | None = None
) -> Interpretation:
    """Map text to an intent and slots; `expect` names an intent the dialog is waiting on."""
    utt = analyse(text, model, today)
    carried = _carried_phrase(model, utt, text, shortest=SHORT_CARRIER + 1)
    if carried is not None:
        return carried
    ranked = rank(model, utt, expect)
    top = ranked[0] if ranked else None
    if top is None or top.score < CATCH_ALL_BELOW:
        caught = _carried_phrase(model, utt, text, shortest=1)
        if caught is not None:
            return caught
    if top is None or top.score < model.threshold:
        return _fallback(model, utt, top)
    runner = next((c for c in ranked[1:] if c.sample.intent != top.sample.intent), None)
    slots = {name: to_fill(name, span) for name, span in top.fills.items()}
    return Interpretation(
        top.sample.intent, slots, top.score, _explain(model, utt, top, runner, slots)
    )


def rank(model: Model, utt: Utterance, expect: str | None = None) -> list[Candidate]:
    """Each intent's best candidate, best first (ties: more of the sample's own words said).

    Samples are scored in order of an upper bound on their score, skipping those that cannot
    beat their intent's best so far and stopping once none left could reach second place:
    the top two intents are exact, the rest may be partial.
    """
    costs = utt.costs(model.vocabulary)
    best: dict[str, Candidate] = {}
    second = 0.0
    for bound, index, literal in _bounds(model, utt, overlap_of(utt, costs), expect):
        if bound < second:
            break
        sample = model.samples[index]
        current = best.get(sample.intent)
        if current is not None and (bound, literal, -index) <= _key(current):
            continue  # cannot beat its own intent's best, even on the tie-breaks
        candidate = score_sample(sample, utt, costs)
        if sample.intent == expect and candidate.score > 0:
            candidate = Candidate(sample, min(1.0, candidate.score + EXPECTED_BONUS),
                                  candidate.fills, candidate.literal)
        if current is None or _key(candidate) > _key(current):
            best[sample.intent] = candidate
            scores = sorted((c.score for c in best.values()), reverse=True)
            second = scores[1] if len(scores) > 1 else 0.0
    return sorted(best.values(), key=_key, reverse=True)


def _key(candidate: Candidate) -> tuple[float, float, int]:
    return candidate.score, candidate.literal, -candidate.sample.index


def _bounds(
    model: Model, utt: Utterance, overlap: Overlap, expect: str | None
) -> list[tuple[float, int, float]]:
    """Every sample sharing a word or a slot type with the utterance, with its upper bound."""
    said: dict[str, int] = {}
    for token in utt.tokens:
        said[token.stem] = said.get(token.stem, 0) + 1
    literals: dict[int, float] = {}
    absorb: dict[int, float] = {}
    for stem_, count in said.items():
        cost = overlap.stem_cost[stem_]
        for index, weight_, uses in model.postings.get(stem_, ()):
            literals[index] = literals.get(index, 0.0) + weight_ * min(uses, count)
            absorb[index] = absorb.get(index, 0.0) + cost
    plausible = _plausible(model, utt)
    by_intent = {
        intent: sum(overlap.type_cost.get(t, 0.0) for t in set(slots.values()))
        for intent, slots in model.intents.items()
    }
    bounds = []
    for index in plausible:
        literal = literals.get(index, 0.0)
        sample = model.samples[index]
        bonus = EXPECTED_BONUS if sample.intent == expect else 0.0
        absorbable = absorb.get(index, 0.0) + by_intent.get(sample.intent, 0.0)
        bound = upper_bound(sample, literal, absorbable, overlap) + bonus
        bounds.append((bound, index, literal))
    bounds.sort(key=lambda pair: (-pair[0], pair[1]))
    return bounds


def _plausible(model: Model, utt: Utterance) -> set[int]:
    """Samples sharing a content word or a slot type with the utterance (all words if none)."""
    found: set[int] = set()
    for token in utt.tokens:
        if token.weight >= 1.0:
            found.update(index for index, _, _ in model.postings.get(token.stem, ()))
    for slot_type in utt.spans:
        found.update(model.by_type.get(slot_type, ()))
    if not found:
        for token in utt.tokens:
            found.update(index for index, _, _ in model.postings.get(token.stem, ()))
    return found


def to_fill(name: str, span: Any) -> SlotFill:
    """A spotted span as a slot fill."""
    return SlotFill(name, span.type, span.value, span.resolved)


def _fallback(model: Model, utt: Utterance, top: Candidate | None) -> Interpretation:
    """Below the threshold: FallbackIntent if the model declares it, else Alexa's nearest guess."""
    if FALLBACK not in model.intents and top is not None:
        slots = {name: to_fill(name, span) for name, span in top.fills.items()}
        return Interpretation(top.sample.intent, slots, top.score,
                              _explain(model, utt, top, None, slots))
    explanation = Explanation(
        utterance=utt.text, words=list(utt.words), intent=FALLBACK,
        score=top.score if top else 0.0, threshold=model.threshold, sample=None, slots={},
        runner_up=_brief(top), spotted=_spotted(utt),
    )
    return Interpretation(FALLBACK, {}, explanation.score, explanation)


def _explain(
    model: Model, utt: Utterance, top: Candidate, runner: Candidate | None,
    slots: dict[str, SlotFill],
) -> Explanation:
    return Explanation(
        utterance=utt.text, words=list(utt.words), intent=top.sample.intent, score=top.score,
        threshold=model.threshold, sample=top.sample.text,
        slots={name: describe_fill(fill) for name, fill in slots.items()},
        runner_up=_brief(runner), spotted=_spotted(utt),
    )


def describe_fill(fill: SlotFill) -> dict[str, Any]:
    """A slot fill for humans: value, type and how it resolved."""
    if fill.resolved is None:
        resolution: dict[str, Any] = {"status": "BUILT_IN"}
    elif fill.resolved:
        resolution = {"status": "ER_SUCCESS_MATCH",
                      "values": [{"id": v.id, "name": v.name} for v in fill.resolved]}
    else:
        resolution = {"status": "ER_SUCCESS_NO_MATCH"}
    return {"value": fill.value, "type": fill.type, "resolution": resolution}


def _brief(candidate: Candidate | None) -> dict[str, Any] | None:
    if candidate is None:
        return None
    return {"intent": candidate.sample.intent, "score": candidate.score,
            "sample": candidate.sample.text}


def _spotted(utt: Utterance) -> list[dict[str, Any]]:
    """Every slot value seen in the utterance, whether or not a sample used it."""
    return [{"type": t, "words": s.text, "value": s.value} for t, spans in utt.spans.items()
            for s in spans]


def transcript(text: str) -> str:
    """What Alexa hands a phrase slot: the words, lower case, without punctuation."""
    return " ".join(_TRANSCRIPT.findall(text.lower().replace("\u2019", "'")))


_TRANSCRIPT = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_LEADING = frozenset({"um", "umm", "uh", "er", "erm", "so", "well", "okay", "ok", "oh", "right"})


def free_speech(model: Model, text: str, intent: str, slot: str, sample: str) -> Interpretation:
    """The whole utterance as a phrase slot's value, as Alexa fills AMAZON.SearchQuery."""
    value = transcript(text)
    fill = SlotFill(slot, PHRASE_TYPE, value, None)
    explanation = Explanation(
        utterance=value, words=value.split(), intent=intent, score=1.0,
        threshold=model.threshold, sample=sample, slots={slot: describe_fill(fill)},
    )
    return Interpretation(intent, {slot: fill}, 1.0, explanation)


def _carried_phrase(
    model: Model, utt: Any, text: str, shortest: int
) -> Interpretation | None:
    """'let me tell you ...': a carrier phrase of at least `shortest` words, then the rest of the
    words fill the phrase slot (as on a device, the carrier's own words are not in it)."""
    words, said = tuple(utt.words), transcript(text).split()
    lead = next((i for i, w in enumerate(words) if w not in _LEADING), len(words))
    carriers = sorted(model.phrase_samples, key=lambda sample: -len(sample[2]))
    for intent, slot, carrier in carriers:
        if len(carrier) < shortest:
            continue
        if len(words) > lead + len(carrier) and words[lead : lead + len(carrier)] == carrier:
            rest = " ".join(_after(said, lead + len(carrier))) or transcript(text)
            return free_speech(model, rest, intent, slot,
                               " ".join(carrier) + " {" + slot + "}")
    return None


def _after(said: list[str], count: int) -> list[str]:
    """The transcript's words after the first `count` normalised ones: "he's" is two ("he
    is"), so a carrier's words are counted as normalised, never as said."""
    total = 0
    for k, word in enumerate(said):
        if total >= count:
            return said[k:]
        total += len(normalise(word))
    return []


def understand_answer(
    model: Model, text: str, today: date, intent: str, slot: str
) -> Interpretation | None:
    """An answer to the skill's ElicitSlot: a value of the slot's type anywhere fills it.

    A phrase slot (AMAZON.SearchQuery) takes the whole utterance, as on a device.
    """
    slot_type = model.intents.get(intent, {}).get(slot)
    if slot_type == PHRASE_TYPE:
        sample = "{" + slot + "} (answering Dialog.ElicitSlot)"
        return free_speech(model, text, intent, slot, sample)
    utt = analyse(text, model, today)
    spans = utt.spans.get(slot_type or "")
    if not spans:
        return None
    fill = to_fill(slot, spans[0])
    explanation = Explanation(
        utterance=utt.text, words=list(utt.words), intent=intent, score=1.0,
        threshold=model.threshold, sample="{" + slot + "} (answering Dialog.ElicitSlot)",
        slots={slot: describe_fill(fill)}, runner_up=None, spotted=_spotted(utt),
    )
    return Interpretation(intent, {slot: fill}, 1.0, explanation)
