"""The onboarding packet as a working tool, and the numbers and windows the emergency guide prints (issue 11)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from pipeline.cli import main

HOTLINE = "1-888-373-7888"


def _build(partnerships: Path, out: Path, *extra: str) -> None:
    kinds = ["--kind", "onboarding-packet", "--kind", "emergency-response-guide"]
    result = CliRunner().invoke(main, ["build", str(partnerships), "--out", str(out), *kinds, *extra])
    assert result.exit_code == 0, result.output


def _edit(path: Path, change: object) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)  # type: ignore[operator]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def _text(out: Path, slug: str, kind: str) -> str:
    return (out / slug / f"{kind}.txt").read_text(encoding="utf-8")


def test_packet_prints_every_number_it_tells_readers_to_use(examples_copy: Path, tmp_path: Path) -> None:
    _build(examples_copy, tmp_path / "out")
    packet = _text(tmp_path / "out", "riverbend-task-force", "onboarding-packet")
    card = packet.split("## About this packet")[0]
    assert "Bridgewell advocate line, (608) 555-0120" in card
    assert "DCFS child abuse hotline, (608) 555-0190" in card
    assert f"| National Human Trafficking Hotline | {HOTLINE}, or text 233733 |" in card
    assert "| Task Force Coordinator | Marisa Quintero | mquintero@bridgewell.example / (608) 555-0125 |" in card
    # The card is the first thing after the title, before any background.
    assert packet.index("## Quick reference") < packet.index("## 1. If you meet a possible victim")
    assert packet.index("## 4. Your first 90 days") < packet.index("## 5. Welcome")


def test_a_missing_child_abuse_line_is_flagged_never_invented(examples_copy: Path, tmp_path: Path) -> None:
    _build(examples_copy, tmp_path / "out")
    card = _text(tmp_path / "out", "westhaven-alliance", "onboarding-packet").split("## About this packet")[0]
    assert "| Child abuse reporting line | Not on file yet. Ask the first person below" in card
    # Without a named coordinator, the card sends readers to a named person with contacts.
    assert "Primary contact at WCADSV, standing in for our Alliance Coordinator | Margaret Okonkwo-Lund |" in card


def test_restricted_coordinator_details_never_print_and_the_card_says_whom_to_ask(
    examples_copy: Path, tmp_path: Path
) -> None:
    def hide(data: dict) -> None:  # type: ignore[type-arg]
        data["leadership"]["coordinator"]["visibility"] = {"phone": "core_team", "email": "withheld"}

    _edit(examples_copy / "riverbend-task-force.yaml", hide)
    _build(examples_copy, tmp_path / "out")
    packet = _text(tmp_path / "out", "riverbend-task-force", "onboarding-packet")
    assert "(608) 555-0125" not in packet
    assert "mquintero@bridgewell.example" not in packet
    assert "| Task Force Coordinator | Marisa Quintero | Ask the Task Force Coordinator for a number" in packet
    guide = _text(tmp_path / "out", "riverbend-task-force", "emergency-response-guide")
    assert "mquintero@bridgewell.example" not in guide


def test_core_team_is_defined_before_the_packet_first_uses_it(examples_copy: Path, tmp_path: Path) -> None:
    _build(examples_copy, tmp_path / "out")
    for slug in ("riverbend-task-force", "harbor-hope-omalley", "westhaven-alliance"):
        packet = _text(tmp_path / "out", slug, "onboarding-packet").lower()
        first_use = packet.index("core team")
        paragraph = packet[packet.rindex("\n", 0, first_use) : packet.index("\n", first_use)]
        assert "the core team means" in paragraph, slug


def test_packet_explains_the_trust_building_activities(examples_copy: Path, tmp_path: Path) -> None:
    _build(examples_copy, tmp_path / "out")
    packet = _text(tmp_path / "out", "harbor-hope-omalley", "onboarding-packet")
    section = packet.split("### Getting to know the other members")[1].split("\n### ")[0]
    for activity in ("Map the resources around us.", "Explain each other’s mission.", "Go round the room."):
        assert f"- {activity}" in section


def test_packet_says_what_a_reader_may_rely_on_while_it_is_a_draft(examples_copy: Path, tmp_path: Path) -> None:
    _build(examples_copy, tmp_path / "out")
    packet = _text(tmp_path / "out", "riverbend-task-force", "onboarding-packet")
    draft = packet.split("### While this packet is a draft")[1].split("What is inside:")[0]
    assert "You can rely on these parts now:" in draft
    assert "Governance Charter, adopted October 14, 2025" in draft


def test_guide_lists_the_national_hotline_and_flags_a_missing_breach_window(
    examples_copy: Path, tmp_path: Path
) -> None:
    _build(examples_copy, tmp_path / "out")
    guide = _text(tmp_path / "out", "riverbend-task-force", "emergency-response-guide")
    assert f"| {HOTLINE}, or text 233733 |" in guide
    assert "Bridgewell advocate line. Any possible victim of trafficking" in guide
    assert "Gap: that window is not recorded yet." in guide
    assert "within the window that award requires" not in guide


def test_guide_prints_the_breach_window_the_file_gives(examples_copy: Path, tmp_path: Path) -> None:
    def window(data: dict) -> None:  # type: ignore[type-arg]
        data["funding"]["grants"][0]["breach_notice"] = {
            "hours": 1,
            "notify": "the OVC grant manager",
            "source": "award special condition 23",
        }

    _edit(examples_copy / "riverbend-task-force.yaml", window)
    _build(examples_copy, tmp_path / "out")
    guide = _text(tmp_path / "out", "riverbend-task-force", "emergency-response-guide")
    assert (
        "The Sheriff's Office tells the OVC grant manager within 1 hour of discovering the breach, as its award "
        "(Enhanced Collaborative Model Task Force (law-enforcement application)) requires (award special "
        "condition 23)." in guide
    )


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")


@pytest.mark.skipif(SOFFICE is None or PDFTOTEXT is None, reason="needs LibreOffice and poppler-utils")
def test_quick_reference_card_fits_the_first_page(examples_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["build", str(examples_copy), "--out", str(out), "--kind", "onboarding-packet", "--pdf"]
    )
    assert result.exit_code == 0, result.output
    english = ("Quick reference", "Where to find the rest", "About this packet", "Numbers to call")
    spanish = ("Guía rápida", "Más información", "Acerca de este paquete", "Números a los que llamar")
    for slug, name, words in (
        ("riverbend-task-force", "onboarding-packet", english),
        ("harbor-hope-omalley", "onboarding-packet", english),
        ("westhaven-alliance", "onboarding-packet", english),
        ("riverbend-task-force", "onboarding-packet.es", spanish),  # Spanish runs a fifth longer
    ):
        pdf = out / slug / f"{name}.pdf"

        def page(number: int, pdf: Path = pdf) -> str:
            command = [str(PDFTOTEXT), "-f", str(number), "-l", str(number), str(pdf), "-"]
            return subprocess.run(command, check=True, capture_output=True, text=True, timeout=60).stdout

        first, second = page(1), page(2)
        card, last_line, next_section, numbers = words
        assert card in first and last_line in first, f"{slug}/{name}"
        assert next_section in second and numbers not in second, f"{slug}/{name}"
        # "About this packet" and its whole list of contents on page 2, the first section on page 3.
        assert re.search(r"^15\. ", second, re.MULTILINE) and not re.search(r"^1[45]\. ", page(3), re.MULTILINE)
