"""Snippets (expander, Tab prefixes, tab stops, the browser), completion and hover docs."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from conftest import shown
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor

from designer.core import pexapi
from designer.core.resources import resource
from designer.core.snippets import expand, find_prefix, load_snippets, search
from designer.gui.panes.source_assist import LABEL_ROLE, SnippetBrowser, text_after_cursor
from designer.gui.panes.source_editor import SourcePane
from designer.gui.viewports import viewport_of

# -- core -------------------------------------------------------------------------------------


def test_expand_placeholders_defaults_mirrors_and_final_stop() -> None:
    e = expand("f(${1:a}, $2) {\n    $0\n}; ${1:a}")
    assert e.text == "f(a, ) {\n    \n}; a"
    assert [s.number for s in e.stops] == [1, 2, 0]
    assert e.stops[0].ranges == [(2, 3), (17, 18)]
    assert e.stops[1].ranges == [(5, 5)]
    assert e.stops[2].ranges == [(13, 13)]


def test_expand_indents_nested_braces_escapes_and_implicit_end() -> None:
    e = expand("var ${1:state$} = f(${2:{}});\nx = \\$1;", indent="  ")
    assert e.text == "var state$ = f({});\n  x = $1;"
    assert e.stops[0].ranges == [(4, 10)] and e.stops[1].ranges == [(15, 17)]
    assert e.stops[-1].number == 0 and e.stops[-1].ranges == [(len(e.text), len(e.text))]


def test_snippet_data_covers_the_api() -> None:
    snippets = load_snippets()
    prefixes = [s.prefix for s in snippets]
    assert len(prefixes) == len(set(prefixes))
    texts = "\n".join(expand(s).text for s in snippets)
    api = json.loads(resource("api", "pexip.json").read_text(encoding="utf-8"))
    for f in api["pluginAPI"]:
        assert f"PEX.pluginAPI.{f['name']}(" in texts, f["name"]
    for path, _payload, _doc in api["conference_requests"]:
        assert f"sendRequest('{path}'" in texts, path
    for name, _payload, _doc in api["participant_requests"]:
        assert f"+ '/{name}'" in texts, name
    for a in api["actions"]:
        assert f"ofType(PEX.actions.{a['name']})" in texts
    for layout, _doc in api["layouts"]:
        assert f"transformConferenceLayout({{layout: '{layout}'}})" in texts
    assert "{digits: '1234#'}" in texts and "PEX.conferenceQueryParams[" in texts
    assert "dialogRef.close$.subscribe" in texts and "state$.next({" in texts
    for prefix in ("iife", "register", "load", "unload", "state", "dialog", "queryparams"):
        assert find_prefix(prefix) is not None
    assert [s.prefix for s in search("dtmf")] == ["preqdtmf"]
    assert search("layout")[0].prefix.startswith("layout")


def test_every_request_the_checks_know_is_offered_with_a_snippet() -> None:
    """Letting someone in from the waiting room (/participants/<uuid>/unlock), presentation rights
    and /start_conference passed the check but completion and the snippets did not offer them:
    the API reference and the checks' lists of known requests must be the same."""
    from designer.core.jsanalysis import CONFERENCE_REQUESTS, PARTICIPANT_REQUESTS

    api = json.loads(resource("api", "pexip.json").read_text(encoding="utf-8"))
    assert sorted(p.lstrip("/") for p, _payload, _doc in api["conference_requests"]) == sorted(CONFERENCE_REQUESTS)
    assert sorted(n for n, _payload, _doc in api["participant_requests"]) == sorted(PARTICIPANT_REQUESTS)
    _typed, items = pexapi.completions("PEX.pluginAPI.sendRequest('/")
    docs = {c.label: c.doc for c in items}
    for path in ("/start_conference", "/participants/<uuid>/unlock", "/participants/<uuid>/denyrxpresentation"):
        assert "hosts only" in docs[path], path
    assert [s.prefix for s in search("waiting room")] == ["prequnlock"]


def test_completion_knows_functions_named_in_any_language() -> None:
    """A menu item's action may be named 静音 or ñu (the form takes them): completion missed such
    functions and, after 静 typed, put the chosen name after it (静PEX) instead of finishing it."""
    source = "function 静音() {}\nconst ñu = () => 1;\nfunction función(a) {}\n"
    typed, items = pexapi.completions("    静", source)
    assert typed == "静" and {"静音", "ñu", "función"} <= {c.label for c in items}
    assert pexapi.completions("x = ñ", source)[0] == "ñ"


@pytest.mark.parametrize(
    ("line", "typed", "expected"),
    [
        ("PEX.", "", {"pluginAPI", "actions$", "actions", "conferenceQueryParams"}),
        ("    PEX.pluginAPI.sen", "sen", {"sendRequest", "registerPlugin", "dialOut"}),
        ("pluginAPI.", "", {"transformConferenceLayout", "sendChatMessage"}),
        ("PEX.actions$.ofType(PEX.actions.", "", {"RECEIVE_CHAT_MESSAGE", "PARTICIPANT_CONNECT_SUCCESS"}),
        ("if (participant.", "", {"uuid", "buzzTime", "canMute"}),
        ("if (p.", "", {"uuid", "role"}),
        ("x = participants[i].na", "na", {"name"}),
        ("if (conferenceDetails.", "", {"locked", "guestsMuted", "mediaType"}),
        ("details.", "", {"started", "chatEnabled"}),
        ("PEX.pluginAPI.sendRequest('/lo", "/lo", {"/lock"}),
        ("sendRequest('/participants/' + p.uuid + '/dt", "/dt", {"/dtmf"}),
        ("sendRequest(`/participants/${p.uuid}/dt", "/dt", {"/dtmf"}),  # the same in a template string
    ],
)
def test_completion_lists(line: str, typed: str, expected: set[str]) -> None:
    got_typed, items = pexapi.completions(line)
    assert got_typed == typed
    assert expected <= {c.label for c in items}


def test_completion_of_bare_words_offers_the_files_functions() -> None:
    source = "function load(participants$, conferenceDetails$) {}\nconst onClick = (p) => 1;\nvar x = 2;\n"
    typed, items = pexapi.completions("on", source)
    assert typed == "on"
    by_label = {c.label: c for c in items}
    assert {"PEX", "load", "onClick"} <= set(by_label)
    assert by_label["onClick"].detail == "onClick(p)" and "line 2" in by_label["onClick"].doc
    assert pexapi.completions("unknown.")[1] == []
    assert "{digits: '1234#'}" in {c.detail for c in pexapi.completions("sendRequest('/participants/")[1]}


def test_hover_docs() -> None:
    line = "PEX.pluginAPI.sendRequest('/lock'); if (participant.muted) {}"
    assert "sendRequest(path, payload?)" in pexapi.hover_doc(line, line.index("sendRequest") + 2)
    assert pexapi.hover_doc(line, line.index("muted") + 1).startswith("boolean")
    assert "plugin API object" in pexapi.hover_doc(line, 1)
    assert pexapi.hover_doc("var foo = 1;", 5) == ""


# -- editor -----------------------------------------------------------------------------------


@pytest.fixture
def pane(qtbot) -> SourcePane:
    pane = shown(qtbot, SourcePane(), 700, 400)
    pane.show_file("a.plugin.js", "(function () {\n    \n})();\n", read_only=False)
    editor = pane.editor
    cursor = editor.textCursor()
    cursor.setPosition(len("(function () {\n    "))
    editor.setTextCursor(cursor)
    editor.setFocus()
    return pane


def test_prefix_tab_expands_and_tab_stops_navigate(pane: SourcePane, qtbot) -> None:
    editor = pane.editor
    edited: list[str] = []
    editor.sig_edited.connect(lambda: edited.append(editor.text()))
    qtbot.keyClicks(editor, "register")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert "PEX.pluginAPI.registerPlugin({\n        id: 'my-plugin'," in editor.toPlainText()
    assert editor.textCursor().selectedText() == "my-plugin"  # the first placeholder is selected
    qtbot.keyClicks(editor, "hands-up")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.textCursor().selectedText() == "onClick"
    qtbot.keyClicks(editor, "raise")
    qtbot.keyClick(editor, Qt.Key.Key_Backtab)  # back to the id, typed text kept
    assert editor.textCursor().selectedText() == "hands-up"
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.textCursor().selectedText() == "raise"
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # to $0: the snippet is done
    assert editor.snippet is None
    text = editor.toPlainText()
    assert "id: 'hands-up'," in text and "        raise: raise\n    });" in text  # the mirror follows
    assert edited and edited[-1] == editor.text()
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # no snippet: a soft tab again
    assert editor.textCursor().block().text() == "    });" + " " * (4 - len("    });") % 4)


def test_escape_leaves_snippet_mode_and_unknown_prefix_is_a_tab(pane: SourcePane, qtbot) -> None:
    editor = pane.editor
    qtbot.keyClicks(editor, "reqlock")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert "PEX.pluginAPI.sendRequest('/lock').then(function (response) {" in editor.toPlainText()
    assert editor.snippet is None  # only $0: the cursor went straight to the body
    assert editor.textCursor().block().text() == "        "
    qtbot.keyClicks(editor, "preqmute")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.snippet is not None and editor.textCursor().selectedText() == "participant.uuid"
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert editor.snippet is None
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, "nosuchsnippet")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.toPlainText().endswith("nosuchsnippet   ")


def test_snippet_browser_searches_and_inserts(pane: SourcePane, qtbot) -> None:
    editor = pane.editor
    pane.actions_["snippets"].trigger()
    dialog = pane.findChild(type(editor.open_snippet_browser()), "snippetBrowser")  # the one just opened
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.search, "keypad tones")
    assert dialog.list.count() == 1
    assert "Send keypad tones" in dialog.detail.text()
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    line = editor.textCursor().block().text()
    assert "'/dtmf', {digits: '1234#'}" in line
    assert editor.textCursor().selectedText() == "participant.uuid"
    for d in pane.findChildren(type(dialog)):
        d.close()


@pytest.mark.parametrize(
    ("text", "at", "lines"),
    [
        # A word alone on its line was typed to find the snippet: the snippet takes its place.
        ("(function () {\n    load\n})();\n", "    lo", ["(function () {", "    PEX"]),
        ("(function () {\n    load\n})();\n", "    load", ["(function () {", "    PEX"]),
        # A word in code is part of a statement: the snippet goes on a line of its own below.
        ("(function () {\n    x.load();\n})();\n", "    x.lo", ["(function () {", "    x.load();", "    PEX"]),
        ("function load() {\n}\n", "function lo", ["function load() {", "    PEX"]),
    ],
)
def test_a_snippet_chosen_at_a_word_does_not_go_between_its_letters(
    pane: SourcePane, qtbot, text: str, at: str, lines: list[str]
) -> None:
    """Ctrl+J with the cursor in ``lo|ad`` put the chosen snippet between the letters:
    ``lo<snippet>ad``."""
    editor = pane.editor
    pane.show_file("a.plugin.js", text, read_only=False)
    cursor = editor.textCursor()
    cursor.setPosition(text.index(at) + len(at))
    editor.setTextCursor(cursor)
    editor.setFocus()
    pane.actions_["snippets"].trigger()
    (dialog,) = [d for d in pane.findChildren(SnippetBrowser) if d.isVisible()]
    qtbot.keyClicks(dialog.search, "keypad tones")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    got = editor.toPlainText().split("\n")
    assert got[: len(lines) - 1] == lines[:-1]
    assert got[len(lines) - 1].startswith(lines[-1] + ".pluginAPI.sendRequest('/participants/' + participant.uuid")
    assert editor.textCursor().selectedText() == "participant.uuid"  # its first stop, ready to type over
    assert "loPEX" not in editor.toPlainText()


def test_completion_popup_after_a_dot_and_accepting_inserts(pane: SourcePane, qtbot) -> None:
    editor = pane.editor
    qtbot.keyClicks(editor, "PEX.")
    helper = editor.completion
    assert helper.popup_visible()
    qtbot.keyClicks(editor, "plu")
    assert helper.completer.currentCompletion() == "pluginAPI"
    qtbot.keyClick(helper.completer.popup(), Qt.Key.Key_Return)
    assert not helper.popup_visible()
    assert editor.textCursor().block().text() == "    PEX.pluginAPI"
    qtbot.keyClicks(editor, ".sendReq")
    assert helper.completer.currentCompletion() == "sendRequest"
    qtbot.keyClick(helper.completer.popup(), Qt.Key.Key_Tab)
    assert editor.textCursor().block().text() == "    PEX.pluginAPI.sendRequest()"  # (the cursor inside)
    qtbot.keyClicks(editor, "'/mu")
    assert helper.popup_visible() and helper.completer.currentCompletion() == "/muteguests"
    qtbot.keyClick(helper.completer.popup(), Qt.Key.Key_Return)
    assert editor.textCursor().block().text() == "    PEX.pluginAPI.sendRequest('/muteguests)"
    qtbot.keyClicks(editor, "');")
    assert editor.textCursor().block().text() == "    PEX.pluginAPI.sendRequest('/muteguests');"
    assert not helper.popup_visible()


def test_the_completion_list_stays_open_while_the_checks_run(window, qtbot, example_project) -> None:
    """In the window, the checks after each keystroke showed the file again by way of the overview
    page: the editor was hidden for a moment, and the list closed before one could choose in it."""
    from conftest import open_in_editor

    editor = open_in_editor(window, example_project, "plugins/lock-toggle/lock-toggle.plugin.js")
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    qtbot.keyClick(editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "PEX.plu")
    helper = editor.completion
    assert helper.popup_visible() and window._recheck.isActive()
    qtbot.waitUntil(lambda: not window._recheck.isActive())  # the checks have run
    assert helper.popup_visible() and editor.hasFocus()
    qtbot.keyClick(helper.completer.popup(), Qt.Key.Key_Return)
    assert editor.textCursor().block().text() == "PEX.pluginAPI"


def test_ctrl_space_offers_local_functions_and_escape_closes(pane: SourcePane, qtbot) -> None:
    editor = pane.editor
    editor.replace_text("function sayHello(name) {}\n" + editor.toPlainText())
    qtbot.keyClicks(editor, "say")
    qtbot.keyClick(editor, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    helper = editor.completion
    assert helper.popup_visible() and helper.completer.currentCompletion() == "sayHello"
    qtbot.keyClick(helper.completer.popup(), Qt.Key.Key_Escape)
    assert not helper.popup_visible()
    assert editor.textCursor().block().text() == "    say"


def _listed(helper) -> list[str]:
    """The names the completion list shows, in order."""
    model = helper.completer.completionModel()
    return [model.index(row, 0).data(LABEL_ROLE) for row in range(model.rowCount())]


def _ctrl_space(qtbot, editor) -> None:
    qtbot.keyClick(editor, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)


def test_typing_with_the_list_open_reads_the_files_names_once(pane: SourcePane, qtbot, monkeypatch) -> None:
    """Every keystroke with the list open read all of the file's names again and listed them row by
    row: a third of a second a keystroke in a 10,000-line file. They are read once for the word."""
    editor = pane.editor
    editor.replace_text("function helperOne(a) {}\nconst helperTwo = 2;\n" + editor.toPlainText())
    reads: list[int] = []
    real = pexapi.local_completions
    monkeypatch.setattr(pexapi, "local_completions", lambda text: reads.append(1) or real(text))
    qtbot.keyClicks(editor, "h")
    _ctrl_space(qtbot, editor)
    qtbot.keyClicks(editor, "elpx")
    helper = editor.completion
    assert not helper.popup_visible()  # nothing has "helpx" in it
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    _ctrl_space(qtbot, editor)
    qtbot.keyClicks(editor, "erT")
    assert helper.popup_visible() and _listed(helper) == ["helperTwo"]
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    assert _listed(helper) == ["helperOne", "helperTwo"]
    assert len(reads) == 1


def test_the_list_is_filled_once_while_typing_keeps_its_names(pane: SourcePane, qtbot) -> None:
    """The list was emptied and filled again row by row on every keystroke (the completer filtered
    it again for each row: a quarter of a second a keystroke with a thousand names). Now it holds
    only the names that match, is filled in one go, and is left as it is while the completer's own
    filter of it shows what a new list would; its rows are measured again only when that may
    change the list's width."""
    editor = pane.editor
    editor.replace_text("".join(f"function helper{i}() {{}}\n" for i in range(30)) + editor.toPlainText())
    helper = editor.completion
    popup = helper.completer.popup()
    inserted: list[int] = []
    helper.model.rowsInserted.connect(lambda _parent, first, last: inserted.append(last - first + 1))
    measured: list[int] = []
    whole = popup.sizeHintForColumn
    popup.sizeHintForColumn = lambda column: measured.append(helper.completer.completionCount()) or whole(column)
    qtbot.keyClicks(editor, "h")
    _ctrl_space(qtbot, editor)
    qtbot.keyClicks(editor, "elper")  # the same thirty names match all the way
    assert helper.popup_visible() and len(_listed(helper)) == 30
    qtbot.keyClicks(editor, "2")  # helper2, helper20 ... helper29
    assert _listed(helper) == ["helper2", *(f"helper2{i}" for i in range(10))]
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    assert len(_listed(helper)) == 30
    # Filled and measured once, when the list opened: fewer of the same rows are no wider, and
    # the list is as wide as the least width anyway (see the test below for a wider list).
    assert inserted == [30] and measured == [30]
    helper.completer.popup().hide()


def test_the_list_offers_the_names_added_elsewhere_since(pane: SourcePane, qtbot) -> None:
    """The names kept while a word is typed are read again after an edit anywhere else."""
    editor = pane.editor
    helper = editor.completion
    editor.replace_text("function helperOne(a) {}\n" + editor.toPlainText())
    qtbot.keyClicks(editor, "helper")
    _ctrl_space(qtbot, editor)
    assert _listed(helper) == ["helperOne"]
    qtbot.keyClick(helper.completer.popup(), Qt.Key.Key_Escape)
    word_end = editor.textCursor().position()
    cursor = editor.textCursor()
    cursor.setPosition(0)
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, "const helperNew = 1;")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    cursor.setPosition(word_end + len("const helperNew = 1;\n"))
    editor.setTextCursor(cursor)
    assert editor.textCursor().block().text() == "    helper"
    _ctrl_space(qtbot, editor)
    assert _listed(helper) == ["helperOne", "helperNew"]  # (the file's functions, then its variables)


def test_hover_tooltip_shows_api_docs(pane: SourcePane, qtbot, monkeypatch) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    shown: list[str] = []
    monkeypatch.setattr(QToolTip, "showText", lambda _pos, text, *_a: shown.append(text))
    editor = pane.editor
    editor.replace_text("PEX.pluginAPI.sendChatMessage('hi');\n")
    cursor = QTextCursor(editor.document())
    cursor.setPosition(len("PEX.pluginAPI.send"))
    rect = editor.cursorRect(cursor)
    pos = QPoint(rect.center().x(), rect.center().y())
    editor.viewportEvent(QHelpEvent(QEvent.Type.ToolTip, pos, editor.viewport().mapToGlobal(pos)))
    assert shown and "sendChatMessage(text)" in shown[0]


# -- colouring beyond the screen ------------------------------------------------------------


