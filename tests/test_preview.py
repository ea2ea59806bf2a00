"""The preview: the plugins' real JavaScript in offscreen Chromium against the mock meeting.

Kept few and fast: one simulation per package, one preview pane for the GUI checks.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from conftest import EXAMPLE, ROOT
from PySide6.QtWidgets import QApplication

from designer.core.model import load
from designer.core.preview import preview_config, shown_for

PLUGINS = EXAMPLE / "webapp2" / "plugins"


def _throwing_project(tmp_path: Path) -> tuple[Path, dict[str, int]]:
    """The example with one throw in load, one in an action and one in a promise callback."""
    dst = tmp_path / "throwing"
    shutil.copytree(EXAMPLE, dst)
    plugins = dst / "webapp2" / "plugins"
    lines: dict[str, int] = {}

    def insert(name: str, after: str, code: str) -> None:
        path = plugins / name / f"{name}.plugin.js"
        text = path.read_text(encoding="utf-8").split("\n")
        index = next(i for i, line in enumerate(text) if after in line)
        text.insert(index + 1, code)
        path.write_text("\n".join(text), encoding="utf-8")
        lines[name] = index + 2  # 1-based line of the inserted code

    insert("lock-toggle", "function load(", "        throw new Error('load broke');")
    insert("meeting-info", "function showMeetingInfo(", "        var broken = null; broken.title = 'x';")
    insert(
        "raise-hand-helper",
        "function lowerHand(",
        "        Promise.resolve().then(function () { throw new RangeError('late'); });",
    )
    return dst, lines


@pytest.fixture(scope="module")
def example_report(qapp: Any) -> dict[str, Any]:
    from designer.gui.preview import simulate

    return simulate(load(EXAMPLE)).as_json()


def test_examples_load_and_run_every_action_without_errors(example_report: dict[str, Any]) -> None:
    assert example_report["ok"], example_report
    by_id = {p["id"]: p for p in example_report["plugins"]}
    assert set(by_id) == {"lock-toggle", "meeting-info", "raise-hand-helper"}
    for p in by_id.values():
        assert p["errors"] == [] and p["warnings"] == []
        steps = [s["step"] for s in p["steps"]]
        assert steps == ["load", "action", "unload", "load"], (p["id"], steps)
    assert [r["path"] for r in by_id["lock-toggle"]["requests"]] == ["/lock"]
    assert by_id["raise-hand-helper"]["requests"][0]["path"].endswith("/clearbuzz")
    assert by_id["meeting-info"]["dialogs"] == [{"title": "Meeting information"}]
    # close$ fired when the cycle closed the dialog (the plugin logs it).
    assert any("dialog closed" in c["text"] for c in by_id["meeting-info"]["console"])
    assert by_id["lock-toggle"]["console"][0]["file"] == "plugins/lock-toggle/lock-toggle.plugin.js"


def test_throws_in_load_action_and_promise_are_reported_with_their_line(qapp: Any, tmp_path: Path) -> None:
    from designer.gui.preview import simulate

    project, lines = _throwing_project(tmp_path)
    report = simulate(load(project)).as_json()
    assert not report["ok"]
    errors = {p["id"]: p["errors"] for p in report["plugins"]}
    for pid, line in lines.items():
        assert errors[pid], pid
        first = errors[pid][0]
        assert first["file"] == f"plugins/{pid}/{pid}.plugin.js"
        assert first["line"] == line, (pid, first)
    assert "load broke" in errors["lock-toggle"][0]["message"] and errors["lock-toggle"][0]["where"] == "load"
    assert errors["meeting-info"][0]["message"].startswith("TypeError")
    assert errors["raise-hand-helper"][0]["kind"] == "rejection" and "late" in errors["raise-hand-helper"][0]["message"]


def test_an_error_thrown_later_from_a_timer_is_caught_before_the_run_ends(qapp: Any, tmp_path: Path) -> None:
    """simulate waits for the timers the plugins set (up to a few seconds): a throw in a
    setTimeout callback would crash the app as surely as one in the action itself."""
    from designer.gui.preview import simulate

    dst = tmp_path / "late"
    shutil.copytree(EXAMPLE, dst)
    path = dst / "webapp2" / "plugins" / "lock-toggle" / "lock-toggle.plugin.js"
    text = path.read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(text) if "function load(" in line)
    # Set in load, which runs last in the cycle: nothing after it would give the timer time to fire.
    text.insert(index + 1, "        setTimeout(function () { setTimeout(function () { null.x; }, 300); }, 400);")
    path.write_text("\n".join(text), encoding="utf-8")
    report = simulate(load(dst)).as_json()
    errors = {p["id"]: p["errors"] for p in report["plugins"]}
    assert not report["ok"]
    assert errors["lock-toggle"] and errors["lock-toggle"][0]["line"] == index + 2, errors
    assert errors["lock-toggle"][0]["message"].startswith("TypeError")
    assert errors["meeting-info"] == [] and errors["raise-hand-helper"] == []


def test_a_syntax_error_is_reported_at_its_line_and_errors_say_which_load(qapp: Any, tmp_path: Path) -> None:
    """A file the browser cannot parse is reported where the checks put it (the error is raised by
    the injecting appendChild, whose own stack says nothing about the file)."""
    from designer.gui.preview import simulate

    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    js = project / "webapp2/plugins/meeting-info/meeting-info.plugin.js"
    lines = js.read_text().splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if "function unload" in line)
    lines[at] = lines[at].replace("{", "{ {", 1)
    js.write_text("".join(lines))
    report = simulate(load(project)).as_json()
    (error,) = next(p for p in report["plugins"] if p["id"] == "meeting-info")["errors"]
    assert error["file"] == "plugins/meeting-info/meeting-info.plugin.js" and error["line"] > at
    assert error["message"].startswith("SyntaxError:") and "appendChild" not in error["message"]


def test_role_and_platform_decide_which_plugins_load(tmp_path: Path) -> None:
    pkg = load(EXAMPLE)
    names = {p.entry.id: p for p in pkg.plugins}
    assert shown_for(names["lock-toggle"], "chair", "web")
    assert not shown_for(names["lock-toggle"], "guest", "web")
    assert shown_for(names["meeting-info"], "guest", "android")
    names["meeting-info"].package.platforms = ["web"]
    config = preview_config(pkg, role="guest", platform="ios")
    assert [p["id"] for p in config["plugins"] if p["shown"]] == []
    config = preview_config(pkg, role="guest", platform="web")
    assert [p["id"] for p in config["plugins"] if p["shown"]] == ["meeting-info"]


def _js(qtbot: Any, page: Any, script: str) -> Any:
    with qtbot.waitCallback(timeout=5000) as cb:
        page.runJavaScript(script, 0, cb)
    return cb.args[0]


_OPEN_MENUS = """(function () {
    if (!document.getElementById('pd-conf-menu')) { document.getElementById('pd-conf-button').click(); }
    var who = PD.defaultParticipant();
    var row = who && Array.from(document.querySelectorAll('.pd-row[data-participant]')).find(function (r) {
        return r.dataset.participant === who.uuid; });
    if (row && row.getAttribute('aria-expanded') !== 'true') { row.click(); }
    return true; })()"""


def _open_menus(qtbot: Any, page: Any) -> None:
    """Click the meeting menu's button and a participant (the one with a raised hand) open, as a
    user does: the mock meeting starts with its menus closed."""
    _js(qtbot, page, _OPEN_MENUS)


def _wait_started(qtbot: Any, pane: Any) -> None:
    qtbot.waitUntil(lambda: any(e.get("step") == "load" for e in pane.events), timeout=10000)
    qtbot.waitUntil(lambda: _js(qtbot, pane.page, "!!(window.PD && PD.started)") is True, timeout=5000)


@contextlib.contextmanager
def _window_with_preview(
    project: Path, size: tuple[int, int] = (1280, 800), plugin: int | None = None
) -> Iterator[Any]:
    """A 1280-px window on ``project`` (its ``plugin``'s form shown) with the preview dock open,
    closed without questions after."""
    from designer.gui.main_window import MainWindow

    win = MainWindow()
    try:
        win.resize(*size)  # a laptop screen: the dock must fit beside the tree and the editor
        win.show()
        win.open_path(project)
        if plugin is not None:
            win.tree.setCurrentItem(win._find_tree_item(win.tree.topLevelItem(0), ("plugin", plugin)))
        win.show_preview()
        yield win
    finally:
        if win.editor is not None:
            win.editor.undo_stack.setClean()  # no "save changes?" question on close
        win.close()
        shiboken6.delete(win)  # its page now, before Chromium's profile goes at exit


_PLACED = """JSON.stringify(Array.from(document.querySelectorAll('[data-plugin]')).map(function (el) {
    return [el.dataset.kind, el.dataset.plugin, el.dataset.label]; }))"""


def test_preview_dock_places_items_follows_switches_state_and_requests(qtbot: Any, tmp_path: Path) -> None:
    project = tmp_path / "example"
    shutil.copytree(EXAMPLE, project)
    with _window_with_preview(project) as win:
        _dock_checks(qtbot, win)


def test_the_preview_opens_after_a_second_project_was_opened(qtbot: Any, tmp_path: Path) -> None:
    """Opening another project (or the same one again) and then View ▸ Preview stopped with
    "Internal C++ object (QMenu) already deleted": reading the Tab order had made the window a
    Python child of the first project's plugin page, whose going took the window's menus along."""
    from PySide6.QtCore import QEvent, Qt

    from designer.gui.main_window import MainWindow

    first, second = tmp_path / "first", tmp_path / "second"
    shutil.copytree(EXAMPLE, first)
    shutil.copytree(EXAMPLE, second)
    win = MainWindow()
    try:
        win.resize(1280, 800)
        win.show()
        win.activateWindow()
        qtbot.waitUntil(win.isActiveWindow)
        win.open_path(first)
        win.open_path(second)
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the first project's page goes
        qtbot.keyClick(win, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        dock = win.findChild(type(win.problems_dock), "previewDock")
        assert dock is not None and dock.isVisible()
        assert dock.toggleViewAction() in win.view_menu.actions()
    finally:
        if win.editor is not None:
            win.editor.undo_stack.setClean()
        win.close()
        shiboken6.delete(win)


def _dock_checks(qtbot: Any, win: Any) -> None:
    dock = win.findChild(type(win.problems_dock), "previewDock")
    assert dock is not None and dock.isVisible()
    pane = win.preview_pane
    # the keyboard went with the dock (it is not in the Tab order): to its first control
    qtbot.waitUntil(lambda: pane.role.hasFocus())
    pane.sim_button.setChecked(True)  # the simulator's rows too
    qtbot.waitUntil(lambda: pane.sim_panel.isVisible())
    assert win.width() == 1280
    assert win.tree.width() >= 160 and win.stack.width() >= 300  # neither squeezed to nothing
    pane.sim_button.setChecked(False)
    _wait_started(qtbot, pane)

    # The menus start closed, as in the app; their buttons count the plugin items inside.
    assert {k for k, _, _ in json.loads(_js(qtbot, pane.page, _PLACED))} == {"toolbar"}
    assert _js(qtbot, pane.page, "document.querySelector('#pd-conf-button .pd-count').title") == (
        "1 plugin item in this menu"
    )
    _open_menus(qtbot, pane.page)
    placed = json.loads(_js(qtbot, pane.page, _PLACED))
    kinds = {(k, p) for k, p, _ in placed}
    assert kinds == {("toolbar", "lock-toggle"), ("conference", "meeting-info"), ("participants", "raise-hand-helper")}
    # The null label of lock-toggle shows what its state$ said once loaded; without any state, a placeholder.
    assert ["toolbar", "lock-toggle", "Lock meeting"] in placed
    unset = "PDUI.look(PD.plugins['meeting-info'].cfg, {icon: null, label: null}).plain"
    assert _js(qtbot, pane.page, unset) == "(set at run time)"

    # A click on the toolbar button runs the plugin's action: /lock is logged and flips `locked`.
    _js(qtbot, pane.page, "document.querySelector('[data-kind=toolbar]').click(); true")
    qtbot.waitUntil(lambda: any(e.get("path") == "/lock" for e in pane.events), timeout=5000)
    assert _js(qtbot, pane.page, "PD.conference().locked") is True
    qtbot.waitUntil(lambda: "/lock" in pane.log.toPlainText(), timeout=2000)
    placed = json.loads(_js(qtbot, pane.page, _PLACED))
    assert ["toolbar", "lock-toggle", "Unlock meeting"] in placed  # state$.next changed the label

    # A form edit reaches the menus without reloading the plugins.
    plugin = win.package.plugin_by_id("meeting-info")
    win.editor.edit(
        "label",
        lambda pkg: setattr(
            pkg.plugin_by_id("meeting-info").package.menu_items["conference"][0], "label", "About this meeting"
        ),
    )
    assert plugin is not None
    qtbot.waitUntil(
        lambda: (
            ["conference", "meeting-info", "About this meeting"] in json.loads(_js(qtbot, pane.page, _PLACED)) or False
        ),
        timeout=5000,
    )
    assert _js(qtbot, pane.page, "PD.conference().locked") is True  # same meeting

    # Guests get only the meeting information item.
    pane.set_role("guest")
    _wait_started(qtbot, pane)
    _open_menus(qtbot, pane.page)
    placed = json.loads(_js(qtbot, pane.page, _PLACED))
    assert {p for _, p, _ in placed} == {"meeting-info"}
    assert pane.error_count() == 0


def _cli(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "designer", *map(str, args)], capture_output=True, text=True, cwd=ROOT, timeout=120
    )


def test_simulate_command_json(tmp_path: Path) -> None:
    good = _cli("simulate", EXAMPLE, "--json")
    assert good.returncode == 0, good.stderr
    # Chromium's and the offscreen platform's routine notes (no OpenGL, no D-Bus) read as failures.
    assert not [line for line in good.stderr.splitlines() if line.strip()], good.stderr
    data = json.loads(good.stdout)
    assert data["ok"] and data["errors"] == 0 and data["role"] == "chair"
    project, lines = _throwing_project(tmp_path)
    bad = _cli("simulate", project, "--json", "--role", "guest")
    assert bad.returncode == 1
    data = json.loads(bad.stdout)
    errors = {p["id"]: p["errors"] for p in data["plugins"] if p["errors"]}
    assert set(errors) == {"meeting-info"}  # guests load only this one
    assert errors["meeting-info"][0]["line"] == lines["meeting-info"]


def test_simulate_names_the_plugin_whose_request_the_preview_stopped(tmp_path: Path) -> None:
    """A request to another server is stopped (it never leaves this computer); the blocker sees
    only the address, and `simulate --json` put the warning among "unattributed" with "plugin":
    null. It now sits with the plugin that made it, for each way a plugin can ask."""
    project = tmp_path / "asks"
    shutil.copytree(EXAMPLE, project)
    plugins = project / "webapp2" / "plugins"
    asks = {
        "lock-toggle": "fetch('https://hooks.example.com/lock').catch(function () {});",
        "meeting-info": "var pixel = new Image(); pixel.src = 'https://tracker.example.com/p.gif';",
        "raise-hand-helper": "var ws = new WebSocket('wss://push.example.com/hands'); ws.onerror = function () {};",
    }
    package = plugins / "lock-toggle" / "lock-toggle.plugin.package.json"
    package.write_text(package.read_text().replace('"chair"\n', '"chair", "guest"\n'))  # a guest's request too
    for name, code in asks.items():
        js = plugins / name / f"{name}.plugin.js"
        head, tail = js.read_text(encoding="utf-8").split("function load(", 1)
        js.write_text(head + "function load(" + tail.replace(") {", ") {\n        " + code, 1), encoding="utf-8")
    for role, ran in (("chair", set(asks)), ("guest", {"lock-toggle", "meeting-info"})):
        result = _cli("simulate", project, "--json", "--role", role)
        data = json.loads(result.stdout)
        assert data["unattributed"] == [], data["unattributed"]
        stopped = {
            p["key"]: {w["url"] for w in p["warnings"] if w.get("kind") == "blocked-request"}  # (loaded twice)
            for p in data["plugins"]
            if p["loaded"]
        }
        urls = {name: {code.split("'")[1]} for name, code in asks.items() if name in ran}
        assert {k: v for k, v in stopped.items() if v} == urls, (role, stopped)
        text = _cli("simulate", project, "--role", role).stdout
        assert "did not send a request to https://hooks.example.com/lock" in text
        assert "error: the preview did not send" not in text  # a warning, said as one


def test_simulate_says_which_file_keeps_a_plugin_from_running(tmp_path: Path) -> None:
    dst = tmp_path / "missing"
    shutil.copytree(EXAMPLE, dst)
    plugins = dst / "webapp2" / "plugins"
    (plugins / "lock-toggle" / "lock-toggle.plugin.js").unlink()
    (plugins / "meeting-info" / "meeting-info.plugin.package.json").unlink()
    out = _cli("simulate", dst, "--role", "guest")
    lines = out.stdout.splitlines()
    assert "Lock toggle: not run: its source file plugins/lock-toggle/lock-toggle.plugin.js is missing" in out.stdout
    assert any(
        "not run: its package file plugins/meeting-info/meeting-info.plugin.package.json is missing" in line
        for line in lines
    )
    # In the log's words (a file missing: "not run", as the log says too).
    assert "Raise hand helper: not started for a Guest: it is for Hosts only ('Available to' in its form)" in lines


def test_every_recipe_runs_its_cycle_without_errors(qapp: Any, tmp_path: Path) -> None:
    """All recipes in one package (one page): load, each action, unload, load again, no Oops."""
    from designer.core.plugins import add_plugin_files, unique_id
    from designer.core.recipes import coerce_answers, list_recipes, render
    from designer.gui.preview import simulate

    project = tmp_path / "recipes"
    shutil.copytree(EXAMPLE, project)
    pkg = load(project)
    for recipe in list_recipes():
        answers, wrong = coerce_answers(recipe, {})
        assert not wrong, (recipe.name, wrong)
        add_plugin_files(pkg, render(recipe, answers, unique_id(pkg, recipe.name)))
    report = simulate(pkg).as_json()
    assert report["ok"], [(p["id"], p["errors"]) for p in report["plugins"] if p["errors"]]
    ran = [p for p in report["plugins"] if any(s["step"] == "action" for s in p["steps"])]
    assert len(ran) >= 12


def test_plugin_code_in_the_preview_reaches_no_host_and_no_local_file(qapp: Any, tmp_path: Path) -> None:
    """The plugins' code runs for real: a fetch to a host must not leave, and a page big enough
    to be loaded from a temporary file must not read other files."""
    import http.server
    import threading

    from designer.gui.preview import simulate

    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the library's name
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    secret = tmp_path / "secret.txt"
    secret.write_text("top secret")
    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    folder = project / "webapp2/plugins/meeting-info"
    js = folder / "meeting-info.plugin.js"
    code = (
        f"    fetch('http://127.0.0.1:{server.server_port}/leak').catch(function () {{}});\n"
        "    try { var x = new XMLHttpRequest(); x.open('GET', 'file://" + str(secret) + "', false); x.send();"
        " console.log('read: ' + x.responseText); } catch (e) { console.log('no read'); }\n"
    )
    text = js.read_text()
    js.write_text(text.replace("(function () {", "(function () {\n" + code, 1))
    try:
        report = simulate(load(project)).as_json()
        warnings = [w for p in report["plugins"] for w in p["warnings"]] + report.get("unattributed", [])
        assert any("did not send a request" in str(w) for w in warnings), report  # and it says so
        # Big enough to go through a temporary file: no local file to read from there either.
        (folder / "padding.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'>" + " " * 1_800_000 + "</svg>")
        big = simulate(load(project)).as_json()
    finally:
        server.shutdown()
        server.server_close()
    assert hits == []
    texts = [c["text"] for r in (report, big) for p in r["plugins"] for c in p["console"]]
    assert not any("top secret" in t for t in texts), texts
    assert any("no read" in t for t in texts)


@contextlib.contextmanager
def _preview_of(qtbot: Any, project: Path) -> Iterator[Any]:
    """The preview pane of a window on ``project``, once its plugins have started."""
    with _window_with_preview(project) as win:
        _wait_started(qtbot, win.preview_pane)
        yield win.preview_pane


def _keyboard_in_meeting(qtbot: Any, pane: Any) -> None:
    """The preview's window active and the keyboard in the mock meeting."""
    win = pane.window()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    pane.view.setFocus()


def _with_code(tmp_path: Path, plugin: str, old: str, new: str) -> Path:
    """The example with the first ``old`` in the code of ``plugin`` replaced by ``new``."""
    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    js = project / f"webapp2/plugins/{plugin}/{plugin}.plugin.js"
    js.write_text(js.read_text().replace(old, new, 1))
    return project


def _looping(tmp_path: Path, plugin: str, action: str) -> Path:
    """The example with ``action`` of ``plugin`` looping for ever (its old body renamed away)."""
    stuck = f"function {action}() {{ while (true) {{}} }}\n    function unused("
    return _with_code(tmp_path, plugin, f"function {action}(", stuck)


def test_a_plugin_stuck_in_an_endless_loop_does_not_take_the_preview_for_good(qtbot: Any, tmp_path: Path) -> None:
    """Restart plugins must work again once a plugin looped: the page is replaced, and the log says why."""
    with _preview_of(qtbot, _looping(tmp_path, "lock-toggle", "toggleLock")) as pane:
        pane.page.runJavaScript("document.querySelector('[data-kind=toolbar]').click()")  # never returns
        pane.reload()
        froze = "its code never finished when its button “Lock meeting” was pressed"
        qtbot.waitUntil(lambda: any(froze in str(e.get("message")) for e in pane.events), timeout=10000)
        _wait_started(qtbot, pane)  # a fresh page, with the plugins loaded again
        assert _js(qtbot, pane.page, "1 + 1") == 2


def test_simulate_fails_a_plugin_that_never_finishes(qapp: Any, tmp_path: Path) -> None:
    from designer.gui.preview import simulate

    project = _looping(tmp_path, "meeting-info", "showMeetingInfo")
    report = simulate(load(project), timeout=3).as_json()
    assert not report["ok"]
    (error,) = next(p for p in report["plugins"] if p["id"] == "meeting-info")["errors"]
    assert error["kind"] == "hang" and "endless loop" in error["message"]


def test_simulate_names_the_plugin_whose_file_loops_before_any_step_begins(qapp: Any, tmp_path: Path) -> None:
    """A loop at the top of a plugin's file froze the page before any step began: simulate said
    "the plugins did not finish", naming no plugin, and each plugin "0 uncaught errors". Now the
    plugin the page was running is named, with its file and what it was doing, as the preview says."""
    from designer.gui.preview import simulate

    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    source = project / "webapp2/plugins/meeting-info/meeting-info.plugin.js"
    source.write_text("while (true) {}\n" + source.read_text(encoding="utf-8"), encoding="utf-8")
    report = simulate(load(project), timeout=3).as_json()
    assert not report["ok"]
    (error,) = next(p for p in report["plugins"] if p["id"] == "meeting-info")["errors"]
    assert error["kind"] == "hang" and error["file"] == "plugins/meeting-info/meeting-info.plugin.js"
    assert error["message"].startswith("its code never finished while starting (an endless loop?)")
    assert all(not p["errors"] for p in report["plugins"] if p["id"] != "meeting-info")


def test_a_crashed_preview_page_is_replaced(qtbot: Any, tmp_path: Path) -> None:
    """Chromium's page process gone (out of memory, a crash): a fresh page, not a blank view."""
    import os
    import signal

    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    with _preview_of(qtbot, project) as pane:
        old = pane.page
        os.kill(old.renderProcessPid(), signal.SIGKILL)
        qtbot.waitUntil(lambda: pane.page is not old, timeout=10000)
        qtbot.waitUntil(lambda: any("stopped" in str(e.get("message")) for e in pane.events), timeout=10000)
        _wait_started(qtbot, pane)
        assert _js(qtbot, pane.page, "1 + 1") == 2


def test_test_every_button_runs_once_at_a_time_and_sums_up(qtbot: Any, tmp_path: Path) -> None:
    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    with _preview_of(qtbot, project) as pane:
        pane.cycle_button.click()
        assert not pane.cycle_button.isEnabled()  # a second press cannot start another run meanwhile
        qtbot.waitUntil(pane.cycle_button.isEnabled, timeout=15000)
        assert "every button tested, no new error" in pane.log.toPlainText()


def test_test_every_button_says_it_runs_and_a_restart_meanwhile_ends_it(qtbot: Any, tmp_path: Path) -> None:
    """Switching Host/Guest during the test loads the plugins anew: the button must come back
    (it stayed greyed out for good)."""
    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    with _preview_of(qtbot, project) as pane:
        pane.cycle_button.click()
        assert pane.cycle_button.text() == "Testing…" and not pane.cycle_button.isEnabled()
        pane.role.setCurrentIndex(1)  # Guest
        qtbot.waitUntil(pane.cycle_button.isEnabled, timeout=10000)
        assert pane.cycle_button.text() == "Test every button"


def _example_with_meeting_info_off(tmp_path: Path) -> Path:
    """A copy of the example whose 'meeting-info' plugin is off by default (settings.json)."""
    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    settings = project / "webapp2" / "settings.json"
    data = json.loads(settings.read_text())
    for entry in data["plugins"]:
        if entry["id"] == "meeting-info":
            entry["enabled"] = False
    settings.write_text(json.dumps(data, indent=4))
    return project


def test_a_plugin_off_by_default_is_tested_too_and_left_off(qtbot: Any, tmp_path: Path) -> None:
    project = _example_with_meeting_info_off(tmp_path)
    with _preview_of(qtbot, project) as pane:
        pane.cycle_button.click()
        qtbot.waitUntil(pane.cycle_button.isEnabled, timeout=15000)
        pressed = [e for e in pane.events if e.get("plugin") == "meeting-info" and e.get("step") == "action"]
        assert pressed, [e for e in pane.events if e.get("plugin") == "meeting-info"]
        assert not any("was not run" in str(e.get("message")) for e in pane.events)
        assert _js(qtbot, pane.page, "PD.plugins['meeting-info'].loaded") is False  # off, as the meeting had it
        assert _js(qtbot, pane.page, "PD.plugins['lock-toggle'].loaded") is True


def test_the_simulator_does_not_make_the_window_taller_than_the_screen(qtbot: Any, tmp_path: Path) -> None:
    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    with _window_with_preview(project) as win:
        pane = win.preview_pane
        pane.sim_button.setChecked(True)
        qtbot.waitUntil(lambda: pane.sim_panel.isVisible())
        QApplication.processEvents()
        assert win.height() == 800 and win.minimumSizeHint().height() <= 800


def test_the_log_is_readable_in_dark_appearance(qtbot: Any, tmp_path: Path) -> None:
    from PySide6.QtGui import QAction

    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    with _preview_of(qtbot, project) as pane:
        win = pane.window()
        try:
            win.findChild(QAction, "appearance_dark").trigger()
            QApplication.processEvents()
            assert "#c8c8c8" in pane._line({"type": "console", "plugin": "lock-toggle", "level": "log", "text": "x"})
            html_now = pane.log.document().toHtml()
            assert "#555555" not in html_now and "#444444" not in html_now
        finally:
            win.findChild(QAction, "appearance_system").trigger()


def test_a_plugin_off_that_users_cannot_switch_on_is_not_called_always_on(qtbot: Any, tmp_path: Path) -> None:
    """enabled: false with allowUnload: false said 'Always on (allowUnload is false)' under a
    switch that was off and could not be moved: the note now says it is always off, and why."""
    project = _example_with_meeting_info_off(tmp_path)
    package = project / "webapp2/plugins/meeting-info/meeting-info.plugin.package.json"
    package.write_text(package.read_text().replace('"allowUnload": true', '"allowUnload": false'))
    with _preview_of(qtbot, project) as pane:
        script = """(function () { PDUI.tab = 'plugins'; PDUI.render();
            return JSON.stringify(Array.from(document.querySelectorAll('.pd-plugin-row')).map(function (row) {
                var note = row.querySelector('.pd-pnote');
                return [row.querySelector('.pd-pname').textContent, note ? note.textContent : '',
                        row.querySelector('.pd-switch').title]; })); })()"""
        rows = {name: (note, title) for name, note, title in json.loads(_js(qtbot, pane.page, script))}
    meeting = rows.get("Meeting information")
    assert meeting is not None, rows
    assert meeting[0].startswith("Always off") and "nobody can switch it on" in meeting[0], rows
    assert meeting[1] == "This plugin cannot be switched on"


def test_the_simulator_opens_with_the_keyboard_and_tab_goes_to_its_controls(qtbot: Any, tmp_path: Path) -> None:
    """The simulator's scroll area was a Tab stop of its own that showed nothing, before its controls."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QScrollArea

    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    with _window_with_preview(project) as win:
        pane = win.preview_pane
        win.activateWindow()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is pane.role)
        while QApplication.focusWidget() is not pane.sim_button:
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        qtbot.keyClick(pane.sim_button, Qt.Key.Key_Space)
        qtbot.waitUntil(pane.sim_panel.isVisible)
        stops = []
        while not pane.sim_panel.isAncestorOf(QApplication.focusWidget()):  # (after the log)
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            stops.append(QApplication.focusWidget())
            assert len(stops) < 20, [w.objectName() for w in stops]
        assert [w.objectName() for w in stops if isinstance(w, QScrollArea)] == []
        assert stops[-1].objectName() == "simToggle_locked"  # the simulator's first control


def test_tab_goes_down_the_preview_simulator_meeting_then_log(qtbot: Any, tmp_path: Path) -> None:
    """The meeting is made by Chromium after the log, and Qt put it at the end of the Tab order:
    Tab went from the buttons to the log, and only then up to the meeting (and the simulator,
    above the meeting, came after the log too). Now Tab goes down the dock as it reads."""
    from PySide6.QtCore import Qt

    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    with _window_with_preview(project) as win:
        pane = win.preview_pane
        _wait_started(qtbot, pane)
        win.activateWindow()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is pane.role)

        def tab_until_the_meeting() -> list[str]:
            stops = []
            while not pane.view.isAncestorOf(QApplication.focusWidget()):
                stops.append(QApplication.focusWidget().objectName())
                table = stops[-1] == "simTable"  # Tab walks its cells: Ctrl+Tab leaves it
                control = Qt.KeyboardModifier.ControlModifier if table else Qt.KeyboardModifier.NoModifier
                qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab, control)
                assert len(stops) < 30, "|".join(stops)
            return stops

        top = ["previewRole", "previewPlatform", "previewRestart", "previewSimulate", "previewCycle"]
        assert tab_until_the_meeting() == [*top, "previewResetMeeting"]
        # Shift+Tab from the log's filter goes up to the meeting; Tab from it on to the log
        pane.log_filter.setFocus()
        qtbot.keyClick(pane.log_filter, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is pane.log
        pane.log_filter.setFocus()
        qtbot.keyClick(pane.log_filter, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        assert pane.view.isAncestorOf(QApplication.focusWidget())
        # With the simulator open (above the meeting) its controls come between the buttons
        # and the meeting, not after the log
        pane.sim_button.setFocus()
        qtbot.keyClick(pane.sim_button, Qt.Key.Key_Space)
        qtbot.waitUntil(pane.sim_panel.isVisible)
        first = pane.sim_toggles["locked"]
        first.setFocus()
        qtbot.keyClick(first, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        assert QApplication.focusWidget().objectName() == "previewResetMeeting"
        pane.sim_query.setFocus()  # the simulator's last control
        qtbot.keyClick(pane.sim_query, Qt.Key.Key_Tab)
        assert pane.view.isAncestorOf(QApplication.focusWidget())
        pane.log.setFocus()
        qtbot.keyClick(pane.log, Qt.Key.Key_Tab)
        assert not pane.isAncestorOf(QApplication.focusWidget())
        # A new page (a crashed renderer's) makes the meeting anew: the order holds
        pane._fresh_page("a test")
        _wait_started(qtbot, pane)
        pane.log_filter.setFocus()
        qtbot.keyClick(pane.log_filter, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        assert pane.view.isAncestorOf(QApplication.focusWidget())


def test_tab_leaves_the_simulators_participant_table(qtbot: Any, tmp_path: Path) -> None:
    """Tab in the simulator's table of participants went from cell to cell (Ctrl+Tab too): the
    controls under it (raise a hand, add a guest, chat) took a press per cell to reach. Now Tab
    goes on to them, and the arrow keys move between the cells."""
    from PySide6.QtCore import Qt

    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    with _window_with_preview(project) as win:
        pane = win.preview_pane
        _wait_started(qtbot, pane)
        pane.sim_button.click()
        qtbot.waitUntil(lambda: pane.sim_table.isVisible() and pane.sim_table.rowCount() > 1)
        table = pane.sim_table
        table.setFocus()
        table.setCurrentCell(0, 0)
        qtbot.keyClick(table, Qt.Key.Key_Down)
        assert table.currentRow() == 1  # the arrows still walk the cells
        qtbot.keyClick(table, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is pane.sim_participant
        qtbot.keyClick(pane.sim_participant, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        assert QApplication.focusWidget() is table


def test_the_meeting_names_the_platform_as_the_platform_list_does(qtbot: Any, tmp_path: Path) -> None:
    """The meeting's badge said "Host · electron" and Settings ▸ Plugins "Not loaded for a Guest on
    android": the app's keys, where the list above it says "Desktop app" and "Android"."""
    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    with _preview_of(qtbot, project) as pane:
        pane.platform.setCurrentIndex(pane.platform.findText("Desktop app"))
        qtbot.waitUntil(lambda: "Desktop app" in str(_js(qtbot, pane.page, "document.body.innerText")), timeout=10000)
        pane.role.setCurrentIndex(pane.role.findText("Guest"))
        pane.platform.setCurrentIndex(pane.platform.findText("Android"))
        _wait_started(qtbot, pane)
        script = "PDUI.tab = 'plugins'; PDUI.render(); document.body.innerText"
        qtbot.waitUntil(lambda: "Guest · Android" in str(_js(qtbot, pane.page, script)), timeout=10000)
        shown = str(_js(qtbot, pane.page, script))
    assert "Not loaded for a Guest on Android" in shown
    assert "electron" not in shown and "android" not in shown


def test_the_log_says_a_plugin_started_without_naming_its_functions(qtbot: Any, tmp_path: Path) -> None:
    """The log said "loaded (load called)" and "switched off (unload called)": the names of
    functions in the plugin's code, which an administrator who never wrote it does not know."""
    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    with _preview_of(qtbot, project) as pane:
        qtbot.waitUntil(lambda: "[Lock toggle] started" in pane.log.toPlainText(), timeout=5000)
        _js(
            qtbot,
            pane.page,
            "PDUI.tab = 'plugins'; PDUI.render(); document.querySelector('[data-toggle]').click(); true",
        )
        qtbot.waitUntil(lambda: "switched off" in pane.log.toPlainText(), timeout=5000)
        log = pane.log.toPlainText()
    assert "called" not in log, log


def test_a_crash_says_who_would_get_the_oops_page(qtbot: Any, tmp_path: Path) -> None:
    """A crash in a plugin only hosts get, on the desktop app only, said "This would show the Oops
    page for every user": in the meeting, the log and Problems. They now say who: the users the
    app loads the plugin for."""
    project, _lines = _throwing_project(tmp_path)
    package = project / "webapp2/plugins/lock-toggle/lock-toggle.plugin.package.json"
    data = json.loads(package.read_text())
    data["platforms"] = ["electron"]
    package.write_text(json.dumps(data, indent=4))
    with _window_with_preview(project) as win:
        pane = win.preview_pane
        pane.platform.setCurrentIndex(pane.platform.findText("Desktop app"))
        qtbot.waitUntil(lambda: "Oops" in pane.log.toPlainText(), timeout=10000)
        said = "Oops page for every host in the desktop app"
        card = "document.getElementById('pd-oops').textContent"  # the card over the meeting
        qtbot.waitUntil(lambda: said in str(_js(qtbot, pane.page, card)), timeout=5000)
        qtbot.waitUntil(lambda: any(p.code == "PD800" for p in win.preview_problems), timeout=5000)
        crash = next(p for p in win.preview_problems if p.plugin == "lock-toggle")
        log = pane.log.toPlainText()
    assert said in log and "every user" not in log
    assert said in crash.message


def test_the_log_says_why_a_plugin_is_not_there_for_this_role_or_platform(qtbot: Any, tmp_path: Path) -> None:
    """A plugin for hosts only, previewed as a guest (or one not for the web browser, previewed
    there), just was not in the meeting and the log said nothing: it looked broken."""
    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    package = project / "webapp2/plugins/lock-toggle/lock-toggle.plugin.package.json"
    data = json.loads(package.read_text())
    data["platforms"] = ["electron", "ios", "android"]
    package.write_text(json.dumps(data, indent=4))
    with _preview_of(qtbot, project) as pane:
        web = "[Lock toggle] not started in the web app: it does not load there ('Loads in' in its form)"
        assert web in pane.log.toPlainText()
        pane.platform.setCurrentIndex(pane.platform.findText("Desktop app"))
        pane.role.setCurrentIndex(pane.role.findText("Guest"))
        guest = "[Lock toggle] not started for a Guest: it is for Hosts only ('Available to' in its form)"
        qtbot.waitUntil(lambda: guest in pane.log.toPlainText(), timeout=10000)
        pane.role.setCurrentIndex(pane.role.findText("Host"))
        qtbot.waitUntil(lambda: "[Lock toggle] started" in pane.log.toPlainText(), timeout=10000)
        assert "not started" not in pane.log.toPlainText()


def test_the_preview_and_its_simulator_controls_have_names(qtbot: Any, tmp_path: Path) -> None:
    """The mock meeting, the log and the simulator's chat and query fields had no name a screen
    reader could say ("edit", "text"): their labels were not tied to them, or they had none."""
    from PySide6.QtGui import QAccessible

    project = tmp_path / "example"
    shutil.copytree(EXAMPLE, project)
    with _window_with_preview(project) as win:
        pane = win.preview_pane
        pane.sim_button.setChecked(True)
        qtbot.waitUntil(lambda: pane.sim_panel.isVisible())
        names = {
            w.objectName(): QAccessible.queryAccessibleInterface(w).text(QAccessible.Text.Name)
            for w in (pane.view, pane.log, pane.sim_chat, pane.sim_query)
        }
        assert names == {
            "previewView": "Mock meeting",
            "previewLog": "What the plugins did:",
            "simChat": "Chat message from a guest",
            "simQuery": "Query parameters:",
        }
        # View ▸ Preview (opens it) and the dock's own switch were both read out "Preview"
        items = [a.text().replace("&", "") for a in win.view_menu.actions() if not a.isSeparator()]
        assert len(items) == len(set(items)) and "Preview Pane" in items, items


def test_the_plugin_form_beside_the_preview_on_a_small_screen_is_not_cut_off(qtbot: Any, tmp_path: Path) -> None:
    """At 1024x700 the Preview left the plugin form 280 px of a 480 px layout: a sideways scroll
    bar, Version and "Make it do" cut off. Now the form wraps its rows and the window stays
    1024 px wide (the meeting keeps the 480 px it needs)."""
    from PySide6.QtCore import QEvent
    from test_main_window import _form_fits

    project = tmp_path / "example"
    shutil.copytree(EXAMPLE, project)
    with _window_with_preview(project, (1024, 700), plugin=0) as win:
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)  # laid out with the dock
        page = win.plugin_page
        assert win.width() == 1024 and win.preview_dock.isVisible()
        for pos in (0, page.verticalScrollBar().maximum()):
            page.verticalScrollBar().setValue(pos)
            assert _form_fits(page) == []


