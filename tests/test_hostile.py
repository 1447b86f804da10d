"""Hostile input and faults: any text stays literal, restricted details never leak, and no build
(killed, concurrent or failing to write) damages the documents already there."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT, complete_plan, dump_yaml, minimal_data
from pipeline.audience import is_visible
from pipeline.build import build
from pipeline.documents import render_all
from pipeline.errors import PartnerdocsError
from pipeline.kinds import KINDS
from pipeline.partnerships import load_partnerships
from pipeline.text import docx_text

FRAGMENTS = ["&", "<", ">", '"', "'", "{{ 7*7 }}", "{% if %}", "{_{", "</w:t>", "]]>", "שלום", "你好", "🙂", "Zúñiga"]
printable = st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters="\ufffe\uffff")
values = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(printable, min_size=1, max_size=12)), min_size=1, max_size=8
)
value = values.map("".join).map(str.strip).filter(bool)
SETTINGS = settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def built_text(folder: Path, data: dict[str, Any]) -> str:
    """Every document of the partnership, rendered in memory, as one text."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "hostile.yaml"
    path.write_text(dump_yaml(data), encoding="utf-8")
    documents = list(render_all(load_partnerships([path])))
    assert {d.kind.id for d in documents} >= {"mou", "governance-charter", "onboarding-packet"}
    for document in documents:
        assert docx.Document(__import__("io").BytesIO(document.docx)).paragraphs  # python-docx reads it back
    return "\n".join(docx_text(d.docx) for d in documents)


@SETTINGS
@given(name=value, legal=value, person=value, signatory=value, geography=value, mission=value)
def test_any_text_in_any_field_is_printed_literally(
    tmp_path_factory: pytest.TempPathFactory,
    name: str,
    legal: str,
    person: str,
    signatory: str,
    geography: str,
    mission: str,
) -> None:
    data = minimal_data()
    data["name"] = name
    data["geography"] = geography
    data["mission"] = mission
    data["members"][1]["legal_name"] = legal
    data["members"][1]["contacts"]["primary"]["name"] = person
    data["members"][1]["signatory"]["name"] = signatory
    text = built_text(tmp_path_factory.mktemp("h"), data)
    for each in (name, legal, person, signatory, geography, mission):
        assert each in text
    assert "{{ 7*7 }}" not in name or "49" not in text.split(name)[0][-3:]


def test_very_long_values_build(tmp_path: Path) -> None:
    data = minimal_data()
    data["purpose"] = "A long purpose. " * 300
    data["members"][0]["legal_name"] = "Very Long Organization Name " * 20
    text = built_text(tmp_path, data)
    assert ("Very Long Organization Name " * 20).strip() in text


visibility = st.sampled_from(["public", "members", "core_team", "withheld"])


@SETTINGS
@given(name=visibility, email=visibility, phone=visibility, backup_phone=visibility)
def test_restricted_details_never_reach_a_wider_audience(
    tmp_path_factory: pytest.TempPathFactory, name: str, email: str, phone: str, backup_phone: str
) -> None:
    data = minimal_data()
    data["funding"] = {
        "grants": [
            {
                "program": "Pathways",
                "funder": "A foundation",
                "applicant": "harbor-hope",
                "partners": ["omalley"],
                "letter_of_intent": {"addressee": "Grants office"},
            }
        ]
    }
    primary = data["members"][1]["contacts"]["primary"]
    primary.update(name="Quinn Zebulon", email="qz@omalley.example", phone="(360) 555-0199")
    primary["visibility"] = {"name": name, "email": email, "phone": phone}
    # A plan (for members) that names O'Malley as a partner: its contact as the members may see it.
    plan = complete_plan()
    plan["potential_partners"].append({"member": "omalley", "type": "formal", "description": "An MOU."})
    data["plans"] = [plan]
    data["members"][1]["contacts"]["backup"] = {
        "name": "Rory Backup",
        "title": "Recruiter",
        "phone": "(360) 555-0188",
        "visibility": {"phone": backup_phone},
    }
    folder = tmp_path_factory.mktemp("audience")
    path = folder / "audience.yaml"
    path.write_text(dump_yaml(data), encoding="utf-8")
    details = [("Quinn Zebulon", name), ("qz@omalley.example", email), ("(360) 555-0199", phone)]
    details.append(("(360) 555-0188", backup_phone))
    for document in render_all(load_partnerships([path])):
        text = docx_text(document.docx)
        audience = KINDS[document.kind.id].audience
        for detail, allowed in details:
            if not is_visible(allowed, audience):
                assert detail not in text, f"{document.name} shows {detail} ({allowed}) to {audience.value}"


