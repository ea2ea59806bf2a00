"""The slips people make when they edit settings.json, manifest.json or a package file by hand
in Notepad (a missing comma, ...) are each one click, or ``check --fix``, away from a file that
reads: the slip is repaired, every other byte stays (layout, key order, line ends, a byte-order
mark), and the PD100 says where it is in plain words. A Fix is offered only when it is certain.
"""

from __future__ import annotations

import json
import re
import shutil
from json.decoder import scanstring
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from test_trailing_comma_fix import _break, _pd100

from designer.cli import main
from designer.core.checks import run_checks
from designer.core.fixes import apply_fix
from designer.core.jsonfile import JsonDocument, Span, repair_slips
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
    "double-backslashes": "Double the backslashes",
    "add-missing-colon": "Add the missing colon",
    "escape-tabs-and-line-breaks": "Write the tabs and line breaks as \\t and \\n",
    "add-missing-bracket": "Add the missing bracket at the end",
}

BACKSLASH = "a backslash in a text must be written \\\\ in JSON (C:\\\\plugins, not C:\\plugins); double this backslash"
DESCRIPTION = '"Adds a toolbar button that lets the host lock or unlock the meeting."'

# (kind, file, text as it was, text broken, where the PD100 points (line, column), its message,
# what the Fix says it did). "Text as it was" is (text of the example, text put in its place)
# when the example has nothing the slip could be made in (a backslash, a \t or \n).
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
        "straighten-quotes",
        LOCK,
        '"name": "Lock toggle"',
        '"name": “Lock toggle"',
        (3, 13),
        CURLY,
        f"Replace the curly quotes with straight quotes on line 3 of {LOCK}",
        id="a-curly-quote-closed-by-a-straight-one",
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
    pytest.param(
        "double-backslashes",
        LOCK,
        (DESCRIPTION, r'"Installed from C:\\Plugins\\lock-toggle"'),
        r'"Installed from C:\Plugins\lock-toggle"',
        (4, 38),
        BACKSLASH,
        f"Double the backslashes on line 4 of {LOCK}",
        id="windows-path",
    ),
    pytest.param(
        "double-backslashes",
        LOCK,
        (DESCRIPTION, r'"C:\\Plugins\\"'),
        r'"C:\Plugins\"',
        (4, 23),
        BACKSLASH,
        f"Double the backslashes on line 4 of {LOCK}",
        id="windows-path-ending-in-a-backslash",
    ),
    pytest.param(
        "double-backslashes",
        LOCK,
        ('"Lock toggle"', r'"Lock toggle (D:\\Users\\xavier)"'),
        r'"Lock toggle (D:\Users\xavier)"',
        (3, 29),
        BACKSLASH,
        f"Double the backslashes on line 3 of {LOCK}",
        id="capital-u-and-x-after-a-backslash",
    ),
    pytest.param(
        "double-backslashes",
        LOCK,
        ('"Lock toggle"', r'"Lock toggle (C:\\Tools\\x64)"'),
        r'"Lock toggle (C:\Tools\x64)"',
        (3, 29),
        BACKSLASH,
        f"Double the backslashes on line 3 of {LOCK}",
        id="a-folder-that-reads-as-a-javascript-code",
    ),
    pytest.param(
        "add-missing-colon",
        "settings.json",
        '"id": "meeting-info"',
        '"id" "meeting-info"',
        (9, 17),
        "a colon ':' is missing between a name and its value; add a colon here",
        "Add the missing colon on line 9 of settings.json",
        id="missing-colon",
    ),
    pytest.param(
        "escape-tabs-and-line-breaks",
        LOCK,
        (DESCRIPTION, '"Adds a toolbar button\\tthat lets the host lock\\nor unlock the meeting."'),
        '"Adds a toolbar button\tthat lets the host lock\nor unlock the meeting."',
        (4, 42),
        "a text value has a tab or a line break typed into it; JSON writes them as \\t and \\n",
        f"Write the tabs and line breaks as \\t and \\n on line 4 of {LOCK}",
        id="tab-and-line-break-typed-in-a-text",
    ),
    pytest.param(
        "add-missing-bracket",
        "settings.json",
        "    ]\n}\n",
        "    ]\n",
        (19, 1),
        "the file stops before its last closing bracket (} or ]); add it here, at the end",
        "Add the missing bracket on line 19 of settings.json",
        id="last-line-deleted",
    ),
    pytest.param(
        "add-missing-bracket",
        LOCK,
        "            }\n        ]\n    }\n}\n",
        "            }\n        ]\n    }\n",
        (26, 1),
        "the file stops before its last closing bracket (} or ]); add it here, at the end",
        f"Add the missing bracket on line 26 of {LOCK}",
        id="package-without-its-last-brace",
    ),
]


