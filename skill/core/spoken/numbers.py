"""Spoken numbers ("fifteen", "twenty one", "two hundred and five", "15") as AMAZON.NUMBER."""

from __future__ import annotations

from collections.abc import Callable

_UNITS = {
    "zero": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
NUMBER_WORDS = frozenset(_UNITS) | frozenset(_TENS) | frozenset(_SCALES)


def parse_number(words: list[str], start: int) -> tuple[int, int] | None:
    """The number spoken from words[start] on, as (value, end index), or None."""
    if start >= len(words):
        return None
    word = words[start]
    if word.isdigit():
        return int(word), start + 1
    if word not in NUMBER_WORDS or word in _SCALES or word == "oh":
        return None
    return _parse_words(words, start)


def _parse_words(words: list[str], start: int) -> tuple[int, int]:
    """Accumulate "two hundred and thirty four" left to right; stop where a new number begins."""
    total, current, last, i = 0, 0, "", start
    while i < len(words):
        word = words[i]
        kind = _kind(word)
        if (word == "and" and last == "scale" and i + 1 < len(words)
                and _kind(words[i + 1]) in ("unit", "teen", "tens")):
            i += 1
            continue
        if kind == "" or not _may_follow(last, kind):
            break
        if kind == "scale":
            scale = _SCALES[word]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total, current = total + (current or 1) * scale, 0
        else:
            current += _UNITS.get(word, 0) + _TENS.get(word, 0)
        last, i = kind, i + 1
    return total + current, i


def _kind(word: str) -> str:
    """unit (1-9), teen (10-19), tens, scale, or "" for a word that is no number."""
    if word in _UNITS and word != "oh":
        return "unit" if _UNITS[word] < 10 else "teen"
    if word in _TENS:
        return "tens"
    return "scale" if word in _SCALES else ""


def _may_follow(last: str, kind: str) -> bool:
    """"twenty" may take "one"; "two" may not take "three" (that is two numbers)."""
    if last in ("", "scale"):
        return True
    if last == "tens":
        return kind in ("unit", "scale")
    return kind == "scale"


def parse_ordinal(words: list[str], start: int) -> tuple[int, int] | None:
    """A day of the month: "twenty fifth", "25th", "the third", as (value, end index)."""
    if start >= len(words):
        return None
    word = words[start]
    if word[:-2].isdigit() and word[-2:] in ("st", "nd", "rd", "th"):
        return int(word[:-2]), start + 1
    if word in _ORDINALS:
        return _ORDINALS[word], start + 1
    if word in ("twenty", "thirty") and start + 1 < len(words):
        nxt = words[start + 1]
        if nxt in _ORDINALS and _ORDINALS[nxt] < 10:
            return _TENS[word] + _ORDINALS[nxt], start + 2
    if word.isdigit():
        return int(word), start + 1
    return None


Found = tuple[str, int] | None  # (value as Alexa fills it, index after the last word)


def scan(words: list[str], parse: Callable[[list[str], int], Found]) -> list[tuple[int, int, str]]:
    """Every maximal match of `parse`, left to right, as (start, end, value)."""
    spans: list[tuple[int, int, str]] = []
    i = 0
    while i < len(words):
        found = parse(words, i)
        if found is None:
            i += 1
            continue
        spans.append((i, found[1], found[0]))
        i = found[1]
    return spans


def find_numbers(words: list[str]) -> list[tuple[int, int, str]]:
    """Every maximal spoken number as (start, end, value) the way AMAZON.NUMBER fills it."""

    def parse(words: list[str], start: int) -> Found:
        parsed = parse_number(words, start)
        return None if parsed is None else (str(parsed[0]), parsed[1])

    return scan(words, parse)
