"""Figures: drawn by Graphviz from the facts, embedded with alt text, cached by content, safe with any value."""

from __future__ import annotations

import copy
import datetime as dt
import html
import io
import os
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import HOSTILE_TEXT, ROOT, dump_yaml, minimal_data
from pipeline import figures
from pipeline.audience import Audience
from pipeline.cli import main
from pipeline.contexts.figure_structure import structure_figure
from pipeline.figures import Figure, png_size
from pipeline.load import load_file
from pipeline.validate import validate_document
from schemas import Partnership

pytestmark = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz (dot) is not installed; .ci/run does")


def _example(slug: str) -> Partnership:
    partnership, problems = validate_document(load_file(ROOT / "partnerships" / f"{slug}.yaml"))
    assert partnership is not None, problems
    return partnership


def _pictures(path: Path) -> list[tuple[str, str, bytes]]:
    """(title, alt text, PNG bytes) of each picture in a .docx, as python-docx reads them."""
    document = docx.Document(str(path))
    found = []
    for inline in document.element.body.iter("{*}inline"):
        doc_pr = next(inline.iter("{*}docPr"))
        blip = next(inline.iter("{*}blip"))
        rel_id = blip.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed")
        found.append((doc_pr.get("title"), doc_pr.get("descr"), document.part.related_parts[rel_id].blob))
    return found


def _three_members(name: str = "Harbor Network") -> dict[str, object]:
    data = minimal_data()
    third = copy.deepcopy(data["members"][1]) | {
        "id": "third",
        "legal_name": "Third Street Clinic",
        "sector": "healthcare",
    }
    data["members"].append(third)
    data["name"] = name
    return data


def test_packet_and_charter_show_how_the_partnership_is_organized(built_examples: Path) -> None:
    for name in ("onboarding-packet", "governance-charter"):
        pictures = _pictures(built_examples / "riverbend-task-force" / f"{name}.docx")
        assert len(pictures) == 1, name
        title, alt, png = pictures[0]
        assert title == "How Riverbend County Anti-Trafficking Task Force is organized"
        assert "Sheriff's Office and Bridgewell lead together as co-leads" in alt
        assert "Case Coordination Team (chair: Sheriff's Office)" in alt
        assert "Law enforcement: Sheriff's Office, HSI and Millbrook PD" in alt
        width, height = png_size(png)
        assert width > 1500 and height > 1500  # print resolution: 300 dpi for a drawing several inches wide


def test_a_core_group_figure_names_each_seat_and_who_acts_in_it(built_examples: Path) -> None:
    (_, alt, _) = _pictures(built_examples / "westhaven-alliance" / "governance-charter.docx")[0]
    assert "A core group leads, with these seats: Native community relations seat: Many Trails;" in alt
    assert "Committees: Policy & Legislative Committee (chair: Justice Project);" in alt


def test_the_affiliates_packet_chart_lists_no_members(built_examples: Path) -> None:
    """Affiliates receive no list of members, so their chart shows leaders and committees only."""
    members = _pictures(built_examples / "westhaven-alliance" / "onboarding-packet.docx")[0][1]
    affiliates = _pictures(built_examples / "westhaven-alliance" / "onboarding-packet-affiliates.docx")[0][1]
    assert "members by sector" in members and "WACHC" in members
    assert "members by sector" not in affiliates.lower() and "WACHC" not in affiliates
    assert "Committees:" in affiliates


def test_the_text_rendition_reads_the_alt_text(built_examples: Path) -> None:
    text = (built_examples / "riverbend-task-force" / "onboarding-packet.txt").read_text(encoding="utf-8")
    assert "[Figure: How Riverbend County Anti-Trafficking Task Force is organized. Sheriff's Office" in text


def test_a_pair_has_no_chart(built_examples: Path) -> None:
    for name in ("onboarding-packet", "governance-charter"):
        assert _pictures(built_examples / "harbor-hope-omalley" / f"{name}.docx") == []


