"""Where a branding package's files come from: a folder on disk or a ZIP (read-only).

Why an abstraction: ``check`` must work on a ZIP an administrator downloaded without
extracting it, and the same checks run on a project folder. Both look like a small read-only
file system rooted at the ``webapp2`` folder, with exact-case lookups (the package is served
from a Linux web server even when the author works on Windows or macOS).
"""

from __future__ import annotations

import os
import posixpath
import stat
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote

if TYPE_CHECKING:
    import zipfile
    from collections.abc import Callable, Iterable

# zipfile, tempfile and zlib are imported where a ZIP is opened or a file is written: a `check`
# of a folder needs none of them, and together they cost a few milliseconds of every run.

__all__ = [
    "DirFiles",
    "FolderReplacedError",
    "NotAPackageError",
    "PackageFiles",
    "ZipFiles",
    "files_by_folder",
    "atomic_write",
    "clash_key",
    "enclosing_package",
    "hidden_character_problem",
    "import_leftover_pid",
    "import_temp_prefix",
    "inner_zip_hint",
    "inside_package_refusal",
    "is_temporary",
    "is_utf8",
    "remove_import_leftovers",
    "remove_stale_temporaries",
    "remove_tree",
    "name_clashes",
    "name_difference",
    "locate",
    "normalize",
    "not_a_file",
    "not_a_zip_why",
    "os_message",
    "package_around",
    "read_file_bytes",
    "read_to_end",
    "webapp3_refusal",
    "windows_name_problem",
]


_READ_CHUNK = 1 << 20


def read_file_bytes(path: str) -> bytes:
    """The bytes of the file at ``path`` (a link followed), as ``open(path, "rb").read()`` gives
    them and with its errors, read with :func:`os.read` (see :func:`read_to_end`)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        return read_to_end(fd)
    finally:
        os.close(fd)


def read_to_end(fd: int) -> bytes:
    """Every byte of the open file ``fd`` from where it stands to its end.

    Why not ``os.fdopen(fd).read()`` or ``open()``: each builds a buffered Python file object, half
    the time of reading a plugin's small files, and an export reads every file of the package, a
    check most of them, and loading it each JSON file.
    """
    chunks = []
    while chunk := os.read(fd, _READ_CHUNK):
        chunks.append(chunk)
    return b"".join(chunks)


def is_utf8(text: str) -> bool:
    """Whether ``text`` can be written as UTF-8: False for a name or an argument holding bytes
    that were not UTF-8, which Python keeps as lone surrogates (a ZIP, a JSON file or the
    console cannot take them). One test for the CLI's arguments, the checks and the export."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def not_a_file(path: Path) -> str | None:
    """What stands at ``path`` instead of a regular file, in words ("a folder", "a named pipe
    (FIFO)"), or None when it is a regular file or nothing is there. Symbolic links are not
    followed (``"a symbolic link"``)."""
    import stat

    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device"


def os_message(exc: OSError) -> str:
    """An OSError in plain words naming its file ("PATH: Permission denied"), without Python's
    "[Errno 1]" and quotes, which a message for a non-developer should not show."""
    if not exc.strerror:
        return str(exc)  # raised with a sentence of ours (a read-only ZIP, an unreadable file)
    return f"{exc.filename}: {exc.strerror}" if exc.filename is not None else exc.strerror


def clash_key(name: str) -> str:
    """What two names share when Windows or macOS would make them one file.

    Those file systems ignore letter case, and macOS also treats "é" as one character or as "e"
    plus an accent alike: import, export and new plugin folders all compare names by this key.
    Case is folded letter by letter (``lower``), as Windows does, not with ``casefold``, which
    makes "Straße.svg" and "Strasse.svg" one name: two files Windows keeps apart, whose export
    was refused.
    """
    if name.isascii():
        return name.lower()  # the same, in a fifth of the time (the check keys every file and folder)
    import unicodedata

    return unicodedata.normalize("NFC", name).lower()


def name_clashes(names: Iterable[str]) -> list[tuple[str, str, str]]:
    """(earlier, clashing, name) for each file or folder among ``names`` that Windows or macOS
    would make one with an earlier one (same :func:`clash_key`); ``name`` is the file the
    clashing part belongs to (the part itself for a file, else one of its folders).

    Why the folders too: ``plugins/Rec/a.svg`` beside ``plugins/rec/b.svg`` is one folder there,
    and the import compares every folder on a path as well: the check said nothing about such
    folders, the export wrote them, and its own import refused the ZIP.
    """
    seen: dict[str, str] = {}
    known: set[str] = set()  # the parts already compared (a folder is met once per file in it)
    out = []
    for name in names:
        parts = name.split("/")
        for i in range(1, len(parts) + 1):
            part = "/".join(parts[:i]) if i < len(parts) else name
            if part in known:
                continue
            known.add(part)
            earlier = seen.setdefault(clash_key(part), part)
            if earlier != part:
                out.append((earlier, part, name))
                break  # what lies inside is said with it
    return out


def name_difference(wanted: str, actual: str) -> str:
    """How two names with one :func:`clash_key` differ, in words for a message: "letter case", or
    the accent's encoding, which looks the same on screen and so needs saying."""
    if wanted.lower() == actual.lower():
        return "letter case"
    return "how an accented letter is encoded (one character, or a letter and a separate accent)"


# Markers of the folder that goes into the ZIP as webapp2/.
_MARKERS = ("settings.json", "manifest.json", "plugins")


class NotAPackageError(Exception):
    """PATH cannot be opened as a branding package (exit code 2 in the CLI)."""


class NoPackageHereError(NotAPackageError):
    """PATH is a folder with nothing of a branding package in it (an empty folder, say).

    ``zips``: the names of the ZIP files in it, sorted. Why a class of its own: the command line
    tells a new user what to do next (``new`` to start a project there, ``import`` for a ZIP it
    holds), which the other refusals (a file that is no ZIP, a folder that cannot be read) do not
    call for.
    """

    def __init__(self, message: str, zips: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.zips = zips


class NeedsImportError(NotAPackageError):
    """PATH is a ZIP with a webapp2/ folder but neither settings.json nor manifest.json.

    Why a class of its own: that is what the Management Node's default download looks like, the
    very ZIP the vendor's guide starts from. It cannot be opened as it is (it has nothing to
    list), but it is not a wrong file either: the import makes it a project and creates the two
    files, so the designer offers the import instead of only refusing.
    """


def files_by_folder(names: list[str], suffix: str = "") -> dict[str, list[str]]:
    """The files among ``names`` under each folder (at any depth) whose name ends in ``suffix``
    (any case), in the order of ``names``.

    Why one pass: asking for each plugin's folder in turn went through every name of the package
    once per plugin (150 plugins of 4 files each: 90,000 comparisons, twice a check, and again for
    the project tree's files after each check).
    """
    out: dict[str, list[str]] = {}
    for name in names:
        if name.lower().endswith(suffix):
            folder = name
            while "/" in folder:
                folder = folder.rsplit("/", 1)[0]
                out.setdefault(folder, []).append(name)
    return out


@lru_cache(maxsize=4096)
def normalize(base_file: str, url: str, decode: bool = True) -> str | None:
    """Resolve a relative URL (``srcURL``, icon path) against a file inside the package.

    Returns a clean posix path relative to webapp2/, or ``None`` when the URL leaves the
    package, is absolute or names another host: such files can never be served from it.
    It is a URL, so ``%20`` is decoded (``my%20icon.svg`` is the file ``my icon.svg``), as the
    web server does with what the browser asks for. ``decode=False`` gives the path spelled
    as written, for asking whether a file of that literal name is the one meant.

    Remembered (within the process, for the last 4,096 pairs): the checks resolve the same
    package file's icons and source several times each, 325 times for 96 pairs in a 20-plugin
    package, and posixpath.normpath is written in Python (about 1% of ``plugin-designer check``).
    """
    url = url.split("?", 1)[0].split("#", 1)[0]
    if decode and "%" in url:
        url = unquote(url)
    if url.startswith("./custom_configuration/"):
        url = url[len("./custom_configuration/") :]
        base_file = ""
    if not url or "://" in url or url.startswith(("/", "\\", "data:")) or "\\" in url:
        return None
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(base_file), url))
    if joined.startswith("../") or joined == ".." or joined.startswith("/"):
        return None
    return joined


# Names Windows keeps for devices, with any extension (aux.svg, nul.tar.gz) and in any letter case.
_WINDOWS_DEVICES = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"{port}{n}" for port in ("COM", "LPT") for n in "123456789\u00b9\u00b2\u00b3"}
)
# (':', '\\' and control characters: refused as unsafe, see archive.py.)
_WINDOWS_BAD_CHARACTERS = frozenset('<>"|?*')


def windows_name_problem(path: str) -> tuple[str, str] | None:
    """(the part of ``path`` up to the first file or folder name Windows cannot use, why) or None.

    Why: administrators often unpack a branding ZIP on Windows to look at it or change it, and
    Windows cannot make a file or folder called ``CON`` or ``aux.svg`` (device names, whatever
    the extension), drops a dot or space that ends a name (``icon.svg.`` becomes another file,
    or none), and refuses ``< > " | ? *``. The Linux web server serves such names; the ZIP simply
    cannot be unpacked there, and packed again it lacks the file.
    """
    parts = path.split("/")
    for i, part in enumerate(parts):
        why = _windows_part_problem(part)
        if why is not None:
            return "/".join(parts[: i + 1]), why
    return None


@lru_cache(maxsize=4096)
def _windows_part_problem(part: str) -> str | None:
    """Why Windows cannot use the file or folder name ``part`` (see :func:`windows_name_problem`), or None.

    Remembered (within the process, for the last 4,096 names): the export asks it of every file's
    path, and so of the same few folders (webapp2, plugins, each plugin's) once per file in them.
    """
    stem = part.partition(".")[0].rstrip(" ").upper()
    if stem in _WINDOWS_DEVICES:
        return f"is a name Windows keeps for a device ({stem}, whatever the extension)"
    if part[-1:] in (".", " "):
        return f"ends in a {'dot' if part.endswith('.') else 'space'}, which Windows drops from a name"
    if not _WINDOWS_BAD_CHARACTERS.isdisjoint(part):
        bad = next(c for c in part if c in _WINDOWS_BAD_CHARACTERS)
        return f"has the character {bad}, which Windows does not allow in a name"
    return None


