"""Every recipe as a non-developer makes it: through the wizard of the real window, on a copy of
the demo, with the keyboard, once with the suggested answers and once with awkward ones pasted in
(quotes, apostrophes, emoji, non-Latin letters, ``</script>``, ``${x}``, a backslash, optional
fields left empty). Then ``check --strict``, the JavaScript analysis, and the plugin run in the
preview: no error, its button where the recipe says, and pressing it (and its dialog's button)
sends what the recipe's description promises."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import tree_sitter_javascript
from conftest import EXAMPLE
from lxml import etree
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLineEdit, QListWidget, QMessageBox
from test_preview import _js, _open_menus, _preview_of, _wait_started
from tree_sitter import Language, Parser

from designer.cli import main
from designer.core.jsanalysis import analyse
from designer.core.model import load
from designer.core.preview import not_started_because
from designer.core.recipes import list_recipes, load_recipe
from designer.gui.main_window import MainWindow
from designer.gui.panes.recipe_wizard import RecipeWizard

RECIPES = [r.name for r in list_recipes()]
NAME = 'Zoë\'s "Quick" 🎉 会議 ${x} \\ </script>'  # the plugin's name: emoji and non-Latin letters too
TEXT = "</script><!-- ${x} `t` \\ 'q' \"d\" ☃ Привет"  # every other free text
BLAKE = "00000000-0000-4000-8000-000000000002"  # the demo meeting's guest with a raised hand
_PARSER = Parser(Language(tree_sitter_javascript.language()))


def _paste(qtbot: Any, line: QLineEdit, text: str) -> None:
    """Select all and paste, as a user does with text the keyboard cannot type (an emoji)."""
    QApplication.clipboard().setText(text)
    line.setFocus()
    qtbot.keyClick(line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text:
        qtbot.keyClick(line, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    else:
        qtbot.keyClick(line, Qt.Key.Key_Delete)
    assert line.text() == text[: line.maxLength()]


def _answer_awkwardly(qtbot: Any, wiz: RecipeWizard) -> None:
    """Awkward text in every free text, optional ones empty, yes/no flipped, the last option chosen."""
    for f in wiz.fields:
        if isinstance(f.widget, QCheckBox):
            f.widget.setFocus()
            qtbot.keyClick(f.widget, Qt.Key.Key_Space)
    for f in wiz.fields:  # after the ticks: a text they switch on is editable now
        p, w = f.param, f.widget
        if isinstance(w, QComboBox) and p.type != "participant_action":
            w.setFocus()
            qtbot.keyClick(w, Qt.Key.Key_End)
        elif isinstance(w, QLineEdit) and p.type == "text" and w.isEnabled():
            if not p.required:
                _paste(qtbot, w, "")
            elif not p.pattern:
                _paste(qtbot, w, NAME if p.key == "name" else TEXT)


def _add_by_keyboard(qtbot: Any, win: MainWindow, monkeypatch: Any, name: str, awkward: bool) -> RecipeWizard:
    """Ctrl+Shift+R, arrows to the recipe, Enter, the answers, Enter, Enter."""
    opened: list[RecipeWizard] = []

    def run(wiz: RecipeWizard) -> int:
        opened.append(wiz)
        wiz.show()  # exec() would block the test; the same pages, driven the same way
        wiz.activateWindow()
        gallery = wiz.findChild(QListWidget, "recipeGallery")
        qtbot.waitUntil(lambda: QApplication.focusWidget() is gallery)
        for _ in range(RECIPES.index(name)):
            qtbot.keyClick(gallery, Qt.Key.Key_Down)
        assert gallery.currentItem().data(Qt.ItemDataRole.UserRole) == name
        qtbot.keyClick(gallery, Qt.Key.Key_Return)
        if awkward:
            _answer_awkwardly(qtbot, wiz)
        assert wiz.errors() == [], wiz.errors()
        assert wiz.stack.currentIndex() == 1
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # Next: the files
        assert wiz.stack.currentIndex() == 2, QApplication.focusWidget()
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # Add plugin
        assert wiz.result() == wiz.DialogCode.Accepted
        return 1

    monkeypatch.setattr(RecipeWizard, "exec", run)
    action = win.findChild(QAction, "plugin_recipeAction")
    assert action.shortcut().toString() == "Ctrl+Shift+R"
    action.trigger()
    assert opened
    return opened[0]


def _assert_only_in_strings_and_comments(tree: Any, source: bytes, markers: list[bytes]) -> None:
    """The user's text is data: every place it appears in the code is inside a quoted string or a
    comment, never in a template literal (where ${x} would run) or in the code itself."""
    safe: list[tuple[int, int]] = []
    stack = [tree.root_node]
    while stack:
        node = stack.pop()
        if node.type in ("string", "comment"):
            safe.append((node.start_byte, node.end_byte))
        else:
            stack.extend(node.children)
    for marker in markers:
        start = source.find(marker)
        while start >= 0:
            assert any(a <= start and start + len(marker) <= b for a, b in safe), source[start - 80 : start + 80]
            start = source.find(marker, start + 1)


@pytest.fixture
def window(qtbot: Any, tmp_path: Path, monkeypatch: Any) -> MainWindow:
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    project = tmp_path / "demo"
    shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns(".plugin-designer"))
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    assert win.open_path(project)
    return win


@pytest.mark.parametrize("name", RECIPES)
@pytest.mark.parametrize("kind", ["suggested", "awkward"])
def test_recipe_made_in_the_wizard_passes_check_strict_and_runs(
    qtbot: Any, window: MainWindow, monkeypatch: Any, name: str, kind: str
) -> None:
    from designer.gui.preview import simulate

    recipe = load_recipe(name)
    wiz = _add_by_keyboard(qtbot, window, monkeypatch, name, kind == "awkward")
    answers = recipe.complete(wiz.answers())
    plugin = window.package.plugins[-1]
    pid = plugin.entry.id
    if kind == "awkward" and recipe.parameter("name").type == "text":
        assert plugin.display_name == NAME
    window.save()
    root = window.package.root  # webapp2/
    folder = root / "plugins" / pid
    assert main(["check", "--strict", str(root)]) == 0

    # The files: the JavaScript parses, the user's text in it only as data, and the analysis finds
    # the function each button runs; the package file holds the text as typed; the icons are SVG.
    source = (folder / f"{pid}.plugin.js").read_bytes()
    tree = _PARSER.parse(source)
    assert not tree.root_node.has_error, source.decode()
    assert b"</script" not in source
    if kind == "awkward":  # the name is at least in the opening comment
        assert "会議".encode() in source
    _assert_only_in_strings_and_comments(tree, source, ["会議".encode(), "Привет".encode()])
    package = json.loads((folder / f"{pid}.plugin.package.json").read_text(encoding="utf-8"))
    assert package["participantRoles"] == recipe.roles_for(answers)
    assert list(package["menuItems"]) == ([] if recipe.placement == "none" else [recipe.placement])
    info = analyse(source)
    assert info.syntax_errors == [] and info.leaks == []
    [registration] = info.registrations
    assert registration.id_value == pid
    for items in package["menuItems"].values():
        for item in items:
            key = registration.keys[item["action"]]  # the function the button runs is registered
            assert key.kind in ("identifier", "function") and key.missing is None, key
            if kind == "awkward" and item.get("label") is not None:  # None: set as it runs (state$)
                assert item["label"] in (TEXT, answers["name"]), item
    for svg in folder.glob("*.svg"):
        etree.fromstring(svg.read_bytes())

    # The preview: it starts for whom the recipe says, without error; a plugin with a button
    # does something when pressed (a request or a dialog).
    saved = load(root)
    for role in ("chair", "guest"):
        if role not in package["participantRoles"]:  # not started for them (the log says why)
            ours = next(p for p in saved.plugins if p.entry.id == pid)
            assert "not started for a Guest: it is for Hosts only" in str(not_started_because(ours, role, "web"))
            continue
        report = simulate(saved, role=role).as_json()
        run = next(p for p in report["plugins"] if p["id"] == pid)
        assert run["errors"] == [] and report["unattributed"] == [], run
        assert [w["kind"] for w in run["warnings"]] == (["blocked-request"] if name == "webhook" else [])
        steps = [s["step"] for s in run["steps"]]
        if recipe.placement == "none":
            assert steps == ["load", "unload", "load"]
        else:
            assert steps == ["load", "action", "unload", "load"]
            assert run["requests"] or run["dialogs"], run


def awkward_answers(name: str) -> dict[str, Any]:
    """What :func:`_answer_awkwardly` types, as answers (for the core's :func:`render`)."""
    recipe = load_recipe(name)
    out: dict[str, Any] = {}
    for p in recipe.parameters:
        if p.type == "boolean":
            out[p.key] = not p.default
    full = recipe.complete(out)
    for p in recipe.parameters:
        if p.options() and p.type != "participant_action":
            out[p.key] = p.options()[-1][0]
        elif p.type == "text" and (p.when is None or full.get(p.when) is True or ":" in p.when):
            if not p.required:
                out[p.key] = ""
            elif not p.pattern:
                out[p.key] = (NAME if p.key == "name" else TEXT)[: p.max_length]
    return out


_PRESS = """(function () {
    var b = document.querySelector('[data-plugin="%s"]');
    if (!b) { return 'none'; }
    b.click();
    return b.dataset.kind;
})()"""
_IN_DIALOG = """(function () {
    var ds = document.querySelectorAll('.pd-dialog .pd-dialog-body'), d = ds[ds.length - 1];
    if (!d) { return null; }
    var i = d.querySelector('input');
    if (i) { i.value = i.id.indexOf('digits') >= 0 ? '12#*' : %s; }
    var b = d.querySelector('button');
    if (b) { b.click(); }
    return d.textContent;
})()"""


# What pressing each recipe's button (and then its dialog's first button) sends, with the awkward
# answers: the choices' last options, every yes/no flipped (so Mute all guests asks nothing and the
# Participant action asks first): the requests, as (path, payload).
PRESSED: dict[str, list[tuple[str, Any]]] = {
    "layout-chooser": [("/transform_layout", {"transforms": {"layout": "ac"}})],
    "lock-toggle": [("/lock", None)],
    "conference-info": [],
    "mute-guests": [("/muteguests", None)],
    "participant-action": [(f"/participants/{BLAKE}/mute", None)],
    "raised-hands": [("/clearallbuzz", None)],
    "record-stream": [("dialOut", {"alias": "recorder@example.com", "protocol": "mssip", "role": "guest"})],
    "overlay-text": [(f"/participants/{BLAKE}/overlaytext", {"text": TEXT})],
    "send-dtmf": [(f"/participants/{BLAKE}/dtmf", {"digits": "12#*"})],
    "spotlight": [(f"/participants/{BLAKE}/spotlighton", None)],
    "webhook": [],  # a fetch to another server: blocked in the preview, and said so
}
_DIALOG = """(function () {
    var ds = document.querySelectorAll('.pd-dialog'), d = ds[ds.length - 1];
    return JSON.stringify(d ? [d.querySelector('.pd-dialog-title').textContent, d.querySelector('.pd-dialog-body').textContent] : null);
})()"""


def _dialog(qtbot: Any, pane: Any) -> Any:
    """The title and text of the dialog on top, or None."""
    return json.loads(_js(qtbot, pane.page, _DIALOG))


def _requests(pane: Any, since: int) -> list[tuple[str, Any]]:
    return [(e["path"], e["payload"]) for e in pane.events[since:] if e.get("type") == "request"]


def test_every_recipe_with_awkward_answers_does_in_the_preview_what_it_says(qtbot: Any, tmp_path: Path) -> None:
    from urllib.parse import quote

    from designer.core.model import save
    from designer.core.plugins import add_plugin_files, unique_id
    from designer.core.recipes import render

    project = tmp_path / "demo"
    shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns(".plugin-designer"))
    pkg = load(project)
    ids = {}
    for name in RECIPES:
        ids[name] = unique_id(pkg, name)  # the demo has a Lock toggle of its own
        add_plugin_files(pkg, render(load_recipe(name), awkward_answers(name), ids[name]))
    save(pkg)
    assert set(PRESSED) == {n for n in RECIPES if load_recipe(n).placement != "none"}
    with _preview_of(qtbot, project) as pane:
        _open_menus(qtbot, pane.page)
        kinds = _js(
            qtbot,
            pane.page,
            "JSON.stringify(Array.from(document.querySelectorAll('[data-plugin]')).map(function (b) { return [b.dataset.plugin, b.dataset.kind]; }))",
        )
        shown = {pid: kind for pid, kind in json.loads(kinds)}
        for name, expected in PRESSED.items():
            pane.reset_meeting()
            _wait_started(qtbot, pane)
            _open_menus(qtbot, pane.page)
            assert shown.get(ids[name]) == load_recipe(name).placement, name
            since = len(pane.events)
            assert _js(qtbot, pane.page, _PRESS % ids[name]) == load_recipe(name).placement
            if name in ("lock-toggle", "mute-guests", "record-stream", "spotlight"):
                qtbot.waitUntil(lambda s=since: bool(_requests(pane, s)), timeout=5000)
            else:  # a dialog first: its title and text are the user's text, shown as text
                qtbot.waitUntil(lambda: _dialog(qtbot, pane) is not None, timeout=5000)
                title, body = _dialog(qtbot, pane)
                assert TEXT in title + body, (name, title, body)
                _js(qtbot, pane.page, _IN_DIALOG % json.dumps(TEXT))
                if expected:
                    qtbot.waitUntil(lambda s=since: bool(_requests(pane, s)), timeout=5000)
            assert _requests(pane, since) == expected, name
            if name == "webhook":
                assert any(e.get("kind") == "blocked-request" for e in pane.events[since:])
            errors = [e for e in pane.events[since:] if e.get("type") == "error"]
            assert errors == [], errors

        # In the background: a meeting link with ?autolock=<anything> (the value left empty: any
        # value starts it) lowers all hands and posts the chat message; a chat message that is
        # the watched word (the whole message) pops up the notice.
        pane.sim_query.setText("autolock=" + quote("any ☃ value"))
        pane.reload()  # the log and its events start again
        _wait_started(qtbot, pane)
        since = 0
        qtbot.waitUntil(lambda: len(_requests(pane, since)) >= 2, timeout=5000)
        assert _requests(pane, since) == [("/clearallbuzz", None), ("sendChatMessage", {"text": TEXT})]
        pane.sim_send_chat("not " + TEXT)
        pane.sim_send_chat(TEXT)
        qtbot.waitUntil(lambda: _dialog(qtbot, pane) is not None, timeout=5000)
        title, body = _dialog(qtbot, pane)
        assert title == TEXT and body.count(TEXT) == 2, (title, body)  # the notice's text and the message
        assert [e for e in pane.events[since:] if e.get("type") == "error"] == []

        # A guest gets only what the recipes offer guests.
        pane.set_role("guest")
        _wait_started(qtbot, pane)
        _open_menus(qtbot, pane.page)
        kinds = _js(
            qtbot,
            pane.page,
            "JSON.stringify(Array.from(document.querySelectorAll('[data-plugin]')).map(function (b) { return b.dataset.plugin; }))",
        )
        ours = set(json.loads(kinds)) & set(ids.values())
        assert ours == {
            ids[n] for n in PRESSED if "guest" in load_recipe(n).roles_for(load_recipe(n).complete(awkward_answers(n)))
        }
