"""The source editor's typing help as a developer meets it: bracket matching that skips strings and
comments, snippet prefixes only where a statement starts, Tab over a selection in one line, a
deleted selection as an undo step of its own, and completion of the file's own names."""

from __future__ import annotations

import pytest
from conftest import open_in_editor, shown
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from test_source_editor_by_hand import type_lines

from designer.gui.panes.source_editor import SourcePane


@pytest.fixture
def pane(qtbot) -> SourcePane:
    pane = shown(qtbot, SourcePane(), 700, 400)
    pane.activateWindow()
    qtbot.waitActive(pane)
    pane.show_file("a.plugin.js", "", read_only=False)
    pane.editor.setFocus()
    return pane


def _highlighted_brackets(editor) -> list[tuple[int, str]]:
    """(line column, character) of each bracket shown highlighted, on the cursor's line."""
    block = editor.textCursor().block()
    out = []
    for sel in editor.extraSelections():
        c = sel.cursor
        if c.hasSelection() and c.selectedText() in "()[]{}" and c.block() == block:
            out.append((c.selectionStart() - block.position(), c.selectedText()))
    return sorted(out)


def _put_cursor(editor, line: int, column: int) -> None:
    block = editor.document().findBlockByNumber(line)
    cursor = editor.textCursor()
    cursor.setPosition(block.position() + column)
    editor.setTextCursor(cursor)


@pytest.mark.parametrize(
    "line",
    [
        "if (s === ')') {",
        "if (s === `)${a}`) {",
        "if (s /* ) */) {",
        "if (/\\)/.test(s)) {",
    ],
)
def test_a_bracket_in_a_string_comment_or_regex_is_no_partner(pane: SourcePane, qtbot, line: str) -> None:
    editor = pane.editor
    qtbot.keyClicks(editor, line)
    _put_cursor(editor, 0, line.index("("))
    assert _highlighted_brackets(editor) == [(line.index("("), "("), (line.rindex(")"), ")")]
    _put_cursor(editor, 0, line.rindex(")") + 1)  # just after the real ")": found going back
    assert _highlighted_brackets(editor) == [(line.index("("), "("), (line.rindex(")"), ")")]
    inner = line.index(")")  # the one in the string: matched to nothing, not shown as a bracket
    _put_cursor(editor, 0, inner)
    assert (inner, ")") not in _highlighted_brackets(editor)


def test_a_closing_brace_is_not_misled_by_a_brace_in_a_string_above(pane: SourcePane, qtbot) -> None:
    editor = pane.editor
    type_lines(qtbot, editor, "function f() {", "if (x) {", "s = '}';", "}")
    assert editor.toPlainText().split("\n") == ["function f() {", "    if (x) {", "        s = '}';", "    }"]
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "t = '{';")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "}")
    assert editor.toPlainText().split("\n")[-2:] == ["    t = '{';", "}"]


@pytest.mark.parametrize("typed", ["load: load", "x = load", "f(load", "var a = b.load"])
def test_tab_after_a_snippet_prefix_inside_a_statement_indents(pane: SourcePane, qtbot, typed: str) -> None:
    editor = pane.editor
    qtbot.keyClicks(editor, typed)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.toPlainText() == typed + " " * (4 - len(typed) % 4)
    assert editor.snippet is None


@pytest.mark.parametrize("before", ["", "    ", "x = 1; ", "if (x) {"])
def test_tab_after_a_snippet_prefix_where_a_statement_starts_expands_it(pane: SourcePane, qtbot, before: str) -> None:
    editor = pane.editor
    qtbot.keyClicks(editor, before + "reqlock")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert "PEX.pluginAPI.sendRequest('/lock')" in editor.toPlainText()
    assert "reqlock" not in editor.toPlainText()


