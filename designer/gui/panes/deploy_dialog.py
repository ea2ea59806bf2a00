"""The Deploy dialog: export and upload the package to a Management Node (objectName ``deployDialog``).

Why a worker thread: the upload may take seconds (or a timeout's worth) and the window must
keep painting; :mod:`designer.core.deploy` does the work, the same code as ``plugin-designer
deploy``. The password lives only in the masked field and, if the user ticks "remember", in
the OS keyring; node, name and user are remembered in the project state by a successful deploy.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from designer.core.deploy import (
    DeployError,
    DeployResult,
    DeployTarget,
    deploy,
    forget_password,
    keyring_missing,
    normalize_node,
    recall_password,
    remember_password,
    remembered_settings,
)
from designer.core.model import BrandingPackage
from designer.core.zipnames import project_name, readable

from ..screen_fit import resize_to_fit, room_on_screen
from ..tones import text_style
from ..workers import Worker
from .form_rows import add_unlabelled_row

__all__ = ["DeployDialog", "DeployWorker"]


class DeployWorker(Worker):
    """Runs :func:`deploy` off the UI thread; reports progress, the result or the error. A worker
    the dialog lets go of (see :meth:`DeployDialog.reject`) runs on until the node answers."""

    sig_progress = Signal(int, int)
    sig_waiting = Signal(str)  # the node did not answer: trying again
    sig_done = Signal(object)
    sig_failed = Signal(str, str, object, bool)  # message, kind, field errors, an upload possibly left on the node

    def __init__(self, pkg: BrandingPackage, target: DeployTarget, password: str, **kw: Any) -> None:
        super().__init__()
        self.pkg = pkg
        self.target = target
        self._password = password
        self.kw = kw

    def run(self) -> None:
        try:
            result = deploy(
                self.pkg,
                self.target,
                self._password,
                progress=self.sig_progress.emit,
                waiting=self.sig_waiting.emit,
                **self.kw,
            )
        except DeployError as exc:
            self.sig_failed.emit(str(exc), exc.kind, exc.field_errors, exc.left_on_node)
        except Exception as exc:  # never let a surprise kill the thread silently
            self.sig_failed.emit(f"Not deployed: unexpected {type(exc).__name__}.", "internal", {}, False)
        else:
            self.sig_done.emit(result)
        finally:
            self._password = ""


class DeployDialog(QDialog):
    """Ask for the node, name and credentials, then deploy; ``sig_deployed(result)`` on success."""

    sig_deployed = Signal(object)

    def __init__(self, pkg: BrandingPackage, parent: QWidget | None = None, **deploy_options: Any) -> None:
        super().__init__(parent)
        self.setObjectName("deployDialog")
        self.setWindowTitle("Deploy to a Management Node")
        self.pkg = pkg
        self.timeout = float(deploy_options.pop("timeout", 30.0))
        self.deploy_options = deploy_options  # tests: backoff, transport
        self._remember: tuple[str, str, str] | None = None
        self._recalled = ""  # the password filled in from the keyring, for the node and user on show
        self._recalled_for: tuple[str, str] | None = None  # (node, user) whose password was filled in
        self._forget: tuple[str, str] | None = None  # the box unticked: node and user to forget once deployed
        self.worker: DeployWorker | None = None
        self.result: DeployResult | None = None
        project = pkg.files.project  # type: ignore[attr-defined]
        memory = remembered_settings(project)

        intro = QLabel(
            "Exports the project with a new brandingID and uploads it as a web app customization. "
            "One with the same name on the node is replaced."
        )
        intro.setWordWrap(True)
        self.node_edit = self._edit("nodeEdit", memory.get("node", ""), "https://mgr.example.com")
        self.name_edit = self._edit("nameEdit", memory.get("name") or readable(project_name(project)))
        self._remembered_description = memory.get("description", "")
        self._remembered_for = (memory.get("node", ""), memory.get("name", ""))  # (the customization it is of)
        self.description_edit = self._edit(
            "descriptionEdit", self._remembered_description, "left empty: the one on the node is kept"
        )
        self.user_edit = self._edit("userEdit", memory.get("user") or "admin")
        self.password_edit = self._edit("passwordEdit", "")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember_check = QCheckBox("&Remember the password in the system keyring")
        self.remember_check.setObjectName("rememberCheck")
        if missing := keyring_missing():  # said before, not after the deploy
            self.remember_check.setEnabled(False)
            self.remember_check.setToolTip(f"{missing[0].upper()}{missing[1:]}: the password cannot be remembered.")
        self.default_check = QCheckBox("Make it the de&fault customization")
        self.default_check.setObjectName("setDefaultCheck")
        self.ca_edit = self._edit("caBundleEdit", memory.get("ca_bundle", ""), "system certificates")
        ca_button = QPushButton("Choose…")
        ca_button.setObjectName("caBundleButton")
        ca_button.clicked.connect(self._choose_ca)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_edit, 1)
        ca_row.addWidget(ca_button)
        self.insecure_check = QCheckBox("Do not &verify the certificate (unsafe)")
        self.insecure_check.setObjectName("insecureCheck")
        self.insecure_check.setStyleSheet(text_style("warn", self.palette(), bold=True))
        self.insecure_check.setToolTip(
            "Anyone between you and the node could read the password. Only for test labs; never remembered."
        )
        self.field_errors: dict[str, QLabel] = {}
        self._error_fields: dict[str, QLineEdit] = {}  # the field each error is about
        # Alt+letter on every field, as in the plugin form (the dialog is a window of its own, so
        # the main window's menus take none of these letters).
        form = self._form = QFormLayout()
        for label, widget, key in (
            ("&Management Node", self.node_edit, "node"),
            ("&Name", self.name_edit, "name"),
            ("&Description", self.description_edit, "description"),
            ("&User", self.user_edit, "user"),
            ("&Password", self.password_edit, "password"),
        ):
            form.addRow(label, widget)
            err = QLabel()
            err.setTextFormat(Qt.TextFormat.PlainText)  # the node's own words, as they are
            err.setObjectName(f"{key}Error")
            err.setStyleSheet(text_style("bad", self.palette()))
            err.setWordWrap(True)
            add_unlabelled_row(form, err)
            # The whole row hidden, not only the message: its empty label still took a row's
            # height and spacing, and the fields stood a blank line apart (at 15 pt the dialog
            # was taller than a laptop at 150 %).
            form.setRowVisible(err, False)
            self.field_errors[key] = err
            self._error_fields[key] = widget
        add_unlabelled_row(form, self.remember_check)
        add_unlabelled_row(form, self.default_check)
        ca_label = QLabel("CA &bundle")
        ca_label.setBuddy(self.ca_edit)  # its row holds a layout: a screen reader had no name for the field
        form.addRow(ca_label, ca_row)
        add_unlabelled_row(form, self.insecure_check)

        self.progress = QProgressBar()
        self.progress.setObjectName("deployProgress")
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self._status_tone = ""  # the status's colour: see _set_status
        self._retrying = False  # a "trying again" is on show (see _waiting)
        self.status = QLabel()
        self.status.setObjectName("deployStatus")
        self.status.setWordWrap(True)
        # Rich text, always: its messages are escaped, and plain text would show "node&#x27;s".
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.deploy_button = QPushButton("Deploy")
        self.deploy_button.setObjectName("deployButton")
        self.deploy_button.setDefault(True)
        self.deploy_button.clicked.connect(self.start)
        self.close_button = QPushButton("Close")
        self.close_button.setObjectName("closeButton")
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.deploy_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        self.progress.hide()  # until a deploy starts: a "0%" bar before anything happens reads as stuck
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        resize_to_fit(self, 560, self.sizeHint().height())
        self._fill_password()
        for edit in (self.node_edit, self.user_edit):
            edit.textEdited.connect(self._drop_recalled_password)
            edit.editingFinished.connect(self._refill_password)
        for edit in (self.node_edit, self.name_edit):
            edit.textEdited.connect(self._follow_description)

    def _edit(self, name: str, text: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(text)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        return edit

    def _fill_password(self) -> None:
        node, user = self.node_edit.text().strip(), self.user_edit.text().strip()
        if node and user:
            try:
                remembered = recall_password(node, user)
            except DeployError:
                remembered = None
            if remembered:
                self.password_edit.setText(remembered)
                self.remember_check.setChecked(True)
                self._recalled = remembered
                self._recalled_for = (node, user)

    def _drop_recalled_password(self) -> None:
        """Another node or user typed: the password remembered for the one before goes from the
        field. Why: kept, masked, it was sent to whatever node was typed in."""
        if self._recalled and self.password_edit.text() == self._recalled:
            self.password_edit.clear()
            self.remember_check.setChecked(False)
        self._recalled = ""

    def _refill_password(self) -> None:
        """Done typing the node or user: the password remembered for them, if the field is empty."""
        if not self.password_edit.text():
            self._fill_password()

    def _choose_ca(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "CA certificate bundle", self.ca_edit.text(), "Certificates (*.pem *.crt *.cer);;All files (*)"
        )
        if path:
            self.ca_edit.setText(path)

    def _clear_errors(self) -> None:
        for key, label in self.field_errors.items():
            label.clear()
            self._form.setRowVisible(label, False)
            self._error_fields[key].setAccessibleDescription("")

    def start(self) -> bool:
        """Begin the deploy in the worker thread (False when it cannot start)."""
        if self.worker is not None:
            return False
        self._clear_errors()
        refusals = self._field_refusals()
        if refusals:
            for key, text in refusals.items():
                self._field_error(key, text)
            self._error_fields[next(iter(refusals))].setFocus(Qt.FocusReason.OtherFocusReason)
            self.progress.hide()
            self._set_status("")
            return False
        password = self.password_edit.text()
        target = DeployTarget(
            node=self.node_edit.text().strip(),
            user=self.user_edit.text().strip(),
            name=self.name_edit.text().strip(),
            description=self._description(),
            set_default=self.default_check.isChecked(),
            ca_bundle=self.ca_edit.text().strip() or None,
            insecure=self.insecure_check.isChecked(),
            timeout=self.timeout,
        )
        self.progress.setValue(0)
        self.progress.show()
        self._set_status("Exporting and uploading…")
        self.deploy_button.setEnabled(False)
        from ...core.deploy import CancelToken

        self.cancel_token = CancelToken()
        worker = DeployWorker(self.pkg, target, password, cancel=self.cancel_token, **self.deploy_options)
        worker.sig_progress.connect(self._progress)
        worker.sig_waiting.connect(self._waiting)
        worker.sig_done.connect(self._done)
        worker.sig_failed.connect(self._failed)
        worker.finished.connect(self._finished)
        self.worker = worker
        self._remember = (target.node, target.user, password) if self.remember_check.isChecked() else None
        # Forgotten only when the user unticked a password the dialog showed remembered: one stored
        # by `deploy --remember` and never shown here stays.
        pair = (target.node, target.user)
        self._forget = pair if self._remember is None and self._recalled_for == pair else None
        self.close_button.setText("Cancel")
        worker.start()
        return True

    def _description(self) -> str | None:
        """The description to send; None (the node's customization keeps its own) when the field is
        empty and nothing was remembered for this customization, as ``deploy`` without ``--description``.

        Why: left empty on a first deploy, it wiped the description typed on the node. A remembered
        one the user cleared is sent as empty: that is a choice, as ``--description ""`` is.
        """
        text = self.description_edit.text().strip()
        return None if not text and not (self._remembered_description and self._at_remembered()) else text

    def _at_remembered(self) -> bool:
        """Whether the node and name on show are those the remembered description is of."""
        try:
            node = normalize_node(self.node_edit.text())
        except DeployError:
            return False
        return (node, self.name_edit.text().strip()) == self._remembered_for

    def _follow_description(self) -> None:
        """Another node or name typed: the remembered description leaves the field (the node's own
        is kept), and comes back with the customization it is of. Why: left there, the one of
        'Demo' went to 'Other' and overwrote the description 'Other' had on the node."""
        text, remembered = self.description_edit.text(), self._remembered_description
        if not remembered:
            return
        if not self._at_remembered() and text == remembered:
            self.description_edit.clear()
        elif self._at_remembered() and not text:
            self.description_edit.setText(remembered)

    def _field_refusals(self) -> dict[str, str]:
        """What is missing or wrong in the fields, said before anything starts, by field, in the form's order.

        Why: an empty user name (or name, or an http:// address) was refused by the deploy only after
        "Exporting and uploading…", said below the form with a 0% bar left on show, and nothing
        showed which field it meant (only the password's was said under it).
        """
        refusals: dict[str, str] = {}
        try:
            normalize_node(self.node_edit.text())
        except DeployError as exc:
            refusals["node"] = str(exc)
        if not self.name_edit.text().strip():
            refusals["name"] = "Give the customization a name (it is shown on the Management Node)."
        if not self.user_edit.text().strip():
            refusals["user"] = "Give the Management Node user name."
        if not self.password_edit.text():
            refusals["password"] = "Type the password of this user."
        return refusals

    @property
    def busy(self) -> bool:
        return self.worker is not None

    def _waiting(self, text: str) -> None:
        """The node did not answer: the deploy tries again (said until the next upload goes on)."""
        self._retrying = True
        self._set_status(html.escape(text))

    def _progress(self, sent: int, total: int) -> None:
        # The node answered: a "trying again" said before is over (also one said while the old
        # customization was removed, which stayed on show through the upload under the name).
        if (sent == 0 or self._retrying) and not self.cancel_token.cancelled:
            self._retrying = False
            self._set_status("Uploading…")
        self.progress.setValue(sent * 100 // total if total else 0)

    def _done(self, result: DeployResult) -> None:
        self.result = result
        self.progress.setValue(100)
        verb = "Replaced" if result.replaced else "Created"
        lines = [
            f"✔ {verb} '{html.escape(result.name)}' on {html.escape(result.node)}.",
            f"brandingID now live: {result.branding_id}",
            f"Resource: {html.escape(result.resource_uri)}",
        ]
        notes = list(result.warnings)
        if self._remember is not None:
            node, user, password = self._remember
            notes.append(remember_password(node, user, password) or "The password is stored in the system keyring.")
        elif self._forget is not None and recall_password(*self._forget):
            # The box unticked: a password stored before is let go (nothing else could forget it,
            # and the next dialog filled it in and ticked the box again).
            forget_password(*self._forget)
            notes.append("The password is no longer stored in the system keyring.")
        lines += [html.escape(n) for n in notes]
        # (live on the node, the ZIP and the project not written: no plain success)
        self._set_status("<br>".join(lines), "ok" if result.export is not None else "warn")
        self.sig_deployed.emit(result)

    def _failed(self, message: str, kind: str, fields: dict[str, list[str]], left_on_node: bool = False) -> None:
        # (hidden: a "0%" bar above the refusal read as an upload about to go on)
        self.progress.setValue(0)
        self.progress.hide()
        # A cancel is as asked, no failure; one that left an upload on the node to delete there is
        # a warning (said in the usual colour, it read as a cancel that left nothing).
        tone = ("warn" if left_on_node else "") if kind == "cancelled" else "bad"
        self._set_status(html.escape(message), tone)
        for key, msgs in (fields or {}).items():
            if key in self.field_errors:
                self._field_error(key, " ".join(msgs))
        if kind == "auth":
            self._field_error("password", "The user name or password was refused.")
        elif kind == "forbidden":
            self._field_error("user", "This user may not change the configuration on this node.")
        elif kind == "tls":
            self.ca_edit.setFocus()
        # The keyboard to the first field refused, its text selected: typed over at once (it stayed
        # on the Deploy button, and the old password had to be cleared by hand first).
        refused = [key for key, label in self.field_errors.items() if not label.isHidden()]
        if refused:
            edit = self._error_fields[refused[0]]
            edit.setFocus(Qt.FocusReason.OtherFocusReason)
            edit.selectAll()

    def _finished(self) -> None:
        self._remember = self._forget = None
        if self.worker is not None:
            self.worker.deleteLater()
        self.worker = None
        self.deploy_button.setEnabled(True)
        self.close_button.setText("Close")

    def _field_error(self, key: str, text: str) -> None:
        label = self.field_errors[key]
        label.setText(text)
        self._form.setRowVisible(label, True)
        # Read out with the field: the label under it is tied to nothing, and a screen reader
        # on the field said nothing of the error shown beneath it.
        self._error_fields[key].setAccessibleDescription(text)
        self._grow_to_fit()

    def _grow_to_fit(self) -> None:
        """Taller when a message now shown wraps onto more lines than there is room for (as far as
        the screen allows). Why: Qt grows a window for its rows, not for the lines of wrapped text,
        and a field's error of two lines was drawn in one line's height, cut through the middle."""
        layout = self.layout()
        layout.activate()
        need = min(layout.totalHeightForWidth(self.width()), room_on_screen(self).height())
        if need > self.height():
            self.resize(self.width(), need)

    def _set_status(self, text: str, tone: str = "") -> None:
        """``text`` below the form; ``tone`` "ok" (deployed), "warn" (live but not written, a
        cancel that left something on the node) or "bad" (in bold: failed, too late to cancel),
        else in the usual colour."""
        self.status.setText(text)
        self._status_tone = tone
        self._style_texts()
        self._grow_to_fit()

    def _style_texts(self) -> None:
        """The coloured texts in the palette's appearance (light or dark): the unsafe option, the
        fields' errors and the status."""
        palette = self.palette()
        self.insecure_check.setStyleSheet(text_style("warn", palette, bold=True))
        for err in self.field_errors.values():
            err.setStyleSheet(text_style("bad", palette))
        tone = self._status_tone
        self.status.setStyleSheet(text_style(tone, palette, bold=tone == "bad") if tone else "")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """Light or dark appearance switched while the dialog is open: its coloured texts take the
        new one's colours (the light one's dark red stayed on the dark dialog, hard to read)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "status"):
            self._style_texts()

    def wait(self, ms: int = 60000) -> None:
        if self.worker is not None:
            self.worker.wait(ms)

    def reject(self) -> None:
        """Cancel while the deploy only looks at the node, or uploads (the worker then removes what
        the node kept, and says so); once the old customization is being replaced, wait."""
        if self.worker is not None:
            cancelled = self.cancel_token.cancel()
            if cancelled and self.cancel_token.staging:
                # (the upload under way: the worker stops it and removes what the node kept, then says so)
                # (bounded by one timeout: said, so a silent node's wait reads as expected, not stuck)
                self._set_status(
                    "Cancelling: the upload stops, and what it left on the node is removed (within "
                    f"{self.timeout:g} {'second' if self.timeout == 1 else 'seconds'})…"
                )
            elif cancelled:
                # The worker may still wait for the node's answer (a socket read cannot be
                # interrupted); it can no longer change anything, so the dialog lets it go.
                worker, self.worker = self.worker, None
                for signal in (worker.sig_progress, worker.sig_waiting, worker.sig_done, worker.sig_failed):
                    signal.disconnect()
                worker.finished.disconnect(self._finished)
                self._remember = self._forget = None
                self.progress.setValue(0)
                self.progress.hide()
                self._set_status("Deploy cancelled: nothing was changed on the node or in the project.")
                self.deploy_button.setEnabled(True)
                self.close_button.setText("Close")
            else:
                self._set_status(self._too_late(), "bad")
            return
        super().reject()

    def _too_late(self) -> str:
        """Why Cancel no longer can: the node is being changed (said as it is: replacing, or adding)."""
        if self.cancel_token.replacing:
            return (
                "Too late to cancel: the customization on the node is being replaced. Wait for the upload "
                "to finish (stopping now could leave the node without one)."
            )
        return "Too late to cancel: the package is uploaded to the node, and the deploy is finishing."

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.worker is not None:
            event.ignore()
            self.reject()  # the title bar's X: as Cancel
            return
        super().closeEvent(event)
