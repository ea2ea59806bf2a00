"""Administrators who do not write English or Latin letters: Japanese, Russian, Arabic (right to
left) and Greek names for plugins, menu items, icon files and project folders, from `new` to the
exported ZIP and back, and in the designer's forms, preview and Problems list."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import ROOT

from designer.cli import main

CAFE = "Cafe\u0301 ☕"  # a combining acute, as a Mac keyboard types it, and an emoji
NAMES = ["Запись встречи", "会議を録音", "تسجيل الاجتماع", "Ηχογράφηση συνάντησης", CAFE]


def _new_project(tmp_path: Path) -> Path:
    """A project folder named in Cyrillic, with one plugin per name of :data:`NAMES`."""
    project = tmp_path / "проект встречи"
    for name in NAMES:
        assert main(["new", str(project), "--name", name]) == 0, name
    return project


def test_plugins_named_in_other_scripts_each_get_their_own_readable_folder(tmp_path: Path, capsys) -> None:
    """'Запись встречи' and '会議を録音' both made the id 'plugin': the second `new` was refused
    ("the plugin 'Запись встречи' has the id 'plugin'"), and the suggested '会議を録音 2' made 'plugin-2'."""
    project = _new_project(tmp_path)
    folders = sorted(p.name for p in (project / "webapp2/plugins").iterdir())
    assert "zapis-vstrechi" in folders and "ichografisi-synantisis" in folders and "cafe" in folders
    assert len(folders) == len(NAMES) and "plugin" not in folders
    # The names themselves are kept as typed, byte for byte (the combining accent too).
    names = {
        json.loads(p.read_bytes().decode("utf-8"))["name"]
        for p in (project / "webapp2/plugins").glob("*/*.plugin.package.json")
    }
    assert names == set(NAMES)
    assert "plugin 'Запись встречи'" in capsys.readouterr().out


def test_check_json_is_utf8_and_export_and_import_keep_names_and_file_names(tmp_path: Path) -> None:
    """`check --json` is read by scripts: it must be UTF-8 JSON with the names as typed; the ZIP
    must carry the names and a file named in Japanese with the ZIP's UTF-8 flag, so that the
    Management Node and unzip tools read the same name back."""
    project = _new_project(tmp_path)
    package_file = next(
        p for p in (project / "webapp2/plugins").glob("*/*.plugin.package.json") if "会議を録音" in p.read_text("utf-8")
    )
    folder = package_file.parent
    (folder / "icon.svg").rename(folder / "録音.svg")
    package_file.write_bytes(package_file.read_bytes().replace(b'"icon.svg#icon"', '"録音.svg#icon"'.encode()))
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "ascii"}  # not the terminal's encoding
    out = subprocess.run(
        [sys.executable, "-m", "designer", "check", "--json", str(project)], capture_output=True, env=env, timeout=120
    )
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout.decode("utf-8"))
    assert report["package"].endswith("проект встречи/webapp2") and report["summary"]["plugins"] == len(NAMES)

    zip_path = tmp_path / "экспорт.zip"
    assert main(["export", "-o", str(zip_path), str(project)]) == 0
    with zipfile.ZipFile(zip_path) as z:
        info = z.getinfo(f"webapp2/plugins/{folder.name}/録音.svg")
        assert info.flag_bits & 0x800
        for p in (project / "webapp2/plugins").glob("*/*"):
            assert z.read(p.relative_to(project).as_posix()) == p.read_bytes()
    assert main(["import", str(zip_path), "-o", str(tmp_path / "импорт")]) == 0
    again = tmp_path / "импорт/webapp2/plugins" / folder.name / "録音.svg"
    assert again.read_bytes() == (folder / "録音.svg").read_bytes()


def _drawn_text(view, index) -> str:
    """The text ``view`` paints for ``index``: what its item delegate puts in the style option."""
    from PySide6.QtWidgets import QStyleOptionViewItem

    option = QStyleOptionViewItem()
    delegate = view.itemDelegateForIndex(index)
    try:
        delegate.initStyleOption(option, index)
    except (AttributeError, TypeError):  # Qt's own delegate: Python may not call it; it paints the data
        return str(index.data())
    return option.text


def _left_of(text: str, first: str, second: str) -> bool:
    """Whether ``first`` is painted left of ``second`` when ``text`` is laid out on one line from
    left to right, as the designer's (English) window lays out its lists."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFont, QTextLayout, QTextOption

    layout = QTextLayout(text, QFont())
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.LeftToRight)
    layout.setTextOption(option)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()

    def span(part: str) -> tuple[float, float]:
        rects = [run.boundingRect() for run in layout.glyphRuns(text.index(part), len(part))]
        return min(r.left() for r in rects), max(r.right() for r in rects)

    return span(first)[1] <= span(second)[0] + 0.5


