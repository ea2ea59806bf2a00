"""The icon editor's canvas: the SVG drawn by Qt, with tools to draw, select and move shapes.

Why the canvas never keeps its own shapes: the SVG text is the only truth. Every tool turns a
mouse gesture into one :class:`~designer.core.svgedit.SvgDocument` operation and hands the new
text to the pane (``sig_changed``), which pushes it through the window's undo stack; the canvas
then redraws from the model's text like every other view. So the XML view, undo/redo and the
canvas can never disagree.

What Qt draws is never the text itself but :func:`~designer.gui.icon_render.renderable_tree` of
it, a sanitised copy: a hostile icon must not pull the user's files into the view.

Scene coordinates are the SVG's user units (the viewBox), so a point under the mouse is a point
in the file, and the grid is the icon's 24×24 grid whatever the viewBox's size.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QEvent, QMimeData, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPainterPath,
    QPen,
    QTransform,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsView,
    QWidget,
)

from ..core.svgedit import Matrix, Shape, SvgDocument, SvgEditError, format_number, paint_of_element, xml_text
from .icon_render import remember_drawing, renderable_tree
from .tones import ring_colour
from .viewports import viewport_of

__all__ = ["TOOLS", "IconCanvas"]

TOOLS = {
    "select": "Select and move",
    "rect": "Rectangle",
    "ellipse": "Circle / ellipse",
    "line": "Line",
    "path": "Path (click points; double-click or Enter ends, click the first point to close)",
    "text": "Text",
}
GRID_CELLS = 24
BIG_NUDGE = 4  # grid cells a Shift+arrow moves the selection
FOCUS_RING = 3  # pixels
PLACED_CELLS = 8  # how many grid cells across a shape placed with Enter is
RESTACKS_KEPT = 20  # restacks whose undo and redo keep the restacked shape selected
_TEMP_ID = "__pd_shape_"
SVG_MIME = "image/svg+xml"  # what the canvas puts on the clipboard (with the same text as plain text)


class _SvgItem(QGraphicsItem):
    """Draws the current SVG into its viewBox."""

    def __init__(self, canvas: IconCanvas) -> None:
        super().__init__()
        self.canvas = canvas

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self.canvas.view_rect

    def paint(self, painter: QPainter, _option, _widget=None) -> None:
        renderer = self.canvas.renderer
        if renderer.isValid() and not self.canvas.blank:
            renderer.render(painter, self.canvas.view_rect)


SELECTION_BLUE = QColor("#1a73e8")
SELECTION_HALO = QColor("#ffffff")


class _SelectionMarks(QGraphicsItem):
    """A frame around each selected shape; moved as one while a drag is previewed.

    Why two colours: the frame lies on the white page, on the icon's ink (black, or any colour)
    and, for a shape at the page's edge, on the window around the page (dark in dark mode). A
    blue line alone vanished on black ink and dark windows; a blue line between two white
    edges shows on all of them. It is drawn a few pixels outside the shape's box, in pixels
    whatever the zoom, so it does not hide the shape's own edge.
    """

    OUTSET = 3  # pixels between the shape's box and the frame's middle
    WIDTH = 2  # the blue line's width in pixels; the white edges add a pixel each side
    HANDLE = 8  # a resize handle's side in pixels

    def __init__(self) -> None:
        super().__init__()
        self.rects: list[QRectF] = []
        self.unit = 1.0  # scene units per pixel (the view's zoom)
        self.handles = False  # whether the resize handles are drawn (the Select tool, an editable file)

    def set_rects(self, rects: list[QRectF]) -> None:
        self.prepareGeometryChange()
        self.rects = rects
        self.update()

    def set_zoom(self, pixels_per_unit: float) -> None:
        self.prepareGeometryChange()
        self.unit = 1 / pixels_per_unit if pixels_per_unit > 0 else 1.0

    def show_handles(self, shown: bool) -> None:
        if shown != self.handles:
            self.handles = shown
            self.update()

    def box(self) -> QRectF:
        """The box around the whole selection: what its resize handles resize."""
        out = QRectF()
        for rect in self.rects:
            out = out.united(rect) if not out.isNull() else QRectF(rect)
        return out

    def handle_points(self) -> dict[str, QPointF]:
        """Where each resize handle's middle is (scene units), by name: ``tl`` … ``l`` (corners and
        edges), on the frame a few pixels outside the box, so a handle never hides a small shape."""
        if not self.rects:
            return {}
        o = self.OUTSET * self.unit
        box = self.box().adjusted(-o, -o, o, o)
        xs = {"l": box.left(), "": box.center().x(), "r": box.right()}
        ys = {"t": box.top(), "": box.center().y(), "b": box.bottom()}
        return {y + x: QPointF(xs[x], ys[y]) for y in ys for x in xs if x or y}

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        reach = (self.OUTSET + max(self.WIDTH, self.HANDLE) + 2) * self.unit
        out = QRectF()
        for rect in self.rects:
            out = out.united(rect.adjusted(-reach, -reach, reach, reach))
        return out

    def paint(self, painter: QPainter, _option, _widget=None) -> None:
        o = self.OUTSET * self.unit
        halo = QPen(SELECTION_HALO, self.WIDTH + 2)
        line = QPen(SELECTION_BLUE, self.WIDTH)
        for pen in (halo, line):
            pen.setCosmetic(True)  # widths in pixels at any zoom
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for pen in (halo, line):
            painter.setPen(pen)
            for rect in self.rects:
                painter.drawRect(rect.adjusted(-o, -o, o, o))
        if self.handles and len(self.rects) > 1:
            # Several shapes: a thin dashed box around them all, which their handles resize
            # (the handles alone floated in the air between the frames).
            around = QPen(SELECTION_BLUE, 1, Qt.PenStyle.DashLine)
            around.setCosmetic(True)
            painter.setPen(around)
            painter.drawRect(self.box().adjusted(-o, -o, o, o))
        if self.handles:
            # White squares edged in blue, a fixed size in pixels: the places a drag resizes from.
            side = self.HANDLE * self.unit
            edge = QPen(SELECTION_BLUE, 1)
            edge.setCosmetic(True)
            painter.setPen(edge)
            painter.setBrush(SELECTION_HALO)
            for point in self.handle_points().values():
                painter.drawRect(QRectF(point.x() - side / 2, point.y() - side / 2, side, side))


class IconCanvas(QGraphicsView):
    """objectName ``iconCanvas``. Set the text with :meth:`set_text`; edits arrive as ``sig_changed``."""

    #: Listed by Help ▸ Keyboard Shortcuts (see SourcePane.KEYS_HELP): the keys :meth:`event` and
    #: :meth:`keyPressEvent` handle themselves were in no list, so the canvas seemed mouse-only.
    KEYS_HELP = (
        ("Select the next shape", "Tab"),
        ("Select the previous shape", "Shift+Tab"),
        ("Select every shape", "Ctrl+A"),
        (f"Move the selection a grid cell (with Shift: {BIG_NUDGE})", "Left, Right, Up, Down"),
        ("Delete the selection", "Del"),
        ("Draw the tool's shape in the middle (a path: end it)", "Enter"),
        ("Cancel the drag, else deselect", "Esc"),
        ("Leave the canvas (Tab selects a shape)", "Ctrl+Tab"),
        ("Leave the canvas backwards", "Ctrl+Shift+Tab"),
    )

    # The SVG text goes as an object: PySide's str conversion (through QString) drops a leading
    # byte order mark, and an icon saved with one must keep it.
    sig_changed = Signal(str, object, str)  # undo text, new SVG text, merge key ("" = a step of its own)
    sig_selection = Signal(object)  # the selected Shape; None when none or several are selected
    sig_pointer = Signal(object)  # the (snapped) point under the mouse in SVG units, or None when it leaves
    sig_focus = Signal(bool)  # the keyboard came to the canvas (True) or left it
    sig_needs_text = Signal()  # the Text tool was used with no text to place
    sig_zoom = Signal(float)  # the zoom changed; 1.0: the whole icon fits the canvas (see zoom_level)
    sig_said = Signal(str)  # a word for the line under the canvas (why a paste did nothing)
    sig_sizing = Signal(object)  # a resize handle's drag: the size it makes (a QSizeF), None when it ends

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("iconCanvas")
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setScene(QGraphicsScene(self))
        # Files dropped on the drawing go to the editor around it, which imports SVGs: the view
        # took them for its scene, where nothing takes a file, and showed the no-entry cursor.
        self.setAcceptDrops(False)
        viewport_of(self).setAcceptDrops(False)
        self.renderer = QSvgRenderer(self)
        self.view_rect = QRectF(0, 0, 24, 24)
        self.text = ""
        self.blank = True  # nothing drawn yet for the file on show (see forget)
        self.doc: SvgDocument | None = None
        self.error: SvgEditError | None = None
        self.read_only = False
        self.tool = "select"
        self.snap = True
        self.fill = "none"
        self.stroke = "currentColor"
        self.stroke_width = 2.0
        self.text_content = "A"
        self.file_label = "the icon"
        # Asked before a shape that holds these ids is deleted; the pane knows which are referenced.
        # Asked before shapes carrying ids go: (their ids, the text the delete leaves) → go ahead?
        self.confirm_remove: Callable[[list[str], str], bool] = lambda _ids, _after: True
        self.shapes: list[tuple[Shape, QRectF, QTransform]] = []  # shape, scene bounds, parent transform
        # (text before, text after, shapes moved) while a move made by this canvas is shown (see _kept_bounds)
        self._moved_only: tuple[str, str, tuple[Shape, ...]] | None = None
        self._names: dict[tuple[int, ...], str] = {}  # shape path -> its id in the renderer's copy
        self.selection: tuple[Shape, ...] = ()  # in document order
        # The last restacks and duplicates made here, each (text before, the shapes' paths there),
        # (text after, their paths there: the restacked shape's, the copies')
        self._restacked: list[
            tuple[tuple[str, tuple[tuple[int, ...], ...]], tuple[str, tuple[tuple[int, ...], ...]]]
        ] = []
        # The last paste: (what was pasted, how many cells on, the text before it, the text it made)
        self._pasted: tuple[str, int, str, str] | None = None
        self._item = _SvgItem(self)
        self.scene().addItem(self._item)
        self._selection = _SelectionMarks()
        self._selection.setZValue(10)
        self.scene().addItem(self._selection)
        self._draft: QGraphicsItem | None = None
        self._press: QPointF | None = None  # where the current drag started (snapped)
        self._moved = QPointF()
        # Where (viewport pixels) the press of a move began: the move starts once the pointer has
        # gone the system's drag distance, so a click that slips a pixel does not move a shape.
        self._press_at: QPoint | None = None
        self._narrow_to: Shape | None = None  # clicked in a selection of several: the one it keeps if not dragged
        # A rubber band dragged from an empty place: where it began, the selection it adds to
        # (Shift: the one before it; else none) and the shape a click there (no drag) selects, the
        # one whose box it is in (see _hit). None when no band is being dragged.
        self._band: tuple[QPointF, tuple[tuple[int, ...], ...], Shape | None] | None = None
        self._band_item: QGraphicsRectItem | None = None
        self._resize: _Resize | None = None  # a resize handle's drag
        self._points: list[QPointF] = []  # the path tool's clicks so far
        self._zoom = 1.0
        # The zoom keys of drawing programs and browsers, for the keyboard as Ctrl+wheel is for
        # the mouse. Keys of the canvas alone (WidgetShortcut): the XML view beside it has its
        # own Ctrl+= and Ctrl+- for its text size, and a key two actions share at once would
        # do neither (Qt only warns of an ambiguous shortcut).
        # Each has its words: Help ▸ Keyboard Shortcuts lists it by them (a row of keys alone
        # said nothing of what they do).
        for name, text, keys, slot in (
            ("zoomInAction", "Zoom in", ("Ctrl+=", "Ctrl++"), lambda: self.zoom(1)),
            ("zoomOutAction", "Zoom out", ("Ctrl+-",), lambda: self.zoom(-1)),
            ("zoomFitAction", "Show the whole icon", ("Ctrl+0",), self.fit),
        ):
            action = QAction(text, self, objectName=name)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
        # The clipboard keys of drawing programs, of the canvas alone as the zoom's are: the XML
        # view beside it copies its text with them, and the project tree's Ctrl+D duplicates a plugin.
        for name, text, key, slot in (
            ("copyShapesAction", "Copy the selected shapes", QKeySequence.StandardKey.Copy, self.copy_selected),
            ("cutShapesAction", "Cut the selected shapes", QKeySequence.StandardKey.Cut, self.cut_selected),
            ("pasteShapesAction", "Paste shapes (one grid cell on)", QKeySequence.StandardKey.Paste, self.paste),
            ("duplicateShapesAction", "Duplicate the selected shapes", QKeySequence("Ctrl+D"), self.duplicate_selected),
        ):
            action = QAction(text, self, objectName=name)
            action.setShortcuts(QKeySequence.keyBindings(key) if isinstance(key, QKeySequence.StandardKey) else [key])
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(slot)
            self.addAction(action)

    # -- content --------------------------------------------------------------------------------
    def set_text(self, text: str) -> None:
        """Show ``text``; when it is not a readable SVG the last good drawing stays, dimmed."""
        self.text = text
        try:
            doc = SvgDocument(text, fidelity=False)  # shown; edits make their own (see _commit)
        except SvgEditError as exc:
            self.error = exc
            self.doc = None
            self.shapes = []
            self._select(None)
            viewport_of(self).update()
            return
        self.error = None
        self.doc = doc
        x, y, w, h = doc.view_box()
        fit = self.view_rect != QRectF(x, y, w, h)
        self._item.prepareGeometryChange()  # before the rect changes, so the scene drops the old one
        self.view_rect = QRectF(x, y, w, h)
        self.blank = False
        self.scene().setSceneRect(self.view_rect.adjusted(-w * 0.1, -h * 0.1, w * 0.1, h * 0.1))
        self._load(doc)
        if fit:
            self.fit()
        self.select_paths(self._paths_kept([s.path for s in self.selection], text))
        viewport_of(self).update()

    def _load(self, doc: SvgDocument) -> None:
        """Give every shape without an id of its own a temporary one (in a copy) so Qt can report its bounds.

        An id the file uses twice (PD421) is not one of its own: Qt finds only the last element
        with it, so the others get temporary ids too (the last keeps it, as ``<use>`` finds it).
        A shape the drawing copy left out (an ``<image>`` of another file) has no bounds: Qt
        would give the whole drawing's for an id it does not know, and a click anywhere would
        select the invisible shape.
        """
        copy = SvgDocument(self.text, fidelity=False)  # drawn, never written
        names = []
        pairs = copy.shape_elements()
        last_with: dict[str, int] = {}
        for i, (shape, _el) in enumerate(pairs):
            if shape.element_id:
                last_with[shape.element_id] = i
        renamed = []
        for i, (shape, el) in enumerate(pairs):
            name = shape.element_id
            if not name or last_with.get(name) != i:
                name = f"{_TEMP_ID}{i}"
                renamed.append((el, name))
            names.append(name)
        self._draw(copy, renamed, self.text.encode("utf-8", "surrogateescape"))
        kept = self._kept_bounds() if len(pairs) == len(self.shapes) else {}
        self.shapes = []
        self._names = {}
        for (shape, _el), name in zip(pairs, names, strict=True):
            known = kept.get(shape.path)
            if known is not None:
                self.shapes.append((shape, *known))
            else:
                parent = self.renderer.transformForElement(name)
                bounds = self.renderer.boundsOnElement(name) if self.renderer.elementExists(name) else QRectF()
                self.shapes.append((shape, parent.mapRect(bounds), parent))
            self._names[shape.path] = name
        self._item.update()

    def forget(self) -> None:
        """Another file is about to be shown: nothing of this one may be drawn if that one is broken."""
        self._press = None  # a drag in progress belongs to this file
        self._resize = None
        self._end_band()
        self._moved = QPointF()
        self._selection.setPos(0, 0)
        self._cancel_draft()
        self._select(None)
        self._restacked = []
        self._pasted = None
        self.text = ""
        self.doc = None
        self.error = None  # (this file's: the next one's banner named it)
        self.shapes = []
        self.blank = True
        viewport_of(self).update()

    def fit(self) -> None:
        self.resetTransform()
        self._zoom = 1.0
        self.fitInView(self.scene().sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
        self._selection.set_zoom(self.transform().m11())
        self.sig_zoom.emit(self._zoom)

    def zoom(self, steps: int) -> None:
        factor = 1.25**steps
        if 0.2 < self._zoom * factor < 40:
            self._zoom *= factor
            self.scale(factor, factor)
            self._selection.set_zoom(self.transform().m11())
            self.sig_zoom.emit(self._zoom)

    @property
    def zoom_level(self) -> float:
        """The zoom against the size that fits the whole icon in the canvas (1.0), which is what
        the canvas shows a file at first and what Fit and Ctrl+0 come back to."""
        return self._zoom

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self._zoom == 1.0:
            self.fitInView(self.scene().sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
            self._selection.set_zoom(self.transform().m11())

    # -- drawing the page -------------------------------------------------------------------------
    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802 - Qt's name
        painter.fillRect(rect, self.palette().window())
        page = self.view_rect
        painter.fillRect(page, QColor("#ffffff"))
        step = page.width() / GRID_CELLS
        pen = QPen(QColor(0, 0, 0, 28), 0)
        painter.setPen(pen)
        for i in range(GRID_CELLS + 1):
            x = page.left() + i * step
            painter.drawLine(QPointF(x, page.top()), QPointF(x, page.bottom()))
        step_y = page.height() / GRID_CELLS
        for i in range(GRID_CELLS + 1):
            y = page.top() + i * step_y
            painter.drawLine(QPointF(page.left(), y), QPointF(page.right(), y))
        painter.setPen(QPen(QColor(0, 0, 0, 90), 0))
        painter.drawRect(page)

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802 - Qt's name
        if self.error is not None:
            painter.fillRect(self.view_rect, QColor(255, 255, 255, 180))
        if self.hasFocus():
            # The keyboard is here: a ring inside the canvas's edge, in the theme's highlight colour
            # (see ring_colour); a view has no focus frame of its own in Fusion, so nothing showed
            # where keys go.
            painter.save()
            painter.resetTransform()  # viewport pixels
            pen = QPen(ring_colour(self.palette()), FOCUS_RING)
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            half = FOCUS_RING / 2
            painter.drawRect(QRectF(viewport_of(self).rect()).adjusted(half, half, -half, -half))
            painter.restore()

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802 - Qt's name
        """A scroll shifts the view's pixels, the focus ring's too: draw the view again.

        Only here, not on every change (FullViewportUpdate): with 10,000 shapes that made each
        small change redraw them all, 6.6 ms a step against 2 ms.
        """
        super().scrollContentsBy(dx, dy)
        if self.hasFocus():
            viewport_of(self).update()

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().focusInEvent(event)
        viewport_of(self).update()
        self.sig_focus.emit(True)

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().focusOutEvent(event)
        viewport_of(self).update()
        self.sig_focus.emit(False)

    # -- selection --------------------------------------------------------------------------------
    def shape_at(self, point: QPointF) -> Shape | None:
        """The topmost shape drawn under ``point`` (scene units).

        Bounding boxes only narrow the search: a hollow rectangle around a small circle must
        not hide the circle, so the candidates are drawn and the pixel under the pointer (with
        a little slack for thin lines) decides. When no candidate has ink there, the smallest
        box wins.
        """
        return self._hit(point)[0]

    def _hit(self, point: QPointF) -> tuple[Shape | None, bool]:
        """:meth:`shape_at`, and whether that shape has ink under ``point`` (False: the smallest
        box around it, which a click selects but a drag from draws a rubber band)."""
        slack = self.view_rect.width() / GRID_CELLS / 2
        candidates = [
            (shape, bounds)
            for shape, bounds, _t in reversed(self.shapes)
            if bounds.adjusted(-slack, -slack, slack, slack).contains(point)
        ]
        for shape, bounds in candidates:
            if self._inked(shape, bounds, point, slack):
                return shape, True
        if not candidates:
            return None, False
        return min(candidates, key=lambda c: c[1].width() * c[1].height())[0], False

    def _inked(self, shape: Shape, bounds: QRectF, point: QPointF, slack: float) -> bool:
        """Whether ``shape`` alone paints anything within ``slack`` of ``point``."""
        name = self._names.get(shape.path)
        if not name or bounds.width() <= 0 or bounds.height() <= 0:
            return False
        scale = 96 / max(bounds.width(), bounds.height())  # the shape drawn about 96 px across
        size = QSize(max(1, math.ceil(bounds.width() * scale)), max(1, math.ceil(bounds.height() * scale)))
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        self.renderer.render(painter, name, QRectF(0, 0, size.width(), size.height()))
        painter.end()
        cx, cy = (point.x() - bounds.x()) * scale, (point.y() - bounds.y()) * scale
        reach = max(1, round(slack * scale / 2))
        for x in range(int(cx) - reach, int(cx) + reach + 1):
            for y in range(int(cy) - reach, int(cy) + reach + 1):
                if 0 <= x < size.width() and 0 <= y < size.height() and image.pixelColor(x, y).alpha() > 0:
                    return True
        return False

    def bounds_of(self, shape: Shape) -> QRectF:
        return next((r for s, r, _t in self.shapes if s.path == shape.path), QRectF())

    @property
    def selected(self) -> Shape | None:
        """The selected shape when exactly one is: what paint, text and restacking work on."""
        return self.selection[0] if len(self.selection) == 1 else None

    def _select(self, shape: Shape | None) -> None:
        self._set_selection({shape.path} if shape is not None else set())

    def _set_selection(self, wanted: set[tuple[int, ...]]) -> None:
        """Select the shapes at the paths ``wanted``, in document order."""
        old = [s.path for s in self.selection]
        self.selection = tuple(s for s, _r, _t in self.shapes if s.path in wanted)  # document order
        self._selection.set_rects([self.bounds_of(s) for s in self.selection])
        self._selection.setPos(0, 0)
        self._selection.show_handles(self.tool == "select" and not self.read_only)
        if [s.path for s in self.selection] != old:
            self.sig_selection.emit(self.selected)

    def select_path(self, path: tuple[int, ...] | None) -> None:
        self.select_paths([path] if path is not None else [])

    def select_paths(self, paths: Sequence[tuple[int, ...]]) -> None:
        self._set_selection(set(paths))

    def select_all(self) -> None:
        """Ctrl+A: every shape the canvas draws, to move, recolour or delete together."""
        self._set_selection({s.path for s in self.selectable()})

    def selectable(self) -> list[Shape]:
        """The shapes a click or Tab can pick, in document order (one the drawing leaves out has no bounds)."""
        return [s for s, r, _t in self.shapes if not r.isNull()]

    def select_next(self, step: int) -> None:
        """Tab (``step`` 1) / Shift+Tab (-1): the next or previous shape in document order, round and round.

        Why document order: it is the order of the XML beside the canvas, so the keyboard walks
        the shapes as the file lists them (from the one drawn first, at the back).
        """
        shapes = self.selectable()
        if not shapes:
            return
        paths = [s.path for s in shapes]
        chosen = [paths.index(s.path) for s in self.selection if s.path in paths]
        if chosen:  # from several, Tab goes on after the last and Shift+Tab back before the first
            here = chosen[-1] if step > 0 else chosen[0]
        else:
            here = -1 if step > 0 else len(shapes)
        self._select(shapes[(here + step) % len(shapes)])

    # -- editing helpers --------------------------------------------------------------------------
    def snapped(self, point: QPointF) -> QPointF:
        if not self.snap:
            return point
        step = self.view_rect.width() / GRID_CELLS
        ox, oy = self.view_rect.left(), self.view_rect.top()
        return QPointF(ox + round((point.x() - ox) / step) * step, oy + round((point.y() - oy) / step) * step)

    def _commit(
        self,
        undo_text: str,
        change: Callable[[SvgDocument], object],
        merge_key: str = "",
        moved: Sequence[Shape] | None = None,
    ) -> object:
        """Apply ``change`` to a fresh document of the current text and emit the new text.

        ``moved``: the change only moved these shapes (see :meth:`_kept_bounds`).
        """
        if self.doc is None or self.read_only:
            return None
        doc = SvgDocument(self.text)
        result = change(doc)
        new_text = doc.to_text()
        if new_text != self.text:
            self._moved_only = (self.text, new_text, tuple(moved)) if moved is not None else None
            try:
                self.sig_changed.emit(undo_text, new_text, merge_key)
            finally:
                self._moved_only = None
        return result

    def _kept_bounds(self) -> dict[tuple[int, ...], tuple[QRectF, QTransform]]:
        """The bounds the shapes on show keep in the text being loaded, by shape path.

        Why: asking Qt for the bounds of 50,000 shapes takes a quarter of a second, and an arrow
        key moves one. When the text is the one :meth:`_commit` made by moving shapes, every other
        shape keeps its place, its parents and so its box: only the moved ones are asked again.
        Not when a moved shape carries an id something may name (``#id``): a ``<use>`` of it
        moves with it.
        """
        if self._moved_only is None:
            return {}
        old_text, new_text, moved = self._moved_only
        if new_text != self.text:
            return {}
        if any(f"#{name}" in old_text for shape in moved for name in shape.ids):
            return {}
        gone = {shape.path for shape in moved}
        return {s.path: (r, t) for s, r, t in self.shapes if s.path not in gone}

    @property
    def grid_unit(self) -> float:
        """Units of the file in one cell of the 24×24 grid: the stroke width box counts in cells,
        so a width of 2 looks the same on an icon drawn on 24×24 and on one drawn on 512×512."""
        return self.view_rect.width() / GRID_CELLS or 1.0

    def _style(self, stroke_only: bool = False) -> dict[str, str]:
        """The toolbar's paint for a new shape (``stroke_only``: a line, drawn by its stroke alone).

        A shape with no paint at all vanished as the mouse let go (a line after Stroke ▸ No
        colour, or after a click on a filled shape, which takes up its "no stroke"): its stroke
        is then the fill's colour, else the app's.
        """
        width = format_number(self.stroke_width * self.grid_unit)
        stroke = self.stroke
        if stroke == "none" and (stroke_only or self.fill == "none"):
            stroke = self.fill if self.fill != "none" else "currentColor"
        return {"fill": self.fill, "stroke": stroke, "stroke-width": width}

    def add_shape(self, tag: str, attrs: dict[str, str], text: str | None = None) -> None:
        path = self._commit(f"Draw {_shape_name(tag)} in {self.file_label}", lambda doc: doc.add(tag, attrs, text))
        if isinstance(path, tuple):
            self.select_path(path)  # the pane has redrawn from the new text by now

    def _local_deltas(self, dx: float, dy: float) -> list[tuple[tuple[int, ...], float, float]]:
        """A move of (dx, dy) scene units in each selected shape's own units (its parents may scale).

        A shape whose parents squash it flat cannot be moved, so nothing is (a move of only some
        of the selection would surprise more than none).
        """
        out = []
        parents = self._parent_maps() if self.selection else {}  # (one pass: Ctrl+A)
        for shape in self.selection:
            inverse, ok = parents.get(shape.path, QTransform()).inverted()
            if not ok:
                return []
            local = inverse.map(QPointF(dx, dy)) - inverse.map(QPointF(0, 0))
            out.append((shape.path, round(local.x(), 3), round(local.y(), 3)))
        return out

    def describe_selection(self) -> str:
        """The selection in words, for the line under the canvas: which shape, and its box.

        Why: the arrow keys move a shape by exact amounts, and the pointer's position (shown
        while the mouse is over the canvas) says nothing about a shape picked with Tab. The box
        is the one the selection frame is drawn around (Qt's bounds, the stroke included), not
        the shape's attributes: those are in the XML beside it, and the painted area is what
        has to stay inside the icon's padding.
        """
        shapes = self.selectable()
        if len(self.selection) > 1:
            return f"{len(self.selection)} of {len(shapes)} shapes selected"
        shape = self.selected
        if shape is None:
            return ""
        place = next((i for i, s in enumerate(shapes) if s.path == shape.path), 0) + 1
        box = self.bounds_of(shape)
        n = lambda v: format_number(round(v, 2))  # noqa: E731 - a local shorthand
        name = _shape_name(shape.tag)
        return (
            f"{name[0].upper()}{name[1:]} {place} of {len(shapes)}: box x {n(box.left())} to {n(box.right())}, "
            f"y {n(box.top())} to {n(box.bottom())} ({n(box.width())} × {n(box.height())})"
        )

    def _what(self) -> str:
        """The selection in an undo text: "rectangle", or "3 shapes"."""
        if len(self.selection) == 1:
            return _shape_name(self.selection[0].tag)
        return f"{len(self.selection)} shapes"

    def move_selected(self, dx: float, dy: float, merge_key: str = "") -> None:
        """Move the selection by (dx, dy) scene units: one undo step (or part of the last, see ``merge_key``)."""
        moves = self._local_deltas(dx, dy)
        if not moves or (dx == 0 and dy == 0):
            return

        def change(doc: SvgDocument) -> None:
            for path, x, y in moves:
                doc.translate(path, x, y)

        self._commit(f"Move {self._what()} in {self.file_label}", change, merge_key, moved=self.selection)

    def nudge(self, cells_x: int, cells_y: int) -> None:
        """An arrow key: the selection moves by whole grid cells.

        Why the steps of one shape merge into one undo step (as typing a word does): a shape
        walked ten cells with the arrow keys is one move to the user, not ten.
        """
        if not self.selection or self.read_only or self.dragging:  # not while dragging
            return
        step_x = self.view_rect.width() / GRID_CELLS
        step_y = self.view_rect.height() / GRID_CELLS
        key = "nudge/" + ";".join(map(str, (s.path for s in self.selection)))
        self.move_selected(cells_x * step_x, cells_y * step_y, merge_key=key)

    def _preview_move(self, dx: float, dy: float) -> None:
        """Draw the selection moved by (dx, dy) while the mouse is down, without touching the model."""
        moves = self._local_deltas(dx, dy)
        if not moves or self.doc is None:
            return
        doc = SvgDocument(self.text, fidelity=False)
        for path, x, y in moves:
            doc.translate(path, x, y)
        self._draw(doc)
        self._item.update()

    def _draw(self, doc: SvgDocument, renamed: Sequence[tuple[object, str]] = (), data: bytes | None = None) -> None:
        """Give the renderer ``doc`` to draw, sanitised, never the text as written.

        ``doc`` is cleaned in place: both callers hand over a throw-away copy. The elements in
        ``renamed`` get their temporary ids after the clean-up, so the cleaned copy without them
        is the preview strip's drawing of ``data`` (the text on show) as well: the same bytes
        are cleaned once, not once here and once for the preview.
        """
        safe = renderable_tree(doc.root)
        if data is not None:
            remember_drawing(data, safe)
        if renamed:
            from lxml import etree

            for el, name in renamed:
                el.set("id", name)  # type: ignore[attr-defined] - an lxml element
            safe = etree.tostring(doc.root)
        self.renderer.load(QByteArray(safe or b'<svg xmlns="http://www.w3.org/2000/svg"/>'))
        self.renderer.setViewBox(self.view_rect)

    def set_paint(self, values: dict[str, str | None]) -> None:
        """Colour or stroke width of the selection (and of the shapes drawn next)."""
        self.fill = values.get("fill", self.fill) or self.fill
        self.stroke = values.get("stroke", self.stroke) or self.stroke
        if "stroke-width" in values and values["stroke-width"]:
            self.stroke_width = float(values["stroke-width"])  # in grid cells, as the toolbar shows it
            values = {**values, "stroke-width": format_number(self.stroke_width * self.grid_unit)}
        if not self.selection:
            return
        paths = [s.path for s in self.selection]
        what = ", ".join(values)

        def change(doc: SvgDocument) -> None:
            for path in paths:
                doc.set_attributes(path, values)

        # Stepping the width up and down is one undo step; each colour chosen from a menu is a
        # choice of its own (merged, Ctrl+Z after two colours skipped back past the first).
        stepped = what == "stroke-width"
        self._commit(
            f"Change {what} of {self._what()} in {self.file_label}",
            change,
            merge_key=f"paint/{paths}/{what}" if stepped else "",
        )

    def delete_selected(self) -> None:
        """Delete the selected shapes in one undo step, after asking when one carries an id in use."""
        self._delete("Delete")

    def _delete(self, verb: str) -> bool:
        """:meth:`delete_selected`, whose undo step says ``verb`` (a cut is a delete too); whether
        the shapes went."""
        if not self.selection or self.read_only:
            return False
        ids = [i for s in self.selection for i in s.ids]
        paths = sorted((s.path for s in self.selection), reverse=True)  # the last first: the others keep their paths

        def change(doc: SvgDocument) -> None:
            for path in paths:
                doc.delete(path)

        if ids:
            # What uses the ids is looked for in what is left: a <use> deleted too uses nothing.
            after = SvgDocument(self.text)
            change(after)
            if not self.confirm_remove(ids, after.to_text()):
                return False

        self._commit(f"{verb} {self._what()} from {self.file_label}", change)
        self._select(None)
        return True

    # -- clipboard ----------------------------------------------------------------------------------
    def copy_selected(self) -> None:
        """Ctrl+C: the selected shapes go on the clipboard as a small SVG (see SvgDocument.fragment),
        as SVG and as text, so another icon of the project (or a drawing program) can take them."""
        if not self.selection or self.doc is None:
            return
        self._to_clipboard(self._selection_fragment())

    def cut_selected(self) -> None:
        """Ctrl+X: copy, then delete as Del does (asking first about an id in use) in one undo step."""
        if not self.selection or self.doc is None or self.read_only:
            return
        fragment = self._selection_fragment()
        if self._delete("Cut"):  # (declined: the clipboard keeps what it held)
            self._to_clipboard(fragment)

    def _selection_fragment(self) -> str:
        """The selected shapes as a small SVG of their own (see SvgDocument.fragment), for the clipboard."""
        return SvgDocument(self.text, fidelity=False).fragment([s.path for s in self.selection])

    def _parent_maps(self) -> dict[tuple[int, ...], QTransform]:
        """Each drawn shape's map from its own units to the drawing's (its groups' transforms)."""
        return {s.path: t for s, _r, t in self.shapes}

    @staticmethod
    def _to_clipboard(fragment: str) -> None:
        data = QMimeData()
        data.setData(SVG_MIME, QByteArray(fragment.encode("utf-8")))
        data.setText(fragment)
        QApplication.clipboard().setMimeData(data)

    def _cell(self) -> tuple[float, float]:
        """One grid cell across and down, in the icon's units: how far a copy lands from its original."""
        return self.view_rect.width() / GRID_CELLS, self.view_rect.height() / GRID_CELLS

    def paste(self) -> None:
        """Ctrl+V: the clipboard's SVG drawn on top, one grid cell on, selected; one undo step.

        What a drawing program or a web page put there is taken too, through the sanitiser
        (see SvgDocument.paste); what holds no drawing is said under the canvas.
        """
        if self.doc is None or self.read_only or self.dragging:
            return
        mime = QApplication.clipboard().mimeData()
        if mime is not None and mime.hasFormat(SVG_MIME):
            fragment = bytes(mime.data(SVG_MIME).data()).decode("utf-8", "replace")
        else:
            fragment = mime.text() if mime is not None else ""
        if fragment.strip().startswith("<") and "<svg" not in fragment:  # shapes alone, as a file shows them
            fragment = f'<svg xmlns="http://www.w3.org/2000/svg">{fragment}</svg>'
        cells, before = self._paste_cells(fragment), self.text
        dx, dy = (cells * d for d in self._cell())
        try:
            paths = self._commit(f"Paste shapes into {self.file_label}", lambda doc: doc.paste(fragment, dx, dy))
        except SvgEditError as exc:
            self.sig_said.emit(f"Nothing to paste: {exc}.")
            return
        if isinstance(paths, list):
            self._pasted = (fragment, cells, before, self.text)
            self.select_paths(paths)

    def _paste_cells(self, fragment: str) -> int:
        """How many grid cells on the paste of ``fragment`` lands: one, and one more than the last
        paste of the same shapes right after it, as drawing programs do (each Ctrl+V landed on the
        one before and seemed to do nothing). After an undo of a paste, its place is free again."""
        if self._pasted is None or self._pasted[0] != fragment:
            return 1
        _fragment, cells, before, after = self._pasted
        if self.text == after:
            return cells + 1
        return cells if self.text == before else 1

    def duplicate_selected(self) -> None:
        """Ctrl+D: a copy of each selected shape just in front of it, one grid cell on, selected."""
        if not self.selection or self.read_only or self.dragging:
            return
        moves = self._local_deltas(*self._cell())
        if not moves:
            return
        before = self.text
        paths = self._commit(f"Duplicate {self._what()} in {self.file_label}", lambda doc: doc.duplicate(moves))
        if isinstance(paths, list):
            self.select_paths(paths)
            self._remember_moved(before, [path for path, _x, _y in moves], paths)

    def restack_selected(self, delta: int) -> None:
        if self.selected is None:
            return
        path, tag, before = self.selected.path, self.selected.tag, self.text
        where = "Bring forward" if delta > 0 else "Send backward"
        new = self._commit(f"{where} {_shape_name(tag)} in {self.file_label}", lambda doc: doc.restack(path, delta))
        if isinstance(new, tuple):
            self.select_path(new)
            self._remember_moved(before, [path], [new])

    def _remember_moved(
        self, before: str, paths_before: Sequence[tuple[int, ...]], paths_after: Sequence[tuple[int, ...]]
    ) -> None:
        """Keep what a restack or a duplicate selected on both sides of it (see :meth:`_paths_kept`)."""
        step = ((before, tuple(paths_before)), (self.text, tuple(paths_after)))
        self._restacked = [*self._restacked[-(RESTACKS_KEPT - 1) :], step]

    def _paths_kept(self, paths: list[tuple[int, ...]], text: str) -> list[tuple[int, ...]]:
        """The selection to show with ``text``: the same paths, but across an undo or redo of one
        of the last restacks the restacked shape's own (kept by its path, the frame went to the
        shape that took its place, and the next Ctrl+] moved that one), and of a duplicate the
        originals and the copies (the frame went to the shape after the original, which Del then
        deleted)."""
        for (text_a, paths_a), (text_b, paths_b) in reversed(self._restacked):
            if text == text_a and tuple(paths) == paths_b:
                return list(paths_a)
            if text == text_b and tuple(paths) == paths_a:
                return list(paths_b)
        return paths

    # -- mouse and keys ---------------------------------------------------------------------------
    def set_tool(self, tool: str) -> None:
        # A tool chosen with the mouse still down (its letter key) ends the gesture as Escape does:
        # the release found the new tool and drew its shape from where a move had started.
        self.cancel_drag()
        self._cancel_draft()
        self.tool = tool
        self._selection.show_handles(tool == "select" and not self.read_only)
        viewport_of(self).setCursor(Qt.CursorShape.ArrowCursor if tool == "select" else Qt.CursorShape.CrossCursor)

    def _scene_point(self, event) -> QPointF:
        return self.mapToScene(event.position().toPoint())

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.button() != Qt.MouseButton.LeftButton or self.doc is None:
            super().mousePressEvent(event)
            return
        self.setFocus()
        raw = self._scene_point(event)
        point = self.snapped(raw)
        if self.tool == "select":
            handle = self.handle_at(event.position().toPoint())
            if handle is not None:
                box, inset = self._selection.box(), self._stroke_inset()
                self._resize = _Resize(handle, box, inset, raw - _edge_point(box, handle))
                self._press_at = event.position().toPoint()
                return
            hit, inked = self._hit(raw)
            chosen = [s.path for s in self.selection]
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            if hit is None or (not inked and hit.path not in chosen):
                # No ink there (outline icons' boxes cover most of the page): a drag draws a band.
                self._start_band(raw, event.position().toPoint(), tuple(chosen) if shift else (), hit)
                return
            if shift:
                # Shift+click adds a shape to the selection, or takes it out.
                on = hit.path not in chosen
                self.select_paths([p for p in chosen if p != hit.path] + ([hit.path] if on else []))
                self._press = None
                return
            if hit is None or hit.path not in chosen:  # a press on the selection drags all of it
                self._select(hit)
            self._narrow_to = hit if hit is not None and len(chosen) > 1 and hit.path in chosen else None
            self._press = point if self.selection and not self.read_only else None
            self._press_at = event.position().toPoint()
            self._moved = QPointF()
        elif self.read_only:
            return
        elif self.tool in ("rect", "ellipse", "line"):
            self._press = point
            self._start_draft(point)
        elif self.tool == "path":
            if len(self._points) > 2 and _near(point, self._points[0], self.view_rect.width() / GRID_CELLS):
                self._finish_path(close=True)
                return
            if not self._points or self._points[-1] != point:
                self._points.append(point)
            self._draw_path_draft(point)
        elif self.tool == "text":
            self._add_text(point)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # Our own press flag, not event.buttons(): synthetic moves (tests, tablets) carry no buttons.
        point = self.snapped(self._scene_point(event))
        self.sig_pointer.emit(QPointF(round(point.x(), 2), round(point.y(), 2)))
        if self._resize is not None:
            if not self._still_a_click(event):
                keep_ratio = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                self._preview_resize(self._resized(self._scene_point(event), keep_ratio))
        elif self._band is not None:
            if not self._still_a_click(event):
                self._drag_band(self._scene_point(event))
        elif self.tool == "select" and self._press is None:
            # Over a resize handle the pointer says which way it resizes.
            handle = self.handle_at(event.position().toPoint())
            viewport_of(self).setCursor(_HANDLE_CURSORS.get(handle or "", Qt.CursorShape.ArrowCursor))
        elif self.tool == "select" and self.selection and not self._still_a_click(event):
            moved = point - self._press
            if moved != self._moved:
                self._moved = moved
                self._selection.setPos(moved)
                self._preview_move(moved.x(), moved.y())
        elif self.tool in ("rect", "ellipse", "line") and self._press is not None:
            self._update_draft(self._press, point)
        elif self.tool == "path" and self._points:
            self._draw_path_draft(point)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.button() != Qt.MouseButton.LeftButton:
            super().mouseReleaseEvent(event)
            return
        if self._resize is not None:
            done = self._resize.scene
            self._resize = None
            self._press_at = None
            if done is not None:
                self.resize_selected(done)
                self.sig_sizing.emit(None)
            return
        if self._band is not None:
            _start, kept, clicked = self._band
            if self._band_item is None and clicked is not None:  # a click, not a drag: as on ink
                self.select_paths(
                    [*kept, clicked.path] if clicked.path not in kept else [p for p in kept if p != clicked.path]
                )
            self._end_band()
            return
        start, self._press = self._press, None
        if start is None:
            return
        point = self.snapped(self._scene_point(event))
        if self.tool == "select":
            delta = point - start if not self._still_a_click(event) else QPointF()
            self._press_at = None
            self._selection.setPos(0, 0)
            if not self.read_only and (abs(delta.x()) > 1e-9 or abs(delta.y()) > 1e-9):
                self.move_selected(delta.x(), delta.y())
            elif self._moved != QPointF() and self.doc is not None:
                self._load(self.doc)  # dragged and brought back: draw the file as it is
            elif self._narrow_to is not None:
                self._select(self._narrow_to)  # a click, not a drag, on one of several: that one alone
            self._moved = QPointF()
            self._narrow_to = None
        elif self.tool in ("rect", "ellipse", "line"):
            self._cancel_draft()
            self._add_dragged(start, point)

    # -- resize handles ---------------------------------------------------------------------------
    def handle_at(self, pixel: QPoint) -> str | None:
        """The resize handle under the viewport point ``pixel`` (its name, see
        :meth:`_SelectionMarks.handle_points`), or None."""
        if not self._selection.handles or self._selection.pos() != QPointF():
            return None
        reach = _SelectionMarks.HANDLE / 2 + 2  # pixels: a little more than the square drawn
        for name, point in self._selection.handle_points().items():
            at = self.mapFromScene(point)
            if abs(at.x() - pixel.x()) <= reach and abs(at.y() - pixel.y()) <= reach:
                return name
        return None

    def _resized(self, pointer: QPointF, keep_ratio: bool) -> QTransform:
        """The scene map a resize handle dragged to ``pointer`` makes: the box scaled from its
        opposite side (or corner), which stays where it is. ``keep_ratio`` (Shift): as much both
        ways, an edge's handle scaling about the middle of the other axis.

        What snaps to the grid is the shape's own edge (inside its stroke), as a shape drawn
        with the mouse has its edges on the grid. A box is not turned inside out past its
        opposite side: it stops at a tenth of a cell.
        """
        assert self._resize is not None
        handle, inset = self._resize.handle, self._resize.inset
        box = self._resize.box.adjusted(inset, inset, -inset, -inset)  # what the map scales
        frame_edge = pointer - self._resize.offset
        side = QPointF(inset if "r" in handle else -inset, inset if "b" in handle else -inset)
        point = self.snapped(frame_edge - side)  # (where the shape's own edge goes)
        least = self.grid_unit / 10
        scales, anchors = [1.0, 1.0], [box.center().x(), box.center().y()]
        for axis, (low, high, pos, size, start) in enumerate(
            (("l", "r", point.x(), box.width(), box.left()), ("t", "b", point.y(), box.height(), box.top()))
        ):
            if size <= 0 or not ({low, high} & set(handle)):
                continue
            if high in handle:
                anchors[axis] = start
                scales[axis] = max(pos - start, least) / size
            else:
                anchors[axis] = start + size
                scales[axis] = max(start + size - pos, least) / size
        if keep_ratio:
            corner = len(handle) == 2
            both = max(scales) if corner else (scales[0] if handle in ("l", "r") else scales[1])
            scales = [both, both]
        sx, sy = scales
        ax, ay = anchors
        return QTransform(sx, 0, 0, sy, ax - ax * sx, ay - ay * sy)

    def _stroke_inset(self) -> float:
        """Half the stroke width of the selection, in scene units, when a resize keeps it (see
        SvgDocument.transform): the frame is around the stroke, and the map must scale the shape
        inside it, or the side that stays put moved by the stroke's half and the dragged one did not
        end under the pointer. 0 when the shapes stroke alike by no plain number (or their parents
        scale them): the frame's box is scaled, near enough.
        """
        if self.doc is None or not self.selection:
            return 0.0
        parents = self._parent_maps()
        elements = self.doc.elements([s.path for s in self.selection])
        widths = set()
        for shape in self.selection:
            el = elements[shape.path]
            parent = parents.get(shape.path, QTransform())
            moved_only = parent.type() in (
                QTransform.TransformationType.TxNone,
                QTransform.TransformationType.TxTranslate,
            )
            if shape.tag not in _RESIZED_BY_ATTRIBUTES or el.get("transform") is not None or not moved_only:
                return 0.0
            stroke = (paint_of_element(el, "stroke", inherited=True) or "none").strip()
            width = paint_of_element(el, "stroke-width", inherited=True) or "1"
            try:
                widths.add(0.0 if stroke == "none" else float(width))
            except ValueError:
                return 0.0
            if len(widths) > 1:
                return 0.0
        return widths.pop() / 2 if len(widths) == 1 else 0.0

    def _local_maps(self, scene: QTransform) -> list[tuple[tuple[int, ...], Matrix]]:
        """``scene`` (a map of the drawing) in each selected shape's own units, as SVG matrices.

        A shape whose parents squash it flat cannot be resized, so nothing is (see _local_deltas).
        """
        parents = self._parent_maps()
        out = []
        for shape in self.selection:
            parent = parents.get(shape.path, QTransform())
            inverse, ok = parent.inverted()
            if not ok:
                return []
            m = parent * scene * inverse  # (Qt's order: the first applied first)
            a, b, c, d, e, f = (round(v, 6) for v in (m.m11(), m.m12(), m.m21(), m.m22(), m.dx(), m.dy()))
            out.append((shape.path, (a, b, c, d, e, f)))
        return out

    def _preview_resize(self, scene: QTransform) -> None:
        """Draw the selection resized by ``scene`` while the mouse is down, without touching the model."""
        assert self._resize is not None
        maps = self._local_maps(scene)
        if not maps or self.doc is None:
            return
        self._resize.scene = scene
        doc = SvgDocument(self.text, fidelity=False)
        for path, matrix in maps:
            doc.transform(path, matrix)
        self._draw(doc)
        self._item.update()
        h = self._resize.inset
        self._selection.set_rects(
            [scene.mapRect(self.bounds_of(s).adjusted(h, h, -h, -h)).adjusted(-h, -h, h, h) for s in self.selection]
        )
        # The size the release makes, as exact numbers (the shape's own, inside its stroke): the
        # pointer's position said where the edge was, not how big the shape became.
        self.sig_sizing.emit(scene.mapRect(self._resize.box.adjusted(h, h, -h, -h)).size())

    def resize_selected(self, scene: QTransform) -> None:
        """Resize the selection by the scene map ``scene``: one undo step.

        Each shape writes the change as the attributes it has (see SvgDocument.transform).
        """
        maps = self._local_maps(scene)
        paths, before = [s.path for s in self.selection], self.text

        def change(doc: SvgDocument) -> None:
            for path, matrix in maps:
                doc.transform(path, matrix)

        if maps and not scene.isIdentity():
            self._commit(f"Resize {self._what()} in {self.file_label}", change)
        if self.text == before and self.doc is not None:  # (dragged back, or too little to write)
            self._load(self.doc)  # the renderer holds the preview: draw the file again
        self.select_paths(paths)

    # -- the rubber band ----------------------------------------------------------------------------
    def _start_band(self, at: QPointF, pixel: QPoint, kept: tuple[tuple[int, ...], ...], clicked: Shape | None) -> None:
        """A press on an empty place with the Select tool: a drag draws a band that selects every
        shape wholly inside it; a click selects ``clicked`` (Shift: adds it or takes it out), or,
        when there is none, deselects (with Shift: keeps the selection)."""
        if not kept and clicked is None:
            self._select(None)
        self._band = (at, kept, clicked)
        self._press_at = pixel

    def _drag_band(self, point: QPointF) -> None:
        """Show the band from where it began to ``point`` and select what lies wholly inside it,
        as it is dragged (the frames say what the release will select)."""
        if self._band is None:
            return
        start, kept, _clicked = self._band
        rect = QRectF(start, point).normalized()
        if self._band_item is None:
            self._band_item = QGraphicsRectItem()
            pen = QPen(SELECTION_BLUE, 1, Qt.PenStyle.DashLine)
            pen.setCosmetic(True)  # a pixel wide at any zoom
            self._band_item.setPen(pen)
            self._band_item.setBrush(QColor(26, 115, 232, 40))
            self._band_item.setZValue(30)
            self.scene().addItem(self._band_item)
        self._band_item.setRect(rect)
        inside = {s.path for s, r, _t in self.shapes if not r.isNull() and rect.contains(r)}
        self._set_selection(inside | set(kept))

    def _end_band(self) -> None:
        self._band = None
        self._press_at = None
        if self._band_item is not None:
            self.scene().removeItem(self._band_item)
            self._band_item = None

    @property
    def dragging(self) -> bool:
        """Whether the mouse is down in a gesture (a move, a draft, a band or a resize): keys that
        edit or select wait for it, or they changed what the release then did."""
        return self._press is not None or self._band is not None or self._resize is not None

    def _still_a_click(self, event) -> bool:
        """Whether the pointer, pressed with the Select tool, has not yet gone the drag distance
        (once it has, the drag goes on even back near where it began)."""
        if self._press_at is None:
            return False
        if (event.position().toPoint() - self._press_at).manhattanLength() < QApplication.startDragDistance():
            return True
        self._press_at = None
        return False

    def cancel_drag(self) -> bool:
        """Escape with the mouse still down: the gesture is dropped as if it never began.

        Why the press is forgotten, not only the outline: the release that follows must find no
        drag to finish, so no shape is added and no move is made. A move's preview goes back to
        the file as it is, and the shape stays selected (a second Escape deselects it). Returns
        whether there was a drag to cancel.
        """
        if self._band is not None:
            self._set_selection(set(self._band[1]))  # (the selection it began with)
            self._end_band()
            return True
        if self._resize is not None:
            resized = self._resize.scene is not None
            self._resize = None
            self._press_at = None
            self._set_selection({s.path for s in self.selection})  # the frames where the shapes are
            if resized and self.doc is not None:
                self._load(self.doc)  # the renderer holds the resized preview: draw the file again
                self.sig_sizing.emit(None)
            return True
        if self._press is None:
            return False
        self._press = None
        self._narrow_to = None
        self._cancel_draft()
        self._selection.setPos(0, 0)
        if self._moved != QPointF():
            self._moved = QPointF()
            if self.doc is not None:
                self._load(self.doc)  # the renderer holds the moved preview: draw the file again
        return True

    def leaveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.sig_pointer.emit(None)
        super().leaveEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self.tool == "path" and self._points:
            self._finish_path(close=False)
        else:
            super().mouseDoubleClickEvent(event)

    def event(self, event: QEvent) -> bool:
        # Tab and Shift+Tab walk the shapes (before Qt takes them to move the focus on); Ctrl+Tab
        # and Ctrl+Shift+Tab leave the canvas, as they leave the source editor, where Tab indents.
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            back = event.key() == Qt.Key.Key_Backtab or bool(mods & Qt.KeyboardModifier.ShiftModifier)
            if mods & Qt.KeyboardModifier.ControlModifier:
                self.focusNextPrevChild(not back)
                return True
            if self.selectable() and not self.dragging and not mods & Qt.KeyboardModifier.AltModifier:
                self.select_next(-1 if back else 1)
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if self.dragging and key != Qt.Key.Key_Escape:
            # The mouse is still down: Ctrl+A, Enter or Delete mid-drag changed what the release
            # then moved, or added a second shape. Only Escape (cancel the drag) counts until then.
            return
        # Shift+arrow moves BIG_NUDGE cells, not the tenfold step of drawing programs: ten cells
        # are most of a 24-cell icon, four (a sixth) cross it in a few presses and keep even
        # coordinates even. Arrows with other modifiers are left to Qt.
        cells = {Qt.KeyboardModifier.NoModifier: 1, Qt.KeyboardModifier.ShiftModifier: BIG_NUDGE}.get(mods, 0)
        nudges = {
            Qt.Key.Key_Left: (-cells, 0),
            Qt.Key.Key_Right: (cells, 0),
            Qt.Key.Key_Up: (0, -cells),
            Qt.Key.Key_Down: (0, cells),
        }
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.tool == "path" and self._points:
            self._finish_path(close=False)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.tool != "select":
            self.place_shape()
        elif key == Qt.Key.Key_Escape:
            if not self.cancel_drag():
                self._cancel_draft()
                self._select(None)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_selected()
        elif event.matches(QKeySequence.StandardKey.SelectAll):
            self.select_all()
        elif key in nudges and cells and self.selection and not self.read_only:
            self.nudge(*nudges[key])
        else:
            super().keyPressEvent(event)

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            # Around the point under the pointer, as drawing programs zoom: around the middle of the
            # view, the detail the user pointed at slid away and had to be scrolled back to.
            at = event.position().toPoint()
            pointed = self.mapToScene(at)
            self.zoom(1 if event.angleDelta().y() > 0 else -1)
            slid = self.mapFromScene(pointed) - at  # (where Qt's zoom around the middle took that point)
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + slid.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() + slid.y())
        else:
            super().wheelEvent(event)

    # -- drafts (what the shape will be while the mouse is down) ------------------------------------
    def _draft_pen(self) -> QPen:
        pen = QPen(QColor("#1a73e8"), max(self.stroke_width * self.grid_unit, 0.1))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        return pen

    def _start_draft(self, point: QPointF) -> None:
        self._cancel_draft()
        item: QGraphicsItem
        if self.tool == "line":
            item = QGraphicsLineItem(point.x(), point.y(), point.x(), point.y())
        elif self.tool == "ellipse":
            item = QGraphicsEllipseItem(QRectF(point, point))
        else:
            item = QGraphicsRectItem(QRectF(point, point))
        item.setPen(self._draft_pen())
        if self.fill != "none" and not isinstance(item, QGraphicsLineItem):
            item.setBrush(QBrush(QColor(26, 115, 232, 90)))
        item.setZValue(20)
        self.scene().addItem(item)
        self._draft = item

    def _update_draft(self, start: QPointF, point: QPointF) -> None:
        item = self._draft
        if isinstance(item, QGraphicsLineItem):
            item.setLine(start.x(), start.y(), point.x(), point.y())
        elif isinstance(item, QGraphicsEllipseItem | QGraphicsRectItem):
            item.setRect(QRectF(start, point).normalized())

    def _draw_path_draft(self, hover: QPointF) -> None:
        path = QPainterPath(self._points[0])
        for p in self._points[1:]:
            path.lineTo(p)
        path.lineTo(hover)
        if not isinstance(self._draft, QGraphicsPathItem):
            self._cancel_draft(keep_points=True)
            self._draft = QGraphicsPathItem()
            self._draft.setPen(self._draft_pen())
            self._draft.setZValue(20)
            self.scene().addItem(self._draft)
        self._draft.setPath(path)

    def _cancel_draft(self, keep_points: bool = False) -> None:
        if self._draft is not None:
            self.scene().removeItem(self._draft)
            self._draft = None
        if not keep_points:
            self._points = []

    def _add_dragged(self, a: QPointF, b: QPointF) -> None:
        f = format_number
        rect = QRectF(a, b).normalized()
        style = self._style(stroke_only=self.tool == "line")
        if self.tool == "line":
            if a == b:
                return
            style.pop("fill")
            attrs = {"x1": f(a.x()), "y1": f(a.y()), "x2": f(b.x()), "y2": f(b.y())}
            self.add_shape("line", attrs | style)
        elif rect.width() > 0 and rect.height() > 0:
            if self.tool == "rect":
                attrs = {"x": f(rect.x()), "y": f(rect.y()), "width": f(rect.width()), "height": f(rect.height())}
                self.add_shape("rect", attrs | style)
            elif math.isclose(rect.width(), rect.height()):
                c = rect.center()
                self.add_shape("circle", {"cx": f(c.x()), "cy": f(c.y()), "r": f(rect.width() / 2)} | style)
            else:
                c = rect.center()
                attrs = {"cx": f(c.x()), "cy": f(c.y()), "rx": f(rect.width() / 2), "ry": f(rect.height() / 2)}
                self.add_shape("ellipse", attrs | style)

    def place_shape(self) -> None:
        """Enter with a drawing tool: the tool's shape, PLACED_CELLS cells across, in the middle of the page.

        Why the middle and no keyboard cursor: the new shape is selected, so the arrow keys that
        move any selection take it where it belongs, with nothing new to learn. It is drawn by
        the mouse's own code (as if dragged or clicked there), so it gets the toolbar's paint,
        snaps to the grid and is one undo step, as a shape drawn with the mouse is.
        """
        if self.doc is None or self.read_only or self.tool == "select":
            return
        page = self.view_rect
        half_x = page.width() / GRID_CELLS * PLACED_CELLS / 2
        half_y = page.height() / GRID_CELLS * PLACED_CELLS / 2
        c = self.snapped(page.center())
        a = self.snapped(QPointF(c.x() - half_x, c.y() - half_y))
        b = self.snapped(QPointF(c.x() + half_x, c.y() + half_y))
        if self.tool in ("rect", "ellipse"):
            self._add_dragged(a, b)
        elif self.tool == "line":
            self._add_dragged(QPointF(a.x(), c.y()), QPointF(b.x(), c.y()))
        elif self.tool == "path":  # a triangle: a path of three points, closed
            self._points = [QPointF(a.x(), b.y()), QPointF(c.x(), a.y()), QPointF(b.x(), b.y())]
            self._finish_path(close=True)
        elif self.tool == "text":
            # The text's x and y are where its baseline starts: measured, so the text is centred.
            font = QFont("sans-serif")
            font.setBold(True)
            font.setPixelSize(100)
            metrics = QFontMetricsF(font)
            scale = page.height() / 3 / 100  # the size _add_text gives it
            width = metrics.horizontalAdvance(xml_text(self.text_content).strip()) * scale
            self._add_text(self.snapped(QPointF(c.x() - width / 2, c.y() + metrics.capHeight() * scale / 2)))

    def _finish_path(self, close: bool) -> None:
        points = self._points
        self._cancel_draft()
        if len(points) < 2:
            return
        f = format_number
        d = f"M{f(points[0].x())} {f(points[0].y())}" + "".join(f" L{f(p.x())} {f(p.y())}" for p in points[1:])
        # (two points are a line: the fill covers nothing)
        self.add_shape("path", {"d": d + (" Z" if close else "")} | self._style(stroke_only=len(points) == 2))

    def _add_text(self, point: QPointF) -> None:
        content = xml_text(self.text_content).strip()
        if not content:
            self.sig_needs_text.emit()  # (nothing happened, without a word)
            return
        f = format_number
        size = self.view_rect.height() / 3
        colour = self.stroke if self.fill == "none" else self.fill
        attrs = {
            "x": f(point.x()),
            "y": f(point.y()),
            "font-family": "sans-serif",
            "font-size": f(size),
            "font-weight": "bold",
            "fill": colour if colour != "none" else "currentColor",
        }
        self.add_shape("text", attrs, content)


# Shapes SvgDocument.transform resizes by their own attributes (so their stroke keeps its width).
_RESIZED_BY_ATTRIBUTES = frozenset("rect circle ellipse line polyline polygon path image".split())


@dataclass
class _Resize:
    """A resize handle's drag."""

    handle: str  # which handle: "tl" … "l"
    box: QRectF  # the selection's frame box when it began (around the stroke)
    inset: float  # half the stroke width the resize keeps (see IconCanvas._stroke_inset)
    offset: QPointF  # how far from the box's edge the handle was grabbed (scene units)
    scene: QTransform | None = None  # the map the pointer has made of the box so far


def _edge_point(box: QRectF, handle: str) -> QPointF:
    """The point of ``box`` a resize handle stands for: a corner, or the middle of an edge."""
    x = box.left() if "l" in handle else box.right() if "r" in handle else box.center().x()
    y = box.top() if "t" in handle else box.bottom() if "b" in handle else box.center().y()
    return QPointF(x, y)


_HANDLE_CURSORS = {
    "tl": Qt.CursorShape.SizeFDiagCursor,
    "br": Qt.CursorShape.SizeFDiagCursor,
    "tr": Qt.CursorShape.SizeBDiagCursor,
    "bl": Qt.CursorShape.SizeBDiagCursor,
    "t": Qt.CursorShape.SizeVerCursor,
    "b": Qt.CursorShape.SizeVerCursor,
    "l": Qt.CursorShape.SizeHorCursor,
    "r": Qt.CursorShape.SizeHorCursor,
}

_SHAPE_NAMES = {"rect": "rectangle", "g": "group", "use": "copied shape", "polyline": "line", "image": "picture"}


def _shape_name(tag: str) -> str:
    """The word an undo text uses for an element ("Move rectangle", not "Move rect")."""
    return _SHAPE_NAMES.get(tag, tag)


def _near(a: QPointF, b: QPointF, distance: float) -> bool:
    return math.hypot(a.x() - b.x(), a.y() - b.y()) <= distance * 0.75
