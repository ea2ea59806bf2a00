"""The icon editor with the keyboard alone: Tab walks the shapes, the arrows move them, Enter draws.

Every key is sent to the canvas as a user types it, and the tests look at the SVG the model
holds (and the XML view shows), at the undo stack and at the pixels on screen.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication
from test_icon_editor import PLUGIN, at, click, drag, select_plugin, show_file

SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier

THREE = (
    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox='0 0 24 24'>\n"
    "<style><![CDATA[ .a > .b { fill: red } ]]></style>\n"
    "<title>Caf&#233;</title>\n"
    '<rect x="2" y="2" width="6" height="6"/>\n'
    '<circle cx="16" cy="6" r="3"/>\n'
    "<line x1='4' y1='18' x2='20' y2='18' stroke='black' stroke-width='2'/>\n"
    "</svg>\n"
)


def open_svg(window, project: Path, text: str, name: str = "keys.svg"):
    rel = f"{PLUGIN}/{name}"
    (project / "webapp2" / rel).write_text(text)
    window.open_path(project)
    pane = show_file(window, rel)
    pane.canvas.setFocus()
    return pane


def key(qtbot, pane, k, mods=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(pane.canvas, k, mods)


def selected_tag(pane) -> str | None:
    shape = pane.canvas.selected
    return shape.tag if shape is not None else None


def test_tab_walks_the_shapes_in_document_order_and_ctrl_tab_leaves(qtbot, window, example_project: Path) -> None:
    pane = open_svg(window, example_project, THREE)
    canvas = pane.canvas
    qtbot.waitUntil(canvas.hasFocus)
    assert canvas.selected is None
    walked = []
    for _ in range(4):
        key(qtbot, pane, Qt.Key.Key_Tab)
        walked.append(selected_tag(pane))
    assert walked == ["rect", "circle", "line", "rect"]  # round and round, the focus stays
    assert canvas.hasFocus()
    back = []
    for _ in range(2):
        key(qtbot, pane, Qt.Key.Key_Backtab, SHIFT)
        back.append(selected_tag(pane))
    assert back == ["line", "circle"]
    key(qtbot, pane, Qt.Key.Key_Escape)
    assert canvas.selected is None
    key(qtbot, pane, Qt.Key.Key_Backtab, SHIFT)
    assert selected_tag(pane) == "line"  # from nothing, Shift+Tab starts at the last
    # Selecting is not an edit.
    assert not window.editor.undo_stack.count()
    # Ctrl+Tab is the way out (Tab indents in the XML view and walks the shapes here).
    key(qtbot, pane, Qt.Key.Key_Tab, CTRL)
    qtbot.waitUntil(lambda: not canvas.hasFocus())
    canvas.setFocus()
    qtbot.waitUntil(canvas.hasFocus)
    key(qtbot, pane, Qt.Key.Key_Backtab, CTRL | SHIFT)
    qtbot.waitUntil(lambda: not canvas.hasFocus())
    assert selected_tag(pane) == "line"


def test_shift_tab_reaches_the_canvas_from_the_toolbar_and_tab_passes_an_empty_one(
    qtbot, window, example_project: Path
) -> None:
    pane = open_svg(window, example_project, '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"/>\n')
    select = pane.toolbar.widgetForAction(pane.tool_actions["select"])  # the toolbar's first button
    select.setFocus()
    qtbot.waitUntil(select.hasFocus)
    qtbot.keyClick(select, Qt.Key.Key_Backtab, SHIFT)
    qtbot.waitUntil(pane.canvas.hasFocus)
    # Nothing to walk: Tab goes on to the next control, as everywhere else.
    key(qtbot, pane, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not pane.canvas.hasFocus())
    assert QApplication.focusWidget() is select


def test_arrows_move_the_selection_by_grid_cells_as_one_undo_step(qtbot, window, example_project: Path) -> None:
    pane = open_svg(window, example_project, THREE)
    stack = window.editor.undo_stack
    key(qtbot, pane, Qt.Key.Key_Tab)  # the rectangle
    for _ in range(3):
        key(qtbot, pane, Qt.Key.Key_Right)
    key(qtbot, pane, Qt.Key.Key_Down, SHIFT)  # a bigger step: four cells
    key(qtbot, pane, Qt.Key.Key_Up)
    text = window.package.read_text(pane.rel)
    assert '<rect x="5" y="5" width="6" height="6"/>' in text
    assert window.source_editor.text() == text
    assert stack.count() == 1 and stack.undoText() == "Move rectangle in keys.svg"  # five presses, one step
    # Another shape's moves are a step of their own.
    key(qtbot, pane, Qt.Key.Key_Tab)
    key(qtbot, pane, Qt.Key.Key_Left, SHIFT)
    assert '<circle cx="12" cy="6" r="3"/>' in window.package.read_text(pane.rel)
    assert stack.count() == 2
    # Only the moved shapes' lines changed: the CDATA, the character reference and the single
    # quotes elsewhere keep their bytes (the edits go through the same writer as the mouse's).
    window.save()
    saved = (example_project / "webapp2" / pane.rel).read_text()
    before, after = THREE.splitlines(), saved.splitlines()
    assert [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b] == [3, 4], saved
    stack.undo()
    assert '<circle cx="16" cy="6" r="3"/>' in window.package.read_text(pane.rel)
    stack.undo()
    assert window.package.read_text(pane.rel) == THREE
    assert pane.canvas.selected is not None and pane.canvas.selected.tag == "circle"  # the selection stays


def test_ctrl_a_selects_every_shape_to_move_recolour_or_delete_together(
    qtbot, window, example_project: Path, monkeypatch
) -> None:
    pane = open_svg(window, example_project, THREE)
    canvas, stack = pane.canvas, window.editor.undo_stack
    key(qtbot, pane, Qt.Key.Key_A, CTRL)
    assert [s.tag for s in canvas.selection] == ["rect", "circle", "line"]
    assert pane.edit_actions["delete"].isEnabled() and not pane.edit_actions["forward"].isEnabled()
    key(qtbot, pane, Qt.Key.Key_Right)
    key(qtbot, pane, Qt.Key.Key_Down)
    text = window.package.read_text(pane.rel)
    assert '<rect x="3" y="3" width="6" height="6"/>' in text and '<circle cx="17" cy="7" r="3"/>' in text
    assert "<line x1='5' y1='19' x2='21' y2='19'" in text
    assert stack.count() == 1 and stack.undoText() == "Move 3 shapes in keys.svg"
    assert len(canvas.selection) == 3  # still all selected after the redraw
    # The Fill button paints them all, in one step.
    pane.set_paint("fill", "#ff0000")
    assert window.package.read_text(pane.rel).count('fill="#ff0000"') == 3 and stack.count() == 2
    # Delete takes them all away in one step; undo brings each back where it was.
    asked: list[str] = []
    monkeypatch.setattr(canvas, "confirm_remove", lambda ids, _after: asked.extend(ids) or True)
    key(qtbot, pane, Qt.Key.Key_Delete)
    text = window.package.read_text(pane.rel)
    assert "<rect" not in text and "<circle" not in text and "<line" not in text
    assert "<![CDATA[ .a > .b { fill: red } ]]>" in text and "Caf&#233;" in text
    assert stack.count() == 3 and stack.undoText() == "Delete 3 shapes from keys.svg"
    assert canvas.selection == () and asked == []  # no id in use: nothing to ask
    stack.undo()
    stack.undo()
    stack.undo()
    assert window.package.read_text(pane.rel) == THREE


def test_deleting_several_shapes_names_every_id_in_use(qtbot, window, example_project: Path, monkeypatch) -> None:
    """Ctrl+A then Del asked about the first shape whose id was in use only: the code using the
    second lost its picture without a word."""
    from PySide6.QtWidgets import QMessageBox

    js = next((example_project / "webapp2" / PLUGIN).glob("*.plugin.js"))
    js.write_text(js.read_text() + "\nvar first = 'keys.svg#a';\nvar second = 'keys.svg#b';\n")
    two = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">\n'
        '<rect id="a" x="2" y="2" width="6" height="6"/>\n'
        '<circle id="b" cx="16" cy="6" r="3"/>\n'
        "</svg>\n"
    )
    pane = open_svg(window, example_project, two)
    asked: list[str] = []
    answer = QMessageBox.StandardButton.No
    monkeypatch.setattr(QMessageBox, "question", lambda _parent, _title, text, *a: asked.append(text) or answer)
    key(qtbot, pane, Qt.Key.Key_A, CTRL)
    key(qtbot, pane, Qt.Key.Key_Delete)
    assert len(asked) == 1 and "'a'" in asked[0] and "'b'" in asked[0]
    assert window.package.read_text(pane.rel) == two  # No keeps both
    answer = QMessageBox.StandardButton.Yes
    key(qtbot, pane, Qt.Key.Key_Delete)
    text = window.package.read_text(pane.rel)
    assert "<rect" not in text and "<circle" not in text


def test_backspace_deletes_the_shape_tab_selected(qtbot, window, example_project: Path) -> None:
    pane = open_svg(window, example_project, THREE)
    key(qtbot, pane, Qt.Key.Key_Tab)
    key(qtbot, pane, Qt.Key.Key_Tab)
    key(qtbot, pane, Qt.Key.Key_Backspace)
    text = window.package.read_text(pane.rel)
    assert "<circle" not in text and '<rect x="2"' in text and "<line" in text
    assert window.editor.undo_stack.undoText() == "Delete circle from keys.svg"
    window.editor.undo_stack.undo()
    assert window.package.read_text(pane.rel) == THREE


def test_shift_click_adds_a_shape_and_a_drag_moves_the_selection(qtbot, window, example_project: Path) -> None:
    pane = open_svg(window, example_project, THREE)
    canvas = pane.canvas
    click(qtbot, canvas, 5, 5)
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, SHIFT, at(canvas, 16, 6))
    assert [s.tag for s in canvas.selection] == ["rect", "circle"]
    drag(qtbot, canvas, (16, 6), (16, 10))  # dragging one drags both
    text = window.package.read_text(pane.rel)
    assert '<rect x="2" y="6" width="6" height="6"/>' in text and '<circle cx="16" cy="10" r="3"/>' in text
    assert window.editor.undo_stack.count() == 1
    assert [s.tag for s in canvas.selection] == ["rect", "circle"]
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, SHIFT, at(canvas, 5, 9))
    assert [s.tag for s in canvas.selection] == ["circle"]  # Shift+click again takes it out
    key(qtbot, pane, Qt.Key.Key_A, CTRL)
    click(qtbot, canvas, 12, 18)  # a click (no drag) on one of several keeps that one
    assert [s.tag for s in canvas.selection] == ["line"]


def test_keys_wait_while_the_mouse_is_down_except_escape(qtbot, window, example_project: Path) -> None:
    """Ctrl+A or Delete in the middle of a drag changed what the release moved, or deleted the
    shape being dragged; only Escape (drop the drag) means something then."""
    pane = open_svg(window, example_project, THREE)
    canvas, vp = pane.canvas, pane.canvas.viewport()
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=at(canvas, 16, 6))
    qtbot.mouseMove(vp, pos=at(canvas, 16, 8))
    key(qtbot, pane, Qt.Key.Key_A, CTRL)
    key(qtbot, pane, Qt.Key.Key_Delete)
    qtbot.mouseMove(vp, pos=at(canvas, 16, 10))
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=at(canvas, 16, 10))
    text = window.package.read_text(pane.rel)
    assert '<circle cx="16" cy="10" r="3"/>' in text and '<rect x="2" y="2" width="6" height="6"/>' in text
    assert window.editor.undo_stack.count() == 1 and [s.tag for s in canvas.selection] == ["circle"]


@pytest.mark.parametrize(
    ("tool", "drawn"),
    [
        ("rect", '<rect x="8" y="8" width="8" height="8" fill="none" stroke="currentColor" stroke-width="2"/>'),
        ("ellipse", '<circle cx="12" cy="12" r="4" fill="none" stroke="currentColor" stroke-width="2"/>'),
        ("line", '<line x1="8" y1="12" x2="16" y2="12" stroke="currentColor" stroke-width="2"/>'),
        ("path", '<path d="M8 16 L12 8 L16 16 Z" fill="none" stroke="currentColor" stroke-width="2"/>'),
        ("text", 'font-family="sans-serif" font-size="8" font-weight="bold" fill="currentColor">A</text>'),
    ],
)
def test_enter_draws_the_tools_shape_in_the_middle_for_the_arrows_to_move(
    qtbot, window, example_project: Path, tool: str, drawn: str
) -> None:
    empty = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">\n</svg>\n'
    pane = open_svg(window, example_project, empty)
    canvas, stack = pane.canvas, window.editor.undo_stack
    qtbot.waitUntil(canvas.hasFocus)
    letter = {"rect": "R", "ellipse": "E", "line": "L", "path": "P", "text": "T"}[tool]
    key(qtbot, pane, getattr(Qt.Key, f"Key_{letter}"))  # the tool's own key
    assert canvas.tool == tool and pane.tool_actions[tool].isChecked()
    key(qtbot, pane, Qt.Key.Key_Return)
    text = window.package.read_text(pane.rel)
    assert drawn in text, text
    assert window.source_editor.text() == text
    assert canvas.selected is not None and canvas.selected.tag == (tool if tool == "text" else drawn[1:].split(" ")[0])
    centre = canvas.bounds_of(canvas.selected).center()  # as drawn (a text's x and y are its baseline's start)
    assert abs(centre.x() - 12) <= 1 and abs(centre.y() - 12) <= 1, centre
    assert stack.count() == 1 and stack.undoText().startswith("Draw ")
    # Selected, so the arrows take it where it belongs.
    placed = window.package.read_text(pane.rel)
    key(qtbot, pane, Qt.Key.Key_Up, SHIFT)
    assert stack.count() == 2 and stack.undoText().startswith("Move ")
    assert canvas.bounds_of(canvas.selected).center().y() == centre.y() - 4
    stack.undo()
    assert window.package.read_text(pane.rel) == placed
    stack.undo()
    assert window.package.read_text(pane.rel) == empty


def test_the_text_tool_with_no_text_says_so_and_offers_the_field(qtbot, window, example_project: Path) -> None:
    """Enter (or a click) with the Text tool and an empty text field did nothing, without a word."""
    empty = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">\n</svg>\n'
    pane = open_svg(window, example_project, empty)
    window.activateWindow()
    pane.text_edit.setFocus()
    qtbot.keyClick(pane.text_edit, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(pane.text_edit, Qt.Key.Key_Delete)  # the field says "A" at first
    pane.set_tool("text")
    pane.canvas.setFocus()
    qtbot.waitUntil(pane.canvas.hasFocus)
    key(qtbot, pane, Qt.Key.Key_Return)
    assert window.package.read_text(pane.rel) == empty
    assert "Type the text" in pane.selection_info.text()
    qtbot.waitUntil(pane.text_edit.hasFocus)
    qtbot.keyClicks(pane.text_edit, "Hi")
    pane.canvas.setFocus()
    qtbot.waitUntil(pane.canvas.hasFocus)
    key(qtbot, pane, Qt.Key.Key_Return)
    assert ">Hi</text>" in window.package.read_text(pane.rel)


def test_enter_still_ends_a_clicked_path_and_does_nothing_with_select(qtbot, window, example_project: Path) -> None:
    empty = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">\n</svg>\n'
    pane = open_svg(window, example_project, empty)
    key(qtbot, pane, Qt.Key.Key_Return)  # the Select tool draws nothing
    assert window.package.read_text(pane.rel) == empty
    pane.set_tool("path")
    click(qtbot, pane.canvas, 2, 2)
    click(qtbot, pane.canvas, 6, 4)
    key(qtbot, pane, Qt.Key.Key_Enter)
    assert '<path d="M2 2 L6 4"' in window.package.read_text(pane.rel)
    assert window.editor.undo_stack.count() == 1


# -- where the keyboard is, and what it has selected, can be seen --------------------------------

FRAMED = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">\n'
    '<rect x="0" y="10" width="3" height="4" fill="#000"/>\n'  # at the page's edge: its frame is off the page
    '<rect x="5" y="2" width="18" height="20" fill="#000"/>\n'
    '<circle cx="14" cy="12" r="3" fill="#000"/>\n'  # on black ink: its frame is too
    "</svg>\n"
)


def _blue(c) -> bool:
    return c.blue() > 150 and c.blue() - c.red() > 80


def _framed(canvas) -> bool:
    """Along a row a quarter down the selected shape (its middle holds a resize handle), left of
    it: a blue line with a light pixel right beside it on both sides, whatever lies under the
    frame (ink, page, window)."""
    image = canvas.viewport().grab().toImage()
    box = canvas.bounds_of(canvas.selected)
    left, y = canvas.mapFromScene(box.topLeft()).x(), canvas.mapFromScene(box.center()).y()
    y = (canvas.mapFromScene(box.topLeft()).y() + y) // 2
    row = [image.pixelColor(x, y) for x in range(max(0, left - 12), left + 2)]
    light = [c.lightness() > 200 and not _blue(c) for c in row]
    return any(_blue(c) and any(light[max(0, i - 2) : i]) and any(light[i + 1 : i + 4]) for i, c in enumerate(row))


def test_the_focus_and_the_selection_show_in_light_and_dark(qtbot, window, example_project: Path) -> None:
    from PySide6.QtGui import QAction

    from designer.gui.tones import ring_colour

    pane = open_svg(window, example_project, FRAMED)
    canvas = pane.canvas
    qtbot.waitUntil(canvas.hasFocus)
    try:
        for scheme in ("light", "dark"):
            window.findChild(QAction, f"appearance_{scheme}").trigger()
            QApplication.processEvents()
            canvas.setFocus()
            qtbot.waitUntil(canvas.hasFocus)
            ring = ring_colour(canvas.palette())  # the highlight, lighter on dark (3:1 on the window)
            assert canvas.viewport().grab().toImage().pixelColor(1, 1) == ring, scheme
            key(qtbot, pane, Qt.Key.Key_Escape)
            key(qtbot, pane, Qt.Key.Key_Tab)
            assert selected_tag(pane) == "rect" and _framed(canvas), scheme  # over the window around the page
            key(qtbot, pane, Qt.Key.Key_Tab)
            key(qtbot, pane, Qt.Key.Key_Tab)
            assert selected_tag(pane) == "circle" and _framed(canvas), scheme  # over black ink
            pane.width_spin.setFocus()
            qtbot.waitUntil(lambda: not canvas.hasFocus())
            assert canvas.viewport().grab().toImage().pixelColor(1, 1) != ring, scheme
    finally:
        window.findChild(QAction, "appearance_system").trigger()


def test_the_line_under_the_canvas_says_what_is_selected_and_where(qtbot, window, example_project: Path) -> None:
    pane = open_svg(window, example_project, THREE)
    info = pane.selection_info
    qtbot.waitUntil(pane.canvas.hasFocus)
    assert info.isVisible() and info.text().startswith("Tab: select a shape")  # the keys, until something is
    key(qtbot, pane, Qt.Key.Key_Tab)
    assert info.text() == "Rectangle 1 of 3: box x 2 to 8, y 2 to 8 (6 × 6)"
    key(qtbot, pane, Qt.Key.Key_Right, SHIFT)
    assert info.text() == "Rectangle 1 of 3: box x 6 to 12, y 2 to 8 (6 × 6)"  # the move shows at once
    key(qtbot, pane, Qt.Key.Key_Tab)
    assert info.text() == "Circle 2 of 3: box x 13 to 19, y 3 to 9 (6 × 6)"
    key(qtbot, pane, Qt.Key.Key_Tab)
    assert info.text().startswith("Line 3 of 3: box x ")  # (its stroke makes it wider than 4 to 20)
    key(qtbot, pane, Qt.Key.Key_A, CTRL)
    assert info.text() == "3 of 3 shapes selected"
    key(qtbot, pane, Qt.Key.Key_Escape)
    assert info.text().startswith("Tab: select a shape")
    key(qtbot, pane, Qt.Key.Key_Tab, CTRL)  # away from the canvas: no hint about its keys
    qtbot.waitUntil(lambda: not pane.canvas.hasFocus())
    assert info.text() == ""


def test_ctrl_brackets_restack_and_a_screen_reader_can_name_the_canvas(qtbot, window, example_project: Path) -> None:
    from PySide6.QtGui import QAccessible

    pane = open_svg(window, example_project, THREE)
    qtbot.waitUntil(pane.canvas.hasFocus)
    key(qtbot, pane, Qt.Key.Key_Tab)  # the rectangle, at the back
    key(qtbot, pane, Qt.Key.Key_BracketRight, CTRL)
    text = window.package.read_text(pane.rel)
    assert text.index("<circle") < text.index("<rect") < text.index("<line")
    assert pane.canvas.selected.tag == "rect"  # still selected, in its new place
    key(qtbot, pane, Qt.Key.Key_BracketLeft, CTRL)
    assert window.package.read_text(pane.rel) == THREE
    assert window.editor.undo_stack.count() == 2
    name = QAccessible.queryAccessibleInterface(pane.canvas).text(QAccessible.Text.Name)
    assert name == "Icon canvas"


def test_an_icon_drawn_from_the_form_opens_with_the_keyboard_on_its_canvas(
    qtbot, window, example_project: Path, monkeypatch
) -> None:
    """New icon ▾ ▸ Draw a new icon… went out of sight with the form and the keyboard fell into
    the XML beside the canvas: R, then Enter, typed into the file instead of drawing."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("wave", True))
    window.open_path(example_project)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.tree)
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("plugin", 0)))
    items = window.plugin_page.items
    qtbot.keyClick(window.tree, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)  # I&con
    assert QApplication.focusWidget() is items.icon
    qtbot.keyClick(items.icon, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is items.icon_add

    def choose_draw() -> None:  # in the menu that Space opens: its first entry
        menu = QApplication.activePopupWidget()
        if menu is None:  # not open yet (a busy machine): look again shortly
            QTimer.singleShot(20, choose_draw)
            return
        qtbot.keyClick(menu, Qt.Key.Key_Down)
        qtbot.keyClick(menu, Qt.Key.Key_Return)

    QTimer.singleShot(100, choose_draw)
    qtbot.keyClick(items.icon_add, Qt.Key.Key_Space)
    pane = window.icon_pane
    qtbot.waitUntil(lambda: window.stack.currentWidget() is pane and pane.rel.endswith("/wave.svg"))
    assert window.focusWidget() is pane.canvas
    window.activateWindow()  # (as the window manager does when the menu has closed)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is pane.canvas)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_R)  # the Rectangle tool
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # draws one in the middle
    assert "<rect" in window.package.read_text(pane.rel)


# -- the toolbar and the zoom with the keyboard ---------------------------------------------------


def _tab_stops(qtbot, start) -> list:
    """Every widget Tab stops at from ``start`` round to it again (Ctrl+Tab out of the canvas and
    the XML view, where Tab picks shapes or indents)."""
    seen = []
    for _ in range(80):
        seen.append(_tab(qtbot))
        if QApplication.focusWidget() is start:
            return seen
    raise AssertionError(f"Tab never came back to {start}: {seen[-5:]}")


def _tab(qtbot):
    """Tab (Ctrl+Tab where Tab is kept) from the focus widget; the widget it left."""
    widget = QApplication.focusWidget()
    trapped = type(widget).__name__ in ("SourceEditor", "IconCanvas")
    qtbot.keyClick(widget, Qt.Key.Key_Tab, CTRL if trapped else Qt.KeyboardModifier.NoModifier)
    return widget


def test_tab_reaches_every_toolbar_button_each_named_with_its_key(qtbot, window, example_project: Path) -> None:
    """The buttons Qt makes for a toolbar took no keyboard focus: the tools, Delete and the
    stacking buttons could only be clicked."""
    from PySide6.QtGui import QAccessible

    pane = open_svg(window, example_project, THREE)
    qtbot.waitUntil(pane.canvas.hasFocus)
    key(qtbot, pane, Qt.Key.Key_Tab)  # a shape selected: Delete, Forward and Backward can be used
    keys = {"select": "V", "rect": "R", "ellipse": "E", "line": "L", "path": "P", "text": "T"}
    keys |= {"delete": "Del", "forward": "Ctrl+]", "backward": "Ctrl+["}
    actions = {**pane.tool_actions, **pane.edit_actions}
    stops = _tab_stops(qtbot, pane.canvas)
    for name, action in actions.items():
        button = pane.toolbar.widgetForAction(action)
        assert button in stops, name
        said = QAccessible.queryAccessibleInterface(button).text(QAccessible.Text.Name)
        assert any(c.isalpha() for c in said), name
        assert f"({keys[name]})" in button.toolTip(), name
    # Space on a tool's button picks the tool, as a click does
    rect = pane.toolbar.widgetForAction(pane.tool_actions["rect"])
    while QApplication.focusWidget() is not rect:
        _tab(qtbot)
    qtbot.keyClick(rect, Qt.Key.Key_Space)
    assert pane.canvas.tool == "rect" and pane.tool_actions["rect"].isChecked()


@pytest.mark.parametrize("width", [1024, 1200])
def test_in_a_narrow_window_every_toolbar_control_is_on_screen_and_tab_reaches_it(
    qtbot, window, example_project: Path, width: int
) -> None:
    """The controls that did not fit went into the menu of Qt's "»" button, and that menu lists
    only plain actions: with the Export pane open, the Stroke button and the width box were
    nowhere, for the mouse or the keyboard. Now the toolbar wraps onto another row."""
    from PySide6.QtCore import QTimer

    window.resize(width, 760)
    window.open_path(example_project)
    window.show_export()
    pane = open_svg(window, example_project, THREE)
    qtbot.waitUntil(pane.canvas.hasFocus)
    key(qtbot, pane, Qt.Key.Key_Tab)  # the rectangle: Delete, Forward and Backward can be used
    controls = [pane.toolbar.widgetForAction(a) for a in pane.tool_actions.values()]
    controls += [pane.text_edit, pane.fill_button, pane.stroke_button, pane.width_spin]
    controls += [pane.toolbar.widgetForAction(a) for a in pane.edit_actions.values()]
    rows = {w.mapTo(window, w.rect().topLeft()).y() for w in controls}
    assert width > 1024 or len(rows) > 1  # the case here: the toolbar takes two rows
    canvas = _in_window(pane.canvas_column, window)
    for w in controls:
        assert w.isVisible(), w.objectName()
        assert window.rect().contains(_in_window(w, window)), w.objectName()  # whole, not cut off
        assert _in_window(pane.toolbar, window).contains(_in_window(w, window)), w.objectName()
        assert not canvas.intersects(_in_window(w, window)), w.objectName()  # the rows push the canvas down
    assert [w for w in _tab_stops(qtbot, pane.canvas) if pane.toolbar.isAncestorOf(w)] == controls
    # and they work: a colour for the stroke from the Stroke button's menu, a width typed in
    chosen = []

    def choose_app_colour() -> None:
        menu = QApplication.activePopupWidget()
        if menu is None:  # not open yet (a busy machine): look again shortly
            QTimer.singleShot(20, choose_app_colour)
            return
        while menu.activeAction() is None or menu.activeAction().objectName() != "stroke_currentColor":
            qtbot.keyClick(menu, Qt.Key.Key_Down)
        chosen.append(menu.activeAction().objectName())
        qtbot.keyClick(menu, Qt.Key.Key_Return)

    pane.stroke_button.setFocus()
    qtbot.waitUntil(pane.stroke_button.hasFocus)
    QTimer.singleShot(100, choose_app_colour)
    qtbot.keyClick(pane.stroke_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: chosen == ["stroke_currentColor"] and QApplication.activePopupWidget() is None)
    window.activateWindow()  # (as the window manager does when the menu has closed)
    pane.width_spin.setFocus()
    qtbot.waitUntil(pane.width_spin.hasFocus)
    qtbot.keyClick(pane.width_spin, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(pane.width_spin, "3")
    qtbot.keyClick(pane.width_spin, Qt.Key.Key_Return)
    rect = next(line for line in window.package.read_text(pane.rel).splitlines() if "<rect" in line)
    assert 'stroke="currentColor"' in rect and 'stroke-width="3"' in rect, rect


def _in_window(widget, window):
    """Where ``widget`` is, in the window's coordinates."""
    return widget.rect().translated(widget.mapTo(window, widget.rect().topLeft()))


def _page_width(canvas) -> int:
    """How many pixels wide the canvas draws the icon's page (its viewBox)."""
    return canvas.mapFromScene(canvas.view_rect.topRight()).x() - canvas.mapFromScene(canvas.view_rect.topLeft()).x()


def test_ctrl_plus_minus_and_zero_zoom_the_focused_canvas_and_leave_the_xml_views_zoom_alone(
    qtbot, window, example_project: Path
) -> None:
    """The canvas zoomed only with Ctrl+wheel and the − + Fit buttons: from the keyboard, not at
    all. The XML view beside it keeps its own Ctrl+= and Ctrl+- (its text size)."""
    from PySide6.QtGui import QAccessible

    pane = open_svg(window, example_project, THREE)
    canvas, level = pane.canvas, pane.zoom_level
    qtbot.waitUntil(canvas.hasFocus)
    assert level.isVisible() and level.text() == "100%"
    fitted = _page_width(canvas)
    key(qtbot, pane, Qt.Key.Key_Equal, CTRL)
    assert level.text() == "125%" and _page_width(canvas) > fitted
    key(qtbot, pane, Qt.Key.Key_Plus, CTRL)  # Ctrl++, as the key is labelled
    assert level.text() == "156%"
    key(qtbot, pane, Qt.Key.Key_Minus, CTRL)
    assert level.text() == "125%"
    key(qtbot, pane, Qt.Key.Key_0, CTRL)  # as the Fit button: the whole icon
    assert level.text() == "100%" and _page_width(canvas) == fitted
    key(qtbot, pane, Qt.Key.Key_Minus, CTRL)
    assert level.text() == "80%" and _page_width(canvas) < fitted
    # In the XML view the same keys size its text, and the canvas stays as it is.
    xml = window.source_editor
    assert pane.isAncestorOf(xml)
    xml.setFocus()
    qtbot.waitUntil(xml.hasFocus)
    size = xml.font().pointSizeF()
    qtbot.keyClick(xml, Qt.Key.Key_Equal, CTRL)
    assert xml.font().pointSizeF() > size
    qtbot.keyClick(xml, Qt.Key.Key_Minus, CTRL)
    qtbot.keyClick(xml, Qt.Key.Key_0, CTRL)
    assert xml.font().pointSizeF() == size
    assert level.text() == "80%" and xml.toPlainText() == THREE
    said = QAccessible.queryAccessibleInterface(level).text(QAccessible.Text.Name)
    assert said == "Zoom 80%"  # a screen reader says what the number is


def _ringed(widget) -> bool:
    """A line in the theme's highlight colour all round the widget's edge (where the canvas has its own)."""
    image = widget.grab().toImage()
    ring = widget.palette().highlight().color()
    w, h = image.width(), image.height()
    return all(image.pixelColor(x, y) == ring for x, y in ((1, h // 2), (w - 2, h // 2), (w // 2, 1), (w // 2, h - 2)))


def test_the_toolbar_button_with_the_keyboard_has_a_ring_in_light_and_dark(
    qtbot, window, example_project: Path
) -> None:
    """Fusion showed it as a faint tinted box (its edge 1.3:1 against the dark window), and in
    the dark theme it looked like the box of the tool in use beside it: a keyboard user could
    not tell the button Space presses from the current tool."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QToolButton

    pane = open_svg(window, example_project, THREE)
    select = pane.toolbar.widgetForAction(pane.tool_actions["select"])
    rect = pane.toolbar.widgetForAction(pane.tool_actions["rect"])
    zoom_in = pane.findChild(QToolButton, "zoomInButton")
    try:
        for scheme in ("light", "dark"):
            window.findChild(QAction, f"appearance_{scheme}").trigger()
            pane.canvas.setFocus()
            qtbot.waitUntil(pane.canvas.hasFocus)
            key(qtbot, pane, Qt.Key.Key_Tab, CTRL)
            assert QApplication.focusWidget() is select and _ringed(select), scheme
            _tab(qtbot)
            assert QApplication.focusWidget() is rect and _ringed(rect), scheme
            assert select.isChecked() and not _ringed(select), scheme  # the tool in use: no ring
            while QApplication.focusWidget() is not pane.fill_button:
                _tab(qtbot)
            assert _ringed(pane.fill_button) and not _ringed(rect), scheme
            while QApplication.focusWidget() is not zoom_in:
                _tab(qtbot)
            assert _ringed(zoom_in), scheme
    finally:
        window.findChild(QAction, "appearance_system").trigger()


def _said(widget) -> str:
    from PySide6.QtGui import QAccessible

    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)


def test_a_screen_reader_names_the_menu_buttons_without_their_arrow(qtbot, window, example_project: Path) -> None:
    """The "▾" drawn after a menu button's text was part of its name: "Fill, down-pointing small
    triangle"."""
    pane = open_svg(window, example_project, THREE)
    assert [_said(b) for b in (pane.fill_button, pane.stroke_button, pane.add_icon_button)] == [
        "Fill",
        "Stroke",
        "Add icon",
    ]
    assert pane.fill_button.text() == "Fill ▾"  # (still shown with it)
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("plugin", 0)))
    assert _said(window.plugin_page.items.icon_add) == "New icon"


def test_a_screen_reader_names_the_xml_view_and_the_code_editor_by_their_file(
    qtbot, window, example_project: Path
) -> None:
    """The XML view beside the canvas (the window's source editor) had no name: a screen reader
    said only "editable text", on the icon page as on a code file's."""
    open_svg(window, example_project, THREE)
    assert _said(window.source_editor) == "Text of keys.svg"
    window.tree.setCurrentItem(
        window._find_tree_item(window.tree.topLevelItem(0), ("file", "plugins/lock-toggle/lock-toggle.plugin.js"))
    )
    assert window.stack.currentWidget().isAncestorOf(window.source_editor)
    assert _said(window.source_editor) == "Text of lock-toggle.plugin.js"


def test_a_shape_moved_and_moved_back_leaves_no_undo_step(qtbot, window, example_project: Path) -> None:
    pane = open_svg(window, example_project, THREE)
    key(qtbot, pane, Qt.Key.Key_Tab)  # the rectangle
    key(qtbot, pane, Qt.Key.Key_Right)
    assert window.isWindowModified()
    key(qtbot, pane, Qt.Key.Key_Left)
    assert window.package.read_text(pane.rel) == THREE
    assert not window.editor.undo_stack.canUndo() and not window.isWindowModified()


def test_ctrl_z_in_the_stroke_width_box_undoes_the_width(qtbot, window, example_project: Path) -> None:
    """A width typed in (Return), then Ctrl+Z with the box still holding the keyboard: nothing
    happened (the box's own undo had nothing left); now the window's Undo takes the width back."""
    pane = open_svg(window, example_project, THREE)
    key(qtbot, pane, Qt.Key.Key_Tab)
    key(qtbot, pane, Qt.Key.Key_Tab)
    key(qtbot, pane, Qt.Key.Key_Tab)  # the line
    assert selected_tag(pane) == "line"
    spin = pane.width_spin
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus)
    qtbot.keyClick(spin, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(spin, "3")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert "stroke-width='3'" in window.package.read_text(pane.rel)
    qtbot.keyClick(spin, Qt.Key.Key_Z, CTRL)
    assert window.package.read_text(pane.rel) == THREE and not window.isWindowModified()
    qtbot.keyClick(spin, Qt.Key.Key_Z, CTRL | SHIFT)
    assert "stroke-width='3'" in window.package.read_text(pane.rel)


def test_a_screen_reader_hears_which_shape_tab_selected_and_where_the_arrows_put_it(
    qtbot, window, example_project: Path
) -> None:
    """Tab picked a shape and the arrows moved it with nothing said to a screen reader: the line
    under the canvas is read by no one while the keyboard is on the canvas. The canvas's
    description now says the selection, as that line does, and changes with it (a screen reader
    reads out the change); with nothing selected it says the keys again."""
    from PySide6.QtGui import QAccessible

    pane = open_svg(window, example_project, THREE)
    canvas = pane.canvas
    qtbot.waitUntil(canvas.hasFocus)

    def heard() -> tuple[str, str]:
        said = QAccessible.queryAccessibleInterface(canvas)
        return said.text(QAccessible.Text.Name), said.text(QAccessible.Text.Description)

    keys = heard()
    assert keys[0] == "Icon canvas" and "Tab and Shift+Tab select a shape" in keys[1]
    key(qtbot, pane, Qt.Key.Key_Tab)
    assert heard() == ("Icon canvas", "Rectangle 1 of 3: box x 2 to 8, y 2 to 8 (6 × 6)")
    key(qtbot, pane, Qt.Key.Key_Right)
    assert heard() == ("Icon canvas", "Rectangle 1 of 3: box x 3 to 9, y 2 to 8 (6 × 6)")
    key(qtbot, pane, Qt.Key.Key_Escape)
    assert heard() == keys


def test_a_tool_key_pressed_while_dragging_a_shape_drops_the_drag(qtbot, window, example_project: Path) -> None:
    """R pressed with a shape still held by the mouse: the release found the Rectangle tool and
    drew a rectangle from where the move began, and the shape stayed where it was. Now choosing
    a tool mid-drag ends the gesture as Escape does: nothing is drawn or moved."""
    pane = open_svg(window, example_project, THREE)
    canvas, vp = pane.canvas, pane.canvas.viewport()
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=at(canvas, 5, 5))  # on the rectangle
    qtbot.mouseMove(vp, pos=at(canvas, 7, 7))
    qtbot.mouseMove(vp, pos=at(canvas, 9, 9))
    key(qtbot, pane, Qt.Key.Key_R)
    assert canvas.tool == "rect" and pane.tool_actions["rect"].isChecked()
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=at(canvas, 9, 9))
    assert window.package.read_text(pane.rel) == THREE
    assert not window.editor.undo_stack.canUndo()
    assert canvas._selection.pos().isNull()  # the frame is back on the shape, not where it was dragged
    # The new tool works as usual afterwards.
    drag(qtbot, canvas, (14, 14), (18, 20))
    assert '<rect x="14" y="14" width="4" height="6"' in window.package.read_text(pane.rel)


def test_undo_and_redo_of_a_restack_keep_the_restacked_shape_selected(qtbot, window, example_project: Path) -> None:
    """Ctrl+] then Ctrl+Z: the frame went to the circle (the shape now where the rectangle had
    been brought), so a second Ctrl+] brought the circle forward, not the rectangle."""
    pane = open_svg(window, example_project, THREE)
    stack = window.editor.undo_stack
    key(qtbot, pane, Qt.Key.Key_Tab)  # the rectangle, at the back
    key(qtbot, pane, Qt.Key.Key_BracketRight, CTRL)
    after = window.package.read_text(pane.rel)
    stack.undo()
    assert window.package.read_text(pane.rel) == THREE
    assert selected_tag(pane) == "rect"
    stack.redo()
    assert window.package.read_text(pane.rel) == after
    assert selected_tag(pane) == "rect"
    stack.undo()
    key(qtbot, pane, Qt.Key.Key_BracketRight, CTRL)  # again: the rectangle, as the frame shows
    assert window.package.read_text(pane.rel) == after


def test_undoing_two_restacks_keeps_the_restacked_shape_selected(qtbot, window, example_project: Path) -> None:
    """Ctrl+] twice, Ctrl+Z twice: after the second undo the frame was on the circle."""
    pane = open_svg(window, example_project, THREE)
    stack = window.editor.undo_stack
    key(qtbot, pane, Qt.Key.Key_Tab)  # the rectangle, at the back
    key(qtbot, pane, Qt.Key.Key_BracketRight, CTRL)
    key(qtbot, pane, Qt.Key.Key_BracketRight, CTRL)
    assert window.package.read_text(pane.rel).index("<line") < window.package.read_text(pane.rel).index("<rect")
    stack.undo()
    stack.undo()
    assert window.package.read_text(pane.rel) == THREE and selected_tag(pane) == "rect"
    stack.redo()
    stack.redo()
    assert selected_tag(pane) == "rect"


def test_ctrl_wheel_zooms_around_the_point_under_the_pointer(qtbot, window, example_project: Path) -> None:
    """Ctrl+wheel zoomed around the middle of the canvas: the detail under the pointer slid away
    and had to be scrolled back to, where drawing programs keep it under the pointer."""
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    from designer.gui.viewports import viewport_of

    pane = open_svg(window, example_project, THREE)
    canvas = pane.canvas
    view = viewport_of(canvas)
    at = QPoint(view.width() // 5, view.height() // 4)  # up and left of the middle
    for _ in range(3):
        pointed = canvas.mapToScene(at)
        wheel = QWheelEvent(
            QPointF(at),
            QPointF(view.mapToGlobal(at)),
            QPoint(0, 0),
            QPoint(0, 120),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.ControlModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(view, wheel)
        now = canvas.mapFromScene(pointed)
        assert abs(now.x() - at.x()) <= 1 and abs(now.y() - at.y()) <= 1, (now, at)
    assert canvas.zoom_level > 1.9


# -- copy, cut, paste and duplicate with the keyboard ----------------------------------------------

GRADIENT = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">\n'
    "  <defs>\n"
    '    <linearGradient id="grad"><stop offset="0" stop-color="red"/></linearGradient>\n'
    "  </defs>\n"
    '  <rect id="box" x="2" y="2" width="6" height="6" fill="url(#grad)"/>\n'
    '  <circle cx="16" cy="6" r="3"/>\n'
    "</svg>\n"
)


def saved(window, example_project: Path, pane) -> str:
    assert window.save()
    return (example_project / "webapp2" / pane.rel).read_text()


def undo_redo_keeps_bytes(window, before: str, after: str, rel: str) -> None:
    stack = window.editor.undo_stack
    stack.undo()
    assert window.package.read_text(rel) == before
    stack.redo()
    assert window.package.read_text(rel) == after


def test_ctrl_d_duplicates_one_cell_on_with_a_fresh_id_and_one_undo_step(qtbot, window, example_project: Path) -> None:
    pane = open_svg(window, example_project, GRADIENT)
    key(qtbot, pane, Qt.Key.Key_Tab)  # the rectangle
    steps = window.editor.undo_stack.count()
    key(qtbot, pane, Qt.Key.Key_D, CTRL)
    assert window.editor.undo_stack.count() == steps + 1
    text = saved(window, example_project, pane)
    assert text == GRADIENT.replace(
        '  <circle cx="16"',
        '  <rect id="box-2" x="3" y="3" width="6" height="6" fill="url(#grad)"/>\n  <circle cx="16"',
    )
    assert pane.canvas.selected is not None and pane.canvas.selected.element_id == "box-2"
    undo_redo_keeps_bytes(window, GRADIENT, text, pane.rel)
    # The copy is drawn where it says: the frame one cell on from the original's.
    boxes = [pane.canvas.bounds_of(s) for s in pane.canvas.selectable() if s.tag == "rect"]
    assert boxes[1].topLeft() - boxes[0].topLeft() == QPointF(1, 1)


def test_copy_in_one_icon_and_paste_in_another_brings_the_gradient(qtbot, window, example_project: Path) -> None:
    other = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48">\n  <path d="M1 1h2"/>\n</svg>\n'
    (example_project / "webapp2" / PLUGIN / "other.svg").write_text(other)
    pane = open_svg(window, example_project, GRADIENT)
    key(qtbot, pane, Qt.Key.Key_Tab)
    key(qtbot, pane, Qt.Key.Key_C, CTRL)
    assert QApplication.clipboard().mimeData().hasFormat("image/svg+xml")
    assert not window.editor.undo_stack.count()  # copying is no edit
    pane = show_file(window, f"{PLUGIN}/other.svg")
    pane.canvas.setFocus()
    qtbot.waitUntil(pane.canvas.hasFocus)
    key(qtbot, pane, Qt.Key.Key_V, CTRL)
    text = saved(window, example_project, pane)
    assert text == (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48">\n'
        "  <defs>\n"
        '    <linearGradient id="grad"><stop offset="0" stop-color="red"/></linearGradient>\n'
        "  </defs>\n"
        '  <path d="M1 1h2"/>\n'
        # As big and where it was in the 24×24 icon (twice the numbers), then a cell of 48/24 on.
        '  <rect id="box" x="6" y="6" width="12" height="12" fill="url(#grad)"/>\n'
        "</svg>\n"
    )
    assert pane.canvas.selected is not None and pane.canvas.selected.tag == "rect"
    undo_redo_keeps_bytes(window, other, text, pane.rel)


def test_ctrl_x_cuts_as_delete_does_and_ctrl_v_puts_it_back_one_cell_on(qtbot, window, example_project: Path) -> None:
    pane = open_svg(window, example_project, THREE)
    key(qtbot, pane, Qt.Key.Key_Tab)
    key(qtbot, pane, Qt.Key.Key_Tab)  # the circle
    key(qtbot, pane, Qt.Key.Key_X, CTRL)
    cut = window.package.read_text(pane.rel)
    assert "<circle" not in cut and pane.canvas.selected is None
    assert window.editor.undo_stack.undoText().startswith("Cut circle")
    key(qtbot, pane, Qt.Key.Key_V, CTRL)
    text = saved(window, example_project, pane)
    assert text.endswith('<circle cx="17" cy="7" r="3"/>\n</svg>\n')
    assert pane.canvas.selected is not None and pane.canvas.selected.tag == "circle"
    undo_redo_keeps_bytes(window, cut, text, pane.rel)


def test_paste_of_unsafe_or_no_svg_is_cleaned_or_said(qtbot, window, example_project: Path) -> None:
    pane = open_svg(window, example_project, THREE)
    QApplication.clipboard().setText('<rect width="2" height="2" onclick="alert(1)"/><script>alert(2)</script>')
    key(qtbot, pane, Qt.Key.Key_V, CTRL)
    text = window.package.read_text(pane.rel)
    assert '<rect width="2" height="2" x="1" y="1"/>' in text
    assert "script" not in text and "onclick" not in text
    steps = window.editor.undo_stack.count()
    QApplication.clipboard().setText("just words")
    key(qtbot, pane, Qt.Key.Key_V, CTRL)
    assert window.editor.undo_stack.count() == steps
    assert pane.selection_info.text().startswith("Nothing to paste")


def test_clipboard_keys_stay_the_xml_views_and_ctrl_d_the_trees(qtbot, window, example_project: Path) -> None:
    pane = open_svg(window, example_project, THREE)
    key(qtbot, pane, Qt.Key.Key_Tab)
    editor = window.source_editor
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_C, CTRL)
    assert QApplication.clipboard().text() == THREE  # the XML's text, not the canvas's shapes
    assert not window.editor.undo_stack.count()
    plugins = len(window.package.plugins)
    window.tree.setFocus()
    qtbot.waitUntil(window.tree.hasFocus)
    select_plugin(window, 0)
    qtbot.keyClick(window.tree, Qt.Key.Key_D, CTRL)
    qtbot.waitUntil(lambda: len(window.package.plugins) == plugins + 1)


def test_undo_of_ctrl_d_selects_the_original_not_the_shape_after_it(qtbot, window, example_project: Path) -> None:
    pane = open_svg(window, example_project, THREE)
    key(qtbot, pane, Qt.Key.Key_Tab)  # the rectangle
    key(qtbot, pane, Qt.Key.Key_D, CTRL)
    key(qtbot, pane, Qt.Key.Key_Z, CTRL)
    assert window.package.read_text(pane.rel) == THREE
    # The copy's place is the circle's again: the frame went there, and Del deleted the circle.
    assert selected_tag(pane) == "rect"
    key(qtbot, pane, Qt.Key.Key_Z, CTRL | SHIFT)
    assert pane.canvas.selected is not None and pane.canvas.selected.path == (3,)  # the copy again
    assert selected_tag(pane) == "rect"


def test_each_ctrl_v_of_the_same_shapes_lands_a_cell_further_on(qtbot, window, example_project: Path) -> None:
    pane = open_svg(window, example_project, THREE)
    key(qtbot, pane, Qt.Key.Key_Tab)  # the rectangle at 2,2
    key(qtbot, pane, Qt.Key.Key_C, CTRL)
    for _ in range(3):
        key(qtbot, pane, Qt.Key.Key_V, CTRL)
    text = window.package.read_text(pane.rel)
    # Each on the last (x 3 three times): the second and third paste showed nothing new.
    assert [f'<rect x="{n}" y="{n}" width="6" height="6"/>' in text for n in (3, 4, 5)] == [True] * 3
    key(qtbot, pane, Qt.Key.Key_Z, CTRL)
    key(qtbot, pane, Qt.Key.Key_V, CTRL)  # after an undo, the next takes the place of the one undone
    assert window.package.read_text(pane.rel) == text


# -- selecting with a rubber band ------------------------------------------------------------------


def test_a_drag_on_an_empty_place_selects_the_shapes_inside_and_shift_adds_to_the_selection(
    qtbot, window, example_project: Path
) -> None:
    pane = open_svg(window, example_project, THREE)  # rect 2..8, circle 13..19 × 3..9, line at y 18
    canvas = pane.canvas
    vp = canvas.viewport()
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=at(canvas, 1, 1))
    qtbot.mouseMove(vp, pos=at(canvas, 10, 5))
    qtbot.mouseMove(vp, pos=at(canvas, 21, 11))
    assert canvas._band_item is not None and canvas._band_item.isVisible()  # the band shows while dragged
    assert [s.tag for s in canvas.selection] == ["rect", "circle"]  # (and what it takes, as it goes)
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=at(canvas, 21, 11))
    assert [s.tag for s in canvas.selection] == ["rect", "circle"]  # the line is not wholly inside
    assert canvas._band_item is None
    assert pane.selection_info.text().startswith("2 of 3 shapes selected")
    # Shift: the band adds to the selection.
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, SHIFT, at(canvas, 1, 14))
    qtbot.mouseMove(vp, pos=at(canvas, 12, 18))
    qtbot.mouseMove(vp, pos=at(canvas, 23, 22))
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, SHIFT, at(canvas, 23, 22))
    assert [s.tag for s in canvas.selection] == ["rect", "circle", "line"]
    # Without Shift it starts over; Escape mid-drag gives the selection back; a click deselects.
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=at(canvas, 1, 14))
    qtbot.mouseMove(vp, pos=at(canvas, 23, 22))
    assert [s.tag for s in canvas.selection] == ["line"]
    key(qtbot, pane, Qt.Key.Key_Escape)
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=at(canvas, 23, 22))
    assert canvas.selection == () and canvas._band_item is None
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, SHIFT, at(canvas, 1, 1))
    qtbot.mouseMove(vp, pos=at(canvas, 9, 9))
    key(qtbot, pane, Qt.Key.Key_Escape)
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, SHIFT, at(canvas, 9, 9))
    assert canvas.selection == ()
    key(qtbot, pane, Qt.Key.Key_A, CTRL)
    click(qtbot, canvas, 1, 22)
    assert canvas.selection == ()
    # Selecting is no edit; the selection moves as one.
    assert not window.editor.undo_stack.count()


