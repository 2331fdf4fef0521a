"""Pure: a person's words as stems, contractions expanded, so phrases match how people speak."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

import Stemmer  # PyStemmer: the Snowball English stemmer in C, ~1 ms to import, <1 µs a word

_STEMMER = Stemmer.Stemmer("english")
_NOT_WORD = re.compile(r"[^a-z0-9' ]+")


@dataclass(frozen=True)
class Spelling:
    """How spoken English is spelled out before matching (content/reader/spelling.yaml)."""

    words: Mapping[str, str] = field(default_factory=dict)
    not_after: frozenset[str] = frozenset()
    have_after: frozenset[str] = frozenset()
    are_after: frozenset[str] = frozenset()
    would_after: frozenset[str] = frozenset()
    had_before: frozenset[str] = frozenset()
    is_after: frozenset[str] = frozenset()
    has_before_them: frozenset[str] = frozenset()
    has_before: frozenset[str] = frozenset()
    is_before: frozenset[str] = frozenset()
    my_before: frozenset[str] = frozenset()
    my_between: frozenset[str] = frozenset()
    me_after: frozenset[str] = frozenset()


_SPELLING = Spelling()


def spell_with(spelling: Spelling) -> None:
    """Set how words are spelled out; once, by the content loader, before any phrase compiles."""
    global _SPELLING
    _SPELLING = spelling
    normalise.cache_clear()


@lru_cache(maxsize=4096)
def normalise(text: str) -> str:
    """Lower case, plain apostrophes, contractions spelled out, punctuation dropped."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("-", " ")
    said = _NOT_WORD.sub(" ", text).split()
    out = ["my" if w == "me" and _as_my(said, i, _SPELLING) else _spelled(said, i, _SPELLING)
           for i, w in enumerate(said)]
    return " ".join(" ".join(out).replace("'", "").split())


def _spelled(said: list[str], i: int, s: Spelling) -> str:
    """One word as spelled out, by the words either side of it."""
    word = said[i].strip("'")  # "'I'm fine'", quoted
    after = said[i + 1].strip("'").split("'")[0] if i + 1 < len(said) else ""
    if word in s.words:
        return s.words[word]
    head, mark, rest = word.partition("'")
    tail, _, more = rest.partition("'")  # "I'd've": "I would've"
    spelled = _expanded(word, head, mark, tail, "" if more else after, s)
    return spelled + "'" + more if more and spelled != word else spelled


def _expanded(word: str, head: str, mark: str, tail: str, after: str, s: Spelling) -> str:
    """A word with its contraction spelled out, or as it was."""
    if word.endswith(("n't", "nt")) and word.removesuffix("n't").removesuffix("nt") in s.not_after:
        return word.removesuffix("n't").removesuffix("nt") + " not"
    if mark and tail == "ve" and head in s.have_after:
        return head + " have"
    if mark and tail == "re" and head in s.are_after:
        return head + " are"
    if mark and tail == "ll" and head:
        return head + " will"
    if mark and tail == "d" and head in s.would_after:
        participle = after in s.had_before or (len(after) > 2 and after.endswith("ed"))
        return head + (" had" if participle else " would")
    if mark and tail == "s" and head:
        return head + _is_or_has(head, after, s)
    return word


def _is_or_has(head: str, after: str, s: Spelling) -> str:
    """'s as "is", "has" or a possessive, by the word before it and the word after."""
    if head in s.is_after:
        return " has" if after in s.has_before_them else " is"
    if after in s.has_before:
        return " has"
    return " is" if after in s.is_before else ""


def _as_my(said: list[str], i: int, s: Spelling) -> bool:
    """"me hip", "me left hip": "my", unless "gave me hip pain"."""
    if i and said[i - 1] in s.me_after:
        return False
    rest = [w.split("'")[0] for w in said[i + 1 : i + 3]]
    if rest and rest[0] in s.my_between:
        rest = rest[1:]
    return bool(rest) and rest[0] in s.my_before


def tokens(text: str) -> list[str]:
    """The normalised words of what was said."""
    return normalise(text).split()


_WHOLE: frozenset[str] = frozenset()


def keep_whole(words: Iterable[str]) -> None:
    """Words matched only as said, never by stem: 'landed' is a fall, 'land' a running stride.

    Set once by the content loader from content/reader/signs.yaml (`whole_words`).
    """
    global _WHOLE
    _WHOLE = frozenset(words)
    stem.cache_clear()


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """One word's Snowball stem: 'slipped' and 'slipping' are both 'slip'."""
    if word in _WHOLE:
        return "=" + word
    return str(_STEMMER.stemWord(word))


def stems(words: list[str]) -> tuple[str, ...]:
    """Every word's stem, in order."""
    return tuple(stem(word) for word in words)
