"""build --pdf: PDFs are part of the build. They are made in the staging folder before any folder is
switched, in batches LibreOffice finishes, each PDF checked; a PDF belongs to the exact .docx it was
made from. LibreOffice is a fake here (conftest.FAKE_SOFFICE): fast, and able to fail as the real one
does; test_libreoffice.py runs the real one."""

from __future__ import annotations

import hashlib
import json
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from conftest import NOTHING_WRITTEN, ROOT, SLUGS, soffice_calls
from conftest import all_files as files
from conftest import three_partnerships as partnerships
from pipeline import pdf
from pipeline.cli import main

FakeSoffice = Callable[..., Path]


def build(*arguments: str | Path) -> Result:
    return CliRunner().invoke(main, ["build", *map(str, arguments)])


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def manifest(folder: Path) -> list[dict[str, Any]]:
    documents: list[dict[str, Any]] = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["documents"]
    return documents


def assert_every_pdf_belongs(out: Path) -> None:
    """Each document has its PDF, recorded as made from the .docx beside it, and made from it indeed."""
    for slug in SLUGS:
        entries = manifest(out / slug)
        assert entries
        for entry in entries:
            docx, made = out / slug / entry["path"], out / slug / f"{entry['name']}.pdf"
            assert entry["pdf"] == made.name
            assert entry["pdf_from"] == entry["sha256"] == digest(docx)
            assert entry["pdf_sha256"] == digest(made)
            assert f"made from {digest(docx)}".encode() in made.read_bytes()  # what the fake converted


@pytest.fixture
def built(fake_soffice: FakeSoffice, tmp_path: Path) -> tuple[Path, Path]:
    """The three partnerships built with --pdf; returns their folder and the output folder."""
    fake_soffice()
    source, out = partnerships(tmp_path / "partnerships"), tmp_path / "out"
    result = build(source, "--pdf", "--out", out)
    assert result.exit_code == 0, result.output
    assert_every_pdf_belongs(out)
    return source, out


# 1. When LibreOffice fails, nothing is switched

FAILURES: dict[str, dict[str, object]] = {
    "writes nothing": {"limit": 0},
    "refuses the charters": {"refuse": "governance-charter"},
    "leaves the MOUs unfinished": {"damage": "mou"},
}


@pytest.mark.parametrize("how", FAILURES, ids=FAILURES.keys())
def test_a_libreoffice_failure_leaves_every_earlier_file_as_it_was(
    how: str, built: tuple[Path, Path], fake_soffice: FakeSoffice, tmp_path: Path
) -> None:
    source, out = built
    before = files(out)
    partnerships(source, "A new mission.")
    fake_soffice(**FAILURES[how])
    result = build(source, "--pdf", "--out", out)
    assert result.exit_code == 1
    assert result.output.splitlines()[-1].endswith(f" found; {NOTHING_WRITTEN}")
    assert files(out) == before  # every .docx, .txt, .pdf and manifest, byte for byte; no staging folder left
    if how == "refuses the charters":  # exactly the documents without a PDF are named
        said = "LibreOffice made no PDF of it, in a batch nor alone (it said: Error: source file could not be loaded)"
        assert result.stderr.splitlines()[:-1] == [  # stdout has the progress lines
            f"{out / slug / 'governance-charter.docx'}: {said}" for slug in SLUGS
        ]
    # A first build fails the same way: no folder at all.
    fresh = tmp_path / "fresh"
    assert build(source, "--pdf", "--out", fresh).exit_code == 1
    assert not fresh.exists()


# 2. Batches LibreOffice finishes, every output checked


@pytest.mark.parametrize("jobs", [1, 2])
def test_batches_cut_short_still_give_every_document_its_pdf(
    jobs: int, fake_soffice: FakeSoffice, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf, "BATCH_SIZE", 4)  # 100 in use; a dozen documents show the same
    log = fake_soffice(limit=2)  # each call stops after two documents, exiting 0
    source, out = partnerships(tmp_path / "partnerships"), tmp_path / "out"
    result = build(source, "--pdf", "--out", out, "--jobs", jobs)
    assert result.exit_code == 0, result.output
    assert_every_pdf_belongs(out)
    documents = len(list(out.glob("*/*.docx")))
    calls = soffice_calls(log)
    batches, given = [], 0
    while given < documents:  # the batches come first, each document in one
        batches.append(calls[len(batches)])
        given += len(batches[-1]["documents"])
    retries = calls[len(batches) :]
    assert given == documents
    assert all(len(call["documents"]) <= 4 for call in batches)
    assert [len(call["documents"]) for call in retries] == [1] * sum(len(c["documents"]) - 2 for c in batches)
    assert len({call["profile"] for call in calls}) == jobs  # an instance, a profile
    assert f"; {documents} PDFs made." in result.output


def test_batches_are_small_enough_and_shared_between_instances() -> None:
    for count, instances in [(1, 2), (40, 2), (100, 1), (101, 1), (250, 2), (850, 2), (850, 1)]:
        batches = pdf._batches(list(range(count)), instances)
        assert [item for batch in batches for item in batch] == list(range(count))
        assert max(map(len, batches)) <= pdf.BATCH_SIZE
        assert max(map(len, batches)) - min(map(len, batches)) <= max(map(len, batches)) // 2 + 1
        if count >= instances:
            assert len(batches) % instances == 0 or len(batches) == count
    assert [len(b) for b in pdf._batches(list(range(40)), 2)] == [20, 20]


