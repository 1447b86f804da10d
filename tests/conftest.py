"""Shared fixtures: small valid partnerships written into tmp_path, and tiny templates."""

from __future__ import annotations

import copy
import io
import json
import os
import shutil
import sys
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml
from lxml import etree

from pipeline.yaml_core import CoreSafeLoader

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "partnerships").glob("*.yaml"))

MINIMAL: dict[str, Any] = {
    "name": "Harbor & Hope – O'Malley Pathways",
    "level": "cooperation",
    "formality": "informal",
    "geography": "Port Alder",
    "purpose": "Refer survivors who want work to a staffing partner.",
    "mission": "Open safe pathways to paid work.",
    "members": [
        {
            "id": "harbor-hope",
            "legal_name": "Harbor & Hope Survivor Services, Inc.",
            "short_name": "Harbor & Hope",
            "organization_type": "nonprofit",
            "sector": "direct_victim_services",
            "contacts": {
                "primary": {"name": "Thomas Nguyen", "title": "Director", "email": "tnguyen@harborhope.example"},
                "backup": {"name": "Ana Ruiz", "title": "Advocate", "phone": "(360) 555-0150"},
            },
            "signatory": {"name": "Renée Castellanos", "title": "Executive Director"},
        },
        {
            "id": "omalley",
            "legal_name": "O'Malley Staffing Solutions, LLC",
            "organization_type": "for_profit",
            "sector": "workforce",
            "contacts": {"primary": {"name": "Siobhan O'Malley-Brandt", "title": "Branch Manager"}},
            "signatory": {"title": "President & CEO"},
        },
    ],
    "leadership": {"model": "primary_lead", "leads": ["harbor-hope"]},
    "decision_making": {"method": "hierarchical"},
    "confidentiality": {"laws": [{"law": "vawa", "applies_to": ["harbor-hope"]}]},
    "agreement": {
        "termination_notice_days": 30,
        "amendment": "In writing, signed by both signatories.",
        "renewal": "automatic",
        "term_months": 12,
    },
}


class CoreDumper(yaml.SafeDumper):
    """Writes YAML that partnerdocs reads back as written: PyYAML's dumper quotes by YAML 1.1 rules, so a
    string such as '0o14' or '1e3' (numbers in YAML 1.2, which the loader reads) would lose its quotes."""

    yaml_implicit_resolvers = CoreSafeLoader.yaml_implicit_resolvers

    def ignore_aliases(self, data: Any) -> bool:
        return True  # the loader refuses anchors: a value used twice is written out twice


def dump_yaml(data: Any, **options: Any) -> str:
    """`data` as YAML text that loads back to the same values."""
    return yaml.dump(data, Dumper=CoreDumper, allow_unicode=True, **options)


def minimal_data() -> dict[str, Any]:
    """A fresh copy of a small valid partnership, to change in a test."""
    return copy.deepcopy(MINIMAL)


def complete_plan() -> dict[str, Any]:
    """Harbor & Hope's partnership plan for the minimal partnership, every part given: it prints no blank."""
    return {
        "organization": "harbor-hope",
        "date": "2026-12-01",
        "background": {
            "about": "A survivor-service agency in Port Alder.",
            "principles": ["Survivors choose"],
            "values": ["Dignity"],
            "goals": ["More jobs for survivors"],
            "partnership_types": ["Referral partnerships with employers"],
            "existing_partners": [{"member": "omalley", "type": "informal", "purpose": "Job referrals."}],
        },
        "need": {"benefits": ["More kinds of work"], "must_haves": ["Consent first"]},
        "potential_partners": [
            {
                "name": "Port Alder Legal Clinic",
                "type": "formal",
                "description": "An MOU for record clearing.",
                "outcome": "Ten survivors a year helped.",
                "tactics": [{"action": "Meet the director.", "measure": "By January 31.", "responsible": "Director"}],
                "maintenance": "A quarterly call.",
            }
        ],
        "accountability": {
            "roles": ["Harbor & Hope supports each survivor"],
            "boundaries": ["Releases first"],
            "holding_accountable": ["A yearly review"],
        },
        "timeline": [{"task": "Meet the clinic.", "due": "2027-01-31", "responsible": "Director"}],
        "evaluation": [{"metric": "Referrals", "recorded": "Monthly, in the referral log."}],
    }


SLUGS = ("alpha", "beta", "gamma")
NOTHING_WRITTEN = "nothing was written, earlier documents are unchanged."