def _clean_then_break(demo: Path, rel: str, old: str | tuple[str, str], new: str) -> bytes:
    """The file as it was (the example, or the example with a text the slip needs put in), after
    ``old`` in it is replaced with ``new``; returns the bytes as they were."""
    if isinstance(old, tuple):
        _break(demo, rel, *old)
        old = old[1]
    clean = (demo / "webapp2" / rel).read_bytes()
    _break(demo, rel, old, new)
    return clean


@pytest.mark.parametrize(("kind", "rel", "old", "new", "where", "message", "said"), SLIPS)
def test_the_slip_is_repaired_and_nothing_else_changes(
    demo: Path, kind: str, rel: str, old: str, new: str, where: tuple[int, int], message: str, said: str
) -> None:
    clean = _clean_then_break(demo, rel, old, new)
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
    clean = _clean_then_break(demo, rel, old, new)
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
        # a path with \n or \t in it too: they read (a line break, a tab), so whether the person
        # meant them is a guess; a \u escape with a digit missing
        (LOCK, '"Lock toggle"', r'"C:\new\plugins"'),
        (LOCK, '"Lock toggle"', r'"C:\Plugins\test"'),
        (LOCK, '"Lock toggle"', r'"caf\u00e"'),
        # JavaScript's escapes of an apostrophe and of a code point: the character was meant, and
        # doubled, the backslash would show in the label ("Don\'t lock")
        (LOCK, '"Lock toggle"', r'"Don\'t lock"'),
        (LOCK, '"Lock toggle"', r'"Lock \u{1F512}"'),
        # a backslash before the closing quote with no other one (5" for inches?), and one
        # where the text could as well go on over the next line
        (LOCK, '"Lock toggle",', '"Lock 5\\",'),
        (LOCK, '"Lock toggle",', '"C:\\\\Lock\\"\n    toggle",'),
        # a closing quote forgotten at the end of the line: where it goes is a guess
        (LOCK, '"Lock toggle",', '"Lock toggle,'),
        (LOCK, '"web",', '"web,'),
        (LOCK, '"Lock toggle",', '"Lock\ttoggle,'),
        # a name, then a line break: more than its colon is missing; "=" instead of a colon
        ("settings.json", '"id": "meeting-info"', '"id"\n            "meeting-info"'),
        ("settings.json", '"id": "meeting-info"', '"id" = "meeting-info"'),
        # a double quote inside a name: a colon and a comma after it made two entries of it
        (LOCK, '"allowUnload": true', '"allow "1" unload": true'),
        # two brackets missing at the end: which goes where is a guess
        ("settings.json", "        }\n    ]\n}\n", "        }\n"),
        # a double quote inside a text (beside curly quotes, an apostrophe, escaped quotes): the
        # commas, colons and straight quotes put after it made two entries of one text, or
        # another text ("Press ", 1, ""), and the file then read
        (LOCK, '"web",', '"Press "1"",'),
        (LOCK, '"web",', '"Say “hi” "1"",'),
        (LOCK, '"web",', '"Don\'t "1"",'),
        (LOCK, '"web",', '"Lock \\"it\\" "1"",'),
        (LOCK, '"web",', '""“",'),
        (LOCK, '"web",', '"web "“x",'),
        (LOCK, '"web",', '"web",„",'),
        (LOCK, '"web",', '"web ",]",'),
        (LOCK, '"web",', '"",[“"],'),
        (LOCK, '"web",', '"",1,]",'),
        (LOCK, '"allowUnload": true', '""true” unload": true'),
        # JavaScript's \x41 ("A") as much as a path's backslash: only a clear path is doubled
        (LOCK, '"Lock toggle"', r'"Lock \x41"'),
        (LOCK, '"Lock toggle"', r'"\x4c\x6f\x63\x6b"'),
        (LOCK, '"Lock toggle"', r'"Lock (tools\x64\x41)"'),
    ],
)
def test_no_fix_is_offered_when_the_repair_would_be_a_guess(demo: Path, rel: str, old: str, new: str) -> None:
    _break(demo, rel, old, new)
    (problem,) = _pd100(load(demo))
    assert problem.fix is None


