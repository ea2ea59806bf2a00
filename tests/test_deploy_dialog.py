"""The Deploy dialog of the export pane, driven with qtbot against the mock Management Node."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from mock_node import MockNode, fake_keyring
from PySide6.QtCore import Qt

from designer.core.deploy import recall_password
from designer.core.model import load
from designer.core.state import load_state
from designer.gui.panes.deploy_dialog import DeployDialog
from designer.gui.panes.export_pane import ExportPane


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[object]:
    old = keyring.get_keyring()
    keyring.set_keyring(fake_keyring())
    yield
    keyring.set_keyring(old)


@pytest.fixture
def node() -> Iterator[MockNode]:
    with MockNode(lifetime=60) as n:
        yield n


def _open(qtbot, project: Path) -> tuple[ExportPane, DeployDialog]:
    pane = ExportPane()
    qtbot.addWidget(pane)
    pane.set_package(load(project))
    assert pane.deploy_button.isEnabled()
    dialog = pane.open_deploy(backoff=0, timeout=5)
    assert dialog.objectName() == "deployDialog"
    assert pane.findChild(DeployDialog, "deployDialog") is dialog
    return pane, dialog


def _fill(dialog: DeployDialog, node: MockNode, password: str, ca: bool = True) -> None:
    dialog.node_edit.setText(node.url)
    dialog.name_edit.setText("Demo")
    dialog.user_edit.setText(node.user)
    dialog.password_edit.setText(password)
    dialog.ca_edit.setText(str(node.ca_file) if ca else "")


def _run(qtbot, dialog: DeployDialog) -> None:
    dialog.deploy_button.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20000)


def test_dialog_deploys_and_remembers_everything_but_the_password(qtbot, node: MockNode, example_project: Path) -> None:
    pane, dialog = _open(qtbot, example_project)
    assert dialog.password_edit.echoMode() == dialog.password_edit.EchoMode.Password
    assert "unsafe" in dialog.insecure_check.text()
    assert not dialog.progress.isVisible()  # no "0%" bar before anything has started
    _fill(dialog, node, node.password)
    dialog.remember_check.setChecked(True)
    with qtbot.waitSignal(pane.sig_exported, timeout=20000):
        dialog.deploy_button.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20000)
    assert "brandingID now live" in dialog.status.text()
    assert dialog.progress.value() == 100 and dialog.progress.isVisible()
    assert len(node.store) == 1 and "Deployed 'Demo'" in pane.status.text()
    state = load_state(example_project)["deploy"]
    assert (state["node"], state["name"], state["user"]) == (node.url, "Demo", node.user)
    assert node.password not in (example_project / ".plugin-designer" / "state.json").read_text()
    assert recall_password(node.url, node.user) == node.password
    dialog.close()
    # A second dialog starts from what was remembered (password from the keyring).
    again = pane.open_deploy(backoff=0)
    assert again is not dialog
    assert again.node_edit.text() == node.url and again.name_edit.text() == "Demo"
    assert again.password_edit.text() == node.password and again.remember_check.isChecked()
    again.close()


def test_dialog_shows_refused_password_and_field_errors(qtbot, node: MockNode, example_project: Path) -> None:
    before = (example_project / "webapp2" / "manifest.json").read_bytes()
    _pane, dialog = _open(qtbot, example_project)
    _fill(dialog, node, "wrong-password")
    _run(qtbot, dialog)
    assert "user name or password was refused" in dialog.status.text()
    assert dialog.field_errors["password"].isVisibleTo(dialog)
    assert "wrong-password" not in dialog.status.text()
    dialog.password_edit.setText(node.password)
    node.fail_next("400", "POST")
    _run(qtbot, dialog)
    assert dialog.field_errors["name"].text() == "A customization with this name is not allowed here."
    assert not dialog.field_errors["password"].isVisibleTo(dialog)
    assert (example_project / "webapp2" / "manifest.json").read_bytes() == before
    assert "deploy" not in load_state(example_project)
    dialog.close()


def test_the_dialogs_coloured_texts_follow_a_switch_of_appearance(qtbot, node: MockNode, example_project: Path) -> None:
    """The refusal, the password's error and "Do not verify" are in colours of their own: switched to
    dark with the dialog open, they stayed the light appearance's dark red on the dark dialog."""
    from PySide6.QtWidgets import QApplication

    from designer.gui.app import apply_appearance

    def reds() -> list[str]:
        texts = (dialog.status, dialog.field_errors["password"], dialog.insecure_check)
        return [next(c for c in ("#8a1c1c", "#b71c1c", "#ff8a80") if c in t.styleSheet()) for t in texts]

    apply_appearance("light")
    try:
        _pane, dialog = _open(qtbot, example_project)
        _fill(dialog, node, "wrong-password")
        _run(qtbot, dialog)
        assert dialog.field_errors["password"].isVisibleTo(dialog)
        assert reds() == ["#8a1c1c", "#8a1c1c", "#b71c1c"]  # tones' light "bad" and "warn"
        apply_appearance("dark")
        QApplication.processEvents()  # Qt hands the dialog the new palette from the event loop
        assert reds() == ["#ff8a80"] * 3  # their dark ones
        assert "font-weight:bold" in dialog.status.styleSheet()  # a refusal stays in bold
        apply_appearance("light")
        QApplication.processEvents()
        assert reds() == ["#8a1c1c", "#8a1c1c", "#b71c1c"]
        dialog.close()
    finally:
        apply_appearance("system")


