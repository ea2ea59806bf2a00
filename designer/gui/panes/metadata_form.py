"""The plugin metadata form: who sees the plugin, where it loads, what it is called.

Why a form: the people who make plugins here do not write JSON. Each field says in plain words
what it does (the tooltips follow the vendor's plugin guide), and every change goes through the
window's undo stack as one readable step ("Change name of 'Record' to 'Recorder'").
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Collection
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from ...core.jstext import one_line, safe_id, shortened
from ...core.lineends import LineEndings
from ...core.model import PLATFORMS, ROLES, BrandingPackage, Plugin, PluginPackage
from ...core.wording import PLATFORM_NAMES
from ..commands import ModelEditor
from ..focus_ring import ring_focus
from .form_rows import (
    NoteRow,
    add_row_with_side,
    add_unlabelled_row,
    field_text,
    keep_on_one_line,
    show_field_text,
    show_row,
    typing_kept,
    wrapping_row,
)
from .plugin_form import PluginForm

PLATFORM_LABELS = {
    "web": (PLATFORM_NAMES["web"], "The Infinity Connect web app in a browser."),
    "electron": (PLATFORM_NAMES["electron"], "The Infinity Connect desktop client (electron)."),
    "ios": (PLATFORM_NAMES["ios"], "The Infinity Connect mobile client for iOS."),
    "android": (PLATFORM_NAMES["android"], "The Infinity Connect mobile client for Android."),
}
ROLE_LABELS = {
    "chair": ("Hosts", "Participants with Host privileges (role 'chair')."),
    "guest": ("Guests", "Participants with Guest privileges (role 'guest')."),
}


# The two switches by model attribute: their box's words, the note's object name, and what the
# app does when it takes them for false.
_SWITCHES = {
    "enabled": ("Switched on when the app starts", "enabledSwitch", "the plugin is off until a user switches it on"),
    "allow_unload": ("Users may switch it off", "allowUnloadSwitch", "users cannot switch the plugin off"),
}
_ABSENT = object()  # (a switch the file does not write: no note, the app's default)

_DESCRIPTION_LINES = (2, 6)  # the description box's height in lines, at least and at most


def parse_version(text: str, original: Any) -> Any:
    """Keep the version's JSON type as the file has it: a number stays a number, a string a string.

    ``original`` is the value in the file, not the one being typed: clearing the field on the
    way from 1.0 to 2.5 must not turn the version into a string for good. An empty one says no
    type (a field cleared and saved wrote "", and the 2.5 typed next went in as the string "2.5").
    """
    if isinstance(original, str) and original.strip():
        return text
    # Python also reads '2024_1' as a number (20241), and digits of other scripts ('١٢' is 12),
    # which changed the version the user typed: those stay as typed.
    if not text.isascii() or "_" in text:
        return text
    try:
        number = float(text) if "." in text or "e" in text.lower() else int(text)
        # 1e999 is infinity, which JSON cannot hold (saving failed), and so is a whole number of
        # 310 digits to a browser (isfinite raised OverflowError on it): kept as the text typed.
        if not math.isfinite(number):
            return text
    except (ValueError, OverflowError):
        return text
    return number


def format_version(value: Any) -> str:
    """The version as the file will hold it (1.10 typed is the number 1.1); one that is neither a
    number nor text as the file writes it (``true``, not Python's "True")."""
    if value is None:
        return ""
    if isinstance(value, str) or (isinstance(value, (int, float)) and not isinstance(value, bool)):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


class MetadataForm(PluginForm):
    """Form over one plugin's package file and settings entry (objectName ``metadataForm``)."""

    sig_said = Signal(str)  # a message for the window's status bar

    def __init__(self, editor: ModelEditor, parent: QWidget | None = None) -> None:
        super().__init__(editor, parent)
        self.setObjectName("metadataForm")
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)  # the group box around the form has the margins

        self.name = QLineEdit(objectName="nameEdit")
        self.name.setToolTip("The name shown to users in Settings > Plugins.")
        self.name.textEdited.connect(self._name_edited)
        # A name stays readable beside the version: narrower, the row goes under its label instead.
        self.name.setMinimumWidth(self.name.fontMetrics().horizontalAdvance("Meeting information"))
        # The version beside the name, in a field as wide as a version is: on a row of its own it
        # was a field across the page for "1.0", one of the rows that pushed the menu item's
        # fields below the fold of a laptop screen.
        self.version = QLineEdit(objectName="versionEdit")
        self.version.setToolTip("An internal version number, for example 1.0.")
        self.version.textEdited.connect(self._version_edited)
        # When the field is left: show what is saved ("1.10" is the number 1.1 in the file).
        self.version.editingFinished.connect(self._show_saved_version)
        self.version.setMaximumWidth(self.version.fontMetrics().horizontalAdvance("0000.00.00") + 16)
        self.version.setMinimumWidth(self.version.fontMetrics().horizontalAdvance("10.0.0") + 16)
        version_label = QLabel("Ve&rsion")  # not Alt+V: the View menu has it
        version_label.setBuddy(self.version)
        name_row = QHBoxLayout()
        name_row.addWidget(self.name, 1)
        name_row.addSpacing(12)
        name_row.addWidget(version_label)
        name_row.addWidget(self.version)
        name_label = QLabel("&Name")
        name_label.setBuddy(self.name)
        form.addRow(name_label, name_row)

        self.id = QLineEdit(objectName="idEdit")
        self.id.setToolTip(
            "A unique id. It must be the same in settings.json, in the package file and in the\n"
            "registerPlugin call of the source; renaming it here renames it in all three places."
        )
        self.id.editingFinished.connect(self._id_edited)
        self.id.editingFinished.connect(lambda: self.id.setModified(False))  # recorded (or refused)
        self.id.setProperty("recordsWhenLeft", True)  # see PluginForm.eventFilter
        self.derive = QPushButton("From name", objectName="deriveIdButton")
        self.derive.clicked.connect(self._derive_id)
        # Off while there is no name: it made the id 'plugin' out of nothing, renaming it in the
        # plugin list and the source's registerPlugin too.
        self.name.textChanged.connect(self._update_derive)
        self._update_derive("")
        add_row_with_side(form, "&Id", self.id, self.derive)
        self.id_note = NoteRow(form, "idNote")  # why an id was not taken
        self.id_note.setTextFormat(Qt.TextFormat.PlainText)  # it quotes names the user chose

        self.description = QPlainTextEdit(objectName="descriptionEdit")
        self.description.setToolTip("What the plugin does; shown to users in Settings > Plugins.")
        self.description.setTabChangesFocus(True)
        ring_focus([self.description], self)  # framed as the one-line fields are, focus included
        self.description.textChanged.connect(self._description_edited)
        self.description.document().documentLayout().documentSizeChanged.connect(self._fit_description)
        self._fit_description()
        form.addRow("&Description", self.description)

        self.source = QLineEdit(objectName="sourceEdit")
        self.source.setToolTip("The plugin's JavaScript file, relative to the package file.")
        self.source.textEdited.connect(lambda t: self._set("package", "src_url", t, "source file", merge=True))
        form.addRow("&Source file", self.source)

        # Both switches on one row: on a row each, they took a row more of a page whose menu item
        # fields were below the fold.
        self.enabled = QCheckBox("Switched on when the app starts", objectName="enabledCheck")
        self.enabled.setToolTip("settings.json 'enabled': loaded by default, or only when the user switches it on.")
        self.enabled.toggled.connect(self._enabled_toggled)
        self.allow_unload = QCheckBox("Users may switch it off", objectName="allowUnloadCheck")
        self.allow_unload.setToolTip("allowUnload: whether users can disable the plugin in Settings > Plugins.")
        self.allow_unload.toggled.connect(self._allow_unload_toggled)
        add_unlabelled_row(form, wrapping_row([self.enabled, self.allow_unload], "switchesRow", gap=12))
        self.switch_notes = {attr: self._switch_note(form, attr) for attr in _SWITCHES}

        self.platforms = self._checkbox_row(form, "Loads in", "platform", PLATFORMS, PLATFORM_LABELS, "platforms")
        self.list_notes = {"platforms": self._list_note(form, "platforms")}
        self.roles = self._checkbox_row(form, "Available to", "role", ROLES, ROLE_LABELS, "participant_roles")
        self.list_notes["participant_roles"] = self._list_note(form, "participantRoles")

        self.hint = NoteRow(form, "formHint")
        keep_on_one_line(self.name, self.version, self.id, self.source)
        self._loading = False
        self._id_shown_for: int | None = None  # the plugin whose id the Id field shows (see typing_kept)

    def field_for(self, pointer: str) -> QWidget | None:
        """The widget that edits the value at ``pointer`` of the package file (``/enabled``: settings)."""
        top = pointer.split("/")[1] if pointer.startswith("/") else ""
        if top == "platforms":
            return self.platforms["web"]
        if top == "participantRoles":
            return self.roles["chair"]
        return {
            "name": self.name,
            "id": self.id,
            "description": self.description,
            "version": self.version,
            "srcURL": self.source,
            "allowUnload": self.allow_unload,
            "enabled": self.enabled,
        }.get(top)

    def _fit_description(self) -> None:
        """The description box as tall as its text, from two lines to six (then it scrolls).

        Why: a fixed three-line box was mostly empty for the one sentence most plugins have,
        and a long description could only be read by scrolling a small box.
        """
        box = self.description
        lines = min(max(box.document().lineCount(), _DESCRIPTION_LINES[0]), _DESCRIPTION_LINES[1])
        margins = box.contentsMargins()
        chrome = margins.top() + margins.bottom() + 2 * round(box.document().documentMargin())
        # (+1: the box scrolls when its text reaches the last pixel, measured)
        height = chrome + lines * box.fontMetrics().lineSpacing() + 1
        if box.height() != height or box.minimumHeight() != height:
            box.setFixedHeight(height)

    def _checkbox_row(
        self,
        form: QFormLayout,
        title: str,
        prefix: str,
        keys: tuple[str, ...],
        labels: dict[str, tuple[str, str]],
        attr: str,
    ) -> dict[str, QCheckBox]:
        """One tick box per allowed value of a list field (platforms, participantRoles).

        Each box's accessible name says its row ("Loads in: iOS"): the row's label names no one
        field (a label is the buddy of one widget), and a screen reader read "Hosts, check box"
        with nothing to say what about hosts.
        """
        boxes: dict[str, QCheckBox] = {}
        for key in keys:
            text, tip = labels[key]
            box = QCheckBox(text, objectName=f"{prefix}_{key}")
            box.setToolTip(tip)
            box.setAccessibleName(f"{title}: {text}")
            box.toggled.connect(lambda _on: self._lists_edited(attr))
            boxes[key] = box
        row = wrapping_row(list(boxes.values()), f"{prefix}Row")
        form.addRow(title, row)
        # The label's buddy was the row holding the boxes, which takes no keyboard: the first box
        # instead, which the label then names (the label relation screen readers read). No Alt+
        # letter: each letter of "Loads in" and "Available to" is taken by the menus, the form's
        # other labels or the Export pane beside it.
        label = form.labelForField(row)
        if isinstance(label, QLabel):
            label.setBuddy(next(iter(boxes.values())))
        return boxes

    def _list_note(self, form: QFormLayout, key: str) -> tuple[QWidget, QLabel, QPushButton]:
        """The row under a row of tick boxes saying what the file holds there when it is no list
        (``"web"``, ``{"web": true}``), which the app does not read, with a button writing the
        list it means (PD311's Fix). Shown only then (see :meth:`_show_list_note`)."""
        attr = "platforms" if key == "platforms" else "participant_roles"
        return _note_row(form, f"{key}List", lambda: self._write_list(attr))

    def _switch_note(self, form: QFormLayout, attr: str) -> tuple[QWidget, QLabel, QPushButton]:
        """The row under the switches saying what the file holds for one of them when it is not
        true or false (``"allowUnload": "true"``, null), which the app takes for false, with a
        button writing the switch (PD102's Fix). Shown only then (see :meth:`_show_switch_note`)."""
        return _note_row(form, _SWITCHES[attr][1], lambda: self._write_switch(attr))

    def _show_switch_note(self, written: Any, attr: str) -> None:
        """Show or hide the note of a switch (see :meth:`_switch_note`) for ``written``, the value
        the file holds for it (None when it holds none).

        Why: ``"allowUnload": "true"`` showed the box unticked with no word of why; only the
        Problems dock said the app reads no switch there."""
        from ...core.checks.package import meant_switch

        row, label, button = self.switch_notes[attr]
        form = self.layout()
        assert isinstance(form, QFormLayout)
        shown = written is not _ABSENT and not isinstance(written, bool)
        show_row(form, row, shown)
        if not shown:
            return
        title, _key, off = _SWITCHES[attr]
        held = shortened(json.dumps(written, ensure_ascii=False), 40)
        held = f"the text {held}" if isinstance(written, str) else held
        meant = meant_switch(written)
        if meant is True:
            way = "Write true, as it means, or tick the box."
        elif meant is False:
            way = "Write false, as it means."
        else:
            way = "Tick the box to change that, or write false to say so."
        label.setText(
            f"'{title}' is {held} in the file, not true or false: the app takes it for false, so {off}. {way}"
        )
        button.setText(f"Write {str(bool(meant)).lower()}")

    def _write_switch(self, attr: str) -> None:
        """The note's button: the switch as true or false, as PD102's Fix writes it; the box then
        shows it, and takes the keyboard the hidden button had."""
        from ...core.checks.package import meant_switch

        plugin = self.editor.package.plugins[self.index]
        written = _written_switch(plugin, attr)
        if plugin.package is None or written is _ABSENT:
            return
        value = bool(meant_switch(written))
        had_keyboard = self.switch_notes[attr][2].hasFocus()
        target = "entry" if attr == "enabled" else "package"
        text = f"Write '{_SWITCHES[attr][0]}' of '{{subject}}' as {str(value).lower()}"
        self.editor.set_field(self.index, target, attr, value, text)
        if had_keyboard:
            (self.enabled if attr == "enabled" else self.allow_unload).setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_list_note(self, p: PluginPackage, attr: str) -> bool:
        """Show or hide the note of a list field (see :meth:`_list_note`); whether it is shown.

        Why: ``"platforms": "web"`` showed Web app ticked, while the app loads such a plugin
        nowhere (PD311, the preview's log); ``{"web": true}`` no box ticked and no word of why."""
        from ...core.checks.package import not_a_list

        row, label, button = self.list_notes[attr]
        form = self.layout()
        assert isinstance(form, QFormLayout)
        key = "platforms" if attr == "platforms" else "participantRoles"
        written = p.raw.get(key) if getattr(p, attr) is None else None
        shown = written is not None and not isinstance(written, list)
        show_row(form, row, shown)
        if not shown:
            return False
        title, nowhere, one = (
            ("'Loads in'", "loads nowhere", "platform")
            if attr == "platforms"
            else ("'Available to'", "goes to nobody", "role")
        )
        held = not_a_list(written).removesuffix(", not a list") + " in the file"
        if isinstance(written, dict):
            held += f": each {one} named with true or false"
        boxes = self.platforms if attr == "platforms" else self.roles
        words = _in_form_words(attr, [v for v in _listed(p, attr) if v in boxes])
        way = (
            f"Write it as a list, or tick a box (the list then keeps {words})" if words else "Tick a box to make it one"
        )
        label.setText(f"{title} is {held}, not a list: the app does not read it, so the plugin {nowhere}. {way}.")
        button.setText(f"Write as a list: {words}")
        button.setVisible(bool(words))
        return True

    def _write_list(self, attr: str) -> None:
        """The note's button: the list a text or object written in its place means, as PD311's Fix writes it."""
        p = self.editor.package.plugins[self.index].package
        if p is None:
            return
        value = _listed(p, attr)
        title = "'Loads in'" if attr == "platforms" else "'Available to'"
        text = f"Write {title} of '{{subject}}' as a list: {_in_form_words(attr, value)}"
        had_keyboard = self.list_notes[attr][2].hasFocus()
        self.editor.set_field(self.index, "package", attr, value, text)
        # The button hides with its note, and Qt gave the keyboard to the next control still on:
        # Hosts, under the next row, where a Space meant for this row unticked it.
        boxes = self.platforms if attr == "platforms" else self.roles
        if had_keyboard:
            next((b for b in boxes.values() if b.isChecked()), next(iter(boxes.values()))).setFocus(
                Qt.FocusReason.OtherFocusReason
            )

    # -- model -> form ---------------------------------------------------------------------
    def refresh(self) -> None:
        plugin = self.shown_plugin()
        if plugin is None:
            return
        p = plugin.package
        assert p is not None
        self._loading = True
        try:
            show_field_text(self.name, p.name or "")
            if not typing_kept(self.id, self._id_shown_for, self.index):
                show_field_text(self.id, p.id or "")
            written = p.to_json()
            written = written if isinstance(written, dict) else {}
            for field, key in ((self.id, "id"), (self.source, "srcURL"), (self.description, "description")):
                field.setPlaceholderText(_not_text(written.get(key)))
            self.id_note.about((self.index, plugin.package_path))
            self._id_shown_for = self.index
            # Its lines joined with \n, as the box holds them (see _description_edited).
            show_field_text(self.description, LineEndings(p.description or "").shown)
            # "2." and "2.0" are the same number: leave what the user is typing alone.
            typed = parse_version(self.version.text(), p.raw.get("version"))
            if typed != p.version or type(typed) is not type(p.version):
                show_field_text(self.version, format_version(p.version))
            show_field_text(self.source, p.src_url or "")
            self.enabled.setChecked(bool(plugin.entry.enabled))
            self.allow_unload.setChecked(bool(p.allow_unload))
            for attr in _SWITCHES:
                self._show_switch_note(_written_switch(plugin, attr), attr)
            # What the app loads: only a list (a text or an object in its place, none: see _show_list_note)
            platforms, roles = p.platforms or [], p.participant_roles or []
            for key, box in self.platforms.items():
                box.setChecked(key in platforms)
            for key, box in self.roles.items():
                box.setChecked(key in roles)
            noted = [self._show_list_note(p, attr) for attr in ("platforms", "participant_roles")]
            # (by the boxes ticked: a value the form has no box for, "mobile", is none the app knows;
            # a row whose note says why none is ticked needs the hint no more)
            ticked = (noted[0] or any(key in platforms for key in PLATFORMS)) and (
                noted[1] or any(key in roles for key in ROLES)
            )
            self.hint.setText("" if ticked else "Tick at least one place and one group, or nobody sees it.")
        finally:
            self._loading = False

    # -- form -> model ---------------------------------------------------------------------
    def _plugin_name(self) -> str:
        return self.editor.package.plugins[self.index].display_name

    def _set(self, target: str, attr: str, value: Any, what: str, merge: bool = False) -> None:
        if self._loading:
            return
        self.editor.set_field(
            self.index, target, attr, value, f"Change {what} of '{{subject}}' to '{_step_value(value)}'", merge=merge
        )

    # The two switches' undo steps say what the tick does, in the form's words: "Change switched on
    # at start of 'X' to 'off'" (and "users may switch off … to 'off'") was hard to read.
    def _enabled_toggled(self, on: bool) -> None:
        if not self._loading:
            text = "Switch '{subject}' on when the app starts" if on else "Leave '{subject}' off when the app starts"
            self.editor.set_field(self.index, "entry", "enabled", on, text)

    def _allow_unload_toggled(self, on: bool) -> None:
        if not self._loading:
            text = "Let users switch '{subject}' off" if on else "Stop users from switching '{subject}' off"
            self.editor.set_field(self.index, "package", "allow_unload", on, text)

    def _name_edited(self, name: str) -> None:
        """The name, and in the same step the starter's parts that repeat it while they are still
        as the designer wrote them: its description, menu item label, action, dialog title and
        header comment (see :func:`designer.core.plugins.rename_plugin`)."""
        from ...core.plugins import rename_plugin

        if self._loading:
            return
        index = self.index
        p = self.editor.package.plugins[index].package
        # (the same words over a name the file holds as a number, 7: typed, it is written as text)
        if p is None or (p.name == name and isinstance(p.raw.get("name"), str)):
            return

        followed: list[str] = []

        def mutate(pkg: BrandingPackage) -> None:
            followed[:] = rename_plugin(pkg, index, name)

        subject = self.editor.package.plugins[index].display_name
        self.editor.edit(f"Change name of '{{subject}}' to '{name}'", mutate, f"{index}/package/name", subject)
        if followed:  # said: the label, the action and the code changed out of sight of this field
            # (the name cut short: pasted whole, 5,000 letters pushed what followed out of the bar)
            self.sig_said.emit(f"Renamed to '{_step_value(name)}'; {_followed_words(followed)} followed.")

    def _description_edited(self) -> None:
        """The description as typed, each line that was not edited with its own line break (CRLF,
        U+2028...) as the source editor keeps a file's: the box has only one kind of line break,
        and a letter typed at the end turned every CRLF of the text into LF."""
        if self._loading:
            return
        p = self.editor.package.plugins[self.index].package
        old = p.description if p is not None and isinstance(p.description, str) else ""
        self._set(
            "package", "description", LineEndings(old).to_raw(field_text(self.description)), "description", merge=True
        )

    def _show_saved_version(self) -> None:
        p = (
            self.editor.package.plugins[self.index].package
            if 0 <= self.index < len(self.editor.package.plugins)
            else None
        )
        if p is not None and self.version.text() != format_version(p.version):
            show_field_text(self.version, format_version(p.version))

    def _version_edited(self, text: str) -> None:
        p = self.editor.package.plugins[self.index].package
        self._set("package", "version", parse_version(text, p.raw.get("version") if p else None), "version", merge=True)

    def _lists_edited(self, attr: str) -> None:
        if self._loading:
            return
        boxes = self.platforms if attr == "platforms" else self.roles
        package = self.editor.package.plugins[self.index].package
        current = _listed(package, attr) if package is not None else []
        loaded = getattr(package, "_loaded", {}).get(attr) if package is not None else None
        # (a text or an object in the list's place shows no box ticked: a tick keeps what it means)
        kept = current if package is not None and not isinstance(getattr(package, attr), list) else []
        value = _ticked_list(current, boxes, loaded if isinstance(loaded, list) else [], kept)
        shown = _in_form_words(attr, value)
        if attr == "platforms":
            text = f"Change where '{{subject}}' loads to: {shown or 'nowhere'}"
        else:
            text = f"Change who gets '{{subject}}' to: {shown or 'nobody'}"
        self.editor.set_field(self.index, "package", attr, value, text)

    def _update_derive(self, name: str) -> None:
        """'From name' on while there is a name to make the id from, its hover text saying why not."""
        self.derive.setEnabled(bool(name.strip()))
        self.derive.setToolTip(
            "Make a safe id from the plugin's name (lower case, digits and dashes)."
            if name.strip()
            else "Type a name first: the id is made from it."
        )

    def _derive_id(self) -> None:
        self.id.setText(safe_id(self.name.text()))
        self._id_edited()

    def _id_edited(self) -> None:
        # (left after an undo took away the plugin on show, as Ctrl+Z in the field can: no plugin
        # to give the typing to)
        if self._loading or self.shown_plugin() is None:
            return
        new = self.id.text().strip()
        plugin = self.editor.package.plugins[self.index]
        old = plugin.package.id if plugin.package else None
        if not new or new == old:
            # (the note stays: left after Enter said why an id was refused, the field said it no more)
            show_field_text(self.id, old or "")
            return
        self.id_note.setText("")
        owner = next(
            (
                p
                for i, p in enumerate(self.editor.package.plugins)
                if i != self.index and new in (p.entry.id, p.package.id if p.package else None)
            ),
            None,
        )
        if owner is not None:  # the app would keep only one of the two plugins
            # (cut short: an id of 255 letters, a line that cannot wrap, scrolled the form sideways)
            self.id_note.setText(
                f"'{shortened(new, 40)}' is the id of '{shortened(owner.display_name, 40)}'; each plugin needs its own."
            )
            show_field_text(self.id, old or "")
            return
        from ...core.plugins import registered_id_follows, rename_plugin_id

        index = self.index
        places = ["package file"]
        if plugin.entry.id == old:
            places.append("settings.json")
        if registered_id_follows(self.editor.package, index):
            places.append("source")
        where = ", ".join(places[:-1]) + " and " + places[-1] if len(places) > 1 else places[0]
        self.editor.edit(
            f"Rename id of '{plugin.display_name}' from '{old}' to '{new}' ({where})",
            lambda pkg: rename_plugin_id(pkg, index, new),
        )
        # The id as written, without the spaces typed around it: the form was shown again during
        # the edit with the typing kept (see typing_kept), and said ' my-rec ' over 'my-rec'.
        show_field_text(self.id, new)


