"""Dialog directives: the next utterance answers an ElicitSlot, ConfirmSlot or ConfirmIntent.

Alexa remembers the directive and sends the answer as the same intent, slots merged, with
`dialogState: IN_PROGRESS`; a first request for an intent the model's `dialog` section lists has
`dialogState: STARTED`. Dialog.Delegate (Alexa prompting from the model itself) is not simulated:
the simulator shows the directive and the skill's next request starts afresh.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from skill.simulator.envelope import intent_json
from skill.simulator.model import Model

YES, NO = "AMAZON.YesIntent", "AMAZON.NoIntent"
_ANSWERED = {"ElicitSlot", "ConfirmSlot", "ConfirmIntent"}


@dataclass(frozen=True)
class Pending:
    """A dialog directive waiting for the user's answer."""

    kind: str  # ElicitSlot, ConfirmSlot or ConfirmIntent
    intent: dict[str, Any]  # the (updated) intent the answer belongs to
    slot: str | None = None

    @property
    def intent_name(self) -> str:
        """The intent the answer is expected to continue."""
        return str(self.intent.get("name", ""))


def pending_from(response: dict[str, Any], request: dict[str, Any]) -> Pending | None:
    """The dialog directive in a response, remembered for the next turn."""
    for directive in (response.get("response") or {}).get("directives") or []:
        kind = str(directive.get("type", "")).removeprefix("Dialog.")
        if kind not in _ANSWERED:
            continue
        intent = directive.get("updatedIntent") or request.get("request", {}).get("intent")
        if not intent:
            return None
        slot = directive.get("slotToElicit") or directive.get("slotToConfirm")
        return Pending(kind, copy.deepcopy(intent), slot)
    return None


def answer_pending(
    pending: Pending | None, name: str, slots: dict[str, dict[str, Any]], model: Model | None
) -> tuple[dict[str, Any], str | None]:
    """The intent to send and its dialogState, given what the NLU heard."""
    if pending is not None:
        answered = _answer(pending, name, slots)
        if answered is not None:
            return answered, "IN_PROGRESS"
    return intent_json(name, slots), _started(model, name)


def _answer(
    pending: Pending, name: str, slots: dict[str, dict[str, Any]]
) -> dict[str, Any] | None:
    """Merge the answer into the pending intent, or None if the user changed the subject."""
    intent = copy.deepcopy(pending.intent)
    intent.setdefault("confirmationStatus", "NONE")
    merged = intent.setdefault("slots", {})
    if pending.kind == "ElicitSlot" and name == pending.intent_name:
        for key, slot in slots.items():
            if "value" in slot or key not in merged:
                merged[key] = slot
        return intent
    if name not in (YES, NO) or pending.kind == "ElicitSlot":
        return None  # a yes or a no to an elicited slot is its own intent, not a confirmation
    status = "CONFIRMED" if name == YES else "DENIED"
    if pending.kind == "ConfirmIntent":
        intent["confirmationStatus"] = status
    elif pending.slot and pending.slot in merged:
        merged[pending.slot]["confirmationStatus"] = status
    else:
        return None
    return intent


def _started(model: Model | None, name: str) -> str | None:
    """STARTED for intents the model's dialog section manages, else no dialogState at all."""
    if model is None:
        return None
    managed = {i.get("name") for i in model.dialog.get("intents", [])}
    return "STARTED" if name in managed else None
