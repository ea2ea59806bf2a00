"""A hostile tester's files in the window: links out of the project, and other things a folder
can hold that a designer must neither follow nor lose."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from designer.gui.main_window import MainWindow


@pytest.mark.parametrize("rel", ["settings.json", "manifest.json"])
def test_a_linked_settings_or_manifest_is_not_shown_from_outside_the_project(
    window: MainWindow, qtbot, base_project: Path, tmp_path: Path, rel: str
) -> None:
    """settings.json and manifest.json are always in the tree; a symbolic link standing there was
    followed when selected, showing (editable) a file from anywhere on the computer (/etc/passwd),
    while Problems said the designer does not follow it, and Save refused only after the typing."""
    outside = tmp_path / "outside.json"
    outside.write_text('{"secret": "NOT-IN-THE-PROJECT"}\n')
    (base_project / "webapp2" / rel).unlink()
    (base_project / "webapp2" / rel).symlink_to(outside)
    window.open_path(base_project)
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("file", rel)))
    shown = window.stack.currentWidget()
    assert shown is window.details
    assert "NOT-IN-THE-PROJECT" not in shown.toPlainText()
    assert f"{base_project / 'webapp2' / rel} is a symbolic link" in shown.toPlainText()
    assert window.source_pane is None or "NOT-IN-THE-PROJECT" not in window.source_editor.toPlainText()
    assert outside.read_text() == '{"secret": "NOT-IN-THE-PROJECT"}\n'


@contextmanager
def writer_of(pipe: Path) -> Iterator[list[bool]]:
    """The writer end of the named pipe ``pipe``, in a thread, so that a test of a designer that
    would wait for one forever cannot hang: each time a reader opens the pipe, the writer's open
    returns, it notes the open in the list yielded and closes (the reader then reads nothing)."""
    done = threading.Event()
    opened: list[bool] = []

    def writer() -> None:
        while not done.is_set():
            with open(pipe, "wb"):
                if not done.is_set():
                    opened.append(True)

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    try:
        yield opened
    finally:
        done.set()
        while thread.is_alive():
            os.close(os.open(pipe, os.O_RDONLY | os.O_NONBLOCK))  # lets the writer's open return
            thread.join(0.1)


@pytest.mark.parametrize("mine", [True, False])
def test_a_named_pipe_in_the_recovery_folder_does_not_hang_the_window(
    window: MainWindow, qtbot, base_project: Path, mine: bool
) -> None:
    """A named pipe in the recovery folder, named as this project's copy or as another project's
    (looked through for a moved project), was opened to be read and waited for a writer forever:
    the window hung opening the project, and so did every later start. It is now passed over (this
    project's own: moved aside unread, and said)."""
    from designer.core.recovery import _file_for, recovery_dir

    folder = recovery_dir()
    folder.mkdir(parents=True, exist_ok=True)
    pipe = _file_for(base_project / "webapp2") if mine else folder / "0123456789abcdef0123.json"
    os.mkfifo(pipe)
    try:
        with writer_of(pipe) as opened:
            assert window.open_path(base_project)
            window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("file", "settings.json")))
            if mine:
                (aside,) = folder.glob(f"{pipe.stem}.*.damaged")
                assert "could not be read: it is not a file" in window.notes.texts()[0]
                os.rename(aside, pipe)  # (back, for the writer to be let go)
        assert window.windowTitle().startswith("project")
        assert opened == []
    finally:
        pipe.unlink()


@pytest.mark.parametrize("rel", ["settings.json", "manifest.json"])
def test_a_named_pipe_as_settings_or_manifest_is_said_not_read(
    window: MainWindow, qtbot, base_project: Path, rel: str
) -> None:
    """A named pipe standing as settings.json or manifest.json (always in the tree): selecting it
    opened it to be read, which waits for a writer, and the window hung for good."""
    pipe = base_project / "webapp2" / rel
    pipe.unlink()
    os.mkfifo(pipe)
    window.open_path(base_project)
    with writer_of(pipe):
        window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("file", rel)))
    assert window.stack.currentWidget() is window.details
    assert window.details.toPlainText() == (
        f"Cannot show this file: {pipe} is a named pipe (FIFO), not a file, so the designer does not read it "
        "(and the export leaves it out). Put the file itself there."
    )


