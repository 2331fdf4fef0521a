"""Pure: when the pain started, from AMAZON.DATE and AMAZON.DURATION values, and how long ago."""

from __future__ import annotations

import re
from datetime import date, timedelta

ICE_DAYS = 2  # the first forty-eight hours are for ice
ASSESS_DAYS = 7  # after a week of remembered pain, see a provider
ASSESS_FIRST_DAYS = 10  # after ten days, say so before anything else
ASSESS_LONG_DAYS = 14  # first heard today: two weeks without settling is seen (NHS hip pain)
# Longer than any pain a person can report: a bigger value (P10000000W, 500 digits) is not a
# duration they meant, so it reads as unclear and is asked again.
MAX_DAYS = 150 * 365
_MAX_DIGITS = 9  # no part of a duration this long fits MAX_DAYS

_DURATION = re.compile(
    r"^P(?:(?P<years>\d+)Y)?(?:(?P<months>\d+)M)?(?:(?P<weeks>\d+)W)?(?:(?P<days>\d+)D)?"
    r"(?:T(?:(?P<hours>\d+)H)?(?:(?P<minutes>\d+)M)?(?:(?P<seconds>\d+)S)?)?$"
)
_WEEK = re.compile(r"^(?P<year>\d{4})-W(?P<week>\d{2})(?:-WE)?$")
_MONTH = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})$")


def duration_days(value: str) -> float | None:
    """An ISO-8601 duration as Alexa fills it ('P3D', 'P2W', 'PT5H') in days; None if unreadable."""
    match = _DURATION.match(value or "")
    if not match or value in ("P", "PT"):
        return None
    found = {k: v for k, v in match.groupdict().items() if v}
    if not found or any(len(v) > _MAX_DIGITS for v in found.values()):
        return None
    parts = {k: int(v) for k, v in found.items()}
    days = parts.get("years", 0) * 365 + parts.get("months", 0) * 30
    days += parts.get("weeks", 0) * 7 + parts.get("days", 0)
    seconds = parts.get("hours", 0) * 3600 + parts.get("minutes", 0) * 60 + parts.get("seconds", 0)
    total = days + seconds / 86400
    return total if total <= MAX_DAYS else None


def duration_seconds(value: str) -> int | None:
    """The same duration in whole seconds, for timers and reminders."""
    days = duration_days(value)
    return None if days is None else round(days * 86400)


def date_value(value: str) -> date | None:
    """An AMAZON.DATE value as a single day: a week means its Monday, a month its first day.

    Anything else, or an impossible day ("2026-13", "2026-W99"), is None: the question is asked
    again rather than failing the request.
    """
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        pass
    week = _WEEK.match(value or "")
    month = _MONTH.match(value or "")
    try:
        if week:
            return date.fromisocalendar(int(week["year"]), int(week["week"]), 1)
        if month:
            return date(int(month["year"]), int(month["month"]), 1)
    except ValueError:
        return None
    return None


def onset_from(started: str | None, duration: str | None, today: date) -> date | None:
    """When the pain began, from 'it started yesterday' or 'for three days'; never in the future."""
    onset = date_value(started) if started else None
    if onset is None and duration:
        days = duration_days(duration)
        onset = _days_before(today, days) if days is not None else None
    if onset is not None and not -366 <= (today - onset).days <= MAX_DAYS:
        return None  # "the year one" or "9999" is not when someone's pain began: ask again
    if onset is None or onset <= today:
        return onset
    return _in_the_past(onset, today)


def _days_before(today: date, days: float) -> date | None:
    """The day `days` before today; None before the calendar begins."""
    try:
        return today - timedelta(days=int(days))
    except OverflowError:
        return None


def _in_the_past(onset: date, today: date) -> date:
    """Alexa resolves 'on Monday' or 'November twentieth' forwards; pain started in the past."""
    if (onset - today).days <= 7:
        return onset - timedelta(days=7)
    try:
        earlier = onset.replace(year=onset.year - 1)
    except ValueError:  # the 29th of February, or the year 1
        earlier = _days_before(onset, 365) or today
    return min(earlier, today)


def days_since(onset: date, today: date) -> int:
    """Whole days from onset to today, never negative."""
    return max(0, (today - onset).days)