def test_a_screen_reader_reads_each_field_error_with_its_field(qtbot, node: MockNode, example_project: Path) -> None:
    """The errors were shown in a label under each field, tied to none: a screen reader on the
    Password field said nothing of "Type the password of this user." under it."""
    from PySide6.QtGui import QAccessible

    def described(field) -> str:
        return QAccessible.queryAccessibleInterface(field).text(QAccessible.Text.Description)

    _pane, dialog = _open(qtbot, example_project)
    _fill(dialog, node, "")
    fields = (dialog.node_edit, dialog.name_edit, dialog.password_edit)
    before = [described(f) for f in fields]  # (a field's placeholder text, when it has one)
    assert before[2] == ""
    dialog.deploy_button.click()
    assert described(dialog.password_edit) == "Type the password of this user."
    dialog.password_edit.setText(node.password)
    node.fail_next("400", "POST")
    _run(qtbot, dialog)
    assert described(dialog.name_edit) == "A customization with this name is not allowed here."
    assert described(dialog.password_edit) == ""  # that error has gone, and its description with it
    _run(qtbot, dialog)  # and this time it works
    assert len(node.store) == 1
    assert [described(f) for f in fields] == before
    dialog.close()


def test_dialog_tls_refusal_then_unsafe_checkbox(qtbot, node: MockNode, example_project: Path) -> None:
    _pane, dialog = _open(qtbot, example_project)
    _fill(dialog, node, node.password, ca=False)
    _run(qtbot, dialog)
    assert "certificate" in dialog.status.text() and not node.store
    # The message is escaped for the label, which shows it as rich text: "node's", not "node&#x27;s".
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextDocument

    assert dialog.status.textFormat() == Qt.TextFormat.RichText
    shown = QTextDocument()
    shown.setHtml(dialog.status.text())
    assert "&#x27;" not in shown.toPlainText() and "certificate" in shown.toPlainText()
    dialog.insecure_check.setChecked(True)
    _run(qtbot, dialog)
    assert "NOT verified" in dialog.status.text() and len(node.store) == 1
    dialog.close()


def test_deploy_uses_the_panes_branding_id_and_zip_path(
    qtbot, node: MockNode, example_project: Path, tmp_path: Path
) -> None:
    """What the Export pane shows is what is deployed (the typed brandingID and the ZIP's place
    were ignored: a new ID went up and the ZIP landed elsewhere)."""
    pane = ExportPane()
    qtbot.addWidget(pane)
    pane.set_package(load(example_project))
    pane.branding_edit.setText("1900000000000")
    pane.branding_edit.editingFinished.emit()
    pane.path_edit.setText(str(tmp_path / "chosen.zip"))
    dialog = pane.open_deploy(backoff=0, timeout=5)
    _fill(dialog, node, node.password)
    _run(qtbot, dialog)
    assert dialog.result is not None and dialog.result.branding_id == 1900000000000
    assert (tmp_path / "chosen.zip").is_file()
    dialog.close()


def test_a_deploy_waiting_on_the_node_can_be_cancelled(qtbot, node: MockNode, example_project: Path) -> None:
    """The node answers the lookup slowly: Cancel (or the title bar's X) stops the deploy at once,
    with nothing changed on the node or in the project (Close used to say "wait", for minutes)."""
    node.slow_seconds = 5.0
    node.fail_next("slow", "GET")
    pane, dialog = _open(qtbot, example_project)
    _fill(dialog, node, node.password)
    before = (example_project / "webapp2" / "manifest.json").read_bytes()
    dialog.deploy_button.click()
    assert dialog.busy and dialog.close_button.text() == "Cancel"
    dialog.close_button.click()
    assert not dialog.busy  # at once, long before the node's 5 s answer
    assert "cancelled: nothing was changed" in dialog.status.text()
    from designer.gui.panes import deploy_dialog

    qtbot.waitUntil(
        lambda: not deploy_dialog.DeployWorker.any_running(), timeout=15000
    )  # the node answered: nothing more
    assert len(node.store) == 0
    assert (example_project / "webapp2" / "manifest.json").read_bytes() == before
    assert dialog.close_button.text() == "Close"


