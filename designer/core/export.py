"""One-click export: settings.json + manifest.json (new brandingID) + the branding ZIP, with a diff.

Why a plan before the write: the user (GUI pane or CLI) should see exactly what will be
uploaded — the two JSON files as they will be written, the errors that block the export, what
changed since the last export and what to do on the Management Node — before anything touches
the disk. :func:`plan_export` computes all of that without writing; :func:`write_export`
writes the ZIP, the changed project files and the record of the export in the project state
(``.plugin-designer/state.json``, so the next brandingID is always greater and the next diff has a
baseline) in one all-or-nothing step.
"""

from __future__ import annotations

import os
import stat
import time
import zipfile
import zlib
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .archive import ImportRefused, sha256_file, shown_name, vet_zip, zip_bytes
from .checks import run_checks
from .files import (
    WRITE_JOURNAL,
    DirFiles,
    is_temporary,
    name_clashes,
    name_difference,
    read_file_bytes,
    said_as_given,
    windows_name_problem,
)
from .fixes import JS_SAFE_INTEGER, new_branding_id
from .jsonfile import JsonDocument, same_json
from .model import BrandingPackage, bytes_text, load, mark_written, reread_json, sync_documents
from .problems import Problem, Severity
from .state import STATE_DIR, STATE_FILE, StateUnreadable, check_state_writable, load_state, merged_state, state_dir
from .sudo import give_new
from .wording import PLACEMENT_NAMES, PLATFORM_NAMES, ROLE_NAMES, counted, plural, who_gets
from .zipnames import (
    OS_CLUTTER_FOLDERS,
    excluded_why,
    exported_name,
    is_excluded,
    is_mac_metadata,
    name_why,
    never_served_why,
    project_name,
    zip_name_for,
)

__all__ = [
    "BrandingIdRefused",
    "ExportBlocked",
    "ExportPlan",
    "ExportRefused",
    "ExportResult",
    "FileChange",
    "export_package",
    "is_excluded",
    "check_output_path",
    "not_written_said",
    "output_folder_refusal",
    "plan_export",
    "state_folder_refusal",
    "take_export",
    "who_gets",
    "write_export",
]

# Errors the export itself repairs: it writes isSettingsBranded: true and a new brandingID,
# and creates manifest.json when the package has none (a Management Node default download).
REPAIRED_BY_EXPORT = {"PD210": "manifest.json will be created", "PD211": "isSettingsBranded will be set to true"}
DIFF_SUFFIXES = (".json", ".js", ".svg", ".css", ".html", ".htm")
# brandingID is read by the web app as a JavaScript number: above 2**53 - 1 neighbouring whole
# numbers are the same number there, so a "new" ID could look unchanged and clients keep their cache.
MAX_BRANDING_ID = JS_SAFE_INTEGER
_DIFF_LIMIT = 512 * 1024  # bigger text files get a size line instead of a line diff


class ExportRefused(Exception):
    """The export cannot be made at all (bad brandingID, read-only package, bad output path)."""


class BrandingIdRefused(ExportRefused):
    """A brandingID asked for that the export cannot use, ending with how to get a fresh one instead.

    Why apart: the Export pane gets a fresh one with its field left empty, the command line by
    leaving out ``--branding-id``; "Leave it empty" sent a user of the CLI looking for a field.
    ``str()`` is the pane's words, :meth:`for_cli` the command line's.
    """

    def __init__(self, why: str, otherwise: str) -> None:
        self.why, self.otherwise = why, otherwise
        super().__init__(f"{why} Leave it empty for a fresh one, {otherwise}.")

    def for_cli(self) -> str:
        return f"{self.why} Leave out --branding-id for a fresh one, {self.otherwise}."


class ExportBlocked(ExportRefused):
    """The package has errors; exporting anyway needs ``force``."""

    def __init__(self, errors: list[Problem]) -> None:
        n = len(errors)
        block = "blocks" if n == 1 else "block"
        them = "it" if n == 1 else "them"
        super().__init__(f"{counted(n, 'error')} {block} the export; fix {them} first (or force the export)")
        self.errors = errors


@dataclass
class FileChange:
    path: str  # name inside the ZIP
    status: str  # "added", "removed" or "changed"
    old_size: int | None = None
    new_size: int | None = None
    diff: str = ""  # unified diff for text files
    summary: list[str] = field(default_factory=list)  # a JSON file's changes in words (jsonchanges)
    notes: list[str] = field(default_factory=list)  # what a line diff does not show, in words (see _change_notes)

    @property
    def file(self) -> str | None:
        """The file's name relative to webapp2/, as the Problems list and ``check`` name files;
        None for one the ZIP holds next to webapp2/ (a folder an imported ZIP carried)."""
        return self.path[len("webapp2/") :] if self.path.startswith("webapp2/") else None

    @property
    def shown(self) -> str:
        """The name the window and the command line show for the file.

        Why not the ZIP's own name: "webapp2/plugins/x/x.plugin.js" here and "plugins/x/x.plugin.js"
        in the tree, the Problems list and every message read as two different files.
        """
        return shown_change_name(self.path)

    @property
    def only_branding_id(self) -> bool:
        """Whether the file's diff changes nothing but the brandingID line: every export does that
        to manifest.json, and a user should not take it for an edit of theirs.

        A JSON file read on both sides is judged by its changes in words, not by the lines of
        its diff: a manifest.json on one line holds isSettingsBranded on the brandingID line, and
        a change of that flag was called no change at all.
        """
        if self.notes:  # (line endings, a byte-order mark: a change of the file's, not the number's)
            return False
        if self.summary:
            return all(line.startswith("brandingID: ") and " → " in line for line in self.summary)
        changed = [line for line in self.diff.split("\n") if line[:1] in "+-" and not line.startswith(("+++", "---"))]
        return bool(changed) and all('"brandingID"' in line for line in changed)

    @property
    def size_note(self) -> str:
        """The size of an added file, or what a removed one had ("(2 KB)", "(was 264 bytes)"); ""
        for a changed one (its diff or notes say what changed).

        Why: an added file was a bare name, a 3 MB bundle or a forgotten video read like any icon.
        """
        if self.status == "added" and self.new_size is not None:
            return f"({size_said(self.new_size)})"
        if self.status == "removed" and self.old_size is not None:
            return f"(was {size_said(self.old_size)})"
        return ""

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "file": self.file,
            "status": self.status,
            "old_size": self.old_size,
            "new_size": self.new_size,
            "diff": self.diff,
            "summary": self.summary,
            "notes": self.notes,
            "only_branding_id": self.only_branding_id,
        }


