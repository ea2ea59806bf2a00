"""Two plugins that are not wrapped in a function and put the same name on the page (PD530, PD531).

Each plugin's source is a plain script of the same page: a name one declares with let, const or
class at its top may not be declared again by another, so the browser refuses whichever file
loads second; with var, function or ``x = 1`` on both sides one plugin uses the other's instead.
The fixture is the small base project with a second plugin, "Help", beside "Record".
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from designer.core.checks import run_checks
from designer.core.model import load
from designer.core.problems import Problem

_CODES = ("PD501", "PD529", "PD530", "PD531")
REC = "plugins/rec/rec.plugin.js"
HELP = "plugins/help/help.plugin.js"


def _register(pid: str, p: str = "") -> str:
    """The registration of the functions ``_functions(p)`` defines."""
    return f"PEX.pluginAPI.registerPlugin({{ id: '{pid}', load: {p}load, unload: {p}unload, record: {p}record }});\n"


def _functions(p: str) -> str:
    """The plugin's functions, their names starting with ``p`` (each plugin its own, or they clash)."""
    return f"function {p}load() {{}}\nfunction {p}unload() {{}}\nfunction {p}record() {{}}\n"


def _with_help(
    project: Path, rec: str, help_: str, *, enabled: bool = True, platforms: list[str] | None = None
) -> None:
    """Write ``rec`` as Record's source and add the plugin Help (source ``help_``) after it; a
    source without registerPlugin gets its functions (rec_load, help_load, ...) and their
    registration at its end."""
    plugins = project / "webapp2" / "plugins"
    shutil.copytree(plugins / "rec", plugins / "help")
    (plugins / "help" / "rec.plugin.package.json").unlink()
    (plugins / "help" / "rec.plugin.js").unlink()
    package = json.loads((plugins / "rec" / "rec.plugin.package.json").read_text())
    package.update(id="help-1.0", name="Help", srcURL="help.plugin.js")
    if platforms is not None:
        package["platforms"] = platforms
    (plugins / "help" / "help.plugin.package.json").write_text(json.dumps(package, indent=4) + "\n")
    for rel, code, pid, p in (
        ("rec/rec.plugin.js", rec, "rec-1.0", "rec_"),
        ("help/help.plugin.js", help_, "help-1.0", "help_"),
    ):
        (plugins / rel).write_text(code if "registerPlugin" in code else code + _functions(p) + _register(pid, p))
    settings = {
        "plugins": [
            {"id": "rec-1.0", "srcURL": "plugins/rec/rec.plugin.package.json", "enabled": True},
            {"id": "help-1.0", "srcURL": "plugins/help/help.plugin.package.json", "enabled": enabled},
        ]
    }
    (project / "webapp2" / "settings.json").write_text(json.dumps(settings, indent=4) + "\n")


def _found(project: Path) -> list[Problem]:
    return [p for p in run_checks(load(project)) if p.code in _CODES]


def test_a_let_another_plugin_also_declares_is_an_error_in_both_files(base_project: Path) -> None:
    """``let count`` in Record and ``var count`` in Help: the browser refuses whichever loads
    second ("Identifier 'count' has already been declared"). Said once in each file, at its own
    declaration, naming the other plugin, its file and line; PD501 still says each file leaks."""
    _with_help(base_project, "let count = 0;\n", "// Help\n\nvar count = 1;\n")
    found = _found(base_project)
    assert [(p.code, p.file, p.line, p.column) for p in found] == [
        ("PD501", HELP, 3, 1),
        ("PD530", HELP, 3, 5),
        ("PD501", REC, 1, 1),
        ("PD530", REC, 1, 5),
    ]
    help_error, rec_error = (p for p in found if p.code == "PD530")
    assert rec_error.severity == "error" and rec_error.plugin == "rec-1.0" and help_error.plugin == "help-1.0"
    assert rec_error.message.startswith(
        "The source of 'Record' declares 'count' with let here, at the top of the file, and the plugin 'Help' "
        f"declares 'count' with var at the top of its file too ({HELP} line 3). "
    )
    assert "refuses whichever of the two files loads second" in rec_error.message
    assert "never loads" in rec_error.message and "(function () { ... })();" in rec_error.message
    assert f"'Record' declares 'count' with let at the top of its file too ({REC} line 1)" in help_error.message