def test_lines_a_keystroke_leaves_off_screen_are_coloured_after_a_pause(qtbot) -> None:
    """Typing a backtick changes the state of every later line: only the visible part is re-lexed
    at once, the rest from a timer, and the result equals colouring from scratch."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QPlainTextDocumentLayout

    from designer.gui.highlight import SyntaxHighlighter, block_formats, language_for

    pane = SourcePane()
    qtbot.addWidget(pane)
    pane.resize(600, 300)
    pane.show()
    text = "".join(f"const a{i} = `x{i}` + f(/* c */ {i});\n" for i in range(1500))
    editor = pane.editor
    pane.show_file("big.plugin.js", text, read_only=False)
    # A big file gets its colours from the next turn of the loop: no lexer yet, nothing coloured.
    assert editor.highlighter.language is None and not editor.colouring_done()
    assert all(not ranges for ranges in block_formats(editor.document())[:50])
    qtbot.waitUntil(editor.colouring_done, timeout=5000)
    cursor = editor.textCursor()
    cursor.setPosition(len("const a0 = "))
    editor.setTextCursor(cursor)
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_QuoteLeft)
    hl = editor.highlighter
    assert hl.dirty_from is not None and hl.dirty_from < 200  # the rest waits
    qtbot.waitUntil(editor.colouring_done, timeout=5000)

    from PySide6.QtGui import QTextDocument

    doc = QTextDocument()
    doc.setDocumentLayout(QPlainTextDocumentLayout(doc))
    doc.setPlainText(editor.toPlainText())
    fresh = SyntaxHighlighter(doc, language_for("f.js"))
    QCoreApplication.processEvents()
    assert fresh.limit is None
    assert block_formats(editor.document()) == block_formats(doc)


def test_hover_shows_a_doc_only_over_the_word(pane: SourcePane, qtbot) -> None:
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    editor = pane.editor
    editor.setPlainText("var api = window.PEX.pluginAPI;\n")
    block = editor.document().firstBlock()

    def tip_at(x: int) -> str:
        shown: list[str] = []
        real = QToolTip.showText
        QToolTip.showText = lambda _pos, text, *_a: shown.append(text)  # what the editor asks to show
        try:
            y = editor.cursorRect(QTextCursor(block)).center().y()
            event = QHelpEvent(QHelpEvent.Type.ToolTip, QPoint(x, y), editor.viewport().mapToGlobal(QPoint(x, y)))
            QApplication.sendEvent(editor.viewport(), event)
        finally:
            QToolTip.showText = real
        return "".join(shown)

    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + len("var api = window.PEX.plug"))
    assert "plugin API" in tip_at(editor.cursorRect(cursor).left())  # window.PEX is PEX
    end = QTextCursor(block)
    end.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    assert tip_at(editor.cursorRect(end).left() + 300) == ""  # far right of the line: nothing


def test_completion_reads_a_line_with_an_emoji_right(pane: SourcePane, qtbot) -> None:
    """Qt's column counts an emoji twice: the line was cut too far and 'PEX.' was not seen."""
    editor = pane.editor
    editor.insertPlainText("console.log('🔒', );")  # (QTest cannot type a character beyond the BMP)
    editor.moveCursor(QTextCursor.MoveOperation.Left)
    editor.moveCursor(QTextCursor.MoveOperation.Left)  # before ");": the line goes on after the cursor
    qtbot.keyClicks(editor, "PEX.")
    assert editor.completion.popup_visible()
    assert editor.completion.completer.currentCompletion() == "pluginAPI"
    editor.completion.completer.popup().hide()


def test_leaving_a_snippet_ends_it_and_fills_in_its_copies(pane: SourcePane, qtbot) -> None:
    """A click elsewhere ends the snippet: the copy of a repeated stop was left at its default
    ('raise: onClick' saved), and Tab far below jumped back into the snippet."""
    editor = pane.editor
    qtbot.keyClicks(editor, "register")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # to the action, whose name is also the registered value
    qtbot.keyClicks(editor, "raise")
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)  # as a click below the snippet does
    assert editor.snippet is None
    assert "        raise: raise\n" in editor.toPlainText()
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.textCursor().position() >= len(editor.toPlainText()) - 4  # indented here, not there


@pytest.mark.parametrize("words", ["url", "web page", "website", "link"])
def test_a_non_developer_finds_how_to_open_a_web_page(pane: SourcePane, qtbot, words: str) -> None:
    """Searching the snippets for a URL or a web page found nothing: opening one needed JavaScript
    written by hand."""
    editor = pane.editor
    pane.actions_["snippets"].trigger()
    dialog = pane.findChild(type(editor.open_snippet_browser()), "snippetBrowser")
    qtbot.keyClicks(dialog.search, words)
    assert dialog.list.count() >= 1
    assert "Open a web page in a new tab" in [dialog.list.item(i).text() for i in range(dialog.list.count())][0]
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert "window.open('https://www.example.com/', '_blank', 'noopener');" in editor.textCursor().block().text()
    assert editor.textCursor().selectedText() == "https://www.example.com/"
    for d in pane.findChildren(type(dialog)):
        d.close()


@pytest.mark.parametrize("quote", ["'", "`"])
def test_a_participant_path_is_completed_as_code_with_the_uuid_selected(pane: SourcePane, qtbot, quote: str) -> None:
    """'/participants/<uuid>/mute' went in literally: a request for the text <uuid> (PD511), which a
    non-developer could not turn into code."""
    editor = pane.editor
    qtbot.keyClicks(editor, f"PEX.pluginAPI.sendRequest({quote}/participants/<uuid>/mu")
    helper = editor.completion
    qtbot.waitUntil(helper.popup_visible)
    assert helper.completer.currentCompletion() == "/participants/<uuid>/mute"
    qtbot.keyClick(helper.completer.popup(), Qt.Key.Key_Return)
    code = "' + participant.uuid + '" if quote == "'" else "${participant.uuid}"
    assert editor.textCursor().block().text() == f"    PEX.pluginAPI.sendRequest({quote}/participants/{code}/mute"
    assert editor.textCursor().selectedText() == "participant.uuid"
    qtbot.keyClicks(editor, "p.uuid")  # typing replaces it
    assert editor.textCursor().block().text().endswith(code.replace("participant.uuid", "p.uuid") + "/mute")


def test_a_template_string_request_completes_after_its_uuid(pane: SourcePane, qtbot) -> None:
    """`/participants/${p.uuid}/ offered nothing, where '/participants/' + p.uuid + '/ offers the
    request's own part: the whole path was matched against text starting with the uuid's code."""
    editor = pane.editor
    qtbot.keyClicks(editor, "PEX.pluginAPI.sendRequest(`/participants/${p.uuid}/mu")
    helper = editor.completion
    qtbot.waitUntil(helper.popup_visible)
    assert helper.completer.currentCompletion() == "/mute"
    qtbot.keyClick(helper.completer.popup(), Qt.Key.Key_Return)
    assert editor.textCursor().block().text() == "    PEX.pluginAPI.sendRequest(`/participants/${p.uuid}/mute"


@pytest.mark.parametrize(
    ("typed", "offered"),
    [
        ("// the participant.", []),  # a comment
        ("/* ask hel", []),
        ("var s = 'hel", []),  # an ordinary string
        ('var s = "participant.', []),
        ("PEX.pluginAPI.sendRequest('/lo", ["/lock"]),  # a request's path is a string too
        ("var t = `${hel", ["helperOne"]),  # code inside a template string
    ],
)
def test_ctrl_space_offers_no_code_in_a_comment_or_a_string(
    pane: SourcePane, qtbot, typed: str, offered: list[str]
) -> None:
    """Ctrl+Space in "// the participant." listed the participant's properties and in 'hel' the
    file's functions: choosing one put code into the comment or the text."""
    editor = pane.editor
    editor.replace_text("function helperOne(a) {}\n" + editor.toPlainText())
    qtbot.keyClicks(editor, typed)
    _ctrl_space(qtbot, editor)
    helper = editor.completion
    assert helper.popup_visible() == bool(offered)
    if offered:
        assert _listed(helper) == offered
        qtbot.keyClick(helper.completer.popup(), Qt.Key.Key_Escape)


def test_the_copies_of_a_tab_stop_follow_as_it_is_typed(pane: SourcePane, qtbot) -> None:
    """Typing 'room' over ``var ${1:value} = ...; if ($1)`` left ``if (value)`` until Tab: the code
    on screen read as a mistake while the name was being typed."""
    editor = pane.editor
    qtbot.keyClicks(editor, "queryparams")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.textCursor().selectedText() == "value"
    qtbot.keyClicks(editor, "rooms")
    assert "    var rooms = PEX.conferenceQueryParams['name'];\n    if (rooms) {\n" in editor.toPlainText()
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    assert "    var room = PEX.conferenceQueryParams['name'];\n    if (room) {\n" in editor.toPlainText()
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.textCursor().selectedText() == "name"


@pytest.mark.parametrize(
    ("typed", "chosen", "line", "column"),
    [
        ("PEX.pluginAPI.sendChat", "sendChatMessage", "    PEX.pluginAPI.sendChatMessage()", -1),  # takes text
        ("dialogRef.clo", "close", "    dialogRef.close()", 0),  # takes nothing: after the parentheses
        ("say", "sayHello", "    sayHello()", -1),  # the file's own function, with a parameter
        ("ti", "tick", "    tick()", 0),
        ("participant.uu", "uuid", "    participant.uuid", 0),  # a property: its name only
        ("PEX.plu", "pluginAPI", "    PEX.pluginAPI", 0),
        ("gre", "greeting", "    greeting", 0),  # a variable
        ("PEX.pluginAPI.sendRequest('/lo", "/lock", "    PEX.pluginAPI.sendRequest('/lock", 0),  # a path
    ],
)
def test_accepting_a_function_writes_its_parentheses(
    pane: SourcePane, qtbot, typed: str, chosen: str, line: str, column: int
) -> None:
    """Accepting a function from the list wrote its name only: the user typed the parentheses by
    hand, where a code editor writes them, the cursor between them when the function takes arguments."""
    editor = pane.editor
    editor.replace_text("function sayHello(name) {}\nfunction tick() {}\nvar greeting = 1;\n" + editor.toPlainText())
    qtbot.keyClicks(editor, typed)
    _ctrl_space(qtbot, editor)
    helper = editor.completion
    assert helper.completer.currentCompletion() == chosen
    qtbot.keyClick(helper.completer.popup(), Qt.Key.Key_Return)
    cursor = editor.textCursor()
    assert cursor.block().text() == line
    assert cursor.positionInBlock() == len(line) + column


def test_a_function_followed_by_its_parenthesis_gets_no_second_one(pane: SourcePane, qtbot) -> None:
    """Completing a name already followed by ``(`` (a call being renamed) leaves the call as it is."""
    editor = pane.editor
    qtbot.keyClicks(editor, "PEX.pluginAPI.('hi');")
    cursor = editor.textCursor()
    cursor.setPosition(cursor.position() - len("('hi');"))
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, "sendChat")
    _ctrl_space(qtbot, editor)
    qtbot.keyClick(editor.completion.completer.popup(), Qt.Key.Key_Return)
    assert editor.textCursor().block().text() == "    PEX.pluginAPI.sendChatMessage('hi');"
    assert editor.textCursor().positionInBlock() == len("    PEX.pluginAPI.sendChatMessage")


@pytest.mark.parametrize(
    ("before", "after", "typed", "chosen", "line"),
    [
        # a call being renamed, the cursor inside its name: the name is replaced, its "(" kept
        ("PEX.pluginAPI.sendRe", "quest('/lock');", "", "sendRequest", "    PEX.pluginAPI.sendRequest|('/lock');"),
        # before a name: the chosen one replaces it
        (
            "PEX.pluginAPI.",
            "sendRequest('/lock');",
            "sendCh",
            "sendChatMessage",
            "    PEX.pluginAPI.sendChatMessage|('/lock');",
        ),
        # a function name with no call after it: the rest of the word goes, the parentheses come
        ("PEX.pluginAPI.sendCh", "at;", "", "sendChatMessage", "    PEX.pluginAPI.sendChatMessage(|);"),
        ("ti", "ck;", "", "tick", "    tick()|;"),  # the file's own function, no arguments
        ("say", "Hello('Ann');", "", "sayHello", "    sayHello|('Ann');"),
        ("participant.na", "meX;", "", "name", "    participant.name|;"),  # a property
        ("PEX.", "pluginAPI.sendRequest", "plu", "pluginAPI", "    PEX.pluginAPI|.sendRequest"),
        ("gre", "etingz + 1;", "", "greeting", "    greeting| + 1;"),  # a variable
        # a request's path: the rest of the old path goes, the quote stays
        (
            "PEX.pluginAPI.sendRequest('/mu",
            "teguests');",
            "",
            "/muteguests",
            "    PEX.pluginAPI.sendRequest('/muteguests|');",
        ),
        ("PEX.pluginAPI.sendRequest('", "/lock');", "/unl", "/unlock", "    PEX.pluginAPI.sendRequest('/unlock|');"),
    ],
)
def test_a_completion_inside_or_before_a_word_replaces_the_word(
    pane: SourcePane, qtbot, before: str, after: str, typed: str, chosen: str, line: str
) -> None:
    """Accepting a name with the cursor inside a word or before one kept the rest of the old word
    (``sendRequestquest``) and wrote parentheses before the call's own ``(`` (``sendRequest()quest(``).
    As in a code editor, the chosen name replaces the whole word; parentheses come only when no ``(``
    follows it."""
    editor = pane.editor
    editor.replace_text("function sayHello(name) {}\nfunction tick() {}\nvar greeting = 1;\n" + editor.toPlainText())
    cursor = editor.textCursor()
    cursor.insertText(before + after)
    cursor.setPosition(cursor.position() - len(after))
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, typed)
    _ctrl_space(qtbot, editor)
    helper = editor.completion
    assert helper.completer.currentCompletion() == chosen
    qtbot.keyClick(helper.completer.popup(), Qt.Key.Key_Return)
    assert editor.textCursor().block().text() == line.replace("|", "")
    assert editor.textCursor().positionInBlock() == line.index("|")  # (where the list leaves the cursor)


def test_a_snippet_prefix_inside_a_word_is_no_snippet(pane: SourcePane, qtbot) -> None:
    """Tab with the cursor after ``load`` in ``loader`` put the load snippet in the middle of the
    word and left ``er`` after it: the word there is ``loader``, no snippet's prefix."""
    editor = pane.editor
    qtbot.keyClicks(editor, "loader")
    for _ in range(2):
        editor.moveCursor(QTextCursor.MoveOperation.Left)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.snippet is None
    assert "registerPlugin" not in editor.toPlainText() and "load" + " " * 4 + "er" in editor.toPlainText()


def test_typing_the_closing_parenthesis_steps_over_the_one_completion_wrote(pane: SourcePane, qtbot) -> None:
    """The editor closes no brackets of its own: ``'hi')`` typed into ``sendChatMessage()`` gave ``'hi'))``.
    A ``)`` elsewhere is typed as ever."""
    editor = pane.editor
    qtbot.keyClicks(editor, "PEX.pluginAPI.sendChat")
    qtbot.keyClick(editor.completion.completer.popup(), Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "f(1)")  # a call of its own inside: its ")" is typed, the one after stays
    assert editor.textCursor().block().text() == "    PEX.pluginAPI.sendChatMessage(f(1))"
    qtbot.keyClicks(editor, ");")
    assert editor.textCursor().block().text() == "    PEX.pluginAPI.sendChatMessage(f(1));"
    editor.moveCursor(QTextCursor.MoveOperation.Left)
    editor.moveCursor(QTextCursor.MoveOperation.Left)
    qtbot.keyClicks(editor, ")")  # stepped over once: before that ")" again, one is typed
    assert editor.textCursor().block().text() == "    PEX.pluginAPI.sendChatMessage(f(1)));"


def test_a_name_chosen_in_a_tab_stop_reaches_its_copies_at_once(pane: SourcePane, qtbot) -> None:
    """Choosing a name from the list in ``var ${1:value} ...; if ($1)`` left ``if (value)`` until Tab
    (typed letters reached the copies at once, a chosen name did not)."""
    editor = pane.editor
    editor.replace_text("function helperOne(a) {}\n" + editor.toPlainText())
    cursor = editor.textCursor()
    cursor.setPosition(len("function helperOne(a) {}\n(function () {\n    "))
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, "queryparams")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.textCursor().selectedText() == "value"
    qtbot.keyClicks(editor, "helper")
    _ctrl_space(qtbot, editor)
    qtbot.keyClick(editor.completion.completer.popup(), Qt.Key.Key_Return)
    assert "    var helperOne() = PEX.conferenceQueryParams['name'];\n    if (helperOne()) {\n" in editor.toPlainText()
    assert editor.snippet is not None
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.textCursor().selectedText() == "name"


# -- the list while a name is typed (it is filtered again on every keystroke) --------------------

_NAMES = (
    "(function () {\n"
    "    function hhelper1(a) {}\n"  # contains what is typed without starting with it: after those that do
    "    function helperWithAVeryLongNameThatWidensTheList(first, second, third, fourth) {}\n"
    + "".join(f"    function helper{n}(x{n}) {{}}\n" for n in (1, 10, 11, 12, 13, 120, 121, 122, 125, 130, 2, 20))
    + "    var xhelper12 = 1;\n"
    "    const Helper12Up = 2;\n"
    "    let hélper12 = 3;\n"  # beyond ASCII: left to the completer's own filter
    "    \n"
    "})();\n"
)


def _expected_rows(text: str, typed: str) -> list[str]:
    """What the list should show for ``typed``: every name holding it (any case), in the file's
    order, those that start with it first; a name with its signature or kind beside it."""
    names = [("PEX", "PEX")] + [(c.label, c.detail) for c in pexapi.local_completions(text)]
    hits = [n for n in names if typed.lower() in n[0].lower()]
    hits.sort(key=lambda n: not n[0].lower().startswith(typed.lower()))
    return [f"{label}    {detail}" if detail != label else label for label, detail in hits]


def _list_as_shown(editor) -> tuple[list[str], int, int, QPoint]:
    """The rows of the open list, the selected row, the list's width and where it is."""
    completer = editor.completion.completer
    model, popup = completer.completionModel(), completer.popup()
    rows = [model.index(i, 0).data() for i in range(model.rowCount())]
    return rows, popup.currentIndex().row(), popup.width(), popup.geometry().topLeft()


def _check_list(editor, typed: str) -> None:
    rows, current, width, where = _list_as_shown(editor)
    popup = editor.completion.completer.popup()
    assert editor.completion.prefix == typed
    assert rows == _expected_rows(editor.toPlainText(), typed), typed
    assert popup.isVisible() == bool(rows)
    if rows:
        assert current == 0, typed
        # As wide as its widest row needs (measured afresh here), at least 360, under the caret.
        assert width == max(360, popup.sizeHintForColumn(0) + popup.verticalScrollBar().sizeHint().width()), typed
        caret = viewport_of(editor).mapToGlobal(editor.cursorRect().bottomLeft())
        room = popup.screen().availableGeometry()
        assert where == QPoint(min(caret.x(), room.right() + 1 - width), caret.y()), typed  # (kept on the screen)


def _type_a_name(qtbot, editor) -> None:
    cursor = editor.textCursor()
    cursor.setPosition(editor.document().findBlockByNumber(_NAMES.count("\n") - 2).position() + 4)
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, "h")
    _ctrl_space(qtbot, editor)
    _check_list(editor, "h")


def test_the_list_shows_the_same_names_in_the_same_order_after_each_keystroke(pane: SourcePane, qtbot) -> None:
    """Typing with the list open filters it again on every key: the rows, their order (names that
    start with what is typed first), the selected row and the list's size and place are those a
    fresh list for the word would have, narrowing, widening (Backspace) and running out."""
    editor = pane.editor
    pane.show_file("names.plugin.js", _NAMES, read_only=False)
    _type_a_name(qtbot, editor)
    typed = "h"
    for ch in "elper12":
        qtbot.keyClicks(editor, ch)
        typed += ch
        _check_list(editor, typed)
    for _ in range(3):
        qtbot.keyClick(editor, Qt.Key.Key_Backspace)
        typed = typed[:-1]
        _check_list(editor, typed)
    for ch in "r13":
        qtbot.keyClicks(editor, ch)
        typed += ch
        _check_list(editor, typed)
    qtbot.keyClicks(editor, "q")  # no name holds "helper13q": the list goes
    assert not editor.completion.popup_visible()
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    _ctrl_space(qtbot, editor)
    _check_list(editor, "helper13")
    qtbot.keyClick(editor.completion.completer.popup(), Qt.Key.Key_Return)
    assert editor.textCursor().block().text() == "    helper13()"  # (the chosen row's own name and call)


