"""The conversation's state and the pure core's reply, as plain data for session attributes."""

from __future__ import annotations

import json
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, NamedTuple

# Immutable records are NamedTuples: as safe as frozen dataclasses, far cheaper to define at
# import (which every Lambda cold start pays) and to copy on every turn.
_EMPTY: Mapping[str, Any] = MappingProxyType({})

# Session attribute keys other tools rely on (design.md, section 3).
CONDITION = "condition"
TRIAGE = "triage"

# What the skill is waiting for; the part after ':' names the question.
PENDING_DESCRIBE = "describe"
PENDING_LOCATION = "location"
PENDING_SEPARATE = "separate"
PENDING_SAFETY = "safety"
PENDING_OFFER = "offer_care"
PENDING_STEP = "care_step"
PENDING_URGENT = "after_urgent"
PENDING_MORE = "anything_else"
PENDING_ONSET = "onset"
PENDING_SWELLING = "swelling"
PENDING_CHECK_IN = "check_in"
PENDING_FORGET = "forget"

# Where the skill asks for the person's own words (Dialog.ElicitSlot of the free-speech slot):
# the open questions. Yes-or-no offers and step navigation stay with Alexa's built-in intents.
FREE_SPEECH_KINDS = frozenset({
    PENDING_DESCRIBE, PENDING_LOCATION, PENDING_SEPARATE, PENDING_SAFETY, PENDING_CHECK_IN,
    PENDING_MORE, PENDING_SWELLING, PENDING_ONSET, PENDING_OFFER, PENDING_STEP,
})

# Actions the handler carries out for the pure core (Alexa APIs, the memory store).
ACTION_TIMER = "timer"
ACTION_REMINDER = "reminder"
ACTION_FORGET = "forget"


class Line(NamedTuple):
    """One piece of speech: a content key and the values for its placeholders."""

    key: str
    params: Mapping[str, str] = _EMPTY


class Card(NamedTuple):
    title: Line
    body: tuple[Line, ...]


class Reply(NamedTuple):
    """What to say, what to ask (and re-ask), what to show, and the state to keep."""

    lines: tuple[Line, ...]
    ask: Line | None
    reask: Line | None
    card: Card | None
    end: bool
    state: State
    action: Mapping[str, str] | None = None

    def to_dict(self) -> dict[str, Any]:
        """The reply minus its state and action, to be kept for 'repeat' (which never acts)."""

        def line(value: Line | None) -> Any:
            """A line as its key alone, or [key, params]: compact, it travels every turn."""
            if value is None:
                return None
            return [value.key, dict(value.params)] if value.params else value.key

        card = self.card
        return {
            "lines": [line(x) for x in self.lines],
            "ask": line(self.ask),
            "reask": line(self.reask),
            "card": {"title": line(card.title), "body": [line(x) for x in card.body]}
            if card
            else None,
            "end": self.end,
        }

    def to_json(self) -> str:
        """The kept reply as one compact string."""
        return _COMPACT.encode(self.to_dict())

    @staticmethod
    def from_json(text: str, state: State) -> Reply | None:
        """Rebuild a kept reply around the current state; None if it cannot be read."""
        try:
            return Reply.from_dict(json.loads(text), state)
        except (ValueError, KeyError, TypeError, AttributeError):
            return None

    @staticmethod
    def from_dict(data: Mapping[str, Any], state: State) -> Reply:
        """Rebuild a kept reply around the current state."""

        def line(d: Any) -> Line:
            return Line(d) if isinstance(d, str) else Line(d[0], dict(d[1]))

        def maybe(d: Any) -> Line | None:
            return line(d) if d else None

        card = data.get("card")
        return Reply(
            lines=tuple(line(d) for d in data["lines"]),
            ask=maybe(data.get("ask")),
            reask=maybe(data.get("reask")),
            card=Card(line(card["title"]), tuple(line(b) for b in card["body"])) if card else None,
            end=bool(data.get("end")),
            state=state,
        )


