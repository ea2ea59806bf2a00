"""Safe import of branding ZIPs into a project folder, and deterministic ZIP writing.

Why so strict: administrators import ZIPs they downloaded from a Management Node, got from a
colleague or found in a forum post. A ZIP can name ``../../.bashrc``, hold a symbolic link to
``/etc``, or expand from a few kilobytes to gigabytes. Every entry is vetted before a single
byte is written, sizes are counted again while extracting (the declared sizes can lie), and
the files go into a temporary folder next to the target that is renamed into place only when
everything arrived. A refused import leaves nothing behind.

The reverse direction, :func:`zip_bytes`, writes entries in sorted order with fixed
timestamps and permissions, so the same files always give the same bytes.
"""

from __future__ import annotations

import errno
import io
import os
import re
import shutil
import stat
import tempfile
import weakref
import zipfile
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from .codepages import ANSI_FIRST, CODE_PAGES, CodePageChoice, choose_code_page, legacy_name_note
from .files import (
    _zip_prefix,
    give_folder_mode,
    import_temp_prefix,
    in_move_order,
    inner_zip_hint,
    inside_package_refusal,
    make_folder,
    name_clashes,
    name_difference,
    not_a_file,
    not_a_zip_why,
    remove_import_leftovers,
    remove_tree,
    unusable_folder_refusal,
    webapp3_refusal,
    zip_prefixes,
)
from .jstext import shortened
from .problems import name_as_text, printable
from .state import STATE_DIR, STATE_FILE, StateUnreadable, merged_state
from .wording import byte_size, byte_sizes_apart
from .zipnames import is_mac_metadata, name_problem

__all__ = [
    "Budget",
    "ImportRefused",
    "ImportResult",
    "LegacyNames",
    "ZIP_DATE",
    "designer_folder_clash",
    "differing_names_shown",
    "entry_name",
    "folder_name_for_zip",
    "import_target_refusal",
    "import_zip",
    "is_mac_metadata_entry",
    "legacy_names",
    "name_problem",
    "open_zip",
    "sha256_file",
    "shown_name",
    "vet_zip",
    "Vetted",
    "zip_bytes",
]

ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest date a ZIP can hold: no clock leaks into the bytes
_CHUNK = 1 << 16
# Already compressed formats are stored, not deflated again (faster, same size).
_STORED_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".woff", ".woff2", ".zip", ".gz", ".mp3", ".mp4", ".ogg")
_BAD_TYPES = {
    stat.S_IFLNK: "a symbolic link",
    stat.S_IFIFO: "a named pipe",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
}


class ImportRefused(Exception):
    """The archive cannot be imported safely; ``entry`` names the offending entry, if one."""

    def __init__(self, message: str, entry: str | None = None) -> None:
        super().__init__(message)
        self.entry = entry


@dataclass(frozen=True)
class Budget:
    """Limits that keep a hostile ZIP (a "zip bomb") from filling the disk.

    A branding package is a few hundred small text files; the defaults leave plenty of room.
    The compression-ratio limit applies to entries above ``ratio_floor`` bytes only: files of
    repeated text compress extremely well without being dangerous, and an icon of 5 MB of
    repeated paths (337 to 1) must re-import from the designer's own export. The size limits
    (declared, and counted while extracting) are what keep the disk safe; the ratio only names
    an entry that is both big and absurdly compressed before any of it is written.
    """

    max_entries: int = 20_000
    max_total: int = 512 * 1024 * 1024
    max_file: int = 256 * 1024 * 1024
    max_ratio: float = 200.0
    ratio_floor: int = 32 * 1024 * 1024
    # Folders one entry may lie in. A package nests a handful deep; a ZIP of one 60 KB name
    # ``a/a/a/…`` (30,000 folders) took a minute of comparing every folder of it before the file
    # system refused the name anyway.
    max_depth: int = 100


@dataclass
class _Entry:
    info: zipfile.ZipInfo
    name: str  # decoded name as in the archive
    dest: str  # path relative to the project folder ("webapp2/..." for the package)
    is_dir: bool


@dataclass
class ImportResult:
    target: Path  # the project folder
    webapp2: Path  # its webapp2 folder
    files: int
    bytes: int
    layout: str  # how the archive was laid out, in words
    missing: list[str] = field(default_factory=list)  # settings.json / manifest.json not in the ZIP
    # Those of ``missing`` that cannot be created where they belong, and what stands there instead
    # ("a folder"): the ZIP holds a folder called settings.json. No fix can write the file over it.
    blocked: dict[str, str] = field(default_factory=dict)
    carried: list[str] = field(default_factory=list)  # top-level names outside webapp2/ kept as they were
    branding_id: object = None
    leftovers: list[str] = field(default_factory=list)  # folders of killed imports removed beside it
    kept_copy: Path | None = None  # the copy of the imported ZIP in the project's designer folder
    legacy: LegacyNames = field(default_factory=lambda: _NO_LEGACY)  # names read from a Windows code page
    skipped: tuple[str, ...] = ()  # the files of macOS metadata left out (__MACOSX/, .DS_Store, ._name)

    def skipped_note(self) -> str:
        """The sentence that says the macOS metadata of the ZIP was left out, and how much ("" when none).

        Why: the ZIP listing shows these entries; a user who counts the files, or looks for the
        __MACOSX folder, should know they were left out on purpose and are no part of the package.
        """
        if not self.skipped:
            return ""
        n = len(self.skipped)
        first = ", ".join(f"'{shown_name(name)}'" for name in self.skipped[:3])
        more = f" and {n - 3} more" if n > 3 else ""
        one = n == 1
        return (
            f"Skipped {n} {'file' if one else 'files'} of macOS metadata ({first}{more}), which a Mac adds to the ZIPs "
            f"it makes: {'it is' if one else 'they are'} no part of the package and {'is' if one else 'are'} not uploaded."
        )

    def legacy_names_note(self) -> str:
        """The sentence that says which names were read from a Windows code page, and which ("" when none).

        Why: the code page is the designer's choice, not the ZIP's word; the user should know the
        names may read differently elsewhere (the Management Node), and check they look right.
        """
        legacy = self.legacy
        return legacy_name_note(legacy.names, legacy.code_page, legacy.basis) if legacy.names else ""

    def differing_names_note(self) -> str:
        """The sentence that names the entries stored under another name than the one used ("" when none).

        Why: the designer unpacks such an entry under the name its Unicode Path field gives, while
        other unzip tools (perhaps the Management Node) use the stored one; a file the user knows
        as 'b.svg' may be 'a.svg' there. Said, not refused: the field is the name as typed.
        """
        pairs = self.legacy.differing
        if not pairs:
            return ""
        one = len(pairs) == 1
        return (
            f"{'The entry' if one else 'The entries'} {differing_names_shown(pairs)} {'was' if one else 'were'} named from the "
            f"Unicode name the ZIP keeps beside the stored one, which is another name: other unzip tools, perhaps "
            "the Management Node, use the stored name. Check that these files are the ones you expect; a ZIP the "
            "designer exports stores one name, as UTF-8."
        )

    def kept_copy_note(self, shown: Callable[[Path], str] = str) -> str:
        """The sentence that tells the user of the copy ("" when none was kept).

        Why: a copy of the whole ZIP appeared in a hidden folder of the project and nobody was told
        what it was or why it was there (it is what the export compares with: "What changed").
        ``shown`` writes the path as the caller shows paths (the GUI shortens the home folder).
        """
        if self.kept_copy is None:
            return ""
        return (
            f"A copy of the original ZIP is kept in {shown(self.kept_copy)}, so that the export can show "
            "what you changed; it is not uploaded."
        )