def test_a_name_an_edit_adds_or_removes_is_listed_or_gone_at_the_next_keystroke(pane: SourcePane, qtbot) -> None:
    """The file's names are read once per edit elsewhere, not per keystroke: an edit outside the
    word being typed (a rename from the form, a paste above) must still reach the open list."""
    editor = pane.editor
    pane.show_file("names.plugin.js", _NAMES, read_only=False)
    _type_a_name(qtbot, editor)
    qtbot.keyClicks(editor, "elper1")
    _check_list(editor, "helper1")
    above = QTextCursor(editor.document())
    above.setPosition(len("(function () {\n"))
    above.insertText("    function helper12Added(b) {}\n")  # a name added above while the list is open
    qtbot.keyClicks(editor, "2")
    _check_list(editor, "helper12")
    assert "helper12Added    helper12Added(b)" in _list_as_shown(editor)[0]
    gone = editor.document().find("function helper120(x120) {}")
    assert not gone.isNull()
    gone.removeSelectedText()  # and one taken out
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    _check_list(editor, "helper1")
    assert not any(row.startswith("helper120 ") for row in _list_as_shown(editor)[0])
    qtbot.keyClicks(editor, "2")
    _check_list(editor, "helper12")
    editor.completion.completer.popup().hide()


def test_a_tab_stop_emptied_and_typed_again_keeps_its_copies_whole(pane: SourcePane, qtbot) -> None:
    """Backspace over ``value`` in ``var ${1:value} ...; if ($1)`` emptied the copy too; typing a new
    name then wrote it one character too far on, and the copy ate the code after it: ``if (rroom``
    and its ``)`` gone."""
    editor = pane.editor
    qtbot.keyClicks(editor, "queryparams")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.textCursor().selectedText() == "value"
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    assert "    var  = PEX.conferenceQueryParams['name'];\n    if () {\n" in editor.toPlainText()
    qtbot.keyClicks(editor, "room")
    assert "    var room = PEX.conferenceQueryParams['name'];\n    if (room) {\n" in editor.toPlainText()
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.textCursor().selectedText() == "name"
    assert "    if (room) {\n" in editor.toPlainText()


def test_names_in_comments_and_strings_are_not_offered_as_the_files_own() -> None:
    """A function commented out (``// function old() {}``) or written in a string was offered by
    Ctrl+Space as "defined in this file": chosen, it called a function that does not exist."""
    source = (
        "// function inComment(a) {}\n"
        "/* var inBlock = 1;\n   function inBlock2() {} */\n"
        "var s = 'function inString() {}', half = w / 2, re = /'/g;\n"
        "var t = `function inTemplate() {}\n${x}`;\n"
        "function real(b) { return b / 2; } // var note = 1\n"
        "const arrow = (c) => c;\n"
        'var u = "it\'s"; function after(d) {}\n'
    )
    names = [(c.label, c.doc.rsplit(" ", 1)[-1]) for c in pexapi.local_completions(source)]
    assert names == [
        ("real", "7"),
        ("arrow", "8"),
        ("after", "9"),
        ("s", "4"),
        ("t", "5"),
        ("b", "7"),
        ("c", "8"),
        ("u", "9"),
        ("d", "9"),
    ]


@pytest.mark.parametrize("column", [0, 2], ids=["line-start", "mid-indentation"])
def test_a_snippet_chosen_on_an_empty_indented_line_goes_at_its_indentation(
    pane: SourcePane, qtbot, column: int
) -> None:
    """Ctrl+J with the cursor at the start of an empty indented line (Home, or a click left of it) put
    the snippet's first line there unindented, its other lines indented, and the line's own spaces
    after its last line: ``var value = ...`` at the margin and ``    }    ``."""
    editor = pane.editor
    cursor = editor.textCursor()
    cursor.setPosition(len("(function () {\n") + column)
    editor.setTextCursor(cursor)
    pane.actions_["snippets"].trigger()
    (dialog,) = [d for d in pane.findChildren(SnippetBrowser) if d.isVisible()]
    qtbot.keyClicks(dialog.search, "queryparams")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert editor.toPlainText() == (
        "(function () {\n    var value = PEX.conferenceQueryParams['name'];\n    if (value) {\n        \n    }\n})();\n"
    )
    assert editor.textCursor().selectedText() == "value"


_QUERY = ["var value = PEX.conferenceQueryParams['name'];", "if (value) {", "    ", "}"]


@pytest.mark.parametrize(
    ("text", "at", "lines"),
    [
        # After the code of a line: below it, as after a word in code.
        ("(function () {\n    x();\n})();\n", "    x();", ["    x();", *("    " + s for s in _QUERY), "})();"]),
        ("f();\n", "f(", ["f();", *_QUERY]),  # inside a call: not between its brackets
        # Before the code of a line: on a line of its own above it.
        (
            "(function () {\n    'use strict';\n})();\n",
            "    ",
            [*("    " + s for s in _QUERY), "    'use strict';", "})();"],
        ),
    ],
    ids=["after-code", "inside-a-call", "before-code"],
)
def test_a_snippet_chosen_beside_code_goes_on_a_line_of_its_own(
    pane: SourcePane, qtbot, text: str, at: str, lines: list[str]
) -> None:
    """Ctrl+J with the cursor after the code of a line put the snippet on the same line, glued to it
    (``x();var value = …``), and before it put the code after the snippet's last line (``}'use strict';``)."""
    editor = pane.editor
    pane.show_file("a.plugin.js", text, read_only=False)
    cursor = editor.textCursor()
    cursor.setPosition(text.index(at) + len(at))
    editor.setTextCursor(cursor)
    pane.actions_["snippets"].trigger()
    (dialog,) = [d for d in pane.findChildren(SnippetBrowser) if d.isVisible()]
    qtbot.keyClicks(dialog.search, "queryparams")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    got = [ln for ln in editor.toPlainText().split("\n") if ln != "(function () {"]
    assert got[: len(lines)] == [ln.rstrip() if ln.strip() else ln for ln in lines]
    assert editor.textCursor().selectedText() == "value"


def _snippet_marks(editor) -> list[tuple[str, bool]]:
    """The placeholders marked on screen: (text, whether it is the current one, stronger)."""
    from designer.gui.panes.source_editor import _SNIPPET_TINTS

    tints = _SNIPPET_TINTS[False]
    found = []
    for sel in editor.extraSelections():
        colour = sel.format.background().color()
        if colour in (tints[False], tints[True]):
            found.append((sel.cursor.selectedText(), colour == tints[True]))
    return found


def test_a_snippets_placeholders_are_marked_until_it_ends(pane: SourcePane, qtbot) -> None:
    """Nothing on screen showed where Tab went next, nor the copies of a name typed."""
    editor = pane.editor
    qtbot.keyClicks(editor, "register")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert sorted(_snippet_marks(editor)) == [("my-plugin", True), ("onClick", False), ("onClick", False)]
    qtbot.keyClicks(editor, "hands")  # the mark grows with what is typed over the placeholder
    assert sorted(_snippet_marks(editor)) == [("hands", True), ("onClick", False), ("onClick", False)]
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    qtbot.keyClicks(editor, "rai")  # the current one and its copy, both marked as they change
    assert sorted(_snippet_marks(editor)) == [("hands", False), ("rai", True), ("rai", True)]
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    assert sorted(_snippet_marks(editor)) == [("hands", False), ("ra", True), ("ra", True)]
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # to $0: the snippet is done, its marks go
    assert editor.snippet is None and _snippet_marks(editor) == []


def test_a_snippets_marks_go_with_escape_and_with_undo(pane: SourcePane, qtbot) -> None:
    editor = pane.editor
    qtbot.keyClicks(editor, "register")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert _snippet_marks(editor)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert editor.snippet is None and _snippet_marks(editor) == []
    qtbot.keyClick(editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)  # (not among the object's keys)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "openurl")  # (not register again: the file registers a plugin now)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert _snippet_marks(editor)
    editor.replace_text("(function () {\n    \n})();\n")  # as the window's undo puts the text back
    qtbot.waitUntil(lambda: editor.snippet is None and _snippet_marks(editor) == [])


def test_an_empty_placeholder_is_marked_by_a_bar(pane: SourcePane, qtbot) -> None:
    editor = pane.editor
    qtbot.keyClicks(editor, "iife")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.snippet is not None
    assert len(editor._snippet_gaps) == 2 and editor._snippet_gaps[0][1]  # $1 and $2, the first current
    assert ("onClick", False) in _snippet_marks(editor)
    qtbot.keyClicks(editor, "x")  # typed into: now a placeholder with text
    assert ("x", True) in _snippet_marks(editor) and len(editor._snippet_gaps) == 1
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert editor._snippet_gaps == []


@pytest.mark.parametrize("line", ["x = 3.1", "x = 3", "x = .5", "x = 3.1e", "x = 0x1F", "x = 1_000", "f(2, 10"])
def test_nothing_is_offered_in_a_number(line: str) -> None:
    """Ctrl+Space after ``x = 3.1`` offered PEX and the file's functions as after a word's start
    (after ``0x1F`` the names starting with 'x1F'): no name goes on a number."""
    assert pexapi.completions(line, "function abc() {}")[1] == []


def test_ctrl_space_after_a_number_opens_no_list_but_does_after_a_space(pane: SourcePane, qtbot) -> None:
    editor = pane.editor
    qtbot.keyClicks(editor, "var x = 3.1")
    qtbot.keyClick(editor, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    assert not editor.completion.popup_visible()
    qtbot.keyClicks(editor, " + ")
    qtbot.keyClick(editor, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    assert editor.completion.popup_visible()
    assert editor.completion.completer.currentCompletion() == "PEX"
    editor.completion.completer.popup().hide()


def test_each_placeholder_is_one_value_typed_inside_its_quotes() -> None:
    """``{role: ${2:'chair'}}`` selected the quotes with the word, so typing ``guest`` over it wrote
    ``{role: guest}``, a name never made (the click threw); ``{type: ${1:'text/plain', payload:
    'Hello'}}`` selected two entries where the message was to be typed. A placeholder is one value,
    its quotes outside it."""
    for s in load_snippets():
        e = expand(s)
        for stop in e.stops:
            a, b = stop.ranges[0]
            value = e.text[a:b]
            assert not value or value[0] not in "'\"`", (s.prefix, value)
            assert not re.search(r",\s*[\w$]+\s*:", value), (s.prefix, value)


def test_typing_over_a_payload_placeholder_keeps_it_a_string(pane: SourcePane, qtbot) -> None:
    editor = pane.editor
    qtbot.keyClicks(editor, "preqrole")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # from the participant to the role
    assert editor.textCursor().selectedText() == "chair"
    qtbot.keyClicks(editor, "guest")
    assert "'/role', {role: 'guest'})" in editor.toPlainText()


def test_snippet_variables_take_the_plugins_values_or_their_defaults() -> None:
    from designer.core.snippets import plugin_values

    body = "id: '${1:${PLUGIN_ID:my-plugin}}', ${2:${ACTION:onClick}}: $2"
    assert expand(body).text == "id: 'my-plugin', onClick: onClick"
    e = expand(body, values={"PLUGIN_ID": "a$}b", "ACTION": "go"})
    assert e.text == "id: 'a$}b', go: go" and e.stops[0].ranges == [(5, 9)]
    items = [(None, None), ("has space", "it's.svg#x"), ("go", "icon.svg#icon")]
    assert plugin_values("hello", items) == {"PLUGIN_ID": "hello", "ACTION": "go", "ICON": "icon.svg#icon"}
    assert plugin_values("it's", []) == {}  # (it could not go between the quotes as it is)


def test_skeleton_register_and_state_snippets_write_the_plugins_own_id_action_and_icon(window, qtbot, tmp_path) -> None:
    """In a new project's plugin, ``iife`` wrote ``id: 'my-plugin'`` and an ``onClick`` no item runs,
    ``register`` an ``onClick`` the file does not make, and ``state`` an icon 'icon.svg#id' it does
    not have: the plugin did not load, or its item threw and lost its icon. They take the plugin's
    own now, so the code works as it comes."""
    from designer.core.checks import run_checks
    from designer.core.model import load
    from designer.core.newproject import create_project

    web = create_project(tmp_path / "p")  # (its webapp2 folder)
    window.open_path(web)
    js = "plugins/hello-message/hello-message.plugin.js"
    window.show_file(js)
    editor = window.source_editor
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, "iife")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    text = editor.toPlainText()
    assert "id: 'hello-message'," in text and "showHelloMessage: showHelloMessage," in text
    assert "function showHelloMessage() {" in text
    for _stop in range(4):  # load's body, unload's, the action's name, the id: to $0, in the action
        qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.snippet is None
    assert editor.textCursor().block().text() == " " * 8
    qtbot.keyClicks(editor, "statenext")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.textCursor().selectedText() == "icon.svg#icon"
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    window.save()
    problems = [(p.code, p.message) for p in run_checks(load(web))]
    assert [c for c, _m in problems if c.startswith("PD5")] == [], problems
    # register, on its own, in a plugin whose registerPlugin call was taken out
    source = (web / js).read_text()
    start = source.index("    PEX.pluginAPI.registerPlugin(")
    editor.replace_text(source[:start] + "    \n" + source[source.index("});", start) + 3 :])
    cursor = editor.textCursor()
    cursor.setPosition(start + 4)
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, "register")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.textCursor().selectedText() == "hello-message"
    assert "        showHelloMessage: showHelloMessage\n    });" in editor.toPlainText()


def test_participant_capabilities_are_described_as_the_guide_describes_them() -> None:
    """canDisconnect, canTransfer and canMute were hovered as "This client may disconnect (transfer,
    mute) the participant", a right of the user's; the guide: they say whether the participant can be
    disconnected, transferred or muted (a gateway call may not be). isStreaming is recording too."""
    line = "if (participant.canDisconnect || participant.canTransfer || participant.canMute || p.isStreaming) {}"

    def said(name: str) -> str:
        return pexapi.hover_doc(line, line.index(name) + 1)

    assert said("canDisconnect") == "boolean — The participant can be disconnected."
    assert said("canTransfer") == "boolean — The participant can be transferred into another meeting room (VMR)."
    assert said("canMute") == "boolean — The participant can be muted."
    assert said("isStreaming") == "boolean — A streaming or recording participant."
    assert "This client may" not in resource("api", "pexip.json").read_text(encoding="utf-8")


def _placed(snippet, source: str, values: dict[str, str]) -> str:
    """A new project's plugin ``source`` with ``snippet`` (its defaults, the plugin's ``values``) where
    its place says, as a user following the snippet browser's "Goes …" puts it."""
    from designer.core.snippets import PLACES

    assert snippet.place in PLACES, snippet.prefix
    if snippet.place == "file":
        return expand(snippet, "", values).text
    if snippet.place == "state":  # in the action of a skeleton, which makes state$
        skeleton = expand(find_prefix("iife"), "", values)
        at = skeleton.stops[-1].ranges[0][0]
        return skeleton.text[:at] + expand(snippet, " " * 8, values).text + skeleton.text[at:]
    if snippet.place == "register":
        start = source.index("    window.PEX.pluginAPI.registerPlugin(")
        end = source.index("});", start) + 3
        return source[:start] + "    " + expand(snippet, "    ", values).text + source[end:]
    if snippet.place == "iife":  # in place of the empty function of its name
        empty = f"    function {snippet.prefix}("
        start = source.index(empty)
        end = source.index("    }\n", start) + 6
        return source[:start] + "    " + expand(snippet, "    ", values).text + "\n" + source[end:]
    if snippet.place == "top":  # and registered as state$, as the place says
        source = source.replace(
            "showHelloMessage: showHelloMessage\n", "showHelloMessage: showHelloMessage,\n        state$: state$\n"
        )
        at = source.index("    // Called by the app when the plugin is switched on.")
        return source[:at] + "    " + expand(snippet, "    ", values).text + "\n\n" + source[at:]
    if snippet.place == "participant-item":  # (the item is put in the participant menu: it is given them)
        source = source.replace("function showHelloMessage() {", "function showHelloMessage(participant) {")
    opening = {
        "load": "    function load(participants$, conferenceDetails$) {\n",
        "item": "    function showHelloMessage() {\n",
        "participant-item": "    function showHelloMessage(participant) {\n",
    }[snippet.place]
    at = source.index(opening) + len(opening)
    end = at if snippet.place == "load" else source.index("    }\n", at)  # (in place of the body)
    return source[:at] + " " * 8 + expand(snippet, " " * 8, values).text + "\n" + source[end:]


def test_every_snippet_put_where_it_goes_passes_the_checks(tmp_path) -> None:
    """Each snippet, with its defaults, in a new project's plugin where the snippet browser says it
    goes (a participant's item for what acts on the participant; the plugin for hosts, as the
    requests need): no problem of the checks but a note on an example address, and the deprecated
    changeConferenceLayout's own warning."""
    from designer.core.checks import run_checks
    from designer.core.model import load
    from designer.core.newproject import create_project
    from designer.core.snippets import plugin_values

    web = create_project(tmp_path / "p")
    folder = web / "plugins" / "hello-message"
    js, package = folder / "hello-message.plugin.js", folder / "hello-message.plugin.package.json"
    source, data = js.read_text(encoding="utf-8"), json.loads(package.read_text(encoding="utf-8"))
    values = plugin_values("hello-message", [("showHelloMessage", "icon.svg#icon")])
    found = {}
    for s in load_snippets():
        js.write_text(_placed(s, source, values), encoding="utf-8")
        section = "participants" if s.place == "participant-item" else "toolbar"
        items = {section: data["menuItems"]["toolbar"]}
        package.write_text(json.dumps(data | {"participantRoles": ["chair"], "menuItems": items}), encoding="utf-8")
        expected = {"PD602"} | ({"PD512"} if s.prefix == "changeConferenceLayout" else set())
        said = [f"{p.code} {p.message}" for p in run_checks(load(web)) if p.code not in expected]
        if said:
            found[s.prefix] = said
    assert found == {}


def test_the_snippet_browser_says_where_a_snippet_goes(pane: SourcePane, qtbot) -> None:
    """The browser said what a snippet does, not where its code works: a participant's request put
    in a toolbar button's function (no participant there) threw when clicked."""
    pane.actions_["snippets"].trigger()
    (dialog,) = [d for d in pane.findChildren(SnippetBrowser) if d.isVisible()]
    qtbot.keyClicks(dialog.search, "keypad tones")
    assert "Send keypad tones (DTMF).\nGoes in a participant menu item's function, which is given the participant." in (
        dialog.detail.text()
    )
    dialog.search.setText("onreceivechatmessage")
    assert "\nGoes in load, where the plugin starts.\n" in dialog.detail.text()
    dialog.reject()


