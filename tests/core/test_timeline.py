"""Onset dates from what Alexa fills for AMAZON.DATE and AMAZON.DURATION, and days since."""

from __future__ import annotations

from datetime import date

import pytest

from skill.core.timeline import date_value, days_since, duration_days, duration_seconds, onset_from

TODAY = date(2026, 11, 27)


@pytest.mark.parametrize(
    ("value", "days"),
    [("P3D", 3), ("P2W", 14), ("P1M", 30), ("PT12H", 0.5), ("P1DT12H", 1.5), ("P1Y", 365)],
)
def test_durations_read_as_days(value: str, days: float) -> None:
    assert duration_days(value) == days


@pytest.mark.parametrize("value", ["", "P", "PT", "3 days", "P3X", "PT2H30"])
def test_unreadable_durations_are_none(value: str) -> None:
    assert duration_days(value) is None


def test_duration_seconds_for_timers() -> None:
    assert duration_seconds("PT15M") == 900
    assert duration_seconds("PT2H") == 7200


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-11-26", date(2026, 11, 26)),
        ("2026-W47", date(2026, 11, 16)),
        ("2026-W47-WE", date(2026, 11, 16)),
        ("2026-11", date(2026, 11, 1)),
        ("PRESENT_REF", None),
        ("", None),
    ],
)
def test_date_values_become_one_day(value: str, expected: date | None) -> None:
    assert date_value(value) == expected


def test_onset_from_a_date_or_a_duration() -> None:
    assert onset_from("2026-11-24", None, TODAY) == date(2026, 11, 24)
    assert onset_from(None, "P3D", TODAY) == date(2026, 11, 24)
    assert onset_from("nonsense", "P1W", TODAY) == date(2026, 11, 20)
    assert onset_from(None, None, TODAY) is None


def test_future_dates_alexa_filled_forwards_mean_the_last_one() -> None:
    assert onset_from("2026-11-30", None, TODAY) == date(2026, 11, 23)  # "on Monday"
    assert onset_from("2027-11-20", None, TODAY) == date(2026, 11, 20)  # "November twentieth"
    assert onset_from("2026-12-25", None, TODAY) == date(2025, 12, 25)  # "Christmas day"


def test_days_since_is_never_negative() -> None:
    assert days_since(date(2026, 11, 25), TODAY) == 2
    assert days_since(date(2026, 11, 30), TODAY) == 0
