"""The source editor's commands as a user meets them: go to line, commenting and indenting
several lines, Replace with lookarounds and bad replacements, commands as undo steps of their
own, where the completion list opens, and coming back to a file."""

from __future__ import annotations

import pytest
from conftest import shown
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import QInputDialog, QSpinBox, QToolButton

from designer.gui.panes.source_editor import SourcePane

CODE = """(function () {
    var locked = false;
    function toggle(details) {
        var given = details && typeof details.locked === 'boolean';
        var isLocked = given ? details.locked : locked;
        send(isLocked);
    }
})();
"""
LONG = "".join(f"var a{i} = {i};\n" for i in range(300))


@pytest.fixture
def pane(qtbot) -> SourcePane:
    pane = shown(qtbot, SourcePane(), 700, 400)
    pane.activateWindow()
    qtbot.waitActive(pane)
    pane.show_file("a.plugin.js", CODE, read_only=False)
    pane.editor.setFocus()
    return pane


def _put_cursor(qtbot, editor, line: int, column: int = 0) -> None:
    """Click-free cursor placement with keys: Ctrl+Home, then Down and Right (0-based line and column)."""
    qtbot.keyClick(editor, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(line):
        qtbot.keyClick(editor, Qt.Key.Key_Down)
    for _ in range(column):
        qtbot.keyClick(editor, Qt.Key.Key_Right)


def _select_lines(qtbot, editor, first: int, count: int) -> None:
    """Select ``count`` whole lines from ``first`` (0-based) with Shift+Down, as a user does."""
    _put_cursor(qtbot, editor, first)
    for _ in range(count):
        qtbot.keyClick(editor, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)


def _lines(editor) -> list[str]:
    return editor.toPlainText().split("\n")


def _button(pane: SourcePane, text: str) -> QToolButton:
    return next(b for b in pane.find_bar.findChildren(QToolButton) if b.text() == text)


# -- go to line ---------------------------------------------------------------------------------


def _go_to_line_dialog(pane: SourcePane) -> QInputDialog:
    """The Go to Line dialog on show (one answered before may still wait for its deleteLater)."""
    shown = [d for d in pane.findChildren(QInputDialog, "goToLineDialog") if d.isVisible()]
    assert len(shown) == 1
    return shown[0]


def _answer_go_to_line(qtbot, pane: SourcePane, line: int) -> None:
    dialog = _go_to_line_dialog(pane)
    assert dialog.labelText() == f"Line (1–{pane.editor.blockCount()}):"
    spin = dialog.findChild(QSpinBox)
    qtbot.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(spin, str(line))
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert not dialog.isVisible()


def test_ctrl_g_asks_for_a_line_and_goes_there(pane: SourcePane, qtbot) -> None:
    editor = pane.editor
    pane.show_file("long.js", LONG, read_only=False)
    _put_cursor(qtbot, editor, 30)
    qtbot.keyClick(editor, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert _go_to_line_dialog(pane).intValue() == 31  # offers the line the cursor is on
    _answer_go_to_line(qtbot, pane, 200)
    assert editor.textCursor().blockNumber() == 199
    assert editor.textCursor().block().text() == "var a199 = 199;"
    # The context menu holds the same action.
    pane.actions_["goto"].trigger()
    _answer_go_to_line(qtbot, pane, 12)
    assert editor.textCursor().blockNumber() == 11


def test_ctrl_g_with_a_line_past_the_end_goes_to_the_last_line(pane: SourcePane, qtbot) -> None:
    """The box took only numbers up to the last line: of "999" typed in a 301-line file the second
    9 was refused, and Enter went to line 9, far from where the user asked (and "302" to line 30)."""
    editor = pane.editor
    pane.show_file("long.js", LONG, read_only=False)
    for typed in (999, 302):
        _put_cursor(qtbot, editor, 30)
        qtbot.keyClick(editor, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
        _answer_go_to_line(qtbot, pane, typed)
        assert editor.textCursor().blockNumber() == editor.blockCount() - 1 == 300


def test_ctrl_g_with_line_0_goes_to_the_first_line(pane: SourcePane, qtbot) -> None:
    """Enter on "0" did nothing at all: the dialog stayed open, nothing said why."""
    editor = pane.editor
    pane.show_file("long.js", LONG, read_only=False)
    _put_cursor(qtbot, editor, 30)
    qtbot.keyClick(editor, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    _answer_go_to_line(qtbot, pane, 0)
    assert editor.textCursor().blockNumber() == 0


# -- comment and indent several lines --------------------------------------------------------------


def test_ctrl_slash_twice_on_several_lines_gives_the_text_back(pane: SourcePane, qtbot) -> None:
    editor = pane.editor
    _select_lines(qtbot, editor, 3, 3)  # lines 4-6: the selection ends at the start of line 7
    qtbot.keyClick(editor, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    assert _lines(editor)[3:6] == [
        "        // var given = details && typeof details.locked === 'boolean';",
        "        // var isLocked = given ? details.locked : locked;",
        "        // send(isLocked);",
    ]
    assert editor.textCursor().selectedText().count("\u2029") == 2  # still all three lines
    qtbot.keyClick(editor, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == CODE


def test_tab_and_shift_tab_twice_on_several_lines_give_the_text_back(pane: SourcePane, qtbot) -> None:
    editor = pane.editor
    _select_lines(qtbot, editor, 3, 3)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert _lines(editor)[2:7] == [
        "    function toggle(details) {",
        "                var given = details && typeof details.locked === 'boolean';",
        "                var isLocked = given ? details.locked : locked;",
        "                send(isLocked);",
        "    }",
    ]
    qtbot.keyClick(editor, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert editor.toPlainText() == CODE


def test_shift_tab_outdents_lines_indented_with_tabs(pane: SourcePane, qtbot) -> None:
    """A file written in another editor is often indented with tabs: Shift+Tab did nothing on its
    lines (only spaces were taken off)."""
    editor = pane.editor
    pane.show_file("tabs.js", "function f() {\n\tif (a) {\n\t\tgo();\n\t}\n}\n", read_only=False)
    _select_lines(qtbot, editor, 1, 3)
    qtbot.keyClick(editor, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert _lines(editor)[1:4] == ["if (a) {", "\tgo();", "}"]
    _put_cursor(qtbot, editor, 2, 1)  # no selection: the cursor's line, the cursor staying on its text
    qtbot.keyClick(editor, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(editor, "x")
    assert _lines(editor)[2] == "xgo();"


@pytest.mark.parametrize("unit", ["\t", "  "], ids=["tabs", "two-spaces"])
def test_tab_enter_and_indent_step_in_as_the_file_does(pane: SourcePane, qtbot, unit: str) -> None:
    """In a file indented with tabs (or two spaces) Tab, Enter after a brace and Indent put four
    spaces: lines of mixed indentation, which the user's linter then flags one by one."""
    editor = pane.editor
    pane.show_file(
        "own.js", "function f() {\n" + unit + "if (a) {\n" + unit * 2 + "go();\n" + unit + "}\n}\n", read_only=False
    )
    _put_cursor(qtbot, editor, 1, len(unit + "if (a) {"))
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # after an opening brace: one level deeper
    qtbot.keyClicks(editor, "x();")
    assert _lines(editor)[2] == unit * 2 + "x();"
    qtbot.keyClick(editor, Qt.Key.Key_Home)
    qtbot.keyClick(editor, Qt.Key.Key_Home)  # (the first Home stops at the text)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert _lines(editor)[2] == unit * 3 + "x();"
    _select_lines(qtbot, editor, 3, 1)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # a whole line selected: indented by one level
    assert _lines(editor)[3] == unit * 3 + "go();"
    qtbot.keyClick(editor, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert _lines(editor)[3] == unit * 2 + "go();"
    qtbot.keyClick(editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, "iife")  # a snippet: its lines step in as the file's do
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    inside = [ln for ln in _lines(editor)[6:] if ln.strip()]
    assert inside[0] == "(function () {" and inside[1] == unit + "'use strict';", inside


def test_backspace_in_indentation_goes_back_one_level_of_the_files(pane: SourcePane, qtbot) -> None:
    """In a file indented with two spaces, Backspace at the end of an indentation took four (two levels)."""
    editor = pane.editor
    pane.show_file("own.js", "function f() {\n  if (a) {\n    go();\n  }\n}\n", read_only=False)
    _put_cursor(qtbot, editor, 2, len("    go();"))
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert _lines(editor)[3] == "    "
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    qtbot.keyClicks(editor, "}")
    assert _lines(editor)[3] == "  }"


def test_a_file_indented_anew_outside_is_indented_as_it_is_now(pane: SourcePane, qtbot) -> None:
    """A file the user's formatter took from four spaces to two while it was open (shown again, as
    the window does when a file changes on disk) went on getting four from Enter and the snippets."""
    editor = pane.editor
    pane.show_file("own.js", "function f() {\n    if (a) {\n        go();\n    }\n}\n", read_only=False)
    pane.show_file("own.js", "function f() {\n  if (a) {\n    go();\n  }\n}\n", read_only=False)
    _put_cursor(qtbot, editor, 1, len("  if (a) {"))
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "unload")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    lines = _lines(editor)
    at = lines.index("    function unload() {")  # (below the subscriptions array it releases, brought along)
    assert "    var subscriptions = [];" in lines[2:at]
    assert lines[at + 1 : at + 7] == [
        "      subscriptions.forEach(function (subscription) {",
        "        subscription.unsubscribe();",
        "      });",
        "      subscriptions = [];",
        "      // clean up timers",
        "    }",
    ]


def test_ctrl_slash_without_a_selection_keeps_the_cursor_on_its_text(pane: SourcePane, qtbot) -> None:
    """Typing right after Ctrl+/ goes where the cursor was, not over the whole line."""
    editor = pane.editor
    _put_cursor(qtbot, editor, 1, len("    var "))
    qtbot.keyClick(editor, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, "is")
    assert _lines(editor)[1] == "    // var islocked = false;"
    qtbot.keyClick(editor, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(editor, "_")
    assert _lines(editor)[1] == "// var is_locked = false;"


# -- replace ------------------------------------------------------------------------------------


def _open_replace(qtbot, pane: SourcePane, find: str, replace: str) -> None:
    qtbot.keyClick(pane.editor, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    bar = pane.find_bar
    assert bar.isVisible()
    if not bar.regex.isChecked():
        qtbot.mouseClick(bar.regex, Qt.MouseButton.LeftButton, pos=QPoint(6, bar.regex.height() // 2))
    assert bar.regex.isChecked()
    bar.find_edit.clear()
    qtbot.keyClicks(bar.find_edit, find)
    bar.replace_edit.clear()
    qtbot.keyClicks(bar.replace_edit, replace)


@pytest.mark.parametrize(
    ("find", "replace", "expected"),
    [
        (r"var(?= locked)", "let", "    let locked = false;"),
        (r"(?<=\bvar )given", "known", "        var known = details && typeof details.locked === 'boolean';"),
        (r"\);\n\s*\}", ");}", "        send(isLocked);}"),
    ],
)
def test_replace_one_match_that_needs_the_text_around_it(
    pane: SourcePane, qtbot, find: str, replace: str, expected: str
) -> None:
    editor = pane.editor
    _open_replace(qtbot, pane, find, replace)
    qtbot.mouseClick(_button(pane, "Next"), Qt.MouseButton.LeftButton)
    assert editor.textCursor().hasSelection()
    qtbot.mouseClick(_button(pane, "Replace"), Qt.MouseButton.LeftButton)
    assert expected in _lines(editor)
    assert pane.find_bar.count.text() == "0 matches"


def test_a_bad_group_reference_says_so_and_changes_nothing(pane: SourcePane, qtbot) -> None:
    editor = pane.editor
    edited: list[str] = []
    editor.sig_edited.connect(lambda: edited.append(editor.text()))
    _open_replace(qtbot, pane, r"(var) (\w+)", r"\3 \1")
    for button in ("Replace all", "Next", "Replace"):
        qtbot.mouseClick(_button(pane, button), Qt.MouseButton.LeftButton)
        if button != "Next":
            assert pane.find_bar.count.text() == "cannot replace: invalid group reference 3"
    assert editor.toPlainText() == CODE and edited == []
    pane.find_bar.replace_edit.clear()
    qtbot.keyClicks(pane.find_bar.replace_edit, r"\g<name>")
    assert pane.find_bar.count.text() == "3 matches"  # a new replacement: the message goes
    qtbot.mouseClick(_button(pane, "Replace all"), Qt.MouseButton.LeftButton)
    assert pane.find_bar.count.text() == "cannot replace: unknown group name 'name'"
    assert editor.toPlainText() == CODE and edited == []
    pane.find_bar.replace_edit.clear()
    qtbot.keyClicks(pane.find_bar.replace_edit, r"\1 \2_")
    qtbot.mouseClick(_button(pane, "Replace all"), Qt.MouseButton.LeftButton)
    assert "    var locked_ = false;" in _lines(editor) and len(edited) == 1


# -- commands are undo steps of their own -----------------------------------------------------------


def test_commands_report_their_edit_with_a_name_and_typing_without(pane: SourcePane, qtbot) -> None:
    """The window merges typing into one undo step and makes an edit with a name a step of its own."""
    editor = pane.editor
    labels: list[str | None] = []
    editor.sig_edited.connect(lambda: labels.append(editor.edit_label))

    def did(*keys) -> list[str | None]:
        labels.clear()
        for key, mods in keys:
            qtbot.keyClick(editor, key, mods)
        return list(labels)

    none = Qt.KeyboardModifier.NoModifier
    _put_cursor(qtbot, editor, 6)
    assert did((Qt.Key.Key_X, none), (Qt.Key.Key_Backspace, none)) == [None, None]
    _select_lines(qtbot, editor, 3, 2)
    assert did((Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)) == ["Toggle comment"]
    assert did((Qt.Key.Key_Tab, none)) == ["Indent"]
    assert did((Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)) == ["Outdent"]
    QGuiApplication.clipboard().setText("f();\ng();")
    _put_cursor(qtbot, editor, 6)
    assert did((Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)) == ["Paste"]
    assert _lines(editor)[6:8] == ["f();", "g();    }"]
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "iife")
    assert did((Qt.Key.Key_Tab, none)) == ["Insert snippet 'iife'"]
    labels.clear()
    _open_replace(qtbot, pane, "locked", "held")
    qtbot.mouseClick(_button(pane, "Replace all"), Qt.MouseButton.LeftButton)
    # What was replaced with what, and how often: "Undo Replace all" in the Edit menu did not say.
    assert labels == ["Replace 'locked' with 'held' (6 places)"]  # (isLocked too: Match case is off)
    labels.clear()
    pane.find_bar.find_edit.clear()
    qtbot.keyClicks(pane.find_bar.find_edit, "held")
    pane.find_bar.replace_edit.clear()
    qtbot.keyClicks(pane.find_bar.replace_edit, "kept")
    qtbot.mouseClick(_button(pane, "Next"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(_button(pane, "Replace"), Qt.MouseButton.LeftButton)
    assert labels == ["Replace 'held' with 'kept'"]
    assert editor.edit_label is None  # only while the edit is reported


# -- completion -----------------------------------------------------------------------------------


def test_completion_list_opens_under_the_caret(pane: SourcePane, qtbot) -> None:
    editor = pane.editor
    _put_cursor(qtbot, editor, 1, len("    "))
    qtbot.keyClicks(editor, "PEX.")
    popup = editor.completion.completer.popup()
    assert popup.isVisible()
    caret = editor.viewport().mapToGlobal(editor.cursorRect().bottomLeft())
    assert popup.geometry().topLeft() == caret  # not left of it by the width of the line numbers


# -- coming back to a file ----------------------------------------------------------------------


def test_coming_back_to_a_file_finds_the_cursor_and_view_as_left(pane: SourcePane, qtbot) -> None:
    editor = pane.editor
    pane.show_file("long.js", LONG, read_only=False)
    _put_cursor(qtbot, editor, 150, 4)
    for _ in range(3):
        qtbot.keyClick(editor, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert editor.textCursor().selectedText() == "a15"
    scroll = editor.verticalScrollBar().value()
    assert scroll > 0
    pane.show_file("a.plugin.js", CODE, read_only=False)
    assert editor.textCursor().blockNumber() != 150
    pane.show_file("long.js", LONG, read_only=False)
    assert editor.textCursor().blockNumber() == 150 and editor.textCursor().selectedText() == "a15"
    assert editor.verticalScrollBar().value() == scroll
    qtbot.keyClicks(editor, "b")  # the selection is live: typing replaces it
    assert editor.textCursor().block().text() == "var b0 = 150;"
    # Changed while away (shorter now): the cursor goes to the start of the same line or the last one.
    pane.show_file("a.plugin.js", CODE, read_only=False)
    pane.show_file("long.js", LONG[: LONG.index("var a100 ")], read_only=False)
    assert editor.textCursor().blockNumber() == editor.blockCount() - 1
    assert not editor.textCursor().hasSelection()
    pane.show_file("a.plugin.js", CODE, read_only=False)
    pane.show_file("long.js", LONG, read_only=False)
    assert editor.textCursor().blockNumber() == 100 and editor.textCursor().positionInBlock() == 0


def test_typing_with_the_find_bar_open_counts_once_the_typing_pauses(pane: SourcePane, qtbot) -> None:
    """A count searches the whole file: per keystroke it would make typing in a big file lag."""
    bar = pane.find_bar
    bar.open(replace=False)
    qtbot.keyClicks(bar.find_edit, "locked")
    assert bar.count.text() == "6 matches"  # (isLocked too: Match case is off)
    searches: list[int] = []
    real = bar.pattern  # (each count, and only a count here, makes the pattern it searches with)
    bar.pattern = lambda: searches.append(1) or real()  # type: ignore[method-assign]
    cursor = pane.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    pane.editor.setTextCursor(cursor)
    pane.editor.setFocus()
    qtbot.keyClicks(pane.editor, "// locked")
    qtbot.waitUntil(lambda: bar.count.text() == "7 matches")
    assert len(searches) == 1


def test_lines_deleted_with_the_find_bar_open_keep_its_marks_on_the_matches(pane: SourcePane, qtbot) -> None:
    """The marks of the matches follow the text until the count comes again: deleting lines above
    them and moving the cursor marked the text now at the old places and told Qt of places past
    the end of the file (a Qt warning per mark)."""
    editor = pane.editor
    bar = pane.find_bar
    bar.open(replace=False)
    qtbot.keyClicks(bar.find_edit, "send")
    assert bar.count.text() == "1 match"
    editor.setFocus()
    _select_lines(qtbot, editor, 0, 3)  # "(function () {" to "function toggle(details) {"
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClick(editor, Qt.Key.Key_Down)  # (the recount waits for the typing to pause)
    assert bar.count.text() == "1 match"
    marked = [s.cursor.selectedText() for s in editor.extraSelections() if s.cursor.hasSelection()]
    assert "send" in marked
    # A letter typed into the match: once counted again, it is marked no longer.
    qtbot.keyClick(editor, Qt.Key.Key_End)
    while editor.textCursor().block().text().strip() != "send(isLocked);":
        qtbot.keyClick(editor, Qt.Key.Key_Down)
    qtbot.keyClick(editor, Qt.Key.Key_Home)
    qtbot.keyClick(editor, Qt.Key.Key_Right)
    qtbot.keyClicks(editor, "x")
    qtbot.waitUntil(lambda: bar.count.text() == "0 matches")
    marked = [s.cursor.selectedText() for s in editor.extraSelections() if s.cursor.hasSelection()]
    assert not [m for m in marked if "nd" in m]


def test_ctrl_slash_in_an_svg_comments_the_lines_out_in_xml_and_ctrl_j_offers_no_snippets(
    window, qtbot, example_project
) -> None:
    """In an icon's XML, Ctrl+/ did nothing: now it puts <!-- --> around the selected lines (the
    icon loses that shape) and takes it off again. Ctrl+J offers no JavaScript snippets there."""
    from PySide6.QtWidgets import QDialog

    rel = "plugins/lock-toggle/lock.svg"
    window.open_path(example_project)
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("file", rel)))
    assert window.stack.currentWidget() is window.icon_pane
    editor = window.source_editor
    original = editor.toPlainText()
    editor.setFocus()
    _select_lines(qtbot, editor, 1, 1)  # the first <path …/>
    qtbot.keyClick(editor, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    assert _lines(editor)[1] == '    <!-- <path d="M7.5 10V7.5a4.5 4.5 0 0 1 9 0V10h-2V7.5a2.5 2.5 0 0 0-5 0V10z"/> -->'
    assert window.package.read_text(rel) == editor.toPlainText()
    assert window.editor.undo_stack.undoText() == "Toggle comment in the icon lock.svg"
    qtbot.keyClick(editor, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == original
    _select_lines(qtbot, editor, 1, 2)  # both paths: one comment around them
    qtbot.keyClick(editor, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    assert _lines(editor)[1].startswith("    <!-- <path d=") and _lines(editor)[2].endswith('z"/> -->')
    qtbot.keyClick(editor, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == original
    qtbot.keyClick(editor, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert not [d for d in window.findChildren(QDialog) if d.isVisible()]
    assert not window.source_pane.actions_["snippets"].isEnabled()  # (greyed in its right-click menu)
    assert editor.toPlainText() == original


def test_ctrl_slash_in_a_json_file_changes_nothing_and_says_why(pane: SourcePane, qtbot) -> None:
    text = '{\n    "a": 1\n}\n'
    pane.show_file("data.json", text, read_only=False)
    pane.editor.setFocus()
    _select_lines(qtbot, pane.editor, 0, 2)
    with qtbot.waitSignal(pane.editor.sig_said) as said:
        qtbot.keyClick(pane.editor, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    assert said.args == ["JSON has no comments: Ctrl+/ changes nothing in data.json."]
    assert pane.editor.toPlainText() == text


EMOJI_CODE = "// 😀 lock 🎉\nvar lock = '😀😀';\nsend(lock); // é 😀 lock\n"


def test_find_and_replace_after_emoji_mark_select_and_replace_the_very_words(pane: SourcePane, qtbot) -> None:
    """An emoji is two of Qt's units and one Python character: the marks, the match Enter and
    Shift+Enter select (round the end of the file, both ways) and Replace all land on the word
    itself after any number of emoji, in a line or in lines above."""
    editor = pane.editor
    pane.show_file("b.plugin.js", EMOJI_CODE, read_only=False)
    bar = pane.find_bar
    bar.open(replace=True)
    qtbot.keyClicks(bar.find_edit, "lock")
    assert bar.count.text() == "4 matches"
    marked = [
        (s.cursor.blockNumber(), s.cursor.selectedText()) for s in editor.extraSelections() if s.cursor.hasSelection()
    ]
    assert sorted(marked) == [(0, "lock"), (1, "lock"), (2, "lock"), (2, "lock")]
    selected = []
    for _ in range(5):  # Enter: the next match after the selection, the first again after the last
        qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return)
        cursor = editor.textCursor()
        start = cursor.selectionStart() - cursor.block().position()  # (in Qt's units: an emoji is 2)
        selected.append((cursor.blockNumber(), start, cursor.selectedText()))
    assert selected == [(0, 6, "lock"), (1, 4, "lock"), (2, 5, "lock"), (2, 20, "lock"), (0, 6, "lock")]
    backward = []
    for _ in range(2):  # Shift+Enter: the one before, the last one when there is none before
        qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
        cursor = editor.textCursor()
        backward.append((cursor.blockNumber(), cursor.selectionStart() - cursor.block().position()))
    assert backward == [(2, 20), (2, 5)]
    qtbot.keyClicks(bar.replace_edit, "key")
    assert bar.replace_all() == 4
    assert editor.toPlainText() == EMOJI_CODE.replace("lock", "key")


@pytest.mark.parametrize("unit", ["\t", "  "], ids=["tabs", "two-spaces"])
def test_a_closing_brace_that_nothing_opens_steps_back_one_level_of_the_files(
    pane: SourcePane, qtbot, unit: str
) -> None:
    """A "}" typed on an indented line with no "{" to go under went four characters back, whatever
    the file's indentation: in a file of tabs or of two spaces, two levels or all of them."""
    editor = pane.editor
    pane.show_file("own.js", unit + "x();\n" + unit * 2 + "go();\n" + unit * 2, read_only=False)
    _put_cursor(qtbot, editor, 2, len(unit * 2))
    qtbot.keyClicks(editor, "}")
    assert _lines(editor)[2] == unit + "}"


def test_ctrl_slash_at_the_start_of_a_lines_code_keeps_the_cursor_before_that_code(pane: SourcePane, qtbot) -> None:
    """With the cursor at the start of a line's code (where Home puts it), Ctrl+/ left it before the
    "// " it wrote, and what was typed next went in front of the comment: ``    x// var locked``."""
    editor = pane.editor
    _put_cursor(qtbot, editor, 1, len("    "))
    qtbot.keyClick(editor, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, "x")
    assert _lines(editor)[1] == "    // xvar locked = false;"
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    qtbot.keyClick(editor, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)  # and back: still before it
    qtbot.keyClicks(editor, "y")
    assert _lines(editor)[1] == "    yvar locked = false;"


def test_find_says_which_match_it_is_on_and_when_it_went_round_the_end(pane: SourcePane, qtbot) -> None:
    """Enter in the find box went from the last match back to the first without a word, so in a long
    file a developer stepping through "3 matches" could not tell they had seen them all; nor which
    one was selected. The bar now says "2 of 3 matches", and "from the top again" on wrapping."""
    editor = pane.editor
    pane.show_file("b.plugin.js", "lock();\nunlock();\nvar lock = 1;\n", read_only=False)
    bar = pane.find_bar
    bar.open(False)
    qtbot.keyClicks(bar.find_edit, "lock")
    assert bar.count.text() == "3 matches"
    said = []
    for _ in range(4):
        qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return)
        said.append((editor.textCursor().blockNumber(), bar.count.text()))
    assert said == [
        (0, "1 of 3 matches"),
        (1, "2 of 3 matches"),
        (2, "3 of 3 matches"),
        (0, "1 of 3 matches (from the top again)"),
    ]
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert (editor.textCursor().blockNumber(), bar.count.text()) == (2, "3 of 3 matches (from the end again)")
    # Typing in the file: the next Enter counts what is there now.
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    editor.setTextCursor(cursor)
    editor.insertPlainText("// lock\n")
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return)
    assert (editor.textCursor().blockNumber(), bar.count.text()) == (1, "2 of 4 matches")


@pytest.mark.parametrize("how", ["paste", "replace"])
def test_a_line_separator_pasted_or_put_in_by_replace_is_a_line_of_its_own(pane: SourcePane, qtbot, how: str) -> None:
    """A U+2028 pasted into the code, or put in by Replace (one), stayed inside its line in the editor
    while the checks (and JavaScript) end a line there: every problem below it was underlined a line
    too high. It is now a line of its own, as in the file opened again, and the file keeps it."""
    editor = pane.editor
    QGuiApplication.clipboard().setText("a\u2028b")
    if how == "paste":
        _put_cursor(qtbot, editor, 1, len("    var "))
        qtbot.keyClick(editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        expected = CODE.replace("var locked", "var a\u2028blocked")
    else:
        bar = pane.find_bar
        bar.open(True)
        qtbot.keyClicks(bar.find_edit, "send")
        qtbot.keyClick(bar.replace_edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(bar.replace_edit, Qt.Key.Key_Return)  # the first match selected,
        qtbot.keyClick(bar.replace_edit, Qt.Key.Key_Return)  # then replaced
        expected = CODE.replace("send", "a\u2028b")
    assert editor.text() == expected
    assert editor.blockCount() == len(expected.replace("\u2028", "\n").split("\n"))
    assert "\u2028" not in editor.document().toRawText()
    if how == "paste":  # the cursor after what was pasted
        assert (editor.textCursor().blockNumber(), editor.textCursor().positionInBlock()) == (2, 1)


def test_whole_word_finds_and_replaces_a_name_not_the_names_it_is_part_of(pane: SourcePane, qtbot) -> None:
    """Renaming ``locked`` with Replace all also changed ``isLocked`` and ``details.locked``'s
    neighbours such as ``lockedNow``: there was no Whole word option, as code editors have. With it,
    only the name itself matches (``$`` and ``_`` are part of a JavaScript name), with or without
    Regular expression."""
    editor = pane.editor
    pane.show_file("b.plugin.js", "var locked = isLocked || locked$ || locked_2;\nlockedNow(locked);\n", False)
    bar = pane.find_bar
    bar.open(True)
    qtbot.keyClicks(bar.find_edit, "locked")
    assert bar.count.text() == "6 matches"
    qtbot.mouseClick(bar.whole_word, Qt.MouseButton.LeftButton, pos=QPoint(6, bar.whole_word.height() // 2))
    assert bar.whole_word.isChecked() and bar.count.text() == "2 matches"
    qtbot.keyClicks(bar.replace_edit, "shut")
    assert bar.replace_all() == 2
    assert editor.toPlainText() == "var shut = isLocked || locked$ || locked_2;\nlockedNow(shut);\n"
    bar.regex.setChecked(True)
    bar.find_edit.setText("lock|shut")  # (the whole expression is the word: not "lock" inside "locked")
    assert bar.count.text() == "2 matches"


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("(lock", "invalid expression: missing ), unterminated subpattern"),
        ("[a-", "invalid expression: unterminated character set"),
        ("*lock", "invalid expression: nothing to repeat"),
    ],
)
def test_an_invalid_expression_says_what_is_wrong_and_changes_nothing(
    pane: SourcePane, qtbot, typed: str, said: str
) -> None:
    """An expression half typed said only "invalid expression": which bracket, or what, was left to
    guess. The bar now says what re found wrong; Enter and Replace all change nothing."""
    editor = pane.editor
    bar = pane.find_bar
    bar.open(True)
    bar.regex.setChecked(True)
    qtbot.keyClicks(bar.find_edit, typed)
    assert bar.count.text() == said
    before = editor.textCursor().position()
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return)
    assert bar.replace_all() == 0
    assert editor.toPlainText() == CODE and editor.textCursor().position() == before
    assert bar.count.text() == said


def test_find_and_replace_in_the_selected_lines_only(pane: SourcePane, qtbot) -> None:
    """Renaming a variable inside one function meant Replace one by one: Replace all changed every
    match in the file, and there was no way to keep it to the lines selected. Ctrl+H over selected
    lines now ticks In selection: the count, Enter and Replace all keep to them, as they grow or shrink."""
    editor = pane.editor
    pane.show_file("b.plugin.js", "a = lock;\nb = lock;\nc = lock + lock;\nd = lock;\n", read_only=False)
    _put_cursor(qtbot, editor, 1)
    for _ in range(2):
        qtbot.keyClick(editor, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(editor, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    bar = pane.find_bar
    assert bar.in_selection.isChecked()
    qtbot.keyClicks(bar.find_edit, "lock")
    assert bar.count.text() == "3 matches"
    said = []
    for _ in range(4):
        qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return)
        said.append((editor.textCursor().blockNumber(), bar.count.text()))
    assert said == [
        (1, "1 of 3 matches"),
        (2, "2 of 3 matches"),
        (2, "3 of 3 matches"),
        (1, "1 of 3 matches (from the top again)"),
    ]
    qtbot.keyClicks(bar.replace_edit, "door")
    assert bar.replace_all() == 3
    assert editor.toPlainText() == "a = lock;\nb = door;\nc = door + door;\nd = lock;\n"
    bar.find_edit.setText("door")  # the lines kept, grown by the replacements
    assert bar.count.text() == "3 matches"
    bar.find_edit.setText("=")
    assert bar.count.text() == "2 matches"
    qtbot.mouseClick(bar.in_selection, Qt.MouseButton.LeftButton, pos=QPoint(6, bar.in_selection.height() // 2))
    assert not bar.in_selection.isChecked() and bar.count.text() == "4 matches"
    editor.moveCursor(QTextCursor.MoveOperation.End)  # nothing selected: nothing to keep to
    qtbot.mouseClick(bar.in_selection, Qt.MouseButton.LeftButton, pos=QPoint(6, bar.in_selection.height() // 2))
    assert not bar.in_selection.isChecked() and bar.count.text() == "select the lines to search in first"


@pytest.mark.parametrize("typed", ["(?i)LOCKED", "(?i)(?s)locked|shut", "(?x) locked"])
def test_whole_word_keeps_the_expressions_own_flags_first(pane: SourcePane, qtbot, typed: str) -> None:
    """An expression starting with flags, such as ``(?i)``, said "invalid expression: global flags
    not at the start" once Whole word was ticked: the word's edges went before the flags."""
    pane.show_file("b.plugin.js", "var locked = isLocked || locked$;\nlockedNow(locked);\n", False)
    bar = pane.find_bar
    bar.open(False)
    bar.regex.setChecked(True)
    qtbot.keyClicks(bar.find_edit, typed)
    qtbot.mouseClick(bar.whole_word, Qt.MouseButton.LeftButton, pos=QPoint(6, bar.whole_word.height() // 2))
    assert bar.whole_word.isChecked() and bar.count.text() == "2 matches"
    bar.find_edit.setText("(?x) locked  # the flag's own comment")
    assert bar.count.text() == "2 matches"


def _tick(qtbot, box) -> None:
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))


@pytest.mark.parametrize("ticked", [True, False])
def test_the_selection_taken_into_find_follows_the_regular_expression_box(
    pane: SourcePane, qtbot, ticked: bool
) -> None:
    """``load(`` selected with Regular expression ticked went in as ``load\\(``; unticking the box
    then searched for the backslash too and found nothing. The selection taken in now follows the
    box both ways while it is as taken; what the user typed stays as typed."""
    editor = pane.editor
    pane.show_file("b.plugin.js", "load(a); unload(b); x.load(c) + a.b + a(b;\n", read_only=False)
    bar = pane.find_bar
    bar.regex.setChecked(ticked)
    _put_cursor(qtbot, editor, 0)
    for _ in "load(":
        qtbot.keyClick(editor, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(editor, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    said = [(bar.find_edit.text(), bar.count.text())]
    for _ in range(2):
        _tick(qtbot, bar.regex)
        said.append((bar.find_edit.text(), bar.count.text()))
    as_regex, as_text = ("load\\(", "3 matches"), ("load(", "3 matches")
    assert said == ([as_regex, as_text, as_regex] if ticked else [as_text, as_regex, as_text])
    bar.find_edit.selectAll()
    qtbot.keyClicks(bar.find_edit, "a.b")  # typed: the box changes what it means, not the text
    _tick(qtbot, bar.regex)
    assert bar.find_edit.text() == "a.b"
    assert bar.count.text() == ("1 match" if ticked else "2 matches")  # (as an expression: "a(b" too)


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_enter_on_a_focused_button_of_the_find_bar_presses_it(pane: SourcePane, qtbot, key: Qt.Key) -> None:
    """Tabbing to Next or Replace and pressing Enter did nothing: only Space pressed them."""
    editor = pane.editor
    pane.show_file("b.plugin.js", "a = lock;\nb = lock;\n", read_only=False)
    bar = pane.find_bar
    bar.open(True)
    qtbot.keyClicks(bar.find_edit, "lock")
    qtbot.keyClicks(bar.replace_edit, "door")
    _button(pane, "Next").setFocus()
    qtbot.keyClick(_button(pane, "Next"), key)
    assert (editor.textCursor().blockNumber(), editor.textCursor().selectedText()) == (0, "lock")
    _button(pane, "Replace").setFocus()
    qtbot.keyClick(_button(pane, "Replace"), key)
    assert editor.toPlainText() == "a = door;\nb = lock;\n"
    qtbot.keyClick(_button(pane, "Replace all"), key)
    assert editor.toPlainText() == "a = door;\nb = door;\n"


@pytest.mark.parametrize(
    ("typed", "regex", "expected"), [("load(", False, 2), ("(a", False, 1), (r"\.load\(", True, 1)]
)
def test_whole_word_takes_a_search_that_begins_or_ends_with_no_letter(
    pane: SourcePane, qtbot, typed: str, regex: bool, expected: int
) -> None:
    """With Whole word ticked, ``load(`` found nothing in ``load(a)``: the letter after the bracket
    was taken for more of the name. As in VS Code, a word's edge is checked only where the search
    itself begins or ends with a letter (or ``$``, ``_``, a digit)."""
    pane.show_file("b.plugin.js", "load(a); unload(b); x.load(c) + ba(ab;\n", read_only=False)
    bar = pane.find_bar
    bar.open(False)
    bar.regex.setChecked(regex)
    _tick(qtbot, bar.whole_word)
    qtbot.keyClicks(bar.find_edit, typed)
    assert bar.count.text() == f"{expected} match{'es' if expected != 1 else ''}"


def test_the_bar_stops_saying_which_match_once_the_cursor_leaves_it(pane: SourcePane, qtbot) -> None:
    """After Enter the bar said "2 of 3 matches" and went on saying it with the cursor moved off the
    match, clicked elsewhere or the selection grown: the developer read it as where they were."""
    editor = pane.editor
    pane.show_file("b.plugin.js", "lock();\nunlock();\nvar lock = 1;\n", read_only=False)
    bar = pane.find_bar
    bar.open(False)
    qtbot.keyClicks(bar.find_edit, "lock")
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return)
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return)
    assert bar.count.text() == "2 of 3 matches"
    qtbot.keyClick(editor, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert editor.textCursor().selectedText() == "lock(" and bar.count.text() == "3 matches"
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count.text() == "1 of 3 matches"
    qtbot.keyClick(editor, Qt.Key.Key_Down)
    assert bar.count.text() == "3 matches"
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return)
    assert bar.count.text() == "3 of 3 matches"
    qtbot.keyClick(editor, Qt.Key.Key_Right)  # (the selection gone, the cursor where it ended)
    assert not editor.textCursor().hasSelection() and bar.count.text() == "3 matches"


def _tinted(editor) -> list[tuple[int, int]]:
    """The spans of the text tinted as In selection's range (the light theme's tint)."""
    return [
        (s.cursor.selectionStart(), s.cursor.selectionEnd())
        for s in editor.extraSelections()
        if s.format.background().color().name() == "#eeeae0"
    ]


def test_in_selection_tints_the_lines_it_searches_as_they_are_edited(pane: SourcePane, qtbot) -> None:
    """With In selection ticked nothing showed which lines the search kept to: the selection went
    with the first Enter, and the lines were to be remembered. Now they are tinted while the bar is
    open, the tint following the typing in them (at their start too) and going when unticked."""
    editor = pane.editor
    pane.show_file("b.plugin.js", "a = lock;\nb = lock;\nc = lock + lock;\nd = lock;\n", read_only=False)
    _select_lines(qtbot, editor, 1, 2)
    qtbot.keyClick(editor, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    bar = pane.find_bar
    assert bar.in_selection.isChecked()
    assert _tinted(editor) == [(10, 37)]
    qtbot.keyClicks(bar.find_edit, "lock")
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return)  # (the selection goes: the tint stays)
    assert _tinted(editor) == [(20, 37)]  # (but for the current line's own background)
    _put_cursor(qtbot, editor, 1)
    qtbot.keyClicks(editor, "x")  # at the lines' start: in them
    assert _tinted(editor) == [(21, 38)]
    _put_cursor(qtbot, editor, 2, 3)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    assert _tinted(editor) == [(10, 21)]
    _put_cursor(qtbot, editor, 3)
    assert _tinted(editor) == [(10, 37)]
    _tick(qtbot, bar.in_selection)
    assert not bar.in_selection.isChecked() and _tinted(editor) == []
    _select_lines(qtbot, editor, 0, 1)
    _tick(qtbot, bar.in_selection)
    assert _tinted(editor) == [(0, 10)]
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Escape)
    assert not bar.isVisible() and _tinted(editor) == []
    _put_cursor(qtbot, editor, 3)
    qtbot.keyClick(editor, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)  # (nothing selected)
    assert not bar.in_selection.isChecked() and _tinted(editor) == []


def test_the_find_bars_options_tick_with_alt_letters_that_leave_the_keyboard_where_it_was(
    pane: SourcePane, qtbot
) -> None:
    """Match case, Whole word, Regular expression and In selection were ticked with the mouse or by
    Tab after Tab, and nothing said a key: now Alt+C, Alt+W, Alt+R and Alt+L tick and untick them, in
    the find box and in the code alike, as in code editors, their tooltips say so, and the keyboard
    stays where it was (typing on goes on in the find box)."""
    from designer.gui.help import shortcut_groups

    editor, bar = pane.editor, pane.find_bar
    alt = Qt.KeyboardModifier.AltModifier
    qtbot.keyClick(editor, Qt.Key.Key_C, alt)  # (the bar closed: nothing to tick)
    assert not bar.match_case.isChecked()
    pane.show_file("a.plugin.js", CODE, read_only=False)
    qtbot.keyClick(editor, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(bar.find_edit, "Locked")
    assert bar.count.text() == "6 matches"
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_C, alt)
    assert bar.match_case.isChecked() and bar.count.text() == "2 matches"  # (isLocked)
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_W, alt)
    assert bar.whole_word.isChecked() and bar.count.text() == "0 matches"
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_R, alt)
    assert bar.regex.isChecked() and bar.find_edit.hasFocus()
    qtbot.keyClicks(bar.find_edit, "|var")
    assert bar.find_edit.text() == "Locked|var" and bar.count.text() == "3 matches"
    _select_lines(qtbot, editor, 3, 2)
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    qtbot.keyClick(editor, Qt.Key.Key_L, alt)
    assert bar.in_selection.isChecked() and bar.count.text() == "2 matches" and editor.hasFocus()
    qtbot.keyClick(editor, Qt.Key.Key_C, alt)
    assert not bar.match_case.isChecked() and bar.count.text() == "5 matches"
    assert editor.toPlainText() == CODE
    tips = [b.toolTip() for b in (bar.match_case, bar.whole_word, bar.regex, bar.in_selection)]
    assert tips == [
        "Match case (Alt+C)",
        "Whole word (Alt+W): a name alone, not inside a longer one",
        "Regular expression (Alt+R), as JavaScript writes them: $1 and $<name> in the replacement",
        "In selection (Alt+L): only the lines selected when it was ticked",
    ]
    listed = {keys for _group, rows in shortcut_groups(pane) for _command, keys in rows}
    assert {"Alt+C", "Alt+W", "Alt+R", "Alt+L"} <= listed


def test_the_find_bar_reads_the_texts_utf16_offsets_once_per_text(pane: SourcePane, qtbot, monkeypatch) -> None:
    """Each count (each key typed in the find box) found the characters beyond U+FFFF of the whole
    text again: 33 ms a key in a 100,000-line file with accents. Now once per text, until it changes."""
    from designer.gui.panes import source_editor

    built = []
    real = source_editor._Utf16Offsets
    monkeypatch.setattr(source_editor, "_Utf16Offsets", lambda text: built.append(len(text)) or real(text))
    pane.show_file("b.plugin.js", "// Réunion 🔒\nvar lock = 1;\nlock(lock);\n", read_only=False)
    bar = pane.find_bar
    bar.open(False)
    qtbot.keyClicks(bar.find_edit, "lock")
    bar.match_case.click()
    assert bar.count.text() == "3 matches" and len(built) == 1
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return)
    assert (pane.editor.textCursor().selectionStart(), bar.count.text()) == (18, "1 of 3 matches")
    qtbot.keyClicks(pane.editor, "x")  # (the text changed: read anew)
    qtbot.waitUntil(lambda: bar.count.text() == "2 matches")
    assert len(built) == 2


def test_f3_after_the_bar_was_closed_finds_the_word_in_the_text_as_it_is_now(pane: SourcePane, qtbot) -> None:
    """Text typed with the find bar closed was not heard by the bar (it listens only while open),
    yet F3 searched the text it had read before: after typing at the top of the file, F3 selected
    the characters where a match used to be ("cke" for "lock"), and did so at every F3."""
    editor, bar = pane.editor, pane.find_bar
    qtbot.keyClick(editor, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(bar.find_edit, "locked")
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return)
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Escape)
    assert not bar.isVisible() and editor.hasFocus()
    _put_cursor(qtbot, editor, 0)
    qtbot.keyClicks(editor, "// ")
    said = []
    for _ in range(3):
        qtbot.keyClick(editor, Qt.Key.Key_F3)
        cursor = editor.textCursor()
        said.append((cursor.blockNumber(), cursor.selectedText()))
    assert said == [(1, "locked"), (3, "locked"), (4, "Locked")]


def test_f3_after_the_bar_was_closed_searches_the_whole_file_again(pane: SourcePane, qtbot) -> None:
    """Closed with In selection ticked, the bar went on keeping F3 to the lines once selected, with
    nothing left on screen to say so (the bar and the lines' tint gone): F3 went round those lines
    only. The bar opens with In selection ticked by what is selected then, so closing it unticks it."""
    editor, bar = pane.editor, pane.find_bar
    _select_lines(qtbot, editor, 3, 1)
    qtbot.keyClick(editor, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert bar.in_selection.isChecked()
    qtbot.keyClicks(bar.find_edit, "locked")
    assert bar.count.text() == "1 match"
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Escape)
    assert not bar.in_selection.isChecked()
    _put_cursor(qtbot, editor, 0)
    found = []
    for _ in range(3):
        qtbot.keyClick(editor, Qt.Key.Key_F3)
        found.append(editor.textCursor().blockNumber())
    assert found == [1, 3, 4]


def test_the_current_line_shows_inside_the_tinted_lines_of_in_selection(pane: SourcePane, qtbot) -> None:
    """The tint of In selection's lines was painted over the current line's background: moving the
    cursor inside them, the line it was on no longer showed. The tint now leaves that line to it."""
    from conftest import current_line_shown

    editor = pane.editor
    _select_lines(qtbot, editor, 1, 4)
    qtbot.keyClick(editor, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert pane.find_bar.in_selection.isChecked()
    _put_cursor(qtbot, editor, 2, 4)
    assert current_line_shown(editor)
    starts = [editor.document().findBlockByNumber(n).position() for n in (1, 2, 3, 5)]
    assert _tinted(editor) == [(starts[0], starts[1]), (starts[2], starts[3])]
    qtbot.keyClick(editor, Qt.Key.Key_Down)  # (the tint follows the cursor)
    assert current_line_shown(editor)
    assert _tinted(editor) == [
        (starts[0], starts[2]),
        (starts[2] + len(editor.document().findBlockByNumber(3).text()) + 1, starts[3]),
    ]


@pytest.mark.parametrize(
    ("replace", "expected"),
    [
        (r"<\0>", "    <var locked> = false;"),
        (r"\0\0", "    var lockedvar locked = false;"),
        (r"\\0\1", "    \\0var = false;"),
        (r"\012\1", "    \nvar = false;"),  # (three digits: Python's octal escape, as before)
    ],
)
def test_backslash_0_in_a_replacement_is_the_whole_match_not_an_invisible_character(
    pane: SourcePane, qtbot, replace: str, expected: str
) -> None:
    """``\\1`` is the first group, ``$0`` and ``$&`` the whole match, but ``\\0`` put in a NUL
    character (Python's octal escape): an invisible character in the plugin's code, which the
    browser then fails on. Now it is the whole match too, as in editors that take ``\\1``."""
    editor = pane.editor
    _open_replace(qtbot, pane, r"(var) locked", replace)
    assert pane.find_bar.replace_all() == 1
    assert expected in editor.toPlainText() and "\0" not in editor.toPlainText()


def test_replace_all_has_a_key_and_the_bars_buttons_say_theirs(pane: SourcePane, qtbot) -> None:
    """Replace all was reached from the keyboard only by Tab after Tab, and the buttons said none of
    the keys that work (Enter, Shift+Enter, F3). Now Ctrl+Alt+Enter replaces all, as in VS Code, only
    with the Replace box on show (after Ctrl+F it would use a replacement out of sight)."""
    editor, bar = pane.editor, pane.find_bar
    qtbot.keyClick(editor, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(bar.find_edit, "locked")
    bar.replace_edit.setText("shut")  # (typed before, out of sight now)
    ctrl_alt = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return, ctrl_alt)
    assert editor.toPlainText() == CODE
    qtbot.keyClick(editor, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(bar.replace_edit, Qt.Key.Key_Return, ctrl_alt)
    assert "locked" not in editor.toPlainText().lower() and bar.count.text() == "replaced in 6 places"
    tips = {b.text(): b.toolTip() for b in bar.findChildren(QToolButton) if b.text()}  # (not the box's clear button)
    assert tips == {
        "Previous": "Previous match (Shift+Enter, Shift+F3)",
        "Next": "Next match (Enter, F3)",
        "Replace": "Replace the match selected and select the next (Enter in the Replace box)",
        "Replace all": "Replace every match, one undo step (Ctrl+Alt+Enter)",
        "✕": "Close (Esc)",
    }


@pytest.mark.parametrize(
    ("replace", "expected"),
    [(r"\$1", "var $1 = false;"), ("$$1", "var $1 = false;"), (r"\\$1", r"var \locked = false;")],
)
def test_a_dollar_written_as_in_vs_code_is_put_in_as_a_dollar(
    pane: SourcePane, qtbot, replace: str, expected: str
) -> None:
    """\\$1 said "cannot replace: bad escape (end of pattern)"."""
    _open_replace(qtbot, pane, r"var (locked)", "var " + replace)
    qtbot.mouseClick(_button(pane, "Replace all"), Qt.MouseButton.LeftButton)
    assert _lines(pane.editor)[1] == "    " + expected
    assert pane.find_bar.count.text() == "replaced in 1 place"


@pytest.mark.parametrize(
    ("replace", "said"),
    [
        (r"\q", r"cannot replace: \q means nothing in a replacement (\\ is a backslash, \$ a dollar, \n a line break)"),
        ("a\\", r"cannot replace: it ends with a lone \ (write \\ for a backslash)"),
    ],
)
def test_a_bad_escape_in_the_replacement_says_what_to_write(pane: SourcePane, qtbot, replace: str, said: str) -> None:
    _open_replace(qtbot, pane, r"var (locked)", replace)
    qtbot.mouseClick(_button(pane, "Replace all"), Qt.MouseButton.LeftButton)
    assert pane.find_bar.count.text() == said
    assert pane.editor.toPlainText() == CODE


@pytest.mark.parametrize(
    ("find", "replace", "expected"),
    [
        (r"is(L)ocked", r"is\l$1ocked", "var islocked = given ? details.locked : locked;"),
        (r"var (isLocked)", r"var \U$1", "var ISLOCKED = given ? details.locked : locked;"),
        (r"var (isLocked)", r"var \u\L$1", "var Islocked = given ? details.locked : locked;"),
        (r"var (is)(Locked)", r"var $1_\L$2", "var is_locked = given ? details.locked : locked;"),
    ],
)
def test_case_changes_in_the_replacement_work_as_in_vs_code(
    pane: SourcePane, qtbot, find: str, replace: str, expected: str
) -> None:
    r"""\u, \l, \U and \L before a $ reference said "cannot replace: bad escape \u"."""
    _open_replace(qtbot, pane, find, replace)
    qtbot.mouseClick(_button(pane, "Replace all"), Qt.MouseButton.LeftButton)
    assert _lines(pane.editor)[4] == "        " + expected
