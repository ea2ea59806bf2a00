"""The preview: a mock meeting screen in Chromium (QtWebEngine) running the plugins' real code.

Why Chromium and not drawn widgets: the plugins are browser JavaScript; only a browser runs
them as the app would, and the same page then also draws where their buttons land. The page
(``resources/preview/``) reports everything through ``console.debug('__PD__ {json}')``, which
:class:`PreviewPage` turns into :attr:`PreviewPage.sig_event`; the headless :func:`simulate`
and the dock :class:`PreviewPane` both build on that.

QtWebEngine is imported only when a preview is made (about 90 ms and 70 MB): the designer's
window paints as fast as before for everyone who never opens it. ``make_app`` sets the one
thing Chromium needs before the QApplication exists (``AA_ShareOpenGLContexts``).
"""

from __future__ import annotations

import html
import json
import os
import tempfile
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl

from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QIcon, QImage, QMouseEvent, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.wording import PLATFORM_NAMES
from .bidi import isolate_quoted, isolated
from .focus_ring import ring_focus
from .tones import is_dark
from .viewports import viewport_of

if TYPE_CHECKING:
    from collections.abc import Iterator

    from ..core.model import BrandingPackage
    from ..core.problems import Problem

MARKER = "__PD__ "
# The page's runtime and its drawing, by the names no plugin can take (see mock-pex.js): window.PD may be a plugin's own.
PAGE = "__pluginDesigner"
BASE_URL = "https://conference.invalid/webapp2/"  # never resolved: the page is given as HTML
MAX_INLINE = 1_500_000  # setHtml's limit is 2 MB; bigger pages go through a temporary file
_PAGE_HOST = QUrl(BASE_URL).host()  # the page's own (never resolved) address: not a request to stop
# The log's words when a restart joins you again, by how a plugin had taken you out (see PreviewPane.reload).
REJOIN_SAID = {
    "disconnected": "had disconnected you",
    "moved": "had moved you out of this meeting",
    "everyone": "had disconnected everyone, you too",
}
HUNG_AFTER_MS = 2000  # a page that does not answer a restart within this is busy for good (an endless loop)
FROZEN_AFTER_MS = HUNG_AFTER_MS // 2  # plugin code running this long is asked after; no answer within as long: frozen
# Plugin code still running this long is given up on (an endless loop); before, it may yet finish (slow, said so).
GIVE_UP_MS = 5000
# The log shows this many lines; the events behind them are kept up to twice as many (and every
# error, for the Problems dock). Why: a plugin logging on a timer all day filled memory without end.
LOG_LINES = 2000
ROLE_CHOICES = (("chair", "Host"), ("guest", "Guest"))
PLATFORM_CHOICES = tuple(PLATFORM_NAMES.items())  # the form's words ("Loads in")


# A page without a visible view counts as "in the background": Chromium would run its timers
# once a second, and the plugins' setTimeout calls with them.
_FLAGS = ("--disable-background-timer-throttling", "--disable-renderer-backgrounding")
_ROOT_FLAGS = ("--no-sandbox", "--disable-gpu")  # as root, Chromium's sandbox cannot start


def chromium_environment() -> None:
    """The Chromium command line, set before QtWebEngine starts Chromium (the first page)."""
    wanted = list(_FLAGS)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        wanted += _ROOT_FLAGS
    flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
    for flag in wanted:
        if flag not in flags.split():
            flags = (flags + " " + flag).strip()
    os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = flags


SIM_REDRAW_MS = 200  # the simulator's controls follow the meeting at most once in this time (see _follow_meeting)
REPEAT_LINES = 8  # how far up the log a repeat looks for the line of its last repeats (see _repeats_again)


def _page_class() -> type:
    chromium_environment()
    from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineSettings, QWebEngineUrlRequestInterceptor

    class Offline(QWebEngineUrlRequestInterceptor):
        """Stops every request that would leave this computer, and says which.

        Why: the plugins' code runs here for real. A fetch, an image or a beacon to a host (a
        plugin's webhook, a tracker) would reach it from the designer; the app would contact it,
        the preview must not. It runs on Chromium's network thread: the signal hops to the page.
        """

        sig_blocked = Signal(str)

        def interceptRequest(self, info) -> None:  # noqa: N802 - Qt's name
            url = info.requestUrl()
            if url.scheme() in ("http", "https", "ws", "wss", "ftp") and url.host() != _PAGE_HOST:
                info.block(True)
                self.sig_blocked.emit(url.toString())

    class PreviewPage(QWebEnginePage):
        """A page whose console carries the mock runtime's reports as :attr:`sig_event`."""

        sig_event = Signal(dict)
        sig_asked = Signal()  # every blocked request so far has been said (see :meth:`_blocked`)

        def __init__(self, parent: QObject | None = None) -> None:
            super().__init__(parent)
            settings = self.settings()
            # A big page is loaded from a temporary file (see load_html): its code must not read
            # other local files, nor reach out from there.
            settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls, False)
            settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, False)
            self._offline = Offline(self)
            self._offline.sig_blocked.connect(self._blocked)
            self.setUrlRequestInterceptor(self._offline)
            self.asking = 0  # blocked requests whose plugin the page has not named yet
            self._running: str | None = None  # the plugin whose code the page runs now (see acceptNavigationRequest)
            self.boxes_off = False  # the user asked for no more alert() boxes until the next run (see _ask)
            self.loadStarted.connect(self._next_run)
            self.loadFinished.connect(self._forget_earlier_runs)
            self._unanswered: list[dict[str, Any]] = []  # warnings and notes of ours the page has not said (see _say)

        def _say(self, event: dict[str, Any]) -> None:
            """A warning or note of the designer's own (a request stopped, a navigation) said by the page, as it says
            its own: a repeat within half a second held there, then said once with ``count`` and ``times``
            (heldAsRepeat in mock-pex.js). Why: a plugin fetching in a timer every few milliseconds had each request's
            warning on a line of its own, a hundred a second, the rest of the log lost among them. Said here, as it
            is, when the page has no runtime to say it (still loading) or never answers (see say_unanswered)."""
            self._unanswered.append(event)

            def answered(said: Any) -> None:
                self._unanswered = [e for e in self._unanswered if e is not event]
                if said is not True:
                    self.sig_event.emit(event)

            data = {k: v for k, v in event.items() if k != "type"}
            script = f"window.{PAGE} ? ({PAGE}.PD.emit({json.dumps(event['type'])}, {json.dumps(data)}), true) : false"
            self.runJavaScript(script, 0, answered)

        def say_unanswered(self) -> None:
            """What the page was given to say and never said, said now (the page frozen in a plugin's code just
            after a navigation, and going)."""
            unsaid, self._unanswered = self._unanswered, []
            for event in unsaid:
                self.sig_event.emit(event)

        def _next_run(self) -> None:
            """A run of the plugins starts (Restart plugins, an edit): their boxes show again."""
            self.boxes_off = False
            self._running = None

        def _forget_earlier_runs(self, _ok: bool = True) -> None:
            """Only the run on show is kept, not the pages of the runs before it.

            Why: each run (a restart, an edit, another project) is a page of its own in Chromium's
            history, with all its HTML and the plugins' code; a day's restarts kept up to 50 of
            them in memory (over 1 MB each for the example), and the view's right-click Back went
            to an old run.
            """
            self.history().clear()

        def _blocked(self, url: str) -> None:
            """Say that a request was stopped, naming the plugin that made it. The blocker sees
            only the address; the page noted which plugin's code asked for it (PD.whoAsked), and
            it has, since the page made the request before it reached the blocker."""
            self.asking += 1

            def say(plugin: Any) -> None:
                self.asking -= 1
                if not self.asking:
                    self.sig_asked.emit()
                shown = url if len(url) <= 120 else url[:117] + "..."
                self._say(
                    {
                        "type": "warning",
                        "kind": "blocked-request",
                        "plugin": plugin if isinstance(plugin, str) and plugin else None,
                        "url": url,
                        "message": f"the preview did not send a request to {shown}: it never leaves this computer "
                        "(in the meeting the app would send it; the deployment's CSP may block it)",
                    }
                )

            self.runJavaScript(f"window.{PAGE} ? {PAGE}.PD.whoAsked({json.dumps(url)}) : null", 0, say)

        def acceptNavigationRequest(self, url: QUrl, kind: Any, is_main_frame: bool) -> bool:  # noqa: N802
            """Only the designer's own loads (typed) replace the meeting; a plugin's cannot.

            Why: ``window.location = 'https://…'`` or ``location.reload()`` in a plugin swapped the
            whole mock meeting for Chromium's "This site can't be reached" page, for good, the log
            saying only that a request was not sent. The page stays, and the plugin is named: the
            one whose code the page said it was running ('busy').
            """
            if not is_main_frame or kind == QWebEnginePage.NavigationType.NavigationTypeTyped:
                return True
            target = url.toString()
            if target.split("#")[0] == self.url().toString().split("#")[0]:
                did = "it reloaded the page (location.reload())"
            else:
                shown = target if len(target) <= 120 else target[:117] + "..."
                did = f"it sent the page to {shown} (window.location)"
            self._say(
                {
                    "type": "warning",
                    "kind": "navigation",
                    "plugin": self._running,
                    "url": target,
                    "message": f"{did}: in the meeting the app would be left and the call would end; "
                    "the preview stayed in the meeting",
                }
            )
            return False

        def javaScriptAlert(self, _origin: Any, message: str) -> None:  # noqa: N802 - Qt's name
            self._ask("alert", message)

        def javaScriptConfirm(self, _origin: Any, message: str) -> bool:  # noqa: N802 - Qt's name
            return self._ask("confirm", message) is True

        def javaScriptPrompt(self, _origin: Any, message: str, default: str) -> tuple[bool, str]:  # noqa: N802
            answer = self._ask("prompt", message, default)
            return (isinstance(answer, str), answer if isinstance(answer, str) else "")

        def _ask(self, kind: str, message: str, default: str = "") -> Any:
            """A plugin's alert(), confirm() or prompt() as the browser's box, with a way to stop them.

            Why: a plugin asking from a timer brought its box back each time it was closed, modal:
            nothing else in the designer could be used, not even the editor to fix the code. As a
            browser does, the box offers to show no more; those left unshown (answered as Cancel)
            are said in the log, until the page is replaced (Restart plugins).
            Answers: None (alert, or Cancel), True for confirm's OK, the text typed for prompt's OK.
            """
            from PySide6.QtWebEngineWidgets import QWebEngineView

            if QWebEngineView.forPage(self) is None:  # simulate's page, shown to no one: answered at once, as Qt does
                return None
            if self.boxes_off:
                self._say(
                    {
                        "type": "note",
                        "plugin": self._running,
                        "text": f"{kind} “{message}” not shown{'' if kind == 'alert' else ' (answered as Cancel)'}: "
                        "boxes from the plugins were turned off (Restart plugins shows them again)",
                    }
                )
                return None
            from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox

            parent = QApplication.activeWindow()
            stop = QCheckBox("Show no more boxes from the plugins until they restart")
            if kind == "prompt":
                box: QDialog = QInputDialog(parent, windowTitle="Question from a plugin", labelText=message)
                box.setTextValue(default)
                box.sizeHint()  # (makes its layout, which the check box joins, and its label)
                box.layout().addWidget(stop)
                for label in box.findChildren(
                    QLabel
                ):  # the plugin's words as written, not as HTML (as Chromium's own box)
                    label.setTextFormat(Qt.TextFormat.PlainText)
            else:
                buttons = QMessageBox.StandardButton.Ok
                if kind == "confirm":
                    buttons |= QMessageBox.StandardButton.Cancel
                title = "Message from a plugin" if kind == "alert" else "Question from a plugin"
                box = QMessageBox(QMessageBox.Icon.NoIcon, title, message, buttons, parent)
                box.setTextFormat(Qt.TextFormat.PlainText)
                box.setCheckBox(stop)
            accepted = box.exec() in (QDialog.DialogCode.Accepted, QMessageBox.StandardButton.Ok)
            self.boxes_off = stop.isChecked()
            typed = box.textValue() if isinstance(box, QInputDialog) else ""
            box.deleteLater()
            if not accepted or kind == "alert":
                return None
            return typed if kind == "prompt" else True

        def javaScriptConsoleMessage(self, level, message: str, line: int, source: str) -> None:  # noqa: N802
            if message.startswith(MARKER):
                try:
                    event = json.loads(message[len(MARKER) :])
                except ValueError:
                    return
                if isinstance(event, dict):
                    if event.get("type") == "busy":  # whose code runs now: who navigated, if it does
                        self._running = event.get("plugin") if isinstance(event.get("plugin"), str) else None
                    elif event.get("type") == "idle":
                        self._running = None
                    self.sig_event.emit(event)
            # Everything else (Chromium repeating an uncaught error) the page has reported already.

    return PreviewPage


