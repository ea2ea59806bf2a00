"""A settings.json that cannot be read is never replaced behind the user's back, and fixing it
in the editor brings the package back."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import open_in_editor
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox

from designer.core.model import Settings, UnreadableFileError, load, save
from designer.core.plugins import add_plugin

BROKEN = '{\n    "plugins": [\n        {"id": "rec-1.0", "srcURL": "plugins/rec/rec.plugin.package.json", "enabled": true},\n    ]\n}\n'


@pytest.fixture
def broken_settings(base_project: Path) -> Path:
    (base_project / "webapp2" / "settings.json").write_text(BROKEN, encoding="utf-8")
    return base_project


def test_no_plugin_is_added_to_an_unreadable_settings_json(broken_settings: Path) -> None:
    pkg = load(broken_settings)
    assert pkg.settings is None and not pkg.plugins
    with pytest.raises(ValueError, match="settings.json cannot be read"):
        add_plugin(pkg, "Second")
    assert not pkg.plugins and not pkg.pending_texts


def test_save_never_replaces_a_file_it_could_not_read(broken_settings: Path) -> None:
    pkg = load(broken_settings)
    pkg.settings = Settings(raw={"plugins": []})  # a model of settings.json made without the file
    with pytest.raises(UnreadableFileError, match="settings.json could not be read"):
        save(pkg)
    assert (broken_settings / "webapp2" / "settings.json").read_text(encoding="utf-8") == BROKEN


def test_add_plugin_says_why_not_and_writes_nothing(window, qtbot, broken_settings: Path, monkeypatch) -> None:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text, *a: said.append(text))
    asked: list[object] = []
    monkeypatch.setattr("PySide6.QtWidgets.QInputDialog.getText", lambda *a, **k: asked.append(a) or ("X", True))
    window.open_path(broken_settings)
    window.plugin_actions["add"].trigger()
    assert said and "Fix settings.json first" in said[0]
    assert not asked  # the name is not asked for in vain
    assert window.package.plugins == [] and window.editor.undo_stack.count() == 0


def test_fixing_settings_json_in_the_editor_and_saving_brings_the_plugins_back(
    window, qtbot, broken_settings: Path
) -> None:
    editor = open_in_editor(window, broken_settings, "settings.json")
    assert not editor.isReadOnly()  # the forms cannot write it, so the text can be fixed
    assert "PD100" in {p.code for p in window.problems}
    comma = editor.toPlainText().index("},\n    ]") + 1
    cursor = editor.textCursor()
    cursor.setPosition(comma)
    cursor.setPosition(comma + 1, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.package is not None and len(window.package.plugins) == 1)
    assert "PD100" not in {p.code for p in window.problems}
    assert "settings.json read again" in window.status.text()
    assert not window.isWindowModified()
    assert '"enabled": true}\n    ]' in (broken_settings / "webapp2" / "settings.json").read_text(encoding="utf-8")
