"""The Problems list with hundreds of problems: folded groups, groups kept across checks.

A package of many broken plugins gave thousands of rows, each measured and given its Fix button
again after every check, and the window froze for seconds at each edit. These tests drive the
window as a user does on such a package (made by :func:`broken_plugins`).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QTreeWidgetItem

from designer.core.checks import run_checks
from designer.core.model import load
from designer.core.plugins import problem_owner, problem_owners
from designer.gui.panes.problems_pane import _UNFOLDED_ROWS, ProblemsPane

FIXTURES = Path(__file__).parent / "fixtures"


def broken_plugins(root: Path, plugins: int = 12, items: int = 12) -> Path:
    """A project of ``plugins`` copies of the fixture's plugin, each with ``items`` toolbar buttons
    whose icon file is misspelt ('recc.svg', fixed to 'rec.svg') and whose action the source does
    not register: two problems a button, each with its Fix."""
    shutil.copytree(FIXTURES / "base", root)
    webapp2 = root / "webapp2"
    template = webapp2 / "plugins" / "rec"
    entries = []
    for n in range(plugins):
        pid = f"p{n:02d}"
        folder = webapp2 / "plugins" / pid
        folder.mkdir()
        shutil.copy(template / "rec.svg", folder / "rec.svg")
        source = (template / "rec.plugin.js").read_text(encoding="utf-8").replace("rec-1.0", pid)
        (folder / f"{pid}.plugin.js").write_text(source, encoding="utf-8")
        package = json.loads((template / "rec.plugin.package.json").read_text(encoding="utf-8"))
        package.update(id=pid, name=f"Plugin {n:02d}", srcURL=f"{pid}.plugin.js")
        package["menuItems"]["toolbar"] = [
            {"icon": "recc.svg#rec", "label": f"Button {k}", "action": f"act{k}"} for k in range(items)
        ]
        (folder / f"{pid}.plugin.package.json").write_text(json.dumps(package, indent=4), encoding="utf-8")
        entries.append({"id": pid, "srcURL": f"plugins/{pid}/{pid}.plugin.package.json", "enabled": True})
    shutil.rmtree(template)
    (webapp2 / "settings.json").write_text(json.dumps({"plugins": entries}, indent=4), encoding="utf-8")
    return root


def _heads(view: ProblemsPane) -> list:
    return [view.topLevelItem(i) for i in range(view.topLevelItemCount())]


def _shown(view: ProblemsPane) -> list[tuple]:
    """Every group and row as the list shows it: texts of each column, and each row's button text."""
    out = []
    for head in _heads(view):
        out.append(tuple(head.text(c) for c in range(4)))
        for j in range(head.childCount()):
            row = head.child(j)
            out.append((*(row.text(c) for c in range(4)), row.data(0, Qt.ItemDataRole.UserRole)))
    return out


