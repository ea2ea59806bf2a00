"""Plugin > Add Plugin from Recipe…: pick a ready-made plugin, answer a short form, add it.

Why three pages: a non-developer first sees what each recipe does and where its button
appears (gallery), then answers only that recipe's questions, each explained and checked as
they type (form), and finally sees exactly which files will be added and what the checks say
about them (files) before anything changes. Finish adds the plugin as one undoable step, with
the same files ``plugin-designer new DIR --recipe NAME`` writes (both use
:func:`designer.core.recipes.render`).
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, QSize, Qt
from PySide6.QtGui import QIcon, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from designer.core.iconset import builtin_icon
from designer.core.model import BrandingPackage
from designer.core.plugins import add_plugin_files, unique_id, unused_name
from designer.core.recipes import (
    Parameter,
    Recipe,
    check_rendered,
    in_use,
    list_recipes,
    render,
    validate_answers,
    validate_value,
)
from designer.core.wording import byte_size

from ..icon_render import render_icon
from ..screen_fit import resize_to_fit
from ..tones import box_style, text_colour, text_style
from ..viewports import follow_focus, viewport_of
from .form_rows import keep_on_one_line, with_mnemonics

__all__ = ["RecipeWizard"]

_HINT_STYLE = "color:palette(placeholder-text);"


class _Field:
    """One parameter's editor, its explanation and its error message."""

    def __init__(self, param: Parameter, on_change: Any) -> None:
        self.param = param
        self.widget: QWidget
        if param.type == "boolean":
            box = QCheckBox(param.label)
            box.setChecked(bool(param.default))
            box.toggled.connect(on_change)
            self.widget = box
        elif param.options():
            combo = QComboBox()
            if param.type == "builtin_icon":  # the pictures themselves: a name alone says little
                combo.setIconSize(QSize(20, 20))
                combo.setMaxVisibleItems(12)
                for value, label in param.options():
                    combo.addItem(label, value)
                self._draw_icons(combo, combo.palette())
            else:
                for value, label in param.options():
                    combo.addItem(label, value)
            combo.setCurrentIndex(max(0, combo.findData(param.default)))
            combo.currentIndexChanged.connect(on_change)
            self.widget = combo
        else:
            line = QLineEdit(str(param.default))
            line.setMaxLength(param.max_length if param.type == "text" else 100)
            line.textChanged.connect(on_change)
            if not param.multiline:  # a name or a menu item's text: a pasted line break is a space
                keep_on_one_line(line)
            self.widget = line
        self.widget.setObjectName(f"recipe_{param.key}")
        self.widget.setToolTip(param.description)
        self.hint = QLabel(param.description)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(_HINT_STYLE)
        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setObjectName(f"recipe_{param.key}_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(text_style("bad", self.error.palette()))
        self.error.hide()

    def _draw_icons(self, combo: QComboBox, palette: QPalette) -> None:
        """The built-in icons of a choice of icon, in ``palette``'s text colour."""
        colour = palette.color(QPalette.ColorRole.Text).name()
        for i in range(combo.count()):
            data = builtin_icon(combo.itemData(i)).data()
            combo.setItemIcon(i, QIcon(render_icon(data, "", colour, 20, combo.devicePixelRatioF())))

    def restyle(self, palette: QPalette) -> None:
        """Another appearance (light or dark): the icons and the error's colour of ``palette``."""
        if self.param.type == "builtin_icon" and isinstance(self.widget, QComboBox):
            self._draw_icons(self.widget, palette)
        self.error.setStyleSheet(text_style("bad", palette))
        # Set again: its palette(placeholder-text) is looked up when the style sheet is set, and the
        # explanation stayed in the light appearance's near-black grey on the dark dialog.
        self.hint.setStyleSheet(_HINT_STYLE)

    def value(self) -> Any:
        w = self.widget
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, QComboBox):
            return w.currentData()
        assert isinstance(w, QLineEdit)
        return w.text()

    def set_value(self, value: Any) -> None:
        w = self.widget
        if isinstance(w, QCheckBox):
            w.setChecked(bool(value))
        elif isinstance(w, QComboBox):
            w.setCurrentIndex(max(0, w.findData(value)))
        elif isinstance(w, QLineEdit):
            w.setText(str(value))

    def show_error(self, message: str | None) -> None:
        self.error.setText(message or "")
        self.error.setVisible(bool(message))


