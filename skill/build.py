"""Assembles the CustomSkill (placeholder wiring; the real handlers land with issue 2)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.skill import CustomSkill
from ask_sdk_core.skill_builder import SkillBuilder
from ask_sdk_model import RequestEnvelope, Response

from skill.config import Settings, load_settings


class _AnyRequest(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return True

    def handle(self, handler_input: HandlerInput) -> Response:
        return handler_input.response_builder.speak("Hip Helper is being built.").response


def build_skill(settings: Settings | None = None) -> CustomSkill:
    """Build the skill object shared by Lambda, the web service and the simulator."""
    settings = settings or load_settings()
    builder = SkillBuilder()
    builder.add_request_handler(_AnyRequest())
    return builder.create()


def make_lambda_handler(skill: CustomSkill) -> Callable[[dict[str, Any], Any], dict[str, Any]]:
    """Wrap one long-lived skill object (the SDK's own wrapper rebuilds it on every call)."""

    def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
        envelope = skill.serializer.deserialize(payload=_dumps(event), obj_type=RequestEnvelope)
        response = skill.invoke(request_envelope=envelope, context=context)
        return skill.serializer.serialize(response)  # type: ignore[no-any-return]

    return lambda_handler


def _dumps(event: dict[str, Any]) -> str:
    import json

    return json.dumps(event)