def test_each_pair_of_plugins_is_said_once_with_the_names_they_share(base_project: Path) -> None:
    """A copied plugin that is not wrapped shares all its names: one error per file (at the first
    name), listing the others, not one per name. Its functions (var-like on both sides) are no
    warning beside it: the refused file shares nothing. Without the let, const and class, they
    are the warning's, once per file too."""
    lets = "const api = PEX.pluginAPI;\nclass Timer {}\nlet { a, b: [c] } = {};\n"
    code = _functions("") + _register("ID")
    _with_help(base_project, (lets + code).replace("ID", "rec-1.0"), (lets + code).replace("ID", "help-1.0"))
    found = [p for p in _found(base_project) if p.code != "PD501"]
    assert [(p.code, p.file, p.line, p.column) for p in found] == [("PD530", HELP, 1, 7), ("PD530", REC, 1, 7)]
    assert "They share 'Timer', 'a', 'c' the same way." in found[1].message
    assert "declares 'api' with const here" in found[1].message

    shutil.rmtree(base_project / "webapp2" / "plugins" / "help")
    _with_help(base_project, code.replace("ID", "rec-1.0"), "\n" + code.replace("ID", "help-1.0"))
    found = [p for p in _found(base_project) if p.code != "PD501"]
    assert [(p.code, p.file, p.line, p.column) for p in found] == [("PD531", HELP, 2, 10), ("PD531", REC, 1, 10)]
    warning = found[1]
    assert warning.severity == "warning"
    assert warning.message.startswith(
        "The source of 'Record' declares the function 'load' here, at the top of the file, and the plugin 'Help' "
        f"declares the function 'load' at the top of its file too ({HELP} line 2). They share 'unload', 'record' "
        "the same way. Both load into the same page and share this one 'load': whichever sets it last replaces "
        "the other's value or function"
    )


def test_var_function_and_a_value_given_without_declaring_are_a_warning(base_project: Path) -> None:
    """``var helper`` against ``function helper``, and ``total = 0`` in a function (sloppy code, a
    global: PD524) against ``var total``: no refusal, one plugin uses the other's. Two ``x = 1``
    are left to PD524, which already says they are shared with every other plugin."""
    _with_help(
        base_project,
        "(function () {\n    function load() { total = 0; shared = 1; }\n    function unload() {}\n"
        "    function record() {}\n" + _register("rec-1.0") + "})();\nvar helper = 1;\n",
        "var total = 5;\nfunction helper() {}\nshared = 2;\n",
    )
    found = [p for p in _found(base_project) if p.code != "PD501"]
    assert [(p.code, p.file, p.line) for p in found] == [
        ("PD531", HELP, 1),
        ("PD531", REC, 2),
    ]
    assert "They share 'helper' the same way." in found[1].message
    assert (
        "gives 'total' a value here without declaring it (so it is a name of the whole page), and the plugin "
        f"'Help' declares 'total' with var at the top of its file too ({HELP} line 1)." in found[1].message
    )


def test_let_against_a_value_given_without_declaring_it_is_no_refusal(base_project: Path) -> None:
    """``x = 1`` in one plugin and ``let x`` in the other: the browser refuses neither (x = 1 gives
    the let its value, or makes a property the let hides), so no PD530."""
    _with_help(base_project, "let x = 1;\n", "x = 2;\n")
    assert [p.line for p in _found(base_project) if p.code in ("PD530", "PD531") and "'x'" in p.message] == []


def test_wrapped_plugins_with_the_same_inner_names_clash_with_nothing(base_project: Path) -> None:
    code = "(function () {\n    let count = 0;\n    class Timer {}\n" + _functions("") + _register("ID") + "})();\n"
    _with_help(base_project, code.replace("ID", "rec-1.0"), code.replace("ID", "help-1.0"))
    assert _found(base_project) == []