# -- resize handles ---------------------------------------------------------------------------------


def drag_handle(qtbot, canvas, handle: str, to: tuple[float, float], mods=Qt.KeyboardModifier.NoModifier) -> None:
    """Press on the selection's resize handle ``handle`` and drag it until the box's edge is at ``to``."""
    vp = canvas.viewport()
    grab = canvas.mapFromScene(canvas._selection.handle_points()[handle])
    assert canvas.handle_at(grab) == handle
    edge = canvas.mapFromScene(canvas._selection.box().bottomRight())  # (where a br handle's edge is)
    offset = grab - edge if handle == "br" else grab - grab
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, mods, grab)
    target = at(canvas, *to) + offset
    for point in ((grab + target) / 2, target):
        if mods == Qt.KeyboardModifier.NoModifier:
            qtbot.mouseMove(vp, point)
        else:  # (QTest's moves carry no modifier, a user's do)
            move = QMouseEvent(
                QEvent.Type.MouseMove,
                QPointF(point),
                vp.mapToGlobal(QPointF(point)),
                Qt.MouseButton.NoButton,
                Qt.MouseButton.LeftButton,
                mods,
            )
            QApplication.sendEvent(vp, move)
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, mods, target)


def test_a_corner_handle_resizes_a_rectangle_in_its_own_attributes_in_one_undo_step(
    qtbot, window, example_project: Path
) -> None:
    pane = open_svg(window, example_project, THREE)
    canvas = pane.canvas
    key(qtbot, pane, Qt.Key.Key_Tab)  # the rectangle, 2..8
    drag_handle(qtbot, canvas, "br", (12, 10))
    assert window.editor.undo_stack.count() == 1
    assert window.editor.undo_stack.undoText().startswith("Resize rectangle")
    text = saved(window, example_project, pane)
    assert text == THREE.replace(
        '<rect x="2" y="2" width="6" height="6"/>', '<rect x="2" y="2" width="10" height="8"/>'
    )
    assert canvas.selected is not None and canvas.selected.tag == "rect"
    assert canvas.bounds_of(canvas.selected) == QRectF(2, 2, 10, 8)  # the frame and handles follow
    undo_redo_keeps_bytes(window, THREE, text, pane.rel)


