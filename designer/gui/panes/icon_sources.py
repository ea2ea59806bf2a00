"""Where a plugin's icons come from: drawn new, picked from the built-in set, or imported.

Why one object for the three: the icon editor's buttons, the Plugin menu and the menu items
editor all offer them, and each must end the same way — the file in the plugin's folder with
an id equal to its name, one undoable step, optionally with a menu item pointing at it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.iconfiles import plugin_of_file as owning_plugin
from ...core.model import BrandingPackage, Plugin
from ...core.wording import counted, plural
from ..icon_render import render_as_written, render_icon
from ..screen_fit import resize_to_fit
from ..titles import literal_title
from .form_rows import add_unlabelled_row, ok_cancel

__all__ = ["IconAdder", "IconGalleryDialog", "ImportSvgDialog", "owning_plugin"]

# Called inside the same undo step with the new icon's reference (e.g. to set a menu item's icon).
Then = Callable[[BrandingPackage, str], None]


# Adds an icon file to (package, plugin); returns (webapp2-relative path, reference for a menu item).
Make = Callable[[BrandingPackage, Plugin], tuple[str, str]]


def _file(stem: str, text: str) -> Make:
    """Adding ``text`` as ``stem.svg``; a sprite is referenced by its first symbol (its root draws nothing)."""

    def make(pkg: BrandingPackage, plugin: Plugin) -> tuple[str, str]:
        from ...core.iconfiles import add_icon_file

        rel, ref = add_icon_file(pkg, plugin, stem, text)
        symbols = sprite_symbols(text)
        return rel, (f"{ref.split('#', 1)[0]}#{symbols[0]}" if symbols else ref)

    return make


def _ok_text(alone: str, verb: str, then: Then | None) -> str:
    """The OK button of the gallery or the import dialog: for a menu item's "New icon ▾" (``then``
    set) it says that the icon goes on the item too. Why: "Add to plugin" read as if the item
    still had to be pointed at the icon afterwards, in the Icon box."""
    return alone if then is None else f"{verb} and use for this item"


def sprite_symbols(text: str) -> list[str]:
    """The symbol ids of a sprite file whose root draws nothing itself (else [])."""
    if "<symbol" not in text:
        return []
    from ...core.svgedit import SvgDocument, SvgEditError

    try:
        doc = SvgDocument(text, fidelity=False)
    except SvgEditError:
        return []
    return doc.symbols() if not doc.shapes() else []


class IconGalleryDialog(QDialog):
    """The built-in icons with a search box (objectName ``iconGallery``)."""

    def __init__(self, parent: QWidget | None = None, ok_text: str = "Add to plugin") -> None:
        from ...core.iconset import builtin_icons

        super().__init__(parent)
        self.setObjectName("iconGallery")
        self.setWindowTitle("Built-in icons")
        resize_to_fit(self, 620, 480)
        self.icons = builtin_icons()
        layout = QVBoxLayout(self)
        self.search = QLineEdit(objectName="iconSearch", placeholderText="Search: record, mute, grid, arrow…")
        self.search.setAccessibleName("Search icons")  # a hint inside the field is no name: it goes as you type
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        layout.addWidget(self.search)
        self.list = QListWidget(objectName="iconGalleryList")
        self.list.setAccessibleName("Built-in icons")
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setWordWrap(True)  # the longest names go onto a second line (see _fit_cells)
        self.list.setIconSize(QSize(32, 32))
        self._fit_cells()
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Static)
        self.list.itemDoubleClicked.connect(self.accept)
        for icon in self.icons:
            item = QListWidgetItem(self._picture(icon), icon.name)
            item.setToolTip(f"{icon.title}\n{', '.join(icon.keywords)}")
            item.setData(Qt.ItemDataRole.UserRole, icon.name)
            self.list.addItem(item)
        layout.addWidget(self.list, 1)
        self.count = QLabel(objectName="iconGalleryCount")
        layout.addWidget(self.count)
        self._buttons = ok_cancel(self, ok_text)
        layout.addWidget(self._buttons)
        self.list.setCurrentRow(0)
        self._filter("")

    def _fit_cells(self) -> None:
        """Cells as wide as most names in the list's font, and tall enough for the picture and two
        lines of name (the few longest wrap after a hyphen: "participant-" / "remove"). 104 x 72
        px at any font cut the names to "arrow-d…" at 15 pt; as wide as the longest name, the
        gallery was two columns with wide gaps."""
        metrics = self.list.fontMetrics()
        widths = sorted(metrics.horizontalAdvance(icon.name) for icon in self.icons) or [0]
        parts = [metrics.horizontalAdvance(part + "-") for icon in self.icons for part in icon.name.split("-")]
        most = widths[len(widths) * 9 // 10]
        width = max(104, most + 16, max(parts, default=0) + 16)
        self.list.setGridSize(QSize(width, max(72, 32 + 2 * metrics.lineSpacing() + 16)))

    def _picture(self, icon) -> QIcon:
        """The icon in the text colour, drawn for the pixels of the screen the gallery is on."""
        colour = self.palette().text().color().name()
        return QIcon(render_icon(icon.data(), "", colour, self.list.iconSize().width(), self.devicePixelRatioF()))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_cells()

    def event(self, event: QEvent) -> bool:
        # Moved to a screen of another scale: the pictures are drawn again for its pixels, or
        # they are blown up and blurred. (Qt says so here only, never in changeEvent.)
        if event.type() == QEvent.Type.DevicePixelRatioChange and getattr(self, "list", None) is not None:
            by_name = {icon.name: icon for icon in self.icons}
            for row in range(self.list.count()):
                item = self.list.item(row)
                if (icon := by_name.get(item.data(Qt.ItemDataRole.UserRole))) is not None:
                    item.setIcon(self._picture(icon))
        return super().event(event)

    def _filter(self, text: str) -> None:
        """Show the matches in the order of :func:`search_icons` (best first) and select the best."""
        from ...core.iconset import search_icons

        ranked = [i.name for i in search_icons(text, self.icons)]
        order = {name: pos for pos, name in enumerate(ranked)}
        items = [self.list.takeItem(0) for _ in range(self.list.count())]
        items.sort(key=lambda it: order.get(it.data(Qt.ItemDataRole.UserRole), len(order)))
        for item in items:
            self.list.addItem(item)
            item.setHidden(item.data(Qt.ItemDataRole.UserRole) not in order)
        self.list.setCurrentRow(0 if ranked else -1)
        self.ok_button.setEnabled(bool(ranked))
        if not ranked:
            self.count.setText("No icon matches: try another word, or clear the search.")
        else:
            self.count.setText(
                f"{len(ranked)} of {counted(len(self.icons), 'icon')}"
                if text.strip()
                else counted(len(self.icons), "icon")
            )

    @property
    def ok_button(self) -> QPushButton:
        """The box's OK button, asked for each time: Qt made it, so a Python object kept for it
        could be one PySide marks deleted later (see HeldViewport)."""
        return self._buttons.button(QDialogButtonBox.StandardButton.Ok)

    def selected_name(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None and not item.isHidden() else None


def _names(paints: list) -> str:
    """The paints' names as a list in words: "white", "red and white", "red, green and white"."""
    names = list(dict.fromkeys(p.name for p in paints))
    return " and ".join(names) if len(names) < 3 else ", ".join(names[:-1]) + " and " + names[-1]