_PAGE_CLASS: type | None = None


# The mock meeting's background (preview.html's body), dark whatever the designer's appearance, as
# the app's meeting is: the preview shows it while the meeting loads.
MEETING_BACKGROUND = "#14181f"


def new_page(parent: QObject | None = None) -> Any:
    global _PAGE_CLASS
    if _PAGE_CLASS is None:
        _PAGE_CLASS = _page_class()
    return _PAGE_CLASS(parent)


def load_html(page: Any, text: str) -> None:
    if len(text.encode("utf-8")) < MAX_INLINE:
        page.setHtml(text, QUrl(BASE_URL))
        return
    folder = Path(tempfile.mkdtemp(prefix="plugin-designer-preview-"))
    target = folder / "preview.html"
    target.write_text(text, encoding="utf-8")

    def forget(_ok: bool = True) -> None:  # the page is in memory once loaded: no folder left behind
        import shutil

        page.loadFinished.disconnect(forget)
        shutil.rmtree(folder, ignore_errors=True)

    page.loadFinished.connect(forget)
    page.load(QUrl.fromLocalFile(str(target)))


def _repeat_key(event: dict[str, Any], request: bool = False) -> tuple[Any, ...]:
    """What makes the page's repeats of an event one line: its place and message (see crash_key), a request's
    words too. Why the words: a plugin's '/unlock' from the line of its '/lock' is another request."""
    from ..core.preview import crash_key, request_said

    return (*crash_key(event), request_said(event) if request else None, event.get("title"))


def cycle_failed_said(event: dict[str, Any]) -> str:
    """The page's 'cycle-failed' (its own code failed in the test of every button) in words."""
    return (
        f"the preview could not test every button: its own code failed ({event.get('message')}); "
        "a plugin may have replaced something of the browser's that it uses, which the app's own code may need too"
    )


_RUN_FIELDS = ("plugin", "step", "where", "action", "label", "title", "later")
_LATER = " (in a .then callback or after an await it started)"
_IN_IT_OR_LATER = " (in it, or in a .then callback or after an await it started)"


def busy_after(before: dict[str, Any] | None, event: dict[str, Any]) -> dict[str, Any]:
    """What the designer knows runs now, after the page's 'busy' ``event``: the event, with ``runs``, each run
    the page may go on to run unsaid. In a flood the page leaves unsaid the code it counts the designer to know
    of (see tellBusy in mock-pex.js): a 'busy' marked ``turns`` adds to them (one of them runs now), one without
    it begins them anew (it runs now, and ``also``: what plugin code left to run after it in that task). Why:
    naming the last one said named the wrong plugin when another's code, unsaid, froze the meeting."""
    plain = {k: v for k, v in event.items() if k not in ("runs", "generation", "also")}
    if event.get("turns") and before is not None:
        runs = [*(before.get("runs") or [before]), plain]
    else:
        runs = [plain, *(r for r in event.get("also") or [] if isinstance(r, dict))]
    unique: dict[tuple[str, ...], dict[str, Any]] = {}
    for run in runs:
        unique.setdefault(tuple(str(run.get(f) or "") for f in _RUN_FIELDS), run)
    return {**event, "runs": list(unique.values())}


def _maybe_running(busy: dict[str, Any]) -> list[dict[str, Any]]:
    """The runs ``busy`` (see :func:`busy_after`) may be: itself, unless plugins' code took turns, or it is what
    plugin code left to run after it (``later``), where what others left may run unsaid too (``also``)."""
    several = busy.get("turns") or (busy.get("also") and busy.get("later"))
    return list(busy.get("runs") or [busy]) if several else [busy]


def busy_plugins(busy: dict[str, Any]) -> list[str]:
    """The plugins whose code ``busy`` (see :func:`busy_after`) may be running, in the order said."""
    keys: list[str] = []
    for run in _maybe_running(busy):
        if run.get("plugin") and str(run["plugin"]) not in keys:
            keys.append(str(run["plugin"]))
    return keys


def busy_doing(busy: dict[str, Any], plugin: str | None = None) -> str:
    """What a plugin was doing when its code ran long, from the page's 'busy' (or 'slow') event,
    in the user's words: the button pressed by its label, the meeting changing, a timer. Each run it
    may have been (``runs``, see :func:`busy_after`) of ``plugin`` (by default the one ``busy`` names) said, "or"
    between them."""
    plugin = busy.get("plugin") if plugin is None else plugin
    runs = [r for r in _maybe_running(busy) if r.get("plugin") == plugin] or [busy]
    said: dict[str, set[bool]] = {}  # what it was doing -> whether in the code it started, or after it, or both
    for run in runs:
        said.setdefault(_doing_one(run), set()).add(bool(run.get("later")) and run.get("step") != "promise")
    return ", or ".join(
        doing + (_LATER if afters == {True} else _IN_IT_OR_LATER if True in afters else "")
        for doing, afters in said.items()
    )


def busy_whose(busy: dict[str, Any], name_of: Any) -> tuple[str | None, str, str]:
    """Whose code ``busy`` is and what it was doing, for a report of code that ran long: ``(plugin, whose,
    doing)``, as in "{whose} never finished {doing}". Several plugins taking turns (see :func:`busy_after`):
    no plugin, and each named (``name_of``: a plugin's key to its name), none of them blamed for the others."""
    keys = busy_plugins(busy)
    if len(keys) <= 1:
        plugin = keys[0] if keys else None
        return plugin, "its code", busy_doing(busy, plugin)
    each = "; ".join(f"{name_of(key)} {busy_doing(busy, key)}" for key in keys)
    return None, "the code of one of the plugins taking turns", f"({each}: they took turns too often to say which)"


def _doing_one(busy: dict[str, Any]) -> str:
    """:func:`busy_doing` of one run, without the words for the code it left to run after it."""
    step, where = busy.get("step"), str(busy.get("where") or "")
    if step == "action":
        label = busy.get("label") or busy.get("action") or "?"  # the words on the button pressed
        doing = f"when its button “{label}” was pressed"
    elif step == "start":
        doing = "while starting"
    elif where == "unload":
        doing = "while being switched off"
    elif where in ("participants$", "conferenceDetails$"):
        doing = f"when the meeting changed ({where})"
    elif step == "timer":
        doing = "in a timer it set (setTimeout or setInterval)"
    elif step == "promise":
        doing = "in a promise callback it set (.then, .catch or .finally)"
    elif step == "dialog":
        doing = f"when its dialog “{busy.get('title') or ''}” was used"
    else:
        doing = f"in a function it gave the app ({where or 'a callback'})"
    return doing


def slow_warning(event: dict[str, Any]) -> dict[str, Any]:
    """The page's 'slow' event (a plugin's code that finished, but kept the meeting frozen for a
    while) as the warning it is shown and reported as, with how long the meeting froze."""
    took = float(event.get("took") or 0) / 1000
    doing = "to start" if event.get("step") == "start" and not event.get("later") else busy_doing(event)
    message = f"took {took:.1f} s {doing}: the meeting would be frozen that long"
    return {"type": "warning", "kind": "slow", "plugin": event.get("plugin"), "message": message}


# -- headless ------------------------------------------------------------------------------


class Report:
    """What one run found, per plugin: uncaught errors, warnings, console lines, requests."""

    def __init__(self, config: dict[str, Any]) -> None:
        from ..core.preview import not_run_said

        self.plugins: dict[str, dict[str, Any]] = {}
        for p in config["plugins"]:
            self.plugins[p["key"]] = {
                "key": p["key"],
                "id": p["id"],
                "name": p["name"],
                "loaded": bool(p["shown"] and p["source"]),
                # Why it was not run: a file the app needs is missing (check says which problem),
                # or the plugin is not for this role and platform (in the preview log's words).
                "not_loaded": None
                if p["shown"] and p["source"]
                else not_run_said(p) or f"not for {config['role']} on {config['platform']}",
                "errors": [],
                "warnings": [],
                "console": [],
                "requests": [],
                "dialogs": [],
                "steps": [],
                "notes": [],  # what the test did about this plugin (joined you again after it ended the call)
            }
        self.other: list[dict[str, Any]] = []  # events no plugin could be named for
        self.done = False
        self.started = False

    def add(self, event: dict[str, Any]) -> None:
        kind = event.get("type")
        if kind == "started":
            self.started = True
            return
        if kind == "cycle-done":
            self.done = True
            return
        if kind == "cycle-failed":  # the page's own test failed: said, as an error (the plugins were not all tested)
            self.done = True
            self.other.append({"type": "error", "kind": "cycle-failed", "message": cycle_failed_said(event)})
            return
        if kind == "cycle-rejoined" and (bucket := self.plugins.get(event.get("plugin") or "")) is not None:
            # (said as the preview's log says it: a plugin ending the call is why the next buttons rejoined)
            how = REJOIN_SAID.get(str(event.get("how")), REJOIN_SAID["disconnected"])
            text = f"{how}: the buttons after it were pressed with you back in the meeting"
            bucket["notes"].append({"text": text})
            return
        if kind == "slow":  # finished, after a while: a warning, with how long the meeting froze
            event = slow_warning(event)
            kind = "warning"
        bucket = self.plugins.get(event.get("plugin") or "")
        field = {
            "error": "errors",
            "warning": "warnings",
            "console": "console",
            "request": "requests",
            "dialog": "dialogs",
            "lifecycle": "steps",
        }.get(str(kind))
        if field is None:
            return
        clean = {k: v for k, v in event.items() if k not in ("type", "plugin", "stack")}
        if bucket is None:
            if field in ("errors", "warnings"):
                self.other.append(event)
            return
        if field == "dialogs":  # (the page's repeats of one, ``count``, listed each: the JSON keeps its shape)
            bucket[field].extend({"title": event.get("title", "")} for _ in range(max(1, int(event.get("count") or 1))))
            return
        if field in ("errors", "warnings", "requests"):
            self._add_repeatable(bucket[field], clean, request=field == "requests")
            return
        bucket[field].append(clean)

    @staticmethod
    def _add_repeatable(listed: list[dict[str, Any]], event: dict[str, Any], request: bool = False) -> None:
        """An error, warning or request listed with how many ``times`` it came: the page's repeats of one (its
        ``count``) counted on the one listed. Why: a timer throwing (or sending a request) every few milliseconds
        was hundreds of lines."""
        count = int(event.pop("count", 0) or 0)
        event.pop("times", None)
        if count:
            key = _repeat_key(event, request)
            same = next((e for e in reversed(listed) if _repeat_key(e, request) == key), None)
            if same is not None:
                same["times"] += count
                if event.get("alike"):  # (the page's count of those with another message: see repeated_said)
                    same["alike"] = event["alike"]
                return
        listed.append({**event, "times": count or 1})

    @property
    def error_count(self) -> int:
        """Every uncaught error, each repeat counted."""
        listed = sum(e["times"] for p in self.plugins.values() for e in p["errors"])
        return listed + sum(int(e.get("count") or 1) for e in self.other if e.get("type") == "error")

    def as_json(self) -> dict[str, Any]:
        return {
            "ok": self.error_count == 0,
            "errors": self.error_count,
            "plugins": list(self.plugins.values()),
            "unattributed": self.other,
        }