def test_an_edge_handle_stretches_a_circle_and_shift_keeps_it_round(qtbot, window, example_project: Path) -> None:
    pane = open_svg(window, example_project, THREE)
    canvas = pane.canvas
    key(qtbot, pane, Qt.Key.Key_Tab)
    key(qtbot, pane, Qt.Key.Key_Tab)  # the circle: 13..19 × 3..9
    drag_handle(qtbot, canvas, "r", (22, 6))
    text = window.package.read_text(pane.rel)
    assert '<ellipse cx="17.5" cy="6" rx="4.5" ry="3"/>' in text  # stretched, it is an ellipse
    window.editor.undo_stack.undo()
    assert window.package.read_text(pane.rel) == THREE
    drag_handle(qtbot, canvas, "r", (22, 6), SHIFT)
    assert '<circle cx="17.5" cy="6" r="4.5"/>' in window.package.read_text(pane.rel)  # about its middle
    # Escape mid-drag: nothing changes; the handles are on the frame at any zoom.
    steps = window.editor.undo_stack.count()
    for _ in range(3):
        canvas.zoom(1)
    vp = canvas.viewport()
    grab = canvas.mapFromScene(canvas._selection.handle_points()["tl"])
    box = canvas.mapFromScene(canvas._selection.box().topLeft())
    assert 0 < (box - grab).x() <= 8 and 0 < (box - grab).y() <= 8  # a few pixels outside the corner
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=grab)
    qtbot.mouseMove(vp, grab - QPoint(40, 40))
    key(qtbot, pane, Qt.Key.Key_Escape)
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=grab - QPoint(40, 40))
    assert window.editor.undo_stack.count() == steps


