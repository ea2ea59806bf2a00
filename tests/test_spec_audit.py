"""Cases from a spec audit (SPEC.md against what the checker says and what its fixes do).

Each test builds the broken package the audit found from tests/fixtures/base and asserts what
the SPEC asks for: the problem at the right place, and a fix that repairs what is wrong and
touches nothing else.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from broken_cases import PKG, SETTINGS, _second_plugin, replace
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
    assert dup.message.endswith("the app keeps only one of them. Give one of them an id of its own (Id, in its form).")
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
    assert "srcURL" not in wrong.message  # (the file's key, jargon to the reader)
    assert (
        "The plugin list names each plugin's package file (its name ends in .plugin.package.json), and that file "
        "names the plugin's JavaScript. Point it to plugins/rec/rec.plugin.package.json." in wrong.message
    )
    assert {p.fix.kind for p in found if p.fix} == {"set-settings-src"}
    assert fix_everything(base_project) == [
        "Load 'rec-1.0' from the package file 'plugins/rec/rec.plugin.package.json' (srcURL in settings.json)"
    ]
    after = snapshot(root)
    assert after == {**before, SETTINGS: before[SETTINGS].replace(b"rec/rec.plugin.js", b"rec/rec.plugin.package.json")}
    assert codes(base_project) == []


# -- 3. registered names that are no function when registerPlugin runs -----------------------

JS = "plugins/rec/rec.plugin.js"


def _plugin_js(body: str) -> str:
    return "(function () {\n" + body + "})();\n"


REGISTER = "    PEX.pluginAPI.registerPlugin({ id: 'rec-1.0', load: load, unload: unload, record: record });\n"
FUNCTIONS = "    function load() {}\n    function unload() {}\n    function record() {}\n"

# name -> (source, code, the registered key whose value is reported)
NOT_A_FUNCTION = {
    "const-after": (
        _plugin_js(REGISTER + "    const load = () => {};\n    function unload() {}\n    function record() {}\n"),
        "PD520",
        "load",
    ),
    "var-after": (
        _plugin_js(
            "    function load() {}\n    function unload() {}\n" + REGISTER + "    var record = function () {};\n"
        ),
        "PD506",
        "record",
    ),
    "other-scope": (
        _plugin_js(
            "    function load() {}\n    function unload() {}\n    function helper() { function record() {} }\n"
            + REGISTER
        ),
        "PD506",
        "record",
    ),
    "undefined-name": (_plugin_js(FUNCTIONS + REGISTER.replace("load: load", "load: laod")), "PD520", "load"),
    "string": (_plugin_js(FUNCTIONS + REGISTER.replace("load: load", "load: 'load'")), "PD520", "load"),
    "unload-string": (
        _plugin_js(FUNCTIONS + REGISTER.replace("unload: unload", "unload: 'unload'")),
        "PD520",
        "unload",
    ),
    # The function declaration is made first (hoisted); the var line runs after it and replaces it.
    "function-replaced-by-var": (
        _plugin_js(
            "    function load() {}\n    function unload() {}\n    var record = false;\n    function record() {}\n"
            + REGISTER
        ),
        "PD506",
        "record",
    ),
    "function-replaced-by-assignment": (
        _plugin_js(FUNCTIONS + "    load = null;\n" + REGISTER),
        "PD520",
        "load",
    ),
    "let-after-in-block": (
        _plugin_js(
            "    function load() {}\n    function record() {}\n    if (true) {\n"
            + REGISTER
            + "    }\n    let unload = function () {};\n"
        ),
        "PD520",
        "unload",
    ),
}


def _value_at(text: str, key: str) -> tuple[int, int]:
    """Line and column of the value registered under ``key``."""
    line = next(i for i, t in enumerate(text.splitlines(), 1) if "registerPlugin" in t)
    row = text.splitlines()[line - 1]
    return line, row.index(f" {key}: ") + len(key) + 4


# Sources that work: nothing may be said about their registered functions. (An action that is
# no function declared in the file, such as one destructured or imported, was PD506 before.)
FINE = {
    "declarations-after-are-hoisted": _plugin_js(REGISTER + FUNCTIONS),
    "var-assigned-before": _plugin_js(
        "    var load = function () {};\n    const unload = () => {};\n    let record;\n    record = function () {};\n"
        + REGISTER
    ),
    "outer-function-may-run-later": _plugin_js(
        "    function init() {\n    "
        + REGISTER
        + "    }\n    const load = () => {}, unload = () => {}, record = () => {};\n"
        "    document.addEventListener('x', init);\n"
    ),
    "parameters": "(function (load, unload) {\n    function record() {}\n" + REGISTER + "})(a, b);\n",
    "destructured": _plugin_js("    const { load, unload } = window.myPlugin;\n    function record() {}\n" + REGISTER),
    "global-from-window": _plugin_js(
        "    function helper() { window.load = () => {}; }\n    function unload() {}\n    function record() {}\n"
        + REGISTER
    ),
    "import": "import { load, unload } from './lib.js';\nfunction record() {}\n" + REGISTER,
    # Menu actions that may well be functions when clicked (PD506 said "not a function" to all four)
    "action-global-from-window": _plugin_js(
        "    function load() {}\n    function unload() {}\n    window.record = function () {};\n" + REGISTER
    ),
    "action-member": _plugin_js(
        "    function load() {}\n    function unload() {}\n    var impl = {record: function () {}};\n"
        + REGISTER.replace("record: record", "record: impl.record")
    ),
    "action-bound": _plugin_js(
        "    function load() {}\n    function unload() {}\n    var impl = {record: function () {}};\n"
        + REGISTER.replace("record: record", "record: impl.record.bind(impl)")
    ),
    "action-conditional": _plugin_js(
        "    function load() {}\n    function unload() {}\n    var debug = false;\n"
        "    var rec = debug ? function () {} : function () {};\n" + REGISTER.replace("record: record", "record: rec")
    ),
    # A function declaration and a var of the same name, where nothing proves the var's value wins.
    "function-and-var-without-value": _plugin_js(FUNCTIONS + "    var record;\n" + REGISTER),
    "function-replaced-only-if": _plugin_js(FUNCTIONS + "    if (window.x) { record = false; }\n" + REGISTER),
    "function-replaced-then-given-back": _plugin_js(
        FUNCTIONS + "    var record = false;\n    record = function () {};\n" + REGISTER
    ),
    "function-replaced-after-registering": _plugin_js(FUNCTIONS + REGISTER + "    record = false;\n"),
    "function-given-back-by-inner-function": _plugin_js(
        FUNCTIONS + "    record = false;\n    function init() { record = function () {}; }\n    init();\n" + REGISTER
    ),
    "function-replaced-in-another-function": _plugin_js(
        FUNCTIONS + "    function other() { var record = false; }\n" + REGISTER
    ),
    "global-from-window-spaced": _plugin_js(
        "    function helper() { window. load = () => {}; this [ 'unload' ] = 1; }\n    function record() {}\n"
        + REGISTER
    ),
    # Code that can make any global: eval, with, or properties put on the global object in bulk.
    "global-from-eval": _plugin_js(
        "    eval('var load, unload, record; load = unload = record = Date;');\n" + REGISTER
    ),
    "global-from-with": _plugin_js("    with (window.myPlugin) { setup(); }\n" + REGISTER),
    "global-from-assign": _plugin_js(
        "    Object.assign(window, { load: function () {}, unload: function () {}, record: function () {} });\n"
        + REGISTER
    ),
}


def _only_js(project: Path, text: str) -> list[Problem]:
    (project / "webapp2" / JS).write_text(text, encoding="utf-8")
    return [p for p in codes(project) if p.file == JS and p.code in ("PD506", "PD508", "PD520")]


def test_registered_value_that_is_no_function_yet_is_reported_at_the_value(base_project: Path) -> None:
    """These passed check --strict, while the app (and the preview) show the Oops page."""
    for name, (text, code, key) in NOT_A_FUNCTION.items():
        found = _only_js(base_project, text)
        assert [(p.code, p.line, p.column) for p in found] == [(code, *_value_at(text, key))], (name, found)
        assert found[0].severity.value == "error"


def test_registered_functions_that_exist_when_registered_are_not_reported(base_project: Path) -> None:
    for name, text in FINE.items():
        assert _only_js(base_project, text) == [], name


def test_not_a_function_message_says_why(base_project: Path) -> None:
    (found,) = _only_js(base_project, NOT_A_FUNCTION["const-after"][0])
    assert "'load'" in found.message and "const" in found.message and "line 3" in found.message
    (found,) = _only_js(base_project, NOT_A_FUNCTION["undefined-name"][0])
    assert "'laod'" in found.message and "not defined anywhere" in found.message
    (found,) = _only_js(base_project, NOT_A_FUNCTION["string"][0])
    assert "a string, not a function" in found.message
    (found,) = _only_js(base_project, NOT_A_FUNCTION["function-replaced-by-var"][0])
    assert "line 4 sets 'record'" in found.message and "a boolean" in found.message
    assert "replaces the function record" in found.message


def test_not_a_function_message_names_a_function_of_the_same_name_once(base_project: Path) -> None:
    """'load: load' with no function load: the message read "'load' in the registerPlugin call of
    'X' is 'load', which is not defined anywhere"; now the name comes once, as what is registered."""
    text = _plugin_js("    function unload() {}\n    function record() {}\n" + REGISTER)
    (found,) = _only_js(base_project, text)
    assert found.code == "PD520"
    assert found.message.startswith(
        "The registerPlugin call of 'Record' registers 'load', which is not defined anywhere in this file. "
        "The app calls load when the plugin starts"
    )


