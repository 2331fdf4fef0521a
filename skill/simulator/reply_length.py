"""How long the skill talks: words per reply over whole conversations, as a listener hears them.

Every step of every conversation in tests/dialogs is played through the Simulator (assertions are
not checked here: the tests do that); each reply's spoken words are counted. Urgent advice is
counted but kept apart, since it is never shortened. The first answer to a complaint is the reply
that first names a condition in an open session, a warning sign's advice included; one-shots
("ask hip helper my hip hurts ...") also carry the greeting and the once-only disclaimer, and
urgent advice is never shortened, so both are listed apart. The longest wait is the longest reply
but urgent advice, in seconds at Alexa's pace: how long a listener lying down waits for a turn.
"""

from __future__ import annotations

import math
import statistics
import tempfile
from collections.abc import Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import NamedTuple

from skill.simulator.dialogspec import load_dialogs
from skill.simulator.dialogtest import simulator_for
from skill.simulator.evaluate import EVAL_NOW, PARAPHRASES, load_paraphrases
from skill.simulator.simulator import ROOT, Simulator
from skill.simulator.steps import parse_offset, perform
from skill.simulator.turn import Turn

DIALOGS = ROOT / "tests" / "dialogs"
URGENT = "urgent"
SEE_PROVIDER = "see_provider"
# The targets of issue 12: short enough to hear lying down.
MEDIAN_TARGET = 30
P95_TARGET = 50
MAX_TARGET = 70
FIRST_ANSWER_TARGET = 40
# Alexa reads at roughly 150 words a minute; no listener should wait much over twenty seconds.
SECONDS_PER_WORD = 0.4
WAIT_TARGET_SECONDS = 20
WAIT_WORDS = round(WAIT_TARGET_SECONDS / SECONDS_PER_WORD)


class Measured(NamedTuple):
    """One reply: where it was said, what was said to get it, and how many words it had."""

    where: str
    said: str
    words: int
    speech: str
    urgent: bool
    first_answer: bool
    opening: bool  # the session's first reply: greeting and disclaimer come first
    warning: bool  # a warning sign raised the triage this turn: its advice comes first


class Figures(NamedTuple):
    """Words per reply: median, 95th percentile and the longest, overall and by kind."""

    replies: int
    median: float
    p95: int
    longest: tuple[Measured, ...]
    over_max: tuple[Measured, ...]
    first_answers: tuple[Measured, ...]  # in an open session, a warning sign's advice included
    other_first_answers: tuple[Measured, ...]  # one-shots, or urgent
    longest_wait: Measured | None  # the longest reply but urgent advice
    over_wait: tuple[Measured, ...]  # replies but urgent advice that take over the wait target


def words(text: str) -> int:
    """Words a listener hears: whitespace-separated tokens of the plain-text speech."""
    return len(text.split())


def _urgent(turn: Turn) -> bool:
    """Urgent advice: the reply was given while the conversation stood at urgent."""
    return turn.session_attributes.get("triage") == URGENT


def _open(before: Turn | None) -> bool:
    return before is not None and not before.end_session


def _first_answer(before: Turn | None, turn: Turn) -> bool:
    """The reply that first named a condition in this session: the answer to the complaint."""
    had = _open(before) and before is not None and before.session_attributes.get("condition")
    return bool(turn.session_attributes.get("condition")) and not had


def _warning(before: Turn | None, turn: Turn) -> bool:
    """The triage rose to see-a-provider or urgent this turn: a warning sign was answered."""
    now = turn.session_attributes.get("triage")
    was = before.session_attributes.get("triage") if _open(before) and before else None
    return now in (URGENT, SEE_PROVIDER) and now != was


def measure_file(path: Path) -> Iterator[Measured]:
    """Play each conversation in one dialog file and measure every reply that speaks."""
    for test in load_dialogs(path):
        with tempfile.TemporaryDirectory() as tmp:
            sim = simulator_for(test, partial(Simulator, store=Path(tmp) / "memory.db"))
            before: Turn | None = None
            for step in test.steps:
                if step.clock is not None:
                    sim.now = sim.now + parse_offset(step.clock)
                    continue
                turn = perform(sim, step.key)
                if turn.speech:
                    yield Measured(
                        f"{path.name}: {test.name}", step.key, words(turn.speech), turn.speech,
                        _urgent(turn), _first_answer(before, turn), not _open(before),
                        _warning(before, turn),
                    )
                before = turn


def measure_paraphrases(path: Path = PARAPHRASES) -> list[Measured]:
    """The evaluation set: each paraphrase said once, right after the launch, in its locale."""
    found = []
    with tempfile.TemporaryDirectory() as tmp:
        for index, (locale, case) in enumerate(load_paraphrases(path)):
            sim = Simulator(locale=locale, now=EVAL_NOW, store=Path(tmp) / f"{index}.db")
            before = sim.launch()
            turn = sim.say(str(case["text"]))
            found.append(Measured(
                f"{path.name}: {locale}", str(case["text"]), words(turn.speech), turn.speech,
                _urgent(turn), _first_answer(before, turn), False, _warning(before, turn),
            ))
    return found


def measure(paths: Iterable[Path] | None = None) -> list[Measured]:
    """Every reply of every conversation test."""
    files = sorted(paths) if paths is not None else sorted(DIALOGS.glob("*.yaml"))
    return [m for path in files for m in measure_file(path)]


def percentile(values: list[int], share: float) -> int:
    """The nearest-rank percentile: the smallest value at least `share` of values reach."""
    ordered = sorted(values)
    rank = max(1, math.ceil(share * len(ordered)))
    return ordered[rank - 1]


def _apart(m: Measured) -> bool:
    """A first answer led by the opening (greeting, disclaimer), or urgent advice."""
    return m.opening or m.urgent


def figures(measured: list[Measured], longest: int = 5) -> Figures:
    """The summary a person reads: median, p95, the longest replies, and what breaks a target."""
    counts = [m.words for m in measured]
    ranked = sorted(measured, key=lambda m: m.words, reverse=True)
    return Figures(
        replies=len(counts),
        median=statistics.median(counts) if counts else 0.0,
        p95=percentile(counts, 0.95) if counts else 0,
        longest=tuple(ranked[:longest]),
        over_max=tuple(m for m in ranked if m.words > MAX_TARGET and not m.urgent),
        first_answers=tuple(m for m in ranked if m.first_answer and not _apart(m)),
        other_first_answers=tuple(m for m in ranked if m.first_answer and _apart(m)),
        longest_wait=next((m for m in ranked if not m.urgent), None),
        over_wait=tuple(m for m in ranked if m.words > WAIT_WORDS and not m.urgent),
    )


def seconds(m: Measured) -> float:
    """How long a reply takes to hear at Alexa's pace."""
    return m.words * SECONDS_PER_WORD