@dataclass
class ExportPlan:
    pkg: BrandingPackage
    project: Path
    root: Path  # the webapp2 folder
    old_branding_id: Any
    branding_id: Any
    entries: dict[str, bytes]  # ZIP name -> bytes
    writes: dict[str, bytes]  # webapp2-relative path -> new bytes for the project
    errors: list[Problem]  # errors that block the export
    problems: list[Problem]  # everything the checks reported
    repaired: list[str]  # what the export fixes on its own
    skipped: list[str]  # project files deliberately left out (hidden, backups, links), printable
    baseline: str | None  # what the diff compares against, in words
    changes: list[FileChange] = field(default_factory=list)
    plugins: list[str] = field(default_factory=list)  # checklist lines about the plugins
    skip_reasons: dict[str, str] = field(default_factory=dict)  # each name in ``skipped`` -> why, in words
    baseline_lost: str | None = None  # why the ZIP the project's record names is not compared with, in words

    @property
    def blocked(self) -> bool:
        return bool(self.errors)

    def preview(self, rel: str) -> str | None:
        """A JSON file of the package exactly as the export will write it."""
        data = self.entries.get("webapp2/" + rel)
        return None if data is None else data.decode("utf-8", errors="replace")

    def checklist(self, zip_name: str = "the ZIP") -> list[str]:
        """The administrator's steps, in the words of the admin interface.

        Why: the one who uploads is often not the one who designed the plugin; "REST: POST ..."
        meant nothing to them. What a script needs is :meth:`upload_by_script`, shown apart.
        """
        return [
            "Open the Management Node administrator interface and go to Services > Web App Customization.",
            f"Add a customization there (or open the one you replace), choose Web App 2 (webapp2) and upload "
            f"{zip_name} as its branding package.",
            f"brandingID changes from {_shown(self.old_branding_id)} to {self.branding_id}: "
            "clients notice the change and load the new branding instead of their cached copy.",
            *self.plugins,
            "After the upload, reload the web app and check that each plugin appears for the right people "
            "(Settings > Plugins lists them).",
        ]

    def upload_by_script(self, zip_name: str = "the ZIP") -> str:
        """The upload step as a script does it: a line below the checklist, for those automating."""
        return (
            f"To automate the upload: POST {zip_name} (multipart, as branding_file, with webapp_type 'webapp2') "
            "to /api/admin/configuration/v1/webapp_branding/, or run plugin-designer deploy."
        )

    @property
    def nothing_but_branding_id(self) -> bool:
        """Nothing differs from the baseline but the upload number every export raises.

        Why it matters: right after an export the next one's plan differs from it only there,
        and "1 changed: manifest.json" with its diff read as if something had changed again.
        """
        return self.baseline is not None and bool(self.changes) and all(c.only_branding_id for c in self.changes)

    def listed_changes(self) -> list[FileChange]:
        """What ``export --json`` lists under ``changes``: those since the baseline, or, with no
        baseline (a first export), every file of the ZIP as added, each as a later export gives an
        added file (its size and, for a text file, its whole text as a diff).

        Why: a first export's ``changes`` was ``[]`` while its summary said "every file is new" and
        the Export pane and the plain output listed each one: a script read "nothing changed".
        (``changes`` stays what the diff found, which is nothing, for the checks that compare.)
        """
        if self.baseline is not None:
            return self.changes
        return [added_change(name, data) for name, data in sorted(self.entries.items())]

    def summary(self) -> str:
        if self.baseline is None:
            if self.baseline_lost is not None:
                return f"{self.baseline_lost}, so there is nothing to compare with: every file is listed as new."
            return "No earlier export or import to compare with: every file is new."
        if self.baseline_lost is not None:
            return f"{self.baseline_lost}, so this compares with {self.baseline} instead. " + self._since()
        return self._since()

    def _since(self) -> str:
        """:meth:`summary` once there is a baseline."""
        if not self.changes:
            return f"No file changed since {self.baseline}."
        if self.nothing_but_branding_id:
            return (
                f"Nothing changed since {self.baseline} except the upload number (brandingID {self.branding_id}), "
                "which every export raises so that every user's app loads the package again."
            )
        # The new brandingID, which every export writes, is said apart: counted, one plugin edited
        # since the last export read "2 changed".
        mine = [c for c in self.changes if not c.only_branding_id]
        counts = {s: sum(c.status == s for c in mine) for s in ("changed", "added", "removed")}
        parts = [f"{n} {s}" for s, n in counts.items() if n]
        upload_number = " (and the new brandingID in manifest.json)" if len(mine) < len(self.changes) else ""
        return f"Since {self.baseline}: " + ", ".join(parts) + upload_number + "."


@dataclass
class ExportResult:
    path: Path
    sha256: str
    size: int
    branding_id: Any
    old_branding_id: Any
    written: list[str]  # project files updated (webapp2-relative)
    plan: ExportPlan


def added_change(name: str, data: bytes) -> FileChange:
    """The change of a file new in the ZIP (``name``, its bytes ``data``): its size and, for a
    text file, its whole text as a diff. One file at a time for the Export pane, which shows a
    first export's texts file by file after its list."""
    return FileChange(name, "added", None, len(data), _text_diff(name, b"", data))


def shown_change_name(name: str) -> str:
    """A ZIP entry named as the designer names files: relative to webapp2/, or, for one next to
    it (a folder an imported ZIP carried), its name said so."""
    return name[len("webapp2/") :] if name.startswith("webapp2/") else f"{name} (next to webapp2/)"


# The lines of one file's diff that 'What changed' and the export command's --diff show. Why a
# limit: a 5,000-line source rewritten made a diff of 10,000 lines, which buried the other files'
# diffs below it and which nobody reads there.
DIFF_LINES_SHOWN = 400

# The characters of one diff line shown: a minified source's one line is the whole file, which ran
# hundreds of thousands of characters off the pane's right edge (and over a terminal's screens).
DIFF_LINE_CHARS = 500


def shortened_line(line: str) -> str:
    """``line`` cut after :data:`DIFF_LINE_CHARS` characters, saying how many more it has."""
    if len(line) <= DIFF_LINE_CHARS:
        return line
    rest = len(line) - DIFF_LINE_CHARS
    return f"{line[:DIFF_LINE_CHARS]} … ({rest:,} more {plural(rest, 'character')} on this line)"


def diff_lines_shown(diff: str, all_of_it: str) -> list[str]:
    """The lines of one file's diff to show: its first :data:`DIFF_LINES_SHOWN`, each cut after
    :data:`DIFF_LINE_CHARS` characters, then how many more there are and how many were removed and
    added in all; ``all_of_it`` says where to see them all ("--full-diff prints them all").

    Why here: the Export pane and the export command cut a diff alike, in the same words.
    """
    lines = diff.rstrip("\n").split("\n")
    if len(lines) <= DIFF_LINES_SHOWN:
        return [shortened_line(line) for line in lines]
    rest = len(lines) - DIFF_LINES_SHOWN
    # How much changed in all: the lines shown of a rewrite are often only its removed lines.
    gone = sum(line.startswith("-") and not line.startswith("--- ") for line in lines)
    came = sum(line.startswith("+") and not line.startswith("+++ ") for line in lines)
    return [
        *(shortened_line(line) for line in lines[:DIFF_LINES_SHOWN]),
        f"… and {rest:,} more {plural(rest, 'line')} of this file's diff, not shown here",
        f"  (in all {gone:,} {plural(gone, 'line')} removed and {came:,} added; {all_of_it}).",
    ]


def size_said(n: int) -> str:
    """A file's size as 'What changed' says it: in bytes below 10 KB ("264 bytes"), else "2.5 MB"."""
    if n < 10_240:
        return f"{n:,} {plural(n, 'byte')}"
    from .wording import byte_size

    return byte_size(n)


def _shown(value: Any) -> str:
    return "(none)" if value in (None, "") else str(value)