@contextmanager
def _ctrl_c_quits(loop: QEventLoop) -> Iterator[list[bool]]:
    """Ctrl-C ends ``loop`` at once; the list it gives holds True then.

    Why: Python runs its Ctrl-C handler only when Python code runs, and while a plugin kept the
    page busy (an endless loop) none did until the timeout: `simulate` went on for 20 s after
    Ctrl-C. A timer now runs a little Python every 0.2 s, and the handler quits the loop; the
    caller raises KeyboardInterrupt, which the CLI says as "stopped (Ctrl-C)". Left alone when
    Ctrl-C is not Python's own (ignored, as in a background job, or another handler).
    """
    from .ctrl_c import on_ctrl_c

    stopped: list[bool] = []

    def interrupted() -> None:
        stopped.append(True)
        loop.quit()

    with on_ctrl_c(interrupted):
        yield stopped


def simulate(pkg: BrandingPackage, role: str = "chair", platform: str = "web", timeout: float = 20.0) -> Report:
    """Load every plugin, run each action, unload, load again; what happened, per plugin.

    A plugin that freezes the page is left off and the others run again on a fresh page, as the
    preview does. Why: the frozen page never pressed their buttons, and each was reported as
    "0 uncaught errors, 0 requests", as if tested and found fine.
    """
    from ..core.preview import preview_config

    config = preview_config(pkg, role=role, platform=platform)
    report = _simulate_once(config, timeout)
    if _turns_froze_the_page(report):  # once more, each run said, to name the one at fault (as PreviewPane._froze)
        again = _simulate_once({**config, "exactBusy": True}, timeout)
        if _froze_the_page(again) is not None:  # (else the freeze the first run found stands, none named)
            report = again
    froze: dict[str, dict[str, Any]] = {}  # plugin key -> what the run it froze found of it
    while (key := _froze_the_page(report)) is not None and key not in froze:
        froze[key] = report.plugins[key]
        for p in config["plugins"]:
            if p["key"] == key:
                p["frozen"] = "in an earlier run"  # (the page leaves it out: see PD.active)
        report = _simulate_once(config, timeout)
    report.plugins.update(froze)
    return report


def _say_repeats(page: Any, answering: bool) -> None:
    """Every repeat the page holds, said now, and what it never said (simulate's page goes at the end of its run:
    its counts must be whole). ``answering``: the page finished its run (a frozen one would not answer)."""
    if answering:
        said = QEventLoop()
        page.runJavaScript(f"window.{PAGE} && {PAGE}.PD.sayRepeats(); true", 0, lambda _answer: said.quit())
        QTimer.singleShot(1000, said.quit)
        said.exec()
    page.say_unanswered()


def _turns_froze_the_page(report: Report) -> bool:
    """Whether a run's page froze while plugins took turns, none of them named. Why: simulate said so and stopped,
    each plugin's report "0 uncaught errors", where the preview runs them again to find the one at fault."""
    return any(e.get("kind") == "hang" and not e.get("plugin") and e.get("taking_turns") for e in report.other)


def _froze_the_page(report: Report) -> str | None:
    """The plugin a run names for freezing its page (an endless loop), if any."""
    return next((key for key, p in report.plugins.items() if any(e.get("kind") == "hang" for e in p["errors"])), None)


def _simulate_once(config: dict[str, Any], timeout: float) -> Report:
    """One run of :func:`simulate` on a fresh page."""
    from ..core.preview import page_html

    report = Report(config)
    page = new_page()
    loop = QEventLoop()

    last: list[dict[str, Any]] = []  # the last step a plugin began: where a hang happened
    busy: list[dict[str, Any]] = []  # the plugin whose code runs now (the page's 'busy'), as the dock knows it

    def on_event(event: dict[str, Any]) -> None:
        report.add(event)
        if event.get("type") == "started":
            page.runJavaScript(f"{PAGE}.PD.cycle(40)")
        elif event.get("type") in ("cycle-done", "cycle-failed"):
            loop.quit()
        elif event.get("type") == "lifecycle":
            last[:] = [event]
        elif event.get("type") == "busy":
            busy[:] = [busy_after(busy[0] if busy else None, event)]
        elif event.get("type") == "idle":
            busy.clear()

    page.sig_event.connect(on_event)
    QTimer.singleShot(int(timeout * 1000), loop.quit)
    load_html(page, page_html(config))
    with _ctrl_c_quits(loop) as stopped:
        loop.exec()
    if stopped:
        import shiboken6

        shiboken6.delete(page)
        raise KeyboardInterrupt
    if page.asking and report.done:  # requests stopped at the end: their plugins' names are on the way
        settled = QEventLoop()
        page.sig_asked.connect(settled.quit)
        QTimer.singleShot(2000, settled.quit)
        settled.exec()
    _say_repeats(page, answering=report.done)
    page.sig_event.disconnect(on_event)
    suspects = busy_plugins(busy[0]) if busy else []
    if not report.done and suspects and all(key in report.plugins for key in suspects):
        # Named as the preview names it: which plugin, doing what, in which function. Why: a loop
        # at the top of a file (before any step began) was "the plugins did not finish", no plugin
        # named, each said to have 0 uncaught errors. (Plugins taking turns: each named, none blamed.)
        from ..core.preview import hung_function

        names = {p["key"]: str(p.get("name") or p["key"]) for p in config["plugins"]}
        key, whose, doing = busy_whose(busy[0], lambda k: names.get(k, k))
        plugin_config = next((p for p in config["plugins"] if p["key"] == key), {})
        source = plugin_config.get("source") or {}
        function = hung_function(str(source.get("text") or ""), busy[0]) if source.get("text") else None
        report.add(
            {
                "type": "error",
                "kind": "hang",
                "plugin": key,
                "file": source.get("path"),
                "line": function[1] if function else None,
                "function": function[0] if function else None,
                "audience": plugin_config.get("audience"),
                "taking_turns": key is None,  # (several plugins took turns: none named, see busy_whose)
                "message": f"{whose} never finished {doing} (an endless loop?): the plugins did not "
                f"finish within {timeout:g} s",
            }
        )
    elif not report.done:  # the run never finished: a plugin kept the page busy, as it would the app
        step = last[0] if last else {}
        where = f" during {step['step']}" if step.get("step") else ""
        report.add(
            {
                "type": "error",
                "kind": "hang",
                "plugin": step.get("plugin"),
                "where": step.get("step"),
                "message": f"the plugins did not finish within {timeout:g} s: the page stayed busy{where} "
                "(an endless loop?), and the meeting would freeze the same way",
            }
        )
    import shiboken6

    shiboken6.delete(page)  # now: a page must go before its profile, and the loop is over
    return report


# -- the dock ------------------------------------------------------------------------------

# kind -> (on a light log, on a dark one): each readable on its background (contrast >= 4.5:1).
_LOG_COLOURS = {
    "error": ("#c62828", "#ff8a80"),
    "warning": ("#8d5a00", "#ffcc66"),
    "request": ("#1a5fd6", "#8ab4ff"),
    "refused": ("#8d5a00", "#ffcc66"),  # a guest's host-only request: as a warning
    "console": ("#444444", "#c8c8c8"),
    "dialog": ("#17794a", "#7ee2a8"),
    "lifecycle": ("#666666", "#a8a8a8"),
}


class _Log(QPlainTextEdit):
    """The log; a click on a line that links somewhere (an error's file:line) emits :attr:`sig_link`."""

    sig_link = Signal(str)
    sig_palette = Signal()  # the log's own colours changed (light or dark appearance)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.sig_palette.emit()

    def href_at(self, pos: Any) -> str:
        it = self.cursorForPosition(pos).block().begin()
        while not it.atEnd():
            href = it.fragment().charFormat().anchorHref()
            if href:
                return href
            it += 1
        return ""

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            href = self.href_at(event.position().toPoint())
            if href:
                self.sig_link.emit(href)


# What the simulator's toggles set in the mock meeting's conference details.
SIM_TOGGLES = (
    ("locked", "Locked"),
    ("guestsMuted", "Guests muted"),
    ("chatEnabled", "Chat enabled"),
    ("started", "Started"),
)
# SPEC.md section 4: the conference's mediaType values, each with the words the Media list shows.
SIM_MEDIA_TYPES = (("video", "Audio and video"), ("audioonly", "Audio only"), ("none", "No audio or video"))
# The participant table's columns: (field, header, kind); "check" columns are ticks, "text" ones
# typed, "choice" ones picked from SIM_CHOICES.
SIM_COLUMNS = (
    ("name", "Name", "text"),
    ("role", "Role", "choice"),
    ("protocol", "Protocol", "choice"),
    ("muted", "Muted", "check"),
    ("presenting", "Presenting", "check"),
    ("isStreaming", "Streaming", "check"),
    ("buzzTime", "Hand raised", "check"),
    ("spotlight", "Spotlight", "check"),
    ("serviceType", "Service type", "choice"),
)
# What a "choice" column offers: (the value the mock and the plugins see, the words shown). Why
# not the values themselves: "chair" for a host and "audioonly" are the API's words, not the
# user's, and a value typed by hand ("Host", "host") was one no plugin checks for.
SIM_CHOICES: dict[str, tuple[tuple[str, str], ...]] = {
    "role": (("chair", "Host"), ("guest", "Guest")),
    "protocol": (
        ("webrtc", "WebRTC (the app)"),
        ("sip", "SIP"),
        ("h323", "H.323"),
        ("mssip", "Skype for Business"),
        ("rtmp", "RTMP (streaming)"),
        ("api", "API"),
    ),
    "serviceType": (
        ("conference", "Meeting room"),
        ("lecture", "Auditorium (lecture)"),
        ("waiting_room", "Waiting room"),
        ("connecting", "Connecting"),
        ("ivr", "Virtual reception (IVR)"),
        ("gateway", "Gateway call"),
        ("test_call", "Test call"),
    ),
}
SIM_VALUE = Qt.ItemDataRole.UserRole + 1  # a "choice" cell's value (its text is the words shown)
SIM_TABLE_ROWS = 4  # participants the table shows without scrolling, at the least
SIM_PRESETS = ("Host alone", "Meeting with 5 guests", "Webinar with raised hands")
# The raised hand the mock meeting's tiles show (G.hand in resources/preview/preview-ui.js), drawn in the
# simulator's list of participants too: the "✋" it showed there is missing from many fonts (an empty box).
HAND_PATH = (
    "M8 13V5a1.5 1.5 0 0 1 3 0v6V4a1.5 1.5 0 0 1 3 0v7V6a1.5 1.5 0 0 1 3 0v9a6 6 0 0 1-6 6h-1a6 6 0 0 1-5-3l-2-4"
    "a1.5 1.5 0 0 1 2.5-1.5L8 14"
)