ARABIC = "إنهاء الاجتماع!"  # "End the meeting!": the "!" ends the sentence, so it belongs on its left


def test_an_arabic_name_reads_right_to_left_in_the_project_tree_and_the_problems(window, tmp_path: Path) -> None:
    """An Arabic name ending in '!' (or '(2)') was laid out as part of the English line around it:
    the '!' stood right of the name, where an Arabic reader takes it for the start, and in the
    Problems list the quote marks and the count '(1)' mixed with it. Now each name is laid out as
    a piece of its own, right to left."""
    from PySide6.QtWidgets import QTreeWidget

    project = tmp_path / "مشروع"
    assert main(["new", str(project), "--name", ARABIC]) == 0
    folder = next((project / "webapp2/plugins").iterdir())
    (folder / "extra.svg").write_bytes((folder / "icon.svg").read_bytes())  # a leftover: a note quoting the name
    window.open_path(project)
    tree = window.findChild(QTreeWidget, "projectTree")
    item = next(
        tree.topLevelItem(0).child(i)
        for i in range(tree.topLevelItem(0).childCount())
        if tree.topLevelItem(0).child(i).text(0) == ARABIC
    )
    shown = _drawn_text(tree, tree.indexFromItem(item))
    assert _left_of(shown, "!", "إنهاء")

    problems = window.problems_view
    head = problems.topLevelItem(0)
    message = head.child(0)
    assert f"'{ARABIC}'" in message.text(0)  # the message itself is as written (copied, read out)
    head_shown = _drawn_text(problems, problems.indexFromItem(head))
    assert _left_of(head_shown, "!", "إنهاء") and _left_of(head_shown, "إنهاء", "(1)")
    message_shown = _drawn_text(problems, problems.indexFromItem(message))
    assert _left_of(message_shown, "!", "إنهاء") and _left_of(message_shown, "of", "!")


def _conference_project(tmp_path: Path) -> Path:
    """A project whose one plugin, named and labelled in Arabic, puts its item in the meeting menu."""
    project = tmp_path / "مشروع"
    assert main(["new", str(project), "--name", ARABIC]) == 0
    package = next((project / "webapp2/plugins").glob("*/*.plugin.package.json"))
    data = json.loads(package.read_text("utf-8"))
    data["menuItems"] = {"conference": data["menuItems"]["toolbar"]}
    package.write_text(json.dumps(data, ensure_ascii=False, indent=4), "utf-8")
    return project


# Whether the "!" of each piece of text (the label, the plugin's name) in the meeting menu's item
# is drawn left of the word it ends, as an Arabic reader reads it.
_BANG = """(function () { PDUI.confMenuOpen = true; PDUI.render();
    var item = document.querySelector('[data-kind=conference]');
    function bangFirst(el) {
        var walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT), text = walker.nextNode(), s = text.textContent;
        var r = document.createRange(); r.setStart(text, s.indexOf('!')); r.setEnd(text, s.indexOf('!') + 1);
        var bang = r.getBoundingClientRect(); r.setStart(text, 0); r.setEnd(text, 5);
        return [el.textContent, bang.right <= r.getBoundingClientRect().left + 0.5];
    }
    var shown = [bangFirst(item.querySelector('span')), bangFirst(item.querySelector('.pd-from'))];
    item.click();  // the starter plugin opens a dialog titled with its name
    return JSON.stringify(shown.concat([bangFirst(document.querySelector('.pd-dialog-title'))])); })()"""


