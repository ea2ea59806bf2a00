"""Names in right-to-left scripts (Arabic, Hebrew) laid out as pieces of their own inside the
window's left-to-right lines.

Why: the window's lists are English, laid out left to right. A name such as 'إنهاء الاجتماع!' laid
out as part of that line put its '!' on the right (where an Arabic reader takes it for the start
of the name), and digits, brackets and quote marks next to it ('(2)', "'...' (1)") joined the
Arabic run and moved about. Unicode's isolates (FSI ... PDI, which Qt's layout honours) lay each
name out on its own with the direction of its first letter, and the line around it stays as it
was. Only the painted text changes: item texts, copies and messages keep the characters as typed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtWidgets import QLabel, QStyledItemDelegate, QStyleOptionViewItem

FSI, PDI = "\u2068", "\u2069"  # FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE

_QUOTED = re.compile(r"'([^'\n]+)'")  # how messages quote a name, an id or a label
_COUNTED = re.compile(r"^(.*\S) (\(\d+\))$", re.DOTALL)  # a group's heading: "Name (3)"


def has_rtl(text: str) -> bool:
    """Whether ``text`` holds a letter written right to left (Arabic, Hebrew, Syriac, Thaana...)."""
    return not text.isascii() and any(unicodedata.bidirectional(c) in ("R", "AL") for c in text)


def isolated(text: str) -> str:
    """``text`` as one piece laid out in its own direction, when it holds right-to-left letters;
    as it is otherwise (nothing changes for names in Latin, Cyrillic, Greek or CJK)."""
    return f"{FSI}{text}{PDI}" if has_rtl(text) else text


# Letters written right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic and their
# presentation forms), and a run of them with the spaces and marks between.
_R = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff"
_RTL_RUN = re.compile(f"[{_R}](?:[{_R} ]*[{_R}])?")


def isolate_runs(text: str) -> str:
    """``text`` (a file name or a path) with each run of right-to-left words isolated on its own,
    the rest left as it is: 'plugins/مسجل/تسجيل.svg' keeps its folders in order and its '.svg' on
    the right, where isolating the whole name would have laid it out as 'svg.تسجيل'."""
    return _RTL_RUN.sub(lambda m: f"{FSI}{m[0]}{PDI}", text) if has_rtl(text) else text


def _quoted_part(part: str) -> str:
    """A quoted part of a message: a name in one script isolated whole ('إنهاء!': its '!' on the
    left); one that mixes in Latin letters, a file name or a path ('مفقود.svg'), by its runs of
    right-to-left words, so its extension and folders stay where the left-to-right line puts them."""
    if any(unicodedata.bidirectional(c) == "L" for c in part):
        return isolate_runs(part)
    return isolated(part)


def isolate_quoted(text: str) -> str:
    """``text`` (a message) with each quoted part that holds right-to-left letters isolated, and a
    heading's name before its count ("إنهاء! (2)") isolated from the count."""
    if not has_rtl(text):
        return text
    text = _QUOTED.sub(lambda m: f"'{_quoted_part(m[1])}'", text)
    counted = _COUNTED.match(text)
    if counted and FSI not in counted[1]:
        text = f"{isolated(counted[1])} {counted[2]}"
    return text


def isolate_names(text: str, names: Iterable[str]) -> str:
    """``text`` with each of ``names`` that holds right-to-left letters isolated wherever it occurs
    unquoted ("Enabled by default: تسجيل, إنهاء!." listed the two the other way round, and a line
    starting with an Arabic name was laid out right to left as a whole)."""
    rtl = sorted({n for n in names if n and has_rtl(n)}, key=len, reverse=True)  # longest first
    if not rtl or not has_rtl(text):
        return text
    return re.sub("|".join(map(re.escape, rtl)), lambda m: isolated(m[0]), text)


class IsolatingDelegate(QStyledItemDelegate):
    """Paints each item's text, a name (a plugin in the project tree), :func:`isolated`; or with
    ``quoted``, a message or a heading (Problems), as :func:`isolate_quoted` lays it out. An item
    whose data says it is a file (``("file", path)``, the project tree's) as :func:`isolate_runs`."""

    def __init__(self, parent: QObject | None = None, quoted: bool = False) -> None:
        super().__init__(parent)
        self._shown = isolate_quoted if quoted else isolated

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:  # noqa: N802 - Qt's name
        super().initStyleOption(option, index)
        if not has_rtl(option.text):
            return
        data = index.data(Qt.ItemDataRole.UserRole)
        kind = data[0] if isinstance(data, tuple) and data else None
        option.text = isolate_runs(option.text) if kind in ("file", "package") else self._shown(option.text)


class IsolatingPiecesDelegate(QStyledItemDelegate):
    """Paints rows made of pieces joined by ``separator`` (the menu items list's 'label  →  action')
    with each piece :func:`isolated`.

    Why in the painting and not in the rows' texts: the invisible marks at the start of a row's
    text kept Qt's type-ahead (pressing a label's first letter in the list) from finding a label in
    Arabic or Hebrew, and a screen reader was given them too.
    """

    def __init__(self, separator: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._separator = separator

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:  # noqa: N802 - Qt's name
        super().initStyleOption(option, index)
        if has_rtl(option.text):
            option.text = self._separator.join(isolated(piece) for piece in option.text.split(self._separator))


class IsolatingLabel(QLabel):
    """A one-line message (the status bar) whose quoted names :func:`isolate_quoted` lays out.

    :meth:`text` gives the message as it was set, without the marks: the window compares it with
    what it said ("is this still my message?"), adds to it, and the screenshot command prints it
    (its ``--json`` error carried the invisible marks that no other command's did).
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._plain = super().text()

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        self._plain = text
        super().setText(isolate_quoted(text))

    def clear(self) -> None:
        self.setText("")

    def text(self) -> str:
        """The message as set (what is painted is ``QLabel.text(label)``)."""
        return self._plain