def _as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    # ASCII digits only ('²' and '٣' are digits to str.isdigit, not to int()); at most 30 of them,
    # far above any usable ID and far below the length at which int() refuses a string.
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit() and len(value.strip()) <= 30:
        return int(value.strip())
    return None


def _walk(base: Path, prefix: str, entries: dict[str, bytes], skipped: dict[str, str]) -> None:
    """Read every exportable file under ``base`` into ``entries`` as ``prefix + rel``.

    ``skipped`` collects what is left out (a printable name -> why), a folder once with a '/'.
    """

    def skip(rel: str, why: str) -> None:
        skipped[shown_name(rel)] = why

    if base.is_file() and not base.is_symlink():
        rel = prefix.rstrip("/")
        why = excluded_why(rel) or name_why(rel)
        if why:
            skip(rel, why)
        else:
            entries[rel] = base.read_bytes()
        return
    _walk_folder(str(base), prefix, entries, skip)


def _walk_folder(folder: str, prefix: str, entries: dict[str, bytes], skip: Callable[[str, str], None]) -> None:
    """:func:`_walk` of one folder, in os.walk's order: what is left out of its subfolders, its
    files, then the subfolders kept, each in name order.

    Why :func:`os.scandir` and not :func:`os.walk`: each entry's type (link, folder, file) comes
    with the listing, where os.walk and then islink and isfile asked the file system twice more
    for every file (a tenth of an export's own time). Why a list of folders still to walk, not a
    call for each subfolder: folders nested a thousand deep exceeded Python's recursion limit (a
    traceback); the order is the same.
    """
    todo = [(folder, prefix)]
    while todo:
        folder, prefix = todo.pop()
        try:
            with os.scandir(folder) as it:
                listing = sorted(it, key=lambda e: e.name)
        except OSError as exc:  # unreadable or vanished: left out, and an unreadable one said (it was not)
            if prefix and not isinstance(exc, FileNotFoundError):
                skip(prefix, f"the folder cannot be read ({exc.strerror or exc})")
            continue
        folders: list[os.DirEntry[str]] = []
        files: list[os.DirEntry[str]] = []
        for entry in listing:
            (folders if _entry_is(entry.is_dir) else files).append(entry)
        keep = []
        for d in folders:
            rel = prefix + d.name + "/"
            if _entry_is(d.is_symlink):
                skip(rel, "a symbolic link")
            elif why := never_served_why(rel):
                skip(rel, why)
            elif d.name.startswith("."):
                skip(rel, "hidden (its name starts with '.')")
            elif d.name.lower() in OS_CLUTTER_FOLDERS:
                skip(rel, "left behind by the operating system")
            elif why := name_why(rel):
                skip(rel, why)
            else:
                keep.append(d)
        for f in files:
            rel = prefix + f.name
            if is_temporary(f.name):
                continue  # a save's own temporary file (one a killed designer left): not the user's, not said
            if _entry_is(f.is_symlink):
                skip(rel, "a symbolic link")
            elif why := excluded_why(rel) or name_why(rel):
                skip(rel, why)
            elif not _entry_is(f.is_file):
                skip(rel, "not a regular file")
            else:
                entries[rel] = read_file_bytes(f.path)
        todo.extend((d.path, prefix + d.name + "/") for d in reversed(keep))


def _entry_is(test: Callable[[], bool]) -> bool:
    """A DirEntry's type test, False when the file system cannot say (as os.walk and os.path.islink
    and isfile answer for an entry that vanished meanwhile)."""
    try:
        return test()
    except OSError:
        return False


def _doc_bytes(doc: JsonDocument, value: Any) -> bytes:
    if not same_json(doc.data, value):
        doc = JsonDocument(doc.dumps())
        doc.apply(value)
    return doc.dumps().encode("utf-8")


def _model_writes(pkg: BrandingPackage, new_id: Any) -> dict[str, bytes]:
    """Bytes of every file the model would write, manifest.json with the new brandingID."""
    out: dict[str, bytes] = {}
    if pkg.manifest is None:
        if pkg.files.exists("manifest.json"):
            raise ExportRefused("manifest.json cannot be read, so no new brandingID can be written; fix it first.")
        out["manifest.json"] = (
            JsonDocument.new({"brandingID": new_id, "isSettingsBranded": True}).dumps().encode("utf-8")
        )
    else:
        value = pkg.manifest.to_json()
        if not isinstance(value, dict):
            raise ExportRefused(
                "manifest.json is not a JSON object, so no new brandingID can be written; fix it first."
            )
        value = dict(value)
        value["brandingID"] = new_id
        value["isSettingsBranded"] = True
        doc = pkg.docs.get("manifest.json")
        out["manifest.json"] = (
            _doc_bytes(doc, value) if doc is not None else JsonDocument.new(value).dumps().encode("utf-8")
        )
    if pkg.settings is not None:
        value = pkg.settings_json()
        doc = pkg.docs.get("settings.json")
        out["settings.json"] = _doc_bytes(doc, value) if doc else JsonDocument.new(value).dumps().encode("utf-8")
    for p in pkg.plugins:
        if p.package is not None and p.package_path and p.package_path in pkg.docs:
            out[p.package_path] = _doc_bytes(pkg.docs[p.package_path], p.package.to_json())
    from .model import text_bytes

    for rel, text in pkg.pending_texts.items():
        if text is not None and rel not in out:
            out[rel] = text_bytes(text)
    return out


def _last_id_and_source(pkg: BrandingPackage, state: dict[str, Any]) -> tuple[int | None, str]:
    """The brandingID a new one must exceed, and where it is from, in words ("the one in manifest.json").

    Why the source: "not greater than the last one" puzzled whoever had never exported the
    project: the number was the one ``new`` (or the import) wrote into manifest.json.
    """
    sources = {
        "the one in manifest.json": pkg.manifest.branding_id if pkg.manifest else None,
        "the last export's": None,
        "the imported ZIP's": None,
    }
    for key, where in (("last_export", "the last export's"), ("imported", "the imported ZIP's")):
        rec = state.get(key)
        if isinstance(rec, dict):
            sources[where] = rec.get("brandingID")
    found = [(i, where) for where, v in sources.items() if (i := _as_int(v)) is not None]
    if not found:
        return None, ""
    best = max(i for i, _ in found)
    return best, next(where for i, where in reversed(found) if i == best)


def _choose_id(pkg: BrandingPackage, state: dict[str, Any], requested: Any) -> tuple[Any, Any]:
    current = pkg.manifest.branding_id if pkg.manifest else None
    last_export = state.get("last_export") if isinstance(state.get("last_export"), dict) else {}
    old = current if current not in (None, "") else last_export.get("brandingID")
    last, where = _last_id_and_source(pkg, state)
    as_string = isinstance(current, str)
    if requested in (None, ""):
        new = new_branding_id(str(last) if as_string and last is not None else last)
        if as_string and not isinstance(new, str):
            new = str(new)
        return old, new
    value = _as_int(requested)
    text = str(requested).strip()
    if value is None and text.isascii() and text.isdigit():  # more digits than _as_int reads
        value = MAX_BRANDING_ID + 1
    if value is None or value <= 0:
        raise ExportRefused(f"brandingID must be a positive whole number (1, 2, 3, ...), not '{requested}'.")
    if value > MAX_BRANDING_ID:
        shown = text if len(text) <= 40 else text[:20] + "…"
        raise BrandingIdRefused(
            f"brandingID {shown} is too large: the web app reads it as a JavaScript number, which cannot tell "
            f"whole numbers above {MAX_BRANDING_ID} apart, so clients could keep their cached branding.",
            "or choose a smaller number",
        )
    if last is not None and value <= last:
        raise BrandingIdRefused(
            f"brandingID {value} is not greater than {last} ({where}); clients would keep their cached branding.",
            "or choose a larger number",
        )
    return old, (str(value) if as_string else value)


