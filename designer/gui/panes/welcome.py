"""The first screen: big, plain actions and the projects opened before.

Why: a person who has never seen a branding package should know what to click first.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from ..app import forget_project, recent_projects
from ..flow_toolbar import FlowLayout
from ..screen_fit import least_height_for_width
from ..viewports import viewport_of


def forget_when_gone(parent: QWidget, path: str) -> bool:
    """Ask whether to take a recent project that is gone (moved, renamed, deleted) off the list;
    True for Yes. The welcome page's list and *File ▸ Open Recent* ask it in the same words."""
    from PySide6.QtWidgets import QMessageBox

    answer = QMessageBox.question(
        parent,
        "Project not found",
        f"{path} no longer exists (moved, renamed or deleted). Take it off the list?",
    )
    return answer == QMessageBox.StandardButton.Yes


class WelcomePane(QWidget):
    """objectName ``welcomePane``; each button emits a ``sig_*`` the window acts on."""

    sig_new = Signal()
    sig_open_folder = Signal()
    sig_open_zip = Signal()
    sig_import_zip = Signal()
    sig_open_example = Signal()
    sig_open_path = Signal(str)
    sig_save_recovery = Signal(object)  # a core.recovery.Recovery whose project folder is gone
    sig_damaged_recovery = Signal(object)  # a core.recovery.DamagedRecovery of such a folder, moved aside

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePane")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 40, 48, 40)
        title = QLabel("<h1>Plugin Designer</h1>")
        # Which of Open ZIP… and Import ZIP… to take for a ZIP in hand is said here: an administrator
        # with the Management Node's download (or the Branding Portal's) hesitated between the two,
        # and Open ZIP… shows it read-only.
        intro = QLabel(
            "Make buttons and menu items for the Pexip Infinity Connect web app, check that they will "
            "work, and export the branding ZIP to upload on the Management Node. Have a branding ZIP "
            "(downloaded from the Management Node or the Branding Portal)? Import ZIP… makes a project "
            "of it that you can edit; Open ZIP… only shows it.",
            objectName="welcomeIntro",
        )
        intro.setWordWrap(True)
        outer.addWidget(title)
        outer.addWidget(intro)
        outer.addSpacing(16)
        # Rows that wrap: in one row the five buttons at a large font (15 pt) were wider than a
        # laptop at 150 % (911 logical px), so the window could not be made narrow enough to fit.
        row = FlowLayout(spacing=8)
        for text, tip, signal, name in (
            ("&New project…", "Start a new branding package with one working plugin.", self.sig_new, "newButton"),
            ("&Open folder…", "Open a project folder or its webapp2 folder.", self.sig_open_folder, "openFolderButton"),
            ("Open &ZIP…", "Look at a branding ZIP (read-only).", self.sig_open_zip, "openZipButton"),
            (
                "I&mport ZIP…",
                "Make an editable project of a branding ZIP (from the Branding Portal, a Management Node, ...).",
                self.sig_import_zip,
                "importZipButton",
            ),
            ("Open the e&xample", "Three small plugins to learn from.", self.sig_open_example, "exampleButton"),
        ):
            button = QPushButton(text, objectName=name)
            if name == "newButton":
                self.new_button = button
            button.setToolTip(tip)
            button.setMinimumHeight(48)
            button.clicked.connect(signal.emit)
            row.addWidget(button)
        outer.addLayout(row)
        outer.addSpacing(24)
        # Unsaved work kept after a crash for a project folder that no longer exists: it cannot be
        # offered on opening that folder, so it is offered here (filled by refresh, hidden when none).
        self.kept = QWidget(objectName="keptChanges")
        self._kept_rows = QVBoxLayout(self.kept)
        self._kept_rows.setContentsMargins(0, 0, 0, 16)
        outer.addWidget(self.kept)
        outer.addWidget(QLabel("<b>Recent projects</b>"))
        self.recent = QListWidget(objectName="recentList")
        self.recent.setAccessibleName("Recent projects")
        self.recent.itemActivated.connect(self._open_recent)
        # Right-click or Delete: take an entry off the list (one that no longer exists, greyed,
        # could not be removed any other way).
        self.recent.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.recent.customContextMenuRequested.connect(self._recent_menu)
        self.recent_menu: QWidget | None = None  # the last right-click's (tests look at it)
        remove = QAction("Remove from the list", self.recent, shortcut=QKeySequence.StandardKey.Delete)
        remove.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        remove.triggered.connect(self._remove_current)
        self.recent.addAction(remove)
        outer.addWidget(self.recent, 1)
        self.refresh()

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        # Its least height: the recent projects list gives up room before the page scrolls.
        return least_height_for_width(self, width)

    def _open_recent(self, item: QListWidgetItem) -> None:
        """Enter or a double-click: open it, or, when it is gone, offer to take it off the list."""
        path = item.data(Qt.ItemDataRole.UserRole)
        if not path:
            return
        if Path(path).exists():
            self.sig_open_path.emit(path)
            return
        if forget_when_gone(self, path):
            self._forget(path)

    def _remove_current(self) -> None:
        item = self.recent.currentItem()
        path = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if path:
            self._forget(path)

    def _forget(self, path: str) -> None:
        """Take ``path`` off the list and keep the keyboard on the entry that took its place."""
        row = self.recent.currentRow()
        forget_project(path)
        self.refresh()
        if self.recent.count() and self.recent.item(0).data(Qt.ItemDataRole.UserRole):
            self.recent.setCurrentRow(min(max(row, 0), self.recent.count() - 1))

    def _recent_menu(self, pos) -> None:
        from PySide6.QtWidgets import QMenu

        item = self.recent.itemAt(pos)
        path = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if not path:
            return
        if self.recent_menu is not None:
            # Done with: each right-click left one more menu in memory while the page was kept.
            self.recent_menu.deleteLater()
        menu = QMenu(self)
        menu.addAction("Remove from the list", lambda: self._forget(path))
        menu.popup(viewport_of(self.recent).mapToGlobal(pos))
        self.recent_menu = menu

    def _fill_kept(self) -> None:
        """One row per recovery copy of a project folder that is gone, with *Save to a new folder…*.

        The recovery module (and the model it reads copies with) is imported only when there is a
        copy at all: imported for every start, it tripled the time before the first paint."""
        from ...core.resources import user_data

        while self._kept_rows.count():
            widget = self._kept_rows.takeAt(0).widget()
            if widget is not None:
                widget.hide()  # (drawn where it was until deleted, under the rows that replace it)
                widget.deleteLater()
        try:
            any_copy = any((user_data() / "recovery").glob("*.json"))
        except OSError:
            any_copy = False
        kept = []
        damaged: list = []
        if any_copy:
            from PySide6.QtCore import QMetaMethod

            from ...core.recovery import orphaned_recoveries

            # A damaged copy is moved aside only when the window will tell of it: the first
            # listing (made while this pane is built) comes before the window connects.
            telling = self.isSignalConnected(QMetaMethod.fromSignal(self.sig_damaged_recovery))
            kept = orphaned_recoveries(damaged if telling else None)
        for found in damaged:
            self.sig_damaged_recovery.emit(found)
        self.kept.setVisible(bool(kept))
        if not kept:
            return
        from ...core.wording import counted

        self._kept_rows.addWidget(QLabel("<b>Unsaved changes of projects that no longer exist</b>"))
        for recovery in kept:
            was = recovery.root.parent if recovery.root.name == "webapp2" else recovery.root
            text = QLabel(
                f"{was} — {counted(len(recovery.writes), 'changed file')}, kept {recovery.when}. The folder was "
                "moved, renamed or deleted (or its drive is not connected): save the changes into a new folder."
            )
            text.setWordWrap(True)
            text.setTextFormat(Qt.TextFormat.PlainText)
            buttons = QWidget()
            row = QHBoxLayout(buttons)
            row.setContentsMargins(0, 0, 0, 0)
            save = QPushButton("&Save to a new folder…", objectName="saveKeptButton")
            save.clicked.connect(lambda _=False, r=recovery: self.sig_save_recovery.emit(r))
            throw = QPushButton("Discard…", objectName="discardKeptButton")
            throw.clicked.connect(lambda _=False, r=recovery, w=was: self._discard_kept(r, w))
            for button in (save, throw):
                button.setAccessibleDescription(f"Unsaved changes of {was}")
                row.addWidget(button)
            row.addStretch(1)
            self._kept_rows.addWidget(text)
            self._kept_rows.addWidget(buttons)

    def _discard_kept(self, recovery: object, was: Path) -> None:
        """Throw a copy listed by :meth:`_fill_kept` away, after asking (it is the only copy of that
        work). Why offered: a folder deleted for good left its row on every start otherwise."""
        from PySide6.QtWidgets import QMessageBox

        from ...core.recovery import Recovery, discard_kept

        assert isinstance(recovery, Recovery)
        answer = QMessageBox.question(
            self,
            "Discard the unsaved changes?",
            f"The unsaved changes of {was} (kept {recovery.when}) will be lost for good.",
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Discard:
            return
        try:
            discard_kept(recovery)
        except OSError as exc:
            QMessageBox.warning(self, "Not discarded", f"{exc.filename or ''}: {exc.strerror or exc}")
        self.refresh()

    def refresh(self) -> None:
        self._fill_kept()
        self.recent.clear()
        for path in recent_projects():
            item = QListWidgetItem(f"{Path(path).name}    —    {path}")
            item.setData(Qt.ItemDataRole.UserRole, path)
            if not Path(path).exists():
                from PySide6.QtGui import QPalette  # (only then: its enums cost start-up time)

                # Greyed, but selectable: Delete (or Enter, which asks) takes it off by keyboard.
                item.setText(f"{item.text()}    (not found)")
                item.setForeground(self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
                item.setToolTip("This folder or file no longer exists. Press Delete to take it off the list.")
            self.recent.addItem(item)
        if not self.recent.count():
            self.recent.addItem(QListWidgetItem("Projects you open appear here."))
            self.recent.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
