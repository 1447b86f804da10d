"""Cross-reference checks: ids used anywhere must name a member organization, and ids are unique.

Pydantic checks each value on its own; these rules need the whole partnership, so they run after it.
Each problem is returned as (location, message), with the location in pydantic's tuple form.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from functools import cache
from typing import Annotated, Any, get_args, get_origin

from pydantic import BaseModel

from schemas.localized import localized_values
from schemas.partnership import Partnership
from schemas.plans import ExistingPartner, PotentialPartner
from schemas.types import MemberReference

Location = tuple[str | int, ...]


def _text_languages(partnership: Partnership) -> list[tuple[Location, str]]:
    """Text given per language must be given in the language of record, and only in the partnership's languages."""
    problems: list[tuple[Location, str]] = []
    languages = partnership.languages
    listed = ", ".join(languages)
    record = partnership.language_of_record
    for location, text in localized_values(partnership):
        for tag in text.by_language:
            if tag not in languages:
                problems.append(
                    (
                        (*location, tag),
                        f"'{tag}' is not one of this partnership's languages ({listed}): add it to 'languages' "
                        "at the top of the file, or remove this text (a tag is written exactly as listed there)",
                    )
                )
        if record not in text.by_language:
            problems.append(
                (
                    location,
                    f"there is no text in {record}, the language of record (the first of 'languages'): the "
                    f"documents of record print it, so add '{record}: ...' here",
                )
            )
    return problems


def reference_problems(partnership: Partnership) -> list[tuple[Location, str]]:
    """Every broken reference and duplicate id in a validated partnership."""
    problems: list[tuple[Location, str]] = []
    problems += _duplicates("members", [m.id for m in partnership.members], "organization")
    problems += _duplicates("committees", [c.id for c in partnership.committees], "committee")

    known = {m.id for m in partnership.members}
    current = {m.id for m in partnership.current_members}
    for location, value in _member_references(partnership, ()):
        if value not in known:
            problems.append((location, unknown_member_message(value, sorted(known))))
    problems += _letter_collisions(partnership)
    problems += _letter_languages(partnership)
    problems += _text_languages(partnership)
    problems += _goal_references(partnership)
    problems += _plan_references(partnership, known, current)
    problems += _outcome_references(partnership)
    for index, lead in enumerate(partnership.leadership.leads):
        if lead in known and lead not in current:
            problems.append(
                (
                    ("leadership", "leads", index),
                    f"'{lead}' is not a current member (withdrawn or pending), so it cannot lead the partnership",
                )
            )
    return problems


def _letter_collisions(partnership: Partnership) -> list[tuple[Location, str]]:
    # A letter's file is named after its writer, so one member can write for one grant only.
    first: dict[str, int] = {}
    problems: list[tuple[Location, str]] = []
    for index, grant in enumerate(partnership.funding.grants):
        for writer in grant.letter_writers:
            if writer in first and first[writer] != index:
                message = (
                    f"'{writer}' already writes a letter of intent for funding.grants[{first[writer]}]; "
                    "a member writes a letter for one grant at a time"
                )
                problems.append((("funding", "grants", index, "letter_of_intent"), message))
            first.setdefault(writer, index)
    return problems


def _letter_languages(partnership: Partnership) -> list[tuple[Location, str]]:
    # A letter is written in one of the partnership's languages, by one of the grant's writers.
    listed = ", ".join(partnership.languages)
    problems: list[tuple[Location, str]] = []
    for index, grant in enumerate(partnership.funding.grants):
        letter = grant.letter_of_intent
        if letter is None:
            continue
        for writer, tag in letter.languages.items():
            here: Location = ("funding", "grants", index, "letter_of_intent", "languages", writer)
            if writer not in grant.letter_writers:
                writers = ", ".join(grant.letter_writers) or "none"
                problems.append((here, f"'{writer}' writes no letter for this grant (its writers: {writers})"))
            elif tag not in partnership.languages:
                message = (
                    f"'{tag}' is not one of the partnership's languages ({listed}); add it to `languages` "
                    "or write the letter in one of those"
                )
                problems.append((here, message))
    return problems


