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
    if not any(items for _, items in columns) and not purpose_text:
        return ""
    graph = new_graph()
    graph.attr(nodesep="0.3", ranksep="0.3")
    if purpose_text:
        graph.node("purpose", label(purpose_title, purpose_text, width=70), fillcolor=INK, fontcolor="white")
    nodes = []
    for index, (title, items) in enumerate(columns):
        node = f"column{index}"
        text = bulleted(title, items, _COLUMN_WRAP) if items else label(title, "Not set yet")
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
    sentences = [f"The logic model of {name}."]
    if purpose_text:
        sentences.append(f"{purpose_title}: {purpose_text.rstrip('.')}.")
    for title, items in columns:
        sentences.append(f"{title}: {'; '.join(i.rstrip('.') for i in items)}." if items else f"{title}: not set yet.")
    if factors:
        sentences.append(f"{factors_title}: {'; '.join(f.rstrip('.') for f in factors)}.")
    sentences.append(f"Each column leads to the next: {join_and(title.lower() for title, _ in columns)}.")
    return Figure(f"The logic model of {name}", graph.source, " ".join(sentences))


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
    nodes, sentences = [], [f"The timeline of {name}, in date order."]
    for index, task in enumerate(dated):
        state, fill = _state(task)
        node = f"task{index}"
        lines = [long_date(task.due), task.task, f"Lead: {task.responsible}" if task.responsible else "", state]
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
        graph.node("undated", bulleted("No date yet", items, 60), fillcolor=GAP)
        if rows:
            graph.edge(rows[-1][0], "undated", style="invis")
        sentences.append(f"No date yet: {'; '.join(i.rstrip('.') for i in items)}.")
    return Figure(f"The timeline of {name}", graph.source, " ".join(sentences))


def _state(task: TimelineTask) -> tuple[str, str]:
    if task.done:
        return "Done", DONE
    if task.past_due:
        return "Past due", GAP
    return "", "white"
