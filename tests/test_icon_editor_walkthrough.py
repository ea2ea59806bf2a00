"""What a designer new to the icon editor ran into, driven as they would: typing in the XML view,
choosing sprite symbols for menu items, importing files from drawing programs."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from test_icon_editor import HAND, PLUGIN, click, drag, show_file, use_tool

from designer.gui.panes.icon_editor import SIZES


def _type_at(qtbot, editor, position: int, text: str) -> None:
    cursor = editor.textCursor()
    cursor.setPosition(position)
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, text)


def _shown(label) -> str:
    """A rich-text label's words as the user reads them (entities decoded, tags gone)."""
    doc = QTextDocument()
    doc.setHtml(label.text())
    return doc.toPlainText()


def _set_width(qtbot, pane, value: str) -> None:
    """Type a stroke width into the toolbar's box, as a user does."""
    pane.width_spin.lineEdit().selectAll()
    qtbot.keyClicks(pane.width_spin.lineEdit(), value)
    qtbot.keyClick(pane.width_spin.lineEdit(), Qt.Key.Key_Return)


def _problem_rows(window) -> list[str]:
    """The texts of the rows of the Problems list, as shown."""
    return [item.text(0) for item in window.problems_view.problem_items()]


@pytest.mark.parametrize(
    ("where", "typed", "plain", "line"),
    [
        # A space forgotten between two attributes: libxml2 says "error parsing attribute name".
        ('"1.25"/>\n    <rect x="10.5"', '<rect x="1"y="2"/>', 'not written as name="value"', 2),
        # An element opened and never closed: the end tag that does not match is the place to look.
        ("<path", "<g>", "the <g> that starts on line 6 is not closed before </svg>", 7),
    ],
)
def test_the_banner_over_broken_xml_speaks_as_plainly_as_the_problems_list(
    qtbot, window, example_project: Path, where: str, typed: str, plain: str, line: int
) -> None:
    """The banner over the drawing gave libxml2's own words ("error parsing attribute name",
    "Opening and ending tag mismatch: g line 6 and svg") while the Problems list said the same
    error in plain words, at a different place for a tag left open."""
    window.open_path(example_project)
    pane = show_file(window, HAND)
    editor = window.source_editor
    text = editor.toPlainText()
    _type_at(qtbot, editor, text.index(where) + (len('"1.25"/>') if where.startswith('"') else 0), typed)
    assert pane.canvas.error is not None
    banner = _shown(pane.banner)
    assert plain in banner, banner
    assert f"line {line}," in banner, banner
    assert "parsing" not in banner and "mismatch" not in banner
    qtbot.waitUntil(lambda: any(plain in row for row in _problem_rows(window)))
    # Fixing it (undoing the typing) brings the drawing back and the banner goes.
    editor.selectAll()
    cursor = editor.textCursor()
    cursor.insertText(text)
    assert pane.canvas.error is None and not pane.banner.isVisible()
    assert len(pane.canvas.shapes) == 5


SPRITE3 = (
    '<svg xmlns="http://www.w3.org/2000/svg" style="display:none">\n'
    '  <symbol id="square" viewBox="0 0 24 24"><rect x="4" y="4" width="16" height="16"/></symbol>\n'
    '  <symbol id="dot" viewBox="0 0 24 24"><circle cx="12" cy="12" r="4"/></symbol>\n'
    '  <symbol id="bar" viewBox="0 0 24 24"><rect x="2" y="10" width="20" height="4"/></symbol>\n'
    "</svg>\n"
)


def _placements(pane):
    return pane.preview.placements.pixmap().toImage()


def _as_the_preview_draws(data: bytes, symbol: str, label: str):
    from designer.gui.panes.icon_editor import IconPreviewStrip

    strip = IconPreviewStrip()
    strip.show_icon(data, symbol, label)
    return strip.placements.pixmap().toImage()


