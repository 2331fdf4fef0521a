"""Carries out the pure core's actions with Alexa's APIs: timers, reminders, forgetting."""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from typing import Any

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model.services import ServiceException

from skill.alexa.handlers import remember
from skill.content import Content
from skill.core.action_outcomes import ASKING, DENIED, DONE, FAILED
from skill.core.speech import DEFAULT_LOCALE
from skill.core.state import ACTION_FORGET, ACTION_REMINDER, ACTION_TIMER

log = logging.getLogger("skill")
SCOPES = {
    ACTION_TIMER: "alexa::alerts:timers:skill:readwrite",
    ACTION_REMINDER: "alexa::alerts:reminders:skill:readwrite",
}


def granted(handler_input: HandlerInput, scope: str) -> bool:
    """Whether the person has already given this permission (it arrives with every request)."""
    user = handler_input.request_envelope.context.system.user
    scopes = getattr(getattr(user, "permissions", None), "scopes", None) or {}
    status = getattr(scopes.get(scope), "status", None)
    return getattr(status, "value", status) == "GRANTED"


def perform(
    handler_input: HandlerInput, action: Mapping[str, str], content: Content, ask: bool = True
) -> str:
    """Try the action and say how it went; without permission, ask for it by voice."""
    kind = action.get("kind", "")
    if kind == ACTION_FORGET:
        return DONE if remember.forget(handler_input) else FAILED
    scope = SCOPES.get(kind)
    if scope is None:
        return FAILED
    if ask and not granted(handler_input, scope):
        ask_permission(handler_input, scope, action)
        return ASKING
    try:
        _create(handler_input, action, content)
    except ServiceException as exc:
        log.warning("%s API refused: status %s", kind, getattr(exc, "status_code", "?"))
        return DENIED if getattr(exc, "status_code", 0) in (401, 403) else FAILED
    except Exception as exc:
        log.warning("%s API failed: %s", kind, type(exc).__name__)
        return FAILED
    return DONE


def ask_permission(handler_input: HandlerInput, scope: str, action: Mapping[str, str]) -> None:
    """Alexa asks the person for the permission and replies with Connections.Response."""
    payload = {
        "@type": "AskForPermissionsConsentRequest",
        "@version": "1",
        "permissionScope": scope,
    }
    from ask_sdk_model.interfaces.connections import SendRequestDirective

    directive = SendRequestDirective(name="AskFor", payload=payload, token=json.dumps(action))
    handler_input.response_builder.add_directive(directive)


def action_from_token(token: str | None) -> dict[str, str] | None:
    """The action a permission request was for, carried through Alexa in the token."""
    try:
        data: Any = json.loads(token or "")
    except ValueError:
        return None
    if not isinstance(data, dict) or data.get("kind") not in SCOPES:
        return None
    return {str(k): str(v) for k, v in data.items()}


def _create(handler_input: HandlerInput, action: Mapping[str, str], content: Content) -> None:
    locale = handler_input.request_envelope.request.locale or DEFAULT_LOCALE
    seconds = int(action.get("seconds", "900"))
    factory = handler_input.service_client_factory
    if action["kind"] == ACTION_TIMER:
        factory.get_timer_management_service().create_timer(_timer(seconds, locale, content))
    else:
        factory.get_reminder_management_service().create_reminder(
            _reminder(seconds, locale, content)
        )


def _timer(seconds: int, locale: str, content: Content) -> Any:
    """A fifteen-minute announce timer; the API's models are imported only when one is set."""
    from ask_sdk_model.services.timer_management import (
        AnnounceOperation,
        CreationBehavior,
        DisplayExperience,
        NotificationConfig,
        TextToAnnounce,
        TimerRequest,
        TriggeringBehavior,
        Visibility,
    )

    announce = TextToAnnounce(locale=locale, text=content.dialog["timer_announce"])
    return TimerRequest(
        duration=f"PT{seconds // 60}M",
        timer_label=content.dialog["timer_label"],
        creation_behavior=CreationBehavior(display_experience=DisplayExperience(Visibility.VISIBLE)),
        triggering_behavior=TriggeringBehavior(
            operation=AnnounceOperation(text_to_announce=[announce]),
            notification_config=NotificationConfig(play_audible=True),
        ),
    )


def _reminder(seconds: int, locale: str, content: Content) -> Any:
    """A one-off reminder, relative to now, spoken in the person's locale."""
    from ask_sdk_model.services.reminder_management import (
        AlertInfo,
        PushNotification,
        PushNotificationStatus,
        ReminderRequest,
        SpokenInfo,
        SpokenText,
        Trigger,
        TriggerType,
    )

    spoken = SpokenText(locale=locale, text=content.dialog["reminder_text"])
    return ReminderRequest(
        trigger=Trigger(object_type=TriggerType.SCHEDULED_RELATIVE, offset_in_seconds=seconds),
        alert_info=AlertInfo(spoken_info=SpokenInfo(content=[spoken])),
        push_notification=PushNotification(status=PushNotificationStatus.ENABLED),
    )
