"""Hostile inputs that made a core function take seconds or minutes where milliseconds are normal.

Why: the checks run after every pause in typing and on every file the designer opens, so work
that grows with the square of a file's statements (or of its nesting) freezes the window on a
big or generated source. These tests assert on results; their inputs are big enough that the
slow code they guard against would take minutes here, where the fixed code takes well under a
second.
"""

from __future__ import annotations

from pathlib import Path

from designer.core.jsanalysis import analyse
from designer.core.jsonfile import BACKSLASHES, JsonDocument, repair_slips
from designer.core.model import load, pending_writes


def test_thirty_thousand_calls_of_undefined_functions_are_all_found_without_reading_the_file_once_per_call() -> None:
    # _cut_off read every statement before each call of its block (is a return above it?):
    # 5,000 calls took 6 s, these 30,000 about three minutes.
    src = "".join(f"g{i}();\n" for i in range(30_000)) + "return;\nlate();\n"
    info = analyse(src)
    unknown = {name for name, _line, _col in info.unknown_calls}
    assert {"g0", "g9999", "g29999"} <= unknown
    assert "late" not in unknown  # (below the return: it never runs)


def test_twelve_thousand_lets_used_before_their_declaration_are_all_found() -> None:
    src = "".join(f"f(v{i}); let v{i};\n" for i in range(12_000))
    info = analyse(src)
    assert len(info.early_uses) == 12_000
    assert info.early_uses[-1][:3] == ("v11999", 12_000, 3)


def test_a_function_of_thirty_thousand_parameters_each_defaulting_to_the_next_is_read_once() -> None:
    # _early_defaults searched each default for every later parameter's name: 5,000 parameters
    # took 3.4 s, 8,000 took 10 s, these 30,000 over two minutes.
    params = ", ".join(f"a{i} = a{i + 1}" for i in range(30_000))
    info = analyse(f"function f({params}, a30000) {{}}\nf();\n")
    assert len(info.early_uses) == 30_000
    assert info.early_uses[0][:2] == ("a1", 1) and {e[5] for e in info.early_uses} == {"default"}


def test_a_line_of_fifty_thousand_pasted_backslashes_has_its_first_ones_repaired_and_the_rest_said() -> None:
    # Each repair read the whole line again (is it a path? has it a \n?), in a loop of Python:
    # 5,000 took 7 s to open, 20,000 more than 20 s, these 50,000 minutes. The finders' reading now
    # counts in the repairs' budget, and the question is one regular expression.
    text = '{"path": "' + "\\p" * 50_000 + '"}\n'
    fixed, done, left = repair_slips(text)
    assert done[0] == (BACKSLASHES, 10) and {kind for kind, _at in done} == {BACKSLASHES}
    assert fixed.startswith('{"path": "' + "\\\\p" * len(done) + "\\p")
    assert left is not None and (left.line, left.column) == (1, 11 + 3 * len(done))  # the next one, said


def test_a_destructuring_pattern_nested_forty_thousand_deep_is_read_without_exhausting_the_stack() -> None:
    # _pattern_names called itself for each level: a RecursionError out of the checks. And finding
    # what declares b climbed the patterns with .parent, each a descent from the root in tree-sitter:
    # 5,000 levels took 2 s, these 40,000 about two minutes.
    deep = "{a: " * 40_000 + "b" + "}" * 40_000
    info = analyse(f"(function () {{\n    var {deep} = o;\n    b();\n    c();\n}})();\n")
    assert [name for name, _line, _col in info.unknown_calls] == ["c"]  # b is declared, deep down
    info = analyse(f"function f({deep}, c = b) {{}}\nf();\n")
    assert info.early_uses == []  # (b comes before the default: no early use)


def test_a_json_file_of_forty_thousand_names_and_as_many_duplicates_is_read_at_once() -> None:
    # Each duplicate looked through every span found so far for those inside its dead copy:
    # 5,000 names and 5,000 duplicates took 2 s to open (and after each edit), these minutes.
    names = ", ".join(f'"a{i}": {{"x": {i}}}' for i in range(40_000))
    doc = JsonDocument(f'{{{names}, "a7": {{"y": 1}}, ' + ", ".join('"k": [1]' for _ in range(40_000)) + "}")
    assert len(doc.duplicates) == 40_000
    assert "/a7/x" not in doc.spans and doc.get("/a7") == {"y": 1}  # the dead copy's spans are gone
    assert "/a8/x" in doc.spans and "/k/0" in doc.spans


