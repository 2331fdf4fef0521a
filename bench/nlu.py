"""The local NLU's time per utterance; the skill's cost per request against a bare ask-sdk skill.

NLU: every paraphrase in tests/nlu/paraphrases.yaml (every sample, filled, if the file is absent),
understood ROUNDS times; the median and p95 per utterance (target: median under 2 ms).
Skill: the envelopes of a scripted conversation, recorded once through the Simulator, then sent
in the same process to the production build (`build_skill` + `make_lambda_handler`, memory in a
temporary SQLite file) and to a one-handler ask-sdk-core skill wrapped the same way
(deserialize, invoke, serialize), so the difference is our own work.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.skill_builder import SkillBuilder
from ask_sdk_model import RequestEnvelope, Response

from skill.simulator.evaluate import EVAL_NOW, PARAPHRASES, load_paraphrases, sample_utterances
from skill.simulator.model import load_model
from skill.simulator.nlu import understand
from skill.simulator.simulator import Simulator, default_handler, model_path

ROUNDS = 5
CONVERSATION = (
    "open hip helper", "my outer hip hurts when I lie on it", "no", "no", "yes", "yes",
    "next", "what is bursitis", "should I use ice or heat", "help", "stop",
)
Handler = Callable[[dict[str, Any], Any], dict[str, Any]]


def utterances() -> list[tuple[str, str]]:
    """(locale, text) to time: the paraphrases, else every model's filled samples."""
    if PARAPHRASES.exists():
        return [(loc, case["text"]) for loc, case in load_paraphrases(PARAPHRASES)]
    return [(p.stem, text) for p in sorted(model_path("en-US").parent.glob("*-*.json"))
            for _, text, _ in sample_utterances(load_model(p))]


def time_nlu(cases: list[tuple[str, str]]) -> list[float]:
    """Seconds per understanding, each case ROUNDS times, models compiled beforehand."""
    models = {loc: load_model(model_path(loc)) for loc in {loc for loc, _ in cases}}
    today = EVAL_NOW.date()
    timings: list[float] = []
    for _ in range(ROUNDS):
        for locale, text in cases:
            start = time.perf_counter()
            understand(models[locale], text, today)
            timings.append(time.perf_counter() - start)
    return timings


def record_envelopes(real: Handler) -> list[dict[str, Any]]:
    """The request envelopes of one scripted conversation with the real skill."""
    seen: list[dict[str, Any]] = []

    def recording(event: dict[str, Any], context: Any) -> dict[str, Any]:
        seen.append(json.loads(json.dumps(event)))
        return real(event, context)

    sim = Simulator(now=EVAL_NOW, handler=recording)
    for text in CONVERSATION:
        sim.say(text)
    return seen


class _Constant(AbstractRequestHandler):  # type: ignore[misc]
    """The least a skill can do: answer every request with the same words."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return True

    def handle(self, handler_input: HandlerInput) -> Response:
        return handler_input.response_builder.speak("Hello.").ask("Hello?").response


def bare_handler() -> Handler:
    """A one-handler ask-sdk-core skill behind the same deserialize-invoke-serialize wrapper."""
    builder = SkillBuilder()
    builder.add_request_handler(_Constant())
    skill = builder.create()

    def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
        envelope = skill.serializer.deserialize(json.dumps(event), RequestEnvelope)
        return skill.serializer.serialize(skill.invoke(request_envelope=envelope, context=context))  # type: ignore[no-any-return]

    return handler


def time_paired(handlers: list[Handler], envelopes: list[dict[str, Any]]) -> list[float]:
    """Median seconds per request for each handler, taking turns on every envelope.

    Interleaving gives each handler the same share of a noisy machine's slow moments, so the
    ratio between them is steadier than timing one after the other.
    """
    for handler in handlers:
        for envelope in envelopes:
            handler(envelope, None)
    timings: list[list[float]] = [[] for _ in handlers]
    for _ in range(ROUNDS * 10):
        for envelope in envelopes:
            for handler, bucket in zip(handlers, timings, strict=True):
                start = time.perf_counter()
                handler(envelope, None)
                bucket.append(time.perf_counter() - start)
    return [statistics.median(bucket) for bucket in timings]


def main() -> int:
    """Print the NLU's and the skill's figures."""
    cases = utterances()
    source = "paraphrases" if PARAPHRASES.exists() else "filled samples (no paraphrase file)"
    nlu = sorted(time_nlu(cases))
    median = statistics.median(nlu)
    print(f"NLU over {len(cases)} {source}, {ROUNDS} rounds")
    print(f"  median {median * 1000:6.3f} ms   p95 {nlu[int(len(nlu) * 0.95)] * 1000:6.3f} ms"
          f"   (target: median < 2 ms)")
    with tempfile.TemporaryDirectory() as tmp:  # the skill's memory, kept out of var/
        stored = default_handler(Path(tmp) / "memory.db")
        envelopes = record_envelopes(stored)
        bare, without, with_store = time_paired(
            [bare_handler(), default_handler(""), stored], envelopes
        )
    print(f"skill per request over {len(envelopes)} envelopes of one conversation (median)")
    print(f"  bare ask-sdk-core skill  {bare * 1000:6.3f} ms")
    print(f"  hip helper, no store     {without * 1000:6.3f} ms   ({without / bare:.2f}x,"
          " target <= 1.3x)")
    print(f"  hip helper, SQLite store {with_store * 1000:6.3f} ms   ({with_store / bare:.2f}x,"
          " target <= 1.3x)")
    return 0 if median < 0.002 else 1


if __name__ == "__main__":
    sys.exit(main())
