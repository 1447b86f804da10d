"""Names too long for a Word file property are validate problems, never a crash in build."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from conftest import EXAMPLES, ROOT, minimal_data
from pipeline.cli import main
from pipeline.contexts.onboarding_texts import AFFILIATE_TITLE
from pipeline.documents import render_all
from pipeline.kinds import KINDS
from pipeline.partnerships import load_partnerships
from pipeline.property_limits import FIXED_TITLES, LONGEST_NAME, MAX_PROPERTY_CHARACTERS, document_titles

WESTHAVEN = ROOT / "partnerships" / "westhaven-alliance.yaml"
"""An example with every kind of document title: a public copy, an affiliates' packet and letters of intent."""


def with_name(folder: Path, name: str, source: Path = WESTHAVEN) -> Path:
    path = folder / source.name
    text = re.sub(r"(?m)^name: .*$", lambda _: f"name: {name}", source.read_text(encoding="utf-8"), count=1)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_name_too_long_for_the_title_property_is_a_validate_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import yaml

    data = minimal_data()
    data["name"] = "N" * 219
    (tmp_path / "long.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["validate", "long.yaml"])
    assert result.exit_code == 1
    assert result.output == (
        f"long.yaml:{yaml.safe_dump(data).splitlines().index('name: ' + 'N' * 219) + 1}:7: name: is 219 characters "
        "long; Word file properties allow at most 255 characters for a document's title, which is the document's "
        "own title (up to 54 characters), ': ' and this name: shorten the name to at most 199 characters\n"
        "1 problem found.\n"
    )


def test_the_longest_name_validate_accepts_builds_every_document(tmp_path: Path) -> None:
    name = "N" * LONGEST_NAME
    documents = list(render_all(load_partnerships([with_name(tmp_path, name)])))
    assert {d.name for d in documents} >= {
        "mou-public-copy",
        "onboarding-packet-affiliates",
        "letter-of-intent-many-trails",
    }
    for document in documents:
        title = docx.Document(io.BytesIO(document.docx)).core_properties.title
        assert title.endswith(f": {name}")
        assert len(title) <= MAX_PROPERTY_CHARACTERS


def test_a_letter_writer_whose_name_makes_the_letter_title_too_long_is_a_validate_problem(tmp_path: Path) -> None:
    path = with_name(tmp_path, "N" * LONGEST_NAME)
    text = path.read_text(encoding="utf-8").replace(
        "short_name: Many Trails\n", "short_name: Many Trails Native Advocacy Network Inc\n"
    )
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    line = text.splitlines().index("    short_name: Many Trails Native Advocacy Network Inc") + 1
    assert result.output.splitlines() == [
        f"{path}:{line}:17: members[1].short_name: makes the title of this member's letter of intent ('Letter of "
        "Intent: <this name>: <partnership name>') 258 characters long; Word file properties allow at most 255 "
        "characters for a title: shorten this name or the partnership's by 3 characters",
        "1 problem found.",
    ]


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.stem for e in EXAMPLES])
def test_the_titles_checked_are_the_titles_documents_get(example: Path) -> None:
    # The check cannot import the code that makes the titles; this keeps its list honest.
    (loaded,) = load_partnerships([example])
    partnership = loaded.partnership
    titles = document_titles(partnership)
    for kind in KINDS.values():
        if kind.requires(partnership) is None:
            assert {planned.title for planned in kind.plan(partnership)} <= set(titles)
    assert AFFILIATE_TITLE in FIXED_TITLES
