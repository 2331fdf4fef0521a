"""The Simulator: talk to the skill as Alexa would, through the production entry point.

Hooks, kept deliberately small:
- `store`: a database path. With one, requests go to a skill built by the same `build_skill`
  with `Settings.db_path = store` (see `default_handler`), so tests can keep memory apart.
- `api_client`: an ask-sdk ApiClient the skill is built with, so calls to Alexa's Timers and
  Reminders APIs can be answered in-process (e.g. `skill.simulator.services.LocalAlexaApi`).
  The envelope's `apiEndpoint` / `apiAccessToken` come from `api_endpoint` / `Device`.
- `recognised`: whether Alexa recognises the speaker (sends `context.System.person`); True by
  default, one person per simulated user. False plays a shared device, where the skill says
  nothing it remembers until asked ("pick up where I left off").
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from skill.simulator import envelope as env
from skill.simulator.builtins import FALLBACK
from skill.simulator.dialogstate import Pending, answer_pending, pending_from
from skill.simulator.invocation import parse_invocation
from skill.simulator.model import PHRASE_TYPE, Model, load_model
from skill.simulator.nlu import (
    Explanation,
    Interpretation,
    SlotFill,
    understand,
    understand_answer,
)
from skill.simulator.resolution import intent_slots, resolve
from skill.simulator.services import LocalAlexaApi
from skill.simulator.turn import Turn, make_turn

Handler = Callable[[dict[str, Any], Any], dict[str, Any]]
ROOT = Path(__file__).resolve().parents[2]
MODEL_DIR = ROOT / "interaction_model"
DEFAULT_USER = "simulated-user"
# While the skill elicits free speech, a device still hears a short command as a built-in intent.
_COMMAND_WORDS = 3
_COMMAND_SURE = 0.85  # a built-in's score above which a short answer is that command
# How the simulated person answers Alexa's permission prompts, as Connections.Response statuses.
CONSENT = {"accept": "ACCEPTED", "deny": "DENIED", "ignore": "NOT_ANSWERED"}


def default_handler(
    store: str | os.PathLike[str] | None = None, api_client: Any = None
) -> Handler:
    """The production Lambda entry point; with a store or an API client, the same build on them."""
    if store is None and api_client is None:
        from skill.lambda_function import lambda_handler

        return lambda_handler
    from skill.alexa.assembly import build_skill, make_lambda_handler
    from skill.config import load_settings

    settings = load_settings({"db_path": os.fspath(store)} if store is not None else None)
    return make_lambda_handler(build_skill(settings, api_client=api_client))


def model_path(locale: str) -> Path:
    """Where a locale's interaction model lives."""
    return MODEL_DIR / f"{locale}.json"


@dataclass
class _Session:
    id: str
    new: bool = True
    attributes: dict[str, Any] = field(default_factory=dict)


