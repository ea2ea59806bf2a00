"""The icon editor, driven as a user would: tools on the canvas, the XML beside it, ids kept safe."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMessageBox

from designer.core.checks import run_checks
from designer.core.model import load

PLUGIN = "plugins/raise-hand-helper"
HAND = f"{PLUGIN}/hand.svg"
PACKAGE = f"{PLUGIN}/raise-hand-helper.plugin.package.json"
SVG = "{http://www.w3.org/2000/svg}"


def show_file(window, rel: str):
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("file", rel)))
    pane = window.icon_pane
    assert window.stack.currentWidget() is pane
    return pane


def select_plugin(window, index: int) -> None:
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("plugin", index)))


def at(canvas, x: float, y: float):
    return canvas.mapFromScene(QPointF(x, y))


def drag(qtbot, canvas, a: tuple[float, float], b: tuple[float, float]) -> None:
    vp = canvas.viewport()
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=at(canvas, *a))
    qtbot.mouseMove(vp, pos=at(canvas, (a[0] + b[0]) / 2, (a[1] + b[1]) / 2))
    qtbot.mouseMove(vp, pos=at(canvas, *b))
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=at(canvas, *b))


def click(qtbot, canvas, x: float, y: float) -> None:
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=at(canvas, x, y))


def use_tool(qtbot, pane, tool: str) -> None:
    button = pane.toolbar.widgetForAction(pane.tool_actions[tool])
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert pane.canvas.tool == tool


def hand_plugin_index(window) -> int:
    return next(i for i, p in enumerate(window.package.plugins) if p.folder == PLUGIN)


def test_draw_an_icon_with_the_tools_and_save_it(qtbot, window, example_project: Path) -> None:
    window.open_path(example_project)
    index = hand_plugin_index(window)
    select_plugin(window, index)
    items = window.plugin_page.items
    items.list.setCurrentRow(0)
    # The user asks for a new icon for the menu item; it opens in the icon editor.
    ref = items.add_icon("draw", name="My Star")
    assert ref == "my-star.svg#my-star"
    pane = window.icon_pane
    assert window.stack.currentWidget() is pane and pane.rel == f"{PLUGIN}/my-star.svg"
    canvas = pane.canvas
    assert canvas.view_rect.width() == 24

    use_tool(qtbot, pane, "rect")
    drag(qtbot, canvas, (4.2, 3.9), (20.1, 12))  # snapped to the grid
    use_tool(qtbot, pane, "ellipse")
    drag(qtbot, canvas, (8, 14), (16, 22))
    use_tool(qtbot, pane, "line")
    drag(qtbot, canvas, (2, 23), (22, 23))
    use_tool(qtbot, pane, "path")
    for x, y in ((3, 3), (6, 9), (9, 3)):
        click(qtbot, canvas, x, y)
    qtbot.mouseDClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=at(canvas, 9, 3))
    use_tool(qtbot, pane, "text")
    pane.text_edit.setText("")
    qtbot.keyClicks(pane.text_edit, "Hi")
    click(qtbot, canvas, 12, 10)
    # Recolour the circle: select it, then choose a fill.
    use_tool(qtbot, pane, "select")
    click(qtbot, canvas, 12, 18)
    assert canvas.selected is not None and canvas.selected.tag == "circle"
    pane.set_paint("fill", "currentColor")

    # The XML beside the canvas shows the same drawing.
    assert window.source_editor.text() == window.package.read_text(pane.rel)
    assert "<circle" in window.source_editor.text()
    assert window.save()

    root = etree.fromstring((example_project / "webapp2" / pane.rel).read_bytes())
    assert root.get("id") == "my-star" and root.get("viewBox") == "0 0 24 24"
    shapes = [(el.tag.replace(SVG, ""), dict(el.attrib)) for el in root]
    assert shapes[0] == (
        "rect",
        {
            "x": "4",
            "y": "4",
            "width": "16",
            "height": "8",
            "fill": "none",
            "stroke": "currentColor",
            "stroke-width": "2",
        },
    )
    assert shapes[1] == (
        "circle",
        {"cx": "12", "cy": "18", "r": "4", "fill": "currentColor", "stroke": "currentColor", "stroke-width": "2"},
    )
    assert shapes[2][0] == "line" and shapes[2][1]["x1"] == "2" and shapes[2][1]["x2"] == "22"
    assert shapes[3] == (
        "path",
        {"d": "M3 3 L6 9 L9 3", "fill": "none", "stroke": "currentColor", "stroke-width": "2"},
    )
    assert shapes[4][0] == "text" and root[4].text == "Hi"
    # The menu item uses the new icon, and the package has no problems about it.
    package = json.loads((example_project / "webapp2" / PACKAGE).read_text())
    assert next(iter(package["menuItems"].values()))[0]["icon"] == "my-star.svg#my-star"
    problems = run_checks(load(example_project))
    assert [p for p in problems if p.severity.value == "error"] == []
    assert not [p for p in problems if p.file.endswith("my-star.svg")]


def test_move_restack_delete_and_undo(qtbot, window, example_project: Path) -> None:
    window.open_path(example_project)
    pane = show_file(window, HAND)
    canvas = pane.canvas
    before = window.package.read_text(HAND)
    shapes = canvas.shapes
    assert shapes, "the hand icon has shapes to select"
    first, bounds, _ = shapes[0]
    centre = bounds.center()
    click(qtbot, canvas, centre.x(), centre.y())
    assert canvas.selected is not None
    drag(qtbot, canvas, (centre.x(), centre.y()), (centre.x() + 2, centre.y() + 1))
    moved = window.package.read_text(HAND)
    assert moved != before
    assert window.editor.undo_stack.undoText().startswith("Move")
    # Arrow keys nudge by one grid step.
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Left)
    assert window.package.read_text(HAND) != moved
    window.editor.undo_stack.undo()
    window.editor.undo_stack.undo()
    assert window.package.read_text(HAND) == before
    assert canvas.text == before and window.source_editor.text() == before


def test_deleting_a_shape_that_carries_a_used_id_asks_first(qtbot, window, example_project: Path, monkeypatch) -> None:
    (example_project / "webapp2" / HAND).write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">\n'
        '  <symbol id="hand" viewBox="0 0 24 24"><path d="M4 4h16v16z"/></symbol>\n'
        '  <g id="wrap"><circle id="hand-dot" cx="12" cy="12" r="4"/></g>\n</svg>\n'
    )
    data = example_project / "webapp2" / PACKAGE
    data.write_text(data.read_text().replace('"hand.svg#hand"', '"hand.svg#hand-dot"'))
    window.open_path(example_project)
    pane = show_file(window, HAND)
    assert "hand-dot" in pane.users.text()
    assert pane.symbols.isVisible() and pane.symbols.count() == 1  # a sprite's symbols are listed
    canvas = pane.canvas
    click(qtbot, canvas, 12, 12)
    assert canvas.selected is not None and "hand-dot" in canvas.selected.ids
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    qtbot.keyClick(canvas, Qt.Key.Key_Delete)
    assert asked and "hand-dot" in asked[0]
    assert "hand-dot" in window.package.read_text(HAND)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.keyClick(canvas, Qt.Key.Key_Delete)
    assert "hand-dot" not in window.package.read_text(HAND)
    assert pane.banner.isVisible() and "no picture" in pane.banner.text()


def test_rename_id_updates_every_reference_and_undo_restores_them(qtbot, window, example_project: Path) -> None:
    window.open_path(example_project)
    pane = show_file(window, HAND)
    assert "hand" in pane.id_label.text()
    before_svg = window.package.read_text(HAND)
    pane.rename_id("raised-hand")
    assert 'id="raised-hand"' in window.package.read_text(HAND)
    assert "Rename icon id 'hand' to 'raised-hand'" in window.editor.undo_stack.undoText()
    assert window.save()
    package = (example_project / "webapp2" / PACKAGE).read_text()
    assert '"hand.svg#raised-hand"' in package and '"hand.svg#hand"' not in package
    problems = run_checks(load(example_project))
    assert not [p for p in problems if p.code.startswith("PD4")]
    window.editor.undo_stack.undo()
    assert window.package.read_text(HAND) == before_svg
    assert window.save()
    assert '"hand.svg#hand"' in (example_project / "webapp2" / PACKAGE).read_text()


def test_rename_refuses_bad_and_taken_ids(qtbot, window, example_project: Path, monkeypatch) -> None:
    window.open_path(example_project)
    pane = show_file(window, HAND)
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    depth = window.editor.undo_stack.count()
    pane.rename_id("1 bad id")
    assert warned and window.editor.undo_stack.count() == depth


def test_xml_edits_redraw_the_canvas_and_broken_xml_is_explained(qtbot, window, example_project: Path) -> None:
    window.open_path(example_project)
    pane = show_file(window, HAND)
    editor = window.source_editor
    assert editor.isVisible() and window.source_pane.parent() is pane.xml_holder
    n = len(pane.canvas.shapes)
    cursor = editor.textCursor()
    cursor.setPosition(editor.toPlainText().rindex("</svg>"))
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, '<rect x="1" y="1" width="3" height="3"/>')
    assert len(pane.canvas.shapes) == n + 1
    qtbot.keyClicks(editor, "<oops")
    assert pane.canvas.error is not None and pane.banner.isVisible()
    assert "line" in pane.banner.text()
    assert len(pane.canvas.shapes) == 0  # nothing can be selected in a drawing that is not there
    # A JavaScript file takes the editor back.
    window.tree.setCurrentItem(
        window._find_tree_item(window.tree.topLevelItem(0), ("file", f"{PLUGIN}/raise-hand-helper.plugin.js"))
    )
    assert window.stack.currentWidget() is window.source_pane and editor.isVisible()


def test_missing_id_is_offered_and_added(qtbot, window, example_project: Path) -> None:
    path = example_project / "webapp2" / PLUGIN / "blank.svg"
    path.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M2 2h20"/></svg>\n')
    window.open_path(example_project)
    pane = show_file(window, f"{PLUGIN}/blank.svg")
    assert pane.add_id_button.isVisible() and "blank" in pane.add_id_button.text()
    assert "no id" in pane.banner.text()
    qtbot.mouseClick(pane.add_id_button, Qt.MouseButton.LeftButton)
    assert 'id="blank"' in window.package.read_text(f"{PLUGIN}/blank.svg")
    assert not pane.add_id_button.isVisible()


HOSTILE = b"""<?xml version="1.0"?>
<!DOCTYPE svg [<!ENTITY boom "boom">]>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="24" height="24"
     xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" onload="alert(1)">
  <script>alert(document.cookie)</script>
  <a xlink:href="javascript:alert(1)"><path id="shape" d="M2 2h20v20z" fill="#ff0000" inkscape:label="x"/></a>
  <use href="http://evil.example/x.svg#a"/>
  <image href="file:///etc/passwd"/>
  <foreignObject><div xmlns="http://www.w3.org/1999/xhtml">hi</div></foreignObject>