def test_an_arabic_label_reads_right_to_left_in_the_mock_meeting(qtbot, tmp_path: Path) -> None:
    """The label 'إنهاء الاجتماع!' in the meeting menu was laid out as part of the menu's left-to-right
    line: its '!' stood right of the words, where an Arabic reader takes it for the start; so did the
    plugin's name beside it and the title of the dialog the plugin opens."""
    from test_preview import _js, _preview_of

    with _preview_of(qtbot, _conference_project(tmp_path)) as pane:
        label, plugin, dialog = json.loads(_js(qtbot, pane.page, _BANG))
    assert label == [ARABIC, True] and plugin == [ARABIC, True] and dialog == [ARABIC, True]


def _log_line_left_of(pane, containing: str, first: str, second: str, last: bool = False) -> bool:
    """Whether, on the preview log's line holding ``containing``, ``first`` is painted left of
    ``second`` (as the log's own text layout of that line places them); with ``last``, their last
    occurrences on the line."""
    block = pane.log.document().begin()
    while block.isValid() and containing not in block.text():
        block = block.next()
    assert block.isValid(), pane.log.toPlainText()
    text, layout = block.text(), block.layout()

    def span(part: str) -> tuple[float, float]:
        at = text.rindex(part) if last else text.index(part)
        rects = [run.boundingRect() for run in layout.glyphRuns(at, len(part))]
        return min(r.left() for r in rects), max(r.right() for r in rects)

    return span(first)[1] <= span(second)[0] + 0.5


def test_the_preview_log_keeps_english_lines_left_to_right_around_an_arabic_name(qtbot, tmp_path: Path) -> None:
    """'[إنهاء الاجتماع!] started' began with Arabic letters, so the log laid the whole line out
    right to left: 'started' came first on the left, and the '[' ']' and '!' went astray. Now the
    line reads left to right as every other line, and the name right to left inside it."""
    from test_preview import _js, _preview_of

    with _preview_of(qtbot, _conference_project(tmp_path)) as pane:
        _js(
            qtbot,
            pane.page,
            "PDUI.confMenuOpen = true; PDUI.render(); document.querySelector('[data-kind=conference]').click(); true",
        )
        qtbot.waitUntil(lambda: "opened dialog" in pane.log.toPlainText())
        started = _log_line_left_of(pane, "started", "[", "started") and _log_line_left_of(
            pane, "started", "!", "إنهاء"
        )
        pressed = _log_line_left_of(pane, "pressed", "[", "pressed") and _log_line_left_of(
            pane, "pressed", "!", "إنهاء", last=True
        )
        dialog = _log_line_left_of(pane, "opened dialog", "[", "opened") and _log_line_left_of(
            pane, "opened dialog", "!", "إنهاء", last=True
        )
    assert (started, pressed, dialog) == (True, True, True)


def test_adding_an_arabic_plugin_says_so_with_its_name_right_to_left(window, tmp_path: Path, monkeypatch) -> None:
    """Plugin ▸ Add Plugin… with 'إنهاء الاجتماع!' said "Added 'إنهاء الاجتماع!'." in the status bar,
    "Undo Add plugin '…'" in the Edit menu and in the undo history with the '!' right of the name,
    where an Arabic reader takes it for its start."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QInputDialog, QLabel, QUndoView

    project = tmp_path / "مشروع"
    assert main(["new", str(project), "--name", "Запись встречи"]) == 0
    window.open_path(project)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (ARABIC, True))
    window.add_plugin()
    window.show_history()
    status = QLabel.text(window.status)  # as painted
    undo = window.findChild(QAction, "undoAction").text()
    history = window.findChild(QUndoView, "undoHistory")
    step = _drawn_text(history, history.model().index(1, 0))
    assert f"'{ARABIC}'" in window.status.text()  # as said, without the invisible marks
    assert _left_of(status, "Added", "!") and _left_of(status, "!", "إنهاء")
    assert _left_of(undo, "Undo", "!") and _left_of(undo, "!", "إنهاء")
    assert _left_of(step, "Add", "!") and _left_of(step, "!", "إنهاء")


def test_the_menu_items_list_shows_an_arabic_label_right_to_left(window, tmp_path: Path) -> None:
    """The row 'إنهاء الاجتماع!  →  showMessage' put the label's '!' between the label and the arrow,
    where an Arabic reader takes it for the label's start."""
    from PySide6.QtWidgets import QListWidget

    project = _conference_project(tmp_path)
    window.open_path(project)
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("plugin", 0)))
    items = window.findChild(QListWidget, "menuItemsList")
    row = _drawn_text(items, items.model().index(0, 0))
    assert ARABIC in row
    assert _left_of(row, "!", "إنهاء") and _left_of(row, "إنهاء", "→")