def sha256_file(path: Path) -> str:
    import hashlib  # here, not at the top: it loads OpenSSL (3 MiB), which opening a package never needs

    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


# -- vetting ---------------------------------------------------------------------------------


# The "version made by" hosts of ZIPs made on Windows, whose names without the UTF-8 flag are in
# that machine's code page: 0 MS-DOS (Explorer, PowerShell, 7-Zip, Python there), 10 Windows NTFS
# (APPNOTE 4.4.2.2; minizip-ng writes it on Windows), 11 (NTFS as Info-ZIP and 7-Zip number it; old
# WinZip wrote it) and 14 VFAT (Windows 95's file system). Unix (3) and macOS (19) store UTF-8:
# other bytes there have no code page to read them in and are refused.
_WINDOWS_HOSTS = frozenset({0, 10, 11, 14})
# Of those, the ones whose names 7-Zip and Info-ZIP's unzip read in the Windows (ANSI) code page
# rather than the DOS (OEM) one (see codepages.ANSI_FIRST).
_ANSI_HOSTS = frozenset({10, 14})
_UTF8_FLAG = 0x800
_UNICODE_PATH = 0x7075  # Info-ZIP's "Unicode Path" extra field: version 1, CRC-32 of the name, UTF-8 name


def _raw_name(info: zipfile.ZipInfo) -> bytes:
    """The entry name's bytes as the ZIP stores them.

    zipfile decodes a name without the UTF-8 flag as cp437, which maps every byte to one
    character, so encoding it again gives back exactly the stored bytes. An ASCII name (the usual
    one) is encoded as ASCII, the same bytes: Python's cp437 encoder looks each character up in a
    dict, and a ZIP of thousands of long names (runs of spaces, folders deep) spent a second there.
    """
    name = info.orig_filename
    if info.flag_bits & _UTF8_FLAG:
        return name.encode("utf-8")
    return name.encode("ascii") if name.isascii() else name.encode("cp437")


def _unicode_path(info: zipfile.ZipInfo, raw: bytes) -> str | None:
    """The UTF-8 name of the entry's Unicode Path extra field (0x7075), or None when it has none we trust.

    Why: 7-Zip, Info-ZIP's zip and WinRAR store the name in the machine's code page for old unzip
    tools and the name as typed, in UTF-8, in this field beside it. The field carries the CRC-32 of
    the legacy name it was written for: a tool that renamed the entry without knowing the field
    leaves a CRC that no longer matches, and then the field names a file that is not this one.
    """
    extra = info.extra
    at = 0
    while at + 4 <= len(extra):
        kind = int.from_bytes(extra[at : at + 2], "little")
        size = int.from_bytes(extra[at + 2 : at + 4], "little")
        body = extra[at + 4 : at + 4 + size]
        at += 4 + size
        if kind != _UNICODE_PATH or len(body) < 5 or body[0] != 1:
            continue
        if int.from_bytes(body[1:5], "little") != zlib.crc32(raw):
            return None  # stale: renamed since the field was written
        try:
            name = body[5:].decode("utf-8")
        except UnicodeDecodeError:
            return None
        return name or None
    return None


def _legacy_bytes(info: zipfile.ZipInfo) -> bytes | None:
    """The stored name of an entry whose name is in the code page of the Windows that made the ZIP, or None.

    That is: made on Windows, no UTF-8 flag, no Unicode Path field to trust, and bytes that are
    neither ASCII nor UTF-8. Only these names depend on the code page :func:`legacy_names` chooses.
    """
    if info.flag_bits & _UTF8_FLAG or info.create_system not in _WINDOWS_HOSTS:
        return None
    raw = _raw_name(info)
    if raw.isascii() or _unicode_path(info, raw) is not None:
        return None
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw
    return None


def _decoded_name(info: zipfile.ZipInfo, code_page: str = "cp437") -> str:
    """The entry name as text; names without the UTF-8 flag are accepted when they decode.

    Without the flag, the Unicode Path extra field names the entry when its CRC matches the stored
    name (:func:`_unicode_path`). Otherwise a name that is valid UTF-8 is read as UTF-8 (macOS and
    Linux tools write it so); otherwise a ZIP made on Windows holds its name in that machine's code
    page: ``code_page``, chosen for the whole archive by :func:`legacy_names`. It is the ZIP
    standard's cp437 unless the archive says otherwise (Explorer's "Compressed folder": 'café.png'
    is 'caf\\x82.png'; a Russian Windows writes cp866). Refused, such a package could not be
    imported at all. Bytes of unknown meaning from other systems are still refused.
    """
    name = info.orig_filename
    if info.flag_bits & _UTF8_FLAG:
        return name
    raw = _raw_name(info)
    unicode = _unicode_path(info, raw)
    if unicode is not None:
        return unicode
    if raw.isascii():
        return name
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        if info.create_system in _WINDOWS_HOSTS:
            try:
                return raw.decode(code_page)
            except UnicodeDecodeError:
                pass
        shown = raw.decode("utf-8", errors="backslashreplace")
        raise ImportRefused(
            f"The entry '{shown}' has a name that is not UTF-8 text and cannot be decoded safely; "
            "re-create the ZIP with a tool that stores UTF-8 names.",
            shown,
        ) from None


