"""What the skill's reader made of the words in a request: shown by --explain and the web page.

The simulator runs the skill's own pure reader (skill.core.understand) on the request it sent,
with the session's state, so a test or a person sees the findings that decided the reply.
"""

from __future__ import annotations

from typing import Any

from skill.content import get_content
from skill.core import intents
from skill.core.state import State
from skill.core.understand import understand


def reader_view(envelope: dict[str, Any]) -> dict[str, Any] | None:
    """The reader's findings for one request envelope, or None when it carried no words: the
    free speech, or the slot values of a one-shot, as the skill itself reads them."""
    request = envelope.get("request") or {}
    if request.get("type") != "IntentRequest":
        return None
    slots = (request.get("intent") or {}).get("slots") or {}
    heard = {name: intents.SlotHeard(slot.get("value") or None, intents.resolved_id(slot))
             for name, slot in slots.items()}
    act = intents.act_from_slots(request["intent"]["name"], heard,
                                 str(request.get("locale", "")))
    if not (act.words or act.absent):
        return None
    attributes = (envelope.get("session") or {}).get("attributes") or {}
    today = str(request.get("timestamp", ""))[:10] or None
    state = State.from_attributes(attributes).with_(today=today)
    understood = understand(act, state, get_content())
    if understood is None or understood.reading is None:
        return None
    reading = understood.reading
    return {
        "words": " ".join(reading.words),
        "read_as": understood.act.intent,
        "flags": list(understood.flags),
        "answer": understood.answer,
        "signs": [
            {"id": s.id, "level": s.level, "status": s.status or "said", "phrase": s.phrase,
             "cue": s.cue}
            for s in reading.signs
        ],
        "helper": reading.helper,
        "child": reading.child,
        "replaced": reading.replaced,
        "particle": reading.particle,
        "safe": list(reading.safe),
        "features": {group: list(ids) for group, ids in reading.features.items()},
        "condition": reading.condition,
        "topic": reading.topic,
        "action": reading.action,
        "command": reading.command,
        "started": reading.started,
        "duration": reading.duration,
    }