def test_the_same_facts_give_the_same_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Drawn afresh (empty cache, new process memory) or read from the cache: the picture is the same."""
    figure = structure_figure(_example("riverbend-task-force"), Audience.members, [])
    first = figure.png()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "fresh-cache"))
    figures._drawn.cache_clear()
    assert figure.png() == first
    assert list((tmp_path / "fresh-cache" / "partnerdocs" / "figures").glob("*.png"))


def test_a_cached_picture_is_used_and_a_damaged_one_drawn_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    figures._drawn.cache_clear()
    figure = Figure("Two boxes", "digraph { a -> b }", "a leads to b")
    drawn = figure.png()
    (cached,) = (tmp_path / "partnerdocs" / "figures").glob("*.png")
    calls: list[str] = []
    real_run = figures._run_dot
    monkeypatch.setattr(figures, "_run_dot", lambda source, what: calls.append(source) or real_run(source, what))
    figures._drawn.cache_clear()
    assert figure.png() == drawn and calls == []  # read from the cache: Graphviz not run
    cached.write_bytes(b"not a picture")
    figures._drawn.cache_clear()
    assert figure.png() == drawn and len(calls) == 1
    assert cached.read_bytes() == drawn


def test_builds_are_byte_identical_with_figures(tmp_path: Path) -> None:
    source = tmp_path / "network.yaml"
    source.write_text(dump_yaml(_three_members()), encoding="utf-8")
    outputs = []
    for run in ("one", "two"):
        result = CliRunner().invoke(
            main, ["build", str(source), "--out", str(tmp_path / run), "--kind", "onboarding-packet"]
        )
        assert result.exit_code == 0, result.output
        outputs.append((tmp_path / run / "network" / "onboarding-packet.docx").read_bytes())
    assert outputs[0] == outputs[1]
    with zipfile.ZipFile(io.BytesIO(outputs[0])) as archive:
        names = archive.namelist()
        assert sum(name.startswith("word/media/figure-") for name in names) == 1
        assert b'Extension="png"' in archive.read("[Content_Types].xml")


def test_hostile_values_are_only_labels(tmp_path: Path) -> None:
    """Quotes, backslashes, Graphviz and HTML-like syntax and markup in names are drawn as typed."""
    data = _three_members(HOSTILE_TEXT[0])
    data["members"][0]["short_name"] = 'Zed" ]; x [shape=none image="/etc/passwd"] [label="'
    data["members"][1]["legal_name"] = "<<b>bold</b>> \\N \\G \\l end"
    data["members"][2]["legal_name"] = HOSTILE_TEXT[4]
    partnership, problems = validate_document(_loaded(tmp_path, data))
    assert partnership is not None, problems
    figure = structure_figure(partnership, Audience.members, partnership.current_members)
    svg = _svg(figure.source)
    drawn = _drawn_text(svg)
    assert 'Zed" ]; x [shape=none image="/etc/passwd"] [label="' in drawn
    assert "<<b>bold</b>> \\N \\G \\l end" in drawn
    assert "Zúñiga – مرحبا – 你好 – 🙂" in drawn
    assert "<image" not in svg and "<b>" not in svg
    assert png_size(figure.png())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=60).filter(str.strip))
def test_any_name_is_drawn_as_written(tmp_path: Path, name: str) -> None:
    data = _three_members()
    data["members"][2]["legal_name"] = name
    partnership, _ = validate_document(_loaded(tmp_path, data))
    if partnership is None:
        return  # names the schema refuses never reach a figure
    figure = structure_figure(partnership, Audience.members, partnership.current_members)
    # Long words are broken across lines to fit the box: compare without the line breaks.
    assert "".join(partnership.members[2].name.split()) in "".join(_drawn_text(_svg(figure.source)).split())


def test_no_graphviz_is_a_clear_error_and_nothing_is_lost(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "network.yaml"
    source.write_text(dump_yaml(_three_members()), encoding="utf-8")
    out = tmp_path / "output"
    first = CliRunner().invoke(main, ["build", str(source), "--out", str(out)])
    assert first.exit_code == 0, first.output
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    data = _three_members()
    data["mission"] = "A changed mission, so the documents must be built again."
    source.write_text(dump_yaml(data), encoding="utf-8")
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs-here"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "empty-cache"))
    figures._dot.cache_clear()
    figures._drawn.cache_clear()
    try:
        result = CliRunner().invoke(main, ["build", str(source), "--out", str(out), "--jobs", "1"])
    finally:
        figures._dot.cache_clear()
    assert result.exit_code != 0
    assert "Graphviz" in result.output and "apt install graphviz" in result.output
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def _loaded(tmp_path: Path, data: dict[str, object]):  # type: ignore[no-untyped-def]
    path = tmp_path / "figure-test.yaml"
    path.write_text(dump_yaml(data), encoding="utf-8")
    return load_file(path)


def _svg(source: str) -> str:
    return subprocess.run(["dot", "-Tsvg"], input=source, capture_output=True, text=True, check=True).stdout


def _drawn_text(svg: str) -> str:
    """The text of a drawing as one line: its wrapped lines joined, entities read."""
    lines = [html.unescape(line) for line in re.findall(r"<text[^>]*>(.*?)</text>", svg)]
    return " ".join(" ".join(lines).split())


def test_figures_module_needs_no_rendering_code() -> None:
    """`partnerdocs validate` imports no figure code (figures are drawn only when a document is rendered)."""
    code = "import sys, pipeline.cli, pipeline.validate; print('pipeline.figures' in sys.modules)"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert result.stdout.strip() == "False", result.stderr


def test_the_guide_draws_the_orders_of_succession_and_the_call_tree(built_examples: Path) -> None:
    pictures = _pictures(built_examples / "riverbend-task-force" / "emergency-response-guide.docx")
    assert [title for title, _, _ in pictures] == ["Who steps in, in order", "The call tree"]
    succession, call_tree = pictures[0][1], pictures[1][1]
    assert (
        "Law-enforcement co-lead: HTU Commander, Sheriff's Office; then HTU Supervisor, Sheriff's Office; "
        "then Undersheriff, Sheriff's Office." in succession
    )
    assert "the Task Force Coordinator calls each member in this order: 1. Sheriff's Office (Co-lead, no backup" in (
        call_tree
    )
    assert "13. Centro Esperanza" in call_tree and "Every member checks in within 24 hours." in call_tree


def test_figures_show_no_contact_details(built_examples: Path) -> None:
    """Figures name organizations, roles and positions: never an e-mail address or a phone number."""
    for path in built_examples.rglob("*.docx"):
        for _, alt, _ in _pictures(path):
            assert "@" not in alt and not re.search(r"\(\d{3}\) \d{3}-\d{4}", alt), path


def test_a_plan_draws_its_timeline_in_date_order(built_examples: Path) -> None:
    ((title, alt, _),) = _pictures(built_examples / "riverbend-task-force" / "partnership-plan-bridgewell.docx")
    assert title == "The timeline of Bridgewell’s partnership plan"
    dates = re.findall(r"(\w+ \d{1,2}, \d{4}):", alt)
    assert len(dates) >= 5
    assert [dt.datetime.strptime(d, "%B %d, %Y") for d in dates] == sorted(
        dt.datetime.strptime(d, "%B %d, %Y") for d in dates
    )
    assert "done." in alt and "past due." in alt  # as the timeline table says, as of the plan's date


def test_timeline_marks_tasks_and_lists_undated_ones_last() -> None:
    from pipeline.contexts.figure_plans import TimelineTask, timeline_figure

    tasks = [
        TimelineTask("Sign the data agreement", dt.date(2027, 1, 30), "Coordinator", False, False),
        TimelineTask("Meet the shelter", dt.date(2026, 9, 1), "Director", True, False),
        TimelineTask("Find a men's shelter", None, "", False, False),
        TimelineTask("Draft the housing MOU", dt.date(2026, 11, 15), "", False, True),
    ]
    figure = timeline_figure("a plan", tasks)
    assert isinstance(figure, Figure)
    assert figure.alt_text == (
        "The timeline of a plan, in date order. September 1, 2026: Meet the shelter (Director), done. "
        "November 15, 2026: Draft the housing MOU, past due. January 30, 2027: Sign the data agreement "
        "(Coordinator). No date yet: Find a men's shelter."
    )
    assert timeline_figure("a plan", []) == ""
    assert png_size(figure.png())


def test_each_evaluation_plan_draws_its_logic_model(built_examples: Path) -> None:
    for slug in ("riverbend-task-force", "westhaven-alliance", "harbor-hope-omalley"):
        ((title, alt, _),) = _pictures(built_examples / slug / "evaluation-plan.docx")
        assert title.startswith("The logic model of "), slug
        for part in ("Inputs:", "Activities:", "Outputs:", "Outcomes and impacts:"):
            assert part in alt, slug
    ((_, alt, _),) = _pictures(built_examples / "riverbend-task-force" / "evaluation-plan.docx")
    assert "Inputs: Two OVC ECM awards and three subawards; Staff time from every member agency;" in alt


def test_the_call_tree_is_figure_1_when_the_guide_draws_no_succession(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    from pipeline.build import build

    build([write_partnership()], tmp_path / "out", ["emergency-response-guide"])
    text = (tmp_path / "out" / "pathways" / "emergency-response-guide.txt").read_text(encoding="utf-8")
    assert "Figure 1. The call tree" in text and "Figure 2." not in text
