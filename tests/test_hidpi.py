"""The designer on screens that are not 100 %: a laptop at 150 %, a 4K monitor at 200 %.

Why in a new interpreter: Qt reads ``QT_SCALE_FACTOR`` once, when the application starts, and
the test session's own application runs at 100 %, where a picture drawn without the screen's
pixel ratio looks the same as one drawn with it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _at_scale(
    scale: str, code: str, tmp_path: Path, screen: tuple[int, int] = (800, 800), second: str | None = None
) -> str:
    """What ``code`` prints in a new offscreen interpreter whose ``screen`` (physical pixels) is at ``scale``;
    with ``second``, a second screen of that scale stands to its right."""
    config = tmp_path / "screen.json"
    width, height = screen
    screens = [{"name": "s", "x": 0, "y": 0, "width": width, "height": height}]
    if second is not None:
        screens.append({"name": "t", "x": width, "y": 0, "width": width, "height": height})
    config.write_text(json.dumps({"screens": screens}))
    env = dict(
        os.environ,
        QT_QPA_PLATFORM=f"offscreen:configfile={config}",
        **({"QT_SCREEN_SCALE_FACTORS": f"s={scale};t={second}"} if second is not None else {"QT_SCALE_FACTOR": scale}),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        PYTHONPATH=str(ROOT),
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    return out.stdout


OPEN_ICON = """
import shutil, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from designer.gui.main_window import MainWindow
app = QApplication([])
shutil.copytree({example!r}, {project!r})
window = MainWindow()
window.remembers_projects = False
window.resize(1200, 800)
window.show()
window.open_path(Path({project!r}))
root = window.tree.topLevelItem(0)
window.tree.setCurrentItem(window._find_tree_item(root, ("file", "plugins/lock-toggle/lock.svg")))
for _ in range(10):
    app.processEvents()
