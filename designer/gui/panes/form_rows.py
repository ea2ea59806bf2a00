"""Form rows: a widget beside its field, and mnemonics chosen for questions known only at run time.

Why: the forms have several such rows (the id with *From name*, the icon with *New icon*, the label
with *Set by the plugin*); each needs the field to take the room and the label's mnemonic
(``&Id``) to focus the field, not the widget beside it. The recipe wizard's questions come from
the recipes, not from the code, so their mnemonics cannot be written by hand: :func:`with_mnemonics`
chooses them, one letter each, none twice. :func:`ok_cancel` is the button row of the panes' dialogs.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent, QValidator
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QStyle,
    QWidget,
)

from ...core.jstext import typed_on_one_line
from ..bidi import isolate_quoted

__all__ = [
    "NoteRow",
    "add_row_with_side",
    "add_unlabelled_row",
    "field_text",
    "keep_on_one_line",
    "mnemonic_of",
    "ok_cancel",
    "show_field_text",
    "show_row",
    "typing_kept",
    "with_mnemonics",
    "wrapping_row",
]


def field_text(field: QLineEdit | QPlainTextEdit) -> str:
    """The text of a field exactly as it holds it, lines joined with ``\n``. Why not
    ``toPlainText()``: it turns no-break spaces into spaces (and U+2028 into line breaks), so a
    description's ``Démarrer\u00a0:`` came back as ``Démarrer :`` with the next letter typed."""
    if isinstance(field, QLineEdit):
        return field.text()
    return field.document().toRawText().replace("\u2029", "\n")


def typing_kept(field: QLineEdit, shown_for: object, now_for: object) -> bool:
    """Whether a field that records its text when left (the Id, an Action) holds typing not
    recorded yet for the very thing it is shown for again (``shown_for == now_for``: the same
    plugin, the same item), which showing the model's text again must leave alone.

    Why: the form is shown again whenever the checks finish; typed into just after another
    edit (the name, then Tab to the Id), the field went back to the old id a moment later and
    the typing was lost (a crash's typing, put back in its field, too)."""
    return bool(field.property("recordsWhenLeft")) and field.isModified() and shown_for == now_for


def show_field_text(field: QLineEdit | QPlainTextEdit, text: str) -> None:
    """Show ``text`` in a field the model has changed (an undo, a redo), the cursor where the
    change ends. Why: the field's cursor went to its end (a line) or to its start (the
    description box), so typing on after Ctrl+Z went somewhere else than where the user was.
    Nothing happens when the text is already there: the cursor of someone typing stays put."""
    old = field_text(field)
    if old == text:
        return
    start = 0
    while start < min(len(old), len(text)) and old[start] == text[start]:
        start += 1
    same_end = 0
    while same_end < min(len(old), len(text)) - start and old[-1 - same_end] == text[-1 - same_end]:
        same_end += 1
    place = len(text[: len(text) - same_end].encode("utf-16-le")) // 2  # (Qt counts UTF-16 units)
    if isinstance(field, QLineEdit):
        field.setText(text)
        # A field the keyboard is not in shows its text from the start: with the cursor at the
        # end, a label longer than the field read "eeting information" when its item was shown.
        field.setCursorPosition(place if field.hasFocus() else 0)
    else:
        field.setPlainText(text)
        cursor = field.textCursor()
        cursor.setPosition(min(place, field.document().characterCount() - 1))
        field.setTextCursor(cursor)


class _OneLineValidator(QValidator):
    """Takes the line breaks (and other control characters) out of what is pasted (or dropped)
    into a one-line field.

    Why: a line copied with its line break ("Record⏎") went into the package file as "Record\\n",
    and a name pasted from two lines kept the break between them. A QLineEdit takes them as they
    come, and the app shows these texts on one line.
    """

    def validate(self, text: str, pos: int) -> object:
        if text.isprintable():  # (no line break, nor any other control character: see typed_on_one_line)
            return QValidator.State.Acceptable, text, pos
        fixed = typed_on_one_line(text)
        return QValidator.State.Acceptable, fixed, min(len(typed_on_one_line(text[:pos] + "x")) - 1, len(fixed))


def keep_on_one_line(*fields: QLineEdit) -> None:
    """Line breaks pasted into ``fields`` become spaces (see :class:`_OneLineValidator`)."""
    for field in fields:
        field.setValidator(_OneLineValidator(field))


def add_row_with_side(form: QFormLayout, text: str, field: QWidget, side: QWidget) -> None:
    row = QHBoxLayout()
    row.addWidget(field, 1)
    row.addWidget(side)
    label = QLabel(text)
    label.setBuddy(field)
    form.addRow(label, row)


def add_unlabelled_row(form: QFormLayout, field: QWidget) -> None:
    """``field`` in the field column of ``form`` with no label beside it.

    Why not ``form.addRow("", field)``: a row without a label widget is not laid out at its
    width, so text that wraps in it got the height of another width (a blank line under it in
    the recipe form, a line cut off under Action). An empty label makes it a row like the
    others. (A row of several parts goes in one QWidget, not a bare layout: the form did not
    ask a nested layout how tall its wrapped text is either.)
    """
    form.addRow(QLabel(), field)


