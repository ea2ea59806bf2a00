"""The window for someone on the keyboard alone or with a screen reader: every menu item has its
own Alt+letter and no two actions share keys where both work; every control a screen reader
reaches has a name to read out (its own, its text, or a label's); dialogs start, accept and
cancel from the keyboard.

The walks go over the real window and dialogs as a user sees them, so a control added later
without a name, or a menu item without a letter, fails here with its object name.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QMenu,
    QWidget,
)

from designer.gui.main_window import MainWindow


def _menu_clashes(menu: QMenu, path: str) -> list[str]:
    """Items of ``menu`` (and its submenus) with no Alt+letter, or with the letter of another item."""
    found = []
    letters: dict[str, str] = {}
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        text = action.text()
        letter = QKeySequence.mnemonic(text).toString()
        if not letter:
            found.append(f"{path} ▸ {text!r} has no Alt+letter")
        elif letter in letters:
            found.append(f"{path} ▸ {text!r} has {letter}, as {letters[letter]!r} has")
        else:
            letters[letter] = text
        if action.menu() is not None:
            found += _menu_clashes(action.menu(), f"{path} ▸ {text}")
    return found


def test_every_menu_item_has_its_own_alt_letter(window: MainWindow, example_project: Path) -> None:
    """View ▸ Appearance's items had none: the keyboard reached them with the arrows only."""
    window.open_path(example_project)
    window.show_export()  # its dock's switch joins the View menu
    found = []
    letters: dict[str, str] = {}
    for top in window.menuBar().actions():
        letter = QKeySequence.mnemonic(top.text()).toString()
        assert letter and letter not in letters, (top.text(), letters)
        letters[letter] = top.text()
        found += _menu_clashes(top.menu(), top.text())
    assert found == []


def _scope(owner: QObject | None, context: Qt.ShortcutContext) -> QWidget | None:
    """The widget whose focus a key needs (None: anywhere in the window)."""
    if context in (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut):
        return None
    return owner if isinstance(owner, QWidget) else None


def test_no_two_commands_share_a_key_where_both_work(window: MainWindow, example_project: Path) -> None:
    """Qt runs neither of two shortcuts it finds for one key (it reports them ambiguous): each key
    of the window, its panes and its editors belongs to one command wherever the keyboard is."""
    window.open_path(example_project)
    window.show_export()
    window._ensure_source_pane()
    window._ensure_icon_pane()
    bound: dict[str, list[tuple[str, QWidget | None]]] = {}
    for action in window.findChildren(QAction):
        owners = [o for o in action.associatedObjects() if isinstance(o, QWidget) and not isinstance(o, QMenu)]
        for keys in action.shortcuts():
            for owner in owners or [None]:
                bound.setdefault(keys.toString(), []).append((action.text(), _scope(owner, action.shortcutContext())))
    for shortcut in window.findChildren(QShortcut):
        for keys in shortcut.keys():
            bound.setdefault(keys.toString(), []).append(
                (shortcut.whatsThis() or shortcut.objectName(), _scope(shortcut.parentWidget(), shortcut.context()))
            )
    assert "Ctrl+E" in bound and "F1" in bound  # (the walk sees the menus' keys)
    clashes = []
    for keys, uses in bound.items():
        for i, (text, scope) in enumerate(uses):
            for other, other_scope in uses[i + 1 :]:
                if text == other:
                    continue  # one command, reached in two places
                overlap = (
                    scope is None or other_scope is None or scope.isAncestorOf(other_scope) or scope is other_scope
                )
                overlap = overlap or other_scope.isAncestorOf(scope)
                if overlap:
                    clashes.append(f"{keys}: {text!r} and {other!r}")
    assert clashes == []
