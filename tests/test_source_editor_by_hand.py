"""A JavaScript developer writing a plugin by hand in the window's source editor: the typing
helps a code editor is expected to give (indentation, completion, find and replace)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import open_in_editor
from PySide6.QtCore import Qt

from designer.gui.main_window import MainWindow

SRC = "plugins/lock-toggle/lock-toggle.plugin.js"


@pytest.fixture
def editor(window: MainWindow, qtbot, example_project: Path):
    """The example's lock-toggle plugin in the window's editor, emptied with Ctrl+A Delete, the
    keyboard in it."""
    editor = open_in_editor(window, example_project, SRC)
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    assert editor.toPlainText() == ""
    return editor


def type_lines(qtbot, editor, *lines: str) -> None:
    """Type ``lines`` with Enter after each but the last, as a developer does (no indentation typed)."""
    for i, line in enumerate(lines):
        if i:
            qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.keyClicks(editor, line)


def test_a_closing_brace_typed_on_its_own_line_goes_under_its_opening_line(editor, qtbot) -> None:
    type_lines(qtbot, editor, "function foo() {", "if (x) {", "bar([", "1,", "]);", "}", "}")
    assert editor.toPlainText().split("\n") == [
        "function foo() {",
        "    if (x) {",
        "        bar([",
        "            1,",
        "        ]);",
        "    }",
        "}",
    ]
    assert editor.textCursor().positionInBlock() == 1  # after the brace, ready for the next key


def test_a_closing_brace_nothing_opens_goes_back_one_level(editor, qtbot) -> None:
    qtbot.keyClicks(editor, "        ")
    qtbot.keyClicks(editor, "}")
    assert editor.toPlainText() == "    }"


@pytest.mark.parametrize(("typed", "close"), [("var o = {", "};"), ("call(", ")"), ("var a = [", "]")])
def test_enter_between_a_pair_of_brackets_puts_the_closing_one_on_its_own_line(editor, qtbot, typed, close) -> None:
    type_lines(qtbot, editor, "function foo() {", typed + close)
    for _ in close:
        qtbot.keyClick(editor, Qt.Key.Key_Left)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "x")
    assert editor.toPlainText().split("\n") == ["function foo() {", "    " + typed, "        x", "    " + close]