def test_a_registered_action_that_is_no_function_says_when_the_app_shows_its_oops_page(base_project: Path) -> None:
    """PD506 said "clicking the item would fail" of every value. A name that cannot be read where
    registerPlugin runs (not defined, or only in another function) throws as the plugin loads, before
    any click (the preview shows so); a value read as no function (a var given its function later,
    a function replaced by a value) throws when the item is clicked: PD505's words."""
    click = "; clicking the item throws an error and brings up the app's 'Oops' page."
    load = "; the plugin throws an error as the app loads it, before any click, and brings up the app's 'Oops' page."
    for name, ending in (
        ("var-after", click),
        ("function-replaced-by-var", click),
        ("other-scope", load),
    ):
        (found,) = _only_js(base_project, NOT_A_FUNCTION[name][0])
        assert found.code == "PD506" and found.message.endswith(ending), (name, found.message)


def test_a_menu_item_without_an_action_says_the_click_shows_the_oops_page(base_project: Path) -> None:
    """PD306 said clicking an item with no action "does nothing": the app calls what the registered
    object has under the action, nothing here, which throws (the preview shows the Oops page), as PD505 says."""
    root = base_project / "webapp2"
    replace(root, PKG, '"label": "Record",\n                "action": "record"\n', '"label": "Record"\n')
    (found,) = [p for p in codes(base_project) if p.code == "PD306"]
    assert found.message == (
        "Menu item 1 of 'Record' has no action, so clicking it throws an error and brings up the app's 'Oops' page. "
        "Give it one in the plugin's form: the item's Action, or 'Make it do' beside it."
    )


