"""An interaction model compiled once for matching: tokenised samples, value indexes, thresholds."""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from itertools import pairwise
from pathlib import Path
from typing import Any

from skill.simulator.builtins import BUILTIN_SAMPLES
from skill.simulator.text import SKIPPABLE, normalise, stem, weight

BUILTIN_TYPES = frozenset({"AMAZON.DATE", "AMAZON.DURATION", "AMAZON.NUMBER"})
# A phrase slot takes whatever follows its carrier phrase: it is matched apart from the samples.
PHRASE_TYPE = "AMAZON.SearchQuery"
# Confidence below which Alexa sends AMAZON.FallbackIntent, by fallbackIntentSensitivity level.
THRESHOLDS = {"LOW": 0.45, "MEDIUM": 0.55, "HIGH": 0.65}
DEFAULT_SENSITIVITY = "LOW"  # Alexa's default when the model does not say


@dataclass(frozen=True, slots=True)
class SlotValue:
    """A custom slot value: its id and canonical name, as entity resolution reports them."""

    id: str
    name: str


@dataclass(frozen=True, slots=True)
class Sample:
    """One sample utterance, precompiled: its words in order and its literal stems as a bag."""

    index: int
    intent: str
    text: str
    elements: tuple[str, ...]  # normalised words; a slot is "{name}"
    slots: tuple[tuple[str, str], ...]  # (slot name, slot type) in order of appearance
    # every slot the intent declares; those in `placed` first, to take their values first
    intent_slots: tuple[tuple[str, str], ...]
    extra_types: tuple[str, ...]  # types of the intent's slots this sample does not place
    bag: dict[str, int]  # literal stem -> count
    weights: dict[str, float]  # literal stem -> weight
    order: tuple[str, ...]  # literal stems in order
    literal_weight: float
    # the stem of the sample's word just before each slot that has one: Alexa tags by place
    before: dict[str, str] = field(default_factory=dict)
    # slots that share a type, in the sample's order ("no {absent} but I {flag}")
    same_type: tuple[tuple[str, ...], ...] = ()
    # the intent's slots declared after another of their type, with the words only their samples
    # put before them ("absent": "no", "didn't"): a tagger learns a slot by the words around it,
    # so a value said after one of those words is that slot's
    placed: dict[str, frozenset[str]] = field(default_factory=dict)
    placed_leads: frozenset[str] = frozenset()  # all of `placed`'s words, which no other slot takes


@dataclass(frozen=True)
class Model:
    """Everything the matcher needs from one locale's interaction model."""

    path: str
    invocation: str
    intents: dict[str, dict[str, str]]  # intent -> {slot name: slot type}
    types: dict[str, tuple[SlotValue, ...]]
    samples: tuple[Sample, ...]
    sensitivity: str
    raw: dict[str, Any] = field(repr=False)
    values: dict[tuple[str, ...], tuple[tuple[str, SlotValue], ...]] = field(repr=False)
    value_lengths: dict[str, tuple[int, ...]] = field(repr=False)
    postings: dict[str, tuple[tuple[int, float, int], ...]] = field(repr=False)
    by_type: dict[str, tuple[int, ...]] = field(repr=False)
    # (intent, slot, carrier words) for samples "<carrier> {slot}" with a phrase slot
    phrase_samples: tuple[tuple[str, str, tuple[str, ...]], ...] = field(default=(), repr=False)
    builtin_types: frozenset[str] = frozenset()
    vocabulary: frozenset[str] = frozenset()  # every stem a sample or slot value uses

    @property
    def threshold(self) -> float:
        """The confidence below which an utterance goes to AMAZON.FallbackIntent."""
        return THRESHOLDS.get(self.sensitivity, THRESHOLDS[DEFAULT_SENSITIVITY])

    @property
    def dialog(self) -> dict[str, Any]:
        """The model's dialog section (auto-delegation, prompts), if any."""
        return dict(self.raw.get("interactionModel", {}).get("dialog", {}))


_CACHE: dict[str, tuple[float, Model]] = {}


def load_model(path: str | os.PathLike[str]) -> Model:
    """Compile a model file once per path (again only if the file changes)."""
    key = str(Path(path).resolve())
    mtime = os.stat(key).st_mtime
    cached = _CACHE.get(key)
    if cached and cached[0] == mtime:
        return cached[1]
    with open(key, encoding="utf-8") as handle:
        model = compile_model(json.load(handle), key)
    _CACHE[key] = (mtime, model)
    return model


