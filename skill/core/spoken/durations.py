"""Spoken amounts of time ("two days", "half an hour", "an hour and a half") as AMAZON.DURATION."""

from __future__ import annotations

from skill.core.spoken.numbers import Found, parse_number, scan

# unit word -> (ISO designator, is a time part)
UNITS = {
    "second": ("S", True), "sec": ("S", True), "minute": ("M", True), "min": ("M", True),
    "hour": ("H", True), "hr": ("H", True), "day": ("D", False), "night": ("D", False),
    "week": ("W", False), "fortnight": ("W", False), "month": ("M", False),
    "year": ("Y", False),
}
# half of one unit, expressed in the next smaller one
_HALF = {"H": ("M", 30, True), "M_time": ("S", 30, True), "D": ("H", 12, True),
         "W": ("D", 3.5, False), "M_date": ("D", 15, False), "Y": ("M", 6, False)}
_VAGUE = {("a", "couple", "of"): 2, ("couple", "of"): 2, ("a", "couple"): 2}
_DATE_ORDER = "YMWD"
_TIME_ORDER = "HMS"

Parts = dict[tuple[str, bool], float]


def unit_of(word: str) -> tuple[str, bool] | None:
    """The ISO designator for a unit word, plural or not."""
    base = word[:-1] if word.endswith("s") and word[:-1] in UNITS else word
    return UNITS.get(base)


def parse_quantity(words: list[str], start: int) -> tuple[float, int] | None:
    """ "two", "a", "an", "a couple of", "half a", "one and a half" -> (amount, end index)."""
    for phrase, value in _VAGUE.items():
        if tuple(words[start : start + len(phrase)]) == phrase:
            return float(value), start + len(phrase)
    if words[start : start + 1] in (["a"], ["an"]):
        return 1.0, start + 1
    if words[start : start + 1] == ["half"] and words[start + 1 : start + 2] in (["a"], ["an"]):
        return 0.5, start + 2
    parsed = parse_number(words, start)
    if parsed is None:
        return None
    end = parsed[1]
    if words[end : end + 3] == ["and", "a", "half"]:
        return parsed[0] + 0.5, end + 3
    return float(parsed[0]), end


def parse_duration(words: list[str], start: int) -> tuple[Parts, int] | None:
    """One or more "<quantity> <unit>" joined by "and", as ISO parts and the end index."""
    parts: Parts = {}
    i = start
    while True:
        one = _one_amount(words, i)
        if one is None:
            break
        unit, amount, i = one
        parts[unit] = parts.get(unit, 0.0) + amount
        if words[i : i + 1] == ["and"] and _one_amount(words, i + 1) is not None:
            i += 1
            continue
        break
    return (parts, i) if parts else None


def _one_amount(words: list[str], start: int) -> tuple[tuple[str, bool], float, int] | None:
    """ "two hours", "an hour and a half", "a fortnight"."""
    quantity = parse_quantity(words, start)
    if quantity is None or quantity[1] >= len(words):
        return None
    amount, i = quantity
    unit = unit_of(words[i])
    if unit is None:
        return None
    if words[i].startswith("fortnight"):
        amount *= 2
    i += 1
    if words[i : i + 3] == ["and", "a", "half"]:
        amount, i = amount + 0.5, i + 3
    return unit, amount, i


def iso_duration(parts: Parts) -> str:
    """ISO-8601 duration as Alexa writes it: P2D, PT15M, PT1H30M, P1W."""
    parts = _spread_halves(parts)
    date = "".join(_fmt(parts.get((d, False), 0)) + d for d in _DATE_ORDER if (d, False) in parts)
    time = "".join(_fmt(parts.get((t, True), 0)) + t for t in _TIME_ORDER if (t, True) in parts)
    return "P" + date + ("T" + time if time else "")


def _spread_halves(parts: Parts) -> Parts:
    """Turn "1.5 hours" into 1 hour 30 minutes, since ISO designators here take whole numbers."""
    out: Parts = {}
    for (unit, is_time), amount in sorted(parts.items(), key=_size_order):
        whole = int(amount)
        if whole:
            out[(unit, is_time)] = out.get((unit, is_time), 0) + whole
        if amount - whole:
            key = unit + ("_time" if is_time and unit == "M" else "_date" if unit == "M" else "")
            small, value, small_time = _HALF.get(key, _HALF.get(unit, ("S", 0, True)))
            out[(small, small_time)] = out.get((small, small_time), 0) + value
    return _spread_halves(out) if any(v != int(v) for v in out.values()) else out


def _size_order(item: tuple[tuple[str, bool], float]) -> int:
    """Largest unit first, so halves cascade downwards."""
    (unit, is_time), _ = item
    return (_TIME_ORDER.index(unit) + 10) if is_time else _DATE_ORDER.index(unit)


def _fmt(value: float) -> str:
    """Whole numbers without a decimal point."""
    return str(int(value)) if value == int(value) else str(value)


def find_durations(words: list[str]) -> list[tuple[int, int, str]]:
    """Every spoken duration as (start, end, ISO value)."""

    def parse(words: list[str], start: int) -> Found:
        parsed = parse_duration(words, start)
        return None if parsed is None else (iso_duration(parsed[0]), parsed[1])

    return scan(words, parse)
