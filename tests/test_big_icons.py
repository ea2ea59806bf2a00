"""A traced drawing of tens of thousands of shapes: the icon editor does each piece of work once.

Why: an SVG exported from a traced bitmap holds 50,000 small shapes. Opening one froze the icon
editor for 2.5 s and each arrow-key move for 2.4 s, much of it the same work done twice: the
canvas and the preview strip each cleaned the same bytes for drawing.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from test_icon_editor import HAND, show_file

from designer.core import svg


def _traced(count: int) -> str:
    """A drawing of ``count`` small squares, with an id of its own so no cache knows it yet."""
    shapes = "\n".join(f'<rect x="{i % 24}" y="{i // 24 % 24}" width="0.5" height="0.5"/>' for i in range(count))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" id="t{uuid.uuid4().hex}">\n'
        f'<g fill="currentColor">\n{shapes}\n</g>\n</svg>\n'
    )


def _count_cleanings(monkeypatch) -> list[int]:
    calls: list[int] = []
    real = svg.sanitise_tree
    monkeypatch.setattr(svg, "sanitise_tree", lambda root, *a, **k: calls.append(1) or real(root, *a, **k))
    return calls


def test_opening_an_icon_cleans_its_text_once_for_the_canvas_and_the_preview(
    qtbot, window, example_project: Path, monkeypatch
) -> None:
    (example_project / "webapp2" / HAND).write_text(_traced(300), encoding="utf-8")
    window.open_path(example_project)
    calls = _count_cleanings(monkeypatch)
    pane = show_file(window, HAND)
    assert len(pane.canvas.shapes) == 300
    assert len(calls) == 1
    # Both draw it: the canvas and the preview strip.
    assert pane.canvas.renderer.isValid()
    image = pane.preview.swatches[0].pixmap().toImage()
    assert any(image.pixelColor(x, 24).name() != image.pixelColor(0, 0).name() for x in range(image.width()))


def test_the_preview_strip_draws_each_size_once_whatever_its_colours(qtbot, monkeypatch) -> None:
    from designer.gui import icon_render
    from designer.gui.panes.icon_editor import SIZES, IconPreviewStrip

    drawn: list[object] = []
    real = icon_render._renderer

    class Counting:
        """Qt's renderer, counting the drawings asked of it."""

        def __init__(self, renderer) -> None:
            self.renderer = renderer

        def __getattr__(self, name: str):
            return getattr(self.renderer, name)

        def render(self, *args) -> None:
            drawn.append(args[-1])
            self.renderer.render(*args)

    monkeypatch.setattr(icon_render, "_renderer", lambda safe: Counting(real(safe)))
    preview = IconPreviewStrip()
    qtbot.addWidget(preview)
    preview.show_icon(_traced(50).encode(), "", "Raise hand")
    # Light and dark rows in every size, and the placements at 24 and 20 px: each size drawn once.
    assert len(drawn) == len(set(SIZES) | {24, 20})
    image = preview.swatches[1].pixmap().toImage()  # the dark row shows the icon in its light colour
    assert any(image.pixelColor(x, y).lightness() > 128 for x in range(image.width()) for y in range(image.height()))


class _CountingBounds:
    """The canvas's Qt renderer, counting the shapes whose bounds are asked of it."""

    def __init__(self, renderer, asked: list[str]) -> None:
        self.renderer = renderer
        self.asked = asked

    def __getattr__(self, name: str):
        return getattr(self.renderer, name)

    def boundsOnElement(self, name: str):  # noqa: N802 - Qt's name
        self.asked.append(name)
        return self.renderer.boundsOnElement(name)


def _boxes(canvas) -> list[tuple[float, float, float, float]]:
    return [r.getRect() for _s, r, _t in canvas.shapes]


