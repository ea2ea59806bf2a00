"""Checks on plugins written in the styles real authors use (issue #5).

Why: a package that passes ``check`` must work, and a plugin that works must not be nagged. Each
test stands for a style found while writing small working plugins the way different authors do
(the registered object built in a variable, merged with Object.assign or spread in, PEX taken
apart by destructuring or handed to the wrapper) and then breaking them as plugins break in the
field. The fixture is the small base project with its source replaced.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from designer.core.checks import run_checks
from designer.core.fixes import apply_fix
from designer.core.model import load, save
from designer.core.problems import Problem

JS = ("webapp2", "plugins", "rec", "rec.plugin.js")


def _problems(project: Path, source: str) -> list[Problem]:
    project.joinpath(*JS).write_text(source, encoding="utf-8")
    return run_checks(load(project))


def _codes(problems: list[Problem]) -> list[tuple[str, int]]:
    return [(p.code, p.line) for p in problems]


OBJECT_IN_A_VARIABLE = """(function () {
    var plugin = {
        id: 'rec-1.0',
        load: function (participants$, conferenceDetails$) {},
        unload: function () {}
    };
    plugin.%s = function () {
        PEX.pluginAPI.sendRequest('/lock');
    };
    PEX.pluginAPI.registerPlugin(plugin);
})();
"""


def test_an_action_given_to_the_registered_object_after_it_is_made_is_registered(base_project: Path) -> None:
    """It was PD505 "registerPlugin has no 'record'", an error that blocked the export of a
    working plugin."""
    assert _codes(_problems(base_project, OBJECT_IN_A_VARIABLE % "record")) == []


def test_a_misspelt_action_given_later_is_reported_and_its_fix_renames_it_in_place(base_project: Path) -> None:
    problems = _problems(base_project, OBJECT_IN_A_VARIABLE % "recrod")
    assert _codes(problems) == [("PD507", 7), ("PD505", 10)]
    (missing,) = [p for p in problems if p.code == "PD505"]
    assert missing.fix is not None and missing.fix.kind == "rename-registered-key"
    pkg = load(base_project)
    apply_fix(pkg, missing.fix)
    save(pkg)
    assert "    plugin.record = function () {\n" in base_project.joinpath(*JS).read_text(encoding="utf-8")
    assert _codes(run_checks(load(base_project))) == []


def test_renaming_a_misspelt_method_keeps_it_a_method(base_project: Path) -> None:
    """The fix wrote 'record: recrod() {', a syntax error that stopped the whole plugin."""
    problems = _problems(
        base_project,
        "(function () {\n    PEX.pluginAPI.registerPlugin({\n        id: 'rec-1.0',\n        load() {},\n"
        "        unload() {},\n        async recrod() {\n            await PEX.pluginAPI.sendRequest('/lock');\n"
        "        }\n    });\n})();\n",
    )
    (missing,) = [p for p in problems if p.code == "PD505"]
    pkg = load(base_project)
    apply_fix(pkg, missing.fix)
    save(pkg)
    assert "        async record() {\n" in base_project.joinpath(*JS).read_text(encoding="utf-8")
    assert _codes(run_checks(load(base_project))) == []


MERGED = """(function () {
    const handlers = {
        %s() { return PEX.pluginAPI.sendRequest('/lock'); }
    };
    const lifecycle = { load() {}, unload() {} };
    PEX.pluginAPI.registerPlugin(%s);
})();
"""


@pytest.mark.parametrize(
    "merge",
    ["Object.assign({ id: 'rec-1.0' }, lifecycle, handlers)", "{ id: 'rec-1.0', ...lifecycle, ...handlers }"],
    ids=["Object.assign", "spread"],
)
def test_an_object_merged_from_objects_the_file_spells_out_is_checked(base_project: Path, merge: str) -> None:
    """Both were PD519 "cannot check which actions are registered": a working plugin got a note,
    and one whose action is missing (it clicks into the 'Oops' page) got nothing more."""
    assert _codes(_problems(base_project, MERGED % ("record", merge))) == []
    assert _codes(_problems(base_project, MERGED % ("lock", merge))) == [("PD507", 3), ("PD505", 6)]
    assert _codes(_problems(base_project, MERGED.replace("unload() {} ", "") % ("record", merge))) == [("PD508", 6)]


def test_an_object_merged_from_something_the_file_does_not_spell_out_cannot_be_read(base_project: Path) -> None:
    source = MERGED.replace("const handlers = {", "const handlers = window.sharedHandlers || {")
    assert _codes(
        _problems(base_project, source % ("lock", "Object.assign({ id: 'rec-1.0' }, lifecycle, handlers)"))
    ) == [("PD519", 6)]


@pytest.mark.parametrize(
    ("wrapper", "api"),
    [
        ("(function () {\n    const { pluginAPI } = window.PEX;\n", "pluginAPI"),
        ("(function () {\n    const { pluginAPI: api } = PEX;\n", "api"),
        ("(function (PEXRef) {\n    const { pluginAPI } = PEXRef;\n", "pluginAPI"),
        ("(function (PEXRef) {\n    var api = PEXRef.pluginAPI;\n", "api"),
        ("(function ({ pluginAPI }) {\n    'use strict';\n", "pluginAPI"),
    ],
    ids=["destructured-PEX", "renamed", "destructured-parameter", "member-of-parameter", "parameter-pattern"],
)
def test_calls_through_pex_taken_apart_or_handed_in_are_checked(base_project: Path, wrapper: str, api: str) -> None:
    """Each went unchecked: a deprecated call, a misspelt member or a layout that does not exist
    passed, as long as the code reached PEX.pluginAPI through a name."""
    source = (
        wrapper + "    function load() {}\n    function unload() {}\n    function record() {\n"
        f"        {api}.changeConferenceLayout('1:7');\n"
        f"        {api}.sendRequst('/lock');\n"
        f"        {api}.transformConferenceLayout({{ layout: '1:8' }});\n"
        "    }\n"
        f"    {api}.registerPlugin({{ id: 'rec-1.0', load, unload, record }});\n"
        "})(window.PEX);\n"
    )
    assert sorted(_codes(_problems(base_project, source))) == [("PD511", 7), ("PD512", 6), ("PD513", 8)]
    working = source.replace("changeConferenceLayout('1:7')", "transformConferenceLayout({ layout: '1:7' })")
    working = working.replace("sendRequst", "sendRequest").replace("'1:8'", "'4:0'")
    assert _codes(_problems(base_project, working)) == []


def test_members_of_pex_taken_apart_by_destructuring_are_checked(base_project: Path) -> None:
    """An event misspelt through ``const { actions } = PEX`` was not reported (the plugin never
    hears it); a misspelt member taken out (``{ pluginApi }``, undefined: the plugin throws as it
    loads) was not either, and its registration through it then passed for a working one."""
    source = (
        "(function () {\n    const { pluginAPI, actions$, actions } = window.PEX;\n    let sub;\n"
        "    function load() {\n"
        "        sub = actions$.ofType(actions.RECEIVE_CHAT_MESAGE).subscribe(() => pluginAPI.sendRequest('/lock'));\n"
        "    }\n    function unload() { sub.unsubscribe(); }\n    function record() {}\n"
        "    pluginAPI.registerPlugin({ id: 'rec-1.0', load, unload, record });\n})();\n"
    )
    (event,) = _problems(base_project, source)
    assert (event.code, event.line, event.column) == ("PD514", 5, 39)
    pkg = load(base_project)
    apply_fix(pkg, event.fix)
    save(pkg)
    assert _codes(run_checks(load(base_project))) == []
    misspelt = source.replace("pluginAPI", "pluginApi").replace("RECEIVE_CHAT_MESAGE", "RECEIVE_CHAT_MESSAGE")
    (member,) = _problems(base_project, misspelt)
    assert (member.code, member.line, member.column) == ("PD522", 2, 13)
    assert "Did you mean PEX.pluginAPI?" in member.message


NAMESPACE = """(function (window) {
    'use strict';
    var Plugin = {
        load: function () {},
        unload: function () {},
        record: function () { window.PEX.pluginAPI.sendRequest('/lock'); }
    };
    window.PEX.pluginAPI.registerPlugin({
        id: 'rec-1.0',
        load: Plugin.load,
        unload: Plugin.%s,
        record: Plugin.%s
    });
})(window);
"""


def test_functions_registered_from_an_object_literal_that_lacks_them_are_reported(base_project: Path) -> None:
    """``record: Plugin.recrod`` registered undefined and passed; clicking the item (or switching
    the plugin off, for ``unload: Plugin.unlaod``) brought up the 'Oops' page."""
    assert _codes(_problems(base_project, NAMESPACE % ("unload", "record"))) == []
    problems = _problems(base_project, NAMESPACE % ("unlaod", "recrod"))
    assert [(p.code, p.line, p.column) for p in problems] == [("PD520", 11, 17), ("PD506", 12, 17)]
    assert "the object Plugin made on line 3 has no 'recrod'" in problems[1].message
    # Keys given later, and members every object has, are there.
    later = NAMESPACE.replace("    window.PEX", "    Plugin.recrod = Plugin.record;\n    window.PEX", 1)
    assert _codes(_problems(base_project, later % ("toString", "recrod"))) == []


@pytest.mark.parametrize(
    "table",
    ["var layouts = ['1:0', '1:7', 'LAYOUT'];", "var layouts = { one: '1:0', seven: '1:7', other: `LAYOUT` };"],
    ids=["array", "object"],
)
def test_a_layout_picked_from_a_list_the_file_spells_out_is_checked(base_project: Path, table: str) -> None:
    """A layout that does not exist in such a list went unsaid: the conference refuses it."""
    source = (
        "(function () {\n    " + table + "\n    var i = 0;\n    var keys = Object.keys(layouts);\n"
        "    function load() {}\n    function unload() {}\n    function record() {\n"
        "        i = (i + 1) % 3;\n"
        "        PEX.pluginAPI.transformConferenceLayout({ layout: layouts[Array.isArray(layouts) ? i : keys[i]] });\n"
        "    }\n"
        "    PEX.pluginAPI.registerPlugin({ id: 'rec-1.0', load: load, unload: unload, record: record });\n})();\n"
    )
    assert _codes(_problems(base_project, source.replace("LAYOUT", "2:21"))) == []
    (wrong,) = _problems(base_project, source.replace("LAYOUT", "3:3"))
    assert (wrong.code, wrong.line) == ("PD513", 9) and "'3:3'" in wrong.message


def test_helpers_kept_by_one_wrapper_for_another_are_not_told_to_lose_their_name(base_project: Path) -> None:
    """PD501 said "remove the 'var ... =' before the wrapper" (a bundle's global name), which
    broke this plugin: the second wrapper reads the name. It is a leak all the same."""
    source = (
        "var RecHelpers = (function () {\n    return { path: function () { return '/lock'; } };\n})();\n\n"
        "(function (helpers) {\n    function load() {}\n    function unload() {}\n"
        "    function record() { PEX.pluginAPI.sendRequest(helpers.path()); }\n"
        "    PEX.pluginAPI.registerPlugin({ id: 'rec-1.0', load: load, unload: unload, record: record });\n"
        "})(RecHelpers);\n"
    )
    (leak,) = _problems(base_project, source)
    assert (leak.code, leak.line) == ("PD501", 1)
    assert "remove the 'var ... ='" not in leak.message
    assert "Put all of the code inside one more wrapper function" in leak.message
    # A name nothing else reads (a bundle's global name) is still told it can go.
    (bundle,) = _problems(
        base_project, source.replace("})(RecHelpers);", "})({ path: function () { return '/lock'; } });")
    )
    assert "remove the 'var ... ='" in bundle.message


@pytest.mark.parametrize(
    "given",
    [
        "Object.assign(Plugin, { record: function () { PEX.pluginAPI.sendRequest('/lock'); } });",
        "extend(Plugin);\n    function extend(o) { o.record = function () {}; }",
        "var same = Plugin;\n    same.record = function () {};",
    ],
    ids=["Object.assign", "helper", "another-name"],
)
def test_an_object_handed_on_before_it_is_registered_is_not_said_to_lack_a_key(base_project: Path, given: str) -> None:
    """Code the check does not follow may give it the key: "has no 'record'" would be a false error."""
    source = (
        "(function () {\n    var Plugin = { id: 'rec-1.0', load: function () {}, unload: function () {} };\n"
        f"    {given}\n"
        "    PEX.pluginAPI.registerPlugin(%s);\n})();\n"
    )
    assert (
        _codes(
            _problems(
                base_project,
                source % "{ id: 'rec-1.0', load: Plugin.load, unload: Plugin.unload, record: Plugin.record }",
            )
        )
        == []
    )
    assert [p.code for p in _problems(base_project, source % "Plugin")] == ["PD519"]


def test_a_request_or_host_put_together_in_a_template_literal_is_checked(base_project: Path) -> None:
    """`/participants/${uuid}/${muted ? 'unmute' : 'mutte'}` passed (the conference refuses it),
    and `https://${host}/rec` with const host = '...' was "an address built at run time"."""
    source = (
        "(() => {\n    const api = window.PEX.pluginAPI;\n    const host = 'hooks.acme.test';\n"
        "    const record = ({ uuid, muted }) => {\n"
        "        api.sendRequest(`/participants/${uuid}/${muted ? 'unmute' : 'MUTE'}`);\n"
        "        fetch(`https://${host}/rec`, { method: 'POST' });\n"
        "    };\n"
        "    api.registerPlugin({ id: 'rec-1.0', load: () => {}, unload: () => {}, record });\n})();\n"
    )
    problems = _problems(base_project, source.replace("MUTE", "mute"))
    assert [p.code for p in problems] == ["PD600"] and "hooks.acme.test (fetch on line 6)" in problems[0].message
    wrong = _problems(base_project, source.replace("MUTE", "mutte"))
    assert _codes(wrong) == [("PD515", 5), ("PD600", 6)] and "'/participants/…/mutte'" in wrong[0].message


UNREADABLE_REGISTRATIONS = [
    # A UMD factory returning the plugin object: others may give it keys, so they cannot be read.
    "    var plugin = { id: '%s', load: load, unload: unload, record: record };\n"
    "    PEX.pluginAPI.registerPlugin(plugin);\n    window.RecPlugin = plugin;\n",
    # Part of the object spread in from something the file does not spell out.
    "    PEX.pluginAPI.registerPlugin({ id: '%s', ...window.RecActions, load: load, unload: unload });\n",
]


@pytest.mark.parametrize("register", UNREADABLE_REGISTRATIONS)
def test_a_wrong_id_is_reported_even_when_the_other_keys_cannot_be_read(base_project: Path, register: str) -> None:
    """Only PD519 (a note: "cannot check which actions are registered") was said, and the id
    written in the object, which the app gets, went unchecked: a plugin whose buttons did nothing
    passed. Its fix writes the package's id."""
    source = "(function () {\n    function load() {}\n    function unload() {}\n    function record() {}\n%s})();\n"
    assert [p.code for p in _problems(base_project, source % (register % "rec-1.0"))] == ["PD519"]
    problems = _problems(base_project, source % (register % "rec"))
    assert sorted(p.code for p in problems) == ["PD504", "PD519"]
    (wrong,) = [p for p in problems if p.code == "PD504"]
    pkg = load(base_project)
    apply_fix(pkg, wrong.fix)
    save(pkg)
    assert "id: 'rec-1.0'" in base_project.joinpath(*JS).read_text(encoding="utf-8")


@pytest.mark.parametrize("wrap", ["Object.freeze", "Object.seal"])
def test_a_registered_object_frozen_first_is_read_as_written(base_project: Path, wrap: str) -> None:
    """``registerPlugin(Object.freeze({...}))`` was "cannot be read" (PD519, a note), so a
    misspelt action there passed and its click brought up the 'Oops' page."""
    source = (
        "(function () {\n    const record = () => PEX.pluginAPI.sendRequest('/lock');\n"
        "    PEX.pluginAPI.registerPlugin(%s({ id: 'rec-1.0', load() {}, unload() {}, %s }));\n})();\n"
    )
    assert _codes(_problems(base_project, source % (wrap, "record"))) == []
    problems = _problems(base_project, source % (wrap, "recrod: record"))
    assert sorted(p.code for p in problems) == ["PD505", "PD507"]
    (missing,) = [p for p in problems if p.code == "PD505"]
    pkg = load(base_project)
    apply_fix(pkg, missing.fix)
    save(pkg)
    assert _codes(run_checks(load(base_project))) == []


ASSIGNED_TO_A_BASE = """(function () {
    function register(base) {
        PEX.pluginAPI.registerPlugin(Object.assign(base, {
            id: '%s',
            record: %s
        }));
    }

    register(window.sharedLifecycle);
})();
"""


def test_an_object_assigned_onto_a_part_the_file_does_not_write_out_is_checked_where_it_can_be(
    base_project: Path,
) -> None:
    """registerPlugin(Object.assign(base, {...})), base a parameter, was PD519 "not given an object
    written out", and nothing else: a wrong id or an action registered as a name defined nowhere
    (it throws as the plugin loads) passed. The part written out is checked, and PD519 says what
    cannot be known: whether load and unload are in base."""
    problems = _problems(base_project, ASSIGNED_TO_A_BASE % ("rec-1.0", "function () {}"))
    assert _codes(problems) == [("PD519", 3)]
    (note,) = problems
    assert "gets part of its object from base, whose keys are known only when the plugin runs" in note.message
    assert "checked the keys written out in the file (id, record)" in note.message
    assert "cannot tell whether 'load' and 'unload', which the app calls, are among the others" in note.message
    assert sorted(_codes(_problems(base_project, ASSIGNED_TO_A_BASE % ("rec", "recrod")))) == [
        ("PD504", 4),
        ("PD506", 5),
        ("PD519", 3),
    ]
    whole = ASSIGNED_TO_A_BASE.replace("record: %s", "record: %s,\n            load() {},\n            unload() {}")
    (note,) = _problems(base_project, whole % ("rec-1.0", "function () {}"))
    assert "load, unload and every menu action are among them" in note.message


def test_an_object_spreading_in_a_part_the_file_does_not_write_out_is_checked_where_it_can_be(
    base_project: Path,
) -> None:
    """registerPlugin({ ...base, id, record: recrod }), base a parameter: as for Object.assign, only
    PD519 was said, and the key naming nothing (it throws as the plugin loads) passed."""
    spread = ASSIGNED_TO_A_BASE.replace("Object.assign(base, {", "{\n            ...base,").replace("}));", "});")
    assert sorted(_codes(_problems(base_project, spread % ("rec-1.0", "recrod")))) == [("PD506", 6), ("PD519", 3)]
    (note,) = _problems(base_project, spread % ("rec-1.0", "function () {}"))
    assert "gets part of its object from base, whose keys are known only when the plugin runs" in note.message
