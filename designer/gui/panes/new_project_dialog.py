"""File ▸ New Project…, Import ZIP into a Folder… and Save As…: a project folder's name and where
to put it (objectName ``newProjectDialog``, ``importFolderDialog``, ``saveAsFolderDialog``).

Why a dialog of our own: the save-file dialog it used ("File name", "All Files (*)", "Save")
asked for a *file*, and a new user did not know that the name they typed became a folder, nor
where. Here the name and the place are asked in words, the folder that will be made is shown
as they type, and what cannot work (a name the file system refuses, a folder that already holds
files, a place the user may not write to) is said at once, with Create off until it can work.
Import and Save As asked for their new folder with the same save-file dialog, and ask with this
one now, each with the refusals of its own core check.

Tests replace :func:`ask_new_project`, :func:`ask_import_folder` and :func:`ask_save_as_folder`,
the questions the main window asks.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from designer.core.archive import folder_name_for_zip, import_target_refusal
from designer.core.newproject import STARTER_NAME, folder_refusal, free_project_name, new_project_refusal
from designer.core.saveas import target_refusal

from ..screen_fit import resize_to_fit, room_on_screen
from ..stored_settings import store_setting
from ..tones import text_style
from .form_rows import NoteRow, add_row_with_side, add_unlabelled_row, keep_on_one_line, ok_cancel, show_row

__all__ = [
    "PLACE_KEY",
    "NewProjectDialog",
    "ask_import_folder",
    "ask_new_project",
    "ask_save_as_folder",
    "default_place",
    "import_folder_dialog",
    "save_as_folder_dialog",
]

PLACE_KEY = "newProjectPlace"  # QSettings: the folder the last project (new, imported, saved as) was put in
DEFAULT_NAME = "My branding"
NEW_INTRO = (
    "A project is a folder on this computer holding your branding package: its settings "
    f"and one working toolbar plugin to start from, \u201c{STARTER_NAME}\u201d (a button that "
    "shows a short message), which you can rename or replace."
)


def default_place() -> Path:
    """Where a new project goes unless the user says otherwise: where the last one went (while
    that folder is still there), else the Documents folder, else the home folder."""
    saved = QSettings().value(PLACE_KEY, "")
    if isinstance(saved, str) and saved and Path(saved).is_dir():
        return Path(saved)
    home = Path.home()
    documents = home / "Documents"
    return documents if documents.is_dir() else home


def _breakable(path: str) -> str:
    """``path`` with a zero-width space after each folder separator, so a long path wraps in
    the label instead of widening the dialog past the screen."""
    return path.replace(os.sep, os.sep + "\u200b")


class NewProjectDialog(QDialog):
    """The name (prefilled, free in the place) and the place (typed or browsed); the folder it
    makes, shown live; Create enabled only while ``refusal`` (:func:`new_project_refusal` unless
    told otherwise) has nothing to say.

    The other arguments make it the dialog of Import and Save As (see :func:`import_folder_dialog`,
    :func:`save_as_folder_dialog`): its title and words, the button's text, the name offered and
    the place it starts at (the last used, see :func:`default_place`, unless told)."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        title: str = "New Project",
        intro: str = NEW_INTRO,
        button: str = "&Create",
        name: str = DEFAULT_NAME,
        place: Path | None = None,
        refusal: Callable[[Path | None, str], str | None] = new_project_refusal,
        object_name: str = "newProjectDialog",
        browse_title: str = "Where to put the new project",
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setWindowTitle(title)
        self._refusal = refusal
        self._browse_title = browse_title
        place = place if place is not None and place.is_dir() else default_place()

        intro_label = QLabel(intro, objectName="projectIntroLabel")
        intro_label.setWordWrap(True)
        intro_label.setTextFormat(Qt.TextFormat.PlainText)  # (it may name a ZIP or a folder: never read as markup)
        self.name_edit = QLineEdit(free_project_name(place, name), objectName="projectNameEdit")
        self.place_edit = QLineEdit(str(place), objectName="projectPlaceEdit")
        # Qt drops each byte of a name that is not UTF-8 (a folder named on a Latin-1 share,
        # b"gaml\\xe5"): the place offered read ".../gaml", a folder Save As then made beside the
        # real one. That text (also as the folder dialog gives it back) stands for the real place.
        self._real_places = {self.place_edit.text().strip(): str(place)}
        # A name or place pasted with its line break is taken on one line, as the plugin's fields
        # take it (it was refused as an "invisible control character").
        keep_on_one_line(self.name_edit, self.place_edit)
        self.browse_button = QPushButton("&Browse…", objectName="browsePlaceButton")
        self.browse_button.setToolTip("Choose the folder the project folder goes in")
        self.browse_button.clicked.connect(self.browse)
        form = self._form = QFormLayout()
        name_label = QLabel("Project &name")
        name_label.setBuddy(self.name_edit)
        form.addRow(name_label, self.name_edit)
        add_row_with_side(form, "&Put it in", self.place_edit, self.browse_button)
        self.path_label = QLabel(objectName="projectPathLabel", wordWrap=True)
        self.path_label.setTextFormat(Qt.TextFormat.PlainText)
        add_unlabelled_row(form, self.path_label)
        self.problem = NoteRow(form, "newProjectProblem")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setStyleSheet(text_style("bad", self.palette()))

        self.buttons = ok_cancel(self, button)
        self.create_button.setObjectName("createProjectButton")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setObjectName("cancelButton")

        layout = QVBoxLayout(self)
        layout.addWidget(intro_label)
        layout.addLayout(form)
        layout.addSpacing(6)
        layout.addStretch(1)  # (room the window has beyond its lines: above the buttons)
        layout.addWidget(self.buttons)
        # Enter creates (imports, saves): set once the button is in the dialog (before, Qt had no dialog to tell,
        # and made Browse… the default button).
        self.create_button.setDefault(True)
        # Name, place, Browse…, then the buttons: the order they are read in.
        QWidget.setTabOrder(self.name_edit, self.place_edit)
        QWidget.setTabOrder(self.place_edit, self.browse_button)
        QWidget.setTabOrder(self.browse_button, self.buttons)

        self.name_edit.textChanged.connect(self._update)
        self.place_edit.textChanged.connect(self._update)
        self._update()
        self.name_edit.selectAll()  # typing replaces the offered name
        self.name_edit.setFocus()
        resize_to_fit(self, 560, self.sizeHint().height())
        self._fit_height()  # the height of the lines at that width

    @property
    def create_button(self) -> QPushButton:
        """The box's OK button (named for what it does), asked for each time: Qt made it, so a
        Python object kept for it could be one PySide marks deleted later (see HeldViewport)."""
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def place(self) -> Path | None:
        """The folder typed or browsed (``~`` as the home folder); None while the field is empty."""
        text = self.place_edit.text().strip()
        text = self._real_places.get(text, text)
        return Path(os.path.expanduser(text)) if text else None

    def chosen_path(self) -> Path | None:
        """The project folder the dialog makes (the place and the name); None without a place."""
        place = self.place()
        return None if place is None else place / self.name_edit.text().strip()

    def refusal(self) -> str | None:
        """Why the project cannot be made as it is typed now, else None."""
        return self._refusal(self.place(), self.name_edit.text())

    def _update(self) -> None:
        """Say which folder Create makes, or why it cannot, and enable Create accordingly."""
        why = self.refusal()
        target = self.chosen_path()
        # One line under the fields: the folder Create makes, or (in red) why it cannot.
        if why is None and target is not None:
            how = "Uses the empty folder" if target.is_dir() else "Creates the folder"
            place = self.place()
            # A new place is made too: said, so a typo in it is seen before the click.
            also = f" (and {place}, which does not exist yet)" if place is not None and not place.exists() else ""
            self.path_label.setText(_breakable(f"{how} {target}{also}"))
        show_row(self._form, self.path_label, why is None)
        self.problem.setText(_breakable(why or ""))
        self.create_button.setEnabled(why is None)
        for field in (self.name_edit, self.place_edit):  # read out by a screen reader with the field
            field.setAccessibleDescription(why or "")
        if self.isVisible():
            self._fit_height()

    def _fit_height(self) -> None:
        """As tall as the lines under the fields now need (on the screen). Why: a window does not
        follow its wrapped text's height by itself, and a two-line reason was cut off."""
        layout = self.layout()
        layout.activate()
        need = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else self.sizeHint().height()
        height = min(max(need, layout.totalMinimumSize().height()), room_on_screen(self).height())
        if height != self.height():
            self.resize(self.width(), height)

    def browse(self) -> None:
        """Choose the place in the system's folder dialog, starting at the one typed."""
        place = self.place()
        start = place if place is not None and place.is_dir() else default_place()
        chosen = QFileDialog.getExistingDirectory(self, self._browse_title, str(start))
        if chosen:
            self.place_edit.setText(chosen)

    def accept(self) -> None:
        """Create (Import, Save): checked once more (a folder may have appeared meanwhile), and the
        place kept for the next project."""
        why = self.refusal()
        if why is not None:
            self._update()
            return
        store_setting(PLACE_KEY, str(self.place()))  # (a place: there is no refusal)
        super().accept()


