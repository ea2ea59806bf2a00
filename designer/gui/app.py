"""QApplication set-up and the two ways to start the GUI: a window, or a screenshot.

Why here: one place decides the application name (settings/recovery paths), the icon and the
style, so the interactive app, the ``screenshot`` command and the tests look the same.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

from ..gcpause import collector_paused
from .stored_settings import give_settings_back, store_setting

if TYPE_CHECKING:  # PySide makes a Qt class (and all its enums) when a module first names it
    from PySide6.QtGui import QIcon, QPalette

APP_NAME = "Plugin Designer"
ORG_NAME = "PluginDesigner"


def app_icon() -> QIcon:
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

    from ..core.resources import icons_dir

    icon = QIcon()
    for size in (16, 32, 48, 64, 128, 256):
        png = icons_dir() / "app" / f"plugin-designer-{size}.png"
        if png.exists():
            icon.addFile(str(png), QSize(size, size))
    svg = icons_dir() / "app" / "plugin-designer.svg"
    if icon.isNull() and svg.exists():
        icon.addFile(str(svg))
    return icon


# With their Alt+letters: View ▸ Appearance was the one submenu whose items the keyboard reached
# only with the arrows.
APPEARANCES = {"system": "Follow the &system", "light": "&Light", "dark": "&Dark"}


def apply_appearance(choice: str) -> None:
    """Light, dark, or whatever the OS says; remembered in QSettings.

    Why a palette as well as Qt's colour-scheme request: the request only works where the
    platform theme supports it (not on plain X11 desktops, nor offscreen), while an explicit
    Fusion palette gives the same light or dark look everywhere. "Follow the system" sets an
    empty palette, not Fusion's own: Fusion's is a light one with every colour set, which took
    the place of the system's, so on a dark desktop the window stayed light after Dark and then
    Follow the system, and no longer changed with the desktop.
    """
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QPalette

    app = QApplication.instance()
    hints = QGuiApplication.styleHints()
    if choice == "dark":
        from .check_edges import use_check_edges

        hints.setColorScheme(Qt.ColorScheme.Dark)
        use_check_edges(app)  # (before the palette: a new application style may set its own)
        app.setPalette(dark_palette())
    elif choice == "light":
        hints.setColorScheme(Qt.ColorScheme.Light)
        app.setPalette(light_palette(app))
    else:
        choice = "system"
        hints.unsetColorScheme()
        app.setPalette(QPalette())  # no colour of its own: each comes from the platform's theme
    store_setting("appearance", choice)


def light_palette(app: QApplication) -> QPalette:
    """Fusion's light colours, with a selection white text reads on.

    Why: Fusion's selection blue (#308cc6) under its white text is 3.7:1, less than the 4.5:1
    text needs: the selected row of the tree, of a list and selected code were hard to read.
    The same blue a shade deeper is 4.7:1 (and its focus rings 4:1 on the window).
    """
    from PySide6.QtGui import QColor, QPalette

    p = app.style().standardPalette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):  # (disabled: Fusion's grey)
        p.setColor(group, QPalette.ColorRole.Highlight, QColor("#2878b8"))
    return p


def dark_palette() -> QPalette:
    """Fusion's dark colours (the same roles Qt's own dark scheme sets)."""
    from PySide6.QtGui import QColor, QPalette

    p = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    colours = {
        role.Window: "#333333",
        role.WindowText: "#e6e6e6",
        role.Base: "#202020",
        role.AlternateBase: "#282828",
        role.ToolTipBase: "#3c3c3c",
        role.ToolTipText: "#f0f0f0",
        role.PlaceholderText: "#8c8c8c",
        role.Text: "#e6e6e6",
        role.Button: "#404040",
        role.ButtonText: "#e6e6e6",
        role.BrightText: "#ff6b6b",
        role.Light: "#4a4a4a",
        role.Midlight: "#3f3f3f",
        role.Mid: "#2a2a2a",
        role.Dark: "#1a1a1a",
        role.Shadow: "#000000",
        role.Highlight: "#3671d2",  # (#3d7bd9 was 4.2:1 under the white selected text)
        role.HighlightedText: "#ffffff",
        role.Link: "#7fb0ff",
        role.LinkVisited: "#c39bff",
    }
    for r, colour in colours.items():
        p.setColor(r, QColor(colour))
    for r in (role.WindowText, role.Text, role.ButtonText):
        p.setColor(group.Disabled, r, QColor("#7a7a7a"))
    return p


def saved_appearance() -> str:
    from PySide6.QtCore import QSettings

    value = QSettings().value("appearance", "system")
    return value if value in APPEARANCES else "system"


# The welcome screen's recent projects (in QSettings), most recent first.
RECENT_KEY = "recentProjects"
MAX_RECENT = 10


def recent_projects() -> list[str]:
    from PySide6.QtCore import QSettings

    value = QSettings().value(RECENT_KEY, [])
    if isinstance(value, str):  # QSettings gives a lone string for a one-item list on some back ends
        value = [value]
    return [str(v) for v in value or []]


def forget_project(path: str) -> None:
    """Take ``path`` off the recent projects (the folder or ZIP itself is not touched)."""
    store_setting(RECENT_KEY, [p for p in recent_projects() if p != path])


def remember_project(path: Path) -> None:
    """Put ``path`` first in the welcome screen's recent projects.

    Why here and not with the welcome screen: every project opened is remembered, while the
    welcome screen's module (its list and buttons, and their Qt classes) is loaded only when that
    screen is first shown.
    """
    from ..core.files import is_utf8

    text = str(path.resolve())
    if not is_utf8(text):
        # A folder name with a byte that is not UTF-8 (b"proj\xff"): the settings drop the byte,
        # and the entry led to another folder ("proj"), or to none. Such a folder is not listed.
        return
    # (an entry of its webapp2 folder, left by an earlier version, is the same project)
    items = [p for p in recent_projects() if p not in (text, str(Path(text) / "webapp2"))]
    store_setting(RECENT_KEY, [text, *items][:MAX_RECENT])


def make_app(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    with collector_paused():
        return _make_app(argv)


def _make_app(argv: list[str] | None) -> QApplication:
    from PySide6.QtCore import Qt  # here, under the paused collector: the namespace makes ~90 enums

    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    QApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    # The preview's Chromium (QtWebEngine, imported only when the preview opens, see gui/preview.py)
    # needs shared OpenGL contexts decided before the QApplication exists; the flag costs nothing.
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    # Fusion, the one built-in style that draws both light and dark schemes well, asked for on the
    # command line Qt parses: asking ``app.style()`` first would make PySide build QStyle's Python
    # enums (some 570 members, about 5 ms) before the window's first paint.
    args = list(argv if argv is not None else sys.argv[:1]) or ["plugin-designer"]
    app = QApplication([args[0], "-style", "Fusion", *args[1:]])
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName("plugin-designer")  # packaging/plugin-designer.desktop: the taskbar icon on Wayland
    if saved_appearance() != "system":
        apply_appearance(saved_appearance())
    return app


def start(path: str | None) -> QMainWindow:
    """Show the main window, then open ``path`` once it has painted.

    Why in that order: the window appears in about the time of a bare Qt window, and loading
    and checking the package (the core, lxml, tree-sitter) happens while the user already
    sees it saying "Opening …", instead of staring at nothing. The application icon is set in
    the same step: it lives in the title bar and the task bar, not in anything the window paints,
    and loading it (QIcon's class, the resource lookup, six PNG sizes) costs about 3 ms.
    """
    with collector_paused():
        from .main_window import MainWindow

        win = MainWindow(Path(path) if path else None, defer_menus=True)
    forget_module_sources()

    def after_first_paint() -> None:
        win.finish_menus()
        QApplication.setWindowIcon(app_icon())
        if path:
            win.open_path(Path(path))

    win.installEventFilter(_AfterFirstPaint(win, after_first_paint))
    # Where and as big as it was closed last time (kept by this window alone: not by the ones
    # tests and the screenshot command make).
    from .screen_fit import restore_place

    restore_place(win)
    win.remembers_place = True
    win.show()
    return win


def forget_module_sources() -> None:
    """Let go of the module sources PySide's import hook leaves in :mod:`linecache`.

    Why: PySide 6 reads the whole source of every module imported after it (``inspect.getsource``,
    to learn whether the module names PySide6 and so may switch ``__feature__`` options), and
    :mod:`linecache` keeps every line for the life of the process: about 4 MiB once a package is
    open, which nothing reads (a traceback reads its lines again). Called after each batch of
    imports: the window's, and when a package opens, the core's (before the package takes memory,
    which then reuses what the lines held) and the checks' (lxml, tree-sitter).
    """
    import linecache

    linecache.clearcache()


class _AfterFirstPaint(QObject):
    """Runs a function once, right after the window's first paint has been delivered.

    Why not ``QTimer.singleShot(0, ...)`` after ``show()``: a zero timer can fire before the
    platform's first expose, and the window would stay blank while the package loads.
    """

    def __init__(self, window: QMainWindow, then: Callable[[], object]) -> None:
        super().__init__(window)
        self._then = then

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and self._then is not None:
            then, self._then = self._then, None
            obj.removeEventFilter(self)
            QTimer.singleShot(0, then)
        return False


def run(path: str | None) -> int:
    """The interactive designer; 130 (as a shell says an interrupted command) after Ctrl+C, 128 + the
    signal after one that ended it from outside (143 for SIGTERM)."""
    from ..core.sudo import sudo_owner, use_sudo_users_folders

    owner = sudo_owner()
    if owner is not None:
        use_sudo_users_folders(owner)  # (before the settings and the crash copies are looked for)
    app = make_app()
    win = start(path)
    if owner is not None:
        say_run_through_sudo(win, owner)
    with ctrl_c_closes(win, then=app.quit) as interrupted, screen_loss_keeps_copy(win):
        code = app.exec()
    if owner is not None:
        give_back_after_sudo(win, owner)
    return 128 + interrupted[0] if interrupted else code


def say_run_through_sudo(win: QMainWindow, owner: tuple[int, int]) -> None:
    """Said once, in the terminal and the status bar: the designer runs as root for another user."""
    from ..core.sudo import sudo_note

    note = sudo_note(owner)
    with suppress(OSError):  # (no terminal any more)
        print(f"plugin-designer: {note}", file=sys.stderr)
    win.status.setText(note)


def give_back_after_sudo(win: QMainWindow, owner: tuple[int, int]) -> None:
    """What the designer made as root in the user's folders given back to them: the projects it
    opened (saved files, .plugin-designer), its settings and its user data (crash copies, the
    example's copy) where ``sudo -E`` kept the user's home (see :mod:`designer.core.sudo`)."""
    from ..core.resources import user_data
    from ..core.sudo import give_back, made_for_them

    give_settings_back(owner)
    for folder in {*win.opened_folders, user_data()}:
        give_back(made_for_them(folder, owner), owner)


@contextmanager
def ctrl_c_closes(win: QMainWindow, then: Callable[[], object] | None = None) -> Iterator[list[signal.Signals]]:
    """Ctrl+C in the terminal closes ``win`` as its close button does, then runs ``then``; the list
    it gives holds the signal once the window has closed so. SIGTERM (`kill PID`, a logout, a
    container stop) and SIGHUP (the terminal closed) do the same: they ended the designer at once,
    and the edits made since the last autosave were lost.

    Why: Python runs its Ctrl+C handler only when Python code runs, which in Qt's event loop may be
    never: Ctrl+C did nothing until the mouse moved over the window, and under `dev.sh open` it
    reached only the virtual screen (Xvfb), whose end the designer reported as "The X11 connection
    broke". A timer now runs a little Python every 0.2 s. Nobody may be at the window to answer
    "Save your changes?" (a virtual screen, a terminal in another room), so unsaved changes are
    kept in the recovery copy, which opening the project offers back, as after a crash. The close
    itself waits for the event loop: the handler may run in the middle of any Python code (a save).
    A close the window refuses (an upload running) is said in the terminal, and the designer stays.
    Left alone when Ctrl+C is not Python's own (ignored, as in a background job, or another handler).
    """
    from .ctrl_c import on_ctrl_c

    interrupted: list[signal.Signals] = []

    def close(signum: signal.Signals) -> None:
        win.keeps_unsaved_on_close = True
        try:
            closed = win.close()
        finally:
            win.keeps_unsaved_on_close = False
        if not closed:
            with suppress(OSError):  # (a terminal closed, SIGHUP, takes stderr with it)
                print(f"plugin-designer: not closing: {win.status.text()}", file=sys.stderr)
            return
        interrupted.append(signum)
        if then is not None:
            then()  # (the window may not have been the last one open: a question still on screen)

    def close_soon(signum: signal.Signals) -> None:
        QTimer.singleShot(0, lambda: close(signum))

    with on_ctrl_c(lambda: close_soon(signal.SIGINT), ended=close_soon):
        yield interrupted


@contextmanager
def screen_loss_keeps_copy(win: QMainWindow) -> Iterator[None]:
    """The recovery copy is written when the screen goes away (the X server or the Wayland compositor
    ended: xvfb-run stopped, an ``ssh -X`` connection dropped).

    Why: Qt then says "The X11 connection broke" and ends the process at once (``exit(1)``, no
    close, no Python after it), and the edits made since the last autosave (up to 2 s of typing)
    were lost. Its message is the one thing that runs before: the copy is written there, which
    needs files, not the screen. Every other message goes on as Qt would print it.
    """
    from PySide6.QtCore import qFormatLogMessage, qInstallMessageHandler

    def handler(mode: object, context: object, message: str) -> None:
        if previous is not None:
            previous(mode, context, message)
        else:
            with suppress(OSError):  # (no terminal any more)
                print(qFormatLogMessage(mode, context, message), file=sys.stderr)
        if "connection broke" in message and ("X11" in message or "Wayland" in message):
            win.autosave()  # (a full disk is said in its status bar, which nobody will see: nothing more to do)

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


def screenshot(
    path: str | None, output: Path, pane: str | None = None, size: str = "1280x800", as_json: bool = False
) -> int:
    """Render the window offscreen and save it as PNG (README images, tests).

    ``as_json``: the outcome as the other commands' ``--json`` give theirs (``ok``, the file written
    and its size in bytes, or ``error``), so a script need not parse "saved ...".
    """
    from ..cli import print_json

    def refuse(message: str) -> int:
        if as_json:
            print_json({"ok": False, "error": message})
        else:
            print(f"plugin-designer: {message}", file=sys.stderr)
        return 2

    from ..core.export import output_folder_refusal

    missing = output_folder_refusal(output, "PNG")  # (as export's -o: see there why not made)
    if missing is not None:
        return refuse(missing)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = make_app()
    from .main_window import MainWindow

    w, _, h = size.partition("x")
    win = MainWindow()
    win.remembers_projects = False  # a picture for a README is not a project the user opened
    win.offers_recovery = False  # (nobody could answer; the copy stays for when the user opens it)
    win.resize(int(w), int(h))
    if path and not win.open_path(Path(path)):
        message = win.status.text()
        win.close()
        return refuse(message)
    if pane:
        win.show_pane(pane)
    win.show()
    for _ in range(5):
        app.processEvents()
    if pane == "preview" and win.preview_dock is not None:
        _wait_for_preview(app, win)
    ok = win.grab().save(str(output))
    win.close()
    if not ok:
        return refuse(f"cannot write {output} (a PNG file name in a folder you may write to)")
    if as_json:
        print_json({"ok": True, "output": str(output), "size": output.stat().st_size})
    else:
        print(f"saved {output}")
    return 0


def _wait_for_preview(app: QApplication, win: QMainWindow, seconds: float = 15.0) -> None:
    """Until the preview's meeting has loaded the plugins (or ``seconds`` pass): Chromium starts
    and draws from the event loop, so a picture taken at once shows an empty meeting."""
    import time

    pane = win.preview_pane
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not any(e.get("step") == "load" for e in pane.events):
        app.processEvents()
        time.sleep(0.01)
    settle = time.monotonic() + 0.5  # its first frames
    while time.monotonic() < settle:
        app.processEvents()
        time.sleep(0.01)


# What Qt and Chromium say on every headless run, which a user would take for failures: the
# offscreen platform's "does not support" notes, no OpenGL (Chromium draws in software), no D-Bus.
_NOISE = (
    "This plugin does not support",
    "QRhiGles2: Failed",
    "Failed to create RHI",
    "GPUInfo not initialized",
    "Failed to connect to the bus",
)


def quiet_qt() -> None:
    """Headless commands (screenshot, simulate): keep Qt's messages but the known noise.

    Chromium's own log lines (D-Bus, GPU) go with its ``--log-level=3``; Qt's pass through a
    handler that drops the lines in :data:`_NOISE` and prints the rest as Qt would.
    """
    flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
    if "--log-level" not in flags:
        os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = (flags + " --log-level=3").strip()
    from PySide6.QtCore import qInstallMessageHandler

    def handler(_kind: object, _context: object, message: str) -> None:
        if not any(noise in message for noise in _NOISE):
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)
