"""A long session does not grow: what one project, dialog or preview run made goes when it is done.

Why: the designer stays open all day while a user opens one project after another. Each test
does what a user does a few times over and checks that the objects of the earlier rounds are
gone (a weak reference to them is dead, or a count is what it was after the first round).
"""

from __future__ import annotations

import gc
import shutil
import weakref
from pathlib import Path

import shiboken6
from conftest import EXAMPLE
from PySide6.QtCore import QEvent
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from designer.gui.main_window import MainWindow


def _settled() -> None:
    """What was deleted later is deleted, and Python's cycles are collected."""
    for _ in range(2):
        QApplication.processEvents()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()


def _projects(tmp_path: Path, n: int) -> list[Path]:
    """``n`` copies of the example, each a project of its own."""
    copies = []
    for i in range(n):
        dst = tmp_path / f"project{i}"
        shutil.copytree(EXAMPLE, dst, ignore=shutil.ignore_patterns(".plugin-designer"))
        copies.append(dst)
    return copies


def _select_plugin(window: MainWindow, index: int) -> None:
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("plugin", index)))


def _dead_wrappers() -> int:
    """Python objects still kept for Qt objects that were deleted (memory nobody can use again)."""
    _settled()
    return sum(1 for o in gc.get_objects() if isinstance(o, shiboken6.Shiboken.Object) and not shiboken6.isValid(o))


def test_keyboard_shortcuts_do_not_keep_the_widgets_of_projects_closed_since(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    """Help ▸ Keyboard Shortcuts reads the window's keys from all its widgets; what it read of
    each project's plugin page (a hundred-odd objects) stayed in memory for the rest of the
    session, after other projects had replaced it."""
    dead = []
    for project in _projects(tmp_path, 3):
        window.open_path(project)
        _select_plugin(window, 0)
        window.finish_menus()
        window.findChild(QAction, "shortcutsAction").trigger()  # Help ▸ Keyboard Shortcuts…
        dialog = window._help_windows["keys"]
        qtbot.waitUntil(dialog.isVisible)
        assert ("Source editor", "Go to Line…", "Ctrl+G") in dialog.rows()  # it did read them all
        dialog.close()
        dead.append(_dead_wrappers())
    assert dead[2] == dead[1]


def test_opening_project_after_project_leaves_nothing_behind_on_the_status_bar(
    window: MainWindow, tmp_path: Path
) -> None:
    """Each project opened left one more record on the status bar (the plugin page's messages go
    there), kept after the page had gone: memory that grew with every project of the day."""
    records = []
    for i, project in enumerate(_projects(tmp_path, 3)):
        window.open_path(project)
        _select_plugin(window, 0)
        if i == 1:  # the source editor's warm-up comes when the machine lets it: here, between projects
            window._warm_editor()
            assert window.source_pane is not None
        _settled()
        records.append(weakref.getweakrefcount(window.status))
    assert records[2] == records[0]


def test_restarting_the_preview_keeps_only_the_run_on_show(qtbot, tmp_path: Path) -> None:
    """Each run of the plugins (Restart plugins, an edit, another project) was kept in the page's
    history with all its HTML and code, up to 50 of them, and right-click ▸ Back went to an old run."""
    from PySide6.QtCore import Qt
    from PySide6.QtWebEngineCore import QWebEnginePage
    from PySide6.QtWidgets import QPushButton
    from test_preview import _wait_started, _window_with_preview

    (project,) = _projects(tmp_path, 1)
    with _window_with_preview(project) as win:
        pane = win.preview_pane
        _wait_started(qtbot, pane)
        restart = pane.findChild(QPushButton, "previewRestart")
        for _ in range(3):
            with qtbot.waitSignal(pane.page.loadFinished, timeout=10000):
                qtbot.mouseClick(restart, Qt.MouseButton.LeftButton)
            _wait_started(qtbot, pane)
        # (once the last run's page has finished loading: the plugins may have started just before)
        qtbot.waitUntil(lambda: pane.page.history().count() == 1)
        assert not pane.view.pageAction(QWebEnginePage.WebAction.Back).isEnabled()


def _answer_next_dialog(qtbot, key=None) -> None:
    """Press ``key`` (Escape: Cancel) in the next dialog that opens and waits for an answer."""
    from PySide6.QtCore import Qt, QTimer

    def press() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, press)  # not on show yet
            return
        qtbot.keyClick(dialog, key if key is not None else Qt.Key.Key_Escape)

    QTimer.singleShot(0, press)


