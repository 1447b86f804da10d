"""The planning documents' figures: the evaluation plan's logic model and the partnership plan's timeline.

Both take the plain rows their document's tables print, so a figure shows what the table shows, in a
shape that is quicker to take in.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.contexts.figure_drawing import ACCENT, INK, bulleted, label, new_graph, rows_of, stack_rows
from pipeline.contexts.figure_emergency import GAP
from pipeline.figures import Figure
from pipeline.formatting import join_and, long_date
from pipeline.i18n import _, _p

DONE = "#E2EFDA"
"""Light green: a task already done."""
_COLUMN_WRAP = 22


def logic_model_figure(
    name: str,
    purpose: tuple[str, str],
    columns: Sequence[tuple[str, Sequence[str]]],
    external_factors: tuple[str, Sequence[str]],
) -> Figure | str:
    """The purpose on top, the columns left to right with arrows (inputs lead to activities...), and the
    outside influences underneath; a column with nothing in it says so instead of disappearing. `purpose` and
    `external_factors` are (label, value or items) as the document's table labels them."""
    (purpose_title, purpose_text), (factors_title, factors) = purpose, external_factors
    if not any(items for _title, items in columns) and not purpose_text:
        return ""
    graph = new_graph()
    graph.attr(nodesep="0.3", ranksep="0.3")
    if purpose_text:
        graph.node("purpose", label(purpose_title, purpose_text, width=70), fillcolor=INK, fontcolor="white")
    nodes = []
    for index, (title, items) in enumerate(columns):
        node = f"column{index}"
        # Translators: shown in a column of the logic model that the members have not filled in.
        text = bulleted(title, items, _COLUMN_WRAP) if items else label(title, _("Not set yet"))
        graph.node(node, text, fillcolor=ACCENT if items else GAP, fontsize="10", width="1.55")
        nodes.append(node)
    with graph.subgraph() as row:
        row.attr(rank="same")
        for left, right in itertools.pairwise(nodes):
            row.edge(left, right)
    if purpose_text:
        graph.edge("purpose", nodes[len(nodes) // 2], style="invis")
    if factors:
        graph.node("external", bulleted(factors_title, factors, 70), fillcolor="white", fontsize="10")
        graph.edge(nodes[len(nodes) // 2], "external", style="invis")
    # Translators: the first sentence of the logic model figure's alt text; {name} is the partnership's name.
    sentences = [_("The logic model of {name}.", name=name)]
    if purpose_text:
        sentences.append(f"{purpose_title}: {purpose_text.rstrip('.')}.")
    for title, items in columns:
        if items:
            sentences.append(f"{title}: {'; '.join(i.rstrip('.') for i in items)}.")
        else:
            # Translators: {part} is a part of the logic model ("Inputs") that the members have not filled in.
            sentences.append(_("{part}: not set yet.", part=title))
    if factors:
        sentences.append(f"{factors_title}: {'; '.join(f.rstrip('.') for f in factors)}.")
    # Translators: {parts} lists the logic model's columns in order ("inputs, activities, outputs and outcomes").
    sentences.append(
        _("Each column leads to the next: {parts}.", parts=join_and(title.lower() for title, _items in columns))
    )
    # Translators: the title of the logic model figure; {name} is the partnership's name.
    return Figure(_("The logic model of {name}", name=name), graph.source, " ".join(sentences))


@dataclass(frozen=True)
class TimelineTask:
    """One task of a plan's timeline, as the plan's table prints it."""

    task: str
    due: dt.date | None
    responsible: str
    done: bool
    past_due: bool
    """As the plan's table says it (as of the plan's date)."""


def timeline_figure(name: str, tasks: Sequence[TimelineTask]) -> Figure | str:
    """The dated tasks in date order, three to a row with arrows from each to the next; done and past-due tasks
    are marked in words and colour, and tasks without a date are listed last."""
    if not tasks:
        return ""
    graph = new_graph()
    dated = sorted((t for t in tasks if t.due), key=lambda t: t.due or dt.date.min)
    undated = [t for t in tasks if not t.due]
    # Translators: the first sentence of the timeline figure's alt text; {plan} names the plan ("Bridgewell’s
    # partnership plan").
    nodes, sentences = [], [_("The timeline of {plan}, in date order.", plan=name)]
    for index, task in enumerate(dated):
        state, fill = _state(task)
        node = f"task{index}"
        # Translators: {responsible} is, as the plan wrote it, who leads a task.
        lead = _("Lead: {responsible}", responsible=task.responsible) if task.responsible else ""
        lines = [long_date(task.due), task.task, lead, state]
        graph.node(node, label(*lines), fillcolor=fill)
        nodes.append(node)
        who = f" ({task.responsible})" if task.responsible else ""
        sentences.append(f"{long_date(task.due)}: {task.task.rstrip('.')}{who}{f', {state.lower()}' if state else ''}.")
    rows = rows_of(nodes, 3)
    stack_rows(graph, rows)
    for left, right in itertools.pairwise(nodes):
        graph.edge(left, right, constraint="false")
    if undated:
        items = [t.task for t in undated]
        graph.node("undated", bulleted(_("No date yet"), items, 60), fillcolor=GAP)
        if rows:
            graph.edge(rows[-1][0], "undated", style="invis")
        # Translators: {tasks} lists the tasks that have no due date, separated by semicolons.
        sentences.append(_("No date yet: {tasks}.", tasks="; ".join(i.rstrip(".") for i in items)))
    # Translators: the title of the timeline figure; {plan} names the plan ("Bridgewell’s partnership plan").
    return Figure(_("The timeline of {plan}", plan=name), graph.source, " ".join(sentences))


def _state(task: TimelineTask) -> tuple[str, str]:
    if task.done:
        return _p("task status", "Done"), DONE
    if task.past_due:
        return _p("task status", "Past due"), GAP
    return "", "white"
