"""Free text given per language: `mission: {en: ..., es: ...}`.

The language of record's text is required, only the partnership's languages may be given, a missing
translation is a lint warning and prints the language of record's text marked as not translated, and every
document version reads its own language's text.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import minimal_data
from pipeline.build import build
from pipeline.errors import PartnerdocsError
from pipeline.lint import lint
from pipeline.locales import writing_in
from pipeline.manifest import read_manifest
from pipeline.partnerships import load_one
from pipeline.values import partnership_in
from schemas.localized import LocalizedText, localized_values

MISSION = {"en": "Open safe pathways to paid work.", "es": "Abrir caminos seguros hacia un empleo pagado."}


def _problems(write_partnership: Callable[..., Path], data: dict[str, object]) -> list[str]:
    loaded, problems = load_one(write_partnership(data))
    assert loaded is None
    return [f"{p.line}: {p.path}: {p.message}" for p in problems]


def test_each_language_reads_its_own_text(write_partnership: Callable[..., Path]) -> None:
    data = minimal_data() | {"languages": ["en", "es"], "mission": MISSION}
    loaded, problems = load_one(write_partnership(data))
    assert loaded is not None, problems
    assert loaded.partnership.mission == MISSION["en"]  # the language of record, wherever code reads text
    with writing_in("es"):
        assert partnership_in(loaded.partnership, "es").mission == MISSION["es"]
    assert partnership_in(loaded.partnership, "en").mission == MISSION["en"]


def test_a_missing_translation_prints_the_record_marked_and_warns(write_partnership: Callable[..., Path]) -> None:
    data = minimal_data() | {"languages": ["en", "es"], "mission": {"en": MISSION["en"]}}
    source = write_partnership(data)
    loaded, _ = load_one(source)
    assert loaded is not None
    with writing_in("es"):
        assert partnership_in(loaded.partnership, "es").mission == f"{MISSION['en']} [sin traducir]"
    findings = [p for p in lint(loaded.source, loaded.as_written) if p.rule == "text-not-translated"]
    assert [(f.path, f.line) for f in findings] == [("mission", source.read_text().splitlines().index("mission:") + 1)]
    assert "Spanish (es)" in findings[0].message and "es: ..." in findings[0].message


def test_a_sentence_given_once_in_a_partnership_of_two_languages_is_a_warning(
    write_partnership: Callable[..., Path],
) -> None:
    data = minimal_data() | {"languages": ["en", "es"], "mission": "Open safe and dignified pathways to paid work."}
    data["members"][0]["legal_name"] = "Office of the District Attorney for the County of Riverbend"  # a name
    loaded, _ = load_one(write_partnership(data))
    assert loaded is not None
    once = [p.path for p in lint(loaded.source, loaded.as_written) if p.rule == "text-in-one-language"]
    assert "mission" in once
    assert "members[0].legal_name" not in once
    # a partnership in one language writes its text once, as always
    loaded, _ = load_one(write_partnership(minimal_data() | {"mission": "Open safe and dignified pathways to work."}))
    assert loaded is not None
    assert not [p for p in lint(loaded.source, loaded.as_written) if p.rule.startswith("text-")]


def test_text_per_language_errors_name_the_line_the_field_and_the_fix(write_partnership: Callable[..., Path]) -> None:
    data = minimal_data() | {
        "languages": ["en", "es"],
        "geography": {"en": "A county", "es": "Un condado\x07"},
        "vision": {},
    }
    problems = "\n".join(_problems(write_partnership, data))
    assert "geography: the text in es: contains the invisible control character U+0007" in problems
    assert "vision: give the text, or the text in each language" in problems
    # Checked once every value is well formed, all at once:
    data = minimal_data() | {
        "languages": ["en", "es"],
        "mission": {"es": MISSION["es"]},
        "purpose": {"en": "Why.", "fr": "Pourquoi."},
    }
    problems = "\n".join(_problems(write_partnership, data))
    assert "mission: there is no text in en, the language of record" in problems
    assert "purpose.fr: 'fr' is not one of this partnership's languages (en, es)" in problems


def test_a_misspelt_language_key_is_an_error(write_partnership: Callable[..., Path]) -> None:
    data = minimal_data() | {"languages": ["en", "es"], "mission": {"en": "A.", "sp": "B."}}
    assert any("'sp' is not a language tag" in p for p in _problems(write_partnership, data))


def test_the_spanish_version_prints_the_spanish_text(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    data = minimal_data() | {"languages": ["en", "es"], "mission": MISSION}
    build([write_partnership(data)], tmp_path / "out", ["governance-charter"])
    folder = tmp_path / "out" / "pathways"
    assert MISSION["en"] in (folder / "governance-charter.txt").read_text(encoding="utf-8")
    spanish = (folder / "governance-charter.es.txt").read_text(encoding="utf-8")
    assert MISSION["es"] in spanish and MISSION["en"] not in spanish


def test_a_language_with_no_template_is_a_warning_and_the_rest_is_built(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    data = minimal_data() | {"languages": ["en", "vi"]}
    report = build([write_partnership(data)], tmp_path / "out", ["governance-charter"])
    warnings = [w for w in report.warnings if w.rule == "language-without-template"]
    assert [w.path for w in warnings] == ["languages"]
    assert "governance-charter.vi.docx" in warnings[0].message
    assert (tmp_path / "out" / "pathways" / "governance-charter.docx").is_file()


def test_an_unknown_language_is_an_error_before_anything_is_built(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    with pytest.raises(PartnerdocsError, match="'xx' is not a language tag partnerdocs knows"):
        build([write_partnership(minimal_data() | {"languages": ["en", "xx"]})], tmp_path / "out")
    assert not (tmp_path / "out" / "pathways").exists()


texts = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40)


@given(st.dictionaries(st.sampled_from(["en", "es", "vi", "zh-Hant"]), texts, min_size=1))
def test_localized_text_is_a_string_that_keeps_every_language(by_language: dict[str, str]) -> None:
    text = LocalizedText(by_language)
    first = next(iter(by_language))
    assert text == by_language[first] and text.language == first
    for tag, value in by_language.items():
        chosen = text.in_language(tag, first)
        assert chosen == value and chosen.translated and chosen.by_language == by_language
    assert not text.in_language("tl", first).translated
    assert pickle.loads(pickle.dumps(text)).by_language == by_language  # build workers receive it pickled
    assert [value for _, value in localized_values([text, {"k": text}])] == [text, text]


def test_each_language_version_is_approved_on_its_own(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    """Signatories approve the version they sign: the Spanish MOU is final once both approved its Spanish text,
    whatever the English one's approvals say."""
    from click.testing import CliRunner

    from pipeline.cli import main

    data = minimal_data() | {"languages": ["en", "es"], "mission": MISSION}
    path = write_partnership(data)
    runner = CliRunner()
    where = ["--partnerships", str(path.parent)]
    for member in ("harbor-hope", "omalley"):
        result = runner.invoke(main, ["approve", path.stem, "mou.es", "--by", member, *where])
        assert result.exit_code == 0, result.output
    folder = path.parent / f"{path.stem}.approvals"
    assert sorted(p.name.split(".")[0:3] for p in folder.iterdir()) == [
        ["mou", "es", "harbor-hope"],
        ["mou", "es", "omalley"],
    ]
    out = tmp_path / "out"
    result = runner.invoke(main, ["build", str(path.parent), "--out", str(out), "--kind", "mou"])
    assert result.exit_code == 0, result.output
    entries = {e["name"]: e for e in read_manifest(out / path.stem / "manifest.json")["documents"]}
    assert (entries["mou.es"]["status"], entries["mou"]["status"]) == ("final", "draft")
    assert entries["mou.es"]["fingerprint"] != entries["mou"]["fingerprint"]
    english = (out / path.stem / "mou.txt").read_text(encoding="utf-8")
    assert "Draft – not for signature" in english
    assert "Borrador" not in (out / path.stem / "mou.es.txt").read_text(encoding="utf-8")
