"""The designer run as root through sudo (`sudo -E plugin-designer`, `sudo dev.sh open ~/project`).

Why a module: what root makes in the user's own folders (a project's saved files and its
.plugin-designer folder, the settings and the crash copies under a home kept by ``sudo -E``) stayed
root's, and the user's next run as themselves could not write there: a save failed with
"Permission denied", and every autosave said it could not keep a recovery copy. What the designer
made there goes back to that user when it ends, as ``scripts/dev.sh`` does for the checkout.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

__all__ = ["give_back", "give_new", "made_for_them", "sudo_home", "sudo_note", "sudo_owner", "use_sudo_users_folders"]


def sudo_owner() -> tuple[int, int] | None:
    """(uid, gid) of the user who ran the designer through sudo, when it runs as root so; else None
    (not root, root itself, not POSIX: Windows has no sudo)."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return None
    try:
        uid = int(os.environ.get("SUDO_UID", ""))
        gid = int(os.environ.get("SUDO_GID", "") or uid)
    except ValueError:
        return None
    return (uid, gid) if uid != 0 else None


def sudo_note(owner: tuple[int, int]) -> str:
    """What the designer says once when it runs through sudo."""
    user = os.environ.get("SUDO_USER") or f"user {owner[0]}"
    return (
        f"Running as root through sudo (for {user}): the files it makes in {user}'s folders are given back to "
        f"{user} when it closes; elsewhere they stay root's. Run it as {user} to need neither."
    )


def give_back(folder: Path, owner: tuple[int, int]) -> int:
    """Give ``folder`` and what root made under it back to ``owner``, when the folder or the one it
    is in is that user's (a project of theirs, one made in their home; not a folder of root's); how
    many were given back.

    Links are given back themselves, never followed; another file system (a mount inside) is left.
    """
    uid, gid = owner
    try:
        top = os.lstat(folder)
        if top.st_uid != uid and os.stat(folder.parent).st_uid != uid:
            return 0  # (neither theirs nor made in a folder of theirs)
    except OSError:
        return 0
    given = 0
    for path, st in [(str(folder), top), *_everything_under(folder, top.st_dev)]:
        if st.st_uid == 0:
            try:
                os.lchown(path, uid, gid)
                given += 1
            except OSError:  # (gone meanwhile, a read-only file system: the rest is given back all the same)
                pass
    return given


def _everything_under(folder: Path, device: int) -> list[tuple[str, os.stat_result]]:
    """Everything under ``folder`` on its file system, with its lstat."""
    found: list[tuple[str, os.stat_result]] = []
    if not stat.S_ISDIR(os.lstat(folder).st_mode):
        return found
    for top, dirs, files in os.walk(folder):
        for name in [*dirs, *files]:
            path = os.path.join(top, name)
            try:
                st = os.lstat(path)
            except OSError:
                continue
            found.append((path, st))
        dirs[:] = [d for d in dirs if _same_device(os.path.join(top, d), device)]
    return found


def _same_device(path: str, device: int) -> bool:
    try:
        st = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISDIR(st.st_mode) and st.st_dev == device


def sudo_home(owner: tuple[int, int]) -> Path | None:
    """The home folder of the user ``owner`` names, from the system's user database; None if unknown."""
    try:
        import pwd

        return Path(pwd.getpwuid(owner[0]).pw_dir)
    except (ImportError, KeyError):
        return None


def use_sudo_users_folders(owner: tuple[int, int]) -> None:
    """Keep the settings and the crash copies in the home of the user sudo ran the designer for,
    where their own next run looks, when plain ``sudo`` gave the designer root's home (HOME=/root,
    no XDG_* kept). Called before anything reads those places (QSettings, user_data).

    Why: with root's home the crash copies went to /root/.local/share, and the user's next run, as
    themselves, offered nothing back (their recent projects and appearance were root's too). Places
    sudo kept (``sudo -E``: the user's own XDG_DATA_HOME) are left as they are.
    """
    home = sudo_home(owner)
    if home is None or os.name != "posix" or sys.platform == "darwin":  # (macOS keeps them under ~/Library)
        return
    if Path(os.path.expanduser("~")) == home:
        return  # (the user's home already: every place follows it)
    if not os.access(home, os.W_OK | os.X_OK):
        return  # (not root's to write, a network home that maps root to nobody: root's own, as before)
    os.environ.setdefault("XDG_DATA_HOME", str(home / ".local" / "share"))
    os.environ.setdefault("XDG_CONFIG_HOME", str(home / ".config"))


def give_new(path: Path, replaced: Path | None = None, asked_for: bool = False) -> None:
    """Give the file or folder ``path`` root just made to the user sudo ran the designer for, when it
    stands in a folder of theirs (or, ``replaced``, takes the place of a file of theirs), or
    ``asked_for``: a file they named, wherever it is (an exported ZIP); else leave it. Never raises.

    Why at once, not only when the designer ends (see :func:`give_back`): killed (a crash, a power
    cut), the designer never got there, and its crash copies, a save's files and an exported ZIP
    stayed root's, which the user's next run could not replace ("Permission denied").
    """
    owner = sudo_owner()
    if owner is None:
        return
    try:
        theirs = asked_for
        if not theirs and replaced is not None and os.path.lexists(replaced):
            theirs = os.lstat(replaced).st_uid == owner[0]
        if not theirs:
            theirs = os.stat(os.path.dirname(os.path.abspath(path))).st_uid == owner[0]
        if theirs and os.lstat(path).st_uid == 0:
            os.lchown(path, *owner)
    except OSError:
        pass


def made_for_them(folder: Path, owner: tuple[int, int]) -> Path:
    """The outermost of ``folder`` and the folders around it that root made inside a folder of the
    user ``owner`` names (``~/.config`` made for the settings, where the user had none), to give back
    with :func:`give_back`; ``folder`` itself when none is (then the rule there decides).

    Why: Qt made ``~/.config`` for the settings as root, and only the folder in it was looked at,
    whose parent was root's: both stayed root's, and every program of the user's that keeps its
    settings there could no longer write them."""
    here = Path(os.path.abspath(folder))
    try:
        while os.lstat(here).st_uid == 0 and here.parent != here:
            if os.lstat(here.parent).st_uid == owner[0]:
                return here
            here = here.parent
    except OSError:
        pass
    return folder
