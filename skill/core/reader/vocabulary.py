"""Pure: the reader's vocabulary as frozen records, compiled once from content/reader/*.yaml."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import NamedTuple

# One step of a phrase: the stem sequences any of which may stand here, or a gap of at most
# that many other words.
Step = tuple[tuple[str, ...], ...] | int


class Pattern(NamedTuple):
    """A compiled phrase: its steps, and the text a clinician wrote (shown by --explain)."""

    steps: tuple[Step, ...]
    text: str
    # The first stems each word step after the first may start with: a pattern none of whose
    # needs is disjoint from the words said can match at all (a cheap test before the full one).
    needs: tuple[frozenset[str], ...] = ()


class PatternSet(NamedTuple):
    """Patterns indexed by the stem they start with, so a search tries only those that can fit."""

    patterns: tuple[Pattern, ...]
    by_first: Mapping[str, tuple[Pattern, ...]]


class Labelled(Mapping[str, PatternSet]):
    """Patterns by label (a sign, a feature, a topic), and all of them indexed together by the
    stem they start with, built once when the content is compiled, so one pass over the words
    finds every label's matches."""

    def __init__(self, table: Mapping[str, PatternSet]) -> None:
        self._table = dict(table)
        index: dict[str, list[tuple[Pattern, str]]] = {}
        for label, patterns in self._table.items():
            for first, bucket in patterns.by_first.items():
                index.setdefault(first, []).extend((pattern, label) for pattern in bucket)
        self.index: Mapping[str, tuple[tuple[Pattern, str], ...]] = MappingProxyType(
            {first: tuple(entries) for first, entries in index.items()})

    def __getitem__(self, label: str) -> PatternSet:
        return self._table[label]

    def __iter__(self) -> Iterator[str]:
        return iter(self._table)

    def __len__(self) -> int:
        return len(self._table)


class SignWords(NamedTuple):
    """How one warning sign is said: anywhere, only alone, and what merely looks like it."""

    id: str
    phrases: PatternSet
    alone: PatternSet
    not_: PatternSet
    # two things said anywhere in the words, across clauses, that together are the sign: more
    # training, and pain each time the foot lands; the second is where the sign is said
    together: tuple[tuple[PatternSet, PatternSet], ...] = ()


class ContextRule(NamedTuple):
    """A NegEx-style trigger: what it means, which way it looks, and how far."""

    pattern: Pattern
    category: str  # negated | possible | uncertain | historical
    direction: str  # forward | backward | both
    max_scope: int
    signs: frozenset[str] = frozenset()  # only these signs (all when empty)
    crosses: bool = False  # looks back across the terminator it follows ("but that's healed")
    # negates a feature too ("no pain lying on it"); an inability does not ("I can't squat" says
    # what the pain stops, so squatting is still what brings it on)
    features: bool = True


class SignTables(NamedTuple):
    """The signs' phrases by sign id, one table per kind, for a single search each."""

    phrases: Labelled
    alone: Labelled
    not_: Labelled
    together: tuple[tuple[str, PatternSet, PatternSet], ...] = ()  # sign id, first, then


class Whose(NamedTuple):
    """Words that say whose a warning sign is: someone else ("my wife", "she"), the speaker
    ("I", "me", "my"), a report on the speaker ("says", "thinks"), and the subjects that start
    a clause ("i", "she")."""

    subjects: PatternSet
    me: PatternSet
    reporting: PatternSet
    starts: frozenset[str]
    now: PatternSet | None = None  # "just", "right now": someone else's emergency, now
    always_now: frozenset[str] = frozenset()  # "he can't stand up": an emergency as it is said
    past: frozenset[str] = frozenset()  # "he couldn't walk": that sign told of the past
    not_subjects: PatternSet | None = None  # "walking the dog": named, but not whose it is
    lasting: PatternSet | None = None  # "he can't walk anymore": a state that has lasted
    owns_after: frozenset[str] = frozenset()  # "... is my son": who, said after the sign
    places_before: frozenset[str] = frozenset()  # "over the cat": where or how, not whose
    determiners: frozenset[str] = frozenset()  # "the", "my": between such a word and a person

    def subject_at(self, words: Sequence[str]) -> set[int]:
        """Where a subject that starts a clause is said."""
        return {i for i, word in enumerate(words) if word in self.starts}


