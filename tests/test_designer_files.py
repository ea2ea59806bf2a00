"""The designer's own files (state.json, recovery copies): damaged ones are ignored, never a crash,
and a recovery copy that cannot be removed is said, not raised."""

from __future__ import annotations

from pathlib import Path

from conftest import snapshot

from designer.core.model import load
from designer.core.recovery import _file_for, read_recovery
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
    no package shown); now the project opens, with nothing offered."""
    target = _file_for(example_project / "webapp2")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text('{"format":1,"saved_at":1,"writes":' + DEEP + "}")
    assert read_recovery(example_project / "webapp2") is None
    before = snapshot(example_project)
    assert window.open_path(example_project)
    assert window.package is not None and not window.isWindowModified()
    assert snapshot(example_project) == before


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