class State(NamedTuple):
    """Everything the skill remembers within a session; serialises to session attributes."""

    condition: str | None = None
    triage: str | None = None
    pending: str | None = None
    features: Mapping[str, tuple[str, ...]] = _EMPTY
    asked: tuple[str, ...] = ()
    safety: Mapping[str, str] = _EMPTY
    flags: tuple[str, ...] = ()
    step: int = -1
    deferred: str | None = None
    disclaimer_heard: bool = False
    last: str | None = None  # the last reply as JSON: one string is cheap for the SDK to copy
    # Filled by the handler from the request and the user's memory.
    today: str | None = None
    onset: str | None = None
    # The onset remembered from an earlier session, so self-care has been tried since.
    onset_before: str | None = None
    returning: bool = False
    started: bool = False
    screened: str | None = None
    deferred_args: Mapping[str, str] = _EMPTY
    last_condition: str | None = None
    memory: Mapping[str, Any] = _EMPTY
    memory_epoch: int = 0  # the store's forget version when `memory` was read
    # No recognised speaker: what the account remembers is held back until the person asks.
    withheld: bool = False
    forgotten: bool = False
    # Whose pain it is, once the reader has heard it: someone the person helps, and a child.
    helper: bool = False
    child: bool = False
    own: bool = False  # the person has spoken of their own pain ("my hip", "I")
    replaced: bool = False  # the hip has been replaced: a worn or pinching joint is not named
    # The content keys "tell me more" says next, one per request: lines held back from the last
    # answer, then the detail behind it.
    more: tuple[str, ...] = ()

    def with_(self, **changes: Any) -> State:
        """A copy with some fields changed: state is never mutated in place.

        Several times a turn; NamedTuple._replace rebuilds every field through a map and is
        slower than setting the few that change.
        """
        values = list(self)
        for name, value in changes.items():
            values[_INDEX[name]] = value
        return tuple.__new__(State, values)

    @property
    def pending_kind(self) -> str | None:
        """What sort of answer the skill waits for: 'safety', 'separate', 'offer_care'..."""
        return self.pending.partition(":")[0] if self.pending else None

    @property
    def pending_id(self) -> str:
        """Which question of that sort ('fever', 'groin_or_side'), or '' for none."""
        return self.pending.partition(":")[2] if self.pending else ""

    def to_attributes(self) -> dict[str, Any]:
        """JSON-safe session attributes; `condition` and `triage` stay top-level keys.

        Defaults are left out: smaller attributes are cheaper for the SDK to copy and send.
        """
        data: dict[str, Any] = {}
        for name, value, default in zip(_FIELDS, self, _DEFAULT_VALUES, strict=True):
            if value is None or value == default:
                continue
            convert = _TO_PLAIN.get(name)
            data[name] = convert(value) if convert else value
        return data

    @staticmethod
    def from_attributes(attributes: Mapping[str, Any] | None) -> State:
        """Read session attributes back, ignoring anything unknown or malformed."""
        values = list(_DEFAULT_VALUES)
        try:
            for name, value in (attributes or {}).items():
                index = _INDEX.get(name)
                if index is not None and value is not None:
                    convert = _FROM_PLAIN.get(name)
                    values[index] = convert(value) if convert else value
            return tuple.__new__(State, values)
        except (TypeError, ValueError, AttributeError):
            return State()


# Built once: json.dumps with options builds a new encoder on every call.
_COMPACT = json.JSONEncoder(separators=(",", ":"))
_SORTED = json.JSONEncoder(separators=(",", ":"), sort_keys=True)
_FIELDS = State._fields
_INDEX = {name: i for i, name in enumerate(_FIELDS)}
_DEFAULT_VALUES = tuple(State())
# How the container fields become JSON; `memory` (what was stored) travels as one JSON string,
# cheap for the SDK to deep-copy on every request.
_TO_PLAIN: dict[str, Any] = {
    "features": lambda v: {g: list(ids) for g, ids in v.items()},
    "asked": list,
    "flags": list,
    "more": list,
    "safety": dict,
    "deferred_args": dict,
    "memory": lambda v: _SORTED.encode(dict(v)),
}
# And back, checking shapes: a malformed attribute fails here and the session starts afresh.
_FROM_PLAIN: dict[str, Any] = {
    "features": lambda v: {str(g): tuple(str(i) for i in ids) for g, ids in dict(v).items()},
    "asked": tuple,
    "flags": tuple,
    "more": lambda v: (v,) if isinstance(v, str) else tuple(str(k) for k in v),
    "safety": dict,
    "deferred_args": dict,
    "memory": lambda v: dict(json.loads(v)) if isinstance(v, str) else dict(v),
    "step": int,
    "memory_epoch": int,
}