def test_cancel_is_refused_once_the_node_is_being_changed() -> None:
    from designer.core.deploy import CancelToken, DeployError

    token = CancelToken()
    token.commit()
    assert token.cancel() is False and not token.cancelled
    other = CancelToken()
    assert other.cancel() is True
    with pytest.raises(DeployError, match="nothing was changed"):
        other.commit()


def test_alt_letters_reach_every_field_and_the_ca_bundle_field_has_a_name(qtbot, example_project: Path) -> None:
    """No field of the dialog had an Alt+letter key (the plugin form's all have), and the CA
    bundle field, whose row also holds its Choose… button, had no name for a screen reader."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import QApplication

    _pane, dialog = _open(qtbot, example_project)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    alt = Qt.KeyboardModifier.AltModifier
    for letter, field in (
        (Qt.Key.Key_B, dialog.ca_edit),
        (Qt.Key.Key_P, dialog.password_edit),
        (Qt.Key.Key_U, dialog.user_edit),
        (Qt.Key.Key_D, dialog.description_edit),
        (Qt.Key.Key_N, dialog.name_edit),
        (Qt.Key.Key_M, dialog.node_edit),
    ):
        qtbot.keyClick(QApplication.focusWidget(), letter, alt)
        assert QApplication.focusWidget() is field, field.objectName()
    assert not dialog.remember_check.isChecked()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_R, alt)
    qtbot.waitUntil(dialog.remember_check.isChecked)  # (Qt clicks a button's letter as a short press)
    assert QAccessible.queryAccessibleInterface(dialog.ca_edit).text(QAccessible.Text.Name) == "CA bundle"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)  # Close: no window left behind for other tests
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_a_deploy_dialog_open_while_the_project_is_read_again_uploads_it_as_read_again(
    window, qtbot, node: MockNode, example_project: Path
) -> None:
    """settings.json on show, the Deploy dialog open, another program changes settings.json: the
    project was read again under the dialog, which then uploaded the project as read before."""
    import io
    import os
    import zipfile

    from conftest import open_in_editor

    open_in_editor(window, example_project, "settings.json")
    window.show_export()
    window.export_pane.deploy_button.click()
    dialog = window.export_pane.deploy_dialog
    qtbot.waitUntil(dialog.isVisible)
    path = example_project / "webapp2" / "settings.json"
    theirs = path.read_text().replace('"enabled": true', '"enabled": false', 1)
    before = window.editor
    with qtbot.waitSignal(window._watcher.fileChanged, timeout=5000):
        other = path.with_name("settings.json.other")  # as another editor saves: a new file renamed over it
        other.write_text(theirs)
        os.replace(other, path)
    qtbot.waitUntil(lambda: window.editor is not before)  # read again under the dialog
    _fill(dialog, node, node.password)
    _run(qtbot, dialog)
    assert "brandingID now live" in dialog.status.text()
    with zipfile.ZipFile(io.BytesIO(node.uploads[-1].data)) as zf:
        assert zf.read("webapp2/settings.json").decode().count('"enabled": false') == 1
    assert path.read_text() == theirs
    dialog.close()  # (modal: left open, it would hold the keys of the windows of the tests after)


def test_the_deploy_dialog_goes_when_its_window_is_closed(window, qtbot, example_project: Path) -> None:
    """The window closed (File ▸ Quit, or from code) while the Deploy dialog is open: the dialog had
    stayed on screen, a window of a project no longer open, holding the keys of every other window."""
    window.open_path(example_project)
    window.show_export()
    window.export_pane.deploy_button.click()
    dialog = window.export_pane.deploy_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert window.close()
    assert not dialog.isVisible()


def test_after_an_export_then_a_deploy_the_checklist_is_no_longer_the_exports(
    qtbot, node: MockNode, example_project: Path, tmp_path: Path
) -> None:
    """Exported, then deployed: the pane's checklist still said "Exported first.zip. Now, on the
    Management Node: … upload first.zip", with the first export's brandingID, an older ZIP than the
    one the deploy had just put live. Now it is the next export's, as after a deploy with no export
    before it."""
    pane = ExportPane()
    qtbot.addWidget(pane)
    pane.set_package(load(example_project))
    pane.path_edit.setText(str(tmp_path / "first.zip"))
    assert pane.export()
    pane.path_edit.setText(str(tmp_path / "deployed.zip"))
    dialog = pane.open_deploy(backoff=0, timeout=5)
    _fill(dialog, node, node.password)
    _run(qtbot, dialog)
    assert dialog.result is not None
    checklist = pane.checklist_view.toPlainText()
    assert checklist.startswith("After exporting") and "first.zip" not in checklist, checklist
    dialog.close()


@pytest.mark.parametrize(
    ("field", "node_text", "said"),
    [
        ("node", "", "Give the address of the Management Node"),
        ("node", "http://mgr.example.com", "Use an https:// address"),
        ("name", None, "Give the customization a name"),
        ("user", None, "Give the Management Node user name"),
    ],
)
def test_a_field_left_empty_or_wrong_is_said_under_it_before_anything_starts(
    qtbot, node: MockNode, example_project: Path, field: str, node_text: str | None, said: str
) -> None:
    """An empty user name (or name, or an http:// address) was said only below the form after
    "Exporting and uploading…", with a 0% bar left on show and the keyboard left where it was:
    nothing showed which field it meant, as the password's error does."""
    _pane, dialog = _open(qtbot, example_project)
    _fill(dialog, node, node.password)
    edits = {"node": dialog.node_edit, "name": dialog.name_edit, "user": dialog.user_edit}
    edits[field].setText(node_text or "")
    qtbot.mouseClick(dialog.deploy_button, Qt.MouseButton.LeftButton)
    assert not dialog.busy
    assert dialog.field_errors[field].text().startswith(said)
    assert dialog.field_errors[field].isVisibleTo(dialog)
    assert not dialog.progress.isVisibleTo(dialog)
    qtbot.waitUntil(lambda: edits[field].hasFocus())
    assert node.store == {}
    dialog.close()


def test_the_window_says_a_deploy_went_live_not_only_that_it_exported(
    window, qtbot, node: MockNode, example_project: Path, tmp_path: Path
) -> None:
    """After a deploy, the window's status bar said "Exported …" (the deploy's ZIP), as after a
    plain export: only the Export pane said the package had gone live."""
    window.open_path(example_project)
    window.show_export()
    pane = window.export_pane
    pane.path_edit.setText(str(tmp_path / "live.zip"))
    dialog = pane.open_deploy(backoff=0, timeout=5)
    _fill(dialog, node, node.password)
    _run(qtbot, dialog)
    assert dialog.result is not None
    assert window.status.text().startswith("Deployed 'Demo' to "), window.status.text()
    dialog.close()


def test_a_deploy_after_another_export_is_not_refused_for_the_panes_suggestion(
    qtbot, node: MockNode, example_project: Path, tmp_path: Path
) -> None:
    """The pane suggested a brandingID; the project was exported elsewhere with a greater one (the
    command line, another window) before Deploy: it was refused, "… is not greater than …",
    for a number the user never typed. A fresh one goes up."""
    from designer.core.export import export_package

    pane = ExportPane()
    qtbot.addWidget(pane)
    pane.set_package(load(example_project))
    suggested = int(pane.branding_edit.text())
    elsewhere = export_package(load(example_project), tmp_path / "there.zip", branding_id=suggested + 60_000)
    pane.path_edit.setText(str(tmp_path / "chosen.zip"))
    dialog = pane.open_deploy(backoff=0, timeout=5)
    _fill(dialog, node, node.password)
    _run(qtbot, dialog)
    assert dialog.result is not None and int(dialog.result.branding_id) > elsewhere.branding_id
    dialog.close()


def test_the_name_offered_for_a_project_folder_named_in_latin1_keeps_a_mark_of_its_byte(
    qtbot, example_project: Path, tmp_path: Path
) -> None:
    """A project folder named on an old Latin-1 share, b"m\\xf8te", was offered as the name "mte"
    (Qt drops the byte): a customization named after no folder there is. The byte shows as '\ufffd'."""
    import os
    import shutil

    odd = Path(os.fsdecode(os.fsencode(tmp_path) + b"/m\xf8te"))
    shutil.copytree(example_project, odd)
    _pane, dialog = _open(qtbot, odd)
    assert dialog.name_edit.text() == "m\ufffdte"


def test_a_user_without_the_right_to_change_the_node_is_told_so_not_that_the_password_was_refused(
    qtbot, node: MockNode, example_project: Path
) -> None:
    """A 403 (signed in, but the account may not change the configuration) said 'The user name or
    password was refused', marked under the password: the administrator retyped a right password."""
    node.add("Demo")
    _, dialog = _open(qtbot, example_project)
    _fill(dialog, node, node.password)
    node.fail_next("403", "DELETE")
    _run(qtbot, dialog)
    status = dialog.status.text()
    assert "may not change" in status and "password was refused" not in status and "HTTP 403" in status
    assert dialog.field_errors["password"].isHidden()
    assert not dialog.field_errors["user"].isHidden()
    assert "may not change" in dialog.field_errors["user"].text()
    assert "Demo" in [r["name"] for r in node.store.values()]
    assert "deploy" not in load_state(example_project)


def test_unticking_remember_forgets_the_password_once_deployed(qtbot, node: MockNode, example_project: Path) -> None:
    """The password came from the keyring, the box ticked: unticking it and deploying left it
    stored, and the next dialog filled it in and ticked the box again (nothing could forget it)."""
    pane, dialog = _open(qtbot, example_project)
    _fill(dialog, node, node.password)
    qtbot.mouseClick(dialog.remember_check, Qt.MouseButton.LeftButton)
    _run(qtbot, dialog)
    assert recall_password(node.url, node.user) == node.password
    dialog.close()
    again = pane.open_deploy(backoff=0)
    assert again.password_edit.text() == node.password and again.remember_check.isChecked()
    qtbot.mouseClick(again.remember_check, Qt.MouseButton.LeftButton)
    again.password_edit.setText("wrong")
    _run(qtbot, again)  # refused: what is stored stays
    assert recall_password(node.url, node.user) == node.password
    again.password_edit.setText(node.password)
    _run(qtbot, again)
    assert "brandingID now live" in again.status.text()
    assert "no longer stored" in again.status.text()
    assert recall_password(node.url, node.user) is None
    again.close()
    third = pane.open_deploy(backoff=0)
    assert third.password_edit.text() == "" and not third.remember_check.isChecked()
    third.close()


def test_a_remembered_password_is_not_sent_to_another_node_typed_in(
    qtbot, node: MockNode, example_project: Path
) -> None:
    """The dialog filled in the password remembered for the last node and user; typing another
    node's address (or user) kept it, masked, and the deploy sent it there."""
    pane, dialog = _open(qtbot, example_project)
    _fill(dialog, node, node.password)
    dialog.remember_check.setChecked(True)
    _run(qtbot, dialog)
    dialog.close()
    again = pane.open_deploy(backoff=0)
    again.activateWindow()
    qtbot.waitUntil(again.isActiveWindow)
    assert again.password_edit.text() == node.password
    again.node_edit.setFocus()
    again.node_edit.selectAll()
    qtbot.keyClicks(again.node_edit, "https://other.example.com")
    assert again.password_edit.text() == "" and not again.remember_check.isChecked()
    again.node_edit.selectAll()
    qtbot.keyClicks(again.node_edit, node.url)
    qtbot.keyClick(again.node_edit, Qt.Key.Key_Tab)  # done typing: the one remembered for it
    assert again.password_edit.text() == node.password and again.remember_check.isChecked()
    again.user_edit.setFocus()
    qtbot.keyClicks(again.user_edit, "2")
    assert again.password_edit.text() == ""
    qtbot.keyClick(again.user_edit, Qt.Key.Key_Backspace)
    qtbot.keyClick(again.user_edit, Qt.Key.Key_Tab)
    assert again.password_edit.text() == node.password
    again.password_edit.setText("typed by hand")
    qtbot.keyClicks(again.user_edit, "2")
    assert again.password_edit.text() == "typed by hand"  # the user's own typing stays
    again.close()


def test_a_node_that_does_not_answer_is_said_while_the_deploy_tries_again(
    qtbot, node: MockNode, example_project: Path
) -> None:
    """A silent node kept 'Exporting and uploading…' and a 0% bar on show through three timeouts
    (a minute and a half at the default 30 s), as if the dialog were stuck."""
    node.slow_seconds = 3.0
    node.fail_next("slow", "GET")
    node.fail_next("slow", "GET")
    pane = ExportPane()
    qtbot.addWidget(pane)
    pane.set_package(load(example_project))
    dialog = pane.open_deploy(backoff=0, timeout=0.5)
    _fill(dialog, node, node.password)
    dialog.deploy_button.click()
    qtbot.waitUntil(lambda: "did not answer" in dialog.status.text(), timeout=10000)
    assert "try 2 of 3" in dialog.status.text() and dialog.busy
    qtbot.waitUntil(lambda: "try 3 of 3" in dialog.status.text() or not dialog.busy, timeout=10000)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20000)
    assert "brandingID now live" in dialog.status.text()