"""


def test_the_icon_size_strip_is_drawn_sharp_on_a_200_percent_screen(tmp_path: Path) -> None:
    """The 16-48 px strip and the menu placements are drawn with the screen's pixels: on a 200 %
    screen a 16 px icon drawn with 16 pixels and blown up looked blurred, hiding the very detail
    the strip is there to show."""
    code = OPEN_ICON.format(example=str(ROOT / "resources/examples/demo"), project=str(tmp_path / "demo")) + (
        "from designer.gui.panes.icon_editor import IconPreviewStrip\n"
        "strip = window.findChild(IconPreviewStrip)\n"
        "for label in (*strip.swatches, strip.placements):\n"
        "    pix = label.pixmap()\n"
        "    print(label.objectName(), label.devicePixelRatioF(), pix.devicePixelRatio(), pix.width())\n"
    )
    rows = [line.split() for line in _at_scale("2", code, tmp_path).splitlines()]
    assert [r[0] for r in rows] == ["previewLight", "previewDark", "previewPlacements"]
    for name, screen, drawn, _width in rows:
        assert float(screen) == 2.0
        assert float(drawn) == 2.0, f"{name} drawn at {drawn}x on a 2x screen"
    assert int(rows[2][3]) == 940  # 470 logical px, two pixels each


def test_windows_and_dialogs_fit_a_13_inch_laptop_at_150_percent(tmp_path: Path) -> None:
    """1366 x 768 at 150 % is 911 x 512 logical pixels: the main window, the recipe wizard
    (760 x 620), the problem codes (900 x 600), the shortcuts (640 x 620) and the built-in icons
    and snippets (480 tall) opened taller than the screen, their buttons below its bottom edge."""
    code = OPEN_ICON.format(example=str(ROOT / "resources/examples/demo"), project=str(tmp_path / "demo")) + (
        "from designer.gui.main_window import MainWindow\n"
        "from designer.gui.help import ProblemCodesDialog, ShortcutsDialog\n"
        "from designer.gui.panes.recipe_wizard import RecipeWizard\n"
        "from designer.gui.panes.icon_sources import IconGalleryDialog\n"
        "from designer.gui.panes.source_assist import SnippetBrowser\n"
        "fresh = MainWindow()\n"
        "dialogs = [fresh, RecipeWizard(window.package, window.editor, window), ProblemCodesDialog(window),\n"
        "           ShortcutsDialog(window), IconGalleryDialog(window), SnippetBrowser(window)]\n"
        "room = app.primaryScreen().availableGeometry()\n"
        "print('screen', room.width(), room.height())\n"
        "for d in dialogs:\n"
        "    print(type(d).__name__, d.width(), d.height())\n"
    )
    rows = [line.split() for line in _at_scale("1.5", code, tmp_path, screen=(1366, 768)).splitlines()]
    assert rows[0] == ["screen", "911", "512"]
    sizes = {name: (int(w), int(h)) for name, w, h in rows[1:]}
    assert len(sizes) == 6
    too_big = {name: size for name, size in sizes.items() if size[0] > 911 or size[1] > 512 - 30}
    assert not too_big, f"larger than a 911 x 512 screen with its title bar: {too_big}"


def test_the_welcome_page_fits_a_laptop_at_150_percent_with_a_large_font(tmp_path: Path) -> None:
    """With a 15 pt system font the welcome page's five buttons in one row made the window at
    least 1054 px wide, more than the 911 a 1366 x 768 laptop at 150 % has: the window could
    not be narrowed to fit and the last buttons were off the screen. They now wrap, and the page
    scrolls where the window is shorter than it (squeezed, it drew the buttons over the heading)."""
    code = (
        "from PySide6.QtWidgets import QApplication, QPushButton\n"
        "from designer.gui.main_window import MainWindow\n"
        "app = QApplication([])\n"
        "font = QApplication.font()\n"
        "font.setPointSize(15)\n"
        "QApplication.setFont(font)\n"
        "window = MainWindow()\n"
        "window.resize(911 - 16, 512 - 40)\n"
        "window.show()\n"
        "for _ in range(10):\n"
        "    app.processEvents()\n"
        "print('window', window.width(), window.minimumSizeHint().width(), window.height())\n"
        "from PySide6.QtWidgets import QLabel\n"
        "heading = next(l for l in window.welcome.findChildren(QLabel) if 'Recent projects' in l.text())\n"
        "last = max(b.mapTo(window.welcome, b.rect().bottomLeft()).y() for b in window.welcome.findChildren(QPushButton))\n"
        "print('heading', heading.mapTo(window.welcome, heading.rect().topLeft()).y() > last)\n"
        "for button in window.findChild(QPushButton, 'newButton').parentWidget().findChildren(QPushButton):\n"
        "    inside = window.rect().contains(button.mapTo(window, button.rect().bottomRight()))\n"
        "    print(button.objectName(), button.isVisible(), inside)\n"
    )
    rows = [line.split() for line in _at_scale("1.5", code, tmp_path, screen=(1366, 768)).splitlines()]
    assert rows[0][0] == "window"
    assert int(rows[0][1]) == 895, f"the window would not narrow to 895 px: its least width is {rows[0][2]}"
    assert int(rows[0][3]) == 472, "the window would not shorten to the screen"
    assert rows[1] == ["heading", "True"], "the buttons were drawn over the 'Recent projects' heading"
    buttons = {name: (visible, inside) for name, visible, inside in rows[2:]}
    assert len(buttons) == 5
    assert all(b == ("True", "True") for b in buttons.values()), buttons


def test_the_find_bar_wraps_at_a_large_font_on_a_laptop_screen(qtbot, window, example_project: Path) -> None:
    """At 15 pt the find-and-replace bar in one row was wider than a laptop at 150 % (911 px):
    the window could not be made that narrow, and the Find and Replace boxes were squeezed to
    "Fi…" and "R…". It now goes onto a second row, every control whole and inside the bar."""
    from conftest import open_in_editor
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QWidget

    font = QFont(window.font())
    font.setPointSize(15)
    window.setFont(font)
    editor = open_in_editor(window, example_project, "plugins/lock-toggle/lock-toggle.plugin.js")
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)  # Replace…
    bar = window.findChild(QWidget, "findBar")
    assert bar.isVisible()
    window.resize(895, 472)
    qtbot.waitUntil(lambda: window.width() == 895)
    for _ in range(3):
        qtbot.wait(1)  # the bar's rows are placed after the resize
    assert bar.find_edit.width() >= bar.find_edit.fontMetrics().horizontalAdvance("Replace with")
    assert bar.replace_edit.width() >= bar.replace_edit.fontMetrics().horizontalAdvance("Replace with")
    outside = [
        child.objectName() or child.text()
        for child in bar.findChildren(QWidget)
        if child.isVisible() and child.parentWidget() is bar and not bar.rect().contains(child.geometry())
    ]
    assert outside == []


def test_the_deploy_dialog_has_no_empty_rows_between_its_fields(qtbot, example_project: Path) -> None:
    """Under each field sat the row for its error, empty but taking a row's height and spacing:
    the fields stood a blank line apart, and at 15 pt the dialog was 597 px tall, more than a
    laptop at 150 % has (512). The error rows now take room only when they have something to say."""
    from PySide6.QtGui import QFont

    from designer.core.model import load
    from designer.gui.panes.deploy_dialog import DeployDialog

    dialog = DeployDialog(load(example_project))
    qtbot.addWidget(dialog)
    font = QFont(dialog.font())
    font.setPointSize(15)
    dialog.setFont(font)
    dialog.show()
    qtbot.waitExposed(dialog)
    fields = [dialog.node_edit, dialog.name_edit, dialog.description_edit, dialog.user_edit, dialog.password_edit]
    gaps = [below.y() - above.geometry().bottom() for above, below in zip(fields, fields[1:], strict=False)]
    assert max(gaps) < fields[0].height() / 2, gaps
    assert dialog.minimumSizeHint().height() <= 512 - 40
    dialog._field_error("name", "A customization with this name is not allowed here.")
    error = dialog.field_errors["name"]
    assert error.isVisible()
    assert dialog.name_edit.geometry().bottom() < error.y() < dialog.description_edit.y()


def test_the_new_branding_id_shows_whole_in_a_narrow_export_dock_at_a_large_font(qtbot, example_project: Path) -> None:
    """At 15 pt in the Export dock beside the editor on a laptop (about 500 px), "previous:
    1732492800000" took the row and left the new brandingID's box showing "077" of its 13
    digits: the number the admin checks before uploading. The box now keeps room for the whole
    number and "previous: …" goes under it when the row is too narrow for both."""
    from PySide6.QtGui import QFont

    from designer.core.model import load
    from designer.gui.panes.export_pane import ExportPane

    pane = ExportPane()
    font = QFont(pane.font())
    font.setPointSize(15)
    pane.setFont(font)
    pane.set_package(load(example_project))
    shown = __import__("conftest").shown(qtbot, pane, 498, 600)
    edit = shown.branding_edit
    assert len(edit.text()) == 13
    room = edit.contentsRect().width() - 8  # the box's own text margins
    assert edit.fontMetrics().horizontalAdvance(edit.text()) <= room
    previous = shown.previous_label
    assert previous.isVisible()
    assert shown.rect().contains(previous.mapTo(shown, previous.rect().bottomRight()))


def _export_dock_at_15_pt(qtbot, window, project: Path, width: int, height: int):
    """The Export dock of ``window`` at a 15 pt font, on ``project`` and ``width`` by ``height``
    px, once its layout has settled."""
    from PySide6.QtGui import QFont

    font = QFont(window.font())
    font.setPointSize(15)
    window.setFont(font)
    window.open_path(project)
    window.resize(width, height)
    window.export_action.trigger()
    pane = window.export_pane
    qtbot.waitUntil(lambda: pane.isVisible() and pane.width() > 0)
    for _ in range(3):
        qtbot.wait(1)  # the dock's layout settles after it opens
    return pane


def test_the_export_dock_scrolls_rather_than_cutting_text_on_a_short_screen(
    qtbot, window, example_project: Path
) -> None:
    """On a laptop at 150 % with a 15 pt font the Export dock is shorter than its contents: the
    introduction lost its last line and "previous: …" vanished under the next row. It now
    scrolls, every line whole."""
    from PySide6.QtWidgets import QLabel

    pane = _export_dock_at_15_pt(qtbot, window, example_project, 895, 472)
    cut = [
        label.text()[:40]
        for label in pane.findChildren(QLabel)
        if label.isVisible() and label.wordWrap() and label.height() < label.heightForWidth(label.width())
    ]
    assert cut == []
    previous = pane.previous_label
    edit = pane.branding_edit
    below_or_beside = previous.mapTo(pane, previous.rect().topLeft()).y() >= edit.mapTo(pane, edit.rect().topLeft()).y()
    assert below_or_beside and previous.height() >= previous.sizeHint().height()


def test_tab_from_the_tree_goes_to_the_first_welcome_button_not_its_scroll_area(qtbot, window) -> None:
    """The welcome page scrolls on a short screen; its scroll area is no Tab stop of its own (an
    invisible stop between the project tree and New project)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    window.tree.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.tree)
    qtbot.keyClick(window.tree, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.welcome.new_button


def test_the_built_in_icons_show_their_whole_names_at_a_large_font(qtbot) -> None:
    """The gallery's cells were 104 px wide at any font: at 15 pt the names the user picks by
    read "arrow-d…", "bookm…", "dtmf-ke…". The cells now grow with the font, the longest names
    on two lines."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QFont

    from designer.gui.panes.icon_sources import IconGalleryDialog

    dialog = IconGalleryDialog()
    font = QFont(dialog.font())
    font.setPointSize(15)
    dialog.setFont(font)
    shown_dialog = __import__("conftest").shown(qtbot, dialog, 620, 480)
    gallery = shown_dialog.list
    metrics = gallery.fontMetrics()
    cell = gallery.gridSize()
    room = QRect(0, 0, cell.width() - 8, 1000)
    wrap = Qt.TextFlag.TextWordWrap
    cut = [
        gallery.item(row).text()
        for row in range(gallery.count())
        if metrics.boundingRect(room, wrap, gallery.item(row).text()).width() > room.width()
        or metrics.boundingRect(room, wrap, gallery.item(row).text()).height() > 2 * metrics.lineSpacing()
    ]
    assert cut == []
    assert gallery.wordWrap()
    assert cell.height() >= 32 + 2 * metrics.lineSpacing()  # the picture and two lines of name
    assert cell.width() * 3 <= gallery.viewport().width(), "three columns or more in a 620 px gallery"


def test_the_export_dock_scrolls_only_when_it_cannot_fit(qtbot, window, example_project: Path) -> None:
    """In its scroll area the Export dock kept the "What changed" tabs at their full height, so a
    window 650 px tall at a 15 pt font (room for the dock with shorter tabs) showed a scroll bar
    and the bottom of the tabs out of sight. The tabs give up height first; the dock scrolls only
    below the height it needs."""
    from PySide6.QtWidgets import QScrollArea, QTabWidget

    pane = _export_dock_at_15_pt(qtbot, window, example_project, 1200, 650)
    scroll = window.findChild(QScrollArea, "exportScroll")
    assert not scroll.verticalScrollBar().isVisible()
    tabs = pane.findChild(QTabWidget)
    bottom = tabs.mapTo(scroll.viewport(), tabs.rect().bottomLeft()).y()
    assert bottom < scroll.viewport().height(), "the bottom of the tabs was out of sight"


MOVE = """
print('before', *shown())
{moved}.move(app.screens()[1].geometry().topLeft())
for _ in range(10):
    app.processEvents()
print('after', {widget}.devicePixelRatioF(), *shown())
"""


def _before_and_after_the_move(code: str, widget: str, tmp_path: Path, moved: str = "window") -> list[list[str]]:
    """``code`` (which defines ``shown()``) run on a 100 % screen with a 200 % one to its right,
    where ``moved`` is then moved: the words of its lines "before" and "after" (``widget``'s pixel
    ratio after the move, then what ``shown()`` gives)."""
    code += MOVE.format(moved=moved, widget=widget)
    return [line.split() for line in _at_scale("1", code, tmp_path, screen=(1600, 1000), second="2").splitlines()]


def test_the_icon_size_strip_is_drawn_again_for_a_screen_of_another_scale(tmp_path: Path) -> None:
    """Moved from a 100 % screen to a 200 % one, the window's 16-48 px strip, menu placements and
    sprite symbols kept their 100 % pictures, blown up and blurred: Qt tells a widget of the new
    pixel ratio in event(), never in changeEvent(), where the strip waited for it."""
    example = ROOT / "resources/examples/demo"
    project = tmp_path / "demo"
    code = OPEN_ICON.format(example=str(example), project=str(project)) + (
        "from designer.gui.panes.icon_editor import IconPreviewStrip\n"
        "strip = window.findChild(IconPreviewStrip)\n"
        "def shown():\n"
        "    return [label.pixmap().devicePixelRatio() for label in (*strip.swatches, strip.placements)]\n"
    )
    rows = _before_and_after_the_move(code, "strip", tmp_path)
    assert rows[0] == ["before", "1.0", "1.0", "1.0"]
    assert rows[1][:2] == ["after", "2.0"], "the window did not move to the 200 % screen"
    assert rows[1][2:] == ["2.0", "2.0", "2.0"], "the pictures were not drawn again for the 200 % screen"


def test_a_sprites_symbols_are_drawn_again_for_a_screen_of_another_scale(tmp_path: Path) -> None:
    """The symbol list of a sprite kept its 100 % pictures after the window moved to a 200 % screen."""
    example = ROOT / "resources/examples/demo"
    project = tmp_path / "demo"
    code = OPEN_ICON.format(example=str(example), project=str(project)).replace(
        "window = MainWindow()",
        f"sprite = Path({str(project)!r}) / 'webapp2/plugins/lock-toggle/sprite.svg'\n"
        'sprite.write_text(\'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><defs>\''
        ' \'<symbol id="a" viewBox="0 0 24 24"><rect width="20" height="20"/></symbol>\''
        ' \'<symbol id="b" viewBox="0 0 24 24"><circle cx="12" cy="12" r="9"/></symbol></defs></svg>\')\n'
        "window = MainWindow()",
    ).replace("plugins/lock-toggle/lock.svg", "plugins/lock-toggle/sprite.svg") + (
        "symbols = window.icon_pane.symbols\n"
        "def shown():\n"
        "    return [symbols.item(row).icon().availableSizes()[0].width() for row in range(symbols.count())]\n"
    )
    rows = _before_and_after_the_move(code, "symbols", tmp_path)
    assert rows[0] == ["before", "24", "24"]
    assert rows[1][:2] == ["after", "2.0"], "the window did not move to the 200 % screen"
    assert rows[1][2:] == ["48", "48"], "the symbols were not drawn again for the 200 % screen"


def test_the_find_bar_boxes_widen_with_a_wide_window(qtbot, window, example_project: Path) -> None:
    """With the bar's rows able to wrap, the Find and Replace boxes stayed at their 125 px hint
    in a wide window (they widened with it before); the room a row has to spare goes to them."""
    from conftest import open_in_editor
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWidget

    window.resize(1800, 800)
    qtbot.waitUntil(lambda: window.width() == 1800)
    editor = open_in_editor(window, example_project, "plugins/lock-toggle/lock-toggle.plugin.js")
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)  # Replace…
    bar = window.findChild(QWidget, "findBar")
    assert bar.isVisible()
    for _ in range(3):
        qtbot.wait(1)  # the bar's rows are placed after it shows
    hint = bar.find_edit.sizeHint().width()
    assert bar.find_edit.width() > 1.5 * hint and bar.replace_edit.width() > 1.5 * hint
    shown = [c for c in bar.findChildren(QWidget) if c.isVisible() and c.parentWidget() is bar]
    assert all(bar.rect().contains(c.geometry()) for c in shown)
    assert len({c.geometry().top() for c in shown if c in (bar.find_edit, bar.replace_edit)}) == 1  # one row
    rights = sorted(c.geometry().right() for c in shown)
    assert rights[-1] >= bar.width() - 12  # the row is filled to the bar's end


def test_the_menu_items_icons_are_drawn_at_the_size_shown(qtbot, window, example_project: Path) -> None:
    """The list of buttons and menu items drew each icon at 32 px and shrank it to the 24 px the
    list shows: thin lines went grey and blurred. It is drawn at the size shown, in the screen's pixels."""
    from PySide6.QtWidgets import QComboBox, QListWidget
    from test_editing import select_plugin

    window.open_path(example_project)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    select_plugin(window, qtbot, 1)  # meeting-info: one item, with info.svg#info
    items = window.findChild(QListWidget, "menuItemsList")
    shown = items.iconSize()
    assert shown.width() == 24
    dpr = items.devicePixelRatioF()
    drawn = [items.item(row).icon().availableSizes() for row in range(items.count())]
    assert drawn == [[shown * dpr]] * items.count(), drawn
    combo = window.findChild(QComboBox, "iconCombo")
    chosen = combo.itemIcon(combo.currentIndex())
    assert chosen.availableSizes() == [combo.iconSize() * dpr]


def test_the_menu_items_icons_are_drawn_again_for_a_screen_of_another_scale(tmp_path: Path) -> None:
    """Moved from a 100 % screen to a 200 % one, the list of buttons and menu items and its Icon
    box kept their 100 % pictures, blown up and blurred."""
    example = ROOT / "resources/examples/demo"
    project = tmp_path / "demo"
    code = OPEN_ICON.format(example=str(example), project=str(project)).replace(
        '("file", "plugins/lock-toggle/lock.svg")',
        '("plugin", 1)',  # meeting-info: info.svg#info
    ) + (
        "from PySide6.QtWidgets import QComboBox, QListWidget\n"
        "items = window.findChild(QListWidget, 'menuItemsList')\n"
        "combo = window.findChild(QComboBox, 'iconCombo')\n"
        "def shown():\n"
        "    icons = [items.item(row).icon() for row in range(items.count())]\n"
        "    icons.append(combo.itemIcon(combo.currentIndex()))\n"
        "    return [icon.availableSizes()[0].width() for icon in icons]\n"
    )
    rows = _before_and_after_the_move(code, "items", tmp_path)
    assert rows[0] == ["before", "24", "24"]
    assert rows[1][:2] == ["after", "2.0"], "the window did not move to the 200 % screen"
    assert rows[1][2:] == ["48", "48"], "the icons were not drawn again for the 200 % screen"


def test_the_built_in_icons_are_drawn_again_for_a_screen_of_another_scale(tmp_path: Path) -> None:
    """Moved from a 100 % screen to a 200 % one, the built-in icons gallery kept its 100 %
    pictures, blown up and blurred: the very pictures the user picks an icon by."""
    code = (
        "from PySide6.QtWidgets import QApplication\n"
        "from designer.gui.panes.icon_sources import IconGalleryDialog\n"
        "app = QApplication([])\n"
        "dialog = IconGalleryDialog()\n"
        "dialog.show()\n"
        "for _ in range(10):\n"
        "    app.processEvents()\n"
        "gallery = dialog.list\n"
        "def shown():\n"
        "    return sorted({gallery.item(r).icon().availableSizes()[0].width() for r in range(gallery.count())})\n"
    )
    rows = _before_and_after_the_move(code, "gallery", tmp_path, moved="dialog")
    assert rows[0] == ["before", "32"]
    assert rows[1][:2] == ["after", "2.0"], "the dialog did not move to the 200 % screen"
    assert rows[1][2:] == ["64"], "the icons were not drawn again for the 200 % screen"


def test_the_export_dock_cannot_be_dragged_narrower_than_its_rows(qtbot, window, example_project: Path) -> None:
    """The Export dock could be dragged down to 68 px: its page then scrolled sideways with every
    row cut on the right ("previous: 17324928…", half of Deploy…). It stops at the width its
    rows need and scrolls up and down only."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton, QScrollArea

    window.open_path(example_project)
    window.resize(1000, 800)
    window.export_action.trigger()
    pane = window.export_pane
    qtbot.waitUntil(lambda: pane.isVisible() and pane.width() > 0)
    window.resizeDocks([window.export_dock], [120], Qt.Orientation.Horizontal)  # as a drag to the right would
    qtbot.waitUntil(lambda: window.export_dock.width() < 400)
    for _ in range(3):
        qtbot.wait(1)
    scroll = window.findChild(QScrollArea, "exportScroll")
    assert not scroll.horizontalScrollBar().isVisible()
    assert pane.width() >= pane.minimumSizeHint().width()
    viewport = scroll.viewport().rect()
    for widget in [pane.previous_label, *pane.findChildren(QPushButton)]:
        if widget.isVisible():
            right = widget.mapTo(scroll.viewport(), widget.rect().topRight())
            assert viewport.contains(right), f"{widget.objectName() or widget.text()} cut on the right"


def test_the_export_dock_at_a_large_font_leaves_the_window_on_a_small_screen(
    tmp_path: Path, example_project: Path
) -> None:
    """1024 x 600 at 150 % is 683 x 400 logical pixels. With a 15 pt font the Export page needs
    463 px; the dock that would not be narrower than its page made the window 703 px wide, off
    the screen. It gives up width there (two fifths of the screen at most) and scrolls sideways."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from designer.gui.main_window import MainWindow\n"
        "app = QApplication([])\n"
        "font = QApplication.font()\n"
        "font.setPointSize(15)\n"
        "QApplication.setFont(font)\n"
        "window = MainWindow()\n"
        "window.remembers_projects = False\n"
        "window.show()\n"
        f"window.open_path(Path({str(example_project)!r}))\n"
        "window.export_action.trigger()\n"
        "for _ in range(20):\n"
        "    app.processEvents()\n"
        "room = app.primaryScreen().availableGeometry()\n"
        "print(room.width(), window.minimumSizeHint().width(), window.export_pane.minimumSizeHint().width())\n"
    )
    screen, least, page = (int(n) for n in _at_scale("1.5", code, tmp_path, screen=(1024, 600)).split())
    assert screen == 683 and page > 683 * 2 // 5, "the page no longer needs more than the dock may take"
    assert least <= screen - 16, f"the window needs {least} px, more than the {screen} the screen has"