def test_a_menu_action_registered_under_its_own_name_is_named_once(base_project: Path) -> None:
    """'record: record' with no function record (PD506) read "The menu action 'record' of 'Record'
    is registered as 'record', which is not defined anywhere"; the wording is PD520's now. A
    value of another name still says both."""
    text = _plugin_js("    function load() {}\n    function unload() {}\n" + REGISTER)
    (found,) = _only_js(base_project, text)
    assert found.code == "PD506"
    assert found.message == (
        "The registerPlugin call of 'Record' registers the menu action 'record', which is not defined anywhere "
        "in this file; the plugin throws an error as the app loads it, before any click, and brings up the app's "
        "'Oops' page."
    )
    (found,) = _only_js(base_project, _plugin_js(FUNCTIONS + REGISTER.replace("record: record", "record: recrod")))
    assert found.message.startswith(
        "The menu action 'record' in the registerPlugin call of 'Record' is 'recrod', which is not defined anywhere"
    )


# -- 5. a menu item with null icon and label, and no state$ to set them -----------------------


def _menu(project: Path, section: str, icon: str, label: str) -> None:
    root = project / "webapp2"
    replace(root, PKG, '"toolbar"', f'"{section}"')
    replace(root, PKG, '"icon": "rec.svg#rec"', f'"icon": {icon}')
    replace(root, PKG, '"label": "Record"', f'"label": {label}')


