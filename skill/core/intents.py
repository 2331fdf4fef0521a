"""What the person did, as the pure core sees it: an intent name and resolved slot ids."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, NamedTuple

LAUNCH = "LaunchRequest"
SESSION_ENDED = "SessionEndedRequest"
DESCRIBE = "DescribePainIntent"
STARTED = "PainStartedIntent"
ABOUT = "AboutConditionIntent"
ANATOMY = "AnatomyIntent"
RED_FLAG = "RedFlagIntent"
SAFETY_ANSWER = "SafetyAnswerIntent"
# The person's own words, elicited at every open question (AMAZON.SearchQuery slot `speech`).
FREE_SPEECH = "FreeSpeechIntent"
FREE_SPEECH_SLOT = "speech"
# A warning sign said as not there or long past ("and I haven't fallen"): read negated.
ABSENT_SLOT = "absent"
# One-shot openings ("last winter I slipped"), one intent each: content/reader/commands.yaml leads
LEAD_PREFIX = "LeadSpeech"


def is_lead(name: str) -> bool:
    """A free-speech intent whose opening words Alexa left out of the slot."""
    return name.startswith(LEAD_PREFIX) and name.endswith("Intent")


def is_free_speech(name: str) -> bool:
    """The person's own words, in the free-speech slot, whichever sample carried them."""
    return name == FREE_SPEECH or is_lead(name)
UNSURE = "UnsureIntent"
SELF_CARE = "SelfCareIntent"
SEE_DOCTOR = "SeeDoctorIntent"
MORE = "TellMeMoreIntent"
# Care intents that answer one topic of content/care.yaml.
RICE = "RiceIntent"
TOPIC_INTENTS: Mapping[str, str] = {
    RICE: "rice",
    "IceIntent": "ice",
    "IceOrHeatIntent": "ice_or_heat",
    "MedicineIntent": "medicines",
    "MovementIntent": "movement",
    SEE_DOCTOR: "see_doctor",
    ANATOMY: "anatomy",
}
ICE_TIMER = "StartIceTimerIntent"
ICE_REMINDER = "IceReminderIntent"
FORGET_ME = "ForgetMeIntent"
RESUME = "ResumeIntent"  # "pick up where I left off"
HELP = "AMAZON.HelpIntent"
STOP = "AMAZON.StopIntent"
CANCEL = "AMAZON.CancelIntent"
FALLBACK = "AMAZON.FallbackIntent"
HOME = "AMAZON.NavigateHomeIntent"
YES = "AMAZON.YesIntent"
NO = "AMAZON.NoIntent"
REPEAT = "AMAZON.RepeatIntent"
START_OVER = "AMAZON.StartOverIntent"
NEXT = "AMAZON.NextIntent"
PREVIOUS = "AMAZON.PreviousIntent"
# Not an intent: a request in the session that asks nothing (SessionResumedRequest, a screen
# event): carry on where the conversation was.
CARRY_ON = "CarryOn"

# Slots of DescribePainIntent that name features, by content/features.yaml group.
FEATURE_SLOTS: Mapping[str, str] = {
    "location": "location",
    "trigger": "trigger",
    "quality": "quality",
    "onset": "onset",
    "activity": "activity",
}


_EMPTY: Mapping[str, str] = MappingProxyType({})


class Act(NamedTuple):
    """One user turn: the intent (or request type), its slots as resolved ids, and the words.

    `words` is what the person said where Alexa hands it over (the free-speech slot, or slot
    values Alexa heard but could not resolve); the reader makes the rest of the act from them.
    """

    intent: str
    slots: Mapping[str, str] = _EMPTY
    words: str = ""
    locale: str = ""
    absent: str = ""  # what a sample says is not there ("I haven't {absent}"): read as negated
    features: Mapping[str, tuple[str, ...]] = MappingProxyType({})
    condition: str | None = None  # a condition the person named in their own words
    improving: bool = False  # the person says it is getting better
    diagnosed: bool = False  # care already sought ("my GP said", an injection), not a guess
    comes_and_goes: bool = False  # the pain is now and then ("occasional", "on and off")

    def slot(self, name: str) -> str | None:
        """The slot's resolved id (or raw value for built-in types), None when unfilled."""
        return self.slots.get(name) or None


class SlotHeard(NamedTuple):
    """One slot as Alexa sent it: what was heard, and the id it resolved to, if any."""

    value: str | None
    resolved: str | None


def act_from_slots(
    intent: str, slots: Mapping[str, SlotHeard], locale: str = ""
) -> Act:
    """The act the core sees: resolved ids, and the words. The free-speech slot carries
    everything said; every other slot's value as heard, resolved or not, is words too, for the
    reader's warning signs; what a sample says is not there (`absent`) is read apart. "and"
    between values ends a negation's scope, so one slot's words never negate another's."""
    ids, words, absent = {}, [], []
    for name, heard in slots.items():
        if name == FREE_SPEECH_SLOT and heard.value:
            words.append(heard.value)
        elif name == ABSENT_SLOT:
            if heard.value:
                absent.append(heard.value)
        else:
            if heard.resolved:
                ids[name] = heard.resolved
            if heard.value:  # resolved or not, what was said: "rear ended" resolved as a buttock
                words.append(heard.value)
    return Act(intent, ids, words=" and ".join(words), locale=locale, absent=" and ".join(absent))


def resolved_id(slot: Mapping[str, Any]) -> str | None:
    """A slot's id as the skill takes it, from Alexa's request JSON: the entity-resolution id
    when one matched (an unmatched value is no id), the value as said for a built-in type."""
    authorities = (slot.get("resolutions") or {}).get("resolutionsPerAuthority") or []
    if not authorities:
        return slot.get("value") or None
    for authority in authorities:
        if (authority.get("status") or {}).get("code") == "ER_SUCCESS_MATCH":
            return str(authority["values"][0]["value"]["id"])
    return None