</svg>
"""


def test_importing_a_hostile_svg_keeps_only_the_drawing(qtbot, window, example_project: Path, tmp_path) -> None:
    source = tmp_path / "Evil Icon.svg"
    source.write_bytes(HOSTILE)
    window.open_path(example_project)
    pane = show_file(window, HAND)
    ref = pane.adder.import_svg(hand_plugin_index(window), source, ask=False)
    assert ref == "evil-icon.svg#evil-icon"
    assert pane.rel == f"{PLUGIN}/evil-icon.svg"
    text = window.package.read_text(pane.rel)
    for bad in ("script", "onload", "javascript:", "evil.example", "passwd", "foreignObject", "ENTITY", "inkscape"):
        assert bad not in text
    assert 'id="shape"' in text and "currentColor" in text and 'viewBox="0 0 24 24"' in text
    assert window.editor.undo_stack.undoText() == "Import Evil Icon.svg to 'Raise hand helper'" or "Import" in (
        window.editor.undo_stack.undoText()
    )


def test_import_dialog_lists_what_it_removes(qtbot, tmp_path) -> None:
    from designer.gui.panes.icon_sources import ImportSvgDialog

    dialog = ImportSvgDialog(tmp_path / "evil.svg", HOSTILE, set())
    qtbot.addWidget(dialog)
    removed = [dialog.removed.item(i).text() for i in range(dialog.removed.count())]
    assert any("script" in line for line in removed)
    assert dialog.colour.isChecked() and "colour" in dialog.summary.text()
    dialog.colour.setChecked(False)
    assert "#ff0000" in dialog.result_.text
    broken = ImportSvgDialog(tmp_path / "broken.svg", b"<svg><path></svg>", set())
    qtbot.addWidget(broken)
    assert broken.result_ is None and "broken.svg" in broken.summary.text()


def test_builtin_gallery_search_and_add(qtbot, window, example_project: Path, monkeypatch) -> None:
    from designer.gui.panes.icon_sources import IconGalleryDialog

    gallery = IconGalleryDialog()
    qtbot.addWidget(gallery)
    assert gallery.list.count() >= 40
    qtbot.keyClicks(gallery.search, "lock")
    visible = [gallery.list.item(i).text() for i in range(gallery.list.count()) if not gallery.list.item(i).isHidden()]
    assert "lock" in visible and "unlock" in visible and "record" not in visible
    assert gallery.selected_name() in visible

    window.open_path(example_project)
    select_plugin(window, hand_plugin_index(window))
    monkeypatch.setattr(IconGalleryDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(IconGalleryDialog, "selected_name", lambda self: "record")
    window.plugin_actions["builtin_icon"].trigger()
    assert window.icon_pane.rel == f"{PLUGIN}/record.svg"
    assert window.stack.currentWidget() is window.icon_pane
    assert 'id="record"' in window.package.read_text(f"{PLUGIN}/record.svg")


def test_preview_strip_draws_the_icon(qtbot, window, example_project: Path) -> None:
    window.open_path(example_project)
    pane = show_file(window, HAND)
    for label in (*pane.preview.swatches, pane.preview.placements):
        image = label.pixmap().toImage()
        colours = {image.pixel(x, y) for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)}
        assert len(colours) > 2, label.objectName()


@pytest.mark.parametrize("source", ["builtin", "draw"])
def test_menu_item_gets_its_new_icon_in_one_undo_step(qtbot, window, example_project: Path, source: str) -> None:
    window.open_path(example_project)
    select_plugin(window, hand_plugin_index(window))
    items = window.plugin_page.items
    items.list.setCurrentRow(0)
    depth = window.editor.undo_stack.count()
    ref = items.add_icon(source, name="star")
    assert ref == "star.svg#star"
    assert window.editor.undo_stack.count() == depth + 1
    # The plugin's name in quotes, as every other step has it ("… to Raise hand helper" ran on).
    added = "built-in icon star" if source == "builtin" else "new icon star.svg"
    assert window.findChild(QAction, "undoAction").text() == f"&Undo Add {added} to 'Raise hand helper'"
    plugin = window.package.plugins[hand_plugin_index(window)]
    assert next(iter(plugin.package.menu_items.values()))[0].icon == ref
    window.editor.undo_stack.undo()
    assert not window.package.exists(f"{PLUGIN}/star.svg")
    assert next(iter(window.package.plugins[hand_plugin_index(window)].package.menu_items.values()))[0].icon == (
        "hand.svg#hand"
    )


def test_new_user_draws_recolours_and_exports_a_toolbar_icon(qtbot, window, tmp_path: Path, monkeypatch) -> None:
    """The issue's promise: a plugin whose toolbar icon the user drew, recoloured and exported, zero problems."""
    import zipfile

    from PySide6.QtWidgets import QFileDialog, QInputDialog, QPushButton

    from designer.cli import main

    project = tmp_path / "team"
    monkeypatch.setattr("designer.gui.panes.new_project_dialog.ask_new_project", lambda parent: project)
    window.new_project()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Recorder", True))
    window.plugin_actions["add"].trigger()
    index = next(i for i, p in enumerate(window.package.plugins) if p.display_name == "Recorder")
    items = window.plugin_page.items
    assert items.placement.currentData() == "toolbar"
    items.list.setCurrentRow(0)
    # Menu: New icon > Draw a new icon… (the name is asked with the patched dialog).
    items.findChild(QAction, "addIcon_draw").trigger()
    pane = window.icon_pane
    assert window.stack.currentWidget() is pane and pane.rel.endswith("/recorder.svg")
    use_tool(qtbot, pane, "ellipse")
    drag(qtbot, pane.canvas, (5, 5), (19, 19))
    pane.set_paint("fill", "currentColor")
    pane.set_paint("stroke", "#d93025")  # recoloured: a red ring around the app-coloured dot
    assert window.save()
    out = tmp_path / "upload.zip"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.show_export()
    qtbot.mouseClick(window.export_pane.findChild(QPushButton, "exportButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(out.exists)
    unpacked = tmp_path / "unpacked"
    zipfile.ZipFile(out).extractall(unpacked)
    svg = etree.fromstring((unpacked / "webapp2" / pane.rel).read_bytes())
    circle = svg[0]
    assert svg.get("id") == "recorder" and circle.tag == f"{SVG}circle"
    assert (circle.get("fill"), circle.get("stroke"), circle.get("r")) == ("currentColor", "#d93025", "7")
    package = load(unpacked).plugins[index].package
    assert next(iter(package.menu_items.values()))[0].icon == "recorder.svg#recorder"
    assert [p for p in run_checks(load(unpacked)) if p.severity.value != "info"] == []
    assert main(["check", str(unpacked), "--strict"]) == 0


def test_dropping_svg_files_imports_them_into_the_plugin(
    qtbot, window, example_project: Path, tmp_path, monkeypatch
) -> None:
    from PySide6.QtCore import QMimeData, QPoint, QUrl
    from PySide6.QtGui import QDropEvent

    source = tmp_path / "Dropped Icon.svg"
    source.write_bytes(HOSTILE)
    window.open_path(example_project)
    pane = show_file(window, HAND)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(source))])
    event = QDropEvent(
        QPoint(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    from designer.gui.panes.icon_sources import ImportSvgDialog

    monkeypatch.setattr(ImportSvgDialog, "exec", lambda self: QDialog.DialogCode.Accepted)  # the user clicks Import
    pane.dropEvent(event)
    qtbot.waitUntil(lambda: pane.rel == f"{PLUGIN}/dropped-icon.svg")
    assert "script" not in window.package.read_text(pane.rel)


SPRITE = (
    '<svg xmlns="http://www.w3.org/2000/svg" style="display:none">\n'
    '  <symbol id="cam" viewBox="0 0 24 24"><rect x="2" y="6" width="14" height="12" fill="currentColor"/></symbol>\n'
    '  <symbol id="mic" viewBox="0 0 24 24"><circle cx="12" cy="10" r="5" fill="currentColor"/></symbol>\n'
    "</svg>\n"
)


def _ink(pixmap) -> int:
    image = pixmap.toImage()
    return sum(image.pixelColor(x, y).alpha() > 0 for x in range(image.width()) for y in range(image.height()))


def test_sprite_symbols_draw_and_a_sprite_import_uses_its_first_symbol(
    qtbot, window, example_project: Path, tmp_path
) -> None:
    from designer.gui.icon_render import render_icon

    assert _ink(render_icon(SPRITE.encode(), "mic", "#000000", 24)) > 20
    (example_project / "webapp2" / PLUGIN / "sprite.svg").write_text(SPRITE)
    window.open_path(example_project)
    pane = show_file(window, f"{PLUGIN}/sprite.svg")
    assert pane.symbols.count() == 2 and "sprite" in pane.banner.text()
    assert not pane.add_id_button.isVisible() and not pane.tool_actions["rect"].isEnabled()
    assert all(_ink(label.pixmap()) > 0 for label in pane.preview.swatches)
    select_plugin(window, hand_plugin_index(window))
    items = window.plugin_page.items
    items.list.setCurrentRow(0)
    combo = [items.icon.itemData(i) for i in range(items.icon.count())]
    assert "sprite.svg#cam" in combo and "sprite.svg#mic" in combo
    source = tmp_path / "icons.svg"
    source.write_text(SPRITE)
    # Imported for the menu item: the item uses the sprite's first symbol (its root draws nothing).
    ref = pane.adder.import_svg(hand_plugin_index(window), source, ask=False, then=lambda pkg, r: None)
    assert ref == "icons.svg#cam"


def test_text_tool_places_texts_without_rewriting_the_last(qtbot, window, example_project: Path) -> None:
    window.open_path(example_project)
    pane = show_file(window, HAND)
    use_tool(qtbot, pane, "text")
    pane.text_edit.clear()
    qtbot.keyClicks(pane.text_edit, "Hi")
    click(qtbot, pane.canvas, 3, 22)
    depth = window.editor.undo_stack.count()
    pane.text_edit.clear()
    qtbot.keyClicks(pane.text_edit, "Yo")
    assert window.editor.undo_stack.count() == depth  # typing the next text changes nothing yet
    click(qtbot, pane.canvas, 14, 22)
    text = window.package.read_text(HAND)
    assert ">Hi</text>" in text and ">Yo</text>" in text


def test_picking_goes_by_ink_not_by_box(qtbot, window, example_project: Path) -> None:
    path = example_project / "webapp2" / PLUGIN / "ring.svg"
    path.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" id="ring" viewBox="0 0 24 24">\n'
        '  <circle cx="12" cy="12" r="2" fill="currentColor"/>\n'
        '  <rect x="2" y="2" width="20" height="20" fill="none" stroke="currentColor" stroke-width="2"/>\n</svg>\n'
    )
    window.open_path(example_project)
    pane = show_file(window, f"{PLUGIN}/ring.svg")
    click(qtbot, pane.canvas, 12, 12)
    assert pane.canvas.selected.tag == "circle"
    click(qtbot, pane.canvas, 2, 12)
    assert pane.canvas.selected.tag == "rect"


def test_code_references_count_as_uses(qtbot, window, example_project: Path, monkeypatch) -> None:
    js = example_project / "webapp2" / PLUGIN / "raise-hand-helper.plugin.js"
    js.write_text(js.read_text() + "\n// icon: 'hand.svg#palm'\n")
    svg = example_project / "webapp2" / HAND
    svg.write_text(svg.read_text().replace("<path ", '<path id="palm" ', 1))
    window.open_path(example_project)
    pane = show_file(window, HAND)
    assert "the code of" in pane.users.text() and "#palm" in pane.users.text()
    canvas = pane.canvas
    palm = next(s for s, _r, _t in canvas.shapes if s.element_id == "palm")
    canvas.select_path(palm.path)
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    canvas.delete_selected()
    assert asked and "code" in asked[0] and 'id="palm"' in window.package.read_text(HAND)


def test_half_drawn_path_stays_with_its_file(qtbot, window, example_project: Path) -> None:
    window.open_path(example_project)
    pane = show_file(window, HAND)
    use_tool(qtbot, pane, "path")
    click(qtbot, pane.canvas, 2, 2)
    click(qtbot, pane.canvas, 5, 5)
    info = show_file(window, "plugins/meeting-info/info.svg")
    before = window.package.read_text("plugins/meeting-info/info.svg")
    click(qtbot, info.canvas, 10, 10)
    qtbot.mouseDClick(info.canvas.viewport(), Qt.MouseButton.LeftButton, pos=at(info.canvas, 10, 10))
    assert window.package.read_text("plugins/meeting-info/info.svg") == before  # one point is no path


def test_undoing_a_new_icon_leaves_no_ghost(qtbot, window, example_project: Path) -> None:
    window.open_path(example_project)
    select_plugin(window, hand_plugin_index(window))
    window.plugin_page.items.list.setCurrentRow(0)
    window.plugin_page.items.add_icon("draw", name="ghost")
    rel = f"{PLUGIN}/ghost.svg"
    assert window.icon_pane.rel == rel
    window.editor.undo_stack.undo()
    assert window._find_tree_item(window.tree.topLevelItem(0), ("file", rel)) is None
    assert window.stack.currentWidget() is not window.icon_pane
    assert not window.package.exists(rel)


def test_broken_xml_gives_one_clear_message(qtbot, window, example_project: Path) -> None:
    window.open_path(example_project)
    pane = show_file(window, HAND)
    editor = window.source_editor
    cursor = editor.textCursor()
    cursor.setPosition(editor.toPlainText().index("<rect"))
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, "<")
    assert pane.canvas.error is not None
    assert "line 2" in pane.banner.text() and "missing" not in pane.banner.text()
    assert "missing" not in pane.users.text() and not pane.tool_actions["rect"].isEnabled()


