"""Every printed date is written out ('October 1, 2025'), including dates inside user text, by the render stage."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from conftest import make_template, minimal_data
from pipeline.cli import main
from pipeline.finalize import DocumentProperties, Finish, finalize
from pipeline.formatting import long_date, printed, written_dates
from pipeline.render import render_template
from pipeline.text import docx_text

ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("signed on 2025-10-01.", "signed on October 1, 2025."),
        ("(2025-10-01 to 2028-09-30)", "(October 1, 2025 to September 30, 2028)"),
        ("from 2026-11-30, replacing", "from November 30, 2026, replacing"),
        ("2024-02-29", "February 29, 2024"),
        ("2025-02-29 is no date", "2025-02-29 is no date"),
        ("2025-13-01", "2025-13-01"),
        ("agreement MOU-2025-10-01 stands", "agreement MOU-2025-10-01 stands"),
        ("minutes-2025-10-01.pdf", "minutes-2025-10-01.pdf"),
        ("2025-10-01.docx", "2025-10-01.docx"),
        ("https://example.org/2025-10-01/notes", "https://example.org/2025-10-01/notes"),
        ("2025-10-01T09:30", "2025-10-01T09:30"),
        ("12025-10-01 and 2025-10-011", "12025-10-01 and 2025-10-011"),
        ("no dates here", "no dates here"),
    ],
)
def test_written_dates(text: str, expected: str) -> None:
    assert written_dates(text) == expected


_WORDS = st.text(alphabet="abc XYZ,;()", max_size=12)
_DATES = st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31))


@given(st.lists(st.tuples(_WORDS, _DATES), max_size=5), _WORDS)
def test_every_free_standing_date_is_written_out(pieces: list[tuple[str, dt.date]], tail: str) -> None:
    # Spaces around each date, so it stands alone whatever the words: every one is written out.
    text = "".join(f"{words} {day.isoformat()} " for words, day in pieces) + tail
    expected = "".join(f"{words} {long_date(day)} " for words, day in pieces) + tail
    assert written_dates(text) == expected


@given(
    st.sampled_from(["MOU-", "LOI-", "case_", "file", "v", "/", "x.", "#", "-"]),
    _DATES,
    st.sampled_from(["", ".pdf", "-a", "T09:00", "/x", "_2"]),
)
def test_a_date_inside_a_longer_token_stays_as_written(before: str, day: dt.date, after: str) -> None:
    token = f"{before}{day.isoformat()}{after}"
    assert written_dates(f"see {token} now") == f"see {token} now"


@given(st.text(max_size=40))
def test_text_without_a_date_is_returned_unchanged(text: str) -> None:
    if not ISO.search(text):
        assert written_dates(text) == text


def test_printed_leaves_markup_and_other_values_alone() -> None:
    from markupsafe import Markup

    assert printed(Markup("2025-10-01")) == Markup("2025-10-01")
    assert printed(3) == 3
    assert printed(None) is None
    assert printed("on 2025-10-01") == "on October 1, 2025"


@dataclasses.dataclass(frozen=True)
class _Row:
    when: str


def test_render_writes_out_dates_in_values_attributes_and_joins(tmp_path: Path) -> None:
    template = make_template(
        tmp_path / "t.docx",
        ["A: {{ a }}", "B: {{ row.when }}", "C: {{ items|join('; ') }}", "D: {{ raw }}"],
        header="{{ a }}",
    )
    context = {
        "a": "signed on 2025-10-01",
        "row": _Row("from 2026-11-30"),
        "items": ("2026-06-01", "no date"),
        "raw": "{{ '2025-10-01' }} MOU-2025-10-01",
    }
    text = docx_text(finalize(render_template(template, context), Finish(DocumentProperties(title="t", subject="s"))))
    assert "A: signed on October 1, 2025" in text
    assert "[header] signed on October 1, 2025" in text
    assert "B: from November 30, 2026" in text
    assert "C: June 1, 2026; no date" in text
    # A value is data: its braces print as written (never evaluated, only its date is written out),
    # and an id keeps its date.
    assert "D: {{ 'October 1, 2025' }} MOU-2025-10-01" in text


def test_dates_in_user_text_print_written_out_in_every_document(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    data = minimal_data()
    data["mission"] = "Open safe pathways to paid work, as agreed on 2025-10-01 under MOU-2025-10-01."
    data["purpose"] = "Refer survivors who want work; the shared log starts 2024-08-01."
    path = write_partnership(data)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(path), "--out", str(out)])
    assert result.exit_code == 0, result.output
    texts = {p.name: p.read_text(encoding="utf-8") for p in (out / "pathways").glob("*.txt")}
    assert texts
    joined = "\n".join(texts.values())
    assert "as agreed on October 1, 2025 under MOU-2025-10-01" in joined
    assert "2024-08-01" not in joined
    for name, text in texts.items():
        stray = [line for line in text.splitlines() if re.search(r"(?<![\w-])\d{4}-\d{2}-\d{2}(?![\w-])", line)]
        assert not stray, f"{name}: {stray}"
