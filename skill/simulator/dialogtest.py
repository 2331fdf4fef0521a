"""Running conversation tests: steps through the Simulator, assertions matched Bespoken's way.

Bespoken's matcher (skill-testing-ml `Assertion.evaluateString`), for every key but `speech` and
`repromptSpeech`: the expected text is a case-sensitive pattern searched in the actual value, in
which `*` matches anything and `+ ^ $ ?` are literal; `/regex/flags` is a regular expression;
`undefined` means absent; a list means any of them. `prompt` and `reprompt` are the SSML.

This project's `speech` and `repromptSpeech` read the plain text a person hears, SSML removed:
a case-insensitive substring, `/regex/flags`, `"*"` (anything present), `undefined` (absent).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from jsonpath_ng.ext.parser import parse as parse_jsonpath

from skill.simulator.dialogspec import Assertion, DialogTest, Step
from skill.simulator.envelope import user_id_for
from skill.simulator.simulator import Simulator
from skill.simulator.steps import parse_offset, perform, perform_intent
from skill.simulator.turn import Turn

_REGEX = re.compile(r"^/(.*)/([a-z]*)$", re.DOTALL)
_FLAGS = {"i": re.IGNORECASE, "m": re.MULTILINE, "s": re.DOTALL}
_MISSING = object()
PLAIN_TARGETS = frozenset({"speech", "repromptSpeech"})
SimulatorFactory = Callable[..., Simulator]


class DialogFailure(AssertionError):
    """A step that did not go as written; the message says where, what and what was said."""


def matches(actual: Any, expected: Any) -> bool:
    """Bespoken's matcher: whether a value satisfies an expectation (see the module docstring)."""
    absent = actual is None or actual is _MISSING
    if expected is None or expected == "undefined":
        return absent
    if absent:
        return False
    alternatives = expected if isinstance(expected, list) else [expected]
    return any(_bespoken_one(_js_text(actual), e) for e in alternatives)


def _bespoken_one(actual: str, expected: Any) -> bool:
    if isinstance(expected, str) and expected.startswith("/"):
        body, _, flags = expected[1:].rpartition("/")
        return _search(body, flags, actual)
    pattern = _js_text(expected).strip().replace("*", "(.|\n)*")
    for literal in "+^$?":
        pattern = pattern.replace(literal, "\\" + literal)
    return _search(pattern, "", actual)


def _search(pattern: str, flags: str, actual: str) -> bool:
    """JavaScript's RegExp.test, as far as Python's re agrees; a bad pattern never matches."""
    try:
        return _compiled(pattern, flags).search(actual) is not None
    except re.error:
        return False


def _js_text(value: Any) -> str:
    """A value as JavaScript's `value + ""` writes it, which is what Bespoken compares."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list):
        return ",".join(_js_text(v) for v in value)
    if isinstance(value, dict):
        return "[object Object]"
    return str(value)


def matches_plain(actual: Any, expected: Any) -> bool:
    """The `speech` extension's matcher: plain text, case-insensitive (see the docstring)."""
    if isinstance(expected, list):
        return any(matches_plain(actual, e) for e in expected)
    present = actual is not None and actual is not _MISSING and actual != ""
    if expected == "*":
        return present
    if expected == "undefined" or expected is None:
        return not present
    if not present:
        return False
    regex = _REGEX.match(str(expected))
    if regex:
        return _search(regex.group(1), regex.group(2), str(actual))
    return _squash(str(expected)).lower() in _squash(str(actual)).lower()


@lru_cache(maxsize=1024)
def _compiled(pattern: str, flags: str) -> re.Pattern[str]:
    value = 0
    for flag in flags:
        value |= _FLAGS.get(flag, 0)  # g, u and y change nothing for a single test()
    return re.compile(pattern, value)


def _squash(text: str) -> str:
    return " ".join(text.split())


def actual_value(turn: Turn, target: str) -> Any:
    """What an assertion target refers to in a turn (_MISSING when absent)."""
    card = turn.response.get("response", {}).get("card") or {}
    reprompt = (turn.response.get("response", {}).get("reprompt") or {}).get("outputSpeech") or {}
    simple = {
        "prompt": turn.ssml or None,
        "reprompt": reprompt.get("ssml") or reprompt.get("text"),
        "cardTitle": card.get("title"),
        "cardContent": card.get("content"),
        "cardImageURL": (card.get("image") or {}).get("largeImageUrl"),
        "sessionEnded": turn.response.get("response", {}).get("shouldEndSession"),
        "speech": turn.speech or None,
        "repromptSpeech": turn.reprompt,
        # free speech: also the act the skill's reader made of the words
        "nlu.intent": f"{turn.intent} {turn.read_as}" if turn.read_as else turn.intent,
    }
    if target in simple:
        value = simple[target]
        return _MISSING if value is None else value
    if target.startswith("nlu.slots."):
        return turn.slots.get(target.removeprefix("nlu.slots."), _MISSING)
    if target.startswith("sent."):
        return _jsonpath(turn.request, "$." + target.removeprefix("sent."))
    path = target if target.startswith("$") else "$." + target
    return _jsonpath(turn.response, path)


def _dotted(data: Any, path: str) -> Any:
    for part in path.split("."):
        if isinstance(data, dict) and part in data:
            data = data[part]
        elif isinstance(data, list) and part.isdigit() and int(part) < len(data):
            data = data[int(part)]
        else:
            return _MISSING
    return data