def compile_model(raw: dict[str, Any], path: str = "<memory>") -> Model:
    """Turn the ASK CLI JSON into indexes, so each utterance costs only lookups and arithmetic."""
    language = raw["interactionModel"]["languageModel"]
    intents = {
        i["name"]: {s["name"]: s["type"] for s in i.get("slots", [])} for i in language["intents"]
    }
    types = {
        t["name"]: tuple(SlotValue(str(v.get("id") or v["name"]["value"]), v["name"]["value"])
                         for v in t.get("values", []))
        for t in language.get("types", [])
    }
    samples = tuple(_samples(language["intents"]))
    values, lengths = _value_index(language.get("types", []))
    config = language.get("modelConfiguration", {}).get("fallbackIntentSensitivity", {})
    used_types = {t for slots in intents.values() for t in slots.values()}
    return Model(
        path=path,
        invocation=" ".join(normalise(language.get("invocationName", ""))),
        intents=intents,
        types=types,
        samples=samples,
        sensitivity=str(config.get("level", DEFAULT_SENSITIVITY)).upper(),
        raw=raw,
        values=values,
        value_lengths=lengths,
        postings=_postings(samples),
        by_type=_index(samples, lambda s: {t for _, t in s.slots}),
        builtin_types=frozenset(used_types & BUILTIN_TYPES),
        phrase_samples=tuple(_phrase_samples(language["intents"])),
        vocabulary=frozenset(stem_ for s in samples for stem_ in s.bag)
        | frozenset(stem_ for key in values for stem_ in key),
    )


def _phrase_samples(intents: list[dict[str, Any]]) -> list[tuple[str, str, tuple[str, ...]]]:
    """Samples ending in a phrase slot, as the words that must come before it."""
    out = []
    for intent in intents:
        slot_types = {s["name"]: s["type"] for s in intent.get("slots", [])}
        for text in intent.get("samples", []):
            parts = _split_placeholders(text)
            last = parts[-1] if parts else ""
            if last.startswith("{") and slot_types.get(last[1:-1].strip()) == PHRASE_TYPE:
                carrier = tuple(w for part in parts[:-1] for w in normalise(part))
                out.append((intent["name"], last[1:-1].strip(), carrier))
    return out


def _samples(intents: list[dict[str, Any]]) -> list[Sample]:
    """The model's samples, then standard phrases of declared built-ins the model does not use."""
    out: list[Sample] = []
    for intent in intents:
        slot_types = {s["name"]: s["type"] for s in intent.get("slots", [])}
        for text in intent.get("samples", []):
            if PHRASE_TYPE in {slot_types.get(n) for n in re.findall(r"{\s*(\w+)\s*}", text)}:
                continue  # matched by its carrier phrase instead (_phrase_samples)
            out.append(compile_sample(len(out), intent["name"], text, slot_types))
    out = _with_placed(out, intents)
    taken = {s.elements for s in out}
    for intent in intents:
        for text in BUILTIN_SAMPLES.get(intent["name"], ()):
            sample = compile_sample(len(out), intent["name"], text, {})
            if sample.elements not in taken:
                taken.add(sample.elements)
                out.append(sample)
    return out


def _with_placed(samples: list[Sample], intents: list[dict[str, Any]]) -> list[Sample]:
    """Each sample, told which of its intent's slots a value fills only by the words said
    before it: of two slots of one type, the one declared later ("absent", after "flag"), with
    the words its samples put before it that never come before the first, in any intent ("no",
    "didn't", "without"; not "have", which comes before "I have {flag}" too)."""
    first: dict[str, str] = {}  # slot type -> the first slot declared with it, model-wide
    later: dict[str, dict[str, str]] = {}  # intent -> {later slot: its type}
    for intent in intents:
        seen: dict[str, str] = {}
        for slot in intent.get("slots", []):
            if slot["type"] in seen:
                later.setdefault(intent["name"], {})[slot["name"]] = slot["type"]
            else:
                seen[slot["type"]] = slot["name"]
                first.setdefault(slot["type"], slot["name"])
    common = {(t, s.before[n]) for s in samples for n, t in s.slots
              if first.get(t) == n and n in s.before}
    placed: dict[str, dict[str, frozenset[str]]] = {}
    for intent_name, slots in later.items():
        placed[intent_name] = {
            name: frozenset(s.before[name] for s in samples if s.intent == intent_name
                            and name in s.before and (kind, s.before[name]) not in common)
            for name, kind in slots.items()
        }
    return [_placing(s, placed[s.intent]) if s.intent in placed else s for s in samples]


