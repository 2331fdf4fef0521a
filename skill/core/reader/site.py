"""Pure: a warning sign said of another part of the body ("a swollen lip"), not the hip's."""

from __future__ import annotations

from collections.abc import Sequence

from skill.core.reader.vocabulary import Elsewhere


def part_named(
    sid: str, span: tuple[int, int], words: Sequence[str], table: Elsewhere,
    barrier: frozenset[int],
) -> int | None:
    """Where another part is named for a sign said at `span`, in its clause and within reach,
    with none of the hip's own places there too ("bruises on my shoulder, hip and thumb,
    starting to swell" may be the hip's); None when the sign may be the hip's."""
    parts = table.parts.get(sid)
    if not parts:
        return None
    start, stop = span
    if any(words[i] in table.here for i in range(start, stop)):
        return None
    near = [at for step in range(1, table.reach + 1) for at in (start - step, stop - 1 + step)
            if 0 <= at < len(words) and not _crosses(at, span, barrier)]
    if any(words[at] in table.here for at in near):
        return None
    return next((at for at in near if _part_at(words, at, parts)), None)


def _part_at(words: Sequence[str], at: int, parts: frozenset[tuple[str, ...]]) -> bool:
    """A part named at `at`: one word, or the first or last of several ("cold sore")."""
    return any(
        tuple(words[at:at + len(p)]) == p or tuple(words[at - len(p) + 1:at + 1]) == p
        for p in parts
    )


def _crosses(at: int, span: tuple[int, int], barrier: frozenset[int]) -> bool:
    """A terminator between the sign and the word at `at` ("swollen, but my knee is fine")."""
    between = range(at + 1, span[0]) if at < span[0] else range(span[1], at)
    return bool(barrier.intersection(between)) or at in barrier
