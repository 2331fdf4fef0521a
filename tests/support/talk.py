"""Helpers for driving the pure core directly in tests, without the SDK."""

from __future__ import annotations

from dataclasses import dataclass, field

from skill.content import Content, get_content
from skill.core.dialog import next_turn
from skill.core.intents import Act
from skill.core.speech import Rendered, render
from skill.core.state import Reply, State


@dataclass
class Talk:
    """A conversation with the pure core: each call is one turn, the state carried along."""

    locale: str = "en-US"
    state: State = field(default_factory=State)
    content: Content = field(default_factory=get_content)
    reply: Reply | None = None
    out: Rendered | None = None

    def __call__(self, intent: str, **slots: str) -> Rendered:
        self.reply = next_turn(self.state, Act(intent, slots), self.content)
        self.state = self.reply.state
        self.out = render(self.reply, self.content, self.locale)
        return self.out

    @property
    def keys(self) -> list[str]:
        """The content keys spoken this turn, ask included."""
        assert self.reply is not None
        lines = [line.key for line in self.reply.lines]
        return lines + ([self.reply.ask.key] if self.reply.ask else [])


def screened(talk: Talk) -> None:
    """Answer the three safety questions safely, starting from a fresh screening."""
    from skill.core import intents

    talk(intents.NO)
    talk(intents.NO)
    talk(intents.YES)
