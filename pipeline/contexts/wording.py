"""Small wording helpers: turn YAML fragments into sentences, lists and labelled facts."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from pipeline.formatting import join_and
from pipeline.i18n import _p


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
    """Small counts in words, as prose spells them ('two co-lead agencies'); larger ones in digits.

    The word stands before a noun. Where a language gives 'one' (or 'no') a gender, the sentence should say the
    count of one in a message of its own (`_n`) rather than through this word.
    """
    if not 0 <= count <= 10:
        return str(count)
    # Each word stands before a noun ('two co-lead agencies', 'no seats'), as the message context says.
    words = (
        _p("count before a noun", "no"),
        _p("count before a noun", "one"),
        _p("count before a noun", "two"),
        _p("count before a noun", "three"),
        _p("count before a noun", "four"),
        _p("count before a noun", "five"),
        _p("count before a noun", "six"),
        _p("count before a noun", "seven"),
        _p("count before a noun", "eight"),
        _p("count before a noun", "nine"),
        _p("count before a noun", "ten"),
    )
    return words[count]


def label_in_sentence(label: str) -> str:
    """One of partnerdocs' own labels inside a sentence ('Twice a year' -> 'twice a year'), leaving names and
    acronyms ('HTU', 'O'Malley'). Never for text from a partnership file: that prints exactly as typed."""
    if len(label) > 1 and label[0].isupper() and label[1].islower():
        return label[0].lower() + label[1:]
    return label


def with_article(name: str) -> str:
    """'the Riverbend County Task Force', without doubling a name that already starts with 'The'."""
    return name if name.lower().startswith("the ") else article_before(name)


def article_before(name: str, start: bool = False) -> str:
    """A name with the article English puts before it (a language without one, or one that names organizations
    without it, translates the message to the name alone)."""
    if start:
        # Translators: an organization's name with its article, at the start of a sentence ('The Sheriff’s Office').
        return _p("organization named with its article", "The {name}", name=name)
    # Translators: an organization's name with its article, inside a sentence ('the Riverbend County Task Force').
    return _p("organization named with its article", "the {name}", name=name)


def capitalized(text: str) -> str:
    """The text with its first letter in capitals, for a phrase that starts a sentence."""
    return text[:1].upper() + text[1:]


# Head nouns after which an organization's name reads with 'the': 'the Sheriff's Office', 'the Justice Project'.
_INSTITUTIONS = frozenset(
    {
        "administration",
        "agency",
        "alliance",
        "association",
        "authority",
        "board",
        "bureau",
        "center",
        "centre",
        "clinic",
        "coalition",
        "collective",
        "commission",
        "committee",
        "council",
        "department",
        "division",
        "force",
        "foundation",
        "hospital",
        "institute",
        "network",
        "office",
        "partnership",
        "patrol",
        "program",
        "project",
        "shelter",
        "society",
        "team",
        "unit",
    }
)
_PUBLIC_BODIES = frozenset({"city", "county", "town", "village", "state", "commonwealth", "borough", "township"})
_CORPORATE = re.compile(r",?\s+(inc|llc|ltd|corp|co|pllc|lp)\.?$", re.IGNORECASE)


def organization(name: str, start: bool = False) -> str:
    """An organization's name as prose needs it: 'the City of Millbrook Police Department', 'Harbor & Hope'.

    The head noun decides (the last word before ' of ', ' for ', ' against ', ' to ', ' on ' or a comma): an
    office, department, board, project or a 'City of ...' takes 'the'; a proper name ('Legal Aid', 'HSI') or
    an incorporated company does not.
    `start` capitalizes the article at the start of a sentence.
    """
    name = name.strip()
    if name.lower().startswith("the "):
        rest = name[4:]
        if start:
            # Translators: a name that begins with 'The' (typed so), at the start of a sentence: {rest} is the
            # name after it. English writes its own 'The'; a language that keeps names as written writes 'The {rest}'.
            return _p("organization whose name begins with The", "The {rest}", rest=rest)
        # Translators: a name that begins with 'The' (typed so), inside a sentence: {rest} is the name after it.
        # English lowercases the article; a language that keeps names as written writes 'The {rest}'.
        return _p("organization whose name begins with The", "the {rest}", rest=rest)
    return article_before(name, start) if takes_article(name) else name


def takes_article(name: str) -> bool:
    """Whether English puts 'the' before the organization's name (organization() says how the head noun decides).

    False for a name that already begins with 'The'."""
    name = name.strip()
    if name.lower().startswith("the ") or _CORPORATE.search(name):
        return False
    head_part = re.split(r"\s+(?:of|for|against|to|on)\s+|,", name, maxsplit=1, flags=re.IGNORECASE)[0]
    words = re.findall(r"[A-Za-z]+", head_part)
    public_body = len(words) == 1 and words[0].lower() in _PUBLIC_BODIES  # 'City of Millbrook ...'
    return public_body or bool(words and words[-1].lower() in _INSTITUTIONS)


def join_items(items: Iterable[str]) -> str:
    """'a, b and c', or 'a; b; and c' ('a, and b' for two) when an item holds a comma, a semicolon or an 'and'
    of its own, so a reader can still tell where one item ends."""
    words = [item.strip() for item in items if item.strip()]
    conjunction = join_and(("", ""))  # ' and ' in the document's language
    if not any("," in word or ";" in word or conjunction in word for word in words):
        return join_and(words)
    if len(words) == 2:
        # Translators: a list of two items of which one holds a comma of its own, so a comma marks where it ends.
        return _p("list of items that hold commas", "{first}, and {second}", first=words[0], second=words[1])
    if len(words) < 2:
        return join_and(words)
    text = words[0]
    for word in words[1:-1]:
        # Translators: adds an item in the middle of a list whose items hold commas of their own ('a, b; c').
        text = _p("list of items that hold commas", "{items}; {item}", items=text, item=word)
    # Translators: adds the last item to a list whose items hold commas of their own ('a, b; c; and d').
    return _p("list of items that hold commas", "{items}; and {last}", items=text, last=words[-1])


def numbered(sections: Iterable[str], left_out: Iterable[str] = ()) -> dict[str, str]:
    """Section key -> its number, for the sections a document keeps: leaving one out numbers the later ones
    on, and templates write every heading and reference through these numbers, so references stay right."""
    skipped = set(left_out)
    kept = [key for key in sections if key not in skipped]
    return {key: str(number) for number, key in enumerate(kept, start=1)}
