"""Word file properties hold at most 255 characters each; the text partnerdocs puts there is checked in validate.

python-docx refuses a longer value with ValueError, so a partnership name that validate accepted used to
crash the build. Of the core properties every document gets (pipeline/documents.py), two hold text from
the partnership file: the title, '<document title>: <partnership name>', and the subject, the name alone.
The keywords hold the file name (at most 48 characters, which validate checks), the category a document
kind's title; the status, language and identifier are fixed words, a language tag or a hash.
"""

from __future__ import annotations

from pipeline.kinds import KINDS
from pipeline.load import Location
from schemas import Partnership
from schemas.members import Member
from schemas.vocabulary import AgreementType

MAX_PROPERTY_CHARACTERS = 255
"""python-docx's limit for a core property written as text (docx/oxml/coreprops.py)."""

LETTER_TITLE = KINDS["letter-of-intent"].title
"""A letter's title names its writer too: 'Letter of Intent: <member name>'."""
SUBGRANT_TITLE = KINDS["subgrant-agreement"].title
"""A subgrant agreement's title names its subrecipient: 'Subgrant Agreement: <member name>'."""
PLAN_TITLE = KINDS["partnership-plan"].title
"""A partnership plan's title names its organization: 'Partnership Plan: <member name>'."""
WHAT = {LETTER_TITLE: "letter of intent", SUBGRANT_TITLE: "subgrant agreement", PLAN_TITLE: "partnership plan"}

FIXED_TITLES: tuple[str, ...] = (
    *(kind.title for kind in KINDS.values()),
    *(agreement.label for agreement in AgreementType),
    # These two are made in pipeline/contexts, which validate must not import (it imports no rendering
    # code); tests/test_property_limits.py checks the list against the titles documents really get.
    *(f"{agreement.label} (public copy)" for agreement in AgreementType),
    "Onboarding Packet for Affiliates and Resource Partners",
)

LONGEST_NAME = MAX_PROPERTY_CHARACTERS - len(": ") - max(len(title) for title in FIXED_TITLES)
"""The longest partnership name every document's title has room for, whichever documents it has: a name
that fits today still fits when an affiliate joins or the MOU needs a public copy."""


def document_titles(partnership: Partnership) -> list[str]:
    """Every title a document of the partnership can have, which its title property follows with ': <name>'."""
    return [*FIXED_TITLES, *(f"{title}: {member.name}" for title, member in _named_titles(partnership))]


def _named_titles(partnership: Partnership) -> list[tuple[str, Member]]:
    """(kind title, member) for each document whose title names a member: letters, subgrant agreements, plans."""
    letters = [(LETTER_TITLE, writer) for _, writer in partnership.letters_of_intent()]
    members = {member.id: member for member in partnership.members}  # validate asks before references are checked
    recipients = [members[s.to_member] for s in partnership.funding.subgrants if s.to_member in members]
    subgrants = [(SUBGRANT_TITLE, member) for member in recipients]
    plans = [(PLAN_TITLE, members[plan.organization]) for plan in partnership.plans if plan.organization in members]
    return [*letters, *subgrants, *plans]


def property_problems(partnership: Partnership) -> list[tuple[Location, str]]:
    """(location, message) for each name too long for the title property of a document."""
    name = partnership.name
    if len(name) > LONGEST_NAME:
        longest = max(len(title) for title in FIXED_TITLES)
        message = (
            f"is {len(name):,} characters long; Word file properties allow at most {MAX_PROPERTY_CHARACTERS} "
            f"characters for a document's title, which is the document's own title (up to {longest} characters), "
            f"': ' and this name: shorten the name to at most {LONGEST_NAME} characters"
        )
        return [(("name",), message)]
    problems: list[tuple[Location, str]] = []
    reported = set()
    for title, member in _named_titles(partnership):
        length = len(f"{title}: {member.name}: {name}")
        if length <= MAX_PROPERTY_CHARACTERS or member.id in reported:
            continue
        reported.add(member.id)
        index = next(i for i, m in enumerate(partnership.members) if m.id == member.id)
        field = "short_name" if member.short_name else "legal_name"
        what = WHAT[title]
        message = (
            f"makes the title of this member's {what} ('{title}: <this name>: <partnership "
            f"name>') {length:,} characters long; Word file properties allow at most {MAX_PROPERTY_CHARACTERS} "
            f"characters for a title: shorten this name or the partnership's by {length - MAX_PROPERTY_CHARACTERS:,} "
            "characters" + ("" if member.short_name else ", or give the member a short_name")
        )
        problems.append((("members", index, field), message))
    return problems
