"""Fixed texts and small text tools of the New-Member Onboarding Packet.

The tables here (common trauma responses, respectful wording, well-known acronyms) are written in our
own plain words for a reader who is new to the work. The helpers find which acronyms a packet uses, so
its glossary explains each one, turn ISO dates inside free text into dates a newcomer reads easily, and
name members the way a sentence needs them ("the Sheriff's Office", "Bridgewell").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from pipeline.contexts.common import current_names
from pipeline.contexts.wording import organization
from pipeline.formatting import join_and
from schemas import Partnership

DOCUMENT_TITLE = "New-Member Onboarding Packet"
AFFILIATE_TITLE = "Onboarding Packet for Affiliates and Resource Partners"


@dataclass(frozen=True)
class TraumaResponse:
    """One kind of trauma response: what a member may notice, and what helps."""

    kind: str
    signs: tuple[str, ...]
    helps: tuple[str, ...]


TRAUMA_RESPONSES: tuple[TraumaResponse, ...] = (
    TraumaResponse(
        "Emotional",
        (
            "Fear, worry or panic that seems bigger than the moment",
            "Anger or irritation, sometimes aimed at the people trying to help",
            "Feeling numb, flat or far away",
            "Shame, guilt or self-blame",
            "Not trusting people in authority, including you",
        ),
        (
            "Stay calm and patient, and do not take anger personally",
            "Explain who you are and what happens next",
            "Offer real choices, even small ones",
        ),
    ),
    TraumaResponse(
        "Physical",
        (
            "Trouble sleeping, or being tired all the time",
            "Headaches, stomach aches or other pain",
            "Being jumpy or easily startled",
            "A racing heart, fast breathing or shaking",
            "Missed appointments because of health problems",
        ),
        (
            "Offer breaks, water and a quiet place",
            "Let the person choose where to sit, for example near the door",
            "Be flexible about times and dates",
        ),
    ),
    TraumaResponse(
        "Cognitive (thinking and memory)",
        (
            "Trouble concentrating or following a conversation",
            "Memories that come back in pieces, out of order, or change over time",
            "Confusion about dates, times or places",
            "Difficulty making decisions, especially under pressure",
        ),
        (
            "Never treat gaps or changes in a story as lying",
            "Put key information in writing and repeat it when asked",
            "Give time to decide, and let the person change their mind",
        ),
    ),
)
"""Common trauma responses: normal reactions to abnormal events, never a sign of dishonesty."""


@dataclass(frozen=True)
class WordingTip:
    instead_of: str
    say: str


RESPECTFUL_WORDING: tuple[WordingTip, ...] = (
    WordingTip("“a trafficking victim”, “the victims”", "“a person who has experienced trafficking”"),
    WordingTip(
        "“prostitute”, “child prostitute”", "“a person who was sexually exploited” or “a child who was exploited”"
    ),
    WordingTip("“illegal alien”, “illegals”", "“an immigrant” or “a person without immigration status”"),
    WordingTip("“rescued”, “saved”", "“connected with services” or “left the situation”"),
    WordingTip("“victim” or “survivor” when the person uses the other word", "the word the person uses for themselves"),
)
"""People-first wording: the person comes before what happened to them."""


# Acronyms a packet may use whose meaning is not in the partnership's own glossary or names.
COMMON_ACRONYMS: dict[str, str] = {
    "ASL": "American Sign Language",
    "AUSA": "Assistant United States Attorney",
    "CEO": "Chief executive officer",
    "CFR": "Code of Federal Regulations, where federal rules are published",
    "DOJ": "U.S. Department of Justice",
    "ECM": "Enhanced Collaborative Model, a federal grant program for anti-trafficking task forces",
    "EMS": "Emergency medical services",
    "FERPA": "Family Educational Rights and Privacy Act, a federal law that protects student records",
    "FTE": "Full-time equivalent: 1.0 means one full-time position",
    "FUTURES": "Futures Without Violence, a national organization that publishes guidance for partnerships",
    "HIPAA": "Health Insurance Portability and Accountability Act, a federal law that protects health information",
    "ICE": "U.S. Immigration and Customs Enforcement",
    "LCSW": "Licensed clinical social worker",
    "LGBTQ+": "Lesbian, gay, bisexual, transgender and queer or questioning people, and people of other sexual "
    "orientations and gender identities",
    "LLC": "Limited liability company, a kind of business",
    "MDT": "Multidisciplinary team",
    "MMIP": "Missing and murdered Indigenous people",
    "MOA": "Memorandum of Agreement, the written agreement between the members",
    "MOU": "Memorandum of Understanding, the written agreement between the members",
    "NGO": "Non-governmental organization",
    "OVC": "Office for Victims of Crime, U.S. Department of Justice",
    "OVW": "Office on Violence Against Women, U.S. Department of Justice",
    "PII": "Personally identifying information",
    "PIO": "Public Information Officer, who speaks to the media for an agency",
    "PREA": "Prison Rape Elimination Act, a federal law that protects people in custody",
    "RN": "Registered nurse",
    "SAMHSA": "Substance Abuse and Mental Health Services Administration, a federal agency",
    "SANE": "Sexual Assault Nurse Examiner",
    "SART": "Sexual assault response team",
    "VAWA": "Violence Against Women Act, a federal law that protects survivors' information",
    "VOCA": "Victims of Crime Act, a federal law that funds victim services and protects survivors' information",
}

_ACRONYM = re.compile(r"(?<![\w&+-])([A-Z][A-Z0-9&]*[A-Z](?:\+)?)(?![\w&])")
_WORD = r"(?:[A-Z][\w'’.-]*|of|for|and|on|the|&|to|in)"
_NAME_WITH_ACRONYM = re.compile(rf"({_WORD}(?:\s+{_WORD})*)\s+\(([A-Z][A-Z0-9&]*[A-Z]\+?)\)")
_SMALL_WORDS = {"of", "for", "and", "on", "the", "&", "to", "in", "a", "an"}


def acronyms_in(texts: Iterable[str]) -> list[str]:
    """Acronyms (two or more capitals, e.g. 'HSI', 'LGBTQ+') in the order they first appear."""
    seen: dict[str, None] = {}
    for text in texts:
        for match in _ACRONYM.finditer(text):
            seen.setdefault(match.group(1), None)
    return list(seen)


def _initials(words: list[str]) -> str:
    return "".join(word[0].upper() for word in words if word.lower() not in _SMALL_WORDS and word[0].isalpha())


def spelled_out(acronym: str, names: Iterable[str]) -> str:
    """The words an acronym stands for, found in `names` ('Homeland Security Investigations' for 'HSI'), or ''.

    Looks for 'Full Name (ABBR)' first, then for a run of words whose initials spell the acronym, so that
    'DCFS' is found inside 'Riverbend County Department of Children & Family Services'.
    """
    names = list(names)
    for name in names:
        for match in _NAME_WITH_ACRONYM.finditer(name):
            if match.group(2) != acronym:
                continue
            words = match.group(1).split()
            for start in range(len(words)):
                if words[start].lower() not in _SMALL_WORDS and _initials(words[start:]) == acronym:
                    return " ".join(words[start:])
    for name in names:
        words = [word.strip(",;:()") for word in name.split()]
        for start in range(len(words)):
            if not words[start] or words[start].lower() in _SMALL_WORDS:
                continue
            for end in range(start + 1, len(words) + 1):
                initials = _initials(words[start:end])
                if initials == acronym and words[end - 1].lower() not in _SMALL_WORDS:
                    return " ".join(words[start:end])
                if not acronym.startswith(initials):
                    break
    return ""


_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_MONTHS = {name: number for number, name in enumerate(_MONTH_NAMES, 1)} | {
    name[:3]: number for number, name in enumerate(_MONTH_NAMES, 1)
}


def calendar_order(when: str) -> tuple[int, int]:
    """Sort key (month, day) of a free-text date such as '5 May', 'November' or 'the Tuesday after Thanksgiving'.

    A whole month comes before the single days in it; a text naming no month goes last.
    """
    lowered = when.lower()
    month = next((_MONTHS[w] for w in re.findall(r"[a-z]+", lowered) if w in _MONTHS), 13)
    day = next((int(n) for n in re.findall(r"\d+", lowered) if 1 <= int(n) <= 31), 0)
    if month == 13 and "thanksgiving" in lowered:
        # Movable days name no month; those we know go where they fall.
        month, day = 11, 28
    return month, day


# --- Wording about the partnership -----------------------------------------------------------------


def member_phrase(partnership: Partnership, member_ids: list[str], conjunction: str = "and") -> str:
    """Current members among `member_ids`, as a phrase for a sentence: 'the Sheriff's Office and Bridgewell'."""
    return join_and((organization(n) for n in current_names(partnership, member_ids)), conjunction)