def test_export_opened_after_the_preview_is_a_tab_beside_it(qtbot: Any, tmp_path: Path) -> None:
    """The Export dock is built when first shown: after the Preview, it joins it as a tab (as the
    Preview joins an Export dock already there), not stacked under it on a laptop screen."""
    project = tmp_path / "example"
    shutil.copytree(EXAMPLE, project)
    with _window_with_preview(project) as win:
        assert win.export_dock is None
        win.show_export()
        assert win.tabifiedDockWidgets(win.export_dock) == [win.preview_dock]


def test_simulate_runs_the_other_plugins_without_the_one_that_froze(qapp: Any, tmp_path: Path) -> None:
    """A load() stuck in a loop froze the page before the other plugins' buttons were pressed:
    simulate said "Lock toggle: 0 uncaught errors, 0 requests", as if it had been tested and had
    done nothing. Now, as the preview does, the others run again on a fresh page without it."""
    from designer.gui.preview import simulate

    report = simulate(load(_looping(tmp_path, "meeting-info", "load")), timeout=3).as_json()
    by_id = {p["id"]: p for p in report["plugins"]}
    assert not report["ok"] and report["errors"] == 1
    (error,) = by_id["meeting-info"]["errors"]
    assert error["kind"] == "hang"
    assert [r["path"] for r in by_id["lock-toggle"]["requests"]] == ["/lock"]
    assert by_id["raise-hand-helper"]["requests"] and by_id["raise-hand-helper"]["errors"] == []