def test_tab_over_a_selection_within_a_line_replaces_it_with_the_indentation(pane: SourcePane, qtbot) -> None:
    editor = pane.editor
    qtbot.keyClicks(editor, "var a = 1; // x")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "call(a, b);")
    for _ in range(len("b);")):
        qtbot.keyClick(editor, Qt.Key.Key_Left)
    for _ in range(len("a, ")):
        qtbot.keyClick(editor, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # "a, " selected from column 5: up to column 8
    assert editor.toPlainText().split("\n") == ["var a = 1; // x", "call(   b);"]
    assert editor.textCursor().positionInBlock() == 8 and not editor.textCursor().hasSelection()


def test_tab_over_a_whole_line_or_several_lines_indents_them(pane: SourcePane, qtbot) -> None:
    editor = pane.editor
    type_lines(qtbot, editor, "a();", "b();")
    qtbot.keyClick(editor, Qt.Key.Key_Home)
    qtbot.keyClick(editor, Qt.Key.Key_End, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.toPlainText().split("\n") == ["a();", "    b();"]
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.toPlainText().split("\n") == ["    a();", "        b();"]


def test_deleting_all_then_typing_undoes_in_two_steps(window, qtbot, base_project) -> None:
    editor = open_in_editor(window, base_project, "plugins/rec/rec.plugin.js")
    original = editor.toPlainText()
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClicks(editor, "var x = 1;")
    stack = window.editor.undo_stack
    assert [stack.text(i) for i in range(stack.count())] == [
        "Delete in the code of 'Record'",
        "Edit the code of 'Record'",
    ]
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == ""
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == original


def test_a_cut_is_an_undo_step_of_its_own(window, qtbot, base_project) -> None:
    editor = open_in_editor(window, base_project, "plugins/rec/rec.plugin.js")
    original = editor.toPlainText()
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_End)
    qtbot.keyClick(editor, Qt.Key.Key_Home, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(editor, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
    cut = editor.toPlainText()
    assert cut.split("\n") == ["", *original.split("\n")[1:]]
    qtbot.keyClicks(editor, "// gone")
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == cut
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == original


def test_cut_from_the_right_click_menu_is_an_undo_step_of_its_own(window, qtbot, base_project) -> None:
    editor = open_in_editor(window, base_project, "plugins/rec/rec.plugin.js")
    original = editor.toPlainText()
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_End, Qt.KeyboardModifier.ShiftModifier)
    chosen = []

    def choose_cut() -> None:
        menu = QApplication.activePopupWidget()
        action = next(a for a in menu.actions() if a.objectName() == "edit-cut")
        chosen.append(action)
        action.trigger()
        menu.close()

    QTimer.singleShot(0, choose_cut)
    editor.customContextMenuRequested.emit(editor.cursorRect().center())
    assert chosen
    cut = editor.toPlainText()
    assert cut.split("\n") == ["", *original.split("\n")[1:]]
    qtbot.keyClicks(editor, "// gone")
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == cut
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == original


def _offered(editor) -> list[str]:
    popup = editor.completion.completer.popup()
    assert popup.isVisible()
    model = popup.model()
    return [model.index(i, 0).data().split()[0] for i in range(model.rowCount())]


def test_ctrl_space_on_a_bare_word_offers_the_files_variables_and_parameters(pane: SourcePane, qtbot) -> None:
    editor = pane.editor
    type_lines(
        qtbot,
        editor,
        "var lockedNow = false;",
        "let count = 0, other = 1;",
        "PEX.actions$.subscribe(function (lockEvent, { nested }) {",
        "items.forEach((lockItem = 2) => lockItem);",
        "const lockOf = (...lockRest) => 1;",
        "lo",
    )
    qtbot.keyClick(editor, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    offered = _offered(editor)
    assert {"lockedNow", "lockEvent", "lockItem", "lockOf", "lockRest"} <= set(offered)
    assert "function" not in offered and "const" not in offered  # keywords are not offered
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    qtbot.keyClicks(editor, "cou")
    qtbot.keyClick(editor, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    assert "count" in _offered(editor)
    qtbot.keyClick(editor.completion.completer.popup(), Qt.Key.Key_Return)
    assert editor.textCursor().block().text().strip() == "count"


def test_text_dropped_into_the_code_is_an_undo_step_of_its_own(window, qtbot, base_project) -> None:
    """Text dragged into the editor (from another program, or moved within the file) went into the
    typing before it: Qt makes the drop inside an edit block of its own, so the editor heard of it
    only after its Paste step had ended, as typing. Ctrl+Z then took back the drop and the line
    typed before it at once. A drop is now a step of its own, as a paste is."""
    from PySide6.QtCore import QMimeData, QPoint, QPointF
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent

    from designer.gui.viewports import viewport_of

    editor = open_in_editor(window, base_project, "plugins/rec/rec.plugin.js")
    original = editor.toPlainText()
    editor.setFocus()
    qtbot.keyClicks(editor, "// typed")
    typed = editor.toPlainText()
    data = QMimeData()
    data.setText("dropped ")
    copy, left, none = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    viewport = viewport_of(editor)
    for event in (
        QDragEnterEvent(QPoint(5, 5), copy, data, left, none),
        QDragMoveEvent(QPoint(5, 5), copy, data, left, none),
    ):
        QApplication.sendEvent(viewport, event)
    QApplication.sendEvent(viewport, QDropEvent(QPointF(5, 5), copy, data, left, none))
    assert editor.toPlainText() != typed and "dropped " in editor.toPlainText()
    stack = window.editor.undo_stack
    assert [stack.text(i) for i in range(stack.count())] == [
        "Edit the code of 'Record'",
        "Drop in the code of 'Record'",
    ]
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == typed
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == original


def test_enter_over_lines_selected_downwards_indents_as_the_line_the_selection_starts_on(pane, qtbot) -> None:
    """Enter over a selection of several lines, selected from the top down (Shift+Down), took the
    indentation from the line the selection ended on, where nothing is left after the edit: after
    "function load() {" the new line started at the margin. It is now indented as Enter at the
    selection's start would indent it, and the "}" after the selection goes to a line of its own, as
    for Enter between "{" and "}"."""
    editor = pane.editor
    text = "function load() {\n    old();\n    older();\n}\n"
    for upwards in (False, True):
        pane.show_file("b.plugin.js", "", read_only=False)
        pane.show_file("a.plugin.js", text, read_only=False)
        start, end = len("function load() {"), text.index("}")
        cursor = editor.textCursor()
        cursor.setPosition(end if upwards else start)
        cursor.setPosition(start if upwards else end, cursor.MoveMode.KeepAnchor)
        editor.setTextCursor(cursor)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        assert editor.toPlainText() == "function load() {\n    \n}\n", upwards
        assert (editor.textCursor().blockNumber(), editor.textCursor().positionInBlock()) == (1, 4)


def test_the_right_click_menu_goes_when_pyside_takes_it_for_deleted(pane: SourcePane, qtbot) -> None:
    """The editor's right-click menu is one Qt makes (its standard one), kept through its run:
    PySide can mark that Python object deleted meanwhile (see HeldViewport), and closing it then
    raised "Internal C++ object already deleted" instead of deleting it: each right-click left a
    menu behind. It deletes itself when closed."""
    import shiboken6

    editor = pane.editor
    gone: list[bool] = []

    def close() -> None:
        shiboken6.invalidate(QApplication.activePopupWidget())
        menu = QApplication.activePopupWidget()  # (asked anew: a Python object of its own)
        menu.destroyed.connect(lambda: gone.append(True))
        menu.close()

    QTimer.singleShot(0, close)
    editor.customContextMenuRequested.emit(editor.cursorRect().center())
    qtbot.waitUntil(lambda: gone == [True])
