"""Spoken dates as AMAZON.DATE fills them, relative to the simulator's clock.

Alexa's conventions, reproduced: a specific day is `2026-11-27`; a week `2026-W47`; a weekend
`2026-W48-WE`; a month `2026-11`; a year `2026`; "now" is `PRESENT_REF`. A bare weekday or
month-and-day ("Monday", "November the twentieth") resolves to the date on or after today, as
Alexa documents; "last Monday" and "three days ago" resolve to the past.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date, timedelta

from skill.core.spoken.durations import parse_quantity, unit_of
from skill.core.spoken.numbers import parse_ordinal, scan

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_PART_OF_DAY = frozenset({"morning", "afternoon", "evening", "night"})
_YEAR_DIGITS = 4
FIRST_YEAR, LAST_YEAR = 1900, 2099  # a four-digit number between them, said alone, is a year

Resolver = Callable[[date], str]


def _days(offset: int) -> Resolver:
    return lambda today: (today + timedelta(days=offset)).isoformat()


def _week(offset: int, weekend: bool = False) -> Resolver:
    def resolve(today: date) -> str:
        year, week, _ = (today + timedelta(weeks=offset)).isocalendar()
        return f"{year}-W{week:02d}" + ("-WE" if weekend else "")

    return resolve


def _month(offset: int) -> Resolver:
    return lambda today: shift_months(today, offset).strftime("%Y-%m")


def _year(offset: int) -> Resolver:
    return lambda today: str(today.year + offset)


_FIXED: dict[tuple[str, ...], Resolver] = {
    ("today",): _days(0), ("tonight",): _days(0), ("this", "morning"): _days(0),
    ("this", "afternoon"): _days(0), ("this", "evening"): _days(0), ("earlier", "today"): _days(0),
    ("now",): lambda _: "PRESENT_REF", ("right", "now"): lambda _: "PRESENT_REF",
    ("yesterday",): _days(-1), ("last", "night"): _days(-1), ("yesterday", "morning"): _days(-1),
    ("yesterday", "afternoon"): _days(-1), ("yesterday", "evening"): _days(-1),
    ("the", "day", "before", "yesterday"): _days(-2), ("day", "before", "yesterday"): _days(-2),
    ("tomorrow",): _days(1), ("the", "day", "after", "tomorrow"): _days(2),
    ("this", "week"): _week(0), ("last", "week"): _week(-1), ("next", "week"): _week(1),
    ("this", "weekend"): _week(0, True), ("the", "weekend"): _week(0, True),
    ("last", "weekend"): _week(-1, True), ("next", "weekend"): _week(1, True),
    ("this", "month"): _month(0), ("last", "month"): _month(-1), ("next", "month"): _month(1),
    ("this", "year"): _year(0), ("last", "year"): _year(-1), ("next", "year"): _year(1),
}
_FIXED_LENGTHS = sorted({len(k) for k in _FIXED}, reverse=True)


def shift_months(day: date, months: int) -> date:
    """The same day of the month `months` later (clamped to the month's end)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def parse_date(words: list[str], start: int, today: date) -> tuple[str, int] | None:
    """The date spoken from words[start] on, as (AMAZON.DATE value, end index), or None."""
    for parser in (_fixed, _ago, _weekday, _month_day, _year_number):
        found = parser(words, start, today)
        if found is not None:
            return found
    return None


def _fixed(words: list[str], start: int, today: date) -> tuple[str, int] | None:
    """ "today", "last week", "this weekend"..."""
    for size in _FIXED_LENGTHS:
        key = tuple(words[start : start + size])
        if len(key) == size and key in _FIXED:
            return _FIXED[key](today), start + size
    return None


def _ago(words: list[str], start: int, today: date) -> tuple[str, int] | None:
    """ "three days ago", "a week ago", "two months ago"."""
    quantity = parse_quantity(words, start)
    if quantity is None or quantity[1] + 1 >= len(words) or words[quantity[1] + 1] != "ago":
        return None
    amount, i = quantity
    unit = unit_of(words[i])
    if unit is None:
        return None
    designator, is_time = unit
    if is_time:
        return today.isoformat(), i + 2
    n = int(amount)
    try:
        if designator == "M":
            return shift_months(today, -n).isoformat(), i + 2
        if designator == "Y":
            return shift_months(today, -12 * n).isoformat(), i + 2
        fortnight = 2 if words[i].startswith("fortnight") else 1
        days = n * (7 if designator == "W" else 1) * fortnight
        return (today - timedelta(days=days)).isoformat(), i + 2
    except (OverflowError, ValueError):
        return None  # before the calendar begins: Alexa fills no date either


def year_of(word: str) -> int | None:
    """The year a word says as a number ("2019"), from 1900 to 2099; None for any other word."""
    if len(word) == _YEAR_DIGITS and word.isdigit() and FIRST_YEAR <= int(word) <= LAST_YEAR:
        return int(word)
    return None


def _year_number(words: list[str], start: int, today: date) -> tuple[str, int] | None:
    """ "2019": a year said as a number, as Alexa fills it ("2019"), up to next year."""
    year = year_of(words[start])
    return (words[start], start + 1) if year is not None and year <= today.year + 1 else None


def _weekday(words: list[str], start: int, today: date) -> tuple[str, int] | None:
    """ "monday", "last monday", "next friday", "monday morning"."""
    i, modifier = start, ""
    if words[i] in ("last", "this", "next", "on"):
        modifier, i = words[i], i + 1
    if i >= len(words) or _weekday_index(words[i]) is None:
        return None
    target = _weekday_index(words[i]) or 0
    ahead = (target - today.weekday()) % 7
    if modifier == "last":
        day = today - timedelta(days=(today.weekday() - target) % 7 or 7)
    elif modifier == "next" and ahead == 0:
        day = today + timedelta(days=7)
    else:
        day = today + timedelta(days=ahead)
    end = i + 1 + (1 if words[i + 1 : i + 2] and words[i + 1] in _PART_OF_DAY else 0)
    return day.isoformat(), end


def _weekday_index(word: str) -> int | None:
    """Monday = 0; plurals ("mondays") count."""
    return WEEKDAYS.get(word, WEEKDAYS.get(word[:-1]) if word.endswith("s") else None)


def _month_day(words: list[str], start: int, today: date) -> tuple[str, int] | None:
    """ "november twenty fifth", "the third of march", "november" alone (a month)."""
    i = start + (1 if words[start] == "the" else 0)
    if i < len(words) and words[i] in MONTHS:
        month = MONTHS[words[i]]
        j = i + 1 + (1 if words[i + 1 : i + 2] == ["the"] else 0)
        ordinal = parse_ordinal(words, j)
        if ordinal and 1 <= ordinal[0] <= 31:
            return _on_or_after(today, month, ordinal[0]), ordinal[1]
        if i == start and _is_month_alone(words, i):
            year = today.year + (1 if month < today.month else 0)
            return f"{year}-{month:02d}", i + 1
        return None
    ordinal = parse_ordinal(words, i)
    if ordinal is None or words[ordinal[1] : ordinal[1] + 1] != ["of"]:
        return None
    k = ordinal[1] + 1
    if k < len(words) and words[k] in MONTHS and 1 <= ordinal[0] <= 31:
        return _on_or_after(today, MONTHS[words[k]], ordinal[0]), k + 1
    return None


def _is_month_alone(words: list[str], i: int) -> bool:
    """ "may" is a month only after "in" or "since" ("it may be" is not a date)."""
    return words[i] != "may" or (i > 0 and words[i - 1] in ("in", "since", "during", "early"))


def _on_or_after(today: date, month: int, day: int) -> str:
    """Alexa's bias for a month and day without a year: this year's, unless already past."""
    for year in (today.year, today.year + 1):
        if day <= calendar.monthrange(year, month)[1]:
            candidate = date(year, month, day)
            if candidate >= today:
                return candidate.isoformat()
    return date(today.year + 1, month, min(day, 28)).isoformat()


def find_dates(words: list[str], today: date) -> list[tuple[int, int, str]]:
    """Every spoken date as (start, end, value)."""
    return scan(words, lambda words, start: parse_date(words, start, today))
