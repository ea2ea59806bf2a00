"""The main window: project tree on the left, details in the centre, problems below.

Why this shape: a non-developer sees the whole package at once (which plugins, which files)
and the list of problems in plain words, without opening any JSON file.
"""

from __future__ import annotations

import os
import posixpath
import time
from collections import Counter
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .bidi import IsolatingDelegate, IsolatingLabel, isolate_quoted
from .note_bar import NoteBar
from .panes.problems_pane import ProblemsFilter, ProblemsPane
from .screen_fit import NO_LIMIT, remember_place, resize_to_fit, room_on_screen
from .titles import literal_title
from .viewports import follow_focus, viewport_of

if TYPE_CHECKING:  # the core and the editor panes load with the first package, after the window paints
    from collections.abc import Callable

    from PySide6.QtCore import QThread
    from PySide6.QtGui import QCloseEvent, QUndoCommand

    from ..core.export import ExportResult
    from ..core.model import BrandingPackage, Plugin
    from ..core.problems import Fix, Problem
    from ..core.recovery import BegunSave, DamagedRecovery, Recovery, Typing
    from .background_checks import BackgroundChecks
    from .commands import ModelEditor
    from .panes.icon_editor import IconEditorPane
    from .panes.plugin_page import PluginPage
    from .panes.recipe_wizard import RecipeWizard
    from .panes.source_editor import SourceEditor, SourcePane
    from .panes.welcome import WelcomePane

_CHECKING_BIG = "Checking the big plugin source"  # the status while a worker parses them (see _checking_big)
_EDITOR_ROOM = 560  # px the tree and the editor keep when a side dock opens (see _side_dock_width)
AUTOSAVE_MS = 30_000
WARM_UP_MS = 600  # after a project opens: the source editor's code is loaded then (see _warm_editor)
AUTOSAVE_AFTER_EDIT_MS = 500  # (typing on, or holding Ctrl+Z down, writes the copy once, at the pause)
AUTOSAVE_TYPING_ON_MS = 2_000  # ... or at the latest this long after the first edit not kept (see _keep_aside_soon)
SOURCE_SUFFIXES = {"js", "mjs", "json", "svg"}  # opened in the source editor; other files read-only


def _checking_big(n: int) -> str:
    """The status line while a worker parses ``n`` big sources, before the checks run."""
    from ..core.wording import plural

    return f"Checking the big plugin {plural(n, 'source')}…"


def _shortened(text: str, limit: int = 200) -> str:
    """A name as the overview pages and the tree show it: whole up to ``limit`` characters.

    Why: Qt lays out one unbroken word in time that grows with its square; a plugin called by
    a 5 MB name (valid JSON) froze the window for minutes. The forms still hold it whole.
    """
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _shown_path(path: str | Path) -> str:
    """A path as the status bar and the package overview show it: under the home folder as ``~/…``.

    Why: the whole path ("/home/alex/projects/branding/webapp2") said nothing the user did not
    know, pushed the plugin and error counts to the far end of the status bar, and a project
    in a temporary folder showed that folder's random name. Elsewhere (Windows) it stays whole.
    Printable, as the window's title: of a folder named in another encoding it showed Qt's stand-in
    for the byte, a box, where the title says "proj\\xe5".
    """
    from ..core.problems import printable

    text = str(path)
    if os.sep != "/":
        return printable(text)
    try:
        home = str(Path.home()).rstrip("/")
    except (RuntimeError, KeyError):  # no HOME and no entry in the password database
        return printable(text)
    if home and (text == home or text.startswith(home + "/")):
        return printable("~" + text[len(home) :])
    return printable(text)


def _missing_files_question(project: Path, missing: list[str]) -> str:
    """What the import asks before it writes the ``missing`` settings.json and manifest.json of the
    project just imported into ``project``: what each file will hold, and why the app needs it.

    Why in these words: "so the app would ignore its plugins. Create them now?" was asked of a
    Management Node download that has no plugins at all, and said neither what would be written
    nor that a project with no plugins needs the files too (the plugins added later go in them).
    """
    from ..core.fixes import plugins_to_list
    from ..core.model import load
    from ..core.wording import counted

    found = len(plugins_to_list(load(project)))
    both = len(missing) > 1
    lines = [
        f"The ZIP has no {' and no '.join(missing)}"
        + (" (the Management Node's default download comes with neither)." if both else ".")
    ]
    lines.append("")
    lines.append("Yes writes, in the new project's webapp2 folder:")
    if "settings.json" in missing:
        listed = (
            f"the ZIP's {counted(found, 'plugin')}, so the app loads {'them' if found > 1 else 'it'}"
            if found
            else "empty for now, as the ZIP has no plugins; the plugins you add are listed in it (without it the "
            "app loads none)"
        )
        lines.append(f"• settings.json, the list of plugins the app loads: {listed}.")
    if "manifest.json" in missing:
        lines.append(
            "• manifest.json, which tells the app to use this package's settings (isSettingsBranded) and "
            "gives the upload its number (brandingID); without it the app ignores settings.json."
        )
    lines.append("")
    lines.append(
        f"No leaves {'them' if both else 'it'} out; Problems then offers to create {'them' if both else 'it'}."
    )
    return "\n".join(lines)


def _shown_place(pkg: BrandingPackage) -> str:
    """Where a package is, as the status bar and the overview name it: its folder, or for a ZIP
    opened read-only the ZIP and the folder inside it ("~/branding.zip › webapp2").

    Why: the core's label for a ZIP, "branding.zip!webapp2", is a developer's notation that a
    reader took for part of the file name.
    """
    zip_path = getattr(pkg.files, "zip_path", None)
    if zip_path is None:
        return _shown_path(pkg.files.label)
    inside = str(getattr(pkg.files, "prefix", "")).strip("/")
    return _shown_path(zip_path) + (f" › {inside}" if inside else "")


def _listed(names: list[str], most: int = 5) -> str:
    """``names`` joined with commas, the first ``most`` of them and how many more."""
    more = f" and {len(names) - most} more" if len(names) > most else ""
    return ", ".join(names[:most]) + more


# The note that another window on the package is gone, its unsaved changes kept aside (a crash).
_OTHER_WINDOW_CRASHED = (
    "Another Plugin Designer window on this package closed without saving its changes; they are kept aside. "
    "Save here, then File ▸ Reload to be offered them."
)


def _begun_save(begun: BegunSave, left: Recovery, discarded: bool = False) -> str:
    """A sentence naming the files a save killed half way had written (see core.recovery.begun_save),
    and, ``discarded``, what discarding the rest does to them; "" when there are none.

    Why: those files and the others no longer agree (an id renamed in settings.json, not in the
    plugin's files), and the restore question, or the discarding, left that unsaid; discarded,
    they stayed so, the project half written."""
    done = begun.written
    if not done:
        return ""
    one = len(done) == 1
    said = f" A save had begun: {_listed(done)} {'holds' if one else 'hold'} the changes already"
    if not discarded and begun.cannot_put_back:
        return f"{said}; restoring, then saving, writes the others, so that the files agree again."
    if not discarded:  # (see MainWindow._put_back_to_restore)
        return (
            f"{said}; restoring first gives {'it' if one else 'them'} back the version before that save, so that "
            "undoing the restore leaves the project as saved last, and saving writes all the changes."
        )
    lost = begun.cannot_put_back
    if not lost:
        return f"{said}; discarding puts back the version {'it' if one else 'they'} had before that save."
    others = sorted({*left.writes, *left.deletes})
    still = (
        f"; {_listed(others)} still {'holds' if len(others) == 1 else 'hold'} the version before it" if others else ""
    )
    return (
        f"{said}{still}. The version before that save cannot be put back for {_these(lost, done)}, so discarding "
        "leaves the files not agreeing: the changes are then kept aside in the recovery folder, should you want "
        "them back."
    )


def _lines(names: list[str], most: int = 15) -> str:
    """``names`` one a line, the first ``most`` of them and how many more. Why: a question listing
    80 files (after a checkout) was taller than the screen, its buttons past its edge."""
    more = f"\n… and {len(names) - most} more" if len(names) > most else ""
    return "\n".join(names[:most]) + more


def _these(names: list[str], said: list[str]) -> str:
    """``names`` as a sentence after ``said`` names them: "it" or "them" when they are all of
    ``said``, else the first few by name (see _listed)."""
    if names == said:
        return "it" if len(names) == 1 else "them"
    return _listed(names)


def _escape_before_paint(text: str) -> str:
    """``html.escape`` for the "Opening …" heading, which is drawn before the first paint.

    Why not :mod:`html` itself: it loads its entity tables on import (about 2 ms of a start-up
    that bench/startup.py counts); the pages drawn after the package opens use it.
    """
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


_PLUGIN_KEY = Qt.ItemDataRole.UserRole + 1  # a plugin's tree item: the plugin's key (Plugin.key)
_MARK = Qt.ItemDataRole.UserRole + 2  # a plugin's tree item: its mark as set (see MainWindow._mark_plugin)


def _key_at(keys: list[str], selected: object) -> str | None:
    """The key of the plugin a tree item's data ``("plugin", index)`` names, if it is one."""
    if isinstance(selected, tuple) and selected[0] == "plugin" and 0 <= selected[1] < len(keys):
        return keys[selected[1]]
    return None


