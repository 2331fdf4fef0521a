"""Properties of the reader in whole conversations: a warning sign said in any company is
escalated in the same reply at its level; the same sign negated is not; self-care still waits.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from skill.content import get_content
from skill.core import intents
from skill.core.dialog import next_turn
from skill.core.intents import Act
from skill.core.state import State
from tests.core.test_properties import act_strategy

CONTENT = get_content()
SIGNS = yaml.safe_load(
    (Path(__file__).resolve().parents[2] / "content" / "reader" / "signs.yaml").read_text()
)
SEVERITY = {None: 0, "self_care": 1, "see_provider": 2, "urgent": 3}
# Every plain phrase of content/reader/signs.yaml (no sets, choices or gaps), with its sign;
# a child's signs count only for a child, so they are said about one.
PHRASES = sorted(
    (str(text) if sid != "child_urgent" else f"my little boy {text}", sid)
    for sid, entry in SIGNS["signs"].items()
    for text in entry["phrases"]
    if not any(mark in str(text) for mark in ("{", "|", "..."))
)
FILLER = ["um", "so", "you know", "well", "honestly", "the other day", "to be honest", "okay"]
WRAPS = [
    "{p}",
    "{f} {p}",
    "{p} {f}",
    "{f} {p} {f}",
    "no but {p}",  # beside a safe answer
    "I can walk fine but {p}",
    "yes I can walk but {p}",
    "no I didn't fall but {p}",
    "{p} since Saturday",  # with a time phrase
    "for about two days now {p}",
    "my dad says {p}",  # about someone else
    "my wife rang and told me {p}",
    "I think {p}",  # a hedge is a yes
]
# Negated forms built from the content's own sets: "no fever", "it isn't swollen".
NEGATED = [
    *(f"no {w}" for w in SIGNS["sets"]["fever_word"]),
    *(f"I haven't had any {w}" for w in ("fever", "chills", "temperature", "night sweats")),
    *(f"it isn't {w}" for w in ("swollen", "puffy", "inflamed")),
    *(f"there's no {w}" for w in ("swelling", "redness", "numbness", "tingling")),
    "I didn't fall, it crept up on me",
    "no falls or accidents",
    "I haven't had a fall",
    "the swelling's gone down",
    "no pins and needles",
    "I never had cancer",
]


def _speech(text: str) -> Act:
    return Act(intents.FREE_SPEECH, words=text, locale="en-US")


def _play(prefix: list[Act]) -> State:
    state = State(today="2026-12-01")
    for act in prefix:
        state = next_turn(state, act, CONTENT).state
    return state


@settings(max_examples=400, deadline=None, derandomize=True)
@given(
    st.lists(act_strategy, max_size=8),
    st.sampled_from(PHRASES),
    st.sampled_from(WRAPS),
    st.sampled_from(FILLER),
)
def test_a_warning_sign_in_any_company_is_escalated_at_once(
    prefix: list[Act], phrase: tuple[str, str], wrap: str, filler: str
) -> None:
    text, sign = phrase
    state = _play(prefix)
    reply = next_turn(state, _speech(wrap.format(p=text, f=filler)), CONTENT)
    spoken = [line.key for line in reply.lines]
    level = CONTENT.red_flags[sign].level
    assert sign in reply.state.flags, (wrap, text)
    assert any(key.startswith(f"flag.{sign}.say") for key in spoken), (wrap, text, spoken)
    assert SEVERITY[reply.state.triage] >= SEVERITY[level], (wrap, text)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(act_strategy, max_size=8), st.sampled_from(NEGATED))
def test_a_negated_warning_sign_is_not_escalated(prefix: list[Act], text: str) -> None:
    state = _play(prefix)
    reply = next_turn(state, _speech(text), CONTENT)
    new = set(reply.state.flags) - set(state.flags)
    assert not new, (text, new)
    assert not any(line.key.startswith("flag.") for line in reply.lines), text


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(st.one_of(act_strategy, st.sampled_from(PHRASES).map(lambda p: _speech(p[0]))),
                max_size=20))
def test_self_care_never_comes_before_the_three_safety_answers(turns: list[Act]) -> None:
    gated = {f"topic.{t.id}.say" for t in CONTENT.topics.values() if t.gated}
    state = State(today="2026-12-01")
    for act in turns:
        reply = next_turn(state, act, CONTENT)
        said = {line.key for line in reply.lines}
        if said & gated:
            answered = [q.id for q in CONTENT.safety_questions if state.safety.get(q.id) == "safe"]
            screened_now = {q.id for q in CONTENT.safety_questions
                            if reply.state.safety.get(q.id) == "safe"}
            assert len(answered) == 3 or len(screened_now) == 3, (act, said)
            assert reply.state.triage != "urgent"
        state = reply.state