def test_what_guests_are_refused_says_hosts_only_in_completion_hover_and_the_snippets(tmp_path) -> None:
    """Four requests said "(hosts only)"; /lock, /muteguests, a participant's /role, dialOut and the
    others refused to guests did not, so they read as open to everyone, and a plugin for guests
    made of them failed (only the check said why, afterwards). Each says so now, as PD517 has it."""
    from designer.core.checks import run_checks
    from designer.core.hostonly import HOST_ONLY_API, HOST_ONLY_CONFERENCE, HOST_ONLY_PARTICIPANT
    from designer.core.model import load
    from designer.core.newproject import create_project
    from designer.core.snippets import plugin_values

    for path, _payload, doc in pexapi.request_paths():
        name = path.rsplit("/", 1)[-1]
        host_only = name in (HOST_ONLY_PARTICIPANT if path.startswith("/participants/") else HOST_ONLY_CONFERENCE)
        assert ("(hosts only)" in doc) == host_only, (path, doc)
    for c in pexapi.completions("PEX.pluginAPI.")[1]:
        assert ("(hosts only)" in c.doc) == (c.label in HOST_ONLY_API), (c.label, c.doc)
    line = "PEX.pluginAPI.dialOut('rec@example.com', 'auto', 'guest', done);"
    assert pexapi.hover_doc(line, line.index("dialOut")).endswith("recording plugin does (hosts only).")
    # A snippet says it when the check, the plugin offered to guests, warns that guests are refused it.
    web = create_project(tmp_path / "p")
    folder = web / "plugins" / "hello-message"
    js, package = folder / "hello-message.plugin.js", folder / "hello-message.plugin.package.json"
    source, data = js.read_text(encoding="utf-8"), json.loads(package.read_text(encoding="utf-8"))
    values = plugin_values("hello-message", [("showHelloMessage", "icon.svg#icon")])
    wrong = []
    for s in load_snippets():
        js.write_text(_placed(s, source, values), encoding="utf-8")
        section = "participants" if s.place == "participant-item" else "toolbar"
        package.write_text(json.dumps(data | {"menuItems": {section: data["menuItems"]["toolbar"]}}), encoding="utf-8")
        refused = any(p.code == "PD517" for p in run_checks(load(web)))
        if refused != ("hosts only" in s.description):
            wrong.append((s.prefix, s.description))
    assert wrong == []


def test_the_snippet_browser_shows_the_code_the_editor_will_write(pane: SourcePane, qtbot) -> None:
    """The browser's preview showed id: 'my-plugin' where the plugin's own id went in."""
    pane.editor.snippet_values = lambda: {"PLUGIN_ID": "hands-up", "ACTION": "raiseHand"}
    pane.actions_["snippets"].trigger()
    (dialog,) = [d for d in pane.findChildren(SnippetBrowser) if d.isVisible()]
    qtbot.keyClicks(dialog.search, "registerPlugin block")
    assert "    id: 'hands-up',\n" in dialog.preview.text() and "my-plugin" not in dialog.preview.text()
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert "        raiseHand: raiseHand\n    });" in pane.editor.toPlainText()


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("PEX.actions$.", {"ofType", "subscribe"}),
        ("window.PEX.actions$.of", {"ofType"}),
        ("participants$.", {"subscribe"}),
        ("conferenceDetails$.sub", {"subscribe"}),
        ("dialogRef.close$.", {"subscribe"}),
    ],
)
def test_the_observables_offer_what_the_guide_calls_on_them(line: str, expected: set[str]) -> None:
    """``PEX.actions$.`` offered nothing, though ofType is how the guide (and every on… snippet)
    listens to the app's actions; ``participants$.`` and ``close$.`` nothing either, not subscribe."""
    typed, items = pexapi.completions(line)
    assert expected <= {c.label for c in items}, items
    assert all(pexapi.takes_arguments(c) for c in items)  # (each is called: it gets its parentheses)


def test_hovering_of_type_says_how_it_is_used() -> None:
    line = "PEX.actions$.ofType(PEX.actions.RECEIVE_CHAT_MESSAGE).subscribe(function (action) {"
    said = pexapi.hover_doc(line, line.index("ofType") + 2)
    assert said.startswith("ofType(PEX.actions.X) → Observable") and "RECEIVE_CHAT_MESSAGE" in said, said


def test_what_of_type_gives_is_subscribed_to() -> None:
    """``PEX.actions$.ofType(PEX.actions.X).`` offered nothing: subscribe is what comes next."""
    line = "    PEX.actions$.ofType(PEX.actions.RECEIVE_CHAT_MESSAGE).sub"
    typed, items = pexapi.completions(line)
    assert typed == "sub" and [c.label for c in items] == ["subscribe"]
    line += "scribe(function (action) {"
    assert "keep what it returns" in pexapi.hover_doc(line, line.index("subscribe") + 1)
    assert pexapi.completions("foo(bar).")[1] == []  # (what other calls give is not known)


@pytest.mark.parametrize(
    ("line", "word", "said"),
    [
        ("PEX.pluginAPI.sendRequest('/lock');", "lock", "/lock — no payload\nLock the meeting (hosts only)."),
        (
            "PEX.pluginAPI.sendRequest('/participants/' + p.uuid + '/dtmf', {digits: d});",
            "dtmf",
            "/dtmf — {digits: '1234#'}\nSend keypad tones (DTMF).",
        ),
        ("sendRequest(`/participants/${p.uuid}/role`, {role: r});", "role", "/role — {role: 'chair'}"),
        ("sendRequest('/set_guests_can_unmute', {setting: true});", "set_guests_can_unmute", "/set_guests_can_unmute"),
    ],
)
def test_hovering_a_request_path_says_what_it_does(line: str, word: str, said: str) -> None:
    """Completion described each REST path, but hovering one in the code said nothing."""
    assert pexapi.hover_doc(line, line.index(word) + 1).startswith(said)
    assert pexapi.hover_doc("var s = 'lock';", 10) == ""  # (a string that is no request)


def test_ctrl_i_on_a_request_path_describes_it(pane: SourcePane, qtbot) -> None:
    editor = pane.editor
    qtbot.keyClicks(editor, "PEX.pluginAPI.sendRequest('/muteguests')")
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.MoveAnchor, 5)
    editor.setTextCursor(cursor)
    assert editor.show_info_at_cursor() == "/muteguests — no payload\nMute all guests (hosts only)."


def test_a_participant_request_is_found_by_its_name_typed_after_participants(pane: SourcePane, qtbot) -> None:
    """``sendRequest('/participants/`` listed the participant requests, but typing the request's
    name next (``mu``, as a path reads) closed the list: each was named '/participants/<uuid>/mute'."""
    typed, items = pexapi.completions("PEX.pluginAPI.sendRequest('/participants/mu")
    assert typed == "/participants/mu"
    assert [c.label for c in items] == ["/participants/mute"]
    assert items[0].insert == "/participants/' + participant.uuid + '/mute"
    editor = pane.editor
    qtbot.keyClicks(editor, "PEX.pluginAPI.sendRequest('/participants/dt")
    assert editor.completion.popup_visible()
    qtbot.keyClick(editor.completion.completer.popup(), Qt.Key.Key_Return)
    assert editor.textCursor().block().text().endswith("sendRequest('/participants/' + participant.uuid + '/dtmf")
    assert editor.textCursor().selectedText() == "participant.uuid"


def test_every_snippet_tabs_through_its_placeholders_in_order_and_ends_at_its_end(pane: SourcePane, qtbot) -> None:
    """Each snippet typed by its prefix and Tab: Tab visits its placeholders in order (each selected,
    ready to type over), Shift+Tab goes back, and the last Tab leaves the cursor at $0, where the
    user goes on typing."""
    editor = pane.editor
    head = "(function () {\n    var subscriptions = [];\n    "  # (what load and unload keep their subscriptions in)
    start = head + "\n})();\n"
    for s in load_snippets():
        pane.show_file("a.plugin.js", start, read_only=False)
        cursor = editor.textCursor()
        cursor.setPosition(len(head))
        editor.setTextCursor(cursor)
        qtbot.keyClicks(editor, s.prefix)
        qtbot.keyClick(editor, Qt.Key.Key_Tab)
        e = expand(s, "    ")
        at = len(head)
        assert editor.toPlainText() == start[:at] + e.text + start[at:], s.prefix
        for i, stop in enumerate(e.stops[:-1]):
            a, b = stop.ranges[0]
            assert editor.textCursor().selectedText() == e.text[a:b], (s.prefix, stop.number)
            if i == 1:  # back to the first and forward again
                qtbot.keyClick(editor, Qt.Key.Key_Backtab)
                first = e.stops[0].ranges[0]
                assert editor.textCursor().selectedText() == e.text[first[0] : first[1]], s.prefix
                qtbot.keyClick(editor, Qt.Key.Key_Tab)
            qtbot.keyClick(editor, Qt.Key.Key_Tab)
        assert editor.snippet is None, s.prefix
        end = e.stops[-1].ranges[0][0]
        assert editor.textCursor().position() == at + end and not editor.textCursor().hasSelection(), s.prefix
        assert text_after_cursor(editor.textCursor()) == "", s.prefix  # (on an empty line, or after the code)


def test_hovering_loads_arguments_says_what_they_are() -> None:
    """``participants$`` and ``conferenceDetails$``, what the app gives load, were hovered with nothing."""
    line = "    function load(participants$, conferenceDetails$) {"
    assert pexapi.hover_doc(line, line.index("participants$") + 1).startswith(
        "participants$ — an observable of the meeting's participants"
    )
    line = "        conferenceDetails$.subscribe(function (details) {"
    said = pexapi.hover_doc(line, 10)
    assert said.startswith("conferenceDetails$ — an observable of the meeting's details") and "subscribe" in said
    assert pexapi.hover_doc("x.participants$", 4) == ""  # (a member of something else)


def _still_open_after_unload(web, source: str) -> list[str]:
    """What ``simulate`` warns of the new project ``web``'s plugin, its source ``source``: load, its
    button, unload (switched off) and load again, as a user switching it in the app's settings."""
    import subprocess
    import sys

    js = web / "plugins" / "hello-message" / "hello-message.plugin.js"
    js.write_text(source, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "designer", "simulate", str(web.parent), "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    (plugin,) = json.loads(done.stdout)["plugins"]
    assert plugin["errors"] == [] and [s["step"] for s in plugin["steps"]][-2:] == ["unload", "load"], plugin
    return [w for w in plugin["warnings"] if "after unload" in str(w)]


def test_what_the_snippets_subscribe_to_in_load_is_released_when_the_plugin_is_switched_off(tmp_path) -> None:
    """The load snippet and the on… snippets (PEX.actions$.ofType) subscribed in load and never
    unsubscribed: switched off and on again in the app's settings, the plugin kept running while off,
    then heard every chat message and meeting change twice (simulate: 'still open after unload').
    They keep what they subscribe to in subscriptions, which the new plugin's unload, like the
    skeleton's, releases."""
    from designer.core.newproject import create_project
    from designer.core.snippets import plugin_values

    values = plugin_values("hello-message", [("showHelloMessage", "icon.svg#icon")])
    web = create_project(tmp_path / "p")
    starter = (web / "plugins" / "hello-message" / "hello-message.plugin.js").read_text(encoding="utf-8")
    skeleton = _placed(find_prefix("iife"), "", values)
    listening = [s for s in load_snippets() if s.place == "load"]
    assert [s.prefix for s in listening if "subscribe(" in s.text] == [s.prefix for s in listening]
    for source in (_placed(find_prefix("load"), starter, values), skeleton):
        for s in listening:
            source = _placed(s, source, values)
        assert _still_open_after_unload(web, source) == [], source


# A plugin as a new project had it before its unload released subscriptions: no such array.
_NO_ARRAY = """(function () {
    'use strict';

    // Called by the app when the plugin is switched on.
    function load(participants$, conferenceDetails$) {
    %s
    }

    function showHelloMessage() {
        window.PEX.pluginAPI.openTemplateDialog({title: 'Hello message', body: '<p>Hello</p>'});
    }

    function unload() {
    }

    window.PEX.pluginAPI.registerPlugin({
        id: 'hello-message',
        load: load,
        unload: unload,
        showHelloMessage: showHelloMessage
    });
})();
"""


def _typed_in_load(pane: SourcePane, qtbot, source: str, typed: str) -> None:
    """``typed`` and Tab where ``source`` has its ``%s`` (an empty line in load), as a user writes a snippet."""
    at = source.index("%s")
    pane.show_file("a.plugin.js", source.replace("%s", ""), read_only=False)
    cursor = pane.editor.textCursor()
    cursor.setPosition(at)
    pane.editor.setTextCursor(cursor)
    qtbot.keyClicks(pane.editor, typed)
    qtbot.keyClick(pane.editor, Qt.Key.Key_Tab)


def test_a_listening_snippet_in_a_plugin_with_no_subscriptions_array_brings_it_and_its_release(
    pane: SourcePane, qtbot, tmp_path
) -> None:
    """The on… snippets and load keep what they subscribe to in subscriptions; put in a plugin that
    has no such array (one made before), subscriptions.push threw a ReferenceError as the plugin
    loaded, the 'Oops' page. The array is declared too, above load, and unload releases it; the
    snippet's placeholders are as before."""
    from designer.core.checks import run_checks
    from designer.core.model import load
    from designer.core.newproject import create_project

    editor = pane.editor
    source = _NO_ARRAY.replace("    %s\n", "        %s\n")
    _typed_in_load(pane, qtbot, source, "onreceivechatmessage")
    assert editor.textCursor().selectedText() == "var text = action.payload.payload;"
    qtbot.keyClicks(editor, "console.log(action.payload.payload);")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.snippet is None
    text = editor.toPlainText()
    assert text.index("    var subscriptions = [];\n\n    // Called by the app") < text.index("function load(")
    assert "        subscriptions.push(PEX.actions$.ofType(PEX.actions.RECEIVE_CHAT_MESSAGE).subscribe(" in text
    assert "            console.log(action.payload.payload);\n" in text
    release = "subscriptions.forEach(function (subscription) {\n            subscription.unsubscribe();\n        });"
    assert "    function unload() {\n        " + release + "\n        subscriptions = [];\n    }" in text
    web = create_project(tmp_path / "p")
    assert _still_open_after_unload(web, text) == []
    problems = [f"{p.code} {p.message}" for p in run_checks(load(web)) if p.code.startswith("PD5")]
    assert problems == []


def test_the_load_snippet_chosen_in_a_plugin_with_no_subscriptions_array_declares_it_above(
    pane: SourcePane, qtbot
) -> None:
    """The load snippet, chosen from the browser on an empty line of the wrapper of a plugin with no
    subscriptions array: the array goes above it, at its indentation, unload releases it, its
    placeholders are still visited in order, and it is all one undo step."""
    editor = pane.editor
    source = _NO_ARRAY.replace(
        "    // Called by the app when the plugin is switched on.\n    function load(participants$, conferenceDetails$) {\n    %s\n    }\n",
        "    %s\n",
    )
    at = source.index("%s")
    pane.show_file("a.plugin.js", source.replace("%s", ""), read_only=False)
    cursor = editor.textCursor()
    cursor.setPosition(at)
    editor.setTextCursor(cursor)
    steps: list[str | None] = []
    editor.sig_edited.connect(lambda: steps.append(editor.edit_label))
    pane.actions_["snippets"].trigger()
    (dialog,) = [d for d in pane.findChildren(SnippetBrowser) if d.isVisible()]
    qtbot.keyClicks(dialog.search, "load function")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert editor.textCursor().selectedText() == "// participants: a list of participant objects"
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.textCursor().selectedText() == "// details.locked, details.guestsMuted, ..."
    text = editor.toPlainText()
    head = "(function () {\n    'use strict';\n\n    // What load listens to"
    assert text.startswith(head) and "\n    var subscriptions = [];\n\n    function load(participants$" in text
    assert text.count("var subscriptions") == 1 and text.count("subscription.unsubscribe();") == 1
    assert steps == ["Insert snippet 'load'"]  # (the snippet and what it brought: one undo step)


def test_what_a_listening_snippet_brings_depends_on_what_the_plugin_has() -> None:
    """The array comes only when the plugin declares none, in the wrapper where load and unload
    both see it (below 'use strict' for a load written as a key of registerPlugin), indented with
    the file's own step; with no place known to be in the wrapper, nothing comes, not even the
    release, which would throw in unload."""
    from designer.core.snippets import lines_needed

    chat = find_prefix("onreceivechatmessage")
    declared = _NO_ARRAY.replace("    'use strict';\n", "    'use strict';\n    let subscriptions = [];\n")
    assert lines_needed(chat, declared, 5) == []
    assert lines_needed(find_prefix("reqlock"), _NO_ARRAY, 5) == []  # (subscribes to nothing)
    tabs = "(function () {\n\t'use strict';\n\tPEX.pluginAPI.registerPlugin({\n\t\tload: function () {\n\t\t\t\n"
    tabs += "\t\t},\n\t\tunload: () => {\n\t\t}\n\t});\n})();\n"
    (release, _column, _), (at, column, text) = lines_needed(chat, tabs, 4, "\t")
    assert (at, column, text.split("\n")[-3:]) == (
        2,
        0,
        ["\tvar subscriptions = [];", "", ""],
    )  # (not in registerPlugin's)
    assert release == 7  # (in unload written as a key of that object)
    unwrapped = tabs.replace("(function () {\n\t'use strict';\n", "").replace("})();\n", "")
    assert lines_needed(chat, unwrapped, 2, "\t") == []  # (at the file's top: the page's, every plugin's)
    release, declaration = lines_needed(chat, _NO_ARRAY.replace("    ", "\t").replace("%s", ""), 5, "\t")
    assert release[1:] == (
        0,
        "\t\tsubscriptions.forEach(function (subscription) {\n\t\t\tsubscription.unsubscribe();\n"
        "\t\t});\n\t\tsubscriptions = [];\n",
    )
    assert declaration[2].endswith("\tvar subscriptions = [];\n\n")
    assert release[0] > declaration[0]  # (the last in the file first: each line number holds as they go in)


def test_a_listening_snippet_in_a_plugin_whose_unload_is_empty_on_one_line_puts_the_release_in_it(
    pane: SourcePane, qtbot
) -> None:
    """function unload() {} on one line, as hand-written plugins have it: the snippet brought the
    array but no release, so the plugin still heard everything twice. The release goes between the
    braces, on lines of its own."""
    editor = pane.editor
    source = _NO_ARRAY.replace("    %s\n", "        %s\n").replace("function unload() {\n    }", "function unload() {}")
    _typed_in_load(pane, qtbot, source, "onselectevent")
    assert editor.textCursor().selectedText() == "// action.payload"
    text = editor.toPlainText()
    release = "subscriptions.forEach(function (subscription) {\n            subscription.unsubscribe();\n        });"
    assert "    function unload() {\n        " + release + "\n        subscriptions = [];\n    }\n" in text
    assert text.count("var subscriptions = [];") == 1


def test_the_snippet_browser_says_when_the_subscriptions_array_comes_too(pane: SourcePane, qtbot) -> None:
    """The browser showed the on… snippet alone, and the subscriptions array (and its release in
    unload) that came with it into a plugin without one was a surprise: it says so, and only then."""
    editor = pane.editor

    def detail(search: str) -> str:
        pane.actions_["snippets"].trigger()
        (dialog,) = [d for d in pane.findChildren(SnippetBrowser) if d.isVisible()]
        qtbot.keyClicks(dialog.search, search)
        said = dialog.detail.text()
        dialog.reject()
        return said

    source = _NO_ARRAY.replace("    %s\n", "        %s\n")
    pane.show_file("a.plugin.js", source.replace("%s", ""), read_only=False)
    cursor = editor.textCursor()
    cursor.setPosition(source.index("%s"))
    editor.setTextCursor(cursor)
    comes = "This plugin has no subscriptions array, which it uses: the array comes too"
    assert comes + ", and its release at the top of unload." in detail("onreceivechatmessage")
    assert comes not in detail("reqlock")
    pane.show_file(
        "a.plugin.js", source.replace("%s", "").replace("'use strict';", "var subscriptions = [];"), read_only=False
    )
    editor.setTextCursor(cursor)
    assert comes not in detail("onreceivechatmessage")


# A plugin whose load and unload are written in registerPlugin's object, with no 'use strict' line.
_KEYED = """(function () {
    window.PEX.pluginAPI.registerPlugin({
        id: 'hello-message',
        load: function (participants$, conferenceDetails$) {
            %s
        },
        unload: function () {
        },
        showHelloMessage: function () {}
    });
})();
"""


@pytest.mark.parametrize(
    "shape",
    [
        _KEYED,
        _KEYED.replace("load: function (participants$, conferenceDetails$) {", "load(participants$) {")
        .replace("unload: function () {", "unload() {")
        .replace("    ", "  "),
        _KEYED.replace("(function () {", "(() => {"),
        _KEYED.replace("(function () {", "!function () {").replace("})();", "}();"),
    ],
    ids=["keys", "methods", "arrow-iife", "bang"],
)
def test_a_listening_snippet_in_a_plugin_with_load_as_a_key_and_no_use_strict_declares_the_array_at_its_top(
    pane: SourcePane, qtbot, tmp_path, shape: str
) -> None:
    """load written as a key of registerPlugin's object (or a method), no 'use strict' line: there
    was no place for the subscriptions array, so the snippet went in without it and the check said
    subscriptions was defined nowhere (PD523, the ReferenceError as the plugin loads). It goes at
    the top of the plugin's wrapper function, in the file's indentation, unload releases it, and
    the plugin runs; all one undo step."""
    from designer.core.checks import run_checks
    from designer.core.model import load
    from designer.core.newproject import create_project

    editor = pane.editor
    pane.show_file("a.plugin.js", shape.replace("%s", ""), read_only=False)
    cursor = editor.textCursor()
    cursor.setPosition(shape.index("%s"))
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, "onreceivechatmessage")
    steps: list[str | None] = []
    editor.sig_edited.connect(lambda: steps.append(editor.edit_label))
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert steps == ["Insert snippet 'onreceivechatmessage'"]  # (the snippet and what it brought: one undo step)
    assert editor.textCursor().selectedText() == "var text = action.payload.payload;"
    text = editor.toPlainText()
    step = "  " if "load(participants$) {" in shape else "    "
    head, top = shape.split("\n", 1)[0], "\n" + step + "var subscriptions = [];\n\n" + step + "window.PEX"
    assert text.startswith(head + "\n" + step + "// What load listens to") and top in text
    assert "subscriptions.forEach(function (subscription) {\n" + 4 * step + "subscription.unsubscribe();" in text
    web = create_project(tmp_path / "p")
    assert _still_open_after_unload(web, text) == []
    assert [p.message for p in run_checks(load(web)) if p.code.startswith("PD5")] == []


