"""Icon editor fixes, driven as a user would: Escape cancels a drag, the toolbar's paint is the next
shape's, the menu buttons follow the theme, and no icon can pull another file into the view."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QAction, QColor, QImage
from PySide6.QtWidgets import QApplication
from test_icon_editor import HAND, PLUGIN, at, click, drag, show_file, use_tool


def _press_move_escape_release(qtbot, canvas, a: tuple[float, float], b: tuple[float, float]) -> None:
    """A drag in which the user changes their mind: Escape while the button is still down."""
    vp = canvas.viewport()
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=at(canvas, *a))
    qtbot.mouseMove(vp, pos=at(canvas, (a[0] + b[0]) / 2, (a[1] + b[1]) / 2))
    qtbot.mouseMove(vp, pos=at(canvas, *b))
    qtbot.keyClick(canvas, Qt.Key.Key_Escape)
    qtbot.mouseMove(vp, pos=at(canvas, b[0] + 1, b[1] + 1))  # moving on after Escape starts nothing
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=at(canvas, b[0] + 1, b[1] + 1))


@pytest.mark.parametrize("tool", ["rect", "ellipse", "line"])
def test_escape_during_a_drawing_drag_adds_nothing(qtbot, window, example_project: Path, tool: str) -> None:
    window.open_path(example_project)
    pane = show_file(window, HAND)
    before = window.package.read_text(HAND)
    steps = window.editor.undo_stack.count()
    use_tool(qtbot, pane, tool)
    _press_move_escape_release(qtbot, pane.canvas, (2, 2), (8, 6))
    assert window.package.read_text(HAND) == before
    assert window.editor.undo_stack.count() == steps
    # The tool still works: the next drag draws.
    drag(qtbot, pane.canvas, (2, 2), (8, 6))
    assert window.package.read_text(HAND) != before
    assert window.editor.undo_stack.count() == steps + 1


def test_escape_during_a_move_draws_the_shape_where_the_file_has_it(qtbot, window, example_project: Path) -> None:
    window.open_path(example_project)
    pane = show_file(window, HAND)
    canvas = pane.canvas
    before = window.package.read_text(HAND)
    centre = canvas.shapes[0][1].center()
    click(qtbot, canvas, centre.x(), centre.y())
    assert canvas.selected is not None
    shown = canvas.grab().toImage()
    _press_move_escape_release(qtbot, canvas, (centre.x(), centre.y()), (centre.x() + 4, centre.y() + 3))
    assert window.package.read_text(HAND) == before
    assert canvas.grab().toImage() == shown  # the drawing and the selection frame are back in place
    assert canvas.selected is not None  # Escape cancelled the move only
    qtbot.keyClick(canvas, Qt.Key.Key_Escape)
    assert canvas.selected is None  # a second Escape deselects


def _icon_image(icon) -> QImage:
    return icon.pixmap(16, 16).toImage()


def _menu_action(pane, name: str) -> QAction:
    return pane.findChild(QAction, name)


def _set_width(qtbot, pane, value: str) -> None:
    spin = pane.width_spin
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), value)
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Return)


def _last_element(window, rel: str):
    from lxml import etree

    root = etree.fromstring(window.package.read_text(rel).encode())
    return [el for el in root if isinstance(el.tag, str)][-1]


def test_the_toolbar_shows_the_paint_the_next_shape_gets(qtbot, window, example_project: Path) -> None:
    window.open_path(example_project)
    pane = show_file(window, HAND)
    canvas = pane.canvas
    use_tool(qtbot, pane, "rect")
    _set_width(qtbot, pane, "5")
    _menu_action(pane, "fill_currentColor").trigger()
    drag(qtbot, canvas, (1, 20), (5, 23))  # rectangle A: filled, width 5
    use_tool(qtbot, pane, "select")
    qtbot.keyClick(canvas, Qt.Key.Key_Escape)
    _set_width(qtbot, pane, "1")  # nothing selected: for the next shapes
    _menu_action(pane, "fill_none").trigger()
    click(qtbot, canvas, 3, 23)  # select A again
    assert canvas.selected is not None and canvas.selected.tag == "rect"
    qtbot.keyClick(canvas, Qt.Key.Key_Escape)
    assert canvas.selected is None
    shown_width = pane.width_spin.text()
    shown_fill = _icon_image(pane.fill_button.icon())
    use_tool(qtbot, pane, "rect")
    drag(qtbot, canvas, (19, 20), (23, 23))
    b = _last_element(window, HAND)
    assert b.get("stroke-width") == f"{float(shown_width):g}"
    assert shown_fill == _icon_image(_menu_action(pane, f"fill_{b.get('fill')}").icon())
    # A text placed with the Text tool (coloured by the stroke when there is no fill) leaves
    # the toolbar alone, so the next rectangle still gets the fill it shows.
    _menu_action(pane, "fill_none").trigger()
    use_tool(qtbot, pane, "text")
    click(qtbot, canvas, 8, 8)
    assert _last_element(window, HAND).tag.endswith("text")
    shown_fill = _icon_image(pane.fill_button.icon())
    use_tool(qtbot, pane, "rect")
    drag(qtbot, canvas, (10, 20), (14, 23))
    assert shown_fill == _icon_image(_menu_action(pane, f"fill_{_last_element(window, HAND).get('fill')}").icon())


def _lightness(colour: QColor) -> int:
    return colour.lightness()


def _background(widget) -> QColor:
    """The colour most of the widget is painted in."""
    image = widget.grab().toImage()
    counts: dict[int, int] = {}
    for x in range(image.width()):
        for y in range(image.height()):
            counts[image.pixel(x, y)] = counts.get(image.pixel(x, y), 0) + 1
    return QColor.fromRgb(max(counts, key=counts.__getitem__))


def _text_pixels(widget, light: bool) -> int:
    """Pixels right of the colour chip that are much lighter (or darker) than the background."""
    image = widget.grab().toImage()
    bg = _lightness(_background(widget))
    return sum(
        (image.pixelColor(x, y).lightness() - bg > 100) if light else (bg - image.pixelColor(x, y).lightness() > 100)
        for x in range(image.width() // 2, image.width())
        for y in range(image.height())
    )


def test_the_menu_buttons_follow_the_appearance_both_ways(qtbot, window, example_project: Path) -> None:
    window.open_path(example_project)
    pane = show_file(window, HAND)
    app_colour = _menu_action(pane, "stroke_currentColor")
    try:
        for scheme, dark in (("dark", True), ("light", False), ("dark", True)):
            window.findChild(QAction, f"appearance_{scheme}").trigger()
            QApplication.processEvents()  # Qt delivers the new palette to the widgets from the event loop
            add = _lightness(_background(pane.add_icon_button))
            assert (add < 100) if dark else (add > 150), (scheme, add)
            assert ("#35301c" in pane.banner.styleSheet()) == dark  # the warning box: tones' dark "note"
            for button in (pane.fill_button, pane.stroke_button):
                assert _text_pixels(button, light=dark) > 10, (scheme, button.objectName())
            # "App colour" is drawn in the theme's text colour: light on dark, dark on light.
            for chip in (pane.stroke_button.icon(), app_colour.icon()):
                ink = _icon_image(chip).pixelColor(7, 7).lightness()
                assert (ink > 150) if dark else (ink < 100), (scheme, ink)
    finally:
        window.findChild(QAction, "appearance_system").trigger()


# -- nothing outside the file is drawn ----------------------------------------------------------


def _red_png(path: Path | None = None) -> bytes:
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(QColor("#ff0000"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    if path is not None:
        path.write_bytes(bytes(data))
    return bytes(data)


def _red_pixels(image: QImage) -> int:
    return sum(
        image.pixelColor(x, y).red() > 200 and image.pixelColor(x, y).green() < 60
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    )


def _hostile(picture: Path) -> dict[str, str]:
    xlink = 'xmlns:xlink="http://www.w3.org/1999/xlink"'
    svg = f'<svg xmlns="http://www.w3.org/2000/svg" {xlink} id="pic" viewBox="0 0 24 24">\n'
    inner = (
        f"<svg xmlns='http://www.w3.org/2000/svg' {xlink}><image xlink:href='{picture}' width='24' height='24'/></svg>"
    )
    disguised = base64.b64encode(inner.encode()).decode()
    return {
        "path": f'{svg}  <image xlink:href="{picture}" width="24" height="24"/>\n</svg>\n',
        "file-url": f'{svg}  <image href="{picture.as_uri()}" width="24" height="24"/>\n</svg>\n',
        "svg-as-png": f'{svg}  <image href="data:image/png;base64,{disguised}" width="24" height="24"/>\n</svg>\n',
        "entity": (
            f"<!DOCTYPE svg [<!ENTITY pic \"<image href='{picture}' width='24' height='24'/>\">]>\n"
            f"{svg}  &pic;\n</svg>\n"
        ),
    }


@pytest.mark.parametrize("case", ["path", "file-url", "svg-as-png", "entity"])
def test_an_icon_cannot_pull_another_file_into_the_view(qtbot, window, example_project: Path, case: str) -> None:
    picture = example_project / "red.png"
    _red_png(picture)
    rel = f"{PLUGIN}/pic.svg"
    text = _hostile(picture)[case]
    (example_project / "webapp2" / rel).write_text(text)
    window.open_path(example_project)
    pane = show_file(window, rel)
    assert pane.canvas.doc is not None  # the file is shown, not refused
    assert _red_pixels(pane.canvas.grab().toImage()) == 0
    # The thumbnails draw the icon in one colour: the picture would be a filled square.
    for swatch, (_name, bg, _fg) in zip(pane.preview.swatches, (("", "#f3f4f6", ""), ("", "#1f2430", "")), strict=True):
        image = swatch.pixmap().toImage()
        background = QColor(bg)
        inked = sum(image.pixelColor(x, y) != background for x in range(image.width()) for y in range(image.height()))
        assert inked == 0, swatch.objectName()
    assert window.package.read_text(rel) == text  # drawing safely never changes what the user wrote
    assert (example_project / "webapp2" / rel).read_text() == text


def test_a_picture_embedded_in_the_icon_is_still_drawn(qtbot, window, example_project: Path) -> None:
    rel = f"{PLUGIN}/embedded.svg"
    png = base64.b64encode(_red_png()).decode()
    (example_project / "webapp2" / rel).write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" id="embedded" viewBox="0 0 24 24">\n'
        f'  <image href="data:image/png;base64,{png}" x="4" y="4" width="16" height="16"/>\n</svg>\n'
    )
    window.open_path(example_project)
    pane = show_file(window, rel)
    assert _red_pixels(pane.canvas.grab().toImage()) > 50


def test_a_mark_written_by_the_user_does_not_turn_a_shape_into_a_picture(qapp) -> None:
    """renderable_tree marks the pictures it lets through; a mark already in the file is dropped
    first, so a shape cannot borrow a picture (or anything else) through it."""
    from lxml import etree

    from designer.gui.icon_render import renderable_svg

    png = base64.b64encode(_red_png()).decode()
    data = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
        '<rect data-pd-picture="0" width="4" height="4"/>'
        f'<image href="data:image/png;base64,{png}" width="8" height="8"/>'
        '<image href="file:///etc/passwd" width="8" height="8" data-pd-picture="0"/>'
        "</svg>"
    ).encode()
    root = etree.fromstring(renderable_svg(data))
    tags = [etree.QName(el).localname for el in root.iter() if isinstance(el.tag, str)]
    assert tags == ["svg", "rect", "image"]  # the outside <image> is gone, the rect stays a rect
    assert all(el.get("data-pd-picture") is None for el in root.iter() if isinstance(el.tag, str))
    assert root[1].get("href", "").startswith("data:image/png;base64,")


@pytest.mark.parametrize("prefix", ["DATA:", "Data:", " data:", "\ndata:"])
def test_a_picture_qt_would_open_as_a_file_is_left_out_of_the_drawing(qapp, prefix: str) -> None:
    """Qt reads an href as inline data only when it starts with exactly "data"; anything else is
    a file path (relative to the working folder), so such a picture must not reach Qt."""
    from designer.gui.icon_render import renderable_svg

    png = base64.b64encode(_red_png()).decode()
    picture = f'<image href="{{}}data:image/png;base64,{png}" width="8" height="8"/>'
    data = f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">{picture.format("")}</svg>'.encode()
    assert b"<image" in renderable_svg(data)  # the real thing stays
    hostile = data.replace(b'href="data:', f'href="{prefix}'.encode())
    assert b"<image" not in renderable_svg(hostile)


def _open_svg(window, project: Path, name: str, text: str):
    rel = f"{PLUGIN}/{name}"
    (project / "webapp2" / rel).write_text(text)
    window.open_path(project)
    return show_file(window, rel)


def test_a_shape_left_out_of_the_drawing_cannot_be_selected(qtbot, window, example_project: Path) -> None:
    """Qt gives an id it does not know the whole drawing's bounds: the linked <image> (left out of
    the drawing) was selected by a click anywhere, and Delete removed it."""
    pane = _open_svg(
        window,
        example_project,
        "linked.svg",
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><circle cx="5" cy="5" r="3"/>'
        '<rect x="16" y="16" width="6" height="6"/><image href="badge.png" x="10" y="10" width="4" height="4"/></svg>',
    )
    click(qtbot, pane.canvas, 4, 20)  # empty canvas
    assert pane.canvas.selected is None
    click(qtbot, pane.canvas, 19, 19)
    assert pane.canvas.selected is not None and pane.canvas.selected.tag == "rect"


def test_shapes_sharing_an_id_are_each_selected_where_they_are(qtbot, window, example_project: Path) -> None:
    pane = _open_svg(
        window,
        example_project,
        "dup.svg",
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
        '<rect id="sq" x="2" y="8" width="6" height="6"/><rect id="sq" x="16" y="8" width="6" height="6"/></svg>',
    )
    bounds = [rect.getRect() for _shape, rect, _t in pane.canvas.shapes]
    assert bounds == [(2.0, 8.0, 6.0, 6.0), (16.0, 8.0, 6.0, 6.0)]
    click(qtbot, pane.canvas, 5, 11)
    assert pane.canvas.selected is not None and pane.canvas.selected.path == (0,)
    click(qtbot, pane.canvas, 19, 11)
    assert pane.canvas.selected.path == (1,)


def _use_bomb(levels: int) -> bytes:
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><defs><rect id="l0" width="1" height="1"/>']
    parts += [f'<g id="l{i}">' + f'<use href="#l{i - 1}"/>' * 10 + "</g>" for i in range(1, levels + 1)]
    return ("".join(parts) + f'</defs><circle r="4" cx="12" cy="12"/><use href="#l{levels}"/></svg>').encode()


def test_an_icon_whose_copies_multiply_is_drawn_without_them(qapp) -> None:
    """Seven levels of ten <use>s ask for ten million shapes (a minute to draw, PD431): the
    drawing copy leaves every <use> out; a few copies are drawn as usual."""
    from designer.gui.icon_render import renderable_svg

    assert b"<use" in renderable_svg(_use_bomb(3))  # a thousand shapes: fine
    drawn = renderable_svg(_use_bomb(7))
    assert b"<use" not in drawn and b"<circle" in drawn


def test_a_gradient_of_countless_stops_is_drawn_with_its_first_thousand(qapp) -> None:
    """Qt takes a time that grows with the square of a gradient's stops: 100,000 of them (a 2 MB
    icon) froze the icon editor for 20 seconds. The drawing copy keeps the first thousand."""
    from lxml import etree

    from designer.gui.icon_render import renderable_svg

    stops = "".join(f'<stop offset="{i / 5000:.4f}" stop-color="#{i % 256:02x}0000"/>' for i in range(5000))
    data = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><linearGradient id="g">'
        + stops
        + '</linearGradient><radialGradient id="r"><stop offset="0"/><stop offset="1"/></radialGradient>'
        '<rect width="24" height="24" fill="url(#g)"/></svg>'
    ).encode()
    drawn = etree.fromstring(renderable_svg(data))
    kept = drawn.xpath("//*[local-name()='linearGradient']/*")
    assert len(kept) == 1000 and kept[0].get("offset") == "0.0000" and kept[-1].get("offset") == "0.1998"
    assert len(drawn.xpath("//*[local-name()='radialGradient']/*")) == 2


def test_moving_a_shape_on_the_canvas_rewrites_only_that_shape(qtbot, window, example_project: Path) -> None:
    """A CDATA style sheet, character references and single quotes elsewhere in the file stay as
    they were written (lxml's own text would rewrite all three)."""
    text = (
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox='0 0 24 24'>\n"
        "<style><![CDATA[ .a > .b { fill: red } ]]></style>\n"
        "<title>Caf&#233;</title>\n"
        '<rect x="2" y="2" width="6" height="6"/>\n'
        "</svg>\n"
    )
    pane = _open_svg(window, example_project, "keep.svg", text)
    click(qtbot, pane.canvas, 5, 5)
    assert pane.canvas.selected is not None and pane.canvas.selected.tag == "rect"
    drag(qtbot, pane.canvas, (5, 5), (9, 5))
    window.save()
    saved = (example_project / "webapp2" / PLUGIN / "keep.svg").read_text()
    before, after = text.splitlines(), saved.splitlines()
    assert [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b] == [3], saved
    assert 'x="6"' in after[3]


def test_an_icon_saved_with_a_byte_order_mark_and_crlf_keeps_both(qtbot, window, example_project: Path) -> None:
    """The canvas handed its new text through a Qt signal typed ``str``; PySide's conversion
    drops a leading byte order mark, so the first edit saved the icon without it."""
    rel = f"{PLUGIN}/marked.svg"
    path = example_project / "webapp2" / rel
    raw = (
        '\ufeff<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">\r\n'
        '  <rect x="2" y="2" width="6" height="6"/>\r\n'
        "</svg>\r\n"
    ).encode()
    path.write_bytes(raw)
    window.open_path(example_project)
    pane = show_file(window, rel)
    click(qtbot, pane.canvas, 5, 5)
    drag(qtbot, pane.canvas, (5, 5), (9, 5))
    window.save()
    saved = path.read_bytes()
    assert saved.startswith(b"\xef\xbb\xbf<svg"), saved
    before, after = raw.split(b"\r\n"), saved.split(b"\r\n")
    assert [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b] == [1], saved
    assert b'x="6"' in after[1]


LUCIDE = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2">\n'
    '  <circle cx="12" cy="12" r="8"/>\n'
    "</svg>\n"
)