def test_a_symlinked_output_folder_is_refused(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "pathways").symlink_to(outside, target_is_directory=True)
    with pytest.raises(PartnerdocsError) as caught:
        build([write_partnership()], out)
    assert "is a symbolic link; partnerdocs never writes through links" in str(caught.value)
    assert list(outside.iterdir()) == []


def test_a_symlinked_output_file_is_replaced_not_followed(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    (out / "pathways").mkdir(parents=True)
    secret = tmp_path / "secret.txt"
    secret.write_text("keep")
    (out / "pathways" / "mou.txt").symlink_to(secret)
    build([write_partnership()], out, ["mou"])
    assert secret.read_text() == "keep"
    assert not (out / "pathways" / "mou.txt").is_symlink()


def test_an_unwritable_output_gives_a_clear_error(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "pathways").write_text("a file where the folder should be")
    with pytest.raises(PartnerdocsError) as caught:
        build([write_partnership()], out, ["mou"])
    assert str(caught.value).startswith(f"{out}: cannot write the documents: ")
    assert (out / "pathways").read_text() == "a file where the folder should be"


def many_partnerships(folder: Path, copies: int) -> Path:
    folder.mkdir()
    for example in sorted((ROOT / "partnerships").glob("*.yaml")):
        for index in range(copies):
            shutil.copy(example, folder / f"{example.stem}-{index}.yaml")
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "pipeline", *args]


def test_a_killed_build_leaves_every_earlier_output_intact(tmp_path: Path) -> None:
    partnerships = many_partnerships(tmp_path / "partnerships", 2)
    out = tmp_path / "out"
    build([partnerships], out, jobs=2)
    before = snapshot(out)
    for path in partnerships.iterdir():  # every document would change
        path.write_text(path.read_text(encoding="utf-8").replace("Task Force", "Taskforce"), encoding="utf-8")
    process = subprocess.Popen(cli("build", str(partnerships), "--out", str(out), "--jobs", "1"), cwd=ROOT)
    deadline = time.monotonic() + 60
    while not any(out.glob(".partnerdocs-staging-*/*/*.docx")) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert process.poll() is None, "the build finished before it could be killed"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    after = snapshot(out)
    assert {name: data for name, data in after.items() if not name.startswith(".partnerdocs-staging-")} == before
    # The next build clears what the killed one left behind.
    build([partnerships], out)
    assert not list(out.glob(".partnerdocs-staging-*"))


def test_two_builds_at_once_both_finish_with_valid_files(tmp_path: Path) -> None:
    partnerships = many_partnerships(tmp_path / "partnerships", 1)
    out = tmp_path / "out"
    runs = [
        subprocess.Popen(cli("build", str(partnerships), "--out", str(out), "--force", "--jobs", "1"), cwd=ROOT)
        for _ in range(2)
    ]
    assert [run.wait() for run in runs] == [0, 0]
    documents = sorted(out.rglob("*.docx"))
    assert len(documents) >= 15
    for document in documents:
        assert docx_text(document) == document.with_suffix(".txt").read_text(encoding="utf-8")
    for manifest in out.glob("*/manifest.json"):
        assert yaml.safe_load(manifest.read_text(encoding="utf-8"))["documents"]
    assert not list(out.glob(".partnerdocs-staging-*"))
