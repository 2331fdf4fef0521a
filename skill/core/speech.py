"""Pure: turns the core's Reply into escaped SSML, plain text, a reprompt and a card."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import NamedTuple

from skill.core import triage
from skill.core.content_types import Content
from skill.core.state import FREE_SPEECH_KINDS, Line, Reply

DEFAULT_LOCALE = "en-US"
# Natural pauses: between sentences, longer before the question, and unhurried when urgent.
PAUSE = '<break time="300ms"/>'
QUESTION_PAUSE = '<break time="500ms"/>'
URGENT_PAUSE = '<break time="500ms"/>'
# A sentence ends at . ! or ? before a capital ("R.I.C.E. stands" is one sentence).
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\ue000])")
MAX_SSML = 8000
# XML's five entities; saxutils would pull in urllib at import, which Lambda cold starts pay for.
_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;"}
)


class Rendered(NamedTuple):
    """A reply ready for any output: Alexa's SSML and the same words as plain text."""

    ssml: str
    text: str
    reprompt_ssml: str | None
    reprompt_text: str | None
    card_title: str | None
    card_text: str | None
    end: bool
    listen: bool = False  # the question is open: ask Alexa for the person's own words


def locale_words(content: Content, locale: str) -> Mapping[str, str]:
    """Per-locale words (emergency number, GP or doctor), falling back to en-US."""
    return content.locales.get(locale) or content.locales[DEFAULT_LOCALE]


def fill(content: Content, line: Line, words: Mapping[str, str]) -> str:
    """One line's text with its placeholders filled; a missing value names the key."""
    text = content.text(line.key)
    if "{" not in text:
        return text
    try:
        return text.format_map({**words, **line.params} if line.params else words)
    except KeyError as exc:
        raise KeyError(f"{line.key}: no value for placeholder {exc}") from None


# Stands in for the emergency number until after escaping, then becomes <say-as digits>.
_NUMBER = "\ue000"


def sentences_of(texts: list[str]) -> list[str]:
    """Each text split at its sentence ends, so every sentence gets its pause."""
    return [part for text in texts if text for part in _SENTENCE_END.split(text) if part]


def to_ssml(
    sentences: list[str], number: str = "", question: str | None = None, pause: str = PAUSE
) -> str:
    """Escape every sentence and join them with a pause, the question last after a longer one.

    An emergency number in digits is read digit by digit ("nine nine nine", not "nine hundred
    and ninety-nine"); spelled-out ones ("triple zero") are spoken as written.
    """
    body = pause.join(s.translate(_ESCAPES) for s in sentences_of(sentences))
    if question:
        asked = PAUSE.join(s.translate(_ESCAPES) for s in sentences_of([question]))
        body = f"{body}{QUESTION_PAUSE}{asked}" if body else asked
    if _NUMBER in body:
        spoken = number.translate(_ESCAPES)
        if number.isdigit():
            spoken = f'<say-as interpret-as="digits">{number}</say-as>'
        body = body.replace(_NUMBER, spoken)
    return f"<speak>{body}</speak>"


_MARKED: dict[int, Mapping[str, str]] = {}


def _marked(words: Mapping[str, str]) -> Mapping[str, str]:
    """The locale's words with the emergency number held back for SSML, made once per locale."""
    found = _MARKED.get(id(words))
    if found is None:
        found = _MARKED[id(words)] = {**words, "emergency_number": _NUMBER}
    return found


def render(reply: Reply, content: Content, locale: str) -> Rendered:
    """Everything Alexa needs from one reply, in the person's locale."""
    words = locale_words(content, locale)
    number = words["emergency_number"]
    marked = _marked(words)
    spoken = [fill(content, line, marked) for line in reply.lines]
    question = fill(content, reply.ask, marked) if reply.ask is not None else None
    reprompt = fill(content, reply.reask, marked) if reply.reask is not None else None
    urgent = reply.state.triage == triage.URGENT
    if reprompt and reply.state.more and not urgent:  # in the reprompt, never over urgent advice
        reprompt = f"{fill(content, Line('dialog.more_offer'), marked)} {reprompt}"
    title = text = None
    if reply.card is not None:
        title = fill(content, reply.card.title, words)
        text = "\n".join(fill(content, line, words) for line in reply.card.body)
    ssml = to_ssml(spoken, number, question, URGENT_PAUSE if urgent else PAUSE)
    if len(ssml) > MAX_SSML:
        raise ValueError(f"speech is {len(ssml)} characters; Alexa takes at most {MAX_SSML}")
    return Rendered(
        ssml=ssml,
        text=" ".join([*spoken, *([question] if question else [])]).replace(_NUMBER, number),
        reprompt_ssml=to_ssml([reprompt], number) if reprompt else None,
        reprompt_text=reprompt.replace(_NUMBER, number) if reprompt else None,
        card_title=title,
        card_text=text,
        end=reply.end,
        listen=reply.state.pending_kind in FREE_SPEECH_KINDS and not reply.end,
    )