def test_several_shapes_and_a_path_resize_together(qtbot, window, example_project: Path) -> None:
    icon = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">\n'
        '  <path d="M2 2h4v4z"/>\n'
        '  <g transform="translate(6 6)"><rect width="2" height="2"/></g>\n'
        "</svg>\n"
    )
    pane = open_svg(window, example_project, icon)
    canvas = pane.canvas
    key(qtbot, pane, Qt.Key.Key_A, CTRL)
    drag_handle(qtbot, canvas, "br", (14, 14))  # the box 2..8 to 2..14: twice the size
    assert window.package.read_text(pane.rel) == (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">\n'
        '  <path d="M2 2 h8 v8 z"/>\n'
        '  <g transform="translate(-2 -2) scale(2) translate(6 6)"><rect width="2" height="2"/></g>\n'
        "</svg>\n"
    )
    assert window.editor.undo_stack.count() == 1
    assert len(canvas.selection) == 2


def test_a_stroked_shape_keeps_the_side_not_dragged_and_its_stroke_ends_under_the_pointer(
    qtbot, window, example_project: Path
) -> None:
    """The frame is around the stroke, which a resize keeps as wide: scaling the frame's box moved
    the side that should stay put by half the stroke, and the dragged side fell short of the pointer."""
    icon = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" stroke="black" stroke-width="2">\n'
        '  <rect x="2" y="2" width="6" height="6"/>\n</svg>\n'
    )
    pane = open_svg(window, example_project, icon)
    canvas = pane.canvas
    key(qtbot, pane, Qt.Key.Key_Tab)
    assert canvas.bounds_of(canvas.selected) == QRectF(1, 1, 8, 8)  # (the frame's box: the stroke's outside)
    drag_handle(qtbot, canvas, "br", (13, 13))
    assert '<rect x="2" y="2" width="10" height="10"/>' in window.package.read_text(pane.rel)
    assert canvas.bounds_of(canvas.selected) == QRectF(1, 1, 12, 12)