@pytest.mark.parametrize(
    ("rel", "old", "new", "where", "words"),
    [
        (
            LOCK,
            '"Lock toggle",',
            '"Lock toggle,',
            (3, 26),
            "not closed with a double quote before the end of this line",
        ),
        (LOCK, '"Lock toggle"', r'"C:\new\plugins"', (3, 20), r"a backslash in a text must be written \\ in JSON"),
        (LOCK, '"Lock toggle"', r'"Don\'t lock"', (3, 17), "an apostrophe needs no backslash in JSON"),
        ("settings.json", "        }\n    ]\n}\n", "        }\n", (18, 1), "stops before the closing brackets"),
        (
            LOCK,
            '"web",',
            '"Press "1"",',
            (9, 17),
            "a comma is missing here, or a quote or bracket before it is not closed; or, if the double quote "
            'before it is part of the text, write it as \\" (Press \\"1\\", not Press "1")',
        ),
        (
            LOCK,
            '"Lock toggle"',
            r'"Lock \x41"',
            (3, 19),
            r"(C:\\plugins, not C:\plugins); or, if \x41 is JavaScript's code for a character, JSON has no \x "
            r"codes: write the character itself (A) or \u0041",
        ),
    ],
)
def test_without_a_fix_the_message_still_says_what_and_where(
    demo: Path, rel: str, old: str, new: str, where: tuple[int, int], words: str
) -> None:
    _break(demo, rel, old, new)
    (problem,) = _pd100(load(demo))
    assert problem.fix is None and (problem.line, problem.column) == where
    assert words in problem.message


@pytest.mark.parametrize(
    ("text", "repaired"),
    [
        (r'["C:\x41"]', r'["C:\\x41"]'),  # a drive
        (r'["htdocs\plugins\x41"]', r'["htdocs\\plugins\\x41"]'),  # a folder before it
        (r'["\\server\x41"]', r'["\\server\\x41"]'),  # a network share
        (r'["\x41"]', None),  # JavaScript's "A" as much as a folder
        (r'["Press \x41\x42"]', None),
    ],
)
def test_a_backslash_before_x_and_two_hex_digits_is_doubled_only_in_a_clear_path(
    text: str, repaired: str | None
) -> None:
    fixed, _, left = repair_slips(text)
    assert (fixed if left is None else None) == repaired


@pytest.mark.parametrize(
    ("text", "repaired"),
    [
        ('{"platforms": ["web", \u201celectron\u201d, "ios", "android"]}\n', '["web", "electron", "ios", "android"]'),
        ('{"platforms": ["web", \'electron\', "ios"]}\n', '["web", "electron", "ios"]'),
        ('{"platforms": ["web" "electron", "ios"]}\n', '["web", "electron", "ios"]'),
        ('{"a": "b" "c": "d"}\n', None),
    ],
)
def test_a_slip_in_a_list_or_object_on_one_line_keeps_its_fix(text: str, repaired: str | None) -> None:
    """The entries of a list written on one line ("platforms": ["web", \u201celectron\u201d, "ios"]) have
    quotes, commas and quotes between them: a quote typed inside one text does not look like that.
    The declining of such quotes (no Fix for "Press "1"") took the Fix from these too."""
    fixed, _, left = repair_slips(text)
    assert left is None
    if repaired is not None:
        assert repaired in fixed
    assert json.loads(fixed)


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
    clean = _clean_then_break(demo, rel, old, new)
    broken = path.read_bytes()
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


