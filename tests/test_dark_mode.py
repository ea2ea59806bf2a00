"""Dark appearance, chosen at start or while the window is open: what is drawn in colours of its own
(icons, marks, check boxes) stays visible, and "Follow the system" gives the colours back to it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import open_in_editor
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QImage, QPalette
from PySide6.QtWidgets import QApplication, QComboBox, QListWidget
from test_editing import select_plugin
from test_preview_simulator import _close, _window

from designer.gui.preview import SIM_COLUMNS


def _appearance(window: Any, scheme: str) -> None:
    """View ▸ Appearance ▸ ``scheme``, as a user picks it; Qt hands the widgets the new palette
    from the event loop."""
    window.findChild(QAction, f"appearance_{scheme}").trigger()
    QApplication.processEvents()


@pytest.fixture
def back_to_system(window: Any) -> Iterator[None]:
    """The appearance is remembered: the next test starts as the user's system is."""
    yield
    _appearance(window, "system")


def _ink(image: QImage) -> int:
    """The lightness of the icon's drawn pixels (the most opaque one's): light or dark ink."""
    best = max(
        ((image.pixelColor(x, y).alpha(), x, y) for x in range(image.width()) for y in range(image.height())),
        default=(0, 0, 0),
    )
    return image.pixelColor(best[1], best[2]).lightness()


def test_a_menu_items_icons_follow_a_switch_of_appearance(
    qtbot, window, example_project: Path, back_to_system: None
) -> None:
    """The item list's and the Icon box's icons are drawn in the palette's text colour: switched to
    dark with a plugin's form on show, they stayed black on the dark list (and light on light)."""
    window.open_path(example_project)
    _appearance(window, "light")
    select_plugin(window, qtbot, 1)  # Meeting information: a meeting menu item with info.svg#info
    items = window.findChild(QListWidget, "menuItemsList")
    icon_box = window.findChild(QComboBox, "iconCombo")
    assert icon_box.currentText() == "info.svg#info"

    def inks() -> tuple[int, int]:
        return (
            _ink(items.item(0).icon().pixmap(24, 24).toImage()),
            _ink(icon_box.itemIcon(icon_box.currentIndex()).pixmap(24, 24).toImage()),
        )

    assert all(ink < 100 for ink in inks())
    _appearance(window, "dark")
    assert all(ink > 150 for ink in inks()), inks()
    _appearance(window, "light")
    assert all(ink < 100 for ink in inks()), inks()


def test_follow_the_system_leaves_every_colour_to_the_system(window, back_to_system: None) -> None:
    """After Dark (or Light), "Follow the system" set Fusion's own palette: a light one with every
    colour given, which the system's colours could no longer replace (on a dark desktop the window
    stayed light, and no longer changed with the desktop). Now the palette sets none of its own."""
    _appearance(window, "dark")
    assert QApplication.palette().resolveMask() != 0
    _appearance(window, "system")
    assert QApplication.palette().resolveMask() == 0  # each colour is the platform theme's
    assert window.palette().color(QPalette.ColorRole.Base).lightness() > 200  # offscreen's is light


def test_the_margin_marks_a_problem_in_a_colour_that_shows_on_dark(
    qtbot, window, example_project: Path, back_to_system: None
) -> None:
    """The mark beside a line with an error was the light appearance's red on the dark margin too,
    a dim dot (under 3:1); it is the dark underline's red now, and stays the same red on light."""
    rel = "plugins/lock-toggle/lock-toggle.plugin.js"
    source = example_project / "webapp2" / rel
    source.write_text(source.read_text(encoding="utf-8") + "\nfoo(;\n", encoding="utf-8")
    editor = open_in_editor(window, example_project, rel)
    qtbot.waitUntil(lambda: any(m.error for m in editor.markers))
    line = next(m.line for m in editor.markers if m.error)
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)  # the line in view

    def mark() -> str:
        QApplication.processEvents()
        block = editor.document().findBlockByNumber(line - 1)
        y = round(editor.blockBoundingGeometry(block).translated(editor.contentOffset()).center().y())
        image = editor._gutter.grab().toImage()
        return image.pixelColor(6, y).name()

    _appearance(window, "dark")
    assert mark() == "#f75464"
    _appearance(window, "light")
    assert mark() == "#d01b1b"