def _written_switch(plugin: Plugin, attr: str) -> Any:
    """What the file holds for a switch as the form's model has it: the value, or ``_ABSENT`` when
    it writes none, or when the model holds true or false (written from the form since)."""
    if attr == "enabled":
        model, raw = plugin.entry.enabled, plugin.entry.raw
        key = "enabled"
    else:
        assert plugin.package is not None
        model, raw = plugin.package.allow_unload, plugin.package.raw
        key = "allowUnload"
    if model is not None or key not in raw:
        return _ABSENT
    return raw[key]


def _step_value(value: Any) -> str:
    """A value as an undo step's name quotes it: on one line, and cut short.

    Why: Qt takes the part of a step's name after a line break as Edit ▸ Undo's words, so a
    second paragraph typed in the description made it read "Undo Second paragraph…'"; and the
    whole description made an Undo item (and an Undo History row) as wide as the screen.
    """
    return shortened(one_line(str(value)), 40)


def _not_text(written: Any) -> str:
    """An id, source or description the file holds as neither text nor null (``7``, ``["rec"]``),
    as its empty field shows it greyed ("7 (not text)"); "" for any other.

    Why: the field was empty, as if the file had no id (or source) at all: PD102 says what it holds.
    """
    if written is None or isinstance(written, str):
        return ""
    return f"{shortened(json.dumps(written, ensure_ascii=False), 40)} (not text)"