def _baseline(project: Path, state: dict[str, Any]) -> tuple[str | None, Path | None, bool, str | None]:
    """What to compare with: (words, ZIP, whether it is our own export, laid out as we write, and
    why the ZIP a record names is not used, in words, or None).

    The state file is the user's to edit (or damage): a value of the wrong type is no record
    (a number as the path was a traceback), and the imported copy is only looked for in the
    designer's own folder, where the import puts it.

    Why the last reason: with the last export's ZIP deleted or damaged since, the pane said "No
    earlier export or import to compare with", which the user who had exported knew to be false.
    """
    lost: str | None = None
    rec = state.get("last_export")
    if isinstance(rec, dict) and isinstance(rec.get("path"), str) and rec["path"]:
        path = Path(rec["path"])
        if path.is_file() and sha256_file(path) == rec.get("sha256"):
            return f"the last export ({path.name}, brandingID {rec.get('brandingID')})", path, True, None
        lost = _lost("The last export's ZIP", path)
    rec = state.get("imported")
    path = imported_copy(project, state)
    if isinstance(rec, dict) and path is not None:
        if path.is_file() and sha256_file(path) == rec.get("sha256"):
            return f"the imported ZIP ({Path(str(rec.get('source', path))).name})", path, False, lost
        lost = lost or _lost("The copy of the imported ZIP", path)
    return None, None, False, lost


def _lost(what: str, path: Path) -> str:
    """Why the ZIP ``what`` at ``path``, named by the project's record, cannot be compared with."""
    if not os.path.lexists(path):
        return f"{what}, {path}, is no longer there (deleted or moved)"
    return f"{what}, {path}, has changed since (replaced by another file, or damaged)"


def imported_copy(project: Path, state: dict[str, Any]) -> Path | None:
    """The copy of the imported ZIP the state names, when it is in the designer's own folder (where
    the import puts it; a damaged state file naming another file is no record)."""
    rec = state.get("imported")
    copy = rec.get("copy") if isinstance(rec, dict) else None
    if isinstance(copy, str) and _inside(state_dir(project), project / copy):
        return project / copy
    return None


def carried_names(project: Path, state: dict[str, Any]) -> list[str]:
    """The names beside webapp2/ that every export of ``project`` carries along, sorted: the other
    folders (or files) of the imported ZIP, as the state lists them, that are still there.

    Never the project's parent or itself, whatever a damaged state file says ("..", carried,
    listed every folder beside the project as left out), nor the designer's own folder.
    """
    carry = state.get("carry")
    names = sorted(n for n in carry if isinstance(n, str)) if isinstance(carry, list) else []
    return [
        name
        for name in names
        if name not in ("webapp2", "", ".", "..", STATE_DIR)
        and "/" not in name
        and "\\" not in name
        and (project / name).exists()
    ]


def _inside(folder: Path, path: Path) -> bool:
    """Whether ``path`` (links followed) lies in ``folder``."""
    try:
        return folder.resolve() in path.resolve().parents
    except (OSError, ValueError, RuntimeError):  # a NUL in the name, a loop of links
        return False


def _baseline_files(zf: zipfile.ZipFile, own: bool) -> dict[str, zipfile.ZipInfo] | None:
    """The files of the baseline ZIP by their names in an export (None: not readable as one)."""
    if own:  # the sha256 matches the ZIP we wrote: its names are already ours
        return {i.filename: i for i in zf.infolist() if not i.is_dir()}
    try:  # an imported ZIP: map its layout the way the import did
        vetted = vet_zip(zf).entries
    except ImportRefused:
        return None
    return {e.dest: e.info for e in vetted if not e.is_dir}


def _open_baseline(zip_path: Path | None) -> AbstractContextManager[zipfile.ZipFile | None]:
    """The baseline ZIP (the imported one or the last export) opened, or None: none, or not readable."""
    if zip_path is None:
        return nullcontext()
    try:
        return zipfile.ZipFile(zip_path)
    except (OSError, zipfile.BadZipFile):
        return nullcontext()


def _keep_earlier_files(
    project: Path, earlier: list[str], tops: set[str], entries: dict[str, bytes], skipped: dict[str, str]
) -> None:
    """Put back into ``entries`` the files of the baseline ZIP that the walk left out for their
    names alone (hidden, an editor backup, system clutter), as they are in the project now.

    Why: those rules keep the designer's and the system's leftovers (``*.swp``, ``.DS_Store``)
    off the Management Node, but a downloaded package may hold ``.htaccess`` or ``theme.css.orig``
    itself: uploaded before and never touched, the round trip dropped them. Only files the
    baseline held, under webapp2/ or a carried folder, that are still plain files (no link on the
    way) come back; a name no ZIP should hold stays out.
    """
    kept: list[str] = []
    for name in earlier:
        if name in entries or name.split("/", 1)[0] not in tops or excluded_why(name) is None or name_why(name):
            continue
        if never_served_why(name) is not None or is_mac_metadata(name):
            # uploaded before by mistake (a .git folder, a .env), or Finder's litter that a project
            # imported before the import skipped it still holds (__MACOSX/, .DS_Store): not again
            continue
        data = _plain_file_bytes(project, name)
        if data is not None:
            entries[name] = data
            kept.append(name)
    for key in [k for k in skipped if any(n == k or (k.endswith("/") and n.startswith(k)) for n in kept)]:
        why = skipped.pop(key)
        if key.endswith("/"):  # a folder left out whole: what else it holds is still left out, named one by one
            for rel in _files_under(project, key):
                if rel not in entries:
                    skipped[shown_name(rel)] = why


def _plain_file_bytes(project: Path, name: str) -> bytes | None:
    """The bytes of ``project/name`` when it is a regular file reached through folders, no link; else None."""
    path = str(project)
    parts = name.split("/")
    try:
        for i, part in enumerate(parts):
            path = os.path.join(path, part)
            mode = os.lstat(path).st_mode
            if not (stat.S_ISREG(mode) if i == len(parts) - 1 else stat.S_ISDIR(mode)):
                return None
        with open(path, "rb") as fh:
            return fh.read()
    except OSError:
        return None


def _files_under(project: Path, folder: str) -> list[str]:
    """The files under ``folder`` (a name ending in '/', relative to ``project``), links not followed."""
    out: list[str] = []
    for base, dirs, files in os.walk(project / folder):
        dirs.sort()
        rel = Path(base).relative_to(project).as_posix()
        out.extend(f"{rel}/{f}" for f in sorted(files))
    return out


