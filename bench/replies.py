"""Words per reply over the conversation tests: short enough to hear lying down (issue 12)."""

from __future__ import annotations

from skill.simulator.reply_length import (
    FIRST_ANSWER_TARGET,
    MAX_TARGET,
    MEDIAN_TARGET,
    P95_TARGET,
    Measured,
    figures,
    measure,
)


def _line(m: Measured) -> str:
    tag = " (urgent)" if m.urgent else ""
    return f"    {m.words:3d} words{tag}  {m.where} / {m.said!r}\n          {m.speech}"


def main() -> int:
    """Print the median, the 95th percentile, the first answers and the longest replies."""
    found = figures(measure())
    first = [m.words for m in found.first_answers]
    print(f"  replies: {found.replies} over tests/dialogs")
    print(f"  words per reply: median {found.median:g} (target <= {MEDIAN_TARGET}), "
          f"p95 {found.p95} (target <= {P95_TARGET})")
    if first:
        print(f"  first answer to a complaint: longest {max(first)} words "
              f"(target <= {FIRST_ANSWER_TARGET}), over {len(first)} answers")
    others = found.other_first_answers
    if others:
        print(f"  first answers in a one-shot (with the greeting and disclaimer) or with a "
              f"warning sign: longest {others[0].words} words, over {len(others)} answers")
    print(f"  replies over {MAX_TARGET} words, urgent advice aside: {len(found.over_max)}")
    print("  longest replies:")
    for m in found.longest:
        print(_line(m))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
