"""The icon editor: a canvas beside the SVG's XML, with the icon's id, its users and a preview.

Why the id sits at the top: the vendor's icon rule (``file.svg#id`` must name an id in the
file) fails silently in the field — the button simply has no picture. The pane shows which
menu items use which id, warns before a drawing step would remove one, renames ids together
with every reference in one undoable step, and offers to add a missing id.

The XML view is the window's own source editor, lent to this pane while an SVG is on show, so
typing in the XML goes through the same undo and check machinery as any other file.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QColor, QFont, QFontMetrics, QIcon, QKeySequence, QPainter, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QColorDialog,
    QDoubleSpinBox,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...core.model import BrandingPackage
from ...core.svgedit import format_number
from ...core.svgimport import is_valid_id
from ...core.wording import counted
from ..commands import ModelEditor
from ..flow_toolbar import WrappingToolBar
from ..focus_ring import ring_focus
from ..icon_canvas import TOOLS, IconCanvas
from ..icon_render import render_icon
from ..menu_button import MenuButton
from ..tones import box_style
from ..undo_keys import UndoKeysToWindow, window_undo_menu
from .icon_sources import IconAdder, owning_plugin
from .menu_items_editor import RUNTIME_LABEL

__all__ = ["IconEditorPane", "IconPreviewStrip"]

SIZES = (16, 24, 32, 48)
BACKGROUNDS = (("Light", "#f3f4f6", "#1f2937"), ("Dark", "#1f2430", "#f5f5f5"))
PAINTS = {"none": "&No colour", "currentColor": "&App colour (the app recolours it)"}  # (menu items)
# What a screen reader says of the canvas while nothing is selected (see _show_selection_info).
CANVAS_KEYS_SAID = (
    "Tab and Shift+Tab select a shape, the arrow keys move it (Shift: 4 cells), Delete deletes it, "
    "Ctrl+A selects all, Enter draws with the tool, Ctrl+= and Ctrl+- zoom, Ctrl+0 shows the whole icon, "
    "Ctrl+Tab leaves the canvas"
)
UNWRITTEN_PAINT = {"fill": "black", "stroke": "none"}  # SVG's paint where neither a shape nor its parents write one
# What the keys do, under the canvas while it has the keyboard and nothing is selected.
KEYS_HINT = "Tab: select a shape · Enter: draw with the tool · Ctrl+Tab: leave"
# Logical px the canvas column (canvas, zoom row, selection line) keeps before the preview
# strip folds away: about a 24 px icon drawn four times over, with its controls.
MIN_CANVAS = 200
KEYS_HINT_EMPTY = "Enter: draw with the tool (R, E, L, P, T) · Ctrl+Tab: leave"


class IconPreviewStrip(QWidget):
    """The icon at 16/24/32/48 px on light and dark, and as each menu placement shows it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("iconPreview")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.swatches: list[QLabel] = []
        for name, bg, _fg in BACKGROUNDS:
            label = QLabel(objectName=f"preview{name}")
            label.setToolTip(f"On a {name.lower()} background at {', '.join(map(str, SIZES))} px")
            label.setStyleSheet(f"background: {bg}; border-radius: 6px; padding: 6px;")
            layout.addWidget(label)
            self.swatches.append(label)
        self.placements = QLabel(objectName="previewPlacements")
        self.placements.setToolTip("How the app shows the icon: toolbar button, conference menu, participant menu")
        layout.addWidget(self.placements)
        layout.addStretch(1)
        self._shown: tuple[bytes | None, str, str] | None = None

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # The captions above the menu rows are drawn in the theme's text colour and the font: redraw
        # them when either changes, or they stay in the old one's.
        shown = getattr(self, "_shown", None)  # None while __init__ runs
        if (
            event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange, QEvent.Type.FontChange)
            and shown
        ):
            self.show_icon(*shown)
        super().changeEvent(event)

    def event(self, event: QEvent) -> bool:
        # The same when the window moves to a screen of another scale: the pictures are drawn for
        # the pixels of the screen they are on. (Qt says so here only, never in changeEvent.)
        if event.type() == QEvent.Type.DevicePixelRatioChange and (shown := getattr(self, "_shown", None)):
            self.show_icon(*shown)
        return super().event(event)

    def show_icon(self, data: bytes | None, element_id: str = "", label: str = "") -> None:
        self._shown = (data, element_id, label)
        for swatch, (_name, bg, fg) in zip(self.swatches, BACKGROUNDS, strict=True):
            swatch.setPixmap(self._sizes(data, element_id, bg, fg, self.devicePixelRatioF()))
        self.placements.setPixmap(self._placements(data, element_id, label or "Menu item"))

    @staticmethod
    def _sizes(data: bytes | None, element_id: str, bg: str, fg: str, dpr: float = 1.0) -> QPixmap:
        gap = 10
        width = sum(SIZES) + gap * (len(SIZES) - 1)
        pix = QPixmap(round(width * dpr), round(max(SIZES) * dpr))
        pix.setDevicePixelRatio(dpr)
        pix.fill(QColor(bg))
        painter = QPainter(pix)
        x = 0
        for size in SIZES:
            if data:
                painter.drawPixmap(x, (max(SIZES) - size) // 2, render_icon(data, element_id, fg, size, dpr))
            x += size + gap
        painter.end()
        return pix

    def _placements(self, data: bytes | None, element_id: str, label: str) -> QPixmap:
        """The three placements: a round toolbar button on the dark call toolbar, a row of the
        conference menu and a row of a participant's menu (beside the participant's name).

        Sized by the font (at the usual one 470 x 56 px): in a picture of that fixed size a 16 pt
        font cut "Participant menu · Alice" short and the captions' tops off."""
        dpr = self.devicePixelRatioF()
        normal = QFont(self.font())
        small = QFont(normal)
        small.setPointSizeF(small.pointSizeF() * 0.8)
        captions = ("Conference menu", "Participant menu · Alice")
        row_width = max(192, *(QFontMetrics(small).horizontalAdvance(c) + 4 for c in captions))
        row_top = max(16, QFontMetrics(small).height() + 2)
        row_height = max(36, QFontMetrics(normal).height() + 16)
        columns = (74, 74 + row_width + 8)
        pix = QPixmap(round((columns[1] + row_width + 4) * dpr), round(max(56, row_top + row_height) * dpr))
        pix.setDevicePixelRatio(dpr)
        pix.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pix)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#2a2f3a"))
        painter.drawRoundedRect(0, 4, 64, 48, 10, 10)
        painter.setBrush(QColor("#3d4452"))
        painter.drawEllipse(12, 8, 40, 40)
        if data:
            painter.drawPixmap(20, 16, render_icon(data, element_id, "#ffffff", 24, dpr))
        for x, caption in zip(columns, captions, strict=True):
            painter.setFont(small)
            painter.setPen(self.palette().text().color())
            painter.drawText(x + 2, 0, row_width - 2, row_top - 2, Qt.AlignmentFlag.AlignVCenter, caption)
            painter.setFont(normal)
            painter.setBrush(QColor("#ffffff"))
            painter.setPen(QColor("#d0d4da"))
            painter.drawRoundedRect(x, row_top, row_width, row_height, 4, 4)
            if data:
                painter.drawPixmap(
                    x + 10, row_top + (row_height - 20) // 2, render_icon(data, element_id, "#1f2937", 20, dpr)
                )
            painter.setPen(QColor("#1f2937"))
            painter.drawText(x + 38, row_top, row_width - 42, row_height, Qt.AlignmentFlag.AlignVCenter, label)
        painter.end()
        return pix