def test_clicking_a_shape_takes_up_the_paint_it_gets_from_the_icon(qtbot, window, example_project: Path) -> None:
    """The hand's fingers are filled by the fill written on the <svg> (as the paint of most
    icons is): clicking one left the toolbar at "No colour", and the next rectangle came out as
    an outline. The toolbar now takes up the paint the shape is drawn with, written on it or not."""
    rel = f"{PLUGIN}/ring.svg"
    (example_project / "webapp2" / rel).write_text(LUCIDE)
    window.open_path(example_project)
    pane = show_file(window, HAND)
    canvas = pane.canvas
    _menu_action(pane, "fill_none").trigger()
    _menu_action(pane, "stroke_currentColor").trigger()
    click(qtbot, canvas, 8.75, 6)  # a finger: nothing written on it but its place and size
    assert canvas.selected is not None and canvas.selected.tag == "rect"
    assert _icon_image(pane.fill_button.icon()) == _icon_image(_menu_action(pane, "fill_currentColor").icon())
    assert _icon_image(pane.stroke_button.icon()) == _icon_image(_menu_action(pane, "stroke_none").icon())
    use_tool(qtbot, pane, "rect")
    drag(qtbot, canvas, (1, 20), (5, 23))
    new = _last_element(window, HAND)
    assert (new.get("fill"), new.get("stroke")) == ("currentColor", "none")

    # A line icon (Lucide, Feather) writes its stroke and width on the <svg>: taken up as well.
    pane = show_file(window, rel)
    use_tool(qtbot, pane, "select")
    _set_width(qtbot, pane, "5")
    _menu_action(pane, "stroke_none").trigger()
    click(qtbot, pane.canvas, 12, 4)  # on the ring
    assert pane.canvas.selected is not None and pane.width_spin.value() == 2
    assert _icon_image(pane.stroke_button.icon()) == _icon_image(_menu_action(pane, "stroke_currentColor").icon())
    assert _icon_image(pane.fill_button.icon()) == _icon_image(_menu_action(pane, "fill_none").icon())