def test_a_sprite_opens_on_the_symbol_its_menu_item_uses_with_that_items_label(
    qtbot, window, example_project: Path
) -> None:
    """The preview showed the sprite's first symbol under the label of the menu item, which uses
    another symbol: the row "Lower hand" looked as if it had a square when it has a dot."""
    folder = example_project / "webapp2" / PLUGIN
    (folder / "sprite.svg").write_text(SPRITE3)
    package = folder / "raise-hand-helper.plugin.package.json"
    package.write_text(package.read_text().replace('"hand.svg#hand"', '"sprite.svg#dot"'))
    window.open_path(example_project)
    pane = show_file(window, f"{PLUGIN}/sprite.svg")
    data = SPRITE3.encode()
    assert pane.symbols.currentItem().text() == "dot"
    assert _placements(pane) == _as_the_preview_draws(data, "dot", "Lower hand")
    assert _placements(pane) != _as_the_preview_draws(data, "square", "Lower hand")
    # Picking a symbol no item uses shows it as a plain "Menu item"; back on the dot, "Lower hand".
    for name, label in (("bar", "Menu item"), ("dot", "Lower hand")):
        item = pane.symbols.findItems(name, Qt.MatchFlag.MatchExactly)[0]
        pane.symbols.scrollToItem(item)
        qtbot.mouseClick(
            pane.symbols.viewport(), Qt.MouseButton.LeftButton, pos=pane.symbols.visualItemRect(item).center()
        )
        assert pane.symbols.currentItem().text() == name
        assert _placements(pane) == _as_the_preview_draws(data, name, label)


# What Figma exports for a frame whose icon is a flattened picture: a rectangle filled with a
# pattern that shows an embedded PNG. The import removes the picture (icons are shapes).
PICTURE_ONLY = (
    '<svg width="24" height="24" viewBox="0 0 24 24" fill="none" xmlns="http://www.w3.org/2000/svg" '
    'xmlns:xlink="http://www.w3.org/1999/xlink">\n'
    '<rect width="24" height="24" fill="url(#pattern0)"/>\n<defs>\n'
    '<pattern id="pattern0" patternContentUnits="objectBoundingBox" width="1" height="1">\n'
    '<use xlink:href="#image0_1_2" transform="scale(0.01)"/>\n</pattern>\n'
    '<image id="image0_1_2" width="100" height="100" xlink:href="data:image/png;base64,'
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="/>\n'
    "</defs>\n</svg>\n"
)


def _ink(label) -> int:
    image = label.pixmap().toImage()
    return sum(image.pixelColor(x, y).alpha() > 0 for x in range(image.width()) for y in range(image.height()))


@pytest.mark.parametrize(
    ("name", "data", "empty"),
    [("figma-picture.svg", PICTURE_ONLY.encode(), True), ("sprite.svg", SPRITE3.encode(), False)],
)
def test_the_import_dialog_says_when_nothing_is_left_to_draw(qtbot, tmp_path: Path, name, data, empty) -> None:
    """An SVG whose only content was an embedded picture imported as an empty icon, and the
    dialog's tile stayed blank without a word (as it did for every sprite, which does draw)."""
    from designer.gui.panes.icon_sources import ImportSvgDialog

    dialog = ImportSvgDialog(tmp_path / name, data, set())
    qtbot.addWidget(dialog)
    said = dialog.summary.text()
    assert ("draws nothing" in said) is empty, said
    assert (_ink(dialog.picture) == 0) is empty


LAUGHS = (
    '<?xml version="1.0"?>\n'
    "<!DOCTYPE svg [\n"
    ' <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">\n'
    + "".join(f' <!ENTITY {n} "{("&" + p + ";") * 10}">\n' for p, n in zip("abcdefg", "bcdefgh", strict=True))
    + "]>\n"
    '<svg xmlns="http://www.w3.org/2000/svg" id="laugh" viewBox="0 0 24 24"><text y="12">&h;</text></svg>\n'
)