def test_an_error_of_two_lines_under_a_field_is_not_cut(qtbot, node: MockNode, example_project: Path) -> None:
    """The name's error of two lines (the name taken by a Web App 3 customization) was drawn in
    one line's height, cut through the middle: the window did not grow for it."""
    node.add("Demo", webapp_type="webapp3")
    _, dialog = _open(qtbot, example_project)
    qtbot.waitExposed(dialog)
    _fill(dialog, node, node.password)
    _run(qtbot, dialog)
    error = dialog.field_errors["name"]
    assert error.isVisible() and error.heightForWidth(error.width()) > error.fontMetrics().height() * 1.5
    qtbot.waitUntil(lambda: error.height() >= error.heightForWidth(error.width()))
    assert dialog.status.height() >= dialog.status.heightForWidth(dialog.status.width())


def test_a_deploy_record_edited_outside_into_other_types_opens_the_dialog_with_what_is_text(
    qtbot, example_project: Path
) -> None:
    """state.json's deploy record with a number or a list where text belongs (edited or merged
    by another tool) made opening the Deploy dialog raise TypeError, and deploy crash."""
    import json

    folder = example_project / ".plugin-designer"
    folder.mkdir(exist_ok=True)
    record = {"node": 5, "name": ["x"], "user": "ops", "description": 7, "ca_bundle": None}
    (folder / "state.json").write_text(json.dumps({"version": 1, "deploy": record}))
    _, dialog = _open(qtbot, example_project)
    assert dialog.node_edit.text() == "" and dialog.name_edit.text() == "example"
    assert dialog.user_edit.text() == "ops" and dialog.description_edit.text() == ""