def _plan_references(partnership: Partnership, known: set[str], current: set[str]) -> list[tuple[Location, str]]:
    # A plan's file is named after its organization, which approves it: one plan per current member.
    problems: list[tuple[Location, str]] = []
    first: dict[str, int] = {}
    for index, plan in enumerate(partnership.plans):
        here: Location = ("plans", index, "organization")
        organization = plan.organization
        if organization in first:
            message = f"'{organization}' already has a plan (plans[{first[organization]}]); write one plan per member"
            problems.append((here, message))
        first.setdefault(organization, index)
        if organization in known and organization not in current:
            message = (
                f"'{organization}' is not a current member (withdrawn or pending), so the partnership builds no plan "
                "for it; remove the plan or change the member's status"
            )
            problems.append((here, message))
        listed: list[tuple[Location, list[ExistingPartner] | list[PotentialPartner]]] = [
            (("background", "existing_partners"), plan.background.existing_partners),
            (("potential_partners",), plan.potential_partners),
        ]
        for section, partners in listed:
            for number, partner in enumerate(partners):
                if partner.member == organization:
                    message = f"'{organization}' is the organization whose plan this is; it cannot be its own partner"
                    problems.append((("plans", index, *section, number, "member"), message))
    return problems


def _goal_references(partnership: Partnership) -> list[tuple[Location, str]]:
    # An evaluation question is tied to a goal by its name; a misspelled name would tie it to nothing.
    names = [goal.name for goal in partnership.goals]
    problems: list[tuple[Location, str]] = []
    for index, question in enumerate(partnership.evaluation.questions):
        if question.goal is not None and question.goal not in names:
            message = f"'{question.goal}' is not the name of any goal under 'goals'"
            close = difflib.get_close_matches(question.goal, names, n=1, cutoff=0.6)
            message += f"; did you mean '{close[0]}'?" if close else f" (goals: {', '.join(names) or 'none'})"
            problems.append((("evaluation", "questions", index, "goal"), message))
    return problems


def _outcome_references(partnership: Partnership) -> list[tuple[Location, str]]:
    # A measure shows progress on an outcome of the logic model, named as it is there; the evaluation plan
    # lists the outcomes no measure shows, so a misspelled name would leave one wrongly listed.
    model = partnership.evaluation.logic_model
    names = [outcome.strip() for outcome in model.outcomes] if model else []
    problems: list[tuple[Location, str]] = []
    for index, metric in enumerate(partnership.evaluation.metrics):
        if metric.outcome is not None and metric.outcome.strip() not in names:
            message = f"'{metric.outcome}' is not an outcome under 'evaluation.logic_model.outcomes'"
            close = difflib.get_close_matches(metric.outcome.strip(), names, n=1, cutoff=0.6)
            message += f"; did you mean '{close[0]}'?" if close else f" (outcomes: {'; '.join(names) or 'none'})"
            problems.append((("evaluation", "metrics", index, "outcome"), message))
    return problems


def unknown_member_message(value: str, known: list[str]) -> str:
    message = f"'{value}' is not the id of any organization under 'members'"
    close = difflib.get_close_matches(value, known, n=1, cutoff=0.6)
    if close:
        message += f"; did you mean '{close[0]}'?"
    return f"{message} (known ids: {', '.join(known)})"


def _duplicates(section: str, ids: list[str], what: str) -> list[tuple[Location, str]]:
    seen: dict[str, int] = {}
    problems: list[tuple[Location, str]] = []
    for index, item_id in enumerate(ids):
        if item_id in seen:
            message = f"the {what} id '{item_id}' is already used by {section}[{seen[item_id]}]; ids must be unique"
            problems.append(((section, index, "id"), message))
        else:
            seen[item_id] = index
    return problems


def _member_references(model: BaseModel, location: Location) -> Iterator[tuple[Location, str]]:
    for name in type(model).model_fields:
        value = getattr(model, name)
        here = (*location, name)
        if _is_member_reference(type(model), name):
            if isinstance(value, str):
                yield here, value
            elif isinstance(value, list):
                yield from (((*here, i), item) for i, item in enumerate(value))
        elif isinstance(value, BaseModel):
            yield from _member_references(value, here)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from _member_references(item, (*here, i))


@cache
def _is_member_reference(model_class: type[BaseModel], field_name: str) -> bool:
    field = model_class.model_fields[field_name]
    return any(isinstance(m, MemberReference) for m in field.metadata) or _mentions_reference(field.annotation)


def _mentions_reference(annotation: Any) -> bool:
    if get_origin(annotation) is Annotated:
        if any(isinstance(m, MemberReference) for m in annotation.__metadata__):
            return True
        return _mentions_reference(get_args(annotation)[0])
    return any(_mentions_reference(arg) for arg in get_args(annotation))
