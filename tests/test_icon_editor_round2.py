"""The icon editor's second walkthrough, driven as a user would: a short screen, deleting several
shapes, renaming a sprite's symbol, unreadable SVGs nothing uses, the pointer's position."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox
from test_icon_editor import HAND, PLUGIN, at, click, show_file
from test_icon_editor_walkthrough import SPRITE3


def test_the_pointer_position_stands_apart_from_the_zoom_level(qtbot, window, example_project: Path) -> None:
    """The pointer's position ran into the zoom level: "x 12  y 298.67100%" read as one number."""
    window.open_path(example_project)
    pane = show_file(window, HAND)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()  # (the window's own enter and leave events first)
    # The pointer moves over the canvas (sent straight to it: QTest's moves depend on where the
    # earlier tests left the pointer and which window it was over).
    viewport = pane.canvas.viewport()
    pos = QPointF(at(pane.canvas, 12.3, 20.67))
    move = QMouseEvent(
        QEvent.Type.MouseMove,
        pos,
        QPointF(viewport.mapToGlobal(pos.toPoint())),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(viewport, move)
    assert pane.position.text().startswith("x ")
    QApplication.processEvents()  # the row lays itself out again for the longer text
    assert pane.position.text().startswith("x ")
    gap = pane.zoom_level.geometry().left() - pane.position.geometry().right()
    # At least as far apart as x is from y within the position ("x 12  y 21": two spaces).
    assert gap >= pane.position.fontMetrics().horizontalAdvance("  "), gap


def test_deleting_a_shape_with_the_use_that_copies_it_does_not_ask(
    qtbot, window, example_project: Path, monkeypatch
) -> None:
    """Ctrl+A, Delete on a dot and the <use> that copies it asked "Delete a shape that is in use?
    'dot' is used by 1 reference inside hand.svg": that reference was being deleted too."""
    (example_project / "webapp2" / HAND).write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" id="hand" '
        'viewBox="0 0 24 24">\n'
        '  <circle id="dot" cx="6" cy="6" r="3"/>\n'
        '  <use xlink:href="#dot" x="10" y="10"/>\n'
        '  <rect x="2" y="18" width="20" height="4"/>\n</svg>\n'
    )
    window.open_path(example_project)
    pane = show_file(window, HAND)
    canvas = pane.canvas
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    # The dot alone: the <use> stays and would show nothing, so that is asked.
    click(qtbot, canvas, 6, 6)
    assert canvas.selected is not None and canvas.selected.ids == ("dot",)
    qtbot.keyClick(canvas, Qt.Key.Key_Delete)
    assert len(asked) == 1 and "dot" in asked[0] and "inside hand.svg" in asked[0]
    assert 'id="dot"' in window.package.read_text(HAND)
    # Everything: nothing left uses the dot, so it all goes at once without a question.
    qtbot.keyClick(canvas, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(canvas.selection) == 3
    qtbot.keyClick(canvas, Qt.Key.Key_Delete)
    assert len(asked) == 1, asked
    text = window.package.read_text(HAND)
    assert "<circle" not in text and "<use" not in text and "<rect" not in text


def test_a_sprites_symbol_is_renamed_with_every_reference_in_one_undo_step(
    qtbot, window, example_project: Path, monkeypatch
) -> None:
    """A sprite's <symbol> ids could only be renamed in the XML, and the menu item and the code
    naming 'sprite.svg#dot' were left pointing at nothing."""
    folder = example_project / "webapp2" / PLUGIN
    (folder / "sprite.svg").write_text(SPRITE3)
    package = folder / "raise-hand-helper.plugin.package.json"
    package.write_text(package.read_text().replace('"hand.svg#hand"', '"sprite.svg#dot"'))
    js = folder / "raise-hand-helper.plugin.js"
    js.write_text(js.read_text() + "\n// icon: 'sprite.svg#dot'\n")
    window.open_path(example_project)
    pane = show_file(window, f"{PLUGIN}/sprite.svg")
    assert pane.symbols.currentItem().text() == "dot"
    before = window.package.read_text(f"{PLUGIN}/sprite.svg")
    assert pane.rename_button.isEnabled() and pane.rename_button.isVisible()
    asked: list[str] = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: asked.append(k.get("text")) or ("spot", True))
    qtbot.mouseClick(pane.rename_button, Qt.MouseButton.LeftButton)
    assert asked == ["dot"]  # the symbol on show, not the sprite's root (which has no id)
    text = window.package.read_text(f"{PLUGIN}/sprite.svg")
    assert '<symbol id="spot"' in text and 'id="dot"' not in text
    assert pane.symbols.currentItem().text() == "spot"  # still the symbol on show
    assert "Rename icon id 'dot' to 'spot'" in window.editor.undo_stack.undoText()
    assert window.save()
    assert '"sprite.svg#spot"' in package.read_text()
    assert "'sprite.svg#spot'" in js.read_text()
    window.editor.undo_stack.undo()
    assert window.package.read_text(f"{PLUGIN}/sprite.svg") == before
    assert window.save()
    assert '"sprite.svg#dot"' in package.read_text() and "'sprite.svg#dot'" in js.read_text()


