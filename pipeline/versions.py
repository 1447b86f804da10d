"""Language versions: which languages each document is built in, and what each version's file is called.

A partnership lists its languages (`languages: [en, es]`, the language of record first). Each document is built
once per language, each version its own document with its own fingerprint, manifest entry and approvals: the
language of record's keeps the document's name (`mou.docx`) and every other gets the language's tag after it
(`mou.es.docx`, approved as `mou.es`). A letter of intent is written in its writer's language, and translated
into the language of record unless the letter says not to: so a Spanish-speaking member's letter is
`letter-of-intent-centro.es.docx`, the one it signs, beside its English translation `letter-of-intent-centro.docx`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pipeline.formatting import join_and
from pipeline.i18n import _
from pipeline.locales import language_name

if TYPE_CHECKING:
    from schemas import Partnership

LETTER_PREFIX = "letter-of-intent-"


def base_name(document: str) -> str:
    """The document a version is a version of: 'mou.es' -> 'mou' (names hold no other dot)."""
    return document.split(".", 1)[0]


def version_name(partnership: Partnership, name: str, tag: str) -> str:
    """The name of `name`'s version in `tag`: the name itself in the language of record, else name.tag."""
    return name if tag == partnership.language_of_record else f"{name}.{tag}"


def original_language(partnership: Partnership, name: str) -> str:
    """The language a document is first written in: a letter's writer's, the language of record for the rest."""
    if name.startswith(LETTER_PREFIX):
        writer_id = name.removeprefix(LETTER_PREFIX)
        for grant, writer in partnership.letters_of_intent():
            if writer.id == writer_id:
                return partnership.letter_language(grant, writer)
    return partnership.language_of_record


def languages_of(partnership: Partnership, name: str) -> list[str]:
    """The languages the document `name` is built in, its original first."""
    if not name.startswith(LETTER_PREFIX):
        return list(partnership.languages)
    original = original_language(partnership, name)
    record = partnership.language_of_record
    if original == record or not _letters_translated(partnership, name):
        return [original]
    return [original, record]


def _letters_translated(partnership: Partnership, name: str) -> bool:
    writer_id = name.removeprefix(LETTER_PREFIX)
    return any(
        grant.letter_of_intent.translated
        for grant, writer in partnership.letters_of_intent()
        if writer.id == writer_id and grant.letter_of_intent is not None
    )


def version_names(partnership: Partnership, name: str) -> list[str]:
    """The names of every language version of the document `name`."""
    return [version_name(partnership, name, tag) for tag in languages_of(partnership, name)]


def language_note(partnership: Partnership, name: str, tag: str) -> str:
    """The sentence a version prints about its language, in its language ('' for a document in one language).

    Call it inside `writing_in(tag)`: the sentence and the languages' names are in the version's language."""
    languages = languages_of(partnership, name)
    if len(languages) < 2:
        return ""
    if name.startswith(LETTER_PREFIX):
        original = languages[0]
        if tag == original:
            return ""
        return _(
            "This letter is a translation from {original} into {language}. The {original} original is the "
            "letter signed.",
            original=language_name(original),
            language=language_name(tag),
        )
    return _(
        "This document is written in {languages}. The {record} version is the version of record: where the "
        "versions differ, it prevails.",
        languages=join_and(language_name(t) for t in languages),
        record=language_name(partnership.language_of_record),
    )
