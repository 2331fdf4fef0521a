"""Short enough to hear lying down: the targets of issue 12, over every conversation test."""

from __future__ import annotations

from functools import cache

from skill.simulator.reply_length import (
    FIRST_ANSWER_TARGET,
    MAX_TARGET,
    MEDIAN_TARGET,
    P95_TARGET,
    WAIT_TARGET_SECONDS,
    WAIT_WORDS,
    Figures,
    Measured,
    figures,
    measure,
    percentile,
    seconds,
    words,
)


@cache
def measured() -> list[Measured]:
    return measure()


@cache
def found() -> Figures:
    return figures(measured())


def _show(replies: tuple[object, ...]) -> str:
    return "\n".join(str(r) for r in replies[:5])


def test_the_median_reply_is_one_breath() -> None:
    assert found().median <= MEDIAN_TARGET


def test_ninety_five_in_a_hundred_replies_stay_short() -> None:
    assert found().p95 <= P95_TARGET, _show(found().longest)


def test_no_reply_runs_long_except_urgent_advice() -> None:
    assert not found().over_max, _show(found().over_max)
    assert all(m.words <= MAX_TARGET for m in found().longest if not m.urgent)


def test_the_first_answer_to_a_complaint_is_the_point_and_one_question() -> None:
    first = found().first_answers
    assert len(first) >= 10
    assert first[0].words <= FIRST_ANSWER_TARGET, _show(first)


def test_a_warning_signs_advice_still_fits_the_first_answer() -> None:
    warned = [m for m in found().first_answers if m.warning]
    assert len(warned) >= 5
    assert warned[0].words <= FIRST_ANSWER_TARGET, _show(tuple(warned))


def test_a_one_shot_complaint_fits_the_greeting_and_disclaimer_in_the_first_answer() -> None:
    plain = [m for m in found().other_first_answers if not m.warning and not m.urgent]
    assert len(plain) >= 5
    assert plain[0].words <= FIRST_ANSWER_TARGET, _show(tuple(plain))


def test_a_one_shot_with_a_doctors_advice_still_fits_the_first_answer() -> None:
    advised = [m for m in found().other_first_answers if m.warning and not m.urgent]
    assert len(advised) >= 2
    assert advised[0].words <= FIRST_ANSWER_TARGET, _show(tuple(advised))


def test_no_listener_waits_much_over_twenty_seconds_but_for_urgent_advice() -> None:
    wait = found().longest_wait
    assert wait is not None and wait.words <= WAIT_WORDS, wait
    assert seconds(wait) <= WAIT_TARGET_SECONDS
    assert not found().over_wait, _show(found().over_wait)


def test_words_and_percentiles_count_as_a_listener_would() -> None:
    assert words("Step one of four.  Rest.") == 5
    assert percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95) == 10
    assert percentile([5], 0.95) == 5
    assert WAIT_WORDS == 50  # twenty seconds at Alexa's pace of about 150 words a minute


EMERGENCY_NUMBERS = ("911", "999", "112", "triple zero")


def test_brevity_never_drops_the_emergency_number_or_what_to_do() -> None:
    raised = [m for m in measured() if m.urgent and m.warning]
    assert len(raised) >= 10
    for reply in raised:
        assert any(number in reply.speech for number in EMERGENCY_NUMBERS), reply
        assert "medical attention straight away" in reply.speech, reply
