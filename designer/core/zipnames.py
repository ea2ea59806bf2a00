"""Which file names go into an exported ZIP, and which a ZIP may hold at all.

Why a module of its own: the checks ask the same questions as the export (is this file left out
of the upload? PD107, PD406) and the import asks the ZIP's (is this entry's name safe?). Kept in
the export and the archive modules, a check of a package with one spare icon loaded both and with
them zipfile, tempfile, shutil, bz2 and lzma: 7 ms of a 70 ms `check`. This module needs only
``re``.
"""

from __future__ import annotations

import fnmatch
import os
import re
from functools import lru_cache
from pathlib import Path

from .files import is_utf8
from .problems import name_as_text

__all__ = [
    "BACKUP_PATTERNS",
    "OS_CLUTTER_FILES",
    "OS_CLUTTER_FOLDERS",
    "excluded_why",
    "is_mac_metadata",
    "exported_name",
    "never_served_why",
    "is_excluded",
    "name_problem",
    "name_why",
    "project_name",
    "readable",
    "zip_beside",
    "zip_name_for",
]

BACKUP_PATTERNS = ("*~", "*.bak", "*.swp", "*.orig", "#*#")
_BACKUP_RE = re.compile("|".join(fnmatch.translate(p) for p in BACKUP_PATTERNS))  # one match for all five, per file
# Files and folders an operating system leaves behind (Windows thumbnails and folder settings,
# macOS resource forks in ZIPs made by Finder); compared without regard to case, as Windows does.
OS_CLUTTER_FILES = ("thumbs.db", "ehthumbs.db", "desktop.ini")
OS_CLUTTER_FOLDERS = ("__macosx",)
# What macOS Finder adds to every ZIP it makes, by name: the folder of resource forks, the folder
# view settings (.DS_Store) and a folder's custom icon (a file named "Icon" and a carriage return).
MAC_METADATA_FILES = (".ds_store", "icon\r")
# What a web server must never hand out, even when a ZIP imported earlier held it: a version
# control folder (the whole history, deleted passwords included, for anyone to download) and the
# files tools keep credentials in. Compared without regard to case.
VCS_FOLDERS = (".git", ".svn", ".hg", ".bzr", "cvs")
SECRET_FILES = (".env", ".npmrc", ".netrc", ".pypirc", ".htpasswd")
_VCS_FOLDERS = frozenset(VCS_FOLDERS)
_CLUTTER_FOLDERS = frozenset(OS_CLUTTER_FOLDERS)
_DRIVE_RE = re.compile(r"^[A-Za-z]:")
# The longest file or folder name the usual file systems store (ext4, APFS: 255 bytes; NTFS: 255
# UTF-16 units). A longer segment cannot be unpacked anywhere, so it is refused up front.
_MAX_SEGMENT = 255
_CONTROL_RE = re.compile("[\x00-\x1f\x7f]")


def name_problem(name: str) -> str | None:
    """Why ``name`` (a ``/``-separated path inside a ZIP) is unsafe or unusable, or ``None``.

    Shared by the import (which refuses such an entry) and the export (which leaves such a file
    out), so an exported ZIP never holds a name the import would refuse.
    """
    if not name or name in ("/", "."):
        return "has an empty name"
    if "\\" in name:
        return "uses backslashes in its path (a Windows path that can escape the target folder)"
    if name.startswith("/"):
        return "has an absolute path"
    if _DRIVE_RE.match(name):
        return "starts with a drive letter"
    if _CONTROL_RE.search(name):
        return "has control characters in its name"
    if ":" in name:
        return "has a ':' in its name (a drive letter or a Windows alternate data stream)"
    parts = name.rstrip("/").split("/")
    if ".." in parts:
        return "points outside the target folder ('..')"
    if any(p in ("", ".") for p in parts):
        return "has an empty or '.' path segment"
    if len(name) * 4 > _MAX_SEGMENT and any(len(p.encode("utf-8", "surrogateescape")) > _MAX_SEGMENT for p in parts):
        return f"has a file or folder name longer than {_MAX_SEGMENT} bytes, more than file systems can store"
    return None


def is_mac_metadata(name: str) -> bool:
    """Whether ``name`` (a ``/``-separated path) is, by its name alone, what macOS Finder adds to a
    ZIP: anything under ``__MACOSX/``, a ``.DS_Store`` or a folder's ``Icon\\r``.

    Why: these are no part of any package; imported, they went into the project and from there,
    as files of the imported ZIP, back into every export. (AppleDouble ``._name`` files outside
    ``__MACOSX/`` are told by their bytes too: see ``archive.is_mac_metadata_entry``.)
    """
    parts = name.rstrip("/").split("/")
    return any(p.lower() in OS_CLUTTER_FOLDERS for p in parts) or (
        not name.endswith("/") and parts[-1].lower() in MAC_METADATA_FILES
    )


