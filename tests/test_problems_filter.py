"""The filter above the Problems list: words (message, code, file), a toggle per severity.

Driven as a user does, on a package of many broken plugins (see test_problems_at_scale): typing
in the field, clicking the toggles, a Fix on a row the filter shows, the keys between the field
and the list.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from test_problems_at_scale import broken_plugins

from designer.gui.main_window import MainWindow
from designer.gui.panes.problems_pane import MOST_ROWS

_CTRL = Qt.KeyboardModifier.ControlModifier


def _problem(row):
    return row.data(0, Qt.ItemDataRole.UserRole)


def _shown(window: MainWindow) -> list:
    return [_problem(row) for row in window.problems_view.shown_problem_items()]


def _open(window: MainWindow, tmp_path: Path, plugins: int = 12) -> list:
    window.open_path(broken_plugins(tmp_path / "p", plugins=plugins))
    return window._all_problems()


def _type(qtbot, window: MainWindow, text: str) -> None:
    """Select the field's words and type ``text`` over them, then wait for the pause in typing."""
    field = window.problems_filter.field
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.waitUntil(lambda: not window.problems_filter._pause.isActive())


def test_typing_shows_the_problems_whose_message_code_or_file_hold_the_words(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    problems = _open(window, tmp_path)
    view = window.problems_view
    rows = list(view.problem_items())
    buttons = [view.itemWidget(row, 3) for row in rows]
    field = window.problems_filter.field
    assert field.placeholderText() == "Filter problems (text or code, e.g. PD505)"
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, "pd400")  # a code, in any case
    # Filtered after a pause in typing, not at each key
    assert len(_shown(window)) == len(problems) and window.problems_dock.windowTitle() == f"Problems ({len(problems)})"
    pd400 = [p for p in problems if p.code == "PD400"]
    qtbot.waitUntil(lambda: len(_shown(window)) == len(pd400))
    assert _shown(window) == pd400
    assert window.problems_dock.windowTitle() == f"Problems ({len(pd400)} of {len(problems)})"
    # The rows are those of the list, hidden, not made again: their Fix buttons are the same too
    assert list(view.problem_items()) == rows and [view.itemWidget(row, 3) for row in rows] == buttons
    heads = [view.topLevelItem(i) for i in range(view.topLevelItemCount())]
    assert heads[0].text(0) == "Plugin 00 (25, 12 shown)"
    # Words of a file and of a message: every word must be in the problem
    _type(qtbot, window, "P03/p03.PLUGIN.js act1")
    expected = [p for p in problems if p.file.endswith("p03/p03.plugin.js") and "act1" in p.message]
    assert len(expected) == 3 and _shown(window) == expected  # act1, act10, act11
    assert [h.isHidden() for h in heads] == [n != 3 for n in range(12)]  # the others' groups hidden
    assert window.problems_dock.windowTitle() == f"Problems (3 of {len(problems)})"
    # Nothing matches: a row says so, the title says 0
    _type(qtbot, window, "no such words")
    assert _shown(window) == []
    assert view.topLevelItem(view.topLevelItemCount() - 1).text(0).startswith("No problem matches the filter.")
    assert window.problems_dock.windowTitle() == f"Problems (0 of {len(problems)})"
    field.clear()
    qtbot.waitUntil(lambda: len(_shown(window)) == len(problems))
    assert window.problems_dock.windowTitle() == f"Problems ({len(problems)})"
    assert [h.text(0) for h in heads][:2] == ["Plugin 00 (25)", "Plugin 01 (25)"]
    assert not any(view.topLevelItem(i).text(0).startswith("No problem") for i in range(view.topLevelItemCount()))


