"""Reference pages generated from the code: every YAML field (docs/schema.md) and every lint rule
(docs/lint-rules.md). Tests fail when the committed pages differ from what this module writes."""

from __future__ import annotations

from typing import Any

from pipeline.lint import RULES
from schemas import Partnership
from schemas.types import ID_PATTERN

ROOT_TITLE = "Partnership"


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
    if "anyOf" in spec:
        kinds = [_type(option, definitions) for option in spec["anyOf"] if option.get("type") != "null"]
        return " or ".join(kinds) + " (optional)"
    kind = spec.get("type")
    if spec.get("pattern") == ID_PATTERN:
        return "id"
    if kind == "array":
        return f"list of {_type(spec.get('items', {}), definitions)}"
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
    return ""


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