def test_cancelled_recipe_wizards_do_not_stay_in_memory(window: MainWindow, qtbot, tmp_path: Path) -> None:
    """Each Plugin ▸ Add Plugin from Recipe… left its wizard (its pages and the package it was
    for) in memory until the window closed, cancelled or finished."""
    from designer.gui.panes.recipe_wizard import RecipeWizard

    (project,) = _projects(tmp_path, 1)
    window.open_path(project)
    action = window.plugin_actions["recipe"]
    for _ in range(3):
        _answer_next_dialog(qtbot)
        action.trigger()
        assert len(window.package.plugins) == 3  # cancelled: nothing added
    _settled()
    assert window.findChildren(RecipeWizard) == []


def test_deploy_dialogs_closed_do_not_stay_in_memory(window: MainWindow, qtbot, tmp_path: Path) -> None:
    """Each Deploy… click in the Export pane left one more dialog (with the package it was for)
    in memory until the window closed; now only the one last opened is kept."""
    from PySide6.QtCore import Qt

    from designer.gui.panes.deploy_dialog import DeployDialog

    (project,) = _projects(tmp_path, 1)
    window.open_path(project)
    window.show_export()
    pane = window.export_pane
    alive = []
    for _ in range(3):
        qtbot.mouseClick(pane.deploy_button, Qt.MouseButton.LeftButton)
        dialog = pane.deploy_dialog
        qtbot.waitUntil(dialog.isVisible)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Cancel
        assert not dialog.isVisible()
        del dialog
        _settled()
        alive.append(len(window.findChildren(DeployDialog)))
    assert alive == [1, 1, 1]


def _insert_after(path: Path, after: str, code: str) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    lines.insert(next(i for i, line in enumerate(lines) if after in line) + 1, code)
    path.write_text("\n".join(lines), encoding="utf-8")


