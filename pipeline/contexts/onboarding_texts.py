"""Fixed texts and small text tools of the New-Member Onboarding Packet.

The tables here (common trauma responses, respectful wording, well-known acronyms) are written in our
own plain words for a reader who is new to the work. The helpers find which acronyms a packet uses, so
its glossary explains each one, turn ISO dates inside free text into dates a newcomer reads easily, and
name members the way a sentence needs them ("the Sheriff's Office", "Bridgewell").

Every text here is marked for the message catalog (N_) and translated where a document uses it, in that
document's language: the functions below hand over the tables translated, never the constants themselves.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from pipeline.contexts.common import current_names
from pipeline.contexts.wording import organization
from pipeline.formatting import join_and
from pipeline.i18n import N_, _, _p
from schemas import Partnership

DOCUMENT_TITLE = N_("New-Member Onboarding Packet")
AFFILIATE_TITLE = N_("Onboarding Packet for Affiliates and Resource Partners")


@dataclass(frozen=True)
class TraumaResponse:
    """One kind of trauma response: what a member may notice, and what helps."""

    kind: str
    signs: tuple[str, ...]
    helps: tuple[str, ...]


TRAUMA_RESPONSES: tuple[TraumaResponse, ...] = (
    TraumaResponse(
        N_("Emotional"),
        (
            N_("Fear, worry or panic that seems bigger than the moment"),
            N_("Anger or irritation, sometimes aimed at the people trying to help"),
            N_("Feeling numb, flat or far away"),
            N_("Shame, guilt or self-blame"),
            N_("Not trusting people in authority, including you"),
        ),
        (
            N_("Stay calm and patient, and do not take anger personally"),
            N_("Explain who you are and what happens next"),
            N_("Offer real choices, even small ones"),
        ),
    ),
    TraumaResponse(
        N_("Physical"),
        (
            N_("Trouble sleeping, or being tired all the time"),
            N_("Headaches, stomach aches or other pain"),
            N_("Being jumpy or easily startled"),
            N_("A racing heart, fast breathing or shaking"),
            N_("Missed appointments because of health problems"),
        ),
        (
            N_("Offer breaks, water and a quiet place"),
            N_("Let the person choose where to sit, for example near the door"),
            N_("Be flexible about times and dates"),
        ),
    ),
    TraumaResponse(
        N_("Cognitive (thinking and memory)"),
        (
            N_("Trouble concentrating or following a conversation"),
            N_("Memories that come back in pieces, out of order, or change over time"),
            N_("Confusion about dates, times or places"),
            N_("Difficulty making decisions, especially under pressure"),
        ),
        (
            N_("Never treat gaps or changes in a story as lying"),
            N_("Put key information in writing and repeat it when asked"),
            N_("Give time to decide, and let the person change their mind"),
        ),
    ),
)
"""Common trauma responses: normal reactions to abnormal events, never a sign of dishonesty."""


@dataclass(frozen=True)
class WordingTip:
    instead_of: str
    say: str


RESPECTFUL_WORDING: tuple[WordingTip, ...] = (
    WordingTip(N_("“a trafficking victim”, “the victims”"), N_("“a person who has experienced trafficking”")),
    WordingTip(
        N_("“prostitute”, “child prostitute”"),
        N_("“a person who was sexually exploited” or “a child who was exploited”"),
    ),
    WordingTip(N_("“illegal alien”, “illegals”"), N_("“an immigrant” or “a person without immigration status”")),
    WordingTip(N_("“rescued”, “saved”"), N_("“connected with services” or “left the situation”")),
    WordingTip(
        N_("“victim” or “survivor” when the person uses the other word"),
        N_("the word the person uses for themselves"),
    ),
)
"""People-first wording: the person comes before what happened to them."""


def trauma_responses() -> tuple[TraumaResponse, ...]:
    """TRAUMA_RESPONSES in the language of the document being written."""
    return tuple(
        TraumaResponse(_(r.kind), tuple(_(s) for s in r.signs), tuple(_(h) for h in r.helps)) for r in TRAUMA_RESPONSES
    )


def respectful_wording() -> tuple[WordingTip, ...]:
    """RESPECTFUL_WORDING in the language of the document being written."""
    return tuple(WordingTip(_(tip.instead_of), _(tip.say)) for tip in RESPECTFUL_WORDING)


# Acronyms a packet may use whose meaning is not in the partnership's own glossary or names. The acronym stays
# as it is in every language (it abbreviates the English name); its meaning is translated where it is printed.
COMMON_ACRONYMS: dict[str, str] = {
    "ASL": N_("American Sign Language"),
    "AUSA": N_("Assistant United States Attorney"),
    "CEO": N_("Chief executive officer"),
    "CFR": N_("Code of Federal Regulations, where federal rules are published"),
    "DOJ": N_("U.S. Department of Justice"),
    "ECM": N_("Enhanced Collaborative Model, a federal grant program for anti-trafficking task forces"),
    "EMS": N_("Emergency medical services"),
    "FERPA": N_("Family Educational Rights and Privacy Act, a federal law that protects student records"),
    "FTE": N_("Full-time equivalent: 1.0 means one full-time position"),
    "FUTURES": N_("Futures Without Violence, a national organization that publishes guidance for partnerships"),
    "HIPAA": N_("Health Insurance Portability and Accountability Act, a federal law that protects health information"),
    "ICE": N_("U.S. Immigration and Customs Enforcement"),
    "LCSW": N_("Licensed clinical social worker"),
    "LGBTQ+": N_(
        "Lesbian, gay, bisexual, transgender and queer or questioning people, and people of other sexual "
        "orientations and gender identities"
    ),
    "LLC": N_("Limited liability company, a kind of business"),
    "MDT": N_("Multidisciplinary team"),
    "MMIP": N_("Missing and murdered Indigenous people"),
    "MOA": N_("Memorandum of Agreement, the written agreement between the members"),
    "MOU": N_("Memorandum of Understanding, the written agreement between the members"),
    "NGO": N_("Non-governmental organization"),
    "OVC": N_("Office for Victims of Crime, U.S. Department of Justice"),
    "OVW": N_("Office on Violence Against Women, U.S. Department of Justice"),
    "PII": N_("Personally identifying information"),
    "PIO": N_("Public Information Officer, who speaks to the media for an agency"),
    "PREA": N_("Prison Rape Elimination Act, a federal law that protects people in custody"),
    "RN": N_("Registered nurse"),
    "SAMHSA": N_("Substance Abuse and Mental Health Services Administration, a federal agency"),
    "SANE": N_("Sexual Assault Nurse Examiner"),
    "SART": N_("Sexual assault response team"),
    "VAWA": N_("Violence Against Women Act, a federal law that protects survivors' information"),
    "VOCA": N_("Victims of Crime Act, a federal law that funds victim services and protects survivors' information"),
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


def and_list(items: Iterable[str]) -> str:
    """'a, b and c' in the document's language."""
    # Translators: the word that joins the last two items of a list: "a, b and c".
    return join_and(items, _p("list", "and"))


def or_list(items: Iterable[str]) -> str:
    """'a or b or c' in the document's language: each way to reach someone, each person to ask."""
    # Translators: the word between alternatives: "ask Ana or Luis", "at ana@example.org or (608) 555-0125".
    conjunction = _p("list", "or")
    return f" {conjunction} ".join(items)


def member_phrase(partnership: Partnership, member_ids: list[str]) -> str:
    """Current members among `member_ids`, as a phrase for a sentence: 'the Sheriff's Office and Bridgewell'."""
    return and_list(organization(n) for n in current_names(partnership, member_ids))
