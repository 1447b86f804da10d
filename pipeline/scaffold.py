"""The skeleton `partnerdocs new` writes: a commented partnership file that is valid as it is.

Every fact the coalition must supply is a text value containing TODO, so the file loads, validates
and builds (as drafts) from the first minute, and `partnerdocs lint` lists what is still to fill in.
The text is assembled from plain string templates, never dumped from data, because the comments
are the point: they teach a non-programmer what each section is for and which documents use it.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable
from enum import Enum

from pipeline import scaffold_sections as fixed
from schemas.types import ID_PATTERN
from schemas.vocabulary import (
    ConfidentialityLaw,
    Hazard,
    LeadershipModel,
    LegalPosition,
    Level,
    OrganizationType,
    PartnershipFunction,
    Sector,
)

SCHEMA_LINE = "# yaml-language-server: $schema=../schemas/partnership.schema.json"

COLLABORATIVE_LEVELS = frozenset({Level.collaboration, Level.multisector_collaboration})
"""Levels that share decisions: they get a formal agreement and consensus decision-making."""

LEVEL_MEANINGS: dict[Level, str] = {
    Level.networking: "members exchange information that helps each other's work",
    Level.coordination: "members share information and fit their activities together",
    Level.cooperation: "members share information, activities and resources like staff time",
    Level.collaboration: "members share resources, risks and decisions for one common purpose",
    Level.multisector_collaboration: "a collaboration joined by every sector involved",
}
"""One plain line per level, in words that describe it without ranking it above or below the others."""


def scaffold(slug: str, level: Level, leadership: LeadershipModel) -> str:
    """The text of a new partnership file: a commented skeleton that validates as it is.

    Raises ValueError when `slug` could not be a file name of a partnership (lowercase letters,
    digits and dashes), since the file would be refused anyway.
    """
    if not re.fullmatch(ID_PATTERN, slug):
        raise ValueError(
            f"'{slug}' cannot name a partnership file: use lowercase letters, digits and dashes "
            "(at most 48), e.g. 'county-task-force'"
        )
    sections = [
        _header(slug),
        _at_a_glance(level),
        _members(),
        _leadership(leadership),
        _decision_making(level),
        fixed.MEETINGS,
        fixed.CONFIDENTIALITY.format(laws=_choices(ConfidentialityLaw)),
        fixed.PROTECTIONS,
        fixed.AGREEMENT,
        fixed.EMERGENCY.format(hazards=_choices(Hazard)),
        fixed.EVALUATION,
        fixed.WELCOME,
        fixed.FUNDING,
        fixed.PLANS,
    ]
    return "\n".join(section.strip("\n") + "\n" for section in sections)


def _choices(vocabulary: Iterable[Enum], indent: str = "") -> str:
    """Comment lines listing the allowed values of a vocabulary, wrapped to fit an editor."""
    values = ", ".join(str(item.value) for item in vocabulary)
    lines = textwrap.wrap(values, width=76 - len(indent), break_on_hyphens=False, break_long_words=False)
    return "\n".join(f"{indent}#   {line}" for line in lines)


def _header(slug: str) -> str:
    return f"""{SCHEMA_LINE}
