"""The checks after an edit of a package whose checks are slow run on a worker thread.

A package of 100 broken plugins (5,000 problems) took a third of a second or more to check, and
the window froze that long at every pause in typing. These tests make every package count as
slow (``SLOW_CHECKS`` = 0), edit as a user does, and hold the views (the Problems list, the
project tree's marks, the source editor's markers) against a check made afresh: a worker's result
is shown only for the package it checked, never after a change made while it ran.
"""

from __future__ import annotations

import threading
from collections import Counter

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from test_problems_at_scale import _shown, broken_plugins

from designer.core.checks import run_checks
from designer.core.plugins import problem_owners
from designer.gui import background_checks
from designer.gui.panes.problems_pane import ProblemsPane


def _facts(problems) -> list[tuple]:
    return [(p.code, p.file, p.line, p.column, p.pointer, p.message, p.fix) for p in problems]


@pytest.fixture
def slow(monkeypatch) -> list[bool]:
    """Every package's checks count as slow; the list says, for each check, whether it ran on a worker."""
    threads: list[bool] = []

    def checked(pkg, *args, **kwargs):
        threads.append(threading.current_thread() is not threading.main_thread())
        return run_checks(pkg, *args, **kwargs)

    monkeypatch.setattr(background_checks, "SLOW_CHECKS", 0.0)
    monkeypatch.setattr(background_checks, "run_checks", checked)
    return threads


def _settled(window, qtbot) -> None:
    qtbot.waitUntil(lambda: not window._recheck.isActive() and window.background_checks is None, timeout=20_000)


def _views_as_fresh(window, qtbot) -> None:
    """The Problems list, the tree's marks and the editor's markers are those of a check made now."""
    fresh = run_checks(window.package)
    assert _facts(window.problems) == _facts(fresh)
    pane = ProblemsPane()
    qtbot.addWidget(pane)
    pane.resize(window.problems_view.size())
    pane.show_problems(fresh, window.package)
    assert _shown(window.problems_view) == _shown(pane)
    owner = problem_owners(window.package)
    errors = Counter(owner(p.plugin, p.file, p.pointer) for p in fresh if p.severity.value == "error" and p.plugin)
    root = window.tree.topLevelItem(0)
    marks = [root.child(2 + i).toolTip(0) for i in range(len(window.package.plugins))]
    assert marks == [f"{errors[i]} errors" if errors[i] else "No errors" for i in range(len(marks))]
    rel = window.source_pane.current_file() if window.source_pane is not None else ""
    if rel:
        wanted = [(p.line, p.column, f"{p.code}: {p.message}") for p in fresh if p.file == rel and p.line > 0]
        assert [(m.line, m.column, m.message) for m in window.source_editor.markers] == wanted


def test_after_edits_fixes_undo_and_typing_every_view_is_what_a_fresh_check_shows(window, qtbot, tmp_path, slow):
    window.open_path(broken_plugins(tmp_path / "p", plugins=4, items=3))
    root = window.tree.topLevelItem(0)
    window.tree.setCurrentItem(root.child(3))
    name = window.plugin_page.form.name
    name.setFocus()
    qtbot.keyClick(name, Qt.Key.Key_End)
    qtbot.keyClicks(name, " renamed")
    qtbot.keyClick(name, Qt.Key.Key_Tab)
    _settled(window, qtbot)
    assert slow and all(slow)  # (checked on a worker, the window's thread free meanwhile)
    assert "Plugin 01 renamed" in [
        h.text(0).rsplit(" (", 1)[0] for h in map(window.problems_view.topLevelItem, range(4))
    ]
    _views_as_fresh(window, qtbot)
    # A Fix button clicked: the fix, then the checks on a worker.
    row = next(
        r
        for r in window.problems_view.problem_items()
        if isinstance(window.problems_view.itemWidget(r, 3), QPushButton)
    )
    qtbot.mouseClick(window.problems_view.itemWidget(row, 3), Qt.MouseButton.LeftButton)
    _settled(window, qtbot)
    _views_as_fresh(window, qtbot)
    window.editor.undo_stack.undo()
    _settled(window, qtbot)
    _views_as_fresh(window, qtbot)
    window.editor.undo_stack.redo()
    _settled(window, qtbot)
    _views_as_fresh(window, qtbot)
    # Typing in the source editor, one problem more (a call of a function the API does not have).
    root = window.tree.topLevelItem(0)
    window.tree.setCurrentItem(window._find_tree_item(root, ("file", "plugins/p02/p02.plugin.js")))
    editor = window.source_editor
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.setPosition(editor.document().findBlockByNumber(2).position())
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, "PEX.pluginAPI.noSuchThing();")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)  # (the completion list, if any)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    _settled(window, qtbot)
    assert any(p.file == "plugins/p02/p02.plugin.js" and "noSuchThing" in p.message for p in window.problems)
    _views_as_fresh(window, qtbot)
    assert len(slow) >= 5 and all(slow)


def test_a_result_of_the_package_as_it_was_before_an_edit_is_never_shown(window, qtbot, tmp_path, monkeypatch, slow):
    window.open_path(broken_plugins(tmp_path / "p", plugins=3, items=2))
    shown: list[bool] = []  # each time problems were shown: whether they were those of the package then
    show = window._show_checked

    def spy(problems) -> None:
        shown.append(_facts(problems) == _facts(run_checks(window.package)))
        show(problems)

    monkeypatch.setattr(window, "_show_checked", spy)
    checked, go_on = threading.Event(), threading.Event()
    slow_check = background_checks.run_checks

    def held(pkg, *args, **kwargs):  # the worker's checks, held back after they have looked at the package
        found = slow_check(pkg, *args, **kwargs)
        checked.set()
        go_on.wait(20)
        return found

    monkeypatch.setattr(background_checks, "run_checks", held)
    window.tree.setCurrentItem(window.tree.topLevelItem(0).child(2))
    fix = next(p.fix for p in window._all_problems() if p.plugin == "p00" and p.code == "PD400")
    window.apply_fix(fix)  # (one icon fixed: one problem fewer)
    qtbot.waitUntil(checked.is_set, timeout=20_000)
    checked.clear()
    monkeypatch.setattr(background_checks, "run_checks", slow_check)
    window.editor.undo_stack.undo()  # while the worker is checking the package with the fix: it is gone again
    go_on.set()
    _settled(window, qtbot)
    assert shown and all(shown)
    _views_as_fresh(window, qtbot)
    assert any(p.fix == fix for p in window.problems)  # (the problem of before the fix, shown again)
