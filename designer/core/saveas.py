"""Save As: the package as it is in the window, written whole into a new project folder.

Why: a project folder deleted, renamed or on a drive unmounted while it was open could not be
saved anywhere (Save refuses to make the folder again, rightly: it would hold only the files
written), and a recovery copy of such a folder was offered nowhere. Both now go to a folder the
user chooses, with every file the designer still has, and the files it no longer has named
before anything is written.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .files import (
    DirFiles,
    import_temp_prefix,
    inside_package_refusal,
    remove_import_leftovers,
    unusable_folder_refusal,
)
from .model import BrandingPackage, pending_writes
from .recovery import Recovery
from .state import STATE_DIR, STATE_FILE, load_state, state_dir

__all__ = [
    "CopyPlan",
    "SaveAsRefused",
    "beside_files",
    "check_target",
    "copy_plan",
    "recovery_plan",
    "target_refusal",
    "write_project",
]


class SaveAsRefused(Exception):
    """The new folder cannot take the project (a sentence for the user); nothing was written."""


@dataclass
class CopyPlan:
    """What a Save As writes: the package's files (path under webapp2/ -> bytes) and the files of
    the package it cannot write, having them neither in memory nor on disk any more."""

    files: dict[str, bytes]
    lost: list[str] = field(default_factory=list)
    lost_unknown: bool = False  # which files are lost cannot be told (a recovery copy of an older designer)
    # The project's own memory (.plugin-designer/state.json) as it is, when it can be read.
    state: bytes | None = None
    # Files beside webapp2/ that its exports depend on (path under the project -> bytes): the
    # folders every export carries along and the copy of the imported ZIP (see beside_files).
    beside: dict[str, bytes] = field(default_factory=dict)


def copy_plan(pkg: BrandingPackage) -> CopyPlan:
    """Every file of ``pkg`` as edited: the JSON files from the model, the edited texts, and the
    other files read from disk; those that cannot be read (the folder is gone) are ``lost``.

    Raises :class:`OSError` only when working out the modelled files fails for another reason
    than a missing file (a folder standing where settings.json was), or when a link to another
    folder stands where the package folder was (:class:`FolderReplacedError`)."""
    files = pkg.files
    if isinstance(files, DirFiles):
        # A link to another folder where the one opened was: its files are not the project's, and
        # the copy would mix them in (see DirFiles.leads_elsewhere).
        files.check_same_folder()
    writes = pending_writes(pkg)
    names = set(pkg.names())
    if isinstance(files, DirFiles) and not files.root.is_dir():
        # The folder is gone, and listing it again finds nothing: the files it had are those it
        # was last seen with, less what was deleted here (added ones are in pkg.names already).
        names |= {rel for rel in files.names_seen() if pkg.pending_texts.get(rel, "") is not None}
    out: dict[str, bytes] = {}
    lost: list[str] = []
    for rel in sorted(names | set(writes)):
        if rel in writes:
            out[rel] = writes[rel]
            continue
        try:
            out[rel] = pkg.read_bytes(rel)
        except OSError:
            lost.append(rel)
    if not isinstance(files, DirFiles):
        return CopyPlan(out, lost)
    state = _state_bytes(files.project)
    return CopyPlan(out, lost, state=state, beside=beside_files(files.project) if state is not None else {})


def beside_files(project: Path) -> dict[str, bytes]:
    """The files beside webapp2/ that the project's exports depend on, by their path under the
    project: those of the folders the state says every export carries along (the other app
    folders of a Management Node download) and the copy of the imported ZIP, which says which of
    its hidden files go back into the export (``.htaccess``). Links are not followed.

    Why: Save As wrote only webapp2/ and the state naming them, and an export of the copy then
    left those folders and hidden files out of the upload.
    """
    from .export import _files_under, _plain_file_bytes, carried_names, imported_copy

    state = load_state(project)
    names: list[str] = []
    for name in carried_names(project, state):
        path = project / name
        if path.is_symlink():
            continue
        names += _files_under(project, name + "/") if path.is_dir() else [name]
    copy = imported_copy(project, state)
    if copy is not None:
        names.append(copy.relative_to(project).as_posix())
    out: dict[str, bytes] = {}
    for name in names:
        data = _plain_file_bytes(project, name)
        if data is not None:
            out[name] = data
    return out


def _state_bytes(project: Path) -> bytes | None:
    """The project's state file as it is, or None (none, gone, unreadable, or damaged).

    Why it goes along: it holds the last brandingID exported (the next export must exceed it), the
    ZIP it went into (what "changed since the last export" compares with) and where the project
    was deployed; a copy without it started from nothing, as if never exported. A damaged one
    is left behind rather than carried into the new folder."""
    try:
        load_state(project, strict=True)
        return (state_dir(project) / STATE_FILE).read_bytes()
    except OSError:
        return None


def recovery_plan(recovery: Recovery) -> CopyPlan:
    """What saving the recovery copy of a folder that is gone can write: the files it kept (those
    changed then); the package's other files were only in that folder, and are ``lost``."""
    files = dict(recovery.writes)
    if recovery.names is None:
        return CopyPlan(files, [], lost_unknown=True)
    return CopyPlan(files, sorted(set(recovery.names) - set(files) - set(recovery.deletes)))