def test_typing_an_arabic_labels_first_letter_in_the_menu_items_list_goes_to_it(window, qtbot, tmp_path: Path) -> None:
    """Pressing a label's first letter in the list goes to its row (Qt's type-ahead); for an Arabic
    label it stayed where it was: the row's text began with an invisible mark that laid the label
    out right to left, and the list matched the letter against that mark."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication, QListWidget, QPushButton

    window.open_path(_conference_project(tmp_path))
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("plugin", 0)))
    items = window.findChild(QListWidget, "menuItemsList")
    qtbot.mouseClick(window.findChild(QPushButton, "addItemButton"), Qt.MouseButton.LeftButton)
    assert items.currentRow() == 1 and items.item(1).text().startswith("New item")
    items.setFocus()
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):  # an Arabic keyboard's alef with hamza
        QApplication.sendEvent(items, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ARABIC[0]))
    assert items.currentRow() == 0
    assert items.item(0).text() == f"{ARABIC}  →  show"  # as typed: what a screen reader reads


def _checklist_line(view, containing: str) -> tuple[str, object]:
    """The text and the layout of the Upload checklist's line holding ``containing``."""
    block = view.document().begin()
    while block.isValid() and containing not in block.text():
        block = block.next()
    assert block.isValid(), view.toPlainText()
    view.document().documentLayout().blockBoundingRect(block)  # laid out as when painted
    return block.text(), block.layout()


def _x(text: str, layout, part: str) -> float:
    rects = [run.boundingRect() for run in layout.glyphRuns(text.index(part), len(part))]
    return min(r.left() for r in rects)


def test_the_upload_checklist_reads_left_to_right_with_arabic_plugin_names(window, tmp_path: Path) -> None:
    """A checklist line starting with an Arabic name ('تسجيل الاجتماع: toolbar button, for Hosts…')
    was laid out right to left, its number on the right and the English after the name mirrored;
    'Enabled by default: تسجيل الاجتماع, إنهاء!' showed the two names in the opposite order."""
    from PySide6.QtWidgets import QTabWidget

    first, second = "تسجيل الاجتماع", "إنهاء!"
    project = tmp_path / "p"
    for name in (first, second):
        assert main(["new", str(project), "--name", name]) == 0
    window.open_path(project)
    window.show_export()
    tabs = window.export_pane.findChild(QTabWidget)
    tabs.setCurrentIndex(next(i for i in range(tabs.count()) if tabs.tabText(i) == "Upload checklist"))
    view = window.export_pane.checklist_view
    text, layout = _checklist_line(view, "toolbar button")
    assert text.index(first) < text.index("toolbar")
    assert _x(text, layout, first) < _x(text, layout, "toolbar")  # the name first, on the left
    text, layout = _checklist_line(view, "Enabled by default")
    assert _x(text, layout, "Enabled") < _x(text, layout, first) < _x(text, layout, "إنهاء")


def test_a_comment_in_arabic_stays_a_left_to_right_line_of_code(window, tmp_path: Path) -> None:
    """'    // تسجيل الاجتماع: يبدأ هنا' in a plugin's code was laid out as a right-to-left line: the '//'
    went to its right end and the indentation with it, so the comment no longer looked like one."""
    from conftest import open_in_editor

    project = tmp_path / "p"
    assert main(["new", str(project), "--name", "Record"]) == 0
    js = project / "webapp2/plugins/record/record.plugin.js"
    comment = "    // تسجيل الاجتماع: يبدأ هنا"
    js.write_text(js.read_text("utf-8").replace("    function load(", comment + "\n    function load(", 1), "utf-8")
    editor = open_in_editor(window, project, "plugins/record/record.plugin.js")
    block = editor.document().findBlock(editor.toPlainText().index(comment))
    editor.document().documentLayout().blockBoundingRect(block)
    text, layout = block.text(), block.layout()
    assert text == comment
    assert _x(text, layout, "//") < _x(text, layout, "يبدأ") < _x(text, layout, "تسجيل")  # the words right to left