def test_twenty_thousand_lets_of_one_name_in_a_long_block_are_read_word_by_word_once() -> None:
    # Past 64 KB a block is read word by word, and each word was checked against every declaration
    # of its name: 10,000 lines of "let a;" took 3 s, these 20,000 most of a minute.
    info = analyse("f(a);\n" + "let a;\n" * 20_000)
    assert len(info.early_uses) == 20_000  # f(a) runs before each of them
    assert info.early_uses[0][:4] == ("a", 1, 3, 2) and info.early_uses[-1][:4] == ("a", 1, 3, 20_001)


def test_a_line_of_twenty_thousand_names_declared_again_is_read_once_for_misspelt_words() -> None:
    # Each error of the line had the whole line before it searched for a misspelt word just
    # before the error: a line of 5,000 errors took seconds, these 20,000 over a minute.
    info = analyse("let a; " * 20_000 + "\n")
    assert len(info.syntax_errors) == 19_999
    assert [e[:2] for e in info.syntax_errors[:2]] == [(1, 12), (1, 19)]
    assert "declared a second time" in info.syntax_errors[-1][2]


def test_removing_eight_thousand_ignored_copies_of_a_name_reads_the_file_once() -> None:
    # The Fix for a name written more than once cut the copies one by one, reading the whole file
    # again after each: 5,000 copies took a minute, these 8,000 almost four.
    doc = JsonDocument('{\n    "k": 0,\n' + "".join(f'    "k": {i},\n' for i in range(1, 8_000)) + '    "z": 1\n}\n')
    assert doc.remove_dead_duplicates("/k") == 7_999
    assert doc.dumps() == '{\n    "k": 7999,\n    "z": 1\n}\n'
    assert doc.duplicates == []


def _plugin(body: str) -> str:
    """``body`` in a strict wrapper function that registers a plugin, so every check of the source runs."""
    return (
        "(function () {\n    'use strict';\n    "
        + body
        + "\n    PEX.pluginAPI.registerPlugin({id: 'p', load: function () {}, unload: function () {}});\n})();\n"
    )


def test_five_thousand_calls_written_one_after_another_are_checked_without_climbing_from_each() -> None:
    # f(a = b, b)f(a = b, b)... is a call of a call of ... 5,000 deep, with a syntax error at each
    # join. Each step up from a node deep down was a descent from the root in tree-sitter, and
    # several checks climb from the innermost call to the top; each of the 20 errors read the
    # 55,000-character line again for quotes: 11 s, now a fraction of a second.
    info = analyse(_plugin("f(a = b, b)" * 5_000))
    assert info.unknown_calls == [("f", 3, 5)]
    assert info.undeclared == [("a", 3, 7)]
    assert len(info.syntax_errors) == 20
    assert info.syntax_errors[:2] == [(3, 16, "unexpected 'f'"), (3, 27, "unexpected 'f'")]
    assert [r.line for r in info.registrations] == [4]


def test_an_object_nested_twenty_thousand_deep_has_its_names_found_in_one_walk() -> None:
    # a={b:a={b:...: each of the 20,000 a's was found by a descent from the root, and its parent
    # by another: 44 s to check, now a fraction of a second.
    info = analyse(_plugin("var x = " + "a={b:" * 20_000 + "1" + "}" * 20_000 + ";"))
    assert info.undeclared == [("a", 3, 13)]
    assert info.syntax_errors == [] and [r.line for r in info.registrations] == [4]


def test_twenty_thousand_nested_calls_have_their_names_found_in_one_walk() -> None:
    # f(f(f(...))): 30 s to check (each f found, and its parent, from the root), now a fraction.
    info = analyse(_plugin("f(" * 20_000 + ")" * 20_000 + ";"))
    assert info.unknown_calls == [("f", 3, 5)]
    assert info.syntax_errors == [] and [r.line for r in info.registrations] == [4]


