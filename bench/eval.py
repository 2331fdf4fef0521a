"""`make eval`: how well the skill understands real people's wording, on eval/dev and eval/test.

Every item is played through the Simulator, the production path a device would take: the
skill is brought to the question the item answers (the complaint, a safety question, "anything
else?"), the person's words are said, and what the skill did is compared with the label.

The test part is frozen: this prints only its figures, never its sentences. `--failures` lists
the dev items the skill got wrong, to improve against.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

# Every item is a first visit: the production entry point without memory, so no item hears
# "welcome back" from another and nothing is written to var/.
os.environ["SKILL_DB_PATH"] = ""

from skill.content import get_content
from skill.core.reader.read import read
from skill.simulator import Simulator

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "eval"
SEVERITY = {None: 0, "none": 0, "self_care": 0, "see_provider": 1, "urgent": 2}
COMPLAINT = "my outer hip hurts when I lie on it"
# A person speaking for someone else says whose pain it is from the start.
HELPER_COMPLAINT = "her outer hip hurts when she lies on it"
# What to say to move past a question that is not the one an item answers.
DRIVE = {"separate": "I'm not sure", "location": "the outside of my hip",
         "offer_care": "no", "care_step": "stop", "describe": COMPLAINT}
SAFETY_ORDER = ("fever", "injury", "weight")
SAFE_REPLY = {"fever": "no", "injury": "no", "weight": "yes"}


@dataclass
class Outcome:
    """What the skill did with one item."""

    item: dict[str, Any]
    triage: str
    first_condition: str | None = None
    condition: str | None = None
    answer: str | None = None
    replies: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)


def load(split: str) -> list[dict[str, Any]]:
    """Every item of one split, from all its files."""
    items: list[dict[str, Any]] = []
    for path in sorted((EVAL / split).glob("*.yaml")):
        items += yaml.safe_load(path.read_text(encoding="utf-8"))["items"]
    return items


def play(item: dict[str, Any], one_shot: bool = False) -> Outcome:
    """One item through the Simulator, from a fresh conversation; `one_shot`: an opening turn
    is said with the invocation ("ask hip helper ..."), as from the sofa, not after a launch."""
    sim = Simulator(locale=item.get("locale", "en-US"))
    worst, first, condition, answer, replies = 0, None, None, None, []
    opens = (item["turns"][0].get("pending") or "open") == "open"
    turn = None if one_shot and opens else sim.launch()
    for index, step in enumerate(item["turns"]):
        if turn is None:  # the one-shot opening
            pending, turn = "", sim.say(f"ask hip helper {step['text']}")
        else:
            complaint = HELPER_COMPLAINT if item.get("speaker") == "helper" else COMPLAINT
            turn = _reach(sim, turn, step.get("pending") or "open", complaint)
            if turn is None:
                break
            pending = str(turn.session_attributes.get("pending") or "")
            turn = sim.say(str(step["text"]))
        replies.append(turn.speech)
        attrs = turn.session_attributes
        worst = max(worst, SEVERITY.get(attrs.get("triage"), 0))
        if index == 0:
            first = attrs.get("condition")
        if index < 2 and condition != item["expect"].get("condition"):
            condition = attrs.get("condition") or condition  # named right within two turns
        if pending.startswith("safety:"):
            answer = _answer_seen(pending.split(":")[1], turn)
        if turn.end_session:
            break
    want = item["expect"].get("condition")
    if want and len(item["turns"]) == 1 and condition != want and not turn.end_session:
        answer_text = _goal_answer(turn, want)  # the person answers the follow-up question
        if answer_text is not None:  # what the skill then says counts, as in the conversation
            attrs = sim.say(answer_text).session_attributes
            condition = attrs.get("condition") or condition
            worst = max(worst, SEVERITY.get(attrs.get("triage"), 0))
    label = {0: "none", 1: "see_provider", 2: "urgent"}[worst]
    flags = list(turn.session_attributes.get("flags") or []) if turn is not None else []
    return Outcome(item, label, first, condition, answer, replies, flags)


def _reach(sim: Simulator, turn: Any, target: str, complaint: str = COMPLAINT) -> Any:
    """Say what a person would until the skill asks the item's question (at most 8 turns);
    `complaint` is how they first describe the pain, theirs or the person they help."""
    for _ in range(8):
        pending = str(turn.session_attributes.get("pending") or "")
        kind, _, ident = pending.partition(":")
        if target in ("open", "follow_up") and kind in ("describe", "location", "separate"):
            return turn
        if target in SAFETY_ORDER and kind == "safety" and ident == target:
            return turn
        if target in ("anything_else", "follow_up") and kind == "anything_else":
            return turn
        if turn.end_session or kind == "after_urgent":
            return None if target != "open" else turn
        if kind == "safety":
            turn = sim.say(SAFE_REPLY.get(ident, "no"))
        elif kind == "describe" and target == "open":
            return turn
        else:
            turn = sim.say(complaint if kind == "describe" or not pending
                           else DRIVE.get(kind, "no"))
    return None


def _goal_answer(turn: Any, want: str) -> str | None:
    """What a person whose pain is `want` says to the skill's follow-up question.

    A one-sentence item cannot answer the question that separates two near-equal fits, so
    the person is simulated as they would answer it: the option their condition has (from
    its features in content/), in the words the skill uses for it, or "I'm not sure" when
    none or several fit. Asked where it hurts, they name their condition's first place.
    """
    content = get_content()
    pending = str(turn.session_attributes.get("pending") or "")
    kind, _, ident = pending.partition(":")
    condition = content.conditions[want]
    if kind == "location":
        places = sorted(condition.features.get("location", ()))
        return content.features["location"].labels[places[0]] if places else "I'm not sure"
    if kind != "separate" or ident not in content.questions:
        return None
    question = content.questions[ident]
    has = condition.features.get(question.group, frozenset())
    fitting = [o for o in question.options if o in has]
    if len(fitting) != 1:
        return "I'm not sure"
    return content.features[question.group].labels[fitting[0]]


def _answer_seen(question: str, turn: Any) -> str:
    """How the skill took the answer: safe, flag, or unsure (asked again)."""
    attrs = turn.session_attributes
    if (attrs.get("safety") or {}).get(question) == "safe":
        return "safe"
    if attrs.get("triage") == "urgent" or (attrs.get("safety") or {}).get(question) == "unsafe":
        return "flag"
    return "unsure"


def score(outcomes: list[Outcome]) -> dict[str, Any]:
    """The figures the issue asks for, and per class."""
    def rate(hits: Iterable[bool]) -> tuple[float, int]:
        values = list(hits)
        return (sum(values) / len(values) if values else float("nan")), len(values)

    def expected(o: Outcome) -> str:
        return str(o.item["expect"]["triage"])

    urgent = rate(o.triage == "urgent" for o in outcomes if expected(o) == "urgent")
    provider = rate(SEVERITY[o.triage] >= 1 for o in outcomes if expected(o) == "see_provider")
    benign = rate(o.triage != "none" for o in outcomes if expected(o) == "none")
    named = [o for o in outcomes if o.item["expect"].get("condition")]
    first = rate(o.first_condition == o.item["expect"]["condition"] for o in named)
    two = rate(o.condition == o.item["expect"]["condition"] for o in named)
    answered = [o for o in outcomes if o.item["expect"].get("answer")]
    answers = rate(o.answer == o.item["expect"]["answer"] for o in answered)
    classes: dict[str, list[bool]] = defaultdict(list)
    for o in outcomes:
        classes[o.item["class"]].append(_right(o))
    return {"urgent recall": urgent, "see-a-doctor recall": provider,
            "benign escalated": benign, "condition, first turn": first,
            "condition, within two turns": two, "safety answers read right": answers,
            "classes": {name: rate(hits) for name, hits in sorted(classes.items())}}


def _right(o: Outcome) -> bool:
    """The item as a whole: triage at the right level, condition and answer where labelled."""
    want = o.item["expect"]
    ok = SEVERITY[o.triage] == SEVERITY[want["triage"]]
    if want.get("condition"):
        ok = ok and o.condition == want["condition"]
    if want.get("answer"):
        ok = ok and o.answer == want["answer"]
    return ok


def reader_cost(items: list[dict[str, Any]]) -> float:
    """The reader's median time per utterance, in milliseconds."""
    content = get_content()
    levels = content.flag_levels()
    texts = [(str(t["text"]), item.get("locale", "en-US")) for item in items for t in item["turns"]]
    times = []
    for _ in range(3):
        for text, locale in texts:
            vocab = content.vocabulary(locale)
            assert vocab is not None
            start = time.perf_counter()
            read(text, vocab, levels, date(2026, 12, 1))
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def report(split: str, figures: dict[str, Any], count: int) -> None:
    """Print one split's figures."""
    print(f"{split}: {count} items")
    for name, value in figures.items():
        if name == "classes":
            continue
        share, n = value
        print(f"  {name:<30} {share:6.2f}  (of {n})")
    print("  by class (whole item right):")
    for name, (share, n) in figures["classes"].items():
        print(f"    {name:<20} {share:6.2f}  (of {n})")


