"""Shared fixtures: small valid partnerships written into tmp_path, and tiny templates."""

from __future__ import annotations

import copy
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml

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


def dump_yaml(data: Any, **options: Any) -> str:
    """`data` as YAML text that loads back to the same values."""
    return yaml.dump(data, Dumper=CoreDumper, allow_unicode=True, **options)


def minimal_data() -> dict[str, Any]:
    """A fresh copy of a small valid partnership, to change in a test."""
    return copy.deepcopy(MINIMAL)


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
