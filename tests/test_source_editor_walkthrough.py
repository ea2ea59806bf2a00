"""A new user's walk through the source editor with the bundled example: change what a button does,
break the code on purpose, and read what the designer says about it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLE, open_in_editor
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QToolButton
from test_preview import _js, _wait_started, _window_with_preview

JS = "plugins/lock-toggle/lock-toggle.plugin.js"


def _example_with(tmp_path: Path, old: str, new: str) -> Path:
    """The example with the first ``old`` in Lock toggle's source replaced by ``new``."""
    project = tmp_path / "example"
    shutil.copytree(EXAMPLE, project)
    js = project / "webapp2" / JS
    js.write_text(js.read_text().replace(old, new, 1))
    return project


def _typing_in_example(window, qtbot, tmp_path: Path):
    """Lock toggle's source of a copy of the example open in the editor, which has the keyboard
    in the active window (as when a user clicked into it)."""
    project = tmp_path / "example"
    shutil.copytree(EXAMPLE, project)
    editor = open_in_editor(window, project, JS)
    window.activateWindow()
    qtbot.waitActive(window)
    editor.setFocus()
    return editor


def test_the_fix_for_a_misspelt_action_key_shows_the_name_it_renames_to(window, qtbot, tmp_path: Path) -> None:
    """registerPlugin's 'toggleLock' misspelt 'toggleLok': the Fix button read "Rename 'toggleLok' to
    … in registerPlugin", the name it would write cut out. The button keeps both names now, and
    clicking it puts the right key back."""
    project = _example_with(tmp_path, "toggleLock: toggleLock", "toggleLok: toggleLock")
    window.open_path(project)
    buttons = [b for b in window.problems_view.findChildren(QPushButton) if b.objectName() == "fixButton"]
    assert len(buttons) == 1
    assert "'toggleLok'" in buttons[0].text() and "'toggleLock'" in buttons[0].text(), buttons[0].text()
    buttons[0].click()
    assert "        toggleLock: toggleLock,\n" in window.package.read_text(JS)


def test_the_line_being_typed_stays_in_view_when_the_problems_list_opens(window, qtbot, tmp_path: Path) -> None:
    """Deleting a line's "}" near the bottom of the editor brought up the Problems list, which took
    its height from the editor: the line the user was typing on went out of sight under it. The
    editor now keeps the cursor's line in view when it gets shorter."""
    editor = _typing_in_example(window, qtbot, tmp_path)
    assert window.problems_view.maximumHeight() < 100  # no problems: the list folded to its header
    line = 55  # the "}" that ends unload()
    assert editor.document().findBlockByNumber(line - 1).text() == "    }"
    editor.go_to_line(line)
    rows = editor.viewport().height() // editor.cursorRect().height()
    editor.verticalScrollBar().setValue(line - rows)  # its line the last one in view, as if typed there
    assert editor.viewport().height() - 2 * editor.cursorRect().height() < editor.cursorRect().bottom()
    tall = editor.viewport().height()
    qtbot.keyClick(editor, Qt.Key.Key_End, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: window.problems_view.maximumHeight() > 100)
    qtbot.waitUntil(lambda: editor.viewport().height() < tall - 100)  # the list took its room
    assert editor.textCursor().blockNumber() == line - 1
    assert 0 <= editor.cursorRect().top() and editor.cursorRect().bottom() <= editor.viewport().height()


def _marked(editor) -> list[str]:
    """The text of each stretch the editor shows with a background of its own (not the brackets')."""
    return [
        s.cursor.selectedText()
        for s in editor.extraSelections()
        if s.format.hasProperty(s.format.Property.BackgroundBrush) and len(s.cursor.selectedText()) > 1
    ]


def test_what_the_find_bar_counts_is_marked_in_the_text(window, qtbot, tmp_path: Path) -> None:
    """Ctrl+F and "lock" said "36 matches", and nothing in the text showed where they were until
    Enter selected one of them. Each match is marked while the bar is open (a regular expression's
    too, and again after the text changes); closing the bar takes the marks away."""
    editor = _typing_in_example(window, qtbot, tmp_path)
    qtbot.keyClick(editor, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.source_pane.find_bar
    assert bar.find_edit.hasFocus()
    qtbot.keyClicks(bar.find_edit, "console.")
    assert bar.count.text() == "2 matches"
    assert _marked(editor) == ["console.", "console."]
    qtbot.mouseClick(bar.regex, Qt.MouseButton.LeftButton)
    bar.find_edit.clear()
    qtbot.keyClicks(bar.find_edit, r"'/(un)?lock'")
    assert _marked(editor) == ["'/unlock'", "'/lock'"]
    editor.setFocus()
    editor.go_to_line(10)
    qtbot.keyClicks(editor, "var x = '/lock';")  # typed: marked too, once the typing pauses
    qtbot.waitUntil(lambda: len(_marked(editor)) == 3)
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Escape)
    assert not bar.isVisible() and _marked(editor) == []


