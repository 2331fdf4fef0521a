"""One rule for a slot's id, on the request JSON both the adapter and the simulator read."""

from __future__ import annotations

from skill.core.intents import resolved_id


def _slot(code: str | None, value: str = "outer hip") -> dict[str, object]:
    if code is None:
        return {"name": "location", "value": value}
    values = [{"value": {"name": "the outside of the hip", "id": "outer_hip"}}]
    return {"name": "location", "value": value, "resolutions": {"resolutionsPerAuthority": [
        {"authority": "amzn1.er-authority.echo-sdk.x.HipLocation", "status": {"code": code},
         **({"values": values} if code == "ER_SUCCESS_MATCH" else {})}]}}


def test_a_matched_slot_gives_its_entity_resolution_id() -> None:
    assert resolved_id(_slot("ER_SUCCESS_MATCH")) == "outer_hip"


def test_an_unmatched_slot_gives_no_id_though_a_value_was_heard() -> None:
    assert resolved_id(_slot("ER_SUCCESS_NO_MATCH", "my funny bone")) is None


def test_a_built_in_slot_without_resolutions_gives_the_value_as_said() -> None:
    assert resolved_id(_slot(None, "three days")) == "three days"
    assert resolved_id({"name": "duration"}) is None