def _problem_rows(window) -> list[str]:
    return [item.text(0) for item in window.problems_view.problem_items()]


LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE svg [\n  <!ENTITY l0 "ha">\n'
    + "".join(f'  <!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">\n' for i in range(1, 10))
    + ']>\n<svg xmlns="http://www.w3.org/2000/svg" id="laugh"><title>&l9;</title></svg>\n'
)


def test_an_unreadable_svg_nothing_uses_is_still_reported(qtbot, window, example_project: Path) -> None:
    """A 'billion laughs' SVG and a broken one in a plugin's folder that no menu item uses got
    only the note "file not used", though both are uploaded with the ZIP. The entities are unsafe
    whether the file is used or not (PD411, an error, as in a readable file), and the broken one's
    note says it cannot be read either."""
    folder = example_project / "webapp2" / PLUGIN
    (folder / "laugh.svg").write_text(LAUGHS)
    (folder / "broken.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" id="broken">\n<rect>\n</svg>\n')
    window.open_path(example_project)
    problems = [p for p in window.problems if p.file.endswith(("laugh.svg", "broken.svg"))]
    laugh = {p.code: p for p in problems if p.file.endswith("laugh.svg")}
    assert "PD411" in laugh and laugh["PD411"].severity.name == "ERROR", problems
    assert laugh["PD411"].line == 3  # the first <!ENTITY
    assert "laugh.svg defines entities (<!ENTITY ...> lines in the DOCTYPE at its top)" in laugh["PD411"].message
    broken = [p for p in problems if p.file.endswith("broken.svg")]
    assert [p.code for p in broken] == ["PD406"]
    assert "cannot be read as SVG" in broken[0].message and "line 3" in broken[0].message
    rows = _problem_rows(window)
    assert any("laugh.svg defines entities" in row for row in rows), rows


SHORT_SCREEN = """
import shutil
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
font = QApplication.font()
font.setPointSize(15)
QApplication.setFont(font)
from designer.gui.main_window import MainWindow
shutil.copytree({example!r}, {project!r})
sprite = '<svg xmlns="http://www.w3.org/2000/svg"><symbol id="a" viewBox="0 0 24 24"><rect width="9" height="9"/></symbol></svg>'
(Path({project!r}) / "webapp2/plugins/lock-toggle/sprite.svg").write_text(sprite)
js = Path({project!r}) / "webapp2/plugins/lock-toggle/lock-toggle.plugin.js"
js.write_text(js.read_text() + "\\n// later: sprite.svg\\n")  # named, so not 'unused': no problem to show
window = MainWindow()
window.remembers_projects = False
window.resize(911 - 16, 512 - 40)
window.show()
window.open_path(Path({project!r}))
root = window.tree.topLevelItem(0)
window.tree.setCurrentItem(window._find_tree_item(root, ("file", "plugins/lock-toggle/lock.svg")))
for _ in range(10):
    app.processEvents()
pane = window.icon_pane
print("short", pane.canvas.height(), getattr(pane, "strip_folded", None), window.problems_dock.height(), window.height())
window.tree.setCurrentItem(window._find_tree_item(root, ("file", "plugins/lock-toggle/sprite.svg")))
for _ in range(10):
    app.processEvents()
print("sprite", getattr(pane, "strip_folded", None), pane.symbols.isVisible(), pane.symbols.height())
window.tree.setCurrentItem(window._find_tree_item(root, ("file", "plugins/lock-toggle/lock.svg")))
window.resize(1200, 800)
for _ in range(10):
    app.processEvents()
print("tall", pane.canvas.height(), getattr(pane, "strip_folded", None), pane.preview.isVisible())
"""


def test_the_canvas_keeps_room_on_a_laptop_at_150_percent_with_a_large_font(tmp_path: Path) -> None:
    """On 1366 x 768 at 150 % (911 x 512 logical px) with a 15 pt font, the canvas was squeezed to
    36 px between its two-row toolbar and the preview strip, and the Problems dock took 96 px to
    say "none". The empty dock is now its title and header, the strip folds away under a handle,
    and it comes back when the window is made taller."""
    from test_hidpi import ROOT, _at_scale

    code = SHORT_SCREEN.format(example=str(ROOT / "resources/examples/demo"), project=str(tmp_path / "demo"))
    rows = {line.split()[0]: line.split()[1:] for line in _at_scale("1.5", code, tmp_path, (1366, 768)).splitlines()}
    canvas, folded, dock, height = rows["short"]
    assert int(height) <= 512 - 40
    assert int(canvas) >= 120, f"the canvas is {canvas} px high"
    assert folded == "True"
    assert int(dock) <= 60, f"the Problems dock takes {dock} px to say 'none'"
    # A sprite's symbols are in the strip, and its canvas draws nothing: that strip stays.
    folded, listed, list_height = rows["sprite"]
    assert folded == "False" and listed == "True" and int(list_height) >= 40
    canvas, folded, shown = rows["tall"]
    assert folded == "False" and shown == "True" and int(canvas) >= 300


def test_the_problems_dock_is_small_while_it_has_nothing_to_show(qtbot, window, example_project: Path) -> None:
    """The Problems dock kept its 170 px to say "Problems — none", taking the room of the editors
    on a short screen; with nothing to show it is now its title and the list's header, and it gets
    its height back when a problem comes back."""
    (example_project / "webapp2" / PLUGIN / "stray.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>\n')
    window.resize(1000, 700)
    window.show()
    window.open_path(example_project)
    QApplication.processEvents()
    dock, view = window.problems_dock, window.problems_view
    assert dock.windowTitle() == "Problems (1)"
    before = dock.height()
    assert before >= 150
    window.apply_fix(window.problems[0].fix)  # Delete stray.svg, as its Fix button does
    qtbot.waitUntil(lambda: dock.windowTitle() == "Problems — none")  # (the checks run again)
    QApplication.processEvents()
    assert view.height() <= view.header().height() + 2 * view.frameWidth()
    assert dock.height() < before / 2
    window.editor.undo_stack.undo()
    qtbot.waitUntil(lambda: dock.windowTitle() == "Problems (1)")
    QApplication.processEvents()
    assert abs(dock.height() - before) <= 4, (dock.height(), before)


def test_a_symbol_that_uses_another_symbol_draws_it(qtbot, window, example_project: Path) -> None:
    """A sprite symbol drawn with <use href="#dot"/> of another symbol showed without the dot in
    the symbol list and the preview (Qt: "link #dot is undefined"): the other symbol was not
    copied into its drawing when it sat beside it rather than in <defs>."""
    from test_icon_editor_walkthrough import _as_the_preview_draws, _placements

    folder = example_project / "webapp2" / PLUGIN
    text = SPRITE3.replace('<rect x="2" y="10"', '<use href="#dot"/><rect x="2" y="10"')
    (folder / "sprite.svg").write_text(text)
    window.open_path(example_project)
    pane = show_file(window, f"{PLUGIN}/sprite.svg")
    item = pane.symbols.findItems("bar", Qt.MatchFlag.MatchExactly)[0]
    pane.symbols.scrollToItem(item)
    qtbot.mouseClick(pane.symbols.viewport(), Qt.MouseButton.LeftButton, pos=pane.symbols.visualItemRect(item).center())
    assert pane.symbols.currentItem().text() == "bar"
    without_dot = _as_the_preview_draws(SPRITE3.encode(), "bar", "Menu item")
    assert _placements(pane) != without_dot


def test_a_floating_problems_dock_keeps_its_size_with_nothing_to_show(qtbot, window, example_project: Path) -> None:
    """A Problems dock the user floated beside the window takes no room from the editors: it
    keeps the size they gave it when the list empties (it shrank to its header)."""
    (example_project / "webapp2" / PLUGIN / "stray.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>\n')
    window.show()
    window.open_path(example_project)
    dock = window.problems_dock
    dock.setFloating(True)  # as the float button in its title does
    dock.resize(600, 300)
    QApplication.processEvents()
    window.apply_fix(window.problems[0].fix)  # Delete stray.svg
    qtbot.waitUntil(lambda: dock.windowTitle() == "Problems — none")
    QApplication.processEvents()
    assert dock.isFloating() and dock.height() == 300


def test_a_sprites_header_shows_the_id_of_the_symbol_on_show(qtbot, window, example_project: Path) -> None:
    """In a sprite the header said "no id" (its root's, which no menu item names) whichever symbol
    was on show: the user read that the picture could not be used. It names the symbol on show."""
    (example_project / "webapp2" / PLUGIN / "sprite.svg").write_text(SPRITE3)
    window.open_path(example_project)
    pane = show_file(window, f"{PLUGIN}/sprite.svg")
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    assert pane.symbols.currentItem().text() == "square"
    assert pane.id_label.text() == "symbol <code>square</code> of the sprite"
    bar = pane.symbols.findItems("bar", Qt.MatchFlag.MatchExactly)[0]
    qtbot.mouseClick(pane.symbols.viewport(), Qt.MouseButton.LeftButton, pos=pane.symbols.visualItemRect(bar).center())
    assert pane.symbols.currentItem().text() == "bar"
    assert pane.id_label.text() == "symbol <code>bar</code> of the sprite"
    assert "no id" not in pane.id_label.text()
