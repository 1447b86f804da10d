"""Language tags: which languages a partnership's documents are written in.

A tag is a BCP 47 language tag as people write it ('en', 'es', 'vi', 'tl', 'zh-Hant', 'es-US'), checked against
the locales Babel knows, so a misspelt tag is caught when the file is read, not when a document is built.
"""

from __future__ import annotations

from typing import Annotated

from babel import Locale, UnknownLocaleError
from pydantic import AfterValidator, Field, WithJsonSchema

ENGLISH = "en"
"""The language every document is written in today, and the default language of record."""

LANGUAGE_TAG_PATTERN = r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$"
"""The written form in the JSON Schema (editors check it): letters, then subtags after dashes."""

_EXAMPLES = "en, es, vi, tl or zh-Hant"


def locale_of(tag: str) -> Locale:
    """The Babel locale of a valid tag ('zh-Hant' -> zh_Hant); raises ValueError for one Babel does not know.

    A tag Babel does not know is valid too when a message catalog translates into it (a coalition's own
    language variety, or the pseudo-language the tests use): it is formatted as its language without the rest
    ('en-XA' as 'en'), or as English when Babel does not know that either."""
    if "_" in tag:
        raise ValueError(f"'{tag}' is written with '_'; write language tags with '-', e.g. '{tag.replace('_', '-')}'")
    try:
        return Locale.parse(tag, sep="-")
    except (UnknownLocaleError, ValueError, TypeError):
        if not _has_catalog(tag):
            raise ValueError(
                f"'{tag}' is not a language tag partnerdocs knows; write one such as {_EXAMPLES}"
            ) from None
    try:
        return Locale.parse(tag.split("-")[0])
    except (UnknownLocaleError, ValueError, TypeError):
        return Locale.parse(ENGLISH)


def _has_catalog(tag: str) -> bool:
    from pipeline.i18n import has_catalog  # here: pipeline.i18n imports this module

    return has_catalog(tag)


def language_key(tag: str) -> str:
    """What makes two tags the same language: 'es' and 'ES' are; 'en' and a catalog's own 'en-XA' are not."""
    try:
        return str(Locale.parse(tag, sep="-"))
    except (UnknownLocaleError, ValueError, TypeError):
        return tag.casefold()


def _known_tag(tag: str) -> str:
    locale_of(tag)
    return tag  # kept as written: the file's own spelling is what lint messages and file names repeat


LanguageTag = Annotated[
    str,
    Field(min_length=2, max_length=35),
    AfterValidator(_known_tag),
    WithJsonSchema(
        {
            "type": "string",
            "format": "language-tag",
            "pattern": LANGUAGE_TAG_PATTERN,
            "description": f"A language tag, e.g. {_EXAMPLES}.",
            "examples": ["en", "es", "zh-Hant"],
        }
    ),
]
"""A language, as a tag Babel knows."""


def unique_languages(tags: list[str]) -> list[str]:
    """The list unchanged; a tag listed twice (or two spellings of one language, 'es' and 'ES') is an error."""
    seen: dict[str, str] = {}
    for tag in tags:
        locale_of(tag)
        key = language_key(tag)
        if key in seen:
            raise ValueError(f"'{tag}' is listed twice (as '{seen[key]}' before); list each language once")
        seen[key] = tag
    return tags


def tag_for_language_name(name: str, tags: list[str]) -> str | None:
    """The tag among `tags` whose language `name` names: 'Spanish', 'español' or 'es' -> 'es'; None if none does.

    Contacts name their preferred language in words ('Spanish'), partnerships list tags: a name matches a tag
    when it is the tag itself, or the language's name in English or in the language itself, ignoring case.
    """
    wanted = name.strip().casefold()
    for tag in tags:
        locale = locale_of(tag)
        names = {
            tag.casefold(),
            str(Locale.parse(ENGLISH).languages.get(tag.split("-")[0].lower(), "")).casefold(),  # 'tl': Tagalog
            str(locale.get_language_name("en") or "").casefold(),
            str(locale.get_language_name(locale) or "").casefold(),
            str(locale.get_display_name("en") or "").casefold(),
            str(locale.get_display_name(locale) or "").casefold(),
        }
        if wanted in names - {""}:
            return tag
    return None
