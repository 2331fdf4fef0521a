"""Assembles the CustomSkill from the feature handlers, for Lambda, Flask and the simulator."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from ask_sdk_core.skill import CustomSkill
from ask_sdk_core.skill_builder import CustomSkillBuilder
from ask_sdk_model import RequestEnvelope
from ask_sdk_model.services import ApiClient

from skill.alexa.deferred import LazyApiClient, LazyStore
from skill.alexa.handlers import (
    builtins,
    care,
    common,
    events,
    fulfil,
    launch,
    navigation,
    privacy,
    safety,
    symptoms,
)
from skill.alexa.memory_access import MemoryInterceptor
from skill.config import Settings, load_settings
from skill.content import get_content
from skill.core.speech import render
from skill.core.state import Line, Reply, State

# Order matters: specific features first, the catch-alls in `events` last.
FEATURES = (fulfil, launch, symptoms, safety, care, privacy, navigation, builtins, events)


def build_skill(
    settings: Settings | None = None, preload: bool = True, api_client: ApiClient | None = None
) -> CustomSkill:
    """Build the skill object; with preload, content is parsed now so a bad file fails at start.

    `api_client` replaces the HTTP client for Alexa's APIs (the simulator's local stand-ins).
    """
    settings = settings or load_settings()
    if preload:
        get_content()
    # No SDK persistence adapter: its whole-record save loses updates and can undo a "forget me".
    # Memory goes through the store port instead (skill/alexa/memory_access.py).
    builder = CustomSkillBuilder(api_client=api_client or LazyApiClient())
    builder.add_global_request_interceptor(MemoryInterceptor(LazyStore(settings)))
    for feature in FEATURES:
        for handler in feature.HANDLERS:
            builder.add_request_handler(handler)
    builder.add_exception_handler(common.ApologyHandler())
    return builder.create()


def make_lambda_handler(skill: CustomSkill) -> Callable[[dict[str, Any], Any], dict[str, Any]]:
    """Wrap one long-lived skill object (the SDK's own wrapper rebuilds it on every call)."""

    def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
        envelope = skill.serializer.deserialize(payload=json.dumps(event), obj_type=RequestEnvelope)
        response = skill.invoke(request_envelope=envelope, context=context)
        return skill.serializer.serialize(response)  # type: ignore[no-any-return]

    return lambda_handler


def apology_response(locale: str) -> dict[str, Any]:
    """A complete response envelope that apologises, for faults outside the skill's handlers."""
    again = Line("dialog.reask_error")
    reply = Reply((Line("dialog.error"),), again, again, None, False, State())
    rendered = render(reply, get_content(), locale)
    return {
        "version": "1.0",
        "sessionAttributes": {},
        "response": {
            "outputSpeech": {"type": "SSML", "ssml": rendered.ssml},
            "reprompt": {"outputSpeech": {"type": "SSML", "ssml": rendered.reprompt_ssml}},
            "shouldEndSession": False,
        },
    }