@dataclass(frozen=True)
class LegacyNames:
    """The code page chosen for an archive's names without the UTF-8 flag, and the names read from it.

    ``names``: the entries' paths (as :func:`entry_name` gives them) that were decoded from
    ``code_page``; empty for the usual ZIP, whose names are ASCII or UTF-8. ``basis`` says on what
    ground the code page was chosen (:class:`designer.core.codepages.CodePageChoice`).
    """

    code_page: str = "cp437"
    basis: str = "default"
    names: tuple[str, ...] = ()
    # (name used, name stored) of the entries named by a Unicode Path field whose stored name is
    # another name, not the same one with its accented letters lost (:func:`_same_skeleton`).
    differing: tuple[tuple[str, str], ...] = ()


_NO_LEGACY = LegacyNames()
# One choice per open archive: the import, the read-only package and the export's comparison all
# read its names, and the choice reads its text files.
_CHOSEN: weakref.WeakKeyDictionary[zipfile.ZipFile, LegacyNames] = weakref.WeakKeyDictionary()
# The text files whose words are evidence of how the package names its files, and how much of them is read.
_EVIDENCE_SUFFIXES = (".json", ".js", ".mjs", ".css", ".html", ".htm", ".svg")
_EVIDENCE_FILE = 1 << 20
_EVIDENCE_TOTAL = 8 << 20
_EVIDENCE_FILES = 5_000  # (empty files use up no bytes: the number read is limited too)


def legacy_names(zf: zipfile.ZipFile) -> LegacyNames:
    """The code page of ``zf``'s names that are in a Windows code page, chosen once for the whole archive.

    Why the whole archive: it was made on one machine, in one code page; a choice per name would
    read one name as Russian and the next as Japanese. The archive's own text files are the
    evidence (:func:`designer.core.codepages.choose_code_page`), so they are read here, before
    the archive is vetted: each at most :data:`_EVIDENCE_FILE` bytes however much it claims to
    unpack to, and only when there is a name to decide.
    """
    chosen = _CHOSEN.get(zf)
    if chosen is not None:
        return chosen
    legacy = [(info, raw) for info in zf.infolist() if (raw := _legacy_bytes(info)) is not None]
    differing = tuple(_differing_stored_names(zf))
    if not legacy:
        chosen = LegacyNames(differing=differing) if differing else _NO_LEGACY
    else:
        # Made on NTFS or VFAT (10, 14), not on MS-DOS: the Windows code page before the DOS one.
        ansi = all(info.create_system in _ANSI_HOSTS for info, _ in legacy)
        choice: CodePageChoice = choose_code_page(
            [raw for _, raw in legacy], _evidence_text(zf), ANSI_FIRST if ansi else CODE_PAGES
        )
        names = tuple(_entry_path(raw.decode(choice.code_page, "replace")) for _, raw in legacy)
        chosen = LegacyNames(choice.code_page, choice.basis, names, differing)
    _CHOSEN[zf] = chosen
    return chosen


def differing_names_shown(pairs: Sequence[tuple[str, str]]) -> str:
    """The first (name used, name stored) ``pairs`` in words: "'b.svg' (stored as 'a.svg'), ... and 4
    more (7 in all)". Why shared: the import's note and check's PD109 name them alike."""
    shown = ", ".join(f"'{shown_name(name)}' (stored as '{shown_name(stored)}')" for name, stored in pairs[:3])
    return shown + (f" and {len(pairs) - 3} more ({len(pairs)} in all)" if len(pairs) > 3 else "")


def _differing_stored_names(zf: zipfile.ZipFile) -> Iterable[tuple[str, str]]:
    """(name used, name stored) of each entry whose Unicode Path field names another file than its stored name.

    Why: the stored name is what unzip tools that do not read the field use (Python's zipfile,
    Explorer, perhaps the Management Node). It may rightly lose the letters its code page lacks
    ('caf?.svg', 'cafe.svg' for 'café.svg'), but 'a.svg' beside a field saying 'b.svg' is two
    names for one file: the designer follows the field, and the user should know the others may not.
    """
    for info in zf.infolist():
        if info.flag_bits & _UTF8_FLAG or not info.extra:
            continue
        raw = _raw_name(info)
        unicode = _unicode_path(info, raw)
        if unicode is None:
            continue
        name, stored = _entry_path(unicode), _entry_path(raw.decode("cp437"))
        if not _same_skeleton(stored, name):
            yield name, stored


def _same_skeleton(stored: str, name: str) -> bool:
    """Whether ``stored`` is ``name`` with its non-ASCII letters written otherwise (or dropped).

    Each run of non-ASCII characters of ``name`` may stand for any text in ``stored`` (a '?', an
    '_', a transliteration, code page bytes); the ASCII between them must be there, in order. Found
    left to right, each piece as early as it can be (no regular expression: a name of many such
    runs would make one backtrack for ever).
    """
    pieces = _NON_ASCII.split(name)
    if len(pieces) == 1:
        return stored == name
    first, *middle, last = pieces
    end = len(stored) - len(last)
    if end < len(first) or not stored.startswith(first) or not stored.endswith(last):
        return False
    at = len(first)
    for piece in middle:
        found = stored.find(piece, at, end)
        if found < 0:
            return False
        at = found + len(piece)
    return True


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _evidence_text(zf: zipfile.ZipFile) -> str:
    """The archive's text files (package files, settings, scripts, styles) as one text, to look names up in.

    A name may be written with JSON's ``\\u`` escapes or percent-encoded in an address: both are
    added decoded too. Files that cannot be read (encrypted, damaged) are left out: no evidence.
    The JSON files come first, then scripts and styles, then SVGs: settings.json and the package
    files name the icons and scripts, and a bundled script of megabytes must not use up the
    budget before them.
    """
    from urllib.parse import unquote

    texts = [
        info
        for info in zf.infolist()
        if not info.is_dir() and not info.flag_bits & 0x1 and info.orig_filename.lower().endswith(_EVIDENCE_SUFFIXES)
    ]
    texts.sort(key=lambda info: _EVIDENCE_SUFFIXES.index("." + info.orig_filename.lower().rsplit(".", 1)[-1]))
    parts: list[str] = []
    left = _EVIDENCE_TOTAL
    for info in texts[:_EVIDENCE_FILES]:
        if left <= 0:
            break
        try:
            with zf.open(info) as fh:
                data = fh.read(min(_EVIDENCE_FILE, left))
        except (OSError, zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError):
            continue
        left -= len(data)
        text = data.decode("utf-8", "replace")
        parts.append(text)
        if "\\u" in text:
            parts.append(re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m[1], 16)), text))
        if "%" in text:
            parts.append(unquote(text, errors="replace"))
    return "\n".join(parts)


