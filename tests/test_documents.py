"""Every document of every example: accessible structure, no leaks, no template residue.

These checks run over whatever kinds are registered, so a new kind is covered the day it is added.
"""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docxtpl import DocxTemplate

from conftest import EXAMPLES, ROOT
from pipeline.audience import Audience, is_visible
from pipeline.kinds import KINDS
from pipeline.partnerships import load_partnerships
from pipeline.render import make_environment
from pipeline.template_files import language_templates, packaged_template
from schemas import Partnership

PARTNERSHIPS = {loaded.slug: loaded.partnership for loaded in load_partnerships([ROOT / "partnerships"])}


LAYOUT_TABLE_STYLES = {"Signature Table", "Layout Table"}


def documents(built: Path) -> list[tuple[str, Path]]:
    return [(path.parent.name, path) for path in sorted(built.rglob("*.docx"))]


def kind_of(path: Path) -> str:
    return next(k for k in sorted(KINDS, key=len, reverse=True) if path.stem.startswith(k))


def test_every_kind_is_built_for_every_example(built_examples: Path) -> None:
    for example in EXAMPLES:
        kinds = {kind_of(path) for _, path in documents(built_examples / example.stem)}
        missing = {k for k, kind in KINDS.items() if kind.requires(PARTNERSHIPS[example.stem]) is None} - kinds
        assert missing == set(), example.stem


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_template_variables_are_all_provided(kind: str) -> None:
    paths = [packaged_template(KINDS[kind].template_name), *language_templates(kind).values()]
    for path in paths:
        wanted = DocxTemplate(str(path)).get_undeclared_template_variables(jinja_env=make_environment())
        for slug, partnership in PARTNERSHIPS.items():
            for planned in KINDS[kind].plan(partnership):
                # pipeline.documents adds the language note to every context when it renders a version
                assert wanted - set(planned.context) - {"language_note"} == set(), f"{path.name}: {slug}/{planned.name}"


def test_headings_are_in_order_and_tables_have_header_rows(built_examples: Path) -> None:
    for slug, path in documents(built_examples):
        document = docx.Document(str(path))
        level = 0
        for paragraph in document.paragraphs:
            style = paragraph.style.name if paragraph.style is not None else ""
            if style == "Title":
                level = 0
            elif style.startswith("Heading ") and paragraph.text.strip():
                new = int(style.split()[1])
                assert new <= level + 1, f"{slug}/{path.name}: '{paragraph.text}' skips from level {level} to {new}"
                level = new
        headings = [p for p in document.paragraphs if (p.style.name if p.style else "").startswith("Heading")]
        assert headings, f"{slug}/{path.name} has no headings"
        for table in document.tables:
            if table.style is not None and table.style.name in LAYOUT_TABLE_STYLES:
                continue  # signature blocks are laid out in a table; they have no header by design
            first_row = table.rows[0]._tr
            trpr = first_row.trPr
            assert trpr is not None and trpr.find(qn("w:tblHeader")) is not None, f"{slug}/{path.name}"


def _in(text: str, spanish: bool) -> str:
    """A value as the Spanish version prints it, when it is given per language."""
    return getattr(text, "by_language", {}).get("es", text) if spanish else text


def test_language_title_header_and_page_numbers(built_examples: Path) -> None:
    for slug, path in documents(built_examples):
        document = docx.Document(str(path))
        spanish = path.name.endswith(".es.docx")
        word_language = "es-US" if spanish else "en-US"
        name, display_name = (_in(PARTNERSHIPS[slug].name, spanish), _in(PARTNERSHIPS[slug].display_name, spanish))
        assert document.core_properties.language == word_language
        assert document.core_properties.title.endswith(name)
        defaults = document.styles.element.find(qn("w:docDefaults"))
        languages = [e.get(qn("w:val")) for e in defaults.iter(qn("w:lang"))]
        assert languages == [word_language], f"{slug}/{path.name}"
        section = document.sections[0]
        header_text = "\n".join(p.text for p in section.header.paragraphs)
        assert name in header_text or display_name in header_text, f"{slug}/{path.name}"
        footer_xml = section.footer._element.xml
        assert "PAGE" in footer_xml and "NUMPAGES" in footer_xml, f"{slug}/{path.name}"


