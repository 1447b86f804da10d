"""The Spanish fragment catalog of the emergency guide's modules (pipeline/locale/fragments/cat-emergency.po).

Its messages are the ones the code marks, each translated with the same named placeholders, and a guide built
in Spanish takes its sentences from it (at build time, never at import).
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po

from pipeline.audience import Audience
from pipeline.contexts.emergency_playbook_texts import HAZARD_NAMES
from pipeline.contexts.emergency_response_guide import emergency_response_guide_context
from pipeline.i18n import translations
from pipeline.locales import writing_in
from pipeline.partnerships import load_one
from schemas.vocabulary import Hazard

ROOT = Path(__file__).resolve().parent.parent
FRAGMENT = ROOT / "pipeline" / "locale" / "fragments" / "cat-emergency.po"
MODULES = [
    "pipeline/contexts/emergency_response_guide.py",
    "pipeline/contexts/emergency_playbooks.py",
    "pipeline/contexts/emergency_playbook_texts.py",
    "pipeline/contexts/crisis_lines.py",
    "pipeline/contexts/seats.py",
    "pipeline/contexts/figure_emergency.py",
    "pipeline/legal_positions.py",
]
KEYWORDS = {"_": None, "_n": (1, 2), "_p": ((1, "c"), 2), "N_": None}
"""The extraction keywords of pipeline.i18n, as `pybabel extract -k` spells them (`_p:1c,2`)."""
COUNTS = {"count", "number"}
"""Placeholders that only say how many: a plural form may write the count its own way (or, for one, not at all)."""
PLACEHOLDER = re.compile(r"\{(\w*)[^{}]*\}")


def _catalog() -> Catalog:
    with FRAGMENT.open("rb") as po:
        return read_po(po, locale="es")


def _messages() -> Iterator[Message]:
    return (message for message in _catalog() if message.id)


def _placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def _key(message: Message) -> str:
    msgid = message.id[0] if isinstance(message.id, tuple) else message.id
    return f"{message.context or ''}|{msgid}"


def test_the_fragment_has_the_standard_header() -> None:
    catalog = _catalog()
    assert str(catalog.locale) == "es"
    assert catalog.plural_forms == "nplurals=2; plural=(n != 1);"
    assert catalog.charset == "utf-8"
    assert not catalog.fuzzy


def test_every_message_is_translated_with_the_same_placeholders() -> None:
    problems = [f"{_key(message)}: {problem}" for message in _messages() for problem in _problems(message)]
    assert problems == []


def _problems(message: Message) -> Iterator[str]:
    if message.fuzzy:
        yield "fuzzy (a guess no translator confirmed)"
    if not isinstance(message.id, tuple):
        if not isinstance(message.string, str) or not message.string.strip():
            yield "not translated"
        elif _placeholders(message.string) != _placeholders(message.id):
            yield f"placeholders {sorted(_placeholders(message.string))}, not {sorted(_placeholders(message.id))}"
        return
    wanted = _placeholders(message.id[0]) | _placeholders(message.id[1])
    forms = message.string if isinstance(message.string, tuple) else ()
    if len(forms) != 2 or not all(form.strip() for form in forms):
        yield "a plural form is missing"
    for form in forms:
        if extra := _placeholders(form) - wanted - {"count"}:
            yield f"{form!r} has placeholders its message does not give: {sorted(extra)}"
        if missing := wanted - COUNTS - _placeholders(form):
            yield f"{form!r} leaves out {sorted(missing)}"


def test_the_fragment_holds_every_message_its_modules_mark_and_no_other() -> None:
    marked = set()
    for module in MODULES:
        for _line, msgid, _comments, context in extract_from_file("python", ROOT / module, keywords=KEYWORDS):
            marked.add((context, msgid[0] if isinstance(msgid, tuple) else msgid))
    translated = {(m.context, m.id[0] if isinstance(m.id, tuple) else m.id) for m in _messages()}
    assert sorted(marked - translated, key=str) == [], "marked in the code but missing from the fragment"
    assert sorted(translated - marked, key=str) == [], "in the fragment but no longer in the code"


def test_the_hazard_names_are_the_vocabulary_labels() -> None:
    # Documents printed the labels before they were translated: English must not change.
    assert {hazard: hazard.label for hazard in HAZARD_NAMES} == HAZARD_NAMES
    assert set(HAZARD_NAMES) == set(Hazard) - {Hazard.other}


@pytest.fixture
def spanish_catalog(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The fragment as the working directory's Spanish catalog (a coalition's locale/ folder)."""
    folder = tmp_path / "locale" / "es" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    shutil.copy(FRAGMENT, folder / "partnerdocs.po")
    monkeypatch.chdir(tmp_path)
    translations.cache_clear()
    yield
    translations.cache_clear()


@pytest.mark.usefixtures("spanish_catalog")
def test_a_guide_built_in_spanish_takes_its_sentences_from_the_catalog() -> None:
    loaded, problems = load_one(ROOT / "partnerships" / "harbor-hope-omalley.yaml")
    assert loaded is not None, problems
    with writing_in("es"):
        spanish = emergency_response_guide_context(loaded.partnership, Audience.core_team)
    english = emergency_response_guide_context(loaded.partnership, Audience.core_team)
    assert spanish["document_title"] == "Guía de respuesta ante emergencias y crisis"
    assert english["document_title"] == "Emergency and Crisis Response Guide"
    assert [h.name for h in spanish["hazards"]][:2] == [
        "Pérdida de personal clave",
        "Filtración de datos de personas sobrevivientes",
    ]
    general = [p for p in spanish["playbooks"] if p.general]
    assert general and all(p.title and not p.title.startswith(("Natural", "Political")) for p in general)
    assert "Desastre natural o evacuación" in [p.title for p in general]
    assert spanish["call_tree"][0].backup == ("Sin contacto de respaldo: por resolver",)
    assert spanish["call_tree_figure"].title == "La cadena de llamadas"
    assert spanish["succession"][0].rows[0].rank == "1.º"
    assert "Inglés y español" in spanish["crisis_lines"][-1].languages