# Characters that change how a name is shown, or show as nothing at all: the bidirectional
# controls and the invisible ones. Named in words for the message.
_HIDDEN_CHARACTERS = {
    "\u202a": "left-to-right embedding",
    "\u202b": "right-to-left embedding",
    "\u202c": "pop directional formatting mark",
    "\u202d": "left-to-right override",
    "\u202e": "right-to-left override",
    "\u2066": "left-to-right isolate",
    "\u2067": "right-to-left isolate",
    "\u2068": "first strong isolate",
    "\u2069": "pop directional isolate",
    "\u200e": "left-to-right mark",
    "\u200f": "right-to-left mark",
    "\u061c": "Arabic letter mark",
    "\u200b": "zero-width space",
    "\u200c": "zero-width non-joiner",
    "\u200d": "zero-width joiner",
    "\u2060": "word joiner",
    "\ufeff": "zero-width no-break space (byte order mark)",
    "\u00ad": "soft hyphen",
}
_JOINERS = frozenset("\u200c\u200d")
_HIDDEN_SET = frozenset(_HIDDEN_CHARACTERS)


def hidden_character_problem(path: str) -> tuple[str, str] | None:
    """(the part of ``path`` up to the first file or folder name holding a bidirectional control
    or an invisible character, that character in words with its code) or None.

    Why: such a character makes a name look like another. ``evil\u202egnp.js`` shows as
    ``evilsj.png`` (a script passed off as a picture), ``re\u200bc.svg`` looks just like
    ``rec.svg``; whoever reviews the package reads a name that is not the file's.

    A zero-width (non-)joiner between two non-ASCII characters is not counted: Persian, Indic
    scripts and emoji sequences (👩‍💻) need it there, and it hides nothing.
    """
    # The usual case: none of them. One pass in C, not a look at each character in Python (a ZIP
    # of thousands of names of 200 spaces and an accented letter took half a second here).
    if path.isascii() or _HIDDEN_SET.isdisjoint(path):
        return None
    parts = path.split("/")
    for i, part in enumerate(parts):
        for j, c in enumerate(part):
            what = _HIDDEN_CHARACTERS.get(c)
            if what is None:
                continue
            if c in _JOINERS and 0 < j < len(part) - 1 and not part[j - 1].isascii() and not part[j + 1].isascii():
                continue
            return "/".join(parts[: i + 1]), f"{what} (U+{ord(c):04X})"
    return None


# The designer's own temporary files: ``.<file>.pd-<process id>-<8 random>.tmp`` for a new version
# being written, ``... .old.tmp`` for the old version kept until the write is done. Hidden (never
# exported), and named by whom, so one a killed process left behind can be told from one being
# written right now and removed by the next save into its folder.
_TEMP_TAG = ".pd-"
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)  # open() refuses a symbolic link as the file itself (0: Windows)
_TEMP_RANDOM = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")  # tempfile's letters (hex is a subset)
_TEMP_BUSY = 60.0  # seconds: younger than this, a file may be being written (even from another computer)
_TEMP_ABANDONED = 3600.0  # no write takes an hour: by then the id may be another program's
_NAME_MAX = 255  # bytes of one file name (ext4, APFS; NTFS counts 255 UTF-16 units, never more bytes)


def _temp_prefix(name: str) -> str:
    """``.<name>.pd-<process id>-``: what a temporary file of ``name`` is called before its 8 random
    letters and ``.tmp`` / ``.old.tmp``, the file's name cut short when the whole would be too
    long for the file system (only the tag and what follows it tell a temporary file).

    Why: a file whose name was a little under the limit (76 Chinese characters, 232 bytes) could
    be opened and edited, but not saved: its temporary name was over it (ENAMETOOLONG).
    """
    tail = f"{_TEMP_TAG}{os.getpid()}-"
    room = _NAME_MAX - len(".") - len(tail) - 8 - len(".old.tmp")
    while len(name.encode("utf-8", "surrogateescape")) > room:
        name = name[:-1]  # whole characters: a name cut inside one is not UTF-8 (APFS refuses it)
    return f".{name}{tail}"


def _temporary_writer(name: str) -> int | None:
    """The process id in ``name`` when it is exactly one of the designer's temporary file names, else None."""
    if not (name.startswith(".") and name.endswith(".tmp")):  # the common case, answered at once
        return None
    stem = name[:-4]
    if stem.endswith(".old"):
        stem = stem[:-4]
    head, tag, tail = stem.rpartition(_TEMP_TAG)
    pid, dash, random = tail.partition("-")
    if not tag or len(head) < 2 or not dash or len(random) != 8 or not _TEMP_RANDOM.issuperset(random):
        return None
    if not (pid.isascii() and pid.isdigit() and 0 < len(pid) <= 10 and int(pid) > 0):
        return None
    return int(pid)


def is_temporary(name: str) -> bool:
    """Whether the file name ``name`` (no folder) is one of the designer's temporary files.

    Why it matters: one left behind by a designer that was killed mid-save is no file of the
    package; listings, checks, the project tree and the export all pass it over.
    """
    return _temporary_writer(name) is not None


def remove_stale_temporaries(folder: Path | str) -> list[str]:
    """Remove the designer's temporary files in ``folder`` that no save will finish; their names.

    Why: a designer killed between writing a new version and renaming it into place leaves the
    temporary file behind, forever. Only names of exactly our pattern go, and only when nobody
    can still be writing them: untouched for a minute, and the process named in them gone (or
    the file an hour old, by when that id may belong to another program). Never raises: a file
    that cannot be removed is no reason to call a save failed.
    """
    import stat

    return _remove_abandoned(folder, _temporary_writer, stat.S_ISREG, os.unlink)


def _remove_abandoned(
    folder: Path | str,
    pid_of: Callable[[str], int | None],
    is_kind: Callable[[int], bool],
    remove: Callable[[str], None],
) -> list[str]:
    """Remove what a killed save or import left in ``folder``: the names ``pid_of`` recognises
    (giving the process that made each, 0 when the name names none), of the kind ``is_kind``
    accepts (never a link), and only when nobody can still be at work on them: untouched for a
    minute, and the process gone (or an hour old, by when that id may be another program's; a
    name with no process only then). Their names; never raises.
    """
    import time

    try:
        with os.scandir(folder) as it:
            found = [(entry.name, pid) for entry in it if (pid := pid_of(entry.name)) is not None]
    except OSError:
        return []
    removed = []
    now = time.time()
    for name, pid in found:
        path = os.path.join(folder, name)
        try:
            st = os.lstat(path)
            if not is_kind(st.st_mode):  # (lstat: a link is neither a file nor a folder here)
                continue
            # ctime too: an old version kept is a hard link, with the mtime of the file it keeps.
            age = now - max(st.st_mtime, st.st_ctime)
            if age < _TEMP_BUSY or (age < _TEMP_ABANDONED and (pid == 0 or _process_alive(pid))):
                continue
            remove(path)
        except OSError:
            continue
        removed.append(name)
    return removed


def enclosing_package(target: Path) -> Path | None:
    """The branding package folder ``target`` is (or lies in), if any: a folder holding settings.json
    or manifest.json, or a ``webapp2`` folder that is ``target`` itself or holds a plugins/ folder
    (a folder of one's work that happens to be called webapp2 is no package).

    Why: a project made there (``new myproject/webapp2``, ``import x.zip -o myproject/webapp2/x``)
    became part of the outer package, which listed, checked and exported its files as its own;
    and opening ``myproject/webapp2`` opened the new one instead.
    """
    try:
        here = target.resolve()
    except (OSError, RuntimeError):  # a loop of links: mkdir says so
        return None
    for folder in (here, *here.parents):
        if folder.name == "webapp2" and folder.is_dir() and (folder == here or (folder / "plugins").is_dir()):
            return folder
        if (folder / "settings.json").is_file() or (folder / "manifest.json").is_file():
            return folder
    return None


def inside_package_refusal(target: Path, made: str) -> str | None:
    """Why a project cannot be made at ``target`` because it lies in a branding package (see
    :func:`enclosing_package`), else ``None``. ``made`` names the project: "a new project",
    "a project imported".

    Why one place: import and new refused with the same words written out twice, and a change
    to one left the other behind.
    """
    inside = enclosing_package(target)
    if inside is None:
        project = project_of_designer_folder(target)
        if project is None:
            return None
        own = project / ".plugin-designer"
        where = "the folder" if own == target.resolve() else f"inside {said_as_given(own, target)},"
        return (
            f"{target} is {where} where the designer keeps the records of the project "
            f"{said_as_given(project, target)} (its exports, the copy of an imported ZIP, removed plugins): {made} "
            "there would be mixed with them. Choose a folder outside it."
        )
    return (
        f"{target} is inside the branding package {said_as_given(inside, target)}: {made} there would become part of "
        "that package (uploaded with its next export). Choose a folder outside it."
    )


def project_of_designer_folder(target: Path) -> Path | None:
    """The project whose own ``.plugin-designer`` folder ``target`` is or lies in (beside the
    project's webapp2/, or in a package folder of its own), else None.

    Why: `check p/.plugin-designer` offered `new p/.plugin-designer`, and new and import made a
    project there, among the record of the project's exports and its trash.
    """
    try:
        here = target.resolve()
    except (OSError, RuntimeError):
        return None
    for folder in (here, *here.parents):
        if folder.name == ".plugin-designer" and (
            (folder.parent / "webapp2").is_dir() or enclosing_package(folder.parent) is not None
        ):
            return folder.parent
    return None


def unusable_folder_refusal(target: Path, choose: str) -> str | None:
    """Why ``target`` cannot become a new project folder (it is a file or something else, cannot
    be read, or holds files), else ``None`` (it is new, or an empty folder). ``choose`` ends each
    sentence: what to do instead ("choose a new folder to import into").

    Why one place: import and Save As refused a taken folder with the same tests and sentences
    written out twice.
    """
    if not target.exists():
        return None
    if not target.is_dir():
        what = "a file" if target.is_file() else "not a folder"
        return f"{target} is {what}; {choose}."
    try:
        empty = not any(target.iterdir())
    except OSError as exc:
        return f"{target} cannot be read ({exc.strerror or exc}); choose another folder."
    return None if empty else f"{target} already exists and is not empty; {choose}."