def test_a_role_or_platform_the_app_does_not_know_is_said_so_in_the_log() -> None:
    """With participantRoles ["host"] (a slip check reports as PD311) the log said "not started for
    a Host: it is for  only", and with platforms ["Web"] "not started in the web app: it does not
    load there", though the form shows Web app ticked. Now both say the value is not one the app knows."""
    from designer.core.preview import not_started_because

    plugin = load(EXAMPLE).plugins[1]
    assert plugin.package is not None
    plugin.package.participant_roles = ["host", "Guest"]
    said = not_started_because(plugin, "chair", "web")
    assert said == (
        "not started for a Host: 'Available to' (participantRoles) holds 'host', 'Guest', which the app "
        "does not know (see Problems: PD311)"
    )
    plugin.package.participant_roles = ["chair"]
    plugin.package.platforms = ["Web"]
    assert not_started_because(plugin, "chair", "web") == (
        "not started in the web app: 'Loads in' (platforms) holds 'Web', which the app does not know "
        "(see Problems: PD311)"
    )


def test_a_crash_fixed_with_the_preview_closed_no_longer_blocks_the_export(qtbot: Any, tmp_path: Path) -> None:
    """The preview found a throw in load() and was closed; the line was deleted in the editor, but
    the crash stayed in Problems and the Export pane stayed blocked by it (pointing at a line that
    now held other code) until the preview was opened again. Now an edit of a plugin drops the
    crashes the closed preview had found in it."""
    from PySide6.QtGui import QTextCursor

    project = _with_code(
        tmp_path,
        "meeting-info",
        "function load(participants$, conferenceDetails$) {",
        "function load() { throw new Error('boom');",
    )
    with _window_with_preview(project) as win:
        qtbot.waitUntil(lambda: bool(win.preview_problems), timeout=10000)
        win.preview_dock.close()
        win.show_export()
        pane = win.export_pane
        assert not pane.export_button.isEnabled()
        pane._problem_link("problem:0")  # the crash's link in the pane: its line, in the editor
        editor = win.source_editor
        cursor = editor.textCursor()
        cursor.select(QTextCursor.SelectionType.LineUnderCursor)
        editor.setTextCursor(cursor)
        editor.setFocus()
        qtbot.keyClicks(editor, "function load(participants$, conferenceDetails$) {")
        qtbot.waitUntil(pane.export_button.isEnabled, timeout=5000)
        assert [p for p in win._all_problems() if p.code == "PD800"] == []


def test_a_thrown_string_is_placed_in_its_plugin_file(qapp: Any, tmp_path: Path) -> None:
    """``throw 'Not allowed'`` (no Error, so no stack) in load() gave a crash with no file: the Export
    pane listed it as "(, PD800)" and its link went nowhere. Now it names the plugin's file."""
    from designer.core.preview import crash_problems
    from designer.gui.preview import simulate

    project = _with_code(
        tmp_path, "meeting-info", "function load(", "function load() { throw 'Not allowed'; }\n    function unused("
    )
    report = simulate(load(project), timeout=5).as_json()
    errors = next(p for p in report["plugins"] if p["id"] == "meeting-info")["errors"]
    assert errors and {e["file"] for e in errors} == {"plugins/meeting-info/meeting-info.plugin.js"}
    (problem,) = crash_problems([{**e, "plugin": "meeting-info"} for e in errors])
    assert problem.location() == "plugins/meeting-info/meeting-info.plugin.js"


def test_a_plugin_sending_the_page_elsewhere_leaves_the_meeting_in_place_and_is_named(
    qtbot: Any, tmp_path: Path
) -> None:
    """A button doing ``window.location = 'https://…'`` (or ``location.reload()``) swapped the whole
    mock meeting for Chromium's "This site can't be reached" page, for good, and the log said only
    "[?] the preview did not send a request". Now the page stays, the log names the plugin and
    says what the app would do, and the other plugins keep working."""
    project = _with_code(
        tmp_path,
        "lock-toggle",
        "function toggleLock(",
        "function toggleLock() { window.location = 'https://example.com/elsewhere'; }\n    function unused(",
    )
    with _preview_of(qtbot, project) as pane:
        _js(qtbot, pane.page, "document.querySelector('[data-plugin=lock-toggle]').click(); true")
        said = "[Lock toggle] warning: it sent the page to https://example.com/elsewhere"
        qtbot.waitUntil(lambda: said in pane.log.toPlainText(), timeout=5000)
        assert "[?]" not in pane.log.toPlainText()
        _js(qtbot, pane.page, "location.reload(); true")  # (as a plugin's location.reload() does)
        qtbot.waitUntil(lambda: "reloaded the page" in pane.log.toPlainText(), timeout=5000)
        # Still the meeting, its plugins running: another plugin's button works.
        assert _js(qtbot, pane.page, "!!(window.PD && PD.started)") is True
        _open_menus(qtbot, pane.page)
        _js(qtbot, pane.page, "document.querySelector('[data-plugin=meeting-info]').click(); true")
        qtbot.waitUntil(lambda: "[Meeting information] opened dialog" in pane.log.toPlainText(), timeout=5000)


def test_a_plugin_logging_a_hundred_thousand_lines_is_not_taken_for_a_frozen_meeting(
    qtbot: Any, tmp_path: Path
) -> None:
    """A load() logging 100,000 lines (a loop the app runs in a blink) took the preview's page over
    five seconds, each line sent on to the log: the plugin was called frozen ("an endless loop?")
    and left off, and the log never showed a line of it. Now the log shows the first lines of each
    second, says how many more were left out, and the plugin runs."""
    project = _with_code(
        tmp_path,
        "lock-toggle",
        "function load(participants$, conferenceDetails$) {",
        "function load(participants$, conferenceDetails$) {\n"
        "        for (var i = 0; i < 100000; i++) { console.log('line ' + i); }",
    )
    with _window_with_preview(project) as win:
        pane = win.preview_pane
        qtbot.waitUntil(lambda: "console lines left out" in pane.log.toPlainText(), timeout=15000)
        _wait_started(qtbot, pane)
        log = pane.log.toPlainText()
        assert "[Lock toggle] console.log: line 0 at plugins/lock-toggle/lock-toggle.plugin.js" in log, log[:500]
        assert "[Raise hand helper] started" in log
        assert "freeze" not in log and "left off" not in log, log[-1500:]
        assert pane.log.blockCount() < 1000  # the log keeps up with what it is given


def test_a_plugin_emptying_the_page_is_named_and_the_meeting_comes_back(qtbot: Any, tmp_path: Path) -> None:
    """``document.body.innerHTML = ''`` in a plugin's load() took the mock meeting out of the page:
    the preview's own drawing code then failed on every change, hundreds of "[?] This would show
    the Oops page for every user" lines blaming no plugin, each starting the next. Now the
    meeting is put back, the log names the plugin that emptied the page, and nothing else is
    called a crash."""
    project = _with_code(
        tmp_path,
        "lock-toggle",
        "function load(participants$, conferenceDetails$) {",
        "function load(participants$, conferenceDetails$) { document.body.innerHTML = '';",
    )
    with _window_with_preview(project) as win:
        pane = win.preview_pane
        said = "[Lock toggle] warning: it took the meeting out of the page"
        qtbot.waitUntil(lambda: said in pane.log.toPlainText(), timeout=10000)
        _wait_started(qtbot, pane)
        _open_menus(qtbot, pane.page)
        _js(qtbot, pane.page, "document.querySelector('[data-plugin=meeting-info]').click(); true")
        qtbot.waitUntil(lambda: "[Meeting information] opened dialog" in pane.log.toPlainText(), timeout=5000)
        assert _js(qtbot, pane.page, "document.getElementById('pd-app').isConnected") is True
        assert pane.error_count() == 0 and pane.problems == [], pane.log.toPlainText()[-1500:]
        assert pane.log.toPlainText().count(said) == 1