def _followed_words(parts: list[str]) -> str:
    """What :func:`~designer.core.plugins.rename_plugin` says followed the name, in words:
    "its description, menu item's label and action"."""
    words = {"description": "description", "label": "menu item's label", "action": "action", "source": "code"}
    said = [word for part, word in words.items() if part in parts]  # a label per item: said once
    return "its " + (", ".join(said[:-1]) + " and " + said[-1] if len(said) > 1 else "".join(said))


def _listed(package: PluginPackage, attr: str) -> list:
    """The values of a list field (platforms, participant_roles) a tick adds to: the list, or what
    one text or an object of names set to true written in its place means (``"web"``: web,
    ``"host"``: chair, ``{"web": true}``: web, as PD311 reads it and its fix writes it), else that
    text as a list of one (``"mobile"``: kept as a value the form has no box for is); nothing for
    anything else. (The boxes show only a list ticked: the app reads nothing else.)

    Why: ``"platforms": "web"``, ticking iOS, wrote ``["ios"]``: the web the file named was lost;
    so was "mobile", which PD311 leaves to the person (iOS or Android?).
    """
    current = getattr(package, attr)
    if isinstance(current, list):
        return current
    key = "platforms" if attr == "platforms" else "participantRoles"
    written = package.raw.get(key)
    if current is None and isinstance(written, (str, dict)):
        from ...core.checks.package import meant_list

        return meant_list(key, written) or ([written] if isinstance(written, str) else [])
    return []