def _fixed(tmp_path, source: str, kind: str) -> str:
    """The source of a new project's plugin, written as ``source`` (bytes as they are), after the
    Problems list's fix of ``kind`` (the first one offered), as a click on it writes it."""
    from designer.core.checks import run_checks
    from designer.core.fixes import apply_fix
    from designer.core.model import load
    from designer.core.newproject import create_project

    web = create_project(tmp_path / "p")
    js = web / "plugins" / "hello-message" / "hello-message.plugin.js"
    js.write_bytes(source.encode("utf-8"))
    pkg = load(web)
    (fix,) = [p.fix for p in run_checks(pkg) if p.fix is not None and p.fix.kind == kind][:1]
    apply_fix(pkg, fix)
    return pkg.read_text("plugins/hello-message/hello-message.plugin.js")


def test_the_subscriptions_fixes_write_a_crlf_source_s_line_ends(tmp_path) -> None:
    """A plugin with Windows line ends (CRLF): 'Declare subscriptions' and 'Write the snippet'
    wrote their lines with LF alone, a file of mixed line ends; the release was not written in
    unload() {} (its CR was not taken for a line's end), so the plugin still heard everything
    twice; and below 'use strict';, not found, the array went above it, so the plugin was no
    longer strict. Now every line ends as the file's do, and each goes where it does with LF."""
    pasted = "subscriptions.push(PEX.actions$.ofType(PEX.actions.RECEIVE_CHAT_MESSAGE).subscribe(function () {}));"
    lf = _NO_ARRAY.replace("%s", "    " + pasted).replace("function unload() {\n    }", "function unload() {}")
    keyed = _KEYED.replace("(function () {\n", "(function () {\n    'use strict';\n")
    for source, kind in (
        (lf, "declare-subscriptions"),
        (keyed.replace("%s", pasted), "declare-subscriptions"),
        (keyed.replace("%s", "onreceivechatmessage"), "expand-snippet"),
    ):
        expected = _fixed(tmp_path / "lf", source, kind)
        assert "subscription.unsubscribe();" in expected and "use strict';\n\n    // What load" in expected
        written = _fixed(tmp_path / "crlf", source.replace("\n", "\r\n"), kind)
        assert written == expected.replace("\n", "\r\n")
        shutil.rmtree(tmp_path / "lf"), shutil.rmtree(tmp_path / "crlf")


def test_write_the_snippet_indents_as_the_file_does(tmp_path) -> None:
    """PD523's 'Write the snippet' in a plugin indented with tabs (or two spaces) wrote the
    snippet's inner lines with four spaces after the line's tabs (``\\t\\t    var text``), a mix
    that linters and the user's editor flag; Tab in the source editor writes them as the file
    does. Now the fix does too."""
    for unit in ("\t", "  "):
        source = _KEYED.replace("    ", unit).replace("%s", "onreceivechatmessage")
        written = _fixed(tmp_path / repr(unit), source, "expand-snippet")
        three = 3 * unit + "subscriptions.push(PEX.actions$.ofType(PEX.actions.RECEIVE_CHAT_MESSAGE).subscribe("
        assert three + "function (action) {\n" + 4 * unit + "var text = action.payload.payload;\n" in written
        assert "\n" + 3 * unit + "}));\n" in written
        leads = {line[: len(line) - len(line.lstrip(" \t"))] for line in written.split("\n")}
        assert {lead.replace(unit, "") for lead in leads} == {""}  # (no other step, no mix)


def test_an_unload_written_as_an_arrow_function_or_function_value_releases_the_subscriptions(tmp_path) -> None:
    """const unload = () => {}; (or var unload = function () { ... }), as arrow-function plugins
    write it: 'Declare subscriptions' and the listening snippets brought the array but no release
    in unload, so switched off and on again the plugin still heard everything twice (PD535 stayed)."""
    pasted = "subscriptions.push(PEX.actions$.ofType(PEX.actions.RECEIVE_CHAT_MESSAGE).subscribe(() => {}));"
    arrows = (
        "(() => {\n    const load = () => {\n        %s\n    };\n    const unload = () => {};\n"
        "    window.PEX.pluginAPI.registerPlugin({ id: 'hello-message', load, unload, showHelloMessage: () => {} });\n"
        "})();\n"
    )
    var = arrows.replace("const unload = () => {};", "var unload = function () {\n        return;\n    };")
    for n, source in enumerate((arrows, var)):
        written = _fixed(tmp_path / str(n), source.replace("%s", pasted), "declare-subscriptions")
        assert written.count("subscription.unsubscribe();") == 1, written
        assert _still_open_after_unload(tmp_path / str(n) / "p" / "webapp2", written) == []


def test_the_subscriptions_array_never_goes_above_a_use_strict_with_a_comment(tmp_path) -> None:
    """'use strict'; with a comment after it on its line was not taken for the directive, so the
    array went above it at the top of the wrapper: no longer first, 'use strict' was then a plain
    string, and the plugin silently ran without strict mode. The array goes below it."""
    strict = "(function () {\n    'use strict'; // mistakes throw instead of passing silently\n"
    source = _KEYED.replace("(function () {\n", strict)
    pasted = "subscriptions.push(PEX.actions$.ofType(PEX.actions.RECEIVE_CHAT_MESSAGE).subscribe(function () {}));"
    written = _fixed(tmp_path, source.replace("%s", pasted), "declare-subscriptions")
    assert written.startswith(strict + "\n    // What load listens to"), written
    from designer.core.snippets import subscriptions_needed

    odd = source.replace("'use strict'; //", "'use strict' /* strict */; //").replace("%s", pasted)
    assert subscriptions_needed(odd, 5) == []  # (a directive not on a line of its own: nothing above it)


def test_declare_subscriptions_says_why_it_cannot(tmp_path) -> None:
    """Where 'Declare subscriptions' found no place for the array it said "subscriptions is declared
    already, or there is no wrapper function to declare it in", which was neither true nor of help
    when the wrapper was there but never closed. It says which, and what to do."""
    pasted = "subscriptions.push(PEX.actions$.ofType(PEX.actions.RECEIVE_CHAT_MESSAGE).subscribe(function () {}));"
    unclosed = _KEYED.replace("%s", pasted).replace("})();\n", "")
    said = _pd523(tmp_path / "unclosed", unclosed)
    assert said.fix is None and re.search(
        r"a syntax error \(the Problems list says where\): fix it first", said.message
    )
    unwrapped = _KEYED.replace("%s", pasted).replace("(function () {\n", "").replace("})();\n", "")
    said = _pd523(tmp_path / "unwrapped", unwrapped)
    assert said.fix is None and re.search(r"not inside a wrapper function .*a global of the page", said.message)


def _pd523(tmp_path, source: str):
    """The PD523 problem the checks report in a new project's plugin whose source is ``source``."""
    from designer.core.checks import run_checks
    from designer.core.model import load
    from designer.core.newproject import create_project

    web = create_project(tmp_path / "p")
    (web / "plugins" / "hello-message" / "hello-message.plugin.js").write_text(source, encoding="utf-8")
    (said,) = [p for p in run_checks(load(web)) if p.code == "PD523"]
    return said


def test_the_subscriptions_array_goes_in_the_wrapper_not_below_the_file_s_own_use_strict(tmp_path) -> None:
    """A build's output ("use strict"; on the file's first line, then (() => { ... })(), as esbuild and
    tsc write it): the array was declared below that first line, outside the wrapper, a global of
    the page that another plugin doing the same shared, each one's unload releasing the other's
    subscriptions. It goes at the top of the wrapper; with a 'use strict' of its own, below that."""
    pasted = "subscriptions.push(PEX.actions$.ofType(PEX.actions.RECEIVE_CHAT_MESSAGE).subscribe(() => {}));"
    built = '"use strict";\n' + _KEYED.replace("(function () {", "(() => {").replace("%s", pasted)
    written = _fixed(tmp_path / "a", built, "declare-subscriptions")
    assert written.startswith('"use strict";\n(() => {\n    // What load listens to'), written
    inner = built.replace("(() => {\n", "(() => {\n    'use strict';\n")
    written = _fixed(tmp_path / "b", inner, "declare-subscriptions")
    assert written.startswith("\"use strict\";\n(() => {\n    'use strict';\n\n    // What load listens to"), written


def test_an_unload_under_a_quoted_key_releases_the_subscriptions(tmp_path) -> None:
    """registerPlugin({'load': function () {...}, 'unload': function () {...}}), its keys in quotes
    as some plugins (and JSON-minded authors) write them: the array came but no release in unload,
    so switched off and on again the plugin still heard everything twice."""
    pasted = "subscriptions.push(PEX.actions$.ofType(PEX.actions.RECEIVE_CHAT_MESSAGE).subscribe(function () {}));"
    for quote in ("'", '"'):
        quoted = _KEYED.replace("%s", pasted)
        for key in ("id", "load", "unload", "showHelloMessage"):
            quoted = quoted.replace(f"        {key}: ", f"        {quote}{key}{quote}: ")
        written = _fixed(tmp_path / f"q{ord(quote)}", quoted, "declare-subscriptions")
        assert f"{quote}unload{quote}: function () {{\n            subscriptions.forEach(" in written, written


def test_a_subscriptions_array_declared_in_a_list_of_names_is_not_declared_again() -> None:
    """CoffeeScript's output declares its names in one list (var load, subscriptions, unload;) and
    sets them below: a listening snippet took the plugin for one without the array and declared a
    second, and a second release in unload."""
    from conftest import FIXTURES

    from designer.core.snippets import lines_needed

    source = (FIXTURES / "bundled_js" / "coffeescript_call_this.js").read_text(encoding="utf-8")
    assert "var load, showMeetingInfo, subscriptions, unload;" in source
    assert lines_needed(find_prefix("onreceivechatmessage"), source, 7, "  ") == []


def test_a_listening_snippet_s_code_in_a_plugin_object_registered_by_name_is_checked_and_declared(tmp_path) -> None:
    """var plugin = { load: function () { subscriptions.push(...) } }; registerPlugin(plugin): the
    check did not see that load runs as the plugin starts, so the ReferenceError at the missing
    array went unsaid (and with it the fix) until the app showed its 'Oops' page. It is said, and
    'Declare subscriptions' writes a plugin that runs and releases what it heard."""
    pasted = "subscriptions.push(PEX.actions$.ofType(PEX.actions.RECEIVE_CHAT_MESSAGE).subscribe(function () {}));"
    named = (
        _KEYED.replace("%s", pasted)
        .replace("window.PEX.pluginAPI.registerPlugin({", "var plugin = {")
        .replace("    });\n})();", "    };\n    window.PEX.pluginAPI.registerPlugin(plugin);\n})();")
    )
    written = _fixed(tmp_path, named, "declare-subscriptions")
    assert (
        written.startswith("(function () {\n    // What load listens to") and "subscription.unsubscribe();" in written
    )
    assert _still_open_after_unload(tmp_path / "p" / "webapp2", written) == []


def test_the_subscriptions_array_below_use_strict_stands_apart_from_the_code_below_it(tmp_path) -> None:
    """Below 'use strict'; with code on the next line, the array's declaration came right against
    that code (var subscriptions = []; then registerPlugin on the next line), as if one block. A
    blank line separates them, as it does above."""
    pasted = "subscriptions.push(PEX.actions$.ofType(PEX.actions.RECEIVE_CHAT_MESSAGE).subscribe(function () {}));"
    source = _KEYED.replace("(function () {\n", "(function () {\n    'use strict';\n").replace("%s", pasted)
    written = _fixed(tmp_path, source, "declare-subscriptions")
    assert "'use strict';\n\n    // What load" in written
    assert "    var subscriptions = [];\n\n    window.PEX.pluginAPI.registerPlugin({" in written, written


def test_the_snippet_browser_parses_a_plugin_once_to_say_what_a_snippet_brings(monkeypatch) -> None:
    """To say whether the array comes too in a plugin with load as a key of registerPlugin's object,
    the file was parsed at each move in the snippet browser's list (a fifth of a second for a
    200 KB plugin, each time). The answer is kept for the text it was asked of."""
    from designer.core import jsanalysis
    from designer.core.snippets import lines_needed

    parsed: list[int] = []
    real = jsanalysis.parse_tree
    monkeypatch.setattr(jsanalysis, "parse_tree", lambda data: parsed.append(len(data)) or real(data))
    source = _KEYED.replace("%s", "").replace("'hello-message'", "'parsed-once'")
    for s in ("onreceivechatmessage", "onselectevent", "onreceivechatmessage"):
        assert len(lines_needed(find_prefix(s), source, 4)) == 2
    assert len(parsed) == 1


def test_the_subscriptions_array_goes_in_a_wrapper_whose_first_line_ends_in_a_comment(tmp_path) -> None:
    """(function () { // Chat helper: the wrapper's line ending in a comment, as authors name their
    plugin: that was taken for code after the {, so there was no place for the array and the check
    went on saying subscriptions was defined nowhere. It goes below that line."""
    pasted = "subscriptions.push(PEX.actions$.ofType(PEX.actions.RECEIVE_CHAT_MESSAGE).subscribe(function () {}));"
    source = _KEYED.replace("(function () {\n", "(function () { // Chat helper\n").replace("%s", pasted)
    written = _fixed(tmp_path, source, "declare-subscriptions")
    assert written.startswith("(function () { // Chat helper\n    // What load listens to"), written


def test_an_unload_whose_first_line_ends_in_a_comment_releases_the_subscriptions(tmp_path) -> None:
    """function unload() { // switched off: its line ending in a comment was not taken for unload's
    start, so the array came without its release and the plugin still heard everything twice."""
    pasted = "subscriptions.push(PEX.actions$.ofType(PEX.actions.RECEIVE_CHAT_MESSAGE).subscribe(function () {}));"
    source = _KEYED.replace("unload: function () {\n", "unload: function () { // switched off\n")
    written = _fixed(tmp_path, source.replace("%s", pasted), "declare-subscriptions")
    assert "unload: function () { // switched off\n            subscriptions.forEach(" in written, written


def test_the_subscriptions_array_is_declared_with_let_in_a_plugin_that_never_writes_var(tmp_path) -> None:
    """A plugin written with const and let only (arrow functions, as modern code and linters'
    no-var rule have it) got 'var subscriptions = [];', the one var in the file. It is declared
    with let there (not const: unload empties it again); with var where the file writes var."""
    pasted = "subscriptions.push(PEX.actions$.ofType(PEX.actions.RECEIVE_CHAT_MESSAGE).subscribe(() => {}));"
    modern = (
        "(() => {\n    const load = () => {\n        %s\n    };\n    const unload = () => {};\n"
        "    window.PEX.pluginAPI.registerPlugin({ id: 'hello-message', load, unload, showHelloMessage: () => {} });\n"
        "})();\n"
    ).replace("%s", pasted)
    written = _fixed(tmp_path / "let", modern, "declare-subscriptions")
    assert "\n    let subscriptions = [];\n" in written and "var " not in written, written
    assert _still_open_after_unload(tmp_path / "let" / "p" / "webapp2", written) == []
    older = modern.replace("const unload", "var unload")
    assert "\n    var subscriptions = [];\n" in _fixed(tmp_path / "var", older, "declare-subscriptions")


def test_no_fix_writes_a_second_plugin_into_a_plugin_that_registers_one(tmp_path) -> None:
    """'iife' (a whole plugin source) or 'register' left alone in a plugin's load: PD523 offered to
    write the snippet there, a second plugin skeleton inside the first, registering again each time
    load ran. It says why the snippet does not go there and offers no fix; in a file with no
    registration, the fix is offered as before."""
    from designer.core.checks import run_checks
    from designer.core.model import load
    from designer.core.newproject import create_project

    web = create_project(tmp_path / "p")
    js = web / "plugins" / "hello-message" / "hello-message.plugin.js"
    for word in ("iife", "register"):
        js.write_text(_KEYED.replace("%s", word), encoding="utf-8")
        (said,) = [p for p in run_checks(load(web)) if p.code == "PD523"]
        assert said.fix is None and "registers a plugin, and this file registers one already" in said.message
    js.write_text("iife\n", encoding="utf-8")
    assert [p.fix.kind for p in run_checks(load(web)) if p.code == "PD523" and p.fix] == ["expand-snippet"]


def test_the_subscriptions_fixes_work_in_a_source_with_old_mac_line_ends(tmp_path) -> None:
    """A plugin whose lines end in a lone CR (an old Mac editor's): PD523 offered 'Declare
    subscriptions', which then said it knew no place in the wrapper (the file read as one line),
    and 'Write the snippet' wrote the snippet with LF line ends. Both write what they write in an
    LF file, with the file's CR line ends."""
    pasted = "subscriptions.push(PEX.actions$.ofType(PEX.actions.RECEIVE_CHAT_MESSAGE).subscribe(function () {}));"
    keyed = _KEYED.replace("(function () {\n", "(function () {\n    'use strict';\n")
    for source, kind in (
        (_NO_ARRAY.replace("%s", "    " + pasted), "declare-subscriptions"),
        (keyed.replace("%s", pasted), "declare-subscriptions"),
        (keyed.replace("%s", "onreceivechatmessage"), "expand-snippet"),
    ):
        expected = _fixed(tmp_path / "lf", source, kind)
        assert "subscription.unsubscribe();" in expected
        written = _fixed(tmp_path / "cr", source.replace("\n", "\r"), kind)
        assert written == expected.replace("\n", "\r")
        shutil.rmtree(tmp_path / "lf"), shutil.rmtree(tmp_path / "cr")


