"""Words per reply over the conversation tests: short enough to hear lying down (issue 12)."""

from __future__ import annotations

from skill.simulator.reply_length import (
    FIRST_ANSWER_TARGET,
    MAX_TARGET,
    MEDIAN_TARGET,
    P95_TARGET,
    SECONDS_PER_WORD,
    WAIT_TARGET_SECONDS,
    Measured,
    figures,
    measure,
    measure_paraphrases,
    seconds,
)


def _line(m: Measured) -> str:
    tag = " (urgent)" if m.urgent else ""
    return (f"    {m.words:3d} words, ~{round(seconds(m))} s{tag}  {m.where} / {m.said!r}\n"
            f"          {m.speech}")


def main() -> int:
    """Print the median, the 95th percentile, the first answers and the longest replies."""
    report("tests/dialogs", measure())
    print()
    report("tests/nlu/paraphrases.yaml, each said after the launch", measure_paraphrases(),
           longest=3)
    return 0


def report(where: str, measured: list[Measured], longest: int = 5) -> None:
    """One set's figures: median, p95, first answers, what breaks a target, the longest."""
    found = figures(measured, longest)
    first = [m.words for m in found.first_answers]
    print(f"  replies: {found.replies} over {where}")
    print(f"  words per reply: median {found.median:g} (target <= {MEDIAN_TARGET}), "
          f"p95 {found.p95} (target <= {P95_TARGET})")
    if first:
        print(f"  first answer to a complaint, a warning sign's advice included: longest "
              f"{max(first)} words (target <= {FIRST_ANSWER_TARGET}), over {len(first)} answers")
    others = found.other_first_answers
    plain = [m for m in others if not m.warning and not m.urgent]
    if others:
        print(f"  first answers in a one-shot (with the greeting and disclaimer) or after urgent "
              f"advice: longest {others[0].words} words, over {len(others)} answers; "
              f"one-shots with no doctor's advice: longest "
              f"{plain[0].words if plain else 0} words, over {len(plain)}")
    print(f"  replies over {MAX_TARGET} words, urgent advice aside: {len(found.over_max)}")
    wait = found.longest_wait
    if wait is not None:
        print(f"  longest wait for a turn, urgent advice aside: {wait.words} words, "
              f"~{seconds(wait):.1f} s (target <= about {WAIT_TARGET_SECONDS} s); "
              f"{len(found.over_wait)} replies over {WAIT_TARGET_SECONDS} s")
    print(f"  longest replies (about {SECONDS_PER_WORD:g} s a word as Alexa speaks):")
    for m in found.longest:
        print(_line(m))


if __name__ == "__main__":
    raise SystemExit(main())
