"""Undo commands: the one place where the GUI changes the model.

Why snapshots rather than hand-written inverses: edits range from one label to a one-click fix
that rebuilds the whole settings list. Taking a copy of the model's editable parts before and
after an edit makes every command exactly reversible with one mechanism, and a package of
twenty plugins copies in about a millisecond. Panes never keep model objects across a command;
they re-read the model when :attr:`ModelEditor.sig_changed` fires.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication, QWidget

from ..core.files import SETTLED_NS
from ..core.jsonfile import JsonDocument
from ..core.jstext import one_line, shortened
from ..core.model import (
    BrandingPackage,
    Manifest,
    Plugin,
    Settings,
    bytes_text,
    model_copy,
    modelled_names,
    text_bytes,
)
from ..core.problems import Problem

__all__ = ["ModelEditor", "SnapshotCommand", "TextCommand"]


@dataclass
class _Snapshot:
    settings: Settings | None
    manifest: Manifest | None
    plugins: list[Plugin]
    pending_texts: dict[str, str]
    # The JSON documents a save splices into, shared (not copied): a fix that removes a name
    # written twice replaces one, and undo must put the old one (with the copy) back.
    docs: dict[str, JsonDocument]
    # The files that could not be read (PD100, PD103): a fix that repairs one reads it in place,
    # and undo must make it unreadable again, or the model would have no settings and no problem.
    load_problems: list[Problem]


def _disk_text(pkg: BrandingPackage, rel: str) -> str | None:
    """The file as it is on disk (what undo after a save writes back), None when there is none
    (undo then deletes it) — also when another program deleted it since the package was opened."""
    if not pkg.files.exists(rel):
        return None
    try:
        return bytes_text(pkg.files.read_bytes(rel))
    except FileNotFoundError:
        return None


def _take(pkg: BrandingPackage) -> _Snapshot:
    return _Snapshot(
        model_copy(pkg.settings),
        model_copy(pkg.manifest),
        model_copy(pkg.plugins),
        dict(pkg.pending_texts),
        dict(pkg.docs),
        list(pkg.load_problems),
    )


def _same(a: object, b: object) -> bool:
    """Whether two copies of model parts hold the same values. Why not ``==``: the model's
    dataclasses compare by identity (eq=False), and a snapshot is always a fresh copy. Key order
    counts (it is the order a save writes); anything not understood here counts as different."""
    if a is b:
        return True
    if type(a) is not type(b):
        return False
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, (str, int, float, bool, type(None))):
        return a == b
    if hasattr(a, "__dict__") and not isinstance(a, type):
        return _same(vars(a), vars(b))
    return False


def _same_snapshot(a: _Snapshot, b: _Snapshot) -> bool:
    """Whether undoing from ``b`` to ``a`` would change nothing (the JSON documents are shared,
    not copied: the same one, or not the same)."""
    return (
        a.docs.keys() == b.docs.keys()
        and all(a.docs[k] is b.docs[k] for k in a.docs)
        and a.pending_texts == b.pending_texts  # (texts or None; their order means nothing)
        and a.load_problems == b.load_problems
        and _same(a.settings, b.settings)
        and _same(a.manifest, b.manifest)
        and _same(a.plugins, b.plugins)
    )


# A value quoted in a step's name: opened after a space, a "(" or at the start, closed before a space,
# a punctuation mark or the end, so that the apostrophe of "Bob's tool" is not taken for its end.
_QUOTED = re.compile(r"(?<![^\s(])'(.+?)'(?=$|[\s),.:;])")


def _step_name(text: str) -> str:
    """A step's name on one line. Why: Qt keeps what follows a line break in a step's name as Edit ▸
    Undo's words (and what precedes it for Undo History), so a label that held one ("Meeting\\n
    information", from the file or pasted) made the menu read "Undo information' to 'Info'".

    Each quoted value is cut to 40 characters, its start and end kept: a name, id or label of a
    thousand letters (a paragraph pasted by mistake) made Edit ▸ Undo an item a thousand letters wide.
    """
    return _QUOTED.sub(lambda m: f"'{shortened(m.group(1), 40)}'", one_line(text))


def _restore(pkg: BrandingPackage, snap: _Snapshot) -> None:
    # Copies again so a later edit cannot reach into the stored snapshot.
    pkg.settings = model_copy(snap.settings)
    pkg.manifest = model_copy(snap.manifest)
    pkg.plugins = model_copy(snap.plugins)
    pkg.pending_texts = dict(snap.pending_texts)
    pkg.docs.update(snap.docs)  # (one made later, by a save, stays: it is the file as written)
    pkg.load_problems[:] = snap.load_problems


class SnapshotCommand(QUndoCommand):
    """Runs ``mutate`` once; undo and redo swap whole snapshots of the editable model.

    ``merge_key`` lets consecutive edits of one text field (typing a label letter by letter)
    become one undo step, as in every text editor. ``{subject}`` in ``text`` is replaced by
    ``subject`` as it was before the first of the merged edits, so typing a new name reads
    "Change name of 'Old' to 'New'", not "of 'Ne' to 'New'".
    """

    _ID = 1001

    def __init__(
        self,
        editor: ModelEditor,
        text: str,
        mutate: Callable[[BrandingPackage], Any],
        merge_key: str | None = None,
        subject: str = "",
        named_by_result: bool = False,
    ) -> None:
        super().__init__(_step_name(text.replace("{subject}", subject)))
        self._named_by_result = named_by_result
        self._template = text
        self._subject = subject
        self._editor = editor
        self._mutate = mutate
        self._merge_key = merge_key
        self._run = editor.focus_run
        self._before: _Snapshot | None = None
        self._after: _Snapshot | None = None

    def id(self) -> int:  # noqa: A003 - Qt's name
        return self._ID if self._merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if (
            not isinstance(other, SnapshotCommand)
            or other._merge_key != self._merge_key
            or other._run != self._run
            or other._after is None
        ):
            return False
        self._after = other._after
        # A file the later edit was first to touch is, before this step, as that edit found it.
        assert self._before is not None and other._before is not None
        for rel, text in other._before.pending_texts.items():
            self._before.pending_texts.setdefault(rel, text)
        self._template = other._template
        self.setText(_step_name(self._template.replace("{subject}", self._subject)))
        # Typed and taken back ("a", then Backspace): a step that changes nothing leaves the stack
        # (and a package that was saved is clean again) instead of offering to undo nothing.
        self.setObsolete(_same_snapshot(self._before, self._after))
        return True

    def redo(self) -> None:
        pkg = self._editor.package
        if self._after is None:
            self._before = _take(pkg)
            modelled_before = pkg.modelled_files()
            try:
                result = self._mutate(pkg)
            except Exception as exc:  # noqa: BLE001 - handed to ModelEditor.edit, which raises it
                # Nothing happened: the model goes back as it was and the stack drops the command
                # (obsolete), instead of keeping an undo step that undoes nothing.
                _restore(pkg, self._before)
                self.setObsolete(True)
                self._editor._failure = exc
                return
            self._after = _take(pkg)
            if self._named_by_result and isinstance(result, str) and result:
                self.setText(_step_name(result))  # (before the stack tells the Undo action its name)
            # A JSON file the command brings into the model (a created settings.json) is a new
            # file too: undo after a save must delete it again.
            for rel in pkg.modelled_files() - modelled_before:
                if rel not in self._before.pending_texts and not pkg.files.exists(rel):
                    self._before.pending_texts[rel] = None
            # A text edit (an SVG fix) must be undoable after a save too: remember the text as
            # it is on disk, so undo writes it back instead of merely forgetting the change.
            # The same for added and removed files: undo after a save deletes what the command
            # created (None) and writes back what it removed, byte for byte.
            for rel in self._after.pending_texts.keys() - self._before.pending_texts.keys():
                self._before.pending_texts[rel] = _disk_text(pkg, rel)
                self._editor.disk_base.setdefault(rel, self._before.pending_texts[rel])
        else:
            self._editor.sig_stepping.emit(self, True)
            _restore(pkg, self._after)
        self._editor.sig_changed.emit()

    def undo(self) -> None:
        assert self._before is not None
        self._editor.sig_stepping.emit(self, False)
        _restore(self._editor.package, self._before)
        self._editor.sig_changed.emit()

    def rebase(self, before_save: dict[str, str | None]) -> None:
        """After a save: spell out the files the save changed, as they were before it.

        A snapshot that has no pending text for a file means "as on disk"; once a save has
        written (or trashed) that file, "on disk" is something else, and undoing back to the
        snapshot would keep the saved version. Each of these files therefore gets its old text
        (None: it did not exist) in every snapshot that does not already say what it is, unless
        the snapshot writes it from its model (settings.json, manifest.json, package files).
        """
        for snap in (self._before, self._after):
            if snap is None:
                continue
            modelled = modelled_names(snap.plugins, snap.settings, snap.manifest)
            for rel, text in before_save.items():
                if rel not in snap.pending_texts and rel not in modelled:
                    snap.pending_texts[rel] = text

    def keep_upload_number(self, branding_id: Any) -> None:
        """After an export: both snapshots hold the brandingID the export wrote (and
        ``isSettingsBranded: true``), so undoing or redoing this step leaves them as exported.

        Why: the brandingID is the number of the upload the export just made, not something the
        user did. Undo is for the user's own edits; rolling the number back to the previous
        upload's would put that number into manifest.json at the next save, where it no longer
        says which upload the project holds, and a ZIP made from the folder by hand would carry a
        number the clients have cached already. (The export's record keeps the next Export's
        number higher either way.)
        """
        for snap in (self._before, self._after):
            if snap is not None and snap.manifest is not None:
                snap.manifest.branding_id = branding_id
                snap.manifest.is_settings_branded = True


class TextCommand(QUndoCommand):
    """One file's new text: what typing in the source editor pushes, keystroke after keystroke.

    Why not a :class:`SnapshotCommand`: a keystroke changes one entry of ``pending_texts``, and
    copying the whole model twice for it cost more than the keystroke itself. This command keeps
    the file's text before and after, with the same rule for undo after a save: a file that had
    no unsaved text is remembered as it is on disk (or as absent, None), so undo writes it back.
    Consecutive commands of one ``merge_key`` become one undo step.
    """

    _ID = 1002

    def __init__(self, editor: ModelEditor, text: str, rel: str, new_text: str, merge_key: str | None) -> None:
        super().__init__(text)
        self._editor = editor
        self._rel = rel
        self._after = new_text
        self._merge_key = merge_key
        self._run = editor.focus_run
        self._before: str | None = None
        self._first = True

    @property
    def rel(self) -> str:
        """The file this step changes (relative to webapp2/)."""
        return self._rel

    def id(self) -> int:  # noqa: A003 - Qt's name
        return self._ID if self._merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, TextCommand) or not self.takes(other._rel, other._merge_key, other._run):
            return False
        self._after = other._after
        self.setObsolete(self.unchanged())  # typed and taken back: the stack drops the step
        return True

    def unchanged(self) -> bool:
        """Whether the file's text after this step is what it was before (the typing taken back)."""
        return not self._first and self._after == self._before

    def takes(self, rel: str, merge_key: str | None, run: int) -> bool:
        """Whether an edit of ``rel`` with ``merge_key``, made in focus run ``run``, would merge into
        this one (see :meth:`mergeWith` and :attr:`ModelEditor.focus_run`)."""
        return merge_key is not None and merge_key == self._merge_key and rel == self._rel and run == self._run

    def following(self, fetch: Callable[[], str]) -> Callable[[], str]:
        """``fetch``, also keeping what it gives as this step's new text (see :meth:`ModelEditor.follow_typing`)."""

        def take() -> str:
            self._after = fetch()
            return self._after

        return take

    def amend(self, text: str) -> None:
        """End this step with ``text`` instead, as if the typing had written it (see
        :meth:`ModelEditor.amend_typing`)."""
        self._after = text
        self._editor.package.pending_texts[self._rel] = text
        self._editor.sig_changed.emit()

    def redo(self) -> None:
        pkg = self._editor.package
        if self._first:
            self._first = False
            if self._rel in pkg.pending_texts:
                self._before = pkg.pending_texts[self._rel]
            else:
                self._before = _disk_text(pkg, self._rel)
                self._editor.disk_base.setdefault(self._rel, self._before)
        else:
            # (as a SnapshotCommand's: the window goes to the file it changes, see MainWindow._stepping)
            self._editor.sig_stepping.emit(self, True)
        pkg.pending_texts[self._rel] = self._after
        self._editor.sig_changed.emit()

    def undo(self) -> None:
        self._editor.sig_stepping.emit(self, False)
        self._editor.package.pending_texts[self._rel] = self._before
        self._editor.sig_changed.emit()


