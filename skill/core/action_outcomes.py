"""Pure: what to say once the handler has tried an action (a timer, a reminder, forgetting)."""

from __future__ import annotations

from skill.core.content_types import Content
from skill.core.reply_builder import Turn, ask_pending, finish
from skill.core.state import ACTION_FORGET, ACTION_REMINDER, PENDING_MORE, Reply, State

DONE = "done"
DENIED = "denied"
FAILED = "failed"
ASKING = "asking_permission"
OUTCOMES = (DONE, DENIED, FAILED, ASKING)


def spoken_duration(content: Content, seconds: int) -> str:
    """As people say it: 'two hours', 'an hour and a half', 'half an hour', 'forty minutes'."""
    dialog = content.dialog
    words = dialog["numbers"].split()
    hours, minutes = divmod(round(seconds / 60), 60)
    count = words[min(hours, len(words) - 1)]
    if minutes == 30:
        if not hours:
            return dialog["half_hour"]
        if hours == 1:
            return dialog["hour_and_half"]
        return dialog["hours_and_half"].format(count=count)
    parts = []
    if hours:
        parts.append(dialog["an_hour"] if hours == 1 else dialog["hours"].format(count=count))
    if minutes or not hours:
        key = "minute" if minutes == 1 else "minutes"
        parts.append(content.dialog[key].format(count=words[min(minutes, len(words) - 1)]))
    if len(parts) == 2:
        return content.dialog["both"].format(first=parts[0], second=parts[1])
    return parts[0]


def after_action(reply: Reply, outcome: str, content: Content) -> Reply:
    """Add the action's result to the reply the core already made (e.g. 'that's reassuring')."""
    action = reply.action or {}
    kind = action.get("kind", "")
    turn = Turn(reply.state, content)
    turn.lines.extend(reply.lines)
    if kind == ACTION_FORGET and outcome != DONE:
        turn.say("dialog.forget_failed")
    elif kind == ACTION_FORGET:
        turn.state = forget(turn.state)
        turn.say("dialog.forgotten")
    elif outcome == ASKING:
        turn.say(f"dialog.{kind}_permission")
        return finish(turn)
    elif kind == ACTION_REMINDER and outcome == DONE:
        when = spoken_duration(content, int(action.get("seconds", "0")))
        turn.say("dialog.reminder_set", when=when)
    else:
        turn.say(f"dialog.{kind}_{outcome}")
    return finish(ask_pending(turn, PENDING_MORE))


def forget(state: State) -> State:
    """Drop everything remembered about the person; this session's safety answers still hold."""
    return state.with_(
        onset=None, onset_before=None, returning=False, last_condition=None, memory={},
        screened=None, forgotten=True,
    )