def test_a_billion_laughs_is_placed_at_its_doctype_not_at_the_first_line(qtbot, window, example_project: Path) -> None:
    """libxml2 places an entity explosion at line 1, column 7 (inside <?xml ...?>): the banner and
    the Problems list sent the user to the declaration instead of the DOCTYPE that must go."""
    folder = example_project / "webapp2" / PLUGIN
    (folder / "laughs.svg").write_text(LAUGHS)
    package = folder / "raise-hand-helper.plugin.package.json"
    package.write_text(package.read_text().replace('"hand.svg#hand"', '"laughs.svg#laugh"'))
    window.open_path(example_project)
    pane = show_file(window, f"{PLUGIN}/laughs.svg")
    banner = _shown(pane.banner)
    assert "billion laughs" in banner and "line 2, column 1:" in banner, banner
    rows = [item for item in window.problems_view.problem_items() if item.text(2) == "PD403"]
    assert [item.text(1) for item in rows] == [f"{PLUGIN}/laughs.svg:2:1"]


def test_arrow_keys_on_a_rotated_group_keep_one_translate(qtbot, window, example_project: Path) -> None:
    """Each arrow key on a group with a rotation (as Illustrator and Inkscape write them) put
    another translate() in front of its transform: "translate(0 1) translate(1 0) translate(1 0)
    rotate(45 12 12)", growing with every key press."""
    rel = f"{PLUGIN}/turned.svg"
    (example_project / "webapp2" / rel).write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" id="turned" viewBox="0 0 24 24">\n'
        '  <g transform="rotate(45 12 12)">\n    <rect x="8" y="8" width="8" height="8"/>\n  </g>\n</svg>\n'
    )
    window.open_path(example_project)
    pane = show_file(window, rel)
    canvas = pane.canvas
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Tab)
    before = canvas.bounds_of(canvas.selected)
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_Down):
        qtbot.keyClick(canvas, key)
    after = canvas.bounds_of(canvas.selected)
    assert (round(after.x() - before.x(), 6), round(after.y() - before.y(), 6)) == (3, 1)
    assert window.save()
    saved = (example_project / "webapp2" / rel).read_text()
    assert '<g transform="translate(3 1) rotate(45 12 12)">' in saved, saved


def test_the_stroke_width_is_in_grid_units_on_any_viewbox(qtbot, window, example_project: Path) -> None:
    """The width box says "in grid units", and on a 24×24 icon one grid unit is one unit of the
    file; on an icon drawn on 512×512 (Font Awesome, Material exports) a width of 2 was written as
    2 of 512, a hairline that vanished at button size, while shapes and text were scaled."""
    from lxml import etree

    rel = f"{PLUGIN}/big.svg"
    (example_project / "webapp2" / rel).write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" id="big" viewBox="0 0 480 480">\n'
        '  <rect x="40" y="40" width="80" height="80" fill="none" stroke="currentColor" stroke-width="60"/>\n'
        "</svg>\n"
    )
    window.open_path(example_project)
    pane = show_file(window, rel)
    canvas = pane.canvas
    use_tool(qtbot, pane, "select")
    click(qtbot, canvas, 40, 80)  # on the thick outline: its width (3 grid units) comes to the toolbar
    assert pane.width_spin.value() == 3
    use_tool(qtbot, pane, "line")
    drag(qtbot, canvas, (40, 400), (440, 400))
    line = etree.fromstring(window.package.read_text(rel).encode())[-1]
    assert line.get("stroke-width") == "60"  # 3 grid units of 20
    _set_width(qtbot, pane, "1.5")  # the line is still selected: it gets the new width
    line = etree.fromstring(window.package.read_text(rel).encode())[-1]
    assert line.get("stroke-width") == "30"