def test_no_empty_progress_bar_is_left_after_a_failed_or_cancelled_deploy(
    qtbot, node: MockNode, example_project: Path
) -> None:
    """After a refusal (or Cancel) a '0%' bar stayed above the message, as if the upload were
    about to go on."""
    _, dialog = _open(qtbot, example_project)
    _fill(dialog, node, "wrong")
    _run(qtbot, dialog)
    assert "refused" in dialog.status.text()
    assert not dialog.progress.isVisibleTo(dialog)
    node.slow_seconds = 3.0
    node.fail_next("slow", "GET")
    _fill(dialog, node, node.password)
    dialog.deploy_button.click()
    assert dialog.progress.isVisibleTo(dialog)
    dialog.close_button.click()
    assert "cancelled" in dialog.status.text() and not dialog.progress.isVisibleTo(dialog)
    from designer.gui.panes.deploy_dialog import DeployWorker

    qtbot.waitUntil(lambda: not DeployWorker.any_running(), timeout=15000)  # the node's late answer


def test_with_no_system_keyring_remember_is_off_and_says_why(qtbot, example_project: Path) -> None:
    """With no keyring on the computer the box was offered, ticked, and only after the deploy
    was the user told the password could not be stored."""
    import keyring.backends.fail

    keyring.set_keyring(keyring.backends.fail.Keyring())
    _, dialog = _open(qtbot, example_project)
    assert not dialog.remember_check.isEnabled() and not dialog.remember_check.isChecked()
    assert "no system keyring" in dialog.remember_check.toolTip()


