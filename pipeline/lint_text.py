"""Lint rules for free text that would read wrong in print: notes to the file's editors, and self-references.

A partnership file is read by two audiences: the staff who edit it, and the members who read and sign the
documents made from it. Text written for the first must stay in YAML comments; text that says 'this MOU' or
'this guide' must print only in that document. pipeline.printed_fields says where each field prints.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pipeline.legal_positions import legal_positions
from pipeline.lint import Finding, rule, texts
from pipeline.printed_fields import CHARTER, DOCUMENT_NAMES, EVALUATION, GUIDE, LETTER, MOU, PACKET, prints_in
from schemas import Partnership
from schemas.vocabulary import LegalPosition

# What a value may call the document it prints in, per kind.
_SELF_REFERENCES = {
    MOU: re.compile(r"\bthis\s+(?:MOU|memorandum(?:\s+of\s+understanding)?)\b", re.IGNORECASE),
    CHARTER: re.compile(r"\bthis\s+(?:governance\s+)?charter\b", re.IGNORECASE),
    GUIDE: re.compile(r"\bthis\s+(?:emergency\s+(?:and\s+crisis\s+)?(?:response\s+)?)?guide\b", re.IGNORECASE),
    PACKET: re.compile(r"\bthis\s+(?:onboarding\s+)?packet\b", re.IGNORECASE),
    LETTER: re.compile(r"\bthis\s+letter(?:\s+of\s+intent)?\b", re.IGNORECASE),
    # Not 'this plan' alone: emergency texts say it of the Emergency Guide.
    EVALUATION: re.compile(r"\bthis\s+evaluation\s+plan\b", re.IGNORECASE),
}

# Words that speak to whoever edits the file, not to a document's reader.
_EDITOR_NOTES = re.compile(
    r"\bthis\s+(?:YAML\s+)?file\b"  # 'update this file'
    r"|\bYAML\b"
    r"|\bthe\s+seeds?\b"  # the toolkits the example files were written from
    r"|\b[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*)*\s+would\s+call\s+(?:this|it)\b"  # 'FUTURES would call this cooperation'
    r"|`[^`\n]+`",  # a field name in backticks, as comments in the file write them
    re.IGNORECASE,
)


_EDITOR_WORDS = ("file", "yaml", "seed", "would", "`")


def _names(kinds: frozenset[str]) -> str:
    ordered = [DOCUMENT_NAMES[kind] for kind in DOCUMENT_NAMES if kind in kinds]
    return ", ".join(ordered[:-1]) + f" and {ordered[-1]}" if len(ordered) > 1 else ordered[0]


@rule(
    "note-for-editors-prints",
    "A value that prints in a document speaks to the file's editors ('this file', 'YAML', 'FUTURES would call "
    "this', a `field` name).",
    "Documents are read and signed by members who never see the file; a note for its editors belongs in a YAML "
    "comment (a line starting with #), where no document prints it.",
)
def _note_for_editors(p: Partnership) -> Iterator[Finding]:
    for location, text in texts(p):
        lower = text.lower()
        # Each pattern needs one of these words; most texts have none, and the test costs less than the search.
        if not any(word in lower for word in _EDITOR_WORDS):
            continue
        found = _EDITOR_NOTES.search(text)
        if found is None:
            continue
        yield (
            location,
            (
                f"this text prints in {_names(prints_in(location))}, but “{found.group(0)}” speaks to the file's "
                "editors: write it for the documents' readers, or move the note into a YAML comment"
            ),
        )


@rule(
    "self-reference-elsewhere",
    "A value that says 'this MOU', 'this charter', 'this guide', 'this packet', 'this letter' or 'this evaluation "
    "plan' also prints in another document.",
    "In any other document 'this MOU' names the wrong document; name the document instead ('the MOU', "
    "'the Emergency Guide'), which reads right wherever the text prints.",
)
def _self_reference_elsewhere(p: Partnership) -> Iterator[Finding]:
    for location, text in texts(p):
        if "this" not in text.lower():
            continue  # every self-reference starts with 'this'
        kinds = prints_in(location)
        for named, pattern in _SELF_REFERENCES.items():
            found = pattern.search(text)
            if found is None or kinds <= {named}:
                continue
            yield (
                location,
                (
                    f"“{found.group(0)}” names {DOCUMENT_NAMES[named]}, but this text also prints in "
                    f"{_names(kinds - {named})}, where it names the wrong document: write “{DOCUMENT_NAMES[named]}”"
                ),
            )


# 'never shares … with anyone', 'under no circumstances': promises no member with a duty to disclose can keep.
_ABSOLUTE = re.compile(
    r"\b(?:no\s+(?:member|party|one|agency)|never|nobody)\b[^.;]*\b(?:shares?|share[sd]?|disclos\w*|releas\w*|tell\w*)"
    r"\b[^.;]*\b(?:with\s+anyone|to\s+anyone|anyone\s+else|under\s+any\s+circumstances|for\s+any\s+reason)\b"
    r"|\bunder\s+no\s+circumstances\b",
    re.IGNORECASE,
)
_DISCLOSING = frozenset(
    {
        LegalPosition.law_enforcement,
        LegalPosition.prosecution,
        LegalPosition.system_based_advocacy,
        LegalPosition.child_welfare,
        LegalPosition.health_care,
        LegalPosition.corrections,
        LegalPosition.mandated_reporter,
        LegalPosition.public_body,
        LegalPosition.legal_services,
    }
)


@rule(
    "absolute-promise",
    "Free text promises that no member shares something with anyone, while some members must disclose by law.",
    "Police, prosecutors, child welfare, hospitals, mandated reporters and public bodies cannot keep an absolute "
    "promise, and legal aid shares what a filing for the survivor needs. Say 'only as the survivor directs or as "
    "the law requires' instead.",
)
def _absolute_promise(p: Partnership) -> Iterator[Finding]:
    disclosing = sorted(m.name for m in p.current_members if _DISCLOSING & set(legal_positions(p, m)))
    if not disclosing:
        return
    for location, text in texts(p):
        found = _ABSOLUTE.search(text)
        if found is not None:
            yield (
                location,
                f"“{found.group(0)}” is a promise {disclosing[0]}"
                f"{' and others' if len(disclosing) > 1 else ''} cannot keep under the law that binds it: write "
                "'only as the survivor directs or as the law requires' instead",
            )