# The folder an import unpacks into before renaming it to the project folder it asked for:
# ``.<project name>.import-<process id>-<8 random>`` beside it (before this version, without the
# process id). Hidden, so a folder of projects never counts it as one of them.
IMPORT_TAG = ".import-"


def import_temp_prefix(target_name: str) -> str:
    """What :func:`import_leftover_pid` knows as an import's folder for the project ``target_name``,
    before the 8 random letters mkdtemp adds."""
    return f".{target_name[:64]}{IMPORT_TAG}{os.getpid()}-"


def import_leftover_pid(name: str) -> int | None:
    """The process id in ``name`` when it is exactly the name of an import's unpacking folder,
    0 when it is one of an older version (which named no process), else None."""
    if not name.startswith(".") or IMPORT_TAG not in name:  # the common case, answered at once
        return None
    head, _tag, tail = name.rpartition(IMPORT_TAG)
    pid, dash, random = tail.rpartition("-")
    if len(head) < 2 or len(random) != 8 or not _TEMP_RANDOM.issuperset(random):
        return None
    if not dash:
        return 0
    if not (pid.isascii() and pid.isdigit() and 0 < len(pid) <= 10 and int(pid) > 0):
        return None
    return int(pid)


def remove_import_leftovers(folder: Path | str) -> list[str]:
    """Remove from ``folder`` the unpacking folders of imports that were killed (power cut, kill -9,
    a crash) before they renamed them into place; their names.

    Why: each such folder holds a whole unpacked package (up to the import's 512 MB budget),
    hidden, forever. Only folders named exactly as an import names them go, never through a link,
    and only when no import can still be filling them: untouched for a minute, and the process
    named in them gone (or an hour old, by when that id may be another program's; a folder of an
    older version, which names no process, only then). Never raises.
    """
    import stat

    finish_moved_imports(Path(folder))  # (their record would go with them)
    return _remove_abandoned(folder, import_leftover_pid, stat.S_ISDIR, remove_tree)


def finish_moved_imports(folder: Path, project: str | None = None) -> str | None:
    """Finish the imports into existing folders of ``folder`` (only into ``project``, when named) that
    were killed while moving their unpacked files in: what is still in the unpacking folder goes
    into the project, the designer's own folder last. What was finished, in a sentence to say once
    (None: nothing was; see finish_interrupted_write). Never raises.

    Why: webapp2/ moved in first, the import's record (what the package came from, the copy of the
    ZIP the first export compares with) stayed in the hidden unpacking folder, and the next import
    beside it removed that. Only when the process is gone, webapp2/ is in the project and no longer
    in the unpacking folder, and the record is there: the moving had begun and got no further.
    """
    try:
        with os.scandir(folder) as entries:
            found = [e.name for e in entries if import_leftover_pid(e.name) and e.is_dir(follow_symlinks=False)]
    except OSError:
        return None
    said = []
    for name in found:
        target = name[1 : name.rindex(IMPORT_TAG)]
        if project is not None and target != project[:64]:
            continue
        place = folder / (project if project is not None else target)
        source = _finish_move(folder / name, place)
        if source is not None:
            said.append(f"The import of {source} into {place} was cut short and is finished now.")
    return " ".join(said) or None


def in_move_order(names: list[str]) -> list[str]:
    """The entries of a folder moved into a project, in the order they go: the designer's own folder
    (with the import's record) last, so that a project holding the record is a whole one."""
    from .state import STATE_DIR

    return sorted(names, key=lambda name: (name == STATE_DIR, name))


def _finish_move(leftover: Path, project: Path) -> str | None:
    """Move what a killed import left in ``leftover`` into ``project`` (see finish_moved_imports); the
    name of the ZIP it imported (as its record says) when it did, else None."""
    from .state import STATE_DIR, STATE_FILE

    pid = import_leftover_pid(leftover.name)
    try:
        if not pid or _still_writing(pid, leftover) or os.path.lexists(leftover / "webapp2"):
            return None
        record = leftover / STATE_DIR / STATE_FILE
        if not (project / "webapp2").is_dir() or not record.is_file():
            return None
        source = _imported_from(record)
        for name in in_move_order(os.listdir(leftover)):
            if not os.path.lexists(project / name):  # (something made there since stays, and so does this)
                os.rename(leftover / name, project / name)
        leftover.rmdir()
    except OSError:
        return None
    return source


def _imported_from(record: Path) -> str:
    """The name of the ZIP an import's ``record`` (its state.json) says it came from; "a ZIP" when unsaid."""
    import json

    try:
        source = json.loads(record.read_bytes())["imported"]["source"]
    except (OSError, ValueError, KeyError, TypeError):
        return "a ZIP"
    return os.path.basename(source) if isinstance(source, str) and source else "a ZIP"


def remove_tree(path: Path | str) -> None:
    """Remove the folder ``path`` and everything in it, as :func:`shutil.rmtree` does: links are
    removed, never followed, and the first file that cannot be removed raises :class:`OSError`.

    Why not shutil.rmtree: before Python 3.12 it calls itself once per folder level, so a folder
    nested deeper than Python's recursion limit (a ZIP with an entry a thousand folders deep, its
    import killed or failed) raised RecursionError, which no ``except OSError`` and no
    ``ignore_errors=True`` stops: a traceback, and the whole unpacked package left hidden beside
    the project. Here a list of folders still to empty takes the place of the calls.
    """
    top = os.fspath(path)
    if os.path.islink(top):
        raise OSError(f"{top} is a symbolic link: not followed")
    todo = [top]
    while todo:
        folder = todo[-1]
        with os.scandir(folder) as it:
            inner = []
            for entry in it:
                if entry.is_dir(follow_symlinks=False):
                    inner.append(entry.path)
                else:
                    os.unlink(entry.path)
        if inner:
            todo.extend(inner)  # emptied first; then this folder is listed again, empty, and goes
        else:
            os.rmdir(folder)
            todo.pop()


def _process_alive(pid: int, unknown: bool = True) -> bool:
    """Whether the process ``pid`` may still run (``unknown`` when that cannot be told)."""
    if pid == os.getpid():
        return True
    if os.name == "nt":
        # Windows: os.kill would end the process, and asking needs calls we cannot test; the hour decides.
        return unknown
    try:
        os.kill(pid, 0)  # signal 0: asks whether it exists, sends nothing
    except ProcessLookupError:
        return False
    except OverflowError:  # no such process id can exist
        return False
    except OSError:  # PermissionError: it exists, another user's
        return True
    return True