def _diff(entries: dict[str, bytes], zf: zipfile.ZipFile, old: dict[str, zipfile.ZipInfo]) -> list[FileChange]:
    """What changed from the baseline ZIP ``zf`` (its files ``old``, :func:`_baseline_files`) to ``entries``."""
    changes: list[FileChange] = []
    for name in sorted(set(old) | set(entries)):
        new = entries.get(name)
        info = old.get(name)
        if info is None:
            assert new is not None
            changes.append(added_change(name, new))
        elif new is None:
            changes.append(FileChange(name, "removed", info.file_size, None))
        elif info.file_size != len(new) or info.CRC != zlib.crc32(new):
            before = zf.read(info)
            if before != new:
                change = FileChange(name, "changed", len(before), len(new), _text_diff(name, before, new))
                change.summary = _json_summary(name, before, new)
                change.notes, noise = _change_notes(name, before, new, change.diff)
                if noise:  # every line "changed" and reads the same: the notes say it all
                    change.diff = ""
                changes.append(change)
    return changes


_BOM = b"\xef\xbb\xbf"
# What "only spaces, tabs or blank lines changed" may mean: not bytes.split()'s whitespace, which
# counts a vertical tab and a form feed too, and either swapped for a space in a string changes
# the JavaScript. (Line ends are all LF here: _change_notes compares the text so.)
_LAYOUT = b" \t\n"
_LINE_ENDS = {b"\r\n": "Windows (CRLF)", b"\n": "Unix (LF)", b"\r": "old Mac (CR)"}


def _line_ends(data: bytes) -> str:
    """How ``data`` ends its lines, in words ("Windows (CRLF)", "mixed")."""
    crlf = data.count(b"\r\n")
    kinds = [k for k, n in ((b"\r\n", crlf), (b"\n", data.count(b"\n") - crlf), (b"\r", data.count(b"\r") - crlf)) if n]
    if len(kinds) > 1:
        return "mixed"
    return _LINE_ENDS[kinds[0]] if kinds else "none (one line)"


def _sizes(before: int, after: int) -> str:
    """Two sizes as people read them, told apart: "264 → 300 bytes", "2.5 MB → 2.6 MB"."""
    if max(before, after) < 10_240:
        return f"{before:,} → {after:,} bytes"
    from .wording import byte_sizes_apart

    old, new = byte_sizes_apart(before, after)
    return f"{old} → {new}"


def _change_notes(name: str, before: bytes, after: bytes, diff: str) -> tuple[list[str], bool]:
    """What changed in a file that its line diff does not show, in words, and whether that diff
    is noise (its lines read the same on both sides).

    Why: a file whose only change was CRLF → LF was shown as every line removed and added again,
    the same text twice, and a byte-order mark or a line break at the end is invisible in a diff;
    a picture, a font or a file too big for a line diff was a bare "changed", with nothing to
    tell the user what had happened to it.
    """
    if not diff:
        text = _is_text(name, before, after)
        what = "Too big to compare line by line" if text else "Not a text file, so no line diff"
        same = " (the same size, other bytes)" if len(before) == len(after) else ""
        return [f"{what}: {_sizes(len(before), len(after))}{same}."], False
    notes: list[str] = []
    old, new = before.removeprefix(_BOM), after.removeprefix(_BOM)
    if before.startswith(_BOM) != after.startswith(_BOM):
        added = "added at" if after.startswith(_BOM) else "removed from"
        notes.append(f"Byte-order mark (an invisible mark some editors write) {added} the start of the file.")
    ends = _line_ends(old), _line_ends(new)
    flat_old, flat_new = (x.replace(b"\r\n", b"\n").replace(b"\r", b"\n") for x in (old, new))
    if ends[0] != ends[1] and old != new:
        notes.append(f"Line endings: {ends[0]} → {ends[1]}.")
    elif ends[0] == "mixed":
        notes += _line_end_changes(old, new)
    if flat_old.endswith(b"\n") != flat_new.endswith(b"\n") and flat_old.rstrip(b"\n") == flat_new.rstrip(b"\n"):
        notes.append(
            "Only the line break at the end of the last line was "
            + ("added." if flat_new.endswith(b"\n") else "removed.")
        )
    elif flat_old != flat_new and flat_old.translate(None, _LAYOUT) == flat_new.translate(None, _LAYOUT):
        notes.append("Only spaces, tabs or blank lines changed.")
    if sides := [side for side, data in (("before", before), ("after", after)) if not _is_utf8(data)]:
        notes.append(f"Not UTF-8 text ({' and '.join(sides)} the change), shown as Windows-1252 (Western) letters.")
    if flat_old == flat_new:
        notes.append("The text itself is the same, so no line diff is shown.")
    return notes, flat_old == flat_new


def _line_end_changes(before: bytes, after: bytes) -> list[str]:
    """The lines whose ending alone changed, in a file of mixed line endings on both sides, in the
    words of the whole file's note: ["Line endings: Unix (LF) → Windows (CRLF) on lines 3 and 7."].

    Why: such a file keeps its "mixed" either way, so no note was made, and the diff showed the
    line removed and added again, reading the same.
    """
    import difflib

    from .lineends import split_lines

    words = {k.decode(): v for k, v in _LINE_ENDS.items()}
    a, b = split_lines(_diff_text(before)), split_lines(_diff_text(after))
    texts_a, texts_b = ([line.rstrip("\r\n") for line in side] for side in (a, b))
    found: dict[tuple[str, str], list[int]] = {}
    matcher = difflib.SequenceMatcher(None, texts_a, texts_b, autojunk=False)
    for tag, i1, i2, j1, _j2 in matcher.get_opcodes():
        if tag != "equal":
            continue
        for k in range(i2 - i1):
            was, now = a[i1 + k][len(texts_a[i1 + k]) :], b[j1 + k][len(texts_b[j1 + k]) :]
            if was != now and was in words and now in words:
                found.setdefault((words[was], words[now]), []).append(j1 + k + 1)
    notes = []
    for (was, now), lines in found.items():
        shown = [str(n) for n in lines[:5]] + ([f"{len(lines) - 5} more"] if len(lines) > 5 else [])
        said = shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} and {shown[-1]}"
        notes.append(f"Line endings: {was} → {now} on {plural(len(lines), 'line')} {said}.")
    return notes


def _json_summary(name: str, before: bytes, after: bytes) -> list[str]:
    """What changed in a JSON file, in words (nothing when either side is not readable JSON)."""
    if not name.lower().endswith(".json") or max(len(before), len(after)) > _DIFF_LIMIT:
        return []
    import json

    from .jsonchanges import describe_changes

    try:
        return describe_changes(json.loads(before.decode("utf-8-sig")), json.loads(after.decode("utf-8-sig")))
    except (ValueError, UnicodeDecodeError, RecursionError):
        return []


def _is_text(name: str, *versions: bytes) -> bool:
    """Whether a file is text, for its line diff: a web file by its name (read as Windows-1252 when
    it is not UTF-8), any other when each version reads as UTF-8 without a NUL byte.

    Why not the names alone: a changed notes.txt (or a .mjs, a .md) was said to be "Not a text
    file", and an added one showed no text under --diff. A picture or a font holds NUL bytes.
    """
    if name.lower().endswith(DIFF_SUFFIXES):
        return True
    return all(_starts_as_utf8_text(data) for data in versions)


def _starts_as_utf8_text(data: bytes, sniff: int = 64 * 1024) -> bool:
    """Whether the first ``sniff`` bytes read as UTF-8 without a NUL byte (a letter cut in two at
    the end is no error): the rest of a file too big to diff is not read."""
    import codecs

    head = data[:sniff]
    if b"\0" in head:
        return False
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=len(data) <= sniff)
    except UnicodeDecodeError:
        return False
    return True