def wrapping_row(widgets: list[QWidget], object_name: str, gap: int = 6) -> QWidget:
    """``widgets`` side by side, the last ones going to a second line when the form is narrow.

    Why: the plugin form's tick boxes on one unbreakable line (the two switches, the four apps)
    made the form 480 px wide at least; beside the Preview or Export dock on a laptop it then
    scrolled sideways and cut off Version and "Make it do".
    """
    from ..flow_toolbar import FlowLayout

    row = QWidget(objectName=object_name)
    # The lines as close as a form's rows: a second line is the same row going on.
    layout = FlowLayout(row, spacing=gap, row_gap=row.style().pixelMetric(QStyle.PixelMetric.PM_LayoutVerticalSpacing))
    for widget in widgets:
        layout.addWidget(widget)
    return row


def ok_cancel(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    """OK and Cancel for ``dialog``, OK named for what it does (``ok_text``: "Import", "Insert").

    Why one place: the panes' dialogs (icon gallery, SVG import, snippets, "Make it do") each
    made the same box, and a dialog whose button is named for its deed reads the same in all.
    """
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def show_row(form: QFormLayout, part: QWidget | QLayout, visible: bool) -> None:
    """Show or hide the whole row of ``form`` that holds ``part`` (a field widget or layout).

    Why the row and not the widget: a hidden field left its row's empty label and the form's
    spacing behind, a blank strip on the page for each note that had nothing to say.
    """
    row, _role = form.getLayoutPosition(part) if isinstance(part, QLayout) else form.getWidgetPosition(part)
    if row >= 0:
        form.setRowVisible(row, visible)


class NoteRow(QLabel):
    """A note in the field column of ``form`` (why a value was refused, what to tick), its row
    shown only while it has something to say.

    Why: the empty notes kept their rows, about 25 px of blank page each, and pushed the menu
    item's fields below the fold on a laptop screen.
    """

    def __init__(self, form: QFormLayout, object_name: str, word_wrap: bool = True) -> None:
        super().__init__(objectName=object_name, wordWrap=word_wrap)
        self._form = form
        self._about: object = None  # what the note's text is about (see about)
        add_unlabelled_row(form, self)
        show_row(form, self, False)

    def about(self, subject: object) -> None:
        """The field beside the note shows ``subject`` now (a plugin, an item): a text about
        another one is cleared. Why: why another plugin's id (or item's action) was refused is
        not this one's, nor that of one which took the place of one removed, so ``subject`` says
        more than a place (its package file, its action)."""
        if subject != self._about:
            self.setText("")
        self._about = subject

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setText(isolate_quoted(text))  # a quoted Arabic or Hebrew name right to left (see bidi)
        show_row(self._form, self, bool(text))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """As tall as the text is at the width the note has. Why: a wrapping label asks for the
        height of a narrower, two-line shape of its text, which left a one-line note in a row
        twice its height."""
        hint = super().sizeHint()
        if not self.wordWrap() or not self.isVisible():
            return hint
        return QSize(hint.width(), self.heightForWidth(self.width()))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self.wordWrap() and event.size().width() != event.oldSize().width():
            self.updateGeometry()  # its height follows its width (see sizeHint)


def mnemonic_of(text: str) -> str | None:
    """The letter Alt gives ``text`` ("&Next >": "n"), lower case; None when it has none ("&&" is a
    plain "&")."""
    i = 0
    while i < len(text) - 1:
        if text[i] == "&":
            if text[i + 1] != "&":
                return text[i + 1].lower()
            i += 1
        i += 1
    return None


def with_mnemonics(texts: Iterable[str], taken: Iterable[str] = ()) -> list[str]:
    """Each of ``texts`` with a mnemonic no other of them and none of ``taken`` (letters, or texts
    such as a button's "&Back") has; an "&" of the text itself is kept as a plain "&".

    The letter is the first free one that starts a word ("Dialog &title"), else the first free one
    in the text: the way people pick them by hand. Only A-Z and 0-9, which every keyboard types
    with Alt. A text with no free letter left gets none rather than a clash (two fields on one
    Alt+letter make Qt cycle between them, which nobody expects).
    """
    used = {m for t in taken if (m := (t.lower() if len(t) == 1 else mnemonic_of(t)))}
    out = []
    for text in texts:
        starts = [i for i, c in enumerate(text) if i == 0 or not text[i - 1].isalnum()]
        rest = [i for i in range(len(text)) if i not in starts]
        at = next((i for i in starts + rest if _typeable(text[i]) and text[i].lower() not in used), None)
        if at is None:
            out.append(text.replace("&", "&&"))
            continue
        used.add(text[at].lower())
        out.append(text[:at].replace("&", "&&") + "&" + text[at:].replace("&", "&&"))
    return out


def _typeable(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()
