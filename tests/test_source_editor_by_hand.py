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


def _replace_all(window: MainWindow, qtbot, find: str, replace: str) -> str:
    """Ctrl+H, tick Regular expression, type ``find`` and ``replace``, click Replace all: the count shown."""
    from PySide6.QtWidgets import QToolButton

    editor = window.source_editor
    qtbot.keyClick(editor, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    bar = window.source_pane.find_bar
    assert bar.isVisible()
    if not bar.regex.isChecked():
        qtbot.mouseClick(bar.regex, Qt.MouseButton.LeftButton)
    bar.find_edit.clear()
    qtbot.keyClicks(bar.find_edit, find)
    bar.replace_edit.clear()
    qtbot.keyClicks(bar.replace_edit, replace)
    button = next(b for b in bar.findChildren(QToolButton) if b.text() == "Replace all")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return bar.count.text()


@pytest.mark.parametrize(
    ("replace", "expected"),
    [
        ("$2($1)", "send(x); show(y);"),
        ("${2}", "${2}; ${2};"),  # not a reference in JavaScript
        ("[$&]", "[x.send]; [y.show];"),
        ("$0!", "x.send!; y.show!;"),
        ("$$1", "$1; $1;"),
        ("$1_$2", "x_send; y_show;"),
        ("$<name>", "send; show;"),
        (r"\2", "send; show;"),  # Python's way still works
    ],
)
def test_replace_takes_javascripts_dollar_references(window, editor, qtbot, replace: str, expected: str) -> None:
    qtbot.keyClicks(editor, "x.send; y.show;")
    _replace_all(window, qtbot, r"(\w)\.(?P<name>\w+)", replace)
    assert editor.toPlainText() == expected


@pytest.mark.parametrize(
    ("find", "replace", "expected"),
    [
        (r"(\w)\.(?<name>\w+)", "$<name>", "send; show; go(a, a);"),  # JavaScript's named group
        (r"\((?<w>\w+), \k<w>\)", "($<w>)", "x.send; y.show; go(a);"),  # and its backreference
        (r"(?<=\.)\w+|(?<!, )a(?=,)", "Z", "x.Z; y.Z; go(Z, a);"),  # lookbehinds are no names
        (r"[(?<1>]\w", "!", "x.send; y.show; go!, a);"),  # nor what a class lists
    ],
)
def test_find_takes_javascripts_named_groups(window, editor, qtbot, find: str, replace: str, expected: str) -> None:
    """A JavaScript developer writes (?<name>…) (as in their code and in VS Code): it was said to be
    an "invalid expression", though the replacement takes JavaScript's $<name>."""
    qtbot.keyClicks(editor, "x.send; y.show; go(a, a);")
    _replace_all(window, qtbot, find, replace)
    assert editor.toPlainText() == expected


def test_a_dollar_reference_to_a_group_that_is_not_there_says_so(window, editor, qtbot) -> None:
    qtbot.keyClicks(editor, "x.send;")
    assert _replace_all(window, qtbot, r"(\w)\.(\w+)", "$3") == "cannot replace: invalid group reference 3"
    assert editor.toPlainText() == "x.send;"


@pytest.mark.parametrize("typed", ["PEX.pluginAPI.createNewState({}).", "var n = 3.", "getThing()."])
def test_after_a_dot_of_something_unknown_nothing_is_offered(editor, qtbot, typed: str) -> None:
    """The list offered the file's own functions and PEX there, and Enter put one after the dot."""
    type_lines(qtbot, editor, "function myHandler() {}", "")
    qtbot.keyClicks(editor, typed)
    assert not editor.completion.popup_visible()
    qtbot.keyClick(editor, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    assert not editor.completion.popup_visible()
    qtbot.keyClicks(editor, "my")
    qtbot.keyClick(editor, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    assert not editor.completion.popup_visible()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert editor.toPlainText().split("\n")[1] == typed + "my"


def test_ctrl_space_on_a_bare_word_still_offers_the_files_functions(editor, qtbot) -> None:
    type_lines(qtbot, editor, "function myHandler() {}", "x = my")
    qtbot.keyClick(editor, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    helper = editor.completion
    assert helper.popup_visible() and helper.completer.currentCompletion() == "myHandler"
    qtbot.keyClick(helper.completer.popup(), Qt.Key.Key_Return)
    assert editor.toPlainText().split("\n")[1] == "x = myHandler()"  # (a function: its parentheses too)


def test_enter_on_a_line_of_only_indentation_leaves_it_empty(window, editor, qtbot, example_project: Path) -> None:
    type_lines(qtbot, editor, "function load() {", "var a = 1;", "", "", "var b = 2;", "}")
    assert editor.toPlainText().split("\n") == [
        "function load() {",
        "    var a = 1;",
        "",
        "",
        "    var b = 2;",
        "}",
    ]
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = (example_project / "webapp2" / SRC).read_text()
    assert "var b = 2;" in saved and "\n    \n" not in saved


def test_an_empty_tab_stop_on_its_own_line_takes_enter_and_typing(editor, qtbot) -> None:
    qtbot.keyClicks(editor, "unload")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # the snippet, its stop selected: a comment to type over
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "stop();")
    lines = editor.toPlainText().split("\n")
    at = lines.index("function unload() {")  # (no subscriptions array above it: at the file's top, a global)
    assert at == 0
    assert lines[at + 5 :] == ["", "    stop();", "}"]  # (after the release of the subscriptions)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # on to the end of the snippet
    assert editor.textCursor().blockNumber() == len(lines) - 1 and editor.textCursor().positionInBlock() == 1


@pytest.mark.parametrize(
    "lines",
    [
        ["// Mute the participant."],
        ["var s = 'Ask PEX."],
        ['var s = "Ask PEX.'],
        ["var s = `Hello participant."],
        ["/*", "details."],  # a comment begun on the line above
    ],
)
def test_a_dot_in_a_comment_or_string_opens_no_list_and_enter_goes_to_the_next_line(editor, qtbot, lines) -> None:
    type_lines(qtbot, editor, *lines)
    assert not editor.completion.popup_visible()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert editor.toPlainText().split("\n") == [*lines, ""]


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("var s = `Hello ${participant.", "uuid"),
        ("x = participant.", "uuid"),
        ("var s = 'a' + PEX.", "pluginAPI"),  # after a string that ended
    ],
)
def test_a_dot_in_code_still_opens_the_list(editor, qtbot, typed: str, first: str) -> None:
    qtbot.keyClicks(editor, typed)
    helper = editor.completion
    assert helper.popup_visible() and helper.completer.currentCompletion() == first


@pytest.mark.parametrize(
    "opening",
    ["if (locked) { // when locked", "if (locked) { /* when locked */", "call(function () {  // 😀 done"],
)
def test_enter_after_a_brace_and_a_comment_indents_the_next_line(editor, qtbot, opening: str) -> None:
    editor.insertPlainText(opening)  # (typed at once: the keyboard of the tests has no emoji)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "x();")
    assert editor.toPlainText().split("\n") == [opening, "    x();"]


def test_a_url_in_a_string_is_no_comment_for_the_indentation(editor, qtbot) -> None:
    type_lines(qtbot, editor, "open('https://example.com/', {", "a: 1")
    assert editor.toPlainText().split("\n") == ["open('https://example.com/', {", "    a: 1"]


def test_the_selection_taken_into_find_is_searched_as_written_with_regular_expression_ticked(
    window, editor, qtbot
) -> None:
    qtbot.keyClicks(editor, "load(a); unload(b); x.load(c) + $1.5 * [2];")
    bar = window.source_pane.find_bar
    qtbot.keyClick(editor, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(bar.regex, Qt.MouseButton.LeftButton)
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Escape)  # back to the code, the box left ticked
    for selection, count in (("load(", "3 matches"), ("$1.5 * [2]", "1 match")):
        qtbot.keyClick(editor, Qt.Key.Key_Home)
        start = editor.toPlainText().index(selection)
        for _ in range(start):
            qtbot.keyClick(editor, Qt.Key.Key_Right)
        for _ in selection:
            qtbot.keyClick(editor, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
        qtbot.keyClick(editor, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        assert bar.regex.isChecked() and bar.count.text() == count
        qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return)  # Next: the next one along, selected
        assert editor.textCursor().selectedText() == selection
        qtbot.keyClick(bar.find_edit, Qt.Key.Key_Escape)


def test_ctrl_z_takes_back_the_last_line_typed_not_everything_typed(window, editor, qtbot) -> None:
    type_lines(qtbot, editor, "function load() {", "var a = 1;", "var b = 2;")
    undo = (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, *undo)
    assert editor.toPlainText() == "function load() {\n    var a = 1;"
    qtbot.keyClick(editor, *undo)
    assert editor.toPlainText() == "function load() {"
    qtbot.keyClick(editor, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == "function load() {\n    var a = 1;"
    # A word typed where the cursor was moved to is a step of its own too.
    qtbot.keyClick(editor, Qt.Key.Key_Up)
    qtbot.keyClick(editor, Qt.Key.Key_End)
    qtbot.keyClicks(editor, " // a")
    assert editor.toPlainText() == "function load() { // a\n    var a = 1;"
    qtbot.keyClick(editor, *undo)
    assert editor.toPlainText() == "function load() {\n    var a = 1;"
    qtbot.keyClick(editor, *undo)
    assert editor.toPlainText() == "function load() {"
    qtbot.keyClick(editor, *undo)  # the first line, then the Delete before it: a step of its own
    assert editor.toPlainText() == ""
    qtbot.keyClick(editor, *undo)
    assert editor.toPlainText().startswith("// Lock toggle")


def test_home_goes_to_the_lines_code_first_then_to_its_start(editor, qtbot) -> None:
    type_lines(qtbot, editor, "function load() {", "var a = 1;")
    qtbot.keyClick(editor, Qt.Key.Key_Home)
    assert editor.textCursor().positionInBlock() == 4
    qtbot.keyClicks(editor, "// ")
    assert editor.toPlainText().split("\n")[1] == "    // var a = 1;"
    qtbot.keyClick(editor, Qt.Key.Key_Home)
    qtbot.keyClick(editor, Qt.Key.Key_Home)
    assert editor.textCursor().positionInBlock() == 0
    qtbot.keyClick(editor, Qt.Key.Key_Home)
    assert editor.textCursor().positionInBlock() == 4
    qtbot.keyClick(editor, Qt.Key.Key_End)
    qtbot.keyClick(editor, Qt.Key.Key_Home, Qt.KeyboardModifier.ShiftModifier)
    assert editor.textCursor().selectedText() == "// var a = 1;"


def test_enter_between_braces_inside_a_tab_stop_keeps_the_snippet_going(editor, qtbot) -> None:
    qtbot.keyClicks(editor, "createNewState")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # var state$ = PEX.pluginAPI.createNewState({}); the name selected
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # the initial value "{}" selected
    assert editor.textCursor().selectedText() == "{}"
    qtbot.keyClicks(editor, "{}")
    qtbot.keyClick(editor, Qt.Key.Key_Left)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "label: 'Mute'")
    assert editor.snippet is not None
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # on to the end of the snippet, after the ';'
    assert editor.toPlainText().split("\n") == [
        "var state$ = PEX.pluginAPI.createNewState({",
        "    label: 'Mute'",
        "});",
    ]
    assert editor.textCursor().blockNumber() == 2 and editor.textCursor().positionInBlock() == 3


def test_f3_shift_f3_and_shift_enter_go_through_the_matches_both_ways(window, editor, qtbot) -> None:
    type_lines(qtbot, editor, "load(1);", "load(2);", "load(3);")
    qtbot.keyClick(editor, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    bar = window.source_pane.find_bar
    qtbot.keyClick(editor, Qt.Key.Key_F3)  # nothing to look for yet: the find bar opens
    assert bar.isVisible() and bar.find_edit.hasFocus()
    qtbot.keyClicks(bar.find_edit, "load(")

    def line() -> int:
        cursor = editor.textCursor()
        assert cursor.selectedText() == "load("
        return cursor.blockNumber() + 1

    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return)
    assert line() == 1
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return)
    assert line() == 2
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert line() == 1
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Escape)
    assert editor.hasFocus()
    qtbot.keyClick(editor, Qt.Key.Key_F3)
    assert line() == 2
    qtbot.keyClick(editor, Qt.Key.Key_F3)
    assert line() == 3
    qtbot.keyClick(editor, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert line() == 2


def _colour_at(editor, line: int, column: int) -> str | None:
    """The text colour the editor shows at ``column`` of ``line`` (0-based; ASCII lines), None: the plain text's."""
    from designer.gui.highlight import block_formats

    for start, length, colour in block_formats(editor.document())[line]:
        if start <= column < start + length:
            return colour
    return None


@pytest.mark.parametrize(
    ("line", "code", "text"),
    [
        ("var who = `Hello ${ {a: 1}.a } done`;", ".a", " done"),
        ("x = `${JSON.stringify({a: {b: 1}})} ok`;", "})", " ok"),
        ("y = `${list.map(function (i) { return i; }).join(', ')}!`;", ".join", "!"),
    ],
)
def test_braces_inside_a_templates_dollar_braces_are_code_not_the_end(editor, qtbot, line, code, text) -> None:
    qtbot.keyClicks(editor, line)
    qtbot.waitUntil(editor.colouring_done)
    string = _colour_at(editor, 0, line.index("`"))
    assert string is not None
    assert _colour_at(editor, 0, line.index(code)) != string  # code: not coloured as the template's text
    assert _colour_at(editor, 0, line.rindex(text)) == string
    assert _colour_at(editor, 0, line.rindex("`")) == string


def test_find_ignores_case_unless_match_case_is_ticked(window, editor, qtbot) -> None:
    type_lines(qtbot, editor, "var locked = isLocked || LOCKED;", "lockedNow();")
    bar = window.source_pane.find_bar
    qtbot.keyClick(editor, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(bar.find_edit, "locked")
    assert bar.count.text() == "4 matches"
    qtbot.mouseClick(bar.match_case, Qt.MouseButton.LeftButton)
    assert bar.count.text() == "2 matches"
    qtbot.mouseClick(bar.regex, Qt.MouseButton.LeftButton)
    bar.find_edit.clear()
    qtbot.keyClicks(bar.find_edit, r"\bLocked")
    assert bar.count.text() == "0 matches"
    qtbot.mouseClick(bar.match_case, Qt.MouseButton.LeftButton)  # off again
    assert bar.count.text() == "3 matches"
    qtbot.keyClick(editor, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(bar.replace_edit, "Open")
    from PySide6.QtWidgets import QToolButton

    button = next(b for b in bar.findChildren(QToolButton) if b.text() == "Replace all")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert editor.toPlainText() == "var Open = isLocked || Open;\nOpenNow();"


def test_hovering_a_problems_underline_shows_its_message(window, editor, qtbot, monkeypatch) -> None:
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent, QTextCursor
    from PySide6.QtWidgets import QApplication, QToolTip

    shown: list[str] = []
    monkeypatch.setattr(QToolTip, "showText", lambda _pos, text, *_a: shown.append(text))
    type_lines(qtbot, editor, "(function () {", "var a = 1 +;", "})();")
    qtbot.waitUntil(lambda: editor.markers != [], timeout=5000)
    marker = editor.markers[0]
    assert marker.line == 2 and "syntax error" in marker.message

    def hover(column: int) -> None:
        cursor = QTextCursor(editor.document().findBlockByNumber(1))
        cursor.setPosition(cursor.position() + column)
        rect = editor.cursorRect(cursor)
        pos = QPoint(rect.left() + 2, rect.center().y())  # over the character after ``column``
        QApplication.sendEvent(
            editor.viewport(), QHelpEvent(QEvent.Type.ToolTip, pos, editor.viewport().mapToGlobal(pos))
        )

    hover(marker.column - 1)
    assert shown == [marker.message]
    hover(4)  # over 'var': no problem there
    assert shown == [marker.message]


def test_ctrl_slash_on_an_empty_line_begins_a_comment_there(editor, qtbot) -> None:
    type_lines(qtbot, editor, "function load() {", "")
    qtbot.keyClick(editor, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, "todo")
    assert editor.toPlainText().split("\n") == ["function load() {", "    // todo"]
    qtbot.keyClick(editor, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText().split("\n") == ["function load() {", "    todo"]


@pytest.mark.parametrize(
    ("typed", "offered", "chosen", "line"),
    [
        ("state$.", ["next"], "next", "state$.next()"),
        ("lockState$.ne", ["next"], "next", "lockState$.next()"),
        ("dialogRef.", ["close", "close$"], "close$", "dialogRef.close$"),
    ],
)
def test_a_menu_state_and_a_dialog_offer_their_members(editor, qtbot, typed, offered, chosen, line) -> None:
    qtbot.keyClicks(editor, typed)
    helper = editor.completion
    assert helper.popup_visible()
    model = helper.completer.completionModel()
    assert [model.index(i, 0).data().split()[0] for i in range(model.rowCount())] == offered
    while helper.completer.popup().currentIndex().data().split()[0] != chosen:
        qtbot.keyClick(helper.completer.popup(), Qt.Key.Key_Down)
    qtbot.keyClick(helper.completer.popup(), Qt.Key.Key_Return)
    assert editor.toPlainText() == line


@pytest.mark.parametrize(
    ("typed", "first", "also"),
    [
        ("PEX.pluginAPI.layout", "changeConferenceLayout", {"transformConferenceLayout"}),
        ("participant.dis", "canDisconnect", set()),
        ("PEX.pluginAPI.spot", "spotlightOnParticipant", {"spotlightOffParticipant"}),
    ],
)
def test_completion_finds_a_name_by_any_part_of_it(editor, qtbot, typed: str, first: str, also: set[str]) -> None:
    qtbot.keyClicks(editor, typed)
    helper = editor.completion
    assert helper.popup_visible()
    model = helper.completer.completionModel()
    names = [model.index(i, 0).data().split()[0] for i in range(model.rowCount())]
    assert names[0] == first and also <= set(names)
    qtbot.keyClick(helper.completer.popup(), Qt.Key.Key_Return)
    call = "()" if first != "canDisconnect" else ""  # (a function gets its parentheses, a property not)
    assert editor.toPlainText() == typed.rsplit(".", 1)[0] + "." + first + call


def test_names_that_start_with_what_was_typed_come_first(editor, qtbot) -> None:
    type_lines(qtbot, editor, "function unlockAll() {}", "function lockIt() {}", "lock")
    qtbot.keyClick(editor, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    helper = editor.completion
    model = helper.completer.completionModel()
    assert [model.index(i, 0).data().split()[0] for i in range(model.rowCount())] == ["lockIt", "unlockAll"]


def test_escape_in_the_code_closes_the_find_bar(window, editor, qtbot) -> None:
    """After Enter in the find box took the keyboard to a match in the code, Esc there left the bar
    open, its marks all over the text: only its ✕ or Esc back in its box closed it. A first Esc
    still leaves a snippet's placeholders, the next one closes the bar."""
    type_lines(qtbot, editor, "var lock = 1;", "lock = 2;", "queryparams")
    bar = window.source_pane.find_bar
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # the snippet: its first placeholder selected
    assert editor.snippet is not None
    qtbot.keyClick(editor, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(bar.find_edit, "lock")
    assert bar.count.text() == "2 matches"
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert editor.snippet is None and bar.isVisible()
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not bar.isVisible() and editor.hasFocus()
    assert not [s for s in editor.extraSelections() if s.cursor.selectedText().lower() == "lock"]


def test_home_goes_to_the_code_first_on_a_short_line_of_a_file_shown_wrapped(qtbot) -> None:
    """A file with a line too long to colour (minified code pasted in) is shown wrapped, and Home
    was then Qt's own on every line: on a short indented line it went to the very start, before
    the indentation. Only a line that is wrapped into several rows keeps Qt's Home (to its row's start)."""
    from conftest import shown

    from designer.gui.highlight import LONG_LINE
    from designer.gui.panes.source_editor import SourcePane

    pane = shown(qtbot, SourcePane(), 700, 400)
    text = "function load() {\n    var a = 1;\n}\nvar data = '" + "x" * LONG_LINE + "';\n"
    pane.show_file("a.plugin.js", text, read_only=False)
    editor = pane.editor
    assert editor.lineWrapMode() != editor.LineWrapMode.NoWrap
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.setPosition(text.index("var a = 1;") + len("var a = 1;"))
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_Home)
    assert editor.textCursor().positionInBlock() == 4
    qtbot.keyClick(editor, Qt.Key.Key_Home)
    assert editor.textCursor().positionInBlock() == 0
    # On the wrapped line, Home goes to the start of the cursor's row, as before.
    cursor.setPosition(len(text) - 3)
    editor.setTextCursor(cursor)
    row_start = editor.textCursor().block().layout().lineForTextPosition(editor.textCursor().positionInBlock())
    qtbot.keyClick(editor, Qt.Key.Key_Home)
    assert editor.textCursor().positionInBlock() == row_start.textStart() > 0
