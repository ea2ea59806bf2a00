"""The main window: project tree on the left, details in the centre, problems below.

Why this shape: a non-developer sees the whole package at once (which plugins, which files)
and the list of problems in plain words, without opening any JSON file.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStyle,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
)

from ..core.checks import run_checks
from ..core.files import NotAPackageError
from ..core.model import BrandingPackage, Plugin, load
from ..core.problems import Problem, Severity

PLACEMENTS = {
    "toolbar": "Toolbar button",
    "conference": "Conference menu item",
    "participants": "Participant menu item",
}
ROLE_NAMES = {"chair": "Host", "guest": "Guest"}


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.package: BrandingPackage | None = None
        self.problems: list[Problem] = []
        self.setWindowTitle("Plugin Designer")
        self.resize(1200, 760)

        self.tree = QTreeWidget()
        self.tree.setObjectName("projectTree")
        self.tree.setHeaderLabels(["Package"])
        self.tree.currentItemChanged.connect(self._show_item)

        self.details = QTextBrowser()
        self.details.setObjectName("details")
        self.details.setOpenExternalLinks(False)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.tree)
        split.addWidget(self.details)
        split.setSizes([320, 880])
        self.setCentralWidget(split)

        self.problems_view = QTreeWidget()
        self.problems_view.setObjectName("problemsList")
        self.problems_view.setHeaderLabels(["Problem", "Where", "Code"])
        self.problems_view.setRootIsDecorated(False)
        self.problems_view.setColumnWidth(0, 760)
        self.problems_view.setColumnWidth(1, 260)
        dock = QDockWidget("Problems", self)
        dock.setObjectName("problemsDock")
        dock.setWidget(self.problems_view)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        self.problems_dock = dock

        self._build_menus()
        self.status = QLabel("Open a project folder or a branding ZIP to start.")
        self.statusBar().addWidget(self.status)
        self._show_welcome()

    # -- actions --------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        open_dir = QAction("Open &Folder…", self)
        open_dir.setShortcut(QKeySequence.StandardKey.Open)
        open_dir.triggered.connect(self._choose_folder)
        open_zip = QAction("Open &ZIP…", self)
        open_zip.triggered.connect(self._choose_zip)
        reload_ = QAction("&Reload", self)
        reload_.setShortcut(QKeySequence.StandardKey.Refresh)
        reload_.triggered.connect(self.reload)
        quit_ = QAction("&Quit", self)
        quit_.setShortcut(QKeySequence.StandardKey.Quit)
        quit_.triggered.connect(self.close)
        for a in (open_dir, open_zip, reload_):
            file_menu.addAction(a)
        file_menu.addSeparator()
        file_menu.addAction(quit_)
        view_menu = self.menuBar().addMenu("&View")
        view_menu.addAction(self.problems_dock.toggleViewAction())

    def _choose_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, "Open project folder")
        if path:
            self.open_path(Path(path))

    def _choose_zip(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open branding ZIP", "", "Branding package (*.zip)")
        if path:
            self.open_path(Path(path))

    def reload(self) -> None:
        if self.package is not None:
            self.open_path(self._path)

    def show_pane(self, name: str) -> None:
        if name == "problems":
            self.problems_dock.show()
            self.problems_dock.raise_()

    # -- opening --------------------------------------------------------------------------
    def open_path(self, path: Path) -> bool:
        try:
            pkg = load(path)
        except NotAPackageError as exc:
            if self.isVisible():
                QMessageBox.warning(self, "Cannot open", str(exc))
            self.status.setText(str(exc))
            return False
        self._path = path
        self.package = pkg
        self.problems = run_checks(pkg)
        self.setWindowTitle(f"{path.name} — Plugin Designer")
        self._fill_tree()
        self._fill_problems()
        n_err = sum(p.severity is Severity.ERROR for p in self.problems)
        self.status.setText(
            f"Opened {pkg.files.label}: {len(pkg.plugins)} plugin(s), "
            + (f"{n_err} error(s)" if n_err else "no errors")
            + ("" if pkg.files.writable else " — read-only ZIP")
        )
        return True

    def _fill_tree(self) -> None:
        assert self.package is not None
        pkg = self.package
        style = self.style()
        self.tree.clear()
        root = QTreeWidgetItem([Path(pkg.files.label).name or pkg.files.label])
        root.setIcon(0, style.standardIcon(QStyle.StandardPixmap.SP_DirIcon))
        root.setData(0, Qt.ItemDataRole.UserRole, ("package", None))
        self.tree.addTopLevelItem(root)
        for name in ("settings.json", "manifest.json"):
            it = QTreeWidgetItem([name])
            it.setIcon(0, style.standardIcon(QStyle.StandardPixmap.SP_FileIcon))
            it.setData(0, Qt.ItemDataRole.UserRole, ("file", name))
            root.addChild(it)
        for index, plugin in enumerate(pkg.plugins):
            it = QTreeWidgetItem([plugin.display_name])
            it.setData(0, Qt.ItemDataRole.UserRole, ("plugin", index))
            errors = [p for p in self.problems if p.plugin == plugin.key and p.severity is Severity.ERROR]
            it.setIcon(
                0,
                style.standardIcon(
                    QStyle.StandardPixmap.SP_MessageBoxCritical if errors else QStyle.StandardPixmap.SP_DialogApplyButton
                ),
            )
            it.setToolTip(0, f"{len(errors)} error(s)" if errors else "No errors")
            for rel in self._plugin_files(plugin):
                child = QTreeWidgetItem([rel.rsplit("/", 1)[-1]])
                child.setData(0, Qt.ItemDataRole.UserRole, ("file", rel))
                child.setIcon(0, style.standardIcon(QStyle.StandardPixmap.SP_FileIcon))
                it.addChild(child)
            root.addChild(it)
        root.setExpanded(True)
        self.tree.setCurrentItem(root)

    def _plugin_files(self, plugin: Plugin) -> list[str]:
        assert self.package is not None
        folder = plugin.folder
        if not folder:
            return [plugin.package_path] if plugin.package_path else []
        return [n for n in self.package.files.names() if n.startswith(folder + "/")]

    def _fill_problems(self) -> None:
        self.problems_view.clear()
        icons = {
            Severity.ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
            Severity.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
            Severity.INFO: QStyle.StandardPixmap.SP_MessageBoxInformation,
        }
        for p in self.problems:
            it = QTreeWidgetItem([p.message, p.location(), p.code])
            it.setIcon(0, self.style().standardIcon(icons[p.severity]))
            it.setToolTip(0, p.message)
            self.problems_view.addTopLevelItem(it)
        n = len(self.problems)
        self.problems_dock.setWindowTitle(f"Problems ({n})" if n else "Problems — none")

    # -- details --------------------------------------------------------------------------
    def _show_welcome(self) -> None:
        self.details.setHtml(
            "<h2>Plugin Designer</h2><p>Open a project folder (File ▸ Open Folder) or a branding ZIP "
            "(File ▸ Open ZIP) to see its plugins and any problems.</p>"
        )

    def _show_item(self, item: QTreeWidgetItem | None, _prev: object = None) -> None:
        if item is None or self.package is None:
            return
        kind, value = item.data(0, Qt.ItemDataRole.UserRole)
        if kind == "plugin":
            self.details.setHtml(self._plugin_html(self.package.plugins[value]))
        elif kind == "file":
            try:
                text = self.package.read_text(value)
            except (OSError, KeyError, UnicodeDecodeError) as exc:
                text = f"(cannot show this file: {exc})"
            self.details.setHtml(f"<h3>{html.escape(value)}</h3><pre>{html.escape(text)}</pre>")
        else:
            self.details.setHtml(self._package_html())

    def _package_html(self) -> str:
        assert self.package is not None
        pkg = self.package
        rows = "".join(
            f"<tr><td><b>{html.escape(p.display_name)}</b></td><td>{html.escape(p.entry.id or '')}</td>"
            f"<td>{'on' if p.entry.enabled else 'off'}</td><td>{self._placement(p)}</td></tr>"
            for p in pkg.plugins
        )
        bid = pkg.manifest.branding_id if pkg.manifest else "—"
        return (
            f"<h2>{html.escape(pkg.files.label)}</h2><p>brandingID: {html.escape(str(bid))}</p>"
            "<table cellpadding=4><tr><th align=left>Plugin</th><th align=left>id</th>"
            f"<th align=left>Enabled by default</th><th align=left>Placement</th></tr>{rows}</table>"
        )

    @staticmethod
    def _placement(p: Plugin) -> str:
        if p.package is None:
            return "(package file missing)"
        secs = p.package.sections
        if not secs:
            return "None (event-only)"
        return ", ".join(PLACEMENTS.get(s, s) for s in secs)

    def _plugin_html(self, p: Plugin) -> str:
        e = html.escape
        pk = p.package
        if pk is None:
            return f"<h2>{e(p.display_name)}</h2><p>The package file '{e(p.entry.src_url or '')}' could not be read.</p>"
        items = "".join(
            f"<li>{e(mi.label or '(label set at run time)')} — action <code>{e(mi.action or '?')}</code>, "
            f"icon <code>{e(mi.icon or '(set at run time)')}</code></li>"
            for _, _, mi in pk.items()
        )
        roles = ", ".join(ROLE_NAMES.get(r, r) for r in pk.participant_roles or []) or "nobody"
        return (
            f"<h2>{e(p.display_name)}</h2><p>{e(pk.description or '')}</p>"
            f"<p><b>id</b> {e(pk.id or '')} &nbsp; <b>version</b> {e(str(pk.version))}</p>"
            f"<p><b>Placement</b> {self._placement(p)}</p><ul>{items}</ul>"
            f"<p><b>Platforms</b> {e(', '.join(pk.platforms or []) or 'none')} &nbsp; <b>Who</b> {e(roles)}</p>"
        )