def _swatch(paint: str) -> QIcon:
    """A colour chip; the app's colour is shown in the text colour of the current theme."""
    pix = QPixmap(16, 16)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor("#888888"))
    if paint == "none":
        painter.setBrush(QColor("#ffffff"))
        painter.drawRect(1, 1, 13, 13)
        painter.setPen(QColor("#d33"))
        painter.drawLine(2, 13, 13, 2)
    else:
        painter.setBrush(QApplication.palette().text().color() if paint == "currentColor" else QColor(paint))
        painter.drawRect(1, 1, 13, 13)
    painter.end()
    return QIcon(pix)


def ids_in_tree(root: Any) -> frozenset[str]:
    """Every ``id`` in the lxml tree ``root`` (see :meth:`IconEditorPane._ids_in`)."""
    return frozenset(i for e in root.iter() if isinstance(e.tag, str) and (i := e.get("id")) is not None)


class IconEditorPane(QWidget):
    """objectName ``iconEditor``; :meth:`show_file` puts an SVG of the package on show."""

    sig_open_file = Signal(str)  # a file was added (new, built-in or imported icon): show it

    def __init__(self, editor_of: Callable[[], ModelEditor | None], parent: QWidget | None = None) -> None:
        """``editor_of``: the window's current editor (it changes when another package opens)."""
        super().__init__(parent)
        self.setObjectName("iconEditor")
        self.setAcceptDrops(True)
        self.editor: ModelEditor | None = None
        self.rel = ""
        self.read_only = False
        self._symbol = ""  # the sprite symbol the preview shows
        self._symbols_of: str | None = None  # the text the symbol list was made from
        self._ids_of: tuple[str, frozenset[str]] | None = None  # (the text on show, its ids): see _ids_in
        self._sprite = False  # the file on show is a sprite: Rename id… renames the symbol on show
        # The text before XML typing whose cut-out copies wait for its undo step (see _follow_cut_outs).
        self._follow_base: str | None = None
        self._canvas_editing = False  # while the canvas's own edit goes into the model
        self._built = False  # until the end of __init__ (Qt may send change events before)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 0)
        head = QHBoxLayout()
        self.title = QLabel(objectName="iconTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)  # it quotes names the user chose
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.title.setFont(font)
        head.addWidget(self.title)
        self.id_label = QLabel(objectName="iconIdLabel")
        self.id_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        head.addWidget(self.id_label)
        self.rename_button = QPushButton("Rename id…", objectName="renameIdButton")
        self.rename_button.setToolTip("Give the icon another id and update every menu item that uses it")
        self.rename_button.clicked.connect(lambda: self.rename_id())  # not clicked's bool as the id
        head.addWidget(self.rename_button)
        self.add_id_button = QPushButton(objectName="addIdButton")
        self.add_id_button.clicked.connect(self.add_id)
        head.addWidget(self.add_id_button)
        head.addStretch(1)
        self.adder = IconAdder(self, editor_of)
        self.adder.sig_added.connect(self.sig_open_file)
        # One menu button, not three: the header must fit beside the tree on a laptop screen.
        self.add_icon_button = MenuButton("Add icon ▾", "addIconMenuButton")
        self.add_icon_button.setToolTip(
            "Add another icon to this plugin: draw one, pick a built-in one or import an SVG"
        )
        add_menu = QMenu(self.add_icon_button)
        for text, name, slot in (
            ("&New icon…", "newIconAction", lambda: self.adder.new_icon(self._plugin_index())),
            ("&Built-in icons…", "builtinIconsAction", lambda: self.adder.builtin_icon(self._plugin_index())),
            ("&Import SVG…", "importSvgAction", lambda: self.adder.import_svg(self._plugin_index())),
        ):
            action = add_menu.addAction(text)
            action.setObjectName(name)
            action.triggered.connect(slot)
        self.add_icon_button.setMenu(add_menu)
        head.addWidget(self.add_icon_button)
        outer.addLayout(head)
        self.users = QLabel(objectName="iconUsers", wordWrap=True)
        self.users.setTextFormat(Qt.TextFormat.RichText)
        outer.addWidget(self.users)
        self.banner = QLabel(objectName="iconBanner", wordWrap=True)
        self.banner.setStyleSheet(box_style("note", self.palette()))
        self.banner.hide()
        outer.addWidget(self.banner)

        self.canvas = IconCanvas()
        self.canvas.setAccessibleName("Icon canvas")
        self.canvas.setAccessibleDescription(CANVAS_KEYS_SAID)
        self.canvas.sig_changed.connect(self._canvas_changed)
        self.canvas.sig_selection.connect(self._selection_changed)
        self.canvas.sig_needs_text.connect(self._ask_for_text)
        self.canvas.sig_said.connect(lambda text: self.selection_info.setText(text))  # (made below)
        self.canvas.sig_sizing.connect(self._show_sizing)
        self.canvas.confirm_remove = self._confirm_remove
        self.toolbar = self._build_toolbar()
        outer.addWidget(self.toolbar)

        self.split = QSplitter(Qt.Orientation.Horizontal, objectName="iconSplit")
        self.canvas_column = self._canvas_column()
        self.split.addWidget(self.canvas_column)
        self.xml_holder = QWidget(objectName="iconXmlHolder")
        QVBoxLayout(self.xml_holder).setContentsMargins(0, 0, 0, 0)
        self.split.addWidget(self.xml_holder)
        self.split.setSizes([420, 460])
        # The preview strip under a handle: on a short screen (a laptop at 150 % with a large
        # font) the strip's fixed height left the canvas some 30 px. It folds away when the
        # canvas would be too short (see resizeEvent) and the handle brings it back.
        self.vsplit = QSplitter(Qt.Orientation.Vertical, objectName="iconPreviewSplit", childrenCollapsible=True)
        self.vsplit.addWidget(self.split)
        self.vsplit.setCollapsible(0, False)
        self.strip_holder = QWidget(objectName="iconPreviewHolder")
        self.vsplit.addWidget(self.strip_holder)
        self.vsplit.setStretchFactor(0, 1)
        self.vsplit.setStretchFactor(1, 0)
        self.vsplit.splitterMoved.connect(self._strip_moved)
        self._strip_sized_by_user = False
        self.vsplit.handle(1).setToolTip("Drag to show or hide the icon's previews at 16-48 px and in the menus")
        outer.addWidget(self.vsplit, 1)

        bottom = QHBoxLayout(self.strip_holder)
        bottom.setContentsMargins(0, 0, 0, 0)
        self.preview = IconPreviewStrip()
        # Scrolls sideways when the window is narrow, instead of forcing the window wider.
        strip = QScrollArea(objectName="iconPreviewScroll", widgetResizable=True)
        strip.setFrameShape(QFrame.Shape.NoFrame)
        strip.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # pictures only: a Tab stop there showed nothing
        strip.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        strip.setWidget(self.preview)
        strip.setMinimumHeight(72 + strip.horizontalScrollBar().sizeHint().height())
        bottom.addWidget(strip, 1)
        self.symbols = QListWidget(objectName="symbolList")
        self.symbols.setToolTip("This file is a sprite: each symbol is an icon of its own (file.svg#symbol)")
        self.symbols.setAccessibleName("Symbols of the sprite")  # (a screen reader read "list" alone)
        self.symbols.setIconSize(QSize(24, 24))
        self.symbols.setMaximumHeight(90)
        self.symbols.currentItemChanged.connect(self._symbol_chosen)
        self.symbols.hide()
        bottom.addWidget(self.symbols)
        # Tab stops (the toolbar's, the zoom buttons, the header's): the one with the keyboard
        # must stand out, and Fusion's own mark for it was faint (see focus_ring).
        ring_focus(self.findChildren(QToolButton), self)
        self._built = True

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_strip()

    def _fit_strip(self) -> None:
        """Fold the preview strip away while the canvas would be shorter than ``MIN_CANVAS``
        (and unfold it when there is room), until the user moves the handle: then their size
        stays. Why: the canvas is what the page is for; the strip only shows it again smaller.
        A sprite's strip never folds: it holds the symbol list, and the canvas draws nothing."""
        if self._strip_sized_by_user:
            return
        # From its height, not its sizes(): those are the splitter's own until it gets its resize
        # event, which comes later for a pane not yet on show (the first SVG opened in a window
        # whose Problems dock was folded unfolded the strip on a 56 px canvas).
        total = self.vsplit.height() - self.vsplit.handleWidth()
        strip = self.strip_holder.sizeHint().height()
        if total - strip - self.vsplit.handleWidth() < MIN_CANVAS and not self._sprite:
            self.vsplit.setSizes([total, 0])
        else:
            self.vsplit.setSizes([total - strip, strip])

    def _strip_moved(self, _pos: int, _index: int) -> None:
        self._strip_sized_by_user = True

    @property
    def strip_folded(self) -> bool:
        """The preview strip is folded away (a short window): its handle is at the bottom."""
        return self.vsplit.sizes()[1] == 0

    def tab_regions(self) -> tuple[QWidget, ...]:
        """The page's parts in the order Tab visits them (see :mod:`~designer.gui.tab_regions`):
        the canvas, its toolbar, the controls under it (snap, zoom), the header's buttons, a
        sprite's symbols, and the XML view last.

        Why not the order the widgets were made in: the XML view is the window's source editor,
        made before this page, so it came first, and the canvas only after the header and the
        toolbar. The canvas is what a non-developer came to the page for; the XML comes last.
        """
        return (
            self.canvas,
            self.toolbar,
            self.canvas_column,
            self.rename_button,
            self.add_id_button,
            self.add_icon_button,
            self.symbols,
            self.xml_holder,
        )

    # -- toolbar ------------------------------------------------------------------------------------
    def _build_toolbar(self) -> WrappingToolBar:
        # It wraps onto a second row in a narrow window (see WrappingToolBar for why not QToolBar).
        bar = WrappingToolBar(objectName="iconToolbar")
        group = QActionGroup(self)
        self.tool_actions: dict[str, QAction] = {}
        labels = {"select": "Select", "rect": "Rectangle", "ellipse": "Circle", "line": "Line", "path": "Path"}
        labels["text"] = "Text"
        keys = {"select": "V", "rect": "R", "ellipse": "E", "line": "L", "path": "P", "text": "T"}
        for tool, tip in TOOLS.items():
            action = QAction(labels[tool], self, checkable=True, objectName=f"tool_{tool}")
            action.setToolTip(f"{tip} ({keys[tool]})")
            action.setShortcut(QKeySequence(keys[tool]))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.canvas.addAction(action)
            action.triggered.connect(lambda _on=False, t=tool: self.set_tool(t))
            group.addAction(action)
            bar.addAction(action)
            self.tool_actions[tool] = action
        self.tool_actions["select"].setChecked(True)
        self.text_edit = QLineEdit("A", objectName="iconTextEdit")
        self.text_edit.setMaximumWidth(90)
        self.text_edit.setAccessibleName("Text for the Text tool")
        self.text_edit.setToolTip("The text the Text tool places (or of the selected text)")
        self.text_edit.textEdited.connect(self._text_edited)
        bar.addWidget(self.text_edit)
        bar.addSeparator()
        self.fill_button = self._paint_button("Fill", "fill")
        self.stroke_button = self._paint_button("Stroke", "stroke")
        bar.addWidget(self.fill_button)
        bar.addWidget(self.stroke_button)
        self.width_spin = QDoubleSpinBox(objectName="strokeWidthSpin", decimals=1, singleStep=0.5)
        self.width_spin.setRange(0, 12)
        self.width_spin.setValue(self.canvas.stroke_width)
        self.width_spin.setToolTip("Stroke width (in grid units)")
        self.width_spin.setAccessibleName("Stroke width")
        self.width_spin.setKeyboardTracking(False)
        self._undo_keys = UndoKeysToWindow(self)  # Ctrl+Z there did nothing once a width was taken
        self.width_spin.installEventFilter(self._undo_keys)
        # The same for the selected text's field: its own undo put the old text back behind the
        # window's back (the window's step went, with nothing to redo) and then did nothing.
        self.text_edit.installEventFilter(self._undo_keys)
        self.text_edit.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)  # (its Undo too)
        self.text_edit.customContextMenuRequested.connect(self._text_menu)
        self.width_spin.valueChanged.connect(
            lambda v: self.canvas.set_paint({"stroke-width": f"{v:g}"}) if not self._loading else None
        )
        bar.addWidget(self.width_spin)
        bar.addSeparator()
        self.edit_actions: dict[str, QAction] = {}
        for key, text, tip, shortcut, slot in (
            ("delete", "Delete", "Delete the selected shapes (Del)", "", self.canvas.delete_selected),
            (
                "forward",
                "Forward",
                "Bring the selected shape forward (Ctrl+])",
                "Ctrl+]",
                lambda: self.canvas.restack_selected(1),
            ),
            (
                "backward",
                "Backward",
                "Send the selected shape backward (Ctrl+[)",
                "Ctrl+[",
                lambda: self.canvas.restack_selected(-1),
            ),
        ):
            action = QAction(text, self, objectName=f"icon_{key}Action", toolTip=tip)
            if shortcut:  # keys of the canvas, where the shapes they act on are selected
                action.setShortcut(QKeySequence(shortcut))
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
                self.canvas.addAction(action)
            action.triggered.connect(slot)
            action.setEnabled(False)
            bar.addAction(action)
            self.edit_actions[key] = action
        # Qt makes a toolbar's buttons with no keyboard focus, so a keyboard user could not reach
        # the tools or Delete. Tab reaches them now; a click still leaves the keyboard on the
        # canvas (TabFocus, not StrongFocus), where the tools' letters and the arrows work.
        names = {tool: f"{labels[tool]} tool" for tool in self.tool_actions}
        names |= {"delete": "Delete the selected shapes", "forward": "Bring forward", "backward": "Send backward"}
        for key, action in (*self.tool_actions.items(), *self.edit_actions.items()):
            button = bar.widgetForAction(action)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.setAccessibleName(names[key])  # its tooltip, with the key, is its description
        self._loading = False
        return bar

    def _canvas_column(self) -> QWidget:
        """The canvas with its view controls below it: snapping, zoom, where the pointer is."""
        column = QWidget()
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.canvas, 1)
        row = QHBoxLayout()
        self.snap_check = QCheckBox("Snap to grid", objectName="snapCheck", checked=True)
        self.snap_check.setToolTip("Points land on the icon's 24×24 grid, so lines stay crisp at small sizes")
        self.snap_check.toggled.connect(lambda on: setattr(self.canvas, "snap", on))
        row.addWidget(self.snap_check)
        row.addStretch(1)
        # The selection in words (or, with nothing selected, the keys), on a line of its own so
        # the canvas above keeps its size when it changes.
        self.selection_info = QLabel(objectName="selectionInfo")
        self.selection_info.setTextFormat(Qt.TextFormat.PlainText)
        self.selection_info.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # never widens
        self.canvas.sig_focus.connect(lambda _on: self._show_selection_info())
        self.position = QLabel(objectName="pointerPosition")
        self.canvas.sig_pointer.connect(
            lambda p: self.position.setText(f"x {p.x():g}  y {p.y():g}" if p is not None else "")
        )
        row.addWidget(self.position)
        # The row's spacing is the column's 2 px: "y 298.67" ran into "100%" as one number.
        row.addSpacing(self.position.fontMetrics().horizontalAdvance("  ") * 2)
        # How large the icon is shown, beside the buttons that change it: the keys (Ctrl+=) and
        # the wheel change it with no button pressed, and the view alone did not say by how much.
        self.zoom_level = QLabel(objectName="zoomLevel")
        self.zoom_level.setToolTip("How large the canvas shows the icon: at 100% the whole icon fits (Fit, Ctrl+0)")
        self.canvas.sig_zoom.connect(self._show_zoom)
        self._show_zoom(self.canvas.zoom_level)
        row.addWidget(self.zoom_level)
        for text, name, tip, slot in (
            ("−", "zoomOutButton", "Zoom out (Ctrl+-, or Ctrl+wheel)", lambda: self.canvas.zoom(-1)),
            ("+", "zoomInButton", "Zoom in (Ctrl+=, or Ctrl+wheel)", lambda: self.canvas.zoom(1)),
            ("Fit", "zoomFitButton", "Show the whole icon (Ctrl+0)", self.canvas.fit),
        ):
            button = QToolButton(objectName=name, text=text, toolTip=tip, autoRaise=True)
            button.setAccessibleName(tip.split(" (")[0])  # "−" alone is read as "minus"
            button.clicked.connect(slot)
            row.addWidget(button)
        layout.addLayout(row)
        layout.addWidget(self.selection_info)
        return column

    def _show_zoom(self, zoom: float) -> None:
        self.zoom_level.setText(f"{round(zoom * 100)}%")
        self.zoom_level.setAccessibleName(f"Zoom {self.zoom_level.text()}")  # not "125%" alone

    def _paint_button(self, text: str, attr: str) -> QToolButton:
        button = MenuButton(f"{text} ▾", f"{attr}Button")
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        menu = QMenu(button)
        for paint, label in PAINTS.items():
            action = menu.addAction(_swatch(paint), label)
            action.setObjectName(f"{attr}_{paint}")
            action.setData(paint)
            action.triggered.connect(lambda _on=False, p=paint: self.set_paint(attr, p))
        custom = menu.addAction("&Other colour…")
        custom.setObjectName(f"{attr}_custom")
        custom.triggered.connect(lambda: self._pick_colour(attr))
        button.setMenu(menu)
        button.setIcon(_swatch(getattr(self.canvas, attr)))
        button.setToolTip(f"{text} colour of the selected shape and of new shapes")
        return button

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """A new theme (View ▸ Appearance): draw again what is a picture in the theme's colours.

        Why: the "App colour" chips (the Fill and Stroke buttons and their menus) and the sprite's
        symbol pictures are drawn in the theme's text colour; as pictures they would keep the
        old theme's. (The menu buttons themselves follow the palette: see :class:`~designer.gui.menu_button.MenuButton`.)
        """
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange) and self._built:
            self._restyle()
        super().changeEvent(event)

    def _restyle(self) -> None:
        self.banner.setStyleSheet(box_style("note", self.palette()))
        for button in (self.fill_button, self.stroke_button):
            for action in button.menu().actions():
                if action.data():
                    action.setIcon(_swatch(action.data()))
        self._show_paint()
        self._redraw_symbols()  # the symbols' pictures are drawn in the text colour too

    def event(self, event: QEvent) -> bool:
        # The window moved to a screen of another scale: the symbols' pictures are drawn for the
        # pixels of the screen they are on. (Qt says so here only, never in changeEvent.)
        if event.type() == QEvent.Type.DevicePixelRatioChange and self._built:
            self._redraw_symbols()
        return super().event(event)

    def _redraw_symbols(self) -> None:
        if self._symbols_of is not None and self.canvas.doc is not None:
            self._symbols_of = None
            self._show_symbols(self.canvas.doc)

    def set_tool(self, tool: str) -> None:
        self.tool_actions[tool].setChecked(True)
        self.canvas.set_tool(tool)
        self.text_edit.setReadOnly(False)  # the next text to place (see _selection_changed)

    def set_paint(self, attr: str, paint: str) -> None:
        """Fill or stroke colour: of the selection (one undo step) and of the next shapes."""
        self.canvas.set_paint({attr: paint})
        self._show_paint()

    def _show_paint(self) -> None:
        """Show the canvas's paint for new shapes in the Fill and Stroke buttons and the width box.

        The toolbar shows one paint, and it is always the one the next shape gets: there is no
        second set of values behind it (see :meth:`_selection_changed` for how a selected shape
        comes in). The width box rounds to one decimal and stops at its range, so its value is
        taken back as the width for new shapes.
        """
        self.fill_button.setIcon(_swatch(self.canvas.fill))
        self.stroke_button.setIcon(_swatch(self.canvas.stroke))
        self._loading = True
        try:
            self.width_spin.setValue(self.canvas.stroke_width)
        finally:
            self._loading = False
        self.canvas.stroke_width = self.width_spin.value()

    def _pick_colour(self, attr: str) -> None:
        current = getattr(self.canvas, attr)
        colour = QColorDialog.getColor(QColor(current if current.startswith("#") else "#202124"), self)
        if colour.isValid():
            self.set_paint(attr, colour.name())

    def _text_menu(self, pos: QPoint) -> None:
        """The text field's right-click menu: Undo and Redo are the window's, as Ctrl+Z is there, but
        for text typed for the Text tool's next shape (not handed on yet, see :meth:`_text_edited`)."""
        if self.editor is not None:
            window_undo_menu(self.text_edit, self.editor.undo_stack, pos, own=self.text_edit.isModified())

    def _text_edited(self, text: str) -> None:
        self.canvas.text_content = text
        shape = self.canvas.selected
        # With the Text tool the field holds the next text to place; with Select it edits the selected one.
        editable = not self.text_edit.isReadOnly()
        if self.canvas.tool == "select" and shape is not None and shape.tag == "text" and text.strip() and editable:
            self.canvas._commit(
                f"Change text in {self.rel.rsplit('/', 1)[-1]}",
                lambda doc: doc.set_text(shape.path, text),
                merge_key=f"text/{shape.path}",  # typing a word is one undo step
            )
            # Handed on as a step of the window: Ctrl+Z here is the window's (see UndoKeysToWindow).
            # Text typed for the Text tool's next shape stays the field's own to undo until placed.
            self.text_edit.setModified(False)

    # -- showing a file -------------------------------------------------------------------------
    def show_file(self, editor: ModelEditor, rel: str, read_only: bool) -> None:
        self.editor = editor
        if rel != self.rel:
            self.canvas.forget()  # nothing of the last file (drawing, selection, half-drawn path) stays
            self._follow_base = None
            self._symbol = ""
            self._symbols_of = None
        self.rel = rel
        self.read_only = read_only
        self.canvas.read_only = read_only
        self.canvas.file_label = rel.rsplit("/", 1)[-1]
        self.add_icon_button.setEnabled(not read_only and self._plugin_index() is not None)
        self.refresh()

    def _update_tools(self, sprite: bool) -> None:
        """Drawing tools work on a readable, writable drawing (not on a sprite's symbols)."""
        usable = not self.read_only and self.canvas.doc is not None and not sprite
        for w in (*self.tool_actions.values(), self.fill_button, self.stroke_button, self.width_spin, self.text_edit):
            w.setEnabled(usable)
        if not usable and self.canvas.tool != "select":
            self.set_tool("select")

    def attach_xml(self, widget: QWidget) -> None:
        """Lend the window's source editor to this pane (it shows the SVG's XML)."""
        if widget.parent() is not self.xml_holder:
            self.xml_holder.layout().addWidget(widget)
        widget.show()

    @property
    def package(self) -> BrandingPackage:
        assert self.editor is not None
        return self.editor.package

    def _plugin_index(self) -> int | None:
        return owning_plugin(self.package, self.rel) if self.editor is not None and self.rel else None

    def _text(self) -> str | None:
        try:
            return self.package.read_editable_text(self.rel)
        except (OSError, KeyError, UnicodeDecodeError):
            return None

    def refresh(self) -> None:
        """Show the model's text of the file: canvas, id, users, preview, warnings."""
        if self.editor is None or not self.rel:
            return
        text = self._text()
        if text is None or not self.package.exists(self.rel):
            return  # the file was removed (an undo): the window shows something else
        # (an empty file is the text a forgotten canvas holds: read all the same, to say it is empty)
        unread = self.canvas.doc is None and self.canvas.error is None
        if text != self.canvas.text or unread:
            if self._follow_cut_outs(text):
                return  # (shown already: the amended text refreshed the pane)
            self.canvas.set_text(text)
        doc = self.canvas.doc
        name = self.rel.rsplit("/", 1)[-1]
        self.title.setText(name)
        root_id = doc.root_id if doc is not None else None
        symbols = doc.symbols() if doc is not None else []
        sprite = bool(symbols) and not self.canvas.shapes  # symbols only: its root draws nothing
        self._sprite = sprite
        self.add_id_button.setVisible(doc is not None and not root_id and not sprite and not self.read_only)
        if doc is not None and not root_id:
            self.add_id_button.setText(f"Add id '{self._suggested_id()}'")
        refs = self._references()  # once per refresh: it reads every plugin's package
        self._show_users(doc, refs, sprite)
        self._show_symbols(doc)
        data = text.encode("utf-8", "surrogateescape")
        if sprite and not self._symbol:
            # The symbol a menu item uses, if any: the first one drew under that item's label.
            self._symbol = next((r.icon_id for r in refs if r.icon_id in symbols), symbols[0])
            self.symbols.blockSignals(True)
            self.symbols.setCurrentItem(self._symbol_item(self._symbol))
            self.symbols.blockSignals(False)
        label = self._label_of(refs, self._symbol if sprite else None)
        self.preview.show_icon(data if doc is not None else None, self._symbol, label)
        self._show_id()
        self._update_rename()
        self._fit_strip()
        self._update_tools(sprite)
        self._update_edit_actions()
        self._show_selection_info()  # a moved shape has new coordinates
        self._show_selected_text()

    def _follow_cut_outs(self, text: str) -> bool:
        """When ``text`` is the XML typed over the drawing on show and it changed a shape that a
        cut-out mask holds a copy of, make the copy again in the same undo step (see
        :func:`~designer.core.svgedit.follow_cut_outs`); True when it did.

        Why: the canvas's edits take a white detail's hole along; typed in the XML, the knob moved
        and its hole stayed, and the saved icon showed a hole with nothing in it.
        """
        from ...core.svgedit import follow_cut_outs

        # (the drawing before the typing that still waits for its copies, else the one on show)
        before = self._follow_base or self.canvas.text
        self._follow_base = None
        if self._canvas_editing or self.read_only or self.editor is None or self.canvas.doc is None or not before:
            return False
        followed = follow_cut_outs(before, text)
        if followed is None:
            return False
        if self.editor.amend_typing(self.rel, text, followed):
            return True
        # The first keystroke of a run (or a paste) is shown while its step is being pushed, before
        # the stack holds it: amended once the push is done, drawn meanwhile as typed. Until then
        # the copies are followed from the drawing before it (a next keystroke may come first).
        self._follow_base = before
        QTimer.singleShot(0, self, self._follow_typed)
        return False

    def _follow_typed(self) -> None:
        """The copies :meth:`_follow_cut_outs` could not make while the typing's step was pushed."""
        from ...core.svgedit import follow_cut_outs

        before, text = self._follow_base, self._text()
        if before is None or text is None or self.editor is None or self.read_only:
            return
        followed = follow_cut_outs(before, text)
        if followed is not None and self.editor.amend_typing(self.rel, text, followed):
            self._follow_base = None

    def _show_selected_text(self) -> None:
        """The text field shows the selected text as the file now has it. Why: it was filled only
        when a text was picked, so after Ctrl+Z it still showed the words just taken back."""
        shape, doc = self.canvas.selected, self.canvas.doc
        if shape is None or doc is None or shape.tag != "text" or self.canvas.tool != "select":
            return
        words = "".join(doc.element(shape.path).itertext())
        if words != self.text_edit.text():
            self._loading = True
            try:
                self.text_edit.setText(words)
            finally:
                self._loading = False

    def _references(self) -> list:
        from ...core.iconrefs import icon_references

        return icon_references(self.package, self.rel)

    def _ids_in(self, doc) -> frozenset[str]:
        """The ids of ``doc`` (the canvas's document of the text on show), found once per text
        (kept by the text, not the document: an old drawing's tree is not kept alive for it).

        Why: the file is shown again after every edit's checks (the tree is refilled), and a
        traced drawing of 50,000 shapes with an id each took a quarter of a second to list them
        each time; by lxml's ``//@id`` (strings that each keep their element) twice as long.
        """
        if self._ids_of is None or self._ids_of[0] != self.canvas.text:
            self._ids_of = (self.canvas.text, ids_in_tree(doc.root))
        return self._ids_of[1]

    def _show_users(self, doc, refs: list, sprite: bool) -> None:
        from ...core.iconrefs import source_icon_references

        notes = []
        if doc is None:
            e = self.canvas.error
            self.users.setText("")
            self.banner.setText(
                f"The XML has an error at line {e.line}, column {e.column}: {html.escape(str(e))}.<br>"
                "The drawing shows the last readable version and cannot be changed until the XML is fixed "
                "(or undone)."
            )
            self.banner.show()
            return
        ids = self._ids_in(doc)
        plugins = self.package.plugins
        what = {"toolbar": "Toolbar button", "conference": "Conference menu", "participants": "Participant menu"}
        lines, missing, used = [], [], set()  # used: ids of this file that something uses
        for ref in refs:
            # (a label left to the plugin in the form's words, and not in quotes, as if it were typed)
            label = ref.label or RUNTIME_LABEL
            owner = html.escape(plugins[ref.plugin_index].display_name)
            shown = f"“{html.escape(label)}”" if ref.label else html.escape(label)
            line = f"{what.get(ref.section, ref.section)} {shown} of {owner}"
            ok = ref.icon_id in ids
            lines.append(f"{line} → <code>#{html.escape(ref.icon_id)}</code>" + ("" if ok else " <b>(missing)</b>"))
            if ok:
                used.add(ref.icon_id)
            else:
                missing.append((f"The menu item “{html.escape(label)}”", ref.icon_id))
        for sref in source_icon_references(self.package, self.rel):
            where = f"the code of {html.escape(plugins[sref.plugin_index].display_name)} (line {sref.line})"
            ok = sref.icon_id in ids
            lines.append(f"{where} → <code>#{html.escape(sref.icon_id)}</code>" + ("" if ok else " <b>(missing)</b>"))
            if ok:
                used.add(sref.icon_id)
            else:
                missing.append((where[0].upper() + where[1:], sref.icon_id))
        self.users.setText(
            "Used by: " + "; ".join(lines)
            if lines
            else "No menu item uses this icon yet: pick it in a plugin's “Buttons and menu items”."
        )
        for who, icon_id in missing:
            notes.append(
                f"{who} uses <code>#{html.escape(icon_id)}</code>, which is not in this file any more: "
                "its button will have no picture. Undo, or rename the id back."
            )
        if sprite:
            notes.append(
                "This file is a sprite: each symbol below is an icon of its own (<code>file.svg#symbol</code>). "
                "Pick one to preview it; its drawing is edited in the XML."
            )
        elif not doc.root_id:
            # Symbols (or other parts) with an id of their own are usable as file.svg#id: "no menu
            # item can use it" was said of a file whose #lock the plugin's code used.
            parts = [i for i in doc.symbols() if i] or sorted(used)
            notes.append(
                "This icon has no id, so no menu item can use it. Click “Add id” above."
                if not parts
                else "This file has no id of its own: menu items can use only its parts that have one ("
                + ", ".join(f"<code>#{html.escape(i)}</code>" for i in parts[:3])
                + (", …" if len(parts) > 3 else "")
                + "). To use the whole drawing, click “Add id” above."
            )
        self.banner.setText("<br>".join(notes))
        self.banner.setVisible(bool(notes))

    def _show_symbols(self, doc) -> None:
        """A sprite's symbols with their pictures and titles; rebuilt only when the text changed
        (each picture is a render of its own)."""
        from ...core.svgimport import SvgImportError, svg_symbols

        if doc is None or self._symbols_of == self.canvas.text:
            return
        self._symbols_of = self.canvas.text
        data = self.canvas.text.encode("utf-8", "surrogateescape")
        try:
            symbols = svg_symbols(data) if doc.symbols() else []
        except SvgImportError:
            symbols = []
        from ...core.svgedit import symbol_svgs

        drawings = symbol_svgs(data) if symbols else {}  # one reading; unchanged ones are cached
        self.symbols.blockSignals(True)
        self.symbols.clear()
        colour = self.palette().text().color().name()
        for sym in symbols:
            picture = (
                render_icon(drawings[sym.id], "", colour, 24, self.devicePixelRatioF())
                if sym.id in drawings
                else QPixmap()
            )
            item = QListWidgetItem(QIcon(picture), sym.id)
            use = f"use it as {self.rel.rsplit('/', 1)[-1]}#{sym.id}"
            item.setToolTip(f"{sym.title}: {use}" if sym.title else use)
            item.setData(Qt.ItemDataRole.UserRole, sym.id)
            self.symbols.addItem(item)
            if sym.id == self._symbol:
                self.symbols.setCurrentItem(item)
        self.symbols.blockSignals(False)
        self.symbols.setVisible(bool(symbols))
        if self._symbol not in {s.id for s in symbols}:
            self._symbol = ""

    def _symbol_item(self, symbol: str) -> QListWidgetItem | None:
        for row in range(self.symbols.count()):
            if self.symbols.item(row).data(Qt.ItemDataRole.UserRole) == symbol:
                return self.symbols.item(row)
        return None

    @staticmethod
    def _label_of(refs: list, symbol: str | None) -> str:
        """The label the menu rows of the preview show: a sprite's symbol is shown with the label
        of an item using that symbol (another item's label would claim it shows this picture)."""
        return next((r.label for r in refs if r.label and (symbol is None or r.icon_id == symbol)), "")

    def _symbol_chosen(self, item: QListWidgetItem | None, _prev=None) -> None:
        self._symbol = item.data(Qt.ItemDataRole.UserRole) if item is not None else ""
        data = (self.canvas.text or "").encode("utf-8", "surrogateescape")
        label = self._label_of(self._references(), self._symbol) if self.editor is not None and self.rel else ""
        self.preview.show_icon(data, self._symbol, label)
        self._show_id()
        self._update_rename()

    def _show_id(self) -> None:
        """The id a menu item names to show what is on show. In a sprite that is the symbol's
        (``file.svg#symbol``): the root's "no id" said the picture could not be used."""
        doc = self.canvas.doc
        if doc is None:
            self.id_label.setText("")
        elif self._sprite:
            symbol = html.escape(self._symbol)
            self.id_label.setText(f"symbol <code>{symbol}</code> of the sprite" if symbol else "<i>sprite</i>")
        else:
            root_id = doc.root_id
            self.id_label.setText(f"id <code>{html.escape(root_id)}</code>" if root_id else "<i>no id</i>")

    def _rename_target(self) -> str | None:
        """The id Rename id… renames: a sprite's symbol on show, else the root's id."""
        doc = self.canvas.doc
        if doc is None:
            return None
        return self._symbol or None if self._sprite else doc.root_id

    def _update_rename(self) -> None:
        """A sprite's symbols are icons of their own: Rename id… renames the one on show (it could
        only be done in the XML, where the menu items and the code using it were left behind)."""
        target = self._rename_target()
        self.rename_button.setEnabled(bool(target) and not self.read_only)
        if self._sprite:
            self.rename_button.setText("Rename symbol id…")
            self.rename_button.setToolTip(
                f"Give the symbol '{target}' another id and update every menu item and code that uses it"
            )
        else:
            self.rename_button.setText("Rename id…")
            self.rename_button.setToolTip("Give the icon another id and update every menu item that uses it")

    def _selection_changed(self, shape) -> None:
        """A shape picked with the Select tool lends its paint to the toolbar, and so to new shapes.

        The rule: the Fill and Stroke buttons and the width box show exactly what the next shape
        drawn gets. Picking a shape with the Select tool takes over the fill, stroke and width
        written on it (as far as the toolbar can show them: a gradient, say, is not taken), so
        the toolbar shows the shape's paint and the next shape looks like it; Escape or a click
        on empty canvas leave the toolbar as it is, and it is still true. Changing a paint with
        shapes selected changes them and the next shapes alike (several selected shapes give
        nothing back: they may differ). A shape selected because it
        was just drawn gives nothing back (a text takes its colour from the stroke when there is
        no fill, and that must not become the next rectangle's fill).
        """
        self._update_edit_actions()
        self._show_selection_info()
        self.text_edit.setReadOnly(False)
        if shape is None or self.canvas.doc is None or self.canvas.tool != "select":
            return
        doc = self.canvas.doc
        if shape.tag == "text":
            self._loading = True
            try:
                self.text_edit.setText("".join(doc.element(shape.path).itertext()))
            finally:
                self._loading = False
            # Lines or styled parts (Inkscape's tspans): one line typed here would replace them all.
            self.text_edit.setReadOnly(doc.text_run(shape.path) is None)
        # A <style> rule (how Illustrator paints) beats what the <svg> or a group writes: in such
        # a file only what is written on the shape itself is sure.
        styled = next(doc.root.iter("{*}style", "style"), None) is not None
        for attr in ("fill", "stroke"):
            # The paint it is drawn with: written on it, else on the <svg> or a group around it
            # (the hand's fingers write none), else SVG's own (black fill, no stroke). Not SVG's
            # own for a group or a copy: their parts may paint themselves otherwise.
            paint = doc.paint_of(shape.path, attr, inherited=not styled)
            if not paint and not styled and shape.tag not in ("g", "use", "image"):
                paint = UNWRITTEN_PAINT[attr]
            if paint and (paint in PAINTS or QColor.isValidColorName(paint)):
                setattr(self.canvas, attr, paint)
        try:
            width = (
                float(doc.paint_of(shape.path, "stroke-width", inherited=not styled) or "nan") / self.canvas.grid_unit
            )
        except ValueError:
            width = math.nan
        if self.width_spin.minimum() <= width <= self.width_spin.maximum():
            self.canvas.stroke_width = width
        self._show_paint()

    def _ask_for_text(self) -> None:
        """The Text tool with an empty text field: say so, and put the keyboard in that field."""
        self.text_edit.setFocus(Qt.FocusReason.OtherFocusReason)  # (first: leaving the canvas clears the line)
        self.text_edit.selectAll()
        self.selection_info.setText("Type the text to place in the field beside the Text tool first.")

    def _show_selection_info(self) -> None:
        text = self.canvas.describe_selection()
        shape, doc = self.canvas.selected, self.canvas.doc
        if shape is not None and shape.tag == "text" and doc is not None and doc.text_run(shape.path) is None:
            text += " · its words are in several lines or styles: change them in the XML"
        # The line under the canvas is read by no screen reader while the keyboard is on the canvas:
        # the canvas's description says the selection too (a screen reader reads out each change).
        self.canvas.setAccessibleDescription(text or CANVAS_KEYS_SAID)
        if not text and self.canvas.hasFocus():
            text = KEYS_HINT if self.canvas.selectable() else KEYS_HINT_EMPTY
        self.selection_info.setText(text)

    def _show_sizing(self, size) -> None:
        """While a resize handle is dragged, the line under the canvas says the size it makes."""
        if size is None:
            self._show_selection_info()
            return
        n = lambda v: format_number(round(v, 2))  # noqa: E731 - a local shorthand
        self.selection_info.setText(f"Resize to {n(size.width())} × {n(size.height())}")

    def _update_edit_actions(self) -> None:
        writable = not self.read_only
        self.edit_actions["delete"].setEnabled(bool(self.canvas.selection) and writable)
        for key in ("forward", "backward"):  # one shape's place among the others
            self.edit_actions[key].setEnabled(self.canvas.selected is not None and writable)

    # -- edits ------------------------------------------------------------------------------------
    def _canvas_changed(self, undo_text: str, text: str, merge_key: str) -> None:
        if self.editor is None or self.read_only:
            return
        # (the canvas's edits make their copies themselves: not parsed again to follow them, which
        # an arrow key on a big traced drawing would pay for)
        self._canvas_editing = True
        try:
            self.editor.edit_text(undo_text, self.rel, text, f"icon/{self.rel}/{merge_key}" if merge_key else None)
        finally:
            self._canvas_editing = False

    def _confirm_remove(self, ids: list[str], after: str) -> bool:
        """Before shapes carrying ids go: ask when a menu item, the code or what is left of the
        file (``after``, the text the delete leaves) uses one.

        Every id in use is named in the one question: a Delete of several shapes (Ctrl+A) named
        only the first, and the buttons using the others lost their pictures without a word.
        """
        from ...core.iconrefs import id_uses

        data = after.encode("utf-8", "surrogateescape")
        used = [(i, uses) for i in ids if (uses := id_uses(self.package, self.rel, i, data))]
        if not used:
            return True
        if len(used) == 1:
            icon_id, uses = used[0]
            title = "Delete a shape that is in use?"
            text = (
                f"This shape carries the id '{icon_id}', which is used by {', '.join(uses)}. "
                "Without it that button or drawing loses its picture.\n\nDelete it anyway? (Undo brings it back.)"
            )
        else:
            title = "Delete shapes that are in use?"
            text = (
                "These shapes carry ids that are in use:\n\n"
                + "\n".join(f"• '{icon_id}', used by {', '.join(uses)}" for icon_id, uses in used)
                + "\n\nWithout them those buttons or drawings lose their pictures.\n\n"
                "Delete them anyway? (Undo brings them back.)"
            )
        return QMessageBox.question(self, title, text) == QMessageBox.StandardButton.Yes

    def _suggested_id(self) -> str:
        """The id from the file name, or with -2, -3, ... when a part of the drawing has it: two
        elements with one id make url(#id) find the <svg> itself, and a clipped shape loses its clip."""
        from ...core.svgimport import derive_icon_id

        wanted = derive_icon_id(Path(self.rel).name)
        taken = set(self.canvas.doc.root.xpath("//@id")) if self.canvas.doc is not None else set()
        candidate, n = wanted, 1
        while candidate in taken:
            n += 1
            candidate = f"{wanted}-{n}"
        return candidate

    def add_id(self) -> None:
        """Give the root element the id derived from the file name, so references can use it."""
        if self.canvas.doc is None:
            return
        new_id = self._suggested_id()
        self.canvas._commit(f"Add id '{new_id}' to {self.canvas.file_label}", lambda doc: doc.set_root_id(new_id))

    def rename_id(self, new_id: str | None = None) -> None:
        """Rename the icon's id (a sprite's: the symbol on show) and every reference to it, as one
        undoable step."""
        from ...core.iconrefs import rename_icon_id

        doc = self.canvas.doc
        old = self._rename_target()
        if doc is None or not old or self.editor is None or self.read_only:
            return
        if new_id is None:
            new_id, ok = QInputDialog.getText(self, "Rename icon id", f"New id for '{old}':", text=old)
            if not ok:
                return
        new_id = new_id.strip()
        if not new_id or new_id == old:
            return
        if not is_valid_id(new_id):
            QMessageBox.warning(
                self,
                "Cannot rename the id",
                f"'{new_id}' cannot be an id: use letters, digits, '-', '_' or '.', starting with a letter or '_'.",
            )
            return
        if new_id in set(doc.root.xpath("//@id")):
            QMessageBox.warning(self, "Cannot rename the id", f"{self.canvas.file_label} already has an id '{new_id}'.")
            return
        from ...core.iconrefs import source_icon_references

        n = sum(1 for r in self._references() if r.icon_id == old)
        n_code = len(source_icon_references(self.package, self.rel, old))
        rel = self.rel
        parts = [counted(n, "menu item")] if n else []
        parts += [f"{counted(n_code, 'place')} in the code"] if n_code else []
        # ("… to 'picture' and 1 menu item" read as if the menu item were renamed 'picture' too)
        refs = f", also in {' and '.join(parts)}" if parts else ""
        if self._sprite:
            self._symbol = new_id  # the renamed symbol stays on show
        self.editor.edit(
            f"Rename icon id '{old}' to '{new_id}'{refs}", lambda pkg: rename_icon_id(pkg, rel, old, new_id)
        )
        if self._sprite and self.canvas.doc is not None and new_id not in self.canvas.doc.symbols():
            self._symbol = old  # not renamed after all (the edit said why)
            self.refresh()

    # -- drag and drop ------------------------------------------------------------------------------
    def _dropped_svgs(self, event) -> list[Path]:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        return [Path(u.toLocalFile()) for u in urls if u.isLocalFile() and u.toLocalFile().lower().endswith(".svg")]

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self._dropped_svgs(event) and not self.read_only and self._plugin_index() is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt's name
        paths = self._dropped_svgs(event)
        index = self._plugin_index()
        if not paths or index is None:
            event.ignore()
            return
        event.acceptProposedAction()
        # Imported once the drop is over, as the window does with what is dropped on it: the
        # import's question asked inside the drop left the file manager the SVG came from frozen
        # (on Windows) while it was on show, its drop not answered.
        QTimer.singleShot(0, self, lambda: self._import_dropped(index, paths))

    def _import_dropped(self, index: int, paths: list[Path]) -> None:
        for path in paths:
            self.adder.import_svg(index, path)