_UNWRAPPED = """"use strict";

function load(participants$, conferenceDetails$) {
    %s
}

function unload() {
}

function showHelloMessage() {}

PEX.pluginAPI.registerPlugin({
    id: "hello-message",
    load: load,
    unload: unload,
    showHelloMessage: showHelloMessage
});
"""


def test_no_subscriptions_array_goes_at_the_top_of_a_file_without_a_wrapper(pane: SourcePane, qtbot, tmp_path) -> None:
    """A plugin with no wrapper function ("use strict"; then its functions at the file's top, as
    Babel and tsc write it): 'Declare subscriptions' and a listening snippet declared the array
    above load, at the top of the file, where it is a global of the page that every plugin doing
    the same shares (each one's unload releasing the others'). Nothing can see load's array there
    without it being a global, so nothing is written: the fix says why and what to do, and the
    editor writes the snippet alone and says so in the status bar."""
    pasted = "subscriptions.push(PEX.actions$.ofType(PEX.actions.RECEIVE_CHAT_MESSAGE).subscribe(function () {}));"
    why = r"not inside a wrapper function .*a global of the page"
    said = _pd523(tmp_path / "functions", _UNWRAPPED.replace("%s", pasted))
    assert said.fix is None and re.search(why, said.message)
    with qtbot.waitSignal(pane.editor.sig_said) as said:
        _typed_in_load(pane, qtbot, _UNWRAPPED, "onreceivechatmessage")
    text = pane.editor.toPlainText()
    assert "subscriptions.push(PEX.actions$" in text and "var subscriptions" not in text
    assert "subscriptions.forEach" not in text
    assert re.search(why, said.args[0]), said.args[0]


@pytest.mark.parametrize("word", ["iife", "register"])
def test_tab_after_iife_in_a_plugin_that_registers_one_writes_no_second_plugin(pane: SourcePane, qtbot, word) -> None:
    """'iife' (or 'register') then Tab in a plugin's load wrote a second plugin skeleton inside the
    first, registering again each time load ran (the Problems list's fix for the same word refuses).
    The editor refuses too: the word stays as typed and the status bar says why."""
    with qtbot.waitSignal(pane.editor.sig_said) as said:
        _typed_in_load(pane, qtbot, _KEYED, word)
    assert pane.editor.toPlainText() == _KEYED.replace("%s", word)
    assert pane.editor.snippet is None and pane.editor.textCursor().position() == _KEYED.index("%s") + len(word)
    assert "registers a plugin, and this file registers one already" in said.args[0], said.args[0]
    pane.show_file("b.plugin.js", "", read_only=False)  # (in a file with none, the snippet goes in)
    qtbot.keyClicks(pane.editor, word)
    qtbot.keyClick(pane.editor, Qt.Key.Key_Tab)
    assert "registerPlugin({" in pane.editor.toPlainText()


_DOUBLE_CONST = """(() => {
    "use strict";

    const load = (participants$, conferenceDetails$) => {
        %s
    };
    const unload = () => {};
    const showHelloMessage = () => {
        PEX.pluginAPI.openTemplateDialog({ title: "Hello", body: "<p>Hello</p>" });
    };

    PEX.pluginAPI.registerPlugin({ id: "hello-message", load, unload, showHelloMessage });
})();
"""


def test_snippets_are_written_with_the_file_s_quotes_and_declarations(pane: SourcePane, qtbot, tmp_path) -> None:
    """The snippets went into a file of double quotes and const/let as 'x' and var, lines its
    linter (quotes, no-var) flagged and its author rewrote by hand. They take the file's quotes
    (not a string holding a double quote, an HTML attribute: escaped, it read worse) and declare
    as it does (const, let for a name assigned again); in a file of single quotes and var, or
    one that mixes them, as before."""
    from designer.core.snippets import CodeStyle, code_style

    _typed_in_load(pane, qtbot, _DOUBLE_CONST, "queryparams")
    assert pane.editor.textCursor().selectedText() == "value"  # (its placeholders where they were)
    assert 'const value = PEX.conferenceQueryParams["name"];\n' in pane.editor.toPlainText()
    _typed_in_load(pane, qtbot, _DOUBLE_CONST, "dialog")
    text = pane.editor.toPlainText()
    assert 'title: "Title",\n' in text and "body: '<form id=\"pluginForm\">' +" in text
    assert 'const form = document.getElementById("pluginForm");' in text
    written = _fixed(tmp_path / "fix", _DOUBLE_CONST.replace("%s", "onreceivechatmessage"), "expand-snippet")
    assert "const text = action.payload.payload;" in written and "\n    let subscriptions = [];\n" in written
    assert "'" not in written and "var " not in written, written
    _typed_in_load(pane, qtbot, _NO_ARRAY.replace("    %s\n", "        %s\n"), "queryparams")
    assert "var value = PEX.conferenceQueryParams['name'];\n" in pane.editor.toPlainText()
    assert code_style("") == code_style("var a = \"x\", b = 'y';") == CodeStyle("'", "var")
    assert code_style('let a = "x", b = "it\'s", c = 1;') == CodeStyle('"', "let")


def test_declare_subscriptions_in_a_one_line_plugin_does_not_say_it_has_no_wrapper(tmp_path) -> None:
    """A minified plugin, all on one line in its !function(){...}(): 'Declare subscriptions' said
    its code was not inside a wrapper function (the start of the registration's line is outside
    it, its call is not). It says there is no place for whole lines in it, as before."""
    pasted = "subscriptions.push(PEX.actions$.ofType(PEX.actions.RECEIVE_CHAT_MESSAGE).subscribe(function(){}));"
    mini = (
        '!function(){"use strict";function l(){%s}function u(){}'
        'PEX.pluginAPI.registerPlugin({id:"hello-message",load:l,unload:u})}();'
    )
    said = _pd523(tmp_path, mini.replace("%s", pasted))
    assert said.fix is None and "no place surely inside the plugin's wrapper function" in said.message
    assert "not inside a wrapper" not in said.message


def test_the_load_snippet_typed_inside_a_function_declares_the_array_where_unload_sees_it(
    pane: SourcePane, qtbot, tmp_path
) -> None:
    """'load' then Tab inside another function (the plugin's own load): the array was declared
    above the snippet, inside that function, and its release written in unload, which cannot see
    it there: switched off, the plugin threw a ReferenceError (strict mode), the 'Oops' page. The
    array goes at the top of the plugin's wrapper, where load and unload both see it."""
    from designer.core.checks import run_checks
    from designer.core.model import load
    from designer.core.newproject import create_project

    _typed_in_load(pane, qtbot, _NO_ARRAY.replace("    %s\n", "        %s\n"), "load")
    text = pane.editor.toPlainText()
    assert text.startswith("(function () {\n    'use strict';\n\n    // What load listens to"), text
    assert "\n    var subscriptions = [];\n" in text and "        var subscriptions" not in text
    web = create_project(tmp_path / "p")
    (web / "plugins" / "hello-message" / "hello-message.plugin.js").write_text(text, encoding="utf-8")
    assert [p.message for p in run_checks(load(web)) if p.code in ("PD521", "PD523")] == []


@pytest.mark.parametrize("shape", ["in-the-call", "by-name"])
def test_a_listening_snippet_s_code_in_a_plugin_object_built_by_object_assign_is_checked_and_declared(
    tmp_path, shape: str
) -> None:
    """A plugin object built by Object.assign ({id} and an object of load and unload): the check
    read only its first part (or, held in a variable, none: PD519), so subscriptions.push with no
    array in load went unsaid, with its fix, until the app showed its 'Oops' page. It is said, and
    'Declare subscriptions' writes a plugin that runs and releases what it heard."""
    pasted = "subscriptions.push(PEX.actions$.ofType(PEX.actions.RECEIVE_CHAT_MESSAGE).subscribe(function () {}));"
    call = "window.PEX.pluginAPI.registerPlugin(Object.assign({id: 'hello-message'}, {"
    built = _KEYED.replace("%s", pasted).replace("        id: 'hello-message',\n", "")
    if shape == "in-the-call":
        built = built.replace("window.PEX.pluginAPI.registerPlugin({", call).replace(
            "    });\n})();", "    }));\n})();"
        )
    else:
        built = built.replace(
            "window.PEX.pluginAPI.registerPlugin({", "var plugin = Object.assign({}, {id: 'hello-message'}, {"
        ).replace("    });\n})();", "    });\n    window.PEX.pluginAPI.registerPlugin(plugin);\n})();")
    written = _fixed(tmp_path, built, "declare-subscriptions")
    assert (
        written.startswith("(function () {\n    // What load listens to") and "subscription.unsubscribe();" in written
    )
    assert _still_open_after_unload(tmp_path / "p" / "webapp2", written) == []


def test_the_snippet_browser_says_a_plugin_skeleton_does_not_go_into_a_plugin(pane: SourcePane, qtbot) -> None:
    """The browser offered 'iife' in a plugin that registers one, as if it would go in; chosen, the
    editor writes nothing (a second plugin inside the first). The browser says so beforehand."""
    pane.show_file("a.plugin.js", _KEYED.replace("%s", ""), read_only=False)
    pane.actions_["snippets"].trigger()
    (dialog,) = [d for d in pane.findChildren(SnippetBrowser) if d.isVisible()]
    qtbot.keyClicks(dialog.search, "iife")
    assert (
        "Not in this file: 'iife' writes the snippet 'Plugin skeleton (IIFE)', which registers" in dialog.detail.text()
    )
    dialog.search.clear()
    qtbot.keyClicks(dialog.search, "openurl")
    assert "Not in this file" not in dialog.detail.text()
    dialog.reject()


def test_the_id_added_to_registerplugin_takes_the_file_s_quotes(tmp_path) -> None:
    """PD504's 'Add id' wrote id: 'hello-message' into a plugin of double quotes, the one single-
    quoted string of the file. It is written in the file's quotes; in quotes of either kind, as before."""
    source = _DOUBLE_CONST.replace("%s", "").replace('{ id: "hello-message", load', "{ load")
    assert '{ id: "hello-message", load' in _fixed(tmp_path / "double", source, "add-registered-key")
    single = source.replace('"', "'")
    assert "{ id: 'hello-message', load" in _fixed(tmp_path / "single", single, "add-registered-key")


def test_the_snippet_browser_says_when_the_subscriptions_array_cannot_come(pane: SourcePane, qtbot) -> None:
    """In a plugin with no wrapper function the array a listening snippet uses does not come (at
    the file's top it would be a global of the page); the browser said nothing of it, and the
    snippet then went in alone. It says so, and why."""
    pane.show_file("a.plugin.js", _UNWRAPPED.replace("%s", ""), read_only=False)
    cursor = pane.editor.textCursor()
    cursor.setPosition(_UNWRAPPED.index("%s"))
    pane.editor.setTextCursor(cursor)
    pane.actions_["snippets"].trigger()
    (dialog,) = [d for d in pane.findChildren(SnippetBrowser) if d.isVisible()]
    qtbot.keyClicks(dialog.search, "onreceivechatmessage")
    said = dialog.detail.text()
    dialog.reject()
    assert "has no subscriptions array, which it uses, and it does not come: the plugin's code is not inside" in said


def test_a_snippet_in_a_big_source_is_written_without_analysing_it_on_the_spot(monkeypatch) -> None:
    """A big source (a build's output, 256 KB and up, checked on worker threads) analysed on the
    spot when 'iife' or a listening snippet was asked for there: seconds with the window frozen
    for a bundle of megabytes. Neither asks for it: a big file naming registerPlugin registers a
    plugin, and where the array has no place, the words say so without a parse."""
    from designer.core import jsanalysis
    from designer.core.snippets import registers_again, unplaced_subscriptions

    big = "// " + "x" * 300_000 + "\n" + _KEYED.replace("%s", "")
    monkeypatch.setattr(jsanalysis, "analyse", lambda source: pytest.fail("analysed"))
    assert "registers one already" in registers_again(find_prefix("iife"), big)
    assert registers_again(find_prefix("iife"), big.replace("registerPlugin", "register")) == ""
    assert "too big" in unplaced_subscriptions(find_prefix("onreceivechatmessage"), big)


def test_pd523_offers_declare_subscriptions_only_where_it_can_write_the_array(tmp_path) -> None:
    """In a plugin with no wrapper function PD523 offered 'Declare subscriptions', and the click only
    said it could not. The problem says why instead, with no Fix; where the array can go, as before."""
    from designer.core.checks import run_checks
    from designer.core.model import load
    from designer.core.newproject import create_project

    pasted = "subscriptions.push(PEX.actions$.ofType(PEX.actions.RECEIVE_CHAT_MESSAGE).subscribe(function () {}));"
    web = create_project(tmp_path / "p")
    js = web / "plugins" / "hello-message" / "hello-message.plugin.js"
    js.write_text(_UNWRAPPED.replace("%s", pasted), encoding="utf-8")
    (said,) = [p for p in run_checks(load(web)) if p.code == "PD523"]
    assert said.fix is None
    assert "The designer cannot declare it here: the plugin's code is not inside a wrapper function" in said.message
    js.write_text(_NO_ARRAY.replace("%s", "    " + pasted), encoding="utf-8")
    (said,) = [p for p in run_checks(load(web)) if p.code == "PD523"]
    assert said.fix is not None and said.fix.kind == "declare-subscriptions" and "cannot" not in said.message


_NO_SEMICOLONS = """(function () {
  'use strict'

  function load (participants$, conferenceDetails$) {
    %s
  }

  function unload () {
  }

  function showHelloMessage () {
    PEX.pluginAPI.openTemplateDialog({ title: 'Hello', body: '<p>Hello</p>' })
  }

  PEX.pluginAPI.registerPlugin({ id: 'hello-message', load: load, unload: unload, showHelloMessage: showHelloMessage })
})()
"""


def test_snippets_and_fixes_follow_a_file_written_without_semicolons(pane: SourcePane, qtbot, tmp_path) -> None:
    """A file written without semicolons (the 'standard' style) got snippets, the subscriptions
    array, its release and the code of Make it do with a ';' at each line's end, which its linter
    flagged line by line. They follow the file; a short file or one with them keeps them."""
    from designer.core.actionsync import add_action_function
    from designer.core.behaviours import Details, body_state, write_behaviour
    from designer.core.snippets import code_style

    _typed_in_load(pane, qtbot, _NO_SEMICOLONS, "onreceivechatmessage")
    text = pane.editor.toPlainText()
    assert "var text = action.payload.payload\n" in text and "}))\n" in text, text
    assert "  var subscriptions = []\n" in text and "    subscriptions = []\n" in text, text
    assert not re.search(r";[ \t]*$", text, re.MULTILINE), text
    written = _fixed(tmp_path / "fix", _NO_SEMICOLONS.replace("%s", "preqmute"), "expand-snippet")
    assert "'/mute').then(function (response) {\n" in written and not re.search(r";\s*$", written, re.M), written
    pasted = "subscriptions.push(PEX.actions$.ofType(PEX.actions.SELECT_EVENT).subscribe(function () {}))"
    written = _fixed(tmp_path / "declare", _NO_SEMICOLONS.replace("%s", pasted), "declare-subscriptions")
    assert "var subscriptions = []\n" in written and not re.search(r";\s*$", written, re.M), written
    made = write_behaviour(_NO_SEMICOLONS.replace("%s", ""), "raiseHand", "mute", Details(), "participants")
    assert "participant.uuid + '/mute')" in made and not re.search(r";\s*$", made, re.M), made
    assert body_state(made, "raiseHand").state == "designer"  # (still the designer's: Make it do may redo it)
    arrows = "(() => {\n  const load = () => {}\n  const unload = () => {}\n  const a = 1\n\n"
    arrows += "  PEX.pluginAPI.registerPlugin({ id: 'x', load, unload })\n})()\n"
    assert "  const raiseHand = (participant) => {\n    // runs when the menu item is clicked\n  }\n" in (
        add_action_function(arrows, "raiseHand", "participants")
    )
    assert code_style("var a = 1\n").semicolons  # (in doubt, as before)
    assert code_style(_NO_ARRAY).semicolons


def test_a_file_of_arrow_functions_gets_arrows_in_the_code_the_designer_writes(
    pane: SourcePane, qtbot, tmp_path
) -> None:
    """A plugin written with arrow functions only got 'function (subscription) {' in the release
    'Declare subscriptions' and the listening snippets wrote into its unload, and 'function
    (action) {' in the snippets themselves: the one 'function' of the file. They are arrows there,
    and Make it do's code, so written, is still the designer's; a file with a function keeps them."""
    from designer.core.behaviours import Details, body_state, write_behaviour

    _typed_in_load(pane, qtbot, _DOUBLE_CONST, "onreceivechatmessage")
    text = pane.editor.toPlainText()
    assert ".subscribe((action) => {\n" in text and "subscriptions.forEach((subscription) => {\n" in text, text
    assert "function" not in text, text
    pasted = "subscriptions.push(PEX.actions$.ofType(PEX.actions.SELECT_EVENT).subscribe(() => {}));"
    written = _fixed(tmp_path / "declare", _DOUBLE_CONST.replace("%s", pasted), "declare-subscriptions")
    assert "subscriptions.forEach((subscription) => {" in written and "function" not in written, written
    made = write_behaviour(_DOUBLE_CONST.replace("%s", ""), "raiseHand", "mute", Details(confirm=True), "participants")
    assert ".then((dialogRef) => {" in made and 'addEventListener("click", () => {' in made, made
    assert body_state(made, "raiseHand").state == "designer"
    _typed_in_load(pane, qtbot, _NO_ARRAY, "onreceivechatmessage")
    assert "subscriptions.forEach(function (subscription) {" in pane.editor.toPlainText()


_TABS_AND_SPACES = """(function () {
\t'use strict';

\tfunction showHelloMessage() {
\t\twindow.PEX.pluginAPI.openTemplateDialog({title: 'Hello message', body: '<p>Hello</p>'});
\t}

    function load(participants$, conferenceDetails$) {
        %s
    }

    function unload() {
    }

\twindow.PEX.pluginAPI.registerPlugin({
\t\tid: 'hello-message',
\t\tload: load,
\t\tunload: unload,
\t\tshowHelloMessage: showHelloMessage
\t});
})();
"""


def test_code_written_under_a_line_of_spaces_in_a_file_of_tabs_does_not_mix_them(
    pane: SourcePane, qtbot, tmp_path
) -> None:
    """In a file of tabs with functions indented with spaces (pasted in), code the designer wrote
    under a line of spaces got those spaces then a tab ('    \\t'), at another depth in every
    other editor: a snippet's inner lines, the release in unload, Enter after '{'. Under a line of
    spaces a level is spaces; under one of tabs, a tab, as before."""
    _typed_in_load(pane, qtbot, _TABS_AND_SPACES, "onreceivechatmessage")
    text = pane.editor.toPlainText()
    assert " \t" not in text, text
    assert "\n            var text = action.payload.payload;\n" in text, text
    assert (
        "\n        subscriptions.forEach(function (subscription) {\n            subscription.unsubscribe();\n" in text
    )
    written = _fixed(tmp_path / "fix", _TABS_AND_SPACES.replace("%s", "reqlock"), "expand-snippet")
    assert " \t" not in written and "\n            $0" not in written and "\n        });\n" in written, written
    editor = pane.editor
    cursor = editor.textCursor()
    cursor.setPosition(editor.toPlainText().index("function unload() {") + len("function unload() {"))
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert editor.textCursor().block().text() == " " * 8
    tabbed = _TABS_AND_SPACES.replace("    function load", "\tfunction load").replace(
        "        %s\n    }", "\t\t%s\n\t}"
    )
    _typed_in_load(pane, qtbot, tabbed, "reqlock")  # (under a line of tabs, a tab, as before)
    assert "then(function (response) {\n\t\t\t\n\t\t});\n" in pane.editor.toPlainText()