def test_a_long_list_opens_with_its_first_groups_unfolded_and_the_others_as_title_and_count(
    window, qtbot, tmp_path
) -> None:
    project = broken_plugins(tmp_path / "p")
    window.open_path(project)
    view = window.problems_view
    problems = window._all_problems()
    assert len(problems) > _UNFOLDED_ROWS
    heads = _heads(view)
    each = len(problems) // 12  # (two a button, and the source's unused 'record')
    assert [h.text(0) for h in heads] == [f"Plugin {n:02d} ({each})" for n in range(12)]
    # Every problem is in the list, folded or not; the dock's title counts them all.
    assert len(list(view.problem_items())) == len(problems)
    assert window.problems_dock.windowTitle() == f"Problems ({len(problems)})"
    unfolded = [h.isExpanded() for h in heads]
    assert unfolded == [True] * (_UNFOLDED_ROWS // each) + [False] * (12 - _UNFOLDED_ROWS // each)
    # A folded group's rows get their Fix buttons when the user unfolds it (the arrow key on its title).
    last = heads[-1]
    assert all(view.itemWidget(last.child(j), 3) is None for j in range(last.childCount()))
    view.setFocus()
    view.setCurrentItem(last)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert last.isExpanded()
    rows = [last.child(j) for j in range(last.childCount())]
    fixable = [row for row in rows if row.data(0, Qt.ItemDataRole.UserRole).fix is not None]
    assert len(fixable) == each - 1  # (all but the unused 'record')
    assert all(isinstance(view.itemWidget(row, 3), QPushButton) for row in fixable)
    # ... and they work: the first one fixes its problem (the list checked again a moment later).
    problem = fixable[-1].data(0, Qt.ItemDataRole.UserRole)
    qtbot.mouseClick(view.itemWidget(fixable[-1], 3), Qt.MouseButton.LeftButton)
    assert window.status.text().startswith("Fixed: "), window.status.text()
    qtbot.waitUntil(lambda: _heads(view)[-1].text(0) == f"Plugin 11 ({each - 1})")
    assert problem not in window._all_problems()


def test_groups_stay_folded_or_unfolded_as_the_user_left_them_after_an_edit(window, qtbot, tmp_path) -> None:
    window.open_path(broken_plugins(tmp_path / "p"))
    view = window.problems_view
    heads = _heads(view)
    each = len(window._all_problems()) // 12
    heads[0].setExpanded(False)  # the user folds the first group and unfolds the last one
    heads[-1].setExpanded(True)
    fix = next(p.fix for p in window._all_problems() if p.plugin == "p05" and p.fix is not None)
    window.apply_fix(fix)  # a check with one problem fewer in a folded group
    qtbot.waitUntil(lambda: _heads(view)[5].text(0) == f"Plugin 05 ({each - 1})")
    heads = _heads(view)
    assert [h.isExpanded() for h in heads] == [False] + [h < _UNFOLDED_ROWS // each for h in range(1, 11)] + [True]
    fixable = [heads[-1].child(j) for j in range(each) if heads[-1].child(j).data(0, Qt.ItemDataRole.UserRole).fix]
    assert fixable and all(isinstance(view.itemWidget(row, 3), QPushButton) for row in fixable)


def test_a_check_keeps_the_groups_it_did_not_change_and_shows_what_a_fresh_list_shows(window, qtbot, tmp_path) -> None:
    window.open_path(broken_plugins(tmp_path / "p", plugins=4, items=3))
    view = window.problems_view
    untouched = _heads(view)[0]
    button = view.itemWidget(untouched.child(0), 3)
    fix = next(p.fix for p in window._all_problems() if p.plugin == "p02" and p.fix is not None)
    before = _shown(view)
    window.apply_fix(fix)
    qtbot.waitUntil(lambda: _shown(view) != before)
    # The first plugin's group is the same group, its Fix buttons the same buttons ...
    assert _heads(view)[0] is untouched and view.itemWidget(untouched.child(0), 3) is button
    # ... and the list is the one a list filled afresh with these problems shows.
    fresh = ProblemsPane()
    qtbot.addWidget(fresh)
    fresh.resize(view.size())
    fresh.show_problems(window._all_problems(), window.package)
    assert _shown(view) == _shown(fresh)
    after = _shown(view)
    window.editor.undo_stack.undo()
    qtbot.waitUntil(lambda: _shown(view) != after)
    assert _shown(view) == before
    fresh.show_problems(window._all_problems(), window.package)
    assert _shown(view) == _shown(fresh)
    assert _heads(view)[0] is untouched


def test_rows_are_measured_again_in_a_bigger_font(window, tmp_path) -> None:
    window.open_path(broken_plugins(tmp_path / "p", plugins=2, items=2))
    view = window.problems_view
    row = next(r for r in view.problem_items() if r.data(0, Qt.ItemDataRole.UserRole).fix is None)
    before = view.visualItemRect(row).height()
    font = view.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    view.setFont(font)
    view.executeDelayedItemsLayout()
    assert view.visualItemRect(row).height() > before


def test_rows_added_to_a_narrow_list_show_their_code_under_their_place(window, qtbot, tmp_path) -> None:
    window.open_path(broken_plugins(tmp_path / "p", plugins=2, items=2))
    view = window.problems_view
    window.problems_dock.setFloating(True)
    window.problems_dock.resize(420, 400)
    assert view.isColumnHidden(2)
    fix = next(p.fix for p in window._all_problems() if p.plugin == "p01" and p.fix is not None)
    before = len(window._all_problems())
    window.apply_fix(fix)  # the group of p01 is made again, as narrow as the list
    qtbot.waitUntil(lambda: len(list(view.problem_items())) == before - 1)
    for row in view.problem_items():
        problem = row.data(0, Qt.ItemDataRole.UserRole)
        assert row.text(1).endswith("\n" + problem.code), row.text(1)


def test_a_narrow_lists_code_is_drawn_on_a_line_of_its_own_under_the_place(window, qtbot, tmp_path) -> None:
    """The Where cell "….plugin.js:34:30" + "PD517" was drawn as one line, "34:30PD517", and the
    row was no taller for the code: the delegate's own text kept its "\n", which Qt draws as no break."""
    from PySide6.QtWidgets import QStyleOptionViewItem

    window.open_path(broken_plugins(tmp_path / "p", plugins=1, items=1))
    view = window.problems_view
    window.problems_dock.setFloating(True)
    window.problems_dock.resize(420, 400)
    qtbot.waitUntil(lambda: view.isColumnHidden(2))
    row = next(iter(view.problem_items()))
    code = row.data(0, Qt.ItemDataRole.UserRole).code
    index = view.indexFromItem(row, 1)
    delegate = view.itemDelegate()

    def drawn(text: str) -> tuple[str, int]:
        """The text the cell draws for ``text`` and the height it asks for."""
        row.setText(1, text)
        option = QStyleOptionViewItem()
        view.initViewItemOption(option)
        option.rect = view.visualRect(index)
        delegate.initStyleOption(option, index)
        return option.text, delegate.sizeHint(option, index).height()

    with_code = row.text(1)
    text, height = drawn(with_code)
    assert "\n" not in text and text.endswith("\u2028" + code)  # a line break Qt's text layout keeps
    _, place_height = drawn(with_code.removesuffix("\n" + code))
    assert height >= place_height + view.fontMetrics().lineSpacing()


def test_problem_owners_finds_the_plugin_problem_owner_finds(tmp_path) -> None:
    project = broken_plugins(tmp_path / "p", plugins=3, items=2)
    # Two plugins with the same id (PD202): told apart by their files and settings entries.
    settings = project / "webapp2" / "settings.json"
    data = json.loads(settings.read_text(encoding="utf-8"))
    data["plugins"][2]["id"] = "p01"
    settings.write_text(json.dumps(data), encoding="utf-8")
    pkg = load(project)
    owner = problem_owners(pkg)
    problems = run_checks(pkg)
    assert any(p.code == "PD202" for p in problems)
    for p in problems:
        assert owner(p.plugin, p.file, p.pointer) == problem_owner(pkg, p.plugin, p.file, p.pointer), p
    assert {owner(p.plugin, p.file, p.pointer) for p in problems if p.plugin == "p01"} == {1, 2}


def test_the_export_pane_sums_up_many_errors_by_kind_before_the_first_of_them(window, tmp_path) -> None:
    window.open_path(broken_plugins(tmp_path / "p"))
    window.show_export()
    verdict = window.export_pane.verdict.text()
    errors = [p for p in window._all_problems() if p.severity.value == "error"]
    assert len(errors) == 12 * 24
    assert f"Export is blocked: {len(errors)} errors must be fixed first." in verdict
    assert "By kind, in 12 plugins:" in verdict
    assert "<li>144 × Menu item action is not registered (PD505)</li>" in verdict
    assert "<li>144 × Icon file not found (PD400)</li>" in verdict
    assert verdict.count("href='problem:") == 5
    assert (
        f"… and {len(errors) - 5} more: the Problems list has them all, by plugin ({len(errors)} with a Fix" in verdict
    )


def test_a_check_marks_the_project_tree_in_place_and_leaves_unfolded_plugins_unfolded(window, qtbot, tmp_path) -> None:
    window.open_path(broken_plugins(tmp_path / "p", plugins=3, items=2))
    root = window.tree.topLevelItem(0)
    first, last = root.child(2), root.child(4)
    assert first.toolTip(0) == "4 errors"
    last.setExpanded(True)  # the user opens the last plugin's files
    window.tree.setCurrentItem(last.child(0))
    fix = next(p.fix for p in window._all_problems() if p.plugin == "p00" and p.code == "PD400")
    window.apply_fix(fix)
    qtbot.waitUntil(lambda: first.toolTip(0) == "3 errors")
    assert window.tree.topLevelItem(0) is root and root.child(4) is last
    assert last.isExpanded() and window.tree.currentItem() is last.child(0)
    # A fix that takes a file away makes the tree again, without it.
    unused = tmp_path / "p" / "webapp2" / "plugins" / "p01" / "spare.svg"
    unused.write_text((unused.parent / "rec.svg").read_text(encoding="utf-8"), encoding="utf-8")
    window.reload()
    root = window.tree.topLevelItem(0)
    assert "spare.svg" in [root.child(3).child(j).text(0) for j in range(root.child(3).childCount())]
    delete = next(p.fix for p in window._all_problems() if p.code == "PD406" and p.file.endswith("spare.svg"))
    window.apply_fix(delete)
    qtbot.waitUntil(
        lambda: (
            "spare.svg"
            not in [
                window.tree.topLevelItem(0).child(3).child(j).text(0)
                for j in range(window.tree.topLevelItem(0).child(3).childCount())
            ]
        )
    )


def _settled(window, qtbot) -> None:
    """The checks after an edit have run and their problems are on show."""
    qtbot.waitUntil(lambda: not window._recheck.isActive() and window._checks_on_show == window._checks_asked)


def _rename(window, qtbot, index: int, words: str) -> None:
    """Type ``words`` at the end of the name of the plugin ``index`` in its form, as a user does."""
    window.tree.setCurrentItem(window.tree.topLevelItem(0).child(2 + index))
    name = window.plugin_page.form.name
    name.setFocus()
    qtbot.keyClick(name, Qt.Key.Key_End)
    qtbot.keyClicks(name, words)
    qtbot.keyClick(name, Qt.Key.Key_Tab)
    _settled(window, qtbot)


def test_a_check_sets_the_tree_mark_only_of_a_plugin_whose_errors_changed(window, qtbot, tmp_path, monkeypatch) -> None:
    window.open_path(broken_plugins(tmp_path / "p", plugins=3, items=2))
    root = window.tree.topLevelItem(0)
    first = root.child(2)
    assert [root.child(2 + i).toolTip(0) for i in range(3)] == ["4 errors"] * 3
    set_on: list[tuple[str, str]] = []  # (what, plugin's name) of each icon or tooltip set in the tree
    for what in ("setIcon", "setToolTip"):
        real = getattr(QTreeWidgetItem, what)

        def spy(item, *args, real=real, what=what):
            if item.treeWidget() is window.tree:
                set_on.append((what, item.text(0)))
            return real(item, *args)

        monkeypatch.setattr(QTreeWidgetItem, what, spy)
    fix = next(p.fix for p in window._all_problems() if p.plugin == "p00" and p.code == "PD400")
    window.apply_fix(fix)
    qtbot.waitUntil(lambda: first.toolTip(0) == "3 errors")
    _settled(window, qtbot)
    # Still errors (the same icon): the one tooltip that changed is set, no icon at all.
    assert set_on == [("setToolTip", "Plugin 00")]
    assert [root.child(2 + i).toolTip(0) for i in range(3)] == ["3 errors", "4 errors", "4 errors"]


def test_a_check_that_changes_no_listed_problem_leaves_every_row_of_a_long_list_as_it_was(
    window, qtbot, tmp_path, monkeypatch
) -> None:
    """Past MOST_ROWS (errors first), the last plugins' problems are not listed: renaming one changes
    no row. The list takes away, adds, hides and shows none (each had Qt lay out all its rows again)."""
    window.open_path(broken_plugins(tmp_path / "p", plugins=14, items=24))
    view = window.problems_view
    note = _heads(view)[-1]
    assert "more problems are not listed" in note.text(0)
    before = _shown(view)
    changed: list[str] = []
    view.model().rowsInserted.connect(lambda *_a: changed.append("inserted"))
    view.model().rowsRemoved.connect(lambda *_a: changed.append("removed"))
    real = QTreeWidgetItem.setHidden
    monkeypatch.setattr(
        QTreeWidgetItem,
        "setHidden",
        lambda item, hide: (changed.append("hidden") if item.treeWidget() is view else None, real(item, hide))[1],
    )
    # (and no Fix button's text measured and set again: the columns fit the same buttons already)
    set_text = QPushButton.setText
    monkeypatch.setattr(
        QPushButton,
        "setText",
        lambda button, text: (changed.append("button") if view.isAncestorOf(button) else None, set_text(button, text))[
            1
        ],
    )
    _rename(window, qtbot, 13, " renamed")
    assert window.tree.topLevelItem(0).child(15).text(0) == "Plugin 13 renamed"
    assert changed == []
    assert _shown(view) == before and _heads(view)[-1] is note
    fresh = ProblemsPane()
    qtbot.addWidget(fresh)
    fresh.resize(view.size())
    fresh.show_problems(window._all_problems(), window.package)
    assert _shown(view) == _shown(fresh)


def test_the_problem_selected_stays_selected_when_a_check_changes_the_groups_around_it(window, qtbot, tmp_path) -> None:
    window.open_path(broken_plugins(tmp_path / "p", plugins=4, items=3))
    view = window.problems_view
    row = _heads(view)[2].child(1)
    problem = row.data(0, Qt.ItemDataRole.UserRole)
    view.setCurrentItem(row)
    view.setFocus()
    # A Fix clicked in the first plugin's group: one row fewer before the one selected.
    first_fix = next(r for r in view.problem_items() if isinstance(view.itemWidget(r, 3), QPushButton))
    qtbot.mouseClick(view.itemWidget(first_fix, 3), Qt.MouseButton.LeftButton)
    _settled(window, qtbot)
    assert _heads(view)[0].text(0) == "Plugin 00 (6)"
    assert view.currentItem() is row and view.hasFocus()
    # Its own plugin renamed: its group is made again, the problem still selected in it.
    _rename(window, qtbot, 2, " renamed")
    assert _heads(view)[2].text(0) == "Plugin 02 renamed (7)"
    now = view.currentItem().data(0, Qt.ItemDataRole.UserRole)
    assert view.currentItem() is not row and view.currentItem().parent() is _heads(view)[2]
    assert now.message == problem.message.replace("'Plugin 02'", "'Plugin 02 renamed'") != problem.message


def test_removing_a_plugin_puts_the_groups_after_it_back_in_one_go(window, qtbot, tmp_path) -> None:
    """Removing a plugin in the middle makes the groups of every plugin after it again (their place
    in settings.json changed). They go into the list together: one at a time, the view laid out all
    its rows and moved every Fix button again for each group, a third of a second with 80 plugins."""
    window.open_path(broken_plugins(tmp_path / "p", plugins=12, items=3))
    view = window.problems_view
    inserted: list[int] = []  # (the number of groups) of each insertion of groups into the list
    view.model().rowsInserted.connect(
        lambda parent, first, last: None if parent.isValid() else inserted.append(last - first + 1)
    )
    window.tree.setCurrentItem(window.tree.topLevelItem(0).child(2 + 4))
    window.remove_plugin()
    _settled(window, qtbot)
    assert [h.text(0) for h in _heads(view)] == [f"Plugin {n:02d} (7)" for n in range(12) if n != 4]
    assert inserted == [7]  # Plugin 05 to Plugin 11, all in one insertion
    fresh = ProblemsPane()
    qtbot.addWidget(fresh)
    fresh.resize(view.size())
    fresh.show_problems(window._all_problems(), window.package)
    assert _shown(view) == _shown(fresh)


def _choose_from_problem_menu(qtbot, view: ProblemsPane, row: QTreeWidgetItem, name: str) -> list[str]:
    """Right-click ``row`` and choose the entry whose text starts with ``name``; the entries shown."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMenu

    shown: list[str] = []

    def choose() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(10, choose)
            return
        shown.extend(a.text().split("\t")[0] for a in menu.actions() if not a.isSeparator())
        action = next((a for a in menu.actions() if a.text().startswith(name)), None)
        menu.close()
        if action is not None:
            action.trigger()

    view.scrollToItem(row)
    QTimer.singleShot(0, choose)
    view.customContextMenuRequested.emit(view.visualItemRect(row).center())
    qtbot.waitUntil(lambda: bool(shown))
    return shown


def test_fix_all_of_a_kind_from_a_problems_right_click_is_one_undo_step(window, qtbot, tmp_path) -> None:
    """Twelve buttons whose action the source does not register: their right-click offers to fix
    all twelve at once (each was a click, and a check of the whole package, before the next one),
    and Ctrl+Z takes all twelve back."""
    window.open_path(broken_plugins(tmp_path / "p", plugins=4, items=3))
    view = window.problems_view
    missing = [r for r in view.problem_items() if r.text(2) == "PD505"]
    others = sorted(p.message for p in window._all_problems() if p.code != "PD505")
    assert len(missing) == 12
    shown = _choose_from_problem_menu(qtbot, view, missing[4], "Fix all 12 PD505")
    assert shown == ["Go to the problem", "Fix all 12 PD505 problems", "What PD505 means"]
    _settled(window, qtbot)
    assert [p for p in window._all_problems() if p.code == "PD505"] == []
    assert sorted(p.message for p in window._all_problems()) == others  # (the other kinds left as they were)
    assert window.status.text().startswith("Fixed 12 PD505 problems"), window.status.text()
    assert window.editor.undo_stack.count() == 1
    window.editor.undo_stack.undo()
    _settled(window, qtbot)
    assert len([r for r in view.problem_items() if r.text(2) == "PD505"]) == 12
    # A kind with no fix (registerPlugin's unused 'record', PD507) offers no such entry.
    row = next(r for r in view.problem_items() if r.text(2) == "PD507")
    assert not any(s.startswith("Fix all") for s in _choose_from_problem_menu(qtbot, view, row, "nothing"))