@pytest.mark.parametrize("command", ["check", "export"])
def test_a_named_pipe_as_the_designers_record_does_not_hang_check_or_export(
    command: str, base_project: Path, tmp_path: Path, capsys
) -> None:
    """A named pipe standing as .plugin-designer/state.json (the record of the exports) was read
    by check, export and the window opening the project, each waiting for a writer forever. Check
    now goes on without the record; export, which must know the last brandingID, says what stands
    there and writes nothing."""
    from designer.cli import main

    pipe = base_project / ".plugin-designer" / "state.json"
    pipe.parent.mkdir()
    os.mkfifo(pipe)
    out = tmp_path / "out.zip"
    with writer_of(pipe) as opened:
        code = main([command, str(base_project), *(["-o", str(out)] if command == "export" else [])])
    assert opened == []
    if command == "check":
        assert code == 0
    else:
        assert code == 2 and not out.exists()
        assert capsys.readouterr().err.startswith(f"plugin-designer: {pipe} is a named pipe (FIFO), not a file.")
    assert pipe.is_fifo()


def test_the_start_of_a_line_is_found_without_reading_the_text_before_it() -> None:
    """Finding where a value's line starts looked for a CR from the very start of the text, once
    for every value of the document: in a file without CRs that read the whole text back each
    time, and the first save or autosave after an edit of a 50 MB settings.json (50,000 values)
    froze the window for over a minute. The search now stops at the line's LF."""
    from designer.core.jsonfile import _start_of_line

    looked: list[tuple[str, int]] = []

    class Text(str):
        def rfind(self, sub: str, start: int = 0, end: int | None = None) -> int:  # type: ignore[override]
            looked.append((sub, start))
            return super().rfind(sub, start, end)

    body = '{\n  "a": "x",\r\n  "b": "y",\r  "c": "z"\n}\n'
    text = Text(body)
    for key, start in (('"a"', 2), ('"b"', 15), ('"c"', 27)):
        looked.clear()
        pos = body.index(key)
        assert _start_of_line(text, pos) == start
        # The CR is looked for from the last LF on, not from the start of the text.
        assert [begin for sub, begin in looked if sub == "\r"] == [body.rfind("\n", 0, pos) + 1]
    assert _start_of_line(Text("no line break"), 5) == 0


def test_removing_a_plugin_whose_folder_became_a_link_takes_nothing_from_elsewhere(
    window: MainWindow, qtbot, base_project: Path, tmp_path: Path, warnings
) -> None:
    """A plugin removed in the window, whose folder another program then replaced by a link (to
    another project's plugin, a shared folder): Save moved the files the link points to, outside
    the project, into this project's trash. Now Save refuses, naming the link, and moves nothing."""
    import shutil

    from conftest import snapshot

    window.open_path(base_project)
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("plugin", 0)))
    window.plugin_actions["remove"].trigger()
    folder = base_project / "webapp2/plugins/rec"
    elsewhere = tmp_path / "shared-rec"
    shutil.move(folder, elsewhere)
    folder.symlink_to(elsewhere)
    kept, before = snapshot(elsewhere), snapshot(base_project)
    window.tree.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert snapshot(elsewhere) == kept and kept
    assert snapshot(base_project) == before and not (base_project / ".plugin-designer").exists()
    [(title, text)] = warnings
    assert title == "Cannot save" and text.startswith(f"plugins/rec is a symbolic link (to {elsewhere}) now;")
    assert window.isWindowModified() and window.package.plugins == []


def test_a_source_saved_as_utf16_is_named_so_in_the_window(window: MainWindow, qtbot, base_project: Path) -> None:
    """A source saved by Notepad as "Unicode" (UTF-16): Problems said so, but selecting the file
    said "byte 0xff on line 1, perhaps ISO-8859-1 or UTF-16", a stray character to hunt for."""
    rel = "plugins/rec/rec.plugin.js"
    source = base_project / "webapp2" / rel
    source.write_bytes(source.read_text(encoding="utf-8").encode("utf-16"))
    window.open_path(base_project)
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("file", rel)))
    assert window.stack.currentWidget() is window.details
    assert window.details.toPlainText() == (
        f"Cannot show this file: {rel} is saved as UTF-16 (Notepad calls it 'Unicode'); save it as UTF-8, the "
        "encoding the web app expects (in Notepad: Save as, Encoding UTF-8). Its Fix under Problems, 'Save it as "
        "UTF-8', does that here."
    )


def test_unsaved_work_in_a_folder_whose_name_is_not_utf8_is_kept_aside(
    window: MainWindow, qtbot, base_project: Path, tmp_path: Path
) -> None:
    """A project folder named in Latin-1 ("café" from an old archive or another system: a byte
    that is not UTF-8). The recovery copy is found by the folder's path, which could not be
    encoded: every autosave raised an error, and a crash lost all the unsaved work."""
    from designer.core.recovery import read_recovery

    project = tmp_path / os.fsdecode(b"caf\xe9")
    base_project.rename(project)
    window.open_path(project)
    rel = "plugins/rec/rec.plugin.js"
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("file", rel)))
    editor = window.source_editor
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, "// kept")
    window.autosave()  # (what the 30-second timer does)
    kept = read_recovery(project / "webapp2")
    assert kept is not None and kept.writes[rel].endswith(b"// kept")