def three_partnerships(folder: Path, mission: str = "Open safe pathways to paid work.") -> Path:
    """Three small partnerships (alpha, beta, gamma) whose documents all change with `mission`."""
    folder.mkdir(exist_ok=True)
    for slug in SLUGS:
        data = minimal_data()
        data["mission"] = mission
        (folder / f"{slug}.yaml").write_text(json.dumps(data), encoding="utf-8")  # JSON is YAML
    return folder


def all_files(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`, staging folders included, by relative path."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(autouse=True, scope="session")
def _private_cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Builds remember checked files in the user's cache folder: the tests use one of their own."""
    saved = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if saved is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = saved


@pytest.fixture
def write_partnership(tmp_path: Path) -> Callable[..., Path]:
    """Write data (default: the minimal partnership) as partnerships/<slug>.yaml under tmp_path."""

    def write(data: dict[str, Any] | None = None, slug: str = "pathways", text: str | None = None) -> Path:
        folder = tmp_path / "partnerships"
        folder.mkdir(exist_ok=True)
        path = folder / f"{slug}.yaml"
        body = text if text is not None else dump_yaml(data or minimal_data())
        path.write_text(body, encoding="utf-8")
        return path

    return write


@pytest.fixture
def examples_copy(tmp_path: Path) -> Path:
    """The example partnerships copied into tmp_path/partnerships."""
    target = tmp_path / "partnerships"
    target.mkdir()
    for example in EXAMPLES:
        shutil.copy(example, target / example.name)
    return target


def make_template(path: Path, paragraphs: list[str], header: str | None = None) -> Path:
    """A tiny .docx template with one paragraph per string (each string is one run, so tags stay whole)."""
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if header is not None:
        document.sections[0].header.paragraphs[0].text = header
    document.save(str(path))
    return path


@pytest.fixture(scope="session")
def built_examples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example partnerships built once per test session; returns the output folder."""
    from pipeline.build import build

    # A copy outside git, so no revision history (which changes with every commit) reaches golden texts.
    folder = tmp_path_factory.mktemp("built")
    shutil.copytree(ROOT / "partnerships", folder / "partnerships")
    build([folder / "partnerships"], folder / "output")
    return folder / "output"


HOSTILE_TEXT = [
    "AT&T <Legal> & Sons",
    "{{ 7*7 }} {% if true %}yes{% endif %}",
    "</w:t></w:r><w:r><w:t>injected",
    'O\'Malley "Quoted" Ltd.',
    "Centro Comunitario Zúñiga – مرحبا – 你好 – 🙂",
]


def hostile_data() -> dict[str, Any]:
    """A valid partnership whose printed values carry markup, template syntax and non-Latin text."""
    data = minimal_data()
    data["name"] = HOSTILE_TEXT[0]
    data["mission"] = HOSTILE_TEXT[1]
    data["members"][0]["legal_name"] = HOSTILE_TEXT[2]
    data["members"][1]["legal_name"] = HOSTILE_TEXT[3]
    data["members"][1]["contacts"]["primary"]["name"] = HOSTILE_TEXT[4]
    data["geography"] = " ".join(HOSTILE_TEXT)
    plan = complete_plan()
    plan["potential_partners"][0]["name"] = HOSTILE_TEXT[0]
    plan["potential_partners"][0]["tactics"][0]["action"] = HOSTILE_TEXT[1]
    plan["background"]["values"] = HOSTILE_TEXT[2:]
    data["plans"] = [plan]
    return data


@pytest.fixture(scope="session")
def built_hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile partnership built once per session; returns its output folder."""
    from pipeline.build import build

    folder = tmp_path_factory.mktemp("hostile")
    source = folder / "hostile-values.yaml"
    source.write_text(dump_yaml(hostile_data()), encoding="utf-8")
    build([source], folder / "output")
    return folder / "output"


FAKE_SOFFICE = """#!{python}
# A stand-in for LibreOffice's soffice, set up by the environment (FAKE_SOFFICE_*): for each .docx it
# writes a small PDF that names the .docx's sha256, as `--convert-to pdf --outdir D` would.
import hashlib, json, os, sys, time
from pathlib import Path

def setting(name, default=""):
    return os.environ.get("FAKE_SOFFICE_" + name, default)

args = sys.argv[1:]
outdir = Path(args[args.index("--outdir") + 1])
profile = next(a for a in args if a.startswith("-env:UserInstallation="))
documents = [Path(a) for a in args if a.endswith(".docx")]
with open(setting("LOG"), "a") as log:
    log.write(json.dumps({{"pid": os.getpid(), "profile": profile, "documents": [d.name for d in documents]}}) + "\\n")
if setting("STARTED"):
    Path(setting("STARTED")).write_text(str(os.getpid()))
time.sleep(float(setting("SLEEP", "0")))
for number, document in enumerate(documents):
    if number >= int(setting("LIMIT", "1000000")):
        break  # what LibreOffice does after ~250 documents: stop, and exit 0
    if setting("REFUSE") and setting("REFUSE") in document.name:
        print("Error: source file could not be loaded", file=sys.stderr)
        continue
    digest = hashlib.sha256(document.read_bytes()).hexdigest().encode()
    end = b"" if setting("DAMAGE") and setting("DAMAGE") in document.name else b"%%EOF\\n"
    (outdir / (document.stem + ".pdf")).write_bytes(b"%PDF-1.7\\n% made from " + digest + b"\\n" + end)
"""


@pytest.fixture
def fake_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Path]:
    """Put a fake soffice first on PATH, set up by keyword (limit=N documents per call, refuse= or
    damage= a part of a document name, sleep=seconds, started=a file to write its pid to once it
    runs); returns the file where each call is logged, one JSON line per call."""
    folder = tmp_path / "fake-bin"

    def install(**settings: object) -> Path:
        folder.mkdir(exist_ok=True)
        script = folder / "soffice"
        script.write_text(FAKE_SOFFICE.format(python=sys.executable), encoding="utf-8")
        script.chmod(0o755)
        monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
        log = tmp_path / "soffice-calls.jsonl"
        log.write_text("")  # each install starts a fresh log
        for name in ("LOG", "LIMIT", "REFUSE", "DAMAGE", "SLEEP", "STARTED"):
            monkeypatch.delenv(f"FAKE_SOFFICE_{name}", raising=False)
        monkeypatch.setenv("FAKE_SOFFICE_LOG", str(log))
        for name, value in settings.items():
            monkeypatch.setenv(f"FAKE_SOFFICE_{name.upper()}", str(value))
        return log

    return install


def soffice_calls(log: Path) -> list[dict[str, Any]]:
    """The calls a fake soffice logged, in order."""
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]


# Word tracked changes, for the redline tests: accepting and rejecting are done on the XML as Word does
# it: accepting drops deletions (and rows marked deleted) and keeps insertions; rejecting does the
# reverse and puts back the old paragraph style.
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def settle(redlined: bytes, accept: bool) -> bytes:
    """The document with every tracked change accepted (or rejected), as Word's Accept All gives it."""
    gone, kept = (w("del"), w("ins")) if accept else (w("ins"), w("del"))
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(redlined)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.startswith("word/") and info.filename.endswith(".xml"):
                data = _settled_part(etree.fromstring(data), gone, kept, accept)
            target.writestr(info, data)
    return out.getvalue()


def _settled_part(root: etree._Element, gone: str, kept: str, accept: bool) -> bytes:
    for row in [r for r in root.iter(w("tr")) if r.find(f"{w('trPr')}/{gone}") is not None]:
        table = row.getparent()
        table.remove(row)
        if table.find(w("tr")) is None:  # a table without rows is gone too
            table.getparent().remove(table)
    for mark in list(root.iter(gone)):
        mark.getparent().remove(mark)
    for mark in list(root.iter(kept)):
        for child in list(mark):
            mark.addprevious(child)
        mark.getparent().remove(mark)
    for change in list(root.iter(w("pPrChange"))):
        properties = change.getparent()
        if not accept:
            for child in [c for c in properties if c.tag not in (w("rPr"), w("sectPr"), w("pPrChange"))]:
                properties.remove(child)
            for index, child in enumerate(change.find(w("pPr"))):
                properties.insert(index, child)
        properties.remove(change)
    if not accept:
        for text in root.iter(w("delText")):
            text.tag = w("t")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def marks(data: bytes) -> dict[str, int]:
    """How many w:ins and w:del elements each part of a .docx holds (parts without any left out)."""
    found = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.endswith(".xml"):
                root = etree.fromstring(archive.read(name))
                count = sum(1 for _ in root.iter(w("ins"), w("del")))
                if count:
                    found[name] = count
    return found