def _placing(sample: Sample, placed: dict[str, frozenset[str]]) -> Sample:
    """A sample told its slots placed only by their words, worked out once at compile."""
    return replace(sample, placed=placed, placed_leads=frozenset().union(*placed.values()),
                   intent_slots=tuple(sorted(sample.intent_slots,
                                             key=lambda slot: slot[0] not in placed)))


def compile_sample(index: int, intent: str, text: str, slot_types: dict[str, str]) -> Sample:
    """Tokenise one sample, keeping `{slot}` placeholders in place."""
    elements: list[str] = []
    slots: list[tuple[str, str]] = []
    for part in _split_placeholders(text):
        if part.startswith("{"):
            name = part[1:-1].strip()
            elements.append("{" + name + "}")
            slots.append((name, slot_types.get(name, "")))
        else:
            elements.extend(normalise(part))
    literals = [e for e in elements if not e.startswith("{")]
    stems = [stem(w) for w in literals]
    before = {e[1:-1]: stem(prev) for prev, e in pairwise(elements)
              if e.startswith("{") and not prev.startswith("{")}
    types = [t for _, t in slots]
    same_type = tuple(tuple(n for n, t in slots if t == kind)
                      for kind in dict.fromkeys(types) if types.count(kind) > 1)
    return Sample(
        index=index, intent=intent, text=text, elements=tuple(elements), slots=tuple(slots),
        intent_slots=tuple(slot_types.items()), bag=dict(Counter(stems)),
        extra_types=tuple(t for n, t in slot_types.items() if n not in {n for n, _ in slots}),
        weights={stem(w): weight(w) for w in literals}, order=tuple(stems),
        literal_weight=sum(weight(w) for w in literals), before=before, same_type=same_type,
    )


def _split_placeholders(text: str) -> list[str]:
    """ "my {location} hurts" -> ["my ", "{location}", " hurts"]."""
    parts: list[str] = []
    rest = text
    while "{" in rest and "}" in rest:
        before, _, after = rest.partition("{")
        name, _, rest = after.partition("}")
        parts += [before, "{" + name + "}"]
    parts.append(rest)
    return [p for p in parts if p.strip()]


def value_key(text: str) -> tuple[str, ...]:
    """How a slot value is looked up: stems, without articles and possessives."""
    words = normalise(text)
    kept = [stem(w) for w in words if w not in SKIPPABLE]
    return tuple(kept) if kept else tuple(stem(w) for w in words)


def _value_index(
    types: list[dict[str, Any]],
) -> tuple[dict[tuple[str, ...], tuple[tuple[str, SlotValue], ...]], dict[str, tuple[int, ...]]]:
    """Every value name and synonym of every custom type -> (type, value), plus key lengths."""
    index: dict[tuple[str, ...], list[tuple[str, SlotValue]]] = {}
    for slot_type in types:
        for value in slot_type.get("values", []):
            name = value["name"]
            resolved = SlotValue(str(value.get("id") or name["value"]), name["value"])
            for phrase in [name["value"], *name.get("synonyms", [])]:
                entries = index.setdefault(value_key(phrase), [])
                if (slot_type["name"], resolved) not in entries:
                    entries.append((slot_type["name"], resolved))
    lengths: dict[str, set[int]] = {}
    for key in index:
        if key:
            lengths.setdefault(key[0], set()).add(len(key))
    frozen = {k: tuple(v) for k, v in index.items() if k}
    return frozen, {k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()}


def _postings(samples: tuple[Sample, ...]) -> dict[str, tuple[tuple[int, float, int], ...]]:
    """stem -> (sample index, the stem's weight, how often the sample uses it)."""
    index: dict[str, list[tuple[int, float, int]]] = {}
    for sample in samples:
        for stem_, count in sample.bag.items():
            index.setdefault(stem_, []).append((sample.index, sample.weights[stem_], count))
    return {k: tuple(v) for k, v in index.items()}


def _index(samples: tuple[Sample, ...], keys: Any) -> dict[str, tuple[int, ...]]:
    """Inverted index: key -> sample indexes, so only plausible samples are scored."""
    index: dict[str, list[int]] = {}
    for sample in samples:
        for key in keys(sample):
            index.setdefault(key, []).append(sample.index)
    return {k: tuple(v) for k, v in index.items()}
