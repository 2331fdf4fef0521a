"""One exchange as a test or a person wants to see it: what Alexa said, shown, and remembered."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, NamedTuple

from skill.simulator.nlu import Explanation
from skill.simulator.reading import reader_view

_TAG = re.compile(r"<[^>]+>")
_BREAK = re.compile(r"<break\b[^>]*/>|</p>|</s>", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?])")


class Card(NamedTuple):
    """A card's title and text (Simple cards' content, Standard cards' text)."""

    title: str
    text: str


@dataclass(frozen=True)
class Turn:
    """The request sent, the response received, and the parts of both worth asserting on."""

    speech: str
    ssml: str
    reprompt: str | None
    card: Card | None
    end_session: bool
    intent: str
    slots: dict[str, str]
    session_attributes: dict[str, Any]
    request: dict[str, Any]
    response: dict[str, Any]
    explain: Explanation | None = None
    directives: list[dict[str, Any]] = field(default_factory=list)
    # Set by the Simulator: what Alexa's stand-in APIs scheduled this turn ("Timer set: ..."),
    # and, when the skill asked for a permission, that turn and how the user answered.
    scheduled: tuple[str, ...] = ()
    before: Turn | None = None
    permission: str | None = None
    @cached_property
    def reading(self) -> dict[str, Any] | None:
        """What the skill's reader made of the person's own words (free speech), and the act it
        chose: worked out only when someone looks (--explain, the web page, a test)."""
        return reader_view(self.request)

    @property
    def read_as(self) -> str | None:
        """The intent the reader made of free speech ('FreeSpeechIntent' read as a describe)."""
        return str(self.reading["read_as"]) if self.reading else None


def ssml_to_text(ssml: str) -> str:
    """What a listener hears, as text: tags dropped, entities unescaped, spacing tidied."""
    text = _BREAK.sub(" ", ssml)
    text = html.unescape(_TAG.sub("", text))
    return _BEFORE_PUNCT.sub(r"\1", _SPACES.sub(" ", text)).strip()


def speech_of(output: dict[str, Any] | None) -> tuple[str, str]:
    """(plain text, ssml) of an outputSpeech object, either type."""
    if not output:
        return "", ""
    if output.get("type") == "SSML" or "ssml" in output:
        ssml = str(output.get("ssml", ""))
        return ssml_to_text(ssml), ssml
    text = str(output.get("text", ""))
    return text, "<speak>" + html.escape(text, quote=False) + "</speak>"


def card_of(card: dict[str, Any] | None) -> Card | None:
    """The card in a response, if any (LinkAccount and permission cards have no text)."""
    if not card:
        return None
    return Card(str(card.get("title", "")), str(card.get("content", card.get("text", ""))))


def ends_session(response: dict[str, Any], screen: bool) -> bool:
    """Whether the session is over after this response.

    shouldEndSession true ends it and false keeps it open; when the skill leaves it unset,
    Alexa ends voice-only sessions but keeps a screen device's session open.
    """
    flag = response.get("shouldEndSession")
    if flag is None:
        return not screen
    return bool(flag)


def make_turn(
    request: dict[str, Any], envelope: dict[str, Any], intent: str, slots: dict[str, str],
    screen: bool, explain: Explanation | None = None,
) -> Turn:
    """Read a response envelope into a Turn."""
    body = envelope.get("response") or {}
    speech, ssml = speech_of(body.get("outputSpeech"))
    reprompt_speech = (body.get("reprompt") or {}).get("outputSpeech")
    reprompt = speech_of(reprompt_speech)[0] if reprompt_speech else None
    return Turn(
        speech=speech, ssml=ssml, reprompt=reprompt, card=card_of(body.get("card")),
        end_session=ends_session(body, screen), intent=intent, slots=slots,
        session_attributes=dict(envelope.get("sessionAttributes") or {}), request=request,
        response=envelope, explain=explain, directives=list(body.get("directives") or []),
    )
