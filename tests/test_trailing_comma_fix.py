"""A comma after the last entry, the slip that makes settings.json (and with it every plugin)
unreadable, is fixed with one click or by ``check --fix``: that comma goes, every other byte
stays, and the package loads as if it had never been broken."""

from __future__ import annotations

from pathlib import Path

import pytest

from designer.cli import main
from designer.core.checks import run_checks
from designer.core.fixes import apply_fix, fix_all
from designer.core.model import load, save

PKG = "plugins/rec/rec.plugin.package.json"


def _break(root: Path, rel: str, old: str, new: str) -> bytes:
    path = root / "webapp2" / rel
    text = path.read_bytes().decode("utf-8")
    assert old in text
    path.write_bytes(text.replace(old, new, 1).encode("utf-8"))
    return path.read_bytes()


def _pd100(pkg):
    return [p for p in run_checks(pkg) if p.code == "PD100"]


@pytest.mark.parametrize(
    ("rel", "old", "new"),
    [
        ("settings.json", '"enabled": true\n', '"enabled": true,\n'),  # the vendor guide's sample
        ("settings.json", "        }\n    ]", "        },\n    ]"),  # the last plugin copied with its comma
        ("manifest.json", '"isSettingsBranded": true\n', '"isSettingsBranded": true,\n'),
        (PKG, '"action": "record"\n', '"action": "record",\n'),
    ],
)
def test_the_comma_after_the_last_entry_goes_and_nothing_else_changes(
    base_project: Path, rel: str, old: str, new: str
) -> None:
    clean = (base_project / "webapp2" / rel).read_bytes()
    _break(base_project, rel, old, new)
    pkg = load(base_project)
    (problem,) = _pd100(pkg)
    assert problem.file == rel and problem.fix is not None
    assert problem.fix.title == "Remove the comma after the last entry"
    said = apply_fix(pkg, problem.fix)
    assert said.startswith("Remove the comma after the last entry on line ") and said.endswith(f" of {rel}")
    assert run_checks(pkg) == []  # read again in place: its plugins are back, with no problem
    assert [p.key for p in pkg.plugins] == ["rec-1.0"]
    assert save(pkg) == [rel]
    assert (base_project / "webapp2" / rel).read_bytes() == clean
    assert run_checks(load(base_project)) == []


def test_crlf_line_ends_and_a_byte_order_mark_stay(base_project: Path) -> None:
    path = base_project / "webapp2" / "settings.json"
    clean = b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n")
    path.write_bytes(clean.replace(b'"enabled": true\r\n', b'"enabled": true,\r\n'))
    pkg = load(base_project)
    (problem,) = _pd100(pkg)
    assert apply_fix(pkg, problem.fix) == "Remove the comma after the last entry on line 6 of settings.json"
    save(pkg)
    assert path.read_bytes() == clean


@pytest.mark.parametrize(
    "new",
    [
        '"enabled": true, /* on\n',  # a comment (never closed) after the comma: the comment is the mistake
        '"enabled": true,,\n',  # two commas
        '"enabled": true\n        ,]\n',  # a ] where the } should be
    ],
)
def test_no_fix_is_offered_when_the_comma_is_not_certainly_the_mistake(base_project: Path, new: str) -> None:
    _break(base_project, "settings.json", '"enabled": true\n', new)
    (problem,) = _pd100(load(base_project))
    assert problem.fix is None


def test_with_another_mistake_left_the_commas_go_and_the_file_says_what_is_left(base_project: Path) -> None:
    path = base_project / "webapp2" / "settings.json"
    text = path.read_text(encoding="utf-8").replace('"enabled": true\n', '"enabled": true,\n')
    path.write_text(text.replace('"id": "rec-1.0"', "'id': \"rec-1.0\""), encoding="utf-8")
    pkg = load(base_project)
    (problem,) = _pd100(pkg)
    assert problem.fix.kind == "use-double-quotes"  # the single quotes come first: their Fix, then the comma's
    path.write_text(text.replace("}\n    ]\n}", "},\n    ]\n} x"), encoding="utf-8")
    pkg = load(base_project)
    (problem,) = _pd100(pkg)
    said = apply_fix(pkg, problem.fix)
    assert said == (
        "Remove the comma after the last entry on lines 6 and 7 of settings.json; it still cannot be "
        "read: line 9: there is more text after the end of the JSON content"
    )
    (left,) = _pd100(pkg)
    assert (left.line, left.fix) == (9, None)
    assert save(pkg) == ["settings.json"]
    assert path.read_text(encoding="utf-8").endswith('"enabled": true\n        }\n    ]\n} x\n')


def test_check_fix_removes_the_comma_then_fixes_the_rest(base_project: Path, capsys) -> None:
    _break(base_project, "settings.json", '"enabled": true\n', '"enabled": true,\n')
    _break(base_project, "manifest.json", '"isSettingsBranded": true', '"isSettingsBranded": false')
    assert main(["check", "--fix", str(base_project)]) == 0
    out = capsys.readouterr().out
    assert "fixed: Remove the comma after the last entry on line 6 of settings.json" in out
    assert "fixed: Mark the package as branded (isSettingsBranded)" in out
    assert "1 plugin checked: 0 errors" in out
    assert run_checks(load(base_project)) == []


def test_fix_all_fixes_a_broken_package_file_and_goes_on(base_project: Path) -> None:
    _break(base_project, PKG, '"action": "record"\n', '"action": "record",\n')
    _break(base_project, "manifest.json", '"isSettingsBranded": true', '"isSettingsBranded": false')
    pkg = load(base_project)
    done = fix_all(pkg, run_checks)
    assert sorted(done) == [
        "Mark the package as branded (isSettingsBranded)",
        f"Remove the comma after the last entry on line 15 of {PKG}",
    ]
    assert run_checks(pkg) == []


def _rows(window) -> list[tuple[str, str]]:
    return [(row.text(2), row.text(0)) for row in window.problems_view.problem_items()]


def test_one_click_in_the_problems_dock_brings_the_plugins_back_and_undo_the_broken_file(
    window, qtbot, base_project: Path
) -> None:
    from PySide6.QtCore import Qt

    broken = _break(base_project, "settings.json", '"enabled": true\n', '"enabled": true,\n')
    window.open_path(base_project)
    assert window.package.plugins == []
    (row,) = window.problems_view.problem_items()
    assert row.text(2) == "PD100"
    button = window.problems_view.itemWidget(row, 3)
    assert button.text() == "Remove the comma after the last entry"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _rows(window) == [])
    assert [p.key for p in window.package.plugins] == ["rec-1.0"]
    assert window.status.text() == (
        "Fixed: Remove the comma after the last entry on line 6 of settings.json. Undo with Ctrl+Z."
    )
    qtbot.keySequence(window, "Ctrl+S")
    assert (base_project / "webapp2" / "settings.json").read_bytes() == broken.replace(b"true,\n", b"true\n")
    qtbot.keySequence(window, "Ctrl+Z")
    qtbot.waitUntil(lambda: [code for code, _ in _rows(window)] == ["PD100"])
    assert window.package.plugins == []
    qtbot.keySequence(window, "Ctrl+S")
    assert (base_project / "webapp2" / "settings.json").read_bytes() == broken
    assert window.status.text() == "Saved 1 file; settings.json still cannot be read."
    qtbot.keySequence(window, "Ctrl+Shift+Z")  # the undo history is still there after that save
    qtbot.waitUntil(lambda: _rows(window) == [])
    assert [p.key for p in window.package.plugins] == ["rec-1.0"]