# 3. A PDF belongs to the .docx it was made from


def test_a_pdf_is_made_again_or_removed_when_it_no_longer_belongs(
    built: tuple[Path, Path], fake_soffice: FakeSoffice
) -> None:
    source, out = built
    log = fake_soffice()
    # Nothing changed: nothing converted, nothing written.
    before = files(out)
    result = build(source, "--pdf", "--out", out)
    assert result.output.splitlines()[-1].endswith("; 0 PDFs made.")
    assert soffice_calls(log) == [] and files(out) == before
    # A PDF replaced in output/, or lost, is made again, alone.
    (out / "beta" / "mou.pdf").write_bytes(b"%PDF-1.7\n% something else\n%%EOF\n")
    (out / "gamma" / "governance-charter.pdf").unlink()
    result = build(source, "--pdf", "--out", out)
    assert result.exit_code == 0, result.output
    converted = sorted(name for call in soffice_calls(log) for name in call["documents"])
    assert converted == ["00000-mou.docx", "00001-governance-charter.docx"]
    assert_every_pdf_belongs(out)
    # A byte-identical rebuild keeps the PDFs made from those very bytes; --force --pdf makes them all again.
    before = files(out)
    assert build(source, "--out", out, "--force").exit_code == 0
    assert files(out) == before
    assert build(source, "--out", out, "--force", "--pdf").exit_code == 0
    assert sum(len(call["documents"]) for call in soffice_calls(log)) == 2 + len(list(out.glob("*/*.docx")))
    # Documents rebuilt without --pdf: the PDFs of those that changed go, and the build says so; the
    # emergency guide does not show the mission, so it and its PDF stay as they were.
    earlier = {docx: digest(docx) for docx in out.glob("*/*.docx")}
    partnerships(source, "A new mission.")
    result = build(source, "--out", out)
    assert result.exit_code == 0, result.output
    changed = sorted(docx.with_suffix(".pdf") for docx, sha256 in earlier.items() if digest(docx) != sha256)
    assert [p.name for p in changed if p.parent.name == "alpha"] == [
        "governance-charter.pdf",
        "mou.pdf",
        "onboarding-packet.pdf",
    ]
    removed = [line for line in result.output.splitlines() if line.startswith("removed ")]
    assert removed == [
        f"removed {pdf}: not known to be made from the {pdf.stem}.docx beside it ('build --pdf' makes it)"
        for pdf in changed
    ]
    assert sorted(out.glob("*/*.pdf")) == sorted(out.glob("*/emergency-response-guide.pdf"))
    kept = [entry for slug in SLUGS for entry in manifest(out / slug) if "pdf" in entry]
    assert {entry["name"] for entry in kept} == {"emergency-response-guide"} and len(kept) == len(SLUGS)
    # A PDF left beside a newer document (by a killed run of an earlier version, say) is made again.
    stale = b"%PDF-1.7\n% made from the MOU of the old mission\n%%EOF\n"
    (out / "alpha" / "mou.pdf").write_bytes(stale)
    assert build(source, "--pdf", "--out", out).exit_code == 0
    assert (out / "alpha" / "mou.pdf").read_bytes() != stale
    assert_every_pdf_belongs(out)


def test_a_manifest_recording_a_pdf_under_another_name_is_not_ours(built: tuple[Path, Path]) -> None:
    from pipeline.manifest import inspect_manifest

    _, out = built
    path = out / "alpha" / "manifest.json"
    content = json.loads(path.read_text(encoding="utf-8"))
    content["documents"][0]["pdf"] = "../../elsewhere.pdf"
    path.write_text(json.dumps(content), encoding="utf-8")
    assert inspect_manifest(path)[0] == {}
    del content["documents"][0]["pdf"]  # a record in part
    path.write_text(json.dumps(content), encoding="utf-8")
    assert inspect_manifest(path)[0] == {}


# 4. A killed build


def test_a_build_killed_while_converting_leaves_each_partnership_wholly_old(
    built: tuple[Path, Path], fake_soffice: FakeSoffice, tmp_path: Path
) -> None:
    source, out = built
    old = {slug: files(out / slug) for slug in SLUGS}
    partnerships(source, "A new mission.")
    started = tmp_path / "started"
    fake_soffice(sleep=60, started=started)
    command = [sys.executable, "-m", "pipeline", "build", str(source), "--pdf", "--out", str(out), "--jobs", "2"]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while not started.exists() and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert started.exists(), "LibreOffice never started"
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    assert {slug: files(out / slug) for slug in SLUGS} == old
    if sys.platform.startswith("linux"):  # LibreOffice dies with the build
        converter = int(started.read_text())
        deadline = time.monotonic() + 10
        while _running(converter) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _running(converter)
    fake_soffice()
    result = build(source, "--pdf", "--out", out)
    assert result.exit_code == 0, result.output
    assert_every_pdf_belongs(out)
    assert not list(out.glob(".partnerdocs-staging-*"))  # the killed build's leftovers removed
    assert all(files(out / slug)["mou.docx"] != old[slug]["mou.docx"] for slug in SLUGS)


def _running(pid: int) -> bool:
    """Whether the process runs (a zombie, dead but not yet reaped, does not)."""
    try:
        status = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return status.rsplit(")", 1)[1].split()[0] != "Z"