@lru_cache(maxsize=512)
def _path(expression: str) -> Any:
    return parse_jsonpath(expression)


def _jsonpath(data: dict[str, Any], expression: str) -> Any:
    found = [m.value for m in _path(expression).find(data)]
    if not found:
        return _MISSING
    return found[0] if len(found) == 1 else found


def check(turn: Turn, assertion: Assertion) -> str | None:
    """None if the assertion holds, else what went wrong."""
    actual = actual_value(turn, assertion.target)
    matcher = matches_plain if assertion.target in PLAIN_TARGETS else matches
    if matcher(actual, assertion.expected):
        return None
    said = "Alexa said" if assertion.target in ("prompt", "reprompt", *PLAIN_TARGETS) else "it was"
    shown = "(absent)" if actual is _MISSING or actual is None else repr(actual)
    return (f"expected {assertion.target} {_describe(assertion.expected)}\n"
            f"  but {said}: {shown}")


def _describe(expected: Any) -> str:
    if isinstance(expected, list):
        return "to match one of " + ", ".join(_describe(e).removeprefix("to ") for e in expected)
    if expected == "*":
        return "to be present"
    if expected == "undefined" or expected is None:
        return "to be absent"
    if isinstance(expected, str) and _REGEX.match(expected):
        return f"to match {expected}"
    if isinstance(expected, (bool, int, float)):
        return f"to be {_js_text(expected)}"
    return f"to contain {expected!r}"  # for Bespoken's matcher: case-sensitive, * any text


def simulator_for(test: DialogTest, factory: SimulatorFactory = Simulator) -> Simulator:
    """A fresh simulator configured as the test's configuration says."""
    config = test.config
    user = config.get("user")  # a name; Bespoken's userId is the id itself
    user_id = str(config["userId"]) if config.get("userId") else None
    sim = factory(
        locale=str(config.get("locale", "en-US")),
        user_id=user_id or (user_id_for(str(user)) if user else None),
        now=_now(config.get("now")),
        device=str(config.get("device", "screen")),
        skill_id=config.get("skillId") or config.get("applicationId"),
        permissions={str(k): str(v) for k, v in (config.get("permissions") or {}).items()},
    )
    if config.get("clock"):
        sim.now = sim.now + parse_offset(str(config["clock"]))
    return sim


def _now(value: Any) -> datetime | None:
    if value is None:
        return None
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    if moment.tzinfo is None:
        raise ValueError(f"configuration now must include a timezone, e.g. {moment.isoformat()}Z")
    return moment


def run_dialog(test: DialogTest, factory: SimulatorFactory = Simulator) -> list[Turn]:
    """Play a test's steps in order; raise DialogFailure at the first that does not hold."""
    sim = simulator_for(test, factory)
    turns: list[Turn] = []
    for step in test.steps:
        if step.clock is not None:
            sim.now = sim.now + parse_offset(step.clock)
            continue
        turn = play(sim, step)
        turns.append(turn)
        problems = [p for p in (check(turn, a) for a in step.assertions) if p]
        if problems:
            raise DialogFailure(failure_message(test, step, turn, problems))
    return turns


def play(sim: Simulator, step: Step) -> Turn:
    """Send one step as Bespoken would: its intent input if any, its request fields set."""
    sim.request_filter = _setter(step.request_sets) if step.request_sets else None
    try:
        if step.intent is not None:
            return perform_intent(sim, step.intent, dict(step.slots))
        return perform(sim, step.key, dict(step.slots))
    finally:
        sim.request_filter = None


def _setter(sets: tuple[tuple[str, Any], ...]) -> Callable[[dict[str, Any]], None]:
    """Bespoken's request expressions: `request.a.b[0]: v` sets envelope a.b[0] (lodash _.set)."""

    def apply(envelope: dict[str, Any]) -> None:
        for path, value in sets:
            _set_path(envelope, path.split(".", 1)[1] if "." in path else "", value)

    return apply


def _set_path(data: Any, path: str, value: Any) -> None:
    parts = [p for p in re.split(r"\.|\[(\d+)\]", path) if p]
    if not parts:
        return
    node = data
    for part, following in itertools.pairwise(parts):
        key: Any = int(part) if part.isdigit() and isinstance(node, list) else part
        if isinstance(node, dict):
            node = node.setdefault(key, [] if following.isdigit() else {})
        elif isinstance(node, list) and isinstance(key, int) and key < len(node):
            node = node[key]
        else:
            return
    last = parts[-1]
    if isinstance(node, dict):
        node[last] = value
    elif isinstance(node, list) and last.isdigit() and int(last) < len(node):
        node[int(last)] = value


def failure_message(test: DialogTest, step: Step, turn: Turn, problems: list[str]) -> str:
    """Which file, test and step; what was expected; what was said."""
    where = f"{_relative(test.file)}:{step.line}" if step.line else _relative(test.file)
    lines = [f"{where}: test {test.name!r}, step {step.index} {step.key!r} "
             f"(understood as {turn.intent}"
             + (f", read as {turn.read_as})" if turn.read_as else ")")]
    lines += ["  " + problem for problem in problems]
    if not any("Alexa said" in problem for problem in problems):
        lines.append(f"  Alexa said: {turn.speech!r}")
    return "\n".join(lines)


def _relative(path: Path) -> str:
    """The file as the person running the tests would type it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