def test_a_band_starts_inside_an_outlines_box_where_it_has_no_ink(qtbot, window, example_project: Path) -> None:
    """Outline icons (the built-in ones) have boxes over most of the page: a drag from inside the
    square's empty middle moved the square, so no band could be drawn around the dot in it."""
    icon = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="currentColor"'
        ' stroke-width="2">\n  <path d="M2 2h20v20H2z"/>\n  <circle cx="9" cy="9" r="2"/>\n</svg>\n'
    )
    pane = open_svg(window, example_project, icon)
    canvas = pane.canvas
    drag(qtbot, canvas, (4, 4), (14, 14))
    assert window.package.read_text(pane.rel) == icon  # nothing moved
    assert [s.tag for s in canvas.selection] == ["circle"]
    click(qtbot, canvas, 16, 16)  # a click there still picks the square, as before
    assert [s.tag for s in canvas.selection] == ["path"]
    drag(qtbot, canvas, (16, 16), (18, 18))  # and once selected, a drag there moves it
    assert '<path d="M2 2h20v20H2z" transform="translate(2 2)"/>' in window.package.read_text(pane.rel)


def test_a_resize_puts_the_shapes_own_edge_on_the_grid_not_its_strokes(qtbot, window, example_project: Path) -> None:
    """With a stroke of 1.5 the frame's edge snapped to the grid, so the rectangle's own edge fell
    between grid lines (x 12.25), unlike a rectangle drawn with the mouse."""
    icon = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" stroke="black" stroke-width="1.5">\n'
        '  <rect x="2" y="2" width="6" height="6"/>\n</svg>\n'
    )
    pane = open_svg(window, example_project, icon)
    canvas = pane.canvas
    key(qtbot, pane, Qt.Key.Key_Tab)
    drag_handle(qtbot, canvas, "br", (12.75, 12.75))  # the frame's edge there: the rectangle's at 12
    assert '<rect x="2" y="2" width="10" height="10"/>' in window.package.read_text(pane.rel)


