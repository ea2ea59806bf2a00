"""Cases from a spec audit (SPEC.md against what the checker says and what its fixes do).

Each test builds the broken package the audit found from tests/fixtures/base and asserts what
the SPEC asks for: the problem at the right place, and a fix that repairs what is wrong and
touches nothing else.
"""

from __future__ import annotations

from pathlib import Path

from broken_cases import SETTINGS, _second_plugin, replace
from conftest import snapshot

from designer.core.checks import run_checks
from designer.core.fixes import fix_all
from designer.core.model import load, save
from designer.core.problems import Problem


def codes(project: Path) -> list[Problem]:
    return run_checks(load(project))


def fix_everything(project: Path) -> list[str]:
    pkg = load(project)
    done = fix_all(pkg, run_checks)
    save(pkg)
    return done


# -- 1. a copied settings entry keeps the other plugin's id ----------------------------------


def test_pd202_copied_settings_id_is_set_back_to_its_own_package_id(base_project: Path) -> None:
    """The second entry's id was copied from the first; its package file says 'rec-2.0'. The fix
    must correct that one settings id, not rename the plugin to a made-up id in three files."""
    root = base_project / "webapp2"
    _second_plugin(root)
    replace(root, SETTINGS, '"id": "rec-2.0"', '"id": "rec-1.0"')
    before = snapshot(root)
    (dup,) = [p for p in codes(base_project) if p.code == "PD202"]
    assert dup.fix is not None and dup.fix.kind == "set-settings-id"
    assert dup.fix.args == {"index": 1, "value": "rec-2.0"}
    fix_everything(base_project)
    after = snapshot(root)
    assert [k for k in before if before[k] != after[k]] == [SETTINGS]
    assert after[SETTINGS] == before[SETTINGS].replace(
        b'"id": "rec-1.0", "srcURL": "plugins/rec2', b'"id": "rec-2.0", "srcURL": "plugins/rec2'
    )
    assert codes(base_project) == []


def test_pd202_copied_id_in_the_first_entry_is_the_one_corrected(base_project: Path) -> None:
    """The first entry carries the second plugin's id: the first entry is the slip."""
    root = base_project / "webapp2"
    _second_plugin(root)
    replace(root, SETTINGS, '"id": "rec-1.0"', '"id": "rec-2.0"')
    (dup,) = [p for p in codes(base_project) if p.code == "PD202"]
    assert dup.fix is not None and dup.fix.kind == "set-settings-id"
    assert dup.fix.args == {"index": 0, "value": "rec-1.0"}
    fix_everything(base_project)
    assert codes(base_project) == []
    assert snapshot(root)["plugins/rec2/rec.plugin.js"].count(b"'rec-2.0'") == 1


# -- 2. settings.json's srcURL names the .js -----------------------------------------------


def test_srcurl_naming_the_source_is_reported_on_settings_and_fixed_in_one_line(base_project: Path) -> None:
    """Parsing the .js as JSON reported 'not valid JSON' on the source, and --fix listed the
    package a second time and renamed ids in three files. The error belongs on settings.json's
    srcURL, and the one fix points it at the package file next to the source."""
    root = base_project / "webapp2"
    replace(root, SETTINGS, "rec/rec.plugin.package.json", "rec/rec.plugin.js")
    before = snapshot(root)
    found = codes(base_project)
    assert not [p for p in found if p.code == "PD100"], found
    (wrong,) = [p for p in found if p.code == "PD208"]
    assert (wrong.file, wrong.line, wrong.column) == (SETTINGS, 5, 23)
    assert "plugin.package.json" in wrong.message and wrong.severity.value == "error"
    assert {p.fix.kind for p in found if p.fix} == {"set-settings-src"}
    assert fix_everything(base_project) == ["Point settings.json to 'plugins/rec/rec.plugin.package.json'"]
    after = snapshot(root)
    assert after == {**before, SETTINGS: before[SETTINGS].replace(b"rec/rec.plugin.js", b"rec/rec.plugin.package.json")}
    assert codes(base_project) == []
