"""Turns and sessions as the JSON the page draws: only what the skill said, never new words."""

from __future__ import annotations

from typing import Any

from skill.simulator.simulator import CONSENT
from skill.simulator.turn import Turn
from skill.simulator.web.sessions import WebSession, locales

# Session attributes the page highlights, as README and design name them.
HIGHLIGHTED = ("condition", "triage")
URGENT = "urgent"


def turn_json(turn: Turn, said: str | None) -> dict[str, Any]:
    """One exchange: what was said, what the skill answered, and why the NLU chose what it did."""
    attributes = turn.session_attributes
    return {
        "said": said,
        "speech": turn.speech,
        "ssml": turn.ssml,
        "reprompt": turn.reprompt,
        "card": None if turn.card is None else {"title": turn.card.title, "text": turn.card.text},
        "end_session": turn.end_session,
        "intent": turn.intent,
        "slots": dict(turn.slots),
        "explain": None if turn.explain is None else turn.explain.to_dict(),
        "reading": turn.reading,
        "session_attributes": attributes,
        "highlights": {key: attributes.get(key) for key in HIGHLIGHTED},
        "urgent": attributes.get("triage") == URGENT,
        "directives": [str(d.get("type", "")) for d in turn.directives],
        "scheduled": list(turn.scheduled),
        # When the skill asked for a permission: that turn, and how the simulated person answered.
        "before": None if turn.before is None else turn_json(turn.before, None),
        "permission": turn.permission,
        "request": turn.request,
        "response": turn.response,
    }


def state_json(session: WebSession) -> dict[str, Any]:
    """The session's settings, clock and what was scheduled, for the page's side panel."""
    now = session.sim.now
    return {
        "session": session.id,
        "settings": {
            "locale": session.options.locale,
            "device": session.options.device,
            "user": session.options.user,
            "consent": session.options.consent,
        },
        "locales": locales(),
        "consents": list(CONSENT),
        "clock": {
            "now": now.isoformat(timespec="seconds"),
            "offset_seconds": int(session.offset.total_seconds()),
        },
        "conversation_open": session.sim.session_open,
        "scheduled": [item.describe() for item in session.api.scheduled],
    }
