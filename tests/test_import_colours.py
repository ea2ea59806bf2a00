"""Importing an SVG of several colours with "Use the app's colour": nothing vanishes without a word.

A new user imported a door drawn in blue with a white knob; in the app's one colour the knob
was gone. The dialog now counts the colours, cuts the white details out (so they show the
toolbar behind them, light or dark), says so, and shows what will be written and how the app
will draw it before anything is added.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog

from designer.core.svg import read_svg, scan_svg

PLUGIN = "plugins/raise-hand-helper"
SVG = "{http://www.w3.org/2000/svg}"

DOOR = b"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">
  <rect x="5" y="2" width="14" height="20" rx="1" fill="#1565C0"/>
  <circle cx="15.5" cy="12" r="1.5" fill="#fff"/>
</svg>
"""

# a blue square with a white hole and a red dot, coloured by classes (as Illustrator writes them)
THREE = b"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">
  <style>.st0{fill:#1565C0;}.st1{fill:#FFFFFF;}.st2{fill:#D32F2F;}</style>
  <rect class="st0" x="2" y="2" width="20" height="20"/>
  <circle class="st1" cx="8" cy="8" r="3"/>
  <circle class="st2" cx="16" cy="16" r="3"/>
</svg>
"""

GRADIENT = b"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">
  <defs><linearGradient id="sky" x1="0" y1="0" x2="1" y2="1">
    <stop offset="0" stop-color="#0d47a1"/><stop offset="1" stop-color="#42a5f5"/>
  </linearGradient></defs>
  <circle cx="12" cy="12" r="10" fill="url(#sky)"/>
  <path d="M7 12h10" fill="none" stroke="#FFFFFF" stroke-width="3"/>
</svg>
"""


def _at(label, x: float, y: float) -> QColor:
    """The colour of ``label``'s picture at (``x``, ``y``) of the 24 x 24 drawing."""
    image = label.pixmap().toImage()
    return image.pixelColor(int(x / 24 * image.width()), int(y / 24 * image.height()))


def _dialog(qtbot, tmp_path: Path, name: str, data: bytes):
    from designer.gui.panes.icon_sources import ImportSvgDialog

    dialog = ImportSvgDialog(tmp_path / name, data, set())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_door_keeps_its_knob_cut_out_and_the_dialog_says_so(qtbot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, tmp_path, "door.svg", DOOR)
    light, dark = dialog.toolbars
    # offered and chosen at first: the app's colour, with the white knob cut out
    assert dialog.colour.isChecked() and dialog.cut_out.isVisible() and dialog.cut_out.isChecked()
    assert dialog.cut_out.text() == "Cut out its white details, so they still show on light and dark"
    said = dialog.summary.text()
    assert "This drawing uses 2 colours: blue (#1565C0) and white (#fff)." in said
    assert "the white detail (1 shape) is cut out of it" in said
    # what is written: the door in the app's colour with a hole where the knob is; in the app, on
    # the light and the dark toolbar alike, the knob shows the toolbar through the door
    assert "<mask" in dialog.result_.text
    for label in (dialog.picture, light, dark):
        assert _at(label, 8, 12).alpha() == 255 and _at(label, 15.5, 12).alpha() == 0
    assert _at(dialog.picture, 8, 12).name() == dialog._tile[1]  # the app's colour, in the tile's text colour

    # everything in the app's colour: the knob is gone, and the dialog says it would be
    qtbot.mouseClick(dialog.cut_out, Qt.MouseButton.LeftButton)
    assert not dialog.cut_out.isChecked() and "<mask" not in dialog.result_.text
    said = dialog.summary.text()
    assert "With the app's colour, the white detail would disappear" in said
    assert "Tick “Cut out its white details” to keep it." in said
    for label in (dialog.picture, light, dark):
        assert _at(label, 15.5, 12).alpha() == 255
        assert _at(label, 15.5, 12) == _at(label, 8, 12)

    # its own colours: written (and shown) blue with a white knob
    qtbot.mouseClick(dialog.colour, Qt.MouseButton.LeftButton)
    assert not dialog.colour.isChecked() and not dialog.cut_out.isEnabled()
    assert 'fill="#1565C0"' in dialog.result_.text and 'fill="#fff"' in dialog.result_.text
    assert _at(dialog.picture, 8, 12).name() == "#1565c0" and _at(dialog.picture, 15.5, 12).name() == "#ffffff"
    assert "It keeps them, so the app cannot recolour it" in dialog.summary.text()


def test_a_single_colour_drawing_is_as_before(qtbot, tmp_path: Path) -> None:
    one = DOOR.replace(b' fill="#fff"', b' fill="#1565C0"')
    dialog = _dialog(qtbot, tmp_path, "door.svg", one)
    assert not dialog.cut_out.isVisible() and "<mask" not in dialog.result_.text
    assert dialog.summary.text() == "2 colours now follow the app's colour."  # (two fill attributes of one colour)
    assert 'fill="currentColor"' in dialog.result_.text and "#1565C0" not in dialog.result_.text


def test_three_colours_the_red_dot_merging_is_said(qtbot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, tmp_path, "three.svg", THREE)
    said = dialog.summary.text()
    assert "This drawing uses 3 colours: blue (#1565C0), white (#FFFFFF) and red (#D32F2F)." in said
    assert "The red parts take the app's colour as well: where they lie on the blue, they no longer show." in said
    text = dialog.result_.text
    assert ".st0{fill:currentColor;}" in text and ".st2{fill:currentColor;}" in text
    # the white hole is cut (in the class's own place: the mask's copy overrides the class)
    root = etree.fromstring(text.encode())
    mask = root.find(f".//{SVG}mask")
    assert [(c.get("class"), c.get("style")) for c in mask[1:]] == [
        ("st1", "fill:black;stroke:none"),
        ("st2", "fill:white;stroke:none"),
    ]
    light = dialog.toolbars[0]
    assert _at(light, 8, 8).alpha() == 0 and _at(light, 16, 16).alpha() == 255 and _at(light, 4, 20).alpha() == 255
    # its own colours keep the red dot, as the tile shows
    qtbot.mouseClick(dialog.colour, Qt.MouseButton.LeftButton)
    assert _at(dialog.picture, 16, 16).name() == "#d32f2f" and _at(dialog.picture, 8, 8).name() == "#ffffff"


def test_a_gradient_and_its_white_stroke(qtbot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, tmp_path, "gradient.svg", GRADIENT)
    said = dialog.summary.text()
    assert "This drawing uses 2 colours: a gradient (blue) and white (#FFFFFF)." in said
    assert "The gradient takes the app's colour; the white detail (1 shape) is cut out of it" in said
    text = dialog.result_.text
    assert "url(#sky)" not in text and "linearGradient" not in text and 'fill="currentColor"' in text
    data = text.encode()
    assert scan_svg(data, read_svg(data)) == []
    for label in dialog.toolbars:
        assert _at(label, 12, 12).alpha() == 0 and _at(label, 12, 6).alpha() == 255  # the bar is cut through
    qtbot.mouseClick(dialog.colour, Qt.MouseButton.LeftButton)  # its own colours: the gradient is written
    assert 'fill="url(#sky)"' in dialog.result_.text and _at(dialog.picture, 12, 12).name() == "#ffffff"


def test_importing_the_door_writes_the_cut_out(qtbot, window, example_project: Path, tmp_path, monkeypatch) -> None:
    """Through the Plugin menu's *Import SVG Icon…*: the file added is the one the dialog showed."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QFileDialog

    from designer.gui.panes.icon_sources import ImportSvgDialog

    source = tmp_path / "Door.svg"
    source.write_bytes(DOOR)
    window.open_path(example_project)
    index = next(i for i, p in enumerate(window.package.plugins) if p.folder == PLUGIN)
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("plugin", index)))
    shown: list[str] = []

    def user_clicks_import(dialog) -> QDialog.DialogCode:
        shown.append(dialog.result_.text)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ImportSvgDialog, "exec", user_clicks_import)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(source), "")))
    next(a for a in window.findChildren(QAction) if a.objectName() == "plugin_import_svgAction").trigger()
    written = window.package.read_text(f"{PLUGIN}/door.svg")
    assert written == shown[0] and 'mask="url(#door-cut-out)"' in written
    assert window.save()
    assert (example_project / "webapp2" / PLUGIN / "door.svg").read_text(encoding="utf-8") == shown[0]


NAVY_AND_BLACK = b"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">
  <rect x="3" y="3" width="18" height="18" rx="2" fill="navy"/>
  <circle cx="12" cy="10" r="3" fill="#000"/>
  <rect x="8" y="15" width="8" height="3" fill="black"/>
</svg>
"""

PHONE_AND_ARROW = b"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">
  <rect x="2" y="4" width="9" height="16" rx="2" fill="#000"/>
  <rect x="4" y="6" width="5" height="10" fill="#333"/>
  <path d="M14 12h7m-3-3 3 3-3 3" fill="none" stroke="#333" stroke-width="2"/>
</svg>
"""


def test_two_dark_colours_keep_the_face_and_the_dialog_says_what_became_of_each(qtbot, tmp_path: Path) -> None:
    """A navy badge with a black face came in as one navy square: the face was gone, said as
    'where they lie on the black, they no longer show'."""
    dialog = _dialog(qtbot, tmp_path, "badge.svg", NAVY_AND_BLACK)
    assert dialog.cut_out.isVisible() and dialog.cut_out.isChecked()
    assert dialog.cut_out.text() == "Cut out its black details, so they still show on light and dark"
    assert dialog.summary.text() == (
        "This drawing uses 2 colours: black (#000) and blue (navy). The blue takes the app's colour; the black "
        "details (2 shapes) are cut out of it, so the toolbar shows through, light or dark."
    )
    for label in dialog.toolbars:
        assert _at(label, 12, 10).alpha() == 0 and _at(label, 12, 16.5).alpha() == 0  # the face shows
        assert _at(label, 5, 5).alpha() == 255

    qtbot.mouseClick(dialog.cut_out, Qt.MouseButton.LeftButton)
    assert "<mask" not in dialog.result_.text
    assert "With the app's colour, the black details would disappear: they become the same colour as the blue." in (
        dialog.summary.text()
    )
    assert all(_at(label, 12, 10).alpha() == 255 for label in dialog.toolbars)


def test_a_dark_detail_beside_the_drawing_stays_drawn(qtbot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, tmp_path, "phone.svg", PHONE_AND_ARROW)
    said = dialog.summary.text()
    assert "The black takes the app's colour; the dark grey detail (1 shape) is cut out of it" in said
    assert "The other dark grey shape lies on nothing else: it takes the app's colour, as drawn." in said
    for label in dialog.toolbars:
        assert _at(label, 6.5, 11).alpha() == 0  # the screen: a hole in the phone
        assert _at(label, 3, 18).alpha() == 255 and _at(label, 17, 12).alpha() == 255  # the phone, the arrow
