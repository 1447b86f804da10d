"""The emergency guide's figures: the orders of succession, and the call tree.

Both are drawn from the rows the guide's tables print (already worked out for the guide's audience), so a
figure never shows more than its table; they name positions and organizations, never contact details.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from pipeline.contexts.figure_drawing import ACCENT, INK, label, new_graph, rows_of, stack_rows
from pipeline.figures import Figure
from pipeline.i18n import N_, _


class SuccessorRow(Protocol):
    """A row of the guide's succession table (pipeline.contexts.emergency_response_guide, which imports this)."""

    @property
    def rank(self) -> str: ...
    @property
    def position(self) -> str: ...
    @property
    def organization(self) -> str: ...
    @property
    def withdrawn(self) -> bool: ...
    @property
    def untied(self) -> bool: ...


class SuccessionTable(Protocol):
    @property
    def role(self) -> str: ...
    @property
    def rows(self) -> Sequence[SuccessorRow]: ...


class CallTreeRow(Protocol):
    """A row of the guide's call tree: its number, organization lines, first primary and backup lines, and the
    gaps those show ('No backup named'), which the figure marks."""

    @property
    def order(self) -> str: ...
    @property
    def organization(self) -> Sequence[str]: ...
    @property
    def primary(self) -> Sequence[str]: ...
    @property
    def backup(self) -> Sequence[str]: ...
    @property
    def gaps(self) -> Sequence[str]: ...


GAP = "#FBE5D6"
"""Light orange: a gap the reader should see at a glance (the tables say 'gap' in words)."""
_PER_ROW = 3
UNTIED = N_("Not tied to one member")
"""What the succession table says of a position no member holds (in English: translate it where it is printed);
the figure then names only the position."""


def succession_figure(partnership_name: str, tables: Sequence[SuccessionTable]) -> Figure | str:
    """One row per leadership role: the role, then each position that steps in, first to last."""
    if not tables:
        return ""
    graph = new_graph("LR")
    graph.attr(ranksep="0.3", nodesep="0.2")
    # Translators: the start of the figure's description for screen readers; {partnership} is its name.
    sentences = [_("Orders of succession of {partnership}.", partnership=partnership_name)]
    for index, table in enumerate(tables):
        role = f"role{index}"
        graph.node(role, label(table.role, width=18), fillcolor=INK, fontcolor="white")
        previous = role
        steps = []
        for rank, row in enumerate(table.rows):
            node = f"role{index}step{rank}"
            organization = "" if row.untied or row.organization in row.position else row.organization
            graph.node(
                node,
                label(
                    f"{row.rank}: {row.position}",
                    organization,
                    width=22,
                ),
                fillcolor=GAP if row.withdrawn else ACCENT,
            )
            graph.edge(previous, node)
            previous = node
            steps.append(f"{row.position} ({organization})" if organization else row.position)
        sentences.append(_("{role}: {positions}.", role=table.role, positions=_in_order(steps)))
    with graph.subgraph() as column:  # the roles one under the other, in one column
        column.attr(rank="same")
        for index in range(1, len(tables)):
            column.edge(f"role{index - 1}", f"role{index}", style="invis")
    return Figure(_("Who steps in, in order"), graph.source, " ".join(sentences))


def _in_order(steps: Sequence[str]) -> str:
    """'A; then B; then C': positions in the order they step in."""
    text = steps[0] if steps else ""
    for step in steps[1:]:
        # Translators: joins the positions of an order of succession, first to last: 'A; then B', then '…; then C'.
        text = _("{earlier}; then {later}", earlier=text, later=step)
    return text


def call_tree_figure(caller: str, rows: Sequence[CallTreeRow], check_in_hours: str) -> Figure | str:
    """The caller, then every member in the order called; a member with a gap (no backup, no contact) shows it."""
    if not rows:
        return ""
    graph = new_graph()
    # Translators: {caller} is who runs the call tree ('the Task Force Coordinator', 'the core group'); the text
    # heads the figure, so its first letter is made a capital.
    calls = _("{caller} calls each member, in this order", caller=caller)
    graph.node("caller", label(calls[:1].upper() + calls[1:], width=40), fillcolor=INK, fontcolor="white")
    nodes, parts = [], []
    with graph.subgraph(name="cluster_members") as cluster:
        cluster.attr(margin="10")
        for row in rows:
            name, notes = row.organization[0], row.organization[1:]
            gaps = list(row.gaps)
            node = f"member{row.order}"
            cluster.node(node, label(f"{row.order}. {name}", *notes, *gaps), fillcolor=GAP if gaps else "white")
            nodes.append(node)
            described = ", ".join([*notes, *(gap[:1].lower() + gap[1:] for gap in gaps)])
            parts.append(f"{row.order}. {name}" + (f" ({described})" if described else ""))
        stack_rows(cluster, rows_of(nodes, _PER_ROW))
    for node in nodes[:_PER_ROW]:
        graph.edge("caller", node)
    if check_in_hours.strip("_ "):
        # Translators: {hours} is a number of hours, as the partnership writes it.
        check_in = _("Every member checks in within {hours} hours", hours=check_in_hours)
    else:
        check_in = _("Every member checks in by the time the guide sets")
    graph.node("check_in", label(check_in, width=36), fillcolor=ACCENT)
    graph.edge(nodes[-1 - (len(nodes) - 1) % _PER_ROW], "check_in", style="invis")
    # Translators: the figure's description for screen readers; {caller} as above, {members} the numbered list
    # of members ('1. Sheriff's Office (Co-lead); 2. Bridgewell'), {check_in} the sentence 'Every member checks
    # in within 24 hours'.
    alt = _(
        "The call tree: {caller} calls each member in this order: {members}. {check_in}.",
        caller=caller,
        members="; ".join(parts),
        check_in=check_in,
    )
    return Figure(_("The call tree"), graph.source, alt)