def test_a_folder_standing_as_settings_json_is_said_in_words(window: MainWindow, qtbot, base_project: Path) -> None:
    """Selecting settings.json where a folder of that name stands said "[Errno 21] Is a directory",
    naming no file (and, for a moment, a file descriptor's number)."""
    (base_project / "webapp2/settings.json").unlink()
    (base_project / "webapp2/settings.json").mkdir()
    window.open_path(base_project)
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("file", "settings.json")))
    assert window.details.toPlainText() == (
        f"Cannot show this file: {base_project / 'webapp2/settings.json'} is a folder, not a file, so the designer "
        "does not read it (and the export leaves it out). Put the file itself there."
    )


def _nested(folder: Path, depth: int) -> str:
    """``depth`` folders one in the other under ``folder`` (one letter each), an icon in the last;
    its path from ``folder``."""
    rel = "/".join(["a"] * depth)
    path = str(folder)
    for _ in range(depth):
        path = os.path.join(path, "a")
        os.mkdir(path)
    Path(path, "deep.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"/>\n')
    return f"{rel}/deep.svg"


def test_folders_nested_a_thousand_deep_are_checked_exported_and_opened(
    window: MainWindow, qtbot, base_project: Path, tmp_path: Path, capsys
) -> None:
    """Folders nested deeper than Python's recursion limit (a script gone wrong) in a plugin:
    check, export and the window opening the project each ended in a RecursionError traceback."""
    import zipfile

    from designer.cli import main

    deep = "plugins/rec/" + _nested(base_project / "webapp2/plugins/rec", 1100)
    try:
        assert main(["check", "--json", str(base_project)]) == 0
        assert deep in capsys.readouterr().out
        out = tmp_path / "out.zip"
        assert main(["export", str(base_project), "-o", str(out)]) == 0
        with zipfile.ZipFile(out) as zf:
            assert f"webapp2/{deep}" in zf.namelist()
        assert window.open_path(base_project)
        assert window.package.files.exists(deep)
    finally:
        _remove_nested(base_project / "webapp2" / deep)


def _remove_nested(path: Path) -> None:
    """Remove the file ``path`` made by :func:`_nested` and its folders, from the deepest up:
    pytest's own clean-up (shutil.rmtree) calls itself as deep, and fails."""
    path.unlink()
    while path.parent.name == "a":
        path = path.parent
        path.rmdir()


def test_a_zip_with_an_entry_nested_a_thousand_folders_deep_is_refused_in_words(tmp_path: Path, capsys) -> None:
    """Importing such a ZIP made its folders with os.makedirs, which calls itself for each one:
    a RecursionError traceback. Now it is refused before anything is written (no package nests
    a hundred folders deep), naming the entry."""
    import zipfile

    from conftest import FIXTURES

    from designer.cli import main

    zipped = tmp_path / "deep.zip"
    deep = "webapp2/plugins/rec/" + "a/" * 1100 + "deep.svg"
    with zipfile.ZipFile(zipped, "w") as zf:
        for path in sorted((FIXTURES / "base").rglob("*")):
            if path.is_file():
                zf.write(path, path.relative_to(FIXTURES / "base").as_posix())
        zf.writestr(deep, '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"/>\n')
    project = tmp_path / "p"
    assert main(["import", str(zipped), "-o", str(project)]) == 2
    err = capsys.readouterr().err
    assert "The entry 'webapp2/plugins/rec/a/a/" in err and "lies 1103 folders deep" in err and "Traceback" not in err
    assert not project.exists()


def test_importing_a_named_pipe_as_an_icon_says_so_instead_of_hanging(
    window: MainWindow, qtbot, base_project: Path, tmp_path: Path, monkeypatch, warnings
) -> None:
    """*Import SVG…* (or a drop) of a named pipe called icon.svg read it, waiting for a writer
    forever: the window hung."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QDialog, QFileDialog

    from designer.gui.panes.icon_sources import ImportSvgDialog

    monkeypatch.setattr(ImportSvgDialog, "exec", lambda self: QDialog.DialogCode.Rejected)  # (no modal wait)
    pipe = tmp_path / "icon.svg"
    os.mkfifo(pipe)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(pipe), "")))
    window.open_path(base_project)
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("file", "plugins/rec/rec.svg")))
    with writer_of(pipe):
        next(a for a in window.icon_pane.findChildren(QAction) if a.objectName() == "importSvgAction").trigger()
    assert warnings == [
        ("Cannot read the file", f"{pipe}: it is a named pipe (FIFO), not a file, so it cannot be imported as an icon")
    ]
    assert window.editor.undo_stack.count() == 0