def test_pd309_conference_and_participant_items_that_show_empty(base_project: Path, tmp_path: Path) -> None:
    """PD309 covered only toolbar buttons; a menu item with null icon and label is just as empty
    when no state$ fills them in (SPEC 2: null means set at run time through state$)."""
    for section in ("conference", "participants"):
        project = tmp_path / section
        shutil.copytree(base_project, project)
        _menu(project, section, "null", "null")
        (found,) = [p for p in codes(project) if p.code == "PD309"]
        assert (found.file, found.line, found.severity.value) == (PKG, 14, "warning"), found  # the "label": null
        assert "neither icon nor label" in found.message and "state$" in found.message


def test_pd309_not_for_a_labelled_item_or_with_state(base_project: Path, tmp_path: Path) -> None:
    labelled = tmp_path / "labelled"
    shutil.copytree(base_project, labelled)
    _menu(labelled, "conference", "null", '"Record"')
    assert not [p for p in codes(labelled) if p.code == "PD309"]
    with_state = tmp_path / "state"
    shutil.copytree(base_project, with_state)
    _menu(with_state, "participants", "null", "null")
    js = with_state / "webapp2" / JS
    text = js.read_text().replace(
        "(function () {\n", "(function () {\n    var st = PEX.pluginAPI.createNewState({});\n"
    )
    js.write_text(text.replace("record: record\n", "record: record,\n        state$: st\n"))
    assert not [p for p in codes(with_state) if p.code in ("PD309", "PD509", "PD510")]


# -- 7. unsafe SVG content in a start tag over several lines ---------------------------------

SVG = "plugins/rec/rec.svg"


def test_svg_findings_are_at_the_attribute_or_tag_not_where_the_tag_ends(base_project: Path) -> None:
    """lxml numbers an element by the line its start tag ends on: PD413 was reported on the line
    of '/>', column 1. The attribute (or, for an element, its '<') is where the user must look."""
    text = (
        '<svg xmlns="http://www.w3.org/2000/svg"\n'
        '     xmlns:xlink="http://www.w3.org/1999/xlink" id="rec" viewBox="0 0 24 24">\n'
        "  <!-- <path onclick='not this one'/> -->\n"
        '  <path d="M0 0h4v4z"\n'
        '        onclick="alert(1)"\n'
        '        fill="red"/>\n'
        '  <image x="1"\n'
        '     xlink:href="https://evil.example/x.png"/>\n'
        '  <g><script type="text/javascript"\n'
        "  >alert(1)</script></g>\n"
        "</svg>\n"
    )
    (base_project / "webapp2" / SVG).write_text(text, encoding="utf-8")
    found = {p.code: (p.line, p.column) for p in codes(base_project) if p.file == SVG}
    assert found == {"PD413": (5, 9), "PD415": (8, 6), "PD412": (9, 6)}, found


def test_a_menu_item_with_an_icon_and_no_label_that_nothing_sets_is_said_once(
    base_project: Path, tmp_path: Path
) -> None:
    """A conference item with an icon and a null label, and no state$: the menu shows it with no
    words (PD310 caught only ""). An empty label with no icon either is PD309 alone."""
    for label, expected in (("null", ["PD310"]), ('""', ["PD310"])):
        project = tmp_path / f"icon-{len(label)}"
        shutil.copytree(base_project, project)
        _menu(project, "conference", '"rec.svg#rec"', label)
        assert [p.code for p in codes(project) if p.code in ("PD309", "PD310")] == expected, label
    empty = tmp_path / "empty"
    shutil.copytree(base_project, empty)
    _menu(empty, "conference", "null", '""')
    assert [p.code for p in codes(empty) if p.code in ("PD309", "PD310")] == ["PD309"]