def import_folder_dialog(parent: QWidget | None, source: Path) -> NewProjectDialog:
    """The dialog of File ▸ Import ZIP into a Folder…: the project's name offered from the ZIP's,
    and refused by the rules the import itself applies (:func:`import_target_refusal`)."""
    return NewProjectDialog(
        parent,
        title="Import ZIP into a Folder",
        intro=(
            f"{source.name} becomes a project you can edit: a folder on this computer holding its "
            "files. The ZIP itself is left as it is."
        ),
        button="&Import",
        name=folder_name_for_zip(source).strip().lstrip(".") or DEFAULT_NAME,
        refusal=lambda place, name: folder_refusal(place, name, import_target_refusal),
        object_name="importFolderDialog",
        browse_title="Where to put the imported project",
    )


def save_as_folder_dialog(parent: QWidget | None, project: Path | None, current: Path | None) -> NewProjectDialog:
    """The dialog of File ▸ Save As… (``current``: the project open now, which the copy may be
    neither in nor be) and of saving the recovery copy of ``project``, a folder that is gone
    (``current`` None): the name offered is the project's with " copy", next to it."""
    if current is not None:
        intro = (
            "The project as it is in this window, with your unsaved changes, is saved into a new "
            "folder, and you go on working there. The folder it was in is left as it is."
        )
    else:
        intro = f"The unsaved changes kept of {project} are saved into a new folder, which then opens."
    name = f"{project.name} copy" if project is not None and project.name else DEFAULT_NAME
    return NewProjectDialog(
        parent,
        title="Save As",
        intro=intro,
        button="&Save",
        name=name,
        place=project.parent if project is not None else None,
        refusal=lambda place, name: folder_refusal(place, name, lambda target: target_refusal(target, current)),
        object_name="saveAsFolderDialog",
        browse_title="Where to save the project",
    )


def _asked(dialog: NewProjectDialog) -> Path | None:
    """The folder ``dialog`` was accepted with; None when the user cancels."""
    try:
        return dialog.chosen_path() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def ask_new_project(parent: QWidget | None, place: Path | None = None) -> Path | None:
    """Ask for a new project's folder (in ``place`` unless the user chooses another, else where
    the last one went); None when the user cancels. A seam tests replace."""
    return _asked(NewProjectDialog(parent, place=place))


def ask_import_folder(parent: QWidget | None, source: Path) -> Path | None:
    """Ask for the folder the ZIP ``source`` is imported into; None when the user cancels. A seam
    tests replace."""
    return _asked(import_folder_dialog(parent, source))


def ask_save_as_folder(parent: QWidget | None, project: Path | None, current: Path | None) -> Path | None:
    """Ask for the folder Save As writes ``project`` into (see :func:`save_as_folder_dialog`);
    None when the user cancels. A seam tests replace."""
    return _asked(save_as_folder_dialog(parent, project, current))