def test_each_colour_chosen_from_the_menu_is_its_own_undo_step(qtbot, window, example_project: Path) -> None:
    """Fill ▸ No colour, then Fill ▸ App colour, then Ctrl+Z: the finger went back to how it was
    before both (the two choices had merged into one step), not to "No colour". Stepping the
    width box up and down is still one step."""
    window.open_path(example_project)
    pane = show_file(window, HAND)
    stack = window.editor.undo_stack
    click(qtbot, pane.canvas, 8.75, 6)
    _menu_action(pane, "fill_none").trigger()
    no_colour = window.package.read_text(HAND)
    _menu_action(pane, "fill_currentColor").trigger()
    assert stack.count() == 2
    stack.undo()
    assert window.package.read_text(HAND) == no_colour
    stack.undo()
    assert not stack.canUndo()
    pane.width_spin.stepUp()
    pane.width_spin.stepUp()
    pane.width_spin.stepDown()
    assert 'stroke-width="2.5"' in window.package.read_text(HAND) and stack.count() == 1


@pytest.mark.parametrize(
    ("tool", "fill", "stroke"), [("line", "currentColor", "currentColor"), ("rect", "none", "currentColor")]
)
def test_a_shape_drawn_with_no_paint_at_all_still_shows(
    qtbot, window, example_project: Path, tool: str, fill: str, stroke: str
) -> None:
    """Stroke ▸ No colour (or a click on a filled finger, which takes up its "no stroke"), then
    the Line tool: the line vanished on release, a line being drawn by its stroke alone (so did
    a rectangle with no fill either). Such a shape now gets the fill's colour, else the app's,
    as its stroke."""
    window.open_path(example_project)
    pane = show_file(window, HAND)
    _menu_action(pane, f"fill_{fill}").trigger()
    _menu_action(pane, "stroke_none").trigger()
    use_tool(qtbot, pane, tool)
    drag(qtbot, pane.canvas, (1, 20), (5, 23))
    new = _last_element(window, HAND)
    assert new.tag.endswith(tool) and new.get("stroke") == stroke


