"""How well the local NLU understands the models: every sample back to its intent, plus paraphrases.

Paraphrases live in tests/nlu/paraphrases.yaml as `{<locale>: [{text, intent, slots: {name: id}}]}`;
dates in them are read against EVAL_NOW (Friday 2026-11-27, 10:00 UTC) so expectations are fixed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml

from skill.content import get_content
from skill.core import intents
from skill.core.intents import Act
from skill.core.state import State
from skill.core.understand import understand as read_words
from skill.simulator.model import Model, Sample, load_model
from skill.simulator.nlu import understand
from skill.simulator.simulator import MODEL_DIR, ROOT

PARAPHRASES = ROOT / "tests" / "nlu" / "paraphrases.yaml"
EVAL_NOW = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)
PARAPHRASE_TARGET = 0.95
# What a sample's built-in slots are filled with, and what they must come back as.
BUILTIN_FILLS = {
    "AMAZON.DATE": ("yesterday", "2026-11-26"),
    "AMAZON.DURATION": ("two days", "P2D"),
    "AMAZON.NUMBER": ("five", "5"),
}


@dataclass(frozen=True)
class Miss:
    """One utterance the NLU got wrong."""

    locale: str
    text: str
    expected: str
    got: str
    expected_slots: dict[str, str]
    got_slots: dict[str, str | None]
    score: float

    def describe(self) -> str:
        """One line for the report."""
        return (f"[{self.locale}] {self.text!r}: expected {self.expected} {self.expected_slots}, "
                f"got {self.got} {self.got_slots} (score {self.score:.2f})")


@dataclass
class Report:
    """Totals and misses, for the CLI and for tests."""

    locales: list[str] = field(default_factory=list)
    samples: int = 0
    sample_misses: list[Miss] = field(default_factory=list)
    paraphrases: int = 0
    paraphrase_misses: list[Miss] = field(default_factory=list)
    paraphrase_file: Path | None = None

    @property
    def sample_accuracy(self) -> float:
        """Share of samples that map back to their own intent and slots."""
        return 1.0 - len(self.sample_misses) / self.samples if self.samples else 0.0

    @property
    def paraphrase_accuracy(self) -> float:
        """Share of paraphrases understood (1.0 when there are none to try)."""
        return 1.0 - len(self.paraphrase_misses) / self.paraphrases if self.paraphrases else 1.0

    @property
    def ok(self) -> bool:
        """Samples all right and paraphrases at or above the target."""
        return (self.samples > 0 and not self.sample_misses
                and self.paraphrase_accuracy >= PARAPHRASE_TARGET)


def evaluate(
    model_dir: Path = MODEL_DIR, paraphrases: Path = PARAPHRASES, locales: list[str] | None = None
) -> Report:
    """Evaluate every locale model in model_dir (or the named ones) and the paraphrase file."""
    paths = {p.stem: p for p in sorted(model_dir.glob("*-*.json"))}
    report = Report(locales=[loc for loc in paths if locales is None or loc in locales])
    for locale in report.locales:
        model = load_model(paths[locale])
        for expected, text, slots in sample_utterances(model):
            report.samples += 1
            _check(report.sample_misses, model, locale, text, expected, slots)
    if paraphrases.exists():
        report.paraphrase_file = paraphrases
        for locale, case in load_paraphrases(paraphrases):
            if locale in report.locales:
                report.paraphrases += 1
                model = load_model(paths[locale])
                _check(report.paraphrase_misses, model, locale, case["text"], case["intent"],
                       {k: str(v) for k, v in (case.get("slots") or {}).items()})
    return report


def load_paraphrases(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """(locale, case) pairs from the paraphrase file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    for locale, cases in data.items():
        for case in cases or []:
            yield str(locale), case


def sample_utterances(model: Model) -> Iterator[tuple[str, str, dict[str, str]]]:
    """Each sample with its slots filled: (intent, text, {slot: expected id})."""
    for sample in model.samples:
        text, expected = _fill(model, sample)
        if text is not None:
            yield sample.intent, text, expected


def _fill(model: Model, sample: Sample) -> tuple[str | None, dict[str, str]]:
    """Put a value into each placeholder, rotating through values so all get exercised."""
    text, expected = sample.text, {}
    for name, slot_type in sample.slots:
        if slot_type in BUILTIN_FILLS:
            words, value = BUILTIN_FILLS[slot_type]
        elif model.types.get(slot_type):
            values = model.types[slot_type]
            chosen = values[sample.index % len(values)]
            words, value = chosen.name, chosen.id
        else:
            return None, {}
        text = text.replace("{" + name + "}", words)
        expected[name] = value
    return text, expected


def _check(
    misses: list[Miss], model: Model, locale: str, text: str, intent: str, slots: dict[str, str]
) -> None:
    """Record a miss unless the intent and every expected slot id come back."""
    reading = understand(model, text, EVAL_NOW.date())
    got = {name: (reading.slots[name].id if name in reading.slots else None) for name in slots}
    if intents.is_lead(reading.intent) and intents.FREE_SPEECH_SLOT in reading.slots:
        words = reading.slots[intents.FREE_SPEECH_SLOT].value
        meant, got = _read_as(reading.intent, words, locale, slots)
        if meant == intent and all(got[k] == v for k, v in slots.items()):
            return
    elif reading.intent == intent and all(got[k] == v for k, v in slots.items()):
        return
    misses.append(Miss(locale, text, intent, reading.intent, slots, got, reading.score))


def _read_as(
    lead: str, words: str, locale: str, slots: dict[str, str]
) -> tuple[str, dict[str, str | None]]:
    """What the skill's reader makes of a one-shot opening: an opening intent carries the
    person's words, so it is right when the reader hears the intent and slots meant."""
    understood = read_words(Act(lead, words=words, locale=locale), State(), get_content())
    if understood is None:
        return lead, {name: None for name in slots}
    act = understood.act
    heard = {name: act.slots.get(name) or next(iter(act.features.get(name, ())), None)
             for name in slots}
    if "flag" in slots and slots["flag"] in understood.flags:
        return intents.RED_FLAG, {**heard, "flag": slots["flag"]}
    return act.intent, heard


def format_report(report: Report) -> str:
    """The report as the CLI prints it."""
    lines = [f"locales: {', '.join(report.locales) or 'none found'}"]
    lines.append(f"samples: {report.samples - len(report.sample_misses)}/{report.samples} "
                 f"({report.sample_accuracy:.1%}) map back to their own intent")
    lines += ["  " + m.describe() for m in report.sample_misses]
    if report.paraphrase_file is None:
        lines.append(f"paraphrases: {PARAPHRASES.relative_to(ROOT)} not found; skipped")
    else:
        lines.append(f"paraphrases: {report.paraphrases - len(report.paraphrase_misses)}/"
                     f"{report.paraphrases} ({report.paraphrase_accuracy:.1%}, target "
                     f"{PARAPHRASE_TARGET:.0%})")
        lines += ["  " + m.describe() for m in report.paraphrase_misses]
    lines.append("OK" if report.ok else "FAILED")
    return "\n".join(lines)
