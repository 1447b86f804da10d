"""Small wording helpers: turn YAML fragments into sentences, lists and labelled facts."""

from __future__ import annotations

import re
from dataclasses import dataclass


def paragraphs(text: str | None) -> tuple[str, ...]:
    """Free text split into paragraphs at blank lines (single line breaks stay inside a paragraph)."""
    if not text:
        return ()
    return tuple(part.strip() for part in re.split(r"\n\s*\n", text) if part.strip())


def sentence(text: str) -> str:
    """The text ending with a full stop, so YAML fragments and sentences read alike in a list."""
    text = text.strip()
    return text if text.endswith((".", "!", "?", ":", ".)", ".”", '."')) else f"{text}."


def join_sentences(*parts: str | None) -> str:
    """The non-empty parts, each ending with a full stop, joined into one paragraph."""
    return " ".join(sentence(part) for part in parts if part)


def maybe(text: str | None) -> str:
    """An optional YAML text as a sentence, or '' so the template leaves its paragraph out."""
    return sentence(text) if text else ""


def labelled(label: str, text: str | None) -> str:
    """'Label: text.' or '' when there is no text, for optional one-line facts."""
    return f"{label}: {sentence(text)}" if text else ""


@dataclass(frozen=True)
class Fact:
    """A short fact with an optional lead word, which templates print in bold: 'Quorum. A majority...'"""

    label: str
    text: str


def facts(*pairs: tuple[str, str | None]) -> tuple[Fact, ...]:
    """Facts from (label, text) pairs, leaving out those without text; label '' for a plain sentence."""
    return tuple(Fact(f"{label}. " if label else "", sentence(text)) for label, text in pairs if text)


def number_word(count: int) -> str:
    """Small counts in words, as prose spells them ('two co-lead agencies'); larger ones in digits."""
    words = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
    return words[count] if 0 <= count < len(words) else str(count)


def lower_first(text: str) -> str:
    """Lower-case a leading ordinary word ('Twice a year') but leave names and acronyms ('HTU', 'O'Malley')."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def with_article(name: str) -> str:
    """'the Riverbend County Task Force', without doubling a name that already starts with 'The'."""
    return name if name.lower().startswith("the ") else f"the {name}"
