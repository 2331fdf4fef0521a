"""How people start a skill: "open hip helper", "ask hip helper to ...", "... using hip helper"."""

from __future__ import annotations

from dataclasses import dataclass

from skill.simulator.text import normalise

LAUNCH_VERBS = frozenset({"open", "launch", "start", "begin", "load", "run", "play", "use"})
ONE_SHOT_VERBS = frozenset({"ask", "tell"})
# Connecting words Alexa drops between the invocation name and the request.
CONNECTORS = frozenset({"to", "that", "if", "whether", "and"})
SUFFIX_LINKS = frozenset({"using", "with", "from", "on", "in"})


@dataclass(frozen=True)
class Invocation:
    """What an invocation phrase asks for: "launch", or "intent" with the rest of the words."""

    kind: str  # "launch", "intent" or "" (not an invocation)
    rest: str = ""


def parse_invocation(text: str, invocation_name: str) -> Invocation:
    """Recognise the invocation phrases Alexa supports around the skill's invocation name."""
    words = normalise(text)
    if words[:1] == ["alexa"]:
        words = words[1:]
    name = invocation_name.split()
    if not name:
        return Invocation("")
    found = _find(words, name)
    if found is None:
        return Invocation("")
    start, end = found
    before, after = words[:start], words[end:]
    if after[:1] == ["skill"]:
        after = after[1:]
    if before and before[-1] == "the":
        before = before[:-1]
    return _classify(before, after)


def _classify(before: list[str], after: list[str]) -> Invocation:
    """Decide from the words around the name."""
    if len(before) == 1 and before[0] in LAUNCH_VERBS:
        rest = after[1:] if after[:1] and after[0] in CONNECTORS else after
        return Invocation("intent", " ".join(rest)) if rest else Invocation("launch")
    if len(before) == 1 and before[0] in ONE_SHOT_VERBS:
        rest = after[1:] if after[:1] and after[0] in CONNECTORS else after
        return Invocation("intent", " ".join(rest)) if rest else Invocation("launch")
    if before and not after and before[-1] in SUFFIX_LINKS and len(before) > 1:
        return Invocation("intent", " ".join(before[:-1]))
    return Invocation("")


def _find(words: list[str], name: list[str]) -> tuple[int, int] | None:
    """Where the invocation name occurs in the words."""
    size = len(name)
    for start in range(len(words) - size + 1):
        if words[start : start + size] == name:
            return start, start + size
    return None