# -- the repairs undo the slip exactly, whatever the document (hypothesis) ----------------------

# Texts with tabs and line breaks (written \t and \n) but no backslash of their own; Windows paths
# whose backslashes start no JSON escape once single (no \b, \f, \n, \r, \t, \u after them).
_TEXT = st.text(
    st.characters(exclude_characters="\\", exclude_categories=("Cs", "Cc")) | st.sampled_from("\n\t"), max_size=8
)
_SEGMENT = st.builds(
    str.__add__,
    st.sampled_from("acdeghijklmopqsvwxyzACDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$"),
    st.text("abcdefghijklmnopqrstuvwxyz0123456789 .-", max_size=6),
)
_PATH = st.builds(
    lambda drive, segments, folder: drive + ":\\" + "\\".join(segments) + ("\\" if folder else ""),
    st.sampled_from("CDZ"),
    st.lists(_SEGMENT, min_size=1, max_size=3),
    st.booleans(),
)
_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**6), 10**6) | _TEXT | _PATH,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TEXT, inner, max_size=4),
    max_leaves=12,
)
_ROOT = st.lists(_VALUE, min_size=1, max_size=4) | st.dictionaries(_TEXT, _VALUE, min_size=1, max_size=4)


# A text with a tab or a line break in it (and more after a line break), for that repair.
_TYPED = st.builds(
    lambda before, typed, after: before + typed + after,
    _TEXT,
    st.sampled_from("\n\t"),
    _TEXT.filter(lambda t: t.strip(" \t")),
)


@st.composite
def _documents(draw: st.DrawFn, kind: str) -> tuple[str, str]:
    """A valid JSON text in one of the layouts people's files have (one line, 2 or 4 spaces, tabs;
    LF or CRLF; with or without a byte-order mark and a last line end), and its line end. It has
    a Windows path or a text with a tab or line break in it (somewhere) when the slip needs one."""
    root = draw(_ROOT)
    seed = {"double-backslashes": _PATH, "escape-tabs-and-line-breaks": _TYPED}.get(kind)
    if seed is not None:
        container = draw(st.sampled_from([c for c in _containers(root)]))
        if isinstance(container, list):
            container.insert(draw(st.integers(0, len(container))), draw(seed))
        else:
            container[draw(_TEXT)] = draw(seed)
    indent = draw(st.sampled_from([None, 2, 4, "\t"]))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    text = json.dumps(root, indent=indent, ensure_ascii=False).replace("\n", newline)
    text += newline if draw(st.booleans()) else ""
    return ("\ufeff" if draw(st.booleans()) else "") + text, newline


def _containers(value: object) -> list:
    """Every list and object in ``value``, itself first."""
    if isinstance(value, dict):
        return [value] + [c for v in value.values() for c in _containers(v)]
    if isinstance(value, list):
        return [value] + [c for v in value for c in _containers(v)]
    return []


def _values(text: str, kind: type) -> list[Span]:
    doc = JsonDocument(text)
    return [sp for p, sp in doc.spans.items() if isinstance(doc.get(p), kind)]