def _has_ink(picture: QPixmap) -> bool:
    image = picture.toImage()
    return any(image.pixelColor(x, y).alpha() for y in range(image.height()) for x in range(image.width()))


class ImportSvgDialog(QDialog):
    """What importing an SVG will keep and remove, before anything is added (``importSvgDialog``)."""

    def __init__(
        self,
        path: Path,
        data: bytes,
        keep_ids: set[str],
        parent: QWidget | None = None,
        ok_text: str = "Import",
        name_for: Callable[[str, str], str] | None = None,
    ) -> None:
        """``name_for(stem, text)``: the name the icon gets in the plugin (``stem``, or ``stem-2``
        when that is taken: :func:`~designer.core.iconfiles.icon_name`); without it, ``stem``."""
        super().__init__(parent)
        self.setObjectName("importSvgDialog")
        self.setWindowTitle(f"Import {literal_title(path.name)}")
        resize_to_fit(self, 560, 420)
        self.path, self.data, self.keep_ids = path, data, keep_ids
        self._name_for = name_for
        self._notes: list[str] = []  # what the import changed, said below the list (see _say)
        self.result_ = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        pictures = QVBoxLayout()
        self.picture = QLabel(objectName="importPreview")
        self.picture.setFixedSize(72, 72)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setToolTip("The icon as it will be written, the app's colour in the text colour")
        # The tile and the icon's app colour follow the appearance (a light tile sat in the dark dialog).
        from ..tones import is_dark
        from .icon_editor import BACKGROUNDS

        self._tile = ("#1f2430", "#f5f5f5") if is_dark(self.palette()) else ("#f3f4f6", "#1f2937")
        self.picture.setStyleSheet(f"background: {self._tile[0]}; border-radius: 6px;")
        pictures.addWidget(self.picture)
        # Beside what is written, the toolbar buttons as the app draws them, in one colour on its
        # light and dark toolbars: where a detail vanishes, it is seen here before the import.
        toolbars = QHBoxLayout()
        toolbars.setSpacing(4)
        self.toolbars: list[QLabel] = []
        for name, background, colour in BACKGROUNDS:
            swatch = QLabel(objectName=f"importOn{name}")
            swatch.setFixedSize(34, 34)
            swatch.setAlignment(Qt.AlignmentFlag.AlignCenter)
            swatch.setStyleSheet(f"background: {background}; border-radius: 4px;")
            swatch.setToolTip(f"On the app's {name.lower()} toolbar")
            swatch.setAccessibleName(f"The icon on the app's {name.lower()} toolbar")
            swatch.setProperty("appColour", colour)
            toolbars.addWidget(swatch)
            self.toolbars.append(swatch)
        pictures.addLayout(toolbars)
        caption = QLabel("In the app", objectName="importInAppCaption", alignment=Qt.AlignmentFlag.AlignCenter)
        font = caption.font()
        font.setPointSizeF(font.pointSizeF() * 0.85)
        caption.setFont(font)
        pictures.addWidget(caption)
        pictures.addStretch(1)
        top.addLayout(pictures)
        form = QFormLayout()
        self.name = QLineEdit(objectName="importName")
        form.addRow("File name", self.name)
        self.colour = QCheckBox("Use the app's colour (the app can recolour it for light and dark)")
        self.colour.setObjectName("importCurrentColor")
        self.colour.setChecked(True)
        self.colour.toggled.connect(self._run)
        add_unlabelled_row(form, self.colour)
        # Shown for a drawing with light details on other colours (the white knob on a blue
        # door): in the app's one colour they would vanish, cut out they show what is behind.
        self.cut_out = QCheckBox(objectName="importCutOut")
        self.cut_out.setChecked(True)
        self.cut_out.setVisible(False)
        self.cut_out.toggled.connect(self._run)
        add_unlabelled_row(form, self.cut_out)
        top.addLayout(form, 1)
        layout.addLayout(top)
        removed_label = QLabel("Removed to keep the app safe and the file small:")
        layout.addWidget(removed_label)
        self.removed = QListWidget(objectName="importRemoved")
        removed_label.setBuddy(self.removed)  # the list's name for a screen reader
        layout.addWidget(self.removed, 1)
        self.summary = QLabel(objectName="importSummary", wordWrap=True)
        layout.addWidget(self.summary)
        self.buttons = ok_cancel(self, ok_text)
        layout.addWidget(self.buttons)
        from ...core.svgimport import derive_icon_id

        self.name.setText(derive_icon_id(path.name))
        self._run()
        self.name.textChanged.connect(self._say)  # the id follows the file name

    def colour_mode(self) -> str:
        """What the two boxes ask of the colours: :data:`~designer.core.svgimport.CUT_OUT` (the
        core does as :data:`APP_COLOUR` for a drawing without light details), or its own colours."""
        from ...core.svgimport import APP_COLOUR, CUT_OUT, OWN_COLOURS

        if not self.colour.isChecked():
            return OWN_COLOURS
        return CUT_OUT if self.cut_out.isChecked() else APP_COLOUR

    def _run(self) -> None:
        from ...core.svgimport import SvgImportError, import_svg

        self.removed.clear()
        try:
            self.result_ = import_svg(self.data, self.path.name, self.keep_ids, colours=self.colour_mode())
        except SvgImportError as exc:
            self.result_ = None
            self.summary.setText(str(exc))
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            return
        res = self.result_
        for line in res.removed or ["Nothing: the file was already clean."]:
            self.removed.addItem(line)
        details = [p for p in res.colours if p.key in res.details]
        self.cut_out.setVisible(res.can_cut_out)
        self.cut_out.setEnabled(self.colour.isChecked())
        self.cut_out.setText(f"Cut out its {_names(details)} details, so they still show on light and dark")
        notes = [*([self._colour_note(res)] if len(res.colours) > 1 else []), *res.notes]
        if res.lost_ids:
            notes.append(f"Lost with unsafe content: the {plural(len(res.lost_ids), 'id')} {', '.join(res.lost_ids)}.")
        if res.converted_colours and len(res.colours) < 2:  # (for several, the colour note says it all)
            follow = "follows" if res.converted_colours == 1 else "follow"
            notes.append(f"{counted(res.converted_colours, 'colour')} now {follow} the app's colour.")
        if res.viewbox_added:
            notes.append("A viewBox was added so the icon scales.")
        # A sprite's root draws nothing (display:none): its first symbol is the picture to show.
        symbols = sprite_symbols(res.text)
        data, element_id, dpr = res.text.encode("utf-8"), symbols[0] if symbols else "", self.devicePixelRatioF()
        picture = render_as_written(data, element_id, self._tile[1], 56, dpr)
        for swatch in self.toolbars:
            swatch.setPixmap(render_icon(data, element_id, swatch.property("appColour"), 24, dpr))
        if not _has_ink(picture):
            pictures = any("<image>" in line for line in res.removed)
            notes.append(
                "After this clean-up the icon draws nothing: what it showed was removed (see the list above), "
                "so its button would be empty."
                + (
                    " An embedded picture is not kept in an icon: export it from your drawing program as "
                    "shapes (paths), not as an image, or draw it here."
                    if pictures
                    else ""
                )
                if res.removed
                else "This icon draws nothing, so its button would be empty."
            )
        self._notes = notes
        self._say()
        self.picture.setPixmap(picture)

    def _colour_note(self, res) -> str:
        """What becomes of a drawing of several colours, in words: which take the app's colour,
        which are cut out, what would disappear. Why: "Use the app's colour" made a blue door
        with a white knob one blue shape, and the knob vanished without a word."""
        from ...core.svgimport import OWN_COLOURS

        paints = res.colours
        lights = [p for p in paints if p.key in res.details]  # (white ones; else dark ones on another colour)
        others = [p for p in paints if p.key not in res.details] or paints[:1]
        words = [p.words for p in paints]
        head = f"This drawing uses {len(paints)} colours: {', '.join(words[:-1])} and {words[-1]}."
        details = "detail" if res.detail_shapes == 1 else "details"
        if len({p.name for p in paints}) < len(paints):  # (black and #111, both "black"): said with their values
            paints = [replace(p, name=p.words) for p in paints]
            lights = [p for p in paints if p.key in res.details]
            others = [p for p in paints if p.key not in res.details] or paints[:1]
        main, rest = others[0].name, _names(others[1:])
        if self.colour_mode() == OWN_COLOURS:
            return (
                f"{head} It keeps them, so the app cannot recolour it for its light and dark toolbars; "
                "where the app draws it in one colour (“In the app”), the details in other colours do not show."
            )
        if res.cut_out:
            details = "detail" if res.cut_out == 1 else "details"
            said = (
                f"{head} The {main} takes the app's colour; the {_names(lights)} {details} "
                f"({counted(res.cut_out, 'shape')}) {'is' if res.cut_out == 1 else 'are'} cut out of it, "
                "so the toolbar shows through, light or dark."
            )
            beside = res.detail_shapes - res.cut_out
            if beside:  # dark details that lie on nothing: cut out, they would vanish
                said += (
                    f" The other {_names(lights)} shape lies on nothing else: it takes the app's colour, as drawn."
                    if beside == 1
                    else f" The other {beside} {_names(lights)} shapes lie on nothing else: they take the app's "
                    "colour, as drawn."
                )
        elif lights and len(lights) < len(paints):
            said = (
                f"{head} With the app's colour, the {_names(lights)} {details} would disappear: "
                f"{'it becomes' if details == 'detail' else 'they become'} the same colour as the {main}."
            )
            if res.can_cut_out:
                said += (
                    f" Tick “Cut out its {_names(lights)} details” to keep {'it' if details == 'detail' else 'them'}."
                )
        else:
            said = f"{head} All of them take the app's colour."
        if rest:
            said += (
                f" The {rest} parts take the app's colour as well: where they lie on the {main}, they no longer "
                "show. Draw such a detail in white to have it cut out, or keep the drawing's own colours."
            )
        return said

    def _say(self) -> None:
        """The notes, with what becomes of the drawing's own id.

        Why: the icon's id becomes its file's name (``name.svg#name`` is what menu items refer
        to), and the drawing's own id ("bad" becoming "hostile") was replaced without a word.
        """
        res = self.result_
        if res is None:
            return
        from ...core.svg import read_svg

        own = read_svg(self.data).root_id
        final = self._name_for(self.stem(), res.text) if self._name_for is not None else self.stem()
        notes = self._notes
        if own and own != final:
            symbols = sprite_symbols(res.text)
            # (in place of the import's own note on that id: it named the file's name, not this one)
            notes = [n for n in notes if f"id '{own}'" not in n] + [
                f"Its id '{own}' becomes '{final}', the file's name"
                + (
                    f" (menu items refer to its symbols, as {final}.svg#{symbols[0]})."
                    if symbols
                    else f": the name a menu item refers to, as {final}.svg#{final}."
                )
            ]
        self.summary.setText("\n".join(notes))

    def stem(self) -> str:
        from ...core.svgimport import derive_icon_id

        return derive_icon_id(self.name.text() or self.path.name)