def is_excluded(rel: str) -> bool:
    """Never exported: hidden files and folders, editor backups (``*~``, ``*.bak``, ``*.swp``, ...),
    and what operating systems leave behind (``Thumbs.db``, ``desktop.ini``, ``__MACOSX/``)."""
    return excluded_why(rel) is not None


def exported_name(rel: str) -> bool:
    """Whether a file of webapp2/ (``rel`` relative to it) goes into the ZIP by its name."""
    return excluded_why(rel) is None and name_why("webapp2/" + rel) is None


def never_served_why(rel: str) -> str | None:
    """Why ``rel`` must never reach the Management Node, even as a file of the imported ZIP, or None:
    a version-control folder or a file of credentials, which its web server would serve to anyone."""
    return _never_served_why([p.lower() for p in rel.rstrip("/").split("/")])


def _never_served_why(lowered: list[str]) -> str | None:
    """:func:`never_served_why` of a name already split into its parts, in lower case."""
    if not _VCS_FOLDERS.isdisjoint(lowered):
        return "a version-control folder: the web server would give its whole history to anyone"
    last = lowered[-1]
    if last in SECRET_FILES or last.startswith(".env."):
        return "a file where tools keep passwords or keys: the web server would give it to anyone"
    return None


@lru_cache(maxsize=4096)
def excluded_why(rel: str) -> str | None:
    """Why the export leaves ``rel`` out whatever its bytes (hidden, OS clutter, an editor backup), or None.

    Why the name is split and lowered once here for every rule, and the answer remembered (within
    the process, for the last 4,096 names, as :func:`name_why`'s): each export asks this of every
    file it walks and again of every file it fingerprints, and the window's next export and
    checks ask it of the same names again; splitting a name anew for each rule (and finding the
    backup pattern in re's cache each time) cost an export of a 20-plugin package more than
    reading its files did.
    """
    parts = rel.rstrip("/").split("/")
    lowered = [p.lower() for p in parts]
    never = _never_served_why(lowered)
    if never is not None:
        return never
    if any(p.startswith(".") for p in parts):
        return "hidden (its name starts with '.')"
    if not _CLUTTER_FOLDERS.isdisjoint(lowered) or lowered[-1] in OS_CLUTTER_FILES:
        return "left behind by the operating system"
    if _BACKUP_RE.match(parts[-1]):
        return "an editor backup"
    return None


@lru_cache(maxsize=4096)
def name_why(rel: str) -> str | None:
    """Why a file with this name cannot go into the ZIP at all, or ``None``.

    A name that is not UTF-8 (bytes the file system allows, kept by Python as surrogates) cannot
    be written into a ZIP; control characters, backslashes and ':' can, but the import (ours
    and others') refuses such a ZIP. Either way the file is left out and named, rather than the
    export failing or making a ZIP that cannot be imported again.
    """
    if not is_utf8(rel):
        return "its name is not valid UTF-8 text, which a ZIP cannot hold"
    why = name_problem(rel)
    return None if why is None else "it " + why


def project_name(project: Path) -> str:
    """The name of the project folder ``project``, also when it was named ``.`` or ``..``.

    Why: ``Path('.').name`` is empty, so an export or deploy run in the project folder offered
    "-branding.zip" and named the customization '' on the node (run in webapp2/, ``..``:
    "..-branding.zip")."""
    return Path(os.path.abspath(project)).name


def readable(name: str) -> str:
    """``name`` as text that can be written as UTF-8, each byte of it that is not UTF-8 (a folder
    named on a Latin-1 share) as U+FFFD: for a name that goes where only text goes (the node)."""
    return name_as_text(name, undecodable="replace")


def zip_beside(project: Path) -> Path:
    """Where an export of ``project`` goes when nobody said: ``<project>-branding.zip`` next to
    the project folder, named as the project is (``..`` for ``.``: ``Path('.').parent`` is the
    project folder itself, and the ZIP went inside it)."""
    return Path(os.path.normpath(os.path.join(project, os.pardir))) / zip_name_for(project_name(project))


def zip_name_for(project: str) -> str:
    """The name offered for a project's export: ``<project>-branding.zip``, or ``<project>.zip``
    when the project's name already ends in "branding" ("Company branding" was offered
    "Company branding-branding.zip")."""
    if re.search(r"branding$", project, re.IGNORECASE):
        return f"{project}.zip"
    return f"{project}-branding.zip"