def test_a_resize_too_small_to_write_draws_the_file_as_it_is(qtbot, window, example_project: Path) -> None:
    """A drag of a handle by a ten-thousandth of a cell wrote nothing, and the canvas went on
    drawing the preview (and its frame) as if the shape had changed."""
    pane = open_svg(window, example_project, THREE)
    canvas = pane.canvas
    canvas.snap = False
    key(qtbot, pane, Qt.Key.Key_Tab)  # the rectangle, 2..8
    before = QRectF(canvas._selection.rects[0])
    canvas._resize = None
    grab = canvas.mapFromScene(canvas._selection.handle_points()["br"])
    vp = canvas.viewport()
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=grab)
    qtbot.mouseMove(vp, grab + QPoint(30, 30))
    assert canvas._selection.rects[0] != before  # the preview
    canvas._resize.scene = canvas._resize.scene.fromScale(1.00001, 1.00001)  # (less than a pixel can say)
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=grab + QPoint(30, 30))
    assert window.package.read_text(pane.rel) == THREE and not window.editor.undo_stack.count()
    assert canvas._selection.rects == [before]
    outside = canvas.mapFromScene(QPointF(8.6, 8.6))  # (inside the preview, outside the rectangle)
    assert canvas.viewport().grab().toImage().pixelColor(outside).lightness() > 200


