"""One level of indentation as a source writes it, and code written with four spaces a level
put in that way.

A module of its own, importing nothing: the source editor asks it for every file it opens,
and the time to open a file counts to the millisecond (see bench/keystroke.py).
"""

from __future__ import annotations

__all__ = ["indent_unit", "reindented", "unit_under"]


def indent_unit(source: str) -> str:
    """One level of indentation as ``source`` writes it: a tab, or the number of spaces its
    lines step in by most often (four when it says nothing: one line, or no indented lines).

    Why: code the designer writes into a plugin (a function for a new action, "Make it do")
    was indented with four spaces in sources indented with tabs or two spaces, a mix that
    linters and the user's own editor then flag line by line.
    """
    steps: dict[str, int] = {}
    before = 0
    for line in _first_lines(source, 1000):  # (enough to tell, and quick on a 10,000-line file)
        body = line.lstrip(" \t")
        if not body or body.startswith("*"):  # blank, or inside a /** ... */ block
            continue
        lead = line[: len(line) - len(body)]
        if lead.startswith("\t"):
            steps["\t"] = steps.get("\t", 0) + 1
            before = 0
            continue
        width = len(lead)
        if 1 < width - before <= 8:
            step = " " * (width - before)
            steps[step] = steps.get(step, 0) + 1
        before = width
    if not steps:
        return "    "
    return max(steps, key=lambda s: (steps[s], s == "    "))


def unit_under(indent: str, unit: str) -> str:
    """One level of indentation for code written under a line indented with ``indent``, in a
    source whose level is ``unit``: that unit, unless the line is indented with the other kind
    (spaces in a file of tabs, as a function pasted into it; a tab in a file of spaces), where it
    is a level of that kind (four spaces, or two under a line of two, six, ...).

    Why: in a file mixing them, code written under a line of spaces got those spaces then a tab
    (``"    \t"``), which every editor showed at another depth and linters flagged.
    """
    if unit == "\t" and indent.endswith(" "):
        return "    " if len(indent) % 4 == 0 else "  "
    if unit != "\t" and indent.endswith("\t"):
        return "\t"
    return unit


def _first_lines(source: str, count: int) -> list[str]:
    """The first ``count`` lines of ``source``, whichever line ends it has. Why not LF alone: a
    source of lone-CR line ends (classic Mac) was one line, so four spaces a level were said for
    one indented with tabs. (A CRLF line's CR leaves a blank behind, which counts for nothing.)"""
    lines = source.split("\n", count)[:count]
    if "\r" not in source:
        return lines
    return [part for line in lines for part in line.split("\r", count)[:count]][:count]


def reindented(lines: list[str], unit: str) -> list[str]:
    """``lines`` written with four spaces a level, each level as ``unit`` instead (a rest of
    fewer than four spaces, an aligned continuation, is kept as it is)."""
    if unit == "    ":
        return lines
    out = []
    for line in lines:
        lead = len(line) - len(line.lstrip(" "))
        out.append(unit * (lead // 4) + " " * (lead % 4) + line[lead:])
    return out