class Frames(NamedTuple):
    """Words that set a story in a time long past, and words that bring it back to now."""

    anchors: PatternSet  # "last winter", "months ago", and every one of `long_ago`
    long_ago: PatternSet  # far enough back that a fall then did not start this pain: "years ago"
    now: frozenset[str]  # words as said, in the present: "is", "can", "hurts", "now"
    now_phrases: PatternSet  # a time of its own, near or now: "this morning", "these days"
    onset: frozenset[str]  # stems that say what began then goes on: "started", "developed"
    reach: int  # how many words after the time a clause told in that past may start
    signs: frozenset[str]  # the signs a time long past can hold
    cuts: frozenset[str] = frozenset()  # words said that start a clause: "i", "she"
    # words that start a clause when a present word is one of the next two: "it still hurts"
    cuts_now: frozenset[str] = frozenset()
    # signs long past only where the time is set, and only years back: a fall ("years ago she had
    # her hip done and fell" may be a fall today)
    where_set: frozenset[str] = frozenset()
    since_then: PatternSet | None = None  # the pain lasting since that time: "ever since"
    since: frozenset[str] = frozenset()  # said before a time long past: "pain since a fall in 2012"
    fine_since: PatternSet | None = None  # well since that time: "it's been fine ever since"


class Resolved(NamedTuple):
    """Words that say an episode told in the past is over ("but that passed straight away")."""

    ends: PatternSet  # an end: "that passed", "now fully recovered", "we're all better"
    healed: PatternSet  # an end that only healing makes: "it's long healed"
    signs: frozenset[str]  # the signs an end puts aside
    healed_signs: frozenset[str]  # the signs only healing puts aside: a fall
    past: frozenset[str]  # words as said, in the past tense: "had", "went"
    not_past: frozenset[str]  # words ending in -ed that are not past: "tired"
    not_after: PatternSet  # an end followed by these says when it is better: "when I rest"
    undone: PatternSet  # it came back: "but it came back"
    reach: int  # how many words before the end a sign may be said
    # an end that points back at a whole episode, sign or not ("but it healed"): the times told
    # in that episode are not this pain's ("I strained my groin back in May, but it healed")
    episodes: PatternSet | None = None


class Unharmed(NamedTuple):
    """Words after a fall that say it did no harm ("but nothing serious"), for a fall told with
    no pain now."""

    phrases: PatternSet  # "I wasn't hurt", "no serious injuries", "no harm done"
    not_: PatternSet  # harm only delayed: "it didn't hurt at first"
    signs: frozenset[str]  # the signs it puts aside: a fall
    shown_by: frozenset[str]  # signs beside it that show harm, as pain does: a numb leg
    reach: int  # how many words after the sign the words may be said


class Elsewhere(NamedTuple):
    """Parts of the body that are not the hip, by the signs they put aside when named."""

    parts: Mapping[str, frozenset[tuple[str, ...]]]  # sign id -> stems of each part
    here: frozenset[str]  # the hip's own places, as stems: "hip", "groin", "leg"
    reach: int  # how many words from the sign a part may be named