def shown_name(name: str) -> str:
    """``name`` fit to print on one line: undecodable bytes as ``\\xff``, control characters as ``\\n``.

    Why: a file name is whatever bytes the file system allows; printed as it is, a newline would
    split the message and a lone surrogate (a byte that is not UTF-8) would crash the print.
    """
    return printable(name_as_text(name))


# Characters of an entry's name a refusal quotes: a 60 KB name of 30,000 folders was quoted whole,
# a screen of a/a/a/ with the reason lost at its end (see jstext.shortened).
_NAME_SHOWN = 120


def entry_name(info: zipfile.ZipInfo, code_page: str = "cp437") -> str:
    """The entry's path as the package uses it: decoded (:func:`_decoded_name`), with '/' between folders.

    Why backslashes become '/': Windows PowerShell 5's ``Compress-Archive`` (the one Windows
    still ships) writes ``MyBranding\\webapp2\\settings.json``. Refused, every ZIP an administrator
    made that way could not be imported at all; unzip tools read them the same way. The name is
    vetted after the change, so ``webapp2\\..\\..\\x`` is still refused as a path that climbs out.
    The same goes for a leading ``./``, which ``tar -a -c -f x.zip .`` (Windows' own tar, and
    macOS's) puts before every name, with ``./`` itself as an entry: that one becomes "" (the
    folder the ZIP was made in, nothing to unpack).
    """
    return _entry_path(_decoded_name(info, code_page))


def _entry_path(written: str) -> str:
    """``written`` (an entry name as the ZIP has it) with '/' between folders and no leading './'."""
    name = written.replace("\\", "/")
    while name.startswith("./"):
        name = name[2:]
    return name


def _check_name(name: str, verb: str = "imported", written: str | None = None) -> None:
    """Refuse an unsafe ``name``; the message quotes it as ``written`` in the ZIP (backslashes and all)."""
    why = name_problem(name)
    if why is not None:
        written = name if written is None else written
        raise ImportRefused(f"The entry '{shown_name(written)}' {why}; the archive was not {verb}.", written)


def _check_stored_name(info: zipfile.ZipInfo, name: str, verb: str = "imported") -> None:
    """Refuse an entry named by its Unicode Path field (:func:`_unicode_path`) whose stored name
    points outside the folder it is unpacked in: '..', an absolute path or a drive letter.

    Why: the designer unpacks it under the field's name, but unzip tools and libraries that do
    not read the field (Python's zipfile, Explorer) use the stored one; checked by its field
    alone, such a ZIP passed ``check`` while other tools would write outside their folder. (Only
    these three: a name in a code page may hold what reads as a backslash in cp437, so other
    oddities of the stored name are no sign of harm. '..' cannot come of it: Windows drops the
    dots at the end of a name.)
    """
    if info.flag_bits & _UTF8_FLAG:
        return
    raw = _raw_name(info)
    if _unicode_path(info, raw) is None:
        return
    stored = raw.decode("cp437").replace("\\", "/")
    if stored.startswith("/") or _DRIVE.match(stored) or ".." in stored.split("/"):
        raise ImportRefused(
            f"The entry '{shown_name(name)}' is stored under the name '{shown_name(stored)}', which points outside "
            f"the folder it is unpacked in, as other unzip tools read it; the archive was not {verb}.",
            name,
        )


_DRIVE = re.compile(r"[A-Za-z]:")


def _check_type(info: zipfile.ZipInfo, name: str, verb: str = "imported") -> None:
    mode = info.external_attr >> 16
    kind = stat.S_IFMT(mode)
    if kind in _BAD_TYPES:
        raise ImportRefused(
            f"The entry '{name}' is {_BAD_TYPES[kind]}, not a plain file; the archive was not {verb}.", name
        )
    if kind == stat.S_IFDIR and not name.endswith("/"):
        raise ImportRefused(f"The entry '{name}' claims to be a folder but is stored as a file.", name)
    if info.flag_bits & 0x1:
        raise ImportRefused(
            f"The entry '{name}' is encrypted (password-protected); branding packages must not be encrypted.", name
        )


def _layout(names: list[str]) -> tuple[str, str, str]:
    """(folder of the package inside the ZIP, container of webapp2, description)."""
    prefix = _zip_prefix(names)
    _refuse_rival_packages(names, prefix)
    if prefix is None:  # a Management Node download: webapp2/ without settings.json or manifest.json
        # The shallowest webapp2/ folder, however deep (a ZIP made with full paths holds it four
        # folders down); of two as deep, the first by name.
        found = {
            "/".join(parts[: parts.index("webapp2") + 1]) + "/"
            for parts in (n.split("/")[:-1] for n in names)
            if "webapp2" in parts
        }
        prefix = min(found, key=lambda f: (f.count("/"), f)) if found else None
    web_app_3 = webapp3_refusal(names, prefix)
    if web_app_3 is not None:
        raise ImportRefused(web_app_3[0].upper() + web_app_3[1:] + ".")
    if prefix is None:
        raise ImportRefused(
            "The ZIP holds no webapp2 branding: no webapp2/ folder, settings.json, manifest.json or plugins/ folder"
            + inner_zip_hint(names)
            + "."
        )
    shallow = {n for n in names if n.count("/") <= 2}
    if not prefix.endswith("webapp2/") and (
        prefix.rstrip("/").rsplit("/", 1)[-1] == "dev-assets"
        or any(n == "templates/plugin.json" or n.endswith("/templates/plugin.json") for n in shallow)
    ):
        raise ImportRefused(
            "This ZIP is a plugin source project (TypeScript/webpack, templates/plugin.json, dev-assets/); "
            "build it first and import the branding ZIP the build produces."
        )
    if prefix == "webapp2/":
        return prefix, "", "branding ZIP with webapp2/ at the top"
    if prefix.endswith("/webapp2/"):
        return prefix, prefix[: -len("webapp2/")], f"webapp2/ found inside '{prefix[: -len('webapp2/')]}'"
    if prefix == "":
        return prefix, "", "package files at the top of the ZIP (no webapp2/ folder)"
    return prefix, "", f"package files inside '{prefix}' (imported as webapp2/)"


