"""Wording helpers the letters of intent need and other documents could share: organization names in running
prose, lists whose items hold commas, YAML fragments lower-cased only when that is safe, in-kind totals, and a
contact's ways to be reached on one line."""

from __future__ import annotations

import re
from collections.abc import Iterable

from pipeline.audience import Audience
from pipeline.contexts.common import contact_view
from pipeline.contexts.wording import join_sentences, lower_first
from pipeline.formatting import join_and, money
from schemas.members import Commitment, Contact

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
        "society",
        "team",
        "unit",
    }
)
_PUBLIC_BODIES = frozenset({"city", "county", "town", "village", "state", "commonwealth", "borough", "township"})
# Words that keep their capital wherever they stand in a sentence ('Native survivors', 'Spanish-speaking').
_PROPER_WORDS = frozenset(
    {
        "African",
        "American",
        "Asian",
        "Black",
        "Catholic",
        "Deaf",
        "English",
        "Hispanic",
        "Indigenous",
        "Jewish",
        "Latina",
        "Latino",
        "Latinx",
        "Muslim",
        "Native",
        "Spanish",
    }
)
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
        return f"{'T' if start else 't'}he {name[4:]}"
    if _CORPORATE.search(name):
        return name
    head_part = re.split(r"\s+(?:of|for|against|to|on)\s+|,", name, maxsplit=1, flags=re.IGNORECASE)[0]
    words = re.findall(r"[A-Za-z]+", head_part)
    public_body = len(words) == 1 and words[0].lower() in _PUBLIC_BODIES  # 'City of Millbrook ...'
    if public_body or (words and words[-1].lower() in _INSTITUTIONS):
        return f"{'The' if start else 'the'} {name}"
    return name


def soften(text: str) -> str:
    """A YAML fragment lower-cased to sit inside a sentence, unless it opens with a name.

    'Case management' -> 'case management', but 'Survivor Leadership Council pay' (two capitals in a row) and
    'Native-led training for Native communities' (the first word recurs capitalized, or is a word such as
    'Native' or 'Spanish' that is always capitalized) keep their capital.
    """
    text = text.strip()
    words = text.split()
    first = re.match(r"[A-Za-z]+", text)
    if len(words) > 1 and words[1][:1].isupper():
        return text
    if first and first.group() in _PROPER_WORDS:
        return text
    if first and re.search(rf"\b{re.escape(first.group())}\b", text[first.end() :]):
        return text
    return lower_first(text)


def join_items(items: Iterable[str]) -> str:
    """'a, b and c', or 'a; b; and c' ('a, and b' for two) when an item holds a comma, a semicolon or an 'and'
    of its own, so a reader can still tell where one item ends."""
    words = [item.strip() for item in items if item.strip()]
    if not any("," in word or ";" in word or " and " in word for word in words):
        return join_and(words)
    if len(words) == 2:
        return f"{words[0]}, and {words[1]}"
    return f"{'; '.join(words[:-1])}; and {words[-1]}" if len(words) > 2 else join_and(words)


def per_phrase(per: str | None) -> str:
    """' per year' for a single unit, ' for the project period' for a longer span, '' when not stated.

    The same reading as common.commitment_text, so a total and its items name their periods alike.
    """
    per = (per or "").strip().removeprefix("the ")
    if not per:
        return ""
    return f" per {per}" if " " not in per else f" for the {per}"


def in_kind_total(commitments: Iterable[Commitment]) -> str:
    """'Together, our in-kind contributions are estimated at $18,000 per year.' ('' when nothing has a value).

    Values over different periods are summed per period: a yearly value and a one-off value cannot be added.
    """
    totals: dict[str, int] = {}
    count = 0
    for commitment in commitments:
        if commitment.in_kind_value is not None:
            count += 1
            period = per_phrase(commitment.per)
            totals[period] = totals.get(period, 0) + commitment.in_kind_value
    if not totals:
        return ""
    amounts = join_and(f"{money(total)}{period}" for period, total in totals.items())
    if count == 1:
        return f"In all, our in-kind contribution is estimated at {amounts}."
    return f"Together, our in-kind contributions are estimated at {amounts}."


def reach(contact: Contact, audience: Audience) -> str:
    """'Name, Title: e-mail, phone.' with only what the audience may see."""
    view = contact_view(contact, audience)
    ways = ", ".join(way for way in (view.email, view.phone) if way)
    text = f"{view.label}: {ways}" if ways else view.label
    return join_sentences(text, f"Also works in {view.languages}" if view.languages else "")


__all__ = ["in_kind_total", "join_items", "organization", "per_phrase", "reach", "soften"]