def test_an_arrow_key_asks_qt_for_the_bounds_of_the_moved_shape_only(
    qtbot, window, example_project: Path, monkeypatch
) -> None:
    from PySide6.QtCore import Qt

    from designer.gui.icon_canvas import IconCanvas

    text = _traced(300).replace('<rect x="5" y="0"', '<rect id="five" x="5" y="0"')
    text = text.replace("\n</g>", '\n<use href="#five" y="4"/>\n</g>')  # a copy of "five", moved with it
    (example_project / "webapp2" / HAND).write_text(text, encoding="utf-8")
    window.open_path(example_project)
    canvas = show_file(window, HAND).canvas
    asked: list[str] = []
    monkeypatch.setattr(canvas, "renderer", _CountingBounds(canvas.renderer, asked))
    canvas.select_path(canvas.shapes[7][0].path)
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    assert window.package.read_text(HAND) != text
    assert len(asked) == 1
    moved = canvas.shapes[7][1]
    assert canvas.bounds_of(canvas.selected) == moved
    # The boxes are those a fresh look at the new text finds, the moved one's too.
    fresh = IconCanvas()
    qtbot.addWidget(fresh)
    fresh.set_text(window.package.read_text(HAND))
    assert _boxes(canvas) == _boxes(fresh)
    # A shape with an id something names: its copy moves with it, so every shape is asked again.
    asked.clear()
    canvas.select_path(canvas.shapes[5][0].path)
    qtbot.keyClick(canvas, Qt.Key.Key_Down)
    assert len(asked) == 301
    fresh.set_text(window.package.read_text(HAND))
    assert _boxes(canvas) == _boxes(fresh)


def test_the_ids_of_a_drawing_are_listed_once_per_text(qtbot, window, example_project: Path, monkeypatch) -> None:
    """An arrow key shows the icon again twice (with the edit, then with the checks' new tree),
    and each time every id of the file was listed anew for the "Used by" line: a quarter of a
    second for a drawing of 50,000 shapes with an id each. Once per text, and an id taken away in
    the text is still seen as missing."""
    from PySide6.QtCore import Qt

    from designer.gui.panes import icon_editor

    text = _traced(300).replace('<rect x="5" y="0"', '<rect id="hand" x="5" y="0"')
    (example_project / "webapp2" / HAND).write_text(text, encoding="utf-8")
    window.open_path(example_project)
    walks: list[int] = []
    real = icon_editor.ids_in_tree
    monkeypatch.setattr(icon_editor, "ids_in_tree", lambda root: walks.append(1) or real(root))
    pane = show_file(window, HAND)
    assert len(walks) == 1 and "#hand" in pane.users.text() and "missing" not in pane.users.text()
    walks.clear()
    pane.canvas.select_path(pane.canvas.shapes[7][0].path)
    pane.canvas.setFocus()
    qtbot.keyClick(pane.canvas, Qt.Key.Key_Right)
    window._run_checks()  # (as its timer does): the tree is filled again and the icon shown again
    assert len(walks) == 1
    window.editor.edit_text("Take the id away", HAND, window.package.read_text(HAND).replace(' id="hand"', ""))
    assert "#hand</code> <b>(missing)</b>" in pane.users.text()


def test_the_forms_icon_list_reads_a_big_sprite_once(qtbot, window, example_project: Path, monkeypatch) -> None:
    """The form's Icon list shows every symbol of the plugin's sprites, each drawn from a reading
    of the whole sprite: a sprite of 3,000 symbols (as icon sites ship them) held the window for
    a minute when its plugin was picked."""
    from test_icon_editor import PLUGIN, hand_plugin_index, select_plugin

    from designer.core import svgedit

    n = 300
    symbols = "".join(f'<symbol id="s{i}" viewBox="0 0 24 24"><path d="M{i % 20} 0h4v4z"/></symbol>' for i in range(n))
    sprite = f'<svg xmlns="http://www.w3.org/2000/svg" id="t{uuid.uuid4().hex}">{symbols}</svg>'
    (example_project / "webapp2" / PLUGIN / "sprite.svg").write_text(sprite, encoding="utf-8")
    readings: list[int] = []
    real = svgedit.parse_svg
    monkeypatch.setattr(svgedit, "parse_svg", lambda data: readings.append(len(data)) or real(data))
    window.open_path(example_project)
    select_plugin(window, hand_plugin_index(window))
    window.plugin_page.items.list.setCurrentRow(0)
    icons = window.plugin_page.items.icon
    shown = [icons.itemData(i) for i in range(icons.count())]
    assert "sprite.svg#s7" in shown and not icons.itemIcon(shown.index("sprite.svg#s7")).isNull()
    assert len([size for size in readings if size >= len(sprite)]) <= 2  # not once per symbol