#
# NEW PARTNERSHIP (partnerships/{slug}.yaml)
# This file describes one partnership. partnerdocs builds every Word document
# (MOU, governance charter, emergency guide, onboarding packet, evaluation
# plan) from it, so a fact changed here changes in every document. The file
# name becomes the name of the folder the documents are written to.
#
# How to edit it:
# - Replace every value that contains TODO with the real facts. A document
#   is only a draft to talk about while any TODO is left: run
#   `partnerdocs lint` to list the ones remaining, line by line.
# - Each organization is described ONCE, under `members`. Everywhere else it
#   is named by its short `id` (member-one and member-two below). To rename
#   an id, change it everywhere it appears in this file.
# - Dates are written YYYY-MM-DD, for example 2026-03-01. Where only the
#   year or month is known (`founded`, history dates, a member's `joined`),
#   write just that: 2019 or 2019-03.
# - Put text in double quotes when it contains a colon followed by a space
#   ("Note: like this") or a space followed by # ("Join the #SpringDrive":
#   without quotes YAML ends the text before the #), or when it starts with
#   a special character (' " & * ! % @ ` # - ? [ {{ | >).
# - Yes/no fields take true or false; yes, no, on and off are text.
# - Long text can go after `>-` on the following lines, indented; the lines
#   are joined into one paragraph.
# - An optional line you don't need: delete the whole line. Never leave a
#   value empty or write "none".
# - Indent with spaces, never tabs, and line up items exactly as below.
# - A line starting with # is a comment like this one; documents ignore it.
# - Check the file with `partnerdocs validate` and build the documents with
#   `partnerdocs build` (in partnerdocs' own folder: `make validate` and
#   `make docs`). A message names the line to fix.
# - Editors: the first line links this file to the schema, so VS Code with
#   the Red Hat "YAML" extension completes field names, explains each field
#   and underlines mistakes (press Ctrl+Space where you want a field).
"""


def _at_a_glance(level: Level) -> str:
    meanings = "\n".join(f"#   {item.value}: {LEVEL_MEANINGS[item]}" for item in Level)
    if level in COLLABORATIVE_LEVELS:
        formality = "formal"
        why = "A collaboration shares decisions and resources, so it is usually formal."
    else:
        formality = "informal"
        why = "Many partnerships at this level start informal; the MOU can make them formal."
    return f"""
# --- The partnership at a glance --------------------------------------------
# Who you are and why you work together. Every document opens with these
# facts; the MOU and the charter also print the values, goals and functions.
name: "TODO: the partnership's full name"
# Acronym or short name used after the first mention. Delete the line if none.
short_name: "TODO: a short name or acronym"
# level: how closely the members work together. Documents describe the level
# in words; they never rank it. The five levels:
{meanings}
level: {level.value}
# formality: formal (the partnership runs on a signed agreement and written
# rules) or informal (it runs on goodwill and regular contact).
# {why}
formality: {formality}
# Languages, language of record first (default en): `languages: [en, es]`
# builds every document in English and in Spanish (mou.docx, mou.es.docx).
# Then give each sentence in both: `mission: {{en: ..., es: ...}}`.
# When the partnership began, e.g. `founded: 2019` or `founded: 2019-03`.
# Documents then say "began in 2019"; without it they name no founding date.
geography: "TODO: the area the partnership serves, e.g. Riverbend County"
purpose: "TODO: why the partnership exists, its common goal, in a few sentences"
mission: "TODO: the mission statement, in one sentence"
# The vision statement. Delete this line if the members have not agreed one.
vision: "TODO: the vision statement"
values:
  - "TODO: a value all members share, e.g. survivor choice comes first"
# Goals that can be reached in the next year or two. Copy the three lines
# starting at `- name:` for each further goal.
goals:
  - name: "TODO: a short name for the goal"
    description: "TODO: what the goal means in practice"
    outcome: "TODO: how you will know it was reached, e.g. 30 referrals a year"
# functions: what the partnership does. Keep the ones that fit, from:
{_choices(PartnershipFunction)}
functions:
  - share_information_and_resources
"""


_MEMBERS = """
# --- Members ----------------------------------------------------------------
# Each member organization, described once. The MOU lists them as parties
# with their commitments and signatories; the other documents print contacts.
# `id`: a short name (lowercase letters, digits, dashes) used elsewhere here.
# organization_type, one of:
{org_types}
# sector, one of:
{sectors}
# sector_detail says it in your own words; delete it if the sector says it all.
# legal_positions decide the confidentiality wording that binds the member:
{positions}
# Delete the line to let partnerdocs work it out from the sector and the laws
# under `confidentiality`; `partnerdocs lint` says when it cannot. Have your
# counsel confirm it (docs/legal-positions.md explains each one).
# Give every organization a backup contact, so the partnership survives staff
# changes. Add `email:` and `phone:` lines under a contact when you have them;
# a role with no person's name needs only `title:` and a role inbox, and
# `preferred_language: Spanish` prints "Prefers Spanish".
# `status:` is active unless you say pending (admitted, joinder not signed),
# prospective, interim, withdrawn (add `withdrawal:`) or merged (add `merger:`).
# Letters of intent print a member's `mailing_address:` (a list of lines) under
# its name: a P.O. box or office, never where a shelter is.
# To add a member, copy a whole block from `- id:` to its signatory.
members:
"""

_MEMBER = """  - id: {id}
    legal_name: "TODO: {ordinal} member's full legal name"
    organization_type: nonprofit  # one of the types listed above
    sector: {sector}  # one of the sectors listed above
    sector_detail: "TODO: what the organization does, e.g. {example}"
    legal_positions: [{positions}]  # what the law lets it promise survivors; see below
    services:
      - "TODO: a service this organization offers partners or survivors"
    commitments:
      - description: "TODO: what this organization promises to do, stated realistically"
    contacts:
      primary:
        name: "TODO: name of the main contact"
        title: "TODO: the main contact's job title"
      backup:
        name: "TODO: name of the person who steps in when the main contact is away"
        title: "TODO: the backup contact's job title"
{signatory_comment}    signatory:
      name: "TODO: full name of the person who signs for this organization"
      title: "TODO: the signatory's title, e.g. {signatory_title}"
