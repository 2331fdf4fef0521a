"""Pure: a person's words as stems, contractions expanded, so phrases match how people speak."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import Stemmer  # PyStemmer: the Snowball English stemmer in C, ~1 ms to import, <1 µs a word

_STEMMER = Stemmer.Stemmer("english")
_CONTRACTIONS = (
    (re.compile(r"\bcan'?t\b"), "can not"),
    (re.compile(r"\bcannot\b"), "can not"),
    (re.compile(r"\bwon'?t\b"), "will not"),
    (re.compile(r"\bshan'?t\b"), "shall not"),
    (re.compile(r"\bain'?t\b"), "is not"),
    (re.compile(r"\b(do|does|did|is|are|was|were|has|have|had|could|would|should|must|need)n'?t\b"),
     r"\1 not"),
    (re.compile(r"\b(i|you|we|they)'ve\b"), r"\1 have"),
    (re.compile(r"\bi'm\b"), "i am"),
    (re.compile(r"\bim\b"), "i am"),
    (re.compile(r"\bive\b"), "i have"),  # typed and transcribed text often drops the apostrophe
    (re.compile(r"\b(you|we|they)'re\b"), r"\1 are"),
    (re.compile(r"\b(\w+)'ll\b"), r"\1 will"),
    # "if I'd fallen", "he'd banged himself": had, before a past participle; else would
    (re.compile(r"\b(i|you|he|she|we|they|it)'d (?=(?:been|had|gone|done|got|seen|fallen|broken|"
                r"hurt|\w+ed)\b)"), r"\1 had "),
    (re.compile(r"\b(i|you|he|she|we|they|it)'d\b"), r"\1 would"),
    # "he's been a bit hot", "it's been fine": has, before been
    (re.compile(r"\b(it|he|she|that|there|what|who|where|here|this)'s (?=been\b)"), r"\1 has "),
    (re.compile(r"\b(it|he|she|that|there|what|who|where|here|this)'s\b"), r"\1 is"),
    # after a noun, "'s been", "'s got", "'s gone" is has ("my garden's been hot"); "'s" before
    # how a thing is, is is ("walking's ok", "my mum's not well"); else a possessive ("my
    # husband's car")
    (re.compile(r"\b(\w+)'s (?=(?:been|got|gone)\b)"), r"\1 has "),
    (re.compile(r"\b(\w+)'s (?=(?:ok|okay|fine|alright|good|better|worse|not|no|getting|"
                r"still|sore|painful|swollen|hot|red|numb|really|very|so|too|bad|killing|just|"
                r"always|never|now|totally|completely|perfectly)\b)"), r"\1 is "),
    (re.compile(r"\b(\w+)'s\b"), r"\1"),
    # "me hip", "me left hip", "me son": "my", as said in much of Britain, Ireland and Australia;
    # "left", "right", "own" and "bad" only before such a word ("the dog yanked me right over")
    (re.compile(r"(?<!give )(?<!gave )(?<!gives )(?<!tell )(?<!told )"
                r"\bme (?=(?:(?:left|right|bad) )?(?:own|hip|hips|leg|legs|knee|knees|back|groin|"
                r"thigh|thighs|bum|side|foot|feet|ankle|wee|bladder|bowels|waterworks|son|daughter|"
                r"husband|wife|mum|mam|dad|mate|missus|kids|kid|partner)\b)"), "my "),
    (re.compile(r"\bgonna\b"), "going to"),
    (re.compile(r"\bwanna\b"), "want to"),
    (re.compile(r"\bgotta\b"), "got to"),
)
_NOT_WORD = re.compile(r"[^a-z0-9' ]+")


@lru_cache(maxsize=4096)
def normalise(text: str) -> str:
    """Lower case, plain apostrophes, contractions spelled out, punctuation dropped."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("-", " ")
    text = _NOT_WORD.sub(" ", text)
    for pattern, replacement in _CONTRACTIONS:
        text = pattern.sub(replacement, text)
    return " ".join(text.replace("'", "").split())


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