def _app_sprite(n: int) -> str:
    """A copy of the app's own sprite, as plugins carry it: every symbol inside one <defs>."""
    symbols = "\n".join(
        f'    <symbol id="icon-{i}" viewBox="0 0 24 24"><title>Icon {i}</title>'
        f'<path d="M4 4 L20 4 L{i % 20 + 2} 20 Z"/></symbol>'
        for i in range(n)
    )
    return f'<svg xmlns="http://www.w3.org/2000/svg">\n  <defs>\n{symbols}\n  </defs>\n</svg>\n'


def test_typing_in_a_big_sprite_redraws_only_the_symbol_that_changed(qtbot, window, example_project: Path) -> None:
    """In a sprite of a hundred symbols kept in <defs> (the app's own sprite), each symbol's
    picture was drawn from a copy of the whole file, and every key typed in the XML drew all of
    them again: a second per key. The pictures stay right, and a key redraws the one it changed."""
    from designer.gui.icon_render import render_icon

    rel = f"{PLUGIN}/icons.svg"
    text = _app_sprite(100)
    (example_project / "webapp2" / rel).write_text(text)
    window.open_path(example_project)
    pane = show_file(window, rel)
    assert pane.symbols.count() == 100
    editor = window.source_editor
    before = render_icon.cache_info().misses
    _type_at(qtbot, editor, editor.toPlainText().index("<title>Icon 7<") + len("<title>Icon 7"), "x")
    assert pane.symbols.item(7).toolTip().startswith("Icon 7x:")
    assert render_icon.cache_info().misses - before <= len(SIZES) * 2 + 3  # the preview strip + one thumbnail
    # Each picture is its own symbol's: the thumbnails differ where the symbols differ.
    pictures = [pane.symbols.item(i).icon().pixmap(24, 24).toImage() for i in (0, 1, 20)]
    assert pictures[0] != pictures[1] and pictures[0] == pictures[2]


def test_add_id_does_not_take_an_id_the_drawing_already_uses(qtbot, window, example_project: Path) -> None:
    """'Add id' gave the icon the id of its file name even when a part of the drawing had it (a
    clip path 'mic' in mic.svg): two elements with one id, and url(#mic) then found the <svg>
    itself, so the clipped shape lost its clip in a browser and the checker warned (PD421)."""
    from lxml import etree

    rel = f"{PLUGIN}/mic.svg"
    (example_project / "webapp2" / rel).write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">\n'
        '  <defs><clipPath id="mic"><rect width="24" height="12"/></clipPath></defs>\n'
        '  <circle cx="12" cy="12" r="8" clip-path="url(#mic)"/>\n</svg>\n'
    )
    window.open_path(example_project)
    pane = show_file(window, rel)
    assert pane.add_id_button.isVisible()
    qtbot.mouseClick(pane.add_id_button, Qt.MouseButton.LeftButton)
    root = etree.fromstring(window.package.read_text(rel).encode())
    ids = root.xpath("//@id")
    assert root.get("id") and len(ids) == len(set(ids)) == 2, ids
    assert pane.id_label.text() == f"id <code>{root.get('id')}</code>"


def test_a_file_without_its_own_id_names_the_parts_menu_items_can_use(qtbot, window, example_project: Path) -> None:
    """A file with a symbol 'hand-up' that its drawing shows, but no id on <svg>: the note said
    no menu item could use it, while hand.svg#hand-up works (and a plugin's code used it)."""
    (example_project / "webapp2" / HAND).write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">\n'
        '  <symbol id="hand-up" viewBox="0 0 24 24"><rect x="6" y="4" width="12" height="16"/></symbol>\n'
        '  <use href="#hand-up"/>\n</svg>\n'
    )
    (example_project / "webapp2" / f"{PLUGIN}/mic.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><circle cx="12" cy="12" r="8"/></svg>\n'
    )
    window.open_path(example_project)
    pane = show_file(window, HAND)
    note = _shown(pane.banner)
    assert "no menu item can use it" not in note
    assert "menu items can use only its parts that have one (#hand-up)" in note and "Add id" in note
    pane = show_file(window, f"{PLUGIN}/mic.svg")  # nothing in it has an id: nothing can use it
    assert "This icon has no id, so no menu item can use it." in _shown(pane.banner)


