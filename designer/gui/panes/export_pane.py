"""The Export pane: what will be uploaded, what blocks it, and one big button to make the ZIP.

Why everything on one page: the person exporting is usually an administrator, not the plugin's
author. Before pressing the button they see, in plain words, whether anything blocks the
export, what changed since the last upload, what to do on the Management Node afterwards, and
the two JSON files exactly as they will be written. The work itself is done by
:mod:`designer.core.export`, the same code the ``export`` command runs.
"""

from __future__ import annotations

import html
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontDatabase, QTextCursor
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from designer.core.export import (
    BrandingIdRefused,
    ExportPlan,
    ExportRefused,
    added_change,
    diff_lines_shown,
    not_written_said,
    plan_export,
    shown_change_name,
    size_said,
    state_folder_refusal,
    write_export,
)
from designer.core.model import BrandingPackage
from designer.core.problems import READ_BEFORE_UPLOAD, Problem, Severity
from designer.core.state import load_state
from designer.core.wording import byte_size, counted

from ..bidi import isolate_names
from ..focus_ring import ring_focus
from ..screen_fit import least_height_for_width
from ..tones import box_style, is_dark, text_style
from ..viewports import viewport_of
from .form_rows import wrapping_row

__all__ = ["ExportPane"]


def _button_style(dark: bool) -> str:
    """The big Export button: blue when it can be pressed, quiet (not a light block) when not.

    With the keyboard on it, a ring in the contrast of the window around it (Ctrl+E puts the
    keyboard there, and the style's own focus frame is gone with ``border:none``).
    """
    off = "background:#3a4046; color:#8a949c;" if dark else "background:#cfd8dc; color:#78909c;"
    ring = "#e3f2fd" if dark else "#0b2f66"
    return (
        "QPushButton#exportButton { background:#1565c0; color:white; border:none; border-radius:6px; }"
        "QPushButton#exportButton:hover { background:#1976d2; }"
        f"QPushButton#exportButton:focus {{ border:3px solid {ring}; }}"
        f"QPushButton#exportButton:disabled {{ {off} }}"
    )


# The lines of a first export's file texts added to "What changed" at a time (see ExportPane._fill_details).
DETAILS_PER_TURN = 2000


def _shortened_diff(diff: str) -> str:
    """One file's diff for the pane, cut as the export command's --diff cuts it (see diff_lines_shown)."""
    return "\n".join(diff_lines_shown(diff, "the export command's --full-diff prints them all")) + "\n"


def _left_out(plan: ExportPlan) -> list[str]:
    """The project's files the ZIP leaves out, each with why, as the export command lists them.

    Why: a backup, a hidden file or a link left out with no word in the pane, the user looking
    for their file in the upload could not tell why it was not there.
    """
    if not plan.skipped:
        return []
    return [
        "",
        f"Left out of the ZIP (hidden, backups, links, system clutter, unusable names): {len(plan.skipped)}",
        *(f"  {shown_change_name(name)}: {plan.skip_reasons.get(name, 'not exported')}" for name in plan.skipped),
    ]