def _single_backslashes(text: str, newline: str, draw: st.DrawFn) -> str | None:
    """A Windows path pasted in as it is: its backslashes single (the last one too, before the
    closing quote, when the text ends its line)."""
    body = text.removeprefix("\ufeff")
    paths = [sp for sp in _values(body, str) if ":\\\\" in body[sp.start : sp.end]]
    if not paths:
        return None
    sp = draw(st.sampled_from(paths))
    old = body[sp.start : sp.end]
    new = old.replace("\\\\", "\\")
    rest = body[sp.end :].lstrip(" ,]}")
    if (
        old.endswith('\\\\"') and rest and rest[0] not in "\r\n"
    ):  # (a single one escapes the quote on a line that goes on)
        new = new[:-2] + '\\\\"'
    elif old.endswith('\\\\"'):
        # The last backslash escapes the closing quote, so the text reads on over the line break to
        # the next double quote. When more than blanks come first and that quote could close it (a
        # text starting with , } ] is next), a line break typed in the text is as likely as the
        # path: no Fix, by design (jsonfile._raw_in_string).
        line_end = len(body) - len(rest)
        quote = body.find('"', line_end)
        after = body[quote + 1 :].lstrip(" \t")
        if quote >= 0 and body[line_end:quote].strip() and (not after or after[0] in ",}]\r\n"):
            return None
    return text.replace(old, new, 1) if text.count(old) == 1 else None


def _colon_deleted(text: str, newline: str, draw: st.DrawFn) -> str | None:
    body = text.removeprefix("\ufeff")
    names = [sp.key_start for sp in JsonDocument(body).spans.values() if sp.key_start is not None]
    if not names:
        return None
    _, end = scanstring(body, draw(st.sampled_from(names)) + 1)
    at = end + len(text) - len(body)
    return text[:at] + text[at + 1 :]


def _typed_in(text: str, newline: str, draw: st.DrawFn) -> str | None:
    """A tab or a line break (the file's) typed where the text has a \\t or a \\n (a line
    break with more of the text after it: one just before the closing quote is a stray one)."""
    body = text.removeprefix("\ufeff")
    escapes = [
        sp.start + m.start()
        for sp in _values(body, str)
        for m in re.finditer(r"\\[nt]", body[sp.start : sp.end - 1])
        if m.group() == "\\t" or body[sp.start + m.end() : sp.end - 1].strip(" \t")
    ]
    if not escapes:
        return None
    at = draw(st.sampled_from(escapes)) + len(text) - len(body)
    return text[:at] + ("\t" if text[at + 1] == "t" else newline) + text[at + 2 :]


def _last_line_deleted(text: str, newline: str, draw: st.DrawFn) -> str | None:
    """The last } or ] gone: with its line when it has one of its own."""
    end = len(text.rstrip("\r\n"))
    if "\n" not in text[:end]:
        return text[: end - 1] + text[end:]
    if end < len(text):
        return text[: end - 1]  # "}" and the line end after it
    return text[: end - 1 - len(newline)]  # the line end before "}" and the "}"


INJECTIONS = {
    "double-backslashes": _single_backslashes,
    "add-missing-colon": _colon_deleted,
    "escape-tabs-and-line-breaks": _typed_in,
    "add-missing-bracket": _last_line_deleted,
}


@pytest.mark.parametrize("kind", sorted(INJECTIONS))
@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(data=st.data())
def test_a_slip_put_in_a_valid_document_is_repaired_back_to_it(kind: str, data: st.DataObject) -> None:
    text, newline = data.draw(_documents(kind))
    broken = INJECTIONS[kind](text, newline, data.draw)
    assume(broken is not None and broken != text)
    repaired, done, left = repair_slips(broken)
    assert left is None and repaired == text, (broken, done)
    assert done and {k for k, _ in done} == {kind}


# -- a double quote typed inside a text is never "repaired" into something else (hypothesis) -----

# Texts such as people write in labels and descriptions, with the characters a stray double quote
# chained with: escaped double quotes, curly quotes, apostrophes, commas, brackets, numbers.
_QUOTED_TEXT = st.lists(
    st.sampled_from(["Press", " ", "1", "true", "null", '"', "“", "”", "„", "‚", "‘", "’", "'", ",", ":", "[", "]"]),
    max_size=6,
).map("".join)
_QUOTED_ROOT = st.lists(_QUOTED_TEXT | st.integers(0, 9) | st.booleans(), min_size=1, max_size=4) | st.dictionaries(
    st.sampled_from(["id", "name", "label"]), _QUOTED_TEXT | st.integers(0, 9), min_size=1, max_size=3
)


