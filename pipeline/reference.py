"""Reference pages generated from the code: every YAML field (docs/schema.md) and every lint rule
(docs/lint-rules.md), and the JSON Schema editors read. Tests fail when the committed pages differ from
what this module writes."""

from __future__ import annotations

import json
from typing import Any

from pipeline.lint import RULES
from schemas import Partnership
from schemas.types import ID_PATTERN, PARTIAL_DATE_PATTERN

ROOT_TITLE = "Partnership"


def partnership_schema_json() -> str:
    """The JSON Schema of partnership files, as `partnerdocs schema` and `partnerdocs init` write it."""
    document = Partnership.model_json_schema()
    document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    document["title"] = "partnerdocs partnership file"
    return json.dumps(document, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def schema_markdown() -> str:
    """docs/schema.md: one table per group of fields, from the models' own descriptions."""
    schema = Partnership.model_json_schema()
    definitions: dict[str, Any] = schema.get("$defs", {})
    lines = [
        "# Partnership file reference",
        "",
        "Generated from the models in `schemas/` by `make schema`; do not edit by hand.",
        "Each partnership is one YAML file under `partnerships/`. Its top level is described first;",
        "the groups of fields it contains follow in alphabetical order.",
        "",
    ]
    lines += _model_section(ROOT_TITLE, schema, definitions)
    for name in sorted(definitions):
        definition = definitions[name]
        if "properties" in definition:
            lines += _model_section(name, definition, definitions)
    enums = [name for name in sorted(definitions) if "enum" in definitions[name]]
    lines += ["## Allowed values", ""]
    for name in enums:
        values = ", ".join(f"`{v}`" for v in definitions[name]["enum"])
        lines += [f"### {name}", "", definitions[name].get("description", "").strip(), "", values, ""]
    return "\n".join(lines).rstrip() + "\n"


def _model_section(name: str, definition: dict[str, Any], definitions: dict[str, Any]) -> list[str]:
    required = set(definition.get("required", []))
    lines = [f"## {name}", "", _one_line(definition.get("description", "")), ""]
    lines += ["| field | type | required | description | example |", "| --- | --- | --- | --- | --- |"]
    for field, spec in definition["properties"].items():
        description = spec.get("description") or _referenced(spec, definitions).get("description", "")
        example = spec.get("examples", [""])[0] if spec.get("examples") else _example(spec, definitions)
        cells = [
            f"`{field}`",
            _type(spec, definitions),
            "yes" if field in required else "no",
            _one_line(description),
            f"`{example}`" if example not in ("", None) else "",
        ]
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    lines.append("")
    return lines


def _referenced(spec: dict[str, Any], definitions: dict[str, Any]) -> dict[str, Any]:
    reference = spec.get("$ref", "")
    found: dict[str, Any] = definitions.get(reference.rsplit("/", 1)[-1], {}) if reference else {}
    return found


def _type(spec: dict[str, Any], definitions: dict[str, Any]) -> str:
    if "$ref" in spec:
        name = spec["$ref"].rsplit("/", 1)[-1]
        target = definitions.get(name, {})
        return f"one of [{name}](#allowed-values)" if "enum" in target else f"[{name}](#{name.lower()})"
    if _is_partial_date(spec):
        return "year, year-month or date (2019, 2019-03, 2019-03-14)"
    if "anyOf" in spec:
        options = [option for option in spec["anyOf"] if option.get("type") != "null"]
        optional = " (optional)" if len(options) < len(spec["anyOf"]) else ""
        if any("propertyNames" in option for option in options):  # schemas.types.Text
            return f"text, or {{language: text}}{optional}"
        return " or ".join(_type(option, definitions) for option in options) + optional
    kind = spec.get("type")
    if spec.get("pattern") == ID_PATTERN:
        return "id"
    if kind == "array":
        return f"list of {_type(spec.get('items', {}), definitions)}"
    if kind == "object" and spec.get("patternProperties"):
        (value,) = spec["patternProperties"].values()
        keys = "id" if ID_PATTERN in spec["patternProperties"] else "text"
        return f"{keys} → {_type(value, definitions)} (one `key: value` line each)"
    if kind == "string" and spec.get("format") == "language-tag":
        return "language tag (en, es, zh-Hant)"
    if kind == "string" and spec.get("format") == "date":
        return "date (YYYY-MM-DD)"
    if kind == "string" and spec.get("format") == "email":
        return "e-mail address"
    return {"string": "text", "integer": "whole number", "number": "number", "boolean": "true or false"}.get(
        str(kind), str(kind)
    )


def _example(spec: dict[str, Any], definitions: dict[str, Any]) -> str:
    target = _referenced(spec, definitions)
    if "enum" in target:
        return str(target["enum"][0])
    if "default" in spec and spec["default"] not in (None, [], {}):
        return str(spec["default"]).lower() if isinstance(spec["default"], bool) else str(spec["default"])
    if spec.get("format") == "date" or any(o.get("format") == "date" for o in spec.get("anyOf", [])):
        return "2025-10-01"
    if any(_is_partial_date(option) for option in [spec, *spec.get("anyOf", [])]):
        return "2019-03"
    return ""


def _is_partial_date(spec: dict[str, Any]) -> bool:
    """The schema of a PartialDate (an integer year or a date string), not an optional field holding one."""
    return any(option.get("pattern") == PARTIAL_DATE_PATTERN for option in spec.get("anyOf", []))


def _one_line(text: str) -> str:
    return " ".join(text.split())


def rules_markdown() -> str:
    """docs/lint-rules.md: every rule with its id, what it finds and why."""
    lines = [
        "# Lint rules",
        "",
        "Generated from `pipeline/lint.py` and `pipeline/consistency.py` by `make schema`; do not edit by hand.",
        "`partnerdocs lint` (and every `partnerdocs build`) reports these as warnings; `--strict` makes",
        "them errors. Rules that find two documents stating a fact two ways (the consistency rules) are",
        "errors in `partnerdocs build --release` too, so a published document never contradicts another.",
        "Each finding names its file and line.",
        "",
        "| rule | finds | why | in `--release` |",
        "| --- | --- | --- | --- |",
    ]
    lines += [
        f"| `{rule.id}` | {rule.summary} | {rule.rationale} | {'error' if rule.blocks_release else 'warning'} |"
        for rule in RULES
    ]
    return "\n".join(lines) + "\n"


def legal_positions_markdown() -> str:
    """docs/legal-positions.md: for staff and their counsel, each legal position, how partnerdocs recognises it,
    the wording it selects and what a lawyer must review; the wording is the code's own, so it cannot drift."""
    from pipeline.contexts import confidentiality as wording
    from pipeline.contexts.confidentiality_clauses import CLAUSES
    from pipeline.legal_positions import BY_LAW, BY_SECTOR, GOVERNMENT, ORDER

    lines = [
        "# Legal positions: what each member may promise",
        "",
        "Generated from `pipeline/legal_positions.py`, `pipeline/contexts/confidentiality_clauses.py` and",
        "`pipeline/contexts/confidentiality.py` by `make schema`; do not edit by hand. This page is a starting",
        "point for counsel, not legal advice.",
        "",
        "A shelter funded under VAWA or VOCA may promise survivors that nothing identifying them leaves the",
        "shelter without their written consent. A police department, a prosecutor, a hospital or a child-welfare",
        "agency cannot make that promise: evidence rules, discovery, public-records law, HIPAA and mandated",
        "reporting make them disclose. So partnerdocs never gives all members one confidentiality rule. Each",
        "member has one or more *legal positions*, and every document that binds it (its letter of intent, the",
        "MOU, the charter, the onboarding packet) prints the promise written for that position, with the",
        "exceptions that apply and the step that goes with each exception.",
        "",
        "## How a member's positions are chosen",
        "",
        "Write them in the member's block when you know them (`legal_positions: [law_enforcement, public_body]`);",
        "that list replaces any guess. Otherwise partnerdocs works them out from facts the file already holds.",
        "The guess only ever adds duties to disclose; it never gives a member the strict VAWA/VOCA promise",
        "unless the file lists the member under that law, because promising more than the law allows is the",
        "dangerous mistake.",
        "",
        "| fact in the file | position |",
        "| --- | --- |",
    ]
    lines += [f"| listed under `confidentiality.laws` for `{law.value}` | `{p.value}` |" for law, p in BY_LAW.items()]
    lines += [
        f"| `sector: {sector.value}` | {', '.join(f'`{p.value}`' for p in positions)} |"
        for sector, positions in BY_SECTOR.items()
    ]
    lines += [
        "| listed under `confidentiality.laws` for `law_enforcement_need_to_know` (not a prosecutor) "
        "| `law_enforcement` |",
        "| `sector: systems_based_advocates` and a government organization type | `system_based_advocacy` |",
        "| listed under `mandatory_reporting.mandated_reporters` | `mandated_reporter` |",
        f"| `organization_type`: {', '.join(f'`{t.value}`' for t in sorted(GOVERNMENT))} | `public_body` |",
        "| none of the above says what it may promise | `community_partner` (consent, or a legal duty) |",
        "",
        "`partnerdocs lint` warns (rule `legal-position-unclear`) when a member's position cannot be chosen",
        "safely: a victim-service organization the file does not list under VAWA or VOCA, a systems-based",
        "advocate whose employer is unclear, a member of sector `other`. Such a member gets the general",
        "promise until you say more, and every draft lists it for counsel.",
        "",
        "## The positions and their wording",
        "",
    ]
    for position in ORDER:
        clause = CLAUSES[position]
        lines += [f"### {clause.heading} (`{position.value}`)", "", f"In an agreement: {clause.they}", ""]
        lines += [f"In the member's own letter: {clause.we}", ""]
        review = clause.review or "Nothing beyond the general review of the document."
        lines += [f"Counsel reviews: {review}", ""]
    lines += [
        "## Clauses that apply across positions",
        "",
        f"**Compelled disclosure** (every member): {wording.COMPELLED}",
        "",
        "**Minors** (printed where a member that shares by consent works with people who may be under 18):",
        f"{wording.MINORS} Counsel reviews: {wording.MINORS_REVIEW}",
        "",
        "**Immigration status** (printed where immigration relief is part of the work or a government member",
        f"takes part): {wording.IMMIGRATION_STATUS} Counsel reviews: {wording.IMMIGRATION_REVIEW}",
        "",
        f"**What law enforcement decides** (same condition): {wording.BENEFITS}",
        "",
        "## The counsel-review list",
        "",
        "Every draft ends with a section *For counsel review* listing the clauses above that bind the members",
        "of that document and need a lawyer's eye; `partnerdocs status` prints the same list under each draft.",
        "A final document (approved by every signatory) never prints it.",
        "",
        "## Sources",
        "",
        "- VAWA confidentiality: 34 U.S.C. 12291(b)(2); VOCA victim assistance: 28 C.F.R. 94.115.",
        "- Immigration: 8 U.S.C. 1367 (information about T, U and VAWA applicants held by federal agencies).",
        "- Child welfare: the Child Abuse Prevention and Treatment Act (CAPTA) as amended in 2015 treats a child",
        "  who is sex trafficked as a victim of child abuse.",
        "- HIPAA Privacy Rule, FERPA, the Prison Rape Elimination Act (PREA) standards; state law decides",
        "  mandated reporting, consent for minors, public records and privilege. Have counsel confirm each.",
    ]
    return "\n".join(lines).rstrip() + "\n"