def test_a_text_pasted_with_a_control_character_is_placed_and_edited_without_it(
    qtbot, window, example_project: Path
) -> None:
    """A line break pasted from a word processor (\\x0b) in the Text tool's field: a click on
    the canvas placed nothing (an XML text cannot hold the character; the error went to the
    terminal), and typing so into a selected text did the same. The character is left out now."""
    window.open_path(example_project)
    pane = show_file(window, HAND)
    canvas = pane.canvas
    use_tool(qtbot, pane, "text")
    pane.text_edit.setText("")
    pane.text_edit.insert("Hi\x0bthere")  # as a paste puts it
    click(qtbot, canvas, 4, 20)
    new = _last_element(window, HAND)
    assert new.tag.endswith("text") and new.text == "Hithere"
    use_tool(qtbot, pane, "select")
    click(qtbot, canvas, 5, 19)
    assert canvas.selected is not None and canvas.selected.tag == "text"
    pane.text_edit.end(False)
    pane.text_edit.insert("\x0c!")
    assert _last_element(window, HAND).text == "Hithere!"


def test_a_click_that_slips_a_pixel_selects_without_moving(qtbot, window, example_project: Path) -> None:
    """A click on a finger whose pointer slipped one pixel between press and release (as a hand
    on a mouse or a touchpad does) moved the finger a whole grid cell when the pixel crossed a
    snapping line. A move now starts once the pointer has gone the system's drag distance."""
    from PySide6.QtCore import QPoint

    window.open_path(example_project)
    pane = show_file(window, HAND)
    canvas, vp = pane.canvas, pane.canvas.viewport()
    press = at(canvas, 8.49, 6)  # a pixel left of the line where snapping turns from 8 to 9
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=press)
    qtbot.mouseMove(vp, pos=press + QPoint(1, 0))
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=press + QPoint(1, 0))
    assert canvas.selected is not None and canvas.selected.tag == "rect"
    assert window.package.read_text(HAND) == (example_project / "webapp2" / HAND).read_text()
    assert not window.editor.undo_stack.canUndo()
    drag(qtbot, canvas, (8.75, 6), (9.75, 6))  # a real drag still moves it
    assert '<rect x="8.5" y="3.5"' in window.package.read_text(HAND)