def test_a_plugin_that_breaks_when_its_button_is_pressed_is_said_in_plain_words(qtbot, tmp_path: Path) -> None:
    """A button whose code read a property of nothing said only "TypeError: Cannot read properties
    of undefined (reading 'name')", words for JavaScript developers. The preview's log and the
    Problems list now say first what went wrong in plain words, with the browser's words after
    them (what a web search needs) and the file and line."""
    project = _example_with(
        tmp_path,
        "var request = isLocked",
        "var name = conferenceDetails.participant.name;\n        var request = isLocked",
    )
    with _window_with_preview(project) as win:
        pane = win.preview_pane
        _wait_started(qtbot, pane)
        _js(qtbot, pane.page, "document.querySelector('#pd-toolbar [data-plugin=\"lock-toggle\"]').click(); true")
        qtbot.waitUntil(lambda: "would show the Oops page" in pane.log.toPlainText(), timeout=5000)
        said = (
            "This would show the Oops page for every host — The code reads 'name' of something that has no "
            "value here (it is undefined). TypeError: Cannot read properties of undefined (reading 'name') "
            "at plugins/lock-toggle/lock-toggle.plugin.js:39 (in toggleLock)"
        )
        assert f"[Lock toggle] {said}" in pane.log.toPlainText().splitlines()
        card = _js(qtbot, pane.page, "document.getElementById('pd-oops').textContent")
        assert (
            "Lock toggle: The code reads 'name' of something that has no value here (it is undefined). TypeError:"
            in card
        )
        qtbot.waitUntil(lambda: any(p.code == "PD800" for p in win._all_problems()))
        assert [p.message for p in win._all_problems() if p.code == "PD800"] == [said]


def test_a_function_whose_last_line_lost_its_closing_brace_is_reported_at_its_opening_line(
    window, qtbot, tmp_path: Path
) -> None:
    """The "}" that ends toggleLock deleted (its body still indented below it): the Problems list
    and the editor's mark said "'}' is missing here" on the file's last line, 18 lines below the
    function, and a non-developer looked for it there. Now they name the line whose "{" is never
    closed, the function's."""
    project = _example_with(tmp_path, "            });\n    }\n", "            });\n\n")
    window.open_path(project)
    (problem,) = [p for p in window._all_problems() if p.code == "PD500"]
    assert (problem.file, problem.line) == (f"{JS}", 36)  # function toggleLock(participants, conferenceDetails) {
    assert "this '{' is never closed: its '}' is missing" in problem.message


