"""Lint rules for partnerships written in several languages: text missing in one of them."""

from __future__ import annotations

from collections.abc import Iterator

from pipeline.lint import Finding, rule, texts
from pipeline.locales import language_name
from schemas import Partnership
from schemas.localized import localized_values

PROSE_WORDS = 8
"""Words from which a text given once reads as prose to translate, not as a name, an address or a number."""


@rule(
    "text-not-translated",
    "A text given per language lacks one of the partnership's languages.",
    "The documents in that language print the language of record's text instead, marked '[not translated]' in "
    "their own words, so a reader knows; a member who reads only that language cannot read it. Add the "
    "translation beside the others.",
)
def _text_not_translated(p: Partnership) -> Iterator[Finding]:
    if len(p.languages) < 2:
        return
    record = language_name(p.language_of_record)
    for location, text in localized_values(p):
        missing = [tag for tag in p.languages if tag not in text.by_language]
        if missing:
            named = ", ".join(f"{language_name(tag)} ({tag})" for tag in missing)
            yield (
                location,
                (
                    f"there is no {named} text here, so those documents print the {record} text, marked as not "
                    f"translated; add {', '.join(f'{tag}: ...' for tag in missing)}"
                ),
            )


@rule(
    "text-in-one-language",
    "A partnership with several languages gives a sentence of free text once, for every language.",
    "A text given once prints as written in every language's documents: right for a name or an address, wrong "
    "for a sentence, which a Spanish document would then print in English without saying so. Give it per "
    "language: mission: {en: ..., es: ...}.",
)
def _text_in_one_language(p: Partnership) -> Iterator[Finding]:
    if len(p.languages) < 2:
        return
    given_per_language = {location for location, _ in localized_values(p)}
    listed = ", ".join(f"{tag}: ..." for tag in p.languages)
    for location, text in texts(p):
        if (
            location in given_per_language
            or len(text.split()) < PROSE_WORDS
            or location[:1] in _NOT_PROSE
            or location[-1] in _NAMES
        ):
            continue
        yield (
            location,
            (
                f"this text is given once, so the documents in every language print it as written; give it in each "
                f"of the partnership's languages ({listed})"
            ),
        )


_NOT_PROSE = {("approvals",), ("approvers",)}
"""Parts of a partnership file that no document prints as prose."""
_NAMES = {"name", "legal_name", "short_name", "funder", "awarding_agency", "program", "addressee"}
"""Fields that hold a name, which stays as written in every language however many words it has."""
