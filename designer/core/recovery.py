"""Crash recovery: unsaved edits copied aside now and then, offered back after a crash.

Why in the user's data folder and not in the project: the project may be on a read-only share
or under version control, and a recovery file is about this person's unfinished work. Why the
*files* that would be written rather than the undo history: they are what the user would lose,
they restore without any of the designer's internal state, and they are readable by hand.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .files import DirFiles, PackageFiles, atomic_write
from .model import BrandingPackage, bytes_text, load, pending_deletes, pending_writes, text_bytes

__all__ = [
    "BegunSave",
    "DamagedRecovery",
    "Recovery",
    "Typing",
    "begun_save",
    "crash_copies_beside",
    "crash_copy_of",
    "discard_kept",
    "discard_recovery",
    "orphaned_recoveries",
    "put_aside_discarded",
    "put_back_begun_save",
    "read_recovery",
    "recovered_package",
    "recovery_dir",
    "running_keeper",
    "write_recovery",
]

FORMAT = 1
# A copy rewritten this recently by a designer process still running belongs to that window: the
# autosave rewrites it every 30 seconds while there are unsaved edits.
FRESH_SECONDS = 90
# Damaged copies moved aside (see _put_aside) kept at most: enough to look into the last few, not
# enough to fill the disk when something damages every copy.
KEEP_DAMAGED = 5
DAMAGED_SUFFIX = ".damaged"
# A copy discarded while the project was half written by a save cut short (see put_aside_discarded).
DISCARDED_SUFFIX = ".discarded"
# When this process began keeping copies (every copy of its own is kept after this module loads).
_STARTED = time.time()


def recovery_dir() -> Path:
    """``<user data>/plugin-designer/recovery`` (platformdirs picks the OS's place)."""
    from .resources import user_data

    return user_data() / "recovery"


def _file_for(root: Path) -> Path:
    from .digest import sha256  # not hashlib's: opening a package would load OpenSSL (3 MiB) for it

    # os.fsencode: the path's own bytes. A folder name that is not UTF-8 (made on another system,
    # unpacked from an old archive) failed to encode, and every autosave of that project crashed.
    key = sha256(os.fsencode(root.resolve())).hexdigest()[:20]
    return recovery_dir() / f"{key}.json"


@dataclass(frozen=True)
class Typing:
    """Text being typed in the plugin form's Id field or a menu item's Action field, not recorded
    in the package yet (those fields record their value when left, so that a half-typed id is
    never renamed into the source).

    Why kept with the recovery copy: a crash while typing lost it, being in no file; it is
    offered back in its field, still unrecorded, and checked only when the field is left."""

    field: str  # "id" or "action"
    plugin: int  # the plugin's index in settings.json
    text: str
    row: int | None = None  # the menu item, for "action"

    def to_json(self) -> dict[str, object]:
        return {"field": self.field, "plugin": self.plugin, "row": self.row, "text": self.text}

    @staticmethod
    def from_json(data: object) -> Typing | None:
        """None for anything but what :meth:`to_json` writes (a damaged or hand-made file)."""
        if not isinstance(data, dict):
            return None
        field, plugin, row, text = data.get("field"), data.get("plugin"), data.get("row"), data.get("text")

        def index(n: object) -> bool:
            return isinstance(n, int) and not isinstance(n, bool) and 0 <= n < 100_000

        if field not in ("id", "action") or not index(plugin) or not isinstance(text, str) or len(text) > 10_000:
            return None
        if (field == "action") != index(row):
            return None
        return Typing(field, plugin, text, row if field == "action" else None)  # type: ignore[arg-type]


@dataclass
class Recovery:
    """What a recovery file holds: the package folder, when, and the files as they would be saved."""

    root: Path
    saved_at: float
    writes: dict[str, bytes]
    deletes: list[str]
    moved_from: Path | None = None  # where the package was when the copy was kept, if moved since
    pid: int | None = None  # the designer process that kept it
    typing: Typing | None = None  # text typed in a field that records it only when left
    names: list[str] | None = None  # every file of the package as edited then (None: not kept, an older copy)
    path: Path | None = None  # the recovery file itself
    base: dict[str, str] | None = None  # the fingerprint of each file as on disk when kept (see _base)

    @property
    def kept_by_running_designer(self) -> int | None:
        """The id of another designer process, still running, whose unsaved edits these are (None:
        this process's own, or one that ended without saving them: a crash)."""
        return _running_owner(self.pid, self.saved_at)

    @property
    def when(self) -> str:
        return time.strftime("%Y-%m-%d %H:%M", time.localtime(self.saved_at))

    def changed_since(self) -> list[str]:
        """The files the recovery would write or delete that changed on disk after it was kept
        (another program, another copy of the designer): restoring replaces those changes.

        A file that now holds the very bytes kept is no such change: a save killed half way had
        written it (it was named as another program's work, which restoring would write over). Nor
        is one that holds the version the copy was edited from: the designer put it back so (see
        put_back_begun_save), and restoring loses nothing of anyone's."""
        out = []
        for rel in (*self.writes, *self.deletes):
            path = self.root / rel
            try:
                if path.stat().st_mtime > self.saved_at + 1 and not self._holds_kept(rel) and not self._holds_base(rel):
                    out.append(rel)
            except OSError:
                continue
        return sorted(out)

    def unsaved(self) -> Recovery:
        """This copy without what the package folder holds already: the files on disk with the kept
        bytes, the deletions of files gone.

        Why: a designer killed after its save had written the files, before it removed the copy
        (or a power cut that kept the files and not the removal), was said at the next start to
        have "closed without saving changes", and the window was marked changed with nothing to save."""
        writes = {rel: data for rel, data in self.writes.items() if not self._holds_kept_safely(rel)}
        deletes = [rel for rel in self.deletes if os.path.lexists(self.root / rel)]
        return replace(self, writes=writes, deletes=deletes)

    def _holds_kept_safely(self, rel: str) -> bool:
        """:meth:`_holds_kept`, False where the file cannot be read (restored, then, as before)."""
        try:
            return self._holds_kept(rel)
        except OSError:
            return False

    def _holds_base(self, rel: str) -> bool:
        """Whether the file ``rel`` on disk is the version this copy's edits were made from (see _base)."""
        fingerprint = (self.base or {}).get(rel)
        path = self.root / rel
        return fingerprint is not None and _regular_file(path) and _fingerprint(path.read_bytes()) == fingerprint

    def _holds_kept(self, rel: str) -> bool:
        """Whether the file ``rel`` on disk holds the bytes this copy keeps for it."""
        kept = self.writes.get(rel)
        path = self.root / rel
        if kept is None or not _regular_file(path) or path.stat().st_size != len(kept):
            return False  # (the size first: a big file that differs is not read whole)
        return path.read_bytes() == kept


@dataclass(frozen=True)
class BegunSave:
    """What a save killed half way had done of the recovery copy's edits (see :func:`begun_save`)."""

    written: list[str]  # the files that hold the copy's bytes already (and the deletions done)
    # The version before that save of each written file found: its bytes, or None for a file the
    # save made (there was none). A written file missing here has no such version left.
    before: dict[str, bytes | None]
    writer: int | None = None  # the process of that save (gone: its copy was left by a crash)
    folders: tuple[str, ...] = ()  # the folders that save wrote into (its temporary files are there)

    @property
    def cannot_put_back(self) -> list[str]:
        return [rel for rel in self.written if rel not in self.before]


def begun_save(kept: Recovery, left: Recovery) -> BegunSave:
    """The files of the copy ``kept`` that a save killed half way had written already (not in
    ``left``, see :meth:`Recovery.unsaved`), with their versions before that save where they can
    still be had: the old version that save kept beside each file to put back should it fail (a
    temporary ``.<name>.pd-<id>-<random>.old.tmp``), or the one it moved to the project's trash,
    each told by the fingerprint the copy kept of the file it was edited from (see :func:`_base`).

    Why: discarding the copy's changes left the project half written, the files that save wrote
    disagreeing with the others (an id renamed in settings.json, not in the plugin's files)."""
    written = sorted(rel for rel in (*kept.writes, *kept.deletes) if rel not in (*left.writes, *left.deletes))
    before: dict[str, bytes | None] = {}
    if kept.base is None:  # (an older designer's copy: nothing tells the versions before)
        return BegunSave(written, before)
    folders = tuple(sorted({os.path.dirname(rel) for rel in kept.writes}))
    begun = BegunSave(written, before, kept.pid if kept.kept_by_running_designer is None else None, folders)
    for rel in written:
        fingerprint = kept.base.get(rel)
        if rel in kept.deletes:
            old = _trashed_version(kept.root, rel, fingerprint) if fingerprint is not None else None
        elif fingerprint is None:
            before[rel] = None  # (not there when the copy was kept: that save made it)
            continue
        else:
            old = _old_version(kept.root / rel, fingerprint)
        if old is not None:
            before[rel] = old
    return begun


def save_cut_short(root: Path) -> str | None:
    """A sentence saying that a save of the package folder ``root`` in the designer was killed half
    way (its crash copy holds changes some files have and others not, see :func:`begun_save`);
    None when none was. Reads the copy only: it is neither adopted, moved aside nor removed.

    Why: the command line knew nothing of it; `export` made a ZIP of the mixed files (an id renamed
    in settings.json, not in the plugin's), and `check --fix` wrote over them, after which the
    designer could no longer put the project back as saved last."""
    path = _file_for(root)
    if not os.path.lexists(path):
        return None
    kept = _parse(path, root)
    if not isinstance(kept, Recovery) or kept.kept_by_running_designer is not None:
        return None
    written = begun_save(kept, kept.unsaved()).written
    if not written:
        return None
    more = f" and {len(written) - 5} more" if len(written) > 5 else ""
    one = len(written) == 1
    return (
        f"A save in Plugin Designer was cut short ({kept.when}): {', '.join(written[:5])}{more} "
        f"{'holds' if one else 'hold'} its changes, the other files not, so they may not agree. To mend it, "
        "open the project in Plugin Designer, which offers the changes back (or puts the files back as saved last)"
    )


def _trashed_version(root: Path, rel: str, fingerprint: str) -> bytes | None:
    """The bytes with ``fingerprint`` of the file ``rel`` of the package folder ``root`` in the
    project's trash (``.plugin-designer/trash/<time>/<rel>``, see DirFiles.move_to_trash), if any."""
    from .state import state_dir

    project = root.parent if root.name == "webapp2" else root
    try:  # (not a glob of the name: a file called "[1].svg" is no pattern)
        moves = sorted((state_dir(project) / "trash").iterdir(), reverse=True)  # (the newest first)
    except OSError:
        return None
    for path in (move / rel for move in moves):
        try:
            if _regular_file(path) and _fingerprint(data := path.read_bytes()) == fingerprint:
                return data
        except OSError:
            continue
    return None


def _old_version(path: Path, fingerprint: str) -> bytes | None:
    """The bytes with ``fingerprint`` among the old versions a save kept beside ``path``, if any."""
    from .files import is_temporary

    try:
        with os.scandir(path.parent) as entries:
            olds = [e.path for e in entries if e.name.endswith(".old.tmp") and is_temporary(e.name)]
    except OSError:
        return None
    for old in sorted(olds):
        try:
            if _regular_file(Path(old)):
                data = Path(old).read_bytes()
                if _fingerprint(data) == fingerprint:
                    return data
        except OSError:
            continue
    return None


def put_back_begun_save(root: Path, begun: BegunSave) -> None:
    """Put the files ``begun`` found back as they were before the save killed half way (all of them
    or none, see atomic_write_all); a file that save made goes, with the folders left empty by it.
    Raises OSError."""
    from .files import atomic_write_all

    atomic_write_all({root / rel: data for rel, data in begun.before.items() if data is not None})
    if begun.writer is not None and begun.writer != os.getpid():  # (first: a folder the save made is empty then)
        _remove_temporaries_of(begun.writer, [root / folder for folder in begun.folders])
    for rel, data in begun.before.items():
        if data is None:
            path = root / rel
            try:
                path.unlink()
            except FileNotFoundError:
                pass
            for folder in path.relative_to(root).parents:
                if folder == Path("."):
                    break
                try:
                    (root / folder).rmdir()  # (only when empty: nothing of anyone else's goes)
                except OSError:
                    break


def _remove_temporaries_of(writer: int, folders: list[Path]) -> None:
    """Remove the temporary files the process ``writer`` left in ``folders`` when it no longer runs
    (its id not taken by another since); never raises.

    Why not left to the next save's sweep: that waits a minute, in case a save is still at work on
    them, and they stayed beside the project put back, hidden, until the user saved again."""
    from .files import _process_alive, _temporary_writer

    if _process_alive(writer, unknown=False):
        return
    for folder in folders:
        try:
            with os.scandir(folder) as entries:
                left = [
                    e.path for e in entries if _temporary_writer(e.name) == writer and e.is_file(follow_symlinks=False)
                ]
        except OSError:
            continue
        for path in left:
            try:
                os.unlink(path)
            except OSError:
                continue


def _running_owner(pid: object, saved_at: object) -> int | None:
    """``pid`` when it is another process that may still run and its copy is fresh (see FRESH_SECONDS).

    Why the freshness too: after a restart the id may belong to some other program by now, and
    a copy nobody rewrites any more is one a crash left behind, whatever runs under that id.
    Where whether a process runs cannot be asked (Windows), it is taken for a crash: counted as
    running, a designer reopened within FRESH_SECONDS of a crash kept quiet about the edits and
    its Save left the stale copy, offered back on the next start over what was saved.
    """
    from .files import _process_alive

    if not isinstance(pid, int) or isinstance(pid, bool) or pid <= 0 or pid == os.getpid():
        return None
    if not isinstance(saved_at, (int, float)) or time.time() - saved_at > FRESH_SECONDS:
        return None
    return pid if _process_alive(pid, unknown=False) else None


def _regular_file(path: Path) -> bool:
    """Whether ``path`` is a file to read (through a link or not), and not a named pipe or a device.

    Why: a named pipe in the recovery folder (or standing as a package file a copy was kept for)
    was opened to be read, and waited for a writer forever: the window hung opening any project,
    and so did every later start. A device (a link to /dev/zero) read without end.
    """
    import stat

    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


HEAD_LIMIT = 1 << 20  # a head longer than this (a base of thousands of files) is read with the whole copy


def _read_head(path: Path) -> Any:
    """The fields of the copy ``path`` before its kept files (root, pid, saved_at, base, deletes),
    read without those files: None when unreadable.

    Why: opening a project with no copy of its own looks through every copy for one kept before
    the project was moved, and reading each whole (the kept files, megabytes each) slowed every
    opening. The copy is JSON written one top-level field a line, the kept files last, and text
    in JSON holds no raw line break, so the line starting ``"writes":`` at the first indent ends
    the head. A copy written otherwise (an older designer: the files came before the base) is
    read whole."""
    lines: list[str] = []
    size = 0
    if not _regular_file(path):
        return None
    try:
        with open(path, encoding="ascii") as handle:
            for line in handle:
                if line.startswith(' "writes":'):
                    head = json.loads("".join(lines).rstrip().rstrip(",") + "\n}")
                    if isinstance(head, dict) and "base" in head:
                        return head
                    break
                lines.append(line)
                size += len(line)
                if size > HEAD_LIMIT:
                    break
        return json.loads(path.read_text(encoding="ascii"))
    except (OSError, ValueError, RecursionError):
        return None


def _keeper_of(path: Path) -> tuple[int | None, float | None]:
    """The process that kept the copy ``path`` and when, as far as the copy says (None: unknown)."""
    data: Any = _read_head(path)
    if not isinstance(data, dict):
        return None, None
    pid, saved_at = data.get("pid"), data.get("saved_at")
    return (
        pid if isinstance(pid, int) and not isinstance(pid, bool) else None,
        float(saved_at) if isinstance(saved_at, (int, float)) and not isinstance(saved_at, bool) else None,
    )


def _owner_of(path: Path) -> int | None:
    """The running designer process (other than this one) that keeps the copy ``path``, if any."""
    pid, saved_at = _keeper_of(path)
    return _running_owner(pid, saved_at)


def _left_by_crash(pid: int | None, saved_at: float | None) -> bool:
    """Whether a copy kept by ``pid`` at ``saved_at`` (see :func:`_keeper_of`) is the copy of another
    designer process that is no longer running: work left by a crash, which only an offer to the
    user (restore or discard) may replace or remove.

    Why: with two windows on one package, the one that stayed open replaced the other's crash
    copy at its next autosave (or removed it at its save), and that work was lost for good.
    Why it takes what the copy says and not the copy: the callers ask who keeps it as well, and
    reading the copy's head once for both halves the reads of every autosave."""
    return pid is not None and not _kept_here(pid, saved_at) and _running_owner(pid, saved_at) is None


def _own_file_for(root: Path) -> Path:
    """Where this process keeps its copy while ``_file_for(root)`` holds another's crash copy."""
    main = _file_for(root)
    return main.with_name(f"{main.stem}.{os.getpid()}.json")


@dataclass(frozen=True)
class DamagedRecovery:
    """A recovery copy that is there but cannot be read: cut short (a power cut or a disk that
    failed while it was written), not a recovery copy (other bytes, a folder in its place), or
    refused by the system.

    Why told rather than taken for no copy: the user expects unsaved work back, and heard
    nothing; the next autosave then wrote over the copy, and whatever it still held was gone."""

    path: Path  # where the copy was
    reason: str  # plain words: "it was cut short", ...
    kept_at: Path | None  # where it was moved aside; None: it could not be moved (it stays)
    root: Path | None = None  # the package folder it names, when that is gone (see orphaned_recoveries)
    # Kept by a newer designer (a format this one does not know): left where it is, for that one.
    newer: bool = False


class KeptByAnotherDesignerError(OSError):
    """The recovery copy belongs to another designer window, still open on the same package."""


def _fingerprint(data: bytes) -> str:
    from .digest import sha256

    return sha256(data).hexdigest()[:32]


def _base(pkg: BrandingPackage, rels: list[str]) -> dict[str, str]:
    """A fingerprint of each of ``rels`` (and settings.json) as it is on disk, the files the kept
    edits were made on: they recognise the package after it was moved (see :func:`read_recovery`)."""
    out = {}
    for rel in sorted({*rels, "settings.json"}):
        try:
            out[rel] = _fingerprint(pkg.files.read_bytes(rel))
        except (OSError, KeyError):  # a new file, or one gone: nothing to recognise it by
            continue
    return out


def _names(pkg: BrandingPackage) -> list[str]:
    """Every file of ``pkg`` as edited, also when its folder is gone (see DirFiles.names_seen)."""
    names = set(pkg.names())
    if isinstance(pkg.files, DirFiles):
        names |= {rel for rel in pkg.files.names_seen() if pkg.pending_texts.get(rel, "") is not None}
    return sorted(names | pkg.modelled_files())


def write_recovery(
    pkg: BrandingPackage,
    take_over: bool = False,
    typing: Typing | None = None,
    leave: Callable[[str, bytes], bool] | None = None,
) -> Path | None:
    """Copy the unsaved edits of ``pkg`` aside (atomically); remove the copy when there are none.

    ``take_over``: the copy another process left (a crash) was offered here and restored or
    thrown away, so this process's copy replaces it. Without it such a copy stays, and this
    process keeps its own beside it (offered at a later start, once that one is dealt with).
    ``typing``: text being typed in a field, not in the package yet (kept even with no edits).
    ``leave``: whether a file, with the bytes a save would write, is left out of the copy (the
    window's older copy of a file another program changed, no edit of the user's: restored, it
    went back over that change)."""
    if not isinstance(pkg.files, DirFiles):
        return None
    writes, deletes = pending_writes(pkg, unreadable_differs=True), pending_deletes(pkg)
    if leave is not None:
        writes = {rel: data for rel, data in writes.items() if not leave(rel, data)}
    target = _file_for(pkg.files.root)
    if not writes and not deletes and typing is None:
        discard_recovery(pkg.files.root, take_over)
        return None
    own = _own_file_for(pkg.files.root)
    keeper = _keeper_of(target)
    if _running_owner(*keeper) is not None or (not take_over and _left_by_crash(*keeper)):
        # Another window's copy, that window still open or left by a crash: this one is kept
        # beside it. Why not refused while the other is open: this window's edits were then kept
        # nowhere, and a crash of this one lost them all.
        target = own
        keeper = _keeper_of(target)
    other = _running_owner(*keeper)
    if other is not None:  # two windows on one package: neither replaces the other's copy
        raise KeptByAnotherDesignerError(
            f"another Plugin Designer window (process {other}) has unsaved changes to this package and keeps "
            "the copy; save in one window at a time"
        )
    data = {  # the kept files last: everything before them is the head (see _read_head)
        "format": FORMAT,
        "root": str(pkg.files.root.resolve()),
        "pid": os.getpid(),
        "saved_at": time.time(),
        "base": _base(pkg, [*writes, *deletes]),
        "deletes": deletes,
        "typing": typing.to_json() if typing is not None else None,
        "writes": {rel: bytes_text(content) for rel, content in sorted(writes.items())},
        # After the kept files (not in the head): which files a copy of a folder since gone can no
        # longer give back, named to the user before the rest is saved elsewhere (see saveas).
        "names": _names(pkg),
    }
    text = json.dumps(data, indent=1, ensure_ascii=True)  # ASCII: surrogate escapes survive as \\udcxx
    atomic_write(target, text.encode("ascii"))
    if target != own:  # (the copy kept beside the other's before, now older than this one)
        try:
            os.unlink(own)
        except FileNotFoundError:
            pass
    return target


def crash_copies_beside(root: Path) -> list[float]:
    """When each copy kept beside the one of the package folder ``root`` was kept (see
    :func:`write_recovery`), by a designer process no longer running: a second window on the package
    that crashed too. Such a copy is offered only once the first is dealt with (see
    :func:`_adopt_own_copy`), so the window offering the first says that there is another."""
    main = _file_for(root)
    try:
        candidates = sorted(main.parent.glob(f"{main.stem}.*.json"))
    except OSError:
        return []
    out = []
    for candidate in candidates:
        pid, saved_at = _keeper_of(candidate)
        if saved_at is not None and _left_by_crash(pid, saved_at):
            out.append(saved_at)
    return sorted(out)


def crash_copy_of(root: Path) -> bool:
    """Whether the recovery copy of the package folder ``root`` was left by another designer process
    that is no longer running (a crash), to be offered when the package is opened again."""
    return _left_by_crash(*_keeper_of(_file_for(root)))


def running_keeper(root: Path) -> int | None:
    """The id of another designer process, still running, that keeps the recovery copy of the
    package folder ``root`` (this process's copy is then kept beside it); None when there is none."""
    return _owner_of(_file_for(root))


def read_recovery(root: Path) -> Recovery | DamagedRecovery | None:
    """The recovery saved for the package folder ``root``, if any; a :class:`DamagedRecovery`
    when there is one that cannot be read, moved aside (see :func:`_put_aside`) so that it is
    told once and the next autosave writes a fresh copy in its place."""
    try:  # an empty or missing folder: nothing was kept aside (and no need to load OpenSSL to look)
        if not any(recovery_dir().iterdir()):
            return None
    except OSError:
        return None
    path = _file_for(root)
    moved_from = None
    if not os.path.lexists(path):
        _adopt_own_copy(path)
    if not os.path.lexists(path):
        moved_from = _adopt_moved(root, path)
    if not os.path.lexists(path):
        return None
    found = _parse(path, root, moved_from)
    if isinstance(found, DamagedRecovery) and not found.newer:
        return DamagedRecovery(path, found.reason, _put_aside(path))
    return found


def put_aside_discarded(recovery: Recovery) -> Path | None:
    """Move the copy ``recovery`` was read from aside as ``<name>.<when>.discarded`` (see
    :func:`_put_aside`): discarded by the user, yet the only whole copy of the changes a save cut
    short had begun to write, which the project no longer holds whole. Its new name, or None."""
    if recovery.path is None:
        return None
    return _put_aside(recovery.path, DISCARDED_SUFFIX)


def _put_aside(path: Path, suffix: str = DAMAGED_SUFFIX) -> Path | None:
    """Rename the damaged copy ``path`` to ``<name>.<when>.damaged`` (or ``suffix``) beside it (one rename:
    never half moved, never deleted), and remove the oldest such copies beyond KEEP_DAMAGED; the new
    name, or None when it cannot be renamed (a read-only data folder: it stays where it is).

    Why not left in place: it was read (and told) at every opening, and the next autosave
    replaced it, with whatever could still be pieced together from it."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.{stamp}{suffix}")
    n = 1
    while os.path.lexists(target):  # (two in one second: a name of its own, none replaced)
        n += 1
        target = path.with_name(f"{path.stem}.{stamp}-{n}{suffix}")
    try:
        os.rename(path, target)
    except OSError:
        return None
    _prune_damaged(path.parent, target, suffix)
    return target


def _prune_damaged(folder: Path, newest: Path, suffix: str = DAMAGED_SUFFIX) -> None:
    """Remove the damaged copies in ``folder`` of ``newest``'s project beyond the KEEP_DAMAGED
    newest (by the time in their name), never ``newest`` (the one just put aside, which the note
    names: among copies put aside in the same second it sorted by its name, and went at once);
    never raises.

    Why one project's: the copies of every project share the folder, and five damaged copies of
    other projects removed one that a note had just told the person was kept for them."""
    from .files import remove_tree

    project = newest.name.split(".", 1)[0] + "."  # (<key>.<when>.damaged)
    try:
        found = [p for p in folder.glob(f"*{suffix}") if p != newest and p.name.startswith(project)]
    except OSError:
        return
    found.sort(key=lambda p: (p.name.rsplit(".", 2)[-2], p.name), reverse=True)  # (<key>.<when>.damaged)
    for old in found[KEEP_DAMAGED - 1 :]:
        try:
            if old.is_dir() and not old.is_symlink():
                remove_tree(old)
            else:
                os.unlink(old)
        except OSError:
            continue


def _cut_short(text: str, exc: json.JSONDecodeError) -> bool:
    """Whether ``text`` failed to parse because it ends too soon (what a write cut off leaves),
    rather than because it holds something else."""
    return not text.strip() or exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string")


NOT_A_COPY = "it is not a recovery copy (its contents are not what Plugin Designer writes)"
NEWER = "they were kept by a newer version of Plugin Designer"


def _parse(path: Path, root: Path | None, moved_from: Path | None = None) -> Recovery | DamagedRecovery | None:
    """The copy in ``path`` (for ``root``; None: the folder the copy names), if readable and sane;
    a :class:`DamagedRecovery` (not moved) saying why not; None when it holds nothing to offer."""
    if not _regular_file(path):
        return DamagedRecovery(path, "it is a folder, not a file" if os.path.isdir(path) else "it is not a file", None)
    try:
        text = path.read_text(encoding="ascii")
    except UnicodeError:  # (written in ASCII: other bytes are not the designer's)
        return DamagedRecovery(path, NOT_A_COPY, None)
    except OSError as exc:
        return DamagedRecovery(path, f"it cannot be read ({exc.strerror or exc})", None)
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        return DamagedRecovery(path, "it was cut short" if _cut_short(text, exc) else NOT_A_COPY, None)
    except (ValueError, RecursionError):  # nested too deeply to read: damaged, like bad JSON
        return DamagedRecovery(path, NOT_A_COPY, None)
    if isinstance(data, dict) and isinstance(data.get("format"), int) and data.get("format") != FORMAT:
        if data["format"] > FORMAT:  # (not moved aside: the version that wrote it offers it back)
            return DamagedRecovery(path, NEWER, None, newer=True)
        return DamagedRecovery(path, "it was kept by another version of Plugin Designer", None)
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("writes"), dict):
        return DamagedRecovery(path, NOT_A_COPY, None)
    # A damaged or hand-made file is not trusted: every name must be a plain path inside the
    # package (the save writes them), every value of the right type; else it is not offered.
    from .zipnames import name_problem

    damaged = DamagedRecovery(path, NOT_A_COPY, None)
    saved_at, raw_deletes = data.get("saved_at", 0), data.get("deletes", [])
    if not isinstance(saved_at, (int, float)) or isinstance(saved_at, bool) or not 0 <= saved_at < 1e11:
        return damaged  # (a time the clock can show: 1e300 broke the question's date)
    if not isinstance(raw_deletes, list):
        return damaged
    try:
        writes = {str(k): text_bytes(v) for k, v in data["writes"].items() if isinstance(v, str)}
    except (ValueError, UnicodeError):
        return damaged
    deletes = [str(d) for d in raw_deletes if isinstance(d, str)]
    if any(name_problem(rel) is not None for rel in (*writes, *deletes)):
        return damaged
    pid = data.get("pid")
    typing = Typing.from_json(data.get("typing"))
    if not writes and not deletes and typing is None:
        return None  # (nothing left worth offering)
    if root is None:
        if not isinstance(data.get("root"), str):
            return damaged
        root = Path(data["root"])
    raw_names = data.get("names")  # (a copy of an older designer has none)
    names = (
        [n for n in raw_names if isinstance(n, str) and name_problem(n) is None]
        if isinstance(raw_names, list)
        else None
    )
    raw_base = data.get("base")
    base = (
        {k: v for k, v in raw_base.items() if isinstance(v, str) and name_problem(k) is None}
        if isinstance(raw_base, dict)
        else None
    )
    return Recovery(
        root,
        float(saved_at),
        writes,
        deletes,
        moved_from,
        pid if isinstance(pid, int) else None,
        typing,
        names,
        path,
        base,
    )


def orphaned_recoveries(damaged: list[DamagedRecovery] | None = None) -> list[Recovery]:
    """The recovery copies (newest first) of package folders that no longer exist, left by a
    designer that is not running (a crash, or closed while the folder was gone).

    Why: a copy is offered when its package is opened, and a folder deleted or on a drive no
    longer there cannot be opened: its unsaved work was kept and never offered again. The
    welcome screen lists these, to be saved into a new folder (see :mod:`.saveas`).

    ``damaged``: when given, such a copy that cannot be read is moved aside (see :func:`_put_aside`)
    and added to it, to be told once, as :func:`read_recovery` does for a project opened; without
    it, it was skipped without a word at every start. Only copies whose head names a folder that
    is gone: one whose head cannot be read may be of a project still there, which tells it."""
    try:
        candidates = sorted(recovery_dir().glob("*.json"))
    except OSError:
        return []
    out = []
    for candidate in candidates:
        head: Any = _read_head(candidate)
        if not isinstance(head, dict) or not isinstance(head.get("root"), str):
            continue
        pid, saved_at = head.get("pid"), head.get("saved_at")
        if _kept_here(pid, saved_at) or _running_owner(pid, saved_at) is not None:
            continue  # this window's own (its project is open here), or another window's, still open
        try:
            if os.path.lexists(head["root"]):
                continue
        except (OSError, ValueError):
            continue
        found = _parse(candidate, None)
        if isinstance(found, Recovery) and (found.writes or found.deletes):
            out.append(found)
        elif isinstance(found, DamagedRecovery) and damaged is not None:
            kept_at = None if found.newer else _put_aside(candidate)
            damaged.append(DamagedRecovery(candidate, found.reason, kept_at, Path(head["root"]), found.newer))
    return sorted(out, key=lambda r: -r.saved_at)


def _kept_here(pid: object, saved_at: object) -> bool:
    """Whether a copy kept by ``pid`` at ``saved_at`` is this process's own: its id, and kept since
    this process began. Why the time too: where each start gets the same id (a container, a
    sandbox), an earlier process's crash copy has it as well, and was passed over as this one's."""
    return pid == os.getpid() and isinstance(saved_at, (int, float)) and saved_at >= _STARTED


def discard_kept(recovery: Recovery) -> None:
    """Remove the recovery file ``recovery`` was read from (saved elsewhere, or thrown away)."""
    if recovery.path is not None:
        try:
            os.unlink(recovery.path)
        except FileNotFoundError:
            pass


def _adopt_own_copy(target: Path) -> None:
    """A copy kept beside another window's crash copy (see :func:`write_recovery`), left by a
    process no longer running, becomes the copy at ``target`` once that crash copy is dealt with."""
    try:
        candidates = sorted(target.parent.glob(f"{target.stem}.*.json"))
    except OSError:
        return
    for candidate in candidates:
        if _owner_of(candidate) is None:
            try:
                os.replace(candidate, target)
            except OSError:
                continue
            return


def _adopt_moved(root: Path, target: Path) -> Path | None:
    """The folder a recovery copy was kept for, when that folder is gone and the package at
    ``root`` has the very files the copy's edits were made on; that copy is then moved to
    ``target`` (the copy of ``root`` from now on).

    Why: the copy is found by the package's path, and a project folder renamed or moved after
    a crash (a synced folder tidied up, a share mounted elsewhere) was opened with no word of
    the edits it had kept aside, which stayed in the recovery folder for good.
    """
    from .zipnames import name_problem

    try:
        candidates = sorted(recovery_dir().glob("*.json"))
    except OSError:
        return None
    for candidate in candidates:
        data: Any = _read_head(candidate)
        if not isinstance(data, dict):
            continue
        old, base = data.get("root"), data.get("base")
        if not isinstance(old, str) or not isinstance(base, dict) or not base:
            continue
        try:
            if os.path.lexists(old) or Path(old) == root:
                continue  # still there (a copy of the project, not a move), or this very package
            if _running_owner(data.get("pid"), data.get("saved_at")) is not None:
                continue  # still open in another window
            if not all(
                isinstance(rel, str)
                and isinstance(fp, str)
                and name_problem(rel) is None
                and _regular_file(root / rel)
                and _fingerprint((root / rel).read_bytes()) == fp
                for rel, fp in base.items()
            ):
                continue
            os.replace(candidate, target)
        except (OSError, ValueError):
            continue
        return Path(old)
    return None


def discard_recovery(root: Path, take_over: bool = False) -> None:
    """Remove this process's recovery copy of ``root``. Another designer window's copy stays, the
    window still running or not (a crash: only ``take_over``, after offering it, removes it): a
    save or discard in one window does not throw away the other's unsaved work."""
    path = _file_for(root)
    for mine in (path, _own_file_for(root)):
        keeper = _keeper_of(mine)
        if _running_owner(*keeper) is not None or (not take_over and _left_by_crash(*keeper)):
            continue
        try:
            os.unlink(mine)
        except FileNotFoundError:
            pass


class _Overlay(PackageFiles):
    """The package folder as it would be after saving the recovered edits (read-only)."""

    def __init__(self, base: DirFiles, recovery: Recovery) -> None:
        self.base = base
        self.recovery = recovery
        self.label = base.label

    def names(self) -> list[str]:
        out = (set(self.base.names()) | set(self.recovery.writes)) - set(self.recovery.deletes)
        return sorted(out)

    def read_bytes(self, rel: str) -> bytes:
        if rel in self.recovery.writes:
            return self.recovery.writes[rel]
        if rel in self.recovery.deletes:
            raise FileNotFoundError(2, "deleted", rel)
        return self.base.read_bytes(rel)


def recovered_package(pkg: BrandingPackage, recovery: Recovery) -> BrandingPackage:
    """A model of ``pkg`` with the recovered edits in it, still unsaved.

    The JSON files are read from the recovery into the model (so the forms show them); a JSON
    file the recovery writes keeps the recovery's text as its document, the others the text on
    disk, so saving writes exactly what the recovery holds; other files become pending texts,
    deletions pending deletions.

    Why not the text on disk for every document: an edit of the text alone, with the same values
    (a Fix removing a name written twice), is in the recovery's text only, and was lost.
    """
    if not isinstance(pkg.files, DirFiles):
        raise ValueError("only a package folder can be recovered")
    recovered = load(_Overlay(pkg.files, recovery))
    recovered.files = pkg.files
    for rel, doc in pkg.docs.items():
        if rel not in recovery.writes or rel not in recovered.docs:
            recovered.docs[rel] = doc  # the on-disk text: what a save compares and splices against
    modelled = recovered.modelled_files()
    for rel, content in recovery.writes.items():
        if rel not in modelled:
            recovered.pending_texts[rel] = bytes_text(content)
    for rel in recovery.deletes:
        recovered.pending_texts[rel] = None
    return recovered
