"""The slips people make when they edit settings.json, manifest.json or a package file by hand
in Notepad (a missing comma, ...) are each one click, or ``check --fix``, away from a file that
reads: the slip is repaired, every other byte stays (layout, key order, line ends, a byte-order
mark), and the PD100 says where it is in plain words. A Fix is offered only when it is certain.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from test_trailing_comma_fix import _break, _pd100

from designer.cli import main
from designer.core.checks import run_checks
from designer.core.fixes import apply_fix
from designer.core.model import load, save
from designer.core.resources import resource

DEMO = resource("examples", "demo")
LOCK = "plugins/lock-toggle/lock-toggle.plugin.package.json"
INFO = "plugins/meeting-info/meeting-info.plugin.package.json"


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    shutil.copytree(DEMO, tmp_path / "demo")
    return tmp_path / "demo"


CURLY = (
    'curly quotes (“ ” or ‘ ’, as Word and Outlook type them) are not allowed in JSON; use straight double quotes (")'
)

COMMENT = "JSON does not allow comments (// or /* */); remove the comment"

# The Fix button of each kind of slip
TITLES = {
    "add-missing-comma": "Add the missing comma",
    "use-double-quotes": "Use double quotes",
    "straighten-quotes": "Use straight quotes",
    "remove-comments": "Remove the comments",
    "quote-names": "Put the names in double quotes",
    "lowercase-constants": "Write true, false and null in small letters",
}

# (kind, file, text as it was, text broken, where the PD100 points (line, column), its message,
# what the Fix says it did)
SLIPS = [
    pytest.param(
        "add-missing-comma",
        "settings.json",
        'lock-toggle.plugin.package.json",',
        'lock-toggle.plugin.package.json"',
        (5, 76),
        "a comma is missing between two entries; add a comma here",
        "Add the missing comma on line 5 of settings.json",
        id="missing-comma-between-keys",
    ),
    pytest.param(
        "add-missing-comma",
        "settings.json",
        '        },\n        {\n            "id": "meeting-info"',
        '        }\n        {\n            "id": "meeting-info"',
        (7, 10),
        "a comma is missing between two entries; add a comma here",
        "Add the missing comma on line 7 of settings.json",
        id="missing-comma-between-plugins",
    ),
    pytest.param(
        "use-double-quotes",
        LOCK,
        '"name": "Lock toggle"',
        "'name': 'Lock toggle'",
        (3, 5),
        "JSON needs double quotes around names and text, not single quotes",
        f"Replace the single quotes with double quotes on line 3 of {LOCK}",
        id="single-quotes",
    ),
    pytest.param(
        "use-double-quotes",
        "settings.json",
        '"id": "meeting-info"',
        "'id': \"meeting-info\"",
        (9, 13),
        "JSON needs double quotes around names and text, not single quotes",
        "Replace the single quotes with double quotes on line 9 of settings.json",
        id="single-quoted-name",
    ),
    pytest.param(
        "straighten-quotes",
        LOCK,
        '"name": "Lock toggle"',
        "“name”: “Lock toggle”",
        (3, 5),
        CURLY,
        f"Replace the curly quotes with straight quotes on line 3 of {LOCK}",
        id="curly-double-quotes",
    ),
    pytest.param(
        "straighten-quotes",
        "settings.json",
        '"id": "meeting-info"',
        "‘id’: ‘meeting-info’",
        (9, 13),
        CURLY,
        "Replace the curly quotes with straight quotes on line 9 of settings.json",
        id="curly-single-quotes",
    ),
    pytest.param(
        "straighten-quotes",
        "manifest.json",
        '"brandingID": 1732492800000,\n    "isSettingsBranded"',
        "“brandingID”: 1732492800000,\n    “isSettingsBranded”",
        (2, 5),
        CURLY,
        "Replace the curly quotes with straight quotes on lines 2 and 3 of manifest.json",
        id="curly-quotes-from-word",
    ),
    pytest.param(
        "remove-comments",
        "settings.json",
        '{\n    "plugins"',
        '{\n    // the plugins the app loads\n    "plugins"',
        (2, 5),
        COMMENT,
        "Remove the comment on line 2 of settings.json",
        id="comment-line",
    ),
    pytest.param(
        "remove-comments",
        LOCK,
        '"allowUnload": true,',
        '"allowUnload": true, // so it can be switched off',
        (7, 26),
        COMMENT,
        f"Remove the comment on line 7 of {LOCK}",
        id="comment-after-an-entry",
    ),
    pytest.param(
        "remove-comments",
        "manifest.json",
        '{\n    "brandingID": 1732492800000,\n    "isSettingsBranded": true',
        '{\n    /* uploaded\n       on Monday */\n    "brandingID": 1732492800000,\n'
        '    "isSettingsBranded": /* yes */ true // needed',
        (2, 5),
        COMMENT,
        "Remove the comments on lines 2 and 5 of manifest.json",
        id="block-comments",
    ),
    pytest.param(
        "quote-names",
        "settings.json",
        '"id": "meeting-info",\n            "srcURL"',
        'id: "meeting-info",\n            srcURL',
        (9, 13),
        "a name must be in double quotes in JSON",
        "Put the names in double quotes on lines 9 and 10 of settings.json",
        id="names-without-quotes",
    ),
    pytest.param(
        "quote-names",
        LOCK,
        '"allowUnload": true',
        "allowUnload: true",
        (7, 5),
        "a name must be in double quotes in JSON",
        f"Put the name in double quotes on line 7 of {LOCK}",
        id="name-without-quotes",
    ),
    pytest.param(
        "lowercase-constants",
        "settings.json",
        '"enabled": true\n        },\n        {\n            "id": "meeting-info"',
        '"enabled": True\n        },\n        {\n            "id": "meeting-info"',
        (6, 24),
        "JSON writes true, false and null in small letters (not True, False or None)",
        "Write true, false and null in small letters on line 6 of settings.json",
        id="capital-true",
    ),
    pytest.param(
        "lowercase-constants",
        LOCK,
        '"icon": null,\n                "label": null,',
        '"icon": None,\n                "label": NULL,',
        (20, 25),
        "JSON writes true, false and null in small letters (not True, False or None)",
        f"Write true, false and null in small letters on lines 20 and 21 of {LOCK}",
        id="none-and-capital-null",
    ),
]


@pytest.mark.parametrize(("kind", "rel", "old", "new", "where", "message", "said"), SLIPS)
def test_the_slip_is_repaired_and_nothing_else_changes(
    demo: Path, kind: str, rel: str, old: str, new: str, where: tuple[int, int], message: str, said: str
) -> None:
    clean = (demo / "webapp2" / rel).read_bytes()
    _break(demo, rel, old, new)
    pkg = load(demo)
    (problem,) = _pd100(pkg)
    assert problem.file == rel and (problem.line, problem.column) == where
    assert problem.message == f"{rel} is not valid JSON: {message}."
    assert problem.fix is not None and problem.fix.kind == kind
    assert apply_fix(pkg, problem.fix) == said
    assert run_checks(pkg) == []  # read again in place: its plugins are back, with no problem
    assert len(pkg.plugins) == 3
    assert save(pkg) == [rel]
    assert (demo / "webapp2" / rel).read_bytes() == clean


@pytest.mark.parametrize(("kind", "rel", "old", "new", "where", "message", "said"), SLIPS)
def test_check_fix_repairs_a_broken_copy_of_the_example_and_strict_then_passes(
    demo: Path, capsys, kind: str, rel: str, old: str, new: str, where: tuple[int, int], message: str, said: str
) -> None:
    clean = (demo / "webapp2" / rel).read_bytes()
    _break(demo, rel, old, new)
    assert main(["check", "--strict", str(demo)]) == 1
    assert main(["check", "--fix", str(demo)]) == 0
    assert f"fixed: {said}" in capsys.readouterr().out
    assert main(["check", "--strict", str(demo)]) == 0
    assert (demo / "webapp2" / rel).read_bytes() == clean


def test_crlf_line_ends_and_a_byte_order_mark_stay(demo: Path) -> None:
    path = demo / "webapp2" / "settings.json"
    clean = b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n")
    path.write_bytes(clean.replace(b"},\r\n", b"}\r\n", 1))
    pkg = load(demo)
    (problem,) = _pd100(pkg)
    assert (problem.line, problem.column) == (7, 10)
    assert apply_fix(pkg, problem.fix) == "Add the missing comma on line 7 of settings.json"
    save(pkg)
    assert path.read_bytes() == clean


@pytest.mark.parametrize(
    ("rel", "old", "new"),
    [
        # a quote left open inside a text looks like a missing comma to the decoder
        (LOCK, '"Lock toggle"', '"Lock "toggle" button"'),
        (LOCK, '"Lock toggle"', '"Lock ""toggle"'),
        # a comma missing before something that cannot follow
        ("settings.json", '"enabled": true\n        },', '"enabled": true\n        }\n        ]'),
        # a name where a list wants values: more than a comma is wrong
        (LOCK, '"web",', '"web"\n        "electron": 1,'),
        # an apostrophe inside single quotes: where the text ends is a guess
        (LOCK, '"Lock toggle"', "'Lock's toggle'"),
        # single quotes left open to the end of the line
        (LOCK, '"Lock toggle"', "'Lock toggle"),
        # an apostrophe inside curly single quotes, a curly quote left open
        (LOCK, '"Lock toggle"', "‘Lock’s toggle’"),
        (LOCK, '"Lock toggle"', "“Lock toggle"),
        # a comment never closed, a "comment" where the value should be (a link without quotes)
        (LOCK, '"allowUnload": true,', '"allowUnload": true, /* so it can be switched off'),
        (LOCK, '"lock-toggle.plugin.js"', "//cdn.example.com/lock-toggle.plugin.js"),
        # a name with a blank or a dash in it, a text without quotes
        (LOCK, '"allowUnload"', "allow Unload"),
        (LOCK, '"allowUnload"', "allow-unload"),
        (LOCK, '"Lock toggle"', "Lock"),
        # a word that only starts like one of them
        (LOCK, '"allowUnload": true', '"allowUnload": Trueish'),
    ],
)
def test_no_fix_is_offered_when_the_repair_would_be_a_guess(demo: Path, rel: str, old: str, new: str) -> None:
    _break(demo, rel, old, new)
    (problem,) = _pd100(load(demo))
    assert problem.fix is None


def test_a_missing_comma_before_a_name_in_low_curly_quotes_is_repaired_then_the_quotes(demo: Path, capsys) -> None:
    """German keyboards and Word type ‚name‘ (U+201A then U+2018): a comma missing before such a
    name got no Fix, though a name in „ “ got one."""
    clean = (demo / "webapp2" / "settings.json").read_bytes()
    _break(
        demo,
        "settings.json",
        '"id": "meeting-info",\n            "srcURL"',
        '"id": "meeting-info"\n            ‚srcURL‘',
    )
    (problem,) = _pd100(load(demo))
    assert problem.fix is not None and problem.fix.kind == "add-missing-comma"
    assert (problem.line, problem.column) == (9, 33)
    assert main(["check", "--fix", str(demo)]) == 0
    out = capsys.readouterr().out
    assert "fixed: Add the missing comma on line 9 of settings.json" in out
    assert "fixed: Replace the curly quotes with straight quotes on line 10 of settings.json" in out
    assert (demo / "webapp2" / "settings.json").read_bytes() == clean


def test_a_double_quote_inside_single_quotes_is_escaped_and_an_escaped_single_quote_is_plain(demo: Path) -> None:
    _break(demo, LOCK, '"Adds a toolbar button', "'Adds a \"toolbar\" button, isn\\'t it")
    _break(demo, LOCK, 'the meeting.",', "the meeting.',")
    pkg = load(demo)
    (problem,) = _pd100(pkg)
    apply_fix(pkg, problem.fix)
    assert run_checks(pkg) == []
    save(pkg)
    line = (demo / "webapp2" / LOCK).read_text(encoding="utf-8").splitlines()[3]
    assert (
        line
        == '    "description": "Adds a \\"toolbar\\" button, isn\'t it that lets the host lock or unlock the meeting.",'
    )


def test_curly_quotes_inside_a_text_stay(demo: Path) -> None:
    clean = _break(demo, LOCK, '"Lock toggle"', '"Lock “toggle”"')
    _break(demo, LOCK, '"web"', "“web”")
    pkg = load(demo)
    (problem,) = _pd100(pkg)
    assert (problem.line, problem.column) == (9, 9)
    apply_fix(pkg, problem.fix)
    save(pkg)
    assert (demo / "webapp2" / LOCK).read_bytes() == clean
    assert pkg.plugins[0].package.name == "Lock “toggle”"


def test_a_comment_after_a_last_comma_goes_then_the_comma(demo: Path, capsys) -> None:
    clean = (demo / "webapp2" / "settings.json").read_bytes()
    _break(demo, "settings.json", '"enabled": true\n        }\n    ]', '"enabled": true, // on\n        }\n    ]')
    (problem,) = _pd100(load(demo))
    assert problem.fix.kind == "remove-comments" and (problem.line, problem.column) == (16, 30)
    assert main(["check", "--fix", str(demo)]) == 0
    out = capsys.readouterr().out
    assert "fixed: Remove the comment on line 16 of settings.json" in out
    assert "fixed: Remove the comma after the last entry on line 16 of settings.json" in out
    assert (demo / "webapp2" / "settings.json").read_bytes() == clean


def test_several_slips_in_one_file_are_repaired_one_after_another(demo: Path, capsys) -> None:
    clean = (demo / "webapp2" / "settings.json").read_bytes()
    _break(demo, "settings.json", "        },\n", "        }\n")
    _break(demo, "settings.json", '"enabled": true\n        }\n    ]', '"enabled": true,\n        }\n    ]')
    _break(demo, "settings.json", '"id": "meeting-info",', '"id": "meeting-info"')
    assert main(["check", "--fix", str(demo)]) == 0
    out = capsys.readouterr().out
    assert "fixed: Add the missing commas on lines 7 and 9 of settings.json" in out
    assert "fixed: Remove the comma after the last entry on line 16 of settings.json" in out
    assert main(["check", "--strict", str(demo)]) == 0
    assert (demo / "webapp2" / "settings.json").read_bytes() == clean


def _rows(window) -> list[tuple[str, str]]:
    return [(row.text(2), row.text(0)) for row in window.problems_view.problem_items()]


@pytest.mark.parametrize(("kind", "rel", "old", "new", "where", "message", "said"), SLIPS)
def test_the_fix_button_repairs_the_file_and_undo_brings_the_slip_back(
    window, qtbot, demo: Path, kind: str, rel: str, old: str, new: str, where, message: str, said: str
) -> None:
    from PySide6.QtCore import Qt

    path = demo / "webapp2" / rel
    clean = path.read_bytes()
    broken = _break(demo, rel, old, new)
    window.open_path(demo)
    (row,) = window.problems_view.problem_items()
    assert row.text(2) == "PD100" and row.text(0) == f"{rel} is not valid JSON: {message}."
    button = window.problems_view.itemWidget(row, 3)
    assert button is not None and button.text() == TITLES[kind]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _rows(window) == [])
    assert window.status.text() == f"Fixed: {said}. Undo with Ctrl+Z."
    qtbot.keySequence(window, "Ctrl+S")
    assert path.read_bytes() == clean
    qtbot.keySequence(window, "Ctrl+Z")
    qtbot.waitUntil(lambda: [code for code, _ in _rows(window)] == ["PD100"])
    qtbot.keySequence(window, "Ctrl+S")
    assert path.read_bytes() == broken


def _many_single_quoted_plugins(root: Path, count: int) -> None:
    entries = ",\n".join(
        f"        {{\n            'id': 'p{i}',\n            'srcURL': 'plugins/p{i}/p.plugin.package.json',\n"
        "            'enabled': true\n        }"
        for i in range(count)
    )
    (root / "webapp2" / "settings.json").write_text("{\n    'plugins': [\n" + entries + "\n    ]\n}\n")


def test_a_large_file_full_of_slips_is_not_read_again_thousands_of_times(demo: Path) -> None:
    """Each repair reads the whole text again; a settings.json of 2,000 entries in single quotes
    (10,000 slips) was read 10,000 times before the window showed it. Past the budget no Fix is
    offered (what was not read cannot be known to be right); the message still says what is wrong."""
    _many_single_quoted_plugins(demo, 2000)
    (problem,) = _pd100(load(demo))
    assert (problem.line, problem.column, problem.fix) == (2, 5, None)
    assert "not single quotes" in problem.message


def test_a_file_with_many_slips_is_repaired_whole(demo: Path) -> None:
    _many_single_quoted_plugins(demo, 40)
    pkg = load(demo)
    (problem,) = _pd100(pkg)
    said = apply_fix(pkg, problem.fix)
    assert said.startswith("Replace the single quotes with double quotes on lines 2, 4, 5, 6, 9, ")
    assert said.endswith(" and 201 of settings.json")
    assert _pd100(pkg) == [] and len(pkg.plugins) == 40


def test_check_fix_repairs_every_kind_of_slip_at_once_in_a_copy_of_the_example(demo: Path, capsys) -> None:
    before = {p: p.read_bytes() for p in (demo / "webapp2").rglob("*.json")}
    _break(demo, "settings.json", "        },\n", "        } // the first\n")
    _break(demo, "settings.json", '"id": "meeting-info"', "“id”: “meeting-info”")
    _break(demo, "settings.json", '"enabled": true\n        }\n    ]', "'enabled': True,\n        }\n    ]")
    _break(demo, LOCK, '"name": "Lock toggle"', "name: 'Lock toggle'")
    _break(demo, INFO, '"allowUnload": ', "/* can be switched off */ allowUnload: ")
    _break(demo, "manifest.json", "true\n", "TRUE,\n")
    assert main(["check", "--fix", str(demo)]) == 0
    out = capsys.readouterr().out
    assert out.count("fixed: ") == 12, out
    assert main(["check", "--strict", str(demo)]) == 0
    assert {p: p.read_bytes() for p in (demo / "webapp2").rglob("*.json")} == before