_IN_AN_OBJECT = """(function () {
    function showHelloMessage() {
    }

    window.PEX.pluginAPI.registerPlugin({%s
        id: 'hello-message', // the package's
        showHelloMessage: showHelloMessage
    });
})();
"""


@pytest.mark.parametrize(
    ("source", "typed"),
    [
        (_IN_AN_OBJECT.replace("%s", "\n        %s"), "load"),  # (on the line below the '{')
        (_IN_AN_OBJECT, "unload"),  # (right after it)
        (_IN_AN_OBJECT.replace("%s", "").replace("the package's\n", "the package's\n        %s\n"), "load"),
    ],
)
def test_tab_after_a_prefix_among_an_object_s_keys_writes_nothing_and_says_why(
    pane: SourcePane, qtbot, source: str, typed: str
) -> None:
    """'load' then Tab on the line below registerPlugin({ (or after one of its keys) wrote the
    load snippet, function load(...) {...}, among the object's keys: a syntax error that stopped
    the whole plugin. The editor refuses there: the word stays as typed, the status bar says why.
    In a function's body, after the '{' of a block, the snippet goes in as before."""
    with qtbot.waitSignal(pane.editor.sig_said) as said:
        _typed_in_load(pane, qtbot, source, typed)
    assert pane.editor.toPlainText() == source.replace("%s", typed)
    assert pane.editor.snippet is None and pane.editor.textCursor().position() == source.index("%s") + len(typed)
    assert "was not written: it " in said.args[0] and "where only" in said.args[0], said.args[0]
    block = _IN_AN_OBJECT.replace("%s", "").replace("showHelloMessage() {\n", "showHelloMessage() {\n        %s\n")
    _typed_in_load(pane, qtbot, block, "reqlock")
    assert "showHelloMessage() {\n        PEX.pluginAPI.sendRequest('/lock')" in pane.editor.toPlainText()


def test_make_it_do_in_a_crlf_file_without_semicolons_writes_none(tmp_path) -> None:
    """Make it do's code is written with the file's line ends before it takes the file's style:
    in a CRLF file written without semicolons, its lines still ended in ';' (the CR before the
    line's end hid them), though an LF file got none."""
    from designer.core.behaviours import Details, body_state, write_behaviour

    source = _NO_SEMICOLONS.replace("%s", "").replace("\n", "\r\n")
    made = write_behaviour(source, "raiseHand", "mute", Details(confirm=True), "participants")
    assert "participant.uuid + '/mute')" in made and not re.search(r";\s*$", made, re.M), made
    assert "\r\n" in made and "\n" not in made.replace("\r\n", "")
    assert body_state(made, "raiseHand").state == "designer"


def test_a_plugin_of_arrows_in_a_function_wrapper_gets_arrows_too(pane: SourcePane, qtbot) -> None:
    """A plugin whose functions are all arrows, wrapped in (function () { ... })() as the guide
    writes it, got 'function (action) {' in the snippets and the release: its wrapper's function
    counted as the file writing functions. The wrapper does not count; a function inside does."""
    wrapped = _DOUBLE_CONST.replace("(() => {", "(function () {", 1)
    _typed_in_load(pane, qtbot, wrapped, "onreceivechatmessage")
    text = pane.editor.toPlainText()
    assert ".subscribe((action) => {\n" in text and "subscriptions.forEach((subscription) => {\n" in text, text
    _typed_in_load(pane, qtbot, wrapped.replace("const unload = () => {};", "function unload() {}"), "reqlock")
    assert ".then(function (response) {" in pane.editor.toPlainText()


def test_the_subscriptions_array_above_a_line_starting_with_a_bracket_keeps_its_semicolon(tmp_path) -> None:
    """In a file without semicolons, the array and its release went right above the first line of
    the wrapper and of unload, which needs no guard there: '['x'].forEach(...)' below
    'var subscriptions = []' read as one statement, '[]['x']...', which threw as the plugin
    loaded. A ';' ends them there; elsewhere they have none, as the file."""
    source = """(function () {
  ['x'].forEach(String)

  PEX.pluginAPI.registerPlugin({
    id: 'hello-message',
    load: function () {
      %s
    },
    unload: function () {
      (window.stop || String)()
    }
  })
})()
"""
    pasted = "subscriptions.push(PEX.actions$.ofType(PEX.actions.SELECT_EVENT).subscribe(function () {}))"
    written = _fixed(tmp_path / "lead", source.replace("%s", pasted), "declare-subscriptions")
    assert "  var subscriptions = [];\n\n  ['x'].forEach(String)\n" in written, written
    assert "      subscriptions = [];\n      (window.stop || String)()\n" in written, written
    assert "subscription.unsubscribe()\n" in written


def test_a_snippet_above_a_line_starting_with_a_bracket_keeps_its_last_semicolon(
    pane: SourcePane, qtbot, tmp_path
) -> None:
    """In a file without semicolons, a snippet typed above a line starting with '[' or '(' (which
    needs no guard as the first line of its block) ended with ')', so the two read as one
    statement, '})[...]', which threw. Its last statement ends with ';' there; elsewhere none."""
    source = _NO_SEMICOLONS.replace("    %s\n", "    %s\n    ;['a'].forEach(String)\n")
    source = source.replace("    %s\n    ;[", "    %s\n    [")
    _typed_in_load(pane, qtbot, source, "reqlock")
    assert "then(function (response) {\n      \n    });\n    ['a'].forEach(String)\n" in pane.editor.toPlainText()
    _typed_in_load(pane, qtbot, _NO_SEMICOLONS, "reqlock")
    assert "then(function (response) {\n      \n    })\n  }\n" in pane.editor.toPlainText()


_LINE_END_MIXES = {
    "lone CR": lambda s: s.replace("\n", "\r"),
    "CRLF": lambda s: s.replace("\n", "\r\n"),
    "LF, a lone CR": lambda s: s.replace("(function () {\n", "(function () {\r", 1),
    "CRLF, a lone CR": lambda s: s.replace("\n", "\r\n").replace("(function () {\r\n", "(function () {\r", 1),
}


@pytest.mark.parametrize("ends", _LINE_END_MIXES)
def test_the_subscriptions_check_and_fixes_count_lines_as_javascript_does(tmp_path, ends: str) -> None:
    """JavaScript (and so the checks' line numbers) ends a line at a lone CR too, and the fixes
    that write whole lines split the source at LF. A lone-CR file was read with LF for them, but a
    file of LF (or CRLF) lines with a lone CR among them was not: PD523 offered no 'Declare
    subscriptions' (the line it named was another), and 'Write the snippet' wrote the listening
    snippet without the subscriptions array it uses (the plugin failed at load). Each path reads
    every line end as its own, and the file keeps its line ends, the lines added taking the
    file's most common one."""
    mixed = _LINE_END_MIXES[ends]
    pasted = "subscriptions.push(PEX.actions$.ofType(PEX.actions.RECEIVE_CHAT_MESSAGE).subscribe(function () {}));"
    keyed = _KEYED.replace("(function () {\n", "(function () {\n    'use strict';\n")
    for source, kind in (
        (_NO_ARRAY.replace("%s", "    " + pasted), "declare-subscriptions"),
        (keyed.replace("%s", pasted), "declare-subscriptions"),
        (keyed.replace("%s", "onreceivechatmessage"), "expand-snippet"),
    ):
        expected = _fixed(tmp_path / "lf", source, kind)
        assert "var subscriptions = [];" in expected and "subscription.unsubscribe();" in expected
        assert _fixed(tmp_path / "mixed", mixed(source), kind) == mixed(expected)
        shutil.rmtree(tmp_path / "lf"), shutil.rmtree(tmp_path / "mixed")


_ARROWS_WITHOUT_LOAD = """(() => {
    "use strict";

    %s
    const showHelloMessage = () => {
        PEX.pluginAPI.openTemplateDialog({ title: "Hello", body: "<p>Hello</p>" });
    };

    PEX.pluginAPI.registerPlugin({ id: "hello-message", load, unload, showHelloMessage });
    %s
})();
"""


def test_load_and_unload_in_a_file_of_arrow_functions_are_arrows_too(pane: SourcePane, qtbot) -> None:
    """In a plugin written with arrow functions only, the load and unload snippets still wrote
    'function load(...) {' and 'function unload() {', the file's only declarations, which its
    author rewrote by hand. They are names given an arrow, as the file's (registerPlugin's keys
    still name them); below the registerPlugin call, where a const is not set yet when the call
    reads it, they stay hoisted function declarations."""
    from designer.core.jsanalysis import analyse

    above = _ARROWS_WITHOUT_LOAD.replace("%s", "", 2).replace("    \n    const show", "    %s\n    const show")
    _typed_in_load(pane, qtbot, above.replace("%s", "%s", 1), "load")
    text = pane.editor.toPlainText()
    assert "    const load = (participants$, conferenceDetails$) => {\n" in text, text
    assert "\n    };\n    const showHelloMessage" in text and "function" not in text, text
    assert pane.editor.textCursor().selectedText() == "// participants: a list of participant objects"
    assert not analyse(text).syntax_errors
    _typed_in_load(pane, qtbot, above, "unload")
    text = pane.editor.toPlainText()
    assert "    const unload = () => {\n        subscriptions.forEach((subscription) => {\n" in text, text
    assert "function" not in text and not analyse(text).syntax_errors, text
    below = _ARROWS_WITHOUT_LOAD.replace("%s", "", 1)
    _typed_in_load(pane, qtbot, below, "load")
    assert "\n    function load(participants$, conferenceDetails$) {\n" in pane.editor.toPlainText()
    bare = above.replace(";\n", "\n")  # (a file written without semicolons: none after the arrow's '}')
    _typed_in_load(pane, qtbot, bare, "unload")
    text = pane.editor.toPlainText()
    assert "    const unload = () => {\n" in text and "\n    }\n    const showHelloMessage" in text, text
    from designer.core.snippets import written_for

    helpers = "const a = () => {\n  return 1\n}\nconst b = () => a()\nconst c = () => b()\n"  # (no plugin yet)
    skeleton = written_for(find_prefix("iife"), helpers, "", "    ", {"ACTION": "raiseHand"}, "").text
    assert "  const raiseHand = () => {\n" in skeleton and "    raiseHand: raiseHand,\n" in skeleton, skeleton
    assert "function" not in skeleton and not analyse(skeleton).syntax_errors, skeleton
    pane.show_file("a.plugin.js", above.replace("%s", ""), read_only=False)  # (the browser shows it so)
    cursor = pane.editor.textCursor()
    cursor.setPosition(above.index("%s"))
    pane.editor.setTextCursor(cursor)
    pane.actions_["snippets"].trigger()
    (dialog,) = [d for d in pane.findChildren(SnippetBrowser) if d.isVisible()]
    qtbot.keyClicks(dialog.search, "unload function")
    assert "const unload = () => {\n" in dialog.preview.text(), dialog.preview.text()
    dialog.reject()


_CLASS_AND_SWITCH = """(function () {
    class Counter {%s
        count() {
            switch (this.kind) {%s
            case 'a':
                return 1;
            }
        }
        %s
    }

    PEX.pluginAPI.registerPlugin({ id: 'hello-message' });
})();
"""


@pytest.mark.parametrize(
    ("at", "typed", "words"),
    [
        (0, "load", "in a class's body"),  # (right after the class's '{')
        (2, "unload", "in a class's body"),  # (below a method)
        (1, "reqlock", "in a switch before its first case"),
    ],
)
def test_tab_after_a_prefix_in_a_class_or_switch_body_writes_nothing_and_says_why(
    pane: SourcePane, qtbot, at: int, typed: str, words: str
) -> None:
    """'load' then Tab in a class's body (where only methods go) or in a switch before its first
    case wrote the snippet there: a syntax error that stopped the whole plugin, as among an
    object's keys, where the editor already refused. It refuses there too, with the same words;
    after a case's label, the snippet goes in."""
    marks = ["", "", ""]
    marks[at] = "%s"
    source = _CLASS_AND_SWITCH % tuple(marks)
    with qtbot.waitSignal(pane.editor.sig_said) as said:
        _typed_in_load(pane, qtbot, source, typed)
    assert pane.editor.toPlainText() == source.replace("%s", typed) and pane.editor.snippet is None
    assert f"'{typed}' was not written: it is {words}" in said.args[0] and "where only" in said.args[0], said.args[0]
    assert said.args[0].endswith(", and its code would break the file."), said.args[0]
    in_case = (_CLASS_AND_SWITCH % ("", "", "")).replace("return 1;", "%s\n                return 1;")
    _typed_in_load(pane, qtbot, in_case, "reqlock")
    assert "case 'a':\n                PEX.pluginAPI.sendRequest('/lock')" in pane.editor.toPlainText()


def test_a_snippet_typed_with_tab_parses_the_source_once(pane: SourcePane, qtbot, monkeypatch) -> None:
    """'load' then Tab inside another function asked where the subscriptions array goes in two
    steps (the function around the cursor, then the top of the wrapper), and each parsed the whole
    source again: some 40 ms more on a 10,000-line plugin. One parse serves both."""
    from designer.core import jsanalysis

    parsed: list[int] = []
    parse_tree = jsanalysis.parse_tree
    monkeypatch.setattr(jsanalysis, "parse_tree", lambda data: parsed.append(len(data)) or parse_tree(data))
    source = _NO_ARRAY.replace("%s", "").replace(
        "window.PEX.pluginAPI.openTemplateDialog",
        "%s\n        // parsed once\n        window.PEX.pluginAPI.openTemplateDialog",
    )
    source = source.replace(
        "// Called by the app when the plugin is switched on.\n    function load(participants$, conferenceDetails$) {\n    \n    }\n\n",
        "",
    )
    _typed_in_load(pane, qtbot, source, "load")
    text = pane.editor.toPlainText()
    assert "(function () {\n    'use strict';\n\n    // What load listens to" in text, text  # (the wrapper's top)
    assert len(parsed) == 1, parsed


@pytest.mark.parametrize(
    "block", ["try {\n            x();\n        } catch {", "class Counter {\n            static {"]
)
def test_tab_after_a_prefix_in_a_catch_without_its_error_or_a_static_block_writes_the_snippet(
    pane: SourcePane, qtbot, block: str
) -> None:
    """'catch {' with no (error), as code written since 2019 has it, and a class's 'static {' were
    taken for an object's '{': the snippet typed in that block was refused, 'where only its keys
    go', though code goes there. It is written there."""
    source = _NO_ARRAY.replace("    %s\n", f"        {block}\n            %s\n        }}\n")
    if "class" in block:
        source = source.replace("%s\n        }\n", "%s\n            }\n        }\n")
    _typed_in_load(pane, qtbot, source, "reqlock")
    assert block + "\n            PEX.pluginAPI.sendRequest('/lock')" in pane.editor.toPlainText()


def test_load_or_unload_typed_where_the_plugin_has_one_writes_nothing_and_says_why(pane: SourcePane, qtbot) -> None:
    """'load' then Tab in a plugin that has a load (a new plugin has an empty one) wrote a second
    'function load', which silently took the first one's place: the code written in the first no
    longer ran, and no check said so (in a file of const, a second 'const load' stopped the whole
    plugin). The editor refuses there, the word stays, the status bar (and the snippet browser,
    beforehand) says why and where the first one is; inside another function, where a load of its
    own replaces nothing, the snippet goes in as before."""
    source = _NO_ARRAY.replace("    %s\n", "").replace(
        "    function showHelloMessage", "    %s\n    function showHelloMessage"
    )
    for typed, line in (("load", 5), ("unload", 13)):
        with qtbot.waitSignal(pane.editor.sig_said) as said:
            _typed_in_load(pane, qtbot, source, typed)
        assert pane.editor.toPlainText() == source.replace("%s", typed) and pane.editor.snippet is None
        assert said.args[0].startswith(
            f"'{typed}' writes the function {typed}, which the code here has already (line {line}): a "
        ), said.args[0]
        assert said.args[0].endswith("Nothing was written."), said.args[0]
    pane.actions_["snippets"].trigger()
    (dialog,) = [d for d in pane.findChildren(SnippetBrowser) if d.isVisible()]
    qtbot.keyClicks(dialog.search, "unload function")
    assert (
        "\nNot here: 'unload' writes the function unload, which the code here has already (line 13)"
        in dialog.detail.text()
    )
    dialog.reject()
    arrows = _DOUBLE_CONST.replace("        %s\n", "    ").replace(
        "    const showHelloMessage", "    %s\n    const showHelloMessage"
    )
    with qtbot.waitSignal(pane.editor.sig_said) as said:
        _typed_in_load(pane, qtbot, arrows, "load")
    assert "which the code here has already (line 4)" in said.args[0], said.args[0]
    _typed_in_load(pane, qtbot, _NO_ARRAY.replace("    %s\n", "        %s\n"), "load")  # (in load: its own)
    assert pane.editor.toPlainText().count("function load(") == 2


def test_a_search_word_is_found_at_a_word_s_start_not_inside_another_word() -> None:
    """'lock' in the snippet browser listed 'registerPlugin block' first, its 'lock' the end of
    'block', before the snippets that lock the meeting. A word is found at the start of a word of
    a snippet's name or description, and anywhere in its prefix (written run together, as
    'prequnlock'); a word of signs ('$', '/mute') anywhere, as before."""
    assert [s.prefix for s in search("lock")][:1] == ["reqlock"]
    assert "register" not in [s.prefix for s in search("lock")]
    assert {"requnlock", "prequnlock"} <= {s.prefix for s in search("lock")}
    assert [s.prefix for s in search("waiting room")] == ["prequnlock"]
    assert "state" in [s.prefix for s in search("$")] and "preqmute" in [s.prefix for s in search("/mute")]


@pytest.mark.parametrize(
    ("words", "prefix"),
    [
        ("camera", "preqvideomuted"),
        ("kick", "preqdisconnect"),
        ("remove from the meeting", "preqdisconnect"),
        ("hang up", "reqdisconnect"),
        ("popup", "dialog"),
        ("rename", "preqoverlaytext"),
        ("lobby", "prequnlock"),
        ("admit", "prequnlock"),
        ("mute everyone", "reqmuteguests"),
    ],
)
def test_the_snippets_are_found_with_everyday_words(words: str, prefix: str) -> None:
    """Searching the snippet browser for 'camera', 'kick', 'hang up', 'popup', 'rename', 'lobby'
    or 'mute everyone' found nothing, though a snippet does just that: their descriptions said it
    only in the API's words (video, disconnect, overlay text, waiting room, guests)."""
    assert prefix in [s.prefix for s in search(words)][:2], [s.prefix for s in search(words)]


