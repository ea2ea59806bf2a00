"""Shared test set-up.

Why the environment line comes first: with no DISPLAY and no platform set, pytest-qt's
``qapp`` aborts the interpreter, so every test run is headless unless a caller says otherwise.
"""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Recent projects and other QSettings go to a throw-away folder, never the developer's own.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="plugin-designer-tests-")
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="plugin-designer-tests-data-")  # crash recovery copies

# Every `python -m designer` a test starts runs this checkout's code, whatever folder it starts in:
# a venv shared by several checkouts (git worktrees) has only one of them installed.
os.environ["PYTHONPATH"] = os.pathsep.join(
    [str(Path(__file__).resolve().parent.parent), *filter(None, [os.environ.get("PYTHONPATH")])]
)

import pytest  # noqa: E402
from PySide6.QtCore import QCoreApplication, Qt  # noqa: E402

# The preview's QtWebEngine (tests/test_preview.py) needs this before pytest-qt makes the
# QApplication; make_app sets it the same way. QtWebEngine itself is imported lazily.
QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXAMPLE = ROOT / "resources" / "examples" / "demo"


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` with its bytes: compare two to prove nothing else changed."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def base_project(tmp_path: Path) -> Path:
    """A private copy of the small valid fixture project (holds webapp2/)."""
    dst = tmp_path / "project"
    shutil.copytree(FIXTURES / "base", dst)
    return dst


@pytest.fixture
def example_project(tmp_path: Path) -> Path:
    """A private copy of the bundled example project."""
    dst = tmp_path / "example"
    # Not the designer's memory of it: a checkout where someone exported the example in place
    # has one (the last brandingID), and the tests start from the example as shipped.
    shutil.copytree(EXAMPLE, dst, ignore=shutil.ignore_patterns(".plugin-designer"))
    return dst


@pytest.fixture(autouse=True, scope="session")
def _app_names() -> None:
    """The names the real app sets, so QSettings in tests behaves as in the app."""
    from PySide6.QtCore import QCoreApplication

    QCoreApplication.setOrganizationName("PluginDesignerTests")
    QCoreApplication.setApplicationName("Plugin Designer")


# Folder levels below the session's temporary folder that are kept for a look after the run.
_DEEPEST = 200


@pytest.fixture(autouse=True, scope="session")
def _no_folders_too_deep_for_pytest_to_remove(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """After the session, folders more than ``_DEEPEST`` levels below its temporary folder go.

    Why: tests of hostile input make folders a thousand levels deep, and one that fails (or is run
    without its fix, to see it fail) leaves them. pytest removes old sessions' folders at the end
    of a later session, with shutil.rmtree, which before Python 3.12 calls itself once per level:
    that later session, anyone's on this machine, whatever it tested, ended in a RecursionError
    after all its tests passed, once (the folder is then renamed and left alone), so it looked
    like a flaky test. Removed here with the product's own :func:`remove_tree`, level by level.
    """
    from designer.core.files import remove_tree

    base = tmp_path_factory.getbasetemp()
    yield
    todo = [(str(base), 0)]
    while todo:
        folder, depth = todo.pop()
        try:
            with os.scandir(folder) as it:
                inner = [entry.path for entry in it if entry.is_dir(follow_symlinks=False)]
        except OSError:  # unreadable (a test of one): pytest's clean-up passes it over too
            continue
        for path in inner:
            if depth + 1 < _DEEPEST:
                todo.append((path, depth + 1))
            else:
                try:
                    remove_tree(path)
                except OSError:
                    pass


def shown(qtbot, widget, width: int, height: int):
    """``widget`` at ``width`` x ``height``, on screen and painted, closed by pytest-qt at teardown."""
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def window(qtbot, monkeypatch):
    """A shown MainWindow with no package yet, as a user first sees it."""
    from PySide6.QtWidgets import QMessageBox

    from designer.gui.main_window import MainWindow

    # Closing at teardown with unsaved edits would ask; a test that cares answers itself.
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    return shown(qtbot, MainWindow(), 1200, 800)


def current_line_shown(editor) -> bool:
    """Whether the source editor shows the current line's background (light or dark) near the right end
    of the cursor's row, in a rendering of the editor as it is now."""
    image = editor.viewport().grab().toImage()
    return image.pixelColor(image.width() - 8, editor.cursorRect().center().y()).name() in ("#eef3fb", "#2a2d33")


def open_in_editor(window, project: Path, rel: str):
    """Open ``project`` and select the file ``rel`` in the tree, as a user would; return the editor.

    A project with a big source is checked on a worker after it opens: that check is waited for,
    so a test's own edits and workers come after it (a test that slowed the parse down saw the
    opening's worker, not its own, and failed when that one had finished first)."""
    import time

    window.open_path(project)
    deadline = time.monotonic() + 60
    while (window.source_analysis is not None or window._unchecked) and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.002)
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("file", rel)))
    return window.source_editor


def renamed_elsewhere(project: Path, also=None):
    """Another window (or program) renames the example's lock-toggle plugin of ``project`` to
    "Renamed elsewhere" and saves, with its other edits ``also(package)`` if given; the plugin as
    it saved it."""
    from designer.core.model import load, save

    other = load(project)
    lock = next(p for p in other.plugins if p.entry.id == "lock-toggle")
    lock.package.name = "Renamed elsewhere"
    if also is not None:
        also(other)
    save(other)
    return lock


@pytest.fixture
def warnings(monkeypatch) -> list[tuple[str, str]]:
    """The warnings the window shows, as (title, text), answered OK."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[tuple[str, str]] = []

    def warning(parent, title, text, *a, **k):
        shown.append((str(title), str(text)))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warning)
    return shown


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Any connection attempt fails the test (and is recorded): checking and importing SVGs stays offline."""
    calls: list[object] = []

    def refuse(self: socket.socket, address: object) -> None:
        calls.append(address)
        raise AssertionError(f"network access attempted: {address!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: refuse(None, a))  # type: ignore[arg-type]
    return calls
