"""Words normalised the same way for samples and utterances, so matching compares like with like.

Negations are folded into single scored tokens ("can't", "can not" and "cannot" all become
"cannot"; "don't" and "do not" become "dont") so that "I can walk" and "I can't walk" never look
alike. Fillers ("um", "please", "I think", "it's like") cost nothing when left over.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)*")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "-": " ", "_": " "})

# Auxiliary + not -> one negative token; "X n't" reaches here as the same pair.
_NEGATED = {
    "can": "cannot", "do": "dont", "does": "doesnt", "did": "didnt", "is": "isnt",
    "are": "arent", "was": "wasnt", "were": "werent", "will": "wont", "wo": "wont",
    "would": "wouldnt", "could": "couldnt", "should": "shouldnt", "have": "havent",
    "has": "hasnt", "had": "hadnt", "must": "mustnt", "need": "neednt", "ca": "cannot",
    "ai": "isnt",
}
_CLITICS = {"'m": "am", "'re": "are", "'ve": "have", "'ll": "will", "'d": "would"}
_S_IS = {"it", "that", "what", "there", "he", "she", "who", "where", "how", "here", "this"}

NEGATIONS = frozenset(
    set(_NEGATED.values()) | {"not", "no", "never", "without", "nothing", "none", "nor", "neither"}
)
FILLERS = frozenset({
    "um", "umm", "uh", "uhh", "uhm", "er", "erm", "hmm", "hm", "ah", "oh", "please", "like", "so",
    "well", "just", "actually", "basically", "really", "alexa", "kinda", "sorta", "literally",
    "honestly", "anyway", "anyways", "also",
})
FILLER_PHRASES: tuple[tuple[str, ...], ...] = (
    ("i", "think"), ("i", "guess"), ("i", "mean"), ("you", "know"), ("kind", "of"),
    ("sort", "of"), ("it", "is", "like"), ("to", "be", "honest"), ("let", "me", "see"),
    ("i", "would", "say"), ("i", "suppose"), ("i", "believe"), ("a", "bit", "of"),
    ("a", "lot", "of"), ("a", "little", "bit"), ("a", "little", "bit", "of"),
)
FUNCTION_WORDS = frozenset({
    "i", "me", "my", "mine", "a", "an", "the", "is", "am", "are", "was", "were", "be", "been",
    "it", "its", "to", "of", "in", "on", "at", "and", "or", "for", "with", "when", "that", "this",
    "these", "those", "do", "does", "did", "have", "has", "had", "can", "could", "would",
    "should", "will", "shall", "you", "your", "what", "about", "some", "any", "there", "if",
    "how", "get", "got", "one", "by", "from", "as", "up", "out",
})
# Words a slot value may skip over or leave out ("back of my thigh" = "back of the thigh",
# "I can't put any weight on it" = "I can't put weight on it").
SKIPPABLE = frozenset({
    "a", "an", "the", "my", "your", "his", "her", "their", "our", "any", "some", "still",
    "even", "very", "really", "just", "um", "umm", "uh", "er", "erm", "hmm", "actually", "kinda",
})

_IRREGULAR = {
    "lying": "lie", "lay": "lie", "lain": "lie", "fell": "fall", "fallen": "fall",
    "hurt": "hurt", "feet": "foot", "knees": "knee", "worse": "bad", "worst": "bad",
    "began": "begin", "begun": "begin", "ran": "run", "better": "good", "painful": "pain",
    "sore": "sore", "sleeping": "sleep", "slept": "sleep", "done": "do", "did": "do",
}
NEGATION_WEIGHT = 3.0
CONTENT_WEIGHT = 1.0
FUNCTION_WEIGHT = 0.5


@dataclass(frozen=True, slots=True)
class Token:
    """One normalised word with what matching needs precomputed."""

    word: str
    stem: str
    weight: float


def normalise(text: str) -> list[str]:
    """Lower-case words with contractions and negations folded; punctuation dropped."""
    words: list[str] = []
    for raw in _WORD.findall(text.lower().translate(_APOSTROPHES)):
        words.extend(_expand(raw))
    return _fold_negations(words)


def _expand(raw: str) -> list[str]:
    """Split a contraction into the words it stands for."""
    if "'" not in raw:
        return [raw]
    if raw.endswith("n't"):
        return [raw[:-3], "not"]
    head, _, tail = raw.partition("'")
    tail = "'" + tail
    if tail in _CLITICS:
        return [head, _CLITICS[tail]]
    if head == "let" and tail == "'s":
        return ["let", "us"]
    if tail == "'s":
        return [head, "is"] if head in _S_IS else [head]
    return [raw.replace("'", "")]


def _fold_negations(words: list[str]) -> list[str]:
    """Fold "can not" / "do not" (and the expanded "can't") into one negative token."""
    out: list[str] = []
    for word in words:
        if word == "not" and out and out[-1] in _NEGATED:
            out[-1] = _NEGATED[out[-1]]
        elif word in ("cant", "cannot"):
            out.append("cannot")
        else:
            out.append(word)
    return out


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light stemmer: enough that "hurts", "hurting" and "hurt" compare equal."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) > 5 and word.endswith("ing"):
        return _undouble(word[:-3])
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("ed"):
        return _undouble(word[:-2])
    if len(word) > 3 and word.endswith("es") and word[-3] in "sxz":
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _undouble(base: str) -> str:
    """"runn" -> "run", "stopp" -> "stop"."""
    if len(base) > 2 and base[-1] == base[-2] and base[-1] not in "aeiouls":
        return base[:-1]
    return base


@lru_cache(maxsize=65536)
def weight(word: str) -> float:
    """How much a word says: negations most, then content words, then function words."""
    if word in NEGATIONS:
        return NEGATION_WEIGHT
    if word in FUNCTION_WORDS:
        return FUNCTION_WEIGHT
    return CONTENT_WEIGHT


def tokens(words: list[str]) -> list[Token]:
    """Attach stem and weight to each normalised word."""
    return [Token(w, stem(w), weight(w)) for w in words]


def filler_mask(words: list[str]) -> list[bool]:
    """Which positions are filler here (single filler words, or inside a filler phrase)."""
    mask = [w in FILLERS for w in words]
    for phrase in FILLER_PHRASES:
        size = len(phrase)
        for start in range(len(words) - size + 1):
            if tuple(words[start : start + size]) == phrase:
                mask[start : start + size] = [True] * size
    return mask