@lru_cache(maxsize=4)  # (one per appearance: the list is filled again at every change of the meeting)
def hand_icon(colour: str, selected: str, size: int = 16, dpr: float = 2.0) -> QIcon:
    """The tiles' raised hand as an icon in the list's text colour (seen in light and dark), and in
    its highlighted text colour on the highlighted row: a selected row (Selected) and the row under
    the mouse or the arrow keys in the open list (Active, as Fusion draws a drop-down's rows). Why
    both: with Selected alone, the open list drew the hand black on the light appearance's blue
    highlight, beside the row's white words."""
    from PySide6.QtSvg import QSvgRenderer

    icon = QIcon()
    for stroke, mode in ((colour, QIcon.Mode.Normal), (selected, QIcon.Mode.Selected), (selected, QIcon.Mode.Active)):
        svg = (
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="' + HAND_PATH + '" fill="none" '
            f'stroke="{stroke}" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/></svg>'
        )
        image = QImage(round(size * dpr), round(size * dpr), QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        QSvgRenderer(svg.encode()).render(painter)
        painter.end()
        image.setDevicePixelRatio(dpr)
        icon.addPixmap(QPixmap.fromImage(image), mode)
    return icon


# The meeting the preview starts in (and Reset meeting goes back to), first in the simulator's list of meetings.
DEFAULT_MEETING = "Default meeting"


def choice_text(field: str, value: Any) -> str:
    """The words a "choice" cell shows for ``value``; a value not in the list as it is."""
    return dict(SIM_CHOICES.get(field, ())).get(str(value), str(value))


class _ChoiceDelegate(QStyledItemDelegate):
    """Edits a "choice" column of the participant table with a drop-down of plain words, and
    writes the value the mock needs ("Host" writes 'chair'). Other columns edit as usual."""

    def _field(self, index: Any) -> str | None:
        field, _header, kind = SIM_COLUMNS[index.column()]
        return field if kind == "choice" else None

    def paint(self, painter: QPainter, option: Any, index: Any) -> None:
        """A check column's box with an edge that shows in dark appearance too.

        Why: Fusion draws the box's edge a shade darker than the window's colour, on the table's
        base colour; in dark appearance both are near black, and an unticked box (Muted,
        Presenting, ...) could not be seen at all. The edge is drawn in the palette's grey of
        secondary text (as the source editor's line numbers), light or dark as the palette is.
        """
        super().paint(painter, option, index)
        if SIM_COLUMNS[index.column()][2] != "check" or not is_dark(option.palette):
            return
        from PySide6.QtWidgets import QStyle, QStyleOptionViewItem  # (here: PySide builds their enums once)

        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        widget = item.widget
        style = widget.style() if widget is not None else QApplication.style()
        box = style.subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, item, widget)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(item.palette.color(QPalette.ColorRole.PlaceholderText))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(box.adjusted(0, 0, -1, -1))
        painter.restore()

    def createEditor(self, parent: QWidget, option: Any, index: Any) -> QWidget:  # noqa: N802 - Qt's name
        field = self._field(index)
        if field is None:
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent, objectName=f"simChoice_{field}")
        combo.setAccessibleName(SIM_COLUMNS[index.column()][1])
        for value, text in SIM_CHOICES[field]:
            combo.addItem(text, value)
        # A pick is the edit: written at once, as a tick in a check column is.
        combo.activated.connect(lambda _i, c=combo: (self.commitData.emit(c), self.closeEditor.emit(c)))
        return combo

    def setEditorData(self, editor: QWidget, index: Any) -> None:  # noqa: N802 - Qt's name
        field = self._field(index)
        if field is None or not isinstance(editor, QComboBox):
            super().setEditorData(editor, index)
            return
        value = str(index.data(SIM_VALUE) or "")
        if editor.findData(value) < 0:  # one the list lacks (a plugin's dialOut 'auto'): kept as it is
            editor.addItem(value, value)
        editor.setCurrentIndex(editor.findData(value))

    def setModelData(self, editor: QWidget, model: Any, index: Any) -> None:  # noqa: N802 - Qt's name
        field = self._field(index)
        if field is None or not isinstance(editor, QComboBox):
            super().setModelData(editor, model, index)
            return
        value = str(editor.currentData())
        if value != index.data(SIM_VALUE):
            # Both at once: one itemChanged, with the new value.
            model.setItemData(index, {Qt.ItemDataRole.DisplayRole: choice_text(field, value), SIM_VALUE: value})


