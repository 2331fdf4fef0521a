"""The reader hears at least what Alexa's slots do: every slot value of a model, said alone."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from skill.core.content_types import Content
from skill.core.reader.read import read

_RANK = {"urgent": 2, "see_provider": 1}


def reader_problems(locale: str, model: Mapping[str, Any], content: Content) -> Iterator[str]:
    """Each RedFlag, feature and condition value the reader would not hear as its id."""
    where = f"content/reader/ ({locale}): interaction_model/{locale}.json"
    vocab = content.vocabulary(locale)
    if vocab is None:
        yield f"content/reader/: no vocabulary for {locale}"
        return
    levels = content.flag_levels()
    groups = {g.slot_type: g.name for g in content.features.values()}
    for kind in model.get("types", []):
        name = kind["name"]
        for value in kind.get("values", []):
            for phrase in [value["name"]["value"], *value["name"].get("synonyms", [])]:
                heard = read(phrase, vocab, levels)
                if not _heard(name, value["id"], heard, groups, content):
                    yield f"{where}: types.{name}.{value['id']}: {phrase!r} is not heard as it"


def _heard(name: str, vid: str, heard: Any, groups: Mapping[str, str], content: Content) -> bool:
    if name == "RedFlag":
        want = _RANK[content.red_flags[vid].level]
        return any(s.id == vid or _RANK.get(s.level, 0) >= want for s in heard.present)
    if name in groups:
        return vid in heard.features.get(groups[name], ())
    if name == "HipCondition":
        return bool(heard.condition == vid)
    return True