def _entry(i: int) -> str:
    return f'        {{"id": "p{i}", "srcURL": "plugins/p{i}/p{i}.plugin.package.json", "enabled": true}}'


def test_removing_three_thousand_plugins_from_the_list_writes_settings_json_reading_it_once(tmp_path: Path) -> None:
    # Saving after removing plugins rebuilds settings.json's plugin list; each entry removed read
    # the whole file again: 3,000 entries took about a minute, 5,000 almost three.
    webapp2 = tmp_path / "webapp2"
    webapp2.mkdir()
    (webapp2 / "manifest.json").write_text('{\n    "brandingID": 1732492800000,\n    "isSettingsBranded": true\n}\n')
    listed = ",\r\n".join(_entry(i) for i in range(3_000))
    (webapp2 / "settings.json").write_bytes(
        f'{{\r\n    "plugins": [\r\n{listed}\r\n    ],\r\n    "x": 1\r\n}}\r\n'.encode()
    )
    pkg = load(tmp_path)
    assert len(pkg.plugins) == 3_000
    del pkg.plugins[1:2_999]  # (as Remove does for each of them)
    written = pending_writes(pkg)["settings.json"].decode()
    assert written == f'{{\r\n    "plugins": [\r\n{_entry(0)},\r\n{_entry(2_999)}\r\n    ],\r\n    "x": 1\r\n}}\r\n'


def test_an_object_losing_four_thousand_names_is_rewritten_reading_it_once() -> None:
    # Each name removed read the whole file again: 5,000 names took over a minute.
    names = "".join(f'    "k{i}": {i},\n' for i in range(4_000))
    doc = JsonDocument('{"a": [1,2], "o": {\n' + names + '    "keep": true\n}, "z": {"k0": 0,"k1": 1}}')
    doc.apply({"a": [2], "o": {"keep": True}, "z": {}})
    assert doc.dumps() == '{"a": [2], "o": {\n    "keep": true\n}, "z": {}}'


def test_a_thousand_blocks_nested_each_declaring_its_let_twice_are_checked_from_one_walk() -> None:
    # Finding each let's block, and for each use the function it runs in, was a step up at a
    # time, each step a descent from the root: 1,000 levels took half a minute, 1,500 almost two.
    info = analyse(_plugin("{ let v = 1; let v = 2; " * 1_000 + "f(v);" + "}" * 1_000))
    twice = [e for e in info.syntax_errors if "'v' is declared a second time" in e[2]]
    assert twice[0][:2] == (3, 22) and len(info.syntax_errors) == len(twice)
    assert len(info.early_uses) == 1_000 and info.early_uses[-1][:2] == ("v", 3) and info.unknown_calls == []


def test_a_thousand_nested_classes_each_extending_itself_are_each_said() -> None:
    # Whether a use is in its own class's extends climbed with .parent: 1,000 levels took 28 s.
    info = analyse(_plugin("{ class A extends A {} " * 1_000 + "}" * 1_000))
    assert len(info.early_uses) == 1_000
    assert {e[4:6] for e in info.early_uses} == {("load", "extends")}
    assert info.early_uses[0][:3] == ("A", 3, 23) and info.early_uses[-1][:3] == ("A", 3, 5 + 23 * 1_000 - 5)