def test_the_log_says_when_it_shows_only_its_last_lines(qtbot: Any, tmp_path: Path) -> None:
    """The log keeps its last 2,000 lines (a plugin logging all day filled memory without end), but
    it let the older ones go without a word: its first line looked like the run's first. Now a
    note beside its title says only the last lines are shown, until the next run."""
    from PySide6.QtWidgets import QLabel, QPushButton

    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    with _preview_of(qtbot, project) as pane:
        note = pane.findChild(QLabel, "previewLogTrimmed")
        assert note is not None and not note.isVisible()
        flood = "for (var i = 0; i < 2100; i++) { PD.emit('console', {plugin: 'lock-toggle', level: 'log', text: 'line ' + i}); } true"
        _js(qtbot, pane.page, flood)
        qtbot.waitUntil(lambda: "line 2099" in pane.log.toPlainText(), timeout=10000)
        qtbot.waitUntil(note.isVisible, timeout=5000)
        assert note.text() == "(only the last 2,000 lines are shown)"
        assert "[Lock toggle] started" not in pane.log.toPlainText()  # gone, as the note says
        pane.findChild(QPushButton, "previewRestart").click()
        qtbot.waitUntil(lambda: not note.isVisible(), timeout=5000)


def test_the_oops_card_says_an_error_repeated_once_with_how_many_times(qtbot: Any, tmp_path: Path) -> None:
    """A plugin throwing from a timer listed the same error on the crash card once per throw: a
    timer every millisecond made a card of hundreds of identical lines, drawn again at each new
    one, the meeting slower by the second. Now each error is there once, with how many times."""
    project = _with_code(
        tmp_path,
        "lock-toggle",
        "function load(participants$, conferenceDetails$) {",
        "function load(participants$, conferenceDetails$) {\n"
        "        for (var i = 0; i < 200; i++) { setTimeout(function () { null.x; }, 0); }",
    )
    rows = (
        "JSON.stringify(Array.from(document.querySelectorAll('#pd-oops .pd-oops-card > div')).map(d => d.textContent))"
    )
    with _preview_of(qtbot, project) as pane:
        qtbot.waitUntil(lambda: pane.error_count() == 200, timeout=10000)
        qtbot.waitUntil(lambda: "200 times" in _js(qtbot, pane.page, rows), timeout=5000)
        (row,) = json.loads(_js(qtbot, pane.page, rows))
        assert row.startswith("Lock toggle: ") and row.endswith("(200 times)"), row
        assert "lock-toggle.plugin.js:26" in row


@pytest.mark.parametrize("ask", ["alert", "confirm", "prompt"])
def test_a_plugin_asking_again_and_again_can_be_told_to_stop(qtbot: Any, tmp_path: Path, ask: str) -> None:
    """A plugin calling alert() (or confirm(), prompt()) from a timer brought its box back each time
    it was closed, modal: nothing else in the designer could be used, not even the editor to fix
    the code. Now the box offers to show no more until the plugins restart (as a browser does);
    the boxes left unshown are said in the log, and Restart plugins shows them again."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QCheckBox, QInputDialog, QMessageBox, QPushButton

    project = _with_code(
        tmp_path,
        "meeting-info",
        "function load(",
        f"function load() {{ setInterval(function () {{ window.{ask}('Still there?'); }}, 100); }}\n    function unused(",
    )
    shown: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, (QMessageBox, QInputDialog)):
            shown.append(box.text() if isinstance(box, QMessageBox) else box.labelText())
            stop = box.findChild(QCheckBox)
            if len(shown) == 2 and stop is not None:
                stop.setChecked(True)  # "show no more"
            box.accept()

    boxes = QTimer(interval=50)
    boxes.timeout.connect(answer)
    boxes.start()
    try:
        with _window_with_preview(project) as win:
            pane = win.preview_pane
            said = f"[Meeting information] {ask} “Still there?” not shown"
            qtbot.waitUntil(lambda: said in pane.log.toPlainText(), timeout=10000)
            assert shown == ["Still there?", "Still there?"]
            pane.findChild(QPushButton, "previewRestart").click()
            qtbot.waitUntil(lambda: len(shown) == 3, timeout=10000)  # shown again after a restart
    finally:
        boxes.stop()


def test_simulate_does_not_wait_for_an_answer_to_a_plugins_alert(qapp: Any, tmp_path: Path) -> None:
    """simulate runs its page where nobody sees it: an alert() there is answered at once, never a
    box waiting for a click that cannot come."""
    from designer.gui.preview import simulate

    project = _with_code(
        tmp_path,
        "meeting-info",
        "function load(",
        "function load() { window.alert('Welcome!'); }\n    function unused(",
    )
    report = simulate(load(project), timeout=10).as_json()
    assert report["ok"], report
    assert all(p["steps"] for p in report["plugins"])


def test_simulate_says_how_many_console_lines_it_left_out(qapp: Any, tmp_path: Path) -> None:
    """simulate showed the first 500 of a plugin's 100,000 console lines as if they were all."""
    from designer.gui.preview import simulate

    project = _with_code(
        tmp_path,
        "meeting-info",
        "function load(",
        "function load() { for (var i = 0; i < 100000; i++) { console.log('line ' + i); } }\n    function unused(",
    )
    report = simulate(load(project), timeout=10).as_json()
    plugin = next(p for p in report["plugins"] if p["id"] == "meeting-info")
    assert report["ok"] and len(plugin["console"]) == 500
    (flood,) = [w["message"] for w in plugin["warnings"]]  # (both loads, and the line the button logs)
    left_out, said = flood.split(" ", 1)
    assert int(left_out) >= 199_500 and said.startswith("more console lines left out: more than 500 a second"), flood


def test_the_plugin_that_emptied_the_page_is_named_not_one_its_request_woke(qapp: Any, tmp_path: Path) -> None:
    """A button emptying the page and then locking the meeting was not named: the plugin told of
    the lock while that button's code ran (Meeting information, listening to the meeting's
    details) was blamed for emptying the page instead."""
    from designer.gui.preview import simulate

    project = _with_code(
        tmp_path,
        "lock-toggle",
        "function toggleLock(participants, conferenceDetails) {",
        "function toggleLock(participants, conferenceDetails) { document.body.innerHTML = '';",
    )
    report = simulate(load(project), timeout=10).as_json()
    warned = {p["id"]: [w["message"] for w in p["warnings"]] for p in report["plugins"]}
    assert [m for m in warned["lock-toggle"] if m.startswith("it took the meeting out of the page")], warned
    assert warned["meeting-info"] == [], warned


def test_a_fetch_the_preview_stopped_is_no_crash_even_uncaught(qapp: Any, tmp_path: Path) -> None:
    """A plugin fetching from its own server without a .catch was said to crash ("This would show
    the Oops page", twice, failing simulate and blocking the export) because the preview, which
    sends nothing, made the fetch fail. Now it is a warning that says so: the crash was the
    preview's doing, though in the meeting a failed request would not be caught either."""
    from designer.gui.preview import simulate

    project = _with_code(
        tmp_path,
        "lock-toggle",
        "function load(participants$, conferenceDetails$) {",
        "function load(participants$, conferenceDetails$) {\n"
        "        fetch('https://api.example.com/data').then(function (r) { return r.json(); });",
    )
    report = simulate(load(project), timeout=10).as_json()
    assert report["ok"], report
    plugin = next(p for p in report["plugins"] if p["id"] == "lock-toggle")
    uncaught = [w["message"] for w in plugin["warnings"] if "nothing catches" in w["message"]]
    assert uncaught and uncaught[0].startswith(
        "its request to https://api.example.com/data failed here (the preview sends nothing), and nothing catches"
    ), plugin["warnings"]
    assert uncaught[0].endswith("plugins/lock-toggle/lock-toggle.plugin.js line 26"), uncaught


def test_a_huge_console_line_is_cut_short_in_the_log(qtbot: Any, tmp_path: Path) -> None:
    """``console.log`` of a string of megabytes (a whole response, a data URL) went whole into the
    log: one line of 5 MB held the designer's window for minutes while the log laid it out. Now a
    line is cut short, saying how long it was."""
    project = _with_code(
        tmp_path,
        "lock-toggle",
        "function load(participants$, conferenceDetails$) {",
        "function load(participants$, conferenceDetails$) { console.log('big', new Array(300001).join('x'));",
    )
    with _preview_of(qtbot, project) as pane:
        said = "characters in all)"
        qtbot.waitUntil(lambda: said in pane.log.toPlainText(), timeout=10000)
        (line,) = [line for line in pane.log.toPlainText().split("\n") if "console.log: big" in line]
        assert len(line) < 2200 and "… (300,004 characters in all)" in line, line[-200:]


def test_an_error_with_a_huge_message_is_said_short_at_once(qtbot: Any, tmp_path: Path) -> None:
    """``throw new Error('x'.repeat(300000))`` in load() held the preview's page for seconds while
    the page looked in the error's stack (the message is its first line) for the plugin's file: the
    plugin was called frozen ("an endless loop?"), left off, and its error never said. Now the
    message is cut short in the page, saying how long it was, and the error is said as any other."""
    project = _with_code(
        tmp_path,
        "lock-toggle",
        "function load(participants$, conferenceDetails$) {",
        "function load(participants$, conferenceDetails$) { throw new Error('x'.repeat(300000));",
    )
    with _preview_of(qtbot, project) as pane:
        qtbot.waitUntil(lambda: pane.error_count() == 1, timeout=10000)
        (error,) = [e for e in pane.events if e.get("type") == "error"]
        assert error["message"].endswith("… (300,007 characters in all)") and len(error["message"]) < 2100
        assert error["line"] == 25 and error["file"] == "plugins/lock-toggle/lock-toggle.plugin.js"
        assert len(error["stack"]) < 5000, len(error["stack"])
        log = pane.log.toPlainText()
        assert "freeze" not in log and "left off" not in log, log[-1500:]
        (line,) = [line for line in log.split("\n") if "This would show the Oops page" in line]
        assert len(line) < 2300 and "(300,007 characters in all)" in line, line[-300:]
        card = _js(qtbot, pane.page, "document.getElementById('pd-oops').textContent")
        assert "(300,007 characters in all)" in card and len(card) < 2500


def test_a_plugin_changing_its_button_a_hundred_thousand_times_is_not_called_slow(qtbot: Any, tmp_path: Path) -> None:
    """A timer setting the plugin's state$ 100,000 times in a loop held the preview's page for
    eight seconds (each change went on to the designer, marked as the plugin's code running), and
    the log blamed the plugin: "took 8.0 s in a timer: the meeting would be frozen that long". The
    preview's own drawing of the button is not the plugin's code: the button shows the last change
    at once, and nothing is said."""
    project = _with_code(
        tmp_path,
        "lock-toggle",
        "function load(participants$, conferenceDetails$) {",
        "function load(participants$, conferenceDetails$) { setTimeout(function () {"
        " for (var i = 0; i < 100000; i++) { state$.next({ icon: 'lock.svg#lock', label: 'Count ' + i }); } }, 0);",
    )
    label = "document.querySelector('[data-kind=toolbar][data-plugin=lock-toggle]').dataset.label"
    with _preview_of(qtbot, project) as pane:
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, label) == "Count 99999", timeout=20000)
        _js(qtbot, pane.page, "new Promise(function (done) { setTimeout(done, 300); })")  # (a 'slow' said after)
        log = pane.log.toPlainText()
        assert "frozen" not in log and "took" not in log, log[-1500:]


def test_an_icon_id_with_a_line_break_is_an_icon_not_found_not_endless_crashes(qtbot: Any, tmp_path: Path) -> None:
    """A state$ icon whose id ended in a line break ('lock.svg#lock\\n', from a template) made the
    preview's own drawing fail, at every change again: a thousand "[?] This would show the Oops
    page" lines naming no plugin, PD800 problems blocking the export, and no meeting drawn. Now the
    button shows its icon as not found, as for any other id the file does not have."""
    project = _with_code(
        tmp_path,
        "lock-toggle",
        "state$.next({ icon: 'lock.svg#lock', label: 'Lock meeting' });",
        "state$.next({ icon: 'lock.svg#lock\\n', label: 'Lock meeting' });",
    )
    button = "document.querySelector('[data-kind=toolbar][data-plugin=lock-toggle]')"
    with _preview_of(qtbot, project) as pane:
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, f"{button}.dataset.label") == "Lock meeting", timeout=5000)
        broken = _js(qtbot, pane.page, f"{button}.querySelector('.pd-broken').title")
        assert broken == "icon not found: lock.svg#lock\n"
        assert pane.error_count() == 0 and pane.problems == [], pane.log.toPlainText()[-1000:]


def test_a_state_the_meeting_cannot_read_is_one_crash_not_endless_ones(qtbot: Any, tmp_path: Path) -> None:
    """A state$ value whose label throws when read (a getter) failed the preview's drawing of the
    meeting at every change, and each failure was said as a new crash: over a thousand lines in two
    seconds, the page never idle, the crash card never drawn. It is the plugin's crash, as in the
    app (its Oops page): said once, on the card, and the meeting drawn without that state."""
    project = _with_code(
        tmp_path,
        "lock-toggle",
        "state$.next({ icon: 'lock.svg#lock', label: 'Lock meeting' });",
        "state$.next({ icon: 'lock.svg#lock', get label() { throw new Error('no label'); } });",
    )
    rows = "Array.from(document.querySelectorAll('#pd-oops .pd-oops-card > div')).map(d => d.textContent).join('|')"
    with _preview_of(qtbot, project) as pane:
        qtbot.waitUntil(lambda: "no label" in _js(qtbot, pane.page, rows), timeout=5000)
        _js(qtbot, pane.page, "new Promise(function (done) { setTimeout(done, 300); })")
        assert pane.error_count() == 1, pane.log.toPlainText()[-600:]
        (error,) = [e for e in pane.events if e.get("type") == "error"]
        assert error["plugin"] == "lock-toggle" and error["line"] == 20 and error["where"] == "state$"
        label = "document.querySelector('[data-kind=toolbar][data-plugin=lock-toggle]').dataset.label"
        assert _js(qtbot, pane.page, label) == "(set at run time)"  # (the form gives none) the state dropped


def test_a_request_that_changes_nothing_in_the_meeting_does_not_tell_the_plugins_it_changed(
    qtbot: Any, tmp_path: Path
) -> None:
    """A plugin sending a chat message each time the meeting's details change was said to crash
    ("Stack overflow"), after some 700 messages: every request the mock meeting answered told the
    plugins the details had changed, the message included, so each message asked for the next one.
    In the meeting a message changes no details: one is sent at the start, one for each real change."""
    project = _with_code(
        tmp_path,
        "lock-toggle",
        "locked = Boolean(details && details.locked);",
        "locked = Boolean(details && details.locked); window.PEX.pluginAPI.sendRequest('/message', { payload: 'hi' });",
    )

    def sent(pane: Any) -> int:  # (a repeat within half a second is said later, with how many ``times`` so far)
        asked = [e for e in pane.events if e.get("type") == "request" and e.get("path") == "/message"]
        return max((int(e.get("times") or 1) for e in asked), default=0)

    with _preview_of(qtbot, project) as pane:
        qtbot.waitUntil(lambda: sent(pane) == 1, timeout=5000)
        _js(qtbot, pane.page, "document.querySelector('[data-kind=toolbar][data-plugin=lock-toggle]').click(); true")
        qtbot.waitUntil(lambda: "sendRequest /lock" in pane.log.toPlainText(), timeout=5000)
        qtbot.waitUntil(lambda: sent(pane) == 2, timeout=5000)
        qtbot.wait(700)  # (a repeat held is said within half a second)
        assert sent(pane) == 2 and pane.error_count() == 0, pane.log.toPlainText()[-800:]


def test_a_stack_overflow_is_said_as_itself_not_as_the_previews_own_failure(qtbot: Any, tmp_path: Path) -> None:
    """A plugin locking the meeting when it is open and unlocking it when locked, on each change of
    its details, calls itself through the meeting without end. The preview said so as "SyntaxError:
    Invalid regular expression: /^(?:window\\.)?PEX…/: Stack overflow": its own report of the error
    ran out of stack in turn, and that failure was said instead of the plugin's."""
    project = _with_code(
        tmp_path,
        "lock-toggle",
        "locked = Boolean(details && details.locked);",
        "locked = Boolean(details && details.locked); window.PEX.pluginAPI.sendRequest(locked ? '/unlock' : '/lock');",
    )
    with _preview_of(qtbot, project) as pane:
        qtbot.waitUntil(lambda: pane.error_count() > 0, timeout=5000)
        error = next(e for e in pane.events if e.get("type") == "error")
        assert error["message"] == "RangeError: Maximum call stack size exceeded", error["message"]
        assert error["plugin"] == "lock-toggle" and error["plain"].startswith("A function calls itself")


