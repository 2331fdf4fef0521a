"""Pure: when the pain started, from AMAZON.DATE and AMAZON.DURATION values, and how long ago."""

from __future__ import annotations

import re
from datetime import date, timedelta

ICE_DAYS = 2  # the first forty-eight hours are for ice
ASSESS_DAYS = 7  # after a week of remembered pain, see a provider
ASSESS_FIRST_DAYS = 10  # after ten days, say so before anything else

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
    parts = {k: int(v) for k, v in match.groupdict().items() if v}
    if not parts:
        return None
    days = parts.get("years", 0) * 365 + parts.get("months", 0) * 30
    days += parts.get("weeks", 0) * 7 + parts.get("days", 0)
    seconds = parts.get("hours", 0) * 3600 + parts.get("minutes", 0) * 60 + parts.get("seconds", 0)
    return days + seconds / 86400


def duration_seconds(value: str) -> int | None:
    """The same duration in whole seconds, for timers and reminders."""
    days = duration_days(value)
    return None if days is None else round(days * 86400)


def date_value(value: str) -> date | None:
    """An AMAZON.DATE value as a single day: a week means its Monday, a month its first day."""
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        pass
    week = _WEEK.match(value or "")
    if week:
        return date.fromisocalendar(int(week["year"]), int(week["week"]), 1)
    month = _MONTH.match(value or "")
    if month:
        return date(int(month["year"]), int(month["month"]), 1)
    return None


def onset_from(started: str | None, duration: str | None, today: date) -> date | None:
    """When the pain began, from 'it started yesterday' or 'for three days'; never in the future."""
    onset = date_value(started) if started else None
    if onset is None and duration:
        days = duration_days(duration)
        onset = today - timedelta(days=int(days)) if days is not None else None
    if onset is None or onset <= today:
        return onset
    return _in_the_past(onset, today)


def _in_the_past(onset: date, today: date) -> date:
    """Alexa resolves 'on Monday' or 'November twentieth' forwards; pain started in the past."""
    if (onset - today).days <= 7:
        return onset - timedelta(days=7)
    try:
        earlier = onset.replace(year=onset.year - 1)
    except ValueError:  # the 29th of February
        earlier = onset - timedelta(days=365)
    return min(earlier, today)


def days_since(onset: date, today: date) -> int:
    """Whole days from onset to today, never negative."""
    return max(0, (today - onset).days)
