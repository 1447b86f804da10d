"""The emergency guide's figures: the orders of succession, and the call tree.

Both are drawn from the rows the guide's tables print (already worked out for the guide's audience), so a
figure never shows more than its table; they name positions and organizations, never contact details.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from pipeline.contexts.figure_drawing import ACCENT, INK, label, new_graph, rows_of, stack_rows
from pipeline.figures import Figure


class SuccessorRow(Protocol):
    """A row of the guide's succession table (pipeline.contexts.emergency_response_guide, which imports this)."""

    @property
    def rank(self) -> str: ...
    @property
    def position(self) -> str: ...
    @property
    def organization(self) -> str: ...


class SuccessionTable(Protocol):
    @property
    def role(self) -> str: ...
    @property
    def rows(self) -> Sequence[SuccessorRow]: ...


class CallTreeRow(Protocol):
    """A row of the guide's call tree: its number, organization lines, and first primary and backup lines."""

    @property
    def order(self) -> str: ...
    @property
    def organization(self) -> Sequence[str]: ...
    @property
    def primary(self) -> Sequence[str]: ...
    @property
    def backup(self) -> Sequence[str]: ...


GAP = "#FBE5D6"
"""Light orange: a gap the reader should see at a glance (the tables say 'gap' in words)."""
_PER_ROW = 3
UNTIED = "Not tied to one member"
"""What the succession table says of a position no member holds; the figure then names only the position."""


def succession_figure(partnership_name: str, tables: Sequence[SuccessionTable]) -> Figure | str:
    """One row per leadership role: the role, then each position that steps in, first to last."""
    if not tables:
        return ""
    graph = new_graph("LR")
    graph.attr(ranksep="0.3", nodesep="0.2")
    sentences = [f"Orders of succession of {partnership_name}."]
    for index, table in enumerate(tables):
        role = f"role{index}"
        graph.node(role, label(table.role, width=18), fillcolor=INK, fontcolor="white")
        previous = role
        steps = []
        for rank, row in enumerate(table.rows):
            node = f"role{index}step{rank}"
            organization = "" if row.organization == UNTIED or row.organization in row.position else row.organization
            withdrawn = row.organization.endswith("(withdrawn)")
            graph.node(
                node,
                label(
                    f"{row.rank}: {row.position}",
                    organization,
                    width=22,
                ),
                fillcolor=GAP if withdrawn else ACCENT,
            )
            graph.edge(previous, node)
            previous = node
            steps.append(f"{row.position} ({organization})" if organization else row.position)
        sentences.append(f"{table.role}: {'; then '.join(steps)}.")
    with graph.subgraph() as column:  # the roles one under the other, in one column
        column.attr(rank="same")
        for index in range(1, len(tables)):
            column.edge(f"role{index - 1}", f"role{index}", style="invis")
    return Figure("Who steps in, in order", graph.source, " ".join(sentences))


def call_tree_figure(caller: str, rows: Sequence[CallTreeRow], check_in_hours: str) -> Figure | str:
    """The caller, then every member in the order called; a member with a gap (no backup, no contact) shows it."""
    if not rows:
        return ""
    graph = new_graph()
    calls = f"{caller[:1].upper()}{caller[1:]} calls each member, in this order"
    graph.node("caller", label(calls, width=40), fillcolor=INK, fontcolor="white")
    nodes, parts = [], []
    with graph.subgraph(name="cluster_members") as cluster:
        cluster.attr(margin="10")
        for row in rows:
            name, notes = row.organization[0], row.organization[1:]
            gaps = [
                line.removesuffix(": gap") for line in (*row.primary[:1], *row.backup[:1]) if line.endswith(": gap")
            ]
            node = f"member{row.order}"
            cluster.node(node, label(f"{row.order}. {name}", *notes, *gaps), fillcolor=GAP if gaps else "white")
            nodes.append(node)
            described = ", ".join([*notes, *(gap[:1].lower() + gap[1:] for gap in gaps)])
            parts.append(f"{row.order}. {name}" + (f" ({described})" if described else ""))
        stack_rows(cluster, rows_of(nodes, _PER_ROW))
    for node in nodes[:_PER_ROW]:
        graph.edge("caller", node)
    hours = f"within {check_in_hours} hours" if check_in_hours.strip("_ ") else "by the time the guide sets"
    graph.node("check_in", label(f"Every member checks in {hours}", width=36), fillcolor=ACCENT)
    graph.edge(nodes[-1 - (len(nodes) - 1) % _PER_ROW], "check_in", style="invis")
    alt = (
        f"The call tree: {caller} calls each member in this order: {'; '.join(parts)}. Every member checks in {hours}."
    )
    return Figure("The call tree", graph.source, alt)
