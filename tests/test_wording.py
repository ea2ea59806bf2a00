"""What the designer says to a non-developer keeps to the form's words.

The reader is an AV administrator who ticks boxes under 'Loads in' and 'Available to' and never
read the JSON formats. A file key such as ``participantRoles`` means nothing to them alone; it
may follow the plain words in brackets ("'Available to' (participantRoles)"), for whoever opens
the file, or be quoted as what the file holds ("'isSettingsBranded' is written twice"). This
test produces every problem the broken-package tables make, applies each fix, and fails on a
key standing bare in a message, a Fix title, the step a fix names (Edit ▸ Undo, ``check --fix``),
or a code's title and reason (Help ▸ Problem Codes, the README): new jargon fails CI.
"""

from __future__ import annotations

import re
from pathlib import Path

from broken_cases import CASES, make_webapp2
from test_deep_checks import JS, JS_CASES, SVG, SVG_CASES

from designer.core.checks import run_checks
from designer.core.fixes import apply_fix
from designer.core.model import load
from designer.core.problems import CODES

# File keys that may appear only inside brackets or quotes, after the plain words.
FORMAT_KEYS = ("srcURL", "participantRoles", "menuItems", "allowUnload", "brandingID", "isSettingsBranded")
_KEY = re.compile(r"\b(" + "|".join(FORMAT_KEYS) + r")\b")


def bare_keys(text: str) -> list[str]:
    """The format keys of ``text`` that stand outside any (...), '...' or "..."."""
    # A quote opens and closes next to no letter (the apostrophe of "file's" is no quote).
    quoted = [m.span() for m in re.finditer(r"(?<!\w)(['\"])(?:(?!\1).)*?\1(?!\w)", text)]
    found = []
    for m in _KEY.finditer(text):
        before = text[: m.start()]
        in_brackets = before.count("(") > before.count(")")
        in_quotes = any(start < m.start() and m.end() < end for start, end in quoted)
        if not in_brackets and not in_quotes:
            found.append(m.group(0))
    return found


def test_bare_keys_finds_a_bare_key_and_passes_a_bracketed_or_quoted_one() -> None:
    assert bare_keys("isSettingsBranded must be true") == ["isSettingsBranded"]
    assert bare_keys("'Record' has no participantRoles list.") == ["participantRoles"]
    assert bare_keys("Set brandingID to 17") == ["brandingID"]
    assert bare_keys("'Available to' (participantRoles) is empty") == []
    assert bare_keys("'isSettingsBranded' is written twice; the file's srcURL") == ["srcURL"]
    assert bare_keys("the package file (srcURL: its *.plugin.package.json) ") == []


def _said(root: Path, tag: str, out: list[tuple[str, str]]) -> None:
    for problem in run_checks(load(root)):
        out.append((f"{tag} {problem.code} message", problem.message))
        if problem.fix is not None:
            out.append((f"{tag} {problem.code} Fix title", problem.fix.title))
            out.append((f"{tag} {problem.code} step the fix names", apply_fix(load(root), problem.fix)))


def test_no_format_key_stands_bare_in_what_the_checks_and_fixes_say(tmp_path: Path) -> None:
    said: list[tuple[str, str]] = []
    for i, case in enumerate(CASES):
        _said(make_webapp2(tmp_path / f"c{i}", case.mutate), case.name, said)
    for name, cases, rel in (("js", JS_CASES, JS), ("svg", SVG_CASES, SVG)):
        for code, (bad, _good) in cases.items():
            root = make_webapp2(tmp_path / f"{name}{code}")
            (root / rel).write_text(bad, encoding="utf-8")
            _said(root, f"{name}-{code}", said)
    for code in CODES.values():
        said.append((f"{code.code} title", code.title))
        said.append((f"{code.code} reason", code.why))
    assert len(said) > 300  # the tables still produce what they did
    jargon = [f"{where}: {text}" for where, text in said if bare_keys(text)]
    assert not jargon, "say it in the form's words, the key in brackets after them:\n" + "\n".join(jargon)


def restated(text: str) -> list[str]:
    """The places where ``text`` says a thing and then, after a colon, says it again ("The icon
    declares entities: it declares entities")."""
    pattern = re.compile(r"\b(\w+ \w+): (?:it |they |which )?\1\b", re.IGNORECASE)
    return [m.group(0) for m in pattern.finditer(text)]


def test_restated_finds_a_phrase_said_again_after_its_colon() -> None:
    assert restated("The icon x.svg declares entities: it declares entities (<!ENTITY>).") == [
        "declares entities: it declares entities"
    ]
    assert restated("The icon x.svg contains a script: a <script> element.") == []
    assert restated("written as { id: ..., load: load }") == []  # (code, one word)


def test_no_message_says_the_same_thing_twice(tmp_path: Path) -> None:
    said: list[tuple[str, str]] = []
    for name, cases, rel in (("js", JS_CASES, JS), ("svg", SVG_CASES, SVG)):
        for code, (bad, _good) in cases.items():
            root = make_webapp2(tmp_path / f"{name}{code}")
            (root / rel).write_text(bad, encoding="utf-8")
            _said(root, f"{name}-{code}", said)
    for i, case in enumerate(CASES):
        _said(make_webapp2(tmp_path / f"c{i}", case.mutate), case.name, said)
    assert any(where.startswith("svg-PD411 PD411 message") for where, _ in said)
    twice = [f"{where}: {text}" for where, text in said if restated(text)]
    assert not twice, "say it once:\n" + "\n".join(twice)


def test_a_menu_item_is_named_by_one_rule_in_the_form_and_the_fixes() -> None:
    """PD102's icon Fix (core) had its own copy of the form's rule for naming an item in an undo
    step; both use item_named: its label, else its action, else its place."""
    from designer.core.model import MenuItem
    from designer.core.wording import item_named

    assert item_named(MenuItem(icon=None, label="Record", action="record"), 0) == "'Record'"
    assert item_named(MenuItem(icon=None, label=None, action="record"), 0, "menu item ") == "menu item 'record'"
    assert item_named(MenuItem(icon=None, label=None, action=None), 1, "menu item ") == "menu item 2"
    assert item_named(None, 2) == "menu item 3"