def _sweep(folders: Iterable[Path]) -> None:
    """:func:`remove_stale_temporaries` in each folder just written into."""
    for folder in dict.fromkeys(folders):
        remove_stale_temporaries(folder)


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` so that ``path`` is either the old file or the new one, never half.

    The temp file sits in the same folder (same file system) and is fsynced before the
    rename, so a crash or power cut cannot leave a truncated settings.json behind; one an
    earlier crash left there goes now.
    """
    os.replace(_prepare(path, data), path)
    _sweep([path.parent])


# In the project's designer folder while an export writes its files (see atomic_write_all).
WRITE_JOURNAL = "writing.json"
# When this process began (a journal of its process id older than this is a killed earlier one's).
_STARTED = time.time()


def atomic_write_all(
    files: dict[Path, bytes],
    moves: list[tuple[Path, Path]] | None = None,
    journal: Path | None = None,
    doing: str = "",
) -> None:
    """Write several files (and move others, to the trash) so that a failure leaves every one as it was.

    Why: one save can change settings.json, a package file and a source together (renaming an
    id), and move a removed plugin's files to the trash; an export writes the ZIP with the new
    brandingID. Half of that on disk puts the ids out of step, or raises a brandingID no ZIP
    holds. So every new version is first written and fsynced next to its file, and the old
    version of each file about to be replaced is kept beside it (a hard link: no copy, and the
    file itself, mode and all; a copy where the file system has no links); the folders ``moves``
    go to are made. Only then are the files renamed into place and the others moved. If any step
    fails (a file made immutable, a trash folder that refuses), the files already replaced get
    their old version back, the ones moved go back, the new ones and the folders made go away,
    and the error names the user's file, never a temporary one.

    ``journal``: where to note, once every new version is ready, what is about to be renamed and
    moved, so that a process killed half way (kill -9, a power cut: no exception to put things back
    on) has its write finished by the next one that opens the project (see finish_interrupted_write).
    ``doing``: the write in words ("The export to out.zip"), for that one to say what it finished.
    """
    made: list[Path] = []  # folders this call created, outermost first
    ready: list[tuple[str, Path]] = []  # (temporary file with the new bytes, its target)
    kept: dict[Path, str | None] = {}  # target -> its old version beside it; None: there was none
    placed: list[Path] = []
    moved: list[tuple[Path, Path]] = []
    try:
        for path, data in files.items():
            try:
                _make_folders(path.parent, made)
            except OSError as exc:
                raise _named(exc, path) from None
            ready.append((_prepare(path, data), path))
        for _tmp, path in ready:
            kept[path] = _keep_old(path)
        for _src, dst in moves or ():
            try:
                _make_folders(dst.parent, made)
            except OSError as exc:
                where = exc.filename or str(dst.parent)
                raise type(exc)(exc.errno, f"{exc.strerror} (the trash folder for the removed files)", where) from None
        if journal is not None and not _begin_journal(journal, made, ready, kept, moves or [], doing):
            journal = None
        for tmp, path in ready:
            try:
                os.replace(tmp, path)
            except OSError as exc:
                raise _named(exc, path) from None
            placed.append(path)
        import shutil

        for src, dst in moves or ():
            try:
                shutil.move(str(src), str(dst))
            except OSError as exc:
                raise type(exc)(exc.errno, f"{exc.strerror} (moving it to {dst.parent})", str(src)) from None
            moved.append((src, dst))
    except BaseException as exc:
        if journal is not None:  # (first: a journal left would finish the write this puts back)
            _unlink(str(journal), quiet=True)
        left = _roll_back(ready, kept, placed, moved, made)
        if left and isinstance(exc, OSError):
            raise type(exc)(
                exc.errno,
                f"{exc.strerror or exc}; and could not be put back as it was: {'; '.join(left)}",
                exc.filename,
            ) from None
        raise
    if journal is not None:
        _unlink(str(journal), quiet=True)
        if journal.parent in made:  # made for the journal alone: no empty designer folder is left
            _rmdir_quietly(journal.parent)
    for old in kept.values():
        if old is not None:
            _unlink(old, quiet=True)  # the write is done: a stray copy left is no reason to call it failed
    _sweep(path.parent for path in files)


def _rmdir_quietly(folder: Path) -> None:
    try:
        folder.rmdir()
    except OSError:  # not empty (something else is in it) or refused: left as it is
        pass


def _begin_journal(
    journal: Path,
    made: list[Path],
    ready: list[tuple[str, Path]],
    kept: dict[Path, str | None],
    moves: list[tuple[Path, Path]],
    doing: str,
) -> bool:
    """Note in ``journal`` the renames and moves :func:`atomic_write_all` is about to make, its folder
    made (a check --fix's, in a project without one); False when it cannot be written there.

    Why not fail then: a file named as the designer folder, or a project folder the user may not
    write in, refused check --fix and new, which need no such folder for their own files (an
    export writes its state there first, so it is refused before this)."""
    import json

    entry = {
        "pid": os.getpid(),
        "replace": [[tmp, str(path), kept.get(path)] for tmp, path in ready],
        "kept": [old for old in kept.values() if old is not None],
        "moves": [[str(src), str(dst)] for src, dst in moves],
        "doing": doing,
    }
    try:
        _make_folders(journal.parent, made)
        atomic_write(journal, json.dumps(entry).encode())
    except OSError:
        if journal.parent in made:
            _rmdir_quietly(journal.parent)
            made.remove(journal.parent)
        return False
    return True


def finish_interrupted_write(journal: Path) -> str | None:
    """Finish the write a killed process noted in ``journal`` (see :func:`atomic_write_all`): the new
    versions it had made ready are renamed into place and the files it was moving moved; what was
    finished, in a sentence to say once (None: there was none). Never raises.

    Why forward, not back: every new version was whole on disk before the first rename, and an
    export's ZIP, its manifest.json and the state naming its brandingID must agree. Killed between
    them, the project named a brandingID no ZIP held, or a ZIP held one the project did not
    remember (and the next export gave it again, so clients kept their cached branding).
    Only temporary files of the designer's naming, renamed over the file beside them, are taken
    from the journal: a damaged one renames nothing else.
    Why said: finished silently, a ZIP and a project changed under the user between two commands.
    """
    import json

    try:
        entry = json.loads(journal.read_bytes())
        pid = entry["pid"]
        if not isinstance(pid, int) or _still_writing(pid, journal):
            return None
        for tmp, target, old in entry["replace"]:
            if not _temporary_of(tmp, target) or not os.path.lexists(tmp):
                continue  # (renamed into place already, or no file of this write's)
            if _untouched_since(target, old):
                os.replace(tmp, target)
            else:  # another program wrote there since: its file stays
                _unlink(tmp, quiet=True)
        for src, dst in entry["moves"]:
            if os.path.lexists(src) and not os.path.lexists(dst):
                os.makedirs(os.path.dirname(dst), exist_ok=True)
                os.rename(src, dst)
        for old in entry["kept"]:
            if isinstance(old, str) and is_temporary(os.path.basename(old)):
                _unlink(old, quiet=True)
        os.unlink(journal)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    _rmdir_quietly(journal.parent)  # (made for a check --fix's journal alone: empty now)
    doing = entry.get("doing")
    doing = doing if isinstance(doing, str) and doing else "A write of this project"
    return f"{doing} was cut short and is finished now."  # (short: the status bar shows it after "Opened …")


def _untouched_since(target: str, old: object) -> bool:
    """Whether ``target`` is still as the killed write found it: its kept version ``old`` (a second
    name, else a copy), or nothing at all; or gone since (what the write made may take its place)."""
    import filecmp

    if not os.path.lexists(target):
        return True
    if not isinstance(old, str) or not is_temporary(os.path.basename(old)):
        return False  # (made since, where there was nothing)
    now, then = os.lstat(target), os.lstat(old)
    if (now.st_dev, now.st_ino) == (then.st_dev, then.st_ino):
        return True
    return stat.S_ISREG(now.st_mode) and filecmp.cmp(target, old, shallow=False)


def _still_writing(pid: int, path: Path) -> bool:
    """Whether the process ``pid`` may still be at the write ``path`` notes (a journal, an import's
    unpacking folder): another one that runs, or this one (a deploy writes on a thread of its own)
    unless ``path`` is older than it (where each start gets the same process id: a container)."""
    if pid == os.getpid():
        return os.stat(path).st_mtime >= _STARTED
    return _process_alive(pid, unknown=False)


def _temporary_of(tmp: object, target: object) -> bool:
    """Whether ``tmp`` names a temporary file the designer makes beside the file ``target``."""
    return (
        isinstance(tmp, str)
        and isinstance(target, str)
        and os.path.dirname(tmp) == os.path.dirname(target)
        and is_temporary(os.path.basename(tmp))
        and not tmp.endswith(".old.tmp")
    )


def _roll_back(
    ready: list[tuple[str, Path]],
    kept: dict[Path, str | None],
    placed: list[Path],
    moved: list[tuple[Path, Path]],
    made: list[Path],
) -> list[str]:
    """Undo what :func:`atomic_write_all` did so far; what could not be undone, said (kept copies stay)."""
    import shutil

    left: list[str] = []
    for src, dst in reversed(moved):
        try:
            shutil.move(str(dst), str(src))
        except OSError as exc:
            left.append(f"{src} is in {dst.parent} ({exc.strerror or exc})")
    for path in reversed(placed):
        old = kept.get(path)
        try:
            if old is None:
                os.unlink(path)
            else:
                os.replace(old, path)
        except OSError as exc:
            left.append(f"{path} ({exc.strerror or exc})" + (f", its old version is {old}" if old else ""))
            kept.pop(path, None)  # keep that copy: it is the only one left
    for tmp, _path in ready:
        _unlink(tmp, quiet=True)  # the ones not renamed (a renamed one is gone already)
    for old in kept.values():
        if old is not None:
            _unlink(old, quiet=True)
    for folder in reversed(made):
        try:
            folder.rmdir()
        except OSError:  # not empty (something else is in it) or refused: left as it is
            pass
    return left


def _named(exc: OSError, path: Path) -> OSError:
    """``exc`` naming ``path`` (the user's file) instead of the temporary file that was renamed."""
    if exc.errno is None:
        return exc
    return type(exc)(exc.errno, exc.strerror, str(path))


def _keep_old(path: Path) -> str | None:
    """A second name for the file at ``path`` beside it (a hard link, else a copy), to put back
    if a later step of the same write fails; ``None`` when nothing is there."""
    if not os.path.lexists(path):
        return None
    import shutil

    for _ in range(100):
        old = str(path.parent / f"{_temp_prefix(path.name)}{os.urandom(4).hex()}.old.tmp")
        try:
            os.link(path, old, follow_symlinks=False)
            return old
        except FileExistsError:
            continue
        except (OSError, NotImplementedError):  # no hard links here (FAT, some shares), or an immutable file
            pass
        try:
            shutil.copyfile(path, old, follow_symlinks=False)
        except OSError as exc:
            _unlink(old)
            raise _named(exc, path) from None
        try:  # its times and mode, as the file had them (what is put back if the write fails)...
            shutil.copystat(path, old, follow_symlinks=False)
        except OSError:  # ...where the drive keeps them (FAT refuses chmod): see set_mode
            pass
        return old
    raise FileExistsError(17, "no free name for a temporary copy beside it", str(path))


def _make_folders(folder: Path, made: list[Path]) -> None:
    """``folder`` and any missing parents, noting the ones made (outermost first) in ``made``."""
    missing: list[Path] = []
    here = folder
    while not os.path.lexists(here) and here.parent != here:
        missing.append(here)
        here = here.parent
    folder.mkdir(parents=True, exist_ok=True)
    from .sudo import give_new

    for new in reversed(missing):
        give_new(new)  # (run through sudo: a folder made in the user's is theirs, as those in it)
    made.extend(reversed(missing))


def make_folder(folder: Path) -> None:
    """``folder`` and any missing parents (``mkdir -p``); run through sudo, those made in a folder of
    the user's are theirs (see sudo.give_new).

    Why: a project imported or saved into a new folder of the user's home as root (``-o
    ~/work/new/project``, the first example copy under a fresh ~/.local/share) left the folders made
    around it root's, and the user's next run could not write in them (its crash copies: none kept)."""
    _make_folders(folder, [])


def give_folder_mode(folder: Path) -> None:
    """Give ``folder`` the permissions a folder made with ``mkdir`` would have (0777 less the
    umask). Why: ``tempfile.mkdtemp`` makes it private (0700), and a project folder built in one,
    then renamed into place, is an ordinary folder.

    Run through sudo, in a folder of the user's, the folder and all in it go to that user too, before
    it is renamed into place: an import, a new project or a Save As made from the command line
    (which gives nothing back when it ends) were root's, and the user could not save in them."""
    if os.name != "posix":
        return
    mask = os.umask(0)
    os.umask(mask)
    set_mode(folder, 0o777 & ~mask)
    from .sudo import give_back, sudo_owner

    owner = sudo_owner()
    if owner is not None:
        give_back(folder, owner)


@contextmanager
def whole_folder(final: Path) -> Iterator[Path]:
    """A hidden folder beside ``final`` (not there yet, or an empty folder) to fill, renamed into
    place when the block ends well; removed when it does not. Named as an import's unpacking
    folder, so that one a killed process left is swept by the next import, Save As, new project
    or copy there (see remove_import_leftovers).

    Why: a project written file by file and killed half way (a crash, a power cut, a full disk)
    was a project that did not load, or one taken as whole with files missing, for good."""
    import tempfile

    make_folder(final.parent)
    remove_import_leftovers(final.parent)
    tmp = Path(tempfile.mkdtemp(prefix=import_temp_prefix(final.name), dir=final.parent))
    try:
        yield tmp
        give_folder_mode(tmp)
        if final.is_dir():
            final.rmdir()  # (only an empty one: anything in it stops the rename, as it should)
        os.rename(tmp, final)
    except BaseException:
        try:
            remove_tree(tmp)
        except OSError:  # (left hidden, for the next sweep there: the error that stopped it is the one to say)
            pass
        raise


def set_mode(path: str | Path, mode: int) -> None:
    """``os.chmod``, except where the file system keeps no permissions at all.

    Why: a FAT or exFAT drive (a USB stick formatted on Windows, some FUSE and SMB mounts)
    refuses chmod ("Operation not permitted", "Function not implemented", "not supported") on
    files we just made there, and every save and import was refused with those words; the
    files simply get the permissions that drive gives every file. Other refusals still count.
    """
    import errno

    try:
        os.chmod(path, mode)
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):
            raise


def _prepare(path: Path, data: bytes) -> str:
    """``data`` in an fsynced temporary file beside ``path`` (with its mode); its name."""
    import tempfile

    from .sudo import give_new

    try:
        _make_folders(path.parent, [])
        # mkstemp adds 8 random letters: see _temporary_writer
        fd, tmp = tempfile.mkstemp(prefix=_temp_prefix(path.name), suffix=".tmp", dir=path.parent)
    except OSError as exc:  # name the file the user knows, not the temporary one
        raise type(exc)(exc.errno, exc.strerror, str(path)) from None
    give_new(Path(tmp), replaced=path)  # (run through sudo: the user's file stays theirs)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if path.exists():
            set_mode(tmp, path.stat().st_mode & 0o7777)
        else:
            set_mode(tmp, 0o644)
    except BaseException as exc:
        _unlink(tmp)
        if isinstance(exc, OSError):
            raise type(exc)(exc.errno, exc.strerror, str(path)) from None
        raise
    return tmp


def _unlink(tmp: str, quiet: bool = False) -> None:
    """Remove a temporary file; ``quiet``: whatever the reason it cannot be (while putting things back)."""
    try:
        os.unlink(tmp)
    except FileNotFoundError:
        pass
    except OSError:
        if not quiet:
            raise


# How long after its last write a file's times surely tell a later write (see DirFiles.signature):
# file systems stamp times by the tick (FAT: 2 seconds; some network drives: 1), and a rewrite in
# the tick of the last look, the size kept, leaves the stamp as it was. A younger file is read to be sure.
SETTLED_NS = 3 * 10**9


class PackageFiles:
    """Read-only view of the files under the package's webapp2 folder."""

    label: str  # how to name the package root in messages
    writable: bool = False
    # What a killed process had begun and opening the project finished (see locate), to say once.
    finished_write: str | None = None

    def names(self) -> list[str]:
        raise NotImplementedError

    def links(self) -> list[str]:
        """Symbolic links in the package (never followed); a ZIP opened read-only has none (vetted)."""
        return []

    def unreadable_folders(self) -> list[tuple[str, str]]:
        """(folder, why) for each folder of the package that cannot be listed; a ZIP has none."""
        return []

    def special_files(self) -> list[tuple[str, str]]:
        """(name, what it is) for each pipe, socket or device in the package; a ZIP has none (vetted)."""
        return []

    def read_bytes(self, rel: str) -> bytes:
        raise NotImplementedError

    def signature(self, rel: str) -> tuple[int, ...] | None:
        """What tells whether the file ``rel`` changed without reading it (see :meth:`DirFiles.signature`);
        None: nothing does, read it. A ZIP opened read-only changes only when opened again."""
        return None

    def signatures(self, rels: Iterable[str]) -> dict[str, tuple[int, ...] | None]:
        """:meth:`signature` of each of ``rels``."""
        return {rel: self.signature(rel) for rel in rels}

    def folder_stamps(self) -> dict[str, tuple[int, int] | None]:
        """What tells whether a file was added or deleted without listing the package again (see
        :meth:`DirFiles.folder_stamps`); {}: nothing does. A ZIP opened read-only never changes."""
        return {}

    def exists(self, rel: str) -> bool:
        return rel in self._index()

    def case_match(self, rel: str) -> str | None:
        """The existing name that equals ``rel`` ignoring case, if ``rel`` itself is absent (or
        that spells an accented letter the other way: macOS writes "é" as "e" + accent)."""
        if self.exists(rel):
            return rel
        return self._lower_index().get(clash_key(rel))

    def _index(self) -> set[str]:
        if getattr(self, "_idx", None) is None:
            self._idx = set(self.names())
        return self._idx

    def _lower_index(self) -> dict[str, str]:
        if getattr(self, "_lidx", None) is None:
            self._lidx = {clash_key(n): n for n in sorted(self.names())}
        return self._lidx

    def invalidate(self) -> None:
        self._idx = None
        self._lidx = None


class FolderReplacedError(PermissionError):
    """The package folder's name leads, by a symbolic link, to another folder than the one opened."""


def _folder_identity(folder: Path) -> tuple[str, int, int] | None:
    """Where ``folder`` leads (links followed) and which folder that is on disk; None: not there."""
    try:
        st = os.stat(folder)
    except OSError:
        return None
    return os.path.realpath(folder), st.st_dev, st.st_ino


class DirFiles(PackageFiles):
    writable = True

    def __init__(self, root: Path, project: Path | None = None) -> None:
        self.root = root
        self.project = project or root.parent
        self.label = str(root)
        self._known_folders: set[str] = set()  # folders the package had (see check_folders_there)
        self._seen: list[str] = []  # the last listing made while the folder was there (see names_seen)
        self._opened = _folder_identity(root)  # where the folder was when opened (see check_there)

    def names(self) -> list[str]:
        """Every regular file, sorted folder by folder (a folder's files before its subfolders).

        The designer's own temporary files (:func:`is_temporary`) are no files of the package.
        Symbolic links are skipped, never followed. Why :func:`os.scandir`: each entry's type
        comes with the listing, so this costs one system call per folder rather than two per
        file (``os.walk`` plus ``islink``/``isfile``).
        """
        return list(self._listing()[0])

    def holds_temporaries(self) -> bool:
        """Whether the last listing (see :meth:`names`) met temporary files of the designer's: a
        write, a save in the window, is under way or was cut short (its old versions are kept
        beside the files until it is done)."""
        self._listing()
        return bool(self._temporaries)

    def read_bytes(self, rel: str) -> bytes:
        """The bytes of the file ``rel``; a symbolic link, a named pipe or a device standing there is
        refused, not followed or read.

        Why: :meth:`names` leaves those out, yet settings.json and manifest.json are read by name
        (the window always lists them): a link there showed, editable, a file from anywhere on the
        computer (``/etc/passwd``) while the checks said the designer does not follow it, and a
        named pipe there hung the window for good when selected (reading waits for a writer).
        """
        import stat

        # os.path.join, not ``root / rel``: a check reads every file of the package, and pathlib
        # parses both paths for each (a third of a check's file reading). Same file, same errors.
        path = os.path.join(self.root, rel)
        try:
            if not _NO_FOLLOW and os.path.islink(path):  # (no O_NOFOLLOW: Windows)
                raise OSError
            # Non-blocking: opening a named pipe waits for a writer otherwise (a file is not affected).
            fd = os.open(path, os.O_RDONLY | _NO_FOLLOW | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0))
        except OSError:
            if os.path.islink(path):
                raise PermissionError(
                    f"{path} is a symbolic link, which the designer does not follow (it could point anywhere on "
                    "this computer, and the export leaves it out). Put the file itself there."
                ) from None
            raise
        try:
            mode = os.fstat(fd).st_mode
        except OSError:
            os.close(fd)
            raise
        if not stat.S_ISREG(mode):
            os.close(fd)
            # In words, naming the file ("[Errno 21] Is a directory: 4" named the descriptor).
            what = "a folder" if stat.S_ISDIR(mode) else not_a_file(Path(path)) or "not a file"
            raise (IsADirectoryError if stat.S_ISDIR(mode) else OSError)(
                f"{path} is {what}, not a file, so the designer does not read it (and the export leaves it out). "
                "Put the file itself there."
            )
        try:
            return read_to_end(fd)
        finally:
            os.close(fd)

    def signature(self, rel: str) -> tuple[int, ...] | None:
        """(device, inode, size, modified, changed: the last two in ns) of the file ``rel``; None
        when it is no regular file (absent, a folder, a link). A program that rewrites a file
        changes one of them: a save made atomically gives a new inode, one in place moves the
        times (and the change time cannot be set back, as the modified time can, by ``touch``)."""
        return self.signatures((rel,))[rel]

    def signatures(self, rels: Iterable[str]) -> dict[str, tuple[int, ...] | None]:
        """:meth:`signature` of each of ``rels``, in one loop (coming back to the window asks it of
        every file of the project)."""
        root, lstat, is_file = os.fspath(self.root) + os.sep, os.lstat, stat.S_ISREG
        out: dict[str, tuple[int, ...] | None] = {}
        for rel in rels:
            try:
                st = lstat(root + rel)
            except (OSError, ValueError):  # (ValueError: a NUL in the name)
                out[rel] = None
                continue
            out[rel] = (
                (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns) if is_file(st.st_mode) else None
            )
        return out

    def folder_stamps(self) -> dict[str, tuple[int, int] | None]:
        """(inode, modified time in ns) of the package folder and of each folder it had files in
        (None: gone), as of the last listing. A file added, deleted or renamed in a folder changes
        its modified time: a few system calls tell whether to list the whole package again.
        (A folder that held no file, nor another folder, is not among them.)"""
        self._listing()
        root, lstat = os.fspath(self.root) + os.sep, os.lstat
        out: dict[str, tuple[int, int] | None] = {}
        for folder in {"", *self._known_folders}:
            try:
                st = lstat(root + folder)
            except (OSError, ValueError):
                out[folder] = None
                continue
            out[folder] = st.st_ino, st.st_mtime_ns
        return out

    def links(self) -> list[str]:
        """The symbolic links under the package (to files or folders), which :meth:`names` leaves
        out and the export never follows: a check says so, and nothing is written over them."""
        return list(self._listing()[1])

    def names_seen(self) -> list[str]:
        """The files of the last listing made while the package folder was there.

        Why: once the folder is gone (deleted, a drive unmounted), listing it again finds no file
        at all, and Save As must still name every file it can no longer copy, not claim a whole
        copy of a package it knew only half of."""
        self._listing()
        return list(self._seen)

    def unreadable_folders(self) -> list[tuple[str, str]]:
        """(folder, why) for each folder under the package that cannot be listed (permissions)."""
        return list(self._listing()[2])

    def special_files(self) -> list[tuple[str, str]]:
        """(name, what it is) for each named pipe, socket or device under the package: no file to
        read or export (reading a pipe waits forever), and :meth:`names` leaves them out."""
        return list(self._listing()[3])

    def _listing(self) -> tuple[list[str], list[str], list[tuple[str, str]], list[tuple[str, str]]]:
        """(files, links, unreadable folders, special files) from one walk of the folder, kept until
        :meth:`invalidate`."""
        listing = getattr(self, "_walked", None)
        if listing is None:
            files: list[str] = []
            links: list[str] = []
            unreadable: list[tuple[str, str]] = []
            special: list[tuple[str, str]] = []
            there = os.path.isdir(self.root)
            self._temporaries: list[str] = []
            _list_folder(str(self.root), "", files, links, unreadable, special, self._temporaries)
            listing = self._walked = (files, links, unreadable, special)
            if there and self.leads_elsewhere() is None:  # (not another folder's files)
                self._seen = files
            self._remember_folders(files)
        return listing

    def _remember_folders(self, rels: Iterable[str]) -> None:
        """Note the folders holding ``rels`` as ones the package had (see :meth:`check_folders_there`)."""
        known = self._known_folders
        for rel in rels:
            folder = rel.rpartition("/")[0]
            while folder and folder not in known:
                known.add(folder)
                folder = folder.rpartition("/")[0]

    def check_folders_there(self, rels: Iterable[str]) -> None:
        """Raise :class:`FileNotFoundError` (a sentence for the user) when a file of ``rels`` goes
        into a folder the package had, which is gone now.

        Why: a plugin folder another program deleted or renamed while the project was open was
        made again by the next save, holding only the package file (no source, no icons): a
        half plugin beside the renamed one, which settings.json then pointed to, even from a Save
        with nothing edited. A folder the designer itself emptied into the trash is no longer
        one the package had, so a new plugin of the same name still saves.
        """
        known = self._known_folders
        for rel in rels:
            folder = rel.rpartition("/")[0]
            gone = None
            while folder:  # the outermost folder gone is the one to name (plugins/x, not plugins/x/img)
                if folder in known and not os.path.lexists(os.path.join(self.root, folder)):
                    gone = folder
                folder = folder.rpartition("/")[0]
            if gone is not None:
                raise FileNotFoundError(
                    f"The folder {gone} (in {self.root}) no longer exists: another program moved, renamed or "
                    f"deleted it after the project was opened, and saving would make it again holding only {rel}. "
                    "Put the folder back and save again, or use File ▸ Reload to see the project as it is now."
                )

    def invalidate(self) -> None:
        super().invalidate()
        self._walked = None

    def write_bytes(self, rel: str, data: bytes) -> None:
        """Write atomically; a symbolic link in the way is refused, not replaced by a file (the
        link may be someone's shared settings.json, and replacing it would end the sharing)."""
        self.write_many({rel: data})

    def write_many(
        self,
        files: dict[str, bytes],
        also: dict[Path, bytes] | None = None,
        trash: list[str] | None = None,
        journal: Path | None = None,
        doing: str = "",
    ) -> Path | None:
        """:meth:`write_bytes` for several files at once: all of them, or none (see atomic_write_all).

        ``also``: files outside the package written in the same all-or-nothing step (the export's ZIP).
        ``trash``: files moved to the project's trash in the same step (see :meth:`move_to_trash`);
        returns that trash folder (``None`` when nothing was moved).
        ``journal``, ``doing``: see atomic_write_all (finished when the project is opened again).
        """
        self.check_there()
        self.check_folders_there(files)
        for rel in files:
            path = self.root
            for part in rel.split("/"):
                path = path / part
                if path.is_symlink():
                    # The link named once when it is the file itself ("manifest.json: manifest.json is ..."
                    # read as a stutter), and after the file when it is one of its folders.
                    link = path.relative_to(self.root).as_posix()
                    what = link if link == rel else f"{rel}: {link}"
                    raise PermissionError(
                        f"{what} is a symbolic link, which the designer does not write through or replace (the "
                        "export leaves links out). Put the file itself there first."
                    )
            there = not_a_file(path)
            if there not in (None, "a folder"):  # (a folder refuses to be replaced by itself)
                raise PermissionError(
                    f"{rel} is {there}, not a file; the designer does not replace it. Put the file itself there first."
                )
        for rel in trash or []:
            # A folder of a removed file that another program replaced by a link after the project
            # was opened: the move took the files from wherever the link points (another project's
            # plugin, a shared folder) into this project's trash. (The file itself a link: the link moves.)
            path = self.root
            for part in rel.split("/")[:-1]:
                path = path / part
                if path.is_symlink():
                    raise PermissionError(
                        f"{path.relative_to(self.root).as_posix()} is a symbolic link (to {os.readlink(path)}) now; "
                        f"the designer moves a removed plugin's files to its trash only from the project itself, "
                        "never through a link, so that nothing is taken from elsewhere. No file was moved or "
                        "written. Put the folder itself there (or remove the link) and save again."
                    )
        folder = self._trash_folder() if trash else None
        moves = [(self.root / rel, folder / rel) for rel in trash or []] if folder is not None else []
        try:
            atomic_write_all(
                {**{self.root / rel: data for rel, data in files.items()}, **(also or {})}, moves, journal, doing
            )
        finally:
            self.invalidate()
        self._remember_folders(files)
        known = self._known_folders
        for src, _dst in moves:  # folders the move left empty go too, so no empty plugin folder stays behind
            parent = src.parent
            while parent != self.root and parent.is_dir() and not any(parent.iterdir()):
                try:
                    parent.rmdir()
                except OSError:  # an empty folder left behind is no reason to call the save failed
                    break
                known.discard(parent.relative_to(self.root).as_posix())
                parent = parent.parent
        return folder

    def check_there(self) -> None:
        """Raise :class:`FileNotFoundError` (a sentence for the user) when the package folder is gone.

        Why: a folder moved, renamed or deleted while open would otherwise be made again at the old
        place by the next write, holding only the files written then (no sources, no icons): a
        partial copy nobody asked for, and a save reported done that the real folder never got.
        """
        if self.root.is_dir():
            self.check_same_folder()
            return
        gone = self.project if not self.project.is_dir() else self.root
        raise FileNotFoundError(
            f"The folder {gone} no longer exists: it was moved, renamed or deleted after it was opened. Nothing "
            "was written, and your edits are still here. Move the folder back there and save again; opening it "
            "from its new place would leave these edits behind."
        )

    def leads_elsewhere(self) -> str | None:
        """Where the folder's name now leads, by a symbolic link, when that is another folder than
        the one opened; None when it is the folder opened (or it is not there at all).

        Why: another program renamed webapp2/ (or the project folder) away and put a link to another
        copy in its place; the save went through the link without a word, into a folder the user
        never opened. A folder opened through a link, or moved with a link left at the old place,
        is still the folder opened (the same one on disk), and saves as before.
        """
        if self._opened is None:
            return None
        now = _folder_identity(self.root)
        if now is None or now[0] == self._opened[0] or now[1:] == self._opened[1:]:
            return None
        return now[0]

    def check_same_folder(self) -> None:
        """Raise :class:`FolderReplacedError` (a sentence for the user) when :meth:`leads_elsewhere`."""
        there = self.leads_elsewhere()
        if there is not None:
            raise FolderReplacedError(
                f"The folder {self.root} now leads, by a symbolic link, to {there}: another program put a link in "
                "place of the folder you opened, and nothing was written through it. Put the folder itself back "
                "in place of the link and save again (or remove the link: File ▸ Save As… then saves your edits "
                "into a new folder)."
            )

    def _trash_folder(self) -> Path:
        """A new ``<project>/.plugin-designer/trash/<time>/`` (two saves in one second get two)."""
        import time

        for folder in (self.project / ".plugin-designer", self.project / ".plugin-designer" / "trash"):
            if folder.is_symlink():
                # The removed files would land wherever the link points (another program's folder, a
                # shared drive), out of the project and out of sight: the export refuses such a link too.
                raise PermissionError(
                    f"{folder} is a symbolic link (to {os.readlink(folder)}); the designer moves removed files "
                    "only into a trash folder of the project itself, never through a link, so that nothing lands "
                    "elsewhere. No file was moved or deleted. Replace the link with a folder (or remove it) "
                    "and save again."
                )
        own = self.project / ".plugin-designer"
        if os.path.lexists(own) and not own.is_dir():
            # Making the trash folder in it failed with the bare "Not a directory", naming no file
            # the user could recognise, nor what to do (check reports this as PD110).
            raise NotADirectoryError(
                f"{own} is a file, but the designer keeps its own folder under that name beside webapp2/ "
                "(a removed plugin's files go to its trash folder). No file was moved or deleted. Rename or "
                "move that file away (it is not part of the package) and save again."
            )
        base = self.project / ".plugin-designer" / "trash" / time.strftime("%Y%m%d-%H%M%S")
        folder, n = base, 1
        while os.path.lexists(folder):
            n += 1
            folder = base.with_name(f"{base.name}-{n}")
        return folder

    def move_to_trash(self, rels: list[str]) -> Path:
        """Move files out of the package into ``<project>/.plugin-designer/trash/<time>/``.

        Why not delete: a removed plugin may hold the only copy of someone's work; the trash
        folder is hidden, so it is never exported, and the files can be copied back by hand.
        Folders left empty are removed so no empty plugin folder stays behind. All the files or
        none: one that cannot be moved puts the others back.
        """
        folder = self.write_many({}, trash=rels)
        assert folder is not None or not rels
        return folder if folder is not None else self._trash_folder()


def _list_folder(
    folder: str,
    prefix: str,
    out: list[str],
    links: list[str] | None = None,
    unreadable: list[tuple[str, str]] | None = None,
    special: list[tuple[str, str]] | None = None,
    temporaries: list[str] | None = None,
) -> None:
    """Append the regular files under ``folder`` to ``out`` as ``prefix + relative path`` (and
    the symbolic links, never followed, to ``links``, and (folder, why) for each folder that
    cannot be listed to ``unreadable``, and the designer's own temporary files to
    ``temporaries``, when given).

    Why a list of folders still to list, not a call for each subfolder: folders nested a thousand
    deep (made by a script gone wrong) exceeded Python's recursion limit, and check, export and
    the window opening the project ended in a traceback. The order is the same: a folder's files,
    then each subfolder's whole tree in name order."""
    todo = [(folder, prefix)]
    while todo:
        folder, prefix = todo.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:  # unreadable or vanished: list what can be listed, and say which
            if unreadable is not None and prefix and not isinstance(exc, FileNotFoundError):
                unreadable.append((prefix.rstrip("/"), exc.strerror or str(exc)))
            continue
        subfolders = []
        for entry in entries:
            try:
                if entry.is_symlink():
                    if links is not None:
                        links.append(prefix + entry.name)
                    continue
                if entry.is_dir(follow_symlinks=False):
                    subfolders.append(entry)
                elif entry.is_file(follow_symlinks=False):
                    if not is_temporary(entry.name):
                        out.append(prefix + entry.name)
                    elif temporaries is not None:
                        temporaries.append(prefix + entry.name)
                elif special is not None:
                    special.append((prefix + entry.name, not_a_file(Path(entry.path)) or "not a file"))
            except OSError:
                continue
        todo.extend((entry.path, prefix + entry.name + "/") for entry in reversed(subfolders))


class ZipFiles(PackageFiles):
    """A branding ZIP opened read-only; unsafe entry names are listed, never followed.

    :func:`locate` vets the whole ZIP first (as an import would) and refuses an unsafe one, so
    ``unsafe`` stays empty for a ZIP opened through it; the check here is the second line.
    """

    def __init__(self, zip_path: Path, prefix: str, opened: zipfile.ZipFile | None = None) -> None:
        """``opened``: the ZIP as :func:`locate` opened and vetted it, kept open (and closed by
        :meth:`close`) instead of opened a second time.

        Why: each opening reads the central directory again and chooses the code page of a
        Windows ZIP's names again, which reads its text files: for a big package a third of a
        second that ``check`` spent twice. One opening also means the files read are the ones vetted.
        """
        self.zip_path = zip_path
        self.prefix = prefix

        # (names as the import reads them: a Windows ZIP's backslashes as '/')
        from .archive import is_mac_metadata_entry, legacy_names, open_zip

        self.label = f"{zip_path}!{prefix.rstrip('/') or '/'}"
        self._zip = open_zip(zip_path, verb="opened") if opened is None else opened
        # The names read from a Windows code page and which one: the checks say so (PD108).
        self.legacy = legacy_names(self._zip)
        # The entry where an import would put the project's own folder, and why it refuses the ZIP
        # (see archive.designer_folder_clash); set by :func:`locate`, which has the vetted entries.
        self.import_clash: tuple[str, str] | None = None
        self._map: dict[str, zipfile.ZipInfo] = {}
        self.unsafe: list[str] = []
        for info in self._zip.infolist():
            name = info.filename
            if info.is_dir() or not name.startswith(prefix):
                continue
            rel = name[len(prefix) :]
            if is_mac_metadata_entry(self._zip, info, name):  # (not imported either: no file of the package)
                continue
            mode = (info.external_attr >> 16) & 0o170000
            if posixpath.normpath(rel) != rel or rel.startswith(("/", "../")) or "\\" in rel or mode == 0o120000:
                self.unsafe.append(name)
                continue
            self._map[rel] = info

    def names(self) -> list[str]:
        return sorted(self._map)

    def read_bytes(self, rel: str) -> bytes:
        import zipfile

        try:
            return self._zip.read(self._map[rel])
        except (zipfile.BadZipFile, EOFError, zlib_error()) as exc:  # the ZIP was replaced or damaged meanwhile
            raise OSError(5, f"the ZIP changed or is damaged since it was opened ({exc}); open it again", rel) from None

    def close(self) -> None:
        self._zip.close()


def zlib_error() -> type[Exception]:
    import zlib

    return zlib.error


def _dir_root(path: Path) -> Path | None:
    if (path / "webapp2").is_dir():
        return path / "webapp2"
    if any((path / m).exists() for m in _MARKERS):
        return path
    found: list[Path] = []
    for child in sorted(p for p in path.iterdir() if p.is_dir() and not p.name.startswith(".")):
        if (child / "webapp2").is_dir():
            found.append(child / "webapp2")
        elif any((child / m).exists() for m in _MARKERS):
            found.append(child)
    if len(found) > 1:
        # A folder of projects: taking the first one quietly let `check` pass while another failed.
        names = ", ".join(f.parent.name if f.name == "webapp2" else f.name for f in found[:5])
        more = f" and {len(found) - 5} more" if len(found) > 5 else ""
        raise NotAPackageError(f"{path} holds several projects ({names}{more}); give the path of one of them")
    return found[0] if found else None


def _zip_prefix(names: list[str]) -> str | None:
    """The entry prefix of the folder that holds settings.json/manifest.json/plugins/."""
    return min(zip_prefixes(names), key=_prefix_rank, default=None)


def zip_prefixes(names: list[str]) -> list[str]:
    """Every entry prefix of a folder that could hold the package (settings.json, manifest.json or
    plugins/ in it), in the order the ZIP first names each; :func:`_zip_prefix` picks one."""
    found: dict[str, None] = {}
    for name in names:
        parts = name.split("/")
        for i, part in enumerate(parts):
            if part in _MARKERS and (part == "plugins" or i == len(parts) - 1):
                if "webapp3" in parts[:i]:
                    # Web App 3's own manifest.json and plugins/: never the webapp2 package, even
                    # where webapp2/ holds neither yet (webapp3_refusal says what such a ZIP is).
                    break
                prefix = "/".join(parts[:i])
                prefix = prefix + "/" if prefix else ""
                # Any depth for a folder called webapp2 (a ZIP made with full paths:
                # home/admin/Downloads/branding/webapp2/); other folders two deep at most.
                if prefix.count("/") > 2 and not prefix.endswith("/webapp2/"):
                    continue
                found[prefix] = None
                break
    return list(found)


def _prefix_rank(prefix: str) -> tuple[bool, bool, int]:
    """How :func:`_zip_prefix` orders the folders that could hold the package: webapp2/ at the
    top first, then the top itself or a webapp2/ deeper down, then any other folder; the shallowest
    first within each.

    Why webapp2/ before the top: a ZIP with webapp2/ and a loose settings.json or plugins/ folder
    beside it (a colleague's notes, plugin sources) was imported with the loose file as the package
    and the real one nested in it as webapp2/webapp2/.
    """
    return (prefix != "webapp2/", not prefix.endswith("webapp2/") and prefix != "", prefix.count("/"))


def inner_zip_hint(names: list[str]) -> str:
    """The end of a "no branding here" message when the ZIP holds other ZIPs ("" when none).

    Why: a branding ZIP forwarded by mail or zipped again by hand sits inside another one, and
    "holds no webapp2 branding" made the administrator think the package itself was wrong.
    """
    from .problems import printable  # (the name as the ZIP has it, unvetted: no line break or ESC printed)

    inner = [n for n in names if n.lower().endswith(".zip") and not n.endswith("/")]
    if not inner:
        return ""
    others = f" (and {len(inner) - 1} more)" if len(inner) > 1 else ""
    return f"; it holds another ZIP, '{printable(inner[0])}'{others}: unpack it and import that one"


def webapp3_refusal(names: list[str], prefix: str | None) -> str | None:
    """Why a ZIP whose package folder is (or lies in) a webapp3/ folder is not opened or imported, or None.

    Why: Web App 3 branding has a manifest.json too (and plugins/), so it was taken for Web App 2
    files "imported as webapp2/": offered a settings.json and isSettingsBranded, and exported as
    Web App 2 branding it would replace the Management Node's webapp2 customization. A webapp3/
    folder beside a webapp2/ one is another app's, carried as it is.
    """
    if prefix is not None and "webapp3" not in prefix.split("/"):
        return None
    if prefix is None and any(
        "webapp2" in parts and "webapp3" not in parts[: parts.index("webapp2")]
        for parts in (name.split("/")[:-1] for name in names)
    ):
        # The Management Node's default webapp2/ (no settings.json or manifest.json yet) beside Web
        # App 3 branding: a Web App 2 package to import like any default download, webapp3/ carried.
        return None
    for name in names:
        parts = name.split("/")[:-1]
        if "webapp3" in parts[:3]:
            from .problems import printable  # (unvetted when a ZIP is opened: no line break or ESC printed)

            folder = printable("/".join(parts[: parts.index("webapp3") + 1]) + "/")
            return (
                f"this ZIP holds Web App 3 branding ('{folder}'), not Web App 2: the designer makes plugin "
                "packages for Web App 2 (webapp2) only, so it was neither opened nor imported"
            )
    return None


def _has_webapp2_folder(names: list[str]) -> bool:
    """True when a ZIP holds a webapp2/ folder, at whatever depth (as the import finds it)."""
    return any("webapp2" in name.split("/")[:-1] for name in names)


def locate(path: Path) -> PackageFiles:
    """Open PATH: a project folder, a webapp2 folder, or a branding ZIP.

    Raises :class:`NotAPackageError` with a sentence a user understands.
    """
    try:
        present = path.exists()
    except OSError as exc:  # a name longer than the file system takes, a loop of links
        raise NotAPackageError(f"{path} cannot be opened ({exc.strerror or exc})") from None
    if not present:
        raise NotAPackageError(f"{path}: no such file or folder")
    if path.is_dir():
        leftover = next((p for p in (path, path.parent) if import_leftover_pid(p.name) is not None), None)
        if leftover is not None:
            # Opened, the half-unpacked copy would be edited and exported as if it were the project.
            raise NotAPackageError(
                f"{leftover} is not a project but what an interrupted import left behind; import the ZIP "
                f"again (the next import into {leftover.parent} removes it)"
            )
        try:
            root = _dir_root(path)
        except OSError as exc:  # a folder that may not be read (permissions): said, not a traceback
            raise NotAPackageError(f"{exc.filename or path} cannot be read ({exc.strerror or exc})") from None
        if root is None:
            home = package_around(path, path)
            if home is not None:  # `check webapp2/plugins`: a folder of the package, not one
                raise NotAPackageError(
                    f"{path} is one folder of a branding package; give its project folder instead: {home}"
                )
            try:
                zips = tuple(
                    sorted(e.name for e in os.scandir(path) if e.name.lower().endswith(".zip") and e.is_file())
                )
            except OSError:
                zips = ()
            raise NoPackageHereError(
                f"{path}: not a branding package (no webapp2/ folder, settings.json, manifest.json or plugins/ found)",
                zips,
            )
        project = root.parent if root.name == "webapp2" else root
        if root.name in ("", "..") and Path(os.path.abspath(root)).name == "webapp2":
            # `export .` in the webapp2 folder (or `..` below it): Path('.').parent is '.' itself, so
            # the project was the webapp2 folder, and .plugin-designer/ (the last brandingID, the
            # trash) went inside the package, where the project folder never found it again.
            # Named from here as the package was ('..'), not in full: export then named the
            # project's files ('/home/me/p/.plugin-designer') unlike check ('../.plugin-designer').
            project = Path(os.path.relpath(Path(os.path.abspath(root)).parent))
        try:
            os.scandir(root).close()
        except OSError as exc:  # its files would all be "missing": say why instead
            raise NotAPackageError(f"{root} cannot be read ({exc.strerror or exc})") from None
        # A killed import's or export's files first, so that what is read is whole. (Only a project
        # without the designer's folder can be one a killed import was moving into: that folder
        # goes last. Why asked first: the search reads the whole folder around the project, and
        # every check of a project in /tmp among 9,000 entries took 6 ms longer.)
        from .state import STATE_DIR

        imported = None
        if not os.path.lexists(project / STATE_DIR):
            imported = finish_moved_imports(Path(os.path.abspath(project)).parent, Path(os.path.abspath(project)).name)
        written = finish_interrupted_write(project / ".plugin-designer" / WRITE_JOURNAL)
        found = DirFiles(root, project)
        found.finished_write = " ".join(said for said in (imported, written) if said) or None
        return found
    there = not_a_file(path.resolve())  # (what a link points to)
    if there is not None:
        # A named pipe or a device is never a package, and reading one to find out never ends
        # (`check` of a FIFO or /dev/zero hung until it was killed).
        raise NotAPackageError(f"{path} is {there}, not a folder or a ZIP file")
    import zipfile

    if zipfile.is_zipfile(path):
        from contextlib import ExitStack

        from .archive import ImportRefused, designer_folder_clash, open_zip, vet_zip
        from .zipnames import is_mac_metadata

        # Closed on every refusal; kept open for the package otherwise (see ZipFiles).
        with ExitStack() as cleanup:
            try:
                zf = cleanup.enter_context(open_zip(path, verb="opened"))
                # (Finder's __MACOSX/ copy of the tree is no package: its folders must not be taken for one.)
                names = [n for n in zf.namelist() if not is_mac_metadata(n)]
                prefix = _zip_prefix(names)
                web_app_3 = webapp3_refusal(names, prefix)
                if web_app_3 is not None:
                    raise NotAPackageError(f"{path}: {web_app_3}")
                clash = None
                if prefix is not None:
                    # The same vetting as an import (traversal, links, bombs, duplicates, ...): a ZIP
                    # that may not be unpacked is not read either, and its refusal reads the same.
                    entries = vet_zip(zf, verb="opened").entries
                    # (A file where the import puts the project's own folder: read all the same,
                    # the package is whole, but the checks say that importing it is refused: PD110.)
                    clash = designer_folder_clash(entries)
                damaged = _damaged_entry(zf, prefix) if prefix is not None else None
            except ImportRefused as exc:
                raise NotAPackageError(f"{path}: {exc}") from None
            except (zipfile.BadZipFile, OSError) as exc:
                raise NotAPackageError(f"{path}: the ZIP file cannot be read ({exc})") from None
            if prefix is None:
                if _has_webapp2_folder(names):
                    raise NeedsImportError(
                        f"{path}: this ZIP has a webapp2 folder but no settings.json and no manifest.json yet "
                        "(the Management Node's default download has neither), so there is nothing to open. "
                        "Import it into a folder instead (Import ZIP in the designer, or "
                        "'plugin-designer import ZIP -o FOLDER --create-missing'): the import creates the two files."
                    )
                raise NotAPackageError(
                    f"{path}: the ZIP holds no webapp2 branding (no settings.json, manifest.json or plugins/)"
                    + inner_zip_hint(names)
                )
            if damaged is not None:
                raise NotAPackageError(
                    f"{path}: {damaged} cannot be unpacked (the ZIP file is damaged or password-protected); download or create it again"
                )
            files = ZipFiles(path, prefix, zf)
            files.import_clash = clash
            cleanup.pop_all()  # (the package's now: ZipFiles.close closes it)
            return files
    if path.suffix.lower() == ".zip":
        raise NotAPackageError(f"{path}: {not_a_zip_why(path)}")
    home = package_around(path, path.parent)
    if home is not None:
        # `check webapp2/settings.json`: the file is fine to point at, just not alone.
        raise NotAPackageError(f"{path} is one file of a branding package; give its folder instead: {home}")
    other = other_archive(path)
    if other is not None:
        # (branding.tar.gz, a ZIP gzipped on the way: "neither a folder nor a ZIP file" said nothing to do)
        raise NotAPackageError(f"{path}: it is {other}, not a ZIP; make a ZIP of the webapp2 folder instead")
    raise NotAPackageError(f"{path}: neither a folder nor a ZIP file")


def package_around(path: Path, start: Path) -> Path | None:
    """The project folder ``path`` (a file, or a folder such as plugins/) lies in, if any, as
    :func:`enclosing_package` finds packages from ``start`` up.

    Named as the user typed the file: relative to the working folder when the file was given so
    (``check webapp2/settings.json`` -> ``.``), and with links and '..' resolved, so
    proj/webapp2/../webapp2/settings.json names proj, not "proj/webapp2/..".
    """
    folder = enclosing_package(start)
    if folder is None:
        return None
    if folder.name != "webapp2" and not ((folder / "manifest.json").is_file() or (folder / "plugins").is_dir()):
        return None  # a settings.json alone is no sign: editors keep theirs (~/.config/Code/User/settings.json)
    return said_as_given(folder.parent if folder.name == "webapp2" else folder, path)


def said_as_given(found: Path, given: Path) -> Path:
    """``found`` (a whole path the code worked out, links resolved) named as the user named ``given``:
    relative to the working folder when ``given`` was relative and ``found`` lies in that folder,
    else whole.

    Why: a refusal of ``export p -o p/webapp2/x.zip`` said "Choose a place outside
    /home/me/work/p/webapp2", a path the user never typed, longer than the one they did.
    """
    if not given.is_absolute():
        try:
            return found.relative_to(Path.cwd().resolve())
        except (OSError, ValueError):  # outside the working folder: the whole path says it
            pass
    return found


# The first bytes of the archives people mistake for a ZIP (a .tar.gz renamed, a RAR download).
_OTHER_ARCHIVES = (
    (b"\x1f\x8b", "a gzip file (such as .tar.gz)"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"BZh", "a bzip2 file"),
    (b"\xfd7zXZ\x00", "an xz file"),
)


def other_archive(path: Path) -> str | None:
    """The kind of archive ``path`` is by its first bytes ("a gzip file (such as .tar.gz)"), when it
    is one of :data:`_OTHER_ARCHIVES`; None for anything else, or a file that cannot be read."""
    try:
        with open(path, "rb") as f:
            head = f.read(8)
    except OSError:
        return None
    return next((what for magic, what in _OTHER_ARCHIVES if head.startswith(magic)), None)


def not_a_zip_why(path: Path) -> str:
    """Why ``path``, which zipfile cannot open, is no ZIP, in words for its message: empty, another
    kind of archive (named by its first bytes), something else, or a damaged ZIP. ("Damaged or incomplete" sent the
    owner of a renamed .tar.gz to download it again.)"""
    try:
        with open(path, "rb") as f:
            head = f.read(4096)
    except OSError as exc:
        return f"it cannot be read ({exc.strerror or exc})"
    if not head:
        return "the file is empty (0 bytes), not a ZIP"
    for magic, what in _OTHER_ARCHIVES:
        if head.startswith(magic):
            return f"it is {what}, not a ZIP; make a ZIP of the webapp2 folder instead"
    page = _saved_page(head)
    if page is not None:
        return (
            f"it is {page}, not a ZIP: the download most likely failed and the server's page was saved "
            "under the ZIP's name; download the branding package again"
        )
    if not head.startswith(b"PK"):
        return "it is not a ZIP file"
    return "the ZIP file is damaged or incomplete and cannot be opened"


def _saved_page(head: bytes) -> str | None:
    """What a server's answer saved as a ZIP is, in words ("a web page ('404 Not Found')",
    "JSON text"), from its first bytes; None for anything else.

    Why: a browser or curl meeting a login page, a 404 or an expired link saves that page under the
    name asked for, and "it is not a ZIP file" left the administrator guessing. The page's own title
    usually says what went wrong.
    """
    import re  # (only for a file that is no ZIP)

    from .problems import printable

    text = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    start = text[:64].lower()
    if start.startswith((b"<!doctype html", b"<html", b"<head", b"<body")) or (
        start.startswith(b"<?xml") and b"<html" in text.lower()
    ):
        found = re.search(rb"<title[^>]*>(.*?)</title", text, re.IGNORECASE | re.DOTALL)
        title = " ".join(found.group(1).decode("utf-8", "replace").split())[:80] if found else ""
        return f"a web page ('{printable(title)}')" if title else "a web page"
    if start.startswith((b"{", b"[")):
        return "JSON text"
    return None


def _damaged_entry(zf: zipfile.ZipFile, prefix: str) -> str | None:
    """The first file of the package that cannot be unpacked (bad header, data or CRC), if any.

    Checked up front so a damaged download is reported as such instead of failing halfway
    through the checks.
    """
    import zipfile
    import zlib

    for info in zf.infolist():
        if info.is_dir() or not info.filename.startswith(prefix):
            continue
        try:
            with zf.open(info) as fh:
                while fh.read(1 << 20):
                    pass
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError, ValueError):
            return info.filename  # ValueError: a local header whose name is not what it claims to be
    return None