def test_an_imported_icon_never_shares_its_id_with_a_part_of_its_drawing(
    qtbot, window, example_project: Path, tmp_path: Path, monkeypatch
) -> None:
    """mic.svg with a clip path 'mic' inside: the import named the icon 'mic-2' to keep the ids
    apart, then the file was added as mic.svg and its id set back to 'mic', a second 'mic'.
    url(#mic) then found the <svg> itself and the circle lost its clip in the browser."""
    from lxml import etree
    from PySide6.QtCore import QMimeData, QPoint, QUrl
    from PySide6.QtGui import QDropEvent
    from PySide6.QtWidgets import QDialog

    from designer.gui.panes.icon_sources import ImportSvgDialog

    source = tmp_path / "mic.svg"
    source.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">\n'
        '  <defs><clipPath id="mic"><rect width="24" height="12"/></clipPath></defs>\n'
        '  <circle cx="12" cy="12" r="8" clip-path="url(#mic)"/>\n</svg>\n'
    )
    window.open_path(example_project)
    pane = show_file(window, HAND)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(source))])
    drop = QDropEvent(
        QPoint(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    monkeypatch.setattr(ImportSvgDialog, "exec", lambda self: QDialog.DialogCode.Accepted)  # the user clicks Import
    pane.dropEvent(drop)
    qtbot.waitUntil(lambda: pane.rel != HAND)  # (the imported icon is on show)
    assert window.save()
    added = example_project / "webapp2" / pane.rel
    root = etree.fromstring(added.read_bytes())
    ids = root.xpath("//@id")
    assert len(ids) == len(set(ids)), ids
    assert root.get("id") == added.stem  # the rule of added icons: file.svg#file
    assert pane.id_label.text() == f"id <code>{added.stem}</code>"


# A 1×1 PNG: what a designer gets by exporting "PNG" and naming the file .svg.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    + "1f15c4890000000d49444154789c63fcff3f0300050001"
    + "7a0c8c1b0000000049454e44ae426082"
)


def test_a_picture_named_svg_is_called_a_picture(qtbot, window, example_project: Path) -> None:
    """A PNG saved under an .svg name was "not UTF-8 text ... save it as UTF-8 in another editor"
    when selected, and "no XML here" in the Problems list: advice about text for a picture."""
    folder = example_project / "webapp2" / PLUGIN
    (folder / "photo.svg").write_bytes(PNG)
    package = folder / "raise-hand-helper.plugin.package.json"
    package.write_text(package.read_text().replace('"hand.svg#hand"', '"photo.svg#photo"'))
    window.open_path(example_project)
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("file", f"{PLUGIN}/photo.svg")))
    page = window.stack.currentWidget()
    shown = page.toPlainText()
    assert "PNG picture" in shown and "UTF-8" not in shown, shown
    rows = [item.text(0) for item in window.problems_view.problem_items() if item.text(2) == "PD403"]
    assert len(rows) == 1 and "PNG picture" in rows[0], rows


INKSCAPE_TEXTS = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" '
    'id="label" viewBox="0 0 24 24">\n'
    '  <text style="font-size:7px" x="2" y="6"><tspan sodipodi:role="line" id="one" x="2" y="6" '
    'style="font-weight:bold">REC</tspan></text>\n'
    '  <text style="font-size:7px" x="2" y="14"><tspan sodipodi:role="line" x="2" y="14">TWO</tspan>'
    '<tspan sodipodi:role="line" x="2" y="22">LINES</tspan></text>\n'
    "</svg>\n"
)


