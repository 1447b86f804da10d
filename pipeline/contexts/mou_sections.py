"""Which sections and lists an MOU has, and their numbers (issue 11, item 7: length fits the partnership).

The MOU keeps every section that documents.md section 2.1 or the law requires. What a partnership does
not need is left out, not filled with generic prose, by rules that read facts of the model (how many
Parties sign, whether joinder is allowed, whether there are subgrants), never the name of an example.
The numbering works as in the governance charter: the template writes each heading and each reference as
`{{ n.key }}`, and Python text asks `section_numbers` for the number, so leaving a section out numbers
the later ones on and every "section N" still points at the section it means.
"""

from __future__ import annotations

from typing import Any

from pipeline.contexts.texts import four_rs, six_principles
from pipeline.contexts.wording import label_in_sentence, numbered
from pipeline.formatting import join_and
from pipeline.i18n import _
from pipeline.legal_positions import legal_positions
from schemas import Partnership

# The MOU's sections in the order of documents.md section 2.1.
SECTIONS = (
    "parties", "purpose", "background", "principles", "scope", "roles", "referral", "governance",
    "confidentiality", "reporting", "media", "money", "personnel", "term", "withdrawal", "amendment",
    "disputes", "legal", "signatures", "attachments",
)  # fmt: skip


def roster_inline(partnership: Partnership) -> bool:
    """Whether the contact roster stands in the governance section instead of an attachment.

    Two Parties' contacts are a table of two rows: an attachment of their own (which starts a new page)
    only sends the reader to the back for them. A larger partnership's roster is long and changes more
    often, so it stays an attachment that can be replaced by written notice.
    """
    return partnership.is_pair()


def section_numbers(partnership: Partnership) -> dict[str, str]:
    """Section key -> its number in this MOU, for the sections it has."""
    left_out = set()
    # The attachments section lists only what is attached; with the roster in the governance section
    # and no subgrants, nothing is, and a section that only says so would be generic prose.
    if roster_inline(partnership) and not partnership.funding.subgrants:
        left_out.add("attachments")
    return numbered(SECTIONS, left_out)


def section_reference(partnership: Partnership, key: str) -> str:
    """'section 12' for a reference written in Python text, e.g. a Party's role."""
    # Translators: a reference to a section of the MOU by its number ('see section 12').
    return _("section {number}", number=section_numbers(partnership)[key])


def mou_shape(partnership: Partnership) -> dict[str, Any]:
    """The template's switches for what this MOU holds, with the section numbers as `n`.

    `partnership` is the partnership as of the MOU's date, so the Parties counted are those who sign it.
    """
    numbers = section_numbers(partnership)
    inline = roster_inline(partnership)
    trauma = partnership.trauma_informed
    agreement = partnership.agreement
    joinder = agreement.joinder if agreement else False
    rs, principles = four_rs(), six_principles(trauma.principles_phrasing)
    return {
        "n": numbers,
        "roster_inline": inline,
        "has_attachments": "attachments" in numbers,
        # The subgrant list is the first attachment when the roster is not one.
        "subgrant_attachment": "A" if inline else "B",
        # A pair that has written its own trauma-informed commitments gets the four Rs and the six
        # principles named in one sentence, as the charter names them: its own commitments say what they
        # mean for these two organizations. Without such commitments, or with more Parties (whose staff
        # may meet the approach for the first time in this MOU), the explanations are the only text that
        # says what the Parties follow, so they stay.
        "trauma_named_only": partnership.is_pair() and bool(trauma.commitments),
        "four_rs": rs,
        "six_principles": principles,
        "four_rs_names": join_and(label_in_sentence(r.name) for r in rs),
        "six_principles_names": "; ".join(label_in_sentence(p.name) for p in principles),
        # Without joinder a new organization becomes a Party by amendment, which the amendment rule
        # already covers ("any change ... signed by every Party"). A larger partnership, where members are
        # admitted from time to time, is told so in a sentence of its own; a pair that takes in a third
        # organization is writing a new agreement, and the sentence would only repeat the rule above it.
        "joinder_by_amendment": not joinder and not partnership.is_pair(),
        # The rule for a Party in two confidentiality groups binds no one when each Party is in one group.
        "several_positions": any(len(legal_positions(partnership, m)) > 1 for m in partnership.current_members),
    }


__all__ = ["SECTIONS", "mou_shape", "roster_inline", "section_numbers", "section_reference"]
