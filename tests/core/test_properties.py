"""Properties over random conversations: safety before self-care, red flags answered at once."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from skill.content import get_content
from skill.core import intents
from skill.core.dialog import next_turn
from skill.core.intents import Act
from skill.core.speech import render
from skill.core.state import State
from skill.core.triage import SAFE, URGENT, answer_to

CONTENT = get_content()
INTRO = {"dialog.welcome", "dialog.hello", "dialog.disclaimer"}
GATED = {f"topic.{t.id}.say" for t in CONTENT.topics.values() if t.gated}
PLAIN = [
    intents.LAUNCH, intents.YES, intents.NO, intents.HELP, intents.FALLBACK, intents.REPEAT, intents.NEXT,
    intents.PREVIOUS, intents.START_OVER, intents.HOME, intents.SELF_CARE, intents.ANATOMY, *intents.TOPIC_INTENTS,
]


def _slot(group: str) -> st.SearchStrategy[dict[str, str]]:
    return st.sampled_from(sorted(CONTENT.features[group].labels)).map(lambda v: {group: v})


act_strategy = st.one_of(
    st.sampled_from(PLAIN).map(Act),
    st.builds(
        lambda parts: Act(intents.DESCRIBE, {k: v for p in parts for k, v in p.items()}),
        st.lists(st.one_of(*(_slot(g) for g in intents.FEATURE_SLOTS)), max_size=3),
    ),
    st.sampled_from(sorted(CONTENT.red_flags)).map(lambda f: Act(intents.RED_FLAG, {"flag": f})),
    st.sampled_from(["no_fever", "no_injury", "can_walk"]).map(
        lambda a: Act(intents.SAFETY_ANSWER, {"answer": a})
    ),
    st.sampled_from(sorted(CONTENT.conditions)).map(lambda c: Act(intents.ABOUT, {"condition": c})),
)


def _raised(state: State, act: Act) -> list[str]:
    flags = [act.slots["flag"]] if act.slots.get("flag") in CONTENT.red_flags else []
    if state.pending_kind == "safety":
        question = next(q for q in CONTENT.safety_questions if q.id == state.pending_id)
        if answer_to(act, question) == "unsafe":
            flags.append(question.flag)
    return flags


@settings(max_examples=300, deadline=None)
@given(st.lists(act_strategy, min_size=1, max_size=25))
def test_no_self_care_before_safety_and_red_flags_come_first(turns: list[Act]) -> None:
    state = State()
    for act in turns:
        flags = _raised(state, act)
        reply = next_turn(state, act, CONTENT)
        render(reply, CONTENT, "en-US")
        keys = [line.key for line in reply.lines]
        state = reply.state
        if GATED & set(keys):
            assert all(state.safety.get(q.id) == SAFE for q in CONTENT.safety_questions)
            assert state.triage != URGENT
        if flags:
            spoken = [k for k in keys if k not in INTRO]
            assert spoken[: len(flags)] == [f"flag.{f}.say" for f in flags]
            assert state.triage in ("urgent", "see_provider")
            assert reply.card is not None
        if act.intent not in (intents.STOP, intents.CANCEL):
            assert reply.end or reply.ask is not None, act
        if reply.end:
            state = State()