def _in_form_words(attr: str, values: list) -> str:
    """A list of platforms or roles in the words of the tick boxes ("Web app", "Hosts"), not the
    file's ("web", "chair")."""
    labels = PLATFORM_LABELS if attr == "platforms" else ROLE_LABELS
    return ", ".join(labels[v][0] if isinstance(v, str) and v in labels else str(v) for v in values)


def _ticked_list(current: list, boxes: dict[str, QCheckBox], loaded: list, kept: Collection[str] = ()) -> list:
    """The list after a tick or an untick: only that value changes. Values the form has no box
    for (a platform it does not know) stay, and the list keeps its order; a value ticked again
    goes back where the file had it (``loaded``), a new one at the end. Rebuilding the list from
    the boxes dropped those values and re-sorted it. ``kept``: values counted as ticked though
    their boxes are not (what a text written in the list's place means)."""
    ticked = {k for k, b in boxes.items() if b.isChecked()} | {v for v in kept if isinstance(v, str)}
    out = [v for v in current if not (isinstance(v, str) and v in boxes) or v in ticked]
    rank = {v: i for i, v in enumerate(loaded) if isinstance(v, str)}
    for key in (k for k in boxes if k in ticked and k not in current):
        at = len(out)
        if key in rank:
            at = next((i for i, v in enumerate(out) if rank.get(v, -1) > rank[key]), len(out))
        out.insert(at, key)
    return out


def _note_row(form: QFormLayout, name: str, fix: Callable[[], None]) -> tuple[QWidget, QLabel, QPushButton]:
    """A hidden row of ``form``: a note (``{name}Note``, plain text: it quotes what the file holds)
    and a button (``{name}Fix``) that runs ``fix``; for a value the app does not read as written."""
    row = QWidget()
    label = QLabel(objectName=f"{name}Note", wordWrap=True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    button = QPushButton(objectName=f"{name}Fix")
    button.clicked.connect(fix)
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(label, 1)
    layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
    add_unlabelled_row(form, row)
    show_row(form, row, False)
    return row, label, button