ILLUSTRATOR = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none">\n'
    "  <style>.st0{fill:#E30613}</style>\n"
    '  <rect class="st0" x="4" y="4" width="16" height="16"/>\n'
    "</svg>\n"
)


def test_clicking_a_shape_painted_by_a_style_rule_takes_up_no_paint(qtbot, window, example_project: Path) -> None:
    """Illustrator paints shapes with <style> rules (class="st0"), which beat what the <svg>
    writes: the toolbar must not take up the <svg>'s "none" (or SVG's black) for a red shape."""
    rel = f"{PLUGIN}/ai.svg"
    (example_project / "webapp2" / rel).write_text(ILLUSTRATOR)
    window.open_path(example_project)
    pane = show_file(window, rel)
    _menu_action(pane, "fill_currentColor").trigger()
    click(qtbot, pane.canvas, 12, 12)
    assert pane.canvas.selected is not None and pane.canvas.selected.tag == "rect"
    assert pane.canvas.fill == "currentColor"


def test_a_path_of_two_points_drawn_with_no_stroke_still_shows(qtbot, window, example_project: Path) -> None:
    """A path of two points is a line: its fill covers nothing, and drawn with Stroke ▸ No colour
    it vanished as a line did."""
    window.open_path(example_project)
    pane = show_file(window, HAND)
    _menu_action(pane, "fill_currentColor").trigger()
    _menu_action(pane, "stroke_none").trigger()
    use_tool(qtbot, pane, "path")
    click(qtbot, pane.canvas, 2, 20)
    click(qtbot, pane.canvas, 6, 22)
    qtbot.keyClick(pane.canvas, Qt.Key.Key_Return)
    new = _last_element(window, HAND)
    assert new.get("d") == "M2 20 L6 22" and new.get("stroke") == "currentColor"
