"""Sign-off: who approved which document, bound to the exact content they read."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from schemas.types import MAX_ITEMS, Identifier, MemberId, Model, Text

DOCUMENT_NAME = r"^[a-z0-9](?:[a-z0-9-]{0,94}[a-z0-9])?(?:\.[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)?$"
"""A document's name, then its language's tag for a version in another language than the record's: mou.es."""

FINGERPRINT_PATTERN = r"^[0-9a-f]{64}$"


class Approval(Model):
    """One signatory's approval of one document, for the content whose fingerprint it names. `partnerdocs approve`
    writes each approval as a file of its own in the folder beside the partnership file
    (`partnerships/<name>.approvals/`), holding these fields."""

    document: str = Field(
        pattern=DOCUMENT_NAME,
        max_length=132,
        description="The document approved: a kind such as 'mou', or a letter such as 'letter-of-intent-omalley'.",
        examples=["mou"],
    )
    by: MemberId = Field(description="Id of the member whose signatory approved it.")
    role: Text | None = Field(None, description="The approver's title, e.g. 'Executive Director'.")
    date: dt.date = Field(description="Date of the approval (YYYY-MM-DD).")
    fingerprint: str = Field(
        pattern=FINGERPRINT_PATTERN,
        description="Content fingerprint of the version approved; `partnerdocs approve` fills it in.",
    )
    # Plain ids, not member references: an approval that names a member since removed from the file
    # stops counting (the document is a draft again), it does not make the file invalid.
    approvers: list[Identifier] | None = Field(
        None,
        max_length=MAX_ITEMS,
        description="Everyone who had to approve the document when this approval was given; `partnerdocs "
        "approve` fills it in. The approval counts only while each of them still has to approve the document: "
        "when one is dropped, the approver approves again. Left out (approvals recorded before partnerdocs "
        "wrote it), it is read as the document's default approvers.",
    )


class ApproverOverride(Model):
    """Who must approve a document, when it should differ from the default for its kind."""

    document: str = Field(pattern=DOCUMENT_NAME, max_length=132, description="The document, e.g. 'governance-charter'.")
    members: list[MemberId] = Field(
        min_length=1, max_length=MAX_ITEMS, description="Ids of the members whose signatories must approve it."
    )


class RevisionNote(Model):
    """One entry of the revision history that documents print, in the partnership's own words."""

    date: dt.date = Field(description="When the change was agreed (YYYY-MM-DD).")
    summary: Text = Field(description="What changed, for the readers of the documents, e.g. 'Added Centro Esperanza'.")
    documents: list[
        Literal["mou", "governance-charter", "emergency-response-guide", "onboarding-packet", "evaluation-plan"]
    ] = Field(
        default_factory=list,
        max_length=20,
        description="Kinds of document the change concerns, e.g. [mou, governance-charter]; leave out for all. "
        "Letters of intent, subgrant agreements and partnership plans never print a revision history.",
    )


__all__ = ["DOCUMENT_NAME", "FINGERPRINT_PATTERN", "Approval", "ApproverOverride", "RevisionNote"]