def test_a_password_remembered_elsewhere_and_never_shown_is_not_forgotten(
    qtbot, node: MockNode, example_project: Path
) -> None:
    """(Goes with the unticked box forgetting.) The password typed before the node's address: the
    dialog never showed the one `deploy --remember` stored, and its unticked box is no wish to forget it."""
    from designer.core.deploy import remember_password

    remember_password(node.url, node.user, node.password)
    _, dialog = _open(qtbot, example_project)
    dialog.password_edit.setText(node.password)
    _fill(dialog, node, node.password)
    assert not dialog.remember_check.isChecked()
    _run(qtbot, dialog)
    assert "brandingID now live" in dialog.status.text()
    assert recall_password(node.url, node.user) == node.password


def test_cancel_while_a_new_customization_uploads_stops_it_and_leaves_nothing_on_the_node(
    qtbot, node: MockNode, example_project: Path
) -> None:
    """Cancel during the upload of a name new to the node was refused, 'Too late to cancel … Wait
    for it to finish', a slow node's whole timeout long. The node stores it after the Cancel: it is
    removed once the node has answered."""
    node.slow_seconds = 1.5
    node.fail_next("slow", "POST")
    _, dialog = _open(qtbot, example_project)
    _fill(dialog, node, node.password)
    before = (example_project / "webapp2" / "manifest.json").read_bytes()
    dialog.deploy_button.click()
    qtbot.waitUntil(lambda: dialog.cancel_token.staging and dialog.progress.value() == 100, timeout=10000)
    dialog.close_button.click()
    status = dialog.status.text()
    assert "Too late" not in status and "Cancelling" in status and "replaced" not in status
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20000)
    status = dialog.status.text()
    assert "Deploy cancelled" in status and "Demo&#x27; was not left on the node" in status
    assert node.store == {} and [u.fields["name"] for u in node.uploads] == ["Demo"]  # (stored, then removed)
    assert (example_project / "webapp2" / "manifest.json").read_bytes() == before


def test_a_refused_password_puts_the_keyboard_there_ready_to_retype(
    qtbot, node: MockNode, example_project: Path
) -> None:
    """After 'The user name or password was refused' the keyboard stayed on the Deploy button:
    a click into the field and deleting the old password came before typing the right one."""
    _, dialog = _open(qtbot, example_project)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    _fill(dialog, node, "wrong")
    _run(qtbot, dialog)
    assert dialog.password_edit.hasFocus() and dialog.password_edit.selectedText() == "wrong"
    qtbot.keyClicks(dialog.password_edit, node.password)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)  # the default button: Deploy
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20000)
    assert "brandingID now live" in dialog.status.text()