def test_a_double_quote_typed_before_single_quotes_that_do_not_end_an_entry_gets_no_fix() -> None:
    """'{"label": ",''“"}' with a double quote typed after its first character: '' was taken as
    a name in single quotes (a quote, a comma and a quote look like entries), then a colon added
    and “" straightened, and the file read with a second, empty entry. '' is followed by “, not by
    what follows an entry: no Fix (hypothesis found it)."""
    broken = '{"id": "", "name": "", "label": "",\'\'\u201c"}'
    repaired, done, left = repair_slips(broken)
    assert left is not None and done == [] and repaired == broken, (repaired, done)
    # Single-quoted entries in a one-line list are still repaired.
    assert repair_slips('["web", \'electron\', "ios"]')[:2] == (
        '["web", "electron", "ios"]',
        [("use-double-quotes", 8)],
    )


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(data=st.data())
def test_a_double_quote_typed_inside_a_text_gets_no_fix(data: st.DataObject) -> None:
    """The repairs after such a quote (a comma after it, the rest of the text read as values, a
    curly quote straightened) made one text two entries, or another text, and the file then read:
    '["Press "1""]' became ["Press ", 1, ""]. What the person meant is a \\" there: no Fix."""
    root = data.draw(_QUOTED_ROOT)
    text = json.dumps(root, indent=data.draw(st.sampled_from([None, 4])), ensure_ascii=False)
    texts = [sp for p, sp in JsonDocument(text).spans.items() if p and isinstance(JsonDocument(text).get(p), str)]
    assume(texts)
    sp = data.draw(st.sampled_from(texts))
    at = data.draw(st.integers(sp.start + 1, sp.end - 1))
    assume(text[at - 1] != "\\")  # (after a backslash it is an escaped quote, not a stray one)
    broken = text[:at] + '"' + text[at:]
    _, done, left = repair_slips(broken)
    assert left is not None, (broken, done)
    assert not done or done[0][0] != "remove-trailing-comma", (broken, done)


def test_a_double_quote_typed_before_curly_quotes_that_a_straight_one_closes_later_gets_no_fix() -> None:
    """'{"name": ",‚‘“"}' with a double quote typed after its first character: ‚‘ was read as a
    name in German quotes, a colon added and “" straightened, and the file read with a second
    entry. The straight quote later on the line may end the text cut short: no Fix (hypothesis
    found it)."""
    broken = '{"name": "",\u201a\u2018\u201c"}'
    repaired, done, left = repair_slips(broken)
    assert left is not None and done == [] and repaired == broken, (repaired, done)
    # Curly quotes a straight quote does not follow as the end of a text are still straightened.
    assert repair_slips('{"a": "", \u201cb\u201d: ""}') == ('{"a": "", "b": ""}', [("straighten-quotes", 10)], None)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("{\n", "the file stops before the closing brackets (} or ]) of what it opened"),
        ('{\n    "plugins": [\n', "the file stops before the closing brackets (} or ]) of what it opened"),
        ('{\n    "plugins": [\n        {\n            "id": "a",\n', "the file stops before the closing brackets"),
        ("", "the file is empty"),
        ("  \r\n", "the file is empty"),
    ],
    ids=["after-the-first-brace", "after-an-open-list", "after-a-comma", "empty", "blank"],
)
def test_a_file_cut_short_or_empty_is_said_so(demo: Path, text: str, words: str) -> None:
    """A settings.json cut short (a download or a copy that stopped) was "a name in double quotes
    was expected here; a comma after the last entry is not allowed in JSON" (there was no comma),
    and an empty one "a value was expected here": the administrator looked for a typo."""
    (demo / "webapp2" / "settings.json").write_text(text, encoding="utf-8", newline="")
    (problem,) = _pd100(load(demo))
    assert words in problem.message, problem.message
    assert "comma" not in problem.message, problem.message