class RecipeWizard(QDialog):
    """Gallery, form and file list; :meth:`finish` adds the plugin through ``editor``."""

    def __init__(self, package: BrandingPackage, editor: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recipeWizard")
        self.setWindowTitle("Add a plugin from a recipe")
        resize_to_fit(self, 760, 620)
        self.package = package
        self.editor = editor
        self.recipes = list_recipes()
        self.recipe: Recipe | None = None
        self.fields: list[_Field] = []
        self.added_index: int | None = None
        self._notes_tone = ""  # the checks' box on the last page: "note" or "ok" once it has been shown

        self.stack = QStackedWidget()
        self.stack.addWidget(self._gallery_page())
        self.form_page = QWidget()
        self.stack.addWidget(self.form_page)
        self.stack.addWidget(self._files_page())

        self.back_button = QPushButton("< &Back")
        self.back_button.setObjectName("recipeBack")
        self.next_button = QPushButton("&Next >")
        self.next_button.setObjectName("recipeNext")
        self.finish_button = QPushButton("&Add plugin")
        self.finish_button.setObjectName("recipeFinish")
        cancel = QPushButton("Cancel")
        cancel.setObjectName("recipeCancel")
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        self.finish_button.clicked.connect(self.finish)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        self.step_label = QLabel(wordWrap=True)
        buttons.addWidget(self.step_label, 1)  # takes the room the buttons leave, wrapping if short
        for b in (self.back_button, self.next_button, self.finish_button, cancel):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        self.next_button.setDefault(True)
        self._update_buttons()

    # -- pages ---------------------------------------------------------------------------------------

    def _gallery_page(self) -> QWidget:
        page = QWidget()
        intro = QLabel(
            "<h3>Choose a recipe</h3>Each recipe is a ready-made plugin. Pick one, answer a few questions, "
            "and it is added to your package, ready to use."
        )
        intro.setWordWrap(True)
        self.gallery = QListWidget()
        self.gallery.setObjectName("recipeGallery")
        self.gallery.setAccessibleName("Recipes")  # the heading above is rich text, not its label
        self.gallery.setSpacing(2)
        # Each row is a widget of its own: the item's text (kept for screen readers and tests) must
        # not show through it, selected or not, and the selection is a tint the row stays legible on.
        self.gallery.setStyleSheet(
            "QListWidget#recipeGallery::item { color: transparent; }"
            "QListWidget#recipeGallery::item:selected { color: transparent;"
            " background: rgba(26, 115, 232, 45); border: 1px solid rgb(26, 115, 232); }"
        )
        self._gallery_rows: list[tuple[QListWidgetItem, QWidget]] = []
        self._gallery_icons: list[tuple[QLabel, Recipe]] = []  # drawn in the text colour (see changeEvent)
        self._gallery_texts: list[tuple[QLabel, Recipe]] = []  # their last line in a grey (see _gallery_text)
        for recipe in self.recipes:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, recipe.name)
            item.setToolTip(recipe.description)
            # The accessible text (and what tests and screen readers see).
            item.setText(recipe.title)
            row = QWidget()
            h = QHBoxLayout(row)
            h.setContentsMargins(8, 6, 8, 6)
            icon = QLabel()
            self._gallery_icons.append((icon, recipe))
            icon.setFixedSize(QSize(44, 44))
            icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
            text = QLabel(self._gallery_text(recipe))
            self._gallery_texts.append((text, recipe))
            text.setWordWrap(True)
            h.addWidget(icon)
            h.addWidget(text, 1)
            item.setSizeHint(QSize(200, max(row.sizeHint().height(), 64)))  # until the list's width is known
            item.setForeground(Qt.GlobalColor.transparent)  # the row widget shows the text
            self.gallery.addItem(item)
            self.gallery.setItemWidget(item, row)
            self._gallery_rows.append((item, row))
        self._draw_gallery_icons()
        viewport_of(self.gallery).installEventFilter(self)  # each row as tall as its text at the list's width
        if self.recipes:
            self.gallery.setCurrentRow(0)
        self.gallery.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.gallery.itemDoubleClicked.connect(lambda _item: self.next())
        page_layout = QVBoxLayout(page)
        page_layout.addWidget(intro)
        page_layout.addWidget(self.gallery, 1)
        return page

    def _gallery_text(self, recipe: Recipe) -> str:
        """A recipe's row: its title, what it does, and in the appearance's grey what it adds and for whom."""
        return (
            f"<b>{html.escape(recipe.title)}</b><br>{html.escape(recipe.description)}<br>"
            f"<span style='color:{text_colour('quiet', self.palette())}'>Adds {html.escape(recipe.placement_text)} "
            f"&middot; for {html.escape(recipe.roles_text)}</span>"
        )

    def _draw_gallery_icons(self) -> None:
        colour = self.palette().color(QPalette.ColorRole.Text).name()
        for icon, recipe in self._gallery_icons:
            icon.setPixmap(render_icon(recipe.icon_svg(), "", colour, 40, self.devicePixelRatioF()))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """Light or dark appearance switched while the wizard is open: what it drew in the old one's
        colours takes the new one's. Why: the recipes' and the icon choice's pictures are drawn in
        the text colour, the errors and the checks' box in colours of their own, and the questions'
        explanations in a grey looked up once; they kept the old ones (black icons, near-black
        explanations and dark red errors on the dark dialog, a pale box on it)."""
        super().changeEvent(event)
        if event.type() != QEvent.Type.PaletteChange or not hasattr(self, "finish_button"):
            return
        palette = self.palette()
        # Set again: a widget with a style sheet keeps the palette it was polished with, and the
        # list stayed white in dark appearance, the recipes' light pictures all but gone on it.
        self.gallery.setStyleSheet(self.gallery.styleSheet())
        self._draw_gallery_icons()
        for text, recipe in self._gallery_texts:
            text.setText(self._gallery_text(recipe))
        for f in self.fields:
            f.restyle(palette)
        if hasattr(self, "form_errors"):
            self.form_errors.setStyleSheet(text_style("bad", palette))
        if self._notes_tone:
            self.notes.setStyleSheet(box_style(self._notes_tone, palette))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize and watched is viewport_of(self.gallery):
            self._fit_gallery_rows()
        return super().eventFilter(watched, event)

    def _fit_gallery_rows(self) -> None:
        """Each recipe's row as tall as its wrapped text at the list's width. Why: its height was
        the text's wrapped to its narrowest, so at the dialog's width rows stood half empty and
        fewer recipes showed at once."""
        width = viewport_of(self.gallery).width() - 2 * self.gallery.spacing()
        for item, row in self._gallery_rows:
            height = max(row.heightForWidth(width) if row.hasHeightForWidth() else row.sizeHint().height(), 64)
            if item.sizeHint().height() != height:
                item.setSizeHint(QSize(200, height))

    def _build_form(self, recipe: Recipe) -> None:
        self.recipe = recipe
        old = self.form_page
        page = QWidget()
        title = QLabel(objectName="recipeHeading")  # its text follows the answers (see _validate)
        title.setWordWrap(True)
        self.heading = title
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields = [_Field(p, self._validate) for p in recipe.parameters]
        for f in self.fields:
            if f.param.key == "name":
                with QSignalBlocker(f.widget):
                    f.set_value(self._offered("name", f.value()))
        # The answer each choice had, so a change can carry the texts that still fit it along.
        self._chosen = {f.param.key: f.value() for f in self.fields if f.param.suggestions(f.value())}
        # Alt+letter to each question, as in the other forms; the letters are chosen from the
        # recipe's own words, none twice and none the wizard's buttons have (Alt+N is Next).
        buttons = (self.back_button, self.next_button, self.finish_button)
        texts = with_mnemonics((f.param.label for f in self.fields), [b.text() for b in buttons])
        for f, text in zip(self.fields, texts, strict=True):
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(f.widget)
            column.addWidget(f.hint)
            column.addWidget(f.error)
            if isinstance(f.widget, QCheckBox):  # a yes/no question is its tick box's own text
                f.widget.setText(text)
                # An empty label widget, not "": a row without one was not measured at its width,
                # so the one-line explanation got two lines' height (a blank line under it).
                form.addRow(QLabel(), column)
                continue
            label = QLabel(text + ":")
            label.setTextFormat(Qt.TextFormat.PlainText)  # the recipe's words, shown as written
            label.setBuddy(f.widget)
            form.addRow(label, column)
        self.form_errors = QLabel()
        self.form_errors.setObjectName("recipeFormErrors")
        self.form_errors.setWordWrap(True)
        self.form_errors.setStyleSheet(text_style("bad", self.palette()))
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.addWidget(title)
        inner_layout.addLayout(form)
        inner_layout.addWidget(self.form_errors)
        inner_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no Tab stop that shows nothing: its fields are
        scroll.setWidget(inner)
        follow_focus(scroll)  # (an Alt+letter's field below the fold)
        QVBoxLayout(page).addWidget(scroll)
        self.stack.insertWidget(1, page)
        self.stack.removeWidget(old)
        old.deleteLater()
        self.form_page = page
        self._validate()

    def _files_page(self) -> QWidget:
        page = QWidget()
        self.files_intro = QLabel()
        self.files_intro.setWordWrap(True)
        self.files_list = QListWidget()
        self.files_list.setObjectName("recipeFiles")
        self.files_list.setAccessibleName("Files to be added")  # the text above it changes, and is long
        self.notes = QLabel()
        self.notes.setObjectName("recipeNotes")
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(page)
        layout.addWidget(self.files_intro)
        layout.addWidget(self.files_list, 1)
        layout.addWidget(self.notes)
        return page

    # -- state ---------------------------------------------------------------------------------------

    def answers(self) -> dict[str, Any]:
        return {f.param.key: f.value() for f in self.fields}

    def set_answers(self, answers: dict[str, Any]) -> None:
        """Fill the form (tests, or a caller that knows the answers)."""
        for f in self.fields:
            if f.param.key in answers:
                f.set_value(answers[f.param.key])
        self._validate()

    def errors(self) -> list[str]:
        return validate_answers(self.recipe, self.answers()) if self.recipe else ["Choose a recipe first."]

    def _follow_choices(self) -> None:
        """A choice that suggests other answers changed ("Mute" -> "Disconnect"): each answer
        still as the old choice suggested it takes the new suggestion; one the user changed stays.
        (Only the fields change: their own signals are held, and the caller checks them after.)"""
        assert self.recipe is not None
        for f in self.fields:
            key = f.param.key
            if key not in self._chosen or f.value() == self._chosen[key]:
                continue
            old = f.param.suggestions(self._chosen[key])
            new = f.param.suggestions(f.value())
            self._chosen[key] = f.value()
            for other in self.fields:
                k = other.param.key
                was = self._offered(k, old.get(k, other.param.default))
                if other.param.suggested_by == key and k in new and other.value() == was:
                    with QSignalBlocker(other.widget):
                        other.set_value(self._offered(k, new[k]))

    def _offered(self, key: str, value: Any) -> Any:
        """The answer the form offers for ``key`` when the recipe suggests ``value``: a plugin name
        no plugin of the package has yet ("Lock meeting 2"). Why: offered "Lock meeting" again, a
        second lock got its own id but the same name, and the tree and the app's Settings ▸ Plugins
        listed two plugins nobody could tell apart (Add Plugin… offers "My plugin 2" for this)."""
        return unused_name(self.package, value) if key == "name" and isinstance(value, str) else value

    def _validate(self, *_args: Any) -> None:
        if self.recipe is None:
            return
        self._follow_choices()
        answers = self.answers()
        recipe = self.recipe
        heading = (
            f"<h3>{html.escape(recipe.title)}</h3>{html.escape(recipe.description)} Adds "
            f"{html.escape(recipe.placement_text)}, for {html.escape(recipe.roles_text_for(answers))}."
        )
        if self.heading.text() != heading:
            self.heading.setText(heading)
        for f in self.fields:
            on = in_use(f.param, answers)  # a text its yes/no setting switched off: greyed, not checked
            f.widget.setEnabled(on)
            f.show_error(validate_value(f.param, f.value()) if on else None)
        field_errors = {f.error.text() for f in self.fields}
        rest = [e for e in self.errors() if e not in field_errors]
        self.form_errors.setText("<br>".join(html.escape(e) for e in rest))
        self.form_errors.setVisible(bool(rest))
        self._update_buttons()

    def plugin_id(self) -> str:
        name = str(self.answers().get("name") or "plugin")
        return unique_id(self.package, name)

    def files(self) -> dict[str, bytes]:
        assert self.recipe is not None
        return render(self.recipe, self.answers(), self.plugin_id())

    def _update_buttons(self) -> None:
        page = self.stack.currentIndex()
        self.back_button.setEnabled(page > 0)
        if page == 0:
            ok = self.gallery.currentRow() >= 0
        elif page == 1:
            ok = not self.errors()
        else:
            ok = False
        self.next_button.setEnabled(ok)
        self.next_button.setVisible(page < 2)
        self.finish_button.setVisible(page == 2)
        self.finish_button.setEnabled(page == 2 and self.package.files.writable)
        # Enter presses what the step offers: Next, then Add plugin (a hidden default button does nothing).
        self.next_button.setDefault(page < 2)
        self.finish_button.setDefault(page == 2)
        steps = ("Choose a recipe", "Answer the questions", "Check what will be added")
        self.step_label.setText(f"Step {page + 1} of 3: {steps[page]}")

    # -- navigation ----------------------------------------------------------------------------------

    def choose(self, name: str) -> None:
        """Select a recipe in the gallery by its name."""
        for row in range(self.gallery.count()):
            if self.gallery.item(row).data(Qt.ItemDataRole.UserRole) == name:
                self.gallery.setCurrentRow(row)
                return
        raise KeyError(name)

    def next(self) -> None:
        page = self.stack.currentIndex()
        if page == 0 and self.gallery.currentRow() >= 0:
            name = self.gallery.currentItem().data(Qt.ItemDataRole.UserRole)
            if self.recipe is None or self.recipe.name != name:
                self._build_form(next(r for r in self.recipes if r.name == name))
            self.stack.setCurrentIndex(1)
            # The keyboard to the first question, its text selected to type over (it was left on
            # the form's scroll area, where nothing showed it).
            first = next((f.widget for f in self.fields if f.widget.isEnabled()), None)
            if first is not None:
                first.setFocus(Qt.FocusReason.TabFocusReason)
                if isinstance(first, QLineEdit):
                    first.selectAll()  # (focus that was there already selects nothing)
        elif page == 1 and not self.errors():
            self._show_files()
            self.stack.setCurrentIndex(2)
        self._update_buttons()

    def back(self) -> None:
        self.stack.setCurrentIndex(max(0, self.stack.currentIndex() - 1))
        self._update_buttons()

    def _show_files(self) -> None:
        files = self.files()
        pid = self.plugin_id()
        self.files_intro.setText(
            f"<h3>Ready to add '{html.escape(str(self.answers()['name']))}'</h3>"
            f"These files will be added to your package (in the folder <code>plugins/{html.escape(pid)}/</code>), "
            "and the plugin is listed in settings.json. Nothing is written to disk until you save; "
            "<i>Edit ▸ Undo</i> takes it out again."
        )
        self.files_list.clear()
        kinds = {
            ".json": "the package file: name, where it appears, who gets it",
            ".js": "the plugin's code, explained",
        }
        for rel, data in files.items():
            kind = next((v for k, v in kinds.items() if rel.endswith(k)), "an icon")
            item = QListWidgetItem(f"{rel.rsplit('/', 1)[-1]}  —  {kind} ({byte_size(len(data))})")
            item.setToolTip(rel)
            item.setData(Qt.ItemDataRole.UserRole, rel)
            self.files_list.addItem(item)
        notes = check_rendered(files)
        if notes:
            items = "".join(
                f"<li><b>{html.escape(p.severity.value)} {html.escape(p.code)}</b>: {html.escape(p.message)}</li>"
                for p in notes
            )
            self.notes.setText(f"<b>Good to know before you upload:</b><ul>{items}</ul>")
            self._notes_tone = "note"
        else:
            self.notes.setText("The checks found nothing to worry about in these files.")
            self._notes_tone = "ok"
        self.notes.setStyleSheet(box_style(self._notes_tone, self.palette()))

    def finish(self) -> None:
        """Add the plugin (one undoable step when an editor is given) and close."""
        if self.recipe is None or self.errors():
            return
        files = self.files()
        name = str(self.answers()["name"])
        if self.editor is not None:
            self.editor.edit(f"Add plugin '{name}' from a recipe", lambda pkg: add_plugin_files(pkg, files))
        else:
            add_plugin_files(self.package, files)
        self.added_index = len(self.package.plugins) - 1
        self.accept()