def test_the_problem_codes_show_whole_at_a_large_font(qtbot, window, example_project: Path) -> None:
    """At 16 pt the Code column stayed 64 px wide: "PD523" showed as "PD52" cut off at its edge,
    and the header's "Code" too. The column is now as wide as a code and its header need."""
    from PySide6.QtGui import QFont

    source = example_project / "webapp2" / "plugins" / "lock-toggle" / "lock-toggle.plugin.js"
    source.write_text(source.read_text(encoding="utf-8") + "\nfoo(;\n", encoding="utf-8")
    font = QFont(window.font())
    font.setPointSize(16)
    window.setFont(font)
    window.resize(1280, 800)
    window.open_path(example_project)
    view = window.problems_view
    qtbot.waitUntil(lambda: any(True for _ in view.problem_items()))
    assert not view.isColumnHidden(2)
    margin = 2 * view.style().pixelMetric(view.style().PixelMetric.PM_FocusFrameHMargin, None, view) + 2
    for row in view.problem_items():
        code = row.text(2)
        assert code.startswith("PD")
        assert view.fontMetrics().horizontalAdvance(code) + margin <= view.columnWidth(2), (code, view.columnWidth(2))
    assert view.header().sectionSizeHint(2) <= view.columnWidth(2)


def test_the_menu_row_previews_fit_their_captions_at_a_large_font(qtbot) -> None:
    """The icon editor's conference and participant menu rows were drawn in a picture of a fixed
    470 x 56 px: with a 16 pt font "Participant menu · Alice" was cut to "Participant menu · Alic"
    and the captions' tops were cut by their 14 px row. The picture now grows with the font."""
    from PySide6.QtGui import QFont, QFontMetrics
    from PySide6.QtWidgets import QApplication

    from designer.gui.panes.icon_editor import IconPreviewStrip

    before = QApplication.font()
    font = QFont(before)
    font.setPointSize(16)
    QApplication.setFont(font)  # as a desktop set to large text gives it
    try:
        strip = __import__("conftest").shown(qtbot, IconPreviewStrip(), 900, 120)
        strip.show_icon(
            b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><rect width="9" height="9"/></svg>'
        )
        pix = strip.placements.pixmap()
        width, height = pix.width() / pix.devicePixelRatio(), pix.height() / pix.devicePixelRatio()
        small = QFont(font)
        small.setPointSizeF(font.pointSizeF() * 0.8)
        caption = QFontMetrics(small)
        # The toolbar button and the conference menu's row (274 px at the usual font), then the
        # participant menu's row with its whole caption; under the captions, rows with room for a label.
        assert width >= 274 + caption.horizontalAdvance("Participant menu · Alice"), width
        assert height >= caption.height() + QFontMetrics(font).height() + 16, height
    finally:
        QApplication.setFont(before)