def test_read_only_zip_cannot_be_changed_even_by_calls(qtbot, window, example_project: Path, tmp_path) -> None:
    from designer.core.export import export_package

    source = tmp_path / "b.zip"
    export_package(example_project, source)
    window.open_path(source)
    pane = show_file(window, HAND)
    assert not pane.tool_actions["rect"].isEnabled()
    pane.rename_id("other")
    assert pane.adder.new_icon(hand_plugin_index(window), "x") is None
    assert pane.adder.builtin_icon(hand_plugin_index(window), "record") is None
    assert window.editor.undo_stack.count() == 0 and not window.isWindowModified()


def test_gallery_enter_takes_the_best_match(qtbot) -> None:
    from designer.gui.panes.icon_sources import IconGalleryDialog

    gallery = IconGalleryDialog()
    qtbot.addWidget(gallery)
    for query, best in (("lock", "lock"), ("close", "close"), ("phone", "phone"), ("hand up", "hand")):
        gallery.search.setText(query)
        assert gallery.selected_name() == best, query
    gallery.search.setText("zzzz")
    assert gallery.selected_name() is None and not gallery.ok_button.isEnabled()
    assert "No icon matches" in gallery.count.text()


def test_a_broken_file_never_shows_the_previous_files_drawing(qtbot, window, example_project: Path) -> None:
    (example_project / "webapp2" / PLUGIN / "broken.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg">\n<rect')
    window.open_path(example_project)
    pane = show_file(window, HAND)
    assert not pane.canvas.blank and pane.canvas.shapes
    pane = show_file(window, f"{PLUGIN}/broken.svg")
    assert pane.canvas.blank and pane.canvas.error is not None and not pane.canvas.shapes
    assert "line 2" in pane.banner.text()


def _a_new_text_selected(qtbot, window, project: Path):
    """Open ``project``, draw a text in hand.svg with the Text tool and select it; return the pane."""
    window.open_path(project)
    pane = show_file(window, HAND)
    use_tool(qtbot, pane, "text")
    click(qtbot, pane.canvas, 3, 22)
    use_tool(qtbot, pane, "select")
    pane.canvas.select_path(next(s for s, _r, _t in pane.canvas.shapes if s.tag == "text").path)
    return pane


def test_typing_a_word_into_a_text_shape_is_one_undo_step(qtbot, window, example_project: Path) -> None:
    pane = _a_new_text_selected(qtbot, window, example_project)
    depth = window.editor.undo_stack.count()
    pane.text_edit.clear()
    qtbot.keyClicks(pane.text_edit, "Hello")
    assert ">Hello</text>" in window.package.read_text(HAND)
    assert window.editor.undo_stack.count() == depth + 1


def test_ctrl_z_in_the_text_field_undoes_the_windows_steps(qtbot, window, example_project: Path) -> None:
    """Ctrl+Z in the field of a selected text used the field's own undo: the text went back behind
    the window's back, the window's step vanished (nothing to redo), and a second Ctrl+Z did nothing."""
    pane = _a_new_text_selected(qtbot, window, example_project)
    undo = window.findChild(QAction, "undoAction")
    redo = window.findChild(QAction, "redoAction")
    pane.text_edit.setFocus()
    pane.text_edit.selectAll()
    qtbot.keyClicks(pane.text_edit, "Hello")
    assert undo.text() == "&Undo Change text in hand.svg"
    qtbot.keySequence(pane.text_edit, "Ctrl+Z")
    assert pane.text_edit.text() == "A" and ">A</text>" in window.package.read_text(HAND)
    assert redo.text() == "&Redo Change text in hand.svg" and undo.text() == "&Undo Draw text in hand.svg"
    qtbot.keySequence(pane.text_edit, "Ctrl+Z")
    assert "<text" not in window.package.read_text(HAND)
    qtbot.keySequence(window, "Ctrl+Shift+Z")
    qtbot.keySequence(window, "Ctrl+Shift+Z")
    assert ">Hello</text>" in window.package.read_text(HAND) and pane.canvas.text == window.package.read_text(HAND)


def test_the_text_fields_right_click_undo_is_the_windows(qtbot, window, example_project: Path) -> None:
    """The right-click menu's Undo in the field of a selected text was the field's own: the words
    went back behind the window's back and the window's step vanished, with nothing to redo."""
    from test_editing import _choose_from_context_menu

    pane = _a_new_text_selected(qtbot, window, example_project)
    pane.text_edit.setFocus()
    pane.text_edit.selectAll()
    qtbot.keyClicks(pane.text_edit, "Hello")
    shown = _choose_from_context_menu(qtbot, pane.text_edit, "Undo")
    assert "Paste" in " ".join(shown).replace("&", "")  # the field's other entries are still there
    assert pane.text_edit.text() == "A" and ">A</text>" in window.package.read_text(HAND)
    assert window.findChild(QAction, "redoAction").text() == "&Redo Change text in hand.svg"
    _choose_from_context_menu(qtbot, pane.text_edit, "Redo")
    assert pane.text_edit.text() == "Hello" and ">Hello</text>" in window.package.read_text(HAND)


def test_the_rename_button_asks_for_the_new_id(qtbot, window, example_project: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    window.open_path(example_project)
    pane = show_file(window, HAND)
    asked: list[str] = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: asked.append(k.get("text")) or ("palm", True))
    qtbot.mouseClick(pane.rename_button, Qt.MouseButton.LeftButton)
    assert asked == ["hand"]  # the dialog starts from the current id
    assert 'id="palm"' in window.package.read_text(HAND)


def test_a_reference_to_a_missing_id_is_not_drawn_as_the_whole_file(qtbot) -> None:
    from designer.gui.icon_render import render_icon

    data = b'<svg xmlns="http://www.w3.org/2000/svg" id="a" viewBox="0 0 24 24"><rect width="24" height="24"/></svg>'
    whole = _ink(render_icon(data, "a", "#000000", 24))
    missing = _ink(render_icon(data, "nope", "#000000", 24))
    assert whole == 24 * 24 and 0 < missing < whole / 3  # a question mark, not the square


def test_an_id_in_hindi_or_with_a_typed_accent_can_be_given_by_rename(
    qtbot, window, example_project: Path, monkeypatch
) -> None:
    """The checks accept ids in any script, with combining accents (PD422's rule); Rename id…
    refused them ("cannot be an id"), and an import took such ids for invalid names."""
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    window.open_path(example_project)
    pane = show_file(window, HAND)
    for new_id in ("नमस्ते", "cafe\u0301"):
        pane.rename_id(new_id)
        assert warned == [] and f'id="{new_id}"' in window.package.read_text(HAND)
    assert window.save()
    package = (example_project / "webapp2" / PACKAGE).read_text(encoding="utf-8")
    assert '"hand.svg#cafe\u0301"' in package
    assert not [p for p in run_checks(load(example_project)) if p.code.startswith("PD4")]


@pytest.mark.parametrize("first", [None, "broken.svg"])
def test_an_empty_icon_file_opens_and_says_it_is_empty(qtbot, window, example_project: Path, first) -> None:
    """An empty .svg (a download that failed, a file made in a file manager) crashed the window
    when it was the first icon shown, and after a broken one it showed that one's error."""
    folder = example_project / "webapp2" / PLUGIN
    (folder / "broken.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg">\n\n\n<rect')
    (folder / "empty.svg").write_bytes(b"")
    window.open_path(example_project)
    if first:
        assert "line 4" in show_file(window, f"{PLUGIN}/{first}").banner.text()
    pane = show_file(window, f"{PLUGIN}/empty.svg")
    assert pane.canvas.error is not None and pane.canvas.blank
    assert "line 1, column 1: the file is empty" in pane.banner.text() and pane.banner.isVisible()
    # Typing a drawing into its XML view brings the canvas to life.
    qtbot.keyClicks(
        window.source_editor,
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><rect width="4" height="4"/></svg>',
    )
    assert pane.canvas.error is None and len(pane.canvas.shapes) == 1


EVA_STYLE = b"""<svg xmlns="http://www.w3.org/2000/svg" id="eva" viewBox="0 0 24 24" fill="none">
<mask id="mask0" mask-type="alpha" maskUnits="userSpaceOnUse" x="2" y="2" width="20" height="20">
<path d="M2 6H22V22H2Z" fill="#231F20"/>
<path d="M2 2H22V4H2Z" style="fill:#231F20" fill-opacity="0.5"/>
</mask>
<g mask="url(#mask0)"><rect width="24" height="24" fill="#0D1C2E"/></g>
</svg>
"""


def test_an_alpha_mask_is_drawn_as_the_browser_draws_it(qtbot, window, example_project: Path) -> None:
    """Figma and Eva Icons mask every icon with mask-type="alpha" and a near-black shape. Qt reads
    every mask by its lightness, so the canvas, the thumbnails and the preview showed the icon
    at an eighth of its strength, while the app shows it solid."""
    from designer.gui.icon_render import render_as_written, render_icon

    for picture in (render_icon(EVA_STYLE, "", "#000000", 24), render_as_written(EVA_STYLE, "", "#000000", 24)):
        image = picture.toImage()
        assert image.pixelColor(12, 12).alpha() == 255  # solid where the mask is opaque
        assert 100 < image.pixelColor(12, 3).alpha() < 160  # half where it is half opaque
        assert image.pixelColor(1, 1).alpha() == 0  # nothing outside it
    (example_project / "webapp2" / PLUGIN / "eva.svg").write_bytes(EVA_STYLE)
    window.open_path(example_project)
    pane = show_file(window, f"{PLUGIN}/eva.svg")
    canvas = pane.canvas.grab().toImage()
    centre = pane.canvas.mapFromScene(QPointF(12, 12))
    assert canvas.pixelColor(centre).lightness() < 60  # the navy square, not a faint grey


@pytest.mark.parametrize(
    "copies",
    [
        '<g id="a"><rect width="8" height="8"/><use href="#a" x="9"/></g>',  # a copy of its own group
        '<g id="a"><rect width="8" height="8"/><use href="#b"/></g><g id="b"><use href="#a" y="9"/></g>',
    ],
)
def test_a_copy_of_itself_leaves_the_rest_of_the_drawing_on_show(qtbot, copies: str) -> None:
    """A <use> inside what it copies: browsers leave that copy out and draw the rest; Qt threw the
    whole drawing away (with a warning), so the canvas and the thumbnails showed nothing."""
    from designer.gui.icon_render import render_icon

    data = f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">{copies}<rect x="16" y="16" width="8" height="8"/></svg>'
    image = render_icon(data.encode(), "", "#000000", 24).toImage()
    assert image.pixelColor(4, 4).alpha() == 255 and image.pixelColor(20, 20).alpha() == 255


def test_an_svg_dropped_on_the_icon_editor_asks_its_question_after_the_drop(
    qtbot, window, example_project: Path, tmp_path, monkeypatch
) -> None:
    """The import's question was asked inside the drop: on Windows the file manager the SVG came
    from stays frozen mid-drag (its drop not answered) while the dialog is on show. The drop is
    answered first, as a project dropped on the window is."""
    from PySide6.QtCore import QMimeData, QPoint, QUrl
    from PySide6.QtGui import QDropEvent

    from designer.gui.panes.icon_sources import ImportSvgDialog

    source = tmp_path / "Dropped Icon.svg"
    source.write_bytes(HOSTILE)
    window.open_path(example_project)
    pane = show_file(window, HAND)
    asked: list[str] = []
    monkeypatch.setattr(ImportSvgDialog, "exec", lambda self: asked.append("import") or QDialog.DialogCode.Accepted)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(source))])
    drop = QDropEvent(
        QPoint(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    pane.dropEvent(drop)
    assert drop.isAccepted() and asked == []  # the drop is over before anything is asked
    qtbot.waitUntil(lambda: pane.rel == f"{PLUGIN}/dropped-icon.svg")
    assert asked == ["import"]


def test_the_import_dialog_of_an_svg_named_with_the_modified_mark_shows_its_name(qtbot, tmp_path) -> None:
    """ "Import a[*].svg" showed as "Import a.svg": Qt takes "[*]" in a title for its unsaved mark."""
    from designer.gui.panes.icon_sources import ImportSvgDialog

    source = tmp_path / "a[*].svg"
    source.write_bytes(HOSTILE)
    dialog = ImportSvgDialog(source, HOSTILE, set(), None, "Import")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowHandle().title() == "Import a[*].svg"


def test_an_svg_dropped_on_the_drawing_itself_is_imported(
    qtbot, window, example_project: Path, tmp_path, monkeypatch
) -> None:
    """The canvas (a graphics view) took drops for its scene, which has nothing to take a file:
    an .svg dragged onto the drawing showed the no-entry cursor and was not imported, only one
    dropped on the editor around it was. Qt gives a drop to the first widget up from the pointer
    that accepts drops: from the canvas that is the editor now."""
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    from designer.gui.panes.icon_sources import ImportSvgDialog
    from designer.gui.viewports import viewport_of

    source = tmp_path / "Dropped Icon.svg"
    source.write_bytes(HOSTILE)
    window.open_path(example_project)
    pane = show_file(window, HAND)
    monkeypatch.setattr(ImportSvgDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    under = viewport_of(pane.canvas)
    target = under
    while not target.acceptDrops():  # (as Qt picks the widget a drop goes to)
        target = target.parentWidget()
    assert target is pane
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(source))])
    at = under.mapTo(target, under.rect().center())
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    for event in (QDragEnterEvent(at, *args), QDropEvent(QPointF(at), *args)):
        QApplication.sendEvent(target, event)
        assert event.isAccepted()
    qtbot.waitUntil(lambda: pane.rel == f"{PLUGIN}/dropped-icon.svg")