def preset_meeting(name: str) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The participants and conference details of one of :data:`SIM_PRESETS`."""
    from ..core.preview import default_conference, default_participants

    template = default_participants()[0]

    def person(n: int, who: str, role: str = "guest", **extra: Any) -> dict[str, Any]:
        p = dict(template)
        p.update(
            uuid=f"00000000-0000-4000-8000-{n:012d}",
            name=who,
            role=role,
            canControl=role == "chair",
            uri=f"{who.split()[0].lower()}@example.com",
            startTime=1_700_000_000 + 60 * n,
            vad=0,
            stageIndex=n - 1,
        )
        p.update(extra)
        return p

    host = person(1, "Alex Morgan (you)", "chair", vad=100)
    conference = default_conference()
    guests = ("Blake", "Casey", "Dana", "Emery", "Flynn", "Gray", "Harper")
    if name == "Host alone":
        return [host], conference
    if name == "Meeting with 5 guests":
        return [host] + [person(i + 2, f"{g} Guest") for i, g in enumerate(guests[:5])], conference
    if name == "Webinar with raised hands":
        people = [person(1, "Alex Morgan (you)", "chair", presenting=True, vad=100)]
        for i, g in enumerate(guests):
            raised = 1_700_000_500 + 30 * i if i in (0, 2, 5) else 0
            people.append(person(i + 2, f"{g} Guest", muted=True, buzzTime=raised))
        conference.update(guestsMuted=True)
        return people, conference
    raise ValueError(f"no preset {name!r}")


def _waiting_for_user() -> bool:
    """A modal box is open: a plugin's alert(), confirm() or prompt() (Qt shows them as modal boxes,
    and the page runs nothing until it is answered) or a box of the designer's own. The page is
    waiting for the user then, not looping."""
    return QApplication.activeModalWidget() is not None


class PreviewPane(QWidget):
    """Role and platform switches, the mock meeting (live), and a log of what the plugins did.

    ``sig_problems`` carries the PD800 problems of the run so far (an empty list on restart);
    ``sig_jump`` a Problem to show in the source editor (a click on an error in the log).
    """

    sig_errors = Signal(int)
    sig_problems = Signal(list)
    sig_jump = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtWebEngineWidgets import QWebEngineView

        self.setObjectName("previewPane")
        self.package: BrandingPackage | None = None
        self._signature: Any = None
        self.events: list[dict[str, Any]] = []
        self._errors_seen = 0  # see _clear_run
        self._errors_counted = 0  # see _clear_run
        self._crashes: set[tuple[Any, ...]] = set()  # see _clear_run
        self.names: dict[str, str] = {}
        self.problems: list[Problem] = []
        # The simulated meeting, kept over a restart of the plugins until "Reset meeting" (None: the default).
        self.meeting: tuple[list[dict[str, Any]], dict[str, Any]] | None = None
        self.layout: dict[str, Any] | None = None  # the stage's layout, kept as the meeting is (None: the default)
        # You out of the meeting (a plugin disconnected or moved you): ``how`` and ``plugin``, else None. A fresh
        # page after a crash or a freeze starts with the call ended, as the user saw it; a restart rejoins.
        self.left: dict[str, Any] | None = None
        self._rejoined: dict[str, Any] | None = None  # why the restart under way joins you again (said in the log)
        self._live = False  # the page's mock has started: its meeting is the one to carry over
        self._generation = 0  # the latest reload; an older one's export answer is dropped
        self._run_generation = 0  # the reload whose plugins the page runs (see _froze)

        self.role = QComboBox(objectName="previewRole")
        for key, label in ROLE_CHOICES:
            self.role.addItem(label, key)
        self.platform = QComboBox(objectName="previewPlatform")
        # Its label is the "on" between the two lists, too short to be its buddy: a screen reader
        # read the list as "combo box, Web app" with nothing to say what it chose.
        self.platform.setAccessibleName("Seen on")
        for key, label in PLATFORM_CHOICES:
            self.platform.addItem(label, key)
        self.role.currentIndexChanged.connect(self.reload)
        self.platform.currentIndexChanged.connect(self.reload)
        restart = QPushButton("Restart plugins", objectName="previewRestart")
        restart.setToolTip("Load the plugins again, in the same simulated meeting (Reset meeting starts a fresh one)")
        restart.clicked.connect(self.reload)
        reset = QPushButton("Reset meeting", objectName="previewResetMeeting")
        reset.setToolTip("Restart the plugins in the default meeting (restarts otherwise keep the simulated one)")
        reset.clicked.connect(self.reset_meeting)
        cycle = QPushButton("Test every button", objectName="previewCycle")
        cycle.setToolTip("Load, press each plugin button, switch off and on again: catches crashes and leaks")
        cycle.clicked.connect(self._start_cycle)
        self.cycle_button = cycle
        self.log_filter = QComboBox(objectName="previewLogFilter")
        self.log_filter.setAccessibleName("Show what this plugin did")  # no label beside it: "All plugins" said it
        self.log_filter.currentIndexChanged.connect(self._render_log)

        # Two short rows rather than one long one: the dock shares a 1280-pixel screen with the
        # project tree and the editor, and the narrowest it can be is what its widest row needs.
        bar = QHBoxLayout()
        seen_by = QLabel("Seen by:")
        seen_by.setBuddy(self.role)  # the label relation screen readers read out with the list
        bar.addWidget(seen_by)
        bar.addWidget(self.role)
        bar.addWidget(QLabel("on"))
        bar.addWidget(self.platform)
        bar.addStretch(1)
        bar.addWidget(restart)
        actions = QHBoxLayout()

        # Source typing changes what runs on every keystroke: restart the plugins once it pauses.
        self._restart = QTimer(self, singleShot=True, interval=400)
        self._restart.timeout.connect(self._reload_after_edit)
        self._after_edit = False  # the next run comes from an edit: an alert() while starting is said, not shown
        self.page = self._new_page()
        self._awaiting: int | None = None  # the reload waiting for the running page's meeting
        # The plugin code the page began and has not finished (its 'busy' event): who froze it, if it does.
        self._busy: dict[str, Any] | None = None
        self._frozen: dict[str, str] = {}  # plugin key -> what it froze the meeting doing; left off until a restart
        # The plugins that took turns when the meeting froze, run again each run said (see _froze); else empty.
        self._watched: list[str] = []
        self._watchdog = QTimer(self, singleShot=True, interval=FROZEN_AFTER_MS)
        self._watchdog.timeout.connect(self._ask_busy_page)
        self._configs: dict[str, dict[str, Any]] = {}  # plugin key -> its config in the running page
        self.view = QWebEngineView(objectName="previewView")
        self.view.setPage(self.page)
        self.view.setMinimumSize(480, 320)
        self.view.setAccessibleName("Mock meeting")
        self.log = _Log(objectName="previewLog", readOnly=True)
        ring_focus([self.log], self)  # read-only: no caret shows where the keyboard is
        self.log.setMaximumBlockCount(LOG_LINES)
        viewport_of(self.log).setCursor(Qt.CursorShape.IBeamCursor)
        self.log.sig_link.connect(self._link)
        # The log's colours for the new appearance, once the log has its new palette: the pane
        # is told first (Qt tells a parent before its children), when the log still had the old one.
        self.log.sig_palette.connect(self._render_log)
        log_box = QWidget()
        log_layout = QVBoxLayout(log_box)
        log_layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        log_label = QLabel("What the plugins did:")
        log_label.setBuddy(self.log)
        head.addWidget(log_label)
        # Said once the log lets its oldest lines go: its first line looked like the run's first.
        self.log_trimmed = QLabel(f"(only the last {LOG_LINES:,} lines are shown)", objectName="previewLogTrimmed")
        self.log_trimmed.setVisible(False)
        # Not a reason for the dock to be wider (it must fit beside the tree and the editor): cut short if need be.
        self.log_trimmed.setMinimumWidth(1)
        self.log_trimmed.setToolTip(self.log_trimmed.text())
        self.log.blockCountChanged.connect(lambda count: self.log_trimmed.setVisible(count >= LOG_LINES))
        head.addWidget(self.log_trimmed)
        head.addStretch(1)
        head.addWidget(self.log_filter)
        log_layout.addLayout(head)
        log_layout.addWidget(self.log)

        self.sim_button = QToolButton(objectName="previewSimulate", text="Simulate the meeting", checkable=True)
        self.sim_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.sim_button.setArrowType(Qt.ArrowType.RightArrow)
        self.sim_button.setToolTip(
            "Change the mock meeting the plugins see: lock, hands, guests, chat, query parameters"
        )
        self.sim_panel = self._simulator()
        # In the splitter above the meeting, scrolling when short: laid out in the dock, its
        # table made the window taller than an 800-pixel screen.
        self.sim_scroll = QScrollArea(objectName="previewSimulatorScroll", widgetResizable=True)
        self.sim_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.sim_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no Tab stop that shows nothing: its controls are
        self.sim_scroll.setWidget(self.sim_panel)
        self.sim_scroll.setVisible(False)
        # Made in the order they are seen, top to bottom, which is the order Tab takes: the
        # simulator, the meeting, the log (see _log_after_meeting for the meeting's own part).
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.sim_scroll)
        split.addWidget(self.view)
        split.addWidget(log_box)
        split.setCollapsible(0, False)
        split.setSizes([0, 480, 140])
        self._split = split
        self._log_box = log_box
        self.view.installEventFilter(self)
        self.sim_button.toggled.connect(self._show_simulator)

        actions.addWidget(self.sim_button)
        actions.addStretch(1)
        actions.addWidget(cycle)
        actions.addWidget(reset)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addLayout(actions)
        layout.addWidget(split, 1)

    # -- the conference simulator ------------------------------------------------------
    def _simulator(self) -> QWidget:
        panel = QWidget(objectName="previewSimulator")
        box = QVBoxLayout(panel)
        box.setContentsMargins(18, 0, 0, 4)
        row = QHBoxLayout()
        self.sim_toggles: dict[str, QCheckBox] = {}
        for field, label in SIM_TOGGLES:
            check = QCheckBox(label, objectName=f"simToggle_{field}")
            check.setToolTip(f"Sets conferenceDetails.{field} in the mock meeting (conferenceDetails$ fires)")
            check.toggled.connect(lambda on, f=field: self.sim_set_conference(f, on))
            self.sim_toggles[field] = check
            row.addWidget(check)
        # Short rows: the dock must fit beside the project tree and the editor on a 1280-pixel screen.
        row.addStretch(1)
        box.addLayout(row)
        row = QHBoxLayout()
        row.addWidget(QLabel("Media:"))
        self.sim_media = QComboBox(objectName="simMediaType")
        for value, text in SIM_MEDIA_TYPES:
            self.sim_media.addItem(text, value)
        self.sim_media.setAccessibleName("Media")
        self.sim_media.setToolTip("Sets conferenceDetails.mediaType in the mock meeting (video, audioonly or none)")
        self.sim_media.currentIndexChanged.connect(
            lambda _i: self.sim_set_conference("mediaType", self.sim_media.currentData())
        )
        row.addWidget(self.sim_media)
        row.addStretch(1)
        preset_label = QLabel("Preset:")
        row.addWidget(preset_label)
        self.sim_preset = QComboBox(objectName="simPreset")
        preset_label.setBuddy(self.sim_preset)  # read out with the list (it was "combo box, Default meeting")
        # The meeting running, not a "Choose a meeting…" the list went back to after Reset meeting,
        # which left no sign of which meeting the plugins were in.
        self.sim_preset.addItem(DEFAULT_MEETING, DEFAULT_MEETING)
        for name in SIM_PRESETS:
            self.sim_preset.addItem(name, name)
        self.sim_preset.setToolTip("Replace the mock meeting's participants and details (participants$ fires)")
        self.sim_preset.activated.connect(lambda _i: self.sim_apply_preset(self.sim_preset.currentData()))
        row.addWidget(self.sim_preset)
        box.addLayout(row)

        self.sim_table = QTableWidget(0, len(SIM_COLUMNS), objectName="simTable")
        self._sim_fitted = False
        self._sim_due: tuple[Any, ...] | None = None  # the meeting the controls are yet to show (see _follow_meeting)
        self._sim_redraw = QTimer(self, singleShot=True, interval=SIM_REDRAW_MS)
        self._sim_redraw.timeout.connect(self._redraw_due)
        self.sim_table.setHorizontalHeaderLabels([header for _f, header, _k in SIM_COLUMNS])
        self.sim_table.verticalHeader().setVisible(False)
        self.sim_table.setAccessibleName("Participants")
        self.sim_table.setWordWrap(False)  # one line a participant; the columns fit their words (_fill_table)
        self.sim_table.setItemDelegate(_ChoiceDelegate(self.sim_table))
        # At least a few rows, however short the panel: squeezed to its header and one row, the
        # table was not worth opening (the panel scrolls instead); at most a preset's eight.
        rows = self.sim_table.verticalHeader().defaultSectionSize()
        chrome = (
            self.sim_table.horizontalHeader().sizeHint().height()
            + self.sim_table.horizontalScrollBar().sizeHint().height()
            + 2 * self.sim_table.frameWidth()
        )
        self.sim_table.setMinimumHeight(chrome + SIM_TABLE_ROWS * rows)
        self.sim_table.setMaximumHeight(chrome + 8 * rows)
        self.sim_table.setToolTip("Edit a participant: the plugins see the change through participants$")
        self.sim_table.itemChanged.connect(self._sim_table_edited)
        # Tab goes on to the controls under it (the arrow keys walk the cells): Tab from cell to
        # cell took a press per cell, Ctrl+Tab too, to reach raise hand, add guest or chat.
        self.sim_table.setTabKeyNavigation(False)
        box.addWidget(self.sim_table)

        row = QHBoxLayout()
        self.sim_participant = QComboBox(objectName="simParticipant")
        # No label beside it (the buttons after it say what is done to whom it names): a screen
        # reader read only "combo box" and a participant's name.
        self.sim_participant.setAccessibleName("Participant")
        self.sim_participant.setMinimumContentsLength(14)
        row.addWidget(self.sim_participant, 1)
        for name, text, slot in (
            ("simRaise", "Raise hand", lambda: self.sim_hand(True)),
            ("simLower", "Lower hand", lambda: self.sim_hand(False)),
            ("simSelect", "Select event", self.sim_select_event),
            ("simRemove", "Remove participant", self.sim_remove),
            ("simAdd", "Add guest", self.sim_add_guest),
        ):
            if name == "simSelect":  # the rest on a second row
                box.addLayout(row)
                row = QHBoxLayout()
            if name == "simAdd":
                row.addStretch(1)
            button = QPushButton(text, objectName=name)
            button.clicked.connect(slot)
            row.addWidget(button)
            if name == "simRemove":
                self.sim_remove_button = button
        self.sim_participant.currentIndexChanged.connect(self._sim_remove_allowed)
        box.addLayout(row)

        row = QHBoxLayout()
        self.sim_chat = QLineEdit(objectName="simChat", placeholderText="A chat message from a guest…")
        self.sim_chat.setAccessibleName("Chat message from a guest")  # its hint goes as you type
        self.sim_chat.returnPressed.connect(lambda: self.sim_send_chat(self.sim_chat.text()))
        send = QPushButton("Send a chat message", objectName="simSendChat")
        send.setToolTip("Fires PEX.actions$ RECEIVE_CHAT_MESSAGE with payload.payload = the text")
        send.clicked.connect(lambda: self.sim_send_chat(self.sim_chat.text()))
        row.addWidget(self.sim_chat, 1)
        row.addWidget(send)
        box.addLayout(row)

        row = QHBoxLayout()
        query_label = QLabel("Query parameters:")
        row.addWidget(query_label)
        self.sim_query = QLineEdit(objectName="simQuery", placeholderText="autolock=1&name=value")
        query_label.setBuddy(self.sim_query)
        self.sim_query.setToolTip("PEX.conferenceQueryParams: applied when the plugins restart")
        self.sim_query.returnPressed.connect(self.reload)
        row.addWidget(self.sim_query, 1)
        box.addLayout(row)
        return panel

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.view and event.type() == QEvent.Type.ChildPolished:
            QTimer.singleShot(0, self, self._log_after_meeting)
        return super().eventFilter(watched, event)

    def _log_after_meeting(self) -> None:
        """Put the log back after the meeting in the Tab order, once Chromium made the meeting's
        widget (the view's focus proxy; again with each new page).

        Why: Qt appends a new widget to the end of the window's focus chain, and Chromium makes
        that widget when the page loads, after the log: Tab went from the buttons to the log and
        only then up to the meeting. Why not ``QWidget.setTabOrder``: see tab_regions. Taking
        the log out and in again is how Qt's own chain puts it last, after the meeting.
        """
        box = self._log_box
        focus = QApplication.focusWidget()
        had_focus = focus is not None and (focus is box or box.isAncestorOf(focus))
        sizes = self._split.sizes()
        index = self._split.indexOf(box)
        box.setParent(None)
        self._split.insertWidget(index, box)
        self._split.setSizes(sizes)
        if had_focus:
            focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_simulator(self, on: bool) -> None:
        self.sim_button.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self.sim_scroll.setVisible(on)
        if on:  # a fair share of the height: the panel, the meeting, the log
            total = sum(self._split.sizes())
            panel = min(self.sim_panel.sizeHint().height(), total // 3)
            self._split.setSizes([panel, max(200, total - panel - 140), 140])

    def query_params(self) -> dict[str, str]:
        return dict(parse_qsl(self.sim_query.text().strip().lstrip("?"), keep_blank_values=True))

    def _sim(self, call: str, *args: Any) -> None:
        self.page.runJavaScript(f"window.{PAGE} && {PAGE}.PD.sim.{call}({', '.join(json.dumps(a) for a in args)})")

    def sim_set_conference(self, field: str, value: Any) -> None:
        self._sim("setConference", field, value)

    def sim_hand(self, up: bool) -> None:
        uuid = self.sim_participant.currentData()
        if uuid:
            self._sim("raiseHand", uuid, up)

    def sim_add_guest(self) -> None:
        self._sim("addGuest", "")

    def sim_remove(self) -> None:
        uuid = self.sim_participant.currentData()
        if uuid and uuid != self._you():
            self._sim("removeParticipant", uuid)

    def _you(self) -> str | None:
        """The uuid of the one previewing: the meeting's first participant, "(you)"."""
        people = (self.meeting or ([], {}))[0]
        return people[0].get("uuid") if people and isinstance(people[0], dict) else None

    def _sim_remove_allowed(self) -> None:
        """Remove participant is off while you are chosen: the one previewing stays in the meeting.

        Why: removed, you were gone from the meeting, and the next restart made whoever came
        first in your place (Blake Guest became the host, "you" for the guest's rules).
        """
        you = self.sim_participant.currentData() == self._you()
        self.sim_remove_button.setEnabled(not you)
        self.sim_remove_button.setToolTip(
            "You are the one previewing the meeting: choose someone else to remove" if you else ""
        )

    def sim_send_chat(self, text: str) -> None:
        """A chat message from the participant chosen in the simulator's list, or, when that is
        you, from the first other participant ("Guest" when you are alone).

        Why: every message came from "Blake Guest", in a meeting with nobody of that name too
        (the "Host alone" preset, or after Blake was removed).
        """
        if not text:
            return
        people = (self.meeting or ([], {}))[0]
        chosen = self.sim_participant.currentData()
        others = [p for p in people[1:] if isinstance(p, dict)]
        sender = next((p for p in others if p.get("uuid") == chosen), others[0] if others else None)
        self._sim("receiveChat", text, str(sender.get("name") or "Guest") if sender else "Guest")

    def sim_select_event(self) -> None:
        """PEX.actions$ SELECT_EVENT, with the chosen participant as payload."""
        self._sim("selectEvent", self.sim_participant.currentData() or "")

    def sim_apply_preset(self, name: str | None) -> None:
        """The meeting ``name`` (a preset, or Default meeting) in place of the running one, whole: who is in
        it, its details (lock, muted guests, ...), and its layout and chat back to none."""
        if not name:
            return
        if name == DEFAULT_MEETING:
            from ..core.preview import default_conference, default_participants

            participants, conference = default_participants(), default_conference()
        else:
            participants, conference = preset_meeting(name)
        self.meeting = (participants, conference)
        self.layout = None
        # The whole meeting, as the preset has it: its layout and chat too, not only who is in it.
        self._sim("startMeeting", participants, conference)

    def sim_update_participant(self, uuid: str, field: str, value: Any) -> None:
        self._sim("updateParticipant", uuid, field, value)

    def _sim_table_edited(self, item: QTableWidgetItem) -> None:
        field, _header, kind = SIM_COLUMNS[item.column()]
        uuid = item.data(Qt.ItemDataRole.UserRole)
        if not uuid:
            return
        if kind == "check":
            value: Any = item.checkState() == Qt.CheckState.Checked
        elif kind == "choice":
            value = item.data(SIM_VALUE)
        else:
            value = item.text()
        self.sim_update_participant(uuid, field, value)

    def _hand(self, palette: QPalette) -> QIcon:
        """The raised hand of the simulator's participant list in ``palette``'s colours (the list's)."""
        return hand_icon(
            palette.color(QPalette.ColorRole.Text).name(), palette.color(QPalette.ColorRole.HighlightedText).name()
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """Light or dark appearance switched: the participant list's hands take the new colours.

        Why: they are pictures drawn in the list's text colour when the meeting last changed, and
        kept the old one until it changed again (a black hand on the dark list). The pane's palette,
        which the list follows: the list itself is given the new one only after the pane."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and getattr(self, "sim_participant", None) is not None:
            hand = self._hand(self.palette())
            for i in range(self.sim_participant.count()):
                if not self.sim_participant.itemIcon(i).isNull():
                    self.sim_participant.setItemIcon(i, hand)

    def _follow_meeting(
        self, conference: dict[str, Any], participants: list[dict[str, Any]], you: dict[str, Any] | None
    ) -> None:
        """The meeting as the page says it now: kept at once, shown by the simulator's controls at once too unless
        they were drawn less than SIM_REDRAW_MS ago, then at the end of that time (the meeting as it is by then).
        Why: a plugin locking and unlocking the meeting in a timer every few milliseconds had the controls and the
        participant table built anew at each change, some 50 a second, most of the designer's time."""
        self.meeting = ([you, *participants] if you else participants, conference)
        self._sim_due = (conference, participants, you)
        if not self._sim_redraw.isActive():
            self._redraw_due()

    def _redraw_due(self) -> None:
        if self._sim_due is None:
            return
        due, self._sim_due = self._sim_due, None
        self._sim_state(*due)
        self._sim_redraw.start()  # (the next change within its time waits for its end)

    def _sim_state(
        self, conference: dict[str, Any], participants: list[dict[str, Any]], left: dict[str, Any] | None = None
    ) -> None:
        """The controls follow the mock meeting (a plugin's /lock ticks "Locked" too).

        ``left``: you, when a plugin took you out of the meeting. The controls show the meeting without
        you, as the plugins see it; the meeting kept for a restart keeps you first, as "you" (a restart
        joins you again): without you, whoever came next would be previewing in your place.
        """
        for field, check in self.sim_toggles.items():
            check.blockSignals(True)
            check.setChecked(bool(conference.get(field)))
            check.blockSignals(False)
        current = self.sim_participant.currentData()
        self.sim_participant.blockSignals(True)
        self.sim_participant.clear()
        hand = self._hand(self.sim_participant.palette())
        for i, p in enumerate(participants):
            self.sim_participant.addItem(str(p.get("name")), p.get("uuid"))
            if p.get("buzzTime"):  # the tiles' hand, and in words for the hover text and a screen reader
                self.sim_participant.setItemIcon(i, hand)
                self.sim_participant.setItemData(i, "Hand raised", Qt.ItemDataRole.ToolTipRole)
                self.sim_participant.setItemData(i, f"{p.get('name')}, hand raised", Qt.ItemDataRole.AccessibleTextRole)
        self.sim_participant.setCurrentIndex(max(0, self.sim_participant.findData(current)))
        self.sim_participant.blockSignals(False)
        self.sim_media.blockSignals(True)
        media = str(conference.get("mediaType", "video"))
        if self.sim_media.findData(media) < 0:  # a value a plugin set that the list lacks: shown as it is
            self.sim_media.addItem(media, media)
        self.sim_media.setCurrentIndex(self.sim_media.findData(media))
        self.sim_media.blockSignals(False)
        self._fill_table(participants)
        self.meeting = ([left, *participants] if left else participants, conference)
        self._sim_remove_allowed()

    def _fill_table(self, participants: list[dict[str, Any]]) -> None:
        table = self.sim_table
        table.blockSignals(True)
        table.setRowCount(len(participants))
        for row, p in enumerate(participants):
            for column, (field, _header, kind) in enumerate(SIM_COLUMNS):
                item = table.item(row, column)
                if item is None:
                    item = QTableWidgetItem()
                    table.setItem(row, column, item)
                item.setData(Qt.ItemDataRole.UserRole, p.get("uuid"))
                if kind == "check":
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                    item.setCheckState(Qt.CheckState.Checked if p.get(field) else Qt.CheckState.Unchecked)
                elif kind == "choice":
                    value = str(p.get(field, ""))
                    if item.data(SIM_VALUE) != value:
                        item.setData(SIM_VALUE, value)
                        item.setText(choice_text(field, value))
                elif item.text() != str(p.get(field, "")):
                    item.setText(str(p.get(field, "")))
        table.blockSignals(False)
        if participants and not self._sim_fitted:  # once: later, the widths are the user's
            self._sim_fitted = True
            table.resizeColumnsToContents()
            for column, (field, _header, kind) in enumerate(SIM_COLUMNS):
                if kind == "choice":  # room for the drop-down that edits it, not only for its words
                    sizer = QComboBox()
                    sizer.addItems([text for _value, text in SIM_CHOICES[field]])
                    table.setColumnWidth(column, max(table.columnWidth(column), sizer.sizeHint().width()))
                    sizer.deleteLater()

    # -- feeding -----------------------------------------------------------------------
    def current_role(self) -> str:
        return str(self.role.currentData())

    def current_platform(self) -> str:
        return str(self.platform.currentData())

    def set_role(self, role: str) -> None:
        self.role.setCurrentIndex(max(0, self.role.findData(role)))

    def set_platform(self, platform: str) -> None:
        self.platform.setCurrentIndex(max(0, self.platform.findData(platform)))

    def set_package(self, pkg: BrandingPackage | None) -> None:
        self.package = pkg
        self.meeting = None  # another package (or the same one opened again): a fresh meeting
        self.layout = None
        self._live = False
        self.sim_preset.setCurrentIndex(0)
        self.reload()

    def reset_meeting(self) -> None:
        """Restart the plugins in the default meeting (its default layout too)."""
        self.meeting = None
        self.layout = None
        self._live = False
        self.sim_preset.setCurrentIndex(0)
        self.reload()

    def _config(self) -> dict[str, Any]:
        from ..core.preview import preview_config

        assert self.package is not None
        participants, conference = self.meeting if self.meeting is not None else (None, None)
        config = preview_config(
            self.package,
            role=self.current_role(),
            platform=self.current_platform(),
            query=self.query_params(),
            participants=participants,
            conference=conference,
            layout=self.layout,
            left=self.left if self.meeting is not None else None,
        )
        for p in config["plugins"]:
            if p["key"] in self._frozen:
                p["frozen"] = self._frozen[p["key"]]
        config["exactBusy"] = bool(self._watched)  # (see tellBusy in mock-pex.js)
        return config

    @staticmethod
    def _run_signature(config: dict[str, Any]) -> Any:
        return tuple(
            (p["key"], p["shown"], p["enabled"], p["source"] and p["source"]["text"], p["id"])
            for p in config["plugins"]
        )

    def _reload_after_edit(self) -> None:
        """The plugins restarted after an edit (a pause in the typing).

        Why its alerts are only said: a plugin calling alert() in load() showed its box, modal,
        after every pause in the typing of its source, taking the keyboard out of the editor.
        """
        self._after_edit = True
        self.reload()

    def reload(self) -> None:
        """The plugins loaded again (role, platform or source changed), in the same simulated meeting."""
        if self.package is None:
            return
        self._restart.stop()
        self._generation += 1
        self._frozen = {}  # a restart (or an edit) tries a plugin that froze the meeting again
        self._watched = []
        # A restart (Restart plugins, an edit, Host/Guest) is a rejoin: you come back in, as the meeting is
        # carried over with you first. Said, or the ended call giving way to the meeting looks like a slip.
        if self.left is not None:
            self._rejoined, self.left = self.left, None
        if self._live:
            config = self._config()  # what will run: a form edit meanwhile must not restart it again
            self._signature = (config["role"], config["platform"], self._run_signature(config))
            # The running mock's meeting (what the plugins made of it too) goes into the new page.
            generation = self._generation
            self._live = False
            self._clear_run()
            self._awaiting = generation
            self.page.runJavaScript(
                f"window.{PAGE} ? {PAGE}.PD.sim.exportMeeting() : null",
                0,
                lambda text: self._exported(generation, text),
            )
            QTimer.singleShot(HUNG_AFTER_MS, self, lambda: self._not_answering(generation))
            return
        self._load()

    def _start_cycle(self) -> None:
        """Test every button, once at a time: a second press while it runs would interleave two."""
        self.cycle_button.setEnabled(False)
        self.cycle_button.setText("Testing…")  # up to a few seconds: it waits for the plugins' timers
        self._cycle_errors = self.error_count()
        # The participant chosen in the simulator's list: a participant's menu items are pressed in their menu.
        self.page.runJavaScript(f"{PAGE}.PD.cycle(80, {json.dumps(self.sim_participant.currentData())})")

    def _cycle_over(self) -> None:
        """The button is ready again: the test finished, or the plugins were loaded anew."""
        self.cycle_button.setEnabled(True)
        self.cycle_button.setText("Test every button")

    def _cycle_done(self, restored: bool = False, ended: bool = False) -> None:
        if self.cycle_button.isEnabled():
            return  # a cycle the page ran by itself (simulate), not the button's
        self._cycle_over()
        from ..core.wording import counted

        new = self.error_count() - getattr(self, "_cycle_errors", 0)
        verdict = f"{counted(new, 'new error')}: see above" if new else "no new error"
        # What the buttons did to the meeting is undone (the page put it back): said, or the
        # meeting's lock or hands going back by themselves would look like a plugin's doing.
        back = "; the meeting is back as it was before the test" if restored else ""
        if ended:  # (it began with the call ended: you were joined for the test, see "cycle-rejoined")
            back += ", with the call ended"
        self._event({"type": "lifecycle", "plugin": None, "step": f"every button tested, {verdict}{back}"})

    def _not_answering(self, generation: int) -> None:
        """The running page did not give its meeting back: a plugin keeps it busy (an endless loop)."""
        if self._awaiting != generation or generation != self._generation:
            return
        if self._busy is not None:  # the page said which: its watchdog tells slow from frozen (_still_busy)
            return
        self._awaiting = None
        self._fresh_page(
            "The plugins did not answer (one of them is busy for good: an endless loop?). They were started "
            "again in a fresh page."
        )

    def _renderer_gone(self, status: Any, _code: int) -> None:
        """Chromium's page process ended (out of memory, a crash): start again instead of a blank view."""
        if getattr(status, "name", "") == "NormalTerminationStatus":  # the page closing, not a crash
            return
        self._awaiting = None
        QTimer.singleShot(
            0,
            self,
            lambda: self._fresh_page(
                "The page of the preview stopped (it ran out of memory or crashed). "
                "The plugins were started again in a fresh page."
            ),
        )

    def _new_page(self) -> Any:
        """A page whose plugin events and renderer crashes reach this pane.

        Its background is the meeting's own (preview.html's): until Chromium had started and drawn
        the meeting, a second or more, the view was a white block, glaring in the dark appearance
        (and again at each fresh page after a crash or a freeze)."""
        from PySide6.QtGui import QColor

        page = new_page(self)
        page.setBackgroundColor(QColor(MEETING_BACKGROUND))
        page.sig_event.connect(self._event)
        page.renderProcessTerminated.connect(self._renderer_gone)
        return page

    def _fresh_page(self, why: str) -> None:
        """Replace the page (and so its Chromium process) and load the plugins into it."""
        self._swap_page()
        self._load_keeping_log()
        self._event({"type": "warning", "plugin": None, "message": why})

    def _load_keeping_log(self) -> None:
        """Load the plugins into a fresh page, the log of the run that froze or crashed kept above its own.

        Why: the fresh page began a new log, and what the plugins had said and done before it (the
        button pressed, the console line just before the endless loop) was gone, and with it the clue.
        Its errors keep their place in Problems too, numbered anew for the log's links.
        """
        before = self.events
        self._load()
        kept = []
        for event in before:
            if event.get("type") == "error":
                event = {**event, "serial": self._errors_seen}
                self._errors_seen += 1
                self._errors_counted += int(event.get("count") or 1)
            kept.append(event)
        self.events = kept + self.events
        self._render_log()
        if self._errors_seen:
            self.sig_errors.emit(self.error_count())
            self._update_problems()

    def _swap_page(self) -> None:
        """A new page (and so a new Chromium process) in place of the old one, which goes."""
        import shiboken6

        self._cycle_over()  # a cycle the old page was running is over
        old = self.page
        self.page = self._new_page()
        self.view.setPage(self.page)
        old.say_unanswered()  # (a navigation just before the freeze, say)
        old.sig_event.disconnect(self._event)
        old.renderProcessTerminated.disconnect(self._renderer_gone)
        shiboken6.delete(old)  # its hung process goes with it
        self._live = False
        self._busy = None
        self._watchdog.stop()

    def _ask_busy_page(self) -> None:
        """Plugin code has run for a while without finishing: does the page still answer?

        Why ask: a slow load or a busy designer may delay the 'idle' event; an answer comes after
        it, so only a page that is still running that code after as long again counts as frozen.
        Answered while still busy as it said, it is asked again later: in a flood the page leaves
        unsaid the code that runs again (see busy_after), so no later 'busy' may come to start the watch.
        """
        page, busy = self.page, self._busy
        if busy is None:
            return
        answered: list[Any] = []
        page.runJavaScript("1", 0, answered.append)

        def verdict() -> None:
            if self.page is not page or self._busy is not busy:
                return
            if answered:
                self._watchdog.start()
                return
            if _waiting_for_user():
                self._watchdog.start()  # asked again later
                return
            self._still_busy()

        QTimer.singleShot(FROZEN_AFTER_MS, self, verdict)

    def _still_busy(self) -> None:
        """Plugin code has kept the page for two seconds: say so, and give it until GIVE_UP_MS.

        Why wait: a load busy for three seconds (a big calculation) finishes; stopped at two, it
        was reported as an endless loop and left off. If it finishes, the page says how long it
        took ('slow'); if not by then, it is frozen for good (:meth:`_froze`).
        """
        page, busy = self.page, self._busy
        if busy is None:
            return
        waited = 2 * FROZEN_AFTER_MS
        plugin, whose, doing = busy_whose(busy, self._plugin_name)
        self._event(
            {
                "type": "warning",
                "kind": "still-busy",
                "plugin": plugin,
                "message": f"{whose} has run for {waited / 1000:g} s without finishing {doing}: "
                f"the meeting is frozen until it does (the preview waits up to {GIVE_UP_MS / 1000:g} s)",
            }
        )

        def give_up() -> None:
            if self.page is not page or self._busy is not busy:
                return
            if _waiting_for_user():
                QTimer.singleShot(FROZEN_AFTER_MS, self, give_up)
                return
            self._froze()

        QTimer.singleShot(GIVE_UP_MS - waited, self, give_up)

    def _plugin_name(self, key: str) -> str:
        """The name the log gives the plugin ``key`` (its id when it has none)."""
        return str(self._configs.get(key, {}).get("name") or key)

    def _froze(self) -> None:
        """A plugin's code never returned (an endless loop): say which and what it was doing, and
        run the others in a fresh page without it.

        Why: the page stayed blank or frozen for good, nothing said why, and Restart plugins ran
        the same loop again; in the meeting the app would freeze the same way for its users.
        """
        busy = self._busy or {}
        plugin, whose, doing = busy_whose(busy, self._plugin_name)
        key = plugin or ""
        config = self._configs.get(key, {})
        self._awaiting = None
        # Left off, unless the plugins were asked to run again since that code began (Restart
        # plugins, an edit, a role switch): that asks to try it again, as a restart after the
        # freeze does. Why: found after such a restart, the freeze left it off all the same.
        # Plugins taking turns, the first time: they run again, each of their runs said to the designer (no flood
        # spared), so that a freeze again names the one at fault, the only one then left off (the second time, if
        # still several, each of them, or the fresh page would freeze again). Why: each was left off the first time,
        # those that had done nothing wrong with the one looping.
        suspects = busy_plugins(busy)
        several = len(suspects) > 1
        current = busy.get("generation") == self._generation
        watch = several and current and not self._watched
        left_off = bool(suspects) and current and not watch
        if left_off:
            for suspect in suspects:
                self._frozen[suspect] = busy_doing(busy, suspect)
        self._watched = suspects if watch else []
        self._swap_page()
        self._load_keeping_log()
        from ..core.preview import hung_function

        source = config.get("source") or {}
        # Which function it was running (the page cannot say which line): where a click goes.
        function = hung_function(str(source.get("text") or ""), busy) if source.get("text") else None
        self._event(
            {
                "type": "error",
                "kind": "hang",
                "plugin": key or None,
                "file": source.get("path"),
                "line": function[1] if function else None,
                "function": function[0] if function else None,
                "audience": config.get("audience"),
                "message": f"{whose} never finished {doing} (an endless loop?): nothing else could run for "
                f"{GIVE_UP_MS / 1000:g} s. "
                + (
                    "They run again here, each watched closely: a freeze again names the one at fault, "
                    "the only one then left off"
                    if watch
                    else ("They are" if several else "It is")
                    + " left off here; Restart plugins tries "
                    + ("them" if several else "it")
                    + " again"
                    if left_off
                    else "The plugins were restarted meanwhile: " + ("they run" if several else "it runs") + " again"
                ),
            }
        )

    def _exported(self, generation: int, text: Any) -> None:
        if generation != self._generation or self._awaiting != generation:
            return
        self._awaiting = None
        try:
            data = json.loads(text) if isinstance(text, str) else None
        except ValueError:
            data = None
        if isinstance(data, dict) and isinstance(data.get("participants"), list):
            self.meeting = (data["participants"], dict(data.get("conference") or {}))
            self.layout = data["layout"] if isinstance(data.get("layout"), dict) else None
            self.left = None  # (the export has you back in it: see reload)
        # It answered, so no plugin code holds it: a 'busy' not yet followed by its 'idle' is one the page says
        # later (see tellIdle in mock-pex.js), and taken as a freeze it had _load swap the page for a fresh one.
        self._busy = None
        self._load()

    def _clear_run(self) -> None:
        self.events = []
        self._errors_seen = 0  # errors of this run, old ones left out of ``events`` counted too
        self._errors_counted = 0  # and each of their repeats (see error_count)
        self._crashes = set()  # their crash_key each (see _update_problems)
        if self.problems:
            self.problems = []
            self.sig_problems.emit([])
        self._render_log()

    def _load(self) -> None:
        from ..core.preview import page_html

        assert self.package is not None
        if self._busy is not None:  # the page may be frozen in a plugin's code: it would not load anything
            self._swap_page()
        config = self._config()
        config["quietAlerts"], self._after_edit = self._after_edit, False
        self._signature = (config["role"], config["platform"], self._run_signature(config))
        self._run_generation = self._generation
        self.names = {p["key"]: p["name"] for p in config["plugins"]}
        self._configs = {p["key"]: p for p in config["plugins"]}
        self._fill_filter()
        self._clear_run()
        if self._rejoined is not None:
            how = REJOIN_SAID.get(str(self._rejoined.get("how")), REJOIN_SAID["disconnected"])
            plugin = self._rejoined.get("plugin")
            self._rejoined = None
            if self.meeting is not None:  # (Reset meeting, another package: a meeting of its own, not a rejoin)
                self.events.append(
                    {
                        "type": "note",
                        "plugin": plugin if plugin in self.names else None,
                        "text": f"{how if plugin in self.names else 'a plugin ' + how}: restarting the plugins "
                        "joins you to the meeting again, as Rejoin the meeting does",
                    }
                )
                self.log.appendHtml(self._line(self.events[-1]))
        # A plugin not for this role or platform (or off at the start) is said to be so: its button just was not there.
        if config.get("noPlugins"):  # nor any, when settings.json cannot be read
            self.events.append({"type": "note", "plugin": None, "text": config["noPlugins"]})
            self.log.appendHtml(self._line(self.events[-1]))
        from ..core.preview import not_run_said

        for p in config["plugins"]:
            note = (
                not_run_said(p)  # a file missing, as simulate says; or not for this role or platform
                or (p.get("frozen") and f"left off: it froze the meeting {p['frozen']}")
                or p.get("offAtStart")
            )
            for text in (note, p.get("placements") if not p.get("notStarted") else None):
                if text:
                    # A file the app needs is missing: coloured as a warning, not as a plain note.
                    missing = bool(p.get("unusable")) and text == note
                    self.events.append({"type": "note", "plugin": p["key"], "text": text, "missing": missing})
                    self.log.appendHtml(self._line(self.events[-1]))
        self._cycle_over()  # a test the page was running ends with it (a role switched meanwhile)
        load_html(self.page, page_html(config))

    def refresh(self) -> None:
        """After a form edit: redraw the menus in place; reload only when what runs changed."""
        if self.package is None:
            return
        config = self._config()
        signature = (config["role"], config["platform"], self._run_signature(config))
        if signature != self._signature:
            self._restart.start()
            return
        self.names = {p["key"]: p["name"] for p in config["plugins"]}
        self.page.runJavaScript(f"window.{PAGE} && {PAGE}.UI && {PAGE}.UI.setConfig({json.dumps(config)})")

    def forget_edited_crashes(self) -> None:
        """The crashes found in plugins edited since the page ran them, dropped (for the window to
        call while the pane is closed, when nothing runs the edited code).

        Why: a crash fixed in the editor with the preview closed stayed in Problems, blocking the
        export with a line that now held other code, until the preview was opened again.
        """
        if self.package is None or not self.problems or self._signature is None:
            return
        ran = {p[0]: p for p in self._signature[2]}
        now = {p[0]: p for p in self._run_signature(self._config())}
        edited = {key for key in ran.keys() | now.keys() if ran.get(key) != now.get(key)}
        kept = [p for p in self.problems if p.plugin not in edited]
        if kept != self.problems:
            self.problems = kept
            self.sig_problems.emit(list(kept))

    # -- the log -----------------------------------------------------------------------
    def _fill_filter(self) -> None:
        current = self.log_filter.currentData()
        self.log_filter.blockSignals(True)
        self.log_filter.clear()
        self.log_filter.addItem("All plugins", None)
        for key, name in self.names.items():
            self.log_filter.addItem(name, key)
        index = self.log_filter.findData(current)
        self.log_filter.setCurrentIndex(max(0, index))
        self.log_filter.blockSignals(False)

    def _event(self, event: dict[str, Any]) -> None:
        if event.get("type") == "cycle-done":
            self._cycle_done(bool(event.get("restored")), bool(event.get("ended")))
            return
        if event.get("type") == "cycle-failed":  # the button is ready again, and the log says why it stopped
            self._cycle_over()
            event = {"type": "warning", "plugin": None, "message": cycle_failed_said(event)}
        if event.get("type") == "cycle-rejoined":  # the test began with the call ended: it joins you first
            plugin = event.get("plugin")
            how = REJOIN_SAID.get(str(event.get("how")), REJOIN_SAID["disconnected"])
            then = (
                "to press the next one, as Rejoin the meeting does"  # (a button of this test ended the call)
                if event.get("during")
                else "first, as Rejoin the meeting does; the call ends again after the test"
            )
            event = {
                "type": "note",
                "plugin": plugin if plugin in self.names else None,
                "text": f"{how if plugin in self.names else 'a plugin ' + how}: testing every button joins you to "
                f"the meeting again {then}",
            }
            self.events.append(event)
            self.log.appendHtml(self._line(event))
            return
        if event.get("type") == "started":
            self._live = True
        if event.get("type") == "slow":  # finished after a while: a warning (see slow_warning)
            event = slow_warning(event)
        if event.get("type") == "busy":  # the run it froze, if it does
            self._busy = {**busy_after(self._busy, event), "generation": self._run_generation}
            self._watchdog.start()
        elif event.get("type") == "idle":
            self._busy = None
            self._watchdog.stop()
        if event.get("type") in ("mock-state", "started") and isinstance(event.get("conference"), dict):
            left = event.get("left") if isinstance(event.get("left"), dict) else {}
            you = left.get("you") if isinstance(left.get("you"), dict) else None
            self.left = {"how": left.get("how"), "plugin": left.get("plugin")} if you else None
            self._follow_meeting(event["conference"], list(event.get("participants") or []), you)
            self.layout = event["layout"] if isinstance(event.get("layout"), dict) else None
        if event.get("type") in ("error", "warning", "console", "request", "dialog", "lifecycle", "note"):
            if event.get("type") == "error":
                # Its number for the log's link: kept with it, as older errors may leave ``events``.
                event = {**event, "serial": self._errors_seen}
                self._errors_seen += 1
                self._errors_counted += int(event.get("count") or 1)
            if self._repeats_again(event):
                return
            self.events.append(event)
            wanted = self.log_filter.currentData()
            if wanted is None or wanted == event.get("plugin"):
                self.log.appendHtml(self._line(event))
            if len(self.events) > 2 * LOG_LINES:
                self._forget_old_events(len(self.events) - LOG_LINES)
            if event.get("type") == "error":
                self.sig_errors.emit(self.error_count())
                # Only a crash not seen before adds a problem. Why: a timer throwing every few milliseconds had them
                # worked out anew from up to 4,000 errors at each repeat, a third of the window's time.
                from ..core.preview import crash_key

                if crash_key(event) not in self._crashes:
                    self._update_problems()

    def _repeats_again(self, event: dict[str, Any]) -> bool:
        """The page's repeats of an error, warning or note (``count``) said in the line of their last repeats,
        moved to the end of the log, which now counts them all (True), rather than in one more line. Why: a timer
        throwing every few milliseconds filled the log with the same line, a few a second, the rest of the log
        lost among them; two such timers, their lines taking turns, did so still."""
        from PySide6.QtGui import QTextCursor

        back = self._repeated_event(event)
        if back is None:
            return False
        old = self.events.pop(back)
        self.events.append(event)
        if event.get("type") == "error":
            self.sig_errors.emit(self.error_count())
        wanted = self.log_filter.currentData()
        if wanted is None or wanted == old.get("plugin"):
            block = self.log.document().lastBlock()
            for later in self.events[back:-1]:  # (the lines below it)
                if wanted is None or wanted == later.get("plugin"):
                    block = block.previous()
            cursor = QTextCursor(block)
            cursor.select(QTextCursor.SelectionType.BlockUnderCursor)
            cursor.removeSelectedText()
        if wanted is None or wanted == event.get("plugin"):
            self.log.appendHtml(self._line(event))
        return True

    def _repeated_event(self, event: dict[str, Any]) -> int | None:
        """Where in ``events`` the last repeats of ``event`` are, if only repeats (of it or others) came after
        them, among the last REPEAT_LINES; else None (a line that is no repeat keeps the order the log tells)."""
        if not event.get("count"):
            return None
        for back in range(len(self.events) - 1, max(-1, len(self.events) - 1 - REPEAT_LINES), -1):
            seen = self.events[back]
            if not seen.get("count"):
                return None
            request = event.get("type") == "request"
            if seen.get("type") == event.get("type") and _repeat_key(seen, request) == _repeat_key(event, request):
                if seen.get("text") == event.get("text"):
                    return back
        return None

    def _forget_old_events(self, cut: int) -> None:
        """Leave out the ``cut`` oldest events, which the log no longer shows, but for the first
        error of each place and message (Problems shows one problem for each: see crash_problems).

        Why the errors too: a plugin throwing on a timer kept every error for the whole run (memory
        without end, and each new event copied the growing list); its repeats say nothing new.
        """
        from ..core.preview import crash_key

        kept: dict[tuple[Any, ...], dict[str, Any]] = {}
        for e in self.events[:cut]:
            if e.get("type") == "error":
                kept.setdefault(crash_key(e), e)
        self.events = list(kept.values()) + self.events[cut:]

    def _update_problems(self) -> None:
        from ..core.preview import crash_key, crash_problems

        errors = [e for e in self.events if e.get("type") == "error"]
        self._crashes = {crash_key(e) for e in errors}
        problems = crash_problems(errors)
        if problems != self.problems:
            self.problems = problems
            self.sig_problems.emit(list(problems))

    def _link(self, href: str) -> None:
        """A click on an error in the log: its PD800 problem, for the window to show its line."""
        from ..core.preview import crash_problems

        if not href.startswith("pd-event:"):
            return
        try:
            serial = int(href.split(":", 1)[1])
        except ValueError:
            return
        event = next((e for e in self.events if e.get("type") == "error" and e.get("serial") == serial), None)
        if event is None:
            return
        problem = crash_problems([event])[0]
        if problem.file:
            self.sig_jump.emit(problem)

    def error_count(self) -> int:
        """The errors of this run so far, the repeats no longer kept (see _forget_old_events) and those the page
        said together (see _repeats_again) too."""
        return self._errors_counted

    def _render_log(self) -> None:
        wanted = self.log_filter.currentData()
        self.log.clear()
        for event in self.events:
            if wanted is None or wanted == event.get("plugin"):
                self.log.appendHtml(self._line(event))

    @staticmethod
    def _pressed(event: dict[str, Any]) -> str:
        """A button press in the user's words: its label as shown (“Lock meeting”), and whose menu
        it was in; the function it runs only when it has no label (it is the plugin's name for it)."""
        label = event.get("label")
        text = (
            f"pressed “{isolated(str(label))}”"
            if label and label != event.get("action")
            else f"pressed a button ({event.get('action')})"
        )
        if event.get("targetName"):
            text += f" in {isolated(str(event['targetName']))}'s menu"
        return html.escape(text)

    def _line(self, event: dict[str, Any]) -> str:
        """The log's line for ``event``; an error's link is its ``serial``, its number among the run's
        errors (not its place among all events: the oldest of those are let go, see _forget_old_events)."""
        kind = str(event.get("type"))
        # A name in Arabic or Hebrew laid out on its own: the line stays English, left to right (see bidi).
        who = html.escape(isolated(str(self.names.get(event.get("plugin") or "", event.get("plugin") or "?"))))
        from ..core.preview import console_said, crash_said, repeated_said

        # An error with a file and line is a link: a click opens the source editor there.
        linked = kind == "error" and bool(event.get("file") and (event.get("line") or event.get("kind") == "hang"))
        if kind == "error":  # in simulate's words (see crash_said)
            headline, detail = crash_said(event)
            text = f"<b>{html.escape(headline)}</b> — {html.escape(detail)}"
        elif kind == "warning":
            text = "warning: " + html.escape(isolate_quoted(str(event.get("message"))) + repeated_said(event))
        elif kind == "request":
            from ..core.preview import request_said

            people = {str(p.get("uuid")): str(p.get("name")) for p in (self.meeting or ([], {}))[0]}
            text = html.escape(request_said(event, people) + repeated_said(event, request=True))
            # Previewing as a guest: this button fails for guests (as check's PD517 says); or the
            # conference could not do it (a layout it does not have, PD513; someone not in the
            # meeting; a request it does not know, PD515): each a warning, not "→ ok" blue.
            if not event.get("ok"):
                kind = "refused"
        elif kind == "lifecycle":
            step = str(event.get("step"))
            if event.get("plugin") is None:  # about the whole run (Test every button's summary)
                who, text = "all plugins", html.escape(step)
            else:
                # What the user saw happen, in their words ("load called" named the plugin's function).
                text = {"load": "started", "unload": "switched off"}.get(step) or self._pressed(event)
        elif kind == "note":  # what the designer knows without running the plugin (not started here)
            kind = "warning" if event.get("missing") else "lifecycle"
            text = html.escape(isolate_quoted(str(event.get("text"))) + repeated_said(event))
            if event.get("plugin") is None:  # about the whole package (settings.json unreadable)
                who = "all plugins"
        elif kind == "dialog":
            text = "opened dialog “" + html.escape(isolated(str(event.get("title")))) + "”" + repeated_said(event)
        else:
            # The plugin's own message in Arabic or Hebrew laid out right to left on its own (see bidi).
            said = console_said(
                str(event.get("level")), isolated(str(event.get("text"))), event.get("file"), event.get("line")
            )
            text = html.escape(said)
        colour = _LOG_COLOURS.get(kind, _LOG_COLOURS["console"])[is_dark(self.log.palette())]
        serial = event.get("serial", -1)
        if linked and serial >= 0:  # click: the source editor at that line
            return f'<a href="pd-event:{serial}" style="color:{colour};text-decoration:none">[{who}] {text}</a>'
        return f'<span style="color:{colour}">[{who}] {text}</span>'
