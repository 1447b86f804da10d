"""Stage 1: safe loading keeps positions and refuses what partnership files never need."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import load
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


def value_problem_of(tmp_path: Path, text: str) -> str:
    """The one problem load found with a value: reported, and the rest of the file read on."""
    source = load_text(tmp_path, text)
    assert len(source.problems) == 1
    return str(source.problems[0])


def test_positions_point_at_values_and_list_items(tmp_path: Path) -> None:
    source = load_text(tmp_path, "name: A\nmembers:\n  - id: a\n    contacts:\n      primary: {email: x}\n")
    assert source.positions[("name",)] == Position(1, 7)
    assert source.positions[("members", 0)] == Position(3, 5)
    assert source.positions[("members", 0, "contacts", "primary", "email")] == Position(5, 24)
    # A location that does not exist falls back to its closest existing parent.
    assert source.position_of(("members", 0, "signatory")) == Position(3, 5)


def test_scalars_keep_yaml_types_and_source_text(tmp_path: Path) -> None:
    source = load_text(tmp_path, "d: 2025-10-01\nn: 30\nt: '9:30'\nb: true\nx: 9:30\n")
    assert source.data == {"d": dt.date(2025, 10, 1), "n": 30, "t": "9:30", "b": True, "x": "9:30"}
    assert source.source_text[("b",)] == "true"


# Plain values as the YAML 1.2 core schema reads them (the editors' YAML language server), plus full dates.
CORE_SCHEMA = [
    ("9:30", "9:30"),
    ("1:30:00", "1:30:00"),
    ("no", "no"),
    ("yes", "yes"),
    ("on", "on"),
    ("off", "off"),
    ("y", "y"),
    ("No", "No"),
    ("true", True),
    ("True", True),
    ("FALSE", False),
    ("tRUE", "tRUE"),
    ("012", 12),
    ("0o14", 12),
    ("0x0C", 12),
    ("+12", 12),
    ("-7", -7),
    ("0b101", "0b101"),
    ("0o18", "0o18"),
    ("1_000", "1_000"),
    ("1e3", 1000.0),
    ("-.5", -0.5),
    ("1.", 1.0),
    (".inf", math.inf),
    ("-.Inf", -math.inf),
    ("~", None),
    ("null", None),
    ("NULL", None),
    ("", None),
    ("nULL", "nULL"),
    ("=", "="),
    ("2025-10-01", dt.date(2025, 10, 1)),
    ("2025-1-1", "2025-1-1"),
    ("2025-10-01 09:30:00", "2025-10-01 09:30:00"),
    ("2025-10-01T09:30:00Z", "2025-10-01T09:30:00Z"),
]


@pytest.mark.parametrize("libyaml", [True, False], ids=["libyaml", "pure-python"])
@pytest.mark.parametrize(("written", "expected"), CORE_SCHEMA, ids=[w or "empty" for w, _ in CORE_SCHEMA])
def test_plain_values_follow_the_yaml_1_2_core_schema(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, libyaml: bool, written: str, expected: object
) -> None:
    if not libyaml:
        monkeypatch.setattr(load, "_FastLoader", None)
    value = load_text(tmp_path, f"x: {written}\n").data["x"]
    assert value == expected
    assert type(value) is type(expected)


def test_nan_is_a_float(tmp_path: Path) -> None:
    assert math.isnan(load_text(tmp_path, "x: .NaN\n").data["x"])


def test_yaml_safe_load_elsewhere_keeps_pyyaml_rules(tmp_path: Path) -> None:
    # The loaders have their own tables; PyYAML's shared ones, which other code may use, are untouched.
    load_text(tmp_path, "x: 9:30\n")
    assert yaml.safe_load("x: 9:30\ny: no\n") == {"x": 570, "y": False}
    if hasattr(yaml, "CSafeLoader"):
        assert yaml.load("x: 9:30\n", Loader=yaml.CSafeLoader) == {"x": 570}


scalar_text = st.text(alphabet="0123456789+-.:_eEoxXabfnlstruTFNL~ yY", max_size=12)
tagged = st.builds(
    "{} {}".format, st.sampled_from(["!!int", "!!float", "!!bool", "!!null", "!!timestamp"]), scalar_text
)
dates = st.builds("{:04d}-{:02d}-{:02d}".format, st.integers(0, 2200), st.integers(0, 14), st.integers(0, 33))


@settings(max_examples=300, deadline=None)
@given(written=st.one_of(scalar_text, tagged, dates, st.sampled_from([w for w, _ in CORE_SCHEMA])))
def test_libyaml_and_pure_python_read_every_plain_value_alike(written: str) -> None:
    def read(loader: object) -> str:
        original = load._FastLoader
        load._FastLoader = loader  # type: ignore[assignment]
        try:
            source = load.load_source(Path("p.yaml"), f"x: {written}\n".encode())
            return repr((source.data, [str(p) for p in source.problems]))
        except PartnerdocsError as error:
            return f"error at {[(p.line, p.column) for p in error.problems]}"
        finally:
            load._FastLoader = original

    if load._FastLoader is None:
        pytest.skip("libyaml is not installed")
    assert read(load._FastLoader) == read(None)


def test_windows_line_endings_and_bom_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_bytes(b"\xef\xbb\xbfname: A\r\nlevel: b\r\n")
    assert load_file(path).data == {"name": "A", "level": "b"}


def test_file_over_the_size_limit_is_refused_before_parsing(tmp_path: Path) -> None:
    text = "x: " + "a" * MAX_FILE_BYTES + "\n"
    assert "partnership files are limited to 1,000,000 bytes" in problem_of(tmp_path, text)


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    text = "a: " + "[" * (MAX_DEPTH + 2) + "]" * (MAX_DEPTH + 2) + "\n"
    assert f"nested more than {MAX_DEPTH} levels deep" in value_problem_of(tmp_path, text)


def test_alias_bomb_is_refused_at_its_first_anchor(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 9)]
    # Refused at the first anchor, before any alias is expanded (timings are measured by make bench, not here).
    message = problem_of(tmp_path, "\n".join(lines) + "\n")
    assert message == "{}:1:5: anchors (&a0) are not allowed; write each value out in full".format(tmp_path / "p.yaml")


def test_merge_keys_are_refused(tmp_path: Path) -> None:
    assert "merge keys (<<) are not allowed" in value_problem_of(tmp_path, "a:\n  <<: {b: 1}\n")


def test_non_string_keys_are_kept_as_text(tmp_path: Path) -> None:
    source = load_text(tmp_path, "1: one\ntrue: yes\n")
    assert source.data == {"1": "one", "True": "yes"}


def test_unreadable_path_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    with pytest.raises(PartnerdocsError) as caught:
        load_file(tmp_path / "missing.yaml")
    assert "cannot read the file" in str(caught.value)


@pytest.mark.parametrize("libyaml", [True, False], ids=["libyaml", "pure-python"])
def test_a_value_cut_short_by_a_hashtag_is_reported_at_the_hash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, libyaml: bool
) -> None:
    if not libyaml:
        monkeypatch.setattr(load, "_FastLoader", None)
    # Columns count characters, so the wide characters before the '#' do not shift it.
    source = load_text(tmp_path, "name: Zúñiga 🙂 #SpringDrive campaign.\n")
    assert source.data == {"name": "Zúñiga 🙂"}
    assert [str(p) for p in source.problems] == [
        f"{tmp_path / 'p.yaml'}:1:16: name: YAML reads ' #' as the start of a comment, so this value ends at "
        "'Zúñiga 🙂'; put the whole value in quotes (\"Zúñiga 🙂 #SpringDrive campaign.\"), or write '# ' "
        "with a space if '#SpringDrive…' is a comment"
    ]


def test_every_value_cut_short_in_a_file_is_reported_at_once(tmp_path: Path) -> None:
    text = (
        "description: A long value\n"
        "  on two lines #5\n"
        "tags:\n"
        "  - first #one\n"
        "level: #cooperation\n"
        'quote: He said "hi" #greeting\n'
    )
    source = load_text(tmp_path, text)
    assert source.data["description"] == "A long value on two lines"
    assert [(p.line, p.column, p.path) for p in source.problems] == [
        (2, 16, "description"),
        (4, 11, "tags[0]"),
        (5, 8, "level"),
        (6, 21, "quote"),
    ]
    assert 'this value is empty; put the whole value in quotes ("#cooperation")' in source.problems[2].message
    # A value holding a double quote is suggested in single quotes.
    assert "('He said \"hi\" #greeting')" in source.problems[3].message


def test_comments_written_with_a_space_and_quoted_values_are_not_reported(tmp_path: Path) -> None:
    text = "a: x # a comment\nb: \"x #y\"\nc: 'x #y'\nd: |\n  x #y\ne: x#y\nf: x #\ng: [x, y] #z\n"
    source = load_text(tmp_path, text)
    assert source.problems == []
    assert source.data["d"] == "x #y\n"
    assert source.data["e"] == "x#y"


def test_a_duplicate_key_is_reported_with_the_other_load_problems_and_the_first_value_kept(tmp_path: Path) -> None:
    source = load_text(tmp_path, "a: x #y\na: z\n")
    assert [(p.line, p.path) for p in source.problems] == [(1, "a"), (2, "a")]
    assert source.data == {"a": "x"}


def test_a_line_that_cannot_continue_a_value_cut_by_a_comment_names_the_cause(tmp_path: Path) -> None:
    message = problem_of(tmp_path, "name: x\ndescription: A #SpringDrive campaign\n  that continues here.\n")
    assert message.endswith(
        "line 2 has ' #', which YAML reads as the start of a comment, so the value there ends before it and "
        "this line cannot continue it; put that whole value in quotes"
    )


# Each bad value is reported where it is, in plain words, and the file is read on (the next key too).
BAD_VALUES = [
    (
        "!!timestamp garbage",
        "'garbage' is not a date (it is tagged '!!timestamp'); write it as YYYY-MM-DD, e.g. "
        "2025-10-01, or remove the tag",
    ),
    (
        "!!bool garbage",
        "'garbage' is not true or false (it is tagged '!!bool'); write true or false, or remove the tag",
    ),
    (
        '!!int ""',
        "the empty value is not a whole number (it is tagged '!!int'); write one such as 12, or remove the tag",
    ),
    (
        '!!float ""',
        "the empty value is not a number (it is tagged '!!float'); write one such as 1.5, or remove the tag",
    ),
    ("!!null garbage", "'garbage' is not empty (it is tagged '!!null'); leave the value out, or remove the tag"),
    (
        "!!timestamp 2025-10-01 25:00:00",
        "'2025-10-01 25:00:00' is not a real date and time: hour must be in 0..23 "
        "(it is tagged '!!timestamp'); write a date as YYYY-MM-DD, or remove the tag",
    ),
    ("!!map garbage", "the tag '!!map' cannot mark a single value; remove the tag"),
    ("!!seq garbage", "the tag '!!seq' cannot mark a single value; remove the tag"),
    ("!!str [a]", "the tag '!!str' cannot mark a list; remove the tag"),
    ("!!int {a: 1}", "the tag '!!int' cannot mark a group of fields; remove the tag"),
    ("!!python/name:os.system", "the tag '!!python/name:os.system' is not allowed; write plain values without tags"),
    ("2026-13-45", "'2026-13-45' is not a real date: there is no month 13; months go from 01 to 12"),
    ("2025-02-29", "'2025-02-29' is not a real date: February 2025 has 28 days; check the day"),
    ("2024-04-31", "'2024-04-31' is not a real date: April 2024 has 30 days; check the day"),
    ("0000-01-01", "'0000-01-01' is not a real date: there is no year 0; check the year"),
    ("9" * 5000, f"'{'9' * 57}...' is a number of more than 4,300 digits; put it in quotes if it is text"),
]


@pytest.mark.parametrize("libyaml", [True, False], ids=["libyaml", "pure-python"])
@pytest.mark.parametrize(("written", "message"), BAD_VALUES, ids=[w[:24] for w, _ in BAD_VALUES])
def test_a_bad_value_is_a_problem_at_its_position_and_the_file_is_read_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, libyaml: bool, written: str, message: str
) -> None:
    if not libyaml:
        monkeypatch.setattr(load, "_FastLoader", None)
    source = load_text(tmp_path, f"name: A\nx: {written}\nnext: 2025-10-01\n")
    assert [(p.line, p.column, p.path, p.message) for p in source.problems] == [(2, 4, "x", message)]
    assert source.data == {"name": "A", "x": load.REFUSED, "next": dt.date(2025, 10, 1)}
    assert source.refused == {("x",)}


def test_bad_values_in_lists_and_keys_are_reported_without_moving_the_others(tmp_path: Path) -> None:
    source = load_text(tmp_path, "a: [1, !!int x, 3]\n2026-02-30: 1\nb: 2\n")
    assert [(p.line, p.column, p.path) for p in source.problems] == [(1, 8, "a[1]"), (2, 1, "")]
    assert source.data == {"a": [1, load.REFUSED, 3], "b": 2}


# YAML counts these as line breaks; positions here count "\n" only, so they are refused by name.
@pytest.mark.parametrize(
    ("character", "name"),
    [
        ("\u2028", "the invisible line separator U+2028"),
        ("\u2029", "the invisible paragraph separator U+2029"),
        ("\x85", "the invisible next-line character U+0085"),
    ],
)
def test_a_raw_line_separator_is_named_at_its_own_line_and_column(tmp_path: Path, character: str, name: str) -> None:
    message = problem_of(tmp_path, f"name: A\npurpose: Refer{character}survivors\nlevel: x\n")
    assert message == (
        f"{tmp_path / 'p.yaml'}:2:15: {name} is not allowed: YAML reads it as a line break that editors do not "
        "show; remove it, or start a new line with Enter (it usually comes from copying text out of another program)"
    )


def test_a_lone_carriage_return_counts_as_a_line_break(tmp_path: Path) -> None:
    source = load_text(tmp_path, "name: A\rlevel: b\r\nother: !!int x\n")
    assert [(p.line, p.column) for p in source.problems] == [(3, 8)]
    assert source.positions[("level",)] == Position(2, 8)
