"""One step of a scripted or typed conversation: an utterance, a request type, or an exact intent.

Shared by the dialog test runner and `chat`, so both accept the same things:
`LaunchRequest`, `SessionEndedRequest`, `IntentName slot=value ...` (e.g. `AMAZON.YesIntent`,
`RedFlagIntent flag=fever`, `IceReminderIntent duration="fifteen minutes"`) or plain words.
"""

from __future__ import annotations

import re
import shlex
from datetime import timedelta

from skill.simulator.simulator import Simulator
from skill.simulator.turn import Turn

_INTENT_NAME = re.compile(r"^(AMAZON\.[A-Za-z]+|[A-Z][A-Za-z0-9_]*Intent)$")
_OFFSET = re.compile(r"^\s*([+-]?)\s*(\d+(?:\.\d+)?)\s*(s|m|min|h|d|w)\w*\s*$", re.IGNORECASE)
_UNITS = {"s": "seconds", "m": "minutes", "min": "minutes", "h": "hours", "d": "days",
          "w": "weeks"}


def parse_intent_step(key: str) -> tuple[str, dict[str, str]] | None:
    """ "RedFlagIntent flag=fever" -> ("RedFlagIntent", {"flag": "fever"}); None for plain words."""
    try:
        parts = shlex.split(key)
    except ValueError:
        return None
    if not parts or not _INTENT_NAME.match(parts[0]):
        return None
    slots: dict[str, str] = {}
    for part in parts[1:]:
        name, sep, value = part.partition("=")
        if not sep or not name:
            return None
        slots[name] = value
    return parts[0], slots


def perform_intent(sim: Simulator, name: str, slots: dict[str, str]) -> Turn:
    """Send an exact intent, as Bespoken's `intent:` input does."""
    return sim.intent(name, **slots)


def perform(sim: Simulator, key: str, slots: dict[str, str] | None = None) -> Turn:
    """Send one step to the simulator; extra slots join an `IntentName slot=value` step."""
    text = key.strip()
    if text == "LaunchRequest":
        return sim.launch()
    if text == "SessionEndedRequest":
        return sim.end()
    exact = parse_intent_step(text)
    if exact is not None:
        return sim.intent(exact[0], **{**exact[1], **(slots or {})})
    return sim.say(text)


def parse_offset(text: str) -> timedelta:
    """ "+2d", "90m", "-1h", "+1w" -> a timedelta, for moving the simulator's clock."""
    match = _OFFSET.match(str(text))
    if not match:
        raise ValueError(f"not a clock offset: {text!r} (use e.g. +2d, +90m, +1h, +1w)")
    sign, amount, unit = match.groups()
    unit = unit.lower()
    try:
        delta = timedelta(**{_UNITS["min" if unit.startswith("min") else unit[0]]: float(amount)})
    except OverflowError:
        raise ValueError(f"clock offset too large: {text!r}") from None
    return -delta if sign == "-" else delta