def _refuse_rival_packages(names: list[str], prefix: str | None) -> None:
    """Refuse a ZIP holding another webapp2/ folder with the package's files as deep as the one
    chosen (``prefix``): which one is meant cannot be told.

    Why: a colleague's ZIP of 'Branding v1/webapp2/' and 'Branding v2/webapp2/' was imported from
    whichever came first, the other carried beside it (and uploaded with every export), so the
    old version could be edited in the belief it was the new one.
    """
    if prefix is None or not prefix.endswith("webapp2/"):
        return
    depth = prefix.count("/")
    rivals = sorted(p for p in zip_prefixes(names) if p != prefix and p.endswith("webapp2/") and p.count("/") == depth)
    if rivals:
        first, second = sorted([prefix, rivals[0]])
        raise ImportRefused(
            f"The ZIP holds two branding packages, '{shown_name(first)}' and '{shown_name(second)}', and which one "
            "is meant cannot be told; make a ZIP of the one you mean (its webapp2 folder) and use that."
        )


def _dest(name: str, prefix: str, container: str) -> str:
    if prefix.endswith("webapp2/") and name.startswith(container):
        return name[len(container) :]
    if not prefix.endswith("webapp2/") and name.startswith(prefix):
        return "webapp2/" + name[len(prefix) :]
    return name


_APPLE_DOUBLE = b"\x00\x05\x16\x07"  # the first bytes of an AppleDouble file (a macOS resource fork)


