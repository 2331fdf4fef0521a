"""Running conversation tests: steps through the Simulator, assertions matched Bespoken's way.

Expected values match as a case-insensitive substring, `/regex/flags`, `"*"` (anything present),
`undefined` (absent), `true`/`false`/numbers (equal), or a list of alternatives (any may match).
"""

from __future__ import annotations

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
from skill.simulator.steps import parse_offset, perform
from skill.simulator.turn import Turn

_REGEX = re.compile(r"^/(.*)/([imsx]*)$", re.DOTALL)
_FLAGS = {"i": re.IGNORECASE, "m": re.MULTILINE, "s": re.DOTALL, "x": re.VERBOSE}
_MISSING = object()
SimulatorFactory = Callable[..., Simulator]


class DialogFailure(AssertionError):
    """A step that did not go as written; the message says where, what and what was said."""


def matches(actual: Any, expected: Any) -> bool:
    """Whether a value satisfies an expectation (see the module docstring)."""
    if isinstance(expected, list):
        return any(matches(actual, e) for e in expected)
    if isinstance(actual, list) and not isinstance(expected, bool):
        return any(matches(a, expected) for a in actual) if actual else matches(None, expected)
    present = actual is not None and actual is not _MISSING and actual != ""
    if expected == "*":
        return present
    if expected == "undefined" or expected is None:
        return not present
    if isinstance(expected, bool):
        return actual is expected or str(actual).lower() == str(expected).lower()
    if isinstance(expected, (int, float)):
        return present and (actual == expected or str(actual) == str(expected))
    if not present:
        return False
    regex = _REGEX.match(str(expected))
    if regex:
        return _compiled(regex.group(1), regex.group(2)).search(_text(actual)) is not None
    return _squash(str(expected)).lower() in _squash(_text(actual)).lower()


@lru_cache(maxsize=1024)
def _compiled(pattern: str, flags: str) -> re.Pattern[str]:
    value = 0
    for flag in flags:
        value |= _FLAGS[flag]
    return re.compile(pattern, value)


def _text(value: Any) -> str:
    """Booleans as YAML writes them; everything else as str."""
    return str(value).lower() if isinstance(value, bool) else str(value)


def _squash(text: str) -> str:
    return " ".join(text.split())


def actual_value(turn: Turn, target: str) -> Any:
    """What an assertion target refers to in a turn (_MISSING when absent)."""
    if target == "prompt":
        return turn.speech
    if target == "reprompt":
        return turn.reprompt
    if target == "cardTitle":
        return turn.card.title if turn.card else None
    if target in ("cardContent", "cardText"):
        return turn.card.text if turn.card else None
    if target == "sessionEnded":
        return turn.end_session
    if target == "intent":  # free speech: also the act the skill's reader made of the words
        return f"{turn.intent} {turn.read_as}" if turn.read_as else turn.intent
    if target.startswith("sessionAttributes."):
        return _dotted(turn.session_attributes, target.removeprefix("sessionAttributes."))
    if target.startswith("slots."):
        return turn.slots.get(target.removeprefix("slots."), _MISSING)
    if target.startswith("request."):
        return _jsonpath(turn.request, "$." + target.removeprefix("request."))
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
    if matches(actual, assertion.expected):
        return None
    said = "Alexa said" if assertion.target in ("prompt", "reprompt") else "it was"
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
        return f"to be {_text(expected)}"
    return f"to contain {expected!r}"


def simulator_for(test: DialogTest, factory: SimulatorFactory = Simulator) -> Simulator:
    """A fresh simulator configured as the test's configuration says."""
    config = test.config
    user = config.get("user") or config.get("userId")
    sim = factory(
        locale=str(config.get("locale", "en-US")),
        user_id=user_id_for(str(user)) if user else None,
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
        turn = perform(sim, step.key)
        turns.append(turn)
        problems = [p for p in (check(turn, a) for a in step.assertions) if p]
        if problems:
            raise DialogFailure(failure_message(test, step, turn, problems))
    return turns


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