"""

_SIGNATORY_COMMENT = """    # The official who signs agreements. Delete `name` until it is confirmed:
    # the MOU then prints a blank line to sign on.
"""


def _members() -> str:
    first = _MEMBER.format(
        id="member-one",
        ordinal="first",
        sector="direct_victim_services",
        positions="victim_services",
        example="shelter for adult survivors",
        signatory_comment=_SIGNATORY_COMMENT,
        signatory_title="Executive Director",
    )
    second = _MEMBER.format(
        id="member-two",
        ordinal="second",
        sector="other",
        positions="community_partner",
        example="staffing agency",
        signatory_comment="",
        signatory_title="Chief Executive Officer",
    )
    header = _MEMBERS.format(
        org_types=_choices(OrganizationType), sectors=_choices(Sector), positions=_choices(LegalPosition)
    )
    return f"{header}{first}\n{second}"


def _leadership(model: LeadershipModel) -> str:
    if model is LeadershipModel.primary_lead:
        body = """  model: primary_lead
  # The one lead organization, by id.
  leads:
    - member-one
  selection: "TODO: why this organization leads, or how the lead is chosen\""""
    elif model is LeadershipModel.co_leadership:
        body = """  model: co_leadership
  # Two or three lead organizations, by id; often an advocacy organization
  # and one from another sector.
  leads:
    - member-one
    - member-two
  selection: "TODO: how the co-leads are chosen and how they share the work\""""
    else:
        body = """  model: core_group
  # One seat per organization. Keep the core group under 10 people: seven or
  # eight from different sectors is easiest to convene and to agree. Mark the
  # seat(s) that call and chair meetings with `convenes: true`.
  core_group:
    - member: member-one
      role: "TODO: this seat's duties, e.g. Chair"
      convenes: true
    - member: member-two
      role: "TODO: this seat's duties, e.g. Training lead"
  selection: "TODO: how seats are filled and for how long\""""
    return f"""
# --- Leadership -------------------------------------------------------------
# Who leads: primary_lead (one organization), co_leadership (two or three) or
# core_group (a small group of seats). The charter describes it, and the leads
# (or the core group) approve the charter, emergency guide and onboarding packet.
leadership:
{body}
"""


def _decision_making(level: Level) -> str:
    if level in COLLABORATIVE_LEVELS:
        why = "# A collaboration shares decisions, so this skeleton starts with consensus."
        body = """  method: consensus
  # true: each proposal is tested on an eight-point scale, from full support
  # to a block, so that quiet doubts are heard before anything is decided.
  gradients_of_agreement: true
  quorum: "TODO: how many voting members must be present to decide, e.g. two thirds"
  fallback: "TODO: what happens when consensus is out of reach, e.g. a two-thirds vote\""""
    else:
        why = "# At this level each organization usually keeps its own chain of command."
        body = """  method: hierarchical
  summary: "TODO: in a sentence or two, how joint matters are decided"
  # Where a disagreement goes when the contacts cannot settle it.
  escalation: "TODO: who decides next, e.g. the members' chief executives together\""""
    return f"""
# --- Decisions --------------------------------------------------------------
# How the partnership decides; the charter and the MOU describe it. method:
# hierarchical (each organization's own chain of command), representative
# (chosen people decide for all) or consensus (a proposal everyone accepts).
{why}
decision_making:
{body}
"""