def is_mac_metadata_entry(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> bool:
    """Whether the entry ``info`` (``name``, as :func:`entry_name` gives it) is macOS metadata, not a
    file of the package: :func:`designer.core.zipnames.is_mac_metadata` by its name, or an
    AppleDouble file (``._name`` beginning with its magic bytes) that ``ditto`` and ``tar`` on a Mac
    put beside the file itself rather than under ``__MACOSX/``.

    Why the bytes for ``._name``: a file of the package may be called so; only the resource
    fork's own bytes say it is one. An entry that cannot be read is not called metadata.
    """
    if is_mac_metadata(name):
        return True
    if not name.rsplit("/", 1)[-1].startswith("._") or name.endswith("/") or info.flag_bits & 0x1:
        return False
    try:
        with zf.open(info) as fh:
            return fh.read(len(_APPLE_DOUBLE)) == _APPLE_DOUBLE
    except (OSError, zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError):
        return False


def open_zip(source: Path, verb: str = "imported") -> zipfile.ZipFile:
    """Open ``source`` for reading; a name flagged UTF-8 that is not UTF-8 is a refusal, not a crash.

    zipfile decodes every name while opening, so such an entry raises ``UnicodeDecodeError``
    before :func:`vet_zip` could name it. ``verb`` completes "the archive was not ..." (imported,
    opened). Other errors (``BadZipFile``, ``OSError``) are the caller's to word.
    """
    try:
        zf = zipfile.ZipFile(source)
    except UnicodeDecodeError as exc:
        shown = bytes(exc.object).decode("utf-8", errors="backslashreplace")
        raise ImportRefused(
            f"The entry '{shown}' is marked as UTF-8 but its name is not valid UTF-8; the archive was not {verb}.",
            shown,
        ) from None
    code_page = legacy_names(zf).code_page
    for info in zf.infolist():
        # Every reader (the read-only package, the export's diff) sees the names the import uses;
        # zipfile checks each entry's local header against ``orig_filename``, which stays as it was.
        try:
            name = entry_name(info, code_page)
        except ImportRefused:  # (not decodable: vet_zip names it; left as zipfile read it)
            continue
        if name:  # ('./' stays as it is: an empty name is no entry a reader could look up)
            info.filename = name
    return zf


class Vetted(NamedTuple):
    """What :func:`vet_zip` found: the entries to extract, the layout in words, and the files of
    macOS metadata it skipped (their names as in the ZIP)."""

    entries: list[_Entry]
    layout: str
    skipped: tuple[str, ...]


def vet_zip(zf: zipfile.ZipFile, budget: Budget = Budget(), verb: str = "imported") -> Vetted:
    """Check every entry of an open ZIP; return the entries to extract, the layout and what was skipped.

    What macOS Finder adds to a ZIP (``__MACOSX/``, ``.DS_Store``, AppleDouble ``._name`` files,
    :func:`is_mac_metadata_entry`) is vetted like any entry, then skipped: it is no part of the
    package, and imported it went back into every export.

    Raises :class:`ImportRefused` naming the first entry that is unsafe. Opening a ZIP
    read-only (``check``, ``export``, ``simulate``, the designer) vets it too, with ``verb``
    "opened": what may not be unpacked is not worth reading either, and a bomb would be read.
    """
    infos = zf.infolist()
    if len(infos) > budget.max_entries:
        raise ImportRefused(
            f"The archive has {len(infos)} entries, more than the {budget.max_entries} a branding package can "
            f"reasonably hold (first entry over the limit: '{infos[budget.max_entries].orig_filename}').",
            infos[budget.max_entries].orig_filename,
        )
    names: list[str] = []
    package_infos: list[zipfile.ZipInfo] = []  # (all but the macOS metadata, which is skipped)
    skipped: list[str] = []
    seen: dict[str, str] = {}
    total = 0
    code_page = legacy_names(zf).code_page
    for info in infos:
        written = _decoded_name(info, code_page)
        name = _entry_path(written)
        if not name and written.endswith(("/", "\\")):  # './': the folder the ZIP was made in
            names.append(name)
            package_infos.append(info)
            continue
        mac = is_mac_metadata_entry(zf, info, name)
        # (Finder's "Icon\r", a folder's custom icon, is the one control character let through: it is skipped.)
        _check_name(name[:-1] if mac and name.endswith("Icon\r") else name, verb, written)
        if name.count("/") > budget.max_depth:
            raise ImportRefused(
                f"The entry '{shortened(shown_name(name), _NAME_SHOWN)}' lies {name.count('/')} folders deep, more than the "
                f"{budget.max_depth} a branding package can reasonably use; the archive was not {verb}.",
                name,
            )
        _check_stored_name(info, name, verb)
        _check_type(info, name, verb)
        if name in seen:
            raise ImportRefused(f"The entry '{name}' appears twice in the archive.", name)
        seen[name] = name
        if info.file_size > budget.max_file:
            size, limit = byte_sizes_apart(info.file_size, budget.max_file)
            raise ImportRefused(
                f"The entry '{name}' would unpack to {size}, more than the {limit} one file of a "
                "branding package may take.",
                name,
            )
        total += info.file_size
        if total > budget.max_total:
            raise ImportRefused(
                f"The archive would unpack to more than {byte_size(budget.max_total)}, the most a branding package "
                f"may take (limit reached at '{name}').",
                name,
            )
        if info.file_size > budget.ratio_floor and (
            info.compress_size == 0 or info.file_size / info.compress_size > budget.max_ratio
        ):
            raise ImportRefused(
                f"The entry '{name}' is compressed {info.file_size // max(info.compress_size, 1)} to 1, far more than "
                "real files are: it looks like a ZIP bomb.",
                name,
            )
        if mac:
            skipped.append(name)
            continue
        names.append(name)
        package_infos.append(info)
    prefix, container, layout = _layout([n for n in names if n and not n.endswith("/")])
    entries: list[_Entry] = []
    kept = [
        (info, name, _dest(name.rstrip("/"), prefix, container))
        for info, name in zip(package_infos, names, strict=True)
        # not a folder the package sits in (MyBranding/ of MyBranding/webapp2/, ./): not imported
        if name and not (name.endswith("/") and (container or prefix).startswith(name))
    ]
    # Compared as export and check compare names: every folder on a path too (files.name_clashes).
    for other, part, dest in name_clashes(dest for _, _, dest in kept):
        name = next(n for _, n, d in kept if d == dest)
        raise ImportRefused(
            f"The entry '{shown_name(name)}' differs from '{shown_name(other)}' only in "
            f"{name_difference(other, part)}; they would overwrite each other on Windows and macOS.",
            name,
        )
    files: set[str] = set()
    folders: set[str] = set()
    for info, name, dest in kept:
        is_dir = name.endswith("/")
        parts = dest.split("/")
        folders.update("/".join(parts[:i]) for i in range(1, len(parts) + (1 if is_dir else 0)))
        if not is_dir:
            if dest in files:
                raise ImportRefused(f"The entry '{name}' lands on the same file as another entry.", name)
            files.add(dest)
        entries.append(_Entry(info, name, dest, is_dir))
    clash = sorted(files & folders)
    if clash:
        raise ImportRefused(f"The entry '{clash[0]}' is both a file and a folder in the archive.", clash[0])
    return Vetted(entries, layout, tuple(n for n in skipped if not n.endswith("/")))


# -- import ----------------------------------------------------------------------------------


def _make_folders(folder: str) -> None:
    """``os.makedirs(folder, exist_ok=True)``, one folder after the other.

    Why not os.makedirs: it calls itself for each missing parent, and an entry nested more than a
    thousand folders deep (a hostile ZIP) ended the import in a RecursionError traceback.
    """
    missing = []
    while not os.path.isdir(folder):
        missing.append(folder)
        parent = os.path.dirname(folder)
        if parent == folder:
            break
        folder = parent
    for path in reversed(missing):
        try:
            os.mkdir(path)
        except FileExistsError:
            if not os.path.isdir(path):
                raise


def _extract(zf: zipfile.ZipFile, entries: list[_Entry], tmp: Path, budget: Budget) -> tuple[int, int]:
    total = n_files = 0
    made: set[str] = set()
    root = str(tmp)
    for e in entries:
        # Strings, not Path objects: one path per entry, and pathlib's parsing was a fifth of the import.
        out = os.path.join(root, *e.dest.split("/"))
        try:
            if e.is_dir:
                _make_folders(out)
                continue
            folder = os.path.dirname(out)
            if folder not in made:
                _make_folders(folder)
                made.add(folder)
            fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
        except OSError as exc:
            raise _unwritable(e.name, exc) from None
        written = 0
        try:
            with os.fdopen(fd, "wb") as dst:
                # Reading the ZIP apart from writing the file: an OSError of zipfile's (a seek to an
                # offset before the start, in a streamed zip64 archive) was worded as the disk's
                # ("has a name this file system cannot store") instead of a damaged entry.
                try:
                    src = zf.open(e.info)
                except _UNREADABLE as exc:
                    raise _damaged(e.name, exc) from None
                with src:
                    while True:
                        try:
                            chunk = src.read(_CHUNK)
                        except _UNREADABLE as exc:
                            raise _damaged(e.name, exc) from None
                        if not chunk:
                            break
                        written += len(chunk)
                        total += len(chunk)
                        if written > e.info.file_size or written > budget.max_file or total > budget.max_total:
                            raise ImportRefused(
                                f"The entry '{e.name}' unpacks to more bytes than it declares or than the limit "
                                "allows: it looks like a ZIP bomb.",
                                e.name,
                            )
                        dst.write(chunk)
        except ImportRefused:
            raise
        except OSError as exc:  # writing: a full disk, a quota
            raise _unwritable(e.name, exc) from None
        if written != e.info.file_size:
            raise ImportRefused(f"The entry '{e.name}' is shorter than it declares; the archive is damaged.", e.name)
        n_files += 1
    return n_files, total


# What reading an entry of a damaged ZIP raises (ValueError: a local header that names another entry).
_UNREADABLE = (OSError, zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError)


def _damaged(name: str, exc: BaseException) -> ImportRefused:
    """The refusal for an entry whose bytes cannot be read from the ZIP."""
    if isinstance(exc, OSError):  # (not where the ZIP's directory says: a damaged or cut-off download)
        return ImportRefused(
            f"The entry '{name}' cannot be read from the ZIP file ({exc.strerror or exc}): the file is damaged "
            "or incomplete; download or create it again.",
            name,
        )
    # (zlib's or zipfile's words last, for a bug report: "Bad CRC-32" alone told an administrator
    # nothing to do.)
    return ImportRefused(
        f"The entry '{name}' is damaged or cannot be read: the ZIP file is damaged or incomplete; download or "
        f"create it again ({exc}).",
        name,
    )


def _unwritable(name: str, exc: OSError) -> ImportRefused:
    """The refusal for an entry the file system will not store (name too long, disk full, ...)."""
    if exc.errno == errno.ENAMETOOLONG:
        why = "has a path too long for this file system"
    elif exc.errno in (errno.EILSEQ, errno.EINVAL):
        why = "has a name this file system cannot store"
    else:
        why = f"cannot be written here ({exc.strerror or exc})"
    return ImportRefused(
        f"The entry '{shortened(shown_name(name), _NAME_SHOWN)}' {why}; the archive was not imported and nothing was kept.",
        name,
    )


def import_zip(source: Path, target: Path, budget: Budget = Budget(), keep_copy: bool = True) -> ImportResult:
    """Unpack the branding ZIP ``source`` into the new project folder ``target``.

    ``target`` must not exist or be an empty folder. The project gets ``webapp2/`` (the
    package) plus whatever else the archive held at its top level, byte for byte, and
    ``.plugin-designer/`` with a copy of the imported ZIP (the baseline of the first export's
    "what changed") and the state file. Raises :class:`ImportRefused`; then nothing is written.
    """
    source = Path(source)
    target = Path(target)
    if source.is_dir():
        raise ImportRefused(f"{source} is a folder, not a ZIP: open it directly with 'plugin-designer {source}'.")
    if not source.is_file():
        try:
            there = not_a_file(source.resolve()) if os.path.lexists(source) else None
        except (OSError, RuntimeError):  # (RuntimeError: links that lead in a circle)
            there = "a symbolic link that leads nowhere (in a circle)"
        raise ImportRefused(f"{source} is {there}, not a ZIP file" if there else f"{source}: no such file")
    _check_target(target)
    if not zipfile.is_zipfile(source):
        raise ImportRefused(f"{source}: {not_a_zip_why(source)}.")
    try:
        zf = open_zip(source)
    except (zipfile.BadZipFile, OSError) as exc:
        raise ImportRefused(f"{source}: the ZIP file cannot be read ({exc}).") from None
    # The folder itself, not how it was written: for "-o ." (or "x/."), the parent of the words is
    # the folder itself, and the unpacking folder made there was what made it "not empty".
    place = Path(os.path.abspath(target))
    with zf:
        entries, layout, skipped = vet_zip(zf, budget)
        _check_designer_folder(entries, keep_copy)
        legacy = legacy_names(zf)
        parent = place.parent
        made_parents = [p for p in [parent, *parent.parents] if not p.exists()]
        tmp: Path | None = None
        try:
            try:
                make_folder(parent)
                leftovers = remove_import_leftovers(parent)
                tmp = Path(tempfile.mkdtemp(prefix=import_temp_prefix(place.name), dir=parent))
            except OSError as exc:
                blocker = next((p for p in [parent, *parent.parents] if p.exists() and not p.is_dir()), None)
                why = f"{blocker} is a file, not a folder" if blocker is not None else exc.strerror or str(exc)
                raise ImportRefused(
                    f"The project folder {target} cannot be created ({why}); nothing was imported."
                ) from None
            n_files, n_bytes = _extract(zf, entries, tmp, budget)
            web = tmp / "webapp2"
            web.mkdir(exist_ok=True)
            missing = [m for m in ("settings.json", "manifest.json") if not (web / m).is_file()]
            blocked = {m: there for m in missing if (there := not_a_file(web / m)) is not None}
            # (Not a zipped project's own folder: its record is merged into this one's, and no export carries it.)
            carried = sorted({e.dest.split("/", 1)[0] for e in entries} - {"webapp2", STATE_DIR})
            branding_id = _read_branding_id(web / "manifest.json")
            digest = sha256_file(source)
            imported: dict[str, object] = {"source": str(source.resolve()), "sha256": digest, "brandingID": branding_id}
            if keep_copy:
                copy = tmp / STATE_DIR / "imported.zip"
                copy.parent.mkdir(exist_ok=True)
                shutil.copyfile(source, copy)
                imported["copy"] = f"{STATE_DIR}/imported.zip"
            try:
                _write_new_state(tmp, imported=imported, carry=carried)
            except StateUnreadable:
                # A zipped project's own damaged state file: no record of this project (the ZIP,
                # kept as imported.zip, still holds it), so a fresh one takes its place.
                damaged = tmp / STATE_DIR / STATE_FILE
                remove_tree(damaged) if damaged.is_dir() and not damaged.is_symlink() else damaged.unlink()
                _write_new_state(tmp, imported=imported, carry=carried)
            give_folder_mode(tmp)  # mkdtemp makes it private (0700); a project folder is an ordinary one
            _check_target(target)  # again: it may have changed while the files were unpacked
            if place.is_dir():
                _move_into(tmp, place)
            else:
                os.rename(tmp, place)
        except BaseException as exc:
            if tmp is not None:
                try:  # (not shutil.rmtree: see remove_tree)
                    remove_tree(tmp)
                except OSError:
                    pass
            for folder in made_parents:  # innermost first; only the empty folders we made
                try:
                    folder.rmdir()
                except OSError:
                    break
            if isinstance(exc, OSError):
                raise ImportRefused(
                    f"The project folder {target} cannot be written ({exc.strerror or exc}); nothing was imported."
                ) from None
            raise
    if not target.is_dir():  # written through a folder that does not exist ("new/sub/.."): the one made
        target = place
    return ImportResult(
        target,
        target / "webapp2",
        n_files,
        n_bytes,
        layout,
        missing,
        blocked,
        carried,
        branding_id,
        leftovers,
        target / STATE_DIR / "imported.zip" if keep_copy else None,
        legacy,
        skipped,
    )


def _check_designer_folder(entries: list[_Entry], keep_copy: bool) -> None:
    """Refuse a ZIP whose entry stands where the project's own folder (``.plugin-designer/``) and
    the copy of the imported ZIP go, before anything is written.

    Why: the import makes that folder beside webapp2/ to keep its records in; a file of that name
    in the ZIP (or a folder where the copy goes) made the import fail with "cannot be written (File
    exists)", as if the disk were at fault. Carrying it through is not possible (the name is
    taken), and it would never be uploaded anyway: the export sends only webapp2/.
    """
    clash = designer_folder_clash(entries, keep_copy)
    if clash is not None:
        name, why = clash
        raise ImportRefused(f"{why} Nothing was imported.", name)


def designer_folder_clash(entries: Sequence[_Entry], keep_copy: bool = True) -> tuple[str, str] | None:
    """The entry of a vetted ZIP that stands where the import puts the project's own folder
    (``.plugin-designer/``) or its copy of the ZIP, and why, in words; None when there is none.

    Why apart from the import's refusal: a read-only open (``check``, the designer) says the same
    as a note (PD110), before the user tries to import the ZIP.
    """
    copy = f"{STATE_DIR}/imported.zip"
    for e in entries:
        if e.dest == STATE_DIR and not e.is_dir:
            return e.name, (
                f"The entry '{shown_name(e.name)}' is a file, but the project needs the name {STATE_DIR} for the "
                "folder where the designer keeps its own records (the last export, the copy of the imported ZIP); "
                "rename or remove that file in the ZIP (it would not be uploaded: the export sends only webapp2/)."
            )
        if keep_copy and (e.dest == copy and e.is_dir or e.dest.startswith(copy + "/")):
            return e.name, (
                f"The entry '{shown_name(e.name)}' is a folder where the designer keeps its copy of the imported "
                f"ZIP ({copy}); rename or remove it in the ZIP."
            )
    return None


def _write_new_state(tmp: Path, **changes: object) -> None:
    """Write the state of the project being unpacked in ``tmp`` (merged with any the ZIP held).

    Why not :func:`update_state` (temporary file, fsync, rename): ``tmp`` is the unpacking folder,
    which nobody else sees and which is renamed into place only when complete; there is no old
    version to protect, and the files unpacked beside it are not fsynced either. The fsync alone
    was a tenth of an import's time.
    """
    _state, data = merged_state(tmp, **changes)
    folder = tmp / STATE_DIR
    folder.mkdir(exist_ok=True)
    # The mode of every file unpacked beside it (see _extract), not 0666 less the umask.
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    with os.fdopen(os.open(folder / STATE_FILE, flags, 0o644), "wb") as fh:
        fh.write(data)


def _move_into(tmp: Path, place: Path) -> None:
    """Move what ``tmp`` holds into the existing, empty folder ``place`` (the designer's own folder
    last, so a project with the import's record is a whole one), then remove ``tmp``; on a failure
    the moved entries go back and ``place`` is empty again.

    Why not rename ``tmp`` over it: that replaced the user's folder by another, with other
    permissions and owner, and a shell that was in it (``-o .``) was left in a deleted folder.
    """
    names = in_move_order(os.listdir(tmp))
    moved: list[str] = []
    try:
        for name in names:
            os.rename(tmp / name, place / name)
            moved.append(name)
    except OSError:
        for name in reversed(moved):
            try:
                os.rename(place / name, tmp / name)
            except OSError:  # (left where it is; the error says the import failed)
                pass
        raise
    tmp.rmdir()
    from .sudo import give_back, sudo_owner

    owner = sudo_owner()
    if owner is not None:  # (a folder of the user's in one of root's, /srv/projects: the hidden one was not given)
        give_back(place, owner)


def folder_name_for_zip(source: Path) -> str:
    """The project folder name a ZIP's import is offered: its name without its ending, and without
    every '.zip' before it ('branding.zip.zip', a download whose ending Windows hid, gave
    'branding.zip', a ZIP file's name that :func:`import_target_refusal` refuses for a folder).
    Empty when nothing is left."""
    name = source.stem
    while name.lower().endswith(".zip"):
        name = name[:-4]
    return name


def import_target_refusal(target: Path) -> str | None:
    """Why ``target`` cannot be the new project folder an import makes, else None: it must be a
    new or empty folder, outside any branding package, and no symbolic link.

    A symbolic link is refused even when it points to an empty folder: the project would land
    wherever the link points (or the rename would replace the link), not where the user looked.
    Why a function of its own: the Import dialog says it as the user types (see
    :func:`designer.core.newproject.folder_refusal`), by the same rules the import applies.
    """
    if target.is_symlink():
        return f"{target} is a symbolic link; choose a new folder to import into (the link was left as it is)."
    if target.suffix.lower() == ".zip" and not os.path.lexists(target):
        # (`import a.zip -o b.zip`, the export's -o in mind, made a folder that looked like the ZIP to upload)
        return (
            f"{target} is a ZIP file's name, but the import makes a project folder there (export writes the ZIP); "
            f"give a folder name, such as {target.with_suffix('')}."
        )
    return inside_package_refusal(target, "a project imported") or unusable_folder_refusal(
        target, "choose a new folder to import into"
    )


def _check_target(target: Path) -> None:
    """Refuse a target that is not a new or empty folder, before a byte is written (see
    :func:`import_target_refusal`)."""
    why = import_target_refusal(target)
    if why is not None:
        raise ImportRefused(why)


def _read_branding_id(path: Path) -> object:
    import json

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):  # nested too deeply to read: unreadable like bad JSON
        return None
    return data.get("brandingID") if isinstance(data, dict) else None


# -- deterministic ZIP writing ---------------------------------------------------------------


def zip_bytes(files: Iterable[tuple[str, bytes]]) -> bytes:
    """A ZIP of ``(name, data)`` pairs, sorted by name, with fixed dates and permissions.

    Same files in, same bytes out: entries carry 1980-01-01 00:00, mode 0644, Unix as the
    creating system, no comment and no extra fields.
    """
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in sorted(files):
            info = zipfile.ZipInfo(name, ZIP_DATE)
            info.create_system = 3
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            stored = name.lower().endswith(_STORED_SUFFIXES)
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            zf.writestr(info, data, compress_type=info.compress_type, compresslevel=None if stored else 6)
    return buf.getvalue()