def test_the_toggles_show_each_severity_with_its_count(window: MainWindow, qtbot, tmp_path: Path) -> None:
    problems = _open(window, tmp_path)
    toggles = window.problems_filter.toggles
    window.problems_dock.setFloating(True)
    window.problems_dock.resize(1000, 400)  # room for the words
    errors = [p for p in problems if p.severity.value == "error"]
    notes = [p for p in problems if p.severity.value == "info"]
    assert (len(errors), len(notes)) == (288, 12)
    assert [t.text() for t in toggles.values()] == ["Errors 288", "Warnings 0", "Notes 12"]
    qtbot.mouseClick(toggles["error"], Qt.MouseButton.LeftButton)
    assert _shown(window) == notes and window.problems_dock.windowTitle() == "Problems (12 of 300)"
    assert "hidden" in toggles["error"].toolTip()
    assert window.problems_view.topLevelItem(0).text(0) == "Plugin 00 (25, 1 shown)"
    qtbot.mouseClick(toggles["warning"], Qt.MouseButton.LeftButton)  # (there are none): no "shown" to say
    assert window.problems_dock.windowTitle() == "Problems (12 of 300)"
    qtbot.mouseClick(toggles["error"], Qt.MouseButton.LeftButton)
    assert window.problems_view.topLevelItem(0).text(0) == "Plugin 00 (25)"
    qtbot.mouseClick(toggles["warning"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(toggles["error"], Qt.MouseButton.LeftButton)
    # With words too: both must match
    _type(qtbot, window, "p05")
    assert _shown(window) == [p for p in notes if p.plugin == "p05"]
    qtbot.mouseClick(toggles["error"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(toggles["info"], Qt.MouseButton.LeftButton)
    assert _shown(window) == [p for p in errors if p.plugin == "p05"]
    # In a narrow dock the counts stay, beside their icons
    window.problems_dock.resize(420, 400)
    qtbot.waitUntil(lambda: toggles["error"].text() == "288")
    assert toggles["error"].accessibleName() == "Errors: 288"


def test_a_fix_on_a_filtered_row_and_the_check_after_it_keep_the_filter(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    """Down from the field to the first problem shown, Tab to its Fix, Space: the list is checked
    again, still filtered, the keyboard on the next problem shown, folded groups still folded."""
    problems = _open(window, tmp_path)
    view = window.problems_view
    heads = [view.topLevelItem(i) for i in range(view.topLevelItemCount())]
    heads[1].setExpanded(False)  # the user folds one group (the last ones are folded: a long list)
    folding = [h.isExpanded() for h in heads]
    assert folding[:3] == [True, False, True] and not folding[-1]
    _type(qtbot, window, "recc.svg")
    pd400 = [p for p in problems if p.code == "PD400"]
    assert _shown(window) == pd400
    field = window.problems_filter.field
    qtbot.keyClick(field, Qt.Key.Key_Down)
    assert view.hasFocus() and _problem(view.currentItem()) is pd400[0]
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    fix = QApplication.focusWidget()
    assert isinstance(fix, QPushButton) and fix is view.itemWidget(view.currentItem(), 3)
    assert fix.property("fullTitle") == "Use 'rec.svg'"
    qtbot.keyClick(fix, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: len(_shown(window)) == len(pd400) - 1)
    assert all(p.code == "PD400" for p in _shown(window))
    assert field.text() == "recc.svg" and window.problems_dock.windowTitle() == f"Problems (143 of {len(problems) - 1})"
    qtbot.waitUntil(view.hasFocus)
    assert not view.currentItem().isHidden() and _problem(view.currentItem()) == pd400[1]
    heads = [view.topLevelItem(i) for i in range(view.topLevelItemCount())]
    assert [h.isExpanded() for h in heads] == folding
    assert heads[0].text(0) == "Plugin 00 (24, 11 shown)"
    # Undone (a check of its own): still filtered
    window.editor.undo_stack.undo()
    qtbot.waitUntil(lambda: len(_shown(window)) == len(pd400))
    assert field.text() == "recc.svg" and window.problems_dock.windowTitle() == f"Problems (144 of {len(problems)})"


def test_ctrl_f_escape_and_down_between_the_list_and_the_field(window: MainWindow, qtbot, tmp_path: Path) -> None:
    problems = _open(window, tmp_path)
    view = window.problems_view
    field = window.problems_filter.field
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_M, _CTRL | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_F, _CTRL)
    assert QApplication.focusWidget() is field
    qtbot.keyClicks(field, "p07")
    qtbot.keyClick(field, Qt.Key.Key_Down)  # at once, with no pause to wait for
    assert view.hasFocus() and _problem(view.currentItem()).plugin == "p07"
    assert view.currentItem().parent().isExpanded()  # (its group was folded: a long list)
    assert {p.plugin for p in _shown(window)} == {"p07"}
    qtbot.keyClick(view, Qt.Key.Key_F, _CTRL)  # back: the words selected, typing replaces them
    assert QApplication.focusWidget() is field and field.selectedText() == "p07"
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert field.text() == "" and view.hasFocus()
    assert len(_shown(window)) == len(problems) and window.problems_dock.windowTitle() == "Problems (300)"


def test_tab_goes_from_the_list_to_the_filter_then_its_toggles(window: MainWindow, qtbot, tmp_path: Path) -> None:
    """The order chosen: the list (what Tab from the page reaches), each problem's Fix from its row,
    then the filter's field and its toggles; Shift+Tab the other way."""
    _open(window, tmp_path, plugins=2)
    view = window.problems_view
    bar = window.problems_filter
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    view.setCurrentItem(view.topLevelItem(0))  # a group's title: no Fix
    seen = []
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen == [bar.field, *bar.toggles.values()]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is view
    # From a problem's Fix, Tab goes on to the filter too
    view.setCurrentItem(next(r for r in view.problem_items() if view.itemWidget(r, 3) is not None))
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert isinstance(QApplication.focusWidget(), QPushButton)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is bar.field
    # Round the window: the filter's last switch is the last stop before the tree, as the list was
    window.tree.setFocus()
    qtbot.waitUntil(window.tree.hasFocus)
    qtbot.keyClick(window.tree, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is bar.toggles["info"]
    qtbot.keyClick(bar.toggles["info"], Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.tree
    # Space on a toggle switches it
    bar.toggles["error"].setFocus()
    qtbot.keyClick(bar.toggles["error"], Qt.Key.Key_Space)
    assert not bar.toggles["error"].isChecked()
    assert all(p.severity.value != "error" for p in _shown(window))


def test_the_last_row_counts_the_matching_problems_not_listed(window: MainWindow, qtbot, tmp_path: Path) -> None:
    """Past MOST_ROWS the list holds the errors first: the filter counts the others it matches."""
    problems = _open(window, tmp_path, plugins=24)
    view = window.problems_view
    assert len(problems) > MOST_ROWS
    note = view.topLevelItem(view.topLevelItemCount() - 1)
    assert note.text(0).startswith(f"{len(problems) - MOST_ROWS} more problems are not listed here")
    _type(qtbot, window, "p23")  # the last plugin: none of its problems listed
    assert _shown(window) == [] and not note.isHidden()
    assert note.text(0).startswith(f"{sum(p.plugin == 'p23' for p in problems)} more matching problems are not")
    assert not any(view.topLevelItem(i).text(0).startswith("No problem") for i in range(view.topLevelItemCount()))
    _type(qtbot, window, "p00 PD505")  # all listed (errors): the row goes
    assert note.isHidden() and _shown(window) == [p for p in problems if p.plugin == "p00" and p.code == "PD505"]
    _type(qtbot, window, "p00")  # (its note is not listed: errors first)
    assert not note.isHidden() and note.text(0).startswith("1 more matching problem is not listed here")


def test_no_problems_no_filter_row_and_its_words_kept_for_the_next_project(
    window: MainWindow, qtbot, tmp_path: Path, example_project: Path
) -> None:
    _open(window, tmp_path, plugins=2)
    bar = window.problems_filter
    assert bar.isVisible()
    _type(qtbot, window, "PD505")
    window.open_path(example_project)  # no problems: the list folded, nothing to filter
    assert window.problems == [] and not bar.isVisible()
    assert window.problems_dock.windowTitle() == "Problems — none"
    assert bar.field.text() == "PD505"


def test_a_word_with_an_accent_finds_a_file_name_macos_wrote_with_a_separate_accent(
    window: MainWindow, qtbot, base_project: Path
) -> None:
    """An icon file from a Mac ZIP is named 'Café.svg' with a letter plus a separate accent (NFD);
    'café' typed on a Windows or Linux keyboard (one character) found nothing of it."""
    import unicodedata

    from PySide6.QtGui import QInputMethodEvent

    folder = base_project / "webapp2/plugins/rec"
    (folder / unicodedata.normalize("NFD", "Café.svg")).write_bytes((folder / "rec.svg").read_bytes())
    window.open_path(base_project)
    assert [p.code for p in _shown(window)] == ["PD406"]  # (an icon nothing uses)
    field = window.problems_filter.field
    _type(qtbot, window, "caf")
    typed = QInputMethodEvent("", [])
    typed.setCommitString("é")  # as a keyboard with é (or a dead key) gives it: one character
    QApplication.sendEvent(field, typed)
    assert field.text() == "café"
    qtbot.waitUntil(lambda: not window.problems_filter._pause.isActive())
    assert [p.code for p in _shown(window)] == ["PD406"]