def test_a_first_deploy_with_no_description_keeps_the_nodes_as_the_cli_does(
    qtbot, node: MockNode, example_project: Path
) -> None:
    """Description left empty on the first deploy to a node whose 'Demo' has one (typed on the
    node): the dialog sent an empty one and wiped it, where `deploy` without --description keeps it."""
    node.add("Demo")["description"] = "Blue theme for the board rooms"
    _, dialog = _open(qtbot, example_project)
    assert dialog.description_edit.text() == "" and "node" in dialog.description_edit.placeholderText()
    _fill(dialog, node, node.password)
    _run(qtbot, dialog)
    assert "brandingID now live" in dialog.status.text()
    assert [r["description"] for r in node.store.values()] == ["Blue theme for the board rooms"]
    dialog.close()
    _, again = _open(qtbot, example_project)  # (remembered: shown, and cleared it is wiped)
    assert again.description_edit.text() == "Blue theme for the board rooms"
    _fill(again, node, node.password)
    again.description_edit.selectAll()
    qtbot.keyClick(again.description_edit, Qt.Key.Key_Delete)
    _run(qtbot, again)
    assert [r["description"] for r in node.store.values()] == [""]


def test_cancel_while_a_replace_only_uploads_beside_the_old_one_stops_it_and_removes_the_copy(
    qtbot, node: MockNode, example_project: Path
) -> None:
    """Cancel while the new package was uploaded beside the old one (still live, untouched) was
    refused, 'Too late to cancel', though stopping there was safe. The slow node stores the copy
    after the Cancel: it is removed once the node has answered, the old one left as it was."""
    old = node.add("Demo", data=b"the live branding")
    node.slow_seconds = 1.5
    node.fail_next("slow", "POST")
    _, dialog = _open(qtbot, example_project)
    _fill(dialog, node, node.password)
    before = (example_project / "webapp2" / "manifest.json").read_bytes()
    dialog.deploy_button.click()
    # (the copy all sent: half the bar, the node's slow answer to come)
    qtbot.waitUntil(lambda: dialog.cancel_token.staging and dialog.progress.value() == 50, timeout=10000)
    dialog.close_button.click()
    status = dialog.status.text()
    assert "Too late" not in status and "Cancelling" in status
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20000)
    status = dialog.status.text()
    assert "Deploy cancelled" in status and "as it was" in status and "could not be removed" not in status
    assert [(r["name"], r["uuid"]) for r in node.store.values()] == [("Demo", old["uuid"])]
    assert any(u.fields["name"].startswith("Demo (deploying ") for u in node.uploads)  # (it was stored, then removed)
    assert (example_project / "webapp2" / "manifest.json").read_bytes() == before
    assert dialog.close_button.text() == "Close" and dialog.deploy_button.isEnabled()


def test_a_description_remembered_for_one_customization_does_not_go_to_another(
    qtbot, node: MockNode, example_project: Path
) -> None:
    """The description remembered from deploying 'Demo' stayed in the field when the name was
    changed to 'Other', and overwrote the one 'Other' had on the node."""
    node.add("Other", uid="99999999-2222-3333-4444-555555555555")["description"] = "Lobby screens"
    _, dialog = _open(qtbot, example_project)
    _fill(dialog, node, node.password)
    dialog.description_edit.setText("Board rooms")
    _run(qtbot, dialog)
    dialog.close()
    _, again = _open(qtbot, example_project)
    assert again.description_edit.text() == "Board rooms"
    again.password_edit.setText(node.password)
    again.name_edit.selectAll()
    qtbot.keyClicks(again.name_edit, "Other")
    assert again.description_edit.text() == ""
    _run(qtbot, again)
    assert {r["name"]: r["description"] for r in node.store.values()}["Other"] == "Lobby screens"
    again.name_edit.selectAll()
    qtbot.keyClicks(again.name_edit, "Demo")  # (back: its own again)
    assert again.description_edit.text() == "Board rooms"


def test_cancel_once_the_old_customization_is_being_removed_says_it_is_too_late(
    qtbot, node: MockNode, example_project: Path
) -> None:
    node.add("Demo")
    node.slow_seconds = 1.5
    node.fail_next("slow", "DELETE")
    _, dialog = _open(qtbot, example_project)
    _fill(dialog, node, node.password)
    dialog.deploy_button.click()
    qtbot.waitUntil(lambda: dialog.cancel_token.replacing, timeout=10000)
    dialog.close_button.click()
    assert "Too late to cancel" in dialog.status.text() and "being replaced" in dialog.status.text()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20000)
    assert "Replaced" in dialog.status.text()