def _text_diff(name: str, before: bytes, after: bytes) -> str:
    if max(len(before), len(after)) > _DIFF_LIMIT or not _is_text(name, before, after):
        return ""
    import difflib  # here: the window loads this module with every package, diffs are for export plans

    from .lineends import split_lines

    # Lines as the editor numbers them (str.splitlines also split at a vertical tab, a form feed,
    # U+0085 ...), compared with their endings; written one a line, each ended by LF, the diff's own
    # separator: a lone CR (a classic Mac file) left the whole diff on one line.
    a, b = split_lines(_diff_text(before)), split_lines(_diff_text(after))
    shown = shown_change_name(name)  # (the name the list above the diffs gives the file)
    out = []
    for line in difflib.unified_diff(a, b, f"before/{shown}", f"after/{shown}"):
        if line.endswith("\r\n"):
            out.append(line[:-2] + "\n")
        elif line[-1:] in ("\n", "\r", "\u2028", "\u2029"):
            out.append(line[:-1] + "\n")
        else:
            out.append(line + "\n\\ No newline at end of file\n")
    return "".join(out)


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _diff_text(data: bytes) -> str:
    """A file's text for its line diff: UTF-8, else read as Windows-1252 (Western), so that 'café'
    reads so and not as 'caf\ufffd', where every letter beyond English looked alike."""
    return data.decode("utf-8") if _is_utf8(data) else data.decode("cp1252", errors="replace")


def _plugin_lines(pkg: BrandingPackage) -> list[str]:
    on = [p.display_name for p in pkg.plugins if p.entry.enabled is not False]
    # Off with allowUnload false (PD209): no switch in Settings > Plugins, so nobody turns it on.
    # ("off until a user turns them on" and "users cannot turn it off" said the opposite.) A missing
    # allowUnload is no switch either, as the form, the preview and PD312 read it.
    never = [p for p in pkg.plugins if p.entry.enabled is False and p.package and not p.package.allow_unload]
    off = [p.display_name for p in pkg.plugins if p.entry.enabled is False and p not in never]
    lines = []
    if pkg.plugins:
        lines.append("Enabled by default: " + (", ".join(on) if on else "none") + ".")
    if off:
        lines.append("Installed but off until a user turns them on: " + ", ".join(off) + ".")
    if never:
        lines.append(
            "Off, and users cannot turn them on (they may not switch them at all), so nobody gets them: "
            + ", ".join(p.display_name for p in never)
            + "."
        )
    for p in pkg.plugins:
        pk = p.package
        if pk is None:
            lines.append(f"{p.display_name}: its package file cannot be read.")
            continue
        secs = pk.sections
        where = (
            ", ".join(PLACEMENT_NAMES[s].lower() if s in PLACEMENT_NAMES else s for s in secs)
            if secs
            else "no menu item (listens to events)"
        )
        # Only the roles and platforms the app knows: it leaves the others out (PD311), and "for host
        # and Guests, on Web" read as if hosts got the plugin in the web app, where nobody does.
        roles, loads_in = pk.participant_roles or [], pk.platforms or []
        who = who_gets(roles)
        known = [PLATFORM_NAMES[x] for x in loads_in if x in PLATFORM_NAMES]
        platforms = ", ".join(dict.fromkeys(known)) or "no platform"
        unknown = list(
            dict.fromkeys(repr(v) for v in [*roles, *loads_in] if v not in ROLE_NAMES and v not in PLATFORM_NAMES)
        )
        if unknown:
            listed = ", ".join(unknown[:-1]) + " and " + unknown[-1] if len(unknown) > 1 else unknown[0]
            platforms += f" (the app does not know {listed}, which it leaves out)"
        lock = (
            ""
            if pk.allow_unload
            else "; off, and users cannot turn it on"
            if p.entry.enabled is False
            else "; users cannot turn it off"
        )
        lines.append(f"{p.display_name}: {where}, for {who}, on {platforms}{lock}.")
    return lines


def _repaired_by_export(problem: Problem) -> str | None:
    """What the export does about ``problem`` on its own, in words; None when it must be fixed first.

    Why a brandingID that is no number (PD102 on it: "abc", true) too: the export writes a new
    number there anyway, and it blocked the export, with manifest.json read-only in the designer.
    """
    if problem.code in REPAIRED_BY_EXPORT:
        return REPAIRED_BY_EXPORT[problem.code]
    if problem.code == "PD102" and problem.file == "manifest.json" and problem.pointer == "/brandingID":
        return "brandingID will be replaced by a number"
    return None


def plan_export(pkg: BrandingPackage, branding_id: Any = None, problems: list[Problem] | None = None) -> ExportPlan:
    """Everything the export would write, and why it may not, without writing anything.

    ``problems`` may pass the result of :func:`run_checks` when the caller already has it.
    Raises :class:`ExportRefused` when no export is possible (read-only ZIP, unusable brandingID).
    """
    if not isinstance(pkg.files, DirFiles):
        # The ZIP as the user named it: the label's "!webapp2" is how the designer addresses its inside.
        where = getattr(pkg.files, "zip_path", pkg.files.label)
        raise ExportRefused(f"{where} is a ZIP opened read-only; import it into a folder first.")
    root = pkg.files.root
    project = pkg.files.project
    folder = state_dir(project)
    if folder.is_symlink():
        # The record would be read from and merged into whatever the link points to (another
        # program's state.json in its own folder), and the next export's brandingID chosen from it.
        raise ExportRefused(
            f"{folder} is a symbolic link (to {os.readlink(folder)}); the designer keeps its record of this "
            "project's exports only in a folder of the project itself, never through a link, so that no file "
            "elsewhere is changed. Replace the link with a folder (or remove it) and export again."
        )
    try:
        state = load_state(project, strict=True)  # the last brandingID is there: none is chosen without it
    except StateUnreadable as exc:
        raise ExportRefused(str(exc)) from None
    old, new = _choose_id(pkg, state, branding_id)
    problems = run_checks(pkg, exporting=True) if problems is None else problems
    errors = [p for p in problems if p.severity is Severity.ERROR and _repaired_by_export(p) is None]
    repaired = sorted({said for p in problems if (said := _repaired_by_export(p)) is not None})
    model = _model_writes(pkg, new)
    entries: dict[str, bytes] = {}
    skipped: dict[str, str] = {}
    _walk(root, "webapp2/", entries, skipped)
    carried: set[str] = set()
    if project != root:
        for name in carried_names(project, state):
            carried.add(name)
            if (project / name).is_symlink():
                # A carried name that became a link (docs/ -> /etc): the files it pointed to were
                # exported. Links are never followed, here as inside webapp2/.
                skipped[shown_name(name + "/" if (project / name).is_dir() else name)] = "a symbolic link"
                continue
            _walk(project / name, name + "/" if (project / name).is_dir() else name, entries, skipped)
    label, base_zip, own, lost = _baseline(project, state)
    # The baseline is opened and its names read once, for the files kept and for the changes.
    with _open_baseline(base_zip) as zf:
        earlier = _baseline_files(zf, own) if zf is not None else None
        if label is not None and earlier is None:  # the right bytes, yet no ZIP this export can read
            lost, label = f"{label[:1].upper()}{label[1:]} cannot be read as a branding ZIP", None
        if earlier is not None and project != root:
            _keep_earlier_files(project, sorted(earlier), {"webapp2", *carried}, entries, skipped)
        for rel, text in pkg.pending_texts.items():
            if text is None:  # removed in the designer: not part of what gets uploaded
                entries.pop("webapp2/" + rel, None)
        _refuse_clashing_names(entries)
        writes: dict[str, bytes] = {}
        for rel, data in model.items():
            if entries.get("webapp2/" + rel) != data:
                writes[rel] = data
                entries["webapp2/" + rel] = data
        changes = _diff(entries, zf, earlier) if zf is not None and earlier is not None else []
    return ExportPlan(
        pkg=pkg,
        project=project,
        root=root,
        old_branding_id=old,
        branding_id=new,
        entries=entries,
        writes=writes,
        errors=errors,
        problems=problems,
        repaired=repaired,
        skipped=list(skipped),
        baseline=label,
        baseline_lost=lost,
        changes=changes,
        plugins=_plugin_lines(pkg),
        skip_reasons=skipped,
    )


