"""`make bench`: partnerdocs on 200 synthetic partnerships, measured against the python-docx floor.

The floor is what any tool must pay per document: python-docx loading and saving the document's
template, with no rendering at all. Every figure comes from this run, on this machine:

  first_build_s          the first build (--jobs 2) on a machine that has drawn no figure yet: Graphviz draws
                         every figure, which later builds take from the cache (the builds below)
  full_build_over_floor  a full serial build (--jobs 1) divided by the floor for the same documents
  noop_rebuild_s         a rebuild when nothing changed
  jobs2_speedup          a full build with --jobs 1 divided by one with --jobs 2
  rss_200_over_50        peak memory (max RSS) building 200 partnerships divided by building 50
  pdf_s_per_document_1   build --pdf of about 48 documents already built, with one LibreOffice instance
  pdf_s_per_document_2   the same with two instances (--jobs 2); both skipped, with a note, without soffice

Run with the project's Python: .venv/bin/python bench/run.py [--partnerships N] [--seed S] [--pdf-documents N]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import docx
import yaml

ROOT = Path(__file__).resolve().parent.parent
PARTNERDOCS = Path(sys.executable).parent / "partnerdocs"
SECTORS = ["law_enforcement", "direct_victim_services", "legal_assistance", "healthcare", "workforce", "education"]
LAWS = ["vawa", "voca", "hipaa", "ferpa", "prea"]


def synthetic_partnership(index: int, members: int, rng: random.Random) -> dict[str, Any]:
    """A valid, realistic-sized partnership with `members` member organizations."""
    ids = [f"org-{index}-{n}" for n in range(members)]

    def member(n: int) -> dict[str, Any]:
        name = f"Organization {n} of Partnership {index}"
        return {
            "id": ids[n],
            "legal_name": f"{name}, Inc.",
            "short_name": f"Org {index}.{n}",  # unique, as real names are: each figure is drawn
            "organization_type": "nonprofit" if n % 3 else "local_government",
            "sector": SECTORS[n % len(SECTORS)],
            "description": f"{name} serves survivors across the county with {rng.randint(5, 80)} staff.",
            "services": [f"Service {s} offered by {name}" for s in range(3)],
            "commitments": [
                {"description": f"Provide {s + 1} trainings a year for member staff.", "in_kind_value": 500 * (s + 1)}
                for s in range(2)
            ],
            "contacts": {
                "primary": {"name": f"Primary Person {n}", "title": "Program Director", "phone": "(360) 555-0142"},
                "backup": {"name": f"Backup Person {n}", "title": "Case Manager", "email": f"b{n}@org.example"},
            },
            "signatory": {"name": f"Signatory {n}", "title": "Executive Director"},
        }

    writers = ids[2 : 2 + rng.randint(0, 3)]
    return {
        "name": f"Synthetic Anti-Trafficking Partnership {index} & Friends",
        "short_name": f"SATP{index}",
        "level": "multisector_collaboration",
        "formality": "formal",
        "geography": f"County {index} and its {rng.randint(2, 9)} cities",
        "purpose": "Identify and serve every survivor in the county through one coordinated response. " * 2,
        "background": "The county sees labor and sex trafficking in agriculture, hospitality and online. " * 3,
        "mission": "Identify and serve all victims of trafficking through a victim-centered response.",
        "vision": "A county where no one is bought, sold or forced to work.",
        "values": ["Survivor voice", "Equity", "Transparency", "Accountability"],
        "goals": [{"name": f"Goal {g}", "description": "Train every member.", "outcome": "Trained."} for g in range(3)],
        "functions": ["strategic_coordination", "operational_coordination", "raise_awareness"],
        "members": [member(n) for n in range(members)],
        "leadership": {"model": "co_leadership", "leads": ids[:2]},
        "decision_making": {
            "method": "consensus",
            "gradients_of_agreement": True,
            "quorum": "A majority of voting members.",
            "fallback": "Three quarters of the voting members present.",
        },
        "meetings": {
            "regular": [{"name": "Full partnership", "schedule": "Second Tuesday of each month"}],
            "ground_rules": ["Survivor confidentiality comes first.", "Respect different views."],
        },
        "committees": [
            {"id": "steering", "name": "Steering Committee", "charge": "Plan the work.", "members": ids[:3]}
        ],
        "confidentiality": {
            "laws": [{"law": LAWS[n % len(LAWS)], "applies_to": [ids[n]]} for n in range(min(members, 5))],
            "release": {"time_limit_days": 90},
        },
        "mandatory_reporting": {"mandated_reporters": ids[:2], "minors": "Reports go to the child abuse hotline."},
        "media": {"approval": "The co-leads approve joint statements."},
        "survivor_engagement": {"approach": "A paid survivor advisory board.", "compensation": "$60 an hour."},
        "funding": {
            "grants": [
                {
                    "program": "Enhanced Collaborative Model",
                    "funder": "Office for Victims of Crime",
                    "fiscal_year": 2026,
                    "applicant": ids[0],
                    "partners": writers,
                    **({"letter_of_intent": {"addressee": "Grants Manager"}} if writers else {}),
                }
            ],
            # A subgrant from the lead to its third member, when there is one: a subgrant agreement.
            "subgrants": [
                {"from_member": ids[0], "to_member": ids[2], "amount": "$20,000 a year", "purpose": "Outreach."}
            ]
            if members > 2
            else [],
        },
        "agreement": {"termination_notice_days": 60, "amendment": "In writing, signed by all.", "term_months": 36},
        "emergency": {
            "hazards": ["pandemic", "data_breach", "loss_of_key_personnel"],
            "succession": [{"role": "Co-lead", "order": [{"position": p} for p in ("Director", "Deputy", "Chair")]}],
        },
        "evaluation": {
            "purpose": "Learn whether the coordinated response reaches more survivors.",
            "questions": [{"question": "Do referrals reach services?", "why": "To fix stalls.", "goal": "Goal 0"}],
            "metrics": [{"name": "Victims identified", "target": "100 a year", "outcome": "More survivors served"}],
            "logic_model": {
                "inputs": ["Grant funds", "Member staff time"],
                "activities": ["Joint case reviews", "Trainings"],
                "outputs": ["Referrals made", "People trained"],
                "outcomes": ["More survivors served"],
                "external_factors": ["Funding changes"],
            },
        },
        # The lead's partnership plan: background, partners with tactics and a dated timeline (a figure).
        "plans": [
            {
                "organization": ids[0],
                "date": "2026-12-01",
                "background": {"about": "The lead agency.", "partnership_types": ["Referral partnerships"]},
                "need": {"benefits": ["More services"], "must_haves": ["Consent first"]},
                "potential_partners": [
                    {
                        "name": f"Potential Partner {p} of Partnership {index}",
                        "type": "formal",
                        "description": "Housing for survivors.",
                        "outcome": "Ten placements a year.",
                        "tactics": [{"action": "Meet the director.", "measure": "By March.", "responsible": "Lead"}],
                    }
                    for p in range(2)
                ],
                "timeline": [
                    {"task": f"Task {t}", "due": f"2027-0{t + 1}-15", "responsible": "Director"} for t in range(4)
                ],
                "evaluation": [{"metric": "Referrals", "recorded": "Monthly."}],
            }
        ],
        "onboarding": {"first_90_days": ["Meet your mentor.", "Read the MOU."]},
        "definitions": [{"term": "PII", "meaning": "Personally identifying information."}],
    }


def generate(folder: Path, count: int, seed: int) -> list[int]:
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    sizes = [rng.randint(2, 40) for _ in range(count)]
    for index, size in enumerate(sizes):
        data = synthetic_partnership(index, size, rng)
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
        (folder / f"partnership-{index:03d}.yaml").write_text(text, encoding="utf-8")
    return sizes


# Runs a command and reports its wall time and the peak memory of the process tree it started, from a
# fresh small Python process, so nothing of this (larger) process is counted in the figure.
_MEASURE = """
import resource, subprocess, sys, time
started = time.perf_counter()
code = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(time.perf_counter() - started, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)
"""


def timed(command: list[str]) -> tuple[float, int]:
    """Wall time of a command and its peak resident memory in KiB."""
    done = subprocess.run([sys.executable, "-c", _MEASURE, *command], capture_output=True, text=True, check=True)
    elapsed, rss, code = done.stdout.split()
    if code != "0":
        raise SystemExit(f"failed: {' '.join(command)}")
    return float(elapsed), int(rss)


def floor_seconds(outputs: Path) -> tuple[float, int]:
    """python-docx load + save of each built document's template, no rendering."""
    templates = {}
    for manifest in outputs.glob("*/manifest.json"):
        for entry in json.loads(manifest.read_text(encoding="utf-8"))["documents"]:
            templates.setdefault(entry["template"], 0)
            templates[entry["template"]] += 1
    started = time.perf_counter()
    for template, count in templates.items():
        for _ in range(count):
            document = docx.Document(str(ROOT / "templates" / template))
            document.save(io.BytesIO())
    return time.perf_counter() - started, sum(templates.values())