@pytest.mark.parametrize(
    ("code", "replaced"),
    [("window.PEX = { pluginAPI: {} };", "window.PEX"), ("window.PEX.pluginAPI = {};", "window.PEX.pluginAPI")],
)
def test_a_plugin_replacing_pex_is_named_when_another_plugins_call_fails(
    qtbot: Any, tmp_path: Path, code: str, replaced: str
) -> None:
    """A plugin setting ``window.PEX = {...}`` (or only ``window.PEX.pluginAPI``) in its load() went
    unsaid, and the next plugin to call the app was said to crash because "PEX.pluginAPI.openTemplateDialog
    does not exist: the app has no such function", which it has. Now the log names the plugin that
    replaced it, and the other's crash says what was replaced, by whom."""
    project = _with_code(
        tmp_path,
        "lock-toggle",
        "function load(participants$, conferenceDetails$) {",
        f"function load(participants$, conferenceDetails$) {{ {code}",
    )
    with _preview_of(qtbot, project) as pane:
        said = f"[Lock toggle] warning: it replaced {replaced} (plugins/lock-toggle/lock-toggle.plugin.js line 25)"
        qtbot.waitUntil(lambda: said in pane.log.toPlainText(), timeout=5000)
        _open_menus(qtbot, pane.page)
        _js(qtbot, pane.page, "document.querySelector('[data-plugin=meeting-info]').click(); true")
        qtbot.waitUntil(lambda: pane.error_count() == 1, timeout=5000)
        (error,) = [e for e in pane.events if e.get("type") == "error"]
        assert error["plugin"] == "meeting-info" and "does not exist" not in error["message"], error["message"]
        assert error["plain"] == (
            f"Lock toggle replaced {replaced} (plugins/lock-toggle/lock-toggle.plugin.js line 25): "
            "the app’s functions are no longer there, for any plugin."
        )


def test_a_request_to_a_path_of_300000_characters_is_said_short(qtbot: Any, tmp_path: Path) -> None:
    """A button sending a request whose path held 300,000 characters (data put in the path) held the
    designer's window for half a minute while the log laid out its line, the path in it twice. Now
    what the page tells the designer is cut short, saying how long it was."""
    project = _with_code(
        tmp_path,
        "lock-toggle",
        "var request = isLocked ? '/unlock' : '/lock';",
        "var request = '/' + 'x'.repeat(300000);",
    )
    with _preview_of(qtbot, project) as pane:
        _js(qtbot, pane.page, "document.querySelector('[data-kind=toolbar][data-plugin=lock-toggle]').click(); true")
        qtbot.waitUntil(lambda: "[Lock toggle] sendRequest /x" in pane.log.toPlainText(), timeout=10000)
        (line,) = [line for line in pane.log.toPlainText().split("\n") if "sendRequest /x" in line]
        assert len(line) < 10000 and "(300,001 characters in all)" in line, line[-300:]


def test_an_error_in_a_timer_given_as_text_is_its_plugins(qtbot: Any, tmp_path: Path) -> None:
    """``setTimeout('refresh()', 10)`` (code given as text, as old examples do) running into an error
    was said as a crash of no plugin, "[?] … for every user", with no file to open. It is the crash of
    the plugin that set the timer, at the line that set it."""
    project = _with_code(
        tmp_path,
        "lock-toggle",
        "function load(participants$, conferenceDetails$) {",
        "function load(participants$, conferenceDetails$) { setTimeout('refreshLock()', 10);",
    )
    with _preview_of(qtbot, project) as pane:
        qtbot.waitUntil(lambda: pane.error_count() == 1, timeout=5000)
        (error,) = [e for e in pane.events if e.get("type") == "error"]
        assert error["plugin"] == "lock-toggle" and error["message"] == "ReferenceError: refreshLock is not defined"
        assert (error["file"], error["line"]) == ("plugins/lock-toggle/lock-toggle.plugin.js", 25)
        assert "[Lock toggle] This would show the Oops page for every host" in pane.log.toPlainText()


def test_a_plugin_registering_again_is_said_to(qtbot: Any, tmp_path: Path) -> None:
    """A plugin calling registerPlugin again (here in its load(), each time it starts) went unsaid in
    the preview, which quietly took the second object for the plugin, though check's PD503 calls
    it an error. Now the log says so, with both lines."""
    project = _with_code(
        tmp_path,
        "lock-toggle",
        "function load(participants$, conferenceDetails$) {",
        "function load(participants$, conferenceDetails$) {"
        " window.PEX.pluginAPI.registerPlugin({ id: 'lock-toggle', load: load, unload: unload });",
    )
    with _preview_of(qtbot, project) as pane:
        said = (
            "[Lock toggle] warning: registerPlugin was called again (plugins/lock-toggle/lock-toggle.plugin.js "
            "line 25; first on line 58): the app expects one registration per plugin, and the second one can "
            "replace or break the first"
        )
        qtbot.waitUntil(lambda: said in pane.log.toPlainText(), timeout=5000)
        assert pane.log.toPlainText().count("registerPlugin was called again") == 1


def test_a_plugin_with_a_global_named_pd_is_tested_as_any_other(qapp: Any, tmp_path: Path) -> None:
    """A plugin whose file declares ``var PD = …`` outside any function (the app has no PD: the name is
    the plugin's to take) took the preview's own handle: simulate waited 20 seconds and called every
    plugin frozen ("the plugins did not finish"), and in the dock Test every button and the
    simulator's controls did nothing. The designer reaches the page by a name no plugin takes."""
    from designer.gui.preview import simulate

    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    source = project / "webapp2/plugins/lock-toggle/lock-toggle.plugin.js"
    source.write_text(
        "var PD = { version: 2 }; var PDUI = null;\n" + source.read_text(encoding="utf-8"), encoding="utf-8"
    )
    report = simulate(load(project), timeout=10).as_json()
    assert report["ok"], report
    by_id = {p["id"]: p for p in report["plugins"]}
    assert [s["step"] for s in by_id["lock-toggle"]["steps"]] == ["load", "action", "unload", "load"]
    assert by_id["meeting-info"]["dialogs"] == [{"title": "Meeting information"}]


def test_the_log_of_a_run_that_froze_stays_above_the_fresh_pages(qtbot: Any, tmp_path: Path) -> None:
    """A button that logs a line and then loops for ever: once the preview had named the freeze and
    run the plugins again on a fresh page, the log began anew, the press and the line just before the
    loop gone, and with them the clue to what happened. They stay, above the fresh page's lines."""
    project = _with_code(
        tmp_path,
        "lock-toggle",
        "var request = isLocked ? '/unlock' : '/lock';",
        "console.log('about to wait for the lock'); while (true) {} var request = '/lock';",
    )
    with _preview_of(qtbot, project) as pane:
        pane.page.runJavaScript("document.querySelector('[data-kind=toolbar][data-plugin=lock-toggle]').click()")
        froze = "its code never finished when its button “Lock meeting” was pressed"
        qtbot.waitUntil(lambda: froze in pane.log.toPlainText(), timeout=15000)
        _wait_started(qtbot, pane)
        log = pane.log.toPlainText()
        pressed = log.index("[Lock toggle] pressed “Lock meeting”")
        said = log.index("[Lock toggle] console.log: about to wait for the lock")
        assert pressed < said < log.index("[Lock toggle] left off: it froze the meeting") < log.index(froze), log
        assert log.count("[Meeting information] started") == 2  # the frozen run's start, then the fresh page's


def test_a_button_opening_a_window_is_said_in_the_log(qtbot: Any, tmp_path: Path) -> None:
    """A button opening a help page (``window.open('https://…')``) did nothing in the preview, and
    nothing said why: the app would open it, the preview (which never leaves this computer) opens
    no window. Now the log says what the plugin opened, and where in its file."""
    project = _with_code(
        tmp_path,
        "lock-toggle",
        "var request = isLocked ? '/unlock' : '/lock';",
        "window.open('https://help.example.com/lock', '_blank'); var request = '/lock';",
    )
    with _preview_of(qtbot, project) as pane:
        _js(qtbot, pane.page, "document.querySelector('[data-kind=toolbar][data-plugin=lock-toggle]').click(); true")
        said = (
            "[Lock toggle] it opened https://help.example.com/lock in a new window (window.open) — "
            "plugins/lock-toggle/lock-toggle.plugin.js line 39: the app would show it; the preview opens no window"
        )
        qtbot.waitUntil(lambda: said in pane.log.toPlainText(), timeout=5000)


def test_an_error_repeated_is_kept_once_by_the_page(qtbot: Any, tmp_path: Path) -> None:
    """A timer throwing every few milliseconds: the crash card, drawn again at each error, went
    through every error so far, each drawing slower than the last (60 ms after 25 seconds, the page
    busy drawing all the time, and more each minute). The page now keeps an error repeated once,
    with how many times, and the card still says so."""
    project = _with_code(
        tmp_path,
        "lock-toggle",
        "function load(participants$, conferenceDetails$) {",
        "function load(participants$, conferenceDetails$) {\n"
        "        for (var i = 0; i < 200; i++) { setTimeout(function () { null.x; }, 0); }",
    )
    rows = "Array.from(document.querySelectorAll('#pd-oops .pd-oops-card > div')).map(d => d.textContent).join('|')"
    with _preview_of(qtbot, project) as pane:
        qtbot.waitUntil(lambda: pane.error_count() == 200, timeout=10000)
        qtbot.waitUntil(lambda: "(200 times)" in _js(qtbot, pane.page, rows), timeout=5000)
        assert _js(qtbot, pane.page, "__pluginDesigner.PD.errors.length") == 1