class _FittingScroll(QScrollArea):
    """The verdict box: as tall as its text, and scrolling past a third of the pane. A plain label
    was squeezed by the tabs below it, and a long list of blocking errors was cut off mid-line
    with no way to read the rest."""

    def __init__(self, label: QLabel) -> None:
        super().__init__(objectName="exportVerdictScroll", widgetResizable=True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # No Tab stop of its own, which showed nothing: the label inside is one when it has links
        # (the blocking errors), and the area scrolls to it.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWidget(label)

    def _text_height(self) -> int:
        label = self.widget()
        return label.heightForWidth(max(viewport_of(self).width(), 100)) if label is not None else 0

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(super().sizeHint().width(), self._text_height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        parent = self.parentWidget()
        cap = max(72, parent.height() // 3) if parent is not None else 160
        return QSize(0, min(self._text_height(), cap))

    def resizeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.updateGeometry()  # a new width wraps the text to another height


_ERRORS_LISTED = 12  # errors the pane lists one by one; more are summed up by kind first
_WARNINGS_LISTED = 3  # warnings listed under "Ready to export"; the rest are counted (Problems has them)
_FIRST_OF_MANY = 5  # errors listed under that summary
_KINDS_LISTED = 8  # kinds of error the summary names


def _errors_by_kind(errors: list[Problem]) -> str:
    """Many errors summed up: how many of each kind (most first), and in how many plugins.

    Why: 5,000 errors of 100 broken plugins were shown as their first twelve, all about the same
    plugin and the same slip, and "… and 4988 more": nothing said what was wrong across the package.
    """
    from collections import Counter

    from designer.core.problems import CODES

    kinds = Counter(p.code for p in errors).most_common()
    plugins = {p.plugin for p in errors if p.plugin}
    rows = "".join(
        f"<li>{n} × {html.escape(CODES[code].title if code in CODES else code)} ({code})</li>"
        for code, n in kinds[:_KINDS_LISTED]
    )
    rest = kinds[_KINDS_LISTED:]
    if rest:
        rows += f"<li>{counted(sum(n for _code, n in rest), 'error')} of {counted(len(rest), 'other kind')}</li>"
    where = f", in {counted(len(plugins), 'plugin')}" if len(plugins) > 1 else ""
    return f"<p style='margin:4px 0 0 0'>By kind{where}:</p><ul style='margin:2px 0 0 0'>{rows}</ul>"


class ExportPane(QWidget):
    """Export a package as a branding ZIP (objectName ``exportPane``).

    Feed it with :meth:`set_package`; after a ZIP was written it emits ``sig_wrote(result)``
    (the ``ExportResult``: the window brings the new brandingID into its model) and then
    ``sig_exported(path)``.
    """

    sig_wrote = Signal(object)
    sig_exported = Signal(str)
    sig_export_failed = Signal(str)
    sig_show_problem = Signal(object)  # a blocking error was clicked: show it where it is (a Problem)
    sig_import = Signal()  # the read-only ZIP's "Import it into a folder…" link was clicked
    sig_deployed = Signal(str)  # a deploy went live: what the window's status bar says (after sig_wrote's)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportPane")
        self.pkg: BrandingPackage | None = None
        self.plan: ExportPlan | None = None
        self._problems: list[Problem] | None = None
        self._custom_id = False  # the user typed a brandingID: keep it across refreshes
        self._suggested_id = ""  # the brandingID the pane put in its field (not typed by the user)
        self._refusal: str | None = None  # why the export will be refused though nothing is wrong (see refresh)
        self._suggested_shown = ""  # the ZIP place the pane suggested and shows, not yet chosen by the user
        self._real_paths: dict[str, str] = {}  # a ZIP place as Qt shows it -> the place (see _show_path)
        self._restyle_pending = False
        # A first export's files whose text Details has yet to show, and the timer that adds them (_fill_details).
        self._unshown: Iterator[tuple[str, bytes]] = iter(())
        self._details_shown = False
        self._details_timer = QTimer(self, singleShot=True, interval=0)
        self._details_timer.timeout.connect(self._fill_details)
        # Asked before a ZIP is written (the window: save unsaved edits first?); False stops it.
        self.may_export: Callable[[], bool] = lambda: True

        title = QLabel("Export for upload")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(
            "Makes the ZIP file you upload on the Management Node. It gets a new brandingID so that "
            "every client loads the new version."
        )
        intro.setWordWrap(True)

        self.verdict = QLabel()
        self.verdict.setObjectName("exportVerdict")
        self.verdict.setWordWrap(True)
        self.verdict.setTextFormat(Qt.TextFormat.RichText)
        self.verdict.linkActivated.connect(self._problem_link)

        self.branding_edit = QLineEdit()
        self.branding_edit.setObjectName("brandingIdEdit")
        self.branding_edit.setAccessibleName("New brandingID")  # (not "New &brandingID", the label's)
        self.branding_edit.setToolTip(
            "The number clients use to notice a new upload. It must be greater than the last one; "
            "the suggested value is the current time in milliseconds."
        )
        self.branding_edit.editingFinished.connect(self._branding_edited)
        self.previous_label = QLabel()
        self.previous_label.setObjectName("previousBrandingId")
        # Room for the whole number, at any font, and "previous: …" under it when the dock is
        # narrow: beside it in one row, at 15 pt it left the box showing 3 of the 13 digits.
        self._fit_branding_edit()
        bid_row = wrapping_row([self.branding_edit, self.previous_label], "brandingIdRow")

        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("exportPathEdit")
        self.path_edit.setAccessibleName("Save the ZIP as")
        self.path_edit.setPlaceholderText("Choose where to save the ZIP…")
        choose = self.choose_button = QPushButton("Ch&oose…")
        choose.setObjectName("choosePathButton")
        choose.clicked.connect(self._choose_path)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(choose)

        # Each row holds a layout, not the field, so the labels are made buddies here: Alt+B and
        # Alt+Z take the keyboard to the fields, as the plugin form's labels do (letters no
        # other page or menu beside the Export dock uses).
        form = QFormLayout()
        for text, field, row in (
            ("New &brandingID", self.branding_edit, bid_row),
            ("Save the &ZIP as", self.path_edit, path_row),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            label.installEventFilter(self)  # its Alt+letter: see eventFilter
            form.addRow(label, row)

        self.export_button = QPushButton("E&xport ZIP")
        self.export_button.setObjectName("exportButton")
        self.export_button.setMinimumHeight(44)
        bfont = self.export_button.font()
        bfont.setPointSizeF(bfont.pointSizeF() * 1.2)
        bfont.setBold(True)
        self.export_button.setFont(bfont)
        self.export_button.setStyleSheet(_button_style(is_dark(self.palette())))
        self.export_button.setAutoDefault(True)  # Enter presses it, as Space does (not only in dialogs)
        self.export_button.clicked.connect(self.export)
        # Enter after typing where the ZIP goes exports, as Enter in a dialog's last field does.
        # (A method, not a lambda holding `self`: that kept every closed pane alive.)
        self.path_edit.returnPressed.connect(self._enter_in_path)
        self.deploy_button = QPushButton("Deplo&y…")
        self.deploy_button.setObjectName("deployButton")
        self.deploy_button.setMinimumHeight(44)
        self.deploy_button.setToolTip("Export with a new brandingID and upload it to a Management Node in one go.")
        self.deploy_button.clicked.connect(self.open_deploy)
        self.deploy_dialog: Any = None
        # Alt+X, Alt+Y, Alt+O: E, P and H are the menu bar's, the others the plugin form's.
        for button in (self.export_button, self.deploy_button, choose):
            button.installEventFilter(self)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(self.export_button, 1)
        buttons_row.addWidget(self.deploy_button)

        self.status = QLabel()
        self.status.setObjectName("exportStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.changes_view = QPlainTextEdit()
        self.changes_view.setObjectName("exportChanges")
        self.changes_view.setReadOnly(True)
        self.changes_view.setFont(mono)
        self.changes_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.checklist_view = QTextBrowser()
        self.checklist_view.setObjectName("exportChecklist")
        self.settings_view = self._preview(mono, "settingsPreview")
        self.manifest_view = self._preview(mono, "manifestPreview")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("exportTabs")
        for view, tab, name in (
            (self.changes_view, "What changed", "What changed since the last export"),
            (self.checklist_view, "Upload checklist", "Upload checklist"),
            (self.settings_view, "settings.json", "settings.json as exported"),
            (self.manifest_view, "manifest.json", "manifest.json as exported"),
        ):
            self.tabs.addTab(view, tab)
            # A tab's title is no name of the text under it: a screen reader said only "read-only text".
            view.setAccessibleName(name)
        ring_focus([self.changes_view, self.checklist_view, self.settings_view, self.manifest_view], self)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        self.verdict_box = _FittingScroll(self.verdict)
        layout.addWidget(self.verdict_box)
        layout.addLayout(form)
        layout.addLayout(buttons_row)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs, 1)
        self.set_package(None)

    @staticmethod
    def _preview(font: QFont, name: str) -> QPlainTextEdit:
        view = QPlainTextEdit()
        view.setObjectName(name)
        view.setReadOnly(True)
        view.setFont(font)
        view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        return view

    # -- feeding ----------------------------------------------------------------------------
    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        # Its least height, in the dock's scroll area: the tabs give up room before the dock scrolls.
        return least_height_for_width(self, width)

    def set_package(
        self, pkg: BrandingPackage | None, problems: list[Problem] | None = None, checking: bool = False
    ) -> None:
        """Show the export of ``pkg`` (``problems``: the window's latest check results, if any;
        ``checking``: none yet, the window's worker is parsing a big source: the pane says so, and
        is shown again when they are done, rather than check here with the window frozen)."""
        same_project = pkg is not None and self.pkg is not None and pkg.files.label == self.pkg.files.label
        self.pkg = pkg
        self._problems = problems
        if same_project and self.deploy_dialog is not None and not self.deploy_dialog.busy:
            # Read again under the open Deploy dialog (another program changed a file on show): it
            # deploys the project as read now. It uploaded the one read before, the change left out.
            self.deploy_dialog.pkg = pkg
        if not same_project:
            self._behind = None  # (another project's export)
            self.status.clear()
            self.path_edit.clear()
            self._suggested_shown = ""
            self._real_paths.clear()
            self.branding_edit.clear()
            self._custom_id = False
            if pkg is not None and pkg.root is not None:
                # Where the ZIP will go is shown from the start: the place of the last export, else
                # <project>-branding.zip beside the project folder (the box was empty, and where
                # the ZIP would land was only seen in the file dialog). That suggestion is not a
                # choice: the first Export still asks, in the file dialog opened at that place.
                last = load_state(pkg.files.project).get("last_export")  # type: ignore[attr-defined]
                if _exported_from_here(last, pkg.files.project):  # type: ignore[attr-defined]
                    self._show_path(last["path"])
                else:
                    self._suggested_shown = self._show_path(self._suggested_path())
        elif not self._custom_id:
            self.branding_edit.clear()  # suggest a fresh one (the last export may have used it)
        if checking:
            self.plan = None
            self._show_message("Checking the problems first (a big plugin source takes a few seconds)…", "info")
            return
        self.refresh(self.branding_edit.text().strip() or None if self._custom_id else None)

    def refresh(self, branding_id: Any = None) -> None:
        """Recompute the plan (checks, previews, diff) and update every part of the pane."""
        self.plan = None
        if self.pkg is None:
            self._show_message("Open a project folder to export it.", "info")
            return
        read_only = not self.pkg.files.writable
        for field in (self.branding_edit, self.path_edit, self.choose_button):
            # (a ZIP opened read-only is not exported: fields to fill in for it read as if it were)
            field.setEnabled(not read_only)
        try:
            self.plan = plan_export(self.pkg, branding_id, self._problems)
        except ExportRefused as exc:
            said = html.escape(str(exc))
            if read_only:
                # Why a link: the pane said "import it into a folder first" and left the user to
                # find File ▸ Import ZIP into a Folder… in the menus.
                said += ' <a href="import">Import it into a folder…</a>'
            self._show_message(said, "bad")
            return
        plan = self.plan
        if branding_id in (None, ""):
            self.branding_edit.setText(str(plan.branding_id))
            self._suggested_id = str(plan.branding_id)
        self.previous_label.setText(f"previous: {plan.old_branding_id if plan.old_branding_id is not None else 'none'}")
        # A file where the project's state folder belongs (PD110): the export would be refused at
        # the click, after the pane had said "Ready to export".
        self._refusal = state_folder_refusal(plan.project)
        self._show_verdict(plan)
        blocked = bool(plan.errors) or self._refusal is not None
        self.export_button.setEnabled(not blocked)
        self.deploy_button.setEnabled(not blocked)
        self.export_button.setToolTip(
            "Fix the errors listed above first."
            if plan.errors
            else "Move the file named above away first."
            if blocked
            else "Write the ZIP now."
        )
        self.settings_view.setPlainText(plan.preview("settings.json") or "(no settings.json in the package)")
        self.manifest_view.setPlainText(plan.preview("manifest.json") or "")
        self._show_changes(plan)
        self._undone_back(plan)
        done = getattr(self, "_exported", None)
        if done is not None and getattr(self, "_status_tone", None) == "ok":
            self._show_checklist(*done)  # the ZIP just written, until an edit (see package_edited)
        else:
            self._show_checklist(plan)

    def _undone_back(self, plan: ExportPlan) -> None:
        """The edits since the export or deploy were undone: its "✔ Exported …" (and checklist) again.

        Why: "Nothing changed since the last export" stood under "Edited since the last export:
        export again to include the changes", and the user could not tell which to believe.
        """
        behind = self._behind
        if behind is None or not plan.nothing_but_branding_id or getattr(self, "_status_tone", None) != "note":
            return
        self._exported, said = behind
        self.status.setText(said)
        self._set_status_tone("ok")

    def _enter_in_path(self) -> None:
        if self.export_button.isEnabled():
            self.export_button.click()

    def _show_message(self, text: str, tone: str) -> None:
        self._verdict_plan: ExportPlan | None = None  # a message, not a plan's verdict
        self._stop_details()
        self.verdict.setText(text)
        self.verdict_box.updateGeometry()
        self._set_verdict_tone(tone)
        self.export_button.setEnabled(False)
        self.deploy_button.setEnabled(False)
        for view in (self.changes_view, self.settings_view, self.manifest_view):
            view.clear()
        self.checklist_view.clear()
        self.previous_label.clear()

    def _show_changes(self, plan: ExportPlan) -> None:
        """The changes in words, and below them, under "Details:", the line diff of each changed
        file and the text of each added one (as a diff of added lines), in the order of the list,
        cut as ``export --diff`` cuts them. The pane showed only changed files' diffs: a new
        plugin's source, or any file of a first export, could not be read before it went out,
        while the export command prints it.

        A first export's texts are added file by file after the list is shown (:meth:`_fill_details`):
        it lists every file of the package, and their texts at once (twenty thousand lines for a
        hundred plugins) made each refresh, after every check, three times as slow.

        Why the lines wrap unless there is a diff: after every export the view holds one sentence
        ("Nothing changed since the last export ... which every export raises ..."), and unwrapped
        it ran off the dock's right edge, to be read with the sideways scrollbar. A diff's lines
        stay whole, one per line, as diffs are read.
        """
        self._stop_details()
        diffs = (
            []
            if plan.nothing_but_branding_id or plan.baseline is None
            else [_shortened_diff(c.diff) for c in plan.changes if c.diff and c.status in ("changed", "added")]
        )
        wrap = QPlainTextEdit.LineWrapMode.NoWrap if diffs else QPlainTextEdit.LineWrapMode.WidgetWidth
        self.changes_view.setLineWrapMode(wrap)
        left_out = _left_out(plan)
        if plan.nothing_but_branding_id:  # e.g. right after an export: no list, no diff to misread
            self.changes_view.setPlainText("\n".join([plan.summary(), *left_out]))
            return
        lines = [plan.summary(), ""]
        marks = {"added": "+ added  ", "removed": "- removed", "changed": "~ changed"}
        for c in plan.changes:
            only_id = c.only_branding_id
            said = "  (only the new brandingID)" if only_id else f"  {c.size_note}" if c.size_note else ""
            lines.append(f"{marks[c.status]}  {c.shown}{said}")
            if not only_id:  # a JSON file's changes in words, above the line diff of Details
                lines += [f"      {line}" for line in c.summary + c.notes]
        if plan.baseline is None:  # (with their sizes, as the export command lists them)
            lines += [
                f"+ {shown_change_name(name)}  ({size_said(len(data))})" for name, data in sorted(plan.entries.items())
            ]
            self._unshown = iter(sorted(plan.entries.items()))
            self._details_timer.start()
        lines += left_out
        if diffs:
            lines += ["", "Details:", ""] + diffs
        self.changes_view.setPlainText("\n".join(lines))

    def _fill_details(self) -> None:
        """Add the texts of a first export's next files to Details, about DETAILS_PER_TURN lines
        of them, and come back for the rest once the window has handled what waits (typing, a
        click), until every file is shown; each file's text is the export command's
        (:func:`added_change`), cut alike."""
        texts: list[str] = []
        lines = 0
        for name, data in self._unshown:
            diff = added_change(name, data).diff
            if diff:
                texts.append(_shortened_diff(diff))
                lines += texts[-1].count("\n")
                if lines >= DETAILS_PER_TURN:
                    self._details_timer.start()
                    break
        if not texts:
            return
        if not self._details_shown:
            self._details_shown = True
            texts.insert(0, "\nDetails:\n")
            self.changes_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        end = QTextCursor(self.changes_view.document())
        end.movePosition(QTextCursor.MoveOperation.End)
        end.insertText("\n" + "\n".join(texts))

    def _stop_details(self) -> None:
        """No more of a first export's texts: the plan they came from is gone (see _fill_details)."""
        self._details_timer.stop()
        self._unshown = iter(())
        self._details_shown = False

    def _show_checklist(self, plan: ExportPlan, exported: Path | None = None) -> None:
        """What to do with the ZIP. Right after an export (``exported``) it is that ZIP's list,
        not the next export's: the admin about to upload it was told of a brandingID it does
        not hold. The next export's list comes back with the next refresh (an edit)."""
        name = exported.name if exported is not None else Path(self.path_edit.text()).name or "the ZIP"
        # Plugin names in Arabic or Hebrew laid out right to left on their own (see bidi): the lines stay English.
        names = [p.display_name for p in self.pkg.plugins] if self.pkg is not None else []
        items = "".join(
            f"<li dir='ltr' style='margin-bottom:6px'>{html.escape(isolate_names(line, names))}</li>"
            for line in plan.checklist(name)
        )
        head = (
            f"Exported {html.escape(name)}. Now, on the Management Node:"
            if exported is not None
            else "After exporting, on the Management Node:"
        )
        script = f"<p><small>{html.escape(plan.upload_by_script(name))}</small></p>"
        self.checklist_view.setHtml(f"<p><b>{head}</b></p><ol>{items}</ol>{script}")

    # -- actions ----------------------------------------------------------------------------
    def _branding_edited(self) -> None:
        text = self.branding_edit.text().strip()
        if self.pkg is not None and (self.plan is None or text != str(self.plan.branding_id)):
            self._custom_id = bool(text)
            self.refresh(text or None)

    def _suggested_path(self) -> str:
        if self.pkg is None or self.pkg.root is None:
            return ""
        from designer.core.zipnames import zip_beside

        return str(zip_beside(self.pkg.files.project))  # type: ignore[attr-defined]

    def _warnings(self) -> list[Problem]:
        """The warnings of the plan on show, and its notes that matter before an upload (listed
        under "Ready to export"), in the checks' order.

        Why those notes: PD602 (a sample address such as recorder@example.com left in the code) is
        a note, since a recipe's default answers must pass ``check --strict``; but it is the last
        moment to see that the button will call nobody."""
        if self.plan is None:
            return []
        return [p for p in self.plan.problems if p.severity == Severity.WARNING or p.code in READ_BEFORE_UPLOAD]

    def _problem_link(self, href: str) -> None:
        if href == "import":
            self.sig_import.emit()
            return
        if self.plan is not None and href.startswith(("problem:", "warning:")):
            kind, index = href.split(":", 1)[0], int(href.split(":", 1)[1])
            listed = self.plan.errors if kind == "problem" else self._warnings()
            if 0 <= index < len(listed):
                self.sig_show_problem.emit(listed[index])

    def zip_path(self) -> Path:
        """The "Save the ZIP as" field as a file: ``~`` is the home folder, a bare name lies
        beside the project (not wherever the app was started from), and ``.zip`` is added.

        A folder (one that exists, or a name ending in a slash) gets the ZIP inside it, under
        the suggested name. Why: "~/Desktop" wrote ~/Desktop.zip beside the folder, replacing an
        earlier ZIP of that name, where the user had said where to put it.
        """
        text = self._real(self.path_edit.text().strip())
        path = Path(text).expanduser()
        if not path.is_absolute() and self.pkg is not None:
            path = Path(self._suggested_path()).parent / path
        is_folder = text.endswith(("/", os.sep)) or (path.suffix.lower() != ".zip" and os.path.isdir(path))
        if is_folder and self._suggested_path():
            return path / Path(self._suggested_path()).name
        if path.suffix.lower() != ".zip":
            path = path.with_name(path.name + ".zip")
        return path

    def _show_path(self, path: str) -> str:
        """Show ``path`` in the box; return the text shown.

        Why: Qt drops each byte of a name that is not UTF-8 (a folder named on a Latin-1 share,
        b"gaml\\xe5"): the box and the file dialog said ".../gaml/...", a folder that is not there,
        and Export refused it. That text is read back as the place it stands for (:meth:`_real`).
        """
        self.path_edit.setText(path)
        shown = self.path_edit.text()
        self._real_paths[shown] = path
        return shown

    def _real(self, text: str) -> str:
        """The ZIP place ``text`` (the box's, or the file dialog's) stands for: the place the pane
        showed as that text, else ``text`` itself."""
        return self._real_paths.get(text, text)

    def _choose_path(self) -> bool:
        path, _ = QFileDialog.getSaveFileName(
            self, "Save the branding ZIP", self.path_edit.text() or self._suggested_path(), "Branding package (*.zip)"
        )
        if not path:
            return False
        if not path.lower().endswith(".zip"):
            path += ".zip"
        self._suggested_shown = ""  # chosen now, even if it is the place suggested
        self._show_path(self._real(path))
        if self.plan is not None:
            self._show_checklist(self.plan)
        return True

    def _set_verdict_tone(self, tone: str) -> None:
        self._verdict_tone = tone
        self.verdict.setStyleSheet(box_style(tone, self.palette()))
        # Links to the blocking problems by keyboard too (Tab into the box goes from link to link,
        # Enter opens one); without links the box is no Tab stop, which would show nothing.
        flags = Qt.TextInteractionFlag.LinksAccessibleByMouse
        if "href=" in self.verdict.text():
            flags |= Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        self.verdict.setTextInteractionFlags(flags)

    def package_edited(self) -> None:
        """An edit after an export or deploy: its "✔ Exported …" no longer describes the package
        (kept aside: an undo back to what was exported brings it back, see :meth:`_undone_back`)."""
        if getattr(self, "_status_tone", None) == "ok":
            self._behind = (getattr(self, "_exported", None), self.status.text())
        self._exported = None
        if getattr(self, "_status_tone", None) == "ok":
            self.status.setText("Edited since the last export: export again to include the changes.")
            self._set_status_tone("note")

    def _set_status_tone(self, tone: str) -> None:
        self._status_tone = tone
        self.status.setStyleSheet(text_style(tone, self.palette(), bold=True))

    def event(self, event: QEvent) -> bool:
        """Back in the designer (from the file manager, say): a refusal for a file where the state
        folder belongs (see :meth:`refresh`) is checked again.

        Why: that file lies outside webapp2/, where no edit or check of the designer notices it
        moved; the pane kept Export switched off after the user had done what it asked.
        """
        if event.type() == QEvent.Type.WindowActivate and self.plan is not None:
            if state_folder_refusal(self.plan.project) != self._refusal:
                self.refresh(self.branding_edit.text().strip() or None if self._custom_id else None)
        return super().event(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """An Alt+letter of the pane does nothing while the pane is out of sight.

        Why: a dock behind another dock's tab (Export behind Preview) is moved out of the window,
        not hidden, and Qt still ran its buttons' letters: Alt+X exported from a pane the user
        could not see, and Alt+B sent the keyboard to a field out of sight.
        """
        if event.type() == QEvent.Type.Shortcut and self.visibleRegion().isEmpty():
            return True
        return super().eventFilter(watched, event)

    def _fit_branding_edit(self) -> None:
        """The brandingID box at least as wide as a 13-digit number in its font (and a spare digit)."""
        digits = self.branding_edit.fontMetrics().horizontalAdvance("0" * 14)
        self.branding_edit.setMinimumWidth(digits + 16)  # and the box's frame and text margins

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_branding_edit()
        # A light/dark switch reaches the widgets through the event loop: restyle once it has.
        if event.type() == QEvent.Type.PaletteChange and not self._restyle_pending:
            self._restyle_pending = True
            QTimer.singleShot(0, self, self.restyle)  # not once the pane is gone

    def _show_verdict(self, plan: ExportPlan) -> None:
        """Ready, or blocked with the errors as links (their colours are the palette's: redrawn on a switch)."""
        self._verdict_plan = plan
        if plan.errors:
            grey = "#a0a0a0" if is_dark(self.palette()) else "#666"
            link = "#8ab4ff" if is_dark(self.palette()) else "#1a5fd6"
            many = len(plan.errors) > _ERRORS_LISTED
            # Each one a link: a click shows it where it is, as a double-click in Problems does.
            items = "".join(
                f"<li><a href='problem:{i}' style='color:{link}; text-decoration:none'>{html.escape(p.message)}</a> "
                f"<span style='color:{grey}'>({html.escape(p.location())}, {p.code})</span></li>"
                for i, p in enumerate(plan.errors[: _FIRST_OF_MANY if many else _ERRORS_LISTED])
            )
            if many:
                shown = _FIRST_OF_MANY
                fixable = sum(p.fix is not None for p in plan.errors)
                more = f"<p>… and {len(plan.errors) - shown} more: the Problems list has them all, by plugin" + (
                    f" ({fixable} with a Fix button there).</p>" if fixable else ".</p>"
                )
                items = f"{_errors_by_kind(plan.errors)}<p style='margin:4px 0 0 0'>The first of them:</p>" + (
                    f"<ul style='margin:2px 0 0 0'>{items}</ul>"
                )
            else:
                more = ""
                items = f"<ul style='margin:4px 0 0 0'>{items}</ul>"
            self.verdict.setText(
                f"<b>Export is blocked: {counted(len(plan.errors), 'error')} must be fixed first.</b>{items}{more}"
            )
            self._set_verdict_tone("bad")
            self.verdict_box.updateGeometry()
        elif self._refusal is not None:
            self.verdict.setText(
                f"<b>Export will be refused</b> — {html.escape(self._refusal)}. Rename or move that file away "
                "(it is not part of the package: the export sends only webapp2/); the pane checks again when you "
                "come back to the designer."
            )
            self._set_verdict_tone("bad")
            self.verdict_box.updateGeometry()
        else:
            notes = "".join(f"<br>• {html.escape(n)}" for n in plan.repaired)
            plugins, files = counted(len(plan.pkg.plugins), "plugin"), counted(len(plan.entries), "file")
            # Warnings said here too: "no errors" alone sent a Record button that dials
            # recorder@example.com (PD602) to the Management Node, its warning unread in Problems.
            warnings = self._warnings()
            said = ""
            if warnings:
                link = "#8ab4ff" if is_dark(self.palette()) else "#1a5fd6"
                items = "".join(
                    f"<li><a href='warning:{i}' style='color:{link}; text-decoration:none'>{html.escape(p.message)}</a>"
                    f" ({html.escape(p.location())}, {p.code})</li>"
                    for i, p in enumerate(warnings[:_WARNINGS_LISTED])
                )
                more = len(warnings) - _WARNINGS_LISTED
                notes_too = sum(1 for p in warnings if p.severity != Severity.WARNING)
                kinds = " and ".join(
                    counted(n, kind) for n, kind in ((len(warnings) - notes_too, "warning"), (notes_too, "note")) if n
                )
                said = f"<br>{kinds} to read before you upload:<ul style='margin:4px 0 0 0'>{items}</ul>" + (
                    f"… and {more} more in Problems." if more > 0 else ""
                )
            self.verdict.setText(f"<b>Ready to export</b> — {plugins}, {files}, no errors.{notes}{said}")
            self._set_verdict_tone("note" if warnings else "ok")
            self.verdict_box.updateGeometry()

    def restyle(self) -> None:
        """After a light/dark switch: the coloured boxes and the button follow the new palette."""
        self._restyle_pending = False
        self.export_button.setStyleSheet(_button_style(is_dark(self.palette())))
        if getattr(self, "_verdict_plan", None) is not None:
            self._show_verdict(self._verdict_plan)  # the list of errors has colours of its own
        elif getattr(self, "_verdict_tone", None):
            self._set_verdict_tone(self._verdict_tone)
        if getattr(self, "_status_tone", None):
            self._set_status_tone(self._status_tone)

    def export(self) -> bool:
        """Write the ZIP (asking where first if no path is set). True when a ZIP was written."""
        if self.pkg is None:
            return False
        # The number on show when Export was pressed: saving first (may_export) makes the pane
        # suggest a newer one, and the ZIP got that, not the one the user saw.
        branding_id = self.branding_edit.text().strip() or None
        suggested = branding_id == self._suggested_id  # (saving first may suggest another)
        text = self.path_edit.text().strip()
        if (not text or text == self._suggested_shown) and not self._choose_path():
            return False
        if not self.may_export():
            self._fail("Not exported: the unsaved changes were not saved.")
            return False
        pkg = self.pkg
        plan: ExportPlan | None = None
        try:
            # The checks run again here: an edit made a moment ago may not be checked yet.
            plan = self._plan_with(pkg, branding_id, suggested)
            if plan.errors:
                self.refresh()
                self._fail(f"Not exported: {counted(len(plan.errors), 'error')} must be fixed first.")
                return False
            result = write_export(plan, self.zip_path())
        except ExportRefused as exc:
            self._fail(f"Not exported: {exc}")
            return False
        except OSError as exc:
            from ...core.files import os_message

            # Where the system refused to write (the ZIP's folder, a project file), said as the
            # export command says it; "Not exported: /…/x.zip: No such file or directory" read as
            # if the ZIP were missing.
            said = not_written_said(exc, plan, self.zip_path()) if plan is not None else os_message(exc)
            self._fail(said if "nothing was exported" in said else f"Not exported: {said}")
            return False
        written = f" Updated in the project: {', '.join(result.written)}." if result.written else ""
        self.status.setText(
            f"✔ Exported to {result.path} — brandingID {result.branding_id}, {counted(len(plan.entries), 'file')}, "
            f"{byte_size(result.size)}.{written}"
        )
        self._set_status_tone("ok")
        self._exported = (plan, result.path)  # its checklist stays on show
        self.sig_wrote.emit(result)
        self.sig_exported.emit(str(result.path))
        self._custom_id = False
        if self.pkg is pkg:  # nobody reloaded the package: show the next export's plan
            self._problems = plan.problems
            self.branding_edit.clear()
            self.refresh()
        return True

    def _plan_with(self, pkg: BrandingPackage, branding_id: str | None, suggested: bool) -> ExportPlan:
        """The export of ``pkg`` with the brandingID on show; a fresh one instead when the number on
        show was only the pane's suggestion (``suggested``) and another export has since used one as great.

        Why: another window (or the command line) exported the project in between, and Export was
        refused ("… is not greater than … Leave it empty for a fresh one") for a number the user
        never typed. A number typed is refused as before: the user chose it.
        """
        try:
            return plan_export(pkg, branding_id)
        except BrandingIdRefused:
            if branding_id is None or not suggested:
                raise
            return plan_export(pkg, None)

    def open_deploy(self, **options: Any) -> Any:
        """Show the Deploy dialog (modal; ``options`` go to the dialog, e.g. from tests)."""
        if self.pkg is None or not self.may_export():
            return None
        from .deploy_dialog import DeployDialog

        if self.deploy_dialog is not None and self.deploy_dialog.busy:
            self.deploy_dialog.raise_()
            return self.deploy_dialog
        # What the pane shows is what is deployed: the brandingID typed there and the ZIP's place.
        # Its own suggestion is not passed on: another export made while the password is typed
        # would have the deploy refused for a number the user never chose (see _plan_with).
        typed = self.branding_edit.text().strip()
        options.setdefault("branding_id", typed if typed and typed != self._suggested_id else None)
        if self.path_edit.text().strip():
            options.setdefault("out", self.zip_path())
        if self.deploy_dialog is not None:
            # Done with (not busy: see above). Each Deploy… click had left one more dialog, with the
            # package it was for, in memory until the window closed.
            self.deploy_dialog.deleteLater()
        dialog = DeployDialog(self.pkg, self, **options)
        dialog.sig_deployed.connect(self._deployed)
        dialog.setModal(True)  # the package must not change while it is being uploaded
        self.deploy_dialog = dialog
        dialog.show()
        return dialog

    def _deployed(self, result: Any) -> None:
        if result.export is None:  # live on the node, the ZIP and the project not written (the dialog says why)
            self.status.setText(
                f"Deployed '{result.name}' to {result.node} — brandingID {result.branding_id} is live, but the ZIP "
                "and the project could not be written (see the Deploy dialog)."
            )
            self._set_status_tone("warn")
            self.sig_deployed.emit(
                f"Deployed '{result.name}' to {result.node}: brandingID {result.branding_id} is live."
            )
            return
        self.status.setText(
            f"✔ Deployed '{result.name}' to {result.node} — brandingID {result.branding_id} is live "
            f"(ZIP kept at {result.export.path})."
        )
        self._set_status_tone("ok")
        self._exported = None  # an earlier export's checklist (its ZIP, its number) is not what went live
        self.sig_wrote.emit(result.export)
        # (after sig_wrote, whose "Exported …" on the status bar hid that the ZIP went live)
        self.sig_deployed.emit(f"Deployed '{result.name}' to {result.node}: brandingID {result.branding_id} is live.")
        self.sig_exported.emit(str(result.export.path))
        if self.pkg is result.export.plan.pkg:  # nobody reloaded the package: show the next export's plan
            self.branding_edit.clear()
            self._custom_id = False
            self.refresh()

    def _fail(self, message: str) -> None:
        self.status.setText(message)
        self._set_status_tone("bad")
        self.sig_export_failed.emit(message)


def _exported_from_here(last: object, project: Path) -> bool:
    """Whether ``last`` (the state's ``last_export``) names a ZIP this project folder was exported
    into, the place its next export goes by default.

    Why not any: a copy made by Save As carries the record of the project it was copied from, and
    its first Export wrote over that project's ZIP without asking. (A record from before the
    project folder was kept in it counts as this project's.)
    """
    if not isinstance(last, dict) or not isinstance(last.get("path"), str) or not last["path"].strip():
        return False
    made_in = last.get("project")
    return not isinstance(made_in, str) or Path(made_in) == Path(os.path.abspath(project))