def test_an_icon_in_iso_8859_1_opens_in_the_editor_after_its_fix(window, qtbot, base_project: Path) -> None:
    """An icon in ISO-8859-1 that says so works in the app, but the editor could not open it: its
    page said to save it as UTF-8 "in another editor". The page names the fix under Problems; once
    pressed, the icon opens in the editor (one undo step, which gives the file back)."""
    from conftest import open_in_editor, snapshot
    from PySide6.QtCore import Qt

    svg = base_project / "webapp2/plugins/rec/rec.svg"
    svg.write_bytes(
        b'<?xml version="1.0" encoding="ISO-8859-1"?>\n'
        b'<svg xmlns="http://www.w3.org/2000/svg" id="rec" viewBox="0 0 24 24">\n'
        b"    <title>Caf\xe9</title>\n"
        b'    <circle cx="12" cy="12" r="6"/>\n'
        b"</svg>\n"
    )
    before = snapshot(base_project)
    open_in_editor(window, base_project, "plugins/rec/rec.svg")
    assert window.stack.currentWidget() is window.details
    said = window.details.toPlainText()
    assert "ISO-8859-1" in said and "'Save it as UTF-8'" in said and "another editor" not in said, said
    [row] = [r for r in window.problems_view.problem_items() if r.text(2) == "PD407"]
    qtbot.mouseClick(window.problems_view.itemWidget(row, 3), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.icon_pane)
    assert window.icon_pane.canvas.doc is not None and window.icon_pane.canvas.shapes
    assert "<title>Café</title>" in window.source_editor.toPlainText()
    assert window.source_editor.toPlainText().startswith('<?xml version="1.0" encoding="UTF-8"?>')
    window.editor.undo_stack.undo()  # (the file back as it was: the page says again that it cannot show it)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.details)
    assert "'Save it as UTF-8'" in window.details.toPlainText()
    assert window.save()
    assert snapshot(base_project) == before


def test_the_gallery_s_ok_follows_the_search_when_pyside_takes_it_for_deleted(qtbot) -> None:
    """OK is a button Qt makes (the button box's): PySide can mark the Python object kept for it
    deleted while it lives on (see HeldViewport), and each keystroke in the search then raised
    "Internal C++ object already deleted", OK staying on with no icon to add. It is asked anew."""
    import shiboken6
    from PySide6.QtWidgets import QDialogButtonBox

    from designer.gui.panes.icon_sources import IconGalleryDialog

    gallery = IconGalleryDialog()
    qtbot.addWidget(gallery)
    box = gallery.findChild(QDialogButtonBox)
    shiboken6.invalidate(box.button(QDialogButtonBox.StandardButton.Ok))
    qtbot.keyClicks(gallery.search, "zzzz")
    assert not box.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    gallery.search.clear()
    qtbot.keyClicks(gallery.search, "lock")
    assert box.button(QDialogButtonBox.StandardButton.Ok).isEnabled() and gallery.selected_name() == "lock"
