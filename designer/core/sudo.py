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
from pathlib import Path

__all__ = ["give_back", "sudo_note", "sudo_owner"]


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
