"""The recogniser's generated files: a trigram language model and a pronouncing dictionary.

`python -m skill.simulator.voice.languagemodel` (run by `make` when a model or content/ changes)
writes skill/simulator/voice/models/<locale>.lm, .answers.lm (for yes-or-no questions) and
.dic; `--check` says whether the committed
files are what the models and content generate.
"""

from __future__ import annotations

import argparse
import io
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pocketsphinx import get_model_path
from pocketsphinx.lm import ArpaBoLM

from skill.simulator.voice.vocabulary import (
    CONTENT_DIR,
    MODEL_DIR,
    VOICE_CONTENT,
    answer_corpus,
    corpus,
    load_voice_content,
)

GENERATED_DIR = Path(__file__).resolve().parent / "models"
HEADER = "# Generated from interaction_model/{locale}.json and content/ by {tool}: do not edit.\n"
TOOL = "python -m skill.simulator.voice.languagemodel"


class MissingPronunciation(ValueError):
    """A word the models use that neither the dictionary nor content/voice.yaml can say."""


@dataclass(frozen=True)
class Generated:
    """One locale's files, as text."""

    locale: str
    lm: str
    dic: str
    answers: str

    @property
    def paths(self) -> tuple[Path, Path, Path]:
        """Where they are kept."""
        return lm_path(self.locale), dic_path(self.locale), lm_path(self.locale, "answers")

    @property
    def texts(self) -> tuple[str, str, str]:
        """What they hold, in the order of `paths`."""
        return self.lm, self.dic, self.answers


def lm_path(locale: str, kind: str = "") -> Path:
    """A locale's generated language model: the general one, or one kind ("answers")."""
    return GENERATED_DIR / (f"{locale}.{kind}.lm" if kind else f"{locale}.lm")


def dic_path(locale: str) -> Path:
    """The generated dictionary of a locale."""
    return GENERATED_DIR / f"{locale}.dic"


def locales(model_dir: Path = MODEL_DIR) -> list[str]:
    """Every locale with an interaction model."""
    return sorted(p.stem for p in model_dir.glob("*-*.json"))


def generate(
    locale: str, model_dir: Path = MODEL_DIR, content_dir: Path = CONTENT_DIR
) -> Generated:
    """Build a locale's language model and dictionary from its model and the content."""
    sentences = corpus(locale, model_dir, content_dir)
    answers = answer_corpus(locale, model_dir, content_dir)
    words = sorted({word for line in answers for word in line.split()})
    extra = load_voice_content(content_dir / VOICE_CONTENT.name).pronunciations
    return Generated(locale, _arpa(locale, sentences), _dictionary(words, extra),
                     _arpa(locale, answers))


def _arpa(locale: str, sentences: list[str]) -> str:
    """A trigram model of the sentences, in ARPA text."""
    builder = ArpaBoLM(text="\n".join(sentences), add_start=True)
    builder.compute()
    out = io.StringIO()
    builder.write(out)
    return HEADER.format(locale=locale, tool=TOOL) + out.getvalue()


def _dictionary(words: list[str], extra: dict[str, str]) -> str:
    """Each word with its pronunciations: CMU's (and its variants) first, else content's."""
    cmu = _cmudict()
    lines: list[str] = []
    missing = []
    for word in words:
        found = cmu.get(word, [])
        if not found and word in extra:
            found = [extra[word]]
        if not found:
            missing.append(word)
        for index, phones in enumerate(found):
            lines.append(f"{word if index == 0 else f'{word}({index + 1})'} {phones}")
    if missing:
        raise MissingPronunciation(
            f"content/voice.yaml: pronunciations: add {', '.join(missing)} "
            "(the recogniser's dictionary cannot say them)"
        )
    return "\n".join(lines) + "\n"


@lru_cache(maxsize=1)
def _cmudict() -> dict[str, list[str]]:
    """The dictionary pocketsphinx ships: word -> pronunciations, variants in order."""
    out: dict[str, list[str]] = {}
    path = Path(get_model_path("en-us/cmudict-en-us.dict"))
    for line in path.read_text(encoding="utf-8").splitlines():
        head, _, phones = line.partition(" ")
        word = head.split("(")[0]
        out.setdefault(word, []).append(" ".join(phones.split()))
    return out


def stale(generated: Generated) -> list[Path]:
    """Which of a locale's committed files differ from what the sources generate."""
    return [p for p, text in zip(generated.paths, generated.texts, strict=True)
            if not p.exists() or p.read_text(encoding="utf-8") != text]


def main(argv: list[str] | None = None) -> int:
    """Write (or with --check, compare) every locale's generated files."""
    parser = argparse.ArgumentParser(prog=TOOL)
    parser.add_argument("--check", action="store_true", help="fail if a file is out of date")
    parser.add_argument("--locale", action="append", help="only these locales (repeatable)")
    ns = parser.parse_args(argv)
    try:
        built = [generate(locale) for locale in ns.locale or locales()]
    except (MissingPronunciation, ValueError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    if ns.check:
        old = [str(path) for item in built for path in stale(item)]
        for path in old:
            print(f"out of date: {path} (run {TOOL})", file=sys.stderr)
        return 1 if old else 0
    GENERATED_DIR.mkdir(parents=True, exist_ok=True)
    for item in built:
        for target, text in zip(item.paths, item.texts, strict=True):
            target.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