class Vocabulary(NamedTuple):
    """Everything the reader understands, for one locale."""

    locale: str
    signs: tuple[SignWords, ...]
    sign_tables: SignTables
    triggers: Mapping[Pattern, ContextRule]  # each trigger phrase and its rule
    trigger_set: PatternSet
    terminators: PatternSet
    pseudo: PatternSet
    others: PatternSet
    children: PatternSet
    self_: PatternSet
    not_children: PatternSet
    adults: PatternSet
    yes: PatternSet
    no: PatternSet
    unsure: PatternSet
    safe: Labelled
    pain: PatternSet
    soft: frozenset[str]
    features: Mapping[str, Labelled]
    conditions: Labelled
    asking: PatternSet
    topics: Labelled
    actions: Labelled
    filler: frozenset[str]
    persons: frozenset[str]
    commands: Labelled
    then: frozenset[str] = frozenset()  # words that start a new clause after an answer
    improving: PatternSet | None = None  # "it's getting better": not a pain that has failed
    improving_undone: PatternSet | None = None  # "...then came back worse": no longer better
    recent: PatternSet | None = None  # a time near now: "this morning"; a sign's own time
    improving_not: PatternSet | None = None  # "long after the flare settled": another's end
    bettered: frozenset[str] = frozenset()  # signs a later "getting better" leaves in the past
    unharmed: Unharmed | None = None  # "a fall, but nothing serious": no harm, if no pain
    holds: PatternSet | None = None  # "I've got arthritis": a condition held, not a guess
    not_held: PatternSet | None = None  # "I have tight hip flexors": a part, not a condition
    leads: Mapping[str, str] = MappingProxyType({})  # lead intent -> the words Alexa left out
    features_not: Mapping[str, Labelled] = MappingProxyType({})  # look-alikes
    rates: frozenset[str] = frozenset()  # "forty miles a week": how often, not how long
    whose: Whose | None = None  # someone else's sign, when the pain is the speaker's own
    vague: Labelled = Labelled({})  # ISO duration -> "a few weeks"...
    month_onset: frozenset[tuple[str, ...]] = frozenset()  # "since", "back in": before a month
    openers: frozenset[str] = frozenset()  # a question word first: "is heat or ice better..."
    young_speaker: PatternSet | None = None  # "I'm fifteen": the speaker is a child
    # "thirty weeks pregnant", "a month to go": not the pain's time
    not_pain_after: frozenset[tuple[str, ...]] = frozenset()
    other_times: PatternSet | None = None  # "fine for weeks": a time that is not the pain's
    times_since: PatternSet | None = None  # "six weeks since my operation": another event's time
    diagnosis: PatternSet | None = None  # "my GP said", an injection: care already sought
    comes_and_goes: PatternSet | None = None  # "occasional", "on and off": not a constant pain
    replaced: PatternSet | None = None  # "my new hip": a replaced joint, not a worn one
    replacement_due: PatternSet | None = None  # "waiting for a hip replacement": not done yet
    # a new clause's subject, which ends what a forward trigger covers ("no fever my leg has
    # gone numb"), unless the word before it reports or wonders ("I don't think my leg is")
    clause_starts: PatternSet | None = None
    clause_not_after: frozenset[str] = frozenset()
    # words that only point back ("but that's all sorted"): a trigger that crosses a terminator
    # may have these between it and the terminator, never a word of a new thing ("but my wrist
    # is all healed")
    crossing: frozenset[str] = frozenset()
    # words that join a list of signs, so a negation of the first is of the rest: "no pins and
    # needles or numbness"
    list_joins: frozenset[str] = frozenset()
    # someone else's own hip or leg ("her hip is sore", "my dad's leg"): their pain, told now
    others_pain: PatternSet | None = None
    hedge: PatternSet | None = None  # "a bit", "sort of": a yes said with a doubt
    contrast: frozenset[str] = frozenset()  # "no, but ...": the no answers, the rest says more
    doubt: PatternSet | None = None  # "I'm a bit forgetful": the answer is not certain
    frames: Frames | None = None  # "two years ago I couldn't walk, but now...": long past
    resolved: Resolved | None = None  # "I had chills on the boat, but that passed": over
    elsewhere: Elsewhere | None = None  # "a swollen lip": another part's, not the hip's


NEGATED = "negated"
POSSIBLE = "possible"
UNCERTAIN = "uncertain"
HISTORICAL = "historical"  # long past: counts as not said for the signs its rule names
HYPOTHETICAL = "hypothetical"  # asked about, not had: "what if it gets swollen?"
ELSEWHERE = "another part's"  # "a swollen lip from the dentist": not the hip's
SOMEONE_ELSE = "someone else's"  # "my wife's got the flu": not the speaker's, whose pain it is
NAMED_CONDITION = "named_condition"  # a context rule's `signs` entry for the conditions named
CATEGORIES = (NEGATED, POSSIBLE, UNCERTAIN, HISTORICAL, HYPOTHETICAL)
DIRECTIONS = ("forward", "backward", "both")
DEFAULT_SCOPE = 6
MAX_GAP = 4