def _refuse_clashing_names(entries: dict[str, bytes]) -> None:
    """Two files (or folders) whose names differ only in letter case or in how an accent is encoded
    (NFC and NFD ``café``) would overwrite each other (be one folder) on Windows and macOS, and
    our own import refuses such a ZIP: the export wrote it anyway. Refused here, naming both. A name Windows cannot use
    at all (``CON``, ``aux.svg``, ``icon.svg.``) is refused the same way (PD214)."""
    for other, part, name in name_clashes(entries):
        how = name_difference(other, part)
        if part != name:  # folders (plugins/Rec/ and plugins/rec/): one folder there, as the import sees them
            raise ExportRefused(
                f"The folder '{shown_name(part)}' of '{shown_name(name)}' and '{shown_name(other)}' differ only in "
                f"{how}; on Windows and macOS they are one (and the ZIP could not be imported again). Rename one."
            )
        raise ExportRefused(
            f"'{shown_name(other)}' and '{shown_name(name)}' differ only in {how}; they would overwrite each "
            "other on Windows and macOS (and the ZIP could not be imported again). Rename or remove one."
        )
    for name in entries:
        windows = windows_name_problem(name)
        if windows is not None:
            # As for the names above: check warns (PD214), the export does not make a ZIP that
            # cannot be unpacked on Windows. (The Linux server would take it; people could not.)
            part, why = windows
            what = (
                f"'{shown_name(name)}'" if part == name else f"The folder '{shown_name(part)}' of '{shown_name(name)}'"
            )
            raise ExportRefused(
                f"{what[:1].upper()}{what[1:]} {why}, so the ZIP could not be unpacked on Windows, where "
                "administrators often open branding ZIPs. Rename it."
            )


def write_export(plan: ExportPlan, out: Path, force: bool = False) -> ExportResult:
    """Write the ZIP, the changed project files and the record of the export: all of them, or none."""
    if plan.errors and not force:
        raise ExportBlocked(plan.errors)
    out = Path(out)
    target = out.resolve()
    check_output_path(plan, out)
    data = zip_bytes(plan.entries.items())
    import hashlib  # only here: it loads OpenSSL, which opening a package never needs

    digest = hashlib.sha256(data).hexdigest()
    files = plan.pkg.files
    assert isinstance(files, DirFiles)
    files.check_there()  # before the state folder is looked at (it would be missing too)
    from .fingerprint import fingerprint
    from .model import pending_deletes

    # What the next export compares with and must exceed, written with the ZIP: the state folder
    # is checked first, so a project that cannot remember this export is not changed at all (the
    # ZIP written and the brandingID raised, then "Not exported" for the state alone).
    try:
        check_state_writable(plan.project)
    except OSError as exc:
        file_there = state_folder_refusal(plan.project)
        if file_there is not None:  # "cannot write there (File exists)" said nothing
            raise ExportRefused(f"{file_there}; nothing was exported. Move that file away and export again.") from None
        raise ExportRefused(
            f"{exc.filename}: the designer cannot write there ({exc.strerror or exc}). It remembers each export in "
            "that folder, so that the next brandingID is greater; nothing was exported. Make the folder writable "
            "and export again."
        ) from None
    _state, state_data = merged_state(
        plan.project,
        last_export={
            "path": str(target),
            # The project folder the ZIP was made from: a copy made by Save As carries this record
            # (its brandingID, the ZIP to compare with), but its exports must not go into that ZIP.
            "project": str(Path(os.path.abspath(plan.project))),
            "sha256": digest,
            # What PD213 compares with (core/fingerprint.py), from the bytes just zipped: the files
            # its own rules export, as the check counts them (not those kept only because the
            # imported ZIP held them, such as .htaccess: counted here, PD213 came right after exporting).
            "content": fingerprint(
                (name[len("webapp2/") :], content)
                for name, content in plan.entries.items()
                if name.startswith("webapp2/") and exported_name(name[len("webapp2/") :])
            ),
            "brandingID": plan.branding_id,
            "files": len(plan.entries),
            "time": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        },
    )
    # The project matches what was uploaded: removed plugins leave it too (to the trash).
    removed = pending_deletes(plan.pkg)
    # The ZIP, the project's files (the new brandingID), the state and the trash together, or none
    # of them: a ZIP whose brandingID the project does not hold would be uploaded, and the next
    # export repeat it; a brandingID raised for a ZIP that was never written is a "Not exported" that lied.
    state_file = state_dir(plan.project) / STATE_FILE
    # Through a link to the file it names (``latest.zip`` -> ``branding-7.zip``): the ZIP replaced
    # the link, while the record and the result named the file it pointed to, which kept the old ZIP.
    # Killed half way, the next open of the project finishes it (see files.finish_interrupted_write).
    journal = state_file.with_name(WRITE_JOURNAL)
    doing = f"The export of brandingID {plan.branding_id} to {target}"
    files.write_many(
        plan.writes, also={target: data, state_file: state_data}, trash=removed, journal=journal, doing=doing
    )
    # Run through sudo, the ZIP the user named is theirs, also in a folder of root's (/tmp, whose
    # sticky bit kept them from replacing it with their next export).
    give_new(target, asked_for=True)
    return ExportResult(target, digest, len(data), plan.branding_id, plan.old_branding_id, sorted(plan.writes), plan)