def test_typing_into_an_inkscape_text_keeps_its_lines_and_styles(qtbot, window, example_project: Path) -> None:
    """Inkscape writes each line of a text as a <tspan> with its own place and style. Typing one
    character into the selected text replaced them all with plain text: the bold went, and two
    lines ran into one ("TWOLINES!")."""
    rel = f"{PLUGIN}/label.svg"
    path = example_project / "webapp2" / rel
    path.write_text(INKSCAPE_TEXTS)
    window.open_path(example_project)
    pane = show_file(window, rel)
    canvas = pane.canvas
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Tab)
    assert pane.text_edit.text() == "REC"
    pane.text_edit.setFocus()
    pane.text_edit.end(False)
    qtbot.keyClicks(pane.text_edit, "!")
    assert (
        '<tspan sodipodi:role="line" id="one" x="2" y="6" style="font-weight:bold">REC!</tspan>'
        in window.package.read_text(rel)
    )
    # A text of two lines cannot be one line of the field: it is changed in the XML instead.
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Tab)
    assert canvas.selected is not None and canvas.selected.tag == "text"
    before = window.package.read_text(rel)
    pane.text_edit.setFocus()
    qtbot.keyClicks(pane.text_edit, "!")
    assert window.package.read_text(rel) == before
    assert "XML" in pane.selection_info.text()
    use_tool(qtbot, pane, "text")  # the field is the Text tool's again
    pane.text_edit.selectAll()
    qtbot.keyClicks(pane.text_edit, "Hi")
    assert pane.text_edit.text() == "Hi"


@pytest.mark.parametrize(
    ("typed", "plain", "column"),
    [
        ("<!-- hand drawn --> <!-- the palm", "comment", 21),
        ("<style><![CDATA[ .a { fill: red }", "CDATA", 8),
    ],
)
def test_a_comment_left_open_is_placed_where_it_starts(
    qtbot, window, example_project: Path, typed: str, plain: str, column: int
) -> None:
    """A comment or CDATA section left open was placed at the end of the file (libxml2 reads on
    to the end looking for its close), and "Comment not terminated" was libxml2's own words."""
    window.open_path(example_project)
    pane = show_file(window, HAND)
    editor = window.source_editor
    text = editor.toPlainText()
    _type_at(qtbot, editor, text.index("<path"), typed)  # line 6, after four spaces
    banner = _shown(pane.banner)
    assert plain in banner and "not closed" in banner and "terminated" not in banner, banner
    assert f"line 6, column {4 + column}:" in banner, banner
    qtbot.waitUntil(
        lambda: any(f"hand.svg:6:{4 + column}" in item.text(1) for item in window.problems_view.problem_items())
    )


@pytest.mark.parametrize("deleted", ["/>", ">"])
def test_a_tag_left_without_its_end_is_named_on_its_own_line(
    qtbot, window, example_project: Path, deleted: str
) -> None:
    """Deleting the '/>' (or the '>') of a rectangle was "an attribute is not written as
    name="value"" at the start (or end) of a line: the words pointed away from the tag left open."""
    window.open_path(example_project)
    pane = show_file(window, HAND)
    editor = window.source_editor
    end = editor.toPlainText().index('rx="1.25"/>') + len('rx="1.25"/>') - len(deleted)
    cursor = editor.textCursor()
    cursor.setPosition(end)
    cursor.setPosition(end + len(deleted), cursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)  # the user deletes the selected '/>' (or '>')
    banner = _shown(pane.banner)
    assert "<rect> is not closed" in banner and "name=" not in banner, banner
    assert f"line 2, column {end - editor.toPlainText().index('    <rect') + 1}:" in banner, banner


