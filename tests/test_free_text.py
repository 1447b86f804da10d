"""Free text reads right in every document: no notes to editors, no self-reference elsewhere, no ISO dates,
no sentence said twice in a row, no list item listed twice."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from pydantic import BaseModel

import schemas
from conftest import EXAMPLES, minimal_data
from pipeline.cli import main
from pipeline.lint import texts
from pipeline.partnerships import load_one
from pipeline.printed_fields import prints_in

DOCUMENT_KINDS = (
    "mou",
    "letter-of-intent",
    "governance-charter",
    "emergency-response-guide",
    "onboarding-packet",
    "subgrant-agreement",
    "partnership-plan",
    "evaluation-plan",
)


def _kind(path: Path) -> str:
    return next(kind for kind in DOCUMENT_KINDS if path.stem.startswith(kind))


def _documents(built: Path, example: Path) -> dict[Path, str]:
    return {path: path.read_text(encoding="utf-8") for path in sorted((built / example.stem).glob("*.txt"))}


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.stem for e in EXAMPLES])
def test_printed_fields_lists_every_kind_that_prints_a_value(built_examples: Path, example: Path) -> None:
    # Lint decides where a value prints from pipeline.printed_fields; a context builder that starts printing a
    # field somewhere new must be reflected there, or a self-reference in that field would go unflagged.
    loaded, problems = load_one(example)
    assert loaded is not None, problems
    flat = {path: " ".join(text.split()) for path, text in _documents(built_examples, example).items()}
    values = [(location, " ".join(value.split())) for location, value in texts(loaded.partnership)]
    missing = []
    for location, value in values:
        # A long run of words from the value, which prints verbatim even when a sentence is lower-cased or dated.
        runs = re.findall(r"[A-Za-z][A-Za-z ,'’]{20,}", value)
        # Five words at least: a short title such as 'Executive Director, Bridgewell' recurs by coincidence.
        runs = [run for run in runs if len(run.split()) >= 5]
        if not runs:
            continue
        chunk = max(runs, key=len)[:40].strip()
        for path, text in flat.items():
            kind = _kind(path)
            # The same words in another field that does print there (a subgrant's purpose that repeats a
            # member's commitment word for word) are that field's, not this one's.
            if chunk not in text or kind in prints_in(location):
                continue
            if not any(kind in prints_in(other) and chunk in v for other, v in values):
                missing.append(f"{'.'.join(map(str, location))} prints in {_kind(path)}")
    assert not missing


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.stem for e in EXAMPLES])
def test_examples_print_no_note_for_editors_and_no_misplaced_self_reference(
    built_examples: Path, example: Path
) -> None:
    editor_notes = re.compile(r"\bthis file\b|\bYAML\b|\bwould call this\b|`", re.IGNORECASE)
    self_references = {
        "mou": r"\bthis (?:MOU|memorandum)\b",
        "governance-charter": r"\bthis charter\b",
        "emergency-response-guide": r"\bthis guide\b",
        "onboarding-packet": r"\bthis packet\b",
        "letter-of-intent": r"\bthis letter\b",
        "evaluation-plan": r"\bthis evaluation plan\b",
    }
    for path, text in _documents(built_examples, example).items():
        assert not editor_notes.search(text), f"{path.name}: {editor_notes.search(text)}"
        for named, pattern in self_references.items():
            if named != _kind(path):
                found = re.search(pattern, text, re.IGNORECASE)
                assert found is None, f"{path.name} says '{found.group(0) if found else ''}'"


def _fields(model: type[BaseModel]) -> list[tuple[str, str, str]]:
    found = []
    for name, field in model.model_fields.items():
        found.append((model.__name__, name, field.description or ""))
    return found


def test_note_fields_say_where_they_print() -> None:
    # A field called 'note' reads like a note for the file's readers; where it prints, its description says so.
    models = [m for m in vars(schemas).values() if isinstance(m, type) and issubclass(m, BaseModel)]
    for module in (schemas.members, schemas.policies, schemas.governance, schemas.operations, schemas.partnership):
        models += [m for m in vars(module).values() if isinstance(m, type) and issubclass(m, BaseModel)]
    notes = {(m, n, d) for model in models for m, n, d in _fields(model) if n == "note" or n.endswith("_note")}
    assert notes
    unsaid = sorted(f"{m}.{n}" for m, n, d in notes if "Prints in" not in d and "never printed" not in d.lower())
    assert not unsaid


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_REVISION_TABLE = re.compile(r"^#+ .*(?:revision|record of changes)", re.IGNORECASE)
_ISO_DATE = re.compile(r"(?<![\w./-])\d{4}-\d{2}-\d{2}(?![\w-])")


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.stem for e in EXAMPLES])
def test_no_stutter_no_repeated_item_and_no_iso_date(built_examples: Path, example: Path) -> None:
    problems = []
    for path, text in _documents(built_examples, example).items():
        in_revisions, items = False, []
        for number, line in enumerate([*text.splitlines(), ""], 1):
            where = f"{path.name}:{number}"
            if line.startswith("#"):
                in_revisions = bool(_REVISION_TABLE.match(line))
            if _ISO_DATE.search(line) and not in_revisions:
                problems.append(f"{where}: ISO date in '{line[:80]}'")
            for cell in line.strip("|- ").split(" | "):
                sentences = [_words(s) for s in _SENTENCE_END.split(cell) if s]
                for first, second in itertools.pairwise(sentences):
                    # Two sentences in a row that say the same, or a label the next sentence repeats.
                    if first and second[: len(first)] == first:
                        problems.append(f"{where}: '{cell[:80]}' says its first words twice")
            if line.startswith("- "):
                items.append(_words(line))
                continue
            if len(items) != len({tuple(item) for item in items}):
                problems.append(f"{where}: a list above lists an item twice")
            items = []
    assert not problems


def test_a_label_the_value_repeats_is_dropped_in_every_document(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    data = minimal_data()
    data["agreement"]["on_withdrawal"] = "Information already shared stays confidential."
    data["emergency"] = {
        "scenarios": [
            {
                "title": "Flood",
                "hazard": "natural_disaster",
                "recovery": "Recovery ends when the office reopens.",
            }
        ]
    }
    path = write_partnership(data)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(path), "--out", str(out)])
    assert result.exit_code == 0, result.output
    mou = (out / "pathways" / "mou.txt").read_text(encoding="utf-8")
    guide = (out / "pathways" / "emergency-response-guide.txt").read_text(encoding="utf-8")
    assert "Information already shared stays confidential." in mou
    assert "Information already shared. Information" not in mou
    assert "Recovery ends when the office reopens." in guide
    assert "Recovery. Recovery" not in guide
