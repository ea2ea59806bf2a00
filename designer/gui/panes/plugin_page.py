"""One plugin's editor page: its metadata form above its menu items."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtWidgets import QGroupBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from ..commands import ModelEditor, TextCommand
from ..viewports import follow_focus, viewport_of
from .menu_items_editor import MenuItemsEditor
from .metadata_form import MetadataForm

if TYPE_CHECKING:
    from ...core.model import Plugin

# The most width the page asks of the window (the form wrapped as far as it goes needs about 350):
# with the tree (160) and the Preview (488), it still fits a 1024 px screen.
_MOST_ASKED = 360


class PluginPage(QScrollArea):
    """Scrollable page so the form stays usable on small screens."""

    def __init__(self, editor: ModelEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pluginPage")
        self.setWidgetResizable(True)
        # Not a Tab stop of its own: it showed no focus, so one Tab seemed to do nothing. Its fields
        # are stops, and the page scrolls to the one that has the keyboard.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        body = QWidget()
        layout = QVBoxLayout(body)
        self.title = _Title(objectName="pluginTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)  # the plugin's name, as typed: never markup
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        layout.addWidget(self.title)
        # Said on the page itself: greyed-out forms alone do not tell why nothing can be typed.
        self.read_only_note = QLabel(
            "This ZIP is opened read-only. File ▸ Import ZIP into a Folder… makes an editable copy.",
            objectName="readOnlyNote",
            wordWrap=True,
        )
        self.read_only_note.setVisible(False)
        layout.addWidget(self.read_only_note)
        self.form = MetadataForm(editor)
        self.items = MenuItemsEditor(editor)
        self.form.route_undo_to_window()
        self.items.route_undo_to_window()
        self.sig_open_file = self.items.sig_open_file  # a newly drawn icon: the window shows it
        self.sig_icon_added = self.items.sig_icon_added  # a built-in or imported one: the window says so
        self.sig_said = self.form.sig_said  # what followed a new name: the window's status bar says it
        self.items.sig_said.connect(self.sig_said)  # and what "Keep the code as it is" did
        self.sig_recipes = self.items.sig_recipes  # "Make it do ▾" asked for the recipes
        self.sig_show_code = self.items.sig_show_code  # "Show in the code": the source at a line
        self._boxes: list[QGroupBox] = []
        for title, widget in (("About the plugin", self.form), ("Buttons and menu items", self.items)):
            box = QGroupBox(title)
            QVBoxLayout(box).addWidget(widget)
            layout.addWidget(box)
            self._boxes.append(box)
        layout.addStretch(1)
        self.setWidget(body)
        self.editor = editor
        self.index = 0
        # Each plugin's values just before an undo or redo (see _note_before_step), for the page to
        # show what the step changed; forgotten once the window has shown the step.
        self._before_step: dict[str, Any] = {}
        editor.sig_stepping.connect(self._note_before_step)
        self._align_labels(body)
        follow_focus(self)  # (an Alt+letter's field below the fold)

    def _align_labels(self, body: QWidget) -> None:
        """One label column for both groups, each label centred on its field: the fields of
        "About the plugin", of the menu items and "Appears in" started at three different places,
        and "Icon" sat at the top of its taller drop-down."""
        from PySide6.QtWidgets import QFormLayout

        labels: list[QWidget] = [self.items.placement_label]
        for form in body.findChildren(QFormLayout):
            form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
            for row in range(form.rowCount()):
                item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
                if item is not None and item.widget() is not None:
                    labels.append(item.widget())
        width = max(label.sizeHint().width() for label in labels)
        for label in labels:
            label.setMinimumWidth(width)

    def set_read_only(self, read_only: bool) -> None:
        """A ZIP opened read-only: the forms are shown but cannot be changed, and the page says why."""
        self.read_only_note.setVisible(read_only)
        for box in self._boxes:
            box.setEnabled(not read_only)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """As wide as the form needs with its vertical scroll bar, so it never scrolls sideways.

        Why: a scroll area asks for next to nothing, so an opened dock took the room and left
        the form 280 px of a 480 px layout, cut off at the right (Version, "Make it do") with a
        sideways scroll bar. Asked for here, the window gives the dock what the form leaves.
        """
        hint = super().minimumSizeHint()
        body = self.widget()
        if body is None:
            return hint
        frame = 2 * self.frameWidth()
        bar = self.verticalScrollBar().sizeHint().width()
        # At most _MOST_ASKED: a button naming a 50-letter action asked for 980 px, and the window
        # grew past the screen; beyond that the page scrolls sideways instead.
        return QSize(min(body.minimumSizeHint().width() + bar + frame, _MOST_ASKED), hint.height())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """The field with the keyboard stays in sight when the page gets shorter.

        Why: the Problems dock grows back when the checks find problems again (after "Add item"
        gave the new item no function yet, say), and the field being typed into went under it.
        Only a field in sight before: one the user scrolled away from stays where they left it
        (the page jumped back to it whenever the window got wider or taller, too).
        """
        from PySide6.QtCore import QPoint
        from PySide6.QtWidgets import QApplication

        focus = QApplication.focusWidget()
        body = self.widget()
        old = event.oldSize().height()  # (the viewport's: its resize is the one sent here)
        keep = (
            focus is not None
            and body is not None
            and body.isAncestorOf(focus)
            and 0 < event.size().height() < old
            and 0 < focus.mapTo(viewport_of(self), QPoint(0, focus.height())).y()
            and focus.mapTo(viewport_of(self), QPoint(0, 0)).y() < old
        )
        super().resizeEvent(event)
        if keep:
            self.ensureWidgetVisible(focus)

    def show_plugin(self, index: int) -> None:
        if index != getattr(self, "index", None):
            # Another plugin starts at its top: the page kept the last one's scroll position and
            # opened the next mid-page, its title out of sight and a label cut off.
            self.verticalScrollBar().setValue(0)
        self.index = index
        self.form.show_plugin(index)
        self.items.show_plugin(index)
        self._title()
        self._show_step_change()  # (an undo from another plugin's page comes here)

    def focus_pointer(self, pointer: str) -> bool:
        """Show and focus the field a JSON pointer of the package file is about."""
        widget = self.form.field_for(pointer) or self.items.field_for(pointer)
        if widget is None:
            return False
        if widget is self.items.label and not widget.isEnabled():
            widget = self.items.label_runtime  # greyed while the plugin sets it: its box says why
        self.ensureWidgetVisible(widget)
        widget.setFocus()
        return True

    def refresh(self) -> None:
        self.form.refresh()
        self.items.refresh()
        self._title()
        self._show_step_change()

    def _note_before_step(self, command: object, _redo: bool) -> None:
        """Notes every plugin's values as an undo or redo is about to change them.

        Why: undo of a change to the third item's label, made while another item or plugin was on
        show, put the label back with the list on the first item and the page at its top, so the
        change happened out of sight and the step seemed to have done nothing. Not for a step in
        a code or icon file, which changes no value of the page (and undo of typing is frequent).
        """
        if isinstance(command, TextCommand) and command.rel not in self.editor.package.modelled_files():
            return
        self._before_step = {_plugin_place(p): _plugin_values(p) for p in self.editor.package.plugins}
        QTimer.singleShot(0, self, self._before_step.clear)  # (the window shows the step before then)

    def _show_step_change(self) -> None:
        """After an undo or redo: the item it changed selected and the field it changed in sight
        (the keyboard stays where it is, as the window's undo leaves it)."""
        plugins = self.editor.package.plugins
        if not self._before_step or not 0 <= self.index < len(plugins):
            return
        plugin = plugins[self.index]
        before = self._before_step.pop(_plugin_place(plugin), None)
        pointer = _first_difference(before, _plugin_values(plugin)) if before is not None else None
        widget = (self.form.field_for(pointer) or self.items.field_for(pointer)) if pointer else None
        if widget is not None:
            self.widget().layout().activate()  # (another plugin's rows: placed before measured)
            self.ensureWidgetVisible(widget)

    def _title(self) -> None:
        plugins = self.editor.package.plugins
        if 0 <= self.index < len(plugins):
            name = plugins[self.index].display_name
            self.title.setText(name if len(name) <= 200 else name[:199] + "…")  # a huge name lays out slowly


class _Title(QLabel):
    """The page's title, the plugin's name: cut short with "…" to the page's width, the whole name
    in its tooltip; :meth:`text` gives the whole name.

    Why: a name of 150 letters made the title as wide, in large bold letters, and the whole page
    scrolled sideways, its field labels out of sight at the left.
    """

    _whole = ""

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        self._whole = text
        self._fit()

    def text(self) -> str:
        return self._whole

    def _fit(self) -> None:
        room = self.contentsRect().width()
        metrics = self.fontMetrics()
        fits = metrics.horizontalAdvance(self._whole) <= room
        super().setText(self._whole if fits else metrics.elidedText(self._whole, Qt.TextElideMode.ElideRight, room))
        self.setToolTip("" if fits else self._whole)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(0, super().minimumSizeHint().height())  # the name gives way, not the page

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(0, super().sizeHint().height())


def _plugin_place(plugin: Plugin) -> str:
    """A plugin's name for :meth:`PluginPage._note_before_step`: its package file, which an undone
    id change leaves where it is."""
    return plugin.package_path or plugin.key


def _plugin_values(plugin: Plugin) -> Any:
    """What the page shows of ``plugin``: its package file's JSON, and the settings' ``enabled``."""
    values = plugin.package.to_json() if plugin.package is not None else None
    return {"enabled": plugin.entry.enabled, **values} if isinstance(values, dict) else values


def _first_difference(old: Any, new: Any, at: str = "") -> str | None:
    """The JSON pointer of the first value that differs between ``old`` and ``new``, in the file's
    order (a list of another length, or only reordered: the list itself, whose form keeps the moved
    item selected); None when they are the same."""
    if isinstance(old, dict) and isinstance(new, dict):
        for key in [*new, *(k for k in old if k not in new)]:
            found = _first_difference(old.get(key), new.get(key), f"{at}/{key}")
            if found is not None:
                return found
        return None
    if isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        if old != new and sorted(map(_canonical, old)) == sorted(map(_canonical, new)):
            return at
        for i, (a, b) in enumerate(zip(old, new, strict=True)):
            found = _first_difference(a, b, f"{at}/{i}")
            if found is not None:
                return found
        return None
    return None if type(old) is type(new) and old == new else at


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=str)