def test_a_deploy_live_on_the_node_with_the_zip_not_written_says_it_went_live_and_why_the_zip_did_not(
    qtbot, node: MockNode, example_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk after the upload was said in red as a failure, though the package was live."""
    import errno

    import designer.core.deploy as deploy_module

    def disk_full(*args: object, **kw: object) -> object:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(deploy_module, "write_export", disk_full)
    pane, dialog = _open(qtbot, example_project)
    _fill(dialog, node, node.password)
    with qtbot.waitSignal(pane.sig_deployed, timeout=20000):
        dialog.deploy_button.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20000)
    assert "Created 'Demo'" in dialog.status.text() and "No space left on device" in dialog.status.text()
    assert "is live" in pane.status.text() and "could not be written" in pane.status.text()
    assert [r["name"] for r in node.store.values()] == ["Demo"]
    dialog.close()


def test_cancel_during_an_upload_to_a_silent_node_waits_one_timeout_at_most_and_says_what_is_left(
    qtbot, node: MockNode, example_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cancel while a silent node was to answer the copy's upload sat on 'Cancelling…' for the
    upload's timeout, then each request of the clean-up had a whole timeout of its own again (the
    lookup, the removal, the question whether the copy was there): minutes on a bad day."""
    import time

    import httpx

    node.add("Demo", data=b"the live branding")
    node.slow_seconds = 5
    node.fail_next("slow", "POST")
    node.fail_next("slow", "DELETE")
    sent: list[tuple[float, str, float]] = []  # (when, method, how long it may wait for the answer)
    real_send = httpx.Client.send

    def send(self: httpx.Client, request: httpx.Request, **kw: object) -> httpx.Response:
        sent.append((time.monotonic(), request.method, request.extensions["timeout"]["read"]))
        return real_send(self, request, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(httpx.Client, "send", send)
    pane = ExportPane()
    qtbot.addWidget(pane)
    pane.set_package(load(example_project))
    dialog = pane.open_deploy(backoff=0, timeout=1.5)
    _fill(dialog, node, node.password)
    dialog.deploy_button.click()
    qtbot.waitUntil(lambda: dialog.cancel_token.staging and dialog.progress.value() == 50, timeout=10000)
    cancelled_at = time.monotonic()
    dialog.close_button.click()
    assert "Cancelling" in dialog.status.text() and "1.5 seconds" in dialog.status.text()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20000)
    after = [(when, method, wait) for when, method, wait in sent if when > cancelled_at]
    # (each may wait what was left of the one timeout when it was asked, a moment before it went:
    # the margin is for that moment and the click on a loaded machine, half a request's timeout)
    assert all(when + wait <= cancelled_at + 1.5 + 0.75 for when, _, wait in after), after
    status = dialog.status.text()
    assert "Deploy cancelled" in status and "as it was" in status and "could not be removed" in status


def test_cancelling_within_one_second_is_said_in_the_singular(qtbot, node: MockNode, example_project: Path) -> None:
    """'removed (within 1 seconds)' with a timeout of one second."""
    node.add("Demo", data=b"the live branding")
    node.fail_next("slow", "POST")
    pane = ExportPane()
    qtbot.addWidget(pane)
    pane.set_package(load(example_project))
    dialog = pane.open_deploy(backoff=0, timeout=1)
    _fill(dialog, node, node.password)
    dialog.deploy_button.click()
    qtbot.waitUntil(lambda: dialog.cancel_token.staging and dialog.progress.value() == 50, timeout=10000)
    dialog.close_button.click()
    assert "(within 1 second)" in dialog.status.text()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20000)


def test_a_trying_again_said_while_the_old_one_was_removed_gives_way_once_the_upload_goes_on(
    qtbot, node: MockNode, example_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """'The Management Node did not answer in time; trying again (try 2 of 3)…', said while the old
    customization was removed, stayed on show through the upload under the name, till the end."""
    node.add("Demo", data=b"the live branding")
    node.slow_seconds = 1.5
    node.fail_next("slow", "DELETE")
    pane = ExportPane()
    qtbot.addWidget(pane)
    pane.set_package(load(example_project))
    dialog = pane.open_deploy(backoff=0, timeout=1)
    said: list[str] = []
    real = dialog._set_status
    monkeypatch.setattr(dialog, "_set_status", lambda text, tone="": (said.append(text), real(text, tone)))
    _fill(dialog, node, node.password)
    _run(qtbot, dialog)
    assert "Replaced" in said[-1]
    retried = max(i for i, text in enumerate(said) if "trying again" in text)
    assert any("Uploading" in text for text in said[retried:-1])


def test_a_cancel_that_leaves_a_copy_on_the_node_to_delete_is_shown_as_a_warning(
    qtbot, node: MockNode, example_project: Path
) -> None:
    """Cancel during a replace on a node slow to answer the removal of the copy said 'could not
    be removed: delete it on the node' in the normal colour, as a cancel that left nothing."""
    from designer.gui.tones import text_colour

    node.add("Demo", data=b"the live branding")
    node.slow_seconds = 3
    node.fail_next("slow", "POST")
    node.fail_next("slow", "DELETE")
    pane = ExportPane()
    qtbot.addWidget(pane)
    pane.set_package(load(example_project))
    dialog = pane.open_deploy(backoff=0, timeout=1)
    _fill(dialog, node, node.password)
    dialog.deploy_button.click()
    qtbot.waitUntil(lambda: dialog.cancel_token.staging and dialog.progress.value() == 50, timeout=10000)
    dialog.close_button.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20000)
    assert "Deploy cancelled" in dialog.status.text() and "could not be removed" in dialog.status.text()
    assert text_colour("warn", dialog.palette()) in dialog.status.styleSheet()