def test_an_error_repeated_does_not_work_out_the_problems_again(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A timer throwing every few milliseconds: at each error the designer worked out the Problems
    anew from every error it kept (up to 4,000), over a third of its window's time while the timer
    ran, though a repeat adds no problem. Now only an error not seen before does."""
    import designer.core.preview as core_preview

    calls: list[int] = []
    real = core_preview.crash_problems
    monkeypatch.setattr(core_preview, "crash_problems", lambda errors: calls.append(len(errors)) or real(errors))
    project = _with_code(
        tmp_path,
        "lock-toggle",
        "function load(participants$, conferenceDetails$) {",
        "function load(participants$, conferenceDetails$) {\n"
        "        for (var i = 0; i < 200; i++) { setTimeout(function () { null.x; }, 0); }",
    )
    with _preview_of(qtbot, project) as pane:
        qtbot.waitUntil(lambda: pane.error_count() == 200, timeout=10000)
        assert len(pane.problems) == 1 and pane.problems[0].line == 26
        assert len(calls) == 1, len(calls)


def test_an_icon_the_browser_cannot_read_is_said_so_not_not_found(qtbot: Any, tmp_path: Path) -> None:
    """An SVG declaring entities (as old drawing programs write them) is one the browser will not read:
    its button showed "icon not found", sending the user to look for a missing id that is there. Now
    the button and the log say the file cannot be read, and why."""
    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    laughs = "".join(f'<!ENTITY {b} "{("&" + a + ";") * 10}">' for a, b in zip("abcdefg", "bcdefgh", strict=True))
    (project / "webapp2/plugins/lock-toggle/lock.svg").write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY a "{"a" * 50}">{laughs}]>\n'
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><symbol id="lock"><text>&h;</text>'
        '<rect width="10" height="10"/></symbol></svg>\n'
    )
    button = "document.querySelector('[data-kind=toolbar][data-plugin=lock-toggle]')"
    with _preview_of(qtbot, project) as pane:
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, f"{button}.dataset.label") == "Lock meeting", timeout=5000)
        broken = _js(qtbot, pane.page, f"{button}.querySelector('.pd-broken').title")
        assert broken.startswith("icon cannot be read: lock.svg#lock ("), broken
        said = "[Lock toggle] warning: its icon plugins/lock-toggle/lock.svg cannot be read"
        qtbot.waitUntil(lambda: said in pane.log.toPlainText(), timeout=5000)
        assert pane.log.toPlainText().count(said) == 1
        assert pane.error_count() == 0 and pane.problems == []


def test_a_flood_of_one_error_reaches_the_designer_a_few_times_a_second_with_its_count(
    qtbot: Any, tmp_path: Path
) -> None:
    """A timer throwing every few milliseconds (setInterval(..., 0) in load): each error crossed into the
    designer and added a log line, some 180 a second, keeping the window busy and the log unreadable.
    Now the page says a repeat at most a few times a second, with how many times, and the log keeps one
    line for the repeats, counting; the Problems and the error count stay right."""
    project = _with_code(
        tmp_path,
        "lock-toggle",
        "function load(participants$, conferenceDetails$) {",
        "function load(participants$, conferenceDetails$) {\n        setInterval(function () { null.x; }, 0);",
    )
    crashes: list[int] = []
    with _preview_of(qtbot, project) as pane:
        pane.sig_errors.connect(crashes.append)
        qtbot.waitUntil(lambda: pane.error_count() >= 500, timeout=20000)
        assert len(crashes) <= 12, len(crashes)  # (some 2 a second, not one per error)
        lines = [line for line in pane.log.toPlainText().splitlines() if "Oops" in line]
        assert len(lines) == 2, lines  # the first, and the repeats counting on one line
        times = _js(qtbot, pane.page, "__pluginDesigner.PD.errors[0].times")
        assert lines[1].endswith(f"lock-toggle.plugin.js:26 (repeated {crashes[-1]:,} times)"), lines
        assert crashes[-1] <= times
        assert len(pane.problems) == 1 and pane.problems[0].line == 26


def test_simulate_counts_a_flood_of_one_error_and_lists_it_once(tmp_path: Path) -> None:
    """simulate said each of a flood's errors on a line of its own; now it lists the error once with how
    many times it was thrown, and counts them all (in its words and in --json)."""
    project = _with_code(
        tmp_path,
        "lock-toggle",
        "function load(participants$, conferenceDetails$) {",
        "function load(participants$, conferenceDetails$) {\n"
        "        for (var i = 0; i < 300; i++) { setTimeout(function () { null.x; }, 0); }",
    )
    said = _cli("simulate", project)
    assert said.returncode == 1, said.stderr
    lines = [line for line in said.stdout.splitlines() if "Oops" in line]
    assert len(lines) == 1 and lines[0].endswith(" (repeated 600 times)"), said.stdout
    assert "Lock toggle: 600 uncaught errors, 1 request" in said.stdout
    assert said.stdout.rstrip().endswith("600 uncaught errors")
    data = json.loads(_cli("simulate", project, "--json").stdout)
    (errors,) = [p["errors"] for p in data["plugins"] if p["errors"]]
    assert data["errors"] == 600 and len(errors) == 1 and errors[0]["times"] == 600, errors


def _in_a_timer(tmp_path: Path, code: str) -> Path:
    """A copy of the example whose first plugin runs ``code`` in a timer every few milliseconds from its load."""
    return _with_code(
        tmp_path,
        "lock-toggle",
        "function load(participants$, conferenceDetails$) {",
        f"function load(participants$, conferenceDetails$) {{\n        setInterval(function () {{ {code} }}, 0);",
    )


def _lines_once_repeated(qtbot: Any, pane: Any, said: str) -> list[str]:
    """The log's lines holding ``said``, once a repeat was said and the page had time to say the next (it holds
    repeats for half a second)."""
    qtbot.waitUntil(lambda: "(repeated" in pane.log.toPlainText(), timeout=10000)
    qtbot.wait(1500)
    return [line for line in pane.log.toPlainText().splitlines() if said in line]


def test_a_warning_said_again_and_again_is_one_line_counting_its_repeats(qtbot: Any, tmp_path: Path) -> None:
    """A plugin replacing window.PEX in a timer every few milliseconds: each warning crossed into the
    designer and took a log line of its own, hundreds a second, the rest of the log lost among them.
    Now the page says its repeats at most a few times a second, and the log keeps one line counting them."""
    project = _in_a_timer(tmp_path, "window.PEX = { pluginAPI: {} };")
    with _preview_of(qtbot, project) as pane:
        lines = _lines_once_repeated(qtbot, pane, "replaced window.PEX")
        assert len(lines) == 2, lines[:5]
        assert lines[0].endswith("gone for every plugin, the others too"), lines
        assert " (repeated " in lines[1] and lines[1].endswith(" times)"), lines


def test_simulate_lists_a_warning_repeated_once_with_how_many_times(qapp: Any) -> None:
    """simulate listed a warning repeated hundreds of times once per repeat; the page's repeats (``count``)
    are now counted on the one listed."""
    from designer.gui.preview import Report

    config = preview_config(load(EXAMPLE), role="chair", platform="web")
    report = Report(config)
    said = {"type": "warning", "plugin": "lock-toggle", "message": "it replaced window.PEX", "file": "x.js", "line": 3}
    report.add(dict(said))
    report.add({**said, "count": 250, "times": 251})
    report.add({**said, "count": 100, "times": 351})
    (warning,) = report.plugins["lock-toggle"]["warnings"]
    assert warning["times"] == 351 and "count" not in warning


def test_a_request_stopped_again_and_again_is_one_line_counting_its_repeats(qtbot: Any, tmp_path: Path) -> None:
    """A plugin fetching from its server in a timer every few milliseconds: each stopped request's warning
    took a log line of its own, a hundred a second. Now the log keeps one line counting the repeats."""
    project = _in_a_timer(tmp_path, "fetch('https://example.com/x').catch(function () {});")
    with _preview_of(qtbot, project) as pane:
        lines = _lines_once_repeated(qtbot, pane, "https://example.com/x")
        assert len(lines) == 2, lines[:5]
        assert " (repeated " in lines[1] and lines[1].endswith(" times)"), lines


def test_a_flood_of_errors_from_one_line_with_a_counter_in_the_message_is_counted_not_listed(
    qtbot: Any, tmp_path: Path
) -> None:
    """A timer throwing 'tick 1', 'tick 2', ... every few milliseconds made each a new error: a new
    problem, a new row of the crash card and a new log line, the page and the designer slower at each (17
    errors a second said where the timer threw 250). Now the first ten messages from one line are kept,
    the others counted on the tenth, said so."""
    project = _with_code(
        tmp_path,
        "lock-toggle",
        "function load(participants$, conferenceDetails$) {",
        "function load(participants$, conferenceDetails$) {\n"
        "        var n = 0; setInterval(function () { throw new Error('tick ' + (n++)); }, 0);",
    )
    with _preview_of(qtbot, project) as pane:
        qtbot.waitUntil(lambda: pane.error_count() >= 300, timeout=15000)
        assert len(pane.problems) == 10, len(pane.problems)
        lines = [line for line in pane.log.toPlainText().splitlines() if "Oops" in line]
        assert len(lines) == 11, lines
        assert "Error: tick 9 at " in lines[-1] and lines[-1].endswith(" of them with another message)"), lines
        rows = "document.querySelectorAll('#pd-oops .pd-oops-card > div').length"
        assert _js(qtbot, pane.page, rows) <= 11


def test_two_floods_taking_turns_keep_one_line_each_in_the_log(qtbot: Any, tmp_path: Path) -> None:
    """A plugin with two timers, one throwing every few milliseconds and one replacing window.PEX every
    50: their repeats took turns in the log, each adding a line a few times a second. Now each keeps
    one line counting its repeats, moved to the end as it counts on."""
    project = _with_code(
        tmp_path,
        "lock-toggle",
        "function load(participants$, conferenceDetails$) {",
        "function load(participants$, conferenceDetails$) {\n"
        "        setInterval(function () { null.x; }, 0);\n"
        "        setInterval(function () { window.PEX = { pluginAPI: PEX.pluginAPI }; }, 50);",
    )
    with _preview_of(qtbot, project) as pane:
        qtbot.waitUntil(lambda: pane.log.toPlainText().count("(repeated") == 2, timeout=10000)
        qtbot.wait(2000)
        log = pane.log.toPlainText().splitlines()
        errors = [line for line in log if "Oops" in line]
        warnings = [line for line in log if "replaced window.PEX" in line]
        assert len(errors) == 2 and len(warnings) == 2, log[-6:]
        assert log[-1].endswith(" times)") and log[-2].endswith(" times)"), log[-6:]
        assert [line for line in log if not line.strip()] == []


def test_a_request_sent_again_and_again_is_one_line_counting_its_repeats(qtbot: Any, tmp_path: Path) -> None:
    """A plugin calling sendRequest in a timer every few milliseconds: each request crossed into the designer
    and took a log line of its own, 250 a second, the rest of the log lost among them. Now the page says its
    repeats at most a few times a second, and the log keeps one line counting them; the meeting still follows
    each request."""
    project = _in_a_timer(tmp_path, "window.PEX.pluginAPI.sendRequest('/lock');")
    with _preview_of(qtbot, project) as pane:
        crossed: list[dict[str, Any]] = []
        pane.page.sig_event.connect(lambda e: crossed.append(e) if e.get("type") == "request" else None)
        lines = _lines_once_repeated(qtbot, pane, "sendRequest /lock")
        assert len(lines) == 2, lines[:5]
        assert lines[0] == "[Lock toggle] sendRequest /lock → ok", lines
        assert lines[1].startswith("[Lock toggle] sendRequest /lock → ok (repeated ") and lines[1].endswith(" times)")
        # (some 2 a second, not 250: each crossing stands for many; counted against the requests, not the clock, so
        # that a loaded machine's slower timer does not break it)
        made = max(int(e.get("times") or 1) for e in crossed)
        assert len(crossed) * 10 <= made, (len(crossed), made)
        assert _js(qtbot, pane.page, "__pluginDesigner.PD.conference().locked") is True


def test_simulate_lists_a_request_repeated_once_with_how_many_times(qapp: Any) -> None:
    """simulate listed a request sent hundreds of times once per request; the page's repeats (``count``) are
    now counted on the one listed, and a request of other words from the same line stays a line of its own."""
    from designer.gui.preview import Report

    config = preview_config(load(EXAMPLE), role="chair", platform="web")
    report = Report(config)
    lock = {"type": "request", "plugin": "lock-toggle", "kind": "sendRequest", "path": "/lock", "ok": True}
    lock |= {"status": 200, "file": "x.js", "line": 3}
    report.add(dict(lock))
    report.add({**lock, "path": "/unlock"})
    report.add({**lock, "count": 250, "times": 251})
    report.add({**lock, "count": 100, "times": 351})
    locks, unlock = report.plugins["lock-toggle"]["requests"]
    assert locks["path"] == "/lock" and locks["times"] == 351 and "count" not in locks
    assert unlock["path"] == "/unlock" and unlock["times"] == 1


def test_a_timer_every_few_milliseconds_sends_the_designer_a_few_busy_messages_and_a_loop_in_it_is_named(
    qtbot: Any, tmp_path: Path
) -> None:
    """A plugin whose timer runs every few milliseconds had the page tell the designer 'busy', 'busy' again and
    'idle' at each tick, some 750 messages a second for the window to handle one by one. Now the page tells it
    of the same code running a few times a second; a loop in that timer, after a while, is still named."""
    project = _with_code(
        tmp_path,
        "lock-toggle",
        "function load(participants$, conferenceDetails$) {",
        "function load(participants$, conferenceDetails$) {\n"
        "        var ticks = 0; setInterval(function () { if (!window.__go) { return; }"
        " if (++ticks === 750) { while (true) {} } }, 0);",
    )
    with _preview_of(qtbot, project) as pane:
        crossed = _counting_busy(qtbot, pane)  # (the count by the ticks, not by how long a loaded machine took)
        froze = "[Lock toggle] This would freeze the meeting for every host — its code never finished"
        qtbot.waitUntil(lambda: froze in pane.log.toPlainText(), timeout=20000)
        assert "in a timer it set (setTimeout or setInterval)" in pane.log.toPlainText()
        assert len(crossed) <= 40, len(crossed)  # (a few, not 2,250 for the 750 ticks)


@pytest.mark.parametrize("gone", ["window.PEX", "window.PEX.pluginAPI"])
def test_a_plugin_deleting_pex_is_named_as_one_replacing_it_is(qtbot: Any, tmp_path: Path, gone: str) -> None:
    """A plugin deleting ``window.PEX`` (or its ``pluginAPI``) in its load() went unsaid, where replacing them
    is said, and the next plugin to call the app crashed with the browser's words only ("Cannot read
    properties of undefined"), nothing naming the plugin that took them away. Now both are said as a
    replacement is: the plugin, its line, and what it means for the others."""
    project = _with_code(
        tmp_path,
        "lock-toggle",
        "function load(participants$, conferenceDetails$) {",
        f"function load(participants$, conferenceDetails$) {{ delete {gone};",
    )
    with _preview_of(qtbot, project) as pane:
        said = f"[Lock toggle] warning: it deleted {gone} (plugins/lock-toggle/lock-toggle.plugin.js line 25): "
        qtbot.waitUntil(lambda: said in pane.log.toPlainText(), timeout=5000)
        assert pane.log.toPlainText().count(said) == 1
        _open_menus(qtbot, pane.page)
        _js(qtbot, pane.page, "document.querySelector('[data-plugin=meeting-info]').click(); true")
        qtbot.waitUntil(lambda: pane.error_count() == 1, timeout=5000)
        (error,) = [e for e in pane.events if e.get("type") == "error"]
        assert error["plugin"] == "meeting-info", error
        assert error["plain"] == (
            f"Lock toggle deleted {gone} (plugins/lock-toggle/lock-toggle.plugin.js line 25): "
            "the app’s functions are no longer there, for any plugin."
        )


@pytest.mark.parametrize(
    "removal",
    [
        "document.getElementById('pd-stage').remove();",
        "document.getElementById('pd-app').innerHTML = '';",
        "document.querySelectorAll('#pd-side > *').forEach(function (el) { el.remove(); });",
    ],
)
def test_a_plugin_removing_parts_of_the_meeting_is_named_and_they_come_back(
    qtbot: Any, tmp_path: Path, removal: str
) -> None:
    """A plugin removing a part of the meeting's screen (the stage, the side panel's tabs) in its load() had the
    preview's own drawing code fail on every change of the meeting, each failure "[?] This would show the Oops
    page for every user", blaming no plugin, and Problems blocking the export. Now the parts are put back, the
    log names the plugin, and nothing is called a crash."""
    project = _with_code(
        tmp_path,
        "lock-toggle",
        "function load(participants$, conferenceDetails$) {",
        f"function load(participants$, conferenceDetails$) {{ {removal}",
    )
    with _window_with_preview(project) as win:
        pane = win.preview_pane
        said = "[Lock toggle] warning: it removed parts of the meeting’s screen from the page"
        qtbot.waitUntil(lambda: said in pane.log.toPlainText(), timeout=10000)
        _wait_started(qtbot, pane)
        _open_menus(qtbot, pane.page)
        _js(qtbot, pane.page, "document.querySelector('[data-plugin=meeting-info]').click(); true")
        qtbot.waitUntil(lambda: "[Meeting information] opened dialog" in pane.log.toPlainText(), timeout=5000)
        parts = "['pd-top', 'pd-stage', 'pd-side', 'pd-tabs', 'pd-panel', 'pd-ended'].map(function (id) { var el = document.getElementById(id); return el ? el.parentNode.id : null; }).join(' ')"
        assert _js(qtbot, pane.page, parts) == "pd-app pd-main pd-main pd-side pd-side pd-app"
        assert _js(qtbot, pane.page, "document.querySelectorAll('#pd-toolbar button').length") > 0
        assert pane.error_count() == 0 and pane.problems == [], pane.log.toPlainText()[-1500:]
        assert pane.log.toPlainText().count(said) == 1


def test_a_request_with_a_payload_of_megabytes_reaches_the_designer_cut_short(qtbot: Any, tmp_path: Path) -> None:
    """A plugin sending requests with a payload of megabytes (its data in a chat message, 20 a second) had each
    cross into the designer whole and be kept with the log's events, 2 MB each: the window's memory grew by 30 MB
    a second, and the page's too. Now the page keeps and says each text in a payload cut short (saying how long
    it was), as it cuts a console line."""
    project = _with_code(
        tmp_path,
        "lock-toggle",
        "function load(participants$, conferenceDetails$) {",
        "function load(participants$, conferenceDetails$) {\n"
        "        window.PEX.pluginAPI.sendRequest('/message', { payload: 'x'.repeat(2000000), sent: new Array(5000).fill(1) });",
    )
    with _preview_of(qtbot, project) as pane:
        qtbot.waitUntil(lambda: "sendRequest /message" in pane.log.toPlainText(), timeout=5000)
        (sent,) = [e for e in pane.events if e.get("type") == "request" and e.get("path") == "/message"]
        assert len(json.dumps(sent)) < 10000, len(json.dumps(sent))
        assert sent["payload"]["payload"].endswith("… (2,000,000 characters in all)")
        assert len(sent["payload"]["sent"]) == 101 and sent["payload"]["sent"][-1] == "… (5,000 items in all)"
        kept = (
            "JSON.stringify(__pluginDesigner.PD.requests.filter(function (r) { return r.path === '/message'; })).length"
        )
        assert _js(qtbot, pane.page, kept) < 10000
        assert "[Lock toggle] sendRequest /message (payload: xxxxxxxx" in pane.log.toPlainText()


def test_a_plugin_changing_the_meeting_every_few_milliseconds_has_the_simulator_redrawn_a_few_times_a_second(
    qtbot: Any, tmp_path: Path
) -> None:
    """A plugin locking and unlocking the meeting in a timer every few milliseconds had the simulator's controls
    and participant table built anew at each change, some 50 a second, most of the designer's time (more with a
    bigger meeting). Now they follow the meeting a few times a second, and end as the meeting is."""
    project = _with_code(
        tmp_path,
        "lock-toggle",
        "function load(participants$, conferenceDetails$) {",
        "function load(participants$, conferenceDetails$) {\n"
        "        var n = 0; var t = setInterval(function () { n++; window.PEX.pluginAPI.sendRequest(n % 2 ? '/lock' : '/unlock');"
        " if (n === 401) { clearInterval(t); } }, 0);",
    )
    with _preview_of(qtbot, project) as pane:
        drawn: list[int] = []
        fill = pane._fill_table
        pane._fill_table = lambda participants: (drawn.append(1), fill(participants))  # type: ignore[method-assign]
        # The redraw's wait made endless (restarting the timer), so that the count depends on no machine's speed.
        pane._sim_redraw.setInterval(24 * 3600 * 1000)
        qtbot.waitUntil(lambda: "sendRequest /lock → ok (repeated 201 times)" in pane.log.toPlainText(), timeout=15000)
        assert len(drawn) <= 1, len(drawn)  # (none, or the first change at once: not one per change)
        pane._sim_redraw.setInterval(0)  # (its end: the controls show the meeting as it is by then)
        qtbot.waitUntil(lambda: pane.sim_toggles["locked"].isChecked(), timeout=5000)
        assert pane.meeting is not None and pane.meeting[1]["locked"] and len(drawn) <= 2, len(drawn)


def test_a_plugin_replacing_window_promise_is_no_freeze_of_every_plugin(qapp: Any, tmp_path: Path) -> None:
    """A plugin setting ``window.Promise = null`` (an old polyfill's doing) broke the preview's own test of the
    buttons, which made its pauses with that Promise: simulate waited 20 s three times and said every plugin
    would freeze the meeting "during load (an endless loop?)", none of which looped. Now the page keeps the
    browser's own Promise for its work, and the buttons are tested."""
    import time

    from designer.gui.preview import simulate

    project = _with_code(
        tmp_path,
        "lock-toggle",
        "function load(participants$, conferenceDetails$) {",
        "function load(participants$, conferenceDetails$) { window.Promise = null;",
    )
    began = time.monotonic()
    report = simulate(load(project), timeout=8).as_json()
    by_id = {p["id"]: p for p in report["plugins"]}
    assert report["ok"], [p["errors"] for p in report["plugins"]]
    assert [r["path"] for r in by_id["lock-toggle"]["requests"]] == ["/lock"]
    assert by_id["meeting-info"]["dialogs"] == [{"title": "Meeting information"}]
    assert time.monotonic() - began < 8


def test_a_plugin_replacing_json_stringify_is_no_freeze(qapp: Any, tmp_path: Path) -> None:
    """A plugin replacing ``JSON.stringify`` (an old library's own) emptied every report the page sent the designer:
    simulate waited 20 s and said the plugin's load was an endless loop that would freeze the meeting. Now the
    page keeps the browser's own JSON for its reports, and the buttons are tested."""
    from designer.gui.preview import simulate

    project = _with_code(
        tmp_path,
        "lock-toggle",
        "function load(participants$, conferenceDetails$) {",
        "function load(participants$, conferenceDetails$) { JSON.stringify = function () { return '{}'; };",
    )
    report = simulate(load(project), timeout=8).as_json()
    by_id = {p["id"]: p for p in report["plugins"]}
    assert report["ok"], [p["errors"] for p in report["plugins"]]
    assert [r["path"] for r in by_id["lock-toggle"]["requests"]] == ["/lock"]


# (Array.prototype.forEach = null did it before the page kept the browser's built-ins for itself: see
# test_a_plugin_replacing_built_ins_breaks_only_itself_and_is_named)
_NO_FOREACH = "function load(participants$, conferenceDetails$) { window.__pluginDesigner.PD.sim.exportMeeting = null;"


def test_simulate_says_its_test_failed_when_a_plugin_breaks_what_it_uses(qapp: Any, tmp_path: Path) -> None:
    """A plugin replacing something of the browser's that the page's test of the buttons uses
    (``Array.prototype.forEach = null``) stopped that test unsaid: simulate waited 20 s and said the plugins'
    load was an endless loop that would freeze the meeting. Now it ends at once, saying that its own test failed
    and why, an error (the buttons were not all tested)."""
    import time

    from designer.gui.preview import simulate

    project = _with_code(tmp_path, "lock-toggle", "function load(participants$, conferenceDetails$) {", _NO_FOREACH)
    began = time.monotonic()
    report = simulate(load(project), timeout=8).as_json()
    assert time.monotonic() - began < 8
    assert not report["ok"]
    failed = [e["message"] for e in report["unattributed"] if e.get("kind") == "cycle-failed"]
    assert failed == [
        "the preview could not test every button: its own code failed "
        "(TypeError: PD.sim.exportMeeting is not a function); "
        "a plugin may have replaced something of the browser's that it uses, which the app's own code may need too"
    ], report["unattributed"]
    assert not [e for p in report["plugins"] for e in p["errors"] if e.get("kind") == "hang"]


def test_test_every_button_comes_back_when_its_test_failed(qtbot: Any, tmp_path: Path) -> None:
    """The same plugin left Test every button "Testing…" and disabled for good; now it is ready again, and the log
    says why the test stopped."""
    from PySide6.QtCore import Qt

    project = _with_code(tmp_path, "lock-toggle", "function load(participants$, conferenceDetails$) {", _NO_FOREACH)
    with _preview_of(qtbot, project) as pane:
        qtbot.mouseClick(pane.cycle_button, Qt.MouseButton.LeftButton)
        said = "[?] warning: the preview could not test every button: its own code failed"
        qtbot.waitUntil(lambda: said in pane.log.toPlainText(), timeout=5000)
        assert pane.cycle_button.isEnabled() and pane.cycle_button.text() == "Test every button"


def test_a_dialog_opened_again_and_again_is_one_line_counting_its_repeats(qtbot: Any, tmp_path: Path) -> None:
    """A plugin opening its dialog in a timer (or at each change of the meeting) took a log line per dialog, a
    hundred a second, the rest of the log lost among them. Now the log keeps one line counting the repeats."""
    project = _with_code(
        tmp_path,
        "lock-toggle",
        "function load(participants$, conferenceDetails$) {",
        "function load(participants$, conferenceDetails$) {\n"
        "        var n = 0; var t = setInterval(function () { window.PEX.pluginAPI.openTemplateDialog({ title: 'Hi' });"
        " if (++n === 50) { clearInterval(t); } }, 0);",
    )
    with _preview_of(qtbot, project) as pane:
        qtbot.waitUntil(lambda: "(repeated 50 times)" in pane.log.toPlainText(), timeout=10000)
        lines = [line for line in pane.log.toPlainText().splitlines() if "opened dialog" in line]
        assert lines == ["[Lock toggle] opened dialog “Hi”", "[Lock toggle] opened dialog “Hi” (repeated 50 times)"]


def test_a_flood_of_requests_keeps_the_pages_list_of_them_bounded(qtbot: Any, tmp_path: Path) -> None:
    """Every request a plugin made was kept in the page's list for good, and each redraw of the page walked all of
    it: a plugin asking in a timer made the preview slower and bigger for as long as it ran. The list keeps the
    last requests; the meeting still follows each one."""
    project = _with_code(
        tmp_path,
        "lock-toggle",
        "function load(participants$, conferenceDetails$) {",
        "function load(participants$, conferenceDetails$) {\n"
        "        for (var i = 0; i < 5000; i++) { window.PEX.pluginAPI.sendRequest(i % 2 ? '/lock' : '/unlock'); }",
    )
    with _preview_of(qtbot, project) as pane:
        qtbot.waitUntil(lambda: "sendRequest /lock" in pane.log.toPlainText(), timeout=10000)
        kept = _js(qtbot, pane.page, "__pluginDesigner.PD.requests.length")
        assert 0 < kept <= 2000, kept
        assert _js(qtbot, pane.page, "__pluginDesigner.PD.conference().locked") is True


_CHAT_SHOWN = """JSON.stringify({
    lines: Array.from(document.querySelectorAll('#pd-panel .pd-chat-line')).map(function (el) { return el.textContent; }),
    marked: Array.from(document.querySelectorAll('#pd-panel .pd-chat-line')).filter(function (el) { return el.pdMark; }).length,
    older: (document.querySelector('#pd-panel .pd-chat-older') || {}).textContent || ''})"""


def test_the_chat_adds_each_new_message_and_keeps_the_last_ones(qtbot: Any, tmp_path: Path) -> None:
    """The chat tab drew every message anew at each new one, so a plugin sending one every few milliseconds slowed
    the page as the chat grew (some 45 messages a second out after 600). Now a new message is added after those on
    show, which stay as they are, and the chat keeps the last 500, saying how many older ones were left out."""
    project = tmp_path / "p"
    shutil.copytree(EXAMPLE, project)
    with _preview_of(qtbot, project) as pane:
        shown = lambda: json.loads(_js(qtbot, pane.page, _CHAT_SHOWN))  # noqa: E731
        _js(
            qtbot,
            pane.page,
            "document.getElementById('pd-tab-chat').click(); PD.sim.receiveChat('first', 'Casey'); true",
        )
        qtbot.waitUntil(lambda: shown()["lines"] == ["Casey: first"], timeout=5000)
        _js(qtbot, pane.page, "document.querySelector('#pd-panel .pd-chat-line').pdMark = true; true")
        _js(qtbot, pane.page, "PEX.pluginAPI.sendChatMessage('second'); true")
        qtbot.waitUntil(lambda: len(shown()["lines"]) == 2, timeout=5000)
        assert shown() == {"lines": ["Casey: first", "you: second"], "marked": 1, "older": ""}
        _js(qtbot, pane.page, "for (var i = 3; i <= 700; i++) { PD.sim.receiveChat('m' + i, 'Casey'); } true")
        qtbot.waitUntil(lambda: shown()["lines"][-1:] == ["Casey: m700"], timeout=5000)
        chat = shown()
        assert len(chat["lines"]) == 500 and chat["lines"][0] == "Casey: m201", chat["lines"][:2]
        assert chat["older"] == "200 older messages left out (the preview shows the last 500)"
        _js(qtbot, pane.page, "PD.sim.receiveChat('m701', 'Casey'); true")
        qtbot.waitUntil(lambda: shown()["lines"][-1:] == ["Casey: m701"], timeout=5000)
        assert shown()["lines"][0] == "Casey: m202" and len(shown()["lines"]) == 500


def _counting_busy(qtbot: Any, pane: Any) -> list[str]:
    """The busy and idle messages the page sends the designer from now on, its half second made endless (the count
    then goes by what the plugins did, not by the machine's speed), and the plugins' timers told to go."""
    crossed: list[str] = []
    pane.page.sig_event.connect(lambda e: crossed.append(e["type"]) if e.get("type") in ("busy", "idle") else None)
    _js(qtbot, pane.page, "PD.busyWindowMs = 1e9; window.__go = true; true")
    return crossed


def test_plugins_taking_turns_send_a_few_busy_messages_and_a_freeze_blames_none_wrongly(
    qtbot: Any, tmp_path: Path
) -> None:
    """A timer locking and unlocking every few milliseconds, the other plugins' subscriptions told of each change in
    between, had the page send the designer some 470 busy messages a second: each plugin's code taking its turn was
    said. Now code said once goes unsaid when it runs again in the flood, and a freeze after the flood (another
    plugin's subscription looping) names the plugins taking turns, none of them as the one alone."""
    project = _with_code(
        tmp_path,
        "raise-hand-helper",
        "function load(participants$, conferenceDetails$) {",
        "function load(participants$, conferenceDetails$) {\n"
        "        var ticks = 0; setInterval(function () { if (window.__go) {"
        " PEX.pluginAPI.sendRequest(++ticks % 2 ? '/lock' : '/unlock'); } }, 0);",
    )
    info = project / "webapp2/plugins/meeting-info/meeting-info.plugin.js"
    looping = "latestDetails = details || {}; if (window.__go && (window.__seen = (window.__seen || 0) + 1) === 600) { while (true) {} }"
    info.write_text(info.read_text().replace("latestDetails = details || {};", looping, 1))
    with _preview_of(qtbot, project) as pane:
        crossed = _counting_busy(qtbot, pane)
        froze = "never finished"
        qtbot.waitUntil(lambda: any(froze in str(e.get("message")) for e in pane.events), timeout=60000)
        assert len(crossed) <= 30, len(crossed)  # (some 6,000 for the 600 changes)
        said = next(str(e["message"]) for e in pane.events if froze in str(e.get("message")))
        hang = next(e for e in pane.events if froze in str(e.get("message")))
        assert hang["plugin"] is None, hang
        assert said.startswith("the code of one of the plugins taking turns never finished ("), said
        assert "Raise hand helper in a timer it set (setTimeout or setInterval)" in said, said
        assert "Meeting information when the meeting changed" in said, said
        assert "They run again here, each watched closely" in said, said


def test_a_freeze_after_an_await_in_a_flood_says_so(qtbot: Any, tmp_path: Path) -> None:
    """A timer every few milliseconds awaiting, then looping for ever after the await: the page left the code after
    the await unsaid in the flood, and the freeze said 'in a timer it set' without '(… after an await …)'."""
    project = _with_code(
        tmp_path,
        "lock-toggle",
        "function load(participants$, conferenceDetails$) {",
        "function load(participants$, conferenceDetails$) {\n"
        "        var ticks = 0; setInterval(async function () { if (!window.__go) { return; } await null;"
        " if (++ticks === 600) { while (true) {} } }, 0);",
    )
    with _preview_of(qtbot, project) as pane:
        crossed = _counting_busy(qtbot, pane)
        froze = "[Lock toggle] This would freeze the meeting for every host — its code never finished"
        qtbot.waitUntil(lambda: froze in pane.log.toPlainText(), timeout=60000)
        assert "in a .then callback or after an await it started" in pane.log.toPlainText()
        assert len(crossed) <= 10, len(crossed)


def test_a_role_or_platform_list_written_as_text_or_names_is_said_so_in_the_log() -> None:
    """``"platforms": "web"`` (one text) or ``{"web": true}`` (names set to true) loads nowhere, but
    the log said "not started in the web app: it does not load there ('Loads in' in its form)", as
    if web were not chosen, and ``"participantRoles": "host"`` "nobody gets it: tick Hosts or
    Guests". It says what the file holds instead of a list, in PD311's words."""
    from designer.core.preview import not_started_because

    plugin = load(EXAMPLE).plugins[1]
    assert plugin.package is not None
    plugin.package.platforms = None
    plugin.package.raw["platforms"] = "web"
    assert not_started_because(plugin, "chair", "web") == (
        """not started in the web app: 'Loads in' (platforms) is the text "web", not a list, which the app """
        "does not read (see Problems: PD311)"
    )
    plugin.package.raw["platforms"] = {"web": True}
    assert not_started_because(plugin, "chair", "web") == (
        """not started in the web app: 'Loads in' (platforms) is {"web": true}, not a list, which the app """
        "does not read (see Problems: PD311)"
    )
    plugin.package.participant_roles = None
    plugin.package.raw["participantRoles"] = "host"
    assert not_started_because(plugin, "chair", "web") == (
        """not started for a Host: 'Available to' (participantRoles) is the text "host", not a list, which the """
        "app does not read (see Problems: PD311)"
    )


def test_a_plugin_replacing_built_ins_breaks_only_itself_and_is_named(qtbot: Any, tmp_path: Path) -> None:
    """A plugin replacing built-ins the page relies on (``Object.assign``, ``Array.prototype.forEach``) broke the whole
    page: the buttons of every plugin gone, its requests said in the log as "[?]". Now the page and the other plugins
    run with the browser's own, and the log names the plugin and what it replaced."""
    project = _with_code(
        tmp_path,
        "lock-toggle",
        "function load(participants$, conferenceDetails$) {",
        "function load(participants$, conferenceDetails$) {"
        " Object.assign = function () { return {}; }; Array.prototype.forEach = function () {};",
    )
    with _preview_of(qtbot, project) as pane:
        _open_menus(qtbot, pane.page)
        shown = "document.querySelectorAll('.pd-tb.plugin, .pd-mi.plugin').length"
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, shown) == 3, timeout=5000)
        _js(qtbot, pane.page, "document.querySelector('[data-kind=toolbar]').click(); true")
        qtbot.waitUntil(lambda: "[Lock toggle] sendRequest /lock → ok" in pane.log.toPlainText(), timeout=5000)
        log = pane.log.toPlainText()
        for what in ("Object.assign", "Array.prototype.forEach"):
            said = f"[Lock toggle] warning: it replaced {what}, which the app’s own code and every plugin use"
            assert said in log, log
        assert "[?]" not in log, log


