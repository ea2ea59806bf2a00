"""A hostile tester's files in the window: links out of the project, and other things a folder
can hold that a designer must neither follow nor lose."""

from __future__ import annotations

from pathlib import Path

import pytest

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
    assert f"{rel} is a symbolic link" in shown.toPlainText()
    assert window.source_pane is None or "NOT-IN-THE-PROJECT" not in window.source_editor.toPlainText()
    assert outside.read_text() == '{"secret": "NOT-IN-THE-PROJECT"}\n'


@pytest.mark.parametrize("mine", [True, False])
def test_a_named_pipe_in_the_recovery_folder_does_not_hang_the_window(
    window: MainWindow, qtbot, base_project: Path, mine: bool
) -> None:
    """A named pipe in the recovery folder, named as this project's copy or as another project's
    (looked through for a moved project), was opened to be read and waited for a writer forever:
    the window hung opening the project, and so did every later start. It is now passed over.

    The pipe's writer end is a thread here, so that the test cannot hang: it records whether the
    window opened the pipe at all (a reader opening it is what lets the writer's open return)."""
    import os
    import threading

    from designer.core.recovery import _file_for, recovery_dir

    folder = recovery_dir()
    folder.mkdir(parents=True, exist_ok=True)
    pipe = _file_for(base_project / "webapp2") if mine else folder / "0123456789abcdef0123.json"
    os.mkfifo(pipe)
    done = threading.Event()
    read_by_window: list[bool] = []

    def writer() -> None:
        while not done.is_set():
            with open(pipe, "wb"):  # returns once a reader opened the pipe (and then ends its read)
                read_by_window.append(not done.is_set())

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    try:
        assert window.open_path(base_project)
        window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("file", "settings.json")))
        assert window.windowTitle().startswith("project")
    finally:
        done.set()
        while thread.is_alive():
            os.close(os.open(pipe, os.O_RDONLY | os.O_NONBLOCK))  # lets the writer's open return
            thread.join(0.1)
        pipe.unlink()
    assert True not in read_by_window