def test_one_plugin_alone_gets_nothing_new(base_project: Path) -> None:
    """A plugin alone clashes with nothing: PD501 as before, and two declarations of a name in one
    file are not a clash between plugins."""
    base_project.joinpath("webapp2", "plugins", "rec", "rec.plugin.js").write_text(
        "let count = 0;\nvar total;\ntotal = 1;\n" + _functions("") + _register("rec-1.0")
    )
    assert [p.code for p in _found(base_project)] == ["PD501"]


def test_plugins_that_never_load_together_clash_with_nothing(base_project: Path) -> None:
    """Switched off at start (not enabled), on other platforms only (web against iOS), or a file
    the browser refuses anyway (PD529: it declares nothing): nothing is said."""
    same = "let count = 0;\n"
    _with_help(base_project, same, same, enabled=False)
    assert [p.code for p in _found(base_project)] == ["PD501", "PD501"]

    shutil.rmtree(base_project / "webapp2" / "plugins" / "help")
    package = base_project / "webapp2" / "plugins" / "rec" / "rec.plugin.package.json"
    package.write_text(package.read_text().replace('"web", "electron", "ios", "android"', '"web"'))
    _with_help(base_project, same, same, platforms=["ios"])
    assert [p.code for p in _found(base_project)] == ["PD501", "PD501"]

    shutil.rmtree(base_project / "webapp2" / "plugins" / "help")
    _with_help(base_project, same, "let top = 1;\n" + same, platforms=["web"])
    assert [p.code for p in _found(base_project)] == ["PD529", "PD501", "PD501"]


def test_check_lists_both_sides_of_the_clash(base_project: Path) -> None:
    """What a CI job sees: ``check`` exits 1 and prints each file's line with the other's."""
    _with_help(base_project, "class Timer {}\n", "\nclass Timer {}\n")
    out = subprocess.run(
        [sys.executable, "-m", "designer", "check", str(base_project)], capture_output=True, text=True, check=False
    )
    assert out.returncode == 1
    lines = [line for line in out.stdout.splitlines() if "PD530" in line]
    assert [line.split(": error")[0].split("/webapp2/")[-1] for line in lines] == [f"{HELP}:2:7", f"{REC}:1:7"]
    assert f"({REC} line 1)" in lines[0] and f"({HELP} line 2)" in lines[1]


def test_duplicating_a_plugin_that_is_not_wrapped_shows_the_clash_in_both(window, qtbot, base_project: Path) -> None:
    """The usual way to get there: Plugin ▸ Duplicate on a plugin whose code is not in a wrapper.
    The Problems pane then shows PD530 under both plugins, and Enter on the copy's goes to its
    let in the copy's source."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QTreeWidget

    base_project.joinpath("webapp2", "plugins", "rec", "rec.plugin.js").write_text(
        "let recording = false;\n" + _functions("") + _register("rec-1.0")
    )
    window.open_path(base_project)
    view = window.problems_view
    assert [r.text(2) for r in view.problem_items() if r.text(2) in _CODES] == ["PD501"]
    tree = window.findChild(QTreeWidget, "projectTree")
    item = tree.topLevelItem(0).child(2)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center())
    window.findChild(QAction, "plugin_duplicateAction").trigger()
    assert window.package.plugins[-1].entry.id == "rec-1-0-copy"
    qtbot.waitUntil(lambda: sum(r.text(2) == "PD530" for r in view.problem_items()) == 2)
    rows = [r for r in view.problem_items() if r.text(2) == "PD530"]
    assert sorted(r.text(1) for r in rows) == [
        "plugins/rec-1-0-copy/rec.plugin.js:1:5",
        "plugins/rec/rec.plugin.js:1:5",
    ]
    copy = next(r for r in rows if "copy" in r.text(1))
    assert "the plugin 'Record' declares 'recording' with let" in copy.text(0)
    view.setCurrentItem(copy)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.source_pane
    assert window.source_editor.textCursor().blockNumber() == 0
    assert window.source_pane.current_file() == "plugins/rec-1-0-copy/rec.plugin.js"
