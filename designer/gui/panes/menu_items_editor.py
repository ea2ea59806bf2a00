"""Where the plugin appears and what its buttons do.

Why one placement chooser above the list: the app accepts exactly one of conference, toolbar
or participants, and what an action receives depends on it. Choosing it first, with the
explanation beside it, makes the invalid "two placements" state impossible to build here.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, QSize, Qt, Signal
from PySide6.QtGui import QAction, QIcon, QKeySequence, QPalette, QPixmap, QValidator
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from ...core.iconrefs import icon_choices, resolve_icon
from ...core.jstext import is_identifier, one_line, shortened
from ...core.model import BrandingPackage, MenuItem, Plugin, PluginPackage
from ...core.wording import item_named
from ..bidi import IsolatingLabel, IsolatingPiecesDelegate
from ..commands import ModelEditor
from ..icon_render import render_icon
from ..menu_button import MenuButton, give_letters
from ..viewports import HeldViewport
from .form_rows import (
    NoteRow,
    add_row_with_side,
    add_unlabelled_row,
    keep_on_one_line,
    ok_cancel,
    show_field_text,
    show_row,
    typing_kept,
    wrapping_row,
)
from .plugin_form import PluginForm

_LIST_ROWS_MIN = 3  # the item list's height in rows, at least (room to see that items can be added)...
_LIST_ROWS_MAX = 8  # ...and at most: more rows scroll, and the item's fields stay near the list
_ARROW = "  →  "  # between a row's label and its action
_ROW_MEASURED = 1000  # characters of a label or an action measured at most (see _row_text)
# When the list's and the Icon box's icons are drawn again (see event): a screen of another scale,
# or another palette (light or dark appearance).
_REDRAW_ICONS = (QEvent.Type.DevicePixelRatioChange, QEvent.Type.PaletteChange)

# What Add item calls a new item until the user names it (also the label a label the plugin set
# gets back when that is switched off): "Make it do" renames only an item still called so.
NEW_ITEM_LABEL = "New item"

PLACEMENT_CHOICES = [
    ("toolbar", "Toolbar button", "A button in the floating toolbar of the meeting; its label is the hover tip. "
     "The action is told who is in the meeting and how the meeting is set."),
    ("conference", "Conference menu", "An entry in the conference control menu. "
     "The action is told how the meeting is set (whether it is locked, whether guests are muted, ...)."),
    ("participants", "Participant menu", "An entry in each participant's menu in the participant list. "
     "The action is told whose menu it was chosen from (their name, whether host or guest, ...)."),
    (None, "No button (works in the background)", "This plugin has no button or menu item: it works in the background, "
     "reacting to events such as chat messages. To give it one, choose Toolbar button, Conference menu or "
     "Participant menu in 'Appears in' above."),
]  # fmt: skip


# A label left to the plugin (null), in the list's row: in the words of the form's tick box and
# of the Icon box ("Set by the plugin while it runs"); the row said "label set at run time".
RUNTIME_LABEL = "(set by the plugin while it runs)"


def _refs_shown(choices: list[str], written: str | None, plugin: Plugin) -> list[str]:
    """The Icon box's references: the plugin's icons, with the item's own as the file spells it,
    in the place of the icon it names (``./icon.svg#icon`` for ``icon.svg#icon``), or first when
    it names none of them (a file not there).

    Why: ``./icon.svg#icon`` was listed twice, as written and as the plugin's icon, two entries
    for one drawing; picking the second rewrote the reference for nothing."""
    if not written or written in choices:
        return list(choices)
    meant = resolve_icon(plugin, written)
    if meant[0] is not None:
        for i, ref in enumerate(choices):
            if resolve_icon(plugin, ref) == meant:
                return [*choices[:i], written, *choices[i + 1 :]]
    return [written, *choices]


def _unplaced(p: PluginPackage | None) -> list[dict[str, Any]]:
    """The items a package file lists with no placement around them (``"menuItems": [{...}]``, a
    list where the app reads an object of placements); none otherwise.

    Why: the form showed such a plugin as "No button", and choosing a placement there, as PD300
    says to, gave an empty one: the items written by hand were lost. Choosing one puts them there.
    """
    written = p.raw.get("menuItems") if p is not None and p.menu_items is None else None
    return [item for item in written if isinstance(item, dict)] if isinstance(written, list) else []


def _section_not_a_list(p: PluginPackage | None, section: str | None) -> str:
    """What the form says of a placement the file holds as no list (``"toolbar": "record"``, read as
    no items) while it has none; empty otherwise.

    Why: the form showed 'Toolbar button' over an empty list, as if the plugin had no button yet,
    and PD102's words ("should be a list") did not say that Add item writes one in its place.
    """
    has_items = p is not None and bool((p.menu_items or {}).get(section or ""))
    written = p.raw.get("menuItems") if p is not None and section is not None and not has_items else None
    held = written.get(section, []) if isinstance(written, dict) else []
    if isinstance(held, list):
        return ""
    if _lone_item(p, section) is not None:
        return (
            " Its package file holds one item there without square brackets around it, so the app shows none: "
            "Add item puts it in a list, with the new item after it."
        )
    shown = shortened(json.dumps(held, ensure_ascii=False), 40)
    return f" Its package file holds {shown} in its place, not a list of items, so the app shows none: Add item writes one."


def _lone_item(p: PluginPackage | None, section: str | None) -> dict[str, Any] | None:
    """The one item a placement holds with no list around it (``"toolbar": {"icon": ...}``, as the
    file was read) while the model has no items there; None otherwise.

    Why: Add item wrote a list of the new item alone in its place, and the item written by hand
    was gone."""
    if p is None or section is None or (p.menu_items or {}).get(section):
        return None
    written = p.raw.get("menuItems")
    held = written.get(section) if isinstance(written, dict) else None
    return held if isinstance(held, dict) and held.keys() & {"icon", "label", "action"} else None


_NOT_A_REF = Qt.ItemDataRole.UserRole + 1  # the Icon box's entry for an icon that is no reference (see _no_icon_ref)


def _no_icon_ref(mi: MenuItem) -> str | None:
    """An item's icon as the file holds it when that is neither text nor null (``5``, a list), cut
    short; None otherwise. (PD102 says what a reference looks like, with a Fix.)"""
    written = mi.to_json()
    icon = written.get("icon") if isinstance(written, dict) and mi.icon is None else None
    return None if icon is None or isinstance(icon, str) else shortened(json.dumps(icon, ensure_ascii=False), 40)


def _no_action_text(mi: MenuItem) -> str | None:
    """An item's action as the file holds it when that is neither text nor null (``5``, a list),
    cut short, as its row and the Action field show it; None otherwise.

    Why: the row said "(no action)" and the field was empty, which the file does not say (PD102
    says what it holds).
    """
    written = mi.to_json()
    action = written.get("action") if isinstance(written, dict) and mi.action is None else None
    return (
        None
        if action is None or isinstance(action, str)
        else f"{shortened(json.dumps(action, ensure_ascii=False), 40)} (not text)"
    )


def _no_text(mi: MenuItem) -> str | None:
    """What the file holds as an item's label when that is neither text nor null (a list, an
    object), or as the whole item when that is not an object ("record"), as the list's row says it;
    None for any other item.

    Why: the form read both as a label left to the plugin, "(set by the plugin while it runs)",
    its tick box ticked and the Label greyed: the file says no such thing (PD102 says what it does).
    """
    written = mi.to_json()
    if not isinstance(written, dict):
        return f"{shortened(json.dumps(written, ensure_ascii=False), 40)} (not an item)"
    label = written.get("label")
    if label is None or isinstance(label, str) or mi.label is not None:
        return None
    return f"{shortened(json.dumps(label, ensure_ascii=False), 40)} (not text)"


class _ActionValidator(QValidator):
    """Lets through what can be, or become, a JavaScript function name: letters of any language
    (``función``, ``静音``), digits after the first character, ``_`` and ``$``. A reserved word
    (``class``) may be typed: leaving the field says why it is refused (the action note).

    Why not a regular expression: ``[A-Za-z_$]...`` refused every non-ASCII letter, which
    JavaScript accepts; the core's :func:`is_identifier` is the one rule for the form, the
    checks and the code the designer writes.
    """

    def __init__(self, parent: QWidget, current: Callable[[], str]) -> None:
        super().__init__(parent)
        self._current = current

    def fixup(self, text: str) -> str:
        """An emptied field, left or Entered, gets the item's action back. Why: an empty text is
        not acceptable, so Qt recorded nothing and said nothing, and the field stayed empty over
        an action the file still has."""
        return text or self._current()

    def validate(self, text: str, pos: int) -> object:
        # A name copied from the code with what is around it (the line's break, spaces, a tab) is
        # taken without them, as the Id and Label fields take it: pasted whole, it was refused
        # without a word. (No JavaScript name holds them, so nothing typed is lost.)
        stripped = text.strip()
        if stripped != text:
            pos = max(0, min(pos - (len(text) - len(text.lstrip())), len(stripped)))
            text = stripped
        if not text:
            return QValidator.State.Intermediate, text, pos
        if is_identifier(text) or is_identifier(text + "_"):  # (a reserved word: said when left)
            return QValidator.State.Acceptable, text, pos
        return QValidator.State.Invalid, text, pos


class MenuItemsEditor(PluginForm):
    """Placement + list of items with icon, label and action (objectName ``menuItemsEditor``)."""

    sig_open_file = Signal(str)  # show a file (a newly drawn icon) in its editor
    sig_icon_added = Signal(str)  # a built-in or imported icon (its file) now used by the item
    sig_recipes = Signal()  # "Make it do ▾" sent the user to the recipes (mute all guests, lock, ...)
    sig_said = Signal(str)  # a message for the window's status bar
    sig_show_code = Signal(str, int)  # show this file of the package at this line (1-based) in its editor

    def __init__(self, editor: ModelEditor, parent: QWidget | None = None) -> None:
        super().__init__(editor, parent)
        self.setObjectName("menuItemsEditor")
        self._loading = False
        self._action_shown_for: tuple[int, int] | None = None  # (plugin, row) the Action field shows (see typing_kept)
        self._choices: list[str] = []
        self._blank: QIcon | None = None  # see _blank_icon
        # What a switch took away, to give back when it is switched back (not part of the model):
        # the items of a plugin made event-only, and the text of a label left to the plugin. Kept
        # by plugin (its settings id) and item (its action), not by place: a plugin or item moved
        # meanwhile must not take another's; given back once, then forgotten.
        self._parked_items: dict[str, list[MenuItem]] = {}
        self._parked_labels: dict[tuple[str, str], str] = {}
        # (package file, placement) whose items the list shows when a plugin has items in several
        # (PD301): the first one, unless a problem or an undo was about an item of another.
        self._viewed: tuple[str, str] | None = None
        # The plugin and its items' actions as the list last showed them (see refresh).
        self._shown: tuple[str, list[str | None]] = ("", [])
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)  # the group box around the editor has the margins

        row = QHBoxLayout()
        self.placement_label = QLabel("&Appears in")
        row.addWidget(self.placement_label)
        self.placement = QComboBox(objectName="placementCombo")
        for key, text, _ in PLACEMENT_CHOICES:
            self.placement.addItem(text, key)
        self.placement.activated.connect(self._placement_chosen)
        # Not as wide as its longest choice at least: beside a dock on a laptop, that held the
        # form wider than its room. It takes the row's width, and shortens a choice only there.
        self.placement.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.placement.setMinimumContentsLength(len("Participant menu"))
        row.itemAt(0).widget().setBuddy(self.placement)
        row.addWidget(self.placement, 1)
        outer.addLayout(row)
        self.explain = QLabel(objectName="placementExplanation")
        self.explain.setWordWrap(True)
        outer.addWidget(self.explain)
        # The items and their fields, hidden for an event-only plugin ("No button"): greyed, an
        # empty list and dead buttons sat under a placement that has no items.
        self.items_area = QWidget(objectName="menuItemsArea")
        area = QVBoxLayout(self.items_area)
        area.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.items_area)

        self.list = QListWidget(objectName="menuItemsList")
        self.list.setAccessibleName("Buttons and menu items")  # no label of its own beside it
        self.list.setIconSize(QSize(24, 24))
        # (an Arabic or Hebrew label or action laid out right to left on its own: see bidi)
        self.list.setItemDelegate(IsolatingPiecesDelegate(_ARROW, self.list))
        self.list.currentRowChanged.connect(self._show_item)
        self._held_viewport = HeldViewport(self.list)
        self._list_viewport.installEventFilter(self)  # rows cut to its width again (see eventFilter)
        area.addWidget(self.list)
        self._fit_list()

        self.add_button = QPushButton("Add item", objectName="addItemButton")
        self.remove_button = QPushButton("Remove", objectName="removeItemButton")
        self.up_button = QPushButton("Move up", objectName="moveUpButton")
        self.down_button = QPushButton("Move down", objectName="moveDownButton")
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        # Delete on the selected row removes it, as in other lists: only the Remove button did.
        remove = QAction("Remove", self.list, shortcut=QKeySequence.StandardKey.Delete)
        remove.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        remove.triggered.connect(lambda: self.remove_button.isEnabled() and self._remove())
        self.list.addAction(remove)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        buttons = (self.add_button, self.remove_button, self.up_button, self.down_button)
        area.addWidget(wrapping_row(list(buttons), "itemButtonsRow"))

        form = QFormLayout()
        self.icon = QComboBox(objectName="iconCombo")
        self.icon.setIconSize(QSize(24, 24))
        self.icon.setToolTip(
            "The picture on the button: an SVG file of the plugin and the id inside it, written "
            "'file.svg#id' in the package file."
        )
        self.icon.activated.connect(self._icon_chosen)
        self.icon_add = MenuButton("New icon ▾", "addIconButton")
        self.icon_add.setToolTip("Draw an icon, pick a built-in one or import an SVG, and use it for this item")
        self.icon_add.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        icon_menu = QMenu(self.icon_add)
        for key, text in (
            ("draw", "&Draw a new icon…"),
            ("builtin", "Pick a &built-in icon…"),
            ("import", "&Import an SVG file…"),
        ):
            action = icon_menu.addAction(text)
            action.setObjectName(f"addIcon_{key}")
            action.triggered.connect(lambda _on=False, k=key: self.add_icon(k))
        self.icon_add.setMenu(icon_menu)
        add_row_with_side(form, "I&con", self.icon, self.icon_add)  # not Alt+I: the Id has it
        self.label = QLineEdit(objectName="labelEdit")
        self.label.setToolTip("The text users see (for toolbar buttons: the hover tip).")
        self.label.textEdited.connect(self._label_edited)
        keep_on_one_line(self.label)
        # Readable beside its tick box; narrower, the row goes under its label instead.
        self.label.setMinimumWidth(self.label.fontMetrics().horizontalAdvance("Mute guests"))
        self.label_runtime = QCheckBox("Set by the plugin while it runs", objectName="labelRuntimeCheck")
        # In the words of someone who never wrote the plugin's code: it said "Leave the label empty
        # (null) so the plugin's state$ sets it" (Help ▸ Guide Terms has state$ for those who look).
        self.label_runtime.setToolTip(
            "The plugin's code gives this item its text while the meeting runs, such as a button that "
            "reads 'Lock the meeting' or 'Unlock the meeting' as the meeting is. Untick it to write one here."
        )
        self.label_runtime.toggled.connect(self._label_runtime_toggled)
        add_row_with_side(form, "&Label", self.label, self.label_runtime)
        # What the plugin's code shows instead while the meeting runs (state$), and where: the icon
        # and label chosen above never showed in the preview of a toggle button, and nothing said why.
        self.state_note = IsolatingLabel(objectName="stateNote", wordWrap=True)
        self.state_note.setTextFormat(Qt.TextFormat.PlainText)  # it quotes the code's labels
        self.state_button = QPushButton("Show in the code", objectName="stateCodeButton")
        self.state_button.setToolTip("Opens the plugin's source at the line that sets the icon and label")
        self.state_button.clicked.connect(self._state_code_clicked)
        self._state_at: tuple[str, int] | None = None  # (source file, line) the note names
        state_row = QWidget(objectName="stateRow")
        state_layout = QVBoxLayout(state_row)  # (the button under the note: beside it, the note
        state_layout.setContentsMargins(0, 0, 0, 0)  # wrapped into a narrow column seven lines tall)
        state_layout.addWidget(self.state_note)
        state_layout.addWidget(self.state_button, 0, Qt.AlignmentFlag.AlignLeft)
        add_unlabelled_row(form, state_row)
        self._state_row = state_row
        self.action = QLineEdit(objectName="actionEdit")
        self.action.setValidator(
            _ActionValidator(self.action, lambda: (mi := self._current_item()) and mi.action or "")
        )
        self.action.setToolTip("The name of the function in the source that runs when the item is clicked.")
        self.action.editingFinished.connect(self._action_edited)
        self.action.editingFinished.connect(lambda: self.action.setModified(False))  # recorded (or refused)
        self.action.setProperty("recordsWhenLeft", True)  # see PluginForm.eventFilter
        # "Make it do ▾": what the item does, written into its function without any JavaScript.
        self.make_button = MenuButton("Make it do ▾", "makeItDoButton")
        self.make_button.setToolTip("Choose what clicking the item does; the designer writes the code for it")
        self.make_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.make_menu = QMenu(self.make_button, objectName="makeItDoMenu")
        self.make_menu.aboutToShow.connect(self._fill_make_menu)
        self.make_menu.aboutToShow.connect(self._readable_notes)
        self.make_menu.aboutToShow.connect(lambda: give_letters(self.make_menu))  # (after the fill)
        self.make_button.setMenu(self.make_menu)
        add_row_with_side(form, "Ac&tion", self.action, self.make_button)
        self.action_note = NoteRow(form, "actionNote")
        self.action_note.setTextFormat(Qt.TextFormat.PlainText)  # it quotes names the user chose
        # What to know about what "Make it do" wrote (a host-only action in a plugin guests get too).
        self.behaviour_note = NoteRow(form, "behaviourNote")
        self.behaviour_note.setTextFormat(Qt.TextFormat.PlainText)
        # Action sync: the action's function in the source (create it, or follow a rename in the code)
        self.sync_note = IsolatingLabel(objectName="actionSyncNote", wordWrap=True)
        self.sync_note.setTextFormat(Qt.TextFormat.PlainText)  # it quotes names the user chose
        self.sync_button = QPushButton(objectName="actionSyncButton")
        self.sync_button.clicked.connect(self._sync_clicked)
        self._sync: tuple[str, str] | None = None  # ("create", action), ("use", registered key) or ("keep", old)
        self._sync_stale = False
        self._sync_waits = False  # the source is a big one a worker is analysing: see _update_sync
        # (plugin key, action) -> the name the code kept when the user chose "Keep the code as it is"
        # for that rename: the form does not then offer to "use" it, which would undo their rename.
        self._kept_code: dict[tuple[str, str], str] = {}
        sync_row = QWidget(objectName="actionSyncRow")
        sync_layout = QHBoxLayout(sync_row)
        sync_layout.setContentsMargins(0, 0, 0, 0)
        sync_layout.addWidget(self.sync_note, 1)
        sync_layout.addWidget(self.sync_button)
        add_unlabelled_row(form, sync_row)
        self._form = form
        self._sync_row = sync_row
        self._show_sync(None)
        show_row(form, state_row, False)
        # The form is shown again inside each undo and redo, while the stack still has the step
        # before: "Keep the code as it is" is for the last step, so it looks again once the stack has moved.
        editor.undo_stack.indexChanged.connect(self._step_moved)
        area.addLayout(form)
        self.merge_while_focused(self.placement, self.icon)  # arrowing through them: one undo step
        self._built = True  # until here Qt may send events the form cannot answer yet (see event)

    # -- helpers ---------------------------------------------------------------------------
    def _plugin(self, pkg: BrandingPackage | None = None) -> Plugin:
        return (pkg or self.editor.package).plugins[self.index]

    def _items(self, pkg: BrandingPackage | None = None) -> list[MenuItem]:
        p = self._plugin(pkg).package
        if p is None or not p.menu_items:
            return []
        return p.menu_items[self._shown_section(p)]

    def _hidden_items(self) -> str:
        """What the form says of items in the placements after the first (PD301), which its list
        does not show; empty when there are none.

        Why: the list shows the first placement's items only, so the others were nowhere to be
        seen, and "Appears in" gave no hint that choosing it gathers them all there.
        """
        from ...core.wording import PLACEMENT_NAMES, counted

        p = self._plugin().package
        if said := _section_not_a_list(p, self._section()):
            return said
        if loose := _unplaced(p):
            return (
                f" Its package file lists {counted(len(loose), 'item')} without a placement (its menuItems is a list): "
                "choose one under 'Appears in' to put them there."
            )
        shown = self._shown_section(p) if p else None
        others = [(sec, len(items)) for sec, items in (p.menu_items or {}).items() if sec != shown] if p else []
        if not others:
            return ""

        said = ", ".join(counted(n, PLACEMENT_NAMES.get(sec, sec).lower()) for sec, n in others)
        return (
            f" It also has {said}, not listed here: a plugin may use one placement only. Choose one "
            "under 'Appears in' (this one too) to put all of its items there."
        )

    def _parking_key(self) -> str:
        """Whose items and labels are put aside (see _placement_chosen, _label_runtime_toggled): the
        plugin's package file, which a new id leaves where it is (kept under the id, they were lost
        to a plugin whose id was renamed meanwhile)."""
        plugin = self._plugin()
        return plugin.package_path or plugin.key

    def _section(self) -> str | None:
        p = self._plugin().package
        return self._shown_section(p) if p else None

    def _shown_section(self, p: PluginPackage) -> str | None:
        """The placement whose items the list shows: the first, or the one viewed (see field_for)."""
        if not p.sections:
            return None
        viewed = self._viewed
        if viewed is not None and viewed[0] == self._parking_key() and viewed[1] in p.sections:
            return viewed[1]
        return p.sections[0]

    def _view_placement(self, section: str) -> None:
        """Shows the items of ``section``, one of several placements the plugin has items in (PD301).

        Why: the list showed the first placement's items only, so a problem (or an undo) about
        the second item of another placement selected the second item of the first.
        """
        p = self._plugin().package
        if p is None or section not in p.sections or section == self._section():
            return
        self._viewed = (self._parking_key(), section)
        self.refresh()

    def field_for(self, pointer: str) -> QWidget | None:
        """The widget for ``/menuItems[/section[/n[/key]]]``; selects item n on the way."""
        parts = pointer.split("/")[1:]
        if not parts or parts[0] != "menuItems":
            return None
        if len(parts) >= 3 and parts[2].isdigit():
            self._view_placement(parts[1])
        if len(parts) >= 3 and parts[2].isdigit() and int(parts[2]) < self.list.count():
            self.list.setCurrentRow(int(parts[2]))
            return {"icon": self.icon, "label": self.label, "action": self.action}.get(
                parts[3] if len(parts) > 3 else "", self.list
            )
        return self.placement

    # -- model -> widgets ------------------------------------------------------------------
    def refresh(self) -> None:
        if self.shown_plugin() is None:
            return
        self._loading = True
        try:
            section = self._section()
            pos = next(i for i, (k, _, _) in enumerate(PLACEMENT_CHOICES) if k == section or k is None)
            if section is not None and PLACEMENT_CHOICES[pos][0] is None:
                # (a placement written by hand that the app does not know: it said "No button", and
                # "This plugin has no button or menu item" above the items listed)
                # (the placeholder only then: set for good, its width widened the form beside a dock)
                self.placement.setPlaceholderText("(unknown placement)")
                self.placement.setCurrentIndex(-1)
                self.explain.setText(
                    f"'{shortened(section, 40)}' is no placement the app knows, so these items do not show. Choose "
                    "Toolbar button, Conference menu or Participant menu under 'Appears in' to put them there."
                    + self._hidden_items()
                )
            else:
                self.placement.setPlaceholderText("")
                self.placement.setCurrentIndex(pos)
                self.explain.setText(PLACEMENT_CHOICES[pos][2] + self._hidden_items())
            row = self._row_to_keep(self.list.currentRow())
            self._choices = icon_choices(self.editor.package, self._plugin())
            # Rows are updated in place, with the list's signals held: clearing it made it report
            # "no row", which greyed the item fields for a moment, and a greyed Label field loses
            # the keyboard, so the second letter typed into a label went to the project tree.
            with QSignalBlocker(self.list):
                self._fill_rows(self._items())
                if self.list.count():
                    self.list.setCurrentRow(min(max(row, 0), self.list.count() - 1))
            self._fit_list()
            self.items_area.setVisible(section is not None)
        finally:
            self._loading = False
        self._show_item(self.list.currentRow())

    def _row_to_keep(self, row: int) -> int:
        """The row to select after a change: ``row``, or where its item went when the items were
        only reordered (undo of "Move up": the moved item stays selected, not the one that took
        its place; redo of "Add menu item" or undo of "Remove": the item that came back is
        selected, not left beside it). Remembers the items as they are now, for the next change."""
        key, actions = self._plugin().key, [mi.action for mi in self._items()]
        (shown_key, shown), self._shown = self._shown, (key, actions)
        if key == shown_key and len(actions) == len(shown) + 1:
            # (None when more changed than one item coming back: several steps undone while the
            # page was hidden, and the row is kept as it is)
            added = next((i for i in range(len(actions)) if actions[:i] + actions[i + 1 :] == shown), None)
            if added is not None:
                return added
        if key == shown_key and shown != actions and sorted(map(str, shown)) == sorted(map(str, actions)):
            if 0 <= row < len(shown) and actions.count(shown[row]) == 1:
                return actions.index(shown[row])
        return row

    def _fill_rows(self, items: list[MenuItem]) -> None:
        """One row per menu item, the rows there already reused (the icon drawn afresh: its file
        or the theme may have changed)."""
        while self.list.count() > len(items):
            self.list.takeItem(self.list.count() - 1)
        for i, mi in enumerate(items):
            text = self._row_text(mi)
            if i == self.list.count():
                self.list.addItem(text)
            row = self.list.item(i)
            if row.text() != text:
                row.setText(text)
            row.setIcon(self._row_icon(mi.icon))

    @property
    def _list_viewport(self) -> QWidget:
        """The list's viewport: its width is what a row may take (see HeldViewport)."""
        return self._held_viewport.get()

    def _row_text(self, mi: MenuItem) -> str:
        """An item's row: its label (or what the file holds in its place) and its action."""
        odd = _no_text(mi)
        label = mi.label if mi.label is not None else RUNTIME_LABEL if odd is None else odd
        return self._fitted_row(label, mi.action or _no_action_text(mi) or "(no action)")

    def _fitted_row(self, label: str, action: str) -> str:
        """A row's text: label and action, each cut short in the middle (start and end kept) to the
        list's width, the action to half of it at most; the label on one line, as the app shows it.

        Why by width: a label of 5,000 letters made the row as wide, and the list scrolled sideways
        with the action out of sight; cut at 60 characters, a label of wide letters (Chinese,
        emoji, W) was still wider than a narrow list. (A line break written by hand made the row
        three lines tall.) Only the first thousand characters are measured: what a row can show.
        """
        metrics = self.list.fontMetrics()
        margin = self.list.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.list) + 1
        # (the icon, the margins the style lays around it and the text, with one to spare, the arrow)
        chrome = self.list.iconSize().width() + 6 * margin + metrics.horizontalAdvance(_ARROW)
        room = max(self._list_viewport.width() - chrome, 0)
        label = shortened(one_line(label), _ROW_MEASURED)
        action = shortened(action, _ROW_MEASURED)
        middle = Qt.TextElideMode.ElideMiddle
        action = metrics.elidedText(action, middle, max(room // 2, room - metrics.horizontalAdvance(label)))
        return metrics.elidedText(label, middle, room - metrics.horizontalAdvance(action)) + _ARROW + action

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        # The list narrower or wider (the window or the dock beside it resized, its scroll bar
        # shown), or shown again after rows were filled while it was hidden: rows cut to its width.
        if (
            event.type() in (QEvent.Type.Resize, QEvent.Type.Show)
            and hasattr(self, "_held_viewport")
            and obj is self._list_viewport
            and getattr(self, "_built", False)
            and self.shown_plugin() is not None
        ):
            # (the texts only: drawing every icon again on each step of a window's resize was slow)
            for row, mi in zip(range(self.list.count()), self._items(), strict=False):
                if (text := self._row_text(mi)) != self.list.item(row).text():
                    self.list.item(row).setText(text)
        return super().eventFilter(obj, event)

    def _fit_list(self) -> None:
        """The list as tall as its rows: room for three at least, for up to eight, then it scrolls.

        Why: a fixed 160 px box, empty under the one item most plugins have, pushed the item's
        Icon, Label and Action fields below the fold of a laptop screen.
        """
        rows = min(max(self.list.count(), _LIST_ROWS_MIN), _LIST_ROWS_MAX)
        frame = self.list.frameWidth() * 2
        self.list.setFixedHeight(frame + rows * self._row_height())

    def _row_height(self) -> int:
        """The height of one row: every row has an icon (a blank one when it has none)."""
        if self.list.count():
            return self.list.sizeHintForRow(0)
        with QSignalBlocker(self.list):  # measured on a row like the others, there for a moment
            self.list.addItem(QListWidgetItem(self._blank_icon(), "X"))
            height = self.list.sizeHintForRow(0)
            self.list.takeItem(0)
        return height

    def _blank_icon(self) -> QIcon:
        """A transparent icon for rows whose item has none: their text lines up with the others'
        and the rows are the same height (a row without an icon was a few pixels shorter)."""
        if self._blank is None:
            size = self.list.iconSize()
            pixmap = QPixmap(size)
            pixmap.fill(Qt.GlobalColor.transparent)
            self._blank = QIcon(pixmap)
        return self._blank

    def _row_icon(self, ref: str | None) -> QIcon:
        """The icon of an item's row in the list: its own, or the blank one (see _blank_icon)."""
        icon = self._icon_for(ref)
        return self._blank_icon() if icon.isNull() else icon

    def _icon_for(self, ref: str | None) -> QIcon:
        if not ref:
            return QIcon()
        plugin = self._plugin()
        file_part, _, frag = ref.partition("#")
        rel = plugin.resolve(file_part)
        if not rel or not self.editor.package.exists(rel):
            return QIcon()
        try:
            data = self.editor.package.read_text(rel).encode("utf-8")
        except (OSError, UnicodeDecodeError):
            return QIcon()
        # Drawn at the size the list and the Icon box show it (both 24 px), in the screen's pixels:
        # drawn at 32 and shrunk, its thin lines went grey and blurred.
        size = self.list.iconSize().width()
        return QIcon(render_icon(data, frag, self.palette().text().color().name(), size, self.devicePixelRatioF()))

    def _show_item(self, row: int) -> None:
        items = self._items() if self.isEnabled() else []
        has = 0 <= row < len(items)
        for w in (self.icon, self.label, self.label_runtime, self.action, self.remove_button):
            w.setEnabled(has)
        self.make_button.setEnabled(has and self._source()[1] is not None)
        self.up_button.setEnabled(has and row > 0)
        self.down_button.setEnabled(has and row < len(items) - 1)
        self._update_sync(items[row] if has else None)
        if not has:
            # Greyed, they kept the removed item's icon, label and action: the page showed (and a
            # screen reader read out) "Label: Lower hand" for an item no longer there.
            self._loading = True
            try:
                self.icon.clear()
                self.label_runtime.setChecked(False)
                self.label.clear()
                self.action.clear()
                self.action.setPlaceholderText("")
                self.action_note.setText("")
            finally:
                self._loading = False
            # It shows no item's action now: the clear counts as typing (isModified), which the
            # item shown here before kept as its own when it came back (an empty Action field).
            self._action_shown_for = None
            return
        mi = items[row]
        self._loading = True
        try:
            self.icon.clear()
            self.icon.addItem(self._no_icon_text(), None)
            self.icon.setItemData(
                0,
                "Writes the icon as null: the plugin sets it while it runs, with "
                "state$.next({icon: 'file.svg#id', label: '...'})."
                if self._section() == "toolbar"
                else "Writes the icon as null: the menu shows the label alone, unless the plugin's code "
                "gives it an icon while it runs, with state$.next({icon: 'file.svg#id', label: '...'}).",
                Qt.ItemDataRole.ToolTipRole,
            )
            for ref in _refs_shown(self._choices, mi.icon, self._plugin()):
                self.icon.addItem(self._icon_for(ref), ref, ref)
            self.icon.setCurrentIndex(max(0, self.icon.findData(mi.icon)) if mi.icon else 0)
            if (odd := _no_icon_ref(mi)) is not None:
                # ("icon": 5) As the file has it, not as "(set by the plugin while it runs)": null it is not.
                self.icon.insertItem(1, f"{odd} (not a reference)")
                self.icon.setItemData(1, True, _NOT_A_REF)
                self.icon.setCurrentIndex(1)
            runtime = mi.label is None and _no_text(mi) is None
            self.label_runtime.setChecked(runtime)
            self.label.setEnabled(not runtime)
            shown = self._parked_labels.get((self._parking_key(), mi.action or ""), "") if runtime else mi.label or ""
            show_field_text(self.label, shown)  # greyed while the plugin sets it: what Untick gives back
            if not typing_kept(self.action, self._action_shown_for, (self.index, row)):
                show_field_text(self.action, mi.action or "")
            self.action.setPlaceholderText(_no_action_text(mi) or "")
            self.action_note.about((self.index, self._parking_key(), row, mi.action))
            self._action_shown_for = (self.index, row)
        finally:
            self._loading = False

    def _no_icon_text(self) -> str:
        """The Icon box's entry for no icon (null). A toolbar button is only its icon, so null there
        means the plugin sets it while it runs; a menu item without one shows its label alone (the
        box said "set by the plugin while it runs" for every new menu item, which none needed). Short
        for a menu item: "(none, or set by the plugin while it runs)" was cut off beside the Preview
        on a laptop ("...while it r"); the entry's tip says that the code may still give one."""
        if self._section() == "toolbar":
            return "(set by the plugin while it runs)"
        return "(no icon)"

    # -- widgets -> model ------------------------------------------------------------------
    def _name(self) -> str:
        return self._plugin().display_name

    def _edit_item(self, text: str, change: Any, merge: str | None = None, subject: str = "") -> None:
        row, index = self.list.currentRow(), self.index

        def mutate(pkg: BrandingPackage) -> None:
            change(self._items(pkg)[row])

        self.editor.edit(text, mutate, f"{index}/item/{row}/{merge}" if merge else None, subject)

    def _placement_chosen(self, pos: int) -> None:
        new = PLACEMENT_CHOICES[pos][0]
        old = self._section()
        if new == old and len(self._plugin().package.sections if self._plugin().package else []) < 2:
            return  # (chosen again with items in several placements: they all come here, see _hidden_items)
        index = self.index
        parked = self._parked_items
        key = self._parking_key()

        def mutate(pkg: BrandingPackage) -> None:
            p = pkg.plugins[index].package
            was = p.sections[0] if p.sections else None
            # Every placement's items, not the first one's only: a plugin with items in two (PD301)
            # lost the second's without a word when the user chose the one it may have.
            sections = dict(p.menu_items or {})
            items = [mi for section in sections.values() for mi in section]
            if not items and (lone := next(((s, h) for s in sections if (h := _lone_item(p, s)) is not None), None)):
                # (one item with no list around it, "toolbar": {...}: it goes along, in a list)
                items = [MenuItem.from_json(copy.deepcopy(lone[1]))]
                sections = {lone[0]: items}
            if not new:  # event-only: the items wait here in case the user switches back
                if items:
                    parked[key] = copy.deepcopy(items)
                else:  # (none to wait: ones parked earlier and removed since do not come back)
                    parked.pop(key, None)
            elif was is None and key in parked:
                # Kept, not used up: when this step is undone, choosing a placement again gives
                # them back again (it gave an empty toolbar).
                items = copy.deepcopy(parked[key])
                sections = {was: items}
            elif was is None and (loose := _unplaced(p)):  # (as written, each with its own keys)
                items = [MenuItem.from_json(copy.deepcopy(item)) for item in loose]
                sections = {was: items}
            # Event-only is an empty menuItems object, as the app and the recipes have it (null is
            # not an object: the schema refuses it).
            p.menu_items = {new: items} if new else {}
            for old_place, moved in (sections or {was: []}).items():  # (none: the comments still follow)
                _give_parameters(pkg, pkg.plugins[index], [mi.action for mi in moved if mi.action], old_place, new)
            if new:  # (event-only: "a toolbar button" may come back; nothing better to say)
                from ...core.actionsync import retell_starter_description  # (with the first edit, not at start-up)

                p.description = retell_starter_description(p.description, p.name or "", p.name or "", new)

        self.editor.edit(
            f"Show '{{subject}}' in: {PLACEMENT_CHOICES[pos][1]}",
            mutate,
            self.merge_key(self.placement, f"{index}/placement"),
            self._name(),
        )

    def _add(self) -> None:
        existing = {mi.action for mi in self._items()}
        n = 1
        while f"action{n}" in existing:
            n += 1
        action = f"action{n}"
        # A toolbar button is only its icon: with none it showed empty, and PD309 warned at once,
        # before the user had done anything wrong. Menu items show their label, so they need none.
        toolbar = self._section() == "toolbar"
        icon = self._new_button_icon() if toolbar else None
        index = self.index

        lone = _lone_item(self._plugin().package, self._section())

        def mutate(pkg: BrandingPackage) -> None:
            ref = icon
            plugin = pkg.plugins[index]
            if lone is not None and not self._items(pkg):
                self._items(pkg).append(MenuItem.from_json(copy.deepcopy(lone)))  # (kept, in the list it lacked)
            if toolbar and ref is None and plugin.folder and pkg.files.writable:
                # No icon in the plugin to reuse: the star a new plugin starts with, in the same
                # undo step, until the user draws or picks one ("New icon ▾").
                from ...core.iconfiles import add_icon_file
                from ...core.newproject import placeholder_icon

                ref = add_icon_file(pkg, plugin, "icon", placeholder_icon("icon"))[1]
            self._items(pkg).append(MenuItem(action=action, icon=ref, label=NEW_ITEM_LABEL))

        self.editor.edit(f"Add a menu item to '{self._name()}'", mutate)  # (named 'New item' until its label is typed)
        self.list.setCurrentRow(self.list.count() - 1)
        # The keyboard goes to the new item's label, "New item" selected: what is typed next
        # names it. It stayed on the button, so the first thing typed went nowhere, and a click
        # into the field still had to select "New item" before typing over it.
        if self.label.isEnabled():
            self.label.setFocus(Qt.FocusReason.OtherFocusReason)
            self.label.selectAll()
            page = self.parentWidget()
            while page is not None and not isinstance(page, QScrollArea):
                page = page.parentWidget()
            if page is not None:  # in sight, too: below the button, it may be under the page's fold
                page.ensureWidgetVisible(self.label)

    def _new_button_icon(self) -> str | None:
        """The icon a new toolbar button starts with, to be changed by the user: an icon of the
        plugin that no item uses yet, else the one the last item with a working icon uses
        (None when the plugin has no icon: ``_add`` then adds the placeholder star)."""
        choices = icon_choices(self.editor.package, self._plugin())
        used = [mi.icon for mi in self._items() if mi.icon in choices]
        spare = [ref for ref in choices if ref not in used]
        if spare:
            return spare[0]
        return used[-1] if used else None

    def _remove(self) -> None:
        row = self.list.currentRow()
        mi = self._items()[row]
        had_keyboard = self.remove_button.hasFocus()
        self.editor.edit(
            f"Remove {item_named(mi, row, 'menu item ')} from '{self._name()}'", lambda pkg: self._items(pkg).pop(row)
        )
        # The last item gone, Remove is off and Qt gave the keyboard to the next control still on:
        # "New icon", for an item no longer there. Add item is what a user does next.
        if had_keyboard and not self.remove_button.isEnabled():
            self.add_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _move(self, delta: int) -> None:
        row = self.list.currentRow()
        mi = self._items()[row]
        button = self.up_button if delta < 0 else self.down_button
        had_keyboard = button.hasFocus()

        def mutate(pkg: BrandingPackage) -> None:
            items = self._items(pkg)
            items.insert(row + delta, items.pop(row))

        self.editor.edit(f"Move {item_named(mi, row, 'menu item ')} {'up' if delta < 0 else 'down'}", mutate)
        self.list.setCurrentRow(row + delta)
        # At the top (or bottom) the button turns itself off, and Qt gave the keyboard to the next
        # control still on: the Icon list, for which the next arrow key chose another icon. The
        # list of items, with the moved item selected, is where the arrow keys go on from.
        if had_keyboard and not button.isEnabled():
            self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _icon_chosen(self, pos: int) -> None:
        if self._loading or self.icon.itemData(pos, _NOT_A_REF):
            return  # (what the file holds, chosen again: nothing to change)
        ref = self.icon.itemData(pos)
        # In the combo's words, of the item (not of the plugin): "to 'set at run time'" was no
        # wording the form uses.
        # (an item with neither label nor action by its place: the step said "Change icon of ''")
        named = self._item_named()
        if ref:
            text = f"Change icon of {named} to '{ref}'"
        elif self._section() == "toolbar":  # (as the label's tick box says it: "... to set by the plugin" read oddly)
            text = f"Let '{self._name()}' set the icon of {named} while it runs"
        else:
            text = f"Remove the icon of {named}"
        self._edit_item(
            text,
            lambda mi: mi.set_written("icon", ref),  # (null over "icon": 5 too)
            self.merge_key(self.icon, "icon"),
        )

    def add_icon(self, source: str, name: str | None = None) -> str | None:
        """A new icon (drawn, built-in or imported) used by the selected item, in one undo step.

        ``name``: the new icon's name or the built-in icon's (asked for when None). A drawn icon
        opens in the icon editor right away (``sig_open_file``).
        """
        from .icon_sources import IconAdder

        row = self.list.currentRow()
        if not 0 <= row < len(self._items()):
            return None
        adder = IconAdder(self, lambda: self.editor)
        added: list[str] = []
        adder.sig_added.connect(added.append)

        def use(pkg: BrandingPackage, ref: str) -> None:
            self._items(pkg)[row].icon = ref

        if source == "draw":
            ref = adder.new_icon(self.index, name, then=use)
        elif source == "builtin":
            ref = adder.builtin_icon(self.index, name, then=use)
        else:
            ref = adder.import_svg(self.index, Path(name) if name else None, then=use)
        adder.deleteLater()
        if ref and added:  # a drawn one opens in the icon editor; the others are said in the status bar
            (self.sig_open_file if source == "draw" else self.sig_icon_added).emit(added[0])
        return ref

    def _label_edited(self, text: str) -> None:
        if self._loading:
            return
        # Which label: "Change label to 'Stop'" did not say of which item (nor of which plugin).
        self._edit_item(
            f"Change label of {{subject}} to '{text}'", lambda mi: mi.set_written("label", text), "label",
            self._item_named(),
        )  # fmt: skip

    def _label_runtime_toggled(self, on: bool) -> None:
        if self._loading:
            return
        row = self.list.currentRow()
        items = self._items()
        key = (self._parking_key(), items[row].action or "" if 0 <= row < len(items) else "")
        if on and self.label.text():
            self._parked_labels[key] = self.label.text()
        elif on:  # (no label to keep: one kept earlier and cleared since does not come back)
            self._parked_labels.pop(key, None)
        # Kept, not used up: when this untick is undone, the greyed field still shows the label,
        # and unticking again gives it back again (it gave "New item").
        value = None if on else (self._parked_labels.get(key, "") or self.label.text() or NEW_ITEM_LABEL)
        if on:  # (in the words of the tick box, "Set by the plugin while it runs")
            text = f"Let '{self._name()}' set the label of {self._item_named()} while it runs"
        else:
            text = f"Change label of {self._item_named()} to '{value}'"
        self._edit_item(text, lambda mi: mi.set_written("label", value))
        # Unticked, the label is the user's to write: the keyboard goes there with the text
        # selected, as after Add item, so what is typed next replaces "New item". It stayed on the
        # tick box: typing went nowhere, and the user had to clear "New item" by hand first.
        if not on and self.label.isEnabled():
            self.label.setFocus(Qt.FocusReason.OtherFocusReason)
            self.label.selectAll()

    def _action_edited(self) -> None:
        if self._loading or not self.action.isEnabled():
            return
        new = self.action.text().strip()
        row = self.list.currentRow()
        items = self._items()
        if not (0 <= row < len(items)) or new == items[row].action:
            return
        if not is_identifier(new):
            self._refuse_action(
                f"'{shortened(new, 40)}' cannot be an action, which must be a function name: letters (of any language), "
                "digits (not first), _ or $, not a JS keyword."
            )
            return
        from ...core.actionsync import RESERVED_KEYS

        if new in RESERVED_KEYS:
            self._refuse_action(
                f"'{shortened(new, 40)}' is a name the app gives its own meaning in registerPlugin (the plugin's id, load, "
                "unload, its state); choose another action name."
            )
            return
        if any(mi.action == new for i, mi in enumerate(items) if i != row):
            self._refuse_action(f"Another item already uses '{shortened(new, 40)}'; each item needs its own action.")
            return
        old = items[row].action
        rel, source = self._source()
        if source is not None:
            from ...core.actionsync import hidden_global

            line = hidden_global(source, new)
            if line is not None:  # (a function 'PEX' hides the app's PEX: registerPlugin itself fails)
                self._refuse_action(
                    f"{rel.rsplit('/', 1)[-1]} uses '{new}' from the browser or the app (line {line}); "
                    f"a function called '{new}' would hide it and the plugin would stop working. "
                    "Choose another action name."
                )
                return
        self.action_note.setText("")  # (a name taken: why an earlier one was refused is said no more)
        renamed = None
        refused = ""  # why the code was left as it is, when it was asked to follow
        what = "function"
        if old and source is not None:
            from ...core.actionsync import action_state, rename_action_function

            st = action_state(source, old)
            # (a key with no function yet follows too: left behind, the form offered to "use" the old name)
            if st.registered and not action_state(source, new).function:
                try:
                    renamed = rename_action_function(source, old, new)
                    what = "function" if st.function else "registerPlugin key"
                except ValueError as exc:
                    renamed, refused = None, str(exc)
        if renamed is None:
            self._edit_item(f"Change action of {self._item_named()} to '{new}'", lambda mi: setattr(mi, "action", new))
            if refused:
                # Why: the code kept '{old}' without a word, and the form's offer to "use" it again
                # read as if the rename had been forgotten.
                self.sig_said.emit(
                    f"The item's action is now '{new}', but '{old}' in {rel.rsplit('/', 1)[-1]} keeps its name: {refused}."
                )
            return

        def mutate(pkg: BrandingPackage) -> None:
            self._items(pkg)[row].action = new
            pkg.pending_texts[rel] = renamed

        name = rel.rsplit("/", 1)[-1]
        self.editor.edit(
            f"Change action of {self._item_named()} to '{new}' and rename {what} '{old}' in {name}", mutate
        )
        # Marked so the form offers "Keep the code as it is" while this step is the last one (redo
        # brings the offer back, undo takes it away): see _update_sync. With the plugin's key: another
        # plugin's item of the same action offered it too, and its click undid this rename.
        stack = self.editor.undo_stack
        stack.command(stack.index() - 1).code_rename = (what, old, new, self._plugin().key)
        self._update_sync(self._items()[row])  # (the form was shown again during the push, unmarked)

    def _refuse_action(self, why: str) -> None:
        """The field shows the item's action again, and the note says which name was refused and
        why, as the Id field does. Why: the refused text stayed in the field over an action the
        file did not have, and went back without a word when the form was next shown."""
        self.action_note.setText(why)
        mi = self._current_item()
        show_field_text(self.action, mi.action or "" if mi else "")

    # -- action sync -------------------------------------------------------------------------
    def _source(self) -> tuple[str, str | None]:
        """The plugin's source file and its text (None when there is none or it cannot be edited)."""
        pkg = self.editor.package
        rel = self._plugin().source_path or ""
        if not rel or not pkg.files.writable or not pkg.exists(rel):
            return rel, None
        try:
            return rel, pkg.read_text(rel)
        except (OSError, KeyError, UnicodeDecodeError):
            return rel, None

    def _show_sync(self, mode: tuple[str, str] | None, note: str = "", button: str = "") -> None:
        self._sync = mode
        self.sync_note.setText(note)
        self.sync_button.setText(button)
        show_row(self._form, self._sync_row, mode is not None)

    def event(self, event: QEvent) -> bool:
        # The window moved to a screen of another scale: the icons of the list and the Icon box
        # are drawn for the pixels of the screen they are on, so draw them again for the new one
        # or they are blown up and blurred. (Qt says so here only, never in changeEvent.)
        # The same when light and dark appearance switch: the icons are drawn in the palette's text
        # colour, and kept the old one (black icons on the dark list).
        # Only the pictures: the fields stay as they are (an action being typed is not recorded yet).
        if event.type() in _REDRAW_ICONS and getattr(self, "_built", False) and self.shown_plugin() is not None:
            items = self._items()
            for row in range(min(self.list.count(), len(items))):
                self.list.item(row).setIcon(self._row_icon(items[row].icon))
            for pos in range(self.icon.count()):
                if ref := self.icon.itemData(pos):
                    self.icon.setItemIcon(pos, self._icon_for(ref))
        return super().event(event)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        # (shown for a moment with the plugin it was for gone: an undo took that plugin away while
        # its source was on show, and the icon editor took the source pane out of the window's stack)
        if self._sync_stale and self.shown_plugin() is not None:
            self._update_sync(self._current_item())

    def code_analysed(self) -> None:
        """The window's worker has analysed the big sources: what waited for it is shown now."""
        if self._sync_waits and self.isVisible() and self.shown_plugin() is not None:
            self._update_sync(self._current_item())

    def _step_moved(self) -> None:
        if self.shown_plugin() is not None and self.isEnabled():
            self._update_sync(self._current_item())

    def _current_item(self) -> MenuItem | None:
        """The item selected in the list; None with none selected, or the form greyed."""
        items = self._items() if self.isEnabled() else []
        row = self.list.currentRow()
        return items[row] if 0 <= row < len(items) else None

    def _update_sync(self, mi: MenuItem | None) -> None:
        """Offer to create the action's function, or to follow a function renamed in the code."""
        self._sync_stale = not self.isVisible()
        if self._sync_stale:  # typing in the source editor: look again when the form is shown
            return
        rel, source = self._source()
        from ..source_analysis import waits_for_worker

        # A big source (minified code) the window's worker is analysing: asked here too, it was
        # parsed twice at once, and a click on the plugin froze the window for 24 seconds. Shown
        # when the worker is done (code_analysed).
        self._sync_waits = mi is not None and bool(mi.action) and source is not None and waits_for_worker(source)
        if self._sync_waits:
            self.behaviour_note.setText("")
            self._show_sync(None)
            self._show_state(None)
            return
        self._update_behaviour_note(mi, source)
        self._update_state_note(mi)
        if mi is None or not mi.action or source is None:
            self._show_sync(None)
            return
        from ...core.actionsync import action_state, missing_action_effect, registered_effect, unmatched_keys

        st = action_state(source, mi.action)
        name = rel.rsplit("/", 1)[-1]
        stack = self.editor.undo_stack
        last = stack.command(stack.index() - 1) if stack.index() else None
        what, old, new, key = getattr(last, "code_rename", ("", "", "", ""))
        if st.registered and new == mi.action and key == self._plugin().key:
            # The rename the form just made in the code: it may be declined. A key with no function
            # was renamed too (key and value): said so, not "Create function" as if nothing had changed.
            # (names cut short: a 255-letter one, a line that cannot wrap, scrolled the form sideways)
            note = f"Also renamed {what} '{shortened(old, 40)}' to '{shortened(new, 40)}' in {name}."
            if not st.function:
                note += f" It has no function '{shortened(new, 40)}' yet: {registered_effect(source, new)}."
            self._show_sync(("keep", old), note, "Keep the code as it is")
            return
        if st.function and st.registered:
            self._show_sync(None)
            return
        spare = unmatched_keys(source, [m.action for m in self._items() if m.action])
        if spare == [self._kept_code.get((self._plugin().key, mi.action))]:
            spare = []  # the user kept the code as it was for this rename: not offered back
        if not st.function and not st.registered and len(spare) == 1:
            self._show_sync(
                ("use", spare[0]),
                f"{name} has no '{shortened(mi.action, 40)}' but registers '{shortened(spare[0], 40)}', which no item uses "
                "(renamed in the code?).",
                f"Use '{shortened(spare[0], 40)}'",
            )
        elif st.editable:
            from ...core.actionsync import create_function_title, register_function_title

            # In PD505's words (the Problems list says the same of this item, with a Fix of the same name).
            what = "no function" if not st.function else "the function but does not register it"
            # (registered with no function: PD506's words, which say when it throws)
            effect = (
                registered_effect(source, mi.action) if st.registered else missing_action_effect("clicking the item")
            )
            self._show_sync(
                ("create", mi.action),
                f"{name} has {what} for '{shortened(mi.action, 40)}': {effect}.",
                create_function_title(mi.action) if not st.function else register_function_title(mi.action),
            )
        else:
            self._show_sync(None)

    def _update_state_note(self, mi: MenuItem | None) -> None:
        """Say so when the plugin's code sets the item's icon or label while the meeting runs
        (``state$.next``), with what it sets and where; nothing when the analysis is not sure.
        Read-only sources (a ZIP) too: the preview shows the code's look for them as well."""
        from ...core.actionsync import state_look
        from ..source_analysis import waits_for_worker

        pkg = self.editor.package
        rel = (self._plugin().source_path or "") if mi is not None else ""
        try:
            source = pkg.read_text(rel) if rel and pkg.exists(rel) else None
        except (OSError, KeyError, UnicodeDecodeError):
            source = None
        if source is None or waits_for_worker(source):  # (a big source: see _update_sync)
            self._show_state(None)
            return
        look = state_look(source)
        if look is None:
            self._show_state(None)
            return
        what = "icon and label" if look.icon and look.label else "icon" if look.icon else "label"
        thing = "button's" if self._section() == "toolbar" else "item's"
        shown = look.labels if look.label else look.icons
        quoted = ": " + " / ".join(f"'{v}'" for v in shown[:4]) + (" / …" if len(shown) > 4 else "") if shown else ""
        name = rel.rsplit("/", 1)[-1]
        note = (
            f"While the meeting runs, the plugin's code sets this {thing} {what} ({name}, line {look.line}){quoted}. "
            "What you choose here shows until then."
        )
        self._show_state((rel, look.line), note)

    def _show_state(self, at: tuple[str, int] | None, note: str = "") -> None:
        self._state_at = at
        self.state_note.setText(note)
        show_row(self._form, self._state_row, at is not None)

    def _state_code_clicked(self) -> None:
        if self._state_at is not None:
            self.sig_show_code.emit(*self._state_at)

    def _sync_clicked(self) -> None:
        if self._sync is None:
            return
        mode, name = self._sync
        row = self.list.currentRow()
        if mode == "keep":
            # The rename step is replaced by one that changes the item only: Undo History and
            # undo/redo then hold what the user chose, not a rename they declined.
            items = self._items()
            if not (0 <= row < len(items)):
                return
            new = items[row].action or ""
            self._kept_code[(self._plugin().key, new)] = name
            self.editor.undo_stack.undo()
            self.list.setCurrentRow(row)
            self._edit_item(
                f"Change action of {self._item_named()} to '{new}' (the code kept '{name}')",
                lambda mi: setattr(mi, "action", new),
            )
            # (the undo above had the status bar say "Undone: ... rename ...", which is not what happened)
            self.sig_said.emit(f"Kept the code as it is: '{name}' was not renamed. The item's action is now '{new}'.")
            return
        if mode == "use":
            self._edit_item(
                f"Change action of {self._item_named()} to '{name}'", lambda mi: setattr(mi, "action", name)
            )
            return
        from ...core.actionsync import action_state, add_action_function, create_function_title, register_function_title

        rel, source = self._source()
        if source is None or not (0 <= row < len(self._items())):
            return
        try:
            new = add_action_function(source, name, self._section())
        except ValueError as exc:
            self.sync_note.setText(f"Cannot add it: {exc}.")
            return

        def mutate(pkg: BrandingPackage) -> None:
            pkg.pending_texts[rel] = new

        title = (
            create_function_title(name) if not action_state(source, name).function else register_function_title(name)
        )
        self.editor.edit(f"{title} in {rel.rsplit('/', 1)[-1]}", mutate)

    # -- "Make it do ▾" ----------------------------------------------------------------------
    def _readable_notes(self) -> None:
        """The menu's lines that only tell (greyed: see :meth:`_note`) in the theme's grey of
        secondary text, set as the menu opens so it follows a switch of appearance.

        Why: Fusion greys them as commands that cannot be chosen, #bebebe on white in the light
        appearance (1.9:1): "The designer never writes over code written by hand" was hard to read.
        """
        palette = QPalette(QApplication.palette())  # (the widgets' own follow a switch only later)
        secondary = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText)
        for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
            palette.setColor(QPalette.ColorGroup.Disabled, role, secondary)
        self.make_menu.setPalette(palette)

    def _fill_make_menu(self) -> None:
        """What the selected item can be made to do, for its placement; or, when its function is
        the user's own code, only why nothing is offered (it is never overwritten)."""
        from ...core.behaviours import behaviours_for, body_state
        from ...core.jstext import is_identifier

        menu = self.make_menu
        menu.clear()
        row = self.list.currentRow()
        items = self._items()
        rel, source = self._source()
        if not (0 <= row < len(items)) or source is None or not items[row].action:
            self._note(menu, "Give the item an action (a function name) first.")
            return
        mi = items[row]
        if not is_identifier(mi.action):  # (a package file edited by hand: the form refuses such names)
            self._note(menu, f"'{shortened(mi.action, 40)}' cannot be the name of a function, so the designer cannot write",
                       "its code: give the item an action made of letters, digits and _ (not starting with a digit).")  # fmt: skip
            return
        name = rel.rsplit("/", 1)[-1]
        state = body_state(source, mi.action)
        if state.state == "none":
            self._note(menu, f"{name} has no single registerPlugin call to add '{shortened(mi.action, 40)}' to,",
                       "so the designer cannot write its code.")  # fmt: skip
            return
        if state.state == "user":
            self._note(menu, f"The code of '{shortened(mi.action, 40)}' was changed by hand ({name}, line {state.line}).",
                       "The designer never writes over code written by hand:",
                       "to change what the item does, edit it in the source editor.")  # fmt: skip
            return
        what = mi.label or mi.action
        self._note(menu, f"When '{shortened(what, 40)}' is clicked:")  # (a menu does not wrap: see _note)
        section = self._section()
        for b in behaviours_for(section):
            action = menu.addAction(b.title + ("…" if b.asks or b.disruptive else ""))
            action.setObjectName(f"makeItDo_{b.key}")
            action.setToolTip(b.description)
            action.setStatusTip(b.description)
            if state.wrote == b.key:  # what it does now
                action.setCheckable(True)
                action.setChecked(True)
            action.triggered.connect(lambda _on=False, k=b.key: self.make_it_do(k))
        menu.setToolTipsVisible(True)
        if section != "participants":
            menu.addSeparator()
            self._note(menu, "Mute, make host, disconnect and the rest act on a person:",
                       "they are offered for an item in the participant menu (see 'Appears in').")  # fmt: skip
            # What a meeting-wide button does (mute all guests, lock, record) is a recipe: someone
            # who asked "Make it do" for it found only a web page or a message, and a dead end.
            menu.addSeparator()
            self._note(menu, "Mute all guests, lock the meeting, record and more act on the whole meeting:")
            recipes = menu.addAction("Add a ready-made plugin that does it (Plugin ▸ Add Plugin from Recipe…)")
            recipes.setObjectName("makeItDo_recipes")
            recipes.setToolTip("Opens the recipes: each is a whole plugin with its button, icon and code")
            recipes.triggered.connect(self.sig_recipes.emit)

    def _update_behaviour_note(self, mi: MenuItem | None, source: str | None) -> None:
        """Say so when "Make it do" wrote something only hosts may do to someone else into a
        plugin guests get too: for a guest it fails (the plugin then says why), which looks broken."""
        from ...core.behaviours import BEHAVIOURS, body_state

        text = ""
        package = self._plugin().package if mi is not None else None
        guests = package is not None and "guest" in (package.participant_roles or [])
        if mi is not None and mi.action and source is not None and guests:  # (no parse for a hosts-only plugin)
            b = BEHAVIOURS.get(body_state(source, mi.action).wrote)
            if b is not None and b.host_only:
                text = (
                    f"Guests get this plugin too, but {b.refusal}: a guest who tries is told it did not work. "
                    "To offer it to hosts only, untick Guests under 'Available to'."
                )
        self.behaviour_note.setText(text)  # (a NoteRow: its row shows only with a text)

    @staticmethod
    def _note(menu: QMenu, *lines: str) -> None:
        """Lines of the menu that only tell something (greyed, not clickable; a menu does not wrap).
        An '&' of theirs (a label "Q&A", a file name) is shown as it is, not taken for an Alt+letter."""
        for text in lines:
            note = menu.addAction(text.replace("&", "&&"))
            note.setEnabled(False)
            note.setObjectName("makeItDoNote")

    def make_it_do(self, key: str) -> None:
        """Write behaviour ``key`` into the selected item's function (one undo step); asks first
        for what it needs (a meeting, a web address, a message, whether to ask before)."""
        from ...core.behaviours import Details, behaviour

        b = behaviour(key)
        if not b.asks and not b.disruptive:
            self._write_behaviour(key, Details())
            return
        dialog = MakeItDoDialog(b, self._item_label(), self)
        dialog.accepted.connect(lambda: self._write_behaviour(key, dialog.details()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _item_named(self) -> str:
        """The selected item as an undo step names it (see :func:`~designer.core.wording.item_named`). Why: a plugin has several
        items, and "Change action of 'Lock toggle'" did not say which one changed."""
        row, items = self.list.currentRow(), self._items()
        return item_named(items[row] if 0 <= row < len(items) else None, row)

    def _item_label(self) -> str:
        row, items = self.list.currentRow(), self._items()
        mi = items[row] if 0 <= row < len(items) else None
        return (mi.label or mi.action or "") if mi is not None else ""

    def _write_behaviour(self, key: str, details: Any) -> None:
        from ...core.behaviours import behaviour, write_behaviour

        row, items = self.list.currentRow(), self._items()
        rel, source = self._source()
        if not (0 <= row < len(items)) or source is None or not items[row].action:
            return
        action = items[row].action
        try:
            new = write_behaviour(source, action, key, details, self._section(), self._plugin().folder or "plugin")
        except ValueError as exc:
            self.sync_note.setText(f"Cannot write it: {exc}.")
            self.sync_note.show()
            return

        # An item still called what Add item named it gets the words of what it now does ("Mute"),
        # in the same step: a participant's menu offered "New item" that muted them. A label the
        # user wrote is theirs and stays.
        named = behaviour(key).label

        def mutate(pkg: BrandingPackage) -> None:
            pkg.pending_texts[rel] = new
            item = self._items(pkg)[row]
            if item.label == NEW_ITEM_LABEL and named:
                item.label = named

        what = behaviour(key).title
        self.editor.edit(f"Make '{self._item_label()}' do: {what[:1].lower() + what[1:]}", mutate)


class MakeItDoDialog(QDialog):
    """What a behaviour needs to know before it is written: the meeting to move someone to, the
    web address, the message, and whether to ask before doing something that cannot be undone."""

    def __init__(self, b: Any, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("makeItDoDialog")
        self.setWindowTitle(b.title)
        self.behaviour = b
        layout = QVBoxLayout(self)
        intro = QLabel(b.description, wordWrap=True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(intro)
        form = QFormLayout()
        layout.addLayout(form)
        self.fields: dict[str, QLineEdit] = {}

        def field(key: str, text: str, value: str = "", placeholder: str = "") -> QLineEdit:
            edit = QLineEdit(value, objectName=f"makeItDo_{key}")
            edit.setPlaceholderText(placeholder)
            # Room for a web address or a meeting's alias as typed: the dialog was as narrow as its
            # labels, and cut "https://www.example.com/" to "https://www.examp".
            edit.setMinimumWidth(edit.fontMetrics().averageCharWidth() * 40)
            edit.textChanged.connect(self._check)
            form.addRow(text, edit)
            self.fields[key] = edit
            return edit

        if "alias" in b.asks:
            field("alias", "&Meeting to move them to:", "", "e.g. lobby@example.com")
        if "url" in b.asks:
            field("url", "&Web address:", "", "https://www.example.com/")
        if "message" in b.asks:
            field("title", "Window &title:", label)
            field("message", "&Message:", "", "What people should read")
        self.confirm = QCheckBox("&Ask before doing it (the question, the person's name and a button)")
        self.confirm.setObjectName("makeItDo_confirm")
        self.confirm.setChecked(b.disruptive)
        self.confirm.setVisible(b.for_participant)
        self.question = QLineEdit(b.question, objectName="makeItDo_question")
        self.confirm.toggled.connect(self.question.setEnabled)
        self.question.setEnabled(self.confirm.isChecked())
        self.question.textChanged.connect(self._check)
        if b.for_participant:
            add_unlabelled_row(form, self.confirm)
            form.addRow("&Question:", self.question)
        self.problem = QLabel(objectName="makeItDoProblem", wordWrap=True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.problem)
        self.buttons = ok_cancel(self, "Write the code")
        layout.addWidget(self.buttons)
        self._check()

    def _check(self) -> None:
        """Say what is missing, and keep "Write the code" off until it is there."""
        problem = ""
        url = self.fields["url"].text().strip() if "url" in self.fields else None
        for key, edit in self.fields.items():
            if key != "title" and not edit.text().strip():
                problem = (
                    "Fill in the "
                    + ("meeting" if key == "alias" else "web address" if key == "url" else "message")
                    + "."
                )
                break
        if not problem and url is not None and not url.lower().startswith(("https://", "http://")):
            problem = "The web address must start with https:// (for example https://www.example.com/)."
        if not problem and "alias" in self.fields and any(c in self.fields["alias"].text().strip() for c in " '\"<>"):
            problem = "Give the meeting's alias as people dial it, without spaces or quotes, e.g. lobby@example.com."
        if (
            not problem
            and self.confirm.isChecked()
            and self.behaviour.for_participant
            and not self.question.text().strip()
        ):
            problem = "Fill in the question, or untick 'Ask before doing it'."
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)

    def details(self) -> Any:
        from ...core.behaviours import Details

        text = {k: e.text().strip() for k, e in self.fields.items()}
        return Details(
            confirm=self.behaviour.for_participant and self.confirm.isChecked(),
            question=self.question.text().strip(),
            alias=text.get("alias", ""),
            url=text.get("url", ""),
            title=text.get("title", ""),
            message=text.get("message", ""),
        )


def _give_parameters(
    pkg: BrandingPackage, plugin: Plugin, actions: list[str], old: str | None, placement: str | None
) -> None:
    """The actions' functions that take nothing, or still what the designer gave them for the
    ``old`` placement, get what the new placement passes them (the participant, the conference
    details), in the same undo step as the move."""
    from ...core.actionsync import give_placement_parameters, refit_placement_parameters, retell_starter_comments

    src = plugin.source_path
    if not src or not pkg.exists(src):
        return
    try:
        text = pkg.read_text(src)
        new_text = refit_placement_parameters(text, actions, old, placement)
        new_text = retell_starter_comments(give_placement_parameters(new_text, actions, placement), placement)
    except (OSError, UnicodeDecodeError, ValueError):
        return  # an unreadable source: the checks say so; the move itself still happens
    if new_text != text:
        pkg.pending_texts[src] = new_text