class Simulator:
    """A conversation with the skill: sessions, attributes, clock and device handled as Alexa."""

    def __init__(
        self, locale: str = "en-US", user_id: str | None = None, now: datetime | None = None,
        store: str | os.PathLike[str] | None = None, device: str = "screen",
        handler: Handler | None = None, model: str | os.PathLike[str] | None = None,
        skill_id: str | None = None, api_endpoint: str | None = None, api_client: Any = None,
        permissions: dict[str, str] | None = None, consent: str = "accept",
        recognised: bool = True,
    ) -> None:
        if device not in ("screen", "voice"):
            raise ValueError(f"device must be 'screen' or 'voice', not {device!r}")
        if consent not in CONSENT:
            raise ValueError(f"consent must be one of {', '.join(CONSENT)}, not {consent!r}")
        self.locale = locale
        self.store = store
        self.consent = consent
        # Alexa's Timers and Reminders APIs answered in-process: nothing reaches Amazon.
        self.api_client = api_client if api_client is not None else LocalAlexaApi()
        self.now = now  # type: ignore[assignment]  # None means the real clock
        self._handler = handler
        self._model_path = Path(model) if model else model_path(locale)
        user = env.user_id_for(user_id or DEFAULT_USER)
        self.device = env.Device(
            skill_id=skill_id or _default_skill_id(), user_id=user, locale=locale,
            screen=device == "screen", api_endpoint=api_endpoint or "",
            permissions=dict(permissions or {}),
            # A recognised speaker by default (one person per simulated user); recognised=False
            # is a voice Alexa does not know, as on a shared household device.
            person_id=env.person_id_for(user) if recognised else "",
        )
        self._session: _Session | None = None
        self._pending: Pending | None = None
        self._count = 0
        # Changes each envelope just before it is sent (Bespoken's `request.*` step inputs).
        self.request_filter: Callable[[dict[str, Any]], None] | None = None

    @property
    def now(self) -> datetime:
        """The clock the skill sees: fixed once set, else the real current time."""
        return self._now or datetime.now(UTC)

    @now.setter
    def now(self, value: datetime | None) -> None:
        if value is not None and value.tzinfo is None:
            raise ValueError("Simulator.now must be timezone-aware")
        self._now = value

    @property
    def user_id(self) -> str:
        """The Alexa user id requests carry."""
        return self.device.user_id

    @property
    def session_open(self) -> bool:
        """Whether the next utterance continues a session."""
        return self._session is not None

    @property
    def session_attributes(self) -> dict[str, Any]:
        """The open session's attributes as the skill last returned them ({} if none is open)."""
        return dict(self._session.attributes) if self._session is not None else {}

    @property
    def model(self) -> Model:
        """The locale's compiled interaction model (loaded on first use)."""
        if not self._model_path.exists():
            raise FileNotFoundError(
                f"{self._model_path} not found: no interaction model for {self.locale} yet"
            )
        return load_model(self._model_path)

    def launch(self) -> Turn:
        """ "open hip helper": a LaunchRequest in a new session."""
        self._session = None
        request = env.launch_request(self._request_id(), self.now, self.locale)
        return self._send(request, "LaunchRequest", {}, None)

    def say(self, text: str) -> Turn:
        """Speak: invocation phrases start a session; anything else goes to the open one."""
        model = self.model
        invocation = parse_invocation(text, model.invocation)
        if invocation.kind == "launch":
            return self.launch()
        if invocation.kind == "intent":
            self._session, self._pending = None, None
            text = invocation.rest
        return self._send_interpretation(self._understand(model, text))

    def intent(self, name: str, **slots: str) -> Turn:
        """Send an exact intent; custom slot values resolve through the model as Alexa's would."""
        model = self.model if self._model_path.exists() else None
        today = self.now.date()
        fills = {key: resolve(model, name, key, str(value), today) for key, value in slots.items()}
        return self._send_intent(name, fills, None)

    def end(self) -> Turn:
        """The user ends the session: SessionEndedRequest, reason USER_INITIATED."""
        if self._session is None:
            self._session = _Session(self._session_id())
        request = env.session_ended_request(self._request_id(), self.now, self.locale)
        turn = self._send(request, "SessionEndedRequest", {}, None)
        self._session, self._pending = None, None
        return turn

    def _understand(self, model: Model, text: str) -> Interpretation:
        """The NLU's reading, steered towards the answer a pending ElicitSlot is waiting for."""
        pending, today = self._pending, self.now.date()
        reading = understand(model, text, today, expect=pending.intent_name if pending else None)
        if pending is None or pending.kind != "ElicitSlot" or not pending.slot:
            return reading
        builtin = reading.intent.startswith("AMAZON.") and reading.intent != FALLBACK
        phrase = model.intents.get(pending.intent_name, {}).get(pending.slot) == PHRASE_TYPE
        command = len(text.split()) <= _COMMAND_WORDS and reading.score >= _COMMAND_SURE
        if phrase and builtin and command:
            # "stop", "help", "yes": short commands still reach the built-ins; "no problem
            # walking", a weak match to "no", is what the person said, for the skill to read
            return reading
        if phrase:
            answer = understand_answer(model, text, today, pending.intent_name, pending.slot)
            return answer or reading
        if reading.intent == pending.intent_name or builtin:
            return reading
        answer = understand_answer(model, text, today, pending.intent_name, pending.slot)
        return answer or reading

    def _send_interpretation(self, reading: Interpretation) -> Turn:
        return self._send_intent(reading.intent, reading.slots, reading.explanation)

    def _send_intent(
        self, name: str, fills: dict[str, SlotFill], explain: Explanation | None
    ) -> Turn:
        """Build the IntentRequest (answering any pending dialog directive) and send it."""
        model = self.model if self._model_path.exists() else None
        slots = intent_slots(model, name, fills, self.device.skill_id)
        intent, state = answer_pending(self._pending, name, slots, model)
        request = env.intent_request(self._request_id(), self.now, self.locale, intent, state)
        shown = {key: fill.value for key, fill in fills.items()}
        return self._send(request, intent["name"], shown, explain)

    def _send(
        self, request: dict[str, Any], intent: str, slots: dict[str, str],
        explain: Explanation | None,
    ) -> Turn:
        """Wrap the request in an envelope, call the skill, and carry the session forward."""
        session = self._session or _Session(self._session_id())
        envelope = env.build_envelope(self.device, session.id, session.new, session.attributes,
                                      request)
        if self.request_filter is not None:
            self.request_filter(envelope)
        already = self._scheduled_count()
        response = self._call(envelope)
        turn = make_turn(envelope, response, intent, slots, self.device.screen, explain)
        turn = replace(turn, scheduled=self._scheduled_since(already))
        asked = _permission_request(turn)
        if asked is not None:
            return self._consent(turn, session, asked)
        if request["type"] == "SessionEndedRequest":
            turn = replace(turn, end_session=True)  # whatever the skill says, it is over
        if turn.end_session:
            self._session, self._pending = None, None
        else:
            self._session = _Session(session.id, False, dict(turn.session_attributes))
            self._pending = pending_from(response, envelope)
        return turn

    def _consent(self, asked: Turn, session: _Session, directive: dict[str, Any]) -> Turn:
        """Play Alexa's permission prompt: the person answers as `consent` says, then the skill."""
        payload = directive.get("payload") or {}
        scope = str(payload.get("permissionScope", ""))
        status = CONSENT[self.consent]
        if status == "ACCEPTED":
            granted = {**self.device.permissions, scope: "GRANTED"}
            self.device = replace(self.device, permissions=granted)
        self._session = _Session(session.id, False, dict(asked.session_attributes))
        request = env.connections_response(
            self._request_id(), self.now, self.locale, directive, status
        )
        answered = self._send(request, "Connections.Response", {}, None)
        return replace(answered, before=asked, permission=f"{scope}: {status}")

    def _scheduled_count(self) -> int:
        return len(getattr(self.api_client, "scheduled", ()))

    def _scheduled_since(self, count: int) -> tuple[str, ...]:
        items = getattr(self.api_client, "scheduled", ())[count:]
        return tuple(item.describe() for item in items)

    def _call(self, envelope: dict[str, Any]) -> dict[str, Any]:
        """Call the skill; both directions go through JSON, as they do between Alexa and Lambda."""
        if self._handler is None:
            self._handler = default_handler(self.store, self.api_client)
        response = self._handler(json.loads(json.dumps(envelope)), None)
        return dict(json.loads(json.dumps(response)))

    def _request_id(self) -> str:
        self._count += 1
        return env.stable_id("amzn1.echo-api.request.", self.user_id, self.now, self._count)

    def _session_id(self) -> str:
        return env.stable_id("amzn1.echo-api.session.", self.user_id, self.now, self._count)


def _permission_request(turn: Turn) -> dict[str, Any] | None:
    """The skill's Connections.SendRequest AskFor directive, if this turn has one."""
    for directive in turn.directives:
        if directive.get("type") == "Connections.SendRequest" and directive.get("name") == "AskFor":
            return directive
    return None


def _default_skill_id() -> str:
    """The manifest's skill id, else the one the skill is configured to accept, else a fake."""
    found = env.skill_id_from_manifest(MODEL_DIR / "skill.json")
    if found:
        return found
    from skill.config import load_settings

    ids = load_settings().application_ids
    return ids[0] if ids else env.FAKE_SKILL_ID
