"""Slots as Alexa sends them: every declared slot present, filled ones with entity resolution."""

from __future__ import annotations

from datetime import date
from typing import Any

from skill.simulator.model import Model, value_key
from skill.simulator.nlu import SlotFill
from skill.simulator.spot import builtin_value

AUTHORITY = "amzn1.er-authority.echo-sdk.{skill_id}.{type}"


def slot_json(name: str, fill: SlotFill | None, skill_id: str) -> dict[str, Any]:
    """One slot object; unfilled slots carry only name and confirmationStatus."""
    slot: dict[str, Any] = {"name": name, "confirmationStatus": "NONE"}
    if fill is None:
        return slot
    slot["value"] = fill.value
    resolutions = _resolutions(fill, skill_id)
    if resolutions is not None:
        slot["resolutions"] = resolutions
    slot["source"] = "USER"
    slot["slotValue"] = {"type": "Simple", "value": fill.value}
    if resolutions is not None:
        slot["slotValue"]["resolutions"] = resolutions
    return slot


def _resolutions(fill: SlotFill, skill_id: str) -> dict[str, Any] | None:
    """The resolutionsPerAuthority block for a custom type; built-in types have none."""
    if fill.resolved is None:
        return None
    authority: dict[str, Any] = {
        "authority": AUTHORITY.format(skill_id=skill_id, type=fill.type),
        "status": {"code": "ER_SUCCESS_MATCH" if fill.resolved else "ER_SUCCESS_NO_MATCH"},
    }
    if fill.resolved:
        authority["values"] = [{"value": {"name": v.name, "id": v.id}} for v in fill.resolved]
    return {"resolutionsPerAuthority": [authority]}


def intent_slots(
    model: Model | None, intent: str, fills: dict[str, SlotFill], skill_id: str
) -> dict[str, dict[str, Any]]:
    """All slots the model declares for the intent (plus any filled ones it does not)."""
    declared = list(model.intents.get(intent, {})) if model else []
    names = declared + [n for n in fills if n not in declared]
    return {name: slot_json(name, fills.get(name), skill_id) for name in names}


def resolve(
    model: Model | None, intent: str, name: str, value: str, today: date | None = None
) -> SlotFill:
    """A slot given by hand, resolved as Alexa would: an id, value name or synonym of a custom
    type; spoken words of a built-in type ("fifteen minutes") in Alexa's form (PT15M)."""
    slot_type = model.intents.get(intent, {}).get(name, "") if model else ""
    if model is None or slot_type not in model.types:
        spoken = builtin_value(slot_type, value, today or date.today())
        return SlotFill(name, slot_type, spoken or value, None)
    for candidate in model.types[slot_type]:
        if value in (candidate.id, candidate.name):
            return SlotFill(name, slot_type, candidate.name, (candidate,))
    entries = model.values.get(value_key(value), ())
    matches = tuple(v for t, v in entries if t == slot_type)
    return SlotFill(name, slot_type, value, matches)