def test_the_note_under_a_taken_id_quotes_an_arabic_name_right_to_left(window, qtbot, tmp_path: Path) -> None:
    """Typing another plugin's id said "'…' is the id of 'إنهاء الاجتماع!'; each plugin needs its own."
    with the '!' of the name on its right, where an Arabic reader takes it for the name's start."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel, QLineEdit

    project = tmp_path / "p"
    for name in (ARABIC, "Record"):
        assert main(["new", str(project), "--name", name]) == 0
    window.open_path(project)
    arabic_id = window.package.plugins[0].entry.id
    window.tree.setCurrentItem(window._find_tree_item(window.tree.topLevelItem(0), ("plugin", 1)))
    field = window.findChild(QLineEdit, "idEdit")
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, arabic_id)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    note = window.findChild(QLabel, "idNote").text()
    assert "each plugin needs its own" in note and ARABIC in note.replace("\u2068", "").replace("\u2069", "")
    assert _left_of(note, "is the id of", "!") and _left_of(note, "!", "إنهاء")


def test_files_and_folders_named_in_arabic_keep_their_order_and_extension(window, tmp_path: Path) -> None:
    """An icon file 'تسجيل.svg' showed in the project tree with its '.svg' on the left, and the
    Problems' Where column showed 'plugins/مسجل/تسجيل.svg' with the folder and the file the other way
    round: the path no longer said where the file is."""
    from PySide6.QtWidgets import QTreeWidget

    project = tmp_path / "p"
    assert main(["new", str(project), "--name", "Record"]) == 0
    plugins = project / "webapp2/plugins"
    (plugins / "record").rename(plugins / "مسجل")
    folder = plugins / "مسجل"
    for old in list(folder.iterdir()):
        old.rename(folder / old.name.replace("record", "مسجل"))
    (folder / "تسجيل.svg").write_bytes((folder / "icon.svg").read_bytes())  # a leftover: PD406 names it
    for path in (project / "webapp2/settings.json", folder / "مسجل.plugin.package.json"):
        path.write_text(
            path.read_text("utf-8").replace("record/record", "مسجل/مسجل").replace("record.plugin.js", "مسجل.plugin.js"),
            "utf-8",
        )
    window.open_path(project)
    tree = window.findChild(QTreeWidget, "projectTree")
    item = window._find_tree_item(tree.topLevelItem(0), ("file", "plugins/مسجل/تسجيل.svg"))
    shown = _drawn_text(tree, tree.indexFromItem(item))
    assert _left_of(shown, "تسجيل", ".svg")
    problems = window.problems_view
    row = next(r for r in problems.problem_items() if r.text(2) == "PD406")
    where = _drawn_text(problems, problems.indexFromItem(row, 1))
    assert _left_of(where, "plugins", "مسجل") and _left_of(where, "مسجل", "تسجيل") and _left_of(where, "تسجيل", "svg")


def test_a_quoted_file_name_in_arabic_keeps_its_extension_on_the_right(window, tmp_path: Path) -> None:
    """ "The icon file 'مفقود.svg' of 'Record' is not in the package" showed the file as 'svg.مفقود'
    in the Problems list: laid out right to left as a whole, like a name, its extension went first."""
    project = tmp_path / "p"
    assert main(["new", str(project), "--name", "Record"]) == 0
    package = project / "webapp2/plugins/record/record.plugin.package.json"
    package.write_text(package.read_text("utf-8").replace('"icon.svg#icon"', '"مفقود.svg#icon"'), "utf-8")
    window.open_path(project)
    problems = window.problems_view
    row = next(r for r in problems.problem_items() if r.text(2) == "PD400")
    shown = _drawn_text(problems, problems.indexFromItem(row, 0))
    assert "'مفقود.svg'" in row.text(0)
    assert _left_of(shown, "icon file", "مفقود") and _left_of(shown, "مفقود", ".svg")


def test_the_screenshot_commands_error_quotes_an_arabic_title_as_the_import_does(tmp_path: Path) -> None:
    """A server's error page titled in Arabic, saved as branding.zip: `screenshot --json` (which
    reports what the window's status bar says) gave the title wrapped in invisible direction marks,
    which a script comparing it with `import --json`'s error, or searching it for the title, did
    not find; the status bar's own layout of it is the window's business."""
    page = tmp_path / "branding.zip"
    page.write_text("<!DOCTYPE html><html><head><title>خطأ في الخادم</title></head><body></body></html>", "utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}

    def error(*args: object) -> str:
        out = subprocess.run(
            [sys.executable, "-m", "designer", *map(str, args), "--json"], capture_output=True, env=env, timeout=120
        )
        return json.loads(out.stdout.decode("utf-8"))["error"]

    shot = error("screenshot", page, "-o", tmp_path / "s.png")
    assert "'خطأ في الخادم'" in shot
    assert shot.rstrip(".") == error("import", page, "-o", tmp_path / "out").rstrip(".")


# The '!' of a participant's Arabic name, in the participant list and on the meeting's tile: drawn
# left of the name's first word, as an Arabic reader reads it?
_PARTICIPANT_BANG = """(function () {
    var p = PD.participants()[1];
    PD.sim.updateParticipant(p.uuid, 'name', 'سارة الضيفة!');
    PDUI.render();
    function bangFirst(el) {
        var walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT), text = walker.nextNode(), s = text.textContent;
        var r = document.createRange(); r.setStart(text, s.indexOf('!')); r.setEnd(text, s.indexOf('!') + 1);
        var bang = r.getBoundingClientRect(); r.setStart(text, 0); r.setEnd(text, 4);
        return [text.textContent, bang.right <= r.getBoundingClientRect().left + 0.5];
    }
    function named(selector) {
        return Array.from(document.querySelectorAll(selector)).filter(function (e) { return e.textContent.indexOf('!') >= 0; })[0];
    }
    return JSON.stringify([bangFirst(named('.pd-who')), bangFirst(named('.pd-name'))]); })()"""


def test_an_arabic_participant_name_reads_right_to_left_in_the_mock_meeting(qtbot, tmp_path: Path) -> None:
    """A participant named 'سارة الضيفة!' in the preview's meeting (Simulate the meeting) had the '!'
    right of the name, in the participant list and on its tile, where an Arabic reader takes it for
    the start; plugin labels and names there were already laid out right to left on their own."""
    from test_preview import _js, _preview_of

    with _preview_of(qtbot, _conference_project(tmp_path)) as pane:
        listed, tile = json.loads(_js(qtbot, pane.page, _PARTICIPANT_BANG))
    assert listed == ["سارة الضيفة!", True] and tile == ["سارة الضيفة!", True]


def test_a_plugins_arabic_console_message_reads_right_to_left_in_the_preview_log(qtbot, tmp_path: Path) -> None:
    """console.log('مرحبا بكم!') was logged as "[…] console.log: مرحبا بكم!" with the '!' right of the
    words, where an Arabic reader takes it for the start: the message was laid out as part of the
    English line, when names on the same line were already laid out right to left on their own."""
    from test_preview import _preview_of

    project = _conference_project(tmp_path)
    js = next((project / "webapp2/plugins").glob("*/*.plugin.js"))
    text = js.read_text("utf-8")
    js.write_text(
        text.replace("conferenceDetails$) {", "conferenceDetails$) {\n        console.log('مرحبا بكم!');", 1), "utf-8"
    )
    with _preview_of(qtbot, project) as pane:
        qtbot.waitUntil(lambda: "console.log" in pane.log.toPlainText(), timeout=5000)
        assert _log_line_left_of(pane, "console.log", "console", "!", last=True)
        assert _log_line_left_of(pane, "console.log", "!", "مرحبا", last=True)