def _inside(place: Path, folder: Path) -> bool:
    """Whether ``place`` is ``folder`` or lies in it (through links too, as far as they exist)."""
    for a, b in ((place, folder), (place.resolve(), folder.resolve())):
        if a == b or b in a.parents:
            return True
    return False


def target_refusal(target: Path, project: Path | None = None) -> str | None:
    """Why ``target`` cannot take a copy of the project, else None: it must be a new or empty
    folder, not ``project`` (the project open now) nor inside it, outside any branding package,
    and no symbolic link. Why a function of its own: the Save As dialog says it as the user types
    (see :func:`designer.core.newproject.folder_refusal`), by the same rules the save applies."""
    place = Path(os.path.abspath(target))
    if target.is_symlink():
        return f"{target} is a symbolic link; choose a new folder (the link was left as it is)."
    if project is not None and _inside(place, Path(os.path.abspath(project))):
        if _inside(Path(os.path.abspath(project)), place):
            return f"{target} is the project folder itself; choose a new folder for the copy."
        return (
            f"{target} is inside the project folder {project}: the copy would become part of the project "
            "it copies. Choose a folder outside it."
        )
    return inside_package_refusal(place, "a copy of the project") or unusable_folder_refusal(
        target, "choose a new or empty folder"
    )


def check_target(target: Path, project: Path | None = None) -> None:
    """Refuse a ``target`` that is not a new or empty folder outside ``project`` (the project open
    now) and outside any branding package, before a byte is written (see :func:`target_refusal`)."""
    why = target_refusal(target, project)
    if why is not None:
        raise SaveAsRefused(why)


def write_project(
    target: Path,
    files: dict[str, bytes],
    project: Path | None = None,
    state: bytes | None = None,
    beside: dict[str, bytes] | None = None,
) -> Path:
    """Write ``files`` as ``target/webapp2/`` (all of them or none); return that webapp2 folder.
    ``state``: the project's state file (see :class:`CopyPlan`), written beside webapp2/ with them;
    ``beside``: files by their path under ``target`` (:func:`beside_files`).

    The files go into a hidden folder beside ``target`` first (named as an import's unpacking
    folder, so one a killed process left is swept away by the next import or Save As there, and
    is never opened as a project), which is then renamed to ``target``. ``project``: the project
    open now, which ``target`` must lie outside. Raises :class:`SaveAsRefused`.
    """
    from .archive import _move_into
    from .files import give_folder_mode, make_folder

    check_target(target, project)
    place = Path(os.path.abspath(target))
    parent = place.parent
    made_parents = [p for p in [parent, *parent.parents] if not p.exists()]
    tmp: Path | None = None
    try:
        make_folder(parent)
        remove_import_leftovers(parent)
        tmp = Path(tempfile.mkdtemp(prefix=import_temp_prefix(place.name), dir=parent))
        web = tmp / "webapp2"
        web.mkdir()
        for rel, data in files.items():
            path = web / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            _write_synced(path, data)
        if state is not None:
            (tmp / STATE_DIR).mkdir()
            _write_synced(tmp / STATE_DIR / STATE_FILE, state)
        for rel, data in (beside or {}).items():
            path = tmp / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            _write_synced(path, data)
        give_folder_mode(tmp)  # mkdtemp makes it private (0700); a project folder is an ordinary one
        check_target(target, project)  # again: it may have changed while the files were written
        if place.is_dir():
            _move_into(tmp, place)
        else:
            os.rename(tmp, place)
    except BaseException as exc:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
        for folder in made_parents:  # innermost first; only the empty folders made here
            try:
                folder.rmdir()
            except OSError:
                break
        if isinstance(exc, OSError):
            raise SaveAsRefused(
                f"The folder {target} cannot be written ({exc.strerror or exc}); nothing was written."
            ) from None
        raise
    return place / "webapp2"


def _write_synced(path: Path, data: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
