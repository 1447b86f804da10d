"""Sentences written in code, in the language of the document being written: gettext catalogs managed with Babel.

Every fixed sentence a context builder (or the finishing of a document) writes goes through `_` as a whole
sentence with named placeholders -- `_("{member} refers survivors to {partner}.", member=..., partner=...)` --
never as fragments glued together in code, because word order and agreement differ between languages. English
is the source language: its text is the message itself, so English documents need no catalog.

A language's catalog is `locale/<ll>/LC_MESSAGES/partnerdocs.po` (or `<ll_RR>`): partnerdocs ships its own under
pipeline/locale, and a coalition's repository may add a `locale/` folder of its own (relative to the working
directory, like `templates/`), whose messages replace partnerdocs' one by one. `make messages` extracts the
messages and updates the .po files; the build compiles them in memory (Babel), so a translator edits a .po file
in any gettext tool (Poedit, Weblate, Lokalize) and nothing else. Adding a language is adding a catalog (and the
Word templates in that language): no code changes.

Keywords for extraction: `_` (message), `_n` (singular, plural), `_p` (context, message) and `N_` (marks a
message kept in a constant and translated where it is used, with `_(CONSTANT)`).
"""

from __future__ import annotations

import functools
import hashlib
import io
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from babel.support import NullTranslations, Translations

DOMAIN = "partnerdocs"
PACKAGED_CATALOGS = Path(__file__).resolve().parent / "locale"
"""partnerdocs' own catalogs (pipeline/locale/<ll>/LC_MESSAGES/partnerdocs.po)."""
LOCAL_CATALOGS = Path("locale")
"""A coalition's own catalogs, relative to the working directory; they win message by message."""


def current_language() -> str:
    # Imported when first needed: pipeline.kinds marks its titles with N_, and `--help` must not load Babel.
    global _current_language
    if _current_language is None:
        from pipeline.locales import current_language as language

        _current_language = language
    return _current_language()


_current_language: Callable[[], str] | None = None


def _(message: str, /, **values: object) -> str:
    """`message` in the current document's language, its {named} placeholders filled from `values`."""
    translated = str(translations(current_language()).gettext(message))
    return translated.format(**values) if values else translated


def _n(singular: str, plural: str, count: int, /, **values: object) -> str:
    """The form of the message for `count` items in the current language; `{count}` is filled in too."""
    translated = str(translations(current_language()).ngettext(singular, plural, count))
    return translated.format(count=count, **values)


def _p(context: str, message: str, /, **values: object) -> str:
    """A message that means different things in different places (`context` tells the translator which)."""
    translated = str(translations(current_language()).pgettext(context, message))
    return translated.format(**values) if values else translated


def N_(message: str, /) -> str:  # noqa: N802 -- the gettext convention translators' tools look for
    """Marks a message for extraction without translating it: keep it in a constant, translate it with `_`."""
    return message


def catalog_folders() -> tuple[Path, ...]:
    """Where catalogs are looked for, the one that wins first: the working directory's, then partnerdocs' own."""
    return (LOCAL_CATALOGS, PACKAGED_CATALOGS)


def catalog_files(tag: str) -> Iterator[Path]:
    """The .po files that translate into `tag`, the one that wins first: 'es-US' reads es_US, then es."""
    subtags = tag.replace("_", "-").split("-")
    names = ["_".join(subtags[:n]) for n in range(len(subtags), 0, -1)]
    for folder in catalog_folders():
        for name in names:
            for spelling in dict.fromkeys((name, name.lower())):
                path = folder / spelling / "LC_MESSAGES" / f"{DOMAIN}.po"
                if path.is_file():
                    yield path


def catalog_languages() -> set[str]:
    """The tags some catalog translates into ('es', 'en_XA' as 'en-XA'), in either catalog folder."""
    found = set()
    for folder in catalog_folders():
        if folder.is_dir():
            found |= {
                child.name.replace("_", "-")
                for child in folder.iterdir()
                if (child / "LC_MESSAGES" / f"{DOMAIN}.po").is_file()
            }
    return found


def local_catalogs_digest() -> str:
    """A hash of the working directory's own catalogs ('' when it has none): a change to one rebuilds."""
    if not LOCAL_CATALOGS.is_dir():
        return ""
    digest = hashlib.sha256()
    for path in sorted(LOCAL_CATALOGS.rglob("*.po")):
        digest.update(str(path).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def has_catalog(tag: str) -> bool:
    """True when some catalog translates into `tag` (or into its language without the region)."""
    return next(catalog_files(tag), None) is not None


@functools.lru_cache(maxsize=16)
def translations(tag: str) -> NullTranslations:
    """The compiled messages for `tag` (English, the source language, needs none). Cached for the process."""
    from babel.support import NullTranslations, Translations

    merged: NullTranslations = NullTranslations()
    for path in reversed(list(catalog_files(tag))):  # the catalog that wins is merged last
        compiled = _compile(path)
        if isinstance(merged, Translations):
            merged.merge(compiled)
        else:
            merged = compiled
    return merged


def _compile(path: Path) -> Translations:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po
    from babel.support import Translations

    with path.open("rb") as po:
        catalog = read_po(po, locale=None, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)  # a fuzzy translation is a guess a translator has not confirmed
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)