def test_an_unticked_box_in_the_simulators_table_shows_on_dark(qtbot, tmp_path: Path) -> None:
    """Fusion draws a check box's edge a shade darker than the window, on the table's base: both
    near black in dark appearance, so an unticked Muted or Presenting box could not be seen."""
    import shutil

    from conftest import EXAMPLE

    from designer.gui.app import apply_appearance

    project = tmp_path / "example"
    shutil.copytree(EXAMPLE, project)
    apply_appearance("dark")
    win = _window(qtbot, project)
    try:
        pane = win.preview_pane
        qtbot.mouseClick(pane.sim_button, Qt.MouseButton.LeftButton)
        table = pane.sim_table
        qtbot.waitUntil(lambda: table.isVisible() and table.rowCount() > 0)
        column = next(i for i, (field, _h, _k) in enumerate(SIM_COLUMNS) if field == "presenting")
        assert table.item(0, column).checkState() == Qt.CheckState.Unchecked
        table.scrollToItem(table.item(0, column))
        cell = table.visualItemRect(table.item(0, column))
        image = table.viewport().grab().toImage()
        base = table.palette().color(QPalette.ColorRole.Base).lightness()
        edge = [
            (x, y)
            for x in range(cell.left(), cell.right())
            for y in range(cell.top() + 2, cell.bottom() - 2)
            if image.pixelColor(x, y).lightness() - base > 60
        ]
        assert len(edge) > 20, len(edge)  # the box's four sides, some 12 px each
    finally:
        _close(win)
        apply_appearance("system")


def test_the_simulators_raised_hands_follow_a_switch_of_appearance(qtbot, window, tmp_path: Path) -> None:
    """The hand beside a participant with a raised hand (the simulator's participant list) is drawn in
    the list's text colour: switched to dark, it stayed black on the dark list until the meeting
    changed."""
    import shutil

    from conftest import EXAMPLE

    project = tmp_path / "example"
    shutil.copytree(EXAMPLE, project)
    _appearance(window, "light")
    win = _window(qtbot, project)
    try:
        pane = win.preview_pane
        qtbot.mouseClick(pane.sim_button, Qt.MouseButton.LeftButton)
        people = pane.sim_participant
        raised = [i for i in range(people.count()) if people.itemData(i, Qt.ItemDataRole.ToolTipRole) == "Hand raised"]
        assert raised  # the default meeting has a guest with a raised hand

        def ink() -> int:
            return _ink(people.itemIcon(raised[0]).pixmap(16, 16).toImage())

        assert ink() < 100
        _appearance(window, "dark")
        assert ink() > 150, ink()
        _appearance(window, "light")
        assert ink() < 100, ink()
    finally:
        _close(win)
        _appearance(window, "system")


def test_the_recipe_wizard_follows_a_switch_of_appearance_while_open(
    qtbot, window, example_project: Path, back_to_system: None
) -> None:
    """The recipes' pictures and the icon choice's are drawn in the text colour, an answer's error
    and the checks' box in colours of their own, the questions' explanations in the grey the style
    sheet looked up when it was set: a switch with the wizard open left black icons, near black
    explanations, dark red errors and a pale box on the dark dialog."""
    from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

    from designer.gui.panes.recipe_wizard import RecipeWizard

    window.open_path(example_project)
    _appearance(window, "light")
    wizard = RecipeWizard(window.package, window.editor, window)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    gallery = wizard.findChild(QListWidget, "recipeGallery")
    picture = next(
        label
        for label in gallery.itemWidget(gallery.item(0)).findChildren(QLabel)
        if label.pixmap() is not None and not label.pixmap().isNull()
    )
    wizard.choose("participant-action")
    qtbot.mouseClick(wizard.findChild(QPushButton, "recipeNext"), Qt.MouseButton.LeftButton)
    icon = wizard.findChild(QComboBox, "recipe_icon")
    name = wizard.findChild(QLineEdit, "recipe_name")
    error = wizard.findChild(QLabel, "recipe_name_error")
    qtbot.mouseClick(wizard.findChild(QPushButton, "recipeNext"), Qt.MouseButton.LeftButton)  # to the files
    notes = wizard.findChild(QLabel, "recipeNotes")
    qtbot.mouseClick(wizard.findChild(QPushButton, "recipeBack"), Qt.MouseButton.LeftButton)
    name.selectAll()
    qtbot.keyClick(name, Qt.Key.Key_Delete)  # no name: an error under the field
    assert error.isVisible() and error.text()

    hint = next(f.hint for f in wizard.fields if f.param.key == "icon")  # the grey words under a question

    def inks() -> tuple[int, int]:
        return _ink(picture.pixmap().toImage()), _ink(icon.itemIcon(icon.currentIndex()).pixmap(20, 20).toImage())

    def lightest(label: QLabel) -> int:
        """The lightest pixel of ``label`` as the dialog shows it (a grab of the label alone draws
        it afresh, in the colours of now)."""
        image = wizard.grab().toImage()
        area = label.rect().translated(label.mapTo(wizard, label.rect().topLeft()))
        return max(
            image.pixelColor(x, y).lightness()
            for x in range(area.left(), area.right())
            for y in range(area.top(), area.bottom())
        )

    light_error, light_notes = error.styleSheet(), notes.styleSheet()
    assert all(ink < 100 for ink in inks())
    _appearance(window, "dark")
    assert all(ink > 150 for ink in inks()), inks()
    assert lightest(hint) > 120  # its words light grey on the dark dialog (they stayed near black)
    assert error.styleSheet() != light_error and "#ff8a80" in error.styleSheet()  # tones' dark "bad"
    assert notes.styleSheet() != light_notes and notes.palette().base().color().lightness() < 80
    assert any(dark in notes.styleSheet() for dark in ("#35301c", "#1d3323"))  # tones' dark "note" or "ok" box
    _appearance(window, "light")
    assert all(ink < 100 for ink in inks()), inks()
    assert (error.styleSheet(), notes.styleSheet()) == (light_error, light_notes)


