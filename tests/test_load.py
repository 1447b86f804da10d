"""Stage 1: safe loading keeps positions and refuses what partnership files never need."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pipeline.errors import PartnerdocsError
from pipeline.load import MAX_DEPTH, MAX_FILE_BYTES, Position, SourceDocument, load_file


def load_text(tmp_path: Path, text: str) -> SourceDocument:
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    return load_file(path)


def problem_of(tmp_path: Path, text: str | bytes) -> str:
    path = tmp_path / "p.yaml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    with pytest.raises(PartnerdocsError) as caught:
        load_file(path)
    assert len(caught.value.problems) == 1
    return str(caught.value.problems[0])


def test_positions_point_at_values_and_list_items(tmp_path: Path) -> None:
    source = load_text(tmp_path, "name: A\nmembers:\n  - id: a\n    contacts:\n      primary: {email: x}\n")
    assert source.positions[("name",)] == Position(1, 7)
    assert source.positions[("members", 0)] == Position(3, 5)
    assert source.positions[("members", 0, "contacts", "primary", "email")] == Position(5, 24)
    # A location that does not exist falls back to its closest existing parent.
    assert source.position_of(("members", 0, "signatory")) == Position(3, 5)


def test_scalars_keep_yaml_types_and_source_text(tmp_path: Path) -> None:
    source = load_text(tmp_path, "d: 2025-10-01\nn: 30\nt: '9:30'\nb: true\nx: 9:30\n")
    assert source.data == {"d": dt.date(2025, 10, 1), "n": 30, "t": "9:30", "b": True, "x": 570}
    assert source.source_text[("x",)] == "9:30"


def test_windows_line_endings_and_bom_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_bytes(b"\xef\xbb\xbfname: A\r\nlevel: b\r\n")
    assert load_file(path).data == {"name": "A", "level": "b"}


def test_file_over_the_size_limit_is_refused_before_parsing(tmp_path: Path) -> None:
    text = "x: " + "a" * MAX_FILE_BYTES + "\n"
    assert "partnership files are limited to 1,000,000 bytes" in problem_of(tmp_path, text)


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    text = "a: " + "[" * (MAX_DEPTH + 2) + "]" * (MAX_DEPTH + 2) + "\n"
    assert f"nested more than {MAX_DEPTH} levels deep" in problem_of(tmp_path, text)


def test_alias_bomb_is_refused_at_its_first_anchor(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 9)]
    # Refused at the first anchor, before any alias is expanded (timings are measured by make bench, not here).
    message = problem_of(tmp_path, "\n".join(lines) + "\n")
    assert message == "{}:1:5: anchors (&a0) are not allowed; write each value out in full".format(tmp_path / "p.yaml")


def test_merge_keys_are_refused(tmp_path: Path) -> None:
    assert "merge keys (<<) are not allowed" in problem_of(tmp_path, "a:\n  <<: {b: 1}\n")


def test_non_string_keys_are_kept_as_text(tmp_path: Path) -> None:
    source = load_text(tmp_path, "1: one\ntrue: yes\n")
    assert source.data == {"1": "one", "True": True}


def test_unreadable_path_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    with pytest.raises(PartnerdocsError) as caught:
        load_file(tmp_path / "missing.yaml")
    assert "cannot read the file" in str(caught.value)