def _click_last_log_line(qtbot, pane, word: str):
    """Click the last line of the preview's log that holds ``word``, as a user would; the problem
    the pane then asks the window to show (its file and line)."""
    from PySide6.QtCore import Qt

    log = pane.log
    block = log.document().lastBlock()
    while block.isValid() and word not in block.text():
        block = block.previous()
    assert block.isValid(), f"no line of the log holds {word!r}"
    log.centerCursor()
    QApplication.processEvents()
    spot = log.blockBoundingGeometry(block).translated(log.contentOffset()).center().toPoint()
    spot.setX(20)
    with qtbot.waitSignal(pane.sig_jump) as jumped:
        qtbot.mouseClick(log.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    return jumped.args[0]


def test_a_plugin_logging_all_day_does_not_fill_the_memory(qtbot, tmp_path: Path) -> None:
    """Every console line of a run was kept, also long after the log (2,000 lines) had let it go:
    a plugin logging on a timer grew the designer without end. Its errors stay, and link to their line.

    The plugin logs 200 lines a tick, not all 6,000 as it starts: on a loaded machine Chromium took
    over 5 s for those, and the preview rightly left the plugin off as frozen (CI beside other work)."""
    from test_preview import _window_with_preview

    (project,) = _projects(tmp_path, 1)
    plugins = project / "webapp2" / "plugins"
    chatty = 6000  # three times what the log shows
    _insert_after(
        plugins / "lock-toggle" / "lock-toggle.plugin.js",
        "function load(",
        "        var i = 0, ticking = setInterval(function () {"
        f" for (var n = 0; n < 200; n++) {{ console.log('tick ' + i++); }}"
        f" if (i >= {chatty}) {{ clearInterval(ticking); window.ticked = true; }} }}, 10);",
    )
    _insert_after(  # an error after the last line logged, so the log still shows it
        plugins / "meeting-info" / "meeting-info.plugin.js",
        "function load(",
        "        var waiting = setInterval(function () {"
        " if (window.ticked) { clearInterval(waiting); throw new Error('late'); } }, 50);",
    )
    with _window_with_preview(project) as win:
        pane = win.preview_pane
        # (The error comes after the last tick. The page shows 500 console lines a second and counts
        # the others: were it to pass on all 6,000, the window would still have to let them go.)
        qtbot.waitUntil(lambda: pane.error_count() == 1, timeout=60_000)
        assert len(pane.events) <= 2 * pane.log.maximumBlockCount() < chatty
        assert [p.file for p in pane.problems] == ["plugins/meeting-info/meeting-info.plugin.js"]
        # A click on the error's line in the log (the last one) opens its file at its line.
        assert _click_last_log_line(qtbot, pane, "late").file == "plugins/meeting-info/meeting-info.plugin.js"


def test_opening_project_after_project_watches_only_the_open_ones_files(window: MainWindow, tmp_path: Path) -> None:
    """Each plugin clicked has its package file watched for changes by other programs; those of
    the projects opened before stayed watched (a limited system resource) all session."""
    watched = []
    for project in _projects(tmp_path, 3):
        window.open_path(project)
        for index in range(len(window.package.plugins)):
            _select_plugin(window, index)
        files = window._watcher.files()
        assert all(Path(f).is_relative_to(project) for f in files), files
        watched.append(len(files))
    assert watched[2] == watched[0]


def test_right_clicks_on_recent_projects_leave_no_menus_behind(qtbot, tmp_path: Path) -> None:
    """Each right-click on a recent project on the first page left one more menu in memory after
    it was closed, for as long as the page was kept; now only the last one is."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMenu

    from designer.gui.app import remember_project
    from designer.gui.panes.welcome import WelcomePane

    for project in _projects(tmp_path, 2):
        remember_project(project)
    pane = WelcomePane()
    qtbot.addWidget(pane)
    pane.show()
    menus = []
    for _ in range(3):
        pane._recent_menu(pane.recent.visualItemRect(pane.recent.item(0)).center())  # (as a right-click does)
        menu = pane.recent_menu
        qtbot.waitUntil(menu.isVisible)
        qtbot.keyClick(menu, Qt.Key.Key_Escape)
        del menu
        _settled()
        menus.append(len(pane.findChildren(QMenu)))
    assert menus == [1, 1, 1]  # the last one only


def test_a_plugin_throwing_all_day_does_not_fill_the_memory(qtbot, tmp_path: Path) -> None:
    """Console lines were let go with the log's old lines, but every error was kept for the whole
    run: a plugin throwing on a timer still grew the designer without end (and each new event
    copied the growing list). The repeats of an error are let go too (Problems shows one problem
    for each); the count and the log's links stay right.

    The page reports a repeat about 30 times a second; the thousands here are its reports of the
    plugin's own first error, handed to the pane as the page hands them."""
    from test_preview import _window_with_preview

    (project,) = _projects(tmp_path, 1)
    _insert_after(
        project / "webapp2" / "plugins" / "lock-toggle" / "lock-toggle.plugin.js",
        "function load(",
        "        setTimeout(function () { throw new Error('again'); }, 300);",
    )
    with _window_with_preview(project) as win:
        pane = win.preview_pane
        qtbot.waitUntil(lambda: pane.error_count() == 1, timeout=10000)
        (first,) = [{k: v for k, v in e.items() if k != "serial"} for e in pane.events if e.get("type") == "error"]
        thrown = 3 * pane.log.maximumBlockCount()
        for _ in range(thrown - 1):
            pane._event({"type": "console", "plugin": first["plugin"], "level": "log", "text": "tick"})
            pane._event(dict(first))
        assert pane.error_count() == thrown
        errors = [e for e in pane.events if e.get("type") == "error"]
        assert len(pane.events) <= 2 * pane.log.maximumBlockCount() and len(errors) <= pane.log.maximumBlockCount() + 1
        assert [p.file for p in pane.problems] == ["plugins/lock-toggle/lock-toggle.plugin.js"]
        # A click on the last error's line in the log opens its file at its line.
        assert _click_last_log_line(qtbot, pane, "again").file == "plugins/lock-toggle/lock-toggle.plugin.js"
