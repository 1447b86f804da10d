"""The MOU: its template asks only for what the context provides, and values stay literal."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import HOSTILE_TEXT, minimal_data
from pipeline.audience import Audience
from pipeline.contexts.mou import mou_context
from pipeline.finalize import DocumentProperties, Finish, finalize
from pipeline.render import render_template
from pipeline.template_files import packaged_template
from pipeline.text import docx_text
from schemas import Partnership

TEMPLATE = packaged_template("mou.docx")
PROPS = DocumentProperties(title="Memorandum of Understanding", subject="test")


def test_hostile_values_render_literally(built_hostile: Path) -> None:
    text = (built_hostile / "hostile-values" / "mou.txt").read_text(encoding="utf-8")
    for value in HOSTILE_TEXT:
        assert value in text


words = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\ufffe\uffff"),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip() == s and s.strip() != "")


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=words, organization=words, person=words)
def test_any_text_renders_literally(name: str, organization: str, person: str) -> None:
    data = minimal_data()
    data["name"] = name
    data["members"][1]["legal_name"] = organization
    data["members"][1]["contacts"]["primary"]["name"] = person
    partnership = Partnership.model_validate(data)
    context = {**mou_context(partnership, Audience.members), "language_note": ""}  # as the build adds it
    text = docx_text(finalize(render_template(TEMPLATE, context), Finish(PROPS)))
    for value in (name, organization, person):
        assert value in text