def pdf_seconds(cli: list[str], base: Path, built: Path, wanted: int) -> tuple[int, float, float] | None:
    """Seconds `build --pdf` takes over the first partnerships whose documents number `wanted` or more,
    their documents already built (so only PDFs are made), with one and with two LibreOffice instances;
    None without LibreOffice."""
    if wanted <= 0 or not (shutil.which("soffice") or shutil.which("libreoffice")):
        return None
    source = base / "pdf-partnerships"
    source.mkdir()
    documents = 0
    for path in sorted((base / "all").glob("*.yaml")):
        if documents >= wanted:
            break
        (source / path.name).write_bytes(path.read_bytes())
        documents += len(list((built / path.stem).glob("*.docx")))
    seconds = []
    for jobs in (1, 2):
        out = base / f"pdf-{jobs}"
        timed([*cli, "build", str(source), "--out", str(out)])
        elapsed, _ = timed([*cli, "build", str(source), "--out", str(out), "--pdf", "--jobs", str(jobs)])
        if len(list(out.glob("*/*.pdf"))) != documents:
            raise SystemExit(f"build --pdf --jobs {jobs} did not make {documents} PDFs")
        seconds.append(elapsed)
    return documents, seconds[0], seconds[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--partnerships", type=int, default=200)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--pdf-documents", type=int, default=48, help="documents converted to PDF (0: none)")
    parser.add_argument("--generate-into", type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.generate_into:
        sizes = generate(options.generate_into, options.partnerships, options.seed)
        print(json.dumps(sizes))
        return
    with tempfile.TemporaryDirectory(prefix="partnerdocs-bench-") as work:
        base = Path(work)
        # A cache folder of the bench's own: the first build draws every figure, as on a fresh machine.
        os.environ["XDG_CACHE_HOME"] = str(base / "cache")
        # Generated in a child process: a child's peak memory also counts the pages it shares with this
        # process before it starts partnerdocs, so this process must stay small.
        generator = [sys.executable, __file__, "--partnerships", str(options.partnerships), "--seed", str(options.seed)]
        output = subprocess.run([*generator, "--generate-into", str(base / "all")], capture_output=True, check=True)
        sizes = json.loads(output.stdout)
        small = base / "quarter"
        small.mkdir()
        for path in sorted((base / "all").glob("*.yaml"))[: options.partnerships // 4]:
            (small / path.name).write_bytes(path.read_bytes())
        cli = [str(PARTNERDOCS)]
        print(f"{options.partnerships} partnerships ({min(sizes)} to {max(sizes)} members), seed {options.seed}")
        print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
        validate_s, _ = timed([*cli, "validate", str(base / "all")])
        first_s, _ = timed([*cli, "build", str(base / "all"), "--out", str(base / "first"), "--jobs", "2"])
        figures = len(list((base / "cache" / "partnerdocs" / "figures").glob("*.png")))
        serial_s, rss_all = timed([*cli, "build", str(base / "all"), "--out", str(base / "serial"), "--jobs", "1"])
        floor_s, documents = floor_seconds(base / "serial")
        noop_s, _ = timed([*cli, "build", str(base / "all"), "--out", str(base / "serial")])
        parallel_s, _ = timed([*cli, "build", str(base / "all"), "--out", str(base / "parallel"), "--jobs", "2"])
        quarter_s, rss_quarter = timed([*cli, "build", str(small), "--out", str(base / "quarter-out"), "--jobs", "1"])
        pdfs = pdf_seconds(cli, base, base / "serial", options.pdf_documents)
    rows = [
        ("documents built", f"{documents}"),
        (f"first build, --jobs 2, {figures} figures drawn", f"{first_s:.2f} s"),
        ("floor: python-docx load + save of each template", f"{floor_s:.2f} s"),
        ("full build, --jobs 1", f"{serial_s:.2f} s"),
        ("full build, --jobs 2", f"{parallel_s:.2f} s"),
        ("no-op rebuild", f"{noop_s:.2f} s"),
        (f"validate all {options.partnerships}", f"{validate_s:.2f} s"),
        (f"peak memory, {options.partnerships // 4} partnerships", f"{rss_quarter / 1024:.0f} MiB ({quarter_s:.2f} s)"),
        (f"peak memory, {options.partnerships} partnerships", f"{rss_all / 1024:.0f} MiB"),
    ]
    if pdfs:
        count, one_s, two_s = pdfs
        rows.append((f"PDFs of {count} documents, 1 LibreOffice", f"{one_s:.2f} s ({one_s / count:.3f} s each)"))
        rows.append((f"PDFs of {count} documents, 2 LibreOffices", f"{two_s:.2f} s ({two_s / count:.3f} s each)"))
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        print(f"  {label.ljust(width)}  {value}")
    print(f"first_build_s: {first_s:.2f}")
    print(f"full_build_over_floor: {serial_s / floor_s:.2f}")
    print(f"noop_rebuild_s: {noop_s:.2f}")
    print(f"jobs2_speedup: {serial_s / parallel_s:.2f}")
    print(f"rss_200_over_50: {rss_all / rss_quarter:.2f}")
    if pdfs:
        print(f"pdf_s_per_document_1: {pdfs[1] / pdfs[0]:.3f}")
        print(f"pdf_s_per_document_2: {pdfs[2] / pdfs[0]:.3f}")
    elif options.pdf_documents > 0:
        print("PDF figures skipped: LibreOffice (soffice) is not installed")


if __name__ == "__main__":
    main()