class ModelEditor(QObject):
    """The package being edited plus its undo stack; panes call :meth:`edit` and listen.

    ``sig_changed`` fires after every edit, undo and redo, so the problems list, the tree and
    the forms all show the same model.
    """

    sig_changed = Signal()
    # (command, True for a redo / False for an undo), just before a step is undone or redone:
    # the window notes what is on show then, while the panes still show it.
    sig_stepping = Signal(object, bool)

    def __init__(self, package: BrandingPackage, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.package = package
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._take_typing)
        self.undo_stack.indexChanged.connect(self._take_typing)
        self._failure: Exception | None = None  # what the last edit's mutate raised
        # Counts the keyboard's moves from one widget to another: edits merge into one undo step
        # only within one run. Why: typing in a field, going elsewhere and coming back to type
        # more was one step with the first typing, and Ctrl+Z took both away.
        self.focus_run = 0
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)
        # Each file with unsaved text, as it was on disk when the designer started changing it
        # (None: absent): another program's change since then is not overwritten unasked. The
        # files the forms write (settings.json, manifest.json, package files) are taken as read.
        self.disk_base: dict[str, str | None] = {}
        # Each file last found as its disk base says: that base and the file's signature then (see
        # _differs_from_base).
        self._same_as_base: dict[str, tuple[str | None, tuple[int, ...]]] = {}
        self._remember_modelled()

    def edit(
        self,
        text: str,
        mutate: Callable[[BrandingPackage], Any],
        merge_key: str | None = None,
        subject: str = "",
        named_by_result: bool = False,
    ) -> None:
        """Run ``mutate`` as one undoable step; if it raises, the model and the stack stay as they were
        and the exception reaches the caller. ``named_by_result``: the text ``mutate`` returns, when
        it returns one, names the step instead of ``text`` (a fix says what it did only once done)."""
        self._failure = None
        self.drop_unchanged_typing()
        self.undo_stack.push(SnapshotCommand(self, text, mutate, merge_key, subject, named_by_result))
        failure, self._failure = self._failure, None
        if failure is not None:
            raise failure

    def save(self, keep: Collection[str] = ()) -> list[str]:
        """Save the package (the core's fidelity-preserving save) and keep every undo step able to
        go back past it (see :meth:`SnapshotCommand.rebase`). Returns the paths written/trashed.
        ``keep``: files left as they are on disk (see :meth:`not_edited_here`)."""
        from ..core.model import save

        before = self.texts_a_save_changes(keep)
        written = save(self.package, keep)
        self._saved_over(before)
        return written

    def texts_a_save_changes(self, keep: Collection[str] = ()) -> dict[str, str | None]:
        """The files a save would write or trash, each as it is on disk now (None: absent)."""
        from ..core.model import pending_deletes, pending_writes

        pkg = self.package
        touched = (set(pending_writes(pkg)) - set(keep)) | set(pending_deletes(pkg))
        return {rel: _disk_text(pkg, rel) for rel in touched}

    def go_on_in(self, package: BrandingPackage, before: dict[str, str | None]) -> None:
        """Save As wrote the package into a new folder, opened there as ``package``: the undo steps
        go on in it, as after a save. ``before``: :meth:`texts_a_save_changes` before it was written.

        Why: the window made a new stack for the new folder, and Ctrl+Z could no longer take back
        anything done before the Save As, not even the last edit."""
        self.package = package
        self._saved_over(before)
        self.undo_stack.setClean()

    def took_export(self, result: Any, before: dict[str, str | None]) -> None:
        """An export (``result``, an ``ExportResult``) wrote the package into its project: the model
        takes what it wrote, every undo step goes on past it as past a save and keeps the new
        brandingID (see :meth:`SnapshotCommand.keep_upload_number`), and the stack is clean.
        ``before``: :meth:`texts_a_save_changes` just before the export.

        Why not read the project again: that dropped the undo history (the README promises Undo
        goes on past a save), the selection, the file on show and its scroll position.
        """
        from ..core.export import take_export

        self.package.take_deferred()
        take_export(result)
        for i in range(self.undo_stack.count()):
            command = self.undo_stack.command(i)
            if isinstance(command, SnapshotCommand):
                command.keep_upload_number(result.branding_id)
        self._saved_over(before)
        self.undo_stack.setClean()

    def _saved_over(self, before: dict[str, str | None]) -> None:
        self.disk_base.clear()
        self._same_as_base.clear()  # (each holds a base text no longer needed)
        self._remember_modelled()
        for i in range(self.undo_stack.count()):
            command = self.undo_stack.command(i)
            if isinstance(command, SnapshotCommand):
                command.rebase(before)

    def _remember_modelled(self) -> None:
        for rel in self.package.modelled_files():
            self.disk_base.setdefault(rel, _disk_text(self.package, rel))

    def changed_elsewhere(self, rels: list[str]) -> list[str]:
        """The files with unsaved text here that another program has rewritten since. (One it
        deleted is not: the unsaved version is kept and saving writes it again, as the status says.)"""
        return sorted(rel for rel in rels if rel in self.disk_base and self._differs_from_base(rel))

    def gone_elsewhere(self, rels: list[str]) -> list[str]:
        """The files of ``rels`` this window read that are no longer there as files: another program
        deleted or moved them (their folder with them), or put a folder or a link in their place.
        [] for a ZIP opened read-only, which no other program changes under the window."""
        files = self.package.files
        if not files.writable:
            return []
        return sorted(rel for rel in rels if self.disk_base.get(rel) is not None and files.signature(rel) is None)

    def _differs_from_base(self, rel: str) -> bool:
        """Whether another program rewrote ``rel`` since its disk base was read; not read again when
        its signature (inode, size, times) is the one it had when last found the same.

        Why: coming back to the window asks this of every file the forms write, and a project of
        80 plugins read 82 files each time (a dialog closed, another window left)."""
        base = self.disk_base[rel]
        signature = self.package.files.signature(rel)
        same = self._same_as_base.get(rel)
        if signature is not None and same is not None and same[0] is base and same[1] == signature:
            return False
        looked = time.time_ns()  # (before the read: a write after it is stamped later than this)
        now = _disk_text(self.package, rel)
        if now is not None and now != base:
            return True
        if now is not None and signature is not None and max(signature[-2:]) + SETTLED_NS <= looked:
            self._same_as_base[rel] = (base, signature)
        return False

    def not_edited_here(self, rel: str, data: bytes | None) -> bool:
        """Whether ``data``, what a save would write into ``rel`` (None: trash it), is the file as
        this window read it: the user changed nothing of it here (an edit taken back counts as none).

        Why: Save anyway wrote such a file too, putting the window's older copy back over another
        program's change to a file the user never touched here."""
        base = self.disk_base.get(rel)
        return data is not None and base is not None and text_bytes(base) == data

    def accept_disk(self, rel: str) -> None:
        """The user keeps their version of ``rel`` over another program's: do not ask again."""
        self.disk_base[rel] = _disk_text(self.package, rel)

    def edit_text(self, text: str, rel: str, new_text: str, merge_key: str | None = None) -> None:
        """Set the text of one file (see :class:`TextCommand`); cheaper than :meth:`edit`."""
        self.drop_unchanged_typing()
        self.undo_stack.push(TextCommand(self, text, rel, new_text, merge_key))

    def follow_typing(self, rel: str, fetch: Callable[[], str], merge_key: str) -> bool:
        """One more keystroke of the typing the last step holds: the step and the model take the
        text from ``fetch`` only when something reads the model (see
        :meth:`BrandingPackage.defer_text`). False, with nothing done, when the keystroke would
        not merge into the last step (the caller pushes it with :meth:`edit_text`).

        Why: :meth:`edit_text` needs the whole text on every keystroke, which in a 10,000-line
        file cost ten times the keystroke itself. The conditions are those under which the
        stack merges (:meth:`TextCommand.mergeWith`): the step is the last one, not undone, and
        not the saved state (typing after a save is a step of its own). The stack and the model
        read the deferred text in before anything changes those (see ``_take_typing``).
        """
        top = self._open_top()
        if not isinstance(top, TextCommand) or not top.takes(rel, merge_key, self.focus_run):
            return False
        self.package.defer_text(rel, top.following(fetch))
        self.sig_changed.emit()
        return True

    def amend_typing(self, rel: str, typed: str, text: str) -> bool:
        """The last step is the typing that made ``rel`` read ``typed``: make it end with ``text``
        instead, in the same step. False, with nothing done, when it is not (an undo, a save since,
        another file, a change from outside).

        Why: an XML edit of a cut-out shape in the icon editor brings its copy in the mask along
        (svgedit.follow_cut_outs); in the typing's own step, Ctrl+Z takes back both, as it does
        a canvas edit and its hole.
        """
        top = self._open_top()
        if not isinstance(top, TextCommand) or top._rel != rel:
            return False
        self.package.take_deferred()
        if top._after != typed:
            return False
        top.amend(text)
        return True

    def drop_unchanged_typing(self) -> None:
        """Typing that has come back to the text it started from ("a", then Backspace in the code)
        leaves the stack, and a saved package is clean again. Why here and not at each keystroke:
        the keystrokes of a run of typing do not read the text (see :meth:`follow_typing`); the
        window calls this when the typing pauses, when the text is read anyway. And before each
        new step: typing taken back and then followed at once by more elsewhere (after an arrow
        key, another field) left the step that changed nothing under the new one for good."""
        top = self._open_top()  # (not the saved step: dropping it would leave no clean state)
        if isinstance(top, TextCommand):
            self.package.take_deferred()
            if top.unchanged():
                top.setObsolete(True)
                self.undo_stack.undo()  # (an obsolete step is removed, not undone: the model is as it is)

    def _open_top(self) -> QUndoCommand | None:
        """The last step, when typing may still go on in it: not undone, and not the saved state
        (typing after a save is a step of its own); None otherwise (see :meth:`follow_typing`)."""
        stack = self.undo_stack
        index = stack.index()
        if index == 0 or index != stack.count() or index == stack.cleanIndex():
            return None
        return stack.command(index - 1)

    def _focus_moved(self, old: QWidget | None, new: QWidget | None) -> None:
        """The keyboard went from one widget to another: the next edit starts a new undo step.
        (Not when the window merely loses and regains the keyboard: the typing goes on.)"""
        if old is not None and new is not None:
            self.focus_run += 1
            self.package.take_deferred()  # the typing so far, before the editor's text changes again

    def _take_typing(self, *_signal_args: object) -> None:
        """The stack moved or was saved: a step that follows the typing gets its text now, as it
        is before the next keystroke (one after a save must not slip into the saved step)."""
        self.package.take_deferred()

    def set_field(self, plugin_index: int, target: str, attr: str, value: Any, text: str, merge: bool = False) -> None:
        """Set ``attr`` of a plugin's ``package`` or settings ``entry``; no-op when unchanged.

        ``{subject}`` in ``text`` stands for the plugin's name before the edit.
        """

        def obj(pkg: BrandingPackage) -> Any:
            plugin = pkg.plugins[plugin_index]
            return plugin.package if target == "package" else plugin.entry

        if getattr(obj(self.package), attr) == value and type(getattr(obj(self.package), attr)) is type(value):
            return
        key = f"{plugin_index}/{target}/{attr}" if merge else None
        subject = self.package.plugins[plugin_index].display_name
        self.edit(text, lambda pkg: setattr(obj(pkg), attr, value), key, subject)
