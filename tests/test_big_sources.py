"""Minified and very big plugin sources: the editor stays usable and the checks leave the UI thread.

Why: a 2 MB minified source is one line of two million characters. Colouring that line with
pygments took about 8 s per keystroke, Qt paints it as one row of glyphs unless it is wrapped,
and parsing it for the checks (half a second) ran on the UI thread after every pause in typing.
"""

from __future__ import annotations

import shutil
import sys
import threading
from pathlib import Path

import pytest
from conftest import current_line_shown, open_in_editor
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QPlainTextDocumentLayout, QPlainTextEdit

from designer.core import jsanalysis
from designer.gui import highlight, workers
from designer.gui.main_window import MainWindow
from designer.gui.panes.source_editor import SourcePane, _common_prefix, _common_suffix, longest_line
from designer.gui.source_analysis import BIG_SOURCE

SRC = "plugins/rec/rec.plugin.js"


def _minified(size: int) -> str:
    body = "".join(f"function f{i}(a){{return a+{i}}};" for i in range(size // 30))
    return "(function(){" + body + "})();\n// after\nconst x = `t`;\n"


def test_a_line_too_long_to_colour_is_left_plain_and_the_lines_after_it_are_coloured(qapp, monkeypatch) -> None:
    text = _minified(highlight.LONG_LINE + 5_000)
    assert len(text.split("\n")[0]) > highlight.LONG_LINE
    lexed: list[int] = []
    language = highlight.language_for("x.js")
    real = language.lex_line
    monkeypatch.setattr(language, "lex_line", lambda line, state: lexed.append(len(line)) or real(line, state))
    pane = SourcePane()
    pane.show_file("min.plugin.js", text, read_only=False)
    while not pane.editor.colouring_done():
        QCoreApplication.processEvents()
    formats = highlight.block_formats(pane.editor.document())
    assert formats[0] == []  # the long line: no colours
    assert formats[1] == [(0, 8, "#6e6e6e")]  # the comment after it is coloured as a comment
    assert max(lexed) <= highlight.LONG_LINE  # the long line never went to pygments
    # The view wraps the file (a row of two million glyphs is what makes typing slow) and says why.
    assert pane.editor.lineWrapMode() == QPlainTextEdit.LineWrapMode.WidgetWidth
    assert pane.editor.long_line == (1, len(text.split("\n")[0]))
    assert "Line 1 has" in pane.note.text() and "minified" in pane.note.text()
    # No current-line background on it either (painting it costs a tenth of a second a keystroke).
    assert not current_line_shown(pane.editor)
    # An ordinary file in the same pane is unwrapped again, without the note.
    pane.show_file("small.plugin.js", "const a = 1;\n", read_only=False)
    assert pane.editor.lineWrapMode() == QPlainTextEdit.LineWrapMode.NoWrap
    assert pane.editor.long_line is None and not pane.note.text()
    assert current_line_shown(pane.editor)


def test_longest_line() -> None:
    assert longest_line("a\n" * 50_000) is None
    assert longest_line("a\n" + "b" * (highlight.LONG_LINE + 1) + "\nc") == (2, highlight.LONG_LINE + 1)


@pytest.mark.parametrize("length", [highlight.LONG_LINE, highlight.LONG_LINE + 1])
def test_longest_line_finds_a_line_just_too_long_wherever_it_starts(length: int) -> None:
    """Its quick pass (a line break in each of a row of windows: no long line) misses none, at any
    place against the windows' edges."""
    half = highlight.LONG_LINE // 2
    for before in (0, 1, 7, half - 1, half, half + 1, 2 * half - 1, 3 * half + 3):
        head = ("a" * 9 + "\n") * (before // 10) + "\n" * (before % 10)  # (the long line starts at ``before``)
        text = head + "b" * length + "\n" + "c\n" * 30_000
        line = head.count("\n") + 1
        assert longest_line(text) == ((line, length) if length > highlight.LONG_LINE else None)


@settings(max_examples=300, deadline=None)
@given(st.text("ab\n", max_size=40), st.text("ab\n", max_size=40), st.text("ab\n", max_size=40))
def test_common_prefix_and_suffix_agree_with_a_plain_loop(head: str, middle: str, tail: str) -> None:
    a, b = head + middle + tail, head + tail[::-1] + tail
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end_a, end_b = len(a), len(b)
    while end_a > start and end_b > start and a[end_a - 1] == b[end_b - 1]:
        end_a, end_b = end_a - 1, end_b - 1
    assert _common_prefix(a, b) == start
    assert _common_suffix(a, b, start) == len(a) - end_a


def test_analyses_are_remembered_by_content(monkeypatch) -> None:
    parsed: list[int] = []
    real = jsanalysis._analyse
    monkeypatch.setattr(jsanalysis, "_analyse", lambda data: parsed.append(len(data)) or real(data))
    source = b"(function () { PEX.pluginAPI.registerPlugin({id: 'memo-test', load() {}, unload() {}}); })();"
    first = jsanalysis.analyse(source)
    assert jsanalysis.analysed(source)
    assert jsanalysis.analyse(bytes(source)) is first  # equal bytes, not the same object: no parse
    assert jsanalysis.analyse(source.decode()) is first
    assert parsed == [len(source)]
    assert jsanalysis.analyse(source + b" ") is not first  # any change is parsed again
    assert len(parsed) == 2
    jsanalysis.forget_analyses()
    assert not jsanalysis.analysed(source)


def test_the_memo_keeps_a_bounded_number_of_bytes(monkeypatch) -> None:
    jsanalysis.forget_analyses()
    monkeypatch.setattr(jsanalysis, "_MEMO_LIMIT", 4_000)
    sources = [f"var v{i} = '{'x' * 900}';".encode() for i in range(8)]
    for s in sources:
        jsanalysis.analyse(s)
    kept = [jsanalysis.analysed(s) for s in sources]
    assert kept[-1] and not kept[0]  # the oldest went first
    assert sum(len(s) for s, k in zip(sources, kept, strict=True) if k) <= 4_000
    jsanalysis.forget_analyses()


def test_a_big_source_parsed_in_chunks_gives_the_same_analysis(example_project: Path, monkeypatch) -> None:
    sources = sorted((example_project / "webapp2").rglob("*.plugin.js"))
    assert sources
    for path in sources:
        data = path.read_bytes()
        whole = jsanalysis._analyse(data)
        monkeypatch.setattr(jsanalysis, "_CHUNKED_FROM", 0)
        monkeypatch.setattr(jsanalysis, "_CHUNK", 7)  # tokens cut across chunks
        monkeypatch.setattr(jsanalysis, "_CAPTURE_RANGE", 50)  # queried 50 bytes at a time, nodes cut across
        chunked = jsanalysis._analyse(data)
        monkeypatch.undo()
        assert repr(chunked) == repr(whole)


def _big_source(project: Path) -> str:
    """Make the plugin's source bigger than BIG_SOURCE (same plugin, a long helper table added)."""
    path = project / "webapp2" / SRC
    text = path.read_text(encoding="utf-8")
    filler = "".join(f"    var table{i} = {i};\n" for i in range(BIG_SOURCE // 20))
    text = text.replace("(function () {", "(function () {\n" + filler, 1)
    assert len(text.encode()) > BIG_SOURCE
    path.write_text(text, encoding="utf-8")
    return text


def test_checks_after_an_edit_of_a_big_source_parse_it_on_a_worker_thread(
    window: MainWindow, qtbot, base_project: Path, monkeypatch
) -> None:
    _big_source(base_project)
    editor = open_in_editor(window, base_project, SRC)
    qtbot.waitUntil(lambda: window.source_analysis is None and not window._unchecked, timeout=10_000)  # (opening's)
    threads: list[str] = []
    real = jsanalysis._analyse
    monkeypatch.setattr(
        jsanalysis, "_analyse", lambda data: threads.append(threading.current_thread().name) or real(data)
    )
    status = window.status.text()
    assert status.startswith("Opened ") and status.endswith(": 1 plugin, no errors")
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    editor.setFocus()
    qtbot.keyClicks(editor, "(((")
    qtbot.waitUntil(lambda: window.source_analysis is not None, timeout=3000)
    assert window.status.text() == "Checking the big plugin source…"
    qtbot.waitUntil(lambda: window.source_analysis is None and any(m.error for m in editor.markers), timeout=10_000)
    assert threads and all(name != threading.main_thread().name for name in threads)
    assert any(p.code == "PD500" and p.file == SRC for p in window.problems)  # the syntax error
    # "Checking…" is gone again; the summary it stood in for counts the error (it said "no errors")
    assert window.status.text() == status.replace("no errors", "1 error")


def test_after_a_big_source_is_parsed_the_package_is_checked_on_a_worker_too(
    window: MainWindow, qtbot, base_project: Path, monkeypatch
) -> None:
    """The checks that follow the parse of a big source run on a worker as well: on the window's
    thread they took 0.3 s for a 100,000-line library. The status bar says "Checking…" until
    their problems are on show."""
    from designer.core import checks
    from designer.gui import background_checks

    _big_source(base_project)
    editor = open_in_editor(window, base_project, SRC)
    qtbot.waitUntil(lambda: window.source_analysis is None and not window._unchecked, timeout=10_000)
    status = window.status.text()
    threads: list[str] = []
    release = threading.Event()
    real = checks.run_checks

    def recorded(pkg, **kwargs):  # (a worker's run held until the test has looked)
        threads.append(threading.current_thread().name)
        if threading.current_thread() is not threading.main_thread():
            release.wait(10)
        return real(pkg, **kwargs)

    monkeypatch.setattr(checks, "run_checks", recorded)  # (as the window's thread would call them)
    monkeypatch.setattr(background_checks, "run_checks", recorded)
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    editor.setFocus()
    qtbot.keyClicks(editor, "((( worker")  # (a text no other test parses: analyses are remembered by content)
    qtbot.waitUntil(lambda: bool(threads), timeout=10_000)
    assert window.source_analysis is None and window.background_checks is not None
    assert window.status.text() == "Checking the big plugin source…"
    release.set()
    qtbot.waitUntil(lambda: window.background_checks is None, timeout=10_000)
    assert threading.main_thread().name not in threads
    assert any(m.error for m in editor.markers) and any(p.code == "PD500" for p in window.problems)
    assert window.status.text() == status.replace("no errors", "1 error")


def test_a_project_with_a_big_source_opens_at_once_and_is_checked_on_a_worker(
    window: MainWindow, qtbot, base_project: Path, monkeypatch, request
) -> None:
    """A 5 MB minified source kept the window frozen for ten seconds before the project showed,
    its checks run on the UI thread; and a click on its plugin meanwhile parsed it a second
    time, there (24 seconds). Until the worker is done, nothing says "no errors"."""
    from PySide6.QtWidgets import QCheckBox

    from designer.gui import source_analysis

    text = _big_source(base_project)
    text = text.replace("(function () {", "(function () {\n    var opened = 'once';", 1)  # not analysed before
    (base_project / "webapp2" / SRC).write_text(text, encoding="utf-8")
    data = text.encode()
    release = threading.Event()
    threads: list[str] = []
    real = source_analysis.analyse

    def held(source: bytes):  # the worker's parse, held until the test has looked
        threads.append(threading.current_thread().name)
        release.wait(10)
        return real(source)

    monkeypatch.setattr(source_analysis, "analyse", held)
    before = sys.getswitchinterval()
    request.addfinalizer(lambda: sys.setswitchinterval(before))
    sys.setswitchinterval(0.005)  # Python's own
    window.open_path(base_project)
    assert window.source_analysis is not None and not jsanalysis.analysed(data)
    # The window's thread gets the GIL back within half a millisecond while the worker parses
    # (see gui/workers.py): with Python's 5 ms, opening this project froze the window 1.5 s.
    assert sys.getswitchinterval() <= workers.SWITCH_INTERVAL
    assert window.status.text() == "Checking the big plugin source…"
    assert window.problems_dock.windowTitle() == "Problems — being checked…"
    plugin = window._find_tree_item(window.tree.topLevelItem(0), ("plugin", 0))
    assert plugin.toolTip(0) == "Being checked…"  # no tick before the checks
    window.show_export()
    assert not window.export_pane.export_button.isEnabled()
    assert window.export_pane.verdict.text().startswith("Checking the problems first")
    window.tree.setCurrentItem(plugin)  # its form: the action sync waits for the worker
    assert window.stack.currentWidget() is window.plugin_page
    assert not jsanalysis.analysed(data) and not window.plugin_page.items.sync_button.isVisible()
    release.set()
    qtbot.waitUntil(lambda: window.source_analysis is None and not window._unchecked, timeout=10_000)
    assert threads and all(name != threading.main_thread().name for name in threads)
    assert jsanalysis.analysed(data)
    assert window.status.text().startswith("Opened ") and window.status.text().endswith(", no errors")
    assert window.problems_dock.windowTitle() == "Problems — none"
    plugin = window._find_tree_item(window.tree.topLevelItem(0), ("plugin", 0))
    assert plugin.toolTip(0) == "No errors"
    assert window.export_pane.export_button.isEnabled()
    assert window.plugin_page.findChild(QCheckBox, "enabledCheck") is not None


def test_the_editor_warms_up_once_the_worker_parsing_a_big_source_is_done(
    window: MainWindow, qtbot, base_project: Path, monkeypatch
) -> None:
    """Loading the editor's code a moment after a project opens waits while a worker parses a big
    source: each file it reads gave that worker the interpreter, and the window froze 0.3-0.6 s."""
    from designer.gui import source_analysis

    text = _big_source(base_project).replace("(function () {", "(function () {\n    var warm = 1;", 1)
    (base_project / "webapp2" / SRC).write_text(text, encoding="utf-8")
    release = threading.Event()
    real = source_analysis.analyse
    monkeypatch.setattr(source_analysis, "analyse", lambda source: release.wait(10) and real(source))
    window.open_path(base_project)
    assert window.source_analysis is not None and window.source_pane is None
    window._warm_up.setInterval(10)
    window._warm_editor()  # (as its timer does, 0.6 s after the project opened)
    assert window.source_pane is None and window._warm_up.isActive()  # (tried again later)
    qtbot.wait(50)
    assert window.source_pane is None
    release.set()
    qtbot.waitUntil(lambda: window.source_pane is not None, timeout=10_000)
    assert window.source_analysis is None


def test_a_project_opened_while_the_last_one_is_checked_on_a_worker_is_checked_too(
    window: MainWindow, qtbot, base_project: Path, tmp_path: Path, monkeypatch
) -> None:
    """Another project with a big source opened while the first one's checks still ran on a worker:
    its own checks, due once its source was parsed, waited for that worker, which then found the
    package changed and checked nothing. The second project stayed "being checked…" for good."""
    from designer.gui import background_checks

    text = _big_source(base_project)
    second = tmp_path / "second"
    shutil.copytree(base_project, second)
    for project, words in ((base_project, "the first project"), (second, "the second")):
        # (texts no other test parses: analyses are remembered by content)
        (project / "webapp2" / SRC).write_text(f"{text}// {words}, opened in turn\n", encoding="utf-8")
    release = threading.Event()
    real = background_checks.run_checks

    def held(pkg, **kwargs):  # (the first project's checks run until the second one is parsed)
        if pkg.root == base_project / "webapp2":
            release.wait(10)
        return real(pkg, **kwargs)

    monkeypatch.setattr(background_checks, "run_checks", held)
    window.open_path(base_project)
    qtbot.waitUntil(lambda: window.background_checks is not None, timeout=10_000)
    window.open_path(second)
    qtbot.waitUntil(lambda: window.source_analysis is None, timeout=10_000)
    release.set()
    qtbot.waitUntil(lambda: not window._unchecked, timeout=10_000)
    assert window.background_checks is None and window.package.root == second / "webapp2"
    assert window.problems_dock.windowTitle() == "Problems — none"
    assert not window.status.text().startswith("Checking")


def test_closing_the_window_while_a_big_source_is_parsed_waits_for_it(
    window: MainWindow, qtbot, base_project: Path
) -> None:
    _big_source(base_project)
    editor = open_in_editor(window, base_project, SRC)
    editor.textCursor().insertText("// edited\n")
    window._run_checks()
    worker = window.source_analysis
    assert worker is not None
    window.editor.undo_stack.setClean()  # nothing to ask about
    window.close()
    assert worker.isFinished()


def test_the_note_about_a_long_line_follows_the_appearance(window: MainWindow, base_project: Path) -> None:
    from PySide6.QtGui import QAction

    path = base_project / "webapp2" / SRC
    path.write_text(_minified(highlight.LONG_LINE + 100), encoding="utf-8")
    open_in_editor(window, base_project, SRC)
    note = window.source_pane.note
    assert note.isVisibleTo(window) and "minified" in note.text()
    try:
        for scheme, dark in (("dark", True), ("light", False)):
            window.findChild(QAction, f"appearance_{scheme}").trigger()
            QCoreApplication.processEvents()
            assert ("#35301c" in note.styleSheet()) == dark, scheme
    finally:
        window.findChild(QAction, "appearance_system").trigger()


def test_bracket_partners_are_found_in_utf16_after_an_emoji(qapp) -> None:
    """An emoji is two UTF-16 units: the partner's position counts them (found by counting the
    emoji before each bracket, not by encoding the line up to it, which took minutes)."""
    pane = SourcePane()
    line = "var s = '😀😀'; f(a, [b, {c: 1}]);"
    pane.show_file("e.plugin.js", line + "\n" + line + "\n", read_only=False)
    editor = pane.editor
    second = editor.document().findBlockByNumber(1).position()
    start = second + len(line[: line.index("(")].encode("utf-16-le")) // 2
    cursor = editor.textCursor()
    cursor.setPosition(start)
    editor.setTextCursor(cursor)
    end = second + len(line[: line.rindex(")")].encode("utf-16-le")) // 2
    assert editor._matching_brackets() == [start, end]
    cursor.setPosition(end + 1)  # just after the ")": found going back
    editor.setTextCursor(cursor)
    assert editor._matching_brackets() == [end, start]


def test_completion_looks_only_at_the_end_of_a_long_line() -> None:
    from designer.core import pexapi

    minified = "f(){PEX.pluginAPI.sendRequest('/participants/'+p.uuid+'/mute',{});return a.b[1].c};" * 20_000
    typed, items = pexapi.completions(minified + "PEX.pluginAPI.")
    assert typed == "" and any(c.label == "sendRequest" for c in items)
    typed, items = pexapi.completions(minified + "PEX.pluginAPI.sendRequest('/par")
    assert typed == "/par" and items and all(c.kind == "path" for c in items)
    functions = pexapi.file_functions("function a() {}\n\nfunction b(x) {}\nconst c = (y) => y;\n")
    assert [(f.label, f.doc) for f in functions] == [
        ("a", "defined in this file, line 1"),
        ("b", "defined in this file, line 3"),
        ("c", "defined in this file, line 4"),
    ]


def test_a_quote_outside_a_request_string_opens_no_completion(qtbot) -> None:
    pane = SourcePane()
    qtbot.addWidget(pane)  # (closed at the end: a shown pane left open was on screen for later tests)
    pane.show_file("q.plugin.js", "PEX.pluginAPI.sendRequest('/lock'); const s = \n", read_only=False)
    pane.show()
    editor = pane.editor
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.EndOfBlock)
    editor.setTextCursor(cursor)
    editor.setFocus()
    qtbot.keyClicks(editor, "'")
    assert not editor.completion.popup_visible()
    cursor.setPosition(len("PEX.pluginAPI.sendRequest("))
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, "'")  # now inside sendRequest(': the request paths
    assert editor.completion.popup_visible()
    editor.completion.completer.popup().hide()


def test_a_source_bigger_than_the_memo_is_parsed_once_and_checked(
    window: MainWindow, qtbot, base_project: Path, monkeypatch
) -> None:
    """The memo always keeps the newest analysis; and a text a worker has just parsed is never
    sent to a worker again (with more big sources than the memo holds, it looped forever)."""
    _big_source(base_project)
    editor = open_in_editor(window, base_project, SRC)
    monkeypatch.setattr(jsanalysis, "_MEMO_LIMIT", 1_000)
    parses: list[int] = []
    real = jsanalysis._analyse
    monkeypatch.setattr(jsanalysis, "_analyse", lambda data: parses.append(len(data)) or real(data))
    editor.textCursor().insertText("// one edit\n")
    window._run_checks()
    assert window.source_analysis is not None
    # (then checked on a worker of its own: see test_after_a_big_source_is_parsed_the_package_is_checked_on_a_worker_too)
    qtbot.waitUntil(lambda: window.source_analysis is None and window.background_checks is None, timeout=10_000)
    QCoreApplication.processEvents()
    assert window.source_analysis is None and len(parses) == 1
    assert not window.status.text().startswith("Checking the big plugin")


def test_no_worker_starts_after_the_window_agreed_to_close(
    window: MainWindow, qtbot, base_project: Path, monkeypatch
) -> None:
    """The worker's "finished" arrives after the close; its checks saw text typed during the
    parse and started a new worker, which Qt killed the process for at exit (SIGABRT).

    The parse is held until the window closes, not slowed by a sleep: under load, the typing took
    longer to reach the package than a half-second parse, and the worker had ended (CI, once)."""
    from designer.gui import source_analysis

    _big_source(base_project)
    editor = open_in_editor(window, base_project, SRC)
    release = threading.Event()
    real = jsanalysis._analyse

    def held(data: bytes):  # a slow parse: it goes on when the window has closed
        release.wait(30)
        return real(data)

    monkeypatch.setattr(jsanalysis, "_analyse", held)
    editor.textCursor().insertText("// first\n")
    window._run_checks()
    worker = window.source_analysis
    assert worker is not None
    editor.textCursor().insertText("// typed while it parses\n")  # its check would start another worker
    qtbot.waitUntil(lambda: "typed while it parses" in window.package.read_text(SRC), timeout=10_000)
    assert window.source_analysis is worker and worker.isRunning()
    window.editor.undo_stack.setClean()
    with qtbot.waitSignal(worker.finished, timeout=10_000):  # queued: it arrives after the close
        release.set()
        window.close()
    assert window.source_analysis is None and not source_analysis.SourceAnalysis.any_running()


def test_pasting_a_minified_line_wraps_the_view_and_says_why(window: MainWindow, qtbot, base_project: Path) -> None:
    editor = open_in_editor(window, base_project, SRC)
    assert editor.lineWrapMode() == QPlainTextEdit.LineWrapMode.NoWrap
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    editor.insertPlainText(_minified(highlight.LONG_LINE + 1_000).split("\n")[0])
    window._recheck.stop()  # the checks re-show the file (and so wrapped it before): not them
    qtbot.waitUntil(lambda: editor.lineWrapMode() == QPlainTextEdit.LineWrapMode.WidgetWidth, timeout=3000)
    assert "minified" in window.source_pane.note.text() and window.source_pane.note.isVisibleTo(window)


def test_a_long_line_without_spaces_is_wrapped_at_the_edge_of_the_view(qapp) -> None:
    """A 500 KB base64 picture in a string (or an icon's XML) is one word: Qt's wrapping at word
    boundaries looks for a space in time that grows with the square of the word, and showing the
    file froze the window for 8 seconds (2 MB: two minutes). Wrapped anywhere, it takes a tenth."""
    from PySide6.QtGui import QTextOption

    picture = "data:image/png;base64," + "iVBORw0KGgo" * 30_000
    pane = SourcePane()
    pane.resize(800, 600)
    pane.show_file("pic.plugin.js", f"var logo = '{picture}';\n", read_only=False)
    editor = pane.editor
    assert editor.lineWrapMode() == QPlainTextEdit.LineWrapMode.WidgetWidth
    assert editor.wordWrapMode() == QTextOption.WrapMode.WrapAnywhere


def test_opening_a_big_file_visits_each_line_about_once(qtbot, monkeypatch) -> None:
    """Opening 5,000 lines (after a file of 3,000) asks the highlighter about each line about once.

    Why: Qt's highlighter goes over every line of a document it is given, and over every line of
    text put in while it is attached; both happened for each file opened, to mark lines the
    batches colour later anyway: twice the calls, and a stall of some 30 ms per 10,000 lines.
    """
    from designer.gui.panes import source_editor

    visited: list[int] = []

    class Counting(highlight.SyntaxHighlighter):
        def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
            visited.append(self.currentBlock().blockNumber())
            super().highlightBlock(text)

    # (A subclass the editor makes, not a patched method: PySide remembers a class's overrides.)
    monkeypatch.setattr(source_editor, "SyntaxHighlighter", Counting)
    pane = SourcePane()
    qtbot.addWidget(pane)
    pane.resize(600, 400)
    pane.show()
    for lines in (3_000, 5_000):
        text = "".join(f"/* {i}\n */ const a{i} = `x{i}`;\n" for i in range(lines // 2))
        visited.clear()
        pane.show_file(f"big{lines}.plugin.js", text, read_only=False)
        while not pane.editor.colouring_done():
            QCoreApplication.processEvents()
        count = pane.editor.blockCount()
        assert count >= lines
        assert len(visited) < 1.2 * count, (len(visited), count)
        # Every line coloured as a highlighter colouring the whole file at once colours it.
        doc = QTextDocument()
        doc.setDocumentLayout(QPlainTextDocumentLayout(doc))
        doc.setPlainText(text)
        fresh = highlight.SyntaxHighlighter(doc, highlight.language_for("f.js"))
        fresh.rehighlight()
        assert highlight.block_formats(pane.editor.document()) == highlight.block_formats(doc)


def test_a_big_file_opens_with_its_gutter_sized_and_its_brackets_marked_once_it_is_lexed(qtbot, monkeypatch) -> None:
    """The gutter is as wide as the new line count needs when the text goes in, and the bracket at
    the cursor is matched only once the lexer is there.

    Why: widening the gutter after the text was in laid out the view again, and the ``(`` that
    starts most plugin files had its partner looked for twice (20,000 characters each time) before
    the lexer could tell its brackets in strings from code: 15 ms of the stall of opening a file.
    """
    from designer.gui.panes.source_editor import FIRST_LINES, SourceEditor

    looked: list[int] = []
    real = SourceEditor._find_partner
    monkeypatch.setattr(
        SourceEditor, "_find_partner", lambda self, at, ch, *a: looked.append(at) or real(self, at, ch, *a)
    )
    pane = SourcePane()
    qtbot.addWidget(pane)
    pane.resize(600, 400)
    pane.show()
    editor = pane.editor
    body = "    ')';\n" * (FIRST_LINES * 4)  # over 1,000 lines: a wider gutter
    text = "(function () {\n" + body + "})();\n"
    pane.show_file("big.plugin.js", text, read_only=False)
    assert looked == []  # not yet: the lexer comes on the next turn of the event loop
    assert editor.viewportMargins().left() == editor.gutter_width() == editor._gutter.width()
    assert editor.gutter_width() > editor.gutter_width(9)
    qtbot.waitUntil(lambda: looked != [])
    end = text.rindex(")();")  # the partner: every ')' in between is in a string
    assert [s.cursor.selectionStart() for s in editor.extraSelections()] == [0, end]
    pane.show_file("small.plugin.js", "(a);\n", read_only=False)  # narrower again, at once
    assert editor.viewportMargins().left() == editor.gutter_width() == editor._gutter.width() == editor.gutter_width(9)
    assert [s.cursor.selectionStart() for s in editor.extraSelections()] == [0, 2]


def _widths_at_put_in(monkeypatch) -> list[tuple[bool, int, bool]]:
    """(shown, viewport width, vertical scroll bar shown) each time the editor's text is set to a file's."""
    from designer.gui.panes.source_editor import SourceEditor

    put_in: list[tuple[bool, int, bool]] = []
    real = SourceEditor.setPlainText

    def recorded(self: SourceEditor, text: str) -> None:
        if text:
            put_in.append((self.isVisible(), self.viewport().width(), self.verticalScrollBar().isVisible()))
        real(self, text)

    monkeypatch.setattr(SourceEditor, "setPlainText", recorded)
    return put_in


def test_a_minified_source_goes_in_at_the_width_it_is_shown_at(
    window: MainWindow, qtbot, base_project: Path, monkeypatch
) -> None:
    """Clicking a 5 MB minified source froze the window for nearly 4 s: its text went into the
    hidden editor, which Qt laid out at the size it had then, and again (a second each) once the
    editor was shown at its own size and its scroll bar came. Now it is laid out once, as shown."""
    path = base_project / "webapp2" / SRC
    path.write_text(_minified(highlight.LONG_LINE + 5_000) + path.read_text(encoding="utf-8"), encoding="utf-8")
    put_in = _widths_at_put_in(monkeypatch)
    editor = open_in_editor(window, base_project, SRC)
    QCoreApplication.processEvents()
    assert editor.isVisible() and editor.verticalScrollBar().isVisible()
    assert put_in == [(True, editor.viewport().width(), True)]
    assert editor.long_line is not None and "minified" in window.source_pane.note.text()


def test_only_a_file_with_a_long_line_keeps_its_scroll_bar_shown(qtbot, monkeypatch) -> None:
    """A minified file's wrapped line is hundreds of rows: its scroll bar is there before its text
    (Qt laid the line out without it, found it needed and laid it out again); an ordinary file
    that fits has none, as before."""
    pane = SourcePane()
    qtbot.addWidget(pane)
    pane.resize(800, 600)
    pane.show()
    qtbot.waitExposed(pane)
    put_in = _widths_at_put_in(monkeypatch)
    pane.show_file("min.plugin.js", _minified(highlight.LONG_LINE + 5_000), read_only=False)
    QCoreApplication.processEvents()
    editor = pane.editor
    assert put_in == [(True, editor.viewport().width(), True)]
    pane.show_file("small.plugin.js", "const a = 1;\n", read_only=False)
    QCoreApplication.processEvents()
    assert not editor.verticalScrollBar().isVisible()
    assert editor.lineWrapMode() == QPlainTextEdit.LineWrapMode.NoWrap


def test_closing_while_a_big_source_is_parsed_takes_the_window_off_the_screen_at_once(
    window: MainWindow, qtbot, base_project: Path, monkeypatch
) -> None:
    """Closing while a big source was parsed (or the checks ran on a worker) left the whole
    window on the screen, frozen, until the worker ended: a second or more for a 4 MB library.
    The close waits for the worker still (the process must not end under it), out of sight."""
    _big_source(base_project)
    editor = open_in_editor(window, base_project, SRC)
    release = threading.Event()
    real = jsanalysis._analyse

    def held(data: bytes):  # a parse that ends only once the close is waiting for it
        release.wait(30)
        return real(data)

    monkeypatch.setattr(jsanalysis, "_analyse", held)
    editor.textCursor().insertText("// edited, then closed\n")  # (text no worker has parsed yet)
    window._run_checks()
    worker = window.source_analysis
    assert worker is not None and worker.isRunning()
    on_screen_while_waiting = []
    real_wait = worker.wait

    def wait(*args) -> bool:
        on_screen_while_waiting.append(window.isVisible())
        release.set()
        return real_wait(*args)

    worker.wait = wait
    window.editor.undo_stack.setClean()  # nothing to ask about
    window.close()
    assert on_screen_while_waiting == [False] and worker.isFinished()