def not_written_said(exc: OSError, plan: ExportPlan, out: Path) -> str:
    """Why the export wrote nothing (its writes are all or nothing), in words: the ZIP's folder or
    the project file the system refused, named as the user named them, and what to do. The export
    command and the Export pane say it alike.

    Why: a read-only folder for the ZIP ended the export with "/whole/path/x.zip: Operation not
    permitted", a path never typed, and no word of whether anything was exported (in the pane, "No
    such file or directory", as if the ZIP were missing).
    """
    from .files import os_message

    if not exc.strerror or not exc.filename:
        return os_message(exc)  # (a sentence of ours already: a link, a folder gone)
    failed = Path(exc.filename).resolve()
    if failed == out.resolve() and out.is_file():
        # (On Windows a file open in another program cannot be replaced: "make that folder writable"
        # sent the user after a folder that was.)
        return (
            f"The earlier ZIP {out} cannot be replaced ({exc.strerror}): another program may have it open (an "
            "archive viewer, an upload in a browser), or its folder is read-only; nothing was exported. Close it "
            "there, or choose another place for the ZIP."
        )
    if failed == out.resolve():
        return (
            f"The ZIP {out} cannot be written in {out.parent} ({exc.strerror}); nothing was exported. Choose "
            "another place for it, or make that folder writable."
        )
    written = {(plan.root / rel).resolve() for rel in plan.writes}
    if failed in written:
        return (
            f"{said_as_given(failed, plan.root)} cannot be replaced ({exc.strerror}): the export updates it in the "
            "project as it writes the ZIP (the new brandingID goes into manifest.json); nothing was exported. Make "
            "the file and its folder writable, and export again."
        )
    return f"{os_message(exc)}; nothing was exported."


def take_export(result: ExportResult) -> None:
    """Bring what ``result``'s export wrote into the project into its package's model, as a save would.

    Why: the window read the whole project again after each export, and with it lost the undo
    history, the selection and the place the user was at. The export writes what a save writes
    plus the new brandingID (and ``isSettingsBranded: true``), so the model takes those two, and
    every file is then as it is on disk: nothing pending, nothing for a save to write again.
    """
    pkg = result.plan.pkg
    written = result.plan.writes.get("manifest.json")
    if pkg.manifest is None and written is not None:  # the export created it (a Management Node download)
        reread_json(pkg, "manifest.json", bytes_text(written))
    elif pkg.manifest is not None:
        pkg.manifest.branding_id = result.branding_id
        pkg.manifest.is_settings_branded = True
    mark_written(pkg)
    sync_documents(pkg)  # the documents' text is the written one: problems are placed in it


def state_folder_refusal(project: Path) -> str | None:
    """Why the export of ``project`` is refused before it writes anything, when a file stands where
    the designer keeps its state folder (PD110), in words naming it; else None.

    Why apart from :func:`write_export`: the Export pane says so before the click (it said "Ready
    to export", and the export then refused).
    """
    folder = state_dir(project)
    if os.path.lexists(folder) and not folder.is_dir():
        return (
            f"{folder} is a file, where the designer keeps its folder with the record of this project's exports "
            "(so that the next brandingID is greater)"
        )
    return None


def check_output_path(plan: ExportPlan, out: Path) -> None:
    """Raise :class:`ExportRefused` when the ZIP cannot be written at ``out``; write nothing.

    Why apart from :func:`write_export`: deploy uploads before it writes the ZIP, and a path
    refused only then (a folder, a device, a place inside the project) left a live package on the
    node that the project did not record.
    """
    out = Path(out)
    target = out.resolve()
    own = (plan.project / ".plugin-designer").resolve()
    for inside in (plan.root.resolve(), own):
        if target == inside or inside in target.parents:
            shown = said_as_given(inside, plan.root)  # (as the user named the package: relative, when so)
            where = f"the folder you are in ({inside.name})" if shown == Path(".") else shown
            # (Nothing in the designer's own folder is exported: "it would end up in the next
            # export" was no reason there; replacing what it keeps is.)
            why = (
                "the designer keeps this project's record there (the last export, the copy of the imported ZIP "
                "that the export compares with)"
                if inside == own
                else "it would end up in the next export"
            )
            raise ExportRefused(f"Choose a place outside {where} for the ZIP: {why}.")
    if target.is_dir():
        # (An example name in it, the one the Export pane suggests: "give the name" left a new user guessing.)
        example = out / zip_name_for(project_name(plan.project))
        raise ExportRefused(f"{out} is a folder; give the name of the ZIP file to write, such as {example}.")
    missing = output_folder_refusal(out)
    if missing is not None:
        raise ExportRefused(missing)
    _check_output(out)
    if out.is_symlink() and not target.parent.is_dir():
        raise ExportRefused(
            f"{out} is a symbolic link to {target}, in a folder that does not exist; give the name of the ZIP "
            "file to write (or make that folder first)."
        )


def output_folder_refusal(out: Path, what: str = "ZIP") -> str | None:
    """Why the ``what`` (ZIP, PNG) ``out`` cannot go where it is named (its folder is missing, or
    is a file), else None.

    Why refuse rather than make the folder: a typo (``-o ~/Deskop/b.zip``) then put the ZIP in a
    new folder nobody looks in (as root, even ``/nonexistent/dir``), and the export said it was
    done. Making a folder is the user's decision; the README never promised it. ``screenshot -o``
    asks the same (it made the folders, the one command writing a file that did).
    """
    folder = Path(out).parent
    if folder.is_dir() or Path(out).is_symlink():  # (a link's own folder exists: it is there)
        return None
    if os.path.lexists(folder):
        return f"{folder} is not a folder, so the {what} {out} cannot be written in it; check the name."
    here = folder
    while not os.path.lexists(here.parent) and here.parent != here:  # the outermost folder missing
        here = here.parent
    first = "" if here == folder else f" (nor does {here})"
    return (
        f"The folder {folder} does not exist{first}, so the {what} {out} was not written. Check the name for a typo, "
        "or make the folder first."
    )


_KINDS = {
    stat.S_IFIFO: "a named pipe (FIFO)",
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
    stat.S_IFSOCK: "a socket",
}


def _check_output(out: Path) -> None:
    """Refuse an ``out`` that exists and is not a regular file (``/dev/full``, a pipe, a socket).

    The ZIP is written next to ``out`` and renamed over it: a device or pipe would be replaced
    by a plain file (as root, ``/dev/null`` too), which no one asking for a ZIP meant.
    """
    try:
        mode = os.stat(out).st_mode  # follows a link: what matters is what it points to
    except FileNotFoundError:
        return  # a new file (or a link to nothing, replaced like any file)
    except OSError as exc:
        raise ExportRefused(f"{out} cannot be used for the ZIP ({exc.strerror or exc}).") from None
    if stat.S_ISREG(mode):
        if os.stat(out).st_size and not _looks_like_zip(out):
            # notes.txt given by a slip of the finger was replaced by the ZIP without a word.
            raise ExportRefused(
                f"{out} is a file that is not a ZIP; give the name of the ZIP file to write (a new file or an "
                "earlier ZIP), so that it is not replaced."
            )
        return
    kind = _KINDS.get(stat.S_IFMT(mode), "not a regular file")
    link = " a symbolic link to" if os.path.islink(out) else ""
    raise ExportRefused(
        f"{out} is{link} {kind}, not a regular file; give the name of the ZIP file to write (a new file or an "
        "earlier ZIP)."
    )


def _looks_like_zip(path: Path) -> bool:
    """Whether ``path`` starts as a ZIP does (an earlier export, even a damaged one)."""
    try:
        with open(path, "rb") as fh:
            return fh.read(4) in (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
    except OSError:
        return False


def export_package(
    path: Path | BrandingPackage, out: Path, branding_id: Any = None, force: bool = False
) -> ExportResult:
    """Load (if needed), plan and write in one call: the CLI and the benchmark use this."""
    pkg = path if isinstance(path, BrandingPackage) else load(Path(path))
    return write_export(plan_export(pkg, branding_id), out, force=force)
