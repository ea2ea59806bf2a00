"""A toolbar that wraps onto another row when the window is too narrow for it.

Why not Qt's QToolBar: in a narrow window it moves the controls that do not fit into the menu
of its "»" button, and that menu lists only plain actions. The icon editor's Stroke button and
stroke-width box are widgets in the toolbar, so there they vanished for mouse and keyboard
users alike. Here every control stays on screen, a row lower, and Tab reaches each in turn.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QLayout, QLayoutItem, QSizePolicy, QToolButton, QWidget

__all__ = ["FlowLayout", "WrappingToolBar"]


class FlowLayout(QLayout):
    """Items left to right, starting a new row where the next one would not fit.

    A separator (a :class:`QFrame` ``VLine``) that would start a row is left out of it: a row
    beginning with a divider reads as if something before it were missing.
    """

    def __init__(
        self, parent: QWidget | None = None, spacing: int = 2, row_gap: int | None = None, stretch: bool = False
    ) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        # Whether a row's room to spare goes to its controls that expand (text boxes), as in a
        # QHBoxLayout: the find bar's boxes stayed at their 125 px hint in a window of 1920.
        self._stretch = stretch
        self.setSpacing(spacing)
        self._row_gap = spacing if row_gap is None else row_gap  # between rows (spacing: within one)
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt's name
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's name
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's name
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt's name
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt's name
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """All on one row: the width the toolbar would like."""
        shown = [i.sizeHint() for i in self._items if not i.isEmpty()]
        m = self.contentsMargins()
        width = sum(s.width() for s in shown) + self.spacing() * max(len(shown) - 1, 0)
        height = max((s.height() for s in shown), default=0)
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt's name
        """The widest single control: narrower than that, nothing can wrap any further."""
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _arrange(self, rect: QRect, move: bool) -> int:
        """Place the items in rows within ``rect`` (or only measure); the height they take."""
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, row_height = area.x(), area.y(), 0
        gap = self.spacing()
        rows: list[list[tuple[QLayoutItem, QPoint, QSize]]] = [[]]
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            separator = isinstance(item.widget(), QFrame) and item.widget().frameShape() == QFrame.Shape.VLine
            if rows[-1] and x + hint.width() > area.right() + 1:
                x, y, row_height = area.x(), y + row_height + self._row_gap, 0
                rows.append([])
            if separator and not rows[-1]:
                if move:
                    item.setGeometry(QRect())
                continue
            rows[-1].append((item, QPoint(x, y), hint))
            x += hint.width() + gap
            row_height = max(row_height, hint.height())
        if move:  # each control in the middle of its row's height, as in a QToolBar
            for row in rows:
                height = max((h.height() for _, _, h in row), default=0)
                widths = self._stretched(row, area) if self._stretch else [hint.width() for _, _, hint in row]
                shift = 0
                for (item, at, hint), width in zip(row, widths, strict=True):
                    size = QSize(width, hint.height())
                    item.setGeometry(QRect(at + QPoint(shift, (height - hint.height()) // 2), size))
                    shift += width - hint.width()
        return y + row_height - rect.y() + m.bottom()

    @staticmethod
    def _stretched(row: list[tuple[QLayoutItem, QPoint, QSize]], area: QRect) -> list[int]:
        """The widths of a row's items when the room it has to spare is shared out equally among
        those that expand horizontally, each up to its maximum width."""
        widths = [hint.width() for _, _, hint in row]
        if not row:
            return widths
        _, last_at, last_hint = row[-1]
        spare = area.right() + 1 - (last_at.x() + last_hint.width())
        growing = [i for i, (item, _, _) in enumerate(row) if item.expandingDirections() & Qt.Orientation.Horizontal]
        while spare > 0 and growing:
            share = max(1, spare // len(growing))
            still = []
            for i in growing:
                room = row[i][0].maximumSize().width() - widths[i]
                grow = min(share, room, spare)
                widths[i] += grow
                spare -= grow
                if widths[i] < row[i][0].maximumSize().width():
                    still.append(i)
                if spare <= 0:
                    break
            growing = still
        return widths


class WrappingToolBar(QWidget):
    """The part of QToolBar's interface the icon editor uses, on a :class:`FlowLayout`."""

    def __init__(self, parent: QWidget | None = None, objectName: str = "") -> None:  # noqa: N803 - Qt's
        super().__init__(parent)
        self.setObjectName(objectName)
        self._layout = FlowLayout(self)
        self._buttons: dict[QAction, QToolButton] = {}
        # (Not Fixed in height: that would hold it to one row, the height of its size hint.)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def addAction(self, action: QAction) -> QToolButton:  # noqa: N802 - Qt's name
        """A flat button for ``action`` (as QToolBar makes), showing its text."""
        super().addAction(action)
        button = QToolButton(self, autoRaise=True)
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._layout.addWidget(button)
        self._buttons[action] = button
        return button

    def addWidget(self, widget: QWidget) -> None:  # noqa: N802 - Qt's name
        self._layout.addWidget(widget)

    def addSeparator(self) -> None:  # noqa: N802 - Qt's name
        line = QFrame(self, frameShape=QFrame.Shape.VLine, frameShadow=QFrame.Shadow.Sunken)
        line.setFixedHeight(next(iter(self._buttons.values())).sizeHint().height() if self._buttons else 20)
        self._layout.addWidget(line)

    def widgetForAction(self, action: QAction) -> QToolButton | None:  # noqa: N802 - Qt's name
        return self._buttons.get(action)
