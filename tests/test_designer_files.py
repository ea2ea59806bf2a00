"""The designer's own files (state.json, recovery copies): damaged ones are ignored, never a crash,
and a recovery copy that cannot be removed is said, not raised."""

from __future__ import annotations

from pathlib import Path

from conftest import snapshot

from designer.core.model import load
from designer.core.recovery import DamagedRecovery, _file_for, read_recovery
from designer.core.state import load_state, state_dir

DEEP = "[" * 100_000 + "]" * 100_000  # json.loads gives up with RecursionError, not ValueError


def test_a_deeply_nested_state_file_reads_as_no_state(example_project: Path) -> None:
    """A state.json nested too deeply raised RecursionError out of check, export and opening
    (the readers caught OSError and ValueError only); it is unreadable, like bad JSON."""
    state_dir(example_project).mkdir()
    (state_dir(example_project) / "state.json").write_text('{"a":' + DEEP + "}")
    assert load_state(example_project) == {}
    from designer.core.checks import run_checks

    run_checks(load(example_project))  # PD213 reads the last export from it


def test_a_deeply_nested_recovery_file_is_ignored(window, example_project: Path) -> None:
    """The same for a recovery copy: opening the project raised RecursionError (a traceback and
    no package shown); now the project opens, with nothing offered, and says the copy is damaged."""
    target = _file_for(example_project / "webapp2")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text('{"format":1,"saved_at":1,"writes":' + DEEP + "}")
    found = read_recovery(example_project / "webapp2")
    assert isinstance(found, DamagedRecovery) and found.reason.startswith("it is not a recovery copy")
    target.write_text('{"format":1,"saved_at":1,"writes":' + DEEP + "}")
    before = snapshot(example_project)
    assert window.open_path(example_project)
    assert window.package is not None and not window.isWindowModified()
    assert snapshot(example_project) == before
    assert "could not be read" in window.notes.texts()[0]


def test_a_deeply_nested_unlisted_package_file_does_not_stop_the_checks(example_project: Path) -> None:
    """A listed plugin whose package file is missing is matched against the unlisted ones by id;
    one of those nested too deeply raised RecursionError out of the checks."""
    import json

    from designer.core.checks import run_checks

    settings = example_project / "webapp2/settings.json"
    data = json.loads(settings.read_text())
    data["plugins"][0]["srcURL"] = "plugins/gone/gone.plugin.package.json"
    settings.write_text(json.dumps(data))
    (example_project / "webapp2/plugins/lock-toggle/deep.plugin.package.json").write_text(DEEP)
    assert run_checks(load(example_project))


def test_importing_a_zip_whose_manifest_is_nested_too_deeply(tmp_path: Path) -> None:
    """The import reads the brandingID from the manifest for its record: RecursionError escaped
    and the import failed with a traceback; the ZIP now imports (the checks then report the file)."""
    import zipfile

    from designer.core.archive import import_zip

    source = tmp_path / "deep.zip"
    with zipfile.ZipFile(source, "w") as zf:
        zf.writestr("webapp2/settings.json", "{}")
        zf.writestr("webapp2/manifest.json", DEEP)
    result = import_zip(source, tmp_path / "out")
    assert (result.target / "webapp2/manifest.json").read_text() == DEEP


def _recovery_undeletable(monkeypatch) -> None:
    """Removing a file of the recovery folder fails, as in a read-only data folder (the rest of
    the file system behaves)."""
    import os

    from designer.core.recovery import recovery_dir

    real = os.unlink
    folder = recovery_dir().resolve()

    def unlink(path, *a, **k):
        if Path(path).resolve().parent == folder:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, *a, **k)

    monkeypatch.setattr(os, "unlink", unlink)


def _edited_and_kept_aside(window, project: Path) -> None:
    window.open_path(project)
    window.editor.set_field(0, "package", "name", "Kept aside", "rename")
    window.autosave()
    assert read_recovery(project / "webapp2") is not None


def test_a_save_whose_recovery_copy_cannot_be_removed_still_succeeds(window, example_project: Path, monkeypatch):
    """The file was written, then removing the recovery copy raised PermissionError out of Save
    (a traceback; the checks and the status bar not updated). Now the save counts and the status
    bar says the copy stayed."""
    _edited_and_kept_aside(window, example_project)
    _recovery_undeletable(monkeypatch)
    assert window.save() is True
    assert (
        b"Kept aside" in (example_project / "webapp2/plugins/lock-toggle/lock-toggle.plugin.package.json").read_bytes()
    )
    assert "recovery copy" in window.status.text() and "Permission denied" in window.status.text()
    assert not window.isWindowModified()


def test_closing_with_discard_when_the_recovery_copy_cannot_be_removed(window, example_project: Path, monkeypatch):
    """Close ▸ Discard raised PermissionError out of closeEvent (the window stayed open)."""
    _edited_and_kept_aside(window, example_project)
    _recovery_undeletable(monkeypatch)
    assert window.close()  # the fixture answers Discard
    assert not window.isVisible()


def test_discarding_the_restore_offer_when_the_recovery_copy_cannot_be_removed(
    window, example_project: Path, monkeypatch
):
    """No ▸ Discard on the restore offer raised PermissionError out of opening the project."""
    from PySide6.QtWidgets import QMessageBox

    pkg = load(example_project)
    pkg.plugins[0].package.name = "Unwanted"
    from designer.core.recovery import write_recovery

    write_recovery(pkg)
    _recovery_undeletable(monkeypatch)
    replies = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Discard])
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: next(replies))
    assert window.open_path(example_project)
    assert window.package.plugins[0].display_name == "Lock toggle"
    assert "could not be removed" in window.status.text()


def test_undoing_back_to_the_saved_state_removes_the_recovery_copy(window, example_project: Path, monkeypatch):
    """Edit, the 30 s copy, undo back to the saved state, quit normally: the copy stayed, and the
    next start offered the undone edit as unsaved work. Now it goes when the model is back at the
    saved state, and nothing is asked on the next open."""
    from PySide6.QtWidgets import QMessageBox

    _edited_and_kept_aside(window, example_project)
    window.editor.undo_stack.undo()
    assert not window.isWindowModified()
    assert read_recovery(example_project / "webapp2") is None
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[1]) or QMessageBox.StandardButton.Yes)
    window.open_path(example_project)
    assert asked == [] and window.package.plugins[0].display_name == "Lock toggle"