def test_a_thousand_missing_icons_beside_three_thousand_others_are_compared_within_the_budget(
    tmp_path: Path, monkeypatch
) -> None:
    """Each missing icon is compared with the files beside it for a near spelling (PD400's Fix):
    1,000 items whose icons are missing, in a folder of 3,000 icons, made three million
    comparisons (ten seconds). A check run now compares at most NEAR_NAMES_BUDGET names, and a
    near spelling within it is still found."""
    import difflib
    import json
    import shutil

    from designer.core.checks import icons, run_checks

    project = tmp_path / "p"
    shutil.copytree(Path(__file__).resolve().parent.parent / "resources/examples/demo", project)
    folder = project / "webapp2/plugins/meeting-info"
    for name in [f"icon{i}" for i in range(3_000)] + ["zebra"]:
        (folder / f"{name}.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" id="x"/>')
    path = folder / "meeting-info.plugin.package.json"
    data = json.loads(path.read_text())
    section = next(iter(data["menuItems"]))
    item = data["menuItems"][section][0]
    data["menuItems"][section] = [dict(item, icon="zebraa.svg#x")] + [
        dict(item, icon=f"missing{i}.svg#x") for i in range(1_000)
    ]
    path.write_text(json.dumps(data, indent=4))
    compared: list[int] = []
    real = difflib.get_close_matches
    monkeypatch.setattr(
        difflib, "get_close_matches", lambda w, p, *a, **k: compared.append(len(p)) or real(w, p, *a, **k)
    )
    missing = [p for p in run_checks(load(project)) if p.code == "PD400"]
    assert len(missing) == 1_001
    assert sum(compared) <= icons.NEAR_NAMES_BUDGET
    assert missing[0].fix is not None and missing[0].fix.title == "Use 'zebra.svg'"


def test_a_thousand_plugins_without_an_id_are_each_offered_one_working_out_the_taken_ids_once(
    tmp_path: Path, monkeypatch
) -> None:
    """PD102's Fix for a package file without an id makes one from the plugin's name when the list
    has none either; it worked out the ids and folders in use for each such plugin, and 1,000 of
    them took four seconds to check."""
    import json

    from designer.core import plugins
    from designer.core.checks import run_checks

    web = tmp_path / "p" / "webapp2"
    (web / "plugins").mkdir(parents=True)
    (web / "manifest.json").write_text('{"brandingID": 1, "isSettingsBranded": true}')
    entries = []
    for i in range(1_000):
        folder = web / "plugins" / f"p{i}"
        folder.mkdir()
        package = {"id": "", "name": f"Team tool {i}", "srcURL": f"p{i}.plugin.js", "platforms": ["web"]}
        (folder / f"p{i}.plugin.package.json").write_text(json.dumps({**package, "participantRoles": ["chair"]}))
        (folder / f"p{i}.plugin.js").write_text("(function(){PEX.pluginAPI.registerPlugin({id:''});})();\n")
        entries.append({"id": "", "srcURL": f"plugins/p{i}/p{i}.plugin.package.json", "enabled": True})
    (web / "settings.json").write_text(json.dumps({"plugins": entries}, indent=2))
    counted: list[int] = []
    real = plugins.taken_keys
    monkeypatch.setattr(plugins, "taken_keys", lambda pkg: counted.append(1) or real(pkg))
    fixes = [p.fix for p in run_checks(load(tmp_path / "p")) if p.code == "PD102" and p.fix is not None]
    assert len(fixes) == 1_000 and len(counted) == 1
    assert {f.args["value"] for f in fixes} == {f"team-tool-{i}" for i in range(1_000)}


def test_a_file_of_thousands_of_problems_lists_the_errors_first_and_says_how_many_more(
    window, base_project: Path
) -> None:
    """Each row of the Problems list is measured for its wrapped text and most have a Fix button
    of their own: a package file of 20,000 names written twice (340 KB) held the window for half a
    minute as it opened (5,000: ten seconds). The list holds MOST_ROWS rows, the errors first; its
    title counts them all, and a last row says how many more there are and where they all are."""
    from PySide6.QtCore import Qt

    from designer.gui.panes.problems_pane import MOST_ROWS

    path = base_project / "webapp2/plugins/rec/rec.plugin.package.json"
    text = path.read_text()
    names = "".join(f'    "name": "Record {i}",\n' for i in range(1_200))
    text = text.replace('"id": "rec-1.0",\n', '"id": "rec-1.0",\n' + names, 1)
    path.write_text(text.replace('"srcURL": "rec.plugin.js"', '"srcURL": "gone.plugin.js"'))  # (an error, at the end)
    window.open_path(base_project)
    view = window.problems_view
    rows = [row.data(0, Qt.ItemDataRole.UserRole) for row in view.problem_items()]
    assert len(rows) == MOST_ROWS
    codes = [p.code for p in rows]
    assert codes.count("PD101") == MOST_ROWS - 1 and codes[-1] == "PD305"  # the error is listed
    total = len(window._all_problems())
    assert total > 1_200 and window.problems_dock.windowTitle() == f"Problems ({total})"
    assert view.topLevelItem(0).text(0) == f"Record ({total}, {MOST_ROWS} listed)"
    note = view.topLevelItem(view.topLevelItemCount() - 1)
    assert note.text(0).startswith(f"{total - MOST_ROWS:,} more problems are not listed here: the list holds the first")
    assert note.childCount() == 0 and note.data(0, Qt.ItemDataRole.UserRole) is None


def test_thousands_of_menu_items_each_with_its_own_action_are_matched_to_registerplugin_once_each(
    base_project: Path,
) -> None:
    """Which actions registerPlugin lacks was worked out on a list, each action asking whether the
    list held it already: 6,000 menu items took seconds, 24,000 (2 MB) most of a minute. Counted
    in comparisons of the actions' names: one list search made millions of them."""
    import json

    from designer.core.checks import run_checks

    compared = [0]

    class Action(str):
        __hash__ = str.__hash__

        def __eq__(self, other: object) -> bool:
            compared[0] += 1
            return str.__eq__(self, other)

    path = base_project / "webapp2/plugins/rec/rec.plugin.package.json"
    data = json.loads(path.read_text())
    item = data["menuItems"]["toolbar"][0]
    data["menuItems"]["toolbar"] = [dict(item, action=f"do{i}") for i in range(2_000)]
    path.write_text(json.dumps(data, indent=4))
    pkg = load(base_project)
    for _sec, _i, mi in pkg.plugins[0].package.items():
        mi.action = Action(mi.action)
    missing = [p for p in run_checks(pkg) if p.code == "PD505"]
    assert len(missing) == 2_000 and "'do1999'" in missing[-1].message
    assert compared[0] < 20_000  # (a list search for each: two million)


def test_twenty_thousand_comment_lines_at_the_top_of_a_big_file_are_repaired_within_the_budget() -> None:
    # Each comment cut was cut from a new copy of the whole text, which the budget did not count
    # (the decoder read only the first line each time): 20,000 lines took 2 s to open, 80,000 in
    # a 0.9 MB file 20 s. The copies count now; past the budget the next comment is said, no Fix.
    body = "".join(f'    "k{i}": "{"x" * 200}",\n' for i in range(1_000)) + '    "z": 1\n'
    text = "{\n" + "// a note\n" * 20_000 + body + "}\n"
    fixed, done, left = repair_slips(text)
    assert 100 < len(done) < 20_000 and {kind for kind, _at in done} == {"remove-comments"}
    assert left is not None and (left.line, left.column) == (2, 1)
    assert fixed == "{\n" + "// a note\n" * (20_000 - len(done)) + body + "}\n"


def test_a_request_path_and_a_pex_member_of_a_hundred_thousand_letters_are_not_spelt_against_every_name(
    base_project: Path, monkeypatch
) -> None:
    """A request or PEX member spelt nearly as a known one is said with the one meant; the letters
    were compared pair by pair with each known name, whatever the lengths: a 32,000-letter path
    took 5 s to check, this path and member of 100,000 letters 12 s (a megabyte: minutes). Names whose lengths alone differ by more
    than the edits allowed are no longer compared."""
    from designer.core.checks import run_checks, source

    lengths: list[int] = []
    real = source._edits
    monkeypatch.setattr(source, "_edits", lambda a, b: lengths.append(max(len(a), len(b))) or real(a, b))
    js = base_project / "webapp2/plugins/rec/rec.plugin.js"
    long = "a" * 100_000
    js.write_text(
        js.read_text()
        + f"PEX.pluginAPI.sendRequest('/{long}', {{}});\nPEX.{long}.x();\n"
        + "PEX.pluginAPI.sendRequest('/lok', {});\nPEX.pluginApi.x();\n"
    )
    said = " ".join(p.message for p in run_checks(load(base_project)) if p.code in ("PD515", "PD522"))
    assert "'/lock'" in said and "PEX.pluginAPI" in said  # (the near ones are still found)
    assert lengths and max(lengths) < 100


def test_ten_thousand_event_handlers_in_an_icon_are_placed_reading_its_line_ends_once(
    base_project: Path, monkeypatch
) -> None:
    """Each finding of an icon was placed at its attribute by reading the file up to it (line_col):
    10,000 onclick attributes (0.2 MB) took 2 s to check, 40,000 24 s, 160,000 minutes."""
    from designer.core import lineends, svg
    from designer.core.checks import run_checks

    calls = [0]
    real = lineends.line_col
    monkeypatch.setattr(svg, "line_col", lambda text, at: calls.__setitem__(0, calls[0] + 1) or real(text, at))
    rows = "".join(f'\r\n  <rect width="{i % 24}" onclick="go()"/>' for i in range(10_000))
    (base_project / "webapp2/plugins/rec/rec.svg").write_bytes(
        f'\ufeff<svg xmlns="http://www.w3.org/2000/svg" id="rec" viewBox="0 0 24 24">{rows}\r\n</svg>\r\n'.encode()
    )
    found = [(p.line, p.column) for p in run_checks(load(base_project)) if p.code == "PD413"]
    assert found[:2] == [(2, 19), (3, 19)] and found[-1] == (10_001, 20) and len(found) == 10_000
    assert calls[0] < 10


def test_ten_thousand_strings_naming_an_icon_are_placed_reading_the_source_once(
    base_project: Path, monkeypatch
) -> None:
    """The icon editor lists the strings of the source that name the icon, each with its line:
    each was placed by reading the source up to it: 10,000 such strings in a source of lone CRs
    (old Mac line ends, each line searched with a pattern) took a minute and a half."""
    from designer.core import iconrefs, lineends

    calls = [0]
    real = lineends.line_col
    monkeypatch.setattr(
        iconrefs, "line_col", lambda text, at: calls.__setitem__(0, calls[0] + 1) or real(text, at), raising=False
    )
    js = base_project / "webapp2/plugins/rec/rec.plugin.js"
    js.write_text(js.read_text() + "".join(f"var i{i} = 'rec.svg#rec';\r" for i in range(10_000)))
    refs = iconrefs.source_icon_references(load(base_project), "plugins/rec/rec.svg", "rec")
    assert len(refs) == 10_000 and calls[0] < 10
    assert [(r.line, r.column) for r in (refs[0], refs[-1])] == [(14, 10), (10_013, 13)]


def test_the_fix_for_a_thousand_comments_says_their_lines_reading_the_file_once(
    base_project: Path, monkeypatch
) -> None:
    """The Fix for comments in a JSON file says the lines it changed, each found by reading the
    file up to it (in a file of lone CRs, with a pattern search): these thousand comments spent
    0.4 s on it after the click, a file at the repairs' budget a second or two."""
    from designer.core import lineends
    from designer.core.checks import run_checks
    from designer.core.fixes import apply_fix

    path = base_project / "webapp2/plugins/rec/rec.plugin.package.json"
    text = path.read_text().replace("\n", "\r")
    path.write_text(text.replace("{\r", "{\r" + "// note\r" * 1_000, 1))
    pkg = load(base_project)
    (problem,) = [p for p in run_checks(pkg) if p.code == "PD100"]
    calls = [0]
    real = lineends.line_col
    monkeypatch.setattr(lineends, "line_col", lambda t, at: calls.__setitem__(0, calls[0] + 1) or real(t, at))
    said = apply_fix(pkg, problem.fix)
    assert said.endswith(", 1000 and 1001 of plugins/rec/rec.plugin.package.json") and "lines 2, 3, 4," in said
    assert calls[0] < 10
    assert [p for p in run_checks(pkg) if p.code == "PD100"] == []


def test_check_json_writes_thousands_of_problems_as_before_without_copying_each_field(
    base_project: Path, monkeypatch, capsys
) -> None:
    """check --json wrote each problem with dataclasses.asdict, which copies every field value
    (80 µs a problem): the 80,000 problems of a 1.4 MB file of names written twice took 7 s."""
    import dataclasses
    import json

    from designer.cli import main
    from designer.core import problems
    from designer.core.problems import Fix, Problem, Severity

    fields = [f.name for f in dataclasses.fields(Problem) if f.name != "fix_waits_for"]
    fix = Fix("k", "Do it", {"file": "a.json", "list": [1, {"x": 2}]}, batch=False)
    for p in (
        Problem("PD101", Severity.WARNING, "a.json", 3, 4, "m", "/n", fix, "p"),
        Problem("PD1", Severity.INFO, "b", 0, 0, "m"),
    ):
        written = p.to_json()
        assert list(written) == fields and written["severity"] == p.severity.value
        assert written["fix"] == (None if p.fix is None else {**dataclasses.asdict(p.fix)})
    fix_json = Problem("PD101", Severity.WARNING, "a", 1, 1, "m", fix=fix).to_json()["fix"]
    fix_json["args"]["list"][1]["x"] = 3
    assert fix.args["list"][1] == {"x": 2}  # (a copy, as asdict gave)

    copied = [0]
    real = dataclasses.asdict
    monkeypatch.setattr(
        problems, "asdict", lambda obj: copied.__setitem__(0, copied[0] + 1) or real(obj), raising=False
    )
    path = base_project / "webapp2/plugins/rec/rec.plugin.package.json"
    names = "".join(f'    "name": "Record {i}",\n' for i in range(2_000))
    path.write_text(path.read_text().replace('"id": "rec-1.0",\n', '"id": "rec-1.0",\n' + names, 1))
    assert main(["check", str(base_project), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)["problems"]
    assert len(listed) == 2_000 and listed[0]["fix"]["kind"] == "remove-dead-duplicate" and copied[0] == 0


def test_four_hundred_plugins_each_with_a_problem_are_given_their_problems_listing_the_plugins_once(
    window, base_project: Path, monkeypatch
) -> None:
    """The tree (errors per plugin) and the Problems list (a group per plugin) found each problem's
    plugin by going through all the plugins: 1,500 plugins, each with a problem, took 6.6 s to open,
    6,000 (a 0.7 MB settings.json) 56 s. Counted in plugins' keys read: 164,000 here before."""
    import json

    from designer.core.model import Plugin

    settings = base_project / "webapp2/settings.json"
    data = json.loads(settings.read_text())
    entry = data["plugins"][0]
    data["plugins"] += [dict(entry, id=f"p{i}") for i in range(400)]  # (each a package file whose id differs)
    settings.write_text(json.dumps(data, indent=4))
    read = [0]
    real = Plugin.key
    monkeypatch.setattr(Plugin, "key", property(lambda self: read.__setitem__(0, read[0] + 1) or real.fget(self)))
    window.open_path(base_project)
    root = window.tree.topLevelItem(0)
    assert root.child(root.childCount() - 1).text(0) == "Record" and root.childCount() == 2 + 401
    heads = [window.problems_view.topLevelItem(i).text(0) for i in range(window.problems_view.topLevelItemCount())]
    assert len(heads) == 400 and {h.rsplit(" (", 1)[1] for h in heads} == {"1)"}
    assert read[0] < 20_000


def test_a_host_only_request_made_on_three_thousand_lines_is_said_once_naming_the_first_twenty(
    base_project: Path,
) -> None:
    """PD517 names the lines of each host-only request; each line was looked for among those
    found so far (20,000 requests: 8 s of check) and all were named, a message of 130 KB. The
    first twenty are named, and how many more there are."""
    import json

    from designer.core.checks import run_checks

    package = base_project / "webapp2/plugins/rec/rec.plugin.package.json"
    data = json.loads(package.read_text())
    package.write_text(json.dumps(dict(data, participantRoles=["chair", "guest"]), indent=4))
    js = base_project / "webapp2/plugins/rec/rec.plugin.js"
    calls = "        PEX.pluginAPI.sendRequest('/lock'); PEX.pluginAPI.sendRequest('/lock');\n" * 3_000
    js.write_text(js.read_text().replace("        PEX.pluginAPI.sendRequest('/lock');\n", calls))
    (said,) = [p.message for p in run_checks(load(base_project)) if p.code == "PD517"]
    assert (
        "— lines 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24 and 2,980 more lines."
        in said
    )