def test_ctrl_0_puts_the_text_back_to_its_normal_size_after_zooming(window, qtbot, tmp_path: Path) -> None:
    """Ctrl++ three times made the code big, and the only way back was Ctrl+- pressed as often
    (the icon canvas has Ctrl+0). Ctrl+0 now gives the text its normal size, line numbers too."""
    editor = _typing_in_example(window, qtbot, tmp_path)
    size, row, gutter = editor.font().pointSizeF(), editor.cursorRect().height(), editor.gutter_width()
    for _ in range(3):
        qtbot.keyClick(editor, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert editor.font().pointSizeF() > size and editor.cursorRect().height() > row
    qtbot.keyClick(editor, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert editor.font().pointSizeF() == size
    assert (editor.cursorRect().height(), editor.gutter_width()) == (row, gutter)
    assert editor.toPlainText() == (tmp_path / "example" / "webapp2" / JS).read_text()  # no "0" typed into the code


def test_zooming_in_stops_at_a_largest_size_as_zooming_out_stops_at_a_smallest(window, qtbot, tmp_path: Path) -> None:
    """Ctrl++ held down grew the text without end (109 pt after 100 presses, a few letters to a
    screen), where Ctrl+- stops at 6 pt; then Ctrl+- changed nothing visible for dozens of presses."""
    editor = _typing_in_example(window, qtbot, tmp_path)
    for _ in range(100):
        qtbot.keyClick(editor, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    largest = editor.font().pointSizeF()
    assert largest == 72
    qtbot.keyClick(editor, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert editor.font().pointSizeF() == largest - 1
    for _ in range(100):
        qtbot.keyClick(editor, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert editor.font().pointSizeF() == 6


def _ctrl_wheel(editor, notches: int) -> None:
    """Turn the mouse wheel ``notches`` notches (up: positive) over the text with Ctrl held."""
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    at = QPointF(editor.viewport().rect().center())
    for _ in range(abs(notches)):
        turn = QPoint(0, 120 if notches > 0 else -120)
        event = QWheelEvent(
            at,
            editor.viewport().mapToGlobal(at),
            QPoint(),
            turn,
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.ControlModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(editor.viewport(), event)


@pytest.mark.parametrize("rel", [JS, "settings.json"])
def test_ctrl_and_the_mouse_wheel_zoom_as_ctrl_plus_and_minus_do(window, qtbot, tmp_path: Path, rel: str) -> None:
    """Qt zoomed a read-only file (settings.json) by itself on Ctrl+wheel, without widening the line
    numbers' margin ("10" and up drawn cut off) or the tab stops, and without end; a file that can
    be edited did not zoom at all."""
    editor = _typing_in_example(window, qtbot, tmp_path)
    editor = open_in_editor(window, tmp_path / "example", rel)
    size, gutter = editor.font().pointSizeF(), editor.gutter_width()
    _ctrl_wheel(editor, 3)
    assert editor.font().pointSizeF() == size + 3
    assert editor.gutter_width() > gutter and editor.viewportMargins().left() == editor.gutter_width()
    assert editor.tabStopDistance() == 4 * editor.fontMetrics().horizontalAdvance(" ")
    _ctrl_wheel(editor, 100)
    assert editor.font().pointSizeF() == 72
    _ctrl_wheel(editor, -1)
    assert editor.font().pointSizeF() == 71


def test_replace_all_says_how_many_places_it_replaced(window, qtbot, tmp_path: Path) -> None:
    """Replace all of "console.warn" with "console.log" left the bar saying "0 matches", which read
    as if nothing had been found; the count now says what was done until the search changes."""
    editor = _typing_in_example(window, qtbot, tmp_path)
    qtbot.keyClick(editor, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    bar = window.source_pane.find_bar
    qtbot.keyClicks(bar.find_edit, "console.")
    qtbot.keyClicks(bar.replace_edit, "window.console.")
    button = next(b for b in bar.findChildren(QToolButton) if b.text() == "Replace all")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert editor.toPlainText().count("window.console.") == 2
    assert bar.count.text() == "replaced in 2 places (2 matches now)"
    assert not bar._recount.isActive()  # (the recount after typing in the file must not take the words back)
    bar.find_edit.clear()
    qtbot.keyClicks(bar.find_edit, "window.console.log")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert bar.count.text() == "replaced in 1 place"
    qtbot.keyClicks(bar.find_edit, "(")
    assert bar.count.text() == "0 matches"


def test_typing_the_missing_comma_after_going_to_the_problem_fixes_it(window, qtbot, tmp_path: Path) -> None:
    """Enter on "a comma (,) is missing at the end of this line" went to the line with all of it
    selected, so the "," the user typed next replaced the whole line ("unload: unload" gone). The
    cursor now goes where the problem is, the end of that line, and the comma typed fixes it."""
    project = _example_with(tmp_path, "        load: load,\n", "        load: load\n")
    window.open_path(project)
    window.activateWindow()
    qtbot.waitActive(window)
    view = window.problems_view
    (row,) = [r for r in view.problem_items() if r.text(2) == "PD500"]
    assert "a comma (,) is missing at the end of this line" in row.text(0)
    view.setFocus()
    view.setCurrentItem(row)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    editor = window.source_editor
    qtbot.waitUntil(editor.hasFocus)
    cursor = editor.textCursor()
    assert (cursor.blockNumber() + 1, cursor.positionInBlock()) == (60, len("        load: load"))
    assert not cursor.hasSelection()
    qtbot.keyClicks(editor, ",")
    assert "        load: load,\n        unload: unload,\n" in window.package.read_text(JS)
    qtbot.waitUntil(lambda: not any(p.code == "PD500" for p in window._all_problems()))