def test_no_template_residue_or_missing_values(built_examples: Path) -> None:
    for slug, path in documents(built_examples):
        text = path.with_suffix(".txt").read_text(encoding="utf-8")
        assert "{{" not in text and "{%" not in text, f"{slug}/{path.name}"
        assert re.search(r"\bNone\b", text) is None, f"{slug}/{path.name}"
        assert "- \n" not in text and not re.search(r"^- *$", text, re.M), f"{slug}/{path.name} has an empty bullet"


def restricted_details(partnership: Partnership, audience: Audience) -> list[str]:
    """Contact details that a document for `audience` must not show."""
    hidden = []
    for member in partnership.members:
        contacts = [member.contacts.primary, *([member.contacts.backup] if member.contacts.backup else [])]
        for contact in contacts:
            for field in ("name", "email", "phone"):
                value = getattr(contact, field)
                if value and not is_visible(getattr(contact.visibility, field).value, audience):
                    hidden.append(str(value))
    return hidden


def test_restricted_details_never_reach_a_wider_audience(built_examples: Path) -> None:
    checked = 0
    for slug, path in documents(built_examples):
        audience = KINDS[kind_of(path)].audience
        text = path.with_suffix(".txt").read_text(encoding="utf-8")
        for detail in restricted_details(PARTNERSHIPS[slug], audience):
            checked += 1
            assert detail not in text, f"{slug}/{path.name} shows '{detail}' to {audience.value}"
    assert checked > 0, "the examples should exercise restricted details"


def test_full_legal_names_of_privately_named_signatories_only_on_signature_lines(built_examples: Path) -> None:
    checked = 0
    for slug, path in documents(built_examples):
        text = path.with_suffix(".txt").read_text(encoding="utf-8")
        for member in PARTNERSHIPS[slug].members:
            signatory = member.signatory
            if signatory.public_name and signatory.name:
                checked += 1
                label = "Nombre" if path.name.endswith(".es.docx") else "Name"
                outside_signatures = text.replace(f"{label}: {signatory.name}", "")
                assert signatory.name not in outside_signatures, f"{slug}/{path.name}"
    assert checked > 0


def test_a_letter_of_intent_prints_the_writers_mailing_address_under_its_name(built_examples: Path) -> None:
    lines = (built_examples / "westhaven-alliance" / "letter-of-intent-many-trails.txt").read_text("utf-8").splitlines()
    name = lines.index("Many Trails Native Advocacy Network")
    assert lines[name + 1 : name + 3] == ["P.O. Box 1187", "Larkin, Westhaven 98501"]

    from pipeline.contexts.letter_of_intent import letter_context

    westhaven = PARTNERSHIPS["westhaven-alliance"]
    grant, writer = westhaven.letters_of_intent()[0]
    bare = {"mailing_address": [], "unit": None, "doing_business_as": None}
    members = [m.model_copy(update=bare) if m.id == writer.id else m for m in westhaven.members]
    without = westhaven.model_copy(update={"members": members})
    assert letter_context(without, grant, writer, Audience.public)["letterhead_lines"] == ()  # no empty lines


def test_the_conveners_sign_the_welcome_letter_and_are_named_as_conveners() -> None:
    from pipeline.contexts.common import leadership_statement
    from pipeline.contexts.onboarding_packet import onboarding_packet_context

    westhaven = PARTNERSHIPS["westhaven-alliance"]
    signers = onboarding_packet_context(westhaven, Audience.members)["signers"]
    assert [s.organization.split(" (")[0] for s in signers] == [
        "Many Trails Native Advocacy Network",
        "Still Standing Survivor Leadership Alliance",
    ]
    assert leadership_statement(westhaven).endswith(" Many Trails and Still Standing convene the core group.")
    seats = [seat.model_copy(update={"convenes": False}) for seat in westhaven.leadership.core_group]
    leadership = westhaven.leadership.model_copy(update={"core_group": seats})
    unmarked = westhaven.model_copy(update={"leadership": leadership})
    assert len(onboarding_packet_context(unmarked, Audience.members)["signers"]) == len(seats)
    assert "convene" not in leadership_statement(unmarked)
