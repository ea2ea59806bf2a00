"""A soak test that makes well over 10,000 Qt calls.

Why: PySide6 6.12.0 on Python 3.11 aborts with "Fatal Python error: none_dealloc" after about
5,200 calls to methods that return nothing. pyproject.toml pins ``PySide6>=6.8,<6.12``; if the
pin is ever loosened and a bad release is picked, this test kills the interpreter and CI fails.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRect, QSize
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem

CALLS = 12_000


def test_many_qt_calls_returning_nothing(qtbot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    lst = QListWidget()
    qtbot.addWidget(lst)
    done = 0
    for i in range(CALLS // 4):
        label.setText(f"item {i}")  # returns None
        label.setToolTip(str(i))  # returns None
        label.setGeometry(QRect(0, 0, 10 + i % 50, 10))  # returns None
        label.setMinimumSize(QSize(i % 7, i % 5))  # returns None
        done += 4
    for i in range(500):
        lst.addItem(QListWidgetItem(f"row {i}"))
        done += 1
    assert done >= 10_000
    assert label.text() == f"item {CALLS // 4 - 1}"
    assert lst.count() == 500
    assert lst.item(499).text() == "row 499"


def test_objects_created_and_destroyed_repeatedly() -> None:
    names = []
    for i in range(3_000):
        obj = QObject()
        obj.setObjectName(f"o{i}")
        names.append(obj.objectName())
        obj.deleteLater()
        del obj
    assert names[-1] == "o2999" and len(set(names)) == 3_000