class IconAdder(QObject):
    """Adds icons to a plugin of the window's package as one undoable step each."""

    sig_added = Signal(str)  # the new file, relative to webapp2/

    def __init__(self, parent: QWidget, editor_of: Callable[[], object]) -> None:
        super().__init__(parent)
        self._parent = parent
        self._editor_of = editor_of  # the window's ModelEditor, or None before a package is open

    @property
    def editor(self):
        return self._editor_of()

    def _dialog_parent(self) -> QWidget:
        return self._parent.window()

    def _add(self, index: int, make: Make, what: str, then: Then | None) -> str | None:
        """Run ``make`` (which adds the file and says where) and ``then`` as one undoable step."""
        editor = self.editor
        if editor is None:
            return None
        plugin = editor.package.plugins[index]
        added: list[str] = []

        def mutate(pkg: BrandingPackage) -> None:
            rel, ref = make(pkg, pkg.plugins[index])
            added[:] = [rel, ref]
            if then is not None:
                then(pkg, ref)

        try:
            editor.edit(f"{what} to '{plugin.display_name}'", mutate)
        except (ValueError, KeyError, OSError) as exc:
            QMessageBox.warning(self._dialog_parent(), "Cannot add the icon", str(exc))
            return None
        if added:
            self.sig_added.emit(added[0])
            return added[1]
        return None

    def _check(self, index: int | None) -> bool:
        editor = self.editor
        if editor is None or index is None or not editor.package.files.writable:
            return False
        if editor.package.plugins[index].folder is None:
            QMessageBox.information(
                self._dialog_parent(),
                "No folder for icons",
                "This plugin's package file is not in a folder of its own, so its icons have nowhere to go.",
            )
            return False
        return True

    def new_icon(self, index: int | None, name: str | None = None, then: Then | None = None) -> str | None:
        """A blank 24×24 icon named by the user; returns the reference, or None if cancelled."""
        from ...core.iconfiles import blank_icon
        from ...core.svgimport import derive_icon_id

        if not self._check(index):
            return None
        if name is None:
            name, ok = QInputDialog.getText(self._dialog_parent(), "New icon", "Name of the new icon:", text="icon")
            if not ok or not name.strip():
                return None
        stem = derive_icon_id(name)
        return self._add(index, _file(stem, blank_icon(stem)), f"Add new icon {stem}.svg", then)

    def builtin_icon(self, index: int | None, name: str | None = None, then: Then | None = None) -> str | None:
        """A copy of a built-in icon, chosen in the gallery unless ``name`` is given."""
        from ...core.iconset import add_builtin_icon

        if not self._check(index):
            return None
        if name is None:
            dialog = IconGalleryDialog(self._dialog_parent(), _ok_text("Add to plugin", "Add", then))
            if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selected_name():
                return None
            name = dialog.selected_name()
        return self._add(
            index, lambda pkg, plugin: add_builtin_icon(pkg, plugin, name), f"Add built-in icon {name}", then
        )

    def import_svg(
        self, index: int | None, path: Path | None = None, then: Then | None = None, ask: bool = True
    ) -> str | None:
        """An SVG from another tool, cleaned by the core's import pipeline; shows what is removed."""
        if not self._check(index):
            return None
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(self._dialog_parent(), "Import SVG icon", "", "SVG icons (*.svg)")
            if not chosen:
                return None
            path = Path(chosen)
        try:
            if path.exists() and not path.is_file():
                # A named pipe (dropped or picked: "x.svg") was read, waiting for a writer forever,
                # and the window hung; a device read without end.
                from ...core.files import not_a_file

                what = not_a_file(path.resolve()) or "not a file"
                raise OSError(f"it is {what}, not a file, so it cannot be imported as an icon")
            data = path.read_bytes()
        except OSError as exc:
            QMessageBox.warning(self._dialog_parent(), "Cannot read the file", f"{path}: {exc.strerror or exc}")
            return None
        from ...core.iconfiles import icon_name

        editor = self.editor

        def name_for(stem: str, text: str) -> str:
            return icon_name(editor.package, editor.package.plugins[index], stem, text)

        dialog = ImportSvgDialog(
            path, data, set(), self._dialog_parent(), _ok_text("Import", "Import", then), name_for=name_for
        )
        if ask and dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        if dialog.result_ is None:
            QMessageBox.warning(self._dialog_parent(), "Cannot import the icon", dialog.summary.text())
            return None
        return self._add(index, _file(dialog.stem(), dialog.result_.text), f"Import {path.name}", then)