def test_a_quote_left_open_is_named_at_its_attribute(qtbot, window, example_project: Path) -> None:
    """A value whose closing quote was deleted ran on to the next tag, and the message was "an
    attribute's value holds a '<'" on the next line: the quote left open is what to fix."""
    window.open_path(example_project)
    pane = show_file(window, HAND)
    editor = window.source_editor
    start = editor.toPlainText().index('rx="1.25"/>')
    quote = start + len('rx="1.25')
    cursor = editor.textCursor()
    cursor.setPosition(quote + 1)
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)  # the closing quote of rx="1.25"
    banner = _shown(pane.banner)
    assert "rx=" in banner and "quote" in banner and "&lt;" not in banner, banner
    line_start = editor.toPlainText().rindex("\n", 0, start) + 1
    assert f"line 2, column {start + len('rx=') - line_start + 1}:" in banner, banner


def test_an_xml_declaration_without_its_question_mark_is_explained(qtbot, window, example_project: Path) -> None:
    """<?xml version="1.0" encoding="UTF-8"> (the '?' before '>' forgotten) was libxml2's "Blank
    needed here"."""
    rel = f"{PLUGIN}/declared.svg"
    (example_project / "webapp2" / rel).write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<svg xmlns="http://www.w3.org/2000/svg" id="declared" viewBox="0 0 24 24"><rect width="4" height="4"/></svg>\n'
    )
    window.open_path(example_project)
    pane = show_file(window, rel)
    editor = window.source_editor
    cursor = editor.textCursor()
    cursor.setPosition(editor.toPlainText().index("?>") + 1)
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    banner = _shown(pane.banner)
    assert "declaration is not closed with ?>" in banner and "Blank" not in banner, banner
    assert "line 1, column 37:" in banner, banner


@pytest.mark.parametrize(
    ("old", "new", "plain"),
    [
        # A web address pasted into an attribute: its '&' must be written &amp;.
        ('id="hand"', 'id="hand" data-src="https://example.com/?a=1&b=2"', "write &amp;"),
        ("</svg>", "</ svg>", "end tag"),
        ('xmlns="http://www.w3.org/2000/svg"', 'xmlns="http://www.w3.org/2000/svg id="', "namespace"),
    ],
)
def test_more_slips_in_the_xml_are_said_plainly(
    qtbot, window, example_project: Path, old: str, new: str, plain: str
) -> None:
    """These slips were explained in libxml2's words: "EntityRef: expecting ';'", "expected '>'",
    "xmlns: '...' is not a valid URI"."""
    window.open_path(example_project)
    pane = show_file(window, HAND)
    editor = window.source_editor
    text = editor.toPlainText()
    cursor = editor.textCursor()
    cursor.setPosition(text.index(old))
    cursor.setPosition(text.index(old) + len(old), cursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, new)  # typed over the selection
    banner = _shown(pane.banner)
    assert plain in banner, banner
    for jargon in ("EntityRef", "expected '", "not a valid URI", "expecting"):
        assert jargon not in banner, banner


def test_moving_an_inkscape_text_moves_its_lines(qtbot, window, example_project: Path) -> None:
    """Inkscape places each line of a text by its <tspan>'s own x and y, which a browser (the
    app) draws it at. An arrow key or a drag changed only the <text>'s x and y: the canvas, whose
    drawing ignores a tspan's place, showed the text moved, and the app showed it where it was."""
    rel = f"{PLUGIN}/label.svg"
    (example_project / "webapp2" / rel).write_text(INKSCAPE_TEXTS)
    window.open_path(example_project)
    pane = show_file(window, rel)
    canvas = pane.canvas
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Tab)
    qtbot.keyClick(canvas, Qt.Key.Key_Tab)  # the text of two lines
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    qtbot.keyClick(canvas, Qt.Key.Key_Down)
    text = window.package.read_text(rel)
    assert '<text style="font-size:7px" x="3" y="15"><tspan sodipodi:role="line" x="3" y="15">TWO</tspan>' in text
    assert '<tspan sodipodi:role="line" x="3" y="23">LINES</tspan></text>' in text
    assert 'x="2" y="6"><tspan sodipodi:role="line" id="one" x="2" y="6"' in text  # the other text stays
    window.editor.undo_stack.undo()
    assert window.package.read_text(rel) == INKSCAPE_TEXTS