def test_a_loop_sending_different_chat_messages_is_a_few_lines_counting_the_rest(qtbot: Any, tmp_path: Path) -> None:
    """A plugin sending a chat message in a loop, its words changing each time ('msg 0', 'msg 1', …), had a log line
    per message, hundreds of them, the rest of the log lost among them. Now the first ten from that line are kept and
    the others counted on the tenth, as for an error whose message changes."""
    from designer.gui.preview import simulate

    project = _with_code(
        tmp_path,
        "lock-toggle",
        "function load(participants$, conferenceDetails$) {",
        "function load(participants$, conferenceDetails$) {"
        " for (var i = 0; i < 500; i++) { PEX.pluginAPI.sendChatMessage('msg ' + i); }",
    )
    with _preview_of(qtbot, project) as pane:
        qtbot.waitUntil(lambda: "of them different" in pane.log.toPlainText(), timeout=5000)
        lines = [line for line in pane.log.toPlainText().splitlines() if "sendChatMessage" in line]
        assert lines == [f"[Lock toggle] sendChatMessage: “msg {i}” → ok" for i in range(10)] + [
            "[Lock toggle] sendChatMessage: “msg 9” → ok (repeated 491 times, 490 of them different)"
        ], lines
    report = simulate(load(project), timeout=8).as_json()
    asked = {p["id"]: p["requests"] for p in report["plugins"]}["lock-toggle"]
    chats = [r for r in asked if r["kind"] == "sendChatMessage"]
    assert len(chats) == 10 and sum(r["times"] for r in chats) == 500 * 2, chats  # (load runs twice in the test)


def test_plugins_taking_turns_when_the_meeting_froze_run_again_and_only_the_one_at_fault_is_left_off(
    qtbot: Any, tmp_path: Path
) -> None:
    """A freeze while plugins took turns (a timer locking and unlocking, the others told of each change) left every
    one of them off, the two that had done nothing wrong with the one looping. Now they run again, each watched
    closely, and when the meeting freezes again only the one at fault is left off, the log saying which and why."""
    project = _with_code(
        tmp_path,
        "raise-hand-helper",
        "function load(participants$, conferenceDetails$) {",
        "function load(participants$, conferenceDetails$) {\n"
        "        var ticks = 0; setInterval(function () { if (window.__go) {"
        " PEX.pluginAPI.sendRequest(++ticks % 2 ? '/lock' : '/unlock'); } }, 0);",
    )
    info = project / "webapp2/plugins/meeting-info/meeting-info.plugin.js"
    looping = "latestDetails = details || {}; if (window.__go && (window.__seen = (window.__seen || 0) + 1) === 60) { while (true) {} }"
    info.write_text(info.read_text().replace("latestDetails = details || {};", looping, 1))
    with _preview_of(qtbot, project) as pane:
        _js(qtbot, pane.page, "window.__go = true; true")
        qtbot.waitUntil(lambda: "each watched closely" in pane.log.toPlainText(), timeout=60000)
        _wait_started(qtbot, pane)
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, "!!(window.PD && PD.started)") is True, timeout=10000)
        _js(qtbot, pane.page, "window.__go = true; true")  # (the fresh page: the same flood, the same loop)
        froze = "[Meeting information] This would freeze the meeting for every"
        qtbot.waitUntil(lambda: "It is left off here" in pane.log.toPlainText(), timeout=60000)
        log = pane.log.toPlainText()
        assert froze in log and "its code never finished when the meeting changed" in log, log[-2000:]
        qtbot.waitUntil(lambda: _js(qtbot, pane.page, "!!(window.PD && PD.started)") is True, timeout=10000)
        off = "JSON.stringify(Object.keys(PD.plugins).filter(function (k) { return PD.plugins[k].cfg.frozen; }))"
        assert json.loads(_js(qtbot, pane.page, off)) == ["meeting-info"]


