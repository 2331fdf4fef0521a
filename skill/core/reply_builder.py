"""The reply under construction: what the pure core has decided to say so far in this turn."""

from __future__ import annotations

from skill.core.content_types import Content
from skill.core.state import PENDING_SAFETY, PENDING_SEPARATE, Card, Line, Reply, State


class Turn:
    """A mutable builder for one Reply, so each dialog step can add a line and move on."""

    def __init__(self, state: State, content: Content) -> None:
        self.state = state
        self.content = content
        self.lines: list[Line] = []
        self.ask: Line | None = None
        self.reask: Line | None = None
        self.card: Card | None = None
        self.end = False
        self.action: dict[str, str] | None = None
        # Lines left unsaid this turn to keep it one breath: "tell me more" says them first.
        self.held: list[str] = []
        # This turn already tells the person to see a doctor (a warning sign, how long it has
        # hurt): the condition's caveat waits, and the first safety question comes unannounced.
        self.advised = False

    def say(self, key: str, **params: str) -> None:
        """Add one content line to the speech."""
        self.lines.append(Line(key, params))

    def hold(self, key: str) -> None:
        """Leave a line for "tell me more", so this turn stays one breath."""
        self.held.append(key)


def prompt_lines(pending: str) -> tuple[Line, Line]:
    """The question (and its re-ask in other words) that goes with what the skill waits for."""
    kind, _, ident = pending.partition(":")
    if kind == PENDING_SEPARATE:
        return Line(f"question.{ident}.ask"), Line(f"question.{ident}.reask")
    if kind == PENDING_SAFETY:
        return Line(f"safety.{ident}.ask"), Line(f"safety.{ident}.reask")
    return Line(f"dialog.ask_{kind}"), Line(f"dialog.reask_{kind}")


def ask_pending(turn: Turn, pending: str, reask: bool = False) -> Turn:
    """End the turn on a question, remembering it so the answer can be read against it; a
    safety question is asked of the person helping in words about the one they help."""
    ask, again = prompt_lines(pending)
    kind, _, ident = pending.partition(":")
    question = turn.content.safety_question(ident) if kind == PENDING_SAFETY else None
    if question is not None and turn.state.helper:
        ask = Line(f"safety.{ident}.ask_helper") if question.ask_helper else ask
        again = Line(f"safety.{ident}.reask_helper") if question.reask_helper else again
    turn.ask = again if reask else ask
    turn.reask = again
    turn.state = turn.state.with_(pending=pending)
    return turn


def more_behind(turn: Turn) -> tuple[str, ...]:
    """What "tell me more" says next: the lines held back, then the detail behind the answer."""
    detail = detail_behind(turn)
    return (*turn.held, *([detail] if detail and detail not in turn.held else []))


def detail_behind(turn: Turn) -> str | None:
    """The detail behind the last short form said this turn, unless it was said as well."""
    said = {line.key for line in turn.lines}
    for line in reversed(turn.lines):
        detail = turn.content.detail_of(line.key)
        if detail is not None:
            return None if detail in said else detail
    return None


def finish(turn: Turn) -> Reply:
    """Freeze the turn into a Reply and keep a copy of it for 'repeat' and 'tell me more'."""
    ask = None if turn.end else turn.ask
    reask = None if turn.end else turn.reask
    more = () if turn.end else more_behind(turn)
    state = turn.state.with_(pending=None) if turn.end else turn.state
    state = state.with_(more=more)
    reply = Reply(tuple(turn.lines), ask, reask, turn.card, turn.end, state, turn.action)
    kept = state.with_(last=reply.to_json())
    return Reply(reply.lines, ask, reask, reply.card, reply.end, kept, turn.action)