def test_the_preview_shows_the_meetings_background_while_it_loads(qtbot, tmp_path: Path) -> None:
    """Until Chromium had drawn the meeting (a second or more), the preview was a white block, glaring
    in dark appearance: the page's background is the meeting's own, the one preview.html gives."""
    import re
    import shutil

    from conftest import EXAMPLE, ROOT

    project = tmp_path / "example"
    shutil.copytree(EXAMPLE, project)
    html = (ROOT / "resources" / "preview" / "preview.html").read_text(encoding="utf-8")
    body = re.search(r"html, body \{[^}]*background: (#[0-9a-f]{6})", html).group(1)
    win = _window(qtbot, project)
    try:
        assert win.preview_pane.page.backgroundColor().name() == body
    finally:
        _close(win)


def _contrast(a: Any, b: Any) -> float:
    """The WCAG contrast ratio of two QColors."""

    def luminance(c: Any) -> float:
        channels = [v / 255 for v in (c.red(), c.green(), c.blue())]
        r, g, b = (v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_an_unticked_box_of_the_plugin_form_shows_on_dark(
    qtbot, window, example_project: Path, back_to_system: None
) -> None:
    """Fusion draws a check box's edge in the window's colour made darker, on the base: in dark
    appearance #282828 on #202020, so an unticked "Guests" (Available to) showed its word and no
    box to click. Its edge now stands out from the box's inside by 3:1 at least (WCAG's ratio for
    the parts of a control), in dark appearance chosen while the form is on show."""
    from PySide6.QtWidgets import QCheckBox

    window.open_path(example_project)
    select_plugin(window, qtbot, 0)  # Lock toggle: for hosts, not guests
    _appearance(window, "dark")
    box = window.findChild(QCheckBox, "role_guest")
    assert box is not None and box.isVisible() and not box.isChecked()
    image = box.grab().toImage()
    middle = image.height() // 2
    inside = box.palette().color(QPalette.ColorRole.Base)
    # The box's left edge: the first column of the box from the left (its inside is the base colour).
    edge = max((image.pixelColor(x, middle) for x in range(0, 4)), key=lambda c: _contrast(c, inside))
    assert _contrast(edge, inside) >= 3.0, edge.name()


def test_selected_text_is_readable_in_light_and_dark(qtbot, window, back_to_system: None) -> None:
    """The selection's white text was 4.2:1 on the dark appearance's blue and 3.7:1 on Fusion's
    light one (a selected tree row, list item or piece of code), under the 4.5:1 text needs."""
    from designer.gui.tones import is_dark

    for scheme in ("light", "dark"):
        _appearance(window, scheme)
        palette = window.tree.palette()
        assert is_dark(palette) == (scheme == "dark")
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            ratio = _contrast(
                palette.color(group, QPalette.ColorRole.HighlightedText),
                palette.color(group, QPalette.ColorRole.Highlight),
            )
            assert ratio >= 4.5, (scheme, group, round(ratio, 2))


def test_the_focus_ring_of_a_tool_button_shows_on_dark(qtbot, back_to_system: None, window) -> None:
    """The ring round a focused tool button was drawn in the selection's blue: 2.7:1 on the dark
    window and 2.2:1 on a button, under the 3:1 a control's parts need. It is a lighter blue in
    dark appearance, and the selection's own blue in light appearance."""
    from PySide6.QtWidgets import QToolButton, QVBoxLayout, QWidget

    from designer.gui.focus_ring import ring_focus

    for scheme in ("dark", "light"):
        _appearance(window, scheme)
        holder = QWidget()
        button = QToolButton(holder)
        button.setText("Fit")
        QVBoxLayout(holder).addWidget(button)
        ring_focus([button], holder)
        qtbot.addWidget(holder)
        holder.show()
        qtbot.waitExposed(holder)
        holder.activateWindow()
        button.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(button.hasFocus)
        image = button.grab().toImage()
        ring = image.pixelColor(0, image.height() // 2)
        palette = button.palette()
        for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Button):
            ratio = _contrast(ring, palette.color(role))
            assert ratio >= 3.0, (scheme, role, ring.name(), round(ratio, 2))
        holder.close()


def test_the_recipe_list_follows_a_switch_of_appearance_while_open(
    qtbot, window, example_project: Path, back_to_system: None
) -> None:
    """The recipe list has a style sheet (its rows' tint), and a widget with one keeps the palette
    it was polished with: switched to dark with the wizard open, the list stayed white and the
    recipes' pictures, drawn in the dark appearance's light text colour, all but vanished on it
    (and the reverse). The list now takes each appearance's colours, and its pictures show on it."""
    from PySide6.QtWidgets import QLabel

    from designer.gui.panes.recipe_wizard import RecipeWizard

    window.open_path(example_project)
    _appearance(window, "light")
    wizard = RecipeWizard(window.package, window.editor, window)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    gallery = wizard.findChild(QListWidget, "recipeGallery")
    picture = next(
        label
        for label in gallery.itemWidget(gallery.item(0)).findChildren(QLabel)
        if label.pixmap() is not None and not label.pixmap().isNull()
    )
    for scheme in ("dark", "light"):
        _appearance(window, scheme)
        base = gallery.palette().color(QPalette.ColorRole.Base)
        assert base == wizard.palette().color(QPalette.ColorRole.Base), (scheme, base.name())
        assert (base.lightness() < 128) == (scheme == "dark")
        ink = _ink(picture.pixmap().toImage())
        assert abs(ink - base.lightness()) > 120, (scheme, ink, base.name())


def test_the_recipes_secondary_line_is_readable_in_light_and_dark(
    qtbot, window, example_project: Path, back_to_system: None
) -> None:
    """Each recipe's "Adds a button in the toolbar · for Hosts" was plain 'gray': 4.0:1 on the
    light list and 4.1:1 on the dark one, 3.1 and 3.4:1 on the chosen recipe's tint. It is a grey
    of the appearance in use now, 4.5:1 at least on both, also after a switch with the wizard open."""
    import re

    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QLabel

    from designer.gui.panes.recipe_wizard import RecipeWizard

    window.open_path(example_project)
    _appearance(window, "light")
    wizard = RecipeWizard(window.package, window.editor, window)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    gallery = wizard.findChild(QListWidget, "recipeGallery")
    for scheme in ("dark", "light"):
        _appearance(window, scheme)
        base = gallery.palette().color(QPalette.ColorRole.Base)
        alpha = 45 / 255  # the chosen recipe's tint: rgba(26, 115, 232, 45) over the base
        tint = QColor(*(round(c + (t - c) * alpha) for c, t in zip(base.getRgb()[:3], (26, 115, 232), strict=True)))
        for i in range(gallery.count()):
            text = next(
                label.text()
                for label in gallery.itemWidget(gallery.item(i)).findChildren(QLabel)
                if "Adds " in label.text()
            )
            grey = QColor(re.search(r"<span style='color:([^;']+)", text).group(1))
            ratios = [round(_contrast(grey, background), 2) for background in (base, tint)]
            assert min(ratios) >= 4.5, (scheme, gallery.item(i).text(), grey.name(), ratios)