def test_state_typed_where_the_plugin_has_a_state_writes_nothing_and_says_why(pane: SourcePane, qtbot) -> None:
    """'state' then Tab in a plugin that makes its state$ already wrote a second declaration: in a
    file of const, 'const state$' twice, a syntax error that stopped the whole plugin. The editor
    refuses there and says where the first one is; in a plugin without one, it goes in."""
    with_state = _DOUBLE_CONST.replace("        %s\n", "    ").replace(
        '    "use strict";\n', '    "use strict";\n    const state$ = PEX.pluginAPI.createNewState({});\n    %s\n'
    )
    with qtbot.waitSignal(pane.editor.sig_said) as said:
        _typed_in_load(pane, qtbot, with_state, "state")
    assert pane.editor.toPlainText() == with_state.replace("%s", "state") and pane.editor.snippet is None
    assert said.args[0].startswith("'state' declares state$, which the code here declares already (line 3)"), said.args[
        0
    ]
    _typed_in_load(
        pane, qtbot, with_state.replace("const state$ = PEX.pluginAPI.createNewState({});\n    ", ""), "state"
    )
    assert "const state$ = PEX.pluginAPI.createNewState({});\n    state$.next({" in pane.editor.toPlainText()


def test_pd523_offers_no_fix_that_would_declare_state_again(tmp_path) -> None:
    """The word 'state' alone on a line of a plugin that makes its state$ already: PD523's fix
    'Write the state snippet' wrote a second 'const state$', a syntax error that stopped the whole
    plugin. It offers no fix there and says why; where there is no state$, the fix is offered."""
    with_state = _DOUBLE_CONST.replace("        %s\n", "    ").replace(
        '    "use strict";\n', '    "use strict";\n    const state$ = PEX.pluginAPI.createNewState({});\n    state\n'
    )
    said = _pd523(tmp_path / "again", with_state)
    assert said.fix is None, said.fix
    assert (
        "which does not go here: 'state' declares state$, which the code here declares already (line 3)" in said.message
    )
    assert said.message.endswith("Delete the word."), said.message
    fresh = _pd523(tmp_path / "fresh", with_state.replace("const state$ = PEX.pluginAPI.createNewState({});\n    ", ""))
    assert fresh.fix is not None and fresh.fix.kind == "expand-snippet"


def test_state_typed_inside_a_function_of_a_plugin_with_a_state_writes_nothing(pane: SourcePane, qtbot) -> None:
    """'state' then Tab inside load, in a plugin whose wrapper makes its state$: a second state$
    there hid the registered one, so that its state$.next changed a state the app never saw and
    the button's icon stayed as it was. The editor refuses there too and says where the first is."""
    source = _NO_ARRAY.replace(
        "    'use strict';\n", "    'use strict';\n    var state$ = PEX.pluginAPI.createNewState({});\n"
    )
    with qtbot.waitSignal(pane.editor.sig_said) as said:
        _typed_in_load(pane, qtbot, source, "state")
    assert pane.editor.toPlainText() == source.replace("%s", "state") and pane.editor.snippet is None
    assert said.args[0].startswith("'state' declares state$, which the code here declares already (line 3)"), said.args[
        0
    ]


def test_load_typed_beside_a_plugin_that_registers_its_own_load_writes_nothing(pane: SourcePane, qtbot) -> None:
    """'load' (or 'unload') then Tab among the functions of a plugin whose registerPlugin call
    writes its own (load: function () {...}, unload() {...}) wrote a function load that nothing
    ever called: what the user then wrote in it never ran, and no check said so. The editor
    refuses and says where the plugin's own is; with load: load, the snippet goes in."""
    source = """(function () {
    function showHelloMessage() {
    }

    %s

    window.PEX.pluginAPI.registerPlugin({
        id: 'hello-message',
        load: function (participants$, conferenceDetails$) {
        },
        unload() {
        },
        showHelloMessage: showHelloMessage
    });
})();
"""
    for typed, line in (("load", 9), ("unload", 11)):
        with qtbot.waitSignal(pane.editor.sig_said) as said:
            _typed_in_load(pane, qtbot, source, typed)
        assert pane.editor.toPlainText() == source.replace("%s", typed) and pane.editor.snippet is None
        expected = f"'{typed}' writes the function {typed}, but the plugin registers its own {typed} (line {line}): "
        assert said.args[0].startswith(expected), said.args[0]
    by_name = source.replace("load: function (participants$, conferenceDetails$) {\n        },", "load: load,")
    _typed_in_load(pane, qtbot, by_name, "load")
    assert "\n    function load(participants$, conferenceDetails$) {\n" in pane.editor.toPlainText()


def test_load_or_state_typed_beside_an_exported_one_is_refused() -> None:
    """A plugin written as a module (export function load, export const state$): 'load' or
    'state' then Tab wrote a second one, as the exported one was not seen as a declaration."""
    from designer.core.snippets import declares_again, find_prefix

    source = "export function load(participants$) {\n}\n\nexport const state$ = PEX.pluginAPI.createNewState({});\n\n\n"
    assert "which the code here has already (line 1)" in declares_again(find_prefix("load"), source, 5)
    assert "which the code here declares already (line 4)" in declares_again(find_prefix("state"), source, 5)
    assert declares_again(find_prefix("unload"), source, 5) == ""


def test_queryparams_typed_twice_in_one_function_of_a_const_file_declares_a_free_name(pane: SourcePane, qtbot) -> None:
    """'queryparams' then Tab twice in one function of a file of const wrote 'const value' twice,
    a syntax error that stopped the whole plugin. The second one's name is a free one, value2,
    the same in its if (value2)."""
    from designer.core.jsanalysis import analyse

    source = """(() => {
    "use strict";

    const onClick = () => {
        const value = PEX.conferenceQueryParams["name"];
        if (value) {
        }
        %s
    };

    PEX.pluginAPI.registerPlugin({ id: "p", load: () => {}, unload: () => {}, onClick });
})();
"""
    _typed_in_load(pane, qtbot, source, "queryparams")
    assert pane.editor.textCursor().selectedText() == "value2"
    qtbot.keyClick(pane.editor, Qt.Key.Key_Escape)
    written = pane.editor.toPlainText()
    assert '        const value2 = PEX.conferenceQueryParams["name"];\n        if (value2) {\n' in written, written
    assert not analyse(written.encode()).syntax_errors


def test_the_snippet_browser_says_beforehand_that_no_snippet_goes_where_the_cursor_is(pane: SourcePane, qtbot) -> None:
    """Among an object's keys, in a class's body or in a switch before its first case, the editor
    refuses every snippet (its code would break the file), but the browser offered them as
    anywhere else and said nothing until one was chosen. It greys them and says why."""
    from PySide6.QtGui import QPalette

    source = """(function () {
    class Helper {
        %s
    }
    PEX.pluginAPI.registerPlugin({
        %s
    });
})();
"""
    pane.show_file("a.plugin.js", source.replace("%s", ""), read_only=False)
    grey = pane.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text).color()
    for number, why in ((2, "it is in a class's body"), (5, "it is right after the '{' of an object")):
        cursor = pane.editor.textCursor()
        cursor.setPosition(pane.editor.document().findBlockByNumber(number).position() + 8)
        pane.editor.setTextCursor(cursor)
        pane.actions_["snippets"].trigger()
        (dialog,) = [d for d in pane.findChildren(SnippetBrowser) if d.isVisible()]
        qtbot.keyClicks(dialog.search, "openurl")
        assert f"\nNot here: {why}" in dialog.detail.text(), dialog.detail.text()
        assert dialog.list.currentItem().foreground().color() == grey
        dialog.reject()
    cursor.setPosition(0)
    pane.editor.setTextCursor(cursor)
    pane.editor.moveCursor(QTextCursor.MoveOperation.End)
    pane.actions_["snippets"].trigger()
    (dialog,) = [d for d in pane.findChildren(SnippetBrowser) if d.isVisible()]
    qtbot.keyClicks(dialog.search, "openurl")
    assert "Not here" not in dialog.detail.text()
    assert dialog.list.currentItem().foreground().color() != grey
    dialog.reject()


def test_the_snippet_browser_shows_the_code_in_the_editors_font(pane: SourcePane, qtbot) -> None:
    """The browser's preview of the code was in the dialog's proportional font, its indentation
    and alignment unlike the code that then went in: it is in the editor's fixed font, zoomed as
    the editor is; the description stays in the dialog's font."""
    pane.editor.zoom(2)
    pane.actions_["snippets"].trigger()
    (dialog,) = [d for d in pane.findChildren(SnippetBrowser) if d.isVisible()]
    qtbot.keyClicks(dialog.search, "queryparams")
    assert dialog.preview.text().startswith("var value = PEX.conferenceQueryParams['name'];\nif (value) {")
    assert "PEX.conferenceQueryParams" not in dialog.detail.text()
    assert dialog.preview.font() == pane.editor.font() and dialog.preview.fontInfo().fixedPitch()
    assert not dialog.detail.fontInfo().fixedPitch()
    dialog.search.setText("no such snippet at all")
    assert dialog.detail.text() == "No snippet matches." and dialog.preview.text() == ""
    dialog.reject()


def test_create_new_state_typed_beside_a_state_declares_an_observable_name() -> None:
    """createNewState written where state$ is declared made state$2, a name no longer ending in the
    $ that marks an observable (as the guide and the other snippets name them): state2$."""
    from designer.core.snippets import with_free_names

    source = "(() => {\n    const state$ = PEX.pluginAPI.createNewState({});\n    \n})();\n"
    renamed = with_free_names(find_prefix("createNewState"), source, 2)
    assert renamed.text.startswith("var ${1:state2$} = PEX.pluginAPI.createNewState("), renamed.text


def test_the_snippet_browser_says_no_array_comes_with_a_snippet_that_does_not_go_in(pane: SourcePane, qtbot) -> None:
    """For a snippet the editor refuses (a second load, or any snippet among an object's keys) the
    browser said both 'Not here' and that the subscriptions array would come too, though nothing at
    all is written: it says only why not."""
    source = _NO_ARRAY.replace("%s", "")
    for where, typed in ((source.index("function load"), "load function"), (source.index("id: '"), "onreceivechat")):
        pane.show_file("a.plugin.js", source, read_only=False)
        cursor = pane.editor.textCursor()
        cursor.setPosition(where)
        pane.editor.setTextCursor(cursor)
        pane.actions_["snippets"].trigger()
        (dialog,) = [d for d in pane.findChildren(SnippetBrowser) if d.isVisible()]
        qtbot.keyClicks(dialog.search, typed)
        said = dialog.detail.text()
        dialog.reject()
        assert "\nNot here: " in said and "subscriptions array" not in said, said


def test_queryparams_typed_in_a_function_taking_value_declares_a_free_name() -> None:
    """'queryparams' in a function that takes a parameter called value (onSubmit(value), ({value})
    =>) wrote 'const value', which the web browser refuses as declared already (a syntax error that
    stopped the plugin): value2, as beside a value declared in the block."""
    from designer.core.snippets import with_free_names

    source = "(() => {\n    const onSubmit = (value) => {\n        \n    };\n    function f(a, {b: [c, ...value]}) {\n        \n    }\n    function g(a = value) {\n        \n    }\n})();\n"
    first = {line: with_free_names(find_prefix("queryparams"), source, line).text.split(" = ")[0] for line in (2, 5, 8)}
    assert first == {2: "var ${1:value2}", 5: "var ${1:value2}", 8: "var ${1:value}"}, first


@pytest.mark.parametrize(
    ("words", "prefix"),
    [
        ("leave", "onparticipantdisconnectsuccess"),
        ("someone leaves", "onparticipantdisconnectsuccess"),
        ("enters", "onparticipantconnectsuccess"),
        ("who is in the meeting", "load"),
        ("list of participants", "load"),
        ("alert", "openTemplateDialog"),
        ("show a message", "openTemplateDialog"),
    ],
)
def test_more_snippets_are_found_with_everyday_words(words: str, prefix: str) -> None:
    """Searching the snippet browser for 'leave', 'who is in the meeting', 'list of participants'
    or 'alert' found nothing, though a snippet does just that: their descriptions said it only as
    'a participant left', the observables and the dialog's promise."""
    assert prefix in [s.prefix for s in search(words)][:2], [s.prefix for s in search(words)]


def test_the_snippet_browser_keeps_its_width_whatever_the_snippet_shown(pane: SourcePane, qtbot) -> None:
    """The code preview's long lines (a participant's request, actions$.ofType(...)) in the fixed
    font widened the browser at each move in its list, to 1120 pixels: it keeps its width, the
    preview's lines wrapped."""
    pane.actions_["snippets"].trigger()
    (dialog,) = [d for d in pane.findChildren(SnippetBrowser) if d.isVisible()]
    width = dialog.width()
    for row in range(dialog.list.count()):
        dialog.list.setCurrentRow(row)
        assert dialog.minimumSizeHint().width() <= width, dialog.list.currentItem().text()
    assert dialog.width() == width
    dialog.reject()


def test_a_participant_snippet_names_the_participant_as_the_function_does(pane: SourcePane, qtbot) -> None:
    """'preqmute' then Tab in a participant menu item's function that calls its participant
    person wrote participant.uuid, a ReferenceError each time the item was clicked, which no check
    caught. It writes person.uuid, also inside a callback of that function (not the callback's
    response.uuid), and the browser's preview shows it so; a function taking participant keeps it."""
    source = """(function () {
    function mute(person) {
        %s
    }

    PEX.pluginAPI.registerPlugin({ id: 'p', mute: mute });
})();
"""
    _typed_in_load(pane, qtbot, source, "preqmute")
    assert pane.editor.textCursor().selectedText() == "person.uuid"
    inside = source.replace("%s", "x().then(function (response) {\n            %s\n        });")
    _typed_in_load(pane, qtbot, inside, "spotlightOnParticipant")
    assert "            PEX.pluginAPI.spotlightOnParticipant(person.uuid);\n" in pane.editor.toPlainText()
    pane.show_file("a.plugin.js", source.replace("%s", ""), read_only=False)
    cursor = pane.editor.textCursor()
    cursor.setPosition(source.index("%s"))
    pane.editor.setTextCursor(cursor)
    pane.actions_["snippets"].trigger()
    (dialog,) = [d for d in pane.findChildren(SnippetBrowser) if d.isVisible()]
    qtbot.keyClicks(dialog.search, "preqmute")
    assert "'/participants/' + person.uuid + '/mute'" in dialog.preview.text()
    dialog.reject()
    _typed_in_load(pane, qtbot, source.replace("(person)", "(participant)"), "preqmute")
    assert pane.editor.textCursor().selectedText() == "participant.uuid"


@pytest.mark.parametrize(
    ("line", "operator"),
    [("if (ready &&", "&&"), ("var total = count +", "+"), ("var ok = a ||", "||"), ("var name = details.", ".")],
)
def test_a_snippet_typed_below_a_line_ending_in_an_operator_writes_nothing(
    pane: SourcePane, qtbot, line: str, operator: str
) -> None:
    """Tab after 'reqlock' on the line below 'if (ready &&' (or 'count +') wrote the snippet as the
    value the operator waits for, then its ';' and its block: a syntax error that stopped the
    plugin. Nothing is written, and the status bar says why; below 'i++' the snippet goes in."""
    source = "(function () {\n    function f() {\n        " + line + "\n        %s\n    }\n})();\n"
    with qtbot.waitSignal(pane.editor.sig_said) as said:
        _typed_in_load(pane, qtbot, source, "reqlock")
    assert pane.editor.toPlainText() == source.replace("%s", "reqlock") and pane.editor.snippet is None
    assert f"it follows '{operator}', in the middle of an expression" in said.args[0], said.args[0]
    _typed_in_load(pane, qtbot, source.replace(line, "i++"), "reqlock")
    assert "        i++\n        PEX.pluginAPI.sendRequest('/lock')" in pane.editor.toPlainText()


def test_the_snippet_browser_greys_a_snippet_the_file_has_no_place_for(pane: SourcePane, qtbot) -> None:
    """In a plugin that has its load and registers itself, the browser listed 'load' and the plugin
    skeleton as any other snippet, though each is refused once chosen (its reason only in the detail
    of the one selected): they are greyed; the others are not."""
    from PySide6.QtGui import QPalette

    source = _NO_ARRAY.replace("%s", "")
    pane.show_file("a.plugin.js", source, read_only=False)
    cursor = pane.editor.textCursor()
    cursor.setPosition(source.index("    function showHelloMessage"))
    pane.editor.setTextCursor(cursor)
    grey = pane.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text).color()
    pane.actions_["snippets"].trigger()
    (dialog,) = [d for d in pane.findChildren(SnippetBrowser) if d.isVisible()]
    greyed = {
        dialog.list.item(row).data(Qt.ItemDataRole.UserRole).prefix
        for row in range(dialog.list.count())
        if dialog.list.item(row).foreground().color() == grey
    }
    dialog.reject()
    assert greyed == {"iife", "register", "load", "unload"}, greyed


def test_the_snippet_browser_asks_once_per_snippet_whether_it_goes_in(pane: SourcePane, qtbot, monkeypatch) -> None:
    """Greying the snippets that would be refused asked of each one at every key typed in the
    search, a parse of the plugin's declarations each time: in a 230 KB plugin a keystroke took half
    a second. The file and the cursor do not change while the browser is open: asked once each."""
    import designer.gui.panes.source_assist as source_assist

    asked: list[str] = []
    real = source_assist.declares_again

    def counted(snippet, source, line):
        asked.append(snippet.prefix)
        return real(snippet, source, line)

    monkeypatch.setattr(source_assist, "declares_again", counted)
    pane.show_file("a.plugin.js", _NO_ARRAY.replace("%s", ""), read_only=False)
    pane.actions_["snippets"].trigger()
    (dialog,) = [d for d in pane.findChildren(SnippetBrowser) if d.isVisible()]
    for _ in range(2):
        qtbot.keyClicks(dialog.search, "load")
        dialog.search.clear()
    for row in range(dialog.list.count()):
        dialog.list.setCurrentRow(row)
    dialog.reject()
    assert asked and len(asked) == len(set(asked)), sorted(asked)


def test_a_greyed_snippet_says_why_in_its_tooltip_and_to_a_screen_reader(pane: SourcePane, qtbot) -> None:
    """A snippet greyed in the browser (refused where the cursor is) said why only in the detail of
    the one selected: its tooltip gave the description alone, and a screen reader heard nothing of
    the grey. Both say the reason; a snippet that goes in keeps its plain tooltip."""
    source = _NO_ARRAY.replace("%s", "")
    pane.show_file("a.plugin.js", source, read_only=False)
    cursor = pane.editor.textCursor()
    cursor.setPosition(source.index("    function showHelloMessage"))
    pane.editor.setTextCursor(cursor)
    pane.actions_["snippets"].trigger()
    (dialog,) = [d for d in pane.findChildren(SnippetBrowser) if d.isVisible()]
    items = {
        dialog.list.item(row).data(Qt.ItemDataRole.UserRole).prefix: dialog.list.item(row)
        for row in range(dialog.list.count())
    }
    dialog.reject()
    load = items["load"]
    assert "\nNot here: 'load' writes the function load, which the code here has already" in load.toolTip()
    assert load.data(Qt.ItemDataRole.AccessibleDescriptionRole).startswith("Not here: 'load' writes")
    assert items["openurl"].toolTip() == find_prefix("openurl").description
    assert items["openurl"].data(Qt.ItemDataRole.AccessibleDescriptionRole) is None


def test_pd523_in_a_lone_cr_file_finds_the_state_declared_on_its_own_line(tmp_path) -> None:
    """In a file of lone CRs (an old Mac editor's), the check gave the refusal the line JavaScript
    counts while the refusal split the text at LF only: it looked at another line (the file's
    only one), missed the state$ there and offered the fix that declares a second one."""
    with_state = _DOUBLE_CONST.replace("        %s\n", "    ").replace(
        '    "use strict";\n', '    "use strict";\n    const state$ = PEX.pluginAPI.createNewState({});\n    state\n'
    )
    said = _pd523(tmp_path / "cr", with_state.replace("\n", "\r"))
    assert said.fix is None, said.fix
    assert "which the code here declares already (line 3)" in said.message, said.message