def test_several_selected_shapes_show_the_box_their_handles_resize(qtbot, window, example_project: Path) -> None:
    pane = open_svg(window, example_project, THREE)
    canvas = pane.canvas
    key(qtbot, pane, Qt.Key.Key_A, CTRL)
    top = canvas.mapFromScene(canvas._selection.handle_points()["t"]).y()
    image = canvas.viewport().grab().toImage()
    xs = range(canvas.mapFromScene(QPointF(9, 0)).x(), canvas.mapFromScene(QPointF(10.5, 0)).x())
    # Between the rectangle's frame and the circle's, where only the box around them all runs.
    assert any(_blue(image.pixelColor(x, y)) for x in xs for y in (top - 1, top, top + 1))
    key(qtbot, pane, Qt.Key.Key_Tab)  # one shape: its own frame is the box
    image = canvas.viewport().grab().toImage()
    assert not any(_blue(image.pixelColor(x, y)) for x in xs for y in (top - 1, top, top + 1))


def test_the_line_under_the_canvas_says_the_size_a_resize_makes(qtbot, window, example_project: Path) -> None:
    pane = open_svg(window, example_project, THREE)
    canvas = pane.canvas
    key(qtbot, pane, Qt.Key.Key_Tab)  # the rectangle, 6 × 6
    said = pane.selection_info.text()
    vp = canvas.viewport()
    grab = canvas.mapFromScene(canvas._selection.handle_points()["r"])
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=grab)
    qtbot.mouseMove(vp, grab + (at(canvas, 11, 5) - at(canvas, 8, 5)) / 2)
    qtbot.mouseMove(vp, grab + at(canvas, 11, 5) - at(canvas, 8, 5))
    assert pane.selection_info.text() == "Resize to 9 × 6"
    key(qtbot, pane, Qt.Key.Key_Escape)
    assert pane.selection_info.text() == said
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=grab)
    drag_handle(qtbot, canvas, "br", (10, 10))
    assert pane.selection_info.text().startswith("Rectangle 1 of 3: box x 2 to 10, y 2 to 10 (8 × 8)")
