"""The language Word records in a document's styles: the default run language (w:docDefaults/w:rPrDefault w:lang).

Word's spelling and grammar checkers, hyphenation and screen readers take a document's language from there.
Templates are saved in English (en-US); a document written in another language gets a copy of the template's
zipped parts with only that attribute changed, made once per template, language and draft state.
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_LANG = f"{{{_W}}}rPrDefault/{{{_W}}}rPr/{{{_W}}}lang"
_VAL, _EAST_ASIA = f"{{{_W}}}val", f"{{{_W}}}eastAsia"
_EAST_ASIAN = {"zh", "ja", "ko"}
"""Languages whose text Word checks with the East Asian language attribute rather than the Latin one."""


def _default_lang(root: etree._Element) -> etree._Element | None:
    defaults = root.find(f"{{{_W}}}docDefaults")
    return None if defaults is None else defaults.find(_LANG)


def default_language(styles_xml: bytes) -> str | None:
    """The styles' default run language ('en-US'), or None when the styles set none."""
    lang = _default_lang(etree.fromstring(styles_xml))
    return None if lang is None else lang.get(_VAL)


def with_default_language(styles_xml: bytes, word_tag: str) -> bytes:
    """The styles with their default run language set to `word_tag` (e.g. 'es-US'), adding it where missing."""
    root = etree.fromstring(styles_xml)
    lang = _default_lang(root)
    if lang is None:
        defaults = root.find(f"{{{_W}}}docDefaults")
        if defaults is None:
            defaults = etree.Element(f"{{{_W}}}docDefaults")
            root.insert(0, defaults)
        r_pr_default = defaults.find(f"{{{_W}}}rPrDefault")
        if r_pr_default is None:
            r_pr_default = etree.SubElement(defaults, f"{{{_W}}}rPrDefault")
            defaults.insert(0, r_pr_default)
        r_pr = r_pr_default.find(f"{{{_W}}}rPr")
        if r_pr is None:
            r_pr = etree.SubElement(r_pr_default, f"{{{_W}}}rPr")
        lang = etree.SubElement(r_pr, f"{{{_W}}}lang")
    lang.set(_VAL, word_tag)
    if word_tag.split("-")[0] in _EAST_ASIAN:
        lang.set(_EAST_ASIA, word_tag)
    xml: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return xml


_SETTINGS_BEFORE_HYPHENATION = ("defaultTabStop", "styleLockQFSet", "styleLockTheme", "autoFormatOverride")
"""Elements of w:settings that come just before w:autoHyphenation (the schema fixes the order), nearest first."""


def hyphenates(word_tag: str) -> bool:
    """Whether a document in this language hyphenates long words at line ends: every language but English,
    whose documents stay as their templates lay them out. Spanish words run longer, and narrow table cells and
    justified clauses break them badly without it."""
    return word_tag.split("-")[0] != "en"


def with_hyphenation(settings_xml: bytes) -> bytes:
    """The settings with automatic hyphenation on (Word and LibreOffice hyphenate by each paragraph's language)."""
    root = etree.fromstring(settings_xml)
    if root.find(f"{{{_W}}}autoHyphenation") is None:
        element = etree.Element(f"{{{_W}}}autoHyphenation")
        anchor = next(
            (found for name in _SETTINGS_BEFORE_HYPHENATION if (found := root.find(f"{{{_W}}}{name}")) is not None),
            None,
        )
        if anchor is not None:
            anchor.addnext(element)
        else:
            root.append(element)
    xml: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return xml


def rezipped(archive_bytes: bytes, changes: dict[str, bytes]) -> bytes:
    """The zip with the entries named in `changes` replaced, every other entry copied as it is (same order and
    times)."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(archive_bytes)) as source,
        zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            target.writestr(info, changes.get(info.filename) or source.read(info))
    return buffer.getvalue()