class _UpDownScroll(QScrollArea):
    """A scroll area that scrolls up and down: never narrower than its page's least width, as
    long as that is at most two fifths of the screen (beyond, it scrolls sideways too).

    Why: the Export dock could be dragged down to 68 pixels, and its page (280 at least) then
    scrolled sideways, every row cut on the right ("previous: 17324928…", half a button). But a
    page that needs 463 pixels (a 15 pt font) made the window wider than a 1024 x 600 screen at
    150 % has room for: there the dock gives up the width and scrolls sideways instead.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        # The page's least width grows with what it shows (a number, a path): ask again, or the
        # dock kept the width its empty page had needed.
        if event.type() == QEvent.Type.LayoutRequest and watched is self.widget():
            self.updateGeometry()
        return super().eventFilter(watched, event)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        least = super().minimumSizeHint()
        page = self.widget()
        if page is None:
            return least
        from PySide6.QtWidgets import QStyle  # (not at start-up: its enums cost milliseconds to make)

        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        width = page.minimumSizeHint().width() + bar + 2 * self.frameWidth()
        return QSize(min(width, room_on_screen(self).width() * 2 // 5), least.height())


class _StatusMessage(IsolatingLabel):
    """The status bar's message, cut short with "…" where the window is too narrow for it, the
    whole message then in its tooltip.

    Why: in a window 1024 pixels wide a long message (an import's, naming two folders) ran off
    the right edge mid-sentence ("…, so that the export can show what you changed; it is not
    uploaded" was lost) with nothing to say that more was there, nor a way to read it.
    """

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setText(text)
        self._fit()

    def _fit(self) -> None:
        whole = isolate_quoted(self.text())
        room = self.contentsRect().width()
        metrics = self.fontMetrics()
        # (asked only for a message that does not fit: the elide enum costs start-up time)
        shown = (
            whole
            if metrics.horizontalAdvance(whole) <= room
            else metrics.elidedText(whole, Qt.TextElideMode.ElideRight, room)
        )
        if shown != super(IsolatingLabel, self).text():
            super(IsolatingLabel, self).setText(shown)  # (QLabel's own: the marks are in already)
        self.setToolTip(self.text() if shown != whole else "")

    def resizeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(0, super().minimumSizeHint().height())  # the message gives way, not the window


class _SummaryBrowser(QTextBrowser):
    """The project's, a plugin's or a file's summary, its text laid out one pixel narrower than
    the pane once :meth:`wrap_at_words` is on.

    Why: Qt lays a table out one pixel wider than the text at every odd width of the pane, so
    the project page showed a scroll bar that moved it by one pixel at half of all pane widths
    (with the Export dock open at 1280 x 800, say). A table really too wide still scrolls.
    """

    _fitting = False  # lines set one pixel short of the pane (from the first package on)

    def wrap_at_words(self) -> None:
        """Words never split, lines one pixel short of the pane. (Set with the first package, not
        at start-up: naming QTextOption's and QTextEdit's enums costs time before the paint.)"""
        if self._fitting:
            return
        from PySide6.QtGui import QTextOption
        from PySide6.QtWidgets import QTextEdit

        self._fitting = True
        self.setWordWrapMode(QTextOption.WrapMode.WordWrap)
        self.setLineWrapMode(QTextEdit.LineWrapMode.FixedPixelWidth)
        self._fit_lines()

    def _fit_lines(self) -> None:
        width = max(viewport_of(self).width() - 1, 1)
        if self.lineWrapColumnOrWidth() != width:
            self.setLineWrapColumnOrWidth(width)

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        # The viewport's size, not the browser's: it narrows without a resize of the browser
        # when the vertical scroll bar comes.
        if self._fitting and event.type() == QEvent.Type.Resize:
            self._fit_lines()
        return super().viewportEvent(event)


def _scrolled(page: QWidget, object_name: str, sideways: bool = True) -> QScrollArea:
    """``page`` in a frameless scroll area that resizes it (scrolled only when it has too little room);
    ``sideways=False``: the area as wide as the page needs at least (see :class:`_UpDownScroll`)."""
    kind = QScrollArea if sideways else _UpDownScroll
    scroll = kind(objectName=object_name, widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the page's fields and buttons, not the frame
    scroll.setWidget(page)
    follow_focus(scroll)  # (an Alt+letter's field below the fold)
    return scroll


class _PageStack(QStackedWidget):
    """The centre: one page at a time, only as wide as the page on show needs.

    Why: a QStackedWidget is at least as wide as its widest page, hidden ones included, so the
    welcome screen's row of buttons kept the centre 610 pixels wide for good and an opened dock
    took its room from the project tree instead.
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.currentChanged.connect(lambda _index: self.updateGeometry())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        page = self.currentWidget()
        return page.minimumSizeHint() if page is not None else super().minimumSizeHint()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()


def _package_of(path: Path) -> Path:
    """What to open for a dropped ``path``: a file of a package (settings.json, a plugin's file)
    opens the package it belongs to; a folder or a ZIP is opened as it is."""
    if not path.is_file() or path.suffix.lower() == ".zip":
        return path
    for folder in list(path.parents)[:6]:
        if folder.name == "webapp2" or (folder / "webapp2").is_dir() or (folder / "settings.json").is_file():
            return folder
    return path


_MENU_TITLES = (("file", "&File"), ("edit", "&Edit"), ("plugin", "&Plugin"), ("view", "&View"), ("help", "&Help"))


class MainWindow(QMainWindow):
    def __init__(self, opening: Path | None = None, defer_menus: bool = False) -> None:
        """``opening``: the package about to be opened; the window shows that instead of the welcome.
        ``defer_menus``: the menus' actions wait for :meth:`finish_menus` (see there)."""
        super().__init__()
        self.setObjectName("mainWindow")
        self.package: BrandingPackage | None = None
        self.editor: ModelEditor | None = None
        self.history_dock: QDockWidget | None = None
        self._watcher = None  # QFileSystemWatcher, made when a file is first shown in the editor
        self._asking_disk = ""  # the file whose "changed by another program" question is on show
        # What the last save wrote (path -> bytes): the watcher's news of that write is no other
        # program's change, even when it comes after the user has typed on (see _file_changed_on_disk).
        self._saved: dict[str, bytes] = {}
        self._saved_here = False  # saved since the package was opened (for "nothing to save since …")
        self._save_said = ""  # the status bar's "Saved 3 files", taken away by the next change (see _clean_changed)
        # The recovery copy a crash left was offered here (restored or thrown away): this window's
        # copy takes its place. Until then a copy of another process stays (see write_recovery).
        self._took_over = False
        # What the note said of the other window whose copy this one's is kept beside: "open" (it has
        # unsaved changes), "closed" (it crashed: they are kept aside), or "" (nothing yet).
        self._told_crash_copy = ""
        self._kept_typing = False  # the recovery copy holds typing in the Id or an Action field
        # The copy restored here of a save cut short (see _put_back_restored_save); None: none, or saved since.
        self._restored_begun: Recovery | None = None
        # Restore was answered for a save cut short whose files were then put back: the project read
        # again restores the copy without asking a second time (see _put_back_to_restore).
        self._restore_answered = False
        self.problems: list[Problem] = []
        self.preview_problems: list[Problem] = []  # PD800: crashes the preview caught (shown with the checks')
        self.undo_group = QUndoGroup(self)
        self.undo_group.cleanChanged.connect(lambda clean: self.setWindowModified(not clean))
        # Checks re-run shortly after the last edit, not on every keystroke.
        self._recheck = QTimer(self, singleShot=True, interval=150)
        self.source_analysis: QThread | None = None  # parsing big sources before a check (source_analysis.py)
        # The package on show has not been checked yet: a worker parses its big sources first
        # (see open_path). The tree and the status then say so, rather than "no errors".
        self._unchecked = False
        self._just_parsed: set[bytes] = set()
        self._closing = False  # the window has agreed to close: no new worker may start
        self._discarded: tuple[object, int] | None = None  # edits discarded for another project (see _may_discard)
        self.remembers_projects = True  # File ▸ Recent; not for the screenshot command
        self.remembers_place = False  # its size and place on screen, for the next start (set by app.start)
        # Unsaved changes kept after a crash offered back; not by the screenshot command, whose
        # window nobody can answer (it waited for ever) and which shows the project as saved.
        self.offers_recovery = True
        # Ctrl+C in the terminal (app.ctrl_c_closes): closing keeps unsaved changes in the recovery copy.
        self.keeps_unsaved_on_close = False
        # The projects this window opened: what it made in them as root, run through sudo, goes back
        # to their owner when the designer ends (app.give_back_after_sudo).
        self.opened_folders: set[Path] = set()
        self._status_before_analysis = ""
        self._status_until_checked: tuple[str, Callable[[], str]] | None = None  # see _say_until_checked
        self._counts_said: tuple[str, str] | None = None  # see _say_counted
        self._recheck.timeout.connect(lambda: self._run_checks(background=True))
        # Checks on a worker (background_checks.py), for a package whose checks are slow: the one
        # running, and the count of changes and checks (see _check_soon) its result and the one
        # shown are of. A result is shown only while that count has not moved since it started.
        self.background_checks: BackgroundChecks | None = None
        self._checks_asked = 0
        self._checks_on_show = 0
        self._slow_checks = False  # the last checks took SLOW_CHECKS or longer
        # Unsaved edits are copied aside every 30 s so a crash cannot take them (core.recovery).
        self._autosave = QTimer(self, interval=AUTOSAVE_MS)
        self._autosave.timeout.connect(self.autosave)
        self._autosave.start()
        # After any edit, undo or redo the copy is kept again shortly, not up to 30 s later: a
        # crash meanwhile lost the code just typed, a fix, a new name (or offered an older copy,
        # without the last words), and gave back edits the user had just undone.
        self._autosave_soon = QTimer(self, singleShot=True, interval=AUTOSAVE_AFTER_EDIT_MS)
        self._autosave_soon.timeout.connect(self.autosave)
        # Each edit puts that copy off, so typing on without a half-second pause was kept only by
        # the 30-second copy: this one is not put off (see _keep_aside_soon).
        self._autosave_latest = QTimer(self, singleShot=True, interval=AUTOSAVE_TYPING_ON_MS)
        self._autosave_latest.timeout.connect(self.autosave)
        # The source editor's code, loaded while the window waits for the user (see _warm_editor).
        self._warm_up = QTimer(self, singleShot=True, interval=WARM_UP_MS)
        self._warm_up.timeout.connect(self._warm_editor)
        self.setWindowTitle("Plugin Designer")
        resize_to_fit(self, 1200, 760)

        self.tree = QTreeWidget()
        self.tree.setObjectName("projectTree")
        self.tree.setAccessibleName("Project")
        self.tree.setHeaderLabels(["Package"])
        self.tree.setItemDelegate(IsolatingDelegate(self.tree))  # an Arabic plugin name reads right to left
        self.tree.currentItemChanged.connect(self._show_item)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._tree_menu)

        self.details = _SummaryBrowser()
        self.details.setObjectName("details")
        self.details.setOpenExternalLinks(False)
        # A Tab stop (its text can be selected and read): without a name a screen reader said only
        # "read-only text" for the project's, a plugin's or a file's summary.
        self.details.setAccessibleName("Details")
        self._file_view: QPlainTextEdit | None = None  # files other panes do not edit; made on first use

        self.stack = _PageStack(objectName="editorStack")
        # The first screen, made when it is first shown: with a package to open, only if that fails.
        self.welcome: WelcomePane | None = None
        self._welcome_page: QScrollArea | None = None  # the welcome pane in its scroll area
        self.stack.addWidget(self.details)
        self.setAcceptDrops(True)
        self.plugin_page: PluginPage | None = None
        self._recipe_wizard: RecipeWizard | None = None  # Plugin ▸ Add Plugin from Recipe…'s, while it is open
        self.source_pane: SourcePane | None = None  # created when the first source file is shown
        self._typing_pkg: BrandingPackage | None = None  # holds typing it has not read yet (_source_edited)
        self._tree_keys: list[str] = []  # the plugins' keys (Plugin.key) in the tree's order (_fill_tree)
        # (tree item data, plugin key) on show before the step just undone: see _undo_moved, _fill_tree
        self._reselect: tuple[object, str | None] | None = None
        # (file, its text before the step) of the file an undo or redo goes to (see _stepping)
        self._step_text: tuple[str, str] | None = None
        self.icon_pane: IconEditorPane | None = None  # created when the first SVG is shown
        self.export_dock: QDockWidget | None = None  # created when first shown (see _ensure_export_dock)
        # The files the export may write, as they were just before it (see ModelEditor.took_export).
        self._before_export: dict[str, str | None] = {}
        self._read_before_export = ""  # what the window read again just before an export, said after it
        self._said_elsewhere: list[str] = []  # files changed outside, said while edits are unsaved (said once)
        # The package and its files' signatures at the last look (see _files_changed_since_last_look).
        self._files_seen: tuple[object, dict[str, tuple[int, int] | None], dict[str, tuple[int, ...] | None]] = (
            None,
            {},
            {},
        )
        self.preview_dock: QDockWidget | None = None  # created on View > Preview (loads QtWebEngine)
        self._help_windows: dict[str, QWidget] = {}  # the Help menu's, made when first asked for

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.tree)
        split.addWidget(self.stack)
        split.setSizes([320, 880])
        # When a dock opens or the window narrows, the editor gives up most of the room and the tree
        # keeps enough to show file names.
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setCollapsible(0, False)
        self.tree.setMinimumWidth(160)
        # Notes that must stay until read (another window's unsaved changes, ...), above the tree
        # and the editor: the status bar's next message replaced them (see NoteBar).
        self.notes = NoteBar()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.notes)
        column.addWidget(split, 1)
        self.setCentralWidget(central)

        self.problems_view = ProblemsPane()
        self.problems_view.sig_jump.connect(self.jump_to_problem)
        self.problems_view.sig_fix.connect(self.apply_fix)
        self.problems_view.sig_fix_all.connect(self.fix_all_of)
        self.problems_view.sig_import.connect(lambda: self.import_zip())
        self.problems_view.sig_explain.connect(self.show_problem_codes)
        # The filter above the list (hidden with the list folded: nothing to filter), kept while the
        # window is open; the dock's title says how many problems it leaves on show.
        self.problems_filter = ProblemsFilter(self.problems_view)
        self.problems_view.sig_filtered.connect(self._title_problems)
        body = QWidget(objectName="problemsBody")
        rows = QVBoxLayout(body)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(0)
        # As high as the list may be (plus the filter): folded to its header (see _fit_problems_dock),
        # the dock took the body's unlimited height and stayed a third of the window.
        rows.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinAndMaxSize)
        # The list first in the focus chain (and so in the Tab order), the filter above it after it
        # (see ProblemsFilter): a widget joins the chain when it is added.
        rows.addWidget(self.problems_view)
        rows.insertWidget(0, self.problems_filter)
        dock = QDockWidget("Problems", self)
        dock.setObjectName("problemsDock")
        dock.setWidget(body)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        self.problems_dock = dock
        # Nothing open, nothing to list: folded to its header as for a project with no problems
        # (the first problems unfold it). Full height, it took a third of the welcome screen.
        self._fit_problems_dock(0)

        self._build_menus()
        if not defer_menus:
            self.finish_menus()
        self.status = _StatusMessage("Open a project folder or a branding ZIP to start.")  # (Arabic names: see bidi)
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # it quotes names and paths the user chose
        self.statusBar().addWidget(self.status, 1)  # all the bar's width, so a message is cut only when it must be
        if opening is None:
            self._show_welcome()
        else:
            self.details.setHtml(f"<h2>Opening {_escape_before_paint(opening.name or str(opening))}…</h2>")
            self.stack.setCurrentWidget(self.details)

    # -- actions --------------------------------------------------------------------------
    def _build_menus(self) -> None:
        """The menu bar's titles: what the first paint shows (their actions: :meth:`finish_menus`)."""
        bar = self.menuBar()
        # Made here, not by addMenu(title): a menu Qt makes could be kept through a Python object
        # PySide marks deleted later (see HeldViewport), and these are used for the window's life.
        self._menus = {key: QMenu(title, bar) for key, title in _MENU_TITLES}
        for menu in self._menus.values():
            bar.addMenu(menu)
        self.view_menu = self._menus["view"]
        self._menus_done = False

    def finish_menus(self) -> None:
        """The menus' actions and shortcuts (once).

        Why apart: making some forty actions with their shortcuts is a tenth of what the window
        adds to a bare one before it first paints, and none of it is seen until a menu opens;
        :func:`~designer.gui.app.start` has them made right after the first paint. Everything
        that needs an action calls this first, so nothing depends on that order.
        """
        if self._menus_done:
            return
        self._menus_done = True
        from .focus_ring import ring_focus

        # Made here, after the first paint, for the same reason: the ring's style builds QStyle's
        # enums, which the window's first paint does without. The Problems list has it too: with
        # no problems it is folded to its header, and Tab to it showed nothing at all.
        ring_focus([self.details, self.problems_view, *self.problems_filter.toggles.values()], self)
        view = self.problems_view
        if view.maximumHeight() != NO_LIMIT:  # folded: to its header inside the ring's wider frame
            view.setMaximumHeight(view.header().sizeHint().height() + 2 * view.frameWidth())
        file_menu = self._menus["file"]
        new = QAction("&New Project…", self)
        new.setShortcut(QKeySequence.StandardKey.New)
        new.triggered.connect(self.new_project)
        file_menu.addAction(new)
        open_dir = QAction("Open &Folder…", self)
        open_dir.setShortcut(QKeySequence.StandardKey.Open)
        open_dir.triggered.connect(self._choose_folder)
        open_zip = QAction("Open &ZIP…", self)
        open_zip.triggered.connect(self._choose_zip)
        self.save_action = QAction("&Save", self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.setEnabled(False)
        self.save_action.triggered.connect(self.save)
        self.save_as_action = QAction("Save &As…", self, objectName="saveAsAction")
        self.save_as_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.save_as_action.setToolTip("Save the project, with your changes, into a new folder and go on working there")
        self.save_as_action.setEnabled(False)
        self.save_as_action.triggered.connect(self.save_as)
        reload_ = QAction("&Reload", self)
        reload_.setShortcut(QKeySequence.StandardKey.Refresh)
        reload_.triggered.connect(self.reload)
        quit_ = QAction("&Quit", self)
        quit_.setShortcut(QKeySequence.StandardKey.Quit)
        quit_.triggered.connect(self.close)
        self.export_action = QAction("&Export…", self)
        self.export_action.setObjectName("exportAction")
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.setEnabled(False)
        self.export_action.triggered.connect(self.show_export)
        import_zip = QAction("&Import ZIP into a Folder…", self, objectName="importZipAction")
        import_zip.setToolTip("Unpack a branding ZIP (safely) into a new project folder you can edit")
        import_zip.triggered.connect(lambda: self.import_zip())
        for a in (open_dir, open_zip):
            file_menu.addAction(a)
        # The recent projects with a project open: the welcome screen, which lists them too, does not
        # come back once one is. Filled as it opens (the list changes with each project opened).
        recent = QMenu("Open Recen&t", file_menu, objectName="recentMenu")  # (made here: see _build_menus)
        file_menu.addMenu(recent)
        recent.aboutToShow.connect(lambda: self._fill_recent_menu(recent))
        for a in (import_zip, self.save_action, self.save_as_action, self.export_action, reload_):
            file_menu.addAction(a)
        # Back to the welcome screen (New, Open, the recent projects), which never came back otherwise.
        self.close_project_action = QAction("&Close Project", self, objectName="closeProjectAction")
        self.close_project_action.setShortcut(QKeySequence.StandardKey.Close)
        self.close_project_action.setEnabled(self.package is not None)
        self.close_project_action.triggered.connect(self.close_project)
        file_menu.addSeparator()
        file_menu.addAction(self.close_project_action)
        file_menu.addAction(quit_)
        edit_menu = self._menus["edit"]
        undo = _undo_action(self.undo_group, redo=False, parent=self)
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = _undo_action(self.undo_group, redo=True, parent=self)
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence.StandardKey.Redo])
        undo.setObjectName("undoAction")
        redo.setObjectName("redoAction")
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        plugin_menu = self._menus["plugin"]
        self.plugin_actions: dict[str, QAction] = {}
        for key, text, shortcut, slot in (
            ("add", "&Add Plugin…", "Ctrl+Shift+N", self.add_plugin),
            ("recipe", "Add Plugin from &Recipe…", "Ctrl+Shift+R", self.add_plugin_from_recipe),
            ("duplicate", "&Duplicate", "Ctrl+D", self.duplicate_plugin),
            ("remove", "Re&move", "Ctrl+Delete", self.remove_plugin),
            ("up", "Move &Up", "Alt+Up", lambda: self.move_plugin(-1)),
            ("down", "Move Do&wn", "Alt+Down", lambda: self.move_plugin(1)),
            ("new_icon", "&New Icon…", "", lambda: self._icon_adder().new_icon(self.selected_plugin())),
            (
                "builtin_icon",
                "Add &Built-in Icon…",
                "",
                lambda: self._icon_adder().builtin_icon(self.selected_plugin()),
            ),
            ("import_svg", "&Import SVG Icon…", "", lambda: self._icon_adder().import_svg(self.selected_plugin())),
        ):
            if key == "new_icon":
                plugin_menu.addSeparator()
            action = QAction(text, self)
            action.setObjectName(f"plugin_{key}Action")
            action.setShortcut(QKeySequence(shortcut))
            if key in ("duplicate", "remove", "up", "down"):
                # Keys text fields and drop-downs use themselves (Ctrl+Delete deletes a word, Alt+Down
                # opens a list, Ctrl+D in code): they act on plugins only from the project tree.
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                self.tree.addAction(action)
            action.setEnabled(False)
            action.triggered.connect(slot)
            plugin_menu.addAction(action)
            self.plugin_actions[key] = action
        history = QAction("Undo &History", self)
        history.setObjectName("historyAction")
        history.triggered.connect(self.show_history)
        edit_menu.addSeparator()
        edit_menu.addAction(history)
        view_menu = self.view_menu
        view_menu.addAction(self.problems_dock.toggleViewAction())
        self.problems_dock.toggleViewAction().setText("P&roblems")  # (see _fill_problems)
        go_problems = QAction("&Go to Problems", self, objectName="problemsFocusAction")
        go_problems.setShortcut(QKeySequence("Ctrl+Shift+M"))
        go_problems.setToolTip("Show the Problems list and move the keyboard focus into it")
        go_problems.triggered.connect(self.focus_problems)
        view_menu.addAction(go_problems)
        self.preview_action = QAction("&Preview", self, objectName="previewAction")
        self.preview_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.preview_action.setToolTip(
            "A mock meeting running the plugins: where their buttons land, and whether they crash"
        )
        self.preview_action.setEnabled(False)
        self.preview_action.triggered.connect(self.show_preview)
        view_menu.addAction(self.preview_action)
        appearance = view_menu.addMenu("&Appearance")
        group = QActionGroup(self)
        from .app import APPEARANCES, saved_appearance

        for key, text in APPEARANCES.items():
            action = QAction(text, self, checkable=True, objectName=f"appearance_{key}")
            action.setChecked(key == saved_appearance())
            action.triggered.connect(lambda _on=False, k=key: self.set_appearance(k))
            group.addAction(action)
            appearance.addAction(action)
        help_menu = self._menus["help"]
        codes = QAction("&Problem Codes…", self, objectName="problemCodesAction")
        codes.setShortcut(QKeySequence.StandardKey.HelpContents)
        codes.setToolTip("What each problem code means; on a problem in the Problems list, that problem's code")
        codes.triggered.connect(lambda: self.show_problem_codes())
        help_menu.addAction(codes)
        terms = QAction("&Guide Terms…", self, objectName="guideTermsAction")
        terms.setToolTip("Each term of Pexip's plugin guide and where it is in the designer")
        terms.triggered.connect(self.show_guide_terms)
        help_menu.addAction(terms)
        keys = QAction("&Keyboard Shortcuts…", self, objectName="shortcutsAction")
        keys.triggered.connect(self.show_shortcuts)
        help_menu.addAction(keys)
        help_menu.addSeparator()
        about = QAction("&About Plugin Designer", self, objectName="aboutAction")
        about.setMenuRole(QAction.MenuRole.AboutRole)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    # -- help -----------------------------------------------------------------------------
    def show_problem_codes(self, code: str | None = None) -> None:
        """Help ▸ Problem Codes (F1): every code explained. With the keyboard on a problem in the
        Problems list (or ``code`` given), it opens at that problem's code."""
        from PySide6.QtWidgets import QApplication

        from .help import ProblemCodesDialog

        if code is None:
            focus = QApplication.focusWidget()
            view = self.problems_view
            if focus is not None and (focus is view or view.isAncestorOf(focus)) and view.currentItem() is not None:
                problem = view.currentItem().data(0, Qt.ItemDataRole.UserRole)
                code = getattr(problem, "code", None)
        dialog = self._help_windows.get("codes")
        if dialog is None:
            dialog = self._help_windows["codes"] = ProblemCodesDialog(self)
        dialog.show_code(code)

    def show_guide_terms(self) -> None:
        """Help ▸ Guide Terms: the plugin guide's words (allowUnload, participantRoles, state$)
        beside the designer's (Users may switch it off, Available to, Set by the plugin while it runs)."""
        from .help import GuideTermsDialog

        dialog = self._help_windows.get("terms")
        if dialog is None:
            dialog = self._help_windows["terms"] = GuideTermsDialog(self)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        dialog.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_shortcuts(self) -> None:
        """Help ▸ Keyboard Shortcuts: read from the window's actions as they are now.

        The source and icon editors are made first (as when a file is first shown), so their
        keys are listed before any file has been opened.
        """
        from .help import ShortcutsDialog

        self._ensure_source_pane()
        self._ensure_icon_pane()
        dialog = self._help_windows.get("keys")
        if dialog is None:
            dialog = self._help_windows["keys"] = ShortcutsDialog(self)
        else:
            dialog.refresh()
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        dialog.filter.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_about(self) -> None:
        """Help ▸ About Plugin Designer: version, Qt, PySide6 and Python, licence."""
        from .help import AboutDialog

        dialog = self._help_windows.get("about")
        if dialog is None:
            dialog = self._help_windows["about"] = AboutDialog(self)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def focus_problems(self) -> None:
        """View ▸ Go to Problems: a keyboard user's way to the list (a dock is not in the Tab order).

        The first problem is made current so the arrow keys and Enter (jump) work at once.
        """
        self.problems_dock.show()
        self.problems_dock.raise_()
        view = self.problems_view
        if view.currentItem() is None and view.topLevelItemCount():
            head = view.topLevelItem(0)
            view.setCurrentItem(head.child(0) if head.childCount() else head)
        view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 - Qt's names
        """Tab goes round the window in reading order: project tree, the page on show, Problems,
        then the other open docks (Export, Preview); Shift+Tab the other way round.

        Why: Qt's order is the order widgets were made in, and the pages are made when first
        shown, after the Problems dock, so Tab from the tree went to Problems before the page.
        Every Tab that moves the focus in this window comes here (a widget's own step asks its
        parents up to the window), after what the widgets keep for themselves: Tab indenting in
        code, walking the icon's shapes, going from a problem to its Fix button. A page with a
        ``tab_regions()`` (the icon editor) gives its own parts in its order.
        """
        from .tab_regions import tab_target

        parts = getattr(self.stack.currentWidget(), "tab_regions", tuple)()
        target = tab_target(self, (self.notes, self.tree, *parts, self.stack, self.problems_dock), next)
        if target is None:
            return super().focusNextPrevChild(next)
        target.setFocus(Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason)
        return True

    def _choose_folder(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path = QFileDialog.getExistingDirectory(self, "Open project folder")
        if path:
            self.open_path(Path(path))

    def close_project(self) -> bool:
        """File ▸ Close Project: after asking about unsaved edits (as quitting does), back to the
        welcome screen, with nothing of the project on show. True when it was closed."""
        if self.package is None:
            return False
        if self._deploying():  # (as quitting: the upload is of this project)
            self.status.setText("An upload to the Management Node is running: close the project when it has finished.")
            return False
        if not self._may_discard():
            return False
        if (dialog := self._deploy_dialog()) is not None:
            dialog.close()  # (a window of its own, for a project no longer open)
        name = self._package_title()
        self._recheck.stop()
        self._autosave_soon.stop()
        self._autosave_latest.stop()
        self._checks_asked += 1  # (a worker's result, for this package, is not shown)
        if self._recipe_wizard is not None:
            self._recipe_wizard.close()
        for dock in (self.export_dock, self.preview_dock, self.history_dock):
            if dock is not None:
                dock.hide()
        if self.preview_dock is not None:
            self.preview_pane.set_package(None)  # (its meeting starts afresh with the next project)
        if self.plugin_page is not None:
            self.stack.removeWidget(self.plugin_page)
            self.plugin_page.deleteLater()
            self.plugin_page = None
        if self.source_pane is not None:
            self.source_pane.forget_files()
        if self._watcher is not None and self._watcher.files():
            self._watcher.removePaths(self._watcher.files())
        self.undo_group.removeStack(self.editor.undo_stack)
        self.editor.deleteLater()
        self.editor = None
        self.package = None
        self.problems, self.preview_problems, self._unchecked = [], [], False
        self.notes.clear()
        self.tree.clear()
        self._fill_problems()
        for action in (self.save_action, self.save_as_action, self.export_action, self.preview_action):
            action.setEnabled(False)
        self.close_project_action.setEnabled(False)
        self.setWindowTitle("Plugin Designer")
        self.setWindowModified(False)
        self._show_welcome()
        self.status.setText(f"Closed {name}.")
        return True

    def _fill_recent_menu(self, menu: QMenu) -> None:
        """File ▸ Open Recent: the projects opened, newest first ("(not found)": gone since)."""
        from .app import recent_projects

        menu.clear()
        for path in recent_projects():
            text = f"{Path(path).name} — {path}" + ("" if Path(path).exists() else "    (not found)")
            action = menu.addAction(text.replace("&", "&&"))  # (an & in a name is no shortcut letter)
            action.triggered.connect(lambda _=False, p=path: self._open_recent(p))
        if menu.isEmpty():
            menu.addAction("No recent projects yet").setEnabled(False)

    def _open_recent(self, path: str) -> None:
        """Open a recent project; one gone since (moved, renamed, deleted) is offered off the list."""
        from .panes.welcome import forget_when_gone

        if Path(path).exists():
            self.open_path(Path(path))
            return
        if forget_when_gone(self, path):
            from .app import forget_project

            forget_project(path)

    def _choose_zip(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(self, "Open branding ZIP", "", "Branding package (*.zip)")
        if path:
            self.open_path(Path(path))

    def import_zip(self, source: Path | None = None, target: Path | None = None, ask: bool = True) -> bool:
        """File ▸ Import ZIP into a Folder…: the open ZIP (or one chosen) becomes an editable project.

        The core vets every entry (traversal, links, bombs, ...) and writes nothing when it
        refuses; a Management Node default download (no settings.json / manifest.json) is
        offered the two files. ``ask=False``: the caller has already asked about unsaved edits.
        """
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from ..core.archive import ImportRefused
        from ..core.archive import import_zip as unpack

        if ask and not self._may_discard(replacing=True):  # the imported project replaces the one open now
            return False
        if source is None:
            if self.package is not None and not self.package.files.writable and self._path is not None:
                source = Path(self._path)
            else:
                chosen, _ = QFileDialog.getOpenFileName(self, "Import a branding ZIP", "", "Branding package (*.zip)")
                if not chosen:
                    return False
                source = Path(chosen)
        if target is None:
            from .panes import new_project_dialog

            target = new_project_dialog.ask_import_folder(self, source)  # (looked up here: tests replace it)
            if target is None:
                return False
        try:
            result = unpack(source, target)
        except ImportRefused as exc:
            import re

            # Once: most refusals say it already ("… Nothing was imported."), and it was said twice.
            said = re.search(r"nothing was (imported|kept|written)", str(exc), re.IGNORECASE)
            tail = "" if said else "\n\nNothing was written."
            # The ZIP named once: the core's refusals of the file itself (not a ZIP, damaged, no such
            # file) start with its path already, and "x.zip: /home/me/x.zip: …" was shown.
            named = str(exc) if str(source) in str(exc) else f"{source.name}: {exc}"
            QMessageBox.warning(self, "The ZIP was not imported", f"{named}{tail}")
            return False
        except OSError as exc:  # the target folder cannot be made (permissions, a full disk, ...)
            QMessageBox.warning(
                self, "The ZIP was not imported", f"{target}: {exc.strerror or exc}\n\nNothing was written."
            )
            return False
        creatable = [m for m in result.missing if m not in result.blocked]
        if creatable:
            answer = QMessageBox.question(
                self,
                "Create the missing files?",
                _missing_files_question(result.target, creatable),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            )
            if answer == QMessageBox.StandardButton.Yes:
                from ..core.fixes import create_missing_files

                create_missing_files(result.target, creatable)
        opened = self.open_path(result.target, ask=False)
        if opened:
            self.status.setText(
                f"Imported {source.name} into {_shown_path(result.target)} ({result.files} files): it can be edited now. "
                + result.kept_copy_note(_shown_path)
                + (" " + result.skipped_note() if result.skipped else "")
                + (" " + result.legacy_names_note() if result.legacy.names else "")
                + (" " + result.differing_names_note() if result.legacy.differing else "")
            )
        return opened

    def _no_package_here(self, folder: Path, zips: tuple[str, ...]) -> bool:
        """A folder with nothing of a package in it was opened: offered the way out, as the
        command line says it (``new`` there, or the ZIP it holds), and taken when the user agrees.

        Why: a new user makes a folder for their plugins and opens it; "not a branding package"
        alone left them at a dead end. True when a project is open afterwards.
        """
        from PySide6.QtWidgets import QMessageBox

        yes, cancel = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Cancel
        missing = "it has no webapp2 folder, settings.json or manifest.json"
        if zips:
            more = len(zips) - 1
            others = f" (and {more} more ZIP{'s' if more > 1 else ''})" if more else ""
            answer = QMessageBox.question(
                self,
                "Open the ZIP in this folder?",
                f"{folder.name or folder} is not a project: {missing}. It holds the ZIP {zips[0]}{others}.\n\n"
                f"Open {zips[0]}? It opens read-only, as it is; File ▸ Import ZIP into a Folder… then makes "
                "an editable project of it.",
                yes | cancel,
            )
            return answer == yes and self.open_path(folder / zips[0], ask=False)
        from ..core.newproject import file_in_the_way

        in_the_way = file_in_the_way(folder)
        if in_the_way is not None:  # (Yes could only fail: not offered)
            QMessageBox.warning(
                self,
                "Cannot start a project here",
                f"{folder} is not a project, and none can be started in it: {in_the_way}.",
            )
            return False
        from ..core.newproject import no_place_for_a_project

        no_place = no_place_for_a_project(folder)
        if no_place is not None:
            return self._offer_project_inside(folder, no_place)
        answer = QMessageBox.question(
            self,
            "Start a new project here?",
            f"{_shown_path(folder)} is not a project yet: {missing}.\n\n"
            "Start a new project in it? The designer adds a webapp2 folder holding the settings, the "
            "manifest and one working toolbar plugin; nothing else in the folder is changed.",
            yes | cancel,
        )
        return answer == yes and self._create_and_open(folder)  # (something may appear there meanwhile: said)

    def _offer_project_inside(self, folder: Path, why: str) -> bool:
        """``folder`` is no place for a project (``why``: the home folder, say): offer one in a
        new folder inside it, asked as New Project asks it. True when a project is open afterwards."""
        from PySide6.QtWidgets import QMessageBox

        from .panes import new_project_dialog

        if not os.access(folder, os.W_OK):
            # (/ opened by a user, not root: the folder it offered was refused by the next dialog)
            QMessageBox.warning(
                self,
                "Cannot start a project here",
                f"{_shown_path(folder)} is not a project, and no place to start one: {why}, and you may not "
                "make folders in it. Start a project with File ▸ New Project… in a folder of yours.",
            )
            return False
        yes, cancel = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Cancel
        answer = QMessageBox.question(
            self,
            "Start a project in a folder of its own?",
            f"{_shown_path(folder)} is not a project, and no place to start one: {why}, and a project's "
            "files belong in a folder of their own.\n\n"
            "Start a new project in a new folder inside it? You choose its name next.",
            yes | cancel,
        )
        if answer != yes:
            return False
        path = new_project_dialog.ask_new_project(self, place=folder)  # (looked up here: tests replace it)
        return path is not None and self._create_and_open(path)

    def _create_and_open(self, path: Path) -> bool:
        """Create a new project in ``path`` and open it; a failure is said. True when it opened."""
        from PySide6.QtWidgets import QMessageBox

        from ..core.newproject import create_project

        try:
            create_project(path)
        except OSError as exc:  # (FileExistsError too)
            QMessageBox.warning(self, "Cannot create the project", str(exc))
            return False
        return self.open_path(path, ask=False)

    def new_project(self) -> None:
        """Create a project folder with one working plugin, then open it. The folder is asked
        with the New Project dialog (a name and a place), not a save-file dialog."""
        from .panes import new_project_dialog

        if not self._may_discard(replacing=True):  # asked first: nothing is created for a project that is not opened
            return
        path = new_project_dialog.ask_new_project(self)  # (looked up here: tests replace it)
        if path is not None:
            self._create_and_open(path)

    def open_example(self) -> None:
        """Open the user's own copy of the bundled example (made on first use, in the user data
        folder), so trying things out never changes the example the app ships with."""
        from ..core.resources import example_copy

        try:
            copy = example_copy()
        except OSError as exc:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self, "Cannot copy the example", str(exc))
            return
        if self.open_path(copy):
            self.status.setText(
                f"Opened your own copy of the example ({_shown_path(copy)}); the original stays as shipped."
            )

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt's name
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if not paths:
            return
        event.acceptProposedAction()
        # Acted on once the drop is over: a question asked inside it ("Save your changes…?", where
        # the icon should go) left the file manager the drag came from frozen (on Windows) while
        # it was on show, its drop not answered.
        QTimer.singleShot(0, self, lambda: self._open_dropped(paths))

    def _open_dropped(self, paths: list[Path]) -> None:
        """Open what was dropped on the window: SVG files are icons for the selected plugin; else
        the first folder or ZIP (or the package a dropped file belongs to)."""
        from PySide6.QtWidgets import QMessageBox

        if all(p.suffix.lower() == ".svg" for p in paths):  # icons: imported into the selected plugin
            index = self.selected_plugin() if self.package is not None else None
            if index is None or not self.package.files.writable:
                QMessageBox.information(
                    self,
                    "Where should the icon go?",
                    "Open a project and select a plugin in the tree, then drop the SVG again to add it to that plugin."
                    if self.package is None or self.package.files.writable
                    else "This ZIP is read-only: File ▸ Import ZIP into a Folder… makes an editable copy to add icons to.",
                )
                return
            for path in paths:
                self._icon_adder().import_svg(index, path)
            return
        if self.open_path(_package_of(paths[0])) and len(paths) > 1:
            # (the others were left without a word, as if the drop had missed them)
            left = ", ".join(p.name or str(p) for p in paths[1:4]) + (" and more" if len(paths) > 4 else "")
            self.status.setText(
                f"{self.status.text()} One project opens at a time: {left}, dropped with it, "
                f"{'was' if len(paths) == 2 else 'were'} left; drop {'it' if len(paths) == 2 else 'one'} on its own to open it."
            )

    def reload(self) -> None:
        if self.package is not None and self._may_discard(replacing=True):
            self.open_path(self._path, ask=False)

    def save(self) -> bool:
        """Write the edits through the core's fidelity-preserving save."""
        from PySide6.QtWidgets import QMessageBox

        from ..core.wording import counted

        if self.package is None or self.editor is None:
            return False
        self._commit_typing()
        if self.editor.undo_stack.isClean():
            self._say_nothing_to_save()
            return True
        from ..core.model import unreadable_files

        broken = unreadable_files(self.package)
        from ..core.model import pending_writes

        try:
            writes = pending_writes(self.package)
            elsewhere = self.editor.changed_elsewhere(sorted(set(self.package.pending_texts) | set(writes)))
        except OSError as exc:  # a file to write cannot even be read to compare (a folder now stands there)
            from ..core.files import os_message

            QMessageBox.warning(self, "Cannot save", os_message(exc))
            return False
        # A file another program changed that the user did not change here (another window renamed
        # a plugin) is left as that program wrote it, and read again after the save: writing the
        # window's copy put its older version back, which was none of the user's.
        # The same for one it deleted (made again from the window's copy, the deletion undone).
        gone = self.editor.gone_elsewhere(sorted(writes))
        untouched = sorted(rel for rel in {*elsewhere, *gone} if self.editor.not_edited_here(rel, writes.get(rel)))
        elsewhere = [rel for rel in elsewhere if rel not in untouched]
        if elsewhere:
            answer = QMessageBox.question(
                self,
                "Files changed outside the designer",
                "Another program changed these files since this window read them:\n\n"
                + _lines(elsewhere)
                + "\n\nSaving writes this window's version over that change. Save anyway?",
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Save:
                self.status.setText(f"Not saved: {_listed(elsewhere)} changed outside the designer.")
                return False
        # The copy kept aside first, as the save is about to write it. Why: the files are replaced
        # one by one, and a crash in between (Ctrl+S straight after typing, before the half-second
        # copy) left the project half written with the edits in no file and no copy. (Only when
        # edits wait to be kept: the copy of a big bundle is megabytes, written again for nothing.)
        if self._autosave_soon.isActive() or self._autosave_latest.isActive():
            self.autosave()
        try:
            written = self.editor.save(keep=untouched)
        except (OSError, PermissionError) as exc:  # (all files or none are written: nothing was)
            from ..core.files import os_message

            # Save As offered at once, whatever the cause: the folder gone (deleted, a drive
            # unmounted), made read-only, or the disk full. Why: only the first offered it, and
            # closing the window went round "Cannot save" until the user thought of Save As.
            answer = QMessageBox.warning(
                self,
                "Cannot save",
                f"{os_message(exc)}\n\nNothing was saved; your changes are still here. Save the project, with "
                "your changes, into another folder now (File ▸ Save As…)?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.Yes,
            )
            return answer == QMessageBox.StandardButton.Yes and self.save_as()
        self.editor.undo_stack.setClean()
        self._restored_begun = None  # (the save wrote the others: the files agree)
        self._saved_here = True
        self._saved = {rel: writes[rel] for rel in written if rel in writes}
        note = self._forget_recovery()
        note = f" {note}" if note else ""
        healed = sorted(broken & set(written))
        if untouched and not healed:
            self._read_again_keeping_place()  # (the window's copy of them is older than the disk's)
            self.status.setText(
                f"Saved {counted(len(written), 'file')}; {_listed(untouched)}, changed or deleted by another "
                f"program and not here, {'is' if len(untouched) == 1 else 'are'} left as that program left "
                f"{'it' if len(untouched) == 1 else 'them'}, and the project read again.{note}"
            )
            return True
        if healed and not self._read_again(healed):
            # Written and still unreadable (an undo gave the broken text back): its problem now
            # says where, and the package is not opened again, which would drop the undo history.
            self.status.setText(
                f"Saved {counted(len(written), 'file')}; {', '.join(healed)} still cannot be read.{note}"
            )
            self._run_checks()
            return True
        if healed:  # fixed in the editor: read the package again, so its plugins and forms come back
            self.open_path(self._path, ask=False)
            still = sorted(unreadable_files(self.package) & set(healed)) if self.package is not None else healed
            state = f"{', '.join(still)} still cannot be read" if still else f"{', '.join(healed)} read again"
            self.status.setText(f"Saved {counted(len(written), 'file')}; {state}.{note}")
            return True
        done = f"Saved {counted(len(written), 'file')}" if written else "Nothing to save: the files are up to date"
        self.status.setText(f"{done}.{note}" if note else done)
        self._save_said = self.status.text()
        self._run_checks()
        return True

    def _ask_new_folder(self, project: Path | None, current: Path | None) -> Path | None:
        """The new folder to save ``project`` into, as the user names it in the Save As dialog
        (None: cancelled); ``current``: the project open now, which the folder may not be in."""
        from .panes import new_project_dialog

        return new_project_dialog.ask_save_as_folder(self, project, current)  # (looked up here: tests replace it)

    def _may_leave_out(self, lost: list[str], why: str, target: Path, n: int, unknown: bool = False) -> bool:
        """Say which files the new folder will not have, before writing; True to go on. ``why``:
        why they cannot be saved, said before their list; ``unknown``: which they are cannot be told."""
        from PySide6.QtWidgets import QMessageBox

        from ..core.wording import counted

        if not lost and not unknown:
            return True
        if unknown:
            left = (
                f"{why} The recovery copy holds only the files you had changed; the project's others cannot be "
                "saved from here."
            )
        else:
            shown = _lines(lost)
            these = "This file" if len(lost) == 1 else f"These {len(lost)} files"
            left = f"{why} {these} will NOT be in the new folder:\n\n{shown}"
        answer = QMessageBox.warning(
            self,
            "Some files cannot be saved",
            f"{left}\n\nSave the {counted(n, 'file')} the designer has (with all your changes) into {target}?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Save

    def save_as(self) -> bool:
        """File ▸ Save As…: the project as it is in the window (every file of webapp2/, with the
        edits) written into a new folder, where the window then goes on.

        Why: a project folder deleted, renamed or on a drive unmounted while open could be saved
        nowhere (Save refuses to make it again holding only the files written): the work was lost
        at the next close. The copy is written whole or not at all; files the window no longer
        has (the folder is gone, and it never read them) are named before anything is written."""
        from PySide6.QtWidgets import QMessageBox

        from ..core.files import DirFiles, os_message
        from ..core.saveas import SaveAsRefused, copy_plan, write_project
        from ..core.wording import counted

        if self.package is None or self.editor is None or not isinstance(self.package.files, DirFiles):
            return False
        self._commit_typing()
        files = self.package.files
        project = files.project
        target = self._ask_new_folder(project, project)
        if target is None:
            return False
        try:
            plan = copy_plan(self.package)
        except OSError as exc:
            QMessageBox.warning(self, "Cannot save", f"{os_message(exc)}\n\nNothing was written.")
            return False
        gone = project if not project.is_dir() else files.root
        there = files.root.is_dir()
        why = (
            f"The folder {gone} no longer exists, and some of its files were only there, not in the designer."
            if not there
            else f"Some files of {files.root} cannot be read now (another program moved or deleted them, or they "
            "may not be read)."
        )
        if not self._may_leave_out(plan.lost, why, target, len(plan.files)):
            self.status.setText("Not saved: Save As was cancelled.")
            return False
        # The undo steps go on in the new folder when every file they may write back is known:
        # not from a folder that is gone, or with files that could not be read, nor after restoring
        # a save cut short (undoing that step took the files it had written for the version before
        # it, and a Save then mixed the two versions, the ids disagreeing).
        history = None
        if there and not plan.lost and self._restored_begun is None:
            try:
                history = self.editor.texts_a_save_changes()
            except OSError:
                history = None
        try:
            write_project(target, plan.files, project, plan.state, plan.beside)
        except SaveAsRefused as exc:
            QMessageBox.warning(self, "Not saved", f"{exc}\n\nYour changes are still here.")
            return False
        # Restored from a save cut short, the old folder is half written: it gets back the version
        # before that save, as on Discard (the changes are in the new folder now).
        self._put_back_restored_save()
        self._forget_recovery()  # the edits are in the new folder now; its own copy is kept from there on
        saved = f"Saved the project into {_shown_path(target)} ({counted(len(plan.files), 'file')})"
        reason = "they could not be read" if there else f"only {_shown_path(gone)} had them"
        missing = f" Not in it ({reason}): {_listed(plan.lost)}." if plan.lost else ""
        if not self.open_path(target, ask=False, history=history):
            self.status.setText(f"{saved}, but it could not be opened here.{missing}")
            return True
        self.status.setText(f"{saved}; you are working there now.{missing}")
        return True

    def save_recovery_as(self, recovery: object) -> bool:
        """The welcome screen's offer of a recovery copy whose project folder no longer exists:
        the files it kept written into a new folder, which is then opened.

        Why: a copy is offered when its project is opened, and a folder that is gone cannot be;
        its unsaved work stayed in the recovery folder with no way to reach it."""
        from PySide6.QtWidgets import QMessageBox

        from ..core.recovery import Recovery, discard_kept
        from ..core.saveas import SaveAsRefused, recovery_plan, write_project
        from ..core.wording import counted

        assert isinstance(recovery, Recovery)
        if not self._may_discard(replacing=True):
            return False
        was = recovery.root.parent if recovery.root.name == "webapp2" else recovery.root
        target = self._ask_new_folder(was, None)
        if target is None:
            return False
        plan = recovery_plan(recovery)
        why = f"The folder {was} no longer exists, and the files you had not changed were only there."
        if not self._may_leave_out(plan.lost, why, target, len(plan.files), plan.lost_unknown):
            return False
        try:
            write_project(target, plan.files)
        except SaveAsRefused as exc:
            QMessageBox.warning(self, "Not saved", f"{exc}\n\nThe recovery copy is kept.")
            return False
        try:
            discard_kept(recovery)
        except OSError:
            pass  # offered again at the next start: nothing lost
        opened = self.open_path(target, ask=False)
        missing = f" Not in it (only {_shown_path(was)} had them): {_listed(plan.lost)}." if plan.lost else ""
        self.status.setText(
            f"Saved the unsaved changes of {_shown_path(was)} into {_shown_path(target)} "
            f"({counted(len(plan.files), 'file')}){'' if opened else ', but it could not be opened here'}.{missing}"
        )
        return True

    def _read_again(self, rels: list[str]) -> bool:
        """Whether one of ``rels`` (files that could not be read, just written) reads now; the
        others' problems are told again from what was written."""
        from ..core.model import reread_json

        assert self.package is not None
        now = False
        for rel in rels:
            try:
                text = self.package.read_text(rel)
            except (OSError, UnicodeDecodeError):
                continue
            now = reread_json(self.package, rel, text) or now
        return now

    def _say_nothing_to_save(self) -> None:
        """Save with no edits writes nothing. Why: the model then differs from the disk only where
        another program changed or deleted a file, and saving wrote the opened version back over
        that change (or made the deleted file again) with no question asked."""
        from ..core.model import pending_deletes, pending_writes

        since = "you last saved" if self._saved_here else "the project was opened"
        try:
            outside = sorted(set(pending_writes(self.package)) | set(pending_deletes(self.package)))
        except OSError:  # a file cannot be read to compare (a folder stands there): changed outside too
            outside = []
        said = f"Nothing to save: you have not changed anything since {since}."
        if outside:
            names = ", ".join(outside[:5]) + (f" and {len(outside) - 5} more" if len(outside) > 5 else "")
            said += (
                f" Another program changed or deleted {names}; they are left as that program left them "
                "(File ▸ Reload shows them here)."
            )
        self.status.setText(said)

    def _commit_typing(self) -> None:
        """The Id and Action fields record their value when they lose focus (Return or Tab): one
        still being typed in when Save, Export or Close comes must record it first, not lose it."""
        from PySide6.QtWidgets import QApplication, QLineEdit

        widget = QApplication.focusWidget()
        if isinstance(widget, QLineEdit) and self.isAncestorOf(widget) and widget.isModified():
            widget.editingFinished.emit()

    def _may_discard(self, replacing: bool = False) -> bool:
        """Ask before throwing away unsaved edits; True when it is fine to go on.

        ``replacing``: another project is to take this one's place (open, new, import, reload).
        Edits the user discards then keep their recovery copy until it has (see
        :meth:`_forget_discarded`). Why: when it did not (a ZIP that was no project, the New Project
        dialog cancelled), the edits stayed in the window with their copy already deleted, and a
        crash lost them.
        """
        self._commit_typing()
        if self.editor is None or self.editor.undo_stack.isClean():
            return True
        if self.keeps_unsaved_on_close:  # nobody may be at the window to answer: kept, as after a crash
            return self.autosave()
        from PySide6.QtWidgets import QMessageBox  # (not before: each project opened asks here)

        answer = QMessageBox.question(
            self,
            "Unsaved changes",
            f"Save your changes to \u201c{self._package_title()}\u201d first?{self._unsaved_files_note()}",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            if replacing:
                self._discarded = (self.editor, self.editor.undo_stack.index())
            else:
                self._put_back_restored_save()
                self._forget_recovery()
            return True
        return False

    def _forget_discarded(self) -> None:
        """Another project replaces this one: the recovery copy of the edits the user chose to
        discard for it goes now (unless edited since: those are asked about again)."""
        discarded, self._discarded = self._discarded, None
        if discarded is not None and discarded == (self.editor, self.editor.undo_stack.index()):
            self._put_back_restored_save()
            self._forget_recovery()

    def _put_back_restored_save(self) -> None:
        """The changes restored here from a save cut short are discarded: the files that save had
        written get back the version they had before it, where it can be had (see
        core.recovery.begun_save), as Discard does when they are offered.

        Why: restored, then thrown away ("Save your changes?" answered Discard), they left the
        project half written, the files that save wrote disagreeing with the others. Only once the
        window leaves them: while it shows them, it takes those files for written."""
        kept, self._restored_begun = self._restored_begun, None
        if kept is None:
            return
        from ..core.recovery import begun_save, put_back_begun_save

        begun = begun_save(kept, kept.unsaved())  # (again: a file changed since by another program is left)
        if begun.written and not begun.cannot_put_back:
            try:
                put_back_begun_save(kept.root, begun)
            except OSError:  # (left as that save wrote them, as before)
                pass

    def _unsaved_files_note(self) -> str:
        """The files Save would write or move to the trash, for the question before they are
        thrown away. Why: "Save your changes?" alone did not say that a source typed in, or a
        plugin removed, was among them."""
        from ..core.model import pending_deletes, pending_writes

        assert self.package is not None
        try:
            # (not one another program changed and the user did not: that change is none of theirs)
            writes = pending_writes(self.package, unreadable_differs=True)
            files = [rel for rel, data in writes.items() if not self.editor.not_edited_here(rel, data)]
            files += [f"{rel} (removed)" for rel in pending_deletes(self.package)]
        except OSError:  # (Save will say why; the question is asked all the same)
            return ""
        if not files:
            return ""
        more = f" and {len(files) - 5} more" if len(files) > 5 else ""
        return f"\n\nNot saved yet: {', '.join(files[:5])}{more}. Discard throws these changes away."

    # -- crash recovery ---------------------------------------------------------------------
    def autosave(self) -> bool:
        """Copy unsaved edits to the recovery folder (never into the project itself); False when
        the copy could not be written (the status bar says why)."""
        from ..core.recovery import running_keeper, write_recovery

        self._autosave_soon.stop()
        self._autosave_latest.stop()  # (the next edit starts it again)
        if self.package is None or self.editor is None or self._closing:
            return True  # (closing: the edits were saved or thrown away; a copy now would offer them back)
        if self._told_crash_copy == "open":
            # (Before the copy is written: when the other window's copy is gone and this one's
            # takes the usual place, the note has gone here already.)
            self._follow_other_window()
        typing = self._typing_in_fields()
        if self.editor.undo_stack.isClean() and typing is None:
            if self._kept_typing:  # typing kept aside, since recorded or taken back: nothing to offer
                self._kept_typing = False
                self._forget_recovery()
            return True
        try:
            kept = write_recovery(self.package, self._took_over, typing, leave=self.editor.not_edited_here)
            self._kept_typing = typing is not None
        except OSError as exc:  # a full disk must not interrupt the user's work
            from ..core.files import os_message

            self.status.setText(
                f"Could not keep a recovery copy ({os_message(exc)}). Your edits are still here: save them with Ctrl+S."
            )
            return False
        if kept is not None and kept.stem.endswith(f".{os.getpid()}"):
            other = running_keeper(self.package.root) if self.package.root is not None else None
            told = "open" if other is not None else "closed"
            if self._told_crash_copy in (told, "newer"):
                return True  # once for each: the autosave comes back every 30 seconds
            # Said again when the other window closed without saving since (it crashed): the note
            # that it "has unsaved changes: save them there first" spoke of a window that was gone.
            self._told_crash_copy = told
            if other is not None:
                self.notes.say(
                    "other window",
                    f"Another Plugin Designer window (process {other}) has unsaved changes to this package: save "
                    "them there first, or one window's Save writes over the other's. Your changes here are kept "
                    "aside too.",
                )
                return True
            # (In place of the note that the window had unsaved changes: it has gone since.)
            self.notes.say("other window", _OTHER_WINDOW_CRASHED)
        return True

    def _follow_other_window(self) -> None:
        """The note that another window has unsaved changes, brought up to date once that window is
        gone: its changes kept aside (it crashed), or the note taken away (it saved or discarded them).

        Why here and not only when this window keeps its copy: with nothing unsaved here it keeps
        none, and the note went on asking to save them in a window that was gone."""
        from ..core.recovery import crash_copy_of, running_keeper

        root = self.package.root if self.package is not None else None
        if root is None or running_keeper(root) is not None:
            return
        if crash_copy_of(root):
            self._told_crash_copy = "closed"
            self.notes.say("other window", _OTHER_WINDOW_CRASHED)
        else:
            self._told_crash_copy = ""
            self.notes.dismiss("other window")

    def _keep_aside_soon(self, ms: int = AUTOSAVE_AFTER_EDIT_MS) -> None:
        """Copy the edits aside ``ms`` after the last one, and at the latest AUTOSAVE_TYPING_ON_MS
        after the first one not kept yet. Why both: the copy waits for a pause so that typing on
        (or Ctrl+Z held down) writes it once, not at every key; but someone who typed on without
        a half-second pause had nothing kept until the 30-second autosave, and a crash lost it."""
        self._autosave_soon.start(ms)
        if not self._autosave_latest.isActive():
            self._autosave_latest.start()

    def _typing_in_fields(self) -> Typing | None:
        """Text typed in the Id or an Action field and not recorded yet (those fields record their
        value when left): kept with the recovery copy, a crash while typing does not lose it."""
        from ..core.recovery import Typing

        page = self.plugin_page
        if page is None or self.package is None:
            return None
        form, items = page.form, page.items
        if form.id.isModified() and form.isEnabled():
            return Typing("id", form.index, form.id.text())
        row = items.list.currentRow()
        if items.action.isModified() and items.action.isEnabled() and row >= 0:
            return Typing("action", items.index, items.action.text(), row)
        return None

    def _restore_typing(self, typing: Typing) -> bool:
        """Put text kept from a crash back in its field, still being typed (not recorded: it is
        checked, and the id renamed everywhere, when the field is left, as before the crash)."""
        page = self.package is not None and self._ensure_plugin_page()
        if not page or not 0 <= typing.plugin < len(self.package.plugins):
            return False
        item = self._find_tree_item(self.tree.topLevelItem(0), ("plugin", typing.plugin))
        if item is None:
            return False
        self.tree.setCurrentItem(item)
        if self.stack.currentWidget() is not page:
            return False  # (a plugin whose package file cannot be read: no form to type in)
        if typing.field == "id":
            field = page.form.id
        else:
            if typing.row is None or not 0 <= typing.row < page.items.list.count():
                return False
            page.items.list.setCurrentRow(typing.row)
            field = page.items.action
        if not field.isEnabled():
            return False
        field.setText(typing.text)
        field.setModified(True)  # (what typing leaves: recorded when the field is left)
        page.ensureWidgetVisible(field)
        field.setFocus(Qt.FocusReason.OtherFocusReason)
        field.end(False)
        return True

    def _forget_recovery(self) -> str:
        """Remove the recovery copy of the open package; "" or, when it cannot be removed (a
        read-only data folder), a sentence saying so, also shown in the status bar. Why not an
        error: the save or discard it follows has happened, and only the next start would be
        wrong about it (offering changes that were saved or thrown away)."""
        from ..core.recovery import discard_recovery

        root = self.package.root if self.package is not None else None
        if root is None:
            return ""
        try:
            discard_recovery(root, self._took_over)
        except OSError as exc:
            note = (
                f"The recovery copy {exc.filename or ''} could not be removed ({exc.strerror or exc}): the next "
                "start may offer these changes back; answer No, then Discard."
            )
            self.status.setText(note)
            return note
        return ""

    def _say_newer_recovery(self, recovery: DamagedRecovery) -> None:
        """The note that unsaved changes were kept by a newer designer, whose copy this one leaves
        where it is (see DamagedRecovery.newer): moved aside as damaged, that version found nothing."""
        self._told_crash_copy = "newer"  # (not "File ▸ Reload to be offered them": this version cannot)
        root = recovery.root
        # (Of a folder gone, found by the welcome screen: that version lists it there too.)
        of = (
            " from an earlier session"
            if root is None
            else f" of {root.parent if root.name == 'webapp2' else root}, a folder that no longer exists,"
        )
        self.notes.say(
            f"newer recovery {recovery.path}",
            f"Unsaved changes{of} were kept by a newer version of Plugin Designer: open that version to be "
            f"offered them. They stay at {recovery.path}, left alone here.",
        )

    def _say_damaged_recovery(self, recovery: object) -> None:
        """The note that a recovery copy could not be read, and where it went: of the project
        opened, or (``recovery.root`` set) of a folder that is gone, found by the welcome screen."""
        from ..core.recovery import DamagedRecovery

        assert isinstance(recovery, DamagedRecovery)
        if recovery.newer:
            self._say_newer_recovery(recovery)
            return
        where = (
            f"It was moved to {recovery.kept_at}."
            if recovery.kept_at is not None
            else f"It is at {recovery.path} (it could not be moved aside)."
        )
        if recovery.root is None:
            self.notes.say(
                "damaged recovery",
                f"Unsaved changes kept from an earlier session could not be read: {recovery.reason}. {where} "
                "The project's files are as last saved.",
            )
            return
        was = recovery.root.parent if recovery.root.name == "webapp2" else recovery.root
        self.notes.say(
            f"damaged recovery {recovery.path}",
            f"Unsaved changes of {was}, a folder that no longer exists, were kept from an earlier session but "
            f"could not be read: {recovery.reason}. {where}",
        )

    def _say_crash_copies_beside(self, root: Path) -> None:
        """A note when a second window on the package crashed too: its copy, kept beside the one
        about to be offered, is offered only once that one is dealt with. Why: nothing said so, and
        its edits came back at some later opening, if the project was opened again at all."""
        from ..core.recovery import crash_copies_beside

        beside = crash_copies_beside(root)
        if not beside:
            return
        when = time.strftime("%H:%M", time.localtime(beside[-1]))
        self.notes.say(
            "other window",
            "Another Plugin Designer window on this package also closed without saving its changes (last kept "
            f"at {when}); they are kept aside. Deal with the ones offered now (save or discard them), then "
            "File ▸ Reload to be offered those.",
        )

    def _offer_recovery(self) -> str:
        """After a crash: offer the edits that were copied aside, as one undoable step. What to say
        when files of the project were put back as they were (see _discard_begun_save), the project
        to be read again; else empty."""
        from ..core.recovery import DamagedRecovery, begun_save, read_recovery, recovered_package
        from ..core.wording import counted

        root = self.package.root if self.package is not None else None
        recovery = read_recovery(root) if root is not None else None
        if isinstance(recovery, DamagedRecovery):
            # Why a note and not silence: the user expects unsaved work back. Once: the copy is
            # moved aside, so the next opening finds none and the autosave keeps a fresh one.
            self._say_damaged_recovery(recovery)
            return ""
        if recovery is None or self.editor is None:
            return ""
        other = recovery.kept_by_running_designer
        if other is not None:
            # Not a crash: another window (another process) is open on the package with unsaved
            # edits. Offered here as "closed without saving", they were then in two windows, and
            # a save or discard in either threw the other's recovery copy away.
            self._told_crash_copy = "open"
            self.notes.say(
                "other window",
                f"Another Plugin Designer window (process {other}) has unsaved changes to this package: save "
                "them there first, or one window's Save writes over the other's.",
            )
            return ""
        self._say_crash_copies_beside(root)
        kept, recovery = recovery, recovery.unsaved()
        begun = begun_save(kept, recovery)
        changed = len(recovery.writes) + len(recovery.deletes)
        typing = recovery.typing
        if not changed and typing is None:  # saved before the crash, the copy not removed yet
            self._took_over = True
            self._forget_recovery()
            return ""
        from PySide6.QtWidgets import QMessageBox  # (not before: each project opened looks for a copy)

        plugins = self.package.plugins
        typed = owner = ""
        if typing is not None and 0 <= typing.plugin < len(plugins):
            typed = f"the {typing.field} '{_shortened(typing.text, 60)}'"
            owner = plugins[typing.plugin].display_name
        elif not changed:
            return ""  # only typing for a plugin no longer there: nothing to offer
        newer = recovery.changed_since()
        warning = (
            f"\n\nChanged since then, by another program: {', '.join(newer[:5])}"
            + (f" and {len(newer) - 5} more" if len(newer) > 5 else "")
            + ". Restoring puts the kept version of these back (Save would then replace those changes)."
            if newer
            else ""
        )
        was = recovery.moved_from
        if was is not None and was.name == "webapp2":
            was = was.parent  # the project folder, the one that was moved
        moved = f" The package was at {_shown_path(was)} then." if was is not None else ""
        self._took_over = True  # restored or thrown away: this window's copy replaces it from now on
        if changed:
            also = f" It also kept {typed}, being typed for '{owner}' and not recorded yet." if typed else ""
            question = (
                f"Plugin Designer was closed without saving changes to this package ({counted(changed, 'file')}, "
                f"last kept {recovery.when}).{moved}{also}{_begun_save(begun, recovery)} Restore them?{warning}"
            )
            lost = f"The changes from {recovery.when} ({counted(changed, 'file')}) will be lost for good."
            lost += _begun_save(begun, recovery, discarded=True)
        else:
            question = (
                f"Plugin Designer was closed while {typed} was being typed for '{owner}' (kept {recovery.when}), "
                "before it was recorded."
                f"{moved} Put it back in its field?"
            )
            lost = f"The text typed at {recovery.when} will be lost for good."
        answered, self._restore_answered = self._restore_answered, False
        answer = (
            QMessageBox.StandardButton.Yes
            if answered
            else QMessageBox.question(
                self,
                "Restore unsaved changes?",
                question,
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.Yes,
            )
        )
        if answer != QMessageBox.StandardButton.Yes:
            # No (or Escape, which Qt reads as No) throws work away for good: asked once more, and
            # anything but a clear "Discard" restores them (one undo step, Ctrl+Z takes it back).
            sure = QMessageBox.question(
                self,
                "Discard the unsaved changes?",
                lost,
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if sure == QMessageBox.StandardButton.Discard:
                if begun.written:
                    return self._discard_begun_save(kept, begun)
                self._forget_recovery()
                return ""

        if begun.written and not begun.cannot_put_back:
            put_back = self._put_back_to_restore(begun)
            if put_back:
                return put_back

        def restore(pkg: BrandingPackage) -> None:
            found = recovered_package(pkg, recovery)
            pkg.settings, pkg.manifest, pkg.plugins = found.settings, found.manifest, found.plugins
            pkg.pending_texts = found.pending_texts
            pkg.docs.update(found.docs)  # (the step keeps the documents it replaces, for undo)

        if changed:
            self.editor.edit(f"Restore unsaved changes from {recovery.when}", restore)
            self._restored_begun = kept if begun.written else None
            stack = self.editor.undo_stack
            stack.command(stack.index() - 1).restores_recovery = True  # (see _restore_undone)
            self._run_checks()
        if typing is not None and self._restore_typing(typing):
            self._kept_typing = True  # the copy holds it: gone once the field is left (see autosave)
            field = "Id" if typing.field == "id" else "Action"
            self.status.setText(
                (
                    "Restored your unsaved changes, and the text you were typing in the "
                    if changed
                    else "Put back the text you were typing in the "
                )
                + f"{field} field: it is recorded when you leave the field (Tab or Return)."
                + (" Save (Ctrl+S) to keep them, or undo (Ctrl+Z)." if changed else "")
            )
            return ""
        self.status.setText("Restored your unsaved changes. Save (Ctrl+S) to keep them, or undo (Ctrl+Z).")
        return ""

    def _put_back_to_restore(self, begun: BegunSave) -> str:
        """Before restoring the changes of a save killed half way: the files it wrote get back the
        version they had before it, so that the project is read again whole, as saved last, and the
        changes are restored over that (without asking again). What to say once it is read again;
        empty when they could not be put back (restored over the files as they are, as before).

        Why: restored over the half-written files, Undo came back to them as if they were saved: the
        window said nothing was unsaved while the files disagreed (an id renamed in settings.json,
        not in the plugin's files), with the killed save's temporary files beside them, and Save
        wrote nothing."""
        from ..core.recovery import put_back_begun_save

        assert self.package is not None and self.package.root is not None
        try:
            put_back_begun_save(self.package.root, begun)
        except OSError:
            return ""
        self._restore_answered = True
        one = len(begun.written) == 1
        return (
            f"{_listed(begun.written)}, written by the save cut short, {'has' if one else 'have'} the version "
            "before it again, so that undoing the restore gives the project as saved last."
        )

    def _discard_begun_save(self, kept: Recovery, begun: BegunSave) -> str:
        """Discard the changes of the copy ``kept`` that a save killed half way had begun to write:
        the files it wrote get back the version they had before it, so the project is as it was
        saved last, whole. Where that cannot be (a version before is gone, the files refuse), the
        copy is moved aside rather than removed, and a note says where: discarded, the files
        would disagree with no way back. What to say once the project is read again, when files
        were put back; else empty.

        Why: Discard removed the copy and left the project half written, the files of the new save
        disagreeing with the others (an id renamed in settings.json, not in its plugin)."""
        from ..core.files import os_message
        from ..core.recovery import put_aside_discarded, put_back_begun_save

        assert self.package is not None and self.package.root is not None
        why = "no copy of it is left"
        if not begun.cannot_put_back:
            try:
                put_back_begun_save(self.package.root, begun)
            except OSError as exc:
                why = os_message(exc)
            else:
                self._forget_recovery()
                return (
                    f"Discarded the unsaved changes; {_listed(begun.written)}, written by the save cut short, "
                    f"{'has' if len(begun.written) == 1 else 'have'} the version before it again."
                )
        one = len(begun.written) == 1
        aside = put_aside_discarded(kept)
        where = f"kept at {aside}" if aside is not None else f"still at {kept.path}"
        self.notes.say(
            "half saved",
            f"Discarded the unsaved changes, but {_listed(begun.written)}, written by the save cut short, could not "
            f"get back the version before it ({why}): {'it holds' if one else 'they hold'} its changes, the other "
            f"files not, so they may not agree. The changes are {where}.",
        )
        return ""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.WindowActivate and self.package is not None:
            QTimer.singleShot(0, self, self._read_again_if_changed_elsewhere)  # (once the activation is done)
        return super().event(event)

    def _read_again_if_changed_elsewhere(self) -> None:
        """Back in the window: the files the forms write that another program changed meanwhile
        (another window's save or export, ``check --fix``, a text editor) are read again, the
        project with them, when nothing is unsaved; with unsaved edits it is said once, and Save
        asks before writing over them.

        Why: only the file on show is watched. Coming back from another window that had renamed a
        plugin and exported, this one still showed the old name, and its Export pane compared
        its older files with that export (the rename listed as undone) under the older brandingID.
        """
        if self._deploying():
            return  # (the package must not change while it is uploaded: looked at once it is done)
        # The project folder gone, its files are not looked at: each would be found missing, the
        # tree emptied and Problems offering to make them again, where Save As is the way out.
        folder_gone = bool(self._project_folder_gone())
        touched, listed = (False, False) if folder_gone else self._files_changed_since_last_look()
        changed, gone = self._modelled_changes()
        if changed and self._read_again_or_say(changed, gone):
            return  # (read again: listed and checked afresh)
        # Any other file (code or an icon edited in another editor, one added or deleted): listed
        # and checked again. Why: Problems and the Export pane went on saying "no errors" for code
        # broken meanwhile, and Export then refused for an error shown nowhere.
        if listed:
            self._fill_tree()
        if touched:
            self._check_soon()

    def _read_again_or_say(self, changed: list[str], gone: list[str]) -> bool:
        """Read the project again for ``changed`` (files the forms write, changed outside; ``gone``:
        those of them deleted or moved) when nothing is unsaved, else say so once; True when it was
        read again."""
        folder_gone = self._project_folder_gone()
        if folder_gone or not self.editor.undo_stack.isClean() or self._typing_in_fields() is not None:
            # Said once (each question or message closed comes back here); the project folder gone,
            # not read again either: that would only fail, and say so in a message box every time.
            if changed != self._said_elsewhere:
                self._said_elsewhere = changed
                self.status.setText(folder_gone or self._kept_despite(changed, gone))
            return False
        said = self._changed_words(changed, gone)  # (before: the project read again has read them so)
        if not self._read_again_keeping_place():
            return False
        self.status.setText(f"Read the project again: {said}.")
        return True

    def _files_changed_since_last_look(self) -> tuple[bool, bool]:
        """(whether a file of the project was added, deleted or rewritten since the last look — the
        project opened or the window last activated —, whether one was added or deleted), by the
        signatures of the files and the stamps of their folders: no file read, and the folders
        listed again only when one of them changed."""
        pkg = self.package
        if pkg is None or not pkg.files.writable:
            return False, False
        from ..core.files import SETTLED_NS

        # A file (or a folder's list) changed in the last seconds may change again unseen (see SETTLED_NS).
        recent = time.time_ns() - SETTLED_NS
        seen, folders, before = self._files_seen
        stamps = pkg.files.folder_stamps()
        moved = stamps != folders or any(stamp is not None and stamp[1] > recent for stamp in stamps.values())
        now = self._file_signatures(None if seen is not pkg or moved else stamps)
        if seen is not pkg:
            return False, False
        fresh = any(sig is not None and max(sig[-2:]) > recent for sig in now.values())
        listed = before.keys() != now.keys()
        return listed or fresh or before != now, listed

    def _file_signatures(
        self, stamps: dict[str, tuple[int, int] | None] | None = None
    ) -> dict[str, tuple[int, ...] | None]:
        """Each file of the project with its signature, kept with its folders' stamps as the last
        look's (see above). ``stamps``: the folders' stamps as they are now, as last listed; None:
        the folders are listed again first (one changed, or the project was just opened)."""
        pkg = self.package
        files = pkg.files
        if stamps is None:
            files.invalidate()
        now = files.signatures(files.names())
        self._files_seen = (pkg, files.folder_stamps() if stamps is None else stamps, now)
        return now

    def _changed_words(self, changed: list[str], gone: list[str]) -> str:
        """``changed`` (files the forms write; ``gone``: those of them deleted or moved) said as what
        another program did to them: the first few named. Why: after a checkout changed every file,
        the status bar was a list of 80 paths, and what it meant was cut off past the window's edge."""
        rewritten = [rel for rel in changed if rel not in gone]
        said = [f"{_listed(rewritten)} changed outside the designer"] if rewritten else []
        if gone:
            were = "was" if len(gone) == 1 else "were"
            said.append(f"{_listed(gone)} {were} deleted, moved or replaced by another program")
        return "; ".join(said)

    def _kept_despite(self, changed: list[str], gone: list[str]) -> str:
        """What the status bar says when files the forms write changed outside (``gone``: those of
        them deleted or moved) with edits unsaved here."""
        mine = self._edited_here(changed)
        groups = (
            ("saving asks before it writes over {}", [rel for rel in mine if rel not in gone]),
            ("saving writes {} again", [rel for rel in mine if rel in gone]),
            ("saving leaves {} as that program left {}", [rel for rel in changed if rel not in mine]),
        )
        what = "".join(
            "; " + words.format(_these(rels, changed), "it" if len(rels) == 1 else "them")
            for words, rels in groups
            if rels
        )
        return (
            f"{self._changed_words(changed, gone)}. Your unsaved changes are kept{what} "
            "(File ▸ Reload reads the project as it is now and drops them)."
        )

    def _modelled_changes(self) -> tuple[list[str], list[str]]:
        """(The files the forms write (settings.json, manifest.json, package files) that another
        program changed, deleted or moved since the window read or wrote them, those of them deleted
        or moved); both [] for a ZIP opened read-only. Why the deleted ones too: a plugin folder
        renamed in the file manager left the window showing the plugin whole, with no problem, and
        Export then refused for errors not shown. Why they are told apart here: what is said about
        them does, and asked again there, each file was looked at up to three times an activation."""
        if self.package is None or self.editor is None or not self.package.files.writable:
            return [], []
        modelled = sorted(self.package.modelled_files())
        gone = self.editor.gone_elsewhere(modelled)
        try:
            changed = self.editor.changed_elsewhere([rel for rel in modelled if rel not in gone])
        except OSError:  # (one that cannot be read now: Save and the checks say so)
            changed = []
        return sorted(changed + gone), gone

    def _read_again_keeping_place(self) -> bool:
        """Read the project again (nothing is unsaved), the tree's item on show selected again."""
        item = self.tree.currentItem()
        data = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        self._said_elsewhere = []
        if not self.open_path(self._path, ask=False):
            return False
        found = self._find_tree_item(self.tree.topLevelItem(0), data) if self.tree.topLevelItem(0) else None
        if found is not None:
            self.tree.setCurrentItem(found)
        return True

    def _deploy_dialog(self) -> QWidget | None:
        """The Export pane's Deploy dialog, once made (a window of its own)."""
        return self.export_pane.deploy_dialog if self.export_dock is not None else None

    def _deploying(self) -> bool:
        """Whether an upload to the Management Node is running (closing now would abort it half-way)."""
        dialog = self._deploy_dialog()
        return dialog is not None and dialog.busy

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not getattr(self, "_docks_sized", False):
            self._docks_sized = True  # once: afterwards the user's own sizes stay
            self.resizeDocks([self.problems_dock], [170], Qt.Orientation.Vertical)  # the editors get the room

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self._deploying():
            self.status.setText("An upload to the Management Node is running: close when it has finished.")
            event.ignore()
            return
        if self._may_discard():
            event.accept()
            if self.remembers_place:
                remember_place(self)
            self._take_typing()  # the package is read after the window (a test, a recovery copy)
            self._closing = True
            self._recheck.stop()
            if (dialog := self._deploy_dialog()) is not None:
                # A top-level window of its own: hiding this one left it on screen, for a project
                # no longer open (it is not busy: see above).
                dialog.close()
            for help_window in self._help_windows.values():
                help_window.close()  # (top-level windows too, which stayed on screen the same way)
            for dock in self.findChildren(QDockWidget):
                if dock.isFloating():
                    # A floating dock is a window of its own, which Qt leaves on screen when this
                    # one closes: a Problems list (or Export, Preview) of a project no longer open.
                    dock.hide()
            self._wait_for_workers_out_of_sight()
        else:
            event.ignore()

    def _wait_for_workers_out_of_sight(self) -> None:
        """Wait for the workers still parsing or checking (the process must not end under them),
        the window hidden first.

        Why hidden: the wait is a second or more for a big source (a 4 MB library), and the whole
        window stayed on the screen meanwhile, frozen, as if the close had not been heard.
        """
        workers = [w for w in (self.source_analysis, self.background_checks) if w is not None]
        if not workers:
            return
        self.hide()
        for worker in workers:
            worker.wait()  # at most the parse of one big source, or one run of the checks

    def show_pane(self, name: str) -> None:
        if name == "problems":
            self.problems_dock.show()
            self.problems_dock.raise_()
        elif name == "export":
            self.show_export()
        elif name == "preview":
            self.show_preview()

    # -- opening --------------------------------------------------------------------------
    def open_path(self, path: Path, ask: bool = True, history: dict[str, str | None] | None = None) -> bool:
        """Open the project, folder or ZIP at ``path``. ``history``: Save As wrote the project open
        here into ``path``, and its undo steps go on there (see ModelEditor.go_on_in)."""
        if ask and not self._may_discard(replacing=True):
            return False
        from ..core.checks import run_checks
        from ..core.files import NeedsImportError, NoPackageHereError, NotAPackageError
        from ..core.model import load
        from .app import forget_module_sources
        from .commands import ModelEditor

        forget_module_sources()  # of the modules just imported, before the package takes memory (see there)
        try:
            pkg = load(path)
        except NeedsImportError:
            # A Management Node default download: offered the import (which creates settings.json
            # and manifest.json), not refused as if it were the wrong file.
            if self.isVisible():
                from PySide6.QtWidgets import QMessageBox  # (here: its class and enums cost 0.1 MiB)

                answer = QMessageBox.question(
                    self,
                    "Import this ZIP?",
                    f"{path.name} has a webapp2 folder but no settings.json and no manifest.json yet: it looks "
                    "like the default download from the Management Node (Services ▸ Web App Customization), "
                    "which has neither. There is nothing to open in it as it is.\n\n"
                    "Import it into a folder of its own? Your themes, images and other files are kept as they "
                    "are, the two files are created (after asking), and the ZIP itself is not changed.",
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                )
                if answer == QMessageBox.StandardButton.Yes:
                    return self.import_zip(path, ask=False)
            self.status.setText(
                f"{path.name} has no settings.json and no manifest.json yet (a Management Node download): "
                "File ▸ Import ZIP into a Folder… makes it a project and creates them."
            )
            if self.package is None:
                self._show_welcome()
            return False
        except NotAPackageError as exc:
            if self.isVisible() and isinstance(exc, NoPackageHereError):
                if self._no_package_here(path, exc.zips):
                    return True
            elif self.isVisible():
                from PySide6.QtWidgets import QMessageBox

                QMessageBox.warning(self, "Cannot open", str(exc))
            self.status.setText(str(exc))
            if self.package is None:
                self._show_welcome()  # not "Opening …" forever: the first screen, to choose again
            return False
        self._forget_discarded()  # (before the package is replaced: the copy is the old one's)
        self._path = path
        self.opened_folders.add(path.parent if path.name == "webapp2" else path)  # (see app.give_back_after_sudo)
        self.notes.clear()  # (about the project before; this one's are said below)
        if self.source_pane is not None and (self.package is None or self.package.files.label != pkg.files.label):
            self.source_pane.forget_files()  # another project: its files are not the last one's
        self.package = pkg
        if self._watcher is not None and self._watcher.files():
            # The files of the project before: each plugin clicked added its package file, kept
            # watched (a system resource, limited) project after project until a file was shown.
            self._watcher.removePaths(self._watcher.files())
        self._saved = {}
        self._saved_here = False
        self._took_over = False
        self._restored_begun = None
        self._told_crash_copy = ""
        self._kept_typing = False
        if self.remembers_projects:
            from .app import remember_project

            # A webapp2 folder opened is remembered as its project (opening that opens the same):
            # listed as "webapp2", beside the project's own entry, it was one project twice.
            opened_root = pkg.root is not None and path.name == "webapp2" and pkg.root.resolve() == path.resolve()
            remember_project(path.parent if opened_root else path)
        if history is not None and self.editor is not None:
            self.editor.go_on_in(pkg, history)
        else:
            if self.editor is not None:
                self.undo_group.removeStack(self.editor.undo_stack)
                self.editor.deleteLater()
            self.editor = ModelEditor(pkg, self)
            self.undo_group.addStack(self.editor.undo_stack)
            self.undo_group.setActiveStack(self.editor.undo_stack)
            self.editor.sig_changed.connect(self._model_changed)
            # (index, next command to redo or None) of the stack, to tell an undo or redo from an edit
            self._undo_seen: tuple[int, object] = (0, None)
            self.editor.undo_stack.indexChanged.connect(self._undo_moved)
            self.editor.sig_stepping.connect(self._stepping)
            self.editor.undo_stack.cleanChanged.connect(self._clean_changed)
        self._file_signatures(pkg.files.folder_stamps())  # (what coming back to the window compares with)
        if self._recipe_wizard is not None:
            # Read again under the wizard (another program changed a file on show): it adds to the
            # project as read now. Its Add plugin failed on the editor just replaced, adding nothing.
            self._recipe_wizard.package, self._recipe_wizard.editor = pkg, self.editor
        if self.plugin_page is not None:
            self.stack.removeWidget(self.plugin_page)
            self.plugin_page.deleteLater()
            self.plugin_page = None  # this package's is built when one of its plugins is first shown
        self.finish_menus()
        self.save_action.setEnabled(pkg.files.writable)
        self.save_as_action.setEnabled(pkg.files.writable)
        self.close_project_action.setEnabled(True)
        from .background_checks import SLOW_CHECKS
        from .source_analysis import sources_to_parse

        # A big source (minified code, 5 MB) took 10 seconds to check, with the window frozen
        # before it first showed the project: those are parsed on a worker first (_run_checks).
        # (Read once: the worker gets these bytes, not a second read of a file of megabytes.)
        big = sources_to_parse(pkg)
        self._unchecked = bool(big)
        self._checks_asked += 1  # (a worker still checking the package of before: its result is not shown)
        self._checks_on_show = self._checks_asked
        start = time.thread_time()
        self.problems = [] if self._unchecked else run_checks(pkg, in_window=True)
        self._slow_checks = time.thread_time() - start >= SLOW_CHECKS
        self.export_action.setEnabled(True)
        self.preview_action.setEnabled(True)
        self.preview_problems = []
        if self.preview_dock is not None:
            self.preview_pane.set_package(pkg)
        self._refresh_export()
        # The project's name as the tree's top says it: "webapp2" for every project opened by its
        # webapp2 folder said nothing, and a ZIP opened read-only did not say so.
        self.setWindowTitle(f"{literal_title(self._package_title())}[*] — Plugin Designer")
        self.setWindowModified(False)
        self._fill_tree()
        self._fill_problems()
        self.status.setText(self._opened_summary())
        self._keyboard_to_tree()
        put_back = self._offer_recovery() if self.offers_recovery else ""
        if put_back:  # a save cut short was undone on disk: the project is read again
            try:
                opened = self.open_path(path, ask=False)
            finally:
                self._restore_answered = False
            restored = self.editor is not None and self.editor.undo_stack.count() > 0
            self.status.setText(f"{self.status.text()} {put_back}" if restored else put_back)
            self._say_finished_write(pkg)
            return opened
        self._say_finished_write(pkg)
        if self._unchecked:
            self._run_checks(big=big)
        forget_module_sources()  # and of those the checks imported (lxml, tree-sitter)
        if self.source_pane is None:
            self._warm_up.start()
        return True

    def _say_finished_write(self, pkg: BrandingPackage) -> None:
        """Add to the status bar what opening ``pkg`` finished of a write a killed process had begun
        (an export: see core.files.finish_interrupted_write), once, after what the opening said.
        Why after: said first, the restore of unsaved changes kept from the same crash replaced it."""
        finished = pkg.files.finished_write
        if finished:
            said = self.status.text().rstrip()
            self.status.setText(f"{said}{'' if said.endswith('.') else '.'} {finished}")

    def _warm_editor(self) -> None:
        """Load the source editor's code and its JavaScript lexer before the first file is clicked.

        Why: the window leaves them out at start so that it paints fast (users who only fill in the
        forms never need them), but loading them on the first click (some 30 ms) came on top of
        putting the file's text in, and a big first file froze the window for 70 ms or more. A
        moment after a project opens the user is still reading the window: the load goes there.
        The editor itself is built then too (hidden, holding no file; about 10 ms), so the first
        click only puts the file's text in.

        Not while a worker parses or checks: the loading reads some twenty files, and each read gave
        the worker the interpreter (see workers.py), which a big parse keeps for a while: the warm-up
        froze the window for 0.3-0.6 s beside a 4 MB source. It waits until the worker is done.
        """
        if self.source_pane is not None or not self.isVisible():
            return
        if self.source_analysis is not None or self.background_checks is not None:
            self._warm_up.start()
            return
        from .app import forget_module_sources
        from .highlight import language_for

        language_for("plugin.js")
        self._ensure_source_pane()
        forget_module_sources()

    def _ensure_plugin_page(self) -> PluginPage:
        """The form of the open package's plugins (its metadata and menu items), built when a
        plugin is first shown.

        Why not when the package opens: the overview is what the window shows then, and a page
        built in advance, hidden, held some 1.5 MiB (its widgets, the Python side of their Qt
        classes and the code of the form's modules) that a user who reads the overview, or works in
        the sources, never used (bench/startup.py).
        """
        if self.plugin_page is not None:
            return self.plugin_page
        from .panes.plugin_page import PluginPage

        assert self.editor is not None and self.package is not None
        page = PluginPage(self.editor)
        page.sig_open_file.connect(self.show_file)
        page.sig_show_code.connect(self.show_code)
        page.sig_icon_added.connect(self._say_icon_added)
        # Not to status.setText itself: PySide keeps a record on the label for each connection to a
        # method a Python class redefines (IsolatingLabel's setText), for good, one per project opened.
        page.sig_said.connect(lambda text: self.status.setText(text))
        # (after the menu has closed: the wizard is a dialog of its own)
        page.sig_recipes.connect(lambda: QTimer.singleShot(0, self, self.add_plugin_from_recipe))
        page.set_read_only(not self.package.files.writable)
        # Text typed in the Id or an Action field is recorded only when the field is left: it is
        # kept aside shortly after the last key (not committed), not up to 30 s later at the
        # autosave, so a crash meanwhile loses at most half a second of it.
        for field in (page.form.id, page.items.action):
            field.textEdited.connect(lambda _text: self._keep_aside_soon())
        self.stack.addWidget(page)
        self.plugin_page = page
        return page

    def _keyboard_to_tree(self) -> None:
        """A project just opened: the keyboard goes to the project tree, unless it is still on
        something the user works in (a field, the editor, the Export dock after an export).

        Why: the welcome button that opened it went away with the welcome screen, and the
        keyboard went with it to nowhere (File ▸ New) or to the overview text (Open the example),
        where the arrow keys scrolled instead of choosing a plugin.
        """
        widget = self.focusWidget()
        lost = widget is None or not widget.isVisible() or widget is self.details
        if lost or (self.welcome is not None and self.welcome.isAncestorOf(widget)):
            self.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fill_tree(self) -> None:
        from PySide6.QtWidgets import QStyle

        assert self.package is not None
        pkg = self.package
        style = self.style()
        current = self.tree.currentItem()
        selected = current.data(0, Qt.ItemDataRole.UserRole) if current is not None else None
        selected_key = current.data(0, _PLUGIN_KEY) if current is not None else None
        reselect, self._reselect = self._reselect, None
        self.tree.blockSignals(True)
        self.tree.clear()
        self.tree.blockSignals(False)
        root = QTreeWidgetItem([self._package_title()])
        root.setToolTip(0, pkg.files.label)
        root.setIcon(0, style.standardIcon(QStyle.StandardPixmap.SP_DirIcon))
        root.setData(0, Qt.ItemDataRole.UserRole, ("package", None))
        self.tree.addTopLevelItem(root)
        for name in ("settings.json", "manifest.json"):
            it = QTreeWidgetItem([name])
            it.setIcon(0, style.standardIcon(QStyle.StandardPixmap.SP_FileIcon))
            it.setData(0, Qt.ItemDataRole.UserRole, ("file", name))
            root.addChild(it)
        errors_of = self._errors_by_plugin()
        from ..core.files import files_by_folder
        from ..core.problems import printable

        under = files_by_folder(pkg.names())
        for index, plugin in enumerate(pkg.plugins):
            it = QTreeWidgetItem([_shortened(plugin.display_name)])
            it.setData(0, Qt.ItemDataRole.UserRole, ("plugin", index))
            it.setData(0, _PLUGIN_KEY, plugin.key)
            self._mark_plugin(it, errors_of[index])
            for rel in self._plugin_files(plugin, under):
                # (printable: Qt drops a byte that is not UTF-8, and "caf.svg" named a file not there)
                child = QTreeWidgetItem([printable(rel.rsplit("/", 1)[-1])])
                child.setData(0, Qt.ItemDataRole.UserRole, ("file", rel))
                child.setIcon(0, style.standardIcon(QStyle.StandardPixmap.SP_FileIcon))
                it.addChild(child)
            root.addChild(it)
        root.setExpanded(True)
        keys = [p.key for p in pkg.plugins]
        shown_keys, self._tree_keys = self._tree_keys, keys
        if reselect is not None and reselect[1] in keys and sorted(shown_keys) == sorted(keys) and shown_keys != keys:
            # An undo or redo of a move: the plugin moved (on show when it was moved, see _stepping),
            # even when another one is on show now (the tree reordered out of sight).
            selected = ("plugin", keys.index(reselect[1]))
        elif sorted(shown_keys) == sorted(keys) and selected_key in keys and selected_key != _key_at(keys, selected):
            # The plugins were reordered (undo of "Move plugin down"): the selection goes with its
            # plugin, not to whichever now has its place. (Not when one was added or removed: undo
            # of a removal shows the plugin that comes back, in its old place.)
            selected = ("plugin", keys.index(selected_key))
        elif reselect is not None and (
            set(shown_keys) != set(keys)
            or self._find_tree_item(root, selected) is None
            or (reselect[1] is None and self._find_tree_item(root, reselect[0]) is not None)  # (a file brought back)
        ):
            # An undo or redo added or took away a plugin (a duplicate, an added or removed one), or
            # the file on show: what was on show on that side of the step (see _stepping), rather
            # than whatever was selected or the package's overview.
            selected = ("plugin", keys.index(reselect[1])) if reselect[1] in keys else reselect[0]
        self.tree.setCurrentItem(self._find_tree_item(root, selected) or root)

    def _errors_by_plugin(
        self, problems: list[Problem] | None = None, owners: list[int | None] | None = None
    ) -> Counter[int | None]:
        """Errors per plugin (its index), counted once (a crash the preview caught counts too).
        ``problems`` (all of them, as :meth:`_all_problems`) with their ``owners`` (see
        :meth:`_problem_owners`) when known already."""
        from ..core.problems import Severity

        if problems is None or owners is None:
            problems = self._all_problems()
            owners = self._problem_owners(problems)
        return Counter(
            key for p, key in zip(problems, owners, strict=True) if p.severity is Severity.ERROR and p.plugin
        )

    def _problem_owners(self, problems: list[Problem]) -> list[int | None]:
        """Each problem's plugin (its index; None for the package's own), looked up once for both
        the project tree's marks and the Problems list's groups.

        Why: each asked it of the 5,000 problems of a package of 100 broken plugins, twice the
        same tens of milliseconds of the window's thread after every check."""
        from ..core.plugins import problem_owners

        assert self.package is not None
        owner = problem_owners(self.package)
        return [owner(p.plugin, p.file, p.pointer) if p.plugin else None for p in problems]

    def _mark_plugin(self, item: QTreeWidgetItem, errors: int) -> None:
        """A plugin's mark in the tree: being checked, its errors, or a tick, and as its tooltip
        and its description for a screen reader.

        Each set only when it differs from what the item has (its icon's kind kept in its ``_MARK``
        data, with the style that drew it). Why: after every check each of 100 plugins had its icon
        looked up and set again, for the one plugin whose errors an edit changed."""
        from PySide6.QtWidgets import QStyle

        from ..core.wording import counted

        style = self.style()
        if self._unchecked:  # (no tick before the checks have run)
            pixmap, tip = QStyle.StandardPixmap.SP_BrowserReload, "Being checked…"
        elif errors:
            pixmap, tip = QStyle.StandardPixmap.SP_MessageBoxCritical, counted(errors, "error")
        else:
            pixmap, tip = QStyle.StandardPixmap.SP_DialogApplyButton, "No errors"
        mark = (pixmap.name, id(style))
        if item.data(0, _MARK) != mark:
            item.setIcon(0, style.standardIcon(pixmap))
            item.setData(0, _MARK, mark)
        if item.toolTip(0) != tip:
            item.setToolTip(0, tip)
            # A screen reader reads neither the mark nor the tooltip: the item's description says it.
            item.setData(0, Qt.ItemDataRole.AccessibleDescriptionRole, tip)

    def _mark_tree(self, problems: list[Problem] | None = None, owners: list[int | None] | None = None) -> None:
        """After a check: each plugin's mark and name in the project tree, in place; the tree is
        made again (:meth:`_fill_tree`) only when its plugins or their files are not those shown.

        Why: made again after every check, with its selection found again, a tree of 100 plugins
        and their files held the window a tenth of a second at each edit, to change a few marks.
        ``problems`` and ``owners``: as :meth:`_errors_by_plugin` takes them.
        """
        pkg = self.package
        assert pkg is not None
        root = self.tree.topLevelItem(0) if self.tree.topLevelItemCount() == 1 else None
        keys = [p.key for p in pkg.plugins]
        if root is None or self._reselect is not None or keys != self._tree_keys or root.childCount() != 2 + len(keys):
            self._fill_tree()
            return
        from ..core.files import files_by_folder

        under = files_by_folder(pkg.names())
        items = [root.child(2 + index) for index in range(len(keys))]
        for index, (plugin, item) in enumerate(zip(pkg.plugins, items, strict=True)):
            files = [("file", rel) for rel in self._plugin_files(plugin, under)]
            shown = [item.child(j).data(0, Qt.ItemDataRole.UserRole) for j in range(item.childCount())]
            if item.data(0, Qt.ItemDataRole.UserRole) != ("plugin", index) or shown != files:
                self._fill_tree()
                return
        errors_of = self._errors_by_plugin(problems, owners)
        title = self._package_title()
        if root.text(0) != title:
            root.setText(0, title)
        for index, (plugin, item) in enumerate(zip(pkg.plugins, items, strict=True)):
            name = _shortened(plugin.display_name)
            if item.text(0) != name:
                item.setText(0, name)
            self._mark_plugin(item, errors_of[index])
        # What is on show is shown again with the new problems, as when the tree was made again
        # and its item selected anew (the overview's and a plugin's notes name them).
        self._show_item(self.tree.currentItem())

    def _package_title(self) -> str:
        """The project's name for the tree's top: its folder (not 'webapp2'), or the ZIP's name;
        printable (a name that is not UTF-8, ``proj\\xff``, showed as "proj": Qt drops the byte)."""
        from ..core.problems import printable

        return printable(self._package_name())

    def _package_name(self) -> str:
        assert self.package is not None
        label = self.package.files.label
        if "!" in label:  # a ZIP opened read-only: "x.zip!webapp2"
            return Path(label.split("!", 1)[0]).name + " (read-only)"
        root = self.package.root
        if root is not None and root.name == "webapp2" and root.parent.name:
            return root.parent.name
        return Path(label).name or label

    def _find_tree_item(self, root: QTreeWidgetItem, data: object) -> QTreeWidgetItem | None:
        if data is None:
            return None
        for i in range(root.childCount()):
            child = root.child(i)
            if child.data(0, Qt.ItemDataRole.UserRole) == data:
                return child
            found = self._find_tree_item(child, data)
            if found is not None:
                return found
        return None

    def _plugin_files(self, plugin: Plugin, under: dict[str, list[str]] | None = None) -> list[str]:
        """The files the tree shows under ``plugin`` (``under``: the package's files by folder,
        ``files_by_folder``, when known already)."""
        assert self.package is not None
        folder = plugin.folder
        if not folder:
            return [plugin.package_path] if plugin.package_path else []
        if under is None:
            return [n for n in self.package.names() if n.startswith(folder + "/")]
        return under.get(folder, [])

    def _all_problems(self) -> list[Problem]:
        """The checks' problems and the crashes the preview caught: what every view shows."""
        return self.problems + self.preview_problems

    def _show_problems(self) -> None:
        """Every view of the problems (tree marks, the dock, editor markers, the status summary)."""
        shown = self._all_problems()
        owners = self._problem_owners(shown) if self.package is not None else None
        self._mark_tree(shown, owners)
        self._fill_problems(shown, owners)
        self._show_source_markers()
        if self.status.text().startswith("Opened "):  # still the summary, not a newer message: keep it true
            self.status.setText(self._opened_summary())
        elif self._counts_said is not None and self.status.text() == self._counts_said[0]:
            if self._problem_count() != self._counts_said[1]:  # its number is no longer the dock's: it goes
                self.status.setText("")
                self._counts_said = None

    def _fill_problems(self, shown: list[Problem] | None = None, owners: list[int | None] | None = None) -> None:
        if shown is None or owners is None:
            shown, owners = self._all_problems(), None
        self.problems_view.show_problems(shown, self.package, owners)
        self._title_problems()
        self._fit_problems_dock(len(shown))

    def _title_problems(self) -> None:
        """The dock's title: how many problems there are, and how many the filter shows of them."""
        n = len(self._all_problems())
        view = self.problems_view
        if n and view.filtering:
            title = f"Problems ({view.shown_count} of {n})"
        else:
            title = f"Problems ({n})" if n else "Problems — being checked…" if self._unchecked else "Problems — none"
        self.problems_dock.setWindowTitle(title)
        # The dock's title is its View menu entry too (Qt keeps them alike): a menu of commands
        # showed "Problems (3)" or "Problems — none" as the name of the show/hide switch.
        self.problems_dock.toggleViewAction().setText("P&roblems")

    def _fit_problems_dock(self, n: int) -> None:
        """With no problems the list shrinks to its header, and its title says "none"; when some
        come back it gets back the height it had.

        Why: the empty list took about 40 % of a laptop screen at 150 % with a large font, and
        the icon editor's canvas was left some 30 px high.
        """
        view = self.problems_view
        self.problems_filter.setVisible(n > 0)  # (nothing to filter; its words are kept for the next problems)
        if n == 0:
            # A floating dock takes no room from the editors: it keeps the size the user gave it.
            if view.maximumHeight() == NO_LIMIT and not self.problems_dock.isFloating():
                if self.problems_dock.isVisible():
                    self._problems_height = self.problems_dock.height()
                view.setMaximumHeight(view.header().sizeHint().height() + 2 * view.frameWidth())
                # (the list's with the filter's row: the dock's own maximum, taken now, see below)
                view.parentWidget().layout().activate()
        elif view.maximumHeight() != NO_LIMIT:
            view.setMaximumHeight(NO_LIMIT)
            # The dock takes the list's new maximum now, not at the next layout pass: else the
            # resize below was held to the folded size, and the list came back at half its height
            # (from the welcome page, folded before the window ever showed it unfolded).
            view.parentWidget().layout().activate()
            self.problems_dock.layout().activate()
            height = getattr(self, "_problems_height", 170)
            self.resizeDocks([self.problems_dock], [height], Qt.Orientation.Vertical)

    # -- details --------------------------------------------------------------------------
    def _show_welcome(self) -> None:
        from .panes.welcome import WelcomePane

        if self.welcome is None:
            self.welcome = WelcomePane()
            self.welcome.sig_new.connect(self.new_project)
            self.welcome.sig_open_folder.connect(self._choose_folder)
            self.welcome.sig_open_zip.connect(self._choose_zip)
            self.welcome.sig_import_zip.connect(lambda: self.import_zip())
            self.welcome.sig_open_example.connect(self.open_example)
            self.welcome.sig_open_path.connect(lambda path: self.open_path(Path(path)))
            self.welcome.sig_save_recovery.connect(self.save_recovery_as)
            self.welcome.sig_damaged_recovery.connect(self._say_damaged_recovery)
            # Scrolled when the window is shorter than the page: on a laptop at 150 % with a
            # large font the page is taller than the screen, and squeezed it drew the buttons
            # over the recent projects' heading.
            self._welcome_page = _scrolled(self.welcome, "welcomeScroll")
            self.stack.addWidget(self._welcome_page)
        self.welcome.refresh()
        self.stack.setCurrentWidget(self._welcome_page)
        # Keyboard first: the first thing to press, not the empty tree or Problems list.
        self.welcome.new_button.setFocus()

    def _show_item(self, item: QTreeWidgetItem | None, _prev: object = None) -> None:
        self._update_plugin_actions()
        if item is None or self.package is None:
            return
        kind, value = item.data(0, Qt.ItemDataRole.UserRole)
        if kind == "plugin" and self.package.plugins[value].package is not None:
            page = self._ensure_plugin_page()
            page.show_plugin(value)
            self.stack.setCurrentWidget(page)
            # Its package file is watched too: deleted or replaced by a folder by another program,
            # it was found out only at Save (which then could not write it, or wrote it back).
            rel = self.package.plugins[value].package_path
            if rel:
                self._watch(rel, also=True)
            return
        if kind != "file":
            self._show_details()
        if kind == "plugin":
            self.details.setHtml(self._plugin_html(self.package.plugins[value]))
        elif kind == "file":
            try:
                text = self._shown_text(value)
            except UnicodeDecodeError as exc:
                data = exc.object if isinstance(exc.object, bytes) else b""
                from ..core.lineends import byte_position, not_utf8_message
                from ..core.svg import not_svg_kind, not_svg_message

                line = byte_position(data, exc.start)[0]  # the line the problem names
                picture = not_svg_kind(data) if value.lower().endswith(".svg") else None
                text = (
                    f"(cannot show this file: {not_svg_message(picture)}.)"
                    if picture
                    # Notepad's "Unicode": said as Problems says it, not as a stray "byte 0xff" to hunt for
                    # (an SVG may be UTF-16 for the app: the designer alone cannot show it, as said below).
                    else f"(cannot show this file: {not_utf8_message(value, data, exc.start)} {self._utf16_mend(value)})"
                    if data[:2] in (b"\xff\xfe", b"\xfe\xff") and not value.lower().endswith(".svg")
                    else f"(cannot show this file: {declared})"
                    if (declared := self._declared_encoding_words(value, data))
                    else f"(cannot show this file: it is not UTF-8 text (byte 0x{data[exc.start]:02x} on line {line}, "
                    "perhaps ISO-8859-1 or UTF-16). The designer edits UTF-8 files only: save it as UTF-8 in "
                    "another editor, then File ▸ Reload.)"
                    if data
                    else f"(cannot show this file: {exc})"
                )
            except (OSError, KeyError) as exc:
                text = f"(cannot show this file: {exc})"
            if text.startswith("(cannot show"):  # a sentence, wrapped to the pane, not a line of a file
                self._show_details()
                self.details.setPlainText(text[1].upper() + text[2:-1])
                return
            if value.rsplit(".", 1)[-1].lower() in SOURCE_SUFFIXES:
                self._show_source(value, text)
                return
            view = self.file_view()
            view.setPlainText(text)
            view.setDocumentTitle(value)
            self.stack.setCurrentWidget(view)
        else:
            self.details.setHtml(self._package_html())

    def _declared_encoding_words(self, rel: str, data: bytes) -> str | None:
        """What the window says of an icon in the encoding it declares (PD407), which it cannot show.

        Why: it said "perhaps ISO-8859-1 or UTF-16 ... save it as UTF-8 in another editor", a guess
        and a detour, while the icon names its encoding and its Fix under Problems saves it so here.
        """
        if not rel.lower().endswith(".svg"):
            return None
        from ..core.svg import as_utf8_text

        converted = as_utf8_text(data)
        if converted is None:
            return None
        return (
            f"it is written in {converted[1]}, not UTF-8. The app reads it, but the designer edits UTF-8 files "
            f"only. {self._utf16_mend(rel)}"
        )

    def _utf16_mend(self, rel: str) -> str:
        """How to mend ``rel``, a file in UTF-16 the window cannot show: its Fix under Problems when
        the checks offer one (it said only Notepad, then File ▸ Reload), else that."""
        fix = next((p.fix for p in self.problems if p.file == rel and p.fix and p.fix.kind == "save-as-utf8"), None)
        return f"Its Fix under Problems, '{fix.title}', does that here." if fix else "Then File ▸ Reload."

    def _show_details(self) -> None:
        """The overview page on show. Not on the way to a file's own view: after each check the
        tree selects the file on show again, and a detour through this page hid the editor for a
        moment, which closed its completion list while the user was choosing in it."""
        self.stack.setCurrentWidget(self.details)
        # Words are never split: a narrow pane (the Export dock open on a laptop) broke table
        # headings as "Placeme/nt"; a table too wide scrolls sideways instead.
        self.details.wrap_at_words()

    def _package_html(self) -> str:
        import html

        from ..core.wording import who_gets

        assert self.package is not None
        pkg = self.package
        rows = "".join(
            f"<tr><td><b>{html.escape(_shortened(p.display_name))}</b></td>"
            f"<td>{html.escape(_shortened(p.entry.id or ''))}</td>"
            f"<td>{'yes' if p.entry.enabled else 'no'}</td><td>{self._placement(p)}</td>"
            # Who sees it, at a glance ("Hosts only"): it was only in each plugin's form.
            f"<td>{html.escape(who_gets(p.package.participant_roles)) if p.package is not None else ''}</td></tr>"
            for p in pkg.plugins
        )
        bid = pkg.manifest.branding_id if pkg.manifest else None
        # Said what it is for: "brandingID: 1795677660170" alone meant nothing to someone who
        # never read the manifest format, and it is why an upload without an export is not seen.
        number = html.escape(str(bid)) if bid not in (None, "") else self._no_branding_id()
        table = (
            "<table cellpadding=4><tr><th align=left>Plugin</th><th align=left>Id</th>"
            f"<th align=left>Switched on when the app starts</th><th align=left>Appears in</th>"
            f"<th align=left>For</th></tr>{rows}</table>"
            if rows
            else self._no_plugins_html()
        )
        return (
            f"<h2>{html.escape(_shown_place(pkg))}</h2><p>Upload number (brandingID): {number}. "
            "Each export gives the package a higher one, so every user's app loads the new plugins "
            f"instead of the copy it keeps.</p>{table}{self._next_steps_html() if rows else ''}"
            f"{self._kept_files_html()}"
        )

    def _next_steps_html(self) -> str:
        """Where to go from the project's page, in the menus' own words.

        Why: a new project opened on this page, a table and a number; a new user did not know
        that the plugin in the tree is what to click to change it, nor where the preview and the
        export were.
        """
        assert self.package is not None
        if not self.package.files.writable:  # a ZIP opened read-only: nothing to change here
            return (
                "<p>Next: select a plugin on the left to see how it is set up; <i>View ▸ Preview</i> "
                "shows them in a pretend meeting.</p>"
            )
        return (
            "<p>Next: select a plugin on the left to change its name, who gets it, its buttons and "
            "their icons; <i>Plugin ▸ Add Plugin from Recipe…</i> adds a ready-made one; "
            "<i>View ▸ Preview</i> shows them in a pretend meeting; <i>File ▸ Export…</i> makes the "
            "ZIP to upload.</p>"
        )

    def _no_branding_id(self) -> str:
        """What the page says for a package with no upload number: none yet, or a manifest.json
        that cannot be read (it said "none yet" for a manifest holding one behind a typo)."""
        from ..core.model import unreadable_files

        assert self.package is not None
        if "manifest.json" not in unreadable_files(self.package):
            return "none yet"
        problem = next((p for p in self.package.load_problems if p.file == "manifest.json"), None)
        where = f" (line {problem.line})" if problem is not None and problem.line else ""
        return f"unknown: manifest.json cannot be read{where}"

    def _no_plugins_html(self) -> str:
        """Why the page lists no plugin: none yet, or a settings.json that cannot be read or has no
        plugin list the app reads.

        Why: settings.json not valid JSON hides every plugin, and the page said "No plugins yet"
        to someone who was given three, sending them to make new ones instead of mending it.
        """
        import html

        from ..core.model import unreadable_files

        assert self.package is not None
        pkg = self.package
        if "settings.json" in unreadable_files(pkg):
            problem = next((p for p in pkg.load_problems if p.file == "settings.json"), None)
            what = problem.message.rstrip(".") if problem else "settings.json cannot be read"
            said = ""
        else:
            from ..core.checks import unread_plugin_list
            from ..core.problems import Severity

            why = unread_plugin_list(pkg)
            if why is None or not pkg.exists("settings.json"):  # (none: PD200's Fix makes it, see below)
                from ..core.model import package_files_on_disk

                if package_files_on_disk(pkg):  # ("No plugins yet" above the plugins found on disk)
                    if not pkg.exists("settings.json"):
                        return "<p>There is no settings.json, so the app loads no plugin.</p>"
                    return "<p>settings.json lists no plugin, so the app loads none.</p>"
                return "<p>No plugins yet: <i>Plugin ▸ Add Plugin…</i> or <i>Add Plugin from Recipe…</i> makes one.</p>"
            # Valid JSON, its plugins under a misspelt name or not a list: "No plugins yet" sent the
            # user to add new ones beside the list the app does not read.
            problem = next(
                (p for p in self.problems if p.file == "settings.json" and p.severity is Severity.ERROR), None
            )
            what = f"settings.json {why}"
            said = f" {problem.message}" if problem else ""
        where = f" (line {problem.line})" if problem and problem.line else ""
        # (a file in UTF-16 cannot be shown from the tree: its Fix writes it as UTF-8)
        mend = (
            f"Its Fix under Problems, '{problem.fix.title}', mends it."
            if problem and problem.fix and problem.fix.kind == "save-as-utf8"
            else "Open settings.json from the tree (or the problem under Problems) to mend it."
        )
        return (
            f"<p><b>{html.escape(what)}{where}</b>, so the app shows none of its plugins and none is listed "
            f"here.{html.escape(said)} {html.escape(mend)}</p>"
        )

    def _kept_files_html(self) -> str:
        """The package's files that are not plugins, which the export carries through as they are.

        Why: an administrator who imported the company's branding saw only settings.json,
        manifest.json and the plugins in the tree, and could not tell whether the themes, images
        and translations were still there and would be uploaded again.
        """
        import html

        assert self.package is not None
        pkg = self.package
        folders = tuple(p.folder + "/" for p in pkg.plugins if p.folder)
        try:
            names = pkg.files.names()
        except OSError:  # a folder that cannot be listed is a problem of its own, shown in Problems
            return ""
        unlisted = self._unlisted_plugins(folders)
        groups: Counter[str] = Counter()
        for name in names:
            if name in ("settings.json", "manifest.json") or name.startswith(folders):
                continue
            unit = next((u for u in unlisted if name.startswith(u)), None)
            if unit is not None:
                unlisted[unit] += 1
                continue
            head, sep, _ = name.partition("/")
            groups[head + sep] += 1
        beside: list[str] = []
        if pkg.files.writable:
            from ..core.state import load_state

            carry = load_state(pkg.files.project).get("carry")
            beside = sorted(n for n in carry if isinstance(n, str)) if isinstance(carry, list) else []
        found = self._found_on_disk_html(unlisted)
        if not groups and not beside:
            return found
        parts = [
            html.escape(head) + (f" ({count} files)" if head.endswith("/") and count > 1 else "")
            for head, count in sorted(groups.items())
        ]
        text = ", ".join(parts)
        if beside:
            text += ("; " if text else "") + "next to webapp2/: " + ", ".join(html.escape(n + "/") for n in beside)
        return (
            found
            + f"<p><b>Kept as they are</b> (not plugins: the export carries them into the ZIP unchanged): {text}.</p>"
        )

    def _unlisted_plugins(self, folders: tuple[str, ...]) -> Counter[str]:
        """The plugins whose package files are on disk but not among the package's plugins: each
        one's folder ('plugins/rec/'), or its package file when it lies in plugins/ itself, with no
        files counted yet.

        Why: while settings.json cannot be read, has no plugin list the app reads or does not list
        them, the page put their files under "Kept as they are (not plugins)"; they are plugins,
        the ones the checks look at as found on disk.
        """
        from ..core.model import package_files_on_disk

        assert self.package is not None
        unlisted: Counter[str] = Counter()
        for rel in package_files_on_disk(self.package):
            folder = rel.rsplit("/", 1)[0]
            unit = folder + "/" if folder != "plugins" else rel
            if not unit.startswith(folders) and not any(unit.startswith(u) for u in unlisted if u.endswith("/")):
                unlisted[unit] = 0
        return unlisted

    def _found_on_disk_html(self, unlisted: Counter[str]) -> str:
        """The paragraph that names the plugins found on disk that the app does not load ("" when none),
        in the words of the checks and the CLI ("Found on disk, not through settings.json ...")."""
        import html

        from ..core.checks import unread_plugin_list
        from ..core.wording import counted

        if not unlisted:
            return ""
        assert self.package is not None
        why = unread_plugin_list(self.package)
        text = ", ".join(
            html.escape(unit) + (f" ({count} files)" if unit.endswith("/") and count > 1 else "")
            for unit, count in sorted(unlisted.items())
        )
        plugins = counted(len(unlisted), "plugin")
        one = len(unlisted) == 1
        they, their = ("it", "its") if one else ("them", "their")
        if not self.package.exists("settings.json"):
            return (
                f"<p><b>Found on disk, with no settings.json to list {they}</b>: {plugins}, {text}. The app does "
                f"not load {they}; <i>Fix</i> on PD200 under Problems creates settings.json listing {they}. "
                f"Problems shows {their} own problems too.</p>"
            )
        if why is not None:
            return (
                f"<p><b>Found on disk, not through settings.json</b> (which {html.escape(why)}): {plugins}, {text}. "
                f"The app does not load {they} until settings.json lists {they} again; Problems shows {their} own "
                "problems.</p>"
            )
        return (
            f"<p><b>Found on disk, not listed in settings.json</b>: {plugins}, {text}. The app does not load "
            f"{they}; <i>Fix</i> on PD205 under Problems lists {they} there.</p>"
        )

    def _package_trouble(self, p: Plugin) -> str:
        """Why a plugin has no package model, in a word: the file is missing, or it is there but
        cannot be read (not JSON, not UTF-8); "missing" for a file that is there misled."""
        rel = p.package_path
        if rel and self.package is not None and self.package.exists(rel):
            return "unreadable"
        return "missing"

    def _placement(self, p: Plugin) -> str:
        if p.package is None:
            return f"(package file {self._package_trouble(p)})"
        secs = p.package.sections
        if not secs:
            return "No button (works in the background)"
        from ..core.wording import PLACEMENT_NAMES

        return ", ".join(PLACEMENT_NAMES.get(s, s) for s in secs)

    def _plugin_html(self, p: Plugin) -> str:
        """The page of a plugin whose package file is missing or unreadable (the others have a form)."""
        import html

        e = html.escape
        return f"<h2>{e(_shortened(p.display_name))}</h2>" + (
            f"<p>The package file '{e(_shortened(p.entry.src_url or ''))}' is there but cannot be read "
            "(Problems says where and why). Select it in the tree, under this plugin, to correct it.</p>"
            if self._package_trouble(p) == "unreadable"
            else f"<p>The package file '{e(_shortened(p.entry.src_url or ''))}' is not in the package "
            "(Problems says what to do about it).</p>"
        )

    # -- editing --------------------------------------------------------------------------
    def apply_fix(self, fix: Fix) -> None:
        """A problem's Fix button: one undoable command, said in the status bar."""
        from ..core.files import os_message
        from ..core.fixes import apply_fix

        if self.editor is None:
            return
        if self._recheck.isActive() or self.source_analysis is not None or self.background_checks is not None:
            # The list is older than the last change (the checks run 150 ms after it, or on a
            # worker while the window is used, in a big package): a second
            # click of the same Fix, or a Fix of a row the change moved, acted on what is there
            # now: 'Remove this second entry' clicked twice removed the next plugin's entry too.
            # Only a fix the checks still offer is applied.
            self._recheck.stop()
            self._run_checks()
            if self.source_analysis is not None:  # big sources: the checks finish on another thread
                self._say_until_checked(
                    "Not fixed yet: the problems are being checked again after the last change. "
                    "Click Fix again once the list is up to date.",
                    lambda: (
                        f"Not fixed: the problems are up to date now ({self._problem_count()}). "
                        "Click Fix again if it is still listed."
                    ),
                )
                return
            if not any(p.fix == fix for p in self._all_problems()):
                self._say_counted(
                    f"Could not fix: '{fix.title}' no longer applies (the list was older than the last "
                    f"change). Nothing was changed; the problems are up to date now ({self._problem_count()})."
                )
                return
        done: list[str] = []  # what the fix did ("Delete plugins/x/old.svg"), as the CLI says it
        try:
            # The step is named by what the fix did ("Offer 'Record' to hosts only", "Mark the
            # package as branded (isSettingsBranded)"), not by its button ("Offer it to hosts
            # only"), which Edit ▸ Undo showed with nothing it refers to.
            self.editor.edit(fix.title, lambda pkg: done.append(apply_fix(pkg, fix)) or done[-1], named_by_result=True)
        except (ValueError, OSError) as exc:
            # The file changed since it was checked (an edit in the 150 ms before the checks ran
            # again): the fix finds no longer what it was made for, and nothing was changed. Or
            # another program deleted the file it edits (or put a folder in its place) while it
            # was not on show: the click did nothing at all, not a word, and the traceback went
            # to the terminal.
            self._recheck.stop()
            # (exc is gone once the except block ends, before the lambda runs)
            reason = os_message(exc) if isinstance(exc, OSError) else str(exc)
            self._say_until_checked(
                f"Could not fix: {reason}. Nothing was changed; the problems are checked again.",
                lambda: (
                    f"Could not fix: {reason}. Nothing was changed; the problems are up to date now "
                    f"({self._problem_count()})."
                ),
            )
            self._run_checks()
            return
        # Said, as other changes are: the problem's row just goes, and a fix may change a file
        # that is not on show.
        self.status.setText(f"Fixed: {done[0] if done else fix.title}. Undo with Ctrl+Z.")

    def fix_all_of(self, code: str) -> None:
        """Every fix of the problems of ``code`` that ``check --fix`` applies, as one undoable step
        (the problems' right-click *Fix all*). The fixes are found afresh on the model as it is, as
        ``check --fix`` finds them, so a list older than the last edit cannot misdirect them."""
        from ..core.checks import run_checks
        from ..core.files import os_message
        from ..core.fixes import fix_all
        from ..core.wording import counted

        if self.editor is None:
            return
        done: list[str] = []

        def of_code(pkg: BrandingPackage) -> list[Problem]:
            return [p for p in run_checks(pkg, in_window=True) if p.code == code]

        try:
            self.editor.edit(f"Fix all {code} problems", lambda pkg: done.extend(fix_all(pkg, of_code)))
        except (ValueError, OSError) as exc:
            reason = os_message(exc) if isinstance(exc, OSError) else str(exc)
            self.status.setText(f"Could not fix the {code} problems: {reason}. Nothing was changed.")
            return
        self.status.setText(f"Fixed {counted(len(done), f'{code} problem')}. Undo with Ctrl+Z.")

    def _say_until_checked(self, now: str, then: Callable[[], str]) -> None:
        """Say ``now`` in the status bar, and ``then()`` in its place once fresh problems are shown.

        Why: "Not fixed yet … click Fix again once the list is up to date" stayed in the status
        bar after the list was up to date, an instruction about a moment long gone. A newer
        message (the user did something else meanwhile) is left as it is.
        """
        self.status.setText(now)
        self._status_until_checked = (now, then)

    def _checks_shown(self) -> None:
        """Fresh problems are on show (and the status bar no longer says they are being checked)."""
        if self._status_until_checked is None or self.status.text().startswith(_CHECKING_BIG):
            return
        now, then = self._status_until_checked
        self._status_until_checked = None
        if self.status.text() == now:
            self._say_counted(then())

    def _say_counted(self, text: str) -> None:
        """Say ``text``, a message that gives the number of problems (``_problem_count``), in the
        status bar until that number changes (see :meth:`_show_problems`).

        Why: "the problems are up to date now (2 problems)" stayed on after later edits had
        made them 5, beside a Problems dock that said so.
        """
        self.status.setText(text)
        self._counts_said = (self.status.text(), self._problem_count())

    def _problem_count(self) -> str:
        """'2 problems', 'no problems': what the Problems list shows now, for a status message."""
        from ..core.wording import counted

        n = len(self._all_problems())
        return counted(n, "problem") if n else "no problems"

    def _clean_changed(self, clean: bool) -> None:
        """Undo back to the saved state: the recovery copy kept of the undone edits goes. Why: it
        would otherwise outlive a normal quit (nothing unsaved, so nothing asked) and the next
        start would offer the undone edits back as work "closed without saving". The first change
        after a save takes the save's message off the status bar."""
        if clean and self.editor is not None and self.sender() is self.editor.undo_stack:
            if not self._restore_undone():
                self._forget_recovery()
        if not clean and self._save_said and self.status.text() == self._save_said:
            # "Saved 3 files" stayed on through the edits made after it, beside a title saying
            # there were unsaved changes again.
            self.status.setText("")
        self._save_said = ""

    def _restore_undone(self) -> bool:
        """Whether the step that restored work kept from a crash is undone but still there to
        redo. Why it matters: the package is then "clean" (as on disk), so closing asks nothing,
        and removing the recovery copy as for any undo back to the saved state lost that work
        for good. The copy stays until the work is saved or discarded: the next start offers it again."""
        stack = self.editor.undo_stack if self.editor is not None else None
        return stack is not None and any(
            getattr(stack.command(i), "restores_recovery", False) for i in range(stack.index(), stack.count())
        )

    def _stepping(self, command: QUndoCommand, redo: bool) -> None:
        """A step is about to be undone or redone: what the tree should show once it has been.

        Undo goes back to what was on show before the step (``shown_before``, noted when it was
        made) and notes what is on show now, after it, for a redo to come back to. Why: a redo that
        re-added a plugin left the tree on another one, and an undo that took away the plugin whose
        file was open fell back to the package overview (the file went before anything was noted).
        """
        if redo:
            self._reselect = getattr(command, "shown_after", None)
        else:
            shown = self._shown_in_tree()
            if shown is not None and not hasattr(command, "shown_after"):
                # (Noted once, at the first undo or just after the step was made (_note_shown_after): an
                # undo from elsewhere is now shown where it changed, and that other place is not the step's.)
                command.shown_after = shown
            self._reselect = getattr(command, "shown_before", None)
        self._step_text = self._text_before_step(self._reselect)

    def _text_before_step(self, reselect: tuple[object, str | None] | None) -> tuple[str, str] | None:
        """(file, its text now) of the file the step about to be undone or redone goes to, when that
        is a file other than the one on show; None otherwise.

        Why: the editor shows that file as it was left (the cursor at the top, say), and the line
        the step changed stayed out of sight; with its text before the step the editor can go
        there once it shows the file (see _show_step_change), as it does within one file.
        """
        data = reselect[0] if reselect is not None else None
        if not isinstance(data, tuple | list) or len(data) != 2 or data[0] != "file" or self.package is None:
            return None
        rel = data[1]
        if rel == self._file_on_show():
            return None  # (the editor on show follows the step itself: see show_replaced)
        try:
            return rel, self._shown_text(rel)
        except (OSError, KeyError, UnicodeDecodeError):
            return None

    def _show_step_change(self) -> None:
        """After an undo or redo that went to another file: the cursor to what it changed there."""
        step, self._step_text = self._step_text, None
        pane = self.source_pane
        if step is None or pane is None or self.stack.currentWidget() is not pane:
            return
        rel, before = step
        if pane.current_file() == rel:
            pane.editor.show_change(before)

    def _note_shown_after(self, command: QUndoCommand) -> None:
        """What the tree shows just after a new step (the plugin added, the icon made), for its redo.

        Called once the window has shown the step's outcome (a zero timer): a step made while the
        tree showed one thing (Plugin ▸ New Icon on a plugin) goes on to show another (the new icon)."""
        stack = self.editor.undo_stack if self.editor is not None else None
        if stack is None or stack.index() == 0 or stack.command(stack.index() - 1) is not command:
            return  # undone meanwhile (the undo noted it), or another package
        shown = self._shown_in_tree()
        if shown is not None and not hasattr(command, "shown_after"):
            command.shown_after = shown

    def _go_to_step_place(self) -> None:
        """After an undo or redo: the tree goes to what was on show on that side of the step (see
        _stepping), when it is not on show already (the keyboard stays where it is then).

        Why: undo of an edit in another plugin's form, or redo of a new icon from another plugin,
        left that other page on screen, and only the status bar said what had changed, and where."""
        reselect = self._reselect
        root = self.tree.topLevelItem(0) if self.tree.topLevelItemCount() == 1 else None
        if reselect is None or root is None:
            return
        data, key = reselect
        if key is not None:
            if key not in self._tree_keys:
                return  # (a plugin the tree does not list yet: _fill_tree goes to it)
            data = ("plugin", self._tree_keys.index(key))
        item = self._find_tree_item(root, data)
        if item is None:
            return  # a file the tree does not list yet (a new icon brought back): _fill_tree goes to it
        self._reselect = None
        if item is not self.tree.currentItem():
            self.tree.setCurrentItem(item)

    def _shown_in_tree(self) -> tuple[object, str | None] | None:
        """(tree item data, plugin key) of the tree's current item, for the tree to come back to
        after an undo or redo (see _stepping, _fill_tree); None with nothing selected."""
        current = self.tree.currentItem()
        if current is None:
            return None
        return current.data(0, Qt.ItemDataRole.UserRole), current.data(0, _PLUGIN_KEY)

    def _undo_moved(self, index: int) -> None:
        """Undo and redo say what they did: the change may be in a file that is not on show."""
        stack = self.editor.undo_stack
        if self.sender() is not stack:
            return  # the stack of a package no longer open (its panes are on their way out)
        last, upcoming = self._undo_seen
        if index < last:
            self._keep_aside_soon()
        redone = index > last and upcoming is not None and stack.command(last) is upcoming
        if index < last and index < stack.count():  # (not a step that changed nothing, dropped)
            # Several at once (a click in the Undo history) are said as several: "Undone: X" named
            # only the earliest of them, as if nothing else had gone.
            if last - index == 1 and getattr(stack.command(index), "restores_recovery", False):
                self.status.setText(
                    f"Undone: {stack.text(index)}. They are still kept aside: Redo (Ctrl+Shift+Z) brings "
                    "them back, and the next start offers them again, until you save, discard them or make "
                    "another change (which takes the place of them, as for any undone step)."
                )
            elif last - index == 1:
                self.status.setText(f"Undone: {stack.text(index)}")
            elif index == 0:
                self.status.setText(f"Undone {last} steps: back to the package as it was opened")
            else:
                self.status.setText(f"Undone {last - index} steps: back to just after {stack.text(index - 1)}")
        elif redone:
            # The step that was next to redo is still there: a redo. An edit after undos replaces
            # it, and the count may be the same (undo twice, redo, edit), which said "Redone".
            done = stack.text(index - 1)
            self.status.setText(
                f"Redone: {done}" if index - last == 1 else f"Redone {index - last} steps, up to {done}"
            )
            self._keep_aside_soon()
        elif index == last + 1:  # a new step: what the tree showed before it, for its undo
            shown = self._shown_in_tree()
            if shown is not None:
                stack.command(index - 1).shown_before = shown
            QTimer.singleShot(0, self, partial(self._note_shown_after, stack.command(index - 1)))
            if stack.command(index - 1).id() == -1:
                # A change made in one go (a fix, a new id, a plugin added or removed; not typing,
                # which goes on): kept aside as soon as the window is idle again, not half a second
                # later. Why: a crash at once, perhaps caused by the change itself, lost it.
                self._keep_aside_soon(0)
        if self.source_pane is not None:
            # The cursor to the text an undo or redo changed in the editor on show (not the icon
            # editor's XML, whose cursor selects a shape on the canvas).
            on_show = self.stack.currentWidget() is self.source_pane
            self.source_pane.editor.show_replaced(on_show and (index < last or redone))
        self._undo_seen = (index, stack.command(index) if index < stack.count() else None)
        if self.package is not None and [p.key for p in self.package.plugins] != self._tree_keys:
            # A step (its undo, its redo) added, removed or moved a plugin: the tree's rows name
            # plugins by their place, and left as they were until the checks ran again, the row
            # highlighted was another plugin than the form's (Plugin ▸ Remove took the form's), and
            # a row of a plugin gone (a Fix removed its entry) raised IndexError when chosen. Here,
            # once a new step has noted what the tree showed before it (for its undo).
            self._fill_tree()
        if index < last or redone:
            self._go_to_step_place()
            if self._reselect is not None:
                self._fill_tree()  # (its place is a file the step brought back, not listed yet)
            self._show_step_change()
        self._step_text = None

    def _model_changed(self) -> None:
        shown = self._file_on_show()
        if shown and not self.package.exists(shown):
            self._fill_tree()  # an undo removed the file on show: the tree moves to what is left
        # The plugin page re-reads the model when it is shown (_show_item), so a hidden one waits.
        if self.plugin_page is not None and self.stack.currentWidget() is self.plugin_page:
            self.plugin_page.refresh()
        self._sync_file_views()
        self._check_soon()
        self._keep_aside_soon()
        if self.export_dock is not None:
            self.export_pane.package_edited()
        if self.preview_dock is not None and self.preview_dock.isVisible():
            self.preview_pane.refresh()
        elif self.preview_dock is not None:
            self.preview_pane.forget_edited_crashes()

    # -- source editor ----------------------------------------------------------------------
    @property
    def source_editor(self) -> SourceEditor:
        return self._ensure_source_pane().editor

    def _ensure_source_pane(self) -> SourcePane:
        if self.source_pane is None:
            from .panes.source_editor import SourcePane

            self.source_pane = SourcePane()
            self.source_pane.editor.sig_edited.connect(self._source_edited)
            # (through a lambda, as the plugin page's: see _ensure_plugin_page)
            self.source_pane.editor.sig_said.connect(lambda text: self.status.setText(text))
            self.source_pane.editor.before_edit = self._take_typing
            self.source_pane.editor.snippet_values = self._snippet_values
            self.source_pane.editor.sig_undo.connect(
                lambda redo: (self.undo_group.redo if redo else self.undo_group.undo)()
            )
            self.stack.addWidget(self.source_pane)
        return self.source_pane

    def _snippet_values(self) -> dict[str, str]:
        """What the snippets fill in for the plugin whose source is on show: its id, its first
        item's action and icon. Why: ``iife`` and ``register`` wrote ``id: 'my-plugin'`` and
        ``onClick: onClick`` into a plugin with another id and action, so it did not load."""
        from ..core.snippets import plugin_values

        rel = self.source_editor.documentTitle()
        for plugin in self.package.plugins if self.package is not None else ():
            if plugin.package is not None and plugin.source_path == rel:
                items = ((mi.action, mi.icon) for _section, _i, mi in plugin.package.items())
                return plugin_values(plugin.package.id, items)
        return {}

    def _show_source(self, rel: str, text: str) -> None:
        """A .js/.json/.svg file in the editor; JSON files the forms write are shown read-only."""
        assert self.package is not None
        pane = self._ensure_source_pane()
        if not self.package.files.writable:
            note = "This ZIP is read-only: File ▸ Import ZIP into a Folder… makes an editable copy."
        elif rel in self.package.modelled_files():
            note = "This file is written from the forms: select the plugin (or the package) to change it."
        else:
            note = ""
        svg = rel.lower().endswith(".svg") and self.editor is not None
        if not svg:
            # Shown before its text goes in: a hidden page keeps the size it had (or none), and Qt
            # lays out the lines on screen at that width only to lay them out again when it is shown;
            # on a 5 MB minified line that first layout was a second of the stall of opening it.
            if self.stack.indexOf(pane) == -1:
                self.stack.addWidget(pane)  # back from the icon editor, which had it on loan
            self.stack.setCurrentWidget(pane)
        pane.show_file(rel, text, read_only=bool(note), note=note)
        if svg:
            icons = self._ensure_icon_pane()
            icons.attach_xml(pane)
            icons.show_file(self.editor, rel, read_only=bool(note))
            self.stack.setCurrentWidget(icons)
        self._show_source_markers()
        self._watch(rel)
        if self.editor is not None and self.package.root is not None and self.editor.changed_elsewhere([rel]):
            # Changed by another program while it was not on show (nothing watched it then).
            self._file_changed_on_disk(str(self.package.root / rel))

    def _ensure_icon_pane(self) -> IconEditorPane:
        """The icon editor, made when the first SVG is shown (it loads QtSvg and lxml)."""
        if self.icon_pane is None:
            from .panes.icon_editor import IconEditorPane

            self.icon_pane = IconEditorPane(lambda: self.editor)
            self.icon_pane.sig_open_file.connect(self.show_file)
            self.stack.addWidget(self.icon_pane)
        return self.icon_pane

    def file_view(self) -> QPlainTextEdit:
        """The read-only view (objectName ``fileView``) of files no editor pane edits.

        Files are shown as plain text: line N is block N-1, so a problem can point at it. Made
        when first needed: its fixed-width font is the first QFont the window would name, and
        PySide builds QFont's enums (about 1 ms) when a module first does.
        """
        if self._file_view is None:
            from PySide6.QtGui import QFontDatabase

            from .focus_ring import ring_focus

            view = QPlainTextEdit(objectName="fileView", readOnly=True)
            ring_focus([view], self)  # read-only: no caret shows where the keyboard is
            view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
            view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
            self.stack.addWidget(view)
            self._file_view = view
        return self._file_view

    def _sync_file_views(self) -> None:
        """The editor (and, for an SVG, the canvas) show the file on show as the model has it."""
        self._sync_source()
        if self.icon_pane is not None and self.stack.currentWidget() is self.icon_pane:
            self.icon_pane.refresh()

    def _file_on_show(self) -> str:
        """The file the editor stack shows (source or icon editor), else ''."""
        if self.source_pane is not None and self.stack.currentWidget() in (self.source_pane, self.icon_pane):
            return self.source_pane.current_file()
        return ""

    def show_file(self, rel: str) -> None:
        """Select ``rel`` in the tree (a file just added by an edit) and show it.

        An icon drawn from the form (*New icon ▾ ▸ Draw a new icon…*) opens with the keyboard on
        its canvas, ready to draw: the form's button went out of sight and the keyboard fell into
        the XML beside the canvas, where the tools' letters (R, E, …) were typed into the file.
        """
        from_form = self.plugin_page is not None and self.plugin_page.isAncestorOf(self.focusWidget())
        if rel.lower().endswith(".svg"):
            self._say_icon_added(rel)
        else:
            self.status.setText(f"Added {rel} (not saved yet: Ctrl+S writes it into the project).")
        self._fill_tree()
        item = self._find_tree_item(self.tree.topLevelItem(0), ("file", rel))
        if item is not None:
            self.tree.setCurrentItem(item)
        if from_form and self.icon_pane is not None and self.stack.currentWidget() is self.icon_pane:
            self.icon_pane.canvas.setFocus(Qt.FocusReason.OtherFocusReason)
        self._check_soon()

    def _say_icon_added(self, rel: str) -> None:
        """The status bar names an icon just added, wherever it came from (the form's *New icon ▾*,
        the Plugin menu, the icon editor, a dropped SVG). Why: a built-in or imported icon chosen
        in the form went into the project with no word of it, while other changes are said there."""
        name = rel.rsplit("/", 1)[-1]
        owner = next(
            (p.display_name for p in self.package.plugins if p.folder and rel.startswith(p.folder + "/")), None
        )
        to = f" to '{owner}'" if owner else ""
        self.status.setText(f"Added icon {name}{to}. Not saved yet: Ctrl+S writes it into the project.")

    # -- files changed by other programs --------------------------------------------------------
    def _watch(self, rel: str, also: bool = False) -> None:
        """Watch the file on show in the editor, so a change made by another program is noticed.
        ``also``: keep watching the files watched before (the plugin form's package file, watched
        beside the file last shown in the editor, whose changes are still told apart from it)."""
        root = self.package.root if self.package is not None else None
        if root is None:
            return
        if self._watcher is None:
            from PySide6.QtCore import QFileSystemWatcher

            self._watcher = QFileSystemWatcher(self)
            self._watcher.fileChanged.connect(self._file_changed_on_disk)
        if self._watcher.files() and not also:
            self._watcher.removePaths(self._watcher.files())
        path = root / rel
        try:
            if path.exists():
                self._watcher.addPath(str(path))
        except OSError:  # a name the file system refuses (too long): nothing there to watch
            pass

    def _file_changed_on_disk(self, path: str) -> None:
        """Another program changed the file on show: reload it, asking first if it has unsaved edits."""
        from PySide6.QtWidgets import QMessageBox

        pane, pkg = self.source_pane, self.package
        form_file = self._package_file_on_show()
        if form_file and pkg is not None and pkg.root is not None and Path(path) == pkg.root / form_file:
            self._package_file_changed(form_file)
            return
        if pane is None or pkg is None or pkg.root is None or not pane.current_file():
            return
        rel = pane.current_file()
        if Path(path) != pkg.root / rel:
            return
        self._rewatch(path)
        if Path(path).is_dir():
            # Another program put a folder where the file was: said now, not at the next Save
            # (which is refused then, the folder in the way), with nothing to read or reload.
            if rel in pkg.pending_texts and self.editor is not None and not self.editor.undo_stack.isClean():
                self.status.setText(
                    f"{rel} was replaced by a folder by another program; your unsaved version is kept, and "
                    "Save cannot write it there until that folder is moved away."
                )
            else:
                self.status.setText(f"{rel} was replaced by a folder by another program.")
                self._fill_tree()
                self._check_soon()  # (the Problems list said "none" while the file was gone)
            return
        if not Path(path).exists():
            if gone := self._project_folder_gone():
                self.status.setText(gone)
            elif rel in pkg.pending_texts:  # unsaved edits: kept, and Save writes the file again
                self.status.setText(
                    f"{rel} was deleted by another program; your unsaved version is kept{self._how_to_keep(rel)}."
                )
            else:
                self.status.setText(f"{rel} was deleted by another program.")
                self._fill_tree()
                self._check_soon()  # (the Problems list said "none" while the file was gone)
            return
        try:
            data = pkg.files.read_bytes(rel)
            on_disk = data.decode("utf-8")
        except OSError:
            return
        except UnicodeDecodeError:
            # Not text the editor can show: said, and checked. Why: the editor went on showing the
            # text from before under "no errors", while the file on disk (what an export takes)
            # was something else.
            kept = (
                "your unsaved version is kept (Save asks before writing it over that change)"
                if rel in pkg.pending_texts
                else "the editor still shows the text from before"
            )
            self.status.setText(
                f"{rel} was changed by another program, and is no longer UTF-8 text; {kept}. "
                "The Problems list says what is wrong with it."
            )
            self._check_soon()
            return
        if on_disk == pane.editor.text() or self._saved.get(rel) == data:
            # Our own save, or the same text. (The news of a save can come after keys typed on
            # during it: asked "changed by another program?", a Yes dropped those keystrokes.)
            return
        if rel in pkg.modelled_files():
            # Held by the forms' model, not as text: a text reload would leave the model (what
            # Save writes) as it was, and the next save put the old JSON back over the change.
            # Only while it is on show: the watcher still follows a file shown earlier, and the
            # export's own write of manifest.json read the project again "changed by another
            # program" (hidden, Save asks about such a change, and showing it reads it).
            if rel == self._file_on_show():
                QTimer.singleShot(0, self, lambda: self._modelled_file_changed(rel))
            return
        # Unsaved edits of this file: there is something of the user's to lose. (A pending text
        # left by undoing back to the saved state is none: the window is not modified.)
        unsaved = rel in pkg.pending_texts and self.editor is not None and not self.editor.undo_stack.isClean()
        if unsaved:
            if self._asking_disk == rel:
                # A second save by the other program while its first is asked about: no question on
                # top of that one, whose answer takes the file as it is then (Yes reads it again, No
                # keeps the user's version over it). Answered Yes, then No in the first, the user's
                # edits were not in the editor they chose to keep them in.
                return
            self._asking_disk = rel
            try:
                answer = QMessageBox.question(
                    self,
                    "File changed outside the designer",
                    # Said what Yes and No do: "Reload it ... or keep yours?" is no question to answer
                    # with them. No (keep) is the default: Enter pressed in passing reloaded over the edits.
                    f"{rel} was changed by another program, and you have unsaved changes to it here. "
                    "Reload it from the disk?\n\n"
                    "Yes: reload it; your changes to it are replaced (Ctrl+Z brings them back).\n"
                    "No: keep yours; saving overwrites the other program's change.",
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                    QMessageBox.StandardButton.No,
                )
            finally:
                self._asking_disk = ""
            if self.editor is None:
                return
            if answer != QMessageBox.StandardButton.Yes:
                self.editor.accept_disk(rel)
                self.status.setText(f"Kept your version of {rel}; saving will overwrite the other program's change.")
                return
            self.editor.edit(f"Reload {rel} from the disk", lambda p: p.pending_texts.pop(rel, None))
            self.editor.disk_base.pop(rel, None)
        elif self.editor is not None:
            # Reloaded as an undo step of its own: the steps before it were made on the old text,
            # and undoing one of them silently put the old text back over the other program's
            # change (and Save wrote it). Now the first Ctrl+Z says "Undo Reload …".
            clean = self.editor.undo_stack.isClean()
            pkg.pending_texts[rel] = pane.editor.text()  # the version the user had: what undo gives back
            self.editor.edit(f"Reload {rel} from the disk", lambda p: p.pending_texts.pop(rel, None))
            self.editor.disk_base.pop(rel, None)
            if clean:
                self.editor.undo_stack.setClean()  # the model is the disk again: nothing to save
        self.status.setText(f"Reloaded {rel}: it was changed by another program.")

    def _project_folder_gone(self) -> str:
        """What to say when another program deleted or moved the whole project folder; '' while it is there.

        Why: it was told as the file on show deleted, with "File ▸ Reload reads the project again
        without it" (or "Ctrl+S writes it again"), and both then failed: only Save As can keep the work.
        """
        from ..core.files import DirFiles

        files = self.package.files if self.package is not None else None
        if not isinstance(files, DirFiles) or files.root.is_dir():
            return ""
        folder = files.project if not files.project.is_dir() else files.root
        return (
            f"The project folder {_shown_path(folder)} was deleted or moved by another program; "
            "File ▸ Save As… saves what the window holds into a new folder."
        )

    def _rewatch(self, path: str) -> None:
        """After another program's change to ``path``: the package's list of files is stale now
        (a file added, replaced or deleted), and a file an atomic save replaced is watched anew."""
        self.package.files.invalidate()
        if Path(path).exists() and path not in self._watcher.files():
            self._watcher.addPath(path)

    def _package_file_on_show(self) -> str:
        """The package file of the plugin the form shows (watched while it is on show), else ''."""
        page, pkg = self.plugin_page, self.package
        if page is None or pkg is None or self.stack.currentWidget() is not page:
            return ""
        if not 0 <= page.index < len(pkg.plugins):
            return ""
        return pkg.plugins[page.index].package_path or ""

    def _package_file_changed(self, rel: str) -> None:
        """Another program deleted the package file of the plugin on show, or put a folder in its
        place: said at once, the form and any unsaved edits left as they are. Why: it was found
        out only at Save, which then refused ("a folder stands there") or made the file again.
        A change of its text is handled as one of a file the forms write on show in the editor
        (see _modelled_file_changed), the plugin shown again. Why: the form went on showing the
        old values, and an edit made on them had Save choose between it and the other change."""
        pkg = self.package
        path = pkg.root / rel
        self._rewatch(str(path))
        if path.is_file():
            index = self.plugin_page.index
            QTimer.singleShot(0, self, lambda: self._modelled_file_changed(rel, ("plugin", index)))
            return
        gone = self._project_folder_gone()
        if gone:
            self.status.setText(gone)
            return
        plugin = pkg.plugins[self.plugin_page.index]
        what = f"The package file of '{plugin.display_name}' ({rel})"
        unsaved = self.editor is not None and not self.editor.undo_stack.isClean()
        if path.is_dir():
            self.status.setText(
                f"{what} was replaced by a folder by another program; your unsaved changes are kept, and Save "
                "cannot write it there until that folder is moved away."
                if unsaved
                else f"{what} was replaced by a folder by another program. File ▸ Reload reads the project again."
            )
        elif unsaved:
            # (Save writes it again only with an edit of the user's in it: see save)
            again = "Ctrl+S writes it again" if self._edited_here([rel]) else "saving leaves it deleted"
            self.status.setText(f"{what} was deleted by another program; your unsaved changes are kept ({again}).")
        else:
            self.status.setText(
                f"{what} was deleted by another program. File ▸ Reload reads the project again without it."
            )

    def _how_to_keep(self, rel: str) -> str:
        """How the unsaved text of ``rel``, deleted by another program, can be written: Ctrl+S, or
        (its folder gone too, which Save does not make again) Save As.

        Why: "(Ctrl+S)" was said when the plugin's folder had been deleted or renamed, and Save then refused."""
        folder = posixpath.dirname(rel)
        if not folder or (self.package.root / folder).is_dir():
            return " (Ctrl+S)"
        return (
            f", but its folder {folder} is gone too: put it back and save, or File ▸ Save As… keeps it in a new folder"
        )

    def _edited_here(self, rels: list[str]) -> list[str]:
        """Those of ``rels`` a save would write with a change the user made in this window. (One
        pass over the model for all: a checkout in another program changes every file at once.)"""
        from ..core.model import pending_writes

        try:
            writes = pending_writes(self.package)
        except OSError:  # (Save says why it cannot)
            return list(rels)
        return [rel for rel in rels if rel in writes and not self.editor.not_edited_here(rel, writes[rel])]

    def _modelled_file_changed(self, rel: str, shown: tuple[str, object] | None = None) -> None:
        """Another program changed a file the forms write (settings.json, manifest.json, a
        plugin's package file). With nothing unsaved the project is read again, as File ▸ Reload
        does, and the file (or ``shown``, the tree's item on show: a plugin's form) shown again;
        with unsaved edits the model stays as it is and Save asks before writing over the other
        program's change (the file's disk base is left alone)."""
        pkg, editor = self.package, self.editor
        if pkg is None or editor is None or rel not in pkg.modelled_files():
            return  # another project by now
        try:
            data = pkg.files.read_bytes(rel)
            # The model says what the disk says (our own write: a save, an export), or the disk
            # holds our last save, whose news came after keys typed on since (in the form).
            if self._saved.get(rel) == data or self._shown_text(rel) == data.decode("utf-8"):
                return
        except (OSError, UnicodeDecodeError, KeyError):
            pass
        if not editor.undo_stack.isClean() or self._typing_in_fields() is not None:  # (reading it again drops them)
            self.status.setText(
                f"{rel} was changed by another program. Your unsaved changes are kept; saving asks "
                "before it writes over that change (File ▸ Reload reads it and drops them)."
            )
            return
        if not self.open_path(self._path, ask=False):
            return
        item = self._find_tree_item(self.tree.topLevelItem(0), shown or ("file", rel))
        if item is not None:
            self.tree.setCurrentItem(item)
        self.status.setText(f"Reloaded the project: {rel} was changed by another program.")

    def _file_words(self, rel: str) -> str:
        """A file as the step names of Edit ▸ Undo say it: "the code of 'Record'", "the icon
        rec.svg", "settings.json". Why: "Edit plugins/record/record.plugin.js" named a path the
        user never typed, where the tree and the form say the plugin's name."""
        name = rel.rsplit("/", 1)[-1]
        for plugin in self.package.plugins if self.package is not None else []:
            if plugin.source_path == rel:
                return f"the code of '{plugin.display_name}'"
        return f"the icon {name}" if name.lower().endswith(".svg") else name

    def _source_edited(self) -> None:
        """Typing in the editor: one undo step per run of keystrokes (they merge; Enter or moving the
        cursor starts a new run, see SourceEditor.typing_run); a command in the editor (Replace all,
        Toggle comment, Paste, ...) is a step of its own, named after it."""
        rel = self.source_pane.current_file() if self.source_pane is not None else ""
        if self.editor is None or not rel:
            return
        source = self.source_pane.editor
        label = source.edit_label  # None: typing (merged); else a command, a step of its own
        # A keystroke that merges into the typing before it: the text is read when the model is
        # (the checks after a pause, a save, an undo), not now (see ModelEditor.follow_typing).
        # Not in a file of mixed line endings: its text() compares with the one it gave last.
        if label is None and not source.mixed_endings():
            if self.editor.follow_typing(rel, source.text, merge_key=f"text/{rel}/{source.typing_run}"):
                self._typing_pkg = self.package
                return
        text = source.text()
        try:
            current = self.package.read_text(rel)
        except (OSError, KeyError, UnicodeDecodeError):
            current = None
        if text == current:
            return  # an edit that leaves the text as the model has it (a character typed over itself)

        self._typed_text = text  # the model now holds what the editor shows: _sync_source has nothing to do
        try:
            if label is None:
                self.editor.edit_text(
                    f"Edit {self._file_words(rel)}", rel, text, merge_key=f"text/{rel}/{source.typing_run}"
                )
            else:
                self.editor.edit_text(f"{label} in {self._file_words(rel)}", rel, text)
        finally:
            self._typed_text = None

    def _take_typing(self) -> None:
        """Typing whose text the model has not read yet (see _source_edited) is read now: the editor's
        text is about to change otherwise (a command, another file, the window closing)."""
        pkg, self._typing_pkg = self._typing_pkg, None
        if pkg is not None:
            pkg.take_deferred()

    def _shown_text(self, rel: str) -> str:
        """The text a file is shown with: as the model has it. For a file the forms write
        (settings.json, manifest.json, package files) that is what Save will write, not the disk's."""
        assert self.package is not None
        if rel in self.package.modelled_files():
            from ..core.model import pending_writes

            data = pending_writes(self.package).get(rel)
            if data is not None:
                return data.decode("utf-8")
        return self.package.read_editable_text(rel)

    def _sync_source(self) -> None:
        """After undo, redo or a fix: the editor shows the file as the model now has it.

        Only while it is on show: a hidden editor gets the model's text when it is shown again
        (``_show_source``), and rebuilding a form-written file on every keystroke in a form
        for an editor nobody sees would be work for nothing.
        """
        pane = self.source_pane
        rel = self._file_on_show()
        if pane is None or self.package is None or not rel:
            return
        if self.package.deferred_file() == rel:
            return  # typing the model reads from the editor (see _source_edited): it shows it already
        try:
            text = self._shown_text(rel)
        except (OSError, KeyError, UnicodeDecodeError):
            return
        if text is getattr(self, "_typed_text", None):
            return
        if text != pane.editor.text():
            pane.editor.replace_text(text)

    def _show_source_markers(self) -> None:
        from .panes.source_editor import Marker

        pane = self.source_pane
        if pane is None or not pane.current_file():
            return
        rel = pane.current_file()
        pane.editor.set_markers(
            [
                Marker(p.line, p.column, f"{p.code}: {p.message}", p.severity.value == "error")
                for p in self._all_problems()
                if p.file == rel and p.line > 0
            ]
        )

    def _opened_summary(self) -> str:
        """'Opened X: 3 plugins, 1 error, 2 warnings': the status line after opening, kept current
        by each check run, counting what the Problems dock lists (errors, warnings, notes).

        Why the warnings and notes too: "no errors" stayed on while edits filled the dock with
        warnings, and read as if the Problems list had nothing in it.

        A folder the designer may not write to (a read-only share or mount) is said here too. Why:
        nothing said so until Save, after all the work, was refused file by file."""
        from ..core.checks import unread_plugin_list
        from ..core.problems import Severity
        from ..core.wording import counted

        pkg = self.package
        assert pkg is not None
        severities = Counter(p.severity for p in self._all_problems())
        n_err = severities[Severity.ERROR]
        others = "".join(
            f", {counted(severities[severity], word)}"
            for severity, word in ((Severity.WARNING, "warning"), (Severity.INFO, "note"))
            if severities[severity]
        )
        # (Not "0 plugins" for a package whose plugins settings.json lists behind a slip, under a
        # misspelt name or not as a list: "settings.json cannot be read", "… has no plugin list …".)
        why = unread_plugin_list(pkg)
        plugins = f"settings.json {why}" if why is not None else counted(len(pkg.plugins), "plugin")
        return (
            f"Opened {_shown_place(pkg)}: {plugins}, "
            + (counted(n_err, "error") if n_err else "being checked…" if self._unchecked else "no errors")
            + others
            + ("" if pkg.files.writable else " — read-only ZIP: File ▸ Import ZIP into a Folder… to edit it")
            + (
                " — this folder is read-only here: Save will be refused (copy the project to a folder you can "
                "write to, and open that)"
                if pkg.root is not None and pkg.files.writable and not os.access(pkg.root, os.W_OK)
                else ""
            )
        )

    def _check_soon(self) -> None:
        """The package changed: the checks run after a pause (the timer is started again), and a
        result being worked out meanwhile on a worker, of the package as it was, is not shown."""
        self._checks_asked += 1
        self._recheck.start()

    def _run_checks(self, background: bool = False, big: list[bytes] | None = None) -> None:
        """Check the package now and show the problems, on this thread; ``background`` (after a
        pause in editing): on a worker when the last checks were slow (see background_checks.py),
        the problems shown when it is done, unless the package changed meanwhile. Big sources are
        parsed on a worker first (``big``: those, when the caller has just read them; else they
        are read here)."""
        if self.package is None or self.source_analysis is not None or self._closing:
            return  # a worker is parsing big sources: the checks run when it has finished
        if background and self.background_checks is not None:
            return  # its result is out of date now (see _check_soon): it checks again when done
        if self.editor is not None:
            self.editor.drop_unchanged_typing()
        from .source_analysis import SourceAnalysis, sources_to_parse

        # Not the texts a worker has just parsed: when the memo could not keep them all (more
        # than 16 MB of sources), the checks parse the rest here rather than start over forever.
        just_parsed, self._just_parsed = self._just_parsed, set()
        if big is None:
            big = sources_to_parse(self.package)
        big = [text for text in big if text not in just_parsed]
        if big:
            self.source_analysis = SourceAnalysis(big)
            self.source_analysis.finished.connect(self._source_analysis_done)
            if not self.status.text().startswith(_CHECKING_BIG):
                self._status_before_analysis = self.status.text()
            self.status.setText(_checking_big(len(big)))
            self.source_analysis.start()
            return
        from ..core.checks import run_checks
        from ..core.model import sync_documents
        from .background_checks import SLOW_CHECKS, BackgroundChecks

        sync_documents(self.package)  # the lines said are those of the text Save writes
        # A package with a source big enough to be parsed on a worker is checked on one too: its
        # checks took 0.3 s on this thread for a 100,000-line library (12,500 requests looked at).
        if background and (self._slow_checks or just_parsed):
            self.background_checks = BackgroundChecks(self.package, self._checks_asked)
            self.background_checks.finished.connect(self._checks_done)
            self.background_checks.start()
            return
        self._checks_asked += 1  # (a worker's result, of the package as it was before, is older)
        start = time.thread_time()
        problems = run_checks(self.package, in_window=True)
        self._slow_checks = time.thread_time() - start >= SLOW_CHECKS
        self._show_checked(problems)

    def _show_checked(self, problems: list[Problem]) -> None:
        """Show ``problems``, the checks' result for the package as it is now, in every view."""
        self.problems = problems
        self._checks_on_show = self._checks_asked
        self._unchecked = False
        self._show_problems()
        self._refresh_export()
        self._checks_shown()
        self._big_checked()

    def _checks_done(self) -> None:
        """A worker has checked the package: its problems are shown when nothing changed since it
        started; else the package is checked again (unless fresh problems are on show already, or
        the timer will check it after the pause)."""
        from .background_checks import SLOW_CHECKS

        worker, self.background_checks = self.background_checks, None
        if worker is None:
            return
        worker.wait()  # (it has emitted finished as its last act: a moment at most)
        worker.deleteLater()
        if self._closing:
            return
        if worker.pkg is not self.package:
            # Another package was opened meanwhile. Checked then, unless its big sources were parsed
            # while this worker ran: its checks, due then, waited for it (see _run_checks).
            if self._unchecked:
                self._run_checks(background=True)
            self._big_checked()
            return
        if worker.asked == self._checks_asked and worker.problems is not None:
            self._slow_checks = worker.seconds >= SLOW_CHECKS
            self._show_checked(worker.problems)
        elif self._checks_on_show != self._checks_asked and not self._recheck.isActive():
            # Changed meanwhile: checked again. When nothing changed, the checks raised on the
            # worker: they run here, where a fault shows as it always did.
            self._run_checks(background=worker.asked != self._checks_asked)
        self._big_checked()

    def _source_analysis_done(self) -> None:
        worker, self.source_analysis = self.source_analysis, None
        if worker is not None:
            self._just_parsed = set(worker.texts)
            worker.deleteLater()
        # On whatever the package holds now (edits made meanwhile included), on a worker too.
        self._run_checks(background=True)
        if self.plugin_page is not None:
            self.plugin_page.items.code_analysed()
        self._big_checked()

    def _big_checked(self) -> None:
        """The big sources are parsed and the package checked (on no worker any more): the status bar
        says again what it said before "Checking the big plugin source…"."""
        if (
            self.source_analysis is None
            and self.background_checks is None
            and self.status.text().startswith(_CHECKING_BIG)
        ):
            before = self._status_before_analysis  # (the summary of a project just opened: now checked)
            self.status.setText(self._opened_summary() if before.startswith("Opened ") else before)
            self._checks_shown()  # a message said while they were checked, now out of date

    def jump_to_problem(self, problem: Problem) -> None:
        """Double-click on a problem: the form field it is about, else the file at its line."""
        if self.package is None:
            return
        from .panes.problems_pane import outside_place

        outside = outside_place(self.package, problem.file)
        if outside is not None:
            # No place in the designer to go to (the tree shows webapp2/ only): where the file is,
            # said, rather than nothing happening, as if the row were broken.
            self.status.setText(
                f"{outside[1]} is beside webapp2/, not part of the package, so the designer does not show it; "
                f"the problem says what to do with it ({problem.code})."
            )
            return
        root = self.tree.topLevelItem(0)
        from ..core.plugins import problem_owner

        index = problem_owner(self.package, problem.plugin, problem.file, problem.pointer) if problem.plugin else None
        plugin = self.package.plugins[index] if index is not None else None
        in_form = plugin is not None and plugin.package is not None
        if in_form and problem.file == plugin.package_path and problem.pointer:
            self.tree.setCurrentItem(self._find_tree_item(root, ("plugin", index)))
            if self._ensure_plugin_page().focus_pointer(problem.pointer):
                return
        if in_form and problem.file == "settings.json" and problem.pointer.endswith("/enabled"):
            self.tree.setCurrentItem(self._find_tree_item(root, ("plugin", index)))
            self._ensure_plugin_page().focus_pointer("/enabled")
            return
        target = self._find_tree_item(root, ("file", problem.file))
        if target is None and index is not None:
            target = self._find_tree_item(root, ("plugin", index))
        if target is not None:
            self.tree.setCurrentItem(target)
            if target.data(0, Qt.ItemDataRole.UserRole)[0] == "file" and problem.line:
                self._show_line(problem.line, problem.column)

    def show_code(self, rel: str, line: int) -> None:
        """Show ``rel`` of the package at ``line`` (the form's "Show in the code": where the plugin's
        code sets an item's icon and label)."""
        target = self._find_tree_item(self.tree.topLevelItem(0), ("file", rel))
        if target is None:
            return
        self.tree.setCurrentItem(target)
        self._show_line(line)

    def _show_line(self, line: int, column: int = 0) -> None:
        """Show ``line`` (1-based) of the file on show, scrolled to: in the editor the cursor at
        ``column`` (1-based; 0: the line selected), else the line selected."""
        if self.source_pane is not None and self.stack.currentWidget() in (self.source_pane, self.icon_pane):
            self.source_pane.editor.show_place(line, column)
            self.source_pane.editor.setFocus()  # typing goes to the code, as a form problem focuses its field
            return
        view = self.file_view()
        block = view.document().findBlockByNumber(line - 1)
        if block.isValid():
            cursor = view.textCursor()
            cursor.setPosition(block.position())
            cursor.movePosition(cursor.MoveOperation.EndOfBlock, cursor.MoveMode.KeepAnchor)
            view.setTextCursor(cursor)
            view.centerCursor()

    # -- export ---------------------------------------------------------------------------
    def _right_docks_full_height(self) -> None:
        """Export and Preview (on the right) reach down to the status bar; Problems spans the rest.
        Under a full-width Problems dock, a laptop screen left "What changed" two lines tall."""
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)

    def _ensure_export_dock(self) -> None:
        """The Export dock, created the first time File > Export… shows it.

        Why not with the first package, hidden: the pane and the export code it loads (the ZIP
        writer, the code pages of old ZIP names) held some 0.6 MiB of a window that users who
        only fill in the forms never export from (bench/startup.py). Its View menu item comes
        with it, as the Preview's does.
        """
        if self.export_dock is not None:
            return
        from .panes.export_pane import ExportPane

        self.export_pane = ExportPane()
        self.export_pane.sig_wrote.connect(self._exported)
        self.export_pane.sig_show_problem.connect(self.jump_to_problem)
        self.export_pane.sig_import.connect(lambda: self.import_zip())
        self.export_pane.sig_deployed.connect(lambda text: self.status.setText(text))
        self.export_pane.may_export = self._save_before_export
        self._right_docks_full_height()
        dock = QDockWidget("Export", self)
        dock.setObjectName("exportDock")
        # Scrolled when the dock is shorter than the pane: on a laptop at 150 % with a large font
        # the introduction lost its last line and "previous: …" hid under the next row.
        dock.setWidget(_scrolled(self.export_pane, "exportScroll", sideways=False))
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        if self.preview_dock is not None:  # tabs, not stacked (see show_preview)
            self.tabifyDockWidget(self.preview_dock, dock)
        dock.hide()
        dock.visibilityChanged.connect(lambda visible: visible and self._refresh_export())
        self.export_dock = dock
        # Qt names the switch after the dock, with no Alt+letter ("Export"): the View menu's own
        # items have one, and a keyboard user could reach this one only with the arrows.
        dock.toggleViewAction().setText("&Export Pane")
        self.view_menu.addAction(dock.toggleViewAction())

    def _refresh_export(self) -> None:
        if self.export_dock is not None and self.export_dock.isVisible():
            # With the preview's crashes: a plugin that shows the Oops page must not be exported
            # under "no errors" (the CLI export, which runs no preview, cannot know of them).
            self.export_pane.set_package(self.package, self._all_problems(), checking=self._unchecked)

    def _side_dock_width(self, least: int, wish: int) -> int:
        """The width a dock opening at the side starts with: ``wish`` but at least ``least``, as
        long as the tree and the editor keep ``_EDITOR_ROOM`` (the dock's own minimum still holds).

        Why: 560 px of Export on a 1024 px screen left the plugin form under 300 px, every row of
        it wrapped; the dock is as useful 100 px narrower, and can be widened by hand.
        """
        return min(max(least, wish), self.width() - _EDITOR_ROOM)

    def show_export(self) -> None:
        """File > Export…: show the Export dock with the package's export plan."""
        if self.package is None:
            return
        self._ensure_export_dock()
        assert self.export_dock is not None
        if self.export_dock.isVisible():
            self._refresh_export()
        else:
            self.export_dock.show()  # visibilityChanged refreshes it
            self.resizeDocks(
                [self.export_dock], [self._side_dock_width(560, self.width() // 2 - 100)], Qt.Orientation.Horizontal
            )
        self.export_dock.raise_()
        # The keyboard goes with the user's request (a dock is not in the Tab order): to the button,
        # or, while errors block it, to the first field.
        pane = self.export_pane
        (pane.export_button if pane.export_button.isEnabled() else pane.branding_edit).setFocus(
            Qt.FocusReason.ShortcutFocusReason
        )

    # -- preview --------------------------------------------------------------------------
    def show_preview(self) -> None:
        """View > Preview: the mock meeting dock (QtWebEngine is imported here, not at start-up)."""
        if self.package is None:
            return
        if self.preview_dock is None:
            from .preview import PreviewPane

            self.preview_pane = PreviewPane()
            self.preview_pane.sig_problems.connect(self._preview_problems_changed)
            self.preview_pane.sig_jump.connect(self.jump_to_problem)
            self._right_docks_full_height()
            dock = QDockWidget("Preview", self)
            dock.setObjectName("previewDock")
            dock.setWidget(self.preview_pane)
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            if self.export_dock is not None:  # tabs, not stacked: both together outgrow a laptop screen
                self.tabifyDockWidget(self.export_dock, dock)
            dock.visibilityChanged.connect(lambda visible: visible and self.preview_pane.refresh())
            self.preview_dock = dock
            # Not "Preview" a second time under View ▸ Preview (Ctrl+Shift+P): a screen reader read
            # two items alike, and only the first had an Alt+letter (see the Export Pane's).
            dock.toggleViewAction().setText("Preview Pa&ne")
            self.view_menu.addAction(dock.toggleViewAction())
            self.preview_pane.set_package(self.package)
        self.preview_dock.show()
        self.preview_dock.raise_()
        self.preview_pane.role.setFocus(Qt.FocusReason.ShortcutFocusReason)  # first control: who is watching
        self.resizeDocks(
            [self.preview_dock], [self._side_dock_width(640, self.width() // 2)], Qt.Orientation.Horizontal
        )

    def _preview_problems_changed(self, problems: list[Problem]) -> None:
        """The preview caught a crash (or restarted): the Problems dock shows it with the checks'."""
        if list(problems) == self.preview_problems:
            return  # the same again (a restart with nothing caught yet, twice)
        self.preview_problems = list(problems)
        self._show_problems()
        self._refresh_export()

    def _save_before_export(self) -> bool:
        """The export writes what it uploads into the project too: unsaved edits are saved first,
        with the user's say-so, never silently."""
        self._commit_typing()
        if self.editor is None or self.editor.undo_stack.isClean():
            if self.editor is not None and not self._read_changes_made_elsewhere():
                return False
            self._before_export = self.editor.texts_a_save_changes() if self.editor is not None else {}
            return True
        from PySide6.QtWidgets import QMessageBox  # (not before: each project opened asks here)

        answer = QMessageBox.question(
            self,
            "Save before exporting?",
            "The export is made from the saved project, and writes the new brandingID into it.\n\n"
            "Save your changes first? (Undo can still take them back afterwards.)",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Save or not self.save():
            return False
        self._before_export = self.editor.texts_a_save_changes()
        return True

    def _read_changes_made_elsewhere(self) -> bool:
        """With nothing unsaved, before an export: the files the forms write (settings.json,
        manifest.json, package files) that another program changed since the window read them (another
        window's save or export, ``check --fix``, a text editor) are read again first, the project
        with them. False when it can no longer be opened.

        Why: the export writes those files from the window's model, and wrote its older copy over
        the other change, in the project and in the ZIP, without a word (only the file on show
        is watched). With unsaved edits, the save before the export asks about such files.
        """
        changed, gone = self._modelled_changes()
        if not changed:
            return True
        said = self._changed_words(changed, gone)  # (before: the project read again has read them so)
        if not self._read_again_keeping_place():
            return False
        self._read_before_export = f" (read again first: {said})"
        return True

    def _exported(self, result: ExportResult) -> None:
        """The export wrote the package (and the new brandingID) into the project: the model takes
        what it wrote, and the window goes on where the user was.

        Why not open the project again, as it did: that emptied the undo history (the README says
        Undo goes on past a save), and lost the selection, the file on show and its scroll position.
        """
        if self.editor is None or self.package is not result.plan.pkg:
            return  # (a package no longer open: nothing of it is on show)
        self.editor.took_export(result, self._before_export)
        self._before_export = {}
        self._forget_recovery()
        self._sync_file_views()  # manifest.json on show: its new number
        if self.stack.currentWidget() is self.details:
            bar = self.details.verticalScrollBar()
            at = bar.value()
            self._show_item(self.tree.currentItem())  # the project page's upload number
            bar.setValue(at)
        self._check_soon()
        if self.preview_dock is not None and self.preview_dock.isVisible():
            self.preview_pane.refresh()
        self.status.setText(f"Exported {_shown_path(str(result.path))}{self._read_before_export}")
        self._read_before_export = ""

    # -- whole plugins ----------------------------------------------------------------------
    def _tree_menu(self, pos: QPoint) -> None:
        """Right-click (or the Menu key) on the project tree: the Plugin menu, for the item under the
        pointer, chosen first as a click chooses it.

        Why: the tree had no menu at all; Duplicate, Remove, Move and the icons were in the menu bar
        alone, where a user who right-clicks a plugin, as in any file list, did not look.
        """
        item = self.tree.itemAt(pos)
        if item is not None and item is not self.tree.currentItem():
            self.tree.setCurrentItem(item)
        if self.package is None:
            return
        self.finish_menus()
        self._menus["plugin"].popup(viewport_of(self.tree).mapToGlobal(pos))

    def selected_plugin(self) -> int | None:
        """Index of the plugin selected in the tree (or owning the selected file)."""
        item = self.tree.currentItem()
        while item is not None:
            data = item.data(0, Qt.ItemDataRole.UserRole)
            if data and data[0] == "plugin":
                return data[1]
            item = item.parent()
        return None

    def _update_plugin_actions(self) -> None:
        writable = self.package is not None and self.package.files.writable
        index = self.selected_plugin()
        count = len(self.package.plugins) if self.package is not None else 0
        self.finish_menus()
        self.plugin_actions["add"].setEnabled(writable)
        self.plugin_actions["recipe"].setEnabled(writable)
        for key in ("duplicate", "remove", "new_icon", "builtin_icon", "import_svg"):
            self.plugin_actions[key].setEnabled(writable and index is not None)
        self.plugin_actions["up"].setEnabled(writable and index is not None and index > 0)
        self.plugin_actions["down"].setEnabled(writable and index is not None and index < count - 1)

    def _icon_adder(self):
        """New, built-in and imported icons for the selected plugin (see panes/icon_sources.py)."""
        return self._ensure_icon_pane().adder

    def _after_plugin_edit(self, select: int | None) -> None:
        self._recheck.stop()
        self._run_checks()
        if select is not None:
            item = self._find_tree_item(self.tree.topLevelItem(0), ("plugin", select))
            if item is not None:
                self.tree.setCurrentItem(item)

    def _may_add_plugins(self) -> bool:
        """Say why no plugin can be added now (settings.json unreadable), before asking for a name.

        A plugin list under a misspelt name (PD207) has its fix on a button here: the user who
        wanted a plugin added gets the list renamed (one undo step) and goes on to name the new
        plugin, rather than being sent to look for the fix in Problems first.
        """
        from PySide6.QtWidgets import QMessageBox

        from ..core.jstext import shortened
        from ..core.plugins import cannot_add_plugins, misspelt_key
        from ..core.problems import Fix

        if self.package is None:
            return True
        reason = cannot_add_plugins(self.package)
        if reason is None:
            return True
        key = misspelt_key(self.package)
        if key is None:
            QMessageBox.information(self, "A plugin cannot be added now", reason)
            return False
        box = QMessageBox(QMessageBox.Icon.Information, "A plugin cannot be added now", reason, parent=self)
        box.setObjectName("cannotAddPluginBox")
        # (PD207's own Fix, as its button in Problems applies it; the same made here when the
        # checks have not run since the file changed)
        fix = next(
            (p.fix for p in self._all_problems() if p.code == "PD207" and p.fix is not None),
            Fix("rename-settings-key", f"Rename '{shortened(key)}' to 'plugins'", {"key": key}),
        )
        # Made here, not by addButton with a text: kept through the box's run, a button Qt made
        # could be held through a Python object PySide marks deleted meanwhile (see HeldViewport),
        # and the click was then taken for Cancel.
        rename = QPushButton(fix.title + " and go on", objectName="renamePluginListButton")
        box.addButton(rename, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(rename)
        box.exec()
        if box.clickedButton() is not rename:
            return False
        self.apply_fix(fix)
        return cannot_add_plugins(self.package) is None

    def add_plugin(self) -> None:
        """Plugin > Add Plugin…: a working toolbar plugin with the name the user types."""
        from PySide6.QtWidgets import QInputDialog

        from ..core.jstext import one_line
        from ..core.plugins import add_plugin, unused_name

        if self.editor is None or not self._may_add_plugins():
            return
        offered = unused_name(self.package, "My plugin")
        name, ok = QInputDialog.getText(self, "Add a plugin", "What should the plugin be called?", text=offered)
        name = one_line(name.strip())  # a pasted line break: a space, as the plugin's form makes it
        if not ok or not name:
            return
        self.editor.edit(f"Add plugin '{name}'", lambda pkg: add_plugin(pkg, name))
        self._after_plugin_edit(len(self.package.plugins) - 1)
        self.status.setText(f"Added '{name}'. Not saved yet: Ctrl+S writes it into the project.")

    def add_plugin_from_recipe(self) -> None:
        """Plugin > Add Plugin from Recipe…: the recipe wizard; Finish is one undoable step."""
        from .panes.recipe_wizard import RecipeWizard

        if self.editor is None or not self._may_add_plugins():
            return
        wizard = RecipeWizard(self.package, self.editor, self)
        self._recipe_wizard = wizard
        try:
            if wizard.exec() and wizard.added_index is not None:
                self._after_plugin_edit(wizard.added_index)
                name = self.package.plugins[wizard.added_index].display_name
                self.status.setText(f"Added '{name}'. Not saved yet: Ctrl+S writes it into the project.")
        finally:
            self._recipe_wizard = None
            # A child of the window: kept, with its pages and the package it was for, until the
            # window closed, one more each time the wizard was opened.
            wizard.deleteLater()

    def duplicate_plugin(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from ..core.plugins import duplicate_plugin

        index = self.selected_plugin()
        if self.editor is None or index is None:
            return
        name = self.package.plugins[index].display_name
        try:
            self.editor.edit(f"Duplicate plugin '{name}'", lambda pkg: duplicate_plugin(pkg, index))
        except ValueError as exc:
            QMessageBox.warning(self, "Cannot duplicate", str(exc))
            return
        self._after_plugin_edit(len(self.package.plugins) - 1)

    def remove_plugin(self) -> None:
        from ..core.plugins import remove_plugin

        index = self.selected_plugin()
        if self.editor is None or index is None:
            return
        name = self.package.plugins[index].display_name
        self.editor.edit(f"Remove plugin '{name}'", lambda pkg: remove_plugin(pkg, index))
        self._after_plugin_edit(min(index, len(self.package.plugins) - 1) if self.package.plugins else None)
        self.status.setText(
            f"Removed '{name}'. Undo with Ctrl+Z; on save its files go to the project's .plugin-designer/trash folder."
        )

    def move_plugin(self, delta: int) -> None:
        from ..core.plugins import move_plugin

        index = self.selected_plugin()
        if self.editor is None or index is None:
            return
        name = self.package.plugins[index].display_name
        target = max(0, min(len(self.package.plugins) - 1, index + delta))
        if target == index:
            return
        self.editor.edit(
            f"Move plugin '{name}' {'up' if delta < 0 else 'down'}", lambda pkg: move_plugin(pkg, index, delta)
        )
        self._after_plugin_edit(target)

    # -- view -----------------------------------------------------------------------------
    def set_appearance(self, choice: str) -> None:
        from .app import apply_appearance

        apply_appearance(choice)

    def show_history(self) -> None:
        """Edit > Undo History: every step with its description; clicking one goes back to it."""
        if self.history_dock is None:
            from PySide6.QtWidgets import QUndoView

            view = QUndoView(self.undo_group)
            view.setObjectName("undoHistory")
            view.setItemDelegate(IsolatingDelegate(view, quoted=True))  # "Add plugin 'إنهاء!'": see bidi
            view.setAccessibleName("Undo history")  # the dock's title is no name a screen reader gives the list
            view.setEmptyLabel("Opened")
            # Steps have long names ("Rename id of 'X' from 'a' to 'b' (package file, ...)"): wrapped
            # whole rather than cut at the dock's edge behind a sideways scroll bar.
            view.setWordWrap(True)
            view.setUniformItemSizes(False)
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            dock = QDockWidget("Undo history", self)
            dock.setObjectName("historyDock")
            dock.setWidget(view)
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            self.resizeDocks([dock], [300], Qt.Orientation.Horizontal)
            self.history_dock = dock
            # Only the title bar's cross closed it, which the keyboard never reaches: its switch
            # joins the View menu, with a letter of its own, as the Export Pane's does.
            dock.toggleViewAction().setText("Undo &History Pane")
            self.view_menu.addAction(dock.toggleViewAction())
        self.history_dock.show()
        self.history_dock.raise_()
        # The keyboard goes with the request, as for Go to Problems (a dock is not where Tab
        # leads from the tree): Up and Down then go back and forth through the steps.
        self.history_dock.widget().setFocus(Qt.FocusReason.ShortcutFocusReason)


def _undo_action(group: QUndoGroup, redo: bool, parent: QObject) -> QAction:
    """The Edit menu's Undo (or Redo) of ``group``'s active stack, wired as Qt's ``createUndoAction``.

    Why made here: the action ``createUndoAction`` returns is one Qt made, so the Python object
    the text's update kept for it could be one PySide marks deleted later (see HeldViewport), and
    the menu then showed Qt's own text. And Qt puts the step's text after the prefix as it is, so
    the "&" of a name such as "Q&A" became an Alt+letter mark and the menu said "QA" (see
    :func:`_prefixed`).
    """
    prefix = "&Redo" if redo else "&Undo"
    action = QAction(prefix, parent, enabled=group.canRedo() if redo else group.canUndo())
    (group.canRedoChanged if redo else group.canUndoChanged).connect(action.setEnabled)
    _prefixed(action, prefix, group.redoText() if redo else group.undoText())
    text_changed = group.redoTextChanged if redo else group.undoTextChanged
    text_changed.connect(lambda text: _prefixed(action, prefix, text))
    action.triggered.connect(group.redo if redo else group.undo)
    return action


def _prefixed(action: QAction, prefix: str, text: str) -> None:
    """``prefix`` and an undo step's text as a menu shows it: the text's own "&" stays an "&"."""
    import shiboken6

    if not shiboken6.isValid(action):  # the window is going, its actions first (its stacks after)
        return
    action.setText(f"{prefix} {isolate_quoted(text).replace('&', '&&')}" if text else prefix)