def failures(outcomes: list[Outcome]) -> None:
    """The dev items the skill got wrong, with what it did."""
    for o in outcomes:
        if _right(o):
            continue
        want = o.item["expect"]
        said = " / ".join(str(t["text"]) for t in o.item["turns"])
        print(f"- {o.item['id']} [{o.item['class']}] {said[:160]}")
        print(f"    want triage={want['triage']} condition={want.get('condition')} "
              f"answer={want.get('answer')}; got triage={o.triage} condition={o.condition} "
              f"answer={o.answer} flags={','.join(o.flags)}")
        if o.replies:
            print(f"    said: {o.replies[-1][:160]}")


def main(argv: list[str] | None = None) -> int:
    """Evaluate dev and test; --failures lists what dev got wrong."""
    parser = argparse.ArgumentParser(prog="make eval", description=__doc__)
    parser.add_argument("--failures", action="store_true", help="list dev items gotten wrong")
    parser.add_argument("--split", choices=("dev", "test", "both"), default="both")
    args = parser.parse_args(argv)
    splits = ("dev", "test") if args.split == "both" else (args.split,)
    everything = []
    for split in splits:
        items = load(split)
        everything += items
        outcomes = [play(item) for item in items]
        report(split, score(outcomes), len(items))
        shots = score([play(item, one_shot=True) for item in items])
        print("  the opening said as a one-shot (\"ask hip helper ...\"):")
        for name in ("urgent recall", "see-a-doctor recall", "benign escalated",
                     "condition, first turn"):
            share, n = shots[name]
            print(f"    {name:<28} {share:6.2f}  (of {n})")
        if args.failures and split == "dev":
            failures(outcomes)
    print(f"reader: median {reader_cost(everything):.3f} ms per utterance (target < 2 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