def test_a_plugin_making_a_built_in_a_throwing_getter_does_not_stop_the_page(qtbot: Any, tmp_path: Path) -> None:
    """A plugin defining a built-in as a getter that throws (``Object.defineProperty(Array.prototype, 'map',
    {get: ...})``) stopped the page as it looked at the built-ins: the plugins never said they had started. Now the
    page puts the browser's back, the plugins run, and the log names the plugin."""
    project = _with_code(
        tmp_path,
        "lock-toggle",
        "function load(participants$, conferenceDetails$) {",
        "function load(participants$, conferenceDetails$) { Object.defineProperty(Array.prototype, 'map',"
        " { get: function () { throw new Error('no map'); }, configurable: true });",
    )
    with _preview_of(qtbot, project) as pane:
        _js(qtbot, pane.page, "document.querySelector('[data-kind=toolbar]').click(); true")
        qtbot.waitUntil(lambda: "[Lock toggle] sendRequest /lock → ok" in pane.log.toPlainText(), timeout=5000)
        log = pane.log.toPlainText()
        assert "[Lock toggle] warning: it replaced Array.prototype.map" in log and "a getter that throws" in log, log
        assert _js(qtbot, pane.page, "[1, 2].map(function (n) { return n * 2; }).join()") == "2,4"


def test_a_plugin_freezing_a_built_in_it_replaced_is_the_only_one_named(qtbot: Any, tmp_path: Path) -> None:
    """A plugin replacing ``Array.prototype.forEach`` and then freezing ``Array.prototype`` kept the page from putting
    the browser's back, and every plugin starting after it was said to have replaced it too. Now only that plugin is
    named, and the log says that here the replacement is everyone's, as in the app."""
    project = _with_code(
        tmp_path,
        "lock-toggle",
        "function load(participants$, conferenceDetails$) {",
        "function load(participants$, conferenceDetails$) {"
        " Array.prototype.forEach = function () {}; Object.freeze(Array.prototype);",
    )
    with _preview_of(qtbot, project) as pane:
        qtbot.waitUntil(lambda: "[Raise hand helper] started" in pane.log.toPlainText(), timeout=5000)
        said = [line for line in pane.log.toPlainText().splitlines() if "replaced Array.prototype.forEach" in line]
        assert len(said) == 1 and said[0].startswith("[Lock toggle] warning:"), said
        assert "the meeting and every plugin here get the replacement too" in said[0], said


def test_simulate_names_the_one_plugin_that_froze_the_page_while_plugins_took_turns(qapp: Any, tmp_path: Path) -> None:
    """A freeze while plugins took turns (a timer locking and unlocking, the others told of each change) was said by
    simulate as 'one of the plugins taking turns', none named, each plugin's report "0 uncaught errors". Now it
    runs them again, each run said, names the one at fault as the preview does, and tests the others without it."""
    from designer.gui.preview import simulate

    project = _with_code(
        tmp_path,
        "raise-hand-helper",
        "function load(participants$, conferenceDetails$) {",
        "function load(participants$, conferenceDetails$) {\n"
        "        var ticks = 0; setInterval(function () { PEX.pluginAPI.sendRequest(++ticks % 2 ? '/lock' : '/unlock'); }, 0);",
    )
    info = project / "webapp2/plugins/meeting-info/meeting-info.plugin.js"
    looping = (
        "latestDetails = details || {}; if ((window.__seen = (window.__seen || 0) + 1) === 20) { while (true) {} }"
    )
    info.write_text(info.read_text().replace("latestDetails = details || {};", looping, 1))
    report = simulate(load(project), timeout=8).as_json()
    errors = {p["id"]: p["errors"] for p in report["plugins"]}
    assert [e["kind"] for e in errors["meeting-info"]] == ["hang"], report
    assert "its code never finished when the meeting changed" in errors["meeting-info"][0]["message"]
    assert errors["lock-toggle"] == [] and errors["raise-hand-helper"] == [] and report["unattributed"] == [], report


def test_a_plugin_adding_to_object_prototype_does_not_trip_the_pages_look_at_the_built_ins(
    qtbot: Any, tmp_path: Path
) -> None:
    """A plugin adding an enumerable name to ``Object.prototype`` (as old libraries did), then replacing a built-in
    and freezing what holds it, had the page's own look at the built-ins walk that name too and fail, the plugin
    that froze it named by no line. Now the page's maps have no prototype, and the plugin is named once."""
    project = _with_code(
        tmp_path,
        "lock-toggle",
        "function load(participants$, conferenceDetails$) {",
        "function load(participants$, conferenceDetails$) { Object.prototype.extra = 1;"
        " Array.prototype.forEach = function () {}; Object.freeze(Array.prototype);",
    )
    with _preview_of(qtbot, project) as pane:
        qtbot.waitUntil(lambda: "[Raise hand helper] started" in pane.log.toPlainText(), timeout=5000)
        said = [line for line in pane.log.toPlainText().splitlines() if "replaced Array.prototype.forEach" in line]
        assert len(said) == 1 and said[0].startswith("[Lock toggle] warning:"), said


def test_a_built_in_replaced_after_an_await_names_the_plugin(qtbot: Any, tmp_path: Path) -> None:
    """A plugin replacing a built-in in code after an ``await`` (``(async () => { await null; Object.keys = ...
    })()`` in its load) was said as "[?]": that code runs where no frame of the page marks it. Now the plugin whose
    code it was is named, after a few awaits in a row or a timer's too."""
    project = _with_code(
        tmp_path,
        "lock-toggle",
        "function load(participants$, conferenceDetails$) {",
        "function load(participants$, conferenceDetails$) { (async () => { await null; Object.keys = () => []; })();",
    )
    info = project / "webapp2/plugins/meeting-info/meeting-info.plugin.js"
    later = (
        "function load(participants$, conferenceDetails$) { (async () => { await null; await null;"
        " String.prototype.trim = () => ''; await new Promise((r) => setTimeout(r, 10)); JSON.parse = () => 1; })();"
    )
    info.write_text(info.read_text().replace("function load(participants$, conferenceDetails$) {", later, 1))
    with _preview_of(qtbot, project) as pane:
        said = {
            "Object.keys": "[Lock toggle] warning:",
            "String.prototype.trim": "[Meeting information] warning:",
            "JSON.parse": "[Meeting information] warning:",
        }
        qtbot.waitUntil(lambda: all(f"it replaced {what}," in pane.log.toPlainText() for what in said), timeout=10000)
        for what, who in said.items():
            lines = [line for line in pane.log.toPlainText().splitlines() if f"it replaced {what}," in line]
            assert len(lines) == 1 and lines[0].startswith(who), lines


def test_a_plugin_replacing_math_reflect_or_set_timeout_keeps_them_to_itself(qtbot: Any, tmp_path: Path) -> None:
    """A plugin replacing ``Math.floor``, ``Math.max``, ``Reflect.construct`` or ``setTimeout`` (each used by the
    preview's own page) had the meeting and every plugin get the replacement, unsaid: a hand raised in the simulator
    stayed down (its time 0), the chat showed no message, the others' timers were the plugin's. Now they are watched
    as ``Object.assign`` is: the page and the other plugins keep the browser's, and the log names the plugin."""
    project = _with_code(
        tmp_path,
        "lock-toggle",
        "function load(participants$, conferenceDetails$) {",
        "function load(participants$, conferenceDetails$) { Math.floor = function () { return 0; };"
        " Math.max = function () { return 1e9; }; Reflect.construct = function () { return null; };"
        " window.setTimeout = function () { return 'stolen'; };",
    )
    with _preview_of(qtbot, project) as pane:
        for what in ("Math.floor", "Math.max", "Reflect.construct", "setTimeout"):
            said = f"[Lock toggle] warning: it replaced {what},"
            qtbot.waitUntil(lambda said=said: said in pane.log.toPlainText(), timeout=5000)
        shown = lambda: json.loads(_js(qtbot, pane.page, _CHAT_SHOWN))  # noqa: E731
        _js(qtbot, pane.page, "document.getElementById('pd-tab-chat').click(); PD.sim.receiveChat('hi', 'Casey'); true")
        qtbot.waitUntil(lambda: shown()["lines"] == ["Casey: hi"], timeout=5000)
        raised = "var who = PD.participants()[1]; PD.sim.raiseHand(who.uuid, true); who.buzzTime > 1e9"
        assert _js(qtbot, pane.page, raised) is True
        assert _js(qtbot, pane.page, "String(setTimeout(function () {}, 0)) !== 'stolen'") is True


def test_a_string_thrown_after_an_await_in_a_button_names_the_plugin(qapp: Any, tmp_path: Path) -> None:
    """A string thrown after an ``await`` in a button's code (``(async () => { await null; throw 'boom'; })()``) has
    no stack to name a file: simulate said it as a crash of no plugin ("error: Uncaught boom"), each plugin's report
    "0 uncaught errors". Now the plugin whose code ran just before it is named, with its file."""
    from designer.gui.preview import simulate

    project = _with_code(
        tmp_path,
        "lock-toggle",
        "function toggleLock(participants, conferenceDetails) {",
        "function toggleLock(participants, conferenceDetails) { (async () => { await null; throw 'boom'; })();",
    )
    report = simulate(load(project), timeout=8).as_json()
    errors = {p["id"]: p["errors"] for p in report["plugins"]}
    assert [e["message"] for e in errors["lock-toggle"]] == ["Uncaught boom"], report
    assert errors["lock-toggle"][0]["file"] == "plugins/lock-toggle/lock-toggle.plugin.js"
    assert report["unattributed"] == [], report


def test_a_plugin_replacing_performance_now_does_not_silence_every_console_line(qtbot: Any, tmp_path: Path) -> None:
    """A plugin replacing ``performance.now`` (a test shim left in, ``() => 0``) stopped the clock the preview's page
    counts each second's console lines by: after the first 500, every plugin's lines were left out for good (a
    button's "lock-toggle: /lock answered true" too), said as a flood each second. Now the page keeps the browser's
    clock for itself."""
    project = _with_code(
        tmp_path,
        "lock-toggle",
        "function load(participants$, conferenceDetails$) {",
        "function load(participants$, conferenceDetails$) { performance.now = function () { return 0; };"
        " for (var i = 0; i < 600; i++) { console.log('line ' + i); }",
    )
    with _preview_of(qtbot, project) as pane:
        qtbot.waitUntil(lambda: "100 more console lines left out" in pane.log.toPlainText(), timeout=10000)
        _js(qtbot, pane.page, "document.querySelector('[data-kind=toolbar]').click(); true")
        answered = "[Lock toggle] console.log: lock-toggle: /lock answered true"
        qtbot.waitUntil(lambda: answered in pane.log.toPlainText(), timeout=10000)


def test_a_plugin_silencing_console_log_keeps_it_to_itself_and_is_named(qapp: Any, tmp_path: Path) -> None:
    """A plugin silencing ``console.log`` (``console.log = function () {}``, as a build for production does) had every
    plugin's lines gone from the log and simulate, unsaid. Now the others keep the preview's, and the plugin is named."""
    from designer.gui.preview import simulate

    project = _with_code(
        tmp_path,
        "meeting-info",
        "function load(participants$, conferenceDetails$) {",
        "function load(participants$, conferenceDetails$) { console.log = function () {};",
    )
    report = simulate(load(project), timeout=8).as_json()
    plugins = {p["id"]: p for p in report["plugins"]}
    logged = [c["text"] for c in plugins["lock-toggle"]["console"]]
    assert "lock-toggle: /lock answered true" in logged, plugins["lock-toggle"]
    warned = [w["message"] for w in plugins["meeting-info"]["warnings"]]
    assert any(w.startswith("it replaced console.log,") for w in warned), plugins["meeting-info"]


def test_a_plugin_setting_error_stack_trace_limit_to_0_leaves_the_others_their_files(qapp: Any, tmp_path: Path) -> None:
    """A plugin setting ``Error.stackTraceLimit = 0`` (as some libraries do, for speed) took the stacks the preview reads
    its places from: every plugin's console lines were gone from simulate, another plugin's crash said as one of no
    plugin with no file. Now the page and the others keep the browser's limit, and the plugin is named."""
    from designer.gui.preview import simulate

    project = _with_code(
        tmp_path,
        "lock-toggle",
        "function load(participants$, conferenceDetails$) {",
        "function load(participants$, conferenceDetails$) { Error.stackTraceLimit = 0;",
    )
    info = project / "webapp2/plugins/meeting-info/meeting-info.plugin.js"
    crash = "function load(participants$, conferenceDetails$) { setTimeout(function () { null.x; }, 20);"
    info.write_text(info.read_text().replace("function load(participants$, conferenceDetails$) {", crash, 1))
    report = simulate(load(project), timeout=8).as_json()
    plugins = {p["id"]: p for p in report["plugins"]}
    assert report["unattributed"] == [], report["unattributed"]
    assert {e["file"] for e in plugins["meeting-info"]["errors"]} == {"plugins/meeting-info/meeting-info.plugin.js"}
    logged = [c["text"] for c in plugins["lock-toggle"]["console"]]
    assert "lock-toggle: /lock answered true" in logged, plugins["lock-toggle"]
    warned = [w["message"] for w in plugins["lock-toggle"]["warnings"]]
    assert any(w.startswith("it replaced Error.stackTraceLimit,") for w in warned), warned


def test_a_plugin_writing_stacks_its_own_way_leaves_the_others_their_console_lines(qapp: Any, tmp_path: Path) -> None:
    """A plugin defining ``Error.prepareStackTrace`` (a source-map library bundled in) changed every stack the preview
    reads places from: every plugin's console lines were gone from simulate. Now the page and the others keep the
    browser's stacks, and the plugin is named."""
    from designer.gui.preview import simulate

    project = _with_code(
        tmp_path,
        "lock-toggle",
        "function load(participants$, conferenceDetails$) {",
        "function load(participants$, conferenceDetails$) { Error.prepareStackTrace = function () { return 'none'; };",
    )
    report = simulate(load(project), timeout=8).as_json()
    plugins = {p["id"]: p for p in report["plugins"]}
    logged = [c["text"] for c in plugins["raise-hand-helper"]["console"]]
    assert any(line.startswith("raise-hand-helper: hand lowered") for line in logged), plugins["raise-hand-helper"]
    warned = [w["message"] for w in plugins["lock-toggle"]["warnings"]]
    assert any(w.startswith("it replaced Error.prepareStackTrace,") for w in warned), warned


def test_a_plugin_replacing_regexp_exec_keeps_it_to_itself(qapp: Any, tmp_path: Path) -> None:
    """A plugin replacing ``RegExp.prototype.exec`` (a broken polyfill) had the preview's page read every request as
    one the meeting does not know ("/lock → failed … which the conference does not know"), every plugin's, and their
    console lines gone. Now the page and the others keep the browser's, and the plugin is named."""
    from designer.gui.preview import simulate

    project = _with_code(
        tmp_path,
        "meeting-info",
        "function load(participants$, conferenceDetails$) {",
        "function load(participants$, conferenceDetails$) { RegExp.prototype.exec = function () { return null; };",
    )
    report = simulate(load(project), timeout=8).as_json()
    plugins = {p["id"]: p for p in report["plugins"]}
    assert [(r["path"], r["ok"]) for r in plugins["lock-toggle"]["requests"]] == [("/lock", True)], plugins[
        "lock-toggle"
    ]
    assert "lock-toggle: /lock answered true" in [c["text"] for c in plugins["lock-toggle"]["console"]]
    warned = [w["message"] for w in plugins["meeting-info"]["warnings"]]
    assert any(w.startswith("it replaced RegExp.prototype.exec,") for w in warned), warned
